"""``(Derivation, Example, Report, proofs, training) → Walkthrough``: the plain context that the
templates lay out.

Everything a template shows is already printed here: LaTeX (:class:`Math`, made by our printers
or by :class:`~derive.numeric.example.Example`), numbers, code lines, diagram edges. Every equation is a
verified :class:`~derive.engine.steps.Step` — the derivation's, a proof's, or a lesson's step proved with
the engine's checker (:mod:`derive.walkthrough.lessons`). Prose is not here at all: only locale keys and the
values that fill them. The context is language-neutral except for the ``{en, zh}`` dictionaries
that come from the spec and the proofs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import Any

from derive.engine import mform as mf
from derive.engine import printing
from derive.engine.backprop import Derivation
from derive.engine.graph import parallel_views
from derive.lang import ops
from derive.locale import catalog
from derive.numeric.example import Example
from derive.walkthrough import evidence, handpick, intuition, layers, lessons, recur
from derive.walkthrough.codegen import Code, code
from derive.walkthrough.diagram import Diagram, diagram
from derive.walkthrough.records import (
    DETAILS,
    BackwardItem,
    Cited,
    ForwardItem,
    Math,
    Pieces,
    ProofItem,
    Values,
    Walkthrough,
    constants_tex,
)
from derive.walkthrough.tidy import tidied


def backward_order(items: tuple[BackwardItem, ...], loss: str) -> tuple[BackwardItem, ...]:
    """Backprop order: each parameter's gradient right after the last gradient it needs (so
    ``∂L/∂W2`` comes before ``δ`` of the hidden layer and ``∂L/∂W1``); nodes keep their
    reverse-topological order."""
    done, out = {loss}, []
    params = [b for b in items if b.kind == "param"]

    def ready() -> None:
        for b in list(params):
            if all(p.source in done for p in b.paths):
                out.append(b)
                params.remove(b)
                done.add(b.name)

    ready()
    for b in items:
        if b.kind == "param":
            continue
        out.append(b)
        done.add(b.name)
        ready()
    return tuple(out + params)


def _code_order(c: Code, items: tuple[BackwardItem, ...], gkey: Callable[[str], str]) -> Code:
    """The code's backward lines in the order of ``items`` (a ``dL = 1.0`` line stays first)."""
    lines = {line.split(" = ", 1)[0]: line for line in c.backward}
    names = [gkey(b.name) for b in items]
    if set(names) - set(lines):
        return c
    head = [line for key, line in lines.items() if key not in names]
    return replace(c, backward=tuple(head + [lines[n] for n in names]))


@dataclass(frozen=True)
class Prepared:
    """The part of a network's context that the numbers (report, training) do not change:
    :func:`prepare`'s, for :func:`build`."""

    d: Derivation  # the derivation with its formulas tidied (:func:`tidy.tidied`)
    proofs: Mapping[str, Any]
    detail: str
    ex: Example
    pc: Pieces
    forward: tuple[ForwardItem, ...]
    backward: tuple[BackwardItem, ...]
    origin: Derivation  # the derivation :func:`prepare` was given


# a parameter's gradient "in one formula" (forward values only) is shown up to this many
# characters of LaTeX: the built-ins' are at most 324 (batchnorm); through a Transformer or
# MLP-Mixer block it runs to 20 KB, which no reader uses and KaTeX refuses ("Too many
# expansions"). Longer, the handout says it is left out (the steps above give the gradient).
MAX_CLOSED_TEX = 2000
# below ``full`` detail a closed form over this many characters is left out too, saying so
# (``BackwardItem.closed_cut``): the built-ins' longest is 324; a layer deep in a network
# (a residual batch-norm block's first layer, a deep RNN's first layer) inlines every δ above
# it into 800–1500 characters — half a page of nested fractions that the steps above already
# give one readable step at a time. ``--detail full`` writes it out.
STANDARD_CLOSED_TEX = 800


