"""heldcheck50: spellings of the fiftieth held-out corpus (tests/corpus50.py) the code reader learns,
kept in one module so that derive/checker/formula.py calls it from one line (as legacy49.py, which
runs after it).

:func:`rewritten` returns plain code the readers after it know; each rewrite is the code as Python
runs it:

- a per-example sum over a literal ``range(K)`` (``sum(np.outer(A1[i], A2[i] - Y[i]) for i in
  range(2))``, a list comprehension alike, ``np.stack([… for i in range(K)]).sum(axis=0)`` /
  ``.mean(axis=0)``, a name bound once to such a list and stacked) is the sum of its K terms, ``i``
  put in as 0 … K − 1 (issue 11 item 2: a formula right only at the example's sizes says so).
  The loop then sums the first K examples whatever the batch size: where K is the batch size of
  the example, the answer is right there and wrong at every other size, and the literal K is
  reported as a number written for that size (:func:`loop_bounds`, read by check.py's
  literal rule: "you wrote 2 for m", fix ``range(m)`` / ``range(X.shape[0])``). A loop over
  the size's name (``range(m)``, ``len(X)``, ``X.shape[0]``) is not touched: the readers after
  read it whole; a ``for i in range(K):`` loop of ``+=`` statements alike, as its K copies;
- a gradient dictionary filled by string keys (``g = {}``, ``g['v'] = 2 * v``) read back after the
  entry is stored (``g['b'] = g['v']``): the stored entry, as the cell reader names a store keyed by
  a tensor's name (``dv``), not the tensor ``v`` itself (a cache's ``cache['A1']`` read without a
  store stays the tensor);
- ``jax.lax``'s element-wise ops (``lax.mul``, ``lax.add``, ``lax.sub``, ``lax.div``, ``lax.neg``) as
  the operators; MLX's ``mx.sigmoid`` (``import mlx.core as mx``) as ``torch.sigmoid``; MindSpore's
  ``ops.mean``/``ops.sum`` keyword ``keep_dims=`` as ``keepdims=``;
- on a network whose tensor derive splits into channels (``P`` → ``P0``, ``P1``, ``P2``), the
  channel-first flatten of the whole tensor with a batch of one (``P.reshape(1, -1)``,
  ``P.reshape(P.shape[0], -1)``, ``P.view(P.size(0), -1)``, ``P.flatten()[None, :]`` alike; ``P.reshape(-1, 1)`` as a column) as
  the channels' rows side by side (each channel a 2-D map of the one example), ``np.concatenate((P0.reshape(1, -1), …), axis=1)`` — the form derive
  prints — and a [forward] name the network inlines whose definition is such a flatten (``f =
  P.view(P.size(0), -1)``) as that flatten (another order, ``order='F'`` or channels last, is left as
  written: refused).
"""

from __future__ import annotations

import ast
import contextvars
import copy
import functools
import re
import tomllib
from pathlib import Path

from derive.checker.asttools import rewritten_by, in_order, subst
from derive.checker.legacy48 import _call_name as _dotted
from derive.checker.legacy49 import _stacks

_MAX_UNROLLED = 16  # a literal loop longer than this is left as written (refused, as before)
_BOUNDS: contextvars.ContextVar[tuple[tuple[int, frozenset[str]], ...]] = contextvars.ContextVar(
    "loop_bounds_heldcheck50", default=()
)
_TRIGGER = re.compile(r"\brange\(\s*\d+\s*\)")
_STACKS = ("np.stack", "numpy.stack", "torch.stack", "cp.stack", "jnp.stack")


def loop_bounds() -> tuple[tuple[int, frozenset[str]], ...]:
    """The per-example loops the last :func:`rewritten` unrolled: each literal bound K with the
    names of the tensors its loop variable indexes (``A1``, ``A2``, ``Y``)."""
    return _BOUNDS.get()


def forget_bounds() -> None:
    """No loop unrolled (the reader calls this before each answer it reads)."""
    _BOUNDS.set(())


def _literal_range(comp: ast.comprehension) -> int | None:
    it = comp.iter
    if (
        comp.ifs
        or comp.is_async
        or not isinstance(comp.target, ast.Name)
        or not (isinstance(it, ast.Call) and _dotted(it.func) == "range" and len(it.args) == 1 and not it.keywords)
    ):
        return None
    k = it.args[0]
    if isinstance(k, ast.Constant) and type(k.value) is int and 1 <= k.value <= _MAX_UNROLLED:
        return k.value
    return None


