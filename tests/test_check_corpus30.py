"""The held-out-style corpus of issue 11, thirtieth round (tests/corpus30.py): homework answers
written the ordinary way — CS231n/Ng-style NumPy, PyTorch without autograd, LaTeX from lecture
notes and Zhihu, Leibniz chains, element-wise answers, hand numbers, MATLAB/Octave and Julia,
one-example 1-D derivations in the column convention — and the classic mistakes, on the
built-ins and seven lecturer networks no earlier corpus used. The verdicts of the built-in
matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from the
spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus30.py, bench/RESULTS.md "heldcheck30"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus30  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus30.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 120 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–29."""
    corpus_common.assert_new_and_mixed(corpus30, CASES, KNOWN, least=120, course=7, zh=4)
    corpus_common.assert_networks_weighted(CASES, course_cases=30)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus30 = corpus_common.corpus_tests(
    corpus30, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus30_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 30's rows (every eleventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 11 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


NG_PLANAR = str(Path(__file__).resolve().parent / "specs_course" / "ng_planar_squeeze.toml")


def test_octave_mean_in_a_cell_the_latex_reader_reads() -> None:
    """Octave's ``mean(E)``/``mean(E, k)`` in a cell with a prime or ``.*`` (read by the LaTeX
    reader, which had no mean along an axis): the cell was refused with a Python syntax error
    (c30-213, c29-306). Now the mean down the columns (dimension 1) or along the rows (2), the
    reduced dimension kept — right and wrong answers told apart as for ``sum``."""
    b1 = "(A2 - Y) * W2' .* (Z1 > 0)"
    assert _verdict("mlp-bce", "b1", f"db1 = mean({b1});") == ("correct", None)
    assert _verdict("mlp-bce", "b1", f"db1 = mean({b1}, 1);") == ("correct", None)
    assert _verdict("mlp-bce", "b1", f"db1 = mean({b1}, 2);") == ("incorrect", "wrong-sum-axis")
    assert _verdict("mlp-bce", "b1", f"dZ1 = {b1};\ndb1 = mean(dZ1);") == ("correct", None)
    cell = "dZ2 = A2 - Y;\ndZ1 = (W2' * dZ2) .* (1 - A1.^2);\n"
    assert _verdict(NG_PLANAR, "b1", cell + "db1 = mean(dZ1, 2);") == ("correct", None)
    assert _verdict(NG_PLANAR, "b1", cell + "db1 = mean(dZ1, 1);")[0] == "incorrect"
    assert _verdict(NG_PLANAR, "b1", cell + "db1 = mean(dZ1);")[0] == "incorrect"
    assert _verdict("mlp-bce", "b2", "db2 = mean(A2 - Y, 1);") == ("correct", None)  # Python's reading


LN = str(Path(__file__).resolve().parent / "specs_course" / "hn29_cs182_layernorm_single_vector.toml")


def test_np_outer_of_one_d_expressions() -> None:
    """``np.outer(dh * (W @ x > 0), x)`` of the spec's 1-D ``x`` (CS182's one example, the
    column convention δ xᵀ): its first factor is 1-D only in NumPy's reading (``W @ x`` is no
    row × matrix product), so np.outer was refused ("needs two vectors") where no earlier step
    was written. Now that reading gives its shape; swapped factors are the transpose."""
    assert _verdict(LN, "W", "dW = np.outer(dh * (W @ x > 0), x)") == ("correct", None)
    assert _verdict(LN, "W", "dW = np.outer(dh * np.heaviside(W @ x, 0), x)") == ("correct", None)
    assert _verdict(LN, "W", "dW = np.outer(x, dh * (W @ x > 0))")[0] == "incorrect"
    assert _verdict(LN, "W", "dW = np.outer(dh, x)") == ("incorrect", "missing-activation-derivative")


QA = str(Path(__file__).resolve().parent / "specs_course" / "hn15_cs189_quadratic_activation.toml")


def test_a_power_activation_derivative_left_out() -> None:
    """CS189's quadratic activation ``H = np.square(X @ W)``: ``X.T @ dH`` leaves out its
    derivative ``2 X W`` — ``missing-activation-derivative`` (it was ``unknown``: only named
    activations' derivatives were known where the argument has no node of its own)."""
    steps = "r = 2 * (f - y) / n\ndH = r @ a.T\n"
    assert _verdict(QA, "W", steps + "dW = X.T @ dH") == ("incorrect", "missing-activation-derivative")
    assert _verdict(QA, "W", steps + "dW = X.T @ (dH * 2 * (X @ W))") == ("correct", None)
    assert _verdict(QA, "W", steps + "dW = X.T @ (dH * 2 * H)")[0] == "incorrect"


XIGUA = str(Path(__file__).resolve().parent / "specs_course" / "xigua_threshold_batch.toml")


def test_a_written_out_activation_with_a_threshold() -> None:
    """西瓜书's hidden layer ``b_h = 1 / (1 + np.exp(-(alpha_h - gamma)))``: a sigmoid written out
    with the threshold γ subtracted inside. ``e = np.dot(w, g)`` without ``b_h * (1 - b_h)`` is
    ``missing-activation-derivative`` (it was ``unknown``: a written-out activation was known only
    as a function of its argument node alone; c28-197's strict xfail removed)."""
    g = "g = y_hat * (1 - y_hat) * (y - y_hat)\n"
    assert _verdict(XIGUA, "v", g + "e = np.dot(w, g)\ndv = -np.outer(x, e)") == (
        "incorrect", "missing-activation-derivative")
    assert _verdict(XIGUA, "v", g + "e = b_h * (1 - b_h) * np.dot(w, g)\ndv = -np.outer(x, e)") == ("correct", None)


MAZUR = str(Path(__file__).resolve().parent / "specs_course" / "hn15_mazur_step_by_step.toml")


def test_an_entry_of_a_step() -> None:
    """``delta_o[0, 0] + delta_o[0, 1]`` after ``delta_o = …``: entries of a step of the
    derivation (Mazur's shared output bias, summed over his two outputs; ``d[0, 0] * x`` of a
    1 × 1 step) were refused ("'Subscript' is not allowed"); an expression's entry was read.
    Now the step's 1 × 1 block, as NumPy picks it — right where the sum is whole, wrong where an
    entry is left out or where the entries are the example's only (a batch of m rows)."""
    d = "delta_o = (out_o - target) * out_o * (1 - out_o)\n"
    assert _verdict(MAZUR, "b2", d + "db2 = delta_o[0, 0] + delta_o[0, 1]") == ("correct", None)
    assert _verdict(MAZUR, "b2", d + "db2 = delta_o[0, 0]")[0] == "incorrect"
    assert _verdict("neuron", "w", "d = (O - t) * O * (1 - O)\ndw = d[0, 0] * x") == ("correct", None)
    assert _verdict("tiny-mlp", "W2", "d = y_pred - y_target\ndW2 = h.T * d[0, 0]") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "dZ2 = (A2 - Y) / m\ndb2 = dZ2[0, 0] + dZ2[1, 0]")[0] == "incorrect"


