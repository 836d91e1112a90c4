"""Handouts a lecturer hands out unchanged, pass 34 (issue 12): DeepFM's English handout from 10
pages to 9 by general cuts that keep every step (measured section by section of the PDF text).

Specs written here (held out; other names and sizes than the course specs read):

- an entry of ``ReLU(u A + c) v``'s weight gradient written once with an index over the rows
  (``Σᵢ δsᵢ · ReLU(uᵢ₁A₁₁ + … + c₁)``) but still over two rows of the page, without numbers
  (DeepFM's ∂W⁽²⁾: 11 printed lines): at standard detail its value alone, with the sentence
  that says so, as a formula with no index form already was; ``--detail full`` keeps it, and
  the loss's own entry keeps its formula (the loss written as a formula);
- a short closed form ("In one formula …") set on the line of its short lead-in (TeX; layout
  only), a long one still displayed;
- the batch-mean note's one short step ``M·δs = q − t`` ends the note's paragraph (TeX), its
  reason ("Why.") after it, instead of a display of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_deephand import PDF_TOOLS, assert_fits
from test_handread33 import _out
from test_handread33 import _walk as _walk33

from derive.engine import printing
from derive.walkthrough import handpick

# held out: a two-layer scorer in one line over eight features, σ + BCE over three rows
WIDE = """
[network]
name = "held-eight-feature-scorer"
[dims]
M = 3
F = 8
K = 2
[inputs]
u = ["M", "F"]
t = ["M", 1]
[params]
A = ["F", "K"]
c = ["K"]
v = ["K", 1]
[forward]
s = "torch.relu(u @ A + c) @ v"
q = "torch.sigmoid(s)"
cost = "nn.functional.binary_cross_entropy(q, t)"
"""

# held out: a softmax regression over nine classes whose loss entry is a wide row sum
NINE = """
[network]
name = "held-nine-class-softmax"
[dims]
R = 2
P = 3
C = 9
[inputs]
g = ["R", "P"]
h = ["R", "C"]
[params]
U = ["P", "C"]
[forward]
o = "g @ U"
pr = "torch.softmax(o, dim=1)"
nll = "-(h * torch.log(pr)).sum() / R"
"""


def _walk(source: str, detail: str = "standard"):
    return _walk33(source, detail)


def _item(w, name: str):
    return next(i for i in (*w.forward, *w.backward) if i.name == name)


def test_a_wide_index_entry_of_a_gradient_is_given_by_its_value_alone() -> None:
    w, full = _walk(WIDE), _walk(WIDE, "full")
    few, _dense = handpick.few(w, "standard")
    whole = _item(w, "v").calcs[0]
    # the entry spelt with its numbers is too long; its index form still over a row of the page
    assert whole.index and printing.display_width(str(whole.index)) > handpick.PAGE_WIDTH
    (shown,) = few(_item(w, "v").calcs)
    assert shown.cut == "formula" and shown.chain == (whole.chain[-1],)
    # --detail full keeps every row of it, with the same value
    kept = _item(full, "v").calcs[0]
    assert len(kept.chain) >= 2 and kept.chain[-1] == whole.chain[-1]
    for lang in ("en", "zh"):
        md = _out(WIDE, "md", lang)
        assert "u_{i8} \\cdot A_{81}" not in md  # the index form's last product
        # (full writes the entry row by row: its last product is the last row's)
        assert "u_{38} \\cdot A_{81}" in _out(WIDE, "md", lang, "full")


def test_the_losss_own_wide_row_sum_keeps_its_formula() -> None:
    """Guard: the loss's entry, a wide row sum written once with an index, stays a formula (the
    loss written as a formula, round 39's decision)."""
    w = _walk(NINE)
    few, _dense = handpick.few(w, "standard")
    loss = _item(w, w.loss)
    (shown,) = few(loss.calcs)
    assert shown.cut == "numbers" and len(shown.chain) == 2, shown


def _closed_lines(tex: str) -> list[str]:
    return [line for line in tex.splitlines() if "In one formula" in line or "写成一个公式" in line]


def test_a_short_closed_form_stands_on_its_lead_ins_line() -> None:
    for lang in ("en", "zh"):
        lines = _closed_lines(_out(WIDE, "tex", lang))
        beside = [line for line in lines if "\\quad\\(\\displaystyle" in line]
        assert beside, lines
        for line in beside:  # one row: no break, no shrunk display of several rows
            assert "\\\\" not in line and "aligned" not in line, line
    # --detail full keeps every closed form a display of its own
    assert not [x for x in _closed_lines(_out(WIDE, "tex", "en", "full")) if "\\quad" in x]


def test_the_batch_notes_short_step_ends_its_paragraph_and_keeps_its_reason() -> None:
    for lang, why in (("en", "Why"), ("zh", "依据")):
        tex = _out(WIDE, "tex", lang)
        note = tex.split("\\subsection{")[1:]
        part = next(p for p in note if "\\frac{1}{M}" in p.split("\n", 1)[0])
        part = part.split("\\subsection{")[0]
        lines = [line for line in part.splitlines() if "\\delta_{s} = q - t" in line]
        assert len(lines) == 1 and "\\mbox{" in lines[0], lines
        assert "\\begin{center}" not in part.split(lines[0])[0]
        assert re.search(rf"\\noindent (\\textbf{{)?{why}", part), part


@pytest.mark.slow
@PDF_TOOLS
def test_the_deepfm_handout_fits(tmp_path: Path) -> None:
    """DeepFM's English handout: 10 pages before this pass (11 lines on page 10), 9 now."""
    assert_fits(tmp_path, "hn20_d2l_deepfm", "en")


# held out: one logistic unit on two numbers, its prediction's binary entropy (micrograd's form)
ENTROPY = """
[network]
name = "held-entropy-of-one-unit"
[inputs]
g1 = []
g2 = []
[params]
a1 = []
a2 = []
[forward]
s = "g1 * a1 + g2 * a2"
r = "(1 + (-s).exp()) ** -1"
h = "-(r * r.log() + (1 - r) * (1 - r).log())"
J = "0.5 * h"
[values]
g1 = 0.5
g2 = 1.5
a1 = 0.3
a2 = -0.4
"""


def test_the_slope_of_log_is_said_once_in_a_paragraph() -> None:
    """δr of ``r log r + (1 − r) log(1 − r)`` said "The slope of log is 1/x" twice in one
    paragraph (hn49's micrograd entropy): the second log now only names its number."""
    for lang, said in (("en", "The slope of $\\log$ is"), ("zh", "$\\log$ 的斜率是")):
        md = _out(ENTROPY, "md", lang)
        words = [line for line in md.splitlines() if said in line]
        assert words and all(line.count(said) == 1 for line in words), words
        also = "Likewise for $1 - r$" if lang == "en" else "对 $1 - r$ 也是如此"
        assert any(also in line for line in words), words
