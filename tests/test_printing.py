"""Printer cases: one expression in, the exact LaTeX string out."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.engine.printing import break_rows, entry_tex, latex, name_tex
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
    from derive.engine.printing import ROW_WIDTH, break_sum, display_width

    term = r"\left(\left(y_{\text{pred}}\right)_{%d} - y_{%d}\right)^{2}"
    tex = " + ".join(term % (i, i) for i in range(11, 17))
    rows = break_sum(tex).split(r" \\ &\quad ")
    assert len(rows) == 2 and all(display_width(r) <= ROW_WIDTH for r in rows)
    assert rows[1].startswith("+ ")  # the sign starts the continued row
    assert " ".join(rows) == tex  # nothing lost or reordered
    # \leftarrow is not a \left; a short sum stays one row
    assert break_sum(r"a \leftarrow b - c", room=3) == r"a \leftarrow b \\ &\quad - c"
    assert break_sum("a - b") == "a - b"
    # signs inside braces are never cut (the sum inside \frac's denominator is one piece)
    frac = r"\frac{1}{a - b - c - d - e - f - g - h - i - j - k - l - m - n - o - p - q - r}"
    assert break_sum(frac, room=10) == frac


def test_a_break_inside_parentheses_closes_and_reopens_them_on_each_row() -> None:
    from derive.engine.printing import break_rows

    inner = r"\left(a - b - c - d - e - f - g - h - i - j - k - l - m - n - o - p - q - r - s\right)"
    rows = break_rows(r"X \odot " + inner, room=20)
    assert len(rows) > 1
    for row in rows:  # every row is balanced LaTeX on its own
        assert row.count(r"\left") == row.count(r"\right")
    assert rows[0].endswith(r"\right.") and rows[1].startswith(r"\left.")
    plain = " ".join(r.replace(r"\left. ", "").replace(r" \right.", "") for r in rows)
    assert plain == r"X \odot " + inner
    # outer operators are preferred: a sum of two products breaks at its +, not inside
    tex = r"A \odot \left(b - c\right) + D \odot \left(e - f\right)"
    assert break_rows(tex, room=12) == [r"A \odot \left(b - c\right)", r"+ D \odot \left(e - f\right)"]


def test_a_long_fraction_is_opened_so_its_sum_can_be_broken() -> None:
    from derive.engine.printing import break_rows

    num = " + ".join(f"x_{{{i}}}^{{2}}" for i in range(1, 25))
    rows = break_rows(rf"\frac{{{num}}}{{m \cdot n}}", room=30)
    assert rows[0].startswith(r"\frac{1}{m \cdot n} \left(x_{1}^{2} + ")
    assert rows[-1].endswith(r"x_{24}^{2}\right)") and len(rows) > 2


def test_layout_shows_a_matrix_of_equal_columns_one_column_at_a_time() -> None:
    from derive.engine.printing import layout

    col = r"x_{11} d_{1} v \left(1 - a_{1}^{2}\right) + x_{21} d_{2} v \left(1 - a_{2}^{2}\right)"
    col2 = col.replace("x_{11}", "x_{12}").replace("x_{21}", "x_{22}")
    rhs = r"\begin{bmatrix}" + " & ".join([col] * 4) + r"\\" + " & ".join([col2] * 4) + r"\end{bmatrix}"
    tex, n = layout("G", "=", rhs)
    assert n == 4
    assert tex == rf"\left(G\right)_{{:,j}} = \begin{{bmatrix}}{col}\\{col2}\end{{bmatrix}}"
    # one differing entry: not the same in every column, so never collapsed
    other = rhs.replace(col2, "y", 1)
    assert layout("G", "=", other)[1] == 0
    assert layout("G", "=", "a + b") == ("G = a + b", 0)


def test_display_width_tracks_what_katex_draws() -> None:
    from derive.engine.printing import display_width

    # a fraction is as wide as its wider part; scripts are smaller; capitals are wider
    assert display_width(r"\frac{a + b + c}{d}") < display_width("a + b + c + d")
    assert display_width("x_{123}") < display_width("x123")
    assert display_width("XYZ") > display_width("xyz")
    m = r"\begin{bmatrix} a & bbbbbb \\ cccccc & d \end{bmatrix}"
    assert display_width(m) < display_width("a bbbbbb cccccc d") + 6


def test_number_symbols_print_as_their_letters() -> None:
    """π and e come from ops such as erf (its derivative 2/√π·e^{−x²}); the printer's own
    printmethod bypasses SymPy's, so they need their own rules (π once printed \\text{\\Pi})."""
    x = sp.Symbol("x")
    assert latex(2 / sp.sqrt(sp.pi) * sp.exp(-(x**2))) == "\\frac{2 \\cdot e^{- x^{2}}}{\\sqrt{\\pi}}"
    assert latex(sp.E) == "e" and latex(sp.oo) == "\\infty"


def test_a_long_sum_breaks_into_rows_in_linear_time() -> None:
    """A 2,000-term sum (an entry of a wide layer) is broken into rows; the row search once
    measured every span after each cut (cubic: minutes for a (12, 12, 12) MLP's handout)."""
    tex = " + ".join(f"0.{k:04d} \\cdot w_{{{k}}}" for k in range(2000))
    rows = break_rows(tex)
    assert len(rows) > 50 and "".join(rows).replace(" ", "") == tex.replace(" ", "")


def test_display_width_reads_nested_matrices_cell_by_cell() -> None:
    """A block matrix of blocks (barlow twins' off-diagonal mask) was cut inside a nested
    ``\\begin{bmatrix}`` (``\\end{…}`` counted twice): an internal AssertionError in the PDF build."""
    from derive.engine.printing import _cells, display_width

    inner = r"\begin{bmatrix} a & b \end{bmatrix}"
    outer = rf"\begin{{bmatrix}} {inner} & \mathbf{{0}} \\ \mathbf{{0}} & {inner} \end{{bmatrix}}"
    body = outer[len(r"\begin{bmatrix}") : -len(r"\end{bmatrix}")]
    rows = [_cells(r, "&") for r in _cells(body, "\\\\")]
    assert [[c.strip() for c in r] for r in rows] == [[inner, r"\mathbf{0}"], [r"\mathbf{0}", inner]]
    assert display_width(outer) > 2 * display_width(inner)
    assert display_width(rf"x + \begin{{bmatrix}} {outer} \\ {outer} \end{{bmatrix}}") > 0
