"""Handouts a lecturer hands out unchanged, pass 28 (issue 12): handread27's Left and a first
read of course specs no pass had read.

- a hand calculation whose terms are all exactly 0 says "= 0" once, not ``2/9·(0 − 0) = 0 + 0
  = 0``;
- a spec of numbers only (no [dims]) has one size column in its tensor table, not the same sizes
  twice (a spec with [dims] keeps both: guard);
- an entry formula does not write a size beside its own value (``−5·δ·τ·eˣ/(c·Σ)`` with c = 5):
  the size is written as its value where it cancels a number; a size that cancels nothing keeps
  its name (guard);
- the numbers of a Hadamard product are collected in front: ``½ δ ⊙ (2 u)`` is ``δ ⊙ u``,
  ``(1/(2N)) s ⊙ (2 u)`` is ``(1/N) …``, in the formulas and in the code.

Each asserted on built text (Markdown en and zh, the generated code) of specs written here
(held out)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_deephand import PDF_TOOLS, assert_fits
from test_handread25 import _md, _section

# held out: a 3×2 ReLU layer of numbers only (no [dims]) fitted by a mean of squares; the
# target is 0 where the unit is off, so a gradient entry is 2/6·(0 − 0)
ZEROS = """
[network]
name = "relu-zero-target"
[inputs]
x = [3, 2]
y = [3, 2]
[params]
W = [2, 2]
[forward]
a = "torch.relu(x @ W)"
loss = "((a - y) ** 2).mean()"
[values]
x = [[1.0, -2.0], [0.5, 1.5], [-1.0, 0.5]]
y = [[1.0, 0.0], [0.0, 1.0], [0.0, 2.0]]
W = [[0.4, 0.3], [0.2, -0.5]]
"""

# the same network with [dims] names (guard: its sizes differ from its shapes, two columns)
NAMED = ZEROS.replace('name = "relu-zero-target"', 'name = "relu-zero-named"\n[dims]\nm = 3\nk = 2').replace(
    "x = [3, 2]\ny = [3, 2]", 'x = ["m", "k"]\ny = ["m", "k"]'
).replace("W = [2, 2]", 'W = ["k", "k"]')

# held out: the negative logsumexp of a row (an energy), averaged over the batch, c = 4
ENERGY = """
[network]
name = "row-energy"
[dims]
b = 2
d = 3
c = 4
[inputs]
x = ["b", "d"]
[params]
W = ["d", "c"]
[forward]
s = "x @ W"
e = "-torch.logsumexp(s, dim=1)"
loss = "e.mean()"
[values]
x = [[0.2, -0.5, 0.9], [1.0, 0.3, -0.6]]
W = [[0.1, -0.3, 0.5, 0.2], [0.4, 0.0, -0.2, 0.3], [-0.6, 0.2, 0.1, -0.1]]
"""

# held out: a Gaussian log-likelihood of a predicted mean and log-spread, averaged
GAUSS = """
[network]
name = "gauss-mean-head"
[dims]
m = 3
h = 2
[inputs]
x = ["m", "h"]
y = ["m", 1]
[params]
W = ["h", 1]
V = ["h", 1]
[forward]
mu = "x @ W"
ls = "x @ V"
lp = "-0.5 * ((y - mu) / torch.exp(ls)) ** 2 - ls"
loss = "-lp.mean()"
[values]
x = [[0.5, -1.0], [1.5, 0.2], [-0.7, 0.4]]
y = [[0.3], [-0.4], [1.1]]
W = [[0.6], [-0.2]]
V = [[0.1], [0.3]]
"""


def test_a_working_whose_terms_are_all_zero_says_zero_once() -> None:
    for lang in ("en", "zh"):
        md = _md(ZEROS, lang)
        assert "\\left(0 - 0\\right)" in md  # the case is there: a zero entry, a zero target
        assert "&= 0 + 0 \\\\" not in md, lang
        assert not re.search(r"&= 0 \+ 0 \+ 0", md)
        # the line after (0 − 0) is the value, once
        assert re.search(r"\\left\(0 - 0\\right\) \\\\\n&= 0\n", md), lang


def _table_head(md: str) -> str:
    return next(line for line in md.splitlines() if line.startswith("| ") and "---" not in line)


def test_a_spec_of_numbers_only_has_one_size_column() -> None:
    en, zh = _md(ZEROS, "en"), _md(ZEROS, "zh")
    assert _table_head(en).count("|") == 4 and "Size here" not in _table_head(en)
    assert _table_head(zh).count("|") == 4
    assert "| $W$ | parameter (learned) | $2 \\times 2$ |\n" in en


def test_a_spec_with_dims_keeps_its_two_size_columns() -> None:
    en = _md(NAMED, "en")
    assert "Size here" in _table_head(en)
    assert "| $W$ | parameter (learned) | $k \\times k$ | $2 \\times 2$ |" in en


def test_an_entry_formula_does_not_write_a_size_beside_its_value() -> None:
    for lang in ("en", "zh"):
        step = _section(_md(ENERGY, lang), "\\delta_{s}")
        entries = [ln for ln in step.splitlines() if ln.startswith("\\delta_{s_{")]
        assert entries, step[:800]
        for ln in entries:
            assert "c \\cdot" not in ln and "4 \\cdot" not in ln, ln
            assert "\\frac{4" not in ln, ln
        # the matrix form keeps its names: the row's softmax and the mean's 1/b
        assert "\\operatorname{softmax}" in step


def test_a_size_that_cancels_nothing_keeps_its_name() -> None:
    step = _section(_md(NAMED, "en"), "\\delta_{a}")
    entry = next(ln for ln in step.splitlines() if ln.startswith("\\delta_{a_{11}}"))
    assert "k" in entry and "m" in entry, entry  # 2/(m·k)·(a₁₁ − y₁₁): the names stay


def test_the_numbers_of_a_hadamard_product_stand_in_front() -> None:
    md = _md(GAUSS, "en")
    back = md.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]
    assert not re.search(r"\\odot \\left\(2 \\left\(", back), back[:3000]
    assert "(2 * (" not in md  # the code: no 2 * (…) inside a product scaled by ½
    assert "/ 2 * (2 *" not in md


# held out: a wide part and a deep part summed into one sigmoid, a mean binary cross-entropy
WIDE = """
[network]
name = "wide-deep-logit"
[dims]
n = 3
f = 2
h = 2
[inputs]
x = ["n", "f"]
y = ["n", 1]
[params]
U = ["f", 1]
V = ["f", "h"]
W = ["h", 1]
[forward]
wide = "x @ U"
deep = "torch.relu(x @ V) @ W"
p = "torch.sigmoid(wide + deep)"
loss = "F.binary_cross_entropy(p, y)"
[values]
x = [[0.5, -1.0], [1.5, 0.2], [-0.7, 0.4]]
y = [[1.0], [0.0], [1.0]]
U = [[0.3], [-0.2]]
V = [[0.4, -0.6], [0.1, 0.5]]
W = [[0.7], [-0.3]]
"""


def _note(md: str) -> str:
    head = next(h for h in re.findall(r"\n### (7\.\d+ [^\n]*)\n", md) if "frac{1}{n}" in h)
    return md.split(head, 1)[1].split("\n### ", 1)[0]


def test_one_per_example_error_is_one_chain_and_closed_forms_are_not_shown_twice() -> None:
    for lang in ("en", "zh"):
        md = _md(WIDE, lang)
        note = _note(md)
        # n·δ_wide = n·δ_deep = p − y, once
        assert re.search(r"n \\cdot \\delta_\{\\mathrm\{\w+\}\} = n \\cdot \\delta_\{\\mathrm\{\w+\}\} = p - y", note), note[:1500]
        assert note.count("= p - y") == 1
        # ∂U, ∂V, ∂W with 1/n written out: section 3's one formulas, not repeated here
        assert "\\frac{\\partial \\mathrm{loss}}{\\partial U}" not in note
        assert "section 3" in note or "第 3 节" in note
        closed = re.findall(r"\\frac\{\\partial \\mathrm\{loss\}\}\{\\partial U\} = [^\n]*", md)
        assert closed and len(set(closed)) == len(closed), closed


# held out: the coefficient of variation of a linear score, std over mean (r on both sides)
RATIO = """
[network]
name = "score-variation"
[dims]
n = 5
f = 2
[inputs]
x = ["n", "f"]
[params]
W = ["f", 1]
[forward]
r = "x @ W + 2.0"
cv = "torch.std(r) / torch.mean(r)"
loss = "0.5 * cv ** 2"
[values]
x = [[0.5, -1.0], [1.5, 0.2], [-0.7, 0.4], [0.3, 0.9], [-1.2, 0.1]]
W = [[0.6], [-0.4]]
"""


def test_a_tensor_on_both_sides_of_a_quotient_is_not_in_one_factor() -> None:
    for lang, both, one in (
        ("en", "both the numerator and the denominator", "sits in one factor of a product"),
        ("zh", "同时出现在一个商的分子和分母里", "的某个乘积因子之内"),
    ):
        step = _section(_md(RATIO, lang), "\\delta_{r}")
        words = step.split("\n\n", 2)[1]
        assert one not in words, words
        assert both in words, words


# held out: one-hot rows times an embedding table (each entry is one table entry plus zeros)
ONEHOT = """
[network]
name = "one-hot-lookup"
[dims]
n = 2
v = 4
k = 2
[inputs]
x = ["n", "v"]
t = ["n", "k"]
[params]
E = ["v", "k"]
[forward]
e = "x @ E"
loss = "((e - t) ** 2).sum()"
[values]
x = [[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]]
t = [[0.5, -0.5], [1.0, 0.0]]
E = [[0.1, 0.2], [0.3, -0.4], [-0.5, 0.6], [0.7, 0.8]]
"""


def test_a_line_of_terms_all_zero_but_one_is_not_written() -> None:
    for lang in ("en", "zh"):
        md = _md(ONEHOT, lang)
        assert "1 \\cdot 0.3" in md or "0 \\cdot 0.1 + 1 \\cdot 0.3" in md  # the numbers line stays
        assert not re.search(r"\n&[=≈]? ?(\\approx )?-?[0-9.]+ \+ 0 \+ 0 \+ 0", md), lang
        assert not re.search(r"\n&= 0 \+ 0\b", md)


# held out: a squared hinge on a score's length, the absent class weighted by a half
MARGIN = """
[network]
name = "length-margin"
[dims]
n = 3
f = 2
[inputs]
x = ["n", "f"]
y = ["n", 1]
[params]
W = ["f", 1]
[forward]
s = "torch.sigmoid(x @ W)"
L = "y * F.relu(0.8 - s) ** 2 + 0.5 * (1 - y) * F.relu(s - 0.2) ** 2"
loss = "L.sum()"
[values]
x = [[0.5, -1.0], [1.5, 0.2], [-0.7, 0.4]]
y = [[1.0], [0.0], [0.0]]
W = [[0.6], [-0.4]]
"""


def test_a_half_and_a_square_slope_of_one_product_cancel() -> None:
    md = _md(MARGIN, "en")
    back = md.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]
    assert "\\operatorname{ReLU}\\left(s - \\frac{1}{5}\\right)" in back  # the case
    assert "\\frac{1}{2} \\left(1 - y\\right)" not in back, back[:3000]


def test_powers_of_expressions_holding_a_tensor_are_not_powers_of_the_tensor() -> None:
    for lang, false, said in (
        ("en", "raises $s$ to a power", "several expressions that hold $s$"),
        ("zh", "对 $s$ 取幂", "几个含有 $s$ 的式子"),
    ):
        step = _section(_md(MARGIN, lang), "\\delta_{s}")
        words = step.split("\n\n", 2)[1]
        assert false not in words, words
        assert said in words, words


@pytest.mark.slow
@PDF_TOOLS
def test_the_deepfm_chinese_handout_fits(tmp_path: Path) -> None:
    """11 pages before this pass (7 lines on page 11): the note on the batch mean wrote out
    again the five one formulas of section 3 and three equal per-example errors apart."""
    assert_fits(tmp_path, "hn20_d2l_deepfm", "zh")
