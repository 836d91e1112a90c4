"""``Step`` records and the checker that proves them.

A :class:`Step` is one displayed equation ``lhs = rhs`` with the rule that justifies it. The only
way to make one is :func:`prove`, which first asks a checker to confirm the identity; a false step
raises :class:`StepError`, so nothing unverified can reach a template.

:class:`Checker` decides identities by evaluating both sides at several random *rational* points
(Schwartz–Zippel style) in 50-digit arithmetic. Symbols with a definition (a forward node's
entries, an upstream gradient) take the value of their definition at that point, so every step is
tested on the function it really talks about; all other symbols are free and drawn at random.
``simplify`` is never the proof.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

import mpmath
import sympy as sp

from derive.engine import exactdot
from derive.engine.tolerance import IDENTITY_RTOL
from derive.errors import CheckFailed
from derive.lang.ops import sympy_mpmath

DPS = 50
MAX_DPS = 800  # saturated points: 1 − σ(z) needs about z/2.3 digits
MAX_SHRINK = 4**6  # beyond that, free symbols are drawn from up to 4096× narrower intervals
TOLERANCE = IDENTITY_RTOL  # reason in derive.engine.tolerance
ARG_CAP = 1e6  # |argument| of a table function beyond this: the point is drawn nearer 0
# heldnets32: exp itself up to 1e12 — e^{1e9} is an mpf at once (its exponent a Python int), and a
# softmax's e^{x_k − x_j} meets +1e9 where a mask filled a logit with −1e9 (SimCLR's diagonal);
# exp of that result (e^{e^{…}}) is still beyond the cap of every function
EXP_ARG_CAP = 1e12
HUGE = mpmath.mpf(10) ** 50  # a mismatch among values beyond this is re-tested nearer 0
MAX_REDRAW = 12  # a point where a side is undefined (0 in a divisor, log of −1) is drawn anew
ANCHOR_DRAWS = 3  # then drawn near the example values (inside every domain), this many times
ANCHOR_SPREAD = mpmath.mpf(1) / 1000  # relative (and absolute) size of those draws' offsets


def _beyond_cap(a: Any, func: Any = None) -> bool:
    """An argument too large for a table function: above ``ARG_CAP`` (e^{1e9}), or a complex one
    of that size. Far left of 0 is fine: every table function is bounded or linear there
    (e^{−1e9} is a tiny mpf, computed at once), and an additive attention mask writes
    ``scores + (1 − mask)·(−1e9)`` with a softmax (e^{x − max}) of it."""
    cap = EXP_ARG_CAP if func is sp.exp else ARG_CAP
    if isinstance(a, mpmath.mpf):
        return bool(a > cap)
    return bool(abs(a) > cap)


class ComplexArgument(TypeError):
    """A table function given a complex argument it cannot compare (relu, an indicator): the
    point is outside the domain of a side (:meth:`Checker._grids` draws it anew)."""


class StepError(CheckFailed, AssertionError):
    """A claimed equality is false (or could not be evaluated); exit 1."""

    prefix = "a derivation step failed verification: "


class Evaluable(Protocol):
    """Anything a :class:`Checker` can evaluate: returns a 2-D grid of numbers."""

    def evaluate(self, value: Callable[[sp.Expr], Any]) -> list[list[Any]]: ...


@dataclass(frozen=True)
class Term:
    """One side of a step: the object that is checked and how it is shown.

    ``value`` is a SymPy expression or matrix, or an :class:`Evaluable` (a matrix-form
    expression); ``tex`` is printer-made LaTeX; ``text`` plain text for terminals.
    """

    value: Any
    tex: str
    text: str
    shape: tuple[int, int] | None = None


class LazyTerm(Term):
    """A :class:`Term` whose LaTeX and text are printed when first read: ``tex`` and ``text``
    may be picklable callables (:class:`Printed`) instead of strings. The printed element-wise
    entry of a large sum costs more than its proof, and ``derive verify`` never shows it; a
    walkthrough reads it and gets the same strings as if printed at once."""

    def __init__(self, value: Any, tex: Any, text: Any, shape: tuple[int, int] | None = None):
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "shape", shape)
        object.__setattr__(self, "_tex", tex)
        object.__setattr__(self, "_text", text)

    def _printed(self, key: str) -> str:
        t = self.__dict__[key]
        if not isinstance(t, str):
            t = t()
            object.__setattr__(self, key, t)
        return t

    @property
    def tex(self) -> str:  # type: ignore[override]
        return self._printed("_tex")

    @property
    def text(self) -> str:  # type: ignore[override]
        return self._printed("_text")


@dataclass(frozen=True)
class Printed:
    """``printer(expr, *args)`` when called: a :class:`LazyTerm`'s LaTeX or text."""

    printer: Callable[..., str]
    expr: Any
    args: tuple[Any, ...] = ()

    def __call__(self) -> str:
        return self.printer(self.expr, *self.args)


