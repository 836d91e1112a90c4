"""The held-out-style corpus of issue 11, thirty-fourth round (tests/corpus34.py): CODE answers
as they are handed in to autograders — whole functions with docstrings, type hints, asserts,
``### START CODE HERE ###`` markers, prints, reassigned names, in-place updates, per-example
loops, ``zip`` over layers, list comprehensions, every spelling of the matrix product in NumPy,
PyTorch, JAX and TensorFlow — and students' real mistakes, on the built-ins and sixteen lecturer
networks no earlier corpus used. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus34.py, bench/RESULTS.md "heldcheck34"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus34  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus34.load()
_EX4 = (
    "Ng's ex4 unrolled network (hn32_ng_ex4_unrolled_np_r_regularised): derive/lang sizes "
    "np.r_[Theta1[:, 1:].ravel(), Theta2[:, 1:].ravel()] as 2*h + 3*n (h·n and K·h written with the "
    "example's h = 3, K = 2), so the network at the checker's other sizes is no network — its "
    "forward pass and gradients there (central differences alike) are wrong, and a right answer "
    "is 'right at the example's sizes only'"
)
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c34-140": "(1 - a) ** 2 for tanh′ where the spec's tanh takes an expression inline "
    "(np.tanh(np.dot(Waa, a0) + …)): the slips are tried for an activation of a named node only",
    "c34-148": "a one-entry answer reshaped, .mean().reshape(1): only .reshape(-1) is read as flattening",
    "c34-163": "a slice bound named by a number assigned in the cell (random_index = 0; X_b[random_index:"
    "random_index+1]) is refused: not a [dims] name",
    "c34-226": "code unknown where wrong-layer is expected: " + _EX4,
    "c34-243": "a per-coordinate loop filling grad_w[j] (for j in range(len(w))) is not read",
    "c34-259": "a loop scattering rows, dW[xenc[i].argmax()] += …, is not read",
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–33;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus34, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


def test_grade_jsonl_batch_of_corpus34_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 34's rows (every eighth case, the Chinese
    ones, the unreadable ones; course networks by their spec path): each row gets the verdict and
    first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 8 == 0]
    picked += [c for c in plain if (c["verdict"] == "unreadable" or c["lang"] == "zh") and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_whole_answers_in_chinese(tmp_path: Path) -> None:
    """A class's CSV of whole autograder answers, graded with ``--lang zh``: a typed function with
    its docstring, ``### START CODE HERE ###`` and asserts; a per-example loop; a ``zip`` over the
    layers; a buffer summed in place (scikit-learn's order); 邱锡鹏's column-major bias left
    unsummed; a Chinese-commented Géron gradient without the 2; a ``YOUR CODE HERE`` left as
    ``...``; an unknown network; an empty formula — each row its own verdict and code, Chinese
    messages on the bad rows, the summary counting them."""
    import csv
    import json
    import os
    import subprocess

    whole = [c for c in CASES if c["style"] == "autograder-whole-W1"][0]["text"]
    loop = ("dW1 = np.zeros_like(W1)\nfor i in range(m):\n    dz1 = (A2[i:i+1] - Y[i:i+1]) @ W2.T * (Z1[i:i+1] > 0)\n"
            "    dW1 += X[i:i+1].T @ dz1\ndW1 /= m")
    zipped = ("dZ2 = A2 - Y\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ngrads = {}\n"
              "for name, a, d in zip(['dW1', 'dW2'], [X, A1], [dZ1, dZ2]):\n    grads[name] = a.T @ d / m\ndW2 = grads['dW2']")
    sk = "# 先加 alpha * W2 再除以 n\nc = hidden.T @ (y_pred - y)\nc += alpha * W2\nc /= n\ndW2 = c"
    qx = "# 偏置的梯度\ndelta2 = (A2 - Y) * A2 * (1 - A2)\ndb2 = delta2"
    ge = "# 均方误差的梯度（忘了乘 2）\ngradients = 1 / m * X_b.T.dot(X_b.dot(theta) - y)"
    spec = str(COURSE / "{}.toml")
    rows = [
        ("z01", "mlp-bce", "W1", "numpy", whole),
        ("z02", "mlp-bce", "W1", "numpy", loop),
        ("z03", "mlp-bce", "W2", "numpy", zipped),
        ("z04", SK, "W2", "numpy", sk),
        ("z05", QX, "b2", "numpy", qx),
        ("z06", GE, "theta", "numpy", ge),
        ("z07", "mlp-bce", "W1", "numpy", "dW1 = ...  # YOUR CODE HERE"),
        ("z08", spec.format("no_such_network"), "W", "numpy", "dW = X.T @ dZ"),
        ("z09", "softmax-regression", "W", "numpy", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula"])
        w.writerows(rows)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "derive", "grade", str(sub), "-o", str(report), "--jobs", "1",
         "--quiet", "--lang", "zh"],
        capture_output=True, text=True, env=env, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(report.read_text(encoding="utf-8"))
    got = {r["id"]: r for r in out["results"]}
    want = {"z01": "correct", "z02": "correct", "z03": "correct", "z04": "correct",
            "z05": "incorrect", "z06": "incorrect", "z07": "unreadable", "z08": "error",
            "z09": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    assert got["z05"]["codes"][0] == "bias-not-summed"
    assert got["z06"]["codes"][0] == "scale-factor"
    for k in ("z05", "z06"):
        assert corpus34.chinese_only(got[k]["message"]), got[k]["message"]
    for k in ("z07", "z08", "z09"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus34.chinese_only(got[k]["message"]), got[k]["message"]
    assert out["summary"]["submissions"] == 9
    assert out["summary"]["verdicts"] == {"correct": 4, "error": 2, "incorrect": 2, "unreadable": 1}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus34 = corpus_common.corpus_tests(
    corpus34, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


COURSE = Path(__file__).resolve().parent / "specs_course"
SK = str(COURSE / "hn30_sklearn_mlp_regressor_ravel.toml")
GE = str(COURSE / "hn32_geron_np_c_bias_column_mse.toml")
QX = str(COURSE / "hn31_qiu_xor_sigmoid_sse_colmajor_cn.toml")
BG = str(COURSE / "makemore_bigram.toml")
PG = str(COURSE / "hn32_jax_poisson_glm_full_nll_gammaln.toml")


def test_in_place_sum_of_a_buffer_is_no_update_rule() -> None:
    """``g += 2 * (w * x + b)`` and scikit-learn's ``coef_grad += alpha * W2`` on a buffer that
    is no tensor of the network were read as a gradient-ascent step ``dg = -(…)`` (the number
    or ``alpha`` taken for a learning rate): right answers rejected (c34-081, c34-186). A step
    on the network's own parameter stays an update rule."""
    assert _verdict("chain", "w", "grad = 0.0\ngrad += 2 * (w * x + b)\ngrad *= x\ndw = grad") == ("correct", None)
    assert _verdict("chain", "w", "g = 0\ng = g + 2 * (w * x + b)\ndw = g * x") == ("correct", None)
    assert _verdict("chain", "w", "g = 0\ng += 3 * (w * x + b)\ndw = g * x")[0] == "incorrect"
    sk = "c = hidden.T @ (y_pred - y)\nc += alpha * W2\nc /= n\ndW2 = c"
    assert _verdict(SK, "W2", sk) == ("correct", None)
    assert _verdict(SK, "W2", sk.replace("c /= n\n", ""))[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "W2 -= lr * A1.T @ (A2 - Y) / m") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "W2 = W2 + 0.1 * A1.T @ (Y - A2) / m") == ("correct", None)


