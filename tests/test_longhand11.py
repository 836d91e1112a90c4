"""Handouts of lecture-note length (issue 12, branch longhand11): a long display of rows may break
across pages in the PDF.

A hand working or a long step laid out in aligned rows was one unbreakable box (an ``aligned``
block inside an adjustbox): when it did not fit the rest of a page, the whole block went to the
next one and the page ended up to a third empty. Now a display that is ONE block of rows —
``aligned`` with ``BREAK_ROWS`` rows or more, or the example values' ``gathered`` rows — is
written ``\\rowsdisplay{align|gather}{rows}`` (``environment._rows_apart``, the macro ``shown``):
TeX measures the block, sets it as ``align*``/``gather*`` rows a page may break between when it
fits the line unshrunk, and as the same shrunk box as before when it is wider than the line. No
page ends or starts with one row of a working alone (``\\\\*`` after the first row and before
the last). Layout only: the same rows, equations and numbers; Markdown, notebooks and code
unchanged.

Tested on a network written here (held out from the course corpus: a nine-input tanh layer whose
entry workings run six rows), its numbers against PyTorch float64, and real xelatex PDFs (a
working broken across a page, no overfull box, en and zh)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import markupsafe
import pytest
import torch
from test_deephand import PDF_TOOLS, _derivation, _walkthrough

from derive.render import environment as render
from derive.walkthrough.records import Math

HELD = """
[network]
name = "held-wide"
[dims]
m = 3
d = 9
k = 2
[inputs]
X = ["m", "d"]
T = ["m", "k"]
[params]
V = ["d", "k"]
c = [1, "k"]
[forward]
S = "X @ V + c"
P = "tanh(S)"
E = "0.5 * sum((P - T) ** 2)"
"""


def _tex(lang: str, detail: str = "standard") -> str:
    return render.render("tex/walkthrough.tex.j2", _walkthrough(HELD, detail), lang)


def _leaves(source: str = HELD) -> dict[str, torch.Tensor]:
    """The example values (the inputs derive drew) as float64 tensors for PyTorch."""
    return {
        k: torch.tensor([[float(x) for x in row] for row in rows], dtype=torch.float64)
        for k, rows in _derivation(source).spec.values.items()
    }


def _forward() -> dict[str, torch.Tensor]:
    """The held network's forward pass in PyTorch float64, written out by hand."""
    v = _leaves()
    s = v["X"] @ v["V"] + v["c"]
    p = torch.tanh(s)
    return {"S": s, "P": p, "E": 0.5 * ((p - v["T"]) ** 2).sum()}


def _rows_displays(tex: str) -> list[str]:
    """The bodies of the ``\\rowsdisplay`` displays, in order."""
    return re.findall(r"\\rowsdisplay\{align\}\{\n(.*?)\n\}\n", tex, re.S)


def _number(row: str) -> float:
    m = re.fullmatch(r"\s*&(?:=|\\approx)\s*(-?[\d.]+)\s*", row)
    assert m, row
    return float(m[1])


# ---- the rule ----------------------------------------------------------------------------------


def test_the_rows_rule() -> None:
    """One aligned block of four rows or more: its rows, the breaks after the first row and
    before the last starred; a matrix's rows and a braced group's are not rows of the block;
    shorter blocks, two blocks side by side and a single row are not set as rows."""
    rows = ["a &= b + c", "&\\quad + \\begin{bmatrix}1 \\\\ 2\\end{bmatrix}", "&= {x \\\\ y}", "&= 3", "&= 4"]
    kind, body = render._rows_apart(Math("\\begin{aligned}" + " \\\\ ".join(rows) + "\\end{aligned}"))
    assert kind == "align"
    cuts = re.findall(r"\\\\\*?(?= &)", body)  # the block's own row breaks
    assert cuts == ["\\\\*", "\\\\", "\\\\", "\\\\*"]
    assert body.replace("\\\\*", "\\\\") == " \\\\ ".join(rows)  # the same rows, nothing else
    four = Math("\\begin{aligned}a &= 1 \\\\ &= 2 \\\\ &= 3 \\\\ &= 4\\end{aligned}")
    assert render._rows_apart(four) == ("align", "a &= 1 \\\\* &= 2 \\\\ &= 3 \\\\* &= 4")
    three = Math("\\begin{aligned}a &= 1 \\\\ &= 2 \\\\ &= 3\\end{aligned}")
    assert render._rows_apart(three) == ("", "")
    side = Math(f"{four}\\qquad{four}")
    assert render._rows_apart(side) == ("", "")
    assert render._rows_apart(Math("a = b + c")) == ("", "")
    beside = Math(f"{four} \\approx 4")  # a block and the value after it: one box
    assert render._rows_apart(beside) == ("", "")


