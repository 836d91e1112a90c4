"""LaTeX printing in the walkthrough's notation.

``name_tex`` turns a spec identifier into LaTeX (``W1`` → ``W^{[1]}``, ``w11`` → ``w_{11}``,
``Yhat`` → ``\\hat{Y}``, ``y_pred`` → ``y_{\\text{pred}}``); :class:`DeriveLatexPrinter` subclasses
SymPy's ``LatexPrinter`` for ``\\sigma``, ``\\mathbf{1}[z>0]`` and our symbol names. Identifiers
are validated upstream (``[A-Za-z][A-Za-z0-9_]*``), so nothing printed here can carry a macro.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import precedence
from sympy.printing.str import StrPrinter

from derive.lang import ops

GREEK = frozenset(
    "alpha beta gamma delta zeta eta theta iota kappa mu nu xi pi rho sigma tau upsilon phi chi "
    "psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)
_TRAILING_DIGITS = re.compile(r"^([A-Za-z]+?)(\d+)$")
# a weight or bias letter and a short lowercase label, as RNN notes name their matrices (W_xh,
# W_hh, W_hy, b_h); longer labels (``bias``, ``Wout``'s "out" is kept) stay one word
_WEIGHT_SUFFIX = re.compile(r"^([WUV])([a-z]{1,3})$|^(b)([a-z]{1,2})$")
# names of that form that are words or abbreviations of their own (a batch-norm output ``bn``)
_LABEL_WORDS = frozenset({"bn", "Vec", "Var", "Val", "Way", "Wei"})


# spellings of a Greek letter that are not its LaTeX name (``lambda`` is a Python keyword: Ng's
# courses write ``lambd``, scikit-learn and ex2's Python ports ``lambda_``, others ``lmbda``)
GREEK_ALIASES = {
    "eps": "\\varepsilon",
    "epsilon": "\\varepsilon",
    "lam": "\\lambda",
    "lambd": "\\lambda",
    "lmbda": "\\lambda",
    "lmbd": "\\lambda",
}


def _base(word: str) -> str:
    if word == "delta":
        # δ is the handouts' gradient (δ_Z = ∂L/∂Z): a user's Huber threshold or TD error
        # named delta is printed as its name, so δ_{delta} is never δ_δ
        return "\\mathrm{delta}"
    if word in GREEK_ALIASES:
        return GREEK_ALIASES[word]
    if word in GREEK:
        return "\\" + word
    if word.endswith("hat") and len(word) > 3:
        return f"\\hat{{{_base(word[:-3])}}}"
    if len(word) == 1:
        return word
    return f"\\mathrm{{{word}}}"


def name_tex(name: str, *, layer: bool = False) -> str:
    """LaTeX for an identifier. ``layer=True`` prints trailing digits as a layer index
    (``W1`` → ``W^{[1]}``), otherwise as a subscript (``w11`` → ``w_{11}``)."""
    head, _, tail = name.partition("_")
    stem = name[:-1]
    if name.endswith("_") and (stem in GREEK or stem in GREEK_ALIASES or stem == "lambda"):
        return "\\lambda" if stem == "lambda" else _base(stem)  # lambda_, beta_: the letter
    if name.endswith("_") or "__" in name or name.startswith("_"):
        # an empty part (trailing or doubled ``_``): the name as written, underscores escaped
        escaped = name.replace("_", "\\_")
        return f"\\mathrm{{{escaped}}}"
    if tail:
        if tail == "hat":
            return f"\\hat{{{name_tex(head)}}}"
        sub = tail if tail.isdigit() else f"\\text{{{tail.replace('_', ' ')}}}"
        m = _TRAILING_DIGITS.match(head)
        if m and "_" in tail:
            # several words after a head with digits (Ng's ``L2_regularization_cost``): a
            # name of its own, not a layer's or an entry's (``L^{[2]}`` would read as the loss
            # of layer 2)
            escaped = name.replace("_", "\\_")
            return f"\\mathrm{{{escaped}}}"
        if m and not layer:  # h1_raw → h_{1,\text{raw}}
            return f"{_base(m.group(1))}_{{{m.group(2)},{sub}}}"
        greek = head in GREEK or head in GREEK_ALIASES
        if len(head) > 1 and not m and not greek and not head.endswith("hat"):
            escaped = name.replace("_", "\\_")
            return f"\\mathrm{{{escaped}}}"
        return f"{name_tex(head, layer=layer)}_{{{sub}}}"
    m = _WEIGHT_SUFFIX.match(name)
    if m and name not in _LABEL_WORDS:  # Karpathy's Wxh, Whh, Why, bh; Elman's Wx, Uh: W_{xh}
        letter, label = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return f"{letter}_{{{label}}}"
    m = _TRAILING_DIGITS.match(name)
    if m and not name.endswith("hat"):
        word, digits = m.groups()
        base = _base(word)
        return f"{base}^{{[{digits}]}}" if layer else f"{base}_{{{digits}}}"
    return _base(name)


def entry_tex(matrix_tex: str, index: tuple[int, ...]) -> str:
    """``W^{[1]}`` and (0, 1) → ``W^{[1]}_{12}`` (1-based; commas when an index exceeds 9)."""
    one_based = [str(i + 1) for i in index]
    sep = "," if any(i >= 9 for i in index) else ""
    sub = sep.join(one_based)
    if matrix_tex.endswith("}") and "_{" in matrix_tex.rsplit("^", 1)[-1]:
        return f"\\left({matrix_tex}\\right)_{{{sub}}}"
    return f"{matrix_tex}_{{{sub}}}"


def grad_tex(loss_tex: str, of_tex: str) -> str:
    return f"\\frac{{\\partial {loss_tex}}}{{\\partial {of_tex}}}"


def ordered_terms(expr: sp.Expr, order: str | None = None) -> list[sp.Expr]:
    """The terms of a sum as displayed: SymPy's order, but a sum does not start with a negative
    term when it has a positive one (``y_pred − y_target``, not ``−y_target + y_pred``)."""
    terms = list(expr.as_ordered_terms(order=order))
    pos = [t for t in terms if not t.could_extract_minus_sign()]
    if not pos or not terms[0].could_extract_minus_sign():
        return terms
    return pos + [t for t in terms if t.could_extract_minus_sign()]


def common_factor(expr: sp.Add) -> sp.Rational | None:
    """The number every term of ``expr`` carries, up to sign, when it is not 1: ``2a − 2b`` →
    2, ``−a/2 − b/2`` → −1/2 (negative when every term is); ``2a − b``, ``2a + 4b`` → None."""
    coeffs = [t.as_coeff_Mul()[0] for t in expr.args]
    if len(coeffs) < 2 or not all(isinstance(c, sp.Rational) for c in coeffs):
        return None
    size = abs(coeffs[0])
    if size in (0, 1) or any(abs(c) != size for c in coeffs):
        return None
    return -size if all(c < 0 for c in coeffs) else size


_SPACES = {",": "\\thinspace", ":": "\\medspace", ";": "\\thickspace"}
_SPACE_MACRO = re.compile(r"(?<!\\)((?:\\\\)*)\\([,:;]) ?")


def named_spaces(tex: str) -> str:
    """``\\,`` ``\\:`` ``\\;`` spelled ``\\thinspace`` ``\\medspace`` ``\\thickspace``: GitHub's
    Markdown pipeline strips the short forms inside math (``X \\, W`` would read "X, W")."""
    return _SPACE_MACRO.sub(lambda m: f"{m.group(1)}{_SPACES[m.group(2)]} ", tex)


# a display line of about this many visible characters fits the content column of a docs
# theme at 1280 px (MkDocs Material: 688 px at KaTeX's 1.21 em) and a portrait A4 page
ROW_CHARS = 56
# the same in units of :func:`display_width` (about one letter, 0.5 em; measured in Chromium:
# 9–10 px a unit at KaTeX's 1.21 em, so 60 units is about 600 px of Material's 688 px column)
ROW_WIDTH = 60.0
# a phone's column (390 px: 358 px of formula at Material's 1 em there, 8 px a unit), with the
# estimate's error; the Markdown of every host is laid out for it, the PDF for ROW_WIDTH
SCREEN_WIDTH = 40.0
_INVISIBLE = re.compile(
    r"\\(?:left|right|big|Big|bigg|Bigg|text|mathrm|operatorname|mathbf|displaystyle)\b|[{}^_]"
)


def visible_chars(tex: str) -> int:
    """A rough count of the characters ``tex`` shows (a command such as ``\\sigma`` is one)."""
    return len(re.sub(r"\\[A-Za-z]+", "x", _INVISIBLE.sub("", tex)).replace(" ", ""))


def _top_level_terms(tex: str) -> list[str]:
    """``tex`` cut before every ``+``/``-`` at brace depth 0 and outside ``\\left…\\right``."""
    toks = _tokens(tex)
    cuts = [k for k, t in enumerate(toks) if t.kind == "op" and t.depth == 0 and t.rank == 0]
    bounds = [0, *cuts, len(toks)]
    return [
        "".join(t.text for t in toks[a:b]).strip() for a, b in zip(bounds, bounds[1:]) if a < b
    ]


@dataclass(frozen=True)
class _Tok:
    text: str
    kind: str  # op | left | right | space | atom
    depth: int = 0  # \left…\right groups around it
    rank: int = 0  # for an op: 0 for + and −, 1 for a product sign


_PRODUCT_SIGNS = ("\\odot", "\\cdot", "\\times")
_DELIM = re.compile(r"\\(left|right)(?![A-Za-z])\s*(\\[A-Za-z]+|\\.|[^\s\\])")
_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
_FRAC = re.compile(r"\\frac(?![A-Za-z])\s*")


def _group_end(tex: str, i: int) -> int:
    """The index after the brace group that opens at ``tex[i] == "{"``."""
    depth = 0
    while i < len(tex):
        c = tex[i]
        if c == "\\":
            i += 2
            continue
        depth += c == "{"
        depth -= c == "}"
        i += 1
        if depth == 0:
            return i
    return len(tex)


def _env_end(tex: str, i: int) -> int:
    """The index after the ``\\begin{…}…\\end{…}`` block that opens at ``i`` (nested ones too)."""
    depth, pos = 0, i
    for m in re.finditer(r"\\(begin|end)\{[^}]*\}", tex[i:]):
        depth += 1 if m.group(1) == "begin" else -1
        pos = i + m.end()
        if depth == 0:
            return pos
    return len(tex)


def _tokens(tex: str) -> list[_Tok]:
    """``tex`` as tokens: brace groups, environments and commands are atoms (never cut inside);
    ``\\left``/``\\right`` delimiters open and close groups that a row break may cross; ``+``,
    ``−``, ``\\odot``, ``\\cdot``, ``\\times`` after a space and after an operand are binary
    operators, the places a long line may be broken."""
    out: list[_Tok] = []
    depth, i = 0, 0

    def operand_before() -> bool:
        prev = next((t for t in reversed(out) if t.kind != "space"), None)
        return prev is not None and prev.kind in ("atom", "right") and prev.text not in "=&,"

    while i < len(tex):
        c = tex[i]
        if c.isspace():
            out.append(_Tok(c, "space", depth))
            i += 1
            continue
        if tex.startswith("\\begin{", i):
            j = _env_end(tex, i)
        elif c == "{":
            j = _group_end(tex, i)
        elif m := _DELIM.match(tex, i):
            if m.group(1) == "left":
                out.append(_Tok(m.group(0), "left", depth))
                depth += 1
            else:
                depth -= 1
                out.append(_Tok(m.group(0), "right", depth))
            i = m.end()
            continue
        elif m := _COMMAND.match(tex, i):
            j = m.end()
            word = m.group(0)
            if word in _PRODUCT_SIGNS and out and out[-1].kind == "space" and operand_before():
                out.append(_Tok(word, "op", depth, 1))
                i = j
                continue
        elif c in "+-" and out and out[-1].kind == "space" and operand_before():
            out.append(_Tok(c, "op", depth, 0))
            i += 1
            continue
        else:
            j = i + 1
        out.append(_Tok(tex[i:j], "atom", depth))
        i = j
    return out


def _open_fractions(tex: str, room: float) -> str:
    """``\\frac{a + b + …}{n}`` whose numerator is longer than ``room`` written
    ``\\frac{1}{n} \\left(a + b + …\\right)`` (the same value), so the sum can be broken."""
    out, i = [], 0
    while m := _FRAC.search(tex, i):
        num_at = m.end()
        if num_at >= len(tex) or tex[num_at] != "{":
            break
        num_end = _group_end(tex, num_at)
        den_at = num_end + len(tex[num_end:]) - len(tex[num_end:].lstrip())
        if den_at >= len(tex) or tex[den_at] != "{":
            break
        den_end = _group_end(tex, den_at)
        num, den = tex[num_at + 1 : num_end - 1], tex[den_at:den_end]
        out.append(tex[i : m.start()])
        if display_width(num) > room and len(_top_level_terms(num)) > 1:
            out.append(f"\\frac{{1}}{den} \\left({_open_fractions(num, room)}\\right)")
        else:
            out.append(tex[m.start() : den_end])
        i = den_end
    return "".join(out) + tex[i:]


# ---- display width (where to break a line) ------------------------------------------------------

_BIN_CHARS = frozenset("+-=<>")
_BIN_CMDS = frozenset(
    r"\cdot \odot \times \approx \to \leq \geq \neq \ne \le \ge \pm \mapsto \leftarrow"
    r" \rightarrow \equiv \in \otimes".split()
)
_SPACE_CMDS = {
    "\\thinspace": 0.3,
    "\\medspace": 0.4,
    "\\thickspace": 0.5,
    "\\quad": 1.8,
    "\\qquad": 3.6,
    "\\,": 0.3,
    "\\:": 0.4,
    "\\;": 0.5,
    "\\!": -0.3,
    "\\ ": 0.5,
}
_WRAPPERS = frozenset(
    r"\mathbf \boldsymbol \hat \bar \tilde \vec \mathit \mathcal \mathbb \overline \widehat".split()
)
_WORDS = frozenset(r"\text \texttt \textbf \textit \mathrm \operatorname".split())
_NAMED_FUNCTIONS = frozenset(r"\log \exp \tanh \sin \cos \max \min \ln \sum \prod".split())
_DOTS = frozenset(r"\cdots \ldots \dots \vdots \ddots".split())
_SIZED = frozenset(r"\left \right \bigl \bigr \Bigl \Bigr \big \Big \biggl \biggr".split())


def _arg(tex: str, i: int) -> tuple[str, int]:
    """The argument of a command at ``tex[i:]``: a brace group's content or one token."""
    while i < len(tex) and tex[i].isspace():
        i += 1
    if i >= len(tex):
        return "", i
    if tex[i] == "{":
        j = _group_end(tex, i)
        return tex[i + 1 : j - 1], j
    m = _COMMAND.match(tex, i)
    j = m.end() if m else i + 1
    return tex[i:j], j


