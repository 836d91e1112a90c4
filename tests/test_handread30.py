"""Handouts a lecturer hands out unchanged, pass 30 (issue 12): handread29's leftovers.

- a number inside the LAST factor of a Hadamard product of three or more factors stands in
  front (``−2(δ ⊙ T ⊙ ReLU(…)) ⊙ 1[…]``, not ``−δ ⊙ T ⊙ (2 ReLU(…)) ⊙ 1[…]``), in the
  formula and the code; the built-ins (mlp-bce's ``(1/m)(…) ⊙ A ⊙ (1 − A)``, a number in the
  first factor) keep their form (tests/test_build.py's committed output);
- a cross-entropy of logits, ``−Σ target ⊙ log_softmax(logits)``, is not "logits sits in one
  factor of a product": the sentence names the row-wise function and its weights.

Each asserted on built text (Markdown en and zh, the generated code) of specs written here
(held out)."""

from __future__ import annotations

import re

import pytest
from test_handread25 import _listing, _md, _section

from derive.locale.catalog import catalogue

# held out: a masked squared hinge, the mask an input (a three-factor product δ ⊙ M ⊙ ReLU)
MASKED_HINGE = """
[network]
name = "masked-squared-hinge"
[dims]
n = 2
k = 3
[inputs]
x = ["n", "k"]
M = ["n", "k"]
[params]
a = [1, "k"]
[forward]
e = "x * a"
L = "M * F.relu(e - 0.3) ** 2"
loss = "L.mean()"
[values]
x = [[0.9, 0.1, 1.4], [0.5, 2.0, -0.3]]
M = [[1.0, 0.0, 1.0], [1.0, 1.0, 0.0]]
a = [[1.0, 0.5, -0.4]]
"""

# held out: per-example cross-entropies of a linear classifier, averaged through a log
LOG_CE = """
[network]
name = "log-of-cross-entropy"
[dims]
N = 3
d = 2
C = 3
[inputs]
x = ["N", "d"]
label = ["N"]
[params]
V = ["d", "C"]
[forward]
z = "x @ V"
ce = "F.cross_entropy(z, label, reduction='none')"
loss = "torch.log(1 + ce).mean()"
[values]
x = [[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]
label = [1, 0, 2]
V = [[0.2, -0.4, 0.1], [0.3, 0.6, -0.5]]
"""


# ---- the number of a product's last factor in front ------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_number_of_the_last_factor_stands_in_front(lang: str) -> None:
    md = _md(MASKED_HINGE, lang)
    de = _section(md, "\\delta_{e}")
    formula = de.split("$$", 2)[1]
    assert "\\left(2 \\operatorname{ReLU}" not in formula, formula
    assert formula.split("=", 1)[1].lstrip().startswith("2 \\left("), formula
    code = next(x for x in _listing(md) if x.startswith("de = "))
    assert "(2 * relu(" not in code, code
    assert code.startswith("de = 2 * ("), code


# ---- a cross-entropy's δlogits --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cross_entropy_names_its_weighted_log_softmax(lang: str) -> None:
    md = _md(LOG_CE, lang)
    words = _section(md, "\\delta_{z}").split("$$", 1)[0]
    L = catalogue(lang)["handout_intuition"]
    one_factor = max(re.split(r"\{\{\w+\}\}", L["product.function"]), key=len)
    assert len(one_factor) > 15 and one_factor not in words
    weighted = L["product.rowwise.weighted"]
    assert weighted.split("{{X}}", 1)[1].split("{{F}}", 1)[0] in words  # "the blame reaching"
    assert "\\mathrm{label}" in words and "\\operatorname{softmax}" in words


# held out: a sigmoid embedding trained with F.triplet_margin_loss(margin=0.5, swap=True)
SWAP = """
[network]
name = "sigmoid-triplet-swap"
[dims]
N = 3
d = 2
e = 2
[inputs]
qa = ["N", "d"]
qp = ["N", "d"]
qn = ["N", "d"]
[params]
V = ["d", "e"]
[forward]
ea = "torch.sigmoid(qa @ V)"
ep = "torch.sigmoid(qp @ V)"
en = "torch.sigmoid(qn @ V)"
loss = "F.triplet_margin_loss(ea, ep, en, margin=0.5, swap=True)"
[values]
qa = [[0.5, -1.0], [1.2, 0.3], [-0.7, 0.9]]
qp = [[0.6, -0.8], [1.0, 0.5], [-0.9, 1.1]]
qn = [[-1.1, 0.6], [0.2, -1.4], [0.8, -0.3]]
V = [[0.3, -0.2], [0.1, 0.25]]
"""


