"""Printer cases: one expression in, the exact LaTeX string out."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.functions import leaky_relu, relu, relu_grad, sigmoid
from derive.printing import entry_tex, latex, name_tex

x, y = sp.symbols("x y")


@pytest.mark.parametrize(
    "expr, tex",
    [
        (sigmoid(x), r"\sigma\left(x\right)"),
        (relu_grad(x), r"\mathbf{1}\left[x > 0\right]"),
        (relu(x), r"\operatorname{ReLU}\left(x\right)"),
        (
            leaky_relu(x, sp.Rational(1, 10)),
            r"\operatorname{LeakyReLU}_{\frac{1}{10}}\left(x\right)",
        ),
        (x * y, r"x \cdot y"),
        (sp.Rational(1, 2) * x, r"\frac{x}{2}"),
    ],
)
def test_function_printing(expr, tex):
    assert latex(expr) == tex


def test_symbol_names():
    assert latex(x * y, {x: "w_{11}", y: "x_{1}"}) == r"w_{11} \cdot x_{1}"


@pytest.mark.parametrize(
    "name, layer, tex",
    [
        ("W1", True, "W^{[1]}"),
        ("W1", False, "W_{1}"),
        ("w11", False, "w_{11}"),
        ("Yhat", False, r"\hat{Y}"),
        ("Y_hat", False, r"\hat{Y}"),
        ("y_pred", True, r"y_{\text{pred}}"),
        ("h1_raw", False, r"h_{1,\text{raw}}"),
        ("pos_weight", False, r"\mathrm{pos\_weight}"),
        ("sigma", False, r"\sigma"),
        ("loss", False, r"\mathrm{loss}"),
    ],
)
def test_name_tex(name, layer, tex):
    assert name_tex(name, layer=layer) == tex


def test_entry_tex_is_one_based():
    assert entry_tex("W^{[1]}", (0, 1)) == "W^{[1]}_{12}"
    assert entry_tex("X", (9, 0)) == "X_{10,1}"
    assert entry_tex(r"y_{\text{pred}}", (0,)) == r"\left(y_{\text{pred}}\right)_{1}"
