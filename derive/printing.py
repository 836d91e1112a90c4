"""LaTeX printing in the walkthrough's notation.

``name_tex`` turns a spec identifier into LaTeX (``W1`` → ``W^{[1]}``, ``w11`` → ``w_{11}``,
``Yhat`` → ``\\hat{Y}``, ``y_pred`` → ``y_{\\text{pred}}``); :class:`DeriveLatexPrinter` subclasses
SymPy's ``LatexPrinter`` for ``\\sigma``, ``\\mathbf{1}[z>0]`` and our symbol names. Identifiers
are validated upstream (``[A-Za-z][A-Za-z0-9_]*``), so nothing printed here can carry a macro.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter

GREEK = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa mu nu xi rho sigma tau phi chi "
    "psi omega Gamma Delta Theta Phi Psi Omega".split()
)
_TRAILING_DIGITS = re.compile(r"^([A-Za-z]+?)(\d+)$")


def _base(word: str) -> str:
    if word in GREEK:
        return "\\" + word
    if word.endswith("hat") and len(word) > 3:
        return f"\\hat{{{_base(word[:-3])}}}"
    if len(word) == 1:
        return word
    return f"\\mathrm{{{word}}}"


def name_tex(name: str, *, layer: bool = False) -> str:
    """LaTeX for an identifier. ``layer=True`` prints trailing digits as a layer index
    (``W1`` → ``W^{[1]}``), otherwise as a subscript (``w11`` → ``w_{11}``)."""
    head, _, tail = name.partition("_")
    if tail:
        if tail == "hat":
            return f"\\hat{{{name_tex(head)}}}"
        sub = tail if tail.isdigit() else f"\\text{{{tail.replace('_', ' ')}}}"
        m = _TRAILING_DIGITS.match(head)
        if m and not layer:  # h1_raw → h_{1,\text{raw}}
            return f"{_base(m.group(1))}_{{{m.group(2)},{sub}}}"
        if len(head) > 1 and not m and head not in GREEK and not head.endswith("hat"):
            escaped = name.replace("_", "\\_")
            return f"\\mathrm{{{escaped}}}"
        return f"{name_tex(head, layer=layer)}_{{{sub}}}"
    m = _TRAILING_DIGITS.match(name)
    if m and not name.endswith("hat"):
        word, digits = m.groups()
        base = _base(word)
        return f"{base}^{{[{digits}]}}" if layer else f"{base}_{{{digits}}}"
    return _base(name)


def entry_tex(matrix_tex: str, index: tuple[int, ...]) -> str:
    """``W^{[1]}`` and (0, 1) → ``W^{[1]}_{12}`` (1-based; commas when an index exceeds 9)."""
    one_based = [str(i + 1) for i in index]
    sep = "," if any(i >= 9 for i in index) else ""
    sub = sep.join(one_based)
    if matrix_tex.endswith("}") and "_{" in matrix_tex.rsplit("^", 1)[-1]:
        return f"\\left({matrix_tex}\\right)_{{{sub}}}"
    return f"{matrix_tex}_{{{sub}}}"


def grad_tex(loss_tex: str, of_tex: str) -> str:
    return f"\\frac{{\\partial {loss_tex}}}{{\\partial {of_tex}}}"


class DeriveLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with our functions and a symbol-name table."""

    printmethod = "_derive_latex"

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        settings.setdefault("mul_symbol", "dot")
        settings.setdefault("mat_delim", "")
        settings.setdefault("mat_str", "bmatrix")
        settings.setdefault("fold_short_frac", False)
        super().__init__(settings)

    def _print_sigmoid(self, expr: sp.Expr, exp: str | None = None) -> str:
        tex = f"\\sigma\\left({self._print(expr.args[0])}\\right)"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_relu(self, expr: sp.Expr, exp: str | None = None) -> str:
        tex = f"\\operatorname{{ReLU}}\\left({self._print(expr.args[0])}\\right)"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_relu_grad(self, expr: sp.Expr, exp: str | None = None) -> str:
        tex = f"\\mathbf{{1}}\\left[{self._print(expr.args[0])} > 0\\right]"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_leaky_relu(self, expr: sp.Expr, exp: str | None = None) -> str:
        x, slope = (self._print(a) for a in expr.args)
        tex = f"\\operatorname{{LeakyReLU}}_{{{slope}}}\\left({x}\\right)"
        return f"{tex}^{{{exp}}}" if exp else tex


def latex(expr: sp.Basic, symbol_names: dict[sp.Symbol, str] | None = None, **settings) -> str:
    """``expr`` as LaTeX in our notation; ``symbol_names`` maps symbols to their LaTeX."""
    if symbol_names:
        settings["symbol_names"] = symbol_names
    return DeriveLatexPrinter(settings).doprint(expr)
