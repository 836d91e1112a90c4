"""A whole NumPy solution cell as the straight-line derivation the reader takes
(:func:`derive.checker.formula.read`): course helpers defined in the cell are inlined, and the
lines that do not compute are left out. Nothing is run: the cell is parsed with :mod:`ast`
(syntax only) and rewritten as text.

- ``def f(a, b): …`` whose body is assignments (``s = …``, ``dZ = np.array(dA, copy=True)``,
  ``dZ[Z <= 0] = 0``, ``x *= …``) and one ``return EXPR``, and ``f = lambda a, b: EXPR``: each
  call ``f(x, y)`` later in the cell is replaced by the returned expression with the arguments
  put in (helpers may call earlier helpers);
- ``grads['W2'] = …`` (CS231n) and ``grads["dW2"] = …`` (Ng) assign ``dW2``; ``cache['A1']``,
  ``parameters['W2']`` on a right side are the tensors ``A1`` and ``W2``; ``grads = {}`` and a
  closing ``grads = {"dW1": dW1, …}`` are left out, as are ``X = X``;
- a class of manual backprop (``class Net: def backward(self, X, Y): …``) is its backward
  method's body, and ``self.A1`` anywhere is ``A1`` (``self.dW2 = …`` assigns ``dW2``);
- ``assert …``, ``np.testing.assert_allclose(…)``, ``print(…)``, ``import numpy as np`` (numpy, torch, math, jax, scipy, cupy, numba, functools; heldcheck40: mxnet, paddle, chainer, tensorflow, types) and
  docstrings are left out; any other import is refused; ``return EXPR`` at the
  end of a cell is its answer;
- ``for a, b in ((x_1, dz_1), (x_2, dz_2)):`` over a written-out tuple is unrolled;
- ``dW2 := …`` (a typed definition) is ``dW2 = …``;
- a console transcript (``>>> dW2 = …`` and its printed output) is the code after the prompts.

Anything else that a cell may hold (``if``, ``while``, a helper with a loop or a branch) is
refused with a message that says what is read. A text that is not Python (LaTeX, Unicode
maths, ``A1^T``) is returned unchanged for the other readers.
"""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Callable

from derive.checker import legacy43, legacy44, legacy45, legacy46
from derive.checker.asttools import Subst
from derive.checker.verdict import FormulaError, msg

_TRIGGER = re.compile(
    r"\bdef\b|\blambda\b|\[\s*['\"]|=\s*\{|\bassert\b|\bfor\b|\bimport\b|\bprint\s*\(|\breturn\b|:=|copy\s*=\s*True|np\.copy\("
    r"|\bnp\.(?:mat|matrix|asmatrix|putmask|place|frompyfunc|vectorize)\b|\.at\["  # heldcheck43 (derive/checker/legacy43.py)
    r"|^\s*[A-Za-z_]\w*\s*,\s*[A-Za-z_][\w\s,]*=(?!=)"  # dW2, db2 = …, …
    r"|^\s*\(\s*[A-Za-z_]\w*\s*,[\w\s,]*\)\s*=(?!=)"  # (Z1, A1, …) = cache
    r"|^\s*[rRuU]?(?:\"\"\"|\'\'\'|\"|\')"  # a docstring or a string on a line of its own
    r"|^\s*[A-Za-z_]\w*\s*=(?!=)\s*[A-Za-z_]\w*\s*=(?!=)"  # dZ2 = delta2 = … (chained)
    r"|\bSimpleNamespace\("  # heldcheck40: ctx = types.SimpleNamespace(saved_tensors=(…))
    r"|^\s*with\b"  # with torch.no_grad(): …
    r"|^\s*class\b"  # class Linear: … (heldcheck35: objects inlined)
    r"|^\s*del\b"  # del dZ2 (a name dropped once used)
    r"|\bself\.|^\s*class\b|\btesting\.assert"  # manual backprop written as a class (self.A1, def backward(self, …))
    r"|^\s*[A-Za-z_][\w.]*\.(?:shape|dtype|ndim)\s*$"  # dW2.shape displayed in a notebook
    r"|^\s*if\s+__name__\b"  # heldcheck45: a script's if __name__ == "__main__": block
    r"|\bget_array_module\(|\bdict\("
    r"|^\s*(?:logging|logger|warnings)\.|\bseterr\("  # heldcheck41: a log line, np.seterr(…)  # heldcheck38: Chainer's xp = cuda.get_array_module(x), dict(W1=…)
    r"|^\s*display\(|\bout\s*=|\bcopyto\("  # heldcheck42: display(…), np.matmul(…, out=dW2), np.copyto
    r"|\.reduce\(\s*[\[(]|\b(?:sum|prod)\(\s*\["  # heldcheck42: np.add.reduce([dv, x]), np.sum([…], axis=0)
    r"|^\s*[A-Za-z_]\w*\s*:\s*[A-Za-z_][\w.\[\], ]*=(?!=)",  # heldcheck46: dW2: np.ndarray = … (an annotated line)
    re.M,
)
# context managers that change no value a cell computes (only autograd's recording or NumPy's
# floating-point warnings): a ``with`` block under them is read as its statements
_QUIET_CONTEXTS = {
    "torch.no_grad", "torch.inference_mode", "torch.autograd.no_grad", "np.errstate",
    "numpy.errstate",
}
_WALRUS = re.compile(r"^(\s*[A-Za-z_]\w*)\s*:=", re.M)
_NUMERIC_MODULES = {  # imports a cell may hold (heldcheck38: compilers and the array libraries read)
    "numpy", "torch", "math", "jax", "scipy", "numba", "functools", "cupy",
    # heldcheck40: the other array libraries whose spellings the reader knows (MXNet's nd,
    # Paddle's paddle.matmul(…, transpose_x=True), Chainer's F.matmul(…, transa=True), tf.matmul)
    "mxnet", "paddle", "chainer", "tensorflow", "types",
    # heldcheck41: type annotations and dataclasses (read as the plain code), logging (a line of
    # it computes nothing)
    "typing", "dataclasses", "logging",
    # heldcheck43: Apple MLX, Jittor, OneFlow, MegEngine (derive/checker/legacy43.py reads their
    # spellings), operator/collections (operator.matmul, namedtuple caches)
    "mlx", "jittor", "oneflow", "megengine", "operator", "collections",
    # heldcheck44: MindSpore (legacy43 reads its ops.matmul/sub/div/transpose)
    "mindspore",
}
# heldcheck38: decorators that compile a function and change no value it computes
_JIT_DECORATOR = re.compile(
    r"(?:numba\.)?n?jit(?:\(.*\))?|jax\.jit|(?:functools\.)?partial\(\s*jax\.jit\b.*\)"
    r"|torch\.jit\.script|tf\.function(?:\(.*\))?"
    # heldcheck42: @torch.no_grad() (a manual backward written as a function): autograd records
    # nothing, the values are the same
    r"|torch\.(?:autograd\.)?no_grad(?:\(\))?|torch\.inference_mode(?:\(\))?",
    re.S,
)


