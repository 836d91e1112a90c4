"""Handouts of lecture-note length (issue 12, branch longhand12): a hand working beside its
matrix, or below it, as TeX decides by the room left on the page.

A working set beside the matrix of all its entries (longhand8) is one box: when it did not fit the
rest of a page it went whole to the next one and left this one's foot empty (resnet_bn's pages 2
and 3 ended 113 and 141 pt short). Now both forms are written into the ``.tex``
(``\\besideorbelow``, the macro ``worked_beside`` in ``sections.tex.j2``): the beside form with
its lead-in ("… and on the right all the entries"), and the same workings as rows a page may
break between with the matrix under them, with a lead-in of its own ("… then all the entries").
TeX sets the beside form when it fits; otherwise it splits the form below at the room left
(``\\vsplit``) and sets it when part of it fits and it leaves less for the next page than the
box would take there. Which lead-ins were said in full is TeX's state as well (the form
typeset says it), so a block set below and one beside after it say it in full once between them.
Layout only: the same workings, equations and numbers; Markdown, notebooks, code and ``--detail
full`` unchanged.

Tested on a network written here (held out from the course corpus: a 4-input layer with a bias,
tanh, a second matrix and the mean squared error), its numbers against PyTorch float64 autograd,
and real xelatex PDFs in both languages (a working started near a page's foot set below and
broken across the page; with room, beside; with no room for any of it, beside on the next page)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import torch
from test_deephand import PDF_TOOLS, _derivation, _md, _walkthrough
from test_longhand6 import _numbers

from derive.locale.catalog import catalogue
from derive.render import environment as render

HELD = """
[network]
name = "held12-below"
[dims]
m = 2
d = 4
k = 3
[inputs]
X = ["m", "d"]
T = ["m", "k"]
[params]
W = ["d", "k"]
b = [1, "k"]
V = ["k", "k"]
[forward]
Z = "X @ W + b"
H = "torch.tanh(Z)"
P = "H @ V"
E = "F.mse_loss(P, T)"
"""


def _tex(lang: str, detail: str = "standard") -> str:
    return render.render("tex/walkthrough.tex.j2", _walkthrough(HELD, detail), lang)


def _oracle() -> dict[str, torch.Tensor]:
    """The held network's values and gradients by PyTorch float64 autograd, written out here."""
    v = {
        k: torch.tensor([[float(x) for x in row] for row in rows], dtype=torch.float64)
        for k, rows in _derivation(HELD).spec.values.items()
    }
    for name in ("W", "b", "V"):
        v[name].requires_grad_(True)
    z = v["X"] @ v["W"] + v["b"]
    h = torch.tanh(z)
    p = h @ v["V"]
    for t in (z, h, p):
        t.retain_grad()
    e = torch.nn.functional.mse_loss(p, v["T"])
    e.backward()
    return {
        "Z": z.detach(), "H": h.detach(), "P": p.detach(), "δP": p.grad, "δH": h.grad,
        "δZ": z.grad, "W": v["W"].grad, "b": v["b"].grad, "V": v["V"].grad,
    }


def _args(tex: str, start: int, n: int) -> list[str]:
    """The ``n`` brace-delimited arguments of the macro whose name ends before ``start``."""
    out, k = [], start
    for _ in range(n):
        assert tex[k] == "{", tex[k : k + 40]
        depth, j = 0, k
        while True:
            if tex[j] == "\\":
                j += 2
                continue
            depth += {"{": 1, "}": -1}.get(tex[j], 0)
            if depth == 0:
                break
            j += 1
        out.append(tex[k + 1 : j])
        k = j + 1
    return out


def _blocks(tex: str) -> list[list[str]]:
    """Each ``\\besideorbelow``'s eight arguments, in order."""
    return [_args(tex, m.end(), 8) for m in re.finditer(r"\\besideorbelow(?=\{)", tex)]