def prepare(d: Derivation, proofs: Mapping[str, Any], detail: str = "full") -> Prepared:
    """The forward and backward items of ``d``'s context (hand calculations, closed forms,
    the words of each step): what :func:`build` makes before it reads the numbers. ``derive
    build`` prepares them while PyTorch's worker is still importing."""
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; choose from: {', '.join(DETAILS)}")
    full = detail == "full"
    origin, d = d, tidied(d)
    ex = Example(d)
    pc = Pieces(d, ex, proofs)
    g, spec = d.graph, d.spec
    forward = tuple(pc.forward(v) for v in d.forward)
    backward = backward_order(tuple(pc.backward(v, full) for v in d.backward), spec.loss)
    closed = lessons.closed_forms(d)
    if not full:  # a recurrence's shared weights as Σ over the steps (full: forward values only)
        closed.update((k, v) for k, v in lessons.step_sums(d).items() if k in closed)
    shown = {
        n: pc.eq(step, g.tensors[n].shape)
        for n, step in closed.items()
        if n in {b.name for b in backward}
    }
    backward = tuple(
        b
        if b.name not in shown
        else replace(b, closed_long=True)
        if len(closed[b.name].rhs.tex) > MAX_CLOSED_TEX
        else replace(b, closed_cut=True)
        if not full and len(closed[b.name].rhs.tex) > STANDARD_CLOSED_TEX
        else replace(
            b, closed=shown[b.name], deep=lessons.through_weights(d, b.name, closed[b.name])
        )
        for b in backward
    )
    if detail == "standard":  # a layer like the one above it: written compactly
        like = _worked(backward, layers.repeats(d, tuple(b.name for b in backward)))
        like = _closed_as(d, backward, like, closed)
        backward = tuple(replace(b, like=like.get(b.name)) for b in backward)
        backward = _ones_as(d, backward, closed)
        if like:  # a deep network: its forward layers repeat too
            ahead = _worked(forward, layers.forward_repeats(d))
            forward = tuple(replace(f, like=ahead.get(f.name)) for f in forward)
        forward, backward = _at_steps(d, forward, backward)
    if not full:  # a sum over paths too wide for a row: named by its paths, each just above
        backward = _totals_named(d, backward)
    words = intuition.paragraphs(d, ex)
    # a compact step (b.like) shows no "in words" paragraph: nothing is said there first
    # a compact step says nothing in words, but a shared weight's Σ over t keeps the sentence
    # on sharing (said in full once, then short)
    said = intuition.once(
        [
            ()
            if b.like or b.at_step and b.at_step.t
            else tuple(x for x in words.get(b.name, ()) if x.key.startswith("shared"))
            if b.at_step
            else words.get(b.name, ())
            for b in backward
        ]
    )
    said = [
        tuple(x for x in ws if x.key in ("shared", "shared.apart")) if b.at_step else ws
        for b, ws in zip(backward, said, strict=True)
    ]
    backward = tuple(replace(b, words=ws) for b, ws in zip(backward, said, strict=True))
    return Prepared(d, proofs, detail, ex, pc, forward, backward, origin)


def _at_steps(
    d: Derivation, forward: tuple[ForwardItem, ...], backward: tuple[BackwardItem, ...]
) -> tuple[tuple[ForwardItem, ...], tuple[BackwardItem, ...]]:
    """An unrolled recurrence's steps at other time steps written as the step shown first with
    ``t`` as the index, and a shared weight's gradient as ``Σ_t`` (proven step by step:
    :mod:`derive.walkthrough.recur`); the step shown first says its formula with ``t`` and where
    it is met again. Steps already compact (a layer like the one above) are left as they are, and so are
    the forward steps such a layer refers to (their hand working is the one it names)."""
    at, every = recur.at_steps(
        d, tuple(b.name for b in backward), {b.name for b in backward if b.like or b.short}
    )
    # a shared weight as Σ over t: its general proofs cited there when no step in full above
    # cites them (a bias after the weights: bias-sum)
    cited: set[str] = set()
    said: set[str] = set()  # a closed form as Σ over t (lessons.step_sums): this Σ says it
    for b in backward:
        a = at.get(b.name)
        if a is not None and not a.t:
            new = tuple(p for p in b.proofs if p not in cited)
            at[b.name] = replace(a, cite=new) if new else a
            if b.closed is not None and b.closed.reason == "handout.closed_steps":
                said.add(b.name)
        if not b.like and (a is None or not a.t):
            cited.update(b.proofs)
    backward = tuple(
        replace(
            b,
            at_step=at.get(b.name),
            every=every.get(b.name),
            closed=None if b.name in said else b.closed,
        )
        for b in backward
    )
    named = [f.name for f in forward]
    kept = {f.name for f in forward if f.like}
    for f in forward:
        if f.like:
            kept.update(named[f.like.ref_start - 1 : f.like.ref_end])
    at, every = recur.forward_at_steps(d, kept)
    forward = tuple(replace(f, at_step=at.get(f.name), every=every.get(f.name)) for f in forward)
    return forward, backward


