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
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import sympy as sp

from derive import expr as ex
from derive import ops
from derive.backprop import Derivation
from derive.graph import Graph, forward_ir, op_params

TOL = {
    "torch": (1e-9, 1e-12),  # (rtol, atol): two exact float64 computations
    "fd": (1e-5, 1e-7),  # central differences, ε = 1e-6
    "elementwise": (1e-9, 1e-12),
}
EPS = 1e-6
FD_SAMPLE = 24  # entries per tensor checked by finite differences when it has more


class TorchMissing(RuntimeError):
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


def kinked() -> tuple[str, ...]:
    """Functions whose derivative jumps somewhere (from the operation table)."""
    return tuple(n for n, op in ops.OPS.items() if op.kinks)


@dataclass(frozen=True)
class Report:
    network: str
    comparisons: tuple[Comparison, ...]
    loss_scale: tuple[str, float] | None  # e.g. ("mse", 2.0): PyTorch's bare loss / ours
    torch_version: str | None

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


def random_point(g: Graph, seed: int, sizes: Mapping[str, int] | None = None):
    """Random inputs/parameters, optionally at other ``[dims]`` sizes (``full_dims``)."""
    rng = np.random.default_rng(seed)
    tgt = targets(g)
    out = {}
    for name in list(g.spec.inputs) + list(g.spec.params):
        shape = _shape(g, name, sizes)
        out[name] = rng.uniform(0, 1, shape) if name in tgt else rng.standard_normal(shape)
        if name in g.spec.one_hot:  # a single 1 per row, where the draw is largest
            u = out[name]
            out[name] = (u == u.max(axis=1, keepdims=True)).astype(np.float64)
    return out


def _shape(g: Graph, name: str, sizes: Mapping[str, int] | None) -> tuple[int, int]:
    shape = g.tensors[name].shape
    if not sizes:
        return (int(shape[0]), int(shape[1]))
    return tuple(sizes.get(getattr(d, "label", ""), int(d)) for d in shape)  # type: ignore


def scalar_values(g: Graph, sizes: Mapping[str, int] | None = None) -> dict[sp.Symbol, float]:
    out = {s: float(v) for s, v in g.scalar_values.items()}
    for k, v in (sizes or {}).items():
        out[g.scalars[k]] = float(v)
    return out


# ---- ours -----------------------------------------------------------------------------------


def forward_numeric(d: Derivation, point: Mapping[str, np.ndarray], sizes=None):
    """Matrix-form forward pass: every node's value, float64."""
    env = dict(point)
    scal = scalar_values(d.graph, sizes)
    for node in d.graph.nodes:
        env[node.name] = np.atleast_2d(np.asarray(node.forward.numeric(env, scal), float))
    return env


def gradients_matrix(d: Derivation, point: Mapping[str, np.ndarray], sizes=None):
    """Matrix-form backward pass (the verified rules), float64: ``{param: gradient}``."""
    env = forward_numeric(d, point, sizes)
    scal = scalar_values(d.graph, sizes)
    loss = d.graph.spec.loss
    env["d" + loss] = np.ones((1, 1))
    for visit in d.backward:
        value = np.asarray(visit.formula.numeric(env, scal), float)
        env["d" + visit.name] = (
            np.broadcast_to(value, env[visit.name].shape).copy()
            if visit.name in env
            else np.atleast_2d(value)
        )
    return {p: env["d" + p] for p in d.graph.spec.params}, float(env[loss][0, 0])


def gradients_elementwise(d: Derivation, point: Mapping[str, np.ndarray]):
    """The element-wise derivation, lambdified to NumPy node by node (spec sizes only)."""
    g = d.graph
    values: dict[sp.Symbol, float] = {s: float(v) for s, v in g.scalar_values.items()}
    for name, arr in point.items():
        for s, v in zip(g.tensors[name].symbols, np.asarray(arr).ravel(), strict=True):
            values[s] = float(v)
    order = [s for n in g.nodes for s in g.tensors[n.name].symbols]
    for visit in [g.loss] + [g.tensors[v.name] for v in d.backward]:
        order += [s for s in visit.grads]
    for s in order:
        e = d.defs[s]
        args = sorted(e.free_symbols, key=str)
        f = sp.lambdify(args, e, modules=[ops.sympy_numpy(), "numpy"], dummify=True)
        with np.errstate(all="ignore"):
            values[s] = float(np.asarray(f(*(np.array(values[a]) for a in args))))
    return {
        p: np.array([[values[s] for s in row] for row in g.tensors[p].grads.tolist()])
        for p in g.spec.params
    }


