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
}


def test_corpus49t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, six course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus49t, CASES, KNOWN, least=200, course=6, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus49t = corpus_common.corpus_tests(
    corpus49t, CASES, KNOWN
)
