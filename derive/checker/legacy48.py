"""heldcheck48: spellings of the forty-eighth held-out corpus (tests/corpus48.py) the code reader
learns, kept in one module so that derive/checker/formula.py calls it from one line (as
derive/checker/legacy47.py, which it runs before).

:func:`rewritten` (run by formula's reader on the answer's text before ``legacy47.rewritten`` and
``cells.expand``) returns plain code the cell reader and the formula reader know; every rewrite is
of the code as Python runs it, and a statement it cannot rewrite exactly is left as written (the
reader then names what it does not read):

- IPython's ``%time stmt`` / ``%prun stmt`` run ``stmt`` (it was dropped with the other magics, so
  a name it assigns was read as the network's own gradient of that name); ``%timeit stmt`` keeps
  nothing it assigns and is dropped as before;
- a docstring (a string statement) computes nothing: dropped (the code reader split a Chinese one
  at its full-width colon);
- ``einops``: ``rearrange(x, 'a b -> b a')`` as ``x.T``, the same axes in order as ``x`` (``1``
  axes inserted as ``None`` subscripts), ``reduce(x, 'a b -> 1 b', 'mean'|'sum')`` as
  ``np.mean``/``np.sum`` over the axes left out (``keepdims`` where they stay as ``1``/``()``);
  other patterns (grouped axes) left as written;
- ``np.einsum``/``torch.einsum`` with an ellipsis (``'...h,...o->ho'``): the ellipsis as one
  axis letter of its own (the matrices of a network have two axes) — where the output keeps it,
  or in ``torch.einsum``, which sums over an ellipsis the output leaves out (NumPy refuses that); ``optimize=`` left out (it
  changes no value), the lines computing an ``np.einsum_path`` left out; three operands or more
  contracted pairwise (where each partial result has at most two axes);
- a generator without parameters or loops (``def steps(): … yield h_1, dz …``) read at its call:
  ``sum(E for t in steps())`` the sum of E over what it yields, ``a, b = steps()`` and
  ``next(steps())`` the values yielded (its own names renamed, its body placed before the
  statement that first calls it);
- ``sum(E for t in [a, b])`` over a written-out list (or a name bound once to one) as the sum of
  E at each entry (the list's line left out when nothing else reads it);
- ``try``/``except``/``else``/``finally`` whose body raises nothing itself: the body, ``else`` and
  ``finally`` (what Python runs when the body does not raise; a body that does raise is a shape
  error the reader reports);
- ``tf.nn.leaky_relu(x, alpha=a)`` as ``np.where(x > 0, x, a * x)`` (TensorFlow's default slope
  0.2; the slope was dropped and PyTorch's 0.01 read);
- ``np.expand_dims(a, 0)`` / ``(a, 1)`` as ``a[None]`` / ``a[:, None]``; ``np.multiply.outer`` of
  a number (``x.item()``) as the product; ``tf.ones(shape, dtype)`` as ``np.ones(shape)``;
  ``torch.full_like(s, v)`` as ``np.zeros_like(s) + v``; ``torch.addmm``/``torch.baddbmm`` over a
  zero input (``torch.zeros(…)`` or ``beta=0``) as ``alpha`` times the product (``baddbmm`` of
  ``E[None]`` and ``F[None]`` indexed ``[0]`` as that of ``E`` and ``F``).
"""

from __future__ import annotations

import ast
import copy
import re

from derive.checker import cells
from derive.checker.asttools import Subst, in_order, rewritten_by

_TIME_MAGIC = re.compile(r"^([ \t]*)%(?:time|prun)[ \t]+(?=[A-Za-z_])", re.M)
_EINSUMS = ("einsum",)
_ARRAYS = frozenset({"np", "numpy", "torch", "jnp", "tf", "cp", "onp"})


