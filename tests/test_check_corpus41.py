"""The held-out-style corpus of issue 11, forty-first round (tests/corpus41.py): CODE answers from
sources and styles no corpus had used as such — type-annotated homework code (``numpy.typing``),
``match``/``case`` dispatch, ``@dataclass`` layers, Haiku-style parameter dicts, ``scipy.special``
spellings, cs231n's gradient-check harness, Jupyter magics, ``np.errstate`` blocks, NumPy ufunc
spellings (``np.add.reduce``, ``np.swapaxes``, ``np.inner``, ``np.select``), ``functools.partial``,
``zip(reversed(…))`` loops and Chinese identifiers — and students' mistakes on them, on the
built-ins and seven lecturer networks no earlier corpus used. Verdicts of the matrix cases come
from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case
its verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus41.py, bench/RESULTS.md "heldcheck41"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus41  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus41.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
_LOOP = ("a loop over layers written as lists — for (A_prev, Z), W in zip(reversed(caches), reversed(weights)), "
         "for i in reversed(range(2)) with out[i] = acts[i].T @ g — is not unrolled (only a written-out tuple is)")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c41-090": "np.swapaxes(A1, 1, 1) (the same axis twice: A1 itself) is read as a .transpose call and refused",
    "c41-095": "np.isfinite (inside np.logical_and(Z1 > 0, np.isfinite(Z1))) is not read",
    "c41-110": _LOOP,
    "c41-111": _LOOP,
    "c41-112": _LOOP,
    "c41-113": _LOOP,
    "c41-114": _LOOP,
    "c41-115": _LOOP,
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–40;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus41, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus41 = corpus_common.corpus_tests(
    corpus41, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


def test_scipy_softmax_without_axis_is_over_every_entry() -> None:
    """SciPy's ``softmax(x)`` (``from scipy.special import softmax``, ``scipy.special.softmax``)
    without ``axis`` normalises over **every** entry, not each row: ``X.T @ (softmax(X @ W + b) -
    Y) / m`` so written was ✓ on c6650983 — a wrong answer accepted. It is now read as
    ``np.exp(x) / np.sum(np.exp(x))`` (✗); with ``axis=1`` it is the row softmax (✓)."""
    _styles(("incorrect", "unknown"), "scipy-softmax-no-axis")
    _styles(("correct", None), "scipy-softmax-W", "scipy-log-softmax-b")
    head = "from scipy.special import softmax as sm\n"
    assert _verdict(S, "W", head + "P_ = sm(Z, axis=None)\ndW = X.T @ (P_ - Y) / m")[0] == "incorrect"
    assert _verdict(S, "W", head + "P_ = sm(Z, 1)\ndW = X.T @ (P_ - Y) / m") == ("correct", None)
    assert _verdict(S, "W", "import scipy.special\ndW = X.T @ (scipy.special.softmax(Z) - Y) / m")[0] == "incorrect"


S = "softmax-regression"


def test_annotations_match_case_and_dataclasses_read() -> None:
    """Typed homework code (``m: int = A_prev.shape[0]``, ``def f(dZ: Array, …) -> tuple[…]``,
    ``Array = NDArray[np.float64]``), ``match kind: case "relu": …`` dispatch and ``@dataclass``
    layers (``x: np.ndarray = field(default=None)``) are read as the plain code they run as (all
    refused on c6650983); a wrong activation chosen in the ``match`` stays
    ``wrong-activation-derivative``, a dataclass layer given the wrong input ``wrong-layer``."""
    _styles(("correct", None), "typed-linear-backward-W1", "typed-attention-Wv", "typed-chain-w",
            "match-case-relu-W1", "match-case-rnn-Wh", "dataclass-dense-W1", "dataclass-relu-mlp-w1",
            "frozen-dataclass-tiny-W1")
    _styles(("incorrect", "wrong-activation-derivative"), "match-case-sigmoid-on-relu-layer",
            "typed-W1-sigmoid-slope-on-relu")
    _styles(("incorrect", "wrong-layer"), "dataclass-dense-W2-input-of-first-layer")
    _styles(("incorrect", "scale-factor"), "typed-W2-no-mean", "dataclass-dense-W2-no-mean")
    # a match on a value (not a constant passed) stays unread
    t = ("def act(dA, Z, kind):\n    match kind:\n        case \"relu\":\n            return dA * (Z > 0)\n"
         "        case _:\n            return dA\n\ndZ1 = act((A2 - Y) @ W2.T, Z1, K)\ndW1 = X.T @ dZ1 / m")
    assert _verdict("mlp-bce", "W1", t)[0] == "unreadable"


def test_gradient_checks_log_lines_and_shell_escapes_left_out() -> None:
    """cs231n's harness — ``dW2_num = eval_numerical_gradient(f, W2)`` read only by ``print(
    rel_error(dW2_num, dW2))`` or an ``assert`` — ``logging.info(…)``, ``np.seterr(…)`` and a
    notebook's ``!pip install`` compute nothing of the answer and are left out (refused on
    c6650983); the hand gradient is judged. A numerical gradient the answer reads stays
    refused."""
    _styles(("correct", None), "cs231n-harness-print-W2", "cs231n-harness-assert-W1", "testing-assert-allclose-W1",
            "jupyter-pip-W1", "seterr-bce-W1", "assert-logging-W2")
    _styles(("incorrect", "scale-factor"), "cs231n-harness-W2-no-mean", "assert-logging-W2-mean-twice")
    _styles(("incorrect", "sign"), "cs231n-harness-softmax-W-sign")
    assert _verdict("mlp-bce", "W2", "dW2_num = eval_numerical_gradient(f, W2)\ndW2 = dW2_num")[0] == "unreadable"
    assert _verdict("mlp-bce", "W2", "dW2 = eval_numerical_gradient(f, W2)\nprint(dW2)")[0] == "unreadable"


def test_dictionaries_read_by_key_as_what_they_hold() -> None:
    """``grads = {"w": phi.T @ dpred, …}; dw = grads["w"]`` was read as the parameter ``w`` (a
    right answer rejected on c6650983); Haiku's ``params = {"w1": W1, …}`` read by key inside
    ``manual_grads(params, X, Y)`` was a name ``w1`` of its own, which the returned ``{"w1": …}``
    overwrote (right answers rejected). Both are now what they hold; a JAX ``tree_map`` step no
    line reads is left out. A mask taken from the sigmoid output stays
    ``missing-activation-derivative``."""
    _styles(("correct", None), "rbf-w-grads-dict", "haiku-dict-W2", "haiku-dict-b1", "haiku-dict-W2-tree-map-step")
    _styles(("incorrect", "scale-factor"), "haiku-dict-W2-no-mean")
    _styles(("incorrect", "missing-activation-derivative"), "haiku-dict-W1-mask-from-sigmoid-output")
    t = 'grads = {"W2": A1.T @ (A2 - Y)}\ndW2 = grads["W2"]'
    assert _verdict("mlp-bce", "W2", t) == ("incorrect", "scale-factor")


def test_numpy_spellings_add_reduce_select_moveaxis_and_size() -> None:
    """``np.add.reduce(x)`` (NumPy's default axis 0), ``np.select([c], [v], default=d)``,
    ``np.moveaxis(A1, 0, -1)``, ``torch.ones_like(x)`` and ``r.size`` of a step (the mean over
    every entry) are read as the functions the reader has (refused on c6650983); a wrong axis
    stays ``wrong-sum-axis``, a slip inside stays wrong."""
    _styles(("correct", None), "add-reduce-default-axis-b1", "add-reduce-bn-gamma", "select-relu-slope-W1",
            "moveaxis-W2", "wing-W2", "wing-W2-torch", "huber-silu-w2-select")
    _styles(("incorrect", "wrong-sum-axis"), "add-reduce-wrong-axis-b1", "add-reduce-axis-none-b1")
    _styles(("incorrect", "missing-activation-derivative"), "select-relu-slope-default-one", "wing-W1-no-mask")
    _styles(("incorrect", "scale-factor"), "wing-W2-mean-over-rows")


def test_chinese_identifiers() -> None:
    """Python names written in Chinese (``误差 = A2 - Y``, ``dW2 = A1.T @ 误差 / 样本数``) were a
    syntax error on c6650983; they are read as names of their own, and a slip with them is
    named (``sign``, ``missing-activation-derivative``); a Chinese sentence around a formula
    is read as before."""
    _styles(("correct", None), "zh-identifiers-W2", "zh-identifiers-W1", "zh-qiu-highway-WH-chinese-names")
    _styles(("incorrect", "sign"), "zh-identifiers-softmax-W-sign")
    _styles(("incorrect", "missing-activation-derivative"), "zh-identifiers-W1-no-mask")
    assert _verdict("mlp-bce", "W2", "dW2 = A1.T @ (A2 - Y) / m，其中 m 是样本数", "zh") == ("correct", None)


def test_functools_partial() -> None:
    """``relu_grad = partial(np.heaviside, x2=0.0)``, ``functools.partial(np.mean, axis=0)`` and a
    partial of a lambda are the calls they make (refused on c6650983); the wrong axis or the
    sigmoid's slope on a ReLU layer is named."""
    _styles(("correct", None), "partial-heaviside-W1", "partial-mean-b1", "partial-softmax-rows-W")
    _styles(("incorrect", "wrong-sum-axis"), "partial-mean-b1-wrong-axis", "partial-softmax-columns-W")
    _styles(("incorrect", "wrong-activation-derivative"), "partial-sigmoid-grad-on-relu-layer")


def test_class_entries_read_on_a_right_side() -> None:
    """CS231n's SVM ``correct = scores[np.arange(N), y][:, None]`` (each row's score of its class,
    read on a right side) was refused on c6650983 ("np.arange is not supported"); it is now
    ``np.sum(scores * y, axis=1, keepdims=True)`` with the network's target, as the in-place
    ``binary[np.arange(N), y] = -row_sum`` already was. nn.MultiMarginLoss's 1/C forgotten is
    a ``scale-factor``; labels that are not the target's stay refused."""
    _styles(("correct", None), "zh-multimargin-W", "zh-multimargin-b")
    _styles(("incorrect", "scale-factor"), "multimargin-b-no-C")
    _styles(("incorrect", "missing-loss-term"), "zh-multimargin-W-reg-forgotten")
    ms = str(COURSE / "hn39_multi_margin_svm_cn.toml")
    t = "correct = scores[np.arange(N), X][:, None]\ndW = X.T @ (scores - correct) / N + 2 * reg * W"
    assert _verdict(ms, "W", t)[0] == "unreadable"
