"""The held-out-style corpus of issue 11, fiftieth round (tests/corpus50.py): CODE answers in
spellings the earlier corpora hold rarely or never in these forms — autograd-free JAX (``jnp``,
``jax.lax``), ``torch.autograd.Function`` backward methods, Keras ``train_step`` gradients by hand,
MLX, Paddle and MindSpore manual backward, Julia-style dots transcribed, docstring-heavy and
type-annotated functions returning tuples of gradients, dict-of-gradients, in-place ``+=``
accumulations, ``einsum`` with an ellipsis, logsumexp with and without its max shift and the
softmax Jacobian written out — and students' mistakes on them, on the built-ins and five lecturer
networks no earlier corpus used (hn49_*, hn49s_*). Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus50.py, bench/RESULTS.md "heldcheck50"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus50  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus50.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c50-035": ("a wrong answer subtracting tf.argmax(Y, axis=1) (class indices): argmax is not read (refused with its "
                "message, not judged; as c48-040, c49-084)"),
    "c50-137": ("the softmax Jacobian as a 3-D array (P[:, :, None] * np.eye(k)[None] − …) contracted by einsum: a right "
                "answer refused (np.eye and 3-D arrays are not read; the same Jacobian row by row, np.stack of "
                "np.diag(P[i]) − np.outer(P[i], P[i]), is read: c50-135)"),
    "c50-206": ("a flatten in Fortran order (P.reshape(1, -1, order='F')): wrong, but refused — only the channel-first "
                "flatten of a split tensor is read"),
    "c50-207": "a channels-last flatten (P.transpose(0, 2, 3, 1).reshape(1, -1)): wrong, refused as c50-206",
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 180 cases, every built-in and five lecturer networks no earlier corpus used, about
    half right, refusals and twenty Chinese cases, none repeating corpora 2–49; 30 % or more on
    those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus50, CASES, KNOWN, least=180, course=5, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.30 * len(CASES)
    assert sum("hn49s_" in c["net"] for c in CASES) >= 10
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus50 = corpus_common.corpus_tests(
    corpus50, CASES, KNOWN
)


def _run(net: str, wrt: str, text: str, lang: str = "en") -> tuple[str, str | None, str]:
    return corpus50.run({"net": net, "wrt": wrt, "kind": "numpy", "text": text, "lang": lang})


def test_literal_loop_bounds() -> None:
    """A per-example loop over a literal ``range(K)`` (a generator, ``np.stack``, a ``for`` loop of
    ``+=``) is its K terms: right at the example's sizes only where K is the batch size — wrong
    (scale-factor), naming the size and the fix ``range(m)``; a loop over the size's name is right;
    a bound past the batch's rows is NumPy's IndexError (refused, saying so). All three were
    refused on 44e9147d ("np.outer needs two vectors", or the per-example reader's size-name rule)."""
    for text in ("dW2 = sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(2)) / m",
                 "dW2 = np.stack([np.outer(A1[i], A2[i] - Y[i]) for i in range(2)]).mean(axis=0)",
                 "dW2 = np.zeros((n_h, 1))\nfor i in range(2):\n    dW2 += np.outer(A1[i], A2[i] - Y[i]) / m"):
        verdict, code, message = _run("mlp-bce", "W2", text)
        assert (verdict, code) == ("incorrect", "scale-factor"), (text, message)
        assert "2 for m" in message and "range(m)" in message, message
    verdict, _, message = _run("mlp-bce", "W2", "dW2 = sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(2)) / m", "zh")
    assert verdict == "incorrect" and "range(m)" in message and "代替了 m" in message
    assert _run("mlp-bce", "W2", "dW2 = sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(m)) / m")[0] == "correct"
    assert _run("mlp-bce", "b2", "db2 = np.stack([A2[i] - Y[i] for i in range(m)]).mean(axis=0, keepdims=True)")[0] == "correct"
    # relu-mlp's batch is n = 3: two of its three examples is wrong at the example itself
    assert _run("relu-mlp", "w2", "dw2 = sum(np.outer(h_relu[i], 2 * (y_pred[i] - y[i])) for i in range(2))")[0] == "incorrect"
    # a LaTeX answer read after a code answer with such a loop keeps no trace of it
    assert _run("mlp-bce", "W2", "dW2 = sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(2)) / m")[0] == "incorrect"
    assert corpus50.run({"net": "mlp-bce", "wrt": "W2", "kind": "latex", "text": r"\frac{1}{m} A_1^\top (A_2 - Y)"})[0] == "correct"
    verdict, _, message = _run("softmax-regression", "b", "db = np.stack([P[i] - Y[i] for i in range(3)]).mean(axis=0, keepdims=True)")
    assert verdict == "unreadable" and "IndexError" in message and "range(P.shape[0])" in message


def test_dictionaries_library_ops_and_flattens() -> None:
    """A gradient dictionary read back after a store keyed by a tensor's name, ``jax.lax``'s
    element-wise ops, MLX's ``mx.sigmoid``, MindSpore's ``keep_dims=``, and the channel-first flatten
    of a tensor derive splits into channels (``P.reshape(1, -1)``, ``P.view(P.size(0), -1)``, the
    spec's inlined ``f``) — each misread or refused on 44e9147d (the dictionary's ``g['b']`` was the
    parameter b: a right answer judged wrong)."""
    assert _run("chain", "b", "g = {}\ng['v'] = 2 * v\ng['b'] = g['v']\ndb = g['b']")[0] == "correct"
    assert _run("chain", "b", "g = {}\ng['v'] = 2 * v\ng['b'] = g['v'] * x\ndb = g['b']")[0] == "incorrect"
    # a cache read without a store of its own stays the tensor (cache['A1'] is A1)
    assert _run("mlp-bce", "W2", "cache = {'A1': A1}\ndW2 = cache['A1'].T @ (A2 - Y) / m")[0] == "correct"
    lax = "from jax import lax\ndZ1 = lax.mul(lax.dot(A2 - Y, W2.T), Z1 > 0)\ndb1 = lax.div(dZ1.sum(axis=0, keepdims=True), m)"
    assert _run("mlp-bce", "b1", lax)[0] == "correct"
    assert _run("mlp-bce", "b1", lax.replace("Z1 > 0", "A2 > 0"))[0] == "incorrect"
    assert _run("neuron", "w", "import mlx.core as mx\ndw = (O - t) * mx.sigmoid(z) * (1 - mx.sigmoid(z)) * x")[0] == "correct"
    assert _run("neuron", "w", "dw = (O - t) * mx.sigmoid(z) * (1 - mx.sigmoid(z)) * x")[0] == "unreadable"  # no mlx import: no alias
    assert _run("softmax-regression", "b", "import mindspore.ops as ops\ndb = ops.mean(P - Y, axis=0, keep_dims=True)")[0] == "correct"
    vf = corpus50.VF
    dh = "dh = (h @ W2 - y) @ W2.T * (h > 0)\n"
    for flat in ("P.reshape(1, -1)", "P.reshape(P.shape[0], -1)", "P.view(P.size(0), -1)", "P.flatten()[None, :]", "f"):
        assert _run(vf, "W1", dh + f"dW1 = {flat}.T @ dh")[0] == "correct", flat
    assert _run(vf, "W1", dh + "dW1 = P.reshape(1, -1, order='F').T @ dh")[0] != "correct"
    assert _run(vf, "W1", dh + "dW1 = P.reshape(-1, 1) @ dh")[0] == "correct"  # the flatten as a column
    assert _run(vf, "W1", dh + "dW1 = P.reshape(-1, 1) @ (h @ W2 - y) @ W2.T")[0] == "incorrect"  # ReLU's mask forgotten
    # f assigned by the answer itself is the answer's own
    assert _run(vf, "W1", dh + "f = h\ndW1 = f.T @ dh")[0] != "correct"