def _call_name(node: ast.AST) -> str:
    """``np.einsum`` → "np.einsum", ``f`` → "f", anything else → ""."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _num(e: ast.expr) -> float | None:
    if isinstance(e, ast.Constant) and isinstance(e.value, (int, float)) and not isinstance(e.value, bool):
        return float(e.value)
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        v = _num(e.operand)
        return None if v is None else -v
    return None


def _kw(node: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in node.keywords if k.arg == name), None)


def _np(attr: str, *args: ast.expr, **kws: ast.expr) -> ast.Call:
    return ast.Call(
        func=ast.Attribute(value=ast.Name("np", ast.Load()), attr=attr, ctx=ast.Load()),
        args=list(args), keywords=[ast.keyword(arg=k, value=v) for k, v in kws.items()],
    )


# ---------------------------------------------------------------- einops
def _axes(side: str) -> list[str] | None:
    """The axes of one side of an einops pattern: names, "1" for ``1`` or ``()``; None where a
    group ``(a b)`` stands."""
    side = side.replace("()", " 1 ")
    if "(" in side or ")" in side or "..." in side:
        return None
    out = side.split()
    return out if all(t == "1" or t.isidentifier() for t in out) else None


def _pattern(e: ast.expr) -> tuple[list[str], list[str]] | None:
    if not (isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.count("->") == 1):
        return None
    left, right = (_axes(s) for s in e.value.split("->"))
    if left is None or right is None or "1" in left or len(set(left)) != len(left):
        return None
    return left, right


def _rearranged(x: ast.expr, left: list[str], right: list[str]) -> ast.expr | None:
    names = [t for t in right if t != "1"]
    if sorted(names) != sorted(left):
        return None
    if names == left:
        if len(right) == len(left):
            return x
        idx = [ast.Constant(None) if t == "1" else ast.Slice() for t in right]
        return ast.Subscript(value=x, slice=ast.Tuple(idx, ast.Load()), ctx=ast.Load())
    if len(left) == 2 and right == left[::-1]:
        return ast.Attribute(value=x, attr="T", ctx=ast.Load())
    return None


def _reduced(x: ast.expr, left: list[str], right: list[str], how: str) -> ast.expr | None:
    if how not in ("mean", "sum"):
        return None
    gone = [i for i, t in enumerate(left) if t not in right]
    kept = [t for t in right if t != "1"]
    if not gone or kept != [t for t in left if t in right]:
        return None
    if len(right) == len(left):  # each reduced axis stays as a 1
        if any(right[i] != "1" for i in gone) or any(right[i] != t for i, t in enumerate(left) if i not in gone):
            return None
        keep = True
    elif right == kept:
        keep = False
    else:
        return None
    axis: ast.expr = ast.Constant(gone[0]) if len(gone) == 1 else ast.Tuple([ast.Constant(i) for i in gone], ast.Load())
    kws = {"axis": axis}
    if keep:
        kws["keepdims"] = ast.Constant(True)
    return _np(how, x, **kws)


# ---------------------------------------------------------------- einsum
def _free_letter(spec: str) -> str | None:
    return next((c for c in "zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA" if c not in spec), None)


def _whole_ellipsis(spec: str, ops: list[ast.expr], torch: bool) -> ast.expr | None:
    """``einsum('...,...->...', a, b)`` (every operand all ellipsis) as ``a * b``, and ``'...,...->'``
    in ``torch.einsum`` (which sums over an ellipsis the output leaves out) as ``np.sum(a * b)``."""
    ins, arrow, out = spec.replace(" ", "").partition("->")
    if not arrow or not ops or ins.split(",") != ["..."] * len(ops) or out not in ("...", ""):
        return None
    if out == "" and not torch:
        return None
    prod = ops[0]
    for o in ops[1:]:
        prod = ast.BinOp(prod, ast.Mult(), o)
    return prod if out == "..." else _np("sum", prod)


def _one_axis_ellipsis(spec: str, torch: bool) -> bool:
    """Does every operand's ellipsis in ``spec`` stand for one axis of a matrix (one letter beside
    it), with the output keeping it — or left out of it by ``torch.einsum``, which sums over it
    (NumPy refuses that)? Other ellipses are the formula reader's (c46: ``'...ij->...ji'``)."""
    ins, arrow, out = spec.replace(" ", "").partition("->")
    if not arrow:
        return False
    terms = [t for t in ins.split(",") if "..." in t]
    if not terms or any(len(t.replace("...", "")) != 1 or t.count("...") != 1 for t in terms):
        return False
    if "..." in out:
        return out.count("...") == 1
    return torch


