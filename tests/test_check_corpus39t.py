"""The held-out-style corpus of issue 11, thirty-ninth round, text side (tests/corpus39t.py):
Goodfellow et al.'s algorithm boxes, Bishop's PRML (δ = y − t where it holds, probit regression),
Murphy's heteroscedastic regression, CS229's update rules and per-example sums, MIT 6.036's
column-major layers, UFLDL's column-major softmax, Ng's Coursera ex4 (Θ, the unpenalised bias
column), 西瓜书 BP's g / e and its sign conventions, 邱锡鹏's softmax regression, Overleaf
handouts, Word equations as Unicode, WeChat / 知乎 text, round-38 leftovers, answer keys of three
exercise variants, on seven course networks no earlier corpus used, with Chinese answers.
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus39t.py, bench/RESULTS.md
"heldtex39"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus39t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus39t.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus39t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, seven course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus39t, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus39t = corpus_common.corpus_tests(
    corpus39t, CASES, KNOWN
)
