"""Replication, Kronecker and cross products of course code (issue 9, round 23), rewritten into
the language's own concatenation and broadcasting before a [forward] line is read.

* ``np.broadcast_to(c, (N, H))``, ``c.expand(N, H)``, ``c.expand_as(T)``, and ``np.tile``,
  ``torch.tile``, PyTorch's ``x.repeat(a, b)``, ``np.repeat``/``torch.repeat_interleave`` along an
  axis of size 1: a row copied down as ``np.ones((N, 1)) @ c`` (a column across as
  ``c @ np.ones((1, H))``): the block of ones the spec reader makes an input, sized by the [dims]
  name the line gives — so the gradient prints as the column sums ``𝟙ᵀ G`` and moves with the
  size;
* ``np.tile``/``x.repeat`` of more than one row or column: copies joined by ``concatenate``;
  ``np.repeat``/``repeat_interleave``: each slice repeated, joined the same way (NumPy's order:
  ``x0 x0 x1 x1 …``);
* ``np.kron(A, B)`` of small operands: the blocks ``A[i, j]·B`` joined;
* ``np.cross``/``torch.cross``/``torch.linalg.cross`` of 3-vectors along an axis: the three
  components ``a₁b₂ − a₂b₁, a₂b₀ − a₀b₂, a₀b₁ − a₁b₀`` joined.

Every form is the library's own, entry for entry; what is not (a flattened repeat, counts that are
not whole numbers, more than two axes) is an :class:`ExprError` naming the readable form."""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from typing import Any

from derive.lang import expr as ex
from derive.locale import catalog

REPLICATE_NAMES = frozenset(
    {"tile", "repeat", "repeat_interleave", "broadcast_to", "expand", "expand_as", "kron", "cross"}
)
_MODULES = frozenset({"np", "numpy", "jnp", "jax.numpy", "torch", "torch.linalg", "tf"})
MAX_KRON = 16  # entries of Kronecker's left operand: each is a block of the result


def replicated_text(
    text: str,
    shapes: Mapping[str, tuple[Any, ...]],
    one_d: Mapping[str, object],
    size_of: Callable[[ast.AST], Any],
    dialect: str,
) -> str:
    """``text`` with each replication call rewritten (``text`` itself when it has none).
    ``size_of``: a count or size node's value (a [dims] name, a number, ``X.shape[0]``), or
    ``None``."""
    if not any(name in text for name in (*REPLICATE_NAMES, "roll")):
        return text
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text  # the line's own parse names the problem
    rewriter = _Replicas(shapes, one_d, size_of, dialect)
    try:
        new = rewriter.visit(tree)
        if not rewriter.changed:
            return text
        return ast.unparse(ast.fix_missing_locations(new))
    except RecursionError:  # deeper than the visitor goes: the parser's own limits name it
        return text


def frac_text(text: str) -> str:
    """``torch.frac(x)`` / ``x.frac()`` (spellings23) as ``x - torch.trunc(x).detach()``:
    x − trunc(x) with PyTorch's gradient 1 — the whole part a stop-gradient of its own line
    (the spec reader's ``stops``, which runs after this), a step read where no gradient flows."""
    if "frac" not in text:
        return text
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text

    class Frac(ast.NodeTransformer):
        changed = False

        def visit_Call(self, node: ast.Call) -> ast.expr:
            self.generic_visit(node)
            f = node.func
            if not isinstance(f, ast.Attribute) or f.attr != "frac" or node.keywords:
                return node
            module = ex.module_of(f.value)
            if module not in ("torch", "") or len(node.args) != (1 if module else 0):
                return node
            x = node.args[0] if module else f.value
            whole = ast.Call(ast.Attribute(_name("torch"), "trunc", ast.Load()), [x], [])
            stopped = ast.Call(ast.Attribute(whole, "detach", ast.Load()), [], [])
            Frac.changed = True
            return ast.copy_location(ast.BinOp(x, ast.Sub(), stopped), node)

    try:
        new = Frac().visit(tree)
        return ast.unparse(ast.fix_missing_locations(new)) if Frac.changed else text
    except RecursionError:  # deeper than the visitor goes: the parser's own limits name it
        return text


def _name(n: str) -> ast.Name:
    return ast.Name(n, ast.Load())


