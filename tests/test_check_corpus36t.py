"""The held-out-style corpus of issue 11, thirty-sixth round, text side (tests/corpus36t.py):
Parr & Howard's Jacobian chains and ``\\operatorname{diag}``, the Matrix Cookbook's trace, CS224n's
``\\delta_1 = \\frac{\\partial J}{\\partial z} = …``, vec/Kronecker forms, index sums, Bishop's E and
δ, d2l's ``\\text{prod}``, 李航 / 周志华, Chinese exam numbers, ChatGPT/Markdown answers,
Wolfram's ``D[L, w]``, hand numbers in tables and grids, answer keys, on five course networks no
earlier corpus used, with Chinese answers. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict
and, where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus36t.py, bench/RESULTS.md "heldtex36"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus36t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus36t.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus36t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 35 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus36t, CASES, KNOWN, least=200, course=5, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus36t = corpus_common.corpus_tests(
    corpus36t, CASES, KNOWN
)
