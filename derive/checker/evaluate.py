"""Evaluating matrix-form expressions (:mod:`derive.engine.mform`, plus :class:`~derive.checker.formtree.Indicator`
and :class:`~derive.checker.formtree.RPow`) at one point: exactly, in 50-digit arithmetic at a
:class:`derive.engine.steps.Checker` point, or in float64 at the example values.

:func:`evaluate` gives a 2-D object array shaped like the expression, or ``None`` where the
expression has no finite value (division by zero, log of a number ≤ 0, overflow: ``exp`` of more
than :data:`EXP_CAP`). :func:`same` compares exact values (relative :data:`TOLERANCE`),
:func:`close` float64 ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Protocol

import mpmath
import numpy as np
import sympy as sp

from derive.checker.formtree import Indicator, RPow
from derive.engine import mform as mf
from derive.engine.steps import DPS, Checker
from derive.lang import ops

TOLERANCE = mpmath.mpf(10) ** -40  # relative, for 50-digit values
EXP_CAP = 10**6  # |x| beyond which exp overflows (and σ, tanh saturate)


class FloatPoint(Protocol):
    """float64 values at the example values (a :class:`derive.checker.checknet.Net` is one)."""

    @property
    def float_env(self) -> dict[str, np.ndarray]: ...

    @property
    def float_scalars(self) -> dict[sp.Symbol, float]: ...

    def float_leaf(self, r: mf.Ref) -> np.ndarray: ...


_FUNCS: dict[bool, dict[str, Callable[..., np.ndarray]]] = {}


class _Undefined(Exception):
    """The formula has no finite value at a point (division by zero, log of a negative …)."""


def _vec(f: Callable[..., Any], n: int = 1) -> Callable[..., np.ndarray]:
    u = np.frompyfunc(f, n, 1)

    def run(*xs: np.ndarray) -> np.ndarray:
        return np.asarray(u(*xs), dtype=object).reshape(
            np.broadcast_shapes(*(np.shape(x) for x in xs))
        )

    return run


class System:
    """How leaves and functions evaluate: ``System(checker, k)`` at point ``k`` of ``checker``
    (50 digits), ``System(None, 0, net)`` in float64 at the example values."""

    def __init__(self, checker: Checker | None, k: int, net: FloatPoint | None = None) -> None:
        self.checker, self.k, self.net = checker, k, net
        self.mp = checker is not None
        self.one = mpmath.mpf(1) if self.mp else 1.0
        self.zero = mpmath.mpf(0) if self.mp else 0.0
        self.funcs = _FUNCS.get(self.mp) or _FUNCS.setdefault(self.mp, self._funcs())

    def _funcs(self) -> dict[str, Callable[..., np.ndarray]]:
        m = mpmath if self.mp else math
        one, zero = self.one, self.zero

        def exp(x: Any) -> Any:
            if x > EXP_CAP:
                raise _Undefined("exp overflows")
            return zero if x < -EXP_CAP else m.exp(x)

        def sigmoid(x: Any) -> Any:
            if abs(x) > EXP_CAP:
                return one if x > 0 else zero
            return one / (one + m.exp(-x)) if x >= 0 else m.exp(x) / (one + m.exp(x))

        def tanh(x: Any) -> Any:
            return m.tanh(x) if abs(x) <= EXP_CAP else (one if x > 0 else -one)

        def log(x: Any) -> Any:
            if not x > 0:
                raise _Undefined("log of a number ≤ 0")
            return m.log(x)

        return {
            "sigmoid": _vec(sigmoid),
            "tanh": _vec(tanh),
            "exp": _vec(exp),
            "log": _vec(log),
            "relu": _vec(lambda x: x if x > 0 else zero),
            "relu_grad": _vec(lambda x: one if x > 0 else zero),
        }

    def leaf(self, r: mf.Ref) -> np.ndarray:
        if self.checker is not None:
            cache = self.checker.__dict__.setdefault("_leaves", {})
            key = (r.name, r.kind, r.symbols, self.k)
            hit = cache.get(key)
            if hit is None:
                ev = self.checker._eval
                m = r.symbols
                with mpmath.workdps(DPS):
                    hit = cache[key] = np.array(
                        [[ev(m[i, j], self.k) for j in range(m.cols)] for i in range(m.rows)],
                        dtype=object,
                    )
            return hit
        assert self.net is not None
        return self.net.float_leaf(r).astype(object)

    def scalar(self, e: sp.Expr) -> Any:
        if self.checker is not None:
            return self.checker._eval(e, self.k)
        assert self.net is not None
        return float(e.xreplace(self.net.float_scalars))

    def number(self, v: Any) -> Any:
        return mpmath.mpf(v) if self.mp else float(v)


def _compare(op: str, one: Any, zero: Any) -> Callable[..., np.ndarray]:
    tests = {
        ">": lambda x, y: x > y,
        ">=": lambda x, y: x >= y,
        "<": lambda x, y: x < y,
        "<=": lambda x, y: x <= y,
    }
    t = tests[op]
    return _vec(lambda x, y: one if t(x, y) else zero, 2)


def _ev(e: mf.MExpr, s: System) -> np.ndarray:
    """``e`` as a 2-D object array of numbers in system ``s``; raises :class:`_Undefined`."""
    if isinstance(e, mf.Ref):
        return s.leaf(e)
    if isinstance(e, mf.Scalar):
        return np.array([[s.scalar(e.expr)]], dtype=object)
    if isinstance(e, mf.Ones):
        return np.full(e.shape, s.one, dtype=object)
    if isinstance(e, mf.T):
        return _ev(e.x, s).T
    if isinstance(e, mf.MatMul):
        return _ev(e.a, s) @ _ev(e.b, s)
    if isinstance(e, mf.Add):
        total = _ev(e.terms[0], s)
        for t in e.terms[1:]:
            total = total + _ev(t, s)
        return total
    if isinstance(e, mf.Neg):
        return -_ev(e.x, s)
    if isinstance(e, mf.Mul):
        return _ev(e.a, s) * _ev(e.b, s)
    if isinstance(e, mf.Div):
        return _ev(e.a, s) / _ev(e.b, s)
    if isinstance(e, mf.Pow):
        return _ev(e.x, s) ** e.n
    if isinstance(e, RPow):
        x = _ev(e.x, s)
        p = s.number(e.n.numerator) / s.number(e.n.denominator)
        if any(not v > 0 for v in x.flat):
            raise _Undefined("a fractional power of a number ≤ 0")
        return _vec(lambda v: v**p)(x)
    if isinstance(e, mf.Func):
        x = _ev(e.x, s)
        if e.name in ("leaky_relu", "leaky_grad"):
            a = s.scalar(e.slope)  # type: ignore[arg-type]
            if e.name == "leaky_relu":
                return _vec(lambda v: v if v > 0 else a * v)(x)
            return _vec(lambda v: s.one if v > 0 else a)(x)
        if e.name in s.funcs:
            return s.funcs[e.name](x)
        return _table_op(e.name, x, s)
    if isinstance(e, Indicator):
        return _compare(e.op, s.one, s.zero)(_ev(e.a, s), _ev(e.b, s))
    if isinstance(e, mf.SumRows):
        return _ev(e.x, s).sum(axis=0, keepdims=True)
    if isinstance(e, mf.SumCols):
        return _ev(e.x, s).sum(axis=1, keepdims=True)
    if isinstance(e, mf.SumAll):
        return np.array([[_ev(e.x, s).sum()]], dtype=object)
    if isinstance(e, mf.Call):
        if e.name == "softmax":
            x = _ev(e.args[0], s)
            out = []
            for row in x:
                top = max(row)
                ex_ = s.funcs["exp"](np.array([v - top for v in row], dtype=object))
                total = ex_.sum()
                out.append([v / total for v in ex_])
            return np.array(out, dtype=object)
        if e.name in ("sum", "mean"):
            x = _ev(e.args[0], s)
            axis = e._axis()
            out = (
                np.array([[x.sum()]], dtype=object)
                if axis is None
                else x.sum(axis=axis, keepdims=True)
            )
            n = x.size if axis is None else x.shape[axis]
            return out if e.name == "sum" else out / s.number(n)
        if ops.get(e.name).kind == ops.ROWWISE:  # log_softmax and other row-wise ops
            return _table_op(e.name, _ev(e.args[0], s), s)
        if s.checker is not None:  # losses: the mform evaluation (used rarely)
            ck, k = s.checker, s.k
            with mpmath.workdps(DPS):
                return np.array(e.evaluate(lambda v: ck._eval(v, k)), dtype=object)
        assert s.net is not None
        with np.errstate(all="ignore"):
            val = e.numeric(s.net.float_env, s.net.float_scalars)
        return np.atleast_2d(np.asarray(val, float)).astype(object)
    raise _Undefined(f"cannot evaluate {type(e).__name__}")


def _table_op(name: str, x: np.ndarray, s: System) -> np.ndarray:
    """An element-wise or row-wise op of the operation table by its mpmath (50 digits) or NumPy
    (float64) callable; a value outside the op's domain (a complex or non-finite result) is
    undefined there."""
    op = ops.get(name)
    if s.mp:
        f = op.mpmath
        with mpmath.workdps(DPS):
            if op.kind == ops.ROWWISE:
                out = np.array([list(f(list(row))) for row in x], dtype=object)
            else:
                out = _vec(f)(x)
        if any(not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v) for v in out.flat):
            raise _Undefined(f"{name} outside its domain")
        return out
    with np.errstate(all="ignore"):
        out = np.asarray(op.numpy(np.asarray(x, dtype=float)), dtype=float)
    if not np.all(np.isfinite(out)):
        raise _Undefined(f"{name} outside its domain")
    return out.astype(object)


def evaluate(e: mf.MExpr, s: System) -> np.ndarray | None:
    """Values of ``e`` (2-D object array), or ``None`` where it is undefined."""
    try:
        if s.mp:
            with mpmath.workdps(DPS):
                out = _ev(e, s)
        else:
            out = _ev(e, s)
        out = np.asarray(out, dtype=object).reshape(e.shape)
    except (_Undefined, ZeroDivisionError, OverflowError):
        return None  # no finite value here; anything else is a bug in the evaluator: raise it
    for v in out.flat:
        if s.mp:
            if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
                return None
        elif not isinstance(v, float | int) or not math.isfinite(v):
            return None
    return out


def same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Exact-point equality (50 digits, relative :data:`TOLERANCE`)."""
    if a is None or b is None or a.shape != b.shape:
        return False
    with mpmath.workdps(DPS):
        for x, y in zip(a.flat, b.flat, strict=True):
            if not abs(x - y) <= TOLERANCE * max(1, abs(x), abs(y)):
                return False
    return True


def floats(a: np.ndarray | None) -> np.ndarray | None:
    """float64 copy of exact values; ``None`` if undefined or beyond float64's range."""
    if a is None:
        return None
    try:
        out = np.array([[float(v) for v in row] for row in a], dtype=float)
    except (OverflowError, ValueError, TypeError):
        return None
    return out if bool(np.all(np.isfinite(out))) else None


def close(a: np.ndarray, b: np.ndarray) -> bool:
    """float64 equality: same shape, within ``1e-9`` relative (``1e-12`` of ``b``'s scale)."""
    if a.shape != b.shape:
        return False
    scale = max(float(np.max(np.abs(b), initial=0.0)), 1e-300)
    return bool(np.all(np.abs(a - b) <= 1e-9 * np.abs(b) + 1e-12 * scale))
