"""The held-out-style corpus of issue 11, forty-eighth round (tests/corpus48.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — ``einops.rearrange``/``reduce``,
``torch.einsum`` with an ellipsis, ``np.einsum_path``, ``jax.lax.dot_general``,
``tf.linalg.matmul(transpose_a=True)``, ``torch.addmm``/``baddbmm``, ``np.matmul(…, out=…)``,
augmented-assignment chains, ufunc methods, ``@dataclass`` caches, generators, ``try``/``except``,
type-annotated helpers, docstrings, ``%``-magics and print-debug lines — and students' mistakes on
them, on the built-ins and seven lecturer networks no earlier corpus used (hn47_*, hn47s_*).
Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py);
the checker must give each case its verdict and, where one is named, its diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus48.py, bench/RESULTS.md
"heldcheck48"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus48  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus48.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c48-040": ("a wrong answer subtracting tf.argmax(Y, axis=1)[:, None] (the class index column) from the probabilities: "
                "argmax is no differentiable operation of the network and is not read (refused, not judged; as c47-119)"),
    "c48-098": ("try: A1 @ (A2 - Y).T / m except ValueError: the right product — the try body is read (exact wherever it "
                "does not raise); telling that it raises needs the shapes, which the statement rewrite does not have "
                "(judged a shape mismatch: a right answer rejected, never a wrong one accepted)"),
    "c48-187": ("np.expand_dims(np.squeeze(X @ w) @ X, 1): expand_dims is read as [:, None], but a 1-D squeeze times a matrix "
                "(m) @ (m, n) is not (the reader reads the squeezed vector as a column)"),
    "c48-198": ("jnp.einsum('...i,...j->ij', …): NumPy refuses an ellipsis the output leaves out and PyTorch sums over it; "
                "what jax.numpy does was not confirmed here (no JAX installed), so it stays refused"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–47;
    30 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus48, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus48 = corpus_common.corpus_tests(
    corpus48, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


def test_einops_einsum_and_ufunc_spellings() -> None:
    """einops' ``rearrange`` as a transpose or the array itself (``1`` axes as ``None``), ``reduce``
    as a mean or a sum over the axes left out; ``torch.einsum`` with an ellipsis of one axis (summed
    where the output leaves it out, as PyTorch does), ``optimize=`` and ``np.einsum_path`` lines, three
    operands contracted pairwise; ``tf.nn.leaky_relu``'s ``alpha``; ``addmm``/``baddbmm`` over zeros;
    ``np.expand_dims(a, 0|1)`` (all refused or misread on 0d7276d8: "'import' statements are not
    read", "np.einsum('...h,...o->ho', …) is not read", "syntax error", "torch.zeros is not
    supported", a leaky slope of 0.01 for TensorFlow's 0.2). What NumPy itself refuses stays refused."""
    _styles(("correct", None), "einops-rearrange-W2", "einops-reduce-mean-b2", "einops-reduce-parens-b1", "einops-reduce-kw-softmax-b",
            "einops-rnn-Wh", "zh-einops-reduce-b2", "einsum-ellipsis-W2", "einsum-ellipsis-W1", "einsum-leading-ellipsis-softmax-W",
            "einsum-path-W1", "einsum-path-three-attention-Wv", "zh-einsum-path-print-softmax-W", "addmm-beta0-W1", "baddbmm-attention-Wv",
            "wgan-W2", "zh-wgan-W1-where", "zh-sq-c-einsum", "ufunc-outer-neuron-w")
    _styles(("incorrect", "scale-factor"), "einops-reduce-sum-b2-no-mean", "einsum-ellipsis-W2-no-mean", "einsum-path-W1-no-mean",
            "baddbmm-attention-Wv-alpha-half", "wgan-W2-sum")
    _styles(("incorrect", "sign"), "einops-rearrange-softmax-W-sign", "wgan-W2-sign")
    _styles(("unreadable", None), "einops-rearrange-split-axis-W2-refused")
    # NumPy refuses an ellipsis of the inputs that the output leaves out; PyTorch sums over it
    assert _verdict(M, "W2", "dW2 = np.einsum('...h,...o->ho', A1, A2 - Y) / m")[0] == "unreadable"
    assert _verdict(M, "W2", "import torch\ndW2 = torch.einsum('...h,...o->ho', A1, A2 - Y) / m")[0] == "correct"
    # TensorFlow's leaky_relu slope is the one given (or 0.2), never PyTorch's 0.01
    wg = _case("wgan-W2")["net"]
    assert _verdict(wg, "W2", "lf = tf.nn.leaky_relu(fake @ W1c, alpha=0.3)\nlr = tf.nn.leaky_relu(real @ W1c, alpha=0.3)\n"
                    "dW2 = (tf.reduce_mean(lf, axis=0) - tf.reduce_mean(lr, axis=0))[:, None]")[0] == "incorrect"
    assert _verdict(wg, "W2", "lf = tf.nn.leaky_relu(fake @ W1c)\nlr = tf.nn.leaky_relu(real @ W1c)\n"
                    "dW2 = (tf.reduce_mean(lf, axis=0) - tf.reduce_mean(lr, axis=0))[:, None]")[0] == "correct"


def test_generators_try_magics_and_docstrings() -> None:
    """Generators without loops read at their call (``sum(… for … in steps())``, ``a, b = g()``,
    ``next(g())``, ``g = f(); next(g)``), ``try`` bodies, ``%time stmt`` (its assignment kept: it was
    dropped with the magics and the name then read as the network's own gradient — ``%time dv = v``
    on the chain was ✓ on 0d7276d8), a Chinese docstring (split at its full-width colon as a heading),
    ``@dataclass`` caches, augmented chains (refused or misjudged on 0d7276d8 where named)."""
    _styles(("correct", None), "yield-bptt-rnn-Wh", "yield-unpacked-W1", "yield-next-W2", "yield-docstring-tiny-W2", "try-shape-W2",
            "try-assert-softmax-W", "try-finally-W1", "zh-try-shape-b1", "line-magic-assign-W1", "zh-docstring-tiny-W1",
            "dataclass-W2", "dataclass-steps-rnn-Wx", "augassign-bptt-rnn-Wh", "kto-W-addmm-alpha-beta")
    _styles(("incorrect", "missing-activation-derivative"), "yield-unpacked-W1-no-mask")
    _styles(("incorrect", "scale-factor"), "line-magic-chain-b-no-2", "try-assert-softmax-W-no-mean")
    assert _verdict(*_args("try-shape-W2-transposed-first"))[0] == "incorrect"  # the try body runs: the transpose
    assert _verdict(*_args("yield-bptt-rnn-Wh-h1-twice"))[0] == "incorrect"
    assert _verdict(*_args("zh-docstring-tiny-W1-half-slope"))[0] == "incorrect"
    # an endless generator, and a try whose body raises itself, are not guessed
    assert _verdict(*_args("yield-infinite-rnn-b-refused"))[0] == "unreadable"
    raised = "try:\n    raise ValueError\nexcept ValueError:\n    dW2 = A1.T @ (A2 - Y) / m"
    assert _verdict(M, "W2", raised)[0] == "unreadable"
    # %timeit keeps nothing it assigns: its line stays left out
    assert _verdict(M, "W2", "%timeit dZ2 = 2 * (A2 - Y)\ndW2 = A1.T @ (A2 - Y) / m")[0] == "correct"


def _args(style: str) -> tuple[str, str, str, str]:
    c = _case(style)
    return c["net"], c["wrt"], c["text"], c["lang"]


M = "mlp-bce"
