"""Numeric verification: our gradients against PyTorch autograd and finite differences.

Three independent computations of every gradient, all float64:

- **ours, element-wise**: the derived expressions, lambdified to NumPy node by node;
- **ours, matrix form**: the verified matrix rules run in NumPy (:meth:`MExpr.numeric`) — the same
  formulas the generated ``backprop.py`` uses, and the only one used at full size;
- **PyTorch autograd** on the spec's forward pass (torch imported lazily, DESIGN.md §2.7);
- **central finite differences** on the NumPy forward pass (ε = 1e-6; a deterministic sample of
  entries for large tensors).

``relu'(0) = 0`` as in PyTorch. Tolerances are explicit in :data:`TOL`.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from derive import forks
from derive.engine import tolerance as tol
from derive.engine.backprop import Derivation
from derive.engine.graph import Graph, concat_axis, op_params, reshape_span, slice_span
from derive.errors import ToolError
from derive.lang import domains as domain
from derive.lang import expr as ex
from derive.lang import ops, spelling
from derive.lang.spec import SpecError
from derive.lang.spec import resize as spec_resize
from derive.locale import catalog
from derive.numeric import tape
from derive.numeric.example import Example, ExampleValueError, as_mpf

TOL = tol.COMPARE  # (rtol, atol) per comparison; reasons in derive.engine.tolerance
EPS = tol.FD_STEP
FD_SAMPLE = tol.FD_SAMPLE
MAX_RANDOM_VALUE = 1e6  # random points whose forward values exceed this are drawn again
EXACT_ELEMENTWISE_MAX = 256  # parameter entries up to which the example is compared exactly


class NonFinite(SpecError):
    """A NaN, inf or complex number at the example values (exit 2, naming where)."""


class TorchMissing(ToolError, RuntimeError):
    """PyTorch is not installed (``pip install 'derive-backprop[torch]'``)."""


@dataclass(frozen=True)
class Comparison:
    param: str
    point: str  # "example", "random 1", …, "full size"
    ours_vs_torch: tuple[float, float] | None  # (max abs, max rel) differences
    ours_vs_fd: tuple[float, float]
    elementwise_vs_matrix: tuple[float, float] | None
    ok: bool
    kink: bool = False  # a ReLU input within EPS of 0: finite differences are not meaningful
    problem: str = ""  # why ``ok`` is False when it is not a plain disagreement (non-finite)
    # entries whose central difference was not taken: a step of ±EPS leaves a function's
    # domain there (sqrt(x·w) with x·w ≈ 1e-20); the exact comparisons still decide
    fd_edge: tuple[tuple[int, ...], ...] = ()
    # entries whose float64 central difference lost its digits to round-off (a loss computed
    # through 1 − σ(z) at saturation is a staircase of float64 steps) and was taken again in
    # high precision (:func:`precise_fd`)
    fd_precise: tuple[tuple[int, ...], ...] = ()
    # float64 lost digits of our gradient itself at this point (PyTorch's float64 agrees with
    # ours): the finite differences and the element-wise derivation were compared with the
    # same rules evaluated in high precision (:func:`gradients_matrix_precise`)
    float64_lost: bool = False
    # ``problem`` for other languages: (side, entry, value) of a non-finite number
    problem_args: tuple[str, ...] = ()


def kinked() -> tuple[str, ...]:
    """Functions whose derivative jumps somewhere (from the operation table)."""
    return tuple(n for n, op in ops.OPS.items() if op.kinks)


@dataclass(frozen=True)
class Report:
    network: str
    comparisons: tuple[Comparison, ...]
    loss_scale: tuple[str, float] | None  # e.g. ("mse", 2.0): PyTorch's bare loss / ours
    torch_version: str | None
    notes: tuple[str, ...] = ()  # e.g. exact zeros at the example, skipped random points
    # PyTorch's gradients at the example values ((param, array), …) for the verification
    # table, so that a report read from the cache needs no torch import; () without PyTorch
    torch_example: tuple[tuple[str, Any], ...] = ()
    # ``notes`` as (locale key under verify.cli, arguments): said in the reader's language
    note_keys: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.comparisons)


# ---- points ---------------------------------------------------------------------------------


def _is_loss(name: str) -> bool:
    return name in ops.OPS and ops.get(name).kind == ops.LOSS


def example_point(g: Graph) -> dict[str, np.ndarray]:
    """The spec's ``[values]`` as float64 arrays (2-D)."""
    return {
        k: np.array([[float(v) for v in row] for row in rows]) for k, rows in g.spec.values.items()
    }


def targets(g: Graph) -> set[str]:
    """Inputs used as loss targets: drawn in [0, 1] at random points."""
    out = set()
    for _, tree in g.spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and _is_loss(n.func) and isinstance(n.args[1], ex.Name):
                out.add(n.args[1].id)
            stack.extend(ex.children(n))
    return out


def random_point(
    g: Graph,
    seed: int,
    sizes: Mapping[str, int] | None = None,
    *,
    strict: bool = False,
    first: bool = False,
):
    """Random inputs/parameters inside every operation's domain (and away from kinks),
    optionally at other ``[dims]`` sizes (``full_dims``). When no draw is inside: ``None``
    if ``strict``, else the first draw. ``first``: the first draw as it is (training starts
    there, as the generated lab's ``train`` does)."""
    roles = domain.roles(g.spec.forward, g.spec.one_hot, g.spec.bernoulli)
    tgt = targets(g)  # loss targets without a domain role: uniform in [0, 1), as the lab draws them

    def make(k: int) -> dict[str, np.ndarray]:
        rng = np.random.default_rng(seed if k == 0 else [seed, k])
        spread = 0.5 ** (k // 2)  # later draws closer to 0 when the forward pass blows up
        out = {}
        for name in list(g.spec.inputs) + list(g.spec.params):
            shape = _shape(g, name, sizes)
            role = roles.get(name)
            if name in g.spec.ones:  # np.ones((m, 1)): a constant, not data
                out[name] = np.ones(shape)
            elif name in g.spec.eyes:  # np.eye(n): the identity, at every size
                out[name] = np.eye(shape[0])
            elif name in g.spec.one_hot_columns:  # one example per column (Ng's layout)
                hot = rng.integers(0, shape[0], shape[1])
                out[name] = (np.arange(shape[0])[:, None] == hot[None, :]).astype(np.float64)
            elif name in g.spec.distributions:  # rows summing to 1 (soft labels)
                out[name] = rng.dirichlet(np.ones(shape[1]), size=shape[0])
            elif role == "binary":
                out[name] = rng.integers(0, 2, shape).astype(np.float64)
            elif role == "one-hot":
                hot = rng.integers(0, shape[1], shape[0])
                out[name] = (np.arange(shape[1])[None, :] == hot[:, None]).astype(np.float64)
            elif role == "positive":
                out[name] = rng.uniform(0.1, 2.0, shape)
            elif name in tgt:
                out[name] = rng.uniform(0, 1, shape)
            else:
                out[name] = spread * rng.standard_normal(shape)
        return out

    if first:
        return make(0)

    scal = _scalar_floats(g, sizes)

    def moderate(k: int) -> dict[str, np.ndarray]:
        # a point where the forward pass reaches 1e6 (stacked powers, exp) saturates σ beyond
        # what any precision can follow: treat it as outside the domain and draw again
        pt = make(k)
        ev = domain.Evaluator(g.spec.forward, scal)
        try:
            env = ev.run(pt)
        except domain._Stop:
            return pt
        if (
            max(float(np.max(np.abs(v))) for v in env.values() if v.size) > MAX_RANDOM_VALUE
            or _saturated(g.spec.forward, env)
        ):
            pt = {k2: v * np.nan for k2, v in pt.items()}  # rejected by the domain check
        return pt

    point, _ = domain.find_point(g.spec.forward, scal, moderate, kinks=True, tries=16)
    if point is None:
        point, _ = domain.find_point(g.spec.forward, scal, make, kinks=False, tries=16)
    return point if point is not None or strict else make(0)


def _saturated(forward: Sequence[tuple[str, ex.Node]], env: Mapping[str, np.ndarray]) -> bool:
    """A σ or softmax output that float64 rounds to exactly 0 or 1 (σ(z) for z > 37): a random
    point there tests nothing about the derivation — the chain's 1/(1 − σ) times σ(1 − σ) is
    0 · ∞ in float64 — so it is drawn again (the user's own example values are judged as given:
    a non-finite gradient there is exit 2)."""
    for name, tree in forward:
        for call, v in _squashes(name, tree, env):
            if call.func == "softmax" and v.shape[-1] < 2:
                continue  # one class: softmax is 1 everywhere
            if np.any((v == 0.0) | (v == 1.0)):
                return True
    return False


def _squashes(name: str, tree: ex.Node, env: Mapping[str, np.ndarray]):
    """The σ/softmax calls of a line with their float64 values: the line itself, or (spellings27)
    one inside it of a named tensor, as ``bce(sigmoid(A4), Y, pos_weight=2)`` reads
    ``F.binary_cross_entropy_with_logits(A4, Y, pos_weight=…)`` (fuzz seed 258: σ(132) = 1)."""
    if isinstance(tree, ex.Call) and tree.func in ("sigmoid", "softmax"):
        if env.get(name) is not None:
            yield tree, np.asarray(env[name])
        return
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.Call) and n.func in ("sigmoid", "softmax") and n.args:
            arg = n.args[0]
            if isinstance(arg, ex.Name) and env.get(arg.id) is not None:
                z = np.atleast_2d(np.asarray(env[arg.id], dtype=np.float64))
                f = ops.np_sigmoid if n.func == "sigmoid" else ops.np_softmax
                with np.errstate(all="ignore"):
                    yield n, np.asarray(f(z))
                continue
        stack.extend(ex.children(n))


def _scalar_floats(g: Graph, sizes: Mapping[str, int] | None = None) -> dict[str, float]:
    out = {k: float(v) for k, v in g.spec.dims.items()}
    out.update({k: float(v) for k, v in g.spec.constants.items()})
    out.update({k: float(v) for k, v in (sizes or {}).items()})
    return out


def _shape(g: Graph, name: str, sizes: Mapping[str, int] | None) -> tuple[int, int]:
    shape = g.tensors[name].shape
    if not sizes:
        return (int(shape[0]), int(shape[1]))
    return tuple(spec_resize(d, sizes) for d in shape)  # type: ignore


def scalar_values(g: Graph, sizes: Mapping[str, int] | None = None) -> dict[sp.Symbol, float]:
    out = {s: float(v) for s, v in g.scalar_values.items()}
    for k, v in (sizes or {}).items():
        out[g.scalars[k]] = float(v)
    return out


# ---- ours -----------------------------------------------------------------------------------