def _rows(block: str) -> list[str]:
    """The right sides of a working's rows, however it is set (aligned, align*, one line)."""
    body = re.sub(r"\\begin\{bmatrix\}.*?\\end\{bmatrix\}", "", block, flags=re.S)
    parts = re.split(r"\\\\\*?|&|\\end\{aligned\}|\\qquad|\n", body)
    out = []
    for part in parts:
        for piece in re.split(r"(?<=\S) (?=(?:=|\\approx) )", part.strip()):
            m = re.match(r"(?:=|\\approx) (.+)$", piece.strip())
            row = re.sub(r"\\\)\}?\\end\{center\}.*$", "", m[1]).strip() if m else ""
            if row:
                out.append(row)
    return out


def _matrices(block: str) -> list[str]:
    return re.findall(r"\\begin\{bmatrix\}.*?\\end\{bmatrix\}", block, re.S)


# ---- both forms in the .tex ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_both_forms_hold_the_same_workings_and_numbers(lang: str) -> None:
    """Every working beside its matrix is written twice: beside (its longhand8 lead-ins, full and
    short) and below (longhand12's): the same rows of the same workings, the same matrix, whose
    entries are PyTorch float64's."""
    tex = _tex(lang)
    beside, below = catalogue(lang)["longhand8"], catalogue(lang)["longhand12"]
    blocks = _blocks(tex)
    assert len(blocks) >= 4
    oracle = _oracle()
    checked = 0
    for kind, lead, full, short, side, bfull, bshort, under in blocks:
        key = "_all" if kind == "all" else ""
        assert kind in ("some", "all")
        assert (full, short) == (beside["by_hand_beside" + key], beside["by_hand_beside" + key + "_again"])
        assert (bfull, bshort) == (below["by_hand_below" + key], below["by_hand_below" + key + "_again"])
        assert "\\begin{center}" in side and "\\qquad" in side
        rows = _rows(side)
        assert len(rows) >= 2 and _rows(under) == rows
        assert _matrices(side) == _matrices(under) and len(_matrices(side)) == 1
        got = _numbers(_matrices(side)[0])
        for want in oracle.values():
            if want.numel() == len(got) and torch.allclose(
                torch.tensor(got, dtype=torch.float64), want.reshape(-1), rtol=1e-6, atol=1e-7
            ):
                checked += 1
                break
        else:
            raise AssertionError(f"no PyTorch value is {got}")
    assert checked == len(blocks)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_step_at_the_start_of_the_line_is_in_both_forms_once(lang: str) -> None:
    """Z's short step starts its working's lead-in (lead_eq): it is the block's second argument,
    typeset in whichever form TeX chooses, and said once: not printed again elsewhere nor in
    the next block."""
    tex = _tex(lang)
    blocks = _blocks(tex)
    first = next(b for b in blocks if "Z_{11}" in b[4])
    assert "Z = X \\thinspace W + b" in first[1] and first[1].startswith("\\noindent")
    assert tex.count("Z = X \\thinspace W + b") == 1
    assert all("Z = X" not in b[1] for b in blocks if b is not first)
    assert all("Z = X" not in part for b in blocks for part in b[2:])


def test_full_detail_markdown_and_code_are_unchanged() -> None:
    L = catalogue("en")["longhand12"]
    for text in (_tex("en", "full"), _md(HELD, "en"), _md(HELD, "zh")):
        assert "\\besideorbelow{" not in text and not any(say in text for say in L.values())
    assert "Entry by entry" in _md(HELD, "en")


def test_the_catalogues_say_it_in_both_languages() -> None:
    en, zh = catalogue("en")["longhand12"], catalogue("zh")["longhand12"]
    keys = {"by_hand_below", "by_hand_below_again", "by_hand_below_all", "by_hand_below_all_again"}
    assert set(en) == set(zh) == keys
    assert all(re.search(r"[\u4e00-\u9fff]", zh[k]) for k in zh)
    assert all(en[k] != catalogue("en")["longhand8"][k.replace("below", "beside")] for k in keys)


