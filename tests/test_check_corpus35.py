"""The held-out-style corpus of issue 11, thirty-fifth round (tests/corpus35.py): CODE answers
from sources no corpus had used — CS231n assignment-2 layer functions with their caches,
class-style layers, Karpathy's backprop-ninja chain, micrograd-style scalar code, CS231n's naive
loops, MIT 6.390's hinge helpers, UFLDL's and CMU 11-785's column conventions, Keras backend,
Flax/Optax and JAX — and students' mistakes on them, on the built-ins and twelve lecturer networks
no earlier corpus used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus35.py,
bench/RESULTS.md "heldcheck35"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus35  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus35.load()
_LAST = (
    "dout[1] -= 1 on the PyTorch RNNCell network (hn31_pytorch_rnncell_many_to_one_1d): class 1 is "
    "the last entry at the example's C = 2, so the block after it is empty ('the slice 2:2 is "
    "empty'); an entry update is read by slices that move with the sizes"
)
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c35-055": "CS231n's softmax_loss_naive: a loop over the classes nested in the per-example loop is not read",
    # c35-056 (the stability shift scores -= scores.max(axis=1, keepdims=True)) is read since heldcheck37
    "c35-113": "the backprop ninja's whole exercise-1 chain: logits.max(1).indices (the max's own "
    "gradient, 0 in total) is not read",
    "c35-125": "a per-example loop with an if (the hinge's margin test) is not read",
    "c35-137": "CS231n's svm_loss_naive: nested loops with continue and if are not read",
    "c35-197": _LAST,
    "c35-198": "the one-hot target written as the literal torch.tensor([0.0, 1.0]) (C = 2 written out) "
    "is right at the example's sizes only (derive's policy for a size written as a number)",
    "c35-199": _LAST,
    "c35-201": _LAST,
    "c35-202": _LAST,
    "c35-203": _LAST + " (then np.outer of the steps is refused)",
    "c35-227": "F.softmax(out, dim=0) inside np.outer and F.one_hot(torch.tensor(1), C) are not read together",
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–34;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus35, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


def test_grade_jsonl_batch_of_corpus35_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 35's rows (every eighth case, the Chinese
    ones, the unreadable ones; course networks by their spec path): each row gets the verdict and
    first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 8 == 0]
    picked += [c for c in plain if (c["verdict"] == "unreadable" or c["lang"] == "zh") and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_layer_code_in_chinese(tmp_path: Path) -> None:
    """A class's CSV graded with ``--lang zh``: CS231n's affine/ReLU layer functions with the
    cache unpacked; a class-style ``Linear`` whose ``backward`` stores ``self.dW``; the backprop
    ninja's ``dlogits`` on makemore; MIT's hinge helpers; the ninja's ``dlogits`` without the
    ``/= n`` with a Chinese comment (scale-factor); UFLDL's column-major bias summed over the
    classes (wrong); ``loss.backward(); W2.grad`` (unreadable); an unknown network and an empty
    formula (row errors) — each row its own verdict and code, Chinese messages on the bad rows,
    the summary counting them."""
    import csv

    by_style = {c["style"]: c["text"] for c in CASES}
    spec = str(COURSE / "{}.toml")
    rows = [
        ("z01", "mlp-bce", "W1", "numpy", by_style["cs231n-layers-W1"]),
        ("z02", "mlp-bce", "W2", "numpy", by_style["class-layers-W2"]),
        ("z03", corpus35.NG, "W2", "numpy", by_style["ninja-W2"]),
        ("z04", corpus35.MT, "th", "numpy", by_style["mit-d-svm-obj-dth"]),
        ("z05", corpus35.NG, "W2", "numpy", "# 忘了除以 n\ndlogits = F.softmax(logits, 1)\ndlogits[range(n), Yb.argmax(1)] -= 1\ndW2 = h.T @ dlogits"),
        ("z06", corpus35.UF, "b", "numpy", "# 按行求和\ndb = np.sum(P - Y, axis=0, keepdims=True) / m"),
        ("z07", "mlp-bce", "W2", "numpy", "loss.backward()\ndW2 = W2.grad"),
        ("z08", spec.format("no_such_network"), "W", "numpy", "dW = X.T @ dZ"),
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
    assert got["z05"]["codes"][0] == "scale-factor"
    for k in ("z05", "z06"):
        assert corpus35.chinese_only(got[k]["message"]), got[k]["message"]
    for k in ("z07", "z08", "z09"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus35.chinese_only(got[k]["message"]), got[k]["message"]
    assert out["summary"]["submissions"] == 9
    assert out["summary"]["verdicts"] == {"correct": 4, "error": 2, "incorrect": 2, "unreadable": 1}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus35 = corpus_common.corpus_tests(
    corpus35, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


KB = str(COURSE / "hn13_keras_backend_mlp.toml")
R1 = str(COURSE / "hn31_pytorch_rnncell_many_to_one_1d.toml")
CM = str(COURSE / "hn29_cmu11785_hw1_inline_ones_softmax.toml")
SV = str(COURSE / "hn12_cs231n_svm_newaxis.toml")
LC = str(COURSE / "hn34_logcosh_regression_jax_cn.toml")

_LINEAR = (
    "class Linear:\n    def __init__(self, W, b):\n        self.W = W\n        self.b = b\n\n"
    "    def forward(self, x):\n        self.x = x\n        return x @ self.W + self.b\n\n"
    "    def backward(self, dout):\n        self.dW = self.x.T @ dout\n"
    "        self.db = dout.sum(axis=0, keepdims=True)\n        return dout @ self.W.T\n"
    "class ReLU:\n    def forward(self, x):\n        self.mask = x > 0\n        return x * self.mask\n\n"
    "    def backward(self, dout):\n        return dout * self.mask\n"
)


def test_objects_of_the_cells_own_classes() -> None:
    """CS231n/MIT-style layer objects — ``fc1 = Linear(W1, b1)``, ``fc2.forward(act.forward(…))``,
    ``dout = fc2.backward(g)``, ``fc1.dW`` — were refused ("syntax error" / "classdef statements
    are not read": 13 corpus-35 cases): each object's attributes are names of their own and
    each method call its body, so right answers are right and slips keep their codes."""
    use = ("fc1, act, fc2 = Linear(W1, b1), ReLU(), Linear(W2, b2)\nout = fc2.forward(act.forward(fc1.forward(X)))\n"
           "dout = fc2.backward((A2 - Y) / m)\ndout = act.backward(dout)\nfc1.backward(dout)\n")
    assert _verdict("mlp-bce", "W1", _LINEAR + use + "dW1 = fc1.dW") == ("correct", None)
    assert _verdict("mlp-bce", "b1", _LINEAR + use + "db1 = fc1.db") == ("correct", None)
    skipped = use.replace("dout = act.backward(dout)\n", "")
    assert _verdict("mlp-bce", "W1", _LINEAR + skipped + "dW1 = fc1.dW") == ("incorrect", "missing-activation-derivative")
    anon = "class SigmoidBCE:\n    def backward(self, a, y):\n        return (a - y) / y.shape[0]\ndZ2 = SigmoidBCE().backward(A2, Y)\ndW2 = A1.T @ dZ2"
    assert _verdict("mlp-bce", "W2", anon) == ("correct", None)
    assert _verdict("mlp-bce", "W2", anon.replace("(a - y) / y.shape[0]", "a - y"))[0] == "incorrect"
    net = ("class TwoLayerNet:\n    def __init__(self, w1, w2):\n        self.params = {'w1': w1, 'w2': w2}\n\n"
           "    def gradients(self, x, y):\n        h = x @ self.params['w1']\n        y_pred = np.maximum(h, 0) @ self.params['w2']\n"
           "        grads = {}\n        dh = 2 * (y_pred - y) @ self.params['w2'].T\n        dh[h <= 0] = 0\n"
           "        grads['w1'] = x.T @ dh\n        return grads\ngrad_w1 = TwoLayerNet(w1, w2).gradients(x, y)['w1']")
    assert _verdict("relu-mlp", "w1", net) == ("correct", None)
    assert _verdict("relu-mlp", "w1", net.replace("dh[h <= 0] = 0", "dh[h > 0] = 0"))[0] == "incorrect"


def test_keras_backend_transpose_and_friends() -> None:
    """``K.dot(K.transpose(h1), …)``, ``K.square``, ``K.sum(…, axis=0)`` of Keras' backend were
    refused ("K.transpose is not supported": 10 corpus-35 cases): read as NumPy's."""
    right = ("dout = K.sign(out - y) / n\ndpre = dout * K.sigmoid(K.dot(h1, W2))\n"
             "dh = K.dot(dpre, K.transpose(W2)) * (1 - K.square(h1))\ndb1 = K.sum(dh, axis=0)")
    assert _verdict(KB, "b1", right) == ("correct", None)
    assert _verdict(KB, "b1", right.replace("(1 - K.square(h1))", "h1 * (1 - h1)")) == ("incorrect", "wrong-activation-derivative")
    assert _verdict("mlp-bce", "W2", "kernel_grad = K.dot(K.transpose(A1), A2 - Y) / m") == ("correct", None)


def test_softmax_along_the_only_axis_of_a_1d_vector() -> None:
    """``torch.softmax(out, dim=0)`` of a 1-D ``out = W_out @ h3`` was read column-wise (each
    entry's softmax alone: every entry 1), so a right answer was rejected (c35-198 family): its
    only axis is its entries; the one-hot left out stays wrong."""
    v, _ = _verdict(R1, "W_out", "dout = torch.softmax(out, dim=0)\ndW_out = dout[:, None] @ h3[None, :]")
    assert v == "incorrect"
    from derive.checker.check import check

    r = check(R1, "W_out", "dout = torch.softmax(out, 0)\ndW_out = dout[:, None] @ h3[None, :]")
    assert "softmax(out)" in r.text() and "softmax(out.T)" not in r.text()


def test_labels_one_hot_through_a_column_of_example_losses() -> None:
    """CMU 11-785's ``crossentropy = (-Y * np.log(A)) @ np.ones((C, 1))`` (an N × 1 column of
    per-example losses, summed by the next node) with one-hot given labels: ``A - Y`` (MyTorch's
    own ``dLdZ2``) was rejected at random labels (6 corpus-35 cases); the labels are one-hot as
    their values, as for a scalar cross-entropy (implied_one_hot). Without ``Y`` still wrong."""
    assert _verdict(CM, "W2", "dLdZ2 = (A - Y) / N\ndLdW2 = dLdZ2.T @ A1") == ("correct", None)
    assert _verdict(CM, "b2", "dLdZ2 = (A - Y) / N\ndLdb2 = dLdZ2.T @ np.ones((N, 1))") == ("correct", None)
    assert _verdict(CM, "W2", "dLdZ2 = A / N\ndLdW2 = dLdZ2.T @ A1")[0] == "incorrect"


def test_loop_over_listed_steps() -> None:
    """``xs, hs = [x_1, x_2], [h_0, h_1, h_2]`` and ``for t in reversed(range(2)):`` (``[1,
    0]``, ``range(3, 0, -1)``) indexing only those lists were refused (c35-088 … -090, -203):
    the passes one after the other; the tanh slope left out stays missing."""
    loop = ("xs, hs = [x_1, x_2], [h_0, h_1, h_2]\ndW_x = np.zeros_like(W_x)\ndh = h_2 - y\n"
            "for t in reversed(range(2)):\n    dz = dh * (1 - hs[t + 1] ** 2)\n    dW_x += xs[t].T @ dz\n    dh = dz @ W_h.T")
    assert _verdict("rnn", "W_x", loop) == ("correct", None)
    assert _verdict("rnn", "W_x", loop.replace("reversed(range(2))", "[1, 0]")) == ("correct", None)
    assert _verdict("rnn", "W_x", loop.replace("dh * (1 - hs[t + 1] ** 2)", "dh")) == ("incorrect", "missing-activation-derivative")


def test_helpers_callees_first_and_held_tuples() -> None:
    """CS231n's ``affine_relu_backward`` defined above the helpers it calls, and ``cache = (X,
    Z1, A1, A2)`` unpacked later, were refused (c35-010, -014): read in order of need."""
    helpers = ("def affine_relu_backward(dout, cache):\n    fc_cache, relu_cache = cache\n"
               "    da = relu_backward(dout, relu_cache)\n    dx, dw, db = affine_backward(da, fc_cache)\n    return dx, dw, db\n"
               "def affine_backward(dout, cache):\n    x, w, b = cache\n    dx = dout.dot(w.T)\n    dw = x.T.dot(dout)\n"
               "    db = np.sum(dout, axis=0)\n    return dx, dw, db\n"
               "def relu_backward(dout, cache):\n    dx = dout.copy()\n    dx[cache <= 0] = 0\n    return dx\n"
               "dX, dW1, db1 = affine_relu_backward((A2 - Y) @ W2.T / m, ((X, W1, b1), Z1))")
    assert _verdict("mlp-bce", "W1", helpers) == ("correct", None)
    held = "cache = (X, Z1, A1, A2)\nX_, Z1_, A1_, A2_ = cache\ndZ1 = (A2_ - Y) @ W2.T * (Z1_ > 0) / m\ndW1 = X_.T @ dZ1"
    assert _verdict("mlp-bce", "W1", held) == ("correct", None)
    assert _verdict("mlp-bce", "W1", held.replace(" / m", "")) == ("incorrect", "scale-factor")


def test_spellings_sinh_cosh_torch_comparisons_micrograd() -> None:
    """``jnp.sinh(r) / jnp.cosh(r)`` (log-cosh's slope), PyTorch's ``h.gt(0).double()`` and
    micrograd's ``v.grad = 2 * v.data; w.grad += x.data * v.grad`` were refused (c35-184, -062,
    -228): read; ``h.ge(0)`` keeps its relu-at-zero code."""
    lc = "dpred = jnp.sinh(pred - y) / jnp.cosh(pred - y) / X.shape[0]\ndw2 = hid.T @ dpred"
    assert _verdict(LC, "w2", lc) == ("correct", None)
    assert _verdict(LC, "w2", lc.replace(" / jnp.cosh(pred - y)", ""))[0] == "incorrect"
    gt = "grad_h = (2.0 * (y_pred - y)).mm(w2.t()) * h.gt(0).double()\ngrad_w1 = x.t().mm(grad_h)"
    assert _verdict("relu-mlp", "w1", gt) == ("correct", None)
    assert _verdict("relu-mlp", "w1", gt.replace("h.gt(0)", "h.ge(0)")) == ("incorrect", "relu-at-zero")
    mg = "v.grad = 2 * v.data\nw.grad += x.data * v.grad\ndw = w.grad"
    assert _verdict("chain", "w", mg) == ("correct", None)
    assert _verdict("chain", "w", mg.replace("x.data * ", "")) == ("incorrect", "missing-factor")


def test_class_entries_set_to_a_per_row_value_of_any_layout() -> None:
    """CS231n's vectorised SVM sets ``binary[np.arange(N), y] = -row_sum.T`` with ``row_sum`` a
    1-D ``np.sum(binary, axis=1)`` (its ``.T`` is itself): read as a row, transposed once more,
    it was ``missing-transpose`` (c35-133); the per-row value is a column whatever its layout.
    The wrong axis stays wrong."""
    svm = ("margins = np.maximum(0, x - correct_class_scores[:, np.newaxis] + 1.0)\nmargins[np.arange(N), y] = 0\n"
           "binary = margins\nbinary[margins > 0] = 1\nrow_sum = np.sum(binary, axis=1)\n"
           "binary[np.arange(N), y] = -row_sum.T\ndW = np.dot(X.T, binary) / N + 2 * reg * W")
    assert _verdict(SV, "W", svm) == ("correct", None)
    assert _verdict(SV, "W", svm.replace(" + 2 * reg * W", "")) == ("incorrect", "missing-loss-term")
    assert _verdict(SV, "W", svm.replace("axis=1", "axis=0"))[0] == "incorrect"


def test_entry_of_a_1d_vector_updated_in_place() -> None:
    """``dout[0] -= 1`` of ``dout = torch.softmax(out, 0)`` (1-D, read as a row) was read as a
    row block of a one-row matrix ("the slice 1:1 is empty", c35-200): an entry of a 1-D vector
    is a column of its row; the wrong class subtracted is judged (incorrect), not refused."""
    v, _ = _verdict(R1, "W_out", "dout = torch.softmax(out, 0)\ndout[0] -= 1\ndW_out = torch.outer(dout, h3)")
    assert v == "incorrect"
