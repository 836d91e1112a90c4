"""conv44 (issues 9, 11, 12, the convolution row, third pass): pooling whose windows overlap (or
leave entries out) as one node — δA = unpool_{k,s}(δP, A), upsample_{k,s}(δP)/k² — global and
adaptive pooling, NumPy's reshape-max pooling read as the max-pool row, a 1-D 'same' convolution
read as the 'full' one's middle, and a convolution over several channels refused in one line that
names the per-channel sum derive reads. Gradients are checked against PyTorch and finite
differences at sizes other than the course's; the 1-D 'same' against NumPy's own np.convolve."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import ops, spec
from derive.numeric import verify as numeric
from spelled_oracle import oracle

COURSE = Path(__file__).parent / "specs_course"
REFUSED = Path(__file__).parent / "specs_refused"
HELD = sorted(COURSE.glob("cv44_*.toml"))
CHANNELS = COURSE / "cv44_torch_conv2d_two_in_two_out_cn.toml"  # held out as a course spec; read since shape48
ALEX = COURSE / "cv44_alexnet_overlapping_maxpool.toml"


def _verified(path: Path, points: int = 1) -> None:
    d = derive(spec.load(str(path)))
    report = numeric.verify(d, points=points)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == set(d.spec.params)


def _refused(path: Path, lang: str) -> str:
    res = CliRunner().invoke(main, ["verify", str(path), "--lang", lang])
    assert res.exit_code == 2, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and "Traceback" not in res.output, res.output
    return lines[0]


@pytest.mark.parametrize("path", HELD, ids=lambda p: p.stem)
def test_the_held_out_course_specs_verify(path: Path) -> None:
    _verified(path)


def test_several_channels_are_read_as_the_per_channel_sum() -> None:
    """shape48: the two-in, two-out F.conv2d is read channel by channel (derive/lang/channels48.py)
    and equals PyTorch running the spec's own 4-D text (the oracle stacks derive's maps back)."""
    _verified(CHANNELS)
    out = oracle(CHANNELS)
    assert out.status == "agree" and {"K00", "K01", "K10", "K11", "b0", "b1"} <= set(out.worst), (out.status, out.reason)


TWO_BY_TWO = """[network]
name = "conv44-channels-by-hand"
[inputs]
X1 = [4, 4]
X2 = [4, 4]
Y1 = [3, 3]
Y2 = [3, 3]
[params]
K11 = [2, 2]
K12 = [2, 2]
K21 = [2, 2]
K22 = [2, 2]
b1 = []
b2 = []
[forward]
Z1 = "signal.correlate2d(X1, K11, mode='valid') + signal.correlate2d(X2, K12, mode='valid') + b1"
Z2 = "signal.correlate2d(X1, K21, mode='valid') + signal.correlate2d(X2, K22, mode='valid') + b2"
loss = "(np.sum((np.tanh(Z1) - Y1) ** 2) + np.sum((np.tanh(Z2) - Y2) ** 2)) / 18"
[values]
X1 = {x1}
X2 = {x2}
Y1 = {y1}
Y2 = {y2}
K11 = {k11}
K12 = {k12}
K21 = {k21}
K22 = {k22}
b1 = 0.1
b2 = -0.2
"""


def test_the_refusals_fix_is_true_the_per_channel_sum_is_pytorchs_two_channel_conv(tmp_path: Path) -> None:
    """The refusal tells the author to write each output map as the sum of per-channel
    correlations: written so, derive's ∂L/∂K[o, c] equal PyTorch's gradient of ONE
    F.conv2d(X, K) with X [1, 2, 4, 4] and K [2, 2, 2, 2] (an independent 4-D reference)."""
    rng = np.random.default_rng(44)
    x, y, k = rng.normal(size=(1, 2, 4, 4)), rng.normal(size=(1, 2, 3, 3)) * 0.5, rng.normal(size=(2, 2, 2, 2)) * 0.5
    lists = {"x1": x[0, 0], "x2": x[0, 1], "y1": y[0, 0], "y2": y[0, 1], "k11": k[0, 0], "k12": k[0, 1], "k21": k[1, 0], "k22": k[1, 1]}
    p = tmp_path / "channels.toml"
    p.write_text(TWO_BY_TWO.format(**{key: np.round(v, 6).tolist() for key, v in lists.items()}))
    d = derive(spec.load(str(p)))
    report = numeric.verify(d, points=1)
    assert report.ok
    xt = torch.tensor(np.round(x, 6))
    kt = torch.tensor(np.round(k, 6), requires_grad=True)
    bt = torch.tensor([0.1, -0.2], dtype=torch.float64, requires_grad=True)
    z = torch.nn.functional.conv2d(xt, kt, bias=bt)
    loss = ((torch.tanh(z) - torch.tensor(np.round(y, 6))) ** 2).mean()
    loss.backward()
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))  # derive's matrix rules
    for o in range(2):
        for c in range(2):
            assert np.allclose(np.asarray(ours[f"K{o + 1}{c + 1}"]), kt.grad[o, c].numpy(), atol=1e-12)
    assert np.isclose(float(np.asarray(ours["b1"]).sum()), float(bt.grad[0]), atol=1e-12)


NET = """[network]
name = "conv44-{name}"
[inputs]
Y = [{o}, {o}]
[params]
A = [{n}, {n}]
[forward]
P = "{pool}"
loss = "F.mse_loss(torch.tanh(P), Y)"
"""


def _pool_net(tmp_path: Path, pool: str, n: int, o: int, name: str = "t") -> Path:
    p = tmp_path / f"{name}.toml"
    p.write_text(NET.format(name=name, pool=pool, n=n, o=o))
    return p


@pytest.mark.parametrize(
    "pool, n, o",
    [
        ("F.max_pool2d(A[None, None], 3, stride=2)[0, 0]", 7, 3),  # AlexNet's overlapping windows
        ("F.max_pool2d(A[None, None], kernel_size=2, stride=1)[0, 0]", 5, 4),
        ("F.avg_pool2d(A[None, None], kernel_size=3, stride=1)[0, 0]", 6, 4),
        ("F.avg_pool2d(A[None, None], 2, 1).squeeze()", 4, 3),
        ("F.max_pool2d(A[None, None], 2, stride=3)[0, 0]", 8, 3),  # entries between windows
        ("F.max_pool2d(A[None, None], kernel_size=(3, 3), stride=(2, 2))[0, 0]", 5, 2),
        ("F.adaptive_avg_pool2d(A[None, None], 2)[0, 0]", 6, 2),  # = 3×3 windows side by side
        ("F.adaptive_avg_pool2d(A[None, None], 1)[0, 0]", 5, 1),  # global average pooling
        ("F.adaptive_max_pool2d(A[None, None], (1, 1))[0, 0]", 4, 1),
        ("A.reshape(3, 2, 3, 2).max(axis=(1, 3))", 6, 3),  # NumPy's reshape-max pooling
        ("np.max(A.reshape(2, 3, 2, 3), axis=(-3, -1))", 6, 2),
        ("A.reshape(2, 2, 2, 2).mean(axis=(1, 3))", 4, 2),
        ("A.reshape(4 // 2, 2, 4 // 2, 2).amax(dim=(1, 3))", 4, 2),
    ],
)
def test_overlapping_global_adaptive_and_reshape_pooling_verify(tmp_path: Path, pool: str, n: int, o: int) -> None:
    """At sizes other than the course's, drawn values (no ties): PyTorch's max_pool2d/
    avg_pool2d with the stride, and finite differences, agree with derive's pull."""
    _verified(_pool_net(tmp_path, pool, n, o), points=2)


