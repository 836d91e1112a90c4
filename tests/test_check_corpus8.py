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


def test_one_hot_of_integer_labels_in_code_is_the_target() -> None:
    """``np.eye(C)[y]``, ``F.one_hot(y, C)`` (``num_classes=C``, ``torch.tensor(y)``,
    ``.numpy()``) are the one-hot rows of the class labels y (they were "np.eye is not
    supported"); with a size that is not the number of classes — the labels' own count N, even
    where N = C at the example — refused with a sentence naming both, en and zh; on a network
    whose target is declared one-hot (not labels) ``np.eye(k)[Y]`` stays unread."""
    from derive.checker.check import FormulaError, check

    ci, nll = str(corpus8.CIDX), str(corpus8.NLL)
    assert check(ci, "W", "X.T @ (probs - np.eye(C)[y]) / N").ok
    assert check(ci, "W", "X.T @ (probs - np.eye(C)[y])").code == "scale-factor"
    assert check(ci, "W", "X.T @ (probs - F.one_hot(torch.tensor(y), num_classes=C).numpy()) / N").ok
    assert not check(ci, "W", "X.T @ (probs + np.eye(C)[y]) / N").ok
    assert check(nll, "logp", "-F.one_hot(y, C) / N").ok
    assert check(nll, "z", "torch.exp(logp) - F.one_hot(y, C)").code == "scale-factor"
    for bad in ("np.eye(N)[y]", "np.eye(D)[y]"):  # N = C = 3 at the example: still refused
        with pytest.raises(FormulaError, match="one column per class") as e:
            check(ci, "W", f"X.T @ (probs - {bad}) / N")
        assert "类别数" in e.value.localized("zh")
    with pytest.raises(FormulaError, match="np.eye"):
        check("softmax-regression", "W", "X.T @ (P - np.eye(k)[Y]) / m")


def test_tensorflow_cast_of_a_mask() -> None:
    """TensorFlow's ``tf.cast(H > 0, tf.float32)`` is the 0/1 mask, as ``.astype(float)`` (it was
    "the function .cast is not supported"), next to the language's ``tf.reduce_sum``; a cast of
    values that are not 0/1 to an integer type is refused as ``.astype(int)`` is."""
    from derive.checker.check import FormulaError, check

    tf = str(corpus8.TFM)
    assert check(tf, "b1", "tf.reduce_sum(dH * tf.cast(H > 0, tf.float32), axis=0)").ok
    assert check(tf, "b1", "tf.reduce_mean(dH * tf.cast(H > 0, tf.float32), axis=0)").code == "scale-factor"
    assert not check(tf, "b1", "tf.reduce_sum(dH * tf.cast(H, tf.float32), axis=0)").ok
    with pytest.raises(FormulaError, match="truncate"):
        check(tf, "b1", "tf.reduce_sum(dH * tf.cast(H, tf.int32), axis=0)")


def test_class_entries_set_by_plain_assignment() -> None:
    """CS231n's SVM ``binary[np.arange(N), y] = 0`` then ``= -row_sum``: each row's class entry
    set (to a number, or to that row's value of a 1-D array), as NumPy does (it was "invalid
    syntax"); leaving out the zeroing counts the correct class and is wrong; a column
    (``keepdims=True``) is not what NumPy assigns: wrong."""
    from derive.checker.check import check

    svm = str(corpus8.SVM)
    cell = (
        "binary = (margins > 0).astype(float)\nbinary[np.arange(N), y] = 0\n"
        "row_sum = binary.sum(axis=1)\nbinary[np.arange(N), y] = -row_sum\n"
        "dW = X.T.dot(binary) / N + 2 * reg * W"
    )
    assert check(svm, "W", cell).ok
    assert not check(svm, "W", cell.replace("binary[np.arange(N), y] = 0\n", "")).ok
    assert check(svm, "W", cell.replace("2 * reg", "reg")).code == "loss-term-factor"
    assert not check(svm, "W", cell.replace("axis=1)", "axis=1, keepdims=True)")).ok
    assert not check(svm, "W", cell.replace("= -row_sum", "= row_sum")).ok


