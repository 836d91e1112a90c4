"""heldcheck49: spellings of the forty-ninth held-out corpus (tests/corpus49.py) the code reader
learns, kept in one module so that derive/checker/formula.py calls it from one line (as
derive/checker/legacy48.py, which it runs before).

:func:`rewritten` (run by formula's reader on the answer's text before ``legacy48.rewritten``)
returns plain code the readers after it know; every rewrite is of the code as Python runs it, and
a statement it cannot rewrite exactly is left as written (the reader then names what it does not
read):

- a name bound once to a library function or module (``s = torch.sigmoid``, ``xp = cp``,
  ``xp = cp.get_array_module(X)``) stands for it; a logger (``log = logging.getLogger(…)``) and
  the lines calling its methods compute nothing: left out;
- curried helpers — a lambda or a ``def`` whose one statement returns a lambda
  (``relu_vjp = lambda z: (lambda g: g * (z > 0))``, ``def linear_vjp(x, W): return lambda g:
  x.T @ g``) — applied where they are called (``relu_vjp(Z1)(G)``, ``v = linear_vjp(A1, W2)`` then
  ``v(G)``), and a lambda called where it is written;
- a list of ``NamedTuple`` records (``steps = [Step(h_2, h_1), Step(h_1, h_0)]``) read at constant
  indices (``steps[0].h``) as one record a name;
- ``reduce(operator.add | np.add, <generator>)`` as ``sum(<generator>)``; ``reduce(f, parts)``
  over a name bound once to a written-out list as over the list itself;
- ``np.stack([E for i in range(n)]).sum(axis=0)`` (``.mean(axis=0)``: divided by ``n``) as
  ``sum(E for i in range(n))``;
- on a network whose convolution channels derive names apart (``X0``, ``W01``, ``A1``): ``X[0, 1]``
  as the channel's name (a leading batch axis of one entry dropped), and a channel of the answer's
  own element-wise array (``dZ = 2 * (A - Y) / 18 * (1 - A ** 2)`` then ``dZ[0, 1]``) as the same
  expression over that channel;
- a window view of a channel (``sliding_window_view(x, (p, q))``, ``as_strided(x, shape=(…), strides=(s0,
  s1, s0, s1))``, ``x.unfold(0, p, 1).unfold(1, q, 1)``) contracted with ``d`` over its window axes
  (``np.einsum('ijpq,pq->ij', W, d)``, ``np.tensordot(W, d, axes=([2, 3], [0, 1]))``, ``(W *
  d).sum(axis=(2, 3))``) as ``correlate2d(x, d)``; PyTorch's ``F.conv2d(x[None, None], d[None, None])[0, 0]``
  (stride 1, no padding: a cross-correlation) alike (round 50); ``convolve2d(x, d[::-1, ::-1])`` (``np.flip(d)``,
  ``np.rot90(d, 2)``) as ``correlate2d(x, d)``;
- a max pool's gradient routed by hand: ``np.kron(d, np.ones((k, k)))`` and
  ``d.repeat(k, axis=0).repeat(k, axis=1)`` (also ``np.repeat(np.repeat(d, k, axis=0), k, axis=1)`` and
  PyTorch's ``repeat_interleave(k, dim=…)``, round 50) as ``upsample(d, k)``, and ``A == upsample(P, k)``
  where the network's ``P`` is ``max_pool2d(A, k)`` as ``pool_mask(A, k)``.
"""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Iterable

from derive.checker.asttools import Subst, in_order, rewritten_by, subst
from derive.checker.legacy48 import _call_name as _dotted  # torch.nn.functional.relu → its dotted name

_MODULES = frozenset({"np", "numpy", "torch", "cp", "cupy", "jnp", "tf", "F", "signal", "scipy", "math", "nn"})
_LOGGERS = re.compile(r"^(?:logging\.getLogger|logging\.Logger)$")


def _stores(stmts: Iterable[ast.stmt]) -> dict[str, int]:
    out: dict[str, int] = {}
    for st in stmts:
        for n in ast.walk(st):
            if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
                out[n.id] = out.get(n.id, 0) + 1
            elif isinstance(n, (ast.FunctionDef, ast.ClassDef)):
                out[n.name] = out.get(n.name, 0) + 1
    return out


def _bound(st: ast.stmt) -> tuple[str, ast.expr] | None:
    """``name = value`` → (name, value); None for any other statement."""
    if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
        return st.targets[0].id, st.value
    return None