def test_per_example_loop_accumulating_a_buffer() -> None:
    """``for i in range(m):`` naming an example's rows and adding one term a pass to a buffer
    (``dW1 += x_i.T @ dz1``, ``np.outer``, a bias's ``db += (A2[i] - Y[i]) / m``) was refused
    ("a for loop is read only over a written-out tuple": 9 corpus-34 cases): the sum over the
    rows is read; wrong ones stay wrong (1/m left out, the outer product swapped, a matrix's
    column used whole per example refused, never ✓)."""
    loop = (
        "dW1 = np.zeros_like(W1)\nfor i in range(m):\n    x_i = X[i:i+1]\n    dz2 = A2[i:i+1] - Y[i:i+1]\n"
        "    dz1 = dz2 @ W2.T * (Z1[i:i+1] > 0)\n    print(i)\n    dW1 += x_i.T @ dz1\n"
    )
    assert _verdict("mlp-bce", "W1", loop + "dW1 /= m") == ("correct", None)
    assert _verdict("mlp-bce", "W1", loop) == ("incorrect", "scale-factor")
    assert _verdict("mlp-bce", "W2", "dW2 = np.zeros((2, 1))\nfor i in range(m):\n    dW2 += np.outer(A1[i], A2[i] - Y[i]) / m") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "db2 = 0\nfor i in range(m):\n    db2 = db2 + (A2[i] - Y[i]) / m") == ("correct", None)
    swapped = "dW = np.zeros_like(W)\nfor i in range(m):\n    dW += np.outer(P[i] - Y[i], X[i])\ndW /= m"
    assert _verdict("softmax-regression", "W", swapped)[0] == "incorrect"
    geron = "g = np.zeros_like(theta)\nfor i in range(m):\n    xi = X_b[i:i+1]\n    g += 2 * xi.T.dot(xi.dot(theta) - y[i:i+1])\ng /= m"
    assert _verdict(GE, "theta", geron) == ("correct", None)
    assert _verdict(GE, "theta", geron.replace("2 * xi", "xi"))[0] == "incorrect"
    from derive.checker.check import FormulaError

    whole = "dW1 = np.zeros_like(W1)\nfor i in range(m):\n    dW1 += X[i:i+1].T @ ((A2[i:i+1] - Y[i:i+1]) @ W2.T * (Z1 > 0))\ndW1 /= m"
    try:
        v = _verdict("mlp-bce", "W1", whole)[0]
    except FormulaError:
        v = "unreadable"
    assert v != "correct"


