"""The held-out-style corpus of issue 11, twenty-ninth round (tests/corpus29.py): homework
answers written the ordinary way — Ng/CS231n-style NumPy (``1/m * np.dot(A1.T, dZ2)``,
``np.sum(dZ, axis=0, keepdims=True)``, ``np.power``, masks), PyTorch without autograd, LaTeX from
lecture notes and Zhihu, Leibniz chain products, element-wise answers, hand numbers, and the
classic mistakes — on the built-ins and six lecturer networks no earlier corpus used. The
verdicts of the built-in matrix cases come from PyTorch (tests/check_oracle.py), of the
course-network cases from the spec's own text run in PyTorch (tests/spelled_oracle.py); the
checker must give each case its verdict and, where one is named, its diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus29.py, bench/RESULTS.md
"heldcheck29"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus29  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus29.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus_is_new_and_mixed() -> None:
    """At least 120 cases, every built-in and six lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–28."""
    corpus_common.assert_new_and_mixed(corpus29, CASES, KNOWN, least=120, course=6, zh=4)
    corpus_common.assert_networks_weighted(CASES, course_cases=30)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus29 = corpus_common.corpus_tests(
    corpus29, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus29_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 29's rows (every eleventh case, course
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


def test_a_pasted_transpose_sign_in_code() -> None:
    """``A1ᵀ @ (A2 − Y) / m`` pasted from a PDF into code is ``A1.T @ …`` (it was "unknown name
    'A1T'"), before an operator, a comma or a bracket; a transposed slip stays wrong, and maths
    by juxtaposition (``A1ᵀ(A2 − Y)/m``) is still the LaTeX reader's."""
    assert _verdict("mlp-bce", "W2", "dW2 = A1ᵀ @ (A2 − Y) / m") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = np.dot(A1ᵀ, A2 - Y) / m") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = A1⊤ @ (A2 - Y) / m") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = (A2 − Y)ᵀ @ A1 / m")[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "dW2 = Xᵀ @ (A2 − Y) / m") == ("incorrect", "wrong-layer")
    assert _verdict("mlp-bce", "W2", "A1ᵀ(A2 − Y)/m") == ("correct", None)


NG_PLANAR = str(Path(__file__).resolve().parent / "specs_course" / "ng_planar_squeeze.toml")


def test_octave_mean_along_a_dimension() -> None:
    """MATLAB/Octave's ``mean(E, 1)`` is the mean down the columns and ``mean(E, 2)`` along the
    rows (Julia's ``mean(E; dims=k)`` alike), with the dimension kept. It was read as the
    language's ``mean(E, 1)``, axis 1: a **wrong answer accepted** on Ng's column-major net
    (``mean(A2 - Y, 1)`` is a 1 × m row there) and a right one rejected on the row-major net
    (c28-035)."""
    assert _verdict(NG_PLANAR, "b2", "db2 = mean(A2 - Y, 1);")[0] == "incorrect"
    assert _verdict(NG_PLANAR, "b2", "db2 = mean(A2 - Y, 2);") == ("correct", None)
    assert _verdict(NG_PLANAR, "b2", "db2 = mean(A2 .- Y; dims=2)") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "db2 = mean(A2 - Y, 1);") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "dZ2 = A2 - Y;\ndb2 = mean(dZ2, 1);") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "db2 = mean(A2 - Y, 2);")[0] == "incorrect"


def test_einsum_outer_product_of_two_slices() -> None:
    """``np.einsum('i,j->ij', X[0], d[0])`` of two 1-D slices is NumPy's outer product, read
    as ``np.outer`` is (it was refused: c28-098); ``'i,j->ji'`` swaps the factors, and a
    matrix operand with one letter stays refused (NumPy refuses it too)."""
    d = "((y_pred - y_target) * W2.T * h * (1 - h))"
    assert _verdict("tiny-mlp", "W1", f"dW1 = np.einsum('i,j->ij', X[0], {d}[0])") == ("correct", None)
    assert _verdict("tiny-mlp", "W1", f"dW1 = np.einsum('i,j->ji', {d}[0], X[0])") == ("correct", None)
    assert _verdict("tiny-mlp", "W1", f"dW1 = np.einsum('i,j->ji', X[0], {d}[0])")[0] == "incorrect"
    assert _verdict("tiny-mlp", "W1", "dW1 = np.einsum('i,j->ij', X[0], ((y_pred - y_target) * W2.T)[0])") == (
        "incorrect", "missing-activation-derivative")
    import pytest

    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError):
        _verdict("tiny-mlp", "W1", f"dW1 = np.einsum('i,j->ij', X, {d})")


