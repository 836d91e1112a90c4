"""Size-independent proofs of the backpropagation rules, as chains of verified :class:`Step`\\ s.

Each proof derives one identity the way a careful textbook does — in index notation with
symbolic sizes ``N, D, M`` (``Z_ij = Σ_k X_ik W_kj``, Kronecker deltas, the chain rule as a sum
over entries) or, for scalar rules, line by line — and every displayed line is a :class:`Step`
made by :func:`derive.steps.prove`, so a false line raises :class:`StepError`.

How a line is checked (:class:`IndexChecker`): at several seeded points the symbolic sizes get
small random integers, the free indices random in-range values and the entries random rationals;
both sides are instantiated (sums expanded, Kronecker deltas evaluated, matrix expressions
multiplied out) and compared in 50-digit arithmetic. The instance (:class:`World`) defines every
quantity from the same rules the backprop pass uses: :mod:`derive.losses` for the loss formulas
and :mod:`derive.functions` for the activations. A derivative ``∂f/∂x`` on the left of a line
(:class:`Partial`, :class:`MatGrad`) is the *ground truth*: the world differentiates the
elementary form of ``f``'s definition (``σ`` rewritten through ``exp``, ``ReLU`` as a piecewise
function), never our ``fdiff`` rules — so a wrong rule in ``functions.py`` or a wrong loss formula
in ``losses.py`` makes some line false and the proof raises.

The right-hand sides are produced by the engine: SymPy differentiation of the index expressions,
``deltasummation`` for the Kronecker collapse, ``diff`` (which calls our ``fdiff`` rules) for the
activation derivatives, and SymPy's own algebra (``expand``, ``collect``) for the simplifications;
the textbook targets (``Xᵀ·δ_Z``, ``Ŷ − Y``, ``σ(1 − σ)``) are SymPy expressions the derivation
must reach. All LaTeX is printed by :func:`derive.printing.index_latex`; all plain text by
:func:`derive.printing.index_text`.

The prose — titles, the reason of each step, assumptions and notes — lives in the locale
catalogues (``derive/locale/<lang>.toml``: ``proof_titles``, ``prove.reasons``, ``prove.notes``,
``prove.heads``); here there are only its keys.

Public API: :class:`Proof`, :data:`PROOFS`, :func:`get_proof`, :func:`proof_names`,
:func:`title`, :func:`reason_text`, :func:`note_text`, :func:`format_text`.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp
from sympy.concrete.delta import deltasummation
from sympy.core.function import AppliedUndef
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement

from derive import catalog, losses
from derive.functions import leaky_relu, relu, relu_grad, sigmoid
from derive.printing import index_latex, index_text, name_tex
from derive.steps import Checker, Step, StepError, Term, prove

# ---- expression classes ----------------------------------------------------------------------


class Partial(sp.Expr):
    """``∂f/∂x`` kept unevaluated. ``f`` is a defined quantity (``L``, an entry ``Z[i,j]``) or an
    expression; ``x`` an entry or a scalar. A checker evaluates it as the ground truth: the
    derivative of the elementary form of ``f``'s definition (see :meth:`World.partial`)."""

    is_commutative = True
    ordinary = False  # print ∂ (True: d, for functions of one variable)

    def __new__(cls, f: Any, x: Any) -> Partial:
        return sp.Expr.__new__(cls, sp.sympify(f), sp.sympify(x))


class Deriv(Partial):
    """``d f/d x`` for a function of one variable (printed with ``d``)."""

    ordinary = True


class InOrder(sp.Add):
    """A sum that keeps its terms in the order given, for display (``Ŷ − Y``, ``Σ_k X_ik W_kj
    + b_j``); its value is the ordinary sum."""

    def __new__(cls, *terms: Any, evaluate: bool = False) -> sp.Expr:
        args = [sp.sympify(t) for t in terms]
        if evaluate:
            return sp.Add(*args)
        return sp.Add.__new__(cls, *args, evaluate=False)

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return sp.Add(*self.args)._eval_evalf(prec)


class Times(sp.Mul):
    """A product that keeps its factors in the order given, for display (``(1/m)·Σ_i …``,
    ``∂ℓ/∂Ŷ · ∂Ŷ/∂Z``); its value is the ordinary product."""

    def __new__(cls, *factors: Any, evaluate: bool = False) -> sp.Expr:
        args = [sp.sympify(f) for f in factors]
        if evaluate:
            return sp.Mul(*args)
        return sp.Mul.__new__(cls, *args, evaluate=False)

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return sp.Mul(*self.args)._eval_evalf(prec)


def _plain(e: Any) -> Any:
    """``e`` with the display-only :class:`InOrder` / :class:`Times` nodes made ordinary."""
    e = sp.sympify(e)
    e = e.replace(lambda x: isinstance(x, InOrder), lambda x: sp.Add(*x.args))
    return e.replace(lambda x: isinstance(x, Times), lambda x: sp.Mul(*x.args))


class MatGrad(sp.MatrixExpr):
    """``∂f/∂X`` for a scalar ``f`` and a matrix symbol ``X``: the matrix of :class:`Partial`\\ s,
    with the shape of ``X``."""

    def __new__(cls, f: Any, x: sp.MatrixExpr) -> MatGrad:
        return sp.Basic.__new__(cls, sp.sympify(f), x)

    @property
    def shape(self) -> tuple[sp.Expr, sp.Expr]:
        return self.args[1].shape

    def _entry(self, i: Any, j: Any, **kwargs: Any) -> sp.Expr:
        return Partial(self.args[0], self.args[1][i, j])


class ShapeOf(sp.Basic):
    """The shape of a matrix expression; instantiated to :class:`Dims` (raises if the factors of
    a product do not conform)."""


class Dims(sp.Basic):
    """A shape ``rows × cols`` in size symbols."""

    def __new__(cls, *dims: Any) -> Dims:
        return sp.Basic.__new__(cls, *(sp.sympify(d) for d in dims))


# ---- sizes and indices -----------------------------------------------------------------------

N, D, M, K, m = sp.symbols("N D M K m", integer=True, positive=True)
i, j, k, p, q, r = sp.symbols("i j k p q r", integer=True, nonnegative=True)


def _elementary(e: sp.Basic) -> sp.Basic:
    """``e`` with our functions (and ``tanh``) written through ``exp`` and ``Piecewise``: what
    SymPy differentiates without any of the ``fdiff`` rules of :mod:`derive.functions`."""
    e = e.replace(sigmoid, lambda x: 1 / (1 + sp.exp(-x)))
    e = e.replace(relu, lambda x: sp.Piecewise((x, x > 0), (0, True)))
    e = e.replace(relu_grad, lambda x: sp.Piecewise((1, x > 0), (0, True)))
    e = e.replace(leaky_relu, lambda x, s: sp.Piecewise((x, x > 0), (s * x, True)))
    return e.replace(sp.tanh, lambda x: (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x)))


class _Evaluator(Checker):
    """:class:`Checker` that also evaluates ``Piecewise`` and comparisons (the ground-truth
    derivative of ``ReLU``) and ``UnevaluatedExpr``."""

    def _eval(self, e: sp.Basic, k: int) -> Any:
        if isinstance(e, sp.Piecewise):
            for expr, cond in e.args:
                if self._truth(cond, k):
                    return self._eval(expr, k)
            raise StepError(f"no branch of {e} applies")
        if isinstance(e, sp.UnevaluatedExpr):
            return self._eval(e.args[0], k)
        return super()._eval(e, k)

    def _truth(self, cond: sp.Basic, k: int) -> bool:
        if cond is sp.true:
            return True
        if cond is sp.false:
            return False
        if isinstance(cond, sp.And):
            return all(self._truth(a, k) for a in cond.args)
        if isinstance(cond, sp.Or):
            return any(self._truth(a, k) for a in cond.args)
        if isinstance(cond, sp.Rel):
            a, b = self._eval(cond.lhs, k), self._eval(cond.rhs, k)
            ops = {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b, "==": a == b}
            if cond.rel_op in ops:
                return bool(ops[cond.rel_op])
        raise StepError(f"cannot decide the condition {cond}")


# ---- a concrete instance ---------------------------------------------------------------------


