"""``Graph → Derivation``: symbolic reverse mode, one verified :class:`~derive.engine.steps.Step` per
claim.

The walk visits the forward assignments in reverse. For an assignment ``V = f(c, …)`` with
upstream gradient ``δV`` (a matrix of *symbols*), each input ``c`` receives

- the **element-wise** contribution ``Σ_ij δV_ij ∂V_ij/∂c_kl``, by SymPy differentiation of
  ``V``'s small local definition — the single source of truth;
- the **matrix-form** contribution from the rule table (:func:`pull`: ``Xᵀ·δZ``, ``δZ·Wᵀ``,
  ``𝟙ᵀ·δZ``, ``δA ⊙ f'(Z)``, the loss's own derivative), *proven equal* to the element-wise one at
  random points.

A tensor's gradient symbols are then defined as the sum of its contributions, so later steps are
checked against the real function. Known simplifications (sigmoid + BCE ⇒ ``(Ŷ − Y)/m``) are
emitted as further algebra steps, each checked against the same element-wise truth.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.basic import _args_sortkey, _cmp_name

from derive.engine import deferred
from derive.engine import mform as mf
from derive.engine.budget import cpu_budget
from derive.engine.deferred import PendingChecks
from derive.engine.graph import (
    Graph,
    Tensor,
    build,
    concat_axis,
    forward_ir,
    logsumexp_parts,
    op_params,
    reshape_span,
    slice_span,
)
from derive.engine.graph import sum_terms as _sum
from derive.engine.printing import latex
from derive.engine.steps import Checker, LazyTerm, Printed, Step, StepError, Term, prove
from derive.lang import expr as ex
from derive.lang import ops
from derive.lang.spec import Dim, NetSpec, block_size, elementwise_size

MAX_ENTRY_STEPS = 16  # element-wise steps are shown for tensors up to this many entries
MAX_DIRECT_PARAMS = 64  # cross-check against diff of the expanded loss up to this many weights
# … and while weights × product terms of the forward pass stay below this: SymPy's diff of the
# expanded loss grows with both (an MLP with batch 64 and 2-2 units, 9 weights × 896 terms, took
# 82 s on the loaded 2-core machine). Beyond it the cross-check is skipped, never the network:
# every step of the derivation is verified anyway.
MAX_DIRECT_WORK = 10_000
MAX_DIRECT_NODES = (
    600  # … and while the expanded loss has at most this many tree nodes (relu-mlp: 331)
)
MAX_DIRECT_DEPTH = 100  # … and is at most this deep (Python's recursion limit)


def _expanded_size(g: Graph, limit: int) -> int:
    """Tree size of the fully expanded loss (every node symbol replaced by its definition),
    computed from sizes without building it; stops growing past ``limit``."""
    size: dict[sp.Basic, int] = {}

    def tree(e: sp.Basic) -> int:
        if e in size:
            return size[e]
        n = 1 + sum(tree(a) for a in e.args) if e.args else 1
        return min(n, limit + 1)

    for node in g.nodes:
        for sym, e in zip(g.tensors[node.name].symbols, node.definition, strict=True):
            size[sym] = tree(e)
    return size[g.loss.symbols[0]]


def _expanded_depth(g: Graph) -> int:
    """Nesting depth of the fully expanded loss, from the nodes' definitions (a chain of 200
    sigmoids is 200 deep: SymPy's recursive ``xreplace``/``diff`` would hit Python's recursion
    limit)."""
    depth: dict[sp.Basic, int] = {}

    def tree(e: sp.Basic) -> int:
        if e in depth:
            return depth[e]
        return 1 + max((tree(a) for a in e.args), default=0)

    for node in g.nodes:
        for sym, e in zip(g.tensors[node.name].symbols, node.definition, strict=True):
            depth[sym] = tree(e)
    return depth[g.loss.symbols[0]]


def expanded_gradient(e: sp.Expr, wrt: list[sp.Symbol]) -> list[sp.Expr]:
    """``[de/ds for s in wrt]``: the derivatives of the expression ``e`` itself (the fully
    expanded loss of :meth:`_Deriver.direct_checks`), by reverse accumulation over its
    expression graph — each distinct subexpression visited once, its adjoint the sum over its
    uses of the user's adjoint times the user's partial derivative in it: 1 in a sum, the other
    factors in a product, ``n·b^(n−1)`` and ``b^n·log b`` in a power, SymPy's own ``fdiff`` in a
    function. A node of any other kind (``Max``, ``Piecewise``…), or a function SymPy cannot
    differentiate by argument, is differentiated whole with SymPy's ``diff``. The same
    derivatives as ``e.diff(s)`` for each ``s`` (``tests/test_engine.py`` compares them), which
    walks the whole expression again for every weight: 20–50× slower on the built-ins."""
    targets = set(wrt)
    order: list[sp.Basic] = []  # every distinct subexpression, each after its arguments
    seen: set[sp.Basic] = set()
    stack: list[tuple[sp.Basic, bool]] = [(e, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if node in seen:
            continue
        seen.add(node)
        stack.append((node, True))
        if node not in targets and _by_arguments(node):
            stack += [(a, False) for a in node.args if a not in seen]
    depends: dict[sp.Basic, bool] = {}
    for node in order:
        if node in targets:
            depends[node] = True
        elif node.args and _by_arguments(node):
            depends[node] = any(depends[a] for a in node.args)
        else:
            depends[node] = not targets.isdisjoint(node.free_symbols)
    adjoints: dict[sp.Basic, list[sp.Expr]] = {e: [sp.Integer(1)]}
    for node in reversed(order):
        terms = adjoints.get(node)
        if node in targets or not terms or not depends[node]:
            continue
        bar = sp.Add(*terms)
        by_args = _by_arguments(node)
        local = _partials(node, [depends[a] for a in node.args]) if by_args else None
        if local is None:  # differentiated whole
            for s in sorted(targets & node.free_symbols, key=wrt.index):
                adjoints.setdefault(s, []).append(bar * node.diff(s))
            continue
        for a, da in zip(node.args, local, strict=True):
            if da is not None:
                adjoints.setdefault(a, []).append(bar * da)
    return [sp.Add(*adjoints[s]) if s in adjoints else sp.Integer(0) for s in wrt]


def _by_arguments(node: sp.Basic) -> bool:
    """Whether :func:`expanded_gradient` differentiates ``node`` through its arguments."""
    return bool(node.args) and (
        node.is_Add
        or node.is_Mul
        or node.is_Pow
        or (isinstance(node, sp.Function) and not isinstance(node, sp.Piecewise))
    )


def _partials(node: sp.Basic, need: list[bool]) -> list[sp.Expr | None] | None:
    """``node``'s partial derivative in each argument ``need`` names (``None`` for the
    others), or ``None`` when SymPy cannot give them: differentiate it whole."""
    args = node.args
    if node.is_Add:
        return [sp.Integer(1) if n else None for n in need]
    if node.is_Mul:
        return [
            sp.Mul(*(b for j, b in enumerate(args) if j != i)) if n else None
            for i, n in enumerate(need)
        ]
    if node.is_Pow:
        b, n = args
        return [n * b ** (n - 1) if need[0] else None, node * sp.log(b) if need[1] else None]
    try:
        return [node.fdiff(i + 1) if n else None for i, n in enumerate(need)]
    except (sp.ArgumentIndexError, NotImplementedError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Contribution:
    """What ``target`` receives through assignment ``source``."""

    source: str
    target: str
    formula: mf.MExpr
    rules: tuple[str, ...]
    elementwise: sp.ImmutableMatrix
    step: Step


@dataclass(frozen=True)
class ForwardVisit:
    name: str
    step: Step  # V = matrix form
    entries: tuple[Step, ...]  # v_ij = element-wise definition (small tensors)


@dataclass(frozen=True)
class BackwardVisit:
    """The gradient of one tensor: its contributions, their total, simplifications, entries."""

    name: str
    kind: str
    contributions: tuple[Contribution, ...]
    total: Step | None  # δc = sum of contributions, when there are several
    simplified: tuple[Step, ...]  # further algebra (e.g. sigmoid + BCE ⇒ (Ŷ − Y)/m)
    formula: mf.MExpr  # the final matrix form: what code computes
    rule: str  # the proof that justifies ``formula`` (links to derive.proofs)
    entries: tuple[Step, ...]


@dataclass(frozen=True)
class Derivation:
    graph: Graph
    forward: tuple[ForwardVisit, ...]
    backward: tuple[BackwardVisit, ...]  # reverse topological order, parameters last
    checks: tuple[Step, ...]  # gradients = d/dp of the expanded loss (small sizes)
    defs: dict[sp.Symbol, sp.Expr]  # every defined symbol: node entries, gradients, scalars

    @property
    def spec(self) -> NetSpec:
        return self.graph.spec

    def gradient(self, name: str) -> BackwardVisit:
        return next(v for v in self.backward if v.name == name)

    def steps(self) -> list[Step]:
        out: list[Step] = []
        for f in self.forward:
            out += [f.step, *f.entries]
        for b in self.backward:
            out += [c.step for c in b.contributions]
            out += [s for s in (b.total,) if s] + list(b.simplified) + list(b.entries)
        return out + list(self.checks)


# ---- the matrix-form rule table ---------------------------------------------------------------


# A dimension as declared: a [dims] name (even when its value is 1) or a literal size.
SymDim = str | int


def _sym_dim(d: int) -> SymDim:
    return d.label if isinstance(d, Dim) else int(d)


def _sym_broadcast(a: tuple[SymDim, ...], b: tuple[SymDim, ...]) -> tuple[SymDim, ...]:
    if not a or not b:
        return a or b
    return tuple(y if x == 1 else x for x, y in zip(a, b, strict=True))


_SYM_SHAPES: dict[tuple[int, bool], tuple[NetSpec, dict[str, tuple[SymDim, ...]]]] = {}


def sym_shape(tree: ex.Node, g: Graph, rows: bool = False) -> tuple[SymDim, ...]:
    """The shape of ``tree`` with sizes as declared (``("m", "n_h")``, ``(1, "n_h")``): a
    ``[1, n]`` bias added to an ``[m, n]`` batch is summed over the batch even where m = 1, so
    the rule shown holds for every batch size, not only the example's. ``rows``: a 1-D tensor
    declared ``["n"]`` is the row ``(1, "n")`` the graph holds (the checker's reading, where a
    transpose of one is kept however long it is at the example)."""
    hit = _SYM_SHAPES.get((id(g.spec), rows))
    if hit is None or hit[0] is not g.spec:
        if len(_SYM_SHAPES) > 64:
            _SYM_SHAPES.clear()
        names = {
            k: tuple(_sym_dim(d) for d in ([1, *v] if rows and len(v) == 1 else v))
            for k, v in g.spec.shapes.items()
        }
        hit = _SYM_SHAPES[(id(g.spec), rows)] = (g.spec, names)
        for key, node in g.spec.forward:
            names[key] = _infer_sym(node, names, g)
    return _infer_sym(tree, hit[1], g)


def _infer_sym(n: ex.Node, names: dict[str, tuple[SymDim, ...]], g: Graph):
    if isinstance(n, ex.Num):
        return ()
    if isinstance(n, ex.Name):
        return names.get(n.id, ())
    if isinstance(n, ex.Neg | ex.Pow):
        return _infer_sym(n.operand if isinstance(n, ex.Neg) else n.base, names, g)
    if isinstance(n, ex.Transpose):
        s = _infer_sym(n.operand, names, g)
        return (s[1], s[0]) if s else s
    if isinstance(n, ex.BinOp):
        a, b = _infer_sym(n.left, names, g), _infer_sym(n.right, names, g)
        if n.op == "@":
            return (a[0], b[1])
        return _sym_broadcast(a, b)
    if isinstance(n, ex.Call):
        op = ops.get(n.func)
        x = _infer_sym(n.args[0], names, g)
        if op.kind == ops.CONCAT and x:
            k = concat_axis(n)
            total = sum(int(forward_ir(a, g).shape[k]) for a in n.args)
            return (total, x[1]) if k == 0 else (x[0], total)
        if op.kind == ops.RESHAPE and x:
            return tuple(_sym_dim(k) for k in reshape_span(n, g))
        if op.kind == ops.CORR2D and x:
            return tuple(_sym_dim(k) for k in forward_ir(n, g).shape)
        if op.kind == ops.ROT180:
            return x
        if op.kind in (ops.DILATE, ops.POOL2D) and x:
            return tuple(_sym_dim(k) for k in forward_ir(n, g).shape)
        if op.kind == ops.SLICE and x:
            k, lo, hi = slice_span(n, g)
            size = _sym_dim(block_size(lo, hi, g.spec.dims))
            return (size, x[1]) if k == 0 else (x[0], size)
        if op.kind in (ops.ELEMENTWISE, ops.ROWWISE):
            return x
        if op.kind == ops.BINARY:
            return _sym_broadcast(x, _infer_sym(n.args[1], names, g))
        axis = n.kwarg("axis")
        if op.kind == ops.REDUCTION and isinstance(axis, ex.Num) and x:
            return (1, x[1]) if axis.value == 0 else (x[0], 1)
    return ()


def _reduce(
    u: mf.MExpr,
    shape: tuple[int, int],
    rules: tuple[str, ...],
    sym: tuple[tuple[SymDim, ...], tuple[SymDim, ...]] | None = None,
):
    """Sum ``u`` over the axes along which a tensor of ``shape`` was broadcast. ``sym`` (the
    declared shapes of the tensor and of the result) also finds a broadcast along a named size
    whose value is 1 (a batch of one)."""
    if sym is not None and not sym[0] and any(isinstance(d, str) for d in sym[1]):
        if u.shape == shape == (1, 1):  # a scalar over a batch of one
            return mf.SumAll(u), rules + ("sum-broadcast",)
    if sym is not None and len(sym[0]) == 2 and len(sym[1]) == 2 and u.shape == shape:
        (tr, tc), (ur, uc) = sym
        if tr == 1 and isinstance(ur, str):
            u, rules = mf.SumRows(u), rules + ("bias-sum",)
        if tc == 1 and isinstance(uc, str):
            u, rules = mf.SumCols(u), rules + ("sum-broadcast",)
        return u, rules
    if sym is not None and len(sym[0]) == 2 and len(sym[1]) == 2 and u.shape != shape:
        hit = _reduce_declared(u, shape, rules, sym)
        if hit is not None:
            return hit
    if u.shape == shape:
        return u, rules
    if shape == (1, 1) and u.shape[1] == 1:
        return mf.SumRows(u), rules + ("bias-sum",)
    if shape == (1, 1):
        return mf.SumAll(u), rules + ("sum-broadcast",)
    if shape[0] == 1 and u.shape[0] > 1:
        u, rules = mf.SumRows(u), rules + ("bias-sum",)
    if shape[1] == 1 and u.shape[1] > 1:
        u, rules = mf.SumCols(u), rules + ("sum-broadcast",)
    return u, rules


def _reduce_declared(
    u: mf.MExpr,
    shape: tuple[int, int],
    rules: tuple[str, ...],
    sym: tuple[tuple[SymDim, ...], tuple[SymDim, ...]],
) -> tuple[mf.MExpr, tuple[str, ...]] | None:
    """Sum ``u`` over the axes the declared shapes broadcast along — a ``[n_y, 1]`` bias added to
    an ``[n_y, m]`` batch is summed over its columns only, even where n_y = 1 (a total sum
    would be right at the example only); None where that does not give ``shape``."""
    (tr, tc), (ur, uc) = sym
    rows = tr == 1 and (isinstance(ur, str) or u.shape[0] > 1)
    cols = tc == 1 and (isinstance(uc, str) or u.shape[1] > 1)
    out = mf.SumRows(u) if rows else u
    out = mf.SumCols(out) if cols else out
    if out.shape != shape:
        return None
    return out, rules + ("bias-sum",) * rows + ("sum-broadcast",) * cols


def _one() -> mf.Scalar:
    return mf.Scalar(sp.Integer(1))


def pull(
    tree: ex.Node,
    up: mf.MExpr,
    g: Graph,
    out: Tensor | None,
    grad: set[str],
    acc: dict[str, list[tuple[mf.MExpr, tuple[str, ...]]]],
    rules: tuple[str, ...] = (),
) -> None:
    """Push the upstream gradient ``up`` of ``tree`` down to the tensors it reads.

    ``out`` is the assignment's own tensor when ``tree`` is its whole right-hand side, so
    derivatives take textbook form in terms of the output (``σ' = A ⊙ (1 − A)``).
    """
    ir = lambda n: forward_ir(n, g)  # noqa: E731
    needs = lambda n: any(x in grad for x in ex.names(n))  # noqa: E731
    if isinstance(tree, ex.Name):
        if tree.id in grad:
            acc.setdefault(tree.id, []).append((up, rules))
        return
    if isinstance(tree, ex.Num) or not needs(tree):
        return
    if isinstance(tree, ex.Neg):
        return pull(tree.operand, mf.neg(up), g, None, grad, acc, rules)
    sized = lambda n: any(not isinstance(d, int) for d in sym_shape(n, g))  # noqa: E731
    if isinstance(tree, ex.Transpose):
        up_t = mf.transpose(up, sized(tree))
        return pull(tree.operand, up_t, g, None, grad, acc, rules + ("transpose",))
    if isinstance(tree, ex.Pow):
        n = mf.exponent(tree.exponent)
        base = ir(tree.base)
        k = sp.Integer(n) if isinstance(n, int) else n
        local = (
            mf.Scalar(k)
            if n == 1
            else mf.mul(mf.Scalar(k), base if n == 2 else mf.Pow(base, mf.exponent(k - 1)))
        )
        return pull(tree.base, mf.mul(up, local), g, None, grad, acc, rules + ("power",))
    if isinstance(tree, ex.BinOp):
        a, b = tree.left, tree.right
        if tree.op == "@":
            pull(
                a,
                mf.matmul(up, mf.transpose(ir(b), sized(b))),
                g,
                None,
                grad,
                acc,
                rules + ("linear-input",),
            )
            pull(
                b,
                mf.matmul(mf.transpose(ir(a), sized(a)), up),
                g,
                None,
                grad,
                acc,
                rules + ("linear-weight",),
            )
            return
        sym = lambda child: (sym_shape(child, g), sym_shape(tree, g))  # noqa: E731
        if tree.op in "+-":
            for child, sign in ((a, 1), (b, 1 if tree.op == "+" else -1)):
                if needs(child):
                    u, r = _reduce(
                        up if sign > 0 else mf.neg(up), ir(child).shape, rules, sym(child)
                    )
                    pull(child, u, g, None, grad, acc, r)
            return
        if tree.op == "*":
            for child, other in ((a, b), (b, a)):
                if needs(child):
                    u, r = _reduce(
                        mf.mul(up, ir(other)), ir(child).shape, rules + ("product",), sym(child)
                    )
                    pull(child, u, g, None, grad, acc, r)
            return
        assert tree.op == "/"
        if needs(a):
            u, r = _reduce(mf.div(up, ir(b)), ir(a).shape, rules + ("product",), sym(a))
            pull(a, u, g, None, grad, acc, r)
        if needs(b):
            local = mf.neg(mf.div(mf.mul(up, ir(a)), mf.power(ir(b), 2)))
            u, r = _reduce(local, ir(b).shape, rules + ("quotient",), sym(b))
            pull(b, u, g, None, grad, acc, r)
        return
    assert isinstance(tree, ex.Call)
    op = ops.get(tree.func)
    if op.kind == ops.CONCAT:  # each argument's block of the upstream gradient
        k, before = concat_axis(tree), ()
        for part in tree.args:
            size = ir(part).shape[k]
            if needs(part):
                block = mf.Slice(up, k, before, size)
                pull(part, block, g, None, grad, acc, rules + (op.rule,))
            before = (*before, size)
        return
    if op.kind == ops.SLICE:  # the upstream gradient in the block, zeros elsewhere
        k, lo, hi = slice_span(tree, g)
        whole = ir(tree.args[0]).shape
        pad = mf.Pad(((lo, hi),), (up,), k, whole[k], whole[1 - k])
        return pull(tree.args[0], pad, g, None, grad, acc, rules + (op.rule,))
    if op.kind == ops.RESHAPE:  # the upstream gradient reshaped back to the argument's shape
        back = mf.Reshape(up, ir(tree.args[0]).shape)
        return pull(tree.args[0], back, g, None, grad, acc, rules + (op.rule,))
    if op.kind == ops.CORR2D:  # conv42: δK = X ⋆ δZ, δX = δZ ⋆̃ rot180(K) (the full convolution)
        # ('full', x padded: δK = rot180(δZ ⋆ X), δX = δZ ⋆ rot180(K), valid); a true
        # convolution's kernel is turned, so δK is turned back and δX correlates with K itself
        # conv43: a stride s first dilates δZ (s − 1 zeros between its entries); padding p
        # pads X for δK (pad_p(X) ⋆ dilate_s(δZ)) and crops δX (crop_p(dilate_s(δZ) ⋆̃ rot180(K)))
        x, k = tree.args
        flip, full = op.extra.get("flip"), op.extra.get("full")
        s, pad = ops.corr_opts(tree)
        d = mf.Dilate(up, s) if s != 1 else up
        if needs(k):
            dk = mf.Corr(d, ir(x)) if full else mf.Corr(ir(x), d, pad=pad)  # (a spec's 'full' has no crop)
            dk = dk if bool(flip) == bool(full) else mf.Rot180(dk)
            pull(k, dk, g, None, grad, acc, rules + ("corr2d-kernel",))
        if needs(x):
            turned = ir(k) if flip else mf.Rot180(ir(k))
            dx = mf.Corr(d, turned, full=not full, pad=-pad)
            pull(x, dx, g, None, grad, acc, rules + ("corr2d-input",))
        return
    if op.kind == ops.POOL2D:  # conv43: δ sent back to the windows
        # max: upsample_k(δP) ⊙ maxmask_k(A), each window's δ to its largest entry; avg:
        # upsample_k(δP)/(k·k), each window's δ spread evenly over its k·k entries
        # conv44: windows s < k apart overlap: avg upsample_{k,s}(δP)/(k·k), each δ added into
        # its whole window; max unpool_{k,s}(δP, A), each δ added at its window's largest entry
        k, x, s = ops.pool_k(tree), tree.args[0], ops.pool_s(tree)
        geom = ops.pool_geom(tree)
        # pool46: padded, cut or rectangular windows: max unpool(δP, A) as above; avg
        # unavgpool(δP, A), each δ divided by its window's divisor, added into its entries
        if not geom.plain:
            back = mf.Pool(up, k, "route" if op.extra["what"] == "max" else "spread", None, ir(x), geom)
            return pull(x, back, g, None, grad, acc, rules + (op.rule if op.extra["what"] == "max" else "pool-spread",))
        if op.extra["what"] == "max" and s != k:
            back = mf.Pool(up, k, "route", s, ir(x))
        elif op.extra["what"] == "max":
            back = mf.Mul(mf.Pool(up, k, "up"), mf.Pool(ir(x), k, "mask"))
        else:
            back = mf.div(mf.Pool(up, k, "up", s if s != k else None), mf.Scalar(sp.Integer(k * k)))
        return pull(x, back, g, None, grad, acc, rules + (op.rule,))
    if op.kind == ops.ROT180:  # the upstream gradient turned back
        return pull(tree.args[0], mf.Rot180(up, op.extra.get("axes", (0, 1))), g, None, grad, acc, rules + (op.rule,))
    if op.kind == ops.BINARY:  # atan2(y, x): each argument its partial derivative, unbroadcast
        me = out.value_ref(g.loss_tex) if out is not None else ir(tree)
        a, b = tree.args
        parts = op.pull(mf, up, ir(a), ir(b), me)
        for child, u in zip((a, b), parts, strict=True):
            if needs(child):
                r = rules + ("elementwise", op.rule)
                u, r = _reduce(u, ir(child).shape, r, (sym_shape(child, g), sym_shape(tree, g)))
                pull(child, u, g, None, grad, acc, r)
        return
    x = tree.args[0]
    xs = ir(x)
    me = out.value_ref(g.loss_tex) if out is not None else ir(tree)
    fused = _fused_inline(tree, out, g, grad) if out is not None else None
    if fused is not None:  # σ(X W + b) into BCE, softmax(…) into CE: the stable fused form
        return pull(x, fused[0], g, None, grad, acc, rules + (fused[1],))
    if op.kind == ops.ELEMENTWISE:
        u = op.pull(mf, up, xs, me, *op_params(g, tree))
        return pull(x, u, g, None, grad, acc, rules + ("elementwise", op.rule))
    if op.kind == ops.ROWWISE:
        if op.extra.get("constant") and all(n in acc for n in ex.names(x) if n in grad):
            # derivative 0 (max_mask, the argmax indicator): its contribution is 0, dropped when
            # every tensor it would reach already has a contribution from this node (x ⊙ mask(x))
            return
        return pull(x, op.pull(mf, up, xs, me), g, None, grad, acc, rules + (op.rule,))
    if op.kind == ops.REDUCTION:
        axis = tree.kwarg("axis")
        lse = logsumexp_parts(tree)
        shape = ir(lse[0]).shape if lse is not None else None
        if lse is not None and (axis is not None or shape[1] == 1):
            # round 48: logsumexp's slope is the softmax of its row (column); of one entry, 1
            inner, turned = lse
            soft = (
                ex.Transpose(ex.Call("softmax", (ex.Transpose(inner),)))
                if turned else ex.Call("softmax", (inner,))
            )
            u = up if shape == (1, 1) else mf.mul(mf.mul(up, mf.Ones(shape)), forward_ir(soft, g))
            return pull(inner, u, g, None, grad, acc, rules + ("logsumexp-slope",))
        u = mf.mul(up, mf.Ones(xs.shape))
        if tree.func == "mean":
            count = (
                xs.shape if axis is None else (xs.shape[0],) if axis.value == 0 else (xs.shape[1],)
            )
            u = mf.div(u, g.count(count))
        return pull(x, u, g, None, grad, acc, rules + (tree.func,))
    y = ir(tree.args[1])
    inline = _inline_softmax_ce(tree, g, grad)
    if inline is not None:  # F.cross_entropy(Z, Y) on logits: (P − Y)/m, as for a named P
        return pull(x.args[0], mf.mul(up, inline[0]), g, None, grad, acc, rules + (inline[1],))  # type: ignore[union-attr]
    if needs(tree.args[1]):  # a target that depends on parameters: PyTorch differentiates it too
        pull_target(tree, xs, y, g.count(xs.shape), up, g, grad, acc, rules)
        if not needs(x):
            return

    def count(what: str) -> mf.Scalar:
        return g.count(xs.shape if what == "all" else (xs.shape[0],))

    params = tuple(forward_ir(tree.kwarg(k), g) for k in dict(tree.kwargs) if k != "axis")
    u = op.pull(mf, up, xs, y, count, *params)
    return pull(x, u, g, None, grad, acc, rules + (op.rule,))


def pull_target(tree: ex.Call, xs, y, n, up, g: Graph, grad, acc, rules) -> None:
    """The loss's derivative with respect to its target ``y`` (second argument)."""
    f = tree.func
    if f in ("mse", "sse"):
        scale = mf.div(mf.Scalar(sp.Integer(2)), n) if f == "mse" else mf.Scalar(sp.Integer(2))
        local = mf.neg(mf.mul(scale, mf.sub(xs, y)))
    elif f == "bce":
        wnode = tree.kwarg("pos_weight")
        lp = mf.Func("log", xs)
        wlp = mf.mul(forward_ir(wnode, g), lp) if wnode is not None else lp
        local = mf.div(mf.neg(mf.sub(wlp, mf.Func("log", mf.sub(_one(), xs)))), n)
    elif f == "bce_logits":
        local = mf.div(mf.neg(xs), n)
    else:
        assert f == "cross_entropy"
        local = mf.div(mf.neg(mf.Func("log", xs)), g.count((xs.shape[0],)))
    u, r = _reduce(mf.mul(up, local), y.shape, rules + ("loss-target",))
    pull(tree.args[1], u, g, None, grad, acc, r)


def _fused_inline(
    tree: ex.Call, out: Tensor, g: Graph, grad: set[str]
) -> tuple[mf.MExpr, str] | None:
    """``(∂L/∂x, rule)`` for ``A = sigmoid(x)`` read only by ``L = bce(A, Y)`` (or ``P =
    softmax(x)`` read only by ``L = cross_entropy(P, Y)``) when ``x`` is an expression, not a
    named node: ``(A − Y)/m`` (weighted: ``(A ⊙ (wY + 1 − Y) − wY)/m``; softmax: ``(P − Y)/m`` for
    one-hot ``Y``, else ``(P ⊙ (Y𝟙) − Y)/m``). The chain ``∂L/∂A ⊙ A ⊙ (1 − A)`` is the same
    in exact arithmetic but divides by ``A`` and ``1 − A``, which are 0 in float64 once a unit
    saturates (|x| ≳ 37). For a named ``x`` the algebra is shown step by step instead
    (:meth:`_Deriver.simplify`). The contributions that use this form are proven like any other."""
    if tree.func not in ("sigmoid", "softmax") or isinstance(tree.args[0], ex.Name):
        return None
    if g.consumers.get(out.name) != (g.spec.loss,):
        return None
    want = "bce" if tree.func == "sigmoid" else "cross_entropy"
    loss = loss_term(g.nodes[-1].tree, out.name, want)
    if loss is None and want == "bce":
        return _written_bce_inline(out, g, grad)
    if loss is None or any(x in grad for x in ex.names(loss.args[1])):
        return None
    A = out.value_ref(g.loss_tex)
    Y = forward_ir(loss.args[1], g)
    if want == "bce":
        wnode = loss.kwarg("pos_weight")
        w = forward_ir(wnode, g) if wnode is not None else None
        return bce_fused(A, Y, g.count(A.shape), w), "sigmoid-bce" if w is None else "weighted-bce"
    one_hot = isinstance(loss.args[1], ex.Name) and loss.args[1].id in g.spec.one_hot
    rule = "softmax-ce" if one_hot else "softmax-ce-soft"
    return ce_fused(A, Y, g.count((A.shape[0],)), one_hot), rule


def _written_bce_inline(out: Tensor, g: Graph, grad: set[str]) -> tuple[mf.MExpr, str] | None:
    """``((A − Y)/n, "sigmoid-bce")`` for ``A = sigmoid(x)`` of an expression read only by a
    binary cross-entropy written out by hand (CS229's ``h = 1 / (1 + np.exp(-X @ theta))``,
    ``J = -np.mean(y * np.log(h) + (1 - y) * np.log(1 - h))``), ``n`` from
    :func:`written_bce_count` (the contribution is then proven like any other); None for a
    loss of another form."""
    if g.consumers.get(out.name) != (g.spec.loss,):
        return None
    y = bce_target(g, out.name)
    if y is None or set(ex.names(y)) & grad:
        return None
    n = written_bce_count(g, out.name, y)
    if n is None:
        return None
    return bce_fused(out.value_ref(g.loss_tex), forward_ir(y, g), n, None), "sigmoid-bce"


def written_bce_count(g: Graph, a: str, y: ex.Node) -> mf.Scalar | None:
    """The count ``n`` of a binary cross-entropy written out by hand after ``A = σ(·)`` (through
    the nodes of :func:`loss_path`): the loss's exact derivative by one entry of ``A`` (the
    path's definitions substituted, sizes as symbols) is ``−(y/a − (1 − y)/(1 − a))/n`` with
    ``n`` an expression of sizes alone — ``m`` for ``-np.sum(…) / m``, ``k·m`` for a mean over an
    ``m × k`` output, 1 for a sum. Read from the symbols, never from the example's numbers (at
    ``n_y = 1`` the count ``n_y·m`` and ``m`` are one number). None where the ratio holds any
    tensor's entry (a weight on one class, another loss)."""
    if not (isinstance(y, ex.Name) and y.id in g.tensors):
        return None
    loss = _loss_through(g, a)
    if loss is None:
        return None
    sa, sy = g.tensors[a].symbols[0, 0], g.tensors[y.id].symbols[0, 0]
    return _size_ratio(g, -(sy / sa - (1 - sy) / (1 - sa)), loss, sa)


def _loss_through(g: Graph, a: str) -> sp.Expr | None:
    """The loss's entry as an expression of ``a``'s entries: the definitions of the nodes from
    ``a``'s one consumer to the loss substituted (each node read by the next one only); None
    when ``a`` reaches the loss otherwise."""
    names, at = [], a
    while at != g.spec.loss:
        cons = g.consumers.get(at, ())
        if len(cons) != 1:
            return None
        at = cons[0]
        names.append(at)
    defs = {n.name: n.definition for n in g.nodes}
    loss = defs[g.spec.loss][0, 0]
    for name in reversed(names[:-1]):  # the loss's inputs back to a's own consumer
        t = g.tensors[name]
        loss = loss.xreplace(dict(zip(t.symbols, defs[name], strict=True)))
    return loss


def _downstream(g: Graph, a: str) -> set[str]:
    """The nodes that read ``a``, directly or through other nodes."""
    after, todo = set(), [a]
    while todo:
        for c in g.consumers.get(todo.pop(), ()):
            if c not in after:
                after.add(c)
                todo.append(c)
    return after


def _loss_expanded(g: Graph, a: str) -> sp.Expr | None:
    """The loss's entry as an expression of ``a``'s entries, every node after ``a`` replaced by
    its definition (also where ``a`` feeds several nodes: logsumexp and the picked logit);
    None where that does not end (it always does in a graph) or ``a`` is not reached."""
    after = _downstream(g, a)
    if g.spec.loss not in after:
        return None
    defs = {n.name: n.definition for n in g.nodes}
    loss = defs[g.spec.loss][0, 0]
    for _ in range(len(after) + 1):
        swap = {}
        for name in after - {g.spec.loss}:
            t = g.tensors[name]
            if any(s in loss.free_symbols for s in t.symbols):
                swap.update(zip(t.symbols, defs[name], strict=True))
        if not swap:
            return loss
        loss = loss.xreplace(swap)
    return None


def _varies_hn41(e: sp.Expr, sizes: set) -> bool:
    """Whether ``e`` takes two different values at two points that differ only in its symbols
    other than ``sizes`` (30 digits; the same sizes at both): then ``e`` is no expression of
    sizes alone, and :func:`_size_ratio` need not ``sp.cancel`` it — which took minutes of a
    loss with an entropy beside a cross-entropy (heldnets41's confidence penalty). False where
    a value is not a finite number (the exact test decides)."""
    free = sorted(e.free_symbols, key=lambda x: x.name)
    if not set(free) - sizes:
        return False
    got = []
    for k in (0, 1):
        # floats, so that a step function's argument is a number at once (relu_grad evaluates)
        at = {x: sp.Integer(3 + i % 4) if x in sizes else sp.Float((2 + (7 * i + 5 * k) % 11) / (13 + 4 * k), 30)
              for i, x in enumerate(free)}
        v = e.xreplace(at).evalf(30)
        if not (v.is_number and v.is_finite) or v.is_real is False:
            return False
        got.append(v)
    return bool(abs(got[0] - got[1]) > sp.Float("1e-20", 30) * (1 + abs(got[0])))


def _size_ratio(
    g: Graph, want: sp.Expr, loss: sp.Expr, s: sp.Symbol, at: dict | None = None
) -> mf.Scalar | None:
    """``n`` with ``∂loss/∂s = want / n`` exactly (at the entries ``at`` fixes), ``n`` an
    expression of sizes alone; None otherwise (a weight on one class, another loss)."""
    if s not in loss.free_symbols:
        return None
    try:
        quotient = (want / sp.diff(loss, s)).xreplace(at or {})
        if _varies_hn41(quotient, set(g.scalars.values())):
            return None  # heldnets41: not a number of sizes, known before a long sp.cancel
        ratio = sp.cancel(quotient)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if ratio.free_symbols - set(g.scalars.values()) or ratio == 0:
        return None
    return mf.Scalar(ratio, g.scalar_names())


def written_ce_count(
    g: Graph, p: str, y: str, log: bool = False, columns: bool = False
) -> mf.Scalar | None:
    """The count ``n`` of a cross-entropy written out by hand over probabilities ``P`` and
    one-hot targets ``Y`` (``-np.sum(Y * np.log(P)) / N``, a mean of picked log-probabilities):
    the loss's exact derivative by one entry of ``P`` is ``−y/(n·p)``, read from the symbols as
    :func:`written_bce_count` reads a binary one, with the first row of ``Y`` one-hot on that
    entry (D2L's ``-log(y_hat[range(n), y])`` picks ``Σ_j p_j y_j``, which is ``p`` there).
    ``log``: the node holds log-probabilities, the derivative is ``−y/n``. ``columns``: ``Y``
    holds one-hot columns (Ng's layout), the first column is one-hot on that entry."""
    loss = _loss_through(g, p)
    if loss is None or y not in g.tensors:
        return None
    row = g.tensors[y].symbols[:, 0] if columns else g.tensors[y].symbols[0, :]
    sp_, sy = g.tensors[p].symbols[0, 0], row[0]
    at = {e: sp.Integer(int(j == 0)) for j, e in enumerate(row)}
    return _size_ratio(g, -sy if log else -sy / sp_, loss, sp_, at)


def _softmax_candidates(g: Graph, t: str) -> list[tuple[str, bool]]:
    """Nodes of ``t``'s shape after ``t`` through which alone ``t`` reaches the loss, where a
    softmax written out by hand may end (:meth:`_Deriver.written_softmax` proves that it does):
    ``(P, False)`` for a division (``E / E.sum(1)``) or a softmax, ``(LP, True)`` for a
    difference with a log in it (``s − log Σ exp s``, a log-softmax)."""
    shape = g.tensors[t].shape
    out = []
    for node in g.nodes:
        if node.name in (t, g.spec.loss) or g.tensors[node.name].shape != shape:
            continue
        tree = node.tree
        if isinstance(tree, ex.Transpose):  # torch.softmax(Z, dim=0): softmax(Zᵀ)ᵀ
            tree = tree.operand
        div = (isinstance(tree, ex.BinOp) and tree.op == "/") or (
            isinstance(tree, ex.Call) and tree.func == "softmax"
        )
        log = isinstance(tree, ex.BinOp) and tree.op == "-" and _has_log(tree.right)
        if (div or log) and _reaches_only_through(g, t, node.name):
            out.append((node.name, log))
    return out


def _has_log(n: ex.Node) -> bool:
    if isinstance(n, ex.Call) and n.func == "log":
        return True
    return any(_has_log(c) for c in ex.children(n))


def _reaches_only_through(g: Graph, t: str, p: str) -> bool:
    """Whether ``t`` reaches ``p``, and the loss through ``p`` alone."""
    stack, seen, hit = [t], {t}, False
    while stack:
        for c in g.consumers.get(stack.pop(), ()):
            if c == p:
                hit = True
                continue
            if c == g.spec.loss:
                return False
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return hit


def _inline_softmax_ce(tree: ex.Call, g: Graph, grad: set[str]) -> tuple[mf.MExpr, str] | None:
    """``(∂CE/∂Z, rule)`` for ``cross_entropy(softmax(Z), Y)`` in one call (PyTorch's
    ``F.cross_entropy(Z, Y)`` on logits, read so) with a target that no parameter reaches:
    ``(P − Y)/m`` for one-hot ``Y``, else ``(P ⊙ (Y𝟙) − Y)/m`` — the chain through ``−Y/(m·P)``
    is the same in exact arithmetic but is 0/0 in float64 where a probability underflows to 0
    (a score masked with −1e9, SimCLR's self-similarity). Proven like any other contribution."""
    x = tree.args[0]
    if tree.func != "cross_entropy" or not (isinstance(x, ex.Call) and x.func == "softmax"):
        return None
    if any(n in grad for n in ex.names(tree.args[1])):
        return None
    P = forward_ir(x, g)
    Y = forward_ir(tree.args[1], g)
    one_hot = isinstance(tree.args[1], ex.Name) and tree.args[1].id in g.spec.one_hot
    rule = "softmax-ce" if one_hot else "softmax-ce-soft"
    return ce_fused(P, Y, g.count((P.shape[0],)), one_hot), rule


def loss_term(loss: ex.Node, name: str, func: str) -> ex.Call | None:
    """The call ``func(name, …)`` when it is the loss (``L = bce(A, Y)``) or one added term of
    it (``L = bce(A, Y) + λ/(2m)·Σ W²``, a regulariser; a term subtracted or scaled does not
    count) and ``name`` is used nowhere else in the loss: then ``δ_name`` comes from that term
    alone, and the fused forms (σ′·BCE → ``(A − Y)/m``, softmax + CE → ``(P − Y)/m``) hold."""
    terms: list[ex.Node] = []

    def added(n: ex.Node) -> None:
        if isinstance(n, ex.BinOp) and n.op in "+-":
            added(n.left)
            if n.op == "+":
                added(n.right)
            else:
                terms.append(ex.Neg(n.right))
        else:
            terms.append(n)

    def uses(n: ex.Node) -> int:
        return int(n == ex.Name(name)) + sum(uses(c) for c in ex.children(n))

    added(loss)
    hits = [
        t
        for t in terms
        if isinstance(t, ex.Call) and t.func == func and t.args and t.args[0] == ex.Name(name)
    ]
    if len(hits) != 1 or uses(loss) != 1:
        return None
    return hits[0]


def bce_target(g: Graph, name: str) -> ex.Node | None:
    """The target of the binary cross-entropy that ``name`` feeds: ``Y`` of ``bce(name, Y)``
    (:func:`loss_term`), else of a cross-entropy written out by hand when the nodes from
    ``name`` to the loss (:func:`loss_path`: Ng's ``logprobs = np.multiply(np.log(A2), Y) + …``
    then ``cost = -np.sum(logprobs) / m``) have one factor ``Y`` of ``Y * log(name)``; None
    otherwise."""
    term = loss_term(g.nodes[-1].tree, name, "bce")
    if term is not None:
        return term.args[1]
    found = [y for tree in loss_path(g, name) for y in _log_factors(tree, name)]
    return found[0] if len(found) == 1 else None


def loss_path(g: Graph, name: str) -> list[ex.Node]:
    """The trees of the nodes from ``name``'s one consumer to the loss, each node read by the
    next one only; [] when ``name`` reaches the loss otherwise."""
    out: list[ex.Node] = []
    at = name
    while at != g.spec.loss:
        cons = g.consumers.get(at, ())
        if len(cons) != 1:
            return []
        at = cons[0]
        out.append(next(n.tree for n in g.nodes if n.name == at))
    return out


def _log_factors(loss: ex.Node, name: str) -> list[ex.Node]:
    """The factors ``y`` of ``y * log(name)`` in the loss (either order, ``-y * log(name)`` as
    Ng's ex2 writes it, ``-log(name) * y`` as his regularisation assignment does, and the vectorised ``y.T @ log(name)``, ``log(name).T @ y``), each once:
    the target of a binary cross-entropy written out by hand (the loss's scale and sign are
    read by :func:`written_bce_count`)."""
    out: list[ex.Node] = []
    log = ex.Call("log", (ex.Name(name),))
    stack = [loss]
    while stack:
        n = stack.pop()
        stack.extend(ex.children(n))
        if not isinstance(n, ex.BinOp):
            continue
        if n.op == "*":
            pairs = [(n.left, n.right), (n.right, n.left)]
        elif n.op == "@" and isinstance(n.left, ex.Transpose):  # yᵀ log(A), log(A)ᵀ y
            pairs = [(n.left.operand, n.right), (n.right, n.left.operand)]
        else:
            continue
        for a, b in pairs:
            while isinstance(a, ex.Neg):
                a = a.operand
            while isinstance(b, ex.Neg):  # Ng's ``np.multiply(-np.log(A2), Y)``
                b = b.operand
            if b == log and a not in out and name not in ex.names(a):
                out.append(a)
    return out


def bce_chain(
    A: mf.MExpr, Y: mf.MExpr, n: mf.MExpr, w: mf.MExpr | None
) -> list[tuple[mf.MExpr, str]]:
    """The textbook algebra from ``δ_A ⊙ σ′`` to the plain error (:func:`bce_fused`), as
    (right side, reason key) rows: the two local derivatives substituted, the denominators
    cancelled, the terms collected; with a positive-class weight ``w`` also the plain error plus
    the weight's correction."""
    one = _one()
    wy = mf.mul(w, Y) if w is not None else Y
    chain = [
        (
            mf.mul(
                mf.div(mf.add(mf.neg(mf.Div(wy, A)), mf.Div(mf.sub(one, Y), mf.sub(one, A))), n),
                mf.mul(A, mf.sub(one, A)),
            ),
            "simplify.substitute",
        ),
        (
            mf.div(mf.add(mf.neg(mf.mul(wy, mf.sub(one, A))), mf.mul(mf.sub(one, Y), A)), n),
            "simplify.cancel",
        ),
        (bce_fused(A, Y, n, w), "simplify.collect"),
    ]
    if w is not None:
        chain.append(
            (
                mf.div(mf.add(mf.sub(A, Y), mf.mul(mf.sub(w, one), mf.mul(Y, mf.sub(A, one)))), n),
                "simplify.weighted",
            )
        )
    return chain


def bce_fused(A: mf.MExpr, Y: mf.MExpr, n: mf.MExpr, w: mf.MExpr | None) -> mf.MExpr:
    """σ followed by BCE, ∂L/∂Z: ``(A − Y)/n``; with a positive-class weight ``w``
    ``(A ⊙ (wY + 1 − Y) − wY)/n`` (the forms :meth:`_Deriver.simplify` derives step by step)."""
    if w is None:
        return mf.div(mf.sub(A, Y), n)
    wy = mf.mul(w, Y)
    return mf.div(mf.sub(mf.mul(A, mf.add(wy, mf.sub(_one(), Y))), wy), n)


def _along(columns: bool) -> tuple[type[mf.MExpr], str]:
    """The sums a softmax normalises by — each row's (``X𝟙``), or each column's (``𝟙ᵀX``,
    Ng's layout with one example per column) — and the suffix of the reasons that say so."""
    return (mf.SumRows, ".columns") if columns else (mf.SumCols, "")


def ce_one_hot_chain(
    P: mf.MExpr, Y: mf.MExpr, n: mf.MExpr, first: str, columns: bool = False
) -> list[tuple[mf.MExpr, str]]:
    """softmax's ``P`` under a cross-entropy against one-hot ``Y``, the textbook algebra as
    (right side, reason key) rows: ``δ_P = −Y/(n·P)`` into the softmax rule (reason ``first``),
    the denominators cancelled, the one-hot row sums (``columns``: a softmax down each column
    against one-hot columns, the same algebra with column sums)."""
    total, end = _along(columns)
    dP = mf.div(mf.neg(mf.Div(Y, P)), n)
    return [
        (mf.mul(P, mf.sub(dP, total(mf.mul(dP, P)))), first + end),
        (ce_fused(P, Y, n, one_hot=False, columns=columns), "builtins.ce_cancel" + end),
        (ce_fused(P, Y, n, one_hot=True), "builtins.ce_one_hot" + end),
    ]


def nll_one_hot_chain(
    P: mf.MExpr, Y: mf.MExpr, n: mf.MExpr, first: str, columns: bool = False
) -> list[tuple[mf.MExpr, str]]:
    """log-probabilities (``P`` their exponential) under the negative log-likelihood of one-hot
    ``Y``: ``δ_logp = −Y/n`` into the log-softmax rule (reason ``first``), the common factor
    taken out, the one-hot row (``columns``: column) sums."""
    total, end = _along(columns)
    dlogp = mf.div(mf.neg(Y), n)
    return [
        (mf.sub(dlogp, mf.mul(P, total(dlogp))), first + end),
        (ce_fused(P, Y, n, one_hot=False, columns=columns), "builtins.nll_collect" + end),
        (ce_fused(P, Y, n, one_hot=True), "builtins.ce_one_hot" + end),
    ]


def ce_fused(
    P: mf.MExpr, Y: mf.MExpr, n: mf.MExpr, one_hot: bool, columns: bool = False
) -> mf.MExpr:
    """softmax followed by cross-entropy, ∂L/∂Z: ``(P − Y)/n`` for one-hot rows of ``Y``, else
    ``(−Y + P ⊙ (Y𝟙))/n`` (``columns``: ``(−Y + P ⊙ (𝟙ᵀY))/n``; the forms
    :meth:`_Deriver.softmax_ce` derives step by step)."""
    if one_hot:
        return mf.div(mf.sub(P, Y), n)
    return mf.div(mf.add(mf.neg(Y), mf.mul(P, _along(columns)[0](Y))), n)


# ---- element-wise truth -----------------------------------------------------------------------


class TermCache:
    """What :func:`elementwise` learns about one node's definition that does not depend on the
    target (each entry's top-level terms and their symbols, ``f'(g)`` of a term ``f(g)``, the
    terms of ``g``): a node read through several targets (``X W + b``: ``W`` and ``b``) is
    taken apart once."""

    def __init__(self) -> None:
        self.terms: dict[sp.Basic, tuple[tuple[sp.Expr, frozenset], ...]] = {}
        self.inner: dict[sp.Basic, tuple[tuple[sp.Expr, frozenset], ...]] = {}
        self.outer: dict[sp.Basic, sp.Expr] = {}

    def split(self, e: sp.Expr, store: dict) -> tuple[tuple[sp.Expr, frozenset], ...]:
        hit = store.get(e)
        if hit is None:
            hit = store[e] = tuple(
                (t, _free_symbols(t)) for t in sp.Add.make_args(sp.expand_mul(e, deep=False))
            )
        return hit


def _free_symbols(t: sp.Expr) -> frozenset:
    """``t.free_symbols``; a product of plain symbols (``x·w``, the terms of a matrix product's
    entry) is its own set of factors, without SymPy's recursive union."""
    if t.is_Mul and all(type(a) is sp.Symbol for a in t.args):
        return frozenset(t.args)
    if type(t) is sp.Symbol:
        return frozenset((t,))
    return t.free_symbols


def elementwise(
    definition: sp.ImmutableMatrix,
    upstream: sp.Matrix,
    target: sp.ImmutableMatrix,
    cache: TermCache | None = None,
) -> sp.ImmutableMatrix:
    """``E[k,l] = Σ_ij upstream[i,j] · ∂definition[i,j]/∂target[k,l]`` by differentiation.

    Works term by term on each entry's top-level sum, so the cost is proportional to the number
    of (term, symbol) pairs rather than entries × symbols. ``cache``: shared by the targets of
    one node (the result does not depend on it).
    """
    cache = cache if cache is not None else TermCache()
    wanted = set(target)
    acc: dict[sp.Symbol, list[sp.Expr]] = {s: [] for s in target}
    for idx in range(len(definition)):
        entry = definition[idx]
        u = upstream[idx]
        if u == 0:
            continue
        for term, fs in cache.split(entry, cache.terms):
            syms = fs & wanted
            if not syms:
                continue
            # one wanted symbol: f(g) only (SymPy's diff of f(g) is f'(g)·g', the same
            # expression; its Pow rule writes g**n·(n·g'/g), which can flatten differently)
            chain = (
                _chain(term, wanted, cache)
                if len(syms) > 1 or isinstance(term, sp.Function)
                else None
            )
            if chain is not None:
                # f(Σ x·w + b): f' at the argument once, times each inner term's monomial
                # derivative (σ(X W + b) inline: 32 weights per entry at (32, 32, 32))
                outer, inner = chain
                parts: dict[sp.Symbol, list[sp.Expr]] = {}
                for it, its in cache.split(inner, cache.inner):
                    for s in its & wanted:
                        d = _monomial_diff(it, s)
                        parts.setdefault(s, []).append(_diff(it, s) if d is None else d)
                for s, ds in parts.items():
                    d = _product(outer, ds[0] if len(ds) == 1 else sp.Add(*ds))
                    if not _is_zero(d):
                        acc[s].append(_times(u, d))
                continue
            for s in syms:
                d = _monomial_diff(term, s)
                if d is None:
                    d = _diff(term, s)
                if not _is_zero(d):
                    acc[s].append(_times(u, d))
    return sp.ImmutableMatrix(target.rows, target.cols, [_sum(acc[s]) for s in target])


def _diff(e: sp.Expr, s: sp.Symbol) -> sp.Expr:
    """``e.diff(s)`` — the same expression — without differentiating the factors of a product
    whose derivative is 0 by construction (:func:`_flat`: ``s`` only inside indicators
    ``1[x > 0]``). A max mask entry is a product of such indicators, one per other entry of its
    row, and SymPy differentiated every one of them through its general machinery (seed 335 of
    the fuzz: 90 % of 34 s). For one derivative SymPy's product rule
    (``Mul._eval_derivative_n_times``) is ``Add(*[Mul(*args, the k-th differentiated) for k])``;
    a factor with derivative 0 contributes ``Mul(…, 0, …) = 0``, which ``Add`` drops, so
    leaving those terms out builds the same sum."""
    if e.is_Mul and e.is_commutative:
        args = e.args
        flat = [_flat(a, s) for a in args]
        if any(flat) and not any(a.is_Number and not a.is_finite for a in args):
            parts = [
                _rest(args, k) if a is s else sp.Mul(*args[:k], _diff(a, s), *args[k + 1 :])
                for k, a in enumerate(args)
                if not flat[k]
            ]
            return sp.Add(*parts)
    return _derivative(e, s)


_ONE = sp.Integer(1)


def _derivative(e: sp.Expr, s: sp.Symbol) -> sp.Expr:
    """``e.diff(s)`` — the same expression — by the rule SymPy's ``Derivative`` applies
    (``e._eval_derivative_n_times(s, 1)``), without what ``Derivative.__new__`` wraps around it
    for one symbol: it asks the assumptions whether the result ``is_zero`` — on a large sum a
    walk of every term through the assumption system, about half of the cold build's time in
    ``_diff`` — and returns the result either way. Anything else is left to SymPy: ``s`` not a
    plain symbol or not in ``e`` (its zero), ``e`` a ``Derivative`` (denested), no rule, or a
    result with a ``Derivative`` left in it (which SymPy makes canonical)."""
    if type(s) is not sp.Symbol or isinstance(e, sp.Derivative) or s not in e.free_symbols:
        return e.diff(s)
    d = e._eval_derivative_n_times(s, _ONE)
    if d is None or d.has(sp.Derivative):
        return e.diff(s)
    return d


def _rest(args: tuple[sp.Expr, ...], k: int) -> sp.Expr:
    """``Mul(*args without the k-th)`` for the factors of a canonical commutative product: they
    stay sorted and combined, so the product is built without flattening — except a number
    times a sum, which ``Mul`` distributes."""
    rest = args[:k] + args[k + 1 :]
    if len(rest) == 1:
        return rest[0]
    if len(rest) == 2 and rest[0].is_Number and rest[1].is_Add:
        return sp.Mul(*rest)
    return sp.Mul._from_args(rest, is_commutative=True)


def _flat(a: sp.Expr, s: sp.Symbol) -> bool:
    """True when SymPy's ``a.diff(s)`` is 0 by construction: ``a`` is a number, a symbol other
    than ``s``, an indicator ``1[x > 0]`` (``relu_grad``, whose ``fdiff`` is 0), or a sum,
    product or number power of such (``1 − 1[x > 0]``, ``1/Σ 1[…]``)."""
    if isinstance(a, ops.relu_grad | ops.clamp0_grad) or a.is_Number:
        return True
    if a.is_Symbol:
        return a != s
    if a.is_Add or a.is_Mul:
        return all(_flat(b, s) for b in a.args)
    if a.is_Pow:  # 1/Σ 1[…]: the count of a max's tied entries (max_share)
        return a.exp.is_Number and _flat(a.base, s)
    return False


def _is_zero(d: sp.Expr) -> bool:
    """``d == 0`` for an expression (structural, as SymPy's ``==``), without sympifying 0."""
    return d.is_Number and d == 0


def _product(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    """``a·b``: a function application times a plain symbol is built in SymPy's canonical
    order directly (``Mul``'s flattening sorts the factors the same way, and combines nothing
    for such a pair); anything else goes through ``Mul``."""
    if (
        isinstance(a, sp.Function)
        and b.is_Symbol
        and a.is_commutative
        and b.is_commutative
        and a.func not in (sp.exp,)
    ):
        c = _class_order(type(a), type(b))  # what Basic.compare decides first
        if c == 0:
            c = -1 if _args_sortkey(a) < _args_sortkey(b) else 1
        return sp.Mul._from_args((a, b) if c < 0 else (b, a), is_commutative=True)
    return a * b


_CLASS_ORDER: dict[tuple[type, type], int] = {}


def _class_order(x: type, y: type) -> int:
    """``Basic.compare``'s first test, by the two classes alone (``_cmp_name``: a list search
    in SymPy's ``ordering_of_classes``), remembered per pair; 0 when the classes' names tie and
    the contents decide."""
    hit = _CLASS_ORDER.get((x, y))
    if hit is None:
        hit = _CLASS_ORDER[(x, y)] = _cmp_name(x, y)
    return hit


def _chain(
    term: sp.Expr, wanted: set[sp.Symbol], cache: TermCache | None = None
) -> tuple[sp.Expr, sp.Expr] | None:
    """``(f'(g), g)`` when ``term`` is ``f(g)`` (a function whose other arguments, such as
    leaky ReLU's slope, hold no wanted symbol) or ``g**n`` (``n`` free of them), so that
    ``∂term/∂s = f'(g)·∂g/∂s`` — what ``term.diff(s)`` gives, with ``f'(g)`` built once."""
    if isinstance(term, sp.Function) and term.args:
        g, rest = term.args[0], term.args[1:]
        if g.is_Add and not any(a.free_symbols & wanted for a in rest):
            if cache is None:
                return term.fdiff(1), g
            outer = cache.outer.get(term)
            if outer is None:
                outer = cache.outer[term] = term.fdiff(1)
            return outer, g
    if term.is_Pow:
        g, n = term.args
        if g.is_Add and not (n.free_symbols & wanted):
            return n * g ** (n - 1), g
    return None


def _monomial_diff(term: sp.Expr, s: sp.Symbol) -> sp.Expr | None:
    """∂term/∂s when ``s`` is a plain factor appearing once (``c·x·s → c·x``), else ``None``.

    Same result as ``term.diff(s)``, without SymPy's general derivative machinery (which was
    65% of the run time at (32, 32, 32))."""
    if term is s:
        return sp.Integer(1)
    if term.is_Mul:
        args = term.args
        if args.count(s) == 1 and all(a is s or s not in a.free_symbols for a in args):
            rest = [a for a in args if a is not s]
            if len(rest) == 1:
                return rest[0]
            # the factors of a commutative product are commutative: no need to ask each again
            return sp.Mul._from_args(rest, is_commutative=True if term.is_commutative else None)
    return None


def _times(u: sp.Expr, d: sp.Expr) -> sp.Expr:
    """``u·d`` for an upstream gradient symbol ``u``: gradient symbols' names sort before every
    other symbol (rank prefix 0), so the canonical product is ``(coeff, u, *rest)`` and can be
    built without SymPy's flattening; anything else goes through ``Mul``."""
    if u == 1:
        return d
    if not u.is_Symbol or d.is_Add or d.is_Number:
        return u * d
    args = d.args if d.is_Mul else (d,)
    if any(a.is_Symbol and a.name <= u.name for a in args):
        return u * d
    comm = True if u.is_commutative and d.is_commutative else None  # as fuzzy_and of the factors
    return sp.Mul._from_args(
        (args[0], u, *args[1:]) if args[0].is_Number else (u, *args), is_commutative=comm
    )


def textbook_map(g: Graph) -> dict[sp.Expr, sp.Symbol]:
    """``σ(z_ij) → a_ij`` for every node ``A = σ(Z)`` (also tanh, exp): derivatives written
    in terms of the node's own value, as textbooks do (``σ' = a(1 − a)``)."""
    out: dict[sp.Expr, sp.Symbol] = {}
    for node in g.nodes:
        tree = node.tree
        if (
            isinstance(tree, ex.Call)
            and tree.func in ops.OPS
            and ops.get(tree.func).textbook
            and isinstance(tree.args[0], ex.Name)
        ):
            out.update(zip(node.definition, g.tensors[node.name].symbols, strict=True))
    return out


def softmax_rows(g: Graph) -> list[tuple[dict[sp.Expr, sp.Expr], dict[sp.Expr, sp.Expr]]]:
    """For every node ``A = softmax(S)`` (row-wise, on a named tensor), per row: the row's
    denominator ``Σ_k e^{s_ik}`` → a placeholder ``D``, and ``s_ij`` → ``log(a_ij·D)``, so that
    an entry's derivative in exponentials becomes one in the node's own values
    (``a_ij (δ_ij − Σ_k δ_ik a_ik)``, as courses write it); :func:`softmax_textbook` applies it."""
    out = []
    for node in g.nodes:
        tree = node.tree
        op = ops.OPS.get(tree.func) if isinstance(tree, ex.Call) else None
        if op is None or op.rule != "softmax-jacobian" or not isinstance(tree.args[0], ex.Name):
            continue
        a, s = g.tensors[node.name].symbols, g.tensors[tree.args[0].id].symbols
        if a.shape != s.shape:
            continue
        for i in range(a.shape[0]):
            den = sp.fraction(node.definition[i, 0])[1]
            if any(sp.fraction(node.definition[i, j])[1] != den for j in range(a.shape[1])):
                continue
            d = sp.Dummy(f"rowsum{i}", positive=True)
            out.append(({den: d}, {s[i, j]: sp.log(a[i, j] * d) for j in range(a.shape[1])}))
    return out


def softmax_textbook(e: sp.Expr, rows: list) -> sp.Expr:
    """``e`` with every softmax row rewritten in the node's own values (see
    :func:`softmax_rows`) when that removes the exponentials entirely; ``e`` otherwise. A common
    factor ``a_ij`` is taken out of the sum."""
    out = e
    for den, sub in rows:
        if not set(sub) & out.free_symbols:
            continue
        d = next(iter(den.values()))
        new = sp.expand(out.xreplace(den).xreplace(sub))
        if d in new.free_symbols or set(sub) & new.free_symbols or new.has(sp.log):
            return e
        out = new
    if out is e:
        return e
    factored = sp.factor_terms(out)
    return factored if factored.is_Mul and len(factored.args) == 2 else out


def _batchnorm_pattern(g: Graph, x: str) -> tuple[str, ex.Node, ex.Node, str] | None:
    """``(x̂, D, γ, Y)`` when ``x`` is batch-normalised as ``μ = mean(x, axis=0)``,
    ``xc = x − μ``, ``σ² = mean(…xc…, axis=0)``, ``x̂ = xc / D`` (``D`` reads ``σ²``),
    ``Y = γ * x̂ + β`` (either order), else ``None``. Whether it *is* batch norm is decided by
    the verified steps, not here."""
    nodes = {n.name: n.tree for n in g.nodes}

    def axis0(tree: ex.Node, arg: str) -> bool:
        if not (isinstance(tree, ex.Call) and tree.func == "mean" and tree.args):
            return False
        axis = tree.kwarg("axis") if len(tree.args) == 1 else tree.args[1]
        return isinstance(axis, ex.Num) and axis.value == 0 and set(ex.names(tree.args[0])) == {arg}

    cons = g.consumers.get(x, ())
    mu = next((c for c in cons if axis0(nodes[c], x)), None)
    xc = next((c for c in cons if c != mu), None)
    if mu is None or xc is None:
        return None
    tree = nodes[xc]
    if not (isinstance(tree, ex.BinOp) and tree.op == "-" and tree.left == ex.Name(x)):
        return None
    if tree.right != ex.Name(mu) or g.consumers[mu] != (xc,) or len(g.consumers[xc]) != 2:
        return None
    var = next((c for c in g.consumers[xc] if axis0(nodes[c], xc)), None)
    xhat = next((c for c in g.consumers[xc] if c != var), None)
    if var is None or xhat is None or g.consumers[var] != (xhat,):
        return None
    tree = nodes[xhat]
    if not (isinstance(tree, ex.BinOp) and tree.op == "/" and tree.left == ex.Name(xc)):
        return None
    if set(ex.names(tree.right)) & set(g.tensors) - set(g.spec.constants) != {var}:
        return None
    denom = tree.right
    if len(g.consumers[xhat]) != 1:
        return None
    y = g.consumers[xhat][0]
    tree = nodes[y]
    if not (isinstance(tree, ex.BinOp) and tree.op == "+" and isinstance(tree.left, ex.BinOp)):
        return None
    prod = tree.left
    if prod.op != "*" or ex.Name(xhat) not in (prod.left, prod.right):
        return None
    gamma = prod.right if prod.left == ex.Name(xhat) else prod.left
    if xhat in ex.names(gamma) or xhat in ex.names(tree.right):
        return None
    return xhat, denom, gamma, y


def one_hot_rows(g: Graph, checker: Checker) -> dict[sp.Symbol, sp.Expr]:
    """Identity tests draw the entries of an input declared one-hot as rows that sum to 1
    (``u_ij / Σ_r u_ir`` with ``u > 0``; one-hot columns as columns that do): the only property of one-hot rows that the fused
    softmax + cross-entropy step ``(P − Y)/m`` uses, so steps are still tested on a continuum of
    points, and every step true for free entries stays true."""
    out: dict[sp.Symbol, sp.Expr] = {}
    for name in (*g.spec.one_hot, *g.spec.one_hot_columns):
        t = g.tensors[name]
        # one-hot columns (Ng's layout, one example per column): each column sums to 1
        sym = t.symbols.T if name in g.spec.one_hot_columns else t.symbols
        for i in range(sym.shape[0]):
            raw = [sp.Symbol(f"onehot_{name}_{i}_{j}") for j in range(sym.shape[1])]
            total = sp.Add(*raw)
            for j, u in enumerate(raw):
                checker.domains[u] = (0.05, 1.0)
                out[sym[i, j]] = u / total
    return out


# the intervals identity tests draw a tensor's entries from when an op of the table reads the
# tensor directly and is defined on part of the line only (acosh: x > 1; atanh, erfinv: |x| < 1)
INTERVAL_DRAWS = {"above_one": (1.05, 3.0), "open_unit": (-0.95, 0.95)}


def interval_inputs(g: Graph, checker: Checker) -> None:
    """An input or parameter read directly by ``acosh``/``atanh``/``erfinv`` is drawn inside
    the op's domain: the default (−2, 2), and the checker's later draws (positive, nearer 0),
    would leave acosh's or erfinv's at nearly every point (erfinv has no complex value there)."""
    defined = {name for name, _ in g.spec.forward}
    for _, tree in g.spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            stack.extend(ex.children(n))
            if not (isinstance(n, ex.Call) and n.func in ops.OPS and n.args):
                continue
            span = INTERVAL_DRAWS.get(ops.get(n.func).domain[0])
            arg = n.args[0]
            if span and isinstance(arg, ex.Name) and arg.id in g.tensors and arg.id not in defined:
                for sym in g.tensors[arg.id].symbols:
                    checker.domains[sym] = span


def example_anchor(g: Graph) -> dict[sp.Symbol, float]:
    """Each input's and parameter's entries at the example values (the spec's or the drawn
    ones, at which the forward pass has been checked inside every domain): where no random
    point is inside a step's domain, the identity tests draw near these (Checker.anchor)."""
    out: dict[sp.Symbol, float] = {}
    for name, rows in g.spec.values.items():
        t = g.tensors.get(name)
        if t is None or t.kind == "node":
            continue
        flat = [float(v) for row in rows for v in row]
        if len(flat) == len(t.symbols):
            out.update((sym, v) for sym, v in zip(t.symbols, flat, strict=True))
    return out


# ---- the walk ---------------------------------------------------------------------------------


class _Deriver:
    def __init__(self, g: Graph) -> None:
        self.g = g
        self.names = dict(g.symbol_tex)
        self.checker = Checker(defs={}, points=3, seed=0)
        self.checker.define(g.scalar_values)
        self.grad = {n for n, t in g.tensors.items() if t.grads is not None}
        self.textbook = textbook_map(g)
        self.softmax_rows = softmax_rows(g)
        self.checker.define(one_hot_rows(g, self.checker))
        interval_inputs(g, self.checker)
        self.checker.anchor = example_anchor(g)
        self._terms: tuple[object, TermCache] = (None, TermCache())  # the node being pulled
        # δ of a tensor shown equal to (P − Y)/n by written_softmax: (P, n)
        self._ce_done: dict[str, tuple[mf.Ref, mf.MExpr]] = {}

    def tex(self, e: sp.Expr) -> str:
        return latex(e, self.names)

    def lazy_term(self, e: sp.Expr) -> Term:
        """``e`` with its LaTeX and text printed when first read (an entry of a large sum:
        printing costs more than proving it, and ``derive verify`` shows neither)."""
        return LazyTerm(e, Printed(latex, e, (self.names,)), Printed(str, e))

    def term(self, obj, tex: str, text: str) -> Term:
        return Term(obj, tex, text, getattr(obj, "shape", None))

    def ref_term(self, t: Tensor, kind: str) -> Term:
        r = t.grad_ref(self.g.loss_tex) if kind == "grad" else t.value_ref(self.g.loss_tex)
        return Term(r, self._ref_tex(t, kind), r.text(), t.shape)

    def _ref_tex(self, t: Tensor, kind: str) -> str:
        if kind == "value":
            return t.tex
        if t.kind == "param":
            return f"\\frac{{\\partial {self.g.loss_tex}}}{{\\partial {t.tex}}}"
        return f"\\delta_{{{t.tex}}}"

    def mterm(self, m: mf.MExpr) -> Term:
        return Term(m, m.tex(), m.text(), m.shape)

    def run(self) -> Derivation:
        g = self.g
        forward = [self.forward_visit(n) for n in g.nodes]
        loss = g.loss
        contributions: dict[str, list[Contribution]] = {n: [] for n in g.tensors}
        backward: list[BackwardVisit] = []
        # seed: ∂L/∂L = 1
        self.checker.define({loss.grads[0]: sp.Integer(1)})
        for node in reversed(g.nodes):
            t = g.tensors[node.name]
            if t.grads is None:  # depends on no parameter: no gradient flows through it
                continue
            if node.name == g.spec.loss:
                up, upstream = _one(), sp.Matrix([[1]])
            else:  # every consumer of t has been visited: its gradient is complete
                backward.append(self.finish(t, contributions[node.name]))
                up, upstream = t.grad_ref(g.loss_tex), t.grads
            acc: dict[str, list[tuple[mf.MExpr, tuple[str, ...]]]] = {}
            pull(node.tree, up, g, t, self.grad, acc)
            for target, parts in acc.items():
                contributions[target].append(self.contribution(node, upstream, target, parts))
        for name in g.spec.params:
            backward.append(self.finish(g.tensors[name], contributions[name]))
        checks = self.direct_checks()
        return Derivation(
            g, tuple(forward), tuple(backward), tuple(checks), dict(self.checker.defs)
        )

    def forward_visit(self, node) -> ForwardVisit:
        t = self.g.tensors[node.name]
        self.checker.define(zip(t.symbols, node.definition, strict=True))
        step = prove(
            self.checker,
            self.ref_term(t, "value"),
            self.mterm(node.forward),
            "definition",
            "forward.definition",
        )
        entries = []
        if t.scalar or len(t.symbols) <= MAX_ENTRY_STEPS:
            for s, d in zip(t.symbols, node.definition, strict=True):
                entries.append(
                    prove(
                        self.checker,
                        Term(s, self.names[s], str(s)),
                        self.lazy_term(d),
                        "definition",
                        "forward.entry",
                    )
                )
        return ForwardVisit(node.name, step, tuple(entries))

    def contribution(self, node, upstream, target: str, parts) -> Contribution:
        g = self.g
        tt = g.tensors[target]
        formula = mf.add(*(p for p, _ in parts))
        rules = parts[0][1]
        if self._terms[0] is not node:
            self._terms = (node, TermCache())
        e = elementwise(node.definition, upstream, tt.symbols, self._terms[1])
        single = len(g.consumers[target]) == 1
        lhs_tex = self._ref_tex(tt, "grad")
        if not single:
            lhs_tex = f"\\left.{lhs_tex}\\right|_{{{g.tensors[node.name].tex}}}"
        lhs = Term(e, lhs_tex, f"∂L/∂{target} via {node.name}", tt.shape)
        rule = _main_rule(rules)
        # the node uses the target in several ways (``s − max(s)``: as it is and through the
        # row maximum): the first use's reason would tell only part of the story
        several = len({_main_rule(r) for _, r in parts}) > 1
        step = prove(
            self.checker,
            lhs,
            self.mterm(formula),
            rule,
            "rule.uses" if several else _reason(rule, rules),
            via=node.name,
            target=target,
            **({"n": str(len(parts))} if several else {}),
        )
        return Contribution(node.name, target, formula, rules, e, step)

    def finish(self, t: Tensor, parts: list[Contribution]) -> BackwardVisit:
        total_e = parts[0].elementwise
        for p in parts[1:]:
            total_e = total_e + p.elementwise
        self.checker.define(zip(t.grads, total_e, strict=True))
        total = None
        formula = mf.add(*(p.formula for p in parts))
        rule = _main_rule(parts[0].rules) if len(parts) == 1 else "sum-over-paths"
        if len(parts) > 1:
            total = prove(
                self.checker,
                self.ref_term(t, "grad"),
                self.mterm(formula),
                "sum-over-paths",
                "rule.sum-over-paths",
            )
        simplified = self.simplify(t)
        if simplified:
            formula = simplified[-1].rhs.value
            rule = simplified[-1].rule
        entries = []
        if t.scalar or len(t.symbols) <= MAX_ENTRY_STEPS:
            for s, e in zip(t.grads, total_e, strict=True):
                e = softmax_textbook(e.xreplace(self.textbook), self.softmax_rows)
                entries.append(
                    prove(
                        self.checker,
                        Term(s, self.names[s], str(s)),
                        self.lazy_term(e),
                        "chain-rule",
                        "rule.chain-rule",
                    )
                )
        return BackwardVisit(
            t.name, t.kind, tuple(parts), total, tuple(simplified), formula, rule, tuple(entries)
        )

    def simplify(self, t: Tensor) -> list[Step]:
        """sigmoid followed by BCE: the textbook algebra to ``(Ŷ − Y)/m`` (or the weighted
        form), each line checked against the element-wise gradient."""
        g = self.g
        cons = g.consumers[t.name]
        if len(cons) not in (1, 2):
            return []
        if len(cons) == 2:
            return self.batchnorm(t) or self.written_softmax(t, None) or self.logsumexp_ce(t)
        a_node = next(n for n in g.nodes if n.name == cons[0])
        if isinstance(a_node.tree, ex.Call) and a_node.tree.func == "softmax":
            return self.softmax_ce(t, a_node)
        if isinstance(a_node.tree, ex.Call) and a_node.tree.func == "log_softmax":
            return self.log_softmax_nll(t, a_node)
        if not (
            isinstance(a_node.tree, ex.Call)
            and a_node.tree.func == "sigmoid"
            and a_node.tree.args[0] == ex.Name(t.name)
        ):
            return self.written_softmax(t, a_node) or self.logsumexp_ce(t)
        if g.consumers[a_node.name] != (g.spec.loss,):
            return self.written_bce(t, a_node)
        loss = loss_term(g.nodes[-1].tree, a_node.name, "bce")
        if loss is None:
            return self.written_bce(t, a_node)
        A = g.tensors[a_node.name].value_ref(g.loss_tex)
        Y = forward_ir(loss.args[1], g)
        n = g.count(A.shape)
        wnode = loss.kwarg("pos_weight")
        w = forward_ir(wnode, g) if wnode is not None else None
        lhs = self.ref_term(t, "grad")
        chain = bce_chain(A, Y, n, w)
        rule = "sigmoid-bce" if w is None else "weighted-bce"
        # the reasons name the network's own prediction (A^{[2]}), not a generic ŷ
        a = a_node.name
        return [prove(self.checker, lhs, self.mterm(m), rule, key, a=a) for m, key in chain]

    def written_bce(self, t: Tensor, a_node) -> list[Step]:
        """sigmoid followed by a binary cross-entropy written out by hand (CS229's and Ng's
        ``-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))``, ``-np.sum(…) / m``, also through
        a node of its own, :func:`bce_target`): the steps of :meth:`simplify` to ``(A − Y)/n``,
        ``n`` the count the loss divides by (:func:`written_bce_count`). Each step is checked
        against the element-wise gradient like every step; a loss of another form (a weight on
        one class) gets no simplification."""
        g = self.g
        y = bce_target(g, a_node.name)
        if y is None or set(ex.names(y)) & set(g.spec.params):
            return []
        n = written_bce_count(g, a_node.name, y)
        if n is None:
            return []
        A = g.tensors[a_node.name].value_ref(g.loss_tex)
        chain = bce_chain(A, forward_ir(y, g), n, None)
        lhs = self.ref_term(t, "grad")
        try:
            with self.checker.now():
                return [
                    prove(self.checker, lhs, self.mterm(m), "sigmoid-bce", key, a=a_node.name)
                    for m, key in chain
                ]
        except StepError:
            return []

    def softmax_ce(self, t: Tensor, p_node) -> list[Step]:
        """softmax followed by cross-entropy against a one-hot target: the softmax Jacobian
        applied to ``δ_P = −Y/(m·P)``, then the algebra to ``(P − Y)/m``, each line checked
        against the element-wise gradient (the last one uses that one-hot rows sum to 1)."""
        g = self.g
        if p_node.tree.args[0] != ex.Name(t.name) or g.consumers[p_node.name] != (g.spec.loss,):
            return []
        loss = loss_term(g.nodes[-1].tree, p_node.name, "cross_entropy")
        if loss is None:
            return self.softmax_labels(t, p_node)
        one_hot = isinstance(loss.args[1], ex.Name) and loss.args[1].id in g.spec.one_hot
        P = g.tensors[p_node.name].value_ref(g.loss_tex)
        Y = forward_ir(loss.args[1], g)
        n = g.count((P.shape[0],))
        dP = mf.div(mf.neg(mf.Div(Y, P)), n)
        chain = [
            (mf.mul(P, mf.sub(dP, mf.SumCols(mf.mul(dP, P)))), "builtins.ce_substitute"),
            (ce_fused(P, Y, n, one_hot=False), "builtins.ce_cancel"),
        ]
        if one_hot:
            chain.append((ce_fused(P, Y, n, one_hot=True), "builtins.ce_one_hot"))
        # targets not declared one-hot (soft labels, a target computed by the network): the
        # general form (P ⊙ (Y·𝟙) − Y)/m, which needs no division by P and so stays finite
        # where a probability underflows to 0
        rule = "softmax-ce" if one_hot else "softmax-ce-soft"
        lhs = self.ref_term(t, "grad")
        y = loss.args[1].id if isinstance(loss.args[1], ex.Name) else f"${self.mterm(Y).tex}$"
        return [prove(self.checker, lhs, self.mterm(m), rule, key, y=y) for m, key in chain]

    def written_softmax(self, t: Tensor, first) -> list[Step]:
        """A softmax written out by hand (CS231n's ``exp_scores / np.sum(exp_scores, axis=1,
        keepdims=True)``, D2L's ``X_exp / partition``, also after the shift by the row maximum)
        followed by a cross-entropy against one-hot targets ``Y``: ``δ_t = (P − Y)/n`` in the
        steps of :meth:`softmax_ce`, ``P`` the user's own probability node and ``n`` the count the
        loss divides by (:func:`written_ce_count`). A log-softmax written out (CS231n's and
        CS182's ``shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))``) under the
        negative log-likelihood: the steps of :meth:`log_softmax_nll`, ``P = exp(log_probs)``.
        Where ``t`` only feeds the shift ``S = t − max(t)`` whose gradient is already ``(P −
        Y)/n``: ``δ_t = δ_S`` (the rows of ``δ_S`` sum to 0, so the max path adds nothing), then
        ``(P − Y)/n``. Every line is checked against the element-wise gradient; a network that
        only looks like this gets no simplification."""
        g = self.g
        targets = [y for y in (*g.spec.one_hot, *g.spec.one_hot_columns) if g.consumers.get(y)]
        if len(targets) != 1 or not self._softmax_entry(t):
            return []
        y = targets[0]
        # one-hot columns (Ng's layout): the softmax runs down each column, sums are 𝟙ᵀX
        columns = y in g.spec.one_hot_columns
        Y = forward_ir(ex.Name(y), g)
        done = self._ce_done.get(first.name) if first is not None else None
        if done is not None:
            P, n = done
            shift = "builtins.ce_shift" + _along(columns)[1]
            chain = [
                (g.tensors[first.name].grad_ref(g.loss_tex), shift),
                (ce_fused(P, Y, n, one_hot=True), "builtins.ce_shift_result"),
            ]
            shown = self._shown(P)
            steps = self.try_chain(t, chain, "softmax-ce", y, s=first.name, p=shown, z=t.name)
            if steps:
                self._ce_done[t.name] = done
            return steps
        for p, log in _softmax_candidates(g, t.name):
            n = written_ce_count(g, p, y, log, columns)
            if n is None:
                continue
            if log:  # log P written out: P = exp(log P)
                P = forward_ir(ex.Call("exp", (ex.Name(p),)), g)
                chain = nll_one_hot_chain(P, Y, n, "builtins.nll_written", columns)
            else:
                P = g.tensors[p].value_ref(g.loss_tex)
                chain = ce_one_hot_chain(P, Y, n, "builtins.ce_written", columns)
            steps = self.try_chain(t, chain, "softmax-ce", y, p=p, z=t.name)
            if steps:
                self._ce_done[t.name] = (P, n)
                return steps
        return []

    def logsumexp_ce(self, t: Tensor) -> list[Step]:
        """A cross-entropy written with logsumexp (``(torch.logsumexp(z, 1) - (z * y).sum(1))
        .mean()``, ``tf.reduce_logsumexp(z, 1) - …``): the language reads logsumexp as ``mean(z −
        log_softmax(z))``, whose display never shows the textbook ``δ_z = (softmax(z) − Y)/n``.
        The slope of logsumexp is the softmax and that of the subtracted target logit the
        target: tried as one step for each input ``Y`` of ``t``'s shape the loss reads, ``n``
        read from the loss's exact derivative (:func:`_size_ratio`); proven like every step, and
        none where the loss is of another form."""
        g = self.g
        loss_tree = g.nodes[-1].tree
        lsm = ex.Call("log_softmax", (ex.Name(t.name),))
        if lsm not in ex.subtrees(loss_tree) and not any(
            lsm in ex.subtrees(n.tree) for n in g.nodes if n.name in g.consumers.get(t.name, ())
        ):
            return []
        shape, after = g.tensors[t.name].shape, _downstream(g, t.name)
        targets = [  # inputs of t's shape read after t: the target's candidates
            y for y in sorted({n for x in g.nodes if x.name in after for n in ex.names(x.tree)})
            if y in g.spec.inputs and y in g.tensors and g.tensors[y].shape == shape
        ]
        if not targets:  # none: no loss expanded (round 49: a log-softmax deep in a 4-layer
            return []  # network took 150 s of SymPy there, for no candidate)
        loss = _loss_expanded(g, t.name)
        if loss is None:
            return []
        # logsumexp is read as a mean over the row's c entries, so the loss holds (1/c)·Σ of
        # as many terms as the row has: c is that number (the count is the batch's, n)
        width = getattr(g.tensors[t.name].shape[1], "label", None)
        if isinstance(width, str) and width in g.scalars:
            loss = loss.xreplace({g.scalars[width]: sp.Integer(int(g.tensors[t.name].shape[1]))})
        row = list(g.tensors[t.name].symbols[0, :])
        s = row[0]
        p0 = sp.exp(s) / sp.Add(*(sp.exp(e) for e in row))
        for y in targets:
            n = _size_ratio(g, p0 - g.tensors[y].symbols[0, 0], loss, s)
            if n is None:
                continue
            P = forward_ir(ex.Call("softmax", (ex.Name(t.name),)), g)
            Y = forward_ir(ex.Name(y), g)
            chain = [(ce_fused(P, Y, n, one_hot=True), "builtins.lse_ce")]
            # (P − Y)/n holds for any Y here; "each row sums to zero" only for one-hot rows
            rule = "softmax-ce" if y in g.spec.one_hot else "softmax-ce-soft"
            steps = self.try_chain(t, chain, rule, y, z=t.name)
            if steps:
                return steps
        return []

    def _shown(self, P: mf.MExpr) -> str:
        """A reason's slot for ``P``: the node's name (printed as its symbol), else ``$P$``."""
        return P.key if isinstance(P, mf.Ref) else f"${self.mterm(P).tex}$"

    def _softmax_entry(self, t: Tensor) -> bool:
        """Whether every consumer of ``t`` may start a softmax written out: an exponential of
        ``t`` (also shifted) somewhere in it, or ``t`` minus something (the shift by the row
        maximum, the log-softmax's ``t − log Σ exp t``), or a softmax of ``t`` down its columns."""

        def exp_of_t(n: ex.Node) -> bool:
            if isinstance(n, ex.Call) and n.func == "exp" and t.name in ex.names(n.args[0]):
                return True
            return any(exp_of_t(c) for c in ex.children(n))

        for c in self.g.consumers[t.name]:
            tree = next(n.tree for n in self.g.nodes if n.name == c)
            shift = isinstance(tree, ex.BinOp) and tree.op == "-" and tree.left == ex.Name(t.name)
            # torch.softmax(t, dim=0), read as softmax(tᵀ)ᵀ: a softmax down each column
            down = ex.Transpose(ex.Call("softmax", (ex.Transpose(ex.Name(t.name)),)))
            if not (shift or exp_of_t(tree) or tree == down):
                return False
        return True

    def one_hot_target(self) -> str | None:
        """The one input declared one-hot (or read from class labels) that the loss uses."""
        loss = self.g.nodes[-1].tree
        found = [y for y in self.g.spec.one_hot if y in ex.names(loss)]
        return found[0] if len(found) == 1 else None

    def softmax_labels(self, t: Tensor, p_node) -> list[Step]:
        """softmax followed by a loss written by hand with one-hot targets ``Y`` (CS231n's
        ``-np.mean(np.log(probs[np.arange(N), y]))``, read as ``−mean(Σ_j y_ij log P_ij)``):
        the steps of :meth:`softmax_ce` to ``(P − Y)/N``. That the loss's ``δ_P`` is
        ``−Y/(N·P)`` is not assumed: the first step is checked against the element-wise
        gradient like every step, and a loss of another form gets no simplification."""
        y = self.one_hot_target()
        if y is None:
            return []
        g = self.g
        P = g.tensors[p_node.name].value_ref(g.loss_tex)
        Y = forward_ir(ex.Name(y), g)
        chain = ce_one_hot_chain(P, Y, g.count((P.shape[0],)), "builtins.ce_substitute")
        return self.try_chain(t, chain, "softmax-ce", y)

    def log_softmax_nll(self, t: Tensor, node) -> list[Step]:
        """log_softmax followed by the negative log-likelihood of one-hot targets ``Y`` (PyTorch's
        ``-logp[range(N), y].mean()``, ``F.nll_loss``): the log-softmax backward ``g − P ⊙ (g𝟙)``
        with ``g = δ_logp = −Y/N`` and ``P = softmax(z)``, then the algebra to ``(P − Y)/N``,
        each line checked against the element-wise gradient (a loss of another form fails the
        first check and gets no simplification)."""
        g = self.g
        if node.tree.args[0] != ex.Name(t.name) or g.consumers[node.name] != (g.spec.loss,):
            return []
        y = self.one_hot_target()
        if y is None:
            return []
        P = forward_ir(ex.Call("softmax", (ex.Name(t.name),)), g)
        Y = forward_ir(ex.Name(y), g)
        chain = nll_one_hot_chain(P, Y, g.count((P.shape[0],)), "builtins.nll_substitute")
        return self.try_chain(t, chain, "softmax-ce", y)

    def try_chain(self, t: Tensor, chain, rule: str, y: str, **args: str) -> list[Step]:
        """The steps ``δ_t = …`` of ``chain`` (right side, reason key), each proven; none when
        one fails (the network only looked like the pattern)."""
        lhs = self.ref_term(t, "grad")
        try:
            with self.checker.now():  # the verdict is needed here, also when deferring
                return [
                    prove(self.checker, lhs, self.mterm(m), rule, key, y=y, **args)
                    for m, key in chain
                ]
        except StepError:
            return []

    def batchnorm(self, t: Tensor) -> list[Step]:
        """Batch normalisation of ``t`` (``μ = mean(t, axis=0)``, ``xc = t − μ``,
        ``σ² = mean(xc², axis=0)``, ``x̂ = xc / D(σ²)``, ``Y = γ·x̂ + β``): the three paths
        collected into the compact backward formula ``(γ/(m·D)) ⊙ (m·δ_Y − 𝟙ᵀδ_Y −
        x̂ ⊙ 𝟙ᵀ(δ_Y ⊙ x̂))``, each line checked against the element-wise gradient. A network that
        only looks like batch norm (another denominator, say) fails a check and gets no
        simplification."""
        found = _batchnorm_pattern(self.g, t.name)
        if found is None:
            return []
        g = self.g
        xhat_name, denom, gamma, y_name = found
        xh = g.tensors[xhat_name]
        X = xh.value_ref(g.loss_tex)
        D = forward_ir(denom, g)
        G = forward_ir(gamma, g)
        dY = g.tensors[y_name].grad_ref(g.loss_tex)
        dXh = xh.grad_ref(g.loss_tex)
        n = g.count((t.shape[0],))
        inv_n = mf.div(_one(), n)

        def compact(u: mf.MExpr) -> mf.MExpr:  # u − (1/m)·𝟙ᵀu − (1/m)·x̂ ⊙ 𝟙ᵀ(u ⊙ x̂)
            return mf.sub(
                mf.sub(u, mf.mul(inv_n, mf.SumRows(u))),
                mf.mul(inv_n, mf.mul(X, mf.SumRows(mf.mul(u, X)))),
            )

        chain = [
            (mf.mul(mf.Div(_one(), D), compact(dXh)), "builtins.bn_paths"),
            (mf.mul(mf.Div(_one(), D), compact(mf.mul(G, dY))), "builtins.bn_substitute"),
            (mf.mul(mf.Div(G, D), compact(dY)), "builtins.bn_gamma"),
            (
                mf.mul(
                    mf.Div(G, mf.mul(n, D)),
                    mf.sub(
                        mf.sub(mf.mul(n, dY), mf.SumRows(dY)), mf.mul(X, mf.SumRows(mf.mul(dY, X)))
                    ),
                ),
                "builtins.bn_compact",
            ),
        ]
        lhs = self.ref_term(t, "grad")
        try:
            with self.checker.now():  # tried and dropped when false: the verdict is needed now
                return [
                    prove(
                        self.checker, lhs, self.mterm(m), "batchnorm", key, xhat=xhat_name, y=y_name
                    )
                    for m, key in chain
                ]
        except StepError:
            return []

    def direct_checks(self) -> list[Step]:
        """At small sizes: every gradient equals d/dp of the fully expanded loss."""
        g = self.g
        weights = sum(len(g.tensors[p].symbols) for p in g.spec.params)
        if weights > MAX_DIRECT_PARAMS:
            return []
        shapes = {k: t.shape for k, t in g.tensors.items()}
        if weights * elementwise_size(g.spec.forward, shapes)[1] > MAX_DIRECT_WORK:
            return []  # the extra cross-check would cost minutes; every step is verified anyway
        if (
            _expanded_size(g, MAX_DIRECT_NODES) > MAX_DIRECT_NODES
            or _expanded_depth(g) > MAX_DIRECT_DEPTH
        ):
            # SymPy's diff of a deeply nested expanded loss grows exponentially (a random
            # 5-layer net at widths ≤ 4: 250 s here, and building it 14 s); every step is
            # verified anyway, this cross-check is an extra for small graphs
            return []
        full = g.nodes[-1].definition[0]
        for node in reversed(g.nodes[:-1]):
            if node.name in g.spec.detached:
                continue  # a stop-gradient: its entries are constants of d/dp (at their values)
            full = full.xreplace(
                dict(zip(g.tensors[node.name].symbols, node.definition, strict=True))
            )
        out = []
        wrt = [s for p in g.spec.params for s in g.tensors[p].symbols]
        derivatives = dict(zip(wrt, expanded_gradient(full, wrt), strict=True))
        for p in g.spec.params:
            t = g.tensors[p]
            direct = sp.ImmutableMatrix(
                t.shape[0], t.shape[1], [derivatives[s] for s in t.symbols]
            )
            out.append(
                prove(
                    self.checker,
                    self.ref_term(t, "grad"),
                    Term(
                        direct,
                        f"\\frac{{d {g.loss_tex}}}{{d {t.tex}}}",
                        f"d{g.spec.loss}/d{p} (expanded)",
                        t.shape,
                    ),
                    "direct-diff",
                    "check.direct",
                )
            )
        return out


# structural rules; the rules of functions and losses come from the operation table
MAIN_RULES = (
    "linear-weight",
    "linear-input",
    "bias-sum",
    "sum-broadcast",
    "softmax-jacobian",
    "loss-target",
    "power",
    "product",
    "quotient",
    "transpose",
    "corr2d-kernel",
    "corr2d-input",
)


def _reason(rule: str, rules: tuple[str, ...]) -> str:
    """Locale key of a contribution's one-sentence reason (``z = x·wᵀ`` gets its own)."""
    if rule == "linear-weight" and "transpose" in rules[rules.index("linear-weight") :]:
        return "rule.linear-weight-transposed"
    return f"rule.{rule}"


def _op_rules() -> set[str]:
    """The rule names of the operation table's rows (``sigmoid-derivative``, ``mse``…)."""
    return {op.rule for op in ops.OPS.values()}


def _main_rule(rules: tuple[str, ...]) -> str:
    """The most specific rule on a path (the last structural one the gradient went through;
    a transpose only reshuffles, so ``z = x·wᵀ`` is still the linear-weight rule)."""
    for r in reversed(rules):
        if (r in MAIN_RULES or r in _op_rules()) and r not in ("elementwise", "transpose"):
            return r
    return rules[-1] if rules else "identity"


def derive(spec: NetSpec) -> Derivation:
    """Build the graph of ``spec`` and derive every gradient, verifying each step (within the
    CPU-time budget of :mod:`derive.engine.budget`)."""
    with cpu_budget(spec.name):
        return _Deriver(build(spec)).run()


def derive_deferred(spec: NetSpec) -> tuple[Derivation, PendingChecks]:
    """:func:`derive` with the steps' identity tests handed to a child process on the other
    core (:mod:`derive.engine.deferred`): the caller must :meth:`~PendingChecks.settle` them
    before it shows or writes anything made from the derivation. Should the derivation fail
    part way, the identities recorded until then are tested first, here, so a false step is
    reported exactly as :func:`derive` reports it."""
    start = deferred.cpu_used()
    with cpu_budget(spec.name):
        deriver = _Deriver(build(spec))
        deriver.checker.defer()
        try:
            d = deriver.run()
        except Exception:
            deferred.run_all(deriver.checker, deriver.checker.take_deferred())
            raise
    jobs = deriver.checker.take_deferred()
    pending = deferred.PendingChecks(deriver.checker, jobs, spec.name)
    return d, pending.start(deferred.budget_left(start))
