"""Branch heldnets25 (issue 9's held-out course networks, pass 24 of the specs, hn24_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- ArcFace's ``torch.acos(torch.clamp(cos, -1 + 1e-7, 1 - 1e-7))`` was an unknown function: the
  inverse sine and cosine are rows of the table (``asin``/``acos``, NumPy's ``arcsin``/``arccos``,
  ``tf.math.``, ``jnp.``), their domain the open interval (−1, 1) (the derivative ∓1/√(1 − x²) is
  infinite at ±1): a given value exactly ±1 is refused naming the entry, en and zh;
- ``F.cross_entropy(logits, onehot.argmax(dim=1))`` was refused ("argmax() returns indices")
  unless the input was declared ``kind = "one-hot"``: class indices taken by argmax along the
  classes are now the one-hot rows of each row's first largest entry (``max_mask``, PyTorch's
  tie rule), of any input or expression, with ``weight=`` and ``label_smoothing=`` too;
- ``np.cross(a, b, axis=1)`` (NumPy's keyword) was refused with the replication message;
- the oracle had no ``tf.math.softplus``/``sinh``/``cosh`` (a TensorFlow sinh-arcsinh flow)."""

from __future__ import annotations

import pytest
from test_heldnets21 import _both

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec as spec_mod
from derive.locale import catalog

torch = pytest.importorskip("torch")

_ANGLE = """
[dims]
B = {b}
D = 3
[inputs]
x = ["B", "D"]
t = ["B", 2]
[params]
W = ["D", 2]
[forward]
c = "{c}"
a = "{line}"
loss = "((a - t) ** 2).mean()"
"""


@pytest.mark.parametrize(
    "b, c, line",
    [
        (2, "torch.tanh(x @ W)", "torch.acos(c)"),
        (3, "F.normalize(x, dim=1) @ F.normalize(W, dim=0)", "torch.acos(torch.clamp(c, -0.999, 0.999))"),
        (2, "np.tanh(x @ W)", "np.arcsin(c) + np.arccos(0.5 * c)"),
        (3, "tf.tanh(x @ W)", "tf.math.asin(c) * tf.math.acos(c)"),
        (2, "jnp.tanh(x @ W)", "jnp.arccos(c) ** 2"),
        (3, "torch.sigmoid(x @ W)", "c.asin() - c.arccos()"),
    ],
)
def test_inverse_sine_and_cosine_are_pytorchs(b: int, c: str, line: str) -> None:
    _both(_ANGLE.format(b=b, c=c, line=line), "angle")


_EDGE = """
[dims]
N = 2
[inputs]
x = ["N", 2]
[params]
W = [2, 2]
[forward]
loss = "torch.{f}(x @ W).sum()"
[values]
x = [[1.0, 0.0], [0.0, 0.5]]
W = [[{v}, 0.25], [0.5, -0.5]]
"""


@pytest.mark.parametrize("f, v", [("acos", "1.0"), ("asin", "-1.0"), ("acos", "-1.0")])
def test_an_inverse_sine_or_cosine_at_plus_or_minus_one_is_refused(f: str, v: str) -> None:
    """The derivative is infinite there (PyTorch: inf, then NaN): exit 2 naming the entry."""
    with pytest.raises(DeriveError) as err:
        derive(spec_mod.parse(_EDGE.format(f=f, v=v), "edge"))
    en, zh = (catalog.localized(err.value, lang) for lang in ("en", "zh"))
    assert f"{f} of {v}" in en and "[0, 0]" in en and "strictly between -1 and 1" in en
    assert "严格介于 -1 与 1 之间" in zh


_LABELS = """
[dims]
N = 3
C = {c}
[inputs]
x = ["N", 2]
Y = ["N", "C"]
w = ["C"]
[params]
W = [2, "C"]
[forward]
z = "x @ W"
loss = "{line}"
[values]
Y = {y}
"""
_HOT3 = "[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]"
_TIED4 = "[[0.2, 0.4, 0.4, 0.0], [0.9, 0.1, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25]]"


