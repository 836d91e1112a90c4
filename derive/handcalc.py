"""Checking a hand-computed number: one gradient entry at the example values (``W1[0,0]``,
zero-based; a label such as ``w11``; or a scalar parameter) against its exact value.

Tolerance from the digits given: within half a unit of the last digit is right; a larger
difference is still right if rounding every intermediate value to as many significant digits as
the answer has (at least :data:`MIN_CARRIED`) can explain it (first-order bound, summed over the
intermediates, with σ'(z) computed from the written-down σ(z) as a hand calculation does);
otherwise wrong, with a reason: code ``rounding`` when it takes one digit fewer, else sign,
factor, another entry, or a mistake from the mutation library (:mod:`derive.mutations`).
"""

from __future__ import annotations

import re
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp

from derive import expr as ex
from derive.backprop import textbook_map
from derive.checknet import Net
from derive.diagnose import factor_text
from derive.evaluate import System, evaluate, floats
from derive.formula import tensor_of
from derive.mutations import library
from derive.steps import DPS, Checker
from derive.verdict import CheckResult, Diagnosis, FormulaError, Msg, msg

MIN_CARRIED = 3  # a hand calculation carries at least this many significant digits
_NUMBER = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?\s*")


def _entry(net: Net, text: str) -> tuple[str, int, int, str]:
    """``W1[0,0]``, ``dW1[0,0]``, a label (``w11``) or a scalar tensor → (tensor, i, j, shown)."""
    g = net.g
    raw = text.strip()
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


def _digits(text: str) -> tuple[Fraction, int, Fraction]:
    """A decimal → (exact value, significant digits, half a unit of the last digit)."""
    m = _NUMBER.fullmatch(text.replace("−", "-"))
    if m is None or not (m.group(2) or m.group(3)):
        raise FormulaError(msg("error.not_decimal", value=text))
    sign, whole, frac, exp = m.group(1), m.group(2) or "", m.group(3) or "", int(m.group(4) or 0)
    value = Fraction(f"{sign}{whole or '0'}.{frac or '0'}") * Fraction(10) ** exp
    sig = len((whole + frac).lstrip("0")) or 1
    half = Fraction(1, 2) * Fraction(10) ** (exp - len(frac))
    return value, sig, half


def _textbook_defs(net: Net) -> dict[sp.Symbol, sp.Expr]:
    """Definitions as a hand calculation uses them: σ'(z) from the *written-down* a = σ(z)."""
    swap = textbook_map(net.g)
    own = set(swap.values())
    return {s: (e if s in own else e.xreplace(swap)) for s, e in net.example.defs.items()}


def _rounding_bound(net: Net, sym: sp.Symbol, digits: int) -> float:
    """First-order bound on how much rounding every intermediate value to ``digits``
    significant digits can move ``sym`` (at the example values)."""
    defs = _textbook_defs(net)
    free = {s for _, s in net.free_symbols()} | set(net.g.scalar_values)
    deps, todo = [], [sym]
    while todo:
        s = todo.pop()
        for x in sorted(defs[s].free_symbols, key=str) if s in defs else ():
            if x not in free and x not in deps and x in defs:
                deps.append(x)
                todo.append(x)
    base = Checker(defs=defs, points=1)
    with mpmath.workdps(DPS):
        r0 = base._eval(sym, 0)
        total = mpmath.mpf(0)
        for s in deps:
            v = base._eval(s, 0)
            if v == 0:
                continue
            q = mpmath.mpf(10) ** (mpmath.floor(mpmath.log10(abs(v))) - digits + 1) / 2
            moved = Checker(defs={**defs, s: sp.Float(mpmath.nstr(v + q, 40), 40)}, points=1)
            total += abs(moved._eval(sym, 0) - r0)
    return float(total)


def check_value(net: Net, wrt: str, text: str) -> CheckResult:
    """Is the decimal ``text`` the entry ``wrt`` (``W1[0,0]``, ``w11``) of its gradient at the
    example values? Raises :class:`~derive.verdict.FormulaError` for an unreadable entry or
    number."""
    tensor, i, j, shown = _entry(net, wrt)
    value, sig, half = _digits(text)
    sym = net.g.tensors[tensor].grads[i, j]  # type: ignore[index]
    with mpmath.workdps(DPS):
        exact = net.example._eval(sym, 0)
        diff = float(abs(mpmath.mpf(value.numerator) / value.denominator - exact))
        exact_text = mpmath.nstr(exact, 15)
    exact_f, half_f = float(exact), float(half)
    carried = max(sig, MIN_CARRIED)
    bound = _rounding_bound(net, sym, carried)
    tol = half_f + bound
    base = dict(
        network=net.spec.name,
        wrt=shown,
        submitted=text.strip(),
        expected=exact_text,
        shape=(1, 1),
        exact=exact_f,
        tolerance=tol,
    )
    digits = msg("value.digits" if sig > 1 else "value.digit", n=sig)

    def result(verdict: str, diags: list[Diagnosis], note: Msg | None = None) -> CheckResult:
        notes = (note,) if note is not None else ()
        return CheckResult(
            verdict=verdict,
            diagnoses=tuple(diags),
            notes=tuple(m.render("en") for m in notes),
            note_msgs=notes,
            **base,  # type: ignore[arg-type]
        )

    if diff <= half_f * (1 + 1e-12):
        return result("correct", [], msg("value.agrees", exact=exact_text, digits=digits))
    if diff <= tol:
        note = msg(
            "value.within",
            exact=exact_text,
            diff=f"{diff:.2g}",
            carried=carried,
            bound=f"{bound:.2g}",
        )
        return result("correct", [], note)
    loose = half_f + _rounding_bound(net, sym, carried - 1)
    if diff <= loose:
        m = msg("value.rounding", diff=f"{diff:.2g}", digits=digits, carried=carried - 1)
        return result("incorrect", [Diagnosis.of("rounding", m)])
    return result("incorrect", _value_diagnoses(net, tensor, i, j, float(value), tol, exact_f))


def _value_diagnoses(
    net: Net, tensor: str, i: int, j: int, v: float, tol: float, exact: float
) -> list[Diagnosis]:
    """Why a hand-computed entry is wrong: sign, factor, another entry, a known mistake."""
    near = lambda x: abs(v - x) <= max(tol, 1e-12 * abs(x))  # noqa: E731
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
    target = net.target(tensor)
    full = floats(target.truth(0, "example"))
    if full is not None:
        for (a, b), x in np.ndenumerate(full):
            if (a, b) != (i, j) and near(float(x)):
                m = msg("value.wrong_entry", tensor=tensor, a=a, b=b, i=i, j=j)
                return [Diagnosis.of("wrong-entry", m)]
    for mut in library(target):
        vals = floats(evaluate(mut.expr, System(net.example, 0)))
        if vals is not None and vals.shape == target.shape and near(float(vals[i, j])):
            return [Diagnosis.of(mut.code, mut.message)]
    ratio = msg("value.ratio", ratio=f"{v / exact:.4g}") if exact else ""
    m = msg("value.unknown", diff=f"{abs(v - exact):.3g}", tol=f"{tol:.2g}", ratio=ratio)
    return [Diagnosis.of("unknown", m)]
