"""The "in words" paragraph of each backward step: what this step does to the blame, for this
network, found in the derivation's structure (never by network name).

Each gradient's paragraph is a tuple of :class:`Words` — a locale key (table
``handout_intuition``) and the values that fill it (tensor LaTeX, counts, example numbers). The
sentences are chosen from the rules the gradient went through on each path (``linear-input``:
blame flows back through the weight; an activation's derivative: its slope gates the blame;
``bias-sum``: the bias collects the blame of the whole batch; …), from the loss (where the blame
starts, the ``1/m`` of a mean, the sign of a scalar error) and from the simplifications the
engine proved (sigmoid + BCE, softmax + cross-entropy, batch normalisation's centring). No prose
here: templates look the keys up in the catalogue.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction
from collections.abc import Callable, Mapping
from typing import Any

import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import (
    BackwardVisit,
    Derivation,
    _fused_inline,
    _main_rule,
    bce_target,
    loss_term,
    written_ce_count,
)
from derive.engine.graph import concat_axis, forward_ir, logsumexp_parts
from derive.engine.printing import display_width
from derive.lang import domains as domain
from derive.lang import expr as ex
from derive.lang import ops
from derive.locale import catalog
from derive.walkthrough.codegen import matmul_partner, scaled_loss
from derive.walkthrough.records import Math, grad_tex, walk

# element-wise functions whose slope has a sentence of its own (``slope.<name>``); any other
# element-wise function gets the general ``gate`` sentence
SLOPES = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softplus", "exp", "log", "sqrt", "sqrt0", "abs")
# of those, the functions whose slope the sentence writes through the node's output S (σ: S(1 − S),
# tanh: 1 − S², exp: S) — true only where the node is f(…) itself
THROUGH_OUTPUT = ("sigmoid", "tanh", "exp")
# losses with a sentence of their own (``loss.<name>``)
LOSSES = ("mse", "sse", "bce", "bce_logits", "cross_entropy")
# simplifications the engine proves, each with its sentence (``fused.<rule>``)
FUSED = ("sigmoid-bce", "weighted-bce", "softmax-ce", "batchnorm")
# a formula wider than this (display_width units; a line holds ~95) is not set inside a sentence
WIDE_INLINE = 60.0


@dataclass(frozen=True)
class Words:
    """One sentence: ``key`` in the catalogue table ``handout_intuition``, and its values."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.args)


def _logs_together(out: list[Words]) -> list[Words]:
    """Several logs of one line on the path (an entropy's ``p log p + (1 − p) log(1 − p)``): the
    slope of log said once; each later log only names its number (``slope.log.also``), not
    "The slope of log is 1/x" again in the same paragraph."""
    logs = [k for k, w in enumerate(out) if w.key in ("slope.log", "slope.log.one")]
    return [
        Words("slope.log.also", w.args) if k in logs[1:] and w.key == "slope.log.one" else w
        for k, w in enumerate(out)
    ]


def _relus_together(out: list[Words]) -> list[Words]:
    """Several ReLUs of one line on the path (a margin loss's two hinges relu(0.9 − v) and
    relu(v − 0.1)): one sentence naming every input, in the first one's place, not the first
    hinge only."""
    relus = [w for w in out if w.key == "slope.relu"]
    inputs = list(dict.fromkeys(w.values["T"] for w in relus))
    if len(inputs) < 2:
        return out
    many = Words("slope.relu.many", (("T", Math(", \\thickspace ".join(inputs))),))
    first = out.index(relus[0])
    return [many if k == first else w for k, w in enumerate(out) if w.key != "slope.relu" or k == first]


def _calls(tree: ex.Node) -> list[ex.Call]:
    out: list[ex.Call] = []
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.Call):
            out.append(n)
        stack.extend(reversed(ex.children(n)))
    return out


def _same_size(a: int, b: int) -> bool:
    """Two sizes that are the same at every size: the same [dims] name, or the same number
    where neither is named."""
    la, lb = getattr(a, "label", None), getattr(b, "label", None)
    return int(a) == int(b) and la == lb and not hasattr(a, "text") and not hasattr(b, "text")


def _logsumexps(tree: ex.Node) -> set[int]:
    """The ids of the log-softmax calls that are a logsumexp's, read as ``mean(x − log_softmax(x))``
    (``derive.lang.spelling._lse``, recognised by :func:`derive.engine.graph.logsumexp_parts`;
    along columns the log-softmax of the transpose, turned): no log-softmax unit is written
    there, and its slope is the row's softmax."""
    out: set[int] = set()
    for n in ex.subtrees(tree):
        if isinstance(n, ex.Call) and logsumexp_parts(n) is not None:
            right = n.args[0].right  # type: ignore[attr-defined]
            out.add(id(right.operand if isinstance(right, ex.Transpose) else right))
    return out


def _under(tree: ex.Node, t: str) -> ex.Node | None:
    """The argument of the element-wise function ``tree`` is (``σ(θ − f)``) when ``t`` is a
    term of it, added there (``θ − f``); None where ``tree`` is no such call."""
    if not (isinstance(tree, ex.Call) and len(tree.args) == 1):
        return None
    op = ops.OPS.get(tree.func)
    arg = tree.args[0]
    if op is None or op.kind != ops.ELEMENTWISE or not isinstance(arg, ex.BinOp):
        return None
    if arg.op in "+-" and ex.Name(t) in (arg.left, arg.right):
        return arg
    return None


def _top_terms(tree: ex.Node) -> list[ex.Node]:
    """The terms of ``tree``'s outermost sum or difference (``tree`` itself when it is none)."""
    if isinstance(tree, ex.BinOp) and tree.op in "+-":
        return _top_terms(tree.left) + _top_terms(tree.right)
    return [tree]


def _nested_sum(tree: ex.Node, t: str) -> ex.Node | None:
    """The sum that adds ``t`` to other terms when it is no term of ``tree``'s own outermost
    sum but of one nested inside a function or a product (``relu(X @ W1 + b1) @ W2 + b2``:
    ``X @ W1 + b1``), or None."""
    if ex.Name(t) in _top_terms(tree):
        return None
    found = [
        n for n in ex.subtrees(tree)
        if n is not tree and isinstance(n, ex.BinOp) and n.op in "+-" and ex.Name(t) in _top_terms(n)
    ]
    return found[0] if len(found) == 1 else None


def _clips(
    tree: ex.Node,
    scalars: Mapping[str, Fraction] | None = None,
    show: Callable[[ex.Node], str] | None = None,
) -> list[tuple[ex.Node, str, str, bool, tuple[ex.Call, ...]]]:
    """The two-sided clamps in ``tree`` as the spellings write them, ``hi − F(hi − (lo + F(x −
    lo)))`` (``F(x)`` for lo = 0; F = clamp0: clamp/np.clip, F = relu: hardtanh/relu6, 0 at a
    bound): ``(x, lo, hi, strict, the two F calls)``. With ``scalars`` (the exact [constants])
    a bound may be an expression of them (PPO's ``1 - clip_coef``), shown by ``show``."""
    out = []
    stack = [tree]
    while stack:
        n = stack.pop()
        stack.extend(ex.children(n))
        exact = _exact_clip(n)
        if exact is not None:
            out.append(exact)
            continue
        # the bounds numbers or sums of numbers (AttentionDeepMIL's max=1. - 1e-5), or with
        # ``scalars`` expressions of [constants] (1 - clip_coef)
        def value(b: ex.Node) -> Fraction | None:
            return domain._exact(b, scalars) if scalars else domain.number_value(b)

        hi = value(n.left) if isinstance(n, ex.BinOp) and n.op == "-" else None
        if hi is None:
            continue
        found = domain.clamp_bounds(n.right, plain_low=True, scalars=tuple(scalars or ()))
        if found is None or value(found[2]) != hi:
            continue
        x, low, _, f = found
        lo = value(low)
        if lo is None:
            continue
        outer = n.right
        inner = outer.args[0].right  # type: ignore[attr-defined]
        inner = inner if isinstance(inner, ex.Call) else inner.right
        shown = [
            show(b) if show is not None and domain.number_value(b) is None else _num_tex(v)
            for b, v in ((low, lo), (n.left, hi))
        ]
        out.append((x, shown[0], shown[1], f == "relu", (outer, inner)))
    return out


def _gelus(tree: ex.Node) -> list[tuple[ex.Node, ex.Call]]:
    """The exact GELUs in ``tree`` as the spellings write them, ``(1/2 x) (1 + erf(x/√2))``
    (``spelling._gelu``: F.gelu, jax.nn.gelu(approximate=False), tf.nn.gelu): ``(x, the erf
    call)``. Its slope is GELU's, Φ(x) + x φ(x), not erf's: x is read twice."""
    out = []
    for n in ex.subtrees(tree):
        if not (isinstance(n, ex.BinOp) and n.op == "*"):
            continue
        half, one_plus = n.left, n.right
        if not (
            isinstance(half, ex.BinOp) and half.op == "*" and half.left == ex.Num(Fraction(1, 2))
            and isinstance(one_plus, ex.BinOp) and one_plus.op == "+"
            and one_plus.left == ex.Num(Fraction(1))
            and isinstance(one_plus.right, ex.Call) and one_plus.right.func == "erf"
            and len(one_plus.right.args) == 1
        ):
            continue
        arg = one_plus.right.args[0]
        root2 = ex.Call("sqrt", (ex.Num(Fraction(2)),), (), "")
        if isinstance(arg, ex.BinOp) and (
            (arg.op == "*" and arg.left == half.right)  # x·0.7071… (before round 42)
            or (arg.op == "/" and arg.left == half.right and arg.right == root2)  # x/√2
        ):
            out.append((half.right, one_plus.right))
    return out


def _maxima(tree: ex.Node) -> list[tuple[ex.Node, ex.Node, bool, ex.Call]]:
    """The maxima and minima of two tensors in ``tree`` as the parser writes them,
    ``(a + b)/2 ± |a − b|/2`` (``expr.sugar``: torch.max(a, b), np.maximum, np.minimum):
    ``(a, b, maximum?, the abs call)``. Its blame goes to the side that is larger (smaller),
    half to each at a tie: the mask tidy proves, not |x|'s sign."""
    half = ex.Num(Fraction(1, 2))
    out = []
    for n in ex.subtrees(tree):
        if not (isinstance(n, ex.BinOp) and n.op in "+-" and isinstance(n.left, ex.BinOp)):
            continue
        mid, spread = n.left, n.right
        if not (
            mid.op == "*" and mid.left == half and isinstance(mid.right, ex.BinOp)
            and mid.right.op == "+" and isinstance(spread, ex.BinOp) and spread.op == "*"
            and spread.left == half and isinstance(spread.right, ex.Call)
            and spread.right.func == "abs" and len(spread.right.args) == 1
        ):
            continue
        a, b = mid.right.left, mid.right.right
        if spread.right.args[0] == ex.BinOp("-", a, b):
            out.append((a, b, n.op == "+", spread.right))
    return out


def _multiple(x: ex.Node, t: str, g: Any) -> sp.Expr | None:
    """``c`` when ``x`` is a number times the tensor ``t`` (``0.9 * err``, ``(0.9 - 1) * err``)."""
    if x == ex.Name(t):
        return sp.Integer(1)
    if isinstance(x, ex.BinOp) and x.op == "*" and x.right == ex.Name(t) and not _uses(x.left, t):
        c = forward_ir(x.left, g)
        if isinstance(c, mf.Scalar) and c.expr.is_number:
            return c.expr
    return None


def _softsigns(tree: ex.Node) -> list[tuple[ex.Node, ex.Call]]:
    """The softsigns in ``tree`` as the spellings write them, ``x / (1 + |x|)`` (F.softsign,
    tf.nn.softsign, or written out): ``(x, the abs call)``. Its slope is 1/(1 + |x|)², the
    quotient rule's two shares joined (the formula tidy proves)."""
    out = []
    for n in ex.subtrees(tree):
        if not (isinstance(n, ex.BinOp) and n.op == "/" and isinstance(n.right, ex.BinOp)):
            continue
        den = n.right
        if (
            den.op == "+" and den.left == ex.Num(Fraction(1)) and isinstance(den.right, ex.Call)
            and den.right.func == "abs" and den.right.args == (n.left,)
        ):
            out.append((n.left, den.right))
    return out


def _exact_clip(n: ex.Node) -> tuple[ex.Node, str, str, bool, tuple[ex.Call, ...]] | None:
    """The same for ``lo + F(x − lo) − G(x − hi)``, the clamp whose float64 comparisons are
    PyTorch's (``spelling.EXACT_BOUNDS``: F, G = clamp0, relu for clamp, relu, clamp0 for
    hardtanh)."""
    if not (isinstance(n, ex.BinOp) and n.op == "-" and isinstance(n.left, ex.BinOp)):
        return None
    low, high = n.left, n.right
    if not (low.op == "+" and isinstance(low.left, ex.Num) and isinstance(low.right, ex.Call)):
        return None
    f = low.right
    if not (isinstance(high, ex.Call) and {f.func, high.func} == {"clamp0", "relu"}):
        return None
    a, b = f.args[0] if f.args else None, high.args[0] if high.args else None
    if not (
        isinstance(a, ex.BinOp)
        and isinstance(b, ex.BinOp)
        and a.op == b.op == "-"
        and a.left == b.left
        and a.right == low.left
        and isinstance(b.right, ex.Num)
    ):
        return None
    lo, hi = low.left.value, b.right.value
    return a.left, _num_tex(lo), _num_tex(hi), f.func == "relu", (f, high)


