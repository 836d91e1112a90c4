"""The held-out-style corpus of issue 11, forty-sixth round (tests/corpus46.py): CODE answers in
spellings no corpus had used as such — gradients in double-quoted dicts (``grads["dW2"]``,
``cache["A1"]``), weights held on ``self`` or a dataclass, ``np.matmul(…, out=dW2)``, ``np.einsum``
with an ellipsis (and the ones NumPy refuses), per-example list comprehensions and ``zip`` loops,
Jupyter cells (``print``, ``assert``, ``display``, a trailing bare name), type hints, CuPy / MXNet /
Paddle / JAX / PyTorch — numexpr strings, ``torch.autograd.grad`` and files as refusals — and
students' mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used
(hn45_*). Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus46.py,
bench/RESULTS.md "heldcheck46"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus46  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus46.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–45;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus46, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus46 = corpus_common.corpus_tests(
    corpus46, CASES, KNOWN
)