def _index_only(elt: ast.expr, i: str) -> bool:
    """Is every use of ``i`` in ``elt`` an index of a subscript (``X[i]``, ``X[i, 0]``)?"""
    inside: set[int] = set()
    for n in ast.walk(elt):
        if isinstance(n, ast.Subscript):
            idx = n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice]
            inside |= {id(e) for e in idx if isinstance(e, ast.Name) and e.id == i}
        if isinstance(n, (ast.Lambda, ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
            return False  # a scope of its own: left as written
    uses = [n for n in ast.walk(elt) if isinstance(n, ast.Name) and n.id == i]
    return bool(uses) and all(id(n) in inside for n in uses)


class _Unrolled(ast.NodeTransformer):
    """``sum(E for i in range(K))`` (a list comprehension alike) as ``E[0] + … + E[K-1]``."""

    def __init__(self) -> None:
        self.bounds: list[tuple[int, frozenset[str]]] = []

    def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
        n = self.generic_visit(n)  # type: ignore[assignment]
        if not (isinstance(n.func, ast.Name) and n.func.id == "sum" and len(n.args) == 1 and not n.keywords):
            return n
        gen = n.args[0]
        if not isinstance(gen, (ast.GeneratorExp, ast.ListComp)) or len(gen.generators) != 1:
            return n
        comp = gen.generators[0]
        k = _literal_range(comp)
        if k is None or not _index_only(gen.elt, comp.target.id):
            return n
        i = comp.target.id
        terms = [subst(gen.elt, {i: ast.Constant(j)}) for j in range(k)]
        out: ast.expr = terms[0]
        for t in terms[1:]:
            out = ast.BinOp(out, ast.Add(), t)
        rows = frozenset(
            s.value.id for s in ast.walk(gen.elt) if isinstance(s, ast.Subscript) and isinstance(s.value, ast.Name)
            and any(isinstance(e, ast.Name) and e.id == i
                    for e in (s.slice.elts if isinstance(s.slice, ast.Tuple) else [s.slice]))
        )
        self.bounds.append((k, rows))
        return out


def _stacked_names(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``grads = [E for i in range(K)]`` (bound once, used once, in ``np.stack(grads, …)``) put
    in where it is stacked, so that the stack's sum or mean is read as the list's."""
    binds: dict[str, int] = {}
    for k, st in enumerate(stmts):
        for n in ast.walk(st):
            if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
                binds[n.id] = -1 if n.id in binds else k
    out = list(stmts)
    for name, k in binds.items():
        st = stmts[k] if k >= 0 else None
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                and isinstance(st.value, ast.ListComp) and len(st.value.generators) == 1
                and _literal_range(st.value.generators[0]) is not None):
            continue
        loads = [(j, n) for j, s in enumerate(stmts) for n in ast.walk(s) if isinstance(n, ast.Name)
                 and n.id == name and isinstance(n.ctx, ast.Load)]
        if len(loads) != 1:
            continue
        stacked = [c for s in stmts for c in ast.walk(s) if isinstance(c, ast.Call) and _dotted(c.func) in _STACKS
                   and len(c.args) == 1 and c.args[0] is loads[0][1]]
        if len(stacked) != 1:
            continue
        stacked[0].args[0] = copy.deepcopy(st.value)
        out[k] = None  # type: ignore[call-overload]
    return [s for s in out if s is not None]


def _rows_only(elt: ast.expr, i: str) -> bool:
    """Is every use of ``i`` in ``elt`` the one index of a name (``A2[i]``: a row of a matrix)?"""
    uses = [n for n in ast.walk(elt) if isinstance(n, ast.Name) and n.id == i]
    rows = [n for n in ast.walk(elt) if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
            and isinstance(n.slice, ast.Name) and n.slice.id == i]
    return bool(rows) and len(uses) == len(rows)


class _KeptStacks(ast.NodeTransformer):
    """``np.stack([E for i in range(K)]).mean(axis=0, keepdims=True)`` (``.sum``), each ``E`` an
    expression of rows ``T[i]`` (1-D): the rows' sum as a row, ``sum(E …)[None, :]`` (/ K)."""

    def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
        n = self.generic_visit(n)  # type: ignore[assignment]
        f = n.func
        kw = {k.arg: k.value for k in n.keywords}
        if not (isinstance(f, ast.Attribute) and f.attr in ("sum", "mean") and not n.args and set(kw) == {"axis", "keepdims"}
                and isinstance(kw["axis"], ast.Constant) and kw["axis"].value == 0
                and isinstance(kw["keepdims"], ast.Constant) and kw["keepdims"].value is True):
            return n
        st = f.value
        if not (isinstance(st, ast.Call) and _dotted(st.func) in _STACKS and len(st.args) == 1 and not st.keywords
                and isinstance(st.args[0], ast.ListComp) and len(st.args[0].generators) == 1):
            return n
        comp = st.args[0].generators[0]
        k = _literal_range(comp)
        if k is None or not _rows_only(st.args[0].elt, comp.target.id):
            return n
        total = ast.Call(ast.Name("sum", ast.Load()), [ast.GeneratorExp(st.args[0].elt, st.args[0].generators)], [])
        row = ast.Subscript(total, ast.Tuple([ast.Constant(None), ast.Slice()], ast.Load()), ast.Load())
        return row if f.attr == "sum" else ast.BinOp(row, ast.Div(), ast.Constant(k))


def _for_loops(unrolled: _Unrolled):  # type: ignore[no-untyped-def]
    """``for i in range(K):`` whose body is ``+=``/``-=`` statements of ``i`` as an index only: the
    body K times, ``i`` put in as 0 … K − 1 (the bound kept in ``unrolled``)."""

    def run(stmts: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for st in stmts:
            k = None
            if isinstance(st, ast.For) and not st.orelse and not st.type_comment:
                comp = ast.comprehension(st.target, st.iter, [], 0)
                k = _literal_range(comp)
            if k is None or not all(
                isinstance(b, ast.AugAssign) and isinstance(b.op, (ast.Add, ast.Sub)) and isinstance(b.target, ast.Name)
                and _index_only(b.value, st.target.id) for b in st.body
            ):
                out.append(st)
                continue
            i = st.target.id
            rows = frozenset(
                n.value.id for b in st.body for n in ast.walk(b.value) if isinstance(n, ast.Subscript)
                and isinstance(n.value, ast.Name) and any(
                    isinstance(e, ast.Name) and e.id == i for e in (n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice]))
            )
            for j in range(k):
                out.extend(subst(b, {i: ast.Constant(j)}) for b in st.body)  # type: ignore[misc]
            unrolled.bounds.append((k, rows))
        return out

    return run


def _dict_reads(tensors: frozenset[str]):  # type: ignore[no-untyped-def]
    """``g['v']`` read after ``g['v'] = …`` (``g = {}`` or ``dict()``, a tensor's name as the key)
    as ``g['dv']``, the name the cell reader gives the stored entry."""

    def run(stmts: list[ast.stmt]) -> list[ast.stmt]:
        holders = {
            st.targets[0].id for st in stmts
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
            and ((isinstance(st.value, ast.Dict) and not st.value.keys)
                 or (isinstance(st.value, ast.Call) and _dotted(st.value.func) == "dict" and not st.value.args and not st.value.keywords))
        }
        if not holders:
            return stmts
        stored: set[tuple[str, str]] = set()

        class Reads(ast.NodeTransformer):
            def visit_Subscript(self, n: ast.Subscript) -> ast.AST:  # noqa: N802
                self.generic_visit(n)
                if (isinstance(n.ctx, ast.Load) and isinstance(n.value, ast.Name) and n.value.id in holders
                        and isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str)
                        and (n.value.id, n.slice.value) in stored and n.slice.value in tensors):
                    return ast.Subscript(n.value, ast.Constant("d" + n.slice.value), ast.Load())
                return n

        out = []
        for st in stmts:
            st = Reads().visit(st)
            out.append(st)
            if isinstance(st, (ast.Assign, ast.AugAssign)):
                for t in st.targets if isinstance(st, ast.Assign) else [st.target]:
                    if (isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in holders
                            and isinstance(t.slice, ast.Constant) and isinstance(t.slice.value, str)):
                        stored.add((t.value.id, t.slice.value))
        return out

    return run


_LAX_OPS = {"mul": ast.Mult, "add": ast.Add, "sub": ast.Sub, "div": ast.Div}


class _Ops(ast.NodeTransformer):
    """``lax.mul(a, b)`` → ``a * b`` (add, sub, div; ``lax.neg(a)`` → ``-a``); ``mx.sigmoid`` (MLX)
    → ``torch.sigmoid``; ``ops.mean``/``ops.sum``'s ``keep_dims=`` → ``keepdims=``."""

    def __init__(self, mlx: bool) -> None:
        self.mlx = mlx

    def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
        n = self.generic_visit(n)  # type: ignore[assignment]
        name = _dotted(n.func) or ""
        head, _, op = name.rpartition(".")
        if head in ("lax", "jax.lax") and not n.keywords:
            if op in _LAX_OPS and len(n.args) == 2:
                return ast.BinOp(n.args[0], _LAX_OPS[op](), n.args[1])
            if op == "neg" and len(n.args) == 1:
                return ast.UnaryOp(ast.USub(), n.args[0])
        if self.mlx and name == "mx.sigmoid":
            n.func = ast.Attribute(ast.Name("torch", ast.Load()), "sigmoid", ast.Load())
        if name in ("ops.mean", "ops.sum", "mindspore.ops.mean", "mindspore.ops.sum"):  # not ops.ReduceMean(keep_dims=…)
            for k in n.keywords:
                if k.arg == "keep_dims":
                    k.arg = "keepdims"
        return n


def _is_num(e: ast.expr, v: int) -> bool:
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        return isinstance(e.operand, ast.Constant) and e.operand.value == -v
    return isinstance(e, ast.Constant) and type(e.value) is int and e.value == v


def _batch_of(e: ast.expr, base: str) -> bool:
    """``1``, ``P.shape[0]``, ``P.size(0)``, ``len(P)``: the batch axis of ``P`` (one entry)."""
    if _is_num(e, 1):
        return True
    if isinstance(e, ast.Subscript) and _is_num(e.slice, 0) and isinstance(e.value, ast.Attribute) and e.value.attr == "shape":
        return isinstance(e.value.value, ast.Name) and e.value.value.id == base
    if isinstance(e, ast.Call) and len(e.args) == 1 and _is_num(e.args[0], 0) and isinstance(e.func, ast.Attribute) and e.func.attr == "size":
        return isinstance(e.func.value, ast.Name) and e.func.value.id == base
    if isinstance(e, ast.Call) and _dotted(e.func) == "len" and len(e.args) == 1:
        return isinstance(e.args[0], ast.Name) and e.args[0].id == base
    return False


def _flattened(e: ast.expr, channels: dict[str, list[str]]) -> ast.expr | None:
    """The channel-first flatten (batch of one) of a split tensor as its channels side by side."""
    base = None
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and isinstance(e.func.value, ast.Name):
        x, f = e.func.value.id, e.func.attr
        if x in channels and not e.keywords and f in ("reshape", "view") and len(e.args) == 2:
            base = x if _batch_of(e.args[0], x) and _is_num(e.args[1], -1) else None
        if x in channels and f == "reshape" and not e.keywords and len(e.args) == 1 and isinstance(e.args[0], ast.Tuple):
            a = e.args[0].elts
            base = x if len(a) == 2 and _batch_of(a[0], x) and _is_num(a[1], -1) else None
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Tuple) and len(e.slice.elts) == 2:
        a, b = e.slice.elts
        inner = e.value
        if (isinstance(a, ast.Constant) and a.value is None and isinstance(b, ast.Slice) and not (b.lower or b.upper or b.step)
                and isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in ("flatten", "ravel")
                and not inner.args and not inner.keywords and isinstance(inner.func.value, ast.Name) and inner.func.value.id in channels):
            base = inner.func.value.id
    column = False
    if (base is None and isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "reshape"
            and isinstance(e.func.value, ast.Name) and e.func.value.id in channels and not e.keywords and len(e.args) == 2
            and _is_num(e.args[0], -1) and _is_num(e.args[1], 1)):
        base, column = e.func.value.id, True  # P.reshape(-1, 1): the flatten as a column
    if base is None:
        return None
    if column:
        cols = [ast.Call(ast.Attribute(ast.Name(c, ast.Load()), "reshape", ast.Load()), [ast.Constant(-1), ast.Constant(1)], [])
                for c in channels[base]]
        np_cat = ast.Attribute(ast.Name("np", ast.Load()), "concatenate", ast.Load())
        return ast.Call(np_cat, [ast.Tuple(cols, ast.Load())], [ast.keyword("axis", ast.Constant(0))])
    rows = [ast.Call(ast.Attribute(ast.Name(c, ast.Load()), "reshape", ast.Load()), [ast.Constant(1), ast.Constant(-1)], [])
            for c in channels[base]]
    np_cat = ast.Attribute(ast.Name("np", ast.Load()), "concatenate", ast.Load())
    return ast.Call(np_cat, [ast.Tuple(rows, ast.Load())], [ast.keyword("axis", ast.Constant(1))])


def _flattens(channels: dict[str, list[str]], inlined: dict[str, ast.expr]):  # type: ignore[no-untyped-def]
    def run(stmts: list[ast.stmt]) -> list[ast.stmt]:
        if not channels:
            return stmts
        own = {n.id for st in stmts for n in ast.walk(st) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        env = {k: v for k, v in inlined.items() if k not in own and _flattened(v, channels) is not None}

        class Flat(ast.NodeTransformer):
            def visit_Name(self, n: ast.Name) -> ast.AST:  # noqa: N802
                if isinstance(n.ctx, ast.Load) and n.id in env:
                    return _flattened(env[n.id], channels) or n
                return n

            def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
                return _flattened(n, channels) or self.generic_visit(n)

            def visit_Subscript(self, n: ast.Subscript) -> ast.AST:  # noqa: N802
                return _flattened(n, channels) or self.generic_visit(n)

        return [Flat().visit(st) for st in stmts]

    return run


@functools.lru_cache(maxsize=256)
def _forward_lines(source: str) -> tuple[tuple[str, str], ...]:
    try:
        forward = tomllib.loads(Path(source).read_text(encoding="utf-8")).get("forward", {})
    except (OSError, ValueError):
        return ()
    return tuple((k, v) for k, v in forward.items() if isinstance(v, str) and k.isidentifier())


def written_forward(source: str) -> dict[str, ast.expr]:
    """The [forward] lines of the spec file ``source`` as written (parsed; a built-in's name or a
    line that is not Python gives nothing)."""
    if not source.endswith(".toml"):
        return {}
    out: dict[str, ast.expr] = {}
    for k, v in _forward_lines(source):
        try:
            out[k] = ast.parse(v, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            continue
    return out


def channels_of(names: frozenset[str], maps: frozenset[str] | None = None) -> dict[str, list[str]]:
    """The channels of each tensor derive splits (``P`` → ``[P0, P1, P2]``): a base name that is not
    itself a tensor with two or more numbered names ``0 … n − 1`` — each of them among ``maps`` (the
    network's 2-D tensors: the maps of one example) where ``maps`` is given."""
    groups: dict[str, list[int]] = {}
    for name in names:
        if maps is not None and name not in maps:
            continue
        m = re.fullmatch(r"([A-Za-z_]\w*?)(\d)", name)
        if m and m.group(1) not in names:
            groups.setdefault(m.group(1), []).append(int(m.group(2)))
    return {b: [f"{b}{k}" for k in sorted(ks)] for b, ks in groups.items() if len(ks) >= 2 and sorted(ks) == list(range(len(ks)))}


_TRIGGER_MORE = re.compile(r"\[\s*['\"]|lax\.|mx\.sigmoid|keep_dims|\.reshape\(|\.view\(|\.flatten\(|\.ravel\(")


def rewritten(
    text: str, tensors: frozenset[str] = frozenset(), inlined: dict[str, ast.expr] | None = None,
    maps: frozenset[str] | None = None,
) -> str:
    """``text`` with the spellings of the module docstring rewritten (the bounds it unrolled kept for
    :func:`loop_bounds`); ``tensors``: the network's tensor names, ``inlined``: the [forward]
    definitions of the names the network does not keep (parsed); ``text`` itself when none applies
    or it is not Python."""
    _BOUNDS.set(())
    if not isinstance(text, str):
        return text
    inlined = dict(inlined or {})
    if not (_TRIGGER.search(text) or _TRIGGER_MORE.search(text) or any(re.search(rf"\b{re.escape(k)}\b", text) for k in inlined)):
        return text
    unrolled = _Unrolled()

    def unroll(stmts: list[ast.stmt]) -> list[ast.stmt]:
        return [unrolled.visit(st) for st in stmts]

    mlx = "mlx" in text
    out = rewritten_by(
        text,
        lambda stmts: in_order(
            stmts, _stacked_names, _stacks, lambda b: [_KeptStacks().visit(x) for x in b], unroll, _for_loops(unrolled),
            _dict_reads(tensors), lambda b: [_Ops(mlx).visit(x) for x in b], _flattens(channels_of(tensors, maps), inlined),
        ),
    )
    _BOUNDS.set(tuple(unrolled.bounds) if out is not text else ())
    return out
