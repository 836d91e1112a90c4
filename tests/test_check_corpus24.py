"""The held-out-style corpus of issue 11, twenty-fourth round (tests/corpus24.py): thirteen hn21
lecturer networks no earlier corpus used, answers as written in a Jupyter cell (prints, asserts,
a ``with torch.no_grad():`` block, a bare name displayed), manual backprop in PyTorch tensors,
JAX ``jnp`` and TensorFlow code, LaTeX with ``^{(l)}`` superscripts, nested index sums and a
Kronecker delta, an ``\\in \\mathbb{R}^{…}`` remark, hand numbers as fractions and pasted tensors.
The verdicts of the built-in matrix cases come from PyTorch (tests/check_oracle.py), of the
course-network cases from the spec's own text run in PyTorch (tests/spelled_oracle.py); the
checker must give each case its verdict and, where one is named, its diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus24.py, bench/RESULTS.md
"heldcheck24"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus24  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus24.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–23."""
    corpus_common.assert_new_and_mixed(corpus24, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus24 = corpus_common.corpus_tests(
    corpus24, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus24_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 24's rows (every seventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 7 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)
