"""The held-out-style corpus of issue 11, forty-fifth round (tests/corpus45.py): CODE answers in
spellings no corpus had used as such — NumPy imported bare (``from numpy import dot, where``) or
unaliased (``import numpy``), ``tensorflow.experimental.numpy as tnp``, the Keras backend ``K``,
PyTorch's in-place chains (``.t_()``, ``.div_()``, ``.type_as()``), scripts with ``__main__``
blocks and typed helpers, axis and size spellings (``axis=-2``, ``np.expand_dims``,
``np.transpose(a, (1, 0))``, ``pow(m, -1)``) — and students' mistakes on them (a wrong size name
equal to the right one at the example sizes among them), on the built-ins and seven lecturer
networks no earlier corpus used (hn44_*). Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus45.py, bench/RESULTS.md "heldcheck45"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus45  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus45.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–44;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus45, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus45 = corpus_common.corpus_tests(
    corpus45, CASES, KNOWN
)
