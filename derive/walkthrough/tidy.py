"""Matrix forms written as a lecturer writes them: ``y``, not ``1 · y``; ``reg · W``, not
``reg/2 · W + reg/2 · W``; ``x``, not ``−(−x)``.

:func:`tidy` rebuilds a matrix form through the engine's folding constructors
(:func:`~derive.engine.mform.mul`, :func:`~derive.engine.mform.add`, …) and collects like terms
of a sum (equal matrix parts, their numeric or symbolic coefficients added). :func:`tidied` is a
derivation whose shown formulas are tidied: each changed equation is proved again with the
engine's checker over the derivation's definitions, so what a reader sees is still a proven
step, and the code is printed from the same tidied forms. Also: a mask spelled with two ReLU
slopes (``masked_fill(tril == 0, -1e9)``) written ``−10⁹·1[tril = 0] + 1[tril ≠ 0] ⊙ wei``; an
earlier node's formula inside a later one written as that node (batch norm's ``(Z − M)``, not
``(Z − 1/N 𝟙ᵀZ)``), in the matrix forms and in the hand calculations' entries.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import BackwardVisit, Derivation, ForwardVisit
from derive.engine.steps import Checker, LazyTerm, Printed, Step, Term, prove
from derive.walkthrough.lazy import Lazy


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
    if len(groups) == len(m.terms) and len(terms) == len(m.terms):
        return m
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


def _term(m: mf.MExpr) -> Term:
    return Term(m, m.tex(), m.text(), m.shape)


def _shown(m: Any, forms: list[tuple[mf.MExpr, mf.MExpr]]) -> Any:
    """``m`` tidied, with each earlier node's matrix form written as that node."""
    m = tidy(m)
    for e, ref in forms:
        m = _mreplaced(m, e, ref)
    return m


def _again(checker: Checker, s: Step, forms: list[tuple[mf.MExpr, mf.MExpr]]) -> Step:
    """``s`` with its right side tidied and proved again (``s`` itself when nothing changes)."""
    if not isinstance(s.rhs.value, mf.MExpr):
        return s
    rhs = _shown(s.rhs.value, forms)
    if rhs == s.rhs.value:
        return s
    return prove(checker, s.lhs, _term(rhs), s.rule, s.reason, **dict(s.args))


def _visit(
    checker: Checker,
    v: BackwardVisit,
    forms: list[tuple[mf.MExpr, mf.MExpr]],
    known: dict[Any, Any],
) -> BackwardVisit:
    formula = _shown(v.formula, forms)
    parts = tuple(
        replace(c, formula=_shown(c.formula, forms), step=_again(checker, c.step, forms))
        for c in v.contributions
    )
    total = _again(checker, v.total, forms) if v.total is not None else None
    simplified = tuple(_again(checker, s, forms) for s in v.simplified)
    # each entry is written in the known entries when it is read (a handout shows a few): on a
    # Transformer block's deep entries this rewriting was most of the build (_replaced)
    entries = Lazy(v.entries, lambda s: _named(checker, s, known))
    return replace(
        v,
        contributions=parts,
        total=total,
        simplified=simplified,
        formula=formula,
        entries=entries,
    )


def _replaced(x: sp.Basic, e: sp.Expr, sym: sp.Symbol) -> sp.Basic:
    """``x`` with ``e`` written as ``sym``: where it is a sub-expression, or the factors of a
    product ``e`` among a product's factors (``−Σ/N`` holds ``Σ/N``)."""
    if x == e:
        return sym
    if not x.args:
        return x
    args = [_replaced(a, e, sym) for a in x.args]
    if isinstance(e, sp.Mul) and isinstance(x, sp.Mul):
        rest = list(args)
        if all(a in rest for a in e.args):
            for a in e.args:
                rest.remove(a)
            return sp.Mul(*rest, sym)
    return x.func(*args) if args != list(x.args) else x


