"""Zero / symmetric initialisation: identical hidden units stay identical."""

from __future__ import annotations

import functools

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from derive.engine.printing import name_tex
from derive.lang import ops
from derive.lang.ops import sigmoid
from derive.proofs.core import (
    IndexChecker,
    InOrder,
    MatGrad,
    NameSpec,
    Proof,
    Times,
    World,
    _Builder,
)
from derive.proofs.linear import _ms
from derive.proofs.losses import _arrange

# ---- zero / symmetric initialisation ---------------------------------------------------------

_ZI_BATCH, _ZI_INPUTS, _ZI_HIDDEN = 2, 2, 3


def _entry_names(name: str, tex: str, text: str, rows: int, cols: int) -> list[NameSpec]:
    """Display names ``x_{11}`` / ``x[1,1]`` for the entry symbols ``X[0,0]`` of a world."""
    out: list[NameSpec] = []
    for a in range(rows):
        for b_ in range(cols):
            sub = f"{a + 1}{b_ + 1}" if cols > 1 else f"{a + 1}"
            out.append((f"{name}[{a},{b_}]", f"{tex}_{{{sub}}}", f"{text}{sub}"))
    return out


def _zero_init_world(sizes: dict[sp.Symbol, int], point: int = 0, zero: bool = False) -> World:
    """2 examples, 2 inputs, 3 tanh hidden units, a sigmoid output and mean BCE. The hidden
    units start identical: every column of ``W1`` is ``(u1, u2)``, every entry of ``b1`` is
    ``c`` and of ``W2`` is ``v`` — or all of them 0 (``zero=True``)."""
    w = World(sizes)
    nb, ni, nh = _ZI_BATCH, _ZI_INPUTS, _ZI_HIDDEN
    x = w.leaf("X", (nb, ni))
    y = w.leaf("Y", (nb, 1), (0.05, 0.95))
    u = [sp.Integer(0)] * ni if zero else [w.leaf(f"u{a + 1}") for a in range(ni)]
    c_, v = (sp.Integer(0), sp.Integer(0)) if zero else (w.leaf("c"), w.leaf("v"))
    b2 = w.leaf("b2", (1, 1))
    w1 = w.define("W1", sp.Matrix(ni, nh, lambda a, _h: u[a]))
    b1 = w.define("b1", sp.Matrix(1, nh, lambda _r, _h: c_))
    w2 = w.define("W2", sp.Matrix(nh, 1, lambda _h, _c: v))
    ones = sp.ones(nb, 1)
    z1 = w.define("Z1", x * w1 + ones * b1)
    a1 = w.define("A1", z1.applyfunc(sp.tanh))
    z2 = w.define("Z2", a1 * w2 + ones * b2)
    yhat = w.define("Yhat", z2.applyfunc(sigmoid))
    loss = w.define("L", sp.Add(*(ops.bce_term(yhat[n], y[n]) for n in range(nb))) / nb)
    s_ = w.define("s", x * sp.Matrix(u) + ones * c_)
    w.define("a", s_.applyfunc(sp.tanh))
    w.define("d", z2.applyfunc(lambda e: w.partial(loss, e)))
    w.define("g", sp.Matrix(ni, 1, [w.partial(loss, w1[a, 0]) for a in range(ni)]))
    return w


