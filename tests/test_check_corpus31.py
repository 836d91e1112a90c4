"""The held-out-style corpus of issue 11, thirty-first round (tests/corpus31.py): homework answers
written the ordinary way — CS231n/Ng-style NumPy (whole backward passes of named steps), PyTorch
without autograd, LaTeX from lecture notes and Zhihu (Ng, Nielsen, Iverson brackets), Leibniz
chains, element-wise answers, hand numbers, MATLAB/Octave and Julia, one-example derivations in
both conventions — and the classic mistakes, on the built-ins and five lecturer networks no
earlier corpus used. The verdicts of the built-in matrix cases come from PyTorch
(tests/check_oracle.py), of the course-network cases from the spec's own text run in PyTorch
(tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus31.py,
bench/RESULTS.md "heldcheck31"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus31  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus31.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 120 cases, every built-in and five lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–30."""
    corpus_common.assert_new_and_mixed(corpus31, CASES, KNOWN, least=120, course=5, zh=1)
    corpus_common.assert_networks_weighted(CASES, course_cases=30)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus31 = corpus_common.corpus_tests(
    corpus31, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus31_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 31's rows (every eleventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 11 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)
