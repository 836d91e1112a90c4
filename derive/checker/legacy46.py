"""heldcheck46: spellings of the forty-sixth held-out corpus (tests/corpus46.py) the code reader
learns, kept in one module so that derive/checker/cells.py and formula.py each call it from one
line (as derive/checker/legacy45.py).

Statement level (:func:`cell_spellings`, run first by ``cells.expand`` over a cell's statements):

- ``@dataclass`` records built once by position or keyword (``c = Cache(X, h, y_pred)``, fields
  annotated only): ``c.X`` read as the argument given for the field;
- ``dict()`` without arguments as ``{}``;
- a ``for`` loop whose body only prints, displays or asserts: left out (it computes nothing);
- per-example comprehensions and loops over the rows of arrays — ``zip(A1, A2 - Y)``, ``for d in
  A2 - Y`` — as the per-example index form the readers know (``A1[i_row]``; an expression
  source's row written element-wise, ``A2[i_row] - Y[i_row]``), the bound ``len`` of a tensor
  zipped (or named in the first source);
- ``np.sum([…], axis=0)`` / ``np.mean([…], axis=0)`` / ``sum([…])`` of such a comprehension as
  the sum over the index (the mean divided by the number of rows); a list built once by a
  comprehension, then ``sum(grads) / len(grads)``, likewise;
- ``np.array([f(a2, y) for a2, y in zip(A2, Y)])`` with ``f`` row-wise (element-wise operations
  of the rows and numbers, a row times a matrix ``row @ W2.T``) as ``f(A2, Y)``: the rows it stacks;
- ``sum([h.T @ d for h, d in zip([h_0, h_1], [dz1, dz2])])`` over written-out lists as the sum
  written out;
- a cell's last line displaying a name already assigned, rounded (``dW1.round(4)``,
  ``np.round(dW1, 4)``), as the name itself (a notebook's display, not the answer's value);
- ``tf.einsum``/``torch.einsum``/``jnp.einsum`` with an ellipsis as ``np.einsum`` (whose reader
  spells the ellipsis out).

Text level (:func:`none_rows`): ``x[None]`` as ``x[None, :]``, the same array in NumPy.

Expression level (:func:`aliased_call`): MindSpore's ``mint.softmax`` /
``mint.nn.functional.softmax`` (and ``log_softmax``, ``mint.matmul``) as PyTorch's.
"""

from __future__ import annotations

import ast
import copy
import re

from derive.checker.asttools import subst as _subst

_ROW = "i_row"


def _stored(stmts: list[ast.stmt]) -> set[str]:
    return {n.id for st in stmts for n in ast.walk(st) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}


def _loads(node: ast.AST, name: str) -> int:
    return sum(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for n in ast.walk(node))


# ---------------------------------------------------------------- dataclass records built once


def _dataclass_fields(st: ast.stmt) -> list[str] | None:
    if not isinstance(st, ast.ClassDef) or st.bases or st.keywords or len(st.decorator_list) != 1:
        return None
    if ast.unparse(st.decorator_list[0]) not in ("dataclass", "dataclasses.dataclass"):
        return None
    fields = []
    for b in st.body:
        if isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant) and isinstance(b.value.value, str):
            continue  # a docstring
        if isinstance(b, ast.AnnAssign) and isinstance(b.target, ast.Name) and b.value is None and b.simple:
            fields.append(b.target.id)
            continue
        return None
    return fields


class _Fields(ast.NodeTransformer):
    def __init__(self, env: dict[str, dict[str, ast.expr]]) -> None:
        self.env = env
        self.left = False  # a record used otherwise than by one of its fields

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:  # noqa: N802
        v = node.value
        if isinstance(v, ast.Name) and v.id in self.env and isinstance(node.ctx, ast.Load):
            if node.attr in self.env[v.id]:
                return copy.deepcopy(self.env[v.id][node.attr])
            self.left = True
            return node
        return self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802
        if node.id in self.env:
            self.left = True
        return node


