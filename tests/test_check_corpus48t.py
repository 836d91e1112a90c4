"""The held-out-style corpus of issue 11, forty-eighth round, text side (tests/corpus48t.py):
Goodfellow, Bengio & Courville's Deep Learning ch. 6, Aggarwal's Neural Networks and Deep Learning,
Murphy's PML book 2, Dive into Deep Learning's mathematics appendix, Karpathy's micrograd / makemore
notes, Unicode maths pasted from Word, Obsidian / Typora exports (``align*``, callouts,
``\\left(\\right)``, ``\\operatorname{diag}``), 吴恩达 notes as reposted on CSDN / 知乎 (``\\cdot`` / ``*``
mixes), 李沐's 动手学深度学习 §4.7, 邱锡鹏's slides, and hand numbers under issue 11's number policy
(fractions), on five course networks no earlier corpus used, with Chinese answers. Verdicts of the
matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must
give each case its verdict and, where one is named, its diagnosis code. Rates (and the first,
before-fix measurement): bench/bench_check_corpus48t.py, bench/RESULTS.md "heldtex48"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus48t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus48t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c48t-047": "makemore's typed remark '(makemore: probs = P)' after the statement defines probs: the parenthesis with a colon is not read (a remark that is also a definition)",
    "c48t-149": "Leibniz fractions of the loss's scalar terms as definitions (∂ recon/∂W_d = …, ∂ pred/∂W_d = …): 'the left side must name the gradient'",
    "c48t-152": "a closing clause restating a node in index notation (p_t = Σ_c p_c Y_c): p_c is read as an unknown name",
    "c48t-161": "per-example index notation Σ_i (1 + q_i + q_i^2) p_i ⊙ (p_{t,i} − Y_i): the two-index subscript p_{t,i} is not taken for the per-example p_t (with p_t it is read: a right answer rejected)",
    "c48t-232": "DDPM's \\hat{\\boldsymbol{\\epsilon}}_\\theta (ε̂ with the parameters' θ as subscript) named by a clause: \\epsilon not read there",
}


def test_corpus48t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus48t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus48t = corpus_common.corpus_tests(
    corpus48t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"
def _check(net: str, wrt: str, text: str, latex: bool = True) -> tuple[str, str | None]:
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError

    try:
        r = check(net, wrt, text, latex=latex)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code


def test_per_example_vectors_are_columns_in_written_maths() -> None:
    r"""A 1-D node with one value per example (Taylor CE's p_t and q, held as a row) in an
    element-wise operation with an N × C matrix is the column of the examples in LaTeX and typed
    maths (with N = C the row broadcast gave wrong numbers, with N ≠ C a shape error)."""
    tc = str(COURSE / "hn47_taylor_ce_mindspore_cn.toml")
    w = r"\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big]"
    assert _check(tc, "W", w) == ("correct", None)
    assert _check(tc, "W", w.replace("(p_t - Y)", "(Y - p_t)")) == ("incorrect", "sign")
    assert _check(tc, "W", w.replace(r"\frac{1}{N}", "")) == ("incorrect", "scale-factor")
    spread = r"\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\operatorname{diag}(1 + q + q^2)\Big[p \odot (p_t\mathbf{1}^\top - Y)\Big]"
    assert _check(tc, "W", spread) == ("correct", None)
    assert _check(tc, "W", "∂L/∂W = xᵀ[(1 + q + q²) ⊙ p ⊙ (p_t − Y)] / N，q = 1 − p_t", False) == ("correct", None)
    b = r"\frac{\partial L}{\partial b} = \frac{1}{N}\mathbf{1}^\top\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big]"
    assert _check(tc, "b", b) == ("correct", None)
    assert _check(tc, "b", b.replace(r"\mathbf{1}^\top", "")) == ("incorrect", "bias-not-summed")
    # PaLM's z-loss: the 1-D log_z (B,) named by a \log Z clause or typed, ⊙ and · the B × C softmax
    palm = str(COURSE / "hn45_palm_z_loss_optax_jax.toml")
    zw = (r"\frac{\partial \mathcal{L}}{\partial W} = \frac{1}{B}x^{\top}\Big(P - Y + 2\cdot 10^{-4}\,\log Z \odot P\Big), "
          r"\quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{labels}), \quad \log Z = \mathrm{log\_z}")
    assert _check(palm, "W", zw) == ("correct", None)
    assert _check(palm, "W", zw.replace(r"\frac{1}{B}", "")) == ("incorrect", "scale-factor")
    zb = "db = Σᵢ [(P − Y)/B + 2·10⁻⁴·log_z·P/B]ᵢ，P = softmax(logits)，Y = onehot(labels)"
    assert _check(palm, "b", zb, False) == ("correct", None)
    assert _check(palm, "b", zb.replace("(P − Y)", "(Y − P)"), False)[0] == "incorrect"


def test_softmax_denominator_bare_sum_is_the_row_sum() -> None:
    r"""``\frac{e^{Z}}{\sum e^{Z}}``: a bare Σ of the numerator's matrix normalises each row (the softmax);
    a Σ over the batch index written out stays the wrong axis."""
    right = r"\frac{\partial L}{\partial W} = \frac{1}{m}X^\top\left(\frac{e^{Z}}{\sum e^{Z}} - Y\right)"
    assert _check("softmax-regression", "W", right) == ("correct", None)
    assert _check("softmax-regression", "W", right.replace(r"\sum e", r"\sum_{i=1}^{m} e")) == ("incorrect", "wrong-sum-axis")
    assert _check("softmax-regression", "W", right.replace("- Y", "+ Y")) == ("incorrect", "sign")
    assert _check("softmax-regression", "W", "∂L/∂W = Xᵀ(exp(Z)/Σexp(Z) − Y)/m", False) == ("correct", None)


def test_aggarwal_overline_and_phi_activation() -> None:
    r"""Aggarwal's ``\overline{W}_2`` is the network's W2 (no marked name of the network); his Φ, its
    derivative stated as ``Φ'(v) = Φ(v)(1 − Φ(v))``, is the layer's activation, not the normal CDF."""
    w2 = r"\frac{\partial L}{\partial \overline{W}_2} = \overline{h}^{T}(\hat{y} - y), \quad \hat{y} = y_{\mathrm{pred}}, \quad y = y_{\mathrm{target}}"
    assert _check("tiny-mlp", "W2", w2) == ("correct", None)
    assert _check("tiny-mlp", "W2", w2.replace(r"(\hat{y} - y)", r"(y - \hat{y})")) == ("incorrect", "sign")
    bce = r"\frac{\partial L}{\partial \overline{W}_2} = \frac{1}{m}\,\overline{A}_1^{T}(\overline{A}_2 - \overline{Y})"
    assert _check("mlp-bce", "W2", bce) == ("correct", None)
    w1 = (r"\frac{\partial L}{\partial W_1} = X^{T}\Big[\Phi'(h_{\mathrm{raw}}) \odot \big((y_{\mathrm{pred}} - y_{\mathrm{target}})"
          r"W_2^{T}\big)\Big], \quad \Phi'(v) = \Phi(v)\big(1 - \Phi(v)\big)")
    assert _check("tiny-mlp", "W1", w1) == ("correct", None)
    assert _check("tiny-mlp", "W1", w1.replace(r"\Phi(v)\big(1 - \Phi(v)\big)", r"1 - \Phi(v)^2")) == (
        "incorrect", "wrong-activation-derivative")


def test_clauses_naming_functions_and_tensors() -> None:
    r"""邱锡鹏's ``f_1 = \operatorname{ReLU}`` makes ``f_1'`` that function's slope (a wrong function stays
    wrong); an identity clause ``\mathbf{W}^{(2)} = W_2`` no longer keeps δ^{(2)}, defined after the line
    that uses it, from being the student's; an Obsidian callout and CSDN's ``1\{z > 0\}`` are read."""
    qiu = (r"$\delta^{(1)} = f_1'(\mathbf{z}^{(1)}) \odot \left(\delta^{(2)}\mathbf{W}^{(2)\top}\right)$，$f_1 = \operatorname{ReLU}$，"
           r"$\mathbf{z}^{(1)} = Z_1$，$\delta^{(2)} = A_2 - Y$，$\mathbf{W}^{(2)} = W_2$，"
           r"$\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{(1)}} = \frac{1}{m}\mathbf{x}^{\top}\delta^{(1)}$，$\mathbf{x} = X$")
    assert _check("mlp-bce", "W1", qiu) == ("correct", None)
    assert _check("mlp-bce", "W1", qiu.replace(r"\frac{1}{m}", "")) == ("incorrect", "scale-factor")
    assert _check("mlp-bce", "W1", qiu.replace("ReLU", "sigmoid")) == ("incorrect", "wrong-activation-derivative")
    callout = "> [!note] 答案\n> $$\\frac{\\partial L}{\\partial b_2} = \\frac{1}{m}\\mathbf{1}^\\top\\left(A_2 - Y\\right)$$"
    assert _check("mlp-bce", "b2", callout) == ("correct", None)
    assert _check("mlp-bce", "b2", callout.replace("\\mathbf{1}^\\top", "")) == ("incorrect", "bias-not-summed")
    ng = r"\frac{\partial L}{\partial W_1} = \frac{1}{m}X^{T}\big((A_2 - Y)W_2^{T} \odot 1\{Z_1 > 0\}\big)"
    assert _check("mlp-bce", "W1", ng) == ("correct", None)
    assert _check("mlp-bce", "W1", ng.replace("> 0", "< 0"))[0] == "incorrect"


def test_typed_micrograd_and_makemore_statements() -> None:
    """Typed statements with ``.grad`` or ``@``: ``Xᵀ`` is ``X.T``, ``O²`` is ``O**2``, ``·`` is ``*``."""
    assert _check("neuron", "w", "O.grad = O − t\nz.grad = O·(1 − O)·O.grad\nw.grad = x·z.grad", False) == ("correct", None)
    assert _check("neuron", "w", "O.grad = O − t\nz.grad = (1 − O²)·O.grad\nw.grad = x·z.grad", False) == (
        "incorrect", "wrong-activation-derivative")
    mm = "dh = (y_pred − y_target) @ W2ᵀ\ndh_raw = h·(1 − h)·dh\ndW1 = Xᵀ @ dh_raw"
    assert _check("tiny-mlp", "W1", mm, False) == ("correct", None)
    assert _check("tiny-mlp", "W1", mm.replace("h·(1 − h)", "(1 − h²)"), False) == ("incorrect", "wrong-activation-derivative")
