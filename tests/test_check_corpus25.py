"""The held-out-style corpus of issue 11, twenty-fifth round (tests/corpus25.py): seventeen hn22
lecturer networks no earlier corpus used, answers pasted from a notebook with ``In [n]:`` or
``>>>`` prompts, a gradient as a Python function body (``def backward(…): … return dW``),
``np.einsum`` with the student's own letters, ``@``/``np.dot``/``.dot()``/``np.matmul`` mixed,
``np.transpose(X, (1, 0))``/``swapaxes``, LaTeX with ``\\cdot``/``\\times``/``\\circ`` products,
``\\big(``, ``\\mathrm{diag}``, ``\\operatorname{sigmoid}``, ``\\mathbb{1}[z>0]``, ``\\text{…}``
remarks, hand numbers as NumPy printouts in ``e-02`` notation. The verdicts of the built-in
matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from the
spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus25.py, bench/RESULTS.md "heldcheck25"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus25  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus25.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–24."""
    corpus_common.assert_new_and_mixed(corpus25, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus25 = corpus_common.corpus_tests(
    corpus25, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus25_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 25's rows (every seventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 7 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)
