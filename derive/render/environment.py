"""Jinja2 environments, filters and render functions; atomic writes (DESIGN.md §5–6).

One environment per format family, all with ``StrictUndefined`` and a ``finalize`` that makes
the safe thing the default for every ``{{ … }}``:

- **md** (Markdown and notebook cells): :class:`~derive.walkthrough.records.Math` becomes ``$…$``, any
  other string is escaped for Markdown/HTML (user titles can carry neither markup nor
  ``<script>``);
- **tex** (``((( … )))`` for values, ``((* … *))`` for statements, ``((= … =))`` for comments):
  Math becomes ``\\(…\\)``, any other string is escaped (``\\ { } $ & # ^ _ ~ %`` and Unicode
  symbols mapped to LaTeX), so ``\\input{/etc/hostname}`` or ``^^5c`` in a title is inert;
- **py**: strings become one-line comment text.

Escaping and prose per target live in :mod:`derive.render.markup`. Only :class:`~derive.render.markup.Raw`
(what a filter produced for the target) passes unchanged. Filters: ``raw``
(LaTeX of a Math inside a math block the template opened — refuses anything else), ``say``
(locale prose with ``$math$``, ``**bold**``, `` `code` `` and ``{{name}}`` placeholders),
``why`` (an equation's one-sentence reason), ``code`` (inline code), ``tex_escape``/``md_escape``.
Templates loop and lay out; they never compute.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from derive.engine import printing
from derive.locale.catalog import catalogue
from derive.render import jinja_setup, markup
from derive.render.markup import Raw
from derive.walkthrough.handpick import (  # noqa: F401 (the layout's limits)
    FEW,
    HAND_BUDGET,
    NARROW3,
    PAGE_WIDTH,
)
from derive.walkthrough.handpick import few as _few
from derive.walkthrough.handpick import rows as _rows
from derive.walkthrough.handpick import tex_width as _tex_width
from derive.walkthrough.records import Eq, Math, Walkthrough

TEMPLATE_DIR = jinja_setup.TEMPLATE_DIR


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


# a code line longer than this many characters is set as several lines of a listing, each
# continuation indented as listings' own breaklines does: listings measures a whole source line
# before breaking it, and one over ~3000 characters of \small typewriter is wider than TeX's
# largest dimension ("Dimension too large": an MLP-Mixer block's dW1, 4020 characters, made
# the PDF fail)
LISTING_LINE = 1500


# a standard handout with this many tensors of example values or more sets them by their values
# only, packed several to a line (``values_packed``), with one sentence on how an entry is named:
# the entries by symbol double each matrix's width, and a recurrence or a gated cell has 13–18
# such tensors (a third of the first page). The built-ins have at most 9.
MANY_VALUES = 10


def values_compact(w: Any, detail: str) -> bool:
    """Whether ``w``'s example values are set by value only (:data:`MANY_VALUES`, standard)."""
    return detail == "standard" and sum(1 for t in w.tensors if t.value) >= MANY_VALUES


def _values_packed(tensors: Any, room: float) -> list[list[Any]]:
    """Layout only: the tensors with values, in order, packed greedily into lines of at most
    ``room`` units of display width (``lhs = values``, a gap between two)."""
    lines: list[list[Any]] = []
    used = room
    for t in tensors:
        v = t.value
        width = printing.display_width(f"{v.lhs} {v.rel} {v.value}") + 4.0
        if lines and used + width <= room:
            lines[-1].append(t)
            used += width
        else:
            lines.append([t])
            used = width
    return lines


def entry_named(w: Any) -> tuple[Math, Math] | None:
    """``(tensor, entry)``: the first tensor with values of two rows and columns or more and
    its entry in row 2, column 1 as the handout names it — the sentence under values set by
    value only says how entries are named."""
    for t in w.tensors:
        body = str(t.entries).removeprefix("\\begin{bmatrix} ").removesuffix(" \\end{bmatrix}")
        rows = body.split(" \\\\ ") if t.value and t.entries else []
        if len(rows) >= 2 and len(cells := rows[1].split(" & ")) >= 2:
            return t.tex, Math(cells[0])
    return None


