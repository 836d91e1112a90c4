"""The held-out-style corpus of issue 11, twenty-fifth round (tests/corpus25.py): seventeen hn22
lecturer networks no earlier corpus used, answers pasted from a notebook with ``In [n]:`` or
``>>>`` prompts, a gradient as a Python function body (``def backward(…): … return dW``),
``np.einsum`` with the student's own letters, ``@``/``np.dot``/``.dot()``/``np.matmul`` mixed,
``np.transpose(X, (1, 0))``/``swapaxes``, LaTeX with ``\\cdot``/``\\times``/``\\circ`` products,
``\\big(``, ``\\mathrm{diag}``, ``\\operatorname{sigmoid}``, ``\\mathbb{1}[z>0]``, ``\\text{…}``
remarks, hand numbers as NumPy printouts in ``e-02`` notation. The verdicts of the built-in
matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from the
spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus25.py, bench/RESULTS.md "heldcheck25"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus25  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus25.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–24."""
    corpus_common.assert_new_and_mixed(corpus25, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus25 = corpus_common.corpus_tests(
    corpus25, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus25_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 25's rows (every seventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 7 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw) if text is not None else check(net, wrt, **kw)
    return r.verdict, r.code


def test_a_function_that_returns_the_gradient_as_an_expression() -> None:
    """A cell that is one function, never called, ending ``return EXPR`` (``def grad_b2(A2, Y):
    return …``, with steps before it or none) hands in its returned expression as the answer
    (it was "syntax error at column 1"); the mistakes inside keep their verdicts, and a
    function the cell calls stays a helper to inline."""
    import pytest

    from derive.checker.check import FormulaError

    b2 = "def grad_b2(A2, Y):\n    return np.sum(A2 - Y, axis=0, keepdims=True) / m"
    assert _verdict("mlp-bce", "b2", b2) == ("correct", None)
    assert _verdict("mlp-bce", "b2", b2.replace("A2 - Y", "Y - A2")) == ("incorrect", "sign")
    steps = '"""the hidden layer."""\n    dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\n    return X.T @ dZ1 / m'
    assert _verdict("mlp-bce", "W1", f"def grad_W1(X, Y, Z1, A2, W2):\n    {steps}") == ("correct", None)
    assert _verdict("mlp-bce", "W1", f"def grad_W1(X, Y, Z1, A2, W2):\n    {steps} / m")[0] == "incorrect"
    helper = "def s(z):\n    return 1 / (1 + np.exp(-z))\ndW2 = A1.T @ (s(Z2) - Y) / m"
    assert _verdict("mlp-bce", "W2", helper) == ("correct", None)
    with pytest.raises(FormulaError):  # a body that is not read stays refused
        _verdict("mlp-bce", "W2", "def grad_W2(A1, A2, Y):\n    while True:\n        pass\n    return A1")


def test_np_transpose_with_an_axes_order() -> None:
    """NumPy's ``np.transpose(X, (1, 0))`` / ``np.transpose(X, axes=[1, 0])`` is the transpose
    and ``(0, 1)`` the matrix itself (both were "np.transpose is not supported"); an axis a
    matrix does not have stays refused."""
    import pytest

    from derive.checker.check import FormulaError

    assert _verdict("mlp-bce", "W2", "dW2 = np.transpose(A1, (1, 0)) @ (A2 - Y) / m") == ("correct", None)
    assert _verdict("softmax-regression", "W", "dW = np.transpose(X, axes=[1, 0]) @ (P - Y) / m") == ("correct", None)
    assert _verdict("softmax-regression", "W", "dW = np.transpose(X, axes=(-1, -2)) @ (Y - P) / m") == ("incorrect", "sign")
    assert _verdict("mlp-bce", "W1", "dW1 = np.transpose(X, (0, 1)) @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m")[0] == "incorrect"
    with pytest.raises(FormulaError):
        _verdict("mlp-bce", "W2", "dW2 = np.transpose(A1, (1, 2)) @ (A2 - Y) / m")


def test_einsum_with_a_one_d_weight_per_row() -> None:
    """An einsum with a 1-D operand that weights the rows or columns of a matrix operand
    (``'bi,b,bj->ij'``, ``'bj,b->bj'``, the vector in any place) is that matrix scaled by it,
    then the einsum of the rest (it was refused: "one or two matrices"); the transposed output,
    a sign and a dropped 1/B keep their verdicts, and three matrices contracting to three
    letters stay refused."""
    import pytest

    from derive.checker.check import FormulaError

    eb = str(COURSE / "hn22_einsum_three_operand_bilinear.toml")
    assert _verdict(eb, "W", "dW = np.einsum('b,bi,bj->ij', sigmoid(s) - t, x, e) / B") == ("correct", None)
    assert _verdict(eb, "W", "dW = np.einsum('bi,bj,b->ij', x, e, sigmoid(s) - t) / B") == ("correct", None)
    assert _verdict(eb, "W", "dW = x.T @ np.einsum('bj,b->bj', e, sigmoid(s) - t) / B") == ("correct", None)
    assert _verdict(eb, "W", "dW = np.einsum('bi,bj,b->ij', x, e, t - sigmoid(s)) / B") == ("incorrect", "sign")
    assert _verdict(eb, "W", "dW = np.einsum('b,bi,bj->ij', sigmoid(s) - t, x, e)") == ("incorrect", "scale-factor")
    assert _verdict(eb, "W", "dW = np.einsum('b,bi,bj->ji', sigmoid(s) - t, x, e) / B")[0] == "incorrect"
    with pytest.raises(FormulaError):
        _verdict(eb, "W", "dW = np.einsum('bi,bk,bj->ij', x, x, e)")


def test_notebook_output_prompts_and_a_shape_display() -> None:
    """IPython's ``Out[7]:`` before a printed array is no part of the hand numbers, and a line
    that only displays ``dW2.shape`` (``.dtype``, ``.ndim``) computes nothing (both were
    refused); the numbers and the formula keep their verdicts."""
    assert _verdict("mlp-bce", "W2", value="Out[3]: array([[-0.1763], [-0.0090]])") == ("correct", None)
    assert _verdict("mlp-bce", "W2", value="Out[3]: array([[0.1763], [-0.0090]])")[0] == "incorrect"
    cell = "In [4]: dW2 = A1.T @ (A2 - Y) / m\nIn [5]: dW2.ndim\nOut[5]: 2"
    assert _verdict("mlp-bce", "W2", cell) == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = A1.T @ (A2 - Y)\ndW2.shape") == ("incorrect", "scale-factor")


def test_np_diag_of_a_vector_inside_a_product() -> None:
    """``A @ np.diag(v)`` scales A's columns by v and ``np.diag(v) @ B`` B's rows, for a vector
    as written or made 1-D (``.ravel()``, ``.flatten()``, ``[:, 0]``), also where the diagonal
    matrix is named on a line of its own first (``Wd = np.diag(w.ravel())``): CS229's
    weighted least squares (it was "np.diag is not supported", c24-139); the sign, a wrong
    shape and a diagonal matrix on its own keep their verdicts."""
    import pytest

    from derive.checker.check import FormulaError

    lw = str(COURSE / "hn21_cs229_lwr_weighted_ls.toml")
    assert _verdict(lw, "theta", "D = np.diag(w.flatten())\ndtheta = X.T @ D @ (X @ theta - y)") == ("correct", None)
    assert _verdict(lw, "theta", "dtheta = X.T @ (np.diag(w[:, 0]) @ (X @ theta - y))") == ("correct", None)
    assert _verdict(lw, "theta", "dtheta = (np.diag(w.ravel()) @ X).T @ (X @ theta - y)") == ("correct", None)
    assert _verdict(lw, "theta", "D = np.diag(w.ravel())\ndtheta = X.T @ D @ (y - X @ theta)") == ("incorrect", "sign")
    assert _verdict(lw, "theta", "dtheta = np.diag(w.ravel()) @ X @ theta")[0] == "incorrect"
    with pytest.raises(FormulaError):
        _verdict(lw, "theta", "dtheta = np.diag(w.ravel())")


def test_len_of_a_one_d_tensor_is_its_length() -> None:
    """``len(t)`` / ``t.shape[0]`` of a 1-D tensor of the spec (``t = ["B"]``, held as a 1 × B
    row) is NumPy's length B (it was read as the row's 1: a right ``/ len(t)`` was
    scale-factor); ``t.shape[1]``, an axis NumPy's 1-D array lacks, is refused; a matrix's
    ``len`` is its rows as before."""
    import pytest

    from derive.checker.check import FormulaError

    eb = str(COURSE / "hn22_einsum_three_operand_bilinear.toml")
    g = "x.T @ ((sigmoid(s) - t)[:, None] * e)"
    assert _verdict(eb, "W", f"dW = {g} / len(t)") == ("correct", None)
    assert _verdict(eb, "W", f"dW = {g} / t.shape[-1]") == ("correct", None)
    assert _verdict(eb, "W", f"dW = {g} / len(t) ** 2") == ("incorrect", "scale-factor")
    assert _verdict("mlp-bce", "W2", "dW2 = A1.T @ (A2 - Y) / len(A1)") == ("correct", None)
    with pytest.raises(FormulaError):
        _verdict(eb, "W", f"dW = {g} / t.shape[1]")