def test_gathered_values_are_rows() -> None:
    """The example values packed to the line (a ``gathered`` block): each row its own tensors,
    so any two rows or more may break; one row stays one box."""
    two = markupsafe.Markup("\\begin{gathered}\nA = 1\\qquad B = 2 \\\\[0.4ex]\nC = 3\n\\end{gathered}")
    assert render._rows_apart(two) == ("gather", "\nA = 1\\qquad B = 2 \\\\[0.4ex]\nC = 3\n")
    one = markupsafe.Markup("\\begin{gathered}\nA = 1\n\\end{gathered}")
    assert render._rows_apart(one) == ("", "")


def test_only_printer_made_math_is_set_as_rows() -> None:
    with pytest.raises(TypeError):
        render._rows_apart("\\begin{aligned}a &= 1 \\\\ &= 2 \\\\ &= 3 \\\\ &= 4\\end{aligned}")


# ---- the held-out handout ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_long_workings_are_rows_with_pytorchs_numbers(lang: str) -> None:
    """Each entry of S (nine products and a bias: six rows) is worked out as rows a page may
    break between, its last row PyTorch's value; the loss's long working too; no such working
    is left in a centred box; the short workings (P = tanh S: three rows) stay one box."""
    tex = _tex(lang)
    ref = _forward()
    bodies = _rows_displays(tex)
    entries = {}
    for body in bodies:
        rows = re.split(r" \\\\\*? (?=&)|\\\\\*?\n", body)
        assert len(rows) >= render.BREAK_ROWS
        head = re.match(r"\s*(S|E)(?:_\{(\d)(\d)\})? &", rows[0])
        if head:
            entries[head.group(1) + (head.group(2) or "") + (head.group(3) or "")] = _number(rows[-1])
    assert sorted(k for k in entries if k.startswith("S")) == [
        f"S{i}{j}" for i in (1, 2, 3) for j in (1, 2)
    ]
    for i in (1, 2, 3):
        for j in (1, 2):
            assert entries[f"S{i}{j}"] == pytest.approx(float(ref["S"][i - 1, j - 1]), abs=5e-8)
    assert entries["E"] == pytest.approx(float(ref["E"]), abs=5e-8)
    assert not re.search(r"\\begin\{center\}\\adjustbox\{max width=\\linewidth\}\{\\\(\\displaystyle\\begin\{aligned\}\nS_\{", tex)
    # a three-row working stays one box
    p11 = tex.index("P_{11} &= \\tanh")
    assert tex.rindex("\\begin{center}", 0, p11) > tex.rindex("\\rowsdisplay", 0, p11)


