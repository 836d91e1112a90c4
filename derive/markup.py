"""Text for each target format: escaping user text, and rendering catalogue prose.

Three targets, each with ``*_escape``/``*_say`` and the ``finalize`` hook of its Jinja
environment (:mod:`derive.render`):

- **Markdown** (also notebook cells): user text is HTML-escaped and its markup characters
  backslash-escaped; :class:`~derive.walkthrough.Math` becomes ``$…$``;
- **LaTeX**: ``\\ { } $ & # ^ _ ~ %`` escaped, common Unicode symbols mapped to LaTeX, CJK left
  to ctex, anything else shown as ``[U+XXXX]`` (never a "Missing character"); Math becomes
  ``\\(…\\)``;
- **Python**: one printable line for comments, or a JSON-escaped string literal.

Catalogue prose (``say``) may contain ``$math$``, ``**bold**``, ``*emphasis*``, `` `code` `` and
``{{name}}`` placeholders; a placeholder inside math accepts only Math.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping
from typing import Any

import markupsafe

from derive.walkthrough import Math


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


def md_escape(text: str, block: bool = True) -> Raw:
    """User text as inert Markdown: HTML escaped, markup characters backslash-escaped, one line;
    with ``block`` it also cannot start a list (it may stand at the start of a line)."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
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
            from derive.printing import named_spaces  # the catalogue's \, too (GitHub drops it)

            out.append(named_spaces(_slots(part, args, lambda v: _inside_math(v))))
        else:
            out.append(_slots(part, args, _md_value))
    return Raw("".join(out))


def _inside_math(v: Any) -> str:
    if not isinstance(v, Math | Raw):
        raise TypeError(f"only printer-made math may be placed inside math, got {v!r}")
    return str(v)


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


def _tex_char(c: str) -> str:
    if c in TEX_SPECIAL:
        return TEX_SPECIAL[c]
    if c in TEX_UNICODE:
        return TEX_UNICODE[c]
    cp = ord(c)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return " "
    if cp < 0x250 or 0x2000 <= cp <= 0x206F or _cjk(cp):
        return c  # Latin Modern covers Latin-1/Extended-A/B and punctuation; Fandol covers CJK
    return f"\\texttt{{[U+{cp:04X}]}}"  # visible and never a "Missing character"


def _cjk(cp: int) -> bool:
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3134F
    )


def tex_escape(text: str) -> Raw:
    """User (or catalogue) text as inert LaTeX: one line, specials escaped, symbols mapped."""
    return Raw("".join(_tex_char(c) for c in " ".join(str(text).split())))


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
                    out.append(_tex_value(args[piece]))
                else:
                    out.append(_tex_prose_text(piece))
    return Raw("".join(out))


def tex_finalize(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        raise TypeError(f"refusing to print {v!r} into LaTeX")
    return Raw(_tex_value(v)) if isinstance(v, str) else tex_escape(str(v))


# ---- Python -------------------------------------------------------------------------------------


def py_text(text: str) -> Raw:
    """Text for a ``#`` comment: one line, printable characters only."""
    return Raw("".join(c for c in " ".join(str(text).split()) if c.isprintable()))


def py_say(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    """Catalogue prose as comment text: math and code marks dropped, placeholders filled."""
    plain = text.replace("**", "").replace("`", "").replace("$", "")
    return py_text(_slots(plain, args or {}, str))


def py_comment(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    """Catalogue prose as ``#`` comment lines wrapped at 99 columns."""
    return Raw(
        textwrap.fill(
            py_say(text, args),
            99,
            initial_indent="# ",
            subsequent_indent="# ",
            break_on_hyphens=False,
        )
    )


def py_literal(text: str) -> Raw:
    """Catalogue text as a Python string literal (JSON escaping is valid Python)."""
    plain = text.replace("**", "").replace("`", "").replace("$", "")
    return Raw(json.dumps(" ".join(plain.split()), ensure_ascii=False))


def py_finalize(v: Any) -> Any:
    return v if isinstance(v, markupsafe.Markup) else py_text(v) if isinstance(v, str) else v
