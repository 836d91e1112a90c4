"""Numbers at the example values, and the working a careful hand calculation shows.

Values are computed exactly where they are rational (``Fraction`` arithmetic: ``0.5·0.1 + 0.1·0.3
= 0.08`` exactly) and in 30-digit arithmetic otherwise (after σ, exp, log, tanh). A number is
shown exactly when it is an exact terminating decimal, otherwise rounded once, from the
high-precision value, to 7 decimals with ``≈`` — never rounded twice.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from derive.engine import tolerance as tol
from derive.engine.backprop import Derivation
from derive.engine.printing import DeriveLatexPrinter, entry_masks, entry_pair_max, ordered_terms
from derive.engine.printing import name_tex as _name_tex
from derive.errors import BadInput
from derive.lang import expr as ex
from derive.lang import ops
from derive.locale import catalog

DIGITS = 7
# a negative number substituted as a function's argument: σ((−0.5)) → σ(−0.5)
_DOUBLE_PARENS = re.compile(
    r"\\left\(\\left\((-[0-9.]+(?: \\times 10\^\{-?\d+\})?)\\right\)"
    r"\\right\)"
)
# a negative number substituted as a whole numerator: \frac{(−0.24)}{3} → \frac{−0.24}{3}
_FRAC_PARENS = re.compile(r"\\frac\{\\left\((-[0-9.]+(?: \\times 10\^\{-?\d+\})?)\\right\)\}")
# a negative number substituted as a whole exponent needs no brackets: e^{\left(-0.276\right)}
# → e^{-0.276} (the superscript's braces group it)
_EXP_PARENS = re.compile(r"\^\{\\left\((-[0-9.]+(?: \\times 10\^\{-?\d+\})?)\\right\)\}")
# a fraction whose numerator is a negative number, where it is a term (at the start, after
# + or −, after an opening parenthesis): the sign in front, as a lecturer writes it
# ("0.0322398 − \frac{4.1869175}{7.7543900}", not "+ \frac{-4.1869175}{7.7543900}")
_FRAC_SIGN = re.compile(
    r"(^|[+-] |\\left\()\\frac\{-([0-9.]+(?: \\times 10\^\{-?\d+\})?)\}"
)


def _frac_sign(m: re.Match) -> str:
    before, num = m.group(1), m.group(2)
    sign = {"+ ": "- ", "- ": "+ "}.get(before, before + "- ")
    return f"{sign}\\frac{{{num}}}"


# a formula this long (characters of LaTeX) is also written with an index over the batch's rows
# where it is a row sum (Working.index_tex): the handout's short form of a tall working
INDEX_FROM = 300

# A hand working's line is written out only up to this many characters of LaTeX (about four
# printed lines of the page): the longest line of the built-ins' workings is well under it
# (batchnorm's whole working is 861), while an entry of a loss inlined through a group norm or a
# Transformer block runs to 13-27 KB — no reader follows that, KaTeX refuses it ("Too many
# expansions": its maxExpand is 1000, and a line this short has fewer control sequences than
# that) and the PDF line overflows. Beyond it the working shows less (:attr:`Working.cut`).
MAX_LINE_TEX = 1000


@dataclass(frozen=True)
class Number:
    """A value as shown: ``tex`` is ``0.08`` or ``-0.0136681``; ``exact`` says whether
    ``tex`` is the exact value (then ``=``) or rounded (then ``≈``)."""

    value: float
    exact: bool
    tex: str

    @property
    def rel(self) -> str:
        return "=" if self.exact else "\\approx"

    @property
    def text(self) -> str:
        return self.tex.replace(" \\times 10^{", "e").replace("\\times 10^{", "e").replace("}", "")


@dataclass(frozen=True)
class Working:
    """``formula = substituted = term values = result`` for one entry (forward or gradient)."""

    lhs_tex: str
    formula_tex: str
    substituted_tex: str | None  # None when the formula is just a number or a single symbol
    terms_tex: str | None  # the value of each term of a sum, when that adds a line
    result: Number
    substituted_exact: bool = True  # False once a shown number is rounded
    terms_exact: bool = True
    # what the working leaves out because it is too long to follow (MAX_LINE_TEX): "" nothing;
    # "numbers": the formula with the numbers substituted (and the term values), so the formula
    # is followed by its value; "formula": the formula itself, so only the value is shown
    cut: str = ""
    # the formula with an index over the batch's rows, ``-\frac{1}{2} \sum_{i=1}^{n} …`` (a sum
    # of the same term for each row, written once), "" when it is not such a sum
    index_tex: str = ""

    def chain(self) -> list[tuple[str, str]]:
        """``[(relation, tex), …]`` after ``lhs``: the displayed equalities, in order; ``≈``
        from the first line that shows a rounded number on, except before a result that is
        exactly 0 (a masked unit, a zero target): ``≈ 0.1281243 · 1[−0.15 > 0] = 0``, and before
        exact terms of an exact result (a masked entry: ``≈ (−0.35) · 1[0 ≠ 0] − 10⁹ · 1[0 = 0]
        = 0 − 10⁹ = −10⁹``). A working cut down to its value (``cut == "formula"``) is
        ``lhs = value`` (or ``≈``)."""
        if self.cut == "formula":
            return [(self.result.rel, self.result.tex)]
        out = [("=", self.formula_tex)]
        exact = True
        for tex, ok in (
            (self.substituted_tex, self.substituted_exact),
            (self.terms_tex, self.terms_exact),
        ):
            if tex is not None and tex != out[-1][1]:
                exact = exact and ok or (tex is self.terms_tex and ok and self.result.exact)
                out.append(("=" if exact else "\\approx", tex))
        if self.result.tex != out[-1][1]:
            zero = self.result.exact and self.result.value == 0
            out.append((self.result.rel if exact or zero else "\\approx", self.result.tex))
        return out


def _finite(v: Any) -> bool:
    if isinstance(v, Fraction):
        return True
    return isinstance(v, mpmath.mpf) and bool(mpmath.isfinite(v))


def as_mpf(x: Any) -> mpmath.mpf:
    """An :meth:`Example.value` (``Fraction`` or ``mpf``) as an ``mpf`` at the current precision."""
    if isinstance(x, Fraction):
        return mpmath.mpf(x.numerator) / x.denominator
    return x


def _decimal(q: Fraction) -> str | None:
    """The exact decimal of ``q`` if it terminates within 12 places."""
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d != 1:
        return None
    for places in range(13):
        scaled = q * 10**places
        if scaled.denominator == 1:
            n = abs(scaled.numerator)
            s = str(n).rjust(places + 1, "0")
            body = s if places == 0 else f"{s[:-places]}.{s[-places:]}"
            return ("-" if q < 0 else "") + body
    return None


#: digits at which a sum still below the rounding of its terms (:func:`_cancelled`) is 0
CANCEL_DPS = 4 * tol.EXAMPLE_DPS


class _Cancelled(ArithmeticError):
    """A sum of many-digit terms that cancel to within their rounding, below
    :data:`CANCEL_DPS` digits: :meth:`Example.value` evaluates again with more digits."""


def _cancelled(total: mpmath.mpf, terms: list[Any]) -> bool:
    """Is ``total`` of ``terms`` within the rounding of the working precision — what is left of
    terms that cancel exactly (an RMSNorm row orthogonal to a weight column, times 1/√(ms + ε):
    −9.86 × 10⁻³² at 30 digits, 0 in PyTorch)? 10³ units in the last digit of the largest term;
    a true difference that small (1 − σ(65)) is found again with more digits."""
    scale = max(abs(as_mpf(x)) for x in terms)
    return abs(total) <= scale * mpmath.mpf(10) ** (3 - mpmath.mp.dps)


def _ten_power(x: mpmath.mpf) -> int | None:
    """``k`` where ``|x|`` is exactly ``10^k`` with ``k ≥ 5`` (else ``None``)."""
    k = int(mpmath.nint(mpmath.log10(abs(x))))
    return k if k >= 5 and abs(x) == mpmath.mpf(10) ** k else None


def fmt(value: Any) -> Number:
    """Format an exact ``Fraction`` or a high-precision ``mpf``."""
    if isinstance(value, Fraction):
        if value.denominator == 1 and value and _ten_power(mpmath.mpf(value.numerator)) is not None:
            k = _ten_power(mpmath.mpf(value.numerator))  # a mask's fill, exact: −10⁹, not −1000000000
            return Number(float(value), True, f"{'-' if value < 0 else ''}10^{{{k}}}")
        if value and value.numerator in (1, -1) and _ten_power(mpmath.mpf(value.denominator)):
            k = _ten_power(mpmath.mpf(value.denominator))  # ε = 10⁻⁵, not 0.00001
            return Number(float(value), True, f"{'-' if value < 0 else ''}10^{{-{k}}}")
        dec = _decimal(value)
        if dec is not None:
            return Number(float(value), True, dec)
        value = as_mpf(value)
    x = value if isinstance(value, mpmath.mpf) else mpmath.mpf(value)
    f = float(x)
    if x == 0:
        return Number(0.0, True, "0")
    if 1e-3 <= abs(f) < 1e5:
        s = mpmath.nstr(
            x,
            DIGITS + max(0, int(mpmath.floor(mpmath.log10(abs(x)))) + 1),
            min_fixed=-10,
            max_fixed=10,
            strip_zeros=False,
        )
        s = f"{f:.{DIGITS}f}" if "e" in s else s
        s = f"{round(f, DIGITS):.{DIGITS}f}" if len(s.split(".")[-1]) != DIGITS else s
    elif math.isfinite(f) and f != 0 and _ten_power(x) is not None:  # a mask's −10⁹ fill
        # exactly ±10^k at 30 digits, as exact as the 0 below: a masked entry is its fill
        return Number(f, True, f"{'-' if f < 0 else ''}10^{{{_ten_power(x)}}}")
    elif math.isfinite(f) and f != 0:
        mant, exp = f"{f:.{DIGITS - 1}e}".split("e")
        s = f"{mant} \\times 10^{{{int(exp)}}}"
    elif f == 0:  # below float64 (e^{-10^9} after a mask of -1e9): 0 in float64 and PyTorch
        return Number(0.0, False, "0")
    else:  # beyond float64 (e^1000 at a saturated example): mpmath keeps the exponent
        e10 = int(mpmath.floor(mpmath.log10(abs(x))))
        mant_mp = x / mpmath.mpf(10) ** e10
        s = f"{mpmath.nstr(mant_mp, DIGITS, min_fixed=-1, max_fixed=2)} \\times 10^{{{e10}}}"
    return Number(f, False, s)


class ExampleValueError(BadInput, ValueError):
    """The example values make a value of the derivation undefined or infinite (exit 2)."""


class Example:
    """Values of every symbol of a derivation at the spec's ``[values]``."""

    def __init__(
        self, d: Derivation, point: Any = None, dps: int = tol.EXAMPLE_DPS, cancel: bool = True
    ) -> None:
        """``point``: other values than the spec's (``{name: float array}``, e.g. a random
        point of ``derive verify``), taken as the exact binary numbers they are; ``dps``: the
        digits to start with."""
        self.d = d
        g = d.graph
        self.values: dict[sp.Symbol, Any] = {}
        for s, v in g.scalar_values.items():
            self.values[s] = Fraction(int(v.p), int(v.q))
        given = (
            g.spec.values
            if point is None
            else {k: [[mpmath.mpf(float(x)) for x in row] for row in v] for k, v in point.items()}
        )
        for name, rows in given.items():
            for s, v in zip(g.tensors[name].symbols, [v for row in rows for v in row], strict=True):
                self.values[s] = v
        self._cache: dict[sp.Basic, Any] = {}
        self._numbers: dict[sp.Basic, Number] = {}  # number(e), cleared with _cache
        self._walked: set[sp.Basic] = set()  # subexpressions whose symbols _prime has queued
        self._ranks: dict[sp.Symbol, dict[sp.Symbol, int]] | None = None  # see _spec_rank
        self._row_index: dict[sp.Symbol, tuple[Any, int, int, bool]] | None = None  # _rows_of
        self._given = dict(self.values)
        self._applied: dict[sp.Basic, sp.Symbol] | None = None  # see _by_name
        self._dps = dps
        # a sum that cancels within its rounding is 0 (:func:`_cancelled`); without, it keeps
        # the residue (the exercises tell a coincidental 0 of an irrational factor by it)
        self._cancel = cancel

    def value(self, e: sp.Basic) -> Any:
        """Exact ``Fraction`` if rational, else a 30-digit ``mpf``.

        A saturated example (σ(1000) is 1 to 30 digits, so 1 − σ is 0 and a quotient blows up)
        is evaluated again with more digits, up to :data:`tolerance.EXAMPLE_MAX_DPS`; a value
        that is still not a finite real number raises :class:`ValueError` naming it."""
        dps = self._dps
        while True:
            try:
                with mpmath.workdps(dps):
                    self._prime(e)
                    v = self._eval(e)
                if _finite(v):
                    return v
                complex_ = isinstance(v, mpmath.mpc)
            except (ZeroDivisionError, OverflowError, _Cancelled):
                complex_ = False
            except (TypeError, ValueError):
                complex_ = True  # mpmath: "cannot create mpf from mpc"
            if complex_ or dps >= tol.EXAMPLE_MAX_DPS:
                sentence = catalog.said("refuse.exact", name=self._name(e), dps=dps)
                raise catalog.refusal(ExampleValueError, sentence)
            dps = min(dps * 4, tol.EXAMPLE_MAX_DPS)
            self._dps = dps
            self._cache.clear()
            self._numbers.clear()
            self._walked.clear()
            self.values = dict(self._given)

    def _prime(self, e: sp.Basic) -> None:
        """Evaluate the defined symbols ``e`` depends on, deepest first and without recursion
        through the definitions (a chain of 200 sigmoid nodes would exceed Python's recursion
        limit in :meth:`_eval`)."""
        defs = self.d.defs
        stack: list[tuple[sp.Basic, bool]] = [(e, False)]
        seen: set[sp.Basic] = set()
        walked: set[sp.Basic] = set()
        while stack:
            x, ready = stack.pop()
            if ready:
                if x not in self.values:
                    self._eval(x)  # through _eval: a subclass may round what it stores
                continue
            if x in seen or x in self.values:
                continue
            seen.add(x)
            if x.is_Symbol:
                if x not in defs:
                    continue
                stack.append((x, True))
                x = defs[x]
            stack.extend((s, False) for s in self._symbols(x, walked) if s not in self.values)
        self._walked |= walked

    def _symbols(self, x: sp.Basic, walked: set[sp.Basic]) -> list[sp.Basic]:
        """The symbols of ``x`` (``free_symbols``), skipping subexpressions whose symbols an
        earlier call has evaluated: a subexpression shared by many definitions (the
        pre-activation inside every ``relu'(z)`` of a column) is walked once per call, where
        ``free_symbols`` walks it again for each value asked for. (Within a call every
        occurrence is walked, so each definition's symbols are queued above it.)"""
        out = []
        stack = [x]
        done = self._walked
        while stack:
            y = stack.pop()
            if y in done:
                continue
            walked.add(y)
            if y.is_Symbol:
                out.append(y)
            else:
                stack.extend(y.args)
        return out

    def _name(self, e: sp.Basic) -> str:
        """``W1[0, 1]`` or ``∂L/∂W1[0, 1]`` for a symbol, else its LaTeX."""
        for name, t in self.d.graph.tensors.items():
            for prefix, arr in (("", t.symbols), ("∂L/∂", getattr(t, "grads", None))):
                if arr is None:
                    continue
                for i, row in enumerate(arr.tolist()):
                    for j, s in enumerate(row):
                        if s == e:
                            return f"{prefix}{name}[{i}, {j}]"
        return str(self.d.graph.symbol_tex.get(e, e))

    def _eval(self, e: sp.Basic) -> Any:
        hit = self._cache.get(e)
        if hit is not None:
            return hit
        if e.is_Symbol:
            v = self.values.get(e)
            if v is None:
                v = self.values[e] = self._eval(self.d.defs[e])
        elif e.is_Rational:
            v = Fraction(int(e.p), int(e.q))
        elif e.is_NumberSymbol:  # π in erf's derivative 2/√π·e^{−x²}
            v = mpmath.mpf(str(e.evalf(mpmath.mp.dps + 5)))
        elif e.is_Add or e.is_Mul:
            vals = [self._eval(a) for a in e.args]
            if not all(isinstance(x, Fraction) for x in vals):
                vals = [as_mpf(x) for x in vals]
            v = vals[0]
            for x in vals[1:]:
                v = v + x if e.is_Add else v * x
            if e.is_Add and self._cancel and isinstance(v, mpmath.mpf) and v and _cancelled(v, vals):
                if mpmath.mp.dps < CANCEL_DPS:
                    raise _Cancelled  # evaluated again with more digits (value's loop)
                v = mpmath.mpf(0)  # still nothing left at CANCEL_DPS: the terms cancel exactly
        elif e.is_Pow:
            b, x = self._eval(e.args[0]), e.args[1]
            v = b ** int(x) if x.is_Integer else as_mpf(b) ** as_mpf(self._eval(x))
        elif e.func in (ops.clamp0, ops.clamp0_grad):
            x = self._eval(e.args[0])
            v = (x if x > 0 else Fraction(0)) if e.func is ops.clamp0 else Fraction(int(x >= 0))
        elif e.func in (ops.relu, ops.relu_grad):
            x = self._eval(e.args[0])
            v = (x if x > 0 else Fraction(0)) if e.func is ops.relu else Fraction(int(x > 0))
        elif e.func is ops.leaky_relu:
            x, a = (self._eval(t) for t in e.args)
            v = x if x > 0 else a * x
        elif e.func is sp.Abs or e.func is sp.sign:
            x = self._eval(e.args[0])
            v = abs(x) if e.func is sp.Abs else Fraction((x > 0) - (x < 0))
        elif e.func in (funcs := ops.sympy_mpmath()):  # the operation table's functions
            v = funcs[e.func](*(as_mpf(self._eval(a)) for a in e.args))
        else:
            raise TypeError(f"cannot evaluate {e.func}")
        self._cache[e] = v
        return v

    def number(self, e: sp.Basic) -> Number:
        """``value(e)`` as shown (asked again and again for the same entries by the hand
        calculations: kept until the digits change)."""
        hit = self._numbers.get(e)
        if hit is None:
            hit = self._numbers[e] = fmt(self.value(e))
        return hit

    def matrix(self, symbols: sp.MatrixBase) -> list[list[Number]]:
        return [
            [self.number(symbols[i, j]) for j in range(symbols.cols)] for i in range(symbols.rows)
        ]

    def matrix_tex(self, symbols: sp.MatrixBase) -> str:
        """``\\begin{bmatrix} … \\end{bmatrix}`` of the values (a bare number for 1×1)."""
        rows = self.matrix(symbols)
        if len(rows) == 1 and len(rows[0]) == 1:
            return rows[0][0].tex
        body = " \\\\ ".join(" & ".join(n.tex for n in row) for row in rows)
        return f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}"

    def all_exact(self, symbols: sp.MatrixBase) -> bool:
        return all(self.number(s).exact for s in symbols)

    def _num_names(self, e: sp.Basic) -> dict[sp.Symbol, str]:
        out = {}
        for s in e.free_symbols:
            n = self.number(s)
            out[s] = (
                f"\\left({n.tex}\\right)" if n.tex.startswith("-") or "times" in n.tex else n.tex
            )
        return out

    def _spec_rank(self, lhs_symbol: sp.Symbol) -> dict[sp.Symbol, int]:
        """For an entry of a forward node: each symbol's rank in the order the spec writes the
        node's names (``u = w * x``: w before x); empty for anything else."""
        if self._ranks is None:  # every node's, once (a hand calculation per entry asks)
            g, self._ranks = self.d.graph, {}
            for owner in g.nodes:
                rank: dict[sp.Symbol, int] = {}
                for i, name in enumerate(ex.names(owner.tree)):
                    if name in g.tensors:
                        rank.update((s, i) for s in g.tensors[name].symbols)
                    elif name in g.scalars:
                        rank[g.scalars[name]] = i
                for s in g.tensors[owner.name].symbols:
                    self._ranks.setdefault(s, rank)  # the first node holding the entry
        return self._ranks.get(lhs_symbol, {})

    def _by_name(self, formula: sp.Expr, lhs_symbol: sp.Symbol) -> sp.Expr:
        """``formula`` with each function application that is a node entry's definition
        written as that entry (``1 − tanh²(x₁₁W₁₁ + …)`` → ``1 − (h₁₁)²``): an activation applied
        inline, ``h = tanh(x @ W + b)``, is not expanded into its argument's whole sum at every
        hand calculation after it (the entry's own definition stays as it is)."""
        if self._applied is None:
            defs = self.d.defs
            names = self.d.graph.symbol_tex
            self._applied = {
                e: s
                for s, e in defs.items()
                if isinstance(e, sp.Function) and e.args and s in names and not e.is_Symbol
            }
        found = {
            e: s
            for e, s in self._applied.items()
            if s != lhs_symbol and e != formula and formula.has(e)
        }
        return formula.xreplace(found) if found else formula

    def _sizes_cancelled(self, formula: sp.Expr) -> sp.Expr:
        """``formula`` with a [dims] size written as its value where that value cancels a number
        of the same formula: a logsumexp's blame read as a mean over its ``c`` entries of a row
        carries ``1/c`` beside the ``5`` of the row's written-out sum (``−5·δ·τ·eˣ/(c·Σ)``, with
        c = 5, is ``−δ·τ·eˣ/Σ``). An entry's formula is at the example's sizes already (its sums
        written out term by term); a size that cancels nothing keeps its name (``2/(m·n)``)."""
        g = self.d.graph
        sizes = {g.scalars[k]: v for k, v in self.d.spec.dims.items() if k in g.scalars}
        for s in sorted(formula.free_symbols & sizes.keys(), key=str):
            at = formula.xreplace({s: sp.Integer(int(sizes[s]))})
            if _height(at) < _height(formula):
                formula = at
        return formula

    def _rows_of(self) -> dict[sp.Symbol, tuple[Any, int, int, bool]]:
        """Every entry symbol (values and gradients) → ``(tensor, row, column, gradient)``."""
        if self._row_index is None:
            out: dict[sp.Symbol, tuple[Any, int, int, bool]] = {}
            for t in self.d.graph.tensors.values():
                if t.scalar:
                    continue
                for grad, m in ((False, t.symbols), (True, t.grads)):
                    if m is None:
                        continue
                    for i in range(m.rows):
                        for j in range(m.cols):
                            out[m[i, j]] = (t, i, j, grad)
            self._row_index = out
        return self._row_index

    def index_form(self, formula: sp.Expr, rank: dict[sp.Symbol, int]) -> str:
        """``formula`` written with an index over the rows of the batch, when it is a sum of
        the same term for each row (batch norm's δvar₁ = −½ Σᵢ δY_{i1} γ₁ (Z_{i1} − μ₁)/(var₁ +
        ε)^{3/2}); "" otherwise. Exact by construction: each row's term is checked to be the
        first row's with the row index replaced (SymPy equality), so the Σ is that sum."""
        rows = self._rows_of()
        coef, body = sp.Integer(1), formula
        if isinstance(formula, sp.Mul):
            adds = [a for a in formula.args if isinstance(a, sp.Add)]
            if len(adds) != 1:
                return ""
            body = adds[0]
            coef = sp.Mul(*(a for a in formula.args if a is not body))
            if any(rows.get(x, (None, 0))[1] for x in coef.free_symbols):
                return ""  # the factor outside varies by row: not one sum
        if not isinstance(body, sp.Add) or len(body.args) < 3:
            return ""
        terms = list(body.args)

        def dim(x: sp.Symbol) -> tuple[int, str]:
            """The rows' size of the tensor ``x`` is an entry of, with its [dims] name: two sizes
            of one number (n = d = 3) are not the same rows."""
            size = rows[x][0].shape[0]
            return int(size), str(getattr(size, "label", None) or "")

        def row(t: sp.Expr) -> int | None:
            found = {rows[x][1] for x in t.free_symbols if x in rows and dim(x) == batch}
            return found.pop() if len(found) == 1 else None

        families: list[tuple[sp.Expr, Any]] = []
        rest: list[sp.Expr] = []
        n, batch = 0, (0, "")
        for size in sorted({dim(x) for x in body.free_symbols if x in rows}, reverse=True):
            if size[0] >= 2 and len(terms) >= size[0]:
                n, batch = size[0], size
                break
        if not n:
            return ""
        left = list(terms)
        while left:
            t = left.pop(0)
            if row(t) != 0:
                rest.append(t)
                continue
            varying = {x for x in t.free_symbols if x in rows and dim(x) == batch}
            moved = []
            for r in range(1, n):
                swap = {x: _at_row(rows[x][0], rows[x][1:], r) for x in varying}
                moved.append(t.xreplace(swap))
            if all(m in left for m in moved):
                for m in moved:
                    left.remove(m)
                families.append((t, varying))
            else:
                rest.append(t)
        if not families or len(rest) > 2:
            return ""
        letter = next(c for c in "ikrs" if c not in self.d.spec.dims and c not in self.d.graph.tensors)
        owner = next(iter(families[0][1]))
        dim = rows[owner][0].shape[0]
        top = _name_tex(dim.label) if getattr(dim, "label", None) else str(n)
        names = dict(self.d.graph.symbol_tex)
        pieces: list[tuple[bool, str]] = []
        for t, varying in families:
            marks = {}
            for x in varying:
                tensor, _, j, grad = rows[x]
                mark = sp.Symbol(f"{x.name}@{letter}", real=True)
                marks[x] = mark
                names[mark] = _row_entry_tex(tensor, j, grad, letter, self.d.graph.loss_tex)
            number, inner = t.xreplace(marks).as_coeff_Mul()
            inner_tex = _spec_latex(inner, names, rank)
            if isinstance(inner, sp.Add):
                inner_tex = f"\\left({inner_tex}\\right)"
            scale = "" if abs(number) == 1 else _spec_latex(abs(number), {}, {}) + " "
            pieces.append((number < 0, f"{scale}\\sum_{{{letter}=1}}^{{{top}}} {inner_tex}"))
        for t in rest:
            neg = t.could_extract_minus_sign()
            pieces.append((neg, _spec_latex(-t if neg else t, names, rank)))
        text = ""
        for k, (neg, tex) in enumerate(pieces):
            text += ("-" if neg else "") + tex if k == 0 else (" - " if neg else " + ") + tex
        if coef != 1:
            c_tex = _spec_latex(coef, names, rank)
            if coef == -1:
                text = f"-\\left({text}\\right)" if len(pieces) > 1 else f"-{text}"
            else:
                text = f"{c_tex} \\left({text}\\right)" if len(pieces) > 1 else f"{c_tex} \\cdot {text}"
        return text

    def working(self, lhs_symbol: sp.Symbol, formula: sp.Expr) -> Working:
        """The hand calculation of one entry: its formula, numbers substituted, the value of
        each term (for sums of products), and the result. A product of plain entries keeps the
        spec's order of its factors (``u = w·x`` as written, not SymPy's ``x·w``)."""
        names = self.d.graph.symbol_tex
        formula = self._sizes_cancelled(self._by_name(formula, lhs_symbol))
        # a formula of more leaves (symbols, numbers) than a line has characters prints longer
        # than the line: it is not printed at all (SymPy's printer is the cost of a deep entry)
        rank = self._spec_rank(lhs_symbol)
        too_long = _leaves_over(formula, MAX_LINE_TEX)
        formula_tex = "" if too_long else _spec_latex(formula, names, rank)
        if too_long or len(formula_tex) > MAX_LINE_TEX:
            return Working(names[lhs_symbol], "", None, None, self.number(lhs_symbol), cut="formula")
        index = self.index_form(formula, rank) if len(formula_tex) > INDEX_FROM else ""
        sub, sub_exact = None, True
        if formula.free_symbols and not formula.is_Symbol:
            sub = _DOUBLE_PARENS.sub(
                r"\\left(\1\\right)", _spec_latex(formula, self._num_names(formula), rank)
            )
            sub = _FRAC_PARENS.sub(r"\\frac{\1}", sub)
            sub = _EXP_PARENS.sub(r"^{\1}", sub)
            sub = _FRAC_SIGN.sub(_frac_sign, sub)
            sub_exact = all(self.number(s).exact for s in formula.free_symbols)
            if len(sub) > MAX_LINE_TEX:  # the formula, then its value: no numbers line
                return Working(
                    names[lhs_symbol], formula_tex, None, None, self.number(lhs_symbol),
                    cut="numbers", index_tex=index,
                )
        terms, terms_exact = None, True

        def trivial(a: sp.Basic) -> bool:
            return a.is_Symbol or a.is_Number or (-a).is_Symbol

        pair = entry_pair_max(formula)
        if pair is not None:  # max(p, q) as printed: the two values it chooses between
            a, b = self.number(pair[1]), self.number(pair[2])
            terms, terms_exact = f"\\{pair[0]}\\left({a.tex}, {b.tex}\\right)", a.exact and b.exact
        elif formula.is_Add and not all(trivial(a) for a in formula.args):
            nums = [self.number(a) for a in _shown_terms(formula)]
            terms_exact = all(n.exact for n in nums)
            zeros = sum(1 for n in nums if n.exact and n.value == 0)
            if zeros == len(nums) or (len(nums) >= 3 and zeros == len(nums) - 1):
                # every term is exactly 0 (2/9·(0 − 0)), or all but one of three or more (a
                # one-hot row times a matrix): the line would be the value padded with zeros,
                # "= 0 + 0 = 0", "0.8 + 0 + 0 + 0 + 0" (two terms keep theirs: a masked entry's
                # "0 − 10⁹" says which of its two terms it took)
                pass
            elif terms_exact or len(nums) <= 4:
                parts = []
                for k, n in enumerate(nums):
                    t = n.tex
                    parts.append(t if k == 0 else f"- {t[1:]}" if t.startswith("-") else f"+ {t}")
                terms = " ".join(parts)
                if len(terms) > MAX_LINE_TEX:
                    terms = None
        return Working(
            names[lhs_symbol],
            formula_tex,
            sub,
            terms,
            self.number(lhs_symbol),
            sub_exact,
            terms_exact,
            index_tex=index,
        )