def _function_loops_heldcheck39(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck39: ``for step in [loss_backward, linear2_backward, …]: step()`` — a loop over a
    written-out list (or tuple) of the cell's own functions — as its passes, each with the loop's
    name the function of that pass (the calls then inlined as any other); other loops as they
    are."""
    functions = {st.name for st in stmts if isinstance(st, ast.FunctionDef)}
    out: list[ast.stmt] = []
    for st in stmts:
        if not (
            isinstance(st, ast.For) and isinstance(st.target, ast.Name) and not st.orelse
            and isinstance(st.iter, ast.List | ast.Tuple) and st.iter.elts
            and all(isinstance(e, ast.Name) and e.id in functions for e in st.iter.elts)
        ):
            out.append(st)
            continue
        for e in st.iter.elts:
            for b in st.body:
                out.append(ast.fix_missing_locations(Subst({st.target.id: ast.Name(e.id, ast.Load())}).visit(copy.deepcopy(b))))  # type: ignore[union-attr]
    return out


def _static_methods_heldcheck40(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck40: a class of static methods only — PyTorch's ``class LinearFunction(torch.
    autograd.Function)`` with ``@staticmethod def forward(ctx, …)`` and ``def backward(ctx,
    grad_output)`` — whose methods the cell calls by hand (``LinearFunction.backward(ctx,
    g)``): each method a function of the cell (``LinearFunction_backward``), each such call a
    call of it; the class line left out. A class with any other member, or one the cell does
    not call that way, stays as it is."""
    classes: dict[str, set[str]] = {}
    for st in stmts:
        if not isinstance(st, ast.ClassDef) or st.decorator_list:
            continue
        body = [b for b in st.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
        if body and all(
            isinstance(b, ast.FunctionDef) and len(b.decorator_list) == 1
            and isinstance(b.decorator_list[0], ast.Name) and b.decorator_list[0].id == "staticmethod"
            for b in body
        ):
            classes[st.name] = {b.name for b in body}  # type: ignore[union-attr]
    if not classes:
        return stmts

    def called(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id in classes
            and node.func.attr in classes[node.func.value.id]
        )

    calls = {(n.func.value.id, n.func.attr) for st in stmts for n in ast.walk(st) if called(n)}  # type: ignore[attr-defined]
    if not calls:
        return stmts

    class Calls(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
            self.generic_visit(node)
            if called(node):
                f = node.func
                return ast.copy_location(ast.Call(ast.Name(f"{f.value.id}_{f.attr}", ast.Load()), node.args, node.keywords), node)  # type: ignore[attr-defined]
            return node

    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.ClassDef) and st.name in classes:
            for b in st.body:
                if isinstance(b, ast.FunctionDef) and (st.name, b.name) in calls:
                    f = copy.deepcopy(b)
                    f.name, f.decorator_list = f"{st.name}_{b.name}", []
                    out.append(f)
            continue
        out.append(ast.fix_missing_locations(Calls().visit(st)))
    return out


_NAMESPACE = ("types.SimpleNamespace", "SimpleNamespace", "argparse.Namespace")


def _namespaces_heldcheck40(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck40: ``ctx = types.SimpleNamespace(saved_tensors=(A1, W2))`` — a namespace that
    hands a hand-called ``backward(ctx, g)`` its saved tensors — read through its fields:
    ``ctx.saved_tensors`` is the tuple written (``SimpleNamespace(…).saved_tensors`` likewise,
    where the call was put in); the assignment left out. A namespace assigned twice, or whose
    field is set or read whole, leaves ``stmts`` as they are."""
    def fields(node: ast.AST) -> dict[str, ast.expr] | None:
        if (
            isinstance(node, ast.Call) and ast.unparse(node.func) in _NAMESPACE and not node.args
            and all(k.arg is not None for k in node.keywords)
        ):
            return {k.arg: k.value for k in node.keywords}  # type: ignore[misc]
        return None

    held: dict[str, dict[str, ast.expr]] = {}
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            f = fields(st.value)
            if f is not None:
                if st.targets[0].id in held:
                    return stmts
                held[st.targets[0].id] = f
    if not held and not any(fields(n) is not None for st in stmts for n in ast.walk(st)):
        return stmts

    class Reads(ast.NodeTransformer):
        def visit_Attribute(self, node: ast.Attribute) -> ast.AST:  # noqa: N802
            f = held.get(node.value.id) if isinstance(node.value, ast.Name) else fields(node.value)
            if f is not None and node.attr in f and isinstance(node.ctx, ast.Load):
                return copy.deepcopy(f[node.attr])
            self.generic_visit(node)
            return node

        def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
            self.generic_visit(node)
            k = node.slice
            if (  # ctx.saved_tensors[0] of the tuple written: its item
                isinstance(node.value, ast.Tuple) and isinstance(k, ast.Constant) and type(k.value) is int
                and -len(node.value.elts) <= k.value < len(node.value.elts) and isinstance(node.ctx, ast.Load)
            ):
                return node.value.elts[k.value]
            return node

    out = []
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) and st.targets[0].id in held:
            continue
        out.append(ast.fix_missing_locations(Reads().visit(st)))
    if any(isinstance(n, ast.Name) and n.id in held for st in out for n in ast.walk(st)):
        return stmts  # a namespace passed or used whole: not read here
    return out


def _dask_as_numpy_heldcheck39(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck39: a cell that imports ``dask.array as da`` (the import left out): ``da.dot(…)``,
    ``da.where(…)`` … are NumPy's functions of the same names, and ``(…).compute()`` the array
    the lazy expression stands for. Only where that import is in the cell (a name ``da`` of the
    student's own stays theirs); else ``stmts`` as they are."""
    aliases = {
        a.asname or a.name for st in stmts if isinstance(st, ast.Import)
        for a in st.names if a.name == "dask.array"
    }
    if not aliases:
        return stmts

    class Dask(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
            self.generic_visit(node)
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr == "compute" and not node.args and not node.keywords:
                return f.value
            return node

        def visit_Attribute(self, node: ast.Attribute) -> ast.AST:  # noqa: N802
            self.generic_visit(node)
            if ast.unparse(node.value) in aliases:
                return ast.copy_location(ast.Attribute(ast.Name("np", ast.Load()), node.attr, node.ctx), node)
            return node

    kept = [st for st in stmts if not (isinstance(st, ast.Import) and all(a.name == "dask.array" for a in st.names))]
    return [ast.fix_missing_locations(Dask().visit(st)) for st in kept]


class _DictCalls(ast.NodeTransformer):
    """heldcheck38: ``dict(W1=dW1, b1=db1)`` as the literal ``{'W1': dW1, 'b1': db1}``."""

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if (
            isinstance(node.func, ast.Name) and node.func.id == "dict" and not node.args and node.keywords
            and all(k.arg is not None for k in node.keywords)
        ):
            return ast.Dict([ast.Constant(k.arg) for k in node.keywords], [k.value for k in node.keywords])
        return node


def _jit_undecorated_heldcheck38(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``@numba.njit``/``@jit(nopython=True)``/``@jax.jit``/``@partial(jax.jit, …)``/
    ``@tf.function`` taken off the cell's functions (compiled, they compute the same values);
    other decorators kept (refused where the function is read)."""
    for st in stmts:
        if isinstance(st, ast.FunctionDef) and st.decorator_list:
            st.decorator_list = [d for d in st.decorator_list if not _JIT_DECORATOR.fullmatch(ast.unparse(d))]
    out: list[ast.stmt] = []
    modules: dict[str, ast.expr] = {}
    for st in stmts:
        if (  # Chainer's xp = cuda.get_array_module(x): NumPy (or CuPy, its twin) under another name
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and isinstance(st.value.func, ast.Attribute)
            and st.value.func.attr == "get_array_module"
        ):
            modules[st.targets[0].id] = ast.Name("np", ast.Load())
            continue
        out.append(ast.fix_missing_locations(_DictCalls().visit(Subst(modules).visit(copy.deepcopy(st)) if modules else st)))
    return out
MAX_UNROLL = 64  # statements a loop over a written-out tuple may unroll to


def _subst(node: ast.expr, env: dict[str, ast.expr]) -> ast.expr:
    if not env:
        return node
    out = Subst(env).visit(copy.deepcopy(node))
    assert isinstance(out, ast.expr)
    return out


def _is_copy(node: ast.expr) -> ast.expr | None:
    """``np.array(x, copy=True)``, ``np.copy(x)``, ``x.copy()``, ``x.clone()`` → ``x``."""
    if not isinstance(node, ast.Call):
        return None
    f = node.func
    if (
        isinstance(f, ast.Attribute)
        and isinstance(f.value, ast.Name)
        and f.value.id in ("np", "numpy")
        and len(node.args) == 1
        and (
            (f.attr == "copy" and not node.keywords)
            or (f.attr == "array" and [k.arg for k in node.keywords] == ["copy"])
        )
    ):
        return node.args[0]
    if isinstance(f, ast.Attribute) and f.attr in ("copy", "clone") and not node.args and not node.keywords:
        return f.value
    return None


class _Cell(ast.NodeTransformer):
    """Inlines helper calls, reads string-keyed subscripts as names, drops copies."""

    def __init__(self, helpers: dict[str, tuple[list[str], ast.expr, dict[str, ast.expr]]]) -> None:
        self.helpers = helpers

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        plain = _is_copy(node)
        if plain is not None:
            return plain
        if isinstance(node.func, ast.Name) and node.func.id in self.helpers:
            params, body, defaults = self.helpers[node.func.id]
            args = list(node.args)
            for k in node.keywords:
                if k.arg not in params or params.index(k.arg) < len(node.args):
                    raise FormulaError(msg("heldcheck3.helper_call", name=node.func.id, n=len(params)))
            kw = {k.arg: k.value for k in node.keywords}
            env = dict(zip(params, args))
            env.update({k: v for k, v in kw.items() if k is not None})
            for p in params[len(args):]:  # a parameter left out takes its default (m=m)
                if p not in env and p in defaults:
                    env[p] = copy.deepcopy(defaults[p])
            if len(env) != len(params) or len(args) > len(params) or any(isinstance(a, ast.Starred) for a in args):
                raise FormulaError(msg("heldcheck3.helper_call", name=node.func.id, n=len(params)))
            return _TupleItems().visit(_subst(body, env))
        return node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        key = _string_key(node)
        if key is not None:
            return ast.Name(id=key, ctx=node.ctx)
        picked = _dict_entry_heldcheck28(node)
        return picked if picked is not None else node


def _dict_entry_heldcheck28(node: ast.Subscript) -> ast.expr | None:
    """``{'dW': X.T @ dZ / m, 'db': …}['dW']`` (a helper returning a dictionary, inlined, then
    indexed by a string key it has): that entry's expression, else None."""
    if not (
        isinstance(node.value, ast.Dict)
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, str)
    ):
        return None
    hits = [
        v
        for k, v in zip(node.value.keys, node.value.values)
        if isinstance(k, ast.Constant) and k.value == node.slice.value
    ]
    return hits[0] if len(hits) == 1 else None


def _dict_names_heldcheck28(value: ast.Dict, tensors: set[str] | frozenset[str]) -> dict[str, str]:
    """The names :func:`_dict_assignments_heldcheck28` gave a dictionary's keys."""
    return {k.value: ("d" + k.value if k.value in tensors else k.value) for k in value.keys}  # type: ignore[union-attr]


class _DictReads(ast.NodeTransformer):
    """``grads['W1']`` of a dictionary a helper returned (``grads = backward(…)``): the name its
    entry was assigned to (``dW1``), not the tensor ``W1`` (a cache's ``cache['A1']`` is A1)."""

    def __init__(self, made: dict[str, dict[str, str]]) -> None:
        self.made = made

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if (
            isinstance(node.value, ast.Name)
            and node.value.id in self.made
            and isinstance(node.slice, ast.Constant)
            and node.slice.value in self.made[node.value.id]
        ):
            return ast.Name(self.made[node.value.id][node.slice.value], node.ctx)
        return node


def _dict_assignments_heldcheck28(value: ast.expr, tensors: set[str] | frozenset[str]) -> list[str] | None:
    """A dictionary of gradients written out (``return {"dW2": A1.T @ dZ2 / m, …}``, ``grads =
    bptt(…)`` of a helper that returns one): each identifier key assigned its expression, as
    ``grads['W2'] = …`` assigns ``dW2``; None if a key is no identifier string."""
    if not isinstance(value, ast.Dict) or not value.keys:
        return None
    lines = []
    for k, v in zip(value.keys, value.values):
        if not (isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier()):
            return None
        name = "d" + k.value if k.value in tensors else k.value
        if not (isinstance(v, ast.Name) and v.id == name):
            lines.append(f"{name} = {ast.unparse(v)}")
    return lines


def _computed_dict_names_heldcheck41(name: str, value: ast.Dict) -> dict[str, str]:
    """The names :func:`_computed_dict_heldcheck41` gives a dictionary's entries:
    ``grads_w`` for ``grads["w"]`` (never a name of the network's, which ``grads["w"]`` is not)."""
    return {k.value: f"{name}_{k.value}" for k in value.keys}  # type: ignore[union-attr]


def _computed_dict_heldcheck41(target: ast.expr, value: ast.Dict) -> list[str] | None:
    """heldcheck41: ``grads = {"w": phi.T @ dpred, "b": jnp.mean(…)}`` — a dictionary literal
    whose entries are computed (not the closing ``{"dW1": dW1, …}`` of names): each entry assigned
    to a name of its own, which ``grads["w"]`` then reads (it had been read as the parameter
    ``w``); None for any other dictionary."""
    if not (isinstance(target, ast.Name) and value.keys) or all(isinstance(v, ast.Name) for v in value.values):
        return None
    if not all(isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier() for k in value.keys):
        return None
    names = _computed_dict_names_heldcheck41(target.id, value)
    return [f"{names[k.value]} = {ast.unparse(v)}" for k, v in zip(value.keys, value.values)]  # type: ignore[union-attr]


def _string_key(node: ast.AST) -> str | None:
    """``grads['W2']`` → ``W2`` (an identifier key of a named container), else None."""
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, str)
        and node.slice.value.isidentifier()
    ):
        return node.slice.value
    return None


def _helper(
    fn: ast.FunctionDef | ast.Lambda, name: str, cell: _Cell
) -> tuple[list[str], ast.expr, dict[str, ast.expr]]:
    """(parameters, the returned expression in terms of them, the defaults of the last
    parameters: ``def linear_backward(dZ, A_prev, m=m)`` called without ``m`` puts in the
    default as written, ``m``)."""
    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or a.kw_defaults:
        raise FormulaError(msg("heldcheck3.helper_body", name=name))
    params = [p.arg for p in a.args]
    defaults = {
        p: cell.visit(copy.deepcopy(d)) for p, d in zip(params[len(params) - len(a.defaults):], a.defaults)
    }
    return (*_helper_body(fn, name, cell, params), defaults)


def _helper_body(
    fn: ast.FunctionDef | ast.Lambda, name: str, cell: _Cell, params: list[str]
) -> tuple[list[str], ast.expr]:
    """:func:`_helper`'s (parameters, returned expression)."""
    if isinstance(fn, ast.Lambda):
        return params, cell.visit(copy.deepcopy(fn.body))
    env: dict[str, ast.expr] = {}
    body = list(fn.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # a docstring
    for k, st in enumerate(body):
        last = k == len(body) - 1
        if isinstance(st, ast.Return) and last and st.value is not None:
            return params, _subst(cell.visit(copy.deepcopy(st.value)), env)
        if isinstance(st, (ast.Assert, ast.Pass)) and not last:
            continue
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t, value = st.targets[0], _subst(cell.visit(copy.deepcopy(st.value)), env)
            if isinstance(t, ast.Name):
                env[t.id] = value
                continue
            items = _unpacked_heldcheck33(t, value)
            if items is not None:  # x, w, b = cache: each name that item of the argument
                env.update(items)
                continue
            if (  # dZ[Z <= 0] = 0: the masked assignment (course code's ReLU backward)
                isinstance(t, ast.Subscript)
                and isinstance(t.value, ast.Name)
                and t.value.id in env
                and isinstance(t.slice, ast.Compare)
            ):
                cond = _subst(cell.visit(copy.deepcopy(t.slice)), env)  # heldcheck37: dZ1[cache['Z1'] <= 0] = 0
                old = env[t.value.id]
                text = f"({ast.unparse(old)}) * (1 - ({ast.unparse(cond)})) + ({ast.unparse(value)}) * ({ast.unparse(cond)})"
                env[t.value.id] = ast.parse(text, mode="eval").body
                continue
        if isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name) and st.target.id in env:
            value = _subst(cell.visit(copy.deepcopy(st.value)), env)
            env[st.target.id] = ast.BinOp(env[st.target.id], st.op, value)
            continue
        raise FormulaError(msg("heldcheck3.helper_body", name=name))
    raise FormulaError(msg("heldcheck3.helper_body", name=name))


def _unpacked_heldcheck33(target: ast.expr, value: ast.expr) -> dict[str, ast.expr] | None:
    """``x, w, b = cache`` in a helper's body (CS231n's layer functions unpack their cache):
    each name the item of ``value`` at its place (``cache[0]``, …, resolved when the call puts
    in the tuple it was given), else None."""
    if not (
        isinstance(target, ast.Tuple)
        and all(isinstance(e, ast.Name) for e in target.elts)
        and isinstance(value, (ast.Name, ast.Tuple))
    ):
        return None
    if isinstance(value, ast.Tuple):
        if len(value.elts) != len(target.elts):
            return None
        return {e.id: v for e, v in zip(target.elts, value.elts)}  # type: ignore[attr-defined]
    return {
        e.id: ast.Subscript(value=copy.deepcopy(value), slice=ast.Constant(k), ctx=ast.Load())  # type: ignore[attr-defined]
        for k, e in enumerate(target.elts)
    }


class _TupleItems(ast.NodeTransformer):
    """``(X, W, b)[1]`` (a helper's unpacked argument, once the call put the tuple in): ``W``."""

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if (
            isinstance(node.value, ast.Tuple)
            and isinstance(node.slice, ast.Constant)
            and type(node.slice.value) is int
            and 0 <= node.slice.value < len(node.value.elts)
        ):
            return node.value.elts[node.slice.value]
        return node


def _network_unpacked_heldcheck33(
    t: ast.expr, value: ast.expr, tensors: set[str] | frozenset[str], assigned: set[str]
) -> bool:
    """``(Z1, A1, W1, b1, Z2, A2, W2, b2) = cache`` (Ng's course code unpacks the forward
    pass's cache): every name a tensor of the network, from a container the cell never
    assigned — the network's own tensors, a line that computes nothing."""
    return (
        isinstance(t, ast.Tuple)
        and bool(t.elts)
        and all(isinstance(e, ast.Name) and e.id in tensors and e.id not in assigned for e in t.elts)
        and isinstance(value, ast.Name)
        and value.id not in assigned
        and value.id not in tensors
    )


def _int_of(node: ast.expr, ints: dict[str, int]) -> int | None:
    """The whole number ``node`` is: a literal, a name of ``ints``, + − * of such; else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name) and node.id in ints:
        return ints[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        a, b = _int_of(node.left, ints), _int_of(node.right, ints)
        if a is None or b is None:
            return None
        return a + b if isinstance(node.op, ast.Add) else a - b if isinstance(node.op, ast.Sub) else a * b
    return None


def _key_of(node: ast.expr, ints: dict[str, int]) -> str | None:
    """A dictionary key built as Ng's course builds it, ``"dW" + str(l)`` (``str(L - 1)``,
    ``f"dW{l}"``) of whole numbers the cell knows: the key string; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" and len(node.args) == 1 and not node.keywords:
        k = _int_of(node.args[0], ints)
        return None if k is None else str(k)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _key_of(node.left, ints), _key_of(node.right, ints)
        return None if a is None or b is None else a + b
    if isinstance(node, ast.JoinedStr):
        out = ""
        for v in node.values:
            if isinstance(v, ast.FormattedValue) and v.conversion == -1 and v.format_spec is None:
                k = _int_of(v.value, ints)
                if k is None:
                    return None
                out += str(k)
            elif isinstance(v, ast.Constant) and isinstance(v.value, str):
                out += v.value
            else:
                return None
        return out
    return None


class _BuiltKeys(ast.NodeTransformer):
    """``grads["dW" + str(L)]`` with ``L = 2`` earlier in the cell: ``grads["dW2"]``."""

    def __init__(self, ints: dict[str, int]) -> None:
        self.ints = ints

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if isinstance(node.slice, (ast.BinOp, ast.JoinedStr)):
            key = _key_of(node.slice, self.ints)
            if key is not None and key.isidentifier():
                node.slice = ast.Constant(key)
        return node


def _built_keys_heldcheck33(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Ng's ``grads["dW" + str(L)] = …`` (the layer's number built into the key; ``L = 2``
    assigned once in the cell, or a literal): the keys written out (c33-006, c33-029), and an
    assignment of such a number that nothing but the keys used left out."""
    text = ast.unparse(ast.Module(body=stmts, type_ignores=[]))
    if "str(" not in text and "f'" not in text and 'f"' not in text:
        return stmts
    counts: dict[str, int] = {}
    for st in stmts:
        if isinstance(st, ast.Assign):
            for t in st.targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                        counts[n.id] = counts.get(n.id, 0) + 1
    ints = {
        st.targets[0].id: st.value.value
        for st in stmts
        if isinstance(st, ast.Assign)
        and len(st.targets) == 1
        and isinstance(st.targets[0], ast.Name)
        and counts.get(st.targets[0].id) == 1
        and isinstance(st.value, ast.Constant)
        and type(st.value.value) is int
    }
    out = [_BuiltKeys(ints).visit(copy.deepcopy(st)) for st in stmts]
    used = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return [
        st
        for st in out
        if not (
            isinstance(st, ast.Assign)
            and len(st.targets) == 1
            and isinstance(st.targets[0], ast.Name)
            and st.targets[0].id in ints
            and st.targets[0].id not in used
            and out != stmts
        )
    ]


def _chained(st: ast.Assign, cell: _Cell) -> list[str]:
    """``dZ2 = delta2 = A2 - Y`` (a chained assignment): each name the one value, as the lines
    ``dZ2 = A2 - Y`` and ``delta2 = dZ2``; targets other than names are refused."""
    names = [t.id for t in st.targets if isinstance(t, ast.Name)]
    if len(names) != len(st.targets):
        raise FormulaError(msg("heldcheck3.statement", kind="assignment"))
    first = f"{names[0]} = {ast.unparse(cell.visit(st.value))}"
    return [first] + [f"{n} = {names[0]}" for n in names[1:]]


def _helper_tuple(value: ast.expr, target: ast.expr, cell: _Cell) -> ast.expr:
    """``dX, dW1, db1 = affine_backward(dZ1, X, W1)`` (CS231n's modular layers): a call of a
    helper that returns a tuple, unpacked into as many names, is that tuple with the arguments
    put in; any other value is returned as written."""
    if (
        isinstance(target, ast.Tuple)
        and isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id in cell.helpers
        and isinstance(cell.helpers[value.func.id][1], (ast.Tuple, ast.List))
    ):
        out = cell.visit(copy.deepcopy(value))
        if isinstance(out, ast.Tuple):
            return out
        if isinstance(out, ast.List) and len(out.elts) == len(target.elts):  # heldcheck38: return [dW1, db1, …]
            return ast.Tuple(out.elts, ast.Load())
    return value


def _comprehension_items_heldcheck34(value: ast.expr, target: ast.expr) -> ast.expr:
    """``dW1, dW2 = [a.T @ d / m for a, d in ((X, dZ1), (A1, dZ2))]`` — a list comprehension
    (or a generator) over a written-out tuple, unpacked into as many names — as the tuple of its
    items, each with the loop's names put in; any other value as written."""
    if not (
        isinstance(target, ast.Tuple)
        and isinstance(value, ast.ListComp | ast.GeneratorExp)
        and len(value.generators) == 1
    ):
        return value
    comp = value.generators[0]
    if comp.ifs or comp.is_async or not isinstance(comp.iter, ast.Tuple | ast.List):
        return value
    loop = ast.For(comp.target, comp.iter, [ast.Expr(value.elt)], [])
    passes = _unrolled(loop)
    if passes is None or len(passes) != len(target.elts):
        return value
    return ast.Tuple([p.value for p in passes if isinstance(p, ast.Expr)], ast.Load())


def _unrolled(st: ast.For) -> list[ast.stmt] | None:
    """A loop over a written-out tuple or list of tuples, as its statements one pass each."""
    if st.orelse or not isinstance(st.iter, (ast.Tuple, ast.List)):
        return None
    names = (
        [st.target.id]
        if isinstance(st.target, ast.Name)
        else [e.id for e in st.target.elts if isinstance(e, ast.Name)]
        if isinstance(st.target, ast.Tuple)
        else []
    )
    if not names or (isinstance(st.target, ast.Tuple) and len(names) != len(st.target.elts)):
        return None
    out: list[ast.stmt] = []
    for item in st.iter.elts:
        parts = [item] if isinstance(st.target, ast.Name) else getattr(item, "elts", None)
        if parts is None or len(parts) != len(names):
            return None
        env = dict(zip(names, parts))
        for body_st in st.body:
            new = copy.deepcopy(body_st)
            for node in ast.walk(new):
                for field, value in ast.iter_fields(node):
                    if isinstance(value, ast.expr):
                        setattr(node, field, _subst(value, env))
                    elif isinstance(value, list):
                        setattr(node, field, [_subst(v, env) if isinstance(v, ast.expr) else v for v in value])
            out.append(new)
    return out if len(out) <= MAX_UNROLL else None


def _callees_first_heldcheck35(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck35: a cell's helper definitions, all written before its first computing
    statement, put in an order where each comes after the helpers it calls (CS231n's
    ``affine_relu_backward`` defined above the ``affine_backward`` and ``relu_backward`` it
    calls: each helper is read where it is defined). Else ``stmts`` as they are."""
    defs = [st for st in stmts if isinstance(st, ast.FunctionDef)]
    if len(defs) < 2:
        return stmts
    first = next((k for k, st in enumerate(stmts) if not isinstance(
        st, (ast.FunctionDef, ast.Import, ast.ImportFrom, ast.Expr))), len(stmts))
    if any(stmts.index(d) > first for d in defs):
        return stmts
    names = {d.name for d in defs}
    calls = {d.name: _called(d.body) & names - {d.name} for d in defs}
    ordered: list[ast.FunctionDef] = []
    while len(ordered) < len(defs):
        ready = [d for d in defs if d not in ordered and calls[d.name] <= {o.name for o in ordered}]
        if not ready:
            return stmts  # helpers calling each other
        ordered.append(ready[0])
    rest = iter(ordered)
    return [next(rest) if isinstance(st, ast.FunctionDef) else st for st in stmts]


def _tuples_unpacked_heldcheck35(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck35: ``cache = (X, Z1, A1, A2)`` then ``X_, Z1_, A1_, A2_ = cache`` — a name
    holding a written-out tuple unpacked later — as the items assigned one by one, the tuple's
    line left out. Where the name is used otherwise (passed whole, reassigned), ``stmts`` as
    they are."""
    held: dict[str, ast.Tuple] = {}
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t, v = st.targets[0], st.value
            if isinstance(t, ast.Name) and isinstance(v, ast.Tuple) and v.elts and t.id not in held:
                held[t.id] = v
                continue
            if (
                isinstance(t, ast.Tuple) and isinstance(v, ast.Name) and v.id in held
                and len(t.elts) == len(held[v.id].elts)
            ):
                out.extend(ast.Assign([e], copy.deepcopy(x), lineno=0) for e, x in zip(t.elts, held[v.id].elts))
                continue
        out.append(st)
    if not held or any(
        isinstance(n, ast.Name) and n.id in held for st in out for n in ast.walk(st)
    ):
        return stmts
    return [ast.fix_missing_locations(st) for st in out]


def _int_steps_heldcheck35(it: ast.expr) -> list[int] | None:
    """The whole numbers a loop runs over: ``range(…)`` of numbers (``range(3, 0, -1)``),
    ``reversed(range(2))``, a written-out list or tuple of numbers (``[1, 0]``); else None."""
    if isinstance(it, (ast.List, ast.Tuple)):
        vals = [e.value for e in it.elts if isinstance(e, ast.Constant) and type(e.value) is int]
        return vals if len(vals) == len(it.elts) and vals else None
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and not it.keywords):
        return None
    if it.func.id == "reversed" and len(it.args) == 1:
        inner = _int_steps_heldcheck35(it.args[0])
        return None if inner is None else inner[::-1]
    if it.func.id == "range" and 1 <= len(it.args) <= 3:
        nums = [_literal_int(a) for a in it.args]
        if any(n is None for n in nums):
            return None
        vals = list(range(*nums))  # type: ignore[arg-type]
        return vals if 0 < len(vals) <= MAX_UNROLL else None
    return None


def _literal_int(e: ast.expr) -> int | None:
    """A whole number written out (``3``, ``-1``), else None."""
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        inner = _literal_int(e.operand)
        return None if inner is None else -inner
    return e.value if isinstance(e, ast.Constant) and type(e.value) is int else None


def _folded_int(e: ast.expr, name: str, value: int) -> int | None:
    """``e`` (``t``, ``t + 1``, ``t - 1``, ``-l``) with the loop's ``name`` = ``value``, if a whole number."""
    if isinstance(e, ast.Name) and e.id == name:
        return value
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):  # heldcheck36: nabla_w[-l]
        inner = _folded_int(e.operand, name, value)
        return None if inner is None else -inner
    if isinstance(e, ast.BinOp) and isinstance(e.op, (ast.Add, ast.Sub)):
        a, b = _folded_int(e.left, name, value), _folded_int(e.right, name, value)
        if a is not None and b is not None:
            return a + b if isinstance(e.op, ast.Add) else a - b
    return _literal_int(e)


def _index_ints_heldcheck38(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck38: a whole number under a name of its own, assigned once at the top of the cell
    (scikit-learn's ``last = self.n_layers_ - 2`` written ``last = 1``), put in where it picks an
    item or counts a loop (``deltas[last]``, ``range(last, 0, -1)``); its line left out where
    nothing else reads it. ``stmts`` as they are where there is none."""
    stored: dict[str, int] = {}
    for n in (n for st in stmts for n in ast.walk(st)):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            stored[n.id] = stored.get(n.id, 0) + 1
        elif isinstance(n, (ast.FunctionDef, ast.Lambda)):
            stored.update({a.arg: 2 for a in n.args.args})
    ints = {
        st.targets[0].id: ast.Constant(_literal_int(st.value)) for st in stmts
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
        and _literal_int(st.value) is not None and stored.get(st.targets[0].id) == 1
    }
    if not ints:
        return stmts

    class Put(ast.NodeTransformer):
        def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
            self.generic_visit(node)
            node.slice = _subst(node.slice, ints)
            return node

        def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
            self.generic_visit(node)
            if isinstance(node.func, ast.Name) and node.func.id == "range":
                node.args = [_subst(a, ints) for a in node.args]
            return node

    out = [Put().visit(copy.deepcopy(st)) for st in stmts]
    read = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    out = [
        st for st in out
        if not (isinstance(st, ast.Assign) and isinstance(st.targets[0], ast.Name) and st.targets[0].id in ints
                and st.targets[0].id not in read)
    ]
    return [ast.fix_missing_locations(st) for st in out]


def _answer_names_heldcheck37(stmts: list[ast.stmt]) -> set[str]:
    """The names the cell's last statement assigns (its answer): a list written there and read
    by no later statement is the answer itself, not steps held for a loop."""
    rest = [st for st in stmts if not isinstance(st, (ast.Expr, ast.Assert, ast.Pass))]  # print(dw), assert …
    last = rest[-1] if rest else None
    if not isinstance(last, ast.Assign):
        return set()
    return {n.id for t in last.targets for n in ast.walk(t) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _listed_steps_heldcheck35(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck35: ``xs, hs = [x_1, x_2], [h_0, h_1, h_2]`` (names listed) and a loop over
    whole numbers (``for t in reversed(range(2)):``, ``for t in [1, 0]:``, ``range(3, 0, -1)``)
    whose index only picks items of such lists (``xs[t]``, ``hs[t + 1]``, ``hs[t - 1]``):
    the loop as its passes one after the other with the items put in, the lists' lines left
    out. Where a list is used otherwise, or an index is out of its range, ``stmts`` as they are."""
    lists: dict[str, list[ast.expr]] = {}
    defining: set[int] = set()
    for k, st in enumerate(stmts):
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1):
            continue
        t, v = st.targets[0], st.value
        pairs = list(zip(t.elts, v.elts)) if (
            isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts)
        ) else [(t, v)]
        if all(isinstance(a, ast.Name) and isinstance(b, ast.List) and b.elts for a, b in pairs):
            for a, b in pairs:
                if a.id in lists:  # type: ignore[union-attr]
                    return stmts
                lists[a.id] = list(b.elts)  # type: ignore[union-attr]
            defining.add(k)
    read = {  # heldcheck37: a list nothing reads (dw = [[d * xi for xi in x[0]]]) is the answer
        n.value.id for k, st in enumerate(stmts) if k not in defining for n in ast.walk(st)
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
    }
    if any(  # heldcheck38: deltas = [None, None] filled by deltas[1] = …: entries set (_Steps)
        isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id in lists
        and isinstance(n.ctx, ast.Store) for st in stmts for n in ast.walk(st)
    ):
        return stmts
    if not lists or _answer_names_heldcheck37(stmts) & (set(lists) - read):
        return stmts
    out: list[ast.stmt] = []
    try:
        for k, st in enumerate(stmts):
            if k in defining:
                continue
            steps = _int_steps_heldcheck35(st.iter) if isinstance(st, ast.For) and not st.orelse else None
            if steps is not None and isinstance(st.target, ast.Name):  # type: ignore[union-attr]
                var = st.target.id  # type: ignore[union-attr]
                for value in steps:
                    for body_st in st.body:  # type: ignore[union-attr]
                        out.append(_ListItems(lists, var, value).visit(copy.deepcopy(body_st)))
            else:
                out.append(_ListItems(lists, None, 0).visit(copy.deepcopy(st)))
    except (IndexError, ValueError):
        return stmts
    used = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name)}
    if used & set(lists):
        return stmts  # a list used whole, or indexed by anything else
    return [ast.fix_missing_locations(st) for st in out]


