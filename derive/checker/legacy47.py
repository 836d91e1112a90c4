"""heldcheck47: spellings of the forty-seventh held-out corpus (tests/corpus47.py) the code reader
learns, kept in one module so that derive/checker/cells.py and formula.py each call it from one
line (as derive/checker/legacy46.py).

Statement level (:func:`rewritten`, run by formula's reader on the answer's text before
``cells.expand``: the code it returns is plain code the cell reader and the formula reader know);
every rewrite is of the code as Python runs it, and a statement it cannot rewrite exactly is left
as written (the reader then names what it does not read):

- helpers with keyword-only or positional-only parameters (``def f(x, /, *, err, n_rows)``) as
  plain parameters (a keyword-only one passed by its name, as Python requires);
- helpers defined inside a helper (``def backward(X, Y): def relu_grad(z): …``) moved out before
  it when they read none of the outer helper's own names;
- the walrus ``(dZ2 := A2 - Y)`` inside a line as an assignment before that line (not inside a
  lambda, a comprehension, a conditional expression or ``and``/``or``, where Python may not run it);
- ``match`` on a literal (or a name bound once to one): the body of the case Python takes
  (literal, sequence, ``|`` and ``_`` patterns without guards), the name's line left out when
  nothing else reads it;
- ``functools.reduce(f, [a, b, c][, init])`` over a written-out list as ``f(f(a, b), c)`` (a
  lambda ``f`` applied to its arguments, ``t[0]`` of a written-out tuple read as its entry);
  ``reduce(np.add, A)`` over an array as the sum of its rows, ``np.sum(A, axis=0)``;
- a lambda called where it is written, ``(lambda a, d: a.T @ d)(A1, dZ2)``, as its body with the
  arguments in place (``len`` of an array expression then read as its ``.shape[0]``); ``f(*[a, b])``
  as ``f(a, b)``; ``namedtuple('Step', 'h_prev h dz')`` as with the list of fields, and its records
  built once and read by field (``s1 = Step(h_0, h_1, s2.dz @ …)``) read as the expressions given;
  ``np.tensordot(np.ones(d), E, axes=1)[None, :]`` as ``np.ones((1, d)) @ E``;
- ``while`` loops over a counter set to a whole number before the loop, compared with a whole
  number and stepped by a whole number at the end of the body, unrolled (at most 64 rounds;
  ``if`` tests that are then whole-number comparisons decided, ``t - 1`` inside a subscript
  computed).

Text level (:func:`text_spellings`): ``paddle.mean(x)`` / ``paddle.sum(x)`` of one argument as
NumPy's (with an axis they were read already); CuPy's ``cp.tensordot`` as NumPy's.
"""

from __future__ import annotations

import ast
import copy
import operator
import re

from derive.checker.asttools import Subst, in_order, rewritten_by

_MAX_ROUNDS = 64


