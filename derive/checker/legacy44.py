"""heldcheck44: spellings of the forty-fourth held-out corpus (tests/corpus44.py) the code reader
learns, kept in one module so that derive/checker/cells.py and formula.py each call it from one
line (as derive/checker/legacy43.py).

Statement level (:func:`cell_spellings`, run by ``cells.expand`` over a cell's statements):

- Theano-era code, ``import theano.tensor as T`` (the alias no tensor of the network):
  ``T.dot``/``T.sum``/``T.mean``/``T.maximum``/``T.exp``/… as NumPy's, ``T.switch`` as
  ``np.where``, ``T.nnet.sigmoid(z)`` as ``1 / (1 + np.exp(-z))``, ``x.dimshuffle(1, 0)`` as
  ``x.T``; a cell using any other ``T.`` name (``T.grad``: autodiff as the answer) is left as
  written and its import refused;
- HIPS autograd's ``import autograd.numpy as anp``: ``anp.`` read as ``np.`` (``from autograd
  import grad`` stays refused);
- ``import copy``: ``copy.deepcopy(e)`` / ``copy.copy(e)`` as ``e.copy()``;
- closure factories: ``def make(a): def g(b): …; return g`` called ``make(x)(y)`` (or ``g =
  make(x)`` then ``g(y)``) as one helper of both parameter lists;
- classes of stateless methods (``class Dense(nn.Module): def backward(self, A, dZ): …`` with no
  ``self.`` read and no ``__init__``), called ``Dense().backward(…)`` or through ``layer =
  Dense()``: each method a helper of its own;
- ``@dataclass`` records of gradients (fields only): ``Grads(dW1=…, dW2=…)`` as the dict
  ``{'dW1': …, 'dW2': …}`` and ``….dW1`` as ``…['dW1']``.

Expression level (:func:`aliased_call`, :func:`negated`, :func:`accumulated_last`, from the
formula reader): ``np.logical_not(c)`` / ``np.invert(c)`` / ``~c`` of one comparison as the
opposite comparison; ``np.moveaxis(a, s, d)`` / ``np.ascontiguousarray(a)`` of a matrix;
``tf.linalg.matmul(a, b, adjoint_a=True)`` (real data: the adjoint is the transpose);
``np.add.accumulate(x, axis=k)`` read only at its last entry along ``k`` (``[-1]``, ``[-1:]``,
``[:, -1]``, ``[:, -1:]``), which is the sum along ``k``.

Text level (:func:`class_vectors`): integer class labels declared as a column (``label =
["N", 1]``) or a vector (``y = ["N"]``), which the network holds one-hot: ``label[:, 0]``,
``label.ravel()``/``.flatten()``/``.squeeze()``/``.reshape(-1)`` and casts (``.astype(int)``,
``.long()``) are the labels themselves (``np.eye(C)[label.flatten()]`` is the one-hot target).
"""

from __future__ import annotations

import ast
import copy
import re
import tomllib
from pathlib import Path

from derive.checker.asttools import Renamed

# ---------------------------------------------------------------- module aliases

_THEANO_AS_NUMPY = frozenset({"dot", "sum", "mean", "maximum", "minimum", "exp", "log", "tanh", "sqrt", "abs",
                              "outer", "transpose", "zeros_like", "ones_like", "sgn", "sqr", "where"})
_THEANO_RENAMED = {"switch": "where", "sgn": "sign", "sqr": "square"}


def _aliases(stmts: list[ast.stmt], module: str) -> set[str]:
    """The names ``import MODULE as X`` binds in ``stmts``."""
    return {a.asname for st in stmts if isinstance(st, ast.Import) for a in st.names if a.name == module and a.asname}


def _attr_uses(stmts: list[ast.stmt], alias: str) -> list[ast.AST] | None:
    """Every use of the name ``alias`` in ``stmts`` besides its import, as the Attribute node
    over it; None where the name is used alone or assigned."""
    uses: list[ast.AST] = []
    parents: dict[int, ast.AST] = {}
    for st in stmts:
        for node in ast.walk(st):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
    for st in stmts:
        for node in ast.walk(st):
            if isinstance(node, ast.Name) and node.id == alias:
                parent = parents.get(id(node))
                if not isinstance(parent, ast.Attribute) or not isinstance(node.ctx, ast.Load):
                    return None
                uses.append(parent)
            elif isinstance(node, (ast.FunctionDef, ast.Lambda)) and alias in {a.arg for a in node.args.args}:
                return None
    return uses