def forward_numeric(
    d: Derivation, point: Mapping[str, np.ndarray], sizes=None, zeros=None, matmul=None
):
    """Matrix-form forward pass: every node's value, float64 (``zeros``: entries that are
    exactly 0 in exact arithmetic, see :func:`exact_zeros`; ``matmul``: see :class:`_Products`)."""
    env = dict(point)
    scal = scalar_values(d.graph, sizes)
    for node in d.graph.nodes:
        with np.errstate(all="ignore"):
            value = np.atleast_2d(np.asarray(node.forward.numeric(env, scal, matmul), float))
        if zeros and node.name in zeros:
            value = np.where(zeros[node.name], 0.0, value)
        env[node.name] = value
    return env


def gradients_matrix(
    d: Derivation, point: Mapping[str, np.ndarray], sizes=None, zeros=None, matmul=None
):
    """Matrix-form backward pass (the verified rules), float64: ``({param: gradient}, loss)``
    (``matmul``: see :class:`_Products`)."""
    env = forward_numeric(d, point, sizes, zeros, matmul)
    scal = scalar_values(d.graph, sizes)
    spec = d.graph.spec
    env[spec.gkey(spec.loss)] = np.ones((1, 1))
    for visit in d.backward:
        with np.errstate(all="ignore"):
            value = np.asarray(visit.formula.numeric(env, scal), float)
        env[spec.gkey(visit.name)] = (
            np.broadcast_to(value, env[visit.name].shape).copy()
            if visit.name in env
            else np.atleast_2d(value)
        )
    return {p: env[spec.gkey(p)] for p in spec.params}, loss_numeric(d, point, sizes, matmul)


