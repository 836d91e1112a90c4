"""The mutation library of one gradient: typical mistakes, each a wrong matrix-form formula
built from the derivation's own visits, including those of upstream nodes (dropped or extra
transposes, swapped ``@`` operands, signs, unreduced bias gradients, missing or wrong activation
derivatives, the unweighted ``(Ŷ − Y)/m`` under a weighted BCE), with their float64 values at
:data:`~derive.checker.checknet.DIAG_POINTS` random points so a formula can be matched against them.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from derive.checker.checknet import DIAG_POINTS, Net, Target
from derive.checker.evaluate import System, close, evaluate, floats
from derive.checker.formtree import (
    every_node,
    formula_text,
    positions,
    rebuilt_every,
    replace_at,
    shape_ok,
    subtrees,
)
from derive.checker.verdict import Msg, grad_name, msg
from derive.engine import mform as mf
from derive.engine.graph import forward_ir
from derive.lang import expr as ex
from derive.lang import ops


@dataclass(frozen=True)
class Mutation:
    """One typical mistake: its ``code`` (a key of :data:`derive.checker.verdict.CODES`), the ``message``,
    the wrong formula ``expr`` and its float64 ``values`` at the diagnosis points."""

    code: str
    message: Msg
    expr: mf.MExpr
    values: tuple[np.ndarray, ...]


PRIORITY = [
    "weighted-loss-not-simplifiable",
    "missing-activation-derivative",
    "wrong-activation-derivative",
    "bias-not-summed",
    "wrong-sum-axis",
    "missing-transpose",
    "extra-transpose",
    "operand-order",
    "sign",
    "shape-mismatch",
]


_LIBRARY: weakref.WeakKeyDictionary[Target, list[Mutation]] = weakref.WeakKeyDictionary()


def library(target: Target) -> list[Mutation]:
    """The mistakes for ``target`` that give a nonzero value different from the truth, one per
    distinct value, most specific code first (:data:`PRIORITY`); built on first use."""
    hit = _LIBRARY.get(target)
    if hit is None:
        hit = _LIBRARY[target] = _build(target)
    return hit


def _build(target: Target) -> list[Mutation]:
    raw: list[tuple[str, Msg, mf.MExpr]] = []
    locals_: list[tuple[str, str, Msg, mf.MExpr]] = []
    for node in target.upstream():
        for code, message, local in _local_mutations(target.net, node, node == target.name):
            full = local if node == target.name else target.substitute(target.formula, node, local)
            if full is not None:
                raw.append((code, message, full))
            if node != target.name:
                locals_.append((node, code, message, local))
    raw.extend(_same_slip_everywhere(target, locals_))
    raw.sort(key=lambda r: PRIORITY.index(r[0]) if r[0] in PRIORITY else len(PRIORITY))
    truth = [floats(target.truth(k)) for k in range(DIAG_POINTS)]
    out: list[Mutation] = []
    for code, message, e in raw:
        if not shape_ok(e, every=True):  # (a substitution reaches inside a correlation too)
            continue
        vals = [floats(evaluate(e, System(target.net.rand, k))) for k in range(DIAG_POINTS)]
        if any(v is None for v in vals):
            continue
        if not any(np.any(v != 0) for v in vals):  # type: ignore[union-attr]
            continue  # zero at every point here: it would match anything that is zero
        if e.shape == target.shape and all(
            t is not None and close(v, t) for v, t in zip(vals, truth, strict=True)
        ):
            continue  # not a mistake after all (e.g. relu' vs relu on A)
        if any(
            m.expr.shape == e.shape
            and all(close(a, b) for a, b in zip(vals, m.values, strict=True))
            for m in out
        ):
            continue
        out.append(Mutation(code, message, e, tuple(vals)))  # type: ignore[arg-type]
    return out


_REPEATED = ("wrong-activation-derivative", "missing-activation-derivative")


def _same_slip_everywhere(
    target: Target, slips: list[tuple[str, str, Msg, mf.MExpr]]
) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """One slip of an activation's derivative made at every node with that activation (an
    RNN's ``1 - tanh(z)`` at each time step, a deep network's ``σ`` for ``σ'`` in each layer):
    (code, message, wrong formula) with all of them substituted."""
    groups: dict[tuple[object, ...], list[tuple[str, Msg, mf.MExpr]]] = {}
    for node, code, message, local in slips:
        if code not in _REPEATED:
            continue
        args = dict(message.args)
        desc = args.get("desc")
        key = (code, message.key, args.get("f"), desc.key if isinstance(desc, Msg) else None)
        groups.setdefault(key, []).append((node, message, local))
    for (code, *_), group in groups.items():
        if len(group) < 2:
            continue
        full: mf.MExpr | None = target.formula
        # the node furthest from the loss first: its substitution keeps the Refs to the others
        for node, _, local in sorted(group, key=lambda g: -len(target.net.target(g[0]).upstream())):
            full = target.substitute(full, node, local) if full is not None else None
        if full is not None:
            nodes = ", ".join(node for node, _, _ in group)
            yield code, msg("mut.same_slip", first=group[0][1], nodes=nodes), full


def _column_bias_heldcheck34(net: Net, node: str) -> bool:
    """Is ``node`` a parameter of one column (``b2`` = [n, 1] of a column-major network, whose
    gradient sums the examples' columns, ``np.sum(δ, axis=1, keepdims=True)``)? Then that sum
    left out is the bias not summed over the batch, as a row-major bias's rows are (邱锡鹏's
    column-major XOR network: ``db2 = delta2`` was "shape-mismatch")."""
    if node not in net.spec.params:
        return False
    shape = net.g.tensors[node].shape
    return len(shape) == 2 and int(shape[1]) == 1


def _local_mutations(net: Net, node: str, top: bool) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """Typical mistakes in the visit of ``node``: (code, message, wrong formula for ∂L/∂node)."""
    g = net.g
    visit = net.visits[node]
    F = visit.formula
    grad = grad_name(node)
    one = mf.Scalar(sp.Integer(1))
    cons = g.consumers.get(node, ())
    # the weighted BCE does not simplify to (Ŷ − Y)/m
    if visit.rule == "weighted-bce" and len(cons) == 1:
        loss = g.spec.forward[-1][1]
        if isinstance(loss, ex.Call) and isinstance(loss.args[1], ex.Name):
            a = g.tensors[cons[0]].value_ref(g.loss_tex)
            y = g.tensors[loss.args[1].id].value_ref(g.loss_tex)
            plain = mf.div(mf.sub(a, y), g.count(a.shape))
            yield (
                "weighted-loss-not-simplifiable",
                msg(
                    "mut.weighted",
                    grad=grad,
                    plain=formula_text(plain),
                    formula=formula_text(F),
                ),
                plain,
            )
    # activation derivatives: V → C = f(V)
    tree = next((t for n, t in g.spec.forward if n == cons[0]), None) if len(cons) == 1 else None
    if (
        isinstance(tree, ex.Call)
        and tree.func in ops.activations()
        and tree.args[0] == ex.Name(node)
        and g.tensors[cons[0]].grads is not None
    ):
        C = cons[0]
        up = g.tensors[C].grad_ref(g.loss_tex)
        v = g.tensors[node].value_ref(g.loss_tex)
        c = g.tensors[C].value_ref(g.loss_tex)
        f = tree.func
        op = ops.get(f)
        true_local = op.pull(mf, one, v, c, *_params(tree, op))  # the op's rule with up = 1
        deriv = f"{op.text}'"
        right = f"{grad} = d{C} * {formula_text(true_local, 2)}"
        yield (
            "missing-activation-derivative",
            msg("mut.missing_derivative", C=C, f=f, node=node, right=right, deriv=deriv),
            up,
        )
        params = _params(tree, op)
        alts = [
            (key, _slip(make, v, c, params)) for key, make in _slips(op) if key not in _AT_OUTPUT
        ]
        for key, alt in alts:
            desc = msg(f"mut.alt.{key}", C=C, node=node, deriv=deriv)
            yield (
                "wrong-activation-derivative",
                msg("mut.wrong_derivative", C=C, f=f, node=node, desc=desc, right=right),
                mf.mul(up, alt),
            )
        if visit.simplified:
            yield (
                "wrong-activation-derivative",
                msg(
                    "mut.counted_twice", deriv=deriv, node=node, grad=grad, formula=formula_text(F)
                ),
                mf.mul(F, true_local),
            )
    # an activation written out element-wise (tanh from exponentials): its derivative left out
    if tree is not None and g.tensors[cons[0]].grads is not None and _written_out(net, tree, node):
        C = cons[0]
        yield (
            "missing-activation-derivative",
            msg(
                "checkcodes2.missing_written_out",
                C=C,
                expr=formula_text(forward_ir(tree, g)),
                node=node,
                right=f"{grad} = {formula_text(F)}",
            ),
            g.tensors[C].grad_ref(g.loss_tex),
        )
        # the classic activations' derivatives for it (tanh's 1 − A² for softsign's
        # 1 / (1 + |Z|)²): as for a named activation without a slip list of its own
        v, c = g.tensors[node].value_ref(g.loss_tex), g.tensors[C].value_ref(g.loss_tex)
        right = f"{grad} = {formula_text(F)}"
        for key, make in ops.CLASSIC_SLIPS:
            if key in _AT_OUTPUT:
                continue
            desc = msg(f"mut.alt.{key}", C=C, node=node, deriv="f'")
            yield (
                "wrong-activation-derivative",
                msg(
                    "checkcodes2.wrong_written_out",
                    C=C,
                    expr=formula_text(forward_ir(tree, g)),
                    desc=desc,
                    right=right,
                ),
                mf.mul(g.tensors[C].grad_ref(g.loss_tex), _slip(make, v, c, ())),
            )
        yield from _product_factor_r43(net, F, C, tree, grad)
    yield from _sigma_twice_inline(net, F, grad)
    # structural slips in the visit's own formula
    masks: list[tuple[tuple[int, ...], mf.MExpr, mf.MExpr]] = []  # activation derivatives
    inline_slips: dict[str, list[tuple[tuple[int, ...], mf.MExpr, Msg]]] = {}  # heldcheck43: slip -> (path, factor)
    for path, e in positions(F):
        if isinstance(e, mf.T):
            yield (
                "missing-transpose",
                msg("mut.transpose", x=formula_text(e.x, 5), grad=grad, formula=formula_text(F)),
                replace_at(F, path, e.x),
            )
        if isinstance(e, mf.MatMul):
            yield (
                "operand-order",
                msg("mut.order", x=formula_text(e)),
                replace_at(F, path, mf.MatMul(e.b, e.a)),
            )
            for side, x in ((0, e.a), (1, e.b)):
                if not isinstance(x, mf.T) and x.shape != (1, 1):
                    wrapped = mf.MatMul(mf.T(x), e.b) if side == 0 else mf.MatMul(e.a, mf.T(x))
                    yield (
                        "extra-transpose",
                        msg(
                            "mut.extra_transpose",
                            x=formula_text(x, 5),
                            grad=grad,
                            formula=formula_text(F),
                        ),
                        replace_at(F, path, wrapped),
                    )
        if isinstance(e, mf.Mul):  # a mask written into the formula: relu'(X W + b) dropped
            for mask, rest in ((e.a, e.b), (e.b, e.a)):
                if rest.shape == e.shape and (
                    _is_mask(mask)
                    or _through_output(mask, rest)
                    or _derivative_at(net, mask)
                    or _power_derivative_heldcheck30(net, mask, rest)
                    or _activation_inside_heldcheck31(net, mask, rest)
                ):
                    masks.append((path, mask, rest))
                    yield (
                        "missing-activation-derivative",
                        msg(
                            "mut.missing_mask",
                            mask=formula_text(mask),
                            grad=grad,
                            formula=formula_text(F),
                        ),
                        replace_at(F, path, rest),
                    )
                    window = _window_heldcheck31(rest)
                    if window is not None:  # hardtanh′ = 𝟙[z > −1]·𝟙[z < 1], both dropped
                        yield (
                            "missing-activation-derivative",
                            msg(
                                "mut.missing_mask",
                                mask=formula_text(mf.mul(mask, window[1])),
                                grad=grad,
                                formula=formula_text(F),
                            ),
                            replace_at(F, path, window[0]),
                        )
                    yield from _whole_left_out(F, [path], rest, mask, grad)
                    right = f"{grad} = {formula_text(F)}"
                    for message, alt in _wrong_masks(net, mask, rest, right):
                        yield (
                            "wrong-activation-derivative",
                            message,
                            replace_at(F, path, mf.mul(rest, alt)),
                        )
                    for key, message, alt in _inline_slips_heldcheck43(net, mask, rest, right):
                        inline_slips.setdefault(key, []).append((path, mf.mul(rest, alt), message))
                        yield (
                            "wrong-activation-derivative",
                            message,
                            replace_at(F, path, mf.mul(rest, alt)),
                        )
                    break
        if isinstance(e, mf.Mul):
            # round 42: an inline activation whose slope the formula writes as several terms
            # (SiLU's σ(u) + u·σ(u)(1 − σ(u)) of hidden = F.silu(x @ W1 + b1)): every term
            # through dhidden dropped for dhidden alone — the whole derivative left out
            for mask, rest in ((e.a, e.b), (e.b, e.a)):
                if rest.shape == e.shape and _inline_activation_grad_r42(net, rest):
                    # the slope's own numbers too (GELU's ½ in (dA ⊙ (1 + erf(…)))/2)
                    yield from _whole_left_out(
                        F, [path, *_scaled_parents_r42(F, path)], rest, mask, grad
                    )
                    break
        if isinstance(e, mf.Neg) and not _inside_equality(F, path):
            yield "sign", msg("mut.minus", x=formula_text(e)), replace_at(F, path, e.x)
        if isinstance(e, mf.Add):
            for i, t in enumerate(e.terms):
                if any(u == t for u in e.terms[:i] + e.terms[i + 1 :]):
                    continue  # flipped, it cancels its twin: a term left out, not a sign
                flipped = list(e.terms)
                flipped[i] = mf.neg(t)
                yield (
                    "sign",
                    msg("mut.sign_inside", x=formula_text(e)),
                    replace_at(F, path, mf.Add(tuple(flipped))),
                )
        # a column-major network's bias (b = [n, 1], one example per column) sums its rows' δ
        # over the columns: the whole visit of a parameter, Σ_n δ^{(n)} = δ 𝟙
        col_bias = isinstance(e, mf.SumCols) and (
            (not path and node in g.spec.params) or _column_bias_heldcheck34(net, node)
        )
        if isinstance(e, mf.SumRows | mf.SumAll) or col_bias:
            yield (
                "bias-not-summed",
                msg("mut.bias", grad=grad, node=node, formula=formula_text(F)),
                replace_at(F, path, e.x),
            )
        if isinstance(e, mf.SumRows):
            for other, what in (
                (mf.SumCols(e.x), "axis_1"),
                (mf.T(mf.SumCols(e.x)), "axis_1"),  # NumPy's 1-D np.sum(x, axis=1): a row
                (mf.SumAll(e.x), "axis_all"),
            ):
                yield (
                    "wrong-sum-axis",
                    msg(f"mut.{what}", grad=grad, formula=formula_text(F)),
                    replace_at(F, path, other),
                )
    for slipped in inline_slips.values():  # heldcheck43: one slip at each inline activation (WGAN's two critics)
        if len(slipped) > 1 and len({p for p, _, _ in slipped}) == len(slipped):
            whole = F
            for p, alt, _ in sorted(slipped, key=lambda s: s[0], reverse=True):
                whole = replace_at(whole, p, alt)
            yield "wrong-activation-derivative", slipped[0][2], whole
    every = _without_all(F, masks)
    if every is not None:  # all of them left out (an LSTM's four gates, a GRU's two)
        yield (
            "missing-activation-derivative",
            msg(
                "checkcodes.missing_masks",
                masks=", ".join(formula_text(m) for _, m, _ in masks),
                grad=grad,
                formula=formula_text(F),
            ),
            every,
        )
    if top and F.shape != (1, 1):
        square = F.shape[0] == F.shape[1]
        yield (
            "operand-order" if square else "shape-mismatch",
            msg("mut.transposed", grad=grad, node=node),
            mf.T(F),
        )
    yield from _kernel_slips_cv43(F, visit.rule, grad)


def _rebuilt_cv43(e: Any, change: Callable[[Any], Any]) -> Any:
    """conv43: ``e`` with each node that ``change`` maps (not to ``None``) replaced, the rest
    rebuilt around it (``e`` itself where nothing changed)."""
    made = change(e)
    if made is not None:
        return made
    return rebuilt_every(e, lambda k: _rebuilt_cv43(k, change))


def _kernel_slips_cv43(F: mf.MExpr, rule: str, grad: str) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """conv43: the kernel slips of a convolution's gradient (code ``kernel-not-rotated``): ∂L/∂X
    correlating with K as it is instead of rot180(K) (or the reverse for a true convolution),
    or with K flipped along one axis only; ∂L/∂K turned by 180° when it must not be (or not
    turned back when it must)."""
    if not any(isinstance(n, mf.Corr) for n in every_node(F)):
        return
    if rule == "corr2d-kernel" or rule.startswith("corr2d") and "kernel" in rule:
        turned = F.x if isinstance(F, mf.Rot180) and F.axes == (0, 1) else mf.Rot180(F)
        yield (
            "kernel-not-rotated",
            msg("mut.kernel_rotated", grad=grad, formula=formula_text(F)),
            turned,
        )
        return

    def toggled(axes: tuple[int, ...]) -> Callable[[Any], Any]:
        def change(e: Any) -> Any:
            if not isinstance(e, mf.Corr) or not e.full and e.pad >= 0:
                return None  # (δX is the full correlation, cropped where the image was padded)
            b = e.b
            if isinstance(b, mf.Rot180) and b.axes == (0, 1):
                k = b.x if axes == (0, 1) else mf.Rot180(b.x, axes)
            elif axes == (0, 1):
                k = mf.Rot180(b)
            else:
                return None
            return dataclasses.replace(e, b=k)

        return change

    for axes, key in (
        ((0, 1), "mut.kernel_not_rotated"),
        ((0,), "mut.kernel_one_axis"),
        ((1,), "mut.kernel_one_axis"),
    ):
        wrong = _rebuilt_cv43(F, toggled(axes))
        if wrong is not F:
            yield ("kernel-not-rotated", msg(key, grad=grad, formula=formula_text(F)), wrong)


# functions that are no activation a student would swap a derivative for (exp, log, …)
_NOT_ACTIVATIONS = frozenset({"exp", "log", "sqrt", "sqrt0", "cos", "sin", "abs"})


# a derivative's formula applied to the activation's output, σ(A)(1 − σ(A)), 1 − tanh(H)²: where
# the activation's argument is a node of its own, that is the output standing where its input
# belongs, `wrong-layer` (corpora 5 and 15's policy); named so only where the argument is inline
_AT_OUTPUT = ("sigmoid_of_out", "tanh_of_out")


def _sigma_twice_inline(net: Net, F: mf.MExpr, grad: str) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """σ′ counted twice after a sigmoid of an expression (CS229's and Ng's ``h = σ(Xθ)`` under
    a cross-entropy, its gradient ``Xᵀ(h − y)/m``): ``(h − y) ⊙ h ⊙ (1 − h)``, the habit from
    the squared error. Where ``F`` holds ``h − y`` of such an ``h``; a named argument ``z`` has
    its own visit and gets the same slip there (``mut.counted_twice``)."""
    trees = dict(net.g.spec.forward)
    one = mf.Scalar(sp.Integer(1))
    for path, e in positions(F):
        if not (isinstance(e, mf.Add) and len(e.terms) == 2 and isinstance(e.terms[1], mf.Neg)):
            continue
        a = e.terms[0]
        if not (isinstance(a, mf.Ref) and a.kind == "value"):
            continue
        tree = trees.get(a.name)
        inline = isinstance(tree, ex.Call) and not isinstance(tree.args[0], ex.Name)
        if not (inline and tree.func == "sigmoid"):  # type: ignore[union-attr]
            continue
        slope = mf.mul(a, mf.sub(one, a))
        said = msg(
            "checkgaps34.sigma_twice",
            a=a.name,
            arg=formula_text(forward_ir(tree.args[0], net.g)),  # type: ignore[union-attr]
            plain=formula_text(e),
            grad=grad,
            formula=formula_text(F),
        )
        yield "wrong-activation-derivative", said, replace_at(F, path, mf.mul(e, slope))


def _slips(op: ops.Op) -> tuple[tuple[str, Callable[..., Any]], ...]:
    """The wrong local derivatives tried for ``op``: its own list; for an activation without
    one (softplus, atan, erf) the classic activations' derivatives (σ′ for softplus′ = σ is
    the slip of 邱锡鹏's softplus MLP) and the generic slips; for exp, log, … the generic ones."""
    base = op.slips or (ops.GENERIC_SLIPS if op.name in _NOT_ACTIVATIONS else ops.CLASSIC_SLIPS)
    return base + _SQUARED_HELDCHECK34 if op.name == "tanh" else base


