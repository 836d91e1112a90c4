"""``derive check``'s fast path: the verdict "correct" on a formula without SymPy, from the
network's compiled form (:mod:`derive.checker.compiled`, cached per spec text and derive source).

It answers only when it can give exactly the answer of :func:`derive.checker.check.check`: a
formula in the expression language (names, numbers, ``+ - * / @ **``, ``.T``, ``sum(x, axis=k)``,
comparisons such as ``Z1 > 0``) for a whole gradient, that passes every test of the slow path's
verdict — equal at the same random exact points in 50-digit arithmetic, at the ReLU zero point,
on the network at other sizes (or at points with other dims) and, in float64, at the example
values. The formula is read and evaluated as the slow path reads and evaluates it (the same
parser limits, name lookup :mod:`derive.checker.names`, shape rules, cost cap and number
systems); the stored values are the slow path's own. A wrong formula is diagnosed from the
stored mutation library (:mod:`derive.checker.fastdiag`), a transposed or swapped result
repaired as :mod:`derive.checker.repair` repairs it. Function calls are read only as ``f(Z)``
for a node ``A = f(Z)`` of the network (then they are ``A``) and ``np.where(Z > 0, …)`` (the
language's ``relu_grad`` indicator). In LaTeX, a right Leibniz chain ``∂L/∂A · ∂A/∂B`` is
read as the slow path reads it, each local derivative from the compiled form (:class:`_Chains`),
``f'(x)`` as the table's derivative, and rows of a derivation with their definitions substituted
(:func:`_rows`). Anything else — another input kind, another call, an
unreadable formula, a diagnosis that needs the slow path's search, a note to add, a missing or
damaged compiled form — returns ``None`` and the slow path answers. Never evaluates user
text; imports neither SymPy nor NumPy, mpmath or the slow checker.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import os
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from derive import cache
from derive.checker import fastdiag, fastlatex, names
from derive.files import read_capped
from derive.locale import catalog

FORMAT = 18  # 11: a target's "clamp" (clamp(min=0) at exactly 0); 12: "leibniz"; 13: clamp0;
# 14: "size_names" (X.shape[0], len(X)) and limits "mean"; 15: a network with a numerical guard
# (derive/checker/guards.py) has no fast path, so an older cache must not answer for it; 16: a
# leaf's "vector" (LaTeX's column convention, formula._columns_first: the slow path answers); 17:
# a target's "zero" is its two-sided slope where the kinks are smooth ("smooth_zero", heldtex41);
# 18: points "dead" and a target's "dead" (conv45: a whole pooling window below its kink)
KIND = "checkfast"  # the cache folder of compiled forms
SPECS = Path(__file__).resolve().parent.parent / "lang" / "specs"
NET_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}\Z")  # derive.lang.spec.NET_NAME (a test checks)
MAX_SPEC_BYTES = 1_000_000  # derive.lang.spec.MAX_SPEC_BYTES (a test checks)


class _Fallback(Exception):
    """Not answered here: the slow path decides."""


class _Shape(_Fallback):
    """Shapes that do not fit (the slow path's ShapeError): a repair candidate that is no
    formula (derive.checker.repair)."""


# ---- the network's compiled form ----------------------------------------------------------------


def builtin_names() -> list[str]:
    """The built-in networks (as :func:`derive.lang.spec.builtin_names`)."""
    try:
        return sorted(p.name[:-5] for p in SPECS.iterdir() if p.name.endswith(".toml"))
    except OSError:
        return []


def spec_text(net: str) -> bytes | None:
    """The text of network ``net`` (a built-in name or a spec path) as the derivation cache
    keys it, or None when it cannot be read."""
    try:
        if NET_NAME.match(net) and net in builtin_names():
            return (SPECS / f"{net}.toml").read_bytes()
        text = read_capped(net, MAX_SPEC_BYTES)  # never /dev/zero without limit
    except (OSError, ValueError):
        return None
    return None if len(text) > MAX_SPEC_BYTES else text


def name_for(text: bytes) -> str:
    """The cache key of a network's compiled form."""
    return cache.key(b"checkfast", text)


def load(data: bytes, key: str) -> dict[str, Any] | None:
    """The compiled form in ``data`` if it is whole and made for ``key``; else None."""
    try:
        digest, _, text = data.partition(b"\n")
        if hashlib.sha256(text).hexdigest().encode() != digest:
            return None
        body = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(body, dict) or body.get("format") != FORMAT or body.get("key") != key:
        return None
    return body


def compiled_for(net: str) -> dict[str, Any] | None:
    """The cached compiled form of ``net``, if there is a sound one."""
    if cache.folder(KIND) is None:
        return None
    text = spec_text(net)
    if text is None:
        return None
    key = name_for(text)
    data = cache.read(KIND, f"{key}.json")
    return None if data is None else load(data, key)


# ---- reading: the expression language (as derive.lang.expr.parse, a subset) ---------------------

_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@"}
_CMPOPS = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<="}


_TOKENS = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


def _parts(tree: ast.AST) -> int:
    """derive.lang.expr.parts (not imported here: the fast path does not load the language)."""
    return sum(1 for n in ast.walk(tree) if not isinstance(n, _TOKENS))


class _Reader:
    def __init__(self, lim: dict[str, Any], calls: Any = ()) -> None:
        self.lim = lim
        self.calls = calls

    def parse(self, text: str) -> tuple[Any, ...]:
        if (
            len(text) > self.lim["max_length"]
            or not text.strip()
            or "\n" in text.strip()
            or ";" in text
        ):
            raise _Fallback
        try:
            tree = ast.parse(text.strip(), mode="eval")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            raise _Fallback from None
        if _parts(tree) > 4 * self.lim["max_nodes"]:  # ex.parts > ex.MAX_FORMULA_NODES
            raise _Fallback
        return self.convert(tree.body, 0)

    def convert(self, node: ast.AST, depth: int) -> tuple[Any, ...]:
        if depth > self.lim["max_depth"]:
            raise _Fallback
        d = depth + 1
        if isinstance(node, ast.Constant):
            return ("num", self.number(node))
        if isinstance(node, ast.Name):
            return ("name", node.id)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Pow):
                return ("pow", self.convert(node.left, d), self.exponent(node.right))
            op = _BINOPS.get(type(node.op))
            if op is None:
                raise _Fallback
            return ("bin", op, self.convert(node.left, d), self.convert(node.right, d))
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                inner = self.convert(node.operand, d)
                return ("num", -inner[1]) if inner[0] == "num" else ("neg", inner)
            if isinstance(node.op, ast.UAdd):
                return self.convert(node.operand, d)
            raise _Fallback
        if isinstance(node, ast.Attribute) and node.attr == "T":
            return ("T", self.convert(node.value, d))
        if isinstance(node, ast.Call):
            return self.call(node, d)
        if isinstance(node, ast.Compare):
            if len(node.ops) != 1 or type(node.ops[0]) not in _CMPOPS:
                raise _Fallback
            left = self.convert(node.left, d)
            return ("cmp", _CMPOPS[type(node.ops[0])], left, self.convert(node.comparators[0], d))
        raise _Fallback

    def number(self, node: ast.Constant) -> Fraction:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Fallback
        if isinstance(value, int) and abs(value) > 10**12:
            raise _Fallback
        if isinstance(value, float) and not (abs(value) <= 1e12):
            raise _Fallback
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)

    def exponent(self, node: ast.AST) -> Fraction:
        neg = False
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            neg, node = True, node.operand
        if not isinstance(node, ast.Constant):
            raise _Fallback
        value = self.number(node)
        if abs(value) > self.lim["max_exponent"]:
            raise _Fallback
        return -value if neg else value

    def call(self, node: ast.Call, depth: int) -> tuple[Any, ...]:
        """``sum``, and ``f(x)`` for an element-wise function the network applies (``calls``
        of the compiled form); any other function: the slow path."""
        if (
            isinstance(node.func, ast.Name)
            and (node.func.id in self.calls or node.func.id == self.lim.get("indicator"))
            and len(node.args) == 1
            and not node.keywords
            and not isinstance(node.args[0], ast.Starred)
        ):
            return ("call", node.func.id, self.convert(node.args[0], depth))
        reduce = node.func.id if isinstance(node.func, ast.Name) else None
        summed = reduce == "sum" and self.lim["sum_kind"]
        if not (summed or reduce == "mean" and self.lim.get("mean")):
            raise _Fallback
        lo, hi, keys = self.lim["sum"]
        node = self.keepdims(node)
        if len(node.args) == 2:
            if node.keywords:
                raise _Fallback
            axis = _axis(self.convert(node.args[1], depth))
            return (reduce, self.convert(node.args[0], depth), (("axis", axis),))
        if any(isinstance(a, ast.Starred) for a in node.args) or not lo <= len(node.args) <= hi:
            raise _Fallback
        args = [self.convert(a, depth) for a in node.args]
        kwargs = []
        given = set(keys[: len(node.args) - lo])
        for kw in node.keywords:
            if kw.arg is None or kw.arg not in keys or kw.arg in given:
                raise _Fallback
            given.add(kw.arg)
            value = self.convert(kw.value, depth)
            kwargs.append((kw.arg, _axis(value) if kw.arg == "axis" else value))
        if len(args) != 1:
            raise _Fallback
        return (reduce, args[0], tuple(kwargs))

    @staticmethod
    def keepdims(node: ast.Call) -> ast.Call:
        """NumPy's ``keepdims`` (True, or False except along axis 1) dropped, as the language."""
        kept = [k for k in node.keywords if k.arg != "keepdims"]
        if len(kept) == len(node.keywords):
            return node
        value = next(k.value for k in node.keywords if k.arg == "keepdims")
        if not (isinstance(value, ast.Constant) and isinstance(value.value, bool)):
            raise _Fallback
        axis = [k.value for k in kept if k.arg == "axis"] + node.args[1:2]
        along_rows = any(isinstance(a, ast.Constant) and a.value in (1, -1) for a in axis)
        if value.value is False and along_rows:
            raise _Fallback
        return ast.Call(node.func, node.args, kept)


def _axis(node: tuple[Any, ...]) -> tuple[Any, ...]:
    """NumPy's negative axes of a matrix: -1 is axis 1, -2 axis 0."""
    if node[0] == "num" and node[1] in (-1, -2):
        return ("num", node[1] + 2)
    return node


# ---- NumPy spellings (as derive.checker.formula._numpy_normalise, a subset) ----------------------
#
# The slow path rewrites a formula the expression language refuses — ``np.sum(dZ, axis=0,
# keepdims=True)``, ``np.dot(A, B)``, ``A.T.dot(B)``, ``x.sum(axis=0)`` — to the language and
# reads that. The same rewriting for the plainest spellings; anything else (``np.where``, casts,
# ``X.shape[0]``, ``!=`` …) is the slow path's.


def _helper(name: str, lim: dict[str, Any]) -> bool:
    """Is ``name`` a course helper the NumPy reader rewrites (``sigmoid_prime``,
    ``relu_backward``: derive.checker.formula) and the language does not know?"""
    acts = lim.get("derivatives") or {}
    if name in lim["table_functions"] or not acts:
        return False
    if name.endswith("_backward") and name.removesuffix("_backward") in acts:
        return True
    m = re.fullmatch(lim["prime"], name)
    return m is not None and m.group(1) in acts


def _refused(tree: ast.AST, lim: dict[str, Any] | None = None) -> bool:
    """Is ``tree`` certainly refused by the expression language (so the slow path rewrites it)?
    A call of something other than a name, of a course helper (``sigmoid_prime``), or PyTorch's
    ``keepdim``/``dim`` given to a call (no function of the language takes them)."""
    for n in ast.walk(tree):
        if isinstance(n, ast.Subscript):
            return True
        if isinstance(n, ast.Call):
            if not isinstance(n.func, ast.Name):
                return True
            if lim is not None and _helper(n.func.id, lim) or n.func.id == "len":
                return True
            if any(k.arg in ("keepdim", "dim") for k in n.keywords):
                return True
    return False


