"""The held-out-style corpus of issue 11, thirty-fourth round, text side (tests/corpus34t.py):
LaTeX from Nielsen, Bishop, d2l, Géron, 邱锡鹏 and 周志华 pasted with the environments and macros
students use, plain Unicode text from chats and LMS boxes, Leibniz chain products, element-wise
entry formulas, hand numbers (rounded, slipped, ``--digits``/``--rtol``, exercise answer keys) and
Chinese answers on seven course networks no earlier corpus used. Verdicts of the matrix cases come
from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus34t.py, bench/RESULTS.md "heldtex34"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus34t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus34t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c34t-178": "\\sum_{n=1}^{N} \\delta^{(2,n)} (邱锡鹏's per-example column n of δ^{(2)}) is refused "
    "as per-example notation: a sum over n of the example superscript is not read as δ^{(2)} 𝟙",
    "c34t-186": "\\sum_n [·]_{:,n} (a column slice after a bracket) is read as the batch sum over "
    "rows with the slice dropped: a right answer rejected (wrong-sum-axis) where it should be "
    "read or refused",
    "c34t-253": "scikit-learn's coef_grads[1] = … (an assignment into a list's item) is a syntax error",
    "c34t-260": "\\quad \\rho = 0.7 (a symbol defined by a number in a where-clause, the spec's "
    "l1_ratio) is an unknown command",
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–33;
    35 % or more on those lecturer networks, 15 graded against an exercise answer key."""
    corpus_common.assert_new_and_mixed(corpus34t, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert sum("answers" in c["opts"] for c in CASES) >= 15


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus34t = corpus_common.corpus_tests(
    corpus34t, CASES, KNOWN
)
