"""Layers whose backward steps repeat the layer above: which of a deep network's backward steps
a standard handout writes compactly ("steps 3.8–3.10 are steps 3.5–3.7 again, with A^{[2]} → A^{[1]},
W^{[3]} → W^{[2]}").

Decided here, from the proven steps themselves (never by a template): a run of backward steps
repeats the run just above it when each step has the same paths of the chain rule with the same
rules, the same total and simplifications, the same matrix-form expressions up to a renaming of
the tensors (one renaming for the whole run, one-to-one) and the same pattern of shapes (one
renaming of the sizes for the whole run). Every step is still shown, proven and with its
numbers; only what the run above already said (shape tables, proofs cited, reasons, hand
working) is not repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from derive.engine import mform as mf
from derive.engine.backprop import BackwardVisit, Derivation
from derive.walkthrough.records import Math, dim_tex

MAX_PERIOD = 8  # steps of one layer (W, b, δ; a Z and an A step each: up to 4) and some room
# the fewest steps of a run that stops before its model's end (:func:`_partial_run_at`): a
# δ, its parameter and one more step — two alike could be a coincidence of names
PARTIAL_RUN_MIN = 3
BLOCK = "\x00"  # marks a block of a tensor (its place after it) among a step's tensors (:func:`_tree`)
# a block's place as printed, the tensor left out (``\operatorname{cols}_{3 \ldots 4}(\cdot)``);
# the place's sizes print by their [dims] names, which differ between networks: reset by
# :func:`repeats` and :func:`forward_repeats` for each derivation
BLOCK_TEX: dict[str, str] = {}


@dataclass(frozen=True)
class Like:
    """A backward step written compactly: it repeats the step ``ref`` places above it (the run
    the template's lead-in names: positions ``start``–``end`` of the backward section, 1-based,
    and the run above it, ``ref_start``–``ref_end``). ``first``: the run's first step, where the
    lead-in is written; ``renamed``: the tensors renamed, in order of use, as ``A^{[2]} \\to
    A^{[1]}, …`` (one substitution for all of them at once)."""

    first: bool
    start: int
    end: int
    ref_start: int
    ref_end: int
    renamed: Math
    pairs: tuple[tuple[str, str], ...] = ()  # the tensors renamed, by name
    # a parameter whose closed form is its sibling's just above with a renaming (checked on the
    # proven forms by :func:`same_closed`): (the sibling's gradient, the renaming) as shown;
    # the handout names that closed form instead of writing it again
    closed_as: tuple[Math, Math] | None = None
    # the run matched with its sizes in another pattern (:func:`_sizeless`): a deep
    # recurrence's first layer reads X (n×d) where the second reads H (n×h); the lead-in then
    # says that only the sizes differ, not that the shapes follow the same pattern
    sizes_differ: bool = False


@dataclass(frozen=True)
class _Form:
    """One backward step as compared: its shape (tree with the tensors and sizes numbered) and
    the tensors and sizes in order of use."""

    key: tuple
    names: tuple[str, ...]
    dims: tuple[str, ...]
    sizeless: tuple = ()  # the key with every tensor's shape left out (:func:`_sizeless`)


def _tree(m: Any, names: list[str], dims: list[str], g: Any) -> Any:
    """``m`` with each tensor replaced by (its kind, its number among the step's tensors) and
    each size of a tensor by its number among the step's sizes."""
    if isinstance(m, mf.Ref):
        if m.name not in names:
            names.append(m.name)
        shape = []
        for d in g.tensors[m.name].shape:
            t = dim_tex(d)
            if t not in dims:
                dims.append(t)
            shape.append(dims.index(t))
        return ("ref", m.kind, names.index(m.name), tuple(shape))
    if isinstance(m, mf.Scalar):
        return ("scalar", str(m.expr))
    if isinstance(m, mf.Slice | mf.Part):
        # a block of a tensor is compared by its width, its place named like a tensor: a
        # group's step reads its own block where the group before it read another
        # (cols_{3…4}(·) → cols_{1…2}(·), said in the renaming); a block at the same place
        # of a renamed tensor is no renaming of its own (VICReg's rows of cov_z_a, cov_z_b)
        inner = _tree(m.x, names, dims, g)
        block = f"{BLOCK}{type(m).__name__}:{m.axis}:{m.lo}:{m.hi}"
        if block not in names:
            names.append(block)
            BLOCK_TEX.setdefault(block, _placeholder(m.tex(), m.x.tex()))
        return ("block", type(m).__name__, m.axis, str(m.size), inner, names.index(block))
    if isinstance(m, mf.Add) and len(m.terms) > 1 and all(isinstance(t, mf.Ref) for t in m.terms):
        # a sum of plain tensors is the same sum in any order: DeepFM's e₁ + e₂ + e₃ in the step
        # of e₃ and again in the step of e₂ (renamed e₃ → e₂, e₂ → e₃), the same three tensors
        return ("sum", tuple(sorted(_tree(t, names, dims, g) for t in m.terms)))
    if not is_dataclass(m):
        return str(m) if not isinstance(m, tuple) else tuple(_tree(x, names, dims, g) for x in m)
    parts: list[Any] = [type(m).__name__]
    for f in fields(m):
        value = getattr(m, f.name)
        if isinstance(value, mf.MExpr | tuple) or is_dataclass(value):
            parts.append(_tree(value, names, dims, g))
        elif f.name != "shape":
            parts.append(str(value))
    return tuple(parts)


def _start(d: Derivation, name: str) -> tuple[list[str], list[str], tuple[int, ...]]:
    """The tensors and sizes of a step on ``name`` so far (its left side), and its shape as
    the numbers of its sizes."""
    dims: list[str] = []
    for dim in d.graph.tensors[name].shape:
        if (t := dim_tex(dim)) not in dims:
            dims.append(t)
    lhs = tuple(dims.index(dim_tex(dim)) for dim in d.graph.tensors[name].shape)
    return [name], dims, lhs


def _form(d: Derivation, v: BackwardVisit) -> _Form | None:
    """``v``'s form: its paths (rules and matrix-form steps), their total and its
    simplifications; ``None`` for a step not in matrix form."""
    g = d.graph
    names, dims, lhs = _start(d, v.name)
    steps = [c.step for c in v.contributions] + ([v.total] if v.total else []) + list(v.simplified)
    if not all(isinstance(s.rhs.value, mf.MExpr) for s in steps):
        return None
    paths = tuple((c.rules, _tree(c.step.rhs.value, names, dims, g)) for c in v.contributions)
    rest = tuple((s.rule, _tree(s.rhs.value, names, dims, g)) for s in steps[len(paths) :])
    key = (v.kind, lhs, paths, rest)
    return _Form(key, tuple(names), tuple(dims), (v.kind, _sizeless(paths), _sizeless(rest)))


def _sizeless(tree: Any) -> Any:
    """``tree`` (of :func:`_tree`) with the shapes of its tensors left out: the same rules and
    matrix-form expressions at other sizes. The rules of a matrix form hold for any sizes (the
    general proofs), so two steps equal in this form are one step with other sizes."""
    if isinstance(tree, tuple):
        if len(tree) == 4 and tree[0] == "ref":
            return tree[:3]
        return tuple(_sizeless(x) for x in tree)
    return tree


def _renaming(pairs: list[tuple[str, str]]) -> dict[str, str] | None:
    """``pairs`` as a one-to-one renaming, or ``None`` when they contradict each other."""
    out: dict[str, str] = {}
    for a, b in pairs:
        if out.setdefault(a, b) != b:
            return None
    return out if len(set(out.values())) == len(out) else None


def _match(
    above: list[_Form | None], below: list[_Form | None], sizes_differ: bool = False
) -> dict[str, str] | None:
    """The renaming of tensors that turns the run ``above`` into ``below`` step by step, or
    ``None`` when they differ in a rule, an expression or the pattern of shapes (with
    ``sizes_differ``, the shapes are not compared: :func:`_sizeless`)."""
    names: list[tuple[str, str]] = []
    dims: list[tuple[str, str]] = []
    for a, b in zip(above, below, strict=True):
        if a is None or b is None or (a.sizeless if sizes_differ else a.key) != (
            b.sizeless if sizes_differ else b.key
        ):
            return None
        names += zip(a.names, b.names, strict=True)
        if not sizes_differ:
            dims += zip(a.dims, b.dims, strict=True)
    renamed = _renaming(names)
    if renamed is None or all(a == b for a, b in renamed.items()):
        return None
    if not sizes_differ and _renaming(dims) is None:
        return None
    return renamed


def repeats(d: Derivation, order: tuple[str, ...]) -> dict[str, Like]:
    """The backward steps (by tensor name; ``order`` is the backward section's order) written
    compactly because the run of steps just above them has exactly their form. A run holds at
    least one parameter's gradient, a tensor that is not a scalar (a scalar graph's steps are
    one line each, their numbers the lesson: cs231n's sigmoid gate, w₁ and x₁ as w₀ and x₀)
    and at least two steps (one step like the one before it is a coincidence of names, not a
    layer — except a parameter's sibling, :func:`_sibling`, and a δ step of a twin branch right
    after its twin, :func:`_twin_step`); the last run may stop one step short of its model
    (the input layer has no δ of the input to pass on)."""
    BLOCK_TEX.clear()
    visits = {v.name: v for v in d.backward}
    forms = [_form(d, visits[n]) for n in order]
    kinds = [visits[n].kind for n in order]
    # a scalar graph's steps are one line each, their numbers the lesson: never compact
    wide = [tuple(int(x) for x in d.graph.tensors[n].shape) != (1, 1) for n in order]

    def allowed(i: int, end: int) -> bool:
        return end - i >= 2 and "param" in kinds[i:end] and any(wide[i:end])

    siblings: dict[int, tuple[int, dict[str, str]]] = {}
    for i in range(1, len(order)):
        if wide[i] or wide[i - 1]:
            renamed = _sibling(visits[order[i - 1]], visits[order[i]]) or _twin_step(
                forms, kinds, i
            )
            if renamed:
                siblings[i] = (1, renamed)
                continue
        j = _same_delta(order, forms, kinds, wide, i)
        if j is not None:
            siblings[i] = (i - j, {order[j]: order[i]})
    return _runs(d, order, forms, allowed, 2, siblings)


def _same_delta(
    order: tuple[str, ...], forms: list[_Form | None], kinds: list[str], wide: list[bool], i: int
) -> int | None:
    """The first δ step above position ``i`` (not the one just above it) whose step is the one at ``i``
    with only the tensor itself renamed: the same upstream δ, rules and formula (DeepFM's
    δ_second and δ_first, both ``(x − y)/batch`` as δ_deep, three terms of one sum under σ).
    It is that step again, not a coincidence of names: nothing else is renamed."""
    if kinds[i] == "param" or not wide[i] or forms[i] is None:
        return None
    for j in range(i - 1):  # the first such step: the one written in full
        renamed = _match([forms[j]], [forms[i]]) if kinds[j] != "param" else None
        if renamed is not None and {a: b for a, b in renamed.items() if a != b} == {order[j]: order[i]}:
            return j
    return None


def _twin_step(forms: list[_Form | None], kinds: list[str], i: int) -> dict[str, str] | None:
    """The renaming that turns the δ step just above position ``i`` into the one at ``i`` (both
    of computed tensors, the same form: :func:`_match`), or ``None``. Twin branches are
    backpropagated one right after the other — VICReg's two views, two attention heads, a
    sentence pair's two sides — and the second is the first again with its names replaced:
    a run of one, as a parameter's sibling is."""
    if "param" in (kinds[i], kinds[i - 1]):
        return None
    return _match([forms[i - 1]], [forms[i]])


def _sibling(a: BackwardVisit, b: BackwardVisit) -> dict[str, str] | None:
    """The renaming that turns parameter ``a``'s gradient into parameter ``b``'s, when ``b`` is
    ``a``'s sibling: both enter at the same node(s), so they take the same upstream δ, by the
    same rules, and ``b``'s steps are ``a``'s with the parameter and the values it multiplies
    replaced all at once (an LSTM gate's ``W_hc`` after ``W_xc``: ``H^T(…)`` for ``X^T(…)``; a
    recurrent layer's ``W_hh`` after ``W_xh``, at every time step). A value may be renamed to
    a name that also stays (``h_1 → h_0`` beside ``h_0 → h_0`` is the substitution still);
    no δ is renamed, and sizes may differ (``X`` is n×d, ``H`` n×h)."""
    if a.kind != "param" or b.kind != "param" or a.name == b.name:
        return None
    if [c.source for c in a.contributions] != [c.source for c in b.contributions]:
        return None
    steps_a = [c.step for c in a.contributions] + ([a.total] if a.total else []) + list(a.simplified)
    steps_b = [c.step for c in b.contributions] + ([b.total] if b.total else []) + list(b.simplified)
    if len(steps_a) != len(steps_b) or [c.rules for c in a.contributions] != [
        c.rules for c in b.contributions
    ]:
        return None
    pairs: dict[tuple[str, str], str] = {("grad", a.name): b.name}
    for sa, sb in zip(steps_a, steps_b, strict=True):
        if sa.rule != sb.rule or not isinstance(sa.rhs.value, mf.MExpr):
            return None
        if not _same(sa.rhs.value, sb.rhs.value, pairs):
            return None
    changed = {k: v for k, v in pairs.items() if k[1] != v}
    if any(kind == "grad" and name != a.name for kind, name in changed):
        return None
    return {name: v for (_kind, name), v in changed.items()} or None


def same_closed(d: Derivation, a: BackwardVisit, b: BackwardVisit, closed: Any) -> Math | None:
    """The renaming (as shown) that turns parameter ``a``'s proven closed form into ``b``'s,
    when ``b`` is ``a``'s sibling (:func:`_sibling`) and its closed form is ``a``'s with the
    same renaming and no other change; else ``None``. ``closed``: the closed forms by name."""
    renamed = _sibling(a, b)
    if renamed is None or a.name not in closed or b.name not in closed:
        return None
    x, y = closed[a.name].rhs.value, closed[b.name].rhs.value
    if not isinstance(x, mf.MExpr) or not isinstance(y, mf.MExpr):
        return None
    pairs: dict[tuple[str, str], str] = {("value", k): v for k, v in renamed.items()}
    pairs[("grad", a.name)] = b.name
    if not _same(x, y, pairs):
        return None
    if any(v != renamed.get(k[1], k[1]) for k, v in pairs.items() if k != ("grad", a.name)):
        return None
    g = d.graph
    return Math(", ".join(f"{g.tensors[k].tex} \\to {g.tensors[v].tex}" for k, v in renamed.items()))


def ones_closed(d: Derivation, w: BackwardVisit, b: BackwardVisit, closed: Any) -> Math | None:
    """The substitution (as shown, ``X \\to \\mathbf{1}``) that turns weight ``w``'s proven
    closed form into bias ``b``'s: a bias is a weight whose input is a column of ones, so where
    both enter at the same node(s) its closed form is often the weight's with each value the
    weight multiplies replaced by 𝟙 — checked here on the two proven forms, node by node (every
    occurrence of such a value becomes 𝟙, nothing else changes); else ``None``."""
    if w.kind != "param" or b.kind != "param" or w.name not in closed or b.name not in closed:
        return None
    if [c.source for c in w.contributions] != [c.source for c in b.contributions]:
        return None
    x, y = closed[w.name].rhs.value, closed[b.name].rhs.value
    if not isinstance(x, mf.MExpr) or not isinstance(y, mf.MExpr):
        return None
    pairs: dict[tuple[str, str], str] = {("grad", w.name): b.name}
    if not _same(x, y, pairs, ones=True):
        return None
    ones = [(kind, name) for (kind, name), v in pairs.items() if v == ONES]
    others = {key: v for key, v in pairs.items() if key != ("grad", w.name)}
    if not ones or any(v not in (key[1], ONES) for key, v in others.items()):
        return None
    shown = y.tex()
    if any(kind == "expr" and name in shown for kind, name in ones):
        return None  # an inline input that stays somewhere: not every occurrence becomes 𝟙
    g = d.graph
    tex = [name if kind == "expr" else g.tensors[name].tex for kind, name in ones]
    return Math(", ".join(f"{t} \\to \\mathbf{{1}}" for t in tex))


ONES = "\x00ones"  # what a value maps to in :func:`_same` where the other side is 𝟙


def _same(x: Any, y: Any, pairs: dict[tuple[str, str], str], ones: bool = False) -> bool:
    """``x`` and ``y`` are one expression up to the renaming ``pairs`` (extended as the tensors
    are met; a name renamed two ways fails); with ``ones``, a value ``V`` of ``x`` multiplied
    as ``Vᵀ G`` may stand where ``y`` has ``𝟙ᵀ G`` (its sum over the rows; ``G Vᵀ`` and ``G 𝟙``
    in a column-major layer): ``V`` is then mapped to :data:`ONES`."""
    if ones and isinstance(x, mf.MatMul) and isinstance(y, mf.SumRows | mf.SumCols):
        # Xᵀ G against 𝟙ᵀ G (SumRows), G Xᵀ against G 𝟙 (SumCols, a column-major layer)
        rows = isinstance(y, mf.SumRows)
        value, rest = (x.a, x.b) if rows else (x.b, x.a)
        if not isinstance(value, mf.T):
            return False
        if not isinstance(value.x, mf.Ref):  # an inline input, ReLU(hn)ᵀ G: named by its print
            if pairs.setdefault(("expr", value.x.tex()), ONES) != ONES:
                return False
        elif value.x.kind != "value" or pairs.setdefault(("value", value.x.name), ONES) != ONES:
            return False
        return _same(rest, y.x, pairs, ones)
    if isinstance(x, mf.Ref) or isinstance(y, mf.Ref):
        if not (isinstance(x, mf.Ref) and isinstance(y, mf.Ref)) or x.kind != y.kind:
            return False
        return pairs.setdefault((x.kind, x.name), y.name) == y.name
    if isinstance(x, mf.Scalar) or isinstance(y, mf.Scalar):
        return type(x) is type(y) and str(x.expr) == str(y.expr)
    if isinstance(x, tuple) or isinstance(y, tuple):
        return (
            isinstance(x, tuple)
            and isinstance(y, tuple)
            and len(x) == len(y)
            and all(_same(p, q, pairs, ones) for p, q in zip(x, y, strict=True))
        )
    if not is_dataclass(x) or not is_dataclass(y):
        return str(x) == str(y)
    if type(x) is not type(y):
        return False
    for f in fields(x):
        if f.name == "shape":
            continue
        p, q = getattr(x, f.name), getattr(y, f.name)
        if isinstance(p, mf.MExpr | tuple) or is_dataclass(p):
            if not _same(p, q, pairs, ones):
                return False
        elif str(p) != str(q):
            return False
    return True


def forward_repeats(d: Derivation) -> dict[str, Like]:
    """The forward steps written compactly because the run of steps just before them (a layer:
    one step ``A = f(A W + b)``, or two, ``Z`` then ``A``) has exactly their form: the same
    matrix-form expression up to one renaming of the tensors, sizes in the same pattern — or,
    where no such run starts, at other sizes (:func:`_sizeless`: a stacked recurrence's second
    layer reads h¹, n×h, where the first reads x, n×d; ``Like.sizes_differ``)."""
    g = d.graph
    BLOCK_TEX.clear()
    forms: list[_Form | None] = []
    for v in d.forward:
        rhs = v.step.rhs.value
        if not isinstance(rhs, mf.MExpr) or v.name in d.spec.detached:
            forms.append(None)
            continue
        names, dims, lhs = _start(d, v.name)
        tree = _tree(rhs, names, dims, g)
        forms.append(_Form((lhs, tree), tuple(names), tuple(dims), _sizeless(tree)))
    order = tuple(v.name for v in d.forward)
    return _runs(d, order, forms, lambda i, end: True, 1, sized=True)


def _runs(
    d: Derivation,
    order: tuple[str, ...],
    forms: list[_Form | None],
    allowed: Any,
    shortest: int,
    siblings: dict[int, tuple[int, dict[str, str]]] | None = None,
    sized: bool = False,
) -> dict[str, Like]:
    """Scan ``order`` for runs of steps like the run just before them (periods from
    ``shortest`` to :data:`MAX_PERIOD`; the shortest period that matches wins; ``allowed(i,
    end)`` vets a run). For backward steps (``siblings`` given) and with ``sized``, runs at other sizes
    (:func:`_sizeless`) then fill the steps no such run took — after, so that they never move
    where a run with its shapes in the same pattern starts (ng_deep_L4's layers 2 and 1) —,
    then runs that stop before their model's end (:func:`_partial_run_at`), and a parameter's gradient like its sibling's just before it (``siblings``: position →
    renaming, :func:`_sibling`) is a run of one where neither took it."""
    g = d.graph
    found = _scan_runs(forms, allowed, shortest, {})
    at_sizes = {}
    if siblings is not None or sized:
        at_sizes = _scan_runs(forms, allowed, shortest, _held(found), sizes_differ=True)
        found, at_sizes = _yield_to(found, at_sizes)
    if siblings is not None:
        found = found | _scan_runs(forms, allowed, shortest, found | at_sizes, partial=True)
        taken = {k for i, (_p, end, _r) in (found | at_sizes).items() for k in range(i, end)}
        ones = {i: (p, i + 1, r) for i, (p, r) in siblings.items() if i not in taken}
        found = found | ones
    out: dict[str, Like] = {}
    for i, (p, end, renamed) in sorted((found | at_sizes).items()):
        pairs = [(a, b) for a, b in renamed.items() if a != b]
        shown = Math(", ".join(f"{_name_tex(g, a)} \\to {_name_tex(g, b)}" for a, b in pairs))
        for k in range(i, end):
            out[order[k]] = Like(
                k == i, i + 1, end, i - p + 1, i - p + end - i, shown, tuple(pairs),
                sizes_differ=i in at_sizes,
            )
    return out


def _placeholder(tex: str, arg: str) -> str:
    """A block's LaTeX with its argument shown as ``\\cdot`` (``cols_{3…4}(·)``): the argument
    in its brackets at the end, never a letter inside ``\\operatorname`` (a tensor ``a``)."""
    wrapped = f"\\left({arg}\\right)"
    if tex.endswith(wrapped):
        return tex[: -len(wrapped)] + "\\left(\\cdot\\right)"
    head, found, tail = tex.rpartition(arg)
    return head + "\\cdot" + tail if found else tex


def _name_tex(g: Any, name: str) -> str:
    """A renamed tensor's LaTeX, or a block's place (:data:`BLOCK`, :data:`BLOCK_TEX`)."""
    return BLOCK_TEX[name] if name.startswith(BLOCK) else g.tensors[name].tex


def _held(found: dict[int, tuple[int, int, dict[str, str]]]) -> dict:
    """The runs of ``found`` that a run at other sizes may not cross: all but the runs of a
    single step. A stacked recurrence's second layer at its second step (z, r, n, h at other
    sizes than the first layer's) holds r ~ z, a strict run of one (two gates alike): the
    run of the whole layer at other sizes says more, so it takes that step in."""
    return {i: r for i, r in found.items() if r[1] - i > 1}


def _yield_to(
    found: dict[int, tuple[int, int, dict[str, str]]],
    at_sizes: dict[int, tuple[int, int, dict[str, str]]],
) -> tuple[dict, dict]:
    """``found`` without its runs of one step inside a longer run of ``at_sizes``
    (:func:`_held`), and ``at_sizes`` without the runs that only retake such a step (a strict
    run of one keeps its strict lead-in)."""
    ones = {i for i, (_p, end, _r) in found.items() if end - i == 1}
    at_sizes = {
        i: r for i, r in at_sizes.items() if not set(range(i, r[1])) <= ones
    }
    taken = {k for i, (_p, end, _r) in at_sizes.items() for k in range(i, end)}
    return {i: r for i, r in found.items() if i not in taken}, at_sizes


def _scan_runs(
    forms: list[_Form | None],
    allowed: Any,
    shortest: int,
    before: dict[int, tuple[int, int, dict[str, str]]],
    sizes_differ: bool = False,
    partial: bool = False,
) -> dict[int, tuple[int, int, dict[str, str]]]:
    """The runs found scanning ``forms`` from the top (start → ``(period, end, renaming)``),
    each as long as it matches, none over a step of the runs ``before``; with ``partial``,
    runs that stop before their model's end (:func:`_partial_run_at`)."""
    taken = {k for i, (_p, end, _r) in before.items() for k in range(i, end)}
    at = _partial_run_at if partial else _run_at
    out = {}
    i, n = 1, len(forms)
    while i < n:
        found = None if i in taken else at(forms, i, allowed, shortest, sizes_differ)
        if found is None or taken.intersection(range(i, found[1])):
            i += 1
            continue
        out[i] = found
        i = found[1]
    return out


def _run_at(
    forms: list[_Form | None], i: int, allowed: Any, shortest: int, sizes_differ: bool = False
) -> tuple[int, int, dict[str, str]] | None:
    """``(period, end, renaming)`` of the run starting at position ``i`` that repeats the run
    ``period`` places above it (the shortest period that matches), or ``None``."""
    n = len(forms)
    for p in range(shortest, min(i, MAX_PERIOD) + 1):
        end = min(i + p, n)
        # the last run may lack the last step of its model (the δ the input layer does not
        # pass on), no more: a shorter run would repeat a run further up, not the one above
        if end - i < p - 1 or not allowed(i, end):
            continue
        renamed = _match(forms[i - p : i - p + end - i], forms[i:end], sizes_differ)
        if renamed is not None:
            return p, end, renamed
    return None


def _partial_run_at(
    forms: list[_Form | None], i: int, allowed: Any, shortest: int, sizes_differ: bool = False
) -> tuple[int, int, dict[str, str]] | None:
    """``(period, end, renaming)`` of the longest run starting at position ``i`` that repeats
    the steps ``period`` places above it and stops before the end of that model (at least
    :data:`PARTIAL_RUN_MIN` steps; the shortest period that matches), or ``None``. A layer's
    own steps repeat the layer above while the δ that enters it does not: a two-layer GRU's
    first layer at the last time step (δn, ∂Un, δr, ∂Ur, δz, ∂Uz as the second layer's) is
    entered by δh¹₂, which sums what both the layer above and the next step send back, where
    the second layer's δh²₂ comes from the loss alone. The lead-in names the steps of both
    runs, so a run shorter than its model says exactly which steps it repeats."""
    n = len(forms)
    for p in range(shortest, min(i, MAX_PERIOD) + 1):
        for end in range(min(i + p, n), i + PARTIAL_RUN_MIN - 1, -1):
            if not allowed(i, end):
                continue
            renamed = _match(forms[i - p : end - p], forms[i:end], sizes_differ)
            if renamed is not None:
                return p, end, renamed
    return None