def _listing(lines: Any) -> list[str]:
    """Layout only: the code ``lines`` with any over :data:`LISTING_LINE` characters broken at
    spaces into pieces of at most that length, the pieces after the first indented by 4."""
    out: list[str] = []
    for line in lines:
        line, lead = str(line), ""
        while len(lead) + len(line) > LISTING_LINE:
            cut = line.rfind(" ", 0, LISTING_LINE - len(lead))
            cut = cut if cut > 0 else LISTING_LINE - len(lead)
            out.append(lead + line[:cut])
            line, lead = line[cut:].lstrip(" "), "    "
        out.append(lead + line)
    return out


def _label(v: Any) -> Raw:
    """A diagram label: identifiers, indices, ``σ``, Unicode scripts (``W⁽¹⁾``, ``x₁``, ``Ŷ``),
    commas — nothing Mermaid/TikZ would parse."""
    s = str(v)
    if not re.fullmatch(r"[\w\[\],. ⁽⁾₍₎\u0302\u0303\u0304]*", s):  # W⁽¹⁾, Ŷ
        raise ValueError(f"not a diagram label: {s!r}")
    return Raw(s)


def _point(v: Any) -> Raw:
    """A TikZ coordinate ``(x,y)`` from numbers, or a node reference ``(n3)`` from a label."""
    if isinstance(v, tuple):
        return Raw("(" + ",".join(f"{float(x):g}" for x in v) + ")")
    return Raw(f"({_label(v)})")


def _titled(args: dict[str, Any], L: Any) -> dict[str, Any]:
    """A reason's ``{{proof}}`` slot names a proof by its title, not by its identifier."""
    titles = L.get("proof_titles", {})
    return {
        k: titles.get(v, v) if k == "proof" and isinstance(v, str) else v for k, v in args.items()
    }


ONE_LINE = 56  # printed characters: a hand calculation this short is set on one line


def _one_line(c: Any) -> bool:
    """Layout only: the whole chain ``lhs = formula = numbers = value`` fits on one line of
    the page (a scalar's ``u = w·x = 3·2 = 6``), no line of it broken into rows."""
    texts = [str(c.lhs), *(str(t) for _r, t in c.chain)]
    if any("\\\\" in t for t in texts):
        return False
    return sum(_tex_width(t) + 2 for t in texts) <= ONE_LINE


TALL_ROWS = 14  # rows: a hand calculation this tall is taller than a page as one box


def _tall(c: Any, width: float) -> bool:
    """Layout only: the chain, laid out in rows that fit the line, has more than
    :data:`TALL_ROWS` rows (makemore's loss spells 15 log-softmax terms): one box that tall
    cannot go on a page, so it is never set beside its matrix (:func:`_worked_beside`); the
    PDF sets its rows breakable, as any working of :data:`BREAK_ROWS` rows that fits the line
    (:func:`_rows_apart`)."""
    laid = [_fitted(str(t), str(c.lhs), width).split("\\\\") for _r, t in c.chain]
    if sum(len(rows) for rows in laid) <= TALL_ROWS:
        return False
    # only rows that fit the line may go unshrunk (a row the printer could not break stays boxed)
    room = width - printing.display_width(str(c.lhs)) - 4
    return all(printing.display_width(r.replace("&\\quad", "")) <= room for rows in laid for r in rows)


BREAK_ROWS = 4  # rows: a display of aligned rows this tall may break between them in the PDF
_ROW_TOKEN = re.compile(r"\\(begin|end)\{[^{}]*\}|\\\\\*?|\\.|[{}]", re.S)
_BLOCK = re.compile(r"\s*\\begin\{(aligned|gathered)\}(.*)\\end\{\1\}\s*", re.S)


