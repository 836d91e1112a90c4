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

Public API: :class:`Proof`, :data:`PROOFS`, :func:`get_proof`, :func:`proof_names`,
:func:`format_text`, :data:`REASONS`.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath
import sympy as sp
from sympy.concrete.delta import deltasummation
from sympy.core.function import AppliedUndef
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement

from derive import losses
from derive.functions import leaky_relu, relu, relu_grad, sigmoid
from derive.printing import index_latex, index_text, name_tex
from derive.steps import Checker, Step, StepError, Term, prove

Note = tuple[str, str, str]  # (locale key, English, Chinese)

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
i, j, k, l, p, q, c = sp.symbols("i j k l p q c", integer=True, nonnegative=True)


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
        carried out, entries replaced by their symbols, derivatives by their ground truth."""
        e = sp.sympify(expr)
        free = getattr(e, "free_symbols", set())
        e = e.xreplace({**self.sizes, **{s: v for s, v in subs.items() if s in free}})
        e = e.replace(
            lambda x: isinstance(x, MatGrad),
            lambda g: sp.ImmutableMatrix(self.matrix(g.args[1]).applyfunc(
                lambda s: Partial(g.args[0], s))),
        )
        e = e.replace(lambda x: isinstance(x, sp.MatrixSymbol), self.matrix)
        for f, lam in self.funcs.items():
            e = e.replace(f, lam)
        try:
            e = e.replace(lambda x: isinstance(x, ShapeOf), lambda s: Dims(*s.args[0].shape))
            if isinstance(e, Dims):
                return e
            e = e.doit()
            if isinstance(e, sp.MatrixExpr) and not isinstance(e, sp.MatrixBase):
                e = e.as_explicit()
        except sp.ShapeError as err:
            raise StepError(f"shapes do not conform: {err}") from None
        e = e.replace(
            lambda x: isinstance(x, sp.Indexed), lambda x: self.entry(x.base.label.name, x.indices)
        )
        e = e.replace(lambda x: isinstance(x, MatrixElement), lambda x: x.doit())
        e = e.replace(lambda x: isinstance(x, Partial), lambda x: self.partial(*x.args))
        leftover = [a for a in sp.preorder_traversal(e) if isinstance(a, sp.Sum | AppliedUndef)]
        if leftover:
            raise StepError(f"cannot instantiate {leftover[0]}")
        return e


class IndexChecker:
    """Checks ``lhs = rhs`` in index notation / matrix form at ``points`` random instances.

    ``build(sizes, point)`` makes the :class:`World` of an instance; ``sizes`` maps each size symbol to
    the inclusive range its values are drawn from; ``ranges`` maps each free index to the size
    that bounds it. Same protocol as :class:`derive.steps.Checker`: :meth:`check` returns the
    number of instances checked and raises :class:`StepError` on a false identity.
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
            sizes = {
                s: rng.randint(*self.sizes[s]) for s in sorted(self.sizes, key=lambda s: s.name)
            }
            world = self.build(sizes, k)
            idx = {
                s: rng.randrange(world.size(self.ranges[s]))
                for s in sorted(self.ranges, key=lambda s: s.name)
            }
            ev = _Evaluator(defs=world.defs, domains=world.domains, points=1, seed=f"{self.seed}:{k}")
            self._cache[k] = (world, ev, idx)
        return self._cache[k]

    def check(self, lhs: Any, rhs: Any, label: str) -> int:
        for k in range(self.points):
            world, ev, idx = self.instance(k)
            try:
                a, b = world.instantiate(lhs, idx), world.instantiate(rhs, idx)
            except StepError as err:
                raise StepError(f"{err} (point {k}): {label}") from None
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

    def one(s: sp.Sum) -> sp.Basic:
        body, kept = s.function, []
        for lim in s.limits:
            var = lim[0]
            if any(var in d.free_symbols for d in body.atoms(sp.KroneckerDelta)):
                body = deltasummation(sp.expand(body), lim, no_piecewise=True)
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
    and whose ``reason`` is a key of :data:`REASONS`; ``assumptions`` and ``notes`` are
    ``(key, English, Chinese)`` triples."""

    name: str
    title: dict[str, str]
    statement: Step
    steps: tuple[Step, ...]
    assumptions: tuple[Note, ...] = ()
    notes: tuple[Note, ...] = ()


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
        if isinstance(e, sp.MatrixExpr | sp.MatrixBase) and all(s.is_Integer for s in e.shape):
            shape = (int(e.shape[0]), int(e.shape[1]))
        tex = index_latex(e, self.tex_names, factor_order=self.factor_order)
        return Term(e, tex, index_text(e, self.text_names, self.factor_order), shape)

    def step(
        self, lhs: Any, rhs: Any, reason: str, checker: Any = None, **args: str
    ) -> Step:
        if reason not in REASONS:
            raise KeyError(f"unknown reason key {reason!r}")
        s = prove(checker or self.checker, self.term(lhs), self.term(rhs), self.rule, reason, **args)
        self.steps.append(s)
        return s

    def statement(self, lhs: Any, rhs: Any, reason: str = "proof.statement", checker: Any = None,
                  **args: str) -> Step:
        """The final identity: proved like a step, not appended to the chain."""
        return prove(checker or self.checker, self.term(lhs), self.term(rhs), self.rule, reason,
                     **args)

    def proof(self, title: tuple[str, str], statement: Step, assumptions: Iterable[Note] = (),
              notes: Iterable[Note] = ()) -> Proof:
        return Proof(self.rule, {"en": title[0], "zh": title[1]}, statement, tuple(self.steps),
                     tuple(assumptions), tuple(notes))


def _dims_text(*shapes: tuple[Any, Any]) -> str:
    return "".join(f"({index_text(a)}×{index_text(b)})" for a, b in shapes)


# ---- reasons ---------------------------------------------------------------------------------

REASONS: dict[str, dict[str, str]] = {
    "proof.definition": {
        "en": "Definition (the forward rule).",
        "zh": "定义（前向计算规则）。",
    },
}


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
    b.step(Partial(L, target[p, q]), chain, "proof.kronecker_collapse",
           index="j" if wrt == "W" else "i")
    Xm, Wm, Gm = _ms("X", N, D), _ms("W", D, M), _ms("dZ", N, M)
    prod = Xm.T * Gm if wrt == "W" else Gm * Wm.T
    b.step(Partial(L, target[p, q]), MatrixElement(prod, p, q), "proof.matrix_product")
    tm = Wm if wrt == "W" else Xm
    b.step(ShapeOf(prod), Dims(*tm.shape), "proof.shape_check", param=wrt, **_shape_args(prod))
    st = b.statement(MatGrad(L, tm), prod)
    title = (
        ("Linear layer: gradient of the weights", "线性层的权重梯度")
        if wrt == "W"
        else ("Linear layer: gradient of the input", "线性层对输入的梯度")
    )
    return b.proof(title, st, _LINEAR_ASSUMPTIONS)


_LINEAR_ASSUMPTIONS: tuple[Note, ...] = (
    ("proof.assume.linear", "Z = X·W with X of shape N×D and W of shape D×M, for any N, D, M.",
     "Z = X·W，其中 X 为 N×D、W 为 D×M，N、D、M 任意。"),
    ("proof.assume.upstream", "δ_Z = ∂L/∂Z is given (the gradient arriving from later layers).",
     "δ_Z = ∂L/∂Z 已知（由后面各层传回的梯度）。"),
)


def linear_weight() -> Proof:
    """``∂L/∂W = Xᵀ·δ_Z``."""
    return _linear("W")


def linear_input() -> Proof:
    """``∂L/∂X = δ_Z·Wᵀ``."""
    return _linear("X")
