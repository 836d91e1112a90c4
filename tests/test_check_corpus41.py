"""The held-out-style corpus of issue 11, forty-first round (tests/corpus41.py): CODE answers from
sources and styles no corpus had used as such — type-annotated homework code (``numpy.typing``),
``match``/``case`` dispatch, ``@dataclass`` layers, Haiku-style parameter dicts, ``scipy.special``
spellings, cs231n's gradient-check harness, Jupyter magics, ``np.errstate`` blocks, NumPy ufunc
spellings (``np.add.reduce``, ``np.swapaxes``, ``np.inner``, ``np.select``), ``functools.partial``,
``zip(reversed(…))`` loops and Chinese identifiers — and students' mistakes on them, on the
built-ins and seven lecturer networks no earlier corpus used. Verdicts of the matrix cases come
from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case
its verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus41.py, bench/RESULTS.md "heldcheck41"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus41  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus41.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–40;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus41, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus41 = corpus_common.corpus_tests(
    corpus41, CASES, KNOWN
)
