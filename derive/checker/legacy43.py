"""heldcheck43: spellings of the forty-third held-out corpus (tests/corpus43.py) the code reader
learns, kept in one module so that derive/checker/cells.py and formula.py each call it from one
line.

Statement level (:func:`cell_spellings`, run by ``cells.expand`` over a cell's statements):

- legacy ``np.matrix``/``np.mat``/``np.asmatrix`` code, where ``*`` between two matrices (or a
  matrix and an array) IS the matrix product and a reduction along an axis keeps both axes:
  each expression's kind (matrix, array, number) is followed through the cell, ``*`` of a matrix
  and an array written ``@``, ``.H`` ``.T``, ``.A``/``.getA()`` the array itself, ``.sum(axis)``
  of a matrix ``keepdims=True``; where a kind cannot be told (``**`` of a matrix, a name of
  unknown kind) the cell is left as written, and the reader refuses ``np.mat``;
- JAX's functional update ``d = e.at[mask].set(v)`` as ``d = e.copy()`` and ``d[mask] = v``;
  ``np.putmask(d, mask, v)`` / ``np.place(d, mask, v)`` with a number ``v`` as ``d[mask] = v``;
- ``g = np.frompyfunc(lambda z: a if cond else b, 1, 1)`` / ``np.vectorize(…)`` as the helper
  ``lambda z: np.where(cond, a, b)`` (a lambda without a condition as itself);
- ``import numpy as onp`` beside ``import jax.numpy as np``: ``onp.`` read as ``np.``;
- ``namedtuple``/``typing.NamedTuple`` caches: ``Cache = namedtuple("Cache", [...])``, ``cache =
  Cache(Z1, A1, …)`` (by position or keyword) — ``cache.A1`` the expression given for that field,
  ``z1, a1, … = cache`` its fields in order;
- ``var, mu = torch.var_mean(h, dim=1, keepdim=True, unbiased=False)`` as ``torch.var`` and
  ``torch.mean`` of the same arguments.

Expression level (:func:`aliased_call`, from the formula reader's call visitor): Apple MLX's
``mx.matmul``/``mx.transpose``/``mx.sum``…, OneFlow's ``flow.mm``/``flow.matmul``, Jittor's
``jt.matmul``, MegEngine's ``F.matmul(a, b, transpose_a=True)``, ``operator.matmul/mul/add/sub/
truediv``, ``a.__matmul__(b)``, ``functools.reduce(np.matmul, [a, b, c])``, SciPy BLAS
``dgemm(alpha, a, b, trans_a=…, trans_b=…)``, ``jax.lax.dot_general`` of two matrices without
batch axes, MindSpore's ``ops.sub/add/mul/div`` and ``ops.transpose(x, (1, 0))``,
``np.ma.masked_where(cond, x).filled(v)`` (``np.where(cond, v, x)``) and
``np.apply_along_axis(np.sum | np.mean, axis, x)`` or of ``lambda c: M @ c`` along axis 0
(``M @ x``) / ``lambda r: r @ M`` along axis 1 (``x @ M``)."""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable

from derive.checker.asttools import Renamed

_MATRIX_MAKERS = frozenset({"np.mat", "np.matrix", "np.asmatrix", "numpy.mat", "numpy.matrix", "numpy.asmatrix"})
_REDUCTIONS = frozenset({"sum", "mean", "max", "min", "prod"})


def _name(dotted: str) -> ast.expr:
    return ast.parse(dotted, mode="eval").body


# ---------------------------------------------------------------- np.matrix


class _MatrixCell:
    """The kinds of a cell's expressions — "matrix", "array", "number" — and the cell rewritten
    without ``np.matrix``; :class:`_Undecided` where a kind cannot be told."""

    def __init__(self, tensors: set[str] | frozenset[str]) -> None:
        self.tensors = tensors
        self.kinds: dict[str, str] = {}

    def kind(self, e: ast.expr) -> str:  # noqa: C901, PLR0911, PLR0912 - one case per node type
        if isinstance(e, ast.Constant):
            if isinstance(e.value, (int, float)) and not isinstance(e.value, bool):
                return "number"
            raise _Undecided
        if isinstance(e, ast.Name):
            if e.id in self.kinds:
                return self.kinds[e.id]
            return "array" if e.id in self.tensors else "number"  # a free name: a size or a constant
        if isinstance(e, ast.Call):
            f = ast.unparse(e.func)
            if f in _MATRIX_MAKERS:
                return "matrix"
            if f == "len" or (isinstance(e.func, ast.Attribute) and e.func.attr == "getA"):
                return "number" if f == "len" else "array"
            if f in ("np.asarray", "np.array", "numpy.asarray", "numpy.array"):
                return "array"
            kinds = [self.kind(a) for a in e.args]  # keywords (axis=0, keepdims=True) are not operands
            if isinstance(e.func, ast.Attribute) and not (isinstance(e.func.value, ast.Name) and e.func.value.id in ("np", "numpy")):
                kinds.append(self.kind(e.func.value))  # a method: its object's kind
            if "matrix" in kinds:
                return "matrix"
            return "array" if "array" in kinds else "number"
        if isinstance(e, ast.Attribute):
            if e.attr in ("shape", "size", "ndim"):
                return "number"
            if e.attr in ("A",):
                return "array"
            if e.attr in ("T", "H", "mT", "real"):
                return self.kind(e.value)
            raise _Undecided
        if isinstance(e, ast.Subscript):
            if isinstance(e.value, ast.Attribute) and e.value.attr == "shape":
                return "number"
            return self.kind(e.value)
        if isinstance(e, ast.BinOp):
            a, b = self.kind(e.left), self.kind(e.right)
            if isinstance(e.op, ast.Pow) and "matrix" in (a, b):
                raise _Undecided  # a matrix power
            if "matrix" in (a, b):
                return "matrix"
            return "array" if "array" in (a, b) else "number"
        if isinstance(e, ast.UnaryOp):
            return self.kind(e.operand)
        if isinstance(e, ast.Compare):
            kinds = [self.kind(e.left)] + [self.kind(c) for c in e.comparators]
            return "matrix" if "matrix" in kinds else "array" if "array" in kinds else "number"
        if isinstance(e, (ast.List, ast.Tuple)):
            raise _Undecided
        raise _Undecided

    def rewrite(self, e: ast.expr) -> ast.expr:
        """``e`` without np.matrix: its products as ``@``, ``.H`` as ``.T``, ``.A`` dropped,
        reductions of a matrix along an axis with ``keepdims=True``."""
        return _MatrixRewriter(self).visit(copy.deepcopy(e))