def _free_loads(fn: ast.FunctionDef) -> set[str]:
    own = {a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)}
    own |= {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    return {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} - own


def _bound_in(fn: ast.FunctionDef) -> set[str]:
    """The names the helper binds itself: its parameters and every name it assigns."""
    own = {a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)}
    for st in fn.body:
        if isinstance(st, ast.FunctionDef):
            continue
        own |= {n.id for n in ast.walk(st) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    return own


def _plain_parameters(fn: ast.FunctionDef) -> None:
    """``def f(x, /, *, err, n_rows)`` as ``def f(x, err, n_rows)`` (in place) where that keeps
    every call meaning the same: no ``*args``/``**kw``; keyword-only parameters without a
    default only where no positional one has a default (they go after the positional ones)."""
    a = fn.args
    if a.vararg is not None or a.kwarg is not None or not (a.posonlyargs or a.kwonlyargs):
        return
    positional = [*a.posonlyargs, *a.args]
    required = [p for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
    optional = [(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
    if required and a.defaults:
        return
    fn.args = ast.arguments(
        posonlyargs=[], args=[*positional, *required, *(p for p, _ in optional)], vararg=None,
        kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[*a.defaults, *(d for _, d in optional)],
    )


def _called_as_declared(fn: ast.FunctionDef, stmts: list[ast.stmt]) -> bool:
    """Does every call of ``fn`` in the cell pass its keyword-only parameters by name and its
    positional-only ones by position (what Python requires; a call it would refuse stays as is)?"""
    a = fn.args
    positional = len(a.posonlyargs) + len(a.args)
    posonly = {p.arg for p in a.posonlyargs}
    for st in stmts:
        for n in ast.walk(st):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == fn.name:
                if len(n.args) > positional or any(isinstance(x, ast.Starred) for x in n.args):
                    return False
                if any(k.arg is None or k.arg in posonly for k in n.keywords):
                    return False
    return True


def _helpers(stmts: list[ast.stmt]) -> list[ast.stmt]:
    def names(st: ast.stmt) -> set[str]:
        return {n.id for n in ast.walk(st) if isinstance(n, ast.Name)} | {
            n.name for n in ast.walk(st) if isinstance(n, ast.FunctionDef)}

    out: list[ast.stmt] = []
    for k, st in enumerate(stmts):
        if not isinstance(st, ast.FunctionDef):
            out.append(st)
            continue
        # the names the rest of the cell uses: a helper moved out must not meet one of them
        taken = {n for j, other in enumerate(stmts) if j != k for n in names(other)}
        for fn in [st, *(s for s in st.body if isinstance(s, ast.FunctionDef))]:
            if _called_as_declared(fn, stmts):
                _plain_parameters(fn)
        inner = [s for s in st.body if isinstance(s, ast.FunctionDef)]
        bound = _bound_in(st)
        movable = [
            s for s in inner
            if not s.decorator_list and not (_free_loads(s) & bound) and s.name not in taken
            and sum(isinstance(t, ast.FunctionDef) and t.name == s.name for t in st.body) == 1
        ]
        if movable and len(movable) == len(inner):
            st.body = [s for s in st.body if s not in movable]
            out.extend(_helpers(movable))
            taken |= {s.name for s in movable}
        out.append(st)
    return out


# ---- the walrus ------------------------------------------------------------------------------


def _unsafe_walrus(node: ast.AST) -> bool:
    """A walrus Python may not run (or runs in another scope): inside a lambda, a comprehension,
    a conditional expression or ``and``/``or``."""
    for n in ast.walk(node):
        if isinstance(n, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.IfExp, ast.BoolOp)):
            if any(isinstance(m, ast.NamedExpr) for m in ast.walk(n)):
                return True
    return False


class _Walrus(ast.NodeTransformer):
    def __init__(self) -> None:
        self.hoisted: list[ast.stmt] = []

    def visit_NamedExpr(self, node: ast.NamedExpr) -> ast.AST:  # noqa: N802
        value = self.visit(node.value)  # inner ones first: Python evaluates them first
        self.hoisted.append(ast.Assign([ast.Name(node.target.id, ast.Store())], value))
        return ast.Name(node.target.id, ast.Load())


def _walrus(stmts: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.FunctionDef):
            st.body = _walrus(st.body)
            out.append(st)
            continue
        targets = {n.target.id for n in ast.walk(st) if isinstance(n, ast.NamedExpr)}
        read = {n.id for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        if (
            isinstance(st, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return))
            and targets and not targets & read  # W + (W := …) reads the old W first: as written
            and not _unsafe_walrus(st)
        ):
            w = _Walrus()
            st = w.visit(st)
            out.extend(w.hoisted)
        out.append(st)
    return out


# ---- match on a literal ------------------------------------------------------------------------

_NO = object()


def _literal(e: ast.expr) -> object:
    try:
        v = ast.literal_eval(e)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _NO
    return v if isinstance(v, (str, int, float, tuple, bool)) or v is None else _NO


def _matches(p: ast.pattern, v: object) -> bool | None:
    """Does pattern ``p`` match the value ``v`` (None: a pattern not decided here)?"""
    if isinstance(p, ast.MatchValue):
        lit = _literal(p.value)
        if lit is _NO or isinstance(lit, bool) != isinstance(v, bool):
            return None  # case 1: against True (equal in Python): not decided here
        return (type(lit) is type(v) or {type(lit), type(v)} <= {int, float}) and lit == v
    if isinstance(p, ast.MatchSingleton):
        return p.value is v
    if isinstance(p, ast.MatchAs) and p.pattern is None and p.name is None:
        return True
    if isinstance(p, ast.MatchOr):
        got = [_matches(q, v) for q in p.patterns]
        return None if None in got else any(got)
    if isinstance(p, ast.MatchSequence) and not any(isinstance(q, ast.MatchStar) for q in p.patterns):
        if not isinstance(v, tuple) or len(v) != len(p.patterns):
            return False if isinstance(v, tuple) else (None if not isinstance(v, str) else False)
        got = [_matches(q, x) for q, x in zip(p.patterns, v)]
        return None if None in got else all(got)
    return None


def _matched(stmts: list[ast.stmt]) -> list[ast.stmt]:
    literals: dict[str, tuple[int, object]] = {}
    out: list[ast.stmt] = []
    dropped: set[int] = set()
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            lit = _literal(st.value)
            name = st.targets[0].id
            if lit is not _NO:
                literals[name] = (len(out), lit)
            else:
                literals.pop(name, None)
        elif not isinstance(st, ast.Match):
            for n in ast.walk(st):
                if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
                    literals.pop(n.id, None)
        if isinstance(st, ast.Match):
            subject, where = _literal(st.subject), None
            if subject is _NO and isinstance(st.subject, ast.Name) and st.subject.id in literals:
                where, subject = literals[st.subject.id]
            if subject is not _NO and all(c.guard is None for c in st.cases):
                got = [_matches(c.pattern, subject) for c in st.cases]
                first = next((k for k, g in enumerate(got) if g is not False), None)
                if first is None or got[first] is True:  # decided: the case Python takes
                    out.extend(st.cases[first].body if first is not None else [])
                    if where is not None:
                        dropped.add(where)
                    continue
        out.append(st)
    if dropped:
        names = {k: out[k].targets[0].id for k in dropped}  # type: ignore[attr-defined]
        keep = []
        for k, st in enumerate(out):
            if k in names and not any(
                isinstance(n, ast.Name) and n.id == names[k] and isinstance(n.ctx, ast.Load)
                for j, other in enumerate(out) if j != k for n in ast.walk(other)
            ):
                continue
            keep.append(st)
        out = keep
    return out


# ---- reduce, called lambdas, starred lists -------------------------------------------------------


class _Subst(Subst):
    """:class:`Subst` where a lambda's own parameters shadow the names, and a written-out
    tuple's entry read by a whole-number index is that entry."""

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:  # noqa: N802
        inner = {a.arg for a in node.args.args}
        saved = self.env
        self.env = {k: v for k, v in saved.items() if k not in inner}
        self.generic_visit(node)
        self.env = saved
        return node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if isinstance(node.value, (ast.Tuple, ast.List)) and isinstance(node.slice, ast.Constant):
            k = node.slice.value
            if isinstance(k, int) and not isinstance(k, bool) and -len(node.value.elts) <= k < len(node.value.elts):
                return node.value.elts[k]  # (x_2, dz2)[0]: the entry written
        return node


_OPS = {
    "add": ast.Add, "sub": ast.Sub, "subtract": ast.Sub, "mul": ast.Mult, "multiply": ast.Mult,
    "matmul": ast.MatMult, "truediv": ast.Div, "divide": ast.Div, "true_divide": ast.Div,
}
_OP_MODULES = {"np", "numpy", "jnp", "torch", "operator", "cp", "tf"}


def _applied(fn: ast.expr, args: list[ast.expr]) -> ast.expr:
    """``fn(*args)``; a lambda of plain parameters applied: its body with the arguments in place;
    the binary operations of the array modules and of ``operator`` as the operator itself
    (``operator.add(a, b)`` is ``a + b``)."""
    if (
        len(args) == 2 and isinstance(fn, ast.Attribute) and fn.attr in _OPS
        and isinstance(fn.value, ast.Name) and fn.value.id in _OP_MODULES
    ):
        return ast.BinOp(args[0], _OPS[fn.attr](), args[1])
    if isinstance(fn, ast.Lambda):
        a = fn.args
        plain = not (a.posonlyargs or a.kwonlyargs or a.vararg or a.kwarg or a.defaults)
        if plain and len(a.args) == len(args):
            body = copy.deepcopy(fn.body)
            # len of a parameter given an array expression (len(d) of d = A2 - Y): its first size
            for n in ast.walk(body):
                if (
                    isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "len"
                    and len(n.args) == 1 and not n.keywords
                ):
                    inner = n.args[0]
                    root = inner.value if isinstance(inner, ast.Attribute) and inner.attr == "T" else inner
                    k = next((j for j, p in enumerate(a.args) if isinstance(root, ast.Name) and root.id == p.arg), None)
                    if k is not None and not isinstance(args[k], ast.Name) or (k is not None and root is not inner):
                        n.func = ast.Attribute(inner, "shape", ast.Load())  # rebuilt below as .shape[0]
                        n.args = []
            body = _LenShape().visit(body)
            return _Subst({p.arg: x for p, x in zip(a.args, args)}).visit(body)
    return ast.Call(copy.deepcopy(fn), args, [])


class _LenShape(ast.NodeTransformer):
    """The calls :func:`_applied` marked (``len(d)`` → ``d.shape()``) as ``d.shape[0]``."""

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "shape" and not node.args and not node.keywords:
            return ast.Subscript(node.func, ast.Constant(0), ast.Load())
        return node


_ADDS = {"np.add", "operator.add", "add", "jnp.add", "torch.add", "operator.iadd"}


class _Calls(ast.NodeTransformer):
    def __init__(self, reduce_names: set[str]) -> None:
        self.reduce_names = reduce_names

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        return _ones_row(node) or node

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        if len(node.args) == 1 and isinstance(node.args[0], ast.Starred) and isinstance(node.args[0].value, (ast.List, ast.Tuple)):
            node.args = list(node.args[0].value.elts)  # f(*[a, b]) is f(a, b)
        if isinstance(node.func, ast.Lambda) and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args):
            done = _applied(node.func, list(node.args))
            if not isinstance(done, ast.Call) or done.func is not node.func:
                return self.visit(done)  # the body with the arguments in place, read again
        if _is_namedtuple(node.func) and len(node.args) == 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            fields = node.args[1].value.replace(",", " ").split()
            if fields and all(f.isidentifier() for f in fields):  # namedtuple('Step', 'h_prev h dz')
                node.args[1] = ast.List([ast.Constant(f) for f in fields], ast.Load())
            return node
        if ast.unparse(node.func) in self.reduce_names and not node.keywords and 2 <= len(node.args) <= 3:
            fn, seq = node.args[0], node.args[1]
            if isinstance(seq, (ast.List, ast.Tuple)) and not any(isinstance(e, ast.Starred) for e in seq.elts):
                items = list(seq.elts)
                if len(node.args) == 3:
                    items.insert(0, node.args[2])
                if not items:
                    return node
                acc = items[0]
                for x in items[1:]:
                    acc = _applied(fn, [acc, x])
                return acc
            if len(node.args) == 2 and (ast.unparse(fn) in _ADDS or _is_plus_lambda(fn)):
                # the rows of an array added up: their sum over the first axis
                return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load()), [seq], [ast.keyword("axis", ast.Constant(0))])
        return node


