"""Splits in specs (derive/lang/splits.py): ``np.split``, ``torch.split``, ``torch.chunk``,
``a.chunk``, ``tf.split`` and a quoted [forward] key that unpacks the parts are read as slices;
each is compared with PyTorch autograd running the *original* split (``torch.tensor_split`` for
NumPy's, which splits as NumPy does), not our slices."""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

RNG = np.random.default_rng(20261201)
X = RNG.uniform(-1, 1, (3, 4)).round(3)
W = RNG.uniform(-1, 1, (4, 8)).round(3)


def _rows(a: np.ndarray) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in a) + "]"


def _spec(lines: str) -> str:
    return f"""
[network]
name = "splits"
[dims]
m = 3
n = 4
H = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "4*H"]
[forward]
Z = "X @ W"
{lines}
[values]
X = {_rows(X)}
W = {_rows(W)}
"""


def _loss(out):
    return (torch.tanh(out) + out * out).sum()


# (the split in the spec, the same with PyTorch's own split of z = X @ W)
CASES = [
    ("np.split(Z, 4, axis=1)[2]", lambda z: torch.tensor_split(z, 4, dim=1)[2]),
    ("np.split(Z, [H, 3*H], axis=1)[2]", lambda z: torch.tensor_split(z, [2, 6], dim=1)[2]),
    ("np.split(Z, [1], axis=0)[1]", lambda z: torch.tensor_split(z, [1], dim=0)[1]),
    ("np.hsplit(Z, 2)[0]", lambda z: torch.tensor_split(z, 2, dim=1)[0]),
    ("torch.chunk(Z, 2, dim=1)[1]", lambda z: torch.chunk(z, 2, dim=1)[1]),
    ("Z.chunk(4, 1)[-1]", lambda z: z.chunk(4, 1)[-1]),
    ("torch.split(Z, H, dim=1)[1]", lambda z: torch.split(z, 2, dim=1)[1]),
    ("torch.split(Z, 3, dim=-1)[2]", lambda z: torch.split(z, 3, dim=-1)[2]),  # 3, 3, 2
    ("Z.split([H, 3*H], 1)[1]", lambda z: z.split([2, 6], 1)[1]),
    ("tf.split(Z, 4, axis=1)[3]", lambda z: torch.chunk(z, 4, dim=1)[3]),
]


@pytest.mark.parametrize("text,ref", CASES, ids=[c[0] for c in CASES])
def test_a_part_of_a_split_is_what_pytorch_computes(text, ref) -> None:
    d = derive(spec.parse(_spec(f'out = "{text}"\nL = "sum(tanh(out) + out * out)"'), "splits"))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    want = _loss(ref(torch.tensor(X, dtype=torch.float64) @ w))
    want.backward()
    assert loss == pytest.approx(float(want.detach()), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-8, atol=1e-11)


def test_a_quoted_key_unpacks_the_parts_as_pytorch_does() -> None:
    """``"i, f, o, g" = "np.split(Z, 4, axis=1)"``: four lines, one part each, against
    ``i, f, o, g = torch.chunk(z, 4, dim=1)``."""
    lines = (
        '"i, f, o, g" = "np.split(Z, 4, axis=1)"\n'
        'c = "sigmoid(f) * 0.5 + sigmoid(i) * np.tanh(g)"\n'
        'L = "np.sum(sigmoid(o) * np.tanh(c))"'
    )
    s = spec.parse(_spec(lines), "splits")
    assert [k for k, _ in s.forward][:5] == ["Z", "i", "f", "o", "g"]
    assert s.forward_text["o"] == "np.split(Z, 4, axis=1)[2]"
    d = derive(s)
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    i, f, o, g = torch.chunk(torch.tensor(X, dtype=torch.float64) @ w, 4, dim=1)
    c = torch.sigmoid(f) * 0.5 + torch.sigmoid(i) * torch.tanh(g)
    want = (torch.sigmoid(o) * torch.tanh(c)).sum()
    want.backward()
    assert loss == pytest.approx(float(want.detach()), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), rtol=1e-8, atol=1e-11)


@pytest.mark.parametrize(
    "lines,fragment",
    [
        ('out = "np.split(Z, 4, axis=1)"\nL = "sum(out)"', "gives several tensors"),
        ('"a, b" = "np.split(Z, 4, axis=1)"\nL = "sum(a * b)"', "4 parts but the key names 2"),
        ('"a, b" = "Z * 2"\nL = "sum(a * b)"', "with a slice"),
        ('out = "np.split(X @ W, 4, axis=1)[0]"\nL = "sum(out)"', "assign the expression"),
        ('out = "np.split(Z, 3, axis=1)[0]"\nL = "sum(out)"', "do not split into 3 equal"),
        ('out = "torch.chunk(Z, 4, dim=1)[4]"\nL = "sum(out)"', "index it with 0…3"),
        ('out = "np.split(Z, 4, axis=2)[0]"\nL = "sum(out)"', "the axis is 0, 1"),
    ],
)
def test_splits_that_cannot_be_read_are_refused_saying_what_can(lines, fragment) -> None:
    with pytest.raises(DeriveError) as err:
        spec.parse(_spec(lines), "splits")
    assert fragment in str(err.value)
    assert err.value.exit_code == 2