def _at_row(tensor: Any, at: tuple[int, int, bool], r: int) -> sp.Symbol:
    """The symbol of ``tensor``'s entry in row ``r`` and the column of ``at`` (its value or,
    with ``at``'s flag, its gradient)."""
    _, j, grad = at
    return (tensor.grads if grad else tensor.symbols)[r, j]


def _row_entry_tex(tensor: Any, j: int, grad: bool, letter: str, loss_tex: str) -> str:
    """``Z^{[2]}_{i1}`` (``δ`` of it for a gradient): the entry of row ``letter``, column j."""
    sub = letter if tensor.shape[1] == 1 else f"{letter}{',' if j >= 9 else ''}{j + 1}"
    tex = tensor.tex
    entry = (
        f"\\left({tex}\\right)_{{{sub}}}"
        if tex.endswith("}") and "_{" in tex.rsplit("^", 1)[-1]
        else f"{tex}_{{{sub}}}"
    )
    if not grad:
        return entry
    if tensor.kind == "param":
        return f"\\frac{{\\partial {loss_tex}}}{{\\partial {entry}}}"
    return f"\\delta_{{{entry}}}"


def _height(formula: sp.Expr) -> int:
    """The size of the numbers a formula writes: |p| + |q| of each term's rational factor."""
    total = 0
    for term in sp.Add.make_args(formula):
        c = term.as_coeff_Mul()[0]
        if isinstance(c, sp.Rational):
            total += abs(int(c.p)) + abs(int(c.q))
    return total