class _Undecided(Exception):
    """A kind the np.matrix reading cannot tell: the cell is left as written."""


class _MatrixRewriter(ast.NodeTransformer):
    def __init__(self, cell: _MatrixCell) -> None:
        self.cell = cell

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:  # noqa: N802
        a, b = self.cell.kind(node.left), self.cell.kind(node.right)
        self.generic_visit(node)
        if isinstance(node.op, ast.Mult) and "matrix" in (a, b) and "number" not in (a, b):
            return ast.BinOp(node.left, ast.MatMult(), node.right)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:  # noqa: N802
        matrix = node.attr in ("H", "A") and self.cell.kind(node.value) == "matrix"
        self.generic_visit(node)
        if matrix and node.attr == "H":
            return ast.Attribute(node.value, "T", ast.Load())
        if matrix:
            return node.value
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        f = ast.unparse(node.func)
        method = isinstance(node.func, ast.Attribute) and not (
            isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "numpy")
        )
        of = node.func.value if method else node.args[0] if node.args else None  # type: ignore[union-attr]
        reduced = (
            isinstance(node.func, ast.Attribute) and node.func.attr in _REDUCTIONS and of is not None
            and self.cell.kind(of) == "matrix"
            and (len(node.args) == (1 if method else 2) or any(k.arg == "axis" for k in node.keywords))
        )
        getA = isinstance(node.func, ast.Attribute) and node.func.attr == "getA" and not node.args and self.cell.kind(node.func.value) == "matrix"
        self.generic_visit(node)
        if f in _MATRIX_MAKERS and len(node.args) == 1 and not node.keywords:
            return node.args[0]
        if getA:
            return node.func.value  # type: ignore[union-attr]
        if reduced and not any(k.arg in ("keepdims", "keepdim") for k in node.keywords):
            node.keywords = [*node.keywords, ast.keyword("keepdims", ast.Constant(True))]
        return node


def _matrix_cell(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """Legacy ``np.matrix`` code as array code (the module docstring); the cell as written where
    any kind cannot be told or a statement is not a plain assignment/expression."""
    if not any(
        isinstance(n, ast.Call) and ast.unparse(n.func) in _MATRIX_MAKERS for st in stmts for n in ast.walk(st)
    ):
        return stmts
    cell = _MatrixCell(tensors)
    out: list[ast.stmt] = []
    try:
        for st in stmts:
            if isinstance(st, (ast.Import, ast.ImportFrom)) or (isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant)):
                out.append(st)
                continue
            if isinstance(st, ast.Assign) and len(st.targets) == 1:
                t, v = st.targets[0], st.value
                pairs = (
                    list(zip(t.elts, v.elts)) if isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts)
                    else [(t, v)]
                )
                new = []
                for target, value in pairs:
                    kind = cell.kind(value)
                    new.append((target, cell.rewrite(value)))
                    if isinstance(target, ast.Name):
                        cell.kinds[target.id] = kind
                    elif not isinstance(target, ast.Subscript):
                        raise _Undecided
                for target, value in new:
                    out.append(ast.fix_missing_locations(ast.Assign([target], value)))
                continue
            if isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name):
                a, b = cell.kind(ast.Name(st.target.id, ast.Load())), cell.kind(st.value)
                op = st.op
                if isinstance(op, ast.Pow) and "matrix" in (a, b):
                    raise _Undecided
                if isinstance(op, ast.Mult) and "matrix" in (a, b) and "number" not in (a, b):
                    op = ast.MatMult()
                out.append(ast.fix_missing_locations(ast.AugAssign(st.target, op, cell.rewrite(st.value))))
                if "matrix" in (a, b):
                    cell.kinds[st.target.id] = "matrix"
                continue
            if isinstance(st, ast.Expr):
                cell.kind(st.value)
                out.append(ast.fix_missing_locations(ast.Expr(cell.rewrite(st.value))))
                continue
            raise _Undecided  # a function, a loop, a class: not followed
    except _Undecided:
        return stmts
    return out


# ---------------------------------------------------------------- other statements


