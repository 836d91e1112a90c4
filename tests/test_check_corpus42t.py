"""The held-out-style corpus of issue 11, forty-second round, text side (tests/corpus42t.py):
Nielsen's BP1–BP4 (δ^L = ∇_a C ⊙ σ′(z^L), the column-vector w^l_{jk} on derive's row-major W),
Ng's dZ^{[l]}/dW^{[l]} in column- and row-major form, CS224n's δ = ŷ − y and ∂J/∂θ, Deisenroth's
d f/d x with sizes and Jacobians with diag, d2l 4.7's prod(·,·), MIT 6.S191's chains, 花书中文版
and 吴恩达中文笔记, handwritten Unicode (δ₂, σ′, Xᵀ·δ₁), Markdown with $$…$$ and aligned, \\cdot and
\\times for the matrix product, \\mathbf{1}^\\top, per-example sums, answer keys of three new
variants and hand numbers, on seven course networks no earlier corpus used, with Chinese
answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus42t.py,
bench/RESULTS.md "heldtex42"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus42t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus42t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c42t-010": "Nielsen's BP3 in indices (∂C/∂b^1_j = δ^1_j) before the matrix answer: graded as the answer (bias-not-summed)",
    "c42t-018": "δ² typed with a superscript digit as Nielsen's layer mark: read as a square, refused",
    "c42t-029": "Ng's per-example dz^{[2](i)} stacked as [dz^{(1)}, …, dz^{(m)}]^T: the per-example policy refuses it",
    "c42t-035": "a Chinese sentence inside \\text{…} (对整个批量取平均：) before a formula: not read",
    "c42t-058": "d2l's \\text{prod}(·, ·) operator before the answer: not read",
    "c42t-059": "d2l's ∂J/∂\\mathbf{z} for tiny-mlp's h_raw (z is no node of the network): not read",
    "c42t-060": "d2l's ∂J/∂W = ∂L/∂W + λW (J the regularised loss, L the data loss): both read as dW2, circular",
    "c42t-064": "\\operatorname{sgn}_{+} (a subscript on a defined function's name): not read",
    "c42t-195": "Huber's δ = 1.5 as a clause (δ the threshold constant): \\delta must carry a subscript",
    # (c42t-202, ReLU's slope for ELU's written inline: named since heldcheck43's inline slips)
    "c42t-219": "x[i\\_idx] (row indexing) in LaTeX: read as the product x · i_idx",
    "c42t-230": "σ(x·w + b) typed with a 1-D w: the product read with the wrong shape (3, 6)",
    "c42t-233": "(P ⊙ log P)\\mathbf{1}\\mathbf{1}^{\\top} (a row sum spread back over the row): not read",
    "c42t-234": "(P ⊙ log P)\\mathbf{1}\\mathbf{1}^{\\top} (a row sum spread back over the row): not read",
    "c42t-249": "Hadsell's cases on the label (y = 1 / y = 0): right only for binary labels, which the checker does not assume",
    "c42t-256": "\\operatorname{diag}(p \\log p^{\\top}) (the diagonal of a matrix, a vector): refused",
}


def test_corpus42t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, seven course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus42t, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus42t = corpus_common.corpus_tests(
    corpus42t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str) -> tuple[str, str | None]:
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError

    try:
        r = check(net, wrt, text)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code


def test_a_function_clause_may_name_a_marked_capital_or_bold_variable() -> None:
    """A derivative defined by a clause whose variable carries a layer mark, is a capital or
    is bold (Nielsen's ``\\sigma'(z^L) = O(1 - O)``, Ng's ``g^{[1]\\prime}(Z) = \\mathbb{1}\\{Z >
    0\\}``, ``\\sigma'(h_{\\mathrm{raw}}) = h \\odot (1 - h)``) is applied where the answer uses it
    (all three were unreadable: the variable had to be one small letter); a body without the
    variable replaces only the call at that argument; a wrong body is still named."""
    nielsen = (r"\delta^L = (O - t) \odot \sigma'(z^L), \quad \sigma'(z^L) = O(1 - O), \quad "
               r"\frac{\partial C}{\partial w} = \delta^L x")
    assert _verdict("neuron", "w", nielsen) == ("correct", None)
    assert _verdict("neuron", "w", nielsen.replace("O(1 - O)", "O"))[0] == "incorrect"
    ng = (r"dZ^{[1]} = dZ^{[2]} W^{[2]T} * g^{[1]\prime}(Z^{[1]}), \quad dZ^{[2]} = A^{[2]} - Y, \quad "
          r"g^{[1]\prime}(Z) = \mathbb{1}\{Z > 0\}, \quad dW^{[1]} = \frac{1}{m} X^{T} dZ^{[1]}")
    assert _verdict("mlp-bce", "W1", ng) == ("correct", None)
    assert _verdict("mlp-bce", "W1", ng.replace(r"\mathbb{1}\{Z > 0\}", r"1 - \tanh^2(Z)")) == (
        "incorrect", "wrong-activation-derivative")
    raw = (r"\delta^{1} = \big(\delta^{2} W_2^{\top}\big) \odot \sigma'(h_{\mathrm{raw}}), \quad \delta^{2} = "
           r"y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \sigma'(h_{\mathrm{raw}}) = h \odot (1 - h), \quad "
           r"\frac{\partial C}{\partial W_1} = X^{\top}\delta^{1}")
    assert _verdict("tiny-mlp", "W1", raw) == ("correct", None)
    bold = (r"\frac{\partial J}{\partial W_1} = X^{\top}\big((y_{\mathrm{pred}} - y_{\mathrm{target}})W_2^{\top} "
            r"\odot \phi'(\mathbf{z})\big), \quad \phi'(\mathbf{z}) = h \odot (1 - h)")
    assert _verdict("tiny-mlp", "W1", bold) == ("correct", None)


def test_nielsens_a_L_named_by_a_later_clause_is_the_answers_own_name() -> None:
    """``a^L`` where the network has no ``a``, named by a clause after its use (Nielsen's
    ``\\delta^L = (a^L - y), \\quad a^L = O``): the answer's own name aL (it was unreadable: the
    ``^L`` was read as a power); the missing slope is still named."""
    text = r"\delta^L = (a^L - y) \odot O(1 - O), \quad a^L = O, \quad y = t, \quad \frac{\partial C}{\partial z} = \delta^L"
    assert _verdict("neuron", "z", text) == ("correct", None)
    assert _verdict("neuron", "z", text.replace(r" \odot O(1 - O)", "")) == (
        "incorrect", "missing-activation-derivative")


def test_a_typed_derivative_definition_is_applied() -> None:
    """Typed maths that defines a derivative by a closing clause (``…, σ′(z) = σ(z)(1 − σ(z))``)
    or by a line of its own (``σ′(z) = O(1 − O)``) and applies it: each application written
    out (both were unreadable); a wrong body is named; Python code is never touched."""
    clause = "δ₁ = (y_pred − y_target)·W₂ᵀ ⊙ σ′(h_raw), σ′(z) = σ(z)(1 − σ(z))"
    assert _verdict("tiny-mlp", "h_raw", clause) == ("correct", None)
    assert _verdict("tiny-mlp", "h_raw", clause.replace("σ(z)(1 − σ(z))", "σ(z)")) == (
        "incorrect", "wrong-activation-derivative")
    line = "σ′(z) = O(1 − O)\nδ = (O − t) ⊙ σ′(z)\n∂C/∂w = δ·x"
    assert _verdict("neuron", "w", line) == ("correct", None)
    assert _verdict("neuron", "w", "BP1: δ = (O − t) ⊙ σ′(z), σ′(z) = O(1 − O)\nBP4: ∂C/∂w = δ·x") == ("correct", None)
    from derive.checker import textbox

    code = "f = 1\ndW = f'(x)'"  # an f-string: Python, left as written
    assert textbox._typed_function_heldtex42(code) == code


def test_chinese_semicolons_and_bracketed_remarks_close_statements() -> None:
    """Statements set apart by full-width semicolons (花书 Algorithm 6.4's ``g ← …；g ← …；∇_{W₁}
    J = Xᵀ g``), a where-clause in full-width brackets closing the line (``（其中 ŷ = y_pred，y =
    y_target）``) and a remark with maths in it after a space (``（sigmoid 的导数为 O(1 − O)）``):
    all three were unreadable; a wrong slope after them is still named."""
    huashu = "花书算法 6.4：g ← ŷ − y；g ← g W₂ᵀ ⊙ h ⊙ (1 − h)；∇_{W₁} J = Xᵀ g（其中 ŷ = y_pred，y = y_target）"
    assert _verdict("tiny-mlp", "W1", huashu) == ("correct", None)
    assert _verdict("tiny-mlp", "W1", huashu.replace(" ⊙ (1 − h)", "")) == ("incorrect", "wrong-activation-derivative")
    bare = "g ← y_pred − y_target；g ← g W₂ᵀ ⊙ h ⊙ (1 − h)；∇_{W₁} J = Xᵀ g"
    assert _verdict("tiny-mlp", "W1", bare) == ("correct", None)
    remark = "∂L/∂w = (O − t)·O·(1 − O)·x （sigmoid 的导数为 O(1 − O)）"
    assert _verdict("neuron", "w", remark) == ("correct", None)
    assert _verdict("neuron", "w", remark.replace("·O·(1 − O)", "·(1 − O)"))[0] == "incorrect"


def test_a_clause_naming_the_letter_below_the_partial_is_that_tensor() -> None:
    """``∂J/∂θ … , θ = Z`` (CS224n), ``∂L/∂λ … , λ = \\mathrm{rate}`` (a Poisson rate) and
    LoRA's ``∂L/∂B … , B = \\mathrm{lora\\_B}`` (round 41's leftover): the letter is the tensor
    the clause names (all were unreadable); a wrong answer so written is still wrong; a letter
    the network has is never renamed."""
    theta = (r"\delta = \hat{y} - y, \quad \hat{y} = P, \quad y = Y, \quad \frac{\partial J}{\partial \theta} = "
             r"\frac{1}{m}\delta, \quad \theta = Z")
    assert _verdict("softmax-regression", "Z", theta) == ("correct", None)
    assert _verdict("softmax-regression", "Z", theta.replace(r"\frac{1}{m}\delta", r"\delta")) == (
        "incorrect", "scale-factor")
    po = str(COURSE / "hn41_poisson_nll_full_stirling.toml")
    lam = (r"\frac{\partial L}{\partial \lambda} = \frac{1}{N}\Big(1 - \frac{y}{\lambda}\Big), \quad "
           r"\lambda = \mathrm{rate}, \quad y = \mathrm{counts}")
    assert _verdict(po, "rate", lam) == ("correct", None)
    assert _verdict(po, "rate", lam.replace("1 - ", "1 + "))[0] == "incorrect"
    # P is softmax-regression's own P: "P = Z" renames nothing (the answer is then wrong)
    own = r"\frac{\partial L}{\partial P} = \frac{1}{m}(P - Y), \quad P = Z"
    assert _verdict("softmax-regression", "Z", own)[0] != "correct"