def _is_namedtuple(f: ast.expr) -> bool:
    return ast.unparse(f) in ("namedtuple", "collections.namedtuple")


def _ones_row(node: ast.expr) -> ast.expr | None:
    """``np.tensordot(np.ones(d), E, axes=1)[None, :]`` (the column sums of E as a row, written
    with a vector of ones) as ``np.ones((1, d)) @ E``: the same row, and the same refusal of the
    shapes where d is not E's number of rows."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2):
        return None
    first, second = node.slice.elts
    if not (isinstance(first, ast.Constant) and first.value is None and isinstance(second, ast.Slice)
            and second.lower is None and second.upper is None and second.step is None):
        return None
    call = node.value
    if not (isinstance(call, ast.Call) and ast.unparse(call.func) in ("np.tensordot", "numpy.tensordot") and len(call.args) >= 2):
        return None
    ones, other = call.args[0], call.args[1]
    axes = call.args[2] if len(call.args) == 3 else next((k.value for k in call.keywords if k.arg == "axes"), None)
    if len(call.args) > 3 or any(k.arg != "axes" for k in call.keywords) or axes is None:
        return None
    if ast.unparse(axes).replace(" ", "") not in ("1", "([0],[0])", "(0,0)", "[[0],[0]]", "[0,0]"):
        return None
    if not (isinstance(ones, ast.Call) and ast.unparse(ones.func) == "np.ones" and len(ones.args) == 1 and not ones.keywords):
        return None
    size = ones.args[0]
    if isinstance(size, (ast.Tuple, ast.List)):
        if len(size.elts) != 1:
            return None
        size = size.elts[0]
    row = ast.Call(ones.func, [ast.Tuple([ast.Constant(1), size], ast.Load())], [])
    return ast.BinOp(row, ast.MatMult(), other)


def _is_plus_lambda(fn: ast.expr) -> bool:
    if not isinstance(fn, ast.Lambda) or len(fn.args.args) != 2 or fn.args.defaults:
        return False
    a, b = (p.arg for p in fn.args.args)
    body = fn.body
    return isinstance(body, ast.BinOp) and isinstance(body.op, ast.Add) and {ast.unparse(body.left), ast.unparse(body.right)} == {a, b}


def _reduce_names(stmts: list[ast.stmt]) -> set[str]:
    names = {"functools.reduce"}
    for st in stmts:
        if isinstance(st, ast.ImportFrom) and st.module == "functools":
            names |= {a.asname or a.name for a in st.names if a.name == "reduce"}
    return names


# ---- while loops over a whole-number counter ------------------------------------------------------

_CMP = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge, ast.NotEq: operator.ne}
_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod}


def _whole(e: ast.expr) -> int | None:
    if isinstance(e, ast.Constant) and isinstance(e.value, int) and not isinstance(e.value, bool):
        return e.value
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        v = _whole(e.operand)
        return None if v is None else -v
    return None


class _Fold(ast.NodeTransformer):
    """Whole-number arithmetic and comparisons computed (``2 - 1`` → 1, ``2 > 1`` → True)."""

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        a, b = _whole(node.left), _whole(node.right)
        op = _BIN.get(type(node.op))
        if a is not None and b is not None and op is not None and not (b == 0 and op in (operator.floordiv, operator.mod)):
            return ast.Constant(op(a, b))
        return node

    def visit_Compare(self, node: ast.Compare) -> ast.AST:  # noqa: N802
        self.generic_visit(node)
        vals = [_whole(node.left), *(_whole(c) for c in node.comparators)]
        ops = [_CMP.get(type(o)) or ({ast.Eq: operator.eq}.get(type(o))) for o in node.ops]
        if None in vals or None in ops:
            return node
        return ast.Constant(all(op(x, y) for op, x, y in zip(ops, vals, vals[1:])))


def _decided(stmts: list[ast.stmt]) -> list[ast.stmt] | None:
    """``stmts`` with each ``if`` whose test is now True/False replaced by its branch; None when an
    ``if`` is left undecided or a loop control (break, continue) is met."""
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, (ast.Break, ast.Continue)):
            return None
        if isinstance(st, ast.If):
            test = st.test
            if not (isinstance(test, ast.Constant) and isinstance(test.value, bool)):
                return None
            branch = _decided(st.body if test.value else st.orelse)
            if branch is None:
                return None
            out.extend(branch)
            continue
        out.append(st)
    return out


def _step(st: ast.stmt, name: str) -> int | None:
    """The whole number a counter's last line adds (``t -= 1`` is −1, ``t = t + 2`` is 2)."""
    if isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name) and st.target.id == name:
        k = _whole(st.value)
        if k is not None and isinstance(st.op, (ast.Add, ast.Sub)):
            return k if isinstance(st.op, ast.Add) else -k
    if (
        isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
        and st.targets[0].id == name and isinstance(st.value, ast.BinOp)
        and isinstance(st.value.left, ast.Name) and st.value.left.id == name
        and isinstance(st.value.op, (ast.Add, ast.Sub)) and _whole(st.value.right) is not None
    ):
        k = _whole(st.value.right)
        return k if isinstance(st.value.op, ast.Add) else -k  # type: ignore[operator]
    return None


