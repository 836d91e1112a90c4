"""The checker's leftovers of issue 11, pass 8: each a general rule with a table of right and
wrong answers (verdict + code), on networks and entries other than the case that showed it."""

from __future__ import annotations

import re
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


# ---- 2. a 1-D operand of @ as NumPy reads it ----------------------------------------------------

ONE_D_PRODUCTS = [
    # (network, wrt, NumPy, verdict, code)
    # a 1-D array on the right of @ is a column; the 1-D result broadcasts as a row
    ("mlp-bce", "b1", "dZ1.T @ np.ones(m)", "correct", None),
    ("softmax-regression", "b", "(P - Y).T @ np.ones(m) / m", "correct", None),
    ("softmax-regression", "b", "np.dot((P - Y).T, np.ones(m)) / m", "correct", None),
    ("softmax-regression", "b", "(P - Y).T.dot(np.ones(m))", "incorrect", "scale-factor"),
    ("mlp-bce", "b1", "dZ1 @ np.ones(n_h)", "incorrect", "wrong-sum-axis"),
    ("mlp-bce", "b1", "np.ones(m) @ dZ1", "correct", None),  # on the left: a row
    # a matrix times a column slice is 1-D: never the outer product or a column gradient
    ("mlp-bce", "W2", "A1.T @ (A2 - Y)[:, 0] / m", "incorrect", "shape-mismatch"),
    ("mlp-bce", "W2", "np.dot(A1.T, (A2 - Y)[:, 0]) / m", "incorrect", "shape-mismatch"),
    ("softmax-regression", "W", "X.T @ (P - Y)[:, 0] / m", "incorrect", "shape-mismatch"),
    ("relu-mlp", "w2", "h_relu.T @ dy_pred[:, 0]", "incorrect", "shape-mismatch"),
    ("relu-mlp", "w2", "h_relu.T.dot(dy_pred[:, 0].T)", "incorrect", "shape-mismatch"),  # .T of 1-D: no-op
    ("relu-mlp", "h_relu", "dy_pred @ w2[:, 0]", "incorrect", "shape-mismatch"),
    ("relu-mlp", "w2", "np.outer(h_relu[:, 0], dy_pred[:, 0])", "incorrect", "shape-mismatch"),
    ("relu-mlp", "w2", "h_relu.T @ dy_pred", "correct", None),
]


@pytest.mark.parametrize("case", ONE_D_PRODUCTS, ids=lambda c: f"{c[0]}:{c[1]}:{c[2][:50]}")
def test_a_one_d_operand_of_a_product_is_read_as_numpy_reads_it(case: tuple) -> None:
    """``A @ v`` with a 1-D ``v`` (a slice, ``np.ones(m)``, a difference of slices): ``v`` is a
    column and the result 1-D, broadcast as a row (``np.dot``, ``.dot``, ``np.matmul`` alike);
    ``v @ A``: ``v`` a row."""
    net, wrt, text, verdict, code = case
    assert _judged(net, wrt, text) == (verdict, code)


@pytest.mark.parametrize(
    "net, wrt, text, shapes",
    [
        ("relu-mlp", "w2", "h_relu.T @ dy_pred[:, 0]", "(3, 3) @ (3,) → (3,)"),
        ("mlp-bce", "W2", "np.dot(A1.T, (A2 - Y)[:, 0]) / m", "(2, 2) @ (2,) → (2,)"),
        ("mlp-bce", "W2", "A1[0] @ (A2 - Y)", "(2,) @ (2, 1) → (1,)"),
        ("relu-mlp", "h_relu", "dy_pred @ w2[:, 0]", "(3, 2) @ (3,), which NumPy refuses"),
    ],
)
def test_the_shape_message_names_numpys_shapes(net: str, wrt: str, text: str, shapes: str) -> None:
    for lang, said in (("en", shapes), ("zh", shapes.split(",", 2)[0])):
        r = check(net, wrt, text, lang=lang)
        assert not r.ok
        notes = " ".join(r.localized(lang).notes)
        assert said in notes, notes
        assert ("NumPy 的读法" in notes) == (lang == "zh")


# ---- 3. a ratio that is a quotient of two sizes; one term of a sum off by a factor --------------

FOCAL = COURSE / "focal.toml"  # m = 4, n = 3; log's domain at random targets
FOCAL_DZ = "alpha_t*(2*(1-p_t)*np.log(p_t) - (1-p_t)**2/p_t)*(2*y-1)*p*(1-p)"
UFLDL = COURSE / "ufldl_softmax_colmajor.toml"  # k = 3, n = 2, m = 4; targets not declared one-hot