class _Theano(ast.NodeTransformer):
    def __init__(self, alias: str) -> None:
        self.alias = alias

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if (  # T.nnet.sigmoid(z)
            isinstance(f, ast.Attribute) and f.attr == "sigmoid" and ast.unparse(f.value) == f"{self.alias}.nnet"
            and len(node.args) == 1 and not node.keywords
        ):
            z = node.args[0]
            return ast.BinOp(ast.Constant(1), ast.Div(), ast.BinOp(ast.Constant(1), ast.Add(), _np("exp", [ast.UnaryOp(ast.USub(), z)])))
        if isinstance(f, ast.Attribute) and f.attr == "dimshuffle" and not node.keywords and [_literal(a) for a in node.args] == [1, 0]:
            return ast.Attribute(f.value, "T", ast.Load())
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.value.id == self.alias and node.attr in _THEANO_AS_NUMPY | set(_THEANO_RENAMED):
            return ast.Attribute(ast.Name("np", ast.Load()), _THEANO_RENAMED.get(node.attr, node.attr), ast.Load())
        return node


def _theano(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    for alias in _aliases(stmts, "theano.tensor"):
        uses = _attr_uses(stmts, alias)
        if alias in tensors or uses is None:
            continue
        known = all(
            u.attr in _THEANO_AS_NUMPY | set(_THEANO_RENAMED) or (u.attr == "nnet" and _nnet_sigmoid_only(stmts, alias))
            for u in uses  # type: ignore[attr-defined]
        )
        if not known:
            continue
        stmts = [_Theano(alias).visit(st) for st in _without_import(stmts, "theano.tensor", alias)]
    return stmts


def _nnet_sigmoid_only(stmts: list[ast.stmt], alias: str) -> bool:
    for st in stmts:
        for node in ast.walk(st):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and ast.unparse(node.value) == f"{alias}.nnet":
                if node.attr != "sigmoid":
                    return False
    return True


def _without_import(stmts: list[ast.stmt], module: str, alias: str) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.Import) and any(a.name == module and a.asname == alias for a in st.names):
            rest = [a for a in st.names if not (a.name == module and a.asname == alias)]
            if rest:
                out.append(ast.Import(rest))
            continue
        out.append(st)
    return out


