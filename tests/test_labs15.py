"""Exercise variants of held-out networks (issue 12 item 7, labs15 sweep): each fix shown on a
variant of the spec that failed — other sizes, names and values — with the variants built for
real and every answer-key question graded by the checker (``derive grade``'s API)."""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction
from pathlib import Path

import pytest

from derive.lang import spec
from derive.render import build as builder
from derive.render import exercises as E
from derive.render import grading

pytestmark = pytest.mark.slow  # builds variants and grades them

SEED = 7


def _variants(tmp_path: Path, text: str, variant: str = "1-2") -> tuple[Path, dict[int, dict]]:
    """Build ``-f exercises --variant …`` of ``text`` in en and zh; the folder of the network
    and each variant's answer key."""
    path = tmp_path / "net.toml"
    path.write_text(text, "utf-8")
    builder.build(builder.plan([str(path)], ["exercises"], ["en,zh"], tmp_path / "out",
                               variant=variant, seed=SEED))
    s = spec.load(str(path))
    base = tmp_path / "out" / s.name / f"seed-{SEED}"
    keys = {
        int(p.parent.name.split("-")[1]): json.loads(p.read_text("utf-8"))
        for p in base.glob("variant-*/answers.json")
    }
    return base, keys


def _key_is_right(key: dict, spec_path: Path, ids: set[str] | None = None) -> None:
    """Every key answer (or those of ``ids``) is graded correct against its own variant."""
    for q in key["questions"]:
        if ids is None or q["id"] in ids:
            r = grading.grade(key, q["id"], q["expected"], spec=str(spec_path))
            assert r.verdict == "correct", (q["id"], q["expected"][:200], r.verdict, r.diagnoses)


def _sheets(base: Path, variant: int, name: str) -> dict[str, str]:
    return {lg: (base / f"variant-{variant}/{lg}/{name}.md").read_text("utf-8") for lg in ("en", "zh")}


# ---- a gradient whose formula holds at the example's sizes only -----------------------------

# hn11_barlow_twins' torch.diagonal(c), here of a 3 × 3 cross-correlation of other names: the
# reader writes the diagonal as 3 blocks, so ∂L/∂C's formula is one of these sizes only
DIAGONAL = """
[network]
name = "diag-corr"
[dims]
B = 3
F = 2
K = 3
[inputs]
ua = ["B", "F"]
ub = ["B", "F"]
[params]
P = ["F", "K"]
[forward]
ha = "ua @ P"
hb = "ub @ P"
C = "ha.T @ hb / B"
on = "((torch.diagonal(C) - 1) ** 2).sum()"
off = "(C ** 2).sum() - (torch.diagonal(C) ** 2).sum()"
loss = "on + 0.01 * off"
"""


def test_a_formula_of_the_example_sizes_only_is_not_asked_and_the_sheet_says_why(
    tmp_path: Path,
) -> None:
    assert E.sized(spec.parse(DIAGONAL.replace('"diag-corr"', '"x"'))) == ()  # no file to reread
    path = tmp_path / "net.toml"
    path.write_text(DIAGONAL, "utf-8")
    assert E.sized(spec.load(str(path))) == ("C",)
    base, keys = _variants(tmp_path, DIAGONAL, "2")
    ids = [q["id"] for q in keys[2]["questions"]]
    assert "backward.C" not in ids and "backward.ha" in ids and "numbers.P[0,0]" in ids
    sheets = _sheets(base, 2, "exercises")
    assert "no formula is graded for it" in sheets["en"]
    assert "不评判它的公式" in sheets["zh"]
    assert sheets["en"].count("no formula is graded") == 1  # only ∂L/∂C's item
    _key_is_right(keys[2], path)  # every question still asked is right at other sizes too


def test_a_network_written_for_any_size_asks_every_formula(tmp_path: Path) -> None:
    """Slices with bounds of [dims] names and reductions move with the sizes: nothing held back."""
    text = """
[network]
name = "gates"
[dims]
n = 2
h = 2
[inputs]
x = ["n", 3]
[params]
W = [3, "4*h"]
[forward]
z = "x @ W"
a = "torch.sigmoid(z[:, :h]) * torch.tanh(z[:, h:2*h]) + z[:, 2*h:3*h] * z[:, 3*h:]"
L = "(a ** 2).mean()"
"""
    path = tmp_path / "gates.toml"
    path.write_text(text, "utf-8")
    assert E.sized(spec.load(str(path))) == ()


