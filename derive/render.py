"""Jinja2 environments, filters and render functions; atomic writes (DESIGN.md §5–6).

One environment per format family, all with ``StrictUndefined`` and a ``finalize`` that makes
the safe thing the default for every ``{{ … }}``:

- **md** (Markdown and notebook cells): :class:`~derive.walkthrough.Math` becomes ``$…$``, any
  other string is escaped for Markdown/HTML (user titles can carry neither markup nor
  ``<script>``);
- **tex** (``((( … )))`` for values, ``((* … *))`` for statements, ``((= … =))`` for comments):
  Math becomes ``\\(…\\)``, any other string is escaped (``\\ { } $ & # ^ _ ~ %`` and Unicode
  symbols mapped to LaTeX), so ``\\input{/etc/hostname}`` or ``^^5c`` in a title is inert;
- **py**: strings become one-line comment text.

Only :class:`Raw` (what a filter produced for the target) passes unchanged. Filters: ``raw``
(LaTeX of a Math inside a math block the template opened — refuses anything else), ``say``
(locale prose with ``$math$``, ``**bold**``, `` `code` `` and ``{{name}}`` placeholders),
``why`` (an equation's one-sentence reason), ``code`` (inline code), ``tex_escape``/``md_escape``.
Templates loop and lay out; they never compute.
"""

from __future__ import annotations

import functools
import json
import os
import re
import secrets
import textwrap
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from derive.walkthrough import Eq, Math, Walkthrough

LANGS = ("en", "zh")
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


class Raw(markupsafe.Markup):
    """Text already formatted for the target: passes ``finalize`` unchanged. A ``Markup`` so
    that macro output (also ``Markup`` under autoescape) and filter output are treated alike;
    build it from finished strings only (``Markup + str`` would HTML-escape the ``str``)."""


# ---- locale -------------------------------------------------------------------------------------


@functools.cache
def catalogue(lang: str) -> dict[str, Any]:
    """The prose of one language (``derive/locale/<lang>.toml``)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; available: {', '.join(LANGS)}")
    text = (resources.files("derive") / "locale" / f"{lang}.toml").read_text("utf-8")
    return tomllib.loads(text)


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


def md_escape(text: str) -> Raw:
    """User text as inert Markdown: HTML escaped, markup characters backslash-escaped, one line
    that cannot start a list."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return Raw(re.sub(r"^([-+])", r"\\\1", text))


def _md_value(v: Any) -> str:
    if isinstance(v, markupsafe.Markup):
        return v
    if isinstance(v, Math):
        return f"${v}$"
    return md_escape(v) if isinstance(v, str) else str(v)


def md_say(text: str, args: Mapping[str, Any] | None = None) -> Raw:
    args = args or {}
    out = []
    for part in _PROSE.split(text):
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            out.append(_slots(part, args, lambda v: _inside_math(v)))
        else:
            out.append(_slots(part, args, _md_value))
    return Raw("".join(out))


def _inside_math(v: Any) -> str:
    if not isinstance(v, Math | Raw):
        raise TypeError(f"only printer-made math may be placed inside math, got {v!r}")
    return str(v)


def _md_finalize(v: Any) -> Any:
    return Raw(_md_value(v)) if isinstance(v, str) else v


# ---- LaTeX --------------------------------------------------------------------------------------

TEX_SPECIAL = {"\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&",
               "#": "\\#", "^": "\\^{}", "_": "\\_", "~": "\\textasciitilde{}", "%": "\\%",
               "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}"}
_GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi "
          "rho varsigma sigma tau upsilon phi chi psi omega").split()
TEX_UNICODE = {
    **{chr(0x3B1 + i): f"\\ensuremath{{\\{n}}}" for i, n in enumerate(_GREEK) if n != "omicron"},
    **{chr(0x391 + i): f"\\ensuremath{{\\{n.capitalize()}}}" for i, n in enumerate(_GREEK)
       if n.capitalize() in ("Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
                             "Upsilon", "Phi", "Psi", "Omega")},
    "→": "\\ensuremath{\\rightarrow}", "←": "\\ensuremath{\\leftarrow}",
    "⇒": "\\ensuremath{\\Rightarrow}", "↔": "\\ensuremath{\\leftrightarrow}",
    "×": "\\ensuremath{\\times}", "·": "\\ensuremath{\\cdot}", "−": "\\ensuremath{-}",
    "±": "\\ensuremath{\\pm}", "≤": "\\ensuremath{\\le}", "≥": "\\ensuremath{\\ge}",
    "≠": "\\ensuremath{\\ne}", "≈": "\\ensuremath{\\approx}", "∞": "\\ensuremath{\\infty}",
    "∂": "\\ensuremath{\\partial}", "∇": "\\ensuremath{\\nabla}", "∑": "\\ensuremath{\\sum}",
    "∏": "\\ensuremath{\\prod}", "√": "\\ensuremath{\\surd}", "∈": "\\ensuremath{\\in}",
    "⊙": "\\ensuremath{\\odot}", "∘": "\\ensuremath{\\circ}", "ᵀ": "\\ensuremath{^{\\top}}",
    "½": "\\ensuremath{\\tfrac{1}{2}}", "²": "\\ensuremath{^{2}}", "³": "\\ensuremath{^{3}}",
    "¹": "\\ensuremath{^{1}}", "ℝ": "\\ensuremath{\\mathbb{R}}", "𝟙": "\\ensuremath{\\mathbf{1}}",
    "…": "\\ldots{}", "✓": "\\ensuremath{\\checkmark}", "✗": "\\ensuremath{\\times}",
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
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFE30 <= cp <= 0xFE4F or 0xFF00 <= cp <= 0xFFEF or 0x20000 <= cp <= 0x3134F)


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