class _Products:
    """``a @ b`` computed once per pair of operand arrays (by identity) in one training step:
    the matrix-form forward pass and the loss's own forward pass (:func:`loss_numeric`) both
    multiply the same input and weight arrays (relu-mlp's 64×1000 by 1000×100: a third of its
    training's CPU). The one product is the product each would compute — the same NumPy call
    on the same arrays — so the losses are the same numbers. The operands are kept with their
    product, so an id is not reused within the step; no array is changed in place meanwhile."""

    def __init__(self) -> None:
        self.done: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def __call__(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        key = (id(a), id(b))
        hit = self.done.get(key)
        if hit is None:
            hit = self.done[key] = (a, b, a @ b)
        return hit[2]


def gradients_matrix_precise(
    d: Derivation, point: Mapping[str, np.ndarray]
) -> dict[str, np.ndarray] | None:
    """:func:`gradients_matrix` with every number in
    :data:`~derive.engine.tolerance.FD_PRECISE_DPS`-digit arithmetic: the forward values by
    :class:`~derive.numeric.example.Example` (the point's float64 values taken as the exact binary
    numbers they are), the backward pass by the same matrix-form rules (:meth:`mform.MExpr.evaluate`).
    Where float64 loses digits of a gradient (``1/(1 − a)`` at a saturated σ written out) this is
    what the rules give; ``None`` where a value is not a finite real number."""
    g = d.graph
    ex_ = Example(d, point, dps=tol.FD_PRECISE_DPS)
    grads: dict[sp.Basic, Any] = {s: mpmath.mpf(1) for s in g.tensors[g.spec.loss].grads}

    def value(e: sp.Basic) -> Any:
        hit = grads.get(e)
        return hit if hit is not None else as_mpf(ex_.value(e))

    try:
        with mpmath.workdps(tol.FD_PRECISE_DPS):
            for visit in d.backward:
                rows = visit.formula.evaluate(value)
                syms = g.tensors[visit.name].grads
                for i in range(syms.rows):
                    for j in range(syms.cols):
                        r = rows[i if len(rows) > 1 else 0]
                        grads[syms[i, j]] = mpmath.mpf(r[j if len(r) > 1 else 0])
    except (ExampleValueError, ValueError, TypeError, ZeroDivisionError, OverflowError):
        return None
    out = {}
    for p in g.spec.params:
        m = g.tensors[p].grads
        out[p] = np.array([[float(grads[m[i, j]]) for j in range(m.cols)] for i in range(m.rows)])
        if not np.all(np.isfinite(out[p])):
            return None
    return out


def gradients_elementwise(
    d: Derivation, point: Mapping[str, np.ndarray], exact: bool = False, scale: float = 0.0
):
    """The element-wise derivation, lambdified to NumPy node by node (spec sizes only).

    ``exact``: evaluate instead in exact/high-precision arithmetic at the spec's ``[values]``
    (:class:`derive.numeric.example.Example`) — the numbers the walkthrough shows, with kinks decided
    exactly and no float overflow or cancellation (σ(1000) is not 1 there). ``scale``: the scale
    of the comparison these values go to (:func:`compare`'s ``gscale``): the float64 values are
    held to 1 % of its absolute tolerance, :func:`tolerance.exact_atol`."""
    g = d.graph
    if exact:

        ex_ = Example(d)
        return {
            p: np.array(
                [[_to_float(ex_.value(s)) for s in row] for row in g.tensors[p].grads.tolist()]
            )
            for p in g.spec.params
        }
    # float64 with a round-off bound per value; the symbols float64 cannot be trusted with
    # (a saturated σ's 1 − a is 0, so δ = (1 − y)/(1 − a) is inf) in high precision instead,
    # each from the point's exact values (derive.numeric.tape)
    tp = tape.cached(d)
    if tp is None or not tp.grad_index:
        order = [s for n in g.nodes for s in g.tensors[n.name].symbols]
        for visit in [g.loss] + [g.tensors[v.name] for v in d.backward]:
            order += [s for s in visit.grads]
        given = set(g.scalar_values) | {
            s
            for name in list(g.spec.inputs) + list(g.spec.params)
            for s in g.tensors[name].symbols
        }
        outputs = [s for p in g.spec.params for s in g.tensors[p].grads]
        tp = tape.tape_for(d, order, given, outputs)
        # the symbols of each input and parameter, and where each gradient entry is: read
        # once, not at every point (a 32×32 SymPy matrix is slow to index)
        tp.symbols = {
            name: list(g.tensors[name].symbols)
            for name in list(g.spec.inputs) + list(g.spec.params)
        }
        tp.grad_index = {
            p: np.array([[tp.index[s] for s in row] for row in g.tensors[p].grads.tolist()])
            for p in g.spec.params
        }
    values: dict[sp.Basic, Any] = {s: float(v) for s, v in g.scalar_values.items()}
    for name, arr in point.items():
        syms = tp.symbols.get(name) or list(g.tensors[name].symbols)
        for s, v in zip(syms, np.asarray(arr, dtype=np.float64).ravel().tolist(), strict=True):
            values[s] = v
    run = tp.run(d, values, point, tol.exact_atol(scale))
    if run is None:  # not finite at any precision: the comparison fails, it is not dropped
        return {p: np.full(np.shape(point[p]), np.nan) for p in g.spec.params}
    val = run[0]
    return {p: val[idx].astype(np.float64) for p, idx in tp.grad_index.items()}


class _FloatEval:
    """float64 value of a SymPy expression whose symbols all have values (each definition is
    evaluated once, in order, so no recursion through definitions): much cheaper than one
    ``lambdify`` per symbol, which was half of ``verify`` on a 5-layer network."""

    SYMPY = {sp.exp: np.exp, sp.log: np.log, sp.tanh: np.tanh, sp.Abs: np.abs, sp.sign: np.sign}

    def __init__(self, values: dict) -> None:
        self.values = values
        self.ours = dict(ops.sympy_numpy())
        self.cache: dict[sp.Basic, Any] = {}

    def __call__(self, e: sp.Basic) -> Any:
        v = self.values.get(e)
        if v is not None:
            return v
        hit = self.cache.get(e)
        if hit is not None:
            return hit
        if e.is_Rational:
            v = np.float64(e.p) / np.float64(e.q)
        elif e.is_Number:
            v = np.float64(float(e))
        elif e.is_Add:
            # Python floats: the same IEEE double additions and products as np.float64 (in the
            # same order), without NumPy's per-scalar overhead
            t = 0.0
            for a in e.args:
                t += float(self(a))
            v = np.float64(t)
        elif e.is_Mul:
            t = 1.0
            for a in e.args:
                t *= float(self(a))
            v = np.float64(t)
        elif e.is_Pow:
            v = np.power(self(e.args[0]), self(e.args[1]))
        elif e.func in self.SYMPY:
            v = self.SYMPY[e.func](self(e.args[0]))
        elif e.func.__name__ in self.ours:
            v = np.float64(self.ours[e.func.__name__](*(self(a) for a in e.args)))
        else:
            f = sp.lambdify([], e, modules=[self.ours, "numpy"])
            v = np.float64(f())
        self.cache[e] = v
        return v


def _to_float(v) -> float:
    try:
        return float(v)
    except (TypeError, ValueError, OverflowError):
        return math.nan


# ---- PyTorch ----------------------------------------------------------------------------------


def _torch():
    try:
        with forks.collector_paused():  # (its import's objects live as long as the process)
            import torch  # the optional, heavy reference: loaded only when a check needs it
    except ImportError:
        raise catalog.refusal(TorchMissing, catalog.said("refuse.torch_missing")) from None
    return torch


def sizes_at(g: Graph, env: Mapping[str, Any]) -> dict[str, int]:
    """The [dims] sizes of a point, read off its inputs' and parameters' shapes (the example's,
    or [full_dims]'s)."""
    out: dict[str, int] = {}
    for name in (*g.spec.inputs, *g.spec.params):
        if name in env:
            for d, n in zip(g.spec.shape2d(name), tuple(env[name].shape)[-2:], strict=False):
                label = getattr(d, "label", None)
                if label:
                    out[label] = int(n)
    return out


def torch_forward(
    g: Graph, tree: ex.Node, env: dict, bare_loss: bool = False, split_ties: bool = False
):
    """Evaluate ``tree`` with torch ops (so autograd, not our rules, differentiates it).
    ``split_ties`` (heldnets27): a relu read from ``maximum(x, 0)``/``minimum(x, 0)`` is
    evaluated as ``torch.maximum(x, 0)``, whose gradient at a tie is half to each side — the
    code as the user wrote it, not the reading."""
    torch = _torch()
    F = torch.nn.functional
    defs = dict(g.spec.forward)
    leaves = set(g.spec.inputs) | set(g.spec.params)

    at = sizes_at(g, env)  # the [dims] of this point: the example's or [full_dims]'s

    def num(n: ex.Node) -> float:
        if isinstance(n, ex.Num):
            return float(n.value)
        if n.id in at:  # a size used as a number (/ m, - N): at this point's sizes
            return float(at[n.id])
        return float(g.scalar_values[g.scalars[n.id]])

    def run(n: ex.Node):
        if isinstance(n, ex.Num):
            return torch.tensor(float(n.value), dtype=torch.float64)
        if isinstance(n, ex.Name):
            if n.id in g.scalars:
                return torch.tensor(num(n), dtype=torch.float64)
            return env[n.id]
        if isinstance(n, ex.Neg):
            return -run(n.operand)
        if isinstance(n, ex.Transpose):
            return run(n.operand).T
        if isinstance(n, ex.Pow):
            return run(n.base) ** float(n.exponent)
        if isinstance(n, ex.BinOp):
            a, b = run(n.left), run(n.right)
            return {
                "+": torch.add,
                "-": torch.sub,
                "*": torch.mul,
                "/": torch.div,
                "@": torch.matmul,
            }[n.op](a, b)
        assert isinstance(n, ex.Call)
        op = ops.get(n.func)
        if op.kind == ops.CONCAT:
            return torch.cat([run(a) for a in n.args], dim=concat_axis(n))
        if op.kind == ops.SLICE:  # Python's own slicing, at the sizes of this point
            k, lo, hi = slice_span(n, g)
            x = run(n.args[0])
            lo, hi = spec_resize(lo, at), spec_resize(hi, at)
            return x[lo:hi] if k == 0 else x[:, lo:hi]
        if op.kind == ops.RESHAPE:  # PyTorch's own reshape (row-major), at the sizes of this point
            r, c = (spec_resize(k, at) for k in reshape_span(n, g))
            return run(n.args[0]).reshape(r, c)
        if op.kind == ops.CORR2D:  # conv42: PyTorch's own conv2d of one image of one channel
            x, k = (run(a) for a in n.args)
            x, k = (t.reshape(1, -1) if t.ndim < 2 else t for t in (x, k))
            if op.extra.get("flip"):  # a true convolution: the kernel turned by 180°
                k = torch.flip(k, (0, 1))
            stride, extra = ops.corr_opts(n)  # conv43: PyTorch's own stride= and padding=
            pad = ops.corr_pads(bool(op.extra.get("full")), extra, k.shape[0], k.shape[1])
            return torch.nn.functional.conv2d(x[None, None], k[None, None], padding=pad, stride=stride)[0, 0]
        if op.kind == ops.POOL2D:  # conv43: PyTorch's own max_pool2d / avg_pool2d
            x, k = run(n.args[0]), ops.pool_k(n)
            geom = ops.pool_geom(n)  # pool46: padding, ceil_mode, (kh, kw), (sh, sw), count_include_pad
            if not geom.plain or not geom.cip:
                return ops.pool_torch(torch, x, op.extra["what"], geom)
            pool = torch.nn.functional.max_pool2d if op.extra["what"] == "max" else torch.nn.functional.avg_pool2d
            return pool(x[None, None], k, ops.pool_s(n))[0, 0]  # conv44: stride s (k: side by side)
        if op.kind == ops.ROT180:
            x = run(n.args[0])
            return torch.flip(x.reshape(1, -1) if x.ndim < 2 else x, op.extra.get("axes", (0, 1)))
        x = run(n.args[0])
        if split_ties and n.tie and n.func == "relu":
            return torch.maximum(x, torch.zeros_like(x))
        if split_ties and n.tie and n.func == "leaky_relu":  # maximum(k·z, z) as written
            return torch.maximum(x * float(n.args[1].value), x)
        if op.kind == ops.BINARY:  # torch.atan2(y, x): autograd's own two partial derivatives
            return op.torch(*torch.broadcast_tensors(torch.as_tensor(x), torch.as_tensor(run(n.args[1]))))
        if op.kind == ops.ELEMENTWISE:
            return op.torch(x, *(float(p.xreplace(g.scalar_values)) for p in op_params(g, n)))
        if op.kind == ops.ROWWISE:
            return op.torch(x)
        if op.kind == ops.REDUCTION:
            axis = n.kwarg("axis")
            return op.torch(x) if axis is None else op.torch(x, int(axis.value))
        y = run(n.args[1])
        # conv44: a 1 × 1 target against a scalar prediction (a globally pooled map's one value)
        y = y.reshape(x.shape) if y.numel() == x.numel() and y.dim() > x.dim() else y.expand_as(x)
        a0 = n.args[0]
        # σ or softmax named on a line of its own, or inline (F.cross_entropy(Z, Y) on logits)
        src = a0 if isinstance(a0, ex.Call) else defs.get(a0.id) if isinstance(a0, ex.Name) else None
        if (
            isinstance(src, ex.Call)
            and (n.func, src.func) in (("bce", "sigmoid"), ("cross_entropy", "softmax"))
            and not (isinstance(a0, ex.Name) and a0.id in leaves)
        ):
            # the stable form PyTorch recommends (BCEWithLogits, log_softmax): autograd still
            # differentiates it, and it stays finite when σ or softmax saturates in float64
            z = run(src.args[0])
            y = y.expand_as(z)
            if n.func == "bce":
                w = n.kwarg("pos_weight")
                pw = None if w is None else torch.tensor(num(w), dtype=torch.float64)
                return F.binary_cross_entropy_with_logits(z, y, pos_weight=pw)
            return -(y * torch.log_softmax(z, dim=1)).sum() / z.shape[0]
        return op.torch(x, y, *(float(p.xreplace(g.scalar_values)) for p in op_params(g, n)))

    return run(tree)


def gradients_torch(
    g: Graph,
    point: Mapping[str, np.ndarray],
    bare_loss: bool = False,
    zeros: Mapping[str, np.ndarray] | None = None,
    split_ties: bool = False,
):
    """PyTorch autograd gradients of the spec's loss (or of the bare loss function).

    ``zeros``: entries of forward nodes that are exactly 0 at the example values in exact
    arithmetic (a ReLU input ``3·0.1 − 0.3``); they are set to exactly 0 in the float pass too
    (``z − z.detach()``: value 0, derivative unchanged), so PyTorch sees the same side of the
    kink as the derivation."""
    torch = _torch()
    env = {}
    for name, arr in point.items():
        t = torch.tensor(np.asarray(arr), dtype=torch.float64)
        if g.spec.shapes[name] == ():
            t = t.reshape(())
        env[name] = t.requires_grad_(name in g.spec.params)
    out = None
    for name, tree in g.spec.forward:
        if bare_loss and name == g.spec.loss:
            tree = loss_scale_call(tree)[1]  # type: ignore[index]
        out = env[name] = torch_forward(g, tree, env, split_ties=split_ties)
        if zeros and name in zeros:
            mask = torch.tensor(np.asarray(zeros[name]).reshape(tuple(out.shape)))
            out = env[name] = torch.where(mask, out - out.detach(), out)
        if name in g.spec.detached:  # a stop-gradient, as PyTorch runs it
            out = env[name] = out.detach()
    if out.requires_grad:
        out.sum().backward()
    # a parameter the loss reaches only through steps (a sign, a comparison: no graph edge) has
    # no .grad in PyTorch: its gradient is 0, as autograd.grad(..., materialize_grads=True)
    # gives (spellings27: fuzz seed 245, a hinge loss on torch.sign of targets from V)
    return {
        p: np.zeros(np.shape(point[p]))
        if env[p].grad is None
        else env[p].grad.detach().numpy().reshape(np.shape(point[p]))
        for p in g.spec.params
    }


def loss_scale_call(tree: ex.Node) -> tuple[float, ex.Call] | None:
    """``0.5 * mse(O, t)`` → (0.5, mse(O, t)): a scaled PyTorch loss (the factor-2 lesson)."""
    if isinstance(tree, ex.BinOp) and tree.op == "*":
        for c, call in ((tree.left, tree.right), (tree.right, tree.left)):
            if isinstance(c, ex.Num) and isinstance(call, ex.Call) and _is_loss(call.func):
                return float(c.value), call
    return None


# ---- finite differences ---------------------------------------------------------------------


def loss_numeric(
    d: Derivation,
    point: Mapping[str, np.ndarray],
    sizes=None,
    matmul=None,
    fixed: Mapping[str, np.ndarray] | None = None,
) -> float:
    """The loss by the spec's own forward pass in float64 (BCE after σ and cross-entropy after
    softmax from the logits, as PyTorch recommends); ``nan`` outside a domain (``matmul``: see
    :class:`_Products`). ``fixed``: forward nodes' values taken as they are instead of computed
    (:func:`_fixed_nodes`: the same numbers, from a point that differs only where they do not
    depend on)."""
    ev = domain.Evaluator(d.graph.spec.forward, _scalar_floats(d.graph, sizes), matmul=matmul)
    if fixed:  # (the evaluator keeps every definition: the fused losses look them up)
        ev.forward = tuple((k, tree) for k, tree in ev.forward if k not in fixed)
        point = {**point, **fixed}
    try:
        env = ev.run(point)
    except domain._Stop:
        return math.nan
    return float(env[d.graph.spec.loss][0, 0])


def _forward_values(
    d: Derivation, point: Mapping[str, np.ndarray], sizes=None
) -> dict[str, np.ndarray] | None:
    """Every forward node's float64 value at ``point``, as :func:`loss_numeric` computes them;
    ``None`` outside a domain."""
    ev = domain.Evaluator(d.graph.spec.forward, _scalar_floats(d.graph, sizes))
    try:
        env = ev.run(point)
    except domain._Stop:
        return None
    return {k: env[k] for k, _ in d.graph.spec.forward}


def _fixed_nodes(
    d: Derivation, p: str, values: Mapping[str, np.ndarray] | None
) -> dict[str, np.ndarray]:
    """The forward nodes whose value does not depend on parameter ``p`` (not through any
    node), with their ``values``: moving ``p`` leaves them as they are — the same NumPy calls
    on the same arrays — so a finite difference of ``p`` need not compute them again
    (relu-mlp at full size: ``x @ w1``, 64 × 1000 by 1000 × 100, for each move of ``w2``)."""
    if values is None:
        return {}
    moved = d.graph.spec.moved_by({p})  # a detached node stays at its value: frozen
    return {k: values[k] for k, _ in d.graph.spec.forward if k not in moved}


def _forward_scale(d: Derivation, point, sizes=None) -> float:
    """The largest |value| in the forward pass (bounds the round-off of the loss)."""
    ev = domain.Evaluator(d.graph.spec.forward, _scalar_floats(d.graph, sizes))
    try:
        env = ev.run(point)
    except domain._Stop:
        return math.inf
    return max(float(np.max(np.abs(v))) if v.size else 0.0 for v in env.values())


def gradients_fd(d: Derivation, point: Mapping[str, np.ndarray], sizes=None, seed: int = 0):
    """Central differences; for tensors with more than :data:`FD_SAMPLE` entries, a
    deterministic sample of entries (``nan`` elsewhere)."""
    rng = random.Random(seed)
    out = {}
    values = _forward_values(d, point, sizes)
    for p in d.graph.spec.params:
        fixed = _fixed_nodes(d, p, values)
        base = np.asarray(point[p], float)
        grad = np.full(base.shape, np.nan)
        idx: Sequence[tuple[int, ...]] = _Entries(base.shape)
        if len(idx) > FD_SAMPLE:
            idx = rng.sample(idx, FD_SAMPLE)
        for i in idx:
            vals = []
            for sign in (1, -1):
                moved = base.copy()
                moved[i] += sign * EPS
                vals.append(loss_numeric(d, {**point, p: moved}, sizes, fixed=fixed))
            grad[i] = (vals[0] - vals[1]) / (2 * EPS)
        out[p] = grad
    return out


class _Entries(Sequence):
    """``list(np.ndindex(shape))`` without making the list (a full-size layer has 10⁵ entries
    of which :func:`gradients_fd` samples a few): the same indices in the same order, so
    ``random.sample`` picks the same ones."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = tuple(int(n) for n in shape)
        self.size = math.prod(self.shape)

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, j):  # type: ignore[override]
        if isinstance(j, slice):
            return [self[k] for k in range(*j.indices(self.size))]
        if j < 0:
            j += self.size
        if not 0 <= j < self.size:
            raise IndexError(j)
        out = []
        for n in reversed(self.shape):
            j, r = divmod(j, n)
            out.append(r)
        return tuple(reversed(out))


def precise_fd(
    d: Derivation, point: Mapping[str, np.ndarray], p: str, i: tuple[int, ...]
) -> float | None:
    """The central difference of one entry with the forward pass in
    :data:`~derive.engine.tolerance.FD_PRECISE_DPS`-digit arithmetic (the derivation's definitions of
    the forward nodes, evaluated by :class:`~derive.numeric.example.Example`, which adds digits
    where a value saturates), with step :data:`~derive.engine.tolerance.FD_PRECISE_STEP`.

    float64 finite differences judge a gradient only where the float64 loss keeps its digits:
    where it is computed through a cancellation (``log(1 − σ(z))`` for σ written out, at
    saturation ``1 − σ`` is a multiple of 2⁻⁵³), the loss is a staircase and its central
    difference is noise of any size. With 60 digits the round-off of the difference is
    ≈ 10⁻⁶⁰·κ·|L|/h (κ: the cancellation's loss, 10¹⁴ for 1 − σ(32)) and its truncation ≈ h²·|L'''|/6, both far below the tolerance. ``None`` where
    the high-precision loss is not a finite real number (outside a domain)."""
    g = d.graph
    loss = g.tensors[g.spec.loss].symbols[0, 0]
    target = g.tensors[p].symbols[i]
    moved = []
    with mpmath.workdps(tol.FD_PRECISE_DPS + 10):
        base = mpmath.mpf(float(np.asarray(point[p], float)[i]))
        h = mpmath.mpf(tol.FD_PRECISE_STEP)
        frozen = {}  # a stop-gradient's entries stay at their values at ``point``
        if g.spec.detached:
            here = Example(d, point, dps=tol.FD_PRECISE_DPS)
            try:
                for k in g.spec.detached:
                    frozen.update({s: here.value(s) for s in g.tensors[k].symbols})
            except (ExampleValueError, ValueError, TypeError, ZeroDivisionError, OverflowError):
                return None
        for sign in (1, -1):
            ex_ = Example(d, point, dps=tol.FD_PRECISE_DPS)
            ex_.values.update(frozen)
            ex_._given.update(frozen)
            ex_.values[target] = ex_._given[target] = base + sign * h
            try:
                moved.append(as_mpf(ex_.value(loss)))
            except (ExampleValueError, ValueError, TypeError, ZeroDivisionError, OverflowError):
                return None
        v = (moved[0] - moved[1]) / (2 * h)
    out = float(v)
    return out if math.isfinite(out) else None


def fd_sampled(d: Derivation, point: Mapping[str, np.ndarray], seed: int = 0):
    """Which entries :func:`gradients_fd` samples (the same deterministic choice)."""
    rng = random.Random(seed)
    out = {}
    for p in d.graph.spec.params:
        shape = np.shape(point[p])
        mask = np.zeros(shape, bool)
        idx: Sequence[tuple[int, ...]] = _Entries(shape)
        if len(idx) > FD_SAMPLE:
            idx = rng.sample(idx, FD_SAMPLE)
        for i in idx:
            mask[i] = True
        out[p] = mask
    return out


# ---- comparison -------------------------------------------------------------------------------


def difference(a: np.ndarray, b: np.ndarray, mask: np.ndarray | None = None) -> tuple[float, float]:
    """(max abs, rel) over the compared entries (``mask``; default all); ``inf`` when an
    entry of either side is not finite — never dropped. ``rel`` is the largest difference over
    the tensor's largest entry (either side): an entry that is 0 on one side and round-off on
    the other (tanh(0) in a product) does not show as a relative difference of 1."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    mask = np.ones(np.broadcast_shapes(a.shape, b.shape), bool) if mask is None else mask
    if not mask.any():
        return (0.0, 0.0)
    a, b = np.broadcast_to(a, mask.shape)[mask], np.broadcast_to(b, mask.shape)[mask]
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return (math.inf, math.inf)
    diff = np.abs(a - b)
    scale = float(np.maximum(np.abs(a), np.abs(b)).max())
    return float(diff.max()), float(diff.max() / scale) if scale > 0 else 0.0


def agrees(
    a: np.ndarray, b: np.ndarray, kind: str, loss: float = 0.0, scale: float = 0.0
) -> np.ndarray:
    """Entry by entry: ``|a − b| ≤ atol + rtol·|b|`` and both finite; for finite differences
    ``atol`` also covers the round-off of the differenced loss
    (:func:`derive.engine.tolerance.fd_atol`)."""
    rtol, _ = TOL[kind]
    atol = tol.fd_atol(loss, scale) if kind == "fd" else tol.exact_atol(scale)
    a, b = np.broadcast_arrays(np.asarray(a, float), np.asarray(b, float))
    with np.errstate(invalid="ignore"):
        return np.isfinite(a) & np.isfinite(b) & (np.abs(a - b) <= atol + rtol * np.abs(b))


def within(
    a: np.ndarray,
    b: np.ndarray,
    kind: str,
    loss: float = 0.0,
    mask: np.ndarray | None = None,
    scale: float = 0.0,
) -> bool:
    """:func:`agrees` on every compared entry (``mask``; default all)."""
    ok = agrees(a, b, kind, loss, scale)
    return bool(np.all(ok if mask is None else np.broadcast_to(ok, mask.shape)[mask]))


def _first_bad(a: np.ndarray) -> tuple[tuple[int, ...], float] | None:
    bad = ~np.isfinite(np.asarray(a, float))
    if not bad.any():
        return None
    i = tuple(int(k) for k in np.argwhere(bad)[0])
    return i, float(np.asarray(a, float)[i])


def compare(
    d: Derivation,
    point,
    label: str,
    *,
    sizes=None,
    use_torch=True,
    elementwise=True,
    exact: bool = False,
    zeros: Mapping[str, np.ndarray] | None = None,
    reference: tuple[str, dict[str, np.ndarray]] | None = None,
) -> list[Comparison]:
    """Compare ours (matrix form) with PyTorch, finite differences and the element-wise
    derivation at ``point``. ``exact``: this is the example point (element-wise values in
    exact arithmetic; ``zeros`` are its exact zeros)."""
    ours, loss = gradients_matrix(d, point, sizes, zeros=zeros)
    fd = gradients_fd(d, point, sizes)
    sampled = fd_sampled(d, point)
    # only a kink some parameter moves: one of data alone (SCE's clamp of one-hot labels at its
    # bound 1) is where it is at w ± EPS too, and the central differences are sound
    kink = at_kink(d, point, sizes, zeros=zeros, moving=_moved(d))
    scale = _forward_scale(d, point, sizes)
    given = dict([reference]) if reference is not None else {}  # already computed for the point
    tt = given.get("torch") or (gradients_torch(d.graph, point, zeros=zeros) if use_torch else None)
    # exact element-wise numbers at the example for walkthrough-sized graphs (they are the
    # walkthrough's numbers); larger ones in float64, high precision only where that overflows
    small = sum(np.size(point[p]) for p in d.graph.spec.params) <= EXACT_ELEMENTWISE_MAX
    finite = [np.max(np.abs(v)) for v in ours.values() if v.size and np.all(np.isfinite(v))]
    gscale = max([scale if math.isfinite(scale) else 0.0, *finite])
    ew = given.get("elementwise") or (
        gradients_elementwise(d, point, exact=exact and small, scale=gscale)
        if elementwise
        else None
    )
    out = []
    precise_ours: list[dict[str, np.ndarray] | None] = []  # computed once, when needed
    for p in d.graph.spec.params:
        problem, problem_args = "", ()
        # a step that leaves a domain (the loss at w ± EPS is not finite, while at w it is):
        # no central difference there, said in the report
        edge = sampled[p] & ~np.isfinite(fd[p]) if math.isfinite(loss) else sampled[p] & False
        sampled[p] = sampled[p] & ~edge
        precise: list[tuple[int, ...]] = []
        exact_here = not kink and sizes is None and math.isfinite(loss)

        def fd_again(mine: np.ndarray) -> None:
            # entries where float64's central difference disagrees: taken again in high
            # precision, where its round-off cannot reach the tolerance (precise_fd); a wrong
            # gradient disagrees with that one as well
            todo = sampled[p] & ~agrees(mine, fd[p], "fd", loss, scale)
            for i in map(tuple, np.argwhere(todo)):
                i = tuple(int(k) for k in i)
                if i not in precise and (v := precise_fd(d, point, p, i)) is not None:
                    fd[p][i] = v
                    precise.append(i)

        if exact_here:
            fd_again(ours[p])
        # at a kink the one-sided slopes differ and a central difference straddles them; the
        # exact comparisons (PyTorch, element-wise) still decide
        fd_ok = kink or within(ours[p], fd[p], "fd", loss, sampled[p], scale)
        ew_ok = ew is None or within(ew[p], ours[p], "elementwise", scale=gscale)
        mine, lost = ours[p], False
        if (
            not (fd_ok and ew_ok)
            and exact_here
            and tt is not None
            and within(ours[p], tt[p], "torch", scale=gscale)
        ):
            # float64 may have lost the digits of our gradient itself: PyTorch's float64 agrees
            # (both round the same 1 − σ), so the float64 arithmetic of the rules is PyTorch's;
            # the same rules in high precision must then agree with the high-precision
            # differences and the element-wise derivation
            if not precise_ours:
                precise_ours.append(gradients_matrix_precise(d, point))
            hp = precise_ours[0]
            if hp is not None:
                fd_again(hp[p])
                if within(hp[p], fd[p], "fd", loss, sampled[p], scale) and (
                    ew is None or within(ew[p], hp[p], "elementwise", scale=gscale)
                ):
                    mine, lost, fd_ok, ew_ok = hp[p], True, True, True
        ok = fd_ok and ew_ok
        vt = None
        if tt is not None:
            vt = difference(ours[p], tt[p])
            ok = ok and within(ours[p], tt[p], "torch", scale=gscale)
        ve = None if ew is None else difference(ew[p], mine)
        for side, arr in (
            ("ours", ours[p]),
            ("PyTorch", None if tt is None else tt[p]),
            ("element-wise", None if ew is None else ew[p]),
            ("finite differences", None if kink else np.where(sampled[p], fd[p], 0)),
        ):
            bad = None if arr is None else _first_bad(arr)
            if bad is not None:
                ok = False
                if not problem:
                    problem = f"{side} ∂L/∂{p}{list(bad[0])} = {bad[1]} is not finite"
                    problem_args = (side, f"{p}{list(bad[0])}", str(bad[1]))
        fd_diff = difference(mine, fd[p], sampled[p])
        where = tuple(tuple(int(k) for k in i) for i in np.argwhere(edge))
        out.append(
            Comparison(
                p,
                label,
                vt,
                fd_diff,
                ve,
                ok,
                kink,
                problem,
                where,
                tuple(sorted(precise)),
                lost,
                problem_args if problem else (),
            )
        )
    return out


def kink_inputs(
    d: Derivation, point, sizes=None, moving: frozenset[str] | None = None
) -> list[tuple[str, np.ndarray]]:
    """``(assignment, input values)`` of every ReLU/leaky-ReLU/abs call at ``point``; for a max
    mask, the gap between each row's two largest entries (0 at a tie, where the max has no
    derivative and PyTorch's convention decides: a kink for the finite differences).
    ``moving``: only calls whose argument uses one of these names (what a step of a parameter
    moves; a mask ``tril == 0`` of an input stays where it is)."""
    found: list[tuple[str, np.ndarray]] = []
    # a stop-gradient line is held at its value by the finite differences (and no gradient
    # flows through it): a kink inside it is none of theirs (gaussian_nll_loss's floor of var)
    held = frozenset(d.graph.spec.detached)

    class _Spy(domain.Evaluator):
        def call(self, n: ex.Call):
            jump = ops.get(n.func).extra.get("jump") if n.func in ops.OPS else None
            if jump is not None:  # atan2's cut and origin, where either argument moves
                if moving is None or any(set(ex.names(k)) & moving for k in n.args):
                    a, b = (np.asarray(self.ev(k), float) for k in n.args[:2])
                    found.append((self.node, jump(*np.broadcast_arrays(a, b))))
            elif moving is not None and not (n.args and set(ex.names(n.args[0])) & moving):
                pass  # a kink no parameter moves: finite differences do not straddle it
            elif self.node in held:
                pass
            elif n.func in kinked():
                found.append((self.node, np.asarray(self.ev(n.args[0]), float)))
            elif n.func in ops.OPS and ops.get(n.func).kind == ops.ROWWISE:
                if ops.get(n.func).extra.get("constant"):
                    x = np.asarray(self.ev(n.args[0]), float)
                    if x.shape[1] > 1:
                        top2 = np.sort(x, axis=1)[:, -2:]
                        found.append((self.node, top2[:, 1] - top2[:, 0]))
            return super().call(n)

    try:
        _Spy(d.graph.spec.forward, _scalar_floats(d.graph, sizes)).run(point)
    except domain._Stop:
        pass
    return found


def _moved(d: Derivation) -> frozenset[str]:
    """The parameters and every [forward] node that depends on one."""
    moved = set(d.graph.spec.params)
    for key, node in d.graph.spec.forward:
        if set(ex.names(node)) & moved:
            moved.add(key)
    return frozenset(moved)


def at_kink(
    d: Derivation,
    point,
    sizes=None,
    zeros: Mapping[str, np.ndarray] | None = None,
    moving: frozenset[str] | None = None,
):
    """Whether some ReLU/leaky-ReLU/abs input is within :data:`tolerance.KINK_BAND` of 0 at
    ``point`` (or exactly 0 in exact arithmetic: ``zeros``); ``moving``: see
    :func:`kink_inputs`."""
    if zeros and any(np.any(m) for k, m in zeros.items() if moving is None or k in moving):
        return True
    kinks = kink_inputs(d, point, sizes, moving)
    return any(np.any(np.abs(x) < tol.KINK_BAND) for _, x in kinks)


# what the spelling that a tie-marked call came from gives at its tie, and what to write instead
_TIES = {
    "maximum": (
        "maximum(x, 0)",
        "relu(x)",
        catalog.said("refuse.tie_maximum"),
        "torch.clamp(x, min=0)",
    ),
    "minimum": (
        "minimum(x, 0)",
        "-relu(-x)",
        catalog.said("refuse.tie_minimum"),
        "torch.clamp(x, max=0)",
    ),
    "maximum_leaky": (
        "maximum(k * x, x)",
        "leaky_relu(x, k)",
        catalog.said("refuse.tie_maximum"),
        "",
    ),
}


def spelled_ties(d: Derivation, point, zeros: Mapping[str, np.ndarray] | None = None) -> None:
    """Refuse (exit 2) given values exactly at the tie of a spelling whose convention there is
    not the one derive reads it with: ``np.maximum(0, z)`` is read as ``relu(z)`` (gradient 0 at
    z = 0, and the walkthrough teaches ReLU), but ``torch.maximum``/``np.maximum`` split a tie,
    half to each side, so at z = 0 the code the user wrote has another gradient. Drawn values
    never land there (they avoid kinks); only given ones can. Also a clamp's input at a bound
    that float64 rounding moves (:func:`rounded_bounds`)."""
    rounded_bounds(d, point)
    g = d.graph
    defs = dict(g.spec.forward)
    given = set(g.spec.inputs) | set(g.spec.params)
    given -= set(g.spec.generated)

    def leaves(n: ex.Node, seen: set[str]) -> set[str]:
        out: set[str] = set()
        for name in ex.names(n):
            if name in defs and name not in seen:
                seen.add(name)
                out |= leaves(defs[name], seen)
            elif name not in defs:
                out.add(name)
        return out

    # only where the tie's input reads values the user gave: drawn values reach an exact 0 only
    # through a flat region (relu, softshrink, a clamp: 0 times anything), where the input is 0
    # nearby too and the convention cannot change a parameter's gradient
    marked = [
        (name, n)
        for name, tree in g.spec.forward
        for n in _walk(tree)
        if isinstance(n, ex.Call) and n.tie in _TIES and leaves(n.args[0], set()) & given
    ]
    if not marked:
        return
    hits: list[tuple[str, ex.Call, tuple[int, ...]]] = []
    calls = {id(n) for _, n in marked}

    class _Spy(domain.Evaluator):
        def call(self, n: ex.Call):
            if id(n) in calls:
                x = np.atleast_2d(np.asarray(self.ev(n.args[0]), float))
                arg = _unneg(n.args[0])
                exact = None
                if zeros and isinstance(arg, ex.Name) and arg.id in zeros:
                    exact = zeros[arg.id]
                at = x == 0 if exact is None else (x == 0) | np.broadcast_to(exact, x.shape)
                if at.any():
                    hits.append((self.node, n, tuple(int(i) for i in np.argwhere(at)[0])))
            return super().call(n)

    try:
        _Spy(g.spec.forward, _scalar_floats(g)).run(point)
    except domain._Stop:
        return  # a domain problem: reported by the finite-values check with its own message
    if not hits:
        return
    if _ties_change_nothing_hn27(g, point, zeros):
        return  # every gradient the same under either convention (a tie times a zero input)
    node, call, entry = hits[0]
    written, fix, theirs, clamp = _TIES[call.tie]
    sentence = catalog.said(
        "refuse.tie_leaky" if call.func == "leaky_relu" else "refuse.tie",
        node=node,
        written=written,
        entry=list(entry),
        fix=fix,
        theirs=theirs,
        clamp=clamp,
    )
    raise _refused(g, sentence)


def _ties_change_nothing_hn27(g: Graph, point, zeros) -> bool:
    """heldnets27: PyTorch autograd gives exactly the same gradient of every parameter at
    ``point`` whether the ties of ``maximum(x, 0)`` get relu's 0 (derive's reading) or half
    (torch.maximum/np.maximum as written) — AlexNet's np.maximum(0, X @ W) with a given row of
    zeros in X: the half reaches W only times those zeros. Then the code as written and the
    reading agree here, and nothing needs refusing. False when torch is missing or fails."""
    try:
        ours = gradients_torch(g, point, zeros=zeros)
        theirs = gradients_torch(g, point, zeros=zeros, split_ties=True)
    except Exception:  # noqa: BLE001 — no torch, or a forward torch cannot run: refuse as before
        return False
    return all(np.array_equal(ours[p], theirs[p]) for p in ours)


def _clamp_bounds(n: ex.Node) -> tuple[ex.Node, float, float] | None:
    """``(x, lo, hi)`` when ``n`` is the outer max of a two-sided clamp as the spelling reads
    ``np.clip``/``torch.clamp``/``F.hardtanh`` (``domains.clamp_bounds``, lo = 0 included), its
    bounds written as numbers; else ``None``."""
    found = domain.clamp_bounds(n, plain_low=True)
    if found is None or not all(isinstance(b, ex.Num) for b in found[1:3]):
        return None
    x, lo, hi, _ = found
    return x, float(lo.value), float(hi.value)  # type: ignore[attr-defined]


def rounded_bounds(d: Derivation, point) -> None:
    """Refuse (exit 2) given values where a two-sided clamp's input is at (or within one
    rounding of) its upper bound and the float64 reading passes the gradient there where PyTorch
    does not, or the other way round. The spelling reads ``clip(x, lo, hi)`` exactly as ``hi − F(hi − (lo + F(x −
    lo)))``, but in float64 ``lo + (x − lo)`` need not be x (−0.3 + 0.7 is 0.39999999999999997):
    with x exactly 0.4 = hi, PyTorch's hardtanh compares x with hi (a tie: gradient 0) while
    the reading sees x below hi (gradient 1), and the exact element-wise derivation agrees
    with neither float side. Drawn values never land on a bound; only given ones can."""
    g = d.graph
    if not any(_clamp_bounds(n) for _, tree in g.spec.forward for n in _walk(tree)):
        return
    if not (set(g.spec.inputs) | set(g.spec.params)) - set(g.spec.generated):
        return  # drawn values only: they avoid bounds (a flat region's exact bound moves nothing)
    hits: list[tuple[str, tuple[int, ...], float, float]] = []

    class _Spy(domain.Evaluator):
        def call(self, n: ex.Call):
            found = _clamp_bounds(n)
            if found is not None:
                x = np.atleast_2d(np.asarray(self.ev(found[0]), float))
                lo, hi = found[1], found[2]
                read = np.atleast_2d(np.asarray(self.ev(n.args[0]), float))
                direct = hi - np.maximum(x, lo)  # PyTorch's comparison with the bound (exact sign)
                if n.func == "relu":  # the gradient passes: relu where > 0, clamp0 where ≥ 0
                    bad = (np.broadcast_to(read, x.shape) > 0) != (direct > 0)
                else:
                    bad = (np.broadcast_to(read, x.shape) >= 0) != (direct >= 0)
                if lo < hi and bad.any():
                    at = tuple(int(i) for i in np.argwhere(bad)[0])
                    hits.append((self.node, at, float(x[at]), hi))
            return super().call(n)

    try:
        _Spy(g.spec.forward, _scalar_floats(g)).run(point)
    except domain._Stop:
        return  # a domain problem: reported by the finite-values check with its own message
    if not hits:
        return
    node, entry, x, hi = hits[0]
    sentence = catalog.said("refuse.rounded_bound", node=node, x=repr(x), entry=list(entry), hi=repr(hi))
    raise _refused(g, sentence)


def filled_targets(d: Derivation, point) -> None:
    """Refuse (exit 2) PyTorch's ``F.cross_entropy`` of logits filled with ``-inf``
    (``masked_fill(…, float('-inf'))``, read as :data:`spelling.MASK_FILL`, whose softmax gives
    the same exact 0s) where PyTorch's own value is not finite: against probability targets (a
    float tensor, one-hot rows too) it computes ``Σ y·log_softmax`` with ``0·(−inf)`` = NaN in
    every row that has a filled entry, and against class indices a filled true class gives
    ``−log 0`` = inf. derive's finite reading would verify a number the code as written never
    gives. Class-index targets elsewhere are finite in PyTorch too (read as derive reads them)."""
    g = d.graph
    labels = set(g.spec.class_labels)
    hits: list[tuple[str, tuple[int, int], bool | None]] = []
    # a log_softmax in a product with class-index labels picks the true class (PyTorch's gather);
    # any other (label smoothing's mean over every class) reads the filled entries: −inf there
    picked: set[int] = set()

    def factors(n: ex.Node) -> list[ex.Node]:
        if isinstance(n, ex.BinOp) and n.op == "*":
            return factors(n.left) + factors(n.right)
        return [n]

    for _, tree in g.spec.forward:
        for n in _walk(tree):
            fs = factors(n) if isinstance(n, ex.BinOp) and n.op == "*" else []
            if any(isinstance(f, ex.Name) and f.id in labels for f in fs):
                picked.update(id(f) for f in fs if isinstance(f, ex.Call))

    class _Spy(domain.Evaluator):
        def call(self, n: ex.Call):
            if n.func == "log_softmax" and id(n) not in picked:
                z = np.atleast_2d(self.ev(n.args[0]))
                if (z == spelling.MASK_FILL).any():
                    i, j = (int(k) for k in np.argwhere(z == spelling.MASK_FILL)[0])
                    hits.append((self.node, (i, j), None))
            return super().call(n)

        def fused(self, n: ex.Call):
            out = super().fused(n)
            if out is not None and n.func == "cross_entropy":
                src = n.args[0]
                src = src if isinstance(src, ex.Call) else self.defs.get(src.id)  # type: ignore[union-attr]
                z = np.atleast_2d(self.ev(src.args[0]))  # type: ignore[union-attr]
                filled = z == spelling.MASK_FILL
                if filled.any():
                    y = np.broadcast_to(self.ev(n.args[1]), z.shape)
                    target = n.args[1]
                    index = isinstance(target, ex.Name) and target.id in labels
                    bad = filled & (y != 0) if index else filled
                    if bad.any():
                        i, j = (int(k) for k in np.argwhere(bad)[0])
                        hits.append((self.node, (i, j), index))
            return out

    try:
        _Spy(g.spec.forward, _scalar_floats(g)).run(point)
    except domain._Stop:
        return
    if not hits:
        return
    node, entry, index = hits[0]
    why = catalog.said(
        "refuse.filled_smoothing"
        if index is None
        else "refuse.filled_true_class"
        if index
        else "refuse.filled_probabilities"
    )
    key = "refuse.filled_indices" if index is False else "refuse.filled"
    raise _refused(g, catalog.said(key, node=node, entry=list(entry), why=why))


def _sides_of_a_kink(g: Graph, example: list[Comparison]) -> None:
    """Refuse (exit 2) example values at a kink where the exact derivation and float64 take
    different sides of it: ours (float64) equals PyTorch's gradient there, the exact element-wise
    derivation does not. A tie under a max or min that holds exactly but not in float64 (rows
    made equal by a dead ReLU layer, then shifted by rounding) is the case: PyTorch's argmin
    picks the row float64 makes smallest, the derivation the first of the exactly tied ones —
    both subgradients, and the handout would show another gradient than PyTorch computes.
    Float64 itself may break such a tie two ways (NumPy's matrix products and PyTorch's sum in
    other orders: fuzz seed 500069, a row max tied exactly at 0.5, three different gradients,
    each a subgradient): the exact derivation apart from the float code is the case then too,
    and so is PyTorch alone apart from both (seed 500308: its argmax takes the other of two
    entries tied exactly). (Only the example point: the other points still compare all four.)"""
    for c in example:
        if not (c.kink and not c.ok and not c.problem):
            continue
        ew = c.elementwise_vs_matrix
        torch_off = c.ours_vs_torch is not None and min(c.ours_vs_torch) > 1e-6
        if ew is not None and ew[0] > 1e-6 or torch_off:
            raise _refused(g, catalog.said("refuse.kink_sides", param=c.param))


def _refused(g: Graph, sentence: catalog.Said) -> ExampleValueError:
    """The exit-2 refusal of the example values of ``g``'s spec: ``source: sentence``."""
    return catalog.refusal(lambda m: ExampleValueError(f"{g.spec.source}: {m}"), sentence)


def _walk(n: ex.Node):
    yield n
    for c in ex.children(n):
        yield from _walk(c)


def _unneg(n: ex.Node) -> ex.Node:
    return n.operand if isinstance(n, ex.Neg) else n


def _unshift(n: ex.Node) -> str | None:
    """The node name ``z`` of a kink's input ``±z`` or ``±z ± c`` (c a number), else None."""
    n = _unneg(n)
    if isinstance(n, ex.BinOp) and n.op in "+-":
        if isinstance(n.right, ex.Num):
            n = _unneg(n.left)
        elif isinstance(n.left, ex.Num):
            n = _unneg(n.right)
    return n.id if isinstance(n, ex.Name) else None


def exact_zeros(d: Derivation) -> dict[str, np.ndarray]:
    """Entries of forward nodes read by ReLU/leaky-ReLU/abs that are exactly 0 at the example
    values in exact arithmetic (whatever float64 makes of them): ``{node: mask}``."""

    g = d.graph
    names = set()
    for _, tree in g.spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and n.func in kinked():
                # relu(z), and relu_grad(-z): where(z < 0, …) compares a named z with 0 too;
                # clamp0(z − lo) of a clip (np.clip(z, −1, 0) has its upper kink at z = 0)
                name = _unshift(n.args[0])
                if name is not None and name in dict(g.spec.forward):
                    names.add(name)
            stack.extend(ex.children(n))
    if not names:
        return {}
    # only entries that are ~0 in float64 can be exactly 0: evaluate just those exactly
    env = forward_numeric(d, example_point(g))
    example = None
    out = {}
    for name in sorted(names):
        t = g.tensors[name]
        near = np.abs(env[name]) < 1e-9 * max(1.0, float(np.max(np.abs(env[name]))))
        mask = np.zeros(near.shape, bool)
        for i, j in zip(*np.nonzero(near), strict=True):
            example = example or Example(d)
            mask[i, j] = example.value(t.symbols[i, j]) == 0
        if mask.any():
            out[name] = mask
    return out


def inline_kinks_at_zero(d: Derivation, zeros: Mapping[str, np.ndarray] | None = None) -> None:
    """Refuse (exit 2) an example where the input of a ReLU/leaky-ReLU/abs written inline
    (``relu(w * x + b)``) is exactly 0 in exact arithmetic but not in float64 (3·0.1 − 0.3 is
    5.6e-17): the walkthrough's exact numbers take the kink's convention there, float code and
    PyTorch the other side, and an unnamed input cannot be set to its exact value as a named
    node is (:func:`exact_zeros`). The message says how to name it."""
    g = d.graph
    def nodes(n: ex.Node):
        yield n
        for c in ex.children(n):
            yield from nodes(c)

    inline = [
        name
        for name, tree in g.spec.forward
        if any(
            isinstance(n, ex.Call) and n.func in kinked() and not isinstance(n.args[0], ex.Name)
            for n in nodes(tree)
        )
    ]
    if not inline:
        return
    classes = tuple(
        c for c in (ops.get(f).sympy_class for f in kinked()) if isinstance(c, type)
    )
    ev = _example_floats(d, zeros)
    blas = _matrix_kink_inputs(d, inline, zeros)
    example = None
    with np.errstate(all="ignore"):
        for node in g.nodes:
            if node.name not in inline:
                continue
            cols = node.definition.cols
            for k, e in enumerate(node.definition):
                near = {}  # only these are decided exactly (and sorted: which one is named)
                tiny = blas.get((node.name, *divmod(k, cols)), blas.get((node.name, -1, -1)))
                for call in _atoms(e, classes):
                    arg = call.args[0]
                    if not arg.is_Symbol:
                        fv = float(ev(arg))
                        if fv == 0 and tiny is not None and not _same_side(call, tiny):
                            fv = tiny  # 0 entry by entry, not in the matrix product's float64
                        if fv != 0 and abs(fv) < 1e-9:
                            near[call] = fv
                for call in sorted(near, key=sp.default_sort_key):
                    arg, fv = call.args[0], near[call]
                    example = example or Example(d)
                    if example.value(arg) == 0 and call.func.__name__ == "relu_grad":
                        raise _refused(  # a comparison: where(l < r, …), (Z > 0)
                            g,
                            catalog.said(
                                "refuse.comparison", node=node.name, gap=f"{abs(fv):.1e}"
                            ),
                        )
                    if example.value(arg) == 0 and not _stationary(g, example, call):
                        raise _refused(g, _kink_sentence(g, node.name, call, fv))


def _same_side(call: sp.Basic, fv: float) -> bool:
    """Whether the function ``call`` has at ``fv`` the derivative it has at its kink 0 (its
    convention there): clamp's 1 at 0 is its slope just above 0, relu's 0 its slope below."""
    x = sp.Dummy("x")
    try:
        der = sp.diff(call.func(x, *call.args[1:]), x)
        at0, there = der.subs(x, 0), der.subs(x, sp.Float(fv))
    except (TypeError, ValueError):
        return False
    return bool(at0.is_number and there.is_number and at0 == there)


def _matrix_kink_inputs(
    d: Derivation, inline: list[str], zeros: Mapping[str, np.ndarray] | None
) -> dict[tuple[str, int, int], float]:
    """``{(node, i, j): value}`` where the input of a kinked function written inline, computed
    as the matrix-form check computes it (NumPy's matrix product, whose BLAS may fuse a
    multiply and an add), is within 10⁻⁹ of 0 but not 0 at the example: ``X @ W`` with rows
    (−1.5, 0.75) and (0.3, 0.6) is exactly 0, and 0 entry by entry in float64, but 2.8e-17 in
    OpenBLAS's product. Those entries are then decided exactly as the others are."""
    g = d.graph
    names = set(kinked())
    env = forward_numeric(d, example_point(g), zeros=zeros)
    scal = scalar_values(g)
    out: dict[tuple[str, int, int], float] = {}

    def funcs(e: Any):
        if type(e).__name__ == "Func" and getattr(e, "name", None) in names:
            yield e
        for v in (*vars(e).values(), *getattr(e, "terms", ())):
            # a call's arguments are a tuple (sum(abs(x @ W)): the abs is inside the sum's args)
            for w in v if isinstance(v, tuple) else (v,):
                if hasattr(w, "numeric") and not isinstance(w, sp.Basic):
                    yield from funcs(w)

    for node in g.nodes:
        if node.name not in inline or node.forward is None:
            continue
        shape = np.shape(env[node.name])
        for f in funcs(node.forward):
            try:
                with np.errstate(all="ignore"):
                    own = np.asarray(f.x.numeric(env, scal), float)
            except (ValueError, TypeError, KeyError):
                continue
            try:
                arr = np.broadcast_to(own, shape)
            except ValueError:
                # heldnets46: the kinked function inside a reduction (abs(x @ W).sum()): its
                # entries are not the node's; its near-zeros are kept for every entry of the
                # node, (node, -1, -1), and decided exactly where an input is 0 entry by entry
                tiny = own[(own != 0) & (np.abs(own) < 1e-9)]
                if tiny.size:
                    out.setdefault((node.name, -1, -1), float(tiny.flat[0]))
                continue
            for i, j in zip(*np.nonzero((arr != 0) & (np.abs(arr) < 1e-9)), strict=True):
                out.setdefault((node.name, int(i), int(j)), float(arr[i, j]))
    return out


def _example_floats(d: Derivation, zeros: Mapping[str, np.ndarray] | None) -> _FloatEval:
    """float64 values at the spec's example of every symbol of ``d``: sizes and constants,
    inputs, params and nodes (a named node exactly 0 in exact arithmetic is 0 here too)."""
    g = d.graph
    values: dict[sp.Basic, Any] = {s: np.float64(v) for s, v in g.scalar_values.items()}
    for name, arr in forward_numeric(d, example_point(g), zeros=zeros).items():
        for s, v in zip(g.tensors[name].symbols, np.asarray(arr).ravel(), strict=True):
            values[s] = np.float64(v)
    return _FloatEval(values)


def jumps_at_example(d: Derivation, zeros: Mapping[str, np.ndarray] | None = None) -> None:
    """Refuse (exit 2) an example where the input of a step to a whole number (floor, ceil,
    trunc; round at its halves) sits exactly on a jump in exact arithmetic but float64 lands
    beside it (``Hh·3`` is exactly 4 while float64 makes it 3.9999999999999996): the walkthrough's
    exact value and PyTorch's then differ by a whole step — the loss shown would not be the one
    PyTorch computes. Only inputs within 10⁻⁹ of a jump in float64 are decided exactly."""
    g = d.graph
    classes = tuple(
        c for c in (ops.get(f).sympy_class for f in _STEP_FUNCTIONS if f in ops.OPS)
        if isinstance(c, type)
    )
    calls = [
        (node, k, call)
        for node in g.nodes
        for k, e in enumerate(node.definition)
        for call in _atoms(e, classes)
    ]
    if not calls:
        return
    ev = _example_floats(d, zeros)
    example = None
    with np.errstate(all="ignore"):
        for node, k, call in sorted(calls, key=lambda c: (c[0].name, c[1])):
            fv = float(ev(call.args[0]))
            half = 0.5 if call.func.__name__ == "round_even" else 0.0
            jump = math.floor(fv - half + 0.5) + half  # the nearest jump
            if not math.isfinite(fv) or abs(fv - jump) > 1e-9 * max(1.0, abs(fv)):
                continue
            example = example or Example(d)
            exact = example.value(call)
            floated = float(ops.get(_step_name(call)).numpy(np.float64(fv)))
            if float(exact) != floated:
                raise _refused(g, _jump_said(g, node.name, k, node.definition.cols, call, jump, fv))


def _jump_said(g: Graph, name: str, k: int, cols: int, call: sp.Basic, jump: float, fv: float):
    """The refusal of a step function's input on a jump, naming the user's own [forward] line:
    a stop-gradient line derive made (``q_detached`` of ``x + (round(x) - x).detach()``) is
    named as the user's line ``q`` and its ``.detach()`` (spellings24)."""
    words = dict(f=_step_name(call), entry=f"[{k // cols}, {k % cols}]", at=_number_text(jump),
                 fv=repr(fv))
    line = dict(g.spec.detached_in).get(name)
    if line is None:
        return catalog.said("refuse.jump", node=name, **words)
    return catalog.said("refuse.jump_detached", node=line, **words)


_STEP_FUNCTIONS = ("floor", "ceil", "trunc", "round")


def _step_name(call: sp.Basic) -> str:
    """The language's name of a step function's SymPy call (floor for floor_step)."""
    return next(n for n in _STEP_FUNCTIONS if n in ops.OPS and ops.get(n).sympy_class is call.func)


def _number_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# kinked functions that are continuous with a bounded slope on both sides: a side taken by
# rounding changes only the slope there, never the value (a step — sign, a mask — jumps, and
# sqrt0's slope is unbounded at 0: neither is decided by the rule below). Which side float code
# takes cannot be told from derive's own float reading (a clamp's bound computed one ulp low
# puts PyTorch on the clipped side where the reading's kink input is +ε: tests/test_trust12.py),
# so only a flat input — where every side's slope is multiplied by 0 — is accepted.
_CONTINUOUS_KINKS = frozenset({"relu", "leaky_relu", "elu", "clamp0", "Abs"})


def _stationary(g: Graph, example: Any, call: sp.Basic) -> bool:
    """The kink's side does not matter: ``call`` is abs/ReLU/leaky ReLU (a bounded slope either
    side) and its input's partial derivative by every parameter and node it reads is exactly 0
    at the example — the input is flat there, as PPO's min(r·A, clip(r, 1 − ε, 1 + ε)·A) has a
    − b ≡ 0 for a ratio inside the clip range. The chain rule multiplies the slope by that 0 on
    both sides of the kink, so float code and PyTorch get the exact gradient whichever side
    rounding puts them on."""
    if getattr(call.func, "__name__", "") not in _CONTINUOUS_KINKS:
        return False
    if call.func is ops.elu and call.args[1] == 1:
        # ELU with α = 1 (F.elu's default, every CELU) has slope 1 on both sides (e⁰ = 1, and
        # e^x of a rounding residue x rounds to 1): no side to take
        return True
    arg = call.args[0]
    kinds = {s: t.kind for t in g.tensors.values() for s in np.asarray(t.symbols).ravel()}
    return all(
        example.value(sp.diff(arg, s)) == 0
        for s in sorted(arg.free_symbols, key=sp.default_sort_key)
        if kinds.get(s) in ("param", "node")
    )


def _kink_sentence(g: Graph, node: str, call: sp.Basic, gap: float) -> str:
    """Why an inline kink at an exact 0 is refused, in what the user wrote: PyTorch's
    ``cdist`` is derive's ``sqrt0`` of the expanded squared distance, so its zero distance is
    named as the pair of rows; a norm's ``sqrt0`` as the norm; any other function by name."""
    f = call.func.__name__
    text = g.spec.forward_text.get(node, "")
    if f == "sqrt0" and "cdist" in text:
        rows: dict[str, set[int]] = {}
        for name, t in g.tensors.items():
            if t.kind == "node":
                continue
            for (i, _), s in np.ndenumerate(np.asarray(t.symbols, dtype=object)):
                if s in call.args[0].free_symbols:
                    rows.setdefault(name, set()).add(i)
        pair = ", ".join(f"{name}[{i}]" for name, r in sorted(rows.items()) for i in sorted(r))
        return catalog.said("refuse.kink_cdist", node=node, pair=pair, gap=f"{gap:.1e}")
    if f == "sqrt0":
        f = catalog.said("refuse.norm_root")
    else:  # the language's name of the function (SymPy's Abs is abs), as the user writes it
        f = next((n for n, op in ops.OPS.items() if op.sympy_class is call.func), f)
    spellings = _CLAMP_SPELLINGS + ("relu",) if f in ("relu", "clamp0") else _SPELLINGS.get(f, (f,))
    written = _written_call(text, spellings)
    if written is not None:  # F.relu6, F.hardtanh(z, 0, 6), F.elu(z, alpha=0.5) as written
        return catalog.said("refuse.kink_written", node=node, f=written[0], arg=written[1],
                            call=written[2], gap=f"{gap:.1e}")
    if f == "relu" and re.search(r"\bmaximum\s*\(", text):
        # np.maximum(0, z) on a line of its own is refused at a tie too (its convention is
        # half to each side): the fix names relu/clamp, whose conventions derive follows
        return catalog.said("refuse.kink_maximum", node=node, gap=f"{gap:.1e}")
    return catalog.said("refuse.kink", node=node, f=f, gap=f"{gap:.1e}")


# the spellings derive reads as relu/clamp0 of a shifted input (derive.lang.spelling): a kink
# sentence names the one the user wrote, never the internal relu/clamp0
_CLAMP_SPELLINGS = ("relu6", "hardtanh", "hardsigmoid", "hardswish", "clamp", "clip", "clamp_min", "clamp_max")
# other kinked functions by the language's name: the spellings of each a user writes
_SPELLINGS = {
    "abs": ("abs", "absolute", "fabs"),
    "elu": ("elu", "celu", "selu"),
    "leaky_relu": ("leaky_relu", "prelu", "rrelu"),
}


def _written_call(text: str, names: tuple[str, ...]) -> tuple[str, str, str] | None:
    """``(function, its input, the line with that input named z)`` for the one call of
    ``text`` named one of ``names`` (``F.relu6(4 * (X @ W1))`` → ``F.relu6``, ``4 * (X @ W1)``,
    ``F.relu6(z)``; ``F.elu(X @ W, alpha=0.5)`` keeps its α, ``b + relu(X @ W)`` its ``b``), or
    ``None`` (none, several, or text Python does not parse)."""
    import ast

    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and (n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", ""))
        in names
    ]
    if len(calls) != 1:
        return None
    c = calls[0]
    method = isinstance(c.func, ast.Attribute) and not c.args  # x.clamp(0, 6), (X @ W).abs()
    node = c.func.value if method else (c.args[0] if c.args else None)
    if node is None or node.end_col_offset is None or "\n" in text:
        return None
    lo, hi = node.col_offset, node.end_col_offset
    if method and text[lo - 1 : lo] == "(" and text[hi : hi + 1] == ")":
        lo, hi = lo - 1, hi + 1  # (X @ W).abs() → z.abs()
    name = c.func.attr if method else ast.get_source_segment(text, c.func)
    arg = ast.get_source_segment(text, node)
    if name is None or arg is None:
        return None
    return name, arg, text[:lo] + "z" + text[hi:]  # the whole line, its input named z


def _atoms(e: sp.Basic, classes: tuple[type, ...]) -> set[sp.Basic]:
    """``e.atoms(*classes)``: the subexpressions of ``e`` that are instances of ``classes``,
    by a plain walk (SymPy's preorder traversal was most of :func:`inline_kinks_at_zero` on a
    (32, 32, 32) MLP's 1024 entries)."""
    found: set[sp.Basic] = set()
    seen: set[int] = set()
    stack = [e]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if isinstance(x, classes):
            found.add(x)
        stack.extend(x.args)
    return found


def _check_finite_example(d: Derivation, point, zeros) -> None:
    """Exit 2 naming the tensor, the entry and the value when our gradient at the example
    values is not a finite number (the forward pass is checked when the spec is loaded)."""
    ours, loss = gradients_matrix(d, point, zeros=zeros)
    for p in d.graph.spec.params:
        bad = _first_bad(ours[p])
        if bad is not None:
            sentence = catalog.said(
                "refuse.gradient", param=p, value=bad[1], entry=list(bad[0])
            )
            raise catalog.refusal(lambda m: NonFinite(d.graph.spec.source, "", m), sentence)


def finite_random_point(d: Derivation, seed: int, tries: int = 6, use_torch: bool = True):
    """A random point (:func:`random_point`) where the loss and an independent reference
    gradient (PyTorch's autograd, or without PyTorch the element-wise derivation) are finite in
    float64. A point where the gradient itself overflows float64 (|∂L/∂p| > 1e308 after stacked
    powers or exponentials) tests nothing about the derivation: every side is inf there. Such a
    point is drawn again with another seed; the gradients under test (ours) are not consulted,
    so a NaN of ours where the reference is finite is still reported. ``(point, (kind,
    reference gradients))`` — :func:`compare` reuses them — or ``None`` when no draw qualifies."""
    g = d.graph
    for j in range(tries):
        rp = random_point(g, seed=seed + 1000 * j, strict=True)
        if rp is None:
            continue
        with np.errstate(all="ignore"):
            try:
                loss = loss_numeric(d, rp)
                ref = gradients_torch(g, rp) if use_torch else gradients_elementwise(d, rp)
            except (OverflowError, ZeroDivisionError, ValueError):
                continue
        if math.isfinite(loss) and all(
            np.all(np.isfinite(np.asarray(v, float))) for v in ref.values()
        ):
            return rp, ("torch" if use_torch else "elementwise", ref)
    return None


@dataclass(frozen=True)
class TorchReferences:
    """What PyTorch contributes to :func:`verify` for one derivation, computed in one place
    (:func:`torch_references`) so that it can be computed ahead, in another process
    (:mod:`derive.numeric.worker`), with the same result as in this one."""

    version: str  # torch.__version__
    example: dict[str, np.ndarray]  # autograd's gradients at the example values (exact zeros)
    random: tuple[Any, ...]  # :func:`finite_random_point` for random points 1, 2, …
    full: tuple[dict[str, np.ndarray], dict[str, np.ndarray]] | None  # (point, gradients)
    bare: dict[str, np.ndarray] | None  # gradients of the bare loss (0.5·mse → mse), example


def torch_references(
    d: Derivation, zeros: Mapping[str, np.ndarray], points: int, full: bool
) -> TorchReferences:
    """PyTorch's gradients for :func:`verify`: at the example values (``zeros``: their exact
    zeros, :func:`exact_zeros`), at ``points`` random points (:func:`finite_random_point`), at
    ``[full_dims]`` when ``full``, and of the bare PyTorch loss when the loss is scaled."""
    g = d.graph
    pt = example_point(g)
    example = gradients_torch(g, pt, zeros=zeros)
    randoms = tuple(finite_random_point(d, seed=k + 1) for k in range(points))
    at_full = None
    if full and g.spec.full_dims:
        fp = random_point(g, seed=100, sizes=g.spec.full_dims)
        at_full = (fp, gradients_torch(g, fp))
    bare = None
    if loss_scale_call(g.spec.forward[-1][1]) is not None:
        bare = gradients_torch(g, pt, bare_loss=True)
    version = str(_torch().__version__)  # a plain str: a cached report needs no torch
    return TorchReferences(version, example, randoms, at_full, bare)


def verify(
    d: Derivation,
    *,
    points: int = 3,
    use_torch: bool = True,
    full: bool = True,
    references: Any = None,
) -> Report:
    """Compare at the example values, at ``points`` random points, and (if the spec has
    ``[full_dims]``) at full size in matrix form. ``references``: a function with the
    signature of :func:`torch_references` that may answer it sooner (a worker process that
    imported PyTorch while this one derived), or ``None`` when it cannot; then it is
    computed here."""
    g = d.graph
    notes: list[str] = []
    keys: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def note(key: str, **args: str) -> None:
        """A note of the report, English in ``notes``, its key for other languages in ``keys``."""
        keys.append((key, tuple(args.items())))
        notes.append(catalog.text(f"verify.cli.{key}", "en", **args))

    pt = example_point(g)
    zeros = exact_zeros(d)
    if zeros:
        where = ", ".join(f"{k}{list(map(int, np.argwhere(m)[0]))}" for k, m in zeros.items())
        note("note_exact_zero", where=where)
    inline_kinks_at_zero(d, zeros)
    jumps_at_example(d, zeros)
    spelled_ties(d, pt, zeros)
    filled_targets(d, pt)
    _check_finite_example(d, pt, zeros)
    refs = None
    if use_torch:
        refs = references(d, zeros, points, full) if references is not None else None
        if refs is None:
            refs = torch_references(d, zeros, points, full)
    comps = compare(
        d,
        pt,
        "example",
        use_torch=use_torch,
        exact=True,
        zeros=zeros,
        reference=None if refs is None else ("torch", refs.example),
    )
    _sides_of_a_kink(g, comps)
    for k in range(points):
        found = refs.random[k] if refs is not None else finite_random_point(
            d, seed=k + 1, use_torch=False
        )
        if found is None:
            note("note_no_random", k=str(k + 1))
            continue
        rp, reference = found
        comps += compare(d, rp, f"random {k + 1}", use_torch=use_torch, reference=reference)
    if full and g.spec.full_dims:
        if refs is not None and refs.full is not None:
            fp, given = refs.full
        else:
            fp, given = random_point(g, seed=100, sizes=g.spec.full_dims), None
        comps += compare(
            d,
            fp,
            "full size",
            sizes=g.spec.full_dims,
            use_torch=use_torch,
            elementwise=False,
            reference=None if given is None else ("torch", given),
        )
    for c in comps:
        if c.fd_edge:
            entries = ", ".join(f"{c.param}{list(i)}" for i in c.fd_edge[:4])
            note("note_fd_edge", point=c.point, entries=entries, eps=f"{EPS:g}")
        if c.fd_precise:
            entries = ", ".join(f"{c.param}{list(i)}" for i in c.fd_precise[:4])
            note("note_fd_precise", point=c.point, entries=entries, dps=str(tol.FD_PRECISE_DPS))
        if c.float64_lost:
            note("note_float64_lost", point=c.point, param=c.param, dps=str(tol.FD_PRECISE_DPS))
    scale = None
    torch_version = None
    example: tuple[tuple[str, Any], ...] = ()
    if refs is not None:
        torch_version = refs.version
        example = tuple(refs.example.items())
        found = loss_scale_call(g.spec.forward[-1][1])
        if found is not None and refs.bare is not None:
            ours, _ = gradients_matrix(d, pt)
            bare = refs.bare
            p = next(iter(g.spec.params))
            mask = np.abs(ours[p]) > 1e-300
            ratio = float(np.median(bare[p][mask] / ours[p][mask])) if mask.any() else math.nan
            scale = (found[1].func, ratio)
    return Report(
        g.spec.name, tuple(comps), scale, torch_version, tuple(notes), example, tuple(keys)
    )


def train(
    d: Derivation,
    *,
    steps: int | None = None,
    lr: float | None = None,
    seed: int | None = None,
    sizes=None,
) -> list[tuple[int, float]]:
    """Plain SGD with the matrix-form gradients: ``[(step, loss), …]`` (loss before the step)."""
    spec = d.graph.spec
    steps = int(steps if steps is not None else spec.train.get("steps", 500))
    lr = float(lr if lr is not None else spec.train.get("lr", 1e-3))
    seed = int(seed if seed is not None else spec.train.get("seed", 0))
    sizes = sizes if sizes is not None else (spec.full_dims or None)
    point = random_point(d.graph, seed=seed, sizes=sizes, first=True)
    history = []
    for step in range(steps):
        grads, loss = gradients_matrix(d, point, sizes, matmul=_Products())
        history.append((step, loss))
        for p in spec.params:
            # point − lr·g as written, into the fresh product's array (a full-size layer's
            # 1000 × 100 weights: one new array per step, not two)
            step_ = lr * grads[p]
            point[p] = np.subtract(point[p], step_, out=step_)
    return history