def test_partial_sigma_squared_names_the_variance() -> None:
    """``\\frac{\\partial L}{\\partial \\sigma^{2}}`` (``\\sigma^2``) is ∂L/∂var where the network
    has batch norm's ``var`` (it was "expected a name"), as ``\\sigma^2`` in a formula already
    was; elsewhere it stays refused."""
    from derive.checker.check import FormulaError, check

    f = r"\frac{\partial L}{\partial \sigma^{2}} = -\frac{1}{2}\,\mathbf{1}^{\top}\left(\delta_{\hat{Z}} \odot Z_c\right)\left(\sigma^{2}+\epsilon\right)^{-3/2}"
    assert check("batchnorm", "var", f, latex=True).ok
    assert check("batchnorm", "var", f.replace("-\\frac", "\\frac"), latex=True).code == "sign"
    assert check("batchnorm", "var", f.replace("sigma^{2}}", "sigma^2}"), latex=True).ok
    assert not check("batchnorm", "var", f.replace("-3/2", "-1/2"), latex=True).ok
    with pytest.raises(FormulaError):
        check("mlp-bce", "W2", r"\frac{\partial L}{\partial \sigma^{2}} = 1", latex=True)


def test_row_blocks_with_a_block_of_ones() -> None:
    """``np.vstack([2 * top, np.ones((m - 1, n)) / ((m - 1) * n)])``: ``np.ones`` with sizes
    from size names is a block of 1s, and np.vstack is read next to it (both were "not
    supported"); the mean's count over the wrong rows is wrong, a literal count right only at
    the example's sizes is scale-factor, a block of the wrong height a shape error."""
    from derive.checker.check import check

    rows = str(corpus8.ROWS)
    f = "np.vstack([2 * top, np.ones((m - 1, n)) / ((m - 1) * n)]) + dZ @ V.T"
    assert check(rows, "A", f).ok
    assert check(rows, "A", f.replace("torch", "np").replace("np.ones((m - 1, n))", "torch.ones(m - 1, n)")).ok
    assert not check(rows, "A", f.replace("/ ((m - 1) * n)", "/ (m * n)")).ok
    assert check(rows, "A", f.replace("((m - 1) * n)", "4")).code == "scale-factor"
    assert check(rows, "A", f.replace("np.ones((m - 1, n))", "np.ones((m, n))")).code == "shape-mismatch"
    # a block of 0s: 0 times a block of a tensor with those sizes (it was refused)
    assert check(str(corpus8.GRU), "h1", "np.vstack([np.zeros((m - 1, h)), 2 * (last - t)])").ok
    assert check("mlp-bce", "W2", "np.zeros((n_h, 1)) + A1.T @ (A2 - Y) / m").ok


def test_a_factor_is_diagnosed_where_some_points_are_undefined() -> None:
    """``exp(log_probs)`` overflows at a random diagnosis point (the checker's random values
    for ``log_probs``), so a missing 1/batch was "undefined at values where the gradient is
    defined"; a constant factor at all the other points is diagnosed (scale-factor, sign)."""
    from derive.checker.check import check

    j = str(corpus8.JAXM)
    assert check(j, "w2", "jnp.dot(activations.T, jnp.exp(log_probs) - targets)").code == "scale-factor"
    assert check(j, "logits", "(jnp.exp(log_probs) - targets) / n_classes").code == "scale-factor"
    assert check(j, "logits", "(targets - jnp.exp(log_probs)) / batch").code == "sign"
    assert check(j, "logits", "(jnp.exp(log_probs) - targets) / batch").ok
    # a sign inside the difference: read since log's large arguments are no overflow (at every
    # point now, so the term whose sign is wrong is found; it was "unknown")
    inner = check(j, "logits", "(jnp.exp(log_probs) + targets) / batch")
    assert inner.code == "sign" and "inside" in inner.text(), inner.text()