def _aliases(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Names bound once to a library function or module stand for it; loggers left out."""
    stores = _stores(stmts)
    env: dict[str, ast.expr] = {}
    loggers: set[str] = set()
    out: list[ast.stmt] = []
    for st in stmts:
        b = _bound(st)
        if b is not None and stores.get(b[0]) == 1:
            name, value = b
            dotted = _dotted(value)
            if dotted and dotted.split(".")[0] in _MODULES and name not in _MODULES:
                env[name] = value
                continue
            if isinstance(value, ast.Call) and _dotted(value.func).endswith("get_array_module") and \
                    _dotted(value.func).split(".")[0] in _MODULES:
                env[name] = ast.Name(_dotted(value.func).split(".")[0], ast.Load())
                continue
            if isinstance(value, ast.Call) and _LOGGERS.match(_dotted(value.func)):
                loggers.add(name)
                continue
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and _dotted(st.value.func).split(".")[0] in loggers:
            continue
        out.append(st)
    if not env:
        return out
    return [Subst(env).visit(st) for st in out]


def _simple_params(lam: ast.Lambda) -> list[str] | None:
    a = lam.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.defaults or a.kw_defaults or a.posonlyargs:
        return None
    return [p.arg for p in a.args]


def _applied(lam: ast.Lambda, args: list[ast.expr]) -> ast.expr | None:
    params = _simple_params(lam)
    if params is None or len(params) != len(args):
        return None
    return subst(lam.body, dict(zip(params, args)))  # type: ignore[return-value]


class _Curried(ast.NodeTransformer):
    """Calls of curried helpers (``lams``: name → lambda) and of written lambdas applied."""

    def __init__(self, lams: dict[str, ast.Lambda]) -> None:
        self.lams = lams

    def resolve(self, f: ast.expr) -> ast.Lambda | None:
        if isinstance(f, ast.Name):
            return self.lams.get(f.id)
        if isinstance(f, ast.Lambda):
            return f
        if isinstance(f, ast.Call) and not f.keywords:
            inner = self.resolve(f.func)
            if inner is not None:
                done = _applied(inner, f.args)
                return done if isinstance(done, ast.Lambda) else None
        return None

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        node = self.generic_visit(node)  # type: ignore[assignment]
        if node.keywords or not isinstance(node.func, ast.Call) and not (  # a lambda called where it is written: legacy47's
            isinstance(node.func, ast.Name) and node.func.id in self.lams
        ):
            return node
        lam = self.resolve(node.func)
        if lam is None:
            return node
        done = _applied(lam, node.args)
        return self.visit(done) if done is not None else node


def _curried(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Curried helpers applied where they are called (the module docstring)."""
    stores = _stores(stmts)
    lams: dict[str, ast.Lambda] = {}
    out: list[ast.stmt] = []
    for st in stmts:
        b = _bound(st)
        if isinstance(st, ast.FunctionDef) and not st.decorator_list and len(st.body) == 1 and \
                isinstance(st.body[0], ast.Return) and isinstance(st.body[0].value, ast.Lambda) and stores.get(st.name) == 1:
            lams[st.name] = ast.Lambda(st.args, st.body[0].value)
            continue
        if b is not None and stores.get(b[0]) == 1 and isinstance(b[1], ast.Lambda) and isinstance(b[1].body, ast.Lambda):
            lams[b[0]] = b[1]
            continue
        visitor = _Curried(lams)
        if b is not None and stores.get(b[0]) == 1 and isinstance(b[1], ast.Call):
            lam = visitor.resolve(b[1])
            if lam is not None:  # v = linear_vjp(A1, W2): v is the lambda it returns
                lams[b[0]] = ast.Lambda(lam.args, lam.body) if isinstance(lam.body, ast.Lambda) else lam
                continue
        out.append(visitor.visit(st))
    if not lams:
        return stmts
    return out


def _namedtuple_classes(stmts: list[ast.stmt]) -> dict[str, list[str]]:
    out = {}
    for st in stmts:
        if isinstance(st, ast.ClassDef) and any(_dotted(b).endswith("NamedTuple") for b in st.bases):
            fields = [s.target.id for s in st.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
            out[st.name] = fields
    return out


def _record_lists(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``steps = [Step(a, b), Step(c, d)]`` read at constant indices as ``steps_0 = Step(a, b)`` …"""
    classes = _namedtuple_classes(stmts)
    if not classes:
        return stmts
    stores = _stores(stmts)
    lists: dict[str, int] = {}
    out: list[ast.stmt] = []
    for st in stmts:
        b = _bound(st)
        if b is not None and stores.get(b[0]) == 1 and isinstance(b[1], ast.List) and b[1].elts and all(
            isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in classes for e in b[1].elts
        ):
            lists[b[0]] = len(b[1].elts)
            for k, e in enumerate(b[1].elts):
                out.append(ast.Assign([ast.Name(f"{b[0]}_{k}", ast.Store())], e))
            continue
        out.append(st)
    if not lists:
        return stmts

    class Index(ast.NodeTransformer):
        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:  # noqa: N802
            if isinstance(n.value, ast.Name) and n.value.id in lists and isinstance(n.slice, ast.Constant) and \
                    isinstance(n.slice.value, int) and not isinstance(n.slice.value, bool):
                k = n.slice.value + (lists[n.value.id] if n.slice.value < 0 else 0)
                if 0 <= k < lists[n.value.id]:
                    return ast.Name(f"{n.value.id}_{k}", ast.Load())
            return self.generic_visit(n)

    done = [Index().visit(st) for st in out]
    left = {n.id for st in done for n in ast.walk(st) if isinstance(n, ast.Name) and n.id in lists}
    return done if not left else stmts


_ADDS = ("operator.add", "np.add", "numpy.add", "add")


def _pipeline(f: ast.expr, seq: ast.expr, init: ast.expr) -> ast.expr | None:
    """``reduce(lambda acc, g: g(acc), [lambda a: …, …], x)``: each lambda applied in turn to x."""
    if not (isinstance(f, ast.Lambda) and _simple_params(f) is not None and len(f.args.args) == 2
            and isinstance(seq, (ast.List, ast.Tuple)) and seq.elts and all(isinstance(e, ast.Lambda) for e in seq.elts)):
        return None
    acc, g = (p.arg for p in f.args.args)
    body = f.body
    if not (isinstance(body, ast.Call) and isinstance(body.func, ast.Name) and body.func.id == g and not body.keywords
            and len(body.args) == 1 and isinstance(body.args[0], ast.Name) and body.args[0].id == acc):
        return None
    out = init
    for lam in seq.elts:
        out = _applied(lam, [out])  # type: ignore[arg-type]
        if out is None:
            return None
    return out


def _reduces(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``reduce(add, <generator>)`` as ``sum(<generator>)``; ``reduce(f, parts)`` of a list name."""
    stores = _stores(stmts)
    lists = {b[0]: b[1] for st in stmts if (b := _bound(st)) and stores.get(b[0]) == 1 and isinstance(b[1], ast.List)}

    class Red(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
            n = self.generic_visit(n)  # type: ignore[assignment]
            if _dotted(n.func) not in ("reduce", "functools.reduce") or n.keywords or len(n.args) not in (2, 3):
                return n
            f, seq = n.args[:2]
            if len(n.args) == 3:
                return _pipeline(f, seq, n.args[2]) or n
            if _dotted(f) in _ADDS and isinstance(seq, (ast.GeneratorExp, ast.ListComp)):
                return ast.Call(ast.Name("sum", ast.Load()), [seq], [])
            if isinstance(seq, ast.Name) and seq.id in lists:
                inlined.add(seq.id)
                return ast.Call(n.func, [f, copy.deepcopy(lists[seq.id])], [])
            return n

    inlined: set[str] = set()
    out = [Red().visit(st) for st in stmts]
    read = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return [st for st in out if not ((b := _bound(st)) and b[0] in inlined and b[0] not in read)]


def _axis0(call: ast.Call) -> bool:
    kw = {k.arg: k.value for k in call.keywords}
    if call.args:
        return len(call.args) == 1 and not kw and isinstance(call.args[0], ast.Constant) and call.args[0].value == 0
    return set(kw) == {"axis"} and isinstance(kw["axis"], ast.Constant) and kw["axis"].value == 0


class _Stacks(ast.NodeTransformer):
    """``np.stack([E for i in range(n)]).sum(axis=0)`` / ``.mean(axis=0)`` as ``sum(E …)`` (/ n)."""

    def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
        n = self.generic_visit(n)  # type: ignore[assignment]
        f = n.func
        if not (isinstance(f, ast.Attribute) and f.attr in ("sum", "mean") and _axis0(n)):
            return n
        st = f.value
        if not (isinstance(st, ast.Call) and _dotted(st.func) in ("np.stack", "numpy.stack", "torch.stack", "cp.stack")
                and len(st.args) == 1 and isinstance(st.args[0], ast.ListComp)):
            return n
        if st.keywords and not (len(st.keywords) == 1 and st.keywords[0].arg in ("axis", "dim")
                                and isinstance(st.keywords[0].value, ast.Constant) and st.keywords[0].value.value == 0):
            return n
        comp = st.args[0]
        gen = comp.generators
        if len(gen) != 1 or gen[0].ifs or not (isinstance(gen[0].iter, ast.Call) and _dotted(gen[0].iter.func) == "range"
                                               and len(gen[0].iter.args) == 1):
            return n
        total = ast.Call(ast.Name("sum", ast.Load()), [ast.GeneratorExp(comp.elt, comp.generators)], [])
        if f.attr == "sum":
            return total
        return ast.BinOp(total, ast.Div(), copy.deepcopy(gen[0].iter.args[0]))


def _stacks(stmts: list[ast.stmt]) -> list[ast.stmt]:
    return [_Stacks().visit(st) for st in stmts]


_ELEMENTWISE = frozenset({"np.tanh", "np.exp", "np.log", "np.abs", "np.sqrt", "np.maximum", "np.where",
                          "torch.tanh", "torch.exp", "torch.sigmoid", "torch.relu", "np.sign"})


def _elementwise(e: ast.expr) -> bool:
    for n in ast.walk(e):
        if isinstance(n, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Constant, ast.Load,
                          ast.operator, ast.unaryop, ast.cmpop)):
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult):
                return False
            continue
        if isinstance(n, ast.Call) and _dotted(n.func) in _ELEMENTWISE and not n.keywords:
            continue
        if isinstance(n, ast.Attribute) and _dotted(n) in _ELEMENTWISE:
            continue
        return False
    return True


def _index_of(s: ast.expr) -> tuple[int, ...] | None:
    elts = s.elts if isinstance(s, ast.Tuple) else [s]
    out = []
    for e in elts:
        if not (isinstance(e, ast.Constant) and isinstance(e.value, int) and not isinstance(e.value, bool)) or e.value < 0:
            return None
        out.append(e.value)
    return tuple(out)


def _channel_name(name: str, index: tuple[int, ...], names: frozenset[str]) -> str | None:
    """``X[0, 1]`` → ``X1`` where derive splits X's channels (a leading batch axis of one entry
    dropped), ``W[0, 1]`` → ``W01``; None where no such name exists."""
    if name in names or any(k > 9 for k in index):
        return None
    for start in range(len(index)):
        if start and index[start - 1] != 0:
            break
        cand = name + "".join(str(k) for k in index[start:])
        if cand in names:
            return cand
    return None


def _channels(names: frozenset[str], sizes: dict[str, int]):  # type: ignore[no-untyped-def]
    """The pass splitting ``X[0, 1]`` and the answer's own element-wise arrays into channels
    (``sizes``: the entries of a split tensor's channels together, ``A.size``/``A.numel()``)."""

    def run(stmts: list[ast.stmt]) -> list[ast.stmt]:  # only split tensors (``sizes``), never the answer's own names
        stmts = [_Sizes(sizes).visit(st) for st in stmts]
        stores = _stores(stmts)
        own: dict[str, ast.expr] = {}
        split: set[str] = set()  # the own arrays read at a channel

        class Split(ast.NodeTransformer):
            def __init__(self, index: tuple[int, ...] | None = None) -> None:
                self.index = index
                self.failed = False

            def visit_Name(self, n: ast.Name) -> ast.AST:  # noqa: N802
                if self.index is None or not isinstance(n.ctx, ast.Load):
                    return n
                if n.id in own:
                    inner = Split(self.index)
                    done = inner.visit(copy.deepcopy(own[n.id]))
                    self.failed |= inner.failed
                    return done
                got = None if n.id in stores or n.id not in sizes else _channel_name(n.id, self.index, names)
                if got is not None:
                    return ast.Name(got, ast.Load())
                if n.id in names and n.id not in ("np", "torch"):
                    self.failed = True  # a whole tensor with no channels: broadcast, not split
                return n

            def visit_Subscript(self, n: ast.Subscript) -> ast.AST:  # noqa: N802
                summed = _summed_channel(n)
                if self.index is None and summed is not None:
                    return self.visit(summed)
                if self.index is None and isinstance(n.value, ast.Name) and isinstance(n.ctx, ast.Load):
                    index = _index_of(n.slice)
                    if index is not None:
                        got = None if n.value.id in stores or n.value.id not in sizes else _channel_name(n.value.id, index, names)
                        if got is not None:
                            return ast.Name(got, ast.Load())
                        if n.value.id in own:
                            inner = Split(index)
                            done = inner.visit(copy.deepcopy(own[n.value.id]))
                            if not inner.failed:
                                split.add(n.value.id)
                                return ast.copy_location(done, n)
                return self.generic_visit(n)

        out = []
        for st in stmts:
            new = Split().visit(st)
            b = _bound(new)
            if b is not None and stores.get(b[0]) == 1 and _elementwise(b[1]) and any(
                isinstance(x, ast.Name) and x.id in sizes and x.id not in stores
                for x in ast.walk(b[1])
            ):
                own[b[0]] = b[1]
            out.append(new)
        read = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        return [st for st in out if not ((b := _bound(st)) and b[0] in split and b[0] not in read)]

    return run


class _Sizes(ast.NodeTransformer):
    """``A.size`` / ``A.numel()`` / ``np.size(A)`` of a split tensor as its number of entries."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes

    def visit_Attribute(self, n: ast.Attribute) -> ast.AST:  # noqa: N802
        if n.attr == "size" and isinstance(n.value, ast.Name) and n.value.id in self.sizes and isinstance(n.ctx, ast.Load):
            return ast.Constant(self.sizes[n.value.id])
        return self.generic_visit(n)

    def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
        f = n.func
        if isinstance(f, ast.Attribute) and f.attr == "numel" and not n.args and not n.keywords and \
                isinstance(f.value, ast.Name) and f.value.id in self.sizes:
            return ast.Constant(self.sizes[f.value.id])
        return self.generic_visit(n)


def _summed_channel(n: ast.Subscript) -> ast.expr | None:
    """``E.sum(axis=(0, 2, 3))[c]`` (a bias's gradient of one channel of an N C H W array) as
    ``E[0, c].sum()`` (one example: the batch axis holds one entry on these networks, else the
    channel name does not exist and the reader refuses it)."""
    c = n.slice
    call = n.value
    if not (isinstance(c, ast.Constant) and isinstance(c.value, int) and not isinstance(c.value, bool)
            and isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "sum"
            and not call.args and len(call.keywords) == 1 and call.keywords[0].arg in ("axis", "dim")
            and isinstance(call.keywords[0].value, ast.Tuple)
            and [getattr(a, "value", None) for a in call.keywords[0].value.elts] == [0, 2, 3]):
        return None
    one = ast.Subscript(call.func.value, ast.Tuple([ast.Constant(0), ast.Constant(c.value)], ast.Load()), ast.Load())
    return ast.Call(ast.Attribute(one, "sum", ast.Load()), [], [])


def _lens(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``len(E.T)`` as ``E.T.shape[0]`` (the rows of the transpose: E's columns)."""

    class Len(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
            n = self.generic_visit(n)  # type: ignore[assignment]
            if isinstance(n.func, ast.Name) and n.func.id == "len" and len(n.args) == 1 and not n.keywords:
                a = n.args[0]
                if isinstance(a, ast.Attribute) and a.attr == "T" and _dotted(a.value):
                    shape = ast.Attribute(a, "shape", ast.Load())
                    return ast.Subscript(shape, ast.Constant(0), ast.Load())
            return n

    return [Len().visit(st) for st in stmts]


def _size_walrus(test: ast.expr) -> ast.NamedExpr | None:
    """``(m := X.shape[0]) > 0`` / ``(n := len(X)) >= 1``: a size (never 0 on a network) named."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.NamedExpr)):
        return None
    op, right = test.ops[0], test.comparators[0]
    if not (isinstance(op, ast.Gt) and _num_is(right, 0) or isinstance(op, ast.GtE) and _num_is(right, 1)):
        return None
    value = test.left.value
    shape = isinstance(value, ast.Subscript) and isinstance(value.value, ast.Attribute) and value.value.attr == "shape" \
        and isinstance(value.value.value, ast.Name) and isinstance(value.slice, ast.Constant)
    length = isinstance(value, ast.Call) and _dotted(value.func) == "len" and len(value.args) == 1 and \
        isinstance(value.args[0], ast.Name)
    return test.left if shape or length else None


def _decided(subject: ast.expr, pattern: ast.pattern) -> bool | None:
    """Does ``pattern`` match ``subject`` (True/False), or None where that depends on values."""
    if isinstance(pattern, ast.MatchAs) and pattern.pattern is None and pattern.name is None:
        return True
    if isinstance(pattern, ast.MatchValue) and isinstance(pattern.value, ast.Constant):
        if isinstance(subject, ast.Constant):
            return subject.value == pattern.value.value and type(subject.value) is type(pattern.value.value)
        return None
    if isinstance(pattern, ast.MatchSequence) and isinstance(subject, ast.Tuple):
        if len(pattern.patterns) != len(subject.elts) or any(isinstance(p, ast.MatchStar) for p in pattern.patterns):
            return None
        results = [_decided(e, p) for e, p in zip(subject.elts, pattern.patterns)]
        if False in results:
            return False
        return None if None in results else True
    return None


def _statements_decided(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``if (m := X.shape[0]) > 0:`` (no ``else``) as ``m = X.shape[0]`` and its body; ``match`` on a
    tuple with literals where each case is decided by the literals alone (``_`` for the rest)."""
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.If) and not st.orelse:
            named = _size_walrus(st.test)
            if named is not None and isinstance(named.target, ast.Name):
                out.append(ast.Assign([ast.Name(named.target.id, ast.Store())], named.value))
                out.extend(_statements_decided(st.body))
                continue
        if isinstance(st, ast.Match) and isinstance(st.subject, ast.Tuple):
            taken = None
            for case in st.cases:
                hit = _decided(st.subject, case.pattern) if case.guard is None else None
                if hit is None:
                    break
                if hit:
                    taken = case
                    break
            if taken is not None:
                out.extend(_statements_decided(taken.body))
                continue
        out.append(st)
    return out


def _einsum_channels(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``dW = np.einsum('ncpqij,nopq->ocij', sliding_window_view(X, (p, q), axis=(2, 3)), D)`` read
    at ``dW[o, c]`` as ``correlate2d(X[0, c], D[0, o])`` (one example: a batch of more has no
    channel names and is refused)."""
    stores = _stores(stmts)
    grads: dict[str, tuple[ast.expr, ast.expr]] = {}
    out: list[ast.stmt] = []
    for st in stmts:
        b = _bound(st)
        if b is not None and stores.get(b[0]) == 1 and isinstance(b[1], ast.Call) and \
                _dotted(b[1].func).split(".")[-1] == "einsum" and len(b[1].args) == 3 and not b[1].keywords and \
                isinstance(b[1].args[0], ast.Constant) and str(b[1].args[0].value).replace(" ", "") == "ncpqij,nopq->ocij":
            w = b[1].args[1]
            if isinstance(w, ast.Call) and _dotted(w.func).split(".")[-1] == "sliding_window_view" and len(w.args) == 2 and \
                    [k.arg for k in w.keywords] == ["axis"] and isinstance(w.keywords[0].value, ast.Tuple) and \
                    [getattr(a, "value", None) for a in w.keywords[0].value.elts] == [2, 3]:
                grads[b[0]] = (w.args[0], b[1].args[2])
                continue
        out.append(st)
    if not grads:
        return stmts

    class At(ast.NodeTransformer):
        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:  # noqa: N802
            if isinstance(n.value, ast.Name) and n.value.id in grads:
                index = _index_of(n.slice)
                if index is not None and len(index) == 2:
                    x, d = grads[n.value.id]
                    o, c = index
                    at = lambda e, k: ast.Subscript(copy.deepcopy(e), ast.Tuple([ast.Constant(0), ast.Constant(k)], ast.Load()), ast.Load())  # noqa: E731
                    return _corr(at(x, c), at(d, o))
            return self.generic_visit(n)

    done = [At().visit(st) for st in out]
    left = {n.id for st in done for n in ast.walk(st) if isinstance(n, ast.Name) and n.id in grads}
    return stmts if left else done


def _window_of(e: ast.expr, windows: dict[str, ast.expr]) -> ast.expr | None:
    """The channel whose window view ``e`` is (a name bound to one, or the view itself)."""
    if isinstance(e, ast.Name) and e.id in windows:
        return windows[e.id]
    if isinstance(e, ast.Call):
        name = _dotted(e.func)
        if name.split(".")[-1] == "sliding_window_view" and len(e.args) == 2 and not e.keywords and \
                isinstance(e.args[1], ast.Tuple) and len(e.args[1].elts) == 2:
            return e.args[0]
        if name.split(".")[-1] == "as_strided" and len(e.args) == 1:
            kw = {k.arg: k.value for k in e.keywords}
            shape, strides = kw.get("shape"), kw.get("strides")
            if isinstance(shape, ast.Tuple) and len(shape.elts) == 4 and isinstance(strides, ast.Tuple) and \
                    len(strides.elts) == 4 and ast.dump(strides.elts[0]) == ast.dump(strides.elts[2]) and \
                    ast.dump(strides.elts[1]) == ast.dump(strides.elts[3]):
                return e.args[0]
        if isinstance(e.func, ast.Attribute) and e.func.attr == "unfold" and len(e.args) == 3 and \
                _num_is(e.args[0], 1) and _num_is(e.args[2], 1):
            inner = e.func.value
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "unfold" and \
                    len(inner.args) == 3 and _num_is(inner.args[0], 0) and _num_is(inner.args[2], 1):
                return inner.func.value
    return None


def _num_is(e: ast.expr, v: int) -> bool:
    return isinstance(e, ast.Constant) and e.value == v and not isinstance(e.value, bool)


def _corr(x: ast.expr, d: ast.expr) -> ast.Call:
    return ast.Call(ast.Name("correlate2d", ast.Load()), [copy.deepcopy(x), copy.deepcopy(d)], [])


def _axes_pair(e: ast.expr | None) -> bool:
    """``([2, 3], [0, 1])`` (lists or tuples)."""
    if not isinstance(e, (ast.Tuple, ast.List)) or len(e.elts) != 2:
        return False
    a, b = e.elts
    return all(isinstance(s, (ast.Tuple, ast.List)) for s in (a, b)) and \
        [getattr(x, "value", None) for x in a.elts] == [2, 3] and [getattr(x, "value", None) for x in b.elts] == [0, 1]


def _flipped(d: ast.expr) -> ast.expr | None:
    """``d[::-1, ::-1]``, ``np.flip(d)``, ``np.rot90(d, 2)`` → ``d``."""
    if isinstance(d, ast.Subscript) and isinstance(d.slice, ast.Tuple) and len(d.slice.elts) == 2 and all(
        isinstance(s, ast.Slice) and s.lower is None and s.upper is None and isinstance(s.step, ast.UnaryOp)
        and isinstance(s.step.op, ast.USub) and _num_is(s.step.operand, 1) for s in d.slice.elts
    ):
        return d.value
    if isinstance(d, ast.Call) and not d.keywords:
        name = _dotted(d.func)
        if name in ("np.flip", "numpy.flip") and len(d.args) == 1:
            return d.args[0]
        if name in ("np.rot90", "numpy.rot90") and len(d.args) == 2 and _num_is(d.args[1], 2):
            return d.args[0]
    return None


_TORCH_CONV = ("F.conv2d", "torch.nn.functional.conv2d", "nn.functional.conv2d", "torch.conv2d")


def _maps_of(e: ast.expr) -> ast.expr | None:
    """``x`` of ``x[None, None]`` (one map as a batch of one image of one channel)."""
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Tuple) and len(e.slice.elts) == 2 and all(
        isinstance(t, ast.Constant) and t.value is None for t in e.slice.elts
    ):
        return e.value
    return None


def _torch_conv_of_maps(n: ast.Subscript) -> tuple[ast.expr, ast.expr] | None:
    """``(x, d)`` of ``F.conv2d(x[None, None], d[None, None])[0, 0]`` — PyTorch's conv2d (a
    cross-correlation) of two single maps, stride 1, no padding: ``correlate2d(x, d)``, the
    gradient of a kernel as PyTorch users write it."""
    call = n.value
    if not (isinstance(n.slice, ast.Tuple) and [getattr(t, "value", None) for t in n.slice.elts] == [0, 0]):
        return None
    if not (isinstance(call, ast.Call) and _dotted(call.func) in _TORCH_CONV and len(call.args) == 2):
        return None
    fixed = {"stride": 1, "padding": 0, "dilation": 1, "groups": 1}
    if any(k.arg not in fixed or not _num_is(k.value, fixed[k.arg]) for k in call.keywords):
        return None
    x, d = (_maps_of(a) for a in call.args)
    return (x, d) if x is not None and d is not None else None


def _convolutions(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Window views contracted over their window axes, flipped convolutions (the module docstring)."""
    stores = _stores(stmts)
    windows: dict[str, ast.expr] = {}
    strides: set[str] = set()
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Tuple) and \
                isinstance(st.value, ast.Attribute) and st.value.attr == "strides":
            strides |= {t.id for t in st.targets[0].elts if isinstance(t, ast.Name)}
            continue
        b = _bound(st)
        if b is not None and stores.get(b[0]) == 1:
            x = _window_of(b[1], {})
            if x is not None:
                windows[b[0]] = x
                continue
        out.append(st)

    class Conv(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
            n = self.generic_visit(n)  # type: ignore[assignment]
            name = _dotted(n.func)
            last = name.split(".")[-1]
            if last == "einsum" and len(n.args) == 3 and isinstance(n.args[0], ast.Constant) and \
                    str(n.args[0].value).replace(" ", "") == "ijpq,pq->ij" and not n.keywords:
                x = _window_of(n.args[1], windows)
                if x is not None:
                    return _corr(x, n.args[2])
            if last == "tensordot" and len(n.args) == 2:
                axes = next((k.value for k in n.keywords if k.arg in ("axes", "dims")), None)
                x = _window_of(n.args[0], windows)
                if x is not None and _axes_pair(axes) and len(n.keywords) == 1:
                    return _corr(x, n.args[1])
            if isinstance(n.func, ast.Attribute) and n.func.attr == "sum" and not n.args and len(n.keywords) == 1 and \
                    n.keywords[0].arg in ("axis", "dim") and isinstance(n.keywords[0].value, ast.Tuple) and \
                    [getattr(a, "value", None) for a in n.keywords[0].value.elts] == [2, 3]:
                prod = n.func.value
                if isinstance(prod, ast.BinOp) and isinstance(prod.op, ast.Mult):
                    x = _window_of(prod.left, windows)
                    if x is not None:
                        return _corr(x, prod.right)
            if last in ("convolve2d", "convolve") and len(n.args) == 2:
                d = _flipped(n.args[1])
                mode = next((k.value for k in n.keywords if k.arg == "mode"), None)
                if d is not None and all(k.arg == "mode" for k in n.keywords) and (
                    mode is None and name == "convolve2d" or isinstance(mode, ast.Constant) and mode.value == "valid"
                ):
                    return _corr(n.args[0], d)
            return n

        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:  # noqa: N802
            n = self.generic_visit(n)  # type: ignore[assignment]
            pair = _torch_conv_of_maps(n)
            return _corr(*pair) if pair is not None else n

    done = [Conv().visit(st) for st in out]
    used = {n.id for st in done for n in ast.walk(st) if isinstance(n, ast.Name)}
    if used & (set(windows) | strides):
        return stmts
    return done


def _ones_kk(e: ast.expr) -> ast.expr | None:
    """``np.ones((k, k))`` → k."""
    if isinstance(e, ast.Call) and _dotted(e.func) in ("np.ones", "numpy.ones") and len(e.args) == 1 and not e.keywords:
        s = e.args[0]
        if isinstance(s, ast.Tuple) and len(s.elts) == 2 and ast.dump(s.elts[0]) == ast.dump(s.elts[1]) and \
                isinstance(s.elts[0], ast.Constant) and isinstance(s.elts[0].value, int):
            return s.elts[0]
    return None


_REPEATS = ("repeat", "repeat_interleave")  # NumPy's (and CuPy's), PyTorch's (dim=)
_REPEAT_FUNCS = ("np.repeat", "numpy.repeat", "cp.repeat", "jnp.repeat", "torch.repeat_interleave")


def _method_repeat(e: ast.expr) -> ast.expr:
    """``np.repeat(d, k, axis=a)`` / ``torch.repeat_interleave(d, k, dim=a)`` as the method call
    ``d.repeat(k, axis=a)`` (the same array); anything else as it is."""
    if isinstance(e, ast.Call) and _dotted(e.func) in _REPEAT_FUNCS and e.args:
        method = "repeat_interleave" if _dotted(e.func).startswith("torch") else "repeat"
        return ast.Call(ast.Attribute(e.args[0], method, ast.Load()), list(e.args[1:]), list(e.keywords))
    return e


def _upsampled(e: ast.expr) -> tuple[ast.expr, ast.expr] | None:
    """``np.kron(d, np.ones((k, k)))`` / ``d.repeat(k, axis=0).repeat(k, axis=1)`` (also as
    ``np.repeat(np.repeat(d, k, axis=0), k, axis=1)``, PyTorch's ``repeat_interleave`` with
    ``dim=``) → (d, k)."""
    if isinstance(e, ast.Call) and _dotted(e.func) in ("np.kron", "numpy.kron") and len(e.args) == 2 and not e.keywords:
        k = _ones_kk(e.args[1])
        if k is not None:
            return e.args[0], k
    e = _method_repeat(e)
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr in _REPEATS:
        outer = e
        inner = _method_repeat(e.func.value)
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in _REPEATS:
            def parts(c: ast.Call) -> tuple[ast.expr, int] | None:
                kw = {k.arg: k.value for k in c.keywords}
                if len(c.args) == 2 and not kw:
                    k, a = c.args
                elif len(c.args) == 1 and len(kw) == 1 and set(kw) <= {"axis", "dim"}:
                    k, a = c.args[0], next(iter(kw.values()))
                else:
                    return None
                return (k, a.value) if isinstance(a, ast.Constant) and isinstance(k, ast.Constant) else None

            p, q = parts(inner), parts(outer)
            if p and q and {p[1], q[1]} == {0, 1} and p[0].value == q[0].value:
                return inner.func.value, p[0]
    return None


def _pools(pools: dict[str, tuple[str, int]]):  # type: ignore[no-untyped-def]
    """The pass reading a max pool's hand-routed gradient (``pools``: P → (A, k) of the network)."""

    class Pool(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
            n = self.generic_visit(n)  # type: ignore[assignment]
            up = _upsampled(n)
            if up is not None:
                return ast.Call(ast.Name("upsample", ast.Load()), [up[0], up[1]], [])
            return n

        def visit_Compare(self, n: ast.Compare) -> ast.AST:  # noqa: N802
            n = self.generic_visit(n)  # type: ignore[assignment]
            if len(n.ops) == 1 and isinstance(n.ops[0], ast.Eq) and isinstance(n.left, ast.Name):
                right = n.comparators[0]
                if isinstance(right, ast.Call) and _dotted(right.func) == "upsample" and len(right.args) == 2 and \
                        isinstance(right.args[0], ast.Name) and isinstance(right.args[1], ast.Constant):
                    want = pools.get(right.args[0].id)
                    if want == (n.left.id, right.args[1].value):
                        return ast.Call(ast.Name("pool_mask", ast.Load()), [n.left, right.args[1]], [])
            return n

    def run(stmts: list[ast.stmt]) -> list[ast.stmt]:
        return [Pool().visit(st) for st in stmts]

    return run


_TRIGGER = re.compile(
    r"=\s*(?:np|numpy|torch|cp|cupy|jnp|tf|F|signal|scipy|math)\.[\w.]+\s*$|=\s*(?:cp|cupy|np)\s*$|get_array_module|getLogger|"
    r"lambda[^:\n]*:\s*\(?\s*lambda|return\s+lambda|NamedTuple|reduce\(|\.stack\(|\[\s*\d+\s*(?:,\s*\d+\s*)*\]|"
    r"sliding_window_view|as_strided|\.unfold\(|convolve|conv2d\(|kron\(|\.repeat\(|repeat_interleave\(|\)\(|\.size\b|\.numel\(|len\([^()]*\.T\)|:=|^\s*match\b",
    re.M,
)


def triggered(text: str) -> bool:
    """Might :func:`rewritten` change ``text``?"""
    return isinstance(text, str) and _TRIGGER.search(text) is not None


def rewritten(
    text: str, names: frozenset[str] = frozenset(), pools: dict[str, tuple[str, int]] | None = None,
    sizes: dict[str, int] | None = None,
) -> str:
    """``text`` with the spellings of the module docstring rewritten (``names``: the network's
    tensor names, which tell a convolution's split channels; ``pools``: its max pools, P → (A, k)),
    unparsed; ``text`` itself when none applies or it is not Python."""
    if not isinstance(text, str) or not _TRIGGER.search(text):
        return text
    return rewritten_by(
        text,
        lambda stmts: in_order(stmts, _aliases, _statements_decided, _curried, _record_lists, _reduces, _lens, _stacks,
                               _einsum_channels, _channels(names, dict(sizes or {})),
                               _convolutions, _pools(dict(pools or {}))),
    )


def pools_of(spec) -> dict[str, tuple[str, int]]:  # type: ignore[no-untyped-def]
    """The network's max pools of a named tensor: ``P = max_pool2d(A, k=2)`` → {"P": ("A", 2)}."""
    out: dict[str, tuple[str, int]] = {}
    for name, tree in getattr(spec, "forward", ()) or ():
        func = getattr(tree, "func", None)
        args = getattr(tree, "args", ())
        if func == "max_pool2d" and len(args) == 1 and hasattr(args[0], "id"):
            kw = dict(getattr(tree, "kwargs", ()) or ())
            k = kw.get("k")
            value = getattr(k, "value", None)
            if value is not None and value == int(value) and set(kw) <= {"k"}:
                out[name] = (args[0].id, int(value))
    return out


def split_sizes(names: Iterable[str], shapes: dict[str, tuple[int, ...]]) -> dict[str, int]:
    """The entries of each tensor derive splits into channels (``A`` → the entries of ``A0``,
    ``A1``, …), from the split names' shapes (``shapes`` holds only whole-number shapes): a base
    that is itself a name, or with fewer than two channels of one shape, is left out."""
    names = set(names)
    groups: dict[str, list[str]] = {}
    for name in names:
        base = name.rstrip("0123456789")
        if base and base != name and base not in names:
            groups.setdefault(base, []).append(name)
    out: dict[str, int] = {}
    for base, split in groups.items():
        if len(split) < 2 or not all(k in shapes for k in split) or len({shapes[k] for k in split}) != 1:
            continue
        n = 1
        for d in shapes[split[0]]:
            n *= d
        out[base] = n * len(split)
    return out
