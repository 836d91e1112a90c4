"""heldcheck45: spellings of the forty-fifth held-out corpus (tests/corpus45.py) the code reader
learns, kept in one module so that derive/checker/cells.py and formula.py each call it from one
line (as derive/checker/legacy44.py).

Statement level (:func:`cell_spellings`, run by ``cells.expand`` over a cell's statements):

- NumPy's functions imported bare, ``from numpy import dot, where, sum as npsum``: each bound
  name (never a tensor of the network, a parameter or an assigned name) read as ``np.<function>``;
- ``import tensorflow.experimental.numpy as tnp``: ``tnp.`` read as ``np.``;
- the Keras backend (``from tensorflow.keras import backend as K``, ``import keras.backend as
  K``; the alias no tensor of the network — attention's keys are ``K``): ``K.dot``/``K.transpose``/
  ``K.sum``/``K.mean``/``K.square``/``K.exp``/… as NumPy's, ``K.greater(a, b)`` (and ``greater_equal``,
  ``less``, ``less_equal``) as the comparison, ``K.cast(x, dtype)`` as ``x``, ``K.sigmoid``/
  ``K.softmax`` as the reader's ``sigmoid``/``softmax``, ``K.one_hot(y, C)`` as ``np.eye(C)[y]``,
  ``K.shape(x)[k]`` as ``x.shape[k]``; a cell using any other ``K.`` name is left as written
  (its import refused);
- a script's ``if __name__ == "__main__":`` block (no ``else``): its body, as the script runs it;
- ``tf.reshape(a, s)`` as ``a.reshape(s)``.

Expression level (:func:`aliased_call`, from the formula reader's calls): PyTorch's in-place
arithmetic ``a.mul_(b)``/``.div_``/``.add_``/``.sub_`` as ``a * b`` …, ``a.t_()`` as ``a.T``,
``a.type_as(b)`` as ``a`` (a cast), ``torch.true_divide(a, b)`` as ``a / b``, ``torch.ge/gt/le/lt(a,
b)`` as the comparison, ``x.size(k)`` as ``x.shape[k]``; ``tf.linalg.matvec(A, v)`` as ``A @ v``
(``transpose_a=True``: ``A.T @ v``),  ``np.atleast_2d`` of a one-axis reduction (``x.sum(axis=0)``,
``np.mean(x, axis=0)``: a vector) as ``np.expand_dims(…, 0)``.
"""

from __future__ import annotations

import ast

from derive.checker.asttools import Renamed

# ---------------------------------------------------------------- statement level


def _bound_elsewhere(stmts: list[ast.stmt], name: str) -> bool:
    """Is ``name`` assigned, deleted or a parameter anywhere in ``stmts``?"""
    for st in stmts:
        for node in ast.walk(st):
            if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
                return True
            if isinstance(node, (ast.FunctionDef, ast.Lambda)):
                args = node.args
                if name in {a.arg for a in args.args + args.kwonlyargs + args.posonlyargs}:
                    return True
                if isinstance(node, ast.FunctionDef) and node.name == name:
                    return True
    return False


class _Bare(ast.NodeTransformer):
    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.names and isinstance(node.ctx, ast.Load):
            return ast.Attribute(ast.Name("np", ast.Load()), self.names[node.id], ast.Load())
        return node