def test_an_entry_winning_two_overlapping_windows_collects_both() -> None:
    """The route of overlapping windows adds: with 2 × 2 windows 1 apart, the centre of a 3 × 3
    map that is the largest of all four windows gets the sum of the four upstream entries — as
    PyTorch's own backward of max_pool2d."""
    a = np.array([[0.1, 0.2, 0.3], [0.4, 9.0, 0.5], [0.6, 0.7, 0.8]])
    d = np.array([[1.0, 2.0], [3.0, 4.0]])
    got = ops.pool_numpy(d, 2, "route", 1, a)
    assert got[1, 1] == 10.0 and got.sum() == 10.0
    t = torch.tensor(a, requires_grad=True)
    (back,) = torch.autograd.grad(torch.nn.functional.max_pool2d(t[None, None], 2, 1), t, torch.tensor(d)[None, None])
    assert np.array_equal(got, back.numpy())
    up = ops.pool_numpy(d, 2, "up", 1)  # avg's: each δ into its whole window
    assert up.tolist() == [[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]


def _build(tmp_path: Path, path: Path, lang: str = "en") -> tuple[str, str]:
    out = tmp_path / f"out-{path.stem}-{lang}"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "-f", "py", "--lang", lang, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return next(out.rglob("walkthrough.md")).read_text(), next(out.rglob("backprop.py")).read_text()


def test_overlapping_pooling_prints_its_pull_and_says_it_in_words(tmp_path: Path) -> None:
    md, code = _build(tmp_path, ALEX)
    assert "\\delta_{A} = \\operatorname{unpool}_{3,2}\\left(\\delta_{P}, A\\right)" in md
    assert "dA = pool_route(dP, A, 3, 2)" in code
    assert "neighbouring windows overlap: an entry that is the largest of several windows collects" in md
    zh, _ = _build(tmp_path, ALEX, "zh")
    assert "相邻的窗口互相重叠" in zh
    p = _pool_net(tmp_path, "F.avg_pool2d(A[None, None], kernel_size=3, stride=1)[0, 0]", 6, 4, "avg")
    md, code = _build(tmp_path, p)
    assert "\\operatorname{upsample}_{3,1}" in md and "upsample(dP, 3, 1) / 9" in code
    assert "collects its share of the blame of each of them" in md


@pytest.mark.parametrize("name", ["cv44_alexnet_overlapping_maxpool", "cv44_numpy_reshape_maxpool", "cv44_numpy_convolve_same_1d_cn"])
def test_the_generated_script_runs_with_numpy_alone_and_agrees(tmp_path: Path, name: str) -> None:
    _, code = _build(tmp_path, COURSE / f"{name}.toml")
    assert "import scipy" not in code and "from scipy" not in code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "agree" in run.stdout


SAME_1D = """[network]
name = "conv44-same-1d"
[inputs]
x = [{n}]
r = [{n}]
[params]
w = [{k}]
[forward]
h = "{conv}(x, w, 'same')"
loss = "np.sum(h * r)"
[values]
x = {x}
r = {r}
w = {w}
"""


@pytest.mark.parametrize("conv", ["np.convolve", "np.correlate", "numpy.convolve"])
@pytest.mark.parametrize("n, k", [(8, 3), (7, 4), (5, 5), (6, 1)])
def test_a_1d_same_convolution_is_numpys_own(tmp_path: Path, conv: str, n: int, k: int) -> None:
    """An oracle independent of derive's reading: ∂L/∂w of L = Σ h ⊙ r by central differences of
    NumPy's own np.convolve/np.correlate(x, w, 'same') (exact here: L is linear in w)."""
    rng = np.random.default_rng(n * 10 + k)
    x, r, w = (np.round(rng.normal(size=s), 3) for s in (n, n, k))
    p = tmp_path / "same.toml"
    p.write_text(SAME_1D.format(n=n, k=k, conv=conv, x=x.tolist(), r=r.tolist(), w=w.tolist()))
    d = derive(spec.load(str(p)))
    assert numeric.verify(d, points=1).ok
    ours = np.asarray(numeric.gradients_matrix(d, numeric.example_point(d.graph))[0]["w"]).ravel()
    f = np.convolve if "convolve" in conv else np.correlate
    fd = np.array([(np.sum(f(x, w + e, "same") * r) - np.sum(f(x, w - e, "same") * r)) / 2e-3 for e in np.eye(k) * 1e-3])
    assert np.allclose(ours, fd, atol=1e-9), (ours, fd)


REFUSE = [
    # a 1-D kernel longer than the signal (NumPy's 'same' then has the kernel's length)
    (SAME_1D.format(n=3, k=5, conv="np.convolve", x=[1.0, 2.0, 3.0], r=[1.0, 0.0, 1.0], w=[1.0] * 5), "n ≥ k", "n ≥ k"),
    # windows 2 apart that do not tile the map; adaptive sizes that overlap; fractional pooling
    # (shape47: of a named map PyTorch's floor is read; of an expression it stays refused; shape48: an element-wise one is read, A @ A is not)
    (NET.format(name="t", pool="F.max_pool2d((A @ A)[None, None], 3, stride=2)[0, 0]", n=6, o=2), "are not multiples of the stride 2", "整数倍"),
    (NET.format(name="t", pool="F.adaptive_avg_pool2d(A[None, None], 2)[0, 0]", n=5, o=2), "output_size=2 is not read", "output_size=2"),
    # (padding=1 is read since pool46; dilation is not)
    (NET.format(name="t", pool="F.max_pool2d(A[None, None], 2, stride=1, padding=1, dilation=2)[0, 0]", n=4, o=5), "dilation=2 is not read", "dilation=2"),
]


@pytest.mark.parametrize("text, en, zh", REFUSE)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_not_read_is_refused_in_one_line(tmp_path: Path, text: str, en: str, zh: str, lang: str) -> None:
    p = tmp_path / "r.toml"
    p.write_text(text)
    line = _refused(p, lang)
    assert (en if lang == "en" else zh) in line, line


def test_fractional_pooling_is_refused_in_one_line() -> None:
    assert "fractional_max_pool2d" in _refused(REFUSED / "cv44_fractional_maxpool_cn.toml", "en")


@pytest.mark.parametrize(
    "formula, latex, right",
    [
        ("correlate2d(X, pool_route((P - Y) / 2, A, 3, 2) * (Z > 0))", False, True),
        ("correlate2d(X, pool_route((P - Y) / 2, A, k=3, stride=2) * (Z > 0))", False, True),
        ("X \\star \\left(\\operatorname{unpool}_{3,2}\\left(\\frac{1}{2}(P - Y), A\\right) \\odot \\mathbf{1}[Z > 0]\\right)", True, True),
        # wrong: the non-overlapping rule of conv43, δ spread evenly, the stride left out, δ doubled
        ("correlate2d(X, upsample((P - Y) / 2, 3, 2) * (Z > 0)) / 9", False, False),
        ("correlate2d(X, pool_route((P - Y) / 2, A, 3) * (Z > 0))", False, False),
        ("correlate2d(X, pool_route(P - Y, A, 3, 2) * (Z > 0))", False, False),
    ],
)
def test_check_reads_the_overlapping_pooling_gradient(formula: str, latex: bool, right: bool) -> None:
    r = check(str(ALEX), "K", formula, latex=latex)
    assert r.ok is right, r


def test_the_relu_mask_left_out_before_pooling_is_rejected() -> None:
    assert not check(str(ALEX), "K", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2))").ok