# ---- real xelatex --------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return re.sub(r"[\s\-]", "", text)


def _pdf(tmp_path: Path, lang: str, room: str | None) -> list[str]:
    """The held handout's PDF, its pages' text, Z's working started on a new page: with ``room``
    left of it (a space put in before it, a page break allowed after the space), or the whole."""
    from derive.render.pdf import compile_pdf

    tex = _tex(lang)
    step = tex.index("\\displaystyle Z = X \\thinspace W + b")
    k = tex.rindex("\n", 0, step) + 1  # the line of Z's working: its lead-in (or both forms)
    space = f"\\vspace*{{\\dimexpr\\textheight-{room}\\relax}}\\penalty0" if room else ""
    tex = tex[:k] + f"\\newpage{space}\n" + tex[k:]
    pdf = tmp_path / f"h-{lang}.pdf"
    log = compile_pdf(tex, pdf)
    assert "Overfull \\hbox" not in log and "Overfull \\vbox" not in log
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")


def _said(pages: list[str], lang: str) -> list[str]:
    """The working lead-ins the PDF says, in order (their catalogue keys)."""
    L = {**catalogue(lang)["longhand8"], **catalogue(lang)["longhand12"]}
    text = _flat("".join(pages))
    found = []
    for key, say in L.items():
        found += [(m.start(), key) for m in re.finditer(re.escape(_flat(say)), text)]
    return [key for _, key in sorted(found)]


def _said_once(said: list[str]) -> None:
    """Of each kind (some entries, all of them), the first lead-in typeset, beside or below, is
    the full one, the later ones short."""
    assert any("_all" not in k for k in said)
    for every in (False, True):
        mine = [k for k in said if ("_all" in k) == every]
        assert not mine or (not mine[0].endswith("_again") and all(k.endswith("_again") for k in mine[1:]))


def _value(name: str, i: int = 0, j: int = 0, places: int = 2) -> str:
    return f"{float(_oracle()[name][i, j]):.{places}f}".replace("-", "−")


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_working_near_a_page_foot_is_set_below_and_broken(tmp_path: Path, lang: str) -> None:
    """Z's working beside its matrix started with 80pt left on a page does not fit there: it is
    set as rows with the matrix under it, its first rows on that page and the rest, its value
    (PyTorch's) and the matrix Z, at the top of the next, with the form below's lead-in in full;
    H's working after it, with room, is set beside, its lead-in short (said once); no overfull
    box. On the base commit the whole block went to the next page."""
    pages = _pdf(tmp_path, lang, "80pt")
    p = next(n for n, page in enumerate(pages) if "Z11=X11" in _flat(page))
    z11 = _value("Z")
    assert f"={z11}" not in _flat(pages[p])  # its first rows on the page of the space
    top = _flat(pages[p + 1])
    assert top.index(f"={z11}") < top.index(_flat(f"{_value('Z', 1, 2)}"))  # the matrix under it
    assert _flat(catalogue(lang)["longhand12"]["by_hand_below"]) in _flat(pages[p])
    said = _said(pages, lang)
    assert said[:2] == ["by_hand_below", "by_hand_beside_again"]
    _said_once(said)


@pytest.mark.slow
@PDF_TOOLS
def test_with_room_or_with_none_the_working_is_beside(tmp_path: Path) -> None:
    """With room (at the top of a page), Z's working is beside its matrix (the beside lead-in in
    full, first); with
    24pt left (no part of the form below fits) it goes whole to the next page, beside, as it
    did before: nothing of it on the page of the space."""
    for room in (None, "24pt"):
        pages = _pdf(tmp_path, "en", room)
        said = _said(pages, "en")
        assert said[0] == "by_hand_beside"
        _said_once(said)
        if room:
            p = next(n for n, page in enumerate(pages) if "Z11" in _flat(page))
            assert "Entry by entry" in pages[p] and "Entry by entry" not in pages[p - 1]