@dataclass
class World:
    """One concrete instance of a proof's setting: sizes fixed, every entry a symbol.

    Leaves are free symbols (drawn at random by the evaluator, from ``domains`` if given);
    defined quantities have a definition in ``defs`` (their own rule: ``Z = X·W``, ``A = σ(Z)``,
    ``L = bce(...)``). ``funcs`` gives concrete functions for undefined ones (a generic ``f``).
    """

    sizes: dict[sp.Symbol, int] = field(default_factory=dict)
    entries: dict[str, sp.ImmutableMatrix] = field(default_factory=dict)
    defs: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)
    domains: dict[sp.Symbol, tuple[float, float]] = field(default_factory=dict)
    funcs: dict[sp.FunctionClass, sp.Lambda] = field(default_factory=dict)
    base_of: dict[sp.Symbol, str] = field(default_factory=dict)
    _partials: dict[tuple[sp.Basic, sp.Symbol], sp.Expr] = field(default_factory=dict, repr=False)

    def size(self, dim: Any) -> int:
        return int(sp.sympify(dim).xreplace(self.sizes))

    def _symbols(self, name: str, shape: tuple[Any, Any] | None) -> Any:
        if shape is None:
            sym = sp.Symbol(name)
            self.base_of[sym] = name
            return sym
        r, c_ = self.size(shape[0]), self.size(shape[1])
        mat = sp.ImmutableMatrix(r, c_, lambda a, b: sp.Symbol(f"{name}[{a},{b}]"))
        for s in mat:
            self.base_of[s] = name
        self.entries[name] = mat
        return mat

    def leaf(
        self, name: str, shape: tuple[Any, Any] | None = None, domain: tuple[float, float] = None
    ) -> Any:
        """Free entries (a matrix of symbols, or one symbol when ``shape`` is None)."""
        out = self._symbols(name, shape)
        if domain is not None:
            for s in out if shape is not None else [out]:
                self.domains[s] = domain
        return out

    def define(self, name: str, value: Any) -> Any:
        """Entries with a definition: ``value`` is a SymPy matrix (or one expression)."""
        if isinstance(value, sp.MatrixBase):
            out = self._symbols(name, value.shape)
            for s, v in zip(out, value, strict=True):
                self.defs[s] = sp.sympify(v)
            return out
        sym = self._symbols(name, None)
        self.defs[sym] = sp.sympify(value)
        return sym

    def random_function(self, name: str, f: sp.FunctionClass, degree: int = 3) -> sp.Lambda:
        """A concrete stand-in for the undefined function ``f``: a random cubic."""
        t = sp.Dummy("t")
        coeffs = [self.leaf(f"{name}_c{n}") for n in range(degree + 1)]
        lam = sp.Lambda(t, sp.Add(*(a * t**n for n, a in enumerate(coeffs))))
        self.funcs[f] = lam
        return lam

    def random_loss(self, of: sp.MatrixBase) -> sp.Expr:
        """A scalar loss of the entries of ``of``: ``Σ a·x + b·x²`` with random ``a, b`` (any
        loss will do for a rule that holds for every upstream gradient)."""
        a = self.leaf("loss_a", of.shape)
        b = self.leaf("loss_b", of.shape)
        return sp.Add(*(a[n] * x + b[n] * x**2 for n, x in enumerate(of)))

    # -- derivatives ---------------------------------------------------------------------------

    def expand(self, e: sp.Basic, stop: set[sp.Symbol]) -> sp.Basic:
        """``e`` with definitions substituted down to the leaves, except the ``stop`` symbols."""
        memo: dict[sp.Symbol, sp.Basic] = {}

        def go(s: sp.Symbol) -> sp.Basic:
            if s not in memo:
                d = self.defs[s]
                memo[s] = d.xreplace({t: go(t) for t in d.free_symbols if self._opens(t, stop)})
            return memo[s]

        return e.xreplace({t: go(t) for t in e.free_symbols if self._opens(t, stop)})

    def _opens(self, t: sp.Basic, stop: set[sp.Symbol]) -> bool:
        return t in self.defs and t not in stop

    def partial(self, f: sp.Basic, x: sp.Symbol) -> sp.Expr:
        """Ground truth ``∂f/∂x``: ``f`` expanded down to the entries of ``x``'s quantity (which
        are the independent variables), written in elementary functions, differentiated."""
        key = (f, x)
        if key not in self._partials:
            name = self.base_of.get(x)
            if name is None:
                raise StepError(f"cannot differentiate with respect to {x}")
            stop = set(self.entries[name]) if name in self.entries else {x}
            self._partials[key] = sp.diff(_elementary(self.expand(f, stop)), x)
        return self._partials[key]

    # -- instantiation -------------------------------------------------------------------------

    def entry(self, name: str, idx: Sequence[Any]) -> sp.Symbol:
        mat = self.entries.get(name)
        if mat is None:
            raise StepError(f"no quantity {name!r} in this setting")
        try:
            ints = [int(v) for v in idx]
            if len(ints) == 1:
                ints = [0, ints[0]] if mat.rows == 1 else [ints[0], 0]
            r, c_ = ints
            if not (0 <= r < mat.rows and 0 <= c_ < mat.cols):
                raise IndexError
        except (TypeError, ValueError, IndexError):
            raise StepError(f"index {tuple(idx)} out of range for {name} {mat.shape}") from None
        return mat[r, c_]

    def matrix(self, ms: sp.MatrixSymbol) -> sp.ImmutableMatrix:
        mat = self.entries.get(ms.name)
        if mat is None:
            raise StepError(f"no matrix {ms.name!r} in this setting")
        if tuple(int(s) for s in ms.shape) != mat.shape:
            raise StepError(f"{ms.name} has shape {mat.shape}, not {ms.shape}")
        return mat

    def instantiate(self, expr: Any, subs: Mapping[sp.Symbol, int]) -> Any:
        """``expr`` at this instance: sizes and free indices put in, sums and matrix products
        carried out, entries replaced by their symbols, derivatives by their ground truth.
        Raises ``sympy.ShapeError`` when a matrix product does not conform."""
        e = sp.sympify(expr)
        free = getattr(e, "free_symbols", set())
        e = e.xreplace({**self.sizes, **{s: v for s, v in subs.items() if s in free}})
        e = e.replace(
            lambda x: isinstance(x, MatGrad),
            lambda g: sp.ImmutableMatrix(
                self.matrix(g.args[1]).applyfunc(lambda s: Partial(g.args[0], s))
            ),
        )
        e = e.replace(lambda x: isinstance(x, sp.MatrixSymbol), self.matrix)
        for f, lam in self.funcs.items():
            e = e.replace(f, lam)
        e = e.replace(lambda x: isinstance(x, ShapeOf), lambda s: Dims(*s.args[0].doit().shape))
        if isinstance(e, Dims):
            return e
        e = e.doit()
        if isinstance(e, sp.MatrixExpr) and not isinstance(e, sp.MatrixBase):
            e = e.as_explicit()
        e = e.replace(
            lambda x: isinstance(x, sp.Indexed), lambda x: self.entry(x.base.label.name, x.indices)
        )
        e = e.replace(lambda x: isinstance(x, MatrixElement), lambda x: x.doit())
        e = e.replace(lambda x: isinstance(x, Partial), lambda x: self.partial(*x.args))
        e = e.replace(lambda x: isinstance(x, sp.Derivative), lambda x: x.doit())
        leftover = [a for a in sp.preorder_traversal(e) if isinstance(a, sp.Sum | AppliedUndef)]
        if leftover:
            raise StepError(f"cannot instantiate {leftover[0]}")
        return e


class IndexChecker:
    """Checks ``lhs = rhs`` in index notation / matrix form at ``points`` random instances.

    ``build(sizes, point)`` makes the :class:`World` of an instance; ``sizes`` maps each size
    symbol to the inclusive range its values are drawn from; ``ranges`` maps each free index to
    the size that bounds it. Same protocol as :class:`derive.steps.Checker`: :meth:`check`
    returns the number of instances checked and raises :class:`StepError` on a false identity.
    """

    def __init__(
        self,
        build: Callable[[dict[sp.Symbol, int], int], World],
        sizes: Mapping[sp.Symbol, tuple[int, int]] | None = None,
        ranges: Mapping[sp.Symbol, Any] | None = None,
        points: int = 3,
        seed: str = "0",
    ) -> None:
        self.build = build
        self.sizes = dict(sizes or {})
        self.ranges = dict(ranges or {})
        self.points = points
        self.seed = seed
        self._cache: dict[int, tuple[World, _Evaluator, dict[sp.Symbol, int]]] = {}

    def instance(self, k: int) -> tuple[World, _Evaluator, dict[sp.Symbol, int]]:
        """The ``k``-th instance: its world, an evaluator for it and the free-index values."""
        if k not in self._cache:
            rng = random.Random(f"{self.seed}:{k}")
            syms = sorted(self.sizes, key=lambda s: s.name)
            sizes = {s: rng.randint(*self.sizes[s]) for s in syms}
            if k == 0:  # distinct sizes where the ranges allow: a transposed factor is caught
                pool = sorted(
                    {v for s in syms for v in range(self.sizes[s][0], self.sizes[s][1] + 1)}
                )
                pick = rng.sample(pool, len(syms)) if len(pool) >= len(syms) else []
                if all(lo <= v <= hi for v, (lo, hi) in zip(pick, (self.sizes[s] for s in syms))):
                    sizes.update(zip(syms, pick))
            world = self.build(sizes, k)
            idx = {
                s: rng.randrange(world.size(self.ranges[s]))
                for s in sorted(self.ranges, key=lambda s: s.name)
            }
            ev = _Evaluator(
                defs=world.defs, domains=world.domains, points=1, seed=f"{self.seed}:{k}"
            )
            self._cache[k] = (world, ev, idx)
        return self._cache[k]

    def check(self, lhs: Any, rhs: Any, label: str) -> int:
        for k in range(self.points):
            world, ev, idx = self.instance(k)
            try:
                a, b = world.instantiate(lhs, idx), world.instantiate(rhs, idx)
            except StepError as err:
                raise StepError(f"{err} (point {k}): {label}") from None
            except sp.ShapeError as err:
                raise StepError(f"shapes do not conform: {err} (point {k}): {label}") from None
            if isinstance(a, Dims) or isinstance(b, Dims):
                if a != b:
                    raise StepError(f"shape {a.args} ≠ {b.args} (point {k}): {label}")
                continue
            ev.check(a, b, f"{label} (point {k}, sizes {world.sizes}, indices {idx})")
        return self.points


# ---- collapsing Kronecker deltas -------------------------------------------------------------


def collapse(e: sp.Basic) -> sp.Basic:
    """Sum out every Kronecker delta whose index is summed over (indices known to be in range):
    ``Σ_j a_j δ_jq = a_q``. Uses ``deltasummation(..., no_piecewise=True)`` one limit at a time,
    innermost first; limits without a delta stay."""

    def sum_out(body: sp.Expr, lim: tuple[Any, ...]) -> sp.Expr:
        var, out = lim[0], []
        for term in sp.Add.make_args(sp.expand(body)):
            if any(var in d.free_symbols for d in term.atoms(sp.KroneckerDelta)):
                out.append(deltasummation(term, lim, no_piecewise=True))
            else:  # Σ_j c·a_j = c·Σ_j a_j
                const, dep = term.as_independent(var, as_Add=False)
                out.append(const * sp.Sum(dep, lim))
        return sp.Add(*out)

    def one(s: sp.Sum) -> sp.Basic:
        body, kept = s.function, []
        for lim in s.limits:
            var = lim[0]
            if any(var in d.free_symbols for d in body.atoms(sp.KroneckerDelta)):
                body = sum_out(body, lim)
            else:
                kept.append(lim)
        return sp.Sum(body, *kept) if kept else body

    return e.replace(lambda x: isinstance(x, sp.Sum), one)


def chain_sum(f: Any, over: Sequence[tuple[sp.Symbol, Any]]) -> sp.Sum:
    """``Σ_{first} Σ_{second} … f`` with 0-based limits ``(var, 0, size − 1)``, ``over`` listed
    outermost first (as it is printed)."""
    return sp.Sum(f, *[(v, 0, n - 1) for v, n in reversed(over)])


# ---- building a proof ------------------------------------------------------------------------


