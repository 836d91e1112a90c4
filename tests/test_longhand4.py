"""Issue 12, round 24: the course handouts still over length (branch longhand4).

Held-out networks (other names and sizes than any course spec, the same structures): a stacked
recurrence whose first layer reads an input of another width than the second layer's hidden
state — its weights' steps are the second layer's renamed, the lead-in saying that only the
sizes may differ (layers._sizeless); the same network with equal widths keeps the strict
lead-in ("shapes in the same pattern"); a first layer with another activation is not matched;
``full`` writes every step. One PDF build checks that a lead-in stays on the page of its
display (a display scaled to the line's width broke after the centre's empty label)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import pytest
from test_deephand import PDF_TOOLS, _md, _tex, _walkthrough, assert_katex

from derive.locale.catalog import catalogue

# d2l's deep RNN with other names and sizes: two stacked tanh layers over two steps, the
# input k = 3 wide, the hidden state m = 2 (the first layer's input weight is k×m, the
# second's m×m)
STACK = """
[network]
name = "held4-stack"
[dims]
n = 2
k = 3
m = 2
[inputs]
Ea = ["n", "k"]
Eb = ["n", "k"]
G0 = ["n", "m"]
K0 = ["n", "m"]
Tg = ["n", 1]
[params]
A1 = ["k", "m"]
B1 = ["m", "m"]
e1 = ["m"]
A2 = ["m", "m"]
B2 = ["m", "m"]
e2 = ["m"]
Vo = ["m", 1]
co = [1]
[forward]
G1 = "torch.tanh(Ea @ A1 + G0 @ B1 + e1)"
K1 = "torch.tanh(G1 @ A2 + K0 @ B2 + e2)"
G2 = "torch.tanh(Eb @ A1 + G1 @ B1 + e1)"
K2 = "torch.tanh(G2 @ A2 + K1 @ B2 + e2)"
out = "K2 @ Vo + co"
loss = "((out - Tg) ** 2 / 2).mean()"
"""

# the same network with the input as wide as the hidden state, by the same size name: the
# shapes follow the same pattern, and the strict lead-in says so
SAME = STACK.replace('name = "held4-stack"', 'name = "held4-same"').replace(
    '["n", "k"]', '["n", "m"]'
).replace('A1 = ["k", "m"]', 'A1 = ["m", "m"]')

# the first layer's activation another than the second's: not the same rules, not matched
OTHER = STACK.replace('name = "held4-stack"', 'name = "held4-other"').replace(
    'G1 = "torch.tanh(', 'G1 = "torch.sigmoid('
).replace('G2 = "torch.tanh(', 'G2 = "torch.sigmoid(')

FIRST = ("A1", "B1", "e1")  # the first layer's parameters
SECOND = ("A2", "B2", "e2")


@functools.cache
def _positions(source: str, detail: str = "standard") -> dict[str, tuple[int, object]]:
    """Each backward step's position (1-based) and its ``like``."""
    w = _walkthrough(source, detail)
    return {b.name: (i + 1, b.like) for i, b in enumerate(w.backward)}


def test_the_first_layer_is_the_second_at_other_sizes() -> None:
    """Its weights' steps are the run of the second layer's renamed all at once (the input
    for the layer below's hidden state), matched with the shapes left out: A1 is k×m where A2
    is m×m, so the sizes are not one renaming."""
    pos = _positions(STACK)
    likes = [pos[p][1] for p in FIRST]
    assert all(like is not None and like.sizes_differ for like in likes)
    first = likes[0]
    assert first.first and (first.ref_start, first.ref_end) == (pos["A2"][0], pos["e2"][0])
    assert (first.start, first.end) == (pos["A1"][0], pos["e1"][0])
    renamed = dict(first.pairs)
    assert renamed["A2"] == "A1" and renamed["B2"] == "B1" and renamed["e2"] == "e1"
    assert renamed["G1"] == "Ea" and renamed["G2"] == "Eb" and renamed["K0"] == "G0"
    # the second layer's own steps are written out in full (only a sibling may be compact)
    assert all(pos[p][1] is None or not pos[p][1].sizes_differ for p in SECOND)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_lead_in_says_only_the_sizes_may_differ(lang: str) -> None:
    pos = _positions(STACK)
    say = catalogue(lang)["longhand4"]["same_steps_sizes"]
    head = say.split("{{")[0].replace("**", "")  # "Steps 3." / "第 3."
    tex = _tex(STACK, lang)
    a, ra = pos["A1"][0], pos["A2"][0]
    lead = next(ln for ln in tex.splitlines() if f"3.{a}–3.{pos['e1'][0]}" in ln)
    tail = say.split("{{renamed}}")[1].split("。")[0].split(".")[0].replace("**", "")
    assert lead.startswith("\\noindent") and f"3.{ra}–3.{pos['e2'][0]}" in lead
    assert tail.strip(": ：") in lead
    assert head.strip() in lead.replace("\\textbf{", "").replace("}", "")
    strict = catalogue(lang)["deephand"]["same_steps"].split("{{renamed}}")[1]
    assert strict.split("。")[0].split(".")[0].strip(": ：") not in lead


