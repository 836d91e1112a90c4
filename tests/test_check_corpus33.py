"""The held-out-style corpus of issue 11, thirty-third round (tests/corpus33.py): whole student
scripts as they are handed in (Ng's deeplearning.ai backward passes with ``cache``, ``grads["dW" +
str(l)]`` and L2 regularisation, CS231n's layer functions, Karpathy's micrograd/makemore manual
backprop, D2L from scratch, JAX's ``jnp``), twelve lecturer networks no earlier corpus used (GRU and
LSTM steps, makemore's batch norm, min-char-rnn, CMU's BatchNorm1d, RMSNorm, 李宏毅's column-major
self-attention, hinge and focal losses, a weight decay on a norm), LaTeX from lecture notes
(Goodfellow, CS229, 邱锡鹏's δ^{(l)}) with ``\\left( \\right)``, ``\\cdot``/``\\circ``/``\\otimes``
misuse, ``\\text{diag}``, ``\\mathrm{d}``, hand numbers graded against exercise answer keys
(``derive check --answers``) and Chinese answers. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict and,
where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus33.py, bench/RESULTS.md "heldcheck33"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus33  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus33.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c33-007": "Ng's L_model_backward loop `for l in reversed(range(2))` over a list of caches "
    "with an `if l > 0` inside: a loop is read only over a written-out tuple or a row loop",
    "c33-123": "\\mathrm{rowsum}(…) (a made-up row sum) is an unknown name",
    "c33-145": "focal loss: `(1 - p_t) ** gamma` of a [constants] gamma is read exp(γ·log(1 − p_t)), "
    "undefined where the checker's real-valued labels push p_t above 1 — a right answer rejected",
    "c33-197": "batch norm straight through (dhpreact = bngain / std * dhpreact_bn) on makemore's "
    "unbiased std: wrong, code unknown (missing-path expected)",
    # (c33-204, tanh′ taken of h = tanh(·) again, is wrong-activation-derivative since round 33's
    # slips of a derivative taken at the output, ops.CLASSIC_SLIPS tanh_of_out)
    # (c33-251, one of two weight-decay terms written in the loss's single line dropped, is
    # missing-loss-term since round 34's penalties of a one-line loss, diagnose._own_terms_apart)
}
NEWER = ("rnn", "attention", "batchnorm", "softmax-regression")


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and fifteen Chinese cases among them, none repeating corpora
    2–32; 35 % or more on those lecturer networks, 25 graded against an exercise answer key."""
    corpus_common.assert_new_and_mixed(corpus33, CASES, KNOWN, least=200, course=10, zh=15)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert sum("answers" in c["opts"] for c in CASES) >= 25


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus33 = corpus_common.corpus_tests(
    corpus33, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


COURSE = Path(__file__).resolve().parent / "specs_course"
NG = str(COURSE / "ng_c2_l2_nansum.toml")
HG = str(COURSE / "hinge.toml")
MB = str(COURSE / "makemore_bn.toml")


def test_network_tensors_unpacked_from_a_cache() -> None:
    """Ng's ``(Z1, A1, W1, b1, …) = cache`` (the forward pass's cache unpacked at the top of a
    backward function) was a syntax error (c33-003, c33-019–028): the network's own tensors
    from a container the cell never assigned are a line that computes nothing. CS231n's layer
    helpers that unpack their cache argument (``x, w, b = cache``) were "the helper is not
    read" (c33-040, -112, -119, -125): each name is that item of the tuple the call passes.
    Wrong answers stay wrong; names that are not the network's are not dropped."""
    head = "(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\nm = X.shape[1]\ndZ3 = A3 - Y\n"
    assert _verdict(NG, "W3", head + "dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd * W3) / m") == ("correct", None)
    assert _verdict(NG, "W3", head + "dW3 = 1. / m * np.dot(dZ3, A2.T)") == ("incorrect", "missing-loss-term")
    assert _verdict("mlp-bce", "b2", "(Z1, A1, W1, b1, Z2, A2, W2, b2) = cache\ndb2 = np.sum(A2 - Y, axis=0, keepdims=True) / m") == ("correct", None)
    helper = ("def affine_backward(dout, cache):\n    x, w, b = cache\n    dw = x.T.dot(dout)\n    db = np.sum(dout, axis=0)\n"
              "    return dw, db\ndW, db = affine_backward((P - Y) / m, (X, W, b))")
    assert _verdict("softmax-regression", "W", helper) == ("correct", None)
    assert _verdict("softmax-regression", "W", helper.replace("(X, W, b))", "(W, X, b))"))[0] == "incorrect"
    rnn = ("def step_backward(dnext_h, cache):\n    prev_h, next_h = cache\n    dtanh = dnext_h * (1 - next_h ** 2)\n"
           "    return prev_h.T.dot(dtanh)\ndW_h = step_backward(h_2 - y, (h_1, h_2))")
    assert _verdict("rnn", "W_h", rnn) == ("incorrect", "missing-path")


def test_hadamard_with_a_diag_matrix_is_a_shape_mistake() -> None:
    """``u ⊙ \\text{diag}(v)`` mixes the row scaled by a matrix product ``u diag(v)`` with the
    element-wise ``u ⊙ v``: ⊙ needs factors of one shape and diag(v) is k × k. It was accepted as
    the scaled row (c33-075, a wrong answer accepted); now a shape mistake, in either order and
    language, while ``u \\,\\text{diag}(v)`` and ``u ⊙ v`` stay right."""
    head = "X^{\\top} \\left( \\left( y_{pred} - y_{target} \\right) W_2^{\\top} "
    for mid in ("\\odot \\text{diag}(h \\odot (1 - h))", "\\circ \\mathrm{diag}(h \\odot (1 - h))"):
        assert _verdict("tiny-mlp", "W1", head + mid + " \\right)", latex=True) == ("incorrect", "shape-mismatch")
    left = "X^{\\top} \\left( \\mathrm{diag}(h \\odot (1 - h)) \\odot \\left( y_{pred} - y_{target} \\right) W_2^{\\top} \\right)"
    assert _verdict("tiny-mlp", "W1", left, latex=True, lang="zh") == ("incorrect", "shape-mismatch")
    assert _verdict("tiny-mlp", "W1", head + "\\text{diag}(h \\odot (1 - h)) \\right)", latex=True) == ("correct", None)
    assert _verdict("tiny-mlp", "W1", head + "\\odot h \\odot (1 - h) \\right)", latex=True) == ("correct", None)


def test_labels_that_pick_a_score_are_one_hot_when_given_so() -> None:
    """CS231n's multiclass SVM ``correct = sum(S * Y, axis=1)``, ``relu(S - correct + 1) * (1 -
    Y)`` with one-hot given labels: the vectorised gradient ``binary - Y * binary.sum(1)`` holds
    at one-hot labels and was "unknown" at random real ones (c33-130, -136, -144, right answers
    rejected). Such labels — summed against the scores, never in a matrix product or under a
    function — are one-hot now, as a cross-entropy's implied targets are; the slips keep their
    codes."""
    dS = "dS = (margins > 0) * 1.0\ndS = dS - Y * dS.sum(axis=1, keepdims=True)\n"
    assert _verdict(HG, "W", dS + "dW = X.T @ dS / N") == ("correct", None)
    assert _verdict(HG, "W", dS + "dW = X.T @ dS") == ("incorrect", "scale-factor")
    assert _verdict(HG, "W", "dS = (margins > 0) * 1.0\ndW = X.T @ dS / N") == ("incorrect", "missing-path")
    assert _verdict(HG, "W", dS.replace("dS - Y", "dS + Y") + "dW = X.T @ dS / N")[0] == "incorrect"


def test_a_comment_is_one_line_whatever_it_holds() -> None:
    """A comment with a ``;`` (micrograd's ``# o.grad = 1; z.grad = o.data * …``, c33-086) was
    split at the ``;`` and its second half read as code; a Chinese comment with a connective
    (``# …，所以按 axis=0 求和``, c33-249) was split at ``，所以`` into a line of code. Both are
    whole comments now; the code after them is judged as before."""
    code = "o_grad = O - t\nz_grad = O * (1 - O) * o_grad\nw_grad = z_grad * x"
    assert _verdict("neuron", "w", "# micrograd: o.grad = 1; z.grad = o.data * (1 - o.data) * o.grad\n" + code) == ("correct", None)
    assert _verdict("neuron", "w", "# o.grad = 1; z.grad = o.data\n" + code.replace("O * (1 - O)", "(1 - O ** 2)"))[0] == "incorrect"
    zh = "# 先求输出层的误差，所以按 axis=0 求和\ndZ2 = A2 - Y\n"
    assert _verdict("mlp-bce", "b2", zh + "db2 = np.sum(dZ2, axis=0, keepdims=True) / m", lang="zh") == ("correct", None)
    assert _verdict("mlp-bce", "b2", zh + "db2 = np.sum(dZ2, axis=0, keepdims=True)", lang="zh") == ("incorrect", "scale-factor")


def test_pytorch_std_method_is_the_unbiased_one() -> None:
    """Karpathy's makemore batch norm ``bnraw = (hpreact - hpreact.mean(0, keepdim=True)) /
    hpreact.std(0, keepdim=True)`` was "the function .std is not supported" (c33-190, -195–197).
    PyTorch's method is the unbiased n − 1 one (``unbiased=False`` the biased), NumPy's
    ``x.std(axis=0)`` the biased one: written out as np.std(…, ddof=…) is; ``x.std(0)``, which no
    keyword ties to a library, stays refused."""
    head = "dlogits = F.softmax(logits, 1)\ndlogits -= Yb\ndlogits /= n\ndhpreact_bn = (1.0 - h**2) * (dlogits @ W2.T)\n"
    raw = "bnraw = (hpreact - hpreact.mean(0, keepdim=True)) / hpreact.std({})\ndbngain = (bnraw * dhpreact_bn).sum(0, keepdim=True)"
    assert _verdict(MB, "bngain", head + raw.format("0, keepdim=True")) == ("correct", None)
    assert _verdict(MB, "bngain", head + raw.format("dim=0, keepdim=True, unbiased=True")) == ("correct", None)
    assert _verdict(MB, "bngain", head + raw.format("0, keepdim=True, unbiased=False"))[0] == "incorrect"
    assert _verdict(MB, "bngain", head + raw.format("axis=0, keepdims=True"))[0] == "incorrect"
    assert _verdict(MB, "bngain", head + raw.format("axis=0, keepdims=True, ddof=1")) == ("correct", None)
    import pytest

    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError):
        _verdict(MB, "bngain", head + raw.format("0"))