# ---- a triplet loss's distances and its swap's min -------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_triplet_embedding_names_its_distances(lang: str) -> None:
    md = _md(SWAP, lang)
    L = catalogue(lang)["handout_intuition"]
    many = max(re.split(r"\{\{\w+\}\}", L["loss.distance.many"]), key=len)
    smaller = max(re.split(r"\{\{\w+\}\}", L["loss.min.abs"]), key=len)
    power = max(re.split(r"\{\{\w+\}\}", L["loss.power"]), key=len)
    pairs = {"en": ("ep", "en"), "ep": ("ea", "en"), "ea": ("ea", "ep")}
    said_min = 0
    for t, (x, y) in pairs.items():
        words = _section(md, f"\\delta_{{\\mathrm{{{t}}}}}").split("$$", 1)[0]
        assert many in words, (t, words)
        # the two differences the tensor is in, and not the third
        assert words.count("\\lVert u \\rVert") >= 2
        diffs = words.split("u = ", 1)[1].split("$", 1)[0]
        assert f"\\mathrm{{{x}}}" in diffs and f"\\mathrm{{{y}}}" in diffs, diffs
        assert diffs.count(" - ") == 2, diffs
        assert power not in words  # the square under a length: its slope u/‖u‖ is said
        said_min += words.count(smaller)
    assert said_min == 1  # the swap's min said once, at the first step


def test_a_triplet_without_swap_has_no_min() -> None:
    words = _section(_md(SWAP.replace(", swap=True", ""), "en"), "\\delta_{\\mathrm{ea}}")
    assert "the loss takes the smaller" not in words
    assert "through the length" in words


# held out: two towers sharing their weights (a siamese pair), a cosine embedding loss on ±1
# targets — e1, e2 are branches, not time steps
TOWERS = """
[network]
name = "shared-towers-cosine"
[dims]
B = 3
k = 2
m = 2
[inputs]
u1 = ["B", "k"]
u2 = ["B", "k"]
y = ["B"]
[params]
A = ["k", "m"]
[forward]
e1 = "torch.tanh(u1 @ A)"
e2 = "torch.tanh(u2 @ A)"
loss = "F.cosine_embedding_loss(e1, e2, y, margin=0.1)"
[values]
u1 = [[0.5, -1.0], [1.2, 0.3], [-0.7, 0.9]]
u2 = [[0.6, -0.8], [-1.0, 0.5], [0.9, 1.1]]
y = [1.0, -1.0, 1.0]
A = [[0.3, -0.2], [0.1, 0.25]]
"""

# held out: a real recurrence (h2 reads h1) whose two states are scored by the same loss: the
# random points of the identity test make 1[y = ±1] zero on both sides, the example does not
RECURRENT_PAIR = """
[network]
name = "recurrent-pair-cosine"
[dims]
B = 3
k = 2
m = 2
[inputs]
u1 = ["B", "k"]
u2 = ["B", "k"]
y = ["B"]
[params]
A = ["k", "m"]
R = ["m", "m"]
[forward]
h1 = "torch.tanh(u1 @ A)"
h2 = "torch.tanh(u2 @ A + h1 @ R)"
loss = "F.cosine_embedding_loss(h1, h2, y, margin=0.1)"
[values]
u1 = [[0.5, -1.0], [1.2, 0.3], [-0.7, 0.9]]
u2 = [[0.6, -0.8], [-1.0, 0.5], [0.9, 1.1]]
y = [1.0, -1.0, 1.0]
A = [[0.3, -0.2], [0.1, 0.25]]
R = [[0.5, -0.4], [0.2, 0.7]]
"""