_ENV_TAG = re.compile(r"\\(begin|end)\{[^}]*\}")


def _cells(body: str, sep: str) -> list[str]:
    """``body`` cut at ``sep`` (``&`` or ``\\\\``) outside braces and nested environments."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(body):
        env = _ENV_TAG.match(body, i)
        if env:  # \begin{name} / \end{name} as one token (its braces are not a group)
            depth += 1 if env.group(1) == "begin" else -1
            i = env.end()
            continue
        if body.startswith(sep, i) and depth == 0:
            out.append(body[start:i])
            i += len(sep)
            start = i
            continue
        if body[i] == "\\":
            i += 2
            continue
        depth += (body[i] == "{") - (body[i] == "}")
        i += 1
    out.append(body[start:])
    return out


def _matching_right(tex: str, i: int) -> int:
    """The index of the ``\\right`` that closes the ``\\left`` group opened before ``i``."""
    depth = 1
    for m in _DELIM.finditer(tex, i):
        depth += 1 if m.group(1) == "left" else -1
        if depth == 0:
            return m.start()
    return len(tex)


def _binary(tex: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and tex[j].isspace():
        j -= 1
    return j >= 0 and tex[j] not in "({[=&,^_"


@functools.lru_cache(maxsize=65536)  # a pure function of its arguments; break_rows asks often
def display_width(tex: str, scale: float = 1.0, in_frac: bool = False) -> float:
    """An estimate of how wide ``tex`` is in display math, in units of about one letter
    (0.5 em): a fraction as wide as its wider part, scripts at 72 %, a matrix column by column,
    binary operators with their spacing. It decides where a line breaks; it never computes
    math."""
    w, i = 0.0, 0
    while i < len(tex):
        c = tex[i]
        if c.isspace() or c == "&":
            i += 1
            continue
        if tex.startswith("\\begin{", i):
            j = _env_end(tex, i)
            env = re.match(r"\\begin\{([^}]*)\}", tex[i:])
            assert env is not None
            body = tex[i + env.end() : j - len(f"\\end{{{env.group(1)}}}")]
            rows = [_cells(r, "&") for r in _cells(body, "\\\\")]
            ncol = max(len(r) for r in rows)
            cols = [
                max(display_width(r[k], scale, in_frac) for r in rows if k < len(r))
                for k in range(ncol)
            ]
            matrix = "matrix" in env.group(1)
            w += sum(cols) + (1.9 * (ncol - 1) + 1.6 if matrix else 0.0) * scale
            i = j
            continue
        if c in "^_":
            a, i = _arg(tex, i + 1)
            other = "_" if c == "^" else "^"
            j = i
            while j < len(tex) and tex[j].isspace():
                j += 1
            if j < len(tex) and tex[j] == other:  # x_{1}^{2}: the scripts stack
                b, i = _arg(tex, j + 1)
                a = a if display_width(a) >= display_width(b) else b
            w += display_width(a, scale * 0.72, in_frac)
            continue
        if c == "{":
            a, i = _arg(tex, i)
            w += display_width(a, scale, in_frac)
            continue
        m = _COMMAND.match(tex, i)
        if m is None:
            w += scale * (
                (1.0 + 1.6 * (scale == 1 and _binary(tex, i)))
                if c in _BIN_CHARS
                else 0.6
                if c in "()[]|,.;:!'"
                else 1.45
                if c.isupper()
                else 1.0
            )
            i += 1
            continue
        cmd, i = m.group(0), m.end()
        if cmd in ("\\frac", "\\dfrac", "\\tfrac"):
            a, i = _arg(tex, i)
            b, i = _arg(tex, i)
            s = scale * (0.72 if in_frac else 1.0)
            w += max(display_width(a, s, True), display_width(b, s, True)) + 0.4 * scale
        elif cmd in _SIZED:
            d, i = _arg(tex, i)
            tall = cmd == "\\left" and "\\frac" in tex[i : _matching_right(tex, i)]
            w += 0.0 if d == "." else (1.2 if tall else 0.75) * scale
        elif cmd == "\\sqrt":
            a, i = _arg(tex, i)
            w += display_width(a, scale, in_frac) + 1.3 * scale
        elif cmd in _WORDS:
            a, i = _arg(tex, i)
            w += 0.95 * len(re.sub(r"\\[A-Za-z]+|\\.", "x", a)) * scale
        elif cmd in _WRAPPERS:
            a, i = _arg(tex, i)
            w += display_width(a, scale, in_frac)
        elif cmd == "\\displaystyle" or cmd == "\\\\":
            pass
        elif cmd in _SPACE_CMDS:
            w += _SPACE_CMDS[cmd] * scale
        elif cmd in _BIN_CMDS:
            w += (1.0 + 1.6 * (scale == 1)) * scale
        elif cmd in _NAMED_FUNCTIONS:
            w += ((len(cmd) - 1) * 0.95 + 0.3) * scale
        elif cmd in _DOTS:
            w += 2.2 * scale
        elif cmd in ("\\top", "\\partial", "\\Delta", "\\Sigma", "\\Gamma", "\\Omega"):
            w += 1.45 * scale
        else:
            w += scale
    return w


def break_rows(tex: str, room: float = ROW_WIDTH) -> list[str]:
    r"""``tex`` as rows no wider than ``room`` (:func:`display_width`) where it can be, broken
    before binary operators (``+`` and ``−`` rather than products, outer rather than inner
    parentheses). A break inside ``\left(…\right)`` closes the row with ``\right.`` and opens
    the next with ``\left.``, so each row is valid LaTeX on its own. Re-layout only: without the
    added delimiters the rows joined are ``tex`` (a long fraction opened as ``\frac{1}{n}
    \left(…\right)``, the same value). One row when ``tex`` fits or cannot be broken."""
    if display_width(tex) <= room:
        return [tex]
    toks = _tokens(_open_fractions(tex, room))
    cands = [k for k, t in enumerate(toks) if t.kind == "op"]

    @functools.cache
    def width(a: int, b: int) -> float:  # the candidate cuts ask for the same spans repeatedly
        return display_width("".join(t.text for t in toks[a:b]))

    cuts, start = [], 0
    while width(start, len(toks)) > room:
        # the cuts after start, and those that fit; widths grow with the span, so the scan stops
        # well past the room (a span 1.5 rows wide) instead of measuring every later span, which
        # made a long sum cubic in its length
        later, fit = [], []
        for k in cands:
            if k <= start:
                continue
            w = width(start, k)
            if w <= 0:
                continue
            later.append(k)
            if w <= room:
                fit.append(k)
            elif w > 1.5 * room:
                break
        if not later:
            break
        if not fit:
            cut = later[0]  # an operand wider than a row: break as soon as possible
        else:
            full = [k for k in fit if width(start, k) >= 0.45 * room] or fit
            cut = min(full, key=lambda k: (toks[k].depth, toks[k].rank, -k))
            # a shorter row ending outside the parentheses rather than one broken inside them,
            # when the whole parenthesised group then fits the next row ("0.19 · 1 · (1 \\ −
            # 0.83²)" → "0.19 · 1 \\ · (1 − 0.83²)")
            end = next((j for j in range(cut, len(toks)) if toks[j].depth < toks[cut].depth), len(toks))
            shallow = [
                k for k in fit
                if toks[k].depth < toks[cut].depth
                and width(start, k) >= 0.2 * room
                and width(k, end + 1) <= room
            ]
            if shallow:
                cut = max(shallow)
            # a shorter row ending before a + or − rather than a product cut in two
            # ("a·1 + (−b) \\ · (−1)" → "a·1 \\ + (−b)·(−1)")
            sums = [
                k
                for k in fit
                if toks[k].rank == 0
                and toks[k].depth <= toks[cut].depth
                and width(start, k) >= 0.2 * room
            ]
            if toks[cut].rank > 0 and sums:
                cut = max(sums)
        cuts.append(cut)
        start = cut
    if not cuts:
        return [tex]
    rows = []
    bounds = [0, *cuts, len(toks)]
    for a, b in zip(bounds, bounds[1:]):
        opened = toks[a].depth if a else 0
        closing = toks[b].depth if b < len(toks) else 0
        body = "".join(t.text for t in toks[a:b]).strip()
        rows.append("\\left. " * opened + body + " \\right." * closing)
    return rows


ROW_BREAK = " \\\\ &\\quad "  # between the rows of an ``aligned`` block, after its ``&=``


def break_sum(tex: str, room: float = ROW_WIDTH) -> str:
    r"""A long expression as rows of an ``aligned`` block (:func:`break_rows`): ``a + b \\
    &\quad + c``; the rows go after the ``&=`` of the line ``tex`` belongs to. Short or
    unbreakable ``tex`` is unchanged."""
    return ROW_BREAK.join(break_rows(tex, room))


_BMATRIX = re.compile(r"\A\s*\\begin\{bmatrix\}(.*)\\end\{bmatrix\}\s*\Z", re.S)


def same_columns(tex: str) -> tuple[str, int]:
    r"""For a matrix ``\begin{bmatrix}…\end{bmatrix}`` whose columns are all printed alike: its
    first column and the number of columns; else ``("", 0)``."""
    m = _BMATRIX.match(tex)
    if m is None or "\\begin{" in m.group(1):
        return "", 0
    rows = [[c.strip() for c in _cells(r, "&")] for r in _cells(m.group(1), "\\\\")]
    n = len(rows[0])
    if n < 2 or any(len(r) != n or len(set(r)) != 1 for r in rows):
        return "", 0
    return "\\begin{bmatrix}" + "\\\\".join(r[0] for r in rows) + "\\end{bmatrix}", n


def column_as_row(tex: str, least: int = 3, room: float = ROW_WIDTH) -> str:
    r"""A column of ``least`` rows or more (whose row fits ``room``), ``\begin{bmatrix}a \\ b \\ c\end{bmatrix}``, as
    the transpose of its row, ``\begin{bmatrix}a & b & c\end{bmatrix}^{\top}`` (one line of
    the page instead of three); any other ``tex`` unchanged. Layout only: the same entries."""
    m = _BMATRIX.match(tex)
    if m is None or "\\begin{" in m.group(1):
        return tex
    rows = [_cells(r, "&") for r in _cells(m.group(1), "\\\\")]
    if len(rows) < least or any(len(r) != 1 for r in rows):
        return tex
    row = "\\begin{bmatrix} " + " & ".join(r[0].strip() for r in rows) + " \\end{bmatrix}^{\\top}"
    return row if display_width(row) <= room else tex


def row_room(lhs: str, room: float = ROW_WIDTH) -> float:
    """The width left for the rows after ``lhs &=`` (and the ``\\quad`` of continued rows)."""
    return max(room - display_width(f"{lhs} = \\quad"), room / 2)


def layout(lhs: str, rel: str, rhs: str, room: float = ROW_WIDTH) -> tuple[str, int]:
    r"""``lhs rel rhs`` laid out to fit ``room``: as it is when it fits; a matrix whose columns
    are all the same as its column ``j`` (returns the number of columns, for the words "the same
    in every column"); a long right side as rows of an ``aligned`` block under ``lhs rel``."""
    line = f"{lhs} {rel} {rhs}"
    if display_width(line) <= room:
        return line, 0
    column, n = same_columns(rhs)
    if n:
        return layout(f"\\left({lhs}\\right)_{{:,j}}", rel, column, room)[0], n
    lead = display_width(f"{lhs} {rel}") + _SPACE_CMDS["\\quad"]
    rows = break_rows(rhs, max(room - lead, room / 2))
    if len(rows) == 1:
        return line, 0
    return f"\\begin{{aligned}}{lhs} &{rel} {ROW_BREAK.join(rows)}\\end{{aligned}}", 0


# two-sided clamps in element-wise steps (see derive.engine.mform's Clip): clamp/np.clip spelled
# with clamp0, hardtanh/relu6 with relu (derive.lang.spelling._clip/_hardclip)
_STEPS = {"clamp0": "clamp0_grad", "relu": "relu_grad"}


def _minus_f(t: sp.Expr) -> tuple[str, sp.Expr] | None:
    """``(F, u)`` when ``t`` is ``−F(u)`` with F one of ``_STEPS``."""
    if t.is_Mul and len(t.args) == 2 and t.args[0] == -1:
        f = t.args[1]
        if type(f).__name__ in _STEPS and len(f.args) == 1:
            return type(f).__name__, f.args[0]
    return None


def _c_minus_f(e: sp.Expr) -> tuple[sp.Expr, str, sp.Expr] | None:
    """``(c, F, u)`` when ``e`` is ``c − F(u)`` with ``c`` free of F."""
    if not e.is_Add:
        return None
    parts = [(t, _minus_f(t)) for t in e.args]
    hits = [(t, m) for t, m in parts if m is not None]
    if len(hits) != 1:
        return None
    c = sp.Add(*(t for t, m in parts if m is None))
    if c.has(*(type(a) for a in sp.preorder_traversal(hits[0][0]) if type(a).__name__ in _STEPS)):
        return None
    return c, hits[0][1][0], hits[0][1][1]


def entry_clip(expr: sp.Expr) -> tuple[sp.Expr, sp.Expr, sp.Expr] | None:
    """``(x, lo, hi)`` when ``expr`` is ``hi − F(hi − lo − F(x − lo))`` (min(max(x, lo), hi),
    spelled with max(·, 0)), else ``None``."""
    outer = _c_minus_f(expr)
    if outer is None or not _bound_like(outer[0], outer[2]):
        return None
    hi, f, arg = outer
    inner = _c_minus_f(arg)
    if inner is None or inner[1] != f or not _bound_like(inner[0], inner[2]):
        return None
    lo = hi - inner[0]
    if not inner[0].is_number:  # bounds of [constants] (PPO's 1 ± ε): x is u + lo written out
        return sp.expand(inner[2] + lo), lo, hi
    return inner[2] + lo, lo, hi


def _bound_like(c: sp.Expr, u: sp.Expr) -> bool:
    """Whether ``c`` may be a clamp's bound around the input ``u``: a number, or an expression of
    symbols that ``u`` holds only in a sum with ``c``'s own (PPO's ``2·clip_eps`` around
    ``ratio₁ + clip_eps − 1``): never an expression of the input's own variables."""
    if c.is_number:
        return True
    if c.has(sp.Float) or not c.free_symbols:
        return False
    rest = sp.expand(u) - sp.expand(u).as_independent(*c.free_symbols, as_Add=True)[1]
    return not (c.free_symbols & rest.free_symbols)


def entry_scaled_clip(expr: sp.Expr) -> tuple[sp.Expr, tuple[sp.Expr, sp.Expr, sp.Expr]] | None:
    """``(k, (x, lo, hi))`` when ``expr`` is ``k·clip(x, lo, hi)`` as SymPy distributes a number
    over the nested clamp (hardsigmoid's relu6(x + 3)/6 is ``1 − ReLU(6 − ReLU(x + 3))/6``),
    ``k`` a positive number other than 1; else ``None``."""
    if not expr.is_Add:
        return None
    coeffs = {
        c
        for t in expr.args
        if (found := _step_term(t, _STEPS)) is not None and (c := found[0]).is_number
    }
    if len(coeffs) != 1:
        return None
    k = -coeffs.pop()
    if not (k.is_positive and k != 1):
        return None
    clip = entry_clip(sp.Add(*(t / k for t in expr.args)))
    return None if clip is None else (k, clip)


def entry_clip_plus(expr: sp.Expr) -> tuple[sp.Expr, sp.Expr, tuple[sp.Expr, sp.Expr, sp.Expr]] | None:
    """``(rest, k, (x, lo, hi))`` when the sum ``expr`` is ``rest + k·clip(x, lo, hi)``: its one
    term ``−k·F(…)`` and its number make the clamp, the other terms hold no clamp (hardswish's
    slope ``z·𝟙[−3 < z < 3] − ReLU(6 − ReLU(z + 3)) + 6``); ``k`` a positive number; else
    ``None``."""
    if not expr.is_Add:
        return None
    steps = [t for t in expr.args if _step_term(t, _STEPS) is not None]
    nums = [t for t in expr.args if t.is_number]
    rest = [t for t in expr.args if t not in steps and t not in nums]
    if len(steps) != 1 or len(nums) != 1 or not rest:
        return None
    k = -_step_term(steps[0], _STEPS)[0]  # type: ignore[index]
    if not (k.is_number and k.is_positive):
        return None
    clip = entry_clip(steps[0] / k + nums[0] / k)
    if clip is None:
        return None
    return sp.Add(*rest), k, clip


def _step_term(t: sp.Expr, names: Any) -> tuple[sp.Expr, str, sp.Expr] | None:
    """``(c, F, u)`` when the term ``t`` is ``c · F(u)`` with F one of ``names``."""
    c, f = t.as_coeff_Mul()
    if type(f).__name__ in names and len(f.args) == 1:
        return c, type(f).__name__, f.args[0]
    if t.is_Mul:
        hits = [a for a in t.args if type(a).__name__ in names and len(a.args) == 1]
        if len(hits) == 1:
            return t / hits[0], type(hits[0]).__name__, hits[0].args[0]
    return None


def entry_exact_clip(expr: sp.Expr) -> tuple[sp.Expr, sp.Expr, sp.Expr] | None:
    """``(x, lo, hi)`` when ``expr`` is ``lo + F(x − lo) − G(x − hi)`` (the clamp whose float64
    comparisons are PyTorch's, ``spelling.EXACT_BOUNDS``: F, G = clamp0, relu or relu,
    clamp0), else ``None``."""
    if not expr.is_Add or len(expr.args) != 3:
        return None
    nums = [t for t in expr.args if t.is_number]
    steps = [_step_term(t, _STEPS) for t in expr.args if not t.is_number]
    if len(nums) != 1 or len(steps) != 2 or None in steps:
        return None
    if not all(k[0].is_number for k in steps):  # a weight times each step: no clamp
        return None
    (c1, f, u1), (c2, g, u2) = sorted(steps, key=lambda k: -k[0])  # type: ignore[arg-type]
    if (c1, c2) != (1, -1) or {f, g} != set(_STEPS):
        return None
    lo = nums[0]
    x = u1 + lo
    hi = sp.expand(x - u2)
    if not hi.is_number or not lo < hi:
        return None
    return x, lo, hi


def entry_pair_max(expr: sp.Expr) -> tuple[str, sp.Expr, sp.Expr] | None:
    """``("max", p, q)`` when the sum ``expr`` is ``½(p + q) + ½|p − q|`` (``"min"`` with
    ``−``), derive's reading of ``torch.maximum(p, q)``, its terms distributed by SymPy (maxout's
    ``h₁₁ = ½(x₁₁A₁₁ + x₁₁B₁₁ + … + |x₁₁A₁₁ − x₁₁B₁₁ + …|)``): one term ``±½|D|``, the rest
    ``S/2``, ``p = (S + D)/2`` and ``q = (S − D)/2`` no longer than ``S`` and ``D``; else
    ``None``."""
    if not expr.is_Add:
        return None
    halves = [t for t in expr.args if isinstance(t.as_coeff_Mul()[1], sp.Abs)]
    if len(halves) != 1:
        return None
    c, dev = halves[0].as_coeff_Mul()
    if abs(c) != sp.Rational(1, 2):
        return None
    total = sp.expand(2 * (expr - halves[0]))
    d = sp.expand(dev.args[0])
    if total.has(sp.Abs) or d.has(sp.Abs):
        return None
    p, q = sp.expand((total + d) / 2), sp.expand((total - d) / 2)
    if p == 0 or q == 0:
        return None
    size = len(sp.Add.make_args(p)) + len(sp.Add.make_args(q))
    if size > len(sp.Add.make_args(total)) + len(sp.Add.make_args(d)):
        return None
    return ("max" if c > 0 else "min"), p, q


def _factored_clip(expr: sp.Add) -> sp.Expr | None:
    """``expr`` with its common factor taken out (``Mul`` unevaluated) when the sum left inside
    is a clamp beside other terms (:func:`entry_clip_plus`): SymPy's ``δ·(z𝟙/6 − ReLU(…)/6) + δ``
    is ``δ·(z𝟙 − ReLU(…) + 6)/6``, the same expression; else ``None``."""
    if not any(type(a).__name__ in _STEPS for a in sp.preorder_traversal(expr)):
        return None
    factored = sp.factor_terms(expr)
    if not factored.is_Mul:
        return None
    sums = [a for a in factored.args if a.is_Add]
    if len(sums) != 1 or entry_clip_plus(sums[0]) is None:
        return None
    if sp.expand(factored - expr) != 0:
        return None
    return factored


def entry_exact_between(expr: sp.Add) -> tuple[list[sp.Expr], sp.Expr, sp.Expr, bool] | None:
    """``(other factors, u, c, strict)`` when the sum is ``r·F'(u) − r·G'(u − c)``, the exact
    clamp's derivative (as :func:`entry_between` gives for the nested one), else ``None``."""
    if not expr.is_Add or len(expr.args) != 2:
        return None
    steps = [_step_term(t, set(_STEPS.values())) for t in expr.args]
    if None in steps:
        return None
    (r1, f, u1), (r2, g, u2) = steps  # type: ignore[misc]
    if {f, g} != set(_STEPS.values()):
        return None
    if r1 != -r2:
        return None
    if sp.expand(r1).could_extract_minus_sign():
        (r1, f, u1), (r2, g, u2) = (r2, g, u2), (r1, f, u1)
    c = sp.expand(u1 - u2)
    if not c.is_number or not c > 0:
        return None
    return list(sp.Mul.make_args(r1)), u1, c, f == "relu_grad"


def entry_between(expr: sp.Mul) -> tuple[list[sp.Expr], sp.Expr, sp.Expr, bool] | None:
    """``(other factors, u, c, strict)`` when the product holds ``F'(c − F(u)) · F'(u)``: the
    indicator 𝟙[0 ≤ u ≤ c] (strict for relu), else ``None``."""
    args = list(expr.args)
    for i, a in enumerate(args):
        name = type(a).__name__
        if name not in _STEPS.values() or len(a.args) != 1:
            continue
        f = next(k for k, v in _STEPS.items() if v == name)
        inner = _c_minus_f(a.args[0])
        if inner is None or inner[1] != f or not _bound_like(inner[0], inner[2]):
            continue
        c, _, u = inner
        j = next((k for k, b in enumerate(args) if k != i and b == type(a)(u)), None)
        if j is None:
            continue
        return [b for k, b in enumerate(args) if k not in (i, j)], u, c, f == "relu"
    return None


def entry_masks(
    expr: sp.Add, found: list[tuple[sp.Symbol, str, sp.Expr]]
) -> sp.Expr | None:
    """A mask ``x == 0`` / ``x != 0`` spelled with two ReLU slopes (``masked_fill(tril == 0,
    −1e9)``): in the sum ``expr``, each pair ``c·1[x > 0] + c·1[−x > 0]`` is ``c·1[x ≠ 0]``, and with
    a constant term ``−c`` beside it ``−c·1[x = 0]`` (the same number for every real x). Returns
    the sum with a placeholder symbol for each such indicator, ``(placeholder, op, x)`` appended to
    ``found``; None where there is none."""
    terms = list(expr.args)
    before = len(found)
    for i, t in enumerate(terms):
        if t is None:
            continue
        c, f = t.as_coeff_Mul()
        if type(f).__name__ != "relu_grad" or len(f.args) != 1:
            continue
        for j in range(i + 1, len(terms)):
            u = terms[j]
            if u is None:
                continue
            d, g = u.as_coeff_Mul()
            if d != c or type(g).__name__ != "relu_grad" or g.args[0] != -f.args[0]:
                continue
            x = f.args[0] if not f.args[0].could_extract_minus_sign() else g.args[0]
            mark = sp.Symbol("DERIVEMASK" + "".join(chr(65 + int(d)) for d in str(len(found))))
            k = next((n for n, v in enumerate(terms) if v is not None and v.is_number and v == -c), None)
            if k is not None:
                found.append((mark, "=", x))
                terms[i], terms[j], terms[k] = -c * mark, None, None
            else:
                found.append((mark, "\\neq", x))
                terms[i], terms[j] = c * mark, None
            break
    if len(found) == before:
        return None
    kept = [t for t in terms if t is not None]
    return kept[0] if len(kept) == 1 else sp.Add(*kept, evaluate=False)


def _masked(e: sp.Basic, found: list[tuple[sp.Symbol, str, sp.Expr]]) -> sp.Basic:
    """``e`` with every sum holding a mask spelled with ReLU slopes written with placeholders
    (:func:`entry_masks`), innermost first."""
    if not e.args or not isinstance(e, sp.Expr):
        return e
    args = [_masked(a, found) for a in e.args]
    if any(a is not b for a, b in zip(args, e.args, strict=True)):
        e = e.func(*args, evaluate=False) if isinstance(e, sp.Add | sp.Mul) else e.func(*args)
    if isinstance(e, sp.Add):
        return entry_masks(e, found) or e
    return e


def _has_slopes(e: sp.Basic) -> bool:
    """Does ``e`` hold two ReLU slopes (the least a spelled mask needs)?"""
    return sum(type(a).__name__ == "relu_grad" for a in e.atoms(sp.Function)) >= 2



# ---- float constants as a reader writes them -------------------------------------------------
#
# A spec's ``np.sqrt(2 / np.pi)`` (tanh-GELU) or ``0.044715`` is kept exactly as the float64
# decimal NumPy computes, a rational such as 3989422804014327/5000000000000000. Shown as that
# fraction it is unreadable (and a 300-unit line in the PDF); a reader writes √(2/π) and 0.044715.
# Display only: the engine's number is unchanged (the code keeps the same float64 exactly).

#: (LaTeX, NumPy code, value): a named constant whose float64 value ``value`` is what the code
#: computes, bit for bit
_NAMED_FLOATS: tuple[tuple[str, str, float], ...] = tuple(
    (tex, code, float(eval(code, {"np": __import__("numpy")})))  # noqa: S307 - our own literals
    for tex, code in (
        ("\\sqrt{2/\\pi}", "np.sqrt(2 / np.pi)"),
        ("\\frac{1}{\\sqrt{2}}", "np.sqrt(0.5)"),
        ("\\frac{1}{\\sqrt{2\\pi}}", "1 / np.sqrt(2 * np.pi)"),
        ("\\frac{2}{\\sqrt{\\pi}}", "2 / np.sqrt(np.pi)"),
        ("\\sqrt{2\\pi}", "np.sqrt(2 * np.pi)"),
        ("\\sqrt{2}", "np.sqrt(2)"),
        ("\\pi", "np.pi"),
        ("e", "np.e"),
        ("\\ln 2", "np.log(2)"),
    )
)
_LONG_DECIMAL = 10**4  # 8943/200000 is written 0.044715; 1/4, 3/1000 stay as they are


def _decimal_text(q: sp.Rational) -> str | None:
    """``q`` as the decimal it is exactly (``0.044715``) where its denominator is a power of 10's
    divisor and it is long as a fraction; else ``None``."""
    p, d = int(q.p), int(q.q)
    if max(abs(p), d) <= _LONG_DECIMAL:
        return None
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return None
    places = max(twos, fives)
    digits = str(abs(int(q.p)) * 10**places // int(q.q)).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}" if places else digits
    return ("-" if q < 0 else "") + text


def float_constant(q: sp.Rational) -> tuple[str, str] | None:
    """A long rational as a reader writes it, ``(LaTeX, code)``: a named constant whose float64
    it is (√(2/π) for 3989422804014327/5000000000000000), a short decimal times one (0.044715·√(2/π)),
    or its exact decimal; ``None`` for a short or non-decimal rational (1/2, 1/3)."""
    if q.is_Integer or not q.is_Rational or max(abs(int(q.p)), int(q.q)) <= _LONG_DECIMAL:
        return None
    sign = "-" if q < 0 else ""
    for tex, code, value in _NAMED_FLOATS:  # the constant itself first, then a multiple
        if abs(q) == sp.Rational(repr(value)):
            return f"{sign}{tex}", f"{sign}{code}"
    for tex, code, value in _NAMED_FLOATS:
        c = abs(q) / sp.Rational(repr(value))
        if max(int(c.p), int(c.q)) <= _LONG_DECIMAL:  # (1/5)·√(2/π)
            return f"{sign}{latex(c)} \\cdot {tex}", f"{sign}({sp.sstr(c)}) * {code}"
        if max(int(c.p), int(c.q)) <= 10**7 and _decimal_text(c):  # 0.044715·√(2/π)
            return f"{sign}{_decimal_text(c)} \\cdot {tex}", f"{sign}{_decimal_text(c)} * {code}"
    k = _tenth_power(q)
    if k is not None:  # ε = 10⁻⁶ as a reader writes it (and 1e-6 in code), not 0.000001
        return f"{sign}10^{{-{k}}}", f"{sign}1e-{k}"
    text = _decimal_text(q)
    return None if text is None else (text, text)


def _tenth_power(q: sp.Rational) -> int | None:
    """``k`` where ``|q|`` is exactly ``10^-k`` with ``k ≥ 5`` (the example values' rule,
    :func:`derive.numeric.example.fmt`), else ``None``."""
    d = int(q.q)
    k = len(str(d)) - 1
    return k if abs(int(q.p)) == 1 and k >= 5 and d == 10**k else None


def _constants_marked(expr: sp.Expr, found: dict[str, str]) -> sp.Expr:
    """``expr`` with each long float constant replaced by a marker symbol, ``found`` mapping
    the marker's name to the constant's LaTeX (see :func:`float_constant`)."""
    subs = {}
    for q in expr.atoms(sp.Rational):
        shown = float_constant(q)
        if shown is None:
            continue
        name = f"DERIVECONST{chr(ord('A') + len(found))}"
        found[name] = shown[0].lstrip("-")
        subs[q] = sp.sign(q) * sp.Symbol(name, positive=True)
    return expr.xreplace(subs) if subs else expr


class DeriveLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with our functions and a symbol-name table; spacing macros by
    name (:func:`named_spaces`)."""

    printmethod = "_derive_latex"

    def doprint(self, expr) -> str:
        found: list[tuple[sp.Symbol, str, sp.Expr]] = []
        if isinstance(expr, sp.Expr) and _has_slopes(expr):  # c·1[x > 0] + c·1[−x > 0] (− c)
            expr = _masked(expr, found)
        consts: dict[str, str] = {}
        if isinstance(expr, sp.Expr):
            expr = _constants_marked(expr, consts)
        shown = super().doprint(expr)
        for name, tex in consts.items():
            shown = shown.replace(name, tex)
        for mark, op, x in reversed(found):
            shown = shown.replace(mark.name, f"\\mathbf{{1}}\\left[{self._print(x)} {op} 0\\right]")
        return named_spaces(shown)

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        settings.setdefault("mul_symbol", "dot")
        settings.setdefault("mat_delim", "")
        settings.setdefault("mat_str", "bmatrix")
        settings.setdefault("fold_short_frac", False)
        super().__init__(settings)

    def _as_ordered_terms(self, expr: sp.Expr, order: str | None = None) -> list[sp.Expr]:
        return ordered_terms(expr, order)

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        """A sum whose terms share a rational factor prints it once, as a textbook writes it:
        ``2 (ŷ − y)``, not SymPy's distributed ``2 ŷ − 2 y`` (the same expression)."""
        clip = entry_clip(expr) or entry_exact_clip(expr)
        if clip is not None:  # hi − F(hi − lo − F(x − lo)): a two-sided clamp
            parts = ", ".join(self._print(k) for k in clip)
            return f"\\operatorname{{clip}}\\left({parts}\\right)"
        scaled = entry_scaled_clip(expr)
        if scaled is not None:  # k·clip(x, lo, hi), SymPy's k distributed over the clamp
            parts = ", ".join(self._print(v) for v in scaled[1])
            return f"{self._print(scaled[0])} \\operatorname{{clip}}\\left({parts}\\right)"
        plus = entry_clip_plus(expr)
        if plus is not None:  # k·clip(x, lo, hi) beside other terms (hardswish's slope)
            rest, k, parts = plus
            clip = "\\operatorname{clip}\\left(" + ", ".join(self._print(v) for v in parts) + "\\right)"
            head = clip if k == 1 else f"{self._print(k)} {clip}"
            tail = self._print(rest)
            return f"{head} - {tail[1:]}" if tail.startswith("-") else f"{head} + {tail}"
        pair_max = entry_pair_max(expr)
        if pair_max is not None:  # ½(p + q) ± ½|p − q|: max(p, q) (min), as the spec wrote it
            how, p, q = pair_max
            return f"\\{how}\\left({self._print(p)}, {self._print(q)}\\right)"
        factored = _factored_clip(expr)
        if factored is not None:  # c·(… − k·F(…)) + c·k·hi: the clamp's number split off
            return self._print(factored)
        pair = entry_exact_between(expr)
        if pair is not None:  # r·F'(x − lo) − r·G'(x − hi): the exact clamp's slope
            return self._between(*pair)
        common = common_factor(expr)
        if common is None:
            return super()._print_Add(expr, order)
        inner = sp.Add(*(t / common for t in expr.args), evaluate=False)
        head = "-" if common == -1 else self._print(common) + " \\cdot "
        return f"{head}\\left({super()._print_Add(inner, order)}\\right)"

    def _print_Mul(self, expr: sp.Mul) -> str:
        """A product holding a two-sided clamp's derivative ``F'(c − F(u)) · F'(u)`` shows the pair
        as one indicator ``𝟙[0 ≤ u ≤ c]`` (``<`` for hardtanh's relu form)."""
        found = entry_between(expr)
        if found is None:
            return super()._print_Mul(expr)
        return self._between(*found)

    def _between(self, rest: list[sp.Expr], u: sp.Expr, c: sp.Expr, strict: bool) -> str:
        """``rest`` times the indicator ``𝟙[0 ≤ u ≤ c]`` (``<`` if ``strict``)."""
        k = u.as_coeff_Add()[0] if u.is_Add else sp.Integer(0)  # shown as −k ≤ u − k ≤ c − k
        if u.is_Add and not c.is_number:  # and the bounds' [constants] (PPO's 1 − ε ≤ ratio)
            k = sp.Add(*(t for t in u.args if t.is_number or t.free_symbols <= c.free_symbols))
        lo, u, c = -k, u - k, c - k
        mark = sp.Symbol("DERIVEBETWEEN")
        rel = "<" if strict else "\\le"
        shown = f"\\mathbf{{1}}\\left[{self._print(lo)} {rel} {self._print(u)} {rel} {self._print(c)}\\right]"
        return self._print(sp.Mul(*rest, mark)).replace("DERIVEBETWEEN", shown)

    # SymPy's number symbols print through their own ``_latex`` method, which the printmethod
    # above replaces: without these, π printed as \text{\Pi} (KaTeX refuses \Pi in \text)
    def _print_Pi(self, expr: sp.Expr) -> str:
        return "\\pi"

    def _print_Exp1(self, expr: sp.Expr) -> str:
        return "e"

    def _print_Infinity(self, expr: sp.Expr) -> str:
        return "\\infty"

    def _print_NegativeInfinity(self, expr: sp.Expr) -> str:
        return "-\\infty"

    def _print_ImaginaryUnit(self, expr: sp.Expr) -> str:
        return "i"

    def _print_atan2(self, expr: sp.Expr, exp: str | None = None) -> str:
        """``atan2(y, x)`` as courses write it (SymPy's own reads atan₂), spellings26."""
        y, x = (self._print(a) for a in expr.args)
        tex = f"\\operatorname{{atan2}}\\left({y}, {x}\\right)"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_Function(self, expr: sp.Expr, exp: str | None = None) -> str:
        """Our own function classes (``sigmoid``, ``relu``, ``relu_grad``, ``leaky_relu``…)
        print from their row in the operation table; SymPy's own go to SymPy."""
        op = ops.OPS.get(type(expr).__name__)
        if op is None and (type(expr).__module__ or "").startswith("derive"):  # round_even
            op = next((o for o in ops.OPS.values() if o.sympy_class is type(expr)), None)
        if op is None or op.sympy_class is not type(expr) or not _ours(type(expr)):
            return super()._print_Function(expr, exp)
        holes = {k: self._print(a) for (k, _), a in zip(op.params, expr.args[1:], strict=False)}
        tex = op.entry_tex_of(self._print(expr.args[0]), **holes)
        return f"{tex}^{{{exp}}}" if exp else tex


def _ours(cls: type) -> bool:
    return not cls.__module__.startswith("sympy")


def latex(expr: sp.Basic, symbol_names: dict[sp.Symbol, str] | None = None, **settings) -> str:
    """``expr`` as LaTeX in our notation; ``symbol_names`` maps symbols to their LaTeX."""
    if symbol_names:
        settings["symbol_names"] = symbol_names
    return DeriveLatexPrinter(settings).doprint(expr)


# ---- index notation and matrix form (derive.proofs) ------------------------------------------
#
# The proofs write identities with symbolic sizes: ``Sum`` over ``Indexed`` entries, Kronecker
# deltas, and SymPy matrix expressions (``Xᵀ·δ_Z``, ``δ_A ⊙ f'(Z)``). The two printers below
# show them the way a textbook does; they extend (never change) :class:`DeriveLatexPrinter`.
# ``Partial``, ``MatGrad``, ``ShapeOf`` and ``Dims`` are expression classes of
# :mod:`derive.proofs`, dispatched here by class name.

_TAIL_SUBSCRIPT = re.compile(r"_\{([^{}]*)\}$")


def _index_sub(indices: list[str]) -> str:
    """``['i', 'j']`` → ``ij``; anything longer than one character → comma-separated."""
    return ("" if all(len(s) == 1 for s in indices) else ",").join(indices)


def subscript_tex(base_tex: str, sub: str) -> str:
    """Attach a subscript: ``X`` → ``X_{ij}``, ``\\delta_{Z}`` → ``\\delta_{Z,ij}``,
    ``W^{[1]}`` → ``W^{[1]}_{ij}``, ``\\hat{Y}`` → ``\\hat{Y}_{ij}``."""
    m = _TAIL_SUBSCRIPT.search(base_tex)
    if m:
        return f"{base_tex[: m.start()]}_{{{m.group(1)},{sub}}}"
    return f"{base_tex}_{{{sub}}}"


def _factor_rank(f: sp.Basic, order: tuple[str, ...]) -> tuple[int, bool]:
    """Sort key of a factor: listed names first (in order), then other factors, derivatives,
    Kronecker deltas; within a rank, sums (shown in brackets) after the rest: ``σ(z)(1 − σ(z))``."""
    name = type(f).__name__
    if isinstance(f, sp.KroneckerDelta):
        return len(order) + 3, False
    if name in ("Partial", "Deriv"):
        return len(order) + 2, False
    base = f.base if isinstance(f, sp.Pow) else f
    if isinstance(base, sp.Indexed):
        base = base.base.label
    if isinstance(base, sp.Symbol | sp.MatrixSymbol) and base.name in order:
        return order.index(base.name), False
    return len(order) + 1, bool(base.is_Add)


def _ranked_factors(expr: sp.Mul, order: tuple[str, ...]) -> tuple[str, list] | None:
    """The factors of a plain product (no numbers but a sign, no denominators) in textbook
    order, or None when SymPy's own layout should be used (fractions, numeric factors)."""
    numbers = [f for f in expr.args if f.is_Number]
    rest = [f for f in expr.as_ordered_factors() if not f.is_Number]
    coeff = sp.Mul(*numbers)
    if coeff not in (1, -1) or any(
        f.is_Pow and f.exp.is_number and f.exp.is_negative for f in rest
    ):
        return None
    factors = sorted(rest, key=lambda f: _factor_rank(f, order))
    return ("- " if coeff == -1 else ""), factors


def _unevaluated(e: sp.Basic) -> bool:
    """True for a ``Mul`` built with ``evaluate=False`` in a deliberate layout (one that
    evaluating would change): it is printed as built, factor by factor with a dot."""
    return e.func(*e.args).args != e.args


def _times_factors(expr: sp.Mul) -> tuple[str, list[sp.Basic]]:
    args = list(expr.args)
    if len(args) > 1 and args[0] == -1:
        return "- ", args[1:]
    return "", args


def _is_coefficient(f: sp.Basic) -> bool:
    """A number or a ratio like ``1/m``, ``2/m``: juxtaposed with what follows, no dot."""

    def simple(a: sp.Basic) -> bool:
        return bool(a.is_Number or (a.is_Pow and a.exp == -1 and a.base.is_Symbol))

    return simple(f) or bool(f.is_Mul and all(simple(a) for a in f.args))


def _matadd_terms(expr: sp.Basic) -> list[tuple[bool, sp.Basic]]:
    """The terms of a matrix sum as (negative?, term without its sign), positive ones first."""
    out = []
    for t in expr.args:
        if isinstance(t, sp.MatMul):
            coeff, mats = t.as_coeff_mmul()
            if coeff.could_extract_minus_sign():
                rest = [*mats.args] if isinstance(mats, sp.MatMul) else [mats]
                out.append((True, sp.MatMul(-coeff, *rest) if -coeff != 1 else sp.MatMul(*rest)))
                continue
        neg = t.could_extract_minus_sign()
        out.append((neg, -t if neg else t))
    return sorted(out, key=lambda x: x[0])


def _slice_text(expr: sp.Basic) -> str:
    """``[:,2]`` for the (0-based) column slice 1 of a matrix, ``[2,:]`` for a row; 1-based."""
    rows, cols = expr.parent.shape

    def part(sl: tuple[Any, Any, Any], n: Any) -> str:
        start, stop, _step = sl
        if start == 0 and stop == n:
            return ":"
        if stop - start == 1:
            return str(start + 1)
        return f"{start + 1}..{stop}"

    return f"[{part(expr.rowslice, rows)},{part(expr.colslice, cols)}]"


def _is_undefined_call(e: sp.Basic) -> bool:

    return isinstance(e, AppliedUndef) and len(e.args) == 1


class IndexLatexPrinter(DeriveLatexPrinter):
    """LaTeX for index notation and matrix form: ``X_{ik}``, ``\\delta_{Z,ij}``, ``\\delta_{jq}``,
    ``\\sum_{k=1}^{D}`` (1-based display of SymPy's 0-based limits), ``X^{\\top}``, ``\\odot``,
    ``\\mathbf{1}``, ``f'(z)`` and ``\\frac{\\partial L}{\\partial W_{pq}}``.

    Products are juxtaposed; their factors are shown in textbook order: numbers, then the names
    listed in the ``factor_order`` setting (in that order), other factors, derivatives, and
    Kronecker deltas last (``X_{ip} \\delta_{jq}``).
    """

    _default_settings = {**DeriveLatexPrinter._default_settings, "factor_order": ()}

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        settings.setdefault("mul_symbol", None)
        super().__init__(settings)

    def _print_InOrder(self, expr: sp.Add) -> str:
        """A sum shown term by term in the order built (``derive.proofs.InOrder``)."""
        tex = self._print(expr.args[0])
        for term in expr.args[1:]:
            if term.could_extract_minus_sign():
                neg = -term
                body = self._print(neg)
                tex += f" - \\left({body}\\right)" if neg.is_Add else f" - {body}"
            else:
                tex += f" + {self._print(term)}"
        return tex

    def _print_Times(self, expr: sp.Mul) -> str:
        """A product shown factor by factor in the order built (``derive.proofs.Times``):
        ``\\frac{1}{m} \\sum_i …``, ``\\frac{\\partial \\ell}{\\partial \\hat{Y}} \\cdot
        \\frac{\\partial \\hat{Y}}{\\partial Z}``."""
        sign, factors = _times_factors(expr)
        tex = ""
        for n, f in enumerate(factors):
            t = self._print(f)
            if (f.is_Add and (len(factors) > 1 or sign)) or (
                isinstance(f, sp.Sum) and n < len(factors) - 1
            ):
                t = f"\\left({t}\\right)"
            if n:
                juxtapose = _is_coefficient(factors[n - 1]) and not f.is_Number
                tex += " " if juxtapose else " \\cdot "
            tex += t
        return sign + tex

    def _print_Mul(self, expr: sp.Mul) -> str:
        if _unevaluated(expr) and not any(
            a.is_Pow and a.exp.is_number and a.exp.is_negative for a in expr.args
        ):
            args = list(expr.args)
            sign = ""
            if args[0] == -1 and len(args) > 1:
                sign, args = "- ", args[1:]
            parts = [
                f"\\left({self._print(a)}\\right)" if a.is_Add and len(args) > 1 else self._print(a)
                for a in args
            ]
            return sign + " \\cdot ".join(parts)
        ranked = _ranked_factors(expr, self._settings["factor_order"])
        if ranked is None:
            return super()._print_Mul(expr)
        sign, factors = ranked
        parts = []
        for n, f in enumerate(factors):
            t = self._print(f)
            if self._needs_mul_brackets(f, first=n == 0, last=n == len(factors) - 1):
                t = f"\\left({t}\\right)"
            parts.append(t)
        return sign + self._settings["mul_symbol_latex"].join(parts)

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._print(expr.label)

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        sub = _index_sub([self._print(i) for i in expr.indices])
        return subscript_tex(self._print(expr.base), sub)

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta, exp: str | None = None) -> str:
        # Iverson's bracket, not δ: in a handout δ is reserved for gradients
        a, b = (self._print(x) for x in expr.args[:2])
        tex = f"\\left[{a} = {b}\\right]"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_Sum(self, expr: sp.Sum) -> str:
        tex = ""
        for var, lo, hi in reversed(expr.limits):
            tex += f"\\sum_{{{self._print(var)}={self._print(lo + 1)}}}^{{{self._print(hi + 1)}}} "
        body = expr.function
        if body.is_Add:
            return f"{tex}\\left({self._print(body)}\\right)"
        return tex + self._print(body)

    def _print_MatrixSymbol(self, expr: sp.MatrixSymbol) -> str:
        names = self._settings.get("symbol_names") or {}
        if expr in names:
            return names[expr]
        return self._print(sp.Symbol(expr.name))

    def _print_MatrixElement(self, expr) -> str:
        parent = expr.parent
        rows = parent.shape[0]
        i, j = (x + 1 if x.is_Integer else x for x in (expr.i, expr.j))  # 1-based display
        idx = [self._print(j)] if rows == 1 else [self._print(i), self._print(j)]
        sub = _index_sub(idx)
        if isinstance(parent, sp.MatrixSymbol):
            return subscript_tex(self._print(parent), sub)
        return f"\\left({self._print(parent)}\\right)_{{{sub}}}"

    def _print_Transpose(self, expr) -> str:
        arg = expr.arg
        s = self._print(arg)
        if isinstance(arg, sp.MatrixSymbol | sp.OneMatrix) and "^" not in s:
            return f"{s}^{{\\top}}"
        return f"\\left({s}\\right)^{{\\top}}"

    def _print_OneMatrix(self, expr) -> str:
        return "\\mathbf{1}"

    def _print_MatrixSlice(self, expr) -> str:
        """A column ``A[:, h]`` as ``\\left(A\\right)_{:,h}`` (1-based), a row as ``_{h,:}``."""
        sub = _slice_text(expr)[1:-1]
        return f"\\left({self._print(expr.parent)}\\right)_{{{sub}}}"

    def _print_ZeroMatrix(self, expr) -> str:
        return "\\mathbf{0}"

    def _matrix_factor(self, arg: sp.Basic) -> str:
        if isinstance(arg, sp.MatAdd | sp.HadamardProduct) or (
            isinstance(arg, sp.Basic) and getattr(arg, "is_Add", False)
        ):
            return f"\\left({self._print(arg)}\\right)"
        return self._print(arg)

    def _print_MatMul(self, expr) -> str:
        coeff, factors = expr.as_coeff_matrices()
        parts = [self._matrix_factor(f) for f in factors]
        body = " \\thinspace ".join(parts)
        if coeff == 1:
            return body
        if coeff == -1:
            return f"- {body}"
        return f"{self._print(coeff)} {body}"

    def _print_HadamardProduct(self, expr) -> str:
        return " \\odot ".join(self._matrix_factor(a) for a in expr.args)

    def _print_MatAdd(self, expr) -> str:
        tex = ""
        for n, (neg, t) in enumerate(_matadd_terms(expr)):
            body = self._print(t)
            tex += ("- " if n == 0 else " - ") + body if neg else (" + " if n else "") + body
        return tex

    def _print_ElementwiseApplyFunction(self, expr) -> str:
        """``f`` applied entry by entry: the body with the matrix in place of the variable,
        products shown as ``\\odot`` (``σ(Z) ⊙ (1 − σ(Z))``)."""
        lam = expr.function
        if not isinstance(lam, sp.Lambda):
            var = sp.Dummy("x")
            lam = sp.Lambda(var, lam(var))
        var = lam.variables[0]
        stand_in = sp.Symbol(f"__arg_{id(expr)}")
        names = dict(self._settings.get("symbol_names") or {})
        saved = (self._settings.get("symbol_names"), self._settings["mul_symbol_latex"])
        names[stand_in] = self._print(expr.expr)
        self._settings["symbol_names"] = names
        self._settings["mul_symbol_latex"] = " \\odot "
        try:
            body = lam.expr.xreplace({var: stand_in})
            tex = self._print(body)
        finally:
            self._settings["symbol_names"], self._settings["mul_symbol_latex"] = saved
        return f"\\left({tex}\\right)" if body.is_Add else tex

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        if (
            len(expr.variable_count) == 1
            and expr.variable_count[0][1] == 1
            and _is_undefined_call(expr.expr)
            and expr.expr.args[0] == expr.variable_count[0][0]
        ):
            return f"{expr.expr.func.__name__}'\\left({self._print(expr.expr.args[0])}\\right)"
        return super()._print_Derivative(expr)

    def _print_Subs(self, expr: sp.Subs) -> str:
        inner, old, new = expr.args
        if (
            isinstance(inner, sp.Derivative)
            and len(old) == 1
            and _is_undefined_call(inner.expr)
            and inner.expr.args[0] == old[0]
            and inner.variable_count == ((old[0], 1),)
        ):
            return f"{inner.expr.func.__name__}'\\left({self._print(new[0])}\\right)"
        return super()._print_Subs(expr)

    def _print_Partial(self, expr) -> str:
        f, x = expr.args[:2]
        d = "d" if getattr(expr, "ordinary", False) else "\\partial"
        if isinstance(f, sp.Symbol | sp.Indexed | sp.MatrixSymbol):
            return f"\\frac{{{d} {self._print(f)}}}{{{d} {self._print(x)}}}"
        return f"\\frac{{{d}}}{{{d} {self._print(x)}}} {self._matrix_factor(f)}"

    def _print_MatGrad(self, expr) -> str:
        f, x = expr.args
        return f"\\frac{{\\partial {self._print(f)}}}{{\\partial {self._print(x)}}}"

    def _print_ShapeOf(self, expr) -> str:
        return f"\\operatorname{{shape}}\\left({self._print(expr.args[0])}\\right)"

    def _print_Dims(self, expr) -> str:
        return " \\times ".join(self._print(a) for a in expr.args)


def index_latex(expr: sp.Basic, symbol_names: dict[sp.Basic, str] | None = None, **settings) -> str:
    """``expr`` (index notation or a matrix expression) as LaTeX in our notation."""
    if symbol_names:
        settings["symbol_names"] = symbol_names
    return IndexLatexPrinter(settings).doprint(expr)


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


class IndexTextPrinter(StrPrinter):
    """Plain Unicode text for terminals: ``Σ_k X[i,k]·W[k,j]``, ``δ_jq``, ``Xᵀ·δ_Z``, ``⊙``,
    ``∂L/∂W[p,q]``, ``σ(z)``, ``1[z > 0]``. ``text_names`` maps a symbol's name to its text."""

    printmethod = "_derive_text"
    _default_settings = {**StrPrinter._default_settings, "text_names": {}, "factor_order": ()}

    def _print_InOrder(self, expr: sp.Add) -> str:
        text = self._print(expr.args[0])
        for term in expr.args[1:]:
            if term.could_extract_minus_sign():
                neg = -term
                body = self._print(neg)
                text += f" - ({body})" if neg.is_Add else f" - {body}"
            else:
                text += f" + {self._print(term)}"
        return text

    def _print_Times(self, expr: sp.Mul) -> str:
        sign, factors = _times_factors(expr)
        parts = []
        for n, f in enumerate(factors):
            t = self._print(f)
            wrap = f.is_Add and (len(factors) > 1 or bool(sign))
            wrap = wrap or (isinstance(f, sp.Sum) and n < len(factors) - 1)
            wrap = wrap or (len(factors) > 1 and _is_coefficient(f) and not f.is_Integer)
            parts.append(f"({t})" if wrap else t)
        return ("-" if sign else "") + "*".join(parts)

    def _print_Mul(self, expr: sp.Mul) -> str:
        if _unevaluated(expr) and not any(
            a.is_Pow and a.exp.is_number and a.exp.is_negative for a in expr.args
        ):
            args = list(expr.args)
            sign = ""
            if args[0] == -1 and len(args) > 1:
                sign, args = "-", args[1:]
            parts = [
                f"({self._print(a)})" if a.is_Add and len(args) > 1 else self._print(a)
                for a in args
            ]
            return sign + "*".join(parts)
        ranked = _ranked_factors(expr, self._settings["factor_order"])
        if ranked is None:
            return super()._print_Mul(expr)
        sign, factors = ranked
        prec = precedence(expr)
        body = "*".join(self.parenthesize(f, prec, strict=False) for f in factors)
        return ("-" if sign else "") + body

    def _name(self, name: str) -> str:
        return self._settings["text_names"].get(name, name)

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        return self._name(expr.name)

    _print_Dummy = _print_Symbol

    def _print_MatrixSymbol(self, expr: sp.MatrixSymbol) -> str:
        return self._name(expr.name)

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._name(expr.label.name)

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        return f"{self._print(expr.base)}[{','.join(self._print(i) for i in expr.indices)}]"

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta) -> str:
        a, b = (self._print(x) for x in expr.args[:2])
        return f"[{a}={b}]"

    def _print_Sum(self, expr: sp.Sum) -> str:
        head = "".join(f"Σ_{self._print(v)} " for v, _, _ in reversed(expr.limits))
        body = self._print(expr.function)
        return f"{head}({body})" if expr.function.is_Add else head + body

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        b, e = expr.args
        if e.is_Integer and 2 <= int(e) <= 9:
            base = self._print(b)
            if not (b.is_Symbol or b.is_Function or isinstance(b, sp.Indexed)):
                base = f"({base})"
            return base + str(e).translate(_SUPERSCRIPTS)
        return super()._print_Pow(expr, rational)

    def _print_exp(self, expr: sp.Expr) -> str:
        return f"exp({self._print(expr.args[0])})"

    def _print_UnevaluatedExpr(self, expr: sp.UnevaluatedExpr) -> str:
        return self._print(expr.args[0])

    def _print_sigmoid(self, expr: sp.Expr) -> str:
        return f"σ({self._print(expr.args[0])})"

    def _print_relu(self, expr: sp.Expr) -> str:
        return f"ReLU({self._print(expr.args[0])})"

    def _print_relu_grad(self, expr: sp.Expr) -> str:
        return f"1[{self._print(expr.args[0])} > 0]"

    def _print_round_even(self, expr: sp.Expr) -> str:
        return f"round({self._print(expr.args[0])})"

    def _print_floor_step(self, expr: sp.Expr) -> str:
        return f"floor({self._print(expr.args[0])})"

    def _print_ceil_step(self, expr: sp.Expr) -> str:
        return f"ceil({self._print(expr.args[0])})"

    def _print_trunc_step(self, expr: sp.Expr) -> str:
        return f"trunc({self._print(expr.args[0])})"

    def _print_clamp0(self, expr: sp.Expr) -> str:
        return f"max({self._print(expr.args[0])}, 0)"

    def _print_clamp0_grad(self, expr: sp.Expr) -> str:
        return f"1[{self._print(expr.args[0])} ≥ 0]"

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        parts = []
        for e, c in expr.args:
            cond = "otherwise" if c is sp.true else f"if {self._print(c)}"
            parts.append(f"{self._print(e)} {cond}")
        return "{" + "; ".join(parts) + "}"

    def _print_Transpose(self, expr) -> str:
        arg = expr.arg
        s = self._print(arg)
        return f"{s}ᵀ" if isinstance(arg, sp.MatrixSymbol | sp.OneMatrix) else f"({s})ᵀ"

    def _print_OneMatrix(self, expr) -> str:
        return "𝟙"

    def _print_MatrixBase(self, expr: sp.MatrixBase) -> str:
        rows = (
            "[" + ", ".join(self._print(x) for x in expr.row(r)) + "]" for r in range(expr.rows)
        )
        return "[" + ", ".join(rows) + "]"

    _print_ImmutableDenseMatrix = _print_MatrixBase
    _print_MutableDenseMatrix = _print_MatrixBase

    def _print_MatrixSlice(self, expr) -> str:
        return f"({self._print(expr.parent)}){_slice_text(expr)}"

    def _print_ZeroMatrix(self, expr) -> str:
        return "0"

    def _factor(self, arg: sp.Basic) -> str:
        s = self._print(arg)
        if isinstance(arg, sp.MatAdd | sp.HadamardProduct) or getattr(arg, "is_Add", False):
            return f"({s})"
        return s

    def _print_MatMul(self, expr) -> str:
        coeff, factors = expr.as_coeff_matrices()
        body = "·".join(self._factor(f) for f in factors)
        if coeff == 1:
            return body
        if coeff == -1:
            return f"-{body}"
        c_text = self._print(coeff) if coeff.is_Atom else f"({self._print(coeff)})"
        return f"{c_text}·{body}"

    def _print_HadamardProduct(self, expr) -> str:
        return " ⊙ ".join(self._factor(a) for a in expr.args)

    def _print_MatAdd(self, expr) -> str:
        text = ""
        for n, (neg, t) in enumerate(_matadd_terms(expr)):
            body = self._print(t)
            text += ("-" if n == 0 else " - ") + body if neg else (" + " if n else "") + body
        return text

    def _print_MatrixElement(self, expr) -> str:
        parent = expr.parent
        i, j = (x + 1 if x.is_Integer else x for x in (expr.i, expr.j))  # 1-based display
        idx = [j] if parent.shape[0] == 1 else [i, j]
        inner = self._print(parent)
        if not isinstance(parent, sp.MatrixSymbol):
            inner = f"({inner})"
        return f"{inner}[{','.join(self._print(i) for i in idx)}]"

    def _print_ElementwiseApplyFunction(self, expr) -> str:
        lam = expr.function
        if not isinstance(lam, sp.Lambda):
            var = sp.Dummy("x")
            lam = sp.Lambda(var, lam(var))
        stand_in = sp.Symbol(f"__arg_{id(expr)}")
        names = self._settings["text_names"]
        self._settings["text_names"] = {**names, stand_in.name: self._print(expr.expr)}
        try:
            body = lam.expr.xreplace({lam.variables[0]: stand_in})
            text = re.sub(r"(?<!\*)\*(?!\*)", " ⊙ ", self._print(body))
        finally:
            self._settings["text_names"] = names
        return f"({text})" if body.is_Add else text

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        if (
            len(expr.variable_count) == 1
            and expr.variable_count[0][1] == 1
            and _is_undefined_call(expr.expr)
            and expr.expr.args[0] == expr.variable_count[0][0]
        ):
            return f"{expr.expr.func.__name__}'({self._print(expr.expr.args[0])})"
        v = self._print(expr.variable_count[0][0])
        return f"d/d{v} {self._factor(expr.expr)}"

    def _print_Subs(self, expr: sp.Subs) -> str:
        inner, old, new = expr.args
        if isinstance(inner, sp.Derivative) and _is_undefined_call(inner.expr) and len(old) == 1:
            return f"{inner.expr.func.__name__}'({self._print(new[0])})"
        return super()._print_Subs(expr)

    def _print_Partial(self, expr) -> str:
        f, x = expr.args[:2]
        d = "d" if getattr(expr, "ordinary", False) else "∂"
        if isinstance(f, sp.Symbol | sp.Indexed | sp.MatrixSymbol):
            return f"{d}{self._print(f)}/{d}{self._print(x)}"
        return f"{d}/{d}{self._print(x)} {self._factor(f)}"

    def _print_MatGrad(self, expr) -> str:
        f, x = expr.args
        return f"∂{self._print(f)}/∂{self._print(x)}"

    def _print_ShapeOf(self, expr) -> str:
        return f"shape({self._print(expr.args[0])})"

    def _print_Dims(self, expr) -> str:
        return "×".join(self._print(a) for a in expr.args)

    def doprint(self, expr: sp.Basic) -> str:
        s = super().doprint(expr)
        return s.replace("**", "^").replace("*", "·").replace("-", "−")


def index_text(
    expr: sp.Basic, text_names: dict[str, str] | None = None, factor_order: tuple[str, ...] = ()
) -> str:
    """``expr`` as one line of plain Unicode text (``−`` for minus, ``·`` for products)."""
    settings = {"text_names": dict(text_names or {}), "factor_order": tuple(factor_order)}
    return IndexTextPrinter(settings).doprint(expr)
