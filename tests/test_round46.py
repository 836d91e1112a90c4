"""Round 46 (lead, issue 9): a Poisson loss's target is a count (≥ 0). With a negative target the
loss has no minimum (exp(x) − y·x falls without bound as x → −∞), yet every number stays finite
and PyTorch's ``poisson_nll_loss``, TensorFlow's ``log_poisson_loss`` and Keras's ``poisson``
accept it — so ``derive verify`` printed ✓. The spellings now read the target through an
identity whose domain is checked entry by entry: a negative count in [values] is exit 2 naming
the tensor and the entry, nothing written; drawn targets are positive. Every spec that verifies
here is checked against PyTorch and finite differences."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

HEAD = """[network]
name = "poisson-{k}"
[dims]
n = 5
d = 2
[inputs]
X = ["n", "d"]
c = ["n", 1]
[params]
w = ["d", 1]
[forward]
z = "X @ w"
{loss}
"""

LOSSES = [
    'L = "F.poisson_nll_loss(z, c)"',
    'L = "torch.nn.functional.poisson_nll_loss(z, c, log_input=True, full=True)"',
    'L = "F.poisson_nll_loss(torch.exp(z), c, log_input=False)"',
    'L = "tf.reduce_mean(tf.nn.log_poisson_loss(c, z))"',
    'L = "tf.reduce_mean(tf.keras.losses.poisson(c, tf.exp(z)))"',
    'L = "nn.PoissonNLLLoss()(z, c)"',
]


def _write(tmp_path: Path, k: int, values: str | None) -> Path:
    text = HEAD.format(k=k, loss=LOSSES[k])
    if values is not None:
        text += f"[values]\nc = {values}\n"
    path = tmp_path / f"p{k}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("k", range(len(LOSSES)))
def test_a_negative_count_is_refused_naming_the_entry(tmp_path: Path, k: int) -> None:
    path = _write(tmp_path, k, "[[0], [3], [1], [-2], [4]]")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert "Poisson target of -2.0 at entry [3, 0]" in res.output
    assert "[values] of c" in res.output
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--lang", "zh", "-f", "md"])
    assert res.exit_code == 2, res.output
    assert "泊松损失的目标" in res.output and "[3, 0]" in res.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("k", range(len(LOSSES)))
@pytest.mark.parametrize("values", [None, "[[0], [3], [1], [2.5], [4]]"])
def test_counts_at_zero_and_drawn_counts_verify(tmp_path: Path, k: int, values: str | None) -> None:
    d = derive(spec.load(str(_write(tmp_path, k, values))))
    report = numeric.verify(d, points=3)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == {"w"}
    for c in report.comparisons:  # against PyTorch (float64) and central finite differences
        assert c.ours_vs_torch is not None and c.ours_vs_torch[1] <= 1e-9, c
        assert not c.kink and c.ours_vs_fd[1] <= 1e-5, c


def test_the_identity_never_shows_in_the_walkthrough(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(_write(tmp_path, 0, None)), "-o", str(out), "-f", "md,py"])
    assert res.exit_code == 0, res.output
    text = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert "assert_count" not in text


# ---- a constant written from others: confidence = "1 - smoothing" --------------------------------

SMOOTH = """[network]
name = "smoothed-softmax-regression"
[dims]
m = 3
d = 3
K = 4
[inputs]
X = ["m", "d"]
Y = {{ shape = ["m", "K"], kind = "one-hot" }}
[params]
W = ["d", "K"]
[constants]
eps = 0.2
{keep}
[forward]
Z = "X @ W"
P = "softmax(Z)"
T = "keep * Y + eps / K"
L = "-mean(sum(T * log(P), axis=1))"
"""

RIGHT = "X.T @ (P - (keep * Y + eps / K)) / m"


def _smooth(tmp_path: Path, keep: str = 'keep = "1 - eps"', name: str = "s") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(SMOOTH.format(keep=keep), encoding="utf-8")
    return path


def test_a_relation_is_computed_exactly_and_verifies(tmp_path: Path) -> None:
    s = spec.load(str(_smooth(tmp_path)))
    assert s.constants["keep"] == Fraction(4, 5) and s.relations == (("keep", "1 - eps"),)
    report = numeric.verify(derive(s), points=3)
    assert report.ok
    for c in report.comparisons:
        assert c.ours_vs_torch is not None and c.ours_vs_torch[1] <= 1e-9, c
        assert c.ours_vs_fd[1] <= 1e-5, c
    chained = spec.load(str(_smooth(tmp_path, 'keep = "half * 2 - eps"\nhalf = "1 / 2"', "c")))
    assert chained.constants["keep"] == Fraction(4, 5)
    assert [k for k, _ in chained.relations] == ["half", "keep"]  # computed in dependency order


def test_the_checker_moves_a_related_constant_with_its_sources(tmp_path: Path) -> None:
    tied = str(_smooth(tmp_path))
    res = check(spec.load(tied), "W", RIGHT)
    assert res.verdict == "correct", res
    # m and d are both 3 here: the wrong size is named, measured on the network at other sizes
    res = check(spec.load(tied), "W", RIGHT.replace("/ m", "/ d"))
    assert res.verdict == "incorrect" and res.diagnoses[0].code == "scale-factor"
    assert "the size d where m belongs" in res.diagnoses[0].message
    # a relation written out where the constant belongs is right too; the number is not
    assert check(spec.load(tied), "W", RIGHT.replace("keep", "(1 - eps)")).verdict == "correct"
    assert check(spec.load(tied), "W", RIGHT.replace("keep", "0.8")).verdict == "incorrect"
    # declared independent, the textbook P − T is right at the example's constants only
    free = str(_smooth(tmp_path, "keep = 0.8", "free"))
    assert check(spec.load(free), "W", RIGHT).verdict == "incorrect"


@pytest.mark.parametrize(
    "keep, words",
    [
        ("keep = \"__import__('os').system('true')\"", "is not arithmetic of numbers and names"),
        ('keep = "np.float64(0.8)"', "is not arithmetic of numbers and names"),
        ('keep = "eps ** 0.5"', "is not arithmetic of numbers and names"),
        ('keep = "1 - smoothing"', "keep is written with smoothing, which is neither"),
        ('keep = "1 - other"\nother = "keep / 2"', "no order computes them"),
        ('keep = "1 / (eps - 0.2)"', "divides by 0"),
        ('keep = "1 -"', "is not arithmetic of numbers and names"),
    ],
)
def test_a_bad_relation_is_exit_2_naming_the_constant(tmp_path: Path, keep: str, words: str) -> None:
    path = _smooth(tmp_path, keep)
    for lang in ("en", "zh"):
        res = CliRunner().invoke(main, ["verify", str(path), "--lang", lang])
        assert res.exit_code == 2, res.output
        assert "Traceback" not in res.output and "[constants]" in res.output
    assert words in CliRunner().invoke(main, ["verify", str(path)]).output


def test_the_walkthrough_and_the_code_write_the_relation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(_smooth(tmp_path)), "-o", str(out), "-f", "md,py"])
    assert res.exit_code == 0, res.output
    md = next(out.rglob("walkthrough.md")).read_text(encoding="utf-8")
    assert r"\mathrm{keep} = 1 - \varepsilon = 0.8" in md
    py = next(out.rglob("backprop.py"))
    assert "keep = 1 - eps\n" in py.read_text(encoding="utf-8")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(py)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]


# ---- torch.tensor_split / np.array_split: sections or start indices, read as slices --------------

_SPLIT = """
[dims]
N = 4
D = 3
H = 2
[inputs]
x = ["N", "D"]
[params]
W = ["D", "3*H"]
v = ["3*H", 1]
[forward]
h = "torch.tanh(x @ W)"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        '"a, b, c" = "torch.tensor_split(h, 3, dim=1)"\nL = "a.sum() + (b ** 2).sum() + (h @ v).mean() * c.mean()"',
        '"a, b, c" = "h.tensor_split(3, 1)"\nL = "a.sum() + (b ** 2).sum() + (h @ v).mean() * c.mean()"',
        '"a, b" = "h.tensor_split([4], dim=1)"\nL = "a.sum() + (b ** 3).sum() + (h @ v).mean()"',
        '"a, b, c" = "np.array_split(h, [1, 4], axis=1)"\nL = "np.sum(a) + np.sum(b ** 2) + np.mean(c) + np.mean(h @ v)"',
        'g = "np.array_split(h, 3, axis=1)[2]"\nL = "np.sum(g ** 2) + np.mean(h @ v)"',
        '"a, b" = "torch.tensor_split(x @ W, [2], dim=1)"\nL = "torch.tanh(a).sum() + (b ** 2).mean() + (h @ v).mean()"',
    ],
)
def test_tensor_split_and_array_split_agree_with_pytorch(lines: str) -> None:
    from test_heldnets21 import _both

    _both(_SPLIT.format(lines=lines), "split46")