def _ones(rows: ast.expr | None, cols: ast.expr) -> ast.Call:
    """``np.ones((rows, cols))`` (``np.ones(cols)``, 1-D, when ``rows`` is None)."""
    shape: ast.expr = cols if rows is None else ast.Tuple([rows, cols], ast.Load())
    return ast.Call(ast.Attribute(_name("np"), "ones", ast.Load()), [shape], [])


def _concat(parts: list[ast.expr], axis: int) -> ast.expr:
    """``np.concatenate(parts, axis=axis)``, nested by eights (the language's concat takes at
    most 8 tensors)."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) > 8:
        parts = [_concat(parts[:7], axis), _concat(parts[7:], axis)]
    seq = ast.List(parts, ast.Load())
    kw = [ast.keyword("axis", ast.Constant(axis))]
    return ast.Call(ast.Attribute(_name("np"), "concatenate", ast.Load()), [seq], kw)


def _slice(x: ast.expr, axis: int, lo: int, hi: int, flat: bool) -> ast.expr:
    """``x[lo:hi]`` along ``axis`` (a 1-D ``x``: its only axis)."""
    cut = ast.Slice(ast.Constant(lo), ast.Constant(hi))
    if flat:
        return ast.Subscript(x, cut, ast.Load())
    parts: list[ast.expr] = [ast.Slice(None, None), ast.Slice(None, None)]
    parts[axis] = cut
    return ast.Subscript(x, ast.Tuple(parts, ast.Load()), ast.Load())


class _Replicas(ast.NodeTransformer):
    """The rewrite of :func:`replicated_text`, innermost calls first."""

    def __init__(self, shapes, one_d, size_of, dialect: str) -> None:
        self.shapes = shapes
        self.one_d = one_d
        self.size_of = size_of
        self.dialect = dialect
        self.changed = False

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "roll":
            return self.roll_by_size(node)
        if not isinstance(f, ast.Attribute) or f.attr not in REPLICATE_NAMES:
            return node
        module = ex.module_of(f.value)
        if module and module not in _MODULES:
            return node
        args = list(node.args) if module else [f.value, *node.args]
        kw = {k.arg: k.value for k in node.keywords}
        made = getattr(self, f"_{f.attr}")(node, args, kw, module or "method")
        self.changed = True
        return ast.copy_location(made, node)

    def roll_by_size(self, node: ast.Call) -> ast.Call:
        """``torch.roll(x, H, dims=0)`` / ``np.roll(x, N // 2, axis=1)``: a shift given as a
        [dims] name (or ``X.shape[0]``) is that whole number (the roll itself is read by the
        expression reader, by slices)."""
        module = ex.module_of(node.func.value)  # type: ignore[attr-defined]
        at = 1 if module else 0
        shift = node.args[at] if len(node.args) > at else None
        for k in node.keywords:
            if k.arg in ("shift", "shifts"):
                shift = k.value
        if shift is None or ex.int_index(shift) is not None or isinstance(shift, ast.Tuple):
            return node
        value = self.size_of(shift)
        if value is None:
            return node
        if len(node.args) > at and node.args[at] is shift:
            node.args[at] = ast.Constant(int(value))
        for k in node.keywords:
            if k.value is shift:
                k.value = ast.Constant(int(value))
        self.changed = True
        return node

    # ---- what each argument is --------------------------------------------------------------

    def fail(self, node: ast.Call, key: str = "spec.expr.replicate") -> ex.ExprError:
        f = node.func.attr  # type: ignore[attr-defined]
        col = getattr(node, "col_offset", -1) + 1
        return ex.ExprError(catalog.said(key, f=f, x=ast.unparse(node)), col)

    def shape(self, node: ast.Call, x: ast.expr) -> tuple[int, int, bool]:
        """``(rows, cols, flat)`` of ``x``: a 1-D ``x`` (``flat``) as the row ``(1, n)``."""
        scalar = isinstance(x, ast.Constant) or isinstance(x, ast.Name) and (
            x.id in self.shapes and not self.shapes[x.id]
        )
        if scalar:
            return 1, 1, False
        got = _sliced_shape(x, self.shapes)
        if got is None:
            raise self.fail(node, "spec.expr.replicate_shape")
        flat = ex.one_dimensional(
            x, frozenset(self.one_d), frozenset(k for k, v in self.shapes.items() if not v),
            self.shapes,
        )
        return got[0], got[1], flat

    def count(self, node: ast.Call, v: ast.expr | None) -> int:
        """A whole-number count or size of ``node`` (a number or a [dims] name)."""
        got = None if v is None else self.size_of(v)
        if got is None or int(got) < 1:
            raise self.fail(node)
        return int(got)

    def axis(self, node: ast.Call, v: ast.expr | None, flat: bool) -> int:
        """The axis (0 or 1) ``v`` names; a 1-D tensor's only axis is its row's axis 1."""
        k = 0 if v is None else ex.int_index(v)
        if k is None or k not in ((0, -1) if flat else (0, 1, -1, -2)):
            raise self.fail(node)
        return 1 if flat else k % 2

    # ---- the forms ------------------------------------------------------------------------

    def copies(
        self, node: ast.Call, x: ast.expr, n: ast.expr, axis: int,
        shape: tuple[int, int, bool] | None = None,
    ) -> ast.expr:
        """``x`` copied ``n`` times along ``axis``: a single row (column) by a block of ones,
        sized by ``n`` as written; more than one by joined copies. ``shape``: ``x``'s when it
        is already a rewrite."""
        times = self.count(node, n)
        if times == 1:
            return x
        rows, cols, flat = shape or self.shape(node, x)
        if (rows, cols)[axis] == 1 and not flat:
            if axis == 0:
                return ast.BinOp(_ones(n, ast.Constant(1)), ast.MatMult(), x)
            return ast.BinOp(x, ast.MatMult(), _ones(ast.Constant(1), n))
        if times * (rows, cols)[axis] > ex.MAX_BLOCKS:
            raise self.fail(node, "spec.expr.replicate_large")
        return _concat([x] * times, axis)

    def _tile(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """``np.tile(x, reps)``, ``torch.tile(x, dims)``, ``x.tile(…)`` and PyTorch's
        ``x.repeat(a, b)``: ``x`` copied along each axis (fewer reps than axes: the last ones)."""
        reps_node = kw.pop("reps", kw.pop("dims", None))
        x = args[0] if args else kw.pop("A", kw.pop("input", None))
        rest = args[1:] if reps_node is None else []
        if reps_node is not None or len(rest) == 1:
            one = reps_node if reps_node is not None else rest[0]
            rest = list(one.elts) if isinstance(one, ast.Tuple | ast.List) else [one]
        if x is None or kw or not 1 <= len(rest) <= 2:
            raise self.fail(node)
        rows, cols, flat = self.shape(node, x)
        if flat and len(rest) == 2 and self.count(node, rest[0]) != 1:
            raise self.fail(node, "spec.expr.replicate_flat")
        if len(rest) == 1:
            return self.copies(node, x, rest[0], 1)
        down = self.copies(node, x, rest[0], 0)
        return self.copies(node, down, rest[1], 1, (rows * self.count(node, rest[0]), cols, flat))

    def _repeat(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """``np.repeat(x, k, axis)`` and NumPy's ``x.repeat(k, axis=…)``; PyTorch's
        ``x.repeat(a, b)`` is a tile."""
        numpy_method = how == "method" and ("axis" in kw or self.dialect != "torch")
        if how == "method" and not numpy_method:
            return self._tile(node, args, kw, how)
        return self._repeat_interleave(node, args, kw, how)

    def _repeat_interleave(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """``torch.repeat_interleave(x, k, dim)`` / ``np.repeat(x, k, axis)``: each slice of
        ``x`` along the axis ``k`` times in a row; without an axis only of a 1-D ``x``."""
        names = ("x", "k", "axis")
        a = dict(zip(names, args, strict=False))
        for alias, key in (("a", "x"), ("input", "x"), ("repeats", "k"), ("dim", "axis")):
            if alias in kw:
                a[key] = kw.pop(alias)
        a.update({k: kw.pop(k) for k in list(kw) if k in names})
        if len(args) > 3 or kw or "x" not in a or "k" not in a:
            raise self.fail(node)
        x = a["x"]
        rows, cols, flat = self.shape(node, x)
        if a.get("axis") is None and not flat and (rows, cols) != (1, 1):
            raise self.fail(node, "spec.expr.replicate_flat")
        axis = self.axis(node, a.get("axis"), flat)
        size = (rows, cols)[axis]
        if size == 1:
            return self.copies(node, x, a["k"], axis)
        times = self.count(node, a["k"])
        if times * size > ex.MAX_BLOCKS:
            raise self.fail(node, "spec.expr.replicate_large")
        parts = [_slice(x, axis, i, i + 1, flat) for i in range(size) for _ in range(times)]
        return _concat(parts, 0 if flat else axis)

    def target(self, node: ast.Call, v: ast.expr) -> list[ast.expr]:
        """The sizes of a target shape: ``(N, H)``, ``T.shape`` (each axis its [dims] name)."""
        if isinstance(v, ast.Tuple | ast.List):
            return list(v.elts)
        if isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name):
            dims = self.shapes.get(v.value.id)
            if dims is not None and 1 <= len(dims) <= 2:
                return [self.size_node(v.value.id, k, d) for k, d in enumerate(dims)]
        return [v]

    @staticmethod
    def size_node(x: str, axis: int, d: Any) -> ast.expr:
        label = getattr(d, "label", None)
        if isinstance(label, str) and label.isidentifier():
            return _name(label)
        shape = ast.Attribute(_name(x), "shape", ast.Load())
        return ast.Subscript(shape, ast.Constant(axis), ast.Load())

    def _broadcast_to(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """``np.broadcast_to(x, shape)`` / ``torch.broadcast_to``: see :meth:`broadcast`."""
        x = args[0] if args else kw.pop("array", kw.pop("input", None))
        shape = args[1] if len(args) > 1 else kw.pop("shape", kw.pop("size", None))
        if x is None or shape is None or kw or len(args) > 2:
            raise self.fail(node)
        return self.broadcast(node, x, self.target(node, shape))

    def _expand(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """PyTorch's ``x.expand(N, H)`` / ``x.expand((N, H))`` (``-1``: that axis kept)."""
        if how != "method" or kw or len(args) < 2:
            raise self.fail(node)
        sizes = args[1:]
        if len(sizes) == 1:
            sizes = self.target(node, sizes[0])
        return self.broadcast(node, args[0], sizes)

    def _expand_as(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """PyTorch's ``x.expand_as(y)``: ``x`` broadcast to ``y``'s shape."""
        if how != "method" or kw or len(args) != 2:
            raise self.fail(node)
        y = args[1]
        if not isinstance(y, ast.Name):
            rows, cols, flat = self.shape(node, y)
            sizes = [ast.Constant(cols)] if flat else [ast.Constant(rows), ast.Constant(cols)]
            return self.broadcast(node, args[0], sizes)
        return self.broadcast(node, args[0], self.target(node, ast.Attribute(y, "shape")))

    def broadcast(self, node: ast.Call, x: ast.expr, sizes: list[ast.expr]) -> ast.expr:
        """``x`` broadcast to ``sizes`` as NumPy/PyTorch broadcast: a number or ``[1, 1]`` times
        a block of ones; a row copied down and a column across by a product with ones."""
        rows, cols, flat = self.shape(node, x)
        if not 1 <= len(sizes) <= 2:
            raise self.fail(node, "spec.expr.replicate_shape")
        have = [cols] if len(sizes) == 1 else [rows, cols]
        if flat and len(sizes) == 2:
            have = [1, cols]
        want = [
            h if ex.int_index(s) == -1 else self.count(node, s) for s, h in zip(sizes, have, strict=True)
        ]
        sizes = [ast.Constant(h) if ex.int_index(s) == -1 else s for s, h in zip(sizes, have, strict=True)]
        if any(h not in (1, w) for h, w in zip(have, want, strict=True)):
            raise self.fail(node, "spec.expr.replicate_shape")
        if have == want:
            return x
        if (rows, cols) == (1, 1) or flat:
            ones = _ones(None if len(sizes) == 1 else sizes[0], sizes[-1])
            if flat and len(sizes) == 2 and want[1] == have[1]:
                ones = _ones(sizes[0], ast.Constant(1))  # (N, 1) · (n,): NumPy's (N, n)
            return ast.BinOp(x, ast.Mult(), ones)
        out = x
        if have[0] != want[0]:
            out = ast.BinOp(_ones(sizes[0], ast.Constant(1)), ast.MatMult(), out)
        if have[1] != want[1]:
            out = ast.BinOp(out, ast.MatMult(), _ones(ast.Constant(1), sizes[1]))
        return out

    def _kron(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """``np.kron(A, B)`` / ``torch.kron``: block ``(i, j)`` is ``A[i, j]·B``; both operands
        2-D, or both 1-D (then the 1-D ``[A₀B, A₁B, …]``)."""
        if how == "method" or kw or len(args) != 2:
            raise self.fail(node)
        a, b = args
        rows, cols, flat = self.shape(node, a)
        if flat != self.shape(node, b)[2]:
            raise self.fail(node, "spec.expr.replicate_shape")
        if rows * cols > MAX_KRON:
            raise self.fail(node, "spec.expr.replicate_large")
        if flat:
            return _concat([ast.BinOp(_slice(a, 1, j, j + 1, True), ast.Mult(), b)
                            for j in range(cols)], 0)

        def block(i: int, j: int) -> ast.expr:
            entry = _slice(_slice(a, 0, i, i + 1, False), 1, j, j + 1, False)
            return ast.BinOp(entry, ast.Mult(), b)

        return _concat([_concat([block(i, j) for j in range(cols)], 1) for i in range(rows)], 0)

    def _cross(self, node: ast.Call, args, kw, how: str) -> ast.expr:
        """``np.cross(a, b, axis=-1)``, ``torch.linalg.cross(a, b, dim=-1)`` and
        ``torch.cross(a, b, dim)`` (without ``dim`` PyTorch's first axis of size 3) of 3-vectors:
        the three components joined along that axis."""
        names = ("a", "b", "axis")
        a = dict(zip(names, args, strict=False))
        for alias, key in (("input", "a"), ("other", "b"), ("x1", "a"), ("x2", "b"),
                           ("dim", "axis"), ("axis", "axis")):  # np.cross(a, b, axis=1)
            if alias in kw:
                a[key] = kw.pop(alias)
        if how == "method" or kw or len(args) > 3 or "a" not in a or "b" not in a:
            raise self.fail(node)
        x, y = a["a"], a["b"]
        rows, cols, flat = self.shape(node, x)
        if self.shape(node, y) != (rows, cols, flat):
            raise self.fail(node, "spec.expr.replicate_shape")
        axis_node = a.get("axis")
        if axis_node is None and how == "torch" and not flat:
            axis_node = ast.Constant(0 if rows == 3 else 1)  # PyTorch: the first axis of size 3
        axis = self.axis(node, axis_node if axis_node is not None else ast.Constant(-1), flat)
        if (rows, cols)[axis] != 3:
            raise self.fail(node, "spec.expr.replicate_shape")

        def part(v: ast.expr, k: int) -> ast.expr:
            return _slice(v, axis, k, k + 1, flat)

        comps = [
            ast.BinOp(
                ast.BinOp(part(x, i), ast.Mult(), part(y, j)),
                ast.Sub(),
                ast.BinOp(part(x, j), ast.Mult(), part(y, i)),
            )
            for i, j in ((1, 2), (2, 0), (0, 1))
        ]
        return _concat(comps, 0 if flat else axis)


def _sliced_shape(x: ast.expr, shapes: Mapping[str, tuple[Any, ...]]) -> tuple[int, int] | None:
    """``(rows, cols)`` of ``x`` as :func:`expr._ast_shape` gives it, and of a block
    ``X[a:b, c:d]`` (whole-number bounds) of such an ``x``."""
    if not isinstance(x, ast.Subscript):
        return ex._ast_shape(x, shapes)
    whole = _sliced_shape(x.value, shapes)
    cuts = x.slice.elts if isinstance(x.slice, ast.Tuple) else [x.slice]
    if whole is None or len(cuts) > 2:
        return None
    out = list(whole)
    for axis, cut in enumerate(cuts):
        if not isinstance(cut, ast.Slice) or cut.step is not None:
            return None
        lo = 0 if cut.lower is None else ex.int_index(cut.lower)
        hi = whole[axis] if cut.upper is None else ex.int_index(cut.upper)
        if lo is None or hi is None:
            return None
        lo, hi = (v + whole[axis] if v < 0 else v for v in (lo, hi))
        hi = min(hi, whole[axis])
        if not 0 <= lo < hi:
            return None
        out[axis] = hi - lo
    return out[0], out[1]
