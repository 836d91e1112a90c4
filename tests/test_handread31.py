"""Handouts a lecturer hands out unchanged, pass 31 (issue 12): an unrolled recurrence whose
first step writes the gate inside another formula.

A GRU's first step with ``h₀ = 0`` is often written without its reset-gate node, the gate
inlined: ``n₁ = tanh(x₁W_n + σ(x₁W_r) ⊙ b_n)``. The gradient of ``W_r`` then has one path
through ``r_t`` at the later steps and one through ``n₁``; before this pass that shared weight
was written path by path (two families, no ``Σ_t``). Now the path through ``n₁`` is PROVEN to
be the later steps' term at ``t = 1`` with the gate's own formula there (``r₁ = σ(x₁W_r + h₀U_r)``,
``δr₁`` likewise, ``h₀ = 0``), and the gradient is written once as ``Σ_t``; the handout shows
the gate and its gradient at that step. Specs written here (held out); a guard whose step 1 is
NOT a special case of the later steps keeps its paths."""

from __future__ import annotations

import functools

import mpmath
from test_handread25 import _md, _section

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.proofs import shared_proofs
from derive.walkthrough import context as ctx
from derive.walkthrough import recur

# held out: a one-layer GRU over three steps, other names and sizes than any course spec; its
# first step (s₀ = 0) written as a lecture does, the reset gate inside the candidate
GRU3 = """
[network]
name = "held-gru-three-steps"
[dims]
B = 2
D = 3
H = 2
[inputs]
a1 = ["B", "D"]
a2 = ["B", "D"]
a3 = ["B", "D"]
y = ["B", 1]
[params]
Wz = ["D", "H"]
Uz = ["H", "H"]
Wr = ["D", "H"]
Ur = ["H", "H"]
Wn = ["D", "H"]
Un = ["H", "H"]
bn = ["H"]
v = ["H", 1]
[forward]
z1 = "torch.sigmoid(a1 @ Wz)"
n1 = "torch.tanh(a1 @ Wn + torch.sigmoid(a1 @ Wr) * bn)"
s1 = "(1 - z1) * n1"
z2 = "torch.sigmoid(a2 @ Wz + s1 @ Uz)"
r2 = "torch.sigmoid(a2 @ Wr + s1 @ Ur)"
n2 = "torch.tanh(a2 @ Wn + r2 * (s1 @ Un + bn))"
s2 = "(1 - z2) * n2 + z2 * s1"
z3 = "torch.sigmoid(a3 @ Wz + s2 @ Uz)"
r3 = "torch.sigmoid(a3 @ Wr + s2 @ Ur)"
n3 = "torch.tanh(a3 @ Wn + r3 * (s2 @ Un + bn))"
s3 = "(1 - z3) * n3 + z3 * s2"
loss = "F.mse_loss(s3 @ v, y)"
"""

# guard: the same, but step 1's inlined gate reads Wz where the later steps' reset gate reads
# Wr — step 1 is not the later steps' formula at t = 1, so no Σ_t may claim it
NOT_SPECIAL = GRU3.replace(
    'n1 = "torch.tanh(a1 @ Wn + torch.sigmoid(a1 @ Wr) * bn)"',
    'n1 = "torch.tanh(a1 @ Wn + torch.sigmoid(a1 @ Wr + a1 @ Wz) * bn)"',
).replace("held-gru-three-steps", "held-gru-not-special")


@functools.cache
def _derivation(source: str):
    return derive(spec.parse(source))


@functools.cache
def _walkthrough(source: str):
    d = _derivation(source)
    return ctx.build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")


def _item(source: str, name: str):
    return next(b for b in _walkthrough(source).backward if b.name == name)


def test_a_weight_read_by_an_inlined_gate_is_one_sum_over_t() -> None:
    """∂W_r: three paths (r₃, r₂ and the gate inside n₁) as one Σ_{t=1}^{3}, each path and the
    total proven, the gate and its gradient at t = 1 shown, s₀ = 0 named."""
    b = _item(GRU3, "Wr")
    a = b.at_step
    assert a is not None and a.t == 0, "∂W_r is not written as a sum over t"
    assert "\\sum_{t=1}^{3}" in a.generic.rhs
    assert len(a.proofs) == 4  # three paths and their sum
    assert all(p.rule in ("time-step", "time-sum") for p in a.proofs)
    gate = str(a.gate)
    assert gate.count("=") == 2  # r at t = 1 and its gradient there
    assert "r_{1}" in gate and "\\delta_{r_{1}}" in gate and "s_{0}" in gate
    assert "s_{0} = 0" in str(a.zero)


def test_the_gate_at_t1_is_an_identity_at_the_examples_values() -> None:
    """Independent of the handout: the path through n₁ equals the r-path's formula moved to
    t = 1 (r₁ and δr₁ from their formulas at t = 2, s₀ = 0) at the example values, to 25
    digits, and the moved formula is not trivially the same tree (it holds a zero state)."""
    d = _derivation(GRU3)
    time = recur._time(d)
    assert time is not None
    v = next(x for x in d.backward if x.name == "Wr")
    by = {c.source: c.step.rhs.value for c in v.contributions}
    zeros: list = []
    gates: list = []
    moved = time.rename(by["r2"], -1, zeros, gates)
    assert {g[0] for g in gates} == {"r2"} and {g[2] for g in gates} == {"value", "grad"}
    assert zeros and all(z.name == "s1" and k == 0 for z, k in zeros)
    from derive.numeric.example import Example, as_mpf

    e = Example(d)
    got = by["n1"].evaluate(lambda x: as_mpf(e.value(x)))
    want = moved.evaluate(lambda x: as_mpf(e.value(x)))
    flat = [(x, y) for ra, rb in zip(got, want, strict=True) for x, y in zip(ra, rb, strict=True)]
    assert any(abs(x) > mpmath.mpf(10) ** -6 for x, _ in flat)  # not all zero
    assert all(abs(x - y) < mpmath.mpf(10) ** -25 for x, y in flat)


