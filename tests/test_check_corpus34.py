"""The held-out-style corpus of issue 11, thirty-fourth round (tests/corpus34.py): CODE answers
as they are handed in to autograders — whole functions with docstrings, type hints, asserts,
``### START CODE HERE ###`` markers, prints, reassigned names, in-place updates, per-example
loops, ``zip`` over layers, list comprehensions, every spelling of the matrix product in NumPy,
PyTorch, JAX and TensorFlow — and students' real mistakes, on the built-ins and sixteen lecturer
networks no earlier corpus used. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus34.py, bench/RESULTS.md "heldcheck34"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus34  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus34.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–33;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus34, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus34 = corpus_common.corpus_tests(
    corpus34, CASES, KNOWN
)