# ---- a mask among the inputs -------------------------------------------------------------------

# hn10_attn_pad_mask with 4 tokens and a causal mask of its own: a variant's mask was drawn
# from ±0.5…±2 like any input, so (1 - mask) * -1e9 moved every score by ±1e9
MASKED = """
[network]
name = "causal-head"
[dims]
T = 4
e = 2
[inputs]
H = ["T", "e"]
keep = ["T", "T"]
tgt = ["T", "e"]
[params]
Aq = ["e", "e"]
Ak = ["e", "e"]
[forward]
s = "(H @ Aq) @ (H @ Ak).T / math.sqrt(e)"
sm = "s + (1.0 - keep) * -1e9"
p = "torch.softmax(sm, dim=1)"
o = "p @ H"
loss = "((o - tgt) ** 2).mean()"
[values]
keep = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
"""


def test_a_mask_stays_a_mask_hiding_as_much_in_every_variant(tmp_path: Path) -> None:
    base, keys = _variants(tmp_path, MASKED, "1-2")
    given = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
    for v in (1, 2):
        mask = [[Fraction(x) for x in row] for row in keys[v]["values"]["keep"]]
        assert all(x in (0, 1) for row in mask for x in row), mask
        assert [sum(row) for row in mask] == [sum(row) for row in given]  # as many hidden
    assert keys[1]["values"] != keys[2]["values"]
    _key_is_right(keys[2], tmp_path / "net.toml", {q["id"] for q in keys[2]["questions"]
                                                   if q["kind"] == "value"})


# ---- inputs that must stay positive ----------------------------------------------------------

# hn13_glove_weighted's co-occurrence counts under a log and a fractional power: other sizes,
# names and constants; the counts were drawn from ±0.5…±2 (500 draws, none finite)
POSITIVE = """
[network]
name = "glove-like"
[dims]
V = 2
d = 3
[inputs]
counts = ["V", "V"]
[params]
U = ["V", "d"]
Ut = ["V", "d"]
[constants]
cap = 5
a = 0.5
[forward]
wt = "np.minimum((counts / cap) ** a, 1)"
pred = "U @ Ut.T"
J = "np.sum(wt * (pred - np.log(counts)) ** 2)"
[values]
counts = [[4, 1], [1, 9]]
"""


def test_inputs_given_positive_are_drawn_positive(tmp_path: Path) -> None:
    s = spec.parse(POSITIVE)
    values = E.variant_values(s, 1, SEED)
    assert all(x > 0 for row in values["counts"] for x in row)
    base, keys = _variants(tmp_path, POSITIVE, "1")
    assert keys[1]["values"]["counts"] != [["4", "1"], ["1", "9"]]
    _key_is_right(keys[1], tmp_path / "net.toml",
                  {q["id"] for q in keys[1]["questions"] if q["kind"] == "value"})


# ---- entries equal by the network's structure ----------------------------------------------

# hn8_t_of_row_sum: the output's columns summed, so every column of ∂L/∂W is the same at every
# draw; that was refused as a coincidence (two entries a swapped index would confuse), always
ROWSUM = """
[network]
name = "row-sum-fit"
[dims]
m = 3
p = 2
q = 3
[inputs]
A = ["m", "p"]
t = ["m"]
[params]
M = ["p", "q"]
[forward]
r = "(A @ M).sum(1).T"
loss = "((r - t) ** 2).sum()"
"""


def test_entries_equal_at_every_draw_do_not_refuse_a_variant(tmp_path: Path) -> None:
    s = spec.parse(ROWSUM)
    d = E.base_derivation(s)
    values = E.variant_values(s, 1, SEED, d)
    assert not E._unfit(d, values)
    # a coincidence is still refused: a draw whose two columns of A are equal makes the rows
    # of ∂L/∂M equal, so the asked ∂L/∂M[0,0] is ∂L/∂M[1,0]
    same = tuple((row[0], row[0]) for row in values["A"])
    assert E._unfit(d, {**values, "A": same})


# ---- a clamp that cannot mask ------------------------------------------------------------------

