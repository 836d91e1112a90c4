"""The held-out-style corpus of issue 11, twenty-eighth round (tests/corpus28.py): fourteen
lecturer networks no earlier corpus used (Ng's column-major softmax net, 西瓜书's BP, RBF and LDA,
邱锡鹏's attention, UFLDL's sparse autoencoder, …), answers written as whole Python functions
returning dictionaries, einsum, PyTorch without autograd, JAX, MATLAB/Octave/Julia, LaTeX with
``\\bm``/``\\mathbf`` and Chinese textbooks' conventions, index notation, hand numbers, and the
classic mistakes. The verdicts of the built-in matrix cases come from PyTorch
(tests/check_oracle.py), of the course-network cases from the spec's own text run in PyTorch
(tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus28.py,
bench/RESULTS.md "heldcheck28"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus28  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus28.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–27."""
    corpus_common.assert_new_and_mixed(corpus28, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus28 = corpus_common.corpus_tests(
    corpus28, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus28_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 28's rows (every eleventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 11 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)
