"""One matrix-form evaluator over three number systems, and the printer classes."""

from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp
import torch

from derive.engine import mform as mf

m = sp.Symbol("m", positive=True, integer=True)
X_SYMS = sp.ImmutableMatrix(2, 3, sp.symbols("x0:6", real=True))
VALUES = np.array([[0.5, -1.2, 0.3], [2.0, 0.7, -0.4]])
X = mf.Ref("X", "value", X_SYMS, "X")


def _tree() -> mf.MExpr:
    """(σ(X) ⊙ |X|)ᵀ … a bit of everything: functions, powers, reductions, a loss."""
    pos = mf.add(mf.mul(X, X), mf.Scalar(sp.Integer(1)))
    a = mf.mul(mf.Func("sigmoid", X), mf.Func("abs", X))
    b = mf.div(mf.Pow(pos, mf.exponent(sp.Rational(-1, 2))), mf.Scalar(m))
    c = mf.Call("softmax", (mf.add(a, b),), (), (2, 3))
    d = mf.add(mf.SumCols(c), mf.Func("leaky_relu", X, sp.Rational(1, 10)))
    s = mf.Call("mean", (d,), (("axis", mf.Scalar(sp.Integer(0))),), (1, 3))
    return mf.MatMul(mf.T(mf.mul(X, s)), mf.Ones((2, 1)))


def test_one_evaluator_three_number_systems_agree():
    tree = _tree()
    env_np = {"X": VALUES}
    scal = {m: 2.0}
    ours = mf.Evaluator(mf.NumpySystem(env_np, scal)).run(tree)
    values = dict(zip(X_SYMS, VALUES.ravel(), strict=True))
    with mpmath.workdps(50):
        grid = tree.evaluate(lambda e: mpmath.mpf(float(sp.sympify(e).xreplace({m: 2, **values}))))
    np.testing.assert_allclose(np.array(grid, dtype=float), ours, rtol=1e-13)
    t = torch.tensor(VALUES, dtype=torch.float64, requires_grad=True)
    tt = mf.Evaluator(mf.TorchSystem({"X": t}, scal)).run(tree)
    np.testing.assert_allclose(tt.detach().numpy(), ours, rtol=1e-13)
    tt.sum().backward()  # autograd goes through the same evaluator
    assert t.grad is not None and t.grad.shape == (2, 3)


def test_printers_are_classes_with_one_method_per_node():
    p = mf.Pow(mf.add(mf.mul(X, X), mf.Scalar(sp.Integer(1))), mf.exponent(sp.Rational(1, 2)))
    assert mf.LatexPrinter().doprint(p) == "\\sqrt{X \\odot X + 1}"
    assert mf.TextPrinter().doprint(p) == "(X ⊙ X + 1)^(1/2)"
    assert mf.NumpyPrinter().doprint(p) == "(X * X + 1) ** 0.5"
    third = mf.Pow(X, mf.exponent(sp.Rational(1, 3)))
    assert mf.NumpyPrinter().doprint(third) == "X ** (1 / 3)"  # exact, not 0.333…
    assert mf.LatexPrinter().doprint(third) == "X^{1/3}"
    assert p.tex() == mf.LatexPrinter().doprint(p) and p.code() == mf.NumpyPrinter().doprint(p)
    f = mf.Func("leaky_relu", X, sp.Rational(1, 100))
    assert f.code() == "np.where(X > 0, X, 1/100 * X)"
    assert mf.Func("relu_grad", X).tex() == "\\mathbf{1}\\left[X > 0\\right]"
    assert mf.Func("abs", X).text() == "|X|"
    assert mf.Scalar(1 / sp.sqrt(2)).code() == "(1/2)*np.sqrt(2)"


def test_exponents_are_ints_or_exact_rationals():
    assert mf.exponent(2) == 2 and isinstance(mf.exponent(2), int)
    assert mf.exponent(sp.Rational(3, 2)) == sp.Rational(3, 2)
    from fractions import Fraction

    assert mf.exponent(Fraction(-1, 2)) == sp.Rational(-1, 2)


