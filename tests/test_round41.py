"""Round 41 (lead): hardswish's slope entries print its clamp as ``clip`` beside the mask term,
not SymPy's nested ``ReLU(6 − ReLU(z + 3))`` with the clamp's number split off as ``+ δ``."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.engine import printing
from derive.engine.backprop import derive
from derive.engine.printing import latex
from derive.lang import spec

SPEC = """
[network]
name = "hardswish41"
[inputs]
X = [3, 2]
y = [3, 1]
[params]
W = [2, 2]
v = [2, 1]
[forward]
z = "X @ W"
a = "{act}"
loss = "F.mse_loss(a @ v, y)"
[values]
X = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
W = [[0.3, -0.8], [0.5, 0.2]]
v = [[0.5], [-1.0]]
y = [[1.0], [0.0], [0.5]]
"""


@pytest.mark.parametrize("act", ["F.hardswish(z)", "z * F.relu6(z + 3) / 6", "z * torch.clamp(z + 3, 0, 6) / 6"])
def test_hardswish_slope_entries_print_a_clip_not_nested_relus(act: str) -> None:
    d = derive(spec.parse(SPEC.format(act=act), "hs41"))
    z = next(v for v in d.backward if v.name == "z")
    for step in z.entries:
        tex = step.rhs.tex
        assert "\\operatorname{clip}\\left(z_{" in tex and ", 0, 6\\right)" in tex, tex
        assert "ReLU" not in tex, tex
        # the clamp's number is inside the clip: δa appears once, as the factor in front
        assert tex.count("\\delta_{a_{") == 1, tex


def test_the_clip_beside_other_terms_is_the_same_expression() -> None:
    z, d, w = sp.symbols("z d w", real=True)
    relu = sp.Function("relu")
    g = sp.Function("relu_grad")
    slope = z * g(z + 3) * g(6 - relu(z + 3)) / 6 - relu(6 - relu(z + 3)) / 6 + 1
    found = printing.entry_clip_plus(sp.expand(slope))
    assert found is not None
    rest, k, (x, lo, hi) = found
    clip = hi - relu(hi - lo - relu(x - lo))
    assert sp.expand(rest + k * clip - slope) == 0
    assert (k, x, lo, hi) == (sp.Rational(1, 6), z + 3, 0, 6)
    # a factor shared by every term comes out first; the printed sum is the same expression
    entry = d * slope
    shown = printing._factored_clip(sp.expand(entry))
    assert shown is not None and sp.expand(shown - entry) == 0
    # two clamps, or a clamp with no other term, are not this form
    assert printing.entry_clip_plus(sp.expand(slope + w * relu(z))) is None
    assert printing.entry_clip_plus(6 - relu(6 - relu(z + 3))) is None


def test_a_sum_with_a_relu_and_no_clamp_prints_as_before() -> None:
    z, d = sp.symbols("z d", real=True)
    relu = sp.Function("relu")
    assert printing._factored_clip(d * relu(z) + d) is None
    assert "clip" not in latex(d * relu(z) + d * z, {})


def test_the_relative_difference_is_over_the_tensors_scale_not_an_entry_at_zero() -> None:
    """`derive verify` printed `1.8e-15 / 1.0e+00 … ✓` for a gradient with an entry exactly 0 on
    one side and round-off on the other (tanh(0) read out): a relative difference of 1 beside a
    pass mark. The relative column is the largest difference over the tensor's largest entry."""
    import numpy as np

    from derive.numeric import verify as numeric

    ours = np.array([[-0.0544516], [1.2e-17], [0.1997923]])
    theirs = np.array([[-0.0544516], [0.0], [0.1997923]])
    big, rel = numeric.difference(ours, theirs)
    assert big == pytest.approx(1.2e-17) and rel == pytest.approx(1.2e-17 / 0.1997923)
    # a real disagreement still shows: 10 % of the largest entry
    assert numeric.difference(np.array([1.0, 2.0]), np.array([1.0, 1.8]))[1] == pytest.approx(0.1)
    assert numeric.difference(np.zeros(3), np.zeros(3)) == (0.0, 0.0)
    assert numeric.difference(np.array([np.nan]), np.array([0.0])) == (np.inf, np.inf)


MAXOUT = """
[network]
name = "maxout41"
[dims]
n = 3
d = 2
k = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
A = ["d", "k"]
B = ["d", "k"]
v = ["k", 1]
[forward]
h = "{h}"
L = "((h @ v - y) ** 2).sum()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
A = [[0.6, -0.9], [-0.4, 0.7]]
B = [[0.1, 0.3], [0.5, -0.2]]
v = [[0.8], [-0.5]]
"""


@pytest.mark.parametrize(
    ("h", "tex", "code"),
    [
        ("torch.maximum(x @ A, x @ B)", "\\max\\left(x \\thinspace A, x \\thinspace B\\right)", "np.maximum(x @ A, x @ B)"),
        ("np.minimum(x @ A, x @ B)", "\\min\\left(x \\thinspace A, x \\thinspace B\\right)", "np.minimum(x @ A, x @ B)"),
    ],
)
def test_a_maximum_of_two_tensors_prints_as_max_in_the_matrix_form_and_the_code(h, tex, code) -> None:
    """Maxout's forward was shown as ½(xA + xB) + ½|xA − xB| (derive's reading of the maximum)."""
    d = derive(spec.parse(MAXOUT.format(h=h), "mx41"))
    form = d.forward[0].step.rhs.value
    assert form.tex() == tex
    assert form.code() == code