def _num_tex(v: Fraction) -> str:
    return f"-{_frac_tex(-v)}" if v < 0 else _frac_tex(v)


def _frac_tex(p: Fraction) -> str:
    return str(p.numerator) if p.denominator == 1 else f"{p.numerator}/{p.denominator}"


def _half_square(tree: ex.Node) -> bool:
    """``0.5 * (a - b) ** 2`` (either order of the product)."""
    if not (isinstance(tree, ex.BinOp) and tree.op == "*"):
        return False
    for c, p in ((tree.left, tree.right), (tree.right, tree.left)):
        if isinstance(c, ex.Num) and c.value == Fraction(1, 2) and isinstance(p, ex.Pow):
            return p.exponent == 2
    return False


def _uses(tree: ex.Node, name: str) -> bool:
    return name in ex.names(tree)


def _count(tree: ex.Node, name: str) -> int:
    """How many times ``name`` is read in ``tree``."""
    here = int(isinstance(tree, ex.Name) and tree.id == name)
    return here + sum(_count(c, name) for c in ex.children(tree))


class _Writer:
    def __init__(self, d: Derivation, example: Any) -> None:
        self.d, self.ex, self.g = d, example, d.graph
        self.trees = dict(d.spec.forward)

    def tex(self, name: str) -> Math:
        return Math(self.g.tensors[name].tex)

    def bound_tex(self, b: ex.Node) -> str:
        """A clamp's bound written with [constants] (``1 - clip_coef``), as the formulas print
        it."""
        return forward_ir(b, self.g).tex()

    def num(self, e: Any) -> Math:
        try:
            return Math(self.ex.number(e).tex)
        except (ValueError, ZeroDivisionError, TypeError):  # pragma: no cover - defensive
            return Math("")

    def rows(self, name: str) -> int:
        return int(self.g.tensors[name].shape[0])

    def rows_mix(self) -> bool:
        """Whether the rows of the network meet one another: a rows × rows node made by a product
        of two data-borne factors (attention's ``Q Kᵀ``, a similarity matrix); its rows are then
        not independent examples."""
        g = self.g
        rows = {t.shape[0] for t in g.tensors.values() if t.kind == "input"}
        for name, tree in self.trees.items():
            shape = g.tensors[name].shape if name in g.tensors else ()
            if len(shape) != 2 or shape[0] != shape[1] or shape[0] not in rows or shape[0] < 2:
                continue  # rows × rows: each row against each other (Xᵀy, 𝟙ᵀZ are no such)
            stack = [tree]
            while stack:
                n = stack.pop()
                if isinstance(n, ex.BinOp) and n.op == "@" and all(
                    self.data_borne(side) for side in (n.left, n.right)
                ):
                    return True
                stack.extend(ex.children(n))
        return False

    def columns(self, name: str) -> bool:
        """Whether the network is column-major at ``name``: its columns, not its rows, are the
        examples (the inputs' rows are features: every data input has as many columns as
        ``name``, more than one, and its rows another count)."""
        g = self.g
        if name not in g.tensors or len(g.tensors[name].shape) != 2:
            return False
        cols = int(g.tensors[name].shape[1])
        data = [x for x in g.tensors.values() if x.kind == "input" and len(x.shape) == 2 and int(x.shape[1]) > 1]
        return cols > 1 and bool(data) and all(int(x.shape[1]) == cols for x in data) and any(
            int(x.shape[0]) != cols for x in data
        )

    def rows_combined(self, name: str) -> bool:
        """Whether the rows of ``name`` are combined before the loss rather than examples the
        loss averages: every data tensor the loss line reads has fewer rows (Bahdanau's three
        encoder states weighted into one context row, ``L = ½ Σ (c − y)²`` of a [1, h] ``c``)."""
        g = self.g
        m = int(g.tensors[name].shape[0]) if name in g.tensors and g.tensors[name].shape else 0
        loss_name, loss = self.d.spec.forward[-1]
        read = [
            int(g.tensors[x].shape[0])
            for x in ex.names(loss)
            if x in g.tensors and g.tensors[x].kind != "param" and g.tensors[x].shape
        ]
        if not (read and m > 1 and max(read) < m):
            return False
        # loss = mse + λ·penalty with mse = ½ mean((ŷ − y)²) a line of its own: the mean over
        # the m rows is the loss's, one line up — the rows are examples, not combined
        forward = dict(self.d.spec.forward)
        return not any(
            isinstance(n, ex.Call) and n.func == "mean" and n.kwarg("axis") is None
            and any(
                x in g.tensors and g.tensors[x].shape and int(g.tensors[x].shape[0]) == m
                for x in ex.names(n)
            )
            for x in ex.names(loss)
            if x in forward and x != loss_name
            for n in ex.subtrees(forward[x])
        )

    def columns_combined(self, name: str) -> bool:
        """Whether the columns of ``name`` (column-major) are combined in the forward pass: a
        node before the loss averages or sums a tensor with as many columns over its columns
        (a squeeze-and-excitation block's ``z = Fm.mean(dim=1)`` over the L positions of one
        example's feature map). Examples are never pooled together in a forward pass, so such
        columns are not said to be examples."""
        g = self.g
        if name not in g.tensors or len(g.tensors[name].shape) != 2:
            return False
        cols = g.tensors[name].shape[1]
        for node, tree in self.d.spec.forward[:-1]:
            for n in ex.subtrees(tree):
                if not (isinstance(n, ex.Call) and n.func in ("mean", "sum") and n.args):
                    continue
                axis = dict(n.kwargs).get("axis")
                x = n.args[0]
                if not (isinstance(axis, ex.Num) and axis.value in (1, -1) and isinstance(x, ex.Name)):
                    continue
                shape = g.tensors[x.id].shape if x.id in g.tensors else ()
                if len(shape) == 2 and shape[1] == cols:
                    return True
        return False

    def data_borne(self, tree: ex.Node) -> bool:
        """``tree`` names tensors, none of them a parameter."""
        names = [x for x in ex.names(tree) if x in self.g.tensors]
        return bool(names) and all(self.g.tensors[x].kind != "param" for x in names)

    def batch(self, name: str, axis: int = 0) -> Math:
        """The number of rows (``axis=1``: columns) of ``name`` as the spec names it (``m``) or
        as a number."""
        g = self.g
        return Math(mf.Scalar(g.count((g.tensors[name].shape[axis],)).expr, g.scalar_names()).tex())

    def mean_tex(self) -> tuple[Math, Math]:
        """``(n, "n = 4")``: what the loss averages over, as the spec names it and with its
        number (just the number when the spec gives the size no name)."""
        g = self.g
        n = self.mean_count()
        for call in _calls(self.trees[self.d.spec.loss]):
            op = ops.OPS.get(call.func)
            if op is None or op.kind != ops.LOSS or (arg := _averaged(call)) is None:
                continue
            shape = g.tensors[arg.id].shape
            shape = (shape[0],) if op.reduce == "rows" else tuple(shape)
            sym = Math(mf.Scalar(g.count(shape).expr, g.scalar_names()).tex())
            return sym, Math(sym if sym == str(n) else f"{sym} = {n}")
        written = written_mean(self.d.spec, g)
        if written is not None:
            shape, rows = written
            sym = Math(mf.Scalar(g.count(shape[:1] if rows else shape).expr, g.scalar_names()).tex())
            return sym, Math(sym if sym == str(n) else f"{sym} = {n}")
        return Math(str(n)), Math(str(n))

    def mean_count(self) -> int:
        """The number of terms the loss averages over (1 when it does not average)."""
        g = self.g
        for call in _calls(self.trees[self.d.spec.loss]):
            op = ops.OPS.get(call.func)
            if op is None or op.kind != ops.LOSS or op.reduce not in ("mean", "rows"):
                continue
            arg = _averaged(call)
            if arg is None:
                return 1
            shape = g.tensors[arg.id].shape
            return int(shape[0]) if op.reduce == "rows" else int(shape[0]) * int(shape[1])
        written = written_mean(self.d.spec, g)
        if written is not None:
            shape, rows = written
            return int(shape[0]) if rows else int(shape[0]) * int(shape[1])
        return 1

    # ---- one gradient ---------------------------------------------------------------------------

    def paragraph(self, v: BackwardVisit) -> tuple[Words, ...]:
        out: list[Words] = []
        t = v.name
        T = self.tex(t)
        cs = v.contributions
        if len(cs) > 1:
            key = "shared" if v.kind == "param" else "fork"
            # a shared parameter's uses in forward order (z₁, z₂: step by step); a fork's in the
            # order the sentences after it take its paths
            order = {n.name: k for k, n in enumerate(self.g.nodes)} if key == "shared" else {}
            uses = sorted(cs, key=lambda c: order.get(c.source, 0))
            sources = Math(", ".join(self.g.tensors[c.source].tex for c in uses))
            if key == "shared" and (self.penalised(v) or self.penalty_beside(v)):
                key = "shared.penalty"  # the data term and a penalty (weight decay) beside it
            elif key == "shared" and not self.chained(v):
                key = "shared.apart"  # side by side (a GAN's real and fake batch), not steps
            out.append(Words(key, (("T", T), ("k", Math(str(len(cs)))), ("S", sources))))
        fused = next((s.rule for s in v.simplified if s.rule in FUSED), None)
        if fused is not None:  # the simplification says what the whole step does
            return (*out, self.fused(v, fused))
        seen: set[str] = set()
        for c in cs:
            for w in self.path(t, c):
                # one row-broadcast sentence, through either path; any other sentence once
                # per function (exp inside r and σ inside q both gate z's blame)
                row = w.key.startswith("sum-broadcast")
                key = w.key.removesuffix(".inside") if row else (w.key, w.values.get("f"))
                if key not in seen:
                    seen.add(key)
                    out.append(w)
        return self.short(out, t)

    def short(self, out: list[Words], t: str) -> tuple[Words, ...]:
        """A formula too wide to read inside a sentence (:data:`WIDE_INLINE`: a closed form
        through an inline activation, GELU's ~300 units) is named by its gradient instead, and
        the paragraph ends by pointing at the display below, where it is broken into rows."""
        wide = False
        for i, w in enumerate(out):
            f = w.values.get("F")
            if isinstance(f, Math) and display_width(f) > WIDE_INLINE:
                wide = True
                named = grad_tex(self.d, t)
                out[i] = Words(w.key, tuple((k, named if k == "F" else v) for k, v in w.args))
        return (*out, Words("formula.below")) if wide else tuple(out)

    def chained(self, v: BackwardVisit) -> bool:
        """Some use of ``v`` depends on another (``h₂`` on ``h₁`` in an unrolled network): its
        uses are steps one after another, not computations side by side — nor two maps of one
        pass, ``v`` read as it is and transposed (:func:`two_maps`: a Hopfield net's ``X`` and
        ``Xᵀ``, a tied autoencoder's ``W`` and ``Wᵀ``). The uses are steps too where each feeds a
        different step of such a parameter (minLSTM's gates ``i₁ = σ(x₁W_i)``, ``i₂ = σ(x₂W_i)``:
        ``i₁`` first reaches ``h₁ = … x₁W_h``, ``i₂`` reaches ``h₂``) — one situation, one
        wording."""
        spec = self.d.spec
        deps: dict[str, set[str]] = {}
        for name, tree in spec.forward:
            deps[name] = set()
            for n in ex.names(tree):
                deps[name] |= {n} | deps.get(n, set())

        def steps(uses: set[str], p: str) -> bool:
            return any(deps.get(a, set()) & (uses - {a}) for a in uses) and not two_maps(
                [self.trees[a] for a in uses if a in self.trees], p
            )

        uses = {c.source for c in v.contributions}
        if steps(uses, v.name):
            return True
        order = {name: k for k, (name, _) in enumerate(spec.forward)}
        for p in spec.params:
            reads = {name for name, tree in spec.forward if p in ex.names(tree)}
            if p == v.name or len(reads) < 2 or not steps(reads, p):
                continue
            first = [
                min((b for b in reads if b == a or a in deps.get(b, set())), key=order.__getitem__, default=None)
                for a in uses
            ]
            if None not in first and len(set(first)) == len(first):
                return True
        return False

    def penalised(self, v: BackwardVisit) -> bool:
        """The parameter enters the loss directly, outside its data term (``L = bce(p, y) +
        λ/(2m)·Σ w²``): one share through the network, one from the penalty."""
        spec = self.d.spec
        tree = self.trees[spec.loss]
        if not any(c.source == spec.loss for c in v.contributions):
            return False
        return any(
            k.func in ops.OPS and ops.OPS[k.func].kind == ops.LOSS for k in _calls(tree)
        ) and not any(
            _uses(a, v.name)
            for k in _calls(tree)
            if k.func in ops.OPS and ops.OPS[k.func].kind == ops.LOSS
            for a in k.args
        )

    def beside_data(self, t: str, tree: ex.Node) -> bool:
        """``t`` enters the loss line ``tree`` in no product with the data term, which the
        network computes on lines of its own (a node of the loss line): a penalty beside it."""
        spec = self.d.spec
        data = set(self.trees) | set(spec.inputs)
        terms, stack = [], [tree]
        while stack:  # the terms added (or subtracted) at the top of the loss line
            n = stack.pop()
            if isinstance(n, ex.BinOp) and n.op in ("+", "-"):
                stack += [n.left, n.right]
            elif isinstance(n, ex.Neg):
                stack.append(n.operand)
            else:
                terms.append(n)
        mine = [k for k in terms if _uses(k, t)]
        return any(set(ex.names(k)) & data for k in terms) and not any(
            set(ex.names(k)) & data for k in mine
        )

    def penalty_beside(self, v: BackwardVisit) -> bool:
        """The parameter enters the loss line itself only through no product with data — a
        penalty beside a data term computed on lines of its own (CS231n's ``loss = data_loss +
        0.5 * reg * np.sum(W1 * W1)``) — and is used by the network once more."""
        spec = self.d.spec
        tree = self.trees[spec.loss]
        if len(v.contributions) != 2 or not any(c.source == spec.loss for c in v.contributions):
            return False
        data = [n for n in ex.names(tree) if n in self.trees]  # computed nodes: the data term
        return bool(data) and not in_product(tree, v.name)

    def fused(self, v: BackwardVisit, rule: str) -> Words:
        g = self.g
        T = self.tex(v.name)
        a = g.consumers[v.name][0]
        args: list[tuple[str, Any]] = [("T", T), ("A", self.tex(a)), ("d", grad_tex(self.d, v.name))]
        loss = g.nodes[-1].tree
        target = bce_target(g, a) if "bce" in rule else None
        if rule != "batchnorm":  # the BCE / CE term the unit feeds (beside a regulariser)
            loss = loss_term(loss, a, "bce" if "bce" in rule else "cross_entropy")
        hot = [
            y
            for y in (*g.spec.one_hot, *g.spec.one_hot_columns)
            if y in ex.names(g.nodes[-1].tree)
        ]
        if isinstance(target, ex.Name):  # also a cross-entropy written out by hand
            args.append(("Y", self.tex(target.id)))
        elif isinstance(loss, ex.Call) and len(loss.args) > 1 and isinstance(loss.args[1], ex.Name):
            args.append(("Y", self.tex(loss.args[1].id)))
        elif loss is None and len(hot) == 1:  # a cross-entropy written by hand (class labels)
            args.append(("Y", self.tex(hot[0])))
        else:
            args.append(("Y", Math("Y")))
        tree = self.trees[a]
        if isinstance(tree, ex.Call) and tree.func == "log_softmax":  # A: the probabilities
            args[1] = ("A", Math(ops.get("softmax").tex_of(T)))
        args.append(("m", self.batch(v.name)))
        # the simplified gradient as the steps prove it (1/m, 1/(mk) for a mean over every
        # entry, none for a sum): never a scale composed here
        args.append(("F", Math(v.simplified[-1].rhs.tex) if v.simplified else Math("")))
        # one example per column (Ng's layout): each column of the blame sums to zero
        down = any(s.reason.endswith(".columns") for s in v.simplified)
        return Words(f"fused.{rule}" + (".columns" if down else ""), tuple(args))

    def fused_inline(self, a: str, rule: str, plain: Math) -> Words:
        """The sentence of σ (softmax) of an expression read by a cross-entropy in one line:
        what reaches its input is the plain error ``plain`` (:func:`_fused_inline`)."""
        key = "fused.inline.sigmoid-bce" if rule == "sigmoid-bce" else "fused.inline.softmax-ce"
        return Words(key, (("A", self.tex(a)), ("F", plain)))

    def path(self, t: str, c: Any) -> list[Words]:
        """The sentences of one path ``c`` (source node → ``t``), from the loss side inwards."""
        spec = self.d.spec
        T, S = self.tex(t), self.tex(c.source)
        d_up = grad_tex(self.d, c.source) if c.source != spec.loss else Math("")
        base = (("T", T), ("S", S), ("up", d_up))
        tree = self.trees[c.source]
        out: list[Words] = []
        if c.source == spec.loss:
            out += self.loss(t, tree, c)
            return out
        # the element-wise functions between the source node's output and t (a two-sided
        # clamp, spelled with two max(·, 0), is one function: clip)
        clipped: set[int] = set()
        constants = dict(spec.constants)
        for x, lo, hi, strict, inner in _clips(tree, constants, self.bound_tex):
            if _uses(x, t):
                clipped.update(id(k) for k in inner)
                key = "slope.clip.strict" if strict else "slope.clip"
                X = Math(forward_ir(x, self.g).tex())  # the clamp's input
                out.append(Words(key, (("T", T), ("X", X), ("lo", Math(lo)), ("hi", Math(hi)))))
        softsign = False
        for x, bars in _softsigns(tree):  # one slope, 1/(1 + |x|)², not |x|'s sign and two shares
            if _uses(x, t):
                clipped.add(id(bars))
                softsign = True
                X = Math(forward_ir(x, self.g).tex())
                out.append(Words("slope.softsign", (("T", T), ("X", X), ("up", d_up))))
        larger = False
        for a, b, most, bars in _maxima(tree):  # the larger side's mask, not |a − b|'s sign
            if _uses(a, t) or _uses(b, t):
                clipped.add(id(bars))
                larger = True
                A, B = (forward_ir(x, self.g).tex() for x in (a, b))
                key = "slope.maximum" if most else "slope.minimum"
                op = ">" if most == _uses(a, t) else "<"  # the mask of t's side
                M = Math(f"\\mathbf{{1}}[{A} {op} {B}]")
                eq = "\\geq" if op == ">" else "\\leq"  # the tie's half, as tidy writes it
                half = f"\\mathbf{{1}}[{A} {eq} {B}] + \\mathbf{{1}}[{A} {op} {B}]"
                H = Math(f"\\frac{{1}}{{2}}\\left({half}\\right)")
                args = (("T", T), ("S", S), ("A", Math(A)), ("B", Math(B)), ("M", M), ("H", H))
                out.append(Words(key, (*args, ("up", d_up))))
        for x, erf in _gelus(tree):  # GELU's slope, not erf's (x is read twice)
            if _uses(x, t):
                clipped.add(id(erf))
                X = Math(forward_ir(x, self.g).tex())
                out.append(Words("slope.gelu", (("T", T), ("X", X), ("up", d_up))))
        # σ(…) into a cross-entropy inside the line (the fused inline form): its slope cancels,
        # so neither the sigmoid's gate nor the softmax Jacobian is what the formula shows
        fused = next((r for r in c.rules if r in ("sigmoid-bce", "softmax-ce", "softmax-ce-soft")), None)
        inline = {"sigmoid-bce": "sigmoid", "softmax-ce": "softmax", "softmax-ce-soft": "softmax"}.get(fused or "")
        if fused is not None and isinstance(tree, ex.Call) and tree.func == inline:
            plain = _fused_inline(tree, self.g.tensors[c.source], self.g, set(spec.params))
            if plain is not None:  # what the sums below add up is this error, not δ of the node
                base = (("T", T), ("S", S), ("up", Math(plain[0].tex())))
                out.append(self.fused_inline(c.source, fused, Math(plain[0].tex())))
        else:
            inline = None
        for call in _calls(tree):
            op = ops.OPS.get(call.func)
            if op is None or op.kind != ops.ELEMENTWISE or not any(_uses(a, t) for a in call.args):
                continue
            if id(call) not in clipped and not (call is tree and call.func == inline):
                out += self.gate(t, call, op, c.source)
        out = _logs_together(_relus_together(out))
        lse = _logsumexps(tree)
        for call in _calls(tree):
            op = ops.OPS.get(call.func)
            if call is tree and call.func == inline:
                continue
            if op is not None and op.kind == ops.ROWWISE and any(_uses(a, t) for a in call.args):
                args = base
                arg = call.args[0]
                if not (isinstance(arg, ex.Name) and arg.id == t):
                    # log_softmax(O @ W): the rows coupled are the scores O W, not W's entries
                    args = (("T", Math(forward_ir(arg, self.g).tex())), *base[1:])
                if id(call) in lse:  # a logsumexp: its slope is the softmax, no coupling said
                    out.append(Words("rowwise.logsumexp", args))
                    continue
                out.append(Words(f"rowwise.{op.rule}", (*args, ("f", Math(op.tex)))))
                if op.rule == "softmax-jacobian":  # the Jacobian as courses write it, per row
                    out.append(Words("rowwise.softmax-jacobian.matrix", base))
            if (
                op is not None
                and op.kind == ops.REDUCTION
                # "S is a sum of T" only where S is exactly that (or that laid out transposed:
                # a 1-D mean over dim=1, read as a row, is the column of means turned)
                and call is (tree.operand if isinstance(tree, ex.Transpose) else tree)
                and call.args[0] == ex.Name(t)
            ):
                out.append(Words(f"reduce.{op.name}", base))
        rules = [r for r in c.rules if r not in ("elementwise", "transpose")]
        n_mean = self.mean_count()
        linear = any(r.startswith("linear-") for r in rules)
        for r in rules:
            if r == "linear-input":
                w = matmul_partner(tree, t)
                if w is None and _gram(tree, t):
                    # z @ z.T / tau (SimCLR's similarities, a Gram matrix): no weights to name,
                    # t is both factors and is blamed through each
                    out.append(Words("linear-input.gram", (*base, ("F", Math(c.formula.tex())))))
                    continue
                if w is None and self.g.tensors[t].kind == "param" and _bare_factor(tree, t):
                    # v.T @ tanh(W q + U K), W @ relu(…): t is the weights of a product whose
                    # other factor is computed inline (column-major), not an input blamed
                    # "through the weights W" — W is inside the other factor
                    out.append(Words("linear-weight.one", (*base, ("F", Math(c.formula.tex())))))
                    continue
                param = w is None or self.g.tensors[w].kind == "param"
                W = self.tex(w) if w is not None else self.partner(c, t)
                key = "linear-input" if param else "linear-input.product"
                if not param and self.g.tensors[t].kind == "param" and self.columns(c.source):
                    # column-major Z = W A: the weights on the left, one column per example
                    m = self.batch(c.source, axis=1)
                    key = "linear-weight.columns" + (".pooled" if self.columns_combined(c.source) else "")
                    out.append(Words(key, (*base, ("W", W), ("m", m), ("F", Math(c.formula.tex())))))
                    continue
                if param and w is not None and self.g.tensors[t].kind == "param" and _inline(tree, t, w):
                    # a parameter of a layer written inline, relu(X W1 + b1) W2: the blame reaches
                    # the hidden units inside S, not "each entry of W1"; its formula is the
                    # weight's sentence's, said once
                    key = "linear-input.inline"
                out.append(Words(key, (*base, ("W", W), ("F", Math(c.formula.tex())))))
                if w is not None and param and self.recurrent(w, t, tree) and not self.same_step(t, c.source):
                    # the state of the step before, through the weight shared by every step
                    out.append(Words("through-time", (*base, ("W", W))))
            elif r == "linear-weight" and self.g.tensors[t].kind != "param":
                w = matmul_partner(tree, t)
                if w is not None and self.g.tensors[w].kind == "param" and self.columns(c.source):
                    # column-major Z = W A: A is the layer's input, blamed through the weights
                    out.append(Words("linear-input.columns", (*base, ("W", self.tex(w)), ("F", Math(c.formula.tex())))))
                    continue
                out.append(Words("linear-weight.product", (*base, ("F", Math(c.formula.tex())))))
            elif r == "linear-weight":
                m = self.rows(c.source)
                key = "linear-weight.batch" if m > 1 else "linear-weight.one"
                shape = self.g.tensors[c.source].shape if c.source in self.g.tensors else ()
                if (
                    m == 1 and c.source in self.d.spec.one_d and len(shape) == 2
                    and int(shape[1]) > 1 and isinstance(c.formula, mf.MatMul)
                    and c.formula.a.shape[1] == shape[1]  # the product sums over S's entries
                ):
                    # a 1-D S (an RBF network's pred = φ @ w + b, one entry per example): the
                    # product δS φ sums over S's entries, not over one example
                    out.append(Words("linear-weight.entries", (*base, ("F", Math(c.formula.tex())), ("m", self.batch(c.source, axis=1)))))
                    continue
                if m > 1 and self.rows_mix():
                    key += ".mixed"
                elif m > 1 and self.rows_combined(c.source):
                    key += ".rows"  # Bahdanau's encoder states: rows, not examples
                out.append(
                    Words(key, (*base, ("F", Math(c.formula.tex())), ("m", self.batch(c.source))))
                )
                if m > 1 and n_mean > 1:
                    out.append(Words("mean-inside", (*base, ("n", self.mean_tex()[0]))))
            elif r == "bias-sum":
                m = self.rows(c.source)
                # the rows t is broadcast over: S's own, or where S reduces them (a ring loss's
                # mean((norm − R)²): R meets the N rows of norm, S is 1 × 1) the widest operand's
                wide = max((n for n in ex.names(tree) if n in self.g.tensors and n != t), key=self.rows, default=None)
                over = self.batch(wide if m == 1 and wide is not None and self.rows(wide) > 1 else c.source)
                if any(ops.OPS[f].rule in rules for f in ops.of_kind(ops.BINARY)):
                    # atan2(Z, u): u is broadcast into a function of two arguments
                    out.append(Words("pair-sum", (*base, ("m", over))))
                elif "product" in rules:
                    # BW * NZ scales; (Z - M) / sqrt(V + eps) subtracts M, then scales
                    key = "scale-sum" if factor(self.trees[c.source], t) else "scale-sum.inside"
                    out.append(Words(key, (*base, ("m", over))))
                elif "quotient" in rules:  # s @ w / T: T divides every row, it is added to none
                    out.append(Words("divide-sum", (*base, ("m", over))))
                elif (
                    m > 1 and not self.rows_combined(c.source)
                    and base[2][1] is d_up  # not σ into a cross-entropy: its plain error
                    and (under := _under(tree, t)) is not None
                ):
                    # σ(θ − f): θ is added to every row of θ − f, inside σ, not to S's rows;
                    # what it sums is the blame of θ − f (δS times the slope)
                    A = Math(forward_ir(under, self.g).tex())
                    rows = ("m", self.batch(c.source))
                    out.append(Words("bias-sum.under", (*base, ("A", A), rows)))
                    if n_mean > 1:
                        out.append(Words("mean-inside", (*base, ("n", self.mean_tex()[0]))))
                elif (
                    m > 1 and self.g.tensors[t].kind == "param" and not self.rows_combined(c.source)
                    and base[2][1] is d_up  # not σ into a cross-entropy: its plain error
                    and (inner := _nested_sum(tree, t)) is not None
                ):
                    # relu(X W1 + b1) W2 + b2: b1 is added to the rows of X W1 + b1, deep
                    # inside S, not to S's rows; what it sums is the blame that reaches that sum
                    A = Math(forward_ir(inner, self.g).tex())
                    out.append(Words("bias-sum.nested", (*base, ("A", A), ("m", self.batch(c.source)))))
                    if n_mean > 1:
                        out.append(Words("mean-inside", (*base, ("n", self.mean_tex()[0]))))
                elif m > 1:
                    key = "bias-sum" if self.g.tensors[t].kind == "param" else "broadcast-sum"
                    args = base
                    if key == "bias-sum" and self.rows_combined(c.source):
                        key = "bias-sum.rows"
                        # s @ W2 is added to every row of H @ W1, not W2 itself
                        added = _added_term(self.trees[c.source], t, self.g)
                        if added is not None:
                            args = tuple(
                                ("T", Math(forward_ir(added, self.g).tex())) if k == "T" else (k, v)
                                for k, v in base
                            )
                    out.append(Words(key, (*args, ("m", self.batch(c.source)))))
                    if n_mean > 1:
                        out.append(Words("mean-inside", (*base, ("n", self.mean_tex()[0]))))
                else:
                    # one row in S, but more where t is broadcast inside it (a batch norm's
                    # var = mean((Z − μ)²) over the rows: μ is subtracted from each row of Z)
                    inner = max(
                        (n for n in ex.names(tree) if n in self.g.tensors and n != t),
                        key=self.rows,
                        default=None,
                    )
                    if inner is not None and self.rows(inner) > 1:
                        # S keeps one entry per row (a score per encoder state, laid out as a
                        # row): the rows are not reduced to one
                        shapes = self.g.tensors[c.source].shape, self.g.tensors[inner].shape
                        each = _same_size(shapes[0][1], shapes[1][0])
                        key = "bias-sum.inside.entries" if each else "bias-sum.inside"
                        out.append(Words(key, (*base, ("m", self.batch(inner)))))
                    else:  # a batch of one, declared as a named size: the sum has one row
                        out.append(Words("bias-sum.one", (*base, ("m", self.batch(c.source)))))
            elif r == "sum-broadcast":
                out.append(Words(self.broadcast_key(t, c.source), base))
            elif r == "product" and "bias-sum" not in rules and not linear:
                other = self.partner(c, t, alone=True) or self.cofactor(tree, t)
                if other:
                    out.append(Words("product", (*base, ("X", other))))
                elif _terms_using(tree, t) > 1:
                    # p * y + (1 - p) * (1 - y): p is in two terms, not one product
                    out.append(Words("product.terms", (*base, ("k", Math(str(_terms_using(tree, t)))))))
                elif _both_sides(tree, t) and not factor(tree, t) and "power" not in rules:
                    # (z − mean(z)) / std(z), mean(r) / std(r): t is in the numerator and in the
                    # denominator (the quotient rule's two shares), not only "inside a sum"
                    out.append(Words("product.quotient.both", base))
                elif "quotient" in rules and _divides(tree, t) and not factor(tree, t):
                    # intra / (inter + δ): inter is only in the divisor, which the quotient
                    # sentence says (it is not "multiplied")
                    pass
                elif (
                    "power" not in rules
                    and not factor(tree, t)
                    and _in_sum_factor(tree, t)
                    and not any(ops.OPS.get(k.func, None) and ops.OPS[k.func].kind == ops.ROWWISE for k in _calls(tree))
                ):
                    # (h − μ) · rsqrt(var + ε): μ is subtracted inside a factor, not multiplied
                    # (a row max read as mask · (S + 1 − Y) is not: its mask sentence says it)
                    out.append(Words("product.inside", base))
                elif factor(tree, t):
                    out.append(self.factor_words(tree, t, base))
                    if out[-1].key == "product.elsewhere" and "quotient" not in rules and _divides(tree, t):
                        # minLSTM's f / (f + i) · h: one of t's other appearances is a term of a
                        # divisor, which the sentence on the factor does not say
                        out.append(Words("quotient", base))
                elif _both_sides(tree, t):
                    # mean(r) / std(r): r is in the numerator and in the denominator, not in
                    # one factor (the quotient rule's two shares)
                    out.append(Words("product.quotient.both", base))
                elif "power" not in rules and (w := _weighted_rowwise(tree, t)) is not None:
                    # −Σ target ⊙ log_softmax(logits): the row-wise function's entries are
                    # weighted by a factor free of t, not "t in one factor of a product"
                    F = Math(ops.OPS[w[0].func].tex)
                    X = Math(forward_ir(w[1], self.g).tex())
                    out.append(Words("product.rowwise.weighted", (*base, ("F", F), ("X", X))))
                elif "power" not in rules:
                    # exp(−z) · q: z is inside a factor, not one ((ŷ − y) ** 2 / 2 does not
                    # multiply ŷ by factors either: the power sentence says it)
                    out.append(Words("product.function", base))
            elif r == "quotient":
                out.append(Words(r, base))
            elif r == "concat-slice":
                key = self.concat_key(t, tree)
                pieces = self.concat_pieces(t, tree)
                if pieces:  # cat([x1 @ W, x2 @ W]): the pieces are stacked, not W
                    # one piece reads t (NeuMF's cat([user @ P, item @ Q]) for P): it is set
                    # beside the others, named as the one that carries t's share
                    key = key.removesuffix(".inside") + (".pieces" if pieces[1] > 1 else ".piece")
                out.append(Words(key, (*base, ("A", pieces and pieces[0]))))
            elif r == "slice-block":
                out.append(Words(r, base))
            elif r in ("pool-max", "pool-avg", "pool-spread") and (
                pooled := [c for c in _calls(tree) if c.func in ops.of_kind(ops.POOL2D) and c.args[0] == ex.Name(t)]
            ):  # conv43: t itself is pooled
                out.append(Words(r, base))
                k, s = ops.pool_k(pooled[0]), ops.pool_s(pooled[0])
                geom = ops.pool_geom(pooled[0])  # pool46: "k × k windows s apart" only where it is so
                if s != k and geom.kh == geom.kw and geom.sh == geom.sw:  # conv44: windows that overlap (or leave entries out between them)
                    out.append(Words(f"pool-overlap-{'avg' if r == 'pool-spread' else r[5:]}" if s < k else "pool-gaps", (*base, ("k", k), ("s", s))))
                if geom.floor:  # shape47: the last rows/columns no window reaches (PyTorch's floor)
                    out.append(Words("pool-floor", (*base, ("kh", geom.kh), ("kw", geom.kw), ("sh", geom.sh), ("sw", geom.sw))))
            elif r in ("corr2d-kernel", "corr2d-input") and (
                slides := [
                    c for c in _calls(tree)
                    if c.func in ops.of_kind(ops.CORR2D) and c.args[r == "corr2d-kernel"] == ex.Name(t)
                    and not ops.get(c.func).extra.get("full")  # 'valid': what the sentences say
                ]
            ):  # conv42: t itself is the kernel (or the image) the convolution slides over
                # a true convolution (the kernel turned) says so for the kernel's blame (round 42)
                flip = r == "corr2d-kernel" and ops.get(slides[0].func).extra.get("flip")
                out.append(Words(r + (".flipped" if flip else ""), base))
                stride, pad = ops.corr_opts(slides[0])
                if stride != 1:  # conv43: what "dilated" means, said once per gradient
                    out.append(Words("corr2d-stride", (*base, ("s", stride), ("z", stride - 1))))
                if pad:  # conv43: the padded image (δK), the cropped full correlation (δX)
                    out.append(Words(r.replace("corr2d", "corr2d-padding"), (*base, ("p", pad))))
            elif r == "reshape" and any(
                c.func == ops.get("reshaped").name and c.args[0] == ex.Name(t) for c in _calls(tree)
            ):  # reshape41: t itself laid out again (hid @ w's reshape says the product's words)
                out.append(Words(r, base))
            elif r == "power":
                out.append(self.power(t, tree, base))
        scaled = self.scaled_scores(tree, t)
        if scaled is not None:  # S = Q Kᵀ/√d: why the 1/√d, said where the blame passes it
            out.append(Words("scaled-scores", (*base, ("d", scaled))))
        if softsign:  # the two shares of x / (1 + |x|) are said as its one slope
            out = [w for w in out if w.key != "product.twice"]
        if larger:  # (a + b)/2 ± |a − b|/2 is said as the maximum (minimum) it is
            out = [w for w in out if not w.key.startswith(("product", "scale-sum"))]
        if any(u == ex.Name(t) for u in _row_lengths(tree, t)):
            # √(Σ_row T²), a group lasso's row lengths: the √ and the square are one slope,
            # T/‖T‖ per row (not "the entries furthest from zero are blamed most")
            out = [w for w in out if w.key not in ("slope.sqrt", "slope.sqrt.one", "power.square")]
            out.append(Words("length.rows", base))
        if not out:
            # y - output: the subtracted term gets the blame with its sign flipped, −δ
            minus = not rules and isinstance(c.formula, mf.Neg)
            out.append(Words("identity.minus" if minus else "identity" if not rules else "general", base))
        return out

    def concat_key(self, t: str, tree: ex.Node) -> str:
        """The words of a concatenation that reads ``t``: side by side (its columns) or on top
        of one another (its rows), as the call says; "inside" where the concatenation is part
        of the node's formula (xigua's ``sigmoid(cat((X, h), 1) @ v + b)``), not the node."""
        for call in _calls(tree):
            if call.func == "concat" and any(_uses(a, t) for a in call.args):
                side = "cols" if concat_axis(call) == 1 else "rows"
                return f"concat-slice.{side}" + ("" if call is tree else ".inside")
        return "concat-slice"

    def concat_pieces(self, t: str, tree: ex.Node) -> tuple[Math, int] | None:
        """The pieces of the concatenation that read ``t`` inside them (SimCLR's
        ``cat([x1 @ W, x2 @ W])`` for ``W``): ``x^{[1]} W, x^{[2]} W`` and how many they are;
        None where ``t`` is a piece."""
        for call in _calls(tree):
            if call.func == "concat" and any(_uses(a, t) for a in call.args):
                pieces = call.args
                if any(a == ex.Name(t) for a in pieces):
                    return None
                used = [forward_ir(a, self.g).tex() for a in pieces if _uses(a, t)]
                return Math(", ".join(used)), len(used)
        return None

    def broadcast_key(self, t: str, source: str) -> str:
        """How ``t`` is spread over ``source`` (the words of the rule "sum-broadcast"): one
        number over every entry, one entry per row across its row (a layer norm's ``var``, a
        softmax's row sum), one per column down its column — each entry's gradient sums the
        shares of what it was spread over, not "all the blame" of ``source``."""
        (tr, tc), (sr, sc) = (
            tuple(int(k) for k in (tuple(self.g.tensors[n].shape) + (1, 1))[:2]) for n in (t, source)
        )
        if (tr, tc) == (1, 1):
            return "sum-broadcast"
        if tc == 1 and tr == sr and sc > 1:
            return "sum-broadcast.rows"
        if tc == 1 and tr == sr and sc == 1 and tr > 1:
            # var = mean((h − μ)²) of μ: across the rows of (h − μ) inside var, not var's shape
            return "sum-broadcast.rows.inside"
        if tr == 1 and tc == sc and sr > 1:
            return "sum-broadcast.cols"
        return "sum-broadcast.general"

    def power(self, t: str, tree: ex.Node, base: tuple[tuple[str, Any], ...]) -> Words:
        """The power sentence with this node's own exponent (``2 Z_c`` for a square), never a
        letter that could clash with the network's sizes."""
        stack, exps, bases = [tree], [], []
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Pow) and _uses(n.base, t):
                exps.append(n.exponent)
                bases.append(n.base)
            stack.extend(ex.children(n))
        if len(set(exps)) != 1 or len(set(map(repr, bases))) != 1:
            # T·relu(0.9 − v)² + (1 − T)·relu(v − 0.1)²: powers of expressions holding t, not
            # of t itself ("raises v to a power … v to the exponent minus one" was false)
            inner = any(b != ex.Name(t) for b in bases)
            return Words("power.inside.many" if inner else "power.general", base)
        p = Fraction(exps[0])
        inside = ""
        if any(b != ex.Name(t) for b in bases):
            # (ŷ − y) ** 2: the slope is the square's, 2(ŷ − y), not 2ŷ; then on to t inside it
            b = Math(forward_ir(bases[0], self.g).tex())
            b = b if isinstance(bases[0], ex.Name) else Math(f"\\left({b}\\right)")
            base = (*base, ("B", b))
            inside = ".inside"
        elif p == 2 and _batch_mean(tree):  # var = mean(Z_c ** 2, axis=0): a mean, no square
            return Words("power.square.mean", (*base, ("m", self.batch(t))))
        if p == 2 and not inside and _subtracted(tree, t):
            # γ = √(1 − λ²): λ enters through −λ², whose slope is −2λ ("the slope 2λ" lost
            # the sign the formula −δγ/(2γ) ⊙ 2λ carries)
            return Words("power.square.minus", base)
        if p == 2:
            return Words("power.square" + inside, base)
        return Words(
            "power" + inside,
            (*base, ("p", Math(_frac_tex(p))), ("q", Math(_frac_tex(p - 1)))),
        )

    def scaled_scores(self, tree: ex.Node, t: str) -> Math | None:
        """The size ``d`` when ``tree`` is a matrix product of ``t`` divided by ``√d`` (or
        multiplied by ``d ** -0.5``) and ``d`` is the size the product sums over: scaled
        dot-product scores, whatever the tensors are called."""
        if not isinstance(tree, ex.BinOp) or tree.op not in ("/", "*"):
            return None
        for prod, scale in ((tree.left, tree.right), (tree.right, tree.left)):
            if tree.op == "/" and prod is not tree.left:
                continue
            if not (isinstance(prod, ex.BinOp) and prod.op == "@" and _uses(prod, t)):
                continue
            want = Fraction(1, 2) if tree.op == "/" else Fraction(-1, 2)
            name = None
            if isinstance(scale, ex.Pow) and scale.exponent == want:
                name = scale.base
            elif isinstance(scale, ex.Call) and scale.func == "sqrt" and tree.op == "/":
                name = scale.args[0]
            if not isinstance(name, ex.Name) or name.id not in self.d.spec.dims:
                return None
            left = prod.left.operand if isinstance(prod.left, ex.Transpose) else prod.left
            if not isinstance(left, ex.Name) or left.id not in self.g.tensors:
                return None
            shape = self.g.tensors[left.id].shape
            inner = shape[0] if isinstance(prod.left, ex.Transpose) else shape[1]
            if getattr(inner, "label", None) != name.id:
                return None
            return Math(mf.Scalar(self.g.count((inner,)).expr, self.g.scalar_names()).tex())
        return None

    def same_step(self, t: str, source: str) -> bool:
        """``t`` and the node ``source`` that reads it through the shared weight carry the same
        step number in their names (``f2`` read by ``hc2 = tanh(… + (f2 ⊙ h1) W_hh)``: MGU's
        gate, computed afresh at step 2), so the blame passed to ``t`` is not yet a step back in
        time — that is said of the tensor handed from the step before (``h1``, a Jordan net's
        ``y1``); unless ``t`` holds an earlier state as it is (colah's ``hx2 = [h1, x2]``)."""
        steps = [re.fullmatch(r".*?\D_?(\d+)", n) for n in (t, source)]
        if None in steps or steps[0][1] != steps[1][1]:
            return False
        tree = self.trees.get(t)
        return not (
            isinstance(tree, ex.Call)
            and tree.func in ("concat", "stack")
            and any(isinstance(a, ex.Name) and a.id in self.trees for a in tree.args)
        )

    def recurrent(self, w: str, t: str, tree: ex.Node) -> bool:
        """``t`` was itself computed with the weight ``w`` on the side of a product where ``tree``
        reads it (the state of an earlier step of an unrolled recurrence that ``w`` maps forward
        again): :func:`recurs`."""
        return recurs(self.trees, w, tree, t)

    def cofactor(self, tree: ex.Node, t: str) -> Math:
        """The other factor where the node is ``t`` times one expression that does not read
        ``t`` (a focal loss's ``ce_loss * (1 - p_t) ** gamma``), when it reads short enough for a
        sentence; else ""."""
        if not (isinstance(tree, ex.BinOp) and tree.op == "*"):
            return Math("")
        for mine, other in ((tree.left, tree.right), (tree.right, tree.left)):
            if mine == ex.Name(t) and not _uses(other, t):
                tex = forward_ir(other, self.g).tex()
                return Math(tex) if display_width(tex) <= COFACTOR_WIDTH else Math("")
        return Math("")

    def factor_words(self, tree: ex.Node, t: str, base: tuple[tuple[str, Any], ...]) -> Words:
        """The sentence of ``t`` as a factor of a product in ``tree`` that :meth:`cofactor` does
        not name: inside a function (``exp(0.5 * logvar)``, ``σ(β h)``: t is scaled first, then
        the function acts — no "S multiplies T"; ``log(ρ / ρ̂)``: t divides), twice (``h * σ(β h)``, ``h / (1 + |h|)``: a
        factor and inside the other one, the product rule's two shares; a factor and elsewhere in
        the line, ``g·v/‖v‖``: a share from each use), else the plain one."""
        site = _factor_site(tree, t)
        if site is None:
            return Words("product.many", base)
        node, call, other = site
        if call is not None:
            op = ops.OPS.get(call.func)
            if op is None or op.kind != ops.ELEMENTWISE or not op.tex or "\\begin" in op.tex:
                return Words("product.many", base)  # concat([F, X * H]): no function acts on H
            # a symbol that takes its argument (\sqrt) is shown with a place for it
            f = Math(op.tex + "{\\cdot}" if op.tex in ("\\sqrt",) else op.tex)
            if node.op == "/" and node.right == ex.Name(t):  # log(ρ / ρ̂): ρ̂ divides
                return Words("product.nested.divisor", (*base, ("f", f)))
            tex = forward_ir(other, self.g).tex()
            short = display_width(tex) <= COFACTOR_WIDTH and not _uses(other, t)
            by = "multiplied" if node.op == "*" else "divided"
            key = f"product.nested.{by}" + ("" if short else ".other")
            return Words(key, (*base, ("X", Math(tex)), ("f", f)))
        if node is tree and _uses(other, t):
            return Words("product.twice", base)
        if _count(tree, t) > 1:  # weight norm's g·v/‖v‖: v a factor and inside the norm
            return Words("product.elsewhere", base)
        return Words("product.many", base)

    def partner(self, c: Any, t: str, alone: bool = False) -> Math:
        """The other tensor of a product on the path (the weight of ``δ Wᵀ``, the input of
        ``Xᵀ δ``): the first value referenced by the contribution's formula that is not ``t``."""
        refs: list[Any] = []
        walk(c.formula, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)
        others = [r for r in refs if r.kind == "value" and r.name != t]
        if alone:  # only a product of exactly the upstream gradient and one tensor names it
            f = c.formula
            plain = isinstance(f, mf.Mul) and isinstance(f.a, mf.Ref) and isinstance(f.b, mf.Ref)
            return Math(others[0].tex()) if plain and len(others) == 1 else Math("")
        return Math(others[0].tex()) if others else Math("1")

    def gate(self, t: str, call: ex.Call, op: Any, source: str) -> list[Words]:
        T, S = self.tex(t), self.tex(source)
        f = Math(op.tex)
        key = f"slope.{op.name}" if op.name in SLOPES else "gate"
        if _flat(op):  # 1[a − δ > 0] of a where(): its slope is 0, it selects a branch
            key = "slope.indicator"
        if op.name in THROUGH_OUTPUT and self.trees[source] is not call:
            # f inside a larger expression of the node (GELU's 0.5·z·(1 + tanh(…)), a masked
            # tanh(z)·M): the node's output is not f's, so the slope is not written through it
            # (1 − S² is tanh's slope only where S = tanh(…))
            key = "gate.inside"
        args: list[tuple[str, Any]] = [
            ("T", T), ("S", S), ("f", f), ("up", grad_tex(self.d, source))
        ]
        arg = call.args[0] if call.args else None
        if arg is not None and not isinstance(arg, ex.Name):
            # "ReLU's slope is 1 where X W + b is positive": the function's input, not t (of
            # relu(X @ W1 + b1), t is W1, whose sign says nothing)
            inner = forward_ir(arg, self.g)
            args[0] = ("T", Math(inner.tex()))
            if op.name in ("sqrt", "log") and tuple(int(k) for k in inner.shape) == (1, 1):
                key = f"slope.{op.name}.one"  # Sharpe's std: one number, not "small entries of"
        if key == "gate.inside" and arg is not None and _one_number(arg, self.g):
            key = "gate.inside.one"  # exp(t′) of a learned temperature: not "entry by entry"
        if op.name == "elu":  # "… by its slope α·e^z, between 0 and α = 1.6732632423543772"
            alpha = forward_ir(call.args[1], self.g).tex() if len(call.args) > 1 else "1"
            given = call.args[1] if len(call.args) > 1 else None
            if alpha == "\\alpha" and isinstance(given, ex.Name):  # a [constants] α: its value
                value = self.d.spec.constants.get(given.id)
                alpha = repr(float(value)) if value is not None else alpha
            args.append(("a", Math(alpha)))
        out = [Words(key, tuple(args))]
        split = _branches(self.trees[source], call) if key == "slope.indicator" else None
        if split is not None and all(_uses(b, t) for b in split):
            # where(c, A, B) with t in both branches: each entry's blame takes one branch
            a, b = (Math(forward_ir(x, self.g).tex()) for x in split)
            c = Math(forward_ir(call, self.g).tex())  # the mask as written: 1[w − x > 0]
            out.append(Words("where.branches", (("T", T), ("S", S), ("A", a), ("B", b), ("c", c))))
        if not (isinstance(arg, ex.Name) and arg.id == t and op.derivative is not None):
            return out
        symbols = list(self.g.tensors[t].symbols)
        try:
            values = [self.ex.value(s) for s in symbols]
        except ValueError:
            return out
        n = len(values)
        if op.name == "relu":
            blocked = sum(1 for x in values if x <= 0)
            out.append(
                Words("count.relu", (("T", T), ("k", Math(str(blocked))), ("n", Math(str(n)))))
            )
            return out
        if op.derivative is None or n == 0:
            return out
        try:
            slopes = sorted(
                ((self.ex.value(op.derivative(s)), s) for s in symbols), key=lambda p: p[0]
            )
        except (ValueError, TypeError, ZeroDivisionError):
            return out
        lo, hi = slopes[0], slopes[-1]
        if n == 1:
            out.append(Words("count.slope-one", (("f", f), ("lo", self.num(op.derivative(lo[1]))))))
        else:
            out.append(
                Words(
                    "count.slopes",
                    (
                        ("f", f),
                        ("lo", self.num(op.derivative(lo[1]))),
                        ("hi", self.num(op.derivative(hi[1]))),
                    ),
                )
            )
        return out

    def one_hot_rows(self, target: ex.Node) -> bool:
        """Whether a cross-entropy's target holds one-hot rows at the example (declared so, or
        every row 0s and one 1); True where its values are not known."""
        if isinstance(target, ex.Name) and target.id in self.d.spec.distributions:
            return False  # rows summing to 1, not 0s and one 1
        if isinstance(target, ex.Name) and target.id in self.d.spec.one_hot:
            return True
        t = self.g.tensors.get(target.id) if isinstance(target, ex.Name) else None
        if t is None:
            return True
        try:
            rows = [[self.ex.value(s) for s in t.symbols[i, :]] for i in range(t.shape[0])]
        except (ValueError, TypeError, KeyError):
            return True
        return all(sorted(r) == [0] * (len(r) - 1) + [1] for r in rows)

    def _lines_through_zero(self, t: str, tree: ex.Node) -> list[Words]:
        """A loss that takes, entry by entry, the larger (smaller) of two multiples of ``t``,
        ``max(q·e, (q − 1)·e)`` (the pinball loss of a quantile q): its slope is one number where
        ``t`` is positive and another where it is negative — what the formula's sign(·) picks."""
        out = []
        for a, b, most, _bars in _maxima(tree):
            found = [_multiple(x, t, self.g) for x in (a, b)]
            if None in found:
                continue
            p, q = (sp.nsimplify(x) for x in found)  # type: ignore[arg-type]
            if p == q:
                continue
            up, down = (max(p, q), min(p, q)) if most else (min(p, q), max(p, q))
            A, B = (Math(forward_ir(x, self.g).tex()) for x in (a, b))
            key = "loss.lines.max" if most else "loss.lines.min"
            out.append(Words(key, (("T", self.tex(t)), ("A", A), ("B", B), ("p", Math(sp.latex(up))), ("q", Math(sp.latex(down))))))
        return out

    def _distances(self, t: str, tree: ex.Node) -> list[Words]:
        """A loss that reads ``t`` through the length of each row of a difference,
        ``√(Σ_row u²)`` (a triplet or contrastive loss's distances): the length's slope is the
        unit vector ``u/‖u‖``; and the smaller (larger) of two lengths written with ``|·|``,
        ``½(a + b) − ½|a − b|`` (the distance swap), sends the blame to the smaller one only."""
        rows = _row_lengths(tree, t)
        if not rows:
            return []
        tex = [forward_ir(u, self.g).tex() for u in rows]
        key = "loss.distance" if len(tex) == 1 else "loss.distance.many"
        out = [Words(key, (("T", self.tex(t)), ("D", Math(", \\thickspace ".join(tex)))))]
        for a, b, least in _abs_extrema(tree):
            if _uses(a, t) or _uses(b, t):
                A, B = (Math(_length_tex(x, self.g)) for x in (a, b))
                out.append(Words("loss.min.abs" if least else "loss.max.abs", (("A", A), ("B", B))))
        return out

    def symmetric_partner(self, t: str, tree: ex.Node) -> str | None:
        """The other node ``u`` of ``t``'s shape that the loss reads when swapping ``t`` and
        ``u`` leaves the loss unchanged (a siamese pair's cosine or contrastive loss): checked
        on the loss's own definition at the example and at two random points of the pair,
        the data at the example's values (an indicator of the data stays as it is)."""
        g = self.g
        if g.tensors[t].kind == "param":
            return None
        computed = dict(self.d.spec.forward)
        defs = {n.name: n.definition for n in g.nodes}
        loss = defs.get(self.d.spec.loss)
        if loss is None or tuple(loss.shape) != (1, 1):
            return None
        rng = random.Random(7)
        for u in dict.fromkeys(ex.names(tree)):
            if u == t or u not in computed or g.tensors[u].shape != g.tensors[t].shape:
                continue
            a, b = list(g.tensors[t].symbols), list(g.tensors[u].symbols)
            swapped = loss[0, 0].xreplace({**dict(zip(a, b)), **dict(zip(b, a))})
            try:
                same = all(
                    abs(self.ex.value(loss[0, 0].xreplace(p)) - self.ex.value(swapped.xreplace(p)))
                    <= 1e-20 * (1 + abs(self.ex.value(loss[0, 0].xreplace(p))))
                    for p in [{}] + [
                        {s: sp.Rational(rng.randint(-90, 90), 100) for s in a + b} for _ in range(2)
                    ]
                )
            except (ValueError, TypeError, ArithmeticError):
                continue
            if same:
                return u
        return None

    def loss(self, t: str, tree: ex.Node, c: Any) -> list[Words]:
        g = self.g
        T = self.tex(t)
        d = grad_tex(self.d, t)
        L = Math(g.loss_tex)
        if g.tensors[t].kind == "param" and self.beside_data(t, tree):
            # the share of a penalty beside a data term the network computes (d2l's
            # ``l.mean() + lambd * sum(W ** 2) / 2``): not where "the blame starts"
            return [Words("loss.penalty", (("T", T), ("F", Math(c.formula.tex()))))]
        out = [Words("start", (("T", T), ("d", d), ("L", L)))]
        partner = self.symmetric_partner(t, tree)
        if partner is not None:  # a siamese pair's loss: δe₁ is δe₂ with the two swapped
            out.append(Words("loss.symmetric", (("T", T), ("U", self.tex(partner)))))
        k = _summed_hinge(tree)  # a hinge: the mean of max(margin − …, 0) is the loss
        if k is not None and _uses(k.args[0], t):
            out.append(Words("loss.hinge", (("X", Math(forward_ir(k.args[0], g).tex())),)))
        out += self._lines_through_zero(t, tree)
        out += self._distances(t, tree)
        if "loss-target" in c.rules:
            out.append(Words("loss.target", (("T", T),)))
            return out
        call = next(  # the loss term T enters (not a regulariser beside it, or vice versa)
            (
                k
                for k in _calls(tree)
                if k.func in ops.OPS
                and ops.OPS[k.func].kind == ops.LOSS
                and any(_uses(a, t) for a in k.args)
            ),
            None,
        )
        if call is not None and call.func in LOSSES:
            found = scaled_loss(tree)
            scale = found[0] if found is not None and found[1] is call else Fraction(1)
            P = T
            if call.args and call.args[0] != ex.Name(t):
                # F.cross_entropy(pooled @ Wc, y) for Wc: the rows blamed are pooled W_c's
                tex = forward_ir(call.args[0], g).tex()
                P = Math(tex) if display_width(tex) <= COFACTOR_WIDTH else Math("")
            if not P:
                pass  # a prediction too long to name in a sentence: the formula below says it
            elif call.func in ("mse", "sse") and scale == Fraction(1, 2):
                # ½ of a squared error: the ½ cancels the 2 of the square
                out.append(Words(f"loss.{call.func}.half", (("T", P),)))
            elif call.func == "cross_entropy" and not self.one_hot_rows(call.args[1]):
                # soft or multi-hot targets: every class with a target is blamed, not one
                out.append(Words("loss.cross_entropy.soft", (("T", P),)))
            else:
                out.append(Words(f"loss.{call.func}", (("T", P),)))
            op = ops.OPS[call.func]
            arg = _averaged(call)  # of F.cross_entropy(pooled @ Wc, y): y's rows, not Wc's
            shape = g.tensors[arg.id].shape if arg is not None else g.tensors[t].shape
            n = int(shape[0]) if op.reduce == "rows" else int(shape[0]) * int(shape[1])
            if op.reduce in ("mean", "rows") and n > 1:
                rows = op.reduce == "rows" or one_per_example(self.d.spec, shape)
                key = "mean.rows" if rows else "mean.entries"
                sym, eq = self.mean_tex()
                out.append(Words(key, (("n", sym), ("nn", eq))))
        elif call is None:
            mean = tree if isinstance(tree, ex.Call) and tree.func in ("mean", "sum") else None
            if mean is not None and mean.args[0] != ex.Name(t):
                mean = None  # "the loss is the sum of T" only where it is exactly that
            penalty = any(  # T is not in the loss's data term: it is in a penalty beside it
                k.func in ops.OPS and ops.OPS[k.func].kind == ops.LOSS for k in _calls(tree)
            )
            if penalty and g.tensors[t].kind == "param":
                out.append(Words("loss.penalty", (("T", T), ("F", Math(c.formula.tex())))))
                return out
            written = _sum_of_squares(tree, t)
            if written is not None:  # ((T − y) ** 2).sum(), / 2: an SSE written out
                out.append(Words("loss.sse.half" if written else "loss.sse", (("T", T),)))
            elif mean is None:
                key = "loss.power" if _main_rule(c.rules) == "power" else "loss.formula"
                if key == "loss.power" and _half_square(tree):
                    key = "loss.power.half"  # ½(ŷ − y)²: the ½ cancels the 2 of the square
                lengths = any(w.key.startswith("loss.distance") for w in out)
                if not (key == "loss.power" and lengths):  # the square under a row length:
                    out.append(Words(key, (("T", T),)))  # its slope u/‖u‖ already said
            else:
                out.append(Words(f"loss.{mean.func}", (("T", T),)))
            soft = next((k for k in _calls(tree) if k.func == "softplus" and _uses(k.args[0], t)), None)
            if soft is not None:  # −Σ log σ(labels ⊙ logits) = Σ softplus(−labels ⊙ logits)
                U = Math(forward_ir(soft.args[0], g).tex())
                out.append(Words("loss.softplus", (("U", U),)))
            written = written_mean(self.d.spec, g)
            if written is not None and self.mean_count() > 1:  # −mean(y log h + …) written out
                rows = written[1] or one_per_example(self.d.spec, written[0])
                sym, eq = self.mean_tex()
                out.append(Words("mean.rows" if rows else "mean.entries", (("n", sym), ("nn", eq))))
        else:
            out.append(Words("loss.formula", (("T", T),)))
        t_ = g.tensors[t]
        if tuple(int(x) for x in t_.shape) == (1, 1):
            try:
                value = self.ex.value(t_.grads[0])
            except ValueError:
                return out
            sign = "neg" if value < 0 else "pos" if value > 0 else "zero"
            if sign != "zero" and t_.kind != "param":  # a node: descent moves its parameters
                sign += ".node"
            num = self.ex.number(t_.grads[0])
            out.append(
                Words(
                    f"sign.{sign}",
                    (("T", T), ("d", d), ("eq", Math(num.rel)), ("v", Math(num.tex))),
                )
            )
        return out


