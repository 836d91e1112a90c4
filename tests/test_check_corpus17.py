"""The held-out-style corpus of issue 11, seventeenth round (tests/corpus17.py): exam leads before
the formula (``\\because … \\therefore``, ``By the chain rule,``, ``由链式法则得``, ``根据链式法则，``),
the differential form ``dL = \\operatorname{tr}(G^{\\top} dW)``, NumPy's 1-D slices (whose ``.T``
does nothing), CS231n's in-place mask, column-major course code with ``X.shape[1]``, hand numbers
as printed by NumPy or in LaTeX notation, and the classic mistakes. The verdicts of the built-in
matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from the
spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus17.py, bench/RESULTS.md "heldcheck16"."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus17  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus17.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    # (c17-042, a 3-D broadcast A1[:, :, None] * dZ[:, None, :] averaged over axis 0, is read as
    # A1.T @ dZ / m since branch checkgaps8: tests/test_check_leftovers8.py)
}


def test_corpus_is_new_weighted_and_mixed() -> None:
    corpus_common.assert_networks_weighted(CASES, 25)
    assert 120 <= len(CASES) <= 200
    right = sum(c["verdict"] == "correct" for c in CASES)
    assert 0.4 * len(CASES) <= right <= 0.65 * len(CASES)
    assert sum(c["verdict"] == "unreadable" for c in CASES) >= 5
    assert sum(c["lang"] == "zh" for c in CASES) >= 8
    assert len({c["id"] for c in CASES}) == len(CASES)
    earlier = corpus_common.ORDER[: corpus_common.ORDER.index("corpus17")]  # not ORDER[:-1]: corpora come after
    assert not corpus_common.repeats(CASES, [c for m in earlier for c in __import__(m).load()])


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus17 = corpus_common.corpus_tests(
    corpus17, CASES, KNOWN
)


# ---- derive grade on a batch of corpus 17's rows ------------------------------------------------


def test_grade_batch_of_corpus17_rows(tmp_path: Path) -> None:
    """``derive grade`` on a CSV of corpus 17's code, LaTeX and hand-number rows (every tenth
    case, the unreadable ones included): each row gets the verdict and first code the corpus
    states (an unreadable row an error of its own), and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 10 == 0 and c["id"] not in KNOWN and not c["opts"]]
    rows = []
    for c in picked:
        row = {"id": c["id"], "network": c["net"], "wrt": c["wrt"], "kind": c["kind"], "formula": "", "value": ""}
        row["value" if c["kind"] == "value" else "formula"] = c["text"]
        rows.append(row)
    sub = tmp_path / "answers.csv"
    with sub.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "network", "wrt", "kind", "formula", "value"])
        w.writeheader()
        w.writerows(rows)
    results = {r["id"]: r for r in corpus_common.graded(sub, tmp_path / "report.json")["results"]}
    assert len(results) == len(rows)
    for c in picked:
        got = results[c["id"]]
        want = "error" if c["verdict"] == "unreadable" else c["verdict"]
        assert got["verdict"] == want, (c["id"], got)
        if c["code"] not in (None, "*"):
            assert got["codes"][0] == c["code"], (c["id"], got)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_the_transpose_of_a_1d_slice_does_nothing() -> None:
    """NumPy's ``X[0]`` of a 1 × n tensor is 1-D and its ``.T`` is the same array, so ``X[0].T *
    delta`` is an element-wise product, not the outer product (it was ✓ correct: the slice
    was read as the row and its ``.T`` as a column); ``np.outer(X[0], delta)``, ``X[0][:, None]
    * delta`` and ``X.T @ …`` stay right; a slice's ``.T`` in an entry's dot product is harmless."""
    from derive.checker.check import check

    d = "delta = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\n"
    r = check("tiny-mlp", "W1", d + "dW1 = X[0].T * delta")
    assert (r.verdict, r.code) == ("incorrect", "shape-mismatch")
    assert check("tiny-mlp", "W1", d + "dW1 = np.transpose(X[0]) * delta").code == "shape-mismatch"
    assert check("tiny-mlp", "W1", d + "dW1 = np.outer(X[0], delta)").ok
    assert check("tiny-mlp", "W1", d + "dW1 = X[0][:, None] * delta").ok
    assert check("tiny-mlp", "W1", "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))").ok
    assert check("mlp-bce", "W2[0,0]", "A1[:, 0].T @ (A2[:, 0] - Y[:, 0]) / m").ok