class _ListItems(ast.NodeTransformer):
    """``xs[t + 1]`` of a listed name, with the loop's ``t`` = ``value``: the item written there."""

    def __init__(self, lists: dict[str, list[ast.expr]], var: str | None, value: int) -> None:
        self.lists, self.var, self.value = lists, var, value

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        if not (isinstance(node.value, ast.Name) and node.value.id in self.lists):
            self.generic_visit(node)
        else:
            k = _folded_int(node.slice, self.var or "", self.value)
            items = self.lists[node.value.id]
            if k is None or not -len(items) <= k < len(items):
                raise ValueError(node.value.id)
            return copy.deepcopy(items[k])
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802
        if node.id == self.var:
            raise ValueError(node.id)  # the index used as a number, not only to pick items
        return node


def _zipped_heldcheck34(st: ast.For) -> ast.For:
    """``for name, a, d in zip([…], [X, A1], [dZ1, dZ2]):`` — ``zip`` of written-out lists of
    one length — as the loop over the written-out tuple of their items (:func:`_unrolled`);
    any other loop as it is."""
    it = st.iter
    if (
        isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "zip"
        and not it.keywords and it.args
        and all(isinstance(a, (ast.List, ast.Tuple)) for a in it.args)
        and len({len(a.elts) for a in it.args}) == 1
    ):
        items = [ast.Tuple(list(row), ast.Load()) for row in zip(*(a.elts for a in it.args))]
        new = copy.copy(st)
        new.iter = ast.Tuple(items, ast.Load())
        return new
    return st


def _summed_loop_heldcheck34(st: ast.For, one_row: frozenset[str] = frozenset()) -> list[ast.stmt] | None:
    """``for i in range(m):`` whose body names a few per-example values (``x_i = X[i:i+1]``,
    ``dz1 = dz2 @ W2.T * (Z1[i:i+1] > 0)``, ``print(…)`` left out) and adds one term a pass to
    buffers (``dW1 += x_i.T @ dz1``, ``-=``, ``db = db + …``) — Ng's and CS231n's per-example
    loops: each buffer's additions summed at once, ``dW1 += sum(x_i.T @ dz1 for i in
    range(m))`` with the names put in (formula's ``summed_rows_heldcheck34`` reads the sum over
    the rows); a buffer used inside the loop but in its own addition, or any other statement:
    None."""
    it = st.iter
    if not _over_range(st):
        return None
    i = st.target.id  # type: ignore[union-attr]
    env: dict[str, ast.expr] = {}
    sums: list[tuple[str, ast.operator, ast.expr]] = []
    for body_st in st.body:
        if isinstance(body_st, ast.Expr) and _print_call(body_st.value):
            continue
        if (  # heldcheck38: db1[0] += … of a buffer of one row (db1 = np.zeros((1, n_h))): db1 += …
            isinstance(body_st, ast.AugAssign) and isinstance(body_st.target, ast.Subscript)
            and isinstance(body_st.target.value, ast.Name) and body_st.target.value.id in one_row
            and _literal_int(body_st.target.slice) == 0
        ):
            body_st = ast.AugAssign(ast.Name(body_st.target.value.id, ast.Store()), body_st.op, body_st.value)
        if isinstance(body_st, ast.AugAssign) and isinstance(body_st.target, ast.Name) and isinstance(
            body_st.op, ast.Add | ast.Sub
        ):
            sums.append((body_st.target.id, body_st.op, _subst(body_st.value, env)))
            continue
        if not (isinstance(body_st, ast.Assign) and len(body_st.targets) == 1 and isinstance(body_st.targets[0], ast.Name)):
            return None
        name, value = body_st.targets[0].id, body_st.value
        if (
            isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add | ast.Sub)
            and isinstance(value.left, ast.Name) and value.left.id == name
        ):  # db = db + …
            sums.append((name, value.op, _subst(value.right, env)))
            continue
        if name == i:
            return None
        env[name] = _subst(value, env)
    buffers = {name for name, _, _ in sums}
    if not sums or buffers & set(env) or any(
        isinstance(n, ast.Name) and n.id in buffers for _, _, v in sums for n in ast.walk(v)
    ) or any(isinstance(n, ast.Name) and n.id in buffers for v in env.values() for n in ast.walk(v)):
        return None
    out: list[ast.stmt] = []
    for name, op, value in sums:
        comp = ast.comprehension(ast.Name(i, ast.Store()), copy.deepcopy(it), [], 0)
        total = ast.Call(ast.Name("sum", ast.Load()), [ast.GeneratorExp(value, [comp])], [])
        out.append(ast.fix_missing_locations(ast.AugAssign(ast.Name(name, ast.Store()), op, total)))
    return out


def _one_row_buffers_heldcheck38(stmts: list[ast.stmt]) -> frozenset[str]:
    """The names the statements so far last set to a buffer of one row of zeros
    (``db1 = np.zeros((1, n_h))``), whose ``db1[0]`` is all of it."""
    out: set[str] = set()
    for st in stmts:
        for n in ast.walk(st):
            if isinstance(n, (ast.Assign, ast.AugAssign)):
                for t in n.targets if isinstance(n, ast.Assign) else [n.target]:
                    if isinstance(t, ast.Name):
                        out.discard(t.id)
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and isinstance(st.value.func, ast.Attribute)
            and st.value.func.attr == "zeros" and len(st.value.args) == 1
            and isinstance(st.value.args[0], ast.Tuple) and len(st.value.args[0].elts) == 2
            and ast.unparse(st.value.args[0].elts[0]) == "1"
        ):
            out.add(st.targets[0].id)
    return frozenset(out)


def _over_range(st: ast.For) -> bool:
    """Is ``st`` ``for i in range(N):`` (one name, one argument, no ``else``)?"""
    it = st.iter
    return (
        not st.orelse
        and isinstance(st.target, ast.Name)
        and isinstance(it, ast.Call)
        and isinstance(it.func, ast.Name)
        and it.func.id == "range"
        and len(it.args) == 1
        and not it.keywords
    )


def _in_place_step_heldcheck39(v: ast.expr, assigned: set[str]) -> bool:
    """heldcheck39: PyTorch's in-place update after the gradient is written — ``W2.sub_(lr *
    dW2)`` (``.add_(-lr * dW2)``, ``.sub_(dW2, alpha=lr)``, on ``W2`` or ``W2.data``) of a
    gradient the cell assigned before, or ``W2.grad.zero_()``: a step that applies the
    answer (as ``W2 -= lr * dW2`` is left out for it), computing nothing of it. A step of
    anything more (``lr * dW2 / m``) is not left out (which part is the gradient?)."""
    if not (isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute)):
        return False
    f, on = v.func, v.func.value
    if isinstance(on, ast.Attribute) and on.attr in ("data", "grad"):
        on = on.value
    if not isinstance(on, ast.Name):
        return False
    if f.attr == "zero_" and not v.args and isinstance(f.value, ast.Attribute) and f.value.attr == "grad":
        return True
    if f.attr not in ("sub_", "add_") or len(v.args) != 1 or not all(k.arg == "alpha" for k in v.keywords):
        return False
    g = v.args[0]
    if isinstance(g, ast.UnaryOp) and isinstance(g.op, ast.USub):
        g = g.operand
    if isinstance(g, ast.BinOp) and isinstance(g.op, ast.Mult):  # lr * dW2 (dW2 * lr, -lr * dW2)
        for grad, rate in ((g.right, g.left), (g.left, g.right)):
            if isinstance(rate, ast.UnaryOp) and isinstance(rate.op, ast.USub):
                rate = rate.operand
            if isinstance(grad, ast.Name) and grad.id in assigned and (
                isinstance(rate, ast.Constant) or isinstance(rate, ast.Name) and rate.id not in assigned
            ):
                return True
        return False
    return isinstance(g, ast.Name) and g.id in assigned  # the step applies a gradient written before


def _print_call(v: ast.expr) -> bool:
    return isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "print"


def _row_of(index: ast.expr, i: str) -> bool:
    """Is ``index`` row ``i``: ``[i]`` or ``[i, :]``?"""
    if isinstance(index, ast.Tuple) and len(index.elts) == 2:
        whole = index.elts[1]
        if not (isinstance(whole, ast.Slice) and whole.lower is None and whole.upper is None and whole.step is None):
            return False
        index = index.elts[0]
    return isinstance(index, ast.Name) and index.id == i


def _rows_loop_heldcheck32(st: ast.For) -> list[ast.stmt] | None:
    """``for i in range(n):`` whose body names a few rows (``a = A[i]``, ``J = np.diag(a) -
    np.outer(a, a)``) and then fills row ``i`` of one array (``dS[i] = J @ dA[i]``, ``dS[i, :]``): that
    array as the stack of its rows, ``dS = np.stack([J @ dA[i] for i in range(n)])`` with the
    names put in (the reader takes such a stack row by row). Other loops: None."""
    it = st.iter
    if not _over_range(st) or not st.body:
        return None
    i = st.target.id
    env: dict[str, ast.expr] = {}
    for body_st in st.body[:-1]:
        if not (
            isinstance(body_st, ast.Assign) and len(body_st.targets) == 1
            and isinstance(body_st.targets[0], ast.Name) and body_st.targets[0].id != i
        ):
            return None
        env[body_st.targets[0].id] = _subst(body_st.value, env)
    last = st.body[-1]
    if not (
        isinstance(last, ast.Assign) and len(last.targets) == 1
        and isinstance(last.targets[0], ast.Subscript) and isinstance(last.targets[0].value, ast.Name)
        and _row_of(last.targets[0].slice, i)
    ):
        return None
    row = _subst(last.value, env)
    comp = ast.comprehension(ast.Name(i, ast.Store()), copy.deepcopy(it), [], 0)
    stack = ast.Call(
        ast.Attribute(ast.Name("np", ast.Load()), "stack", ast.Load()), [ast.ListComp(row, [comp])], []
    )
    out = ast.Assign([ast.Name(last.targets[0].value.id, ast.Store())], stack)
    return [ast.fix_missing_locations(out)]


_IPYTHON_IN = re.compile(r"^\s*In \[\d*\]:\s?")
_IPYTHON_MORE = re.compile(r"^\s*\.\.\.+:\s?")


def _called(stmts: list[ast.stmt]) -> set[str]:
    """The names called anywhere in ``stmts``."""
    return {
        n.func.id
        for st in stmts
        for n in ast.walk(st)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }


def _returns_names(value: ast.expr | None) -> bool:
    """``return dW1, db1, dW2, db2``, ``return grads``, ``return {"dW1": dW1, …}`` or ``return
    dW1``: names only."""
    if isinstance(value, ast.Tuple):
        return bool(value.elts) and all(isinstance(e, ast.Name) for e in value.elts)
    if isinstance(value, ast.Dict):  # return {"dW1": dW1, "dW2": dW2}
        return bool(value.values) and all(isinstance(v, ast.Name) for v in value.values)
    return isinstance(value, ast.Name)


_TAPES = ("tf.GradientTape", "tensorflow.GradientTape", "GradientTape", "backprop.GradientTape")


def _unused_tapes_heldcheck40(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck40: a Keras notebook's ``with tf.GradientTape() as tape:`` around the forward
    pass, the gradient then written by hand beside it: where the cell never reads ``tape``
    (no ``tape.gradient(…)``), the block is its body — it records, and computes the same values
    outside. A tape that is read stays, for the refusal."""
    read = {n.id for st in stmts for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.With) and len(st.items) == 1 and isinstance(st.items[0].context_expr, ast.Call) and (
            ast.unparse(st.items[0].context_expr.func) in _TAPES
        ) and (
            st.items[0].optional_vars is None
            or (isinstance(st.items[0].optional_vars, ast.Name) and st.items[0].optional_vars.id not in read)
        ):
            out.extend(st.body)
        else:
            out.append(st)
    return out


def _without_quiet_with(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``stmts`` with each ``with torch.no_grad():`` block (a context of _QUIET_CONTEXTS, as a
    notebook wraps manual backprop so autograd records nothing) replaced by its body: the block
    computes the same values outside it. Other ``with`` blocks stay, for the refusal."""
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.With) and all(
            isinstance(item.context_expr, ast.Call)
            and ast.unparse(item.context_expr.func) in _QUIET_CONTEXTS
            and item.optional_vars is None
            for item in st.items
        ):
            out.extend(_without_quiet_with(st.body))
        else:
            out.append(st)
    return out


class _NoSelf(ast.NodeTransformer):
    """``self.A1`` → ``A1``: an object's attribute read or set is the tensor of that name."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:  # noqa: N802
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            return ast.copy_location(ast.Name(id=node.attr, ctx=node.ctx), node)
        self.generic_visit(node)
        return node


_BACKWARD_NAME = re.compile(r"back|grad", re.I)


class _Unread(Exception):
    """An object's class or use that :class:`_Objects` does not inline."""