SIZE_QUOTIENTS = [
    # (network, wrt, NumPy, verdict, code, factor)
    (FOCAL, "w", f"X.T @ ({FOCAL_DZ}) / n", "incorrect", "scale-factor", "m/n"),
    (FOCAL, "b", f"np.sum({FOCAL_DZ}) / n", "incorrect", "scale-factor", "m/n"),
    (FOCAL, "w", f"X.T @ ({FOCAL_DZ}) * n / m**2", "incorrect", "scale-factor", "n/m"),
    (FOCAL, "w", f"X.T @ ({FOCAL_DZ}) / m", "correct", None, None),
    ("softmax-regression", "W", "X.T @ (P - Y) / k", "incorrect", "scale-factor", "m/k"),
    ("softmax-regression", "b", "np.sum(P - Y, axis=0) / k", "incorrect", "scale-factor", "m/k"),
    ("softmax-regression", "W", "X.T @ (P - Y) * k / m**2", "incorrect", "scale-factor", "k/m"),
    # not a swap of two sizes: left as before (a number, no size pair explains 3/4)
    ("softmax-regression", "W", "X.T @ (P - Y) * 3 / 4 / m", "incorrect", "scale-factor", "3/4"),
    # the data term without 1/m next to a right weight decay, at one-hot targets (UFLDL)
    (UFLDL, "theta", "(h - groundTruth) @ data.T + lambda_ * theta", "incorrect", "scale-factor", "m"),
    (UFLDL, "theta", "data @ (h - groundTruth).T + lambda_ * theta", "incorrect", None, None),
    (UFLDL, "theta", "(h - groundTruth) @ data.T / m + 2 * lambda_ * theta", "incorrect", "loss-term-factor", "2"),
    # the same shapes on a network whose target IS declared one-hot: the term factor as before
    (COURSE / "ng_softmax_columns.toml", "W2", "(A2 - Y) @ A1.T", "incorrect", "scale-factor", "m"),
]


@pytest.mark.parametrize("case", SIZE_QUOTIENTS, ids=lambda c: f"{Path(str(c[0])).stem}:{c[1]}:{c[2][-40:]}")
def test_a_size_written_for_another_is_named_where_the_sizes_differ(case: tuple) -> None:
    """``/ n`` where ``/ m`` belongs with n ≠ m at the example: the ratio m/n is named by the
    swap that makes the formula right at the random points and at other sizes; one term off by
    a factor is named at one-hot targets where those are the ones the formula is read at."""
    net, wrt, text, verdict, code, factor = case
    r = check(net, wrt, text)
    assert ("correct" if r.ok else "incorrect") == verdict, r.text()
    if code is not None:
        assert r.code == code, r.text()
    if factor is not None:
        assert r.diagnoses[0].factor == factor, r.text()


def test_a_size_quotient_is_said_in_both_languages() -> None:
    r = check(FOCAL, "w", f"X.T @ ({FOCAL_DZ}) / n")
    en = r.diagnoses[0].message
    assert "you use the size n where m belongs" in en and "n = 3 and m = 4" in en
    zh = r.localized("zh").diagnoses[0].message
    assert "在应当用 m 的地方你用了 n" in zh and "m/n" in zh


# ---- 4. label smoothing left out ------------------------------------------------------------------

SMOOTH = COURSE / "label_smoothing.toml"  # F.cross_entropy(logits, Y, label_smoothing=0.1)

LABEL_SMOOTHING = [
    # (network, wrt, text, latex, verdict, codes)
    (SMOOTH, "logits", "(softmax(logits) - Y) / N", False, "incorrect", ["label-smoothing"]),
    (SMOOTH, "W", "X.T @ (softmax(logits) - Y) / N", False, "incorrect", ["label-smoothing"]),
    (SMOOTH, "b", "np.sum(softmax(logits) - Y, axis=0) / N", False, "incorrect", ["label-smoothing"]),
    (SMOOTH, "W", r"\frac{1}{N} X^\top (\operatorname{softmax}(logits) - Y)", True, "incorrect", ["label-smoothing"]),
    (SMOOTH, "W", "X.T @ (softmax(logits) - Y)", False, "incorrect", ["label-smoothing", "scale-factor"]),
    (SMOOTH, "W", "X.T @ (softmax(logits) - ((1 - 0.1) * Y + 0.1 / K)) / N", False, "correct", []),
    (SMOOTH, "W", "X.T @ (softmax(logits) - (0.9 * Y + 0.1 / K)) / N", False, "correct", []),
    # smoothing with a wrong ε is not "left out"
    (SMOOTH, "W", "X.T @ (softmax(logits) - (0.8 * Y + 0.2 / K)) / N", False, "incorrect", ["unknown"]),
    # a wrong answer of another kind is not called label smoothing
    (SMOOTH, "W", "X.T @ (softmax(logits) - Y) / N + X.T @ logits", False, "incorrect", ["unknown"]),
]