def _totals_named(d: Derivation, items: tuple[BackwardItem, ...]) -> tuple[BackwardItem, ...]:
    """``items`` with each sum over paths wider than a row of the page
    (:data:`handpick.PAGE_WIDTH`: it would take two rows or more) written as the sum of its
    paths' gradients by name — ``δ_h = δ_h|_{h'} + δ_h|_{n'} + …`` —, each written out in
    full just above it: a GRU's δh¹₁ took four rows to repeat its six paths term by term.
    The proven total is exactly that sum (the engine adds the paths' formulas in their order,
    ``sum-over-paths``): checked here on the matrix forms, else left in full. The step keeps
    its reason; ``full`` keeps the sum written out."""
    visits = {v.name: v for v in d.backward}
    out = []
    for b in items:
        v = visits.get(b.name)
        t = b.total
        if t is None or v is None or v.total is None or len(b.paths) < 2:
            out.append(b)
            continue
        if printing.display_width(f"{t.lhs} = {t.rhs}") <= handpick.PAGE_WIDTH:
            out.append(b)
            continue
        parts = [c.step.rhs.value for c in v.contributions]
        if not all(isinstance(x, mf.MExpr) for x in parts) or mf.add(*parts) != v.total.rhs.value:
            out.append(b)
            continue
        named = Math(" + ".join(str(p.eq.lhs) for p in b.paths))
        out.append(replace(b, total=replace(t, rhs=named, shape_rows=(), hint=Math(""))))
    return tuple(out)


def _closed_as(
    d: Derivation, items: tuple[BackwardItem, ...], like: dict[str, layers.Like], closed: dict
) -> dict[str, layers.Like]:
    """``like`` with each compact parameter whose closed form is the one of its sibling just
    above it with a renaming (:func:`layers.same_closed`: an LSTM gate's ``W_hc`` after
    ``W_xc``) marked so: the handout names the sibling's closed form instead of writing it
    again. Only where the sibling's closed form is written out."""
    out = dict(like)
    visits = {v.name: v for v in d.backward}
    for k, item in enumerate(items):
        lk = like.get(item.name)
        if lk is None or item.closed is None or k == 0:
            continue
        model = items[k - 1]
        above = out.get(model.name)
        if model.closed is None or above is not None and above.closed_as is not None:
            continue
        if model.closed.reason == "handout.closed_steps":
            continue  # a Σ over the steps, said by the model's own Σ row (_at_steps) in t
        renamed = layers.same_closed(d, visits[model.name], visits[item.name], closed)
        if renamed is not None:
            out[item.name] = replace(lk, closed_as=(model.tex, renamed))
    return out


def _ones_as(d: Derivation, items: tuple[BackwardItem, ...], closed: dict) -> tuple[BackwardItem, ...]:
    """``items`` with each bias whose closed form is the one of a weight above it (in the same
    run of parameters, written out there) with the weight's inputs replaced by 𝟙
    (:func:`layers.ones_closed`) marked so, where the form takes more than a row of the page:
    naming it is then shorter than writing it again."""
    visits = {v.name: v for v in d.backward}
    out = list(items)
    for k, item in enumerate(items):
        if item.closed is None or item.like and item.like.closed_as:
            continue
        if printing.display_width(str(item.closed.rhs)) <= printing.ROW_WIDTH:
            continue
        for j in range(k - 1, -1, -1):
            model = out[j]
            if model.kind != "param":
                break
            if model.closed is None or model.closed_ones or model.like and model.like.closed_as:
                continue
            shown = layers.ones_closed(d, visits[model.name], visits[item.name], closed)
            if shown is not None:
                out[k] = replace(item, closed_ones=(model.tex, shown))
                break
    return tuple(out)


def _worked(items: tuple, like: dict[str, layers.Like]) -> dict[str, layers.Like]:
    """``like`` without the runs that would leave a kind of step with no hand working: a run is
    written compactly only where each step of the run it repeats is worked out by hand (or is
    itself compact, its model worked out above), or has no hand working to give."""
    kept: dict[str, layers.Like] = {}
    for k, item in enumerate(items):
        lk = like.get(item.name)
        if lk is None or not lk.first:
            continue
        run = items[lk.start - 1 : lk.end]
        model = items[lk.ref_start - 1 : lk.ref_end]
        if all(
            len(m.calcs) or m.name in kept or not len(r.calcs)
            for m, r in zip(model, run, strict=True)
        ):
            kept.update((r.name, like[r.name]) for r in run)
    return kept


