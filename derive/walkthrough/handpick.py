"""Which hand calculations a handout works out, and how they share rows of the page: the
choice both the walkthrough (which entries to compute at all) and the renderers (which to show,
how laid out) need, so it lives below both."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from derive.engine import printing

FEW = 6  # a handout works out at most this many entries of a tensor by hand (then 3, and says so)
# … and at most this many in all (the original five built-ins work out 7–34): a network with
# many tensors (attention, batch norm) works out one row of each, and says that the others are
# computed the same way; every entry stays in the matrix below its hand calculation
HAND_BUDGET = 36


def tex_width(tex: str) -> int:
    """A rough printed width of a LaTeX line, in characters (commands and braces dropped)."""
    tex = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", lambda m: max(m[1], m[2], key=len), tex)
    tex = re.sub(r"\\(left|right|cdot|text|operatorname|mathrm|quad)\b", " ", tex)
    return len(re.sub(r"\\[a-zA-Z]+|[{}^_&\\ ]", "", tex)) + tex.count("\\cdot")


# a hand working this long (characters of LaTeX, the whole lhs = formula = numbers = value) is
# worked out for one entry only at standard detail: a ReLU with no node of its own writes the
# layer's whole pre-activation inside each entry (d2l_mlp_weight_decay's ∂L/∂W1: 1516, about a
# third of a page), and a second such entry teaches nothing the first did not; the built-ins'
# longest is 815 (batchnorm's var)
TALL_WORKING = 1000


# a hand working this long (about a third of a page: five rows of the formula and five with
# the numbers) is worked out for its first entry only, in full, at standard detail: the others
# are the same rows with other indices (ufldl_sparse_ae's δa[2], ∂cost/∂W[2] and ∂cost/∂b[2]:
# 770–998 characters, three or four entries each, a page and a half); the built-ins' longest
# of a tensor worked out for more than one entry is 445 (rnn's z_1)
LONG_WORKING = 700


def _length(c: Any) -> int:
    return len(c.lhs) + sum(len(t) for _r, t in c.chain)


def tall(c: Any) -> bool:
    """Whether the hand working ``c`` is over :data:`TALL_WORKING` characters of LaTeX."""
    return _length(c) > TALL_WORKING


def long(c: Any) -> bool:
    """Whether the hand working ``c`` is over :data:`LONG_WORKING` characters of LaTeX."""
    return _length(c) > LONG_WORKING


def _indexed(c: Any) -> bool:
    """Whether the working ``c`` is a formula followed by its value (too long with the numbers
    put in) that has an index form (``Calc.index``): a row sum. A working a reader follows with
    its numbers (the built-in relu-mlp's loss) stays as it is; a tall one is cut to its formula
    and value first (:func:`_formula_and_value`, which writes it with the index)."""
    return bool(getattr(c, "index", None)) and getattr(c, "cut", None) == "numbers"


def _formula_and_value(c: Any) -> Any:
    """A :func:`tall` working at standard detail: its formula and its value, the rows with the
    example's numbers put in left out (``cut="numbers"``: the handout says so under it, as for
    a line over the cap). A softmax cross-entropy's entry spells every term of the row, zeros
    too (d2l_lstm_scratch's loss and δ: half a page each); the formula and the exact value say
    what a reader checks, and the matrix form above is the way to work it."""
    if c.cut == "formula":
        return c
    if c.index:
        # the row sum written once with an index, then the value (the lead's decision, round
        # 39: batch norm's δvar, δmean were 6–10 lines each of the same term for every row)
        return replace(c, chain=((c.chain[0][0], c.index), c.chain[-1]), cut="numbers")
    if c.cut or len(c.chain) < 3:
        return _value_alone(c)
    return _value_alone(replace(c, chain=(c.chain[0], c.chain[-1]), cut="numbers"))


def _wide_index(c: Any, loss: frozenset) -> Any:
    """A working cut to its row sum written once with an index (:func:`_formula_and_value`)
    whose index form still prints over :data:`FORMULA_ROWS` rows of the page: its value alone,
    as :func:`_value_alone` gives a formula with no index form — except the loss's own entry
    (``lhs`` in ``loss``), the loss written as a formula. DeepFM's ∂W⁽²⁾ entry spelt
    ``Σᵢ δdeepᵢ · ReLU(inputsᵢ₁ W⁽¹⁾₁₁ + … + b⁽¹⁾₁)`` without numbers over two rows (11 printed
    lines with its sentence); the step's matrix form ``ReLU(inputs W⁽¹⁾ + b⁽¹⁾)ᵀ δdeep`` and the
    exact value are the step. A one-row index form (batch norm's δvar) stays."""
    if not c.index or c.cut != "numbers" or str(c.lhs) in loss or c.chain[0][1] != c.index:
        return c
    if printing.display_width(str(c.index)) <= FORMULA_ROWS * PAGE_WIDTH:
        return c
    return replace(c, chain=(c.chain[-1],), cut="formula")


def _value_alone(c: Any) -> Any:
    """A working cut to its formula and value (``cut="numbers"``) whose formula alone would
    print over :data:`FORMULA_ROWS` rows of the page: its value alone (``cut="formula"``, the
    handout says so: the matrix form above is the way to work it). DeepFM's entry of
    ``ReLU(inputs W⁽¹⁾ + b⁽¹⁾) W⁽²⁾`` spelt 21 products over six rows (13 printed lines) that no
    one follows without the numbers; the matrix form and the exact value are the step. A row
    sum written once with an index (:func:`_formula_and_value`) keeps its formula."""
    if c.cut != "numbers" or len(c.chain) < 2:
        return c
    if printing.display_width(str(c.chain[0][1])) <= FORMULA_ROWS * PAGE_WIDTH:
        return c
    return replace(c, chain=(c.chain[-1],), cut="formula")


# a row of a display on the A4 page, in units of printing.display_width (about one letter; a
# line of the page holds about 95): the PDF's displays and hand calculations break at this
# width (derive.render.environment.FIT_WIDTH) — ROW_WIDTH's 60 broke rows that fit twice over
PAGE_WIDTH = 80.0
# a formula shown without its numbers (too long with them) is still shown up to this many rows
FORMULA_ROWS = 1


NARROW3 = 18  # printed characters: three hand calculations this narrow share a row


def rows(calcs: Any, width: int = 30) -> list[tuple[Any, ...]]:
    """Layout only: hand calculations three to a row when all three are very narrow
    (:data:`NARROW3` printed characters per line at most), two when both are narrow (``width``),
    else one to a row."""
    out: list[tuple[Any, ...]] = []
    items = list(calcs)

    def size(c: Any) -> int:
        return max(tex_width(t) for _r, t in ((None, c.lhs), *c.chain))

    while items:
        a = items.pop(0)
        if len(items) >= 2 and max(size(a), size(items[0]), size(items[1])) <= NARROW3:
            out.append((a, items.pop(0), items.pop(0)))
        elif items and max(size(a), size(items[0])) <= width:
            out.append((a, items.pop(0)))
        else:
            out.append((a,))
    return out


def few(w: Any, detail: str) -> tuple[Any, bool]:
    """``(few, dense)`` of the templates. ``few``: which of a tensor's hand calculations a
    handout works out — all at ``--detail full``; otherwise all of up to :data:`FEW` (else the
    first 3; the first alone when its working is :func:`long`, and as its formula and its value
    when it is :func:`tall`); and
    when that would make more
    than :data:`HAND_BUDGET` in the whole handout (it
    is ``dense``), one row of each tensor as the page lays them out (:func:`rows`: two narrow
    entries side by side, or one wide)."""
    if detail == "full":
        return (lambda cs: cs), False
    loss_name = getattr(w, "loss", None)
    loss = frozenset(
        str(c.lhs)
        for item in getattr(w, "forward", ())
        if loss_name is not None and getattr(item, "name", None) == loss_name
        for c in getattr(item, "calcs", ()) or ()
    )

    def some(cs: Any) -> Any:
        return cs if len(cs) <= FEW else cs[:3]

    def pick(cs: Any) -> Any:
        if cs and (_indexed(cs[0]) or tall(cs[0])):  # the row sum once with an index; the others as values
            return [_wide_index(_formula_and_value(cs[0]), loss)]
        return [cs[0]] if cs and long(cs[0]) else some(cs)

    # the budget counts as before the tall rule: a handout that was dense stays dense
    items = (*getattr(w, "forward", ()), *getattr(w, "backward", ()))
    total = sum(len(some(getattr(item, "calcs", ()) or ())) for item in items)
    if total <= HAND_BUDGET:
        return pick, False

    def row(cs: Any) -> Any:  # 2 at most
        if _indexed(cs[0]):
            return [_wide_index(_formula_and_value(cs[0]), loss)]
        first = cs[: 1 if long(cs[0]) else min(2, len(rows(some(cs))[0]))]
        return [_wide_index(_formula_and_value(c), loss) if tall(c) else c for c in first]

    return (lambda cs: row(cs) if cs else cs), True
