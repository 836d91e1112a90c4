"""Proofs for element-wise activations (⊙ f'), the derivatives of σ, tanh and ReLU, and the softmax Jacobian."""

from __future__ import annotations

import functools
from collections.abc import Callable

import sympy as sp
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement

from derive.engine.printing import index_text
from derive.lang import ops
from derive.lang.ops import clamp0, clamp0_grad, elu, elu_grad, relu, relu_grad, sigmoid
from derive.proofs.core import (
    Deriv,
    IndexChecker,
    InOrder,
    K,
    M,
    MatGrad,
    N,
    Partial,
    Proof,
    Times,
    World,
    _Builder,
    chain_sum,
    collapse,
    i,
    j,
    k,
    p,
    q,
    r,
)
from derive.proofs.linear import _DELTAS, _ms
from derive.proofs.losses import softmax_jacobian_steps

# ---- element-wise activation -----------------------------------------------------------------

f_ = sp.Function("f")
_ACTIVATIONS: tuple[tuple[str, Callable[[sp.Expr], sp.Expr], str], ...] = (
    ("sigmoid", sigmoid, "σ"),
    ("tanh", sp.tanh, "tanh"),
    ("relu", relu, "ReLU"),
)


def _elementwise_world(
    sizes: dict[sp.Symbol, int], point: int = 0, act: Callable[[sp.Expr], sp.Expr] | None = None
) -> World:
    """``A = f(Z)`` with ``f`` a random cubic (or the activation ``act``), an arbitrary smooth
    loss ``L(A)`` and ``δ_A = ∂L/∂A``."""
    w = World(sizes)
    zs = w.leaf("Z", (N, M))
    fn = act if act is not None else w.random_function("f", f_)
    a = w.define("A", zs.applyfunc(fn))
    loss = w.define("L", w.random_loss(a))
    w.define("dA", a.applyfunc(lambda s: w.partial(loss, s)))
    return w


def _ew(body: Callable[[sp.Symbol], sp.Expr], of: sp.MatrixExpr) -> ElementwiseApplyFunction:
    t = sp.Dummy("t")
    return ElementwiseApplyFunction(sp.Lambda(t, body(t)), of)


def elementwise() -> Proof:
    """``A = f(Z)`` ⇒ ``∂L/∂Z = ∂L/∂A ⊙ f'(Z)``, then ``f = σ, tanh, ReLU`` with the derivative
    SymPy computes from our rules."""
    name = "elementwise"
    Z, A, G = (sp.IndexedBase(s) for s in ("Z", "A", "dA"))
    L = sp.Symbol("L")
    sizes = {N: (1, 3), M: (1, 3)}
    ranges = {i: N, j: M, p: N, q: M}
    chk = IndexChecker(_elementwise_world, sizes, ranges, seed=name)
    b = _Builder(name, chk, ("Z", "A", "L", *_DELTAS), ("dA",))
    a_def = f_(Z[i, j])
    b.step(A[i, j], a_def, "proof.def.activation")
    local = a_def.diff(Z[p, q])
    b.step(Partial(A[i, j], Z[p, q]), local, "proof.differentiate")
    chain = chain_sum(G[i, j] * Partial(A[i, j], Z[p, q]), [(i, N), (j, M)])
    b.step(Partial(L, Z[p, q]), chain, "proof.chain_rule", via="A")
    chain = chain.xreplace({Partial(A[i, j], Z[p, q]): local})
    b.step(Partial(L, Z[p, q]), chain, "proof.substitute")
    entry = collapse(chain)
    b.step(Partial(L, Z[p, q]), entry, "proof.kronecker_collapse", index="i, j")
    Zm, Gm = _ms("Z", N, M), _ms("dA", N, M)
    general = sp.HadamardProduct(Gm, _ew(lambda t: sp.Derivative(f_(t), t), Zm))
    b.step(Partial(L, Z[p, q]), MatrixElement(general, p, q), "proof.hadamard")
    for key, act, shown in _ACTIVATIONS:
        zt = sp.Dummy("z")
        rule = act(zt).diff(zt)  # our fdiff rule (SymPy's own for tanh)
        spec = IndexChecker(
            functools.partial(_elementwise_world, act=act), sizes, ranges, seed=f"{name}:{key}"
        )
        b.step(
            Partial(L, Z[p, q]),
            entry.replace(f_, act).doit(),
            "proof.specialise",
            checker=spec,
            f=shown,
            derivative=index_text(rule.xreplace({zt: sp.Symbol("z")})),
            proof=f"{key}-derivative",
        )
        b.step(
            MatGrad(L, Zm),
            sp.HadamardProduct(Gm, _ew(lambda t, r=rule, z0=zt: r.xreplace({z0: t}), Zm)),
            "proof.hadamard",
            checker=spec,
        )
    st = b.statement(MatGrad(L, Zm), general)
    assumptions = (
        "proof.assume.elementwise",
        "proof.assume.upstream_a",
    )
    notes = ("proof.note.relu_zero",)
    return b.proof(st, assumptions, notes)