@pytest.mark.parametrize("case", LABEL_SMOOTHING, ids=lambda c: f"{c[1]}:{c[2][:50]}")
def test_label_smoothing_left_out_is_named(case: tuple) -> None:
    """``softmax(logits) − Y`` under ``label_smoothing=ε``: the target written out smoothed,
    (1 − ε)Y + ε/K, makes it right — re-checked, so the diagnosis holds (and a second mistake,
    a missing 1/N, is named as well)."""
    net, wrt, text, latex, verdict, codes = case
    r = check(net, wrt, text, latex=latex)
    assert ("correct" if r.ok else "incorrect") == verdict, r.text()
    assert [d.code for d in r.diagnoses][: len(codes)] == codes, r.text()


def test_label_smoothing_message_writes_the_smoothed_target(tmp_path: Path) -> None:
    r = check(SMOOTH, "W", "X.T @ (softmax(logits) - Y) / N")
    assert "((1 - 0.1) * Y + 0.1 / K)" in r.diagnoses[0].message
    assert check(SMOOTH, "W", r.diagnoses[0].fix).ok
    zh = r.localized("zh").diagnoses[0].message
    assert "标签平滑" in zh and "ε = 0.1" in zh
    tex = check(SMOOTH, "W", r"\frac{1}{N} X^\top (\operatorname{softmax}(logits) - Y)", latex=True)
    assert r"\frac{0.1}{K}" in tex.diagnoses[0].message
    # held out: a spec of its own, ε a [constants] name, another batch and class count
    spec = (SMOOTH.read_text().replace("label_smoothing=0.1", "label_smoothing=ls")
            .replace("N = 3", "N = 5").replace("K = 3", "K = 4") + "[constants]\nls = 0.2\n")
    path = tmp_path / "ls.toml"
    path.write_text(spec)
    r = check(path, "W", "X.T @ (softmax(logits) - Y) / N")
    assert r.code == "label-smoothing" and "((1 - ls) * Y + ls / K)" in r.diagnoses[0].message
    assert check(path, "W", "X.T @ (softmax(logits) - ((1 - ls) * Y + ls / K)) / N").ok


# ---- 1. a mis-shaped LaTeX answer is echoed in LaTeX inside its shape message ---------------------

MISSHAPED_LATEX = [
    # (network, wrt, LaTeX, a piece the message must write in LaTeX)
    ("mlp-bce", "W2", r"\frac{1}{m} A^{[1]} (A^{[2]} - Y)^\top", r"\left(A^{[2]} - Y\right)^{\top}"),
    ("mlp-bce", "W2", r"\delta^{[2]} A^{[1]\top}", r"\delta_{Z^{[2]}} \thinspace A^{[1]\top}"),
    ("softmax-regression", "W", r"(P - Y) X^\top / m", r"\left(P - Y\right) \thinspace X^{\top}"),
    ("softmax-regression", "W", r"\frac{1}{m} X (P - Y)^{\top}", r"X \thinspace \left(P - Y\right)^{\top}"),
    ("relu-mlp", "w1", r"x \, \delta_{h}", r"\delta_{h}"),
]
NUMPY_LEFT = re.compile(r"@|\.T\b|np\.|\*\*|axis=")


@pytest.mark.parametrize("case", MISSHAPED_LATEX, ids=lambda c: f"{c[0]}:{c[1]}:{c[2][:30]}")
def test_a_misshaped_latex_answer_is_echoed_in_latex(case: tuple) -> None:
    """The product whose shapes do not fit, echoed in the shape message, is written in LaTeX
    for LaTeX input — each name as the network prints it, ``@`` a product, ``.T`` ⊤ — in both
    languages; no NumPy syntax is left outside ``$…$``."""
    net, wrt, text, piece = case
    r = check(net, wrt, text, latex=True)
    assert r.code == "shape-mismatch", r.text()
    for lang in ("en", "zh"):
        message = r.localized(lang).diagnoses[0].message
        assert not NUMPY_LEFT.search(re.sub(r"\$[^$]*\$", "", message)), message
    if piece:
        assert piece in r.diagnoses[0].message, r.diagnoses[0].message


def test_the_same_answer_in_numpy_keeps_numpy() -> None:
    r = check("mlp-bce", "W2", "dZ2 @ A1.T")
    assert "`dZ2 @ A1.T`" in r.diagnoses[0].message


