"""Handouts of lecture-note length (issue 12, branch longhand10): three layout mechanisms of the
PDF at ``--detail standard``, each general (no spec named) and layout only — every step, equation
and number stays; Markdown, notebooks and ``--detail full`` are unchanged.

1. A compact step (a layer whose steps repeat the layer above, ``layers.py``) whose total is
   exactly its paths' right sides summed as printed is ONE display, each path's term under a
   brace naming the path, as a step in full already is (``environment._braced``): before, a
   block of one row per path and then the total again.
2. Gradients proven 0 (the zero-initialisation argument's "with every parameter exactly 0")
   as one chain ``a = b = … = 0`` a row (``environment._zero_chain``), not one ``= 0`` each.
3. The update lines in columns, each column its own listing aligned at the top (multicols set
   the first column a line lower).

Tested on a network written here (held out from the course corpus: four layers with weight
decay, other names), its numbers against PyTorch float64 autograd of the network written out
by hand, and real xelatex PDFs (no overfull box)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
from test_deephand import HELD as DEEP
from test_deephand import PDF_TOOLS, _derivation, _md, _net, _pages, _walkthrough
from test_longhand6 import _numbers

from derive.locale.catalog import catalogue
from derive.render import environment as render
from derive.walkthrough.records import Math

HELD = _net(("sigmoid", "sigmoid", "sigmoid")).replace(
    'E = "0.5 * sum((out - T) ** 2)"',
    'fit = "0.5 * sum((out - T) ** 2)"\n'
    'decay = "0.01 * (sum(U1 ** 2) + sum(U2 ** 2) + sum(U3 ** 2) + sum(U4 ** 2))"\n'
    'E = "fit + decay"',
)
SPECS = Path(__file__).parent / "specs_course"


def _tex(source: str, lang: str, detail: str = "standard") -> str:
    return render.render("tex/walkthrough.tex.j2", _walkthrough(source, detail), lang)


def _section(tex: str, name_tex: str) -> str:
    """The backward subsection whose heading is ``name_tex``."""
    start = tex.index(f"\\subsection{{\\({name_tex}\\)}}")
    return tex[start : tex.index("\\subsection{", start + 1)]


def _leaves(source: str) -> dict[str, torch.Tensor]:
    """The network's example values as float64 leaves of PyTorch's autograd."""
    return {
        k: torch.tensor(
            [[float(x) for x in row] for row in rows], dtype=torch.float64
        ).requires_grad_(True)
        for k, rows in _derivation(source).spec.values.items()
    }


def _autograd() -> dict[str, torch.Tensor]:
    """The held network's weight gradients by PyTorch float64 autograd (written out by hand)."""
    v = _leaves(HELD)
    h1 = torch.sigmoid(v["X"] @ v["U1"] + v["c1"])
    h2 = torch.sigmoid(h1 @ v["U2"] + v["c2"])
    h3 = torch.sigmoid(h2 @ v["U3"] + v["c3"])
    out = h3 @ v["U4"] + v["c4"]
    decay = 0.01 * sum((v[u] ** 2).sum() for u in ("U1", "U2", "U3", "U4"))
    (0.5 * ((out - v["T"]) ** 2).sum() + decay).backward()
    return {u: v[u].grad for u in ("U1", "U2")}


# ---- 1. a compact step's paths as the braced terms of its total -----------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_compact_step_braces_its_paths(lang: str) -> None:
    """U2 and U1 repeat U3's steps (a compact run): each is one braced display (through the
    decay and through its layer), in the paths' order, the total not written again; their
    printed matrices are PyTorch's."""
    through = catalogue(lang)["longhand9"]["through"]
    b = {x.name: x for x in _walkthrough(HELD).backward}
    assert b["U2"].like and b["U1"].like and len(b["U2"].paths) == 2
    tex = _tex(HELD, lang)
    grads = _autograd()
    for name in ("U2", "U1"):
        part = _section(tex, f"\\frac{{\\partial E}}{{\\partial U^{{[{name[1]}]}}}}")
        assert part.count("\\underbrace{") == 2, name
        assert part.count(f"\\text{{{through}}}") == 2
        value = str(b[name].value.value)
        assert "\\begin{aligned}" not in part[: part.index(value)]  # no block of a row per path
        shown = re.findall(r"\\underbrace\{(.*?)\}_\{\\text", part)
        assert [s[:20] for s in shown] == [str(p.eq.rhs)[:20] for p in b[name].paths]
        # one display (the total with its braced terms), then the numbers: nothing between
        before = part[: part.index(value)]
        assert before.count("\\begin{center}") == 2 and before.count(" = \\underbrace{") == 1
        got = torch.tensor(_numbers(value), dtype=torch.float64)
        assert torch.allclose(got, grads[name].reshape(-1), rtol=1e-6, atol=1e-7), name