# ---- derivatives of the activations ----------------------------------------------------------

_z = sp.Symbol("z")


def _scalar_world(sizes: dict[sp.Symbol, int], point: int = 0, signed: bool = False) -> World:
    """One free variable ``z``; ``signed`` alternates its sign between points (ReLU's two
    branches)."""
    w = World(sizes)
    w.leaf("z", None, ((0.05, 2.0) if point % 2 == 0 else (-2.0, -0.05)) if signed else None)
    return w


def _scalar_checker(name: str, signed: bool = False) -> IndexChecker:
    return IndexChecker(
        functools.partial(_scalar_world, signed=signed), points=6 if signed else 4, seed=name
    )


def sigmoid_derivative() -> Proof:
    """``σ'(z) = σ(z)(1 − σ(z))`` from ``σ(z) = 1/(1 + e^{−z})``."""
    name = "sigmoid-derivative"
    b = _Builder(name, _scalar_checker(name), ("z",))
    s_def = sigmoid(_z).rewrite(sp.exp)  # lang/ops.py: 1/(1 + exp(-z))
    u = 1 / s_def  # 1 + e^{-z}
    b.step(sigmoid(_z), s_def, "proof.def.sigmoid")
    lhs = Deriv(sigmoid(_z), _z)
    # d(1/u) = −u'/u²
    quotient = sp.Mul(-1, sp.Derivative(u, _z), sp.Pow(u, -2), evaluate=False)
    b.step(lhs, quotient, "proof.reciprocal_rule", u=index_text(u))
    inner = quotient.doit()  # e^{-z}/(1 + e^{-z})^2
    b.step(lhs, inner, "proof.differentiate_inner", u=index_text(u), du=index_text(sp.diff(u, _z)))
    ex = sp.exp(-_z)
    split = Times(1 / u, ex / u)
    b.step(lhs, split, "proof.split_fraction")
    # e^{-z}/(1 + e^{-z}) = 1 − 1/(1 + e^{-z})
    rewritten = Times(1 / u, 1 - 1 / u)
    b.step(lhs, rewritten, "proof.add_subtract_one")
    back = (1 / u) * (1 - 1 / u)
    back = back.xreplace({1 / u: sigmoid(_z)})
    b.step(lhs, back, "proof.definition_back", f="σ")
    st = b.statement(lhs, sigmoid(_z).diff(_z), "proof.rule_matches", f="σ")
    return b.proof(st)


def tanh_derivative() -> Proof:
    """``tanh'(z) = 1 − tanh²(z)`` from ``tanh z = (e^z − e^{−z})/(e^z + e^{−z})``."""
    name = "tanh-derivative"
    b = _Builder(name, _scalar_checker(name), ("z",))
    t_def = sp.tanh(_z).rewrite(sp.exp)
    num, den = sp.fraction(t_def)
    b.step(sp.tanh(_z), t_def, "proof.def.tanh")
    lhs = Deriv(sp.tanh(_z), _z)
    dnum, dden = sp.diff(num, _z), sp.diff(den, _z)
    numerator = InOrder(
        sp.Mul(den, dnum, evaluate=False),
        sp.Mul(-1, sp.Mul(num, dden, evaluate=False), evaluate=False),
    )
    quotient = sp.Mul(numerator, sp.Pow(den**2, -1, evaluate=False), evaluate=False)
    b.step(lhs, quotient, "proof.quotient_rule", num=index_text(num), den=index_text(den))
    split = InOrder(1, -(num**2) / den**2)
    b.step(lhs, split, "proof.split_fraction")
    back = split.xreplace({num: sp.tanh(_z) * den})
    b.step(lhs, back, "proof.definition_back", f="tanh")
    st = b.statement(lhs, sp.tanh(_z).diff(_z), "proof.rule_matches", f="tanh")
    return b.proof(st)


def relu_derivative() -> Proof:
    """``ReLU'(z) = 1[z > 0]`` (with PyTorch's ``relu'(0) = 0``)."""
    name = "relu-derivative"
    b = _Builder(name, _scalar_checker(name, signed=True), ("z",))
    r_def = sp.Piecewise((_z, _z > 0), (0, True))
    b.step(relu(_z), r_def, "proof.def.relu")
    lhs = Deriv(relu(_z), _z)
    branches = sp.diff(r_def, _z)
    b.step(lhs, branches, "proof.piecewise_derivative")
    (one, cond), _zero = branches.args
    indicator = (
        relu_grad(cond.lhs) if one == 1 and isinstance(cond, sp.StrictGreaterThan) else branches
    )
    b.step(lhs, indicator, "proof.indicator")
    st = b.statement(lhs, relu(_z).diff(_z), "proof.rule_matches", f="ReLU")
    notes = ("proof.note.relu_zero",)
    return b.proof(st, (), notes)