class _Label:
    """A step's label for error messages, printed only when a message needs it."""

    def __init__(self, rule: str, lhs: Term, rhs: Term) -> None:
        self.rule, self.lhs, self.rhs = rule, lhs, rhs

    def __str__(self) -> str:
        return f"{self.rule}: {self.lhs.text} = {self.rhs.text}"


@dataclass(frozen=True)
class Step:
    """A verified equation ``lhs = rhs``. ``rule`` names the rule (``linear-weight``), ``reason``
    is the locale key of its one-sentence justification, ``args`` fills that sentence."""

    lhs: Term
    rhs: Term
    rule: str
    reason: str
    args: tuple[tuple[str, str], ...] = ()
    points: int = 0

    @property
    def tex(self) -> str:
        return f"{self.lhs.tex} = {self.rhs.tex}"

    @property
    def text(self) -> str:
        return f"{self.lhs.text} = {self.rhs.text}"


class IdentityChecker(Protocol):
    def check(self, lhs: Any, rhs: Any, label: str) -> int: ...


def prove(
    checker: IdentityChecker,
    lhs: Term,
    rhs: Term,
    rule: str,
    reason: str,
    **args: str,
) -> Step:
    """Check ``lhs = rhs`` with ``checker`` and return the :class:`Step`; raise if false."""
    label: Any = (
        _Label(rule, lhs, rhs)
        if isinstance(lhs, LazyTerm) or isinstance(rhs, LazyTerm)
        else f"{rule}: {lhs.text} = {rhs.text}"
    )
    points = checker.check(lhs.value, rhs.value, label)
    return Step(lhs, rhs, rule, reason, tuple(sorted(args.items())), points)