def _pairwise(spec: str, ops: list[ast.expr], func: ast.expr) -> ast.expr | None:
    """``einsum('ni,mn,mj->ij', X, A, dO)`` as ``einsum('mi,mj->ij', einsum('ni,mn->mi', X, A), dO)``
    where every partial result has at most two axes."""
    if "->" not in spec:
        return None
    ins, out = spec.replace(" ", "").split("->")
    terms = ins.split(",")
    if len(terms) != len(ops) or len(ops) < 3:
        return None
    acc, acc_term = ops[0], terms[0]
    for k in range(1, len(ops)):
        if k == len(ops) - 1:
            keep = out
        else:
            later = set("".join(terms[k + 1:]) + out)
            keep = "".join(dict.fromkeys(c for c in acc_term + terms[k] if c in later))
            if len(keep) > 2:
                return None
        acc = ast.Call(func=copy.deepcopy(func), args=[ast.Constant(f"{acc_term},{terms[k]}->{keep}"), acc, ops[k]], keywords=[])
        acc_term = keep
    return acc


class _Calls(ast.NodeTransformer):
    def __init__(self, einops: dict[str, str]) -> None:
        self.einops = einops  # local name -> "rearrange" | "reduce"

    def _einops_of(self, node: ast.Call) -> str | None:
        name = _call_name(node.func)
        if name in self.einops:
            return self.einops[name]
        if name in ("einops.rearrange", "einops.reduce"):
            return name.split(".")[1]
        return None

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802, C901
        self.generic_visit(node)
        name = _call_name(node.func)
        base, _, attr = name.rpartition(".")
        kind = self._einops_of(node)
        if kind and len(node.args) >= 2:
            pat = _pattern(node.args[1])
            if pat is None:
                return node
            if kind == "rearrange" and len(node.args) == 2 and not node.keywords:
                return _rearranged(node.args[0], *pat) or node
            how = node.args[2] if len(node.args) == 3 else _kw(node, "reduction")
            if kind == "reduce" and isinstance(how, ast.Constant) and isinstance(how.value, str) and len(node.args) + len(node.keywords) == 3:
                return _reduced(node.args[0], *pat, how.value) or node
            return node
        if attr == "einsum" and base.split(".")[0] in _ARRAYS and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            spec = node.args[0].value
            keywords = [k for k in node.keywords if k.arg != "optimize"]
            whole = _whole_ellipsis(spec, node.args[1:], base == "torch")
            if whole is not None:
                return whole
            if "..." in spec and not _one_axis_ellipsis(spec, base == "torch"):
                return node
            if len(keywords) != len(node.keywords) or "..." in spec:
                if "..." in spec:
                    letter = _free_letter(spec)
                    if letter is None:
                        return node
                    spec = spec.replace("...", letter)
                node = ast.Call(func=node.func, args=[ast.Constant(spec), *node.args[1:]], keywords=keywords)
            if len(node.args) > 3 and not node.keywords:
                return _pairwise(spec, node.args[1:], node.func) or node
            return node
        if name in ("tf.nn.leaky_relu", "tf.keras.activations.leaky_relu") and len(node.args) in (1, 2):
            slope = node.args[1] if len(node.args) == 2 else _kw(node, "alpha")
            if len(node.args) + len(node.keywords) > 2 or (node.keywords and node.keywords[0].arg != "alpha"):
                return node
            slope = slope if slope is not None else ast.Constant(0.2)
            x = node.args[0]
            return _np("where", ast.Compare(copy.deepcopy(x), [ast.Gt()], [ast.Constant(0)]), copy.deepcopy(x),
                       ast.BinOp(slope, ast.Mult(), copy.deepcopy(x)))
        if attr == "expand_dims" and base in ("np", "numpy", "jnp", "tf") and len(node.args) + len(node.keywords) == 2:
            axis = node.args[1] if len(node.args) == 2 else _kw(node, "axis")
            a = _num(axis) if axis is not None else None
            if a == 0:
                return ast.Subscript(value=node.args[0], slice=ast.Constant(None), ctx=ast.Load())
            if a == 1:
                return ast.Subscript(value=node.args[0], slice=ast.Tuple([ast.Slice(), ast.Constant(None)], ast.Load()), ctx=ast.Load())
            return node
        if name in ("np.multiply.outer", "numpy.multiply.outer") and len(node.args) == 2 and not node.keywords:
            if any(_num(a) is not None or (isinstance(a, ast.Call) and isinstance(a.func, ast.Attribute) and a.func.attr == "item" and not a.args) for a in node.args):
                return ast.BinOp(node.args[0], ast.Mult(), node.args[1])
            return node
        if name in ("tf.ones", "torch.ones") and node.args and isinstance(node.args[0], ast.Tuple) and len(node.args) <= 2 and all(k.arg == "dtype" for k in node.keywords):
            return _np("ones", node.args[0])
        if name == "torch.full_like" and len(node.args) == 2 and not node.keywords and _num(node.args[1]) is not None:
            return ast.BinOp(_np("zeros_like", node.args[0]), ast.Add(), node.args[1])
        if name == "torch.addmm" and len(node.args) == 3:  # (baddbmm only as ``…[0]``: visit_Subscript)
            return _addmm(node, False) or node
        return node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:  # noqa: N802
        # torch.baddbmm(zeros, E[None], F[None])[0]: the product of E and F
        if (
            isinstance(node.value, ast.Call) and _call_name(node.value.func) == "torch.baddbmm"
            and isinstance(node.slice, ast.Constant) and node.slice.value == 0
        ):
            inner = _addmm(node.value, True)
            if inner is not None:
                return self.visit(inner)
        return self.generic_visit(node)


