"""The checker's leftovers of issue 11, pass 8: each a general rule with a table of right and
wrong answers (verdict + code), on networks and entries other than the case that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check

COURSE = Path(__file__).resolve().parent / "specs_course"
VICREG = COURSE / "hn15_vicreg.toml"


def _judged(net: object, wrt: str, text: str, latex: bool = False, lang: str = "en") -> tuple[str, str | None]:
    r = check(net, wrt, text, latex=latex, lang=lang)
    return ("correct" if r.ok else "incorrect"), (None if r.ok else r.code)


# ---- 5. a gradient that is exactly 0, float noise at the other sizes --------------------------

# a bias before a centring (Z − mean(Z)): ∂L/∂b is exactly 0, its float64 value a sum of large
# terms that cancel to ~1e-9 or less; written apart from VICReg
CENTRED = """
[network]
name = "centred-bias"
[dims]
m = 4
n = 3
k = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "k"]
b = ["k"]
[forward]
Z = "X @ W + b"
C = "Z - Z.mean(dim=0)"
V = "torch.sqrt((C ** 2).mean(dim=0) + 0.001)"
L = "torch.sum(torch.tanh(C / V) * 3.0) + (C ** 2).sum() * 40.0"
"""

ZERO_GRADIENT = [
    # (network, wrt, formula, latex, verdict, code)
    (VICREG, "b", "sum(dz_a, axis=0) + sum(dz_b, axis=0)", False, "correct", None),
    (VICREG, "b", r"\mathbf{1}^{\top} \delta_{z_{\text{b}}} + \mathbf{1}^{\top} \delta_{z_{\text{a}}}", True, "correct", None),
    (VICREG, "b", "np.zeros((1, e))", False, "correct", None),
    (VICREG, "b", "sum(dz_a, axis=0)", False, "incorrect", "sign"),
    (VICREG, "b", "sum(dz_a, axis=0) - sum(dz_b, axis=0)", False, "incorrect", "sign"),
    # right at the example sizes only (N = 4, d = 3): wrong at the other sizes by a term of the
    # size of b, not of the float noise
    (VICREG, "b", "(N - 4) * b", False, "incorrect", "scale-factor"),
    (VICREG, "b", "sum(dz_a, axis=0) + sum(dz_b, axis=0) + (d - 3) * b", False, "incorrect", "scale-factor"),
    ("centred", "b", "sum(dZ, axis=0)", False, "correct", None),
    ("centred", "b", "np.zeros_like(b)", False, "correct", None),
    ("centred", "b", "0", False, "correct", None),
    ("centred", "b", r"\mathbf{1}^{\top} \delta_{Z}", True, "correct", None),
    ("centred", "b", "sum(dC, axis=0)", False, "incorrect", "bias-not-summed"),
    ("centred", "b", "np.ones((1, k))", False, "incorrect", "missing-factor"),
    ("centred", "b", "(m - 4) * sum(X, axis=0)[:, :2]", False, "incorrect", "scale-factor"),
    ("centred", "b", "(m - 4) * sum(Z, axis=0)", False, "incorrect", "scale-factor"),
    ("centred", "b", "(m - 4) * sum(C, axis=0)", False, "correct", None),  # Σ rows of C is 0
    ("centred", "W", "X.T @ dZ", False, "correct", None),
]


@pytest.mark.parametrize("case", ZERO_GRADIENT, ids=lambda c: f"{Path(str(c[0])).stem}:{c[1]}:{c[2][:40]}")
def test_an_exactly_zero_gradient_is_compared_at_the_scale_of_its_terms(case: tuple, tmp_path: Path) -> None:
    """The exact points compare in 50 digits; at the other sizes (float64) a gradient that is
    exactly 0 is a sum of terms of ~100 that cancel to ~1e-7: the absolute tolerance there is
    relative to the magnitude of the terms (the student's and the rule's), so the right formula
    and a plain 0 are right, and a formula off by a term is still wrong."""
    net, wrt, text, latex, verdict, code = case
    if net == "centred":
        net = tmp_path / "centred.toml"
        net.write_text(CENTRED)
    got = _judged(net, wrt, text, latex=latex)
    assert got[0] == verdict, got
    if code is not None:
        assert got[1] == code, got


# ---- 6. a 3-D broadcast of per-row outer products, summed or averaged over the rows -------------

BATCH_OUTER = [
    # (network, wrt, NumPy, verdict, code)
    ("softmax-regression", "W", "np.mean(X[:, :, None] * (P - Y)[:, None, :], axis=0)", "correct", None),
    ("softmax-regression", "W", "np.mean((P - Y)[:, None, :] * X[:, :, None], axis=0)", "correct", None),
    ("softmax-regression", "W", "(X[:, :, np.newaxis] * (P - Y)[:, np.newaxis, :]).sum(0) / m", "correct", None),
    ("softmax-regression", "W", "(X[:, :, None] * (P - Y)[:, None, :]).mean(dim=0)", "correct", None),
    ("softmax-regression", "W", "np.sum(X[:, :, None] * (P - Y)[:, None, :], axis=0)", "incorrect", "scale-factor"),
    ("softmax-regression", "W", "np.mean((P - Y)[:, :, None] * X[:, None, :], axis=0)", "incorrect", "shape-mismatch"),
    ("mlp-bce", "W1", "np.sum(X[:, :, None] * dZ1[:, None, :], axis=-3)", "correct", None),
    ("mlp-bce", "W1", "np.mean(X[:, :, None] * dZ1[:, None, :], axis=0)", "incorrect", "scale-factor"),
    ("mlp-bce", "W1", "np.sum(X[:, :, None] * dZ2[:, None, :], axis=0)", "incorrect", "wrong-layer"),
]


@pytest.mark.parametrize("case", BATCH_OUTER, ids=lambda c: f"{c[0]}:{c[1]}:{c[2][:50]}")
def test_a_batch_of_outer_products_is_the_matrix_product(case: tuple) -> None:
    """``np.mean(U[:, :, None] * V[:, None, :], axis=0)`` is (1/rows) Σ_i outer(U_i, V_i) =
    ``U.T @ V / rows`` (corpus 17's c17-042): read as that, the rows' size by its name, so a
    sum for a mean is a missing 1/m and the factors' order a shape error."""
    net, wrt, text, verdict, code = case
    assert _judged(net, wrt, text) == (verdict, code)
