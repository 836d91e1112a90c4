"""The held-out-style corpus of issue 11, thirty-ninth round (tests/corpus39.py): CODE answers
from sources no corpus had used — nnfs.io's layer classes (``self.dinputs``, ``self.dweights``,
``Activation_Softmax_Loss_CategoricalCrossentropy.backward``), Trask's Grokking Deep Learning
(``relu2deriv``, ``layer_1_delta``), micrograd/tinygrad-style ``_backward`` closures, d2l's
``torch.no_grad()`` manual SGD, CuPy/Dask/``jnp``, ``np.einsum`` in backward, gradients read from
``@property`` methods, Fortran-like index loops, Kaggle ``backward_propagation`` functions, Chinese
textbook code — and students' mistakes on them, on the built-ins and fourteen lecturer networks no
earlier corpus used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus39.py,
bench/RESULTS.md "heldcheck39"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus39  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus39.load()
_LOOP = ("a Fortran-like loop over the entries (for j in range(n_h): for i in range(m): dW2[j, 0] = …) is "
         "not read: the checker reads loops over rows or written-out tuples, not scalar entries")
_NODE = ("a micrograd Node object holding a closure (self._backward = lambda: None, node._backward = _backward; "
         "node._backward()) is not read: a function stored in an attribute and called through it")
_SOFT = ("(p - target) / n is right for targets whose rows sum to 1, as the spec's given targets do, but the "
         "checker tests every target value (∂L/∂z = p·Σtarget − target): whether a soft-target input should "
         "be declared (as kind = \"one-hot\" is) is the lead's decision")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c39-016": "nnfs's `if len(y_true.shape) == 2:` (a branch on the labels' rank) is not read",
    "c39-037": "lambdas calling g.__setitem__('w1', …) recorded on a tape and run in a loop are not read",
    "c39-038": "lambdas calling g.__setitem__('w1', …) recorded on a tape and run in a loop are not read",
    "c39-039": _NODE,
    "c39-040": _NODE,
    "c39-041": _NODE,
    "c39-082": _LOOP,
    "c39-083": _LOOP,
    "c39-084": _LOOP,
    "c39-085": _LOOP,
    "c39-086": _LOOP,
    "c39-087": _LOOP,
    "c39-169": _SOFT,
    "c39-170": _SOFT,
    "c39-171": _SOFT,
    "c39-172": "target.argmax(1) of a soft target (not declared one-hot) is refused (.argmax unsupported), not judged wrong",
    "c39-173": "np.eye(k)[target.argmax(1)] of a soft target is refused (np.eye unsupported here), not judged wrong",
    "c39-231": "np.add.at(dW_in, center, dv) (an embedding's gradient scattered by index) is not read",
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–38;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus39, CASES, KNOWN, least=200, course=10, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus39 = corpus_common.corpus_tests(
    corpus39, CASES, KNOWN
)


def _verdict(net: str, wrt: str, text: str, lang: str = "en") -> tuple[str, str | None]:
    from derive.checker.check import FormulaError, check

    try:
        r = check(net, wrt, text, lang=lang)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code


def _case(style: str) -> dict:
    return next(c for c in CASES if c["style"] == style)


def _styles_right(*styles: str) -> None:
    for style in styles:
        c = _case(style)
        assert _verdict(c["net"], c["wrt"], c["text"]) == ("correct", None), style


def test_slope_written_with_the_activations_input() -> None:
    """Round 38's decision: a derivative in terms of the activation's output written with its
    input — makemore's ``(1 - hpreact ** 2)`` for ``h = tanh(hpreact)`` (c38-161, was
    ``wrong-layer``), an RNN's ``1 - z_t ** 2`` at one step or at both (both: was ``unknown``),
    tiny-mlp's ``h_raw * (1 - h_raw)`` — is ``wrong-activation-derivative`` on every path, its
    message naming the input and the output (en and zh); the input used where a layer's input
    belongs (``h.T @ …`` for ``h_relu.T @ …``) stays ``wrong-layer``."""
    from derive.checker.check import check

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus38

    c = next(x for x in corpus38.CASES if x["id"] == "c38-161")
    r = check(c["net"], c["wrt"], c["text"])
    assert (r.verdict, r.code) == ("incorrect", "wrong-activation-derivative")
    assert "hpreact" in r.text() and "input" in r.text() and "output h " in r.text()
    z = check(c["net"], c["wrt"], c["text"], lang="zh")
    assert z.code == "wrong-activation-derivative" and "输入 hpreact" in z.text() and "输出 h" in z.text()
    both = "dz2 = (h_2 - y) * (1 - z_2 ** 2)\ndz1 = (dz2 @ W_h.T) * (1 - z_1 ** 2)\ndW_x = x_2.T @ dz2 + x_1.T @ dz1"
    assert _verdict("rnn", "W_x", both) == ("incorrect", "wrong-activation-derivative")
    one = "dz2 = (h_2 - y) * (1 - z_2 ** 2)\ndz1 = (dz2 @ W_h.T) * (1 - h_1 ** 2)\ndW_h = h_1.T @ dz2 + h_0.T @ dz1"
    assert _verdict("rnn", "W_h", one) == ("incorrect", "wrong-activation-derivative")
    tiny = "delta1 = ((y_pred - y_target) @ W2.T) * h_raw * (1 - h_raw)\ndW1 = X.T @ delta1"
    assert _verdict("tiny-mlp", "W1", tiny) == ("incorrect", "wrong-activation-derivative")
    assert _verdict("relu-mlp", "w2", "grad_w2 = h.T @ (2 * (y_pred - y))") == ("incorrect", "wrong-layer")
    assert _verdict("rnn", "W_x", both.replace("z_2 ** 2", "h_2 ** 2").replace("z_1 ** 2", "h_1 ** 2")) == ("correct", None)


def test_nnfs_layer_classes_len_and_probability_clip() -> None:
    """nnfs.io's classes: ``samples = len(dvalues)``, ``outputs = len(dvalues[0])`` (a row's
    length: the second axis, 1 for a one-column output) and ``np.clip(dvalues, 1e-7, 1 - 1e-7)``
    of the sigmoid's output — a guard that changes no value where the output is a probability —
    read; the loss's ``/ samples`` left out stays a scale slip. A clip of a value outside (0, 1)
    (``Z2``, a gradient) or with wide bounds stays the clamp it is, never ✓."""
    _styles_right("nnfs-bce-W1", "nnfs-bce-b1", "nnfs-bce-W2", "nnfs-bce-b2", "nnfs-mse-sum-version-w1")
    c = _case("nnfs-bce-no-samples")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "scale-factor")
    assert _verdict("mlp-bce", "W2", "dZ2 = (np.clip(A2, 1e-7, 1 - 1e-7) - Y) / m\ndW2 = A1.T @ dZ2") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dZ2 = (A2.clip(1e-7, 1 - 1e-7) - Y) / m\ndW2 = A1.T @ dZ2") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dZ2 = (np.clip(Z2, 1e-7, 1 - 1e-7) - Y) / m\ndW2 = A1.T @ dZ2")[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "dZ2 = np.clip((A2 - Y) / m, 1e-7, 1 - 1e-7)\ndW2 = A1.T @ dZ2")[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "dZ2 = (np.clip(A2, 0.1, 0.9) - Y) / m\ndW2 = A1.T @ dZ2")[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "o = len(A2[0])\ndZ2 = (A2 - Y) / (m * o)\ndW2 = A1.T @ dZ2") == ("correct", None)


def test_a_number_for_a_constant_inside_large_terms() -> None:
    """``-(3 * Y / A2 - (1 - Y) / (1 - A2))`` for the weighted BCE's ``w = 3`` was ✓ (a wrong
    answer accepted: the resized check's tolerance grew with the 1/A2 terms); a number standing
    for a constant is the README's "right only for this value" on every path; ``w`` written
    stays right."""
    t = "dA2 = -({w} * Y / A2 - (1 - Y) / (1 - A2)) / m\ndW2 = A1.T @ (dA2 * A2 * (1 - A2))"
    assert _verdict("mlp-bce-weighted", "W2", t.format(w="3"))[0] == "incorrect"
    assert _verdict("mlp-bce-weighted", "W2", t.format(w="w")) == ("correct", None)
    c = _case("nnfs-weighted-bce-W2")
    assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect"
    assert _verdict(c["net"], c["wrt"], c["text"].replace("3 * y_true", "w * y_true")) == ("correct", None)


def test_methods_returning_dicts_and_properties() -> None:
    """《深度学习入门》's ``grads = network.gradient(x, t)`` — a method filling ``grads = {}`` by
    key and returning it (or returning a dict literal) — read by key (``grads['W1']`` was read
    as the parameter ``W1`` itself: three right answers rejected); a gradient read from an
    ``@property`` method (``net.dW1``, a property using another property) is the method's
    result; the ReLU's mask left out stays wrong."""
    _styles_right("zh-twolayernet-gradient-W1", "zh-twolayernet-gradient-b1", "zh-twolayernet-gradient-W2",
                  "property-dW1", "property-dW2", "property-softmax-grad-W")
    c = _case("zh-twolayernet-relu-forgotten")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "missing-activation-derivative")
    literal = J_METHOD.format(body="        return {'W2': np.dot(A1.T, (A2 - t) / x.shape[0])}")
    assert _verdict("mlp-bce", "W2", literal) == ("correct", None)
    assert _verdict("mlp-bce", "W2", literal.replace("(A2 - t)", "(t - A2)")) == ("incorrect", "sign")
    c = _case("property-dZ1-no-mask")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "missing-activation-derivative")