def _zero(e: ast.expr) -> bool:
    return isinstance(e, ast.Call) and _call_name(e.func) in ("torch.zeros", "torch.zeros_like", "np.zeros", "np.zeros_like")


def _unbatched(e: ast.expr) -> ast.expr | None:
    """``E[None]`` → ``E``."""
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Constant) and e.slice.value is None:
        return e.value
    return None


def _addmm(node: ast.Call, batched: bool) -> ast.expr | None:
    """``addmm(input, a, b, beta=β, alpha=α)`` with a zero input or β = 0: ``α * (a @ b)``."""
    if any(k.arg not in ("beta", "alpha") for k in node.keywords):
        return None
    beta = _kw(node, "beta")
    if not (_zero(node.args[0]) or (beta is not None and _num(beta) == 0)):
        return None
    a, b = node.args[1], node.args[2]
    if batched:
        a, b = _unbatched(a), _unbatched(b)
        if a is None or b is None:
            return None
    prod: ast.expr = ast.BinOp(a, ast.MatMult(), b)
    alpha = _kw(node, "alpha")
    return prod if alpha is None else ast.BinOp(alpha, ast.Mult(), prod)


# ---------------------------------------------------------------- statements
def _einops_names(stmts: list[ast.stmt]) -> tuple[list[ast.stmt], dict[str, str]]:
    out, names = [], {}
    for st in stmts:
        if isinstance(st, ast.ImportFrom) and st.module == "einops":
            for a in st.names:
                if a.name in ("rearrange", "reduce"):
                    names[a.asname or a.name] = a.name
            continue
        if isinstance(st, ast.Import) and all(a.name == "einops" and a.asname is None for a in st.names):
            names["einops.rearrange"], names["einops.reduce"] = "rearrange", "reduce"
            continue
        out.append(st)
    return out, names


def _has_call(node: ast.AST, attr: str) -> bool:
    return any(isinstance(n, ast.Call) and _call_name(n.func).endswith("." + attr) for n in ast.walk(node))


def _no_docstrings(stmts: list[ast.stmt]) -> list[ast.stmt]:
    def doc(st: ast.stmt) -> bool:
        return isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant) and isinstance(st.value.value, str)

    for st in stmts:
        if isinstance(st, ast.FunctionDef) and len(st.body) > 1 and doc(st.body[0]):
            st.body = [s for s in st.body if not doc(s)] or st.body
    kept = [st for st in stmts if not doc(st)]
    return kept if kept else stmts


def _no_einsum_paths(stmts: list[ast.stmt]) -> list[ast.stmt]:
    return [st for st in stmts if not (isinstance(st, (ast.Assign, ast.Expr)) and _has_call(st, "einsum_path"))]


def _tries(stmts: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for st in stmts:
        if isinstance(st, ast.Try) and not any(isinstance(n, ast.Raise) for s in st.body for n in ast.walk(s)):
            out.extend(_tries(st.body + st.orelse + st.finalbody))
        else:
            out.append(st)
    return out


def _yield_value(st: ast.stmt) -> ast.expr | None:
    if isinstance(st, ast.Expr) and isinstance(st.value, ast.Yield) and st.value.value is not None:
        return st.value.value
    return None


def _generator(st: ast.stmt) -> bool:
    if not isinstance(st, ast.FunctionDef) or st.decorator_list or st.args.args or st.args.vararg or st.args.kwarg or st.args.kwonlyargs or st.args.posonlyargs:
        return False
    if not any(_yield_value(s) is not None for s in st.body):
        return False
    for s in st.body:
        if _yield_value(s) is not None:
            continue
        if not isinstance(s, (ast.Assign, ast.AugAssign)) or any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Lambda, ast.NamedExpr)) for n in ast.walk(s)):
            return False
        if isinstance(s, ast.Assign) and not all(isinstance(t, ast.Name) for t in s.targets):
            return False
        if isinstance(s, ast.AugAssign) and not isinstance(s.target, ast.Name):
            return False
    return True


