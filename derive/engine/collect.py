"""Matrix forms written as a lecturer writes them: ``y``, not ``1 · y``; ``reg · W``, not
``reg/2 · W + reg/2 · W``; ``x``, not ``−(−x)``.

:func:`tidy` rebuilds a matrix form through the engine's folding constructors
(:func:`~derive.engine.mform.mul`, :func:`~derive.engine.mform.add`, …) and collects like terms
of a sum (equal matrix parts, their numeric or symbolic coefficients added): the same matrix,
entry by entry. The walkthroughs (:mod:`derive.walkthrough.tidy` proves each changed equation
again) and the checker's "correct:" line (:meth:`derive.checker.checknet.Target.shown`, which
checks it at exact points) print it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sympy as sp

from derive.engine import mform as mf


def _power_of_ten(m: mf.Scalar) -> mf.Scalar:
    """``-1000000000`` (a mask's fill value) as ``-10^9``: the same number, written as a power."""
    e = m.expr
    if not (isinstance(e, sp.Integer) and abs(e) >= 10**6):
        return m
    k = len(str(abs(int(e)))) - 1
    if abs(int(e)) != 10**k:
        return m
    power = sp.Pow(10, k, evaluate=False)
    return replace(m, expr=power if e > 0 else sp.Mul(-1, power, evaluate=False))


def tidy(m: Any) -> Any:
    """``m`` with constants folded and like terms collected (the same matrix, entry by entry)."""
    if isinstance(m, mf.Scalar):
        return _power_of_ten(m)
    if not isinstance(m, mf.MExpr) or isinstance(m, mf.Ref | mf.Ones):
        return m
    changes: dict[str, Any] = {}
    for key, value in vars(m).items():
        if isinstance(value, tuple):
            changes[key] = tuple(
                (v[0], tidy(v[1])) if isinstance(v, tuple) else tidy(v) for v in value
            )
        else:
            changes[key] = tidy(value)
    if isinstance(m, mf.Mul):
        out = _ones_times(changes["a"], changes["b"]) or mf.mul(changes["a"], changes["b"])
    elif isinstance(m, mf.Neg):
        out = mf.neg(changes["x"])
    elif isinstance(m, mf.Div):
        out = mf.div(changes["a"], changes["b"])
    elif isinstance(m, mf.MatMul):
        out = mf.matmul(changes["a"], changes["b"])
    elif isinstance(m, mf.Add):
        out = _collect(mf.add(*changes["terms"]))
        out = _one_fraction(out) or out
        out = _larger_side(out) or out
        if isinstance(out, mf.Mul) and isinstance(out.a, mf.Scalar) and (
            inner := _larger_side(out.b)
        ) is not None:  # (1/n)(½𝟙 + ½ sign(s − t)): the common factor taken out first
            out = mf.mul(out.a, inner)
    elif isinstance(m, mf.SumCols) and (rows := _softmax_row_sums(changes["x"])) is not None:
        out = rows  # (c softmax(X)) 𝟙 = c 𝟙
    elif (
        isinstance(m, mf.Func) and m.name == "exp" and isinstance(changes["x"], mf.Call)
        and changes["x"].name == "log_softmax" and _along_rows(changes["x"])
    ):
        out = replace(changes["x"], name="softmax")  # exp(log softmax(X)) = softmax(X)
    elif isinstance(m, mf.T) and _scalar_over(changes["x"]):
        # (1/(A 𝟙)ᵀ)ᵀ: a number over a transposed column, transposed back, is 1/(A 𝟙)
        out = mf.div(changes["x"].a, changes["x"].b.x)
    else:
        out = type(m)(**changes)
    # a fold may only drop a factor that does not broadcast; keep the shape
    return out if out.shape == m.shape else m


def _scalar_over(x: Any) -> bool:
    """Is ``x`` a 1 × 1 number divided by a transpose, ``c / Aᵀ``?"""
    return (
        isinstance(x, mf.Div) and isinstance(x.a, mf.Scalar) and x.a.shape == (1, 1)
        and isinstance(x.b, mf.T)
    )


def _ones_times(a: Any, b: Any) -> Any:
    """``c 𝟙 ⊙ X`` (a row or column of ones, perhaps transposed or negated, broadcast over ``X``)
    as ``c X``: the mean of a NumPy row sum's ``(−(1/n) 𝟙)ᵀ ⊙ y`` is ``−(1/n) y``; else None."""
    for ones, x in ((a, b), (b, a)):
        coef = _ones_coefficient(ones)
        if coef is not None and isinstance(x, mf.MExpr) and mf.mul(ones, x).shape == x.shape:
            return x if coef == 1 else mf.neg(x) if coef == -1 else mf.mul(coef, x)
    return None


def _ones_coefficient(m: Any) -> Any:
    """1, −1 or the 1 × 1 scalar ``c`` of ``m`` = ``c 𝟙`` (through transposes and minus signs);
    None when ``m`` is not a multiple of ones."""
    if isinstance(m, mf.Ones):
        return 1
    if isinstance(m, mf.T):
        return _ones_coefficient(m.x)
    if isinstance(m, mf.Neg):
        c = _ones_coefficient(m.x)
        return None if c is None else -c if isinstance(c, int) else mf.neg(c)
    if isinstance(m, mf.Mul) and m.a.shape == (1, 1):
        # c 𝟙 with c a number or any 1 × 1 factor (distillation's (1/n) T² δ 𝟙)
        c = _ones_coefficient(m.b)
        if c is None:
            return None
        return m.a if c == 1 else mf.neg(m.a) if c == -1 else mf.mul(m.a, c)
    return None


def _softmax_row_sums(x: Any) -> Any:
    """``(c softmax(X)) 𝟙`` as ``c 𝟙``: each row of a row-wise softmax sums to 1 (``c`` a 1 × 1
    factor, perhaps negated); None for anything else."""
    coef: Any = 1
    while True:
        if isinstance(x, mf.Neg):
            coef, x = (-coef if isinstance(coef, int) else mf.neg(coef)), x.x
        elif isinstance(x, mf.Mul) and x.a.shape == (1, 1) and x.b.shape != (1, 1):
            coef, x = (x.a if coef == 1 else mf.neg(x.a) if coef == -1 else mf.mul(coef, x.a)), x.b
        else:
            break
    if not (isinstance(x, mf.Call) and x.name == "softmax" and _along_rows(x)):
        return None
    ones = mf.Ones((x.shape[0], 1))
    return ones if coef == 1 else mf.neg(ones) if coef == -1 else mf.mul(coef, ones)


def _along_rows(call: mf.Call) -> bool:
    """Is a softmax/log-softmax call taken along each row (the default, ``axis=1`` or ``-1``)?"""
    axis = call.kw("axis")
    return axis is None or int(axis.expr) in (1, -1)  # type: ignore[attr-defined]


def _split(t: mf.MExpr) -> tuple[sp.Expr, tuple[tuple[sp.Symbol, str], ...], mf.MExpr]:
    """``c · core`` as ``(c, c's symbol names, core)``."""
    if isinstance(t, mf.Neg):
        c, names, core = _split(t.x)
        return -c, names, core
    if isinstance(t, mf.Mul) and isinstance(t.a, mf.Scalar) and t.a.shape == (1, 1):
        c, names, core = _split(t.b)
        return t.a.expr * c, t.a.symbol_names + names, core
    return sp.Integer(1), (), t


_NEGATED = {">": "<=", ">=": "<", "<": ">=", "<=": ">", "!=": "==", "==": "!="}


def _flat(terms: tuple[mf.MExpr, ...]) -> list[mf.MExpr]:
    """The terms of a sum with a negated sum opened: ``1 − (1 − a − b)`` is ``1 − 1 + a + b``."""
    out: list[mf.MExpr] = []
    for t in terms:
        if isinstance(t, mf.Neg) and isinstance(t.x, mf.Add):
            out += [mf.neg(u) for u in t.x.terms]
        elif isinstance(t, mf.Add):
            out += _flat(t.terms)
        else:
            out.append(t)
    return out


def _masks(groups: list[list[Any]]) -> list[list[Any]]:
    """``c·1[x > 0] + c·1[−x > 0]`` (a mask ``x == 0`` spelled with two ReLU slopes) as
    ``c·1[x ≠ 0]``, and ``1 − 1[x ≠ 0]`` as ``1[x = 0]``."""

    def slope(core: Any) -> tuple[Any, bool] | None:
        if isinstance(core, mf.Func) and core.name == "relu_grad" and core.slope is None:
            x = core.x
            return (x.x, True) if isinstance(x, mf.Neg) else (x, False)
        return None

    out: list[list[Any]] = []
    used: set[int] = set()
    for i, g in enumerate(groups):
        if i in used:
            continue
        s = slope(g[2])
        for j in range(i + 1, len(groups)) if s is not None else ():
            t = slope(groups[j][2])
            if j not in used and t == (s[0], not s[1]) and groups[j][0] == g[0]:
                used.add(j)
                g = [g[0], g[1] + groups[j][1], mf.Indicator("!=", *mf.compared_sides(s[0]))]
                break
        out.append(g)
    ones = [g for g in out if isinstance(g[2], mf.Scalar) and g[0] * g[2].expr == 1]
    marks = [g for g in out if isinstance(g[2], mf.Indicator) and g[0] == -1]
    if len(out) == 2 and ones and marks and marks[0][2].op in _NEGATED:
        ind = marks[0][2]
        return [[sp.Integer(1), marks[0][1], replace(ind, op=_NEGATED[ind.op])]]
    return out


def _collect(m: mf.MExpr) -> mf.MExpr:
    """A sum with equal matrix parts joined: ``a·W + b·W`` is ``(a + b)·W`` where ``a + b`` is
    one term; its numbers added; a mask spelled with ReLU slopes written as a mask."""
    if not isinstance(m, mf.Add):
        return m
    groups: list[list[Any]] = []  # [coefficient, names, core]
    number: list[Any] = []  # the numbers' group, at the place of the first number
    terms = _flat(m.terms)
    for t in terms:
        c, names, core = _split(t)
        if isinstance(core, mf.Scalar) and core.shape == (1, 1):
            if not number:
                number = [sp.Integer(1), (), mf.Scalar(sp.Integer(0))]
                groups.append(number)
            number[1] += names + core.symbol_names
            number[2] = mf.Scalar(number[2].expr + c * core.expr, number[1])
            continue
        for g in groups:
            # joined only where the coefficients add up to one term (reg/2 + reg/2 = reg);
            # w·Y − Y stays, not (w − 1)·Y
            if g[2] == core and not (g[0] + c).is_Add:
                g[0], g[1] = g[0] + c, g[1] + names
                break
        else:
            groups.append([c, names, core])
    groups = _masks(groups)
    common = _common_factor(groups)
    if common is not None:  # (1/n)·exp(η) − (1/n)·y → (1/n)·(exp(η) − y)
        f, names = common
        inner = _collect(mf.add(*(
            mf.mul(mf.Scalar(c / f, tuple(dict.fromkeys(n))), core) for c, n, core in groups
        )))
        out = mf.mul(mf.Scalar(f, tuple(dict.fromkeys(names))), inner)
        return out if out.shape == m.shape else m
    if len(groups) == len(m.terms) and len(terms) == len(m.terms) and all(g[0] != 0 for g in groups):
        return m  # nothing joined, and no term 0 · X to leave out (a where's mask rows)
    out_terms = []
    for c, names, core in groups:
        if c == 0 or (isinstance(core, mf.Scalar) and core.expr == 0):
            continue
        if isinstance(core, mf.Scalar):
            core = mf.Scalar(core.expr, tuple(dict.fromkeys(core.symbol_names)))
        out_terms.append(mf.mul(mf.Scalar(c, tuple(dict.fromkeys(names))), core))
    if not out_terms:
        return m
    out = mf.add(*out_terms)
    return out if out.shape == m.shape else m


def _common_factor(groups: list[list[Any]]) -> tuple[sp.Expr, tuple] | None:
    """``(f, f's symbol names)`` where every term's coefficient is ``f`` times a number and ``f``
    holds a size or constant (``1/n``, ``λ/m``): the factor a lecturer takes out of the sum;
    None where a term is a number, the coefficients differ otherwise, or there is one term."""
    if len(groups) < 2 or any(isinstance(core, mf.Scalar) for _, _, core in groups):
        return None
    c0 = groups[0][0]
    num, f = c0.as_coeff_Mul()
    if not f.free_symbols or f.is_Add:
        return None
    for c, _, _ in groups:
        k = sp.simplify(c / f)
        if not k.is_Rational or k == 0:
            return None
    names = tuple(nm for _, n, _ in groups for nm in n if nm[0] in f.free_symbols)
    return f, names


def _over(t: Any) -> tuple[int, list[Any], Any, int] | None:
    """``(sign, numerator's factors, denominator's base, its power)`` of a quotient ``± a ⊙ …
    / Bⁿ`` (Hadamard factors beside the quotient counted in the numerator), each ``z ⊙ sign(z)``
    among the factors written ``|z|``; None when ``t`` is no quotient."""
    sign = 1
    while isinstance(t, mf.Neg):
        sign, t = -sign, t.x
    factors = _hadamard_factors(t)
    quotients = [f for f in factors if isinstance(f, mf.Div)]
    if len(quotients) != 1:
        return None
    q = quotients[0]
    top = [f for f in factors if f is not q] + _hadamard_factors(q.a)
    if any(isinstance(f, mf.Scalar | mf.Div) for f in top):
        return None
    base, n = (q.b.x, q.b.n) if isinstance(q.b, mf.Pow) and isinstance(q.b.n, int) else (q.b, 1)
    for f in list(top):  # z ⊙ sign(z) = |z|
        if isinstance(f, mf.Func) and f.name == "sign" and f.x in top:
            top.remove(f)
            top[top.index(f.x)] = mf.Func("abs", f.x)
    return sign, top, base, n


def _hadamard_factors(t: Any) -> list[Any]:
    if isinstance(t, mf.Mul) and t._hadamard():
        return _hadamard_factors(t.a) + _hadamard_factors(t.b)
    return [t]


def _one_fraction(m: Any) -> Any:
    """``a / (k + c) − a ⊙ c / (k + c)²`` (the quotient rule's two shares, softsign's slope
    ``δ/(1 + |h|) − δ ⊙ h ⊙ sign(h)/(1 + |h|)²``) as one fraction ``k a / (k + c)²``, ``k`` a
    number: the same matrix, entry by entry (``a (k + c) − a c = k a``); None for anything
    else."""
    if not (isinstance(m, mf.Add) and len(m.terms) == 2):
        return None
    parts = [_over(t) for t in m.terms]
    if any(p is None for p in parts):
        return None
    (s1, f1, b1, n1), (s2, f2, b2, n2) = sorted(parts, key=lambda p: p[3])  # type: ignore[misc]
    if not (s1 == 1 and s2 == -1 and n1 == 1 and n2 == 2 and b1 == b2):
        return None
    if not (isinstance(b1, mf.Add) and len(b1.terms) == 2):
        return None
    k, c = b1.terms
    if isinstance(c, mf.Scalar):
        k, c = c, k
    if not (isinstance(k, mf.Scalar) and k.expr.is_number and k.expr != 0) or c not in f2:
        return None
    rest = list(f2)
    rest.remove(c)
    if len(rest) != len(f1) or any(rest.count(f) != f1.count(f) for f in f1):
        return None
    top = f1[0]
    for f in f1[1:]:
        top = mf.mul(top, f)
    out = mf.div(mf.mul(k, top), mf.power(b1, 2))
    return out if out.shape == m.shape else None


def _sides(d: Any) -> tuple[Any, Any]:
    """``(a, b)`` of a difference ``d = a − b``: the terms added and the terms subtracted
    (``X Wa + ba − X Wb − bb`` is ``X Wa + ba`` against ``X Wb + bb``); ``(d, 0)`` else."""
    if isinstance(d, mf.Add) and not isinstance(d.terms[-1], mf.Scalar):
        plus = [t for t in d.terms if not isinstance(t, mf.Neg)]
        minus = [t.x for t in d.terms if isinstance(t, mf.Neg)]
        if plus and minus:
            a = plus[0] if len(plus) == 1 else mf.add(*plus)
            b = minus[0] if len(minus) == 1 else mf.add(*minus)
            if a.shape == d.shape and b.shape == d.shape:
                return a, b
    return mf.compared_sides(d)


def _scaled_factors(t: Any) -> tuple[sp.Expr, tuple, list[Any]]:
    """``c ⊙ F₁ ⊙ F₂ …`` (products entry by entry or by a 1 × 1 factor, perhaps negated) as
    ``(c, c's symbol names, [F₁, F₂, …])``, every number taken out (``(½G) ⊙ sign(d)`` is
    ``½ · G ⊙ sign(d)``)."""
    c, names, core = _split(t)
    factors: list[Any] = []
    todo = [core]
    while todo:
        f = todo.pop(0)
        if isinstance(f, mf.Neg):
            c, f = -c, f.x
        if isinstance(f, mf.Mul):
            todo[:0] = [f.a, f.b]
        elif isinstance(f, mf.Scalar) and f.shape == (1, 1):
            c, names = c * f.expr, names + f.symbol_names
        else:
            factors.append(f)
    return c, names, factors


def _same_factors(a: list[Any], b: list[Any]) -> bool:
    return len(a) == len(b) and all(a.count(f) == b.count(f) for f in a)


def _half_sign(p: Any, q: Any) -> Any:
    """``c·G ⊙ ½(1[a ≥ b] + 1[a > b])`` for ``p + q`` = ``½c·G ± ½c·G ⊙ sign(a − b)`` (the
    blame of a maximum ``(a + b)/2 + |a − b|/2``, or ``1[a < b]`` with the minus: a minimum's),
    the same matrix entry by entry (sign is 0 at a tie, where each side gets half); else None."""
    (c1, n1, rest), (c2, n2, factors) = _scaled_factors(p), _scaled_factors(q)
    signs = [f for f in factors if isinstance(f, mf.Func) and f.name == "sign"]
    if len(signs) != 1 or not (c1 == c2 or c1 == -c2) or c1 == 0:
        return None
    # a row or column of ones in the first term only broadcasts what the mask broadcasts too
    # (the 1 × 1 blame of a mean over both: δ 𝟙ᵀ beside δ ⊙ sign(a − b)); the shape is checked
    rest = [f for f in rest if _ones_coefficient(f) != 1]
    if not _same_factors([f for f in factors if f is not signs[0]], rest):
        return None
    a, b = _sides(signs[0].x)
    # ½(1[a ≥ b] + 1[a > b]): 1 where a > b, ½ at a tie, 0 below — as derive check reads it
    # (its LaTeX grammar has no 1[a = b])
    ge, gt = (">=", ">") if c1 == c2 else ("<=", "<")
    both = mf.add(mf.Indicator(ge, a, b), mf.Indicator(gt, a, b))
    mask = mf.mul(mf.Scalar(sp.Rational(1, 2)), both)
    out = mask  # ½𝟙 ± ½ sign(a − b) alone: the mask itself
    for f in reversed(rest):
        out = mf.mul(f, out)
    if 2 * c1 != 1:
        out = mf.mul(mf.Scalar(2 * c1, tuple(dict.fromkeys(n1 + n2))), out)
    return out


def _larger_side(m: Any) -> Any:
    """A sum of two terms ``½G ± ½G ⊙ sign(a − b)`` (perhaps each inside a matrix product by
    the same factor, ``Xᵀ(½G) + Xᵀ(½G ⊙ sign(a − b))``) written with the mask of the side that
    is larger, :func:`_half_sign`: the same matrix, entry by entry; None for anything else."""
    if not (isinstance(m, mf.Add) and len(m.terms) == 2):
        return None
    p, q = m.terms
    if isinstance(p, mf.SumRows | mf.SumCols) and type(p) is type(q):  # 𝟙ᵀ(½G) + 𝟙ᵀ(…)
        inner = _half_sign(p.x, q.x) or _half_sign(q.x, p.x)
        out = type(p)(inner) if inner is not None else None
    elif isinstance(p, mf.MatMul) and isinstance(q, mf.MatMul):
        if p.a == q.a and (inner := _half_sign(p.b, q.b) or _half_sign(q.b, p.b)) is not None:
            out = mf.matmul(p.a, inner)
        elif p.b == q.b and (inner := _half_sign(p.a, q.a) or _half_sign(q.a, p.a)) is not None:
            out = mf.matmul(inner, p.b)
        else:
            return None
    else:
        out = _half_sign(p, q) or _half_sign(q, p)
    return out if out is not None and out.shape == m.shape else None
