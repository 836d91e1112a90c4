"""At a kink or a tie the derivative is a convention; derive takes PyTorch's, function by
function, as measured with torch float64 (PyTorch 2.13): ``torch.clamp``/``np.clip`` pass the
gradient on lo ≤ x ≤ hi (1 at a bound), ``hardtanh``/``relu6``/``hardsigmoid`` only on
lo < x < hi (0 at a bound), ``elu``/``selu`` take their x ≤ 0 branch at 0 (α, scale·α),
``relu``/``abs`` give 0 and ``leaky_relu`` its slope at 0, ``torch.maximum``/``minimum`` give
each side half at a tie. Each case puts given values exactly on the kink and compares derive's
gradients (exact element-wise, and matrix form in float64) with PyTorch autograd running the
*original* spelling there. The max and min reductions: ``amax``/``amin``, NumPy's ``np.max`` and
a max of everything split the gradient evenly among tied entries; ``torch.max(x, dim)`` and
``x.max(dim)`` give it to the first of them (the index they return)."""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")
F = torch.nn.functional

# every entry of W or V sits on a kink or a tie of the function under test, or next to one
W = np.array([[-1.0, 1.0, 0.0, 6.0], [-3.0, 3.0, 0.5, -0.25]])
V = np.array([[-1.0, 0.5, 0.0, 6.0], [2.0, 3.0, 0.5, -0.5]])
R = np.array([[0.5, -1.25, 2.0, 0.75], [1.5, -0.5, 0.25, -2.0]])
# ties for the max/min reductions: in rows, in columns, and 5 entries tied for the largest of
# everything (2 in one row, 3 in the other)
T = np.array([[2.0, 2.0, -1.0, 0.5], [2.0, 0.0, 2.0, 2.0]])
# the max of everything tied within one row (2 twice), the min too (−1.5 twice)
U = np.array([[2.0, 2.0, -1.0, 0.5], [1.0, -1.5, 1.0, -1.5]])


def _rows(a: np.ndarray) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in a) + "]"


def _spec(text: str, w: np.ndarray) -> str:
    return f"""
[dims]
m = 2
n = 4
[inputs]
R = ["m", "n"]
[params]
W = ["m", "n"]
V = ["m", "n"]
[forward]
out = "{text} + 0 * V"
L = "sum(out * R)"
[values]
W = {_rows(w)}
V = {_rows(V)}
R = {_rows(R)}
"""