def _mreplaced(m: Any, e: mf.MExpr, ref: mf.MExpr) -> Any:
    """The matrix form ``m`` with each sub-expression equal to ``e`` written as ``ref``."""
    if m == e and m.shape == ref.shape:
        return ref
    if not isinstance(m, mf.MExpr) or isinstance(m, mf.Ref | mf.Scalar | mf.Ones):
        return m
    changes: dict[str, Any] = {}
    for key, value in vars(m).items():
        if isinstance(value, tuple):
            changes[key] = tuple(
                (v[0], _mreplaced(v[1], e, ref)) if isinstance(v, tuple) else _mreplaced(v, e, ref)
                for v in value
            )
        else:
            changes[key] = _mreplaced(value, e, ref)
    return type(m)(**changes) if changes != vars(m) else m


def _named(checker: Checker, s: Step, known: dict[Any, Any]) -> Step:
    """The entry ``s`` with every sub-expression that is an earlier node's entry written as
    that entry (``V₁ = ((Z₁₁ − M₁)² + …)/N``, not ``M₁``'s sum again inside each square),
    proved again; ``s`` itself when none is."""
    value = s.rhs.value
    if not known or not isinstance(value, sp.Basic):
        return s
    new, have = value, value.free_symbols
    for e, (sym, needs) in known.items():
        if needs <= have:  # (each free-symbol set computed once: a transformer block's entries
            changed = _replaced(new, e, sym)  # are large and its known entries many)
            if changed is not new:
                new, have = changed, changed.free_symbols
    if new == value:
        return s
    tex, text = (getattr(s.rhs, k, None) for k in ("_tex", "_text"))
    if isinstance(tex, Printed) and isinstance(text, Printed):
        rhs: Term = LazyTerm(new, replace(tex, expr=new), replace(text, expr=new), s.rhs.shape)
    else:
        rhs = Term(new, s.rhs.tex, s.rhs.text, s.rhs.shape)  # shown by its numbers only
    return prove(checker, s.lhs, rhs, s.rule, s.reason, **dict(s.args))


def _forward(checker: Checker, d: Derivation) -> tuple[tuple[ForwardVisit, ...], Any, Any]:
    """The forward visits with each formula and hand calculation written in the nodes and
    entries already computed (see :func:`_named`); and those nodes' matrix forms and entries'
    definitions, for the backward pass."""
    known: dict[Any, Any] = {}
    forms: list[tuple[mf.MExpr, mf.MExpr]] = []  # (an earlier node's matrix form, its Ref)
    out = []
    g = d.graph
    for f in d.forward:
        entries = tuple(_named(checker, s, known) for s in f.entries)
        step = f.step
        if isinstance(step.rhs.value, mf.MExpr):
            rhs = tidy(step.rhs.value)
            for e, ref in forms:
                rhs = _mreplaced(rhs, e, ref)
            if rhs != step.rhs.value:
                args = dict(step.args)
                step = prove(checker, step.lhs, _term(rhs), step.rule, step.reason, **args)
            if not isinstance(f.step.rhs.value, mf.Ref | mf.Scalar):
                forms.append((f.step.rhs.value, g.tensors[f.name].value_ref(g.loss_tex)))
        same = step is f.step and all(a is b for a, b in zip(entries, f.entries, strict=True))
        out.append(f if same else replace(f, step=step, entries=entries))
        for sym in d.graph.tensors[f.name].symbols:
            e = d.defs.get(sym)
            if isinstance(e, sp.Expr) and (e.is_Add or e.is_Mul) and len(e.free_symbols) > 2:
                known[e] = (sym, e.free_symbols)
    return tuple(out), forms, known


def tidied(d: Derivation) -> Derivation:
    """``d`` with every backward formula tidied and its shown equations proved again, and its
    hand calculations written in the entries already computed (a backward entry when it is
    first read: :class:`~derive.walkthrough.lazy.Lazy`)."""
    checker = Checker(defs=dict(d.defs))
    forward, forms, known = _forward(checker, d)
    backward = tuple(_visit(checker, v, forms, known) for v in d.backward)
    return replace(d, forward=forward, backward=backward)
