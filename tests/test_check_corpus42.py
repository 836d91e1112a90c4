"""The held-out-style corpus of issue 11, forty-second round (tests/corpus42.py): CODE answers from
sources and styles no corpus had used as such — autograder submissions filling ``grads["dW1"]``,
Colab cells with prints and asserts, ``@torch.no_grad()`` manual backward, ``np.einsum``,
``out=`` spellings, per-example loops accumulating with ``+=``, ``np.tensordot``, layer classes with
``self.cache``, TF tape comparisons, hand-written JAX VJPs, MATLAB-ported code and Chinese courses'
homework — and students' mistakes on them, on the built-ins and seven lecturer networks no earlier
corpus used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus42.py,
bench/RESULTS.md "heldcheck42"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus42  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus42.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
_SE = ("the squeeze-and-excitation net's z = Fm.mean(dim=1) and s are 1-D only by their spelling (Spec.one_d_spelled), "
       "so the reader keeps them rows: W1 @ z (NumPy's matrix-vector product) does not fit and np.outer of it is refused")
_GLU = ("jax.nn.glu is lowered with slices of fixed stops (rows 0:5, columns 0:2 and 2:4), so the network at other "
        "sizes is not the same function: a right / N is 'right only at the example sizes' (an engine/lowering matter)")
_GLU_SPLIT = "a, g = jnp.split(z, 2, axis=-1) (a tuple from a split) is not read; written as slices it meets " + _GLU
_DCN = ("x0.T @ (dx1 * x0).sum(1) — a 1-D row sum (DCN's per-row scalar) straight into a matrix product — is read "
        "with the sum as a column and judged shape-mismatch")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c42-024": ("print(\"dZ2 的形状:\", dZ2.shape): textbox.unwrap (the LaTeX/text side's file) cuts a parenthesis "
                "holding Chinese before the code reader sees it, leaving a bare `print`"),
    "c42-064": "dW2 /= m inside the per-example loop (a wrong answer) is refused: such a loop is not unrolled",
    "c42-140": ("飞桨's np.mean((predict - label) * hidden, axis=0) — 1-D for a [h, 1] weight, and half the gradient — "
                "is named shape-mismatch (the 1-D row against the column), not scale-factor"),
    "c42-157": "the Hadsell per-pair loop with scalars D[i] inside np.outer(a[i], u * …) is refused (np.outer of it)",
    "c42-195": _DCN,
    "c42-196": _DCN,
    "c42-197": _DCN,
    "c42-198": _GLU,
    "c42-201": "np.sinh(e) / np.cosh(e) of the 1-D residual is read as a row into hdn.T @ …: shape-mismatch (and " + _GLU + ")",
    "c42-204": _GLU_SPLIT,
    "c42-205": _GLU_SPLIT,
    "c42-206": _GLU_SPLIT,
    "c42-207": _GLU_SPLIT,
    "c42-208": _GLU,
    **{f"c42-{k}": _SE for k in range(209, 217)},
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–41;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus42, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus42 = corpus_common.corpus_tests(
    corpus42, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


M = "mlp-bce"


def test_results_written_through_out_and_copyto() -> None:
    """``np.matmul(A1.T, dZ2, out=dW2)``, ``np.divide(dW1, m, out=dW1)``, ``np.sum(…, out=db2)``
    and ``np.copyto(dW2, …)`` on a line of their own are the assignments they make, and a buffer
    made for them (``np.empty_like(W2)``) that nothing reads first is left out (refused on
    a2a7fa5f: "np.empty_like is not supported", "statement 2 has no left-hand side"); the
    1/m or the mask forgotten is named. A buffer read before it is written stays refused."""
    _styles(("correct", None), "matmul-out-W2", "dot-out-divide-out-W1", "subtract-out-sum-out-b2",
            "matmul-out-softmax-W", "zh-matmul-out-W2")
    _styles(("incorrect", "scale-factor"), "matmul-out-W2-no-mean", "matmul-out-softmax-W-times-m")
    _styles(("incorrect", "missing-activation-derivative"), "dot-out-W1-no-mask")
    assert _verdict(M, "W2", "dW2 = np.empty_like(W2)\nnp.copyto(dW2, A1.T @ (A2 - Y) / m)") == ("correct", None)
    assert _verdict(M, "W2", "dW2 = np.empty_like(W2)\ndW2 = dW2 + A1.T @ (A2 - Y) / m")[0] == "unreadable"
    # a write through out= after the answer changes it: on a2a7fa5f the line was passed over and
    # the doubled gradient accepted (a wrong answer ✓)
    assert _verdict(M, "W2", "dW2 = A1.T @ (A2 - Y) / m\nprint(1)\nnp.multiply(dW2, 2, out=dW2)") == ("incorrect", "scale-factor")
    # through a loop's name or an alias (min-char-rnn's clip of each gradient) it is not followed: refused
    assert _verdict(M, "W2", "dW2 = A1.T @ (A2 - Y) / m\nfor d in [dW2]:\n    np.clip(d, -5, 5, out=d)")[0] == "unreadable"
    assert _verdict(M, "W2", "dW2 = A1.T @ (A2 - Y) / m\nb = dW2\nnp.multiply(b, 2, out=b)")[0] == "unreadable"


def test_no_grad_decorated_functions_read() -> None:
    """``@torch.no_grad()`` on a manual backward changes no value it computes: the function is
    read as undecorated (refused on a2a7fa5f: "the helper is not read"); the PyTorch tutorial's
    ``grad_h[h < 0] = 0`` inside it stays relu-at-zero (README's policy), its 2 forgotten a
    scale-factor. Any other decorator stays refused."""
    _styles(("correct", None), "no-grad-decorator-w2", "no-grad-tiny-W1")
    _styles(("incorrect", "relu-at-zero"), "no-grad-decorator-w1")
    _styles(("incorrect", "scale-factor"), "no-grad-w2-no-two")
    _styles(("incorrect", "missing-activation-derivative"), "no-grad-w1-mask-on-relu-output")
    t = "@cache_result\ndef back(A1, dZ2):\n    return A1.T @ dZ2 / m\n\ndW2 = back(A1, A2 - Y)"
    assert _verdict(M, "W2", t)[0] == "unreadable"


def test_tape_and_vjp_gradients_only_checked_left_out() -> None:
    """``with tf.GradientTape() as tape: loss = …`` and ``auto = tape.gradient(loss, W2)`` read
    only by ``tf.debugging.assert_near``/``np.testing.assert_allclose``/``print`` (JAX's
    ``jax.vjp`` and its ``vjp_fn(1.0)`` likewise) compare the hand gradient with autograd's: left
    out, the hand one judged (refused on a2a7fa5f: "'with' statements are not read"). The tape's
    or the VJP's gradient as the answer stays refused."""
    _styles(("correct", None), "tape-compare-W2", "tape-compare-W1-transpose-b", "tape-compare-softmax-W",
            "huber-tf-W2-tape-compare", "manual-vjp-W1-checked-by-jax-vjp")
    _styles(("incorrect", "scale-factor"), "tape-compare-W2-no-mean")
    _styles(("incorrect", "missing-activation-derivative"), "tape-compare-W1-no-mask")
    _styles(("unreadable", None), "tape-gradient-as-answer-W2", "jax-vjp-as-answer-W1")
    t = ("with tf.GradientTape() as tape:\n    loss = f(W2)\nauto = tape.gradient(loss, W2)\n"
         "dW2 = A1.T @ (A2 - Y) / m + 0 * auto\nprint(auto)")
    assert _verdict(M, "W2", t)[0] == "unreadable"


def test_display_lines_left_out() -> None:
    """A notebook's ``display(dZ1[:3])`` computes nothing (refused on a2a7fa5f: "unknown
    function 'display'")."""
    _styles(("correct", None), "colab-display-W1")
    _styles(("incorrect", "scale-factor"), "colab-display-W1-no-mean")


def test_per_example_lists_reduced() -> None:
    """Per-example gradients appended to a list in ``for i in range(m)`` and reduced with
    ``np.mean(…, axis=0)``/``np.sum(…, axis=0)``, or a list comprehension under
    ``np.add.reduce`` (refused on a2a7fa5f), are the per-example sum (over m for the mean). And
    ``np.sum([np.outer(A1[i], …) for i in range(m)])`` WITHOUT an axis sums every entry of the
    list — one number — but was read as the per-example sum and accepted on a2a7fa5f (a wrong
    answer ✓): it is no longer read so."""
    _styles(("correct", None), "loop-list-mean-W2", "comprehension-add-reduce-W2")
    _styles(("incorrect", "scale-factor"), "loop-list-sum-W2")
    rows = "[np.outer(A1[i], A2[i] - Y[i]) for i in range(m)]"
    assert _verdict(M, "W2", f"dW2 = np.sum({rows}) / m")[0] != "correct"
    assert _verdict(M, "W1", "dW1 = np.sum([np.outer(X[i], ((A2[i] - Y[i]) @ W2.T) * (Z1[i] > 0)) for i in range(m)]) / m")[0] != "correct"
    assert _verdict(M, "W2", f"dW2 = np.sum({rows}, axis=0) / m") == ("correct", None)
    t = "per = []\nfor i in range(m):\n    per.append(np.outer(A1[i], A2[i] - Y[i]))\ndW2 = np.mean(per, axis=1)"
    assert _verdict(M, "W2", t)[0] != "correct"


def test_reductions_of_a_written_out_list() -> None:
    """``np.multiply.reduce([dv, x])`` is ``dv * x`` and ``np.add.reduce([dv, x])`` ``dv + x``
    (corpus 41's c41-100/101, refused on a2a7fa5f); along another axis it stays refused."""
    assert _verdict("chain", "w", "dv = 2 * v\ndw = np.multiply.reduce([dv, x])") == ("correct", None)
    assert _verdict("chain", "w", "dv = 2 * v\ndw = np.prod([dv, x], axis=0)") == ("correct", None)
    assert _verdict("chain", "w", "dv = 2 * v\ndw = np.add.reduce([dv, x])")[0] == "incorrect"
    assert _verdict("chain", "w", "dv = 2 * v\ndw = np.add.reduce([dv, x], axis=1)")[0] == "unreadable"
