"""Evaluating a formula (a :mod:`derive.engine.mform` expression) at one point with the engine's
one :class:`~derive.engine.mform.Evaluator`: exactly, in 50-digit arithmetic at a
:class:`derive.engine.steps.Checker` point (:class:`ExactSystem`), or in float64 at the example
values (:class:`FloatSystem`).

The two number systems here are the engine's with the checker's guards: a value outside an op's
domain (log of a number ≤ 0, a fractional power of a number ≤ 0, a complex or non-finite result),
division by zero and overflow (``exp`` of more than :data:`~derive.engine.tolerance.EXP_CAP`) mean
the formula has *no finite value* at that point. :func:`evaluate` then gives ``None``; otherwise a
2-D object array shaped like the expression. Any other exception (``TypeError``, ``ValueError``)
is a bug and propagates. :func:`same` compares exact values, :func:`close` float64 ones (the
tolerances and their reasons are in :mod:`derive.engine.tolerance`).
"""

from __future__ import annotations

import contextvars

import math
from typing import Any, Protocol

import mpmath
import numpy as np
import sympy as sp

from derive.engine import mform as mf
from derive.engine.steps import DPS, Checker, ComplexArgument
from derive.engine.tolerance import CHECK_FLOAT_ATOL, CHECK_FLOAT_RTOL, CHECK_PRINTED_RTOL, CHECK_RTOL, EXP_CAP, TINY
from derive.lang import ops


class FloatPoint(Protocol):
    """float64 values at the example values (a :class:`derive.checker.checknet.Net` is one)."""

    @property
    def float_env(self) -> dict[str, np.ndarray]: ...

    @property
    def float_scalars(self) -> dict[sp.Symbol, float]: ...

    def float_leaf(self, r: mf.Ref) -> np.ndarray: ...


class _Undefined(Exception):
    """The formula has no finite value at a point (division by zero, log of a negative …)."""


def _fractional(n: int | sp.Rational) -> bool:
    return not isinstance(n, int) and not n.is_Integer


class ExactSystem(mf.MpmathSystem):
    """50-digit values at point ``k`` of ``checker`` (leaves cached on the checker)."""

    mp = True

    def __init__(self, checker: Checker, k: int) -> None:
        super().__init__(lambda e: checker._eval(e, k))
        self.checker, self.k = checker, k

    def ref(self, e: mf.Ref) -> Any:
        cache = self.checker.__dict__.setdefault("_leaves", {})
        key = (e.name, e.kind, e.symbols, self.k)
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = super().ref(e)
        return hit

    @staticmethod
    def _real(out: Any, what: str) -> Any:
        for row in out:
            for v in row:
                if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
                    raise _Undefined(f"{what} outside its domain")
        return out

    def func(self, op: ops.Op, x: Any, params: tuple[Any, ...]) -> Any:
        if any(isinstance(v, mpmath.mpc) for row in x for v in row):
            # a complex argument (a power or a root of a negative number upstream): undefined,
            # never compared (``v > EXP_CAP`` raised TypeError: a crash on a student's digamma)
            raise _Undefined(f"{op.name} outside its domain")
        if op.exponential and any(v > EXP_CAP for row in x for v in row):
            raise _Undefined(f"{op.name} overflows")
        return self._real(super().func(op, x, params), op.name)

    def rowwise(self, op: ops.Op, x: Any) -> Any:
        return self._real(super().rowwise(op, x), op.name)

    def power(self, x: Any, n: int | sp.Rational) -> Any:
        if _fractional(n) and any(not v > 0 for row in x for v in row):
            raise _Undefined("a fractional power of a number ≤ 0")
        return super().power(x, n)

    def loss(self, op: ops.Op, p: Any, y: Any, params: tuple[Any, ...]) -> Any:
        return self._real(super().loss(op, p, y, params), op.name)


