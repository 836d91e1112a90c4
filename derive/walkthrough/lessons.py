"""Teaching points of the source texts, found in what a derivation contains (never by network
name), each with its verified equations and numbers.

========================  =======================================================================
``factor-two``            the loss scales a library loss (``½·MSE``): PyTorch's bare
                          ``F.mse_loss`` gives 2× our gradient — compare like with like
``batch-mean``            sigmoid + mean BCE: where ``1/m`` lives (``m·δ_Z = Ŷ − Y`` per sample,
                          and the parameter gradients with ``1/m`` written out)
``weighted-bce``          the weighted BCE does not simplify to ``Ŷ − Y`` (numbers side by side)
``transpose-order``       why ``Xᵀ·δ_Z`` and not another order: the shapes decide
``symmetry``              symmetric (e.g. all-zero) initialisation never breaks the symmetry of
                          this network's hidden units (proven on its own parameters)
``sgd``                   the gradient-descent update, as code
========================  =======================================================================

Equations made here are proved with the engine's :class:`~derive.engine.steps.Checker` over the
derivation's definitions, exactly like the derivation's own steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import Derivation, bce_target, loss_term
from derive.engine.graph import forward_ir
from derive.engine.printing import latex, name_tex
from derive.engine.steps import Checker, StepError, Term, prove
from derive.lang import expr as ex
from derive.lang import ops
from derive.numeric.example import Example, as_mpf, fmt
from derive.walkthrough.codegen import DEFAULT_LR, scaled_loss, torch_code
from derive.walkthrough.intuition import (
    _clips,
    _num_tex,
    axis_of,
    in_product,
    one_per_example,
    recurs,
    sum_terms,
    written_mean,
)
from derive.walkthrough.records import Eq, Math, Pieces, Values, grad_tex, shape_tex, walk
from derive.walkthrough.recur import map_refs
from derive.walkthrough.tidy import tidy


@dataclass(frozen=True)
class Lesson:
    """``key`` selects the prose (locale ``lessons.<key>``); ``math`` fills its placeholders;
    ``eqs``, ``values`` and ``code`` are shown with it; ``proofs`` are linked."""

    key: str
    math: tuple[tuple[str, str], ...] = ()
    eqs: tuple[Eq, ...] = ()
    values: tuple[Values, ...] = ()
    code: tuple[str, ...] = ()
    proofs: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # further catalogue keys of the lesson, shown after it
    parts: tuple[tuple[str, tuple[Eq, ...]], ...] = ()  # (catalogue key, its equations), after
    reasons: bool = True  # False: the body already says why ``eqs`` hold (no "Why." lines)
    body: str = "body"  # the catalogue key of the lesson's first paragraph



def _undefined(zero: Checker, grads: Any) -> bool:
    """Some entry of a gradient divides by 0 where every parameter is 0 (a row length of 0 under
    ``z/‖z‖``), at a point of the inputs; any other failure is not called that."""
    try:
        for e in sp.ImmutableMatrix(grads):
            zero.value(e, 0)
    except ZeroDivisionError:
        return True
    except Exception:  # noqa: BLE001 — outside the domain otherwise: said as before
        return False
    return False

def _term(m: mf.MExpr) -> Term:
    return Term(m, m.tex(), m.text(), m.shape)


def _scalar_symbols(m: Any) -> set:
    """The size and constant symbols of the numbers in the matrix form ``m``."""
    if isinstance(m, mf.Scalar):
        return set(m.expr.free_symbols)
    if isinstance(m, tuple):
        return set().union(*(_scalar_symbols(v) for v in m))
    if not isinstance(m, mf.MExpr):
        return set()
    return set().union(*(_scalar_symbols(v) for v in vars(m).values()))


def _substitute(m: Any, name: str, by: mf.MExpr) -> Any:
    """``m`` with the gradient reference of ``name`` replaced by ``by``."""
    return map_refs(m, lambda r: by if (r.name, r.kind) == (name, "grad") else r)


def lessons(d: Derivation, pc: Pieces, report: Any, detail: str = "full") -> list[Lesson]:
    """The lessons that apply to ``d``, in reading order (``detail``: the handout's; below
    ``full`` the common mistakes show one row of a tall gradient, :func:`_one_row`)."""
    g, spec = d.graph, d.spec
    checker = Checker(defs=dict(d.defs))
    out: list[Lesson] = []
    found = scaled_loss(spec.forward[-1][1])
    if found is not None:
        scale, call = found
        p = g.tensors[next(iter(spec.params))]
        ratio = 1 / scale
        math = [
            ("scale", latex(sp.Rational(scale.numerator, scale.denominator))),
            ("ratio", latex(sp.Rational(ratio.numerator, ratio.denominator))),
            ("param", p.tex),
        ]
        after: tuple[str, ...] = ()
        if report is not None and report.loss_scale is not None:
            math.append(("measured", f"{report.loss_scale[1]:.6g}"))
            after = ("measured",)
        bare = Math(
            f"\\frac{{\\partial}}{{\\partial {p.tex}}} \\operatorname{{{mf.LOSS_TEX[call.func]}}}"
        )
        out.append(
            Lesson(
                "factor-two",
                tuple((k, Math(v)) for k, v in math),
                (),
                (
                    pc.values(grad_tex(d, p.name), p.grads),
                    pc.values(bare, p.grads * sp.Rational(ratio.numerator, ratio.denominator)),
                ),
                (f"{spec.loss} = {torch_code(spec.forward[-1][1])}", f"bare = {torch_code(call)}"),
                after=after,
                body="body.sum" if call.func == "sse" else "body",  # the code names the sum
            )
        )
    for v in d.backward:
        if v.rule not in ("sigmoid-bce", "weighted-bce", "softmax-ce"):
            continue
        z = g.tensors[v.name]
        a = g.tensors[g.consumers[v.name][0]]
        y = _target(d, a.name, "cross_entropy" if v.rule == "softmax-ce" else "bce")
        if y is None:
            continue  # log_softmax + NLL written by hand: A is not the probabilities
        # the count the mean divides by: the rows (a batch-first network), else every entry
        # or the columns (column-major course code, a cross-entropy written out by hand)
        counts: list[mf.Scalar] = []
        for shape in ((z.shape[0],), z.shape, (z.shape[-1],)):
            c = mf.Scalar(g.count(shape).expr, g.scalar_names())
            if all(c.expr != k.expr for k in counts):
                counts.append(c)
        # a size of 1 (Ng's n_y) hides in a count: m·n_y and m agree at the example sizes, so
        # the count whose sizes the derived δ holds comes first (−Σ/m is m, a mean of all m·n_y)
        held = _scalar_symbols(v.formula)
        counts.sort(key=lambda c: not c.expr.free_symbols <= held)
        m = counts[0]
        eqs = []
        if v.rule in ("sigmoid-bce", "softmax-ce"):
            step = None
            for m in counts:
                try:
                    with checker.now():
                        step = prove(
                            checker,
                            _term(mf.mul(m, z.grad_ref(g.loss_tex))),
                            _term(mf.sub(a.value_ref(g.loss_tex), y)),
                            v.rule,
                            "lesson.per-sample",
                        )
                    break
                except StepError:
                    continue
            if step is None:
                continue  # a mean over another count (a sum written out without it)
            eqs.append(pc.eq(step, z.shape))
        for w in d.backward:
            if w.kind == "param" and any(c.source == v.name for c in w.contributions):
                rhs = _substitute(w.formula, v.name, v.formula)
                t = g.tensors[w.name]
                step = prove(
                    checker,
                    _term(t.grad_ref(g.loss_tex)),
                    _term(rhs),
                    w.rule,
                    "lesson.substitute",
                    via=v.name,
                )
                eqs.append(pc.eq(step, t.shape))
        math = (("m", Math(m.tex())), ("Z", Math(z.tex)), ("A", Math(a.tex)), ("Y", Math(y.tex())))
        out.append(Lesson("batch-mean", math, tuple(eqs)))
        if v.rule == "weighted-bce":
            out.append(
                Lesson(
                    "weighted-bce",
                    math,
                    (),
                    (
                        pc.values(f"{m.tex()} \\cdot {grad_tex(d, v.name)}", z.grads * m.expr),
                        pc.values(f"{a.tex} - {y.tex()}", a.symbols - _symbols(y)),
                    ),
                )
            )
    out = _batch_means_once(out)
    shared = _shared_weight(d)
    if shared is not None:
        t = g.tensors[shared.name]
        vals = [pc.values(c.step.lhs.tex, c.elementwise) for c in reversed(shared.contributions)]
        vals.append(pc.values(grad_tex(d, shared.name), t.grads))
        out.append(
            Lesson(
                "bptt",
                (("W", Math(t.tex)), ("uses", Math(str(len(shared.contributions))))),
                (pc.eq(shared.total, t.shape),) if shared.total is not None else (),
                tuple(vals),
                reasons=False,
            )
        )
    # ReLU at exactly 0 is one of the common mistakes (relu against clamp, with the masks)
    weights = [v for v in d.backward if v.kind == "param" and v.rule == "linear-weight"]
    wide = [
        v
        for v in weights
        if min(int(x) for x in g.tensors[v.name].shape) > 1 or len(g.tensors[v.name].symbols) > 1
    ]
    if wide:
        v = wide[-1]
        c = v.contributions[0]
        shapes = _order_by_shapes(g, v.name, c.formula)
        if shapes is not None:  # the alternatives with their shapes, not the step again
            fits = dict(shapes)["fits"] == "1"
            out.append(
                Lesson(
                    "transpose-order",
                    tuple(kv for kv in shapes if kv[0] != "fits"),
                    proofs=("linear-weight",),
                    reasons=False,
                    body="body.shapes.square" if fits else "body.shapes",
                    after=("shapes.batch",) if _input_rows(c.formula) > 1 else (),
                )
            )
    if wide and shapes is None:
        out.append(
            Lesson(
                # a weight used transposed (z = x wᵀ) has no transpose in its gradient: the
                # lesson is then about the order of the factors only
                "transpose-order" if _value_transposed(c.formula) else "product-order",
                (("W", Math(g.tensors[v.name].tex)),),
                (pc.eq(c.step, g.tensors[v.name].shape, "linear-weight"),),
                proofs=("linear-weight",),
                reasons=False,
                # one example: no sum over a batch to speak of
                body="body" if _input_rows(c.formula) > 1 else "body.one",
            )
        )
    # symmetric initialisation, proven on this network's own hidden layer; a network without
    # one (attention, batch norm) gets no generic argument about some other network
    found_sym = symmetry(d, pc, detail)
    if found_sym is not None:
        out.append(found_sym)
    found_mistakes = mistakes(d, pc)
    if found_mistakes is not None and detail != "full":
        found_mistakes = _one_row(found_mistakes, _drift_row(d, pc))
    lr = _lr_tex(float(spec.train.get("lr", DEFAULT_LR)))
    out.append(
        Lesson("sgd", (("lr", lr),), code=tuple(f"{p} = {p} - lr * d{p}" for p in spec.params))
    )
    if found_mistakes is not None:
        out.append(found_mistakes)
    return out


def _batch_means_once(found: list[Lesson]) -> list[Lesson]:
    """``found`` with its "where the 1/m lives" notes of one batch size said once: a network
    with several mean cross-entropy heads (DeepFM's deep, second-order and first-order parts)
    got the same title and paragraph once per head. One note names every head's δ, shows each
    ``m·δ = Ŷ − Y`` (one reason: one "Why." after them) and then every parameter gradient
    with the ``1/m`` written out — every equation of the separate notes, none left out."""
    by_m: dict[str, list[Lesson]] = {}
    for ls in found:
        if ls.key == "batch-mean":
            by_m.setdefault(dict(ls.math)["m"], []).append(ls)
    out = []
    for ls in found:
        group = by_m.get(dict(ls.math)["m"], []) if ls.key == "batch-mean" else []
        if len(group) < 2:
            out.append(ls)
        elif ls is group[0]:
            per_sample = _one_chain(
                [e for g in group for e in g.eqs if e.reason == "lesson.per-sample"]
            )
            rest = [e for g in group for e in g.eqs if e.reason != "lesson.per-sample"]
            heads = Math(", ".join(f"\\delta_{{{dict(g.math)['Z']}}}" for g in group))
            math = (*ls.math, ("Zs", heads))
            out.append(Lesson("batch-mean", math, (*per_sample, *rest), body="body.many"))
    return out


def _one_chain(eqs: list[Eq]) -> list[Eq]:
    """``m·δ_a = Ŷ − Y``, ``m·δ_b = Ŷ − Y`` … of one right-hand side (DeepFM's three heads of one
    σ) written as one chain, ``m·δ_a = m·δ_b = … = Ŷ − Y``, with one table of shapes: each
    equality is proven on its own, the chain says them all at once."""
    out: list[Eq] = []
    for e in eqs:
        same = next((i for i, o in enumerate(out) if o.rhs == e.rhs and o.reason == e.reason), None)
        if same is None:
            out.append(e)
            continue
        o = out[same]
        groups: dict[str, list[str]] = {}
        for names, shape in (*o.shape_rows, *e.shape_rows):
            kept = groups.setdefault(shape, [])
            kept.extend(n for n in names.split(", ") if n not in kept)
        sides = [*str(o.lhs).split(" = "), str(e.lhs)]  # the chain's sides first, in order
        for k, n in groups.items():
            groups[k] = [x for x in sides if x in n] + [x for x in n if x not in sides]
        rows = tuple((Math(", ".join(n)), Math(k)) for k, n in groups.items())
        line = Math(" \\quad ".join(f"{', '.join(n)}: {k}" for k, n in groups.items()))
        out[same] = replace(o, lhs=Math(f"{o.lhs} = {e.lhs}"), shape_rows=rows, shapes=line)
    return out


def shown_closed(found: list[Lesson], backward: tuple[Any, ...]) -> list[Lesson]:
    """``found`` with a "where the 1/m lives" note that would write out, with ``1/m``, exactly
    the parameter gradients section 3 shows already as their one formula (character for
    character: the same closed forms, DeepFM's five) saying so instead of showing them twice."""
    shown = {(b.closed.lhs, b.closed.rhs) for b in backward if getattr(b, "closed", None)}
    out = []
    for ls in found:
        rest = [e for e in ls.eqs if e.reason == "lesson.substitute"]
        kept = tuple(e for e in ls.eqs if e.reason != "lesson.substitute")
        if (
            ls.key != "batch-mean"
            or any((e.lhs, e.rhs) not in shown for e in rest)
            # the pointer is a sentence of two lines: it saves a page's lines from three
            # equations on (two narrow ones share a line); and "Written out:" needs a line
            or len(rest) < 3
            or not kept
        ):
            out.append(ls)
            continue
        out.append(replace(ls, eqs=kept, after=(*ls.after, "closed")))
    return out


def _order_by_shapes(g: Any, w: str, m: Any) -> tuple[tuple[str, Math], ...] | None:
    """The placeholders of "why the transpose" said with the shapes, for a weight's gradient
    ``Vᵀ G`` (the layer's input ``V``, r × p, and the upstream gradient ``G``, r × q): ``Vᵀ G`` is
    p × q, the weight's shape; ``Gᵀ V`` is q × p, its transpose; ``V G`` multiplies only where
    p = r, and ``Vᵀ Gᵀ`` where r = q (then "only" is not said). None for any other form and for
    a square weight (the step is then shown again, as before)."""
    if not (isinstance(m, mf.MatMul) and isinstance(m.a, mf.T)):
        return None
    V, G = m.a.x, m.b
    if not (
        isinstance(V, mf.Ref) and V.kind == "value" and isinstance(G, mf.Ref) and G.kind == "grad"
    ):
        return None
    (r, p), (r2, q) = V.shape, G.shape

    def same(a: Any, b: Any) -> bool:  # equal at the example (m = n_h = 2 counts: the
        return int(a) == int(b)  # claims below must hold for the numbers a student runs)

    if same(p, q):  # a square weight: its transpose has its shape too; said as before
        return None
    wrong = mf.MatMul(mf.T(G), V)
    pr, rq = shape_tex((p, r)), shape_tex((r2, q))
    # "only Vᵀ G has that shape" needs V G (p = r) and Vᵀ Gᵀ (r = q) not to multiply
    fits = same(p, r) or same(r2, q)  # V G: (r × p)(r × q) multiplies only where p = r
    return (
        ("W", Math(g.tensors[w].tex)),
        ("Ws", shape_tex(g.tensors[w].shape)),
        ("V", Math(V.tex())),
        ("Vs", shape_tex((r, p))),
        ("G", Math(G.tex())),
        ("Gs", shape_tex((r2, q))),
        ("F", Math(m.tex())),
        ("Fa", pr),  # (p × r) times (r × q): two spans, so a line may break between them
        ("Fb", rq),
        ("R", Math(wrong.tex())),
        ("Rs", shape_tex((q, p))),
        ("VG", Math(mf.MatMul(V, G).tex())),
        ("fits", Math("1" if fits else "")),
    )


def _value_transposed(m: Any) -> bool:
    """Whether a forward value appears transposed in ``m`` (``Xᵀ δ_Z``, not ``δ_z x``)."""
    found: list[bool] = []

    def visit(n: object) -> None:
        if isinstance(n, mf.T):
            walk(n.x, lambda r: found.append(isinstance(r, mf.Ref) and r.kind == "value"))

    walk(m, visit)
    return any(found)


def _input_rows(m: Any) -> int:
    """The rows (examples) of the forward value in a weight's gradient ``m`` (``Xᵀ δ_Z``: X's)."""
    rows = [1]

    def visit(r: object) -> None:
        if isinstance(r, mf.Ref) and r.kind == "value":
            rows.append(r.symbols.rows)

    walk(m, visit)
    return max(rows)


def _shared_weight(d: Derivation) -> Any:
    """A parameter used by several assignments (a weight shared across the steps of an unrolled
    recurrent network): one that meets its own earlier output on the same side (``h_1 @ W_h``,
    :func:`recurs`), the recurrent weight; ``None`` when no parameter is shared so (a weight
    used side by side on two batches, or as ``X`` and ``Xᵀ`` in one pass, is no recurrence)."""
    g = d.graph
    trees = dict(g.spec.forward)

    def steps(v: Any) -> int:  # the uses in a matrix product (not a penalty Σ w² beside them)
        return sum(1 for c in v.contributions if in_product(trees[c.source], v.name))

    shared = [v for v in d.backward if v.kind == "param" and steps(v) > 1]
    if not shared:
        return None

    def recurrent(v: Any) -> bool:  # p @ (…) with (…) made by p on the same side (recurs)
        return any(recurs(trees, v.name, trees[c.source]) for c in v.contributions)

    # only a recurrence is "one contribution per step" (not a GAN's real and fake batches)
    return next((v for v in shared if recurrent(v)), None)


def _target(d: Derivation, name: str, func: str) -> Any:
    """The target ``Y`` of the loss term ``func(name, Y)`` (the loss or one added term of it),
    in matrix form; for probabilities ``name = softmax(…)`` under a cross-entropy written by hand
    (``-np.mean(np.log(probs[np.arange(N), y]))``), the one-hot targets the loss uses; ``None``
    when neither (log_softmax + NLL: ``name`` is not the probabilities)."""
    g = d.graph
    term = loss_term(g.nodes[-1].tree, name, func)
    if term is not None:
        return forward_ir(term.args[1], g)
    written = bce_target(g, name) if func == "bce" else None
    if written is not None:  # a cross-entropy written out by hand (CS229's, Ng's)
        return forward_ir(written, g)
    tree = next(n.tree for n in g.nodes if n.name == name)
    found = [y for y in g.spec.one_hot if y in ex.names(g.nodes[-1].tree)]
    if func != "cross_entropy" or len(found) != 1:
        return None
    if not (isinstance(tree, ex.Call) and tree.func == "softmax"):
        return None
    return forward_ir(ex.Name(found[0]), g)


def _symbols(m: mf.MExpr) -> sp.MatrixBase:
    """The entry symbols of a tensor reference (the loss target ``Y``)."""
    assert isinstance(m, mf.Ref)
    return m.symbols


# ---- symmetric (zero) initialisation, on this network ------------------------------------------


def _column(entries: Any, col: int) -> Math:
    """LaTeX of column ``col`` of a grid of entry LaTeX: the entry, or a column vector."""
    cells = [row[col] for row in entries]
    if len(cells) == 1:
        return Math(cells[0])
    return Math("\\begin{bmatrix} " + " \\\\ ".join(cells) + " \\end{bmatrix}")


def _hidden_layer(d: Derivation) -> tuple[str, list[str], str, list[str]] | None:
    """``(W1, biases, W2, hidden nodes)``: the first weight matrix, the bias rows added in its
    node, the next weight matrix that reads the hidden units, and the node tensors in between
    (one column per hidden unit); ``None`` when the network has no hidden layer."""
    linear = _linear_weights(d)
    w1 = next((p for p in d.spec.params if p in linear), None)
    return None if w1 is None else _layer_after(d, w1, linear)


def _linear_weights(d: Derivation) -> dict[str, str]:
    """The parameters used as a linear layer's weights, each with the node where it is (a
    weight under an L2 penalty as well: its gradient sums that path and the layer's)."""
    out: dict[str, str] = {}
    for v in d.backward:
        sources = {c.source for c in v.contributions if "linear-weight" in c.rules}
        if v.kind == "param" and sources:  # its first use in the forward pass
            out[v.name] = next(n for n in d.graph.consumers[v.name] if n in sources)
    return out


def _hidden_layers(d: Derivation) -> list[tuple[str, list[str], str, list[str]]]:
    """Every hidden layer in a row, from the first: ``(W_in, biases, W_out, hidden nodes)``
    each, the ``W_out`` of one the ``W_in`` of the next (a network with two hidden layers has
    two); empty when the network has no hidden layer."""
    first = _hidden_layer(d)
    if first is None:
        return []
    linear = _linear_weights(d)
    layers = [first]
    while True:
        after = _layer_after(d, layers[-1][2], linear)
        if after is None or after[2] in [layer[0] for layer in layers]:  # no recurrence
            return layers
        layers.append(after)


def _layer_after(
    d: Derivation, w1: str, linear: dict[str, str]
) -> tuple[str, list[str], str, list[str]] | None:
    """The hidden layer whose units are the columns of ``w1``'s node (see :func:`_hidden_layer`),
    or ``None``."""
    g, spec = d.graph, d.spec
    units = g.tensors[w1].shape[1]
    if units < 2:
        return None
    z1 = linear[w1]
    below: set[str] = set()
    todo = [z1]
    while todo:  # every tensor computed from W1's node
        n = todo.pop()
        if n not in below:
            below.add(n)
            todo += list(g.consumers[n])
    for w2 in spec.params:
        if w2 == w1 or w2 not in linear or g.tensors[w2].shape[0] != units:
            continue
        z2 = linear[w2]
        if z2 not in below:
            continue
        feeds = [n for n in below if z2 in g.consumers[n] and g.tensors[n].shape[1] == units]
        if not feeds:
            continue
        hidden: list[str] = []
        todo = list(feeds)
        while todo:  # the hidden tensors: from W1's node up to what W2 multiplies
            n = todo.pop()
            if n in hidden or n not in below or g.tensors[n].shape[1] != units:
                continue
            hidden.append(n)
            todo += [m for m in below if n in g.consumers[m]]
        order = [n.name for n in g.nodes]
        hidden.sort(key=order.index)
        biases = [
            p
            for p in spec.params
            if p not in (w1, w2) and g.tensors[p].shape == (1, units) and z1 in g.consumers[p]
        ]
        return w1, biases, w2, hidden
    return None


def symmetry(d: Derivation, pc: Pieces, detail: str = "full") -> Lesson | None:
    """Symmetric initialisation on this network: if every hidden unit starts with the same
    weights as the other units of its layer (all zero is the special case), every hidden unit
    computes the same value and gets the same gradient as the others of its layer, so gradient
    descent never separates them. Each equation is proved with the engine's checker over the
    derivation's definitions, the parameters tied by the symmetric start — ``W1[i, j] = u_i``,
    ``b1[j] = c``, ``W2[j, k] = v_k`` for one hidden layer; with more, every entry of a weight
    between two hidden layers equal (``W2[j, k] = s``) — on this network, for all inputs and all
    values of the letters. Every hidden layer of the network is covered; where a deeper layer's
    units are not interchangeable (a per-unit input), the argument is made on the layers before
    it. Then, with every parameter 0, the gradients that vanish. Below ``detail`` full, a
    layer of three units or more shows unit 2 against unit 1 and says that the others are the
    same (every unit is still proven)."""
    layers = _hidden_layers(d)
    while layers:
        found = _symmetry_over(d, pc, layers, detail)
        if found is not None:
            return found
        layers = layers[:-1]
    return None


def _symmetry_over(
    d: Derivation,
    pc: Pieces,
    layers: list[tuple[str, list[str], str, list[str]]],
    detail: str = "full",
) -> Lesson | None:
    """The symmetry lesson over the hidden ``layers`` (:func:`_hidden_layers`, a prefix), or
    ``None`` when a step fails (the units of some layer are not interchangeable)."""
    g = d.graph
    w1 = g.tensors[layers[0][0]]
    w2 = g.tensors[layers[-1][2]]
    mids = [g.tensors[layer[0]] for layer in layers[1:]]  # between two hidden layers
    biases = [b for layer in layers for b in layer[1]]
    ties: dict[sp.Symbol, sp.Expr] = {}
    names: dict[sp.Symbol, str] = {}
    for i in range(w1.shape[0]):
        u = sp.Symbol(f"sym_u{i}")
        names[u] = f"u_{{{i + 1}}}"
        for j in range(w1.shape[1]):
            ties[w1.symbols[i, j]] = u
    for n, m in enumerate(mids):
        s = sp.Symbol(f"sym_s_{m.name}")
        names[s] = "s" if len(mids) == 1 else f"s_{{{n + 1}}}"
        for x in m.symbols:
            ties[x] = s
    for n, b in enumerate(biases):
        c = sp.Symbol(f"sym_c_{b}")
        names[c] = "c" if len(biases) == 1 else f"c_{{{n + 1}}}"
        for x in g.tensors[b].symbols:
            ties[x] = c
    for k in range(w2.shape[1]):
        v = sp.Symbol(f"sym_v{k}")
        names[v] = "v" if w2.shape[1] == 1 else f"v_{{{k + 1}}}"
        for j in range(w2.shape[0]):
            ties[w2.symbols[j, k]] = v
    tied = Checker(defs={**d.defs, **ties}, seed=7)

    def same(grid: sp.MatrixBase, texs: Any, j: int, by_row: bool = False) -> Eq:
        if by_row:  # W2: row j against row 1
            lhs, rhs = grid[j, :], grid[0, :]
            lt = Math(" & ".join(texs[j]))
            rt = Math(" & ".join(texs[0]))
            if len(texs[0]) > 1:
                lt = Math(f"\\begin{{bmatrix}} {lt} \\end{{bmatrix}}")
                rt = Math(f"\\begin{{bmatrix}} {rt} \\end{{bmatrix}}")
        else:
            lhs, rhs = grid[:, j], grid[:, 0]
            lt, rt = _column(texs, j), _column(texs, 0)
        step = prove(
            tied,
            Term(sp.ImmutableMatrix(lhs), lt, lt, lhs.shape),
            Term(sp.ImmutableMatrix(rhs), rt, rt, rhs.shape),
            "symmetric-init",
            "lesson.symmetry",
        )
        return pc.eq(step, lhs.shape)

    def repeated(grid: Any, texs: Any, lhs_tex: str, name: str, how: str) -> Eq:
        """``lhs = [matrix]`` with every entry entry 1,1 (``how`` "entry": a weight between
        two hidden layers), every column column 1 ("column": a layer's units) or every row
        row 1 ("row": the weight after the last hidden layer) — one display for a tensor."""
        r, c = grid.shape

        def src(i: int, j: int) -> tuple[int, int]:
            return {"entry": (0, 0), "column": (i, 0), "row": (0, j)}[how]

        rows = " \\\\ ".join(
            " & ".join(texs[src(i, j)[0]][src(i, j)[1]] for j in range(c)) for i in range(r)
        )
        rt = Math(f"\\begin{{bmatrix}} {rows} \\end{{bmatrix}}")
        rhs = sp.ImmutableMatrix(r, c, [grid[src(i, j)] for i in range(r) for j in range(c)])
        step = prove(
            tied,
            Term(sp.ImmutableMatrix(grid), Math(lhs_tex), name, (r, c)),
            Term(rhs, rt, rt, (r, c)),
            "symmetric-init",
            "lesson.symmetry",
        )
        return pc.eq(step, (r, c))

    def all_same(t: Any) -> Eq:  # a weight between two hidden layers: every entry as entry 1,1
        return repeated(t.grads, grad_texs(t), grad_tex(d, t.name), t.name, "entry")

    def grad_texs(t: Any) -> tuple[tuple[str, ...], ...]:
        return tuple(
            tuple(g.symbol_tex[t.grads[r, c]] for c in range(t.shape[1])) for r in range(t.shape[0])
        )

    def setting(t: Any) -> Eq:
        r, c = t.shape
        sym = sp.ImmutableMatrix(t.symbols)
        tex = [[ties[sym[i, j]] for j in range(c)] for i in range(r)]
        body = " \\\\ ".join(" & ".join(names[x] for x in row) for row in tex)
        rhs_tex = Math(f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}")
        step = prove(
            tied,
            Term(sym, t.tex, t.name, t.shape),
            Term(sp.ImmutableMatrix(tex), rhs_tex, rhs_tex, t.shape),
            "symmetric-init",
            "lesson.symmetry",
        )
        return pc.eq(step, t.shape)

    # below full detail, a layer of three units or more: unit 2 against unit 1 shown, the
    # others proven all the same and said to be alike (issue 12: TFT's handout)
    units = w1.shape[1]
    brief = detail != "full" and not mids and units > 2

    def shown(j: int) -> bool:
        return j == 1 or not brief

    # the start in forward order: each layer's weight, then its biases; the last weight
    start = [setting(g.tensors[t]) for layer in layers for t in (layer[0], *layer[1])]
    start.append(setting(w2))
    try:
        if mids:  # several hidden layers: one display a tensor, its columns repeated
            forward = [
                repeated(t.symbols, t.entry_texs, t.tex, t.name, "column")
                for layer in layers
                for t in [g.tensors[n] for n in layer[3]]
            ]
        else:  # one hidden layer: unit j against unit 1
            forward = [
                eq
                for layer in layers
                for n in layer[3]
                for j in range(1, g.tensors[layer[0]].shape[1])
                if (eq := same(g.tensors[n].symbols, g.tensors[n].entry_texs, j)) and shown(j)
            ]

        def each(t: Any, how: str) -> list[Eq]:  # a parameter's gradient keeps the tie
            if mids:
                return [repeated(t.grads, grad_texs(t), grad_tex(d, t.name), t.name, how)]
            if how == "row":
                rows = [(j, same(t.grads, grad_texs(t), j, by_row=True)) for j in range(1, t.shape[0])]
                return [eq for j, eq in rows if shown(j)]
            cols = [(j, same(t.grads, grad_texs(t), j)) for j in range(1, t.shape[1])]
            return [eq for j, eq in cols if shown(j)]

        # backward order: the last weight, then each layer's own weight and biases, downwards
        backward = each(w2, "row")
        for n, layer in reversed(list(enumerate(layers))):
            backward += [all_same(g.tensors[layer[0]])] if n else each(w1, "column")
            for b in layer[1]:
                backward += each(g.tensors[b], "column")
    except StepError:
        # something besides the parameters differs from unit to unit (a dropout mask, a
        # per-unit constant): the hidden units are not interchangeable, so the lesson does
        # not apply to these layers and is left out rather than claimed
        return None
    # every parameter 0: which gradients vanish (for every input)
    zeros = {s: sp.Integer(0) for p in d.spec.params for s in g.tensors[p].symbols}
    zero = Checker(defs={**d.defs, **zeros}, seed=11)
    vanish: list[Eq] = []
    moving: list[str] = []
    undefined: list[str] = []
    for p in d.spec.params:
        t = g.tensors[p]
        nought = sp.zeros(*t.shape)
        lhs_tex = grad_tex(d, p)
        try:
            step = prove(
                zero,
                Term(sp.ImmutableMatrix(t.grads), lhs_tex, p, t.shape),
                Term(sp.ImmutableMatrix(nought), Math("0"), "0", t.shape),
                "symmetric-init",
                "lesson.zero",
            )
        except StepError:  # a gradient that does not vanish is not shown as 0
            # nor said to move where its formula is 0/0 there (a ring loss's ‖feat‖ = 0: the
            # length has no slope at 0), checked at a point of the inputs
            (undefined if _undefined(zero, t.grads) else moving).append(t.tex)
            continue
        vanish.append(pc.eq(step, t.shape))
    math: tuple[tuple[str, Math], ...] = (
        ("W1", Math(w1.tex)),
        ("W2", Math(w2.tex)),
        ("units", Math(str(w1.shape[1]))),
        ("H", Math(g.tensors[layers[0][3][-1]].tex)),  # the first layer's units: its columns
    )
    deep = ".deep" if mids else ""
    if mids:  # the weights between hidden layers, and the deeper layers
        math += (("mid", Math(", ".join(m.tex for m in mids))),)
        math += (("more", Math(", ".join(g.tensors[layer[3][-1]].tex for layer in layers[1:]))),)
    parts = [("sym_start", tuple(start)), ("sym_forward" + deep, tuple(forward))]
    parts.append(("sym_backward" + deep, tuple(backward)))
    if brief:
        parts.append(("sym_others.one" if units == 3 else "sym_others", ()))
    parts.append(("sym_step" + deep, ()))
    if vanish:
        parts.append(("sym_zero", tuple(vanish)))
        if moving:
            math += (("moving", Math(", ".join(moving))),)
            parts.append(("sym_zero_moving", ()))
        if undefined:
            math += (("undefined", Math(", ".join(undefined))),)
            parts.append(("sym_zero_undefined", ()))
        if not moving and not undefined:
            parts.append(("sym_zero_stuck", ()))
    parts.append(("sym_end", ()))
    if biases:  # the hidden-layer bias is part of each unit's start only where there is one
        math += (("b", Math(", ".join(g.tensors[b].tex for b in biases))),)
    body = "body" + deep + (".bias" if biases else "")
    return Lesson("symmetry", math, parts=tuple(parts), body=body)


# ---- common mistakes, with this network's numbers ----------------------------------------------

MEAN_LOSSES = ("mse", "bce", "bce_logits", "cross_entropy", "mean")
SIG_DIGITS = 3  # the rounding of a hand calculation that rounds every intermediate result
ROUND_EXACT_SHIFT = 400  # rounded numbers within 10^±400 are kept as exact fractions


class _Rounded:
    """The example's values with every computed quantity rounded to ``digits`` significant
    digits before it is used again — a hand calculation that writes down rounded numbers."""

    def __init__(self, d: Derivation, digits: int) -> None:

        outer = self

        class R(Example):
            def _eval(self, e: sp.Basic) -> Any:  # noqa: D401
                if e.is_Symbol and e not in self.values and e in self.d.defs:
                    self.values[e] = outer.round(super()._eval(self.d.defs[e]))
                return super()._eval(e)

        self.digits = digits
        self.ex = R(d)

    def round(self, v: Any) -> Fraction:

        x = mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else v
        if x == 0:
            return Fraction(0)
        shift = self.digits - 1 - int(mpmath.floor(mpmath.log10(abs(x))))
        n = int(mpmath.nint(x * mpmath.mpf(10) ** shift))
        if abs(shift) > ROUND_EXACT_SHIFT:
            # e^{-10^9} (a mask of -1e9 before a softmax): as a fraction 10^shift would have a
            # billion digits; the rounded number is kept as a binary float with a big exponent
            return mpmath.mpf(n) * mpmath.mpf(10) ** (-shift)
        return Fraction(n, 10**shift) if shift >= 0 else Fraction(n * 10 ** (-shift))


def _carrier(d: Derivation, loss: Any) -> list[tuple[str, Math]]:
    """The gradient that first carries the loss's 1/m: the one of the first tensor the loss line
    reads that is computed or learned (δ_O of ``mse(O, T)``), named in the mistake "the
    averaging factor … twice" instead of a ``dZ`` the network may not have."""
    g = d.graph
    for n in ex.subtrees(loss):
        if isinstance(n, ex.Name) and n.id in g.tensors and g.tensors[n.id].kind in ("node", "param"):
            return [("carrier", Math(grad_tex(d, n.id)))]
    return [("carrier", Math(grad_tex(d, g.spec.loss)))]


def _grid_values(lhs: str, grid: list[list[Any]], digits: int = 0) -> Values:
    """``lhs ≈ [numbers]`` for numbers computed here (exact ``Fraction`` or ``mpf``); with
    ``digits``, each number written with that many significant digits (``-0.0610``, not
    ``-0.061``: a hand calculation's three digits show as three)."""
    nums = [[fmt(v) for v in row] for row in grid]
    rel = Math("=" if all(n.exact for row in nums for n in row) else "\\approx")
    texs = [[_padded(n.tex, digits) for n in row] for row in nums]
    if len(texs) == 1 and len(texs[0]) == 1:
        return Values(Math(lhs), rel, Math(texs[0][0]))
    body = " \\\\ ".join(" & ".join(row) for row in texs)
    return Values(Math(lhs), rel, Math(f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}"))


def _padded(tex: str, digits: int) -> str:
    """A plain decimal ``tex`` with trailing zeros up to ``digits`` significant digits (other
    forms, such as ``× 10^{…}``, unchanged)."""
    m = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?", tex)
    if not digits or m is None:
        return tex
    whole, frac = m.group(2), m.group(3) or ""
    significant = (whole + frac).lstrip("0")
    if not significant or len(significant) >= digits:
        return tex
    return f"{m.group(1)}{whole}.{frac}{'0' * (digits - len(significant))}"


def _reductions(d: Derivation) -> list[str]:
    """The nodes that are a mean or sum over an axis of another tensor (batch statistics: a
    batch mean, a variance), when a parameter lies upstream of them."""
    out = []
    params = set(d.spec.params)
    for name, tree in d.spec.forward:
        if name == d.spec.loss or not isinstance(tree, ex.Call) or tree.func not in ("mean", "sum"):
            continue
        if tree.kwarg("axis") is None and len(tree.args) < 2:
            continue
        seen, todo, found = set(), list(ex.names(tree)), False
        trees = dict(d.spec.forward)
        while todo:
            n = todo.pop()
            if n in params:
                found = True
                break
            if n in seen or n not in trees:
                continue
            seen.add(n)
            todo += list(ex.names(trees[n]))
        if found:
            out.append(name)
    return out


def _without(
    d: Derivation,
    cut: set[str],
    target: str,
    diagonal: frozenset[str] = frozenset(),
    scale: dict[str, Fraction] | None = None,
) -> Any:
    """The gradient of ``target`` (entry expressions) when the gradient never flows through the
    nodes ``cut`` — as if they were constants; ``None`` if nothing is left. A row-wise softmax
    node in ``diagonal`` passes its gradient back through the diagonal ``a (1 − a)`` of its
    Jacobian only, as if it were element-wise (the slip). A node in ``scale`` passes its
    gradient back times that factor (it is computed times it: evaluate with :class:`_Scaled`)."""
    g = d.graph
    visits = {v.name: v for v in d.backward}
    memo: dict[str, Any] = {}

    def grad(name: str) -> Any:
        if name in memo:
            return memo[name]
        v = visits[name]
        total = None
        for c in v.contributions:
            if c.source in cut:
                continue
            e = sp.Matrix(c.elementwise)
            if c.source in diagonal:
                a, up = g.tensors[c.source].symbols, g.tensors[c.source].grads
                e = sp.Matrix(a.rows, a.cols, lambda i, j: up[i, j] * a[i, j] * (1 - a[i, j]))
            if scale and c.source in scale:
                e = e * sp.Rational(scale[c.source].numerator, scale[c.source].denominator)
            if c.source != d.spec.loss:
                up = grad(c.source)
                if up is None:
                    continue
                syms = g.tensors[c.source].grads
                e = e.xreplace({syms[i, j]: up[i, j] for i in range(syms.rows) for j in range(syms.cols)})
            total = e if total is None else total + e
        memo[name] = total
        return total

    out = grad(target)
    return None if out is None else sp.ImmutableMatrix(out)


def _biased_variances(d: Derivation) -> list[tuple[str, int]]:
    """The nodes that are a biased variance, ``mean((Y − mean(Y, axis=k))², axis=k)`` with the
    deviation inline or on a line of its own, and the count ``n`` they divide by (``n > 1``)."""
    trees = dict(d.spec.forward)
    out = []
    for name, tree in d.spec.forward:
        if not (isinstance(tree, ex.Call) and tree.func == "mean" and len(tree.args) == 1):
            continue
        axis, sq = tree.kwarg("axis"), tree.args[0]
        if not (isinstance(axis, ex.Num) and isinstance(sq, ex.Pow) and sq.exponent == 2):
            continue
        dev = trees.get(sq.base.id) if isinstance(sq.base, ex.Name) else sq.base
        if not (isinstance(dev, ex.BinOp) and dev.op == "-"):
            continue
        mu = trees.get(dev.right.id, dev.right) if isinstance(dev.right, ex.Name) else dev.right
        if not (
            isinstance(mu, ex.Call)
            and mu.func == "mean"
            and mu.args == (dev.left,)
            and mu.kwarg("axis") == axis
            and name in d.graph.tensors
        ):
            continue
        base = dev.left.id if isinstance(dev.left, ex.Name) else None
        if base is None or base not in d.spec.shapes or len(d.spec.shapes[base]) != 2:
            continue
        n = d.spec.shapes[base][int(axis.value)]
        if n > 1:
            out.append((name, n))
    return out


class _Scaled(Example):
    """The example's values with the entries of some nodes times a factor (the biased variance
    computed as the unbiased one), and everything after them computed from those."""

    def __init__(self, d: Derivation, factors: dict[sp.Basic, Fraction]) -> None:
        super().__init__(d)
        self.factors = factors

    def _eval(self, e: sp.Basic) -> Any:  # noqa: D401
        if e.is_Symbol and e not in self.values and e in self.factors:
            v = super()._eval(self.d.defs[e])
            self.values[e] = v * self.factors[e] if isinstance(v, Fraction) else (
                as_mpf(v) * as_mpf(self.factors[e])
            )
        return super()._eval(e)



def _half_square(tree: Any) -> bool:
    """``0.5 * (a - b) ** 2``: half the squared error, written out."""

    if not (isinstance(tree, ex.BinOp) and tree.op == "*"):
        return False
    for c, p in ((tree.left, tree.right), (tree.right, tree.left)):
        if (
            isinstance(c, ex.Num)
            and c.value == Fraction(1, 2)
            and isinstance(p, ex.Pow)
            and p.exponent == 2
            and isinstance(p.base, ex.BinOp)
            and p.base.op == "-"
        ):
            return True
    return False


def _scaled_product(d: Derivation) -> tuple[str, str, str, sp.Expr] | None:
    """A node ``c · (A @ Bᵀ)`` (or ``(A @ Bᵀ) / c``) of two computed tensors with a constant
    factor, as attention's scores ``Q Kᵀ/√d``: ``(node, A, B, c)``, else ``None``."""
    g = d.graph
    for node in g.nodes:
        tree = node.tree
        if not (isinstance(tree, ex.BinOp) and tree.op in ("*", "/")):
            continue
        prod, factor = tree.left, tree.right
        if tree.op == "*" and not isinstance(prod, ex.BinOp):
            prod, factor = factor, prod
        if not (
            isinstance(prod, ex.BinOp)
            and prod.op == "@"
            and isinstance(prod.left, ex.Name)
            and isinstance(prod.right, ex.Transpose)
            and isinstance(prod.right.operand, ex.Name)
        ):
            continue
        a, b = prod.left.id, prod.right.operand.id
        if any(n in g.tensors for n in ex.names(factor)) or not all(
            g.tensors[n].kind == "node" for n in (a, b)
        ):
            continue
        entry = node.definition[0, 0]
        plain = sum(
            (x * y for x, y in zip(g.tensors[a].symbols[0, :], g.tensors[b].symbols[0, :])),
            sp.Integer(0),
        )
        # a constant factor is what cancelling the common polynomial leaves (exact, ~0.1 ms);
        # SymPy's ``simplify`` only where that leaves entries (~0.1 s each)
        c = sp.cancel(entry / plain)
        if c.free_symbols - set(g.scalars.values()):
            c = sp.simplify(entry / plain)
        if c.free_symbols - set(g.scalars.values()) or c == 1:
            continue
        return node.name, a, b, c
    return None


def _only_through(d: Derivation, param: str, node: str) -> bool:
    """Every path from ``param`` to the loss passes through ``node``."""
    trees = dict(d.spec.forward)
    reach, todo = {param}, [param]
    while todo:
        n = todo.pop()
        for name, tree in trees.items():
            if name != node and name not in reach and n in ex.names(tree):
                reach.add(name)
                todo.append(name)
    return d.spec.loss not in reach


def _scaled_product_slips(
    d: Derivation, pc: Pieces, math: list[tuple[str, Math]]
) -> list[tuple[str, tuple[Any, ...]]]:
    """For a scaled product ``S = c · (A @ Bᵀ)``: the factor ``c`` left out of the backward
    pass (a parameter behind ``A`` gets ``1/c`` times its gradient) and ``δ_B`` without the
    transpose of ``δ_S`` (``c · δ_S A`` in place of ``c · δ_Sᵀ A``, when the sizes allow it)."""
    found = _scaled_product(d)
    if found is None:
        return []
    g = d.graph
    node, a, b, c = found
    out: list[tuple[str, tuple[Any, ...]]] = []
    names = {s: g.symbol_tex[s] for s in g.scalars.values()}
    behind = [
        p
        for p in d.spec.params
        if g.tensors[p].grads is not None
        and a in _upstream_of(d, p)
        and _only_through(d, p, node)
    ]
    value = c.xreplace(dict(g.scalar_values))
    math += [
        ("node", Math(g.tensors[node].tex)),
        ("scale", Math(latex(c, names))),
        ("A", Math(g.tensors[a].tex)),
        ("B", Math(g.tensors[b].tex)),
        ("times", Math(latex(sp.nsimplify(1 / value)))),
    ]
    if behind:
        p = g.tensors[behind[0]]
        q = grad_tex(d, p.name)
        out.append(
            ("scale_forgotten", (pc.values(f"{q}\\big|_{{\\text{{no scale}}}}", p.grads / c),))
        )
        math.append(("P0", Math(p.tex)))
    ds, sa, tb = g.tensors[node].grads, g.tensors[a].symbols, g.tensors[b]
    right = next((v for v in d.backward if v.name == b), None)
    if right is not None and ds.cols == sa.rows and (ds * sa).shape == tb.shape:
        rtex = right.formula.tex()
        ttex = f"{grad_tex(d, node)}^{{\\top}}"
        if ttex in rtex:
            wrong = rtex.replace(ttex, str(grad_tex(d, node)), 1)
            out.append(
                (
                    "score_transpose",
                    (
                        pc.values(grad_tex(d, b), tb.grads),
                        pc.values(wrong, sp.ImmutableMatrix(c * ds * sa)),
                    ),
                )
            )
            math += [("Bright", Math(rtex)), ("Bwrong", Math(wrong))]
    return out


def _upstream_of(d: Derivation, param: str) -> set[str]:
    """The nodes that read ``param``, directly or through other nodes."""
    trees = dict(d.spec.forward)
    reach, todo = set(), [param]
    while todo:
        n = todo.pop()
        for name, tree in trees.items():
            if name not in reach and n in ex.names(tree):
                reach.add(name)
                todo.append(name)
    return reach


def _lr_tex(lr: float) -> Math:
    """A learning rate as the training section writes it: ``0.01``, but ``1 \\times 10^{-6}``
    where Python itself writes ``1e-06`` (not ``0.000001``, six zeros to count)."""
    text = repr(lr)
    if "e" in text:
        mant, exp = text.split("e")
        return Math(f"{mant} \\times 10^{{{int(exp)}}}")
    return Math(fmt(Fraction(text)).tex)


def _count_tex(g: Any, shape: tuple) -> str:
    """The number of entries a mean divides by, as the handout names it elsewhere (the "in
    words" paragraphs, :meth:`derive.walkthrough.intuition.Intuition.mean_tex`): ``m`` (a batch
    of ``m`` rows), ``m \\cdot n`` (every entry of an ``m × n`` tensor), else the number."""
    return mf.Scalar(g.count(shape).expr, g.scalar_names()).tex()


def mistakes(d: Derivation, pc: Pieces) -> Lesson | None:
    """The classic mistakes, each with what it produces on this network at the example values
    (numbers computed here from the derivation; nothing is typed in)."""

    g, spec = d.graph, d.spec
    params = [b for b in d.backward if b.kind == "param"]
    if not params:
        return None
    last = g.tensors[next(p for p in spec.params if g.tensors[p].grads is not None)]  # deepest
    first = last
    parts: list[tuple[str, tuple[Any, ...]]] = []
    math: list[tuple[str, Math]] = [("P", Math(last.tex)), ("Q", Math(first.tex))]
    # 1. rounding intermediate results
    rounded = _Rounded(d, SIG_DIGITS)
    grid = [[rounded.ex.value(s) for s in row] for row in last.grads.tolist()]
    once = [[rounded.round(pc.ex.value(s)) for s in row] for row in last.grads.tolist()]
    if grid != once:  # the slip shows in the digits kept (not when every number is exact)
        exact = pc.values(grad_tex(d, last.name), last.grads)
        tilde = f"\\widetilde{{{grad_tex(d, last.name)}}}"
        parts.append(("rounding", (exact, _grid_values(tilde, grid, SIG_DIGITS))))
        math.append(("digits", Math(str(SIG_DIGITS))))
    # 2. 1/m missing or doubled
    loss = spec.forward[-1][1]
    call = loss if isinstance(loss, ex.Call) else (scaled_loss(loss) or (None, None))[1]
    if call is None and isinstance(loss, ex.Neg) and isinstance(loss.operand, ex.Call):
        call = loss.operand  # −mean(y log h + (1 − y) log(1 − h)): CS229's J(θ) written out
    if call is not None and call.func in MEAN_LOSSES:
        arg = call.args[0]
        n = g.tensors[arg.id].shape if isinstance(arg, ex.Name) and arg.id in g.tensors else None
        rows = ops.OPS[call.func].reduce == "rows" if call.func in ops.OPS else False
        written = written_mean(spec, g)
        if n is None and written is not None:  # a mean written out over an expression
            n, rows = written
        count = (n[0] if rows else n[0] * n[1]) if n else 1  # cross-entropy: a mean over rows
        examples = bool(n) and not rows and one_per_example(spec, tuple(n))
        if count > 1:
            q = grad_tex(d, first.name)
            k = _count_tex(g, tuple(n[:1] if rows else n)) if n else str(count)
            one = f"1/{k}" if " " not in k else f"1/({k})"
            parts.append(
                (
                    "one_over_m.rows" if rows else "one_over_m.examples" if examples else "one_over_m",
                    (
                        pc.values(q, first.grads),
                        pc.values(f"{q}\\big|_{{\\text{{no}}\\ {one}}}", first.grads * count),
                        pc.values(f"{q}\\big|_{{({one})^{{2}}}}", first.grads / count),
                    ),
                )
            )
            named = f"{k} = {count}" if k != str(count) else str(count)
            inv = f"\\frac{{1}}{{{count}}}"  # 1/m = 1/2 where the count has a name: not a ½ factor
            if k != str(count):
                inv = f"\\frac{{1}}{{{k}}} = {inv}"
            math += [("m", Math(str(count))), ("nk", Math(named)), ("inv", Math(inv))]
            math += _carrier(d, loss)
    elif isinstance(loss, ex.BinOp) and loss.op == "/":  # a mean written out: Σ(…)/(2n)
        sizes = {n.id for n in ex.subtrees(loss.right) if isinstance(n, ex.Name) and n.id in spec.dims}
        # the batch sizes of the inputs (a scalar input, shape (), has none: Karpathy's neuron
        # 1 / (1 + exp(-q)) of scalars x, y is no mean)
        rows = {spec.inputs[i][0] if spec.inputs[i] else 1 for i in spec.inputs}
        if len(sizes) == 1 and rows == {spec.dims[next(iter(sizes))]} and min(rows) > 1:
            name = next(iter(sizes))
            count = spec.dims[name]
            escaped = name.replace("_", "\\_")
            k = name if len(name) == 1 else f"\\mathrm{{{escaped}}}"
            q = grad_tex(d, first.name)
            parts.append(
                (
                    "one_over_m.rows",
                    (
                        pc.values(q, first.grads),
                        pc.values(f"{q}\\big|_{{\\text{{no}}\\ 1/{k}}}", first.grads * count),
                        pc.values(f"{q}\\big|_{{(1/{k})^{{2}}}}", first.grads / count),
                    ),
                )
            )
            inv = f"\\frac{{1}}{{{k}}} = \\frac{{1}}{{{count}}}"
            math += [("m", Math(str(count))), ("nk", Math(f"{k} = {count}")), ("inv", Math(inv))]
            math += _carrier(d, loss)
    # 3. the factor 2 of F.mse_loss against half the squared error
    found = scaled_loss(loss)
    if found is not None and found[1].func == "mse" and found[0] == Fraction(1, 2):
        # the lesson "factor-two" above shows these numbers already: pointed at, not repeated
        parts.append(("factor_two.same", ()))
    elif _half_square(loss):
        q = grad_tex(d, first.name)
        parts.append(
            (
                "factor_two",
                (
                    pc.values(q, first.grads),
                    pc.values(f"{q}\\big|_{{\\texttt{{F.mse\\_loss}}}}", first.grads * 2),
                ),
            )
        )
    # 4. relu against clamp(min=0) at exactly 0 (from the side the handout takes)
    rules = {r for v in d.backward for c in v.contributions for r in c.rules}
    kink = _kink_only(spec)
    clip = _clip_only(spec)
    if clip is not None and rules & {"relu-derivative", "clamp-derivative"}:
        # every max(0, ·) is half of a clip (F.hardtanh, torch.clamp(z, lo, hi)): its
        # convention is at the clip's bounds, not at a ReLU's 0
        lo, hi, strict = clip
        z = [lo, hi, (lo + hi) / 2]
        math += [("lo", Math(_num_tex(lo))), ("hi", Math(_num_tex(hi)))]
        parts.append(
            (
                "relu_clamp.clip" if strict else "clamp_relu.clip",
                (
                    _grid_values("z", [z]),
                    _grid_values(f"\\mathbf{{1}}[{_num_tex(lo)} < z < {_num_tex(hi)}]",
                                 [[Fraction(int(lo < x < hi)) for x in z]]),
                    _grid_values(f"\\mathbf{{1}}[{_num_tex(lo)} \\le z \\le {_num_tex(hi)}]",
                                 [[Fraction(int(lo <= x <= hi)) for x in z]]),
                ),
            )
        )
    for rule, key in (("relu-derivative", "relu_clamp"), ("clamp-derivative", "clamp_relu")):
        if rule not in rules or clip is not None:
            continue
        z = [Fraction(0), Fraction(-1), Fraction(1)]
        parts.append(
            (
                key + (".kink" if kink else ""),  # max(0, ·) of a hinge, a clip: no ReLU unit
                (
                    _grid_values("z", [z]),
                    _grid_values("\\mathbf{1}[z > 0]", [[Fraction(int(x > 0)) for x in z]]),
                    _grid_values("\\mathbf{1}[z \\ge 0]", [[Fraction(int(x >= 0)) for x in z]]),
                ),
            )
        )
    # 4a. batch statistics (a mean over the batch and what is computed from it) treated as
    # constants: only the paths that avoid the reductions are kept
    stats = _reductions(d)
    if stats:
        naive = _without(d, set(stats), first.name)
        try:
            differs = naive is not None and any(
                pc.ex.value(a) != pc.ex.value(b) for a, b in zip(naive, first.grads, strict=True)
            )
        except (ValueError, ZeroDivisionError, TypeError):  # a value this example cannot give
            differs = False
        if differs:
            q = grad_tex(d, first.name)
            compact = any(s.rule == "batchnorm" for v in d.backward for s in v.simplified)
            # statistics of a row (a layer norm's mean and variance, a softmax's row sum) are
            # not the batch's: the words say what they are computed from
            trees = dict(spec.forward)
            rows = all(axis_of(trees[s]) not in (0, None) for s in stats)
            parts.append(
                (
                    "stats_constant.rows" if rows
                    else "stats_constant" if compact else "stats_constant.plain",
                    (pc.values(f"{q}\\big|_{{\\text{{const}}}}", naive),),
                )
            )
            math.append(("stats", Math(", ".join(g.tensors[s].tex for s in stats))))
    # 4a'. the biased variance of batch/layer normalisation computed as PyTorch's default
    # torch.var (unbiased, n − 1): every node after it and the gradient through it change
    for name, n in _biased_variances(d)[:1]:
        factor = Fraction(n, n - 1)
        unbiased = _without(d, set(), first.name, scale={name: factor})
        scaled = _Scaled(d, {s: factor for s in g.tensors[name].symbols})
        try:
            grid = [[scaled.value(e) for e in row] for row in unbiased.tolist()]
            differs = any(
                a != pc.ex.value(b) for a, b in zip(sum(grid, []), first.grads, strict=True)
            )
        except (ValueError, ZeroDivisionError, TypeError, AttributeError):
            differs = False
        if differs:
            q = grad_tex(d, first.name)
            wrong = _grid_values(f"{q}\\big|_{{\\texttt{{torch.var}}}}", grid)
            parts.append(("var_unbiased", (pc.values(q, first.grads), wrong)))
            math += [
                ("var", Math(g.tensors[name].tex)),
                ("vn", Math(str(n))),
                ("vn1", Math(str(n - 1))),
            ]
    # 4b. softmax without the shift by the row maximum: right on small scores, overflow on large
    if any(
        isinstance(n, ex.Call) and n.func == "softmax"
        for _, tree in spec.forward
        for n in ex.subtrees(tree)
    ):
        parts.append(("softmax_shift", ()))
    # 4b'. a softmax differentiated as if element-wise: the diagonal of its Jacobian only (of
    # a tensor itself: softmax(e.T) passes its gradient to e through the transpose too)
    softmaxes = frozenset(
        name
        for name, tree in spec.forward
        if isinstance(tree, ex.Call) and tree.func == "softmax" and name in g.tensors
        and tree.args and isinstance(tree.args[0], ex.Name)
    )
    if softmaxes:
        for v in params:  # the first parameter behind a softmax shows it
            diag = _without(d, set(), v.name, diagonal=softmaxes)
            try:
                right = g.tensors[v.name].grads
                differs = diag is not None and any(
                    pc.ex.value(a) != pc.ex.value(b) for a, b in zip(diag, right, strict=True)
                )
            except (ValueError, ZeroDivisionError, TypeError):  # a value this example cannot give
                differs = False
            if differs:
                q = grad_tex(d, v.name)
                # the letter a of the Jacobian: a row of this network's softmax output(s)
                outs = [g.tensors[n].tex for n, _ in spec.forward if n in softmaxes]
                math.append(("sm", Math(", ".join(outs))))
                parts.append(
                    (
                        "softmax_diagonal",
                        (pc.values(q, right), pc.values(f"{q}\\big|_{{\\text{{diag}}}}", diag)),
                    )
                )
                break
    # 4c. a weight shared across the steps of an unrolled network: only the last step's share
    shared = _shared_weight(d)
    if shared is not None:
        q = next((v for v in params if len(v.contributions) > 1 and v.name == first.name), shared)
        order = [n for n, _ in spec.forward]
        lastc = max(q.contributions, key=lambda c: order.index(c.source))
        math.append(("shared", Math(g.tensors[q.name].tex)))
        parts.append(("bptt_last", (pc.values(lastc.step.lhs.tex, lastc.elementwise),)))
    # 4d. a scaled product of two computed tensors (attention's Q Kᵀ/√d): the scale left out of
    # the backward pass, and the transpose of the second factor's gradient forgotten
    parts += _scaled_product_slips(d, pc, math)
    # 5. zero initialisation: symmetric, not linear — the lesson that proves the symmetry on
    # this network (``symmetry``) opens with exactly that ("Zero initialisation does not make
    # the network linear …"), a page before this list: not said again here (round 43); where
    # no such lesson is (an unrolled or gated network) nothing here proves it either
    # 6. a sum of squares called MSE
    if call is not None and call.func in ("sse", "mse"):
        arg = call.args[0]
        shape = g.tensors[arg.id].shape if isinstance(arg, ex.Name) else (1, 1)
        count = shape[0] * shape[1]
        scale = found[0] if found is not None else Fraction(1)
        if count > 1 and scale != 1:
            # ``c · SSE``: the MSE's gradient is this one divided by c·n (by c·n … for MSE, the
            # SSE's is this one times n/c); c·n = 1 (½ SSE of 2 entries) is the MSE itself
            k = 1 / (scale * count) if call.func == "sse" else count / scale
            math += [("n", Math(str(count))), ("c", Math(latex(sp.Rational(scale))))]
            if k == 1:
                parts.append(("sse_mse.coincide", ()))
            else:
                q = grad_tex(d, first.name)
                label = "\\text{MSE}" if call.func == "sse" else "\\text{SSE}"
                parts.append(
                    (
                        ("sse_mse" if call.func == "sse" else "mse_sse") + ".scaled",
                        (
                            pc.values(q, first.grads),
                            pc.values(f"{q}\\big|_{{{label}}}", first.grads * sp.Rational(k)),
                        ),
                    )
                )
                math.append(("k", Math(latex(sp.Rational(k)))))
        elif count > 1:
            q = grad_tex(d, first.name)
            other = first.grads / count if call.func == "sse" else first.grads * count
            label = "\\text{MSE}" if call.func == "sse" else "\\text{SSE}"
            if any(key in ("one_over_m", "one_over_m.examples") for key, _ in parts) and call.func == "mse":
                # the SSE's gradient is the "no 1/m" one just shown: said, not shown again
                parts.append(("mse_sse.same", ()))
            else:
                parts.append(
                    (
                        "sse_mse" if call.func == "sse" else "mse_sse",
                        (pc.values(q, first.grads), pc.values(f"{q}\\big|_{{{label}}}", other)),
                    )
                )
            math.append(("n", Math(str(count))))
    # 7. a missing transpose (a weight shared by the steps of a recurrence: in one step's
    # contribution, the last step's, compared with that contribution)
    weights = [v for v in d.backward if v.kind == "param" and v.rule == "linear-weight"]
    shared = [
        v
        for v in d.backward
        if v.kind == "param"
        and len(v.contributions) > 1
        and all(c.rules == ("linear-weight",) for c in v.contributions)
    ]
    if weights or shared:
        v = weights[-1] if weights else shared[-1]
        step = None if weights else v.contributions[0]
        formula = v.formula if step is None else step.formula
        refs: list[mf.Ref] = []

        walk(formula, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)  # type: ignore
        val = next((r for r in refs if r.kind == "value"), None)
        grad = next((r for r in refs if r.kind == "grad"), None)
        if val is not None and grad is not None and (step is None or _value_transposed(formula)):
            a, b = val.symbols, grad.symbols
            w = g.tensors[v.name]
            right_lhs, right = grad_tex(d, v.name), w.grads
            if step is not None:
                right_lhs, right = step.step.lhs.tex, step.elementwise
                math.append(("S", Math(g.tensors[step.source].tex)))
            # the factor that needs the transpose as the formula writes it: ReLU(hn) in
            # ReLU(hn)ᵀ δ, not hn (tf batchnorm's "Without the transpose, hn δ")
            x_tex = g.tensors[val.name].tex
            made = False  # the factor is computed from the value (ReLU(hn), tanh(x W)), not it
            if isinstance(formula, mf.MatMul) and isinstance(formula.a, mf.T):
                inner = formula.a.x
                if not isinstance(inner, mf.Ref):
                    x_tex = mf.LatexPrinter().wrap(inner, 3)  # bracketed where a product needs it
                    if tuple(inner.shape) != (a.rows, a.cols):
                        # tanh(x W)ᵀ δ: the sizes and numbers are tanh(x W)'s, not x's
                        made = True
                        a = sp.zeros(*inner.shape)
            math += [
                ("W", Math(w.tex)),
                ("right", Math(formula.tex())),
                ("X", Math(x_tex)),
                ("D", Math(grad_tex(d, grad.name))),
                ("sa", Math(f"{a.rows} \\times {a.cols}")),
                ("sb", Math(f"{b.rows} \\times {b.cols}")),
            ]
            if not _value_transposed(formula) and a.rows == b.rows:
                # the weight enters transposed (z = x wᵀ): the slip is a transpose out of habit,
                # which gives the right numbers in the layout of Wᵀ
                math += [
                    ("sw", Math(f"{w.symbols.rows} \\times {w.symbols.cols}")),
                    ("sc", Math(f"{a.cols} \\times {b.cols}")),
                ]
                parts.append(("transpose_habit", ()))
            elif not _value_transposed(formula):
                pass  # no transpose to leave out: δ_logit x of a 1-D weight (a row's layout)
            elif a.cols == b.rows and made:
                # an inline layer's product fits: said, not computed (the handout's room; its
                # numbers are the product of that layer's values and δ)
                if step is None:
                    parts.append(("transpose_fits", ()))
            elif a.cols == b.rows:
                wrong = a * b
                grid = [[pc.ex.value(e) for e in row] for row in wrong.tolist()]
                parts.append(
                    (
                        "transpose_numbers" + (".step" if step is not None else ""),
                        (
                            pc.values(right_lhs, right),
                            _grid_values(
                                f"{x_tex} \\thinspace {grad_tex(d, grad.name)}",
                                grid,
                            ),
                        ),
                    )
                )
            else:
                parts.append(("transpose_shapes" + (".step" if step is not None else ""), ()))
    # 8. the chain stopped at the local derivative: a scalar parameter reached through a scalar
    # computed node (``u = w·x``), its local derivative ``∂u/∂w = x`` taken for ``∂L/∂w``
    v = next(b for b in params if b.name == first.name)
    c = v.contributions[0]
    src = g.tensors[c.source]
    if first.shape == (1, 1) and len(v.contributions) == 1 and c.source != spec.loss and src.shape == (1, 1):
        local = sp.Matrix(c.elementwise).xreplace({src.grads[0, 0]: 1})
        try:
            differs = pc.ex.value(local[0, 0]) != pc.ex.value(first.grads[0, 0])
        except (ValueError, ZeroDivisionError, TypeError):  # a value this example cannot give
            differs = False
        if differs and src.grads[0, 0] not in local.free_symbols:
            q = grad_tex(d, first.name)
            parts.append(
                (
                    "chain_stopped",
                    (
                        pc.values(q, first.grads),
                        pc.values(f"\\frac{{\\partial {src.tex}}}{{\\partial {first.tex}}}", local),
                    ),
                )
            )
            math += [
                ("cw", Math(first.tex)),
                ("cu", Math(src.tex)),
                ("cd", Math(grad_tex(d, src.name))),
            ]
    parts += _kernel_turned_slip(d, pc, math)
    if not parts:
        return None
    # the right gradient is shown with the first slip only; the later ones show just their own
    # wrong numbers against it
    right = next((eqs[0] for _, eqs in parts if eqs), None)
    seen = False
    out: list[tuple[str, tuple[Any, ...]]] = []
    for key, eqs in parts:
        if eqs[:1] == (right,) and right is not None:
            if seen:
                eqs = eqs[1:]
            seen = True
        out.append((key, eqs))
    return Lesson("mistakes", tuple(math), parts=tuple(out))


def _kernel_turned_slip(d: Derivation, pc: Pieces, math: list[tuple[str, Math]]) -> list[tuple[str, tuple[Any, ...]]]:
    """conv44: correlation and true convolution differ by the kernel turned by 180°, and the
    two are easily swapped: a kernel parameter's gradient taken by the other one's formula is
    the right gradient turned by 180° — the right numbers in the wrong places (the values are
    the derivation's own, turned; nothing is typed in). Shown for the first kernel a
    convolution of the forward pass slides, where turning changes it."""
    g, spec = d.graph, d.spec
    for _, tree in spec.forward:
        for n in ex.subtrees(tree):
            if not (isinstance(n, ex.Call) and n.func in ops.OPS and ops.get(n.func).kind == ops.CORR2D):
                continue
            k = n.args[1] if len(n.args) > 1 else None
            if not (isinstance(k, ex.Name) and k.id in spec.params and g.tensors[k.id].grads is not None):
                continue
            right = g.tensors[k.id].grads
            turned = right[::-1, ::-1] if right.rows > 1 else right[:, ::-1]
            try:
                moved = any(pc.ex.value(a) != pc.ex.value(b) for a, b in zip(right, turned, strict=True))
            except (ValueError, ZeroDivisionError, TypeError):  # a value this example cannot give
                moved = False
            if not moved:
                return []
            q = grad_tex(d, k.id)
            grid = [[pc.ex.value(e) for e in row] for row in turned.tolist()]
            math.append(("ck", Math(g.tensors[k.id].tex)))
            key = "kernel_turned" + (".flipped" if ops.get(n.func).extra.get("flip") else "")
            return [(key, (pc.values(q, right), _grid_values(f"{q}\\big|_{{180^\\circ}}", grid)))]
    return []


# a gradient of this many rows or more is shown by one row in a handout's common mistakes: the
# whole matrix is in the backward pass, and one row shows what each slip does to the numbers
# (a dense handout's five matrices of 3–5 rows took most of a page: DeepFM, the TFT block)
MISTAKE_ROWS = 3
_BMATRIX = re.compile(r"\\begin\{bmatrix\} (.*) \\end\{bmatrix\}")


def _drift_row(d: Derivation, pc: Pieces) -> int:
    """The row in which rounding along the way shows (the first row whose 3-digit working
    differs from the exact value rounded once; 0 when none does): the row the mistakes show."""
    g, spec = d.graph, d.spec
    last = g.tensors[next(p for p in spec.params if g.tensors[p].grads is not None)]
    rounded = _Rounded(d, SIG_DIGITS)
    for r, row in enumerate(last.grads.tolist()):
        if [rounded.ex.value(s) for s in row] != [rounded.round(pc.ex.value(s)) for s in row]:
            return r
    return 0


def _one_row(lesson: Lesson, r: int) -> Lesson:
    """``lesson`` (the common mistakes) with each matrix of :data:`MISTAKE_ROWS` rows or more
    shown by its row ``r`` (``(lhs)_{r,:}``), the body saying so (layout only: the same
    numbers, fewer of them; ``--detail full`` keeps every matrix)."""
    changed = False

    def row(v: Any) -> Any:
        nonlocal changed
        m = _BMATRIX.fullmatch(str(v.value)) if isinstance(v, Values) else None
        rows = m.group(1).split(" \\\\ ") if m else []
        if (
            len(rows) < MISTAKE_ROWS
            or r >= len(rows)
            or "&" not in rows[0]  # a column: printed as its row transposed already
            or any("dots" in x for x in rows)
        ):
            return v
        changed = True
        lhs = Math(f"\\left({v.lhs}\\right)_{{{r + 1},:}}")
        return Values(lhs, v.rel, Math(f"\\begin{{bmatrix}} {rows[r]} \\end{{bmatrix}}"))

    parts = tuple((key, tuple(row(v) for v in eqs)) for key, eqs in lesson.parts)
    if not changed:
        return lesson
    math = (*lesson.math, ("r", Math(str(r + 1))))
    return Lesson(lesson.key, math, lesson.eqs, lesson.values, lesson.code, lesson.proofs,
                  lesson.after, parts, lesson.reasons, "body.row")


# ---- closed forms of the parameter gradients ---------------------------------------------------


def closed_forms(d: Derivation) -> dict[str, Any]:
    """For each parameter, its gradient with every upstream gradient substituted by its own
    formula down to the forward values (``(O − t)·O·(1 − O)·x`` for a sigmoid neuron), proved
    equal to the gradient with the engine's checker; parameters whose formula already is in
    forward values are left out."""

    g = d.graph
    checker = Checker(defs=dict(d.defs))
    forms = {v.name: v.formula for v in d.backward}
    out: dict[str, Any] = {}
    for v in d.backward:
        if v.kind != "param":
            continue
        f, changed = v.formula, False
        for _ in range(len(forms) + 1):
            refs: list[mf.Ref] = []
            walk(f, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)  # type: ignore
            names = [r.name for r in refs if r.kind == "grad" and r.name in forms]
            if not names:
                break
            for name in dict.fromkeys(names):
                f, changed = _substitute(f, name, forms[name]), True
        if changed:
            f = tidy(f)
            t = g.tensors[v.name]
            out[v.name] = prove(
                checker, _term(t.grad_ref(g.loss_tex)), _term(f), v.rule, "handout.closed"
            )
    return out


def through_weights(d: Derivation, name: str, closed: Any) -> bool:
    """Whether the closed form ``closed`` (a proven step of :func:`closed_forms`) of parameter
    ``name`` carries another parameter: the error reached this layer through weights on the
    way back (tiny-mlp's ∂L/∂W1 has W2; the last layer's ∂L/∂W2 has none)."""
    refs: list[mf.Ref] = []
    walk(closed.rhs.value, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)  # type: ignore
    return any(r.kind == "value" and r.name in d.spec.params and r.name != name for r in refs)


_STEP_NAME = re.compile(r"([A-Za-z]\w*?)_?(\d+)")


def _step_index(name: str) -> tuple[str, int] | None:
    """``("h", 3)`` for the tensor ``h3`` or ``h_3`` of an unrolled recurrence; else ``None``."""
    m = _STEP_NAME.fullmatch(name)
    return (m.group(1), int(m.group(2))) if m else None


def _at_step(d: Derivation, tex: str, text: str, k: int) -> tuple[str, str]:
    """A contribution received at step ``k`` written for step ``t``: each tensor of step ``k``
    (``x^{[3]}``, ``x3``) as ``x^{[t]}``, ``x_t``, and of step ``k − 1`` as ``…{t - 1}``."""
    g = d.graph
    found = []
    for n, t in g.tensors.items():
        at = _step_index(n)
        if at is None or at[1] not in (k, k - 1) or t.tex.count(str(at[1])) != 1:
            continue
        step = "t" if at[1] == k else "t - 1"
        generic = f"{at[0]}_{step.replace(' ', '')}"
        found.append((t.tex, t.tex.replace(str(at[1]), step), n, generic))
    for old, new, _, _ in sorted(found, key=lambda f: -len(f[0])):
        if old.endswith("}"):  # transposed inside the superscript: x^{[3]\top}
            tex = tex.replace(old[:-1] + "\\top}", new[:-1] + "\\top}")
        tex = tex.replace(old, new)
    for _, _, old, new in sorted(found, key=lambda f: -len(f[2])):
        name = rf"(?<![A-Za-z0-9_]){re.escape(old)}(?![A-Za-z0-9_])"
        text = re.sub(name, new.replace("-", "−"), text)
    return tex, text


def _clip_only(spec: Any) -> tuple[Fraction, Fraction, bool] | None:
    """``(lo, hi, strict)`` where every ReLU (or clamp at 0) of ``spec`` is one of the two
    max(0, ·) of a two-sided clip (:func:`intuition._clips`: hardtanh's ``x − lo``, ``hi − …``)
    and the clips share their bounds and convention (strict: slope 0 at a bound, hardtanh's);
    else None."""
    calls = [n for _, t in spec.forward for n in ex.subtrees(t)
             if isinstance(n, ex.Call) and n.func in ("relu", "clamp0")]
    clips = [c for _, t in spec.forward for c in _clips(t, dict(spec.constants))]
    inner = {id(k) for c in clips for k in c[4]}
    bounds = {(Fraction(c[1]), Fraction(c[2]), c[3]) for c in clips}
    if not calls or len(bounds) != 1 or not all(id(n) in inner for n in calls):
        return None
    return bounds.pop()


def _kink_only(spec: Any) -> bool:
    """Is every ReLU (or clamp at 0) of ``spec`` a max(0, ·) of a difference, not a layer's
    activation: of a sum or difference none of whose terms is a matrix product (a hinge's
    margin, ``1 − y·(X w)``, Crammer–Singer's ``best_other − true_score``; a clip's ``x − lo``;
    a max of two read as ``b + relu(a − b)``; not ``X W + b``), whose output no matrix product
    reads, in its own line or a later one?"""
    kinked = ("relu", "clamp0")
    calls = [n for _, t in spec.forward for n in ex.subtrees(t)
             if isinstance(n, ex.Call) and n.func in kinked]
    def margin(a: ex.Node) -> bool:  # 1 − y·(X w), s − t + 1; not a layer's X W + b
        parts = sum_terms(a)
        return len(parts) > 1 and not any(isinstance(t, ex.BinOp) and t.op == "@" for t in parts)

    if not calls or not all(margin(a) for c in calls for a in c.args[:1]):
        return False
    learned = spec.moved_by(spec.params)  # a weight, or what one computes
    fed: set[str] = set()  # the lines that read a kink's output, directly or through others

    def kinked(n: ex.Node) -> bool:
        return bool(fed.intersection(ex.names(n))) or any(c in calls for c in ex.subtrees(n))

    for k, t in spec.forward:
        if not kinked(t):
            continue
        for n in ex.subtrees(t):
            if not (isinstance(n, ex.BinOp) and n.op in ("@", "*")):
                continue
            for mine, other in ((n.left, n.right), (n.right, n.left)):
                # weighted by a matrix product, or times a weight (micrograd's n1 * v1): a unit
                if kinked(mine) and (n.op == "@" or learned.intersection(ex.names(other))):
                    return False
        fed.add(k)
    return True


def step_sums(d: Derivation) -> dict[str, Any]:
    """For each parameter shared by the steps of an unrolled recurrence, its gradient as a
    lecturer writes backpropagation through time, ``∂L/∂W_h = Σ_{t=1}^{T} h_{t−1}ᵀ δ_{z_t}``:
    the sum of the contributions received at each step, proved equal to the gradient with the
    engine's checker (its value is that sum; the Σ only names the steps, each of them the same
    formula with its own step's tensors). Parameters whose contributions are not one formula
    at consecutive steps are left out."""
    if _shared_weight(d) is None:
        return {}
    g = d.graph
    checker: Checker | None = None
    out: dict[str, Any] = {}
    for v in d.backward:
        if v.kind != "param" or v.total is None or len(v.contributions) < 2:
            continue
        steps = [_step_index(c.source) for c in v.contributions]
        if any(s is None for s in steps) or len({s[0] for s in steps}) != 1:  # type: ignore[index]
            continue
        ks = sorted(s[1] for s in steps)  # type: ignore[index]
        if ks != list(range(ks[0], ks[0] + len(ks))):
            continue
        shown = {
            _at_step(d, c.step.rhs.tex, c.step.rhs.text, s[1])  # type: ignore[index]
            for c, s in zip(v.contributions, steps, strict=True)
        }
        if len(shown) != 1:
            continue
        ((tex, text),) = shown
        if isinstance(v.contributions[0].step.rhs.value, mf.Add):
            tex, text = f"\\left({tex}\\right)", f"({text})"
        checker = checker or Checker(defs=dict(d.defs))
        t = g.tensors[v.name]
        rhs = Term(
            v.total.rhs.value,
            f"\\sum_{{t={ks[0]}}}^{{{ks[-1]}}} {tex}",
            f"Σ_(t={ks[0]}..{ks[-1]}) {text}",
            v.total.rhs.shape,
        )
        lhs = _term(t.grad_ref(g.loss_tex))
        out[v.name] = prove(checker, lhs, rhs, v.rule, "handout.closed_steps")
    return out


def layered(d: Derivation) -> bool:
    """Every node but the loss is a linear layer (``@``, ``+``) or an element-wise activation,
    so a closed form reads "error at the output × slope of each activation × input"."""

    def plain(n: ex.Node) -> bool:
        if isinstance(n, ex.Name):
            return True
        if isinstance(n, ex.Transpose):
            return isinstance(n.operand, ex.Name)
        if isinstance(n, ex.BinOp):
            return n.op in ("@", "+") and plain(n.left) and plain(n.right)
        if isinstance(n, ex.Call) and n.func in ops.OPS:
            return ops.OPS[n.func].kind == ops.ELEMENTWISE and all(plain(a) for a in n.args)
        return False

    return all(plain(tree) for name, tree in d.spec.forward if name != d.spec.loss)


# ---- the loss, written out -------------------------------------------------------------------


def loss_formula(d: Derivation) -> Any:
    """The loss as a textbook formula, ``L = -\\frac{1}{m} \\sum_{i=1}^{m} [y_i \\log \\hat{y}_i
    + …]`` for a library loss (``bce``, ``mse``, ``sse``, ``cross_entropy``) over a vector (one
    sum) or a matrix (a double sum, ``-\\frac{1}{m} \\sum_i \\sum_j y_{ij} \\log p_{ij}``), proved
    equal to the loss with the engine's checker (the sum carried out over this network's
    entries); ``None`` for any other loss."""

    g, spec = d.graph, d.spec
    tree = spec.forward[-1][1]
    scale = Fraction(1)
    found = scaled_loss(tree)
    if found is not None:
        scale, tree = found
    if not isinstance(tree, ex.Call) or tree.kwargs:
        return None
    if tree.func not in ("bce", "mse", "sse", "cross_entropy"):
        return None
    if not all(isinstance(a, ex.Name) and a.id in g.tensors for a in tree.args[:2]):
        return None
    p, y = (g.tensors[a.id] for a in tree.args[:2])
    if p.shape != y.shape or max(p.shape) < 2:
        return None
    # one index per size larger than 1: Σ_i for a vector, Σ_i Σ_j for a matrix
    axes = [(k, n) for k, n in enumerate(p.shape) if int(n) > 1]
    letters = ("i", "j")[: len(axes)]

    def size_tex(n: Any) -> str:
        return name_tex(n.label) if getattr(n, "label", None) else str(int(n))

    idx = [sp.Symbol(c, integer=True) for c in letters]
    P, Y = sp.IndexedBase("P"), sp.IndexedBase("Y")
    sub = "".join(letters)
    pi, yi = f"{{{p.tex}}}_{{{sub}}}", f"{{{y.tex}}}_{{{sub}}}"
    if tree.func == "bce":
        inner = Y[tuple(idx)] * sp.log(P[tuple(idx)]) + (1 - Y[tuple(idx)]) * sp.log(
            1 - P[tuple(idx)]
        )
        body = (
            f"\\left[{yi} \\log {pi} + \\left(1 - {yi}\\right) \\log\\left(1 - {pi}\\right)\\right]"
        )
        sign, over = -1, [n for _, n in axes]
    elif tree.func == "cross_entropy":
        inner = Y[tuple(idx)] * sp.log(P[tuple(idx)])
        body = f"{yi} \\log {pi}"
        sign, over = -1, [p.shape[0]] if int(p.shape[0]) > 1 else []
    else:
        inner = (P[tuple(idx)] - Y[tuple(idx)]) ** 2
        body = f"\\left({pi} - {yi}\\right)^{{2}}"
        sign, over = 1, [n for _, n in axes] if tree.func == "mse" else []
    total = sp.Add(
        *(
            inner.xreplace(
                {P[tuple(idx)]: p.symbols[r, c], Y[tuple(idx)]: y.symbols[r, c]}
            )
            for r in range(int(p.shape[0]))
            for c in range(int(p.shape[1]))
        )
    )
    count = 1
    for n in over:
        count *= int(n)
    coeff = sp.Rational(scale.numerator, scale.denominator)
    value = coeff * sign * total / count
    parts = [latex(coeff)] if coeff != 1 else []
    if over:
        den = " \\cdot ".join(size_tex(n) for n in over)
        parts.append(f"\\frac{{1}}{{{den}}}")
    head = "-" if sign < 0 else ""
    sums = " ".join(
        f"\\sum_{{{c}=1}}^{{{size_tex(n)}}}" for c, (_, n) in zip(letters, axes, strict=True)
    )
    tex = head + " ".join([*parts, sums, body])
    loss = g.tensors[spec.loss]
    checker = Checker(defs=dict(d.defs))
    return prove(
        checker,
        Term(loss.symbols[0, 0], loss.tex, spec.loss, (1, 1)),
        Term(value, tex, tex, (1, 1)),
        "loss",
        "handout.loss",
    )
