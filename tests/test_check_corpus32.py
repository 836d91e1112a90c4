"""The held-out-style corpus of issue 11, thirty-second round (tests/corpus32.py): where earlier
corpora were thin — the four newer built-ins (BPTT sums over t, batch norm's compact ∂L/∂Z and its
wrong variants, attention's softmax Jacobian written out row by row and the 1/√d scale, softmax
regression with integer labels), six lecturer networks no earlier corpus used, exercise-sheet
variants (answers graded against variant N's values, and the base network's numbers given for a
variant), index notation as textbooks write it (西瓜书, Bishop, Nielsen, Einstein sums) and Chinese
answers with ``--lang zh`` messages. The verdicts of the built-in matrix cases come from PyTorch
(tests/check_oracle.py), of the course-network cases from the spec's own text run in PyTorch
(tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus32.py,
bench/RESULTS.md "heldcheck32"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus32  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus32.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}
NEWER = ("rnn", "attention", "batchnorm", "softmax-regression")


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and six lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–31;
    35 % or more on the four newer built-ins and those lecturer networks, 15 graded against an
    exercise variant."""
    corpus_common.assert_new_and_mixed(corpus32, CASES, KNOWN, least=200, course=6, zh=10)
    thin = [c for c in CASES if c["net"] in NEWER or c["net"].endswith(".toml")]
    assert len(thin) >= 0.35 * len(CASES)
    assert sum("variant" in c["opts"] for c in CASES) >= 15


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus32 = corpus_common.corpus_tests(
    corpus32, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus32_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 32's rows without a variant (every
    eleventh case, course networks by their spec path, the unreadable ones): each row gets the
    verdict and first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if not c["opts"] and c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 11 == 0]
    picked += [c for c in plain if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)