class _Objects:
    """heldcheck35: CS231n/MIT-style layer objects inlined — ``class Linear:`` whose methods
    store and read ``self.x``, ``fc1 = Linear(W1, b1)`` (``__init__`` run), ``fc1.x = X`` set,
    ``dout = fc2.backward(g)`` (``fc2.forward(act.forward(X))`` nested, ``Cls().backward(a,
    y)``), ``fc1.dW`` read: each object's attribute is a name of its own (``fc1_dW``), a
    method's call its body with the parameters put in, its locals renamed for the call, its
    ``return EXPR`` a name the call stands for. Methods of assignments and a last ``return``
    only; anything else leaves the cell as written (for the refusal)."""

    def __init__(self, classes: dict[str, ast.ClassDef]) -> None:
        self.classes = classes
        self.objects: dict[str, str] = {}  # object name -> class name
        self.dicts: dict[str, str] = {}  # a call's result that is a filled dict -> its entries' prefix
        self.out: list[ast.stmt] = []
        self.calls = 0
        self.lists: dict[str, list[str]] = {}  # heldcheck37: a list of objects -> its objects' names
        self.attr_dicts: set[str] = set()  # heldcheck37: self.params = {'weight': …}: obj_params

    def listed(self, it: ast.expr, owner: str | None) -> list[str] | None:
        """heldcheck37: the objects a loop walks — ``layers`` (a list of objects made as
        written), ``self.modules`` (one an object holds), ``reversed(…)`` of them; else None."""
        if (
            isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "reversed"
            and len(it.args) == 1 and not it.keywords
        ):
            inner = self.listed(it.args[0], owner)
            return None if inner is None else inner[::-1]
        if isinstance(it, ast.Name) and it.id in self.lists:
            return self.lists[it.id]
        if isinstance(it, ast.Attribute) and isinstance(it.value, ast.Name):
            who = owner if it.value.id == "self" and owner is not None else it.value.id
            return self.lists.get(f"{who}_{it.attr}")
        return None

    def unrolled(self, stmts: list[ast.stmt], owner: str | None) -> list[ast.stmt]:
        """heldcheck37: ``for layer in reversed(layers): dout = layer.backward(dout)`` as its
        passes, each with the loop's name the object of that pass."""
        out: list[ast.stmt] = []
        for st in stmts:
            objs = self.listed(st.iter, owner) if isinstance(st, ast.For) and isinstance(st.target, ast.Name) else None
            if objs is None or st.orelse:  # type: ignore[union-attr]
                out.append(st)
                continue
            for o in objs:
                for b in st.body:  # type: ignore[union-attr]
                    put = Subst({st.target.id: ast.Name(o, ast.Load())}).visit(copy.deepcopy(b))  # type: ignore[union-attr]
                    out.extend(self.unrolled([put], owner))
        return out

    def made_list(self, name: str, value: ast.expr, transform: Callable[[ast.expr], ast.expr]) -> bool:
        """heldcheck37: ``layers = [Linear(W1, b1), ReLU()]`` (``self.modules = [...]``): each
        item an object of its own (``layers_0``), the list remembered; True where it was one."""
        if not (isinstance(value, ast.List) and value.elts and all(
            isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in self.classes for e in value.elts
        )):
            return False
        names = []
        for k, e in enumerate(value.elts):
            call = ast.Call(e.func, [transform(a) for a in e.args], e.keywords)  # type: ignore[attr-defined]
            self.make(f"{name}_{k}", call)
            names.append(f"{name}_{k}")
        self.lists[name] = names
        return True

    def item(self, n: ast.Subscript) -> str | None:
        """``layers[0]`` (``layers[-1]``) of a list of objects: that object's name."""
        if isinstance(n.value, ast.Name) and n.value.id in self.lists:
            k = _literal_int(n.slice)
            objs = self.lists[n.value.id]
            if k is not None and -len(objs) <= k < len(objs):
                return objs[k]
            raise _Unread
        return None

    def method(self, cls: str, name: str) -> ast.FunctionDef:
        for m in self.classes[cls].body:
            if isinstance(m, ast.FunctionDef) and m.name == name and (not m.decorator_list or _is_property(m)):
                return m
        raise _Unread

    def property_heldcheck39(self, obj: str, attr: str) -> str | None:
        """heldcheck39: ``net.dW1`` where the class defines ``@property def dW1(self): return …``:
        the method's inlined result (a name), as Python calls it on each read; else None."""
        cls = self.classes.get(self.objects.get(obj, ""))
        if cls is None or not any(
            isinstance(m, ast.FunctionDef) and m.name == attr and _is_property(m) for m in cls.body
        ):
            return None
        result = self.inline(obj, attr, ast.Call(ast.Attribute(ast.Name(obj, ast.Load()), attr, ast.Load()), [], []))
        if result is None:
            raise _Unread
        return result

    def fresh(self, cls: str) -> str:
        self.calls += 1
        return f"obj{self.calls}"

    def attrs(self, node: ast.AST, owner: str | None = None) -> ast.AST:
        """``obj.attr`` (``self.attr`` as ``owner``'s) read or set as the name ``obj_attr``; a
        method of an object called inside as its inlined result."""
        objects = self.objects

        class Attrs(ast.NodeTransformer):
            def visit_Call(inner, call: ast.Call) -> ast.AST:  # noqa: N802, N805
                call.args = [inner.visit(x) for x in call.args]
                for k in call.keywords:
                    k.value = inner.visit(k.value)
                done = self.call(call, owner)
                if done is call:  # no method of an object: its function read as any other
                    call.func = inner.visit(call.func)
                return done

            def visit_Subscript(inner, n: ast.Subscript) -> ast.AST:  # noqa: N802, N805
                inner.generic_visit(n)
                key = _string_key(n)
                if key is not None and isinstance(n.value, ast.Name) and n.value.id in self.dicts:
                    return ast.copy_location(ast.Name(id=self.dicts[n.value.id] + key, ctx=n.ctx), n)
                if key is not None and isinstance(n.value, ast.Name) and n.value.id in self.attr_dicts:
                    return ast.copy_location(ast.Name(id=f"{n.value.id}_{key}", ctx=n.ctx), n)
                obj = self.item(n)
                if obj is not None:
                    return ast.copy_location(ast.Name(id=obj, ctx=n.ctx), n)
                return n

            def visit_Attribute(inner, a: ast.Attribute) -> ast.AST:  # noqa: N802, N805
                inner.generic_visit(a)
                if isinstance(a.value, ast.Name):
                    who = owner if a.value.id == "self" and owner is not None else a.value.id
                    if who in objects:
                        got = self.property_heldcheck39(who, a.attr) if isinstance(a.ctx, ast.Load) else None
                        return ast.copy_location(ast.Name(id=got or f"{who}_{a.attr}", ctx=a.ctx), a)
                return a

        return Attrs().visit(node)

    def call(self, call: ast.Call, owner: str | None) -> ast.AST:
        f = call.func
        if isinstance(f, ast.Name) and f.id in self.classes:
            raise _Unread  # an object made inside an expression
        if not isinstance(f, ast.Attribute):
            return call
        base = f.value
        if isinstance(base, ast.Subscript) and self.item(base) is not None:
            base = ast.Name(self.item(base), ast.Load())  # type: ignore[arg-type]  # layers[0].backward(d)
        if isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id in self.classes:
            obj = self.fresh(base.func.id)  # SigmoidBCE().backward(A2, Y)
            self.make(obj, base)
        elif isinstance(base, ast.Name) and (base.id in self.objects or base.id == "self" and owner):
            obj = owner if base.id == "self" else base.id
        else:
            return call
        result = self.inline(obj, f.attr, call)
        if result is None:
            raise _Unread  # a method returning nothing used as a value
        return ast.Name(id=result, ctx=ast.Load())

    def make(self, obj: str, call: ast.Call) -> None:
        """``obj = Cls(args)``: the object registered and its ``__init__`` run."""
        cls = call.func.id  # type: ignore[attr-defined]
        self.objects[obj] = cls
        if any(isinstance(m, ast.FunctionDef) and m.name == "__init__" for m in self.classes[cls].body):
            self.inline(obj, "__init__", call)
        elif call.args or call.keywords:
            raise _Unread

    def inline(self, obj: str, name: str, call: ast.Call) -> str | None:
        fn = self.method(self.objects[obj], name)
        a = fn.args
        params = [p.arg for p in a.args][1:]
        defaults = dict(zip([p.arg for p in a.args][len(a.args) - len(a.defaults):], a.defaults))
        given = dict(zip(params, call.args))
        for k in call.keywords:  # heldcheck36: backward(self, dout=1) called as backward() or backward(dout=1)
            if k.arg is None or k.arg not in params or k.arg in given:
                raise _Unread
            given[k.arg] = k.value
        if a.vararg or a.kwarg or a.kwonlyargs or len(call.args) > len(params) or any(
            p not in given and p not in defaults for p in params
        ):
            raise _Unread
        args = [given.get(p, defaults.get(p)) for p in params]
        self.calls += 1
        tag = f"{obj}_{name.strip('_')}{self.calls}"
        body = list(fn.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # a docstring
        body = self.unrolled(body, obj)
        local = set(params) | {
            n.id for st in body for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        dicts = {  # grads = {} filled by grads['w1'] = …: each entry a name of its own
            st.targets[0].id for st in body
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Dict) and not st.value.keys
        }
        env: dict[str, ast.expr] = {}
        stored = {  # heldcheck37: a parameter the body assigns again (x = module.forward(x)) is a local
            n.id for st in body for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        for p, arg in zip(params, args):
            if isinstance(arg, (ast.Name, ast.Constant)) and p not in stored:
                env[p] = arg
            else:
                self.out.append(ast.Assign([ast.Name(f"{tag}_{p}", ast.Store())], arg, lineno=0))
                env[p] = ast.Name(f"{tag}_{p}", ast.Load())

        class Locals(ast.NodeTransformer):
            def visit_Subscript(inner, n: ast.Subscript) -> ast.AST:  # noqa: N802, N805
                key = _string_key(n)
                if key is not None and isinstance(n.value, ast.Name) and n.value.id in dicts:
                    return ast.copy_location(ast.Name(id=f"{tag}_{n.value.id}_{key}", ctx=n.ctx), n)
                inner.generic_visit(n)
                return n

            def visit_Name(inner, n: ast.Name) -> ast.AST:  # noqa: N802, N805
                if n.id in env and isinstance(n.ctx, ast.Load):
                    return copy.deepcopy(env[n.id])
                if n.id in local:
                    return ast.copy_location(ast.Name(id=f"{tag}_{n.id}", ctx=n.ctx), n)
                return n

        for k, st in enumerate(body):
            if isinstance(st, ast.Return):
                if k != len(body) - 1:
                    raise _Unread
                if st.value is None:
                    return None
                if isinstance(st.value, ast.Name) and st.value.id in dicts:
                    self.dicts[f"{tag}_ret"] = f"{tag}_{st.value.id}_"  # return grads: its entries
                    return f"{tag}_ret"
                if isinstance(st.value, ast.Dict) and st.value.keys and all(  # heldcheck39: return {'W1': …}
                    isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier()
                    for k in st.value.keys
                ):
                    for k, v in zip(st.value.keys, st.value.values):
                        value = self.attrs(Locals().visit(copy.deepcopy(v)), obj)
                        self.out.append(ast.Assign([ast.Name(f"{tag}_ret_{k.value}", ast.Store())], value, lineno=0))  # type: ignore[union-attr]
                    self.dicts[f"{tag}_ret"] = f"{tag}_ret_"
                    return f"{tag}_ret"
                value = self.attrs(Locals().visit(copy.deepcopy(st.value)), obj)
                self.out.append(ast.Assign([ast.Name(f"{tag}_ret", ast.Store())], value, lineno=0))
                return f"{tag}_ret"
            if not isinstance(st, (ast.Assign, ast.AugAssign, ast.Expr, ast.Assert, ast.Pass)):
                raise _Unread
            if isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant):
                continue
            if isinstance(st, ast.Assign) and isinstance(st.targets[0], ast.Name) and st.targets[0].id in dicts:
                continue  # grads = {}: its entries are names
            held = st.targets[0] if isinstance(st, ast.Assign) and len(st.targets) == 1 else None
            if isinstance(held, ast.Attribute) and isinstance(held.value, ast.Name) and held.value.id == "self":
                attr = f"{obj}_{held.attr}"

                def put(e: ast.expr) -> ast.expr:
                    return self.attrs(Locals().visit(copy.deepcopy(e)), obj)  # type: ignore[return-value]

                if self.made_list(attr, st.value, put):  # type: ignore[union-attr]
                    continue  # self.modules = [LinearModule(…), ReLUModule()]
                v = st.value  # type: ignore[union-attr]
                if isinstance(v, ast.Dict) and v.keys and all(
                    isinstance(k, ast.Constant) and isinstance(k.value, str) for k in v.keys
                ):  # self.params = {'weight': weight, 'bias': bias}: each entry a name of its own
                    self.attr_dicts.add(attr)
                    for k, e in zip(v.keys, v.values):
                        self.out.append(ast.Assign([ast.Name(f"{attr}_{k.value}", ast.Store())], put(e), lineno=0))  # type: ignore[union-attr]
                    continue
            st = Locals().visit(copy.deepcopy(st))
            self.out.append(self.attrs(st, obj))  # type: ignore[arg-type]
        return None

    def statement(self, st: ast.stmt) -> None:
        if isinstance(st, ast.For):
            passes = self.unrolled([st], None)
            if passes and passes[0] is st:
                self.out.append(self.attrs(st))  # type: ignore[arg-type]  # a loop over anything else
                return
            for p in passes:
                self.statement(p)
            return
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and self.made_list(st.targets[0].id, st.value, self.attrs)  # type: ignore[arg-type]
        ):
            return  # layers = [Linear(W1.T, b1.T), ReLU(), …]
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t, v = st.targets[0], st.value
            pairs = list(zip(t.elts, v.elts)) if (
                isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts)
            ) else [(t, v)]
            if any(isinstance(vv, ast.Call) and isinstance(vv.func, ast.Name) and vv.func.id in self.classes for _, vv in pairs):
                if not all(isinstance(tt, ast.Name) for tt, _ in pairs):
                    raise _Unread
                for tt, vv in pairs:  # fc1, act = Linear(W1, b1), ReLU()
                    if isinstance(vv, ast.Call) and isinstance(vv.func, ast.Name) and vv.func.id in self.classes:
                        self.make(tt.id, vv)  # type: ignore[union-attr]
                    else:
                        self.out.append(ast.Assign([tt], self.attrs(vv), lineno=0))
                return
            if len(pairs) > 1 and any(isinstance(tt, ast.Attribute) for tt, _ in pairs):
                for tt, vv in pairs:  # layer.x, layer.W = A1, W2
                    self.out.append(ast.Assign([self.attrs(tt)], self.attrs(vv), lineno=0))  # type: ignore[list-item]
                return
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
            f = st.value.func
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in self.objects:
                args = [self.attrs(x) for x in st.value.args]  # fc1.backward(dout): its steps
                self.inline(f.value.id, f.attr, ast.Call(f, args, st.value.keywords))  # type: ignore[arg-type]
                return
        done = self.attrs(st)
        if (  # heldcheck39: grads = network.gradient(x, t) of a method returning a dict: its entries
            isinstance(done, ast.Assign) and len(done.targets) == 1 and isinstance(done.targets[0], ast.Name)
            and isinstance(done.value, ast.Name) and done.value.id in self.dicts
        ):
            self.dicts[done.targets[0].id] = self.dicts[done.value.id]
            return
        self.out.append(done)  # type: ignore[arg-type]


def _is_property(m: ast.FunctionDef) -> bool:
    """Is ``m`` decorated ``@property`` alone (a method Python calls on each attribute read)?"""
    return len(m.decorator_list) == 1 and isinstance(m.decorator_list[0], ast.Name) and m.decorator_list[0].id == "property"


def _objects_inlined_heldcheck35(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``stmts`` with the objects of the cell's own classes inlined (:class:`_Objects`), where
    a class is instantiated; a class never used beside other computing statements and whose
    methods are all decorated (PyTorch's ``torch.autograd.Function`` with ``@staticmethod``,
    defined and not called) left out. Else ``stmts`` as they are."""
    classes = {st.name: st for st in stmts if isinstance(st, ast.ClassDef) and not st.decorator_list}
    if not classes:
        return stmts
    rest = [st for st in stmts if not isinstance(st, ast.ClassDef)]
    used = {n.id for st in rest for n in ast.walk(st) if isinstance(n, ast.Name)}
    made = {
        n.func.id for st in rest for n in ast.walk(st)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in classes
    }
    if not made:
        idle = [
            c for c in classes.values()
            if c.name not in used and all(
                isinstance(m, ast.FunctionDef) and m.decorator_list for m in c.body
                if isinstance(m, ast.FunctionDef)
            ) and any(isinstance(m, ast.FunctionDef) for m in c.body)
        ]
        if idle and any(not isinstance(st, (ast.FunctionDef, ast.Import, ast.ImportFrom)) for st in rest):
            return [st for st in stmts if st not in idle]
        return stmts
    inliner = _Objects(classes)
    try:
        for st in stmts:
            if isinstance(st, ast.ClassDef) and st.name in classes:
                continue
            inliner.statement(st)
    except (_Unread, AttributeError, TypeError):
        return stmts
    return [ast.fix_missing_locations(st) for st in inliner.out]


def _without_classes(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``stmts`` with a class of manual backprop (``class Net: def backward(self, X, Y): …``)
    replaced by its backward method's body, ``self.`` dropped everywhere (``self.A1`` is ``A1``,
    ``self.dW2 = …`` assigns ``dW2``): the method named for the backward pass or gradients, or
    the one method besides ``__init__``. A trailing ``return dW2``/``return grads`` is left out
    (the answer is the step naming the gradient); ``return EXPR`` stays the cell's answer. A
    class with no such method (or decorated) stays, for the refusal."""
    out: list[ast.stmt] = []
    for st in stmts:
        if not isinstance(st, ast.ClassDef) or st.decorator_list:
            out.append(st)
            continue
        methods = [m for m in st.body if isinstance(m, ast.FunctionDef) and m.name != "__init__"]
        named = [m for m in methods if _BACKWARD_NAME.search(m.name)]
        chosen = named if len(named) == 1 else methods if len(methods) == 1 else []
        rest = [b for b in st.body if not isinstance(b, (ast.FunctionDef, ast.Pass)) and not (
            isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
        if len(chosen) != 1 or rest or chosen[0].decorator_list:
            out.append(st)
            continue
        body = list(chosen[0].body)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # a docstring
        if len(body) > 1 and isinstance(body[-1], ast.Return) and _returns_names(body[-1].value):
            body = body[:-1]
        out.extend(body)
    return [_NoSelf().visit(st) for st in out]


_CHECK_CALL = re.compile(r"^(?:np|numpy|torch)\.testing\.assert\w*$")


def _check_call(v: ast.expr) -> bool:
    """``np.testing.assert_allclose(dW2, dW2_num)`` / ``torch.testing.assert_close(…)`` on a line
    of its own: the cell checking itself, which computes nothing of the derivation."""
    return isinstance(v, ast.Call) and bool(_CHECK_CALL.match(ast.unparse(v.func)))


def _shape_shown(v: ast.expr) -> bool:
    """``dW2.shape`` (``.dtype``, ``.ndim``) on a line of its own: a notebook displaying the
    array's shape to check it, which computes nothing of the derivation."""
    return isinstance(v, ast.Attribute) and v.attr in ("shape", "dtype", "ndim")


def _answer_function(st: ast.stmt, stmts: list[ast.stmt], called: set[str]) -> bool:
    """Is ``st`` the gradient handed in as a function that returns it as an expression (``def
    grad_w(x, O, t): return (O - t) * O * (1 - O) * x``, with steps before the ``return`` or
    without): never called, undecorated, the cell's last statement, with no other such
    function in the cell? Its parameters are the network's tensors and its body the
    derivation, ``return EXPR`` the answer (a ``return`` at a cell's end is its answer)."""
    if not (
        isinstance(st, ast.FunctionDef)
        and st is stmts[-1]
        and st.name not in called
        and not st.decorator_list
        and isinstance(st.body[-1], ast.Return)
        and st.body[-1].value is not None
        and not _returns_names(st.body[-1].value)
    ):
        return False
    return not any(isinstance(n, (ast.Return, ast.FunctionDef, ast.Lambda)) for b in st.body[:-1] for n in ast.walk(b))


def _derivation_bodies(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``stmts`` with a function that is never called and returns names (``def backward(X, Y,
    A1, A2, W2): …; return dW1, db1, dW2, db2``, ``return grads``: the whole derivation
    handed in as the function a course asks for) replaced by its body: its parameters are the
    network's tensors, and the answer is the step that names the gradient asked for. Only in a
    cell of definitions (imports, prints and docstrings aside): where the cell computes its own
    steps, or calls the function, a function stays a helper to inline."""
    called = _called(stmts)
    quiet = (ast.FunctionDef, ast.Import, ast.ImportFrom, ast.Expr)
    if any(not isinstance(st, quiet) for st in stmts):  # the cell computes its own steps
        called |= {st.name for st in stmts if isinstance(st, ast.FunctionDef)}
    out: list[ast.stmt] = []
    for st in stmts:
        if _answer_function(st, stmts, called):
            body = st.body  # ends with ``return EXPR``: the cell's answer
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # a docstring
            out.extend(body)
        elif (
            isinstance(st, ast.FunctionDef)
            and st.name not in called
            and not st.decorator_list
            and len(st.body) > 1
            and isinstance(st.body[-1], ast.Return)
            and _returns_names(st.body[-1].value)
        ):
            body = st.body[:-1]
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # a docstring
            out.extend(body)
        else:
            out.append(st)
    return out


# heldcheck41: names a type alias is built from (``Array = NDArray[np.float64]``)
_TYPE_ALIAS_HELDCHECK41 = re.compile(
    r"^(?:(?:np|numpy|npt|numpy\.typing|typing|jt|jaxtyping)\.)?"
    r"(?:NDArray|ndarray|ArrayLike|Array|Tensor|Float|Union|Optional|Tuple|List|Any|Callable)\b"
)
_DATACLASS_HELDCHECK41 = re.compile(r"^(?:dataclasses\.)?dataclass(?:\(.*\))?$", re.S)


def _match_as_if_heldcheck41(st: ast.Match) -> ast.stmt | None:
    """``match kind: case "relu": … case _: …`` (Python 3.10's dispatch of an activation's
    backward) as the ``if kind == "relu": … else: …`` it means; None where a pattern is not
    a constant, an alternative of constants or the wildcard."""
    tests: list[tuple[ast.expr | None, list[ast.stmt]]] = []
    for case in st.cases:
        if case.guard is not None:
            return None
        pats = case.pattern.patterns if isinstance(case.pattern, ast.MatchOr) else [case.pattern]
        if len(pats) == 1 and isinstance(pats[0], ast.MatchAs) and pats[0].pattern is None and pats[0].name is None:
            tests.append((None, case.body))
            continue
        if not all(isinstance(p, ast.MatchValue) and isinstance(p.value, ast.Constant) for p in pats):
            return None
        values = [copy.deepcopy(p.value) for p in pats]  # type: ignore[attr-defined]
        tests.append((ast.Compare(copy.deepcopy(st.subject), [ast.In()], [ast.Tuple(values, ast.Load())]), case.body))
    orelse: list[ast.stmt] = []
    for test, body in reversed(tests):
        if test is None:
            if orelse:
                return None  # a wildcard before the last case
            orelse = body
            continue
        orelse = [ast.If(test, body, orelse)]
    return orelse[0] if len(orelse) == 1 else None


def _dataclass_init_heldcheck41(cls: ast.ClassDef) -> ast.ClassDef | None:
    """``@dataclass class Dense: W: np.ndarray; x: np.ndarray = field(default=None)`` as the
    class it generates: an ``__init__(self, W, x=None)`` setting each field; None where a field's
    default is a factory or the class writes its own ``__init__``."""
    fields = [b for b in cls.body if isinstance(b, ast.AnnAssign) and isinstance(b.target, ast.Name)]
    if any(isinstance(b, ast.FunctionDef) and b.name == "__init__" for b in cls.body):
        return None
    params, defaults = [], []
    for f in fields:
        d = f.value
        if isinstance(d, ast.Call) and ast.unparse(d.func) in ("field", "dataclasses.field"):
            kw = {k.arg: k.value for k in d.keywords}
            if "default" not in kw:
                return None  # default_factory, or no default
            d = kw["default"]
        if d is None and defaults:
            return None
        params.append(ast.arg(f.target.id))  # type: ignore[union-attr]
        if d is not None:
            defaults.append(copy.deepcopy(d))
    body: list[ast.stmt] = [
        ast.Assign([ast.Attribute(ast.Name("self", ast.Load()), p.arg, ast.Store())], ast.Name(p.arg, ast.Load()), lineno=0)
        for p in params
    ] or [ast.Pass()]
    init = ast.FunctionDef("__init__", ast.arguments([], [ast.arg("self"), *params], None, [], [], None, defaults),
                           body, [], None, lineno=0)
    rest = [b for b in cls.body if not isinstance(b, ast.AnnAssign)]
    return ast.ClassDef(cls.name, cls.bases, cls.keywords, [init, *rest], [], lineno=0)


class _ModernPython(ast.NodeTransformer):
    """heldcheck41: Python that type-annotated homework code writes, read as the plain code it
    runs as — ``m: int = A_prev.shape[0]`` is ``m = …`` (a bare ``x: Array`` declares nothing),
    a function's annotations are dropped, ``match``/``case`` on constants is an ``if`` chain,
    and a ``@dataclass`` class gets the ``__init__`` it generates."""

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST | None:  # noqa: N802
        if node.value is None:
            return None
        return ast.copy_location(ast.Assign([node.target], node.value), node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        node.returns = None
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs, node.args.vararg, node.args.kwarg]:
            if a is not None:
                a.annotation = None
        return node

    def visit_Match(self, node: ast.Match) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        chain = _match_as_if_heldcheck41(node)
        return node if chain is None else ast.copy_location(chain, node)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:  # noqa: N802
        if len(node.decorator_list) == 1 and _DATACLASS_HELDCHECK41.match(ast.unparse(node.decorator_list[0])):
            made = _dataclass_init_heldcheck41(node)
            if made is not None:
                node = ast.copy_location(made, node)
        self.generic_visit(node)
        return node


def _modern_python_heldcheck41(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck41: :class:`_ModernPython` over the cell, and a type alias no line reads
    (``Array = NDArray[np.float64]``, once the annotations that used it are gone) left out."""
    out = [ast.fix_missing_locations(_ModernPython().visit(st)) for st in stmts]
    out = [st for st in out if st is not None]
    read = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return [
        st for st in out
        if not (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and st.targets[0].id not in read and _TYPE_ALIAS_HELDCHECK41.match(ast.unparse(st.value))
        )
    ]


_SCIPY_SOFTMAX_HELDCHECK41 = re.compile(r"^(?:scipy\.special|special|sp\.special|scipy\.special\.[A-Za-z_]\w*)\.(log_softmax|softmax)$")


class _ScipySoftmax(ast.NodeTransformer):
    """heldcheck41: SciPy's ``softmax(x)`` / ``log_softmax(x)`` (``from scipy.special import
    softmax``, ``scipy.special.softmax``) without ``axis`` is over **all** entries — not a row's,
    as the reader's bare ``softmax(Z)`` is: written as that (``np.exp(x) / np.sum(np.exp(x))``);
    with an axis, the reader's ``softmax(x, axis=k)``."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names  # the cell's name of SciPy's function -> softmax / log_softmax

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        f = ast.unparse(node.func)
        m = _SCIPY_SOFTMAX_HELDCHECK41.match(f)
        name = self.names.get(f) if isinstance(node.func, ast.Name) else m.group(1) if m else None
        if name is None or not node.args or len(node.args) > 2 or any(k.arg != "axis" for k in node.keywords):
            return node
        axis = node.args[1] if len(node.args) == 2 else node.keywords[0].value if node.keywords else None
        x = node.args[0]
        if axis is not None and not (isinstance(axis, ast.Constant) and axis.value is None):
            return ast.Call(ast.Name(name, ast.Load()), [x], [ast.keyword("axis", axis)])
        ex = f"np.exp({ast.unparse(x)})"
        text = f"({ex} / np.sum({ex}))" if name == "softmax" else f"({ast.unparse(x)} - np.log(np.sum({ex})))"
        return ast.parse(text, mode="eval").body


def _scipy_softmax_heldcheck41(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """:class:`_ScipySoftmax` over a cell that imports SciPy's softmax (or calls it by its
    module)."""
    names = {
        (a.asname or a.name): a.name for st in stmts if isinstance(st, ast.ImportFrom) and st.module == "scipy.special"
        for a in st.names if a.name in ("softmax", "log_softmax")
    }
    if not names and not any(
        isinstance(n, ast.Call) and _SCIPY_SOFTMAX_HELDCHECK41.match(ast.unparse(n.func))
        for st in stmts for n in ast.walk(st)
    ):
        return stmts
    return [ast.fix_missing_locations(_ScipySoftmax(names).visit(st)) for st in stmts]


_TREE_STEP_HELDCHECK41 = re.compile(r"^(?:jax\.tree_util\.tree_map|jax\.tree\.map|tree_map|tree_util\.tree_map|optax\.apply_updates)$")


def _tree_steps_heldcheck41(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck41: JAX's step over a parameter dict after the gradients (``params =
    jax.tree_util.tree_map(lambda p, g: p - lr * g, params, grads)``, ``optax.apply_updates``)
    whose result no later line reads: the update, not the gradient — left out, as round 39
    left out PyTorch's in-place step."""
    out: list[ast.stmt] = []
    for k, st in enumerate(stmts):
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and _TREE_STEP_HELDCHECK41.match(ast.unparse(st.value.func))
            and not any(
                isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id == st.targets[0].id
                for later in stmts[k + 1:] for n in ast.walk(later)
            )
        ):
            continue
        out.append(st)
    return out


def _name_dicts_heldcheck41(stmts: list[ast.stmt]) -> dict[str, dict[str, ast.expr]]:
    """The cell's dictionaries of names written once at its top (``params = {"w1": W1, "b1":
    b1}``, Haiku's and Optax's parameter dicts), never assigned again nor filled by key: name ->
    key -> the name it holds."""
    found: dict[str, dict[str, ast.expr]] = {}
    stores: dict[str, int] = {}
    for st in stmts:
        for n in ast.walk(st):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                stores[n.id] = stores.get(n.id, 0) + 1
            if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name):
                stores[n.value.id] = stores.get(n.value.id, 0) + 2
    for st in stmts:
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                and isinstance(st.value, ast.Dict) and st.value.keys):
            continue
        d = st.value
        if all(isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.isidentifier() for k in d.keys) and all(
            isinstance(v, ast.Name) for v in d.values
        ) and stores.get(st.targets[0].id) == 1:
            found[st.targets[0].id] = {k.value: v for k, v in zip(d.keys, d.values)}  # type: ignore[union-attr]
    return found