def test_a_compact_step_whose_paths_do_not_add_up_is_not_braced() -> None:
    """The rule itself: a total that is not the paths' right sides joined as printed keeps a
    display per path (the same check as for a step in full)."""
    b = next(x for x in _walkthrough(HELD).backward if x.name == "U1")
    assert render._braced(b, "through", render.FIT_WIDTH)
    p0 = b.paths[0]
    flipped = SimpleNamespace(total=b.total, paths=(b.paths[1], p0))  # the other order
    assert not render._braced(flipped, "through", render.FIT_WIDTH)


def test_full_detail_and_markdown_keep_a_row_per_path() -> None:
    tex = _tex(HELD, "en", "full")
    assert "\\underbrace{" not in _section(tex, "\\frac{\\partial E}{\\partial U^{[1]}}")
    assert "\\underbrace" not in _md(HELD, "en")


# ---- 2. gradients proven 0 as one chain -----------------------------------------------------


def test_the_zero_chain_rule() -> None:
    def eq(lhs: str, rhs: str = "0") -> SimpleNamespace:
        return SimpleNamespace(lhs=Math(lhs), rhs=Math(rhs))

    few = [eq(f"\\frac{{\\partial L}}{{\\partial W_{{{i}}}}}") for i in range(3)]
    rows = render._zero_chain(few)
    assert rows == [tuple(few)]
    many = [
        eq(f"\\frac{{\\partial L}}{{\\partial W^{{[{i}]}}_{{\\text{{long}}}}}}") for i in range(20)
    ]
    rows = render._zero_chain(many)
    assert rows is not None and len(rows) > 1 and [e for r in rows for e in r] == many
    for r in rows:
        tex = " = ".join(str(e.lhs) for e in r) + " = 0"
        assert len(r) == 1 or render.printing.display_width(tex) <= render.PART_LINE
    assert render._zero_chain([*few, eq("\\frac{\\partial L}{\\partial b}", "1")]) is None
    assert render._zero_chain([]) is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_vanishing_gradients_are_one_chain(lang: str) -> None:
    """tft's zero-initialisation argument: each gradient proven 0 named once, in one chain."""
    source = str(SPECS / "hn16_tft_gated_residual.toml")
    w = _walkthrough(source)
    ls = next(x for x in w.lessons if x.key == "symmetry")
    vanish = dict(ls.parts)["sym_zero"]
    assert len(vanish) >= 3 and all(str(e.rhs) == "0" for e in vanish)
    tex = _tex(source, lang)
    lead = catalogue(lang)["lessons"]["symmetry"]["sym_zero"].split("$")[0]
    part = tex[tex.index(lead) :]
    chain = part[part.index("\\displaystyle") : part.index("\\end{center}")]
    assert chain == "\\displaystyle " + "".join(f"{e.lhs} = " for e in vanish) + "0\\)}"


# ---- 3. the update lines in columns aligned at the top --------------------------------------


def test_the_update_lines_are_columns_aligned_at_the_top() -> None:
    tex = _tex(HELD, "en")
    start = tex.index("\\begin{minipage}[t]")
    part = tex[start : tex.index("\\par", start)]
    cols = [c.split("\\end{lstlisting}")[0] for c in part.split("\\begin{lstlisting}")[1:]]
    lines = [ln for c in cols for ln in c.split("\n") if " - lr * " in ln]
    assert part.count("\\begin{minipage}[t]") == len(cols) == 3
    assert lines == [f"{p} = {p} - lr * d{p}" for p in _derivation(HELD).spec.params]
    assert [c.count(" - lr * ") for c in cols] == [3, 3, 2]
    assert "multicols" not in tex


# ---- the PDFs (real xelatex) ------------------------------------------------------------------


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_held_out_handout_has_no_overfull_box(tmp_path: Path, lang: str) -> None:
    from derive.render.pdf import compile_pdf

    log = compile_pdf(_tex(HELD, lang), tmp_path / "h.pdf")
    assert "Overfull \\hbox" not in log


