"""Proofs for the linear layer: ∂L/∂W = Xᵀ·δ_Z, ∂L/∂X = δ_Z·Wᵀ, and the broadcast bias 𝟙ᵀ·δ_Z."""

from __future__ import annotations

import functools
from typing import Any

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from derive.proofs.core import (
    D,
    Dims,
    IndexChecker,
    InOrder,
    M,
    MatGrad,
    N,
    NameSpec,
    Partial,
    Proof,
    ShapeOf,
    World,
    _Builder,
    _dims_text,
    chain_sum,
    collapse,
    i,
    j,
    k,
    p,
    q,
)

# ---- linear layer ----------------------------------------------------------------------------

_DELTAS: tuple[NameSpec, ...] = (
    ("dZ", "\\delta_{Z}", "δ_Z"),
    ("dA", "\\delta_{A}", "δ_A"),
)
_LINEAR_SIZES = {N: (1, 3), D: (1, 3), M: (1, 3)}


def _linear_world(sizes: dict[sp.Symbol, int], point: int = 0, bias: bool = False) -> World:
    """``Z = X·W (+ 𝟙·b)``, an arbitrary smooth loss ``L(Z)`` and ``δ_Z = ∂L/∂Z``."""
    w = World(sizes)
    z = w.leaf("X", (N, D)) * w.leaf("W", (D, M))
    if bias:
        z = z + sp.ones(w.size(N), 1) * w.leaf("b", (1, M))
    zs = w.define("Z", z)
    loss = w.define("L", w.random_loss(zs))
    w.define("dZ", zs.applyfunc(lambda s: w.partial(loss, s)))
    return w


def _ms(name: str, rows: Any, cols: Any) -> sp.MatrixSymbol:
    return sp.MatrixSymbol(name, rows, cols)


def _shape_args(prod: sp.MatrixExpr) -> dict[str, str]:
    factors = prod.args if isinstance(prod, sp.MatMul) else (prod,)
    return {"product": _dims_text(*(f.shape for f in factors)), "result": _dims_text(prod.shape)}


def _linear(wrt: str) -> Proof:
    """``linear-weight`` (``wrt="W"``) and ``linear-input`` (``wrt="X"``)."""
    name = "linear-weight" if wrt == "W" else "linear-input"
    X, W, Z, G = (sp.IndexedBase(s) for s in ("X", "W", "Z", "dZ"))
    L = sp.Symbol("L")
    target, rows, cols = (W, D, M) if wrt == "W" else (X, N, D)
    chk = IndexChecker(
        _linear_world, _LINEAR_SIZES, {i: N, j: M, k: D, p: rows, q: cols}, seed=name
    )
    order = ("X", "dZ", "W") if wrt == "W" else ("dZ", "X", "W")
    b = _Builder(name, chk, ("X", "W", "Z", "L", *_DELTAS), order)
    z_def = sp.Sum(X[i, k] * W[k, j], (k, 0, D - 1))
    b.step(Z[i, j], z_def, "proof.def.linear")
    local = z_def.diff(target[p, q])
    b.step(Partial(Z[i, j], target[p, q]), local, "proof.differentiate")
    local = collapse(local)
    b.step(Partial(Z[i, j], target[p, q]), local, "proof.kronecker_collapse", index="k")
    chain = chain_sum(G[i, j] * Partial(Z[i, j], target[p, q]), [(i, N), (j, M)])
    b.step(Partial(L, target[p, q]), chain, "proof.chain_rule", via="Z")
    chain = chain.xreplace({Partial(Z[i, j], target[p, q]): local})
    b.step(Partial(L, target[p, q]), chain, "proof.substitute")
    chain = collapse(chain)
    b.step(
        Partial(L, target[p, q]),
        chain,
        "proof.kronecker_collapse",
        index="j" if wrt == "W" else "i",
    )
    Xm, Wm, Gm = _ms("X", N, D), _ms("W", D, M), _ms("dZ", N, M)
    prod = Xm.T * Gm if wrt == "W" else Gm * Wm.T
    b.step(Partial(L, target[p, q]), MatrixElement(prod, p, q), "proof.matrix_product")
    tm = Wm if wrt == "W" else Xm
    b.step(ShapeOf(prod), Dims(*tm.shape), "proof.shape_check", param=wrt, **_shape_args(prod))
    st = b.statement(MatGrad(L, tm), prod)
    return b.proof(st, _LINEAR_ASSUMPTIONS)


_LINEAR_ASSUMPTIONS: tuple[str, ...] = (
    "proof.assume.linear",
    "proof.assume.upstream",
)


def linear_weight() -> Proof:
    """``∂L/∂W = Xᵀ·δ_Z``."""
    return _linear("W")


def linear_input() -> Proof:
    """``∂L/∂X = δ_Z·Wᵀ``."""
    return _linear("X")


# ---- broadcast bias --------------------------------------------------------------------------


def bias_sum() -> Proof:
    """``Z = X·W + 𝟙·b`` ⇒ ``∂L/∂b = 𝟙ᵀ·δ_Z`` (the column sums of ``δ_Z`` over the batch)."""
    name = "bias-sum"
    X, W, Z, G, B = (sp.IndexedBase(s) for s in ("X", "W", "Z", "dZ", "b"))
    L = sp.Symbol("L")
    chk = IndexChecker(
        functools.partial(_linear_world, bias=True),
        _LINEAR_SIZES,
        {i: N, j: M, q: M},
        seed=name,
    )
    b = _Builder(name, chk, ("X", "W", "Z", "L", "b", *_DELTAS), ("X", "dZ", "W"))
    z_def = InOrder(sp.Sum(X[i, k] * W[k, j], (k, 0, D - 1)), B[j])
    b.step(Z[i, j], z_def, "proof.def.linear_bias")
    local = z_def.diff(B[q]).doit()
    b.step(Partial(Z[i, j], B[q]), local, "proof.differentiate")
    chain = chain_sum(G[i, j] * Partial(Z[i, j], B[q]), [(i, N), (j, M)])
    b.step(Partial(L, B[q]), chain, "proof.chain_rule", via="Z")
    chain = chain.xreplace({Partial(Z[i, j], B[q]): local})
    b.step(Partial(L, B[q]), chain, "proof.substitute")
    chain = collapse(chain)
    b.step(Partial(L, B[q]), chain, "proof.kronecker_collapse", index="j")
    Gm, Bm = _ms("dZ", N, M), _ms("b", 1, M)
    prod = sp.MatMul(sp.Transpose(sp.OneMatrix(N, 1)), Gm)
    b.step(Partial(L, B[q]), MatrixElement(prod, 0, q), "proof.ones_vector")
    b.step(ShapeOf(prod), Dims(*Bm.shape), "proof.shape_check", param="b", **_shape_args(prod))
    st = b.statement(MatGrad(L, Bm), prod)
    assumptions = (
        "proof.assume.bias",
        _LINEAR_ASSUMPTIONS[1],
    )
    return b.proof(st, assumptions)