def zero_init() -> Proof:
    """Identical hidden units get identical gradients, so gradient descent never separates
    them; with all weights 0 (tanh hidden layer) nothing but the output bias learns."""
    name = "zero-init"
    nb, ni, nh = _ZI_BATCH, _ZI_INPUTS, _ZI_HIDDEN
    names: list[NameSpec] = [
        *(f"u{a + 1}" for a in range(ni)),
        "c",
        "v",
        ("eta", "\\eta", "η"),
        "L",
        "X",
        "Y",
        ("W1", name_tex("W1", layer=True), "W1"),
        ("b1", name_tex("b1", layer=True), "b1"),
        ("W2", name_tex("W2", layer=True), "W2"),
        ("b2", name_tex("b2", layer=True), "b2"),
        ("Z1", name_tex("Z1", layer=True), "Z1"),
        ("A1", name_tex("A1", layer=True), "A1"),
        ("Z2", name_tex("Z2", layer=True), "Z2"),
        ("Yhat", "\\hat{Y}", "Ŷ"),
        *_entry_names("X", "x", "x", nb, ni),
        *_entry_names("Y", "y", "y", nb, 1),
        *_entry_names("Yhat", "\\hat{y}", "ŷ", nb, 1),
        ("b2[0,0]", "b^{[2]}", "b2"),
        *_entry_names("s", "s", "s", nb, 1),
        *_entry_names("a", "a", "a", nb, 1),
        *_entry_names("d", "d", "d", nb, 1),
        *_entry_names("g", "g", "g", ni, 1),
    ]
    chk = IndexChecker(_zero_init_world, seed=name)
    zero_chk = IndexChecker(functools.partial(_zero_init_world, zero=True), seed=f"{name}:zero")
    b = _Builder(name, chk, names)

    def ent(base: str, rows: int, cols: int) -> sp.ImmutableMatrix:
        return sp.ImmutableMatrix(rows, cols, lambda a, b_: sp.Symbol(f"{base}[{a},{b_}]"))

    ms = {
        n: _ms(n, r, c_)
        for n, r, c_ in (
            ("W1", ni, nh),
            ("b1", 1, nh),
            ("W2", nh, 1),
            ("b2", 1, 1),
            ("Z1", nb, nh),
            ("A1", nb, nh),
            ("Z2", nb, 1),
            ("X", nb, ni),
            ("s", nb, 1),
            ("a", nb, 1),
        )
    }
    L, eta, c_, v = sp.symbols("L eta c v")
    u = sp.Matrix([sp.Symbol(f"u{a + 1}") for a in range(ni)])
    x, s_, a_, d_, g_ = (
        ent("X", nb, ni),
        ent("s", nb, 1),
        ent("a", nb, 1),
        ent("d", nb, 1),
        ent("g", ni, 1),
    )
    ones = sp.ones(nb, 1)
    w1 = sp.ImmutableMatrix(ni, nh, lambda a, _h: u[a])
    b1 = sp.ImmutableMatrix(1, nh, lambda _r, _h: c_)
    w2 = sp.ImmutableMatrix(nh, 1, lambda _h, _c: v)
    b.step(ms["W1"], w1, "proof.symmetric_init")
    b.step(ms["b1"], b1, "proof.symmetric_init")
    b.step(ms["W2"], w2, "proof.symmetric_init")
    # forward pass: every hidden unit computes the same thing
    s_expr = x * u + ones * c_
    b.step(ms["s"], s_expr, "proof.notation")
    back = {sp.expand(s_expr[n]): s_[n] for n in range(nb)}
    z1 = (x * w1 + ones * b1).applyfunc(lambda e: back.get(sp.expand(e), e))
    b.step(ms["Z1"], z1, "proof.forward_same")
    b.step(ms["a"], s_.applyfunc(sp.tanh), "proof.notation")
    a1 = z1.applyfunc(sp.tanh).xreplace({sp.tanh(s_[n]): a_[n] for n in range(nb)})
    b.step(ms["A1"], a1, "proof.forward_same")
    b2 = sp.ImmutableMatrix([[sp.Symbol("b2[0,0]")]])
    b.step(ms["Z2"], a1 * w2 + ones * b2, "proof.forward_same")
    # backward pass with the proven rules
    yhat, y = ent("Yhat", nb, 1), ent("Y", nb, 1)
    mean_rule = sp.ImmutableMatrix(
        nb, 1, [Times(sp.Rational(1, nb), InOrder(yhat[n], -y[n])) for n in range(nb)]
    )
    b.step(MatGrad(L, ms["Z2"]), mean_rule, "proof.rule", proof="sigmoid-bce")
    b.step(MatGrad(L, ms["Z2"]), d_, "proof.notation")
    d_w2 = a1.T * d_
    b.step(MatGrad(L, ms["W2"]), d_w2, "proof.rule", proof="linear-weight")
    d_a1 = d_ * w2.T
    b.step(MatGrad(L, ms["A1"]), d_a1, "proof.rule", proof="linear-input")
    t = sp.Dummy("t")
    tanh_prime = sp.Lambda(t, sp.tanh(t).diff(t))  # SymPy's rule: 1 − tanh²
    local = z1.applyfunc(lambda e: tanh_prime(e)).xreplace(
        {sp.tanh(s_[n]): a_[n] for n in range(nb)}
    )
    d_z1 = d_a1.multiply_elementwise(local)
    b.step(MatGrad(L, ms["Z1"]), d_z1, "proof.rule", proof="elementwise")
    d_w1 = x.T * d_z1
    b.step(MatGrad(L, ms["W1"]), d_w1, "proof.rule", proof="linear-weight")
    d_b1 = ones.T * d_z1
    b.step(MatGrad(L, ms["b1"]), d_b1, "proof.rule", proof="bias-sum")
    # the symmetry, entry by entry, on the true gradients
    gw1, gw2, gb1 = MatGrad(L, ms["W1"]), MatGrad(L, ms["W2"]), MatGrad(L, ms["b1"])
    for h in range(1, nh):
        b.step(gw1[:, h], gw1[:, 0], "proof.equal_columns", unit=str(h + 1))
    for h in range(1, nh):
        b.step(
            MatrixElement(gw2, h, 0),
            MatrixElement(gw2, 0, 0),
            "proof.equal_entries",
            unit=str(h + 1),
        )
    for h in range(1, nh):
        b.step(
            MatrixElement(gb1, 0, h),
            MatrixElement(gb1, 0, 0),
            "proof.equal_entries",
            unit=str(h + 1),
        )
    b.step(gw1[:, 0], g_, "proof.notation")
    step_w1 = w1 - eta * sp.ImmutableMatrix(ni, nh, lambda a, _h: g_[a])
    b.step(
        sp.MatAdd(ms["W1"], sp.MatMul(-eta, gw1)),
        step_w1.applyfunc(_arrange),
        "proof.gradient_step",
    )
    b.step(
        sp.MatAdd(ms["W2"], sp.MatMul(-eta, gw2)),
        (w2 - eta * d_w2).applyfunc(_arrange),
        "proof.gradient_step",
    )
    # all weights zero
    zero = {**{ui: 0 for ui in u}, c_: 0, v: 0}
    a_zero = {a_[n]: sp.tanh(s_expr[n]).xreplace(zero) for n in range(nb)}
    b.step(gw1, d_w1.xreplace(zero), "proof.zero_w2", checker=zero_chk)
    b.step(gb1, d_b1.xreplace(zero), "proof.zero_w2", checker=zero_chk)
    b.step(gw2, d_w2.xreplace(a_zero), "proof.zero_tanh", checker=zero_chk)
    st = b.statement(
        gw1, sp.ImmutableMatrix(ni, nh, lambda a, _h: g_[a]), "proof.symmetric_gradient"
    )
    assumptions = (
        "proof.assume.zero_init_net",
        "proof.assume.symmetric",
    )
    notes = (
        "proof.note.symmetry_forever",
        "proof.note.zero_stuck",
    )
    return b.proof(st, assumptions, notes)
