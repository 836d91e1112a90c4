"""Branch heldnets40 (issue 9's held-out course networks, pass 40 of the specs, hn40_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- ``F.triplet_margin_with_distance_loss(a, p, n, distance_function=…)`` was read only with its
  default distance: a lambda of two arguments (PyTorch's own example, ``lambda x, y: 1.0 -
  F.cosine_similarity(x, y)``), a function named without a call (``F.pairwise_distance``) or a
  distance module (``nn.PairwiseDistance(p=1)``), also inside the module class
  ``nn.TripletMarginWithDistanceLoss(…)``, is now written out as PyTorch's forward does —
  ``clamp_min(margin + D(a, p) − D(a, n), 0)``, ``swap=True`` taking ``minimum(D(a, n), D(p,
  n))`` — and reduced; any other distance function keeps heldnets37's refusal;
- NumPy's ``reshape(…, order='F')`` was refused with a misleading sentence: ``order='C'`` is the
  default, ``order='F'`` is ``reshape(A.T, (c, r)).T``, other orders are refused naming both;
- a matrix reshaped to other sizes (``h.view(k, m)`` of an [m, k] h: entries move between rows and
  columns) was refused: it is NumPy's row-major fill of its flatten, read as heldnets31's fold of
  a vector (unrolled at the example's sizes, up to 32 rows);
- the oracle could not run ``jax.nn.glu`` nor ``np.reshape(…, order='F')`` (derive read them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")

_TRIPLET = """
[dims]
N = 5
d = 3
e = 2
[inputs]
a = ["N", "d"]
p = ["N", "d"]
n = ["N", "d"]
[params]
W = ["d", "e"]
V = ["d", "e"]
[forward]
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'loss = "F.triplet_margin_with_distance_loss(a @ W, p @ W, n @ V, '
        'distance_function=lambda u, v: 1.0 - F.cosine_similarity(u, v), margin=0.3)"',
        'za = "torch.tanh(a @ W)"\nzp = "torch.tanh(p @ W)"\nzn = "torch.tanh(n @ V)"\n'
        'loss = "F.triplet_margin_with_distance_loss(anchor=za, positive=zp, negative=zn, '
        'distance_function=lambda s, t: ((s - t) ** 2).sum(dim=1), margin=2.0, swap=True, '
        'reduction=\'sum\')"',
        'loss = "torch.nn.functional.triplet_margin_with_distance_loss(a @ W, p @ V, n @ W, '
        'distance_function=F.pairwise_distance)"',
        'loss = "F.triplet_margin_with_distance_loss(a @ W, p @ W, n @ V, '
        'distance_function=nn.PairwiseDistance(p=1), margin=0.5)"',
        'per = "F.triplet_margin_with_distance_loss(a @ W, p @ V, n @ V, distance_function='
        'lambda x1, x2: torch.norm(x1 - x2, dim=1), reduction=\'none\')"\n'
        'loss = "(per ** 2).mean()"',
        'crit = "nn.TripletMarginWithDistanceLoss(distance_function=lambda x, y: 1.0 - '
        'F.cosine_similarity(x, y), margin=0.4)"\nloss = "crit(a @ W, p @ W, n @ V)"',
        'loss = "torch.nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance(), '
        'swap=True)(a @ V, p @ W, n @ W)"',
    ],
    ids=["lambda-cosine", "lambda-squared-swap-sum", "named-function", "module-p1",
         "lambda-norm-none", "module-class-bound", "module-class-pairwise-swap"],
)
def test_triplet_with_a_distance_function_is_written_out(lines: str) -> None:
    _both(_TRIPLET.format(lines=lines), "triplet-distance")


def test_triplet_with_an_unread_distance_function_keeps_the_refusal() -> None:
    text = _TRIPLET.format(
        lines='loss = "F.triplet_margin_with_distance_loss(a @ W, p @ W, n @ V, '
        'distance_function=my_distance)"'
    )
    for lang in ("en", "zh"):
        said = _refusal(text, lang)
        assert "pairwise_distance" in said and "d_ap" in said, said


def test_oracle_runs_jax_glu() -> None:
    import spelled_oracle as so

    spec = Path(__file__).parent / "specs_course" / "hn40_glu_log_cosh_optax_jax.toml"
    got = so.oracle(spec)
    assert got.status == "agree", got.reason


# ---- NumPy's reshape(…, order=…): 'C' the default, 'F' column by column -------------------------

