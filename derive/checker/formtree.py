"""Formula trees: walking and rebuilding trees, and printing them back in the input language.

The tree helpers (:func:`subtrees`, :func:`rebuild`, :func:`positions`, :func:`replace_at`) serve
both kinds of tree the checker handles: :mod:`derive.engine.mform` expressions and :mod:`derive.lang.expr`
formula trees. Printing gives text that can be pasted back as a formula:
``tree_text(parse(s))`` reads as ``s`` does, and ``formula_text(e)`` converts back to ``e``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import TypeVar

import sympy as sp

from derive.engine import mform as mf
from derive.lang import domains
from derive.lang import expr as ex
from derive.lang import ops

# ---- walking and rebuilding trees (matrix form and formula trees alike) -------------------------

Tree = TypeVar("Tree", mf.MExpr, ex.Node)
_ONE_KID = mf.T | mf.Neg | mf.Pow | mf.Func | mf.SumRows | mf.SumCols | mf.SumAll | mf.Reshape  # .x
_TWO_KIDS = mf.MatMul | mf.Mul | mf.Div | mf.Indicator  # .a, .b


def subtrees(e: Tree) -> tuple[Tree, ...]:
    """The direct sub-trees of ``e`` in order (a call's arguments, not its keyword values)."""
    if isinstance(e, mf.MExpr):
        if isinstance(e, _ONE_KID):
            return (e.x,)
        if isinstance(e, _TWO_KIDS):
            return (e.a, e.b)
        if isinstance(e, mf.Add):
            return e.terms
        if isinstance(e, mf.Call):
            return e.args
        if isinstance(e, mf.Pad):  # the blocks of slices' gradients (an LSTM's four gates)
            return e.values
        return ()
    if isinstance(e, ex.BinOp | ex.Compare):
        return (e.left, e.right)
    if isinstance(e, ex.Neg | ex.Transpose):
        return (e.operand,)
    if isinstance(e, ex.Pow):
        return (e.base,)
    if isinstance(e, ex.Call):
        return e.args
    return ()


def rebuild(e: Tree, kids: tuple[Tree, ...]) -> Tree:
    """``e`` with its :func:`subtrees` replaced by ``kids`` (same number, same order)."""
    if isinstance(e, mf.MExpr):
        if isinstance(e, _ONE_KID):
            return dataclasses.replace(e, x=kids[0])
        if isinstance(e, _TWO_KIDS):
            return dataclasses.replace(e, a=kids[0], b=kids[1])
        if isinstance(e, mf.Add):
            return mf.Add(tuple(kids))
        if isinstance(e, mf.Call):
            return dataclasses.replace(e, args=tuple(kids))
        if isinstance(e, mf.Pad):
            return dataclasses.replace(e, values=tuple(kids))
        return e
    if isinstance(e, ex.BinOp | ex.Compare):
        return dataclasses.replace(e, left=kids[0], right=kids[1])
    if isinstance(e, ex.Neg | ex.Transpose):
        return dataclasses.replace(e, operand=kids[0])
    if isinstance(e, ex.Pow):
        return dataclasses.replace(e, base=kids[0])
    if isinstance(e, ex.Call):
        return dataclasses.replace(e, args=tuple(kids))
    return e


def positions(e: Tree, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Tree]]:
    """Every node of ``e``, pre-order, with its path (indices into :func:`subtrees`)."""
    yield path, e
    for i, k in enumerate(subtrees(e)):
        yield from positions(k, (*path, i))


def every_kid(e: mf.MExpr) -> tuple[mf.MExpr, ...]:
    """Every matrix expression held directly by ``e``, in field order — also in the node kinds
    :func:`subtrees` leaves whole (a correlation's image and kernel, a pool's input, a clip's
    bounds, a slice's tensor): for the walks that must reach every gradient a formula reads."""
    if not dataclasses.is_dataclass(e):
        return ()
    out: list[mf.MExpr] = []
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        for t in v if isinstance(v, tuple) else (v,):
            if isinstance(t, mf.MExpr):
                out.append(t)
    return tuple(out)


def every_node(e: mf.MExpr) -> Iterator[mf.MExpr]:
    """``e`` and every matrix expression inside it (:func:`every_kid`, recursively)."""
    yield e
    for k in every_kid(e):
        yield from every_node(k)