@dataclass(frozen=True)
class Proof:
    """A verified derivation. ``statement`` is the final identity (matrix form where there is
    one); ``steps`` the chain, in order, each a verified :class:`Step` whose ``rule`` is ``name``
    and whose ``reason`` is a key of the catalogue table ``prove.reasons``; ``title`` maps each
    language to the title (catalogue ``proof_titles``); ``assumptions`` and ``notes`` are keys of
    ``prove.notes`` (and of ``proof_notes``, the walkthroughs' version)."""

    name: str
    title: dict[str, str]
    statement: Step
    steps: tuple[Step, ...]
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


NameSpec = str | tuple[str, str, str]


class _Builder:
    """Collects the steps of one proof: prints each side with our printers (LaTeX and text)
    and proves each line with the given checker."""

    def __init__(
        self,
        rule: str,
        checker: Any,
        names: Iterable[NameSpec] = (),
        factor_order: tuple[str, ...] = (),
    ) -> None:
        self.rule = rule
        self.factor_order = factor_order
        self.checker = checker
        self.tex_names: dict[sp.Basic, str] = {}
        self.text_names: dict[str, str] = {}
        self.steps: list[Step] = []
        for spec in names:
            self.name(spec)

    def name(self, spec: NameSpec) -> None:
        """``"W1"`` (LaTeX from :func:`name_tex`) or ``(name, tex, text)``."""
        name, tex, text = (spec, name_tex(spec), spec) if isinstance(spec, str) else spec
        self.tex_names[sp.Symbol(name)] = tex
        self.text_names[name] = text

    def term(self, e: Any) -> Term:
        e = e if isinstance(e, sp.Basic) else sp.sympify(e)
        shape = None
        if isinstance(e, sp.MatrixExpr | sp.MatrixBase) and all(
            sp.sympify(s).is_Integer for s in e.shape
        ):
            shape = (int(e.shape[0]), int(e.shape[1]))
        tex = index_latex(e, self.tex_names, factor_order=self.factor_order)
        return Term(e, tex, index_text(e, self.text_names, self.factor_order), shape)

    def step(self, lhs: Any, rhs: Any, reason: str, checker: Any = None, **args: str) -> Step:
        if reason not in catalog.catalogue("en")["prove"]["reasons"]:
            raise KeyError(f"unknown reason key {reason!r}")
        s = prove(
            checker or self.checker, self.term(lhs), self.term(rhs), self.rule, reason, **args
        )
        self.steps.append(s)
        return s

    def statement(
        self, lhs: Any, rhs: Any, reason: str = "proof.statement", checker: Any = None, **args: str
    ) -> Step:
        """The final identity: proved like a step, not appended to the chain."""
        return prove(
            checker or self.checker, self.term(lhs), self.term(rhs), self.rule, reason, **args
        )

    def proof(
        self,
        statement: Step,
        assumptions: Iterable[str] = (),
        notes: Iterable[str] = (),
    ) -> Proof:
        assumptions, notes = tuple(assumptions), tuple(notes)
        for key in assumptions + notes:
            if key not in catalog.catalogue("en")["prove"]["notes"]:
                raise KeyError(f"unknown note key {key!r}")
        return Proof(
            self.rule,
            {lang: title(self.rule, lang) for lang in catalog.LANGS},
            statement,
            tuple(self.steps),
            assumptions,
            notes,
        )


def _dims_text(*shapes: tuple[Any, Any]) -> str:
    return "".join(f"({index_text(a)}×{index_text(b)})" for a, b in shapes)


# ---- linear layer ----------------------------------------------------------------------------

_DELTAS: tuple[NameSpec, ...] = (
    ("dZ", "\\delta_{Z}", "δ_Z"),
    ("dA", "\\delta_{A}", "δ_A"),
)
_LINEAR_SIZES = {N: (1, 3), D: (1, 3), M: (1, 3)}


def _linear_world(sizes: dict[sp.Symbol, int], point: int = 0, bias: bool = False) -> World:
    """``Z = X·W (+ 𝟙·b)``, an arbitrary smooth loss ``L(Z)`` and ``δ_Z = ∂L/∂Z``."""
    w = World(sizes)
    z = w.leaf("X", (N, D)) * w.leaf("W", (D, M))
    if bias:
        z = z + sp.ones(w.size(N), 1) * w.leaf("b", (1, M))
    zs = w.define("Z", z)
    loss = w.define("L", w.random_loss(zs))
    w.define("dZ", zs.applyfunc(lambda s: w.partial(loss, s)))
    return w


def _ms(name: str, rows: Any, cols: Any) -> sp.MatrixSymbol:
    return sp.MatrixSymbol(name, rows, cols)


def _shape_args(prod: sp.MatrixExpr) -> dict[str, str]:
    factors = prod.args if isinstance(prod, sp.MatMul) else (prod,)
    return {"product": _dims_text(*(f.shape for f in factors)), "result": _dims_text(prod.shape)}


def _linear(wrt: str) -> Proof:
    """``linear-weight`` (``wrt="W"``) and ``linear-input`` (``wrt="X"``)."""
    name = "linear-weight" if wrt == "W" else "linear-input"
    X, W, Z, G = (sp.IndexedBase(s) for s in ("X", "W", "Z", "dZ"))
    L = sp.Symbol("L")
    target, rows, cols = (W, D, M) if wrt == "W" else (X, N, D)
    chk = IndexChecker(
        _linear_world, _LINEAR_SIZES, {i: N, j: M, k: D, p: rows, q: cols}, seed=name
    )
    order = ("X", "dZ", "W") if wrt == "W" else ("dZ", "X", "W")
    b = _Builder(name, chk, ("X", "W", "Z", "L", *_DELTAS), order)
    z_def = sp.Sum(X[i, k] * W[k, j], (k, 0, D - 1))
    b.step(Z[i, j], z_def, "proof.definition")
    local = z_def.diff(target[p, q])
    b.step(Partial(Z[i, j], target[p, q]), local, "proof.differentiate")
    local = collapse(local)
    b.step(Partial(Z[i, j], target[p, q]), local, "proof.kronecker_collapse", index="k")
    chain = chain_sum(G[i, j] * Partial(Z[i, j], target[p, q]), [(i, N), (j, M)])
    b.step(Partial(L, target[p, q]), chain, "proof.chain_rule", via="Z")
    chain = chain.xreplace({Partial(Z[i, j], target[p, q]): local})
    b.step(Partial(L, target[p, q]), chain, "proof.substitute")
    chain = collapse(chain)
    b.step(
        Partial(L, target[p, q]),
        chain,
        "proof.kronecker_collapse",
        index="j" if wrt == "W" else "i",
    )
    Xm, Wm, Gm = _ms("X", N, D), _ms("W", D, M), _ms("dZ", N, M)
    prod = Xm.T * Gm if wrt == "W" else Gm * Wm.T
    b.step(Partial(L, target[p, q]), MatrixElement(prod, p, q), "proof.matrix_product")
    tm = Wm if wrt == "W" else Xm
    b.step(ShapeOf(prod), Dims(*tm.shape), "proof.shape_check", param=wrt, **_shape_args(prod))
    st = b.statement(MatGrad(L, tm), prod)
    return b.proof(st, _LINEAR_ASSUMPTIONS)


_LINEAR_ASSUMPTIONS: tuple[str, ...] = (
    "proof.assume.linear",
    "proof.assume.upstream",
)


def linear_weight() -> Proof:
    """``∂L/∂W = Xᵀ·δ_Z``."""
    return _linear("W")


def linear_input() -> Proof:
    """``∂L/∂X = δ_Z·Wᵀ``."""
    return _linear("X")


# ---- broadcast bias --------------------------------------------------------------------------


def bias_sum() -> Proof:
    """``Z = X·W + 𝟙·b`` ⇒ ``∂L/∂b = 𝟙ᵀ·δ_Z`` (the column sums of ``δ_Z`` over the batch)."""
    name = "bias-sum"
    X, W, Z, G, B = (sp.IndexedBase(s) for s in ("X", "W", "Z", "dZ", "b"))
    L = sp.Symbol("L")
    chk = IndexChecker(
        functools.partial(_linear_world, bias=True),
        _LINEAR_SIZES,
        {i: N, j: M, q: M},
        seed=name,
    )
    b = _Builder(name, chk, ("X", "W", "Z", "L", "b", *_DELTAS), ("X", "dZ", "W"))
    z_def = InOrder(sp.Sum(X[i, k] * W[k, j], (k, 0, D - 1)), B[j])
    b.step(Z[i, j], z_def, "proof.definition")
    local = z_def.diff(B[q]).doit()
    b.step(Partial(Z[i, j], B[q]), local, "proof.differentiate")
    chain = chain_sum(G[i, j] * Partial(Z[i, j], B[q]), [(i, N), (j, M)])
    b.step(Partial(L, B[q]), chain, "proof.chain_rule", via="Z")
    chain = chain.xreplace({Partial(Z[i, j], B[q]): local})
    b.step(Partial(L, B[q]), chain, "proof.substitute")
    chain = collapse(chain)
    b.step(Partial(L, B[q]), chain, "proof.kronecker_collapse", index="j")
    Gm, Bm = _ms("dZ", N, M), _ms("b", 1, M)
    prod = sp.MatMul(sp.Transpose(sp.OneMatrix(N, 1)), Gm)
    b.step(Partial(L, B[q]), MatrixElement(prod, 0, q), "proof.ones_vector")
    b.step(ShapeOf(prod), Dims(*Bm.shape), "proof.shape_check", param="b", **_shape_args(prod))
    st = b.statement(MatGrad(L, Bm), prod)
    assumptions = (
        "proof.assume.bias",
        _LINEAR_ASSUMPTIONS[1],
    )
    return b.proof(st, assumptions)


# ---- element-wise activation -----------------------------------------------------------------

f_ = sp.Function("f")
_ACTIVATIONS: tuple[tuple[str, Callable[[sp.Expr], sp.Expr], str], ...] = (
    ("sigmoid", sigmoid, "σ"),
    ("tanh", sp.tanh, "tanh"),
    ("relu", relu, "ReLU"),
)


