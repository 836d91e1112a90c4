"""The held-out-style corpus of issue 11, forty-seventh round (tests/corpus47.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — ``functools.reduce``, the walrus
``:=``, f-string prints, ``match`` statements, lambda helpers, ``@staticmethod`` and nested ``def``
backwards, keyword-only helpers, ``NamedTuple`` caches, ``np.linalg.multi_dot``, ``np.tensordot``
with every ``axes`` spelling, ``while`` loops over layers, ``operator`` calls — with
``np.apply_along_axis``, ``jnp.vectorize``, ``jax.vmap`` and ``np.frompyfunc`` as refusals, and
students' mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used
(hn46_*). Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus47.py,
bench/RESULTS.md "heldcheck47"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus47  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus47.load()
_ARGMAX = ("a wrong answer subtracting the class index column (Y.argmax(axis=1, keepdims=True)) from the probabilities: "
           ".argmax is not read (it is no differentiable operation of the network), so the case is refused, not judged")
_WHILE_M = ("while k < m over the rows, np.outer(A1[k], dZ[k]): the loop is unrolled only over a whole-number bound; a bound "
            "that is a size would need the rows of a cell's own array (dZ) to be told from its size, as c46-072's zip")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c47-119": _ARGMAX, "c47-227": _ARGMAX,
    "c47-127": _WHILE_M, "c47-128": _WHILE_M,
    "c47-180": ("np.tensordot(x, …) / np.count_nonzero(S): the count_nonzero rewrite reads the call again after the "
                "tensordot pass, which then calls tensordot unsupported (refused; the verdict would be wrong only for "
                "non-0/1 masks anyway)"),
    "c47-200": ("sum(xt.T @ (dh2 * g) for xt, g in steps) over a written-out list of (input, gate) tuples: a generator over "
                "a list of tuples is not read (only zip of arrays and written-out lists zipped, legacy46)"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–46;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus47, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus47 = corpus_common.corpus_tests(
    corpus47, CASES, KNOWN
)
