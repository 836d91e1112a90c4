"""The held-out-style corpus of issue 11, fortieth round (tests/corpus40.py): CODE answers from
sources and styles no corpus had used as such — ``torch.autograd.Function`` subclasses whose hand
``backward(ctx, grad_output)`` is called with a ``SimpleNamespace`` context, Keras
``tf.GradientTape`` notebooks with the gradient written by hand, JAX ``jax.grad`` comparisons,
MXNet ``nd.``, Chainer ``F.matmul(…, transa=True)``, MATLAB-like NumPy, R notebooks ported to
NumPy, autograder skeletons (``cache`` tuples, ``grads['dW1']``), ELU/SELU/CELU/GELU slopes written
by hand with their constants pasted as rounded decimals, PaddlePaddle and 吴恩达 notes in Chinese —
and students' mistakes on them, on the built-ins and eleven lecturer networks no earlier corpus
used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus40.py,
bench/RESULTS.md "heldcheck40"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus40  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus40.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–39;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus40, CASES, KNOWN, least=200, course=10, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus40 = corpus_common.corpus_tests(
    corpus40, CASES, KNOWN
)