def _elementwise_world(
    sizes: dict[sp.Symbol, int], point: int = 0, act: Callable[[sp.Expr], sp.Expr] | None = None
) -> World:
    """``A = f(Z)`` with ``f`` a random cubic (or the activation ``act``), an arbitrary smooth
    loss ``L(A)`` and ``δ_A = ∂L/∂A``."""
    w = World(sizes)
    zs = w.leaf("Z", (N, M))
    fn = act if act is not None else w.random_function("f", f_)
    a = w.define("A", zs.applyfunc(fn))
    loss = w.define("L", w.random_loss(a))
    w.define("dA", a.applyfunc(lambda s: w.partial(loss, s)))
    return w


def _ew(body: Callable[[sp.Symbol], sp.Expr], of: sp.MatrixExpr) -> ElementwiseApplyFunction:
    t = sp.Dummy("t")
    return ElementwiseApplyFunction(sp.Lambda(t, body(t)), of)


def elementwise() -> Proof:
    """``A = f(Z)`` ⇒ ``∂L/∂Z = ∂L/∂A ⊙ f'(Z)``, then ``f = σ, tanh, ReLU`` with the derivative
    SymPy computes from our rules."""
    name = "elementwise"
    Z, A, G = (sp.IndexedBase(s) for s in ("Z", "A", "dA"))
    L = sp.Symbol("L")
    sizes = {N: (1, 3), M: (1, 3)}
    ranges = {i: N, j: M, p: N, q: M}
    chk = IndexChecker(_elementwise_world, sizes, ranges, seed=name)
    b = _Builder(name, chk, ("Z", "A", "L", *_DELTAS), ("dA",))
    a_def = f_(Z[i, j])
    b.step(A[i, j], a_def, "proof.definition")
    local = a_def.diff(Z[p, q])
    b.step(Partial(A[i, j], Z[p, q]), local, "proof.differentiate")
    chain = chain_sum(G[i, j] * Partial(A[i, j], Z[p, q]), [(i, N), (j, M)])
    b.step(Partial(L, Z[p, q]), chain, "proof.chain_rule", via="A")
    chain = chain.xreplace({Partial(A[i, j], Z[p, q]): local})
    b.step(Partial(L, Z[p, q]), chain, "proof.substitute")
    entry = collapse(chain)
    b.step(Partial(L, Z[p, q]), entry, "proof.kronecker_collapse", index="i, j")
    Zm, Gm = _ms("Z", N, M), _ms("dA", N, M)
    general = sp.HadamardProduct(Gm, _ew(lambda t: sp.Derivative(f_(t), t), Zm))
    b.step(Partial(L, Z[p, q]), MatrixElement(general, p, q), "proof.hadamard")
    for key, act, shown in _ACTIVATIONS:
        zt = sp.Dummy("z")
        rule = act(zt).diff(zt)  # our fdiff rule (SymPy's own for tanh)
        spec = IndexChecker(
            functools.partial(_elementwise_world, act=act), sizes, ranges, seed=f"{name}:{key}"
        )
        b.step(
            Partial(L, Z[p, q]),
            entry.replace(f_, act).doit(),
            "proof.specialise",
            checker=spec,
            f=shown,
            derivative=index_text(rule.xreplace({zt: sp.Symbol("z")})),
            proof=f"{key}-derivative",
        )
        b.step(
            MatGrad(L, Zm),
            sp.HadamardProduct(Gm, _ew(lambda t, r=rule, z0=zt: r.xreplace({z0: t}), Zm)),
            "proof.hadamard",
            checker=spec,
        )
    st = b.statement(MatGrad(L, Zm), general)
    assumptions = (
        "proof.assume.elementwise",
        "proof.assume.upstream_a",
    )
    notes = ("proof.note.relu_zero",)
    return b.proof(st, assumptions, notes)


# ---- derivatives of the activations ----------------------------------------------------------

_z = sp.Symbol("z")


def _scalar_world(sizes: dict[sp.Symbol, int], point: int = 0, signed: bool = False) -> World:
    """One free variable ``z``; ``signed`` alternates its sign between points (ReLU's two
    branches)."""
    w = World(sizes)
    w.leaf("z", None, ((0.05, 2.0) if point % 2 == 0 else (-2.0, -0.05)) if signed else None)
    return w


def _scalar_checker(name: str, signed: bool = False) -> IndexChecker:
    return IndexChecker(
        functools.partial(_scalar_world, signed=signed), points=6 if signed else 4, seed=name
    )


def sigmoid_derivative() -> Proof:
    """``σ'(z) = σ(z)(1 − σ(z))`` from ``σ(z) = 1/(1 + e^{−z})``."""
    name = "sigmoid-derivative"
    b = _Builder(name, _scalar_checker(name), ("z",))
    s_def = sigmoid(_z).rewrite(sp.exp)  # functions.py: 1/(1 + exp(-z))
    u = 1 / s_def  # 1 + e^{-z}
    b.step(sigmoid(_z), s_def, "proof.definition")
    lhs = Deriv(sigmoid(_z), _z)
    # d(1/u) = −u'/u²
    quotient = sp.Mul(-1, sp.Derivative(u, _z), sp.Pow(u, -2), evaluate=False)
    b.step(lhs, quotient, "proof.reciprocal_rule", u=index_text(u))
    inner = quotient.doit()  # e^{-z}/(1 + e^{-z})^2
    b.step(lhs, inner, "proof.differentiate_inner", u=index_text(u), du=index_text(sp.diff(u, _z)))
    ex = sp.exp(-_z)
    split = Times(1 / u, ex / u)
    b.step(lhs, split, "proof.split_fraction")
    # e^{-z}/(1 + e^{-z}) = 1 − 1/(1 + e^{-z})
    rewritten = Times(1 / u, 1 - 1 / u)
    b.step(lhs, rewritten, "proof.add_subtract_one")
    back = (1 / u) * (1 - 1 / u)
    back = back.xreplace({1 / u: sigmoid(_z)})
    b.step(lhs, back, "proof.definition_back", f="σ")
    st = b.statement(lhs, sigmoid(_z).diff(_z), "proof.rule_matches", f="σ")
    return b.proof(st)


def tanh_derivative() -> Proof:
    """``tanh'(z) = 1 − tanh²(z)`` from ``tanh z = (e^z − e^{−z})/(e^z + e^{−z})``."""
    name = "tanh-derivative"
    b = _Builder(name, _scalar_checker(name), ("z",))
    t_def = sp.tanh(_z).rewrite(sp.exp)
    num, den = sp.fraction(t_def)
    b.step(sp.tanh(_z), t_def, "proof.definition")
    lhs = Deriv(sp.tanh(_z), _z)
    dnum, dden = sp.diff(num, _z), sp.diff(den, _z)
    numerator = InOrder(
        sp.Mul(den, dnum, evaluate=False),
        sp.Mul(-1, sp.Mul(num, dden, evaluate=False), evaluate=False),
    )
    quotient = sp.Mul(numerator, sp.Pow(den**2, -1, evaluate=False), evaluate=False)
    b.step(lhs, quotient, "proof.quotient_rule", num=index_text(num), den=index_text(den))
    split = InOrder(1, -(num**2) / den**2)
    b.step(lhs, split, "proof.split_fraction")
    back = split.xreplace({num: sp.tanh(_z) * den})
    b.step(lhs, back, "proof.definition_back", f="tanh")
    st = b.statement(lhs, sp.tanh(_z).diff(_z), "proof.rule_matches", f="tanh")
    return b.proof(st)


def relu_derivative() -> Proof:
    """``ReLU'(z) = 1[z > 0]`` (with PyTorch's ``relu'(0) = 0``)."""
    name = "relu-derivative"
    b = _Builder(name, _scalar_checker(name, signed=True), ("z",))
    r_def = sp.Piecewise((_z, _z > 0), (0, True))
    b.step(relu(_z), r_def, "proof.definition")
    lhs = Deriv(relu(_z), _z)
    branches = sp.diff(r_def, _z)
    b.step(lhs, branches, "proof.piecewise_derivative")
    (one, cond), _zero = branches.args
    indicator = (
        relu_grad(cond.lhs) if one == 1 and isinstance(cond, sp.StrictGreaterThan) else branches
    )
    b.step(lhs, indicator, "proof.indicator")
    st = b.statement(lhs, relu(_z).diff(_z), "proof.rule_matches", f="ReLU")
    notes = ("proof.note.relu_zero",)
    return b.proof(st, (), notes)


# ---- sigmoid + binary cross-entropy ----------------------------------------------------------

_BCE_NAMES: tuple[NameSpec, ...] = (
    "Z",
    "Y",
    "w",
    ("Yhat", "\\hat{Y}", "Ŷ"),
    ("l", "\\ell", "ℓ"),
    "L",
    "m",
)


def _positive_first(e: sp.Expr) -> sp.Expr:
    """An ``Add`` shown with its positive terms first (``Ŷ − Y`` rather than ``−Y + Ŷ``); the
    value is unchanged."""
    if not e.is_Add:
        return e
    terms = sorted(e.as_ordered_terms(), key=lambda t: t.could_extract_minus_sign())
    return InOrder(*terms)


def _arrange(e: sp.Basic) -> sp.Basic:
    """Every sum in ``e`` shown with its positive terms first (display only; summation limits
    and indices are left alone)."""
    if isinstance(e, sp.Sum):
        return sp.Sum(_arrange(e.function), *e.limits)
    if not e.args or isinstance(e, sp.Indexed | InOrder):
        return e
    args = [_arrange(a) for a in e.args]
    new = e.func(*args) if args != list(e.args) else e
    return _positive_first(new) if new.is_Add else new


def _bce_world(sizes: dict[sp.Symbol, int], point: int = 0, weighted: bool = False) -> World:
    """One entry: ``Ŷ = σ(Z)``, ``ℓ = bce(Ŷ, Y[, w])`` from :mod:`derive.losses`."""
    w = World(sizes)
    z, y = w.leaf("Z"), w.leaf("Y", None, (0.05, 0.95))
    weight = w.leaf("w", None, (0.2, 5.0)) if weighted else sp.Integer(1)
    yhat = w.define("Yhat", sigmoid(z))
    w.define("l", losses.bce_term(yhat, y, weight))
    return w


