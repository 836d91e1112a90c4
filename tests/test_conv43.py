"""conv43 (issues 9 and 11, the convolution row, second pass): a convolution with a stride and
zero padding ('same' too) and 2-D max and average pooling are nodes of their own; their
gradients verify against PyTorch and finite differences at sizes other than the course's, print
as a textbook does (δK = pad_p(X) ⋆ dilate_s(δZ), δX = crop_p(dilate_s(δZ) ⋆̃ rot180(K)),
δA = upsample(δP) ⊙ maxmask(A)), the generated script runs on NumPy alone, a form that is not
read is refused in one line en + zh, and derive check reads the students' spellings and names a
kernel that is not turned by 180° (kernel-not-rotated)."""

from __future__ import annotations

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

COURSE = Path(__file__).parent / "specs_course"
HELD = sorted(p for p in COURSE.glob("cv43_*.toml"))

NET = """[network]
name = "conv43-{name}"
[dims]
h = {h}
[inputs]
Y = [{oh}, {ow}]
[params]
X = [{xh}, {xw}]
K = [{k}, {k}]
b = []
[forward]
Z = "{conv} + b"
A = "torch.tanh(Z)"
loss = "F.mse_loss(A, Y)"
"""


def _net(tmp_path: Path, conv: str, xh: object, xw: object, k: int, oh: object, ow: object, h: int = 2, name: str = "t") -> Path:
    p = tmp_path / f"{name}.toml"
    q = lambda v: f'"{v}"' if isinstance(v, str) else v  # noqa: E731
    p.write_text(NET.format(name=name, h=h, conv=conv, xh=q(xh), xw=q(xw), k=k, oh=q(oh), ow=q(ow)))
    return p