def test_a_half_sum_beside_a_half_abs_of_another_difference_is_not_a_max() -> None:
    from derive.engine import mform as mf

    x = mf.Scalar(sp.Symbol("p"))
    y = mf.Scalar(sp.Symbol("q"))
    z = mf.Scalar(sp.Symbol("r"))
    half = mf.Scalar(sp.Rational(1, 2))

    def form(a, b, c, e):
        return mf.Add((mf.Mul(half, mf.Add((a, b))), mf.Mul(half, mf.Func("abs", mf.Add((c, mf.Neg(e)))))))

    assert isinstance(mf.shown(form(x, y, x, y)), mf.PairMax)
    assert isinstance(mf.shown(form(x, y, y, x)), mf.PairMax)
    assert not isinstance(mf.shown(form(x, y, x, z)), mf.PairMax)
    assert not isinstance(mf.shown(form(x, z, x, y)), mf.PairMax)


def test_the_labs_pytorch_comparison_calls_torch_maximum_and_agrees_at_a_tie(tmp_path) -> None:
    """The lab's PyTorch side computes the maximum as the spec wrote it (was 0.5 * (x @ A + x @
    B) + 0.5 * torch.abs(x @ A - x @ B)); column 0 of A and B is equal, a tie in every row, where
    torch.maximum gives each side half, as the NumPy backprop's mask does."""
    import subprocess
    import sys

    text = (
        MAXOUT.format(h="torch.maximum(x @ A, x @ B)")
        .replace("x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]", "x = [[1, -0.5], [0.25, 0.75], [-1.5, 0.5]]")
        .replace("A = [[0.6, -0.9], [-0.4, 0.7]]", "A = [[0.5, -1], [-0.25, 0.75]]")
        .replace("B = [[0.1, 0.3], [0.5, -0.2]]", "B = [[0.5, 0.25], [-0.25, -0.5]]")
    )  # dyadic numbers: the tie is exact in float64 too (else derive refuses the kink)
    path = tmp_path / "tie.toml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    built = subprocess.run(
        [sys.executable, "-m", "derive", "build", str(path), "-f", "py", "--lang", "en", "-o", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr
    lab = next(out.rglob("backprop.py"))
    code = lab.read_text(encoding="utf-8")
    assert "torch.maximum(x @ A, x @ B)" in code and "torch.abs" not in code
    assert "h = np.maximum(x @ A, x @ B)" in code
    ran = subprocess.run([sys.executable, str(lab)], capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "NumPy backprop and PyTorch autograd agree" in ran.stdout


def test_maxout_entries_are_worked_as_a_max_of_the_two_pieces(tmp_path) -> None:
    """Each entry h₁₁ was ½(x₁₁A₁₁ + x₁₁B₁₁ + … + |x₁₁A₁₁ − x₁₁B₁₁ + …|), its numbers, then the
    five terms' values; now max(piece A, piece B), the numbers, the two values, the result."""
    import subprocess
    import sys

    path = tmp_path / "maxout.toml"
    path.write_text(MAXOUT.format(h="torch.maximum(x @ A, x @ B)"), encoding="utf-8")
    out = tmp_path / "out"
    built = subprocess.run(
        [sys.executable, "-m", "derive", "build", str(path), "-f", "md", "--lang", "en", "-o", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr
    md = next(out.rglob("walkthrough.md")).read_text(encoding="utf-8")
    assert "h_{11} &= \\max\\left(x_{11} \\cdot A_{11} + x_{12} \\cdot A_{21}, x_{11} \\cdot B_{11}" in md
    # x₁ = (1, −0.5): piece A = 0.6 + 0.2 = 0.8, piece B = 0.1 − 0.25 = −0.15
    assert "&= \\max\\left(0.8, -0.15\\right) \\\\\n&= 0.8" in md
    assert "\\left|{" not in md


def test_a_half_abs_beside_other_terms_is_a_max_only_where_the_pieces_are_shorter() -> None:
    a, b, c = sp.symbols("a b c", real=True)
    assert printing.entry_pair_max((a + b) / 2 + sp.Abs(a - b) / 2) == ("max", a, b)
    low = printing.entry_pair_max((a + b) / 2 - sp.Abs(b - a) / 2)
    assert low is not None and low[0] == "min" and {low[1], low[2]} == {a, b}
    got = printing.entry_pair_max(sp.expand((2 * a + c) / 2 + sp.Abs(2 * a - c) / 2))
    assert got is not None and sp.expand(sp.Max(got[1], got[2]) - sp.Max(2 * a, c)) == 0
    assert printing.entry_pair_max(a + sp.Abs(b) / 2) is None  # max(a + b/2, a − b/2) is longer
    assert printing.entry_pair_max(a + sp.Abs(b)) is None
    assert printing.entry_pair_max(sp.Abs(a - b) / 2) is None
