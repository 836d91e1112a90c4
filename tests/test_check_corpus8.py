"""The held-out-style corpus of issue 11, eighth round (tests/corpus8.py): slices of fused weights
and pre-activations (CS231n's LSTM step, a fused-weight LSTM, a GRU sharing W and U, row and column
blocks), class labels as indices (``dscores[np.arange(N), y] -= 1``, the SVM's
``binary[np.arange(N), y] = -row_sum``, ``np.eye(C)[y]``, ``F.one_hot``), TensorFlow / JAX /
``F.linear`` spellings, and batchnorm, attention, rnn and softmax-regression in LaTeX. Each case
with an ``oracle`` has its verdict confirmed against PyTorch by tests/check_oracle.py; then
derive.checker must give that verdict and, where one is named, that diagnosis code. Rates (and the
first, before-fix measurement): bench/bench_check_corpus8.py, bench/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402
import corpus8  # noqa: E402

CASES = corpus8.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_covers_the_new_networks() -> None:
    nets = {Path(c["net"]).stem for c in CASES}
    assert {"lstm_fused_slices", "cs231n_lstm_step", "gru_weight_slices", "row_blocks"} <= nets
    assert {"cs231n_class_index", "cs231n_svm_labels", "nll_int_targets", "makemore_int_targets"} <= nets
    assert {"batchnorm", "attention", "rnn", "softmax-regression"} <= nets
    assert len(CASES) >= 80
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_7() -> None:
    import corpus2
    import corpus3
    import corpus4
    import corpus5
    import corpus6a
    import corpus6b
    import corpus7

    earlier = corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load()
    earlier += corpus6a.load() + corpus6b.load() + corpus7.load()
    assert corpus_common.repeats(CASES, earlier) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus8(case: dict) -> None:
    got = corpus8.run(case)
    assert corpus8.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------