@pytest.mark.parametrize(
    "c, y, line",
    [
        (3, _HOT3, "F.cross_entropy(z, Y.argmax(dim=1))"),
        (4, _TIED4, "F.cross_entropy(z, torch.argmax(Y, -1), weight=w)"),
        (3, _HOT3, "F.nll_loss(F.log_softmax(z, dim=1), np.argmax(Y, axis=1), reduction='sum')"),
        (4, _TIED4, "nn.CrossEntropyLoss(label_smoothing=0.2)(z, Y.argmax(1))"),
        (3, _HOT3, "F.cross_entropy(input=z, target=(Y - 0.1 * z).argmax(axis=-1), reduction='none').mean()"),
    ],
)
def test_argmax_class_indices_are_the_first_largest_entry_of_each_row(c: int, y: str, line: str) -> None:
    _both(_LABELS.format(c=c, y=y, line=line), "labels")


def test_argmax_across_the_rows_stays_refused() -> None:
    text = _LABELS.format(c=3, y=_HOT3, line="F.cross_entropy(z, Y.argmax(dim=0))")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "labels")
    assert "argmax() returns indices" in catalog.localized(err.value, "en")


_CROSS = """
[dims]
N = {n}
[inputs]
r = ["N", 3]
[params]
W = [3, 3]
[forward]
L = "{line}"
loss = "(L ** 2).sum()"
"""


@pytest.mark.parametrize(
    "n, line", [(2, "np.cross(r, r @ W, axis=1)"), (4, "np.cross(r @ W, np.tanh(r), axis=-1)")]
)
def test_numpys_cross_with_its_axis_keyword(n: int, line: str) -> None:
    _both(_CROSS.format(n=n, line=line), "cross")


_FLOW = """
[dims]
N = 3
[inputs]
x = ["N", 1]
[params]
a = [1]
rho = [1]
[forward]
b = "tf.math.softplus(rho)"
u = "b * tf.math.asinh(x) + a"
logdet = "tf.math.log(b * tf.math.cosh(u)) - 0.5 * tf.math.log1p(tf.square(x))"
loss = "tf.reduce_sum(0.5 * tf.square(tf.math.sinh(u)) - logdet)"
[values]
x = [[-0.5], [1.0], [2.0]]
"""


def test_a_tensorflow_sinh_arcsinh_flow() -> None:
    _both(_FLOW, "flow")


_TRIPLET = """
[dims]
N = {n}
[inputs]
x = ["N", 2]
y = ["N", 3]
[params]
W = [2, 3]
[forward]
z = "x @ W"
loss = "{line}"
"""


@pytest.mark.parametrize(
    "n, line",
    [
        (3, "F.triplet_margin_loss(z, y, torch.tanh(z), p=1, margin=0.5)"),
        (2, "F.triplet_margin_loss(z, y, 0.5 * z, swap=True)"),
        (4, "nn.TripletMarginLoss(margin=2.0, p=1, swap=True, reduction='sum')(z, torch.tanh(z), y)"),
    ],
)
def test_triplet_margin_loss_with_p_one_and_the_distance_swap(n: int, line: str) -> None:
    """PyTorch's triplet loss is pairwise_distance's (p = 1 read there already, while the triplet
    refused it saying "p=2 or p=1 only"); ``swap=True`` the nearer of d(a, n) and d(p, n)."""
    _both(_TRIPLET.format(n=n, line=line), "triplet")



_ALIBI = """
[dims]
Q = {q}
K = {k}
D = 2
[inputs]
qs = ["Q", "D"]
ks = ["K", "D"]
t = ["Q", "K"]
[params]
Wq = ["D", "D"]
[forward]
s = "(qs @ Wq) @ ks.T"
a = "{line}"
loss = "((a - t) ** 2).sum()"
"""


