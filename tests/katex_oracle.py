"""Test oracle for the Markdown math dialect of DESIGN.md section 6.

The dialect that renders alike in MkDocs Material (arithmatex), Jupyter Book/MyST, GitHub, Quarto,
Obsidian and notebooks:

* inline math is ``$...$`` on one line (not ``$$``), with no space just inside the dollars;
* display math is a line holding only ``$$``, the math, and a line holding only ``$$``, with a
  blank line (or the start/end of the document) before the opening and after the closing ``$$``
  and no blank line inside;
* ``$`` inside fenced code blocks and inline code spans is not math; ``\\$`` is a literal dollar;
* inside math: only the environments ``aligned``, ``gathered``, ``cases``, ``bmatrix``,
  ``pmatrix``; at most one ``\\tag`` (display only); no ``\\label``; no macro definitions; no
  ``\\bm``; CJK characters only inside ``\\text{...}``;
* every formula parses in KaTeX strict mode (``tests/katex/check.mjs``, the pinned ``katex``
  npm package; install it with ``npm ci --prefix tests/katex``).

Typical use in a test::

    problems = check_markdown(path.read_text(encoding="utf-8"))  # may raise OracleMissing
    assert problems == []
"""

from __future__ import annotations

import atexit
import json
import re
import select
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

KATEX_DIR = Path(__file__).resolve().parent / "katex"
CHECK_SCRIPT = KATEX_DIR / "check.mjs"
KATEX_PACKAGE = KATEX_DIR / "node_modules" / "katex" / "package.json"

ALLOWED_ENVIRONMENTS = frozenset({"aligned", "gathered", "cases", "bmatrix", "pmatrix"})
FORBIDDEN_COMMANDS = {
    "label": "\\label is not allowed",
    "bm": "\\bm is not allowed (use \\boldsymbol or \\mathbf)",
    "newcommand": "custom macros are not allowed (\\newcommand)",
    "renewcommand": "custom macros are not allowed (\\renewcommand)",
    "providecommand": "custom macros are not allowed (\\providecommand)",
    "DeclareMathOperator": "custom macros are not allowed (\\DeclareMathOperator)",
    "def": "custom macros are not allowed (\\def)",
    "gdef": "custom macros are not allowed (\\gdef)",
    "edef": "custom macros are not allowed (\\edef)",
    "xdef": "custom macros are not allowed (\\xdef)",
    "let": "custom macros are not allowed (\\let)",
    # GitHub's Markdown pipeline strips these inside math (X \\, W reads "X, W"): spell them out
    ",": "\\, is not allowed (GitHub drops it; use \\thinspace)",
    ":": "\\: is not allowed (GitHub drops it; use \\medspace)",
    ";": "\\; is not allowed (GitHub drops it; use \\thickspace)",
}

# CJK scripts, symbols and full-width forms.
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」 ...)
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31A0, 0x31FF),  # Bopomofo ext., CJK strokes, Katakana ext.
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility
    (0x3400, 0x4DBF),  # CJK ext. A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms (，：（） ...)
    (0x20000, 0x3134F),  # CJK ext. B and later
)

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CONTROL = re.compile(r"\\([A-Za-z]+|.)", re.DOTALL)


class OracleMissing(RuntimeError):
    """node or the pinned katex package is not installed; ``reason`` says what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MathSyntaxError(ValueError):
    """The Markdown's math delimiters break the dialect; ``problems`` lists each with its line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class MathBlock:
    """One formula: its TeX, whether it is display math, and its 1-based line in the Markdown.

    For display math ``line`` is the line of the opening ``$$``.
    """

    tex: str
    display: bool
    line: int


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph, kana, Hangul, CJK punctuation or full-width form."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


# --------------------------------------------------------------------------- extraction


def _blank_code_spans(line: str) -> str:
    """Replace inline code spans (and their backticks) with spaces, keeping columns.

    CommonMark rule: a run of n backticks opens a span closed by the next run of exactly n
    backticks; an unmatched run is literal. A backslash escapes the next character outside spans.
    """
    out = list(line)
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch != "`":
            i += 1
            continue
        j = i
        while j < n and line[j] == "`":
            j += 1
        run = j - i
        k = j
        close = -1
        while k < n:
            if line[k] == "`":
                m = k
                while m < n and line[m] == "`":
                    m += 1
                if m - k == run:
                    close = m
                    break
                k = m
            else:
                k += 1
        if close < 0:
            i = j  # literal backticks
            continue
        for p in range(i, close):
            out[p] = " "
        i = close
    return "".join(out)


