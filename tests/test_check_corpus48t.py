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
}


def test_corpus48t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus48t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus48t = corpus_common.corpus_tests(
    corpus48t, CASES, KNOWN
)