def _rows_apart(m: Any) -> tuple[str, Raw]:
    r"""Layout only (issue 12): a display that is ONE block of rows, for the PDF's
    ``\rowsdisplay``, which sets them as rows a page may break between when they fit the line
    unshrunk (``align*``/``gather*``; a block wider than the line stays one box shrunk to it):
    ``("align", rows)`` for an ``aligned`` block of :data:`BREAK_ROWS` rows or more (a long
    step laid out in rows, a hand working), the breaks after its first row and before its last
    written ``\\*`` (no page ends or starts with one row of it alone); ``("gather", rows)`` for
    a ``gathered`` block of two rows or more (example values packed to the line: each row its
    own tensors). ``("", "")`` for any other display: a short block, a single row, two blocks
    side by side. The same rows, the same verified equations and numbers."""
    if not isinstance(m, Math | markupsafe.Markup):  # a block the template set: Markup
        raise TypeError(f"only printer-made math may be set as rows, got {m!r}")
    whole = _BLOCK.fullmatch(str(m))
    if whole is None:
        return "", Raw("")
    kind, body = whole.group(1), whole.group(2)
    cuts, depth = [], 0
    for t in _ROW_TOKEN.finditer(body):
        tok = t.group(0)
        if t.group(1):
            depth += 1 if t.group(1) == "begin" else -1
        elif tok in "{}":
            depth += 1 if tok == "{" else -1
        elif tok.startswith("\\\\") and depth == 0:
            cuts.append(t.span())
        if depth < 0:  # "\end{aligned}…\begin{aligned}": two blocks, not one
            return "", Raw("")
    if kind == "gathered":
        return ("gather", Raw(body)) if cuts else ("", Raw(""))
    if len(cuts) + 1 < BREAK_ROWS:
        return "", Raw("")
    out, last = [], 0
    for k, (a, b) in enumerate(cuts):
        out.append(body[last:a] + ("\\\\*" if k in (0, len(cuts) - 1) else "\\\\"))
        last = b
    return "align", Raw("".join(out) + body[last:])


# a hand calculation's rows on the A4 page (printing.display_width units; a line of the page is
# about 95): ROW_WIDTH's 60 broke rows that fit twice over (rnn's logits₁₁ in three rows)
FIT_WIDTH = PAGE_WIDTH
PAIR_WIDTH = 52  # printed characters: two value displays this narrow share a row


def _value_width(v: Any) -> int:
    """The printed width of ``lhs ≈ [matrix]``: a matrix counts its widest row."""
    value = str(v.value)
    m = re.search(r"\\begin\{bmatrix\}(.*)\\end\{bmatrix\}", value, re.S)
    rows = m[1].split("\\\\") if m else [value]
    widest = max(_tex_width(r) + 2 * r.count("&") for r in rows)
    return _tex_width(str(v.lhs)) + widest + 2


def _value_rows(values: Any) -> list[tuple[Any, ...]]:
    """Layout only: value displays two to a row when both are narrow (:data:`PAIR_WIDTH`)."""
    out: list[tuple[Any, ...]] = []
    items = list(values)
    while items:
        a = items.pop(0)
        if items and max(_value_width(a), _value_width(items[0])) <= PAIR_WIDTH:
            out.append((a, items.pop(0)))
        else:
            out.append((a,))
    return out


BESIDE_WIDTH = 24.0  # a step this short (printing.display_width units) fits beside its lead-in
# or one this wide with the names its lead-in prints (the lead-in's words are about 45 units of
# the A4 line's ~95 in either language): a shared weight's per-step contributions, x⁽ᵗ⁾ᵀ(δ ⊙ …)
BESIDE_ROOM = 40.0


def _beside(e: Eq, width: float, *names: Any) -> bool:
    """Layout only: whether ``e`` is one short row (no break, no "same in every column") that
    a handout may set on the line of its lead-in sentence, which prints ``names``."""
    line, columns = _layout(e.lhs, e.rhs, width)
    if columns:
        return False
    wide = printing.display_width(line)
    named = sum(printing.display_width(str(n)) for n in names if n is not None)
    return wide <= BESIDE_WIDTH or wide + named <= BESIDE_ROOM


