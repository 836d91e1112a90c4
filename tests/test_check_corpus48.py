"""The held-out-style corpus of issue 11, forty-eighth round (tests/corpus48.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — ``einops.rearrange``/``reduce``,
``torch.einsum`` with an ellipsis, ``np.einsum_path``, ``jax.lax.dot_general``,
``tf.linalg.matmul(transpose_a=True)``, ``torch.addmm``/``baddbmm``, ``np.matmul(…, out=…)``,
augmented-assignment chains, ufunc methods, ``@dataclass`` caches, generators, ``try``/``except``,
type-annotated helpers, docstrings, ``%``-magics and print-debug lines — and students' mistakes on
them, on the built-ins and seven lecturer networks no earlier corpus used (hn47_*, hn47s_*).
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus48.py, bench/RESULTS.md
"heldcheck48"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus48  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus48.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–47;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus48, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus48 = corpus_common.corpus_tests(
    corpus48, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)