def _bce_batch_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``m`` entries: ``Ŷ = σ(Z)``, ``ℓ_i = bce(Ŷ_i, Y_i)``, ``L = (1/m) Σ_i ℓ_i``."""
    w = World(sizes)
    n = w.size(m)
    z, y = w.leaf("Z", (m, 1)), w.leaf("Y", (m, 1), (0.05, 0.95))
    yhat = w.define("Yhat", z.applyfunc(sigmoid))
    ls = w.define("l", sp.Matrix(n, 1, [losses.bce_term(yhat[r], y[r]) for r in range(n)]))
    w.define("L", sp.Add(*ls) / n)
    return w


def _bce_chain(b: _Builder, w: sp.Expr) -> sp.Expr:
    """The entry-wise chain ``ℓ → Ŷ → Z`` up to the expanded product; returns it."""
    Z, Y, Yhat, ell = sp.symbols("Z Y Yhat l")
    loss = losses.bce_term(Yhat, Y, w)  # the rule; the world defines ℓ with it as well
    shown = Times(-1, InOrder(w * Y * sp.log(Yhat), Times(1 - Y, sp.log(1 - Yhat))))
    b.step(ell, shown, "proof.definition")
    d_loss = sp.diff(loss, Yhat)
    b.step(Partial(ell, Yhat), d_loss, "proof.differentiate")
    d_sig = sigmoid(Z).diff(Z).xreplace({sigmoid(Z): Yhat})  # our fdiff rule, with σ(Z) = Ŷ
    b.step(Partial(Yhat, Z), d_sig, "proof.derivative_rule", f="σ", proof="sigmoid-derivative")
    lhs = Partial(ell, Z)
    b.step(lhs, Times(Partial(ell, Yhat), Partial(Yhat, Z)), "proof.chain_rule_scalar", via="Ŷ")
    b.step(lhs, Times(d_loss, d_sig), "proof.substitute")
    distributed = InOrder(*(t * d_sig for t in d_loss.as_ordered_terms()))
    b.step(lhs, distributed, "proof.distribute")
    return distributed


_BCE_ASSUMPTIONS: tuple[str, ...] = (
    "proof.assume.entrywise",
    "proof.assume.labels",
)


def sigmoid_bce() -> Proof:
    """Sigmoid output + binary cross-entropy: ``∂ℓ/∂Z = Ŷ − Y``; with the batch mean,
    ``(Ŷ − Y)/m``."""
    name = "sigmoid-bce"
    Z, Y, Yhat, ell = sp.symbols("Z Y Yhat l")
    b = _Builder(name, IndexChecker(_bce_world, seed=name), _BCE_NAMES)
    distributed = _bce_chain(b, sp.Integer(1))
    lhs = Partial(ell, Z)
    result = _positive_first(sp.expand(_plain(distributed)))
    b.step(lhs, result, "proof.cancel")
    # the batch mean
    Zb, Yb, Yhb, lb = (sp.IndexedBase(s) for s in ("Z", "Y", "Yhat", "l"))
    L = sp.Symbol("L")
    batch = IndexChecker(_bce_batch_world, {m: (1, 4)}, {q: m}, seed=f"{name}:batch")
    mean = Times(1 / m, sp.Sum(lb[i], (i, 0, m - 1)))
    b.step(L, mean, "proof.mean", checker=batch)
    b.step(
        Partial(L, Zb[q]),
        Times(1 / m, sp.Sum(Partial(lb[i], Zb[q]), (i, 0, m - 1))),
        "proof.linearity",
        checker=batch,
    )
    own = sp.Sum(Partial(lb[i], Zb[i]) * sp.KroneckerDelta(i, q), (i, 0, m - 1))
    b.step(Partial(L, Zb[q]), Times(1 / m, own), "proof.own_entry", checker=batch)
    b.step(
        Partial(L, Zb[q]),
        Times(1 / m, collapse(own)),
        "proof.kronecker_collapse",
        checker=batch,
        index="i",
    )
    per_entry = result.xreplace({Yhat: Yhb[q], Y: Yb[q]})
    b.step(Partial(L, Zb[q]), Times(1 / m, per_entry), "proof.substitute", checker=batch)
    st = b.statement(lhs, _positive_first(Yhat - Y))
    notes = (
        "proof.note.mean",
        "proof.note.logits",
    )
    return b.proof(st, _BCE_ASSUMPTIONS, notes)


def weighted_bce() -> Proof:
    """Binary cross-entropy with ``pos_weight = w``: ``∂ℓ/∂Z = Ŷ(wY + 1 − Y) − wY
    = (Ŷ − Y) + (w − 1)·Y·(Ŷ − 1)``, which is ``Ŷ − Y`` only for ``w = 1``."""
    name = "weighted-bce"
    Z, Y, Yhat, ell, w = sp.symbols("Z Y Yhat l w")
    chk = IndexChecker(functools.partial(_bce_world, weighted=True), seed=name)
    b = _Builder(name, chk, _BCE_NAMES, ("w",))
    distributed = _bce_chain(b, w)
    lhs = Partial(ell, Z)
    collected = sp.collect(sp.expand(_plain(distributed)), Yhat)
    b.step(lhs, _arrange(collected), "proof.collect", var="Ŷ")
    base = InOrder(Yhat, -Y)
    extra = sp.factor(sp.expand(collected - (Yhat - Y)))  # (w − 1)·Y·(Ŷ − 1), SymPy's order
    shown = Times(*sorted(sp.Mul.make_args(extra), key=lambda f: (not f.has(w), f.is_Add)))
    b.step(lhs, InOrder(base, shown), "proof.regroup")
    b.step(InOrder(lhs, Times(-1, base)), shown, "proof.weighted_difference", w="w")
    claim = InOrder(base, Times(w - 1, Y, Yhat - 1))
    st = b.statement(lhs, claim)
    notes = (
        "proof.note.weighted_only_w1",
        "proof.note.mean_weighted",
    )
    assumptions = (
        *_BCE_ASSUMPTIONS,
        "proof.assume.pos_weight",
    )
    return b.proof(st, assumptions, notes)


# ---- softmax + cross-entropy -----------------------------------------------------------------

_CE_NAMES: tuple[NameSpec, ...] = (
    "z",
    "p",
    "y",
    "Z",
    "P",
    "Y",
    "L",
    ("l", "\\ell", "ℓ"),
    ("L_mean", "L_{\\text{mean}}", "L_mean"),
)


def _label_rows(w: World, rows: int, cols: int) -> sp.ImmutableMatrix:
    """Rows of random positive labels that sum to 1 (a one-hot row is the special case)."""
    raw = w.leaf("Y_raw", (rows, cols), (0.05, 1.0))
    return sp.ImmutableMatrix(rows, cols, lambda a, b_: raw[a, b_] / sp.Add(*raw.row(a)))


def _ce_row_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One row: logits ``z``, ``p = softmax(z)``, ``ℓ = CE(p, y)`` from :mod:`derive.losses`."""
    w = World(sizes)
    kk = w.size(K)
    z = w.leaf("z", (1, K))
    y = w.define("y", _label_rows(w, 1, kk))
    ps = w.define("p", sp.ImmutableMatrix(1, kk, losses.softmax_row(list(z))))
    w.define("l", losses.cross_entropy_row(list(ps), list(y)))
    return w


def _ce_batch_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``N`` rows: ``P`` row-wise softmax of ``Z``, ``L = Σ_n CE(P_n, Y_n)``, ``L_mean = L/N``."""
    w = World(sizes)
    n, kk = w.size(N), w.size(K)
    z = w.leaf("Z", (N, K))
    y = w.define("Y", _label_rows(w, n, kk))
    ps = w.define("P", sp.ImmutableMatrix([losses.softmax_row(list(z.row(a))) for a in range(n)]))
    rows = [losses.cross_entropy_row(list(ps.row(a)), list(y.row(a))) for a in range(n)]
    ls = w.define("l", sp.ImmutableMatrix(n, 1, rows))
    total = w.define("L", sp.Add(*ls))
    w.define("L_mean", total / n)
    return w


def softmax_ce() -> Proof:
    """Softmax + cross-entropy: ``∂ℓ/∂z_k = p_k − y_k`` via the softmax Jacobian
    ``∂p_j/∂z_k = p_j(δ_jk − p_k)``; for a batch, ``∂L/∂Z = P − Y``."""
    name = "softmax-ce"
    z, pb, y = (sp.IndexedBase(s) for s in ("z", "p", "y"))
    ell = sp.Symbol("l")
    chk = IndexChecker(_ce_row_world, {K: (2, 4)}, {j: K, k: K}, seed=name)
    b = _Builder(name, chk, _CE_NAMES, ("y", "p"))
    total = sp.Sum(sp.exp(z[r]), (r, 0, K - 1))
    p_def = sp.exp(z[j]) / total
    b.step(pb[j], p_def, "proof.definition")
    l_def = -sp.Sum(y[r] * sp.log(pb[r]), (r, 0, K - 1))
    b.step(
        ell,
        Times(-1, l_def.args[1]) if l_def.could_extract_minus_sign() else l_def,
        "proof.definition",
    )
    d_l = l_def.diff(pb[j])
    b.step(Partial(ell, pb[j]), d_l, "proof.differentiate")
    d_l = collapse(d_l)
    b.step(Partial(ell, pb[j]), d_l, "proof.kronecker_collapse", index="r")
    jac = p_def.diff(z[k])
    b.step(Partial(pb[j], z[k]), jac, "proof.quotient_rule_index")
    jac = collapse(jac)
    b.step(Partial(pb[j], z[k]), _arrange(jac), "proof.kronecker_collapse", index="r")
    # e^{z_j} = p_j·Σ_r e^{z_r}: write the Jacobian through p
    through_p = sp.expand(jac.xreplace({sp.exp(z[j]): pb[j] * total, sp.exp(z[k]): pb[k] * total}))
    b.step(Partial(pb[j], z[k]), _arrange(through_p), "proof.through_softmax")
    jac_p = Times(pb[j], InOrder(sp.KroneckerDelta(j, k), -pb[k]))
    b.step(Partial(pb[j], z[k]), jac_p, "proof.factor", factor="p_j")
    lhs = Partial(ell, z[k])
    chain = sp.Sum(Times(Partial(ell, pb[j]), Partial(pb[j], z[k])), (j, 0, K - 1))
    b.step(lhs, chain, "proof.chain_rule", via="p")
    chain = sp.Sum(Times(d_l, jac_p), (j, 0, K - 1))
    b.step(lhs, chain, "proof.substitute")
    cancelled = _plain(chain)  # SymPy cancels p_j / p_j
    b.step(lhs, cancelled, "proof.cancel")
    summed = collapse(cancelled)
    b.step(lhs, _arrange(summed), "proof.kronecker_collapse", index="j")
    rows_one = summed.xreplace({sp.Sum(y[j], (j, 0, K - 1)): sp.Integer(1)})
    b.step(lhs, _positive_first(rows_one), "proof.rows_sum_to_one")
    # the batch mean, entry by entry: (P − Y)/N
    L, L_mean = sp.symbols("L L_mean")
    Zb, Pb, Yb, lb = (sp.IndexedBase(s) for s in ("Z", "P", "Y", "l"))
    rows = IndexChecker(_ce_batch_world, {N: (1, 3), K: (2, 4)}, {q: N, k: K}, seed=f"{name}:rows")
    b.step(L_mean, Times(1 / N, sp.Sum(lb[i], (i, 0, N - 1))), "proof.mean", checker=rows)
    entry = Partial(L_mean, Zb[q, k])
    per_row = sp.Sum(Partial(lb[i], Zb[q, k]), (i, 0, N - 1))
    b.step(entry, Times(1 / N, per_row), "proof.linearity", checker=rows)
    own = sp.Sum(Partial(lb[i], Zb[i, k]) * sp.KroneckerDelta(i, q), (i, 0, N - 1))
    b.step(entry, Times(1 / N, own), "proof.own_row", checker=rows)
    b.step(entry, Times(1 / N, collapse(own)), "proof.kronecker_collapse", checker=rows, index="i")
    b.step(entry, Times(1 / N, InOrder(Pb[q, k], -Yb[q, k])), "proof.substitute", checker=rows)
    # the batch, in matrix form
    batch = IndexChecker(_ce_batch_world, {N: (1, 3), K: (2, 4)}, seed=f"{name}:batch")
    Zm, Pm, Ym = _ms("Z", N, K), _ms("P", N, K), _ms("Y", N, K)
    diff = sp.MatAdd(Pm, -Ym)
    b.step(MatGrad(L_mean, Zm), sp.MatMul(1 / N, diff), "proof.statement", checker=batch)
    st = b.statement(MatGrad(L, Zm), diff, checker=batch)
    assumptions = (
        "proof.assume.softmax",
        "proof.assume.rows_sum_to_one",
        "proof.assume.batch_sum",
    )
    notes = ("proof.note.softmax_fused",)
    return b.proof(st, assumptions, notes)


# ---- mean squared error ----------------------------------------------------------------------

_MSE_NAMES: tuple[NameSpec, ...] = (
    ("yhat", "\\hat{y}", "ŷ"),
    "y",
    "E",
    ("l", "\\ell", "ℓ"),
    ("Yhat", "\\hat{Y}", "Ŷ"),
    "Y",
    "L",
    ("L_half", "L_{\\text{half}}", "L_half"),
    "m",
)


def _mse_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One entry: ``E = ½·mse(ŷ, y)`` and ``ℓ = mse(ŷ, y)`` (:func:`derive.losses.mse_term`)."""
    w = World(sizes)
    yhat, y = w.leaf("yhat"), w.leaf("y")
    w.define("E", sp.Rational(1, 2) * losses.mse_term(yhat, y))
    w.define("l", losses.mse_term(yhat, y))
    return w