# a line of the A4 page's text, in printing.display_width units (about one letter, 0.5 em)
LINE_UNITS = 95.0


def _beside_words(e: Eq, width: float, words: Any) -> bool:
    """Layout only: whether ``e`` is one unbroken row (no "same in every column") that fits on
    the line of its lead-in ``words`` (a sentence of the catalogue, markup dropped: about one
    unit a character, two a Chinese one) — a closed form after its short "In one formula" lead-in."""
    line, columns = _layout(e.lhs, e.rhs, width)
    if columns or "\\\\" in line:
        return False
    plain = re.sub(r"\\[a-zA-Z]+|[{}*$]", "", str(words))
    wide = sum(2.0 if ord(c) >= 0x2E80 else 1.0 for c in plain)  # a CJK character: 1 em
    return printing.display_width(line) + wide + 2.0 <= LINE_UNITS


def _braced(b: Any, label: str, width: float) -> bool:
    """Layout only (issue 12): whether a backward step's paths can be shown as ONE display, its
    total with each path's term under a brace naming the path ("through V"), instead of a
    display per path and the total again: the total printed is exactly the sum of the paths'
    right sides (the same verified equations, the terms in the same order), every path from an
    upstream gradient, and the display one unbroken row of the line, a brace's label no wider
    than the room it has (``label``: the word before the path's name)."""
    total = b.total
    if total is None or len(b.paths) < 2 or any(p.upstream is None for p in b.paths):
        return False
    if str(total.rhs) != " + ".join(str(p.eq.rhs) for p in b.paths):
        return False
    line, columns = _layout(total.lhs, total.rhs, width)
    if columns or "\\\\" in line or line != f"{total.lhs} = {total.rhs}":
        return False
    words = printing.display_width(f"\\text{{{label}}}")
    wide = printing.display_width(str(total.lhs)) + 3.0 + 3.0 * (len(b.paths) - 1)
    for p in b.paths:
        term = printing.display_width(str(p.eq.rhs))
        wide += max(term, 0.72 * (words + printing.display_width(str(p.source_tex))))
    return wide <= width


STACK_LABEL = 2.0  # the \\quad before a stacked row's label (display_width units)


def _stacked(b: Any, label: str, width: float) -> bool:
    """Layout only (issue 12): whether a step whose total is written with its paths' names
    (``δ_H = δ_H|_A + δ_H|_B``, exactly, in order; the sum written out too wide for a row) can
    show its paths as the rows of that sum instead — ``δ_H = (A's term)``, ``+ (B's term)``,
    each row one path's verified right side with its name beside it ("through A") — rather than
    a lead-in and a display per path and the total by names: the same proven equations, each
    path's name replaced by its own proven formula. Every path from an upstream gradient, each
    row one unbroken line."""
    total = b.total
    if total is None or len(b.paths) < 2 or any(p.upstream is None for p in b.paths):
        return False
    if str(total.rhs) != " + ".join(str(p.eq.lhs) for p in b.paths):
        return False
    lhs = printing.display_width(f"{total.lhs} = ")
    words = printing.display_width(f"\\text{{{label}}}")
    for p in b.paths:
        line, columns = _layout(total.lhs, p.eq.rhs, width)
        if columns or "\\\\" in line:
            return False
        term = printing.display_width(str(p.eq.rhs))
        name = words + printing.display_width(str(p.source_tex))
        if lhs + term + STACK_LABEL + name > width:
            return False
    return True


SUM_LEAD = 25.0  # the short lead-in "Summed over the paths:" (either language), in units


def _sum_beside(e: Eq, width: float) -> bool:
    """Layout only (issue 12): whether a step's total (the sum of its paths, written with the
    paths' names) is one unbroken row short enough to sit on the line of its short lead-in."""
    line, columns = _layout(e.lhs, e.rhs, width)
    return not columns and "\\\\" not in line and printing.display_width(line) <= width - SUM_LEAD