def _unrolled(st: ast.While, start: int) -> list[ast.stmt] | None:
    test = st.test
    if st.orelse or not isinstance(test, ast.Compare) or len(test.ops) != 1 or not st.body:
        return None
    if isinstance(test.left, ast.Name) and _whole(test.comparators[0]) is not None:
        name = test.left.id
    elif isinstance(test.comparators[0], ast.Name) and _whole(test.left) is not None:
        name = test.comparators[0].id
    else:
        return None
    step = _step(st.body[-1], name)
    body = st.body[:-1]
    if not step or any(
        isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load) for b in body for n in ast.walk(b)
    ):
        return None
    if any(isinstance(n, (ast.While, ast.For, ast.FunctionDef, ast.Lambda, ast.Global, ast.Nonlocal)) for b in body for n in ast.walk(b)):
        return None
    out: list[ast.stmt] = []
    value = start
    for _ in range(_MAX_ROUNDS + 1):
        here = _Fold().visit(_Subst({name: ast.Constant(value)}).visit(copy.deepcopy(test)))
        if not (isinstance(here, ast.Constant) and isinstance(here.value, bool)):
            return None
        if not here.value:
            return out
        rounds = [_Fold().visit(_Subst({name: ast.Constant(value)}).visit(copy.deepcopy(b))) for b in body]
        done = _decided(rounds)
        if done is None:
            return None
        out.extend(done)
        value += step
    return None  # more rounds than a hand-written loop over layers has