def _shown(forward: tuple, backward: tuple, detail: str) -> Callable[[Any], Any]:
    """The hand calculations of an item the handout shows: those the templates' ``few`` picks,
    none at ``brief`` (its templates show none)."""
    if detail == "brief":
        return lambda item: ()
    few, _dense = handpick.few(SimpleNamespace(forward=forward, backward=backward), detail)
    return lambda item: few(item.calcs)


def build(
    d: Derivation,
    report: Any,
    proofs: Mapping[str, Any],
    history: Any = None,
    *,
    plot: str = "",
    detail: str = "full",
    prepared: Prepared | None = None,
) -> Walkthrough:
    """The context of one network. ``report`` is :func:`derive.numeric.verify.verify`'s (or ``None``),
    ``proofs`` maps proof names to :class:`derive.proofs.Proof`, ``history`` is
    :func:`derive.numeric.verify.train`'s ``[(step, loss)]`` (or ``None``), ``plot`` the plot's file
    name. At ``detail`` ``full`` the general proofs are built and shown in the walkthrough; at
    ``standard``/``brief`` they are only cited (:attr:`Walkthrough.cited`), never built here.
    ``prepared``: :func:`prepare`'s part, made earlier with the same ``d``, ``proofs`` and
    ``detail`` (else made now)."""

    same = (
        prepared is not None
        and prepared.origin is d
        and prepared.proofs is proofs
        and prepared.detail == detail
    )
    pre = prepared if same and prepared is not None else prepare(d, proofs, detail)
    full = detail == "full"
    d, ex, pc, forward, backward = pre.d, pre.ex, pre.pc, pre.forward, pre.backward
    g, spec = d.graph, d.spec
    found = lessons.shown_closed(lessons.lessons(d, pc, report, detail), tuple(backward))
    names: list[str] = []
    for name in [n for b in backward for n in b.proofs] + [n for ls in found for n in ls.proofs]:
        if name in proofs and name not in names:
            names.append(name)
    proof_items = tuple(pc.proof(n) for n in names) if full else ()
    cited = tuple(
        Cited(n, {lang: catalog.text(f"proof_titles.{n}", lang) for lang in catalog.LANGS})
        for n in names
    )
    order = [*spec.inputs, *spec.params, *(n.name for n in g.nodes)]
    # tidying proves each step again, one for one: the count of the derivation as made (the
    # tidied one's backward entries are written out only when a handout reads them)
    steps = len(pre.origin.steps()) + sum(1 + len(p.steps) for p in proof_items)
    steps += sum(len(ls.eqs) for ls in found)
    # the header's flags read the hand calculations the handout shows (each is worked out when
    # read: an entry not shown is never printed) and every tensor's values
    pick = _shown(forward, backward, detail)
    shown = [c for item in (*forward, *backward) for c in pick(item)]
    rounded = any(rel == "\\approx" for c in shown for rel, _ in c.chain) or any(
        i.value.rel != "=" for i in (*forward, *backward)
    )
    # a number below 10⁻³ (or from 10⁵ on) is shown with 7 significant digits, as a × 10^k: the
    # header says so where one is shown (Example.tex's rule)
    # … the teaching notes' numbers too (attention's −9.654482 × 10⁻⁴ among its mistakes)
    noted = [v for ls in found for v in (*ls.values, *(x for _, xs in ls.parts for x in xs))]
    scientific = (
        any("\\times 10^{" in str(item.value.value) for item in (*forward, *backward))
        or any("\\times 10^{" in t for c in shown for _, t in c.chain)
        or any("\\times 10^{" in str(v.value) for v in noted if isinstance(v, Values))
    )
    # conv44: a convolution's or pooling's rules (δK = X ⋆ δZ, unpool …) have no general proof
    kinds = {ops.get(c.func).kind for node in g.nodes for c in intuition._calls(node.tree) if c.func in ops.OPS}
    conv, pool = bool(kinds & {ops.CORR2D, ops.DILATE, ops.ROT180}), ops.POOL2D in kinds
    unproven = "both" if conv and pool else "conv" if conv else "pool" if pool else ""
    unmasked = []
    for node in g.nodes:
        tree = node.tree
        arg = tree.args[0] if getattr(tree, "func", None) == "relu" else None
        if arg is not None and hasattr(arg, "id") and arg.id in g.tensors:
            t = g.tensors[arg.id]
            if all(ex.value(s) > 0 for s in t.symbols):
                unmasked.append((Math(g.tensors[node.name].tex), Math(t.tex)))
    return Walkthrough(
        name=spec.name,
        title=intuition.heading(d),
        description=dict(spec.description),
        loss=spec.loss,
        loss_tex=Math(g.loss_tex),
        tensors=tuple(pc.tensor(n) for n in order),
        equations=tuple((Math(f.step.lhs.tex), Math(f.step.rhs.tex)) for f in d.forward),
        diagram=_math_labels(diagram(g)),
        forward=forward,
        backward=backward,
        proofs=proof_items,
        lessons=tuple(found),
        verification=evidence.verification(d, report),
        code=_code_order(code(d), backward, d.spec.gkey),
        training=evidence.training(d, history, plot) if history else None,
        steps_verified=steps,
        rounded=rounded,
        scientific=scientific,
        detail=detail,
        cited=cited,
        unproven=unproven,
        generated=Math(", ".join(g.tensors[n].tex for n in spec.generated)),
        unmasked=tuple(unmasked),
        loss_formula=pc.eq(lf, (1, 1)) if (lf := lessons.loss_formula(d)) is not None else None,
        layered=lessons.layered(d),
        views=bool(parallel_views(d.spec)),
        ones=_ones_first(d),
        constants=constants_tex(d),
        route=Math(", ".join(g.tensors[b.name].tex for b in backward if b.kind != "param")),
        shares=_shares(g, backward),
    )


