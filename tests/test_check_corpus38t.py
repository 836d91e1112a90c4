"""The held-out-style corpus of issue 11, thirty-eighth round, text side (tests/corpus38t.py):
the differential / Frobenius notation of math.SE and Minka, CMU DLSys's G_i, Shewchuk, Raschka,
Géron, Kevin Clark's CS224n Jacobians, 知乎 / CSDN blog derivations, Saito's computational
graphs, 期末 answers with numbered steps, a hand number after a formula, text pasted from PDFs,
matrices of numbers as bmatrix/array/smallmatrix, 0-based index notation, index sums, answer
keys of three exercise variants, on six course networks no earlier corpus used, with Chinese
answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus38t.py, bench/RESULTS.md "heldtex38"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus38t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus38t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus38t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, six course networks no corpus used (≥ 35 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus38t, CASES, KNOWN, least=200, course=6, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus38t = corpus_common.corpus_tests(
    corpus38t, CASES, KNOWN
)
