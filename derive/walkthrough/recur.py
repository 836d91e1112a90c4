"""An unrolled recurrence's backward steps in compact form, with the time step ``t`` as an index
(issue 12): a lecture on backpropagation through time shows ONE step's formulas with ``t``, says
they hold at every step, and sums a shared weight's shares over ``t``.

Decided here, from the proven steps (never by a template): the tensors of an unrolled
recurrence are named by their step (``h1``, ``h2``; ``z11``, ``z12`` for layer 1 at steps 1
and 2). The step's digit is the one whose tensors at different values use the same weights
(a layer's digit does not: ``z11`` uses ``Wz1``, ``z21`` uses ``Wz2``). A backward step at step
``k`` is written as an earlier-shown step at step ``r`` with ``t`` as the index when the
earlier step's formula, its tensors of step ``r + j`` replaced by the same tensors at step
``k + j``, is PROVED equal to this step's formula (the engine's random-point identity test);
a tensor before the first step or after the last (``h₀``, ``δh_{T+1}``) is taken as 0 and the
handout says so (the special case: ``δz₁ = −δh₁ ⊙ n₁`` is ``δz_t = δh_t ⊙ (h_{t−1} − n_t)``
at ``h₀ = 0``). A parameter shared by the steps: its gradient as ``Σ_t`` of one path's formula
with ``t``, each of its paths proved equal to that term at its step and the sum proved equal to
the engine's total. Every step is still shown with its own proven formula, its numbers and its
code line; only the shapes, reasons and hand working already given at step ``r`` are not
repeated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import mpmath
import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import BackwardVisit, Derivation
from derive.engine.steps import Checker, StepError, Term, prove
from derive.lang import expr as ex
from derive.numeric.example import Example, as_mpf
from derive.walkthrough.records import Eq, Math

_NAME = re.compile(r"([A-Za-z][A-Za-z_]*?)_?(\d+)")


@dataclass(frozen=True)
class AtStep:
    """A backward step written as step ``ref`` (1-based position in the backward section) with
    ``t`` as the index: ``generic`` is that formula with ``t`` (``lhs = rhs`` as shown), ``t`` this
    step's index (0 for a parameter's Σ over the steps), ``zero`` the tensors taken as 0 at this
    step (``h^{[2]}_{0} = 0``), ``proofs`` the proven identities (this step's formula = the
    generic one at its step; for a Σ, each path and the total)."""

    ref: int
    generic: Eq
    t: int
    zero: Math = Math("")
    proofs: tuple[Any, ...] = ()
    cite: tuple[str, ...] = ()  # a Σ over t: general proofs no step in full above cites
    # a gate the spec writes inside this step (no node of its own at this t), as its family's
    # formula at this t: ``r^{[1]}_{1} = σ(x_1 W_r + h^{[1]}_0 U_r)``
    gate: Math = Math("")

    @property
    def t_tex(self) -> Math:
        return Math(f"t = {self.t}")


@dataclass(frozen=True)
class _Slot:
    family: str  # the name without the step's digit (z1 for z11, z12: layer 1's z)
    step: int
    stem: str
    rest: str  # the other digits (the layer), "" for a single index


def _split(name: str) -> tuple[str, str] | None:
    m = _NAME.fullmatch(name)
    return (m.group(1), m.group(2)) if m else None


def _params(d: Derivation) -> dict[str, set[str]]:
    """The parameters each forward assignment reads."""
    params = {n for n, t in d.graph.tensors.items() if t.kind == "param"}
    return {name: {n for n in ex.names(tree) if n in params} for name, tree in d.spec.forward}


def slots(d: Derivation) -> dict[str, _Slot]:
    """Each time-indexed tensor of ``d`` (inputs and computed tensors, never a parameter): its
    family and step. For names of ``L`` digits the step's digit is the position whose families
    share weights across their members most often; none when no family does."""
    g = d.graph
    uses = _params(d)
    params = {n for n, t in g.tensors.items() if t.kind == "param"}
    by_len: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for n in g.tensors:
        if n in params or n == g.loss:
            continue
        s = _split(n)
        if s:
            by_len[len(s[1])].append((n, *s))
    # a stem met with digits of several lengths (h9, h10: a tenth step, or a layer and a step)
    # has no one digit for its step: left out
    lengths: dict[str, set[int]] = defaultdict(set)
    for length, names in by_len.items():
        for _, stem, _ in names:
            lengths[stem].add(length)
    by_len = {
        k: [x for x in names if len(lengths[x[1]]) == 1] for k, names in by_len.items()
    }
    out: dict[str, _Slot] = {}
    for length, names in by_len.items():
        best, score = None, 0
        for p in range(length):
            fam: dict[str, list[str]] = defaultdict(list)
            for n, stem, digits in names:
                fam[stem + digits[:p] + "·" + digits[p + 1 :]].append(n)
            shared = sum(
                1
                for members in fam.values()
                if len(members) > 1
                and all(uses.get(m) for m in members)
                and set.intersection(*(uses.get(m, set()) for m in members))
            )
            if shared > score:
                best, score = p, shared
        if best is None and length == 1:  # inputs x1, x2 beside a recurrence of longer names
            best = 0 if any(g.tensors[n].kind == "input" for n, _, _ in names) else None
        if best is None:
            continue
        for n, stem, digits in names:
            rest = digits[:best] + digits[best + 1 :]
            out[n] = _Slot(f"{stem}{rest}·{length}", int(digits[best]), stem, rest)
    return out


def recurrent(d: Derivation, found: dict[str, _Slot]) -> bool:
    """Some step reads an earlier step's tensor (``h2 = tanh(x2 W + h1 U)``): a recurrence,
    with a state before its first step. Branches sharing weights (a siamese pair ``e1 = f(x1)``,
    ``e2 = f(x2)``; DeepFM's lookups) have steps but no state before the first: no ``e₀ = 0``."""
    forward = dict(d.spec.forward)
    return any(
        m in found and found[m].step < found[n].step
        for n in found
        if n in forward
        for m in ex.names(forward[n])
    )


def map_refs(m: Any, f: Callable[[mf.Ref], mf.MExpr]) -> Any:
    """``m`` (a matrix form) with each tensor reference ``r`` replaced by ``f(r)``."""
    if isinstance(m, mf.Ref):
        return f(m)
    if not isinstance(m, mf.MExpr):
        return m
    changes = {}
    for key, value in vars(m).items():
        if isinstance(value, tuple):
            changes[key] = tuple(
                (v[0], map_refs(v[1], f)) if isinstance(v, tuple) else map_refs(v, f)
                for v in value
            )
        else:
            changes[key] = map_refs(value, f)
    return type(m)(**changes)


def _step_tex(k: int) -> str:
    return "t" if k == 0 else f"t + {k}" if k > 0 else f"t - {-k}"


def _tex_at(tex: str, slot: _Slot, name: str, index: str) -> str | None:
    """``name``'s LaTeX with its step written as ``index``: ``h^{[21]}`` → ``h^{[2]}_{t}``,
    ``h_{1}`` → ``h_{t}``, ``x^{[1]}`` → ``x^{[t]}`` (as :func:`lessons.step_sums` writes it);
    ``None`` when its LaTeX does not hold its digits once."""
    digits = _split(name)[1]  # type: ignore[index]
    if tex.count(digits) != 1:
        return None
    if slot.rest:
        return f"{tex.replace(digits, slot.rest)}_{{{index}}}"
    braced = len(index) == 1 or "{" + digits + "}" in tex
    return tex.replace(digits, index if braced else f"{{{index}}}")


@dataclass
class _Time:
    d: Derivation
    slots: dict[str, _Slot]
    members: dict[tuple[str, int], str]
    checker: Checker
    recurrent: bool = True
    example: Any = None
    # the forward formulas (matrix forms) by name: a gate the spec writes inside a step
    # (``n₁ = tanh(x₁W + σ(x₁W_r) ⊙ b)``, no node r₁) is its family's formula moved there
    values: dict[str, Any] | None = None
    # the backward formulas of the tensors (matrix forms) by name: a gate written inside a
    # step has no gradient of its own there, but its family's, moved (``δr₁`` from ``δr₂``)
    grads: dict[str, Any] | None = None

    def rename(
        self,
        m: Any,
        shift: int,
        zeros: list[tuple[mf.Ref, int]],
        gates: list[tuple[str, int, str]] | None = None,
        depth: int = 0,
    ) -> Any:
        """``m`` with each time-indexed tensor moved by ``shift`` steps (a tensor outside the
        recurrence's steps as 0, listed in ``zeros``; a value with no node at its step inside
        the steps, a gate written inside the step, as its family's formula moved there, listed
        in ``gates`` as (the member moved, the step)); raises :class:`LookupError` when one
        has no such tensor."""

        def move(r: mf.Ref) -> mf.MExpr:
            s = self.slots.get(r.name)
            if s is None or shift == 0:
                return r
            other = self.members.get((s.family, s.step + shift))
            if other is None:
                steps = [k for (_, k) in self.members]
                inside = min(steps) <= s.step + shift <= max(steps)
                known = (self.values if r.kind == "value" else self.grads) or {}
                if (
                    self.recurrent
                    and inside
                    and gates is not None
                    and depth < 3
                    and isinstance(known.get(r.name), mf.MExpr)
                ):
                    # a gate written inside the step: its own formula (or its gradient's),
                    # moved there (its h₀ as 0)
                    gates.append((r.name, s.step + shift, r.kind))
                    return self.rename(known[r.name], shift, zeros, gates, depth + 1)
                if not self.recurrent or inside:
                    # (branches, not a recurrence: nothing before the first, nothing to be 0)
                    # inside the recurrence's steps (a gap, or a gate written out at step 1):
                    # no boundary to take as 0
                    raise LookupError(r.name)
                zeros.append((r, s.step + shift))
                return replace(r, symbols=sp.ImmutableMatrix(sp.zeros(*r.symbols.shape)))
            t = self.d.graph.tensors[other]
            syms = t.symbols if r.kind == "value" else t.grads
            if syms is None or syms.shape != r.symbols.shape:
                raise LookupError(r.name)
            return replace(r, name=other, symbols=syms, name_tex=t.tex)

        return map_refs(m, move)

    def generic(self, m: Any, at: int) -> Any:
        """``m`` (at step ``at``) with every time-indexed tensor printed with ``t``."""

        def index(r: mf.Ref) -> mf.MExpr:
            s = self.slots.get(r.name)
            if s is None:
                return r
            tex = _tex_at(r.name_tex, s, r.name, _step_tex(s.step - at))
            if tex is None:
                raise LookupError(r.name)
            return replace(r, name_tex=tex)

        return map_refs(m, index)

    def zero_tex(self, zeros: list[tuple[mf.Ref, int]]) -> Math:
        shown = []
        for z, k in zeros:
            s = self.slots[z.name]
            tex = _tex_at(z.name_tex, s, z.name, str(k))
            shown.append(replace(z, name_tex=tex or z.name_tex).tex() + " = 0")
        return Math(", ".join(dict.fromkeys(shown)))

    def gate_tex(self, gates: list[tuple[str, int, str]]) -> Math:
        """Each gate written inside a step as its family's formula at that step:
        ``r^{[1]}_{1} = σ(x_1 W_r + h^{[1]}_{0} U_r)`` (the tensors before the first step as
        in :meth:`zero_tex`)."""
        shown = []
        # the gate's value first, then its gradient
        for name, k, kind in sorted(dict.fromkeys(gates), key=lambda g: g[2] != "value"):
            shift = k - self.slots[name].step

            def at(r: mf.Ref, shift: int = shift) -> mf.MExpr:
                s = self.slots.get(r.name)
                if s is None:
                    return r
                tex = _tex_at(r.name_tex, s, r.name, str(s.step + shift))
                if tex is None:
                    raise LookupError(r.name)
                return replace(r, name_tex=tex)

            g = self.d.graph
            t = g.tensors[name]
            if kind == "value":
                lhs, rhs = t.value_ref(g.loss_tex), self.values[name]  # type: ignore[index]
            else:
                lhs, rhs = replace(t.grad_ref(g.loss_tex), delta=True), self.grads[name]  # type: ignore[index]
            shown.append(f"{map_refs(lhs, at).tex()} = {map_refs(rhs, at).tex()}")
        return Math(", \\quad ".join(shown))

    def same(self, value: Any, ref: Any, shift: int) -> tuple[Any, list, list] | None:
        """The proof that ``value`` is ``ref`` moved by ``shift`` steps, the tensors taken
        as 0 and the gates written inside the step (:meth:`rename`); ``None`` when it is not
        (or cannot be said)."""
        zeros: list[tuple[mf.Ref, int]] = []
        gates: list[tuple[str, int, str]] = []
        try:
            moved = self.rename(ref, shift, zeros, gates)
            step = prove(
                self.checker,
                Term(value, value.tex(), value.text(), value.shape),
                Term(moved, moved.tex(), moved.text(), moved.shape),
                "time-step",
                "handout.time_step",
            )
        except (LookupError, StepError, ValueError, TypeError, ArithmeticError):
            return None
        if gates and not zeros or not self.at_example(value, moved):
            return None  # (a gate inside a step is said beside the state before the first)
        return step, zeros, gates

    def at_example(self, a: Any, b: Any) -> bool:
        """``a`` and ``b`` agree at the example's own values too (a random point can make an
        indicator of the data, ``1[target = 1]``, zero on both sides: an identity there only)."""
        if self.example is None:
            self.example = Example(self.d)
        ex_ = self.example
        try:
            va = a.evaluate(lambda e: as_mpf(ex_.value(e)))
            vb = b.evaluate(lambda e: as_mpf(ex_.value(e)))
        except (ValueError, TypeError, ArithmeticError, KeyError):
            return False
        return all(
            abs(x - y) <= mpmath.mpf(10) ** -20 * (1 + abs(x))
            for ra, rb in zip(va, vb, strict=True)
            for x, y in zip(ra, rb, strict=True)
        )


def _formula(v: BackwardVisit) -> Any:
    """The step's final formula (the total, else its one path), in matrix form or ``None``."""
    if v.simplified:
        return None
    step = v.total if v.total is not None else (
        v.contributions[0].step if len(v.contributions) == 1 else None
    )
    value = step.rhs.value if step is not None else None
    return value if isinstance(value, mf.MExpr) else None


@dataclass(frozen=True)
class Every:
    """On the step shown first of a family: its formula with ``t`` (``generic``), where it is
    met again (``(position, t as shown)``), and, when this step is itself a special case of it,
    the tensors taken as 0 here (``zero``) at ``t``."""

    generic: Eq
    again: tuple[tuple[int, Math], ...]
    t: Math
    zero: Math = Math("")
    gate: Math = Math("")  # a gate the spec writes inside this step (AtStep.gate)


def _time(d: Derivation) -> _Time | None:
    found = slots(d)
    if not found:
        return None
    members = {(s.family, s.step): n for n, s in found.items()}
    values = {v.name: v.step.rhs.value for v in d.forward}
    grads = {v.name: _formula(v) for v in d.backward if v.kind != "param"}
    return _Time(
        d,
        found,
        members,
        Checker(defs=dict(d.defs)),
        recurrent(d, found),
        values=values,
        grads=grads,
    )


def _families(
    time: _Time,
    order: tuple[str, ...],
    formulas: dict[str, Any],
    lhs: Any,
    skip: set[str],
) -> tuple[dict[str, AtStep], dict[str, Every]]:
    """For each family of steps (one tensor at several time steps; ``formulas`` their matrix
    forms, ``lhs(name)`` the left side as a reference): the member whose formula, moved to each
    other member's step, is proven equal to the most of them (the generic step); it is shown
    with ``t`` at the family's first step in ``order``, the other proven members written as it
    at their ``t``."""
    fams: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, name in enumerate(order, 1):
        s = time.slots.get(name)
        if s is not None and name not in skip and formulas.get(name) is not None:
            fams[s.family].append((i, name))
    at: dict[str, AtStep] = {}
    every: dict[str, Every] = {}
    for members in fams.values():
        if len(members) < 2:
            continue
        best: tuple[str, dict[str, tuple[Any, list]]] | None = None
        for _, cand in members:
            k = time.slots[cand].step
            proved = {}
            for _, other in members:
                if other == cand:
                    continue
                r = time.same(formulas[other], formulas[cand], time.slots[other].step - k)
                if r is not None:
                    proved[other] = r
            if proved and (best is None or len(proved) > len(best[1])):
                best = (cand, proved)
            if len(proved) == len(members) - 1:
                break  # every other member proven: no better candidate
        if best is None:
            continue
        cand, proved = best
        k = time.slots[cand].step
        try:
            generic = Eq(
                Math(time.generic(lhs(cand), k).tex()),
                Math(time.generic(formulas[cand], k).tex()),
                "",
                (),
                Math(""),
            )
        except LookupError:
            continue
        shown = [(i, n) for i, n in members if n == cand or n in proved]
        (pos, first), rest = shown[0], shown[1:]
        zeros = proved[first][1] if first in proved else []
        gates = proved[first][2] if first in proved else []
        # the first step a special case (h₀ = 0, a gate written inside it): the first step of
        # the generic formula itself stays in full too, so its hand working is shown once
        full = (
            next(
                (n for _, n in rest if not (n in proved and (proved[n][1] or proved[n][2]))),
                None,
            )
            if zeros or gates
            else None
        )
        try:
            gate = {n: time.gate_tex(proved[n][2]) for n in proved}
        except LookupError:
            continue
        for i, n in rest:
            if n == full:
                continue
            here = proved[n][1] if n in proved else []
            at[n] = AtStep(
                pos,
                generic,
                time.slots[n].step,
                time.zero_tex(here),
                (proved[n][0],) if n in proved else (),
                gate=gate.get(n, Math("")),
            )
        again = tuple((i, Math(f"t = {time.slots[n].step}")) for i, n in rest)
        every[first] = Every(
            generic,
            again,
            Math(f"t = {time.slots[first].step}"),
            time.zero_tex(zeros),
            gate.get(first, Math("")),
        )
    return at, every


def at_steps(
    d: Derivation, order: tuple[str, ...], skip: set[str]
) -> tuple[dict[str, AtStep], dict[str, Every]]:
    """The backward steps (by name; ``order`` is the backward section's) written as an earlier
    step with ``t`` as the index, and the earlier steps' formulas with ``t`` (module
    docstring); ``skip``: steps already written compactly otherwise (a layer like the one
    above)."""
    time = _time(d)
    if time is None:
        return {}, {}
    visits = {v.name: v for v in d.backward}
    g = d.graph
    formulas = {n: _formula(visits[n]) for n in order if visits[n].kind != "param"}

    def lhs(name: str) -> Any:
        return replace(g.tensors[name].grad_ref(g.loss_tex), delta=True)

    at, every = _families(time, order, formulas, lhs, skip)
    for i, name in enumerate(order, 1):
        v = visits[name]
        if v.kind == "param" and name not in skip and (sums := _shared(time, v, i)) is not None:
            at[name] = sums
    return at, every


def forward_at_steps(
    d: Derivation, skip: set[str]
) -> tuple[dict[str, AtStep], dict[str, Every]]:
    """The forward steps as :func:`at_steps` the backward ones: a recurrence's step
    ``z_t = σ(x_t W + h_{t−1} U)`` once with ``t``, its first step the special case
    ``h_0 = 0``."""
    time = _time(d)
    if time is None:
        return {}, {}
    g = d.graph
    order = tuple(v.name for v in d.forward)
    formulas = {
        v.name: v.step.rhs.value if isinstance(v.step.rhs.value, mf.MExpr) else None
        for v in d.forward
    }
    return _families(time, order, formulas, lambda n: g.tensors[n].value_ref(g.loss_tex), skip)


def _shared(time: _Time, v: BackwardVisit, pos: int) -> AtStep | None:
    """A parameter shared by the steps as ``Σ_t`` of one path's formula with ``t``: each path
    proved equal to that term at its step, the sum proved equal to the total."""
    if v.total is None or len(v.contributions) < 2:
        return None
    at = [time.slots.get(c.source) for c in v.contributions]
    if any(s is None for s in at):
        return None
    # one family, or a path through a gate the spec writes inside a step (its n₁ reads W_r
    # inside σ(·), no node r₁): that path is proven equal to the family's formula moved there
    steps = sorted(s.step for s in at)  # type: ignore[union-attr]
    if steps != list(range(steps[0], steps[0] + len(steps))):
        return None
    top = max(range(len(at)), key=lambda j: at[j].step)  # type: ignore[union-attr]
    ref = v.contributions[top].step.rhs.value
    if not isinstance(ref, mf.MExpr):
        return None
    proofs = []
    zeros: list[tuple[mf.Ref, int]] = []
    gates: list[tuple[str, int, str]] = []
    for c, s in zip(v.contributions, at, strict=True):
        value = c.step.rhs.value
        if not isinstance(value, mf.MExpr):
            return None
        proved = time.same(value, ref, s.step - at[top].step)  # type: ignore[union-attr]
        # a state before the first step only beside a gate written inside the step
        if proved is None or proved[1] and not proved[2]:
            return None
        proofs.append(proved[0])
        zeros += proved[1]
        gates += proved[2]
    total = v.total.rhs.value
    parts = [c.step.rhs.value for c in v.contributions]
    try:
        whole = prove(
            time.checker,
            Term(total, total.tex(), total.text(), total.shape),
            Term(mf.add(*parts), "", "", total.shape),
            "time-sum",
            "handout.time_sum",
        )
        term = time.generic(ref, at[top].step)  # type: ignore[union-attr]
    except (LookupError, StepError, ValueError, TypeError):
        return None
    g = time.d.graph
    body = term.tex()
    if isinstance(term, mf.Add):
        body = f"\\left({body}\\right)"
    lhs = g.tensors[v.name].grad_ref(g.loss_tex).tex()
    sigma = f"\\sum_{{t={steps[0]}}}^{{{steps[-1]}}} {body}"
    try:
        gate = time.gate_tex(gates)
    except LookupError:
        return None
    return AtStep(
        pos,
        Eq(Math(lhs), Math(sigma), "", (), Math("")),
        0,
        time.zero_tex(zeros),
        (*proofs, whole),
        gate=gate,
    )
