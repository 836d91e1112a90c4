"""The last long handouts (issue 12, pass 11): layout only — the same proven steps and numbers,
set in fewer lines (a short step beside its lead-in, a column of values as its row transposed,
Chinese aligned rows at the English spacing), so the user specs fit the built-ins' budget."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SPECS = Path(__file__).parent / "specs_course"


def test_a_column_prints_as_its_row_transposed() -> None:
    """A column of three values or more is one line, the same entries in the same order; a
    matrix, a short column and a row too wide for a line stay as they are."""
    from derive.engine.printing import column_as_row

    col = r"\begin{bmatrix} -0.1297888 \\ -0.9222077 \\ 0.1113482 \\ 0.0010162 \end{bmatrix}"
    row = column_as_row(col)
    assert row.endswith(r"\end{bmatrix}^{\top}") and r"\\" not in row
    assert re.findall(r"-?\d\.\d+", row) == re.findall(r"-?\d\.\d+", col)
    two = r"\begin{bmatrix} 1 \\ 2 \end{bmatrix}"
    assert column_as_row(two) == two
    matrix = r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \\ 5 & 6 \end{bmatrix}"
    assert column_as_row(matrix) == matrix
    long = r"\begin{bmatrix} " + r" \\ ".join(["-0.123456789"] * 12) + r" \end{bmatrix}"
    assert column_as_row(long) == long
    assert column_as_row("0.5") == "0.5"


def _handout(name: str, lang: str) -> str:
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import build as builder
    from derive.render import environment as render
    from derive.walkthrough.context import build as context

    d = derive(spec.load(name))
    w = context(
        d, numeric.verify(d, points=0, full=False), builder.shared_proofs(), detail="standard"
    )
    return render.render("tex/walkthrough.tex.j2", w, lang, has_py=False)


def test_a_shared_weights_contributions_sit_beside_their_lead_ins() -> None:
    """Elman RNN: each of the shared Wxh's three per-step contributions (x⁽ᵗ⁾ᵀ(δ ⊙ (1 − h²)),
    about 32 units wide) was a centred display under its lead-in; then on the lead-in's line.
    Since round 27 they stand under their Σ over t (proven equal to each term): now one
    display, a row each — the same proven LaTeX. A compact sibling's paths (Whh, step 3.8 is
    step 3.7 again) are, since round 31, the braced terms of its total: one row."""
    tex = _handout(str(SPECS / "elman_rnn3.toml"), "en")
    rows = re.findall(
        r"^\\left\.\\frac\{\\partial \\mathrm\{loss\}\}\{\\partial W_\{xh"
        r"\}\}\\right\|_\{h_\{(\d)\}\} &= ",
        tex,
        re.M,
    )
    assert rows == ["3", "2", "1"], rows
    assert tex.count("\\begin{aligned}\n\\left.\\frac{\\partial \\mathrm{loss}}") >= 1
    whh = tex[tex.index("\\partial W_{hh}}\\)}") :]
    whh = whh[: whh.index("\\approx")]
    assert re.findall(r"_\{\\text\{through\}\\,h_\{(\d)\}\}", whh) == ["3", "2", "1"]


def test_chinese_aligned_rows_keep_the_english_spacing() -> None:
    """Chinese lines are spread by 1.25; an aligned display's rows are a line apart plus \\jot,
    so \\jot is 0 there (1.25 × 12pt = 12pt + 3pt), and left alone in English."""
    zh, en = _handout("chain", "zh"), _handout("chain", "en")
    assert r"\setlength{\jot}{0pt}" in zh and r"\setlength{\jot}" not in en


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdfinfo") is None,
    reason="xelatex and pdfinfo needed",
)
@pytest.mark.parametrize("name", ["elman_rnn3", "cmu_batchnorm"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_long_user_handouts_fit_nine_pages(tmp_path: Path, name: str, lang: str) -> None:
    """Before this pass the Elman RNN ran 10 pages in both languages, CMU batch norm 10 in
    Chinese; the built-ins' budget is 9, with no overfull box."""
    from derive.render.pdf import compile_pdf

    pdf = tmp_path / "h.pdf"
    log = compile_pdf(_handout(str(SPECS / f"{name}.toml"), lang), pdf)
    assert "Overfull \\hbox" not in log
    assert _pages(pdf) <= 9


def test_two_narrow_steps_of_one_reason_share_a_display() -> None:
    """mlp-bce's note on the 1/m: ∂L/∂W⁽²⁾ and ∂L/∂b⁽²⁾ (one reason) were two centred displays;
    a handout sets them side by side with the reason once after them; --detail full does not
    pair, and a step with another reason is never paired with them."""
    from derive.render.environment import FIT_WIDTH, _eq_rows
    from derive.walkthrough.records import Eq, Math

    def eq(lhs: str, reason: str) -> Eq:
        return Eq(lhs=Math(lhs), rhs=Math("A^{\\top} \\delta"), reason=reason, args=(), shapes=Math(""))

    a, b, c = eq("m \\delta", "scale"), eq("dW", "substitute"), eq("db", "substitute")
    rows = _eq_rows([a, b, c], FIT_WIDTH, True)
    assert rows == [((a,), True), ((b, c), True)]
    assert _eq_rows([a, b, c], FIT_WIDTH, False) == [((a,), True), ((b,), False), ((c,), True)]