ROW_GAP = 4.0  # the ",\\qquad" between equations set on one row (display_width units)


def _one_row(eqs: Any, width: float) -> bool:
    """Layout only (issue 12): whether the equations ``eqs`` (a shared weight's term at each
    step under its Σ) fit side by side on one row of the page, each unbroken, instead of a row
    each."""
    eqs = list(eqs)
    wide = ROW_GAP * (len(eqs) - 1)
    for e in eqs:
        line, columns = _layout(e.lhs, e.rhs, width)
        if columns or "\\\\" in line:
            return False
        wide += printing.display_width(line)
    return wide <= width


def _with_value(e: Eq, v: Any, width: float) -> bool:
    """Layout only: whether the step ``e`` and the numbers ``v`` of its left side fit on one
    row as ``lhs = rhs ≈ value`` (a compact layer's step, derive/walkthrough/layers.py): the
    step unbroken, the value a row (a column shown as its row transposed)."""
    line, columns = _layout(e.lhs, e.rhs, width)
    if columns or "\\\\" in line:
        return False
    value = printing.column_as_row(str(v.value), 3)
    return printing.display_width(line) + printing.display_width(value) + 3 <= width


# a hand working and its matrix side by side: printing.display_width units, the A4 line 95 (495 pt);
# measured on the course and built-in handouts (round 30), a display estimated at 96 with its
# \qquad\qquad gaps at their true 4 em (8 units) is at most ~98 units wide (shrunk by <= 3 %)
WORKED_LINE = 96.0
WORKED_GAP = 8.0


def _worked_beside(cs: Any, v: Any, width: float) -> bool:
    """Layout only (issue 12): whether one row of hand workings ``cs`` (as :func:`_rows` sets
    them) and the matrix ``v`` of all the entries fit side by side on one display of the A4
    line (:data:`WORKED_LINE`), the matrix beside the working instead of under it: no working
    broken into rows, none set breakable (:func:`_tall`), the matrix not shrunk."""
    cs = list(cs)
    if not cs or len(_rows(cs)) != 1 or any(_tall(c, width) for c in cs):
        return False
    used = 0.0
    for c in cs:
        lhs = str(c.lhs)
        terms = [_fitted(str(t), lhs, width) for _r, t in c.chain]
        if any("\\\\" in t for t in terms):
            return False
        widest = max(printing.display_width(f"{r} {t}") for (r, _), t in zip(c.chain, terms))
        used += printing.display_width(lhs) + widest + WORKED_GAP
    value = printing.column_as_row(str(v.value), 3)
    used += printing.display_width(f"{v.lhs} {v.rel} {value}")
    return used <= WORKED_LINE


def _worked_row(cs: Any, v: Any, dense: bool, width: float) -> list[Any]:
    """Layout only: the hand workings of ``cs`` (those the handout works out) to set beside
    the matrix ``v`` (:func:`_worked_beside`), ``[]`` for none. A dense handout works out one
    row of each tensor (:func:`handpick.few`); when two workings side by side and the matrix
    do not fit the line, its row is the first working alone, beside the matrix."""
    cs = list(cs)
    if _worked_beside(cs, v, width):
        return cs
    if dense and len(cs) > 1 and _worked_beside(cs[:1], v, width):
        return cs[:1]
    return []


NARROW_STEP = 40.0  # two steps this narrow (display_width units) share a display row


def _narrow(e: Eq, width: float) -> bool:
    """Layout only: whether ``e`` is one row (no break, no "same in every column") narrow enough
    to share a display with another (:data:`NARROW_STEP`)."""
    line, columns = _layout(e.lhs, e.rhs, width)
    return not columns and printing.display_width(line) <= NARROW_STEP


def _same_reason(a: Eq, b: Eq) -> bool:
    return a.reason == b.reason and a.args == b.args


