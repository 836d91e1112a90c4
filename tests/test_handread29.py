"""Handouts a lecturer hands out unchanged, pass 29 (issue 12): handread28's Left.

- exact GELU's slope ``(1/√π)(…)/√2`` printed as one fraction in front, not a fraction inside a
  fraction (``\\frac{\\frac{1}{\\sqrt{\\pi}} …}{\\sqrt{2}}``), in the formulas and the code; a
  plain ``z/√2`` keeps its form (guard);
- several ReLUs of one line on a path (a margin loss's two hinges) are named together in one
  slope sentence, not the first hinge only; one ReLU keeps its sentence (guard);
- the slope sentence of √ or log of ONE number (a ratio's standard deviation) does not speak
  of "small entries"; a √ of a column of numbers keeps "small entries" (guard).

Each asserted on built text (Markdown en and zh, the generated code) of specs written here
(held out)."""

from __future__ import annotations

import re

import pytest
from test_handread25 import _md, _section

from derive.locale.catalog import catalogue

# held out: a GELU written with erf by hand (the ½ last), 4×3 → 2 units, a sum of squares
GELU = """
[network]
name = "erf-gelu-sum"
[dims]
m = 4
k = 3
u = 2
[inputs]
x = ["m", "k"]
t = ["m", 1]
[params]
V = ["k", "u"]
c = ["u", 1]
[forward]
s = "x @ V"
g = "s * (1.0 + torch.erf(s / math.sqrt(2.0))) / 2"
o = "g @ c"
loss = "((o - t) ** 2).sum()"
"""

# held out: a margin loss with two hinges on one distance (a contrastive pair's loss)
HINGES = """
[network]
name = "two-hinge-margin"
[dims]
K = 4
[inputs]
d = [1, "K"]
T = [1, "K"]
[params]
w = [1, "K"]
[forward]
e = "d * w"
L = "T * F.relu(0.8 - e) ** 2 + 0.5 * (1 - T) * F.relu(e - 0.2) ** 2"
loss = "L.sum()"
[values]
d = [[0.4, 1.2, 2.0, 0.9]]
T = [[1.0, 0.0, 1.0, 0.0]]
w = [[1.0, 0.8, 0.5, -0.3]]
"""

# guard: one hinge
HINGE = HINGES.replace('name = "two-hinge-margin"', 'name = "one-hinge"').replace(
    'L = "T * F.relu(0.8 - e) ** 2 + 0.5 * (1 - T) * F.relu(e - 0.2) ** 2"',
    'L = "T * F.relu(0.8 - e) ** 2"',
)

# held out: a signal-to-noise ratio of a returns column, mean / std (one number under the √)
RATIO = """
[network]
name = "signal-to-noise"
[dims]
T = 6
a = 3
[inputs]
r = ["T", "a"]
[params]
q = ["a", 1]
[forward]
p = "r @ q"
snr = "p.mean() / torch.sqrt(((p - p.mean()) ** 2).mean())"
loss = "-snr"
"""

# guard: a √ of each row's squared length (a column of numbers under the √)
ROWS = """
[network]
name = "row-lengths"
[dims]
n = 4
k = 3
[inputs]
x = ["n", "k"]
[params]
W = ["k", "k"]
[forward]
z = "x @ W"
r = "torch.sqrt((z ** 2).sum(dim=1, keepdim=True))"
loss = "(r ** 2).mean()"
"""


def _words(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith(("**In words.**", "**这一步在做什么**"))]


# ---- exact GELU's slope: one fraction ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gelu_slope_is_one_fraction_in_front(lang: str) -> None:
    md = _md(GELU, lang)
    back = md.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]
    # no fraction whose numerator starts with another fraction, anywhere in the backward pass
    assert not re.search(r"\\frac\{\\frac", back)
    ds = _section(md, "\\delta_{s}")
    assert "\\sqrt{\\pi}" in ds  # the slope's constant is there, in front of the product
    code = next(x for x in ds.splitlines() if x.startswith(("In code", "对应代码")))
    assert not code.rstrip("`").endswith("/ np.sqrt(2)")  # not (…)/√2 after the whole product
    # guard: erf's own argument keeps the plain s/√2
    assert "\\frac{s}{\\sqrt{2}}" in ds


# ---- several hinges: each named ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_hinges_are_both_named(lang: str) -> None:
    words = " ".join(_words(_section(_md(HINGES, lang), "\\delta_{e}")))
    many = catalogue(lang)["handout_intuition"]["slope.relu.many"].split("{{")[0]
    assert many in words
    sentence = words.split(many, 1)[1]
    assert "\\frac{4}{5} - e" in sentence and "e - \\frac{1}{5}" in sentence


