"""The held-out-style corpus of issue 11, forty-fifth round, text side (tests/corpus45t.py):
Grosse's CSC321 bar notation (error signals v̄), Prince's Understanding Deep Learning ch. 7 (Ω, β, f,
h, 𝕀[·]), 林轩田《机器学习技法》's δ^{(ℓ)}, Larochelle's e(y) and f(x), CMU 10-601's g_v, MathJax from
Math.SE / Cross Validated, Notion / Word typed Unicode, Jupyter Markdown cells, 动手学深度学习 (zh),
知乎/CSDN posts (zh) and hand numbers under issue 11's number policy, on five course networks no
earlier corpus used, with Chinese answers. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus45t.py, bench/RESULTS.md "heldtex45"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus45t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus45t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c45t-020": "\\overline{Z}_{i,:} (a row slice as a subscript) inside \\sum_{i=1}^{m}: the subscript 'i,:' not read",
    "c45t-026": "\\mathbb{I}[Z_1 < 0] (relu' flipped) named unknown, not wrong-activation-derivative",
    "c45t-040": "a full-width bracket remark with maths after the answer (（\\tanh'(s) = 1 - \\tanh^2(s)）): not left out",
    "c45t-047": "typed δ⁽²⁾ statements apart by ； with an Iverson [Z₁ > 0]: read as LaTeX, where ； is no separator",
    "c45t-048": "the same, no mask: refused, not graded missing-activation-derivative",
    "c45t-052": "Larochelle's left side \\nabla_{W} -\\log f(\\mathbf{x})_y: not read as the gradient's name",
    "c45t-055": "\\nabla_{\\mathbf{a}^{(1)}} as a named intermediate and 1_{a > 0}: not read",
    "c45t-058": "\\nabla_{\\mathbf{a}^{(2)}} with clauses f(x) = …, e(y) = …: not read",
    "c45t-059": "the same (smoothing forgotten): refused, not graded",
    "c45t-063": "g_{\\boldsymbol{\\beta}} with \\boldsymbol{\\beta} = W_2 by a clause: a bold Greek subscript of δ not read (on a3ff9732 it was graded unknown, a right answer rejected)",
    "c45t-129": "relu'(z) = 1(z < 0) by a clause: named unknown, not wrong-activation-derivative",
    "c45t-134": "typed · in a statement beside the in-place mask dh[h ≤ 0] = 0 (Chinese commas): not read",
    "c45t-163": "g = clip(…)/N；dh = g·W2ᵀ ⊙ …: a typed · after a one-letter defined name (and dh again): not read",
    "c45t-165": "the same for b1: not read",
    "c45t-166": "the same, unsummed: not read",
}


def test_corpus45t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus45t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus45t = corpus_common.corpus_tests(
    corpus45t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str, latex: bool = True) -> tuple[str, str | None]:
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError

    try:
        r = check(net, wrt, text, latex=latex)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code


def test_lin_per_example_error_e_n_is_the_loss() -> None:
    r"""林轩田's ∂e_n/∂W (e_n the n-th example's error) on a one-example network is the loss's
    gradient, as 周志华's E_k; a bare ∂e/∂W too where the answer defines no e — never where it
    does (Haykin's e = t − O is the error signal, not the loss)."""
    tail = r"\quad \frac{\partial %s}{\partial W_2} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})"
    assert _verdict("tiny-mlp", "W2", "a = 1, " + tail % "e_n") == ("correct", None)
    assert _verdict("tiny-mlp", "W2", "a = 1, " + tail % "e") == ("correct", None)
    wrong = r"\frac{\partial e_n}{\partial W_2} = h^{\top}(y_{\mathrm{target}} - y_{\mathrm{pred}})"
    assert _verdict("tiny-mlp", "W2", wrong) == ("incorrect", "sign")
    assert _verdict("neuron", "w", r"e = O - t, \quad \frac{\partial e}{\partial w} = e\, x") == ("unreadable", None)


def test_a_chinese_comma_before_quad_separates_statements_once() -> None:
    r"""「…，\quad δ = …」: the full-width comma between LaTeX statements with its spacing
    written after it — read as one separator (the doubled ``\quad`` stopped the reader)."""
    text = r"\delta = y_{\mathrm{pred}} - y_{\mathrm{target}}，\quad \frac{\partial L}{\partial W_2} = h^{\top}\delta"
    assert _verdict("tiny-mlp", "W2", text) == ("correct", None)
    assert _verdict("tiny-mlp", "W2", text.replace("- y_{\\mathrm{target}}", "+ y_{\\mathrm{target}}"))[0] == "incorrect"


def test_a_leibniz_symbol_named_by_a_clause_bold_or_indexed() -> None:
    r"""Prince's ∂ℓ/∂\boldsymbol{\Omega}_1 with \boldsymbol{\Omega}_1 = W_2, \mathbf{h}_1 = A_1 (a bold
    letter, a subscript, a right side in LaTeX's A_1 for the network's A1), d2l's \mathbf{W}^{(2)}
    = W_2: the symbol is that tensor. A wrong answer so written is still wrong; a symbol the
    clause does not name stays refused."""
    right = (r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = \mathbf{h}_1^{\top}\,\tfrac{1}{m}(A_2 - Y), "
             r"\quad \mathbf{h}_1 = A_1, \quad \boldsymbol{\Omega}_1 = W_2")
    assert _verdict("mlp-bce", "W2", right) == ("correct", None)
    assert _verdict("mlp-bce", "W2", right.replace(r"\tfrac{1}{m}", "")) == ("incorrect", "scale-factor")
    relu = r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = 2\,\mathbf{h}_1^{\top}(y_{\mathrm{pred}} - y), \quad \mathbf{h}_1 = h_{\mathrm{relu}}, \quad \boldsymbol{\Omega}_1 = w_2"
    assert _verdict("relu-mlp", "w2", relu) == ("correct", None)
    d2l = r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}}), \quad \mathbf{W}^{(2)} = W_2"
    assert _verdict("tiny-mlp", "W2", d2l) == ("correct", None)
    assert _verdict("mlp-bce", "W2", r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = \tfrac{1}{m}A_1^{\top}(A_2 - Y)") == ("unreadable", None)


def test_a_bar_symbol_named_by_a_clause() -> None:
    r"""Grosse's error signals ȳ = ∂L/∂y with a closing clause y = O: y is the network's O (the
    clause was graded as the answer, O itself — a right answer told shape-mismatch)."""
    text = r"\overline{y} = O - t, \quad \overline{z} = \overline{y}\, O(1 - O), \quad \overline{w} = \overline{z}\, x, \quad y = O"
    assert _verdict("neuron", "w", text) == ("correct", None)
    assert _verdict("neuron", "w", text.replace(r"\, O(1 - O)", "")) == ("incorrect", "missing-activation-derivative")


def test_module_notation_g_sub_v_is_the_gradient_of_v() -> None:
    r"""CMU 10-601's g_{Z_2} = ∂J/∂Z_2, read as derive prints δ_{Z_2}: only where every g carries
    a subscript naming a tensor (or a letter a clause names) — 西瓜书's g_j stays as written."""
    text = (r"g_{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad g_{A_1} = g_{Z_2} W_2^{\top}, \quad "
            r"g_{Z_1} = g_{A_1} \odot \mathbb{1}(Z_1 > 0), \quad g_{W_1} = X^{\top} g_{Z_1}")
    assert _verdict("mlp-bce", "W1", text) == ("correct", None)
    assert _verdict("mlp-bce", "W1", text.replace(r" \odot \mathbb{1}(Z_1 > 0)", "")) == ("incorrect", "missing-activation-derivative")
    assert _verdict("relu-mlp", "w1", r"g_{y} = 2(y_{\mathrm{pred}} - y), \quad g_{w_1} = x^{\top}\big((g_{y} w_2^{\top}) \odot \mathbb{1}(h > 0)\big)") == ("correct", None)
    from derive.checker.textbox import _module_g_heldtex45

    names = {"O", "t", "x", "w"}
    xigua = r"g_j = O(1 - O)(t - O), \quad \Delta w = \eta g_j x"
    assert _module_g_heldtex45(xigua, lambda n, a: "n" if n in names else None) == xigua


def test_a_command_and_its_braced_word_are_no_prose() -> None:
    r"""Typed statements ``P = softmax(logits); Y = onehot(target); ∂L/∂W2 = …`` (onehot is put in
    as \operatorname{onehot}): the command's word is no prose before the answer, so the
    definitions stay (P was unknown)."""
    tm = str(COURSE / "hn44_timm_label_smoothing_gather.toml")
    general = "P = softmax(logits); Y = onehot(target); ∂L/∂W2 = hiddenᵀ((confidence + smoothing)·P − (confidence·Y + smoothing/C))/N"
    assert _verdict(tm, "W2", general, latex=False) == ("correct", None)
    assert _verdict(tm, "W2", general.replace("/N", ""), latex=False)[0] == "incorrect"


def test_a_defined_name_in_typed_leibniz_statements_is_one_name() -> None:
    r"""``dh = (sigmoid(logits) − y)/N · W2ᵀ ⊙ 𝟙(hidden > 0)`` then ``∂L/∂W1 = xᵀ·dh + 0.002·W1`` on a
    network whose sizes include d and h: the typed Leibniz statement is read by the maths reader,
    which split the earlier statement's name dh into the sizes d·h (a right answer rejected).
    A name an earlier statement defined is one name there, as it is in code."""
    mb = str(COURSE / "hn44_mindspore_mint_bce_cn.toml")
    head = "dh = (sigmoid(logits) − y)/N · W2ᵀ ⊙ 𝟙(hidden > 0)\n"
    assert _verdict(mb, "W1", head + "∂L/∂W1 = xᵀ·dh + 0.002·W1", latex=False) == ("correct", None)
    assert _verdict(mb, "W1", head.replace(" ⊙ 𝟙(hidden > 0)", "") + "∂L/∂W1 = xᵀ·dh + 0.002·W1", latex=False) == (
        "incorrect", "missing-activation-derivative")
    assert _verdict(mb, "b1", head + "∂L/∂b1 = Σᵢ dhᵢ", latex=False) == ("correct", None)
