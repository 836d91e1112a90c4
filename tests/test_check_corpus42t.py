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
