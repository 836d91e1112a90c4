"""The held-out-style corpus of issue 11, forty-third round, text side (tests/corpus43t.py):
Bishop's PRML §5.3 (δ_k = y_k − t_k, δ_j = h'(a_j) Σ_k w_kj δ_k and its matrices), Goodfellow's
Algorithm 6.4 typed (g ← ∇_ŷ J; g ← g ⊙ f'(a)), Murphy's PML ch. 13 (bold δ, Jacobians, vec and ⊗),
Karpathy's cs231n notes in text (dW = X.T · dscores), Hinton's −(t_j − y_j), UFLDL's δ^{(n_l)},
邱锡鹏 4.4 (column convention), 西瓜书 5.3 (g_j, e_h, Δw = η g_j b_h), 李航 (π), PowerPoint Unicode
(∑ᵢ, ŷ, ⊙, ∘, ×), Markdown with $$…$$, aligned and \\tag, \\mathrm{d}, \\nabla_W, answer keys of three
new variants and hand numbers, on five course networks no earlier corpus used, with Chinese
answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus43t.py,
bench/RESULTS.md "heldtex43"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus43t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus43t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c43t-010": "\\mathbf{a}_{1,n}^{\\top}\\boldsymbol{\\delta}_{2,n} (layer and example index in one subscript): not read",
    "c43t-022": "f′ = h ⊙ (1 − h) (a derivative defined without its argument): not read",
    "c43t-031": "\\operatorname{vec} and ⊗ (Murphy): the standing refusal of vec/Kronecker notation; right answers unread",
    "c43t-032": "\\operatorname{vec} and ⊗, a wrong order: refused as vec notation, not graded",
    "c43t-055": "∂E/∂wᵢ = … ⇒ ∂E/∂w = … (an index statement, ⇒, then the vector): not read",
    "c43t-057": "UFLDL's a^{(n_l)} = O clause: read as per-example notation",
    "c43t-063": "\\lambda W_2 with a clause \\lambda = 0: \\lambda is no command the reader knows",
    "c43t-064": "\\lambda W_2, λ no name of mlp-bce: refused where the label says wrong (any code)",
    "c43t-065": "邱锡鹏's f_1'(z^{(1)}) with clauses f_1'(z) = 𝕀(z > 0), z^{(1)} = Z_1: the δ^{(1)} statement's left side refused",
    "c43t-066": "the same in column order: refused before the shape is read",
    "c43t-067": "∂ℒ (script L typed) in a Chinese line with the column form stated first: not read",
    "c43t-091": "'← softmax + CE' (a remark after an arrow): softmax read as a name",
    "c43t-099": "(v = wx + b) redefining the network's own v, 2v·x typed: not read",
    "c43t-116": "vec/⊗ with I_1: the standing refusal of vec notation",
    "c43t-124": "a grading rubric after 。 (评分：…): not left out",
    "c43t-235": "h_{1,i} (a name with an example index): not read",
    "c43t-241": "Z_{f,i} (a defined name with an example index) inside Σ_i: not read",
    "c43t-246": "LeakyReLU(·, 0.2) called with a slope in typed text: not read",
    "c43t-247": "φ′ cases typed in a Chinese line (1 (z > 0)，0.2 (z ≤ 0)): not read",
    "c43t-248": "\\varepsilon defined by a clause (ε = 0.1): \\varepsilon is no command the reader knows",
    "c43t-257": "ỹ (y with a tilde) defined in typed text: not a name the reader takes",
    "c43t-258": "the same ỹ, no 1/N: refused, not graded scale-factor",
    "c43t-268": "∂L/∂\\hat r with \\hat r = \\mathrm{pred} by a clause after: rhat is no node",
    "c43t-271": "Uᵀ·(2/N)(pred − r) with a 1-D pred (read as a row, f12f57d0): shape mismatch — a right answer rejected",
    "c43t-272": "Iᵀ·(2/N)(pred − r) with a 1-D pred: shape mismatch — a right answer rejected",
    "c43t-277": "rowsum(·) (a row sum in words of a function): not read",
    "c43t-281": "rowsum(·): not read",
    "c43t-288": "φ′ defined by cases typed (1 (z > 0)，0.2 (z ≤ 0)): not read",
    "c43t-289": "the same, real added: refused, not graded",
    "c43t-290": "an English remark in brackets after 𝟏/N (each fake score …): read as names",
    "c43t-293": "δ₂ (subscript digits) with ỹ defined in the same line: not read",
}


def test_corpus43t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus43t, CASES, KNOWN, least=200, course=5, zh=20)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus43t = corpus_common.corpus_tests(
    corpus43t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str, latex: bool = False) -> tuple[str, str | None]:
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError

    try:
        r = check(net, wrt, text, latex=latex)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code


def test_a_typed_product_sign_in_a_statement_written_as_code() -> None:
    """Karpathy's notes copied by hand, ``dW = X.T · dscores`` (``·``, ``×``, ``⊙`` between
    operands of a statement otherwise code): read by the maths reader, the ``·`` between
    matrices their product (they were unreadable: Python has no ``·``); a wrong answer so typed
    is named; a name neither the network's nor an earlier statement's is never split into sizes
    (``x.T · dH`` with sizes d and h stays unreadable when dH is undefined)."""
    right = "dscores = (P − Y)/m\ndW = X.T · dscores"
    assert _verdict("softmax-regression", "W", right) == ("correct", None)
    assert _verdict("softmax-regression", "W", right.replace("(P − Y)/m", "P − Y")) == (
        "incorrect", "scale-factor")
    masked = "dscores = (A2 − Y)/m\ndhidden = dscores · W2.T\ndhidden[Z1 <= 0] = 0\ndW1 = X.T · dhidden"
    assert _verdict("mlp-bce", "W1", masked) == ("correct", None)
    assert _verdict("mlp-bce", "W1", masked.replace("dhidden[Z1 <= 0] = 0\n", "")) == (
        "incorrect", "missing-activation-derivative")
    ms = str(COURSE / "hn42_mindspore_ops_mlp_cn.toml")
    assert _verdict(ms, "W1", "dZ2 = (p − y)/N\ndH = dZ2 · W2.T\ndH[h1 == 0] = 0\ndW1 = x.T · dH") == (
        "correct", None)
    assert _verdict(ms, "W1", "dW1 = x.T · dH")[0] == "unreadable"
    # typed maths throughout, a where-clause's letters (c38t-170): still the whole answer's reading
    dice = str(COURSE.parent / "specs_course" / "dice_loss.toml")
    text = "解：∂loss/∂p = (N − 2·target·D)/D²，其中 N = 2·inter + smooth，D = Σp + Σtarget + smooth"
    assert _verdict(dice, "p", text) == ("correct", None)


def test_words_in_text_that_say_an_operation_are_refused() -> None:
    """``\\text{sum of } … \\text{ over the rows}``, ``… \\text{ summed over the batch}``,
    ``\\text{column sums of } …``, ``J \\text{ read as } h``: the words were dropped and the
    formula left graded (bias-not-summed, a shape mismatch); now refused with a message in en
    and zh that asks for the maths; a remark in brackets (``\\text{(sum over the batch)}``) after
    a written sum is still a remark."""
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError

    worded = r"\frac{\partial L}{\partial b_2} = \frac{1}{m}(A_2 - Y) \text{ summed over the batch}"
    assert _verdict("mlp-bce", "b2", worded, latex=True) == ("unreadable", None)
    for lang, words in (("en", "write it in maths"), ("zh", "请用数学式写出")):
        with pytest.raises(FormulaError) as err:
            check("mlp-bce", "b2", worded, latex=True, lang=lang)
        assert words in err.value.localized(lang) and "summed over the batch" in err.value.localized(lang)
    columns = r"\frac{\partial L}{\partial \gamma} = \text{column sums of } \frac{2}{mn}(Y - T) \odot \hat{Z}"
    assert _verdict("batchnorm", "gamma", columns, latex=True) == ("unreadable", None)
    remark = r"\frac{\partial L}{\partial b_2} = \frac{1}{m}\sum_{i}(A_2 - Y)_i \quad \text{(sum over the batch)}"
    assert _verdict("mlp-bce", "b2", remark, latex=True) == ("correct", None)


def test_a_sum_over_the_class_index_sums_each_row() -> None:
    """``\\sum_k`` whose index is a size of the network that counts no examples (softmax
    regression's k classes, a K-class head's k): each row's sum — ``P - Y \\sum_k P_k`` is right
    (Σ_k P_k = 1), Σ_k p_k log p_k the row's entropy term (c42t-236/237); it was read as a sum
    over the batch (wrong-sum-axis, a right answer rejected). The batch index (``\\sum_i``) is
    still the batch sum, and a wrong answer so written is named."""
    ok = r"\nabla_W L = \frac{1}{m} X^{\top}\Big(P - Y \sum_k P_k\Big)"
    assert _verdict("softmax-regression", "W", ok, latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W", r"\nabla_W L = \frac{1}{m} X^{\top}\Big(P \sum_k Y_k - Y\Big)", latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W", r"\nabla_W L = \frac{1}{m} X^{\top}\Big(P \sum_i Y_i - Y\Big)", latex=True)[0] == "incorrect"
    cp = str(COURSE / "hn41_confidence_penalty_xlogy_tf.toml")
    entropy = (r"\frac{\partial L}{\partial W} = x^{\top} G, \quad G = \frac{1}{N}\Big(p - Y + \beta\,p \odot "
               r"\big(\log p - \sum_k p_k \log p_k\big)\Big), \quad Y = \mathrm{onehot}(y)")
    assert _verdict(cp, "W", entropy, latex=True) == ("correct", None)
    assert _verdict(cp, "W", entropy.replace(r"\log p - \sum_k", r"\log p + \sum_k"), latex=True)[0] == "incorrect"


def test_a_closing_bracket_of_definitions_is_a_where_clause() -> None:
    """A slide's definitions in plain brackets after the statement (``∂L/∂W₂ = (1/m)·A₁ᵀ × (Ŷ −
    Y)   (Ŷ = A₂)``, ``• δ_out = ŷ − y   (ŷ = y_pred, y = y_target)``) are its where-clause, and
    a name used with a typed subscript index (``Ẑᵢ``, ``a₁ᵢᵀ``) is a use of the name a clause
    defines: all four were unreadable. A wrong alias is graded as written; a bracket that is
    not all definitions stays part of the formula."""
    assert _verdict("mlp-bce", "W2", "∂L/∂W₂ = (1/m) · A₁ᵀ × (Ŷ − Y)   (Ŷ = A₂)") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "∂L/∂W₂ = (1/m) · A₁ᵀ × (Ŷ − Y)   (Ŷ = Z₂)")[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "∂L/∂W₂ = (1/m) ∑ᵢ a₁ᵢᵀ (ŷᵢ − yᵢ)   where a₁ = A1, ŷ = A2, y = Y") == (
        "correct", None)
    assert _verdict("mlp-bce", "W2", "∂L/∂W₂ = (1/m) ∑ᵢ a₁ᵢᵀ (ŷᵢ − yᵢ)   where a₁ = A1, ŷ = Y, y = A2") == (
        "incorrect", "sign")
    assert _verdict("batchnorm", "gamma", "∂L/∂γ = ∑ᵢ 2(Yᵢ − Tᵢ) ⊙ Ẑᵢ/(m·n)   (Ẑ = Z_hat)") == ("correct", None)
    bullets = ("• δ_out = ŷ − y   (ŷ = y_pred, y = y_target)\n• δ_hid = (δ_out W₂ᵀ) ⊙ σ(h_raw) ⊙ (1 − σ(h_raw))\n"
               "• ∂L/∂W₁ = Xᵀ δ_hid")
    assert _verdict("tiny-mlp", "W1", bullets) == ("correct", None)
    assert _verdict("tiny-mlp", "W1", bullets.replace("⊙ σ(h_raw) ⊙", "⊙")) == ("incorrect", "wrong-activation-derivative")


def test_ufldl_output_layer_delta() -> None:
    """UFLDL's ``\\delta^{(n_l)}`` (and ``\\delta^{(L)}``), the output layer's δ as Nielsen's
    ``\\delta^L``: ``\\delta^{(n_l)} = -(t - O) \\cdot O(1 - O)`` is ∂L/∂z of the neuron (it was
    unreadable: a layer number was required); the lost minus is named."""
    assert _verdict("neuron", "z", r"\delta^{(n_l)} = -(t - O) \cdot O(1 - O)", latex=True) == ("correct", None)
    assert _verdict("neuron", "z", r"\delta^{(L)} = -(t - O) \cdot O(1 - O)", latex=True) == ("correct", None)
    assert _verdict("neuron", "z", r"\delta^{(n_l)} = (t - O) \cdot O(1 - O)", latex=True) == ("incorrect", "sign")


def test_a_bracketed_remark_in_words_is_left_out() -> None:
    """A remark in words set in brackets between statements, ``\\quad (\\text{canonical link:
    sigmoid output with cross-entropy})``: left out whole (its words were, its brackets stayed,
    and the formula was unreadable); the formula after it is graded, a wrong one named."""
    text = (r"\delta_k = y_k - t_k \quad (\text{canonical link: sigmoid output with cross-entropy}), "
            r"\quad \frac{\partial E}{\partial Z_2} = \frac{1}{m}(A_2 - Y)")
    assert _verdict("mlp-bce", "Z2", text, latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "Z2", text.replace(r"\frac{1}{m}(A_2 - Y)", r"(A_2 - Y)"), latex=True) == (
        "incorrect", "scale-factor")