def _functional_updates(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``d = e.at[mask].set(v)`` (JAX) as ``d = e.copy()``, ``d[mask] = v``; ``np.putmask(d,
    mask, v)`` / ``np.place(d, mask, v)`` of a number ``v`` as ``d[mask] = v``."""
    out: list[ast.stmt] = []
    for st in stmts:
        v = st.value if isinstance(st, (ast.Assign, ast.Expr)) else None
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "set"
            and len(v.args) == 1 and not v.keywords
            and isinstance(v.func.value, ast.Subscript) and isinstance(v.func.value.value, ast.Attribute)
            and v.func.value.value.attr == "at"
        ):
            name = st.targets[0].id
            base = v.func.value.value.value
            copied = ast.Call(ast.Attribute(base, "copy", ast.Load()), [], [])
            out.append(ast.fix_missing_locations(ast.Assign([ast.Name(name, ast.Store())], copied)))
            target = ast.Subscript(ast.Name(name, ast.Load()), v.func.value.slice, ast.Store())
            out.append(ast.fix_missing_locations(ast.Assign([target], v.args[0])))
            continue
        if (
            isinstance(st, ast.Expr) and isinstance(v, ast.Call) and ast.unparse(v.func) in ("np.putmask", "np.place", "numpy.putmask", "numpy.place")
            and len(v.args) == 3 and not v.keywords and isinstance(v.args[0], ast.Name)
            and isinstance(v.args[2], ast.Constant) and isinstance(v.args[2].value, (int, float))
        ):
            target = ast.Subscript(ast.Name(v.args[0].id, ast.Load()), v.args[1], ast.Store())
            out.append(ast.fix_missing_locations(ast.Assign([target], v.args[2])))
            continue
        out.append(st)
    return out


def _elementwise_helpers(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``g = np.frompyfunc(lambda z: a if cond else b, 1, 1)`` / ``g = np.vectorize(lambda …)``
    as ``g = lambda z: np.where(cond, a, b)`` (a lambda of one argument only); a later
    ``g(x).astype(float)`` is then that array."""
    made: set[str] = set()
    out: list[ast.stmt] = []
    for st in stmts:
        v = st.value if isinstance(st, ast.Assign) else None
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute)
            and ast.unparse(v.func) in ("np.frompyfunc", "np.vectorize", "numpy.frompyfunc", "numpy.vectorize")
            and v.args and isinstance(v.args[0], ast.Lambda) and len(v.args[0].args.args) == 1
            and (
                (v.func.attr == "frompyfunc" and len(v.args) == 3 and all(isinstance(a, ast.Constant) and a.value == 1 for a in v.args[1:]) and not v.keywords)
                or (v.func.attr == "vectorize" and len(v.args) == 1 and all(k.arg == "otypes" for k in v.keywords))
            )
        ):
            lam = copy.deepcopy(v.args[0])
            if isinstance(lam.body, ast.IfExp):
                b = lam.body
                lam.body = ast.Call(_name("np.where"), [b.test, b.body, b.orelse], [])
            made.add(st.targets[0].id)
            out.append(ast.fix_missing_locations(ast.Assign(st.targets, lam)))
            continue
        out.append(st)
    if made:  # g(x).astype(float) / .astype(np.float64) of such a helper: the array itself
        out = [ast.fix_missing_locations(_AsTypeDropped(made).visit(st)) for st in out]
    return out


class _AsTypeDropped(ast.NodeTransformer):
    def __init__(self, made: set[str]) -> None:
        self.made = made

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        f = node.func
        if (
            isinstance(f, ast.Attribute) and f.attr == "astype" and len(node.args) == 1 and not node.keywords
            and isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Name) and f.value.func.id in self.made
            and ast.unparse(node.args[0]) in ("float", "np.float64", "np.float32", "'float64'", "\"float64\"")
        ):
            return f.value
        return node


def _onp(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``import numpy as onp`` (beside ``import jax.numpy as np``): ``onp.f`` read as ``np.f``."""
    if not any(
        isinstance(st, ast.Import) and any(a.name == "numpy" and a.asname == "onp" for a in st.names) for st in stmts
    ):
        return stmts

    return [ast.fix_missing_locations(Renamed("onp").visit(st)) for st in stmts]


def _named_tuples(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``Cache = namedtuple("Cache", [...])`` / ``class Cache(NamedTuple): A1: …`` and ``cache =
    Cache(…)``: ``cache.F`` the expression given for field F, ``a, b = cache`` its fields in
    order; the class and its definition left out. Any other use of the type leaves the cell as
    written."""
    types: dict[str, list[str]] = {}
    for st in stmts:
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and ast.unparse(st.value.func) in ("namedtuple", "collections.namedtuple")
            and len(st.value.args) == 2 and not st.value.keywords and isinstance(st.value.args[1], (ast.List, ast.Tuple))
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in st.value.args[1].elts)
        ):
            types[st.targets[0].id] = [e.value for e in st.value.args[1].elts]  # type: ignore[union-attr]
        elif (
            isinstance(st, ast.ClassDef) and [ast.unparse(b) for b in st.bases] in (["NamedTuple"], ["typing.NamedTuple"])
            and not st.keywords and not st.decorator_list
            and all(isinstance(b, ast.AnnAssign) and isinstance(b.target, ast.Name) and b.value is None for b in st.body)
        ):
            types[st.name] = [b.target.id for b in st.body]  # type: ignore[union-attr]
    if not types:
        return stmts
    values: dict[str, dict[str, ast.expr]] = {}  # an instance -> field -> its expression
    out: list[ast.stmt] = []
    for st in stmts:
        if (isinstance(st, ast.Assign) and isinstance(st.targets[0], ast.Name) and st.targets[0].id in types) or (
            isinstance(st, ast.ClassDef) and st.name in types
        ):
            continue
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and isinstance(st.value.func, ast.Name) and st.value.func.id in types
        ):
            fields = types[st.value.func.id]
            call = st.value
            given = dict(zip(fields, call.args))
            given.update({k.arg: k.value for k in call.keywords if k.arg in fields})
            if len(call.args) > len(fields) or any(k.arg not in fields for k in call.keywords) or set(given) != set(fields):
                return stmts
            values[st.targets[0].id] = given
            continue
        st = _FieldsRead(values).visit(st)
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Tuple)
            and isinstance(st.value, ast.Name) and st.value.id in values
        ):
            given = values[st.value.id]
            if len(st.targets[0].elts) != len(given):
                return stmts
            st = ast.Assign(st.targets, ast.Tuple([copy.deepcopy(v) for v in given.values()], ast.Load()))
        if any(isinstance(n, ast.Name) and (n.id in values or n.id in types) for n in ast.walk(st)):
            return stmts  # the instance or the type read another way
        out.append(ast.fix_missing_locations(st))
    return out