def test_the_handout_shows_the_sum_and_the_gate_en_zh() -> None:
    for lang, words in (("en", "writes the gate inside another formula"), ("zh", "把门直接写在另一个公式里（没有单独的节点）")):
        sec = _section(_md(GRU3, lang), "\\partial W_{r}")
        assert "\\sum_{t=1}^{3}" in sec
        assert words in sec
        assert "r_{1} = \\sigma" in sec and "\\quad \\delta_{r_{1}}" in sec
        # written once as Σ: no "through" lead-in and shape table per path
        assert "| Tensor | Shape |" not in sec and "| 张量 | 形状 |" not in sec


def test_a_first_step_that_is_not_a_special_case_keeps_its_paths() -> None:
    """Guard: step 1's gate reads W_z as well; no Σ_t with a gate may be claimed for W_r."""
    b = _item(NOT_SPECIAL, "Wr")
    assert b.at_step is None or not b.at_step.gate
    sec = _section(_md(NOT_SPECIAL), "\\partial W_{r}")
    assert "writes the gate inside another formula" not in sec


# ---- handread30's leftovers: group lasso's row lengths, a symmetric pair, descent moves
# parameters -----------------------------------------------------------------------------------

# held out: a linear scorer with an L2,1 (group) penalty on the rows of its weight, written
# with torch's sum(dim=1)
ROW_GROUPS = """
[network]
name = "held-row-groups"
[dims]
m = 3
d = 4
k = 2
[inputs]
X = ["m", "d"]
Y = ["m", "k"]
[params]
V = ["d", "k"]
[constants]
mu = 0.1
[forward]
P = "X @ V"
fit = "((P - Y) ** 2).mean()"
rows = "torch.sqrt((V ** 2).sum(dim=1)).sum()"
loss = "fit + mu * rows"
"""

# guard: the same with a plain squared penalty (no √): the square's words stay
SQUARED = ROW_GROUPS.replace(
    'rows = "torch.sqrt((V ** 2).sum(dim=1)).sum()"', 'rows = "(V ** 2).sum()"'
).replace("held-row-groups", "held-squared-penalty")

# held out: two towers sharing weights, scored by a contrastive loss of their squared distance
# (the loss line reads the pair itself)
PAIR = """
[network]
name = "held-contrastive-pair"
[dims]
n = 3
d = 2
k = 2
[inputs]
u = ["n", "d"]
v = ["n", "d"]
same = ["n", 1]
[params]
A = ["d", "k"]
[forward]
f = "torch.sigmoid(u @ A)"
g = "torch.sigmoid(v @ A)"
loss = "(same * ((f - g) ** 2).sum(dim=1, keepdim=True) + (1 - same) * F.relu(1 - ((f - g) ** 2).sum(dim=1, keepdim=True))).mean()"
[values]
same = [[1.0], [0.0], [1.0]]
"""

# guard: the pair weighted unequally — not symmetric
UNEQUAL = PAIR.replace("(f - g)", "(f - 2 * g)").replace("held-contrastive-pair", "held-unequal-pair")


def _words(md: str, symbol: str) -> str:
    sec = _section(md, symbol)
    return next((p for p in sec.split("\n\n") if p.startswith(("**In words.**", "**这一步在做什么**"))), "")


def test_a_row_length_penalty_is_one_unit_vector_per_row_en_zh() -> None:
    en = _words(_md(ROW_GROUPS), "\\partial V}")
    assert "through the length" in en and "w / \\lVert w \\rVert" in en
    assert "furthest from zero" not in en and "magnify the blame" not in en
    zh = _words(_md(ROW_GROUPS, "zh"), "\\partial V}")
    assert "每一行 $w$ 的长度" in zh and "离零越远" not in zh


def test_a_squared_penalty_keeps_the_squares_words() -> None:
    en = _words(_md(SQUARED), "\\partial V}")
    assert "furthest from zero" in en and "through the length" not in en


def test_a_symmetric_pair_names_the_swap_once_en_zh() -> None:
    md = _md(PAIR)
    said = [_words(md, s) for s in ("\\delta_{g}", "\\delta_{f}")]
    assert sum("swapping the two leaves it unchanged" in w for w in said) == 1
    assert "swapping" in (said[0] + said[1])
    zh = _md(PAIR, "zh")
    assert "交换二者损失不变" in zh


def test_an_unequal_pair_is_not_called_symmetric() -> None:
    assert "swapping the two leaves it unchanged" not in _md(UNEQUAL)


def test_descent_moves_the_parameters_of_a_computed_node_en_zh() -> None:
    """δrows = 0.1 > 0 of the penalty node: not "gradient descent will push it down" as if the
    node were moved; a parameter's own sentence is unchanged (tests/test_build: output/)."""
    en = _words(_md(ROW_GROUPS), "\\delta_{\\mathrm{rows}}")
    assert "gradient descent, through the parameters, will push it down" in en
    zh = _words(_md(ROW_GROUPS, "zh"), "\\delta_{\\mathrm{rows}}")
    assert "调整产生它的参数" in zh
