"""Repairing the user's own formula: one or two transposes or operand swaps that make it equal
to the gradient (at :data:`~derive.checker.checknet.DIAG_POINTS` exact random points), so a diagnosis can
show the corrected formula in the user's own terms. The search is bounded by a *count*: at most
:data:`MAX_CANDIDATES` candidate formulas are evaluated (so a verdict never depends on the
machine's speed); two-edit repairs are tried only for formulas with at most
:data:`MAX_PAIR_EDITS` single edits.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from derive.checker.checknet import DIAG_POINTS, Net, Target
from derive.checker.evaluate import System, evaluate, same
from derive.checker.formtree import (
    positions,
    rebuild,
    replace_at,
    subtrees,
    tree_text,
    written_positions,
)
from derive.checker.formula import Convert, ShapeError
from derive.checker.verdict import FormulaError, Msg, msg
from derive.engine import mform as mf
from derive.lang import expr as ex

MAX_CANDIDATES = 200  # the repair search evaluates at most this many candidate formulas
MAX_PAIR_EDITS = 16  # two-edit repairs only for formulas with at most this many edits


def _edits(tree: ex.Node) -> Iterator[tuple[str, Msg, ex.Node]]:
    """Single repairs, most natural first: swaps, transposes added/dropped, the whole (never
    inside a block of ones' size template: the student wrote no tensor there)."""
    nodes = list(written_positions(tree))
    for path, n in nodes:
        if isinstance(n, ex.BinOp) and n.op in ("@", "·"):
            yield (
                "swap",
                msg("repair.swap", x=tree_text(n)),
                replace_at(tree, path, ex.BinOp(n.op, n.right, n.left)),
            )
    for path, n in nodes:
        if isinstance(n, ex.Transpose):
            yield (
                "remove-T",
                msg("repair.drop_transpose", x=tree_text(n.operand, 5)),
                replace_at(tree, path, n.operand),
            )
        elif isinstance(n, ex.Name | ex.Call) or isinstance(n, ex.BinOp) and n.op in "@·":
            yield (
                "add-T",
                msg("repair.transpose", x=tree_text(n, 5)),
                replace_at(tree, path, ex.Transpose(n)),
            )
    yield "transpose-result", msg("repair.transpose_result"), ex.Transpose(tree)
    yield from _axis_edits(tree)


def _axis_edits(tree: ex.Node) -> Iterator[tuple[str, Msg, ex.Node]]:
    """``sum``/``mean`` over the other axis (``axis=0`` ↔ ``axis=1``)."""
    for path, n in positions(tree):
        if isinstance(n, ex.Call) and n.func in ("sum", "mean"):
            axis = n.kwarg("axis")
            if isinstance(axis, ex.Num) and axis.value in (0, 1):
                other = ex.Num(1 - axis.value)
                kwargs = tuple((k, other if k == "axis" else v) for k, v in n.kwargs)
                flipped = ex.Call(n.func, n.args, kwargs)
                yield (
                    "axis",
                    msg("round2.axis", x=tree_text(n, 5), axis=int(other.value)),
                    replace_at(tree, path, flipped),
                )


def axis_repair(
    net: Net, target: Target, tree: ex.Node, allow_upstream: bool
) -> tuple[str, Msg, str] | None:
    """A sum over the wrong axis in the user's formula: the flip that makes it right."""
    for kind, desc, t in _axis_edits(tree):
        try:
            e, _ = Convert(net, "", allow_upstream)(t)
        except (ShapeError, FormulaError):
            continue
        if e.shape == target.shape and all(
            same(evaluate(e, System(net.rand, k)), target.truth(k)) for k in range(DIAG_POINTS)
        ):
            return kind, desc, tree_text(_tidy(t, scalar_names(net)))
    return None


def _scalar(n: ex.Node, scalars: frozenset[str]) -> bool:
    if isinstance(n, ex.Num):
        return True
    if isinstance(n, ex.Name):
        return n.id in scalars
    if isinstance(n, ex.Neg):
        return _scalar(n.operand, scalars)
    if isinstance(n, ex.BinOp) and n.op in ("+", "-", "*", "/"):
        return _scalar(n.left, scalars) and _scalar(n.right, scalars)
    return False


def _tidy(n: ex.Node, scalars: frozenset[str] = frozenset()) -> ex.Node:
    """Push transposes inward for display: ``(B.T @ A).T`` → ``A.T @ B``, ``(c * D.T).T`` →
    ``c * D`` (``scalars``: the names of sizes, constants and other scalars)."""
    kids = subtrees(n)
    if kids:
        n = rebuild(n, tuple(_tidy(k, scalars) for k in kids))
    if not isinstance(n, ex.Transpose):
        return n
    x = n.operand
    if isinstance(x, ex.Transpose):
        return x.operand
    if _scalar(x, scalars):
        return x
    if isinstance(x, ex.BinOp) and x.op in ("@", "·"):
        return ex.BinOp(
            x.op, _tidy(ex.Transpose(x.right), scalars), _tidy(ex.Transpose(x.left), scalars)
        )
    if isinstance(x, ex.Neg):
        return ex.Neg(_tidy(ex.Transpose(x.operand), scalars))
    if (
        isinstance(x, ex.BinOp)
        and x.op in ("+", "-", "*", "/")
        and any(isinstance(k, ex.Transpose) or _scalar(k, scalars) for k in (x.left, x.right))
    ):  # element-wise (NumPy broadcasting transposes with its operands): (2 * D.T).T → 2 * D
        return ex.BinOp(
            x.op, _tidy(ex.Transpose(x.left), scalars), _tidy(ex.Transpose(x.right), scalars)
        )
    return n


def scalar_names(net: Net) -> frozenset[str]:
    return frozenset(k for k, shape in net.spec.shapes.items() if shape == ())


def at_other_sizes(net: Net, target: Target, e: mf.MExpr) -> bool:
    """``e`` is also the gradient where every size differs (where that can be tried): a repair
    right only because a size is 1 or two sizes are equal here is no repair."""
    for p in net.resized or ():
        if net.spec.gkey(target.name) not in p.float_env:
            return True
        try:
            with np.errstate(all="ignore"):
                mine = np.atleast_2d(np.asarray(mf.Evaluator(System(None, 0, p)).run(e), float))
        except (KeyError, ValueError, ZeroDivisionError, OverflowError, ArithmeticError):
            return False
        if not p.agrees(target.name, mine):
            return False
    return True


def repair(
    net: Net, target: Target, tree: ex.Node, allow_upstream: bool
) -> tuple[str, Msg, str] | None:
    """One or two transposes/swaps on the user's formula that make it right:
    ``(kind, description, fixed formula)``."""
    seen: set[ex.Node] = set()

    def right(t: ex.Node) -> bool:
        if t in seen:
            return False
        seen.add(t)
        try:
            e, _ = Convert(net, "", allow_upstream)(t)
        except (ShapeError, FormulaError):
            return False
        if e.shape != target.shape:
            return False
        return all(
            same(evaluate(e, System(net.rand, k)), target.truth(k)) for k in range(DIAG_POINTS)
        ) and at_other_sizes(net, target, e)

    def shown(t: ex.Node) -> str:  # the tidied text only where it is itself right
        tidy = _tidy(t, scalar_names(net))
        return tree_text(tidy if tidy == t or right(tidy) else t)

    first = list(_edits(tree))
    for kind, desc, t in first:
        if len(seen) >= MAX_CANDIDATES:
            return None
        if right(t):
            return kind, desc, shown(t)
    if len(first) > MAX_PAIR_EDITS:  # pairs grow quadratically: small formulas only
        return None
    for kind, desc, t in first:
        for kind2, desc2, t2 in _edits(t):
            if len(seen) >= MAX_CANDIDATES:
                return None
            if right(t2):
                both = msg("repair.both", first=desc, then=desc2)
                return f"{kind}+{kind2}", both, shown(t2)
    return None
