"""Spellings added for issue 9 (branch ops11): sin/cos/atan rows, sign, xlogy, softmin, logit,
the shrink functions, heaviside, fmax, torch.tensor(number), ptp, vdot, inner, .H, float casts of
comparisons, and whole reductions of flattened or stacked tensors. Each network is derived (every
step verified) and its loss and gradient compared with PyTorch autograd running the ORIGINAL
spelling in float64 — the real ``torch.xlogy``, ``F.softshrink`` … — not derive's reading."""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import expr as ex
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")
F = torch.nn.functional

RNG = np.random.default_rng(20261201)
X = RNG.uniform(-1, 1, (3, 4)).round(3)
W = RNG.uniform(-1, 1, (4, 4)).round(3)
Y = RNG.uniform(-1, 1, (3, 4)).round(3)
R = RNG.uniform(-1, 1, (3, 4)).round(3)
C = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]], dtype=float)
P = np.array([[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1]])


def _rows(a: np.ndarray) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in a) + "]"


def _spec(text: str, scalar: bool) -> str:
    out = f'out = "{text}"\nL = "sum(out * R)"' if not scalar else f'L = "{text}"'
    return f"""
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
Y = ["m", "n"]
R = ["m", "n"]
C = ["m", "n"]
P = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
Z = "X @ W"
{out}
[values]
X = {_rows(X)}
W = {_rows(W)}
Y = {_rows(Y)}
R = {_rows(R)}
C = {_rows(C)}
P = {_rows(P)}
"""


def t(a: np.ndarray) -> torch.Tensor:
    return torch.tensor(a, dtype=torch.float64)


def half(z: torch.Tensor) -> torch.Tensor:
    return torch.tensor(0.5, dtype=torch.float64)


