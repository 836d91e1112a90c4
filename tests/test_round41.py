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
