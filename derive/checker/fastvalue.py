"""``derive check NET --wrt ENTRY --value V`` on the fast path, SymPy-free: a hand-computed
number that the written policy accepts without a simulated hand calculation (README "number
policy": the exact value rounded to the digits given, or one unit in the last digit with >= 3
significant digits), or one with fewer than 2 significant digits (``too-few-digits``), decided
on the exact values the compiled form stores (:mod:`derive.checker.compiled`, as
:func:`derive.checker.handcalc.check_value` computes them). Anything else — a number the policy
does not accept at once (the simulation or the diagnosis decides), ``--rtol``/``--digits``, an
entry or a number written another way, a value near a threshold — returns None and the slow
path answers. Never evaluates user text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from derive import cache
from derive.checker import fastdiag, names
from derive.checker.fastpath import (
    _Fallback,
    _rational,
    compiled_for,
    entry,
    load,
    name_for,
    spec_text,
)
from derive.locale import catalog

MAX_DIGITS = 40  # derive.checker.handcalc.MAX_DIGITS (a test checks)
MAX_EXPONENT = 300  # derive.checker.handcalc.MAX_EXPONENT (a test checks)
_NUMBER = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?\s*")
_TIMES_TEN = re.compile(
    r"\s*(?:×|\\times|\*|x|·|\\cdot)\s*10\s*(?:\^|\*\*)\s*\{?\s*([+-]?\d{1,4})\s*\}?\s*$"
)
MARGIN = 1e-6  # a difference this close (relative) to a threshold: the slow path decides
MAX_SIM_DIGITS = 15  # simulated hand calculations stored up to this many digits (more: slow)
KIND = "checkvalue"  # the cache folder of per-entry records (compiled.value_record)


def digits(text: str) -> tuple[Fraction, int, Fraction]:
    """As :func:`derive.checker.handcalc._digits`: (exact value, significant digits, one unit
    of the last digit); _Fallback where that one raises."""
    if len(text) > 200:
        raise _Fallback
    clean = text.strip().strip("$").replace("−", "-").replace("\u2009", "").replace("\\,", "")
    clean = _TIMES_TEN.sub(r"e\1", clean)
    if "/" in clean or "frac" in clean or "," in clean:
        raise _Fallback  # a fraction (an exact value) or a comma (decimal or not): the slow path
    m = _NUMBER.fullmatch(clean.replace(",", ""))
    if m is None or not (m.group(2) or m.group(3)):
        raise _Fallback
    sign, whole, frac, exp = m.group(1), m.group(2) or "", m.group(3) or "", int(m.group(4) or 0)
    sig = len((whole + frac).lstrip("0")) or 1
    if sig > MAX_DIGITS or len(whole + frac) > MAX_DIGITS + 20 or abs(exp) > MAX_EXPONENT:
        raise _Fallback
    value = Fraction(f"{sign}{whole or '0'}.{frac or '0'}") * Fraction(10) ** exp
    ulp = Fraction(10) ** (exp - len(frac))
    return value, sig, ulp


def _near(x: float, threshold: float) -> bool:
    return abs(x - threshold) <= MARGIN * abs(threshold)


def answer(
    net: str, wrt: str | None, text: str, *, lang: str = "en", as_json: bool = False
) -> tuple[str, int] | None:
    """What ``derive check NET --wrt WRT --value TEXT`` prints and its exit code, or None when
    the slow path must answer."""
    try:
        c = compiled_for(net)
        if c is None or wrt is None or not isinstance(text, str) or "values" not in c:
            return None
        tensor, i, j, shown = entry(c, wrt)
        text = written(text)
        value, sig, ulp = digits(text)
        stored = c["values"][tensor]["exact"][i][j]
        if stored is None:
            return None  # undefined there: the slow path's message
        exact, exact_text = _rational(stored[0]), stored[1]
        slack = c["limits"]["tolerance"]["rounding_slack"]
        diff = abs(value - exact)
        tiny = abs(exact) * Fraction(10) ** -45
        if diff <= tiny * 2 and diff * 2 >= tiny:
            return None  # at the "exact" threshold (50-digit rounding there): the slow path
        if diff <= tiny:
            found = ("correct", None, fastdiag.msg("value.exact", exact=exact_text), 0.0)
        elif sig < 2:
            ulp_f, diff_f, v, e = float(ulp), float(diff), float(value), float(exact)
            if _near(diff_f, ulp_f * (1 + slack)):
                return None
            if diff_f > ulp_f * (1 + slack):  # wrong at any rounding (handcalc.check_value)
                if abs(v + e) <= max(ulp_f / 2 * (1 + 1e-9), slack * abs(e)):
                    found = ("incorrect", ("sign", fastdiag.msg("value.sign"), None), None, 0.0)
                else:
                    m = fastdiag.msg("value.wrong_one_digit", exact_digits=sig, rounded=fastdiag.one_digit(e))
                    found = ("incorrect", ("unknown", m, None), None, 0.0)
            else:
                m = fastdiag.msg("value.too_few", exact_digits=sig)
                found = ("incorrect", ("too-few-digits", m, None), None, 0.0)
        else:
            ulp_f, diff_f = float(ulp), float(diff)
            half = ulp_f / 2
            n_digits = fastdiag.msg("value.digits" if sig > 1 else "value.digit", n=sig)
            if _near(diff_f, half * (1 + slack)) or _near(diff_f, ulp_f * (1 + slack)):
                return None
            if diff_f <= half * (1 + slack):
                m = fastdiag.msg("value.agrees", exact=exact_text, digits=n_digits)
                found = ("correct", None, m, half)
            else:
                rec = record(net, tensor, i, j)
                if rec is None or sig > MAX_SIM_DIGITS:
                    return None  # the simulations decide: once the entry's record is cached
                one_unit = sig >= 3 and diff_f <= ulp_f * (1 + slack)
                if one_unit and not _exact_by_hand(rec, sig, exact):
                    m = fastdiag.msg("value.one_unit", exact=exact_text, digits=n_digits)
                    found = ("correct", None, m, ulp_f)
                else:
                    found = _by_simulation(c, rec, tensor, i, j, value, sig, ulp, exact, exact_text)
    except (
        _Fallback,
        KeyError,
        IndexError,
        TypeError,
        ValueError,
        OverflowError,
        ZeroDivisionError,
    ):
        return None
    verdict, diag, note, tol = found
    return _output(
        c, shown, text.strip(), exact, exact_text, verdict, diag, note, tol, lang, as_json
    )


def record_name(net: str, tensor: str, i: int, j: int) -> str | None:
    """The cache name of entry ``tensor[i, j]``'s record, None when the spec cannot be read."""
    text = spec_text(net)
    if text is None:
        return None
    return f"{name_for(text)}-{tensor}-{i}-{j}.json"