def _leaves_over(expr: sp.Basic, limit: int) -> bool:
    """Whether ``expr``'s tree has more than ``limit`` leaves (symbols and numbers, each
    counted as often as it occurs): stops counting once past ``limit``."""
    stack, n = [expr], 0
    while stack:
        e = stack.pop()
        if e.args:
            stack.extend(e.args)
        else:
            n += 1
            if n > limit:
                return True
    return False


def _shown_terms(formula: sp.Add) -> list[sp.Expr]:
    """The terms of ``formula`` as its printed line shows them: a mask spelled with two ReLU
    slopes (``c·1[x > 0] + c·1[−x > 0] − c``, printed ``−c·1[x = 0]``) is one term, so the line of
    term values reads ``0.0096167 + 0``, not ``0.0096167 + 0 + 10⁹ − 10⁹`` (the same sum)."""
    found: list[tuple[sp.Symbol, str, sp.Expr]] = []
    grouped = entry_masks(formula, found)
    if grouped is None:
        return list(_ordered_terms(formula, None))
    meaning = {}
    for mark, op, x in found:
        either = ops.relu_grad(x) + ops.relu_grad(-x)  # 1[x ≠ 0]
        meaning[mark] = either if op != "=" else 1 - either
    terms = grouped.args if isinstance(grouped, sp.Add) else (grouped,)
    order = _ordered_terms(sp.Add(*terms, evaluate=False), None)
    return [t.xreplace(meaning) for t in order]