class _Numpy:
    _BIN = {
        "dot": ast.MatMult,
        "matmul": ast.MatMult,
        "mm": ast.MatMult,
        "multiply": ast.Mult,
        "mul": ast.Mult,
        "divide": ast.Div,
        "div": ast.Div,
        "true_divide": ast.Div,
        "add": ast.Add,
        "subtract": ast.Sub,
        "power": ast.Pow,
        "pow": ast.Pow,
    }

    def __init__(self, lim: dict[str, Any], c: dict[str, Any] | None = None) -> None:
        self.c = c
        self.lim = lim
        self.indicator = lim.get("indicator")
        self.wheres = 0  # np.where calls (the language's spelling) …
        self.others = 0  # … and rewrites the language may refuse (then the NumPy reader's)
        self.modules = tuple(lim["numpy_modules"])
        self.sum = lim["numpy_sum"]
        self.changed = False

    def visit(self, n: ast.AST) -> ast.AST:
        if isinstance(n, ast.Expression):
            n.body = self.visit(n.body)  # type: ignore[assignment]
            return n
        if isinstance(n, ast.Constant | ast.Name):
            return n
        if isinstance(n, ast.BinOp):
            n.left, n.right = self.visit(n.left), self.visit(n.right)  # type: ignore[assignment]
            return n
        if isinstance(n, ast.UnaryOp):
            n.operand = self.visit(n.operand)  # type: ignore[assignment]
            return n
        if isinstance(n, ast.Attribute):
            if n.attr == "size":
                raise _Fallback
            n.value = self.visit(n.value)  # type: ignore[assignment]
            return n
        if isinstance(n, ast.Compare):
            if len(n.ops) == 1 and isinstance(n.ops[0], ast.NotEq | ast.Eq):
                raise _Fallback
            n.left = self.visit(n.left)  # type: ignore[assignment]
            n.comparators = [self.visit(c) for c in n.comparators]  # type: ignore[misc]
            return n
        if isinstance(n, ast.Call):
            return self.call(n)
        if isinstance(n, ast.Subscript):
            return self.entry(n)
        raise _Fallback

    def derivative(self, act: str, z: ast.expr) -> ast.expr:
        """``act'(z)`` as derive.checker.formula._derivative_ast writes it (``x`` → z,
        ``y`` → ``act(z)``)."""
        tree = ast.parse(self.lim["derivatives"][act], mode="eval").body
        value = ast.Call(ast.Name(act, ast.Load()), [z], [])

        class Put(ast.NodeTransformer):
            def visit_Name(self, n: ast.Name) -> ast.expr:  # noqa: N802 - ast's visitor names
                return z if n.id == "x" else value if n.id == "y" else n

        return Put().visit(tree)  # type: ignore[no-any-return]

    @staticmethod
    def where(c: ast.expr, x: ast.expr, y: ast.expr) -> ast.AST:
        """``np.where(l > r, x, y)`` as the language respells it
        (derive.lang.spelling._where): ``relu_grad(l - r) * x + (1 - relu_grad(l - r)) * y``."""
        if not (isinstance(c, ast.Compare) and len(c.ops) == 1):
            raise _Fallback
        left, op, right = c.left, c.ops[0], c.comparators[0]
        zero = isinstance(right, ast.Constant) and right.value == 0
        if isinstance(op, ast.Gt | ast.LtE):
            diff = left if zero else ast.BinOp(left, ast.Sub(), right)
        elif isinstance(op, ast.Lt | ast.GtE):
            diff = ast.UnaryOp(ast.USub(), left) if zero else ast.BinOp(right, ast.Sub(), left)
        else:
            raise _Fallback
        if isinstance(op, ast.LtE | ast.GtE):
            x, y = y, x
        g = ast.Call(ast.Name("relu_grad", ast.Load()), [diff], [])
        zx = isinstance(x, ast.Constant) and x.value == 0
        zy = isinstance(y, ast.Constant) and y.value == 0
        first = ast.BinOp(g, ast.Mult(), x)
        second = ast.BinOp(ast.BinOp(ast.Constant(1), ast.Sub(), g), ast.Mult(), y)
        if zy:
            return first
        if zx:
            return second
        return ast.BinOp(first, ast.Add(), second)

    def entry(self, n: ast.Subscript) -> ast.AST:
        """``X[0, 1]``, ``dZ1[1, 0]``, ``dZ2[1]``: one entry, by its name (as the slow path's
        NumPy reader); anything else indexed (``[:, None]``, ``.shape[0]``): the slow path."""
        c, v = self.c, n.value
        if isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name):
            return self.size(v.value.id, n.slice)
        if c is None or "tensors" not in c or not isinstance(v, ast.Name):
            raise _Fallback
        s = n.slice
        parts = s.elts if isinstance(s, ast.Tuple) else [s]
        idx = []
        for k in parts:
            if not (isinstance(k, ast.Constant) and type(k.value) is int and k.value >= 0):
                raise _Fallback
            idx.append(k.value)
        name, grad = v.id, ""
        tensors = c["tensors"]
        if name not in tensors and name[1:] in tensors:
            name, grad = name[1:], "d"
        if name not in tensors:
            raise _Fallback
        r, cols = tensors[name]
        if len(idx) == 1:
            idx = [0, idx[0]] if r == 1 else [idx[0], 0] if cols == 1 else idx
        if len(idx) != 2:
            raise _Fallback
        label = c["entry_label"].get(f"{name}[{idx[0]},{idx[1]}]")
        if not label:
            raise _Fallback
        self.changed = True
        self.others += 1
        return ast.Name(grad + label, ast.Load())

    def size(self, name: str, k: ast.expr) -> ast.expr:
        """``X.shape[k]`` (``len(X)``: k = 0) → the size's name (``m``) or number, as the slow
        path's NumPy reader (formula._Numpy.dim); a tensor it does not know: the slow path."""
        sizes = (self.c or {}).get("size_names", {}).get(name)
        if isinstance(k, ast.UnaryOp) and isinstance(k.op, ast.USub):
            k = ast.Constant(-k.operand.value) if isinstance(k.operand, ast.Constant) else k
        if (
            sizes is None
            or len(sizes) != 2
            or not isinstance(k, ast.Constant)
            or type(k.value) is not int
            or k.value not in (0, 1, -1, -2)
        ):
            raise _Fallback
        self.changed = True
        self.others += 1
        d = sizes[k.value]
        return ast.Name(d, ast.Load()) if isinstance(d, str) else ast.Constant(d)

    def call(self, node: ast.Call) -> ast.AST:
        f0 = node.func
        if (  # len(X): X.shape[0]
            isinstance(f0, ast.Name)
            and f0.id == "len"
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Name)
            and not node.keywords
        ):
            return self.size(node.args[0].id, ast.Constant(0))
        node.func = self.visit(node.func)  # type: ignore[assignment]
        node.args = [self.visit(a) for a in node.args]  # type: ignore[misc]
        for k in node.keywords:
            k.value = self.visit(k.value)  # type: ignore[assignment]
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise _Fallback
        if names.row_sum_1d(node, self.modules):  # np.sum(X, axis=1): a 1-D row (slow path)
            raise _Fallback
        if names.call_keywords(node):
            self.changed = True
        f, args = node.func, node.args
        if isinstance(f, ast.Name):
            if f.id in ("len", "float", "int", "bool", "sign", "sgn"):
                raise _Fallback
            derivs = self.lim.get("derivatives") or {}
            act = f.id.removesuffix("_backward")
            if f.id.endswith("_backward"):
                if act not in derivs or len(args) != 2 or node.keywords:
                    raise _Fallback
                self.changed = True  # relu_backward(dA, Z): dA * relu'(Z)
                self.others += 1
                return ast.BinOp(args[0], ast.Mult(), self.derivative(act, args[1]))
            m = re.fullmatch(self.lim.get("prime") or r"(?!)", f.id)
            if m and m.group(1) in derivs and len(args) == 1 and not node.keywords:
                self.changed = True  # sigmoid_prime(z), relu_grad(z): the derivative
                self.others += 1
                return self.derivative(m.group(1), args[0])
            if f.id == self.indicator:  # (the NumPy reader writes relu_grad(x) as (x > 0))
                raise _Fallback
            return node
        if not isinstance(f, ast.Attribute):
            raise _Fallback
        base = f.value
        if isinstance(base, ast.Name) and base.id in self.modules:
            self.changed = True
            name, two = f.attr, len(args) == 2
            if name == "where" and len(args) == 3 and not node.keywords:
                if base.id not in ("np", "numpy", "torch") or not self.indicator:
                    raise _Fallback  # the language's spelling modules (derive.lang.spelling)
                self.wheres += 1
                return self.where(*args)
            if base.id not in ("np", "numpy", "torch"):
                self.others += 1  # (np. and torch. ones below the language reads alike)
            if name in self._BIN and two:
                return ast.BinOp(args[0], self._BIN[name](), args[1])
            if name == "transpose" and len(args) == 1:
                return ast.Attribute(args[0], "T", ast.Load())
            if name == "square" and len(args) == 1:
                return ast.BinOp(args[0], ast.Pow(), ast.Constant(2))
            if name == "sum" and self.sum == "sum" or name == "mean" and self.lim.get("mean"):
                if two:
                    node.keywords = [ast.keyword("axis", args[1]), *node.keywords]
                    node.args = [args[0]]
                node.func = ast.Name(name, ast.Load())
                return node
            raise _Fallback
        if f.attr not in ("sum", "mean", "dot", "matmul", "mm", "transpose", "t", "item"):
            self.others += 1  # (these methods the language reads alike: X.T.dot(np.where(…)))
        if f.attr == "sum" or f.attr == "mean" and self.lim.get("mean"):
            self.changed = True
            if len(args) == 1:
                node.keywords = [ast.keyword("axis", args[0]), *node.keywords]
            return ast.Call(ast.Name(f.attr, ast.Load()), [base], node.keywords)
        if f.attr in ("dot", "matmul", "mm") and len(args) == 1:
            self.changed = True
            return ast.BinOp(base, ast.MatMult(), args[0])
        if f.attr in ("transpose", "t") and not args:
            self.changed = True
            return ast.Attribute(base, "T", ast.Load())
        if f.attr in ("item", "squeeze", "copy", "float", "double") and not args:
            self.changed = True
            return base
        raise _Fallback