# tanh′ written (1 - a) ** 2 for 1 - a ** 2: the power put on the difference (a precedence slip
# of the RNN courses' dtanh = (1 - a_next) ** 2 * da_next; was "unknown")
_SQUARED_HELDCHECK34: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("one_minus_squared_heldcheck34", lambda m, x, y: m.Pow(m.sub(m.Scalar(sp.Integer(1)), y), 2)),
)


def _slip(make, v: mf.MExpr, c: mf.MExpr, params: tuple[sp.Expr, ...]) -> mf.MExpr:  # type: ignore[no-untyped-def]
    """A wrong local derivative of an op's slip list; a builder that takes the op's parameters
    (a leaky ReLU's slope) gets them after ``(m, x, y)``."""
    extra = make.__code__.co_argcount - 3
    return make(mf, v, c, *params[:extra])


def _inside_equality(F: mf.MExpr, path: tuple[int, ...]) -> bool:
    """Is the node at ``path`` inside a comparison written out as masks (``y == k``, ``R != 0``:
    :func:`mform.equality_form`)? Its minus is the comparison's own: flipped, the two masks
    become one mask twice, which no student writes (a ``(R > 0)`` for ``R != 0`` was "a minus
    sign missing in -R" and "half the gradient")."""
    node = F
    for i in path:
        if isinstance(node, mf.Add) and mf.equality_form(node) is not None:
            return True
        node = subtrees(node)[i]
    return False