@pytest.mark.parametrize("path", HELD, ids=lambda p: p.stem)
def test_the_held_out_course_specs_verify(path: Path) -> None:
    d = derive(spec.load(str(path)))
    report = numeric.verify(d, points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == set(d.spec.params)


@pytest.mark.parametrize(
    "conv, xh, xw, k, oh, ow",
    [
        ("F.conv2d(X[None, None], K[None, None], stride=2)[0, 0]", 7, 5, 3, 3, 2),
        ("F.conv2d(X[None, None], K[None, None], stride=(2, 2), padding=1)[0, 0]", 5, 7, 3, 3, 4),
        ("F.conv2d(X[None, None], K[None, None], padding='same').squeeze()", 4, 6, 3, 4, 6),
        ("signal.correlate2d(X, K, mode='same')", 5, 4, 5, 5, 4),
        ("signal.convolve2d(X, K, mode='same')", 4, 4, 3, 4, 4),
        ("F.conv2d(X[None, None], K[None, None], stride=3, padding=2)[0, 0]", 9, 6, 4, 4, 3),
        # sizes by [dims] names: 2h + 1 rows with a stride 2 tile for every h
        ("F.conv2d(X[None, None], K[None, None], stride=2)[0, 0]", "2*h + 1", 5, 3, "h", 2),
    ],
)
def test_strided_and_padded_convolutions_verify(tmp_path: Path, conv: str, xh: object, xw: object, k: int, oh: object, ow: object) -> None:
    d = derive(spec.load(str(_net(tmp_path, conv, xh, xw, k, oh, ow))))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == {"X", "K", "b"}


def _build(tmp_path: Path, path: Path, lang: str = "en") -> tuple[str, str]:
    out = tmp_path / f"out-{lang}"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "-f", "py", "--lang", lang, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return next(out.rglob("walkthrough.md")).read_text(), next(out.rglob("backprop.py")).read_text()


def test_a_strided_padded_convolution_prints_as_the_textbook_writes_it(tmp_path: Path) -> None:
    p = _net(tmp_path, "F.conv2d(X[None, None], K[None, None], stride=2, padding=1)[0, 0]", 5, 5, 3, 3, 3)
    md, code = _build(tmp_path, p)
    assert (
        "\\frac{\\partial \\mathrm{loss}}{\\partial K} = \\operatorname{pad}_{1}\\left(X\\right) \\star "
        "\\operatorname{dilate}_{2}\\left(\\delta_{Z}\\right)"
    ) in md
    assert (
        "\\frac{\\partial \\mathrm{loss}}{\\partial X} = \\operatorname{crop}_{1}\\left(\\operatorname{dilate}_{2}"
        "\\left(\\delta_{Z}\\right) \\mathbin{\\tilde{\\star}} \\operatorname{rot180}\\left(K\\right)\\right)"
    ) in md
    assert "dK = correlate2d(X, dilate(dZ, 2), padding=1)" in code
    assert "dX = correlate2d(dilate(dZ, 2), np.flip(K), mode='full', crop=1)" in code
    assert "is first *dilated*" in md and "cropped off each side" in md  # said once, in words
    zh, _ = _build(tmp_path, p, "zh")
    assert "膨胀" in zh and "裁掉" in zh


@pytest.mark.parametrize("name", ["cv43_torch_conv2d_stride2_cn", "cv43_conv_pad1_relu_maxpool_cn", "cv43_conv_tanh_avgpool_linear"])
def test_the_generated_script_runs_with_numpy_alone_and_agrees(tmp_path: Path, name: str) -> None:
    import subprocess
    import sys

    _, code = _build(tmp_path, COURSE / f"{name}.toml")
    assert "import scipy" not in code and "from scipy" not in code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "agree" in run.stdout


def test_pooling_prints_its_pull_and_says_it_in_words(tmp_path: Path) -> None:
    md, code = _build(tmp_path, COURSE / "cv43_conv_pad1_relu_maxpool_cn.toml")
    assert "\\delta_{A} = \\operatorname{upsample}_{2}\\left(\\delta_{P}\\right) \\odot \\operatorname{maxmask}_{2}\\left(A\\right)" in md
    assert "dA = upsample(dP, 2) * pool_mask(A, 2)" in code
    assert "passes its whole blame to the entry that won it" in md
    md, code = _build(tmp_path, COURSE / "cv43_conv_tanh_avgpool_linear.toml")
    assert "dA = upsample(dP, 2) / 4" in code
    assert "shared out evenly" in md


def test_max_pooling_routes_a_tie_as_pytorch_does() -> None:
    """Measured: PyTorch's max_pool2d sends a tied window's gradient to the first largest entry
    in reading order; derive's mask (NumPy, mpmath lists) is the same."""
    a = np.array([[1.0, 3.0, 0.0, 2.0], [3.0, 2.0, 2.0, 2.0]])
    t = torch.tensor(a, requires_grad=True)
    torch.nn.functional.max_pool2d(t[None, None], 2)[0, 0].sum().backward()
    assert np.array_equal(ops.pool_numpy(a, 2, "mask"), t.grad.numpy())
    assert ops.pool_tie(a, 2, 0.0) == (1, 0)


NO_POOL = """[network]
name = "pool-t"
[inputs]
A = [4, 4]
Y = [{o}, {o}]
[params]
w = []
[forward]
P = "{pool}"
loss = "F.mse_loss(P * w, Y)"
[values]
A = [[1.0, 2.0, 0.5, 3.0], [2.0, -1.0, 1.5, 0.0], [0.0, 1.0, 2.0, 1.0], [-1.0, 0.5, 0.25, 2.0]]
"""


@pytest.mark.parametrize(
    "conv, en, zh",
    [
        # a stride that does not tile the image; padding wider than the kernel − 1; 'same' with
        # an even kernel; dilation; dilate() as a layer
        (("F.conv2d(X[None, None], K[None, None], stride=2)[0, 0]", 6, 5, 3, 2, 2), "multiple of the stride", "整数倍"),
        (("F.conv2d(X[None, None], K[None, None], padding=3)[0, 0]", 4, 4, 3, 6, 6), "padding=3 is not read", "padding=3"),
        (("F.conv2d(X[None, None], K[None, None], padding='same')[0, 0]", 4, 4, 2, 4, 4), "odd size", "奇数"),
        (("F.conv2d(X[None, None], K[None, None], dilation=2)[0, 0]", 6, 6, 3, 2, 2), "dilation=2", "dilation=2"),
        (("dilate(X, stride=2)", 3, 3, 3, 5, 5), "is read in derive check's formulas", "derive check"),
        # pooling: overlapping windows, sizes that are no multiple of the window, padding, and
        # a window whose largest value is tied at the given values (the entry [0, 1] = [1, 0])
        # (conv44 reads overlapping windows, stride=1 included: windows 2 apart that do not
        # tile the 4×4 map stay refused)
        # (shape47 reads PyTorch's floor of a map named on its own line: an expression's stays refused)
        ("F.max_pool2d((A @ A)[None, None], 3, stride=2)[0, 0]|1", "multiples of the stride 2", "整数倍"),
        ("F.avg_pool2d((A @ A)[None, None], 3)[0, 0]|1", "does not split into 3×3 windows", "3×3"),
        # (pool46 reads padding up to half the window; more than that PyTorch refuses too)
        ("F.max_pool2d(A[None, None], 2, padding=2)[0, 0]|3", "padding=2 is not read", "padding=2"),
        ("F.max_pool2d(A[None, None], 2)[0, 0]|2", "more than once", "不止一次"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_not_read_is_refused_in_one_line(tmp_path: Path, conv: object, en: str, zh: str, lang: str) -> None:
    if isinstance(conv, tuple):
        p = _net(tmp_path, *conv)
    else:
        pool, o = str(conv).split("|")
        p = tmp_path / "pool.toml"
        p.write_text(NO_POOL.format(pool=pool, o=o))
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and "Traceback" not in res.output, res.output
    assert (en if lang == "en" else zh) in lines[0], lines[0]


SPEC = COURSE / "cv43_torch_conv2d_stride2_cn.toml"
SAME = COURSE / "cv43_scipy_correlate2d_same_tanh_sq.toml"
POOL = COURSE / "cv43_conv_pad1_relu_maxpool_cn.toml"
ONE_D = COURSE / "cv42_numpy_convolve_1d_linear_mse.toml"
CV42 = COURSE / "cv42_torch_conv2d_squeeze_cn.toml"


@pytest.mark.parametrize(
    "path, wrt, formula, latex, right, code",
    [
        (SPEC, "K", "correlate2d(X, dilate(dZ, 2))", False, True, None),
        (SPEC, "X", "correlate2d(dilate(dZ, 2), np.flip(K), mode='full')", False, True, None),
        (SPEC, "X", "signal.convolve2d(dilate(dZ, 2), K, mode='full')", False, True, None),
        (SPEC, "K", "X \\star \\operatorname{dilate}_{2}\\left(\\delta_{Z}\\right)", True, True, None),
        (SPEC, "X", "\\operatorname{dilate}_{2}\\left(\\delta_{Z}\\right) \\mathbin{\\tilde{\\star}} \\operatorname{rot180}\\left(K\\right)", True, True, None),
        (SAME, "K", "correlate2d(X, dZ, padding=1)", False, True, None),
        (SAME, "K", "\\operatorname{pad}_{1}\\left(X\\right) \\star \\delta_{Z}", True, True, None),
        (POOL, "A", "upsample(dP, 2) * pool_mask(A, 2)", False, True, None),
        (POOL, "A", "\\operatorname{upsample}_{2}\\left(\\delta_{P}\\right) \\odot \\operatorname{maxmask}_{2}\\left(A\\right)", True, True, None),
        (ONE_D, "w", "np.flip(np.correlate(x, dh, 'valid'))", False, True, None),
        (CV42, "K", "scipy.signal.correlate(X, dZ, mode='valid')", False, True, None),
        (CV42, "X", "correlate2d(dZ, np.flip(np.flip(K, 0), 1), mode='full')", False, True, None),
        # wrong: the kernel not turned, flipped along one axis, δK turned; δ not dilated; the
        # pooled gradient not routed to the arg-max
        (SPEC, "X", "correlate2d(dilate(dZ, 2), K, mode='full')", False, False, "kernel-not-rotated"),
        (SPEC, "X", "correlate2d(dilate(dZ, 2), np.fliplr(K), mode='full')", False, False, "kernel-not-rotated"),
        (CV42, "X", "correlate2d(dZ, np.flip(K, axis=0), mode='full')", False, False, "kernel-not-rotated"),
        (CV42, "X", "\\delta_{Z} \\mathbin{\\tilde{\\star}} K", True, False, "kernel-not-rotated"),
        (CV42, "K", "np.flip(correlate2d(X, dZ))", False, False, "kernel-not-rotated"),
        (ONE_D, "w", "np.correlate(x, dh, 'valid')", False, False, None),
        (SPEC, "K", "correlate2d(X, dZ)", False, False, None),
        (POOL, "A", "upsample(dP, 2)", False, False, None),
    ],
)
def test_check_reads_strided_padded_and_pooled_gradients(path: Path, wrt: str, formula: str, latex: bool, right: bool, code: str | None) -> None:
    r = check(str(path), wrt, formula, latex=latex)
    assert r.ok is right, r
    if code is not None:
        assert [d.code for d in r.diagnoses][:1] == [code]


def test_the_kernel_diagnosis_speaks_chinese() -> None:
    r = check(str(CV42), "X", "correlate2d(dZ, K, mode='full')", lang="zh")
    assert not r.ok and r.diagnoses[0].code == "kernel-not-rotated"
    assert "旋转 180°" in r.diagnoses[0].message


def test_a_one_axis_flip_of_a_vector_is_not_guessed() -> None:
    """np.flip(v, axis=0) of a 1-D gradient reverses it in NumPy, but derive holds the vector as a
    row: read as a row flip it would be a no-op (a wrong ✓ for an unreversed answer). It is
    refused naming the spelling that is read."""
    from derive.checker.verdict import FormulaError

    with pytest.raises(FormulaError, match="np.flip"):
        check(str(ONE_D), "w", "np.flip(np.correlate(x, dh), axis=0)")
    assert check(str(ONE_D), "w", "np.flip(np.correlate(x, dh))").ok