@dataclass
class Checker:
    """Random-point identity tester over explicit SymPy expressions.

    ``defs`` maps a symbol to the expression that defines it; ``domains`` maps a free symbol to
    the open interval it is drawn from (default ``(-2, 2)``, never exactly 0); ``anchor`` maps a
    free symbol to its example value, which the forward pass has been checked at (inside every
    domain): a point that no random draw brings inside the domains is drawn near it.
    """

    defs: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)
    domains: dict[sp.Symbol, tuple[float, float]] = field(default_factory=dict)
    anchor: dict[sp.Symbol, float] = field(default_factory=dict)
    points: int = 3
    seed: int = 0
    _caches: list[dict[Any, Any]] = field(default_factory=list, repr=False)
    _dps: int = field(default=DPS, repr=False)
    _shrink: dict[int, int] = field(default_factory=dict, repr=False)
    _redraw: dict[int, int] = field(default_factory=dict, repr=False)
    # values per (point, digits, shrink, redraw): a step that needs 200 digits at a saturated
    # point reuses what earlier steps computed there, and the 50-digit values stay for the next
    _store: dict[tuple[int, int, int, int], dict[Any, Any]] = field(
        default_factory=dict, repr=False
    )
    _deferred: list[tuple[Any, Any, str]] | None = field(default=None, repr=False)

    def define(self, items: Mapping[sp.Symbol, sp.Expr] | Iterable[tuple[sp.Symbol, sp.Expr]]):
        pairs = items.items() if isinstance(items, Mapping) else items
        for sym, expr in pairs:
            self.defs[sym] = expr

    # -- evaluation --------------------------------------------------------------------------

    def _cache(self, k: int) -> dict[Any, Any]:
        while len(self._caches) <= k:
            self._caches.append({})
            self._select(len(self._caches) - 1)
        return self._caches[k]

    def _select(self, k: int) -> None:
        """Point ``k``'s values at the current digits and interval (after either changed)."""
        key = (k, self._dps, self._shrink.get(k, 1), self._redraw.get(k, 0))
        self._caches[k] = self._store.setdefault(key, {})

    def _sample(self, sym: sp.Symbol, k: int) -> mpmath.mpf:
        if self._redraw.get(k, 0) > MAX_REDRAW and sym in self.anchor:
            return self._near_anchor(sym, k)
        lo, hi = self.domains.get(sym, (-2.0, 2.0))
        shrink = self._shrink.get(k, 1)
        if shrink > 1 and sym not in self.domains:  # see _grids: a point too large to evaluate
            lo, hi = lo / shrink, hi / shrink
        redraw = self._redraw.get(k, 0)
        if redraw > MAX_REDRAW // 2 and sym not in self.domains and hi > 0:
            # see _draw_again: positive values, nearer 0 with each draw, reach the domain of
            # sqrt(relu(x·w + b)), log(x·w), bce(relu(…), y) … where random signs rarely do
            hi = hi / 2 ** (redraw - MAX_REDRAW // 2 - 1)
            lo = hi / 40
        rng = random.Random(
            f"{self.seed}:{k}:{sym.name}" if not redraw else f"{self.seed}:{k}:{redraw}:{sym.name}"
        )
        q = 10007
        while True:
            p = rng.randrange(int(lo * q) + 1, int(hi * q))
            if p != 0:
                return mpmath.mpf(p) / q

    def _near_anchor(self, sym: sp.Symbol, k: int) -> mpmath.mpf:
        """``sym``'s example value moved by a random ±0.1 % (relative, plus the same absolute):
        ``log(1 − exp(x·w))`` is defined only where x·w < 0, which random signs, and the later
        positive draws, almost never give, while the example values are inside every domain
        (checked before any step). A step's two sides are analytic there, so agreeing on a
        neighbourhood of the example still tells a false step from a true one at 10⁻³⁰."""
        rng = random.Random(f"{self.seed}:{k}:{self._redraw[k]}:near:{sym.name}")
        q = 10007
        u, v = (mpmath.mpf(rng.randrange(-q + 1, q)) / q for _ in range(2))
        a = mpmath.mpf(self.anchor[sym])
        return a + (a * u + v) * ANCHOR_SPREAD

    def value(self, expr: Any, k: int) -> Any:
        """Value of a SymPy expression at point ``k`` (50-digit mpmath)."""
        with mpmath.workdps(self._dps):
            return self._eval(sp.sympify(expr) if not isinstance(expr, sp.Basic) else expr, k)

    def _eval(self, e: sp.Basic, k: int) -> Any:
        caches = self._caches
        cache = caches[k] if k < len(caches) else self._cache(k)
        hit = cache.get(e)
        if hit is not None:
            return hit
        if e.is_Symbol:
            d = self.defs.get(e)
            v = self._eval(d, k) if d is not None else self._sample(e, k)
        elif e.is_Rational:
            v = mpmath.mpf(e.p) / e.q
        elif e.is_Float:
            v = mpmath.mpf(str(e))
        elif e.is_Add and len(e.args) > 2 and (v := self._exact_sum(e, k, cache)) is not None:
            pass
        elif e.is_Add and len(e.args) > 2:
            # a long sum (a matrix product's entry Σ x·w): one correctly rounded dot product,
            # each product term as (all factors but the last, the last), other terms times 1
            one = mpmath.mpf(1)
            pairs = []
            get = cache.get
            for a in e.args:
                hit = get(a)
                if hit is not None:
                    pairs.append((hit, one))
                elif a.is_Mul:
                    # the factors' values are mostly known (symbols of earlier definitions):
                    # looked up here, evaluated only when missing
                    fs = a.args
                    vals = [get(f) for f in fs]
                    for i, f in enumerate(fs):
                        if vals[i] is None:
                            vals[i] = self._eval(f, k)
                    p = vals[0]
                    for x in vals[1:-1]:
                        p = p * x
                    pairs.append((p, vals[-1]))
                else:
                    pairs.append((self._eval(a, k), one))
            v = exactdot.dot(pairs)  # as mpmath.fdot, exactly rounded, faster
        elif e.is_Add or e.is_Mul:
            it = iter(e.args)
            v = self._eval(next(it), k)
            if e.is_Add:
                for a in it:
                    v = v + self._eval(a, k)
            else:
                for a in it:
                    v = v * self._eval(a, k)
        elif e.is_Pow:
            base, ex = e.args
            b = self._eval(base, k)
            v = b ** int(ex) if ex.is_Integer else b ** self._eval(ex, k)
        elif e.func in (funcs := sympy_mpmath()):  # the operation table's functions
            args = [self._eval(a, k) for a in e.args]
            if e.func is not sp.log and any(_beyond_cap(a, e.func) for a in args):
                # (log of a large number is a small one: a log-sum-exp of logits near 40 is
                # e^40 inside log, which the cap made an "overflow" — a log_softmax undefined)
                # σ(−1e9) = 1/(1 + e^{1e9}) makes mpmath build a billion-bit integer (minutes):
                # treat like an overflow, so the point is drawn nearer 0 (_grids)
                raise OverflowError(f"argument beyond {ARG_CAP:g}")
            try:
                v = funcs[e.func](*args)
            except ValueError:
                # a pole of the function (mpmath: "gamma function pole" for log Γ of a drawn 0
                # or negative whole number): the point is outside the domain, drawn again as
                # for a complex value (spellings27: fuzz seed 186, lgamma of an input)
                raise ComplexArgument from None
            except TypeError:
                if any(isinstance(a, mpmath.mpc) for a in args):
                    # relu's or an indicator's comparison of a complex number (a root of a
                    # negative one upstream): the point is outside the domain, as below
                    raise ComplexArgument from None
                raise
        elif e is sp.pi:
            v = +mpmath.pi
        elif e is sp.E:
            v = +mpmath.e  # an mpf (mpmath.e itself is a lazy constant, not one)
        else:
            raise StepError(f"cannot evaluate {type(e).__name__} in an identity check")
        cache[e] = v
        return v

    def _exact_sum(self, e: sp.Add, k: int, cache: dict[Any, Any]) -> Any:
        """A long sum of products (a matrix product's entry Σ x·w, a gradient's Σ δ·f'·x)
        computed exactly and rounded once: each term's factors (their values looked up, or
        evaluated when missing) multiplied as integers (the mantissas), the terms added as
        integers (:func:`exactdot.exact_sum`) — more accurate than rounding each product, and
        without an mpf per product. ``None`` when a value is not a finite real mpf (inf, NaN,
        complex, an int) or the exponents are far apart: the caller's mpmath path decides."""
        get = cache.get
        mpf = mpmath.mpf
        mans: list[int] = []
        exps: list[int] = []
        special = False
        for a in e.args:
            man, exp, neg = 1, 0, 0
            for f in a.args if a.is_Mul else (a,):
                val = get(f)
                if val is None:
                    val = self._eval(f, k)
                if type(val) is not mpf:
                    special = True
                    continue
                s, m, x, _ = val._mpf_
                if not m and x:  # inf or NaN (0 is (0, 0, 0, 0))
                    special = True
                man *= m
                exp += x
                neg ^= s
            if man:
                mans.append(-man if neg else man)
                exps.append(exp)
        if special:
            return None
        return exactdot.exact_sum(mans, exps)

    def grid(self, obj: Any, k: int) -> list[list[Any]]:
        """``obj`` as a 2-D grid of values at point ``k``."""
        if hasattr(obj, "evaluate"):
            with mpmath.workdps(self._dps):
                return obj.evaluate(lambda e: self._eval(e, k))
        if isinstance(obj, sp.MatrixBase):
            with mpmath.workdps(self._dps):
                return [
                    [self._eval(obj[i, j], k) for j in range(obj.cols)] for i in range(obj.rows)
                ]
        return [[self.value(obj, k)]]

    def _grids(self, lhs: Any, rhs: Any, k: int) -> tuple[list[list[Any]], list[list[Any]]]:
        """Both sides at point ``k``; where a value is not finite at 50 digits (σ(200) is 1 to
        50 digits, so log(1 − σ) is −inf) the point is evaluated again with more digits, up to
        :data:`MAX_DPS`, on both sides."""
        try:
            while True:
                try:
                    a, b = self.grid(lhs, k), self.grid(rhs, k)
                except OverflowError:
                    # an exponent too large for any precision (exp of exp of …): draw point
                    # k's free symbols from a narrower interval (an identity holds everywhere)
                    if self._shrink.get(k, 1) >= MAX_SHRINK:
                        raise
                    self._shrink[k] = self._shrink.get(k, 1) * 4
                    self._dps = DPS
                    self._select(k)
                    continue
                except ZeroDivisionError:
                    if self._dps < MAX_DPS:
                        self._dps = min(self._dps * 4, MAX_DPS)
                    elif not self._retry_point(k):
                        raise
                    self._select(k)
                    continue
                except ComplexArgument:
                    a = b = [[mpmath.mpc(0, 1)]]
                values = [v for grid in (a, b) for row in grid for v in row]
                if not all(isinstance(v, mpmath.mpf | int) for v in values):
                    # a complex value (log or a root of a negative number): the point is
                    # outside the function's domain, and more digits cannot change that
                    if not self._draw_again(k):
                        raise ValueError("complex at every point drawn (outside the domain)")
                    self._select(k)
                    continue
                finite = all(isinstance(v, int) or mpmath.isfinite(v) for v in values)
                if finite:
                    return a, b
                if self._dps < MAX_DPS:
                    self._dps = min(self._dps * 4, MAX_DPS)
                elif self._retry_point(k):
                    pass
                elif any(mpmath.isnan(v) for v in values):
                    raise ValueError("not a number at every point drawn (outside the domain)")
                else:
                    return a, b
                self._select(k)
        finally:
            if self._dps != DPS:
                self._dps = DPS
                self._select(k)

    def _retry_point(self, k: int) -> bool:
        """Point ``k`` is still not evaluable at :data:`MAX_DPS` digits: first draw its free
        symbols from a narrower interval (saturation: σ(1e18) needs 1e18 digits, an identity
        holds everywhere) while it was never drawn anew; then draw it anew (:meth:`_draw_again`:
        a relu output exactly 0 in a log or a divisor stays 0 however narrow the interval).
        False when both are used up."""
        if not self._redraw.get(k, 0) and self._shrink.get(k, 1) < MAX_SHRINK:
            self._shrink[k] = self._shrink.get(k, 1) * 4
            self._dps = DPS
            return True
        return self._draw_again(k)

    def _draw_again(self, k: int) -> bool:
        """Draw point ``k`` anew (other values; from the later draws on, positive ones) after it
        fell outside the domain of a side: 0 in a divisor (sqrt(relu(z))' at z < 0), the log or
        root of a negative number. An identity is claimed on the domain, so a point outside it
        proves nothing either way; a false step still disagrees at the points inside. False when
        :data:`MAX_REDRAW` draws, and then :data:`ANCHOR_DRAWS` near the example values (where the
        checker has them), are used up (the step then cannot be evaluated: an error)."""
        r = self._redraw.get(k, 0)
        if r >= MAX_REDRAW + (ANCHOR_DRAWS if self.anchor else 0):
            return False
        self._redraw[k] = r + 1
        self._shrink.pop(k, None)
        self._dps = DPS
        return True

    def _mismatch(self, lhs: Any, rhs: Any, label: str, k: int, dps: int) -> tuple[str, Any]:
        """Why ``lhs ≠ rhs`` at point ``k`` evaluated with ``dps`` digits ('' if they agree),
        and the largest magnitude compared."""
        if dps != DPS:
            self._dps = dps
            self._select(k)
        try:
            a, b = self._grids(lhs, rhs, k)
        except (ValueError, IndexError, TypeError, ZeroDivisionError, OverflowError) as err:
            raise StepError(f"cannot evaluate ({type(err).__name__}: {err}): {label}") from None
        if len(a) != len(b) or any(len(r) != len(s) for r, s in zip(a, b, strict=True)):
            shape_a = (len(a), len(a[0]) if a else 0)
            shape_b = (len(b), len(b[0]) if b else 0)
            raise StepError(f"shape {shape_a} ≠ {shape_b} in {label}")
        with mpmath.workdps(DPS):
            size = max((max(1, abs(v)) for row in (*a, *b) for v in row), default=1)
            for i, (ra, rb) in enumerate(zip(a, b, strict=True)):
                for j, (x, y) in enumerate(zip(ra, rb, strict=True)):
                    scale = max(1, abs(x), abs(y))
                    if not abs(x - y) <= TOLERANCE * scale:
                        why = (
                            f"false step (entry [{i},{j}], point {k}: "
                            f"{mpmath.nstr(x, 12)} ≠ {mpmath.nstr(y, 12)}): {label}"
                        )
                        return why, size
        return "", size

    def defer(self) -> None:
        """From now on :meth:`check` only records its identities (see
        :mod:`derive.engine.deferred`, which tests them all later, in order, before anything
        made from the derivation is used); :meth:`now` turns this off for a block."""
        self._deferred = []

    @contextmanager
    def now(self) -> Iterator[None]:
        """Check at once inside this block even when deferring: a caller that catches
        :class:`StepError` (a simplification tried and dropped when false) needs the verdict."""
        saved, self._deferred = self._deferred, None
        try:
            yield
        finally:
            self._deferred = saved

    def take_deferred(self) -> list[tuple[Any, Any, str]]:
        """The identities recorded since :meth:`defer` (and stop recording)."""
        jobs, self._deferred = self._deferred or [], None
        return jobs

    def check(self, lhs: Any, rhs: Any, label: str) -> int:
        """:meth:`check_now`, or only recorded while deferring (:meth:`defer`)."""
        if self._deferred is not None:
            self._deferred.append((lhs, rhs, label))
            return self.points
        return self.check_now(lhs, rhs, label)

    def check_now(self, lhs: Any, rhs: Any, label: str) -> int:
        """Raise :class:`StepError` unless ``lhs`` and ``rhs`` agree at every point. A point
        where they differ is evaluated again with more digits (up to :data:`MAX_DPS`) before the
        step is called false: a true identity whose two sides cancel differently (terms of 1e350
        leaving 1e322) agrees once the digits cover the cancellation; a false one never does."""
        for k in range(self.points):
            while True:
                dps = DPS
                bad, size = self._mismatch(lhs, rhs, label, k, dps)
                while bad and dps < MAX_DPS:
                    dps = min(dps * 4, MAX_DPS)
                    bad, size = self._mismatch(lhs, rhs, label, k, dps)
                if not bad or size < HUGE or self._shrink.get(k, 1) >= MAX_SHRINK:
                    break
                # values of 1e600000 (exp of exp of …) cancel beyond any precision: draw
                # point k from a narrower interval, where the same identity is tested again
                self._shrink[k] = self._shrink.get(k, 1) * 4
                self._select(k)
            if bad:
                raise StepError(bad)
        return self.points