def _product_factor_r43(
    net: Net, F: mf.MExpr, C: str, tree: ex.Node, grad: str
) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """``wrong-activation-derivative`` for an activation written out as a product (Swish's
    ``Z * sigmoid(Z)``): one factor of one term of the product rule left out (``dA ⊙ Z ⊙ σ′(Z)``
    written ``dA ⊙ σ′(Z)``) — each factor of each term of ``F`` other than the gradient it
    carries."""
    if not isinstance(F, mf.Add):
        return
    right = f"{grad} = {formula_text(F)}"
    expr = formula_text(forward_ir(tree, net.g))
    for i, term in enumerate(F.terms):
        factors = mf.hadamard_factors(term)
        if len(factors) < 3:
            continue  # dA ⊙ f(Z): a factor dropped is the whole slope of this term
        for k, x in enumerate(factors):
            if isinstance(x, mf.Ref) and x.kind == "grad":
                continue
            rest = factors[:k] + factors[k + 1 :]
            if all(r.shape != term.shape for r in rest):
                continue
            kept = rest[0]
            for r in rest[1:]:
                kept = mf.mul(kept, r)
            yield (
                "wrong-activation-derivative",
                msg(
                    "checkcodes2.product_factor_r43",
                    C=C,
                    expr=expr,
                    x=formula_text(x),
                    term=formula_text(term),
                    right=right,
                ),
                mf.Add(tuple(kept if j == i else t for j, t in enumerate(F.terms))),
            )


