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
  read it whole.
"""

from __future__ import annotations

import ast
import contextvars
import copy
import re

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


def rewritten(text: str) -> str:
    """``text`` with the spellings of the module docstring rewritten (the bounds it unrolled kept for
    :func:`loop_bounds`); ``text`` itself when none applies or it is not Python."""
    _BOUNDS.set(())
    if not isinstance(text, str) or not _TRIGGER.search(text):
        return text
    unrolled = _Unrolled()

    def unroll(stmts: list[ast.stmt]) -> list[ast.stmt]:
        return [unrolled.visit(st) for st in stmts]

    out = rewritten_by(text, lambda stmts: in_order(stmts, _stacked_names, _stacks, lambda b: [_KeptStacks().visit(x) for x in b], unroll))
    _BOUNDS.set(tuple(unrolled.bounds) if out is not text else ())
    return out
