"""Proofs for the losses: σ + BCE → Ŷ − Y (and the weighted form), softmax + CE → P − Y, MSE vs SSE vs F.mse_loss."""

from __future__ import annotations

import functools
from typing import Any

import sympy as sp

from derive.lang import ops
from derive.lang.ops import sigmoid
from derive.proofs.core import (
    IndexChecker,
    InOrder,
    K,
    MatGrad,
    N,
    NameSpec,
    Partial,
    Proof,
    Times,
    World,
    _Builder,
    _plain,
    collapse,
    i,
    j,
    k,
    m,
    q,
    r,
)
from derive.proofs.linear import _ms

# ---- sigmoid + binary cross-entropy ----------------------------------------------------------

_BCE_NAMES: tuple[NameSpec, ...] = (
    "Z",
    "Y",
    "w",
    ("Yhat", "\\hat{Y}", "Ŷ"),
    ("l", "\\ell", "ℓ"),
    "L",
    "m",
)


def _positive_first(e: sp.Expr) -> sp.Expr:
    """An ``Add`` shown with its positive terms first (``Ŷ − Y`` rather than ``−Y + Ŷ``); the
    value is unchanged."""
    if not e.is_Add:
        return e
    terms = sorted(e.as_ordered_terms(), key=lambda t: t.could_extract_minus_sign())
    return InOrder(*terms)


def _arrange(e: sp.Basic) -> sp.Basic:
    """Every sum in ``e`` shown with its positive terms first (display only; summation limits
    and indices are left alone)."""
    if isinstance(e, sp.Sum):
        return sp.Sum(_arrange(e.function), *e.limits)
    if not e.args or isinstance(e, sp.Indexed | InOrder):
        return e
    args = [_arrange(a) for a in e.args]
    new = e.func(*args) if args != list(e.args) else e
    return _positive_first(new) if new.is_Add else new


def _bce_world(sizes: dict[sp.Symbol, int], point: int = 0, weighted: bool = False) -> World:
    """One entry: ``Ŷ = σ(Z)``, ``ℓ = bce(Ŷ, Y[, w])`` from :mod:`derive.lang.ops`."""
    w = World(sizes)
    z, y = w.leaf("Z"), w.leaf("Y", None, (0.05, 0.95))
    weight = w.leaf("w", None, (0.2, 5.0)) if weighted else sp.Integer(1)
    yhat = w.define("Yhat", sigmoid(z))
    w.define("l", ops.bce_term(yhat, y, weight))
    return w