def test_rows_of_a_batch_matrix_are_1d_rows() -> None:
    """``X[0]`` of an m × n matrix is its first row (1-D, broadcast as a row), as NumPy reads it
    (it was unreadable: "'Subscript' is not allowed"): per-example outer products summed by hand
    over the example's batch of 2 are not the gradient at another batch size, and an
    element-wise product of two rows has the wrong shape."""
    from derive.checker.check import check

    d = "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\n"
    r = check("mlp-bce", "W1", d + "dW1 = (X[0].T * dZ1[0] + X[1].T * dZ1[1]) / m")
    assert (r.verdict, r.code) == ("incorrect", "shape-mismatch")
    r = check("mlp-bce", "W1", d + "dW1 = (np.outer(X[0], dZ1[0]) + np.outer(X[1], dZ1[1])) / m")
    assert r.verdict == "incorrect"
    assert check("neuron", "w", "dw = (O - t)[0] * O[0] * (1 - O[0]) * x[0].T").ok


def test_dot_product_of_slices_in_an_entry_formula() -> None:
    """One entry's gradient written as NumPy's dot product of two 1-D slices, ``A1[:, 1] @
    (A2[:, 0] - Y[:, 0]) / m`` (it was unreadable: slices were read inside np.sum only): the sum
    of the products, with the wrong column, a missing 1/m or factor 2 still found."""
    from derive.checker.check import check

    assert check("mlp-bce", "W2[1,0]", "(A2[:, 0] - Y[:, 0]) @ A1[:, 1] / m").ok
    assert check("mlp-bce", "W2[1,0]", "(A2[:, 0] - Y[:, 0]) @ A1[:, 0] / m").code == "wrong-entry"
    assert check("relu-mlp", "w2[1,0]", "h_relu[:, 1] @ (y_pred[:, 0] - y[:, 0])").code == "scale-factor"
    assert check("softmax-regression", "W[1,2]", "X[:, 1] @ (P[:, 2] - Y[:, 2]) / m").ok


