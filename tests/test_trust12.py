"""Refusals of things PyTorch computes finitely (issue 9, branch trust12). Each case is judged
by PyTorch float64 running the spec's own text (tests/spelled_oracle.py) and by derive's own
``verify`` guards (exit 0), or, where PyTorch itself is not finite, by a refusal in one line."""

from __future__ import annotations

import pytest

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec
from derive.numeric import verify as numeric

pytest.importorskip("torch")
import spelled_oracle as so  # noqa: E402

HEAD = """
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
R = ["m", "n"]
Y = ["m", "n"]
T = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
"""
X = "[[0.5, -0.2, 0.1, 0.9], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"
W = "[[0.3, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]"
REST = """
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
Y = [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
T = [[0, 1, 1, 0], [1, 0, 1, 0], [1, 0, 0, 1]]
"""


def _text(lines: list[str], x: str = X, w: str = W) -> str:
    return HEAD + "\n".join(lines) + f"\n[values]\nX = {x}\nW = {w}\n" + REST


def agree_and_verify(text: str) -> None:
    """PyTorch running the text agrees with derive's reading, and ``verify``'s guards pass."""
    out = so.oracle_text(text, "trust12")
    assert out.status == "agree", out.reason
    d = derive(spec.parse(text, "trust12"))
    assert numeric.verify(d, points=1, use_torch=True).ok


KERAS_BCE = [
    # the target first, as Keras writes it; probabilities clipped to [1e-7, 1 - 1e-7]
    ['Z = "torch.sigmoid(X @ W)"', 'L = "K.mean(K.binary_crossentropy(T, Z))"'],
    ['Z = "K.sigmoid(K.dot(X, W))"', 'L = "K.sum(K.binary_crossentropy(T, Z), axis=1).mean()"'],
    ['Z = "X @ W"', 'L = "K.mean(K.binary_crossentropy(T, Z, from_logits=True))"'],
]


@pytest.mark.parametrize("lines", KERAS_BCE)
def test_keras_binary_crossentropy_is_the_backends(lines: list[str]) -> None:
    agree_and_verify(_text(lines))


# entries of Z from 300 to 1400: exp overflows float64 (≥ 710), PyTorch's logsumexp does not
BIG = "[[3000.0, -0.2, 0.1, 0.9], [-0.7, 2000.0, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"
LOGSUMEXP = [
    'L = "torch.logsumexp(Z, dim=1).sum()"',
    'L = "(torch.logsumexp(Z, 1, True) * R).sum()"',
    'L = "(torch.logsumexp(Z, dim=0, keepdim=True) * R).sum()"',
    'L = "scipy.special.logsumexp(Z, axis=1).sum()"',
    'L = "scipy.special.logsumexp(Z)"',
    'L = "jax.nn.logsumexp(Z, axis=-1).sum()"',
    'L = "tf.reduce_logsumexp(Z)"',
    'L = "(torch.logsumexp(Z, dim=1) * torch.logsumexp(Z, dim=1)).sum()"',
]


@pytest.mark.parametrize("line", LOGSUMEXP)
def test_logsumexp_of_inputs_past_exps_overflow_is_pytorchs(line: str) -> None:
    agree_and_verify(_text(['Z = "X @ W"', line], x=BIG))


def test_logsumexp_of_a_1d_vector_is_one_number() -> None:
    text = """
[dims]
n = 4
[inputs]
v = ["n"]
[params]
w = ["n"]
[forward]
L = "torch.logsumexp(v * w, 0) * 2 + scipy.special.logsumexp(v * w)"
[values]
v = [1000.0, 2.0, -3.0, 900.0]
w = [1.0, 0.5, 0.2, 0.9]
"""
    agree_and_verify(text)


# row 0 of X is zero, so row 0 of Z = X @ W is a zero vector: PyTorch's norm backward gives it
# the gradient 0 (√'s derivative there is 1/0); derive's norm is the table's sqrt0
ZERO_ROW = "[[0.0, 0.0, 0.0, 0.0], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"
NORMS = [
    'L = "torch.norm(Z, dim=1).sum()"',
    'L = "(torch.linalg.norm(Z, dim=1, keepdim=True) * R).sum()"',
    'L = "(Z.norm(dim=1) * Z.norm(dim=1)).sum() + Z.norm(2, 1).sum()"',
    'L = "torch.linalg.vector_norm(Z, dim=1).sum()"',
    'L = "torch.norm(Z, 2, 1, True).sum() + torch.norm(Z[0:1, :])"',
]


@pytest.mark.parametrize("line", NORMS)
def test_pytorchs_norm_of_a_zero_row_has_gradient_zero(line: str) -> None:
    agree_and_verify(_text(['Z = "X @ W"', line], x=ZERO_ROW))


@pytest.mark.parametrize(
    "line",
    [
        'L = "np.linalg.norm(Z, axis=1).sum()"',  # NumPy/JAX/TF: NaN there (no convention)
        'L = "torch.sqrt((Z ** 2).sum(1)).sum()"',  # PyTorch's own NaN
        'L = "(F.normalize(Z, dim=1) * R).sum()"',  # x / eps: an eps artefact, refused
    ],
)
def test_a_zero_row_under_a_square_root_without_the_convention_is_refused(line: str) -> None:
    with pytest.raises(DeriveError) as err:
        d = derive(spec.parse(_text(['Z = "X @ W"', line], x=ZERO_ROW), "trust12"))
        numeric.verify(d, points=0, use_torch=False)
    assert err.value.exit_code == 2 and "sqrt of 0.0 at entry [0, 0]" in str(err.value)


def test_the_norm_convention_is_only_at_zero() -> None:
    """Away from a zero row the norm is the plain 2-norm (its torch reference, autograd through
    the table's sqrt0, is PyTorch's norm)."""
    agree_and_verify(_text(['Z = "X @ W"', 'L = "(torch.norm(Z, dim=0, keepdim=True) * R).sum()"']))