def test_zip_comprehension_and_del_in_a_cell() -> None:
    """``for name, a, d in zip([…], [X, A1], [dZ1, dZ2]):`` over written-out lists, ``dW1, dW2 =
    [a.T @ d / m for a, d in ((X, dZ1), (A1, dZ2))]`` and a ``del dZ2`` line were refused
    (c34-044, -046, -047, -048): read as the loop over the tuple of items, the tuple of the
    comprehension's items, a line computing nothing."""
    head = "dZ2 = A2 - Y\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\n"
    zipped = head + "grads = {}\nfor name, a, d in zip(['dW1', 'dW2'], [X, A1], [dZ1, dZ2]):\n    grads[name] = a.T @ d / m\ndW1 = grads['dW1']"
    assert _verdict("mlp-bce", "W1", zipped) == ("correct", None)
    comp = head + "dW1, dW2 = [a.T @ d / m for a, d in ((X, dZ1), (A1, dZ2))]"
    assert _verdict("mlp-bce", "W2", comp) == ("correct", None)
    assert _verdict("mlp-bce", "W1", comp.replace(" / m for", " for")) == ("incorrect", "scale-factor")
    assert _verdict("mlp-bce", "W1", head + "del dZ2\ndW1 = X.T @ dZ1 / m") == ("correct", None)


def test_complex_argument_is_undefined_not_a_crash() -> None:
    """A student's ``digamma(counts + 1)`` on the Poisson GLM made the checker compare a complex
    number (TypeError: a crash, c34-274): an op's complex argument is undefined there."""
    v, _ = _verdict(PG, "beta0", "grad_beta0 = jnp.mean(jnp.exp(eta) - counts + jax.scipy.special.digamma(counts + 1))")
    assert v == "incorrect"


def test_class_entries_of_one_of_two_one_hot_tensors() -> None:
    """makemore's bigram declares its inputs ``xenc`` and targets ``yenc`` one-hot:
    ``dlogits[torch.arange(n), yenc.argmax(1)] -= 1`` was refused (two one-hot tensors,
    c34-257); the labels' own tensor is the target. The inputs' labels stay wrong."""
    right = "dlogits = probs.clone()\ndlogits[torch.arange(n), yenc.argmax(1)] -= 1\ndlogits /= n\ndW = xenc.T @ dlogits + 0.02 * W / V ** 2"
    assert _verdict(BG, "W", right) == ("correct", None)
    assert _verdict(BG, "W", right.replace("yenc.argmax", "xenc.argmax"))[0] == "incorrect"


def test_column_bias_not_summed() -> None:
    """A column-major network's bias gradient left unsummed over the examples' columns
    (邱锡鹏's XOR ``db2 = delta2``, Ng's ``db2 = (A2 - Y) / m``) was "shape-mismatch" (c34-170):
    ``bias-not-summed``, as a row-major bias's."""
    assert _verdict(QX, "b2", "delta2 = (A2 - Y) * A2 * (1 - A2)\ndb2 = delta2") == ("incorrect", "bias-not-summed")
    assert _verdict(QX, "b2", "delta2 = (A2 - Y) * A2 * (1 - A2)\ndb2 = np.sum(delta2, axis=1, keepdims=True)") == ("correct", None)


def test_tanh_slope_squared_whole() -> None:
    """``(1 - h) ** 2`` for tanh′ = ``1 - h ** 2`` (the power put on the difference) was
    "unknown" (c34-101): ``wrong-activation-derivative`` naming it, in both languages; the
    right slope stays right."""
    from derive.checker.check import check

    wrong = "dz2 = (h_2 - y) * (1 - h_2) ** 2\ndz1 = dz2 @ W_h.T * (1 - h_1) ** 2\ndW_h = h_1.T @ dz2 + h_0.T @ dz1"
    r = check("rnn", "W_h", wrong)
    assert (r.verdict, r.code) == ("incorrect", "wrong-activation-derivative")
    assert "(1 - h_2) ** 2" in r.text()
    assert "乘方先算" in check("rnn", "W_h", wrong, lang="zh").text()
    right = wrong.replace("(1 - h_2) ** 2", "(1 - h_2 ** 2)").replace("(1 - h_1) ** 2", "(1 - h_1 ** 2)")
    assert _verdict("rnn", "W_h", right) == ("correct", None)