def _shares(g: Any, backward: tuple[BackwardItem, ...]) -> tuple[tuple[Math, Math], ...]:
    """Each parameter, in backward order, with the node(s) where it enters the network — where
    the chain rule hands it its share ("W^{[2]} at y_pred"; rnn's W_x at z_1, z_2)."""
    return tuple(
        (Math(g.tensors[b.name].tex), Math(", ".join(dict.fromkeys(p.source_tex for p in b.paths))))
        for b in backward
        if b.kind == "param"
    )


_ONES = re.compile(r"\\mathbf\{1\}(?!\[)")  # 𝟙 as a vector, not the indicator 𝟙[z > 0]


def _ones_first(d: Derivation) -> str:
    """Where the handout first shows 𝟙, so that it is defined there: ``"forward"`` (a mean over
    the batch, ``μ = (1/m) 𝟙ᵀZ``), ``"backward"`` (a bias summed over the batch, ``𝟙ᵀδ``), or
    ``""``."""
    if any(_ONES.search(f.step.rhs.tex) for f in d.forward):
        return "forward"
    for v in d.backward:
        texts = [c.formula.tex() for c in v.contributions] + [v.formula.tex()]
        texts += [s.rhs.tex for s in v.simplified]
        if any(_ONES.search(t) for t in texts):
            return "backward"
    return ""


def _math_labels(dg: Diagram) -> Diagram:
    """The diagram with its LaTeX labels marked as printer-made math."""
    return replace(
        dg,
        nodes=tuple(replace(n, tex=Math(n.tex)) for n in dg.nodes),
        edges=tuple(replace(e, tex=Math(e.tex)) for e in dg.edges),
    )


@dataclass(frozen=True)
class ProofsDocument:
    """The context of the proofs document (``proofs.md``/``.tex``): the general proofs that the
    handouts of one build cite, each once."""

    proofs: tuple[ProofItem, ...]
    steps_verified: int
    detail: str = "full"  # the proofs are shown in full


def proofs_document(names: list[str], proofs: Mapping[str, Any]) -> ProofsDocument:
    """Build (and so verify) the proofs ``names`` and lay them out."""
    pc = Pieces.__new__(Pieces)  # a proof's equations name no tensor of any network
    pc.d = pc.ex = pc.g = None  # type: ignore[assignment]
    pc.proofs = proofs
    items = tuple(pc.proof(n) for n in names)
    return ProofsDocument(items, sum(1 + len(p.steps) for p in items))