@functools.lru_cache(maxsize=4096)
def _ordered_terms(expr: sp.Expr, order: str | None) -> tuple[sp.Expr, ...]:
    """:func:`~derive.engine.printing.ordered_terms`, memoised: a hand calculation prints its
    formula with the names, then with the numbers, and lists its terms (SymPy sorts them each
    time). Here, not in the engine's printer: that is in the shipped proofs' source key."""
    return tuple(ordered_terms(expr, order))


class _SpecOrderPrinter(DeriveLatexPrinter):
    """Our LaTeX printer, with the factors of a product of plain symbols in a given order (none
    given: exactly :func:`~derive.engine.printing.latex`), a sum's terms ordered once."""

    def __init__(self, settings: dict, rank: dict[sp.Symbol, int]) -> None:
        super().__init__(settings)
        self._rank = rank

    def _as_ordered_terms(self, expr: sp.Expr, order: str | None = None) -> list[sp.Expr]:
        return list(_ordered_terms(expr, order))

    def _print_Integer(self, expr: sp.Integer) -> str:
        """A power of ten from 10⁶ on (a mask's fill, ``-1e9``) as ``10^{9}``, as the matrix forms
        and the tables of values write it."""
        k = _ten_power(mpmath.mpf(int(expr))) if expr else None
        if k is not None and k >= 6:
            return f"{'-' if expr < 0 else ''}10^{{{k}}}"
        return self._print_Rational(expr)

    def _print_Mul(self, expr: sp.Mul) -> str:
        factors = list(expr.as_ordered_factors())
        if len(factors) > 1 and all(f.is_Symbol and f in self._rank for f in factors):
            order = sorted(factors, key=lambda f: self._rank[f])
            if order != factors:
                return " \\cdot ".join(self._print(f) for f in order)
        return super()._print_Mul(expr)


def _spec_latex(expr: sp.Basic, names: dict[sp.Symbol, str], rank: dict[sp.Symbol, int]) -> str:
    """:func:`latex` with the spec's order of factors (``rank``; none given: SymPy's)."""
    return _SpecOrderPrinter({"symbol_names": names} if names else {}, rank).doprint(expr)