# the activations a heading names, in the order they are first met
_HEADING_ACTS = (
    "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softplus", "softmax", "log_softmax",
)  # fmt: skip
#: functions that are a loss's inside where a line that reads a target computes them
_LOSS_INSIDE = ("softplus", "log_softmax")


#: the widest other factor a product's sentence names (display units); a wider one is "other
#: factors"
COFACTOR_WIDTH = 30


def sum_terms(n: ex.Node) -> list[ex.Node]:
    """The terms of a sum or difference, nested ones flattened (signs dropped)."""
    if isinstance(n, ex.BinOp) and n.op in ("+", "-"):
        return sum_terms(n.left) + sum_terms(n.right)
    if isinstance(n, ex.Neg):
        return sum_terms(n.operand)
    return [n]


def _multiplied(term: ex.Node, t: str) -> bool:
    """Is ``term`` a product in which ``t`` is one factor, or a term of a sum that is one
    (``p * y``, ``(1 - p) * (1 - y)``), the other factor not reading ``t``?"""
    if not (isinstance(term, ex.BinOp) and term.op == "*"):
        return False
    return any(
        (mine == ex.Name(t) or ex.Name(t) in sum_terms(mine)) and not _uses(other, t)
        for mine, other in ((term.left, term.right), (term.right, term.left))
    )


