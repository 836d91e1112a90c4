"""The held-out-style corpus of issue 11, forty-sixth round (tests/corpus46.py): CODE answers in
spellings no corpus had used as such — gradients in double-quoted dicts (``grads["dW2"]``,
``cache["A1"]``), weights held on ``self`` or a dataclass, ``np.matmul(…, out=dW2)``, ``np.einsum``
with an ellipsis (and the ones NumPy refuses), per-example list comprehensions and ``zip`` loops,
Jupyter cells (``print``, ``assert``, ``display``, a trailing bare name), type hints, CuPy / MXNet /
Paddle / JAX / PyTorch — numexpr strings, ``torch.autograd.grad`` and files as refusals — and
students' mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used
(hn45_*). Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus46.py,
bench/RESULTS.md "heldcheck46"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus46  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus46.load()
_TINY_ZIP = ("tiny-mlp's zip over the rows of h and y_pred - y_target (one example, y_target a number): the row reader "
             "indexes every name of an expression source (y_target[i_row]) — a number is not told from an array in the "
             "cell reader, so the case stays refused (the safe verdict)")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c46-069": ("np.array([[… x[0, j] for j in range(n)]]): a row built entry by entry over the neuron's 1 x n "
                "arrays; only comprehensions over the rows of arrays are read (legacy46), entries stay refused"),
    "c46-072": _TINY_ZIP, "c46-073": _TINY_ZIP, "c46-074": _TINY_ZIP,
    "c46-213": ("d1, d2 = tf.split(dheads, 2, axis=-1): halves of an axis of size 2·k unpacked into two names (as "
                "c43-191's z.chunk(2)); the reader keeps no symbolic size of a cell's own array to cut it"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–45;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus46, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus46 = corpus_common.corpus_tests(
    corpus46, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


M = "mlp-bce"


def test_rows_zipped_and_comprehended() -> None:
    """Per-example comprehensions and loops over the rows of arrays (``zip(A1, A2 - Y)``, ``for
    d in A2 - Y``), summed, averaged or stacked (refused on 22887035: "np.outer needs two
    vectors", "a for loop is read only over a written-out tuple", "unknown function 'array'");
    an element-wise source's row is the rows of its names; a row-wise function stacked by
    ``np.array`` is the function of the arrays; written-out lists zipped are the sum written out."""
    _styles(("correct", None), "listcomp-npsum-zip-W2", "listcomp-npmean-zip-W2", "listcomp-mean-rows-b2", "zip-loop-W1",
            "listcomp-len-softmax-W", "zh-listcomp-array-b1", "listcomp-zip-steps-rnn-Wh", "dq-listcomp-weighted-W2",
            "dq-listcomp-weighted-b2", "listcomp-rows-bn-beta")
    _styles(("incorrect", "scale-factor"), "listcomp-len-softmax-W-no-mean")
    _styles(("incorrect", "relu-at-zero"), "zip-loop-W1-ge")
    _styles(("incorrect", "missing-activation-derivative"), "zip-loop-W1-mask-forgotten", "zh-listcomp-array-b1-mask-forgotten")
    assert _verdict(M, "W2", "dW2 = np.mean([np.outer(d, a) for a, d in zip(A1, A2 - Y)], axis=0)")[0] == "incorrect"
    # a function that is not row-wise (a row's sum) is not stacked as the function of the arrays
    assert _verdict(M, "b1", "dZ1 = np.array([np.sum(a2 - y) * W2.T for a2, y in zip(A2, Y)])\ndb1 = dZ1.mean(axis=0)")[0] != "correct"
    # a source the cell never assigned stays refused
    assert _verdict(M, "W2", "dW2 = sum(np.outer(a, d) for a, d in zip(A1, G)) / m")[0] == "unreadable"


def test_records_dicts_and_cells() -> None:
    """A ``@dataclass`` record built once by position or keyword read field by field, ``dict()``,
    annotated lines without an import, a print-only loop and a rounded display line (all refused
    on 22887035: "attribute '.X' is not allowed", "unknown function 'dict'", "syntax error",
    "the function .round is not supported"); a record whose field is missing stays refused."""
    _styles(("correct", None), "dataclass-cache-tiny-W1", "dataclass-cache-kw-tiny-W2", "typed-lines-W1", "zh-typed-softmax-b",
            "typed-float-neuron-w", "cell-print-loop-tiny-W1", "cell-isfinite-round-W1")
    _styles(("incorrect", "missing-activation-derivative"), "typed-lines-W1-dA1-used")
    _styles(("incorrect", "scale-factor"), "cell-isfinite-round-W1-m-twice")
    rec = "from dataclasses import dataclass\n@dataclass\nclass C:\n    h: np.ndarray\n    y_pred: np.ndarray\nc = C(h)\n"
    assert _verdict("tiny-mlp", "W2", rec + "dW2 = c.h.T @ (c.y_pred - y_target)")[0] == "unreadable"
    # a rounded value that is the answer itself (not a display of a name) is not dropped
    assert _verdict(M, "W2", "dW2 = (A1.T @ (A2 - Y) / m).round(1)")[0] != "correct"


def test_einsum_none_and_mint() -> None:
    """``tf.einsum`` with an ellipsis, ``x[None]`` after a reduction and MindSpore's
    ``mint.nn.functional.softmax``/``mint.matmul`` (refused on 22887035); an ellipsis NumPy
    refuses stays refused."""
    _styles(("correct", None), "mq-Wo-einsum-ellipsis", "einsum-ellipsis-bn-gamma", "zh-ms-W2", "ms-W2-mint-matmul", "zh-ms-b2")
    _styles(("incorrect", "scale-factor"), "mq-Wo-einsum-ellipsis-mean-again", "einsum-ellipsis-bn-gamma-no-2", "ms-W2-no-mean")
    _styles(("incorrect", "sign"), "ms-b2-sign")
    assert _verdict(M, "W2", "import tensorflow as tf\ndW2 = tf.einsum('...i,...j->ij', A1, A2 - Y) / m")[0] == "unreadable"