class _FieldsRead(ast.NodeTransformer):
    def __init__(self, values: dict[str, dict[str, ast.expr]]) -> None:
        self.values = values

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:  # noqa: N802
        if isinstance(node.value, ast.Name) and node.value.id in self.values and node.attr in self.values[node.value.id]:
            return copy.deepcopy(self.values[node.value.id][node.attr])
        self.generic_visit(node)
        return node


def _var_means(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``var, mu = torch.var_mean(x, …)`` as ``var = torch.var(x, …)``, ``mu = torch.mean(x,
    …)`` (the mean without ``unbiased``/``correction``)."""
    out: list[ast.stmt] = []
    for st in stmts:
        v = st.value if isinstance(st, ast.Assign) else None
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Tuple)
            and len(st.targets[0].elts) == 2 and all(isinstance(e, ast.Name) for e in st.targets[0].elts)
            and isinstance(v, ast.Call) and ast.unparse(v.func) == "torch.var_mean" and len(v.args) == 1
        ):
            var, mean = st.targets[0].elts
            out.append(ast.fix_missing_locations(ast.Assign([ast.Name(var.id, ast.Store())], ast.Call(_name("torch.var"), v.args, v.keywords))))  # type: ignore[union-attr]
            kws = [k for k in v.keywords if k.arg not in ("unbiased", "correction")]
            out.append(ast.fix_missing_locations(ast.Assign([ast.Name(mean.id, ast.Store())], ast.Call(_name("torch.mean"), copy.deepcopy(v.args), kws))))  # type: ignore[union-attr]
            continue
        out.append(st)
    return out


def cell_spellings(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """The statement-level spellings of the module docstring, over a cell's statements."""
    stmts = _index_loops(_named_tuples(_var_means(_elementwise_helpers(_functional_updates(_onp(stmts))))))
    return _matrix_cell(stmts, tensors)


# ---------------------------------------------------------------- calls


_OPERATORS = {"matmul": ast.MatMult, "mul": ast.Mult, "add": ast.Add, "sub": ast.Sub, "truediv": ast.Div}
_DUNDERS = {"__matmul__": ast.MatMult, "__mul__": ast.Mult, "__add__": ast.Add, "__sub__": ast.Sub, "__truediv__": ast.Div}
_FOLDED = {"np.matmul": ast.MatMult, "np.dot": ast.MatMult, "operator.matmul": ast.MatMult, "torch.matmul": ast.MatMult,
           "torch.mm": ast.MatMult, "np.multiply": ast.Mult, "operator.mul": ast.Mult, "np.add": ast.Add, "operator.add": ast.Add}
_MLX_AS_NUMPY = frozenset({"exp", "log", "tanh", "sqrt", "square", "abs", "maximum", "minimum", "multiply", "subtract",
                           "add", "divide", "where", "zeros_like", "ones_like", "outer", "sign"})
_MS_BINARY = {"add": ast.Add, "sub": ast.Sub, "mul": ast.Mult, "div": ast.Div}


def _literal(e: ast.expr) -> object:
    try:
        return ast.literal_eval(e)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _t(e: ast.expr) -> ast.expr:
    return ast.Attribute(e, "T", ast.Load())


def _np(fn: str, args: list[ast.expr], kws: list[ast.keyword] | None = None) -> ast.expr:
    return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), fn, ast.Load()), args, kws or [])


def _reduced(fn: str, args: list[ast.expr], kws: dict[str, ast.expr]) -> ast.expr | None:
    """``np.sum``/``np.mean`` of MLX/OneFlow's ``sum(x, axis|dim, keepdims|keepdim)``."""
    if not 1 <= len(args) <= 2 or set(kws) - {"axis", "dim", "keepdims", "keepdim"}:
        return None
    axis = args[1] if len(args) == 2 else kws.get("axis", kws.get("dim"))
    keep = kws.get("keepdims", kws.get("keepdim"))
    out = [] if axis is None else [ast.keyword("axis", axis)]
    if keep is not None:
        out.append(ast.keyword("keepdims", keep))
    return _np(fn, [args[0]], out)


def _flagged_product(a: ast.expr, b: ast.expr, kws: dict[str, ast.expr], ta: str, tb: str) -> ast.expr | None:
    for key, v in kws.items():
        on = _literal(v)
        if key not in (ta, tb) or on not in (True, False, 0, 1):
            return None
        if on and key == ta:
            a = _t(a)
        elif on:
            b = _t(b)
    return ast.BinOp(a, ast.MatMult(), b)