def _records(stmts: list[ast.stmt]) -> list[ast.stmt]:
    classes = {st.name: f for st in stmts if (f := _dataclass_fields(st)) is not None}  # type: ignore[union-attr]
    if not classes:
        return stmts
    env: dict[str, dict[str, ast.expr]] = {}
    made: list[ast.stmt] = []
    for st in stmts:
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and isinstance(st.value.func, ast.Name) and st.value.func.id in classes
        ):
            fields = classes[st.value.func.id]
            call = st.value
            if len(call.args) > len(fields) or any(k.arg not in fields for k in call.keywords):
                return stmts
            given = dict(zip(fields, call.args))
            for k in call.keywords:
                if k.arg in given:
                    return stmts
                given[k.arg] = k.value  # type: ignore[index]
            if set(given) != set(fields) or st.targets[0].id in env:
                return stmts
            env[st.targets[0].id] = given
            made.append(st)
    if not env or any(_loads(a, n) for st in made for a in [st.value] for n in env):
        return stmts
    if len(_stored([s for s in stmts if s not in made]) & set(env)):  # a record's name assigned again
        return stmts
    out = []
    for st in stmts:
        if st in made or (isinstance(st, ast.ClassDef) and st.name in classes):
            continue
        if isinstance(st, ast.ImportFrom) and st.module == "dataclasses":
            continue
        t = _Fields(env)
        new = t.visit(copy.deepcopy(st))
        if t.left:
            return stmts
        out.append(new)
    return out


# ---------------------------------------------------------------- small statements


