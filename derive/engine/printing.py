"""LaTeX printing in the walkthrough's notation.

``name_tex`` turns a spec identifier into LaTeX (``W1`` → ``W^{[1]}``, ``w11`` → ``w_{11}``,
``Yhat`` → ``\\hat{Y}``, ``y_pred`` → ``y_{\\text{pred}}``); :class:`DeriveLatexPrinter` subclasses
SymPy's ``LatexPrinter`` for ``\\sigma``, ``\\mathbf{1}[z>0]`` and our symbol names. Identifiers
are validated upstream (``[A-Za-z][A-Za-z0-9_]*``), so nothing printed here can carry a macro.
"""

from __future__ import annotations

import re
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import precedence
from sympy.printing.str import StrPrinter

from derive.lang import ops

GREEK = frozenset(
    "alpha beta gamma delta zeta eta theta iota kappa mu nu xi pi rho sigma tau upsilon phi chi "
    "psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)
_TRAILING_DIGITS = re.compile(r"^([A-Za-z]+?)(\d+)$")


# spellings of a Greek letter that are not its LaTeX name
GREEK_ALIASES = {"eps": "\\varepsilon", "epsilon": "\\varepsilon", "lam": "\\lambda"}


def _base(word: str) -> str:
    if word in GREEK_ALIASES:
        return GREEK_ALIASES[word]
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
    if name.endswith("_") or "__" in name or name.startswith("_"):
        # an empty part (trailing or doubled ``_``): the name as written, underscores escaped
        escaped = name.replace("_", "\\_")
        return f"\\mathrm{{{escaped}}}"
    if tail:
        if tail == "hat":
            return f"\\hat{{{name_tex(head)}}}"
        sub = tail if tail.isdigit() else f"\\text{{{tail.replace('_', ' ')}}}"
        m = _TRAILING_DIGITS.match(head)
        if m and not layer:  # h1_raw → h_{1,\text{raw}}
            return f"{_base(m.group(1))}_{{{m.group(2)},{sub}}}"
        greek = head in GREEK or head in GREEK_ALIASES
        if len(head) > 1 and not m and not greek and not head.endswith("hat"):
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


def ordered_terms(expr: sp.Expr, order: str | None = None) -> list[sp.Expr]:
    """The terms of a sum as displayed: SymPy's order, but a sum does not start with a negative
    term when it has a positive one (``y_pred − y_target``, not ``−y_target + y_pred``)."""
    terms = list(expr.as_ordered_terms(order=order))
    pos = [t for t in terms if not t.could_extract_minus_sign()]
    if not pos or not terms[0].could_extract_minus_sign():
        return terms
    return pos + [t for t in terms if t.could_extract_minus_sign()]


_SPACES = {",": "\\thinspace", ":": "\\medspace", ";": "\\thickspace"}
_SPACE_MACRO = re.compile(r"(?<!\\)((?:\\\\)*)\\([,:;]) ?")


def named_spaces(tex: str) -> str:
    """``\\,`` ``\\:`` ``\\;`` spelled ``\\thinspace`` ``\\medspace`` ``\\thickspace``: GitHub's
    Markdown pipeline strips the short forms inside math (``X \\, W`` would read "X, W")."""
    return _SPACE_MACRO.sub(lambda m: f"{m.group(1)}{_SPACES[m.group(2)]} ", tex)


# a display line of about this many visible characters fits the content column of a docs
# theme at 1280 px (MkDocs Material: 688 px at KaTeX's 1.21 em) and a portrait A4 page
ROW_CHARS = 56
_INVISIBLE = re.compile(
    r"\\(?:left|right|big|Big|bigg|Bigg|text|mathrm|operatorname|mathbf|displaystyle)\b|[{}^_]"
)


def visible_chars(tex: str) -> int:
    """A rough count of the characters ``tex`` shows (a command such as ``\\sigma`` is one)."""
    return len(re.sub(r"\\[A-Za-z]+", "x", _INVISIBLE.sub("", tex)).replace(" ", ""))


def _top_level_terms(tex: str) -> list[str]:
    """``tex`` cut before every ``+``/``-`` at brace depth 0 and outside ``\\left…\\right``."""
    terms, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        word = re.match(r"\\[A-Za-z]+", tex[i:])
        if word and word.group(0) in ("\\left", "\\right"):
            depth += 1 if word.group(0) == "\\left" else -1
            i += len(word.group(0))
            continue
        if word:
            i += len(word.group(0))
            continue
        if tex[i] == "\\":
            i += 2
            continue
        if tex[i] == "{":
            depth += 1
        elif tex[i] == "}":
            depth -= 1
        elif tex[i] in "+-" and depth == 0 and tex[start:i].strip() and tex[i - 1] == " ":
            terms.append(tex[start:i].strip())
            start = i
        i += 1
    terms.append(tex[start:].strip())
    return terms


def break_sum(tex: str, room: int = ROW_CHARS) -> str:
    """A long sum as rows of an ``aligned`` block: ``a + b \\\\ &\\quad + c``; the rows go
    after the ``&=`` of the line ``tex`` belongs to. Short or unbreakable ``tex`` is unchanged."""
    if visible_chars(tex) <= room:
        return tex
    rows: list[list[str]] = [[]]
    for term in _top_level_terms(tex):
        if rows[-1] and visible_chars(" ".join([*rows[-1], term])) > room:
            rows.append([])
        rows[-1].append(term)
    if len(rows) == 1:
        return tex
    return " \\\\ &\\quad ".join(" ".join(r) for r in rows)


class DeriveLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with our functions and a symbol-name table; spacing macros by
    name (:func:`named_spaces`)."""

    printmethod = "_derive_latex"

    def doprint(self, expr) -> str:
        return named_spaces(super().doprint(expr))

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        settings.setdefault("mul_symbol", "dot")
        settings.setdefault("mat_delim", "")
        settings.setdefault("mat_str", "bmatrix")
        settings.setdefault("fold_short_frac", False)
        super().__init__(settings)

    def _as_ordered_terms(self, expr: sp.Expr, order: str | None = None) -> list[sp.Expr]:
        return ordered_terms(expr, order)

    def _print_Function(self, expr: sp.Expr, exp: str | None = None) -> str:
        """Our own function classes (``sigmoid``, ``relu``, ``relu_grad``, ``leaky_relu``…)
        print from their row in the operation table; SymPy's own go to SymPy."""
        op = ops.OPS.get(type(expr).__name__)
        if op is None or op.sympy_class is not type(expr) or not _ours(type(expr)):
            return super()._print_Function(expr, exp)
        holes = {k: self._print(a) for (k, _), a in zip(op.params, expr.args[1:], strict=False)}
        tex = op.entry_tex_of(self._print(expr.args[0]), **holes)
        return f"{tex}^{{{exp}}}" if exp else tex


def _ours(cls: type) -> bool:
    return not cls.__module__.startswith("sympy")


def latex(expr: sp.Basic, symbol_names: dict[sp.Symbol, str] | None = None, **settings) -> str:
    """``expr`` as LaTeX in our notation; ``symbol_names`` maps symbols to their LaTeX."""
    if symbol_names:
        settings["symbol_names"] = symbol_names
    return DeriveLatexPrinter(settings).doprint(expr)


# ---- index notation and matrix form (derive.proofs) ------------------------------------------
#
# The proofs write identities with symbolic sizes: ``Sum`` over ``Indexed`` entries, Kronecker
# deltas, and SymPy matrix expressions (``Xᵀ·δ_Z``, ``δ_A ⊙ f'(Z)``). The two printers below
# show them the way a textbook does; they extend (never change) :class:`DeriveLatexPrinter`.
# ``Partial``, ``MatGrad``, ``ShapeOf`` and ``Dims`` are expression classes of
# :mod:`derive.proofs`, dispatched here by class name.

_TAIL_SUBSCRIPT = re.compile(r"_\{([^{}]*)\}$")


def _index_sub(indices: list[str]) -> str:
    """``['i', 'j']`` → ``ij``; anything longer than one character → comma-separated."""
    return ("" if all(len(s) == 1 for s in indices) else ",").join(indices)


def subscript_tex(base_tex: str, sub: str) -> str:
    """Attach a subscript: ``X`` → ``X_{ij}``, ``\\delta_{Z}`` → ``\\delta_{Z,ij}``,
    ``W^{[1]}`` → ``W^{[1]}_{ij}``, ``\\hat{Y}`` → ``\\hat{Y}_{ij}``."""
    m = _TAIL_SUBSCRIPT.search(base_tex)
    if m:
        return f"{base_tex[: m.start()]}_{{{m.group(1)},{sub}}}"
    return f"{base_tex}_{{{sub}}}"


def _factor_rank(f: sp.Basic, order: tuple[str, ...]) -> tuple[int, bool]:
    """Sort key of a factor: listed names first (in order), then other factors, derivatives,
    Kronecker deltas; within a rank, sums (shown in brackets) after the rest: ``σ(z)(1 − σ(z))``."""
    name = type(f).__name__
    if isinstance(f, sp.KroneckerDelta):
        return len(order) + 3, False
    if name in ("Partial", "Deriv"):
        return len(order) + 2, False
    base = f.base if isinstance(f, sp.Pow) else f
    if isinstance(base, sp.Indexed):
        base = base.base.label
    if isinstance(base, sp.Symbol | sp.MatrixSymbol) and base.name in order:
        return order.index(base.name), False
    return len(order) + 1, bool(base.is_Add)


def _ranked_factors(expr: sp.Mul, order: tuple[str, ...]) -> tuple[str, list] | None:
    """The factors of a plain product (no numbers but a sign, no denominators) in textbook
    order, or None when SymPy's own layout should be used (fractions, numeric factors)."""
    numbers = [f for f in expr.args if f.is_Number]
    rest = [f for f in expr.as_ordered_factors() if not f.is_Number]
    coeff = sp.Mul(*numbers)
    if coeff not in (1, -1) or any(
        f.is_Pow and f.exp.is_number and f.exp.is_negative for f in rest
    ):
        return None
    factors = sorted(rest, key=lambda f: _factor_rank(f, order))
    return ("- " if coeff == -1 else ""), factors


def _unevaluated(e: sp.Basic) -> bool:
    """True for a ``Mul`` built with ``evaluate=False`` in a deliberate layout (one that
    evaluating would change): it is printed as built, factor by factor with a dot."""
    return e.func(*e.args).args != e.args


def _times_factors(expr: sp.Mul) -> tuple[str, list[sp.Basic]]:
    args = list(expr.args)
    if len(args) > 1 and args[0] == -1:
        return "- ", args[1:]
    return "", args


def _is_coefficient(f: sp.Basic) -> bool:
    """A number or a ratio like ``1/m``, ``2/m``: juxtaposed with what follows, no dot."""

    def simple(a: sp.Basic) -> bool:
        return bool(a.is_Number or (a.is_Pow and a.exp == -1 and a.base.is_Symbol))

    return simple(f) or bool(f.is_Mul and all(simple(a) for a in f.args))


def _matadd_terms(expr: sp.Basic) -> list[tuple[bool, sp.Basic]]:
    """The terms of a matrix sum as (negative?, term without its sign), positive ones first."""
    out = []
    for t in expr.args:
        if isinstance(t, sp.MatMul):
            coeff, mats = t.as_coeff_mmul()
            if coeff.could_extract_minus_sign():
                rest = [*mats.args] if isinstance(mats, sp.MatMul) else [mats]
                out.append((True, sp.MatMul(-coeff, *rest) if -coeff != 1 else sp.MatMul(*rest)))
                continue
        neg = t.could_extract_minus_sign()
        out.append((neg, -t if neg else t))
    return sorted(out, key=lambda x: x[0])


def _slice_text(expr: sp.Basic) -> str:
    """``[:,2]`` for the (0-based) column slice 1 of a matrix, ``[2,:]`` for a row; 1-based."""
    rows, cols = expr.parent.shape

    def part(sl: tuple[Any, Any, Any], n: Any) -> str:
        start, stop, _step = sl
        if start == 0 and stop == n:
            return ":"
        if stop - start == 1:
            return str(start + 1)
        return f"{start + 1}..{stop}"

    return f"[{part(expr.rowslice, rows)},{part(expr.colslice, cols)}]"


def _is_undefined_call(e: sp.Basic) -> bool:

    return isinstance(e, AppliedUndef) and len(e.args) == 1


class IndexLatexPrinter(DeriveLatexPrinter):
    """LaTeX for index notation and matrix form: ``X_{ik}``, ``\\delta_{Z,ij}``, ``\\delta_{jq}``,
    ``\\sum_{k=1}^{D}`` (1-based display of SymPy's 0-based limits), ``X^{\\top}``, ``\\odot``,
    ``\\mathbf{1}``, ``f'(z)`` and ``\\frac{\\partial L}{\\partial W_{pq}}``.

    Products are juxtaposed; their factors are shown in textbook order: numbers, then the names
    listed in the ``factor_order`` setting (in that order), other factors, derivatives, and
    Kronecker deltas last (``X_{ip} \\delta_{jq}``).
    """

    _default_settings = {**DeriveLatexPrinter._default_settings, "factor_order": ()}

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        settings.setdefault("mul_symbol", None)
        super().__init__(settings)

    def _print_InOrder(self, expr: sp.Add) -> str:
        """A sum shown term by term in the order built (``derive.proofs.InOrder``)."""
        tex = self._print(expr.args[0])
        for term in expr.args[1:]:
            if term.could_extract_minus_sign():
                neg = -term
                body = self._print(neg)
                tex += f" - \\left({body}\\right)" if neg.is_Add else f" - {body}"
            else:
                tex += f" + {self._print(term)}"
        return tex

    def _print_Times(self, expr: sp.Mul) -> str:
        """A product shown factor by factor in the order built (``derive.proofs.Times``):
        ``\\frac{1}{m} \\sum_i …``, ``\\frac{\\partial \\ell}{\\partial \\hat{Y}} \\cdot
        \\frac{\\partial \\hat{Y}}{\\partial Z}``."""
        sign, factors = _times_factors(expr)
        tex = ""
        for n, f in enumerate(factors):
            t = self._print(f)
            if (f.is_Add and (len(factors) > 1 or sign)) or (
                isinstance(f, sp.Sum) and n < len(factors) - 1
            ):
                t = f"\\left({t}\\right)"
            if n:
                juxtapose = _is_coefficient(factors[n - 1]) and not f.is_Number
                tex += " " if juxtapose else " \\cdot "
            tex += t
        return sign + tex

    def _print_Mul(self, expr: sp.Mul) -> str:
        if _unevaluated(expr) and not any(
            a.is_Pow and a.exp.is_number and a.exp.is_negative for a in expr.args
        ):
            args = list(expr.args)
            sign = ""
            if args[0] == -1 and len(args) > 1:
                sign, args = "- ", args[1:]
            parts = [
                f"\\left({self._print(a)}\\right)" if a.is_Add and len(args) > 1 else self._print(a)
                for a in args
            ]
            return sign + " \\cdot ".join(parts)
        ranked = _ranked_factors(expr, self._settings["factor_order"])
        if ranked is None:
            return super()._print_Mul(expr)
        sign, factors = ranked
        parts = []
        for n, f in enumerate(factors):
            t = self._print(f)
            if self._needs_mul_brackets(f, first=n == 0, last=n == len(factors) - 1):
                t = f"\\left({t}\\right)"
            parts.append(t)
        return sign + self._settings["mul_symbol_latex"].join(parts)

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._print(expr.label)

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        sub = _index_sub([self._print(i) for i in expr.indices])
        return subscript_tex(self._print(expr.base), sub)

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta, exp: str | None = None) -> str:
        # Iverson's bracket, not δ: in a handout δ is reserved for gradients
        a, b = (self._print(x) for x in expr.args[:2])
        tex = f"\\left[{a} = {b}\\right]"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_Sum(self, expr: sp.Sum) -> str:
        tex = ""
        for var, lo, hi in reversed(expr.limits):
            tex += f"\\sum_{{{self._print(var)}={self._print(lo + 1)}}}^{{{self._print(hi + 1)}}} "
        body = expr.function
        if body.is_Add:
            return f"{tex}\\left({self._print(body)}\\right)"
        return tex + self._print(body)

    def _print_MatrixSymbol(self, expr: sp.MatrixSymbol) -> str:
        names = self._settings.get("symbol_names") or {}
        if expr in names:
            return names[expr]
        return self._print(sp.Symbol(expr.name))

    def _print_MatrixElement(self, expr) -> str:
        parent = expr.parent
        rows = parent.shape[0]
        i, j = (x + 1 if x.is_Integer else x for x in (expr.i, expr.j))  # 1-based display
        idx = [self._print(j)] if rows == 1 else [self._print(i), self._print(j)]
        sub = _index_sub(idx)
        if isinstance(parent, sp.MatrixSymbol):
            return subscript_tex(self._print(parent), sub)
        return f"\\left({self._print(parent)}\\right)_{{{sub}}}"

    def _print_Transpose(self, expr) -> str:
        arg = expr.arg
        s = self._print(arg)
        if isinstance(arg, sp.MatrixSymbol | sp.OneMatrix) and "^" not in s:
            return f"{s}^{{\\top}}"
        return f"\\left({s}\\right)^{{\\top}}"

    def _print_OneMatrix(self, expr) -> str:
        return "\\mathbf{1}"

    def _print_MatrixSlice(self, expr) -> str:
        """A column ``A[:, h]`` as ``\\left(A\\right)_{:,h}`` (1-based), a row as ``_{h,:}``."""
        sub = _slice_text(expr)[1:-1]
        return f"\\left({self._print(expr.parent)}\\right)_{{{sub}}}"

    def _print_ZeroMatrix(self, expr) -> str:
        return "\\mathbf{0}"

    def _matrix_factor(self, arg: sp.Basic) -> str:
        if isinstance(arg, sp.MatAdd | sp.HadamardProduct) or (
            isinstance(arg, sp.Basic) and getattr(arg, "is_Add", False)
        ):
            return f"\\left({self._print(arg)}\\right)"
        return self._print(arg)

    def _print_MatMul(self, expr) -> str:
        coeff, factors = expr.as_coeff_matrices()
        parts = [self._matrix_factor(f) for f in factors]
        body = " \\thinspace ".join(parts)
        if coeff == 1:
            return body
        if coeff == -1:
            return f"- {body}"
        return f"{self._print(coeff)} {body}"

    def _print_HadamardProduct(self, expr) -> str:
        return " \\odot ".join(self._matrix_factor(a) for a in expr.args)

    def _print_MatAdd(self, expr) -> str:
        tex = ""
        for n, (neg, t) in enumerate(_matadd_terms(expr)):
            body = self._print(t)
            tex += ("- " if n == 0 else " - ") + body if neg else (" + " if n else "") + body
        return tex

    def _print_ElementwiseApplyFunction(self, expr) -> str:
        """``f`` applied entry by entry: the body with the matrix in place of the variable,
        products shown as ``\\odot`` (``σ(Z) ⊙ (1 − σ(Z))``)."""
        lam = expr.function
        if not isinstance(lam, sp.Lambda):
            var = sp.Dummy("x")
            lam = sp.Lambda(var, lam(var))
        var = lam.variables[0]
        stand_in = sp.Symbol(f"__arg_{id(expr)}")
        names = dict(self._settings.get("symbol_names") or {})
        saved = (self._settings.get("symbol_names"), self._settings["mul_symbol_latex"])
        names[stand_in] = self._print(expr.expr)
        self._settings["symbol_names"] = names
        self._settings["mul_symbol_latex"] = " \\odot "
        try:
            body = lam.expr.xreplace({var: stand_in})
            tex = self._print(body)
        finally:
            self._settings["symbol_names"], self._settings["mul_symbol_latex"] = saved
        return f"\\left({tex}\\right)" if body.is_Add else tex

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        if (
            len(expr.variable_count) == 1
            and expr.variable_count[0][1] == 1
            and _is_undefined_call(expr.expr)
            and expr.expr.args[0] == expr.variable_count[0][0]
        ):
            return f"{expr.expr.func.__name__}'\\left({self._print(expr.expr.args[0])}\\right)"
        return super()._print_Derivative(expr)

    def _print_Subs(self, expr: sp.Subs) -> str:
        inner, old, new = expr.args
        if (
            isinstance(inner, sp.Derivative)
            and len(old) == 1
            and _is_undefined_call(inner.expr)
            and inner.expr.args[0] == old[0]
            and inner.variable_count == ((old[0], 1),)
        ):
            return f"{inner.expr.func.__name__}'\\left({self._print(new[0])}\\right)"
        return super()._print_Subs(expr)

    def _print_Partial(self, expr) -> str:
        f, x = expr.args[:2]
        d = "d" if getattr(expr, "ordinary", False) else "\\partial"
        if isinstance(f, sp.Symbol | sp.Indexed | sp.MatrixSymbol):
            return f"\\frac{{{d} {self._print(f)}}}{{{d} {self._print(x)}}}"
        return f"\\frac{{{d}}}{{{d} {self._print(x)}}} {self._matrix_factor(f)}"

    def _print_MatGrad(self, expr) -> str:
        f, x = expr.args
        return f"\\frac{{\\partial {self._print(f)}}}{{\\partial {self._print(x)}}}"

    def _print_ShapeOf(self, expr) -> str:
        return f"\\operatorname{{shape}}\\left({self._print(expr.args[0])}\\right)"

    def _print_Dims(self, expr) -> str:
        return " \\times ".join(self._print(a) for a in expr.args)


