"""The held-out-style corpus of issue 11, thirty-sixth round (tests/corpus36.py): CODE answers
from sources no corpus had used — fast.ai's "from the foundations" lessons (``lin_grad`` setting
``inp.g``/``w.g``/``b.g``, the ``Lin``/``Relu``/``Mse`` classes), Saito's "Deep Learning from
Scratch" layers (``Affine``, ``Relu`` with ``self.mask``, ``SoftmaxWithLoss``), Nielsen's
network.py (``nabla_w`` lists, ``sigmoid_prime``), Karpathy's min-char-rnn (``hs[-1]`` dicts,
``dhnext``), Coursera DL's ``linear_activation_backward`` and dropout backward, Keras 3 ``ops``,
scikit-learn's logistic objective — and students' mistakes on them, on the built-ins and twelve
lecturer networks no earlier corpus used. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus36.py, bench/RESULTS.md "heldcheck36"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus36  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus36.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–35;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus36, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


def test_grade_jsonl_batch_of_corpus36_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 36's rows (every eighth case, the Chinese
    ones, the unreadable ones; course networks by their spec path): each row gets the verdict and
    first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 8 == 0]
    picked += [c for c in plain if (c["verdict"] == "unreadable" or c["lang"] == "zh") and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus36 = corpus_common.corpus_tests(
    corpus36, CASES, KNOWN
)
