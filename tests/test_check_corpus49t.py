"""The held-out-style corpus of issue 11, forty-ninth round, text side (tests/corpus49t.py):
Bishop & Bishop's Deep Learning: Foundations and Concepts (2024), Prince's Understanding Deep
Learning ch. 7, Nielsen's BP1–BP4, CS231n's backprop notes, Stanford CS229, 李宏毅 ML 2021, 周志华
《机器学习》, 动手学深度学习 PyTorch 版 §4.7, MathJax from Jupyter Markdown, Notion equations, Overleaf
macros (``\\bm``, ``\\vec``, ``\\mathrm{d}``), tensor index notation with repeated indices, and hand
numbers with digit groups, ``e``/``× 10^{…}`` exponents and full-width digits, on six course
networks no earlier corpus used, with Chinese answers. Verdicts of the matrix cases come from
PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus49t.py, bench/RESULTS.md "heldtex49"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus49t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus49t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c49t-002": "Bishop's δ_k z_j with single-letter clauses that carry the index (t = y_target read as t, then t_k): an index on a clause's letter is not put through the clause",
    "c49t-003": "the same, x_j for z_j: refused, not graded",
    "c49t-004": "Bishop's hidden δ_j = h'(a_j) Σ_k w^{(2)}_{kj} δ_k (a function of an indexed clause letter a_j, a weight named w^{(2)} in the book's column convention): unreadable",
    "c49t-057": "西瓜书's w_{hj} (hidden → output) is tiny-mlp's own label stem the other way round (the network labels W1's entries w11…, W2's v1…): read as dW1, refused 'the left side is dW1 but --wrt is W2' — the book's and the network's names conflict",
    "c49t-058": "the same conflict, the sigmoid's ŷ(1 − ŷ) on the linear output: refused, not graded",
    "c49t-059": "西瓜书's v_{ih} (input → hidden) is tiny-mlp's W2 label stem (v1, v2): read as dW2 although a clause says w = W_2 — the book's and the network's names conflict",
    "c49t-060": "the same conflict, e_h's sign flipped: refused, not graded sign",
    "c49t-061": "the same conflict, b_h(1 − b_h) dropped: refused, not graded",
}


def test_corpus49t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, six course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus49t, CASES, KNOWN, least=200, course=6, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus49t = corpus_common.corpus_tests(
    corpus49t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _ok(*styles: str) -> None:
    """Each case written in ``styles`` gets its stated verdict and code from the checker."""
    for style in styles:
        c = next(c for c in CASES if c["style"] == style)
        assert corpus49t.judge(c, corpus49t.run(c)) == "ok", style


def test_index_notation_with_bracketed_factors() -> None:
    r"""Tensor-calculus index notation: ``\partial (W_2)_{ij}``, ``(A_1)_{ki}``, ``(A_2 - Y)_{kj}`` (a bracketed
    name or difference carries the indices), letters a, b, two repeated letters (Einstein), a closing
    ``\text{(summed over } i\text{)}``; right and wrong alike."""
    _ok("einstein-repeated-k-mlp-W2", "einstein-repeated-k-mlp-W2-indices-swapped", "einstein-repeated-n-relu-w2",
        "einstein-repeated-n-relu-w2-pre-activation", "einstein-three-indices-attention-Wv",
        "einstein-attention-Wv-A-indices-swapped", "einstein-summed-i-batchnorm-beta")


def test_sums_of_entry_by_entry_products() -> None:
    r"""A Σ over every index its summand carries (a convolution's scalar bias ``\sum_{i,j}(A - Y)_{ij}
    \mathbb{1}[Z_{ij} > 0]``, ``\sum_i [(1 - Y_i) A_{2,i} - w Y_i (1 - A_{2,i})]``, row slices ``_{i,:}``) is the
    sum of the entry-by-entry product; typed ``Σ`` for a scalar's gradient sums every entry; a sum
    over numbered steps (BPTT's ``\sum_{t=1}^{2}``) stays."""
    _ok("tf-nhwc-b-index-sum", "tf-nhwc-b-two-dropped", "per-channel-b-index-indicator", "per-channel-b-half-forgotten",
        "notion-text-remark-weighted-b2", "notion-weighted-b2-weight-dropped", "jupyter-sum-row-slices-batchnorm-gamma",
        "jupyter-batchnorm-gamma-Z-for-Z-hat", "fixmatch-b-row-sums-index", "per-channel-zh-typed-b",
        "overleaf-bm-sum-t-rnn-Wx", "overleaf-bm-rnn-Wx-tanh-primes-dropped")


def test_clauses_name_leibniz_variables_functions_and_locals() -> None:
    r"""d2l's ``\partial\mathbf{o}`` with ``\mathbf{o} = y_{\mathrm{pred}}``, ``\phi'(\mathbf{z}) = \mathbb{1}[\mathbf{z} > 0]``,
    李宏毅's ``\frac{\partial z}{\partial w} = x`` in its own span, CS229's ``h_\theta(x) = …``, a prose lead
    before a display, UDL's ``\operatorname{sig}[·]``, Overleaf's ``\vec{1}``."""
    _ok("hylee-sigma-prime-bracket-tiny-W1", "hylee-sigma-prime-bracket-tiny-W1-sign", "d2l-pt-h-top-o-relu-w2",
        "d2l-pt-phi-prime-indicator-relu-w1", "hylee-forward-backward-pass-neuron-w",
        "hylee-backward-pass-neuron-w-sigma-prime-dropped", "cs229-per-example-sum-softmax-W",
        "cs229-per-example-sum-softmax-W-sign", "jupyter-sentence-before-display-softmax-W",
        "udl-beta1-sig-bracket-mlp-b2", "udl-beta1-sig-bracket-mlp-b2-sign", "overleaf-vec-one-softmax-b",
        "overleaf-vec-one-softmax-b-no-mean")


def test_per_example_vectors_of_every_example_axis() -> None:
    """FixMatch's 1-D mask over the U unlabelled examples ⊙ a U × C matrix scales its rows (the
    examples' column), as the batch's own per-example vectors do."""
    _ok("fixmatch-W-mask-odot", "fixmatch-W-sign", "fixmatch-zh-W-remark", "fixmatch-zh-typed-W", "fixmatch-b-ones",
        "fixmatch-zh-typed-b", "fixmatch-zh-typed-b-unlabelled-over-N")


def test_typed_clauses_and_hand_numbers() -> None:
    """Typed maths with a Greek or superscripted letter named by a clause (ε = label_smoothing, Ω₀ = w,
    aᴸ = O); hand numbers with digit groups after −, an entry's index before 的梯度约为, full-width signs."""
    _ok("cpo-zh-typed-W", "cpo-zh-typed-W-g-sign", "udl-typed-omega0-clause-zh-neuron-w", "nielsen-typed-superscript-L-zh-neuron-w",
        "v49-tiny-W2-10-digit-groups", "v49-tiny-W2-10-digit-groups-wrong", "zh-v49-weighted-b1-00-full-stop",
        "zh-v49-rnn-Wh-11-sentence-full-width", "cs231n-dscores-sum-rows-softmax-b")