def test_a_split_into_unequal_sections_names_the_fix() -> None:
    from test_heldnets21 import _refusal

    said = _refusal(_SPLIT.format(lines='"a, b" = "np.array_split(h, 4, axis=1)"\nL = "a.sum() + (h @ v).mean()"'), "en")
    assert "do not split into 4 equal parts" in said and "slices" in said


# ---- nearest upsampling: F.interpolate / F.upsample / nn.Upsample of one map ---------------------

_UP = """
[dims]
N = 2
D = 3
[inputs]
x = ["N", "D"]
[params]
W = ["D", "D"]
[forward]
h = "torch.tanh(x @ W)"
u = "{up}"
L = "(u ** 3).sum() + (u * u).mean()"
"""


@pytest.mark.parametrize(
    "up",
    [
        "F.interpolate(h[None, None], scale_factor=2)[0, 0]",
        "F.interpolate(h[None, None, :, :], scale_factor=(2, 3), mode='nearest')[0, 0]",
        "torch.nn.functional.interpolate(h.unsqueeze(0).unsqueeze(0), scale_factor=(3, 1)).squeeze()",
        "nn.Upsample(scale_factor=2)(h[None, None])[0, 0]",
        "nn.Upsample(scale_factor=(1, 2), mode='nearest')(h[None, None]).squeeze()",
        "F.upsample(h[None, None], None, 2)[0, 0]",
        "F.upsample_nearest(h[None, None], scale_factor=2)[0, 0]",
    ],
)
def test_nearest_upsampling_agrees_with_pytorch(up: str) -> None:
    from test_heldnets21 import _both

    _both(_UP.format(up=up), "up46")


