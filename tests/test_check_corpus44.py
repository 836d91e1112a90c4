"""The held-out-style corpus of issue 11, forty-fourth round (tests/corpus44.py): CODE answers from
sources and styles no corpus had used as such — Theano-era code (``T.dot``, ``dimshuffle``,
``T.switch``), HIPS ``autograd.numpy``, gradients as lambdas and closures, ``nn.Module``/dataclass
methods returning gradients, masks by ``np.logical_not``/``np.invert``/``~``/``copy.deepcopy``,
``np.add.accumulate``, ``np.negative``, ``np.moveaxis``/``np.swapaxes``, ``tf.linalg.matmul(…,
adjoint_a=True)``, per-example ``+=`` accumulations, exam answer keys and teaching notebooks — and
students' mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used.
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus44.py, bench/RESULTS.md
"heldcheck44"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus44  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus44.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c44-088": ("the softmax Jacobian as a 3-D tensor (np.einsum('ij,jk->ijk', P, np.eye(k)) …): the reader has no "
                "3-D arrays and np.eye(k) of a size that is not the identity input"),
    "c44-173": ("an answer that never assigns dW1 (its last line is dhidden = …): refused with 'the formula's left "
                "side is dhidden but --wrt is W1' — the checker's standing policy; labelled incorrect before the run"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–43;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus44, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus44 = corpus_common.corpus_tests(
    corpus44, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


M = "mlp-bce"


def test_theano_era_code() -> None:
    """``import theano.tensor as T``: ``T.dot``/``T.sum``/``T.mean``/``T.switch``/
    ``T.nnet.sigmoid``/``x.dimshuffle(1, 0)`` read as NumPy's (refused on ce1a73e6: "'import'
    statements are not read"); ``T.grad`` (autodiff as the answer) stays refused, and so does a
    Theano import whose alias is a tensor of the network (batchnorm's target ``T``)."""
    _styles(("correct", None), "theano-dot-W2", "theano-dimshuffle-W2", "theano-switch-W1", "theano-sum-keepdims-b1",
            "theano-mean-b2", "theano-tiny-W1", "theano-nnet-sigmoid-tiny-W1", "theano-softmax-W", "theano-weighted-W2",
            "theano-rnn-b", "zh-theano-neuron-w")
    _styles(("incorrect", "relu-at-zero"), "theano-switch-ge-W1")
    _styles(("incorrect", "sign"), "theano-softmax-W-sign")
    assert _verdict(M, "W2", _case("theano-dot-W2-no-transpose")["text"])[0] == "incorrect"
    assert _verdict(M, "W2", _case("theano-T-grad-as-answer-W2")["text"])[0] == "unreadable"
    assert _verdict(M, "W2", "import theano.tensor as T\ndW2 = T.dot(A1.T, A2 - Y) / m + T.grad(c, W2)")[0] == "unreadable"
    bn = "import theano.tensor as T\ndbeta = T.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"
    assert _verdict("batchnorm", "beta", bn)[0] == "unreadable"


def test_autograd_numpy_and_copy_modules() -> None:
    """HIPS ``import autograd.numpy as anp`` (``anp.`` as ``np.``), ``import copy`` with
    ``copy.deepcopy(e)`` (``e.copy()``) and ``import mindspore.ops as ops`` are read (refused on
    ce1a73e6); ``from autograd import grad`` stays refused."""
    _styles(("correct", None), "autograd-anp-dot-W2", "autograd-anp-where-W1", "autograd-anp-where-on-A1-W1",
            "autograd-anp-mean-b1", "autograd-anp-softmax-b", "autograd-anp-relu-mlp-w2", "autograd-anp-relu-mlp-w1",
            "autograd-anp-weighted-b2", "autograd-anp-bn-beta", "deepcopy-then-mask-W1", "deepcopy-then-mask-on-A1-W1",
            "deepcopy-then-mask-b1", "relu-mlp-deepcopy-mask-w1", "zh-ms-hinge-W2", "ms-hinge-W2-margin-mask", "zh-ms-hinge-W1")
    _styles(("incorrect", "scale-factor"), "autograd-anp-W1-no-mean", "autograd-anp-weighted-b2-no-mean")
    _styles(("incorrect", "sign"), "autograd-anp-bn-beta-sign")
    _styles(("incorrect", "missing-activation-derivative"), "deepcopy-then-mask-on-A1-negative-W1", "ms-hinge-W1-relu-forgotten")
    _styles(("incorrect", "missing-loss-term"), "ms-hinge-W2-l2-forgotten")
    _styles(("incorrect", "extra-loss-term"), "ms-hinge-W1-l2-on-W1")
    assert _verdict(M, "W2", _case("autograd-grad-as-answer-W2")["text"])[0] == "unreadable"
    # copy used for something else than a copy: the import stays refused
    assert _verdict(M, "W2", "import copy\ndW2 = copy.copy(A1).T @ (A2 - Y) / m\ncopy.error")[0] == "unreadable"


def test_closures_stateless_classes_and_records() -> None:
    """A closure factory ``make_grad(m)(A1, dZ)`` (or ``g = make_grad(m)`` then ``g(…)``), a
    class of stateless methods (``Dense().backward(A1, dZ)['dW']``) and a ``@dataclass`` record
    of gradients (``backward(…).dW1``) are read as the helpers they are (refused on ce1a73e6);
    the wrong field, the wrong input and m twice are not accepted."""
    _styles(("correct", None), "closure-factory-W2", "closure-factory-b2", "nn-module-backward-dict-W2",
            "nn-module-backward-dict-b2", "nn-module-backward-dict-W1", "dataclass-grads-W1", "dataclass-grads-W2",
            "nn-module-softmax-dict-W")
    _styles(("incorrect", "scale-factor"), "closure-factory-b2-m-twice")
    for style in ("dataclass-grads-wrong-field-W2", "nn-module-backward-dict-W1-wrong-input", "nn-module-softmax-dict-b-wrong-axis"):
        c = _case(style)
        assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect", style
    bound = "\n".join(["def make_grad(batch):", "    def g(A_prev, dZ):", "        return A_prev.T @ dZ / batch", "    return g",
                       "grad_fn = make_grad(m)", "dW2 = grad_fn(A1, A2 - Y)"])
    assert _verdict(M, "W2", bound) == ("correct", None)
    assert _verdict(M, "W2", bound.replace("make_grad(m)", "make_grad(1)"))[0] == "incorrect"


def test_negated_masks() -> None:
    """``np.logical_not(Z1 <= 0)``, ``np.invert(Z1 <= 0)`` and ``~(Z1 <= 0)`` are the mask
    ``Z1 > 0`` (refused on ce1a73e6: "np.logical_not is not supported", "only unary - and +"); the
    negation of a strict ``<`` keeps the gradient at 0 (the relu-at-zero slip); ``~(Z1 > 0)`` is
    the inverted mask."""
    _styles(("correct", None), "logical-not-mask-W1", "invert-mask-W1", "tilde-mask-W1")
    _styles(("incorrect", "relu-at-zero"), "logical-not-strict-mask-W1", "relu-mlp-logical-not-strict-w1")
    assert _verdict(M, "W1", _case("tilde-mask-inverted-W1")["text"])[0] == "incorrect"
    # ~ of something other than one comparison stays refused
    assert _verdict(M, "W1", "dZ1 = (A2 - Y) @ W2.T * ~Z1\ndW1 = X.T @ dZ1 / m")[0] != "correct"


def test_axes_and_running_sums() -> None:
    """``np.add.accumulate(x, axis=k)`` read at its last entry along k (the sum), ``np.moveaxis``
    and ``np.ascontiguousarray`` of a matrix, TensorFlow's ``adjoint_a=True`` (all refused on
    ce1a73e6); another entry of the running sum is not the sum, ``np.moveaxis(a, 0, 0)``
    transposes nothing."""
    _styles(("correct", None), "add-accumulate-last-b2", "add-accumulate-last-1d-b2", "add-accumulate-last-b1",
            "add-accumulate-bn-beta", "ascontiguousarray-W2", "tf-adjoint-a-W2",
            "zh-aistudio-moveaxis-relu-mlp-w2", "ms-hinge-W1-where-moveaxis", "paddle-ce-b2-add-accumulate")
    for style in ("add-accumulate-wrong-axis-b1", "moveaxis-no-op-W2", "tf-adjoint-a-W2-operands-swapped"):
        c = _case(style)
        assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect", style
    assert _verdict(M, "b2", "db2 = np.add.accumulate(A2 - Y, axis=0)[0:1] / m")[0] != "correct"
    assert _verdict(M, "b2", "db2 = np.add.accumulate(A2 - Y, axis=0)[-2:-1] / m")[0] != "correct"


def test_integer_class_labels_spelled() -> None:
    """Integer class labels declared as a column (``label = ["N", 1]``) or a vector (``y =
    ["N"]``), which the network holds one-hot: ``label[:, 0]``, ``label.flatten()``,
    ``y.astype(int)`` are the labels (``np.eye(C)[label.flatten()]`` the one-hot target; refused
    on ce1a73e6). A one-hot target declared N x C (softmax-regression's Y) is not labels:
    ``Y[:, 0]`` is its first column."""
    _styles(("correct", None), "zh-paddle-ce-W2", "paddle-ce-W2-eye-flatten", "zh-paddle-ce-b2", "zh-paddle-ce-W1",
            "paddle-ce-W1-swapaxes-where", "paddle-ce-b1", "multi-margin-p2-W2", "multi-margin-p2-b2", "zh-multi-margin-p2-b2")
    _styles(("incorrect", "scale-factor"), "paddle-ce-W2-no-mean", "multi-margin-p2-W2-classes-not-averaged")
    _styles(("incorrect", "sign"), "paddle-ce-W2-sign")
    _styles(("incorrect", "missing-activation-derivative"), "paddle-ce-W1-relu-forgotten")
    sm = "dZ = P.copy()\ndZ[np.arange(m), Y[:, 0]] -= 1\ndW = X.T @ dZ / m"
    assert _verdict("softmax-regression", "W", sm)[0] != "correct"