def _along_axis(args: list[ast.expr], kws: dict[str, ast.expr]) -> ast.expr | None:
    """``np.apply_along_axis(f, axis, x)`` of a reduction or a matrix product (module docstring)."""
    if len(args) != 3 or kws:
        return None
    f, axis, x = args
    k = _literal(axis)
    if k not in (0, 1, -1):
        return None
    fn = ast.unparse(f)
    if fn in ("np.sum", "np.mean", "numpy.sum", "numpy.mean"):
        return _np(fn.split(".")[-1], [x], [ast.keyword("axis", ast.Constant(k))])
    if not (isinstance(f, ast.Lambda) and len(f.args.args) == 1 and not f.args.defaults):
        return None
    c, body = f.args.args[0].arg, f.body
    if isinstance(body, ast.Call) and ast.unparse(body.func) in ("np.dot", "np.matmul") and len(body.args) == 2 and not body.keywords:
        body = ast.BinOp(body.args[0], ast.MatMult(), body.args[1])
    elif isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute) and body.func.attr == "dot" and len(body.args) == 1:
        body = ast.BinOp(body.func.value, ast.MatMult(), body.args[0])
    if not isinstance(body, ast.BinOp) or not isinstance(body.op, ast.MatMult):
        return None

    def is_c(e: ast.expr) -> bool:
        return isinstance(e, ast.Name) and e.id == c

    def free(e: ast.expr) -> bool:
        return not any(isinstance(n, ast.Name) and n.id == c for n in ast.walk(e))

    if k == 0 and is_c(body.right) and free(body.left):  # each column c: M @ c
        return ast.BinOp(body.left, ast.MatMult(), x)
    if k in (1, -1) and is_c(body.left) and free(body.right):  # each row r: r @ M
        return ast.BinOp(x, ast.MatMult(), body.right)
    return None


def _dot_general(args: list[ast.expr], kws: dict[str, ast.expr]) -> ast.expr | None:
    """``jax.lax.dot_general(a, b, (((i,), (j,)), ((), ())))`` of matrices: the product with
    ``a`` transposed where it contracts its first axis, ``b`` where it contracts its second."""
    if len(args) == 2 and set(kws) == {"dimension_numbers"}:
        args = [*args, kws["dimension_numbers"]]
    elif kws or len(args) != 3:
        return None
    dims = _literal(args[2])
    try:
        (ca, cb), (ba, bb) = dims  # type: ignore[misc]
        (i,), (j,) = ca, cb
    except (TypeError, ValueError):
        return None
    if tuple(ba) or tuple(bb) or i not in (0, 1) or j not in (0, 1):
        return None
    a, b = args[0], args[1]
    return ast.BinOp(_t(a) if i == 0 else a, ast.MatMult(), _t(b) if j == 1 else b)


def _gemm(args: list[ast.expr], kws: dict[str, ast.expr]) -> ast.expr | None:
    """SciPy BLAS ``dgemm(alpha, a, b, trans_a=…, trans_b=…)``: ``alpha * (a' @ b')`` (no
    ``beta``/``c`` term)."""
    names = ("alpha", "a", "b")
    if len(args) > 3:
        return None
    given = dict(zip(names, args))
    for k, v in kws.items():
        if k in given or k not in (*names, "trans_a", "trans_b"):
            return None
        given[k] = v
    if set(names) - set(given):
        return None
    product = _flagged_product(given["a"], given["b"], {k: given[k] for k in ("trans_a", "trans_b") if k in given}, "trans_a", "trans_b")
    if product is None:
        return None
    return ast.BinOp(given["alpha"], ast.Mult(), product)


