"""Proof of the compact batch-normalisation backward formula."""

from __future__ import annotations

import sympy as sp

from derive.proofs.core import (
    IndexChecker,
    InOrder,
    NameSpec,
    Partial,
    Proof,
    Times,
    World,
    _Builder,
    collapse,
    i,
    m,
    p,
)

# ---- batch normalisation (builtins) ----------------------------------------------------------

_BN_NAMES: tuple[NameSpec, ...] = (
    "x",
    "y",
    ("g", "g", "g"),
    ("mu", "\\mu", "μ"),
    ("sigma2", "\\sigma^{2}", "σ²"),
    ("xhat", "\\hat{x}", "x̂"),
    ("gamma", "\\gamma", "γ"),
    ("beta", "\\beta", "β"),
    ("eps", "\\varepsilon", "ε"),
    "L",
    "m",
)


def _bn_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One feature over a batch of ``m``: ``μ``, ``σ²`` (biased, as PyTorch normalises),
    ``x̂ = (x − μ)/√(σ² + ε)``, ``y = γ x̂ + β``, an arbitrary smooth loss ``L(y)`` and
    ``g = ∂L/∂y``."""
    w = World(sizes)
    n = w.size(m)
    x = w.leaf("x", (m, 1))
    gamma, beta = w.leaf("gamma"), w.leaf("beta")
    eps = w.leaf("eps", None, (0.05, 1.0))
    mu = w.define("mu", sp.Add(*x) / n)
    var = w.define("sigma2", sp.Add(*((v - mu) ** 2 for v in x)) / n)
    xhat = w.define("xhat", x.applyfunc(lambda v: (v - mu) / sp.sqrt(var + eps)))
    y = w.define("y", xhat.applyfunc(lambda v: gamma * v + beta))
    loss = w.define("L", w.random_loss(y))
    w.define("g", y.applyfunc(lambda s: w.partial(loss, s)))
    return w


def batchnorm() -> Proof:
    """Batch normalisation of one feature: ``∂L/∂β = Σ g``, ``∂L/∂γ = Σ g x̂`` and the compact
    backward formula ``∂L/∂x_p = γ/(m√(σ² + ε)) · (m g_p − Σ_i g_i − x̂_p Σ_i g_i x̂_i)``, derived
    from the element-wise chain rule through the batch mean and variance."""
    name = "batchnorm"
    x, y, g, xhat = (sp.IndexedBase(s) for s in ("x", "y", "g", "xhat"))
    mu, var, gamma, beta, eps, L = sp.symbols("mu sigma2 gamma beta eps L")
    chk = IndexChecker(_bn_world, {m: (2, 4)}, {i: m, p: m}, seed=name)
    b = _Builder(name, chk, _BN_NAMES, ("gamma", "g", "xhat"))
    rows = lambda e: sp.Sum(e, (i, 0, m - 1))  # noqa: E731
    root = sp.sqrt(var + eps)
    b.step(mu, Times(1 / m, rows(x[i])), "proof.def.bn_mean")
    b.step(var, Times(1 / m, rows(InOrder(x[i], -mu) ** 2)), "proof.def.bn_var")
    b.step(xhat[i], InOrder(x[i], -mu) / root, "proof.def.bn_xhat")
    b.step(y[i], InOrder(Times(gamma, xhat[i]), beta), "proof.def.bn_y")
    # the parameters: y_i depends on β, γ directly
    b.step(Partial(L, beta), rows(Times(g[i], Partial(y[i], beta))), "proof.bn_chain_params")
    b.step(Partial(L, beta), rows(g[i]), "proof.bn_local_beta")
    b.step(Partial(L, gamma), rows(Times(g[i], Partial(y[i], gamma))), "proof.bn_chain_params")
    b.step(Partial(L, gamma), rows(Times(g[i], xhat[i])), "proof.bn_local_gamma")
    b.step(Partial(L, xhat[i]), Times(gamma, g[i]), "proof.bn_own_entry")
    # the input: x_p reaches x̂_i through x_i, μ and σ²
    d_mu = collapse(rows(x[i]).diff(x[p])) / m
    b.step(Partial(mu, x[p]), d_mu, "proof.bn_dmu")
    d_var = Times(2 / m, rows(Times(InOrder(x[i], -mu), InOrder(sp.KroneckerDelta(i, p), -d_mu))))
    b.step(Partial(var, x[p]), d_var, "proof.bn_var_chain")
    b.step(
        Partial(var, x[p]),
        InOrder(Times(2 / m, InOrder(x[p], -mu)), -Times(2 / m**2, rows(InOrder(x[i], -mu)))),
        "proof.kronecker_collapse",
        index="i",
    )
    b.step(Partial(var, x[p]), Times(2 / m, InOrder(x[p], -mu)), "proof.bn_deviations")
    d_xhat = InOrder(
        InOrder(sp.KroneckerDelta(i, p), -1 / m) / root,
        -Times(InOrder(x[i], -mu) / (2 * (var + eps) ** sp.Rational(3, 2)), Partial(var, x[p])),
    )
    b.step(Partial(xhat[i], x[p]), d_xhat, "proof.bn_quotient")
    d_xhat = InOrder(
        InOrder(sp.KroneckerDelta(i, p), -1 / m) / root,
        -Times(InOrder(x[i], -mu), InOrder(x[p], -mu), 1 / (m * (var + eps) ** sp.Rational(3, 2))),
    )
    b.step(Partial(xhat[i], x[p]), d_xhat, "proof.substitute")
    local = InOrder(sp.KroneckerDelta(i, p), -1 / m, -Times(xhat[i], xhat[p]) / m)
    b.step(Partial(xhat[i], x[p]), Times(1 / root, local), "proof.bn_through_xhat")
    chain = rows(Times(Partial(L, xhat[i]), Partial(xhat[i], x[p])))
    b.step(Partial(L, x[p]), chain, "proof.chain_rule", via="x̂")
    b.step(Partial(L, x[p]), rows(Times(gamma, g[i], 1 / root, local)), "proof.substitute")
    sum_g, sum_gx = rows(g[i]), rows(Times(g[i], xhat[i]))
    collapsed = Times(
        gamma / root, InOrder(g[p], -Times(1 / m, sum_g), -Times(xhat[p] / m, sum_gx))
    )
    b.step(Partial(L, x[p]), collapsed, "proof.kronecker_collapse", index="i")
    compact = Times(gamma / (m * root), InOrder(Times(m, g[p]), -sum_g, -Times(xhat[p], sum_gx)))
    b.step(Partial(L, x[p]), compact, "proof.bn_factor_m")
    st = b.statement(Partial(L, x[p]), compact)
    assumptions = ("proof.assume.bn_feature", "proof.assume.bn_upstream")
    notes = ("proof.note.bn_matrix", "proof.note.bn_sums")
    return b.proof(st, assumptions, notes)
