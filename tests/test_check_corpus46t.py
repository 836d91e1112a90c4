"""The held-out-style corpus of issue 11, forty-sixth round, text side (tests/corpus46t.py):
Murphy's PML (∇_θ, μ − y), Dive into Deep Learning's prod(·), MIT 6.S191, the fast.ai book's
``.g``, Karpathy's CS231n staged computation, 李沐 / 李宏毅's slides, 黄海广's 吴恩达 notes, the
MindSpore tutorial, Overleaf templates (align*, \\intertext, \\operatorname, \\left.\\right|),
Obsidian / Typora Markdown and hand numbers under issue 11's number policy, on five course
networks no earlier corpus used, with Chinese answers. Verdicts of the matrix cases come from
PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus46t.py, bench/RESULTS.md "heldtex46"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus46t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus46t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus46t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 40 Chinese."""
    corpus_common.assert_new_and_mixed(corpus46t, CASES, KNOWN, least=200, course=5, zh=40)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus46t = corpus_common.corpus_tests(
    corpus46t, CASES, KNOWN
)