LENET = """[network]
name = "conv44-lenet-order"
[inputs]
X = [6, 6]
Y = [2, 2]
[params]
K = [3, 3]
b = []
[forward]
P = "{pool}"
loss = "F.mse_loss(P, Y)"
[values]
X = {x}
Y = [[0.5, -0.25], [1.0, 0.75]]
K = {k}
b = 0.1
"""


@pytest.mark.parametrize(
    "pool",
    [
        "F.max_pool2d(F.relu(F.conv2d(X[None, None], K[None, None]) + b), 2)[0, 0]",  # PyTorch's LeNet order
        "F.avg_pool2d(torch.tanh(F.conv2d(X[None, None], K[None, None]) * 0.5 - b), 2, stride=1).squeeze()[:2, :2]",
    ],
)
def test_an_activation_of_the_4d_result_is_read_as_pytorch_runs_it(tmp_path: Path, pool: str) -> None:
    """An element-wise function (or + b) of F.conv2d's own 4-D result, pooled before the two
    leading axes are taken away: derive's gradients equal PyTorch's running THE TEXT ITSELF
    (an oracle independent of derive's reading)."""
    rng = np.random.default_rng(7)
    x, k = np.round(rng.normal(size=(6, 6)), 3), np.round(rng.normal(size=(3, 3)) * 0.5, 3)
    p = tmp_path / "lenet.toml"
    p.write_text(LENET.format(pool=pool, x=x.tolist(), k=k.tolist()))
    d = derive(spec.load(str(p)))
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    F = torch.nn.functional
    X, K, b = torch.tensor(x), torch.tensor(k, requires_grad=True), torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
    P = eval(pool, {"F": F, "torch": torch, "X": X, "K": K, "b": b})  # noqa: S307 (the test's own text)
    F.mse_loss(P, torch.tensor([[0.5, -0.25], [1.0, 0.75]], dtype=torch.float64)).backward()
    assert np.allclose(np.asarray(ours["K"]), K.grad.numpy(), atol=1e-12)
    assert np.isclose(float(np.asarray(ours["b"]).sum()), float(b.grad), atol=1e-12)