CASES = [
    ("torch.clamp(W, min=-1.0, max=1.0)", lambda w, v: torch.clamp(w, min=-1.0, max=1.0)),
    ("W.clamp(min=0)", lambda w, v: w.clamp(min=0)),
    ("np.clip(W, 0, 6)", lambda w, v: torch.clip(w, 0, 6)),
    ("W.clamp_min(0.5)", lambda w, v: w.clamp_min(0.5)),
    ("torch.clamp_max(W, 3)", lambda w, v: torch.clamp_max(w, 3)),
    ("torch.clamp(1 - W, min=0)", lambda w, v: torch.clamp(1 - w, min=0)),
    ("F.relu6(W)", lambda w, v: F.relu6(w)),
    ("F.hardtanh(W)", lambda w, v: F.hardtanh(w)),
    ("F.hardtanh(W, min_val=-3.0, max_val=3.0)", lambda w, v: F.hardtanh(w, -3.0, 3.0)),
    ("F.hardsigmoid(W)", lambda w, v: F.relu6(w + 3) / 6),
    ("F.hardswish(W)", lambda w, v: F.hardswish(w)),
    ("F.elu(W, alpha=2.0)", lambda w, v: F.elu(w, alpha=2.0)),
    ("F.selu(W)", lambda w, v: F.selu(w)),
    ("F.celu(W, alpha=0.5)", lambda w, v: F.celu(w, alpha=0.5)),
    ("relu(W)", lambda w, v: torch.relu(w)),
    ("abs(W)", lambda w, v: torch.abs(w)),
    ("F.leaky_relu(W, negative_slope=0.1)", lambda w, v: F.leaky_relu(w, 0.1)),
    ("torch.maximum(W, V)", lambda w, v: torch.maximum(w, v)),
    ("np.minimum(W, V)", lambda w, v: torch.minimum(w, v)),
    ("torch.max(W, V)", lambda w, v: torch.max(w, v)),
    # (np.maximum(W, 0.2 * W) is read as a leaky ReLU since round 35's handread19, as
    # np.maximum(W, 0) is a ReLU: given values at its tie are refused, tested below)
    ("np.maximum(W, 0.5)", lambda w, v: torch.maximum(w, torch.tensor(0.5, dtype=w.dtype))),
    # masked_fill (pass 7): the mask's comparison at equality, W on its own kink 0
    ("W.masked_fill(V == 0.5, -2.0)", lambda w, v: w.masked_fill(v.detach() == 0.5, -2.0)),
    ("W.masked_fill(W > 0, 0.0)", lambda w, v: w.masked_fill(w.detach() > 0, 0.0)),
    ("W.masked_fill(W <= 0, -1e9)", lambda w, v: w.masked_fill(w.detach() <= 0, -1e9)),
]
MAXES = [
    # amax, NumPy's max (as JAX/TensorFlow differentiate it) and a max of everything: split
    ("np.max(W, axis=1, keepdims=True) * W", lambda w, v: w.amax(1, keepdim=True) * w),
    ("torch.amax(W, dim=0, keepdim=True) * W", lambda w, v: torch.amax(w, 0, keepdim=True) * w),
    ("np.amin(-W, axis=0, keepdims=True) * W", lambda w, v: torch.amin(-w, 0, keepdim=True) * w),
    # PyTorch's max/min along a dim (values and the index of the first largest entry): first
    ("W.max(1, keepdim=True).values * W", lambda w, v: w.max(1, keepdim=True).values * w),
    ("torch.max(W, dim=0, keepdim=True)[0] * W", lambda w, v: torch.max(w, 0, True)[0] * w),
    ("(-W).min(0, keepdim=True).values * W", lambda w, v: (-w).min(0, keepdim=True).values * w),
]
CASES += [(text, ref, T) for text, ref in MAXES]
CASES += [
    ("np.max(W) * W", lambda w, v: w.amax() * w, U),
    ("torch.max(W) * W", lambda w, v: torch.max(w) * w, U),
    ("W.min() * W", lambda w, v: w.min() * w, U),
]


CASES = [c if len(c) == 3 else (*c, W) for c in CASES]


@pytest.mark.parametrize("text,ref,values", CASES, ids=[c[0] for c in CASES])
def test_gradient_at_a_kink_is_pytorchs(text, ref, values) -> None:
    d = derive(spec.parse(_spec(text, values), source="kink"))
    point = numeric.example_point(d.graph)
    exact = numeric.gradients_elementwise(d, point, exact=True)
    matrix, _ = numeric.gradients_matrix(d, point, zeros=numeric.exact_zeros(d))
    w = torch.tensor(values, dtype=torch.float64, requires_grad=True)
    v = torch.tensor(V, dtype=torch.float64, requires_grad=True)
    (ref(w, v) * torch.tensor(R, dtype=torch.float64) + 0 * v).sum().backward()
    for name, want in (("W", w.grad.numpy()), ("V", v.grad.numpy())):
        np.testing.assert_allclose(np.asarray(exact[name], dtype=float), want, atol=1e-12)
        np.testing.assert_allclose(matrix[name], want, atol=1e-12)


def test_a_max_of_everything_tied_across_rows_is_refused_at_given_values() -> None:
    """Taken row by row and then among the row maxima, the shares of a tie that spans rows
    would follow each row's count (1/4 and 1/6 at T, where PyTorch gives 1/5 to each)."""
    with pytest.raises(DeriveError, match="more than one row"):
        numeric.verify(derive(spec.parse(_spec("np.max(W) * W", T), source="kink")), points=0)


def test_a_leaky_relu_written_with_maximum_is_refused_at_its_tie() -> None:
    """``np.maximum(W, 0.2 * W)`` reads as ``LeakyReLU_{0.2}(W)`` (the handout's textbook mask),
    but torch.maximum splits a tie (W = 0) between its sides: given values exactly there are
    refused, as for ``np.maximum(W, 0)`` read as a ReLU (numeric.verify.spelled_ties)."""
    d = derive(spec.parse(_spec("np.maximum(W, 0.2 * W)", W), source="kink"))
    with pytest.raises(DeriveError):
        numeric.spelled_ties(d, numeric.example_point(d.graph), numeric.exact_zeros(d))
