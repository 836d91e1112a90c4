"""derive.render.pdf.compile_pdf: real xelatex runs (skipped where TeX is not installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from derive.render.pdf import INSTALL_HINT, ExternalToolError, LatexFailed, ToolMissing, compile_pdf

# builds files, compiles, runs a browser or many networks: not in the fast lane (-m 'not slow')
pytestmark = pytest.mark.slow

_TEX_MISSING = [tool for tool in ("latexmk", "xelatex") if shutil.which(tool) is None]
needs_tex = pytest.mark.skipif(
    bool(_TEX_MISSING),
    reason=f"{', '.join(_TEX_MISSING)} not on PATH (install: {INSTALL_HINT})",
)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext not on PATH (apt-get install -y poppler-utils)",
)

ENGLISH = r"""\documentclass{article}
\begin{document}
Backpropagation: $\frac{\partial L}{\partial w} = \delta x$.
\end{document}
"""

CHINESE = r"""\documentclass{ctexart}
\begin{document}
反向传播：损失函数对权重的梯度 $\frac{\partial L}{\partial w} = \delta x$。
\end{document}
"""


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    ).stdout


def assert_pdf(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-1024:]


@needs_tex
def test_english_document(tmp_path: Path) -> None:
    out = tmp_path / "out" / "walkthrough.pdf"  # parent directory does not exist yet
    compile_pdf(ENGLISH, out)
    assert_pdf(out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["walkthrough.pdf"]  # no temp left
    if shutil.which("pdftotext"):
        assert "Backpropagation" in pdf_text(out)


@needs_tex
def test_chinese_document(tmp_path: Path) -> None:
    out = tmp_path / "walkthrough.pdf"
    compile_pdf(CHINESE, out)
    assert_pdf(out)
    if shutil.which("pdftotext"):
        assert "反向传播" in pdf_text(out)


@needs_tex
def test_pdf_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    compile_pdf(ENGLISH, first)
    compile_pdf(ENGLISH, second)
    assert first.read_bytes() == second.read_bytes()


@needs_tex
def test_latex_error_raises_with_error_line(tmp_path: Path) -> None:
    out = tmp_path / "walkthrough.pdf"
    out.write_bytes(b"old")
    source = (
        "\\documentclass{article}\n\\begin{document}\nHi \\undefinedmacro{} x.\n\\end{document}\n"
    )
    with pytest.raises(LatexFailed) as info:
        compile_pdf(source, out)
    message = str(info.value)
    # -file-line-error turns "! Undefined control sequence." into "file:line: ..."
    assert "walkthrough.tex:3: Undefined control sequence." in message
    assert "\\undefinedmacro" in message  # the context line after the error
    assert isinstance(info.value, ExternalToolError)
    assert out.read_bytes() == b"old"  # untouched on failure
    assert sorted(p.name for p in tmp_path.iterdir()) == ["walkthrough.pdf"]


@needs_tex
def test_bang_error_lines_are_reported(tmp_path: Path) -> None:
    source = "\\documentclass{article}\n\\begin{document}\n\\input{nosuchfile}\n\\end{document}\n"
    with pytest.raises(LatexFailed) as info:
        compile_pdf(source, tmp_path / "x.pdf")
    assert "! LaTeX Error: File `nosuchfile.tex' not found." in str(info.value)
    assert not (tmp_path / "x.pdf").exists()


@needs_tex
def test_missing_glyph_is_an_error(tmp_path: Path) -> None:
    # Latin Modern has neither emoji nor runes; xelatex only logs "Missing character" and
    # exits 0, dropping the glyphs. We treat that as a failure.
    source = (
        "\\documentclass{article}\n\\begin{document}\nSmile \U0001f600 \u16a0.\n\\end{document}\n"
    )
    with pytest.raises(LatexFailed) as info:
        compile_pdf(source, tmp_path / "x.pdf")
    message = str(info.value)
    assert "Missing character: There is no \U0001f600 (U+1F600)" in message
    assert "(U+16A0)" in message
    assert not (tmp_path / "x.pdf").exists()


@needs_tex
def test_absolute_input_is_not_read(tmp_path: Path) -> None:
    # openin_any=p: TeX may not open absolute paths, so \input{/etc/hostname} finds nothing
    # (LaTeX reports the file as not found and -halt-on-error stops the run).
    source = (
        "\\documentclass{article}\n\\begin{document}\n"
        "Before. \\input{/etc/hostname} After.\n\\end{document}\n"
    )
    with pytest.raises(LatexFailed) as info:
        compile_pdf(source, tmp_path / "x.pdf")
    assert "File `/etc/hostname.tex' not found" in str(info.value)
    assert not (tmp_path / "x.pdf").exists()


@needs_tex
@needs_pdftotext
def test_absolute_input_content_absent_even_when_tolerated(tmp_path: Path) -> None:
    # Same check when the document guards the input itself: the run succeeds, the file's
    # content must still not be in the PDF.
    secret = tmp_path / "secret.tex"
    secret.write_text("TOPSECRETVALUE\n", encoding="utf-8")
    source = (
        "\\documentclass{article}\n\\begin{document}\n"
        f"Before. \\IfFileExists{{{secret}}}{{\\input{{{secret}}}}}{{NOTREAD}} After.\n"
        "\\end{document}\n"
    )
    out = tmp_path / "x.pdf"
    compile_pdf(source, out)
    text = pdf_text(out)
    assert "TOPSECRETVALUE" not in text
    assert "NOTREAD" in text


@needs_tex
def test_absolute_output_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "written-by-tex.txt"
    source = (
        "\\documentclass{article}\n"
        f"\\newwrite\\f \\immediate\\openout\\f={target} \\immediate\\write\\f{{x}}"
        "\\immediate\\closeout\\f\n"
        "\\begin{document}\nHi.\n\\end{document}\n"
    )
    with pytest.raises(LatexFailed) as info:
        compile_pdf(source, tmp_path / "x.pdf")
    assert "I can't write on file" in str(info.value)
    assert not target.exists()


@needs_tex
def test_shell_escape_is_off(tmp_path: Path) -> None:
    marker = tmp_path / "shell-ran"
    source = (
        "\\documentclass{article}\n\\begin{document}\n"
        f"\\immediate\\write18{{touch {marker}}}Hi.\n\\end{{document}}\n"
    )
    compile_pdf(source, tmp_path / "x.pdf")
    assert not marker.exists()


@needs_tex
def test_timeout_raises_and_kills_latex(tmp_path: Path) -> None:
    source = (
        "\\documentclass{article}\n\\begin{document}\n\\loop\\iftrue\\repeat\n\\end{document}\n"
    )
    with pytest.raises(LatexFailed) as info:  # the loop never ends: returning at all is the kill
        compile_pdf(source, tmp_path / "x.pdf", timeout=3)
    assert "timed out after 3 s" in str(info.value)
    assert not (tmp_path / "x.pdf").exists()


def test_tool_missing_when_path_has_no_tex(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissing) as info:
        compile_pdf(ENGLISH, tmp_path / "x.pdf")
    message = str(info.value)
    assert "latexmk and xelatex not found" in message
    assert (
        "apt-get install -y --no-install-recommends texlive-xetex texlive-lang-chinese latexmk"
        in message
    )
    assert isinstance(info.value, ExternalToolError)
    assert not (tmp_path / "x.pdf").exists()


@needs_tex
def test_tool_missing_when_only_latexmk_is_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    xelatex = shutil.which("xelatex")
    assert xelatex is not None
    os.symlink(xelatex, bindir / "xelatex")
    monkeypatch.setenv("PATH", str(bindir))
    with pytest.raises(ToolMissing, match=r"^latexmk not found on PATH"):
        compile_pdf(ENGLISH, tmp_path / "x.pdf")


# ---- the handouts: length and layout ---------------------------------------------------------

# The page budget for the standard handout (English, A4).
PAGE_LIMITS = {"tiny-mlp": 6, "mlp-bce": 9, "relu-mlp": 9, "neuron": 4, "chain": 3}
# the newer built-ins at lecture-note length, in both languages (editloop3)
PAGE_LIMITS_BOTH = {"attention": 9, "batchnorm": 9, "rnn": 9, "softmax-regression": 9}


def _pages(path: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.slow
@needs_tex
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo not on PATH (poppler-utils)")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_handouts_have_no_overfull_boxes_and_fit_their_page_budget(
    tmp_path: Path, lang: str
) -> None:
    """Every standard handout and the proofs document compile without a single overfull box
    (read from the LaTeX log), and the handouts stay within their page budgets in both
    languages."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import build as builder
    from derive.render import environment as render
    from derive.walkthrough.context import build as context
    from derive.walkthrough.context import proofs_document

    cited: list[str] = []
    for name in spec.builtin_names():
        d = derive(spec.load(name))
        w = context(
            d, numeric.verify(d, points=0, full=False), builder.shared_proofs(), detail="standard"
        )
        cited += [c.name for c in w.cited if c.name not in cited]
        tex = render.render("tex/walkthrough.tex.j2", w, lang, has_py=False)
        pdf = tmp_path / f"{name}.pdf"
        log = compile_pdf(tex, pdf)
        assert "Overfull \\hbox" not in log, (name, lang)
        if name in PAGE_LIMITS:  # the original five, in Chinese too (handread5)
            assert _pages(pdf) <= PAGE_LIMITS[name], (name, lang)
        if name in PAGE_LIMITS_BOTH:
            assert _pages(pdf) <= PAGE_LIMITS_BOTH[name], (name, lang)
    doc = proofs_document(cited, builder.shared_proofs())
    log = compile_pdf(render.render("tex/proofs.tex.j2", doc, lang), tmp_path / "proofs.pdf")
    assert "Overfull \\hbox" not in log, ("proofs", lang)


@pytest.mark.slow
@needs_tex
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts not on PATH (poppler-utils)")
def test_english_punctuation_is_set_in_the_latin_font(tmp_path: Path) -> None:
    """ctex's xeCJK sets ’ “ ” — … as full-width CJK punctuation unless told otherwise: an English
    handout read "sigmoid’ s slope" and "—a". With them in the Latin font, an English handout
    without Chinese text embeds no CJK font at all."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import build as builder
    from derive.render import environment as render
    from derive.walkthrough.context import build as context

    # relu-mlp: tiny-mlp's quoted "linear" left with its zero-init slip (handread27)
    d = derive(spec.load("relu-mlp"))
    w = context(d, numeric.verify(d, points=0, full=False), builder.shared_proofs())
    tex = render.render("tex/walkthrough.tex.j2", w, "en", has_py=False)
    assert all(ch in tex for ch in "’“”—"), "the handout no longer exercises the punctuation"
    pdf = tmp_path / "walkthrough.pdf"
    compile_pdf(tex, pdf)
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "Fandol" not in fonts, fonts