def _normalised(text: str, lim: dict[str, Any], c: dict[str, Any] | None = None) -> str:
    """``text`` with its NumPy spellings rewritten, as the slow path rewrites them."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
        fixer = _Numpy(lim, c)
        new = fixer.visit(tree)
        if not fixer.changed:
            raise _Fallback
        if fixer.wheres and fixer.others:
            # np.where is read by the language (derive.lang.spelling) only when the rest is
            # the language's too; else the NumPy reader rewrites it another way: slow path
            raise _Fallback
        return ast.unparse(ast.fix_missing_locations(new))
    except (SyntaxError, ValueError, RecursionError, MemoryError, TypeError, AttributeError):
        raise _Fallback from None


# ---- printing (as derive.checker.formtree.tree_text) ---------------------------------------------

_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2}


def _num_text(v: Fraction) -> tuple[str, int]:
    if v.denominator == 1:
        return str(v.numerator), 5 if v >= 0 else 3
    d = v.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        return f"{float(v)!r}", 5 if v >= 0 else 3
    return f"{v.numerator}/{v.denominator}", 2


def _text(n: tuple[Any, ...], parent: int = 0) -> str:
    kind = n[0]
    if kind == "num":
        s, prec = _num_text(n[1])
    elif kind == "name":
        s, prec = n[1], 5
    elif kind == "bin":
        op = n[1]
        prec = _PREC[op]
        left = n[2]
        mixes = left[0] == "bin" and left[1] in ("@", "*", "/") and (op == "@") != (left[1] == "@")
        s = f"{_text(left, prec + 1 if mixes else prec)} {op} {_text(n[3], prec + 1)}"
    elif kind == "neg":
        inner = _text(n[1], 3)
        s, prec = f"-({inner})" if inner.startswith("-") else f"-{inner}", 3  # as formtree.negated
    elif kind == "pow":
        e, _ = _num_text(n[2])
        s, prec = f"{_text(n[1], 5)} ** {e if n[2] >= 0 else f'({e})'}", 4
    elif kind == "T":
        s, prec = f"{_text(n[1], 5)}.T", 5
    elif kind in ("sum", "mean"):
        parts = [_text(n[1])] + [f"{k}={_text(v)}" for k, v in n[2]]
        s, prec = f"{kind}({', '.join(parts)})", 5
    elif kind == "call":
        s, prec = f"{n[1]}({_text(n[2])})", 5
    else:  # cmp
        s, prec = f"{_text(n[2], 1)} {n[1]} {_text(n[3], 1)}", 0
    return f"({s})" if prec < parent else s


# ---- converting (as derive.checker.formula.Convert): shapes, names, cost -------------------------


def _fits(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return all(x == y or x == 1 or y == 1 for x, y in zip(a, b, strict=True))


class _Plan:
    """A formula as evaluation steps: ``(kind, shape, …)`` trees over leaf numbers."""

    def __init__(self, c: dict[str, Any]) -> None:
        self.c = c
        self.cost = 0
        self.piecewise = False
        self.grads_used: set[str] = set()
        self.leaves: set[int] = set()
        self.roots = False  # a square root: answered when right only (see _Numbers.root)

    def count(self, shape: tuple[int, int], inner: int = 1) -> None:
        self.cost += int(shape[0]) * int(shape[1]) * int(inner)
        if self.cost > 50 * self.c["limits"]["max_cost"]:
            raise _Fallback

    def matrix(self, p: tuple[Any, ...]) -> bool:
        """Is plan ``p`` a matrix to the slow path (not an ``mf.Scalar``, which ``@`` refuses)?
        A 1 × 1 one is where it reads a tensor (``h.T @ (y_pred - y_target)``, tiny-mlp's 1 × 1
        output); numbers and the network's scalars alone may fold to a Scalar."""
        if p[1] != (1, 1):
            return True
        return any(self.c["leaves"][i]["kind"] != "scalar" for i in _leaves(p))

    def convert(self, n: tuple[Any, ...]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """(plan, the tree with names resolved) — plan nodes carry their shape at [1]."""
        kind = n[0]
        if kind == "num":
            return ("num", (1, 1), n[1]), n
        if kind == "name":
            if n[1] == self.c["limits"]["ones"]:
                raise _Fallback
            table = self.c["names"]
            found = names.resolve(lambda t: t in table, self.c["constants"], n[1])
            if found is None:
                raise _Fallback  # unknown (or pos_weight): the slow path's message
            i = table[found]
            info = self.c["leaves"][i]
            if info["kind"] == "other":
                raise _Fallback
            if info["kind"] == "grad":
                self.grads_used.add(info["tensor"])
            self.leaves.add(i)
            return ("leaf", tuple(info["shape"]), i), ("name", found)
        if kind == "neg":
            x, nx = self.convert(n[1])
            self.count(x[1])
            return ("neg", x[1], x), ("neg", nx)
        if kind == "T":
            x, nx = self.convert(n[1])
            out = x if x[1] == (1, 1) else ("T", (x[1][1], x[1][0]), x)
            return out, ("T", nx)
        if kind == "pow":
            x, nx = self.convert(n[1])
            self.count(x[1], 8)
            if n[2].denominator != 1:
                raise _Fallback  # a root: not a rational operation
            return ("pow", x[1], x, n[2]), ("pow", nx, n[2])
        if kind == "bin":
            a, na = self.convert(n[2])
            b, nb = self.convert(n[3])
            op = n[1]
            if op == fastlatex.STAR:
                raise _Fallback  # '*' in written maths (Convert.binop's declared_star): slow path
            if op == "·":  # a LaTeX product (as derive.checker.formula.Convert.binop)
                op = _product(self.c, a, b, na, nb)
            shown = ("bin", op, na, nb)
            if op == "@":
                if not (self.matrix(a) and self.matrix(b)):
                    raise _Fallback  # maybe a scalar in @: the slow path's shape error
                if a[1][1] != b[1][0]:
                    raise _Shape  # shapes that do not chain
                out = ("@", (a[1][0], b[1][1]), a, b)
                self.count(out[1], a[1][1])
                return out, shown
            if not _fits(a[1], b[1]):
                raise _Shape
            shape = (max(a[1][0], b[1][0]), max(a[1][1], b[1][1]))
            self.count(shape)
            return (op, shape, a, b), shown
        if kind == "cmp":
            a, na = self.convert(n[2])
            b, nb = self.convert(n[3])
            if not _fits(a[1], b[1]):
                raise _Fallback
            self.piecewise = True
            shape = (max(a[1][0], b[1][0]), max(a[1][1], b[1][1]))
            self.count(shape)
            return ("cmp", shape, n[1], a, b), ("cmp", n[1], na, nb)
        if kind == "call":  # f(Z) where the network has A = f(Z): A's values at every point
            x, nx = self.convert(n[2])
            self.count(x[1], 4)
            if n[1] == self.c["limits"].get("indicator"):  # relu_grad(x): 1[x > 0]
                self.piecewise = True
                return ("cmp", x[1], ">", x, ("num", (1, 1), Fraction(0))), ("call", n[1], nx)
            if n[1] == "sqrt" and self.c["limits"].get("sqrt"):  # \sqrt{d} (LaTeX)
                self.roots = True
                return ("sqrt", x[1], x), ("call", n[1], nx)
            f = self.c["calls"][n[1]]
            if x[0] != "leaf" or str(x[2]) not in f["of"]:
                raise _Fallback  # f of anything else: the slow path evaluates it
            if f["kinks"]:
                self.piecewise = True
            i = f["of"][str(x[2])]
            self.leaves.add(i)
            return ("leaf", x[1], i), ("call", n[1], nx)
        if kind not in ("sum", "mean"):  # a Leibniz factor left unresolved: the slow path
            raise _Fallback
        x, nx = self.convert(n[1])
        self.count(x[1], 4)
        kwargs = n[2]
        axis = dict(kwargs).get("axis")
        if axis is not None and axis[0] == "num" and axis[1] in (-1, -2):
            axis = ("num", Fraction(int(axis[1]) + 2))
            kwargs = tuple((k, axis if k == "axis" else v) for k, v in kwargs)
        if axis is not None and not (axis[0] == "num" and axis[1] in (0, 1)):
            raise _Fallback
        r, c = x[1]
        if axis is None:
            out = ("sumall", (1, 1), x)
        elif axis[1] == 0:
            out = ("sumrows", (1, c), x)
        else:
            out = ("sumcols", (r, 1), x)
        if kind == "mean":
            out = ("/", out[1], out, self.count_of(x, nx, axis))
        return out, (kind, nx, kwargs)

    def count_of(
        self, x: tuple[Any, ...], nx: tuple[Any, ...], axis: tuple[Any, ...] | None
    ) -> tuple[Any, ...]:
        """The number of entries a mean of ``x`` along ``axis`` divides by, in the sizes as
        declared (the slow path's ``Graph.count``: ``m`` at every size): _Fallback where a size
        is not one name or number with ``x``'s length there."""
        try:
            dims = _declared(self.c, nx)
        except (IndexError, KeyError, TypeError, ValueError):
            raise _Fallback from None
        if len(dims) != 2:
            raise _Fallback
        axes = (0, 1) if axis is None else (int(axis[1]),)
        values = {s[0]: s[1] for s in self.c["sizes"]}
        out: tuple[Any, ...] = ("num", (1, 1), Fraction(1))
        for k in axes:
            d = dims[k]
            if type(d) is int:
                if d != x[1][k]:
                    raise _Fallback
                p: tuple[Any, ...] = ("num", (1, 1), Fraction(d))
            elif isinstance(d, str) and values.get(d) == x[1][k]:
                p = self.convert(("name", d))[0]
                if p[0] != "leaf" or self.c["leaves"][p[2]]["kind"] != "scalar":
                    raise _Fallback
            else:
                raise _Fallback
            out = p if out[0] == "num" and out[2] == 1 else ("*", (1, 1), out, p)
        return out


# ---- Leibniz notation (as derive.checker.formula.Convert.chains) ---------------------------------


_PRODUCTS = ("·", "*", "@", fastlatex.STAR)  # formula._PRODUCT_OPS


def _tuple(t: Any) -> tuple[Any, ...]:
    """A compiled JSON tree (:func:`derive.checker.compiled._tree`) as the fast path's tree."""
    kind = t[0]
    if kind == "up":
        return ("up",)
    if kind == "num":
        return ("num", Fraction(t[1]))
    if kind == "name":
        return ("name", str(t[1]))
    if kind == "bin":
        return ("bin", str(t[1]), _tuple(t[2]), _tuple(t[3]))
    if kind in ("neg", "T"):
        return (kind, _tuple(t[1]))
    if kind == "pow":
        return ("pow", _tuple(t[1]), Fraction(t[2]))
    if kind == "cmp":
        return ("cmp", str(t[1]), _tuple(t[2]), _tuple(t[3]))
    if kind == "sum":
        return ("sum", _tuple(t[1]), tuple((str(k), _tuple(v)) for k, v in t[2]))
    if kind == "call":
        return ("call", str(t[1]), _tuple(t[2]))
    raise _Fallback


def _put(t: tuple[Any, ...], up: tuple[Any, ...]) -> tuple[Any, ...]:
    """A stored pull with ``up`` standing for its upstream gradient."""
    if t[0] == "up":
        return up
    if t[0] == "sum":
        return ("sum", _put(t[1], up), tuple((k, _put(v, up)) for k, v in t[2]))
    return tuple(_put(k, up) if isinstance(k, tuple) else k for k in t)


def _kids_map(n: tuple[Any, ...], f: Any) -> tuple[Any, ...]:
    """``n`` with ``f`` applied to each of its subtrees."""
    if n[0] in ("sum", "mean"):
        return (n[0], f(n[1]), tuple((k, f(v)) for k, v in n[2]))
    return tuple(f(k) if isinstance(k, tuple) else k for k in n)


def _derivatives(c: dict[str, Any], n: tuple[Any, ...]) -> tuple[Any, ...]:
    """``f'(x)`` (``("prime", f, x)``) as latexin writes it (formtree.derivative_tree): the
    operation table's derivative of f, its ``x`` the argument and ``y`` the call ``f(x)``."""
    if n[0] != "prime":
        return _kids_map(n, lambda k: _derivatives(c, k))
    text = (c["limits"].get("derivatives") or {}).get(n[1])
    if text is None:
        raise _Fallback
    arg = _derivatives(c, n[2])
    given = {"x": arg, "y": ("call", n[1], arg)}

    def put(t: tuple[Any, ...]) -> tuple[Any, ...]:
        if t[0] == "name" and t[1] in given:
            return given[t[1]]
        return _kids_map(t, put)

    return put(_Reader(c["limits"], c.get("calls", {})).parse(text))


def _has(t: Any, kind: str) -> bool:
    if not isinstance(t, tuple) or not t:
        return False
    if t[0] == kind:
        return True
    if t[0] == "sum":
        return _has(t[1], kind) or any(_has(v, kind) for _, v in t[2])
    return any(_has(k, kind) for k in t[1:])


class _Chains:
    """Leibniz factors ``("leib", A, B)`` resolved exactly as the slow path's
    :meth:`derive.checker.formula.Convert.prepare` resolves them: a product ``∂L/∂A · ∂A/∂B``
    (either order, ``·``, ``⊙`` or ``@``) is the upstream gradient pulled back through node A's
    forward definition to B, a factor on its own is the local derivative. The pulls are the slow
    path's own, stored per edge in the compiled form (``leibniz``: the factor alone, and an
    upstream of A's shape); an upstream of another shape, an entry's label, a node that is not
    an input of A, or an edge not stored: :class:`_Fallback` (the slow path answers or refuses).
    A resolved edge is an ``("atom", tree)`` (formula.Convert's ``_atoms``) until the end."""

    def __init__(self, c: dict[str, Any]) -> None:
        self.c = c
        self.table = c["names"]
        self.nodes = c["leibniz"]

    def prepare(self, tree: tuple[Any, ...]) -> tuple[Any, ...]:
        return self.unwrap(self.alone(self.chains(tree)))

    def tensor(self, raw: tuple[Any, ...]) -> str:
        """formula.Convert.tensor for a node of the network that has a forward definition
        (any other name, an entry's label: the slow path)."""
        if raw[0] != "name":
            raise _Fallback  # a name a row defined, written out (formula._derivation)
        found = names.resolve(lambda t: t in self.table, self.c["constants"], raw[1])
        if found is None or found in self.c["label_at"] or found not in self.c["tensors"]:
            raise _Fallback
        if found not in self.nodes:
            raise _Fallback
        return found

    def elementwise(self, n: tuple[Any, ...]) -> bool:
        """formula.Convert.elementwise: is ``n`` ∂A/∂B of an activation A = f(B)?"""
        return n[0] == "leib" and bool(self.nodes[self.tensor(n[1])]["elementwise"])

    def scalar_over(self, n: tuple[Any, ...]) -> bool:
        return n[0] == "leib" and bool(self.nodes[self.tensor(n[1])]["scalar"])

    @staticmethod
    def last(n: tuple[Any, ...]) -> tuple[Any, ...]:
        while n[0] == "bin" and n[1] in _PRODUCTS:
            n = n[3]
        return n

    @staticmethod
    def first(n: tuple[Any, ...]) -> tuple[Any, ...]:
        while n[0] == "bin" and n[1] in _PRODUCTS:
            n = n[2]
        return n

    def replace_last(self, n: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
        if n[0] == "bin" and n[1] in _PRODUCTS:
            return ("bin", n[1], n[2], self.replace_last(n[3], new))
        return new

    def replace_first(self, n: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
        if n[0] == "bin" and n[1] in _PRODUCTS:
            return ("bin", n[1], self.replace_first(n[2], new), n[3])
        return new

    def chains(self, n: tuple[Any, ...]) -> tuple[Any, ...]:
        kind = n[0]
        if kind == "bin":
            left, right = self.chains(n[2]), self.chains(n[3])
            if n[1] in _PRODUCTS:
                if self.scalar_over(right) or self.scalar_over(left):
                    left, right = (
                        self.edge(x, None) if self.scalar_over(x) else x for x in (left, right)
                    )
                    return ("bin", n[1], left, right)
                elementwise = n[1] == "*" or n[1] == fastlatex.STAR and self.elementwise(right)
                if elementwise and right[0] == "leib" and self.last(left)[0] != "leib":
                    return self.edge(right, left)  # G ⊙ ∂A/∂Z: all of G is the upstream
                if right[0] == "leib" and self.last(left)[0] != "leib":
                    return self.replace_last(left, self.edge(right, self.last(left)))
                if left[0] == "leib" and self.first(right)[0] != "leib":
                    return self.replace_first(right, self.edge(left, self.first(right)))
            return ("bin", n[1], left, right)
        if kind in ("neg", "T"):
            return (kind, self.chains(n[1]))
        if kind == "pow":
            return ("pow", self.chains(n[1]), n[2])
        if kind == "cmp":
            return ("cmp", n[1], self.chains(n[2]), self.chains(n[3]))
        if kind == "sum":
            return ("sum", self.chains(n[1]), n[2])
        if kind == "call":
            return ("call", n[1], self.chains(n[2]))
        return n  # a name, a number, a Leibniz factor (paired by the caller), an atom

    def alone(self, n: tuple[Any, ...]) -> tuple[Any, ...]:
        if n[0] == "leib":
            return self.edge(n, None)
        if n[0] == "atom" or not _has(n, "leib"):
            return n
        if n[0] == "bin":
            return ("bin", n[1], self.alone(n[2]), self.alone(n[3]))
        if n[0] in ("neg", "T"):
            return (n[0], self.alone(n[1]))
        if n[0] == "pow":
            return ("pow", self.alone(n[1]), n[2])
        if n[0] == "cmp":
            return ("cmp", n[1], self.alone(n[2]), self.alone(n[3]))
        if n[0] == "sum":
            return ("sum", self.alone(n[1]), n[2])
        if n[0] == "call":
            return ("call", n[1], self.alone(n[2]))
        raise _Fallback

    def edge(self, leib: tuple[Any, ...], up: tuple[Any, ...] | None) -> tuple[Any, ...]:
        """``up · ∂A/∂B`` (formula.Convert.edge)."""
        a, b = self.tensor(leib[1]), leib[2]
        if b[0] != "name":
            raise _Fallback
        found = names.resolve(lambda t: t in self.table, self.c["constants"], b[1])
        if found is None or found in self.c["label_at"] or found not in self.c["tensors"]:
            raise _Fallback
        node = self.nodes[a]
        stored = node["edges"].get(found)
        if stored is None:
            raise _Fallback  # not an input of A, or a pull the fast path does not evaluate
        plain = ("num", Fraction(1)) if up is None else self.unwrap(up)
        if plain == ("num", Fraction(1)):  # the factor on its own (formula.Convert.pull's alone)
            return ("atom", _tuple(stored["alone"]))
        if plain[0] == "num" or _has(plain, "leib"):
            raise _Fallback
        shape, _ = _Plan(self.c).convert(plain)
        if list(shape[1]) != list(node["shape"]):
            raise _Fallback  # the pull of an upstream of another shape: the slow path's
        return ("atom", _put(_tuple(stored["up"]), up))

    def unwrap(self, n: tuple[Any, ...]) -> tuple[Any, ...]:
        if n[0] == "atom":
            return self.unwrap(n[1])
        if n[0] == "sum":
            return ("sum", self.unwrap(n[1]), tuple((k, self.unwrap(v)) for k, v in n[2]))
        if n[0] in ("num", "name", "leib"):
            return n
        return tuple(self.unwrap(k) if isinstance(k, tuple) else k for k in n)


def _declared(c: dict[str, Any], n: tuple[Any, ...]) -> tuple[Any, ...]:
    """A resolved tree's shape with sizes as declared (derive.engine.backprop.sym_shape):
    IndexError where the slow path's has none."""
    kind = n[0]
    if kind == "name":
        return tuple(c["declared"][n[1]])
    if kind in ("neg", "pow"):
        return _declared(c, n[1])
    if kind == "T":
        s = _declared(c, n[1])
        return (s[1], s[0]) if s else s
    if kind == "bin":
        a, b = _declared(c, n[2]), _declared(c, n[3])
        if n[1] == "@":
            return (a[0], b[1])
        if not a or not b:
            return a or b
        return tuple(y if x == 1 else x for x, y in zip(a, b, strict=True))
    if kind in ("sum", "mean"):
        x = _declared(c, n[1])
        axis = dict(n[2]).get("axis")
        if axis is not None and axis[0] == "num" and x:
            return (1, x[1]) if axis[1] == 0 else (x[0], 1)
        return ()
    if kind == "cmp":  # [Z > 0]: the broadcast shape of its two sides (formula.Convert.declared)
        return _declared(c, ("bin", "*", n[2], n[3]))
    if kind == "call":  # an element-wise function (the only calls read): its argument's shape
        return _declared(c, n[2])
    return ()  # a number


def _product(
    c: dict[str, Any],
    a: tuple[Any, ...],
    b: tuple[Any, ...],
    na: tuple[Any, ...],
    nb: tuple[Any, ...],
) -> str:
    """A LaTeX product ``a · b`` as Convert.binop resolves it: by the declared shapes where they
    decide (declared_product), else scaling when a side is 1 × 1, a matrix product when the
    sizes chain, element-wise for equal shapes that do not; _Fallback for a shape error."""
    if c.get("declared") is None:
        raise _Fallback
    try:
        sa, sb = _declared(c, na), _declared(c, nb)
    except (IndexError, KeyError, TypeError, ValueError):
        sa = sb = None
    if sa is not None and sb is not None and len(sa) == 2 and len(sb) == 2:
        if not all(type(d) is int for d in (*sa, *sb)):
            if sa[1] == sb[0] and type(sa[1]) is not int:
                return "@"
            if sa == sb and not _transposed_matrix(na, nb, (sa[0], sa[1])):
                return "*"
    if (1, 1) in (a[1], b[1]):
        return "*"
    if a[1][1] == b[1][0]:
        return "@"
    if a[1] == b[1] and not _transposed_matrix(na, nb, a[1]):
        return "*"
    raise _Fallback  # a shape error: the slow path's message


def _transposed_matrix(na: tuple[Any, ...], nb: tuple[Any, ...], shape: tuple[Any, Any]) -> bool:
    r"""As formula._transposed_matrix: two equal, non-square shapes with a transpose written on
    one side (``g\,W_2^{\top}``) are no element-wise product."""
    return shape[0] != shape[1] and any(n[0] == "T" for n in (na, nb))


# ---- evaluating: exactly (rationals) and in float64 (as FloatSystem) -----------------------------
#
# The slow path evaluates at the random points in 50-digit binary arithmetic; the stored values
# there are its own 50-digit numbers, each an exact rational (mantissa · 2^exponent). The formulas
# read here use only + − · / @, whole powers, comparisons and sums — rational operations — so
# they are evaluated exactly, and compared with the slow path's tolerance (``CHECK_RTOL``, 1e-40
# relative, about 10^9 times the 50-digit rounding). float64 values are Python floats, whose
# operations are IEEE float64 as NumPy's; a product, quotient or power that is not finite makes
# the formula undefined there, as in FloatSystem.


class _Undefined(Exception):
    pass


def _rational(v: Any) -> Fraction:
    m, e = int(v[0]), int(v[1])
    return Fraction(m * (1 << e)) if e >= 0 else Fraction(m, 1 << -e)


def _exact_leaf(v: Any) -> list[list[Fraction]]:
    if v is None:
        raise _Fallback  # not a finite number there: the slow path decides
    return [[_rational(x) for x in row] for row in v]


def _float_leaf(v: Any) -> list[list[float]]:
    return [[v]] if isinstance(v, float) else [[float(x) for x in row] for row in v]


def _shape(a: list[list[Any]]) -> tuple[int, int]:
    return len(a), len(a[0])


def _broadcast(ra: int, rb: int) -> int:
    if ra == rb or rb == 1:
        return ra
    if ra == 1:
        return rb
    raise _Undefined  # shapes that do not broadcast (NumPy: ValueError)


def _zip(f: Any, a: list[list[Any]], b: list[list[Any]]) -> list[list[Any]]:
    (ra, ca), (rb, cb) = _shape(a), _shape(b)
    r, c = _broadcast(ra, rb), _broadcast(ca, cb)
    return [
        [
            f(a[i if ra > 1 else 0][j if ca > 1 else 0], b[i if rb > 1 else 0][j if cb > 1 else 0])
            for j in range(c)
        ]
        for i in range(r)
    ]


_TESTS = {
    ">": lambda x, y: x > y,
    ">=": lambda x, y: x >= y,
    "<": lambda x, y: x < y,
    "<=": lambda x, y: x <= y,
}
_ARITH = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "/": lambda x, y: x / y,
}


class _Numbers:
    """One number system: exact rationals at a random point, or float64 at a point."""

    def __init__(self, leaves: Any, exact: bool) -> None:
        self.leaves, self.exact = leaves, exact
        self.one, self.zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)

    def leaf(self, i: int) -> list[list[Any]]:
        if self.exact:
            return _exact_leaf(self.leaves[i])
        return _float_leaf(self.leaves[str(i)])  # KeyError: not known at this point

    def root(self, v: Any) -> Any:
        """√v of a positive v (else the slow path decides: its domain guards). Exactly: a
        rational within 2^-256 of √v relatively — the slow path's 50-digit numbers are within
        about 10^-50, and formulas are compared to CHECK_RTOL (10^-40), so the verdict is the
        same; in float64 as NumPy (correctly rounded)."""
        if not v > 0:
            raise _Fallback
        if not self.exact:
            return math.sqrt(v)
        p, q = v.numerator, v.denominator  # √(p/q) = √(p q) / q
        return Fraction(math.isqrt(p * q << 512), q << 256)

    def checked(self, out: list[list[Any]]) -> list[list[Any]]:
        if not self.exact and not all(math.isfinite(v) for row in out for v in row):
            raise _Undefined
        return out

    def run(self, p: tuple[Any, ...]) -> list[list[Any]]:
        kind = p[0]
        if kind == "num":
            return [[p[2] if self.exact else float(p[2])]]
        if kind == "leaf":
            return self.leaf(p[2])
        if kind == "neg":
            return [[-v for v in row] for row in self.run(p[2])]
        if kind == "T":
            return [list(r) for r in zip(*self.run(p[2]), strict=True)]
        if kind == "pow":
            k = int(p[3])
            return self.checked([[v**k for v in row] for row in self.run(p[2])])
        if kind == "@":
            a, b = self.run(p[2]), self.run(p[3])
            if _shape(a)[1] != _shape(b)[0]:
                raise _Undefined
            cols = list(zip(*b, strict=True))
            start = self.zero
            return [
                [sum((x * y for x, y in zip(r, c, strict=True)), start) for c in cols] for r in a
            ]
        if kind in _ARITH:
            out = _zip(_ARITH[kind], self.run(p[2]), self.run(p[3]))
            return self.checked(out) if kind in ("*", "/") else out
        if kind == "cmp":
            t, one, zero = _TESTS[p[2]], self.one, self.zero
            return _zip(lambda x, y: one if t(x, y) else zero, self.run(p[3]), self.run(p[4]))
        x = self.run(p[2])
        if kind == "sqrt":
            return [[self.root(v) for v in row] for row in x]
        if kind == "sumrows":
            return [[sum(col, self.zero) for col in zip(*x, strict=True)]]
        if kind == "sumcols":
            return [[sum(row, self.zero)] for row in x]
        assert kind == "sumall"
        return [[sum((v for row in x for v in row), self.zero)]]


MAX_DEGREE = (
    48  # exact values grow with a formula's degree (A1 ** 16 ** 16 …): beyond, the slow path
)


def _degree(p: tuple[Any, ...]) -> int:
    """The polynomial degree of a plan in its leaves (a quotient counts both sides): the size of
    its exact values in bits is about the degree times a leaf's."""
    kind = p[0]
    if kind == "num":
        return 0
    if kind == "leaf":
        return 1
    if kind == "pow":
        return _degree(p[2]) * abs(int(p[3]))
    if kind in ("@", "*", "/"):
        return _degree(p[2]) + _degree(p[3])
    if kind in ("+", "-"):
        return max(_degree(p[2]), _degree(p[3]))
    if kind == "cmp":
        return max(_degree(p[3]), _degree(p[4]))
    if kind == "sqrt":  # a rational of about 256 bits more: two leaves' worth
        return _degree(p[2]) + 2
    return _degree(p[2])  # neg, T, sums


def exact_value(plan: tuple[Any, ...], leaves: list[Any]) -> list[list[Fraction]] | None:
    """The plan's exact value at a point (``leaves``: the slow path's numbers there), None where
    it has none (a division by zero)."""
    try:
        out = _Numbers(leaves, True).run(plan)
    except ZeroDivisionError:
        return None
    if _shape(out) != plan[1]:
        r, c = plan[1]
        out = [
            [out[i if len(out) > 1 else 0][j if len(out[0]) > 1 else 0] for j in range(c)]
            for i in range(r)
        ]
    return out


def _same(a: list[list[Fraction]] | None, want: Any, rtol: Fraction) -> bool:
    """As derive.checker.evaluate.same (the values exact here)."""
    if a is None or want is None:
        return False
    b = _exact_leaf(want)
    if _shape(a) != _shape(b):
        return False
    one = Fraction(1)
    for ra, rb in zip(a, b, strict=True):
        for x, y in zip(ra, rb, strict=True):
            if not abs(x - y) <= rtol * max(one, abs(x), abs(y)):
                return False
    return True


def float_value(plan: tuple[Any, ...], leaves: dict[str, Any]) -> list[list[float]] | None:
    """The plan's float64 value (``leaves`` by number), None where it is undefined or not
    finite; KeyError when a leaf is not known there."""
    try:
        out = _Numbers(leaves, False).run(plan)
    except (_Undefined, ZeroDivisionError, OverflowError):
        return None
    return out if all(math.isfinite(v) for row in out for v in row) else None


def _close(
    a: list[list[float]], b: list[list[float]], rtol: float, atol: float, tiny: float
) -> bool:
    """As derive.checker.evaluate.close (``atol`` relative to ``b``'s largest entry)."""
    if _shape(a) != _shape(b):
        return False
    scale = max(max(abs(v) for row in b for v in row), tiny)
    return all(
        abs(x - y) <= rtol * abs(y) + atol * scale
        for ra, rb in zip(a, b, strict=True)
        for x, y in zip(ra, rb, strict=True)
    )


# ---- the verdict ------------------------------------------------------------------------------


def _target(c: dict[str, Any], wrt: str | None) -> str:
    """The gradient checked (as _entry_wrt, then wrt_from); an entry: the slow path."""
    if wrt is None:
        raise _Fallback
    raw = wrt.strip()
    labels = set(c["labels"])
    if "[" in raw or raw in labels or (raw.startswith("d") and raw[1:] in labels):
        raise _Fallback
    for cand in (
        raw,
        raw[1:] if raw.startswith("d") else None,
        raw[6:] if raw.startswith("delta_") else None,
    ):
        if cand and cand in c["gradients"]:  # as tensor_of: the first that names a gradient
            if cand not in c["targets"]:
                raise _Fallback
            return cand
    raise _Fallback


def _correct(c: dict[str, Any], plan: _Plan, user: tuple[Any, ...], name: str) -> bool:
    """Every test of the slow path's verdict "correct" (with no note) passes."""
    t = c["targets"][name]
    lim = c["limits"]
    tol = lim["tolerance"]
    rtol = _rational(tol["check_rtol"])
    if name in plan.grads_used or list(user[1]) != t["shape"]:
        return False
    pts = c["points"]
    for k in range(lim["points_piecewise"] if plan.piecewise else lim["points"]):
        if not _same(exact_value(user, pts["rand"][k]), t["rand"][k], rtol):
            return False
    if pts["zero"] is not None:
        if not _same(exact_value(user, pts["zero"][0]), t["zero"][0], rtol):
            return False
    if _dead_differs(c, user, t, rtol):
        return False
    if not _sizes_agree(c, user, name):
        return False
    # float64 at the example values (a note — roundoff, overflow — is the slow path's)
    try:
        mine = float_value(user, c["example"]["leaves"])
    except KeyError:
        return False
    if mine is None:
        return False
    r, cols = t["shape"]
    if _shape(mine) != (r, cols):
        try:
            mine = _zip(lambda x, y: x, mine, [[0.0] * cols for _ in range(r)])
        except _Undefined:
            return False
    want = t["example"]
    return all(  # as numpy.allclose
        abs(x - y) <= tol["atol"] + tol["rtol"] * abs(y)
        for ra, rb in zip(mine, want, strict=True)
        for x, y in zip(ra, rb, strict=True)
    )


def answer(
    net: str,
    wrt: str | None,
    formula: str,
    *,
    lang: str = "en",
    as_json: bool = False,
    latex: bool = False,
) -> tuple[str, int] | None:
    """What ``derive check NET FORMULA --wrt WRT`` (``--latex``) prints and its exit code (0
    right, 1 wrong), or None when the slow path must answer (see the module's docstring): a
    right formula, or a wrong one whose mistake the compiled diagnosis data names
    (:mod:`derive.checker.fastdiag`, with the repair search of a transposed or swapped result
    and a sum over the other axis, :class:`_Repair`); LaTeX (:mod:`derive.checker.fastlatex`)
    too, its fixes and messages written in LaTeX from the compiled form's ``tex_args``. Calls
    ``f(Z)`` are read where the network has ``A = f(Z)`` (``A``'s values), ``np.where`` as the
    language respells it (``relu_grad``)."""
    if isinstance(formula, str) and ("\\otimes" in formula or "⊗" in formula):
        return None  # ⊗ read as ⊙: the slow path says so in a note (round 39)
    try:
        c = compiled_for(net)
        if c is None or not isinstance(formula, str):
            return None
        lim = c["limits"]
        if latex or names.looks_latex(formula):
            return _latex_answer(c, wrt, formula, lang, as_json)
        if len(formula) > lim["max_length"] or any(c in formula for c in "∂#;\n"):
            return None
        if re.search(lim["leibniz"], formula) and "=" not in formula:  # dL/dZ2 * dZ2/dW2
            return _text_leibniz(c, wrt, formula, lang, as_json)
        if re.search(lim["leibniz"], formula) or re.match(
            r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)", formula
        ):
            return None
        reader = _Reader(lim, c.get("calls", {}))
        if lim["torch_keywords"]:  # then _refused could not tell: the slow path
            return None
        try:
            refused = _refused(ast.parse(formula.strip(), mode="eval"), lim)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        tree = reader.parse(_normalised(formula, lim, c) if refused else formula)
        entry = _entry_of(c, wrt)
        if entry is not None:  # one entry of a gradient: an element-wise formula
            return _entry_answer(c, entry, formula, tree, lang, as_json)
        name = _target(c, wrt)
        plan = _Plan(c)
        user, resolved = plan.convert(tree)
        if plan.cost > lim["max_cost"] or _degree(user) > MAX_DEGREE:
            return None
        if _correct(c, plan, user, name):
            found: tuple[list[fastdiag.Finding], list[dict[str, Any]]] = ([], [])
        else:
            found = _wrong(c, plan, user, name, resolved, formula)
    except (
        _Fallback,
        fastlatex.Fallback,
        fastdiag.Fallback,
        KeyError,
        IndexError,
        TypeError,
        ValueError,
        RecursionError,
        ZeroDivisionError,
        OverflowError,
    ):
        return None  # anything unexpected (a damaged entry, too): the slow path answers
    t = c["targets"][name]
    info = {k: t[k] for k in ("shape", "expected", "expanded", "tex")} | {"wrt": name}
    out = _output(c, info, formula, _text(resolved), *found, lang, as_json)
    return out, 1 if found[0] else 0


