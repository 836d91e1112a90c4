"""The diagnosis of a wrong formula on the fast path (:mod:`derive.checker.fastpath`), SymPy-free.

It repeats the float64 part of :func:`derive.checker.diagnose.diagnose` on the numbers the
compiled form stores (:mod:`derive.checker.compiled`): a constant ratio to the gradient (a
scale factor, with ``m`` told apart from ``2`` at other dims, and a sign), a match with a
mutation of the library (the typical mistakes, in their priority order), a constant ratio to a
mutation. Whatever needs the user's formula rewritten (a repair, a wrong layer, a sum over the
wrong axis, two mistakes at once) or is not found is :class:`Fallback`: the slow path answers.
Messages are JSON records ``{"key", "args"}`` of the ``check`` catalogue table (as
:class:`derive.checker.verdict.Msg`). The plain-number helpers :func:`ratio` and
:func:`factor_text` are the slow path's own (:mod:`derive.checker.diagnose` imports them).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from derive.locale import catalog

Grid = Sequence[Sequence[float]]


class Fallback(Exception):
    """Not decided here: the slow path answers."""


# ---- plain numbers (shared with the slow path) ---------------------------------------------------


def ratio(
    u: Sequence[Grid], t: Sequence[Grid], rtol: float, ratio_rtol: float, tiny: float
) -> float | None:
    """The constant ``c`` with ``u = c·t`` at every point and entry (``c ≠ 1``), else ``None``:
    entries of ``t`` within ``rtol`` of its largest entry count as zeros (``u`` must be zero
    there too), the ratios elsewhere agree within ``ratio_rtol``."""
    if any(_shape(a) != _shape(b) for a, b in zip(u, t, strict=True)):
        return None
    us = [float(x) for a in u for row in a for x in row]
    ts = [float(x) for b in t for row in b for x in row]
    scale = max(max((abs(x) for x in ts), default=0.0), tiny)
    small = rtol * scale
    mask = [abs(x) > small for x in ts]
    if not any(mask) or any(abs(x) > small for x, keep in zip(us, mask, strict=True) if not keep):
        return None
    r = [x / y for x, y, keep in zip(us, ts, mask, strict=True) if keep]
    c = r[0]
    if (
        not all(abs(x - c) <= ratio_rtol * abs(c) for x in r)
        or math.isclose(c, 1, rel_tol=rtol)
        or c == 0
    ):
        return None
    return c


def factor_text(c: float, rtol: float) -> str:
    """A factor as a fraction when it is one (``1/2``), else 6 significant digits."""
    q = Fraction(c).limit_denominator(1000)
    if math.isclose(float(q), c, rel_tol=rtol):
        return str(q)
    return f"{c:.6g}"


def _shape(a: Grid) -> tuple[int, int]:
    return len(a), len(a[0]) if len(a) else 0


def close(a: Grid, b: Grid, rtol: float, atol: float, tiny: float) -> bool:
    """As :func:`derive.checker.evaluate.close` (``atol`` relative to ``b``'s largest entry)."""
    if _shape(a) != _shape(b):
        return False
    scale = max(max((abs(v) for row in b for v in row), default=0.0), tiny)
    return all(
        abs(x - y) <= rtol * abs(y) + atol * scale
        for ra, rb in zip(a, b, strict=True)
        for x, y in zip(ra, rb, strict=True)
    )


# ---- messages ------------------------------------------------------------------------------------


def one_digit(x: float) -> str:
    """``x`` at one significant digit, as a one-digit answer is compared with it (−0.0137 → −0.01)."""
    return format(x, ".1g")


def msg(key: str, /, **args: Any) -> dict[str, Any]:
    """A message record (as :func:`derive.checker.verdict.msg`)."""
    return {"key": key, "args": [[k, v] for k, v in args.items()]}


def render(m: dict[str, Any], lang: str) -> str:
    """A message in ``lang`` (as :meth:`derive.checker.verdict.Msg.render`)."""
    args = {k: render(v, lang) if isinstance(v, dict) else v for k, v in m["args"]}
    return catalog.text(f"check.{m['key']}", lang, **args)


def tex_msg(m: dict[str, Any], swaps: dict[str, str], table: dict[str, str]) -> dict[str, Any]:
    """``m`` with every text argument in LaTeX, as :func:`derive.checker.check._tex_msg` writes
    it for LaTeX input: a fix in ``swaps`` (the NumPy formula → its LaTeX) as ``$…$``, any
    other text with a letter by the compiled form's ``table`` (the slow path's own conversion
    of that text); Fallback for a text not in the table or holding a fix inside it."""
    args: list[list[Any]] = []
    for k, v in m["args"]:
        if isinstance(v, dict):
            v = tex_msg(v, swaps, table)
        elif isinstance(v, str):
            if v in swaps:
                v = f"${swaps[v]}$"
            elif any(old in v for old in swaps):
                raise Fallback  # the slow path swaps it inside a sentence
            elif re.search(r"[A-Za-z]", v):
                if v not in table:
                    raise Fallback
                v = table[v]
        args.append([k, v])
    if m["key"] == "round2.axis":  # as check.latex_key: prose, not NumPy's axis=
        given = dict(args)
        key = "checkgaps9.axis_rows" if int(given.get("axis", 0)) == 1 else "checkgaps9.axis_cols"
        return {"key": key, "args": [["x", given.get("x")]]}
    if m["key"] in ("mut.axis_1", "mut.axis_all"):
        return {"key": f"checkgaps9.{m['key'][4:]}", "args": args}
    return {"key": m["key"], "args": args}


def shape_text(shape: Sequence[int]) -> str:
    return f"({', '.join(str(int(s)) for s in shape)})"


# ---- the diagnosis -------------------------------------------------------------------------------

Finding = tuple[str, dict[str, Any], str | None, str | None]  # code, message, fix, factor


class Diagnoser:
    """:func:`derive.checker.diagnose.diagnose` for a formula whose float64 values at the
    diagnosis points (``uvals``) and at other dims (``at_dims()``, None where undefined) are
    known, on the compiled form ``c`` of the network and gradient ``name``; ``sums``: does the
    formula sum (then a sum over the other axis may repair it: the slow path tries)."""

    def __init__(
        self,
        c: dict[str, Any],
        name: str,
        grads_used: set[str],
        sums: bool = True,
        repair: Any = None,
    ) -> None:
        self.c, self.name, self.grads_used, self.sums = c, name, grads_used, sums
        self.repair = repair  # "repair" / "axis" → (kind, message, fix) or None: the user's own
        self.t = c["targets"][name]
        self.d = self.t["diag"]
        if self.d is None:
            raise Fallback
        tol = c["limits"]["tolerance"]
        self.rtol, self.atol, self.tiny = tol["rtol"], tol["atol"], tol["tiny"]
        self.ratio_rtol = tol["ratio_rtol"]
        self.fix = self.t["expected"]
        self.grad = f"∂L/∂{name}"

    def ratio(self, u: Sequence[Grid], t: Sequence[Grid]) -> float | None:
        return ratio(u, t, self.rtol, self.ratio_rtol, self.tiny)

    def diagnose(self, shape: tuple[int, int], uvals: list[Grid], at_dims: Any) -> list[Finding]:
        want = tuple(self.t["shape"])
        truth = self.d["truth"]
        if shape == want and all(t is not None for t in truth):
            c = self.ratio(uvals, truth)
            if c is not None:
                return self.factor(c, self.d["dims"], at_dims, None)
        lib = self.d["library"]
        for m in lib:
            if tuple(m["shape"]) == shape and all(
                close(u, v, self.rtol, self.atol, self.tiny)
                for u, v in zip(uvals, m["values"], strict=True)
            ):
                if m["code"] == "shape-mismatch" or (m["code"] == "bias-not-summed" and self.sums):
                    # repaired on the user's own formula (a transpose, a sum over the other axis)
                    if self.repair is None:
                        raise Fallback
                    if m["code"] == "shape-mismatch":
                        r = self.repair("repair")
                        if r:
                            problem = msg(
                                "diag.transposed",
                                shape=shape_text(shape),
                                grad=self.grad,
                                want=shape_text(tuple(self.t["shape"])),
                            )
                            how = msg("diag.repaired", problem=problem, how=r[1], fix=r[2])
                            return [(m["code"], how, r[2], None)]
                    else:
                        r = self.repair("axis")
                        if r:
                            how = msg("diag.repair", how=r[1], fix=r[2])
                            return [("wrong-sum-axis", how, r[2], None)]
                return [(m["code"], self.with_shapes(m["msg"], shape), self.fix, None)]
        for m in lib:
            if tuple(m["shape"]) == shape:
                c = self.ratio(uvals, m["values"])
                if c is not None:
                    return self.factor(c, m["dims"], at_dims, m)
        raise Fallback  # a wrong layer, a repair, two mistakes or unknown: the slow path

    def with_shapes(self, m: dict[str, Any], shape: tuple[int, int]) -> dict[str, Any]:
        want = tuple(self.t["shape"])
        if shape == want:
            return m
        return msg(
            "diag.with_shapes",
            message=m,
            shape=shape_text(shape),
            grad=self.grad,
            want=shape_text(want),
        )

    def factor(
        self, c: float, ref_dims: list[Grid | None] | None, at_dims: Any, m: dict[str, Any] | None
    ) -> list[Finding]:
        """As :func:`derive.checker.diagnose._factor_diagnoses` (``ref_dims``: the reference's
        values at other dims, None when its shapes do not fit there)."""
        out: list[Finding] = []
        fix = self.fix
        if m is not None:
            out.append((m["code"], m["msg"], fix, None))
            if m["code"] == "weighted-loss-not-simplifiable":
                return out
        if c < 0:
            out.append(("sign", msg("diag.negative", grad=self.grad), fix, None))
            c = -c
            if math.isclose(c, 1, rel_tol=self.rtol):
                return out
        other = None
        if ref_dims is not None:  # the user's formula: its shapes fit (else it was not read)
            u2 = at_dims()
            if all(x is not None for x in [*u2, *ref_dims]):
                other = self.ratio(u2, ref_dims)  # type: ignore[arg-type]
                other = abs(other) if other is not None else None
        factor, why = factor_text(c, self.rtol), None
        for name, v, v2, _, mean in self.c["sizes"]:
            if other is None:
                continue
            for k in (1, -1, 2, -2):
                q, q2 = c / v**k, other / v2**k
                if math.isclose(q, q2, rel_tol=self.ratio_rtol):
                    power = (
                        name
                        if k == 1
                        else f"1/{name}"
                        if k == -1
                        else (f"{name}**2" if k == 2 else f"1/{name}**2")
                    )
                    one = math.isclose(q, 1, rel_tol=self.rtol)
                    factor = power if one else f"{factor_text(q, self.rtol)}*{power}"
                    if k == 1 and factor == name:
                        node = self.name not in self.c["params"]
                        key = "factor.missing_size_node" if node else "factor.missing_size"
                        key = key if mean else "factor.size_in_sum"
                        why = msg(key, name=name, target=self.name)
                    elif k == -1 and factor == power:
                        ups = sorted(self.grads_used)
                        why = msg("factor.extra_size", name=name)
                        if ups and mean:
                            u = ups[0]
                            up = self.c["targets"].get(u)
                            if up is None:
                                raise Fallback
                            why = msg(
                                "factor.extra_size_up", name=name, up=u, formula=up["expected"]
                            )
                    break
            if why or factor != factor_text(c, self.rtol):
                break
        if not why:
            if (
                other is not None
                and not math.isclose(other, c, rel_tol=self.ratio_rtol)
                and factor == factor_text(c, self.rtol)
            ):  # a size is in it but no one power names it: the slow path tries a size
                raise Fallback  # written for another (m/n) before calling it a number
            elif factor == "2":
                why = msg("factor.two")
            elif factor == "1/2":
                why = msg("factor.half")
            else:
                why = msg("factor.times", factor=factor)
        out.append(("scale-factor", msg("factor.off_by", factor=factor, why=why), fix, factor))
        return out