def test_one_hinge_keeps_its_sentence() -> None:
    words = " ".join(_words(_section(_md(HINGE, "en"), "\\delta_{e}")))
    assert "ReLU’s slope is $1$ where $\\frac{4}{5} - e$ is positive" in words
    assert "Each ReLU" not in words


# ---- √ of one number --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_root_of_one_number_has_no_entries(lang: str) -> None:
    L = catalogue(lang)["handout_intuition"]
    md = _md(RATIO, lang)
    words = " ".join(_words(md))
    assert L["slope.sqrt.one"].split("{{")[0] in words  # the slope is explained …
    assert L["slope.sqrt.one"].split("}}")[1] in words  # … of one number
    small = "small entries of" if lang == "en" else "中较小的元素"
    assert small not in words


def test_a_column_of_roots_keeps_its_entries() -> None:
    # handread31: r = √(Σ_row z²) is the length of each row of z, said as one slope z/‖z‖ per
    # row (key length.rows) where it was "small entries of … magnify"; never "one number"
    words = " ".join(_words(_md(ROWS, "en")))
    assert "small entries of" in words or "through the length" in words
    assert "the smaller the number" not in words


# ---- a pinball (quantile) loss: its two slopes named ------------------------------------------

# held out: the pinball loss of the 0.25 quantile of a linear forecast
PINBALL = """
[network]
name = "quantile-quarter"
[dims]
n = 4
k = 2
[inputs]
x = ["n", "k"]
y = ["n", 1]
[params]
w = ["k", 1]
[forward]
f = "x @ w"
r = "y - f"
loss = "torch.mean(torch.max(0.25 * r, (0.25 - 1) * r))"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pinball_slopes_are_named(lang: str) -> None:
    words = " ".join(_words(_section(_md(PINBALL, lang), "\\delta_{r}")))
    lead = catalogue(lang)["handout_intuition"]["loss.lines.max"].split("{{")[0]
    assert lead in words
    # the slope where r > 0 is q = 1/4, where r < 0 it is q − 1 = −3/4, in that order
    assert words.index("$\\frac{1}{4}$") < words.index("$- \\frac{3}{4}$")


def test_a_plain_square_has_no_two_lines() -> None:
    words = " ".join(_words(_md(PINBALL.replace(
        'loss = "torch.mean(torch.max(0.25 * r, (0.25 - 1) * r))"', 'loss = "torch.mean(r ** 2)"'
    ), "en")))
    assert "Each term of the loss is the" not in words


# ---- a standardised column: the quotient's two shares -----------------------------------------

# held out: columns standardised by their own mean and standard deviation, then a linear head
STANDARD = """
[network]
name = "standardised-columns"
[dims]
m = 5
k = 2
[inputs]
x = ["m", "k"]
y = ["m", 1]
[params]
V = ["k", "k"]
u = ["k", 1]
[forward]
h = "torch.tanh(x @ V)"
s = "(h - h.mean(0)) / h.std(0)"
o = "s @ u"
loss = "F.mse_loss(o, y)"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_standardised_column_has_the_quotients_two_shares(lang: str) -> None:
    L = catalogue(lang)["handout_intuition"]
    words = " ".join(_words(_section(_md(STANDARD, lang), "\\delta_{h}")))
    both = L["product.quotient.both"].split("}}")[-1][:20]
    inside = L["product.inside"].split("}}")[-1][:20]
    assert both in words and inside not in words


# ---- a slope sentence that names neither parameter: not repeated word for word ---------------

# held out: a GELU layer's W and c (its bias) in a row; GELU's sentence names the layer's input
# and the blame above, the same for both
GELU_LAYER = """
[network]
name = "gelu-layer-pair"
[dims]
n = 3
k = 2
h = 4
[inputs]
x = ["n", "k"]
y = ["n", 1]
[params]
W = ["k", "h"]
c = [1, "h"]
v = ["h", 1]
[forward]
o = "F.gelu(x @ W + c) @ v"
loss = "F.mse_loss(o, y)"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gelus_slope_is_not_said_twice_in_a_row(lang: str) -> None:
    L = catalogue(lang)["handout_intuition"]
    lead = L["slope.gelu"].split("{{")[0][:6]  # "GELU, " / "GELU 即"
    md = _md(GELU_LAYER, lang)
    said = [" ".join(_words(_section(md, s))) for s in ("\\partial W}", "\\partial c}")]
    assert lead in said[0] and lead not in said[1]
