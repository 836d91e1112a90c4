"""Numerical guards (README, "derive check", "Numerical guards"): a literal number written in a
forward line within 10⁻⁶ of an integer but not one (``1e-7``, ``1 - 1e-7``, ``1e-12``) that
only keeps a log, a square root, a division or a clip away from its edge — Keras'
``K.binary_crossentropy`` (ε = ``K.epsilon()`` = 1e-7 inside its logs), ``np.log(p + 1e-8)``,
``torch.clamp(p, 1e-7, 1 - 1e-7)``, ``np.sqrt(z ** 2 + 1e-12)``. Courses leave such a guard out
of the gradient they teach (``(y_pred - y_true) / batch``), so a formula is right when it equals
the exact gradient or the gradient with every guard at its limit (0, no clip). A named
``[constants]`` value (batch norm's ``eps = 1e-5``) and a larger literal are part of the model,
never guards."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from derive.lang import expr as ex
from derive.lang.spec import NetSpec

GUARD_MAX = Fraction(1, 10**6)
# calls whose argument a guard keeps away from an edge; clamp0 is the lowered form of a clip
# (``hi - clamp0(hi - (lo + clamp0(x - lo)))``)
_EDGE_CALLS = frozenset({"log", "log1p", "log2", "log10", "sqrt", "rsqrt", "clamp0", "maximum", "minimum"})
_CLIPS = frozenset({"clamp0", "maximum", "minimum"})


def _limit(v: Fraction) -> Fraction | None:
    """The integer a guard literal ``v`` stands next to, or None when ``v`` is not a guard."""
    near = round(v)
    return Fraction(near) if 0 < abs(v - near) <= GUARD_MAX else None


def _terms(n: ex.Node) -> list[ex.Node]:
    """The terms of a sum (``a + b - c``), signs kept as ``Neg``."""
    if isinstance(n, ex.BinOp) and n.op in "+-":
        right = _terms(n.right)
        return _terms(n.left) + (right if n.op == "+" else [ex.Neg(t) for t in right])
    return [n]


def _zero(n: ex.Node) -> bool:
    return isinstance(n, ex.Num) and n.value == 0


def _sum(op: str, left: ex.Node, right: ex.Node) -> ex.Node:
    """``left op right`` without a term a guard left at 0 (``p + 0`` is ``p``), so the gradient
    the checker prints reads as the course writes it."""
    if _zero(right):
        return left
    if _zero(left):
        return right if op == "+" else ex.Neg(right)
    return ex.BinOp(op, left, right)


class _Stripper:
    def __init__(self) -> None:
        self.found: list[Fraction] = []

    def walk(self, n: ex.Node, guarded: bool) -> ex.Node:
        if isinstance(n, ex.Num):
            lim = _limit(n.value) if guarded else None
            if lim is None:
                return n
            self.found.append(n.value)
            return ex.Num(lim)
        if isinstance(n, ex.Neg):
            return ex.Neg(self.walk(n.operand, guarded))
        if isinstance(n, ex.BinOp) and n.op in "+-":
            bare_terms = [t.operand if isinstance(t, ex.Neg) else t for t in _terms(n)]
            clip = any(isinstance(t, ex.Call) and t.func in _CLIPS for t in bare_terms)
            inner = guarded or clip

            def term(t: ex.Node) -> ex.Node:
                bare = t.operand if isinstance(t, ex.Neg) else t
                if isinstance(bare, (ex.Num, ex.BinOp)) and (not isinstance(bare, ex.BinOp) or bare.op in "+-"):
                    return self.walk(t, inner)
                return self.walk(t, False)

            return _sum(n.op, term(n.left), term(n.right))
        if isinstance(n, ex.BinOp) and n.op == "/":
            return ex.BinOp("/", self.walk(n.left, False), self.walk(n.right, True))
        if isinstance(n, ex.Pow):
            return ex.Pow(self.walk(n.base, n.exponent < 0 or n.exponent.denominator != 1), n.exponent)
        if isinstance(n, ex.Call):
            on = n.func in _EDGE_CALLS
            return replace(n, args=tuple(self.walk(a, on) for a in n.args))
        return ex.rebuild(n, lambda k: self.walk(k, False))


def guard_free(spec: NetSpec) -> tuple[NetSpec, tuple[Fraction, ...]] | None:
    """``spec`` with every numerical guard at its limit, and the guards' values (smallest
    distance from their integer first); None where the spec has no guard."""
    s = _Stripper()
    forward = tuple((name, s.walk(tree, False)) for name, tree in spec.forward)
    if not s.found:
        return None
    eps = sorted({abs(v - round(v)) for v in s.found})
    return replace(spec, forward=forward), tuple(eps)


def eps_text(eps: Fraction) -> str:
    """A guard's size as written in code (``1e-7``)."""
    f = float(eps)
    mant, _, exp = f"{f:.6g}".partition("e")
    return f"{mant}e{int(exp)}" if exp else mant