J_METHOD = """class Net:
    def __init__(self, W2):
        self.W2 = W2

    def gradient(self, x, t):
{body}

net = Net(W2)
grads = net.gradient(X, Y)
dW2 = grads['W2']"""


def test_labels_from_a_copied_one_hot_target() -> None:
    """nnfs.io's ``Activation_Softmax_Loss_CategoricalCrossentropy.backward(dvalues, y_true)``:
    ``y_true = np.argmax(y_true, axis=1)`` of the parameter holding the one-hot ``Y`` (a copy
    of it, since the method assigns it again), then ``dinputs[range(samples), y_true] -= 1``:
    P − Y; ``+= 1`` stays wrong, the ``/ samples`` left out a scale slip."""
    _styles_right("nnfs-softmax-ce-W", "nnfs-softmax-ce-b")
    c = _case("nnfs-softmax-ce-no-samples")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "scale-factor")
    c = _case("nnfs-softmax-ce-plus-one")
    assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect"
    t = "labels = Y\nlabels = np.argmax(labels, axis=1)\nd = P.copy()\nd[range(m), labels] -= 1\ndW = X.T @ d / m"
    assert _verdict("softmax-regression", "W", t) == ("correct", None)
    assert _verdict("softmax-regression", "W", t.replace("labels = Y\n", "labels = P\n"))[0] != "correct"