# ---- 4. a note leading into one short step ends its paragraph with it ----------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_transpose_note_ends_with_its_step(lang: str) -> None:
    """ "Why the transpose" (test_deephand's held-out network): its one short step closes the
    body's paragraph, unbroken, its general proof on the same line; ``--detail full`` keeps the
    display and the proof's line."""
    w = _walkthrough(DEEP)
    ls = next(x for x in w.lessons if x.key in ("transpose-order", "product-order"))
    title = catalogue(lang)["lessons"][ls.key]["title"]
    tex = _tex(DEEP, lang)
    part = tex[tex.index(title) :]
    part = part[: part.index("\\subsection")]
    if not ls.eqs:  # round 33: said with the factors' shapes, the step is not shown again
        assert ls.body.startswith("body.shapes")
        shapes = dict(ls.math)
        assert f"\\({shapes['F']}\\)" in part and f"\\({shapes['R']}\\)" in part
        assert "\\begin{center}" not in part and part.count("\\prooflink") == len(ls.proofs) >= 1
        return
    (e,) = ls.eqs
    assert f"\\mbox{{\\(\\displaystyle {e.lhs} = {e.rhs}\\)}}" in part
    assert "\\begin{center}" not in part and part.count("\\prooflink") == len(ls.proofs) >= 1
    assert part.rstrip().endswith("\\par")  # one paragraph: body, step, proofs
    full = _tex(DEEP, lang, "full")
    part = full[full.index(title) :]
    assert "\\begin{center}" in part[: part.index("\\subsection")]


# ---- the course handouts brought to 9 pages (real xelatex) -----------------------------------

NINE = [
    # 10 pages in Chinese before round 31 (9 in English): the Code section on the page its
    # heading fits (one-line lead-in, the room measured), compact steps braced
    ("ng_deep_L4", "zh"),
    ("hn15_vicreg", "zh"),
]


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize(("name", "lang"), NINE)
def test_the_handouts_brought_to_nine_pages(tmp_path: Path, name: str, lang: str) -> None:
    from derive.render.pdf import compile_pdf

    pdf = tmp_path / "h.pdf"
    log = compile_pdf(_tex(str(SPECS / f"{name}.toml"), lang), pdf)
    assert "Overfull \\hbox" not in log
    assert _pages(pdf) <= 9


# ---- 5. a total written with its paths' names: the paths as the rows of that sum -----------

GRU = str(SPECS / "hn21_gru_two_layers_two_steps.toml")


def _path(lhs: str, rhs: str, source: str, upstream: str | None = "u") -> SimpleNamespace:
    return SimpleNamespace(
        eq=SimpleNamespace(lhs=Math(lhs), rhs=Math(rhs)),
        upstream=upstream,
        source_tex=Math(source),
    )


def test_the_stacked_rule() -> None:
    """Stacked only when the total is the paths' names summed exactly, in order, every path
    from an upstream gradient and each row one line."""
    a = _path("\\left.\\delta_{H}\\right|_{A}", "\\delta_{A} W_{a}^{\\top}", "A")
    b = _path("\\left.\\delta_{H}\\right|_{B}", "\\delta_{B} \\odot B W_{b}^{\\top}", "B")

    def step(paths, rhs=None) -> SimpleNamespace:
        names = " + ".join(str(p.eq.lhs) for p in paths)
        total = SimpleNamespace(lhs=Math("\\delta_{H}"), rhs=Math(rhs or names))
        return SimpleNamespace(total=total, paths=tuple(paths))

    width = render.FIT_WIDTH
    assert render._stacked(step([a, b]), "through", width)
    assert not render._stacked(step([a, b], f"{b.eq.lhs} + {a.eq.lhs}"), "through", width)
    assert not render._stacked(step([a, b], f"{a.eq.lhs} - {b.eq.lhs}"), "through", width)
    loss = _path("\\left.\\delta_{H}\\right|_{L}", "2 H", "L", upstream=None)
    assert not render._stacked(step([a, loss]), "through", width)
    wide = _path("\\left.\\delta_{H}\\right|_{C}", " + ".join(["\\delta_{C} W_{c}"] * 30), "C")
    assert not render._stacked(step([a, wide]), "through", width)
    assert not render._stacked(step([a]), "through", width)