def record(net: str, tensor: str, i: int, j: int) -> dict[str, Any] | None:
    """The cached record of an entry (:func:`derive.checker.compiled.value_record`), if sound."""
    name = record_name(net, tensor, i, j)
    if name is None or cache.folder(KIND) is None:
        return None
    data = cache.read(KIND, name)
    body = None if data is None else load(data, name.rsplit("-", 3)[0])
    return body if body is not None and body.get("entry") == [tensor, i, j] else None


def _exact_by_hand(rec: dict[str, Any], digits: int, exact: Fraction) -> bool:
    """As derive.checker.handcalc._exact_by_hand: both simulated hand calculations carrying
    ``digits`` digits give the exact value (no rounding allowance then)."""
    for textbook in (True, False):
        hit = rec["sims"][f"{digits}-{int(textbook)}"]
        if hit is None:
            return False
        gap, bound = abs(_rational(hit["v"]) - exact), abs(exact) * Fraction(10) ** -40
        if _edge(gap, bound):
            raise _Fallback
        if gap > bound:
            return False
    return True


def written(text: str) -> str:
    """As derive.checker.handcalc.written: a leading ``≈``/``~``/``=``/``\\approx`` and a
    sentence's full stop dropped."""
    clean = re.sub(r"^\s*(?:≈|~~|~|=|\\approx)\s*", "", names.number_text(text)).strip()
    if clean.endswith(".") and re.search(r"[.eE]", clean[:-1]):
        clean = clean[:-1]
    return clean