_INDEX = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\[\s*(0|[1-9][0-9]*)\s*,\s*(0|[1-9][0-9]*)\s*\]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _tensor_of(c: dict[str, Any], text: str) -> str | None:
    """As :func:`derive.checker.formula.tensor_of` (``W2``, ``dW2``, ``delta_W2``)."""
    for cand in (
        text,
        text[1:] if text.startswith("d") else None,
        text[6:] if text.startswith("delta_") else None,
    ):
        if cand and cand in c["values"]:
            return cand
    return None


def entry(c: dict[str, Any], wrt: str) -> tuple[str, int, int, str]:
    """As :func:`derive.checker.handcalc._entry` for ``W1[0,0]``, ``W1[0][0]``, a label
    (``w11``, ``dw11``) or a 1×1 tensor; _Fallback for anything else (errors included)."""
    raw = wrt.strip()
    raw = re.sub(r"^(\w+)\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]$", r"\1[\2,\3]", raw)
    labels = c["label_at"]
    name = raw[1:] if raw.startswith("d") and raw[1:] in labels else raw
    if name in labels:
        tensor, i, j = labels[name]
        if tensor not in c["values"]:
            raise _Fallback
        return tensor, int(i), int(j), f"{tensor}[{i},{j}] ({name})"
    if _NAME.fullmatch(raw):
        tensor = _tensor_of(c, raw)
        if tensor is None or c["values"][tensor]["shape"] != [1, 1]:
            raise _Fallback
        return tensor, 0, 0, tensor
    m = _INDEX.fullmatch(raw)
    if m is None:
        raise _Fallback
    tensor = _tensor_of(c, m.group(1))
    if tensor is None:
        raise _Fallback
    r, cols = c["values"][tensor]["shape"]
    i, j = int(m.group(2)), int(m.group(3))
    if not (i < r and j < cols):
        raise _Fallback
    lab = c["values"][tensor]["labels"]
    return tensor, i, j, f"{tensor}[{i},{j}]" + (f" ({lab[i][j]})" if lab else "")