class _NameDictReads(ast.NodeTransformer):
    """``params["w1"]`` of a dictionary of names (:func:`_name_dicts_heldcheck41`): the name it
    holds (``W1``) — not a name ``w1`` of its own."""

    def __init__(self, dicts: dict[str, dict[str, ast.expr]]) -> None:
        self.dicts = dicts

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        key = _string_key(node)
        if key is not None and isinstance(node.ctx, ast.Load) and node.value.id in self.dicts:  # type: ignore[attr-defined]
            held = self.dicts[node.value.id].get(key)  # type: ignore[attr-defined]
            if held is not None and not (isinstance(held, ast.Name) and held.id == key):
                return copy.deepcopy(held)  # (parameters['W2'] of {'W2': W2}: read as W2 already)
        return node

    def visit_Assign(self, node: ast.Assign) -> ast.AST | None:  # noqa: N802
        self.generic_visit(node)
        t = node.targets[0] if len(node.targets) == 1 else None
        if isinstance(t, ast.Name) and isinstance(node.value, ast.Name) and t.id == node.value.id:
            return None  # W2 = params["w2"] of {"w2": W2}: W2 = W2, nothing assigned
        return node


def _passed_as_itself(fn: ast.FunctionDef, param: str, stmts: list[ast.stmt]) -> bool:
    """Is every call of ``fn`` in the cell given the name ``param`` itself for its parameter
    ``param`` (``manual_grads(params, X, Y)`` of ``def manual_grads(params, X, Y)``)?"""
    names = [a.arg for a in fn.args.args]
    at = names.index(param)
    calls = [n for st in stmts for n in ast.walk(st)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == fn.name]
    for c in calls:
        given = c.args[at] if at < len(c.args) else next((k.value for k in c.keywords if k.arg == param), None)
        if not (isinstance(given, ast.Name) and given.id == param):
            return False
    return bool(calls)


def _name_dicts_read_heldcheck41(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck41: a dictionary of names' entries read by key (``params["w2"]``) as the names
    it holds, at the cell's top and in a function handed that dictionary at every call
    (``def manual_grads(params, X, Y)``) and assigning no name of its own for it."""
    dicts = _name_dicts_heldcheck41(stmts)
    if not dicts:
        return stmts
    out = []
    for st in stmts:
        if isinstance(st, ast.FunctionDef):
            params = {a.arg for a in st.args.args}
            local = {n.id for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
            inner = {
                d: v for d, v in dicts.items()
                if d not in local and (d not in params or _passed_as_itself(st, d, stmts))
            }
            out.append(ast.fix_missing_locations(_NameDictReads(inner).visit(st)) if inner else st)
        else:
            out.append(ast.fix_missing_locations(_NameDictReads(dicts).visit(st)))
    return out


_CJK_HELDCHECK41 = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def cjk_names_heldcheck41(text: str) -> str:
    """heldcheck41: Python names written in Chinese (``误差 = A2 - Y``, ``dW1 = X.T @ 隐藏层梯度 /
    样本数``) as ASCII names of their own (``zh_1``, …; none the text already holds): the
    reader's names are ASCII. Comments and strings stay as written; ``text`` itself where it
    is no Python (a sentence around a formula) or has no such name."""
    if not isinstance(text, str) or not _CJK_HELDCHECK41.search(text):
        return text
    import io
    import tokenize

    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                if t.type == tokenize.NAME and _CJK_HELDCHECK41.search(t.string)]
    except (tokenize.TokenError, SyntaxError, IndentationError, ValueError):
        return text
    if not toks:
        return text
    names: dict[str, str] = {}
    k = 0
    for t in toks:
        if t.string not in names:
            k += 1
            while re.search(rf"\bzh_{k}\b", text):
                k += 1
            names[t.string] = f"zh_{k}"
    lines = text.split("\n")
    for t in sorted(toks, key=lambda t: t.start, reverse=True):
        (row, col), (_, end) = t.start, t.end
        line = lines[row - 1]
        lines[row - 1] = line[:col] + names[t.string] + line[end:]
    out = "\n".join(lines)
    try:  # Python with Chinese names, not a sentence around a formula (that stays as written)
        ast.parse(_without_prompts(out))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text
    return out


_PARTIAL_HELDCHECK41 = ("partial", "functools.partial")


class _PartialCalls(ast.NodeTransformer):
    """``relu_grad(Z1)`` of ``relu_grad = partial(np.heaviside, x2=0.0)``: the call it makes
    (``np.heaviside(Z1, x2=0.0)``); a partial of a lambda, the lambda's body with its
    parameters put in."""

    def __init__(self, partials: dict[str, ast.Call]) -> None:
        self.partials = partials

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if not (isinstance(node.func, ast.Name) and node.func.id in self.partials):
            return node
        made = self.partials[node.func.id]
        f, pargs = made.args[0], made.args[1:]
        args, kws = [*pargs, *node.args], [*made.keywords, *node.keywords]
        if any(isinstance(a, ast.Starred) for a in args) or any(k.arg is None for k in kws):
            raise _Unread
        if not isinstance(f, ast.Lambda):
            ufunc = [k for k in kws if k.arg in ("x1", "x2")]  # NumPy's ufuncs: x1, x2 positional
            if ufunc and len(args) + len(ufunc) == 2 and [k.arg for k in ufunc] == ["x1", "x2"][len(args):]:
                args, kws = [*args, *(k.value for k in ufunc)], [k for k in kws if k not in ufunc]
            return ast.Call(copy.deepcopy(f), copy.deepcopy(args), copy.deepcopy(kws))
        return self.applied(f, args, kws)

    def applied(self, f: ast.Lambda, args: list[ast.expr], kws: list[ast.keyword]) -> ast.expr:
        """``f``'s body with ``args`` and ``kws`` put in for its parameters (a lambda called in
        it, ``s(z)`` of ``s=lambda z: …``, likewise)."""
        a = f.args
        params = [p.arg for p in a.args]
        if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or a.defaults or len(args) > len(params):
            raise _Unread
        env = dict(zip(params, args))
        for k in kws:
            if k.arg in env or k.arg not in params:
                raise _Unread
            env[k.arg] = k.value  # type: ignore[index]
        if set(env) != set(params):
            raise _Unread
        body = _subst(copy.deepcopy(f.body), {p: copy.deepcopy(v) for p, v in env.items()})
        for n in ast.walk(body):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Lambda):
                return self.visit(_LambdaCalls(self).visit(body))
        return body


class _LambdaCalls(ast.NodeTransformer):
    """``(lambda z: 1 / (1 + np.exp(-z)))(Z1)``: the lambda's body with ``Z1`` put in."""

    def __init__(self, partials: _PartialCalls) -> None:
        self.partials = partials

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if isinstance(node.func, ast.Lambda):
            return self.partials.applied(node.func, list(node.args), list(node.keywords))
        return node