# (spelling in the spec, the same with the real NumPy/PyTorch function, scalar loss?)
CASES = [
    (
        "torch.sin(Z) + torch.cos(Z) * torch.atan(Z) + torch.tan(Z) + np.arctan(Z)",
        lambda Z: torch.sin(Z) + torch.cos(Z) * torch.atan(Z) + torch.tan(Z) + torch.arctan(Z),
        0,
    ),
    ("np.sign(Z) * Z + Z.sign()", lambda Z: torch.sign(Z) * Z + Z.sign(), 0),
    (
        "torch.xlogy(C, torch.softmax(Z, 1)).sum() + torch.special.xlogy(Z * Z, P).sum()",
        lambda Z: torch.xlogy(t(C), torch.softmax(Z, 1)).sum() + torch.xlogy(Z * Z, t(P)).sum(),
        1,
    ),
    (
        "F.softmin(Z, dim=1) + torch.logit(torch.sigmoid(Z))",
        lambda Z: F.softmin(Z, dim=1) + torch.logit(torch.sigmoid(Z)),
        0,
    ),
    (
        "F.softshrink(Z, 0.3) + F.hardshrink(Z, 0.3) + F.tanhshrink(Z) + F.threshold(Z, 0.1, 0.5)",
        lambda Z: F.softshrink(Z, 0.3) + F.hardshrink(Z, 0.3) + F.tanhshrink(Z)
        + F.threshold(Z, 0.1, 0.5),
        0,
    ),
    (
        "torch.heaviside(Z, torch.tensor(0.5)) * Z + torch.fmax(Z, torch.tensor(0.2))"
        " + torch.min(Z, torch.tensor(0.5))",
        # heaviside has no derivative in PyTorch (a step: 0 almost everywhere)
        lambda Z: torch.heaviside(Z.detach(), half(Z)) * Z + torch.fmax(Z, 0.4 * half(Z))
        + torch.min(Z, half(Z)),
        0,
    ),
    (
        "(Z >= Y).float() * Z + (Z < Y).double() * Z * Z + (Z <= 0.1).astype(float) * Y",
        lambda Z: (Z >= t(Y)).double() * Z + (Z < t(Y)).double() * Z * Z
        + (Z <= 0.1).double() * t(Y),
        0,
    ),
    (
        "F.binary_cross_entropy(torch.sigmoid(Z), (Y > 0).float())",
        lambda Z: F.binary_cross_entropy(torch.sigmoid(Z), (t(Y) > 0).double()),
        1,
    ),
    (
        "np.ptp(Z) + np.vdot(Z, Y) + torch.inner(Z, Y).sum() + (Z.H @ Y).sum()",
        lambda Z: (Z.max() - Z.min()) + (Z * t(Y)).sum() + torch.inner(Z, t(Y)).sum()
        + (Z.T @ t(Y)).sum(),
        1,
    ),
    (
        "Z.flatten().sum() + (Z * Y).view(-1).mean() + torch.stack([Z, Z * Z]).mean()"
        " + np.column_stack([Z, Y]).sum() + Z.reshape(-1).max()",
        lambda Z: Z.flatten().sum() + (Z * t(Y)).view(-1).mean()
        + torch.stack([Z, Z * Z]).mean() + torch.column_stack([Z, t(Y)]).sum()
        + Z.reshape(-1).max(),
        1,
    ),
    (
        "Z.reshape(4, 3).sum() + Z.unsqueeze(0).mean() + (Z * Z)[None].sum()"
        " + sum([Z.sum(), (Z * Y).sum()])",
        lambda Z: Z.reshape(4, 3).sum() + Z.unsqueeze(0).mean() + (Z * Z)[None].sum()
        + sum([Z.sum(), (Z * t(Y)).sum()]),
        1,
    ),
    (
        "(torch.cumsum(Z, 1) * R).sum() + (np.cumsum(Z[:, 1:4], axis=0) ** 2).sum()"
        " + (F.glu(Z, dim=1) ** 2).sum() + F.glu(Z[0:2, :], dim=0).sum()",
        lambda Z: (torch.cumsum(Z, 1) * t(R)).sum() + (torch.cumsum(Z[:, 1:4], 0) ** 2).sum()
        + (F.glu(Z, dim=1) ** 2).sum() + F.glu(Z[0:2, :], dim=0).sum(),
        1,
    ),
]


@pytest.mark.parametrize("text,ref,scalar", CASES, ids=[c[0][:40] for c in CASES])
def test_new_spelling_means_what_pytorch_computes(text, ref, scalar) -> None:
    d = derive(spec.parse(_spec(text, bool(scalar)), source="ops11"))
    point = numeric.example_point(d.graph)
    grads, loss = numeric.gradients_matrix(d, point)
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    out = ref(t(X) @ w)
    want = out if scalar else (out * t(R)).sum()
    want.backward()
    assert loss == pytest.approx(float(want.detach()), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-8, atol=1e-11)


def test_xlogy_has_pytorchs_zero_gradient_where_x_is_zero() -> None:
    """∂ xlogy(x, y)/∂x is 0 where x = 0 in PyTorch (not log y): x = Z − Z[0, 0] is exactly 0
    at one entry that still depends on W."""
    text = "torch.xlogy(Z - Z[0, 0], P).sum()"
    d = derive(spec.parse(_spec(text, True), source="ops11"))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    z = t(X) @ w
    want = torch.xlogy(z - z[0, 0], t(P)).sum()
    want.backward()
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-8, atol=1e-11)


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("Z.argmax(1)", "returns indices"),
        ("np.median(Z)", "middle entry"),
        ("torch.logit(Z, eps=1e-6)", "torch.clamp"),
        ("torch.tensor(Z)", "one number"),
        ("F.softmin(Z)", "axis"),
        # of an expression whose size the declared shapes give it is read (tests/test_trust12.py;
        # a slice of one too since spellings24; of a softmax with its axis since heldnets37), of
        # F.normalize's not yet
        ("torch.cumsum(F.normalize(Z, dim=1)[:, 0:2], 1)", "name the expression on a line first"),
        ("np.cumsum(Z)", "along axis 0 or 1"),
    ],
)
def test_new_refusals_say_what_to_write(text, fragment) -> None:
    with pytest.raises(ex.ExprError) as err:
        ex.parse(text, shapes={"Z": (3, 4), "W": (4, 4)})
    assert fragment in err.value.message