def _whole_derivative_left_out(
    F: mf.MExpr, path: tuple[int, ...], rest: mf.MExpr
) -> mf.MExpr | None:
    """An activation whose derivative the formula writes as several terms (ELU's ``𝟙[z > 0]``
    and its ``exp(z)`` branch, each a term of its own of ``sum(dH * …) + sum(dH * …)``): with
    the mask at ``path`` left out of its term, the other top-level terms through the same
    gradient ``rest`` (``dH``) left out too — the whole derivative dropped, as a student drops
    it. None where no other term goes through ``rest``."""
    if not (isinstance(F, mf.Add) and path and isinstance(rest, mf.Ref) and rest.kind == "grad"):
        return None
    i = path[0]
    others = [t for j, t in enumerate(F.terms) if j != i]
    kept = [t for t in others if not any(x == rest for _, x in positions(t))]
    if len(kept) == len(others):
        return None
    mine = replace_at(F.terms[i], path[1:], rest)
    return mf.Add((mine, *kept)) if kept else mine


def _whole_left_out(
    F: mf.MExpr, paths: list[tuple[int, ...]], rest: mf.MExpr, mask: mf.MExpr, grad: str
) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """``missing-activation-derivative``: the formula with the derivative at each of ``paths``
    left out whole (:func:`_whole_derivative_left_out`), each distinct result once."""
    found = (_whole_derivative_left_out(F, p, rest) for p in paths)
    for whole in dict.fromkeys(w for w in found if w is not None):
        yield (
            "missing-activation-derivative",
            msg(
                "mut.missing_whole_derivative",
                up=formula_text(rest),
                mask=formula_text(mask),
                grad=grad,
                formula=formula_text(F),
            ),
            whole,
        )


