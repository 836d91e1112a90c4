"""The held-out-style corpus of issue 11, thirty-first round (tests/corpus31.py): homework answers
written the ordinary way — CS231n/Ng-style NumPy (whole backward passes of named steps), PyTorch
without autograd, LaTeX from lecture notes and Zhihu (Ng, Nielsen, Iverson brackets), Leibniz
chains, element-wise answers, hand numbers, MATLAB/Octave and Julia, one-example derivations in
both conventions — and the classic mistakes, on the built-ins and five lecturer networks no
earlier corpus used. The verdicts of the built-in matrix cases come from PyTorch
(tests/check_oracle.py), of the course-network cases from the spec's own text run in PyTorch
(tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus31.py,
bench/RESULTS.md "heldcheck31"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus31  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus31.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 120 cases, every built-in and five lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–30."""
    corpus_common.assert_new_and_mixed(corpus31, CASES, KNOWN, least=120, course=5, zh=1)
    corpus_common.assert_networks_weighted(CASES, course_cases=30)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus31 = corpus_common.corpus_tests(
    corpus31, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus31_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 31's rows (every eleventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 11 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


def test_a_matrix_of_hand_numbers_after_its_left_side() -> None:
    """``dW2 ≈ [[-0.176], [-0.00898]]``, ``W2 = […]``, ``∂L/∂W2: […]``, a LaTeX matrix after
    ``\\frac{∂L}{∂W^{[2]}} =``: the left side before a matrix of hand numbers was read as the
    entry asked for ("--value needs one entry", c31-039). Now dropped, as a single number's
    label is; the numbers are judged by the policy (a wrong sign, too few digits stay wrong)."""
    exact = "[[-0.176], [-0.00898]]"
    for lhs in ("dW2 ≈ ", "W2 = ", "∂L/∂W2: ", "dW2 = "):
        assert _verdict("mlp-bce", "W2", value=lhs + exact) == ("correct", None), lhs
    tex = "\\frac{\\partial L}{\\partial W^{[2]}} = \\begin{bmatrix} -0.176 \\\\ -0.00898 \\end{bmatrix}"
    assert _verdict("mlp-bce", "W2", value=tex) == ("correct", None)
    assert _verdict("mlp-bce", "W2", value="dW2 ≈ [[0.176], [-0.00898]]") == ("incorrect", "sign")
    assert _verdict("mlp-bce", "W2", value="dW2 = [[-0.18], [-0.009]]") == ("incorrect", "too-few-digits")
    assert _verdict("mlp-bce", "W2", value="dW2 = [[-0.00898], [-0.176]]")[0] == "incorrect"


def test_a_transposed_delta_of_the_derivation() -> None:
    """``\\boldsymbol{\\delta}^\\top`` of the δ a derivation names (the column convention's
    ``∂L/∂W_1 = X^\\top δ^\\top`` with δ a column): it was "expected a layer such as
    \\delta^{[2]}" (c31-088). Now δ transposed — right where it is, wrong in the other order."""
    d = "\\boldsymbol{\\delta} = (y_{pred} - y_{target})\\, W_2 \\odot \\sigma'(h_{raw})^\\top"
    for grad in ("X^\\top \\boldsymbol{\\delta}^\\top", "X^\\top \\boldsymbol{\\delta}^{\\mathsf{T}}"):
        text = f"\\frac{{\\partial L}}{{\\partial W_1}} = {grad}, \\quad {d}"
        assert _verdict("tiny-mlp", "W1", text, latex=True) == ("correct", None), grad
    text = f"{d}, \\quad \\frac{{\\partial L}}{{\\partial W_1}} = \\boldsymbol{{\\delta}}^\\top X^\\top"
    assert _verdict("tiny-mlp", "W1", text, latex=True)[0] == "incorrect"
    text = f"{d}, \\quad \\frac{{\\partial L}}{{\\partial W_1}} = \\boldsymbol{{\\delta}} X"
    assert _verdict("tiny-mlp", "W1", text, latex=True)[0] == "incorrect"


BG = str(Path(__file__).resolve().parent / "specs_course" / "bishop_gaussian_nll.toml")


def test_an_activation_inside_a_node_definition_left_out() -> None:
    """Bishop's variance head ``var = F.softplus(h @ w_var) + 1e-3``: ``h.T @ dvar`` leaves out
    softplus′ = σ at ``h w_var`` (no node of its own) — ``missing-activation-derivative`` (it was
    ``unknown``, c31-188); the right one stays right, σ′ for softplus′ stays wrong."""
    dvar = "dvar = (0.5 / var - (y - mu) ** 2 / (2 * var ** 2)) / N\n"
    assert _verdict(BG, "w_var", dvar + "dw_var = h.T @ dvar") == ("incorrect", "missing-activation-derivative")
    assert _verdict(BG, "w_var", dvar + "dw_var = h.T @ (dvar * sigmoid(h @ w_var))") == ("correct", None)
    wrong = dvar + "dw_var = h.T @ (dvar * sigmoid(h @ w_var) * (1 - sigmoid(h @ w_var)))"
    assert _verdict(BG, "w_var", wrong)[0] == "incorrect"


CS182 = str(Path(__file__).resolve().parent / "specs_course" / "cs182_softmax_stable.toml")


def test_prediction_of_a_cross_entropy_over_log_probabilities() -> None:
    """CS182's stable softmax loss ``-np.sum(log_probs * Y) / N`` with ``log_probs = shifted -
    np.log(Zs)``: ŷ (and P, probs) were read as ``log_probs`` itself (the one node the loss
    reads; ``probs`` by its name), so the right ``\\frac{1}{N} x^\\top(\\hat{Y} − Y)`` was judged
    wrong. Now ŷ = exp(log_probs), the class probabilities; the log-probabilities themselves
    and the usual mistakes stay wrong."""
    grad = "\\nabla_w L = \\frac{1}{N} x^\\top "
    for p in ("(\\hat{Y} - Y)", "(P - Y)", "(\\mathrm{probs} - Y)"):
        assert _verdict(CS182, "w", grad + p, latex=True) == ("correct", None), p
    assert _verdict(CS182, "w", grad + "(Y - \\hat{Y})", latex=True) == ("incorrect", "sign")
    assert _verdict(CS182, "b", "db = np.sum(probs - Y, axis=0) / N") == ("correct", None)
    assert _verdict(CS182, "b", "db = np.sum(log_probs - Y, axis=0) / N")[0] == "incorrect"
    assert _verdict(CS182, "b", "db = np.sum(Yhat - Y, axis=0)") == ("incorrect", "scale-factor")


CHARB = str(Path(__file__).resolve().parent / "specs_course" / "charbonnier.toml")


def test_a_per_example_number_with_a_power() -> None:
    """``\\frac{1}{n}\\sum_i \\frac{diff_i}{\\sqrt{diff_i^2 + \\epsilon^2}} x_i`` (the Charbonnier
    loss's gradient per example): a number per example holding a power was not taken as one,
    so the example's row x_i stayed a row (shape-mismatch for the column w). Now it takes the
    gradient's orientation, as round 30's per-example numbers do; wrong ones stay wrong."""
    head = "\\frac{\\partial L}{\\partial w} = "
    term = "\\frac{diff_i}{\\sqrt{diff_i^2 + \\epsilon^2}} x_i"
    assert _verdict(CHARB, "w", head + "\\frac{1}{n}\\sum_{i=1}^{n} " + term, latex=True) == ("correct", None)
    assert _verdict(CHARB, "w", head + "\\sum_{i=1}^{n} " + term, latex=True) == ("incorrect", "scale-factor")
    wrong = head + "\\frac{1}{n}\\sum_{i=1}^{n} \\frac{diff_i}{\\sqrt{diff_i^2 + \\epsilon}} x_i"
    assert _verdict(CHARB, "w", wrong, latex=True)[0] == "incorrect"
    assert _verdict(CHARB, "w", head + "\\frac{1}{n}\\sum_{i=1}^{n} diff_i^2 x_i", latex=True)[0] == "incorrect"


HARDTANH = str(Path(__file__).resolve().parent / "specs_course" / "hardtanh.toml")


def test_a_window_derivative_left_out_whole() -> None:
    """hardtanh's and clamp's derivative is a window of two masks (``𝟙[z > −1]·𝟙[z < 1]``): a
    gradient without either was ``unknown`` (only one mask at a time was left out). Now
    ``missing-activation-derivative``; with the window written it is right."""
    d = "dB = 2 * (B - Y) / m\n"
    assert _verdict(HARDTANH, "W2", d + "dW2 = A.T @ (2 * dB)") == ("incorrect", "missing-activation-derivative")
    assert _verdict(HARDTANH, "W2", d + "dW2 = A.T @ (2 * dB * (np.abs(A @ W2 * 2) < 1))") == ("correct", None)
    up = d + "dA = (2 * dB * (np.abs(A @ W2 * 2) < 1)) @ W2.T\n"
    assert _verdict(HARDTANH, "W1", up + "dW1 = X.T @ dA") == ("incorrect", "missing-activation-derivative")
    assert _verdict(HARDTANH, "W1", up + "dW1 = X.T @ (dA * (np.abs(X @ W1) < 1))") == ("correct", None)