def test_casts_of_comparisons_become_masks_and_other_casts_vanish() -> None:
    assert ex.strip_casts("(a > b).float()") == "relu_grad(a - b)"
    assert ex.strip_casts("(a <= b).astype(float)") == "1 - relu_grad(a - b)"
    assert ex.strip_casts("y.float()") == "y"
    assert ex.whole_reductions("z.flatten().sum()") == "z.sum()"
    assert ex.whole_reductions("z.flatten()") == "z.flatten()"
    assert ex.whole_reductions("z[None, :].mean()") == "z.mean()"
    assert ex.whole_reductions("z[0].sum()") == "z[0].sum()"


BLOCKS = [
    (
        "torch.prod(z) + np.prod(z[1:3, 0:2]) + (torch.prod(z, dim=1, keepdim=True) ** 2).sum()",
        lambda z: torch.prod(z) + torch.prod(z[1:3, 0:2])
        + (torch.prod(z, dim=1, keepdim=True) ** 2).sum(),
    ),
    (
        "z[:, [0]].sum() + z[..., 1:3].mean() + (z[:, [1, 2]] ** 2).sum()",
        lambda z: z[:, [0]].sum() + z[..., 1:3].mean() + (z[:, [1, 2]] ** 2).sum(),
    ),
    (
        "torch.diag(z @ z.T).sum() + np.diag(z.dot(W.T @ X.T)).sum()",
        lambda z: torch.diag(z @ z.T).sum() + torch.diag(z @ (z_w(z).T @ t(X).T)).sum(),
    ),
    (
        "torch.einsum('ij,jk,kl->il', X, W, W).sum() + np.einsum('bi,ij,bj->', X, W, Y) + z.sum()",
        lambda z: torch.einsum("ij,jk,kl->il", t(X), z_w(z), z_w(z)).sum()
        + torch.einsum("bi,ij,bj->", t(X), z_w(z), t(Y)) + z.sum(),
    ),
]


def z_w(z: torch.Tensor) -> torch.Tensor:
    return z._w  # the weight the test attached to z


@pytest.mark.parametrize("text,ref", BLOCKS, ids=[c[0][:40] for c in BLOCKS])
def test_blocks_diagonals_and_einsum_chains_are_pytorchs(text, ref) -> None:
    source = _spec("0", True).replace('Z = "X @ W"\nL = "0"', f'z = "X @ W"\nL = "{text}"')
    d = derive(spec.parse(source, source="ops11"))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    z = t(X) @ w
    z._w = w
    want = ref(z)
    want.backward()
    assert loss == pytest.approx(float(want.detach()), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-8, atol=1e-11)


def test_xlogy_of_targets_with_zeros_is_zero_there_as_in_pytorch() -> None:
    """The entropy and KL of one-hot-like targets, ``xlogy(C, C)`` and ``xlogy(C, C) − xlogy(C,
    softmax(Z))``: where C = 0, PyTorch's xlogy is 0 even of log 0 (it was exit 2, "log of 0.0");
    loss and gradient as PyTorch running the original text."""
    text = "(torch.xlogy(C, C) - torch.xlogy(C, torch.softmax(Z, 1))).sum()"
    d = derive(spec.parse(_spec(text, True), source="ops11"))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    c = t(C)
    want = (torch.xlogy(c, c) - torch.xlogy(c, torch.softmax(t(X) @ w, 1))).sum()
    want.backward()
    assert loss == pytest.approx(float(want.detach()), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-8, atol=1e-11)
