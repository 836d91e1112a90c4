"""Splits of a tensor into blocks, read as the language's slices.

Course code cuts a fused gate matrix apart with ``np.split(a, 4, axis=1)``, ``torch.chunk(a, 4,
dim=1)``, ``a.chunk(4, 1)``, ``torch.split(a, H, dim=1)`` or ``np.split(a, [H, 2*H], axis=1)``.
One part, ``np.split(a, 4, axis=1)[2]``, is exactly the slice ``a[:, 2*H:3*H]``: :func:`read`
gives each part's bounds as Python ``ast`` sizes (whole numbers and ``+ - *`` of [dims] names),
which :mod:`derive.lang.expr` reads as ``slice(a, start, stop, axis)`` — so the graph, the
backward pull (the block into zeros) and the joining of the blocks of one tensor are the slice's.
A spec unpacks all parts with a quoted key, ``"i, f, o, g" = "np.split(a, 4, axis=1)"``
(``derive.lang.spec``). Nothing is evaluated; this module holds no SymPy and reads no spec.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

from derive.lang import spelling
from derive.locale import catalog

NUMPY = frozenset({"np", "numpy", "jnp", "jax.numpy"})
TORCH = frozenset({"torch"})
# the functions read, and the axis each one splits by default
FUNCTIONS = {"split": 0, "chunk": 0, "hsplit": 1, "vsplit": 0, "array_split": 0, "tensor_split": 0}

# the fix where a split is not read: slices (catalogue key, said in the command's language)
WHOLE = "spec.splits.split_whole"


class SplitError(ValueError):
    """A split that cannot be read as slices; the message names the form that can (a catalogue
    sentence, :attr:`spoken`; ``str()`` is English)."""

    def __init__(self, message: str | catalog.Said) -> None:
        said = isinstance(message, catalog.Said)
        super().__init__(message.render("en") if said else message)
        self.spoken: str | catalog.Said = message


@dataclass(frozen=True)
class Split:
    """A call that splits ``tensor`` (the ``ast`` of a tensor name) along ``axis`` (0: rows,
    1: columns) into parts with these ``(start, stop)`` bounds (``None``: the tensor's start or
    end)."""

    tensor: ast.expr
    axis: int
    bounds: tuple[tuple[ast.expr | None, ast.expr | None], ...]


def flavour(node: ast.AST, tensors: Mapping[str, object]) -> str:
    """``"numpy"``, ``"torch"`` or ``"tf"`` when ``node`` is a call of a split read here
    (``np.split``, ``np.hsplit``, ``np.vsplit``, ``torch.split``, ``torch.chunk``, ``tf.split``,
    a tensor's ``.split``/``.chunk`` — PyTorch's methods), else ``""``."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return ""
    f = node.func
    if f.attr not in FUNCTIONS:
        return ""
    module = spelling.module_of(f.value)
    if module in NUMPY:
        return "numpy" if f.attr in ("split", "hsplit", "vsplit", "array_split") else ""
    if module in TORCH:
        return "torch" if f.attr in ("split", "chunk", "tensor_split") else ""
    if module in spelling.TENSORFLOW:
        return "tf" if f.attr == "split" else ""
    if isinstance(f.value, ast.Name) and f.value.id in tensors and f.attr in _METHODS:
        return "torch"
    return ""


_TENSOR_WORDS = ("ary", "tensor", "input", "value")
# PyTorch's tensor methods among the splits (round 46: tensor_split, whose sections, a number
# of parts or the indices where parts start, are read as NumPy's array_split's)
_METHODS = ("split", "chunk", "tensor_split")