# ---- PyTorch ----------------------------------------------------------------------------------


def _torch():
    try:
        import torch
    except ImportError:
        raise TorchMissing(
            "PyTorch is not installed: pip install 'derive-backprop[torch]'"
        ) from None
    return torch


def torch_forward(g: Graph, tree: ex.Node, env: dict, bare_loss: bool = False):
    """Evaluate ``tree`` with torch ops (so autograd, not our rules, differentiates it)."""
    torch = _torch()

    def num(n: ex.Node) -> float:
        if isinstance(n, ex.Num):
            return float(n.value)
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
        x = run(n.args[0])
        if op.kind == ops.ELEMENTWISE:
            return op.torch(x, *(float(p.xreplace(g.scalar_values)) for p in op_params(g, n)))
        if op.kind == ops.ROWWISE:
            return op.torch(x)
        if op.kind == ops.REDUCTION:
            axis = n.kwarg("axis")
            return op.torch(x) if axis is None else op.torch(x, int(axis.value))
        y = run(n.args[1]).expand_as(x)
        return op.torch(x, y, *(float(p.xreplace(g.scalar_values)) for p in op_params(g, n)))

    return run(tree)


def gradients_torch(g: Graph, point: Mapping[str, np.ndarray], bare_loss: bool = False):
    """PyTorch autograd gradients of the spec's loss (or of the bare loss function)."""
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
        out = env[name] = torch_forward(g, tree, env)
    out.sum().backward()
    return {p: env[p].grad.detach().numpy().reshape(np.shape(point[p])) for p in g.spec.params}


def loss_scale_call(tree: ex.Node) -> tuple[float, ex.Call] | None:
    """``0.5 * mse(O, t)`` → (0.5, mse(O, t)): a scaled PyTorch loss (the factor-2 lesson)."""
    if isinstance(tree, ex.BinOp) and tree.op == "*":
        for c, call in ((tree.left, tree.right), (tree.right, tree.left)):
            if isinstance(c, ex.Num) and isinstance(call, ex.Call) and _is_loss(call.func):
                return float(c.value), call
    return None


# ---- finite differences ---------------------------------------------------------------------


def loss_numeric(d: Derivation, point: Mapping[str, np.ndarray], sizes=None) -> float:
    return float(forward_numeric(d, point, sizes)[d.graph.spec.loss][0, 0])


def gradients_fd(d: Derivation, point: Mapping[str, np.ndarray], sizes=None, seed: int = 0):
    """Central differences; for tensors with more than :data:`FD_SAMPLE` entries, a
    deterministic sample of entries (``nan`` elsewhere)."""
    rng = random.Random(seed)
    out = {}
    for p in d.graph.spec.params:
        base = np.asarray(point[p], float)
        grad = np.full(base.shape, np.nan)
        idx = list(np.ndindex(base.shape))
        if len(idx) > FD_SAMPLE:
            idx = rng.sample(idx, FD_SAMPLE)
        for i in idx:
            vals = []
            for sign in (1, -1):
                moved = base.copy()
                moved[i] += sign * EPS
                vals.append(loss_numeric(d, {**point, p: moved}, sizes))
            grad[i] = (vals[0] - vals[1]) / (2 * EPS)
        out[p] = grad
    return out


# ---- comparison -------------------------------------------------------------------------------