def test_the_markdown_says_it_too() -> None:
    pos = _positions(STACK)
    md = _md(STACK, "en")
    lead = next(ln for ln in md.splitlines() if f"Steps 3.{pos['A1'][0]}–3." in ln)
    assert "only the sizes may differ" in lead and "shapes in the same pattern" not in lead
    assert_katex(md)


def test_equal_widths_keep_the_strict_lead_in() -> None:
    """With the input as wide as the hidden state (one size name), the first layer's run is
    the second's with the shapes in the same pattern: the strict match, its own lead-in."""
    pos = _positions(SAME)
    likes = [pos[p][1] for p in FIRST]
    assert all(like is not None and not like.sizes_differ for like in likes)
    assert "shapes in the same pattern" in _tex(SAME, "en")
    assert "only the sizes may differ. So only each" not in _tex(SAME, "en")


def test_another_activation_is_not_matched() -> None:
    """A sigmoid first layer under a tanh second: other rules, written out in full."""
    pos = _positions(OTHER)
    assert all(pos[p][1] is None or not pos[p][1].sizes_differ for p in FIRST)
    assert pos["A1"][1] is None


# a deep ReLU MLP (ng_deep_L4's structure, other names and sizes): its hidden layers 2 and 1
# repeat layer 3 with the shapes in the same pattern; layer 3 is also the output layer at other
# sizes, a match that must not move where those runs start
DEEP = """
[network]
name = "held4-deep"
[dims]
f = 3
u1 = 4
u2 = 3
u3 = 2
q = 5
[inputs]
Xd = ["f", "q"]
Yd = [1, "q"]
[params]
P1 = ["u1", "f"]
c1 = ["u1", 1]
P2 = ["u2", "u1"]
c2 = ["u2", 1]
P3 = ["u3", "u2"]
c3 = ["u3", 1]
P4 = [1, "u3"]
c4 = [1, 1]
[forward]
S1 = "P1 @ Xd + c1"
R1 = "torch.relu(S1)"
S2 = "P2 @ R1 + c2"
R2 = "torch.relu(S2)"
S3 = "P3 @ R2 + c3"
R3 = "torch.relu(S3)"
S4 = "P4 @ R3 + c4"
loss = "((S4 - Yd) ** 2).mean()"
"""


def test_runs_at_other_sizes_never_move_the_strict_runs() -> None:
    """Layers 2 and 1 are layer 3 again with the shapes in the same pattern (the strict runs,
    unchanged); no run at other sizes takes layer 3's steps from them, and the input layer's
    weight and bias stay in the last run."""
    pos = _positions(DEEP)
    for p in ("P2", "c2", "P1", "c1"):
        assert pos[p][1] is not None and not pos[p][1].sizes_differ, p
    assert not any(like is not None and like.sizes_differ for _i, like in pos.values())


def test_full_detail_writes_every_step() -> None:
    assert all(like is None for _i, like in _positions(STACK, "full").values())


# ---- a lead-in stays on the page of its display ----------------------------------------------


WIDE = " + ".join(f"\\frac{{a_{{{i}}} \\cdot b_{{{i}}}}}{{c_{{{i}}} + d_{{{i}}}}}" for i in range(14))


@PDF_TOOLS
def test_a_lead_in_stays_with_a_display_scaled_to_the_line(tmp_path: Path) -> None:
    """A display wider than the line is scaled to it (adjustbox's max width) and comes out a
    few hundredths of a point wider: LaTeX broke the centre's line after its empty label, so a
    page could end with "Entry by entry, at the example values:" and the display start the next
    (relu-mlp's page 3 in English). Here a page filled to two lines from its foot, then a
    lead-in and a display too tall for what is left: the lead-in goes with its display."""
    from derive.render.pdf import compile_pdf

    tex = _tex(STACK, "en")
    preamble = tex.split("\\begin{document}")[0]
    tall = "\\\\\n".join(f"x_{{{i}}} &= {WIDE}" for i in range(12))
    body = (
        "\\begin{document}\n\\noindent\\rule{1pt}{\\dimexpr\\textheight-6\\baselineskip}\n\n"
        "Lead-in sentence here:\n"
        "\\begin{center}\\adjustbox{max width=\\linewidth}{\\(\\displaystyle\\begin{aligned}"
        f"{tall}\\end{{aligned}}\\)}}\\end{{center}}\n\n\\end{{document}}\n"
    )
    pdf = tmp_path / "lead.pdf"
    log = compile_pdf(preamble + body, pdf)
    assert "Overfull \\hbox" not in log

    def page(p: int) -> str:
        cmd = ["pdftotext", "-f", str(p), "-l", str(p), "-layout", str(pdf), "-"]
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    assert "Lead-in sentence" not in page(1)
    assert "Lead-in sentence" in page(2) and "x" in page(2)
