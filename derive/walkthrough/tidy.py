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
from derive.engine.collect import _collect, _flat, _masks, _power_of_ten, _split, tidy  # noqa: F401
from derive.engine.steps import Checker, LazyTerm, Printed, Step, Term, prove
from derive.lang import ops
from derive.walkthrough.lazy import Lazy


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
    if not isinstance(value, sp.Basic):
        return s
    new, have = _tie_masked(_sign_absorbed(value)), value.free_symbols
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


def _sign_absorbed(x: sp.Basic) -> sp.Basic:
    """``x`` with each product ``z · sign(z)`` written ``|z|`` and, where that was done, each sum
    holding such a ``|z|`` joined into one fraction when that is shorter (softsign's slope
    ``1/(1 + |z|) − |z|/(1 + |z|)²`` is ``1/(1 + |z|)²``); ``x`` itself when it has no such
    product. The same value: the entry is proved again."""
    if not x.has(sp.sign):
        return x

    def absorbed(m: sp.Basic) -> sp.Basic:
        signs = [f for f in m.args if isinstance(f, sp.sign) and f.args[0] in m.args]
        if not signs:
            return m
        rest = list(m.args)
        for f in signs:
            rest.remove(f)
            rest[rest.index(f.args[0])] = sp.Abs(f.args[0])
        return sp.Mul(*rest)

    new = x.replace(lambda m: isinstance(m, sp.Mul), absorbed)
    if new == x:
        return x

    def joined(a: sp.Basic) -> sp.Basic:
        one = sp.together(a)
        return one if sp.count_ops(one) < sp.count_ops(a) else a

    return new.replace(lambda a: isinstance(a, sp.Add) and a.has(sp.Abs), joined)


def _tie_masked(x: sp.Basic) -> sp.Basic:
    """``x`` with each pair of terms ``c·t ± c·t·sign(a − b)`` of a sum (a maximum's or
    minimum's blame, ``(a + b)/2 ± |a − b|/2``) written ``c·t·(1[±(a − b) ≥ 0] + 1[±(a − b) > 0])``:
    the same value for every real ``a − b`` (sign is 0 at a tie, where each side gets half, as
    in PyTorch); ``x`` itself when it has none. The entry is proved again."""
    if not x.has(sp.sign):
        return x

    def masked(e: sp.Basic) -> sp.Basic:
        terms = list(e.args)
        for i, u in enumerate(terms):
            signs = [f for f in sp.Mul.make_args(u) if isinstance(f, sp.sign)] if u else []
            if len(signs) != 1:
                continue
            rest = u / signs[0]
            for j, t in enumerate(terms):
                if j == i or t is None or t not in (rest, -rest):
                    continue
                z = signs[0].args[0] if t == rest else -signs[0].args[0]
                mask = sp.Add(ops.clamp0_grad(z), ops.relu_grad(z))  # 1[z ≥ 0] + 1[z > 0]
                terms[i], terms[j] = sp.Mul(t, mask, evaluate=False), None
                break
        kept = [t for t in terms if t is not None]
        if len(kept) == len(e.args):
            return e
        return kept[0] if len(kept) == 1 else sp.Add(*kept, evaluate=False)

    return x.replace(lambda e: isinstance(e, sp.Add) and e.has(sp.sign), masked)


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