# hn15_arcface's sine = sqrt(clamp(1 - cos², 0, 1)): 1 - cos² is in [0, 1] at any values, so
# "every ReLU masks something" refused all 500 draws
NEVER_MASKS = """
[network]
name = "margin-sine"
[dims]
n = 2
d = 3
[inputs]
X = ["n", "d"]
[params]
W = ["d", "n"]
[forward]
cosv = "torch.tanh(X @ W)"
sine = "torch.sqrt((1.0 - cosv ** 2).clamp(0, 1))"
loss = "(sine * cosv).sum()"
"""


def test_a_clamp_that_never_masks_keeps_a_variant_and_the_solutions_say_so(tmp_path: Path) -> None:
    base, keys = _variants(tmp_path, NEVER_MASKS, "1")
    sol = _sheets(base, 1, "solutions")
    assert "masks nothing at any of the values drawn for this variant" in sol["en"]
    assert "都什么也没有屏蔽" in sol["zh"]
    _key_is_right(keys[1], tmp_path / "net.toml",
                  {q["id"] for q in keys[1]["questions"] if q["kind"] == "value"})


# ---- a gradient that is 0 in every entry -----------------------------------------------------

# a bias added before centring (batch norm's mean): its gradient is exactly 0 at any values
CENTRED = """
[network]
name = "centred-bias"
[dims]
N = 3
k = 2
[inputs]
Xc = ["N", 2]
Yc = ["N", "k"]
[params]
V = [2, "k"]
c = [1, "k"]
[forward]
z = "Xc @ V + c"
zc = "z - z.mean(0)"
loss = "((zc - Yc) ** 2).mean()"
"""


def test_a_gradient_zero_everywhere_is_not_asked_and_the_sheet_says_so(tmp_path: Path) -> None:
    base, keys = _variants(tmp_path, CENTRED, "1")
    ids = [q["id"] for q in keys[1]["questions"]]
    assert not any(i.startswith("numbers.c[") for i in ids)
    assert any(i.startswith("numbers.V[") for i in ids)
    sheet, sol = _sheets(base, 1, "exercises"), _sheets(base, 1, "solutions")
    assert "every entry of the gradient with respect to $c$ is 0" in sheet["en"]
    assert "every entry of the gradient with respect to $c$ is 0" in sol["en"]
    assert "关于 $c$ 的梯度每个元素都是 0" in sheet["zh"]


def test_a_gradient_zero_at_one_draw_only_is_drawn_again(tmp_path: Path) -> None:
    """hn8_axis0_of_row_sums_times_w: ∂L/∂W is 0 where the drawn w sums to 0 — two variants
    asked the same all-zero numbers. A variant now draws again."""
    text = """
[network]
name = "colsum-scale"
[dims]
n = 3
d = 2
[inputs]
Z = ["n", "d"]
[params]
W = ["d", "d"]
u = [1, 2]
[forward]
h = "(Z @ W).sum(0, keepdims=True) * u.sum()"
loss = "(h ** 2).sum() / 2"
"""
    s = spec.parse(text)
    d = E.base_derivation(s)
    zero_u = {**E.variant_values(s, 1, SEED, d), "u": ((Fraction(3, 10), Fraction(-3, 10)),)}
    assert E.zero_gradients(d, zero_u) == ["W", "u"]  # h = 0: both
    for v in (1, 2, 3):
        assert E.zero_gradients(d, E.variant_values(s, v, SEED, d)) == []


# ---- a target that is a distribution -------------------------------------------------------

# hn15_kl_div_zero_target's soft targets (rows of probabilities, some 0): drawn from ±0.5…±2 like
# any input, so log(target) was nan at every draw; other sizes, names and a sum reduction here
SOFT_TARGET = """
[network]
name = "kl-soft"
[dims]
b = 2
f = 3
k = 4
[inputs]
F0 = ["b", "f"]
q = ["b", "k"]
[params]
R = ["f", "k"]
[forward]
s = "F0 @ R"
loss = "F.kl_div(F.log_softmax(s, dim=1), q, reduction='sum')"
[values]
q = [[0.5, 0.5, 0.0, 0.0], [0.1, 0.2, 0.3, 0.4]]
"""


def test_a_distribution_stays_a_distribution_in_every_variant(tmp_path: Path) -> None:
    base, keys = _variants(tmp_path, SOFT_TARGET, "1-2")
    for v in (1, 2):
        q = [[Fraction(x) for x in row] for row in keys[v]["values"]["q"]]
        assert all(sum(row) == 1 and min(row) >= 0 for row in q), q
    assert keys[1]["values"]["q"] != keys[2]["values"]["q"]
    _key_is_right(keys[2], tmp_path / "net.toml",
                  {q["id"] for q in keys[2]["questions"] if q["kind"] == "value"})


