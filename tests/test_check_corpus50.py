"""The held-out-style corpus of issue 11, fiftieth round (tests/corpus50.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — autograd-free JAX (``jnp``,
``jax.lax``), ``torch.autograd.Function`` backward methods, Keras ``train_step`` gradients by hand,
MLX, Paddle and MindSpore manual backward, Julia-style dots transcribed, docstring-heavy and
type-annotated functions returning tuples of gradients, dict-of-gradients, in-place ``+=``
accumulations, ``einsum`` with an ellipsis, logsumexp with and without its max shift and the
softmax Jacobian written out — and students' mistakes on them, on the built-ins and five lecturer
networks no earlier corpus used (hn49_*, hn49s_*). Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus50.py, bench/RESULTS.md "heldcheck50"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus50  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus50.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 180 cases, every built-in and five lecturer networks no earlier corpus used, about
    half right, refusals and twenty Chinese cases, none repeating corpora 2–49; 30 % or more on
    those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus50, CASES, KNOWN, least=180, course=5, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert sum("hn49s_" in c["net"] for c in CASES) >= 10
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus50 = corpus_common.corpus_tests(
    corpus50, CASES, KNOWN
)
