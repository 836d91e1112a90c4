"""Handouts of lecture-note length (issue 12, branch longhand8): at ``--detail standard`` the PDF
sets a tensor's hand working and the matrix of all its entries side by side on one display when
the two fit the A4 line (``environment.worked_row``; the lead-in says so, in full once, then
short), instead of the matrix on its own display under the working. A dense handout (more hand
workings than ``handpick.HAND_BUDGET``) works out one row of each tensor; when two workings side
by side and the matrix do not fit, its row is the first working alone, beside the matrix.
Layout only: every working shown is one the walkthrough computed, every matrix is printed.
Tested on a network written here (held out from the course corpus), its numbers against PyTorch
float64 autograd, and the course handouts' pages against a real xelatex build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch
from test_deephand import BUILTINS, PDF_TOOLS, _derivation, _md, _walkthrough, assert_fits
from test_longhand6 import _numbers

from derive.locale.catalog import catalogue
from derive.render import environment as render
from derive.walkthrough.records import Calc, Math, Values

HELD = """
[network]
name = "held8-beside"
[dims]
m = 3
d0 = 2
d1 = 3
d2 = 3
d3 = 2
[inputs]
X = ["m", "d0"]
T = ["m", "d3"]
[params]
W1 = ["d0", "d1"]
c1 = [1, "d1"]
W2 = ["d1", "d2"]
c2 = [1, "d2"]
W3 = ["d2", "d3"]
[forward]
Z1 = "X @ W1 + c1"
H1 = "torch.tanh(Z1)"
Z2 = "H1 @ W2 + c2"
H2 = "torch.sigmoid(Z2)"
P = "H2 @ W3"
E = "F.mse_loss(P, T)"
"""


def _autograd() -> dict[str, torch.Tensor]:
    """The held network's gradients by PyTorch float64 autograd (written out here by hand)."""
    d = _derivation(HELD)
    v = {
        k: torch.tensor([[float(x) for x in row] for row in rows], dtype=torch.float64)
        for k, rows in d.spec.values.items()
    }
    for t in v.values():
        t.requires_grad_(True)
    z1 = v["X"] @ v["W1"] + v["c1"]
    h1 = torch.tanh(z1)
    z2 = h1 @ v["W2"] + v["c2"]
    h2 = torch.sigmoid(z2)
    p = h2 @ v["W3"]
    inner = {"Z1": z1, "H1": h1, "Z2": z2, "H2": h2, "P": p}
    for t in inner.values():
        t.retain_grad()
    ((p - v["T"]) ** 2).mean().backward()
    params = {k: v[k].grad for k in ("W1", "c1", "W2", "c2", "W3")}
    return {**{k: t.grad for k, t in inner.items()}, **params}


WIDTH = render.FIT_WIDTH


def _calc(lhs: str, *terms: str) -> Calc:
    return Calc(Math(lhs), tuple((Math("="), Math(t)) for t in terms))


def _value(lhs: str, rows: int, cols: int) -> Values:
    body = " \\\\ ".join(" & ".join("0.1234567" for _ in range(cols)) for _ in range(rows))
    return Values(Math(lhs), Math("\\approx"), Math(f"\\begin{{bmatrix}}{body}\\end{{bmatrix}}"))


# ---- the rule (layout only) --------------------------------------------------------------------

NARROW = _calc("P_{11}", "\\sigma\\left(z_{11}\\right)", "\\sigma\\left(0.26\\right)", "0.5646363")
WIDE = _calc(
    "h_{11}",
    "x_{11} \\cdot W_{11} + x_{12} \\cdot W_{21} + x_{13} \\cdot W_{31} + x_{14} \\cdot W_{41}",
    "0.2 \\cdot \\left(-0.4\\right) + \\left(-0.3\\right) \\cdot 0.5"
    " + 0.4 \\cdot \\left(-0.4\\right) + 0.7 \\cdot 0",
    "0.31",
)
MEDIUM = _calc(
    "c_{11}",
    "\\left(1 - f_{11}\\right) \\cdot \\tanh\\left(g_{15}\\right)",
    "\\left(1 - 0.5646363\\right) \\cdot \\tanh\\left(0.46\\right)",
    "0.1872431",
)


