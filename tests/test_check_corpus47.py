"""The held-out-style corpus of issue 11, forty-seventh round (tests/corpus47.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — ``functools.reduce``, the walrus
``:=``, f-string prints, ``match`` statements, lambda helpers, ``@staticmethod`` and nested ``def``
backwards, keyword-only helpers, ``NamedTuple`` caches, ``np.linalg.multi_dot``, ``np.tensordot``
with every ``axes`` spelling, ``while`` loops over layers, ``operator`` calls — with
``np.apply_along_axis``, ``jnp.vectorize``, ``jax.vmap`` and ``np.frompyfunc`` as refusals, and
students' mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used
(hn46_*). Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus47.py,
bench/RESULTS.md "heldcheck47"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus47  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus47.load()
_ARGMAX = ("a wrong answer subtracting the class index column (Y.argmax(axis=1, keepdims=True)) from the probabilities: "
           ".argmax is not read (it is no differentiable operation of the network), so the case is refused, not judged")
_WHILE_M = ("while k < m over the rows, np.outer(A1[k], dZ[k]): the loop is unrolled only over a whole-number bound; a bound "
            "that is a size would need the rows of a cell's own array (dZ) to be told from its size, as c46-072's zip")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c47-119": _ARGMAX, "c47-227": _ARGMAX,
    "c47-127": _WHILE_M, "c47-128": _WHILE_M,
    "c47-180": ("np.tensordot(x, …) / np.count_nonzero(S): the count_nonzero rewrite reads the call again after the "
                "tensordot pass, which then calls tensordot unsupported (refused; the verdict would be wrong only for "
                "non-0/1 masks anyway)"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–46;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus47, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus47 = corpus_common.corpus_tests(
    corpus47, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


M = "mlp-bce"


def test_reduce_walrus_match_and_while() -> None:
    """``functools.reduce`` over a written-out list (a lambda folded in, ``t[0]`` of a tuple) or
    over an array's rows, the walrus inside a line, ``match`` on a literal and ``while`` loops over
    a whole-number counter (refused on 6b46924e: "unknown function 'reduce'", "'NamedExpr' is not
    allowed", "only numbers are allowed as constants", "syntax error", "'while' statements are not
    read"); what Python would not run as written stays refused."""
    _styles(("correct", None), "reduce-matmul-W2", "reduce-operator-add-rnn-Wh", "reduce-lambda-rnn-Wx", "zh-reduce-add-rows-b1",
            "walrus-three-W1", "walrus-reused-b2", "match-relu-W1", "match-literal-lambda-relu-mlp-w1", "match-tuple-softmax-W",
            "while-layers-W1", "while-bptt-rnn-Wh", "zh-while-bptt-rnn-Wx")
    _styles(("incorrect", "missing-path"), "reduce-operator-add-rnn-Wh-one-step")
    _styles(("incorrect", "scale-factor"), "walrus-reused-b2-no-mean", "walrus-relu-mlp-w2-no-2")
    _styles(("incorrect", "missing-activation-derivative"), "walrus-three-W1-mask-A2", "while-layers-W1-no-mask")
    assert _verdict(*_args("match-tanh-chosen-W1"))[0] == "incorrect"  # the branch Python takes is the one read
    assert _verdict(*_args("while-bptt-rnn-Wh-off-by-one"))[0] == "incorrect"
    # a walrus Python may not run (inside a conditional expression) is left as written: refused
    assert _verdict(M, "W2", "dW2 = A1.T @ ((d := A2 - Y) if m > 1 else Y) / m")[0] == "unreadable"
    # a match whose case has a guard, and a while whose test is not decided, are not guessed
    guarded = 'act = "relu"\nmatch act:\n    case "relu" if m > 1:\n        dA = Z1 > 0\ndW1 = X.T @ ((A2 - Y) @ W2.T * dA) / m'
    assert _verdict(M, "W1", guarded)[0] == "unreadable"
    loop = "dZ = A2 - Y\nl = 2\nwhile l > 0:\n    if dZ.sum() > 0:\n        dZ = dZ * 2\n    l -= 1\ndW2 = A1.T @ dZ / m"
    assert _verdict(M, "W2", loop)[0] == "unreadable"
    # reduce with a product over an array (not a written-out list) is not a sum of its rows
    assert _verdict(M, "b2", "from functools import reduce\ndb2 = reduce(np.multiply, A2 - Y) / m")[0] != "correct"


def _args(style: str) -> tuple[str, str, str, str]:
    c = _case(style)
    return c["net"], c["wrt"], c["text"], c["lang"]


def test_helpers_records_and_called_lambdas() -> None:
    """Helpers with keyword-only or positional-only parameters, helpers defined inside a helper,
    ``namedtuple('Step', 'h_prev h dz')`` records read by field, a lambda called where it is
    written (``len`` of its array argument) and ``f(*[a, b])``; a lambda helper named ``grad``
    (all refused on 6b46924e: "the helper … is not read", "unknown function 'namedtuple'", "only
    calls of named functions are allowed", "'Lambda' is not allowed"). An inner helper reading the
    outer one's own names is not moved out."""
    _styles(("correct", None), "kwonly-W2", "kwonly-reordered-W2", "posonly-kwonly-softmax-W", "kwonly-default-bn-beta",
            "nested-def-W1", "nested-def-dict-b1", "nested-def-rnn-b", "namedtuple-factory-rnn-Wh", "iife-W2",
            "starred-dot-tiny-W2", "starred-multiply-neuron-w", "match-literal-lambda-relu-mlp-w1")
    _styles(("incorrect", "scale-factor"), "kwonly-W2-batch-nh", "kwonly-W1-m-squared", "nested-def-W1-shape1", "iife-W2-len-aT")
    _styles(("incorrect", "sign"), "nested-def-tiny-W2-sign")
    _styles(("incorrect", "missing-path"), "nested-def-rnn-b-last-step")
    closure = "def backward(X, Y):\n    k = 2\n    def scale(z):\n        return z / k\n    return X.T @ scale((A2 - Y) @ W2.T * (Z1 > 0)) / m\ndW1 = backward(X, Y)"
    assert _verdict(M, "W1", closure)[0] == "unreadable"


def test_ones_row_and_paddle_means() -> None:
    """``np.tensordot(np.ones(m), E, axes=1)[None, :]`` is the column sums as a row — and with
    ``np.ones(n)`` against m rows the shapes do not fit (never ✓); Paddle's ``paddle.mean(x)``
    of one argument and CuPy's ``cp.tensordot`` as NumPy's (refused on 6b46924e)."""
    dy = "dY = 2 * (Y - T) / (m * n)\n"
    assert _verdict("batchnorm", "gamma", dy + "dgamma = np.tensordot(np.ones(m), dY * Z_hat, axes=1)[None, :]") == ("correct", None)
    assert _verdict("batchnorm", "gamma", dy + "dgamma = np.tensordot(np.ones(n), dY * Z_hat, axes=1)[None, :]")[0] != "correct"
    _styles(("correct", None), "rg-R", "cupy-tensordot-W2")
    _styles(("incorrect", "sign"), "rg-R-sign")
    _styles(("incorrect", "scale-factor"), "rg-R-sum")


def test_stop_gradient_weight_at_other_sizes() -> None:
    """beta-NLL's ``jax.lax.stop_gradient(var ** beta)`` weight: the gradient that treats it as a
    constant is right at every size (on 6b46924e "right at the example's sizes and constants
    only", and "you wrote 0.5 for the constant beta" for the NLL's own 1/2 — the central
    differences of the resized points went through the stop-gradient); the one differentiating
    through it stays wrong."""
    _styles(("correct", None), "bn-Wm", "bn-Wm-power-merged", "bn-Wv", "bn-Wm-reduce", "bn-Wm-kwonly")
    _styles(("incorrect", "scale-factor"), "bn-Wm-no-mean")
    _styles(("incorrect", "sign"), "bn-Wm-sign")
    assert _verdict(*_args("bn-Wv-through-stop-gradient"))[0] == "incorrect"
    assert _verdict(*_args("bn-Wm-weight-forgotten"))[0] == "incorrect"