def _is_mask(e: mf.MExpr) -> bool:
    """An activation's derivative written into a gradient formula: ``relu_grad(X W + b)``,
    ``1[Z > 0]`` (the activation applied inside another node's definition, no node of its own)."""
    return isinstance(e, mf.Indicator) or (isinstance(e, mf.Func) and e.name.endswith("_grad"))


def _window_heldcheck31(rest: mf.MExpr) -> tuple[mf.MExpr, mf.MExpr] | None:
    """``rest`` (the other factor beside a mask) without the masks multiplied into it, and
    those masks: an activation whose derivative is a window of two masks (hardtanh, clamp:
    ``𝟙[z > −1] 𝟙[z < 1]``) left out whole — None where ``rest`` holds no mask."""
    found: list[mf.MExpr] = []
    while isinstance(rest, mf.Mul):
        if _is_mask(rest.a) and rest.b.shape == rest.shape:
            found.append(rest.a)
            rest = rest.b
        elif _is_mask(rest.b) and rest.a.shape == rest.shape:
            found.append(rest.b)
            rest = rest.a
        else:
            break
    if not found:
        return None
    masks = found[0]
    for f in found[1:]:
        masks = mf.mul(masks, f)
    return rest, masks


def _through_output(factor: mf.MExpr, up: mf.MExpr) -> bool:
    """An activation's derivative written through its own output next to that output's
    gradient: ``δ_A ⊙ (1 − A²)`` (tanh′), ``δ_Ŷ ⊙ Ŷ(1 − Ŷ)`` (σ′) — the factor reads only the
    value of the node whose gradient it multiplies (``np.tanh(X @ W)`` has no node of its own
    for the pre-activation)."""
    if not (isinstance(up, mf.Ref) and up.kind == "grad"):
        return False
    refs = [x for _, x in positions(factor) if isinstance(x, mf.Ref)]
    return bool(refs) and all(r.kind == "value" and r.name == up.name for r in refs)


