"""The held-out-style corpus of issue 11, twenty-seventh round (tests/corpus27.py): thirteen hn24
lecturer networks no earlier corpus used, answers pasted from object-oriented manual backprop
(``self.A1``, a class's ``backward``), nbconvert exports, cells that check themselves (``assert``,
``print(f"…")``), ``cache``/``grads`` dictionaries, MATLAB/Octave, TensorFlow's ``tf.linalg`` /
``tf.math`` spellings, Overleaf LaTeX (``equation``, ``align*``, ``\\label``), Chinese lecture
notes (由链式法则 … 故 …), Leibniz chain products, element-wise answers in entry names, hand
numbers with their rounding stated, and the classic mistakes. The verdicts of the built-in
matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from the
spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus27.py, bench/RESULTS.md "heldcheck27"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus27  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus27.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail); c27-195/196 read since heldcheck28


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–26."""
    corpus_common.assert_new_and_mixed(corpus27, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus27 = corpus_common.corpus_tests(
    corpus27, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus27_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 27's rows (every eleventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 11 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------

COURSE = Path(__file__).resolve().parent / "specs_course"


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw) if text is not None else check(net, wrt, **kw)
    return r.verdict, r.code


def test_manual_backprop_written_as_a_class_or_with_self() -> None:
    """``self.A1`` is ``A1`` and ``self.dW2 = …`` assigns ``dW2``; a class's backward method
    (named for it, or the one method besides ``__init__``) is the cell's derivation, with or
    without a ``return`` (all were "syntax error" / "classdef statements are not read"); a
    sign or a wrong size name keeps its verdict, and a class of two unnamed methods stays refused."""
    import pytest

    from derive.checker.check import FormulaError

    assert _verdict("mlp-bce", "b2", "self.db2 = np.sum(self.A2 - Y, axis=0, keepdims=True) / self.m") == ("correct", None)
    cls = "class Net:\n    def backprop(self, X, Y):\n        dZ2 = self.A2 - Y\n        return self.A1.T @ dZ2 / X.shape[0]"
    assert _verdict("mlp-bce", "W2", cls) == ("correct", None)
    assert _verdict("mlp-bce", "W2", cls.replace("self.A2 - Y", "Y - self.A2")) == ("incorrect", "sign")
    assert _verdict("softmax-regression", "W", "self.dW = X.T @ (self.P - Y) / X.shape[1]")[0] == "incorrect"
    two = "class Net:\n    def f(self):\n        return self.A1\n    def g(self):\n        return self.A2"
    with pytest.raises(FormulaError):
        _verdict("mlp-bce", "W2", two)


def test_a_steps_entry_in_a_batch_slice_formula_is_the_students_step() -> None:
    """``np.sum(X[:, 0] * dZ1[:, 0])`` after ``dZ1 = …`` reads the entries of the student's
    ``dZ1``, not of the network's ∂L/∂Z1: a step without the ReLU mask was ✓ (a wrong answer
    accepted), and a right step without its 1/m moved to the end was scale-factor."""
    dz = "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)"
    assert _verdict("mlp-bce", "W1[0,0]", f"{dz}\ndw11 = X[:, 0] @ dZ1[:, 0] / m") == ("correct", None)
    assert _verdict("mlp-bce", "W1[0,0]", "dZ1 = (A2 - Y) @ W2.T / m\ndw11 = np.sum(X[:, 0] * dZ1[:, 0])")[0] == "incorrect"
    assert _verdict("mlp-bce", "W1[0,1]", f"{dz}\ndw12 = np.sum(X[:, 0] * dZ1[:, 1])") == ("incorrect", "scale-factor")


def test_an_inline_log_softmax_makes_given_one_hot_targets_labels() -> None:
    """A target given one-hot rows times an inline ``torch.log_softmax(h @ W2, dim=1)`` in the
    loss is read as one-hot labels (README), as a named log_softmax node already was: ``P - t``
    is right there (it was "right only for one-hot targets"); a wrong layer is wrong-layer."""
    ge = str(COURSE / "hn24_gelu_erfc_exact_cn.toml")
    assert _verdict(ge, "W2", "dW2 = h.T @ (torch.softmax(h @ W2, dim=1) - t) / N") == ("correct", None)
    assert _verdict(ge, "W2", "dW2 = a.T @ (torch.softmax(h @ W2, dim=1) - t) / N") == ("incorrect", "wrong-layer")
    assert _verdict(ge, "W2", "dW2 = h.T @ (t - torch.softmax(h @ W2, dim=1)) / N") == ("incorrect", "sign")


def test_cross_products_in_a_formula() -> None:
    """``np.cross(a, b)`` (last axis), ``np.cross(a, b, axis=1)``, ``torch.linalg.cross(a, b,
    dim=1)``, ``torch.cross`` and ``jnp.cross`` of 3-vectors are their components joined, as the
    spec language reads them (they were "not supported"); the order of the factors is a sign,
    and vectors that are not 3 long stay refused."""
    import pytest

    from derive.checker.check import FormulaError

    am = str(COURSE / "hn24_angular_momentum_cross.toml")
    g = "2 * (L - L_obs) / N"
    assert _verdict(am, "W", f"dW = x.T @ np.cross({g}, r, axis=1)") == ("correct", None)
    assert _verdict(am, "W", f"dW = x.T @ torch.linalg.cross(r, {g}, dim=1)") == ("incorrect", "sign")
    with pytest.raises(FormulaError):
        _verdict(am, "W", "dW = x.T @ np.cross(x, x)")


def test_octave_ones_default_sum_and_whole_number_division() -> None:
    """Octave's ``ones(1, m) * E`` / ``E' * ones(m, 1)`` are sums over the batch by a sized block
    of ones (a size that does not fit stays wrong), ``sum(E)`` is MATLAB's sum down the columns,
    ``1 ./ (1 + exp(-Z))`` divides 1 (all three were unreadable)."""
    assert _verdict("mlp-bce", "b2", "db2 = (A2 - Y)' * ones(m, 1) / m;") == ("correct", None)
    assert _verdict("softmax-regression", "b", "db = sum(P - Y) / m;") == ("correct", None)
    assert _verdict("softmax-regression", "b", "db = ones(1, k) * (P - Y) / m;")[0] == "incorrect"
    assert _verdict("mlp-bce", "W2", "dW2 = A1' * (1 ./ (1 + exp(-Z2)) - Y) / m;") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = A1' * (1 ./ (1 + exp(Z2)) - Y) / m;")[0] == "incorrect"


def test_latex_forms_of_round_27() -> None:
    """``δ^{[2]\\top}`` is the layer's δ transposed; ``$\\because …$, $\\therefore …$`` are two
    statements; a closing "故答案为 40。" after the formula is left out; Leibniz ``∂h_1/∂w_{11}``
    reaches w11 through h1's pre-activation (each was unreadable)."""
    assert _verdict("mlp-bce", "W2", "\\frac{\\partial L}{\\partial W^{[2]}} = \\left(\\delta^{[2]\\top} A^{[1]}\\right)^{\\top}", latex=True) == ("correct", None)
    two = "$\\because \\delta = P - Y$, $\\therefore \\frac{\\partial L}{\\partial W} = \\frac{1}{m}X^{T}\\delta$"
    assert _verdict("softmax-regression", "W", two, latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W", two.replace("P - Y", "Y - P"), latex=True) == ("incorrect", "sign")
    zh = "由链式法则 $\\frac{\\partial L}{\\partial w} = 2(wx + b) \\cdot x$，故答案为 40。"
    assert _verdict("chain", "w", zh, latex=True, lang="zh") == ("correct", None)
    chain = "\\frac{\\partial L}{\\partial w_{21}} = \\frac{\\partial L}{\\partial y_{pred}}\\frac{\\partial y_{pred}}{\\partial h_1}\\frac{\\partial h_1}{\\partial w_{21}}"
    assert _verdict("tiny-mlp", "w21", chain, latex=True) == ("correct", None)
    from derive.checker.check import FormulaError

    try:  # w21's chain under --wrt w11: wrong, or (round 27) refused naming both entries
        wrong = _verdict("tiny-mlp", "w11", chain.replace("w_{21}}}", "w_{11}}}", 1), latex=True)[0]
    except FormulaError as err:
        wrong = "refused" if "another entry" in err.message else err.message
    assert wrong in ("incorrect", "refused")


def test_stacks_sizes_comments_and_checks() -> None:
    """``np.stack([u, v], axis=1)``/``np.column_stack`` of vectors, ``np.array([a, b])`` of
    computed numbers, ``tf.size(Y)``, ``np.testing.assert_allclose`` lines and a ``# 3 s.f.``
    comment after a matrix of hand numbers are read (each was unreadable)."""
    wg = str(COURSE / "hn24_welsch_geman_mcclure_numpy.toml")
    d0 = "R[:, 0] / c ** 2 * np.exp(-R[:, 0] ** 2 / (2 * c ** 2))"
    d1 = "16 * c ** 2 * R[:, 1] / (R[:, 1] ** 2 + 4 * c ** 2) ** 2"
    assert _verdict(wg, "W", f"dW = X.T @ np.stack([{d0}, {d1}], axis=1) / n") == ("correct", None)
    assert _verdict(wg, "W", f"dW = X.T @ np.column_stack([{d1}, {d0}]) / n")[0] == "incorrect"
    assert _verdict(wg, "b", f"db = np.array([np.mean({d0}), np.mean({d1})])") == ("correct", None)
    assert _verdict("batchnorm", "beta", "dbeta = tf.reduce_sum(2 * (Y - T), axis=0) / tf.cast(tf.size(Y), tf.float64)") == ("correct", None)
    assert _verdict("mlp-bce", "W2", "dW2 = A1.T @ (A2 - Y)\nnp.testing.assert_allclose(dW2, num, rtol=1e-5)") == ("incorrect", "scale-factor")
    assert _verdict("tiny-mlp", "W2", value="[[-0.1139], [-0.1172]]  # 4 s.f.") == ("correct", None)
    assert _verdict("tiny-mlp", "W2", value="[[-0.1139], [0.1172]]  # 4 s.f.")[0] == "incorrect"
