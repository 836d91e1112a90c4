"""The held-out-style corpus of issue 11, forty-sixth round, text side (tests/corpus46t.py):
Murphy's PML (∇_θ, μ − y), Dive into Deep Learning's prod(·), MIT 6.S191, the fast.ai book's
``.g``, Karpathy's CS231n staged computation, 李沐 / 李宏毅's slides, 黄海广's 吴恩达 notes, the
MindSpore tutorial, Overleaf templates (align*, \\intertext, \\operatorname, \\left.\\right|),
Obsidian / Typora Markdown and hand numbers under issue 11's number policy, on five course
networks no earlier corpus used, with Chinese answers. Verdicts of the matrix cases come from
PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus46t.py, bench/RESULTS.md "heldtex46"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus46t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus46t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c46t-025": "g'(z) by \\begin{cases} 0 & z > 0 \\\\ 1 & z \\le 0 \\end{cases} (relu' flipped): named unknown, not wrong-activation-derivative (as c45t-026, c45t-129)",
    "c46t-081": "李宏毅's local derivatives as statements (\\frac{\\partial z}{\\partial w} = x, \\frac{\\partial C}{\\partial z} = …): a left side that is no loss gradient refused",
    "c46t-082": "the same, σ' left out: refused, not graded",
    "c46t-096": "a Chinese remark mid-answer (dz = a - y 不适用于平方误差：…): not left out",
    "c46t-114": "\\sqrt{\\sum_{j} W_1^{2}} (Σ_j names no axis in matrix form): graded missing-transpose, where the reading is ambiguous and should be refused",
    "c46t-120": "a clause naming \\log Z by a formula, not a node: \\log Z = \\operatorname{logsumexp}(\\mathrm{logits})",
    "c46t-151": "\\mathrm{gelu}'(\\mathrm{hidden}) (a primed function in \\mathrm): not read; a wrong answer refused",
    "c46t-152": "\\ell and z named by clauses, with indices z_{ij}, \\ell_{ij} under \\sum_{i,j}: not read",
    "c46t-219": "\\operatorname{tr}(…) (a wrong answer, the trace): 'tr' unknown, refused, not graded",
    "c46t-220": "typed 2e-4·log_z·softmax(logits): log_z read as log applied to _z",
    "c46t-221": "the same with .sum(1): refused, not graded",
}


def test_corpus46t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus46t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus46t = corpus_common.corpus_tests(
    corpus46t, CASES, KNOWN
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


def test_typed_definitions_after_the_answer_are_the_students() -> None:
    """``dw = x * dz，dz = dO * O * (1 - O)，dO = t - O`` (the answer first, its names defined
    after it, line by line or apart by full-width commas): the definitions are the student's —
    read in the written order the answer's dz was the network's own ∂L/∂z and a wrong sign
    below it was accepted (a wrong ✓, c46t-228)."""
    for sep in ("，", "\n"):
        wrong = sep.join(["dw = x * dz", "dz = dO * O * (1 - O)", "dO = t - O"])
        assert _verdict("neuron", "w", wrong, latex=False) == ("incorrect", "sign")
        assert _verdict("neuron", "w", wrong.replace("t - O", "O - t"), latex=False) == ("correct", None)
    # a later statement that the answer does not use leaves the answer as written
    assert _verdict("mlp-bce", "W2", "dW2 = A1.T @ (A2 - Y) / m\ndb2 = np.sum(A2 - Y, axis=0) / m", latex=False) == (
        "correct", None)


def test_one_hot_rows_in_index_notation() -> None:
    r"""\mathbb{1}[y_i = k], Iverson's [y_i = k], Kronecker's \delta_{k y_i} and the basis vector
    \mathbf{e}_{y_i} of integer class labels are the one-hot rows (was: index notation refused);
    a wrong answer so written is still wrong, and a k the network names is left alone."""
    cp = str(COURSE / "hn44_cs231n_picks_ravel_numpy.toml")
    for onehot in (r"\mathbb{1}[y_i = k]", r"[y_i = k]", r"\delta_{k y_i}", r"\mathbf{1}\{y = k\}"):
        right = r"\frac{\partial L}{\partial W} = \frac{1}{N}X^{\top}\big(\mathrm{probs} - %s\big) + \mathrm{reg}\,W" % onehot
        assert _verdict(cp, "W", right) == ("correct", None), onehot
        assert _verdict(cp, "W", right.replace(r"\frac{1}{N}", ""))[0] == "incorrect", onehot
    basis = r"\frac{\partial L}{\partial b} = \frac{1}{N}\sum_{i=1}^{N}\big(\mathrm{probs}_i - \mathbf{e}_{y_i}\big)"
    assert _verdict(cp, "b", basis) == ("correct", None)
    from derive.checker.textbox import _one_hot_in_indices_heldtex46

    names = {"y": "N", "k": "K"}
    text = r"P - \mathbb{1}[y_i = k]"
    assert _one_hot_in_indices_heldtex46(text, lambda n, a: names.get(n)) == text  # k is the network's


def test_overleaf_intertext_evaluation_bar_and_text_label() -> None:
    r"""Overleaf's ``\intertext{…}`` between align* rows is a row break, the evaluation bar
    ``\left.\frac{∂L}{∂w}\right|_{w}`` the derivative itself, a leading ``\text{Backward pass}：``
    a label (all were unreadable)."""
    rows = (r"\begin{align*} \frac{\partial L}{\partial Z_2} &= \frac{1}{m}(A_2 - Y) \\ \intertext{and therefore} "
            r"\frac{\partial L}{\partial W_2} &= A_1^{\top}\frac{\partial L}{\partial Z_2} \end{align*}")
    assert _verdict("mlp-bce", "W2", rows) == ("correct", None)
    assert _verdict("mlp-bce", "W2", rows.replace(r"\frac{1}{m}", "")) == ("incorrect", "scale-factor")
    bar = r"\left.\frac{\partial E}{\partial W_2}\right|_{\text{batch}} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})"
    assert _verdict("tiny-mlp", "W2", bar) == ("correct", None)
    assert _verdict("tiny-mlp", "W2", bar.replace("- y_{\\mathrm{target}}", "+ y_{\\mathrm{target}}"))[0] == "incorrect"
    label = r"\text{梯度}：\frac{\partial \text{loss}}{\partial w_2} = 2\,h_{\mathrm{relu}}^{\top}(y_{\mathrm{pred}} - y)"
    assert _verdict("relu-mlp", "w2", label) == ("correct", None)


def test_sum_of_delta_rows_and_a_pdf_exponent() -> None:
    r"""``\sum_{i=1}^{N}\delta_{i}`` / typed ``Σᵢ δᵢ`` (the rows of the δ the answer defines) is the
    batch sum of δ (δᵢ was the unknown name 'di'); ``2e−3`` typed (a Unicode minus from a PDF,
    or ASCII) is 0.002, not 2·e − 3."""
    gl = str(COURSE / "hn45_group_lasso_rows_numpy.toml")
    d = r"\delta = \Big(\tfrac{1}{N}(y_{\mathrm{hat}} - y)\,w_2^{\top}\Big) \odot (1 - H^{2}), \quad "
    assert _verdict(gl, "b1", d + r"\frac{\partial \mathcal{L}}{\partial b_1} = \sum_{i=1}^{N}\delta_{i}") == ("correct", None)
    assert _verdict(gl, "b1", d + r"\frac{\partial \mathcal{L}}{\partial b_1} = \delta") == ("incorrect", "bias-not-summed")
    assert _verdict(gl, "b1", "δ = ((ŷ − y)/N · w₂ᵀ) ⊙ (1 − H²)；∂L/∂b₁ = Σᵢ δᵢ；ŷ = y_hat", latex=False) == ("correct", None)
    mb = str(COURSE / "hn44_mindspore_mint_bce_cn.toml")
    head = "∂L/∂W1 = xᵀ·[(sigmoid(logits) − y)/N · W2ᵀ ⊙ 𝟙(hidden > 0)] + "
    assert _verdict(mb, "W1", head + "2e−3·W1", latex=False) == ("correct", None)
    assert _verdict(mb, "W1", head + "2e-3·W1", latex=False) == ("correct", None)
    assert _verdict(mb, "W1", head + "2e−2·W1", latex=False)[0] == "incorrect"


def test_typed_sigma_without_index_for_a_scalar_sums_every_entry() -> None:
    """``∂L/∂b = −(1/n)·Σ labels ⊙ σ(−labels ⊙ logits)`` for SigLIP's scalar bias b: Σ with no
    index sums every entry, as the LaTeX reading does for a scalar (it summed the rows: a right
    answer told shape-mismatch); a wrong answer so written stays wrong."""
    sg = str(COURSE / "hn45_siglip_sigmoid_pairwise.toml")
    assert _verdict(sg, "b", "∂L/∂b = −(1/n)·Σ labels ⊙ σ(−labels ⊙ logits)", latex=False) == ("correct", None)
    assert _verdict(sg, "b", "∂L/∂b = −(1/n)·Σ labels ⊙ (1 − σ(logits))", latex=False)[0] == "incorrect"