def test_octave_sum_of_a_row_is_its_total() -> None:
    """MATLAB's ``sum(E)`` sums along the first non-singleton dimension: of a 1 × n row it is
    the row's total, a number. ``dw = sum((O - t) .* O .* (1 - O) .* x);`` on the neuron (x a
    1 × 3 row) is therefore not the gradient — it was read down the first axis, the row itself,
    and **accepted**. Down the columns where the rows are many (``sum(dZ1) / m``), and a
    transposed operand's sum is unchanged."""
    assert _verdict("neuron", "w", "dw = sum((O - t) .* O .* (1 - O) .* x);")[0] == "incorrect"
    assert _verdict("neuron", "w", "dz = (O - t) .* O .* (1 - O);\ndw = sum(dz .* x);")[0] == "incorrect"
    assert _verdict("neuron", "w", "dw = (O - t) .* O .* (1 - O) .* x;") == ("correct", None)
    assert _verdict("mlp-bce", "b1", "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\ndb1 = sum(dZ1) / m;") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "db2 = sum(A2 - Y) / m;") == ("correct", None)
    assert _verdict("tiny-mlp", "W2", "dW2 = sum(h' * (y_pred - y_target));")[0] == "incorrect"


def test_octave_transpose_of_a_step_and_mean_of_a_matrix() -> None:
    """Octave's prime on a name an earlier statement defined (``delta' * X``) is its transpose
    (it was "expected an operator", c29-315); ``mean(E)`` of a matrix is its column means
    (MATLAB's first non-singleton dimension: ``db = mean(P - Y);`` was "shape (1, 1)", c29-319),
    of a row or a column every entry's mean, as before."""
    step = "delta = (y_pred - y_target) * W2' .* h .* (1 - h);\n"
    assert _verdict("tiny-mlp", "W1", step + "dW1 = delta' * X;")[0] == "incorrect"
    assert _verdict("tiny-mlp", "W1", step + "dW1 = (delta' * X)';") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dZ2 = A2 - Y;\ndW2 = (dZ2' * A1)' / m;") == ("correct", None)
    assert _verdict("softmax-regression", "b", "db = mean(P - Y);") == ("correct", None)
    assert _verdict("softmax-regression", "b", "db = mean(P - Y, 2);") == ("incorrect", "wrong-sum-axis")
    assert _verdict("mlp-bce", "b2", "db2 = mean(A2 - Y);") == ("correct", None)
    assert _verdict("neuron", "w", "dw = mean((O - t) .* O .* (1 - O) .* x);")[0] == "incorrect"


def test_julia_sum_and_mean_without_dims_are_of_every_entry() -> None:
    """Julia's ``sum(E)`` and ``mean(E)`` without ``dims`` add up every entry (a number), unlike
    MATLAB's: ``db = sum(P .- Y) / m`` for a (1, k) bias was read down the columns and
    **accepted**; with ``dims=1`` it is the columns' sums, and where the gradient is one number
    the total is right."""
    assert _verdict("softmax-regression", "b", "db = sum(P .- Y) / m")[0] == "incorrect"
    assert _verdict("softmax-regression", "b", "db = mean(P .- Y)")[0] == "incorrect"
    assert _verdict("softmax-regression", "b", "db = sum(P .- Y; dims=1) / m") == ("correct", None)
    assert _verdict("mlp-bce", "b2", "db2 = sum(σ.(Z2) .- Y) / length(Y)") == ("correct", None)
    assert _verdict("mlp-bce", "b1", "db1 = sum(((A2 .- Y) * W2') .* (Z1 .> 0)) ./ m")[0] == "incorrect"
