"""Checking a hand-computed number: one gradient entry at the example values (``W1[0,0]``,
zero-based; a label such as ``w11``; or a scalar parameter) against its exact value.

The written policy (README): right when it equals the exact value rounded to the digits given,
or (with >= 3 significant digits) is within one unit of the last digit, or is reproduced by a
simulated hand calculation rounding every intermediate to the digits given (:func:`simulate`);
fewer than 2 significant digits is ``too-few-digits``. Otherwise wrong, with a reason: ``rounding``
only when a simulation carrying fewer digits explains the number, else sign, factor, another
entry, or a mistake from the mutation library (:mod:`derive.checker.mutations`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp

from derive.checker import fastdiag, names
from derive.checker.checknet import Net
from derive.checker.diagnose import factor_text
from derive.checker.evaluate import System, evaluate, floats
from derive.checker.formula import tensor_of
from derive.checker.mutations import library
from derive.checker.verdict import CheckResult, Diagnosis, FormulaError, Msg, msg
from derive.engine.backprop import textbook_map
from derive.engine.steps import DPS, Checker
from derive.engine.tolerance import ROUNDING_SLACK
from derive.lang import expr as ex

MAX_DIGITS = 40  # significant digits a hand-computed number may have
MAX_EXPONENT = 300
_FRACTION = re.compile(r"([+-]?)(?:(\d{1,12})/(\d{1,12})|\\[dt]?frac\{(\d{1,12})\}\{(\d{1,12})\})")
FRACTION_DIGITS = 15  # a fraction is an exact value: compared as if written to 15 digits
_NUMBER = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?\s*")


def _entry(net: Net, text: str) -> tuple[str, int, int, str]:
    """``W1[0,0]``, ``dW1[0,0]``, a label (``w11``) or a scalar tensor → (tensor, i, j, shown)."""
    g = net.g
    raw = text.strip()
    # W1[0][1] (nested-list indexing) and W1(0,1) are W1[0,1]
    raw = re.sub(r"^(\w+)\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]$", r"\1[\2,\3]", raw)
    name = raw[1:] if raw.startswith("d") and raw[1:] in net.label_at else raw
    if name in net.label_at:
        tensor, i, j = net.label_at[name]
        if g.tensors[tensor].grads is None:
            raise FormulaError(msg("error.label_no_gradient", label=name, tensor=tensor))
        return tensor, i, j, f"{tensor}[{i},{j}] ({name})"
    try:
        node = ex.parse(raw, allow_index=True)
    except ex.ExprError as err:
        raise FormulaError(msg("error.bad_wrt", wrt=raw, detail=err.message)) from None
    if isinstance(node, ex.Name):
        tensor = tensor_of(net, node.id)
        if tensor and g.tensors[tensor].shape == (1, 1):
            return tensor, 0, 0, tensor
        raise FormulaError(msg("error.value_needs_entry", name=node.id))
    if not isinstance(node, ex.Index):
        raise FormulaError(msg("error.wrt_one_entry", wrt=raw))
    tensor = tensor_of(net, node.name)
    if tensor is None:
        raise FormulaError(msg("error.entry_no_gradient", name=node.name, net=net.spec.name))
    r, c = (int(x) for x in g.tensors[tensor].shape)
    idx = node.index
    if len(idx) == 1:
        idx = (0, idx[0]) if r == 1 else (idx[0], 0) if c == 1 else idx
    if len(idx) != 2 or not (idx[0] < r and idx[1] < c):
        raise FormulaError(
            msg("error.index_outside", index=list(node.index), tensor=tensor, r=r, c=c)
        )
    i, j = idx
    labels = net.spec.labels.get(tensor)
    shown = f"{tensor}[{i},{j}]" + (f" ({labels[i][j]})" if labels else "")
    return tensor, i, j, shown


def written(text: str) -> str:
    """The number as written, without what surrounds it in a hand calculation: a leading
    ``≈``/``~``/``=``/``\\approx`` and a sentence's full stop (``-0.0137.``; not ``5.``)."""
    clean = re.sub(r"^\s*(?:≈|~~|~|=|\\approx)\s*", "", names.number_text(text)).strip()  # ~~: AsciiMath
    if clean.endswith(".") and re.search(r"[.eE]", clean[:-1]):
        clean = clean[:-1]
    return clean


def _shift_percent(number: str) -> str:
    """``6.04`` → ``0.0604``: the decimal a percentage stands for, written exactly."""
    from decimal import Decimal

    return format(Decimal(number.replace(",", "")).scaleb(-2), "f")