def test_indicator_is_an_ir_node_of_the_one_evaluator_and_printers():
    """A hand-written comparison ``(X > 0.5)`` (derive check) evaluates in every number system and
    prints in every printer like any other node."""
    half = mf.Scalar(sp.Rational(1, 2))
    tree = mf.mul(mf.Indicator(">", X, half), mf.Indicator("<=", X, mf.Scalar(sp.Integer(2))))
    want = ((VALUES > 0.5) & (VALUES <= 2)).astype(float)
    ours = mf.Evaluator(mf.NumpySystem({"X": VALUES}, {})).run(tree)
    np.testing.assert_array_equal(ours, want)
    values = dict(zip(X_SYMS, VALUES.ravel(), strict=True))
    with mpmath.workdps(50):
        grid = tree.evaluate(lambda e: mpmath.mpf(float(sp.sympify(e).xreplace(values))))
    np.testing.assert_array_equal(np.array(grid, dtype=float), want)
    t = torch.tensor(VALUES, dtype=torch.float64)
    np.testing.assert_array_equal(mf.Evaluator(mf.TorchSystem({"X": t}, {})).run(tree).numpy(), want)
    assert tree.tex() == "\\mathbf{1}[X > \\frac{1}{2}] \\odot \\mathbf{1}[X \\leq 2]"
    assert tree.text() == "1[X > 1/2] ⊙ 1[X <= 2]"
    assert tree.code() == "(X > 1/2) * (X <= 2)"


def test_a_ones_matrix_times_a_matrix_of_its_shape_is_that_matrix():
    """∂(c·Σw²)/∂w reads c·2w, not c·𝟙 ⊙ 2w; a row times 𝟙 keeps the 𝟙 (it sets the shape)."""
    w = mf.Ref("w", "value", sp.ImmutableMatrix(sp.symbols("w1:4")), "w")
    c = mf.Scalar(sp.Symbol("lam") / 2)
    two_w = mf.mul(mf.Scalar(sp.Integer(2)), w)
    assert mf.mul(mf.mul(c, mf.Ones((3, 1))), two_w) == mf.mul(c, two_w)
    assert mf.mul(mf.Ones((3, 1)), w) == w
    row = mf.Ref("r", "value", sp.ImmutableMatrix([sp.symbols("r1:4")]), "r")
    assert isinstance(mf.mul(mf.Ones((2, 3)), row), mf.Mul)
    m = sp.Symbol("m")
    assert mf.mul(mf.Scalar(-1 / m), w) == mf.neg(mf.mul(mf.Scalar(1 / m), w))


def test_a_hadamard_product_left_of_a_matrix_product_keeps_its_brackets():
    """(R ⊙ H) W, not R ⊙ H W, which reads as R ⊙ (H W)."""
    h = mf.Ref("H", "value", X_SYMS, "H")
    w = mf.Ref("W", "value", sp.ImmutableMatrix(3, 2, sp.symbols("w0:6")), "W")
    left = mf.MatMul(mf.mul(X, h), w)
    assert left.tex() == "\\left(X \\odot H\\right) \\thinspace W"
    assert left.text() == "(X ⊙ H)·W"


def test_a_minus_before_a_negative_term_is_bracketed() -> None:
    """A negation of something printed with a leading minus reads ``-(-X)`` / ``- (-X)``, never
    ``--X`` (a user's CS231n handout showed ``--\\frac{1}{N} 1 \\cdot y``), in LaTeX, text and
    NumPy code; the value is unchanged (the NumPy code evaluates to X)."""
    inner = mf.Neg(X)
    for printer in (mf.LatexPrinter(), mf.TextPrinter(), mf.NumpyPrinter()):
        alone = printer.doprint(mf.Neg(inner))
        summed = printer.doprint(mf.Add((X, mf.Neg(inner))))
        assert "--" not in alone and "- -" not in summed, (alone, summed)
    code = mf.NumpyPrinter().doprint(mf.Neg(inner))
    x = np.arange(6.0).reshape(X.shape)
    assert np.array_equal(eval(code, {"X": x, "np": np}), x)  # our own printed code, not user text