def _wrong_masks(
    net: Net, mask: mf.MExpr, rest: mf.MExpr, right: str
) -> Iterator[tuple[Msg, mf.MExpr]]:
    """The op's typical wrong derivatives (``slips``) for an activation derivative written
    through its output where the activation's argument is no node of its own: ``dH * H(1 - H)``
    for ``H = tanh(X @ W1 + b1)`` (σ′ for tanh′): (message, wrong factor)."""
    if not (isinstance(rest, mf.Ref) and _through_output(mask, rest)):
        return
    g = net.g
    tree = next((t for n, t in g.spec.forward if n == rest.name), None)
    if not (
        isinstance(tree, ex.Call)
        and tree.func in ops.activations()
        and tree.args
        and not isinstance(tree.args[0], ex.Name)  # a named argument has its own visit
    ):
        return
    op = ops.get(tree.func)
    v = forward_ir(tree.args[0], g)
    c = g.tensors[rest.name].value_ref(g.loss_tex)
    node = formula_text(v)
    for key, make in _slips(op):
        desc = msg(f"mut.alt.{key}", C=rest.name, node=node, deriv=f"{op.text}'")
        message = msg(
            "mut.wrong_derivative", C=rest.name, f=tree.func, node=node, desc=desc, right=right
        )
        yield message, make(mf, v, c)


def _written_out(net: Net, tree: ex.Node, node: str) -> bool:
    """Is ``tree`` an activation of ``node`` written out element-wise, other than a call of a
    named activation on ``node`` itself: a function of ``node`` (numbers and the network's
    inputs, parameters and constants aside: a threshold subtracted), through
    element-wise arithmetic and functions, at least one of them (``(exp(z) - exp(-z)) /
    (exp(z) + exp(-z))``), and of ``node``'s shape?"""
    calls = 0
    todo = [tree]
    spec = net.g.spec
    leaves = set(spec.inputs) | set(spec.params) | set(spec.constants)
    while todo:
        t = todo.pop()
        if isinstance(t, ex.Name):
            if t.id != node and t.id not in leaves:
                return False  # a leaf beside it is a shift or scale (西瓜书's σ(α_h − γ_h))
        elif isinstance(t, ex.Call):
            if t.func not in ops.table() or ops.get(t.func).kind != ops.ELEMENTWISE or t.kwargs:
                return False
            calls += 1
            todo.extend(t.args)
        elif isinstance(t, ex.BinOp):
            if t.op == "@":
                return False
            todo.extend((t.left, t.right))
        elif isinstance(t, ex.Neg):
            todo.append(t.operand)
        elif isinstance(t, ex.Pow):
            todo.append(t.base)
        elif not isinstance(t, ex.Num):
            return False
    named = isinstance(tree, ex.Call) and tree.func in ops.activations()
    named = named and tree.args[0] == ex.Name(node)  # type: ignore[union-attr]
    (C,) = net.g.consumers[node]
    return calls > 0 and not named and net.g.tensors[node].shape == net.g.tensors[C].shape