def _autograd_numpy(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    for alias in _aliases(stmts, "autograd.numpy"):
        if alias in tensors or _attr_uses(stmts, alias) is None:
            continue
        stmts = [Renamed(alias, "np").visit(st) for st in _without_import(stmts, "autograd.numpy", alias)]
    return stmts


class _Copies(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if ast.unparse(node.func) in ("copy.deepcopy", "copy.copy") and len(node.args) == 1 and not node.keywords:
            return ast.Call(ast.Attribute(node.args[0], "copy", ast.Load()), [], [])
        return node


def _copies(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    imported = any(isinstance(st, ast.Import) and [a.name for a in st.names] == ["copy"] and not st.names[0].asname for st in stmts)
    if not imported or "copy" in tensors:
        return stmts
    stmts = [_Copies().visit(st) for st in stmts]
    if any(isinstance(n, ast.Name) and n.id == "copy" for st in stmts for n in ast.walk(st)):
        return stmts  # another use of the module: the import stays (refused)
    return [st for st in stmts if not (isinstance(st, ast.Import) and [a.name for a in st.names] == ["copy"])]


# ---------------------------------------------------------------- closures, stateless classes, records


def _body(fn: ast.FunctionDef) -> list[ast.stmt]:
    body = list(fn.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return body


def _plain(fn: ast.FunctionDef) -> bool:
    a = fn.args
    return not (fn.decorator_list or a.vararg or a.kwarg or a.kwonlyargs or a.defaults or a.posonlyargs)


class _Calls(ast.NodeTransformer):
    """``make(x)(y)`` and ``g(y)`` of ``g = make(x)`` as ``flat(x, y)``; ``Cls().m(y)`` and
    ``obj.m(y)`` of ``obj = Cls()`` as ``Cls__m(y)``."""

    def __init__(self, factories: dict[str, str], classes: dict[str, set[str]]) -> None:
        self.factories, self.classes = factories, classes
        self.bound: dict[str, tuple[str, list[ast.expr]]] = {}  # g -> (flat, args) of g = make(x)
        self.objects: dict[str, str] = {}  # obj -> Cls of obj = Cls()

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if node.keywords:
            return node
        if isinstance(f, ast.Call) and isinstance(f.func, ast.Name) and f.func.id in self.factories and not f.keywords:
            return ast.Call(ast.Name(self.factories[f.func.id], ast.Load()), [*f.args, *node.args], [])
        if isinstance(f, ast.Name) and f.id in self.bound:
            flat, args = self.bound[f.id]
            return ast.Call(ast.Name(flat, ast.Load()), [*copy.deepcopy(args), *node.args], [])
        if isinstance(f, ast.Attribute):
            owner = f.value
            cls = None
            if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id in self.classes and not owner.args and not owner.keywords:
                cls = owner.func.id
            elif isinstance(owner, ast.Name) and owner.id in self.objects:
                cls = self.objects[owner.id]
            if cls is not None and f.attr in self.classes[cls]:
                return ast.Call(ast.Name(f"{cls}__{f.attr}", ast.Load()), node.args, [])
        return node

    def statement(self, st: ast.stmt) -> ast.stmt | None:
        """``st`` rewritten; None for ``g = make(x)`` / ``obj = Cls()`` (remembered)."""
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) and isinstance(st.value, ast.Call):
            v, name = st.value, st.targets[0].id
            if isinstance(v.func, ast.Name) and v.func.id in self.factories and not v.keywords:
                self.bound[name] = (self.factories[v.func.id], [self.visit(a) for a in v.args])
                return None
            if isinstance(v.func, ast.Name) and v.func.id in self.classes and not v.args and not v.keywords:
                self.objects[name] = v.func.id
                return None
        self.bound.pop(_assigned(st) or "", None)
        self.objects.pop(_assigned(st) or "", None)
        return self.visit(st)


def _assigned(st: ast.stmt) -> str | None:
    if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
        return st.targets[0].id
    return None


def _factory(st: ast.stmt) -> ast.FunctionDef | None:
    """``def make(a): def g(b): …; return g`` as the flat helper ``make__g(a, b)``; else None."""
    if not isinstance(st, ast.FunctionDef) or not _plain(st):
        return None
    body = _body(st)
    if len(body) != 2 or not isinstance(body[0], ast.FunctionDef) or not _plain(body[0]):
        return None
    inner, ret = body[0], body[1]
    if not (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Name) and ret.value.id == inner.name):
        return None
    outer = [a.arg for a in st.args.args]
    if set(outer) & {a.arg for a in inner.args.args}:
        return None
    args = ast.arguments(posonlyargs=[], args=[*st.args.args, *inner.args.args], kwonlyargs=[], kw_defaults=[], defaults=[])
    return ast.FunctionDef(f"{st.name}__{inner.name}", args, _body(inner), [], None, None, type_params=[])


class _SelfRead(ast.NodeVisitor):
    def __init__(self) -> None:
        self.read = False

    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "self":
            self.read = True


def _stateless(st: ast.stmt) -> list[ast.FunctionDef] | None:
    """A class whose body is methods only (no ``__init__``, no decorator), none reading
    ``self``: each method as the helper ``Cls__m`` without ``self``; else None."""
    if not isinstance(st, ast.ClassDef) or st.decorator_list or st.keywords:
        return None
    body = [b for b in st.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant)) and not isinstance(b, ast.Pass)]
    if not body or not all(isinstance(b, ast.FunctionDef) and _plain(b) and b.name != "__init__" for b in body):
        return None
    out = []
    for m in body:
        args = m.args.args  # type: ignore[attr-defined]
        if not args or args[0].arg != "self":
            return None
        seen = _SelfRead()
        for s in _body(m):  # type: ignore[arg-type]
            seen.visit(s)
        if seen.read:
            return None
        plain = ast.arguments(posonlyargs=[], args=list(args[1:]), kwonlyargs=[], kw_defaults=[], defaults=[])
        out.append(ast.FunctionDef(f"{st.name}__{m.name}", plain, _body(m), [], None, None, type_params=[]))  # type: ignore[arg-type, attr-defined]
    return out