# ---- element-wise formulas: one entry (as derive.checker.check._check_entry) ---------------------


def _entry_of(c: dict[str, Any], wrt: str | None) -> tuple[str, int, int, dict[str, Any]] | None:
    """``--wrt W1[0,0]`` / ``w11`` / ``dw11``: (tensor, i, j, its stored texts), None for a
    whole tensor (as _entry_wrt); _Fallback for a 1×1 tensor, an entry without stored texts
    or a ``--wrt`` the slow path may refuse."""
    if wrt is None:
        return None
    raw = wrt.strip()
    labels = c["label_at"]
    label = raw[1:] if raw.startswith("d") and raw[1:] in labels else raw
    if label not in labels and "[" not in raw:
        return None
    try:
        tensor, i, j, _ = entry(c, raw)
    except _Fallback:
        raise _Fallback from None
    t = c["targets"].get(tensor)
    if t is None or t["shape"] == [1, 1] or not t.get("entries"):
        raise _Fallback  # a 1×1 tensor is checked as a whole (the slow path), or no texts
    return tensor, i, j, t["entries"][i][j]


def _entry_want(grid: Any, i: int, j: int) -> Any:
    return None if grid is None else [[grid[i][j]]]


def _entry_answer(
    c: dict[str, Any],
    entry: tuple[str, int, int, dict[str, Any]],
    formula: str,
    tree: tuple[Any, ...],
    lang: str,
    as_json: bool,
    latex: bool = False,
) -> tuple[str, int]:
    """The slow path's answer on an element-wise formula for one gradient entry, or _Fallback
    where only it can tell (a shape, a circular formula, relu'(0), a size, undefined values;
    ``latex``: any wrong one, whose messages the slow path writes in LaTeX)."""
    tensor, i, j, texts = entry
    t = c["targets"][tensor]
    lim = c["limits"]
    pts = c["points"]
    rtol = _rational(lim["tolerance"]["check_rtol"])
    plan = _Plan(c)
    user, resolved = plan.convert(tree)
    if plan.cost > lim["max_cost"] or _degree(user) > MAX_DEGREE:
        raise _Fallback
    if tuple(user[1]) != (1, 1) or tensor in plan.grads_used:
        raise _Fallback  # a shape or a circular formula: the slow path's message
    n = lim["points_piecewise"] if plan.piecewise else lim["points"]
    mine = {k: exact_value(user, pts["rand"][k]) for k in range(n)}
    want = {k: _entry_want(t["rand"][k], i, j) for k in range(n)}
    found: list[fastdiag.Finding] = []
    notes: list[dict[str, Any]] = []
    if all(_same(mine[k], want[k], rtol) for k in range(n)):
        if pts["zero"] is not None and not _same(
            exact_value(user, pts["zero"][0]), _entry_want(t["zero"][0], i, j), rtol
        ):
            raise _Fallback  # relu-at-zero: the slow path
        if _dead_differs(c, user, t, rtol, (i, j)):
            raise _Fallback  # a dead pooling window (conv45): the slow path's message
        for k in range(2):
            if not _same(exact_value(user, pts["dims"][k]), _entry_want(t["dims"][k], i, j), rtol):
                raise _Fallback  # right only at the example's sizes (or a literal): slow path
    elif latex:
        raise _Fallback
    else:
        found = [_entry_diagnosis(c, tensor, i, j, mine, want, texts["expected"])]
        d = t["diag"]
        if d is None:
            raise _Fallback
        if _same(exact_value(user, pts["example"][0]), _entry_want(d["example"], i, j), rtol):
            notes.append(fastdiag.msg("note.example_only"))
    info = {
        "wrt": texts["wrt"],
        "shape": [1, 1],
        "expected": texts["tex"] if latex else texts["expected"],
        "expanded": texts["tex"] if latex else None,  # as check._in_latex
        "tex": texts["tex"],
    }
    shown = _entries_as_written(c, resolved) if "[" in formula else resolved
    out = _output(c, info, formula, _text(shown), found, notes, lang, as_json)
    return out, 1 if found else 0


def _entries_as_written(c: dict[str, Any], n: tuple[Any, ...]) -> tuple[Any, ...]:
    """As derive.checker.check._entries_as_written: the entries' names (``A111``) shown as the
    entries written (``A1[0,0]``) in the echo of a formula with subscripts."""
    back = {}
    for key, label in c["entry_label"].items():
        back[label], back["d" + label] = key, "d" + key

    def shown(n: tuple[Any, ...]) -> tuple[Any, ...]:
        kind = n[0]
        if kind == "name":
            return ("name", back.get(n[1], n[1]), *n[2:])
        if kind in ("neg", "pow", "T"):
            return (kind, shown(n[1]), *n[2:])
        if kind in ("bin", "cmp"):
            return (kind, n[1], shown(n[2]), shown(n[3]), *n[4:])
        if kind in ("sum", "mean"):
            return (kind, shown(n[1]), tuple((k, shown(v)) for k, v in n[2]), *n[3:])
        if kind == "call":
            return (kind, n[1], shown(n[2]), *n[3:])
        return n

    return shown(n)


