"""Matrix forms written as a lecturer writes them: ``y``, not ``1 · y``; ``reg · W``, not
``reg/2 · W + reg/2 · W``; ``x``, not ``−(−x)``.

:func:`tidy` rebuilds a matrix form through the engine's folding constructors
(:func:`~derive.engine.mform.mul`, :func:`~derive.engine.mform.add`, …) and collects like terms
of a sum (equal matrix parts, their numeric or symbolic coefficients added). :func:`tidied` is a
derivation whose shown formulas are tidied: each changed equation is proved again with the
engine's checker over the derivation's definitions, so what a reader sees is still a proven
step, and the code is printed from the same tidied forms.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import BackwardVisit, Derivation
from derive.engine.steps import Checker, Step, Term, prove


def tidy(m: Any) -> Any:
    """``m`` with constants folded and like terms collected (the same matrix, entry by entry)."""
    if not isinstance(m, mf.MExpr) or isinstance(m, mf.Ref | mf.Scalar | mf.Ones):
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
        out = mf.mul(changes["a"], changes["b"])
    elif isinstance(m, mf.Neg):
        out = mf.neg(changes["x"])
    elif isinstance(m, mf.Div):
        out = mf.div(changes["a"], changes["b"])
    elif isinstance(m, mf.MatMul):
        out = mf.matmul(changes["a"], changes["b"])
    elif isinstance(m, mf.Add):
        out = _collect(mf.add(*changes["terms"]))
    else:
        out = type(m)(**changes)
    # a fold may only drop a factor that does not broadcast; keep the shape
    return out if out.shape == m.shape else m


def _split(t: mf.MExpr) -> tuple[sp.Expr, tuple[tuple[sp.Symbol, str], ...], mf.MExpr]:
    """``c · core`` as ``(c, c's symbol names, core)``."""
    if isinstance(t, mf.Neg):
        c, names, core = _split(t.x)
        return -c, names, core
    if isinstance(t, mf.Mul) and isinstance(t.a, mf.Scalar) and t.a.shape == (1, 1):
        c, names, core = _split(t.b)
        return t.a.expr * c, t.a.symbol_names + names, core
    return sp.Integer(1), (), t


def _collect(m: mf.MExpr) -> mf.MExpr:
    """A sum with equal matrix parts joined: ``a·W + b·W`` is ``(a + b)·W`` where ``a + b`` is
    one term."""
    if not isinstance(m, mf.Add):
        return m
    groups: list[list[Any]] = []  # [coefficient, names, core]
    for t in m.terms:
        c, names, core = _split(t)
        if isinstance(core, mf.Scalar):
            groups.append([c, names, core])
            continue
        for g in groups:
            # joined only where the coefficients add up to one term (reg/2 + reg/2 = reg);
            # w·Y − Y stays, not (w − 1)·Y
            if g[2] == core and not (g[0] + c).is_Add:
                g[0], g[1] = g[0] + c, g[1] + names
                break
        else:
            groups.append([c, names, core])
    if len(groups) == len(m.terms):
        return m
    terms = []
    for c, names, core in groups:
        if c == 0:
            continue
        terms.append(mf.mul(mf.Scalar(c, tuple(dict.fromkeys(names))), core))
    if not terms:
        return m
    out = mf.add(*terms)
    return out if out.shape == m.shape else m


def _term(m: mf.MExpr) -> Term:
    return Term(m, m.tex(), m.text(), m.shape)


def _again(checker: Checker, s: Step) -> Step:
    """``s`` with its right side tidied and proved again (``s`` itself when nothing changes)."""
    if not isinstance(s.rhs.value, mf.MExpr):
        return s
    rhs = tidy(s.rhs.value)
    if rhs == s.rhs.value:
        return s
    return prove(checker, s.lhs, _term(rhs), s.rule, s.reason, **dict(s.args))


def _visit(checker: Checker, v: BackwardVisit) -> BackwardVisit:
    formula = tidy(v.formula)
    parts = tuple(
        replace(c, formula=tidy(c.formula), step=_again(checker, c.step)) for c in v.contributions
    )
    total = _again(checker, v.total) if v.total is not None else None
    simplified = tuple(_again(checker, s) for s in v.simplified)
    if (
        formula == v.formula
        and total is v.total
        and all(a is b for a, b in zip(simplified, v.simplified, strict=True))
        and all(a.step is b.step for a, b in zip(parts, v.contributions, strict=True))
    ):
        return v
    return replace(v, contributions=parts, total=total, simplified=simplified, formula=formula)


def tidied(d: Derivation) -> Derivation:
    """``d`` with every backward formula tidied and its shown equations proved again; ``d``
    itself when nothing changes."""
    checker = Checker(defs=dict(d.defs))
    backward = tuple(_visit(checker, v) for v in d.backward)
    if all(a is b for a, b in zip(backward, d.backward, strict=True)):
        return d
    return replace(d, backward=backward)