def test_narrow_workings_go_beside_their_matrix() -> None:
    assert render._worked_row([NARROW, NARROW], _value("P", 2, 2), False, WIDTH) == [
        NARROW,
        NARROW,
    ]


def test_a_wide_working_keeps_its_matrix_below() -> None:
    assert render._worked_row([WIDE], _value("h", 3, 4), False, WIDTH) == []
    assert render._worked_row([WIDE], _value("h", 3, 4), True, WIDTH) == []


def test_a_dense_handout_sets_its_first_working_alone_beside_the_matrix() -> None:
    """Two workings and the matrix are wider than the line: a dense handout's row is the first
    working alone (the matrix holds every entry); a handout that is not dense keeps both
    workings and the matrix below them."""
    v = _value("c", 2, 2)
    assert not render._worked_beside([MEDIUM, MEDIUM], v, WIDTH)
    assert render._worked_row([MEDIUM, MEDIUM], v, True, WIDTH) == [MEDIUM]
    assert render._worked_row([MEDIUM, MEDIUM], v, False, WIDTH) == []


def test_a_working_broken_into_rows_is_never_set_beside() -> None:
    long_sum = " + ".join(f"a_{{{k}}} \\cdot b_{{{k}}}" for k in range(1, 30))
    assert render._worked_row([_calc("s", long_sum, "1.5")], _value("s", 1, 1), True, WIDTH) == []


# ---- a held-out network's handout --------------------------------------------------------------


def _tex(lang: str, detail: str = "standard") -> str:
    return render.render("tex/walkthrough.tex.j2", _walkthrough(HELD, detail), lang)