def test_a_block_of_ones_in_a_latex_message_is_latex() -> None:
    r"""A term written with the checker's ``np.ones((m, n))`` inside a message (batch norm's left-out
    μ path) is ``\mathbf{1}_{m \times n}`` for LaTeX input, NumPy for NumPy input."""
    tex = r"\frac{\gamma}{\sqrt{\sigma^{2}+\epsilon}}\left(\delta_{Y}-\frac{1}{m}\hat{Z}\odot(\mathbf{1}^{\top}(\delta_{Y}\odot\hat{Z}))\right)"
    r = check("batchnorm", "Z", tex, latex=True)
    assert r.code == "missing-path"
    for lang in ("en", "zh"):
        message = r.localized(lang).diagnoses[0].message
        assert r"\mathbf{1}_{m \times n}" in message and "np." not in message, message
    r = check("batchnorm", "Z", "gamma / np.sqrt(var + eps) * (dY - Z_hat * np.sum(dY * Z_hat, axis=0) / m)")
    assert r.code == "missing-path" and "np.ones((m, n))" in r.diagnoses[0].message


def test_a_one_by_one_block_of_ones_is_the_number_one_and_other_sizes_say_how_to_write_them(
    tmp_path,
) -> None:
    """An exercise key prints ∂L/∂(a 1 × 1 loss part) as ``np.ones((1, 1))``; the checker refused
    it ("np.ones is not supported", while listing ``np.ones((r, c))`` as supported). It is 1 (a
    factor 2 of it is still a scale factor); a block of ones whose sizes are none of the
    network's says how to write them, en and zh."""
    from derive.checker.check import FormulaError, check

    spec = "tests/specs_course/hn15_d2l_masked_ce.toml"
    for right in ("np.ones((1, 1))", "torch.ones(1, 1)", "1"):
        assert check(spec, "weighted_loss", right).verdict == "correct", right
    assert check(spec, "weighted_loss", "2 * np.ones((1, 1))").diagnoses[0].code == "scale-factor"
    for lang, words in (("en", "a block of ones is read only with sizes"), ("zh", "全 1 矩阵的尺寸")):
        with pytest.raises(FormulaError) as err:
            check(spec, "weighted_loss", "np.ones((3, 7)) * 0 + 1", lang=lang)
        said = err.value.localized(lang)
        assert words in said and "np.ones((3, 7))" in said


@pytest.mark.parametrize(
    "right",
    [
        "dy * np.exp(-a**2 / 2) / np.sqrt(2 * np.pi)",
        "dy * np.exp(-a**2 / 2) / (2 * math.pi) ** 0.5",
        "dy * np.exp(-a**2 / 2) / np.sqrt(2) / np.sqrt(np.pi)",
        "dy * exp(-a**2 / 2) / sqrt(2 * pi)",
    ],
)
def test_np_pi_in_a_formula_is_float64_pi_compared_as_a_printed_constant(right: str) -> None:
    """Bishop's probit: ∂E/∂a = dy · φ(a), the normal density e^{−a²/2}/√(2π). The formula
    language reads ``np.pi`` as NumPy's float64 π (as the spec does), so ``np.sqrt(2 * np.pi)``
    is a float64 number; the exact comparison (50 digits) against erf's exact slope rejected the
    right answer as ``unknown``. A library constant is compared like a printed float64 decimal
    (relative 1e-12); a missing √2 or a factor 2 is still a scale factor."""
    spec = "tests/specs_course/hn15_bishop_probit.toml"
    assert check(spec, "a", right).verdict == "correct", right
    for wrong in (right.replace("2 * ", "", 1), f"2 * {right}"):
        if wrong != right:
            assert check(spec, "a", wrong).diagnoses[0].code == "scale-factor", wrong


def test_a_block_of_ones_follows_the_sizes_it_is_written_with() -> None:
    """Prototypical networks' ∂L/∂zs stacks a block for the first 2 support rows and one for the
    other ``n_s - 2`` (labs15: the answer key was graded 'right at the example's sizes only').
    ``np.ones((n_s - 2, e))`` is read from ``n_s``'s side from row 2 on, and ``np.ones((2, e))``'s
    ``e`` from a side declared ``e`` (it took the class count, also 2 here); a block written at
    the example's numbers is still wrong at other sizes."""
    from derive.checker.checknet import net_for

    spec = "tests/specs_course/hn15_protonet_cdist.toml"
    key = net_for(spec, 0).target("zs").expected
    assert "np.ones((n_s - 2, e))" in key and "np.ones((2, e))" in key, key
    assert check(spec, "zs", key).verdict == "correct"
    for wrong in (
        key.replace("/ (n_s - 2)", "/ 2"),
        key.replace("np.ones((n_s - 2, e))", "np.ones((2, e))"),
        key.replace("np.ones((2, e))", "np.ones((2, 2))"),
    ):
        assert wrong != key
        assert check(spec, "zs", wrong).verdict == "incorrect", wrong