def _whiles(stmts: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    counters: dict[str, tuple[int, int]] = {}  # name -> (its line in out, the number)
    for st in stmts:
        if isinstance(st, ast.While):
            t = st.test
            name = next((n.id for n in (t.left, *t.comparators) if isinstance(n, ast.Name)), None) if isinstance(t, ast.Compare) else None
            if name in counters:
                done = _unrolled(st, counters[name][1])
                if done is not None:  # the counter's line left out (kept by _whiles_safe if read after)
                    out[counters.pop(name)[0]] = ast.Pass()
                    out.extend(done)
                    continue
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) and _whole(st.value) is not None:
            counters[st.targets[0].id] = (len(out), _whole(st.value))  # type: ignore[assignment]
        else:
            for n in ast.walk(st):
                if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
                    counters.pop(n.id, None)
        out.append(st)
    return [st for st in out if not isinstance(st, ast.Pass)]


def _whiles_safe(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """:func:`_whiles`, but a counter read after its loop keeps its line: left as written then."""
    done = _whiles(copy.deepcopy(stmts))
    if len(done) == len(stmts) and all(ast.dump(a) == ast.dump(b) for a, b in zip(done, stmts)):
        return stmts
    original = {st.targets[0].id for st in stmts if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)}
    assigned = {n.id for st in done for n in ast.walk(st) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    read = {n.id for st in done for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    if (read - assigned) & original:  # a counter read after its loop, its line gone
        return stmts
    return _containers(done)


def _key_of(node: ast.expr) -> object:
    lit = _literal(node)
    return lit if isinstance(lit, (int, str)) and not isinstance(lit, bool) else _NO


def _containers(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """After a loop is unrolled: a list, tuple or dict written out once (``hs = [h_0, h_1, h_2]``,
    ``acts = {0: X, 1: A1}``) and only ever read at whole-number or string keys, read as its
    entries; an empty dict (``grads = {}``) only stored and read at whole-number keys, its
    entries as names of their own (``grads_1``). Anything else: left as written."""
    every = [n for st in stmts for n in ast.walk(st)]
    taken = {n.id for n in every if isinstance(n, ast.Name)}
    subs = [n for n in every if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)]
    swap: dict[int, ast.expr] = {}  # id of a subscript -> what stands for it
    dropped: set[int] = set()
    for k, st in enumerate(stmts):
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)):
            continue
        name, v = st.targets[0].id, st.value
        uses = [n for n in every if isinstance(n, ast.Name) and n.id == name]
        mine = [n for n in subs if n.value.id == name]
        if not mine or len(uses) != len(mine) + 1 or any(_key_of(n.slice) is _NO for n in mine):
            continue  # read whole, passed on, or at a key not written out
        if isinstance(v, ast.Dict) and not v.keys:
            keys = {_key_of(n.slice) for n in mine}
            if (
                not all(isinstance(key, int) and key >= 0 for key in keys)
                or any(f"{name}_{key}" in taken for key in keys)
                or not any(isinstance(n.ctx, ast.Store) for n in mine)
            ):
                continue
            for n in mine:
                swap[id(n)] = ast.Name(f"{name}_{_key_of(n.slice)}", n.ctx)
            dropped.add(k)
            continue
        if isinstance(v, (ast.List, ast.Tuple)) and not any(isinstance(e, ast.Starred) for e in v.elts):
            entries: dict[object, ast.expr] = dict(enumerate(v.elts))
        elif isinstance(v, ast.Dict) and all(key is not None and _key_of(key) is not _NO for key in v.keys):
            entries = {_key_of(key): e for key, e in zip(v.keys, v.values)}  # type: ignore[arg-type]
        else:
            continue
        if any(not isinstance(n.ctx, ast.Load) or _key_of(n.slice) not in entries for n in mine):
            continue
        for n in mine:
            swap[id(n)] = copy.deepcopy(entries[_key_of(n.slice)])
        dropped.add(k)

    class Swap(ast.NodeTransformer):
        def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
            if id(node) in swap:
                return swap[id(node)]
            return self.generic_visit(node)

    return [Swap().visit(st) for k, st in enumerate(stmts) if k not in dropped]