def _derivative_at(net: Net, factor: mf.MExpr) -> bool:
    """An activation's derivative at an expression that is no node of its own, written into a
    gradient: ``1 − tanh(c)²`` where ``hh = o * tanh(c)`` — the factor equals the op's local
    derivative (its pull rule with upstream 1) at the argument of an activation it applies."""
    funcs = [x for _, x in positions(factor) if isinstance(x, mf.Func)]
    for fn in funcs:
        if fn.name not in ops.activations():
            continue
        op = ops.get(fn.name)
        if op.pull is None:
            continue
        params = (fn.slope,) if fn.slope is not None else ()
        local = op.pull(mf, mf.Scalar(sp.Integer(1)), fn.x, fn, *params)
        a = floats(evaluate(factor, System(net.rand, 0)))
        b = floats(evaluate(local, System(net.rand, 0)))
        if a is not None and b is not None and a.shape == b.shape and close(a, b):
            return True
    return False


def _power_derivative_heldcheck30(net: Net, factor: mf.MExpr, up: mf.MExpr) -> bool:
    """A power activation's derivative written into a gradient next to its output's gradient:
    ``dH ⊙ 2(X W)`` where ``H = np.square(X @ W)`` (CS189's quadratic activation, no node of its
    own for ``X W``) — the factor equals ``p · u^(p−1)`` at the power's base ``u``."""
    if not (isinstance(up, mf.Ref) and up.kind == "grad"):
        return False
    g = net.g
    tree = next((t for n, t in g.spec.forward if n == up.name), None)
    if not isinstance(tree, ex.Pow) or isinstance(tree.base, ex.Name) or tree.exponent in (0, 1):
        return False
    try:
        a = floats(evaluate(factor, System(net.rand, 0)))
        u = floats(evaluate(forward_ir(tree.base, g), System(net.rand, 0)))
    except Exception:  # noqa: BLE001 - a base the evaluator does not take: no such factor
        return False
    if a is None or u is None or a.shape != u.shape:
        return False
    p = float(tree.exponent)
    with np.errstate(all="ignore"):
        local = p * u ** (p - 1)
    return bool(np.all(np.isfinite(local))) and close(a, local)


def _inline_activation_grad_r42(net: Net, up: mf.MExpr) -> bool:
    """``up`` is the gradient of a node defined as one activation of an argument with no node of
    its own (``hidden = F.silu(x @ W1 + b1)``): every term of a parameter's gradient through it
    carries that activation's slope."""
    if not (isinstance(up, mf.Ref) and up.kind == "grad"):
        return False
    tree = next((t for n, t in net.g.spec.forward if n == up.name), None)
    if tree is None:
        return False
    if isinstance(tree, ex.Call) and tree.func in ops.activations() and tree.args:
        return not isinstance(tree.args[0], ex.Name)
    # an activation spelled out (F.silu as u·σ(u), GELU as u/2·(1 + erf(u/√2))): an element-wise
    # function of one inline argument u, the argument of one of its calls
    inner = [
        u
        for c in ex.subtrees(tree)
        if isinstance(c, ex.Call) and c.func in ops.activations()
        for a in c.args[:1]
        for u in ex.subtrees(a)  # erf's x/√2 holds the x of GELU's x/2
        # a plain name is a node (or leaf) of its own: an activation written out on a named
        # node (A = Z * sigmoid(Z)) is _written_out's, whose slips name the slope used
        if not isinstance(u, (ex.Num, ex.Name)) and ex.names(u)
    ]
    return any(_elementwise_of_r42(tree, u) for u in inner)