def _bare_numpy(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """``from numpy import dot, sum as npsum``: ``dot(…)`` as ``np.dot(…)``."""
    out = stmts
    for st in stmts:
        if not (isinstance(st, ast.ImportFrom) and st.module == "numpy" and not st.level):
            continue
        names = {(a.asname or a.name): a.name for a in st.names}
        if "*" in names or any(n in tensors or _bound_elsewhere(stmts, n) for n in names):
            continue
        out = [_Bare(names).visit(s) for s in out if s is not st]
    return out


def _aliases(stmts: list[ast.stmt], modules: tuple[str, ...]) -> dict[str, ast.stmt]:
    """The names ``import M as X`` / ``from P import B as X`` (``P.B`` in ``modules``) bind, with
    the import statement of each."""
    out: dict[str, ast.stmt] = {}
    for st in stmts:
        if isinstance(st, ast.Import) and len(st.names) == 1 and st.names[0].name in modules and st.names[0].asname:
            out[st.names[0].asname] = st
        elif (
            isinstance(st, ast.ImportFrom) and not st.level and len(st.names) == 1
            and f"{st.module}.{st.names[0].name}" in modules
        ):
            out[st.names[0].asname or st.names[0].name] = st
    return out


def _only_attributes(stmts: list[ast.stmt], alias: str) -> list[ast.Attribute] | None:
    """Every use of ``alias`` as the Attribute over it; None where it is used otherwise."""
    parents: dict[int, ast.AST] = {}
    for st in stmts:
        for node in ast.walk(st):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
    uses: list[ast.Attribute] = []
    for st in stmts:
        for node in ast.walk(st):
            if isinstance(node, ast.Name) and node.id == alias:
                parent = parents.get(id(node))
                if not isinstance(parent, ast.Attribute) or not isinstance(node.ctx, ast.Load):
                    return None
                uses.append(parent)
    return uses


def _tnp(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    for alias, imp in _aliases(stmts, ("tensorflow.experimental.numpy",)).items():
        if alias in tensors or _only_attributes(stmts, alias) is None or _bound_elsewhere(stmts, alias):
            continue
        stmts = [Renamed(alias).visit(s) for s in stmts if s is not imp]
    return stmts


_K_AS_NUMPY = frozenset({"dot", "transpose", "sum", "mean", "square", "exp", "log", "abs", "sqrt", "maximum", "minimum",
                         "tanh", "sign", "zeros_like", "ones_like"})
_K_COMPARE = {"greater": ast.Gt, "greater_equal": ast.GtE, "less": ast.Lt, "less_equal": ast.LtE}
_K_READER = {"sigmoid": "sigmoid", "softmax": "softmax"}
_K_KNOWN = _K_AS_NUMPY | set(_K_COMPARE) | set(_K_READER) | {"cast", "one_hot", "shape"}


class _Keras(ast.NodeTransformer):
    def __init__(self, alias: str) -> None:
        self.alias = alias

    def _k(self, f: ast.expr) -> str | None:
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == self.alias:
            return f.attr
        return None

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        v = node.value
        if isinstance(v, ast.Call) and self._k(v.func) == "shape" and len(v.args) == 1 and not v.keywords:
            x = self.visit(v.args[0])
            return ast.Subscript(ast.Attribute(x, "shape", ast.Load()), self.visit(node.slice), node.ctx)
        return self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = self._k(node.func)
        args, kws = node.args, node.keywords
        if name in _K_COMPARE and len(args) == 2 and not kws:
            return ast.Compare(args[0], [_K_COMPARE[name]()], [args[1]])
        if name == "cast" and len(args) in (1, 2) and len(args) + len(kws) == 2:
            return args[0]
        if name in _K_READER and len(args) == 1 and not kws:
            return ast.Call(ast.Name(_K_READER[name], ast.Load()), args, [])
        if name == "one_hot" and len(args) == 2 and not kws:
            eye = ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "eye", ast.Load()), [args[1]], [])
            return ast.Subscript(eye, args[0], ast.Load())
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.value.id == self.alias and node.attr in _K_AS_NUMPY:
            return ast.Attribute(ast.Name("np", ast.Load()), node.attr, ast.Load())
        return node


_KERAS = ("tensorflow.keras.backend", "keras.backend", "tensorflow.python.keras.backend")


def _keras_backend(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    for alias, imp in _aliases(stmts, _KERAS).items():
        uses = _only_attributes(stmts, alias)
        if alias in tensors or uses is None or _bound_elsewhere(stmts, alias):
            continue
        if not all(u.attr in _K_KNOWN for u in uses):
            continue
        done = [_Keras(alias).visit(s) for s in stmts if s is not imp]
        if any(isinstance(n, ast.Name) and n.id == alias for s in done for n in ast.walk(s)):
            continue  # a K. use in another form (K.shape(x) not indexed, a cast of three arguments …)
        stmts = done
    return stmts


def _main_block(st: ast.stmt) -> bool:
    if not isinstance(st, ast.If) or st.orelse:
        return False
    t = st.test
    return (
        isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq)
        and isinstance(t.left, ast.Name) and t.left.id == "__name__"
        and isinstance(t.comparators[0], ast.Constant) and t.comparators[0].value == "__main__"
    )