def rebuilt_every(e: mf.MExpr, change: Callable[[mf.MExpr], mf.MExpr | None]) -> mf.MExpr | None:
    """``e`` with each of :func:`every_kid` (recursively) mapped by ``change`` (``None`` from
    ``change`` anywhere: ``None``); ``e`` itself where nothing changed."""
    if not dataclasses.is_dataclass(e):
        return e
    new = {}
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        if isinstance(v, mf.MExpr):
            w = change(v)
            if w is None:
                return None
            if w is not v:
                new[f.name] = w
        elif isinstance(v, tuple) and any(isinstance(t, mf.MExpr) for t in v):
            ws = tuple(change(t) if isinstance(t, mf.MExpr) else t for t in v)
            if any(w is None for w in ws):
                return None
            if any(a is not b for a, b in zip(ws, v, strict=True)):
                new[f.name] = ws
    return dataclasses.replace(e, **new) if new else e


def sized_only(e: Tree) -> bool:
    """Is ``e`` a ``0 * T`` of the readers' block of ones (``np.ones((m, 1))`` read as
    ``0 * X[:, 0:1] + 1``)? Its tensor gives a size only: the student never wrote it."""
    return (
        isinstance(e, ex.BinOp)
        and e.op == "*"
        and any(isinstance(s, ex.Num) and s.value == 0 for s in (e.left, e.right))
    )


def written_positions(
    e: Tree, path: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], Tree]]:
    """:func:`positions` without the inside of a block of ones' ``0 * T`` (:func:`sized_only`):
    the places a repair or a diagnosis may name."""
    if sized_only(e):
        return
    yield path, e
    for i, k in enumerate(subtrees(e)):
        yield from written_positions(k, (*path, i))


def written_names(e: ex.Node) -> list[str]:
    """The names ``e`` uses for their values, in first-use order (not a block of ones' sizes)."""
    out = [n.id for _, n in written_positions(e) if isinstance(n, ex.Name)]
    return list(dict.fromkeys(out))


def replace_at(e: Tree, path: tuple[int, ...], new: Tree) -> Tree:
    """``e`` with the node at ``path`` replaced by ``new``."""
    if not path:
        return new
    kids = list(subtrees(e))
    kids[path[0]] = replace_at(kids[path[0]], path[1:], new)
    return rebuild(e, tuple(kids))


