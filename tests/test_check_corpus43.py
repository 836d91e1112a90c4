"""The held-out-style corpus of issue 11, forty-third round (tests/corpus43.py): CODE answers from
sources and styles no corpus had used as such — legacy ``np.matrix`` code where ``*`` is the
matrix product, ``np.apply_along_axis``, ``numpy as onp`` beside ``jax.numpy as np`` and JAX's
``.at[…].set``, ``.mT``/``.mH``/``.H``, ``tf.custom_gradient`` with a hand helper,
``functools.reduce``/``operator.matmul``/``np.frompyfunc``, ``namedtuple`` caches, MLX, Jittor,
OneFlow, MegEngine, Numba index loops, entry-by-entry list comprehensions, ``jax.lax.dot_general``,
masked arrays, ``np.putmask``/``np.place``, BLAS ``dgemm``, ``sum_to_size`` — and students'
mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used. Verdicts
of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the
checker must give each case its verdict and, where one is named, its diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus43.py, bench/RESULTS.md
"heldcheck43"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus43  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus43.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–42;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus43, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus43 = corpus_common.corpus_tests(
    corpus43, CASES, KNOWN
)
