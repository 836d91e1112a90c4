"""The held-out-style corpus of issue 11, thirty-eighth round (tests/corpus38.py): CODE answers
from sources no corpus had used — Berkeley CS182/CS189 layer classes (``self.cache``,
``backward(self, dout)`` storing ``self.dW``), CS231n's ``affine_relu_backward`` sandwich and
``batchnorm_backward_alt``, scikit-learn's ``_backprop`` (``deltas``/``coef_grads`` lists,
``safe_sparse_dot``), PaddlePaddle, MindSpore, Chainer, MXNet's numpy interface, Keras
``train_step`` functions, Numba ``@njit`` / ``@jax.jit`` functions, several gradients returned as a
dict, Chinese column-per-example code, Octave/Julia — and students' mistakes on them, on the
built-ins and thirteen lecturer networks no earlier corpus used. Verdicts of the matrix cases come
from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus38.py, bench/RESULTS.md "heldcheck38"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus38  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus38.load()
_HELPER_LOOP = "a loop inside a helper (a compiled function's per-entry or per-example loop) is not read"
_EMB = ("the embedding's gradient through C[Xb] (a 3-D view demb[k, j], index_add_ or a fancy assignment into dC) "
        "is not read in an answer")
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c38-038": "grads.insert(0, …) and an if inside a loop over (1, 0) are not read",
    "c38-064": "a Keras Model's train_step method that the cell never calls (the gradient then written again "
    "on its own line) is refused for the method's optimizer call",
    "c38-070": _HELPER_LOOP,
    "c38-071": _HELPER_LOOP,
    "c38-146": "Octave's Theta2_grad(:, 2:end) (1-based end slices) is not read",
    "c38-157": _EMB,
    "c38-158": _EMB,
    "c38-159": _EMB,
    "c38-167": "ex8's per-movie loop with idx = np.where(R[i, :] == 1)[0] (data-dependent indices) is not read",
    "c38-175": "CELU's slope with alpha 1 for the network's 0.5 is ✗ unknown, not wrong-activation-derivative "
    "(the diagnosis does not try another alpha)",
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–37;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus38, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus38 = corpus_common.corpus_tests(
    corpus38, CASES, KNOWN
)


def _verdict(net: str, wrt: str, text: str) -> tuple[str, str | None]:
    from derive.checker.check import FormulaError, check

    try:
        r = check(net, wrt, text)
    except FormulaError:
        return "unreadable", None
    return r.verdict, r.code


def _case(style: str) -> dict:
    return next(c for c in CASES if c["style"] == style)


def _styles_right(*styles: str) -> None:
    for style in styles:
        c = _case(style)
        assert _verdict(c["net"], c["wrt"], c["text"]) == ("correct", None), style


def test_paddle_mindspore_chainer_and_npx_read_as_numpy() -> None:
    """``paddle.matmul(a, b, transpose_x=True)`` is aᵀb (without the flag a b: wrong where it
    fits), ``paddle.sum(x, axis=0, keepdim=True)``/``paddle.t``/``paddle.transpose(x, perm=[1, 0])``
    NumPy's; MindSpore's ``ops.ReduceSum(keep_dims=True)(x, 0)`` and ``mstype.float64``; Chainer's
    ``F.matmul(a, b, transa=True).array``; MXNet's ``npx.relu``/``npx.softmax(x, axis=1)`` (axis 0
    another softmax: wrong)."""
    _styles_right("paddle-matmul-transpose-x", "paddle-sum-keepdim-t", "bn-beta-paddle", "mindspore-reducesum-primitive",
                  "mindspore-cast-mstype", "chainer-matmul-transa-array", "mxnet-npx-relu-mask", "mxnet-npx-softmax")
    assert _verdict("mlp-bce", "W2", "dZ2 = (A2 - Y) / m\ndW2 = paddle.matmul(A1, dZ2, transpose_y=True)")[0] != "correct"
    assert _verdict("mlp-bce", "W1", "dZ2 = (A2 - Y) / m\ndW1 = paddle.matmul(X, paddle.matmul(dZ2, paddle.transpose(W2, perm=[1, 0])), transpose_x=True)") == ("incorrect", "missing-activation-derivative")
    assert _verdict("softmax-regression", "W", "dW = np.dot(X.T, npx.softmax(Z, axis=0) - Y) / m")[0] == "incorrect"
    assert _verdict("mlp-bce", "b2", "db2 = ops.ReduceSum(keep_dims=True)(A2 - Y, 0)") == ("incorrect", "scale-factor")


def test_keras_torch_and_sklearn_spellings() -> None:
    """scikit-learn's ``safe_sparse_dot(a, b)`` is a @ b; ``K.greater``/``K.cast``,
    ``tf.keras.activations.relu``, ``tf.linalg.matmul``, ``tf.cast(mask, d.dtype)`` of a 0/1 mask,
    ``torch.sub``/``torch.mul``/``torch.numel``/``torch.linalg.multi_dot`` as written."""
    _styles_right("weighted-safe-sparse-dot", "reuters-kernel2-K-greater", "reuters-kernel1-tf",
                  "keras-activations-relu-linalg-matmul", "att-torch-multi-dot")
    assert _verdict("mlp-bce", "W2", "dW2 = safe_sparse_dot(A1.T, A2 - Y) / m") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = safe_sparse_dot(A1.T, A2 - Y)") == ("incorrect", "scale-factor")
    assert _verdict("relu-mlp", "w2", "grad_w2 = torch.linalg.multi_dot([h_relu.T, torch.sub(y_pred, y)])") == ("incorrect", "scale-factor")


def test_integer_targets_among_several_label_inputs() -> None:
    """makemore's ``dlogits[range(n), Yb] -= 1`` and ``F.one_hot(Yb, vocab_size)`` where the
    network has integer inputs ``Xb`` besides its targets ``Yb`` (they were refused: "read only
    where the network declares its target one-hot"); the mean forgotten stays wrong."""
    _styles_right("mk3-one-hot-softmax-method", "mk3-b2", "mk3-W1", "mk3-b1")
    mk = str(COURSE / "makemore_context3.toml")
    assert _verdict(mk, "W2", "dlogits = F.softmax(logits, 1)\ndlogits[range(n), Yb] -= 1\ndW2 = h.T @ dlogits") == ("incorrect", "scale-factor")
    assert _verdict(mk, "W2", "dlogits = F.softmax(logits, 1)\ndlogits[range(n), Xb] -= 1\ndlogits /= n\ndW2 = h.T @ dlogits")[0] != "correct"


def test_sklearn_backprop_lists_and_in_place_helpers() -> None:
    """scikit-learn's ``_backprop``: ``deltas = [None, None]`` (``[None] * 2``) filled by index,
    ``last = 1`` as the index, ``for i in range(last, 0, -1):`` unrolled, the helper
    ``inplace_relu_derivative(activations[i], deltas[i - 1])`` changing the list's item in place;
    defined and never called, the helper computes nothing (the ReLU's slope missing); sklearn's
    ``alpha`` penalty on a network without one is an extra loss term."""
    _styles_right("sklearn-backprop-unrolled-W1", "sklearn-backprop-unrolled-b1", "sklearn-backprop-loop-W1")
    assert _verdict("mlp-bce", "W1", _case("sklearn-relu-derivative-forgotten")["text"]) == ("incorrect", "missing-activation-derivative")
    assert _verdict("mlp-bce", "W2", _case("sklearn-alpha-penalty-not-in-loss")["text"]) == ("incorrect", "extra-loss-term")
    flipped = _case("sklearn-backprop-loop-W1")["text"].replace("delta[Z == 0] = 0", "delta[Z != 0] = 0")
    assert _verdict("mlp-bce", "W1", flipped)[0] == "incorrect"


def test_jit_decorators_dict_calls_and_get_array_module() -> None:
    """``@numba.njit``/``@jax.jit``/``@partial(jax.jit, …)`` compile a function and change no value
    (read as the function; another decorator is still refused); ``dict(W1=…, W2=…)`` returned is
    the dict literal, its entry picked by ``wrt``; Chainer's ``xp = cuda.get_array_module(X)`` is
    NumPy; ``class_w.gather(0, target)`` is ``class_w[target]``."""
    _styles_right("numba-njit-W1", "jax-jit-decorated", "jax-partial-jit-where", "dict-call-keywords-W1",
                  "chainer-get-array-module-xp", "ce-weight-b-gather")
    c = _case("jax-jit-sigmoid-as-relu-slope")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "wrong-activation-derivative")
    other = _case("numba-njit-W1")["text"].replace("@numba.njit", "@functools.lru_cache")
    assert _verdict("mlp-bce", "W1", other)[0] == "unreadable"
    c = _case("dict-call-keywords-W2-transposed")
    assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect"


