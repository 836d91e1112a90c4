"""The held-out-style corpus of issue 11, fiftieth round, text side (tests/corpus50t.py):
Goodfellow et al.'s Algorithm 6.4, Murphy's PML, Aggarwal, 邱锡鹏《神经网络与深度学习》, 吴恩达
deeplearning.ai 中文笔记, Karpathy's micrograd in words, StackExchange answers (∇_W, diag), Typora /
Obsidian blocks (``aligned``), Unicode maths typed directly and hand numbers with an uncertainty,
percentages and typed fractions, on five course networks no corpus used, with Chinese answers.
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus50t.py, bench/RESULTS.md
"heldtex50"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus50t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus50t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus50t_is_new_and_mixed() -> None:
    """≥ 180 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus50t, CASES, KNOWN, least=180, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus50t = corpus_common.corpus_tests(
    corpus50t, CASES, KNOWN
)
