"""The held-out-style corpus of issue 11, forty-fourth round (tests/corpus44.py): CODE answers from
sources and styles no corpus had used as such — Theano-era code (``T.dot``, ``dimshuffle``,
``T.switch``), HIPS ``autograd.numpy``, gradients as lambdas and closures, ``nn.Module``/dataclass
methods returning gradients, masks by ``np.logical_not``/``np.invert``/``~``/``copy.deepcopy``,
``np.add.accumulate``, ``np.negative``, ``np.moveaxis``/``np.swapaxes``, ``tf.linalg.matmul(…,
adjoint_a=True)``, per-example ``+=`` accumulations, exam answer keys and teaching notebooks — and
students' mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used.
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus44.py, bench/RESULTS.md
"heldcheck44"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus44  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus44.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–43;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus44, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus44 = corpus_common.corpus_tests(
    corpus44, CASES, KNOWN
)


def _case(style: str) -> dict:
    return next(c for c in CASES if c["style"] == style)


def _styles(want: tuple[str, str | None], *styles: str) -> None:
    for style in styles:
        c = _case(style)
        assert _verdict(c["net"], c["wrt"], c["text"], c["lang"]) == want, style


M = "mlp-bce"
