"""The PDF diagram: no edge label covers a node or another label (derive/walkthrough/diagram.py
places them; here the geometry is checked, and TeX's own box sizes are compared with the
estimates the placement used)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from derive.engine.graph import build
from derive.lang import spec as specs
from derive.walkthrough import diagram as dm

ROOT = Path(__file__).resolve().parent.parent
USER_SPECS = [
    str(ROOT / "tests/specs_engine/ce.toml"),
    str(ROOT / "tests/specs_engine/tdep.toml"),
    str(ROOT / "tests/specs_engine/novals.toml"),
    str(ROOT / "bench/specs/sm2.toml"),
]
NETS = specs.builtin_names() + USER_SPECS


def _diagram(net: str) -> dm.Diagram:
    return dm.diagram(build(specs.load(net)))


def _apart(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Boxes (cx, cy, w, h) that do not overlap (touching allowed)."""
    return abs(a[0] - b[0]) >= (a[2] + b[2]) / 2 or abs(a[1] - b[1]) >= (a[3] + b[3]) / 2


@pytest.mark.parametrize("net", NETS)
def test_no_label_covers_a_node_or_another_label(net: str) -> None:
    dg = _diagram(net)
    assert dm.overlaps(dg) == []
    nodes = {n.id: (*n.pos, n.w, n.h) for n in dg.nodes}
    labels = [(e, (*e.lpos, e.lw, e.lh)) for e in dg.edges if e.tex]
    for k, (e, box) in enumerate(labels):
        assert box[2] > 0 and box[3] > 0
        for nid, nb in nodes.items():
            assert _apart(box, nb), (net, e.src, e.dst, nid)
        for other, ob in labels[k + 1 :]:
            assert _apart(box, ob), (net, e.src, e.dst, other.src, other.dst)
        # the label sits on its own edge, between the two nodes
        (ax, ay), (bx, by) = dict((n.id, n.pos) for n in dg.nodes)[e.src], dict(
            (n.id, n.pos) for n in dg.nodes
        )[e.dst]
        cross = (bx - ax) * (box[1] - ay) - (by - ay) * (box[0] - ax)
        assert abs(cross) < 1e-2 * max(1.0, abs(bx - ax) + abs(by - ay)) ** 2, (net, e.src)
        t = ((box[0] - ax) * (bx - ax) + (box[1] - ay) * (by - ay)) / (
            (bx - ax) ** 2 + (by - ay) ** 2
        )
        assert 0 < t < 1, (net, e.src, e.dst)


@pytest.mark.parametrize("net", NETS)
def test_no_edge_runs_through_a_node(net: str) -> None:
    """An edge drawn through a third node reads as one of that node's edges (batchnorm's
    Z → Z_c past μ, rnn's entry-level biases past x₂): nodes move a row, or the drawing goes
    tensor by tensor."""
    assert dm.crossings(_diagram(net)) == []


def test_each_parameter_labels_the_edge_of_the_input_it_multiplies() -> None:
    dg = _diagram("rnn")
    text = {n.id: n.text for n in dg.nodes}
    labels = {(text[e.src], text[e.dst]): e.text for e in dg.edges}
    assert labels[("x_1", "z_1")] == "W_x, b" and labels[("h_0", "z_1")] == "W_h"
    assert labels[("h_1", "z_2")] == "W_h" and labels[("x_2", "z_2")] == "W_x, b"


def test_a_crowded_edge_gets_its_label_off_the_node_it_passes() -> None:
    """tdep: the edge X → L runs straight through Z; its label must not sit on Z."""
    dg = _diagram(str(ROOT / "tests/specs_engine/tdep.toml"))
    assert dm.overlaps(dg) == []
    assert any(e.tex for e in dg.edges)


def test_mlp_bce_labels_clear_the_x_circle_and_the_a1_box() -> None:
    """The two overlaps the issue names."""
    dg = _diagram("mlp-bce")
    by_tex = {n.tex: n for n in dg.nodes}
    x, a1 = by_tex["X"], by_tex["A^{[1]}"]
    for e in dg.edges:
        if not e.tex:
            continue
        box = (*e.lpos, e.lw, e.lh)
        assert _apart(box, (*x.pos, x.w, x.h)), e.tex
        assert _apart(box, (*a1.pos, a1.w, a1.h)), e.tex


_TEX = shutil.which("xelatex")


@pytest.mark.slow
@pytest.mark.skipif(_TEX is None, reason="xelatex not on PATH")
def test_estimated_boxes_are_at_least_as_large_as_tex_draws_them(tmp_path: Path) -> None:
    """TeX measures every node and label of every built-in's diagram (11 pt, the larger of the
    two handout sizes); the placement's estimates must not be smaller."""
    style = (
        "node/.style={draw, rounded corners, inner sep=3pt, minimum height=6mm},"
        "input/.style={draw, circle, inner sep=1.5pt, minimum size=7mm},"
        "param/.style={draw, trapezium, trapezium left angle=75, trapezium right angle=105,"
        " inner sep=2pt},"
        "loss/.style={draw, rounded corners=3mm, thick, inner sep=3pt, minimum height=6mm},"
        "lab/.style={fill=white, inner sep=1pt, font=\\scriptsize}"
    )
    body, expect, texs = [], {}, {}
    for k, net in enumerate(NETS):
        dg = _diagram(net)
        body.append(f"\\begin{{tikzpicture}}[{style}]")
        for n in dg.nodes:
            name = f"d{k}{n.id}"
            body.append(f"\\node[{n.kind}, name={name}] at ({n.pos[0]},{n.pos[1]}) {{\\({n.tex}\\)}};")
            expect[name], texs[name] = (n.w, n.h), n.tex
        for j, e in enumerate(e for e in dg.edges if e.tex):
            name = f"d{k}l{j}"
            body.append(f"\\node[lab, name={name}] at ({e.lx},{e.ly}) {{\\({e.tex}\\)}};")
            expect[name], texs[name] = (e.lw, e.lh), e.tex
        for name in [x for x in expect if x.startswith(f"d{k}")]:
            body.append(
                f"\\path let \\p1 = ($({name}.north east)-({name}.south west)$) in "
                f"\\pgfextra{{\\typeout{{BOX {name} \\x1 \\y1}}}};"
            )
        body.append("\\end{tikzpicture}\n")
    doc = (
        "\\documentclass[11pt]{article}\\usepackage{amsmath}\\usepackage{tikz}"
        "\\usetikzlibrary{arrows.meta,shapes.geometric,calc}\\begin{document}\n"
        + "\n".join(body)
        + "\\end{document}\n"
    )
    (tmp_path / "d.tex").write_text(doc)
    run = subprocess.run(
        ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "d.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = (tmp_path / "d.log").read_text(errors="replace")
    assert run.returncode == 0, log[-2000:]
    found = {
        m.group(1): (float(m.group(2)) * dm.PT, float(m.group(3)) * dm.PT)
        for m in re.finditer(r"BOX (\S+) ([\d.]+)pt ([\d.]+)pt", log)
    }
    assert set(found) == set(expect)
    small = [
        (name, texs[name], (round(w, 3), round(h, 3)), tuple(round(x, 3) for x in expect[name]))
        for name, (w, h) in found.items()
        if w > expect[name][0] + 1e-3 or h > expect[name][1] + 1e-3
    ]
    assert small == []