def _terms_using(tree: ex.Node, t: str) -> int:
    """How many terms of the outermost sum in ``tree`` read ``t``, when each of them multiplies
    it (or a sum holding it) by something else (``p * y + (1 - p) * (1 - y)``: 2); 0 where no
    sum does (``ρ · log(ρ/ρ̂) + …``: ρ̂ is inside a log, not multiplied)."""
    for n in ex.subtrees(tree):
        if isinstance(n, ex.BinOp) and n.op in ("+", "-"):
            using = [k for k in sum_terms(n) if _uses(k, t)]
            if using:
                return len(using) if all(_multiplied(k, t) for k in using) else 0
    return 0


def _weighted_rowwise(tree: ex.Node, t: str) -> tuple[ex.Call, ex.Node] | None:
    """``(f(t), X)`` where ``tree`` multiplies a row-wise function of ``t`` itself (softmax,
    log-softmax) entry by entry by an expression ``X`` that does not read ``t`` (a
    cross-entropy's ``target * log_softmax(logits)``); None otherwise."""
    for n in ex.subtrees(tree):
        if not (isinstance(n, ex.BinOp) and n.op == "*"):
            continue
        for mine, other in ((n.left, n.right), (n.right, n.left)):
            op = ops.OPS.get(mine.func) if isinstance(mine, ex.Call) else None
            if (
                op is not None
                and op.kind == ops.ROWWISE
                and ex.Name(t) in mine.args
                and not _uses(other, t)
            ):
                return mine, other
    return None