def _eq_rows(eqs: Any, width: float, pair: bool) -> list[tuple[tuple[Eq, ...], bool]]:
    """Layout only: ``eqs`` as display rows — two narrow steps with the same reason side by side
    when ``pair`` — each with whether it ends a run of one reason (where the reason is said)."""
    items, out = list(eqs), []
    while items:
        a = items.pop(0)
        row: tuple[Eq, ...] = (a,)
        if pair and items and _same_reason(a, items[0]) and _narrow(a, width):
            if _narrow(items[0], width):
                row = (a, items.pop(0))
        ends = not items or not _same_reason(row[-1], items[0])
        out.append((row, ends))
    return out


PART_LINE = 90.0  # a row of a lesson's displays side by side (display_width units; ~95 a line)
PART_GAP = 4.0  # the \\qquad between two of them
# two displays a little wider than the line share it, shrunk to fit (to 90 % at most): the
# averaging slip's two matrices, no 1/n and (1/n)², each 47 units wide, took a row each (five
# lines: cmu10414's residual block ran onto a tenth page)
PAIR_SHRINK = 1.1


def _sides_as_rows(e: Any, least: int = 99) -> tuple[Math, Math]:
    """Layout only: a step whose two sides are both columns (of ``least`` entries or more) as
    the equation of their rows transposed, ``[a b c]ᵀ = [d e f]ᵀ`` (the same statement, one
    line instead of a column's height); any other step as it is."""
    lhs, rhs = printing.column_as_row(str(e.lhs), least), printing.column_as_row(str(e.rhs), least)
    if lhs == str(e.lhs) or rhs == str(e.rhs):
        return Math(str(e.lhs)), Math(str(e.rhs))
    return Math(lhs), Math(rhs)


def _part_rows(items: Any, least: int = 99) -> list[tuple[Any, ...]]:
    """Layout only: a lesson part's displays (steps ``lhs = rhs`` or values ``lhs ≈ value``)
    side by side as long as the row fits the line (:data:`PART_LINE`), then a new row — all of
    them on one row was shrunk to fit (the zero-initialisation argument of a network with three
    hidden layers set 13 column equations on one line at a fraction of the text size)."""

    def width(e: Any) -> float:
        if hasattr(e, "rel"):
            tex = f"{e.lhs} {e.rel} {printing.column_as_row(str(e.value), least)}"
        else:
            tex = "{} = {}".format(*_sides_as_rows(e, least))
        return printing.display_width(tex)

    out: list[tuple[Any, ...]] = []
    row: list[Any] = []
    used = 0.0
    for e in items:
        w = width(e)
        line = PART_LINE * (PAIR_SHRINK if len(row) == 1 else 1.0)
        if row and used + PART_GAP + w > line:
            out.append(tuple(row))
            row, used = [], 0.0
        used += (PART_GAP if row else 0.0) + w
        row.append(e)
    if row:
        out.append(tuple(row))
    return out


CHAIN_EQ = 2.5  # an " = " between two left sides in a chain (display_width units)


def _zero_chain(items: Any) -> list[tuple[Any, ...]] | None:
    """Layout only (issue 12): steps ``lhs = 0``, each proven, as chains ``a = b = … = 0``, as
    many left sides to a row as fit the line (:data:`PART_LINE`) — the same statements, said
    once each; ``None`` when a step's right side is not 0 (then side by side as before)."""
    eqs = list(items)
    if not eqs or any(hasattr(e, "rel") or str(e.rhs).strip() != "0" for e in eqs):
        return None
    end = printing.display_width("= 0")
    out: list[tuple[Any, ...]] = []
    row: list[Any] = []
    used = end
    for e in eqs:
        w = printing.display_width(str(e.lhs)) + CHAIN_EQ
        if row and used + w > PART_LINE:
            out.append(tuple(row))
            row, used = [], end
        used += w
        row.append(e)
    out.append(tuple(row))
    return out


@functools.lru_cache(maxsize=8192)
def _laid_out(lhs: str, rhs: str, width: float) -> tuple[str, int]:
    """:func:`printing.layout` of ``lhs = rhs`` (memoised: the two languages, and the handouts
    and notebooks of a build, lay out the same formulas)."""
    return printing.layout(lhs, "=", rhs, width)