def _generated(fn: ast.FunctionDef, used: set[str]) -> tuple[list[ast.stmt], list[ast.expr]]:
    """The generator's body as statements over names of its own, and the values it yields (each
    snapshot in a name of its own)."""
    local = {n.id for s in fn.body for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    ren = {v: f"_{fn.name}_{v}" for v in local}
    if set(ren.values()) & used:
        raise ValueError(fn.name)

    class Ren(ast.NodeTransformer):
        def visit_Name(self, n: ast.Name) -> ast.AST:  # noqa: N802
            return ast.Name(ren[n.id], n.ctx) if n.id in ren else n

    body: list[ast.stmt] = []
    values: list[ast.expr] = []
    for s in fn.body:
        v = _yield_value(s)
        if v is None:
            body.append(Ren().visit(copy.deepcopy(s)))
            continue
        parts = v.elts if isinstance(v, ast.Tuple) else [v]
        names = []
        for p in parts:
            nm = f"_{fn.name}_y{len(values)}_{len(names)}"
            body.append(ast.Assign(targets=[ast.Name(nm, ast.Store())], value=Ren().visit(copy.deepcopy(p))))
            names.append(ast.Name(nm, ast.Load()))
        values.append(ast.Tuple(names, ast.Load()) if isinstance(v, ast.Tuple) else names[0])
    return body, values


def _is_call_of(e: ast.expr, name: str) -> bool:
    return isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == name and not e.args and not e.keywords


class _Gen(ast.NodeTransformer):
    """Uses of a generator ``g`` (its yields ``values``) inside one expression."""

    def __init__(self, name: str, values: list[ast.expr]) -> None:
        self.name, self.values, self.ok = name, values, True

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802
        if isinstance(node.func, ast.Name) and node.func.id == "next" and len(node.args) == 1 and _is_call_of(node.args[0], self.name):
            return copy.deepcopy(self.values[0])
        if (
            isinstance(node.func, ast.Name) and node.func.id == "sum" and len(node.args) == 1 and not node.keywords
            and isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp)) and len(node.args[0].generators) == 1
        ):
            comp = node.args[0].generators[0]
            if _is_call_of(comp.iter, self.name) and not comp.ifs and not comp.is_async:
                terms = [self._bound(comp.target, v, node.args[0].elt) for v in self.values]
                if all(t is not None for t in terms):
                    out = terms[0]
                    for t in terms[1:]:
                        out = ast.BinOp(out, ast.Add(), t)
                    return self.visit(out)
        return self.generic_visit(node)

    @staticmethod
    def _bound(target: ast.expr, value: ast.expr, elt: ast.expr) -> ast.expr | None:
        if isinstance(target, ast.Name):
            return Subst({target.id: value}).visit(copy.deepcopy(elt))
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts) and all(isinstance(t, ast.Name) for t in target.elts):
            return Subst({t.id: v for t, v in zip(target.elts, value.elts)}).visit(copy.deepcopy(elt))
        return None

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802
        if node.id == self.name:
            self.ok = False
        return node


