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

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus43t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus43t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus43t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus43t, CASES, KNOWN, least=200, course=5, zh=20)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus43t = corpus_common.corpus_tests(
    corpus43t, CASES, KNOWN
)