def _mse_batch_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``m`` entries: ``L`` = ``F.mse_loss`` (mean of squares), ``L_half`` = half of it."""
    w = World(sizes)
    n = w.size(m)
    yhat, y = w.leaf("Yhat", (m, 1)), w.leaf("Y", (m, 1))
    terms = [losses.mse_term(yhat[a], y[a]) for a in range(n)]
    w.define("L", sp.Add(*terms) / n)
    w.define("L_half", sp.Add(*terms) / (2 * n))
    return w


def mse() -> Proof:
    """``½(ŷ − y)² → ŷ − y``; ``(ŷ − y)² → 2(ŷ − y)``; the mean over ``m`` entries divides by
    ``m``; ``F.mse_loss`` has twice the gradient of the half-MSE hand formula."""
    name = "mse"
    yhat, y, E, ell = sp.symbols("yhat y E l")
    b = _Builder(name, IndexChecker(_mse_world, points=3, seed=name), _MSE_NAMES)
    diff = InOrder(yhat, -y)
    half = sp.Rational(1, 2)
    b.step(E, Times(half, diff**2), "proof.definition")
    u_prime = sp.diff(yhat - y, yhat)  # = 1
    power = Times(half, 2, diff) if u_prime == 1 else Times(half, 2, diff, u_prime)
    b.step(Partial(E, yhat), power, "proof.power_rule", n="2")
    b.step(
        Partial(E, yhat), _arrange(sp.diff(half * losses.mse_term(yhat, y), yhat)), "proof.simplify"
    )
    b.step(ell, diff**2, "proof.definition")
    b.step(Partial(ell, yhat), Times(2, diff), "proof.power_rule", n="2")
    # the mean over m entries (F.mse_loss) and the half-MSE hand formula
    Yh, Yb = sp.IndexedBase("Yhat"), sp.IndexedBase("Y")
    L, L_half = sp.symbols("L L_half")
    batch = IndexChecker(_mse_batch_world, {m: (1, 4)}, {q: m}, seed=f"{name}:batch")
    sq = sp.Sum(InOrder(Yh[i], -Yb[i]) ** 2, (i, 0, m - 1))
    b.step(L, Times(1 / m, sq), "proof.mean", checker=batch)
    raw = _plain(sq).diff(Yh[q])
    b.step(Partial(L, Yh[q]), Times(1 / m, _arrange(raw)), "proof.differentiate", checker=batch)
    got = collapse(raw) / m
    shown = Times(2 / m, InOrder(Yh[q], -Yb[q]))
    b.step(
        Partial(L, Yh[q]),
        shown if sp.expand(got - _plain(shown)) == 0 else got,
        "proof.kronecker_collapse",
        checker=batch,
        index="i",
    )
    hsq = sp.Sum(Times(half, InOrder(Yh[i], -Yb[i]) ** 2), (i, 0, m - 1))
    b.step(L_half, Times(1 / m, hsq), "proof.mean_half", checker=batch)
    got_h = collapse(_plain(hsq).diff(Yh[q])) / m
    shown_h = Times(1 / m, InOrder(Yh[q], -Yb[q]))
    b.step(
        Partial(L_half, Yh[q]),
        shown_h if sp.expand(got_h - _plain(shown_h)) == 0 else got_h,
        "proof.differentiate",
        checker=batch,
    )
    b.step(Partial(L, Yh[q]), Times(2, Partial(L_half, Yh[q])), "proof.factor_two", checker=batch)
    Yhm, Ym = _ms("Yhat", m, 1), _ms("Y", m, 1)
    st = b.statement(MatGrad(L, Yhm), sp.MatMul(2 / m, sp.MatAdd(Yhm, -Ym)), checker=batch)
    assumptions = ("proof.assume.mse",)
    notes = (
        "proof.note.half_mse",
        "proof.note.sse",
    )
    return b.proof(st, assumptions, notes)


# ---- the softmax Jacobian with any upstream gradient (builtins) --------------------------------


def _softmax_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One row: ``p = softmax(z)``, an arbitrary smooth loss ``L(p)`` and ``g = ∂L/∂p``."""
    w = World(sizes)
    kk = w.size(K)
    z = w.leaf("z", (1, K))
    ps = w.define("p", sp.ImmutableMatrix(1, kk, losses.softmax_row(list(z))))
    loss = w.define("L", w.random_loss(ps))
    w.define("g", ps.applyfunc(lambda s: w.partial(loss, s)))
    return w


def softmax_jacobian() -> Proof:
    """Row-wise softmax with any upstream gradient ``g = ∂L/∂p``: the Jacobian
    ``∂p_j/∂z_k = p_j(δ_jk − p_k)`` and ``∂L/∂z_k = p_k (g_k − Σ_j g_j p_j)``, i.e.
    ``δ_Z = P ⊙ (δ_P − (δ_P ⊙ P) 𝟙)`` row by row (attention's scores, any loss)."""
    name = "softmax-jacobian"
    z, pb, gb = (sp.IndexedBase(s) for s in ("z", "p", "g"))
    L = sp.Symbol("L")
    chk = IndexChecker(_softmax_world, {K: (2, 4)}, {j: K, k: K}, seed=name)
    b = _Builder(name, chk, ("z", "p", "g", "L"), ("g", "p"))
    total = sp.Sum(sp.exp(z[r]), (r, 0, K - 1))
    p_def = sp.exp(z[j]) / total
    b.step(pb[j], p_def, "proof.definition")
    jac = p_def.diff(z[k])
    b.step(Partial(pb[j], z[k]), jac, "proof.quotient_rule_index")
    jac = collapse(jac)
    b.step(Partial(pb[j], z[k]), _arrange(jac), "proof.kronecker_collapse", index="r")
    through_p = sp.expand(jac.xreplace({sp.exp(z[j]): pb[j] * total, sp.exp(z[k]): pb[k] * total}))
    b.step(Partial(pb[j], z[k]), _arrange(through_p), "proof.through_softmax")
    jac_p = Times(pb[j], InOrder(sp.KroneckerDelta(j, k), -pb[k]))
    b.step(Partial(pb[j], z[k]), jac_p, "proof.factor", factor="p_j")
    lhs = Partial(L, z[k])
    b.step(
        lhs,
        sp.Sum(Times(Partial(L, pb[j]), Partial(pb[j], z[k])), (j, 0, K - 1)),
        "proof.chain_rule",
        via="p",
    )
    chain = sp.Sum(Times(gb[j], jac_p), (j, 0, K - 1))
    b.step(lhs, chain, "proof.substitute")
    weighted = sp.Sum(Times(gb[j], pb[j]), (j, 0, K - 1))
    b.step(
        lhs,
        InOrder(Times(gb[k], pb[k]), -Times(pb[k], weighted)),
        "proof.kronecker_collapse",
        index="j",
    )
    result = Times(pb[k], InOrder(gb[k], -weighted))
    b.step(lhs, result, "proof.softmax_vjp")
    st = b.statement(lhs, result)
    assumptions = ("proof.assume.softmax_row", "proof.assume.softmax_upstream")
    notes = ("proof.note.softmax_matrix", "proof.note.softmax_ce_special")
    return b.proof(st, assumptions, notes)