def _record(st: ast.stmt) -> list[str] | None:
    """The fields of ``@dataclass class R: f1: T; …`` (annotations only); else None."""
    if not isinstance(st, ast.ClassDef) or len(st.decorator_list) != 1 or st.bases or st.keywords:
        return None
    if ast.unparse(st.decorator_list[0]) not in ("dataclass", "dataclasses.dataclass"):
        return None
    body = [b for b in st.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
    if not body or not all(isinstance(b, ast.AnnAssign) and b.value is None and isinstance(b.target, ast.Name) for b in body):
        return None
    return [b.target.id for b in body]  # type: ignore[attr-defined, union-attr]


class _Records(ast.NodeTransformer):
    def __init__(self, records: dict[str, list[str]]) -> None:
        self.records = records
        self.fields = {f for fs in records.values() for f in fs}
        self.failed = False

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in self.records:
            fields = self.records[node.func.id]
            if len(node.args) > len(fields) or any(k.arg not in fields for k in node.keywords):
                self.failed = True
                return node
            given = dict(zip(fields, node.args)) | {k.arg: k.value for k in node.keywords}  # type: ignore[misc]
            if set(given) != set(fields):
                self.failed = True
                return node
            return ast.Dict([ast.Constant(f) for f in fields], [given[f] for f in fields])
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if node.attr in self.fields and isinstance(node.value, ast.Call) and isinstance(node.ctx, ast.Load):
            return ast.Subscript(node.value, ast.Constant(node.attr), ast.Load())
        return node


def _callables(stmts: list[ast.stmt]) -> list[ast.stmt]:
    factories: dict[str, str] = {}
    classes: dict[str, set[str]] = {}
    records: dict[str, list[str]] = {}
    out: list[ast.stmt] = []
    for st in stmts:
        flat = _factory(st)
        if flat is not None:
            factories[st.name] = flat.name  # type: ignore[attr-defined]
            out.append(flat)
            continue
        methods = _stateless(st)
        if methods is not None:
            classes[st.name] = {m.name.split("__", 1)[1] for m in methods}  # type: ignore[attr-defined]
            out.extend(methods)
            continue
        fields = _record(st)
        if fields is not None:
            records[st.name] = fields  # type: ignore[attr-defined]
            continue
        out.append(st)
    if not (factories or classes or records):
        return stmts
    if records:
        rec = _Records(records)
        out = [rec.visit(st) for st in out]
        if rec.failed:
            return stmts
    calls = _Calls(factories, classes)
    done: list[ast.stmt] = []
    for st in out:
        if isinstance(st, ast.FunctionDef):
            done.append(calls.visit(st))
            continue
        new = calls.statement(st)
        if new is not None:
            done.append(new)
    used = {n.id for st in done for n in ast.walk(st) if isinstance(n, ast.Name)}
    if used & (set(factories) | set(classes) | set(records)):
        return stmts  # used some other way: the cell as written
    return [ast.fix_missing_locations(st) for st in done]


def cell_spellings(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """The statement-level spellings of the module docstring, over a cell's statements."""
    return _callables(_copies(_autograd_numpy(_theano(stmts, tensors), tensors), tensors))


# ---------------------------------------------------------------- expressions


def _literal(e: ast.expr) -> object:
    try:
        return ast.literal_eval(e)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _np(fn: str, args: list[ast.expr], kws: list[ast.keyword] | None = None) -> ast.expr:
    return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), fn, ast.Load()), args, kws or [])


_OPPOSITE = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}


def _opposite(c: ast.expr) -> ast.expr | None:
    if isinstance(c, ast.Compare) and len(c.ops) == 1 and type(c.ops[0]) in _OPPOSITE:
        return ast.Compare(c.left, [_OPPOSITE[type(c.ops[0])]()], c.comparators)
    return None


def negated(node: ast.UnaryOp) -> ast.expr | None:
    """``~(Z1 <= 0)`` as ``Z1 > 0``; None for anything else."""
    return _opposite(node.operand) if isinstance(node.op, ast.Invert) else None


def aliased_call(node: ast.Call, is_tensor) -> ast.expr | None:  # noqa: ANN001
    """A call of the module docstring's expression-level spellings as the one the reader knows;
    None for any other call (also where the module's name is a tensor of the network)."""
    f = node.func
    if not isinstance(f, ast.Attribute):
        return None
    base = ast.unparse(f.value)
    if is_tensor(base.split(".")[0]):
        return None
    args, kws = node.args, node.keywords
    if base in ("np", "numpy", "jnp", "torch") and f.attr in ("logical_not", "invert", "bitwise_not") and len(args) == 1 and not kws:
        return _opposite(args[0])
    if base in ("np", "numpy") and f.attr in ("ascontiguousarray", "asfortranarray") and len(args) == 1 and not kws:
        return args[0]
    if base in ("np", "numpy") and f.attr == "moveaxis" and len(args) == 3 and not kws:
        s, d = _literal(args[1]), _literal(args[2])
        if s not in (0, 1, -1, -2) or d not in (0, 1, -1, -2):
            return None
        return args[0] if s % 2 == d % 2 else ast.Attribute(args[0], "T", ast.Load())  # type: ignore[operator]
    if base in ("tf", "tf.linalg", "tensorflow", "tensorflow.linalg") and f.attr == "matmul" and any(
        k.arg in ("adjoint_a", "adjoint_b") for k in kws
    ):
        renamed = [ast.keyword({"adjoint_a": "transpose_a", "adjoint_b": "transpose_b"}.get(k.arg, k.arg), k.value) for k in kws]  # type: ignore[arg-type]
        if len({k.arg for k in renamed}) != len(renamed):
            return None
        return ast.Call(f, args, renamed)
    return None


