"""Mutation fuzzing of ``derive check`` against the independent oracle (tests/check_oracle.py).

Start from each built-in gradient's right formula (the checker's own short form with upstream
names, and the form written out to the loss), apply one or two random edits of the kinds students
make — a transpose added or dropped, operands swapped, a size or constant multiplied in or divided
out, a tensor replaced by another of the same shape, a function replaced, a factor dropped, a sign
flipped, a number changed, a sum over the other axis — and ask two judges:

- the **oracle**: the formula's text evaluated with NumPy on PyTorch's values and gradients at
  random points where all named sizes differ (hand-written PyTorch networks, not derive's engine);
- ``derive check``.

A formula the oracle calls wrong and ``derive check`` calls right is a **wrong answer accepted**
(the one thing the checker must never do). A formula the oracle calls right and the checker
wrong is a false rejection, unless it is right only away from a kink (a comparison with ``>=``/
``<=``, which random points never meet) or circular (it uses the very gradient it is asked for:
``(h > 0) * dh`` for ``dh`` equals it, but derives nothing). Every generated text is the checker's own printed
language, so an unreadable one is a reader bug. The texts are our own generated test data; the
oracle evaluates them with Python (never student text).
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import check_oracle
import numpy as np

from derive.checker.check import FormulaError, _tex_of, check
from derive.checker.checknet import net_for
from derive.checker.formtree import positions, replace_at, tree_text
from derive.checker.formula import Convert
from derive.lang import expr as ex


def _sum(x, axis=None):  # the language's sum: a row/column (keepdims), or a 1 x 1 total
    return np.sum(x, axis=axis, keepdims=True) if axis is not None else np.sum(x).reshape(1, 1)


def _mean(x, axis=None):
    return np.mean(x, axis=axis, keepdims=True) if axis is not None else np.mean(x).reshape(1, 1)


NAMESPACE = {
    "np": np,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "exp": np.exp,
    "log": np.log,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "sum": _sum,
    "mean": _mean,
}
TRIALS = 3


def oracle_right(net: str, wrt: str, text: str) -> bool:
    """``text`` equals ∂L/∂wrt (PyTorch) at ``TRIALS`` random points with all sizes different."""
    for seed in range(TRIALS):
        env, _ = check_oracle.grads(net, 1000 + seed)
        env = {k: np.float64(v) if isinstance(v, int | float) else v for k, v in env.items()}
        want = np.asarray(env["d" + wrt], dtype=float)
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                got = np.asarray(eval(text, dict(NAMESPACE), dict(env)), dtype=float)  # noqa: S307 - our generated data
        except (ValueError, TypeError, ZeroDivisionError, KeyError, NameError, AttributeError):
            return False
        if got.shape != want.shape and got.size == want.size == 1:
            got = got.reshape(want.shape)
        if got.shape != want.shape and got.ndim == 2 and 1 in got.shape:  # broadcast to the shape
            try:
                got = np.broadcast_to(got, want.shape)
            except ValueError:
                return False
        if got.shape != want.shape or not np.allclose(got, want, rtol=1e-8, atol=1e-11):
            return False
    return True


# ---- edits ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ctx:
    names: dict[str, tuple[int, ...]]  # tensors (and their dNAME) with their example shapes
    scalars: tuple[str, ...]  # size and constant names


Edit = Callable[[ex.Node, random.Random, Ctx], Iterator[ex.Node]]


def _nodes(t: ex.Node, kind) -> list[tuple[tuple[int, ...], ex.Node]]:
    return [(p, n) for p, n in positions(t) if isinstance(n, kind)]


def add_transpose(t, rng, ctx):
    for p, n in _nodes(t, ex.Name | ex.Call | ex.BinOp):
        if not (isinstance(n, ex.Name) and n.id in ctx.scalars):
            yield replace_at(t, p, ex.Transpose(n))


def drop_transpose(t, rng, ctx):
    for p, n in _nodes(t, ex.Transpose):
        yield replace_at(t, p, n.operand)


def swap(t, rng, ctx):
    for p, n in _nodes(t, ex.BinOp):
        yield replace_at(t, p, ex.BinOp(n.op, n.right, n.left))


def scale(t, rng, ctx):
    for s in ctx.scalars:
        yield ex.BinOp("/", t, ex.Name(s))
        yield ex.BinOp("*", ex.Name(s), t)
    yield ex.BinOp("*", ex.Num(Fraction(2)), t)
    yield ex.BinOp("/", t, ex.Num(Fraction(2)))


def rename(t, rng, ctx):
    for p, n in _nodes(t, ex.Name):
        shape = ctx.names.get(n.id)
        for other, s in ctx.names.items():
            if s == shape and other != n.id:
                yield replace_at(t, p, ex.Name(other))


FUNCS = ("sigmoid", "tanh", "relu", "exp")


def refunc(t, rng, ctx):
    for p, n in _nodes(t, ex.Call):
        if n.func in FUNCS:
            for f in FUNCS:
                if f != n.func:
                    yield replace_at(t, p, ex.Call(f, n.args, n.kwargs))


def drop_operand(t, rng, ctx):
    for p, n in _nodes(t, ex.BinOp):
        yield replace_at(t, p, n.left)
        yield replace_at(t, p, n.right)


def negate(t, rng, ctx):
    yield ex.Neg(t)
    for p, n in _nodes(t, ex.BinOp):
        if n.op in "+-":
            yield replace_at(t, p, ex.BinOp("-" if n.op == "+" else "+", n.left, n.right))


def renumber(t, rng, ctx):
    for p, n in _nodes(t, ex.Num):
        yield replace_at(t, p, ex.Num(n.value + 1))
        yield replace_at(t, p, ex.Num(n.value * 2))


def reaxis(t, rng, ctx):
    for p, n in _nodes(t, ex.Call):
        axis = n.kwarg("axis") if n.func in ("sum", "mean") else None
        if isinstance(axis, ex.Num):
            kw = tuple((k, ex.Num(1 - axis.value) if k == "axis" else v) for k, v in n.kwargs)
            yield replace_at(t, p, ex.Call(n.func, n.args, kw))
        if n.func in ("sum", "mean"):
            yield replace_at(t, p, n.args[0])  # the sum forgotten


EDITS: tuple[Edit, ...] = (
    add_transpose,
    drop_transpose,
    swap,
    scale,
    rename,
    refunc,
    drop_operand,
    negate,
    renumber,
    reaxis,
)


# ---- cases ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    net: str
    wrt: str
    text: str
    edits: str


def seeds(net: str) -> list[tuple[str, str]]:
    """(wrt, right formula) pairs: each parameter's and node's short and written-out forms."""
    n = net_for(net, 0)
    out = []
    for wrt in [*n.spec.params, *(k for k, _ in n.spec.forward[:-1])]:
        t = n.target(wrt)
        for text in dict.fromkeys((t.expected, t.expanded)):
            if text:
                out.append((wrt, text))
    return out


def context(net: str) -> Ctx:
    n = net_for(net, 0)
    names: dict[str, tuple[int, ...]] = {}
    for k, shape in n.spec.shapes.items():
        if shape != () and k != n.spec.loss:
            names[k] = tuple(shape)
            # no gradient is taken for an input (dX is no name), nor for a node no parameter
            # reaches (in a user network); dNAME unless the spec has a name dNAME of its own
            if k in n.visits:
                names[n.spec.gkey(k)] = tuple(shape)
    scalars = tuple(k for k, s in n.spec.shapes.items() if s == () and k != n.spec.loss)
    return Ctx(names, scalars)


def cases(
    net: str, count: int, seed: int, pool: list[tuple[str, str]] | None = None
) -> list[Case]:
    """``count`` distinct edited formulas of ``net`` (one or two edits each), deterministic;
    ``pool``: the (wrt, right formula) pairs to start from (default :func:`seeds`)."""
    rng = random.Random(f"{Path(net).name}:{seed}")  # a spec by its file name: the same draw in any checkout
    ctx = context(net)
    pool = pool if pool is not None else seeds(net)
    out: dict[str, Case] = {}
    for _ in range(count * 20):
        if len(out) >= count:
            break
        wrt, text = rng.choice(pool)
        tree = ex.parse(text, allow_compare=True)
        names = []
        for _ in range(rng.choice((1, 1, 2))):
            edit = rng.choice(EDITS)
            options = list(edit(tree, rng, ctx))
            if not options:
                continue
            tree = rng.choice(options)
            names.append(edit.__name__)
        if not names:
            continue
        new = tree_text(tree)
        if new != text and f"{wrt}:{new}" not in out:
            out[f"{wrt}:{new}"] = Case(net, wrt, new, "+".join(names))
    return list(out.values())


@dataclass(frozen=True)
class Outcome:
    case: Case
    oracle: bool  # right by the oracle
    verdict: str  # correct / incorrect / unreadable
    code: str | None

    @property
    def kinked(self) -> bool:  # differs from the oracle only where random points never look
        return ">=" in self.case.text or "<=" in self.case.text

    @property
    def wrong_accepted(self) -> bool:
        return self.verdict == "correct" and not self.oracle

    @property
    def circular(self) -> bool:  # uses the gradient it is asked for (dh in a formula for dh)
        return self.code == "circular"

    @property
    def false_rejection(self) -> bool:
        return self.oracle and self.verdict == "incorrect" and not (self.kinked or self.circular)


def judge(
    case: Case,
    latex: bool = False,
    oracle_text: str | None = None,
    oracle: Callable[[str, str, str], bool] = oracle_right,
) -> Outcome:
    """``oracle(net, wrt, text)``: whether ``text`` is ∂L/∂wrt (default: the built-ins' one)."""
    right = oracle(case.net, case.wrt, oracle_text or case.text)
    try:
        r = check(case.net, case.wrt, case.text, latex=latex)
    except FormulaError:
        return Outcome(case, right, "unreadable", None)
    return Outcome(case, right, "correct" if r.ok else "incorrect", r.code)


def judge_latex(
    case: Case, oracle: Callable[[str, str, str], bool] = oracle_right
) -> Outcome | None:
    """The same formula printed in LaTeX by derive's own printer and read back with ``--latex``
    (None where it has no LaTeX form: shapes that do not fit — a shape message echoes such a
    formula term by term, ``W^{[2]\\top} \\delta`` for ``W2.T @ dy_pred``, where juxtaposing a
    1 × 1 factor is a scalar multiple in LaTeX and a shape error in NumPy)."""
    net = net_for(case.net, 0)
    try:
        Convert(net, case.text)(ex.parse(case.text, allow_compare=True))
    except Exception:  # noqa: BLE001 - the code form does not convert: no LaTeX form
        return None
    tex = _tex_of(net, case.text)
    if tex is None:
        return None
    return judge(
        Case(case.net, case.wrt, tex, case.edits), latex=True, oracle_text=case.text, oracle=oracle
    )
