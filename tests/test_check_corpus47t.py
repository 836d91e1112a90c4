"""The held-out-style corpus of issue 11, forty-seventh round, text side (tests/corpus47t.py):
Bishop & Bishop's Deep Learning (2024), Prince's Understanding Deep Learning, d2l.ai's MXNet / TF
chapters and 动手学深度学习, Stanford CS229's notes, CMU 11-785's slides, Nielsen's BP1–BP4, 邱锡鹏's
《神经网络与深度学习》, 周志华's 西瓜书, Notion / Jupyter Markdown exports (MathJax ``\\(…\\)``, ``\\[…\\]``,
``aligned``), ``\\bm`` / ``\\mathsf`` / ``\\tfrac`` / ``\\dfrac`` / ``\\text{vec}``, Hadamard as ``\\circ`` / ``\\ast``, and
hand numbers under issue 11's number policy, on five course networks no earlier corpus used, with
Chinese answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus47t.py,
bench/RESULTS.md "heldtex47"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus47t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus47t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus47t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus47t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus47t = corpus_common.corpus_tests(
    corpus47t, CASES, KNOWN
)