def _edge(x: Fraction, threshold: Fraction) -> bool:
    """Is ``x`` so near ``threshold`` that 50-digit rounding could decide the comparison?"""
    return abs(x - threshold) <= abs(threshold) * Fraction(10) ** -40


def _by_simulation(
    c: dict[str, Any],
    rec: dict[str, Any],
    tensor: str,
    i: int,
    j: int,
    value: Fraction,
    sig: int,
    ulp: Fraction,
    exact: Fraction,
    exact_text: str,
) -> tuple[str, Any, Any, float]:
    """As the end of :func:`derive.checker.handcalc.check_value`: a simulated hand calculation
    at the digits given reproduces the number (right), or a known mistake, or rounding to fewer
    digits explains it (wrong)."""
    sims: dict[tuple[int, bool], tuple[Fraction, dict[str, str]]] = {}
    for k in range(sig, 1, -1):
        for textbook in (True, False):
            hit = rec["sims"][f"{k}-{int(textbook)}"]
            if hit is not None:
                sims[(k, textbook)] = (_rational(hit["v"]), hit["text"])
    unit = ulp
    half = float(ulp) / 2
    for textbook in (True, False):
        hand = sims.get((sig, textbook))
        if hand is not None:
            if _edge(abs(value - hand[0]), unit / 2):
                raise _Fallback
            if abs(value - hand[0]) <= unit / 2:
                note = fastdiag.msg(
                    "value.hand", exact=exact_text, carried=sig, hand=hand[1][str(sig + 2)]
                )
                return "correct", None, note, half
    ranked = list(sims.items())  # already by digits, most first (as sorted there)
    for _, (hand, _) in ranked:
        if _edge(abs(value - hand), unit / 2):
            raise _Fallback
    explained = next((kv for kv in ranked if abs(value - kv[1][0]) <= unit / 2), None)
    if explained is None:
        diag = _value_diagnosis(c, rec, tensor, i, j, value, ulp, float(exact))
        if diag[0] != "unknown":
            return "incorrect", diag, None, half
        for _, (hand, _) in ranked:
            lo, hi = min(exact, hand) - unit / 2, max(exact, hand) + unit / 2
            if _edge(value, lo) or _edge(value, hi) or _edge(abs(hand - exact), unit / 2):
                raise _Fallback
        explained = next(
            (
                kv
                for kv in ranked
                if min(exact, kv[1][0]) - unit / 2 <= value <= max(exact, kv[1][0]) + unit / 2
                and abs(kv[1][0] - exact) > unit / 2
            ),
            None,
        )
        if explained is None:
            return "incorrect", diag, None, half
    (k, _), (hand, texts) = explained
    diff = float(abs(value - exact))
    if f"{diff * (1 - 1e-12):.2g}" != f"{diff * (1 + 1e-12):.2g}":
        raise _Fallback  # the 2-digit text at a rounding edge
    n_digits = fastdiag.msg("value.digits" if sig > 1 else "value.digit", n=sig)
    m = fastdiag.msg(
        "value.rounding2", diff=f"{diff:.2g}", digits=n_digits, carried=k, hand=texts[str(sig + 2)]
    )
    return "incorrect", ("rounding", m, None), None, half


def _sig_of(v: float, ulp: float) -> int:
    """As derive.checker.handcalc._sig_of."""
    if v == 0 or ulp <= 0:
        return 1
    return max(1, int(math.floor(math.log10(abs(v)) - math.log10(ulp) + 1e-9)) + 1)


def _root_factor(
    name: str, size: float, exact: float, near: Callable[[float], bool]
) -> tuple[str, dict[str, Any], str] | None:
    """As derive.checker.handcalc.root_factor: √size (or 1/√size) × the exact value."""
    if size <= 1:
        return None
    r = math.sqrt(size)
    if near(r * exact):
        return "scale-factor", fastdiag.msg("value.times_root", name=name), f"√{name}"
    if near(exact / r):
        return "scale-factor", fastdiag.msg("value.over_root", name=name), f"1/√{name}"
    return None