def _bce_batch_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``m`` entries: ``Ŷ = σ(Z)``, ``ℓ_i = bce(Ŷ_i, Y_i)``, ``L = (1/m) Σ_i ℓ_i``."""
    w = World(sizes)
    n = w.size(m)
    z, y = w.leaf("Z", (m, 1)), w.leaf("Y", (m, 1), (0.05, 0.95))
    yhat = w.define("Yhat", z.applyfunc(sigmoid))
    ls = w.define("l", sp.Matrix(n, 1, [ops.bce_term(yhat[r], y[r]) for r in range(n)]))
    w.define("L", sp.Add(*ls) / n)
    return w


def _bce_chain(b: _Builder, w: sp.Expr) -> sp.Expr:
    """The entry-wise chain ``ℓ → Ŷ → Z`` up to the expanded product; returns it."""
    Z, Y, Yhat, ell = sp.symbols("Z Y Yhat l")
    loss = ops.bce_term(Yhat, Y, w)  # the rule; the world defines ℓ with it as well
    shown = Times(-1, InOrder(w * Y * sp.log(Yhat), Times(1 - Y, sp.log(1 - Yhat))))
    b.step(ell, shown, "proof.def.bce" if w == 1 else "proof.def.bce_weighted")
    d_loss = sp.diff(loss, Yhat)
    b.step(Partial(ell, Yhat), d_loss, "proof.differentiate")
    d_sig = sigmoid(Z).diff(Z).xreplace({sigmoid(Z): Yhat})  # our fdiff rule, with σ(Z) = Ŷ
    b.step(Partial(Yhat, Z), d_sig, "proof.derivative_rule", f="σ", proof="sigmoid-derivative")
    lhs = Partial(ell, Z)
    b.step(lhs, Times(Partial(ell, Yhat), Partial(Yhat, Z)), "proof.chain_rule_scalar", via="Ŷ")
    b.step(lhs, Times(d_loss, d_sig), "proof.substitute")
    distributed = InOrder(*(t * d_sig for t in d_loss.as_ordered_terms()))
    b.step(lhs, distributed, "proof.distribute")
    return distributed


_BCE_ASSUMPTIONS: tuple[str, ...] = (
    "proof.assume.entrywise",
    "proof.assume.labels",
)


def sigmoid_bce() -> Proof:
    """Sigmoid output + binary cross-entropy: ``∂ℓ/∂Z = Ŷ − Y``; with the batch mean,
    ``(Ŷ − Y)/m``."""
    name = "sigmoid-bce"
    Z, Y, Yhat, ell = sp.symbols("Z Y Yhat l")
    b = _Builder(name, IndexChecker(_bce_world, seed=name), _BCE_NAMES)
    distributed = _bce_chain(b, sp.Integer(1))
    lhs = Partial(ell, Z)
    result = _positive_first(sp.expand(_plain(distributed)))
    b.step(lhs, result, "proof.cancel")
    # the batch mean
    Zb, Yb, Yhb, lb = (sp.IndexedBase(s) for s in ("Z", "Y", "Yhat", "l"))
    L = sp.Symbol("L")
    batch = IndexChecker(_bce_batch_world, {m: (1, 4)}, {q: m}, seed=f"{name}:batch")
    mean = Times(1 / m, sp.Sum(lb[i], (i, 0, m - 1)))
    b.step(L, mean, "proof.mean", checker=batch)
    b.step(
        Partial(L, Zb[q]),
        Times(1 / m, sp.Sum(Partial(lb[i], Zb[q]), (i, 0, m - 1))),
        "proof.linearity",
        checker=batch,
    )
    own = sp.Sum(Partial(lb[i], Zb[i]) * sp.KroneckerDelta(i, q), (i, 0, m - 1))
    b.step(Partial(L, Zb[q]), Times(1 / m, own), "proof.own_entry", checker=batch)
    b.step(
        Partial(L, Zb[q]),
        Times(1 / m, collapse(own)),
        "proof.kronecker_collapse",
        checker=batch,
        index="i",
    )
    per_entry = result.xreplace({Yhat: Yhb[q], Y: Yb[q]})
    b.step(Partial(L, Zb[q]), Times(1 / m, per_entry), "proof.substitute", checker=batch)
    st = b.statement(lhs, _positive_first(Yhat - Y))
    notes = (
        "proof.note.mean",
        "proof.note.logits",
    )
    return b.proof(st, _BCE_ASSUMPTIONS, notes)


def weighted_bce() -> Proof:
    """Binary cross-entropy with ``pos_weight = w``: ``∂ℓ/∂Z = Ŷ(wY + 1 − Y) − wY
    = (Ŷ − Y) + (w − 1)·Y·(Ŷ − 1)``, which is ``Ŷ − Y`` only for ``w = 1``."""
    name = "weighted-bce"
    Z, Y, Yhat, ell, w = sp.symbols("Z Y Yhat l w")
    chk = IndexChecker(functools.partial(_bce_world, weighted=True), seed=name)
    b = _Builder(name, chk, _BCE_NAMES, ("w",))
    distributed = _bce_chain(b, w)
    lhs = Partial(ell, Z)
    collected = sp.collect(sp.expand(_plain(distributed)), Yhat)
    b.step(lhs, _arrange(collected), "proof.collect", var="Ŷ")
    base = InOrder(Yhat, -Y)
    extra = sp.factor(sp.expand(collected - (Yhat - Y)))  # (w − 1)·Y·(Ŷ − 1), SymPy's order
    shown = Times(*sorted(sp.Mul.make_args(extra), key=lambda f: (not f.has(w), f.is_Add)))
    b.step(lhs, InOrder(base, shown), "proof.regroup")
    b.step(InOrder(lhs, Times(-1, base)), shown, "proof.weighted_difference", w="w")
    claim = InOrder(base, Times(w - 1, Y, Yhat - 1))
    st = b.statement(lhs, claim)
    notes = (
        "proof.note.weighted_only_w1",
        "proof.note.mean_weighted",
    )
    assumptions = (
        *_BCE_ASSUMPTIONS,
        "proof.assume.pos_weight",
    )
    return b.proof(st, assumptions, notes)


# ---- softmax + cross-entropy -----------------------------------------------------------------

_CE_NAMES: tuple[NameSpec, ...] = (
    "z",
    "p",
    "y",
    "Z",
    "P",
    "Y",
    "L",
    ("l", "\\ell", "ℓ"),
    ("L_mean", "L_{\\text{mean}}", "L_mean"),
)


def softmax_jacobian_steps(b: _Builder, pb: Any, z: Any, p_def: sp.Expr, total: sp.Expr) -> Any:
    """The steps ``∂p_j/∂z_k`` = quotient rule → Kronecker collapse → through ``p`` →
    ``p_j(𝟙[j = k] − p_k)``, shared by the softmax-CE and softmax-Jacobian proofs; returns the
    last right side."""
    jac = p_def.diff(z[k])
    b.step(Partial(pb[j], z[k]), jac, "proof.quotient_rule_index")
    jac = collapse(jac)
    b.step(Partial(pb[j], z[k]), _arrange(jac), "proof.kronecker_collapse", index="r")
    # e^{z_j} = p_j·Σ_r e^{z_r}: write the Jacobian through p
    through_p = sp.expand(jac.xreplace({sp.exp(z[j]): pb[j] * total, sp.exp(z[k]): pb[k] * total}))
    b.step(Partial(pb[j], z[k]), _arrange(through_p), "proof.through_softmax")
    jac_p = Times(pb[j], InOrder(sp.KroneckerDelta(j, k), -pb[k]))
    b.step(Partial(pb[j], z[k]), jac_p, "proof.factor", factor="p_j")
    return jac_p


def _label_rows(w: World, rows: int, cols: int) -> sp.ImmutableMatrix:
    """Rows of random positive labels that sum to 1 (a one-hot row is the special case)."""
    raw = w.leaf("Y_raw", (rows, cols), (0.05, 1.0))
    return sp.ImmutableMatrix(rows, cols, lambda a, b_: raw[a, b_] / sp.Add(*raw.row(a)))


def _ce_row_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One row: logits ``z``, ``p = softmax(z)``, ``ℓ = CE(p, y)`` from :mod:`derive.lang.ops`."""
    w = World(sizes)
    kk = w.size(K)
    z = w.leaf("z", (1, K))
    y = w.define("y", _label_rows(w, 1, kk))
    ps = w.define("p", sp.ImmutableMatrix(1, kk, ops.softmax_row(list(z))))
    w.define("l", ops.cross_entropy_row(list(ps), list(y)))
    return w


