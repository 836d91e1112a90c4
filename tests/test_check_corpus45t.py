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
}


def test_corpus45t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus45t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus45t = corpus_common.corpus_tests(
    corpus45t, CASES, KNOWN
)
