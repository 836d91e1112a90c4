"""Printer cases: one expression in, the exact LaTeX string out."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.engine.printing import entry_tex, latex, name_tex
from derive.lang.ops import leaky_relu, relu, relu_grad, sigmoid

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


# ---- long sums as rows (derive site: formulas that fit the column) -------------------------------


def test_break_sum_cuts_a_long_sum_into_aligned_rows_at_top_level_signs() -> None:
    from derive.engine.printing import ROW_CHARS, break_sum, visible_chars

    term = r"\left(\left(y_{\text{pred}}\right)_{%d} - y_{%d}\right)^{2}"
    tex = " + ".join(term % (i, i) for i in range(11, 17))
    rows = break_sum(tex).split(r" \\ &\quad ")
    assert len(rows) == 2 and all(visible_chars(r) <= ROW_CHARS for r in rows)
    assert rows[1].startswith("+ ")  # the sign starts the continued row
    assert " ".join(rows) == tex  # nothing lost or reordered
    # signs inside \left(…\right) or braces are not cut; \leftarrow is not a \left
    inner = (
        r"\left(a - b - c - d - e - f - g - h - i - j - k - l - m - n - o - p - q - r - s\right)"
    )
    assert break_sum(inner) == inner
    assert break_sum(r"a \leftarrow b - c", room=3) == r"a \leftarrow b \\ &\quad - c"
    assert break_sum("a - b") == "a - b"