def _main_inlined(stmts: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for st in stmts:
        out.extend(st.body if _main_block(st) else [st])  # type: ignore[attr-defined]
    return out


class _TfReshape(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if (
            isinstance(f, ast.Attribute) and f.attr == "reshape" and ast.unparse(f.value) in ("tf", "tensorflow")
            and len(node.args) == 2 and not node.keywords
        ):
            return ast.Call(ast.Attribute(node.args[0], "reshape", ast.Load()), [node.args[1]], [])
        return _matvec(node) or node


def _tf_reshape(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    if "tf" in tensors:
        return stmts
    return [_TfReshape().visit(st) for st in stmts]


def cell_spellings(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """The statement-level spellings of the module docstring, over a cell's statements."""
    stmts = _tf_reshape(_keras_backend(_tnp(_bare_numpy(_main_inlined(stmts), tensors), tensors), tensors), tensors)
    return [ast.fix_missing_locations(st) for st in stmts]


# ---------------------------------------------------------------- expressions


def _literal(e: ast.expr) -> object:
    try:
        return ast.literal_eval(e)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _matvec(node: ast.Call) -> ast.expr | None:
    """``tf.linalg.matvec(A, v)`` as ``A @ v`` (``transpose_a=True``: ``A.T @ v``)."""
    f, args = node.func, node.args
    if not (isinstance(f, ast.Attribute) and f.attr == "matvec" and ast.unparse(f.value) in ("tf.linalg", "tensorflow.linalg")):
        return None
    flags = {k.arg: _literal(k.value) for k in node.keywords}
    if len(args) != 2 or set(flags) - {"transpose_a", "adjoint_a"} or any(v not in (True, False) for v in flags.values()):
        return None
    a = ast.Attribute(args[0], "T", ast.Load()) if any(flags.values()) else args[0]
    return ast.BinOp(a, ast.MatMult(), args[1])


_INPLACE = {"mul_": ast.Mult, "div_": ast.Div, "add_": ast.Add, "sub_": ast.Sub}
_TORCH_COMPARE = {"ge": ast.GtE, "gt": ast.Gt, "le": ast.LtE, "lt": ast.Lt}
_REDUCTIONS = ("sum", "mean")


def _one_axis_reduction(e: ast.expr) -> bool:
    """``x.sum(axis=k)`` / ``np.mean(x, axis=k)`` without keepdims (a matrix's vector)."""
    if not isinstance(e, ast.Call) or not isinstance(e.func, ast.Attribute) or e.func.attr not in _REDUCTIONS:
        return False
    kws = {k.arg: k.value for k in e.keywords}
    if set(kws) - {"axis"} or "keepdims" in kws:
        return False
    base = ast.unparse(e.func.value)
    positional = e.args[1:] if base in ("np", "numpy") else e.args
    if base in ("np", "numpy") and len(e.args) < 1:
        return False
    axis = kws.get("axis", positional[0] if positional else None)
    return axis is not None and _literal(axis) in (0, 1, -1, -2) and len(positional) <= 1


def aliased_call(node: ast.Call, is_tensor) -> ast.expr | None:  # noqa: ANN001
    """A call of the module docstring's expression-level spellings as the one the reader knows;
    None for any other call (also where the module's name is a tensor of the network)."""
    f = node.func
    if not isinstance(f, ast.Attribute):
        return None
    args, kws = node.args, node.keywords
    base = ast.unparse(f.value)
    module = base.split(".")[0] if isinstance(f.value, (ast.Name, ast.Attribute)) else ""
    if f.attr in _INPLACE and len(args) == 1 and not kws:
        return ast.BinOp(f.value, _INPLACE[f.attr](), args[0])
    if f.attr == "t_" and not args and not kws:
        return ast.Attribute(f.value, "T", ast.Load())
    if f.attr == "type_as" and len(args) == 1 and not kws:
        return f.value
    if f.attr == "size" and len(args) == 1 and not kws and isinstance(_literal(args[0]), int) and module not in ("np", "numpy"):
        return ast.Subscript(ast.Attribute(f.value, "shape", ast.Load()), args[0], ast.Load())
    if module and is_tensor(module):
        return None
    if base == "torch" and f.attr == "true_divide" and len(args) == 2 and not kws:
        return ast.BinOp(args[0], ast.Div(), args[1])
    if base == "torch" and f.attr in _TORCH_COMPARE and len(args) == 2 and not kws:
        return ast.Compare(args[0], [_TORCH_COMPARE[f.attr]()], [args[1]])
    if (mv := _matvec(node)) is not None:
        return mv
    if base in ("np", "numpy") and f.attr == "atleast_2d" and len(args) == 1 and not kws and _one_axis_reduction(args[0]):
        return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "expand_dims", ast.Load()), [args[0], ast.Constant(0)], [])
    return None