def _ce_batch_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``N`` rows: ``P`` row-wise softmax of ``Z``, ``L = Σ_n CE(P_n, Y_n)``, ``L_mean = L/N``."""
    w = World(sizes)
    n, kk = w.size(N), w.size(K)
    z = w.leaf("Z", (N, K))
    y = w.define("Y", _label_rows(w, n, kk))
    ps = w.define("P", sp.ImmutableMatrix([ops.softmax_row(list(z.row(a))) for a in range(n)]))
    rows = [ops.cross_entropy_row(list(ps.row(a)), list(y.row(a))) for a in range(n)]
    ls = w.define("l", sp.ImmutableMatrix(n, 1, rows))
    total = w.define("L", sp.Add(*ls))
    w.define("L_mean", total / n)
    return w


def softmax_ce() -> Proof:
    """Softmax + cross-entropy: ``∂ℓ/∂z_k = p_k − y_k`` via the softmax Jacobian
    ``∂p_j/∂z_k = p_j(δ_jk − p_k)``; for a batch, ``∂L/∂Z = P − Y``."""
    name = "softmax-ce"
    z, pb, y = (sp.IndexedBase(s) for s in ("z", "p", "y"))
    ell = sp.Symbol("l")
    chk = IndexChecker(_ce_row_world, {K: (2, 4)}, {j: K, k: K}, seed=name)
    b = _Builder(name, chk, _CE_NAMES, ("y", "p"))
    total = sp.Sum(sp.exp(z[r]), (r, 0, K - 1))
    p_def = sp.exp(z[j]) / total
    b.step(pb[j], p_def, "proof.def.softmax")
    l_def = -sp.Sum(y[r] * sp.log(pb[r]), (r, 0, K - 1))
    b.step(
        ell,
        Times(-1, l_def.args[1]) if l_def.could_extract_minus_sign() else l_def,
        "proof.def.ce",
    )
    d_l = l_def.diff(pb[j])
    b.step(Partial(ell, pb[j]), d_l, "proof.differentiate")
    d_l = collapse(d_l)
    b.step(Partial(ell, pb[j]), d_l, "proof.kronecker_collapse", index="r")
    jac_p = softmax_jacobian_steps(b, pb, z, p_def, total)
    lhs = Partial(ell, z[k])
    chain = sp.Sum(Times(Partial(ell, pb[j]), Partial(pb[j], z[k])), (j, 0, K - 1))
    b.step(lhs, chain, "proof.chain_rule", via="p")
    chain = sp.Sum(Times(d_l, jac_p), (j, 0, K - 1))
    b.step(lhs, chain, "proof.substitute")
    cancelled = _plain(chain)  # SymPy cancels p_j / p_j
    b.step(lhs, cancelled, "proof.cancel")
    summed = collapse(cancelled)
    b.step(lhs, _arrange(summed), "proof.kronecker_collapse", index="j")
    rows_one = summed.xreplace({sp.Sum(y[j], (j, 0, K - 1)): sp.Integer(1)})
    b.step(lhs, _positive_first(rows_one), "proof.rows_sum_to_one")
    # the batch mean, entry by entry: (P − Y)/N
    L, L_mean = sp.symbols("L L_mean")
    Zb, Pb, Yb, lb = (sp.IndexedBase(s) for s in ("Z", "P", "Y", "l"))
    rows = IndexChecker(_ce_batch_world, {N: (1, 3), K: (2, 4)}, {q: N, k: K}, seed=f"{name}:rows")
    b.step(L_mean, Times(1 / N, sp.Sum(lb[i], (i, 0, N - 1))), "proof.mean", checker=rows)
    entry = Partial(L_mean, Zb[q, k])
    per_row = sp.Sum(Partial(lb[i], Zb[q, k]), (i, 0, N - 1))
    b.step(entry, Times(1 / N, per_row), "proof.linearity", checker=rows)
    own = sp.Sum(Partial(lb[i], Zb[i, k]) * sp.KroneckerDelta(i, q), (i, 0, N - 1))
    b.step(entry, Times(1 / N, own), "proof.own_row", checker=rows)
    b.step(entry, Times(1 / N, collapse(own)), "proof.kronecker_collapse", checker=rows, index="i")
    b.step(entry, Times(1 / N, InOrder(Pb[q, k], -Yb[q, k])), "proof.substitute", checker=rows)
    # the batch, in matrix form
    batch = IndexChecker(_ce_batch_world, {N: (1, 3), K: (2, 4)}, seed=f"{name}:batch")
    Zm, Pm, Ym = _ms("Z", N, K), _ms("P", N, K), _ms("Y", N, K)
    diff = sp.MatAdd(Pm, -Ym)
    b.step(MatGrad(L_mean, Zm), sp.MatMul(1 / N, diff), "proof.statement", checker=batch)
    st = b.statement(MatGrad(L, Zm), diff, checker=batch)
    assumptions = (
        "proof.assume.softmax",
        "proof.assume.rows_sum_to_one",
        "proof.assume.batch_sum",
    )
    notes = ("proof.note.softmax_fused",)
    return b.proof(st, assumptions, notes)


# ---- mean squared error ----------------------------------------------------------------------

_MSE_NAMES: tuple[NameSpec, ...] = (
    ("yhat", "\\hat{y}", "ŷ"),
    "y",
    "E",
    ("l", "\\ell", "ℓ"),
    ("Yhat", "\\hat{Y}", "Ŷ"),
    "Y",
    "L",
    ("L_half", "L_{\\text{half}}", "L_half"),
    "m",
)


def _mse_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One entry: ``E = ½·mse(ŷ, y)`` and ``ℓ = mse(ŷ, y)`` (:func:`derive.engine.ops.mse_term`)."""
    w = World(sizes)
    yhat, y = w.leaf("yhat"), w.leaf("y")
    w.define("E", sp.Rational(1, 2) * ops.mse_term(yhat, y))
    w.define("l", ops.mse_term(yhat, y))
    return w