@pytest.mark.parametrize(
    "up, words",
    [
        ("F.interpolate(h[None, None], scale_factor=2, mode='bilinear')[0, 0]", "mode 'bilinear' is not read"),
        ("F.interpolate(h[None, None], size=(4, 6))[0, 0]", "with size= is not read"),
        ("F.interpolate(h[None, None], scale_factor=1.5)[0, 0]", "whole scale_factor"),
        ("F.interpolate(h, scale_factor=2)", "resamples images"),
        ("nn.UpsamplingBilinear2d(scale_factor=2)(h[None, None])[0, 0]", "mode 'bilinear' is not read"),
    ],
)
def test_other_resampling_is_refused_naming_what_is_read(up: str, words: str) -> None:
    from test_heldnets21 import _refusal

    for lang in ("en", "zh"):
        said = _refusal(_UP.format(up=up), lang)
        assert "repeat_interleave(2, 0).repeat_interleave(2, 1)" in said
    assert words in _refusal(_UP.format(up=up), "en")


# ---- a kink inside a reduction at a given exact 0 (heldnets46's leftover) ------------------------

_KINK = """
[dims]
N = 1
D = 2
[inputs]
x = ["N", "D"]
[params]
W = ["D", 2]
[forward]
{lines}
[values]
x = [[0.6, -0.2]]
W = [[0.2, 1.0], [0.6, 0.5]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'L = "torch.abs(x @ W).sum()"',
        'L = "np.mean(np.abs(np.dot(x, W)))"',
        'L = "torch.clamp(x @ W, min=0).sum() + (W ** 2).sum()"',
        'h = "torch.tanh(x)"\nL = "torch.abs(x @ W).mean(dim=1).sum() + h.sum()"',
    ],
)
def test_a_kink_inside_a_reduction_at_an_exact_zero_is_refused(tmp_path: Path, lines: str) -> None:
    """x @ W is exactly 0 in its first entry (0.6·0.2 − 0.2·0.6) but −6.7e-18 in the BLAS
    product PyTorch and the matrix form use: the sides of the kink differ. It was ✗ (exit 1,
    "some gradients disagree") inside a reduction; now exit 2 naming the fix, as inline."""
    path = tmp_path / "k.toml"
    path.write_text(_KINK.format(lines=lines), encoding="utf-8")
    import numpy as np

    if float((np.array([[0.6, -0.2]]) @ np.array([[0.2, 1.0], [0.6, 0.5]]))[0, 0]) == 0.0:
        pytest.skip("this BLAS computes the product's first entry exactly: no float64 gap to test")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2, res.output
    assert "exactly 0 at the example values (a kink)" in res.output and "own line" in res.output


def test_the_same_input_on_its_own_line_verifies(tmp_path: Path) -> None:
    path = tmp_path / "k.toml"
    path.write_text(_KINK.format(lines='z = "x @ W"\nL = "torch.abs(z).sum()"'), encoding="utf-8")
    report = numeric.verify(derive(spec.load(str(path))), points=3)
    assert report.ok
    assert all(c.ours_vs_torch is not None and c.ours_vs_torch[1] <= 1e-9 for c in report.comparisons)


# ---- a rate-like name that opens an added term is that term's coefficient, not the step size -----


@pytest.mark.parametrize(
    "formula, name",
    [
        (r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y) + \alpha W_2", "alpha"),
        ("A1.T @ (A2 - Y) / m + lr * W2", "lr"),
        ("A1.T @ (A2 - Y) / m - eta * W2", "eta"),
    ],
)
def test_an_undefined_coefficient_of_an_added_term_is_named(formula: str, name: str) -> None:
    res = CliRunner().invoke(main, ["check", "mlp-bce", "--wrt", "W2", formula])
    assert res.exit_code == 2, res.output
    assert f"unknown name '{name}'" in res.output and "learning rate" not in res.output


def test_a_rate_multiplying_the_whole_gradient_is_still_named() -> None:
    for formula in ("lr * A1.T @ (A2 - Y) / m", r"\eta \frac{1}{m}A_1^{\top}(A_2 - Y)", "dW2 = -lr * A1.T @ (A2 - Y) / m"):
        res = CliRunner().invoke(main, ["check", "mlp-bce", "--wrt", "W2", formula])
        assert res.exit_code == 1 and "learning rate" in res.output, res.output
