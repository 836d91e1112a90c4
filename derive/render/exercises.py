"""Exercise sheets, solutions and answer keys (``derive build -f exercises``), and per-student
variants (``--variant N --seed S``).

A sheet asks, for one network at one set of example values: the forward pass numbers, the
backward pass as fill-in steps (in backward order, with the local rule as a hint), a few gradient
entries to compute by hand, and one general proof to write (``∂L/∂W = Xᵀ δ_Z`` when the network
has a weight) with the proof's own step reasons as hints. The solutions document shows the
verified steps and the engine's numbers. Nothing here computes mathematics by itself: every
formula is a verified :class:`~derive.engine.steps.Step` of the derivation or a proof, every number comes
from :class:`~derive.numeric.example.Example` at the variant's values.

**Variants.** Variant 0 is the spec's own ``[values]``. Variant ``N ≥ 1`` with seed ``S`` draws
new values (deterministic in ``(network, S, N)``), same sizes and structure: inputs in halves,
parameters in tenths (never 0), BCE targets in {0, 1}, cross-entropy targets one-hot, other targets
in tenths; a draw is kept only when every forward value is finite, no ReLU input is exactly at
the kink, and every ReLU with two or more inputs both passes and masks at least one entry (the
mask step must show something; where no draw can, the first fit draw is kept and the solutions
say so). Inputs keep the kind of the spec's own values (:func:`_input_kind`: masks, rows that
are distributions, positive numbers, a column of ones or zeros kept; undrawn, its declared
one-hot rows or columns and a bias column of ones). A draw whose asked gradient entries are 0, or a whole
parameter gradient, is drawn around where a draw can. The derivation is symbolic and does not depend on the values, so
a variant reuses it (:func:`variant_derivation`).

**Answer key** (``answers.json``, schema ``derive-answer-key/1``)::

    {"schema": "derive-answer-key/1", "network": "mlp-bce", "spec": "mlp-bce",
     "variant": 3, "seed": 2026,
     "values": {"X": [["1", "-0.5"], ...], ...},          # exact decimals (or "p/q")
     "questions": [
       {"id": "backward.W2", "kind": "formula", "wrt": "W2",
        "expected": "A1.T @ dZ2"},                         # derive check's expression language
       {"id": "numbers.W1[0,0]", "kind": "value", "wrt": "W1[0,0]",
        "expected": "-0.0136681", "exact": false, "float": -0.013668092063476},
       ...],
     "grader": "derive check NET --variant N --seed S --wrt WRT (FORMULA | --value V)"}

:func:`derive.render.grading.grade` grades one answer against a key (the Python API for
``derive grade``; apart, so that a build does not import the checker).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import random
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from derive.engine.backprop import derive
from derive.engine.graph import forward_ir
from derive.engine.printing import grad_tex
from derive.errors import BadInput
from derive.files import read_capped
from derive.lang import domains
from derive.lang import expr as ex
from derive.lang import spec as specs
from derive.lang.spec import NetSpec
from derive.locale.catalog import catalogue, refusal, said
from derive.numeric import verify as numeric
from derive.numeric.example import Example
from derive.numeric.example import _decimal as exact
from derive.proofs import proof_for, shared_proofs
from derive.render.environment import environment, math_words
from derive.walkthrough import lessons
from derive.walkthrough.codegen import backward_order
from derive.walkthrough.records import Math, Pieces, Values, constants_tex
from derive.walkthrough.tidy import tidied

SCHEMA = "derive-answer-key/1"
MAX_TRIES = 500  # draws tried before giving up on a variant
#: problems a variant avoids when a draw can, and keeps (the sheet says so) when none of
#: SOFT_TRIES draws does: a clamp of 1 − cos² to [0, 1] never masks, whatever the values
SOFT = ("masks-nothing", "masks-everything")
SOFT_TRIES = 100
KINKED = ("relu", "leaky_relu", "clamp0")


class ExerciseError(BadInput, ValueError):
    """A bad variant request or answer key: exit code 2."""


# ---- variants --------------------------------------------------------------------------------


def _target_kinds(s: NetSpec) -> dict[str, str]:
    """Inputs used as loss targets → ``binary`` (BCE, also written out by hand: Bishop's
    ``t log y + (1 − t) log(1 − y)``), ``onehot`` (cross-entropy), ``real``."""
    out: dict[str, str] = {}
    for _, tree in s.forward:
        for name in domains.bernoulli_targets(tree):
            out[name] = "binary"
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and n.func in ex.LOSSES and isinstance(n.args[1], ex.Name):
                kind = {"bce": "binary", "bce_logits": "binary", "cross_entropy": "onehot"}
                out[n.args[1].id] = kind.get(n.func, "real")
            stack.extend(ex.children(n))
    return out


def _draw(s: NetSpec, rng: random.Random) -> dict[str, tuple[tuple[Fraction, ...], ...]]:
    kinds = _target_kinds(s)
    halves = [Fraction(k, 2) for k in range(-4, 5) if k]
    tenths = [Fraction(k, 10) for k in range(-9, 10) if k]
    values = {}
    for name in (*s.inputs, *s.params):
        rows, cols = s.shape2d(name)
        kind = kinds.get(name, "param" if name in s.params else _input_kind(s, name))
        if name in s.made:  # made from the text (``torch.tensor([1])``, ``torch.arange(N)``)
            m = [list(row) for row in s.values[name]]
        elif (
            kind in ("mask", "binary")
            and name not in s.generated
            and _prefix_rows(s.values.get(name, ()))
        ):  # given ones-then-zeros rows (BCE targets too: CORAL's levels)
            m = _prefix_mask(s.values[name], rng)
        elif kind == "mask":  # each row's entries shuffled: it hides as many as the spec's row
            given = s.values[name]
            by_column = cols == 1 or name in s.one_hot_columns  # a column's entries instead
            lines = list(zip(*given)) if by_column else given
            m = [rng.sample(list(line), len(line)) for line in lines]
            m = [list(r) for r in zip(*m)] if by_column else m
        elif kind == "distribution":  # rows of tenths that sum to 1, as the spec's rows do
            m = [_composition(rng, cols) for _ in range(rows)]
        elif kind == "onehot":
            hot = [rng.randrange(cols) for _ in range(rows)]
            m = [[Fraction(int(j == hot[i])) for j in range(cols)] for i in range(rows)]
        elif kind == "onehot-columns":  # Ng's layout: one example per column
            hot = [rng.randrange(rows) for _ in range(cols)]
            m = [[Fraction(int(i == hot[j])) for j in range(cols)] for i in range(rows)]
        elif kind == "ones":  # a bias column np.ones((m, 1)): 1 at every draw
            m = [[Fraction(1)] * cols for _ in range(rows)]
        elif kind == "eye":  # np.eye(n): the identity at every draw
            m = [[Fraction(int(i == j)) for j in range(cols)] for i in range(rows)]
        elif kind == "constant":  # all 1s or all 0s as given: kept
            m = [list(row) for row in s.values[name]]
        else:
            pool = {
                "binary": [Fraction(0), Fraction(1)],
                "real": [Fraction(k, 10) for k in range(0, 11)],
                "input": halves,
                "positive": [h for h in halves if h > 0],
                "nonnegative": [Fraction(0), *(h for h in halves if h > 0)],
                "param": tenths,
            }[kind]
            m = [[rng.choice(pool) for _ in range(cols)] for _ in range(rows)]
        values[name] = tuple(tuple(row) for row in m)
    return values


def _prefix_rows(given: Any) -> bool:
    """A 0/1 matrix of two rows or more whose every row is ones then zeros, some row both: a
    causal mask (``torch.tril``), a padding mask repeated for every query, CORAL's ordinal
    levels ``[1, 1, 0]``. Shuffling a row's entries would make it none of these."""
    if not {x for row in given for x in row} <= {0, 1}:
        return False
    rows = [[int(x) for x in row] for row in given]
    return (
        len(rows) > 1
        and len(rows[0]) > 1
        and all(row == sorted(row, reverse=True) for row in rows)
        and any(0 < sum(row) < len(row) for row in rows)
    )