def index_latex(expr: sp.Basic, symbol_names: dict[sp.Basic, str] | None = None, **settings) -> str:
    """``expr`` (index notation or a matrix expression) as LaTeX in our notation."""
    if symbol_names:
        settings["symbol_names"] = symbol_names
    return IndexLatexPrinter(settings).doprint(expr)


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


class IndexTextPrinter(StrPrinter):
    """Plain Unicode text for terminals: ``Σ_k X[i,k]·W[k,j]``, ``δ_jq``, ``Xᵀ·δ_Z``, ``⊙``,
    ``∂L/∂W[p,q]``, ``σ(z)``, ``1[z > 0]``. ``text_names`` maps a symbol's name to its text."""

    printmethod = "_derive_text"
    _default_settings = {**StrPrinter._default_settings, "text_names": {}, "factor_order": ()}

    def _print_InOrder(self, expr: sp.Add) -> str:
        text = self._print(expr.args[0])
        for term in expr.args[1:]:
            if term.could_extract_minus_sign():
                neg = -term
                body = self._print(neg)
                text += f" - ({body})" if neg.is_Add else f" - {body}"
            else:
                text += f" + {self._print(term)}"
        return text

    def _print_Times(self, expr: sp.Mul) -> str:
        sign, factors = _times_factors(expr)
        parts = []
        for n, f in enumerate(factors):
            t = self._print(f)
            wrap = f.is_Add and (len(factors) > 1 or bool(sign))
            wrap = wrap or (isinstance(f, sp.Sum) and n < len(factors) - 1)
            wrap = wrap or (len(factors) > 1 and _is_coefficient(f) and not f.is_Integer)
            parts.append(f"({t})" if wrap else t)
        return ("-" if sign else "") + "*".join(parts)

    def _print_Mul(self, expr: sp.Mul) -> str:
        if _unevaluated(expr) and not any(
            a.is_Pow and a.exp.is_number and a.exp.is_negative for a in expr.args
        ):
            args = list(expr.args)
            sign = ""
            if args[0] == -1 and len(args) > 1:
                sign, args = "-", args[1:]
            parts = [
                f"({self._print(a)})" if a.is_Add and len(args) > 1 else self._print(a)
                for a in args
            ]
            return sign + "*".join(parts)
        ranked = _ranked_factors(expr, self._settings["factor_order"])
        if ranked is None:
            return super()._print_Mul(expr)
        sign, factors = ranked
        prec = precedence(expr)
        body = "*".join(self.parenthesize(f, prec, strict=False) for f in factors)
        return ("-" if sign else "") + body

    def _name(self, name: str) -> str:
        return self._settings["text_names"].get(name, name)

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        return self._name(expr.name)

    _print_Dummy = _print_Symbol

    def _print_MatrixSymbol(self, expr: sp.MatrixSymbol) -> str:
        return self._name(expr.name)

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._name(expr.label.name)

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        return f"{self._print(expr.base)}[{','.join(self._print(i) for i in expr.indices)}]"

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta) -> str:
        a, b = (self._print(x) for x in expr.args[:2])
        return f"[{a}={b}]"

    def _print_Sum(self, expr: sp.Sum) -> str:
        head = "".join(f"Σ_{self._print(v)} " for v, _, _ in reversed(expr.limits))
        body = self._print(expr.function)
        return f"{head}({body})" if expr.function.is_Add else head + body

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        b, e = expr.args
        if e.is_Integer and 2 <= int(e) <= 9:
            base = self._print(b)
            if not (b.is_Symbol or b.is_Function or isinstance(b, sp.Indexed)):
                base = f"({base})"
            return base + str(e).translate(_SUPERSCRIPTS)
        return super()._print_Pow(expr, rational)

    def _print_exp(self, expr: sp.Expr) -> str:
        return f"exp({self._print(expr.args[0])})"

    def _print_UnevaluatedExpr(self, expr: sp.UnevaluatedExpr) -> str:
        return self._print(expr.args[0])

    def _print_sigmoid(self, expr: sp.Expr) -> str:
        return f"σ({self._print(expr.args[0])})"

    def _print_relu(self, expr: sp.Expr) -> str:
        return f"ReLU({self._print(expr.args[0])})"

    def _print_relu_grad(self, expr: sp.Expr) -> str:
        return f"1[{self._print(expr.args[0])} > 0]"

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        parts = []
        for e, c in expr.args:
            cond = "otherwise" if c is sp.true else f"if {self._print(c)}"
            parts.append(f"{self._print(e)} {cond}")
        return "{" + "; ".join(parts) + "}"

    def _print_Transpose(self, expr) -> str:
        arg = expr.arg
        s = self._print(arg)
        return f"{s}ᵀ" if isinstance(arg, sp.MatrixSymbol | sp.OneMatrix) else f"({s})ᵀ"

    def _print_OneMatrix(self, expr) -> str:
        return "𝟙"

    def _print_MatrixBase(self, expr: sp.MatrixBase) -> str:
        rows = (
            "[" + ", ".join(self._print(x) for x in expr.row(r)) + "]" for r in range(expr.rows)
        )
        return "[" + ", ".join(rows) + "]"

    _print_ImmutableDenseMatrix = _print_MatrixBase
    _print_MutableDenseMatrix = _print_MatrixBase

    def _print_MatrixSlice(self, expr) -> str:
        return f"({self._print(expr.parent)}){_slice_text(expr)}"

    def _print_ZeroMatrix(self, expr) -> str:
        return "0"

    def _factor(self, arg: sp.Basic) -> str:
        s = self._print(arg)
        if isinstance(arg, sp.MatAdd | sp.HadamardProduct) or getattr(arg, "is_Add", False):
            return f"({s})"
        return s

    def _print_MatMul(self, expr) -> str:
        coeff, factors = expr.as_coeff_matrices()
        body = "·".join(self._factor(f) for f in factors)
        if coeff == 1:
            return body
        if coeff == -1:
            return f"-{body}"
        c_text = self._print(coeff) if coeff.is_Atom else f"({self._print(coeff)})"
        return f"{c_text}·{body}"

    def _print_HadamardProduct(self, expr) -> str:
        return " ⊙ ".join(self._factor(a) for a in expr.args)

    def _print_MatAdd(self, expr) -> str:
        text = ""
        for n, (neg, t) in enumerate(_matadd_terms(expr)):
            body = self._print(t)
            text += ("-" if n == 0 else " - ") + body if neg else (" + " if n else "") + body
        return text

    def _print_MatrixElement(self, expr) -> str:
        parent = expr.parent
        i, j = (x + 1 if x.is_Integer else x for x in (expr.i, expr.j))  # 1-based display
        idx = [j] if parent.shape[0] == 1 else [i, j]
        inner = self._print(parent)
        if not isinstance(parent, sp.MatrixSymbol):
            inner = f"({inner})"
        return f"{inner}[{','.join(self._print(i) for i in idx)}]"

    def _print_ElementwiseApplyFunction(self, expr) -> str:
        lam = expr.function
        if not isinstance(lam, sp.Lambda):
            var = sp.Dummy("x")
            lam = sp.Lambda(var, lam(var))
        stand_in = sp.Symbol(f"__arg_{id(expr)}")
        names = self._settings["text_names"]
        self._settings["text_names"] = {**names, stand_in.name: self._print(expr.expr)}
        try:
            body = lam.expr.xreplace({lam.variables[0]: stand_in})
            text = re.sub(r"(?<!\*)\*(?!\*)", " ⊙ ", self._print(body))
        finally:
            self._settings["text_names"] = names
        return f"({text})" if body.is_Add else text

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        if (
            len(expr.variable_count) == 1
            and expr.variable_count[0][1] == 1
            and _is_undefined_call(expr.expr)
            and expr.expr.args[0] == expr.variable_count[0][0]
        ):
            return f"{expr.expr.func.__name__}'({self._print(expr.expr.args[0])})"
        v = self._print(expr.variable_count[0][0])
        return f"d/d{v} {self._factor(expr.expr)}"

    def _print_Subs(self, expr: sp.Subs) -> str:
        inner, old, new = expr.args
        if isinstance(inner, sp.Derivative) and _is_undefined_call(inner.expr) and len(old) == 1:
            return f"{inner.expr.func.__name__}'({self._print(new[0])})"
        return super()._print_Subs(expr)

    def _print_Partial(self, expr) -> str:
        f, x = expr.args[:2]
        d = "d" if getattr(expr, "ordinary", False) else "∂"
        if isinstance(f, sp.Symbol | sp.Indexed | sp.MatrixSymbol):
            return f"{d}{self._print(f)}/{d}{self._print(x)}"
        return f"{d}/{d}{self._print(x)} {self._factor(f)}"

    def _print_MatGrad(self, expr) -> str:
        f, x = expr.args
        return f"∂{self._print(f)}/∂{self._print(x)}"

    def _print_ShapeOf(self, expr) -> str:
        return f"shape({self._print(expr.args[0])})"

    def _print_Dims(self, expr) -> str:
        return "×".join(self._print(a) for a in expr.args)

    def doprint(self, expr: sp.Basic) -> str:
        s = super().doprint(expr)
        return s.replace("**", "^").replace("*", "·").replace("-", "−")


def index_text(
    expr: sp.Basic, text_names: dict[str, str] | None = None, factor_order: tuple[str, ...] = ()
) -> str:
    """``expr`` as one line of plain Unicode text (``−`` for minus, ``·`` for products)."""
    settings = {"text_names": dict(text_names or {}), "factor_order": tuple(factor_order)}
    return IndexTextPrinter(settings).doprint(expr)