def _entry_diagnosis(
    c: dict[str, Any],
    tensor: str,
    i: int,
    j: int,
    mine: dict[int, Any],
    want: dict[int, Any],
    expected: str,
) -> fastdiag.Finding:
    """As derive.checker.check._entry_diagnosis (float64 at the first four defined points)."""
    t = c["targets"][tensor]
    tol = c["limits"]["tolerance"]["rtol"]
    ks = [k for k in mine if mine[k] is not None and want[k] is not None][:4]
    if not ks:
        raise _Fallback  # undefined everywhere: the slow path's message
    u, w = [], []
    for k in ks:
        a, b = _floats_of(mine[k]), _floats_of(_exact_leaf(want[k]))
        if a is None or b is None:
            raise _Fallback
        u.append(a[0][0])
        w.append(b[0][0])

    def close(a: list[float], b: list[float]) -> bool:
        return all(abs(x - y) <= tol * max(1.0, abs(y)) for x, y in zip(a, b, strict=True))

    if close(u, [-x for x in w]):
        return ("sign", fastdiag.msg("diag.entry_sign"), expected, None)
    nonzero = [(a, b) for a, b in zip(u, w, strict=True) if b != 0]  # as the slow path
    if len(nonzero) >= 2 and all(a == 0 for a, b in zip(u, w, strict=True) if b == 0):
        ratios = [a / b for a, b in nonzero]
        if ratios[0] != 0 and all(abs(r - ratios[0]) <= tol * abs(ratios[0]) for r in ratios):
            if any(
                abs(ratios[0] - v**k) <= tol * abs(ratios[0])
                for _, v, _, _, _ in c["sizes"]
                for k in (1, -1, 2, -2)
            ):
                raise _Fallback  # perhaps a size's power (m ×, not 2 ×): check._entry_size_power
            f = fastdiag.factor_text(ratios[0], tol)
            return ("scale-factor", fastdiag.msg("diag.entry_factor", factor=f), expected, f)
    fulls = [_floats_of(_exact_leaf(t["rand"][k])) for k in ks]
    if all(f is not None for f in fulls):
        r, cols = t["shape"]
        for a in range(r):
            for b in range(cols):
                if (a, b) != (i, j) and close(u, [f[a][b] for f in fulls]):  # type: ignore[index]
                    m = fastdiag.msg("diag.entry_other", tensor=tensor, a=a, b=b, i=i, j=j)
                    return ("wrong-entry", m, expected, None)
    d = t["diag"]
    if d is None or max(ks) >= c["limits"]["diag_points"]:
        raise _Fallback  # the mistake library's values are stored at the diagnosis points only
    for mut in d["library"]:
        vals = [mut["values"][k] for k in ks]
        if list(mut["shape"]) == list(t["shape"]) and all(v is not None for v in vals):
            if close(u, [float(v[i][j]) for v in vals]):
                return (mut["code"], mut["msg"], expected, None)
    raise _Fallback  # perhaps a missing factor: the slow path tests each entry (check._missing_factor)


# ---- LaTeX rows: a derivation (as formula.read, _statements, _derivation) ----------------------

ENVIRONMENT = re.compile(  # formula._ENVIRONMENT (a test checks)
    r"\\(begin|end)\{(aligned|align\*?|gathered|gather\*?|split|array|equation\*?|displaymath"
    r"|multline\*?)\}(\{[^}]*\})?"
)


def _quad_split(piece: str) -> list[str]:
    """formula._quad_split: equations set side by side with ``\\quad`` are statements."""
    segs = re.split(r"(,?\s*\\q?quad\b)", piece)
    out = [segs[0]]
    for sep, seg in zip(segs[1::2], segs[2::2], strict=True):
        if "=" in seg and ("=" in out[-1] or _WHERE.match(seg)) and not _REASON.match(seg):
            out.append(seg)
        else:
            out[-1] += sep + seg
    return out


_WHERE = re.compile(r"\s*\\text\{\s*(?:where|with|and)\s*\}\s*(.+)", re.S)  # formula._WHERE
_REASON = re.compile(  # formula._REASON
    r"\s*\\text\{\s*(?:since|because|as|by|for|using|from|i\.e\.|e\.g\.|因为|由于)\b"
)


def _open_brackets(text: str) -> int:
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def statements(text: str) -> list[str]:
    """LaTeX ``text`` split into statements as formula._statements splits it (rows ``\\\\``,
    lines, ``;``, ``\\quad``; ``&`` dropped; a row with open brackets or starting ``=`` goes on)."""
    body = ENVIRONMENT.sub("", text)
    pieces = re.split(r"\\\\|\n|(?<!\\);", body)
    pieces = [q.replace("&", "") for p in pieces for q in _quad_split(p)]
    if any(_WHERE.match(p) for p in pieces[1:]):
        raise _Fallback  # "… \quad \text{where } δ = …": a definition (formula._statements)
    out: list[str] = []
    for piece in pieces:
        if out and (_open_brackets(out[-1]) > 0 or piece.strip().startswith("=")):
            out[-1] = f"{out[-1]} {piece.strip()}"
        elif piece.strip() and not piece.strip().startswith("#"):
            out.append(piece.strip())
    if _defined_after(out):
        raise _Fallback  # "∂L/∂W = X^⊤ δ, \quad δ = …" (formula._definitions_first)
    return out


_GRADIENT_LHS = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*(?:\\mathrm\{d\}|d)|∂")  # formula's
_D_LHS = re.compile(r"\s*(?:\\mathrm\{d\}|d)\s*(?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z][^=]*$")  # formula's


def _defined_after(parts: list[str]) -> bool:
    """Does a statement after the answer define a name the answer uses (formula._definitions_first
    moves it before the answer)?"""
    sides = [p.split("=", 1) if "=" in p else None for p in parts]
    answers = [i for i, s in enumerate(sides) if s is not None and _GRADIENT_LHS.search(s[0])]
    if not answers and sides and sides[0] is not None and _D_LHS.match(sides[0][0]):
        answers = [0]  # formula._definitions_first: Ng's names, the answer first
    if not answers or answers[-1] == len(parts) - 1:
        return False
    used = re.sub(r"\s+", "", sides[answers[-1]][1])  # type: ignore[index]
    used = re.sub(r"\]\(\w\)\}", "]}", used)  # formula._definitions_first
    return all(
        s is not None and not _GRADIENT_LHS.search(s[0]) and s[0].strip()
        and re.sub(r"\s+", "", s[0]) in used
        for s in sides[answers[-1] + 1 :]
    )


def _gradient_of(c: dict[str, Any], text: str) -> str | None:
    """formula.tensor_of: the tensor with a gradient that ``text`` names (``dW2``, ``W2``)."""
    grads = c["gradients"]
    if text in grads:
        return text
    loss = re.escape(c["loss"])
    m = re.fullmatch(rf"(?:d(?:{loss}|L|J|C|E)_?d|delta_|grad_|nabla_|d_|d)(\w+)", text)
    if m is None:
        m = re.fullmatch(r"(\w+?)_?(?:grad|gradient)", text)
    if m is None:
        return None
    return names.resolve(lambda t: t in grads, c["constants"], m.group(1))


def _size(t: Any) -> int:
    if not isinstance(t, tuple):
        return 0
    if t and t[0] in ("sum", "mean"):
        return 1 + _size(t[1]) + sum(1 + _size(v) for _, v in t[2])
    return 1 + sum(_size(k) for k in t[1:])


def _row(
    c: dict[str, Any], part: str, known: Any, seen: set[str]
) -> tuple[tuple[Any, ...], str | None]:
    """One statement (latexin.parse, formula._read_one): its tree and its left side's name."""
    lim = c["limits"]
    body, lhs = fastlatex.split_lhs(fastlatex.unwrap(part))
    tree = fastlatex.parse(body, known, lim, c["loss"], seen)
    if _has(tree, "prime"):
        tree = _derivatives(c, tree)
        fastlatex.limit(tree, lim)
    if lhs is None:
        return tree, None
    kind, text, loss = lhs
    node = fastlatex.parse(text, known, lim)
    if node[0] != "name":
        raise _Fallback
    if kind == "is":
        return tree, node[1]
    if loss is not None and loss != c["loss"] and (
        loss not in ("L", "J", "E", "C", "ell") or known(loss)
    ):
        raise _Fallback  # ∂A/∂B on the left: not a gradient's name (the slow path's error)
    return tree, "d" + node[1]


def _rows(
    c: dict[str, Any], parts: list[str], known: Any, want: str, seen: set[str]
) -> tuple[tuple[Any, ...], str | None]:
    """A derivation (formula._derivation): the answer — the last row naming ``want``'s gradient,
    else the last row — with the names defined in the rows before it replaced by their
    definitions, and its left side's name."""
    read = [_row(c, p, known, seen) for p in parts]
    named = [k for k, (_, lhs) in enumerate(read) if lhs and _gradient_of(c, lhs) == want]
    answer = named[-1] if named else len(read) - 1
    defs: dict[str, tuple[Any, ...]] = {}

    def subst(n: tuple[Any, ...]) -> tuple[Any, ...]:
        if n[0] == "name" and n[1] in defs:
            return defs[n[1]]
        return n if n[0] in ("name", "num") else _kids_map(n, subst)

    for k, (tree, lhs) in enumerate(read[: answer + 1]):
        if k < answer and lhs is None:
            raise _Fallback  # a row without a left side before the answer: the slow path's error
        tree = subst(tree)
        if 2 * _size(tree) > 4 * c["limits"]["max_nodes"]:
            raise _Fallback  # near formula.MAX_EXPANDED: the slow path decides
        if k == answer:
            return tree, lhs
        assert lhs is not None
        defs[lhs] = tree
    raise _Fallback


def _latex_answer(
    c: dict[str, Any], wrt: str | None, formula: str, lang: str, as_json: bool
) -> tuple[str, int] | None:
    """A right LaTeX formula for a whole gradient, as the slow path answers it (its fixes and
    messages turned into LaTeX are the slow path's: a wrong formula falls back)."""
    table = c["names"]

    def known(name: str) -> bool:  # as derive.checker.checknet.Net.known
        return names.resolve(lambda t: t in table, c["constants"], name) is not None

    parts = statements(formula) if isinstance(formula, str) else []
    seen: set[str] = set()
    if len(parts) > 1:  # rows: a derivation whose names stand for their definitions
        if wrt is None or _entry_of(c, wrt) is not None:
            return None
        if any(_CLAIMED.match(p) for p in parts):
            return None  # every gradient a row states is judged (check._claimed_steps): slow
        name = _target(c, wrt)
        tree, row_lhs = _rows(c, parts, known, name, seen)
        if row_lhs is not None:
            bare = row_lhs[1:] if row_lhs.startswith("d") else row_lhs
            if row_lhs in c["label_at"] or bare in c["label_at"]:
                return None  # an entry's gradient on the left (check._entry_wrt)
            if _gradient_of(c, row_lhs) not in (None, name):
                return None  # another gradient on the left: the slow path's error
        return _latex_verdict(c, name, tree, seen, formula, lang, as_json)
    body, lhs = fastlatex.split_lhs(fastlatex.unwrap(formula))
    scalar = _scalar_wanted(c, wrt)
    tree = fastlatex.parse(body, known, c["limits"], c["loss"], seen, scalar)
    if _has(tree, "prime"):  # f'(x): read by latexin as the table's derivative
        tree = _derivatives(c, tree)
        fastlatex.limit(tree, c["limits"])
    entry = _entry_of(c, wrt)
    if "leibniz" in seen and entry is not None:  # ∂A/∂B of entries: the slow path
        return None
    if entry is not None and lhs is None:  # an element-wise LaTeX formula (wrong: the slow path)
        return _entry_answer(c, entry, formula, tree, lang, as_json, latex=True)
    if entry is not None or (lhs is not None and wrt is None):
        return None  # the left side names the entry or the gradient: the slow path reads it
    name = _target(c, wrt)
    if lhs is not None and _lhs_names(c, lhs, known) != name:
        return None  # another gradient's name on the left: the slow path says so
    return _latex_verdict(c, name, tree, seen, formula, lang, as_json)


# a row that states a gradient (Leibniz, ∇, Ng's d-name) or a chain: the slow path judges it
_CLAIMED = re.compile(
    r"\s*(?:\\frac\s*\{\s*\\partial|\\nabla|(?:\\mathrm\{d\}|d)\s*(?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z])"
    r"|[^=]*=[^=]*="
)


def _scalar_wanted(c: dict[str, Any], wrt: str | None) -> bool | None:
    """Is the gradient asked for one number (formula._scalar_target: an entry, or a 1 x 1
    tensor)? None where that is not told here (a bare ``\\sum`` then goes to the slow path)."""
    if wrt is None:
        return None
    try:
        if _entry_of(c, wrt) is not None:
            return True
        shape = c["targets"][_target(c, wrt)]["shape"]
    except (_Fallback, KeyError, TypeError):
        return None
    return list(shape) == [1, 1]