def _generators(stmts: list[ast.stmt]) -> list[ast.stmt]:
    used = {n.id for st in stmts for n in ast.walk(st) if isinstance(n, ast.Name)}
    for i, fn in enumerate(stmts):
        if not _generator(fn):
            continue
        assert isinstance(fn, ast.FunctionDef)
        body, values = _generated(fn, used)
        rest = stmts[i + 1:]
        out: list[ast.stmt] = []
        placed = False
        iters: dict[str, int] = {}  # g = steps(): the next value's index
        for st in rest:
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and _is_call_of(st.value, fn.name):
                t = st.targets[0]
                if isinstance(t, ast.Tuple) and len(t.elts) == len(values):
                    out.extend([] if placed else body)
                    placed = True
                    out.extend(ast.Assign(targets=[e], value=copy.deepcopy(v)) for e, v in zip(t.elts, values))
                    continue
                if isinstance(t, ast.Name):
                    iters[t.id] = 0
                    continue
                return stmts
            if iters:  # next(g) of a name bound to the generator
                class Nexts(ast.NodeTransformer):
                    def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
                        if isinstance(n.func, ast.Name) and n.func.id == "next" and len(n.args) == 1 and isinstance(n.args[0], ast.Name) and n.args[0].id in iters:
                            k = iters[n.args[0].id]
                            iters[n.args[0].id] = k + 1
                            if k >= len(values):
                                raise ValueError("StopIteration")
                            return copy.deepcopy(values[k])
                        return self.generic_visit(n)

                before = ast.dump(st)
                st = Nexts().visit(copy.deepcopy(st))
                if ast.dump(st) != before and not placed:
                    out.extend(body)
                    placed = True
            gen = _Gen(fn.name, values)
            new = gen.visit(copy.deepcopy(st))
            if not gen.ok or any(isinstance(n, ast.Name) and n.id in iters for n in ast.walk(new)):
                return stmts
            if ast.dump(new) != ast.dump(st) and not placed:
                out.extend(body)
                placed = True
            out.append(new)
        if not placed:
            return stmts
        return _generators(stmts[:i] + out)
    return stmts


def _summed(node: ast.expr, lists: dict[str, ast.expr]) -> ast.expr | None:
    """``sum(E for t in [a, b])`` (or over a name bound once to a written-out list) as the sum of E
    at each entry; None where it is not that."""
    if not (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" and len(node.args) == 1
        and not node.keywords and isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp)) and len(node.args[0].generators) == 1
    ):
        return None
    comp = node.args[0].generators[0]
    seq = lists.get(comp.iter.id) if isinstance(comp.iter, ast.Name) else comp.iter
    if not isinstance(seq, (ast.List, ast.Tuple)) or not seq.elts or comp.ifs or comp.is_async:
        return None
    terms = [_Gen._bound(comp.target, v, node.args[0].elt) for v in seq.elts]
    if any(t is None for t in terms):
        return None
    out = terms[0]
    for t in terms[1:]:
        out = ast.BinOp(out, ast.Add(), t)
    return out


def _literal_sums(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """``steps = [(x2, g2), (x1, g1)]`` then ``sum(xt.T @ (d * g) for xt, g in steps)``: the sum
    written out (the list's line left out when nothing else reads it)."""
    stores: dict[str, int] = {}
    for st in stmts:
        for n in ast.walk(st):
            if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
                stores[n.id] = stores.get(n.id, 0) + 1
    lists = {
        st.targets[0].id: st.value for st in stmts
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
        and isinstance(st.value, (ast.List, ast.Tuple)) and stores.get(st.targets[0].id) == 1
    }

    class Sums(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:  # noqa: N802
            done = _summed(n, lists)
            return self.visit(done) if done is not None else self.generic_visit(n)

    out = [Sums().visit(st) for st in stmts]
    read = {n.id for st in out for n in ast.walk(st) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return [
        st for st in out
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                and st.targets[0].id in lists and st.targets[0].id not in read)
    ]


def cell_spellings(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """The statement-level spellings of the module docstring, in order."""
    einops: dict[str, str] = {}

    def imports(body: list[ast.stmt]) -> list[ast.stmt]:
        body, names = _einops_names(body)
        einops.update(names)
        return body

    def calls(body: list[ast.stmt]) -> list[ast.stmt]:
        visitor = _Calls(einops)
        return [visitor.visit(st) for st in body]

    return in_order(stmts, _no_docstrings, imports, _no_einsum_paths, _tries, _generators, _literal_sums, calls)


_TRIGGER = re.compile(
    r"%(?:time|prun)\b|\"\"\"|'''|^\s*[\"']|einops|einsum|\byield\b|^\s*try\s*:|leaky_relu|expand_dims|\.outer\(|"
    r"\b(?:tf|torch)\.ones\(|full_like|addmm|baddbmm|\bsum\(.*\bfor\b", re.M
)


def rewritten(text: str) -> str:
    """``text`` with :func:`cell_spellings` applied, unparsed (IPython magics then left out);
    ``text`` itself when none applies or it is not Python."""
    if not isinstance(text, str) or not _TRIGGER.search(text):
        return text
    timed = _TIME_MAGIC.sub(r"\1", text)
    plain = cells._without_magics(timed)  # the magics cells.expand leaves out
    out = rewritten_by(plain, cell_spellings)
    return timed if out is plain else out