def _partials_heldcheck41(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck41: ``relu_grad = functools.partial(np.heaviside, x2=0.0)`` (``partial(np.mean,
    axis=0)``, a partial of a lambda) assigned once at the cell's top: each call of it is the
    call it makes, and the line left out; the cell as written where a call is not read so."""
    stores: dict[str, int] = {}
    for st in stmts:
        for n in ast.walk(st):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                stores[n.id] = stores.get(n.id, 0) + 1
    partials = {
        st.targets[0].id: st.value for st in stmts
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
        and isinstance(st.value, ast.Call) and ast.unparse(st.value.func) in _PARTIAL_HELDCHECK41
        and st.value.args and stores.get(st.targets[0].id) == 1
    }
    if not partials:
        return stmts
    try:
        out = [ast.fix_missing_locations(_PartialCalls(partials).visit(st)) for st in stmts
               if not (isinstance(st, ast.Assign) and len(st.targets) == 1
                       and isinstance(st.targets[0], ast.Name) and st.targets[0].id in partials)]
    except _Unread:
        return stmts
    return out


def _without_ipython_prompts(text: str) -> str:
    """An IPython transcript (``In [12]: dW2 = …``, ``   ...: `` continuations, ``Out[12]: …``
    and the printed lines after it): the code typed after the prompts only."""
    lines = text.split("\n")
    if not any(_IPYTHON_IN.match(line) for line in lines):
        return text
    kept = []
    for line in lines:
        head = _IPYTHON_IN.match(line) or _IPYTHON_MORE.match(line)
        if head:
            kept.append(line[head.end():])
    return "\n".join(kept)


_MAGIC = re.compile(r"^\s*%%?[A-Za-z]\w*\b.*$", re.M)


_SHELL_HELDCHECK41 = re.compile(r"^[ \t]*![A-Za-z].*$", re.M)


def _without_magics(text: str) -> str:
    """A Jupyter cell's IPython magics (``%%time``, ``%matplotlib inline``, ``%timeit …``): a
    line that starts with ``%`` is no Python and computes nothing of the derivation; nor does
    a shell escape (heldcheck41: ``!pip install -q numpy``)."""
    text = _SHELL_HELDCHECK41.sub("", text) if "!" in text else text
    return _MAGIC.sub("", text) if "%" in text else text


def _without_prompts(text: str) -> str:
    """A doctest or console transcript (``>>> dW2 = …``, ``... `` continuations, printed output
    lines; IPython's ``In [12]:`` likewise): the code typed after the prompts only."""
    text = _without_magics(_without_ipython_prompts(text))
    lines = text.split("\n")
    if not any(line.lstrip().startswith(">>>") for line in lines):
        return text
    kept = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(">>>") or stripped.startswith("..."):
            kept.append(stripped[3:].removeprefix(" "))
    return "\n".join(kept)


def expand(text: str, tensors: set[str] | frozenset[str] = frozenset()) -> str:
    """``text`` with helpers inlined and non-computing lines left out (see the module
    docstring); ``text`` itself when there is nothing to do or it is not Python.
    ``tensors`` are the network's tensor names (``grads['W2']`` assigns ``dW2``)."""
    if not isinstance(text, str):
        return text
    text = _without_prompts(text)
    if not _TRIGGER.search(text):
        return text
    src = _WALRUS.sub(r"\1 =", text)
    try:
        tree = ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text
    helpers: dict[str, tuple[list[str], ast.expr]] = {}
    cell = _Cell(helpers)
    body: list[ast.stmt] = []
    tree.body = legacy46.cell_spellings(tree.body, tensors)  # heldcheck46: zip rows, dataclass records, display tails …
    tree.body = legacy45.cell_spellings(tree.body, tensors)  # heldcheck45: from numpy import dot, tnp, Keras K, __main__
    tree.body = legacy43.cell_spellings(tree.body, tensors)  # heldcheck43: np.matrix, .at[].set, namedtuple …
    tree.body = legacy44.cell_spellings(tree.body, tensors)  # heldcheck44: Theano, autograd.numpy, closures, records …
    stmts = _procedures_inlined_heldcheck36(_objects_inlined_heldcheck35(_without_quiet_with(
        _jit_undecorated_heldcheck38(_function_loops_heldcheck39(_dask_as_numpy_heldcheck39(
            _static_methods_heldcheck40(_unused_tapes_heldcheck40(_checked_tapes_heldcheck42(_out_written_heldcheck42(_appended_rows_heldcheck42(_modern_python_heldcheck41(_name_dicts_read_heldcheck41(_scipy_softmax_heldcheck41(_partials_heldcheck41(_tree_steps_heldcheck41(tree.body))))))))))))))))
    stmts = _tuples_unpacked_heldcheck35(_held_steps_heldcheck36(_listed_steps_heldcheck35(_index_ints_heldcheck38(stmts))))
    stmts = _procedures_inlined_heldcheck36(stmts)  # heldcheck38: called in a loop now unrolled
    stmts = _namespaces_heldcheck40(stmts)
    stmts = _local_sizes_heldcheck37(_row_comprehensions_heldcheck37(stmts), tensors)
    for st in _built_keys_heldcheck33(_derivation_bodies(_without_classes(stmts))):
        if isinstance(st, ast.For):
            st = _zip_rows_heldcheck36(st, tensors)
            unrolled = _unrolled(_zipped_heldcheck34(st)) or _rows_loop_heldcheck32(st) or _summed_loop_heldcheck34(
                st, _one_row_buffers_heldcheck38(body))
            if unrolled is None:
                raise FormulaError(msg("heldcheck3.loop"))
            body.extend(unrolled)
        else:
            body.append(st)
    body = _callees_first_heldcheck35(_numeric_only_checked_heldcheck41(_autograd_only_checked_heldcheck40(body)))
    named = {  # the names the cell reads (a function never among them is never called)
        n.id for st in body for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    lines: list[str] = []
    made: dict[str, dict[str, str]] = {}  # grads = helper(…) of a dict: its keys' names
    assigned: set[str] = set()  # the names the cell assigned so far
    masks: dict[str, ast.expr] = {}  # a name holding a comparison (a ReLU's mask)
    for k, st in enumerate(body):
        if made:  # grads['W1'] of such a dict: the name its entry was assigned to (dW1)
            st = _DictReads(made).visit(st)
        before = set(assigned)
        if isinstance(st, (ast.Assign, ast.AugAssign)):
            for t in st.targets if isinstance(st, ast.Assign) else [st.target]:
                assigned |= {n.id for n in ast.walk(t) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        if isinstance(st, ast.FunctionDef):
            if st.name not in named and any(not isinstance(s, ast.FunctionDef) for s in body):
                continue  # heldcheck38: a function the cell never calls computes nothing
            if st.decorator_list:
                raise FormulaError(msg("heldcheck3.helper_body", name=st.name))
            helpers[st.name] = _helper(st, st.name, cell)
            continue
        if isinstance(st, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in st.names] if isinstance(st, ast.Import) else [st.module or ""]
            if all(m.split(".")[0] in _NUMERIC_MODULES for m in mods):
                continue  # import numpy as np: left out
            raise FormulaError(msg("heldcheck3.statement", kind="import"))
        if isinstance(st, (ast.Assert, ast.Pass)):
            continue
        if isinstance(st, ast.Delete) and all(isinstance(t, ast.Name) for t in st.targets):
            continue  # del dZ2: the cell's names stay as assigned (a later use reads them)
        if isinstance(st, ast.Expr):
            v = st.value
            if isinstance(v, ast.Constant) or _shape_shown(v) or _check_call(v) or _silent_call_heldcheck41(v) or (
                isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "print"
            ) or _in_place_step_heldcheck39(v, assigned):
                continue
            lines.append(ast.unparse(cell.visit(v)))
            continue
        if isinstance(st, ast.Return) and st.value is not None and k == len(body) - 1:
            returned = cell.visit(st.value)
            entries = _dict_assignments_heldcheck28(returned, tensors)
            lines.extend(entries if entries is not None else [ast.unparse(returned)])
            continue
        if isinstance(st, ast.Assign) and len(st.targets) > 1:
            lines.extend(_chained(st, cell))
            continue
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t = st.targets[0]
            if isinstance(st.value, ast.Lambda) and isinstance(t, ast.Name):
                helpers[t.id] = _helper(st.value, t.id, cell)
                continue
            if isinstance(st.value, ast.Dict):  # grads = {} / grads = {"dW1": dW1, …}
                computed = _computed_dict_heldcheck41(t, st.value)
                if computed is not None:  # heldcheck41: grads = {"w": phi.T @ …}: its entries
                    lines.extend(computed)
                    made[t.id] = _computed_dict_names_heldcheck41(t.id, st.value)  # type: ignore[union-attr]
                continue
            if _network_unpacked_heldcheck33(t, st.value, tensors, before):
                continue
            value = _helper_tuple(_comprehension_items_heldcheck34(st.value, t), t, cell)
            if (
                isinstance(t, ast.Tuple)
                and isinstance(value, ast.Tuple)
                and len(t.elts) == len(value.elts)
            ):
                assigned = {e.id for e in t.elts if isinstance(e, ast.Name)}
                if any(
                    isinstance(n, ast.Name) and n.id in assigned
                    for v in value.elts
                    for n in ast.walk(v)
                ):
                    return text  # dZ, dW = …, X.T @ dZ reads the old dZ: not one after the other
                pairs = list(zip(t.elts, value.elts))  # A1, A2 = cache['A1'], cache['A2']
            else:
                pairs = [(t, st.value)]
            for target, value in pairs:
                if isinstance(target, ast.Name):  # heldcheck36: self.mask = (x <= 0) named
                    if isinstance(value, ast.Compare):
                        masks[target.id] = value
                    else:
                        masks.pop(target.id, None)
                elif (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.slice, ast.Name)
                    and target.slice.id in masks
                ):  # dout[self.mask] = 0: the mask's comparison in place
                    target = ast.Subscript(target.value, copy.deepcopy(masks[target.slice.id]), ast.Store())
                key = _string_key(target)
                if key is not None:  # grads['W2'] = … assigns dW2
                    name = "d" + key if key in tensors else key
                    target = ast.Name(id=name, ctx=ast.Store())
                elif isinstance(target, ast.Subscript):
                    target = cell.visit(target)
                value = cell.visit(value)
                if isinstance(target, ast.Name) and isinstance(value, ast.Name) and target.id == value.id:
                    continue  # A1 = cache['A1']
                if isinstance(target, ast.Name) and isinstance(value, ast.Constant) and value.value is None:
                    continue  # heldcheck36: self.mask = None (Saito's __init__), set before it is computed
                entries = _dict_assignments_heldcheck28(value, tensors) if isinstance(target, ast.Name) else None
                if entries is not None:  # grads = bptt(…): the helper's dictionary, entry by entry
                    lines.extend(entries)
                    made[target.id] = _dict_names_heldcheck28(value, tensors)  # type: ignore[union-attr]
                    continue
                lines.append(f"{ast.unparse(target)} = {ast.unparse(value)}")
            continue
        if isinstance(st, ast.AugAssign):
            target = st.target
            key = _string_key(target)
            if key is not None:
                target = ast.Name(id="d" + key if key in tensors else key, ctx=ast.Store())
            lines.append(ast.unparse(ast.AugAssign(target, st.op, cell.visit(st.value))))
            continue
        if isinstance(st, (ast.If, ast.While, ast.With, ast.Try, ast.ClassDef)):
            raise FormulaError(msg("heldcheck3.statement", kind=type(st).__name__.lower()))
        return text  # something else: the ordinary reader's message
    if not lines:
        return text
    return _held_tuples_unpacked_heldcheck40("\n".join(lines))


_AUTOGRAD_CALL = re.compile(r"(?:^|\.)(?:grad|value_and_grad|gradient|vjp|jacrev|jacfwd)$")


def _autograd_only_checked_heldcheck40(body: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck40: ``auto = jax.grad(loss_fn)(W2)`` (``torch.autograd.grad(…)``,
    ``tape.gradient(…)``) whose name only an ``assert`` or a ``print`` reads — the notebook
    compares its hand gradient with autograd's (``assert jnp.allclose(auto, manual)``), and the
    answer is the hand one — left out with those checks. An autograd result the answer reads
    stays, for the refusal."""
    # heldcheck47: a helper the cell defines itself (grad = lambda z: z > 0) is not autograd's
    own = {st.name for st in body if isinstance(st, ast.FunctionDef)} | {
        st.targets[0].id for st in body
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
        and isinstance(st.value, ast.Lambda)
    }

    def autograd(v: ast.AST) -> bool:
        return any(
            isinstance(n, ast.Call) and not (isinstance(n.func, ast.Name) and n.func.id in own)
            and _AUTOGRAD_CALL.search(ast.unparse(n.func if not isinstance(n.func, ast.Call) else n.func.func))
            for n in ast.walk(v)
        )

    read = {
        n.id for st in body if not _quiet(st)
        for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    return [
        st for st in body
        if not (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and st.targets[0].id not in read and autograd(st.value)
        )
    ]


_NUMERIC_GRADIENT_CALL_HELDCHECK41 = re.compile(
    r"(?:^|\.)(?:eval_numerical_gradient\w*|numerical_gradient\w*|num(?:eric)?_grad\w*|approx_fprime"
    r"|check_grad|grad_check\w*|gradient_check\w*|finite_diff\w*)$"
)


def _numeric_only_checked_heldcheck41(body: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck41: ``dW2_num = eval_numerical_gradient(f, W2)`` (cs231n's gradient check;
    ``approx_fprime``, ``numerical_gradient``) whose name only an ``assert`` or a ``print`` reads
    (``print(rel_error(dW2_num, dW2))``) — the notebook checks its hand gradient against finite
    differences, and the answer is the hand one — left out with those checks. A numerical
    gradient the answer reads, or one no check reads, stays (for the refusal)."""
    def numeric(v: ast.AST) -> bool:
        return any(
            isinstance(n, ast.Call) and _NUMERIC_GRADIENT_CALL_HELDCHECK41.search(ast.unparse(n.func))
            for n in ast.walk(v)
        )

    read = {
        n.id for st in body if not _quiet(st)
        for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    checked = {
        n.id for st in body if _quiet(st)
        for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    return [
        st for st in body
        if not (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and st.targets[0].id not in read and st.targets[0].id in checked and numeric(st.value)
        )
    ]


def _held_tuples_unpacked_heldcheck40(code: str) -> str:
    """heldcheck40: a tuple built inside one function and unpacked inside another (an
    autograder's ``cache = (Z1, A1, Z2, A2)`` returned by ``forward_propagation``, then
    ``(Z1, A1, Z2, A2) = cache`` in ``backward_propagation``) is written out only once both
    calls are inlined: the expanded lines' tuple read item by item, as
    :func:`_tuples_unpacked_heldcheck35` reads one written at the top of a cell."""
    if "= (" not in code:
        return code
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return code
    out = _tuples_unpacked_heldcheck35(tree.body)
    return code if out is tree.body else "\n".join(ast.unparse(st) for st in out)


# ---- heldcheck36: procedures inlined statement by statement --------------------------------------

_GRAD_ATTRS = ("g", "grad")


def _static(node: ast.expr) -> bool:
    """A value that stands for itself wherever it is put: a name, a constant, a tuple of them."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    return isinstance(node, ast.Tuple) and all(_static(e) for e in node.elts)


def _static_truth(test: ast.expr) -> bool | None:
    """The truth of a test of constants (``"relu" == "relu"``, ``"sigmoid" != "relu"``, ``"tanh" in
    ("tanh", "relu")``, ``not …``, ``… and …``), or None where it depends on a value."""
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        t = _static_truth(test.operand)
        return None if t is None else not t
    if isinstance(test, ast.BoolOp):
        truths = [_static_truth(v) for v in test.values]
        if any(t is None for t in truths):
            return None
        return all(truths) if isinstance(test.op, ast.And) else any(truths)  # type: ignore[arg-type]
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        try:
            left, right = ast.literal_eval(test.left), ast.literal_eval(test.comparators[0])
        except (ValueError, TypeError, SyntaxError, RecursionError):
            return None
        if not isinstance(left, (str, int, float, bool, type(None))):
            return None
        op = test.ops[0]
        try:
            if isinstance(op, (ast.Eq, ast.Is)):
                return left == right
            if isinstance(op, (ast.NotEq, ast.IsNot)):
                return left != right
            if isinstance(op, ast.In):
                return left in right
            if isinstance(op, ast.NotIn):
                return left not in right
        except TypeError:
            return None
    return None


_SILENT_CALL_HELDCHECK41 = re.compile(
    r"^(?:logging|logger|log|warnings)\.\w+$|^(?:np|numpy)\.(?:seterr|set_printoptions)$"
)


def _silent_call_heldcheck41(v: ast.expr) -> bool:
    """heldcheck41: ``logging.info("dW2 norm %.3f", np.linalg.norm(dW2))``, ``np.seterr(all=
    "ignore")``, ``warnings.filterwarnings(…)`` on a line of its own: a log line or a setting of
    NumPy's warnings, which computes nothing of the derivation."""
    return isinstance(v, ast.Call) and bool(
        _SILENT_CALL_HELDCHECK41.match(ast.unparse(v.func)) or _QUIET_CALL_HELDCHECK42.match(ast.unparse(v.func))
    )


# heldcheck42: a notebook's display(dZ1[:3]) and TF's tf.debugging.assert_near(dW2, auto) on a
# line of their own compute nothing of the derivation
_QUIET_CALL_HELDCHECK42 = re.compile(r"^display$|^(?:tf|tensorflow)\.debugging\.assert\w*$")


def _quiet(st: ast.stmt) -> bool:
    """A statement that computes nothing of the derivation: a docstring, ``print(…)``, ``assert``,
    ``pass``, ``dW.shape`` shown (heldcheck41: a log line)."""
    if isinstance(st, (ast.Assert, ast.Pass)):
        return True
    if isinstance(st, ast.Expr):
        v = st.value
        return isinstance(v, ast.Constant) or _shape_shown(v) or _check_call(v) or _silent_call_heldcheck41(v) or (
            isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "print"
        )
    return False


class _Procedures:
    """heldcheck36: functions of the cell that the expression inliner (:func:`_helper_body`)
    does not read, called as statements or in assignments, inlined statement by statement —
    fast.ai's ``def lin_grad(inp, out, w, b): inp.g = out.g @ w.t(); w.g = …`` called as
    ``lin_grad(A1, Z2, W2, b2)`` (an argument's ``.g`` set: the name ``A1_grad``), Coursera's
    ``linear_activation_backward(dA, cache, "relu")`` (an ``if activation == "relu":`` on a
    constant argument takes its branch), Saito's ``gradient(x, t)`` filling ``grads['W1']``
    and returning it (each entry a name of its own), a function calling others
    (``forward_and_backward``). Each call's locals are renamed for the call, its arguments put
    in (a tuple argument unpacked where the body unpacks it), its ``return`` the value of the
    call. Anything else leaves the cell as written."""

    def __init__(self, funcs: dict[str, ast.FunctionDef]) -> None:
        self.funcs = funcs
        self.out: list[ast.stmt] = []
        self.calls = 0
        self.grads: set[str] = set()  # names whose ``.g`` was set: read as NAME_grad
        self.dicts: dict[str, dict[str, ast.expr]] = {}  # a name holding a returned dict
        self.locals: set[str] = set()  # the calls' renamed locals

    # -- expressions
    def expr(self, node: ast.expr, env: dict[str, ast.expr], tag: str | None, local: set[str]) -> ast.expr:
        me = self

        class Sub(ast.NodeTransformer):
            def visit_Name(inner, n: ast.Name) -> ast.AST:  # noqa: N802, N805
                if n.id in env:
                    return copy.deepcopy(env[n.id])
                if tag is not None and n.id in local:
                    return ast.copy_location(ast.Name(id=f"{tag}_{n.id}", ctx=ast.Load()), n)
                return n

            def visit_Attribute(inner, a: ast.Attribute) -> ast.AST:  # noqa: N802, N805
                inner.generic_visit(a)
                if a.attr in _GRAD_ATTRS and isinstance(a.value, ast.Name) and a.value.id in me.grads:
                    return ast.copy_location(ast.Name(id=f"{a.value.id}_grad", ctx=ast.Load()), a)
                return a

            def visit_Subscript(inner, s: ast.Subscript) -> ast.AST:  # noqa: N802, N805
                inner.generic_visit(s)
                key = _string_key(s)
                held = me.held(s.value, tag, local)
                if key is not None and held is not None and key in held:
                    return copy.deepcopy(held[key])
                return s

            def visit_Call(inner, c: ast.Call) -> ast.AST:  # noqa: N802, N805
                inner.generic_visit(c)
                if isinstance(c.func, ast.Name) and c.func.id in me.funcs:
                    got = me.inline(c)
                    if got is None:
                        raise _Unread  # a function returning nothing used as a value
                    return got
                return c

        return Sub().visit(copy.deepcopy(node))

    def held(self, node: ast.expr, tag: str | None, local: set[str]) -> dict[str, ast.expr] | None:
        """The entries of a dict a name holds (``grads`` of ``grads = gradient(x, t)``, a local
        ``grads = {}`` filled), or None."""
        if isinstance(node, ast.Name):
            return self.dicts.get(node.id)
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
            return {k.value: v for k, v in zip(node.keys, node.values)}  # type: ignore[union-attr]
        return None

    # -- statements
    def target(self, t: ast.expr, env: dict[str, ast.expr], tag: str | None, local: set[str]) -> ast.expr:
        if isinstance(t, ast.Name):
            env.pop(t.id, None)
            return ast.Name(id=f"{tag}_{t.id}" if tag is not None and t.id in local else t.id, ctx=ast.Store())
        if isinstance(t, ast.Attribute) and t.attr in _GRAD_ATTRS:
            base = self.expr(t.value, env, tag, local)
            if not isinstance(base, ast.Name):
                raise _Unread
            self.grads.add(base.id)
            return ast.Name(id=f"{base.id}_grad", ctx=ast.Store())
        if isinstance(t, ast.Subscript):
            return ast.Subscript(self.expr(t.value, env, tag, local), self.expr(t.slice, env, tag, local), ast.Store())  # type: ignore[arg-type]
        raise _Unread

    def assign(self, t: ast.expr, value: ast.expr, env: dict[str, ast.expr], tag: str | None, local: set[str]) -> None:
        """``t = value`` (``value`` already put in terms of the caller)."""
        if isinstance(t, ast.Tuple):
            if isinstance(value, ast.Tuple) and len(value.elts) == len(t.elts):
                for tt, vv in zip(t.elts, value.elts):
                    self.assign(tt, vv, env, tag, local)
                return
            if any(not isinstance(e, ast.Name) for e in t.elts):
                raise _Unread
            names = [self.target(e, env, tag, local) for e in t.elts]  # dx, dw, db = helper(…)
            self.out.append(ast.Assign([ast.Tuple(names, ast.Store())], value, lineno=0))  # type: ignore[arg-type]
            return
        if isinstance(t, ast.Name):
            if isinstance(value, ast.Constant) and value.value is None:
                env.pop(t.id, None)
                return  # dx = None: set before it is computed
            entries = self.held(value, tag, local)
            if entries is not None and (isinstance(value, ast.Dict) or isinstance(value, ast.Name)):
                name = self.target(t, env, tag, local).id  # type: ignore[attr-defined]
                self.dicts[name] = dict(entries)
                return
            if tag is not None and isinstance(value, ast.Tuple) and _static(value):
                env[t.id] = value  # cache = (x, w, b): unpacked later
                return
        self.out.append(ast.Assign([self.target(t, env, tag, local)], value, lineno=0))

    def run(self, body: list[ast.stmt], env: dict[str, ast.expr], tag: str | None, local: set[str]) -> ast.expr | None:
        """Emit ``body``'s statements; the returned expression (None: nothing returned)."""
        todo = list(body)
        while todo:
            st = todo.pop(0)
            if _quiet(st):
                continue
            if isinstance(st, ast.Return):
                if todo or tag is None:
                    raise _Unread
                return None if st.value is None else self.expr(st.value, env, tag, local)
            if isinstance(st, ast.If) and tag is not None:
                truth = _static_truth(self.expr(st.test, env, tag, local))
                if truth is None:
                    raise _Unread
                todo = list(st.body if truth else st.orelse) + todo
                continue
            if isinstance(st, ast.Assign) and len(st.targets) == 1:
                t = st.targets[0]
                if isinstance(st.value, ast.Dict) and isinstance(t, ast.Name) and tag is not None:
                    self.dicts[f"{tag}_{t.id}"] = {}
                    filled = self.held(self.expr(st.value, env, tag, local), tag, local)
                    if filled is None:
                        raise _Unread
                    self.dicts[f"{tag}_{t.id}"] = filled
                    env.pop(t.id, None)
                    continue
                value = self.expr(st.value, env, tag, local)
                if isinstance(t, ast.Subscript) and _string_key(t) is not None and isinstance(t.value, ast.Name):
                    holder = f"{tag}_{t.value.id}" if tag is not None and t.value.id in local else t.value.id
                    if holder in self.dicts:
                        name = f"{holder}_{_string_key(t)}"
                        self.dicts[holder][_string_key(t)] = ast.Name(id=name, ctx=ast.Load())  # type: ignore[index]
                        self.out.append(ast.Assign([ast.Name(id=name, ctx=ast.Store())], value, lineno=0))
                        continue
                self.assign(t, value, env, tag, local)
                continue
            if isinstance(st, ast.AugAssign):
                value = self.expr(st.value, env, tag, local)
                old = self.expr(st.target, env, tag, local) if isinstance(st.target, ast.Name) else None
                target = self.target(st.target, env, tag, local)
                if old is not None and isinstance(old, ast.Name) and old.id != target.id:  # type: ignore[attr-defined]
                    self.out.append(ast.Assign([target], ast.BinOp(old, st.op, value), lineno=0))
                else:
                    self.out.append(ast.AugAssign(target, st.op, value))  # type: ignore[arg-type]
                continue
            if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
                c = st.value
                if isinstance(c.func, ast.Name) and c.func.id in self.funcs:
                    self.inline(ast.Call(c.func, [self.expr(a, env, tag, local) for a in c.args], [
                        ast.keyword(k.arg, self.expr(k.value, env, tag, local)) for k in c.keywords
                    ]))
                    continue
            if tag is not None:
                raise _Unread  # a loop or another statement inside a function
            self.out.append(self.expr(st, env, tag, local))  # type: ignore[arg-type]
        return None

    def inline(self, call: ast.Call) -> ast.expr | None:
        """The statements of ``call``'s function emitted; its returned value (or None)."""
        fn = self.funcs[call.func.id]  # type: ignore[attr-defined]
        self.calls += 1
        if self.calls > MAX_UNROLL:
            raise _Unread
        tag = f"{fn.name}{self.calls}"
        a = fn.args
        if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
            raise _Unread
        params = [p.arg for p in a.args]
        defaults = dict(zip(params[len(params) - len(a.defaults):], a.defaults))
        if len(call.args) > len(params) or any(isinstance(x, ast.Starred) for x in call.args):
            raise _Unread
        given: dict[str, ast.expr] = dict(zip(params, call.args))
        for k in call.keywords:
            if k.arg is None or k.arg not in params or k.arg in given:
                raise _Unread
            given[k.arg] = k.value
        local = {
            n.id for st in fn.body for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        } | set(params)
        self.locals |= {f"{tag}_{n}" for n in local}
        env: dict[str, ast.expr] = {}
        for p in params:
            v = given.get(p, defaults.get(p))
            if v is None:
                raise _Unread
            if _static(v) or (isinstance(v, ast.Name) and v.id in self.dicts):
                env[p] = v
            else:
                self.out.append(ast.Assign([ast.Name(id=f"{tag}_{p}", ctx=ast.Store())], v, lineno=0))
                env[p] = ast.Name(id=f"{tag}_{p}", ctx=ast.Load())
        for p, v in list(env.items()):  # a dict passed in: its entries read through the parameter
            if isinstance(v, ast.Name) and v.id in self.dicts:
                self.dicts[f"{tag}_{p}"] = self.dicts[v.id]
                env.pop(p)
        got = self.run(list(fn.body), env, tag, local)
        for p in _mutated_in_place_heldcheck38(fn):  # heldcheck38: inplace_relu_derivative(Z, deltas[0])
            arg = given.get(p)
            if isinstance(arg, ast.Subscript) and ast.dump(env.get(p, arg)) != ast.dump(arg):
                back = copy.deepcopy(arg)
                back.ctx = ast.Store()
                self.out.append(ast.Assign([back], ast.Name(id=f"{tag}_{p}", ctx=ast.Load()), lineno=0))
        if isinstance(got, ast.Name) and got.id in self.dicts:
            return got
        if isinstance(got, ast.Dict):
            held = self.held(got, tag, local)
            if held is None:
                raise _Unread
            self.dicts[f"{tag}_ret"] = held
            return ast.Name(id=f"{tag}_ret", ctx=ast.Load())
        return got


def _mutated_in_place_heldcheck38(fn: ast.FunctionDef) -> list[str]:
    """The parameters ``fn`` changes in place and never binds anew — scikit-learn's
    ``inplace_relu_derivative(Z, delta)`` with ``delta[Z == 0] = 0``, ``delta *= Z``: an array
    argument changed where the caller holds it."""
    params = [a.arg for a in fn.args.args]
    stores: list[ast.expr] = []
    for n in (n for st in fn.body for n in ast.walk(st)):
        if isinstance(n, ast.Assign):
            stores += n.targets
        elif isinstance(n, ast.AugAssign):
            stores.append(n.target)
    rebound = {
        t.id for n in (n for st in fn.body for n in ast.walk(st)) if isinstance(n, ast.Assign)
        for t in n.targets if isinstance(t, ast.Name)
    }

    def changed(p: str) -> bool:
        return any(
            (isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == p)
            or (isinstance(t, ast.Name) and t.id == p and any(
                isinstance(n, ast.AugAssign) and n.target is t for st in fn.body for n in ast.walk(st)))
            for t in stores
        )

    return [p for p in params if p not in rebound and changed(p)]


def _procedure(fn: ast.FunctionDef) -> bool:
    """Is ``fn`` a function the expression inliner does not read (:func:`_helper_body` refuses
    its body), to inline statement by statement?"""
    if fn.decorator_list:
        return False
    try:
        _helper_body(fn, fn.name, _Cell({}), [p.arg for p in fn.args.args])
    except FormulaError:
        return True
    return False


def _procedures_inlined_heldcheck36(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``stmts`` with the calls of the cell's procedures (:class:`_Procedures`) inlined, the
    other definitions first; ``stmts`` as they are where no procedure is called or one is not
    read."""
    funcs = {st.name: st for st in stmts if isinstance(st, ast.FunctionDef) and _procedure(st)}
    rest = [st for st in stmts if not (isinstance(st, ast.FunctionDef) and st.name in funcs)]
    if not funcs or not (_called(rest) & set(funcs)):
        return stmts
    inliner = _Procedures(funcs)
    inliner.grads = {  # Z2.g = … at the top, already read as Z2_grad (formula._gradient_attributes)
        n.id[: -len("_grad")] for st in rest for n in ast.walk(st)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and n.id.endswith("_grad")
    }
    defs = [st for st in rest if isinstance(st, ast.FunctionDef)]
    try:
        for st in rest:
            if isinstance(st, ast.FunctionDef):
                continue
            if isinstance(st, (ast.For, ast.While, ast.If, ast.With, ast.Try)) and _called([st]) & set(funcs):
                return stmts  # a procedure called inside a block: not read
            if isinstance(st, ast.Assign) and len(st.targets) == 1:
                value = inliner.expr(st.value, {}, None, set())
                t = st.targets[0]
                if isinstance(t, ast.Name) and isinstance(value, ast.Name) and value.id in inliner.dicts:
                    inliner.dicts[t.id] = inliner.dicts[value.id]  # grads = gradient(x, t)
                    continue
                inliner.assign(inliner.expr(t, {}, None, set()) if not isinstance(t, ast.Attribute) else t, value, {}, None, set())
                continue
            inliner.run([st], {}, None, set())
    except (_Unread, AttributeError, TypeError, KeyError, RecursionError):
        return stmts
    return defs + [ast.fix_missing_locations(st) for st in _without_unread_locals(inliner.out, inliner.locals)]


def _without_unread_locals(stmts: list[ast.stmt], local: set[str]) -> list[ast.stmt]:
    """``stmts`` without the assignments of a procedure's locals that nothing reads (fast.ai's
    ``diff = out[:, 0] - targ; loss = diff.pow(2).mean()`` inside ``forward_and_backward``)."""
    while True:
        read = {n.id for st in stmts for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        dead = [
            st for st in stmts
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and st.targets[0].id in local and st.targets[0].id not in read
        ]
        if not dead:
            return stmts
        stmts = [st for st in stmts if not any(st is d for d in dead)]


# ---- heldcheck36: steps held in dicts and lists, filled and read by whole numbers ----------------


class _Steps:
    """heldcheck36: :func:`_listed_steps_heldcheck35` widened to the forms of min-char-rnn and
    Nielsen's network.py — ``xs, hs = {}, {}`` filled by ``hs[-1] = np.copy(h_0)`` and ``xs[0],
    xs[1] = x_1, x_2`` (a dict's keys are whole numbers as written: ``hs[-1]`` is the entry -1),
    ``hs = {0: …, 1: h1}`` written out, ``nabla_w = [np.zeros(w.shape) for w in weights]`` of a
    listed name, an entry set as a step (``nabla_w[-1] = np.dot(…)``: a name of its own, read
    later as ``nabla_w[0]``), a loop over ``range(len(xs))`` or whole numbers whose index picks
    entries (``zs[-l]``, ``hs[t - 1]``) or decides a conditional expression (``dy = … if t == 1
    else …``)."""

    def __init__(self) -> None:
        self.held: dict[str, dict[int, ast.expr]] = {}  # name -> entries by key
        self.is_dict: dict[str, bool] = {}
        self.out: list[ast.stmt] = []
        self.count = 0
        self.read: set[str] = set()  # heldcheck37: the held names some later statement reads

    def key(self, name: str, k: int) -> int:
        items = self.held[name]
        if self.is_dict[name]:
            if k not in items:
                raise ValueError(name)
            return k
        n = len(items)
        if not -n <= k < n:
            raise ValueError(name)
        return k % n

    def define(self, name: str, value: ast.expr, env: dict[str, int]) -> bool:
        """``name = value`` defines entries: a list or dict written out (``{}`` empty), or a list
        comprehension over a listed name; True where it did."""
        if isinstance(value, ast.List) and value.elts:
            self.held[name], self.is_dict[name] = {k: self.items(e, env) for k, e in enumerate(value.elts)}, False
            return True
        if (  # heldcheck38: scikit-learn's deltas = [None] * len(activations), a list of k places
            isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult)
            and isinstance(value.left, ast.List) and len(value.left.elts) == 1
            and _literal_int(value.right) is not None and 0 < _literal_int(value.right) <= MAX_UNROLL  # type: ignore[operator]
        ):
            item = value.left.elts[0]
            self.held[name] = {k: self.items(item, env) for k in range(_literal_int(value.right))}  # type: ignore[arg-type]
            self.is_dict[name] = False
            return True
        if isinstance(value, ast.Dict) and all(k is not None and _literal_int(k) is not None for k in value.keys):
            self.held[name] = {_literal_int(k): self.items(v, env) for k, v in zip(value.keys, value.values)}  # type: ignore[misc, arg-type]
            self.is_dict[name] = True
            return True
        if (
            isinstance(value, ast.ListComp) and len(value.generators) == 1
            and not value.generators[0].ifs and not value.generators[0].is_async
            and isinstance(value.generators[0].target, ast.Name)
            and isinstance(value.generators[0].iter, ast.Name) and value.generators[0].iter.id in self.held
            and not self.is_dict[value.generators[0].iter.id]
        ):
            gen = value.generators[0]
            src = self.held[gen.iter.id]  # type: ignore[union-attr]
            self.held[name] = {
                k: _subst(copy.deepcopy(value.elt), {gen.target.id: src[k]}) for k in sorted(src)  # type: ignore[union-attr]
            }
            self.is_dict[name] = False
            return True
        return False

    def items(self, e: ast.expr, env: dict[str, int]) -> ast.expr:
        return _StepItems(self, env).visit(copy.deepcopy(e))

    def set_entry(self, t: ast.Subscript, value: ast.expr, env: dict[str, int]) -> None:
        name = t.value.id  # type: ignore[attr-defined]
        k = _folded_int(t.slice, *next(iter(env.items()))) if env else _literal_int(t.slice)
        if k is None:
            raise ValueError(name)
        if self.is_dict[name]:
            slot = k
        else:
            slot = self.key(name, k)
        self.count += 1
        fresh = f"{name}_{'m' if slot < 0 else ''}{abs(slot)}_{self.count}"
        self.out.append(ast.Assign([ast.Name(fresh, ast.Store())], value, lineno=0))
        self.held[name][slot] = ast.Name(fresh, ast.Load())

    def statement(self, st: ast.stmt, env: dict[str, int]) -> None:
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t, v = st.targets[0], st.value
            pairs = list(zip(t.elts, v.elts)) if (
                isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts)
            ) else [(t, v)]
            if all(isinstance(a, ast.Name) and (isinstance(b, (ast.List, ast.Dict, ast.ListComp)) or (
                isinstance(b, ast.BinOp) and isinstance(b.left, ast.List)
            )) for a, b in pairs):
                done = [self.define(a.id, b, env) for a, b in pairs]  # type: ignore[union-attr]
                self.read -= {a.id for a, _ in pairs}  # type: ignore[union-attr]  # defined anew: unread
                if all(done):
                    return
                if any(done):
                    raise ValueError("mixed")
            if all(
                isinstance(a, ast.Subscript) and isinstance(a.value, ast.Name) and a.value.id in self.held
                for a, _ in pairs
            ):
                values = [self.items(b, env) for _, b in pairs]
                for (a, _), b in zip(pairs, values):
                    self.set_entry(a, b, env)  # type: ignore[arg-type]
                return
        if isinstance(st, ast.For) and not st.orelse and isinstance(st.target, ast.Name):
            steps = self.steps(st.iter)
            if steps is not None:
                for value in steps:
                    for body_st in st.body:
                        self.statement(body_st, {**env, st.target.id: value})
                return
        self.out.append(_StepItems(self, env).visit(copy.deepcopy(st)))

    def steps(self, it: ast.expr) -> list[int] | None:
        """:func:`_int_steps_heldcheck35`, with ``len(xs)`` of a held name a number."""
        class Lens(ast.NodeTransformer):
            def visit_Call(inner, c: ast.Call) -> ast.AST:  # noqa: N802, N805
                inner.generic_visit(c)
                if (
                    isinstance(c.func, ast.Name) and c.func.id == "len" and len(c.args) == 1
                    and isinstance(c.args[0], ast.Name) and c.args[0].id in self.held
                ):
                    return ast.Constant(len(self.held[c.args[0].id]))
                return c

        return _int_steps_heldcheck35(Lens().visit(copy.deepcopy(it)))


class _StepItems(ast.NodeTransformer):
    """An expression with held entries put in (``hs[t - 1]`` at the pass's ``t``) and the
    passes' indices decided (``… if t == 1 else …``); a held name used otherwise, or an index
    used as a number: ValueError."""

    def __init__(self, steps: _Steps, env: dict[str, int]) -> None:
        self.steps, self.env = steps, env

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        if isinstance(node.value, ast.Name) and node.value.id in self.steps.held:
            self.steps.read.add(node.value.id)
            k = _literal_int(node.slice)
            for var, value in self.env.items():
                k = _folded_int(node.slice, var, value) if k is None else k
            if k is None:
                raise ValueError(node.value.id)
            return copy.deepcopy(self.steps.held[node.value.id][self.steps.key(node.value.id, k)])
        self.generic_visit(node)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:  # noqa: N802
        test = _subst(copy.deepcopy(node.test), {v: ast.Constant(k) for v, k in self.env.items()})
        truth = _static_truth(test)
        if truth is None:
            self.generic_visit(node)
            return node
        return self.visit(node.body if truth else node.orelse)

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802
        if node.id in self.env or node.id in self.steps.held:
            raise ValueError(node.id)  # an index used as a number; a held name used whole
        return node


def _held_steps_heldcheck36(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``stmts`` read by :class:`_Steps` where a dict of whole-number keys or a list is held and
    read by index; ``stmts`` as they are where none is, or one is used otherwise."""
    if not any(
        isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
        for st in stmts for n in ast.walk(st)
    ):
        return stmts
    steps = _Steps()
    try:
        for st in stmts:
            if isinstance(st, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
                steps.out.append(st)
                continue
            steps.statement(st, {})
    except (ValueError, IndexError, KeyError, RecursionError):
        return stmts
    if not steps.held or len(steps.out) > 8 * MAX_UNROLL or _answer_names_heldcheck37(stmts) & (set(steps.held) - steps.read):
        return stmts  # heldcheck37: a list nothing reads (dw = [[d * xi for xi in x[0]]]) is the answer
    return [ast.fix_missing_locations(st) for st in steps.out]


def _zip_rows_heldcheck36(st: ast.For, tensors: set[str] | frozenset[str]) -> ast.For:
    """``for x_i, z_i, y_i in zip(X, Z1, Y):`` (``for x_i in X:``) — the rows of the network's
    tensors — as ``for i in range(len(X)):`` with ``X[i]`` put in for ``x_i``: the per-example loop the
    readers know (:func:`_summed_loop_heldcheck34`); any other loop as it is."""
    it, t = st.iter, st.target
    if st.orelse:
        return st
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "zip" and not it.keywords:
        sources = it.args
        names = t.elts if isinstance(t, ast.Tuple) else []
    elif isinstance(it, ast.Name):
        sources, names = [it], [t]
    else:
        return st
    if (
        not sources or len(names) != len(sources)
        or not all(isinstance(x, ast.Name) for x in [*sources, *names])
        or not all(x.id in tensors for x in sources)  # type: ignore[union-attr]
    ):
        return st
    i = "i_row"
    if any(isinstance(n, ast.Name) and n.id == i for b in st.body for n in ast.walk(b)):
        return st
    env = {n.id: ast.Subscript(ast.Name(x.id, ast.Load()), ast.Name(i, ast.Load()), ast.Load())  # type: ignore[union-attr]
           for n, x in zip(names, sources)}
    body = [Subst(env).visit(copy.deepcopy(b)) for b in st.body]
    rng = ast.Call(ast.Name("range", ast.Load()), [
        ast.Call(ast.Name("len", ast.Load()), [ast.Name(sources[0].id, ast.Load())], [])], [])  # type: ignore[union-attr]
    return ast.fix_missing_locations(ast.For(ast.Name(i, ast.Store()), rng, body, [], lineno=st.lineno))


# ---- heldcheck37: the sizes of a cell's own arrays, as sizes of the network's tensors -------------

_ELEMENTWISE_HELDCHECK37 = frozenset(
    {"exp", "log", "tanh", "sigmoid", "relu", "abs", "sqrt", "square", "sign", "maximum", "minimum",
     "where", "clip", "copy", "negative", "expit"}
)


class _Rows:
    """The size along axis 0 or 1 of an expression of the cell, as ``T.shape[k]`` of a tensor of
    the network, followed through the cell's own names (their last assignment so far): a
    product ``a @ b`` has a's rows and b's columns, ``.T`` swaps them, ``np.ones((r, c))``
    has r and c, an element-wise function or an operation with a number keeps its operand's,
    two arrays added (or multiplied) where both sides give the same size. None where it is not
    certain (a broadcast of a row against a matrix, an unknown call)."""

    def __init__(self, tensors: set[str] | frozenset[str]) -> None:
        self.tensors = tensors
        self.defs: dict[str, ast.expr] = {}  # a version of a name ("A#2") -> its value (versions in it)
        self.now: dict[str, str] = {}  # a name -> its version so far (A = np.maximum(0, A) reads the old A)

    def current(self, e: ast.expr) -> ast.expr:
        """``e`` with each name of the cell its version so far."""
        return Subst({k: ast.Name(v, ast.Load()) for k, v in self.now.items()}).visit(copy.deepcopy(e))

    def assign(self, name: str, value: ast.expr | None) -> None:
        if value is None:
            self.now.pop(name, None)
            return
        version = f"{name}#{len(self.defs)}"
        self.defs[version] = self.current(value)
        self.now[name] = version

    def known(self, name: str) -> bool:
        return name in self.now

    def sized(self, e: ast.expr) -> ast.expr | None:
        """A name of the cell holding a size (``N = X.shape[0]``): that size; else None."""
        seen = 0
        while isinstance(e, ast.Name) and e.id in self.defs and seen < 40:
            e, seen = self.defs[e.id], seen + 1
        if (
            isinstance(e, ast.Subscript) and isinstance(e.value, ast.Attribute) and e.value.attr == "shape"
            and isinstance(e.value.value, ast.Name) and e.value.value.id in self.tensors
        ):
            return e
        return None

    def size(self, e: ast.expr, axis: int, depth: int = 0) -> ast.expr | None:
        if depth > 40:
            return None
        d = depth + 1
        if isinstance(e, ast.Name):
            if e.id in self.tensors:
                return ast.Subscript(ast.Attribute(ast.Name(e.id, ast.Load()), "shape", ast.Load()), ast.Constant(axis), ast.Load())
            if e.id in self.defs:
                return self.size(self.defs[e.id], axis, d)
            return None
        if isinstance(e, ast.Attribute) and e.attr == "T":
            return self.size(e.value, 1 - axis, d)
        if isinstance(e, ast.UnaryOp):
            return self.size(e.operand, axis, d)
        if isinstance(e, ast.BinOp):
            if isinstance(e.op, ast.MatMult):
                return self.size(e.left if axis == 0 else e.right, axis, d)
            if isinstance(e.left, ast.Constant):
                return self.size(e.right, axis, d)
            if isinstance(e.right, ast.Constant):
                return self.size(e.left, axis, d)
            a, b = self.size(e.left, axis, d), self.size(e.right, axis, d)
            return a if a is not None and b is not None and ast.dump(a) == ast.dump(b) else None
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute):
            name = e.func.attr
            if name in ("ones", "zeros") and len(e.args) == 1 and isinstance(e.args[0], ast.Tuple) and len(e.args[0].elts) == 2:
                got = e.args[0].elts[axis]
                return self.sized(got) or got
            if name in ("dot", "matmul") and len(e.args) == 2:
                return self.size(ast.BinOp(e.args[0], ast.MatMult(), e.args[1]), axis, d)
            if name in _ELEMENTWISE_HELDCHECK37 and e.args:
                arrays = [a for a in e.args if not isinstance(a, (ast.Constant, ast.UnaryOp))]
                sizes = [self.size(a, axis, d) for a in arrays]
                if sizes and all(x is not None and ast.dump(x) == ast.dump(sizes[0]) for x in sizes):  # type: ignore[union-attr]
                    return sizes[0]
        return None


def _local_sizes_heldcheck37(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:
    """MyTorch's ``self.N = A.shape[0]; self.Ones = np.ones((self.N, 1))`` once its object is
    inlined (``layer2_N = layer1_ret.shape[0]``): ``NAME.shape[k]`` (``len(NAME)``,
    ``NAME.shape`` unpacked into two names) of one of the cell's own arrays written as the size
    of a tensor of the network that it has (:class:`_Rows`); where no size is certain, as
    written."""
    if not tensors:
        return stmts
    rows = _Rows(tensors)
    out: list[ast.stmt] = []

    class Sizes(ast.NodeTransformer):
        def visit_Subscript(inner, n: ast.Subscript) -> ast.AST:  # noqa: N802, N805
            inner.generic_visit(n)
            v = n.value
            if (
                isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name)
                and rows.known(v.value.id) and isinstance(n.slice, ast.Constant) and n.slice.value in (0, 1)
            ):
                got = rows.size(rows.current(v.value), n.slice.value)
                return copy.deepcopy(got) if got is not None else n
            return n

        def visit_Name(inner, n: ast.Name) -> ast.AST:  # noqa: N802, N805
            got = rows.sized(rows.current(n)) if isinstance(n.ctx, ast.Load) and rows.known(n.id) else None
            return copy.deepcopy(got) if got is not None else n

        def visit_Call(inner, c: ast.Call) -> ast.AST:  # noqa: N802, N805
            inner.generic_visit(c)
            if (
                isinstance(c.func, ast.Name) and c.func.id == "len" and len(c.args) == 1
                and isinstance(c.args[0], ast.Name) and rows.known(c.args[0].id)
            ):
                got = rows.size(rows.current(c.args[0]), 0)
                return copy.deepcopy(got) if got is not None else c
            return c

    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t, v = st.targets[0], st.value
            if (
                isinstance(t, ast.Tuple) and len(t.elts) == 2 and all(isinstance(x, ast.Name) for x in t.elts)
                and isinstance(v, ast.Attribute) and v.attr == "shape"
            ):  # self.N, self.C = A.shape
                parts = [ast.Subscript(copy.deepcopy(v), ast.Constant(k), ast.Load()) for k in (0, 1)]
                for x, part in zip(t.elts, parts):
                    value = Sizes().visit(part)
                    out.append(ast.Assign([ast.Name(x.id, ast.Store())], value, lineno=0))  # type: ignore[attr-defined]
                    rows.assign(x.id, value)  # type: ignore[attr-defined]
                continue
            st = Sizes().visit(st)
            if isinstance(t, ast.Name) and t.id not in tensors:
                rows.assign(t.id, st.value)  # type: ignore[attr-defined]
            else:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        rows.assign(n.id, None)
            out.append(st)
            continue
        if isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name):
            out.append(Sizes().visit(st))
            rows.assign(st.target.id, None)  # an in-place change: its size no longer followed
            continue
        out.append(Sizes().visit(st) if not isinstance(st, (ast.FunctionDef, ast.ClassDef, ast.For)) else st)
    return [ast.fix_missing_locations(st) for st in out]


# ---- heldcheck37: pure Python over a row: [[d * xi for xi in x[0]]], [[e * hj] for hj in h[0]] ------

_ROW_ELEMENTWISE_HELDCHECK37 = frozenset({"exp", "log", "tanh", "sigmoid", "sqrt", "abs", "expit", "float"})


def _elementwise_in(e: ast.expr, var: str) -> bool:
    """Does ``var`` appear in ``e`` only under element-wise operations (+ − × ÷ **, a unary
    sign, exp/log/tanh/…), so that ``e`` of the whole row is the row of ``e`` of its entries?"""
    parents: dict[int, ast.AST] = {}
    for n in ast.walk(e):
        for c in ast.iter_child_nodes(n):
            parents[id(c)] = n
    for n in ast.walk(e):
        if isinstance(n, ast.Name) and n.id == var:
            p = parents.get(id(n))
            while p is not None:
                if isinstance(p, ast.BinOp) and isinstance(p.op, ast.MatMult):
                    return False
                if isinstance(p, ast.Call):
                    f = p.func
                    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
                    if name not in _ROW_ELEMENTWISE_HELDCHECK37 or p.keywords or len(p.args) != 1:
                        return False
                elif not isinstance(p, (ast.BinOp, ast.UnaryOp)):
                    return False
                p = parents.get(id(p))
    return True


def _row_comprehension_heldcheck37(value: ast.expr) -> ast.expr | None:
    """``[[f(xi) for xi in x[0]]]`` — the entries of the one row of ``x`` made into a row — as
    ``f(x[0:1, :])``, and ``[[f(hj)] for hj in h[0]]`` (each entry a row of its own: a column)
    as ``f(h[0:1, :]).T``, where ``f`` is element-wise in the loop's name; else None."""
    wrap_row = isinstance(value, ast.List) and len(value.elts) == 1 and isinstance(value.elts[0], ast.ListComp)
    comp = value.elts[0] if wrap_row else value  # type: ignore[attr-defined]
    if not (isinstance(comp, ast.ListComp) and len(comp.generators) == 1):
        return None
    gen = comp.generators[0]
    it = gen.iter
    if (
        gen.ifs or gen.is_async or not isinstance(gen.target, ast.Name)
        or not (isinstance(it, ast.Subscript) and isinstance(it.value, ast.Name) and _literal_int(it.slice) == 0)
    ):
        return None
    elt = comp.elt
    column = not wrap_row and isinstance(elt, ast.List) and len(elt.elts) == 1
    if wrap_row == column:
        return None
    inner = elt.elts[0] if column else elt  # type: ignore[attr-defined]
    if not _elementwise_in(inner, gen.target.id) or any(isinstance(n, (ast.List, ast.ListComp, ast.GeneratorExp)) for n in ast.walk(inner)):
        return None
    row = ast.Subscript(
        ast.Name(it.value.id, ast.Load()),
        ast.Tuple([ast.Slice(ast.Constant(0), ast.Constant(1), None), ast.Slice(None, None, None)], ast.Load()),
        ast.Load(),
    )
    out = Subst({gen.target.id: row}).visit(copy.deepcopy(inner))
    return ast.Attribute(out, "T", ast.Load()) if column else out


def _row_comprehensions_heldcheck37(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Each ``name = [[f(xi) for xi in x[0]]]`` (:func:`_row_comprehension_heldcheck37`) as the
    row (column) it builds; other statements as they are."""
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            made = _row_comprehension_heldcheck37(st.value)
            if made is not None:
                st = ast.fix_missing_locations(ast.Assign(st.targets, made, lineno=0))
        out.append(st)
    return out


# ---- heldcheck42: results written through out=, np.copyto, tapes only checked ----------------------

_EMPTY_HELDCHECK42 = re.compile(r"^(?:np|numpy|torch|jnp)\.(?:empty|empty_like|zeros|zeros_like|ndarray)$")


def _reads(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for n in ast.walk(node))


def _is_none_heldcheck42(v: ast.expr) -> bool:
    """``out=None``: NumPy's default, no buffer written (the answer's own value)."""
    return isinstance(v, ast.Constant) and v.value is None


def _out_written_heldcheck42(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck42: a result written into a buffer — ``np.matmul(A1.T, dZ2, out=dW2)``,
    ``np.divide(dW1, m, out=dW1)``, ``np.sum(dZ2, axis=0, keepdims=True, out=db2)``,
    ``np.copyto(dW2, A1.T @ dZ2 / m)`` on a line of its own — is the assignment it makes
    (``dW2 = np.matmul(A1.T, dZ2)``); a buffer made for it (``dW2 = np.empty_like(W2)``,
    ``np.zeros(…)``) that nothing reads before it is overwritten is left out. In function and
    loop bodies too."""
    out: list[ast.stmt] = []
    fresh: set[str] = set()  # names last assigned a new array here (no alias of another one)
    for st in stmts:
        if isinstance(st, (ast.FunctionDef, ast.With)):  # not a loop's body: its names may alias
            st.body = _out_written_heldcheck42(st.body)
        if isinstance(st, ast.For):  # for dparam in [dWxh, …]: np.clip(…, out=dparam) writes dWxh
            fresh -= _stored(st)
        v = st.value if isinstance(st, ast.Expr) else None
        if isinstance(v, ast.Call) and isinstance(v.func, (ast.Attribute, ast.Name)):
            func = ast.unparse(v.func)
            outs = [k for k in v.keywords if k.arg == "out"]
            if (
                len(outs) == 1 and isinstance(outs[0].value, ast.Name) and outs[0].value.id in fresh
                and func.split(".")[0] in ("np", "numpy", "torch", "jnp")
            ):
                call = ast.Call(v.func, v.args, [k for k in v.keywords if k.arg != "out"])
                st = ast.copy_location(ast.Assign([ast.Name(outs[0].value.id, ast.Store())], call), st)
            elif (
                func in ("np.copyto", "numpy.copyto") and len(v.args) == 2 and not v.keywords
                and isinstance(v.args[0], ast.Name) and v.args[0].id in fresh
            ):
                st = ast.copy_location(ast.Assign([ast.Name(v.args[0].id, ast.Store())], v.args[1]), st)
        if isinstance(st, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and not isinstance(st, ast.For):
            value = st.value
            for name in _stored(st):
                if (
                    isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                    and value is not None and not isinstance(value, (ast.Name, ast.Subscript, ast.Attribute))
                ):
                    fresh.add(name)
                elif not isinstance(st, ast.AugAssign):
                    fresh.discard(name)
            # a name assigned to another (b = dW2) aliases it: neither is fresh any more
            if isinstance(value, ast.Name):
                fresh.discard(value.id)
        out.append(ast.fix_missing_locations(st))
    for st in out:  # one left (a loop's name, an alias): it writes an array the reader cannot follow
        for n in ast.walk(st):
            if isinstance(st, ast.FunctionDef):
                break
            if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call) and (
                any(k.arg == "out" and not _is_none_heldcheck42(k.value) for k in n.value.keywords)
                or ast.unparse(n.value.func) in ("np.copyto", "numpy.copyto")
            ):
                raise FormulaError(msg("heldcheck3.statement", kind="out="))
    kept: list[ast.stmt] = []
    for k, st in enumerate(out):
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and _EMPTY_HELDCHECK42.match(ast.unparse(st.value.func))
        ):
            name = st.targets[0].id
            nxt = next((s for s in out[k + 1:] if _reads(s, name) or _assigns(s, name)), None)
            if (
                isinstance(nxt, ast.Assign) and len(nxt.targets) == 1 and isinstance(nxt.targets[0], ast.Name)
                and nxt.targets[0].id == name and not _reads(nxt.value, name)
            ):
                continue  # dW2 = np.empty_like(W2) overwritten whole before it is read
        kept.append(st)
    return kept


def _assigns(st: ast.stmt, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(st))


def _checked_tapes_heldcheck42(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck42: ``with tf.GradientTape() as tape: loss = …`` then ``auto = tape.gradient(loss,
    W2)`` read only by a check (``tf.debugging.assert_near(dW2, auto)``, ``print(np.allclose(dW,
    auto))``, ``np.testing.assert_allclose``, ``assert``) — the notebook compares its hand gradient
    with the tape's, and the answer is the hand one: the block and the tape's gradients are left
    out, provided nothing else reads them (a tape's gradient the answer reads stays, for the
    refusal). JAX's ``_, vjp_fn = jax.vjp(f, W1)`` / ``(dW1_check,) = vjp_fn(1.0)`` read only by a
    check likewise."""
    def names_in(t: ast.expr) -> set[str]:
        return {n.id for n in ast.walk(t) if isinstance(n, ast.Name)}

    quiet_reads = {n.id for st in stmts if _quiet(st) for n in ast.walk(st) if isinstance(n, ast.Name)}
    drop: set[int] = set()
    for k, st in enumerate(stmts):
        if not (
            isinstance(st, ast.With) and len(st.items) == 1 and isinstance(st.items[0].context_expr, ast.Call)
            and ast.unparse(st.items[0].context_expr.func) in _TAPES
            and isinstance(st.items[0].optional_vars, ast.Name)
        ):
            continue
        tape = st.items[0].optional_vars.id
        inside = {n for b in st.body for n in _stored(b)}
        uses = [j for j, s in enumerate(stmts) if j != k and (_reads(s, tape) or inside & _loaded(s))]
        ok = all(
            isinstance(stmts[j], ast.Assign) and len(stmts[j].targets) == 1
            and isinstance(stmts[j].value, ast.Call) and ast.unparse(stmts[j].value.func) in (f"{tape}.gradient", f"{tape}.jacobian")
            for j in uses
        )
        got = {n for j in uses for n in names_in(stmts[j].targets[0])} if ok else set()
        if ok and uses and _only_checked(stmts, got, set(uses) | {k}, quiet_reads):
            drop |= set(uses) | {k}
    for k, st in enumerate(stmts):  # _, vjp_fn = jax.vjp(…); (g,) = vjp_fn(1.0), only checked
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.value, ast.Call)
            and ast.unparse(st.value.func) in ("jax.vjp", "vjp") and isinstance(st.targets[0], ast.Tuple)
            and len(st.targets[0].elts) == 2 and isinstance(st.targets[0].elts[1], ast.Name)
        ):
            fn = st.targets[0].elts[1].id
            uses = [j for j, s in enumerate(stmts) if j != k and _reads(s, fn)]
            if uses and all(
                isinstance(stmts[j], ast.Assign) and len(stmts[j].targets) == 1 and isinstance(stmts[j].value, ast.Call)
                and ast.unparse(stmts[j].value.func) == fn for j in uses
            ):
                got = {n for j in uses for n in names_in(stmts[j].targets[0])}
                if _only_checked(stmts, got, set(uses) | {k}, quiet_reads):
                    drop |= set(uses) | {k}
    return [st for k, st in enumerate(stmts) if k not in drop] if drop else stmts


def _stored(st: ast.stmt) -> set[str]:
    return {n.id for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _loaded(st: ast.stmt) -> set[str]:
    return {n.id for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _only_checked(stmts: list[ast.stmt], names: set[str], skip: set[int], quiet_reads: set[str]) -> bool:
    """Are ``names`` (less ``_``) read by a check and by no other statement outside ``skip``?"""
    names = names - {"_"}
    if not names or not names & quiet_reads:
        return False
    return not any(names & _loaded(s) for j, s in enumerate(stmts) if j not in skip and not _quiet(s))


# ---- heldcheck42: per-example gradients collected in a list, then reduced over it ---------------

_LIST_REDUCE_HELDCHECK42 = re.compile(r"^(?:np|numpy|jnp|torch)\.(?:sum|mean|add\.reduce)$|^sum$")


class _ListReduced(ast.NodeTransformer):
    """``np.sum([E for i in range(R)], axis=0)`` (``np.add.reduce([…])``, its default axis 0;
    the builtin ``sum([…])``) as ``sum(E for i in range(R))``, the per-example sum the reader
    knows; ``np.mean([…], axis=0)`` that sum over ``R``. Any other axis (or none, for np.sum:
    every entry) is left as written."""

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        func = ast.unparse(node.func)
        items = _listed_reduced_heldcheck42(node, func)
        if items is not None:
            return items
        if not (_LIST_REDUCE_HELDCHECK42.match(func) and len(node.args) in (1, 2) and isinstance(node.args[0], ast.ListComp)):
            return node
        comp = node.args[0]
        if len(comp.generators) != 1 or comp.generators[0].ifs or comp.generators[0].is_async:
            return node
        gen = comp.generators[0]
        if not (isinstance(gen.target, ast.Name) and isinstance(gen.iter, ast.Call)
                and isinstance(gen.iter.func, ast.Name) and gen.iter.func.id == "range" and len(gen.iter.args) == 1):
            return node
        axis = node.args[1] if len(node.args) == 2 else next((k.value for k in node.keywords if k.arg == "axis"), None)
        if any(k.arg not in ("axis",) for k in node.keywords):
            return node
        default0 = func.endswith("add.reduce") or func == "sum"
        if not ((axis is None and default0) or (isinstance(axis, ast.Constant) and axis.value == 0)):
            return node
        total = ast.Call(ast.Name("sum", ast.Load()), [ast.GeneratorExp(comp.elt, comp.generators)], [])
        if func.endswith("mean"):
            return ast.BinOp(total, ast.Div(), copy.deepcopy(gen.iter.args[0]))
        return total


def _appended_rows_heldcheck42(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """heldcheck42: per-example SGD gradients averaged — ``per_example = []``, ``for i in range(m):
    per_example.append(np.outer(A1[i], A2[i] - Y[i]))``, then ``dW2 = np.mean(per_example,
    axis=0)`` — is the list comprehension ``[np.outer(…) for i in range(m)]`` where the list is
    reduced, then :class:`_ListReduced`'s sum. Only a loop of one ``append`` into a list made
    empty just before it, the list read nowhere but as the first argument of a reduction."""
    out: list[ast.stmt] = list(stmts)
    k = 0
    while k + 1 < len(out):
        a, loop = out[k], out[k + 1]
        if (
            isinstance(a, ast.Assign) and len(a.targets) == 1 and isinstance(a.targets[0], ast.Name)
            and isinstance(a.value, ast.List) and not a.value.elts
            and isinstance(loop, ast.For) and not loop.orelse and len(loop.body) == 1
            and isinstance(loop.body[0], ast.Expr) and isinstance(loop.body[0].value, ast.Call)
            and ast.unparse(loop.body[0].value.func) == f"{a.targets[0].id}.append"
            and len(loop.body[0].value.args) == 1
        ):
            name = a.targets[0].id
            comp = ast.ListComp(loop.body[0].value.args[0], [ast.comprehension(loop.target, loop.iter, [], 0)])
            rest = out[k + 2:]
            reductions = [
                n for st in rest for n in ast.walk(st)
                if isinstance(n, ast.Call) and _LIST_REDUCE_HELDCHECK42.match(ast.unparse(n.func))
                and n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == name
            ]
            reads = sum(isinstance(n, ast.Name) and n.id == name for st in rest for n in ast.walk(st))
            if reductions and reads == len(reductions) and not _reads(comp, name):
                for n in reductions:
                    n.args[0] = copy.deepcopy(comp)
                out = out[:k] + [ast.fix_missing_locations(st) for st in rest]
                continue
        k += 1
    return [ast.fix_missing_locations(_ListReduced().visit(st)) for st in out]


def _listed_reduced_heldcheck42(node: ast.Call, func: str) -> ast.expr | None:
    """``np.add.reduce([dv, x])`` (``np.sum([…], axis=0)``) of a written-out list: its items
    added, ``dv + x``; ``np.multiply.reduce([dv, x])`` (``np.prod([…], axis=0)``) their product
    — the reduction runs along the list (axis 0 unless another is given: then None, as written)."""
    if not (node.args and isinstance(node.args[0], (ast.List, ast.Tuple)) and len(node.args[0].elts) >= 2):
        return None
    if any(isinstance(e, ast.Starred) for e in node.args[0].elts):
        return None
    axis = node.args[1] if len(node.args) == 2 else next((k.value for k in node.keywords if k.arg == "axis"), None)
    if len(node.args) > 2 or any(k.arg != "axis" for k in node.keywords):
        return None
    zero = isinstance(axis, ast.Constant) and axis.value == 0
    m = re.fullmatch(r"(?:np|numpy)\.(add|multiply)\.reduce|(?:np|numpy)\.(sum|prod)", func)
    if m is None or not (zero or (axis is None and m.group(1))):
        return None
    op = ast.Add() if (m.group(1) or m.group(2)) in ("add", "sum") else ast.Mult()
    out = node.args[0].elts[0]
    for e in node.args[0].elts[1:]:
        out = ast.BinOp(out, op, e)
    return out
