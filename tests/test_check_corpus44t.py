"""The held-out-style corpus of issue 11, forty-fourth round, text side (tests/corpus44t.py):
Mitchell's ch. 4 (δ the negative gradient), Haykin's local gradient, Rojas' D matrices, Aggarwal's
Φ', CS230 cheat-sheet answers, MIT 6.036's ∂loss/∂W (column convention), 李宏毅's forward/backward
pass, 吴恩达 中文笔记 on a column-major course network, Overleaf templates (align*, ∇_θ, 𝟙[·], 1ᵀ,
∘, diag), the trace trick, Word/PowerPoint math-alphanumeric Unicode, answer keys of three new
variants and hand numbers, on five course networks no earlier corpus used, with Chinese answers.
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus44t.py, bench/RESULTS.md
"heldtex44"."""

from __future__ import annotations

import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus44t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus44t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus44t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 30 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus44t, CASES, KNOWN, least=200, course=5, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.3 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus44t = corpus_common.corpus_tests(
    corpus44t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str, latex: bool = False) -> tuple[str, str | None]:
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError

    try:
        r = check(net, wrt, text, latex=latex)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code
