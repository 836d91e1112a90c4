"""The held-out-style corpus of issue 11, forty-ninth round (tests/corpus49.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — ``torch.func``/``jax.vjp``
helpers (refused) beside hand-written closures, NumPy stride tricks and ``Tensor.unfold`` for a
convolution's backward, ``scipy.signal.correlate2d``/``convolve2d`` on multi-channel convolutions,
``np.tensordot`` with axes pairs as lists, CuPy aliases, ``numba`` ``@njit`` helpers, class-based
layers with ``self.cache``, ``logging`` lines, the walrus, ``match``, lambdas, ``reduce``, examples
stacked with ``np.stack`` and ``NamedTuple`` caches — and students' mistakes on them, on the
built-ins and six lecturer networks no earlier corpus used (hn48_*, hn48s_*). Verdicts of the
matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must
give each case its verdict and, where one is named, its diagnosis code. Rates (and the first,
before-fix measurement): bench/bench_check_corpus49.py, bench/RESULTS.md "heldcheck49"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus49  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus49.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c49-084": ("a wrong answer subtracting Y.argmax(axis=1)[:, None] (the class index column): argmax is not read "
                "(refused, not judged; as c47-119, c48-040)"),
    "c49-113": ("a numba helper accumulating np.outer(a[i], d[i]) in a for loop over range(a.shape[0]): a loop inside a "
                "helper is not read (nor the same loop at the top level over a parameter's rows)"),
    "c49-114": "as c49-113 (the same helper, 1/m forgotten): refused, not judged",
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and six lecturer networks no earlier corpus used (three
    multi-channel convolutions among them), about half right, refusals and twenty Chinese cases,
    none repeating corpora 2–48; 30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus49, CASES, KNOWN, least=200, course=6, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert sum("hn48s_" in c["net"] for c in CASES) >= 30
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus49 = corpus_common.corpus_tests(
    corpus49, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


def test_aliases_closures_and_records() -> None:
    """A library function or module bound to a name (``s = torch.sigmoid``, ``xp = cp``,
    ``cp.get_array_module``), a logger and its lines, curried helpers and closures returning their
    backward (``relu_vjp(Z1)(G)``, ``v = linear_vjp(A1, W2); v(G)``), a reduce pipeline of lambdas,
    ``reduce(operator.add, <generator>)``, ``reduce(np.add, parts)``, a list of NamedTuple records
    indexed by constants, ``len(E.T)``, a size named in an ``if``'s walrus, ``match`` on a tuple
    (all refused on 2f33f65b: "attribute '.sigmoid' is not allowed", "'Lambda' is not allowed",
    "logging.getLogger is not supported", "'classdef' statements are not read" …)."""
    _styles(("correct", None), "closure-vjp-by-hand-W2", "closure-relu-vjp-W1", "cupy-xp-alias-softmax-b", "logger-weighted-W2",
            "walrus-if-softmax-W", "reduce-pipeline-W2", "reduce-generator-rnn-Wh", "namedtuple-steps-rnn-b", "match-tuple-relu-mlp-w1",
            "namedtuple-rnn-Wx", "cpo-W", "cpo-W-reduce-parts")
    _styles(("incorrect", "scale-factor"), "logger-fstring-W2-no-mean", "reduce-pipeline-W2-no-mean")
    assert _verdict(*_args("closure-vjp-by-hand-W2-X"))[0] == "incorrect"
    assert _verdict(*_args("namedtuple-batch-softmax-W-len-of-transpose"))[0] == "incorrect"
    assert _verdict(*_args("cpo-W-nll-forgotten"))[0] == "incorrect"
    # a name bound twice is not an alias; a lambda that is not curried is left to the readers after
    assert _verdict(S, "b", "xp = cp\nxp = np\ndb = xp.mean(P - Y, axis=0, keepdims=True)")[0] == "unreadable"
    # a match whose case depends on a value (not a literal) is not decided
    undecided = "match (h > 0).any(), 'sum':\n    case (True, 'sum'):\n        dy = 2 * (y_pred - y)\ndw1 = x.T @ (dy @ w2.T * (h > 0))"
    assert _verdict("relu-mlp", "w1", undecided)[0] == "unreadable"


def test_convolution_channels_windows_and_pools() -> None:
    """On a multi-channel convolution (derive names its channels X0, W01, A1): ``X[0, 1]`` and a
    channel of the answer's own element-wise array, ``A.size``/``A.numel()``, ``sum(axis=(0, 2, 3))[c]``,
    window views (``sliding_window_view``, ``as_strided``, ``unfold``) contracted over their window
    axes, ``convolve2d`` of a flipped gradient, the 4-D sliding-window einsum read per channel, and a
    max pool routed by hand with ``np.kron``/``.repeat`` (all refused on 2f33f65b). A channel-sum
    slip, the wrong channel, an unflipped convolution and a pool's routing forgotten stay wrong."""
    _styles(("correct", None), "pc-K0-correlate2d-indexed-channel", "pc-K0-convolve2d-flipped", "pc-K1-sliding-window-einsum",
            "pc-K1-sliding-window-tensordot", "pc-K1-as-strided", "tp-W01-indexed-4d", "tp-W12-unfold-einsum", "tp-W12-sliding-window-4d",
            "tp-b0-sum-axes-4d", "pl-K00-kron-route", "pl-K01-repeat-route")
    for style in ("pc-K0-channels-summed", "pc-K0-convolve2d-unflipped", "tp-W01-indexed-4d-swapped", "pl-K00-kron-no-route"):
        assert _verdict(*_args(style))[0] == "incorrect", style
    # the routing compared with another tensor than the pooled one is no pool's mask
    pl = _case("pl-K00-kron-route")["net"]
    wrong = ("dP = 2 * (P - Y) / 4\ndA = np.kron(dP, np.ones((2, 2))) * (A == np.kron(Y, np.ones((2, 2))))\n"
             "dK00 = signal.correlate2d(X0, dA * (Z > 0), mode='valid')")
    assert _verdict(pl, "K00", wrong)[0] != "correct"
    # (Z == P upsampled) · (Z > 0) is A's own mask wherever Z > 0: right
    right = wrong.replace("A == np.kron(Y", "Z == np.kron(P")
    assert _verdict(pl, "K00", right)[0] == "correct"


def _args(style: str) -> tuple[str, str, str, str]:
    c = _case(style)
    return c["net"], c["wrt"], c["text"], c["lang"]


S = "softmax-regression"
