"""The held-out-style corpus of issue 11, forty-fifth round (tests/corpus45.py): CODE answers in
spellings no corpus had used as such — NumPy imported bare (``from numpy import dot, where``) or
unaliased (``import numpy``), ``tensorflow.experimental.numpy as tnp``, the Keras backend ``K``,
PyTorch's in-place chains (``.t_()``, ``.div_()``, ``.type_as()``), scripts with ``__main__``
blocks and typed helpers, axis and size spellings (``axis=-2``, ``np.expand_dims``,
``np.transpose(a, (1, 0))``, ``pow(m, -1)``) — and students' mistakes on them (a wrong size name
equal to the right one at the example sizes among them), on the built-ins and seven lecturer
networks no earlier corpus used (hn44_*). Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus45.py, bench/RESULTS.md "heldcheck45"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus45  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus45.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c45-097": ("softmax_grad(X, P, np.argmax(Y, axis=1)): the class indices where the one-hot Y is meant; refused "
                "(np.argmax is not read). Reading argmax of a one-hot as the labels would, under round 44's policy that "
                "1-D labels stand for their one-hot rows, accept this wrong answer: the refusal is the safe verdict"),
    "c45-120": ("tanh′ written sech(z) (not squared): named unknown, labelled wrong-activation-derivative — no mutation "
                "of the diagnosis writes sech to the first power"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–44;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus45, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus45 = corpus_common.corpus_tests(
    corpus45, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


M = "mlp-bce"


def test_numpy_functions_imported_bare() -> None:
    """``from numpy import dot, where, sum as npsum``: each name read as ``np.<function>``
    (refused on a3ff9732: the ``, where …`` of the import line was taken for a where-clause in
    words and cut, then "unknown function 'npsum'"); a name the cell assigns or a tensor keeps
    the import as written."""
    _styles(("correct", None), "bare-sum-b2", "bare-where-b1", "bare-sum-softmax-b", "bare-arange-cs231n-W", "bare-arange-cs231n-b", "bare-mint-b1")
    _styles(("incorrect", "scale-factor"), "bare-sum-b2-no-mean")
    _styles(("incorrect", "missing-loss-term"), "bare-arange-cs231n-W-reg-forgotten")
    _styles(("incorrect", "extra-loss-term"), "bare-mint-b1-l2-on-bias")
    assert _verdict(M, "b2", "from numpy import sum as npsum\nnpsum = lambda a: a\ndb2 = npsum(A2 - Y) / m")[0] != "correct"
    assert _verdict(M, "b2", "from numpy import mean\ndb2 = mean(A2 - Y, axis=1, keepdims=True)")[0] != "correct"


def test_tnp_and_the_keras_backend() -> None:
    """``tensorflow.experimental.numpy as tnp`` read as NumPy and the Keras backend ``K``
    (``K.dot``, ``K.transpose``, ``K.cast(K.greater(…), …)``, ``K.one_hot``, ``K.shape(X)[0]``)
    as the NumPy it computes (refused on a3ff9732: "tnp.transpose is not supported", "K.one_hot
    …"); ``K.greater_equal`` keeps the relu-at-zero slip; a ``K`` that is a tensor of the network
    (attention's keys) stays the tensor, and an unknown ``K.`` function keeps the cell refused."""
    _styles(("correct", None), "tnp-matmul-W2", "tnp-mean-b2", "tnp-where-W1", "tnp-relu-mlp-w1", "tnp-bn-gamma", "tnp-distiller-b2",
            "keras-backend-W2", "keras-backend-cast-greater-W1", "keras-backend-weighted-W1", "keras-backend-shape-W2",
            "keras-backend-distiller-W2", "keras-backend-rnn-Wh", "zh-keras-backend-W1")
    _styles(("incorrect", "relu-at-zero"), "keras-backend-greater-equal-W1")
    _styles(("incorrect", "scale-factor"), "tnp-where-W1-m-twice", "tnp-weighted-W1-size-n_h")
    _styles(("incorrect", "sign"), "keras-backend-softmax-W-sign")
    _styles(("incorrect", "missing-activation-derivative"), "tnp-relu-mlp-w1-mask-forgotten", "tnp-tiny-W1-sigmoid-forgotten")
    kb = "from tensorflow.keras import backend as K\n"
    assert _verdict(M, "W2", kb + "dW2 = K.dot(K.transpose(A1), A2 - Y) / m + K.gradients(L, W2)[0]")[0] == "unreadable"
    # attention's keys are K: the backend import leaves them the network's tensor
    assert _verdict("attention", "W_v", kb + "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ (A.T @ dO)") == ("correct", None)


def test_torch_in_place_chains() -> None:
    """PyTorch's in-place ``.mul_``/``.div_``/``.add_``/``.sub_``, ``.t_()``, ``.type_as``,
    ``torch.true_divide``, ``torch.ge`` and ``X.size(0)`` read as the arithmetic they do (refused
    on a3ff9732: "the function .div_ is not supported"); ``X.size(1)`` is n_in, not m."""
    _styles(("correct", None), "torch-div-inplace-W2", "torch-t-inplace-W2", "torch-type-as-mask-W1", "torch-gt-type-as-W1",
            "torch-double-mask-b1", "torch-true-divide-b2", "torch-sub-div-softmax-W", "torch-mul-chain-tiny-W1",
            "torch-mul-chain-neuron-w", "torch-add-inplace-mint-W1", "torch-size-0-W2", "torch-sub-inplace-weighted-b2")
    _styles(("incorrect", "relu-at-zero"), "torch-ge-type-as-W1")
    _styles(("incorrect", "scale-factor"), "torch-mm-W2-no-mean", "torch-softmax-W-factor-2", "torch-size-1-W2", "torch-div-inplace-mint-b2-size-h")
    _styles(("incorrect", "loss-term-factor"), "torch-mint-W1-l2-not-doubled")
    _styles(("incorrect", "extra-loss-term"), "torch-mint-W2-l2-on-W2")
    # an in-place call with a keyword (add_(x, alpha=…)) is not the plain sum
    assert _verdict(M, "W2", "dW2 = A1.t().mm(A2 - Y).div_(m).add_(W2, alpha=0.0)")[0] == "unreadable"


def test_main_blocks_and_typed_helpers() -> None:
    """A script's ``if __name__ == "__main__":`` block is its body (refused on a3ff9732: "'if'
    statements are not read" or a syntax error); typed helpers with a docstring holding the word
    "where" are read (the docstring line is no where-clause); an ``if __name__`` with an ``else``
    stays refused."""
    _styles(("correct", None), "main-typed-helper-W2", "main-typed-bias-b2", "main-typed-two-helpers-W1", "main-typed-softmax-W",
            "main-typed-relu-grad-relu-mlp-w1", "main-typed-paddle-smooth-l1-W2", "main-heaviside-print-W1", "main-expand-dims-rnn-b")
    _styles(("incorrect", "scale-factor"), "main-typed-helper-W2-shape-1", "main-typed-two-helpers-W1-shape-1", "main-typed-paddle-smooth-l1-W2-torch-form")
    _styles(("incorrect", "sign"), "main-typed-bias-b2-sign")
    _styles(("incorrect", "relu-at-zero"), "main-heaviside-one-W1")
    _styles(("incorrect", "missing-path"), "main-expand-dims-rnn-b-last-step-only")
    text = 'if __name__ == "__main__":\n    dW2 = A1.T @ (A2 - Y) / m\nelse:\n    dW2 = A1.T @ (A2 - Y)'
    assert _verdict(M, "W2", text)[0] == "unreadable"


def test_tf_matvec_reshape_and_atleast_2d() -> None:
    """``tf.linalg.matvec`` (and ``transpose_a=True``), ``tf.reshape`` and ``np.atleast_2d`` of a
    one-axis reduction (refused on a3ff9732); ``np.atleast_2d`` of anything else stays refused."""
    _styles(("correct", None), "tf-matvec-neuron-w", "tf-matvec-fourier-W2", "atleast-2d-b1", "zh-atleast-2d-b1", "zh-atleast-2d-bn-beta")
    _styles(("incorrect", "scale-factor"), "atleast-2d-bn-beta-no-2")
    c = _case("atleast-2d-b1-wrong-axis")
    assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect"
    assert _verdict(M, "b2", "db2 = np.atleast_2d(A2 - Y) / m")[0] != "correct"
