"""The held-out-style corpus of issue 11, thirty-seventh round (tests/corpus37.py): CODE answers
from sources no corpus had used — PyTorch's custom ``torch.autograd.Function`` (``ctx.saved_tensors``,
``ctx.needs_input_grad``, ``Fn.apply`` then ``loss.backward()``), CMU 11-785's MyTorch objects
(``Linear`` with ``self.Ones``, ``dLdW = dLdZ.T @ self.A``, a list of layers walked in reverse),
CS229's ``forward_prop``/``backward_prop`` with ``params`` dicts, the UvA DL modules
(``self.grads['weight']``), MXNet ``nd``, CuPy, pure Python, JAX by hand, TF2 ``tensordot``/``einsum``
— and students' mistakes on them, on the built-ins and twelve lecturer networks no earlier corpus
used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus37.py,
bench/RESULTS.md "heldcheck37"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus37  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus37.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–36;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus37, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus37 = corpus_common.corpus_tests(
    corpus37, CASES, KNOWN
)
