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
import re
from fractions import Fraction
from typing import Any

from derive.checker import fastdiag
from derive.checker.fastpath import _rational, compiled_for
from derive.locale import catalog

MAX_DIGITS = 40  # derive.checker.handcalc.MAX_DIGITS (a test checks)
MAX_EXPONENT = 300  # derive.checker.handcalc.MAX_EXPONENT (a test checks)
_NUMBER = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?\s*")
_TIMES_TEN = re.compile(
    r"\s*(?:×|\\times|\*|x|·|\\cdot)\s*10\s*(?:\^|\*\*)\s*\{?\s*([+-]?\d{1,4})\s*\}?\s*$"
)
MARGIN = 1e-6  # a difference this close (relative) to a threshold: the slow path decides


class _Fallback(Exception):
    pass


def digits(text: str) -> tuple[Fraction, int, Fraction]:
    """As :func:`derive.checker.handcalc._digits`: (exact value, significant digits, one unit
    of the last digit); _Fallback where that one raises."""
    if len(text) > 200:
        raise _Fallback
    clean = text.strip().strip("$").replace("−", "-").replace("\u2009", "").replace("\\,", "")
    clean = _TIMES_TEN.sub(r"e\1", clean)
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


_INDEX = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\[\s*(0|[1-9][0-9]*)\s*,\s*(0|[1-9][0-9]*)\s*\]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _tensor_of(c: dict[str, Any], text: str) -> str | None:
    """As :func:`derive.checker.formula.tensor_of` (``W2``, ``dW2``, ``delta_W2``)."""
    for cand in (
        text,
        text[1:] if text.startswith("d") else None,
        text[6:] if text.startswith("delta_") else None,
    ):
        if cand and cand in c["values"]:
            return cand
    return None


def entry(c: dict[str, Any], wrt: str) -> tuple[str, int, int, str]:
    """As :func:`derive.checker.handcalc._entry` for ``W1[0,0]``, ``W1[0][0]``, a label
    (``w11``, ``dw11``) or a 1×1 tensor; _Fallback for anything else (errors included)."""
    raw = wrt.strip()
    raw = re.sub(r"^(\w+)\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]$", r"\1[\2,\3]", raw)
    labels = c["label_at"]
    name = raw[1:] if raw.startswith("d") and raw[1:] in labels else raw
    if name in labels:
        tensor, i, j = labels[name]
        if tensor not in c["values"]:
            raise _Fallback
        return tensor, int(i), int(j), f"{tensor}[{i},{j}] ({name})"
    if _NAME.fullmatch(raw):
        tensor = _tensor_of(c, raw)
        if tensor is None or c["values"][tensor]["shape"] != [1, 1]:
            raise _Fallback
        return tensor, 0, 0, tensor
    m = _INDEX.fullmatch(raw)
    if m is None:
        raise _Fallback
    tensor = _tensor_of(c, m.group(1))
    if tensor is None:
        raise _Fallback
    r, cols = c["values"][tensor]["shape"]
    i, j = int(m.group(2)), int(m.group(3))
    if not (i < r and j < cols):
        raise _Fallback
    lab = c["values"][tensor]["labels"]
    return tensor, i, j, f"{tensor}[{i},{j}]" + (f" ({lab[i][j]})" if lab else "")


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
            m = fastdiag.msg("value.too_few", exact_digits=sig)
            found = ("incorrect", ("too-few-digits", m), None, 0.0)
        else:
            ulp_f, diff_f = float(ulp), float(diff)
            half = ulp_f / 2
            n_digits = fastdiag.msg("value.digits" if sig > 1 else "value.digit", n=sig)
            if _near(diff_f, half * (1 + slack)) or _near(diff_f, ulp_f * (1 + slack)):
                return None
            if diff_f <= half * (1 + slack):
                m = fastdiag.msg("value.agrees", exact=exact_text, digits=n_digits)
                found = ("correct", None, m, half)
            elif sig >= 3 and diff_f <= ulp_f * (1 + slack):
                m = fastdiag.msg("value.one_unit", exact=exact_text, digits=n_digits)
                found = ("correct", None, m, ulp_f)
            else:
                return None  # a simulated hand calculation or the diagnosis decides
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


def _output(
    c: dict[str, Any],
    shown: str,
    submitted: str,
    exact: Fraction,
    exact_text: str,
    verdict: str,
    diag: tuple[str, dict[str, Any]] | None,
    note: dict[str, Any] | None,
    tol: float,
    lang: str,
    as_json: bool,
) -> tuple[str, int]:
    """As CheckResult.text() / as_dict() of a value check, in ``lang``."""
    diags = [] if diag is None else [(diag[0], fastdiag.render(diag[1], lang))]
    notes = [] if note is None else [fastdiag.render(note, lang)]
    code = 0 if verdict == "correct" else 1
    if as_json:
        out = {
            "verdict": verdict,
            "diagnoses": [{"code": k, "message": m} for k, m in diags],
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
    lines += [f"  {m}" for _, m in diags]
    lines.append("  " + say("exact", value=exact_text))
    lines += ["  " + say("note", note=n) for n in notes]
    return "\n".join(lines), code
