"""The held-out-style corpus of issue 11, forty-ninth round (tests/corpus49.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — ``torch.func``/``jax.vjp``
helpers (refused) beside hand-written closures, NumPy stride tricks and ``Tensor.unfold`` for a
convolution's backward, ``scipy.signal.correlate2d``/``convolve2d`` on multi-channel convolutions,
``np.tensordot`` with axes pairs as lists, CuPy aliases, ``numba`` ``@njit`` helpers, class-based
layers with ``self.cache``, ``logging`` lines, the walrus, ``match``, lambdas, ``reduce``, examples
stacked with ``np.stack`` and ``NamedTuple`` caches — and students' mistakes on them, on the
built-ins and six lecturer networks no earlier corpus used (hn48_*, hn48s_*). Verdicts of the
matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must
give each case its verdict and, where one is named, its diagnosis code. Rates (and the first,
before-fix measurement): bench/bench_check_corpus49.py, bench/RESULTS.md "heldcheck49"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus49  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus49.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and six lecturer networks no earlier corpus used (three
    multi-channel convolutions among them), about half right, refusals and twenty Chinese cases,
    none repeating corpora 2–48; 30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus49, CASES, KNOWN, least=200, course=6, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert sum("hn48s_" in c["net"] for c in CASES) >= 30
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus49 = corpus_common.corpus_tests(
    corpus49, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)