def _gru_grads() -> dict[str, torch.Tensor]:
    """The course GRU's δh by PyTorch float64 autograd, written out here from its equations."""
    v = _leaves(GRU)
    s = torch.sigmoid
    z11 = s(v["x1"] @ v["Wz1"])
    n11 = torch.tanh(v["x1"] @ v["Wn1"] + s(v["x1"] @ v["Wr1"]) * v["bhn1"])
    h11 = (1 - z11) * n11
    z21 = s(h11 @ v["Wz2"])
    n21 = torch.tanh(h11 @ v["Wn2"] + s(h11 @ v["Wr2"]) * v["bhn2"])
    h21 = (1 - z21) * n21
    z12 = s(v["x2"] @ v["Wz1"] + h11 @ v["Uz1"])
    r12 = s(v["x2"] @ v["Wr1"] + h11 @ v["Ur1"])
    n12 = torch.tanh(v["x2"] @ v["Wn1"] + r12 * (h11 @ v["Un1"] + v["bhn1"]))
    h12 = (1 - z12) * n12 + z12 * h11
    z22 = s(h12 @ v["Wz2"] + h21 @ v["Uz2"])
    r22 = s(h12 @ v["Wr2"] + h21 @ v["Ur2"])
    n22 = torch.tanh(h12 @ v["Wn2"] + r22 * (h21 @ v["Un2"] + v["bhn2"]))
    h22 = (1 - z22) * n22 + z22 * h21
    for t in (h21, h12):
        t.retain_grad()
    ((h22 @ v["w_out"] - v["y"]) ** 2).mean().backward()
    return {"h12": h12.grad, "h21": h21.grad}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gru_hidden_states_are_stacked(lang: str) -> None:
    """The course GRU's δh at each step: its total by the paths' names (the sum written out is
    too wide for a row) becomes ONE display, a row per path — the path's own verified right
    side and its name — with no display per path and no total by names; the numbers are
    PyTorch's."""
    through = catalogue(lang)["longhand9"]["through"]
    b = {x.name: x for x in _walkthrough(GRU).backward}
    tex = _tex(GRU, lang)
    grads = _gru_grads()
    for name in ("h12", "h21"):  # h11's paths through step 1's gates are too wide for a row
        step = b[name]
        part = tex[tex.index(f"\\subsection{{\\({step.tex}\\)}}") :]
        part = part[: part.index("\\subsection{", 1)]
        rows = [f"{p.eq.rhs}\\quad\\text{{{through}}}\\,{p.source_tex}" for p in step.paths]
        assert all(r in part for r in rows), name
        assert str(step.total.rhs) not in part  # the sum by names, not written
        assert not any(f"{p.eq.lhs} = " in part for p in step.paths)  # no display per path
        got = torch.tensor(_numbers(str(step.value.value)), dtype=torch.float64)
        assert torch.allclose(got, grads[name].reshape(-1), rtol=1e-6, atol=1e-7), name
    md = _md(GRU, lang)
    assert all(f"{p.eq.lhs} = " in md for p in b["h12"].paths)  # Markdown unchanged


# ---- 6. a step between two columns as the equation of their rows transposed -----------------


def test_two_columns_equal_as_their_rows_transposed() -> None:
    """The zero-initialisation argument's "column 2 = column 1" of a weight's gradient: both
    sides columns → both as rows transposed (the same statement); one side a column or too
    short a column → as it is."""
    col = "\\begin{bmatrix} a \\\\ b \\\\ c \\end{bmatrix}"
    other = "\\begin{bmatrix} d \\\\ e \\\\ f \\end{bmatrix}"
    e = SimpleNamespace(lhs=Math(col), rhs=Math(other))
    lhs, rhs = render._sides_as_rows(e, 2)
    assert lhs == "\\begin{bmatrix} a & b & c \\end{bmatrix}^{\\top}"
    assert rhs == "\\begin{bmatrix} d & e & f \\end{bmatrix}^{\\top}"
    assert render._sides_as_rows(SimpleNamespace(lhs=Math(col), rhs=Math("0")), 2) == (col, "0")
    assert render._sides_as_rows(e, 4) == (col, other)  # full detail's least: unchanged


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_symmetry_columns_are_rows_transposed(lang: str) -> None:
    """tft's "each hidden unit computes the same value as unit 1" and W⁽²⁾'s gradient columns:
    rows transposed at standard, columns at full detail."""
    source = str(SPECS / "hn16_tft_gated_residual.toml")
    tex = _tex(source, lang)
    lead = catalogue(lang)["lessons"]["symmetry"]["sym_step"].split("$")[0]
    part = tex[: tex.index(lead)]
    part = part[part.rindex("\\subsection") :]
    # unit 2 only below full detail (handread25): η⁽²⁾'s column and ∂W⁽²⁾'s column, each a row
    assert part.count("\\end{bmatrix}^{\\top} = \\begin{bmatrix}") >= 2
    full = _tex(source, lang, "full")
    part = full[: full.index(lead)]
    assert "\\end{bmatrix}^{\\top} = \\begin{bmatrix}" not in part[part.rindex("\\subsection") :]