@pytest.mark.parametrize(
    "q, k, line",
    [
        (3, 3, "torch.softmax(s + 0.5 * (torch.arange(K) - torch.arange(Q)[:, None]), dim=-1)"),
        (2, 4, "torch.softmax(s - 0.25 * torch.abs(torch.arange(4)[None, :] - torch.arange(2)[:, None]), dim=-1)"),
        (3, 2, "np.exp(s - np.abs(np.arange(K) - np.arange(Q).reshape(-1, 1)) / 3)"),
        (2, 3, "s * torch.arange(1, 4, dtype=torch.float64) + jnp.arange(K)"),
    ],
)
def test_an_arange_in_arithmetic_is_its_ramp_of_numbers(q: int, k: int, line: str) -> None:
    """ALiBi's distance bias was refused ("unknown function 'arange'"): an arange outside an
    index is the constant 1-D ramp a, a + 1, …, b − 1 (a made input, as np.ones' ones are)."""
    _both(_ALIBI.format(q=q, k=k, line=line), "alibi")




_LABELS_LINE = """
[dims]
N = 3
D = 2
[inputs]
x = ["N", "D"]
[params]
W = ["D", "N"]
[forward]
logits = "x @ W"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    ['loss = "F.nll_loss(torch.log_softmax(logits, dim=1), torch.arange(N) * 1)"'],
)
def test_an_arange_that_may_be_class_indices_is_not_a_ramp(lines: str) -> None:
    """PyTorch's arange is integers: one inside a loss may be class indices (a first version
    read the ramp there: derive ✓, PyTorch's nll_loss 1.32 vs 2.98)."""
    with pytest.raises(DeriveError):
        spec_mod.parse(_LABELS_LINE.format(lines=lines), "labels")


def test_a_line_of_one_arange_used_as_class_indices_is_read_as_them() -> None:
    """heldnets36: a line of one arange alone that the loss reads as class indices is read
    where it is used, as the class indices PyTorch takes (round 25 refused it rather than read
    the ramp); PyTorch running the text agrees."""
    lines = 'labels = "torch.arange(3)"\nloss = "F.nll_loss(torch.log_softmax(logits, dim=1), labels)"'
    _both(_LABELS_LINE.format(lines=lines), "labels")


_TRI = """
[dims]
N = {n}
D = 3
[inputs]
x = ["N", "D"]
[params]
A = ["D", "D"]
[forward]
L = "{line}"
loss = "((x @ L @ L.T) ** 2).sum()"
"""


@pytest.mark.parametrize(
    "n, line",
    [
        (2, "torch.tril(A)"),
        (3, "np.triu(A, k=1) + np.tril(A.T @ A, -1)"),
        (2, "(A @ A).tril(-1) + A.triu()"),
        (3, "torch.tril(torch.tanh(A), diagonal=1)"),
    ],
)
def test_a_triangle_of_a_matrix_is_the_matrix_times_the_triangle_of_ones(n: int, line: str) -> None:
    """A Cholesky factor's ``torch.tril(A)`` was refused ("read as a triangle of a block of
    ones"): of any matrix whose size the shapes give it is ``A * tril``, PyTorch's value and
    gradient."""
    _both(_TRI.format(n=n, line=line), "tri")



_CHOL = """
[dims]
N = {n}
D = 3
[inputs]
x = ["N", "D"]
[params]
A = ["D", "D"]
v = ["D"]
[forward]
L = "{line}"
loss = "((x @ L @ L.T) ** 2).sum() / N"
"""


@pytest.mark.parametrize(
    "n, line",
    [
        (2, "torch.tril(A, -1) + torch.diag(torch.exp(v))"),
        (3, "np.tril(A, -1) + np.diag(np.exp(v) + 0.1)"),
        (2, "A.tril(-1) + torch.diag_embed(F.softplus(v)) * 0.5"),
    ],
)
def test_a_diagonal_matrix_of_a_vector_on_its_own(n: int, line: str) -> None:
    """A Cholesky parametrisation's ``diag(exp(v))`` outside a product was refused ("a diagonal
    matrix on its own line is not read"): of a 1-D vector of known length it is ``I * v``."""
    _both(_CHOL.format(n=n, line=line), "chol")


def test_gaussian_nll_var_below_its_eps() -> None:
    """PyTorch clamps var at eps for the value only (the gradient straight through): read since
    heldnets26 (a stop-gradient line; tests/test_heldnets26.py has the variants)."""
    text = _TRIPLET.format(n=3, line="F.gaussian_nll_loss(z, y, torch.sigmoid(z) * 1e-7, eps=1e-6)")
    _both(text, "gnll")
