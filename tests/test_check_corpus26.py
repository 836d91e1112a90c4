"""The held-out-style corpus of issue 11, twenty-sixth round (tests/corpus26.py): thirteen hn23
lecturer networks no earlier corpus used, a student's whole answer pasted from a Markdown cell
(bold names, bullets, ``$$\\begin{aligned}…\\end{aligned}$$`` with the answer on the last row),
chains of equalities ending in the answer, PyTorch-spelled manual gradients (``.t()``,
``torch.mm``, ``.matmul(…).div(m)``, ``.sum(0, keepdim=True)``), TF spellings (``tf.transpose``,
``tf.reduce_sum(…, keepdims=True)``, ``tf.cast``), per-example sums as generator expressions,
``\\nabla_W L``, ``\\partial L / \\partial W`` inline, Greek written out, hand numbers as
fractions, percentages, ``≈`` and LaTeX ``bmatrix``/``pmatrix``. The verdicts of the built-in
matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from the
spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus26.py, bench/RESULTS.md "heldcheck26"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus26  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus26.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–25."""
    corpus_common.assert_new_and_mixed(corpus26, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus26 = corpus_common.corpus_tests(
    corpus26, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus26_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 26's rows (every seventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 7 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw) if text is not None else check(net, wrt, **kw)
    return r.verdict, r.code