def _row_length(n: ex.Node) -> ex.Node | None:
    """``u`` when ``n`` is ``√(Σ u² along the rows)``, the length of each row of ``u``."""
    if not (isinstance(n, ex.Call) and n.func in ("sqrt", "sqrt0") and len(n.args) == 1):
        return None
    s = n.args[0]
    if isinstance(s, ex.Transpose):  # the row sums of a 1-D result, laid out as a row
        s = s.operand
    if not (isinstance(s, ex.Call) and s.func == "sum" and len(s.args) == 1):
        return None
    axis = s.kwarg("axis")
    p = s.args[0]
    if isinstance(axis, ex.Num) and axis.value == 1 and isinstance(p, ex.Pow) and p.exponent == 2:
        return p.base
    return None


def _one_number(n: ex.Node, g: Any) -> bool:
    """``n`` is one number (a 1×1 tensor or a scalar parameter), not a tensor of entries."""
    shape = g.tensors[n.id].shape if isinstance(n, ex.Name) and n.id in g.tensors else None
    if shape is None:
        shape = forward_ir(n, g).shape
    return tuple(int(k) for k in shape) == (1, 1)


def _reading_order(tree: ex.Node) -> list[ex.Node]:
    """Every subtree of ``tree``, in the order a reader meets it (left to right, outer first)."""
    out: list[ex.Node] = []
    stack = [tree]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(ex.children(n)))
    return out