def _layout(lhs: str, rhs: str, width: float) -> tuple[str, int]:
    return _laid_out(str(lhs), str(rhs), width)


def _display(e: Any, width: float) -> str:
    """``lhs = rhs`` laid out; under it, for a step whose repeated pieces are named
    (:mod:`derive.walkthrough.named`), a row ``𝒜 := …`` for each, in the same aligned block (a
    page may break between its rows as between the formula's)."""
    laid = _layout(e.lhs, e.rhs, width)[0]
    named = getattr(e, "named", ())
    if not named:
        return laid
    rows = " \\\\ ".join(f"{n} &:= {_fitted(str(m), f'{n} :=', width)}" for n, m in named)
    begin, end = "\\begin{aligned}", "\\end{aligned}"
    if laid.startswith(begin) and laid.endswith(end) and laid.count(begin) == 1:
        return f"{laid[: -len(end)]} \\\\ {rows}{end}"
    return f"{begin}{e.lhs} &= {_fitted(str(e.rhs), str(e.lhs), width)} \\\\ {rows}{end}"


@functools.lru_cache(maxsize=8192)
def _fitted(tex: str, lhs: str, width: float) -> str:
    """:func:`printing.break_sum` of ``tex`` in the room after ``lhs`` (memoised too)."""
    return printing.break_sum(tex, printing.row_room(lhs, width))


def _code(v: Any, family: str) -> Raw:
    s = str(v)
    if family == "tex":
        return Raw(f"\\texttt{{{markup.tex_escape(s)}}}")
    fence = "``" if "`" in s else "`"
    return Raw(f"{fence}{s}{fence}")


@functools.cache
def environment(family: str, templates: str | None = None) -> jinja2.Environment:
    """The environment of ``family`` (``md``, ``tex``, ``py``); ``templates`` is a directory
    whose files override the built-in ones (``--templates``)."""
    options = jinja_setup.options(family, templates)
    say, finalize = {
        "md": (markup.md_say, markup.md_finalize),
        "tex": (markup.tex_say, markup.tex_finalize),
        "py": (markup.py_say, markup.py_finalize),
    }[family]
    env = jinja2.Environment(finalize=finalize, **options)
    # formulas laid out to fit: Markdown for a phone's column, LaTeX for the page
    width = printing.SCREEN_WIDTH if family == "md" else printing.ROW_WIDTH
    fit_width = FIT_WIDTH if family == "tex" else width
    env.filters.update(
        display=lambda e: Math(_display(e, fit_width)),
        columns=lambda e: Math(str(n) if (n := _layout(e.lhs, e.rhs, fit_width)[1]) else ""),
        fit=lambda t, lhs: Math(_fitted(str(t), str(lhs), fit_width)),
        beside=lambda e, *names: _beside(e, fit_width, *names),
        beside_words=lambda e, words: _beside_words(e, fit_width, words),
        with_value=lambda e, v: _with_value(e, v, fit_width),
        one_row=lambda eqs: _one_row(eqs, fit_width),
        braced=lambda b, label: _braced(b, label, fit_width),
        stacked=lambda b, label: _stacked(b, label, fit_width),
        sum_beside=lambda e: _sum_beside(e, fit_width),
        worked_row=lambda cs, v, dense: _worked_row(cs, v, dense, fit_width),
        as_row=lambda t, least=3: Math(printing.column_as_row(str(t), least)),
        eq_rows=lambda eqs, pair: _eq_rows(eqs, fit_width, pair),
        part_rows=_part_rows,
        zero_chain=_zero_chain,
        sides_as_rows=_sides_as_rows,
        rows_apart=_rows_apart,
        values_packed=lambda ts: _values_packed(ts, fit_width),
    )
    env.filters.update(
        raw=_raw,
        say=say,
        code=lambda v: _code(v, family),
        verbatim=_verbatim,
        listing=_listing,
        rows=_rows,
        value_rows=_value_rows,
        one_line=_one_line,
        label=_label,
        point=_point,
        pyliteral=markup.py_literal,
        comment=markup.py_comment,
        why=lambda eq, L: say(L["reasons"][eq.reason], _titled(dict(eq.args), L)),
        md_escape=markup.md_escape,
        tex_escape=markup.tex_escape,
        prose={"md": markup.md_prose, "tex": markup.tex_prose, "py": markup.py_prose}[family],
    )
    return env