ND = str(COURSE / "norm_sq_decay.toml")


def test_a_norm_written_with_double_bars() -> None:
    """``\\lVert W \\rVert_2``, ``\\|W\\|``, ``\\left\\| W \\right\\|`` (a weight decay on the norm,
    c33-255–257) were "unknown command": now the Euclidean norm √(Σ W²), as
    ``np.linalg.norm(W)``; the squared norm in its place stays wrong."""
    head = "\\nabla_W J = \\frac{1}{N} x^{\\top}(xW - y) + 0.2\\, W + "
    for norm in ("\\lVert W \\rVert_2", "\\|W\\|", "\\left\\| W \\right\\|", "\\Vert W \\Vert_{F}"):
        assert _verdict(ND, "W", head + f"0.01 \\frac{{W}}{{{norm}}}", latex=True) == ("correct", None), norm
    assert _verdict(ND, "W", head + "0.01 \\frac{W}{\\lVert W \\rVert_2^2}", latex=True)[0] == "incorrect"
    assert _verdict(ND, "W", head + "0.01 \\frac{W}{\\|W\\|^2}", latex=True)[0] == "incorrect"


def test_the_size_of_a_step_of_the_answer() -> None:
    """D2L's ``y_hat = softmax(X @ W + b)`` then ``/ len(y_hat)``, CS231n's ``N = dout.shape[0]``
    of a step ``dout``: "y_hat is not a tensor of this network" (c33-047/-048/-126). The size of
    an axis of an earlier step is its size name (m), so the answer holds at every size."""
    d2l = "y_hat = softmax(X @ W + b)\ngrad_W = X.T @ ({}) / len(y_hat)"
    assert _verdict("softmax-regression", "W", d2l.format("y_hat - Y")) == ("correct", None)
    assert _verdict("softmax-regression", "W", d2l.format("Y - y_hat")) == ("incorrect", "sign")
    assert _verdict("softmax-regression", "W", "dZ = P - Y\ngrad_W = X.T @ dZ / dZ.shape[1]")[0] == "incorrect"
    assert _verdict("softmax-regression", "W", "dZ = P - Y\ngrad_W = X.T @ dZ / dZ.shape[0]") == ("correct", None)