def _text_leibniz(
    c: dict[str, Any], wrt: str | None, formula: str, lang: str, as_json: bool
) -> tuple[str, int] | None:
    """A right chain rule in plain text, ``dL/dZ2 * dZ2/dW2`` (no left side): read as
    formula._read_one reads it — ``dA/dB`` as ``\\frac{dA}{dB}``, ``.T`` as ``^T`` — in LaTeX,
    answered in the plain language (a wrong one, or one LaTeX does not read: the slow path)."""
    lim = c["limits"]
    if not formula.isascii() or _entry_of(c, wrt) is not None:
        return None
    alt = re.sub(r"\.T\b", "^T", formula).replace("**", "^")
    alt = re.sub(lim["leibniz"], lambda m: f"\\frac{{d{m.group(1)}}}{{d{m.group(2)}}}", alt)
    table = c["names"]

    def known(name: str) -> bool:
        return names.resolve(lambda t: t in table, c["constants"], name) is not None

    seen: set[str] = set()
    tree = fastlatex.parse(fastlatex.unwrap(alt), known, lim, c["loss"], seen)
    if _has(tree, "prime"):
        return None
    name = _target(c, wrt)
    tree = _Chains(c).prepare(tree)
    plan = _Plan(c)
    user, resolved = plan.convert(tree)
    if plan.cost > lim["max_cost"] or _degree(user) > MAX_DEGREE:
        return None
    if not _correct(c, plan, user, name):
        return None  # the slow path diagnoses it as written
    t = c["targets"][name]
    info = {k: t[k] for k in ("shape", "expected", "expanded", "tex")} | {"wrt": name}
    return _output(c, info, formula, _text(resolved), [], [], lang, as_json), 0


def _latex_verdict(
    c: dict[str, Any],
    name: str,
    tree: tuple[Any, ...],
    seen: set[str],
    formula: str,
    lang: str,
    as_json: bool,
) -> tuple[str, int] | None:
    """The answer on a LaTeX formula read as ``tree`` for ``name``'s gradient."""
    if "leibniz" in seen:
        tree = _Chains(c).prepare(tree)
    plan = _Plan(c)
    user, resolved = plan.convert(tree)
    if plan.cost > c["limits"]["max_cost"] or _degree(user) > MAX_DEGREE:
        return None
    t = c["targets"][name]
    tex = t.get("latex")
    if tex is None:
        return None
    if list(user[1]) != t["shape"] and any(c["leaves"][i].get("vector") for i in plan.leaves):
        return None  # vectors in the wrong shape: the slow path reads them as columns too
    found: list[fastdiag.Finding] = []
    notes: list[dict[str, Any]] = []
    if not _correct(c, plan, user, name):
        if plan.roots:
            return None  # √: right ones only (the diagnosis compares with the slow path's search)
        if "leibniz" in seen:  # a right chain rule only: a wrong one is diagnosed as written
            return None  # (check._check_formula's raw)
        if "axis" in formula:
            return None  # the slow path's NumPy row-sum note reads the text
        found, notes = _wrong(c, plan, user, name, resolved, formula)
        found = _in_latex(c, t, found)
    info = {
        "wrt": name,
        "shape": t["shape"],
        "expected": tex["expected"],
        "expanded": tex["expanded"],
        "tex": t["tex"],
    }
    return _output(c, info, formula, _text(resolved), found, notes, lang, as_json), (
        1 if found else 0
    )


def _lhs_names(
    c: dict[str, Any], lhs: tuple[str, str, str | None], known: Any
) -> str | None:
    """The tensor whose gradient a LaTeX left side names (``\\frac{\\partial L}{\\partial
    W^{[2]}}``, ``\\nabla_{W} J``, ``dW^{[2]}``, ``\\delta^{[1]}``), or None where the slow path
    must read it (another loss, a name that is not one tensor's gradient)."""
    kind, text, loss = lhs
    if loss is not None and loss != c["loss"] and (
        loss not in ("L", "J", "E", "C", "ell") or known(loss)
    ):
        return None
    tree = fastlatex.parse(text, known, c["limits"])
    if tree[0] != "name":
        return None
    table = c["names"]
    got = names.resolve(lambda t: t in table, c["constants"], tree[1])
    if got is None:
        return None
    if kind == "of":
        return got if got in c["targets"] else None
    return got[1:] if got.startswith("d") and got[1:] in c["targets"] else None


def _in_latex(
    c: dict[str, Any], t: dict[str, Any], found: list[fastdiag.Finding]
) -> list[fastdiag.Finding]:
    """The findings of a wrong LaTeX formula with their fixes and messages in LaTeX, as
    derive.checker.check._in_latex writes them (every fast fix is the expected formula)."""
    expected = t["latex"]["expected"]
    swaps = {t["expected"]: expected} if t["expected"] and expected != t["expected"] else {}
    out = []
    for code, m, fix, factor in found:
        if fix != t["expected"]:
            raise _Fallback
        out.append((code, fastdiag.tex_msg(m, swaps, c["tex_args"]), expected, factor))
    return out


def _sizes_agree(c: dict[str, Any], user: tuple[Any, ...], name: str) -> bool:
    """Does the formula hold on the network at other sizes (float64, every size different)
    or, where that cannot be tried, at the points with other dims (exact)? As
    derive.checker.check._at_other_sizes and the test after it."""
    t = c["targets"][name]
    tol = c["limits"]["tolerance"]
    rtol = _rational(tol["check_rtol"])
    at_dims = None
    if c["resized"] and all(name in p["grads"] for p in c["resized"]):
        at_dims = True
        for p in c["resized"]:
            try:
                mine = float_value(user, p["leaves"])
            except KeyError:
                at_dims = None  # a name not known at other sizes: other dims instead
                break
            loose = p["loose"]
            rt, at = (tol["fd_rtol"], tol["fd_atol"]) if loose else (tol["rtol"], tol["atol"])
            if mine is None or not _close(mine, p["grads"][name], rt, at, tol["tiny"]):
                return False
    if at_dims is None:
        for k in range(2):
            if not _same(exact_value(user, c["points"]["dims"][k]), t["dims"][k], rtol):
                return False
    return True


def _right_at_points(
    c: dict[str, Any], user: tuple[Any, ...], name: str, resolved: tuple[Any, ...], text: str
) -> list[fastdiag.Finding]:
    """A formula equal to the gradient at the random points but not right: relu'(0) or a size
    name standing for another of the same value (as derive.checker.check._check_formula and
    _size_swap); the rest (a number for a size, a note) is _Fallback."""
    t = c["targets"][name]
    rtol = _rational(c["limits"]["tolerance"]["check_rtol"])
    pts = c["points"]
    if pts["zero"] is not None:
        mine = exact_value(user, pts["zero"][0])
        if mine is None:
            raise _Fallback  # undefined there: the slow path's message
        if not _same(mine, t["zero"][0], rtol):
            if t.get("clamp") or t.get("smooth_zero"):
                raise _Fallback  # PyTorch's clamp(min=0), a smooth kink: the slow path's message
            how: Any = fastdiag.msg("diag.relu_nonstrict") if _nonstrict(resolved) else ""
            m = fastdiag.msg("diag.relu_at_zero", grad=f"∂L/∂{name}", undefined="", how=how)
            return [("relu-at-zero", m, t["expected"], None)]
    if _dead_differs(c, user, t, rtol):
        raise _Fallback  # a dead pooling window (conv45): the slow path's message
    if _sizes_agree(c, user, name):
        raise _Fallback  # right (with a note, or not in float64): the slow path
    return [_size_swap(c, user, name, text)]


def _dead_differs(
    c: dict[str, Any], user: tuple[Any, ...], t: dict[str, Any], rtol: Any, entry: tuple[int, int] | None = None
) -> bool:
    """conv45: does the formula differ from the gradient at the dead-window point (one whole
    pooling window of a kink input below the kink; only for gradients that pass that kink)?
    Undefined there is not judged, as the slow path's derive.checker.check._dead_window."""
    dead = c["points"].get("dead")
    want = t.get("dead")
    if dead is None or want is None or want[0] is None:
        return False
    mine = exact_value(user, dead[0])
    if mine is None:
        return False
    return not _same(mine, want[0] if entry is None else _entry_want(want[0], *entry), rtol)


def _nonstrict(n: tuple[Any, ...]) -> bool:
    """Does the tree compare with >= or <=?"""
    if n[0] == "cmp" and n[1] in (">=", "<="):
        return True
    return any(_nonstrict(x) for x in n[1:] if isinstance(x, tuple) and x and isinstance(x[0], str))


def _size_swap(c: dict[str, Any], user: tuple[Any, ...], name: str, text: str) -> fastdiag.Finding:
    """As derive.checker.check._size_swap: the size name the formula uses where another of the
    same value belongs, found at the points with other dims; _Fallback when none is found."""
    t = c["targets"][name]
    rtol = _rational(c["limits"]["tolerance"]["check_rtol"])
    sizes = {sym: (dim, v) for dim, v, _, sym, _ in c["sizes"]}
    leaves = c["leaves"]
    leaf_of = {}  # a size's symbol → the leaf that is exactly it
    for dim, _, _, sym, _ in c["sizes"]:
        i = c["names"].get(dim)
        if i is not None and leaves[i].get("symbol") == sym:
            leaf_of[sym] = i
    used_leaves = _leaves(user)
    used: set[str] = set()
    for i in used_leaves:
        syms = set(leaves[i].get("symbols", ())) & set(sizes)
        if syms and leaves[i].get("symbol") not in syms:
            raise _Fallback  # a size inside a larger expression: the slow path replaces it
        used |= syms
    written = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    for a in sorted(used, key=lambda s: (sizes[s][0] not in written, s)):
        for b in sorted(sizes):
            if b == a or sizes[a][1] != sizes[b][1]:
                continue
            if a not in leaf_of or b not in leaf_of:
                raise _Fallback
            fixed = _swap_leaf(user, leaf_of[a], leaf_of[b])
            if all(
                _same(exact_value(fixed, c["points"]["dims"][k]), t["dims"][k], rtol)
                for k in range(2)
            ):
                used_name, right = sizes[a][0], sizes[b][0]
                # the factor as measured where the sizes differ (check._size_swap)
                there = {sym: w for _, _, w, sym, _ in c["sizes"]}
                mine = exact_value(user, c["points"]["dims"][0])
                want = t["dims"][0]
                factor = f"{right}/{used_name}"
                if mine is not None and want is not None:
                    pairs = [
                        (float(u), float(_rational(w)))
                        for ru, rw in zip(mine, want, strict=False)
                        for u, w in zip(ru, rw, strict=False)
                        if _rational(w) != 0
                    ]
                    if pairs and math.isclose(
                        pairs[0][0] / pairs[0][1], there[a] / there[b], rel_tol=1e-6
                    ):
                        factor = f"{used_name}/{right}"
                m = fastdiag.msg(
                    "diag.wrong_size",
                    used=used_name,
                    right=right,
                    value=int(sizes[a][1]),
                    factor=factor,
                )
                return ("scale-factor", m, t["expected"], factor)
    raise _Fallback


def _leaves(p: tuple[Any, ...]) -> set[int]:
    if p[0] == "leaf":
        return {p[2]}
    out: set[int] = set()
    for x in p[2:]:
        if isinstance(x, tuple) and x and isinstance(x[0], str):
            out |= _leaves(x)
    return out


def _swap_leaf(p: tuple[Any, ...], old: int, new: int) -> tuple[Any, ...]:
    if p[0] == "leaf":
        return ("leaf", p[1], new) if p[2] == old else p
    return tuple(
        _swap_leaf(x, old, new) if isinstance(x, tuple) and x and isinstance(x[0], str) else x
        for x in p
    )


def check(
    net: str, wrt: str | None, formula: str, *, lang: str = "en", as_json: bool = False
) -> str | None:
    """What ``derive check NET FORMULA --wrt WRT`` prints when the formula is correct, or None
    (a wrong formula, or the slow path must answer)."""
    out = answer(net, wrt, formula, lang=lang, as_json=as_json)
    return out[0] if out is not None and out[1] == 0 else None


def _floats_of(v: list[list[Fraction]] | None) -> list[list[float]] | None:
    """As derive.checker.evaluate.floats: None where undefined or beyond float64."""
    if v is None:
        return None
    try:
        return [[float(x) for x in row] for row in v]
    except OverflowError:
        return None