def _scan_inline(text: str, lineno: int, blocks: list[MathBlock], problems: list[str]) -> None:
    """Collect ``$...$`` formulas of one line (code spans already blanked)."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch != "$":
            i += 1
            continue
        if text.startswith("$$", i):
            problems.append(
                f"line {lineno}: '$$' must stand alone on its own line (display math), "
                f"found in: {text.strip()}"
            )
            return
        j = i + 1
        while j < n:
            if text[j] == "\\":
                j += 2
                continue
            if text[j] == "$":
                break
            j += 1
        if j >= n:
            problems.append(
                f"line {lineno}: unbalanced '$' at column {i + 1} "
                f"(write a literal dollar as \\$): {text.strip()}"
            )
            return
        tex = text[i + 1 : j]
        if not tex.strip():
            problems.append(f"line {lineno}: empty inline math at column {i + 1}")
        elif tex[0].isspace() or tex[-1].isspace():
            problems.append(
                f"line {lineno}: inline math must not start or end with a space: ${tex}$"
            )
        else:
            blocks.append(MathBlock(tex=tex, display=False, line=lineno))
        i = j + 1


def scan_math(markdown: str) -> tuple[list[MathBlock], list[str]]:
    """Find every formula and every delimiter problem of ``markdown``.

    Returns ``(blocks, problems)``; each problem is a message starting ``line N:``.
    """
    lines = markdown.splitlines()
    blocks: list[MathBlock] = []
    problems: list[str] = []
    fence: str | None = None  # the opening fence while inside a fenced code block
    k = 0
    while k < len(lines):
        line = lines[k]
        lineno = k + 1
        if fence is not None:
            stripped = line.strip()
            if (
                stripped
                and set(stripped) == {fence[0]}
                and len(stripped) >= len(fence)
                and len(line) - len(line.lstrip(" ")) <= 3
            ):
                fence = None
            k += 1
            continue
        m = _FENCE_OPEN.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end() :]):
            fence = m.group(1)
            k += 1
            continue
        if line.strip() == "$$":
            if k > 0 and lines[k - 1].strip():
                problems.append(f"line {lineno}: display math needs a blank line before '$$'")
            end = k + 1
            while end < len(lines) and lines[end].strip() != "$$":
                end += 1
            if end >= len(lines):
                problems.append(f"line {lineno}: unbalanced '$$' (display math never closed)")
                break
            body = lines[k + 1 : end]
            for offset, body_line in enumerate(body, start=k + 2):
                if not body_line.strip():
                    problems.append(f"line {offset}: blank line inside display math")
                elif "$" in body_line.replace("\\$", ""):
                    problems.append(f"line {offset}: '$' inside display math: {body_line}")
            if end + 1 < len(lines) and lines[end + 1].strip():
                problems.append(
                    f"line {end + 1}: display math needs a blank line after the closing '$$'"
                )
            tex = "\n".join(body)
            if not tex.strip():
                problems.append(f"line {lineno}: empty display math")
            else:
                blocks.append(MathBlock(tex=tex, display=True, line=lineno))
            k = end + 1
            continue
        _scan_inline(_blank_code_spans(line), lineno, blocks, problems)
        k += 1
    if fence is not None:
        problems.append(f"unclosed code fence {fence!r} at end of document")
    return blocks, problems


def extract_math(markdown: str) -> list[MathBlock]:
    """Every formula of ``markdown`` in document order.

    Raises ``MathSyntaxError`` listing every delimiter problem (unbalanced ``$``/``$$``, ``$$``
    not alone on its line, missing blank line around a display, blank line inside one, ...).
    """
    blocks, problems = scan_math(markdown)
    if problems:
        raise MathSyntaxError(problems)
    return blocks


# --------------------------------------------------------------------------- dialect


def _group_end(tex: str, start: int) -> int:
    """Index just past the brace group opening at ``tex[start] == '{'``, or -1 if unbalanced."""
    depth = 0
    i = start
    while i < len(tex):
        ch = tex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _cjk_outside_text(tex: str) -> tuple[list[str], bool]:
    """CJK characters of ``tex`` not inside a ``\\text{...}`` group; and whether braces balance."""
    found: list[str] = []
    i, n = 0, len(tex)
    while i < n:
        ch = tex[i]
        if ch == "\\":
            m = _CONTROL.match(tex, i)
            assert m is not None
            i = m.end()
            if m.group(1) == "text":
                j = i
                while j < n and tex[j].isspace():
                    j += 1
                if j < n and tex[j] == "{":
                    end = _group_end(tex, j)
                    if end < 0:
                        return found, False
                    i = end
            continue
        if is_cjk(ch):
            found.append(ch)
        i += 1
    return found, True


def dialect_problems(block: MathBlock) -> list[str]:
    """Breaches of the DESIGN.md section 6 dialect inside one formula, as ``line N: ...``."""
    where = f"line {block.line}"
    problems: list[str] = []
    tex = block.tex
    tags = 0
    for m in _CONTROL.finditer(tex):
        name = m.group(1)
        if name in FORBIDDEN_COMMANDS:
            problems.append(f"{where}: {FORBIDDEN_COMMANDS[name]} in: {tex}")
        elif name == "tag":
            tags += 1
        elif name in ("begin", "end"):
            env = re.match(r"\s*\{([^{}]*)\}", tex[m.end() :])
            env_name = env.group(1).strip() if env else "?"
            if name == "begin" and env_name not in ALLOWED_ENVIRONMENTS:
                allowed = ", ".join(sorted(ALLOWED_ENVIRONMENTS))
                problems.append(
                    f"{where}: environment {env_name!r} is not allowed (only {allowed}) in: {tex}"
                )
    if tags > 1:
        problems.append(f"{where}: {tags} \\tag in one formula (at most one) in: {tex}")
    if tags and not block.display:
        problems.append(f"{where}: \\tag in inline math in: {tex}")
    cjk, balanced = _cjk_outside_text(tex)
    if not balanced:
        problems.append(f"{where}: unbalanced braces after \\text in: {tex}")
    if cjk:
        chars = "".join(dict.fromkeys(cjk))
        problems.append(f"{where}: CJK outside \\text{{}} ({chars}) in: {tex}")
    return problems


# --------------------------------------------------------------------------- KaTeX


def oracle_missing_reason() -> str | None:
    """Why the KaTeX oracle cannot run here, or None when node and katex are installed."""
    if shutil.which("node") is None:
        return "node is not on PATH (install Node.js 20 to run the KaTeX oracle)"
    if not KATEX_PACKAGE.is_file():
        return "katex is not installed: run `npm ci --prefix tests/katex`"
    return None


class _Server:
    """One ``node check.mjs --serve`` per test process: node's start-up and KaTeX's load once
    (about a tenth of a second each time on these machines), not once per document. Any
    trouble with it (it died, it answered garbage, it is slow) ends it; the caller then runs
    the one-shot checker, so the server can only make the oracle faster, never change it."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def ask(self, payload: str, timeout: float) -> list[dict] | None:
        """The failures for ``payload`` (a one-line JSON array), or ``None`` if the server
        could not answer."""
        try:
            if self.proc is None or self.proc.poll() is not None:
                node = shutil.which("node")
                assert node is not None
                self.proc = subprocess.Popen(
                    [node, str(CHECK_SCRIPT), "--serve"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    encoding="utf-8",
                    cwd=KATEX_DIR,
                )
                atexit.register(self.close)
            assert self.proc.stdin is not None and self.proc.stdout is not None
            self.proc.stdin.write(payload + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                raise TimeoutError("the KaTeX server did not answer")
            answer = json.loads(self.proc.stdout.readline())
            if not isinstance(answer, list):
                raise ValueError(f"the KaTeX server could not read its input: {answer}")
            return answer
        except (OSError, ValueError, TimeoutError, AssertionError):
            self.close()
            return None

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            proc.kill()
            proc.wait(timeout=5)
        except (OSError, subprocess.SubprocessError):
            pass
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


_SERVER = _Server()


def own_processes() -> set[int]:
    """The process ids the oracle keeps alive in this process (its KaTeX server): a test that
    counts this process's children (none may outlive a build) leaves them out."""
    proc = _SERVER.proc
    return {proc.pid} if proc is not None and proc.poll() is None else set()


def katex_errors(blocks: list[MathBlock], *, timeout: float = 120.0) -> list[str]:
    """Render every block with KaTeX in strict mode (in the test process's KaTeX server, or,
    if it cannot answer, in a node process of its own).

    Returns one ``line N: <KaTeX error> in: <tex>`` message per rejected formula. Raises
    ``OracleMissing`` when node or the katex package is missing, RuntimeError if the checker
    itself fails.
    """
    reason = oracle_missing_reason()
    if reason is not None:
        raise OracleMissing(reason)
    if not blocks:
        return []
    payload = json.dumps([{"tex": b.tex, "display": b.display} for b in blocks])
    failures = _SERVER.ask(payload, timeout)
    if failures is None:
        failures = _one_shot(payload, timeout)
    return [
        f"line {blocks[f['index']].line}: {f['error']} in: {blocks[f['index']].tex}"
        for f in failures
    ]


def _one_shot(payload: str, timeout: float) -> list[dict]:
    """``check.mjs`` run once on ``payload``."""
    node = shutil.which("node")
    assert node is not None
    proc = subprocess.run(
        [node, str(CHECK_SCRIPT)],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=KATEX_DIR,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"check.mjs failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------- all together


def check_markdown(markdown: str) -> list[str]:
    """Every delimiter, dialect and KaTeX problem of ``markdown`` (empty list: all good).

    Raises ``OracleMissing`` when the KaTeX part cannot run.
    """
    blocks, problems = scan_math(markdown)
    for block in blocks:
        problems.extend(dialect_problems(block))
    problems.extend(katex_errors(blocks))
    return problems


def notebook_markdown(ipynb_path: str | Path) -> str:
    """The markdown cells of a notebook, joined by blank lines (read as plain JSON)."""
    nb = json.loads(Path(ipynb_path).read_text(encoding="utf-8"))
    parts = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        parts.append("".join(source) if isinstance(source, list) else str(source))
    return "\n\n".join(parts)