def hoisted(node: ast.AST, name: str) -> tuple[ast.expr, ast.Call] | None:
    """A split of an expression, ``torch.chunk(X @ W, 2, dim=1)`` or ``(X @ W).chunk(2, 1)``
    (GLU and LSTM code): the expression and the same split of the tensor ``name`` standing for
    it (the spec gives the expression that name on a line of its own); ``None`` when ``node`` is
    no such split."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    f = node.func
    if f.attr not in FUNCTIONS:
        return None
    if not spelling.module_of(f.value):  # a method of an expression: (X @ W).chunk(2, 1)
        if f.attr not in _METHODS or isinstance(f.value, ast.Name):
            return None
        method = ast.Attribute(ast.Name(name, ast.Load()), f.attr, ast.Load())
        return f.value, ast.Call(method, node.args, node.keywords)
    if not flavour(node, {}):
        return None
    if node.args:
        if isinstance(node.args[0], ast.Name):
            return None
        args = [ast.Name(name, ast.Load()), *node.args[1:]]
        return node.args[0], ast.Call(f, args, node.keywords)
    for i, k in enumerate(node.keywords):
        if k.arg in _TENSOR_WORDS and not isinstance(k.value, ast.Name):
            kws = list(node.keywords)
            kws[i] = ast.keyword(k.arg, ast.Name(name, ast.Load()))
            return k.value, ast.Call(f, [], kws)
    return None


def bare_refusal(node: ast.Call) -> catalog.Said:
    """Why a split not followed by ``[k]`` is not read (it gives several tensors)."""
    text = ast.unparse(node)
    if len(text) > 40:
        text = text[:37] + "..."
    return catalog.said("spec.splits.split_bare", text=text)


def read(
    node: ast.Call, how: str, shapes: Mapping[str, tuple[int, ...]], one_d: frozenset[str]
) -> Split:
    """The parts of the split ``node`` (of flavour ``how``, see :func:`flavour`) as slice
    bounds, at the sizes of ``shapes`` (the spec's tensors declared so far); ``SplitError``
    when it cannot be read."""
    f = node.func
    assert isinstance(f, ast.Attribute)
    method = how == "torch" and spelling.module_of(f.value) not in TORCH
    args = [f.value, *node.args] if method else list(node.args)
    kw = {k.arg: k.value for k in node.keywords}
    name = f"{'' if method else spelling.module_of(f.value) + '.'}{f.attr}"
    words = {
        ("numpy", "split"): ("ary", "indices_or_sections", "axis"),
        ("numpy", "hsplit"): ("ary", "indices_or_sections"),
        ("numpy", "vsplit"): ("ary", "indices_or_sections"),
        ("numpy", "array_split"): ("ary", "indices_or_sections", "axis"),
        ("torch", "tensor_split"): ("input", "indices_or_sections", "dim"),
        ("torch", "split"): ("tensor", "split_size_or_sections", "dim"),
        ("torch", "chunk"): ("input", "chunks", "dim"),
        ("tf", "split"): ("value", "num_or_size_splits", "axis"),
    }[how, f.attr]
    if None in kw or len(args) > len(words) or any(k not in words for k in kw):
        raise SplitError(catalog.said("spec.splits.read_1", name=name, x=', '.join(words)))
    given = dict(zip(words, args))
    for k, v in kw.items():
        if k in given:
            raise SplitError(catalog.said("spec.splits.read_6", name=name, k=k))
        given[k] = v
    tensor, how_many = given.get(words[0]), given.get(words[1])
    if tensor is None or how_many is None:
        raise SplitError(catalog.said("spec.splits.read_2", name=name))
    if not (isinstance(tensor, ast.Name) and tensor.id in shapes):
        raise SplitError(catalog.said("spec.splits.read_3", name=name))
    shape = shapes[tensor.id]
    axis = _axis(given.get(words[2]) if len(words) > 2 else None, FUNCTIONS[f.attr], name)
    if tensor.id in one_d:  # a 1-D b = ["4*h"]: its one axis is the columns of the row here
        if axis == 1:
            raise SplitError(catalog.said("spec.splits.read_7", id=tensor.id))
        axis = 1
    if len(shape) != 2:
        raise SplitError(catalog.said("spec.splits.read_4", name=name, id=tensor.id))
    width = shape[axis]
    listed = isinstance(how_many, ast.List | ast.Tuple)
    if listed:
        items = list(how_many.elts)  # type: ignore[union-attr]
        if not items:
            raise SplitError(catalog.said("spec.splits.read_8", name=name))
        if how == "numpy" or f.attr == "tensor_split":  # where parts start: [H, 2*H], 3 parts
            edges: list[ast.expr | None] = [None, *items, None]
            bounds = tuple(zip(edges[:-1], edges[1:]))
        else:  # PyTorch's and TensorFlow's sizes of the parts
            bounds = _by_sizes(items)
        return Split(tensor, axis, bounds)
    k = _whole(how_many)
    if how == "torch" and f.attr == "split":  # parts of k (or H) entries, the last one shorter
        return Split(tensor, axis, _by_size(how_many, int(width), shapes, name))
    if k is None or k < 1:
        raise SplitError(catalog.said("spec.splits.read_5", name=name))
    return Split(tensor, axis, _equal(width, k, name, tensor.id))




def _whole(node: ast.AST | None) -> int | None:
    """A whole number written as such (``4``, ``-1``), else ``None``."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _whole(node.operand)
        return None if inner is None else -inner
    return None


def _axis(node: ast.AST | None, default: int, name: str) -> int:
    if node is None:
        return default
    k = _whole(node)
    if k not in (0, 1, -1, -2):
        raise SplitError(catalog.said("spec.splits.axis_1", name=name))
    return k % 2


def _by_sizes(items: list[ast.expr]) -> tuple[tuple[ast.expr | None, ast.expr | None], ...]:
    """Parts of the given sizes, one after the other."""
    out: list[tuple[ast.expr | None, ast.expr | None]] = []
    start: ast.expr | None = None
    for size in items:
        stop = size if start is None else ast.BinOp(start, ast.Add(), size)
        out.append((start, stop))
        start = stop
    return tuple(out)


def _by_size(
    size: ast.expr, width: int, shapes: Mapping[str, tuple[int, ...]], name: str
) -> tuple[tuple[ast.expr | None, ast.expr | None], ...]:
    """PyTorch's ``split(a, size)``: parts of ``size`` entries, the last one what is left."""
    value = _size_value(size, shapes)
    if value is None or value < 1:
        raise SplitError(catalog.said("spec.splits.by_size_1", name=name))
    count = -(-width // value)
    out: list[tuple[ast.expr | None, ast.expr | None]] = []
    for j in range(count):
        start = None if j == 0 else _times(j, size)
        stop = None if j == count - 1 else _times(j + 1, size)
        out.append((start, stop))
    return tuple(out)


def _times(j: int, size: ast.expr) -> ast.expr:
    return size if j == 1 else ast.BinOp(ast.Constant(j), ast.Mult(), size)


def _size_value(node: ast.AST, shapes: Mapping[str, tuple[int, ...]]) -> int | None:
    """The value of a size written with whole numbers, [dims] names and ``+ - *``."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name):
        for shape in shapes.values():
            for d in shape:
                if getattr(d, "label", None) == node.id:
                    return int(d)
                env = dict(getattr(d, "env", ()))
                if node.id in env:
                    return int(env[node.id])
        return None
    if isinstance(node, ast.BinOp) and type(node.op) in (ast.Add, ast.Sub, ast.Mult):
        a, b = _size_value(node.left, shapes), _size_value(node.right, shapes)
        if a is None or b is None:
            return None
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}[type(node.op)]
    return None


def _equal(
    width: int, k: int, name: str, tensor: str
) -> tuple[tuple[ast.expr | None, ast.expr | None], ...]:
    """``k`` equal parts of a size (a [dims] name, a size expression such as ``4*h``, or a
    number), each bound a multiple of ``width / k`` written in the [dims] names."""
    poly = _width_poly(width)
    if any(c % k for c in poly.values()):
        what = getattr(width, "label", None) or getattr(width, "text", None) or str(int(width))
        raise SplitError(
            catalog.said(
                "spec.splits.equal_1",
                name=name,
                what=what,
                tensor=tensor,
                k=k,
                k2=k,
                WHOLE=catalog.said(WHOLE),
            )
        )
    part = {m: c // k for m, c in poly.items()}
    bounds: list[tuple[ast.expr | None, ast.expr | None]] = []
    for j in range(k):
        start = None if j == 0 else _poly_ast({m: c * j for m, c in part.items()})
        stop = None if j == k - 1 else _poly_ast({m: c * (j + 1) for m, c in part.items()})
        bounds.append((start, stop))
    return tuple(bounds)


def _width_poly(width: int) -> dict[tuple[str, ...], int]:
    """A declared size as a polynomial in the [dims] names (monomial → whole coefficient)."""
    label = getattr(width, "label", None)
    if label is not None:
        return {(label,): 1}
    text = getattr(width, "text", None)
    if text is None:
        return {(): int(width)}
    return _poly(ast.parse(text, mode="eval").body)


def _poly(n: ast.AST) -> dict[tuple[str, ...], int]:
    if isinstance(n, ast.Constant):
        return {(): int(n.value)}
    if isinstance(n, ast.Name):
        return {(n.id,): 1}
    assert isinstance(n, ast.BinOp)
    a, b = _poly(n.left), _poly(n.right)
    out: dict[tuple[str, ...], int] = {}
    if isinstance(n.op, ast.Mult):
        for ma, ca in a.items():
            for mb, cb in b.items():
                m = tuple(sorted(ma + mb))
                out[m] = out.get(m, 0) + ca * cb
    else:
        sign = 1 if isinstance(n.op, ast.Add) else -1
        out = dict(a)
        for m, c in b.items():
            out[m] = out.get(m, 0) + sign * c
    return {m: c for m, c in out.items() if c}


def _poly_ast(p: dict[tuple[str, ...], int]) -> ast.expr:
    """``2*H``, ``d + h``: the polynomial as a size expression (positive terms first)."""
    out: ast.expr | None = None
    for m, c in sorted(p.items(), key=lambda t: (t[1] < 0, -len(t[0]), t[0])):
        word: ast.expr | None = None
        for label in m:
            name = ast.Name(label, ast.Load())
            word = name if word is None else ast.BinOp(word, ast.Mult(), name)
        mag = abs(c)
        if word is None:
            word = ast.Constant(mag)
        elif mag != 1:
            word = ast.BinOp(ast.Constant(mag), ast.Mult(), word)
        if out is None:
            out = word if c > 0 else ast.UnaryOp(ast.USub(), word)
        else:
            out = ast.BinOp(out, ast.Add() if c > 0 else ast.Sub(), word)
    return out if out is not None else ast.Constant(0)
