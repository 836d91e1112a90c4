"""Mutation fuzzing of ``derive check`` on user networks (tests/check_fuzz_user.py): student-style
edits of each parameter's right formula on a handful of course specs, judged by the spec's own
text run in PyTorch at random points where all sizes differ, and by ``derive check`` (text and
LaTeX round trip). No wrong formula accepted, no right one rejected, nothing unreadable, no crash.
bench/bench_check_fuzz_user.py runs ~40 specs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
pytest.importorskip("torch")
import check_fuzz  # noqa: E402
import check_fuzz_user as cfu  # noqa: E402

SPECS = ("cs231n_two_layer", "leakybce", "ng_l2_colmajor", "layernorm", "gru_step")
PER_SPEC = 6


@pytest.mark.slow
@pytest.mark.parametrize("name", SPECS)
def test_user_network_edits_judged_as_the_spec_text_judges_them(name: str) -> None:
    path = cfu.spec_path(name)
    right, gaps = cfu.pool(path)
    assert right and not gaps, gaps  # the oracle confirms the checker's own expected forms
    verdicts = cfu.right_verdicts(path, right)
    cases = check_fuzz.cases(path, PER_SPEC, seed=0, pool=cfu.editable(right))
    assert len(cases) == PER_SPEC
    for case in cases:
        verdicts += [v for v in (cfu.judge(case), cfu.judge(case, latex=True)) if v is not None]
    assert any(v.oracle is False for v in verdicts)  # the sample has wrong formulas to catch
    bad = [v for v in verdicts if v.kind in ("wrong accepted", "right rejected", "unreadable")]
    bad += [v for v in verdicts if v.kind in ("crash", "oracle cannot read")]
    assert not bad, [(v.kind, v.form, v.case.wrt, v.case.text, v.code, v.detail) for v in bad]


@pytest.mark.slow
@pytest.mark.parametrize("name", ("cs231n_two_layer", "ng_l2_colmajor"))
def test_user_network_hand_numbers(name: str) -> None:
    """Entry [0,0] of each gradient (truth: the spec's text in PyTorch) to 4 digits and one unit
    off in the 4th: right; 3 % off: wrong."""
    path = cfu.spec_path(name)
    rows = cfu.value_verdicts(path, list(cfu.load(path).params))
    assert len(rows) >= 6
    assert all(got == want for _, _, want, got in rows), rows


def test_user_oracle_tells_a_wrong_formula_from_a_right_one() -> None:
    """The oracle itself: the right dW2 of cs231n's two-layer net, and the same without its L2
    term (a mistake the checker must reject), at points where N, D, H, C all differ."""
    path = cfu.spec_path("cs231n_two_layer")
    points = cfu.envs(path)
    assert len(points) == cfu.TRIALS
    sizes = {k: int(points[0].values[k]) for k in ("N", "D", "H", "C")}
    assert len(set(sizes.values())) == 4
    assert cfu.oracle_right(path, "W2", "reg * W2 + hidden.T @ dscores") is True
    assert cfu.oracle_right(path, "W2", "hidden.T @ dscores") is False
    assert cfu.oracle_right(path, "W2", "nosuchfunc(W2)") is None


def test_latex_constant_delta_inside_a_fraction_is_the_constant() -> None:
    """Huber's constant ``delta`` printed as ``\\delta`` inside ``\\frac{1}{\\delta}`` (derive's
    own printing of ``/ delta``) reads back as the constant, next to ``\\delta_{r}`` = ∂L/∂r
    (was exit 2: "expected _{…} or ^{[k]} after \\delta")."""
    path = cfu.spec_path("huber")
    db = r"\left(\mathbf{1}^{\top} \delta_{r}\right)"
    assert cfu.check(path, "b", db, latex=True).ok
    assert not cfu.check(path, "b", r"\frac{1}{\delta} " + db, latex=True).ok  # δ = 1 here only
    assert cfu.check(path, "b", r"\delta " + db + r" / \delta", latex=True).ok


def test_bias_of_an_output_of_one_unit_is_summed_over_the_batch_only() -> None:
    """Ng's column-major net with n_y = 1: b2 ["n_y", 1] is broadcast over the m columns only,
    so ∂L/∂b2 = sum(dZ2, axis=1). The total sum(dZ2) is right at n_y = 1 only (was derived,
    printed and accepted as right; wrong for any n_y > 1: the oracle at other sizes says so)."""
    path = cfu.spec_path("ng_colmajor_tanh")
    assert cfu.oracle_right(path, "b2", "sum(dZ2, axis=1)") is True
    assert cfu.oracle_right(path, "b2", "sum(dZ2)") is False
    assert not cfu.check(path, "b2", "np.sum(dZ2)").ok
    right = cfu.check(path, "b2", "np.sum(dZ2, axis=1, keepdims=True)")
    assert right.ok and right.expected == "sum(dZ2, axis=1)"


def test_latex_greek_name_with_a_subscript_then_transposed() -> None:
    """``\\beta_{\\text{j}}^{\\top}`` (derive's own printing of ``beta_j.T``) is the node beta_j
    transposed (was exit 2 "unknown name 'beta'": the subscript and the transpose were read
    together as a name)."""
    path = cfu.spec_path("xigua_threshold_batch")
    r = cfu.check(path, "theta", r"\beta_{\text{j}}^{\top} - \theta", latex=True)
    assert r.read_as == "beta_j.T - theta"
    assert cfu.check(path, "theta", r"\beta_j^\top", latex=True).read_as == "beta_j.T"


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_gradient_of_a_node_no_parameter_reaches_is_named(lang: str) -> None:
    """``dx_hat`` in cs231n's batch norm (x̂ is computed from the input only): exit 2 saying it
    has no gradient here and listing those there are (was "unknown name 'dx_hat'; did you mean
    x_hat? … dX for ∂L/∂X", which suggests dx_hat should work)."""
    path = cfu.spec_path("cs231n_batchnorm_alt")
    with pytest.raises(cfu.FormulaError) as err:
        cfu.check(path, "beta", "sum(dx_hat, axis=0)", lang=lang)
    text = err.value.localized(lang) if hasattr(err.value, "localized") else str(err.value)
    assert "∂L/∂x_hat" in text and "dbeta" in text and "dloss" not in text


def test_hat_y_is_the_networks_own_y_hat_not_the_prediction() -> None:
    """Hung-yi Lee's logistic regression names the LABEL y_hat (the prediction is f). derive
    prints y_hat as \\hat{y}; read back, \\hat{y} must be y_hat, not the prediction alias —
    ``x^T (δ_f ⊙ ŷ ⊙ (1 − f))`` was accepted as the right ∂L/∂w (it is wrong: the oracle)."""
    path = cfu.spec_path("lhy_classification")
    wrong = r"x^{\top} \thinspace \left(\delta_{f} \odot \hat{y} \odot \left(1 - f\right)\right)"
    assert cfu.oracle_right(path, "w", "x.T @ (df * (y_hat * (1 - f)))") is False
    assert not cfu.check(path, "w", wrong, latex=True).ok
    right = r"x^{\top} \left(f - \hat{y}\right)"
    assert cfu.oracle_right(path, "w", "x.T @ (f - y_hat)") is True
    assert cfu.check(path, "w", right, latex=True).ok


# ---- pass 2 (branch checkfuzz3): long written-out forms, derive's own LaTeX read back ----------


@pytest.mark.slow
@pytest.mark.parametrize(("name", "wrt"), (("torch_huber_delta", "W1"), ("makemore_bn", "W1")))
def test_a_long_written_out_form_is_read(name: str, wrt: str) -> None:
    """The checker's own ``expanded`` form (the whole gradient written out to the loss) is read
    and judged right, the same with one constant changed is judged wrong; the oracle (the spec's
    own text in PyTorch) agrees. Was exit 2: 854 and 465 parts, the reader's limit was 400 (it
    counted Python's tokens for the context and the operator: ``a + b`` was 7 parts)."""
    import ast

    path = cfu.spec_path(name)
    text = cfu.net_for(path, 0).target(wrt).expanded
    assert text and sum(1 for _ in ast.walk(ast.parse(text, mode="eval"))) > 400
    assert cfu.oracle_right(path, wrt, text) is True
    assert cfu.check(path, wrt, text).ok
    wrong = text.replace("(1 - h ** 2)", "(1 - h)", 1).replace("0.5) / 2", "0.5) / 3", 1)
    assert wrong != text and cfu.oracle_right(path, wrt, wrong) is False
    assert not cfu.check(path, wrt, wrong).ok


def test_the_parts_bound_still_holds_for_a_formula() -> None:
    """A student's formula may have as many parts as one written in steps and substituted
    (MAX_FORMULA_NODES), counted as a reader sees them; past that it is refused, and within it
    the depth bound still holds. A spec's expressions keep the tighter MAX_NODES."""
    import ast

    from derive.lang import expr as ex

    assert ex.parts(ast.parse("a + b", mode="eval")) == 4  # Expression, a, BinOp, b
    with pytest.raises(ex.ExprError, match="parts; the limit is 1600"):
        ex.parse("-" * 1600 + "x", max_parts=ex.MAX_FORMULA_NODES)
    with pytest.raises(ex.ExprError, match="deeper than 40"):
        ex.parse("-" * 1597 + "x", max_parts=ex.MAX_FORMULA_NODES)
    with pytest.raises(ex.ExprError, match="parts; the limit is 400"):
        ex.parse("-" * 400 + "x")


def test_latex_absolute_value_bars_are_read() -> None:
    """``\\left|\\left|a\\right| - 1\\right|`` (derive's printing of ``abs(abs(a) - 1)``, smooth
    L1 and Huber gradients) and plain or ``\\lvert`` bars (was exit 2: "found '|'")."""
    from derive.checker import latexin
    from derive.lang import expr as ex

    a = ex.Name("a")
    inner = ex.BinOp("-", ex.Call("abs", (a,)), ex.Num(1))
    want = ex.Call("abs", (inner,))
    bars = (r"\left|\left|a\right| - 1\right|", "||a| - 1|", r"\lvert \vert a \vert - 1 \rvert")
    for tex in bars:
        assert latexin.parse(tex)[0] == want, tex
    two = ex.BinOp("+", ex.Call("abs", (a,)), ex.Call("abs", (ex.Name("b"),)))
    assert latexin.parse("|a| + |b|")[0] == two
    with pytest.raises(latexin.LatexError, match="'\\|'"):
        latexin.parse("|a - b")


# derive's printed LaTeX of each right formula (expected and written out) read back as right:
# a total sum printed as a bare \sum (read back as a sum over the batch), 𝟙ᵀA ⊙ B (read as
# 𝟙ᵀ(A ⊙ B)), \mathbf{1}_{\max}(X), |x| bars, LaTeX over 2,000 characters
ROUND_TRIP = (
    "min_char_rnn",
    "crammer_singer",
    "ce_none_weighted",
    "node_frobenius_normalise",
    "smoothl1",
    "torch_huber_delta",
)


@pytest.mark.slow
@pytest.mark.parametrize("name", ROUND_TRIP)
def test_right_formulas_read_back_from_derives_latex(name: str) -> None:
    path = cfu.spec_path(name)
    right, gaps = cfu.pool(path)
    assert right and not gaps, gaps
    verdicts = cfu.right_verdicts(path, right)
    assert {v.form for v in verdicts} == {"text", "LaTeX"}
    bad = [v for v in verdicts if v.kind != "right → correct"]
    assert not bad, [(v.kind, v.form, v.case.wrt, v.case.text, v.code) for v in bad]
