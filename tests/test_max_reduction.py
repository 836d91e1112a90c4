"""Max reductions (branch heldnets2): ``np.max``/``torch.amax``/``X.max(1, keepdim=True).values``
are ``sum(X ⊙ max_mask(X), axis=1)``; the gradient goes to the argmax, a max used only to
stabilise a softmax cancels, and a tie in the user's own values takes PyTorch's convention."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

SPEC = """
[network]
name = "maxnet"
[dims]
m = 2
k = 3
[inputs]
X = ["m", "k"]
Y = { shape = ["m", "k"], kind = "one-hot" }
[params]
W = ["k", "k"]
[forward]
Z = "X @ W"
S = "Z - np.max(Z, axis=1, keepdims=True)"
L = "-(Y * (S - np.log(np.exp(S).sum(axis=1, keepdims=True)))).sum() / m + Z.max(0, keepdim=True).values.sum()"
[values]
X = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]]
Y = [[0, 0, 1], [1, 0, 0]]
W = [[0.3, -0.2, 0.1], [0.7, 0.4, -0.6], [-0.1, 0.2, 0.9]]
"""


def test_max_reduction_gradient_goes_to_the_argmax_and_the_stabiliser_cancels() -> None:
    d = derive(spec.parse(SPEC, source="maxnet.toml"))
    point = numeric.example_point(d.graph)
    grads, loss = numeric.gradients_matrix(d, point)
    x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], dtype=torch.float64)
    y = torch.tensor([[0, 0, 1], [1, 0, 0]], dtype=torch.float64)
    w = torch.tensor(
        [[0.3, -0.2, 0.1], [0.7, 0.4, -0.6], [-0.1, 0.2, 0.9]],
        dtype=torch.float64,
        requires_grad=True,
    )
    z = x @ w
    ref = torch.nn.functional.cross_entropy(z, y) + z.max(0, keepdim=True).values.sum()
    ref.backward()
    assert loss == pytest.approx(float(ref.detach()), rel=1e-12)
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-10, atol=1e-13)
    assert numeric.verify(d, points=1).ok


def test_a_tie_in_the_users_values_takes_pytorchs_convention() -> None:
    """X = 0 ties every entry of Z: np.max splits the gradient of a row evenly (torch.amax) and
    Z.max(0).values gives a column's to its first entry (PyTorch's max along a dim) — the same
    gradients as PyTorch running the original (tests/test_kink_conventions.py: each spelling)."""
    tied = SPEC.replace("X = [[0.5, -1.0, 2.0]", "X = [[0.0, 0.0, 0.0]")
    d = derive(spec.parse(tied, source="maxnet.toml"))
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    x = torch.tensor([[0.0, 0.0, 0.0], [1.5, 0.25, -0.5]], dtype=torch.float64)
    y = torch.tensor([[0, 0, 1], [1, 0, 0]], dtype=torch.float64)
    w = torch.tensor(
        [[0.3, -0.2, 0.1], [0.7, 0.4, -0.6], [-0.1, 0.2, 0.9]],
        dtype=torch.float64,
        requires_grad=True,
    )
    z = x @ w
    s = z - z.amax(1, keepdim=True)
    ref = -(y * (s - s.exp().sum(1, keepdim=True).log())).sum() / 2
    (ref + z.max(0, keepdim=True).values.sum()).backward()
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-10, atol=1e-13)


def test_a_tie_verifies_without_traceback(tmp_path) -> None:
    f = tmp_path / "maxnet.toml"
    f.write_text(SPEC.replace("X = [[0.5, -1.0, 2.0]", "X = [[0.0, 0.0, 0.0]"))
    res = CliRunner().invoke(main, ["verify", str(f), "--points", "1"])
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output


def test_drawn_values_avoid_ties() -> None:
    # relu outputs tie at 0 for a row of negatives: the drawn example values avoid that
    text = SPEC.replace('Z = "X @ W"', 'Z = "relu(X @ W)"').split("[values]")[0]
    s = spec.parse(text, source="maxnet.toml")
    x = np.array([[float(v) for v in r] for r in s.values["X"]])
    w = np.array([[float(v) for v in r] for r in s.values["W"]])
    z = np.maximum(x @ w, 0)
    top2 = np.sort(z, axis=1)[:, -2:]
    assert (top2[:, 1] - top2[:, 0] > 1e-9).all()
    assert (np.sort(z, axis=0)[-1] - np.sort(z, axis=0)[-2] > 1e-9).all()


def test_the_max_mask_picks_the_first_of_tied_entries_everywhere() -> None:
    """Σ z ⊙ mask is the max even at a tie: the symbolic mask, NumPy's, mpmath's and PyTorch's
    all mark the first largest entry (a tie at a random point of an identity test once made a
    definition step false)."""
    import mpmath
    import numpy as np
    import sympy as sp
    import torch

    from derive.lang import ops

    row = [sp.Rational(1, 2), sp.Integer(2), sp.Integer(2), sp.Integer(-1)]
    want = [0, 1, 0, 0]
    assert [int(v) for v in ops.max_mask_row(row)] == want
    assert ops.np_max_mask(np.array([[float(v) for v in row]])).tolist() == [want]
    assert [int(v) for v in ops.mp_max_mask([mpmath.mpf(float(v)) for v in row])] == want
    t = torch.tensor([[float(v) for v in row]], dtype=torch.float64)
    assert ops.OPS["max_mask"].torch(t).tolist() == [[float(v) for v in want]]
