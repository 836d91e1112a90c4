"""The held-out-style corpus of issue 11, forty-first round, text side (tests/corpus41t.py):
Goodfellow–Bengio–Courville's Algorithm 6.4 (g ← …), Bishop's δ_j = h′(a_j)Σ_k w_kj δ_k, Murphy's
∇ NLL, CS229's δ^{[ℓ]} with ∘, the Matrix Cookbook's traces and differentials, index notation,
西瓜书 g_j/e_h, 李航, 邱锡鹏, 斋藤康毅, StackExchange and README Markdown math, answer keys of
three new variants and hand numbers, on eight course networks no earlier corpus used, with
Chinese answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus41t.py,
bench/RESULTS.md "heldtex41"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus41t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus41t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus41t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, eight course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus41t, CASES, KNOWN, least=200, course=8, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus41t = corpus_common.corpus_tests(
    corpus41t, CASES, KNOWN
)