def _subtracted(tree: ex.Node, t: str) -> bool:
    """Whether every square ``t ** 2`` in ``tree`` enters the sum around it with a minus:
    ``1 − t²`` or ``−t² + c`` (the signs of the +, − and unary − between the square and the
    nearest node that is not a sum), so its slope there is −2t."""
    signs: list[bool] = []
    stack: list[tuple[ex.Node, bool]] = [(tree, False)]
    while stack:
        n, neg = stack.pop()
        if isinstance(n, ex.Pow) and n.base == ex.Name(t):
            signs.append(neg)
        elif isinstance(n, ex.Neg):
            stack.append((n.operand, not neg))
        elif isinstance(n, ex.BinOp) and n.op in "+-":
            stack.append((n.left, neg))
            stack.append((n.right, neg != (n.op == "-")))
        else:
            stack.extend((k, False) for k in ex.children(n))
    return bool(signs) and all(signs)


def _row_lengths(tree: ex.Node, t: str) -> list[ex.Node]:
    """The differences ``u`` whose row lengths ``√(Σ u²)`` in ``tree`` read ``t``, once each, in
    reading order."""
    out: list[ex.Node] = []
    for n in _reading_order(tree):
        u = _row_length(n)
        if u is not None and _uses(u, t) and u not in out:
            out.append(u)
    return out