def _prefix_mask(given: Any, rng: random.Random) -> list[list[Fraction]]:
    """A variant of a :func:`_prefix_rows` mask: its rows, each ones then zeros, given to other
    examples (the rows permuted: ordinal levels, per-example padding); a triangular one (a
    causal mask: row ``i`` sees ``i + 1`` positions, structure of the positions, not of the
    examples) and one whose rows are all the same (a padding mask shared by every query) kept
    as given."""
    rows = [list(row) for row in given]
    counts = [sum(row) for row in rows]
    if len(set(map(tuple, rows))) == 1 or (
        len(rows) == len(rows[0])
        and sorted(counts) == sorted(set(counts))
        and counts in (sorted(counts), sorted(counts, reverse=True))
    ):
        return rows
    return rng.sample(rows, len(rows))


def _input_kind(s: NetSpec, name: str) -> str:
    """How a variant draws an input that is not a loss target, read off the spec's own values:
    ``mask`` when they are 0s and 1s with both present (a padding or causal mask, a one-hot
    input: a drawn value in between would not be one), ``distribution`` when every row is one
    (entries in [0, 1] summing to 1: KL's target), ``positive`` when every value is above 0
    (counts under a log or a fractional power: GloVe's co-occurrences), ``nonnegative`` when
    none is below 0, else ``input``. Values the spec did not give follow its declarations: a
    ``kind = "one-hot"`` input (or class labels) gets one-hot rows, ``"one-hot-columns"`` one-hot
    columns, one read by ``log``/``sqrt`` positive numbers, a BCE-with-logits target tenths in
    [0, 1] (the roles the spec reader made its values with), a bias column made by ``np.ones((m, 1))`` stays ``ones``. Given as all 1s or all 0s
    (two entries or more: a column of ones the spec sums or shifts with, an RNN's zero initial
    state) it is ``constant``: kept as given, drawing it would change what the network computes."""
    given = s.values.get(name, ())
    flat = [v for row in given for v in row]
    if name in s.ones:
        return "ones"
    if name in s.eyes:
        return "eye"
    if not flat or name in s.generated:  # the spec's declared kind or role, else any number
        if name in s.one_hot_columns:
            return "onehot-columns"
        if name in s.distributions:
            return "distribution"
        role = _roles(s.forward, s.one_hot, s.bernoulli).get(name)
        return {
            "one-hot": "onehot",
            "binary": "binary",
            "unit": "real",
            "positive": "positive",
        }.get(role, "input")
    if set(flat) == {0, 1}:
        return "mask"
    if len(flat) > 1 and len(set(flat)) == 1 and flat[0] in (0, 1):
        return "constant"  # a vector of ones the spec sums with, a zero initial state
    if min(flat) >= 0 and len(given[0]) > 1 and all(sum(row) == 1 for row in given):
        return "distribution"
    return "positive" if min(flat) > 0 else "nonnegative" if min(flat) == 0 else "input"