def _beside_parts(tex: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(kind, full lead-in, short lead-in, display) of each working beside its matrix: the
    beside form of ``\\besideorbelow`` (test_longhand12: TeX sets it, or the same workings as
    rows with the matrix below when it does not fit the rest of the page)."""
    L = catalogue(lang)["longhand8"]
    heads = "|".join(re.escape(L[k]) for k in sorted(L, key=lambda k: -len(L[k])))
    pattern = (
        rf"\\besideorbelow\{{(some|all)\}}\{{.*?\}}\{{({heads})\}}\{{({heads})\}}\{{%\n"
        r"\\begin\{center\}(.*?)\\end\{center\}\}"
    )
    return re.findall(pattern, tex, re.S)


def _beside_blocks(tex: str, lang: str) -> list[str]:
    """The displays set beside their lead-ins (full or short)."""
    return [display for *_, display in _beside_parts(tex, lang)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_held_handout_sets_its_workings_beside_their_matrices(lang: str) -> None:
    """Each side-by-side display holds the working's left side and the matrix of all the
    entries; each carries its lead-in in full and short (TeX says it in full the first time:
    test_longhand12); every tensor's matrix is printed."""
    tex = _tex(lang)
    L = catalogue(lang)["longhand8"]
    parts = _beside_parts(tex, lang)
    blocks = _beside_blocks(tex, lang)
    assert len(blocks) >= 3
    assert all(
        (full, short) == (L["by_hand_beside"], L["by_hand_beside_again"])
        for kind, full, short, _ in parts
        if kind == "some"
    )
    assert any(kind == "some" for kind, *_ in parts)
    assert sum(tex.count(say) for say in L.values()) == 2 * len(blocks)
    assert all("\\begin{aligned}" in b and "bmatrix" in b for b in blocks)
    w = _walkthrough(HELD)
    for item in (*w.forward, *w.backward):
        if item.value is not None and "bmatrix" in str(item.value.value):
            assert str(render.printing.column_as_row(str(item.value.value), 3)) in tex, item.name


def test_full_detail_and_markdown_keep_the_matrix_below() -> None:
    L = catalogue("en")["longhand8"]
    assert L["by_hand_beside"] not in _tex("en", "full")
    assert L["by_hand_beside"] not in _md(HELD, "en")
    assert "Entry by entry" in _md(HELD, "en")


def test_the_numbers_beside_are_pytorchs() -> None:
    """The matrices set beside a working are the gradients PyTorch float64 autograd gives for
    the network written out here by hand."""
    grads = _autograd()
    blocks = " ".join(_beside_blocks(_tex("en"), "en"))
    w = _walkthrough(HELD)
    b = {x.name: x for x in w.backward}
    checked = 0
    for name, grad in grads.items():
        value = str(b[name].value.value)
        if value not in blocks:
            continue
        got = torch.tensor(_numbers(value), dtype=torch.float64)
        assert torch.allclose(got, grad.reshape(-1), rtol=1e-6, atol=1e-7), name
        checked += 1
    assert checked >= 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_entry_worked_out_is_together_not_the_others(lang: str) -> None:
    """The built-in tiny-mlp works out both entries of each tensor: its lead-in says the
    matrix beside is them together, never "the others are worked out the same way"."""
    L = catalogue(lang)["longhand8"]
    tex = render.render(
        "tex/walkthrough.tex.j2", _walkthrough(str(BUILTINS / "tiny-mlp.toml")), lang
    )
    parts = _beside_parts(tex, lang)
    assert parts and all(
        (kind, full, short) == ("all", L["by_hand_beside_all"], L["by_hand_beside_all_again"])
        for kind, full, short, _ in parts
    )
    assert L["by_hand_beside"] not in tex and L["by_hand_beside_again"] not in tex


def test_the_catalogues_say_it_in_both_languages() -> None:
    en, zh = catalogue("en")["longhand8"], catalogue("zh")["longhand8"]
    keys = {"by_hand_beside", "by_hand_beside_again", "by_hand_beside_all"}
    assert set(en) == set(zh) == keys | {"by_hand_beside_all_again"}
    assert all(re.search(r"[\u4e00-\u9fff]", zh[k]) for k in zh)


# ---- pages (real xelatex) ----------------------------------------------------------------------

FITS = [
    pytest.param("hn19_cifg_lstm_coupled", "en", id="cifg-en"),
    pytest.param("hn19_cifg_lstm_coupled", "zh", id="cifg-zh"),
    pytest.param("hn20_cmu10414_hw2_residual_block", "zh", id="cmu-zh"),
]


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize(("name", "lang"), FITS)
def test_the_handouts_brought_within_the_limits(tmp_path: Path, name: str, lang: str) -> None:
    """Before this branch: cifg 10 pages in English and Chinese, the CMU residual block 11 in
    Chinese; now within 9 (English) and 10 (Chinese) pages, no overfull box."""
    assert_fits(tmp_path, name, lang)


# ---- the proofs a step cites, at the end of its "in words" paragraph ---------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_steps_proofs_close_its_in_words_paragraph(lang: str) -> None:
    """A standard PDF handout cites the general proofs of a step (each once) at the end of its
    "in words" paragraph, not on a line of their own after each path; every proof a path uses
    is still cited, and --detail full keeps them after the path."""
    L = catalogue(lang)
    tex = _tex(lang)
    label = L["handout_intuition"]["label"]
    words = re.findall(r"\{\\sloppy (.*?)\\par\}", tex, re.S)
    words = [p for p in words if label.split("}")[-1].strip("*：: ") in p]
    said = [p for p in words if "\\prooflink" in p]
    assert len(said) >= 3
    w = _walkthrough(HELD)
    for b in w.backward:
        if not b.words:
            continue
        cited = {n for p in b.paths if p.eq.proof for n in (*p.also, p.eq.proof)}
        para = next(p for p in words if all(f"proof-{n}" in p for n in cited))
        assert all(para.count(f"{{proof-{n}}}") == 1 for n in cited), b.name
    full = _tex(lang, "full")
    assert not re.search(r"\\sloppy [^\n]*\\prooflink", full)