def _abs_extrema(tree: ex.Node) -> list[tuple[ex.Node, ex.Node, bool]]:
    """``(a, b, True)`` for each ``½(a + b) − ½|a − b|`` in ``tree`` (the smaller of a and b),
    ``(a, b, False)`` for ``½(a + b) + ½|a − b|`` (the larger)."""
    def half(n: ex.Node) -> ex.Node | None:
        if isinstance(n, ex.BinOp) and n.op == "*" and n.left == ex.Num(Fraction(1, 2)):
            return n.right
        return None

    out = []
    for n in ex.subtrees(tree):
        if not (isinstance(n, ex.BinOp) and n.op in ("+", "-")):
            continue
        mean, gap = half(n.left), half(n.right)
        if not (isinstance(mean, ex.BinOp) and mean.op == "+"):
            continue
        if not (isinstance(gap, ex.Call) and gap.func == "abs" and len(gap.args) == 1):
            continue
        d = gap.args[0]
        if isinstance(d, ex.BinOp) and d.op == "-" and {d.left, d.right} == {mean.left, mean.right}:
            out.append((mean.left, mean.right, n.op == "-"))
    return out


def _length_tex(n: ex.Node, g: Any) -> str:
    """``‖u‖`` for the row length ``√(Σ u²)``, else the expression as the formulas print it."""
    u = _row_length(n)
    inner = forward_ir(u if u is not None else n, g).tex()
    return f"\\lVert {inner} \\rVert" if u is not None else inner


def _both_sides(tree: ex.Node, t: str) -> bool:
    """Is ``t`` read by both the numerator and the denominator of a quotient in ``tree``
    (``r.mean() / r.std()``)?"""
    return any(
        isinstance(n, ex.BinOp) and n.op == "/" and _uses(n.left, t) and _uses(n.right, t)
        for n in ex.subtrees(tree)
    )


def _divides(tree: ex.Node, t: str) -> bool:
    """Is ``t`` itself, or a term added in, the denominator of a quotient in ``tree`` (``f / (f +
    i)``: a larger ``t``, a larger divisor)?"""

    def terms(n: ex.Node) -> bool:
        if isinstance(n, ex.BinOp) and n.op == "+":
            return terms(n.left) or terms(n.right)
        return n == ex.Name(t)

    return any(isinstance(n, ex.BinOp) and n.op == "/" and terms(n.right) for n in ex.subtrees(tree))


def _in_sum_factor(tree: ex.Node, t: str) -> bool:
    """Is ``t`` a term of a sum or difference that is itself a factor of an element-wise product
    or quotient in ``tree`` (``(h - mu) * rsqrt(var + eps)``; not ``o * tanh(c)``)?"""
    return any(
        isinstance(n, ex.BinOp) and n.op in ("*", "/") and isinstance(k, ex.BinOp)
        and k.op in ("+", "-") and ex.Name(t) in (k.left, k.right)
        for n in ex.subtrees(tree)
        for k in ((n.left, n.right) if isinstance(n, ex.BinOp) else ())
    )


def _gram(tree: ex.Node, t: str) -> bool:
    """Does ``tree`` multiply ``t`` by (a transpose of) itself, ``z @ z.T``?"""
    return any(
        isinstance(n, ex.BinOp) and n.op == "@" and t in ex.names(n.left) and t in ex.names(n.right)
        for n in ex.subtrees(tree)
    )


def _bare_factor(tree: ex.Node, t: str) -> bool:
    """Is ``t`` (or its transpose) itself one factor of a matrix product in ``tree`` whose other
    factor does not read it (``v.T @ tanh(…)``)?"""
    for n in ex.subtrees(tree):
        if isinstance(n, ex.BinOp) and n.op == "@":
            for mine, other in ((n.left, n.right), (n.right, n.left)):
                bare = mine.operand if isinstance(mine, ex.Transpose) else mine
                if bare == ex.Name(t) and t not in ex.names(other):
                    return True
    return False


def heading(d: Derivation) -> dict[str, str]:
    """A course spec's heading: its own title (or its first comment's, in that comment's
    language: ``spec.comment_title``), or where it gives none (the title is then its
    name, which the files already carry) a sentence naming the network's shape — its
    activations, its loss and how many parameters it learns: "A network of sigmoid, tanh and
    softmax units with a cross-entropy loss and 14 parameters" / 「由 Sigmoid、tanh 和 Softmax
    单元构成、采用交叉熵损失的网络，共 14 个参数」."""
    spec = d.spec
    if all(t != spec.name for t in spec.title.values()):
        return dict(spec.title)
    own = {lang: t for lang, t in spec.title.items() if t != spec.name}  # a comment's (one language)
    acts: list[str] = []
    loss = "formula"
    targets = _targets(d)
    for node in d.graph.nodes:
        scored = bool(targets & {m.id for m in _names(node.tree)})  # a line of the loss
        lse = _logsumexps(node.tree)
        for call in _calls(node.tree):
            if scored and call.func in _LOSS_INSIDE:
                continue  # BCE-with-logits' softplus, a cross-entropy line's log-softmax: no unit
            if id(call) in lse:
                continue  # a logsumexp's log-softmax (its reading): no log-softmax unit
            if call.func in _HEADING_ACTS and call.func not in acts:
                acts.append(call.func)
            op = ops.OPS.get(call.func)
            if node.name == spec.loss and op is not None and op.kind == ops.LOSS and loss == "formula":
                loss = call.func
    if loss == "formula":
        loss = _written_loss(d)
    varying = set(spec.params) | {n.name for n in d.graph.nodes}
    linear = all(_affine(n.tree, varying) for n in d.graph.nodes if n.name not in _loss_part(d))
    out = {}
    for lang in catalog.LANGS:
        names = [catalog.text(f"longhand.act.{a}", lang) for a in acts]
        args = {"n": len(spec.params)}
        args["loss"] = catalog.text(f"longhand.loss.{loss}", lang)
        one = "_one" if len(spec.params) == 1 else ""
        if not names:
            # "linear" only where it is: a spelled-out sigmoid 1 / (1 + exp(−z)) (邱锡鹏's
            # qiu_delta_mlp) or an exp, sqrt, product of two layers is no linear network
            plain = "heading_linear" if linear else "heading_plain"
            out[lang] = catalog.text(f"longhand.{plain}{one}", lang, **args)
            continue
        joined = names[0] if len(names) == 1 else catalog.text(
            "longhand.and", lang, a=catalog.text("longhand.comma", lang).join(names[:-1]), b=names[-1]
        )
        out[lang] = catalog.text(f"longhand.heading{one}", lang, acts=joined, **args)
    return {**out, **own}


def _written_loss(d: Derivation) -> str:
    """The loss a written-out formula is, where the engine proved it one (a cross-entropy
    written out over a softmax written out, Ng's binary cross-entropy by hand: the rules
    ``softmax-ce``, ``sigmoid-bce``) and the loss's lines read no parameter (a penalty added to
    it is no longer that loss alone); else ``"formula"``."""
    part = _loss_part(d)
    if any(set(ex.names(n.tree)) & set(d.spec.params) for n in d.graph.nodes if n.name in part):
        return "formula"
    rules = {
        s.rule
        for v in d.backward
        for s in (*(c.step for c in v.contributions), *v.simplified, *([v.total] if v.total else []))
    }
    if rules & {"softmax-ce", "softmax-ce-soft"}:
        return "cross_entropy"
    if "sigmoid-bce" in rules:
        return "bce"
    # −Σ Y log P / n over targets not declared one-hot (quiz3's ``-np.sum(Y * np.log(p)) / m``):
    # the loss's exact derivative by an entry of P is −y/(n p) (:func:`written_ce_count`)
    g = d.graph
    read = {m for n in d.graph.nodes if n.name in part for m in ex.names(n.tree)}
    for y in sorted(read & set(d.spec.inputs)):
        for p in sorted(read - set(d.spec.inputs) - part):
            if p in g.tensors and g.tensors[p].shape == g.tensors[y].shape:
                if written_ce_count(g, p, y) is not None:
                    return "cross_entropy"
    return "formula"


def _loss_part(d: Derivation) -> set[str]:
    """The loss line and the lines that only compute it: each read only by the loss part and
    reading a target (d2l_linreg's ``l = (y_hat - y) ** 2 / 2`` before ``loss = l.sum() / n``;
    not cs230's ``A = 1 / (1 + exp(-(w.T X + b)))``, which reads data)."""
    spec = d.spec
    reads = _reads(d)
    targets = _targets(d)
    part = {spec.loss}
    for n in reversed(d.graph.nodes):
        readers = {r for r, names in reads.items() if n.name in names}
        if n.name not in part and readers and readers <= part and reads[n.name] & targets:
            part.add(n.name)
    return part


def _reads(d: Derivation) -> dict[str, set[str]]:
    """The names each line of the network reads."""
    return {n.name: {m.id for m in _names(n.tree)} for n in d.graph.nodes}


def _targets(d: Derivation) -> set[str]:
    """The targets: the inputs no line reads beside a parameter (X in X @ W is data)."""
    spec = d.spec
    reads = _reads(d).values()
    return {i for i in spec.inputs if not any(i in r and r & set(spec.params) for r in reads)}


def _names(tree: ex.Node) -> list[ex.Name]:
    out, stack = [], [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.Name):
            out.append(n)
        stack.extend(ex.children(n))
    return out


def _affine(tree: ex.Node, varying: set[str]) -> bool:
    """Whether ``tree`` is affine in the names of ``varying`` (parameters and computed tensors):
    sums, differences, matrix products, transposes, reductions, blocks and joins of them, and
    products or quotients with what does not vary (data, constants, numbers)."""

    def varies(n: ex.Node) -> bool:
        return (isinstance(n, ex.Name) and n.id in varying) or any(varies(c) for c in ex.children(n))

    if not varies(tree):
        return True
    if isinstance(tree, ex.Name):
        return True
    if isinstance(tree, ex.Neg | ex.Transpose):
        return _affine(tree.operand, varying)
    if isinstance(tree, ex.BinOp):
        if tree.op == "*" and varies(tree.left) and varies(tree.right):
            return False
        if tree.op == "/" and varies(tree.right):
            return False
        return tree.op in "+-*/@" and _affine(tree.left, varying) and _affine(tree.right, varying)
    if isinstance(tree, ex.Pow):
        return tree.exponent == 1 and _affine(tree.base, varying)
    if isinstance(tree, ex.Call):
        op = ops.OPS.get(tree.func)
        kinds = (ops.REDUCTION, ops.CONCAT, ops.SLICE, ops.RESHAPE)
        return op is not None and op.kind in kinds and all(_affine(a, varying) for a in tree.args)
    return False


def _averaged(call: ex.Call) -> ex.Name | None:
    """The tensor whose size a loss call averages over: its prediction, or where that is an
    expression (``F.cross_entropy(H @ W + b, Y)``, a softmax inline) its target, which has the
    prediction's shape (d2l_lstm_scratch said "a mean over 1 rows" for n = 2)."""
    return next((a for a in call.args if isinstance(a, ex.Name)), None)


def _sum_of_squares(tree: ex.Node, t: str) -> bool | None:
    """Whether ``tree`` is a sum of squared errors of ``t`` written out — ``((t - y) ** 2).sum()``
    (``False``) or half of it, ``/ 2`` or ``0.5 *`` (``True``) — else ``None``: the words of
    the SSE, not of the power rule in general."""
    half = False
    if isinstance(tree, ex.BinOp) and tree.op == "/" and tree.right == ex.Num(Fraction(2)):
        tree, half = tree.left, True
    elif isinstance(tree, ex.BinOp) and tree.op == "*":
        for c, rest in ((tree.left, tree.right), (tree.right, tree.left)):
            if isinstance(c, ex.Num) and c.value == Fraction(1, 2):
                tree, half = rest, True
                break
    if not (isinstance(tree, ex.Call) and tree.func == "sum" and len(tree.args) == 1):
        return None
    if tree.kwargs:
        return None
    sq = tree.args[0]
    if not (isinstance(sq, ex.Pow) and sq.exponent == 2 and isinstance(sq.base, ex.BinOp)):
        return None
    diff = sq.base
    if diff.op != "-" or ex.Name(t) not in (diff.left, diff.right):
        return None
    return half


def paragraphs(d: Derivation, example: Any) -> dict[str, tuple[Words, ...]]:
    """``{tensor: sentences}``: the "in words" paragraph of every gradient of ``d``."""
    w = _Writer(d, example)
    return {v.name: w.paragraph(v) for v in d.backward}


# sentences said at their first place in reading order only

def _batch_mean(tree: ex.Node) -> bool:
    """``mean(X ** 2, axis=0)``: the mean over the batch (the rows) of a square."""
    if not (isinstance(tree, ex.Call) and tree.func == "mean" and len(tree.args) == 1):
        return False
    axis = tree.kwarg("axis")
    return isinstance(tree.args[0], ex.Pow) and isinstance(axis, ex.Num) and axis.value == 0