class FloatSystem(mf.NumpySystem):
    """float64 values at the example values of ``net``; a non-finite intermediate result (an
    overflow, a division by zero, a value outside an op's domain) is undefined."""

    mp = False

    def __init__(self, net: FloatPoint) -> None:
        super().__init__(net.float_env, net.float_scalars)
        self.net = net

    def ref(self, e: mf.Ref) -> Any:
        return self.net.float_leaf(e)

    @staticmethod
    def _finite(out: Any, what: str) -> Any:
        if not np.all(np.isfinite(out)):
            raise _Undefined(f"{what} has no finite value")
        return out

    def binary(self, op: Any, a: Any, b: Any, shape: tuple[int, int]) -> Any:
        return self._finite(super().binary(op, a, b, shape), "a product or quotient")

    def power(self, x: Any, n: int | sp.Rational) -> Any:
        if _fractional(n) and not np.all(np.asarray(x) > 0):
            raise _Undefined("a fractional power of a number ≤ 0")
        return self._finite(super().power(x, n), "a power")

    def func(self, op: ops.Op, x: Any, params: tuple[Any, ...]) -> Any:
        return self._finite(super().func(op, x, params), op.name)

    def rowwise(self, op: ops.Op, x: Any) -> Any:
        return self._finite(super().rowwise(op, x), op.name)

    def loss(self, op: ops.Op, p: Any, y: Any, params: tuple[Any, ...]) -> Any:
        return self._finite(super().loss(op, p, y, params), op.name)

    def concat(self, parts: list[Any], axis: int) -> Any:
        """Blocks side by side; a mean or sum of everything (a 0-d number here, the (1, 1)
        block the formula's shapes say it is) joined as that block: ``np.array([np.mean(u),
        np.mean(v)])`` at other sizes was "not evaluated", so judged wrong there."""
        return super().concat([np.reshape(p, (1, 1)) if np.ndim(p) == 0 else p for p in parts], axis)


def System(checker: Checker | None, k: int, net: FloatPoint | None = None) -> Any:  # noqa: N802
    """``System(checker, k)``: point ``k`` of ``checker`` (50 digits); ``System(None, 0, net)``:
    float64 at the example values."""
    if checker is not None:
        return ExactSystem(checker, k)
    assert net is not None
    return FloatSystem(net)


def evaluate(e: mf.MExpr, s: ExactSystem | FloatSystem) -> np.ndarray | None:
    """Values of ``e`` (2-D object array), or ``None`` where it is undefined."""
    run = mf.Evaluator(s).run
    try:
        if s.mp:
            with mpmath.workdps(DPS):
                out = np.array(run(e), dtype=object)
        else:
            with np.errstate(all="ignore"):
                val = np.asarray(run(e), dtype=np.float64)
            out = np.atleast_2d(val).astype(object)
        out = np.broadcast_to(out, e.shape).copy() if out.shape != e.shape else out
    except (_Undefined, ZeroDivisionError, OverflowError, ComplexArgument):
        # no finite value here (ComplexArgument: relu of a complex number, a root of a negative
        # one upstream); anything else is a bug in the evaluator: raise it
        return None
    for v in out.flat:
        if s.mp:
            if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
                return None
        elif not isinstance(v, float | int) or not math.isfinite(v):
            return None
    return out


#: set while a formula with a float64-printed decimal is checked (derive.checker.check)
PRINTED: contextvars.ContextVar[bool] = contextvars.ContextVar("printed_decimals", default=False)


def same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Exact-point equality (50 digits, relative :data:`~derive.engine.tolerance.CHECK_RTOL`;
    :data:`~derive.engine.tolerance.CHECK_PRINTED_RTOL` while :data:`PRINTED` is set)."""
    if a is None or b is None or a.shape != b.shape:
        return False
    rtol = CHECK_PRINTED_RTOL if PRINTED.get() else CHECK_RTOL
    with mpmath.workdps(DPS):
        for x, y in zip(a.flat, b.flat, strict=True):
            if not abs(x - y) <= rtol * max(1, abs(x), abs(y)):
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


def close(a: np.ndarray, b: np.ndarray, terms: float = 0.0) -> bool:
    """float64 equality: same shape, within :data:`~derive.engine.tolerance.CHECK_FLOAT_RTOL`
    relative (:data:`~derive.engine.tolerance.CHECK_FLOAT_ATOL` of ``b``'s scale, or of
    ``terms``, the magnitude of the terms ``a`` was summed from, where that is larger)."""
    if a.shape != b.shape:
        return False
    scale = max(float(np.max(np.abs(b), initial=0.0)), terms, TINY)
    return bool(np.all(np.abs(a - b) <= CHECK_FLOAT_RTOL * np.abs(b) + CHECK_FLOAT_ATOL * scale))