def _scaled_parents_r42(F: mf.MExpr, path: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The paths above ``path`` in ``F`` that only scale it by a number (``c·X``)."""
    out = []
    while path:
        parent = path[:-1]
        node = dict(positions(F)).get(parent)
        if not (isinstance(node, mf.Mul) and mf.Scalar in (type(node.a), type(node.b))):
            break
        out.append(parent)
        path = parent
    return out


def _elementwise_of_r42(t: ex.Node, u: ex.Node) -> bool:
    """``t`` is built from ``u``, numbers and element-wise functions alone."""
    if t == u or isinstance(t, ex.Num):
        return True
    if isinstance(t, ex.BinOp):
        return (
            t.op in ("+", "-", "*", "/")
            and _elementwise_of_r42(t.left, u)
            and _elementwise_of_r42(t.right, u)
        )
    if isinstance(t, ex.Neg):
        return _elementwise_of_r42(t.operand, u)
    if isinstance(t, ex.Pow):
        return _elementwise_of_r42(t.base, u)
    if isinstance(t, ex.Call):
        return (
            (t.func in ops.activations() or t.func == "sqrt")
            and not t.kwargs
            and all(_elementwise_of_r42(a, u) for a in t.args)
        )
    return False


def _inline_slips_heldcheck43(
    net: Net, factor: mf.MExpr, up: mf.MExpr, right: str
) -> Iterator[tuple[str, Msg, mf.MExpr]]:
    """heldcheck43: the op's typical wrong derivatives (``slips``: ReLU's mask for a leaky ReLU's,
    an ELU's or a tanh's slope) in place of ``factor``, the local derivative of an activation
    applied inline — to an argument with no node of its own — inside the definition of the
    node whose gradient ``up`` is (:func:`_activation_inside_heldcheck31`; WGAN's
    ``F.leaky_relu(real @ W1 + b1, 0.2) @ w2``, ``tf.nn.elu(x @ W1 + b1)``): (slip, message, factor)."""
    grads = [e.name for _, e in positions(up) if isinstance(e, mf.Ref) and e.kind == "grad"]
    if len(set(grads)) != 1:  # the gradient of one node (times what follows it: df_fake @ w2.T)
        return
    g = net.g
    tree = next((t for n, t in g.spec.forward if n == grads[0]), None)
    todo = [tree] if tree is not None else []
    while todo:
        t = todo.pop()
        if isinstance(t, ex.Call):
            todo.extend(t.args)
            if not (t.func in ops.activations() and t.args and not isinstance(t.args[0], ex.Name)):
                continue
            op = ops.get(t.func)
            if op.pull is None:
                continue
            try:
                v, y = forward_ir(t.args[0], g), forward_ir(t, g)
                params = _params(t, op)
                local = op.pull(mf, mf.Scalar(sp.Integer(1)), v, y, *params)
                a = floats(evaluate(factor, System(net.rand, 0)))
                b = floats(evaluate(local, System(net.rand, 0)))
            except Exception:  # noqa: BLE001 - an argument the evaluator does not take
                continue
            if a is None or b is None or a.shape != b.shape or not close(a, b):
                continue
            node = formula_text(v)
            for key, make in _slips(op):
                if key in _AT_OUTPUT:
                    continue
                desc = msg(f"mut.alt.{key}", C=grads[0], node=node, deriv=f"{op.text}'")
                yield key, msg("mut.wrong_derivative", C=grads[0], f=t.func, node=node, desc=desc, right=right), _slip(make, v, y, params)
            return
        elif isinstance(t, ex.BinOp):
            todo.extend((t.left, t.right))
        elif isinstance(t, ex.Neg):
            todo.append(t.operand)


def _activation_inside_heldcheck31(net: Net, factor: mf.MExpr, up: mf.MExpr) -> bool:
    """An activation's derivative written into a gradient next to the gradient of a node that
    applies the activation inside its definition to an argument with no node of its own:
    ``dvar ⊙ σ(h w_var)`` where ``var = F.softplus(h @ w_var) + 1e-3`` (Bishop's variance head)
    — the factor equals the activation's local derivative (its pull rule with upstream 1) at
    that argument."""
    if not (isinstance(up, mf.Ref) and up.kind == "grad"):
        return False
    g = net.g
    tree = next((t for n, t in g.spec.forward if n == up.name), None)
    todo = [tree] if tree is not None else []
    calls: list[ex.Call] = []
    while todo:
        t = todo.pop()
        if isinstance(t, ex.Call):
            if t.func in ops.activations() and t.args and not isinstance(t.args[0], ex.Name):
                calls.append(t)
            todo.extend(t.args)
        elif isinstance(t, ex.BinOp):
            todo.extend((t.left, t.right))
        elif isinstance(t, ex.Neg):
            todo.append(t.operand)
    for call in calls:
        op = ops.get(call.func)
        if op.pull is None:
            continue
        try:
            v, y = forward_ir(call.args[0], g), forward_ir(call, g)
            local = op.pull(mf, mf.Scalar(sp.Integer(1)), v, y, *_params(call, op))
            a = floats(evaluate(factor, System(net.rand, 0)))
            b = floats(evaluate(local, System(net.rand, 0)))
        except Exception:  # noqa: BLE001 - an argument the evaluator does not take: no such factor
            continue
        if a is not None and b is not None and a.shape == b.shape and close(a, b):
            return True
    return False


def _without_all(
    F: mf.MExpr, masks: list[tuple[tuple[int, ...], mf.MExpr, mf.MExpr]]
) -> mf.MExpr | None:
    """``F`` with every activation derivative in ``masks`` left out at once (those not inside
    another), or None where there are fewer than two."""
    outer = [
        (p, rest)
        for p, _, rest in masks
        if not any(q != p and p[: len(q)] == q for q, _, _ in masks)
    ]
    if len(outer) < 2:
        return None
    for p, rest in sorted(outer, key=lambda x: -len(x[0])):
        F = replace_at(F, p, rest)
    return F


def _params(tree: ex.Call, op: ops.Op) -> tuple[sp.Expr, ...]:
    """The op's parameters (leaky ReLU's negative slope) as the network's node writes them (a
    number, or by keyword); the table's default when left out, as in the spec language."""

    def number(n: ex.Node | None) -> sp.Expr | None:
        if isinstance(n, ex.Num):
            return sp.Rational(n.value.numerator, n.value.denominator)
        if isinstance(n, ex.Neg) and isinstance(n.operand, ex.Num):
            v = -n.operand.value
            return sp.Rational(v.numerator, v.denominator)
        return None

    args = tuple(number(a) for a in tree.args)
    kwargs = {k: number(v) for k, v in tree.kwargs}
    got = ops.call_params(op, args, kwargs)
    return tuple(v if isinstance(v, sp.Expr) else sp.Rational(v) for v in got)