def accumulated_last(node: ast.Subscript) -> ast.expr | None:
    """``np.add.accumulate(x, axis=k)`` at its last entry along ``k`` (``[-1]``, ``[-1:]``,
    ``[:, -1]``, ``[:, -1:]``) as ``np.sum(x, axis=k)`` (``keepdims=True`` for a slice); None
    for anything else."""
    v = node.value
    if not (isinstance(v, ast.Call) and ast.unparse(v.func) in ("np.add.accumulate", "numpy.add.accumulate")):
        return None
    if not 1 <= len(v.args) <= 2 or any(k.arg != "axis" for k in v.keywords):
        return None
    axis_e = v.args[1] if len(v.args) == 2 else next((k.value for k in v.keywords), ast.Constant(0))
    axis = _literal(axis_e)
    if axis not in (0, 1, -1):
        return None
    axis = 1 if axis == -1 else axis
    idx = node.slice
    items = list(idx.elts) if isinstance(idx, ast.Tuple) else [idx]

    def last(e: ast.expr) -> str | None:  # "entry" for -1, "slice" for -1:
        if _literal(e) == -1:
            return "entry"
        if isinstance(e, ast.Slice) and e.upper is None and e.step is None and e.lower is not None and _literal(e.lower) == -1:
            return "slice"
        return None

    def whole(e: ast.expr) -> bool:
        return isinstance(e, ast.Slice) and e.lower is None and e.upper is None and e.step is None

    if axis == 0 and len(items) in (1, 2) and (len(items) == 1 or whole(items[1])):
        kind = last(items[0])
    elif axis == 1 and len(items) == 2 and whole(items[0]):
        kind = last(items[1])
    else:
        return None
    if kind is None:
        return None
    kw = [ast.keyword("axis", ast.Constant(axis))]
    if kind == "slice":
        kw.append(ast.keyword("keepdims", ast.Constant(True)))
    return _np("sum", [v.args[0]], kw)


# ---------------------------------------------------------------- class labels


_FLAT = r"(?:\[\s*:\s*,\s*(?:0|-1)\s*\]|\.(?:ravel|flatten)\(\s*\)|\.squeeze\(\s*(?:(?:axis|dim)\s*=\s*)?(?:1|-1)?\s*\)|\.(?:reshape|view)\(\s*-1\s*\))"
_CAST = r"(?:\.astype\(\s*(?:int|np\.int64|np\.int32|np\.intp|['\"]int(?:64|32)?['\"])\s*\)|\.long\(\s*\)|\.int\(\s*\))"


def declared_labels(source: object, labels: tuple[str, ...]) -> dict[str, int]:
    """The number of axes each of ``labels`` (integer class labels) is declared with in the
    spec file ``source`` (1: ``["N"]``, 2: ``["N", 1]``); labels declared otherwise left out."""
    try:
        inputs = tomllib.loads(Path(str(source)).read_text(encoding="utf-8")).get("inputs", {})
    except (OSError, ValueError):
        return {}
    out: dict[str, int] = {}
    for y in labels:
        shape = inputs.get(y)
        if isinstance(shape, dict):
            shape = shape.get("shape")
        if isinstance(shape, list) and len(shape) == 1:
            out[y] = 1
        elif isinstance(shape, list) and len(shape) == 2 and shape[1] == 1:
            out[y] = 2
    return out


def class_vectors(text: str, declared: dict[str, int]) -> str:
    """``text`` with each spelling of the class-label vector of the module docstring written as
    the labels' bare name."""
    for y, axes in declared.items():
        if y not in text:
            continue
        flat = rf"{_FLAT}?" if axes == 2 else ""
        pattern = re.compile(rf"(?<![\w.]){re.escape(y)}(?:{flat}{_CAST}|{_FLAT if axes == 2 else '(?!)'}(?:{_CAST})?)(?![\w(\[])")
        text = pattern.sub(y, text)
    return text
