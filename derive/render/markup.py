"""Text for each target format: escaping user text, and rendering catalogue prose.

Three targets, each with ``*_escape``/``*_say`` and the ``finalize`` hook of its Jinja
environment (:mod:`derive.render.environment`):

- **Markdown** (also notebook cells): user text is HTML-escaped and its markup characters
  backslash-escaped; :class:`~derive.walkthrough.records.Math` becomes ``$…$``;
- **LaTeX**: ``\\ { } $ & # ^ _ ~ %`` escaped, common Unicode symbols mapped to LaTeX, CJK left
  to ctex, anything else shown as ``[U+XXXX]`` (never a "Missing character"); Math becomes
  ``\\(…\\)``;
- **Python**: one printable line for comments, or a JSON-escaped string literal.

Catalogue prose (``say``) may contain ``$math$``, ``**bold**``, ``*emphasis*``, `` `code` `` and
``{{name}}`` placeholders; a placeholder inside math accepts only Math.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import markupsafe

from derive.engine.printing import named_spaces
from derive.lang.spec import clean_text, plain_prose, prose_parts
from derive.walkthrough.records import Math


class Raw(markupsafe.Markup):
    """Text already formatted for the target: passes ``finalize`` unchanged. A ``Markup`` so
    that macro output (also ``Markup`` under autoescape) and filter output are treated alike;
    build it from finished strings only (``Markup + str`` would HTML-escape the ``str``)."""


_PROSE = re.compile(r"(\$[^$]+\$|`[^`]+`|\*\*.+?\*\*|\*[^*\s][^*]*\*)")
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def _slots(text: str, args: Mapping[str, Any], put) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in args:
            raise KeyError(f"placeholder {{{{{m.group(1)}}}}} has no value in: {text}")
        return put(args[m.group(1)])

    return _SLOT.sub(one, text)


# ---- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|$~])")
# "&" is literal in CommonMark unless it starts an entity ("&amp;", "&#38;"): only then escaped,
# so that "Wu & He" stays readable in the raw Markdown
_MD_AMP = re.compile(r"&(?=#?\w+;)")


def md_escape(text: str, block: bool = True) -> Raw:
    """User text as inert Markdown: HTML escaped, markup characters backslash-escaped, one line;
    with ``block`` it also cannot start a list (it may stand at the start of a line)."""
    text = " ".join(clean_text(text).split())
    text = _MD_AMP.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if block:
        text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
        text = re.sub(r"^([-+])", r"\\\1", text)
    return Raw(text)


def _md_value(v: Any, block: bool = False) -> str:
    if isinstance(v, markupsafe.Markup):
        return v
    if isinstance(v, Math):
        return f"${v}$"
    return md_escape(v, block) if isinstance(v, str) else str(v)


def md_say(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    args = args or {}
    out = []
    for part in _PROSE.split(text):
        if part.startswith("$") and part.endswith("$") and len(part) > 1:

            out.append(named_spaces(_slots(part, args, lambda v: _inside_math(v))))
        else:
            out.append(_slots(part, args, _md_value))
    return Raw("".join(out))


def _inside_math(v: Any) -> str:
    if not isinstance(v, Math | Raw):
        raise TypeError(f"only printer-made math may be placed inside math, got {v!r}")
    return str(v)


def _ends(text: str, body: str) -> str:
    """``body`` (escaped ``text``) with one space where ``text`` began or ended with spaces: they
    separate it from the math beside it."""
    lead = " " if text[:1].isspace() else ""
    return lead + body + (" " if text[-1:].isspace() and text.strip() else "")


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _code_spans(text: str) -> list[tuple[bool, str]]:
    """Plain user prose as (is it code, content) parts: a pair of backticks, `` `F.mse_loss` ``,
    is code, as in Markdown."""
    out: list[tuple[bool, str]] = []
    k = 0
    for m in _CODE_SPAN.finditer(text):
        out += [(False, text[k : m.start()]), (True, m.group(1))]
        k = m.end()
    return [p for p in [*out, (False, text[k:])] if p[1]]


def md_prose(text: str) -> Raw:
    """User prose (a spec's description) whose ``$…$`` spans are math (validated by the spec:
    :func:`derive.lang.spec.prose_parts`) and `` `…` `` spans code: the text escaped, the math
    as ``$…$``, the code as a code span."""
    out = []
    for k, (math, part) in enumerate(prose_parts(text)):
        if math:
            out.append(f"${part}$")
            continue
        for j, (code, piece) in enumerate(_code_spans(part)):
            out.append(f"`{piece}`" if code else _ends(piece, md_escape(piece, block=k == j == 0)))
    return Raw("".join(out).strip())


def md_finalize(v: Any) -> Any:
    return Raw(_md_value(v, block=True)) if isinstance(v, str) else v


# ---- LaTeX --------------------------------------------------------------------------------------

TEX_SPECIAL = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "$": "\\$",
    "&": "\\&",
    "#": "\\#",
    "^": "\\^{}",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "%": "\\%",
    "<": "\\textless{}",
    ">": "\\textgreater{}",
    "|": "\\textbar{}",
}
_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi "
    "rho varsigma sigma tau upsilon phi chi psi omega"
).split()
TEX_UNICODE = {
    **{chr(0x3B1 + i): f"\\ensuremath{{\\{n}}}" for i, n in enumerate(_GREEK) if n != "omicron"},
    **{
        chr(0x391 + i): f"\\ensuremath{{\\{n.capitalize()}}}"
        for i, n in enumerate(_GREEK)
        if n.capitalize()
        in (
            "Gamma",
            "Delta",
            "Theta",
            "Lambda",
            "Xi",
            "Pi",
            "Sigma",
            "Upsilon",
            "Phi",
            "Psi",
            "Omega",
        )
    },
    "→": "\\ensuremath{\\rightarrow}",
    "←": "\\ensuremath{\\leftarrow}",
    "⇒": "\\ensuremath{\\Rightarrow}",
    "↔": "\\ensuremath{\\leftrightarrow}",
    "×": "\\ensuremath{\\times}",
    "·": "\\ensuremath{\\cdot}",
    "−": "\\ensuremath{-}",
    "±": "\\ensuremath{\\pm}",
    "≤": "\\ensuremath{\\le}",
    "≥": "\\ensuremath{\\ge}",
    "≠": "\\ensuremath{\\ne}",
    "≈": "\\ensuremath{\\approx}",
    "∞": "\\ensuremath{\\infty}",
    "∂": "\\ensuremath{\\partial}",
    "∇": "\\ensuremath{\\nabla}",
    "∑": "\\ensuremath{\\sum}",
    "∏": "\\ensuremath{\\prod}",
    "√": "\\ensuremath{\\surd}",
    "∈": "\\ensuremath{\\in}",
    "⊙": "\\ensuremath{\\odot}",
    "∘": "\\ensuremath{\\circ}",
    "ᵀ": "\\ensuremath{^{\\top}}",
    "½": "\\ensuremath{\\tfrac{1}{2}}",
    "²": "\\ensuremath{^{2}}",
    "³": "\\ensuremath{^{3}}",
    "¹": "\\ensuremath{^{1}}",
    "ℝ": "\\ensuremath{\\mathbb{R}}",
    "𝟙": "\\ensuremath{\\mathbf{1}}",
    "…": "\\ldots{}",
    "✓": "\\ensuremath{\\checkmark}",
    "✗": "\\ensuremath{\\times}",
}


@functools.cache  # a pure function of one character, asked for every character of the prose
def _tex_char(c: str) -> str:
    if c in TEX_SPECIAL:
        return TEX_SPECIAL[c]
    if c in TEX_UNICODE:
        return TEX_UNICODE[c]
    cp = ord(c)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return " "
    if cp < 0x7F or _in(cp, _LATIN_MODERN) or (_cjk(cp) and _fandol(c)):
        return c
    accented = _tex_accented(c)
    if accented is not None:
        return accented
    return f"\\texttt{{[U+{cp:04X}]}}"  # visible and never a "Missing character"


# TeX's accent commands for the combining marks of a precomposed letter the font lacks
# (Ẑ = Z + U+0302 → \^{Z}, as in a spec's "Ẑ = (Z − μ)/√(var + ε)")
_TEX_ACCENTS = {
    0x0300: "\\`", 0x0301: "\\'", 0x0302: "\\^", 0x0303: "\\~", 0x0304: "\\=",
    0x0306: "\\u", 0x0307: "\\.", 0x0308: '\\"', 0x030C: "\\v",
}  # fmt: skip


def _tex_accented(c: str) -> str | None:
    """``c`` as a base letter the font has under TeX accents, when it decomposes so."""
    parts = unicodedata.normalize("NFD", c)
    base, marks = parts[0], parts[1:]
    if not marks or ord(base) >= 0x7F or not base.isalpha():
        return None
    out = base
    for m in marks:
        accent = _TEX_ACCENTS.get(ord(m))
        if accent is None:
            return None
        out = f"{accent}{{{out}}}"
    return out


# Code points above U+009F that Latin Modern (regular and bold, as ctex sets it up) has, measured
# by typesetting U+00A0–U+024F and U+2000–U+206F with xelatex and reading the "Missing character"
# lines of the log (TeX Live 2022, Debian): most of Latin Extended-B is missing (Ǳ, ǅ, ȶ, ɏ, …).
_LATIN_MODERN = (
    (0x00A0, 0x0137), (0x0139, 0x0148), (0x014A, 0x0165), (0x0168, 0x017F), (0x018E, 0x018E),
    (0x0192, 0x0192), (0x01A0, 0x01A1), (0x01AF, 0x01B0), (0x01CD, 0x01D4), (0x01D7, 0x01DD),
    (0x01E6, 0x01E7), (0x01EA, 0x01EB), (0x01F0, 0x01F0), (0x01F4, 0x01F5), (0x01FA, 0x0201),
    (0x0204, 0x0205), (0x0208, 0x0209), (0x020C, 0x020D), (0x0210, 0x0211), (0x0214, 0x0215),
    (0x0218, 0x021B), (0x0237, 0x0237), (0x2000, 0x2011), (0x2013, 0x2014), (0x2016, 0x2016),
    (0x2018, 0x201A), (0x201C, 0x201E), (0x2020, 0x2022), (0x2026, 0x2026), (0x2030, 0x2031),
    (0x2039, 0x203B), (0x203D, 0x203D), (0x203F, 0x2040), (0x2044, 0x2046), (0x2052, 0x2052),
    (0x2054, 0x2054), (0x205F, 0x205F),
)  # fmt: skip


def _fandol(c: str) -> bool:
    """Whether the Fandol fonts have ``c``: measured over every CJK-range code point, they
    have all of GB 2312 (and ~1,400 more, not listed); Hangul and rare Han characters are
    missing, so they are shown as ``[U+XXXX]`` rather than failing the PDF."""
    try:
        c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= cp <= b for a, b in ranges)


def _cjk(cp: int) -> bool:
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3134F
    )


LONG_WORD, BREAK_EVERY = 40, 20  # unbroken runs longer than LONG_WORD may break every 20 chars


def tex_escape(text: str) -> Raw:
    """User (or catalogue) text as inert LaTeX: one line, invisible characters dropped, specials
    escaped, symbols mapped, characters the fonts lack shown as ``[U+XXXX]``, and a line break
    allowed after every 20 non-CJK characters of a word longer than 40 (a long unbroken title
    still wraps)."""
    if type(text) is str:  # the same catalogue sentences recur in every handout
        return _tex_escape_str(text)
    return _tex_escape(text)


@functools.lru_cache(maxsize=8192)
def _tex_escape_str(text: str) -> Raw:
    return _tex_escape(text)


def _tex_escape(text: str) -> Raw:
    words = []
    for word in " ".join(clean_text(text).split()).split(" "):
        chars, run = [], 0
        for i, c in enumerate(word):
            accent = _TEX_ACCENTS.get(ord(c))
            last = chars[-1] if chars else ""
            if accent is not None and len(last) == 1 and last.isascii() and last.isalpha():
                chars[-1] = f"{accent}{{{chars[-1]}}}"  # x + U+0302 (x̂) → \^{x}
                continue
            chars.append(_tex_char(c))
            run = 0 if _cjk(ord(c)) else run + 1  # CJK text breaks anywhere by itself
            if len(word) > LONG_WORD and run == BREAK_EVERY and i + 1 < len(word):
                chars.append("\\allowbreak{}")
                run = 0
        words.append("".join(chars))
    return Raw(" ".join(words))


def _tex_prose_text(text: str) -> str:
    """Catalogue text between markup: escaped like user text, but the spaces at its ends kept
    (they separate it from the math or code around it)."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + tex_escape(text) + trail