def _wrong(
    c: dict[str, Any],
    plan: _Plan,
    user: tuple[Any, ...],
    name: str,
    resolved: tuple[Any, ...],
    text: str,
) -> tuple[list[fastdiag.Finding], list[dict[str, Any]]]:
    """The findings and notes of the slow path on a formula that is not right
    (:func:`derive.checker.check._check_formula` then :func:`derive.checker.diagnose.diagnose`),
    or _Fallback / fastdiag.Fallback where only the slow path can tell."""
    t = c["targets"][name]
    lim = c["limits"]
    pts = c["points"]
    rtol = _rational(lim["tolerance"]["check_rtol"])
    if name in plan.grads_used:
        return [("circular", fastdiag.msg("diag.circular", name=name), t["expected"], None)], []
    shape, want = tuple(user[1]), tuple(t["shape"])
    if shape == (1, 1) and want != (1, 1):
        raise _Fallback  # a constant for a matrix: broadcast by the slow path
    if shape == want:
        n = lim["points_piecewise"] if plan.piecewise else lim["points"]
        if all(_same(exact_value(user, pts["rand"][k]), t["rand"][k], rtol) for k in range(n)):
            found = _right_at_points(c, user, name, resolved, text)
            notes = [] if found[0][0] == "relu-at-zero" else [fastdiag.msg("note.example_sizes")]
            return found, notes
    diag = fastdiag.Diagnoser(
        c, name, plan.grads_used, _sums(user), lambda how: _Repair(c, name).search(how, resolved)
    )
    uvals = []
    for k in range(lim["diag_points"]):
        v = _floats_of(exact_value(user, pts["rand"][k]))
        if v is None:
            raise _Fallback  # undefined at a point: the slow path says where
        uvals.append(v)

    def at_dims() -> list[list[list[float]] | None]:
        return [_floats_of(exact_value(user, pts["dims"][k])) for k in range(2)]

    found = diag.diagnose(shape, uvals, at_dims)
    notes: list[dict[str, Any]] = []
    if shape == want:
        d = t["diag"]
        if _binary_only(c, user, d["binary"], rtol):
            notes.append(fastdiag.msg("note.binary_labels"))
            if any(f[0] == "unknown" for f in found):
                raise _Fallback
        elif (d.get("onehot") or d.get("counts")) and any(f[0] == "unknown" for f in found):
            raise _Fallback  # maybe right for one-hot targets only: the slow path tests and says
        elif d["example"] is not None and _same(
            exact_value(user, pts["example"][0]), d["example"], rtol
        ):
            notes.append(fastdiag.msg("note.example_only"))
    return found, notes


# ---- repairs of the user's own formula (as derive.checker.repair) -------------------------------

MAX_CANDIDATES = 200  # derive.checker.repair.MAX_CANDIDATES (a test checks)
MAX_PAIR_EDITS = 16  # derive.checker.repair.MAX_PAIR_EDITS


def _kids(n: tuple[Any, ...]) -> tuple[tuple[Any, ...], ...]:
    """As derive.checker.formtree.subtrees on the text tree."""
    kind = n[0]
    if kind in ("bin", "cmp"):
        return (n[2], n[3])
    if kind in ("neg", "T", "pow", "sum", "mean"):
        return (n[1],)
    if kind == "call":
        return (n[2],)
    return ()


def _rebuild(n: tuple[Any, ...], kids: tuple[tuple[Any, ...], ...]) -> tuple[Any, ...]:
    kind = n[0]
    if kind in ("bin", "cmp"):
        return (kind, n[1], kids[0], kids[1])
    if kind in ("neg", "T"):
        return (kind, kids[0])
    if kind in ("pow", "sum", "mean"):
        return (kind, kids[0], n[2])
    if kind == "call":
        return (kind, n[1], kids[0])
    return n


def _positions(n: tuple[Any, ...], path: tuple[int, ...] = ()) -> Any:
    yield path, n
    for i, k in enumerate(_kids(n)):
        yield from _positions(k, (*path, i))


def _replace_at(n: tuple[Any, ...], path: tuple[int, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    if not path:
        return new
    kids = list(_kids(n))
    kids[path[0]] = _replace_at(kids[path[0]], path[1:], new)
    return _rebuild(n, tuple(kids))


def _edits(tree: tuple[Any, ...]) -> Any:
    """As derive.checker.repair._edits: swaps, transposes dropped or added, the whole."""
    nodes = list(_positions(tree))
    for path, n in nodes:
        if n[0] == "bin" and n[1] in ("@", "·"):
            m = fastdiag.msg("repair.swap", x=_text(n))
            yield "swap", m, _replace_at(tree, path, ("bin", n[1], n[3], n[2]))
    for path, n in nodes:
        if n[0] == "T":
            m = fastdiag.msg("repair.drop_transpose", x=_text(n[1], 5))
            yield "remove-T", m, _replace_at(tree, path, n[1])
        elif n[0] in ("name", "sum", "mean", "call") or n[0] == "bin" and n[1] in ("@", "·"):
            m = fastdiag.msg("repair.transpose", x=_text(n, 5))
            yield "add-T", m, _replace_at(tree, path, ("T", n))
    yield "transpose-result", fastdiag.msg("repair.transpose_result"), ("T", tree)
    yield from _axis_edits(tree)


def _axis_edits(tree: tuple[Any, ...]) -> Any:
    for path, n in _positions(tree):
        if n[0] in ("sum", "mean"):
            axis = dict(n[2]).get("axis")
            if axis is not None and axis[0] == "num" and axis[1] in (0, 1):
                other = ("num", 1 - axis[1])
                kwargs = tuple((k, other if k == "axis" else v) for k, v in n[2])
                m = fastdiag.msg("round2.axis", x=_text(n, 5), axis=int(other[1]))
                yield "axis", m, _replace_at(tree, path, (n[0], n[1], kwargs))


class _Repair:
    """derive.checker.repair.repair / axis_repair on the text tree, with the candidates
    evaluated as the slow path evaluates them (exact at the diagnosis points, float64 on the
    network at other sizes); _Fallback where a candidate is not decided here."""

    def __init__(self, c: dict[str, Any], name: str) -> None:
        self.c, self.name = c, name
        self.t = c["targets"][name]
        self.rtol = _rational(c["limits"]["tolerance"]["check_rtol"])
        self.scalars = frozenset(c["scalar_names"])
        self.seen: set[tuple[Any, ...]] = set()

    def plan(self, tree: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The candidate's plan, None when its shapes do not fit (no formula)."""
        plan = _Plan(self.c)
        try:
            user, _ = plan.convert(tree)
        except _Shape:
            return None
        if plan.cost > self.c["limits"]["max_cost"] or _degree(user) > MAX_DEGREE:
            raise _Fallback
        return user

    def at_points(self, user: tuple[Any, ...]) -> bool:
        pts = self.c["points"]["rand"]
        return tuple(user[1]) == tuple(self.t["shape"]) and all(
            _same(exact_value(user, pts[k]), self.t["rand"][k], self.rtol)
            for k in range(self.c["limits"]["diag_points"])
        )

    def at_other_sizes(self, user: tuple[Any, ...]) -> bool:
        """As derive.checker.repair.at_other_sizes."""
        tol = self.c["limits"]["tolerance"]
        for p in self.c["resized"]:
            want = p["grads"].get(self.name)
            if want is None:
                return True
            try:
                mine = float_value(user, p["leaves"])
            except KeyError:
                return False
            rt, at = (tol["fd_rtol"], tol["fd_atol"]) if p["loose"] else (tol["rtol"], tol["atol"])
            if mine is None or not _close(mine, want, rt, at, tol["tiny"]):
                return False
        return True

    def right(self, tree: tuple[Any, ...]) -> bool:
        if tree in self.seen:
            return False
        self.seen.add(tree)
        user = self.plan(tree)
        return user is not None and self.at_points(user) and self.at_other_sizes(user)

    def shown(self, tree: tuple[Any, ...]) -> str:
        tidy = _tidy(tree, self.scalars)
        return _text(tidy if tidy == tree or self.right(tidy) else tree)

    def search(self, how: str, tree: tuple[Any, ...]) -> tuple[str, dict[str, Any], str] | None:
        if any(n[0] == "bin" and n[1] == "·" for _, n in _positions(tree)):
            raise _Fallback  # a LaTeX product: resolved by the slow path's reader
        if how == "axis":
            for kind, m, t in _axis_edits(tree):
                user = self.plan(t)
                if user is not None and self.at_points(user):
                    return kind, m, _text(_tidy(t, self.scalars))
            return None
        first = list(_edits(tree))
        for kind, m, t in first:
            if len(self.seen) >= MAX_CANDIDATES:
                return None
            if self.right(t):
                return kind, m, self.shown(t)
        if len(first) > MAX_PAIR_EDITS:
            return None
        for kind, m, t in first:
            for kind2, m2, t2 in _edits(t):
                if len(self.seen) >= MAX_CANDIDATES:
                    return None
                if self.right(t2):
                    both = fastdiag.msg("repair.both", first=m, then=m2)
                    return f"{kind}+{kind2}", both, self.shown(t2)
        return None


def _scalar(n: tuple[Any, ...], scalars: frozenset[str]) -> bool:
    kind = n[0]
    if kind == "num":
        return True
    if kind == "name":
        return n[1] in scalars
    if kind == "neg":
        return _scalar(n[1], scalars)
    if kind == "bin" and n[1] in ("+", "-", "*", "/"):
        return _scalar(n[2], scalars) and _scalar(n[3], scalars)
    return False


def _tidy(n: tuple[Any, ...], scalars: frozenset[str]) -> tuple[Any, ...]:
    """As derive.checker.repair._tidy: transposes pushed inward for display."""
    kids = _kids(n)
    if kids:
        n = _rebuild(n, tuple(_tidy(k, scalars) for k in kids))
    if n[0] != "T":
        return n
    x = n[1]
    if x[0] == "T":
        return x[1]
    if _scalar(x, scalars):
        return x
    if x[0] == "bin" and x[1] in ("@", "·"):
        return ("bin", x[1], _tidy(("T", x[3]), scalars), _tidy(("T", x[2]), scalars))
    if x[0] == "neg":
        return ("neg", _tidy(("T", x[1]), scalars))
    if (
        x[0] == "bin"
        and x[1] in ("+", "-", "*", "/")
        and any(k[0] == "T" or _scalar(k, scalars) for k in (x[2], x[3]))
    ):
        return ("bin", x[1], _tidy(("T", x[2]), scalars), _tidy(("T", x[3]), scalars))
    return n


def _sums(p: tuple[Any, ...]) -> bool:
    """Does the plan sum anywhere (the slow path's axis repair has something to flip)?"""
    if p[0] in ("sumrows", "sumcols", "sumall"):
        return True
    return any(isinstance(x, tuple) and x and isinstance(x[0], str) and _sums(x) for x in p[2:])


def _binary_only(c: dict[str, Any], user: tuple[Any, ...], refs: Any, rtol: Fraction) -> bool:
    """As derive.checker.check._binary_only, at the stored 0/1-label points."""
    if refs is None:
        return False
    for k, ref in enumerate(refs):
        if ref is None or not _same(exact_value(user, c["points"]["binary"][k]), ref, rtol):
            return False
    return True


def _output(
    c: dict[str, Any],
    t: dict[str, Any],
    formula: str,
    read_as: str,
    found: list[fastdiag.Finding],
    notes: list[dict[str, Any]],
    lang: str,
    as_json: bool,
) -> str:
    """As CheckResult.text() / as_dict() of the slow path's answer, in ``lang`` (``t``: the
    gradient's shown name ``wrt``, shape, expected, expanded and LaTeX texts)."""
    name = t["wrt"]
    grad = f"∂L/∂{name}"
    shape = f"({', '.join(str(int(s)) for s in t['shape'])})"
    diags = [(code, fastdiag.render(m, lang), fix, factor) for code, m, fix, factor in found]
    said = [fastdiag.render(m, lang) for m in notes]
    if as_json:
        out: dict[str, Any] = {
            "verdict": "incorrect" if diags else "correct",
            "diagnoses": [
                {"code": code, "message": text}
                | ({"fix": fix} if fix is not None else {})
                | ({"factor": factor} if factor is not None else {})
                for code, text, fix, factor in diags
            ],
            "expected": t["expected"],
            "shape": list(t["shape"]),
            "network": c["network"],
            "wrt": name,
            "submitted": formula,
            "read_as": read_as,
        }
        for key, value in (("expanded", t["expanded"]), ("expected_tex", t["tex"])):
            if value is not None:
                out[key] = value
        out["notes"] = said
        return json.dumps(out, ensure_ascii=False, indent=2)

    def say(key: str, **args: Any) -> str:
        return catalog.text(f"check.line.{key}", lang, **args)

    if not diags:
        lines = [
            say("correct", grad=grad, formula=read_as),
            "  " + say("equals", grad=grad, shape=shape),
        ]
    else:
        code, text, _, _ = diags[0]
        lines = [say("incorrect", code=code, message=text)]
        lines += ["  " + say("also", code=code, message=text) for code, text, _, _ in diags[1:]]
        lines.append("  " + say("yours", formula=read_as))
        expected, expanded = t["expected"], t["expanded"]
        fix = names.fix_text(expected, expanded)
        lines.append("  " + say("fix", symbol="d" + name, formula=fix))
    lines += ["  " + say("note", note=n) for n in said]
    return "\n".join(lines)


def enabled() -> bool:
    """The fast path is on unless ``DERIVE_CHECK_FAST=0`` (for comparing the two paths)."""
    return os.environ.get("DERIVE_CHECK_FAST", "1") not in ("0", "off", "no")