def difference(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(max abs, max rel) over entries where both are defined."""
    mask = ~(np.isnan(a) | np.isnan(b))
    if not mask.any():
        return (0.0, 0.0)
    diff = np.abs(a - b)[mask]
    scale = np.maximum(np.abs(a), np.abs(b))[mask]
    rel = np.where(scale > 0, diff / np.where(scale > 0, scale, 1), 0.0)
    return float(diff.max()), float(rel.max())


def within(a: np.ndarray, b: np.ndarray, kind: str, loss: float = 0.0) -> bool:
    """``|a − b| ≤ atol + rtol·|b|``; for finite differences ``atol`` also covers the round-off
    of the differenced loss, about ``|L|·u/ε`` (it matters when the loss is ~1e7)."""
    rtol, atol = TOL[kind]
    if kind == "fd":
        atol = max(atol, 10 * abs(loss) * np.finfo(float).eps / EPS)
    mask = ~(np.isnan(a) | np.isnan(b))
    return bool(np.all(np.abs(a - b)[mask] <= atol + rtol * np.abs(b)[mask]))


def compare(
    d: Derivation, point, label: str, *, sizes=None, use_torch=True, elementwise=True
) -> list[Comparison]:
    ours, loss = gradients_matrix(d, point, sizes)
    fd = gradients_fd(d, point, sizes)
    kink = at_kink(d, point, sizes)
    tt = gradients_torch(d.graph, point) if use_torch else None
    ew = gradients_elementwise(d, point) if elementwise else None
    out = []
    for p in d.graph.spec.params:
        # at a kink the one-sided slopes differ and a central difference straddles them; the
        # exact comparisons (PyTorch, element-wise) still decide
        ok = kink or within(ours[p], fd[p], "fd", loss)
        vt = None
        if tt is not None:
            vt = difference(ours[p], tt[p])
            ok = ok and within(ours[p], tt[p], "torch")
        ve = None
        if ew is not None:
            ve = difference(ew[p], ours[p])
            ok = ok and within(ew[p], ours[p], "elementwise")
        out.append(Comparison(p, label, vt, difference(ours[p], fd[p]), ve, ok, kink))
    return out


def at_kink(d: Derivation, point, sizes=None) -> bool:
    """Whether the input of some function with a kink (ReLU, leaky ReLU, abs: the table's
    ``kinks``) is within ``10·EPS`` of one at ``point``."""

    env = forward_numeric(d, point, sizes)
    scal = scalar_values(d.graph, sizes)
    for _, tree in d.graph.spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and n.func in kinked():
                arg = np.asarray(forward_ir(n.args[0], d.graph).numeric(env, scal), float)
                if any(np.any(np.abs(arg - float(k)) < 10 * EPS) for k in ops.get(n.func).kinks):
                    return True
            stack.extend(ex.children(n))
    return False


def verify(d: Derivation, *, points: int = 3, use_torch: bool = True, full: bool = True) -> Report:
    """Compare at the example values, at ``points`` random points, and (if the spec has
    ``[full_dims]``) at full size in matrix form."""
    g = d.graph
    comps = compare(d, example_point(g), "example", use_torch=use_torch)
    for k in range(points):
        comps += compare(d, random_point(g, seed=k + 1), f"random {k + 1}", use_torch=use_torch)
    if full and g.spec.full_dims:
        pt = random_point(g, seed=100, sizes=g.spec.full_dims)
        comps += compare(
            d, pt, "full size", sizes=g.spec.full_dims, use_torch=use_torch, elementwise=False
        )
    scale = None
    torch_version = None
    if use_torch:
        torch_version = _torch().__version__
        found = loss_scale_call(g.spec.forward[-1][1])
        if found is not None:
            pt = example_point(g)
            ours, _ = gradients_matrix(d, pt)
            bare = gradients_torch(g, pt, bare_loss=True)
            p = next(iter(g.spec.params))
            mask = np.abs(ours[p]) > 1e-300
            ratio = float(np.median(bare[p][mask] / ours[p][mask])) if mask.any() else math.nan
            scale = (found[1].func, ratio)
    return Report(g.spec.name, tuple(comps), scale, torch_version)


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
    point = random_point(d.graph, seed=seed, sizes=sizes)
    history = []
    for step in range(steps):
        grads, loss = gradients_matrix(d, point, sizes)
        history.append((step, loss))
        for p in spec.params:
            point[p] = point[p] - lr * grads[p]
    return history
