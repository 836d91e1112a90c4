"""Size-independent proofs of the backpropagation rules, as chains of verified :class:`Step`\\ s.

Each proof derives one identity the way a careful textbook does — in index notation with
symbolic sizes ``N, D, M`` (``Z_ij = Σ_k X_ik W_kj``, Kronecker deltas, the chain rule as a sum
over entries) or, for scalar rules, line by line — and every displayed line is a :class:`Step`
made by :func:`derive.engine.steps.prove`, so a false line raises :class:`StepError`.

How a line is checked (:class:`IndexChecker`): at several seeded points the symbolic sizes get
small random integers, the free indices random in-range values and the entries random rationals;
both sides are instantiated (sums expanded, Kronecker deltas evaluated, matrix expressions
multiplied out) and compared in 50-digit arithmetic. The instance (:class:`World`) defines every
quantity from the same rules the backprop pass uses: :mod:`derive.lang.ops` (the operation table) for the
loss formulas and the activations. A derivative ``∂f/∂x`` on the left of a line
(:class:`Partial`, :class:`MatGrad`) is the *ground truth*: the world differentiates the
elementary form of ``f``'s definition (``σ`` rewritten through ``exp``, ``ReLU`` as a piecewise
function), never our ``fdiff`` rules — so a wrong rule or a wrong loss formula
in ``lang/ops.py`` makes some line false and the proof raises.

The right-hand sides are produced by the engine: SymPy differentiation of the index expressions,
``deltasummation`` for the Kronecker collapse, ``diff`` (which calls our ``fdiff`` rules) for the
activation derivatives, and SymPy's own algebra (``expand``, ``collect``) for the simplifications;
the textbook targets (``Xᵀ·δ_Z``, ``Ŷ − Y``, ``σ(1 − σ)``) are SymPy expressions the derivation
must reach. All LaTeX is printed by :func:`derive.engine.printing.index_latex`; all plain text by
:func:`derive.engine.printing.index_text`.

The prose — titles, the reason of each step, assumptions and notes — lives in the locale
catalogues (``derive/locale/<lang>.toml``: ``proof_titles``, ``prove.reasons``, ``prove.notes``,
``prove.heads``); here there are only its keys.

Public API: :class:`Proof`, :data:`PROOFS`, :func:`get_proof`, :func:`proof_names`,
:func:`title`, :func:`reason_text`, :func:`note_text`, :func:`format_text`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp
from sympy.concrete.delta import deltasummation
from sympy.core.function import AppliedUndef
from sympy.matrices.expressions.matexpr import MatrixElement

from derive.engine.printing import index_latex, index_text, name_tex
from derive.engine.steps import Checker, Step, StepError, Term, prove
from derive.lang.ops import (
    clamp0,
    clamp0_grad,
    elu,
    elu_grad,
    leaky_relu,
    relu,
    relu_grad,
    sigmoid,
)
from derive.locale import catalog

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
    SymPy differentiates without any of the ``fdiff`` rules of :mod:`derive.lang.ops`."""
    e = e.replace(sigmoid, lambda x: 1 / (1 + sp.exp(-x)))
    e = e.replace(relu, lambda x: sp.Piecewise((x, x > 0), (0, True)))
    e = e.replace(relu_grad, lambda x: sp.Piecewise((1, x > 0), (0, True)))
    e = e.replace(clamp0, lambda x: sp.Piecewise((x, x >= 0), (0, True)))
    e = e.replace(clamp0_grad, lambda x: sp.Piecewise((1, x >= 0), (0, True)))
    e = e.replace(leaky_relu, lambda x, s: sp.Piecewise((x, x > 0), (s * x, True)))
    e = e.replace(elu, lambda x, a: sp.Piecewise((x, x > 0), (a * (sp.exp(x) - 1), True)))
    e = e.replace(elu_grad, lambda x, a: sp.Piecewise((1, x > 0), (a * sp.exp(x), True)))
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
    the size that bounds it. Same protocol as :class:`derive.engine.steps.Checker`: :meth:`check`
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


def title(name: str, lang: str = "en") -> str:
    """The title of the proof ``name`` in ``lang``, without building the proof."""
    return catalog.text(f"proof_titles.{name}", lang)


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


# reasons that define a notation, and their short form for the later uses in the same proof
_AGAIN = {"proof.kronecker_collapse": "proof.kronecker_collapse.again"}


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
        if reason in _AGAIN and any(s.reason == reason for s in self.steps):
            reason = _AGAIN[reason]  # a notation is explained at its first use in a proof only
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