def clamp_derivative() -> Proof:
    """``clamp(z, min=0)' = 1[z >= 0]`` (PyTorch's clamp passes the gradient at the bound)."""
    name = "clamp-derivative"
    b = _Builder(name, _scalar_checker(name, signed=True), ("z",))
    c_def = sp.Piecewise((_z, _z >= 0), (0, True))
    b.step(clamp0(_z), c_def, "proof.def.clamp")
    lhs = Deriv(clamp0(_z), _z)
    branches = sp.diff(c_def, _z)
    b.step(lhs, branches, "proof.piecewise_derivative")
    (one, cond), _zero = branches.args
    indicator = clamp0_grad(cond.lhs) if one == 1 and isinstance(cond, sp.GreaterThan) else branches
    b.step(lhs, indicator, "proof.indicator.ge")
    st = b.statement(lhs, clamp0(_z).diff(_z), "proof.rule_matches", f="clamp")
    notes = ("proof.note.clamp_zero",)
    return b.proof(st, (), notes)


_alpha = sp.Symbol("alpha")


def _elu_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """``z`` on both sides of 0 (as ReLU's) and any α > 0."""
    w = _scalar_world(sizes, point, signed=True)
    w.leaf("alpha", None, (0.1, 3.0))
    return w


def elu_derivative() -> Proof:
    """``ELU′_α(z) = 1`` for ``z > 0``, ``α·e^z`` otherwise (PyTorch's α at 0)."""
    name = "elu-derivative"
    chk = IndexChecker(_elu_world, points=6, seed=name)
    b = _Builder(name, chk, ("z", ("alpha", "\\alpha", "α")))
    e_def = sp.Piecewise((_z, _z > 0), (_alpha * (sp.exp(_z) - 1), True))
    b.step(elu(_z, _alpha), e_def, "proof.def.elu")
    lhs = Deriv(elu(_z, _alpha), _z)
    branches = sp.diff(e_def, _z)
    b.step(lhs, branches, "proof.piecewise_derivative")
    b.step(lhs, elu_grad(_z, _alpha), "proof.elu_slope")
    st = b.statement(lhs, elu(_z, _alpha).diff(_z), "proof.rule_matches", f="ELU")
    return b.proof(st, (), ("proof.note.elu_zero",))


# ---- the softmax Jacobian with any upstream gradient (builtins) --------------------------------


def _softmax_world(sizes: dict[sp.Symbol, int], point: int = 0) -> World:
    """One row: ``p = softmax(z)``, an arbitrary smooth loss ``L(p)`` and ``g = ∂L/∂p``."""
    w = World(sizes)
    kk = w.size(K)
    z = w.leaf("z", (1, K))
    ps = w.define("p", sp.ImmutableMatrix(1, kk, ops.softmax_row(list(z))))
    loss = w.define("L", w.random_loss(ps))
    w.define("g", ps.applyfunc(lambda s: w.partial(loss, s)))
    return w


def softmax_jacobian() -> Proof:
    """Row-wise softmax with any upstream gradient ``g = ∂L/∂p``: the Jacobian
    ``∂p_j/∂z_k = p_j(δ_jk − p_k)`` and ``∂L/∂z_k = p_k (g_k − Σ_j g_j p_j)``, i.e.
    ``δ_Z = P ⊙ (δ_P − (δ_P ⊙ P) 𝟙)`` row by row (attention's scores, any loss)."""
    name = "softmax-jacobian"
    z, pb, gb = (sp.IndexedBase(s) for s in ("z", "p", "g"))
    L = sp.Symbol("L")
    chk = IndexChecker(_softmax_world, {K: (2, 4)}, {j: K, k: K}, seed=name)
    b = _Builder(name, chk, ("z", "p", "g", "L"), ("g", "p"))
    total = sp.Sum(sp.exp(z[r]), (r, 0, K - 1))
    p_def = sp.exp(z[j]) / total
    b.step(pb[j], p_def, "proof.def.softmax")
    jac_p = softmax_jacobian_steps(b, pb, z, p_def, total)
    lhs = Partial(L, z[k])
    b.step(
        lhs,
        sp.Sum(Times(Partial(L, pb[j]), Partial(pb[j], z[k])), (j, 0, K - 1)),
        "proof.chain_rule",
        via="p",
    )
    chain = sp.Sum(Times(gb[j], jac_p), (j, 0, K - 1))
    b.step(lhs, chain, "proof.substitute")
    weighted = sp.Sum(Times(gb[j], pb[j]), (j, 0, K - 1))
    b.step(
        lhs,
        InOrder(Times(gb[k], pb[k]), -Times(pb[k], weighted)),
        "proof.kronecker_collapse",
        index="j",
    )
    result = Times(pb[k], InOrder(gb[k], -weighted))
    b.step(lhs, result, "proof.softmax_vjp")
    st = b.statement(lhs, result)
    assumptions = ("proof.assume.softmax_row", "proof.assume.softmax_upstream")
    notes = ("proof.note.softmax_matrix", "proof.note.softmax_ce_special")
    return b.proof(st, assumptions, notes)