def aliased_call(  # noqa: C901, PLR0911, PLR0912
    node: ast.Call, is_tensor: Callable[[str], bool],
    shape_of: Callable[[str], tuple[int, int] | None] = lambda name: None,
) -> ast.expr | None:
    """A call of the module docstring's expression-level spellings as the spelling the reader
    knows; None for any other call (also where the module's name is a tensor of the network).
    ``shape_of`` gives a network tensor's (rows, columns) at the example (PyTorch's
    ``x.sum_to_size(b.shape)``: the sum down the axis where b has one entry, kept)."""
    f = node.func
    args, kws = list(node.args), {k.arg: k.value for k in node.keywords}
    if None in kws:
        return None
    stacked = stacked_comprehension(node)
    if stacked is not None:
        return stacked
    if (
        isinstance(f, ast.Attribute) and f.attr == "sum_to_size" and len(args) == 1 and not kws
        and isinstance(args[0], ast.Attribute) and args[0].attr == "shape" and isinstance(args[0].value, ast.Name)
    ):
        shape = shape_of(args[0].value.id)
        if shape is None or len(shape) != 2 or (shape[0] == 1) == (shape[1] == 1):
            return None  # not a row's or a column's shape
        axis = 0 if shape[0] == 1 else 1
        return _np("sum", [f.value], [ast.keyword("axis", ast.Constant(axis)), ast.keyword("keepdims", ast.Constant(True))])
    if isinstance(f, ast.Name):
        if is_tensor(f.id):
            return None
        if f.id in ("dgemm", "sgemm"):
            return _gemm(args, kws)  # type: ignore[arg-type]
        if f.id == "reduce":
            return _folded(args, kws)  # type: ignore[arg-type]
        return None
    if not isinstance(f, ast.Attribute):
        return None
    if f.attr in _DUNDERS and len(args) == 1 and not kws:  # a.__matmul__(b)
        return ast.BinOp(f.value, _DUNDERS[f.attr](), args[0])
    if f.attr == "filled" and len(args) == 1 and not kws and isinstance(f.value, ast.Call):
        inner = f.value  # np.ma.masked_where(cond, x).filled(v)
        if ast.unparse(inner.func) in ("np.ma.masked_where", "numpy.ma.masked_where") and len(inner.args) == 2 and not inner.keywords:
            return _np("where", [inner.args[0], args[0], inner.args[1]])
        return None
    base, name = ast.unparse(f.value), f.attr
    if is_tensor(base.split(".")[0]):
        return None
    if base in ("operator",) and name in _OPERATORS and len(args) == 2 and not kws:
        return ast.BinOp(args[0], _OPERATORS[name](), args[1])
    if base == "functools" and name == "reduce":
        return _folded(args, kws)  # type: ignore[arg-type]
    if base in ("scipy.linalg.blas", "blas", "linalg.blas") and name in ("dgemm", "sgemm"):
        return _gemm(args, kws)  # type: ignore[arg-type]
    if base in ("jax.lax", "lax") and name == "dot_general":
        return _dot_general(args, kws)  # type: ignore[arg-type]
    if base in ("np", "numpy") and name == "apply_along_axis":
        return _along_axis(args, kws)  # type: ignore[arg-type]
    if base in ("mx", "mlx.core", "flow", "oneflow", "jt", "jittor"):  # MLX, OneFlow, Jittor
        if name in ("matmul", "mm") and len(args) == 2 and not kws:
            return ast.BinOp(args[0], ast.MatMult(), args[1])
        if name == "transpose" and len(args) == 1 and not kws:
            return _t(args[0])
        if name in ("sum", "mean"):
            return _reduced(name, args, kws)  # type: ignore[arg-type]
        if name in ("softmax", "log_softmax") and len(args) <= 2 and set(kws) <= {"axis", "dim"} and args:
            axis = args[1] if len(args) == 2 else kws.get("axis", kws.get("dim"))
            if axis is None:
                return None  # MLX's softmax without an axis: over every entry — not read here
            return ast.Call(_name(f"torch.{name}"), [args[0], axis], [])
        if name in _MLX_AS_NUMPY and not kws:
            return _np(name, args)
        return None
    if base in ("F", "megengine.functional", "mge.functional") and name == "matmul" and len(args) == 2 and kws and set(kws) <= {"transpose_a", "transpose_b"}:
        return _flagged_product(args[0], args[1], kws, "transpose_a", "transpose_b")  # type: ignore[arg-type]
    if base in ("ops", "mindspore.ops") and name in _MS_BINARY and len(args) == 2 and not kws:
        return ast.BinOp(args[0], _MS_BINARY[name](), args[1])
    if base in ("ops", "mindspore.ops") and name == "transpose" and len(args) == 2 and not kws and _literal(args[1]) in ((1, 0), [1, 0]):
        return _t(args[0])
    return None


def _folded(args: list[ast.expr], kws: dict[str, ast.expr]) -> ast.expr | None:
    """``functools.reduce(np.matmul, [a, b, c])`` as ``a @ b @ c`` (a written-out list only)."""
    if kws or len(args) != 2 or not isinstance(args[1], (ast.List, ast.Tuple)) or len(args[1].elts) < 2:
        return None
    op = _FOLDED.get(ast.unparse(args[0]))
    if op is None:
        return None
    out = args[1].elts[0]
    for e in args[1].elts[1:]:
        out = ast.BinOp(out, op(), e)
    return out


# ---------------------------------------------------------------- index loops (Numba kernels)


def _bound(e: ast.expr, sizes: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """The (array, axis) a loop bound is the size of: ``A.shape[1]``, ``len(A)``, or a name
    given one of them (``n, p = A.shape``)."""
    if isinstance(e, ast.Name):
        return sizes.get(e.id)
    if (
        isinstance(e, ast.Subscript) and isinstance(e.value, ast.Attribute) and e.value.attr == "shape"
        and isinstance(e.value.value, ast.Name) and isinstance(e.slice, ast.Constant) and e.slice.value in (0, 1, 2)
    ):
        return (e.value.value.id, e.slice.value)
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "len" and len(e.args) == 1 and isinstance(e.args[0], ast.Name):
        return (e.args[0].id, 0)
    return None


def _sizes(stmts: list[ast.stmt]) -> dict[str, tuple[str, int]]:
    """Names a statement list gives an array's size: ``n, p = A.shape``, ``q = G.shape[1]``."""
    out: dict[str, tuple[str, int]] = {}
    for st in stmts:
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1):
            continue
        t, v = st.targets[0], st.value
        if isinstance(t, ast.Tuple) and isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name):
            for d, e in enumerate(t.elts):
                if isinstance(e, ast.Name):
                    out[e.id] = (v.value.id, d)
        elif isinstance(t, ast.Name):
            b = _bound(v, out)
            if b is not None:
                out[t.id] = b
            else:
                out.pop(t.id, None)
    return out


