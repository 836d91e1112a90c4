"""Handouts a lecturer hands out unchanged, pass 27 (issue 12): handread26's Left (a Hopfield
net's energy) and a first read of course specs no pass had read.

- A row's mean of a column broadcast along that row is the column itself: the matrix forms do
  not print ``(−1/M ((c) ⊙ 𝟙_{B×M})) 𝟙`` for a logsumexp's blame (it is ``c``), nor
  ``((k/M) 𝟙_{B×M}) 𝟙`` (it is ``k`` per row), and a scale is not printed twice over a product
  (``2 (¼ δᵀ ⊙ h)`` is ``½ δᵀ ⊙ h``);
- a logsumexp (read as ``mean(x − log_softmax(x))``) is not called log-softmax: no "Log-softmax
  couples the entries …", no "log-softmax units" in the title, en and zh.

Each asserted on built text (Markdown en and zh, the generated code) of specs written here
(held out)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_deephand import PDF_TOOLS, assert_fits
from test_handread25 import _md  # the same held-out builders

# held out: a free-energy head, −τ logsumexp(h W / τ) plus a quadratic term of h, averaged
FREE = """
[network]
name = "free-energy-head"
[dims]
n = 2
f = 3
c = 5
[inputs]
x = ["n", "f"]
[params]
W = ["f", "c"]
V = ["f", "f"]
[constants]
tau = 0.5
[forward]
h = "torch.tanh(x @ V)"
logits = "h @ W / tau"
free = "-tau * torch.logsumexp(logits, dim=1) + 0.25 * (h * h).sum(dim=1)"
loss = "free.mean()"
[values]
x = [[0.3, -0.7, 0.5], [1.1, 0.2, -0.4]]
"""

# held out: log-probabilities fitted by squares (the words of log-softmax stay where it is one)
LSM = """
[network]
name = "log-softmax-nll"
[dims]
n = 3
f = 2
k = 4
[inputs]
x = ["n", "f"]
y = ["n", "k"]
[params]
W = ["f", "k"]
[forward]
s = "x @ W"
lp = "torch.log_softmax(s, dim=1)"
loss = "((lp - y) ** 2).mean()"
[values]
x = [[0.3, -0.7], [1.1, 0.2], [-0.4, 0.9]]
y = [[-1.2, -0.3, -2.0, -1.5], [-0.8, -1.9, -0.2, -2.4], [-1.1, -0.6, -1.7, -1.3]]
"""


def _section(md: str, head: str) -> str:
    return md.split(head, 1)[1].split("\n### ", 1)[0]


def test_a_rows_mean_of_a_broadcast_column_is_the_column() -> None:
    for lang in ("en", "zh"):
        md = _md(FREE, lang)
        step = _section(md, "### 3.2 $\\delta_{\\mathrm{logits}}$")
        assert "\\mathbf{1}_{n \\times c}" not in step, step
        assert "\\frac{1}{c}" not in step
        assert "\\delta_{\\mathrm{free}}" in step  # the blame is still there
        assert "np.ones((n, c))" not in md
        # the closed forms: (k 𝟙_{n×c}) 𝟙 is k·c per row, never written as a product of ones
        assert not re.search(r"\\mathbf\{1\}_\{n \\times c\}\\right\) \\thinspace \\mathbf\{1\}", md)


def test_a_scale_is_not_written_twice_over_a_product() -> None:
    md = _md(FREE, "en")
    assert "2 \\left(\\frac{1}{4}" not in md
    assert re.search(r"\\frac\{1\}\{2\} \\(left\()?\\delta_\{\\mathrm\{free\}\}\^\{\\top\} \\odot h", md)
    assert "2 * (dfree.T / 4 * h)" not in md


def test_a_logsumexp_is_not_called_log_softmax() -> None:
    en, zh = _md(FREE, "en"), _md(FREE, "zh")
    assert "Log-softmax couples" not in en and "log-softmax" not in en.splitlines()[0]
    assert "log-softmax 把同一行" not in zh
    step = _section(en, "### 3.2 $\\delta_{\\mathrm{logits}}$")
    assert "logsumexp" in step.lower() or "log-sum-exp" in step.lower(), step[:600]
    zstep = _section(zh, "### 3.2 $\\delta_{\\mathrm{logits}}$")
    assert "logsumexp" in zstep.lower() or "log-sum-exp" in zstep.lower(), zstep[:600]


def test_a_log_softmax_keeps_its_words() -> None:
    md = _md(LSM, "en")
    assert "Log-softmax couples" in md


# held out: additive attention over the hidden states of an encoder (one score per state)
ADDITIVE = """
[network]
name = "additive-scores"
[dims]
L = 5
h = 3
q = 2
[inputs]
enc = ["L", "h"]
dec = ["h"]
goal = ["h"]
[params]
Ua = ["h", "q"]
Va = ["h", "q"]
w = ["q"]
[forward]
score = "torch.tanh(enc @ Ua + dec @ Va) @ w"
p = "torch.softmax(score, dim=0)"
ctx = "p @ enc"
loss = "((ctx - goal) ** 2).sum()"
[values]
enc = [[0.3, -0.7, 0.5], [1.1, 0.2, -0.4], [-0.6, 0.9, 0.1], [0.4, 0.4, -0.8], [0.0, -0.3, 0.7]]
dec = [0.5, -0.2, 0.3]
goal = [0.2, 0.1, -0.3]
"""

# held out: a batch mean of squares (var over the rows is one row: the rows are reduced)
ROWMEAN = """
[network]
name = "centred-square-mean"
[dims]
m = 4
k = 3
[inputs]
X = ["m", "k"]
[params]
c = ["k"]
[forward]
v = "((X - c) ** 2).mean(dim=0)"
loss = "v.sum()"
[values]
X = [[0.3, -0.7, 0.5], [1.1, 0.2, -0.4], [-0.6, 0.9, 0.1], [0.4, 0.4, -0.8]]
"""


def test_a_score_per_row_does_not_reduce_the_rows_to_one() -> None:
    """s @ Va is broadcast to the L rows of tanh(enc Ua + dec Va); the score keeps one entry
    per row (laid out as a row): "before score reduces them to one" was false."""
    en, zh = _md(ADDITIVE, "en"), _md(ADDITIVE, "zh")
    assert "reduces them to one" not in en
    assert "one entry of $\\mathrm{score}$" in en
    assert "归约为一行" not in zh and "一个元素" in zh


def test_a_mean_over_the_rows_still_reduces_them() -> None:
    en = _md(ROWMEAN, "en")
    assert "before $v$ reduces them to one" in en


# held out: a two-layer sigmoid classifier (the symmetric-start lesson stands in its handout)
SMALL_MLP = """
[network]
name = "two-layer-sigmoid"
[dims]
n = 3
f = 2
u = 3
[inputs]
x = ["n", "f"]
y = ["n", 1]
[params]
A1 = ["f", "u"]
c1 = ["u"]
A2 = ["u", 1]
[forward]
g = "torch.sigmoid(x @ A1 + c1)"
out = "g @ A2"
loss = "((out - y) ** 2).mean()"
[values]
x = [[0.3, -0.7], [1.1, 0.2], [-0.4, 0.9]]
y = [[0.5], [-0.2], [0.1]]
"""


def test_the_zero_start_myth_is_refuted_once() -> None:
    """The lesson "Why not start with all weights zero?" opens with "Zero initialisation does
    not make the network linear"; the mistakes list said it again a page later ("“Zero
    initialisation makes the network linear.” It does not … see … above"). Said once, in the
    lesson that proves it (en, zh)."""
    for lang, lesson, myth in (
        ("en", "does not make the network linear", "makes the network linear.”"),
        ("zh", "并不会让网络变成线性", "零初始化会使网络变成线性的”"),
    ):
        md = _md(SMALL_MLP, lang)
        assert md.count(lesson) == 1, lang
        assert myth not in md, lang


@pytest.mark.slow
@PDF_TOOLS
def test_the_tft_english_handout_fits(tmp_path: Path) -> None:
    """hn16_tft_gated_residual in English: 10 pages before this branch (7 lines on page 10:
    the last mistake), 9 now that the zero-start myth is refuted once — within the limit of 9,
    no overfull box."""
    assert_fits(tmp_path, "hn16_tft_gated_residual", "en")


# held out: a wide-and-deep logit (three summands inside one sigmoid read by a BCE)
WIDE = """
[network]
name = "wide-deep-logit"
[dims]
n = 3
f = 2
[inputs]
x = ["n", "f"]
y = ["n", 1]
[params]
U = ["f", 1]
V = ["f", 1]
Q = ["f", 1]
[forward]
wide = "x @ U"
deep = "torch.tanh(x @ V)"
cross = "(x * x) @ Q"
p = "torch.sigmoid(wide + deep + cross)"
loss = "F.binary_cross_entropy(p, y)"
[values]
x = [[0.3, -0.7], [1.1, 0.2], [-0.4, 0.9]]
y = [[1.0], [0.0], [1.0]]
"""


def test_the_same_cancellation_is_said_in_full_once() -> None:
    """σ's slope cancelling against the cross-entropy's derivative was said word for word at
    each of the three summands of its input; in full once (en, zh). Since pass 32 the other two
    summands' δ (the first's with only the name changed) are written as that step again, with
    no words at all (they were "Again the sigmoid's slope …" each, short)."""
    for lang, full, short, again in (
        ("en", "so a confidently wrong unit still gets a large gradient", "Again the sigmoid’s slope",
         r"\*\*Step 3\.\d+ is step 3\.\d+ again\*\*"),
        ("zh", "因此预测错得很“自信”的单元仍会得到较大的梯度", "同样，Sigmoid 的斜率",
         r"\*\*第 3\.\d+ 步与第 3\.\d+ 步相同\*\*"),
    ):
        md = _md(WIDE, lang)
        assert md.count(full) == 1, lang
        assert md.count(short) == 0, lang
        assert len(re.findall(again, md)) == 2, lang


# held out: an ELU layer, its weight and bias read one after the other
ELU = """
[network]
name = "elu-regressor"
[dims]
n = 3
f = 2
u = 3
[inputs]
x = ["n", "f"]
y = ["n", 1]
[params]
A = ["f", "u"]
c = ["u"]
B = ["u", 1]
[forward]
g = "F.elu(x @ A + c)"
out = "g @ B"
loss = "((out - y) ** 2).mean()"
[values]
x = [[0.3, -0.7], [1.1, -0.2], [-0.4, 0.9]]
y = [[0.5], [-0.2], [0.1]]
"""


def test_an_elus_slope_is_not_said_twice_in_a_row() -> None:
    """ELU's slope sentence (no short form) was said word for word at ∂A and again at ∂c, the
    next paragraph; once now (en, zh)."""
    from derive.locale import catalog

    for lang in ("en", "zh"):
        md = _md(ELU, lang)
        head = catalog.text("handout_intuition.slope.elu", lang, T="", up="", a="")[-14:]
        assert md.count(head) == 1, (lang, head)