def test_full_detail_and_markdown_are_unchanged() -> None:
    """The rows are the same rows as before; Markdown has no such macro."""
    md = render.render("md/walkthrough.md.j2", _walkthrough(HELD), "en")
    assert "rowsdisplay" not in md and "\\\\*" not in md
    full = _tex("en", "full")
    assert "\\rowsdisplay{align}" in full  # the same layout rule: PDF only, every detail


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_working_breaks_across_a_page(tmp_path: Path, lang: str) -> None:
    """Real xelatex: S₂₁'s working started with 64pt left on a page (the page filled by a
    space put in before it) puts its first rows on that page and the rest, its value
    PyTorch's, on the next — one box would have gone whole to the next page, leaving that
    one empty; no overfull box."""
    from derive.render.pdf import compile_pdf

    tex = _tex(lang)
    row = tex.index("S_{21} &=")
    k = tex.rindex("\n", 0, tex.rindex("\n", 0, row)) + 1  # the display's opening line
    tex = tex[:k] + "\\newpage\\vspace*{\\dimexpr\\textheight-64pt\\relax}\n" + tex[k:]
    pdf = tmp_path / "h.pdf"
    log = compile_pdf(tex, pdf)
    assert "Overfull \\hbox" not in log
    pages = _page_texts(pdf)
    start = next(n for n, p in enumerate(pages) if re.search(r"S21\s*=\s*X21 · V11", p))
    value = f"{float(_forward()['S'][1, 0]):.2f}".replace("-", "−")
    assert f"= {value}" not in pages[start]  # its first rows on the page of the space
    rest = pages[start + 1]  # the others, with its value, at the top of the next
    assert f"= {value}" in rest and rest.index(f"= {value}") < rest.index("S22")


@pytest.mark.slow
@PDF_TOOLS
def test_rows_wider_than_the_line_stay_one_shrunk_box(tmp_path: Path) -> None:
    """A block of rows wider than the line (a rule 1.2 lines wide, put in the held-out
    handout) is measured by TeX and set as one box shrunk to the line: no overfull box (as
    ``align*`` it would run into the margin)."""
    from derive.render.pdf import compile_pdf

    tex = _tex("en")
    wide = "\\rowsdisplay{align}{a &= \\rule{1.2\\linewidth}{1pt} \\\\* &= b \\\\ &= c \\\\* &= d}\n"
    k = tex.index("\\section{", tex.index("S_{32}"))
    log = compile_pdf(tex[:k] + wide + tex[k:], tmp_path / "w.pdf")
    assert "Overfull \\hbox" not in log


# ---- a compact forward step and its numbers on one row -----------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_compact_forward_step_is_one_row_with_its_numbers(lang: str) -> None:
    """A forward layer like the one before it (test_deephand's held-out network: H2 and H3
    repeat H1) is its equation and its numbers on ONE display, ``H = σ(…) ≈ [values]``, as a
    compact backward step already was (two displays before); the numbers PyTorch's; full
    detail keeps the equation and works each entry out."""
    from test_deephand import HELD as DEEP
    from test_longhand6 import _numbers

    v = _leaves(DEEP)
    h1 = torch.sigmoid(v["X"] @ v["U1"] + v["c1"])
    ref = {"2": torch.sigmoid(h1 @ v["U2"] + v["c2"])}
    ref["3"] = torch.sigmoid(ref["2"] @ v["U3"] + v["c3"])
    tex = render.render("tex/walkthrough.tex.j2", _walkthrough(DEEP), lang)
    full = render.render("tex/walkthrough.tex.j2", _walkthrough(DEEP, "full"), lang)
    for k in ("2", "3"):
        head = f"\\subsection{{\\(H^{{[{k}]}}\\)}}"
        part = tex[tex.index(head) : tex.index("\\subsection", tex.index(head) + 1)]
        rows = [line for line in part.splitlines() if line.startswith("\\begin{center}")]
        assert len(rows) == 1, part
        assert f"H^{{[{k}]}} = \\sigma\\left(" in rows[0] and " \\approx \\begin{bmatrix}" in rows[0]
        got = torch.tensor(_numbers(rows[0].split("\\approx", 1)[1]), dtype=torch.float64)
        assert torch.allclose(got, ref[k].reshape(-1), atol=5e-8)
        part = full[full.index(head) : full.index("\\subsection", full.index(head) + 1)]
        assert " \\approx \\begin{bmatrix}" not in part.split("\n", 2)[1]  # the equation alone
