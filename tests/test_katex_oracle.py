"""The Markdown-math oracle itself: it must accept the dialect and be able to fail."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from katex_oracle import (
    KATEX_DIR,
    MathBlock,
    MathSyntaxError,
    OracleMissing,
    check_markdown,
    dialect_problems,
    extract_math,
    katex_errors,
    notebook_markdown,
    oracle_missing_reason,
    scan_math,
)

_MISSING = oracle_missing_reason()
needs_katex = pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")


def inline(tex: str) -> MathBlock:
    return MathBlock(tex=tex, display=False, line=1)


def display(tex: str) -> MathBlock:
    return MathBlock(tex=tex, display=True, line=1)


# ----------------------------------------------------------------------------- extraction


def test_inline_and_display_with_line_numbers() -> None:
    md = (
        "# Title\n"  # 1
        "\n"  # 2
        "The loss $L = \\tfrac12 (y - t)^2$ and $z = Wx$.\n"  # 3
        "\n"  # 4
        "$$\n"  # 5
        "\\begin{aligned}\n"  # 6
        "a &= b \\\\\n"  # 7
        "c &= d\n"  # 8
        "\\end{aligned}\n"  # 9
        "$$\n"  # 10
        "\n"  # 11
        "Price: \\$5, then $x$.\n"  # 12
    )
    blocks = extract_math(md)
    assert blocks == [
        MathBlock("L = \\tfrac12 (y - t)^2", False, 3),
        MathBlock("z = Wx", False, 3),
        MathBlock("\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}", True, 5),
        MathBlock("x", False, 12),
    ]


def test_display_at_document_start_and_end_needs_no_blank_line() -> None:
    assert extract_math("$$\nx\n$$") == [MathBlock("x", True, 1)]


def test_dollars_in_code_fences_and_code_spans_are_ignored() -> None:
    md = (
        "Use `$HOME` and ``a ` $b`` here, and $y$.\n"
        "\n"
        "```bash\n"
        "echo $PATH $$\n"
        "$$\n"
        "```\n"
        "\n"
        "~~~\n"
        "cost = $3\n"
        "~~~\n"
        "\n"
        "After $z$.\n"
    )
    assert extract_math(md) == [MathBlock("y", False, 1), MathBlock("z", False, 12)]


@pytest.mark.parametrize(
    ("md", "expected"),
    [
        ("Costs $5 today.\n", "line 1: unbalanced '$'"),
        ("ok\n\nThe $a$ and $b.\n", "line 3: unbalanced '$'"),
        ("Text\n\n$$\nx = 1\n", "line 3: unbalanced '$$'"),
        ("Inline display $$x$$ here.\n", "line 1: '$$' must stand alone"),
        ("Text\n$$\nx\n$$\n", "line 2: display math needs a blank line before"),
        ("$$\nx\n$$\nText\n", "line 3: display math needs a blank line after"),
        ("$$\nx\n\ny\n$$\n", "line 3: blank line inside display math"),
        ("The $ x$ here.\n", "line 1: inline math must not start or end with a space"),
        ("```\ncode\n", "unclosed code fence"),
    ],
)
def test_delimiter_problems_are_reported(md: str, expected: str) -> None:
    with pytest.raises(MathSyntaxError) as info:
        extract_math(md)
    assert any(p.startswith(expected) for p in info.value.problems), info.value.problems
    _, problems = scan_math(md)
    assert problems == info.value.problems


# ----------------------------------------------------------------------------- dialect


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (display("x = 1 \\label{x}"), "\\label is not allowed"),
        (display("\\begin{align} a &= b \\end{align}"), "environment 'align' is not allowed"),
        (display("\\begin{matrix} a \\end{matrix}"), "environment 'matrix' is not allowed"),
        (display("a \\tag{1} \\tag{2}"), "2 \\tag in one formula"),
        (inline("a \\tag{1}"), "\\tag in inline math"),
        (inline("\\newcommand{\\x}{y} \\x"), "custom macros are not allowed (\\newcommand)"),
        (inline("\\def\\x{y} \\x"), "custom macros are not allowed (\\def)"),
        (inline("\\bm{W}"), "\\bm is not allowed"),
        (inline("损失 = 1"), "CJK outside \\text{} (损失)"),
        (inline("\\text{损失} + 梯度"), "CJK outside \\text{} (梯度)"),
        (inline("\\mathrm{损失}"), "CJK outside \\text{} (损失)"),
        (inline("a，b"), "CJK outside \\text{} (，)"),
        (display("X \\, W"), "\\, is not allowed"),
        (inline("a \\; b"), "\\; is not allowed"),
        (inline("a \\: b"), "\\: is not allowed"),
    ],
)
def test_dialect_problems(block: MathBlock, expected: str) -> None:
    problems = dialect_problems(block)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("line 1: ") for p in problems)


@pytest.mark.parametrize(
    "block",
    [
        display("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned} \\tag{3}"),
        display("\\begin{bmatrix} 1 & 2 \\end{bmatrix} \\begin{pmatrix} x \\end{pmatrix}"),
        display("f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{否则} \\end{cases}"),
        inline("\\text{损失 {嵌套 \\{括号\\}} 函数} = \\mathbf{1}[y = k]"),
        inline("\\text {损失}"),
        inline("\\boldsymbol{W} \\definecolor"),  # \definecolor is not \def
        display(
            "\\begin{aligned} X \\thinspace W \\medspace a \\thickspace b \\\\, c \\end{aligned}"
        ),
    ],
)
def test_dialect_accepts_allowed_constructs(block: MathBlock) -> None:
    assert dialect_problems(block) == []


# ----------------------------------------------------------------------------- KaTeX


@needs_katex
def test_katex_accepts_valid_formulas() -> None:
    blocks = [
        inline("\\frac{\\partial L}{\\partial W} = \\delta x^\\top"),
        display("\\begin{aligned} a &= \\sigma(z) \\\\ \\sigma'(z) &= a(1-a) \\end{aligned}"),
        inline("\\text{损失函数} = \\mathbf{1}[y=k]"),
        display("L = -\\sum_k t_k \\log \\hat y_k \\tag{1}"),
    ]
    assert katex_errors(blocks) == []


@needs_katex
def test_katex_rejects_broken_formula_with_line_number() -> None:
    ok = MathBlock("x", False, 3)
    bad = MathBlock("\\frac{1}{", True, 7)
    errors = katex_errors([ok, bad])
    assert len(errors) == 1
    assert errors[0].startswith("line 7: KaTeX parse error")
    assert errors[0].endswith("in: \\frac{1}{")


@needs_katex
def test_katex_rejects_unknown_macro() -> None:
    assert len(katex_errors([inline("\\notamacro{x}")])) == 1


@needs_katex
def test_strict_mode_rejects_what_lenient_mode_accepts() -> None:
    # "é" typed straight into math mode: KaTeX renders it when not strict, but warns
    # (unicodeTextInMathMode) and so must fail under strict: "error".
    errors = katex_errors([inline("é")])
    assert len(errors) == 1
    assert "strict mode" in errors[0] and "unicodeTextInMathMode" in errors[0]
    # same for CJK outside \text{}, which the dialect check also reports
    assert "unicodeTextInMathMode" in katex_errors([inline("损失")])[0]
    # the lenient renderer accepts the same input, so it is the strict setting that bites
    script = (
        "import katex from 'katex';"
        "katex.renderToString('é', {throwOnError: true, strict: 'ignore'});"
        "process.stdout.write('ok');"
    )
    node = shutil.which("node")
    assert node is not None
    proc = subprocess.run(
        [node, "--input-type=module", "-e", script],
        cwd=KATEX_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.stdout == "ok", proc.stderr


@needs_katex
def test_check_markdown_end_to_end() -> None:
    good = "Intro $a^2$.\n\n$$\n\\text{梯度} = \\nabla L\n$$\n\nEnd $\\mathbf{1}$.\n"
    assert check_markdown(good) == []
    bad = "Intro $\\frac{1}{$.\n\n$$\n梯度 \\label{g}\n$$\n"
    problems = check_markdown(bad)
    assert any(p.startswith("line 1: KaTeX parse error") for p in problems), problems
    assert any("line 3: \\label is not allowed" in p for p in problems), problems
    assert any("line 3: CJK outside" in p for p in problems), problems
    assert any(p.startswith("line 3: KaTeX parse error") for p in problems), problems


@needs_katex
def test_katex_errors_of_no_blocks_is_empty() -> None:
    assert katex_errors([]) == []


def test_missing_katex_raises_oracle_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(OracleMissing) as info:
        katex_errors([inline("x")])
    assert "node" in info.value.reason


# ----------------------------------------------------------------------------- notebooks


def test_notebook_markdown_joins_markdown_cells(tmp_path) -> None:
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# T\n", "\n", "$a$"]},
            {"cell_type": "code", "metadata": {}, "source": "x = '$b$'", "outputs": []},
            {"cell_type": "markdown", "metadata": {}, "source": "$$\nc\n$$"},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    text = notebook_markdown(path)
    assert text == "# T\n\n$a$\n\n$$\nc\n$$"
    assert [b.tex for b in extract_math(text)] == ["a", "c"]
