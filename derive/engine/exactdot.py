"""Exact dot products and sums of mpmath numbers, rounded once.

The identity checker (:mod:`derive.engine.steps`) and the matrix-form evaluator
(:class:`derive.engine.mform.MpmathSystem`) spend most of their time in long sums of products
(an entry of ``X·W`` or of ``Xᵀ·δZ``: 32 terms at (32, 32, 32)). ``mpmath.fdot`` multiplies each
pair exactly and sums them rounded once, but goes through a type check, a conversion and
``mpf_mul``'s normalisation per term. Here each product is one Python integer multiplication
of the two mantissas, the products are added exactly as integers aligned to the smallest
exponent, and the sum is rounded once to the working precision: the exactly rounded dot
product, never less accurate than ``fdot`` (whose ``mpf_sum`` is also exact before its one
rounding for operands of this kind).

Anything else — a value that is not a finite real mpf (an int, inf, NaN, a complex number) or
exponents so far apart that the aligned integers would be huge — goes to ``mpmath.fdot`` /
``mpmath.fsum`` unchanged, so those keep their meaning (an inf still makes the sum inf, a NaN
NaN), and so does every caller's non-finite handling.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import mpmath
from mpmath.libmp import from_man_exp

_CTX = mpmath.mp
_MPF = mpmath.mpf
# exponent spread (bits) beyond which the exact integer sum would be wastefully long: mpmath
MAX_SPREAD = 4096


def _finish(total: int, emin: int) -> Any:
    prec, rnd = _CTX._prec_rounding
    return _CTX.make_mpf(from_man_exp(total, emin, prec, rnd))


def dot(pairs: Iterable[tuple[Any, Any]]) -> Any:
    """``Σ a·b`` over ``pairs``, exactly computed and rounded once to the current precision."""
    pairs = pairs if isinstance(pairs, list) else list(pairs)
    mans: list[int] = []
    exps: list[int] = []
    mpf = _MPF
    for a, b in pairs:
        if type(a) is not mpf or type(b) is not mpf:
            return mpmath.fdot(pairs)
        sa, ma, ea, _ = a._mpf_
        sb, mb, eb, _ = b._mpf_
        if not ma or not mb:
            if (not ma and ea) or (not mb and eb):  # inf or NaN (zero is (0, 0, 0, 0))
                return mpmath.fdot(pairs)
            continue
        mans.append(-ma * mb if sa ^ sb else ma * mb)
        exps.append(ea + eb)
    return _exact_sum(mans, exps, pairs, True)


def fsum(values: Iterable[Any]) -> Any:
    """``Σ values``, exactly computed and rounded once to the current precision."""
    values = values if isinstance(values, list) else list(values)
    mans: list[int] = []
    exps: list[int] = []
    mpf = _MPF
    for a in values:
        if type(a) is not mpf:
            return mpmath.fsum(values)
        s, m, e, _ = a._mpf_
        if not m:
            if e:
                return mpmath.fsum(values)
            continue
        mans.append(-m if s else m)
        exps.append(e)
    return _exact_sum(mans, exps, values, False)


def _exact_sum(mans: list[int], exps: list[int], original: list[Any], products: bool) -> Any:
    v = exact_sum(mans, exps)
    if v is None:
        return mpmath.fdot(original) if products else mpmath.fsum(original)
    return v


def exact_sum(mans: list[int], exps: list[int]) -> Any:
    """``Σ mans[i]·2**exps[i]`` rounded once to the current precision (an mpf), or ``None`` when
    the exponents are more than :data:`MAX_SPREAD` bits apart (the caller uses mpmath)."""
    if not mans:
        return _CTX.make_mpf((0, 0, 0, 0))
    emin = min(exps)
    if max(exps) - emin > MAX_SPREAD:
        return None
    total = 0
    for m, e in zip(mans, exps):
        total += m << (e - emin)
    if not total:
        return _CTX.make_mpf((0, 0, 0, 0))
    return _finish(total, emin)