def _index_loop(loop: ast.For, sizes: dict[str, tuple[str, int]]) -> tuple[str, ast.expr] | None:
    """``for i in range(n): for j …: out[j, k] += A[i, j] * G[i, k]`` as (``out``,
    ``np.einsum('ij,ik->jk', A, G)``) where every bound is the size of an axis its name
    indexes; None for any other loop."""
    bounds: dict[str, ast.expr] = {}
    st: ast.stmt = loop
    while isinstance(st, ast.For):
        if (
            st.orelse or len(st.body) != 1 or not isinstance(st.target, ast.Name) or st.target.id in bounds
            or not (isinstance(st.iter, ast.Call) and isinstance(st.iter.func, ast.Name) and st.iter.func.id in ("range", "prange")
                    and len(st.iter.args) == 1 and not st.iter.keywords)
        ):
            return None
        bounds[st.target.id] = st.iter.args[0]
        st = st.body[0]
    if not (isinstance(st, ast.AugAssign) and isinstance(st.op, ast.Add) and isinstance(st.target, ast.Subscript)
            and isinstance(st.target.value, ast.Name)):
        return None

    def indices(sub: ast.Subscript) -> list[str] | None:
        idx = sub.slice.elts if isinstance(sub.slice, ast.Tuple) else [sub.slice]
        names = [e.id for e in idx if isinstance(e, ast.Name) and e.id in bounds]
        return names if len(names) == len(idx) == len(set(names)) else None

    out_idx = indices(st.target)
    if out_idx is None:
        return None
    factors: list[ast.expr] = []

    def flat(e: ast.expr) -> None:
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult):
            flat(e.left)
            flat(e.right)
        else:
            factors.append(e)

    flat(st.value)
    operands: list[tuple[ast.Name, list[str]]] = []
    scalars: list[ast.expr] = []
    for fac in factors:
        if isinstance(fac, ast.Subscript) and isinstance(fac.value, ast.Name):
            idx = indices(fac)
            if idx is None:
                return None
            operands.append((fac.value, idx))
        elif any(isinstance(n, ast.Name) and n.id in bounds for n in ast.walk(fac)):
            return None  # a loop index read another way
        else:
            scalars.append(fac)
    if not operands:
        return None
    for v, bound in bounds.items():  # each bound the size of an axis that v indexes
        b = _bound(bound, sizes)
        if b is None or not any(a.id == b[0] and idx.index(v) == b[1] for a, idx in operands if v in idx):
            return None
    if any(v not in out_idx and not any(v in idx for _, idx in operands) for v in bounds):
        return None
    letters = {v: "abcdefghijklmnopqrstuvwxyz"[k] for k, v in enumerate(bounds)}
    spec = ",".join("".join(letters[v] for v in idx) for _, idx in operands) + "->" + "".join(letters[v] for v in out_idx)
    if any(v not in {w for _, idx in operands for w in idx} for v in out_idx):
        return None
    value: ast.expr = _np("einsum", [ast.Constant(spec), *[ast.Name(a.id, ast.Load()) for a, _ in operands]])
    for s in scalars:
        value = ast.BinOp(value, ast.Mult(), s)
    return st.target.value.id, value