class _EmptyDict(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        if isinstance(node.func, ast.Name) and node.func.id == "dict" and not node.args and not node.keywords:
            return ast.Dict([], [])
        return self.generic_visit(node)


_SHOWS = ("print", "display", "pprint")


def _shows_only(st: ast.stmt) -> bool:
    if isinstance(st, ast.Pass | ast.Assert):
        return True
    return (
        isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and isinstance(st.value.func, ast.Name)
        and st.value.func.id in _SHOWS
    )


def _print_loops(stmts: list[ast.stmt]) -> list[ast.stmt]:
    return [st for st in stmts if not (isinstance(st, ast.For) and not st.orelse and all(_shows_only(b) for b in st.body))]


def _display_tail(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """The last line ``dW1.round(4)`` / ``np.round(dW1, 4)`` / ``np.around(dW1, 4)`` of a name
    assigned before: the name displayed."""
    if not stmts or not isinstance(stmts[-1], ast.Expr) or not isinstance(stmts[-1].value, ast.Call):
        return stmts
    c = stmts[-1].value
    f = c.func
    name = None
    if isinstance(f, ast.Attribute) and f.attr == "round" and isinstance(f.value, ast.Name) and len(c.args) <= 1:
        name = f.value.id
    elif (
        isinstance(f, ast.Attribute) and f.attr in ("round", "around") and ast.unparse(f.value) in ("np", "numpy")
        and 1 <= len(c.args) <= 2 and isinstance(c.args[0], ast.Name)
    ):
        name = c.args[0].id
    if name is None or name not in _stored(stmts[:-1]):
        return stmts
    return [*stmts[:-1], ast.copy_location(ast.Expr(ast.Name(name, ast.Load())), stmts[-1])]


class _Einsum(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        f = node.func
        if (
            isinstance(f, ast.Attribute) and f.attr == "einsum" and ast.unparse(f.value) in ("tf", "torch", "jnp")
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            and "..." in node.args[0].value and not node.keywords
            and not any(isinstance(a, (ast.List, ast.Tuple)) for a in node.args[1:])
        ):
            node.func = ast.Attribute(ast.Name("np", ast.Load()), "einsum", ast.Load())
        return self.generic_visit(node)


# ---------------------------------------------------------------- comprehensions and loops over rows


def _one_gen(node: ast.expr) -> ast.comprehension | None:
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)) and len(node.generators) == 1:
        g = node.generators[0]
        if not g.ifs and not g.is_async:
            return g
    return None


def _targets(t: ast.expr) -> list[str] | None:
    if isinstance(t, ast.Name):
        return [t.id]
    if isinstance(t, ast.Tuple) and all(isinstance(e, ast.Name) for e in t.elts):
        return [e.id for e in t.elts]  # type: ignore[attr-defined]
    return None


def _row_sources(it: ast.expr, names: list[str]) -> list[ast.expr] | None:
    """The arrays whose rows a loop's or comprehension's ``iter`` walks (``zip(A1, A2 - Y)``,
    ``A2 - Y``), one per target name; None for any other iteration."""
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "zip" and not it.keywords:
        srcs = list(it.args)
    elif len(names) == 1:
        srcs = [it]
    else:
        return None
    if len(srcs) != len(names) or not srcs:
        return None
    for s in srcs:
        if isinstance(s, (ast.List, ast.Tuple, ast.ListComp, ast.GeneratorExp, ast.Constant, ast.Dict, ast.Set)):
            return None
        if isinstance(s, ast.Call) and isinstance(s.func, (ast.Name, ast.Attribute)) and ast.unparse(s.func).split(".")[-1] in (
            "range", "enumerate", "zip", "items", "keys", "values", "arange", "reversed"
        ):
            return None
        if isinstance(s, ast.Attribute) or isinstance(s, ast.Subscript):
            return None
    return srcs


class _Rows:
    """Rewrites row comprehensions and loops of one statement, collecting the names given to
    expression sources."""

    def __init__(self, tensors: set[str] | frozenset[str], known: set[str]) -> None:
        self.tensors = tensors
        self.known = known  # tensors and names the cell assigned an array expression before
        self.hoisted: list[ast.stmt] = []
        self.count = 0

    def _sources(self, srcs: list[ast.expr]) -> list[ast.expr] | None:
        """Each source as it is, if every name in it is a tensor or a name the cell assigned
        before; None otherwise."""
        for s in srcs:
            names = [n.id for n in ast.walk(s) if isinstance(n, ast.Name)]
            if not names or any(n not in self.known for n in names) or _row_of(s, "x") is None:
                return None
        return srcs

    def bound(self, srcs: list[ast.expr]) -> ast.expr:
        """``range(len(T))`` of the first tensor zipped (or named in the first source)."""
        first = next((s.id for s in srcs if isinstance(s, ast.Name) and s.id in self.tensors), None)
        if first is None:
            first = next((n.id for s in srcs for n in ast.walk(s) if isinstance(n, ast.Name) and n.id in self.tensors),
                         next(n.id for n in ast.walk(srcs[0]) if isinstance(n, ast.Name)))
        return ast.Call(ast.Name("range", ast.Load()), [ast.Call(ast.Name("len", ast.Load()), [ast.Name(first, ast.Load())], [])], [])

    def indexed(self, targets: list[str], srcs: list[ast.expr]) -> dict[str, ast.expr]:
        return {t: _row_of(s, _ROW) for t, s in zip(targets, srcs)}  # type: ignore[misc]

    def comprehension(self, node: ast.expr) -> ast.expr | None:
        g = _one_gen(node)
        if g is None:
            return None
        targets = _targets(g.target)
        srcs = _row_sources(g.iter, targets) if targets else None
        if not srcs or _loads(node, _ROW):
            return None
        names = self._sources(srcs)
        if names is None:
            return None
        elt = _subst(node.elt, self.indexed(targets, names))  # type: ignore[attr-defined, arg-type]
        gen = ast.comprehension(ast.Name(_ROW, ast.Store()), self.bound(names), [], 0)
        return ast.GeneratorExp(elt, [gen])  # type: ignore[arg-type]

    def loop(self, st: ast.For) -> ast.For | None:
        targets = _targets(st.target)
        srcs = _row_sources(st.iter, targets) if targets and not st.orelse else None
        if not srcs or any(_loads(b, _ROW) for b in st.body):
            return None
        if all(isinstance(s, ast.Name) and s.id in self.tensors for s in srcs):
            return None  # the rows of tensors: cells' own zip reading
        names = self._sources(srcs)
        if names is None:
            return None
        env = self.indexed(targets, names)  # type: ignore[arg-type]
        body = [_subst(b, env) for b in st.body]
        return ast.For(ast.Name(_ROW, ast.Store()), self.bound(names), body, [], lineno=st.lineno)  # type: ignore[arg-type]


def _row_of(e: ast.expr, i: str) -> ast.expr | None:
    """Row ``i`` of the array ``e``: ``A2[i]`` of a name, ``A2[i] - Y[i]`` of an element-wise
    expression (numbers kept); None where the row is not one of its names' rows."""
    if isinstance(e, ast.Name):
        return ast.Subscript(ast.Name(e.id, ast.Load()), ast.Name(i, ast.Load()), ast.Load())
    if isinstance(e, ast.Constant) and isinstance(e.value, (int, float)):
        return e
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, (ast.USub, ast.UAdd)):
        inner = _row_of(e.operand, i)
        return None if inner is None else ast.UnaryOp(e.op, inner)
    if isinstance(e, ast.BinOp) and isinstance(e.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        left, right = _row_of(e.left, i), _row_of(e.right, i)
        return None if left is None or right is None else ast.BinOp(left, e.op, right)
    return None


_ROWWISE_FUNCS = {"exp", "log", "tanh", "sqrt", "square", "abs", "maximum", "minimum", "where", "sign", "heaviside"}


def _rowwise(e: ast.expr, targets: set[str], tensors: set[str] | frozenset[str]) -> bool:
    """Is ``e`` computed row by row from the rows ``targets`` (element-wise operations of rows
    and numbers, ``row @ M`` with M free of rows, element-wise NumPy functions)?"""
    if isinstance(e, ast.Name):
        return e.id in targets or e.id not in tensors
    if isinstance(e, ast.Constant):
        return isinstance(e.value, (int, float))
    if isinstance(e, ast.UnaryOp):
        return _rowwise(e.operand, targets, tensors)
    if isinstance(e, ast.BinOp):
        if isinstance(e.op, ast.MatMult):
            free = not any(isinstance(n, ast.Name) and n.id in targets for n in ast.walk(e.right))
            right_ok = all(
                isinstance(n, (ast.Name, ast.Attribute, ast.Load)) and (not isinstance(n, ast.Attribute) or n.attr == "T")
                for n in ast.walk(e.right)
            )
            return free and right_ok and _rowwise(e.left, targets, tensors) and _has_row(e.left, targets)
        if isinstance(e.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
            return _rowwise(e.left, targets, tensors) and _rowwise(e.right, targets, tensors)
        return False
    if isinstance(e, ast.Compare):
        return len(e.ops) == 1 and _rowwise(e.left, targets, tensors) and _rowwise(e.comparators[0], targets, tensors)
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and ast.unparse(e.func.value) in ("np", "numpy"):
        return e.func.attr in _ROWWISE_FUNCS and not e.keywords and all(_rowwise(a, targets, tensors) for a in e.args)
    return False


def _has_row(e: ast.expr, targets: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in targets for n in ast.walk(e))


def _stacked(node: ast.expr, tensors: set[str] | frozenset[str]) -> ast.expr | None:
    """``np.array([f(a, y) for a, y in zip(A, Y)])`` with f row-wise as ``f(A, Y)``."""
    if not (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("array", "stack", "vstack")
        and ast.unparse(node.func.value) in ("np", "numpy") and len(node.args) == 1 and not node.keywords
    ):
        return None
    g = _one_gen(node.args[0])
    targets = _targets(g.target) if g else None
    srcs = _row_sources(g.iter, targets) if g and targets else None
    if not srcs or not all(isinstance(s, (ast.Name, ast.BinOp, ast.UnaryOp)) for s in srcs):
        return None
    if not all(all(isinstance(n, ast.Name) and n.id in tensors or not isinstance(n, ast.Name) for n in ast.walk(s)) for s in srcs):
        return None
    elt = node.args[0].elt  # type: ignore[attr-defined]
    if not _rowwise(elt, set(targets), tensors) or not _has_row(elt, set(targets)):  # type: ignore[arg-type]
        return None
    return _subst(elt, dict(zip(targets, srcs)))  # type: ignore[arg-type, return-value]


def _literal_zip_sum(node: ast.expr) -> ast.expr | None:
    """``sum([f(a, b) for a, b in zip([a1, a2], [b1, b2])])`` (a generator too) as ``f(a1, b1) +
    f(a2, b2)``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" and len(node.args) == 1 and not node.keywords):
        return None
    g = _one_gen(node.args[0])
    targets = _targets(g.target) if g else None
    if not g or not targets or not (isinstance(g.iter, ast.Call) and isinstance(g.iter.func, ast.Name) and g.iter.func.id == "zip"):
        return None
    lists = g.iter.args
    if g.iter.keywords or len(lists) != len(targets) or not all(isinstance(a, (ast.List, ast.Tuple)) for a in lists):
        return None
    if len({len(a.elts) for a in lists}) != 1 or not lists[0].elts:  # type: ignore[attr-defined]
        return None
    terms = [_subst(node.args[0].elt, dict(zip(targets, row))) for row in zip(*(a.elts for a in lists))]  # type: ignore[attr-defined]
    out = terms[0]
    for t in terms[1:]:
        out = ast.BinOp(out, ast.Add(), t)
    return out  # type: ignore[return-value]


def _npreduce(node: ast.expr) -> tuple[str, ast.expr] | None:
    """``np.sum(L, axis=0)`` / ``np.mean(L, axis=0)`` (keepdims allowed): (``sum``/``mean``, L)."""
    if not (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("sum", "mean")
        and ast.unparse(node.func.value) in ("np", "numpy") and 1 <= len(node.args) <= 2
    ):
        return None
    kws = {k.arg: k.value for k in node.keywords}
    if set(kws) - {"axis", "keepdims"}:
        return None
    axis = kws.get("axis", node.args[1] if len(node.args) == 2 else None)
    if not (isinstance(axis, ast.Constant) and axis.value == 0):
        return None
    return node.func.attr, node.args[0]


class _RowSums(ast.NodeTransformer):
    """Inside one statement: row comprehensions in index form, their sums and means."""

    def __init__(self, rows: _Rows, tensors: set[str] | frozenset[str], lists: dict[str, ast.expr]) -> None:
        self.rows = rows
        self.tensors = tensors
        self.lists = lists  # name -> a comprehension assigned to it before

    def _summed(self, comp: ast.expr) -> tuple[ast.expr, ast.expr] | None:
        """(sum over the rows, the number of rows) of a row comprehension."""
        if isinstance(comp, ast.Name) and comp.id in self.lists:
            comp = copy.deepcopy(self.lists[comp.id])
        gen = self.rows.comprehension(comp)
        if gen is None:  # over an index or anything else: the readers' own business
            return None
        rng = gen.generators[0].iter
        count = rng.args[0] if isinstance(rng, ast.Call) and isinstance(rng.func, ast.Name) and rng.func.id == "range" and len(rng.args) == 1 else None
        return ast.Call(ast.Name("sum", ast.Load()), [gen], []), count  # type: ignore[return-value]

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        stacked = _stacked(node, self.tensors)
        if stacked is not None:
            return stacked
        lit = _literal_zip_sum(node)
        if lit is not None:
            return self.generic_visit(lit)  # type: ignore[arg-type]
        red = _npreduce(node)
        if red is not None and (isinstance(red[1], (ast.ListComp, ast.GeneratorExp)) or isinstance(red[1], ast.Name) and red[1].id in self.lists):
            s = self._summed(red[1])
            if s is not None:
                total, count = s
                if red[0] == "mean":
                    if count is None:
                        return node
                    return ast.BinOp(total, ast.Div(), count)
                return total
        if (
            isinstance(node.func, ast.Name) and node.func.id == "sum" and len(node.args) == 1 and not node.keywords
            and (isinstance(node.args[0], (ast.ListComp, ast.GeneratorExp)) or isinstance(node.args[0], ast.Name) and node.args[0].id in self.lists)
        ):
            s = self._summed(node.args[0])
            if s is not None:
                return s[0]
        if (
            isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1
            and isinstance(node.args[0], ast.Name) and node.args[0].id in self.lists
        ):
            s = self._summed(node.args[0])
            if s is not None and s[1] is not None:
                return s[1]
        return self.generic_visit(node)

    def visit_ListComp(self, node: ast.ListComp) -> ast.AST:  # noqa: N802
        return node  # only read inside a sum, a mean or np.array

    visit_GeneratorExp = visit_ListComp  # noqa: N815


def _row_loops(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    known = set(tensors)
    lists: dict[str, ast.expr] = {}
    rows = _Rows(tensors, known)
    for st in stmts:
        rows.hoisted = []
        new: ast.stmt | None = None
        if isinstance(st, ast.For):
            new = rows.loop(st)
        elif not isinstance(st, (ast.FunctionDef, ast.ClassDef)):
            if (
                isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                and isinstance(st.value, ast.ListComp) and _one_gen(st.value) is not None
            ):
                name = st.targets[0].id
                used = [s for s in stmts[stmts.index(st) + 1:] if _loads(s, name)]
                if used and all(
                    all(
                        isinstance(p, ast.Call) and isinstance(p.func, ast.Name) and p.func.id in ("sum", "len")
                        or _npreduce(p) is not None
                        for p in _parents_of(s, name)
                    )
                    for s in used
                ):
                    lists[name] = st.value
                    continue
            new = _RowSums(rows, tensors, lists).visit(copy.deepcopy(st))
            if ast.dump(new) == ast.dump(st):
                new = None
        if new is None:
            out.append(st)
        else:
            out.extend(rows.hoisted)
            out.append(new)
        known |= _array_names([st], known)
    return out


def _array_names(stmts: list[ast.stmt], known: set[str]) -> set[str]:
    """The names ``stmts`` assign an array expression of ``known`` names (``dY = 2 * (Y - T) /
    m``): never a list of objects (``layers = [Linear(…), …]``) a loop walks."""
    out: set[str] = set()
    stmts_names = _stored(stmts)
    for st in stmts:
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, (ast.BinOp, ast.UnaryOp))
            and all(n.id in known or n.id not in stmts_names for n in ast.walk(st.value) if isinstance(n, ast.Name))
        ):
            out.add(st.targets[0].id)
    return out


def _parents_of(st: ast.stmt, name: str) -> list[ast.AST]:
    """The nodes that hold a load of ``name`` as a direct argument (a call's)."""
    out: list[ast.AST] = []
    for n in ast.walk(st):
        if isinstance(n, ast.Call):
            if any(isinstance(a, ast.Name) and a.id == name for a in n.args):
                out.append(n)
    total = _loads(st, name)
    if len(out) < total:
        out.append(ast.Pass())  # used otherwise
    return out


# ---------------------------------------------------------------- the cell


def cell_spellings(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """The statement-level spellings of the module docstring, over a cell's statements."""
    if "dict" not in tensors:
        stmts = [_EmptyDict().visit(st) for st in stmts]
    stmts = _records(stmts)
    stmts = _print_loops(stmts)
    stmts = _row_loops(stmts, tensors)
    stmts = _display_tail(stmts)
    if "np" not in tensors:
        stmts = [_Einsum().visit(st) for st in stmts]
    return [ast.fix_missing_locations(st) for st in stmts]


# ---------------------------------------------------------------- expressions

_MINT = {"mint.softmax", "mint.nn.functional.softmax", "mint.log_softmax", "mint.nn.functional.log_softmax", "mint.matmul"}


def aliased_call(node: ast.Call, is_tensor) -> ast.expr | None:  # noqa: ANN001
    """A call of the module docstring's expression-level spellings as the one the reader knows;
    None for any other call (also where the module's name is a tensor of the network)."""
    f = node.func
    if not isinstance(f, ast.Attribute) or is_tensor("mint"):
        return None
    name = ast.unparse(f)
    if name in _MINT:
        return ast.Call(ast.Attribute(ast.Name("torch", ast.Load()), f.attr, ast.Load()), node.args, node.keywords)
    return None


_NONE_INDEX = re.compile(r"(?<=[\w)\]])\[\s*None\s*\]")  # a subscript, not the list [None]


def none_rows(text: str) -> str:
    """``x[None]`` written ``x[None, :]`` (NumPy's same array: the axes not indexed are kept);
    only a subscript (the bracket right after a name, ``)`` or ``]``), never the list ``[None]``."""
    return _NONE_INDEX.sub("[None, :]", text) if isinstance(text, str) else text