def _tex_value(v: Any) -> str:
    if isinstance(v, markupsafe.Markup):
        return v
    if isinstance(v, Math):
        return f"\\({v}\\)"
    return tex_escape(v) if isinstance(v, str) else tex_escape(str(v))


def _breakable(math: Math) -> str:
    """Inline math for a sentence: a list of names (``X, H, C, W_{xi}, …``) may break after
    any of its commas outside braces, as a line of text does (TeX breaks inline math only
    after a relation or an operator: "The source gives no example values for X, H, …" ran into
    the margin). Layout only: the same formula."""
    out, depth = [], 0
    for k, c in enumerate(math):
        out.append(c)
        escaped = k > 0 and math[k - 1] == "\\"
        if c == "{" and not escaped:
            depth += 1
        elif c == "}" and not escaped:
            depth -= 1
        elif c == "," and depth == 0 and not escaped and math[k + 1 : k + 2] == " ":
            out.append("\\allowbreak")
    return "".join(out)


def tex_say(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    args = args or {}
    out = []
    for part in _PROSE.split(text):
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            out.append(f"\\({_slots(part[1:-1], args, _inside_math)}\\)")
        elif part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"\\texttt{{{tex_escape(part[1:-1])}}}")
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append(f"\\textbf{{{tex_say(part[2:-2], args)}}}")
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(f"\\emph{{{tex_say(part[1:-1], args)}}}")
        else:
            pieces = _SLOT.split(part)  # text, name, text, name, …
            for k, piece in enumerate(pieces):
                if k % 2:
                    if piece not in args:
                        raise KeyError(f"placeholder {{{{{piece}}}}} has no value in: {text}")
                    value = args[piece]
                    if isinstance(value, Math) and not isinstance(value, markupsafe.Markup):
                        out.append(f"\\({_breakable(value)}\\)")
                    else:
                        out.append(_tex_value(value))
                else:
                    out.append(_tex_prose_text(piece))
    return Raw("".join(out))


