"""The element-wise derivation in long double (float64 where the platform has nothing wider)
with a running round-off bound, vectorised.

:func:`gradients_elementwise <derive.numeric.verify.gradients_elementwise>` evaluates every
defined symbol of a derivation (forward entries, then gradients) at a point. Walking the SymPy
trees once per point in Python was most of ``derive verify`` on a (32, 32, 32) MLP, and where
float64 is not trustworthy (σ saturates to 1.0, then ``1 − a`` is 0 and ``(1 − y)/(1 − a)`` is
inf) the whole derivation used to be evaluated again in high precision.

Here the expressions are compiled once into a :class:`Tape`: every distinct SymPy node, numbered
and grouped by depth, so one point is a few NumPy operations per depth. Each value carries a
first-order bound on its absolute error (Wilkinson's running error analysis), ``u`` the unit
round-off of the working type (:data:`WORK`: x86-64's 64-bit-significand long double, ``u`` ≈
1.1e-19, so that a 32-term pre-activation is known to ~1e-17 and σ′ of it even where σ nearly
saturates; a table function that computes in float64 whatever it is given is charged
float64's round-off):

- a sum ``s ← s + a``: the operands' bounds plus ``u·|s|`` per addition (none when an operand
  or the result is 0: those additions are exact);
- a product ``p ← p·a``: ``|p|·err(a) + |a|·err(p)``, plus ``u·|p|`` per rounding (none for a
  factor ±2^k or 0: ``−1·y``, ``y/32`` are exact);
- ``b^c`` (``c`` a constant): ``|c|·|b|^(c−1)·err(b) + 2u·|b^c|``;
- a function ``f(x)``: ``|f'(x)|·err(x) + 8u·|f(x)|`` with ``f'`` the operation table's
  derivative; within ``err(x)`` of a kink (ReLU, abs) the bound is infinite;
- underflow (a product, power or smooth function's value 0 or subnormal where its operands
  are not 0: e^−800), a non-finite value or bound: infinite.

At each defined symbol the bound decides: a parameter's gradient known to
:data:`tolerance.ELEMENTWISE_TRUST` relative (or to 1 % of the comparison's smallest absolute
tolerance, :func:`tolerance.exact_atol` of the comparison's scale), or a value it is computed
from known to a tenth of that, is used as it is. Any other
(a saturated σ's ``1 − a``, a cancellation, a kink input within its own round-off of 0) is
evaluated again: first its own definition in 60-digit arithmetic from the float64 values and
bounds of what it reads (:meth:`Tape._precise`; enough when the trouble is the definition's own
cancellation), else from the point's exact binary values in high precision
(:class:`~derive.numeric.example.Example`, which raises its precision until the value is
finite); either way it carries its rounding from then on. So the fast path is used where its error
is provably (to first order) far below the comparison's tolerance, and the high-precision path
only for the entries that need it.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from derive.engine import tolerance as tol
from derive.engine.backprop import Derivation
from derive.lang import ops
from derive.numeric.example import Example

U = tol.U  # float64's unit round-off (values recomputed in high precision are kept as float64)
# the tape runs in the platform's extended precision where it has one (x86-64: 64-bit
# significands, unit round-off 1.1e-19, 2048× below float64's): the same running bound, each
# operation's rounding taken from the type actually used, so the bound stays sound on a platform
# whose long double is float64 (then nothing changes). A 32-term pre-activation's bound drops
# from ~1e-12 to ~1e-15, so the derivative of a saturated σ computed from it is trusted, where
# before every such entry was recomputed from the exact values in 60-digit arithmetic.
WORK = np.longdouble if np.finfo(np.longdouble).eps < np.finfo(np.float64).eps else np.float64
UW = float(np.finfo(WORK).eps)  # the working type's unit round-off (conservatively: eps)
FUNC_ROUNDING = 8 * UW  # NumPy's exp/log/tanh and the table's σ are within a few ulps
FUNC_ROUNDING_64 = 8 * U  # a table function that computes in float64 whatever it is given
TINY = float(np.finfo(WORK).tiny)  # below this a nonzero value has lost precision

LEAF, CONST, SYM, ADD, MUL, POW, FUNC, OPAQUE = range(8)
PRECISE_DPS = 60  # digits of the one-definition recomputation (Tape._precise)
EXACT_DPS = 60  # first digits of a recomputation from the exact values (_exact), then doubled
FULL_MAX_DPS = 240  # the bounded recomputation from the exact values stops here (then _exact)
# values the outputs are computed from are held to 10× less error than the outputs themselves,
# so that sums of many of them (a weight's gradient sums over the batch) stay within the bound
INNER = 0.1
# from the exact values, a sum is taken as it is only when its bound is this tight (relative):
# a pre-activation in long double (~1e-17); a definition that cancels (a saturated σ's
# 1/(1 − a), 1e-13) is evaluated from its definition instead
SUMS_TRUST = 1e-15
TINY_BOUND = 1e-40  # an absolute bound accepted for an inner value recomputed in high precision


class _Imprecise(Exception):
    """The one-definition recomputation cannot bound its error: start from the exact values."""


class _Funcs:
    """SymPy function class → (NumPy value, NumPy derivative in the first argument, kinks),
    from the operation table."""

    def __init__(self) -> None:
        x = sp.Symbol("x", real=True)
        self.table: dict[Any, tuple[Any, Any, tuple[float, ...]]] = {}
        derivs = {}
        for op in ops.OPS.values():
            cls = op.sympy_class
            if cls is None or op.numpy is None or op.derivative is None:
                continue
            params = tuple(sp.Symbol(f"p{k}", real=True) for k in range(len(op.params)))
            derivs[cls] = (op.derivative(x, *params), (x, *params))
            self.table[cls] = (op.numpy, None, tuple(float(k) for k in op.kinks))
        for cls, (expr, names) in derivs.items():
            f, _, kinks = self.table[cls]
            self.table[cls] = (f, self._numeric(expr, names), kinks)
        self.derivs = derivs

    def mp_slope(self, cls: Any, x: Any, params: list[Any]) -> Any:
        """f'(x) in mpmath (σ'(40) ≈ 4e−18, where float64 gives 0), from the table's
        derivative."""
        expr, names = self.derivs[cls]
        env = dict(zip(names, [x, *params], strict=True))
        funcs = ops.sympy_mpmath()

        def ev(e: sp.Basic) -> Any:
            if e in env:
                return env[e]
            if e.is_Rational:
                return mpmath.mpf(int(e.p)) / int(e.q)
            if e.is_Number or e.is_NumberSymbol:
                return mpmath.mpf(float(e))
            vals = [ev(a) for a in e.args]
            if e.is_Add:
                return mpmath.fsum(vals)
            if e.is_Mul:
                out = vals[0]
                for v in vals[1:]:
                    out = out * v
                return out
            if e.is_Pow:
                return vals[0] ** vals[1]
            return funcs[e.func](*vals)

        return ev(expr)

    def _numeric(self, expr: sp.Expr, names: tuple[sp.Symbol, ...]) -> Any:
        """``expr`` (an operation's derivative: ``σ(x)(1 − σ(x))``, ``1/x``, ``1 − tanh²x``) as
        a NumPy function of ``names``, built from the same table."""

        def run(*args: Any) -> Any:
            env = dict(zip(names, args, strict=True))

            def ev(e: sp.Basic) -> Any:
                if e in env:
                    return env[e]
                if e.is_Number or e.is_NumberSymbol:
                    return float(e)
                vals = [ev(a) for a in e.args]
                if e.is_Add:
                    return sum(vals[1:], vals[0])
                if e.is_Mul:
                    out = vals[0]
                    for v in vals[1:]:
                        out = out * v
                    return out
                if e.is_Pow:
                    return np.power(np.asarray(vals[0], dtype=np.float64), vals[1])
                hit = self.table.get(e.func)
                if hit is None:
                    raise TypeError(f"no NumPy form for {e.func}")
                return hit[0](*vals)

            return ev(expr)

        return run


_FUNCS: dict[int, tuple[Any, _Funcs]] = {}


def _funcs() -> _Funcs:
    key = id(ops.OPS)
    hit = _FUNCS.get(key)
    if hit is None or hit[0] is not ops.OPS:
        hit = _FUNCS[key] = (ops.OPS, _Funcs())
    return hit[1]


class Tape:
    """The defined symbols ``order`` of a derivation (each after the symbols it reads) as one
    numbered DAG; :meth:`run` evaluates it at a point. (It keeps no reference to the
    derivation, so the cache below does not keep derivations alive.)"""

    def __init__(
        self,
        d: Derivation,
        order: list[sp.Symbol],
        given: set[sp.Basic],
        outputs: list[sp.Symbol] | None = None,
    ) -> None:
        self.funcs = _funcs()
        index: dict[sp.Basic, int] = {}
        kind: list[int] = []
        children: list[tuple[int, ...]] = []
        extra: list[Any] = []
        level: list[int] = []
        defs = d.defs

        def add(e: sp.Basic, k: int, ch: tuple[int, ...], x: Any) -> None:
            index[e] = len(kind)
            kind.append(k)
            children.append(ch)
            extra.append(x)
            lv = -1
            for c in ch:
                if level[c] > lv:
                    lv = level[c]
            level.append(lv + 1)

        lookup = index.__getitem__
        table = self.funcs.table

        # iterative post-order walk (definitions chain through symbols: no recursion limit)
        for root in order:
            stack: list[tuple[sp.Basic, bool]] = [(root, False)]
            while stack:
                e, ready = stack.pop()
                if e in index:
                    continue
                if e.is_Symbol:
                    if e in given or e not in defs:
                        add(e, LEAF, (), e)
                        continue
                    body = defs[e]
                    if not ready:
                        stack.append((e, True))
                        stack.append((body, False))
                        continue
                    add(e, SYM, (index[body],), e)
                    continue
                if e.is_Number or e.is_NumberSymbol:
                    add(e, CONST, (), e)
                    continue
                args = e.args
                if not ready:
                    missing = [a for a in args if a not in index]
                    if missing:
                        stack.append((e, True))
                        stack.extend([(a, False) for a in reversed(missing)])
                        continue
                ch = tuple(map(lookup, args))
                if e.is_Add:
                    add(e, ADD, ch, None)
                elif e.is_Mul:
                    add(e, MUL, ch, None)
                elif e.is_Pow:
                    add(e, POW, ch, None)
                elif e.func in table:
                    add(e, FUNC, ch, e.func)
                else:
                    add(e, OPAQUE, ch, e)
        self.n = len(kind)
        self.index = index
        self.extra = extra
        self.kind = kind
        self.children = children
        self.leaves = [(i, extra[i]) for i in range(self.n) if kind[i] == LEAF]
        consts = [i for i in range(self.n) if kind[i] == CONST]
        self.const_idx = np.array(consts, dtype=np.intp)
        cv, ce = [], []
        for i in consts:
            v, err = _constant(extra[i])
            cv.append(v)
            ce.append(err)
        self.const_val = np.array(cv, dtype=WORK)
        self.const_err = np.array(ce, dtype=np.float64)
        # per depth: the groups of one kind, with their children laid out by argument position
        by_level: dict[int, dict[Any, list[int]]] = {}
        for i in range(self.n):
            if kind[i] in (LEAF, CONST):
                continue
            key = (kind[i], extra[i]) if kind[i] in (FUNC, OPAQUE) else kind[i]
            if kind[i] == OPAQUE:
                key = (OPAQUE, i)
            by_level.setdefault(level[i], {}).setdefault(key, []).append(i)
        self.levels: list[list[tuple[Any, np.ndarray, list[np.ndarray]]]] = []
        for lv in sorted(by_level):
            groups = []
            for key, nodes in by_level[lv].items():
                nodes.sort(key=lambda i: -len(children[i]))  # widest first: position slices
                arity = [len(children[i]) for i in nodes]
                positions = []
                for k in range(arity[0] if arity else 0):
                    count = sum(1 for a in arity if a > k)
                    positions.append(
                        np.array([children[i][k] for i in nodes[:count]], dtype=np.intp)
                    )
                groups.append((key, np.array(nodes, dtype=np.intp), positions))
            self.levels.append(groups)
        self.syms = {i: extra[i] for i in range(self.n) if kind[i] == SYM}
        # the values the outputs depend on: only these are worth high precision (the loss's own
        # value may be beyond every precision where its gradient is finite)
        self.needed = np.zeros(self.n, bool)
        self.output = np.zeros(self.n, bool)
        self.output[[index[s] for s in (outputs if outputs is not None else order)]] = True
        stack = [index[s] for s in (outputs if outputs is not None else order)]
        while stack:
            i = stack.pop()
            if not self.needed[i]:
                self.needed[i] = True
                stack.extend(children[i])
        self.opaque = {i: extra[i] for i in range(self.n) if kind[i] == OPAQUE}
        # filled in by the caller (verify.gradients_elementwise): symbols per tensor, and the
        # node of each gradient entry
        self.symbols: dict[str, list[sp.Symbol]] = {}
        self.grad_index: dict[str, np.ndarray] = {}

    # -- evaluation ------------------------------------------------------------------------

    def run(
        self,
        d: Derivation,
        leaf_values: Mapping[sp.Basic, float],
        point: Mapping[str, np.ndarray] | None,
        atol: float = tol.EXACT_ATOL,
    ) -> tuple[np.ndarray, np.ndarray, int] | None:
        """``(values, bounds, recomputed)`` of every node at the point whose leaves (inputs,
        parameters, sizes, constants) take ``leaf_values`` (exact binary numbers, bound 0);
        ``point`` is passed to the high-precision evaluator for the symbols float64 cannot be
        trusted with. ``atol``: the smallest absolute tolerance the outputs are compared with
        (:func:`tolerance.exact_atol` of the comparison's scale, at least
        :data:`tolerance.EXACT_ATOL`). ``None`` if one of those has no finite value at any
        precision."""
        val = np.full(self.n, np.nan, dtype=WORK)
        err = np.zeros(self.n)
        for i, s in self.leaves:
            v = leaf_values.get(s)
            val[i] = np.nan if v is None else float(v)
            err[i] = 0.0 if v is not None else np.inf
        val[self.const_idx] = self.const_val
        err[self.const_idx] = self.const_err
        examples: dict[int, Example] = {}  # high-precision evaluators by digits
        fulls: dict[int, dict] = {}  # values from the exact inputs, by digits
        memo: dict[int, tuple[Any, Any]] = {}
        sums: dict[int, tuple[Any, Any]] = {}  # the same with accurate sums as inputs
        recomputed = 0
        with np.errstate(all="ignore"):
            for groups in self.levels:
                for key, nodes, positions in groups:
                    k = key if isinstance(key, int) else key[0]
                    if k == SYM:
                        child = positions[0]
                        v, e = val[child], err[child]
                        out = self.output[nodes]
                        limit = np.where(out, 1.0, INNER) * tol.ELEMENTWISE_TRUST * np.abs(v)
                        # an output (a parameter's gradient) is compared with an absolute
                        # tolerance of at least ``atol``: 1 % of that is as good
                        limit = np.where(out, np.maximum(limit, 0.01 * atol), limit)
                        bad = ~((e <= limit) & np.isfinite(v) & np.isfinite(v.astype(np.float64)))
                        bad &= self.needed[nodes]
                        if bad.any():
                            v, e = v.copy(), e.copy()
                            for j in np.flatnonzero(bad):
                                body = int(child[j])
                                # a value that is exactly 0 (a bias whose gradient cancels) has
                                # no relative accuracy at any precision: a small enough absolute
                                # bound is accepted (it is carried to everything computed from it)
                                floor = 0.01 * atol if out[j] else TINY_BOUND
                                x, bound = self._precise(body, val, err, memo, floor=floor)
                                if x is None:
                                    # from the exact values, the pre-activations float64 got
                                    # right (within their bounds) taken as they are
                                    x, bound = self._precise(
                                        body, val, err, sums, PRECISE_DPS, True, floor, True
                                    )
                                dps = PRECISE_DPS
                                while x is None and dps <= FULL_MAX_DPS:
                                    # ill-conditioned in its inputs too: from the exact values
                                    full = fulls.setdefault(dps, {})
                                    x, bound = self._precise(body, val, err, full, dps, True, floor)
                                    dps *= 4
                                if x is None:  # (a chain too deep to follow, say)
                                    x, bound = _exact(
                                        examples, d, point, self.syms[int(nodes[j])], floor
                                    )
                                    if x is not None:
                                        bound += U * abs(x)
                                    if x is None and out[j]:
                                        return None
                                recomputed += 1
                                if x is None:
                                    # beyond float64 (∂L/∂P = 1e1322 where σ saturates) or
                                    # undefined: what reads it is recomputed from the exact
                                    # values, and an output that needs it fails
                                    v[j], e[j] = np.nan, np.inf
                                    continue
                                v[j], e[j] = x, bound
                        val[nodes], err[nodes] = v, e
                    elif k == ADD:
                        self._add(val, err, nodes, positions)
                    elif k == MUL:
                        self._mul(val, err, nodes, positions)
                    elif k == POW:
                        self._pow(val, err, nodes, positions)
                    elif k == FUNC:
                        self._func(key[1], val, err, nodes, positions)
                    else:
                        self._opaque(val, err, nodes, positions)
        return val, err, recomputed

    def _precise(
        self,
        body: int,
        val: np.ndarray,
        err: np.ndarray,
        memo: dict,
        dps: int = 0,
        full: bool = False,
        floor: float = 0.0,
        sums: bool = False,
    ) -> tuple[Any, float]:
        """The value of one definition, in :data:`PRECISE_DPS`-digit arithmetic from the
        float64 values (and bounds) of the symbols it reads, and its bound, if the bound then
        shows it to :data:`tolerance.ELEMENTWISE_TRUST`; else ``(None, inf)``. Float64 fails
        on a definition mostly by its own cancellation (``1 − σ(z)`` with σ rounded to 1.0),
        which more digits cure while ``z`` stays the float value it is; where the definition
        is ill-conditioned in its inputs as well the bound says so, and the caller starts from
        the point's exact values instead (``full``: every defined symbol evaluated from its
        definition, down to the inputs and parameters, with ``dps`` digits; ``sums`` with it:
        sums and piecewise-linear functions of them that the working precision got right, within
        their bound, are inputs as in the first case). The value is returned in the working type
        (:data:`WORK`) with a bound that includes its rounding to it."""
        with mpmath.workdps(dps or PRECISE_DPS):
            try:
                v, e = self._mp(body, val, err, memo, top=True, full=full, sums=sums)
            except (_Imprecise, ArithmeticError, ValueError, TypeError, RecursionError):
                return None, np.inf
            if not (isinstance(v, mpmath.mpf) and mpmath.isfinite(v)):
                return None, np.inf
            if not e <= max(INNER * tol.ELEMENTWISE_TRUST * abs(v), floor):
                return None, np.inf
            hi = float(v)
            if not np.isfinite(hi):
                return None, np.inf
            lo = float(v - hi)
            x = WORK(hi) + WORK(lo)  # v rounded to the working type (hi + lo: ~106 bits)
            bound = float(e) + UW * abs(float(x)) + U * abs(lo)
        if not (np.isfinite(x) and np.isfinite(bound) and (x != 0 or v == 0)):
            return None, np.inf
        return x, bound

    def _mp(
        self,
        i: int,
        val,
        err,
        memo: dict,
        top: bool = False,
        full: bool = False,
        sums: bool = False,
    ) -> tuple[Any, Any]:
        """(value, bound) of node ``i`` in mpmath; symbols other than the one being defined
        are inputs: their float64 value (an exact binary number) and bound (``full``: their
        definitions are evaluated too, down to the point's exact values)."""
        hit = memo.get(i)
        if hit is not None:
            return hit
        k = self.kind[i]
        if full and k == SYM:
            out = self._mp(self.children[i][0], val, err, memo, full=True, sums=sums)
            memo[i] = out
            return out
        if (
            not top
            and (k == ADD or (k == FUNC and self.funcs.table[self.extra[i]][2]))
            and err[i] <= (SUMS_TRUST if full else INNER * tol.ELEMENTWISE_TRUST) * abs(val[i])
            and (sums or not full)
        ):
            # a sum float64 got right (the pre-activation Σ x·w + b) or a piecewise-linear
            # function of it (relu'(z) where |z| exceeds its bound) is an input like the
            # symbols read; smooth functions and products are redone (σ(z) rounded to 1.0 is
            # accurate, 1 − σ(z) from it is not)
            out = (_mpf(val[i]), mpmath.mpf(float(err[i])))
            memo[i] = out
            return out
        if (k in (SYM, LEAF)) and not top:
            if not np.isfinite(val[i]) or not np.isfinite(err[i]):
                raise _Imprecise
            out = (_mpf(val[i]), mpmath.mpf(float(err[i])))
            memo[i] = out
            return out
        rnd = _rounding(mpmath.mp.dps)  # rounding of one operation, with room
        if k == CONST:
            e = self.extra[i]
            v = mpmath.mpf(int(e.p)) / int(e.q) if e.is_Rational else mpmath.mpf(float(e))
            out = (v, mpmath.mpf(0) if e.is_Rational else abs(v) * mpmath.mpf(U))
        else:
            ch = [self._mp(c, val, err, memo, full=full, sums=sums) for c in self.children[i]]
            if k == ADD:
                v = mpmath.fsum(c[0] for c in ch)
                out = (v, mpmath.fsum(c[1] for c in ch) + rnd * abs(v))
            elif k == MUL:
                p, ep = ch[0]
                for a, ea in ch[1:]:
                    ep = abs(p) * ea + abs(a) * ep
                    p = p * a
                out = (p, ep + rnd * len(ch) * abs(p))
            elif k == POW:
                (b, eb), (c, ec) = ch
                if ec != 0:
                    raise _Imprecise
                v = b**c
                de = abs(c) * abs(b) ** (c - 1) * eb if eb != 0 else mpmath.mpf(0)
                out = (v, de + rnd * abs(v))
            elif k == FUNC:
                cls = self.extra[i]
                x, ex_ = ch[0]
                if any(c[1] != 0 for c in ch[1:]):
                    raise _Imprecise
                params = [c[0] for c in ch[1:]]
                if ex_ != 0 and any(abs(x - kk) <= ex_ for kk in self.funcs.table[cls][2]):
                    raise _Imprecise  # a kink within the input's bound
                v = ops.sympy_mpmath()[cls](x, *params)
                de = abs(self.funcs.mp_slope(cls, x, params)) * ex_ if ex_ != 0 else 0
                out = (v, de + rnd * abs(v))
            else:
                raise _Imprecise
            if not (isinstance(out[0], mpmath.mpf) and mpmath.isfinite(out[0])):
                raise _Imprecise
        memo[i] = out
        return out

    @staticmethod
    def _add(val, err, nodes, positions) -> None:
        first = positions[0]
        s, e = val[first].copy(), err[first].copy()
        for pos in positions[1:]:
            c = len(pos)
            a = val[pos]
            # an addition is exact when an operand is 0 or the sum is 0 (x + (−x))
            inexact = (s[:c] != 0) & (a != 0)
            s[:c] = s[:c] + a
            e[:c] = e[:c] + err[pos] + np.where(inexact, UW * np.abs(s[:c]), 0.0)
        e[~np.isfinite(s)] = np.inf
        val[nodes], err[nodes] = s, e

    @staticmethod
    def _mul(val, err, nodes, positions) -> None:
        first = positions[0]
        p, e = val[first].copy(), err[first].copy()
        under = np.zeros(len(p), bool)
        n = np.zeros(len(p))  # the roundings of each node's product
        for pos in positions[1:]:
            c = len(pos)
            a, ea = val[pos], err[pos]
            # a product with ±2^k (−1, 1/2, 1/m for m = 32) or 0 is exact (an underflow is
            # caught below)
            n[:c] += ~(_power_of_two(a) | _power_of_two(p[:c]) | (a == 0) | (p[:c] == 0))
            q = p[:c] * a
            e[:c] = np.abs(p[:c]) * ea + np.abs(a) * e[:c]
            under[:c] |= ((q == 0) & (p[:c] != 0) & (a != 0)) | ((np.abs(q) < TINY) & (q != 0))
            p[:c] = q
        e = e + n * UW * np.abs(p)
        e[under | ~np.isfinite(p)] = np.inf
        val[nodes], err[nodes] = p, e

    @staticmethod
    def _pow(val, err, nodes, positions) -> None:
        b, c = val[positions[0]], val[positions[1]]
        eb, ec = err[positions[0]], err[positions[1]]
        v = np.power(b, c)
        db = np.where(eb > 0, np.abs(c) * np.power(np.abs(b), c - 1) * eb, 0.0)
        dc = np.where(ec > 0, np.abs(v * np.log(np.abs(b))) * ec, 0.0)
        e = db + dc + 2 * UW * np.abs(v)
        bad = ~np.isfinite(v) | ((v == 0) & (b != 0)) | ((np.abs(v) < TINY) & (v != 0))
        e[bad] = np.inf
        val[nodes], err[nodes] = v, e

    def _func(self, cls, val, err, nodes, positions) -> None:
        f, fprime, kinks = self.funcs.table[cls]
        x, ex_ = val[positions[0]], err[positions[0]]
        rest = [val[p] for p in positions[1:]]
        rest_err = [err[p] for p in positions[1:]]
        if rest:  # parameters (leaky ReLU's slope): one call per distinct value
            v = np.empty(len(x), dtype=WORK)
            d = np.empty(len(x))
            keys = np.stack(rest, axis=1)
            uniq, inv = np.unique(keys, axis=0, return_inverse=True)
            inv = np.asarray(inv).ravel()
            extra_err = np.zeros(len(x))
            low = False
            for u_i, params in enumerate(uniq):
                sel = inv == u_i
                ps = [float(p) for p in params]
                for k, p in enumerate(ps):  # a parameter is passed as a float64
                    rest_err[k] = rest_err[k] + np.where(sel, abs(float(params[k] - WORK(p))), 0)
                r = np.asarray(f(x[sel], *ps))
                low = low or r.dtype != WORK
                v[sel] = r
                d[sel] = _slope(fprime, x[sel], *ps)
                for k, p in enumerate(ps):  # sensitivity to a parameter: a central difference
                    h = 1e-6 * max(1.0, abs(p))
                    up = list(ps)
                    dn = list(ps)
                    up[k] += h
                    dn[k] -= h
                    slope = np.abs(f(x[sel], *up) - f(x[sel], *dn)) / (2 * h)
                    extra_err[sel] += 2 * slope * rest_err[k][sel]
        else:
            v = np.asarray(f(x))
            low = v.dtype != WORK
            v = v.astype(WORK)
            d = _slope(fprime, x)
            extra_err = 0.0
        if low:
            # a table function that computes in float64 whatever it is given: its argument
            # rounded to float64 (relative u), its result within a few float64 ulps
            rounding = FUNC_ROUNDING_64 * np.abs(v)
            extra_err = extra_err + np.abs(d) * U * np.abs(x)
        else:
            rounding = FUNC_ROUNDING * np.abs(v)
        e = np.where(ex_ > 0, np.abs(d) * ex_, 0.0) + extra_err + rounding
        bad = ~np.isfinite(v) | ~np.isfinite(e) | ((np.abs(v) < TINY) & (v != 0))
        if not kinks:  # a smooth function's exact 0 is at most an isolated point (tanh 0, log 1)
            bad |= (v == 0) & (x != 0)
        for k in kinks:
            bad |= (np.abs(x - k) <= ex_) & (ex_ > 0)
        e[bad] = np.inf
        val[nodes], err[nodes] = v, e

    def _opaque(self, val, err, nodes, positions) -> None:
        """A function the table has no derivative for: its float value, never trusted."""
        for j, i in enumerate(nodes):
            e = self.opaque[int(i)]
            args = [sp.Float(float(val[p[j]])) if j < len(p) else None for p in positions]
            try:
                v = float(e.func(*args).evalf()) if None not in args else np.nan
            except (TypeError, ValueError):
                v = np.nan
            val[i], err[i] = v, np.inf


_ROUNDING: dict[int, Any] = {}


def _rounding(dps: int) -> Any:
    """A bound on one mpmath operation's relative rounding at ``dps`` digits (with room for
    functions' last-digit errors)."""
    hit = _ROUNDING.get(dps)
    if hit is None:
        hit = _ROUNDING[dps] = mpmath.mpf(10) ** (8 - dps)
    return hit


def _exact(
    examples: dict[int, Example], d: Derivation, point: Any, sym: sp.Symbol, floor: float = 0.0
) -> tuple[float | None, float]:
    """``sym`` from the point's exact values in high precision, and a bound: evaluated with
    :data:`EXACT_DPS` digits and with twice as many, accepted when the two agree to well within
    :data:`tolerance.ELEMENTWISE_TRUST` (30 digits leave 1 − σ(60) ≈ 1e−26 four correct digits;
    a fixed precision cannot know how much a value cancels), else with twice as many again, up
    to :data:`tolerance.EXAMPLE_MAX_DPS`. ``(None, inf)`` when no precision gives a finite
    value that settles."""
    dps = EXACT_DPS
    prev = None
    while dps <= tol.EXAMPLE_MAX_DPS:
        ex_ = examples.get(dps)
        if ex_ is None:
            ex_ = examples[dps] = Example(d, point=point)
            ex_._dps = dps
        try:
            v = ex_.value(sym)
        except (ValueError, OverflowError):
            return None, np.inf
        with mpmath.workdps(dps):
            # an exact rational value comes back as a Fraction
            if isinstance(v, Fraction):
                v = mpmath.mpf(v.numerator) / v.denominator
            v = mpmath.mpf(v)
            if prev is not None:
                diff = abs(v - prev)
                if diff <= max(0.01 * INNER * tol.ELEMENTWISE_TRUST * abs(v), floor):
                    x = float(v)
                    return (x, float(diff)) if np.isfinite(x) else (None, np.inf)
        prev = v
        dps *= 2
    return None, np.inf


def _slope(fprime: Any, x: np.ndarray, *params: float) -> np.ndarray:
    """|f'| at ``x``; infinite (nothing trusted) where the table's derivative has no NumPy form."""
    try:
        return np.asarray(fprime(x, *params), dtype=np.float64) * np.ones(len(x))
    except (TypeError, ValueError):
        return np.full(len(x), np.inf)


def _constant(e: sp.Basic) -> tuple[Any, float]:
    """A number's value in the working type and its rounding error bound (0 when it is
    exact)."""
    try:
        v = float(e)
    except (TypeError, ValueError):
        return np.nan, np.inf
    if e.is_Rational and np.isfinite(v):
        try:
            w = WORK(int(e.p)) / WORK(int(e.q))
        except (ValueError, OverflowError):  # numerator or denominator beyond the type
            w = WORK(np.nan)
        if np.isfinite(w):
            exact = Fraction(*w.as_integer_ratio()) == Fraction(int(e.p), int(e.q))
            return w, 0.0 if exact else UW * abs(float(w))
    return v, U * abs(v)


def _power_of_two(x: np.ndarray) -> np.ndarray:
    """Whether each |x| is a power of two (so multiplying by it is exact)."""
    with np.errstate(all="ignore"):
        m, _ = np.frexp(np.abs(x))
    return m == 0.5


def _mpf(x: Any) -> Any:
    """A working-type number (float64 or long double: a binary fraction) as an exact mpf."""
    p, q = WORK(x).as_integer_ratio()
    return mpmath.mpf(p) / q if q != 1 else mpmath.mpf(p)


_TAPES: dict[int, tuple[weakref.ref, Tape]] = {}


def cached(d: Derivation) -> Tape | None:
    """The tape compiled for ``d`` by :func:`tape_for`, if any."""
    hit = _TAPES.get(id(d))
    return hit[1] if hit is not None and hit[0]() is d else None


def tape_for(
    d: Derivation, order: list[sp.Symbol], given: set[sp.Basic], outputs: list[sp.Symbol]
) -> Tape:
    """The tape of ``d`` for these symbols (compiled once per derivation)."""
    key = id(d)
    hit = _TAPES.get(key)
    if hit is not None and hit[0]() is d:
        return hit[1]
    tape = Tape(d, order, given, outputs)
    _TAPES[key] = (weakref.ref(d, lambda _r, k=key, pop=_TAPES.pop: pop(k, None)), tape)
    return tape