# ---- batch normalisation (builtins) ----------------------------------------------------------

_BN_NAMES: tuple[NameSpec, ...] = (
    "x",
    "y",
    ("g", "g", "g"),
    ("mu", "\\mu", "μ"),
    ("sigma2", "\\sigma^{2}", "σ²"),
    ("xhat", "\\hat{x}", "x̂"),
    ("gamma", "\\gamma", "γ"),
    ("beta", "\\beta", "β"),
    ("eps", "\\varepsilon", "ε"),
    "L",
    "m",
)


def _bn_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One feature over a batch of ``m``: ``μ``, ``σ²`` (biased, as PyTorch normalises),
    ``x̂ = (x − μ)/√(σ² + ε)``, ``y = γ x̂ + β``, an arbitrary smooth loss ``L(y)`` and
    ``g = ∂L/∂y``."""
    w = World(sizes)
    n = w.size(m)
    x = w.leaf("x", (m, 1))
    gamma, beta = w.leaf("gamma"), w.leaf("beta")
    eps = w.leaf("eps", None, (0.05, 1.0))
    mu = w.define("mu", sp.Add(*x) / n)
    var = w.define("sigma2", sp.Add(*((v - mu) ** 2 for v in x)) / n)
    xhat = w.define("xhat", x.applyfunc(lambda v: (v - mu) / sp.sqrt(var + eps)))
    y = w.define("y", xhat.applyfunc(lambda v: gamma * v + beta))
    loss = w.define("L", w.random_loss(y))
    w.define("g", y.applyfunc(lambda s: w.partial(loss, s)))
    return w


def batchnorm() -> Proof:
    """Batch normalisation of one feature: ``∂L/∂β = Σ g``, ``∂L/∂γ = Σ g x̂`` and the compact
    backward formula ``∂L/∂x_p = γ/(m√(σ² + ε)) · (m g_p − Σ_i g_i − x̂_p Σ_i g_i x̂_i)``, derived
    from the element-wise chain rule through the batch mean and variance."""
    name = "batchnorm"
    x, y, g, xhat = (sp.IndexedBase(s) for s in ("x", "y", "g", "xhat"))
    mu, var, gamma, beta, eps, L = sp.symbols("mu sigma2 gamma beta eps L")
    chk = IndexChecker(_bn_world, {m: (2, 4)}, {i: m, p: m}, seed=name)
    b = _Builder(name, chk, _BN_NAMES, ("gamma", "g", "xhat"))
    rows = lambda e: sp.Sum(e, (i, 0, m - 1))  # noqa: E731
    root = sp.sqrt(var + eps)
    b.step(mu, Times(1 / m, rows(x[i])), "proof.definition")
    b.step(var, Times(1 / m, rows(InOrder(x[i], -mu) ** 2)), "proof.definition")
    b.step(xhat[i], InOrder(x[i], -mu) / root, "proof.definition")
    b.step(y[i], InOrder(Times(gamma, xhat[i]), beta), "proof.definition")
    # the parameters: y_i depends on β, γ directly
    b.step(Partial(L, beta), rows(Times(g[i], Partial(y[i], beta))), "proof.bn_chain_params")
    b.step(Partial(L, beta), rows(g[i]), "proof.bn_local_params")
    b.step(Partial(L, gamma), rows(Times(g[i], Partial(y[i], gamma))), "proof.bn_chain_params")
    b.step(Partial(L, gamma), rows(Times(g[i], xhat[i])), "proof.bn_local_params")
    b.step(Partial(L, xhat[i]), Times(gamma, g[i]), "proof.bn_own_entry")
    # the input: x_p reaches x̂_i through x_i, μ and σ²
    d_mu = collapse(rows(x[i]).diff(x[p])) / m
    b.step(Partial(mu, x[p]), d_mu, "proof.differentiate")
    d_var = Times(2 / m, rows(Times(InOrder(x[i], -mu), InOrder(sp.KroneckerDelta(i, p), -d_mu))))
    b.step(Partial(var, x[p]), d_var, "proof.bn_var_chain")
    b.step(
        Partial(var, x[p]),
        InOrder(Times(2 / m, InOrder(x[p], -mu)), -Times(2 / m**2, rows(InOrder(x[i], -mu)))),
        "proof.kronecker_collapse",
        index="i",
    )
    b.step(Partial(var, x[p]), Times(2 / m, InOrder(x[p], -mu)), "proof.bn_deviations")
    d_xhat = InOrder(
        InOrder(sp.KroneckerDelta(i, p), -1 / m) / root,
        -Times(InOrder(x[i], -mu) / (2 * (var + eps) ** sp.Rational(3, 2)), Partial(var, x[p])),
    )
    b.step(Partial(xhat[i], x[p]), d_xhat, "proof.bn_quotient")
    d_xhat = InOrder(
        InOrder(sp.KroneckerDelta(i, p), -1 / m) / root,
        -Times(InOrder(x[i], -mu), InOrder(x[p], -mu), 1 / (m * (var + eps) ** sp.Rational(3, 2))),
    )
    b.step(Partial(xhat[i], x[p]), d_xhat, "proof.substitute")
    local = InOrder(sp.KroneckerDelta(i, p), -1 / m, -Times(xhat[i], xhat[p]) / m)
    b.step(Partial(xhat[i], x[p]), Times(1 / root, local), "proof.bn_through_xhat")
    chain = rows(Times(Partial(L, xhat[i]), Partial(xhat[i], x[p])))
    b.step(Partial(L, x[p]), chain, "proof.chain_rule", via="x̂")
    b.step(Partial(L, x[p]), rows(Times(gamma, g[i], 1 / root, local)), "proof.substitute")
    sum_g, sum_gx = rows(g[i]), rows(Times(g[i], xhat[i]))
    collapsed = Times(
        gamma / root, InOrder(g[p], -Times(1 / m, sum_g), -Times(xhat[p] / m, sum_gx))
    )
    b.step(Partial(L, x[p]), collapsed, "proof.kronecker_collapse", index="i")
    compact = Times(gamma / (m * root), InOrder(Times(m, g[p]), -sum_g, -Times(xhat[p], sum_gx)))
    b.step(Partial(L, x[p]), compact, "proof.bn_factor_m")
    st = b.statement(Partial(L, x[p]), compact)
    assumptions = ("proof.assume.bn_feature", "proof.assume.bn_upstream")
    notes = ("proof.note.bn_matrix", "proof.note.bn_sums")
    return b.proof(st, assumptions, notes)


# ---- zero / symmetric initialisation ---------------------------------------------------------

_ZI_BATCH, _ZI_INPUTS, _ZI_HIDDEN = 2, 2, 3


def _entry_names(name: str, tex: str, text: str, rows: int, cols: int) -> list[NameSpec]:
    """Display names ``x_{11}`` / ``x[1,1]`` for the entry symbols ``X[0,0]`` of a world."""
    out: list[NameSpec] = []
    for a in range(rows):
        for b_ in range(cols):
            sub = f"{a + 1}{b_ + 1}" if cols > 1 else f"{a + 1}"
            out.append((f"{name}[{a},{b_}]", f"{tex}_{{{sub}}}", f"{text}{sub}"))
    return out


def _zero_init_world(sizes: dict[sp.Symbol, int], point: int = 0, zero: bool = False) -> World:
    """2 examples, 2 inputs, 3 tanh hidden units, a sigmoid output and mean BCE. The hidden
    units start identical: every column of ``W1`` is ``(u1, u2)``, every entry of ``b1`` is
    ``c`` and of ``W2`` is ``v`` — or all of them 0 (``zero=True``)."""
    w = World(sizes)
    nb, ni, nh = _ZI_BATCH, _ZI_INPUTS, _ZI_HIDDEN
    x = w.leaf("X", (nb, ni))
    y = w.leaf("Y", (nb, 1), (0.05, 0.95))
    u = [sp.Integer(0)] * ni if zero else [w.leaf(f"u{a + 1}") for a in range(ni)]
    c_, v = (sp.Integer(0), sp.Integer(0)) if zero else (w.leaf("c"), w.leaf("v"))
    b2 = w.leaf("b2", (1, 1))
    w1 = w.define("W1", sp.Matrix(ni, nh, lambda a, _h: u[a]))
    b1 = w.define("b1", sp.Matrix(1, nh, lambda _r, _h: c_))
    w2 = w.define("W2", sp.Matrix(nh, 1, lambda _h, _c: v))
    ones = sp.ones(nb, 1)
    z1 = w.define("Z1", x * w1 + ones * b1)
    a1 = w.define("A1", z1.applyfunc(sp.tanh))
    z2 = w.define("Z2", a1 * w2 + ones * b2)
    yhat = w.define("Yhat", z2.applyfunc(sigmoid))
    loss = w.define("L", sp.Add(*(losses.bce_term(yhat[n], y[n]) for n in range(nb))) / nb)
    s_ = w.define("s", x * sp.Matrix(u) + ones * c_)
    w.define("a", s_.applyfunc(sp.tanh))
    w.define("d", z2.applyfunc(lambda e: w.partial(loss, e)))
    w.define("g", sp.Matrix(ni, 1, [w.partial(loss, w1[a, 0]) for a in range(ni)]))
    return w


def zero_init() -> Proof:
    """Identical hidden units get identical gradients, so gradient descent never separates
    them; with all weights 0 (tanh hidden layer) nothing but the output bias learns."""
    name = "zero-init"
    nb, ni, nh = _ZI_BATCH, _ZI_INPUTS, _ZI_HIDDEN
    names: list[NameSpec] = [
        *(f"u{a + 1}" for a in range(ni)),
        "c",
        "v",
        ("eta", "\\eta", "η"),
        "L",
        "X",
        "Y",
        ("W1", name_tex("W1", layer=True), "W1"),
        ("b1", name_tex("b1", layer=True), "b1"),
        ("W2", name_tex("W2", layer=True), "W2"),
        ("b2", name_tex("b2", layer=True), "b2"),
        ("Z1", name_tex("Z1", layer=True), "Z1"),
        ("A1", name_tex("A1", layer=True), "A1"),
        ("Z2", name_tex("Z2", layer=True), "Z2"),
        ("Yhat", "\\hat{Y}", "Ŷ"),
        *_entry_names("X", "x", "x", nb, ni),
        *_entry_names("Y", "y", "y", nb, 1),
        *_entry_names("Yhat", "\\hat{y}", "ŷ", nb, 1),
        ("b2[0,0]", "b^{[2]}", "b2"),
        *_entry_names("s", "s", "s", nb, 1),
        *_entry_names("a", "a", "a", nb, 1),
        *_entry_names("d", "d", "d", nb, 1),
        *_entry_names("g", "g", "g", ni, 1),
    ]
    chk = IndexChecker(_zero_init_world, seed=name)
    zero_chk = IndexChecker(functools.partial(_zero_init_world, zero=True), seed=f"{name}:zero")
    b = _Builder(name, chk, names)

    def ent(base: str, rows: int, cols: int) -> sp.ImmutableMatrix:
        return sp.ImmutableMatrix(rows, cols, lambda a, b_: sp.Symbol(f"{base}[{a},{b_}]"))

    ms = {
        n: _ms(n, r, c_)
        for n, r, c_ in (
            ("W1", ni, nh),
            ("b1", 1, nh),
            ("W2", nh, 1),
            ("b2", 1, 1),
            ("Z1", nb, nh),
            ("A1", nb, nh),
            ("Z2", nb, 1),
            ("X", nb, ni),
            ("s", nb, 1),
            ("a", nb, 1),
        )
    }
    L, eta, c_, v = sp.symbols("L eta c v")
    u = sp.Matrix([sp.Symbol(f"u{a + 1}") for a in range(ni)])
    x, s_, a_, d_, g_ = (
        ent("X", nb, ni),
        ent("s", nb, 1),
        ent("a", nb, 1),
        ent("d", nb, 1),
        ent("g", ni, 1),
    )
    ones = sp.ones(nb, 1)
    w1 = sp.ImmutableMatrix(ni, nh, lambda a, _h: u[a])
    b1 = sp.ImmutableMatrix(1, nh, lambda _r, _h: c_)
    w2 = sp.ImmutableMatrix(nh, 1, lambda _h, _c: v)
    b.step(ms["W1"], w1, "proof.symmetric_init")
    b.step(ms["b1"], b1, "proof.symmetric_init")
    b.step(ms["W2"], w2, "proof.symmetric_init")
    # forward pass: every hidden unit computes the same thing
    s_expr = x * u + ones * c_
    b.step(ms["s"], s_expr, "proof.notation")
    back = {sp.expand(s_expr[n]): s_[n] for n in range(nb)}
    z1 = (x * w1 + ones * b1).applyfunc(lambda e: back.get(sp.expand(e), e))
    b.step(ms["Z1"], z1, "proof.forward_same")
    b.step(ms["a"], s_.applyfunc(sp.tanh), "proof.notation")
    a1 = z1.applyfunc(sp.tanh).xreplace({sp.tanh(s_[n]): a_[n] for n in range(nb)})
    b.step(ms["A1"], a1, "proof.forward_same")
    b2 = sp.ImmutableMatrix([[sp.Symbol("b2[0,0]")]])
    b.step(ms["Z2"], a1 * w2 + ones * b2, "proof.forward_same")
    # backward pass with the proven rules
    yhat, y = ent("Yhat", nb, 1), ent("Y", nb, 1)
    mean_rule = sp.ImmutableMatrix(
        nb, 1, [Times(sp.Rational(1, nb), InOrder(yhat[n], -y[n])) for n in range(nb)]
    )
    b.step(MatGrad(L, ms["Z2"]), mean_rule, "proof.rule", proof="sigmoid-bce")
    b.step(MatGrad(L, ms["Z2"]), d_, "proof.notation")
    d_w2 = a1.T * d_
    b.step(MatGrad(L, ms["W2"]), d_w2, "proof.rule", proof="linear-weight")
    d_a1 = d_ * w2.T
    b.step(MatGrad(L, ms["A1"]), d_a1, "proof.rule", proof="linear-input")
    t = sp.Dummy("t")
    tanh_prime = sp.Lambda(t, sp.tanh(t).diff(t))  # SymPy's rule: 1 − tanh²
    local = z1.applyfunc(lambda e: tanh_prime(e)).xreplace(
        {sp.tanh(s_[n]): a_[n] for n in range(nb)}
    )
    d_z1 = d_a1.multiply_elementwise(local)
    b.step(MatGrad(L, ms["Z1"]), d_z1, "proof.rule", proof="elementwise")
    d_w1 = x.T * d_z1
    b.step(MatGrad(L, ms["W1"]), d_w1, "proof.rule", proof="linear-weight")
    d_b1 = ones.T * d_z1
    b.step(MatGrad(L, ms["b1"]), d_b1, "proof.rule", proof="bias-sum")
    # the symmetry, entry by entry, on the true gradients
    gw1, gw2, gb1 = MatGrad(L, ms["W1"]), MatGrad(L, ms["W2"]), MatGrad(L, ms["b1"])
    for h in range(1, nh):
        b.step(gw1[:, h], gw1[:, 0], "proof.equal_columns", unit=str(h + 1))
    for h in range(1, nh):
        b.step(
            MatrixElement(gw2, h, 0),
            MatrixElement(gw2, 0, 0),
            "proof.equal_entries",
            unit=str(h + 1),
        )
    for h in range(1, nh):
        b.step(
            MatrixElement(gb1, 0, h),
            MatrixElement(gb1, 0, 0),
            "proof.equal_entries",
            unit=str(h + 1),
        )
    b.step(gw1[:, 0], g_, "proof.notation")
    step_w1 = w1 - eta * sp.ImmutableMatrix(ni, nh, lambda a, _h: g_[a])
    b.step(
        sp.MatAdd(ms["W1"], sp.MatMul(-eta, gw1)),
        step_w1.applyfunc(_arrange),
        "proof.gradient_step",
    )
    b.step(
        sp.MatAdd(ms["W2"], sp.MatMul(-eta, gw2)),
        (w2 - eta * d_w2).applyfunc(_arrange),
        "proof.gradient_step",
    )
    # all weights zero
    zero = {**{ui: 0 for ui in u}, c_: 0, v: 0}
    a_zero = {a_[n]: sp.tanh(s_expr[n]).xreplace(zero) for n in range(nb)}
    b.step(gw1, d_w1.xreplace(zero), "proof.zero_w2", checker=zero_chk)
    b.step(gb1, d_b1.xreplace(zero), "proof.zero_w2", checker=zero_chk)
    b.step(gw2, d_w2.xreplace(a_zero), "proof.zero_tanh", checker=zero_chk)
    st = b.statement(
        gw1, sp.ImmutableMatrix(ni, nh, lambda a, _h: g_[a]), "proof.symmetric_gradient"
    )
    assumptions = (
        "proof.assume.zero_init_net",
        "proof.assume.symmetric",
    )
    notes = (
        "proof.note.symmetry_forever",
        "proof.note.zero_stuck",
    )
    return b.proof(st, assumptions, notes)


# ---- registry and text rendering -------------------------------------------------------------

PROOFS: dict[str, Callable[[], Proof]] = {
    "linear-weight": linear_weight,
    "linear-input": linear_input,
    "bias-sum": bias_sum,
    "elementwise": elementwise,
    "sigmoid-derivative": sigmoid_derivative,
    "tanh-derivative": tanh_derivative,
    "relu-derivative": relu_derivative,
    "sigmoid-bce": sigmoid_bce,
    "weighted-bce": weighted_bce,
    "softmax-ce": softmax_ce,
    "softmax-jacobian": softmax_jacobian,
    "batchnorm": batchnorm,
    "mse": mse,
    "zero-init": zero_init,
}


def proof_names() -> list[str]:
    """The proof names, in their stable order."""
    return list(PROOFS)


@functools.lru_cache(maxsize=32)
def get_proof(name: str) -> Proof:
    """The proof ``name``, built and verified once per process; ``KeyError`` if unknown."""
    if name not in PROOFS:
        raise KeyError(f"unknown proof {name!r}; known: {', '.join(PROOFS)}")
    return PROOFS[name]()


def title(name: str, lang: str = "en") -> str:
    """The title of the proof ``name`` in ``lang``, without building the proof."""
    return catalog.text(f"proof_titles.{name}", lang)


def reason_text(step: Step, lang: str = "en") -> str:
    """The one-sentence justification of ``step`` in ``lang``, its ``{{arg}}`` slots filled."""
    args = dict(step.args)
    if args.get("proof") in PROOFS:  # a proof by its title, not its identifier
        args["proof"] = title(args["proof"], lang)
    return catalog.text(f"prove.reasons.{step.reason}", lang, **args)


def note_text(key: str, lang: str = "en") -> str:
    """The plain text of an assumption or note ``key`` in ``lang``."""
    return catalog.text(f"prove.notes.{key}", lang)


def format_text(proof: Proof, lang: str = "en") -> str:
    """The proof as plain text for a terminal: the title, the assumptions, each step as
    ``lhs = rhs    [reason]`` (a repeated left side is shown once, the next lines start with
    ``=``), the notes, and last the statement (no trailing newline)."""
    heads = catalog.catalogue(lang)["prove"]["heads"]  # ValueError for an unknown language
    colon = heads.get("colon", ":")
    lines = [f"{proof.title[lang]} ({proof.name})", ""]
    if proof.assumptions:
        lines.append(f"{heads['assumptions']}{colon}")
        lines += [f"  - {note_text(key, lang)}" for key in proof.assumptions]
        lines.append("")
    lines.append(f"{heads['derivation']}{colon}")
    previous = None
    for n, step in enumerate(proof.steps, 1):  # every line numbered: 1, 2, 3, …
        lhs = step.lhs.text
        head = f"{n:>3}. " + (" " * len(lhs) if lhs == previous else lhs)
        lines.append(f"{head} = {step.rhs.text}    [{reason_text(step, lang)}]")
        previous = lhs
    lines.append("")
    if proof.notes:
        lines.append(f"{heads['notes']}{colon}")
        lines += [f"  - {note_text(key, lang)}" for key in proof.notes]
        lines.append("")
    lines.append(f"{heads['result']}{colon}")
    lines.append(f"  {proof.statement.lhs.text} = {proof.statement.rhs.text}")
    return "\n".join(lines)