# guard: an Elman RNN over two steps keeps its step written once with t
ELMAN = """
[network]
name = "elman-two-steps-sq"
[dims]
B = 2
k = 2
m = 3
[inputs]
x1 = ["B", "k"]
x2 = ["B", "k"]
y = ["B", 1]
[params]
W = ["k", "m"]
U = ["m", "m"]
v = ["m", 1]
[forward]
h1 = "torch.tanh(x1 @ W)"
h2 = "torch.tanh(x2 @ W + h1 @ U)"
loss = "((h2 @ v - y) ** 2).mean()"
"""


# ---- time steps only where there is a recurrence ----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_towers_are_not_time_steps(lang: str) -> None:
    md = _md(TOWERS, lang)
    assert "e_{0} = 0" not in md  # no state before the "first step" of two branches
    for name in ("e_{1}", "e_{2}"):  # neither δe is "step 3.x's formula at t"
        words = _section(md, f"\\delta_{{{name}}}")
        assert "t = 1" not in words and "t = 2" not in words, words
    L = catalogue(lang)["longhand7"]
    assert L["every"].split("$t$")[0] not in md  # not "the same at every step t"
    assert L["every_views"].split("$t$")[0] in md  # e_t = tanh(u_t A) in every branch
    assert L["sum_views"].split("$t$")[0] in md  # ∂A: the sum over the branches stays


def test_a_vacuous_identity_is_not_a_time_step() -> None:
    md = _md(RECURRENT_PAIR, "en")
    dh1 = _section(md, "\\delta_{h^{[1]}}")
    # δh1 is not δh2's formula at t = 1 with h0 = 0 (the loss reads h1 itself)
    assert "h^{[0]} = 0" not in dh1 and "at $t = 1$" not in dh1


def test_a_real_recurrence_keeps_its_step_with_t() -> None:
    md = _md(ELMAN, "en")
    assert "h^{[{t - 1}]}" in md
    assert "h^{[0]} = 0" in md
    assert "\\sum_{t=1}^{2}" in md


# held out: a fit term on its own line beside an L1 penalty (loss = fit + λ·pen): the mean of
# the fit is over the m examples, one line above the loss
FIT_PLUS_PENALTY = """
[network]
name = "fit-plus-l1"
[dims]
m = 4
k = 3
[inputs]
X = ["m", "k"]
t = ["m", 1]
[params]
w = ["k", 1]
[constants]
lam = 0.1
[forward]
p = "X @ w"
fit = "0.5 * ((p - t) ** 2).mean()"
pen = "w.abs().sum()"
loss = "fit + lam * pen"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_fit_line_beside_a_penalty_averages_examples(lang: str) -> None:
    words = _section(_md(FIT_PLUS_PENALTY, lang), "\\partial w}").split("$$", 1)[0]
    L = catalogue(lang)["handout_intuition"]
    rows = L["linear-weight.batch.rows"]
    combined = re.search(r"[（(]([^)）]+)[)）]", rows).group(1)  # "rows this network combines …"
    assert len(combined) > 8 and combined not in words, words
    assert ("(examples)" if lang == "en" else "（样本）") in words, words


# held out: a logistic scorer with a learned log-temperature, labels ±1, a log-sigmoid loss
TEMPERED = """
[network]
name = "tempered-logsigmoid"
[dims]
n = 3
k = 2
[inputs]
x = ["n", "k"]
s = ["n", 1]
[params]
w = ["k", 1]
tau = []
[forward]
z = "x @ w * tau.exp()"
loss = "-F.logsigmoid(s * z).mean()"
[values]
x = [[0.5, -1.0], [1.2, 0.3], [-0.7, 0.9]]
s = [[1.0], [-1.0], [1.0]]
w = [[0.4], [-0.3]]
tau = 0.5
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_log_sigmoid_loss_names_its_slope_and_exp_of_one_number(lang: str) -> None:
    md = _md(TEMPERED, lang)
    L = catalogue(lang)["handout_intuition"]
    chunk = lambda key: max(re.split(r"\{\{\w+\}\}", L[key]), key=len)  # noqa: E731
    dz = _section(md, "\\delta_{z}").split("$$", 1)[0]
    assert chunk("loss.softplus") in dz, dz
    dtau = _section(md, "\\partial \\tau}").split("$$", 1)[0]
    assert chunk("gate.inside") not in dtau, dtau  # not "entry by entry … nothing mixes"
    assert chunk("gate.inside.one") in dtau, dtau