def test_exam_leads_are_left_out() -> None:
    """The words and symbols an exam answer starts with — ``\\because … \\therefore``,
    ``\\Rightarrow``, ``By the chain rule,``, ``Hence``, ``由链式法则得``, ``根据链式法则，``, ``即``
    — are not part of the formula (they were unreadable: "unknown command '\\because'", a
    syntax error); ``\\because δ = …`` is a definition the answer uses, so a wrong one is found."""
    from derive.checker.check import check

    because = r"\because \delta^{[2]} = A^{[2]} - Y, \therefore \frac{\partial L}{\partial W^{[2]}} = "
    assert check("mlp-bce", "W2", because + r"\frac{1}{m} A^{[1]\top}\delta^{[2]}", latex=True).ok
    assert check("mlp-bce", "W2", because + r"A^{[1]\top}\delta^{[2]}", latex=True).code == "scale-factor"
    wrong = because.replace("A^{[2]} - Y", "Y - A^{[2]}")
    assert check("mlp-bce", "W2", wrong + r"\frac{1}{m} A^{[1]\top}\delta^{[2]}", latex=True).code == "sign"
    assert check("softmax-regression", "W", r"\Rightarrow \nabla_{W} L = X^\mathsf{T}(P - Y)/m", latex=True).ok
    assert check("mlp-bce", "W2", "By the chain rule, dW2 = A1.T @ (A2 - Y) / m").ok
    assert check("chain", "w", "Hence ∂L/∂w = 2·v·x").ok
    assert check("chain", "w", r"由链式法则得 $\frac{\partial L}{\partial w} = 2vx$", latex=True).ok
    zh = r"根据链式法则，\frac{\partial L}{\partial W} = X^\top (P - Y)"
    assert check("softmax-regression", "W", zh, latex=True, lang="zh").code == "scale-factor"
    assert check("chain", "b", "即 ∂L/∂b = 2v", lang="zh").ok
    # the symbols as typed, ∵ … ∴ …, and leads one after another
    sym = r"∵ \delta^{[2]} = A^{[2]} - Y, ∴ \frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}\delta^{[2]}"
    assert check("mlp-bce", "W2", sym, latex=True).ok
    assert check("mlp-bce", "W2", sym.replace("A^{[2]} - Y", "Y - A^{[2]}"), latex=True).code == "sign"
    assert check("chain", "w", "∴ ∂L/∂w = 2vx").ok
    assert check("softmax-regression", "W", "所以根据链式法则，dW = X.T @ (P - Y) / m", lang="zh").ok
    # a name that starts like a lead word is not a lead ("so" of softmax, "then" of …)
    assert check("softmax-regression", "W", r"X^{\top}(\mathrm{softmax}(Z) - Y)/m", latex=True).ok


def test_the_differential_form_states_the_gradient() -> None:
    """``dL = \\operatorname{tr}(G^{\\top} dW)`` (Magnus–Neudecker's identification rule, as
    matrix-calculus notes write it) states ∂L/∂W = G (it was unreadable: "unknown name 'tr'");
    the transpose already taken inside (``tr(G' dW)`` with ``G' = Gᵀ``) and ``tr(dWᵀ G)`` too;
    a wrong G is diagnosed as any answer."""
    from derive.checker.check import check

    g = r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    assert check("mlp-bce", "W2", rf"\mathrm{{d}}L = \operatorname{{tr}}\left(\left({g}\right)^\top \mathrm{{d}}W^{{[2]}}\right)", latex=True).ok
    assert check("mlp-bce", "W2", rf"dL = \mathrm{{tr}}\left(dW^{{[2]\top}} {g}\right)", latex=True).ok
    assert check("mlp-bce", "W2", r"dL = \operatorname{tr}\left(\frac{1}{m}(A^{[2]} - Y)^{\top} A^{[1]}\, dW^{[2]}\right)", latex=True).ok
    r = check("mlp-bce", "W2", r"dL = \operatorname{tr}\left((A^{[2]} - Y)^{\top} A^{[1]}\, dW^{[2]}\right)", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "scale-factor")
    assert check("batchnorm", "beta", r"dL = \operatorname{tr}\left(\left(\mathbf{1}^{\top} \frac{2}{mn}(Y - T)\right)^{\top} d\beta\right)", latex=True).ok


def test_a_definition_after_a_comma_and_a_latex_space() -> None:
    """``… = X^⊤(δ_y W_2^⊤ ⊙ h ⊙ (1-h)), \\ δ_y = y_{pred} - y_{target}``: the definition after
    ``, \\ `` (or ``, \\;``) is a statement the answer uses, whether it spells ``δ_y`` or
    ``δ_{y}`` (it was "expected an operator … found ','"); a wrong definition is found."""
    from derive.checker.check import check

    a = r"\frac{\partial L}{\partial W_1} = X^{\top}\left(\delta_{y}\, W_2^{\top} \odot h \odot (1-h)\right), "
    assert check("tiny-mlp", "W1", a + r"\ \delta_y = y_{pred} - y_{target}", latex=True).ok
    assert check("tiny-mlp", "W1", a + r"\; \delta_y = y_{target} - y_{pred}", latex=True).code == "sign"