def render(
    template: str, w: Walkthrough, lang: str, templates: str | None = None, **extra: Any
) -> str:
    """Render ``template`` (e.g. ``md/walkthrough.md.j2``) for ``w`` in ``lang``; runs of blank
    lines are collapsed (to one; two in Python) and the text ends with exactly one newline."""
    family = template.split("/", 1)[0]
    env = environment("md" if family == "ipynb" else family, templates)
    detail = getattr(w, "detail", "full")
    few, dense = _few(w, detail)
    text = env.get_template(template).render(
        w=w,
        lang=lang,
        L=catalogue(lang),
        few=few,
        dense=dense,
        by_value=values_compact(w, detail) and entry_named(w),
        **extra,
    )
    text = math_words(text, lang)
    text = re.sub(r"[ \t]+\n", "\n", text)
    blank = "\n\n\n" if family == "py" else "\n\n"  # PEP 8 keeps two blank lines
    return re.sub(rf"\n{{{len(blank) + 1},}}", blank, text).strip("\n") + "\n"


def math_words(text: str, lang: str) -> str:
    """SymPy's piecewise words (``\\text{for}``, ``\\text{otherwise}``) in ``lang``."""
    for word, local in catalogue(lang).get("math_words", {}).items():
        text = text.replace(f"\\text{{{word}}}", f"\\text{{{local}}}")
    return text


def render_notebook(
    w: Walkthrough,
    lang: str,
    templates: str | None = None,
    attachments: Mapping[str, tuple[str, bytes]] | None = None,
    has_py: bool = True,
) -> str:
    """The notebook as nbformat-4 JSON text: Markdown cells from ``ipynb/walkthrough.ipynb.j2``,
    code cells from the macros of ``py/cells.py.j2`` it names. Cell ids are ``cell-0001``, …;
    keys are sorted (the layout ``nbformat.writes`` produces), no outputs, no timestamps.

    ``attachments`` maps a file name to ``(MIME type, bytes)``: a Markdown cell that links the
    file as an image gets it as a cell attachment (``attachment:NAME``), so the notebook shows
    it in HTML exports, Colab and an LMS, where a file next to the notebook is missing.
    ``has_py``: whether ``backprop.py`` is written next to the notebook (it is named only then)."""
    text = render("ipynb/walkthrough.ipynb.j2", w, lang, templates, has_py=has_py)
    module = (
        environment("py", templates)
        .get_template("py/cells.py.j2")
        .make_module({"w": w, "lang": lang, "L": catalogue(lang), "numbered": False})
    )
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
        cell: dict[str, Any] = {
            "cell_type": kind,
            "id": f"cell-{len(cells) + 1:04d}",
            "metadata": {},
            "source": body.splitlines(keepends=True),
        }
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        else:
            _attach(cell, attachments or {})
        cells.append(cell)
    nb = {
        "cells": cells,
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    }
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def _attach(cell: dict[str, Any], files: Mapping[str, tuple[str, bytes]]) -> None:
    """Embed the images ``cell`` links (``](NAME)``) as base64 attachments (nbformat 4.5)."""
    text = "".join(cell["source"])
    found = {}
    for name, (mime, data) in sorted(files.items()):
        link = f"]({name})"
        if link in text:
            text = text.replace(link, f"](attachment:{name})")
            found[name] = {mime: base64.b64encode(data).decode("ascii")}
    if found:
        cell["attachments"] = found
        cell["source"] = text.splitlines(keepends=True)


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