def test_in_place_torch_step_after_the_gradient() -> None:
    """d2l's manual SGD under ``torch.no_grad()``: ``W2.sub_(lr * dW2)`` (``W2.data.add_(-lr *
    dW2)``, ``W2.grad.zero_()``) after ``dW2`` is written applies the answer — left out, and its
    ``lr`` is no rate folded into the answer (both were refused or called ``scale-factor``); the
    gradient itself still judged (1/m left out: a scale slip); a step of more than a written
    gradient (``lr * dW2 / m``) is not left out."""
    _styles_right("d2l-no-grad-mm-sub", "d2l-no-grad-mask-double")
    t = "with torch.no_grad():\n    dW2 = A1.T @ (A2 - Y){m}\n    W2.data.add_(-lr * dW2)\n    W2.grad.zero_()"
    assert _verdict("mlp-bce", "W2", t.format(m=" / m")) == ("correct", None)
    assert _verdict("mlp-bce", "W2", t.format(m="")) == ("incorrect", "scale-factor")
    more = "with torch.no_grad():\n    dW2 = A1.T @ (A2 - Y)\n    W2.sub_(lr * dW2 / m)"
    assert _verdict("mlp-bce", "W2", more)[0] != "correct"


def test_loop_over_a_list_of_the_cells_functions() -> None:
    """micrograd-style backward closures run by ``for step in [loss_backward, linear2_backward,
    …]: step()`` (each filling a ``grads`` dict by key): the loop's passes, each call inlined
    (refused: "a for loop is read only over a written-out tuple"); the ReLU's step an identity
    stays the missing slope; steps run in another order than written still read in that order."""
    _styles_right("closures-list-of-steps-W1", "closures-list-of-steps-b2")
    c = _case("closures-relu-step-identity")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "missing-activation-derivative")
    w = _case("closures-list-of-steps-W1")["text"].replace(
        "[loss_backward, linear2_backward, relu_backward, linear1_backward]",
        "[loss_backward, linear2_backward, linear1_backward, relu_backward]")
    assert _verdict("mlp-bce", "W1", w)[0] != "correct"


def test_dask_array_as_numpy() -> None:
    """A cell importing ``dask.array as da``: ``da.dot``/``da.where``/``da.matmul`` are NumPy's,
    ``.compute()`` the array (was refused: the import); the ReLU's mask left out stays wrong; a
    student's own ``da`` (no such import) is no module."""
    _styles_right("dask-dot-compute", "dask-where-matmul")
    c = _case("dask-no-mask")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "missing-activation-derivative")
    own = "da = 2 * (y_pred - y)\ngrad_w2 = h_relu.T @ da"
    assert _verdict("relu-mlp", "w2", own) == ("correct", None)