def _index_loops(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Index loops accumulating into an array made of zeros just before (:func:`_index_loop`) as
    the einsum they compute, in the cell and in its functions' bodies; the sizes they no longer
    read left out."""
    out: list[ast.stmt] = []
    sizes = _sizes(stmts)
    changed = False
    for st in stmts:
        if isinstance(st, ast.FunctionDef):
            st.body = _index_loops(st.body)
            out.append(st)
            continue
        got = _index_loop(st, sizes) if isinstance(st, ast.For) else None
        prev = out[-1] if out else None
        if (
            got is not None and isinstance(prev, ast.Assign) and len(prev.targets) == 1
            and isinstance(prev.targets[0], ast.Name) and prev.targets[0].id == got[0]
            and isinstance(prev.value, ast.Call) and ast.unparse(prev.value.func) in ("np.zeros", "np.zeros_like", "numpy.zeros")
        ):
            out[-1] = ast.fix_missing_locations(ast.Assign([ast.Name(got[0], ast.Store())], got[1]))
            changed = True
            continue
        out.append(st)
    if not changed:
        return out
    read = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return [
        st for st in out
        if not (
            isinstance(st, ast.Assign) and len(st.targets) == 1
            and all(isinstance(n, ast.Name) and n.id not in read for n in (st.targets[0].elts if isinstance(st.targets[0], ast.Tuple) else [st.targets[0]]))
            and _sizes([st])
        )
    ]


# ---------------------------------------------------------------- comprehensions, entry by entry


def _slice_of(e: ast.expr, c: str) -> tuple[str, str] | None:
    """``V[:, c]`` -> (V, "col"), ``V[c]``/``V[c, :]`` -> (V, "row"), else None."""
    if not (isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name)):
        return None
    s = e.slice
    whole = lambda x: isinstance(x, ast.Slice) and x.lower is None and x.upper is None and x.step is None  # noqa: E731
    if isinstance(s, ast.Name) and s.id == c:
        return e.value.id, "row"
    if isinstance(s, ast.Tuple) and len(s.elts) == 2:
        a, b = s.elts
        if whole(a) and isinstance(b, ast.Name) and b.id == c:
            return e.value.id, "col"
        if isinstance(a, ast.Name) and a.id == c and whole(b):
            return e.value.id, "row"
    return None


def _reads(e: ast.expr, c: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == c for n in ast.walk(e))


def _one_d_slice(e: ast.expr) -> bool:
    """A 1-D slice of another comprehension's index (``X[:, i]``, ``d[i]``): a vector."""
    return isinstance(e, ast.Subscript) and (
        isinstance(e.slice, ast.Name) or (isinstance(e.slice, ast.Tuple) and any(isinstance(x, ast.Name) for x in e.slice.elts))
    )


class _NotVectorized(Exception):
    pass


def _vectorized(comp: ast.ListComp) -> tuple[ast.expr, bool] | None:
    """The array a list comprehension ``[E for c in range(B)]`` stacks (the index c on axis 0),
    and whether its items are numbers: every read of c a slice ``V[:, c]`` (``V[c]``) of arrays
    whose axis B is; E element-wise in those slices and numbers, or a matrix product with the
    slice on one side; None for anything else."""
    if len(comp.generators) != 1:
        return None
    gen = comp.generators[0]
    if gen.ifs or gen.is_async or not isinstance(gen.target, ast.Name):
        return None
    c = gen.target.id
    it = gen.iter
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" and len(it.args) == 1 and not it.keywords):
        return None
    elt = comp.elt
    if isinstance(elt, ast.ListComp):
        inner = _vectorized(elt)
        if inner is None:
            return None
        elt = inner[0]
    slices: dict[str, str] = {}
    sides: set[str] = set()
    scalar = False

    def visit(e: ast.expr) -> None:  # noqa: C901
        nonlocal scalar
        if not _reads(e, c):
            return
        got = _slice_of(e, c)
        if got is not None:
            if slices.setdefault(got[0], got[1]) != got[1]:
                raise _NotVectorized
            return
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.MatMult):
            lc, rc = _reads(e.left, c), _reads(e.right, c)
            if lc == rc:
                raise _NotVectorized
            sides.add("left" if lc else "right")
            free = e.right if lc else e.left
            if _one_d_slice(free):
                scalar = True
            visit(e.left if lc else e.right)
            return
        if isinstance(e, ast.BinOp) and isinstance(e.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            for side in (e.left, e.right):
                if not _reads(side, c) and not isinstance(side, ast.Constant):
                    raise _NotVectorized  # an array beside a slice would broadcast another way
                visit(side)
            return
        if isinstance(e, ast.UnaryOp):
            visit(e.operand)
            return
        raise _NotVectorized

    reduced = None
    body = elt
    if (
        isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute) and body.func.attr in ("sum", "mean")
        and not body.args and not body.keywords
    ):
        reduced, body = body.func.attr, body.func.value
    try:
        visit(body)
    except _NotVectorized:
        return None
    if not slices or len(set(slices.values())) != 1 or (reduced and sides):
        return None
    kind = next(iter(slices.values()))
    bound = it.args[0]
    axis_of_c = 1 if kind == "col" else 0
    b = _bound(bound, {})
    if b is None or b[0] not in slices or b[1] != axis_of_c:
        return None
    right = "right" in sides
    if sides == {"left", "right"}:
        return None

    def subst(e: ast.expr, transposed: bool) -> ast.expr:
        class _S(ast.NodeTransformer):
            def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
                got = _slice_of(node, c)
                if got is not None:
                    return _t(ast.Name(got[0], ast.Load())) if transposed else ast.Name(got[0], ast.Load())
                self.generic_visit(node)
                return node

        return _S().visit(copy.deepcopy(e))

    if reduced:  # V[:, c].mean(): the column means; V[c].sum(): the row sums
        return _np(reduced, [subst(body, False)], [ast.keyword("axis", ast.Constant(0 if kind == "col" else 1))]), True
    # c on axis 0 of F: the slices as rows (V.T for columns) where they stand left of a product
    # or in element-wise arithmetic; as columns where they stand right of one
    transposed = (kind == "col") != right
    f = subst(body, transposed)
    if scalar or not right:
        return f, scalar
    return _t(f), False


def stacked_comprehension(node: ast.Call) -> ast.expr | None:
    """``np.array([E for c in range(B)])``, ``np.array([[E for j …] for i …])``,
    ``np.stack([…], axis=0|1)``, ``np.array([[V[:, j].mean() for j …]])`` as the whole-array
    expression they stack (:func:`_vectorized`); None for any other call."""
    f = ast.unparse(node.func)
    if f not in ("np.array", "np.stack", "np.asarray", "numpy.array", "numpy.stack") or len(node.args) != 1:
        return None
    kws = {k.arg: k.value for k in node.keywords}
    if set(kws) - ({"axis"} if f.endswith("stack") else set()):
        return None
    axis = _literal(kws["axis"]) if "axis" in kws else 0
    arg = node.args[0]
    if isinstance(arg, ast.List) and len(arg.elts) == 1 and isinstance(arg.elts[0], ast.ListComp) and axis == 0:
        got = _vectorized(arg.elts[0])  # [[…]]: one row
        if got is None or not got[1] or not isinstance(got[0], ast.Call):
            return None
        got[0].keywords.append(ast.keyword("keepdims", ast.Constant(True)))  # type: ignore[union-attr]
        return got[0] if any(k.arg == "axis" and _literal(k.value) == 0 for k in got[0].keywords) else None  # type: ignore[union-attr]
    if not isinstance(arg, ast.ListComp):
        return None
    got = _vectorized(arg)
    if got is None:
        return None
    e, scalar = got
    if axis in (0, -2) or (scalar and axis in (0, -1)):
        return e
    if axis in (1, -1) and not scalar:
        return _t(e)
    return None
