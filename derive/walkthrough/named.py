"""Repeated pieces of a long displayed formula named once (issue 12, handread26).

A backward step can inline a forward computation many times: δglu through LayerNorm, written from
``F.layer_norm``, holds the centred input ``a + glu − (1/d)(a + glu)𝟙`` a dozen times and its
spread six, some thirty lines of a PDF page. A lecturer names such a piece once — "write 𝒜 for
…" — and writes the formula with the name, as the walkthrough names δ's. Here, for a displayed
right-hand side whose LaTeX is longer than :data:`LONG` characters, a sub-expression made of
forward values only (no gradient in it: the blame stays visible), of :data:`SHORTEST` characters
or more, that occurs :data:`TIMES` times or more is replaced by a calligraphic letter (never a
tensor's name), the best (its length times its repeats) first, at most :data:`MOST` of them, and
the definitions are listed under the formula in the order they read (a name used in another
definition comes first). It is display only and exact by construction: the letter stands for
that very sub-expression (the same tree), so the formula read with the definitions put back is
the proven one, character for character (``tests/test_handread26.py`` puts them back).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any

import sympy as sp

from derive.engine import mform as mf

LONG = 900  # characters of a right-hand side's LaTeX: a display of about ten lines and more
SHORTEST = 40  # characters of a piece worth a name
TIMES = 3  # occurrences of a piece worth a name
MOST = 3  # names in one formula
LETTERS = ("A", "B", "C")


def _children(m: Any) -> Iterator[mf.MExpr]:
    if not is_dataclass(m):
        return
    for f in fields(m):
        v = getattr(m, f.name)
        if isinstance(v, mf.MExpr):
            yield v
        elif isinstance(v, tuple):
            yield from (x for x in v if isinstance(x, mf.MExpr))


def _nodes(m: mf.MExpr) -> Iterator[mf.MExpr]:
    yield m
    for c in _children(m):
        yield from _nodes(c)


def _subs(m: Any, old: mf.MExpr, new: mf.MExpr) -> Any:
    """``m`` with every occurrence of the sub-tree ``old`` replaced by ``new``."""
    if m == old:
        return new
    if not isinstance(m, mf.MExpr) or not is_dataclass(m):
        return m
    changes = {}
    for f in fields(m):
        v = getattr(m, f.name)
        if isinstance(v, mf.MExpr):
            w = _subs(v, old, new)
        elif isinstance(v, tuple) and any(isinstance(x, mf.MExpr) for x in v):
            w = tuple(_subs(x, old, new) for x in v)
        else:
            continue
        if w is not v:
            changes[f.name] = w
    return replace(m, **changes) if changes else m


def _forward_only(m: mf.MExpr) -> bool:
    return not any(isinstance(n, mf.Ref) and n.kind == "grad" for n in _nodes(m))


def _letter(k: int, piece: mf.MExpr) -> mf.Ref | None:
    try:
        rows, cols = (int(s) for s in piece.shape)
    except (TypeError, ValueError):
        return None
    return mf.Ref(
        f"named {k}", "value", sp.ImmutableMatrix(sp.zeros(rows, cols)), f"\\mathcal{{{LETTERS[k]}}}"
    )


def named(rhs: mf.MExpr) -> tuple[mf.MExpr, tuple[tuple[mf.Ref, mf.MExpr], ...]]:
    """``rhs`` with its repeated forward pieces named, and the definitions (name, piece) in
    reading order; ``(rhs, ())`` when it is short or repeats nothing worth a name."""
    defs: list[tuple[mf.Ref, mf.MExpr]] = []
    while len(rhs.tex()) > LONG and len(defs) < MOST:
        counts = Counter(
            n for n in _nodes(rhs) if not isinstance(n, (mf.Ref, mf.Scalar, mf.Ones))
        )
        best = None
        for n, k in counts.items():
            if k < TIMES or not _forward_only(n):
                continue
            tex = n.tex()
            if len(tex) < SHORTEST:
                continue
            score = (len(tex) * (k - 1), tex)
            if best is None or score > best[0]:
                best = (score, n)
        if best is None:
            break
        name = _letter(len(defs), best[1])
        if name is None:
            break
        rhs = _subs(rhs, best[1], name)
        defs = [(r, _subs(m, best[1], name)) for r, m in defs] + [(name, best[1])]
    ordered: list[tuple[mf.Ref, mf.MExpr]] = []
    while defs:  # a definition after the names it uses
        k = next(
            i
            for i, (_, m) in enumerate(defs)
            if not any(r in set(_nodes(m)) for r, _ in defs)
        )
        ordered.append(defs.pop(k))
    return rhs, tuple(ordered)


def put_back(rhs: mf.MExpr, defs: tuple[tuple[mf.Ref, mf.MExpr], ...]) -> mf.MExpr:
    """The formula with its names replaced by what they stand for (the last defined first)."""
    for name, piece in reversed(defs):
        rhs = _subs(rhs, name, piece)
    return rhs