@functools.lru_cache(maxsize=64)
def _roles(forward: Any, one_hot: Any, binary: Any) -> dict[str, str]:
    """:func:`derive.lang.domains.roles` (what the spec reader draws values it makes up with:
    a tensor under ``log``/``sqrt`` positive, a BCE-with-logits target in [0, 1], …), once."""
    return domains.roles(forward, one_hot, binary)


def _composition(rng: random.Random, n: int) -> list[Fraction]:
    """``n`` tenths (each 0 … 1) that sum to 1, uniformly among such."""
    cuts = sorted(rng.randrange(11) for _ in range(n - 1))
    bounds = [0, *cuts, 10]
    return [Fraction(b - a, 10) for a, b in zip(bounds, bounds[1:])]


def _kink_inputs(s: NetSpec) -> list[tuple[str, ex.Node]]:
    out = []
    for name, tree in s.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and n.func in KINKED:
                out.append((name, n.args[0]))
            stack.extend(ex.children(n))
    return out


PROBLEMS = {  # English text of each problem; the sheets use [exercises.problems] of the catalogue
    "not-finite": "{node} is not finite",
    "kink": "a ReLU input of {node} is 0 (the kink)",
    "masks-nothing": "the ReLU of {node} masks nothing",
    "masks-everything": "the ReLU of {node} masks everything",
    "one-class": "the labels {node} are all {value}",
    "masks-nothing-kept": "the ReLU of {node} masks nothing at any values drawn",
    "masks-everything-kept": "the ReLU of {node} masks everything at any values drawn",
    "zero-gradient": "every entry of the gradient of {node} is 0: not asked",
}


def problems(d: Any, values: Mapping[str, Any]) -> list[str]:
    """Why example ``values`` are unfit for a sheet (empty list: fit): a non-finite forward
    value, a ReLU input at the kink, a ReLU that masks nothing (or everything), BCE labels of
    one class only."""
    return [PROBLEMS[key].format(**args) for key, args in problem_keys(d, values)]