def tex_prose(text: str) -> Raw:
    """User prose whose ``$…$`` spans are math: the text escaped, the math as ``\\(…\\)``."""
    out = []
    for m, p in prose_parts(text):
        if m:
            out.append(f"\\({p}\\)")
            continue
        for code, piece in _code_spans(p):
            out.append(f"\\texttt{{{tex_escape(piece)}}}" if code else _ends(piece, tex_escape(piece)))
    return Raw("".join(out).strip())


def tex_finalize(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        raise TypeError(f"refusing to print {v!r} into LaTeX")
    return Raw(_tex_value(v)) if isinstance(v, str) else tex_escape(str(v))


# ---- Python -------------------------------------------------------------------------------------


def py_prose(text: str) -> Raw:
    """User prose for a comment: the math as written, without its dollar signs."""
    return py_text(plain_prose(text))


def py_text(text: str) -> Raw:
    """Text for a ``#`` comment: one line, printable characters only."""
    return Raw("".join(c for c in " ".join(clean_text(text).split()) if c.isprintable()))


def py_say(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    """Catalogue prose as comment text: math and code marks dropped, placeholders filled."""
    plain = text.replace("**", "").replace("`", "").replace("$", "")
    return py_text(_slots(plain, args or {}, str))


def py_comment(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    """Catalogue prose as ``#`` comment lines wrapped at 99 display columns (a Chinese
    character takes two, as an editor shows it)."""
    return Raw("\n".join("# " + line for line in wrap_display(py_say(text, args), 97)))


# a token of wrapped text: one wide (CJK) character, a run of other non-space characters, spaces
_TOKENS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+")
# punctuation that never starts a line (it stays after the character before it)
_NO_START = set("，。、：；！？）》」』】,.;:!?)")


def _columns(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def wrap_display(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` display columns: breaks at spaces and between
    Chinese characters (never before closing punctuation); a word longer than a line stays
    whole."""
    lines: list[str] = []
    line, used = "", 0
    for tok in _TOKENS.findall(text):
        if tok.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        w = _columns(tok)
        if line.strip() and used + w > width and tok[0] not in _NO_START:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + tok, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def py_literal(text: str) -> Raw:
    """Catalogue text as a Python string literal (JSON escaping is valid Python)."""
    plain = text.replace("**", "").replace("`", "").replace("$", "")
    return Raw(json.dumps(" ".join(clean_text(plain).split()), ensure_ascii=False))


def py_finalize(v: Any) -> Any:
    return v if isinstance(v, markupsafe.Markup) else py_text(v) if isinstance(v, str) else v