def fits(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Shapes ``a`` and ``b`` broadcast together (element-wise)."""
    return all(x == y or x == 1 or y == 1 for x, y in zip(a, b, strict=True))


def shape_ok(e: mf.MExpr, every: bool = False) -> bool:
    """Every product and element-wise operation in ``e`` has shapes that fit (``every``: also
    inside a correlation, a pool, a slice, … — :func:`every_kid`)."""
    if not all(shape_ok(k, every) for k in (every_kid(e) if every else subtrees(e))):
        return False
    if isinstance(e, mf.MatMul):
        return e.a.shape[1] == e.b.shape[0]
    if isinstance(e, mf.Add):
        return all(fits(t.shape, e.shape) for t in e.terms)
    if isinstance(e, mf.Mul | mf.Div | mf.Indicator):
        return fits(e.a.shape, e.b.shape)
    if isinstance(e, mf.Call) and e.op.kind == ops.ROWWISE:  # softmax(Z) keeps Z's shape
        return e.args[0].shape == e.shape
    return True


# ---- printing in the input language -------------------------------------------------------------
_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2, "·": 2, "∗": 2}


def num_text(v: Fraction) -> tuple[str, int]:
    """A number in the input language (``2``, ``0.5``, ``1/3``) and its precedence."""
    if v.denominator == 1:
        return str(v.numerator), 5 if v >= 0 else 3
    d = v.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:  # a terminating decimal
        text = f"{float(v)!r}"
        return text, 5 if v >= 0 else 3
    return f"{v.numerator}/{v.denominator}", 2


def negated(s: str) -> str:
    """``-s``, bracketed when ``s`` starts with a minus itself: ``-(-x)``, never ``--x``."""
    return f"-({s})" if s.startswith("-") else f"-{s}"


def tree_text(n: ex.Node, parent: int = 0) -> str:
    """An expression tree in the input language (``A1.T @ dZ2 / m``)."""
    if isinstance(n, ex.Num):
        s, prec = num_text(n.value)
    elif isinstance(n, ex.Name):
        s, prec = n.id, 5
    elif (eq := _equality(n)) is not None:  # y == 2 as written, not its two comparisons
        s, prec = f"({tree_text(eq[0], 1)} {eq[2]} {tree_text(eq[1], 1)})", 5
    elif (clip := _clip(n)) is not None:  # np.clip(x, lo, hi) as written, not its two clamps
        s, prec = f"clip({', '.join(tree_text(a) for a in clip)})", 5
    elif isinstance(n, ex.BinOp) and n.op in "+-" and isinstance(n.right, ex.Neg):
        op = "-" if n.op == "+" else "+"  # r - lo with lo = -delta: r + delta, never r - -delta
        return tree_text(ex.BinOp(op, n.left, n.right.operand), parent)
    elif isinstance(n, ex.BinOp):
        prec = _PREC[n.op]
        op = "@" if n.op == "·" else ("*" if n.op == "∗" else n.op)
        left = prec + 1 if _mixes(op, n.left) else prec  # (A @ B) * C: never rely on ties
        s = f"{tree_text(n.left, left)} {op} {tree_text(n.right, prec + 1)}"
    elif isinstance(n, ex.Neg):
        s, prec = negated(tree_text(n.operand, 3)), 3
    elif isinstance(n, ex.Pow):
        e, _ = num_text(n.exponent)
        s, prec = f"{tree_text(n.base, 5)} ** {e if n.exponent >= 0 else f'({e})'}", 4
    elif isinstance(n, ex.Transpose):
        inner = tree_text(n.operand, 5)
        s, prec = f"{f'({inner})' if isinstance(n.operand, ex.Num) else inner}.T", 5  # (2).T
    elif isinstance(n, ex.Call) and n.func == "slice":  # x[:, h:2*h] as written
        lo, hi = (n.kwarg(k) for k in ("start", "stop"))
        part = f"{'' if lo is None else tree_text(lo)}:{'' if hi is None else tree_text(hi)}"
        cols = n.kwarg("axis") != ex.Num(0)
        s, prec = f"{tree_text(n.args[0], 5)}[{':, ' if cols else ''}{part}]", 5
    elif isinstance(n, ex.Call) and n.func == "reshaped" and len(n.args) == 1:  # x.reshape(r, c)
        sizes = ", ".join(tree_text(v) for _, v in n.kwargs)
        s, prec = f"{tree_text(n.args[0], 5)}.reshape({sizes})", 5
    elif isinstance(n, ex.Call):
        parts = [tree_text(a) for a in n.args] + [f"{k}={tree_text(v)}" for k, v in n.kwargs]
        s, prec = f"{n.func}({', '.join(parts)})", 5
    elif isinstance(n, ex.Compare):
        s, prec = f"{tree_text(n.left, 1)} {n.op} {tree_text(n.right, 1)}", 0
    else:  # pragma: no cover - Index is not allowed in formulas
        s, prec = str(n), 5
    return f"({s})" if prec < parent else s


def _clip(n: ex.Node) -> tuple[ex.Node, ex.Node, ex.Node] | None:
    """``(x, lo, hi)`` where ``n`` is ``hi − clamp0(hi − (lo + clamp0(x − lo)))``, the
    reader's ``np.clip(x, lo, hi)`` / ``torch.clamp(x, lo, hi)`` (the clamp's nested form as
    :func:`derive.lang.domains.clamp_bounds` matches it); else None."""
    if not (isinstance(n, ex.BinOp) and n.op == "-"):
        return None
    found = domains.clamp_bounds(n.right, scalars=ex.names(n))
    if found is None or found[3] != "clamp0" or found[2] != n.left:
        return None
    return found[0], found[1], found[2]


def _equality(n: ex.Node) -> tuple[ex.Node, ex.Node, str] | None:
    """``(y, k, "==")`` where ``n`` is ``1 − ((y > k) + (y < k))``, the reader's ``y == k``, and
    ``(y, k, "!=")`` for ``(y > k) + (y < k)``; else None."""
    op = "!="
    if isinstance(n, ex.BinOp) and n.op == "-" and n.left == ex.Num(1):
        n, op = n.right, "=="
    if not (isinstance(n, ex.BinOp) and n.op == "+"):
        return None
    a, b = n.left, n.right
    if not (isinstance(a, ex.Compare) and isinstance(b, ex.Compare)):
        return None
    if {a.op, b.op} == {">", "<"} and (a.left, a.right) == (b.left, b.right):
        return a.left, a.right, op
    return None


def _mixes(op: str, child: ex.Node) -> bool:
    """``@`` next to ``*``/``/`` (same Python precedence): parenthesise for the reader."""
    if not isinstance(child, ex.BinOp) or child.op not in ("@", "·", "*", "/"):
        return False
    return (op == "@") != (child.op in ("@", "·"))


def formula_text(e: mf.MExpr, parent: int = 0) -> str:
    """A matrix-form expression in the input language, so it can be pasted back as a formula."""
    s, prec = _formula(e)
    return f"({s})" if prec < parent else s


def _scalar_text(expr: sp.Expr) -> tuple[str, int]:
    if expr.is_Integer:
        return str(expr), 5 if expr >= 0 else 3
    if expr.is_Rational:
        return num_text(Fraction(int(expr.p), int(expr.q)))
    if expr.is_Symbol:
        return expr.name, 5
    text = sp.sstr(expr)
    if expr.is_Add:
        return text, 1
    return text, 2


def _inverse(e: mf.MExpr) -> str | None:
    """``1/m`` → ``"m"``: a scaling printed as a division."""
    if not isinstance(e, mf.Scalar):
        return None
    x = e.expr
    if x.is_Rational and x.p == 1 and x.q != 1:
        return str(x.q)
    if x.is_Pow and x.exp == -1:
        return _scalar_text(x.base)[0] if x.base.is_Atom else f"({sp.sstr(x.base)})"
    return None


def _size_text(k: int) -> str:
    """A size by its [dims] name (``m``), else its number."""
    label = getattr(k, "label", None)
    return str(label) if label else str(int(k))


def _ones_block(e: mf.MExpr) -> bool:
    """``0 * T + 1`` (``T`` a tensor or a side of one): how the reader reads ``np.ones((r, c))``."""
    if not (isinstance(e, mf.Add) and len(e.terms) == 2):
        return False
    zero, one = e.terms
    return (
        isinstance(one, mf.Scalar)
        and one.expr == 1
        and isinstance(zero, mf.Mul)
        and isinstance(zero.a, mf.Scalar)
        and zero.a.expr == 0
        and tuple(zero.b.shape) != (1, 1)
    )


def _formula(e: mf.MExpr) -> tuple[str, int]:
    f = formula_text
    if isinstance(e, mf.Ref):
        return e.key, 5
    if isinstance(e, mf.Scalar):
        return _scalar_text(e.expr)
    if isinstance(e, mf.Ones) or _ones_block(e):
        # the all-ones matrix by its shape (read back as such), sizes by their [dims] names; the
        # reader's own form of np.ones((r, c)), 0 * T + 1, is echoed as the student wrote it
        return f"np.ones(({', '.join(_size_text(k) for k in e.shape)}))", 5
    if isinstance(e, mf.T):
        return f"{f(e.x, 5)}.T", 5
    if isinstance(e, mf.MatMul):
        return f"{f(e.a, 3 if isinstance(e.a, mf.Mul | mf.Div) else 2)} @ {f(e.b, 3)}", 2
    if isinstance(e, mf.Mul):
        for scale, other in ((e.a, e.b), (e.b, e.a)):
            den = _inverse(scale)
            if den is not None:
                return f"{f(other, 3 if isinstance(other, mf.MatMul) else 2)} / {den}", 2
        return f"{f(e.a, 3 if isinstance(e.a, mf.MatMul) else 2)} * {f(e.b, 3)}", 2
    if isinstance(e, mf.Div):
        return f"{f(e.a, 3 if isinstance(e.a, mf.MatMul) else 2)} / {f(e.b, 3)}", 2
    if isinstance(e, mf.Add) and (eq := mf.equality_form(e)) is not None:
        return f"({f(eq[0], 1)} {eq[2]} {f(eq[1], 1)})", 5
    if isinstance(e, mf.Add):
        out = ""
        for k, t in enumerate(e.terms):
            if isinstance(t, mf.Scalar) and (
                (t.expr.is_Number and t.expr < 0)
                or (not t.expr.is_Add and t.expr.could_extract_minus_sign())  # a - delta
            ):
                t = mf.Neg(mf.Scalar(-t.expr, t.symbol_names))
            if isinstance(t, mf.Neg):
                s = negated(f(t.x, 2))[1:]
                out += f" - {s}" if k else f"-{s}"
            else:
                s = f(t, 1)
                out += f" + {s}" if k else s
        return out, 1
    if isinstance(e, mf.Neg):
        return negated(f(e.x, 3)), 3
    if isinstance(e, mf.Pow):
        n = e.n if isinstance(e.n, int) or e.n.is_Integer else f"({e.n})"
        return f"{f(e.x, 5)} ** {n if e.n >= 0 else f'({e.n})'}", 4
    if isinstance(e, mf.Func):  # as the operation table spells it in a formula
        holes = {"slope": str(e.slope)} if e.slope is not None else {}
        return ops.get(e.name).formula_of(f(e.x), **holes), 5
    if isinstance(e, mf.Indicator):
        return f"({f(e.a, 1)} {e.op} {f(e.b, 1)})", 5
    if isinstance(e, mf.Reshape):  # x.reshape(B * P, 1), the sizes by their [dims] names
        return e.code(), 5
    if isinstance(e, mf.SumRows):
        return f"sum({f(e.x)}, axis=0)", 5
    if isinstance(e, mf.SumCols):
        return f"sum({f(e.x)}, axis=1)", 5
    if isinstance(e, mf.SumAll):
        return f"np.sum({f(e.x)})", 5  # (a bare sum(x) beside NumPy calls adds the rows)
    if isinstance(e, mf.Call):
        parts = [f(a) for a in e.args]
        axis = e._axis() if e.name in ("sum", "mean") or e.op.kind == ops.CONCAT else None
        if axis is not None:
            parts.append(f"axis={axis}")
        parts += [f"{k}={f(v)}" for k, v in e.kwargs if k != "axis"]
        return f"{e.name}({', '.join(parts)})", 5
    return e.code(), 2


# ---- an op's derivative in the input language (from the operation table) -----------------------

_ARG, _VALUE = "x", "y"  # placeholders: the op's argument and its value


def derivative_text(name: str, params: tuple[sp.Expr, ...] = ()) -> str:
    """``f'`` of the element-wise op ``name`` in the input language, written with ``x`` (its
    argument) and ``y`` (its value): the op's own pull rule with an upstream gradient of 1, so
    ``σ`` gives ``y * (1 - y)``, ``relu`` gives ``(x > 0)`` and a new op needs no entry here."""
    op = ops.get(name)
    syms = sp.ImmutableMatrix(2, 2, sp.symbols("t0:4", real=True))
    x, y = (mf.Ref(n, "value", syms, n) for n in (_ARG, _VALUE))
    return formula_text(op.pull(mf, mf.Scalar(sp.Integer(1)), x, y, *params))  # type: ignore[misc]


def derivative_tree(call: ex.Call) -> ex.Node:
    """The derivative of an element-wise call ``f(x, …)`` at its argument, as a formula tree in
    terms of the call itself (``sigmoid(Z) * (1 - sigmoid(Z))``); parameters as the call gives
    them (a number or a name), else the op's defaults."""
    op = ops.get(call.func)
    given: dict[str, ex.Node] = {_ARG: call.args[0], _VALUE: call}
    params: list[sp.Expr] = []
    for i, (key, default) in enumerate(op.params):
        node = call.args[i + 1] if len(call.args) > i + 1 else call.kwarg(key)
        if node is None:
            params.append(sp.Rational(default.numerator, default.denominator))
        else:
            params.append(sp.Symbol(f"p{i}"))
            given[f"p{i}"] = node
    tree = ex.parse(derivative_text(call.func, tuple(params)), allow_compare=True)

    def put(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Name) and n.id in given:
            return given[n.id]
        return ex.rebuild(n, put)

    return put(tree)