_ORDER = """
[dims]
m = 2
k = 3
d = 2
[inputs]
x = ["m * k", "d"]
z = ["m", "k"]
y = ["m", 1]
[params]
w = ["d", 1]
u = ["k", 1]
V = ["k", "m"]
[forward]
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'col = "x @ w"\ngrid = "np.reshape(col, (m, k), order=\'F\')"\n'
        'loss = "np.mean((np.tanh(grid) @ u - y) ** 2) + 0.01 * np.sum(V ** 2)"',
        'v = "np.tanh(x @ w).ravel()"\ngrid = "np.reshape(v, (m, -1), order=\'F\')"\n'
        'loss = "np.sum(grid @ V) + np.sum(u)"',
        'h = "np.tanh(z * (V.T + 1.0))"\ncol = "np.reshape(h, (-1, 1), order=\'F\')"\n'
        'loss = "np.mean((col - x @ w) ** 2) + np.sum(u ** 2)"',
        'col = "x @ w"\ngrid = "np.reshape(col, (m, k), order=\'C\')"\n'
        'loss = "np.mean((np.tanh(grid) @ u - y) ** 2) + 0.01 * np.sum(V ** 2)"',
    ],
    ids=["column-to-grid-F", "1d-to-grid-F-inferred", "grid-to-column-F", "order-C"],
)
def test_reshape_order_c_and_f_are_numpys(lines: str) -> None:
    _both(_ORDER.format(lines=lines), "order")


def test_reshape_order_f_equals_numpy() -> None:
    """The oracle's column-major reshape is NumPy's own (the reading above is checked against it)."""
    import numpy as np
    import spelled_oracle as so

    a = np.arange(12.0).reshape(6, 2)
    for shape in ((3, 4), (4, 3), (12, 1), (2, 6)):
        got = so._reshape_hn40(torch.tensor(a), shape, "F").numpy()
        assert np.array_equal(got, np.reshape(a, shape, order="F")), shape


@pytest.mark.parametrize("order", ["'A'", "'K'", "how"])
def test_reshape_other_orders_are_refused_naming_c_and_f(order: str) -> None:
    text = _ORDER.format(
        lines=f'col = "x @ w"\ngrid = "np.reshape(col, (m, k), order={order})"\n'
        'loss = "np.sum(grid @ V) + np.sum(u)"'
    )
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert f"order={order}" in en and "order='F'" in en and "row-major" in en, en
    assert f"order={order}" in zh and "order='F'" in zh and "按行" in zh, zh


# ---- a matrix reshaped to other sizes (entries move between rows and columns) -----------------

_GRID = """
[dims]
m = 4
k = 3
d = 2
[inputs]
x = ["m", "d"]
t = ["k", "m"]
[params]
W = ["d", "k"]
U = ["m", "k"]
[forward]
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'h = "torch.tanh(x @ W)"\ng = "h.view(k, m)"\nloss = "((g - t) ** 2).mean() + (U ** 2).sum()"',
        'g = "(x @ W + U).reshape(k, -1)"\nloss = "F.mse_loss(torch.sigmoid(g), t)"',
        'h = "np.tanh(x @ W)"\ng = "np.reshape(h * U, (2, 6))"\n'
        'loss = "np.sum(g[:, 0:3] ** 2) - np.sum(g[:, 3:6]) + np.sum(t)"',
        'h = "torch.reshape(U, (-1, m))"\nloss = "((h - t) ** 2).sum() + (x @ W).pow(2).mean()"',
        'h = "np.tanh(x @ W) + U"\ng = "np.reshape(h, (k, m), order=\'F\')"\n'
        'loss = "np.mean((g - t) ** 2)"',

        # test_heldnets4's two cases refused until round 40, with a parameter under them
        'loss = "np.sum(np.sum(np.tanh(x @ W).reshape(k, m) * 2, axis=0) ** 2) + np.sum(U * t.T)"',
        'loss = "np.sum(np.exp((U * 2).reshape(-1, 6))) + np.sum(x @ W)"',
    ],
    ids=["view-named", "reshape-expression-inferred", "numpy-2x6", "torch-reshape-param",
         "order-F-matrix", "heldnets4-axis0-sum", "heldnets4-inferred-rows"],
)
def test_a_matrix_reshaped_to_other_sizes_is_numpys_row_major_fill(lines: str) -> None:
    _both(_GRID.format(lines=lines), "grid")
