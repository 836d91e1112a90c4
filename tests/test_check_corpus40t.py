"""The held-out-style corpus of issue 11, fortieth round, text side (tests/corpus40t.py):
Nielsen's BP1–BP4, Hagan's sensitivities, Haykin's local gradients, Mitchell's δ rules, Rojas's
D-matrices, Dive into Deep Learning's prod/∂_{o_j} l/BPTT sums, Raschka's Δ⁽ʰ⁾, Jupyter markdown
answers, 知乎/CSDN derivations, 吴恩达's notes, answer keys of three new exercise variants, hand
numbers, and ELU/SELU slopes in LaTeX cases on eight course networks no earlier corpus used, with
Chinese answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus40t.py,
bench/RESULTS.md "heldtex40"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus40t  # noqa: E402
import corpus_common  # noqa: E402
import pytest  # noqa: E402

CASES = corpus40t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus40t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, eight course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus40t, CASES, KNOWN, least=200, course=8, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus40t = corpus_common.corpus_tests(
    corpus40t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code