def test_grade_jsonl_batch_of_corpus33_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 33's rows graded without a key (every
    ninth case, course networks by their spec path, the unreadable ones): each row gets the
    verdict and first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if not c["opts"] and c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 9 == 0]
    picked += [c for c in plain if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_mixing_scripts_variants_latex_and_bad_rows(tmp_path: Path) -> None:
    """A class's CSV as a course exports it, graded with ``--lang zh``: whole scripts (Ng's
    unpacked cache on his L2 network, CS231n's SVM, Karpathy's makemore batch norm, micrograd with
    a ``;`` in a comment, an LSTM step with a Chinese comment), a variant's right number and the
    base network's number given for it, a LaTeX ⊙ diag(…) slip, an unknown network, an
    unreadable formula and an empty one: each row its own verdict and code, Chinese messages on
    the bad rows, the summary counting them. Hand numbers: mlp-bce variant 4 (seed 2026),
    ∂L/∂W2[0,0] = −0.155870 in PyTorch float64 (the base network's −0.176283)."""
    import csv
    import json
    import os
    import subprocess

    ng = "(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\nm = X.shape[1]\ndZ3 = A3 - Y\ndW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd * W3) / m"
    svm = "binary = (margins > 0).astype(float)\nbinary -= Y * binary.sum(axis=1, keepdims=True)\ndW = X.T.dot(binary){}"
    mb = ("dlogits = F.softmax(logits, 1)\ndlogits -= Yb\ndlogits /= n\ndhpreact_bn = (1.0 - h**2) * (dlogits @ W2.T)\n"
          "bnraw = (hpreact - hpreact.mean(0, keepdim=True)) / hpreact.std(0, keepdim=True)\ndbngain = (bnraw * dhpreact_bn).sum(0, keepdim=True)")
    micro = "# o.grad = 1; z.grad = o.data * (1 - o.data) * o.grad\no_grad = O - t\nz_grad = O * (1 - O) * o_grad\nw_grad = z_grad * x"
    lstm = ("# 遗忘门：c_t = f_t * c_prev + …，所以乘 c_prev\ndh = h_t - y\ndc = dh * o_t * (1 - np.tanh(c_t) ** 2)\n"
            "dW_f = x_t.T @ (dc * c_prev * f_t * (1 - f_t))")
    diag = "X^{\\top} \\left( (y_{pred} - y_{target}) W_2^{\\top} \\odot \\text{diag}(h \\odot (1 - h)) \\right)"
    spec = str(COURSE / "{}.toml")
    rows = [
        ("s01", spec.format("ng_c2_l2_nansum"), "W3", "numpy", ng, "", "", ""),
        ("s02", HG, "W", "numpy", svm.format(" / N"), "", "", ""),
        ("s03", HG, "W", "numpy", svm.format(""), "", "", ""),
        ("s04", "mlp-bce", "W2[0,0]", "value", "", "-0.1559", "4", "2026"),
        ("s05", "mlp-bce", "W2[0,0]", "value", "", "-0.1763", "4", "2026"),
        ("s06", "tiny-mlp", "W1", "latex", diag, "", "", ""),
        ("s07", MB, "bngain", "numpy", mb, "", "", ""),
        ("s08", "hinge2", "W", "numpy", "dW = X.T @ dS / N", "", "", ""),
        ("s09", spec.format("rmsnorm"), "weight", "numpy", "dweight = (dout * normed).sum(0", "", "", ""),
        ("s10", "neuron", "w", "numpy", micro, "", "", ""),
        ("s11", spec.format("lstm_step"), "W_f", "numpy", lstm, "", "", ""),
        ("s12", "softmax-regression", "W", "numpy", "", "", "", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula", "value", "variant", "seed"])
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
    want = {"s01": "correct", "s02": "correct", "s03": "incorrect", "s04": "correct",
            "s05": "incorrect", "s06": "incorrect", "s07": "correct", "s08": "error",
            "s09": "unreadable", "s10": "correct", "s11": "correct", "s12": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    assert got["s03"]["codes"][0] == "scale-factor"
    assert got["s06"]["codes"][0] == "shape-mismatch"
    for k in ("s08", "s09", "s12"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus33.chinese_only(got[k]["message"]), got[k]["message"]
    assert "4" in got["s04"]["variant"] and "2026" in got["s04"]["variant"]
    assert out["summary"]["submissions"] == 12
    assert out["summary"]["verdicts"] == {"correct": 6, "error": 2, "incorrect": 3, "unreadable": 1}


def test_ng_keys_built_from_the_layer_number() -> None:
    """Ng's ``grads["dW" + str(L)] = …`` with ``L = 2`` (``str(L - 1)``, ``f"dW{l}"``, a literal
    ``str(3)``) was a syntax error (c33-006, c33-029): the key is written out, ``dW2``, and the
    number assigned only for the keys left out (on mlp-bce ``L`` is also the loss's name)."""
    ng = ("grads = {}\nL = 2\ndZ = A2 - Y\ngrads[\"dW\" + str(L)] = np.dot(A1.T, dZ) / m\ndZ = np.dot(dZ, W2.T) * (Z1 > 0)\n"
          "grads[\"dW\" + str(L - 1)] = np.dot(X.T, dZ)@@\ndW1 = grads[\"dW1\"]")
    assert _verdict("mlp-bce", "W1", ng.replace("@@", " / m")) == ("correct", None)
    assert _verdict("mlp-bce", "W1", ng.replace("@@", "")) == ("incorrect", "scale-factor")
    fs = "grads = {}\nl = 1\ngrads[f\"dW{l + 1}\"] = A1.T @ (A2 - Y)@@\ndW2 = grads[\"dW2\"]"
    assert _verdict("mlp-bce", "W2", fs.replace("@@", " / m")) == ("correct", None)
    assert _verdict("mlp-bce", "W2", fs.replace("@@", ""))[0] == "incorrect"
    lit = "grads = {}\ndZ3 = A3 - Y\ngrads[\"dW\" + str(3)] = np.dot(dZ3, A2.T) / m + lambd / m * W3\ndW3 = grads[\"dW3\"]"
    assert _verdict(NG, "W3", lit) == ("correct", None)
    assert _verdict(NG, "W3", lit.replace(" + lambd / m * W3", "")) == ("incorrect", "missing-loss-term")