def _value_diagnosis(
    c: dict[str, Any],
    rec: dict[str, Any],
    tensor: str,
    i: int,
    j: int,
    value: Fraction,
    ulp: Fraction,
    exact: float,
) -> tuple[str, dict[str, Any], str | None]:
    """As derive.checker.handcalc._value_diagnoses (the first finding; float64 throughout)."""
    v = float(value)
    sig = _sig_of(v, float(ulp))
    tol = float(ulp) * (1 if sig >= 3 else 0.5) * (1 + 1e-9)
    slack = c["limits"]["tolerance"]["rounding_slack"]
    rtol = c["limits"]["tolerance"]["rtol"]

    def near(x: float) -> bool:
        return abs(v - x) <= max(tol, slack * abs(x))

    def strict(x: float) -> bool:  # handcalc._entry_rounded_to: the number as written
        return abs(v - x) <= 0.5 * float(ulp) * (1 + 1e-9)

    full = rec["full"]
    if full is not None and not any(strict(f * exact) for f in (-1.0, 2.0, 0.5)):
        for a, row in enumerate(full):
            for b, x in enumerate(row):
                if (a, b) != (i, j) and strict(float(x)) and near(float(x)) and not near(exact):
                    m = fastdiag.msg("value.wrong_entry", tensor=tensor, a=a, b=b, i=i, j=j)
                    return "wrong-entry", m, None
    if near(-exact):
        return "sign", fastdiag.msg("value.sign"), None
    for f, why in ((2.0, "value.twice"), (0.5, "value.half")):
        if near(f * exact):
            text = fastdiag.factor_text(f, rtol)
            return "scale-factor", fastdiag.msg(why, factor=text), text
    for name, m in rec["dims"]:
        if near(m * exact):
            return "scale-factor", fastdiag.msg("value.times_size", name=name), name
        if near(exact / m):
            return "scale-factor", fastdiag.msg("value.over_size", name=name), f"1/{name}"
        if name in rec.get("roots", ()):
            root = _root_factor(name, m, exact, near)
            if root is not None:
                return root
    if full is not None:
        for a, row in enumerate(full):
            for b, x in enumerate(row):
                if (a, b) != (i, j) and near(float(x)) and not near(exact):
                    m = fastdiag.msg("value.wrong_entry", tensor=tensor, a=a, b=b, i=i, j=j)
                    return "wrong-entry", m, None
    for code, m, x in rec["mutations"]:
        if x is not None and near(x) and not near(exact):
            return code, m, None
    ratio: Any = fastdiag.msg("value.ratio", ratio=f"{v / exact:.4g}") if exact else ""
    m = fastdiag.msg("value.unknown2", diff=f"{abs(v - exact):.3g}", ratio=ratio)
    return "unknown", m, None


def _output(
    c: dict[str, Any],
    shown: str,
    submitted: str,
    exact: Fraction,
    exact_text: str,
    verdict: str,
    diag: tuple[str, dict[str, Any], str | None] | None,
    note: dict[str, Any] | None,
    tol: float,
    lang: str,
    as_json: bool,
) -> tuple[str, int]:
    """As CheckResult.text() / as_dict() of a value check, in ``lang``."""
    diags = [] if diag is None else [(diag[0], fastdiag.render(diag[1], lang), diag[2])]
    notes = [] if note is None else [fastdiag.render(note, lang)]
    code = 0 if verdict == "correct" else 1
    if as_json:
        out = {
            "verdict": verdict,
            "diagnoses": [
                {"code": k, "message": m} | ({"factor": f} if f is not None else {})
                for k, m, f in diags
            ],
            "expected": exact_text,
            "shape": [1, 1],
            "network": c["network"],
            "wrt": shown,
            "submitted": submitted,
            "exact": float(exact),
            "tolerance": tol,
            "notes": notes,
        }
        return json.dumps(out, ensure_ascii=False, indent=2), code

    def say(key: str, **args: Any) -> str:
        return catalog.text(f"check.line.{key}", lang, **args)

    grad = f"∂L/∂{shown}"
    if verdict == "correct":
        lines = [say("value_correct", grad=grad, value=submitted)]
    else:
        lines = [say("value_incorrect", grad=grad, value=submitted, code=diags[0][0])]
    lines += [f"  {m}" for _, m, _ in diags]
    lines.append("  " + say("exact", value=exact_text))
    lines += ["  " + say("note", note=n) for n in notes]
    return "\n".join(lines), code