def problem_keys(d: Any, values: Mapping[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """:func:`problems` as ``(key, values)`` pairs (keys of :data:`PROBLEMS`)."""

    g = d.graph
    point = {k: np.array([[float(v) for v in row] for row in rows]) for k, rows in values.items()}
    out: list[tuple[str, dict[str, str]]] = []
    with np.errstate(all="ignore"):
        env = numeric.forward_numeric(d, point)
        for name, _ in g.spec.forward:
            if not np.all(np.isfinite(env[name])):
                out.append(("not-finite", {"node": name}))
        scal = numeric.scalar_values(g)
        for node, arg in _kink_inputs(g.spec):
            z = np.asarray(forward_ir(arg, g).numeric(env, scal), dtype=float)
            if np.any(np.abs(z) < 1e-9):
                out.append(("kink", {"node": node}))
            elif z.size > 1 and np.all(z > 0):
                out.append(("masks-nothing", {"node": node}))
            elif z.size > 1 and np.all(z < 0):
                out.append(("masks-everything", {"node": node}))
    for name, kind in _target_kinds(g.spec).items():
        entries = [v for row in values.get(name, ()) for v in row]
        if kind == "binary" and len(entries) > 1 and len(set(entries)) < 2:
            out.append(("one-class", {"node": name, "value": str(entries[0])}))
    return out


def variant_values(
    s: NetSpec, variant: int, seed: int, d: Any = None
) -> dict[str, tuple[tuple[Fraction, ...], ...]]:
    """The example values of ``variant`` (0: the spec's own) — deterministic."""
    if variant < 0:
        raise refusal(ExerciseError, said("exercises.errors.variant_negative", variant=variant))
    if variant == 0:
        return dict(s.values)
    if d is None:
        d = base_derivation(s)
    rng = random.Random(f"derive-variant:{s.name}:{seed}:{variant}")
    kept = None  # the first draw whose only problems are soft ones (SOFT)
    for tries in range(MAX_TRIES):
        values = _draw(d.graph.spec, rng)  # the spec's own values (``s`` may be a variant's)
        keys = [k for k, _ in problem_keys(d, values)]
        if any(k not in SOFT for k in keys) or _unfit(d, values):
            continue
        zero, asked = _zeros(d, values)
        zero = [n for n in zero if not _zero_by_structure(d, values, n)]  # no draw avoids it
        if not keys and not zero and not asked:
            return values
        kept = kept or values
        if tries >= SOFT_TRIES:
            break  # a mask that cannot mask, a gradient 0 by structure: the sheet says so
    if kept is not None:
        return kept
    raise refusal(
        ExerciseError,
        said("exercises.errors.no_values", net=s.name, variant=variant, seed=seed, tries=MAX_TRIES),
    )


def zero_gradients(d: Any, values: Mapping[str, Any]) -> list[str]:
    """The parameters whose gradient is 0 in every entry at ``values`` (exactly, or tiny by the
    network's structure: :func:`_always_tiny`): a number
    question about them teaches nothing (a variant draws again; where no draw avoids it the
    sheet does not ask it and says so)."""
    return _zeros(d, values)[0]


def _zeros(d: Any, values: Mapping[str, Any]) -> tuple[list[str], bool]:
    """:func:`zero_gradients`, and whether an entry a sheet asks for (:func:`_entries`) of
    another parameter is exactly 0 (a dead unit: its sign cannot be told, so a sign slip passes;
    a variant draws around it where it can)."""
    g = d.graph
    spec = dataclasses.replace(g.spec, values=values)
    ex_ = Example(dataclasses.replace(d, graph=dataclasses.replace(g, spec=spec)))
    masks = {k: v for k, v in values.items() if _input_kind(g.spec, k) == "mask"}

    def zero(x: Any) -> bool:
        # 0, or 0 by the network's structure that an irrational factor leaves as ±1e-30 in the
        # many-digit arithmetic (a bias before a standardisation: VICReg's b, batch norm's):
        # the key's 2.4e-30 is no number a student can give, and the grader's exact value differs
        v = ex_.value(x)
        return v == 0 or (abs(v) < TINY and _always_tiny(d, masks, x))

    out, asked = [], False
    for v in d.backward:
        if v.kind != "param":
            continue
        t = g.tensors[v.name]
        if all(zero(x) for x in t.grads):
            out.append(v.name)
        elif any(zero(t.grads[i, j]) for i, j in _entries(t.shape)):
            asked = True
    return out, asked


def _zero_by_structure(d: Any, values: Mapping[str, Any], name: str) -> bool:
    """Is the gradient of ``name`` 0 (or tiny) in every entry at the probe draws too (with the
    same masks)? Then no draw avoids it (∂L/∂b of a bias before a standardisation): drawing
    again for it only costs time."""
    masks = {k: v for k, v in values.items() if _input_kind(d.graph.spec, k) == "mask"}
    return all(_always_tiny(d, masks, x) for x in d.graph.tensors[name].grads)


def _unfit(d: Any, values: Mapping[str, Any]) -> bool:
    """Values whose gradients a sheet cannot use, although every forward value is fine:

    - a gradient the sheet or its solutions show is 0 but not exactly: 0 by a coincidence of
      the values that an irrational factor (attention's 1/√d) leaves as ±1e-32 in the many-digit
      arithmetic (attention with two equal inputs in a column of X: ∂L/∂W_k is then 0 in a whole
      row). A student cannot write that number down, a grader cannot judge it and a solution
      should not print it;
    - an entry the sheet asks for (:func:`_entries`) that equals another entry of the same
      gradient to 3 significant digits (tiny-mlp with X = [1.5, 1.5]: the rows of ∂L/∂W1 are
      equal): a student who works out the wrong entry — the indices swapped, the transpose
      missed — would be graded right. Two zeros (a masked unit) are not counted.

    Either way the draw is refused."""
    g = d.graph
    spec = dataclasses.replace(g.spec, values=values)
    at = dataclasses.replace(d, graph=dataclasses.replace(g, spec=spec))
    ex_ = Example(at, cancel=False)  # a coincidental 0 keeps its ±1e-32 residue here
    masks = {k: v for k, v in values.items() if _input_kind(g.spec, k) == "mask"}
    for v in d.backward:
        t = g.tensors[v.name]
        got = [ex_.value(s) for s in t.grads]
        for k, x in enumerate(got):
            if not isinstance(x, Fraction) and x != 0 and abs(x) < TINY:
                if not _always_tiny(d, masks, t.grads[k]):
                    return True
        if v.kind != "param" or len(got) < 2:
            continue
        nums = [float(x) for x in got]
        for i, j in _entries(t.shape):
            at = i * t.symbols.cols + j
            a = nums[at]
            if a == 0:
                continue
            # an entry whose formula is the asked one's (every column of ∂L/∂W the same when
            # the output's columns are summed) is equal at every draw: no coincidence to refuse
            if any(
                k != at
                and abs(b - a) <= 1e-3 * abs(a)
                and not _always_equal(d, masks, t.grads[k], t.grads[at])
                for k, b in enumerate(nums)
            ):
                return True
    return False


TINY = 1e-20  # a value of no more than this size that is not exactly 0 is "0 but not exactly"


def _always_equal(d: Any, masks: Mapping[str, Any], a: Any, b: Any) -> bool:
    """Are gradient entries ``a`` and ``b`` equal at other draws too (two fixed draws of the
    network's own, with the same masks)? Then they are equal by the network's structure, not
    by a coincidence of these values."""
    return _at_probes(d, masks, lambda x: abs(x(a) - x(b)) <= 1e-9 * max(abs(x(a)), abs(x(b))))


def _always_tiny(d: Any, masks: Mapping[str, Any], a: Any) -> bool:
    """Is ``a`` tiny at other draws too (with the same masks)? Then it is tiny by the
    network's structure — a score masked with −1e9 passes e^(−1e9) of its gradient, shown
    ``≈ 0`` as at the spec's own values — not a cancellation of these values."""
    return _at_probes(d, masks, lambda x: abs(x(a)) < TINY)


def _at_probes(d: Any, masks: Mapping[str, Any], holds: Any) -> bool:
    try:
        return all(holds(lambda e, p=p: float(p.value(e))) for p in _probes(d, masks))
    except (ValueError, ArithmeticError):
        return False


_PROBES: dict[tuple[int, str], list[Any]] = {}


def _probes(d: Any, masks: Mapping[str, Any]) -> list[Any]:
    """Two examples of ``d`` at fixed draws (deterministic in the network's name) with the
    given ``masks`` (input values kept as they are)."""
    key = (id(d), repr(sorted(masks.items())))
    hit = _PROBES.get(key)
    if hit is None or hit[0] is not d:
        g = d.graph
        rng = random.Random(f"derive-probe:{g.spec.name}")
        out = []
        for _ in range(2):
            values = {**_draw(g.spec, rng), **masks}
            at = dataclasses.replace(g.spec, values=values)
            out.append(Example(dataclasses.replace(d, graph=dataclasses.replace(g, spec=at))))
        hit = _PROBES[key] = [d, *out]
    return hit[1:]


def sized(s: NetSpec) -> tuple[str, ...]:
    """The tensors whose gradient formula holds at the example's sizes only: they are read by
    a forward line the spec reader unrolled at these sizes (Barlow Twins' ``torch.diagonal(c)``,
    its entries side by side, one block per row of ``c``), or are such a line's output and not
    a number (a ``torch.cumsum``'s: its sizes are printed as the example's numbers). Found by reading the spec again with
    every size one larger: such a line then has another structure (more blocks), a line written
    for any size the same one with other numbers. A sheet does not ask for their formula (a
    grader judging it at other sizes rejects the key's own) and says why. ``()`` when the spec
    cannot be read again at other sizes (nothing to compare: every formula is asked)."""
    try:
        if s.source.startswith("built-in '"):
            text = (resources.files("derive.lang") / "specs" / f"{s.name}.toml").read_text("utf-8")
        else:
            text = Path(s.source).read_text("utf-8-sig")
        data = tomllib.loads(text)
        if not data.get("dims"):
            return ()
        data.pop("values", None)
        data["dims"] = {k: v + 1 if isinstance(v, int) else v for k, v in data["dims"].items()}
        other = specs._Validator(s.source, data).run()
    except Exception:  # noqa: BLE001 — any reason it cannot be read so: compare nothing
        return ()

    def shape_of(tree: ex.Node) -> str:
        return re.sub(r"\d+", "#", repr(tree))

    theirs = dict(other.forward)
    lines = [n for n, tree in s.forward if n in theirs and shape_of(tree) != shape_of(theirs[n])]
    # the line's own output too, unless a number (a scalar's gradient has no sizes to print):
    # its sizes in the gradient's code are the example's numbers (emd's cumsum: np.ones((1, 3)))
    read = {n for n in lines if s.shape2d(n) != (1, 1)}
    for name, tree in s.forward:
        if name in lines:
            stack = [tree]
            while stack:
                n = stack.pop()
                if isinstance(n, ex.Name):
                    read.add(n.id)
                stack.extend(ex.children(n))
    return tuple(n for n in (*s.inputs, *s.params, *dict(s.forward)) if n in read)


def variant_spec(s: NetSpec, variant: int, seed: int) -> NetSpec:
    return dataclasses.replace(s, values=variant_values(s, variant, seed))


def base_derivation(s: NetSpec) -> Any:
    return _derived_by_id(s)


_BASE: dict[tuple[str, str], Any] = {}


class _Untidied:
    """A derivation :func:`remember` was given, tidied only when an exercise asks for it (a
    build without ``exercises`` never does: :func:`~derive.walkthrough.tidy.tidied` proves the
    tidied equations again, about 4 % of a full build's CPU)."""

    def __init__(self, d: Any) -> None:
        self.d = d


def _derived_by_id(s: NetSpec) -> Any:
    key = (s.name, s.source + repr(s.forward_text))
    hit = _BASE.get(key)
    if hit is None:
        hit = _BASE[key] = tidied(derive(s))
    elif isinstance(hit, _Untidied):
        hit = _BASE[key] = tidied(hit.d)
    return hit


def remember(s: NetSpec, d: Any) -> None:
    """Reuse ``d`` (already derived by ``derive build``) for the exercises of ``s``."""
    _BASE[(s.name, s.source + repr(s.forward_text))] = _Untidied(d)


def variant_derivation(s: NetSpec, variant: int, seed: int) -> Any:
    """The derivation of ``s`` at ``variant``'s values: the symbolic derivation (every step
    verified, value-independent) with the spec's values swapped."""
    d = base_derivation(s)
    values = variant_values(s, variant, seed, d)
    if variant == 0:
        return d
    spec = dataclasses.replace(s, values=values)
    return dataclasses.replace(d, graph=dataclasses.replace(d.graph, spec=spec))


# ---- the sheet -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberQuestion:
    id: str  # "numbers.W1[0,0]"
    wrt: str  # "W1[0,0]"
    lhs: Any  # Math: ∂L/∂w_{11}
    value: Any  # derive.numeric.example.Number
    calc: Any  # walkthrough.Calc or None
    shown: Any  # walkthrough.Values: lhs ≈ value
    command: str  # the derive check command that grades it


@dataclass(frozen=True)
class Sheet:
    """The context of ``templates/exercises/*``: everything printed, nothing to compute."""

    name: str
    title: Mapping[str, str]
    variant: int
    seed: int
    loss: str
    loss_tex: Any
    tensors: tuple[Any, ...]  # walkthrough.TensorRow of inputs and parameters (with values)
    equations: tuple[tuple[Any, Any], ...]  # the forward pass
    forward: tuple[Any, ...]  # walkthrough.ForwardItem
    backward: tuple[Any, ...]  # walkthrough.BackwardItem, in backward order
    numbers: tuple[NumberQuestion, ...]
    proof: Any  # walkthrough.ProofItem or None
    notes: tuple[tuple[str, dict[str, Any]], ...]  # problems of the spec's own values (variant 0)
    key: dict[str, Any]
    constants: Any = Math("")  # the spec's [constants] (records.constants_tex), or ""
    loss_formula: Any = None  # the library loss written out (walkthrough.Eq), as in the handout
    sized: tuple[str, ...] = ()  # gradients whose formula holds at these sizes only (:func:`sized`)


def _decimal(q: Fraction) -> str:

    text = exact(q)
    return text if text is not None else f"{q.numerator}/{q.denominator}"


def _entries(shape: tuple[int, int]) -> list[tuple[int, int]]:
    first, last = (0, 0), (shape[0] - 1, shape[1] - 1)
    return [first] if first == last else [first, last]


def sheet(s: NetSpec, variant: int = 0, seed: int = 0, proofs: Mapping[str, Any] | None = None):

    d = variant_derivation(s, variant, seed)
    if proofs is None:
        proofs = shared_proofs()
    g, spec = d.graph, d.spec
    ex_ = Example(d)
    pc = Pieces(d, ex_, proofs)
    order = backward_order(d)
    forward = tuple(pc.forward(v) for v in d.forward)
    backward = tuple(pc.backward(v) for v in order)
    net = spec.name if spec.source.startswith("built-in") else spec.source
    numbers = []
    zeros = zero_gradients(d, spec.values)
    for v in order:
        if v.kind != "param" or v.name in zeros:
            continue
        t = g.tensors[v.name]
        item = next(b for b in backward if b.name == v.name)
        for i, j in _entries(t.shape):
            k = i * t.symbols.cols + j
            calc = item.calcs[k] if len(item.calcs) == t.symbols.rows * t.symbols.cols else None
            lhs = Math(grad_tex(g.loss_tex, t.entry_texs[i][j]))
            num = ex_.number(t.grads[i, j])
            numbers.append(
                NumberQuestion(
                    f"numbers.{v.name}[{i},{j}]",
                    f"{v.name}[{i},{j}]",
                    lhs,
                    num,
                    calc,
                    Values(lhs, Math(num.rel), Math(num.tex)),
                    f"derive check {net}"
                    + (f" --variant {variant} --seed {seed}" if variant else "")
                    + f" --wrt '{v.name}[{i},{j}]' --value …",
                )
            )
    used = [n for b in backward for n in b.proofs]
    name = "linear-weight" if "linear-weight" in used else next(iter(used), "")
    if name and name not in proofs:
        name = proof_for(name) or ""
    proof = pc.proof(name) if name and name in proofs else None
    found = problem_keys(d, spec.values)
    if variant:  # a variant's only problems are soft ones no draw avoided (variant_values)
        found = [(f"{key}-kept", args) for key, args in found]
    found += [("zero-gradient", {"node": name}) for name in zeros]
    notes = tuple(
        (key, {k: Math(g.tensors[v].tex) if k == "node" else v for k, v in args.items()})
        for key, args in found
    )
    only_here = sized(s)
    questions: list[dict[str, Any]] = [
        {
            "id": f"backward.{v.name}",
            "kind": "formula",
            "wrt": v.name,
            "expected": v.formula.code(),
        }
        for v in order
        if v.name not in only_here
    ]
    for q in numbers:
        questions.append(
            {
                "id": q.id,
                "kind": "value",
                "wrt": q.wrt,
                "expected": q.value.text,
                "exact": q.value.exact,
                "float": float(q.value.value),
            }
        )
    key = {
        "schema": SCHEMA,
        "network": spec.name,
        "spec": net,
        "variant": variant,
        "seed": seed,
        "values": {
            k: [[_decimal(v) for v in row] for row in rows] for k, rows in spec.values.items()
        },
        "questions": questions,
        "grader": "derive check NET --variant N --seed S --wrt WRT (FORMULA | --value V)",
    }
    return Sheet(
        spec.name,
        dict(spec.title),
        variant,
        seed,
        spec.loss,
        Math(g.loss_tex),
        tuple(pc.tensor(n) for n in (*spec.inputs, *spec.params)),
        tuple((Math(f.step.lhs.tex), Math(f.step.rhs.tex)) for f in d.forward),
        forward,
        backward,
        tuple(numbers),
        proof,
        notes,
        key,
        constants_tex(d),
        pc.eq(lf, (1, 1)) if (lf := lessons.loss_formula(d)) is not None else None,
        only_here,
    )


def key_json(sh: Sheet) -> str:
    return json.dumps(sh.key, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


# ---- rendering -------------------------------------------------------------------------------

TEMPLATES = {
    "md": ("exercises/exercises.md.j2", "exercises/solutions.md.j2"),
    "tex": ("exercises/exercises.tex.j2", "exercises/solutions.tex.j2"),
}


def render(sh: Sheet, template: str, lang: str, templates: str | None = None) -> str:

    family = template.rsplit(".", 2)[-2]
    env = environment(family, templates)
    text = math_words(env.get_template(template).render(x=sh, lang=lang, L=catalogue(lang)), lang)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


# ---- grading ---------------------------------------------------------------------------------


MAX_KEY_BYTES = 16_000_000  # an answer key is a few kB


def _why(err: Exception) -> str:
    """What went wrong reading a file, without Python's ``[Errno 2]`` wrapping."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err)


def load_key(path: str | Path) -> dict[str, Any]:
    """Read and validate an answer key (exit 2 through :class:`ExerciseError` when unfit)."""
    try:
        data = read_capped(path, MAX_KEY_BYTES)
        if len(data) > MAX_KEY_BYTES:
            raise refusal(
                ExerciseError,
                said("exercises.errors.key_large", path=str(path), limit=f"{MAX_KEY_BYTES:,}"),
            )
        key = json.loads(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise refusal(
            ExerciseError, said("exercises.errors.key_unreadable", path=str(path), why=_why(err))
        ) from None
    except (RecursionError, ValueError):  # nested thousands deep, a 5,000-digit number
        raise refusal(ExerciseError, said("exercises.errors.key_json", path=str(path))) from None
    if not isinstance(key, dict) or key.get("schema") != SCHEMA:
        raise refusal(
            ExerciseError, said("exercises.errors.key_schema", path=str(path), schema=SCHEMA)
        )
    for field in ("spec", "variant", "seed", "values", "questions"):
        if field not in key:
            raise refusal(
                ExerciseError, said("exercises.errors.key_field", path=str(path), field=field)
            )
    return key


def key_spec(key: Mapping[str, Any], source: str | None = None) -> NetSpec:
    """The spec a key was made for, at the key's variant; refuses a key whose values differ
    from what the variant gives now (a changed spec or a hand-edited key).

    ``source``: the spec file to read instead of the key's ``spec`` (a path as it was given to
    ``derive build``, relative to the folder the exercises were built in, so it is not found
    from another folder); it must be the key's network."""

    s = specs.load(source or str(key["spec"]))
    if source is not None and s.name != key.get("network"):
        raise refusal(
            ExerciseError,
            said(
                "exercises.errors.key_other_net",
                source=source,
                net=s.name,
                key_net=str(key.get("network")),
            ),
        )
    values = variant_values(s, int(key["variant"]), int(key["seed"]), base_derivation(s))
    got = {k: [[_decimal(v) for v in row] for row in rows] for k, rows in values.items()}
    if got != key["values"]:
        raise refusal(
            ExerciseError,
            said(
                "exercises.errors.key_stale", variant=key["variant"], seed=key["seed"], net=s.name
            ),
        )
    return dataclasses.replace(s, values=values)


def parse_variants(text: str | None) -> tuple[int, ...]:
    """``"3"`` → (3,), ``"1-30"`` → (1, …, 30); ``None`` → (0,)."""
    if text is None:
        return (0,)
    try:
        if "-" in text.strip()[1:]:
            a, b = text.split("-", 1)
            lo, hi = int(a), int(b)
        else:
            lo = hi = int(text)
    except ValueError:
        raise refusal(ExerciseError, said("exercises.errors.variant_text", text=text)) from None
    if lo < 0 or hi < lo or hi - lo >= 1000:
        raise refusal(ExerciseError, said("exercises.errors.variant_range", text=text))
    return tuple(range(lo, hi + 1))


__all__ = [
    "SCHEMA",
    "ExerciseError",
    "Sheet",
    "key_spec",
    "load_key",
    "parse_variants",
    "sheet",
    "variant_derivation",
    "variant_spec",
    "variant_values",
]
