"""The held-out-style corpus of issue 11, thirty-third round (tests/corpus33.py): whole student
scripts as they are handed in (Ng's deeplearning.ai backward passes with ``cache``, ``grads["dW" +
str(l)]`` and L2 regularisation, CS231n's layer functions, Karpathy's micrograd/makemore manual
backprop, D2L from scratch, JAX's ``jnp``), twelve lecturer networks no earlier corpus used (GRU and
LSTM steps, makemore's batch norm, min-char-rnn, CMU's BatchNorm1d, RMSNorm, 李宏毅's column-major
self-attention, hinge and focal losses, a weight decay on a norm), LaTeX from lecture notes
(Goodfellow, CS229, 邱锡鹏's δ^{(l)}) with ``\\left( \\right)``, ``\\cdot``/``\\circ``/``\\otimes``
misuse, ``\\text{diag}``, ``\\mathrm{d}``, hand numbers graded against exercise answer keys
(``derive check --answers``) and Chinese answers. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus33.py, bench/RESULTS.md "heldcheck33"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus33  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus33.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}
NEWER = ("rnn", "attention", "batchnorm", "softmax-regression")


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and fifteen Chinese cases among them, none repeating corpora
    2–32; 35 % or more on those lecturer networks, 25 graded against an exercise answer key."""
    corpus_common.assert_new_and_mixed(corpus33, CASES, KNOWN, least=200, course=10, zh=15)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert sum("answers" in c["opts"] for c in CASES) >= 25


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus33 = corpus_common.corpus_tests(
    corpus33, CASES, KNOWN
)
