"""Our SymPy functions: textbook derivatives, PyTorch's relu'(0) = 0, stable NumPy mappings."""

from __future__ import annotations

import numpy as np
import sympy as sp

from derive.lang.ops import leaky_relu, np_relu_grad, np_sigmoid, relu, relu_grad, sigmoid

z = sp.Symbol("z", real=True)


def test_derivatives_in_textbook_form():
    # σ' = σ(1 − σ), relu' = 1[z > 0], tanh' = 1 − tanh², leaky' = 1[z>0] + a(1 − 1[z>0])
    assert sp.diff(sigmoid(z), z) == sigmoid(z) * (1 - sigmoid(z))
    assert sp.diff(relu(z), z) == relu_grad(z)
    assert sp.diff(sp.tanh(z), z) == 1 - sp.tanh(z) ** 2
    a = sp.Rational(1, 10)
    assert sp.diff(leaky_relu(z, a), z) == relu_grad(z) + a * (1 - relu_grad(z))


def test_sigmoid_derivative_is_true():
    exact = sp.diff(1 / (1 + sp.exp(-z)), z)
    for v in (-3, sp.Rational(1, 7), 2):
        assert abs(float((exact - sp.diff(sigmoid(z), z)).subs(z, v).evalf(30))) < 1e-25


def test_relu_derivative_at_zero_matches_pytorch_not_heaviside():
    assert relu_grad(0) == 0 and relu_grad(sp.Rational(1, 3)) == 1 and relu_grad(-1) == 0
    assert sp.Heaviside(0) == sp.Rational(1, 2)  # SymPy's convention, which we do not use
    np.testing.assert_array_equal(np_relu_grad(np.array([-1.0, 0.0, 2.0])), [0.0, 0.0, 1.0])


def test_numpy_sigmoid_is_stable_at_extremes():
    # conftest makes overflow raise: a naive 1/(1+exp(-x)) would fail at -1000
    out = np_sigmoid(np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0]))
    np.testing.assert_allclose(
        out, [0.0, 9.357622968840175e-14, 0.5, 1 - 9.357622968840175e-14, 1.0], rtol=1e-12, atol=0
    )