def _mse_batch_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``m`` entries: ``L`` = ``F.mse_loss`` (mean of squares), ``L_half`` = half of it."""
    w = World(sizes)
    n = w.size(m)
    yhat, y = w.leaf("Yhat", (m, 1)), w.leaf("Y", (m, 1))
    terms = [ops.mse_term(yhat[a], y[a]) for a in range(n)]
    w.define("L", sp.Add(*terms) / n)
    w.define("L_half", sp.Add(*terms) / (2 * n))
    return w


def mse() -> Proof:
    """``½(ŷ − y)² → ŷ − y``; ``(ŷ − y)² → 2(ŷ − y)``; the mean over ``m`` entries divides by
    ``m``; ``F.mse_loss`` has twice the gradient of the half-MSE hand formula."""
    name = "mse"
    yhat, y, E, ell = sp.symbols("yhat y E l")
    b = _Builder(name, IndexChecker(_mse_world, points=3, seed=name), _MSE_NAMES)
    diff = InOrder(yhat, -y)
    half = sp.Rational(1, 2)
    b.step(E, Times(half, diff**2), "proof.def.half_se")
    u_prime = sp.diff(yhat - y, yhat)  # = 1
    power = Times(half, 2, diff) if u_prime == 1 else Times(half, 2, diff, u_prime)
    b.step(Partial(E, yhat), power, "proof.power_rule", n="2")
    b.step(
        Partial(E, yhat), _arrange(sp.diff(half * ops.mse_term(yhat, y), yhat)), "proof.simplify"
    )
    b.step(ell, diff**2, "proof.def.se")
    b.step(Partial(ell, yhat), Times(2, diff), "proof.power_rule", n="2")
    # the mean over m entries (F.mse_loss) and the half-MSE hand formula
    Yh, Yb = sp.IndexedBase("Yhat"), sp.IndexedBase("Y")
    L, L_half = sp.symbols("L L_half")
    batch = IndexChecker(_mse_batch_world, {m: (1, 4)}, {q: m}, seed=f"{name}:batch")
    sq = sp.Sum(InOrder(Yh[i], -Yb[i]) ** 2, (i, 0, m - 1))
    b.step(L, Times(1 / m, sq), "proof.mean", checker=batch)
    raw = _plain(sq).diff(Yh[q])
    b.step(Partial(L, Yh[q]), Times(1 / m, _arrange(raw)), "proof.differentiate", checker=batch)
    got = collapse(raw) / m
    shown = Times(2 / m, InOrder(Yh[q], -Yb[q]))
    b.step(
        Partial(L, Yh[q]),
        shown if sp.expand(got - _plain(shown)) == 0 else got,
        "proof.kronecker_collapse",
        checker=batch,
        index="i",
    )
    hsq = sp.Sum(Times(half, InOrder(Yh[i], -Yb[i]) ** 2), (i, 0, m - 1))
    b.step(L_half, Times(1 / m, hsq), "proof.mean_half", checker=batch)
    got_h = collapse(_plain(hsq).diff(Yh[q])) / m
    shown_h = Times(1 / m, InOrder(Yh[q], -Yb[q]))
    b.step(
        Partial(L_half, Yh[q]),
        shown_h if sp.expand(got_h - _plain(shown_h)) == 0 else got_h,
        "proof.differentiate",
        checker=batch,
    )
    b.step(Partial(L, Yh[q]), Times(2, Partial(L_half, Yh[q])), "proof.factor_two", checker=batch)
    Yhm, Ym = _ms("Yhat", m, 1), _ms("Y", m, 1)
    st = b.statement(MatGrad(L, Yhm), sp.MatMul(2 / m, sp.MatAdd(Yhm, -Ym)), checker=batch)
    assumptions = ("proof.assume.mse",)
    notes = (
        "proof.note.half_mse",
        "proof.note.sse",
    )
    return b.proof(st, assumptions, notes)