def test_values_derive_made_up_are_not_read_as_a_kind() -> None:
    """An input without given values (derive drew them) is drawn as any input, even where the
    made-up values happen to be all positive or 0s and 1s."""
    s = spec.parse(ROWSUM)
    assert "A" in s.generated
    positive = ((Fraction(1), Fraction(2)),) * 3
    assert E._input_kind(s, "A") == "input"
    assert E._input_kind(dataclasses.replace(s, values={**s.values, "A": positive}), "A") == "input"
    given = dataclasses.replace(s, values={**s.values, "A": positive}, generated=())
    assert E._input_kind(given, "A") == "positive"


# ---- a block of ones whose row count is a size expression ---------------------------------

# hn15_protonet_cdist: prototypes as means of zs[:2] and zs[2:]; ∂L/∂zs spreads each mean's
# gradient over its rows with a block of ones printed np.ones((2, e)) for both, the second
# one's rows (n_s - 2) written as the example's number: wrong code at any other n_s
PROTOS = """
[network]
name = "proto-means"
[dims]
ns = 5
nq = 2
f = 2
g = 3
[inputs]
S = ["ns", "f"]
Q = ["nq", "f"]
lab = ["nq"]
[params]
M = ["f", "g"]
[forward]
zs = "S @ M"
zq = "Q @ M"
protos = "torch.cat([zs[:2].mean(0, keepdim=True), zs[2:].mean(0, keepdim=True)])"
dists = "torch.cdist(zq, protos) ** 2"
loss = "F.cross_entropy(-dists, lab)"
[values]
lab = [1, 0]
"""


def test_a_block_of_ones_prints_its_size_expression_and_runs_at_other_sizes() -> None:
    import numpy as np

    from derive.numeric import verify as numeric

    d = E.base_derivation(spec.parse(PROTOS))
    visit = next(v for v in d.backward if v.name == "zs")
    code = visit.formula.code()
    assert "np.ones((ns - 2, g))" in code, code
    # the printed code at other sizes is the derivation's own rule there
    sizes = {"ns": 7, "nq": 3, "f": 4, "g": 5}
    point = numeric.random_point(d.graph, 3, sizes, strict=True)
    env = numeric.forward_numeric(d, point, sizes)
    scal = numeric.scalar_values(d.graph, sizes)
    dprotos = np.random.default_rng(0).normal(size=env["protos"].shape)
    env["dprotos"] = dprotos
    ours = np.asarray(visit.formula.numeric(env, scal), float)
    printed = eval(code, {"np": np}, {"dprotos": dprotos, **sizes})  # noqa: S307 — our own code
    assert printed.shape == (7, 5)
    np.testing.assert_allclose(printed, ours)


# ---- an asked entry that is exactly 0 --------------------------------------------------------

# hn15_densenet_block / hn15_wgan_critic: ∂L/∂W1[0,0] asked where hidden unit 0 is dead (0 at
# every example), so a sign-flipped answer "equals the exact value 0.0"
DEAD = """
[network]
name = "two-relu"
[dims]
n = 3
[inputs]
Xd = ["n", 2]
yd = ["n", 1]
[params]
V1 = [2, 3]
V2 = [3, 1]
[forward]
h = "torch.relu(Xd @ V1)"
out = "h @ V2"
loss = "((out - yd) ** 2).mean()"
"""


def test_a_variant_draws_around_an_asked_entry_that_is_exactly_zero() -> None:
    s = spec.parse(DEAD)
    d = E.base_derivation(s)
    values = E.variant_values(s, 1, SEED, d)
    # hidden unit 0 dead at every example (positive inputs, a negative column of V1), units
    # 1 and 2 alive
    rows = tuple((abs(a), abs(b)) for a, b in values["Xd"])
    half = Fraction(1, 2)
    dead = {**values, "Xd": rows, "V1": ((-half, half, half), (-half, half, half))}
    assert E._zeros(d, dead) == ([], True)
    for v in (1, 2, 3, 4):
        assert E._zeros(d, E.variant_values(s, v, SEED, d)) == ([], False)