# (the loss's mean and "differentiate the formula" hold for every node the loss reads: said at
# the first; a second node read by the loss "enters it directly too", start.again)
ONCE = (
    "mean-inside",
    "through-time",
    "scaled-scores",
    "rowwise.softmax-jacobian.matrix",
    "loss.formula",
    "loss.hinge",
    "loss.min.abs",
    "loss.max.abs",
    "loss.softplus",
    "loss.symmetric",
    "mean.rows",
    "mean.entries",
)
# sentences said in full the first time and briefly after that ("as for W2: …"), key + ".again"
AGAIN = (
    "start",
    "linear-input",
    "linear-input.inline",
    "linear-input.gram",
    "linear-input.product",
    "linear-weight.product",
    "linear-weight.one",
    "linear-weight.batch",
    "linear-weight.batch.mixed",
    "linear-weight.batch.rows",
    "linear-weight.columns",
    "bias-sum",
    "bias-sum.rows",
    "broadcast-sum",
    "slope.sigmoid",
    "slope.tanh",
    "slope.relu",
    "shared",
    "shared.apart",
    "fork",
    "product",
    "gate.inside",
    "scale-sum.inside",
    "formula.below",
    "rowwise.softmax-jacobian",
    "rowwise.log-softmax-jacobian",
    "slope.sqrt",
    "power.square.inside",
    "concat-slice.cols.piece",
    "concat-slice.rows.piece",
)


def _added_term(tree: ex.Node, t: str, g: Any = None) -> ex.Node | None:
    """The summand holding ``t`` of the first sum in ``tree`` where it is not ``t`` itself
    (``s @ W2`` of ``tanh(H @ W1 + s @ W2)`` for W2); None where t is added bare or in no sum.
    Given the graph ``g``, a summand of one row (the one broadcast over the rows: ``(c² 𝟙)ᵀ`` of a
    squared distance ``f² 𝟙 + (c² 𝟙)ᵀ − 2 f cᵀ``, not ``2 f cᵀ``) is preferred."""
    found: list[ex.Node | None] = []
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.BinOp) and n.op in ("+", "-"):
            for side in (n.left, n.right):
                summed = isinstance(side, ex.BinOp) and side.op in ("+", "-")
                if t in ex.names(side) and not summed and not isinstance(side, ex.Neg):
                    found.append(None if side == ex.Name(t) else side)
        stack.extend(reversed(list(ex.children(n))))
    if g is not None:
        for side in found:
            if side is not None and forward_ir(side, g).shape[0] == 1:
                return side
    return found[0] if found else None


def axis_of(tree: ex.Node) -> int | None:
    """The axis a ``mean``/``sum`` call reduces over (``None``: every entry, or not a number)."""
    axis = tree.kwarg("axis") if isinstance(tree, ex.Call) else None
    if axis is None and isinstance(tree, ex.Call) and len(tree.args) > 1:
        axis = tree.args[1]
    return int(axis.value) if isinstance(axis, ex.Num) else None


def written_mean(spec: Any, g: Any) -> tuple[tuple[int, ...], bool] | None:
    """A loss line that is a mean written out over an expression, ``−mean(y log h + (1 − y)
    log(1 − h))`` (CS229's J(θ), d2l's ``-log(…).mean()``): the shape of the expression it
    averages (its sizes keep their [dims] names) and whether a row-wise sum inside makes its
    terms one per row (example), ``−log Σ_j ŷ_ij y_ij``; else ``None``."""
    loss = spec.forward[-1][1]
    call = loss.operand if isinstance(loss, ex.Neg) else loss
    if not (isinstance(call, ex.Call) and call.func == "mean" and len(call.args) == 1):
        return None
    if call.kwargs or isinstance(call.args[0], ex.Name):  # mean(l) of a node: its own shape
        return None
    arg = call.args[0]
    rows = any(axis_of(c) == 1 for c in _calls(arg))
    shape = tuple(forward_ir(arg, g).shape)
    # NumPy's 1-D row of m sums (np.sum(…, axis=1) without keepdims, read as 1 × m): the same
    # m terms, one per row (example)
    return (shape[::-1] if len(shape) == 2 and int(shape[0]) == 1 else shape), rows


def one_per_example(spec: Any, shape: tuple[int, ...]) -> bool:
    """A loss over one column whose rows are the batch (mlp-bce's ``A2``, m × 1): its entries
    are the examples, and a mean over them is a mean over the rows (examples) — not "entries"."""
    rows = {int(v[0]) for v in spec.inputs.values() if len(v)}
    return len(shape) == 2 and int(shape[1]) == 1 and rows == {int(shape[0])} and int(shape[0]) > 1


# sentences whose arguments are the same wherever they are said (the fused σ/softmax with a
# cross-entropy: the same plain error at each summand of the input), said in full the first
# time and in this short form after that
SHORT = {
    "fused.inline.sigmoid-bce": "fused.inline.sigmoid-bce.short",
    "fused.inline.softmax-ce": "fused.inline.softmax-ce.short",
}


def once(items: list[tuple[Words, ...]]) -> list[tuple[Words, ...]]:
    """The paragraphs in reading order: a sentence of :data:`ONCE` kept only where it first
    appears; a sentence of :data:`AGAIN` in full where it first appears and in its short form
    (naming the tensor it was first said for, ``P``) after that."""
    first: dict[Any, Any] = {}
    out = []
    before: tuple[Words, ...] = ()
    for ws in items:
        keep: list[Words] = []
        # a formula too wide for a sentence is named by its gradient (:meth:`Intuition.short`):
        # a short form ending in it ("summed over the rows — ∂L/∂W") would say that the
        # gradient is itself; its ``.below`` form ends the sentence and points at the rows below
        below = any(w.key == "formula.below" for w in ws)
        cut = False
        for w in ws:
            if w.key in ONCE and w.key in first:
                continue
            # an activation's slope with no short form, word for word the one of the paragraph
            # just read (ELU's at W⁽²⁾, then at b⁽²⁾ of the same layer): not said again
            if w.key.startswith("slope.") and w.key not in AGAIN and any(_said(w) == _said(x) for x in before):
                continue
            if w.key in SHORT and (w.key, w.args) in first:
                keep.append(Words(SHORT[w.key], w.args))
                continue
            if w.key in SHORT:
                first[(w.key, w.args)] = None
            if w.key == "formula.below" and cut:
                continue
            if w.key in AGAIN and w.key in first:
                key = f"{w.key}.again"
                if below and _in_catalogue(f"handout_intuition.{key}.below"):
                    key, cut = f"{key}.below", True
                keep.append(Words(key, (*w.args, ("P", first[w.key]))))
                continue
            first.setdefault(w.key, w.values.get("T", Math("")))
            keep.append(w)
        out.append(tuple(keep))
        before = ws
    return out


def _said(w: Words) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """``w`` as a reader sees it: its key and the values its sentence writes, in every
    language (GELU's slope at W⁽¹⁾ and at b⁽¹⁾ names neither: the same sentence)."""
    try:
        texts = [catalog.lookup(f"handout_intuition.{w.key}", lang) for lang in ("en", "zh")]
    except KeyError:
        return w.key, w.args
    return w.key, tuple((k, v) for k, v in w.args if any(f"{{{{{k}}}}}" in x for x in texts))


def _in_catalogue(key: str) -> bool:
    try:
        catalog.lookup(key, "en")
    except KeyError:
        return False
    return True


def _summed_hinge(tree: ex.Node) -> ex.Call | None:
    """``max(x, 0)`` (``clamp0``/``relu``) of a loss that is its sum or mean, scaled by a
    number or a size (a hinge or triplet loss, ``relu(1 − y·s).mean()``); else None."""
    while isinstance(tree, ex.BinOp) and tree.op in ("*", "/"):
        scalar = (ex.Num, ex.Name)
        if tree.op == "/" and isinstance(tree.right, scalar):
            tree = tree.left
        elif tree.op == "*" and isinstance(tree.left, scalar):
            tree = tree.right
        elif tree.op == "*" and isinstance(tree.right, scalar):
            tree = tree.left
        else:
            return None
    if isinstance(tree, ex.Call) and tree.func in ("mean", "sum") and tree.args:
        tree = tree.args[0]
    ok = isinstance(tree, ex.Call) and tree.func in ("clamp0", "relu") and len(tree.args) == 1
    return tree if ok else None  # type: ignore[return-value]


def _flat(op: Any) -> bool:
    """An element-wise function of slope 0 wherever it has one (the indicator ``1[x > 0]`` a
    comparison or a ``where`` is read as): a mask, which passes no blame to its input."""
    if op.derivative is None:
        return False
    try:
        return op.derivative(sp.Symbol("x")) == 0
    except TypeError:  # an op with parameters: not a plain mask
        return False


def _factor_site(tree: ex.Node, t: str) -> tuple[ex.BinOp, ex.Call | None, ex.Node] | None:
    """The first product or quotient in ``tree`` with ``t`` itself as an operand (``t * X``,
    ``X * t``, ``t / X``, ``X / t``): the node, the innermost function call around it (None at
    the top of ``tree`` or under arithmetic only) and its other operand."""
    stack: list[tuple[ex.Node, ex.Call | None]] = [(tree, None)]
    while stack:
        n, call = stack.pop()
        if isinstance(n, ex.BinOp) and n.op in ("*", "/"):
            for mine, other in ((n.left, n.right), (n.right, n.left)):
                if mine == ex.Name(t):
                    return n, call, other
        inner = n if isinstance(n, ex.Call) else call
        stack.extend((k, inner) for k in reversed(ex.children(n)))
    return None


def factor(tree: ex.Node, name: str) -> bool:
    """``name`` itself is a factor of an element-wise product or quotient in ``tree`` (``BW *
    NZ``), not inside a sum that is one (``(Z - M) / s``)."""
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.BinOp) and n.op in ("*", "/") and ex.Name(name) in (n.left, n.right):
            return True
        stack.extend(ex.children(n))
    return False


def _inline(tree: ex.Node, t: str, w: str) -> bool:
    """``t`` sits inside a layer written inline that feeds the weights ``w``: ``f(X t + b) @ w``
    (rows) or ``w.T @ f(t K)`` (columns) — deeper than an operand of that product itself."""
    for n in ex.subtrees(tree):
        if not (isinstance(n, ex.BinOp) and n.op == "@"):
            continue
        for mine, other in ((n.left, n.right), (n.right, n.left)):
            bare = other.operand if isinstance(other, ex.Transpose) else other
            own = mine.operand if isinstance(mine, ex.Transpose) else mine
            if bare == ex.Name(w) and _uses(mine, t) and own != ex.Name(t):
                return True
    return False


def in_product(tree: ex.Node, name: str) -> bool:
    """``name`` is an operand (or inside an operand) of a matrix product in ``tree``."""
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.BinOp) and n.op == "@" and (
            name in ex.names(n.left) or name in ex.names(n.right)
        ):
            return True
        stack.extend(ex.children(n))
    return False


def _weight_sites(tree: ex.Node, p: str) -> list[tuple[str, ex.Node]]:
    """Each matrix product in ``tree`` with ``p`` itself as an operand: the side it sits on
    (``"left"``/``"right"``) and the other operand."""
    out, stack = [], [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.BinOp) and n.op == "@":
            if n.left == ex.Name(p):
                out.append(("left", n.right))
            if n.right == ex.Name(p):
                out.append(("right", n.left))
        stack.extend(ex.children(n))
    return out


def recurs(trees: Mapping[str, ex.Node], p: str, tree: ex.Node, t: str | None = None) -> bool:
    """``p`` in ``tree`` maps forward again a tensor that was itself computed with ``p`` on the
    same side of a product — the recurrence ``h₂ = f(h₁ W)``, ``h₁ = f(h₀ W)`` of an unrolled
    network (with ``t``: only the products whose other operand reads ``t``). Not a weight read
    once transposed and once not (a modern Hopfield net's ``softmax(β ξ Xᵀ) X``, a tied
    autoencoder's ``W`` and ``Wᵀ``): one pass through two different maps, not steps in time."""
    for side, other in _weight_sites(tree, p):
        names = ex.names(other)
        if t is not None and t not in names:
            continue
        seen: set[str] = set()
        todo = [t] if t is not None else sorted(names)
        while todo:
            n = todo.pop()
            if n in seen or n not in trees:
                continue
            seen.add(n)
            if any(s == side for s, _ in _weight_sites(trees[n], p)):
                return True
            todo += sorted(ex.names(trees[n]))
    return False


def two_maps(trees: list[ex.Node], p: str) -> bool:
    """``p`` is a factor of a matrix product as it is in some of ``trees`` and transposed in
    others (``softmax(β ξ Xᵀ) X``, ``relu(x W) Wᵀ``): two different maps made of one parameter,
    not the same map applied step after step."""
    plain = transposed = False
    for tree in trees:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.BinOp) and n.op == "@":
                for side in (n.left, n.right):
                    plain |= side == ex.Name(p)
                    transposed |= side == ex.Transpose(ex.Name(p))
            stack.extend(ex.children(n))
    return plain and transposed


def _branches(tree: ex.Node, mask: ex.Call) -> tuple[ex.Node, ex.Node] | None:
    """``(A, B)`` where ``tree`` is a ``where`` as the spec reads it, ``m·A + (1 − m)·B`` with
    ``m`` the mask ``mask`` (``torch.where(x < w, w·log(1 + x/ε), x − C)``); else ``None``."""
    if not (isinstance(tree, ex.BinOp) and tree.op == "+"):
        return None
    one_minus = ex.BinOp("-", ex.Num(Fraction(1, 1)), mask)
    found: dict[str, ex.Node] = {}
    for side in (tree.left, tree.right):
        if not (isinstance(side, ex.BinOp) and side.op == "*"):
            return None
        for m, other in ((side.left, side.right), (side.right, side.left)):
            if m == mask:
                found.setdefault("A", other)
                break
            if m == one_minus:
                found.setdefault("B", other)
                break
    return (found["A"], found["B"]) if set(found) == {"A", "B"} else None
