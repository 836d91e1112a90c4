"""Domains of the operations, checked on numbers: example values, random points, forward passes.

One float64 evaluator of the spec's forward pass (:func:`run`) that stops at the first value
outside an operation's domain (``log`` of −1.0, a division by 0, a BCE target of 0.5 … 2, an
overflow to inf) and says where: the assignment, the entry, the value. The spec loader uses it
to refuse user ``[values]`` outside a domain (exit 2) and to draw example values that respect
every domain; :mod:`derive.numeric.verify` uses it to draw random points.

Roles of inputs (:func:`roles`): a BCE target is drawn in {0, 1}, a cross-entropy target as
one-hot rows, a tensor read directly by ``log``/``sqrt``/a fractional power as positive numbers,
a divisor as non-zero numbers. Every other domain (``log(X @ W)``) is met by rejection: draw,
evaluate, retry with the next seed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from derive.lang import expr as ex
from derive.lang import ops, spelling
from derive.locale import catalog

#: a kink input (ReLU, leaky ReLU, abs) closer than this to 0 in float64 is treated as at the
#: kink when example values are drawn (exact zeros land at ~1e−17 in float; see numeric for the
#: exact decision at user values)
KINK_MARGIN = 1e-9
#: attempts when drawing values inside every domain
MAX_DRAWS = 64

# an op's argument domain (operation table) → the role its input is drawn with
ROLE_OF_DOMAIN = {
    "positive": "positive",
    "nonzero": "nonzero",
    "unit": "unit",
    "target": "unit",
    "binary": "binary",
    "onehot": "one-hot",
    "above_one": "above_one",  # acosh: drawn 1.1 … 1.9
    "open_unit": "unit",  # atanh, erfinv: drawn 0.1 … 0.9, inside (−1, 1)
    "variance": "positive",  # gaussian_nll_loss's var (assert_nonneg): ≥ 0, drawn > 0
    "count": "positive",  # a Poisson loss's target (assert_count): ≥ 0, drawn > 0
}
# element-wise domains other than ``positive`` checked entry by entry before the op is applied
# (a value outside is refused naming the function, the entry and the domain, as log's is)
INTERVAL_DOMAINS = ("above_one", "open_unit", "variance", "count")


@dataclass(frozen=True)
class Problem:
    """A value outside a domain: ``node`` (assignment or tensor), ``entry``, ``value``, text."""

    node: str
    entry: tuple[int, int] | None
    value: float | None
    message: str  # "log of -1.0", "BCE target 0.5 is outside {0, 1}"
    direct: str | None = None  # the input tensor whose own entry is out of domain
    kink: bool = False  # only a kink hit (a concern for drawn values, not for given ones)
    # the message from the catalogues (its ``at`` slot filled by :meth:`sentence`), if it is
    said: catalog.Said | None = None
    # the inputs and parameters the failing operation's operands are computed from
    sources: tuple[str, ...] = ()

    def sentence(self) -> catalog.Said | None:
        """The message with its entry, in any language: :meth:`where` in English."""
        if self.said is None:
            return None
        at = "" if self.entry is None else catalog.said("refuse.at", entry=list(self.entry))
        return catalog.Said(self.said.key, (*self.said.args, ("at", at)))

    def where(self) -> str:
        """``log of -1.0 at entry [0, 0] (log needs a positive argument)``."""
        at = f" at entry [{self.entry[0]}, {self.entry[1]}]" if self.entry else ""
        head, sep, why = self.message.partition(" (")
        return f"{head}{at}{sep}{why}"


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _first(mask: np.ndarray) -> tuple[int, int]:
    i = np.argwhere(mask)[0]
    return (int(i[0]), int(i[1]) if len(i) > 1 else 0)


def _fmt(v: Any) -> str:
    v = float(v)
    return repr(int(v)) + ".0" if v.is_integer() and abs(v) < 1e16 else repr(v)


def roles(forward: tuple[tuple[str, ex.Node], ...], one_hot=(), binary=()) -> dict[str, str]:
    """``{tensor: role}`` for names read directly where a domain applies: ``binary`` (BCE
    target, or in ``binary``: the value of a Bernoulli's ``log_prob``, ``NetSpec.bernoulli``),
    ``one-hot`` (cross-entropy target, or declared ``kind = "one-hot"`` in ``one_hot``),
    ``unit`` (bce_logits target), ``positive`` (log/sqrt/fractional power), ``nonzero``
    (divisor, negative power)."""
    out: dict[str, str] = {name: "one-hot" for name in one_hot}

    def mark(n: ex.Node, role: str) -> None:
        while isinstance(n, ex.Transpose):
            n = n.operand
        if role == "one-hot" and isinstance(n, ex.Call) and n.func == "max_mask":
            n = n.args[0]  # F.cross_entropy(z, t.argmax(1)): t drawn one-hot, its argmax plain
        rank = ("nonzero", "positive", "above_one", "unit", "binary", "one-hot")
        if isinstance(n, ex.Name) and rank.index(role) >= rank.index(out.get(n.id, "nonzero")):
            out[n.id] = role

    for name in binary:
        mark(ex.Name(name), "binary")
    for _, tree in forward:
        for name in bernoulli_targets(tree):
            mark(ex.Name(name), "binary")
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and n.func in ops.OPS:
                for arg, dom in zip(n.args, ops.get(n.func).domain, strict=False):
                    if dom in ROLE_OF_DOMAIN:
                        mark(arg, ROLE_OF_DOMAIN[dom])
                    if dom == "positive":
                        for factor in quotient_names(arg):
                            mark(factor, "positive")
                xlogx = _xlogy_log_of(n)
                if xlogx is not None:  # xlogy(t, t), a KL target's entropy: t ≥ 0, drawn > 0
                    mark(xlogx, "positive")
            elif isinstance(n, ex.Pow):
                if n.exponent.denominator != 1:
                    mark(n.base, "positive")
                elif n.exponent < 0:
                    mark(n.base, "nonzero")
            elif isinstance(n, ex.BinOp) and n.op == "/":
                mark(n.right, "nonzero")
            elif (label := _equality_label(n)) is not None:
                mark(label, "binary")  # torch.where(y == 1, 1 - p, p): y a 0/1 label
            stack.extend(ex.children(n))
    return out


def equality_classes(forward: tuple[tuple[str, ex.Node], ...]) -> dict[str, set[Fraction]]:
    """The names compared with a number in any node (:func:`_equality_class`: ``y == k``,
    ``y != k``, any k), each with the numbers it is compared with."""
    out: dict[str, set[Fraction]] = {}
    for _, tree in forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            found = _equality_class(n)
            if found is not None:
                out.setdefault(found[0].id, set()).add(found[1])
            stack.extend(ex.children(n))
    return out


def _equality_label(n: ex.Node) -> ex.Name | None:
    """``y`` of the equality mask ``1[y = k]`` with k 0 or 1, as the language writes it
    (``1 − relu_grad(y − k) − relu_grad(−(y − k))``, from ``y == k`` in a where or a cast,
    fast.ai's ``torch.where(targets == 1, 1 - p, p)``): a label compared with a class, so its
    example values are drawn from {0, 1} (random reals would never equal k, and the mask would
    mask everything); else None."""
    found = _equality_class(n)
    return found[0] if found is not None and found[1] in (0, 1) else None


def _equality_class(n: ex.Node) -> tuple[ex.Name, Fraction] | None:
    """``(y, k)`` of the equality mask ``1[y = k]`` as the language writes it (``1 −
    relu_grad(y − k) − relu_grad(−(y − k))``; ``y`` itself for k = 0), any number k; else None."""
    if not (isinstance(n, ex.BinOp) and n.op == "-" and isinstance(n.left, ex.BinOp)):
        return None
    first, second = n.left, n.right
    if not (first.op == "-" and isinstance(first.left, ex.Num) and first.left.value == 1):
        return None
    up, down = first.right, second
    if not all(isinstance(c, ex.Call) and c.func == "relu_grad" and len(c.args) == 1 for c in (up, down)):
        return None
    d, neg = up.args[0], down.args[0]  # type: ignore[union-attr]
    if not (isinstance(neg, ex.Neg) and neg.operand == d):
        return None
    if isinstance(d, ex.Name):
        return d, Fraction(0)
    if (
        isinstance(d, ex.BinOp)
        and d.op in ("-", "+")
        and isinstance(d.left, ex.Name)
        and isinstance(d.right, ex.Num)
    ):
        k = Fraction(d.right.value)
        return d.left, (k if d.op == "-" else -k)
    return None


def quotient_names(n: ex.Node) -> list[ex.Node]:
    """The tensors named as the numerator and the denominator of a quotient read where a
    positive argument is needed (``log(q / m)``, a KL or Jensen-Shannon term of a given
    distribution): drawn positive, the ratio is positive wherever the rest of it is, as a
    directly read ``log(q)`` draws ``q``; ``[]`` for anything else."""
    if not (isinstance(n, ex.BinOp) and n.op == "/"):
        return []
    return [
        side for side in (n.left, n.right)
        if isinstance(side.operand if isinstance(side, ex.Transpose) else side, ex.Name)
    ]


def _xlogy_log_of(n: ex.Node) -> ex.Name | None:
    """``t`` of ``log(t + (1 − 1[t ≠ 0]))``, the log of ``xlogy(t, t)`` as the language reads it
    (derive.lang.spelling._x_log_y: the entropy of targets with zeros, F.kl_div's, Optax's KL),
    which is defined for t ≥ 0 only; else ``None``."""
    if not (isinstance(n, ex.Call) and n.func == "log" and len(n.args) == 1):
        return None
    arg = n.args[0]
    if not (isinstance(arg, ex.BinOp) and arg.op == "+" and isinstance(arg.left, ex.Name)):
        return None
    t = arg.left
    indicator = ex.Call("relu_grad", (t,))
    stack = [arg.right]
    while stack:
        m = stack.pop()
        if m == indicator:
            return t
        stack.extend(ex.children(m))
    return None


def labels_outside_bce(spec: Any) -> list[tuple[str, list[float]]]:
    """Targets of a cross-entropy written out by hand (:func:`bernoulli_targets`) given soft
    values strictly between 0 and 1 in ``[values]``: (the name, up to three of those values).
    The formula is a cross-entropy there (PyTorch agrees), but no class label has that value:
    a warning, not a failure. heldnets37: a value outside [0, 1] is refused
    (:meth:`Evaluator.written_bce_targets`), as ``bce(…)``'s."""
    out: list[tuple[str, list[float]]] = []
    generated = set(getattr(spec, "generated", ()))
    for _, tree in spec.forward:
        for name in sorted(bernoulli_targets(tree)):
            if name in generated or name not in spec.values or name in [n for n, _ in out]:
                continue
            # heldnets37: outside [0, 1] is refused (Evaluator.written_bce_targets); a soft
            # target between 0 and 1 is warned about
            odd = sorted({float(v) for row in spec.values[name] for v in row if 0 < v < 1})
            if odd:
                out.append((name, odd[:3]))
    return out


def bernoulli_targets(tree: ex.Node) -> set[str]:
    """Names ``t`` of a cross-entropy written out by hand, ``t * log(y) + (1 - t) * log(1 - y)``
    (Bishop's ``t``, any order or transpose): a factor ``t`` of a log and a factor ``(1 - t)`` of
    a log in one expression. Such a ``t`` is a BCE target: drawn in {0, 1} like the library
    loss's, not as a real number (−1.5 is no label)."""

    def name(n: ex.Node) -> str | None:
        while isinstance(n, ex.Transpose):
            n = n.operand
        return n.id if isinstance(n, ex.Name) else None

    def has_log(n: ex.Node) -> bool:
        return any(isinstance(m, ex.Call) and m.func == "log" for m in _walk(n))

    plain: set[str] = set()
    complement: set[str] = set()
    for n in _walk(tree):
        if not (isinstance(n, ex.BinOp) and n.op in ("*", "@")):
            continue
        for a, b in ((n.left, n.right), (n.right, n.left)):
            if not has_log(b):
                continue
            while isinstance(a, ex.Transpose):  # (1 - t).T @ log(1 - y)
                a = a.operand
            if (t := name(a)) is not None:
                plain.add(t)
            elif (
                isinstance(a, ex.BinOp)
                and a.op == "-"
                and isinstance(a.left, ex.Num)
                and a.left.value == 1
                and (t := name(a.right)) is not None
            ):
                complement.add(t)
    # a name inside a log is no label: a KL between Bernoulli rates, ρ log(ρ/ρ̂) + (1 − ρ) …
    logged = {
        m.id
        for c in _walk(tree)
        if isinstance(c, ex.Call) and c.func == "log"
        for m in _walk(c)
        if isinstance(m, ex.Name)
    }
    return (plain & complement) - logged


def draw_classes(rng, classes: set[Fraction], role: str | None, r: int, c: int) -> list[list[Fraction]] | None:
    """Example values of a label compared with a number (:func:`equality_classes`: ``y == 2``):
    drawn from those numbers and 0, 1 (within ``role``'s domain), every compared number at least
    once where the tensor has room, so each branch of the comparison shows in the example (random
    reals never equal 2: a one-vs-rest target ``t = (y == 2)`` was all zeros). None where fewer
    than two values are allowed (the role's own draw is used)."""
    keep = {  # within the role's own domain; a unit/above-one/one-hot role keeps its own draw
        "positive": lambda v: v > 0,
        "nonzero": lambda v: v != 0,
        "binary": lambda v: v in (0, 1),
        None: lambda v: True,
    }.get(role)
    if keep is None:
        return None
    values = sorted(v for v in classes | {Fraction(0), Fraction(1)} if keep(v))
    if len(values) < 2:
        return None
    allowed = set(values)
    flat = [rng.choice(values) for _ in range(r * c)]
    # every compared number shown, each in a slot of its own (no draw taken: the others stay)
    wanted = [v for v in sorted(classes) if v in allowed]
    for slot, v in zip(range(len(flat) - 1, -1, -1), wanted):
        if v not in flat:
            flat[slot] = v
    if len(set(flat)) == 1 and len(flat) > 1:
        flat[0] = next(v for v in values if v != flat[0])
    return [flat[i * c : (i + 1) * c] for i in range(r)]


def draw(rng, role: str | None, r: int, c: int, *, first: bool = False) -> list[list[Fraction]]:
    """Example values with one decimal (easy by hand) for a tensor of ``role``."""
    if role == "binary":
        rows = [[Fraction(rng.randint(0, 1)) for _ in range(c)] for _ in range(r)]
        if r * c > 1 and len({v for row in rows for v in row}) == 1:
            # both classes, so a mask ``y == 0`` or a label's two terms each show in the
            # example (the last entry flipped: no draw taken, the other tensors' draws stay)
            rows[-1][-1] = 1 - rows[-1][-1]
        return rows
    if role == "one-hot":
        rows = []
        for _ in range(r):
            k = rng.randrange(c)
            rows.append([Fraction(int(j == k)) for j in range(c)])
        return rows
    if role == "distribution":  # rows of positive tenths (hundredths past 10 columns) summing to 1
        unit = 10 if c <= 10 else 100 if c <= 100 else 10 ** len(str(c))
        rows = []
        for _ in range(r):
            cuts = sorted(rng.sample(range(1, unit), c - 1))
            rows.append([Fraction(b - a, unit) for a, b in zip([0, *cuts], [*cuts, unit], strict=True)])
        return rows
    if role == "unit":
        return [[Fraction(rng.randint(1, 9), 10) for _ in range(c)] for _ in range(r)]
    if role == "above_one":
        return [[1 + Fraction(rng.randint(1, 9), 10) for _ in range(c)] for _ in range(r)]
    if role == "positive":
        return [[Fraction(rng.randint(1, 9), 10) for _ in range(c)] for _ in range(r)]
    if role == "nonzero" or not first:
        # never exactly 0: keeps divisors and kink inputs such as x·w away from 0
        return [
            [Fraction(rng.choice((-1, 1)) * rng.randint(1, 9), 10) for _ in range(c)]
            for _ in range(r)
        ]
    return [[Fraction(rng.randint(-9, 9), 10) for _ in range(c)] for _ in range(r)]


# ---- the evaluator ---------------------------------------------------------------------------


class Evaluator:
    """float64 forward pass over expression trees, raising :class:`_Stop` at the first value
    outside a domain. ``fused``: BCE after σ and cross-entropy after softmax are evaluated from
    the logits (stable; PyTorch's recommended forms), so saturation is not a domain problem."""

    def __init__(
        self,
        forward: tuple[tuple[str, ex.Node], ...],
        scalars: Mapping[str, float],
        *,
        kinks: bool = False,
        matmul: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    ) -> None:
        self.forward = forward
        self.scalars = dict(scalars)
        self.kinks = kinks
        self.matmul = matmul  # ``a @ b`` by the caller (a training step's products, shared)
        self.defs = dict(forward)
        self.node = ""
        self.env: dict[str, np.ndarray] = {}
        self.at: list[ex.Node] = []  # the operations being evaluated, innermost last

    def stop(
        self,
        mask_or_entry,
        value,
        message: str | catalog.Said,
        direct: str | None = None,
        kink=False,
    ):
        """Stop at the first entry of ``mask_or_entry``; a catalogue ``message`` (its ``at`` slot
        left empty in the English :attr:`Problem.message`) can be said in any language."""
        entry = mask_or_entry if isinstance(mask_or_entry, tuple) else _first(mask_or_entry)
        said = message if isinstance(message, catalog.Said) else None
        if said is not None:
            message = catalog.Said(said.key, (*said.args, ("at", ""))).render("en")
        at = self.at[-1] if self.at else self.defs.get(self.node, ex.Name(self.node))
        sources = tuple(self.sources(at))
        raise _Stop(Problem(self.node, entry, value, str(message), direct, kink, said, sources))

    def sources(self, n: ex.Node) -> list[str]:
        """The inputs and parameters ``n`` is computed from (through the [forward] lines), in
        the order first met."""
        out: list[str] = []
        seen: set[str] = set()
        stack = [n]
        while stack:
            k = stack.pop()
            for name in ex.names(k):
                if name in seen or name in self.scalars:
                    continue
                seen.add(name)
                if name in self.defs:
                    stack.append(self.defs[name])
                else:
                    out.append(name)
        return out

    def run(self, point: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        self.env = {k: np.atleast_2d(np.asarray(v, dtype=np.float64)) for k, v in point.items()}
        for name, tree in self.forward:
            self.node = name
            self.written_bce_targets(tree)
            with np.errstate(all="ignore"):
                value = np.atleast_2d(np.asarray(self.ev(tree), dtype=np.float64))
            bad = ~np.isfinite(value)
            if bad.any():
                e = _first(bad)
                self.stop(e, value[e], catalog.said("refuse.nonfinite", value=_fmt(value[e])))
            self.env[name] = value
        return self.env

    def written_bce_targets(self, tree: ex.Node) -> None:
        """heldnets37: the target ``t`` of a cross-entropy written out by hand,
        ``t·log y + (1 − t)·log(1 − y)`` (:func:`bernoulli_targets`), held to [0, 1] as
        ``bce(…)``'s and ``F.binary_cross_entropy``'s are: outside it the weight of one log is
        negative and the loss has no minimum (t = 2 gives −2·log y + log(1 − y), which falls
        without bound as y → 1), so a given value there is refused naming the tensor and the
        entry; a soft target inside (0, 1) is read (:func:`labels_outside_bce` warns)."""
        for t in sorted(bernoulli_targets(tree)):
            y = self.env.get(t)
            if y is None or t in self.defs or t in self.scalars:
                continue
            bad = (y < 0) | (y > 1)
            if bad.any():
                e = _first(bad)
                self.at.append(ex.Name(t))
                try:
                    self.stop(
                        e,
                        y[e],
                        catalog.said("refuse.target", what="BCE", value=_fmt(y[e]), lo="0", hi="1"),
                        direct=t,
                    )
                finally:
                    self.at.pop()

    def subnormal(self, x: np.ndarray, what: str) -> None:
        """An argument of log, sqrt or a root/negative power below float64's normal range
        (2.2e-308): float64 keeps only a few of its digits, so no float computation of the
        derivative there (ours, PyTorch's, finite differences) can be checked to 1e-9."""
        m = (x != 0) & (np.abs(x) < np.finfo(np.float64).tiny)
        if m.any():
            self.stop(
                m,
                x[_first(m)],
                catalog.said("refuse.subnormal", what=what, value=_fmt(x[_first(m)])),
            )

    def num(self, n: ex.Node) -> float:
        if isinstance(n, ex.Num):
            return float(n.value)
        assert isinstance(n, ex.Name)
        return float(self.scalars[n.id])

    def _name_input(self, n: ex.Node) -> str | None:
        while isinstance(n, ex.Transpose):
            n = n.operand
        if isinstance(n, ex.Name) and n.id not in self.defs and n.id not in self.scalars:
            return n.id
        return None

    def ev(self, n: ex.Node) -> np.ndarray:
        """``n``'s value; an operation stopped at names the operands it checks
        (:meth:`sources`)."""
        self.at.append(n)
        try:
            return self.value(n)
        finally:
            self.at.pop()

    def value(self, n: ex.Node) -> np.ndarray:  # noqa: C901 - one case per node kind
        if isinstance(n, ex.Num):
            return np.array([[float(n.value)]])
        if isinstance(n, ex.Name):
            if n.id in self.scalars:
                return np.array([[float(self.scalars[n.id])]])
            return self.env[n.id]
        if isinstance(n, ex.Neg):
            return -self.ev(n.operand)
        if isinstance(n, ex.Transpose):
            return self.ev(n.operand).T
        if isinstance(n, ex.Pow):
            b, k = self.ev(n.base), n.exponent
            # a power above 1 of 0 is 0 with the finite slope 0 (NumPy, PyTorch): only a
            # negative base is outside; a root's slope at 0 is infinite
            m = (b < 0 if k > 1 else b <= 0) if k.denominator != 1 else None
            if m is not None and np.any(m):
                key = "refuse.root_above_one" if k > 1 else "refuse.root"
                text = _fmt(k) if len(_fmt(k)) <= 6 else f"{k.numerator}/{k.denominator}"
                self.stop(m, b[_first(m)], catalog.said(key, k=text, value=_fmt(b[_first(m)])))
            if k < 0 and np.any(b == 0):
                self.stop(b == 0, 0.0, catalog.said("refuse.power_of_zero", k=_fmt(k)))
            if k.denominator != 1 or k < 0:
                self.subnormal(b, f"** {_fmt(k)}")
            return b ** float(k)
        if isinstance(n, ex.BinOp):
            a, b = self.ev(n.left), self.ev(n.right)
            if n.op == "@":
                return a @ b if self.matmul is None else self.matmul(a, b)
            if n.op == "/":
                if np.any(b == 0):
                    self.stop(
                        np.broadcast_to(b == 0, np.broadcast_shapes(a.shape, b.shape)),
                        0.0,
                        catalog.said("refuse.division"),
                    )
                return a / b
            return {"+": np.add, "-": np.subtract, "*": np.multiply}[n.op](a, b)
        assert isinstance(n, ex.Call)
        return self.call(n)

    def slice(self, n: ex.Call) -> np.ndarray:
        """``A[:, lo:hi]`` at these sizes (the spec checked the bounds; negative from the end)."""
        x = np.atleast_2d(np.asarray(self.ev(n.args[0]), dtype=np.float64))
        k = int(n.kwarg("axis").value)  # type: ignore[union-attr]
        bounds = []
        for key, default in (("start", 0), ("stop", x.shape[k])):
            b = n.kwarg(key)
            v = default if b is None else int(round(float(self.ev(b).reshape(-1)[0])))
            bounds.append(v + x.shape[k] if v < 0 else v)
        lo, hi = bounds
        if not 0 <= lo < hi <= x.shape[k]:
            # a block written with numbers (prod's entries, x[:, 4:6]) of a tensor that is
            # smaller at these sizes: not the same network here (the checker's other sizes)
            raise IndexError(f"block {lo}:{hi} of an axis of {x.shape[k]} entries")
        return x[lo:hi] if k == 0 else x[:, lo:hi]

    def reshaped(self, n: ex.Call) -> np.ndarray:
        """``reshaped(A, r, c)`` at these sizes: A's entries row by row in r rows of c (-1: the
        rest), as NumPy's reshape."""
        x = np.atleast_2d(np.asarray(self.ev(n.args[0]), dtype=np.float64))
        sizes = []
        for key in ("rows", "cols"):
            b = n.kwarg(key)
            sizes.append(-1 if b is None else int(round(float(np.asarray(self.ev(b)).reshape(-1)[0]))))
        known = [k for k in sizes if k != -1]
        if len(known) == 2 and known[0] * known[1] != x.size or len(known) == 1 and x.size % known[0]:
            raise IndexError(f"{x.size} entries are not {sizes[0]} x {sizes[1]}")
        return x.reshape(sizes)

    def computed(self, n: ex.Node) -> bool:
        """``n`` is computed (a node or an expression), not a number or a given tensor, whose
        float64 value is exactly as written."""
        if isinstance(n, ex.Num):
            return False
        if isinstance(n, ex.Name):
            return n.id in self.defs
        return True

    def call(self, n: ex.Call) -> np.ndarray:  # noqa: C901
        f = n.func
        if f in ("bce", "cross_entropy") and isinstance(n.args[0], ex.Name | ex.Call):
            fused = self.fused(n)
            if fused is not None:
                return fused
        op = ops.get(f)  # domains, kinks and NumPy callables: the operation table
        if op.kind == ops.CONCAT:
            axis = n.kwarg("axis")
            parts = [np.atleast_2d(np.asarray(self.ev(a), dtype=np.float64)) for a in n.args]
            return np.concatenate(parts, axis=0 if axis is None else int(axis.value))
        if op.kind == ops.SLICE:
            return self.slice(n)
        if op.kind == ops.RESHAPE:
            return self.reshaped(n)
        if op.kind == ops.ROT180:
            x = np.atleast_2d(np.asarray(self.ev(n.args[0]), dtype=np.float64))
            return x[ops.flip_slices(op.extra.get("axes", (0, 1)))]
        if op.kind == ops.CORR2D:  # conv42: the valid correlation (convolution: K turned); conv43: stride, padding
            x, k = (np.atleast_2d(np.asarray(self.ev(a), dtype=np.float64)) for a in n.args)
            if op.extra.get("flip"):
                k = k[::-1, ::-1]
            return ops.corr_numpy(x, k, bool(op.extra.get("full")), *ops.corr_opts(n))
        if op.kind == ops.DILATE:
            return ops.dilate_numpy(self.ev(n.args[0]), ops.corr_opts(n)[0])
        if op.kind == ops.POOL2D:  # conv43: a window whose largest value is tied is a kink
            x, k, what = np.atleast_2d(np.asarray(self.ev(n.args[0]), dtype=np.float64)), ops.pool_k(n), op.extra["what"]
            s = ops.pool_s(n)  # conv44: windows s apart
            geom = ops.pool_geom(n)  # pool46: padded, cut or rectangular windows
            geom = None if geom.plain and what != "spread" else geom
            tie = ops.pool_tie(x, k, KINK_MARGIN if self.kinks else 0.0, s, geom) if what == "max" else None
            if tie is not None:
                self.stop(tie, x[tie], catalog.said("refuse.pool_tie", f=f, k=k, value=_fmt(x[tie])), kink=self.kinks)
            ref = self.ev(n.args[1]) if what in ("route", "spread") else None
            return ops.pool_numpy(x, k, what, s, ref, geom)
        x = self.ev(n.args[0])
        if op.kind == ops.BINARY:
            return self.pair(n, op, x, self.ev(n.args[1]))
        if op.kinks and self.kinks:
            for k in op.kinks:
                m = np.abs(x - float(k)) < KINK_MARGIN
                if m.any():
                    said = catalog.said("refuse.at_kink", f=f, value=_fmt(x[_first(m)]))
                    self.stop(m, x[_first(m)], said, kink=True)
        if op.kind != ops.LOSS and op.domain[0] == "positive" and np.any(x <= 0):
            m = x <= 0
            arg = n.args[0]
            rounded = (
                x[_first(m)] == 0
                and isinstance(arg, ex.BinOp)
                and arg.op == "-"
                and any(self.computed(side) for side in (arg.left, arg.right))
            )  # the hint: float64 may have rounded an exact positive difference to 0 (a
            # difference of given numbers is 0 in float64 only where it is exactly 0: Sterbenz)
            key = "refuse.positive_rounded" if rounded else "refuse.positive"
            self.stop(m, x[_first(m)], catalog.said(key, f=f, value=_fmt(x[_first(m)])))
        if op.kind != ops.LOSS and op.domain[0] == "positive":
            self.subnormal(x, f)
        if op.kind == ops.ELEMENTWISE and op.domain[0] in INTERVAL_DOMAINS:
            self.interval(f, op.domain[0], x)
        if op.kind == ops.ELEMENTWISE:
            params = [self.num(a) for a in n.args[1:]] or [
                self.num(n.kwarg(k)) if n.kwarg(k) is not None else float(v) for k, v in op.params
            ]
            return np.asarray(op.numpy(x, *params), dtype=np.float64)
        if op.kind == ops.ROWWISE:
            if op.extra.get("ties"):
                self.ties(x)
            self.masked_rows(f, x)
            return np.asarray(op.numpy(x), dtype=np.float64)
        if op.kind == ops.REDUCTION:
            axis = n.kwarg("axis")
            return np.atleast_2d(op.numpy(x, None if axis is None else int(axis.value)))
        y = np.broadcast_to(self.ev(n.args[1]), x.shape)
        return np.array([[self.loss(n, x, y)]])

    def pair(self, n: ex.Call, op: ops.Op, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """A function of two tensors entry by entry (atan2(y, x)), refused where both are 0 —
        its origin, where it has no derivative (PyTorch gives the value 0 and the gradient 0 of
        no side's limit); drawn values keep :data:`KINK_MARGIN` away from it."""
        a, b = np.broadcast_arrays(
            np.atleast_2d(np.asarray(a, dtype=np.float64)),
            np.atleast_2d(np.asarray(b, dtype=np.float64)),
        )
        if op.extra.get("origin") == "refuse":
            near = np.hypot(a, b) < KINK_MARGIN if self.kinks else (a == 0) & (b == 0)
            if near.any():
                i = _first(near)
                pair = f"y = {_fmt(a[i])}, x = {_fmt(b[i])}"
                said = catalog.said("refuse.origin", f=n.func, value=pair)
                self.stop(near, a[i], said, kink=self.kinks)
        jump = op.extra.get("jump")
        if jump is not None and not self.kinks:
            # spellings27: given values on atan2's cut with y a negative zero: PyTorch (and
            # float64) read the zero's sign, atan2(−0.0, −1) = −π, where the exact derivation,
            # whose numbers have no signed zero, prints +π (and a gradient through that value
            # with it): refused naming the entry, as no printed number could agree with both
            cut = (a == 0) & np.signbit(a) & (b < 0)
            if cut.any():
                i = _first(cut)
                said = catalog.said("refuse.signed_zero_s27", f=n.func, x=_fmt(b[i]))
                self.stop(cut, a[i], said)
        if jump is not None and self.kinks:  # drawn values: away from atan2's cut (y = 0, x < 0)
            near = jump(a, b) < KINK_MARGIN
            if near.any():
                said = catalog.said("refuse.at_kink", f=n.func, value=_fmt(a[_first(near)]))
                self.stop(near, a[_first(near)], said, kink=True)
        return np.asarray(op.numpy(a, b), dtype=np.float64)

    def interval(self, f: str, domain: str, x: np.ndarray) -> None:
        """acosh's argument > 1, atanh's and erfinv's strictly inside (−1, 1): outside, PyTorch
        gives NaN or ±inf (acosh 1 = 0, but its derivative is inf there)."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        inside = np.vectorize(lambda v: ops.in_domain(domain, v), otypes=[bool])(x)
        if not inside.all():
            m = ~inside
            if domain == "variance":  # gaussian_nll_loss's var (ops: assert_nonneg)
                said = catalog.said("refuse.variance", value=_fmt(x[_first(m)]))
                self.stop(m, x[_first(m)], said)
            if domain == "count":  # a Poisson loss's target (ops: assert_count)
                said = catalog.said("refuse.count_r46", value=_fmt(x[_first(m)]))
                self.stop(m, x[_first(m)], said)
            said = catalog.said(
                "refuse.interval",
                f=f,
                value=_fmt(x[_first(m)]),
                domain=catalog.said(f"refuse.interval_{domain}"),
            )
            self.stop(m, x[_first(m)], said)

    def masked_rows(self, f: str, x: np.ndarray) -> None:
        """A softmax of a row whose every entry is the -inf fill (:data:`spelling.MASK_FILL`): in
        PyTorch that row is NaN (-inf everywhere), which the finite fill would hide."""
        rows = np.all(np.atleast_2d(x) == spelling.MASK_FILL, axis=1)
        if rows.any():
            i = int(np.argmax(rows))
            self.stop(
                (i, 0),
                float(spelling.MASK_FILL),
                catalog.said("refuse.masked_row", f=f, row=i + 1),
            )

    def ties(self, x: np.ndarray) -> None:
        """The max of everything is taken row by row and then among the row maxima; when the
        largest value is in several rows, each row's share would follow its own count of tied
        entries, where PyTorch splits the gradient evenly among all of them. Drawn values are
        drawn again; given values with such a tie are refused."""
        if x.shape[1] < 2:
            return
        top2 = np.sort(x, axis=1)[:, -2:]
        tied = (top2[:, 1] - top2[:, 0]) <= KINK_MARGIN * np.maximum(1.0, np.abs(top2[:, 1]))
        if tied.any():
            i = int(np.argmax(tied))
            self.stop(
                (i, int(np.argmax(x[i]))),
                float(top2[i, 1]),
                catalog.said("refuse.max_tie", value=_fmt(top2[i, 1])),
            )

    def target_domain(self, n: ex.Call, y: np.ndarray, lo: float, hi: float, what: str) -> None:
        bad = (y < lo) | (y > hi)
        if bad.any():
            e = _first(bad)
            self.stop(
                e,
                y[e],
                catalog.said("refuse.target", what=what, value=_fmt(y[e]), lo=f"{lo:g}", hi=f"{hi:g}"),
                direct=self._name_input(n.args[1]),
            )

    def loss(self, n: ex.Call, x: np.ndarray, y: np.ndarray) -> float:
        f = n.func
        if f == "mse":
            return float(np.mean((x - y) ** 2))
        if f == "sse":
            return float(np.sum((x - y) ** 2))
        if f == "bce":
            self.target_domain(n, y, 0, 1, "BCE")
            # open interval: at exactly 0 or 1 the derivative −y/p + (1 − y)/(1 − p) is ±∞ or 0/0
            # whatever the target (PyTorch clamps log at −100 instead)
            bad = (x <= 0) | (x >= 1)
            if bad.any():
                e = _first(bad)
                self.stop(
                    e,
                    x[e],
                    catalog.said("refuse.bce_prediction", value=_fmt(x[e])),
                )
            w = self.num(n.kwarg("pos_weight")) if n.kwarg("pos_weight") is not None else 1.0
            # PyTorch clamps log at −100
            lp = np.maximum(np.log(x), -100.0)
            lq = np.maximum(np.log1p(-x), -100.0)
            return float(-np.mean(w * y * lp + (1 - y) * lq))
        if f == "bce_logits":
            self.target_domain(n, y, 0, 1, "BCE")
            return float(np.mean(np.maximum(x, 0) - x * y + np.log1p(np.exp(-np.abs(x)))))
        assert f == "cross_entropy"
        bad = x <= 0  # also where y is 0: the derivative −y/p is then 0/0
        if bad.any():
            e = _first(bad)
            self.stop(
                e,
                x[e],
                catalog.said("refuse.ce_probability", value=_fmt(x[e])),
            )
        with np.errstate(all="ignore"):
            terms = np.where(y != 0, y * np.log(np.where(x > 0, x, 1.0)), 0.0)
        return float(-terms.sum() / x.shape[0])

    def fused(self, n: ex.Call) -> np.ndarray | None:
        """``bce(σ(Z), Y)`` and ``cross_entropy(softmax(Z), Y)`` from the logits ``Z``."""
        arg = n.args[0]
        # PyTorch's F.cross_entropy(Z, Y) on logits is read cross_entropy(softmax(Z), Y) in one
        # line: the softmax inline
        src = arg if isinstance(arg, ex.Call) else self.defs.get(arg.id)  # type: ignore[union-attr]
        if not (isinstance(src, ex.Call) and src.func in ("sigmoid", "softmax")):
            return None
        if (src.func == "sigmoid") != (n.func == "bce"):
            return None
        z = self.ev(src.args[0])
        y = np.broadcast_to(self.ev(n.args[1]), z.shape)
        if n.func == "bce":
            self.target_domain(n, y, 0, 1, "BCE")
            w = self.num(n.kwarg("pos_weight")) if n.kwarg("pos_weight") is not None else 1.0
            return np.array([[float(np.mean(stable_bce_logits(z, y, w)))]])
        zs = z - z.max(axis=1, keepdims=True)
        logp = zs - np.log(np.exp(zs).sum(axis=1, keepdims=True))
        return np.array([[float(-(y * logp).sum() / z.shape[0])]])


def stable_bce_logits(z: np.ndarray, y: np.ndarray, w: float = 1.0) -> np.ndarray:
    """``−(w·y·log σ(z) + (1 − y)·log(1 − σ(z)))`` without overflow: log σ(z) = −softplus(−z),
    log(1 − σ(z)) = −softplus(z)."""
    return w * y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)


def check(
    forward: tuple[tuple[str, ex.Node], ...],
    scalars: Mapping[str, float],
    point: Mapping[str, np.ndarray],
    *,
    kinks: bool = False,
) -> Problem | None:
    """The first value outside a domain at ``point`` (``None`` if all are inside)."""
    try:
        Evaluator(forward, scalars, kinks=kinks).run(point)
    except _Stop as stop:
        return stop.problem
    return None


def _constant(n: ex.Node, scalars: Collection[str] = ()) -> bool:
    """A number written in the spec (``0.4``, ``-0.3``, ``1 - 1e-7``), or with ``scalars`` (the
    [constants] and [dims] names) one of those names or an expression of them and numbers
    (``1 + clip_eps``): no tensor in it."""
    if isinstance(n, ex.Name):
        return n.id in scalars
    calls = any(isinstance(k, ex.Call) for k in _walk(n))
    return not calls and all(name in scalars for name in ex.names(n))


def number_value(n: ex.Node) -> Fraction | None:
    """The exact value of ``n`` when it is a number written in the spec, ``0.4`` or a sum of
    numbers (``1. - 1e-5``); None for anything else."""
    return _exact(n)


def _exact(n: ex.Node, scalars: Mapping[str, Fraction | int] | None = None) -> Fraction | None:
    """The exact value of a number written in the spec (``1 - 1e-7`` is 9999999/10⁷), and with
    ``scalars`` (the exact [constants] and [dims]) of an expression of their names
    (``1 + clip_eps`` with clip_eps = 0.2 is 6/5)."""
    if isinstance(n, ex.Num):
        return Fraction(n.value)
    if isinstance(n, ex.Name):
        v = (scalars or {}).get(n.id)
        return None if v is None else Fraction(v)
    if isinstance(n, ex.Neg):
        v = _exact(n.operand, scalars)
        return None if v is None else -v
    if isinstance(n, ex.BinOp) and n.op in "+-*/":
        a, b = _exact(n.left, scalars), _exact(n.right, scalars)
        if a is None or b is None or (n.op == "/" and b == 0):
            return None
        return {"+": a + b, "-": a - b, "*": a * b}.get(n.op, a / b if b else None)
    return None


def clamp_bounds(
    n: ex.Node, plain_low: bool = False, scalars: Collection[str] = ()
) -> tuple[ex.Node, ex.Node, ex.Node, str] | None:
    """``(x, lo, hi, F)`` when ``n`` is the outer ``F(hi − (lo + F(x − lo)))`` of a two-sided
    clamp as the spellings read ``np.clip``/``torch.clamp``/``F.hardtanh``
    (``derive.lang.spelling._clip``/``_hardclip``; F = clamp0 or relu; the bounds numbers or
    sums of them, ``1 - 1e-7``); with ``plain_low`` also ``F(hi − F(x))`` (lo = 0, returned as
    the number 0); else ``None``. The one matcher of the clamp's nested form for the spec's
    float check (:func:`moved_bounds`) and verify's guard (``numeric.verify.rounded_bounds``).
    ``scalars``: names that may stand in a bound (``torch.clamp(r, 1 - eps, 1 + eps)``)."""
    if not (isinstance(n, ex.Call) and n.func in ("relu", "clamp0") and len(n.args) == 1):
        return None
    arg = n.args[0]
    if not (isinstance(arg, ex.BinOp) and arg.op == "-" and _constant(arg.left, scalars)):
        return None
    low = arg.right
    if plain_low and isinstance(low, ex.Call) and low.func == n.func and len(low.args) == 1:
        return low.args[0], ex.Num(Fraction(0)), arg.left, n.func
    if not (
        isinstance(low, ex.BinOp)
        and low.op == "+"
        and _constant(low.left, scalars)
        and isinstance(low.right, ex.Call)
        and low.right.func == n.func
        and isinstance(low.right.args[0], ex.BinOp)
        and low.right.args[0].op == "-"
        and low.right.args[0].right == low.left
    ):
        return None
    return low.right.args[0].left, low.left, arg.left, n.func


def moved_bounds(
    forward: tuple[tuple[str, ex.Node], ...],
    scalars: Mapping[str, float],
    point: Mapping[str, np.ndarray],
    exact: Mapping[str, Fraction | int] | None = None,
) -> bool:
    """Whether at ``point`` a two-sided clamp's input is on (or an ulp from) its upper bound,
    where the float64 reading ``hi − F(hi − (lo + F(x − lo)))`` can take another branch than
    PyTorch's comparison of x with hi: ``lo + (x − lo)`` can miss x by an ulp (−0.3 + 0.7 is
    0.39999999999999997), so x exactly at hi = 0.4 reads as below it. Only given values land
    there (drawn ones avoid bounds). ``exact``: the exact [constants] and [dims], whose names
    may stand in a bound (``torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)``: PPO's ratio
    0.6 / 0.5 lands on 1 + 0.2)."""
    named = tuple(exact or ())
    if not any(clamp_bounds(n, scalars=named) for _, tree in forward for n in _walk(tree)):
        return False
    hits: list[bool] = []

    class Spy(Evaluator):
        def call(self, n: ex.Call) -> np.ndarray:
            found = clamp_bounds(n, scalars=named)
            if found is not None:
                x, lo_node, hi_node, _ = found
                lo = float(np.asarray(self.ev(lo_node), float).reshape(-1)[0])
                hi = float(np.asarray(self.ev(hi_node), float).reshape(-1)[0])
                exact_bounds = [_exact(lo_node, exact), _exact(hi_node, exact)]
                floats = [None if v is None else float(v) for v in exact_bounds]
                if floats != [lo, hi]:
                    # a bound float64 computes off its exact value (0.7 - 0.4): the exact and
                    # the float derivation disagree in either form; verify refuses that tie
                    return super().call(n)
                xv = np.atleast_2d(np.asarray(self.ev(x), float))
                read = np.atleast_2d(np.asarray(self.ev(n.args[0]), float))
                read = np.broadcast_to(read, xv.shape)
                direct = hi - np.maximum(xv, lo)  # PyTorch's comparison with the bound
                # any other side, the kink included; and x on hi or an ulp from it: the
                # element-wise form sums (hi − lo) − F(x − lo) in another order, and verify's
                # inline-kink guard refuses a float 1e-16 where the exact value is 0
                near = np.abs(xv - hi) <= 2 * np.spacing(abs(hi))
                moved = (np.sign(read) != np.sign(direct)) | near
                hits.append(bool(lo < hi and moved.any()))
            return super().call(n)

    try:
        Spy(forward, scalars).run(point)
    except _Stop:
        return False  # a domain problem: reported with its own message
    return any(hits)


_walk = ex.subtrees


def find_point(
    forward: tuple[tuple[str, ex.Node], ...],
    scalars: Mapping[str, float],
    make: Callable[[int], dict[str, np.ndarray]],
    *,
    kinks: bool = True,
    tries: int = MAX_DRAWS,
) -> tuple[dict[str, np.ndarray] | None, Problem | None]:
    """``make(k)`` for k = 0, 1, … until a point inside every domain (and, with ``kinks``, away
    from every kink) is found: ``(point, None)``; else ``(None, last problem)``."""
    problem = None
    for k in range(tries):
        point = make(k)
        problem = check(forward, scalars, point, kinks=kinks)
        if problem is None:
            return point, None
    return None, problem