SVM = str(Path(__file__).resolve().parent / "specs_course" / "mit6036_svm.toml")
LOGREG = str(Path(__file__).resolve().parent / "specs_course" / "hn29_mit6390_logreg_colmajor_norm.toml")


def test_a_per_example_number_under_an_indicator_or_a_function() -> None:
    """MIT 6.036's hinge gradient ``-\\frac{1}{n}\\sum_i \\mathbb{1}[margin_i < 1]\\, y_i x_i +
    lam\\, th``: a number per example times an example's vector is that vector in the gradient's
    orientation (Xᵀ(…) for the column θ), also where the number holds an indicator or an
    element-wise function (``\\sigma(z_i) - Y_i``) — it was "shape-mismatch" (the row x_i).
    Wrong masks, signs and terms stay wrong."""
    hinge = "\\nabla_{th} J = -\\frac{1}{n}\\sum_{i=1}^{n} \\mathbb{1}[margin_i < 1]\\, y_i x_i"
    assert _verdict(SVM, "th", hinge + " + lam\\, th", latex=True) == ("correct", None)
    assert _verdict(SVM, "th", hinge.replace("<", ">") + " + lam\\, th", latex=True)[0] == "incorrect"
    assert _verdict(SVM, "th", hinge, latex=True) == ("incorrect", "missing-loss-term")
    assert _verdict(SVM, "th", hinge.replace("= -", "= ") + " + lam\\, th", latex=True) == ("incorrect", "sign")
    sig = "\\nabla_{th} J = \\frac{1}{n}\\sum_{i=1}^{n} (\\sigma(z_i) - Y_i)\\, x_i + "
    assert _verdict(LOGREG, "th", sig + "2\\, lam\\, th", latex=True) == ("correct", None)
    assert _verdict(LOGREG, "th", sig + "lam\\, th", latex=True) == ("incorrect", "loss-term-factor")