def _tuple_records(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``Step = namedtuple('Step', [...])`` and records ``s2 = Step(h_1, h_2, dz2)`` each built
    once (by position or by field name) and read only by field (``s2.dz``): each field read as the
    expression it was built with; the factory's and the records' lines left out. Anything else
    (a record passed on whole, built twice, a field not given): left as written."""
    fields: dict[str, list[str]] = {}
    for st in stmts:
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and isinstance(st.value, ast.Call) and _is_namedtuple(st.value.func) and len(st.value.args) == 2
            and isinstance(st.value.args[1], (ast.List, ast.Tuple)) and not st.value.keywords
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in st.value.args[1].elts)
        ):
            fields[st.targets[0].id] = [e.value for e in st.value.args[1].elts]  # type: ignore[union-attr]
    if not fields:
        return stmts
    stored = [n.id for st in stmts for n in ast.walk(st) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)]
    records: dict[str, dict[str, ast.expr]] = {}
    out: list[ast.stmt] = []
    for st in stmts:
        if (
            isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and stored.count(st.targets[0].id) == 1 and isinstance(st.value, ast.Call)
            and isinstance(st.value.func, ast.Name) and st.value.func.id in fields
        ):
            names = fields[st.value.func.id]
            given = dict(zip(names, st.value.args))
            given.update({k.arg: k.value for k in st.value.keywords if k.arg is not None})
            later = stmts[stmts.index(st) + 1:]
            moved = {n.id for t in later for n in ast.walk(t) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
            reads = {n.id for v in given.values() for n in ast.walk(v) if isinstance(n, ast.Name)}
            if moved & reads:  # Step(dz) then dz = …: the record holds the old dz, as written
                return stmts
            if len(st.value.args) <= len(names) and set(given) == set(names) and all(k.arg for k in st.value.keywords):
                records[st.targets[0].id] = {k: _read_fields(v, records) for k, v in given.items()}
                continue
        out.append(_read_fields(st, records))
    left = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name)}
    if left & set(records):  # a record still read whole: the cell as written
        return stmts
    return [
        st for st in out
        if not (isinstance(st, ast.Assign) and isinstance(st.targets[0], ast.Name) and st.targets[0].id in fields
                and st.targets[0].id not in left)
    ]


def _read_fields(node: ast.AST, records: dict[str, dict[str, ast.expr]]) -> ast.AST:
    class Fields(ast.NodeTransformer):
        def visit_Attribute(self, n: ast.Attribute) -> ast.AST:  # noqa: N802
            if isinstance(n.value, ast.Name) and n.value.id in records and n.attr in records[n.value.id]:
                return copy.deepcopy(records[n.value.id][n.attr])
            return self.generic_visit(n)

    return Fields().visit(node)


def cell_spellings(stmts: list[ast.stmt], tensors: set[str] | frozenset[str]) -> list[ast.stmt]:  # noqa: ARG001
    """The statement-level spellings of the module docstring, in order."""

    def calls(body: list[ast.stmt]) -> list[ast.stmt]:
        visitor = _Calls(_reduce_names(body))
        return [visitor.visit(st) for st in body]

    return in_order(stmts, _helpers, _matched, _walrus, calls, _whiles_safe, _tuple_records)


_TRIGGER = re.compile(
    r"\breduce\b|:=|^\s*(?:match|while)\b|\blambda\b|\bdef\b|\(\s*\*\s*[\[(]|\bnamedtuple\(|tensordot\(\s*np\.ones\(", re.M
)


def rewritten(text: str) -> str:
    """``text`` with :func:`cell_spellings` applied, unparsed; ``text`` itself when none applies
    or it is not Python."""
    if not isinstance(text, str) or not _TRIGGER.search(text):
        return text
    return rewritten_by(text, lambda stmts: cell_spellings(stmts, frozenset()))


def text_spellings(text: str) -> str:
    """``paddle.mean(x)`` / ``paddle.sum(x)`` of one argument as ``np.mean(x)`` / ``np.sum(x)``."""
    if not isinstance(text, str) or ("paddle." not in text and "cp.tensordot" not in text):
        return text
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text
    hit = False
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("mean", "sum")
            and isinstance(n.func.value, ast.Name) and n.func.value.id == "paddle"
            and len(n.args) == 1 and not n.keywords
        ):
            n.func.value.id, hit = "np", True
        elif (  # CuPy's cp.tensordot is NumPy's
            isinstance(n, ast.Attribute) and n.attr == "tensordot" and isinstance(n.value, ast.Name)
            and n.value.id == "cp" and isinstance(n.ctx, ast.Load)
        ):
            n.value.id, hit = "np", True
    return ast.unparse(tree) if hit else text