def _tex_finalize(v: Any) -> Any:
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
    return Raw(textwrap.fill(py_say(text, args), 99, initial_indent="# ",
                             subsequent_indent="# ", break_on_hyphens=False))


def py_literal(text: str) -> Raw:
    """Catalogue text as a Python string literal (JSON escaping is valid Python)."""
    plain = text.replace("**", "").replace("`", "").replace("$", "")
    return Raw(json.dumps(" ".join(plain.split()), ensure_ascii=False))


def _py_finalize(v: Any) -> Any:
    return v if isinstance(v, markupsafe.Markup) else py_text(v) if isinstance(v, str) else v


# ---- environments -------------------------------------------------------------------------------


def _raw(v: Any) -> Raw:
    """A :class:`Math` as bare LaTeX, for use inside a math block the template opened."""
    if not isinstance(v, Math | Raw):
        raise TypeError(f"only printer-made math may be placed inside math, got {v!r}")
    return Raw(v)


def _verbatim(v: Any) -> Raw:
    """A generated code line (identifiers, operators, numbers) for a code block."""
    s = str(v)
    if "\n" in s or "`" in s or "\\" in s:
        raise ValueError(f"not a generated code line: {s!r}")
    return Raw(s)


def _label(v: Any) -> Raw:
    """A diagram label: identifiers, indices, ``σ``, commas — nothing Mermaid/TikZ would parse."""
    s = str(v)
    if not re.fullmatch(r"[\w\[\],. ]*", s):
        raise ValueError(f"not a diagram label: {s!r}")
    return Raw(s)


def _point(v: Any) -> Raw:
    """A TikZ coordinate ``(x,y)`` from numbers, or a node reference ``(n3)`` from a label."""
    if isinstance(v, tuple):
        return Raw("(" + ",".join(f"{float(x):g}" for x in v) + ")")
    return Raw(f"({_label(v)})")


def _code(v: Any, family: str) -> Raw:
    s = str(v)
    if family == "tex":
        return Raw(f"\\texttt{{{tex_escape(s)}}}")
    fence = "``" if "`" in s else "`"
    return Raw(f"{fence}{s}{fence}")


@functools.cache
def environment(family: str, templates: str | None = None) -> jinja2.Environment:
    """The environment of ``family`` (``md``, ``tex``, ``py``); ``templates`` is a directory
    whose files override the built-in ones (``--templates``)."""
    dirs = ([templates] if templates else []) + [str(TEMPLATE_DIR)]
    options: dict[str, Any] = dict(
        loader=jinja2.FileSystemLoader(dirs), undefined=jinja2.StrictUndefined,
        autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    say, finalize = {"md": (md_say, _md_finalize), "tex": (tex_say, _tex_finalize),
                     "py": (py_say, _py_finalize)}[family]
    if family == "tex":
        options.update(block_start_string="((*", block_end_string="*))",
                       variable_start_string="(((", variable_end_string=")))",
                       comment_start_string="((=", comment_end_string="=))",
                       line_statement_prefix=None)
    env = jinja2.Environment(finalize=finalize, **options)
    env.filters.update(
        raw=_raw, say=say, code=lambda v: _code(v, family), verbatim=_verbatim, label=_label,
        point=_point, pyliteral=py_literal, comment=py_comment,
        why=lambda eq, L: say(L["reasons"][eq.reason], dict(eq.args)),
        md_escape=md_escape, tex_escape=tex_escape)
    return env


def render(template: str, w: Walkthrough, lang: str, templates: str | None = None,
           **extra: Any) -> str:
    """Render ``template`` (e.g. ``md/walkthrough.md.j2``) for ``w`` in ``lang``; runs of blank
    lines are collapsed (to one; two in Python) and the text ends with exactly one newline."""
    family = template.split("/", 1)[0]
    env = environment("md" if family == "ipynb" else family, templates)
    text = env.get_template(template).render(w=w, lang=lang, L=catalogue(lang), **extra)
    text = re.sub(r"[ \t]+\n", "\n", text)
    blank = "\n\n\n" if family == "py" else "\n\n"  # PEP 8 keeps two blank lines
    return re.sub(rf"\n{{{len(blank) + 1},}}", blank, text).strip("\n") + "\n"


def render_notebook(w: Walkthrough, lang: str, templates: str | None = None) -> str:
    """The notebook as nbformat-4 JSON text: Markdown cells from ``ipynb/walkthrough.ipynb.j2``,
    code cells from the macros of ``py/cells.py.j2`` it names. Cell ids are ``cell-0001``, …;
    keys are sorted (the layout ``nbformat.writes`` produces), no outputs, no timestamps."""
    text = render("ipynb/walkthrough.ipynb.j2", w, lang, templates)
    module = environment("py", templates).get_template("py/cells.py.j2").make_module(
        {"w": w, "lang": lang, "L": catalogue(lang)})
    cells = []
    for block in re.split(r"^%% ", text, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        kind, *names = head.split()
        if kind == "code":
            body = "".join(str(getattr(module, name)()) for name in names)
            body = re.sub(r"\n{4,}", "\n\n\n", body)
        body = body.strip("\n")
        if not body:
            continue
        cell: dict[str, Any] = {"cell_type": kind, "id": f"cell-{len(cells) + 1:04d}",
                                "metadata": {}, "source": body.splitlines(keepends=True)}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    nb = {"cells": cells, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}}}
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def why(eq: Eq, lang: str) -> str:
    """The reason sentence of ``eq`` as plain catalogue text (for tests and terminals)."""
    return catalogue(lang)["reasons"][eq.reason]


# ---- writing ------------------------------------------------------------------------------------


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory and ``os.replace``:
    readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        with open(tmp, "xb") as fh:
            fh.write(raw)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