def test_grade_jsonl_batch_of_corpus38_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 38's rows (every eighth case, the Chinese
    ones, the unreadable ones; course networks by their spec path): each row gets the verdict and
    first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 8 == 0]
    picked += [c for c in plain if (c["verdict"] == "unreadable" or c["lang"] == "zh") and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_framework_code_in_chinese(tmp_path: Path) -> None:
    """A class's CSV graded with ``--lang zh``: PaddlePaddle's ``transpose_x``, scikit-learn's
    ``_backprop``, makemore's ``dlogits[range(n), Yb] -= 1``, a ``@numba.njit`` function (4
    correct); the Chinese column-style blog code with tanh's slope for a ReLU and Ng's ex4 with
    the bias column penalised (2 incorrect); ``paddle.grad`` (unreadable); an unknown network
    and an empty formula (row errors) — each row its verdict, Chinese messages on the bad rows,
    the summary counting them."""
    import csv

    def row(key: str, style: str) -> tuple[str, str, str, str, str]:
        c = _case(style)
        return (key, c["net"], c["wrt"], "numpy", c["text"])

    rows = [
        row("z01", "paddle-matmul-transpose-x"),
        row("z02", "sklearn-backprop-loop-W1"),
        row("z03", "mk3-W1"),
        row("z04", "numba-njit-W1"),
        row("z05", "zh-column-style-tanh-slope"),
        row("z06", "ex4-hstack-T2-bias-column-penalised"),
        row("z07", "paddle-grad-call"),
        ("z08", str(COURSE / "no_such_network.toml"), "W", "numpy", "dW = X.T @ dZ"),
        ("z09", "softmax-regression", "W", "numpy", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula"])
        w.writerows(rows)
    out = corpus_common.graded(sub, tmp_path / "report.json", "--lang", "zh")
    got = {r["id"]: r for r in out["results"]}
    want = {"z01": "correct", "z02": "correct", "z03": "correct", "z04": "correct",
            "z05": "incorrect", "z06": "incorrect", "z07": "unreadable", "z08": "error",
            "z09": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    for k in ("z05", "z06", "z07", "z08", "z09"):
        assert got[k]["message"] and corpus38.chinese_only(got[k]["message"]), got[k]
    assert out["summary"]["submissions"] == 9
    assert out["summary"]["verdicts"] == {"correct": 4, "error": 2, "incorrect": 2, "unreadable": 1}


def test_helper_returning_a_list_and_casts_to_another_tensors_dtype() -> None:
    """A helper returning ``[dW1, db1, dW2, db2]`` unpacked into four names (as a tuple);
    ``tf.cast(tf.shape(x)[0], a2.dtype)`` and ``tf.cast(z1 > 0, dz2.dtype)`` are floats (the
    dtype of a computed tensor); the wrong axis of ``reduce_sum`` stays wrong."""
    _styles_right("keras-manual-gradients-list")
    c = _case("keras-manual-gradients-b1-axis1")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "wrong-sum-axis")
    assert _verdict("mlp-bce", "W2", "dW2 = tf.matmul(A1, (A2 - Y) / tf.cast(tf.shape(X)[0], A2.dtype), transpose_a=True)") == ("correct", None)


def test_per_example_columns_reshaped_or_broadcast() -> None:
    """A per-example loop's ``a1[:, None] * (a2 - y)`` (a column times a row: their outer product)
    and Ng's ``np.dot(dz.reshape(C, 1), avg[i].reshape(1, d))`` (the lengths written out), summed
    over the examples; the mean forgotten stays a scale slip, the row times the column's
    transpose (no outer product) is not read as one."""
    _styles_right("loop-zip-rows-none", "emojify-per-example-reshape-W", "emojify-per-example-b")
    c = _case("loop-zip-rows-no-m")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("incorrect", "scale-factor")
    em = _case("emojify-per-example-reshape-W")
    swapped = em["text"].replace("np.dot(dz.reshape(C, 1), avg[i].reshape(1, d))", "np.dot(avg[i].reshape(d, 1), dz.reshape(1, C))")
    assert _verdict(em["net"], "W", swapped)[0] == "incorrect"


def test_identity_spread_over_a_product() -> None:
    """MAML's ``(np.eye(d) - alpha * H) @ g_q``: ``g_q - alpha * H @ g_q``; the identity alone is
    first-order MAML (a path missing), an identity of another size than the product's is refused
    as NumPy refuses it."""
    _styles_right("maml-eye-minus-hessian")
    ml = str(COURSE / "hn15_maml_linear.toml")
    g = "g_q = 2 * Xq.T @ (Xq @ w_adapted - yq) / n\n"
    assert _verdict(ml, "w", g + "dw = np.eye(d) @ g_q")[0] == "incorrect"
    assert _verdict(ml, "w", g + "dw = (np.eye(d) + alpha * 2 * Xs.T @ Xs / n) @ g_q")[0] == "incorrect"
    assert _verdict(ml, "w", g + "dw = (np.eye(n) - alpha * 2 * Xs.T @ Xs / n) @ g_q")[0] == "unreadable"


def test_ex4_per_example_loop_with_a_ones_column() -> None:
    """Ng's ex4 loop (``a1t = a1[t:t + 1, :]``, ``a2t = np.hstack([np.ones((1, 1)),
    sigmoid(z2t)])``, ``Delta1 += d2.T @ a1t``): the joined ones column read over the batch as
    ``np.hstack([np.ones((m, 1)), …])``; the sigmoid's slope left out, or the bias column kept in
    ``d2``'s product, is wrong."""
    c = _case("ex4-hstack-T1-per-example-loop")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("correct", None)
    no_slope = c["text"].replace("d2 = (d3 @ Theta2)[:, 1:] * sigmoidGradient(z2t)", "d2 = (d3 @ Theta2)[:, 1:]")
    assert _verdict(c["net"], c["wrt"], no_slope)[0] == "incorrect"
    zeros = c["text"].replace("np.hstack([np.ones((1, 1)), sigmoid(z2t)])", "np.hstack([np.zeros((1, 1)), sigmoid(z2t)])")
    assert _verdict(c["net"], c["wrt"], zeros)[0] == "incorrect"


def test_per_example_entries_into_a_one_row_buffer() -> None:
    """``db1 = np.zeros((1, n_h))`` filled by ``db1[0] += dz1 / m`` in a per-example loop with
    ``A2[i, 0] - Y[i, 0]`` (one entry of the example's row, over the batch its column); the mean
    forgotten is a scale slip, the error's sign flipped wrong."""
    c = _case("loop-db1-row-zero")
    assert _verdict(c["net"], c["wrt"], c["text"]) == ("correct", None)
    assert _verdict(c["net"], c["wrt"], c["text"].replace("db1[0] += dz1 / m", "db1[0] += dz1")) == ("incorrect", "scale-factor")
    assert _verdict(c["net"], c["wrt"], c["text"].replace("(A2[i, 0] - Y[i, 0])", "(Y[i, 0] - A2[i, 0])"))[0] == "incorrect"
    b2 = "db2 = np.zeros((1, 1))\nfor i in range(m):\n    db2[0] += (A2[i, 0] - Y[i, 0]) / m"
    assert _verdict("mlp-bce", "b2", b2) == ("correct", None)