def _digits(text: str) -> tuple[Fraction, int, Fraction]:
    """A decimal → (exact value, significant digits, one unit of the last digit). Refuses more
    than :data:`MAX_DIGITS` digits or an exponent beyond :data:`MAX_EXPONENT`."""
    if len(text) > 200:
        raise FormulaError(msg("error.too_many_digits", limit=MAX_DIGITS))
    clean = text.strip().strip("$").replace("−", "-").replace("\u2009", "").replace("\\,", "")
    clean = re.sub(r"^([+-])\s+(?=\d|\.\d)", r"\1", clean)  # heldtex41: "− 0.7428", a sign set apart
    clean = re.sub(  # -1.37 × 10^{-2}, 1.37\times 10^-2, 1.37*10**-2
        r"\s*(?:×|\\times|\*|x|·|\\cdot)\s*10\s*(?:\^|\*\*)\s*\{?\s*([+-]?\d{1,4})\s*\}?\s*$",
        r"e\1",
        clean,
    )
    frac = _FRACTION.fullmatch(clean.replace(" ", ""))
    if frac is not None:  # -8/15, 3/40, 0/1, -\frac{8}{15}: an exact value, judged as exact
        num, den = int(frac.group(2) or frac.group(4)), int(frac.group(3) or frac.group(5))
        if den == 0:
            raise FormulaError(msg("error.not_decimal", value=text))
        value = Fraction(num, den) * (-1 if frac.group(1) == "-" else 1)
        top = len(str(abs(value.numerator) // abs(value.denominator))) if abs(value) >= 1 else 0
        lead = top if top else 1 - len(str(value.denominator // max(abs(value.numerator), 1)))
        return value, FRACTION_DIGITS, Fraction(10) ** (lead - FRACTION_DIGITS)
    clean = _decimal_comma(clean, text)
    m = _NUMBER.fullmatch(clean.replace(",", ""))
    if m is None and (pct := _NUMBER.fullmatch(re.sub(r"\s*(?:\\?%|％)$", "", clean))) is not None:
        # 6.04%: a gradient is no share of anything — refused (corpus 21's written policy),
        # saying what the number would be as a decimal if that is what was meant
        raise FormulaError(
            msg("error.percent", value=text, decimal=_shift_percent(pct.group(0)))
        )
    if m is None or not (m.group(2) or m.group(3)):
        raise FormulaError(msg("error.not_decimal", value=text))
    sign, whole, frac, exp = m.group(1), m.group(2) or "", m.group(3) or "", int(m.group(4) or 0)
    sig = len((whole + frac).lstrip("0")) or 1
    if sig > MAX_DIGITS or len(whole + frac) > MAX_DIGITS + 20:
        raise FormulaError(msg("error.too_many_digits", limit=MAX_DIGITS))
    if abs(exp) > MAX_EXPONENT:
        raise FormulaError(msg("error.exponent", limit=MAX_EXPONENT))
    value = Fraction(f"{sign}{whole or '0'}.{frac or '0'}") * Fraction(10) ** exp
    ulp = Fraction(10) ** (exp - len(frac))
    return value, sig, ulp


_COMMA = re.compile(r"([+-]?)(\d+),(\d+)((?:[eE][+-]?\d{1,4})?)")


def _decimal_comma(clean: str, text: str) -> str:
    """A decimal comma (``-0,0137``, ``-1,635e-2``: one comma, no point) as a point. A number
    that a thousands separator could have written (``1,234``: a nonzero whole part and exactly
    three digits after the comma, no exponent) is refused as ambiguous; other commas stay
    thousands separators (``1,234.5``)."""
    m = _COMMA.fullmatch(clean.replace(" ", ""))
    if m is None:
        return clean
    sign, whole, frac, exp = m.groups()
    if whole.strip("0") and len(frac) == 3 and not exp:
        raise FormulaError(msg("heldcheck3.comma_ambiguous", value=text))
    return f"{sign}{whole}.{frac}{exp}"


def _textbook_defs(net: Net) -> dict[sp.Symbol, sp.Expr]:
    """Definitions as a hand calculation uses them: σ'(z) from the *written-down* a = σ(z)."""
    swap = textbook_map(net.g)
    own = set(swap.values())
    return {s: (e if s in own else e.xreplace(swap)) for s, e in net.example.defs.items()}


def _round_sig(v: mpmath.mpf, digits: int) -> mpmath.mpf:
    if v == 0:
        return v
    q = mpmath.mpf(10) ** (mpmath.floor(mpmath.log10(abs(v))) - digits + 1)
    return mpmath.nint(v / q) * q


def simulate(net: Net, sym: sp.Symbol, digits: int, textbook: bool = True) -> mpmath.mpf:
    """:func:`_simulate`, cached on the network (it does not depend on the student's number)."""
    cache = net._lazy.setdefault("handcalc", {})
    key = (sym, digits, textbook)
    if key not in cache:
        try:
            cache[key] = _simulate(net, sym, digits, textbook)
        except (ZeroDivisionError, OverflowError, ValueError) as err:
            cache[key] = err
    hit = cache[key]
    if isinstance(hit, Exception):
        raise hit
    return hit


def _simulate(net: Net, sym: sp.Symbol, digits: int, textbook: bool = True) -> mpmath.mpf:
    """A simulated hand calculation of ``sym`` at the example values: every intermediate value
    (each entry of each forward node and gradient) rounded to ``digits`` significant digits
    before it is used; the result itself is not rounded. Where every intermediate is exact at
    that precision this is the exact value."""
    defs = _textbook_defs(net) if textbook else dict(net.example.defs)
    free = {s for _, s in net.free_symbols()} | set(net.g.scalar_values)
    order: list[sp.Symbol] = []
    seen: set[sp.Symbol] = set()

    def visit(s: sp.Symbol) -> None:  # post-order: dependencies first
        stack = [(s, False)]
        while stack:
            x, done = stack.pop()
            if done:
                order.append(x)
                continue
            if x in seen:
                continue
            seen.add(x)
            stack.append((x, True))
            for y in sorted(defs[x].free_symbols, key=str):
                if y in defs and y not in free and y not in seen:
                    stack.append((y, False))

    visit(sym)
    cur = dict(defs)
    phases = _phases(defs)
    with mpmath.workdps(DPS):
        for x in order:
            v = Checker(defs=cur, points=1)._eval(cur[x], 0)
            if x is not sym:
                r = _round_phase(v, digits) if x in phases else _round_sig(v, digits)
                cur[x] = sp.Float(mpmath.nstr(r, 45), 45)
        return v


def _phases(defs: dict[sp.Symbol, sp.Expr]) -> set[sp.Symbol]:
    """The intermediates that are the argument of a sine, cosine or tangent."""
    out: set[sp.Symbol] = set()
    for e in defs.values():
        for f in e.atoms(sp.sin, sp.cos, sp.tan):
            if isinstance(f.args[0], sp.Symbol):
                out.add(f.args[0])
    return out


def _round_phase(v: mpmath.mpf, digits: int) -> mpmath.mpf:
    """An angle as a hand calculation carries it: sin/cos of it are numbers of size about 1,
    known to ``digits`` significant digits only when the angle is known to as many decimal
    places as a number of size 1 has (an angle of 37.3 rad rounded to 2 significant digits,
    37, moves its sine by 0.3 — no rounding of the answer's precision); never coarser than
    rounding to ``digits`` significant digits."""
    if abs(v) <= 1:
        return _round_sig(v, digits)
    q = mpmath.mpf(10) ** (1 - digits)
    return mpmath.nint(v / q) * q


def _flips_sign(hand: mpmath.mpf, exact: mpmath.mpf, unit: mpmath.mpf) -> bool:
    """Does a simulated hand calculation flip the sign of a value well away from 0 (at least
    :data:`SIGN_UNITS` units of the answer's last digit)? Rounding cannot do that; a simulation
    that does has lost the value (sin/cos of an argument rounded to a few significant digits:
    fourier features' 2π v B of tens of radians), and explains no number, right or `rounding`."""
    return bool(hand * exact < 0 and abs(exact) >= SIGN_UNITS * unit)


SIGN_UNITS = 2
SHORT_DECIMAL = 30  # significant digits: an exact value with more is not a hand calculation's


def _exact_by_hand(net: Net, sym: sp.Symbol, digits: int, exact: mpmath.mpf) -> bool:
    """Is a hand calculation carrying ``digits`` digits exact here (every intermediate exact at
    that precision, as on an integer graph)? Then there is no rounding allowance at all. An exact
    value with no short decimal form (gelu's erf, a square root) is no such calculation, though a
    simulation that has nothing to round reproduces it."""
    with mpmath.workdps(DPS):
        if abs(_round_sig(exact, SHORT_DECIMAL) - exact) > abs(exact) * mpmath.mpf(10) ** -40:
            return False
        for textbook in (True, False):
            try:
                hand = simulate(net, sym, digits, textbook)
            except (ZeroDivisionError, OverflowError, ValueError):
                return False
            if abs(hand - exact) > abs(exact) * mpmath.mpf(10) ** -40:
                return False
    return True


def check_value(
    net: Net, wrt: str, text: str, *, rtol: float | None = None, digits: int | None = None
) -> CheckResult:
    """Is the decimal ``text`` the entry ``wrt`` (``W1[0,0]``, ``w11``) of its gradient at the
    example values? The policy (README, "hand-computed numbers"): equal to the exact value
    rounded to the digits given; or, with at least 3 significant digits, within one unit of the
    last digit; or reproduced by a simulated hand calculation rounding every intermediate to the
    digits given (:func:`simulate`). Fewer than 2 significant digits cannot be judged (unless
    the number is exact). ``rtol`` (relative tolerance) or ``digits`` (compare at that many
    significant digits) replace the policy. Raises :class:`~derive.checker.verdict.FormulaError` for an
    unreadable entry or number."""
    tensor, i, j, shown = _entry(net, wrt)
    text = written(text)
    value, sig, ulp = _digits(text)
    sym = net.g.tensors[tensor].grads[i, j]  # type: ignore[index]
    with mpmath.workdps(DPS):
        exact = exact_entry_heldcheck26(net, sym, shown)
        v_mp = mpmath.mpf(value.numerator) / value.denominator
        diff_mp = abs(v_mp - exact)
        exact_text = mpmath.nstr(exact, 15)
    exact_f, ulp_f, diff = float(exact), float(ulp), float(diff_mp)
    base = dict(
        network=net.spec.name,
        wrt=shown,
        submitted=text.strip(),
        expected=exact_text,
        shape=(1, 1),
        exact=exact_f,
    )
    n_digits = msg("value.digits" if sig > 1 else "value.digit", n=sig)

    def result(
        verdict: str, diags: list[Diagnosis], note: Msg | None = None, tol: float = 0.0
    ) -> CheckResult:
        notes = (note,) if note is not None else ()
        return CheckResult(
            verdict=verdict,
            diagnoses=tuple(diags),
            notes=tuple(m.render("en") for m in notes),
            note_msgs=notes,
            tolerance=tol,
            **base,  # type: ignore[arg-type]
        )

    with mpmath.workdps(DPS):
        if diff_mp <= abs(exact) * mpmath.mpf(10) ** -45:
            return result("correct", [], msg("value.exact", exact=exact_text))
    if rtol is not None:
        tol = rtol * abs(exact_f)
        if diff <= tol:
            return result("correct", [], msg("value.rtol", exact=exact_text, rtol=f"{rtol:g}"), tol)
        return result(
            "incorrect", _value_diagnoses(net, tensor, i, j, value, ulp, exact_f), None, tol
        )
    if digits is not None:
        if sig < digits:
            m = msg("value.fewer_than", n=sig, want=digits)
            return result("incorrect", [Diagnosis.of("too-few-digits", m)])
        with mpmath.workdps(DPS):
            want = _round_sig(exact, digits)
            mine = _round_sig(v_mp, digits)
            ok = abs(want - mine) <= abs(want) * mpmath.mpf(10) ** -40
            tol = (
                float(mpmath.mpf(10) ** (mpmath.floor(mpmath.log10(abs(exact))) - digits + 1) / 2)
                if exact != 0
                else 0.0
            )
        if ok:
            return result("correct", [], msg("value.at_digits", exact=exact_text, n=digits), tol)
        return result(
            "incorrect", _value_diagnoses(net, tensor, i, j, value, ulp, exact_f), None, tol
        )
    if sig < 2:
        if diff > ulp_f * (1 + ROUNDING_SLACK):
            # not the value at any rounding to that digit (0.5 for −0.0137): wrong. One digit
            # is too little to name a mistake by (many agree with it), except a flipped sign
            diags = _value_diagnoses(net, tensor, i, j, value, ulp, exact_f)
            if diags[0].code != "sign":
                m = msg("value.wrong_one_digit", exact_digits=sig, rounded=fastdiag.one_digit(exact_f))
                diags = [Diagnosis.of("unknown", m)]
            return result("incorrect", diags)
        m = msg("value.too_few", exact_digits=sig)
        return result("incorrect", [Diagnosis.of("too-few-digits", m)])
    half = ulp_f / 2
    if diff <= half * (1 + ROUNDING_SLACK):
        return result("correct", [], msg("value.agrees", exact=exact_text, digits=n_digits), half)
    if sig >= 3 and diff <= ulp_f * (1 + ROUNDING_SLACK) and not _exact_by_hand(net, sym, sig, exact):
        return result(
            "correct", [], msg("value.one_unit", exact=exact_text, digits=n_digits), ulp_f
        )
    sims = {}
    with mpmath.workdps(DPS):
        for k in range(sig, 1, -1):
            for textbook in (True, False):
                try:
                    hand = simulate(net, sym, k, textbook)
                except (ZeroDivisionError, OverflowError, ValueError):
                    continue
                if not _flips_sign(hand, exact, mpmath.mpf(ulp.numerator) / ulp.denominator):
                    sims[(k, textbook)] = hand
        for textbook in (True, False):
            hand = sims.get((sig, textbook))
            if (
                hand is not None
                and abs(v_mp - hand) <= mpmath.mpf(ulp.numerator) / ulp.denominator / 2
            ):
                note = msg(
                    "value.hand", exact=exact_text, carried=sig, hand=mpmath.nstr(hand, sig + 2)
                )
                return result("correct", [], note, half)
        unit = mpmath.mpf(ulp.numerator) / ulp.denominator
        ranked = sorted(sims.items(), key=lambda kv: -kv[0][0])
        # a simulation that reproduces the number, then a known mistake, then a number lying
        # between the exact value and what rounding to fewer digits gives (same direction)
        explained = next((kv for kv in ranked if abs(v_mp - kv[1]) <= unit / 2), None)
    if explained is None:
        diags = _value_diagnoses(net, tensor, i, j, value, ulp, exact_f)
        if diags[0].code != "unknown":
            return result("incorrect", diags, None, half)
        with mpmath.workdps(DPS):
            explained = next(
                (
                    kv
                    for kv in ranked
                    if min(exact, kv[1]) - unit / 2 <= v_mp <= max(exact, kv[1]) + unit / 2
                    and abs(kv[1] - exact) > unit / 2
                ),
                None,
            )
        if explained is None:
            return result("incorrect", diags, None, half)
    (k, _), hand = explained
    m = msg(
        "value.rounding2",
        diff=f"{diff:.2g}",
        digits=n_digits,
        carried=k,
        hand=mpmath.nstr(hand, sig + 2),
    )
    return result("incorrect", [Diagnosis.of("rounding", m)], None, half)


def significant(text: str) -> int:
    """The significant digits of the number ``text`` as written (99 when it cannot be read)."""
    try:
        return _digits(written(text))[1]
    except (FormulaError, ValueError, ArithmeticError):
        return 99


def _sig_of(v: float, ulp: float) -> int:
    """Significant digits of a number given with last-digit unit ``ulp``."""

    if v == 0 or ulp <= 0:
        return 1
    return max(1, int(math.floor(math.log10(abs(v)) - math.log10(ulp) + 1e-9)) + 1)


def root_sizes(net: Net) -> list[str]:
    """The sizes the network scales by the square root of (attention's ``S = Q Kᵀ / √d``: d)."""
    out = []
    for name in net.spec.dims:
        root = re.compile(rf"sqrt\(\s*{re.escape(name)}\s*\)|\b{re.escape(name)}\s*\*\*\s*0?\.5\b")
        if any(root.search(text) for text in net.spec.forward_text.values()):
            out.append(name)
    return out


def root_factor(
    name: str, size: float, exact: float, near: Callable[[float], bool]
) -> tuple[str, Msg, str] | None:
    """(code, message, factor) where a number is √size (or 1/√size) × the exact value: the
    1/√d of attention's scores forgotten, or applied twice; else None."""
    if size <= 1:
        return None
    r = math.sqrt(size)
    if near(r * exact):
        return "scale-factor", msg("value.times_root", name=name), f"√{name}"
    if near(exact / r):
        return "scale-factor", msg("value.over_root", name=name), f"1/√{name}"
    return None


def _entry_rounded_to(
    net: Net, tensor: str, i: int, j: int, v: float, ulp: float, exact: float,
    explains: Callable[[float], bool],
) -> Diagnosis | None:
    """wrong-entry ahead of a sign or a factor where another entry rounds to the number as
    written and the sign or factor (2, ½) only comes near it by the hand-rounding slack: the
    Keras MLP's ∂L/∂W2[2,0] = −0.06467 given as −0.0324 is W2[1,0] = −0.03239 rounded, while
    half of −0.06467 rounds to −0.0323 (c35t-236 was scale-factor). None otherwise."""
    strict = lambda x: abs(v - x) <= 0.5 * ulp * (1 + 1e-9)  # noqa: E731
    if any(strict(c * exact) for c in (-1.0, 2.0, 0.5)):
        return None
    full = floats(net.target(tensor).truth(0, "example"))
    if full is None:
        return None
    for (a, b), x in np.ndenumerate(full):
        if (a, b) != (i, j) and strict(float(x)) and explains(float(x)):
            m = msg("value.wrong_entry", tensor=tensor, a=a, b=b, i=i, j=j)
            return Diagnosis.of("wrong-entry", m)
    return None


def _value_diagnoses(
    net: Net, tensor: str, i: int, j: int, value: Fraction, ulp: Fraction, exact: float
) -> list[Diagnosis]:
    """Why a hand-computed entry is wrong: sign, factor, another entry, a known mistake (each
    only when it reproduces the number to within one unit of its last digit)."""
    # as for a right answer: x rounded to the digits given is v, or (>= 3 digits) one unit off
    v = float(value)
    sig = _sig_of(v, float(ulp))
    tol = float(ulp) * (1 if sig >= 3 else 0.5) * (1 + 1e-9)
    near = lambda x: abs(v - x) <= max(tol, ROUNDING_SLACK * abs(x))  # noqa: E731
    # another entry or a known mistake explains the number only where it differs from the right
    # one: under --digits/--rtol a number near the exact value is wrong, and a mistake that gives
    # the same entry (W1's transpose on its diagonal) says nothing about it
    explains = lambda x: near(x) and not near(exact)  # noqa: E731
    entry = _entry_rounded_to(net, tensor, i, j, v, float(ulp), exact, explains)
    if entry is not None:
        return [entry]
    if near(-exact):
        return [Diagnosis.of("sign", msg("value.sign"))]
    for c, why in ((2.0, "value.twice"), (0.5, "value.half")):
        if near(c * exact):
            m = msg(why, factor=factor_text(c))
            return [Diagnosis.of("scale-factor", m, factor=factor_text(c))]
    for name, sym in net.g.scalars.items():
        if name in net.spec.dims:
            m = float(net.g.scalar_values[sym])
            if near(m * exact):
                times = msg("value.times_size", name=name)
                return [Diagnosis.of("scale-factor", times, factor=name)]
            if near(exact / m):
                over = msg("value.over_size", name=name)
                return [Diagnosis.of("scale-factor", over, factor=f"1/{name}")]
            root = root_factor(name, m, exact, near) if name in root_sizes(net) else None
            if root is not None:
                return [Diagnosis.of(root[0], root[1], factor=root[2])]
    target = net.target(tensor)
    full = floats(target.truth(0, "example"))
    if full is not None:
        for (a, b), x in np.ndenumerate(full):
            if (a, b) != (i, j) and explains(float(x)):
                m = msg("value.wrong_entry", tensor=tensor, a=a, b=b, i=i, j=j)
                return [Diagnosis.of("wrong-entry", m)]
    cache = net._lazy.setdefault("mutation_values", {})
    if tensor not in cache:
        cache[tensor] = [
            (mut, floats(evaluate(mut.expr, System(net.example, 0)))) for mut in library(target)
        ]
    for mut, vals in cache[tensor]:
        if vals is not None and vals.shape == target.shape and explains(float(vals[i, j])):
            return [Diagnosis.of(mut.code, mut.message)]
    ratio = msg("value.ratio", ratio=f"{v / exact:.4g}") if exact else ""
    m = msg("value.unknown2", diff=f"{abs(v - exact):.3g}", ratio=ratio)
    return [Diagnosis.of("unknown", m)]


# ---- a whole gradient as a matrix of hand numbers ------------------------------------------------

# np.array(…)/tensor(…) as printed: NumPy's and PyTorch's trailing keywords (dtype=torch.float64,
# requires_grad=True, grad_fn=<MmBackward0>, device='cpu') say nothing about the numbers
_WRAPPER = re.compile(
    r"^\s*(?:(?:np|numpy|torch)\.)?(?:array|tensor)\s*\((.*?)"
    r"(?:,\s*(?:dtype|requires_grad|grad_fn|device)\s*=[^\[\]]*)?\)\s*$",
    re.S,
)


# a LaTeX matrix of numbers: bmatrix, pmatrix, Bmatrix, matrix, smallmatrix, or an array with its
# column spec ({cc}, {rr|r}) inside \left[ … \right] (or \left( … \right)); vmatrix (a determinant)
# and Vmatrix (a norm) are one number, never a matrix of entries: refused (c38t-150)
_LATEX_MATRIX = re.compile(
    r"^\s*(?:\\left\s*[\[(]\s*)?\\begin\{([bpvBV]?matrix|smallmatrix|array)\}(?:\{[lcr|\s]*\})?(.*)\\end\{\1\}"
    r"\s*(?:\\right\s*[\])]\s*)?$",
    re.S,
)
_TUPLE = re.compile(r"^\s*\(\s*[^()]*,[^()]*\)\s*$")
_NUM = r"[+\-−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-−]?\d+)?"  # one way to match each digit
# MATLAB's matrix without its brackets, as typed at a prompt: rows ended by ';' (at least one)
_SEP = r"(?:\s*,\s*|\s+)"  # between two entries: a comma or a space, never nothing (no backtracking)
_BARE_ROW = rf"{_NUM}(?:{_SEP}{_NUM})*"
_BARE_MATLAB = re.compile(rf"^\s*{_BARE_ROW}(?:\s*;\s*{_BARE_ROW})+\s*;?\s*$")


# a row written with its transpose stated: [0.1, -0.2]^T, (0.1, -0.2)ᵀ, [0.1 -0.2]', [0.1, -0.2].T
_TRANSPOSED_ROW = re.compile(
    r"^\s*(\[[^\[\]]*\]|\([^()]*,[^()]*\))\s*"
    r"(?:\^\s*\{?\s*(?:T|\\top|\\intercal|⊤)\s*\}?|ᵀ|'|\.T)\s*$"
)


_TRANSPOSED_MATRIX = re.compile(
    r"^\s*(\[\s*\[.*\]\s*\])\s*(?:\^\s*\{?\s*(?:T|\\top|\\intercal|⊤)\s*\}?|ᵀ|'|\.T)\s*$", re.S
)


def _as_column(body: str) -> str | None:
    """A vector written as a column: a row with its transpose stated (``[0.1, -0.2]^T``,
    ``(0.1, -0.2)ᵀ``) or one entry a line inside one bracket (MATLAB's newline ends a row:
    ``[0.1\n -0.2]``), as the nested list of one-entry rows it writes; else None."""
    whole = _TRANSPOSED_MATRIX.match(body)
    if whole is not None:  # [[a, b], [c, d]]^T: the matrix transposed, as stated
        rows = _matrix_rows(whole.group(1))
        return "[" + ", ".join("[" + ", ".join(col) + "]" for col in zip(*rows, strict=True)) + "]"
    m = _TRANSPOSED_ROW.match(body)
    if m is not None:
        cells = [c for c in re.split(r"\s*[,;]\s*|\s+", m.group(1)[1:-1].strip()) if c]
        return "[" + ", ".join(f"[{c}]" for c in cells) + "]"
    lines = [ln.strip() for ln in body[1:-1].split("\n")] if body.startswith("[") else []
    if body.endswith("]") and not re.search(r"[\[;,]", body[1:]) and len(lines) > 1:
        one_each = all(re.fullmatch(r"[^\s,]+", ln) for ln in lines if ln)
        if one_each and sum(bool(ln) for ln in lines) > 1:
            return "[" + ", ".join(f"[{ln}]" for ln in lines if ln) + "]"
    return None


def is_matrix(text: str) -> bool:
    """Is ``text`` a bracketed list of numbers (``[[0.1, -0.2], [0.3, 0.4]]``, NumPy's printed
    ``[[ 0.1 -0.2]\n [ 0.3  0.4]]``, ``np.array([...])``, MATLAB's ``[0.1; 0.3]``, LaTeX's
    ``\\begin{bmatrix} … \\end{bmatrix}``, a tuple ``(0.1, -0.2)`` for a row)?"""
    m = _WRAPPER.match(text)
    body = (m.group(1) if m else text).strip()
    if _TRANSPOSED_ROW.match(body) or _TRANSPOSED_MATRIX.match(body):
        return True
    return (
        body.startswith("[")
        or bool(_LATEX_MATRIX.match(body))
        or bool(_TUPLE.match(body))
        or bool(_BARE_MATLAB.match(body))
    )


def _bracketed(text: str) -> str:
    """A LaTeX matrix, a MATLAB matrix or a tuple as the nested list it writes."""
    m = _WRAPPER.match(text)
    body = (m.group(1) if m else text).strip()
    column = _as_column(body)
    if column is not None:
        return column
    tex = _LATEX_MATRIX.match(body)
    if tex is not None and tex.group(1) in ("vmatrix", "Vmatrix"):
        raise FormulaError(msg("heldtex38.determinant", env=tex.group(1)))
    if tex is not None:
        rows = [r.strip() for r in re.split(r"\\\\", tex.group(2)) if r.strip()]
        return "[" + ", ".join("[" + ", ".join(c.strip() for c in r.split("&")) + "]" for r in rows) + "]"
    if _TUPLE.match(body):
        return "[" + body.strip()[1:-1] + "]"
    if _BARE_MATLAB.match(body):  # -0.098 0.136; -0.196 0.079: MATLAB's rows, brackets left out
        body = "[" + body.strip() + "]"
    if body.startswith("[") and ";" in body and "[" not in body[1:]:  # MATLAB: ; ends a row
        return "[" + ", ".join("[" + r.strip() + "]" for r in body[1:-1].split(";") if r.strip()) + "]"
    return body


# a number in scientific notation written out, as a LaTeX matrix's cell has it: 1.2 \times 10^{-3}
_TIMES_TEN = re.compile(r"(\d\.?)\s*(?:\\times|\\cdot|×|·)\s*10\s*\^\s*\{?\s*([-+]?\d+)\s*\}?")


def _matrix_rows(text: str) -> list[list[str]]:
    """The rows of a bracketed list as number texts (a 1-D list is one row, as NumPy reads it);
    entries are separated by commas, or by spaces as NumPy prints them."""
    body = _bracketed(text)
    if not (body.startswith("[") and body.endswith("]")):
        raise FormulaError(msg("heldcheck3.matrix_unread", value=text))
    inner = body[1:-1].strip()
    if "[" in inner:
        parts = re.findall(r"\[([^\[\]]*)\]", inner)
        rest = re.sub(r"\[[^\[\]]*\]", "", inner)
        if re.sub(r"[\s,;]", "", rest) or not parts:
            raise FormulaError(msg("heldcheck3.matrix_unread", value=text))
    else:
        parts = [inner]
    rows = []
    for part in parts:
        part = _TIMES_TEN.sub(r"\1e\2", part)  # -1.763 \times 10^{-1} is one entry
        cells = [c for c in re.split(r"\s*,\s*|\s+", part.strip()) if c]
        if not cells:
            raise FormulaError(msg("heldcheck3.matrix_unread", value=text))
        rows.append(cells)
    if len({len(r) for r in rows}) != 1 or sum(len(r) for r in rows) > 400:
        raise FormulaError(msg("heldcheck3.matrix_unread", value=text))
    return rows


def exact_entry_heldcheck26(net: Net, sym: sp.Expr, shown: str) -> mpmath.mpf:
    """The exact value of one gradient entry at the example values (at the caller's working
    precision); a FormulaError naming ``shown`` where it cannot be evaluated there (a division
    by zero, the log of 0, an argument past the evaluator's cap such as SimCLR's −1e9 on the
    diagonal) — a refusal, never a crash, for one entry or a whole matrix alike."""
    try:
        exact = net.example._eval(sym, 0)
    except (ZeroDivisionError, OverflowError, ValueError):
        exact = None
    if exact is None or not isinstance(exact, mpmath.mpf) or not mpmath.isfinite(exact):
        raise FormulaError(msg("error.value_undefined", wrt=shown))
    return exact


def check_matrix_value(
    net: Net, wrt: str, text: str, *, rtol: float | None = None, digits: int | None = None
) -> CheckResult:
    """A whole gradient written as a matrix of hand numbers (``--wrt W1 --value "[[…], […]]"``):
    each entry is judged by :func:`check_value`'s policy; right when every entry is. A matrix of
    another shape (a 1-D list where a column belongs, the transposed shape) is wrong
    (``shape-mismatch``); the transposed matrix is ``operand-order``; a sign or factor that
    every entry shares is named once; otherwise the first wrong entry's finding, with its
    place."""
    tensor = tensor_of(net, wrt.strip())
    if tensor is None or net.g.tensors[tensor].grads is None:
        raise FormulaError(msg("error.entry_no_gradient", name=wrt.strip(), net=net.spec.name))
    rows = _matrix_rows(text)
    r, c = (int(x) for x in net.g.tensors[tensor].shape)
    given = (len(rows), len(rows[0]))
    with mpmath.workdps(DPS):
        exact = [
            [exact_entry_heldcheck26(net, net.g.tensors[tensor].grads[i, j], f"{tensor}[{i},{j}]") for j in range(c)]  # type: ignore[index]
            for i in range(r)
        ]
    expected = "[" + ", ".join("[" + ", ".join(mpmath.nstr(x, 15) for x in row) + "]" for row in exact) + "]"
    base = dict(
        network=net.spec.name, wrt=tensor, submitted=text.strip(), expected=expected, shape=(r, c)
    )

    def result(verdict: str, diags: list[Diagnosis], note: Msg | None, at: tuple[int, int]) -> CheckResult:
        notes = (note,) if note is not None else ()
        return CheckResult(
            verdict=verdict,
            diagnoses=tuple(diags),
            notes=tuple(m.render("en") for m in notes),
            note_msgs=notes,
            exact=float(exact[at[0]][at[1]]),
            **base,  # type: ignore[arg-type]
        )

    if given != (r, c):
        shapes = dict(given=f"({given[0]}, {given[1]})", tensor=tensor, shape=f"({r}, {c})")
        if given != (c, r):
            m = msg("heldcheck3.matrix_shape", **shapes)
            return result("incorrect", [Diagnosis.of("shape-mismatch", m)], None, (0, 0))
        # the numbers laid out the other way (a column's gradient as a 1-D list, a matrix
        # transposed): judged in the gradient's shape, so the report says whether they are right
        fix = "[" + ", ".join("[" + ", ".join(rows[j][i] for j in range(c)) + "]" for i in range(r)) + "]"
        laid = check_matrix_value(net, wrt, fix, rtol=rtol, digits=digits)
        if laid.ok:
            key = "matrix_shape_row_right" if given[0] == 1 else "matrix_shape_transposed_right"
            m = msg(f"heldcheck3.{key}", written=fix, **shapes)
            return result("incorrect", [Diagnosis.of("shape-mismatch", m, fix=fix)], None, (0, 0))
        m = msg("heldcheck3.matrix_shape", **shapes)
        also = [
            Diagnosis.of(d.code, msg("heldcheck3.matrix_laid_out", tensor=tensor, detail=d.msg or d.message), factor=d.factor)
            for d in laid.diagnoses[:1]
        ]
        return result("incorrect", [Diagnosis.of("shape-mismatch", m), *also], None, (0, 0))
    found = {
        (i, j): check_value(net, f"{tensor}[{i},{j}]", rows[i][j], rtol=rtol, digits=digits)
        for i in range(r)
        for j in range(c)
    }
    wrong = [(ij, res) for ij, res in found.items() if not res.ok]
    if not wrong:
        return result("correct", [], msg("heldcheck3.matrix_ok", n=r * c), (0, 0))
    if r == c and r > 1 and any(rows[i][j] != rows[j][i] for i in range(r) for j in range(c)):
        swapped = all(
            check_value(net, f"{tensor}[{j},{i}]", rows[i][j], rtol=rtol, digits=digits).ok
            for i in range(r)
            for j in range(c)
        )
        if swapped:
            m = msg("heldcheck3.matrix_transposed", tensor=tensor)
            return result("incorrect", [Diagnosis.of("operand-order", m)], None, wrong[0][0])
    if len(wrong) == len(found) and len(found) > 1:
        firsts = {(res.diagnoses[0].code, res.diagnoses[0].factor) for _, res in wrong}
        if len(firsts) == 1 and next(iter(firsts))[0] in ("sign", "scale-factor"):
            d = wrong[0][1].diagnoses[0]
            m = msg("heldcheck3.matrix_every", detail=d.msg or d.message)
            return result("incorrect", [Diagnosis.of(d.code, m, factor=d.factor)], None, wrong[0][0])
    ratio = _common_ratio(rows, exact) if len(wrong) == len(found) and len(found) > 1 else None
    if ratio is not None:
        m = msg("heldcheck3.matrix_factor", factor=ratio)
        return result("incorrect", [Diagnosis.of("scale-factor", m, factor=ratio)], None, wrong[0][0])
    (i, j), res = wrong[0]
    d = res.diagnoses[0]
    m = msg("heldcheck3.matrix_entry", tensor=tensor, i=i, j=j, value=rows[i][j], exact=res.expected, detail=d.msg or d.message, n=len(wrong), total=len(found))
    return result("incorrect", [Diagnosis.of(d.code, m, factor=d.factor)], None, (i, j))


def _common_ratio(rows: list[list[str]], exact: list[list[mpmath.mpf]]) -> str | None:
    """The factor every entry is off by, when it is one (an integer or 1/integer up to 100, or a
    power of ten) and every entry shows it to within its own rounding; else None."""
    ratios = []
    for row, want in zip(rows, exact):
        for text, x in zip(row, want):
            if x == 0:
                return None
            value, sig, ulp = _digits(written(text))
            if sig < 2:
                return None
            v = float(value)
            lo, hi = (v - float(ulp) / 2) / float(x), (v + float(ulp) / 2) / float(x)
            ratios.append((min(lo, hi), max(lo, hi)))
    for k in [float(10**e) for e in range(1, 7)] + [float(n) for n in range(2, 101)]:
        for c, shown in ((k, f"{k:g}"), (1 / k, f"1/{k:g}")):
            if all(lo * (1 - 1e-9) <= c <= hi * (1 + 1e-9) for lo, hi in ratios):
                return shown
    return None
