"""LaTeX input for ``derive check --latex``: a practical subset, parsed by our own grammar.

``sympy.parsing.latex`` reads deep-learning notation wrongly (``W^{[1]}`` as a power of a list,
``A^{T}`` as a power of ``T``, juxtaposed matrices as commutative products), so this module has
its own tokenizer and recursive-descent parser. It produces the same tree as
:func:`derive.lang.expr.parse` (:class:`~derive.lang.expr.Num`, :class:`~derive.lang.expr.Name`, …) with one
addition: ``BinOp("·", a, b)`` for a *product as written in LaTeX* (juxtaposition, ``\\cdot``,
``\\times``), which the checker resolves once shapes are known — a matrix product when the inner
sizes match, scaling when one side is a scalar.

What is understood (anything else is an error with its column and what was expected):

- names: ``X``, ``W^{[1]}`` → ``W1``, ``A^{[1]T}``/``A^{[1]\\top}`` → ``A1`` transposed,
  ``W_1``/``W_{1}`` → ``W1``, ``y_{pred}`` → ``y_pred``, ``\\hat{Y}`` → ``Yhat``,
  ``\\mathbf{X}``/``\\mathrm{X}``/``\\text{X}`` → ``X``, ``\\mathcal{L}`` → ``L``; sample indices
  ``^{(i)}`` are ignored;
- gradients: ``dZ^{[2]}`` → ``dZ2``, ``\\delta_{Z^{[2]}}``, ``\\delta^{[2]}`` → ``dZ2``,
  ``\\frac{\\partial L}{\\partial W^{[1]}}`` → ``dW1``, ``\\nabla_{W^{[1]}} L`` → ``dW1``;
- operators: ``+ -``, ``\\frac{a}{b}``, ``/``, ``\\cdot``, ``\\times``, ``*`` and juxtaposition
  (product), ``\\odot``/``\\circ`` (element-wise), ``^{\\top}``/``^T``/``^{\\intercal}``
  (transpose), ``^{2}`` (numeric power);
- functions: ``\\sigma(·)``, ``\\sigma'(·)`` (→ ``σ(·)(1 − σ(·))``), ``\\operatorname{ReLU}(·)``,
  ``\\mathrm{ReLU}'(·)`` (→ ``relu_grad``), ``\\max(0, ·)``, ``\\tanh``, ``\\tanh'``,
  ``\\exp``/``e^{·}``, ``\\log``/``\\ln``, ``\\mathbf{1}[Z > 0]`` (also ``\\mathbb{1}``,
  ``_{Z>0}``, ``\\{…\\}``; ``\\geq`` gives ``Z >= 0``);
- sums: ``\\sum_{i} x`` and ``\\mathbf{1}^{\\top} x`` are the sum over the batch (rows),
  ``sum(x, axis=0)``; the sum covers the following product, as usual; ``x \\mathbf{1}`` is the
  row sums ``sum(x, axis=1)`` (``Name("𝟙")`` in the tree);
- an optional left-hand side: ``dW^{[2]} = …`` (returned so the caller can infer ``--wrt``).

Limits are those of :mod:`derive.lang.expr` (length, depth, parts, exponents). Nothing is evaluated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from derive.checker.formtree import derivative_tree
from derive.engine.printing import GREEK
from derive.lang import expr as ex
from derive.lang import ops

PRODUCT = "·"  # a product as written in LaTeX; resolved by shape in derive.checker.check
STAR = "∗"  # '*' in LaTeX: element-wise when the shapes fit, else a matrix product
def _size_tree(n: ex.Node) -> ex.Node:
    """A size read from LaTeX (``2 h + 1``) with its products written ``*``, as a slice bound."""
    if isinstance(n, ex.BinOp):
        op = "*" if n.op in (PRODUCT, STAR) else n.op
        return ex.BinOp(op, _size_tree(n.left), _size_tree(n.right))
    if isinstance(n, ex.Neg):
        return ex.Neg(_size_tree(n.operand))
    return n


NORMAL = ("Phi", "varphi")  # Φ(x) and φ(x) of the standard normal, when no tensor is named so


def normal_density(x: ex.Node) -> ex.Node:
    """φ(x) = e^{−x²/2}/√(2π) (the standard normal density, Φ's derivative), written out."""
    if isinstance(x, ex.Call) and x.func == "identity" and len(x.args) == 1:
        x = x.args[0]
    half_square = ex.BinOp("/", ex.Pow(x, Fraction(2)), ex.Num(Fraction(2)))
    return ex.BinOp(
        "/",
        ex.Call("exp", (ex.Neg(half_square),)),
        ex.Call("sqrt", (ex.BinOp("*", ex.Num(Fraction(2)), ex.Name("pi")),)),
    )


_POOLS_CV43 = {"upsample": "upsample", "maxmask": "pool_mask", "maxpool": "max_pool2d", "avgpool": "avg_pool2d", "unpool": "pool_route", "unavgpool": "pool_spread"}
_PAD_CV43 = "pad_cv43"  # \operatorname{pad}_{p}(X) until the ⋆ after it takes it as a keyword


def _corr_cv43(star: str, left: ex.Node, right: ex.Node, stride: tuple[tuple[str, ex.Node], ...]) -> ex.Call:
    """conv43: ``left ⋆_s right``, a padded left side (``\\operatorname{pad}_{p}(X)``) read as
    the keyword ``padding``."""
    if isinstance(left, ex.Call) and left.func == _PAD_CV43:
        return ex.Call(star, (left.args[0], right), (*stride, *left.kwargs))
    return ex.Call(star, (left, right), stride)


def _table_function(name: str) -> bool:
    """An element-wise or row-wise function of the operation table (softmax, softplus, …)."""
    return name in ops.OPS and ops.get(name).kind in (ops.ELEMENTWISE, ops.ROWWISE)


def _equal(left: ex.Node, right: ex.Node) -> ex.Node:
    """``left = right`` as a condition: 𝟙[left ≥ right]·𝟙[left ≤ right], the entries equal."""
    return ex.BinOp("*", ex.Compare(">=", left, right), ex.Compare("<=", left, right))


COMPARE_TOKENS = {">", "<", ">=", "<=", "\\geq", "\\leq", "\\ge", "\\le", "\\gt", "\\lt", "\\neq", "\\ne",
                  "\\geqslant", "\\leqslant"}
# LaTeX spells a formula ~4 times as long as code (\left(…\right), \mathrm{…}); its parts are
# bounded as code's are (ex.MAX_FORMULA_NODES)
MAX_LENGTH = 4 * ex.MAX_LENGTH
ONES = "𝟙"  # \mathbf{1} on its own: X 𝟙 is the row sums (never a name in the NumPy language)
ZERO = "𝟘"  # \mathbf{0}: a block of zeros, its size told by the matrix it is a block of


def _ones_shape(toks: list[Tok]) -> tuple[ex.Node, ex.Node] | None:
    """The sizes of ``\\mathbf{1}_{m \\times n}`` (numbers or size names), else ``None``."""
    parts = [x for x in toks if x.text not in ("{", "}")]
    if len(parts) != 3 or parts[1].text != "\\times":
        return None

    def size(x: Tok) -> ex.Node | None:
        if x.kind == "num" and x.text.isdigit():
            return ex.Num(Fraction(int(x.text)))
        return ex.Name(x.text) if x.kind == "id" else None

    a, b = size(parts[0]), size(parts[2])
    return (a, b) if a is not None and b is not None else None


class LatexError(ex.ExprError):
    """Unreadable LaTeX; ``col`` is 1-based."""


@dataclass(frozen=True)
class Tok:
    kind: str  # "cmd" \name, "sym" one character, "num", "id" letters/digits, "end"
    text: str
    col: int  # 1-based


SPACING = {
    ",",
    ";",
    ":",
    "!",
    " ",
    "quad",
    "qquad",
    "thinspace",
    "medspace",
    "thickspace",
    "displaystyle",
    "textstyle",
    "limits",  # \sum\limits_{i}, \sum\nolimits_{i}: where the limits are set, not what they are
    "nolimits",
    "nonumber",
}
SIZING = {
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
    "Biggl",
    "Biggr",
}
FONTS = {
    "mathbf",
    "boldsymbol",
    "bm",
    "mathrm",
    "mathit",
    "mathsf",
    "mathnormal",
    "text",
    "textrm",
    "textit",
    "textbf",
    "operatorname",
    "mathbb",
    "mathcal",
    "mathscr",
    "vec",
}
HATS = {"hat", "widehat", "tilde", "bar", "overline"}
_MARK_WORDS = {"hat": "hat", "widehat": "hat", "tilde": "tilde", "bar": "bar", "overline": "bar"}
PRODUCTS = {"cdot", "times", "ast", "bullet"}
HADAMARD = {"odot", "circ", "otimes"}
RELATIONS = {
    ">": ">",
    "<": "<",
    ">=": ">=",
    "<=": "<=",
    "gt": ">",
    "lt": "<",
    "geq": ">=",
    "ge": ">=",
    "geqslant": ">=",
    "leq": "<=",
    "le": "<=",
    "leqslant": "<=",
}
TRANSPOSE = {"top", "intercal", "T", "mathsf{T}", "mathrm{T}", "text{T}", "tau"}
FUNCS = {
    "sigma": "sigmoid",
    "sigmoid": "sigmoid",
    "relu": "relu",
    "tanh": "tanh",
    "exp": "exp",
    "log": "log",
    "ln": "log",
    "relu_grad": "relu_grad",
    "diag": "diag",  # \mathrm{diag}(v) as a factor: a diagonal matrix (derive.checker.formula)
    "sech": "sech",  # sech²(z) = 1 − tanh²(z): tanh's derivative as some notes write it
    "cosh": "cosh",
    "sinh": "sinh",  # log-cosh's sinh/cosh (its tanh written out), with exp as cosh is
    "leakyrelu": "leaky_relu",  # \operatorname{LeakyReLU}_{0.2}(z): the slope as a subscript
    "elu": "elu",  # \operatorname{ELU}_{1}(z): α as a subscript, as the walkthroughs print it
    "selu": "selu",
    "sin": "sin",  # SIREN's and the snake activation's sines, and their cosine derivatives
    "cos": "cos",
    "mean": "mean",  # \operatorname{mean}(A - Y): the mean of every entry, as the language's mean
}
# what our own plain-text output uses, so it can be pasted back
UNICODE = {
    "σ": ("cmd", "\\sigma"),
    "⊙": ("cmd", "\\odot"),
    "·": ("cmd", "\\cdot"),
    "⋅": ("cmd", "\\cdot"),
    "∙": ("cmd", "\\cdot"),
    "×": ("cmd", "\\times"),
    "−": ("sym", "-"),
    "δ": ("cmd", "\\delta"),
    "∂": ("cmd", "\\partial"),
    "Σ": ("cmd", "\\sum"),
    "∑": ("cmd", "\\sum"),
    "≥": ("cmd", "\\geq"),
    "≤": ("cmd", "\\leq"),
    "∇": ("cmd", "\\nabla"),
}
# Greek letters typed or pasted as characters (λ, θ, γ, ε, μ): the commands they stand for, as
# \lambda reads (Σ stays the sum)
for _name in sorted(GREEK):
    try:
        _char = unicodedata.lookup(
            f"GREEK {'CAPITAL' if _name[0].isupper() else 'SMALL'} LETTER {_name.upper()}"
        )
    except KeyError:
        continue
    UNICODE.setdefault(_char, ("cmd", "\\" + _name))
UNICODE.setdefault("ε", ("cmd", "\\epsilon"))
OPEN = {"(": ")", "[": "]", "\\{": "\\}"}
# wider than LaTeX identifiers on purpose: "A1", "dZ2", "y_pred" typed inside \text{}
_TOKEN = re.compile(
    # heldtex46: 2e-3 (2e−3 pasted from a PDF) in typed maths is a number, not 2·e − 3
    r"(?P<ws>\s+)|(?P<cmd>\\(?:[A-Za-z]+|.))|(?P<num>\d+(?:\.\d*)?(?:[eE]-\d+(?![\w.]))?|\.\d+)"
    r"|(?P<id>[A-Za-z][A-Za-z0-9]*)|(?P<sym>>=|<=|.)"
)


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        if kind == "ws":
            continue
        tok = m.group()
        if kind == "cmd" and tok[1:] in SPACING:
            continue
        if kind == "sym" and tok == "~":
            continue
        if kind == "sym" and tok in UNICODE:
            kind, tok = UNICODE[tok]
        elif kind == "sym" and tok == "ᵀ":
            out += [Tok("sym", "^", m.start() + 1), Tok("cmd", "\\top", m.start() + 1)]
            continue
        if kind == "sym" and (tok == "&" or (len(tok) == 1 and ord(tok) < 32) or tok in "#$%"):
            raise LatexError(f"'{tok}' is not allowed here (column {m.start() + 1})", m.start() + 1)
        out.append(Tok(kind, tok, m.start() + 1))
    out.append(Tok("end", "", len(text) + 1))
    return out


def _bars(toks: list[Tok]) -> list[Tok]:
    """An absolute value's bars, as derive prints them (``\\left|x\\right|``): ``\\lvert`` and
    ``\\rvert``, which tell the opening bar from the closing one (``\\left|\\left|x\\right| -
    1\\right|``); ``\\vert`` is a plain ``|``."""
    out: list[Tok] = []
    toks = _norm_bars_heldcheck33(toks)
    for tok in toks:
        if tok.text == "|" and out and out[-1].text in ("\\left", "\\right"):
            out[-1] = Tok("cmd", "\\lvert" if out[-1].text == "\\left" else "\\rvert", out[-1].col)
        elif tok.text == "\\vert":
            out.append(Tok("sym", "|", tok.col))
        else:
            out.append(tok)
    return out


def _norm_bars_heldcheck33(toks: list[Tok]) -> list[Tok]:
    """A norm's double bars (``\\|W\\|``, ``\\Vert W \\Vert``, ``\\left\\| W \\right\\|``,
    ``\\lVert W \\rVert``) as ``\\lVert`` … ``\\rVert``, the same bar opening and closing in
    turn (norms do not nest in a gradient's weight decay); other tokens as they are."""
    if not any(t.text in ("\\|", "\\Vert", "\\lVert") for t in toks):
        return toks
    out: list[Tok] = []
    opened = False
    for tok in toks:
        if tok.text in ("\\|", "\\Vert", "\\lVert", "\\rVert"):
            if out and out[-1].text in ("\\left", "\\right"):
                out.pop()
            opening = tok.text == "\\lVert" or tok.text != "\\rVert" and not opened
            opened = opening
            out.append(Tok("cmd", "\\lVert" if opening else "\\rVert", tok.col))
        else:
            out.append(tok)
    return out


# the parameters a hypothesis h names in its subscript (h_\theta, h_{w,b}), backslashes dropped
_HYPOTHESIS = ("theta", "boldsymboltheta", "mathbftheta", "w", "w,b", "W,b", "mathbfw")
LEIBNIZ = "∂"  # Call("∂", (Name(A), Name(B))): the local derivative ∂A/∂B (derive.checker.formula)
LOSS_NAMES = {"L", "J", "E", "C", "ell", "loss", "Loss", "Div", "cost", "Cost", "MSE", "NLL", "F", "Fhat"}  # Div: CMU 11-785; F, F̂: Hagan's performance index
_TRANSPOSE_MARK_HELDCHECK31 = re.compile(r"\\top|T|\\intercal|\\mathsf\{T\}|\\mathrm\{T\}")
GENERIC_LAYER = (  # δ^{(l)}: the general layer l of a derivation, not one of the network's
    "\\delta^{{{sup}}} is the general layer {letter}: the checker reads the gradient of one "
    "layer of this network, written with its number, e.g. \\delta^{{(1)}} or \\delta^{{[2]}} "
    "(column {col})"
)
QIU_PER_EXAMPLE = (  # Qiu's (邱锡鹏) δ^{(l,n)}: layer l, example n
    "\\delta^{{({layer},{example})}} is per-example notation (layer {layer}, example {example}): "
    "the checker expects the vectorised form over the whole batch, \\delta^{{({layer})}} with one "
    "example per row (a sum over {example} is then a matrix product, e.g. X^\\top "
    "\\delta^{{({layer})}}) (column {col})"
)
PRIME_IN_SUM = (
    "{name}' in a sum or difference (column {col}): a prime on a tensor is read as its transpose "
    "(Octave's X'), which is rarely meant next to a term that is not transposed; write "
    "{name}^\\top for the transpose, or the network's own name of the tensor {name}' stands for"
)
PER_EXAMPLE = (
    "per-example notation such as ^{{(i)}} is not read: the checker expects the vectorised form "
    "over the whole batch (capital letters with one example per row, e.g. A^{{[1]}}, dZ^{{[2]}}, "
    "and \\frac{{1}}{{m}} for the mean) (column {col})"
)


_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


def _math_in_prose(text: str) -> str:
    r"""One formula set in ``$…$`` (``$$…$$``, ``\(…\)``, ``\[…\]``) inside a sentence —
    ``由链式法则，$…$。``, ``By the chain rule, $…$.`` — the formula, the words around it blanked
    (columns kept); text with no such span, several, or maths outside it, unchanged."""
    spans = list(_SPAN.finditer(text))
    if len(spans) > 1:
        return _spans_in_prose(text, spans)
    if len(spans) != 1:
        return text
    m = spans[0]
    outside = text[: m.start()] + text[m.end() :]
    if not outside.strip() or re.search(r"[\\^_{}=$]", outside):
        return text
    k = next(k for k in range(1, 5) if m.group(k) is not None)
    return " " * m.start(k) + m.group(k) + " " * (len(text) - m.end(k))


def _span_body(m: re.Match[str]) -> tuple[int, int]:
    k = next(k for k in range(1, 5) if m.group(k) is not None)
    return m.start(k), m.end(k)


# a span that only names a tensor the sentence talks about: $W$, $W^{[1]}$, $\mathbf{P}$
_REFERENCE = re.compile(
    r"\s*(?:\\(?:mathbf|boldsymbol|bm|mathrm|mathit|mathcal)\s*\{\s*)?[A-Za-z](?:\s*\})?"
    r"(?:\s*_\{?\s*\w+\s*\}?)?(?:\s*\^\{\s*\[\d+\]\s*\})?\s*"
)


def spans_in_prose(text: str) -> str:
    """:func:`_spans_in_prose` of ``text`` where it has several ``$…$`` spans (else ``text``):
    the text box reads it before the derivation is split into its rows."""
    spans = list(_SPAN.finditer(text))
    return _spans_in_prose(text, spans) if len(spans) > 1 else text


_REASON = re.compile(r"\b(?:since|because|as|due\s+to|using|by)\b|因为|由于|这是因为", re.I)


def _spans_in_prose(text: str, spans: list[re.Match[str]]) -> str:
    r"""Several formulas set in ``$…$`` inside sentences — ``The gradient with respect to $W$
    is $\frac{1}{m}X^\top(P - Y)$, where $P = \mathrm{softmax}(Z)$.``, ``对 $W^{[1]}$ 求导得
    $…$。`` — their statements one a row (``\\`` in the words between them, columns kept), a
    span that only names a tensor the words talk about (``$W$``, ``$W^{[1]}$``) left out.
    Unchanged where maths stands outside the spans, or where more than one span is a bare
    formula (no ``=``): which one is the answer would be a guess."""
    outside = "".join(
        text[(spans[k - 1].end() if k else 0) : (spans[k].start() if k < len(spans) else len(text))]
        for k in range(len(spans) + 1)
    )
    if re.search(r"[\\^_{}=$]", outside):
        return text
    if not re.search(r"[A-Za-z]{2,}|[\u4e00-\u9fff]", outside) and not (
        # statements in spans apart only by commas ("$\because δ = …$, $\therefore dW = …$")
        re.fullmatch(r"[\s,;，；.。]*", outside) and all("=" in text[slice(*_span_body(m))] for m in spans)
    ):
        return text
    for k in range(1, len(spans)):  # "…$F$, since $σ' = σ(1 − σ)$": a reason, not a statement
        if _REASON.search(text[spans[k - 1].end() : spans[k].start()]):
            spans = spans[:k]
            break
    kept = [m for m in spans if not _REFERENCE.fullmatch(text[slice(*_span_body(m))])]
    if not kept or sum("=" not in text[slice(*_span_body(m))] for m in kept) > 1:
        return text
    out = [" "] * len(text)
    for k, m in enumerate(kept):
        a, b = _span_body(m)
        out[a:b] = text[a:b]
        if k:  # the words between two statements: a row break
            gap = _span_body(kept[k - 1])[1]
            out[gap + (a - gap) // 2 - 1 : gap + (a - gap) // 2 + 1] = "\\\\"
    return "".join(out)


def _strip_delimiters(text: str) -> str:
    r"""``$…$``, ``$$…$$``, ``\(…\)``, ``\[…\]`` and a trailing ``.``/``,`` (also after
    ``\,``) blanked out, columns kept."""
    s = _strip_period(_math_in_prose(text))
    body = s.strip()
    lead = len(s) - len(s.lstrip())
    for left, right in (("$$", "$$"), ("$", "$"), (r"\(", r"\)"), (r"\[", r"\]")):
        inner = body[len(left) : len(body) - len(right)]
        if body.startswith(left) and body.endswith(right) and len(body) >= len(left) + len(right):
            if left == "$" and "$" in inner:
                continue
            s = s[:lead] + " " * len(left) + inner + " " * len(right) + s[lead + len(body) :]
            break
    return _strip_period(s)


def _octave_elementwise(text: str) -> str:
    r"""Octave's element-wise operators after a name, a bracket or a prime (Ng's ML course:
    ``(dZ2 * W2') .* (Z1 > 0)``, ``A ./ B``, ``1 ./ (1 + exp(-Z))``, ``A .^ 2``): ``\odot``, ``/``
    and ``^`` (after a whole number too: ``1 ./ x`` is 1 divided by x); its
    ``*`` and ``'`` are read as the matrix product and the transpose they are."""
    if "." not in text:
        return text
    text = re.sub(r"(?<![\w.])(\d+)\s*\.(?=[*/^]\s*[\w(])", r"\1 .", text)  # 1 ./ (1 + exp(-Z))
    # a name (A1, not the number 2.), a whole number spaced from its operator, a bracket, a prime
    after = r"(\b[A-Za-z_]\w*|(?<![\w.])\d+(?= \.)|[)\]'}])\s*"
    text = re.sub(after + r"\.\*", r"\1 \\odot ", text)
    text = re.sub(after + r"\./", r"\1 / ", text)
    return re.sub(after + r"\.\^", r"\1^", text)


_SUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉₋₊ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789-+aeoxhklmnpstijruv")
_SUB_RUN = re.compile(r"[₀-₉₋₊ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ]+")
_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ⁱ", "0123456789-+()i")
_PASTED = {  # maths pasted from a PDF or notes, in the LaTeX this grammar reads
    "∘": "\\circ ",
    "÷": "/",
    "′": "'",
    "’": "'",
    "½": "\\frac{1}{2}",
    "⅓": "\\frac{1}{3}",
    "¼": "\\frac{1}{4}",
    "（": "(",
    "）": ")",
    "＝": "=",
    "＋": "+",
    "－": "-",
    "／": "/",
    "＊": "*",
    "［": "[",
    "］": "]",
    "𝟙": "\\mathbb{1}",
    "⊤": "^{\\top}",
    "𝟏": "\\mathbf{1}",
    "λ": "\\lambda ",
    "μ": "\\mu ",
    "γ": "\\gamma ",
    "β": "\\beta ",
    "ε": "\\epsilon ",
    "η": "\\eta ",
    "ℓ": "\\ell ",
}
# heldtex44: the script capitals of Unicode's letterlike block Word and PowerPoint paste for a
# loss or an error (``∂ℒ/∂𝐖₂``, ``∇_𝐖 ℒ``, Haykin's ``ℰ``): the capitals they are
_SCRIPT_CAPITALS_HELDTEX44 = "ℒℰℬℱℋℐℳℛ"


def _math_letters(text: str) -> str:
    """Word's equation editor pasted as text: its math-italic and bold letters (``𝑊``, ``𝒙``,
    ``𝛾``, U+1D400–U+1D7FF, and ``ℎ``, the Planck constant it uses for an italic h) as the
    plain letters they are, and its division slash ``∕`` as ``/`` (c37t-046–061); the script
    capitals ``ℒ``, ``ℰ`` likewise (heldtex44)."""
    if not any(c in "ℎ∕" or c in _SCRIPT_CAPITALS_HELDTEX44 or "\U0001d400" <= c <= "\U0001d7ff" for c in text):
        return text
    out = []
    for c in text:
        if "\U0001d400" <= c <= "\U0001d7ff" and c not in "𝟙𝟏" or c in _SCRIPT_CAPITALS_HELDTEX44:
            c = unicodedata.normalize("NFKC", c)  # 𝟙, 𝟏 kept: the indicator, ones
        out.append({"ℎ": "h", "∕": "/"}.get(c, c))
    return "".join(out)


def _leaky_max_heldtex44(a: ex.Node, b: ex.Node) -> ex.Node | None:
    """``leaky_relu(z, k)`` where ``\\max(a, b)`` is ``\\max(z, k z)`` (either order, ``z k``
    too) with a number 0 < k < 1 — LeakyReLU written as the maximum (round 43's c43t-236) —
    else None (as the code reader's ``np.maximum(0.2 * z, z)``, derive.lang.expr._leaky_max)."""
    for scaled, z in ((a, b), (b, a)):
        if isinstance(scaled, ex.BinOp) and scaled.op in ("*", PRODUCT, STAR):
            for k, v in ((scaled.left, scaled.right), (scaled.right, scaled.left)):
                if isinstance(k, ex.Num) and v == z and 0 < k.value < 1:
                    return ex.Call("leaky_relu", (z, k))
    return None


_ASCII_SUM = re.compile(r"(?<![\\\w])sum_\(([^()]{1,40})\)\^(\w+|\([^()]{1,40}\))")
_ASCII_HAT = re.compile(r"(?<![\\\w])hat[ \t]*(?:\([ \t]*([A-Za-z])[ \t]*\)|([A-Za-z])(?![\w(]))")
_ASCII_OPS = re.compile(r"(?<![\\\w])(odot|cdot|sigma)(?![\w])")


def _asciimath(text: str) -> str:
    """AsciiMath as typed into a course's answer box (c37t-064–072): ``hat y`` / ``hat(y)`` is
    ``\\hat{y}``, ``sum_(i=1)^m`` is ``\\sum_{i=1}^{m}``, the words ``odot``, ``cdot`` and
    ``sigma`` are those commands."""
    if not re.search(r"hat|sum_\(|odot|cdot|sigma", text):
        return text
    text = _ASCII_SUM.sub(lambda m: "\\sum_{" + m.group(1) + "}^{" + m.group(2).strip("()") + "}", text)
    text = _ASCII_HAT.sub(lambda m: "\\hat{" + (m.group(1) or m.group(2)) + "}", text)
    return _ASCII_OPS.sub(lambda m: "\\" + m.group(1) + " ", text)


def _hats(text: str) -> str:
    """``Ŷ``, ``Ẑ``, ``ŷ`` (a letter with a circumflex, precomposed or combining) → ``\\hat{Y}``."""
    if not any(ord(c) > 127 for c in text):
        return text
    out = []
    for c in text:
        d = unicodedata.normalize("NFD", c)
        if len(d) == 2 and d[1] == "\u0302" and d[0].isascii() and d[0].isalpha():
            out.append(f"\\hat{{{d[0]}}}")
        else:
            out.append(c)
    return re.sub(r"([A-Za-z])\u0302", r"\\hat{\1}", "".join(out))


_PROSE = re.compile(r"\\(?:text|textrm|mbox|mathrm)\{([^{}]*)\}")
# heldtex43: words in \text{…} that say an operation between the maths around them ("\text{sum of
# } … \text{ over the rows}", "… \text{ summed over the batch}", "\text{column sums of } …", "J
# \text{ read as } h"): dropped, the formula left would be graded without it (c42t-263)
_WORDED_OPERATION = re.compile(
    r"(?:\b(?:sum|sums|summed|summing|sum\s+of|averaged?|averaging|mean\s+of|across|transposed?|"
    r"read\s+as|stands?\s+for)\b|\bover\s+(?:the\s+)?(?:rows|columns|batch|examples|samples)\b|求和|按行|按列|转置)"
    r"(?![^：:]*[：:]\s*$)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*(?:where|with|for|since|and|i\.e\.|e\.g\.|if|here|using|by|because|via)\b", re.IGNORECASE)


# an innermost matrix: no other matrix begins inside it (a block matrix of block matrices, as
# derive prints a concatenation of concatenations, is protected from the inside out)
_MATRIX = re.compile(
    r"\\begin\{([bpBV]?matrix|cases)\}((?:(?!\\begin\{(?:[bpBV]?matrix|cases)\}).)*?)\\end\{\1\}", re.S
)


def protect_matrices(text: str) -> str:
    r"""``\begin{bmatrix} a & b \\ c & d \end{bmatrix}`` (also ``pmatrix``, ``matrix``, ``cases``) with its
    cell and row separators as the commands ``\mcol`` and ``\mrow``, so that a derivation's
    rows (split at ``\\``) and ``aligned``'s ``&`` leave the matrix whole; nested matrices
    each with their own separators."""
    done = "\x00"  # a protected matrix's \begin/\end while the ones around it are found

    def one(m: re.Match[str]) -> str:
        body = m.group(2).replace("\\\\", " \\mrow ").replace("&", " \\mcol ")
        return f"{done}begin{{{m.group(1)}}}{body}{done}end{{{m.group(1)}}}"

    while True:
        new = _MATRIX.sub(one, text)
        if new == text:
            return new.replace(done, "\\")
        text = new


_ENTRY_OF_NAME = re.compile(
    r"\\left\s*\(\s*([A-Za-z])_\s*\{\s*(?:\\text\s*\{\s*([A-Za-z0-9]+)\s*\}|([A-Za-z0-9]+))\s*\}"
    r"\s*\\right\s*\)\s*_\s*\{\s*(\d{1,2})\s*\}"
    r"|\(\s*([A-Za-z])_\s*\{\s*(?:\\text\s*\{\s*([A-Za-z0-9]+)\s*\}|([A-Za-z0-9]+))\s*\}"
    r"\s*\)\s*_\s*\{\s*(\d{1,2})\s*\}"
)


def entries_of_subscripted_names(text: str) -> str:
    r"""An entry of a tensor whose name has a subscript, as the walkthroughs print it:
    ``\left(W_{\text{x}}\right)_{11}`` (rnn's W_x), ``\left(x_{1}\right)_{1}`` (step 1's x),
    ``\delta_{\left(z_{1}\right)_{2}}``, also with plain parentheses → ``W_{x11}``, ``x_{11}``:
    the entry's label (the tensor's name and the 1-based index), as the checker names it."""

    def one(m: re.Match[str]) -> str:
        g = m.groups()
        base, sub, idx = (g[0], g[1] or g[2], g[3]) if g[0] else (g[4], g[5] or g[6], g[7])
        return f"{base}_{{{sub}{idx}}}"

    return _ENTRY_OF_NAME.sub(one, text)


# \sum_{i,j} X_{ij} (\sum_{i}\sum_{j}, the indices in either order): a double sum of one
# matrix's entries over both its indices, every entry's sum (a padding mask's count of ones)
_ALL_ENTRIES = re.compile(
    r"\\sum_\{?\s*([a-z])\s*,\s*([a-z])\s*\}?\s*"
    r"((?:\\(?:mathrm|mathbf|text|operatorname)\s*\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}|[A-Za-z][A-Za-z0-9]*))"
    r"_\{\s*(?:\1\s*,?\s*\2|\2\s*,?\s*\1)\s*\}"
)


def pasted(text: str) -> str:
    r"""Unicode maths as pasted from a PDF (``A₁ᵀ``, ``h₂²``, ``A⁽¹⁾``, ``√d``, ``∘``, ``½``,
    full-width parentheses, ``。``) and a textbook's annotations (``\tag{3}``, ``\label``, a
    closing ``\text{(averaged)}`` or ``\text{where } P = …``) → the LaTeX this grammar reads.
    Equation numbers and prose are not part of the formula."""
    text = protect_matrices(entries_of_subscripted_names(_math_letters(text)))
    # Lagrange's L'(w) = … (the loss's derivative in w) as the left side ∂L/∂w = …
    text = re.sub(
        r"^\s*(L|J|E|C|\\ell)\s*(?:'|\^\{?\\prime\}?)\s*\(\s*([A-Za-z](?:_\{?\w+\}?)?)\s*\)\s*=",
        lambda m: f"\\frac{{\\partial {m.group(1)}}}{{\\partial {m.group(2)}}} =",
        text,
    )
    # batch\_size: an underscore escaped inside a name (text mode's \_), the name's own
    text = re.sub(r"(?<=[A-Za-z0-9])\\_(?=[A-Za-z0-9])", "_", text)
    # scikit-learn's coef_, intercept_ typed bare: a name's closing underscore (nothing after it
    # is a subscript), as \mathrm{coef\_} reads
    text = re.sub(r"(?<![\\A-Za-z0-9{])([A-Za-z][A-Za-z0-9]*)_(?=[\s)\]},.;:+\-−*/^]|$)", r"\\mathrm{\1\\_}", text)
    # subscript digits and letters (A₁, ∑ₜ, x_tᵢ, Wₕ): as written with _{…}
    text = _SUB_RUN.sub(lambda m: "_{" + m.group(0).translate(_SUB) + "}", text)
    text = re.sub(r"[⁰-⁹⁻⁺⁽⁾¹²³ⁱ]+", lambda m: "^{" + m.group(0).translate(_SUP) + "}", text)
    text = re.sub(r"√\s*([A-Za-z0-9_]+|\([^()]*\))", lambda m: "\\sqrt{" + m.group(1) + "}", text)
    for k, v in _PASTED.items():
        text = text.replace(k, v)
    text = _octave_elementwise(text)
    text = _asciimath(text)
    # dL/dw = … typed in plain text (a left side the code reader knows) where the rest reads
    # as maths only (juxtaposition: "dL/dw = (O - t) O (1 - O) x", c37t-066): ∂L/∂w
    text = re.sub(
        r"(?<![\w\\/])d(L|J|E|C|loss|cost)[ \t]*/[ \t]*d([A-Za-z]\w*)(?=[ \t]*=(?!=))",
        lambda m: f"\\frac{{\\partial {m.group(1)}}}{{\\partial {m.group(2)}}}",
        text,
    )
    # max(0, 1 − T ⊙ s) typed without its backslash (a chat's or a PDF's maths): \max
    text = re.sub(r"(?<![\\\w.])max(?=\s*\()", r"\\max", text)
    text = _ALL_ENTRIES.sub(lambda m: f"\\left(\\mathbf{{1}}^{{\\top}} {m.group(3)} \\mathbf{{1}}\\right)", text)
    text = _hats(text)
    # Newton's dot for a derivative on an activation: \dot{\sigma}(z), \dot\sigma, \dot{g} → σ′
    text = re.sub(
        r"\\dot\s*(?:\{\s*(\\sigma|\\phi|f|g)\s*\}|(\\sigma|\\phi)(?![A-Za-z]))", r"\1\2'", text
    )
    # an empty group before a superscript (A{}^{T}, A^{[1]}{}^{\top}): the superscript of A
    text = re.sub(r"\{\s*\}\s*(?=\^)", "", text)
    text = re.sub(r"δ(?=[A-Za-z])", r"\\delta_", text)  # δY (δ with its tensor, no _) as δ_Y
    # ^{\mathsf T}, ^{[1]\mathrm{T}}, ^\mathsf{T}: the transpose, as ^{\top}
    text = re.sub(
        r"(\^\s*\{?[^{}^$]*?)\\(?:mathsf|mathrm)\s*(?:\{\s*T\s*\}|T(?![A-Za-z0-9]))", r"\1\\top", text
    )
    text = re.sub(r"\s*[。，；]\s*$", "", text)
    # a closing shape annotation: "… \in \mathbb{R}^{n_h \times 1}", "… \quad (n_h \times 1)",
    # "… \qquad \text{(shape } n_h \times 1)": not part of the formula
    text = re.sub(r"\s*(?:\\in|∈)\s*(?:\\mathbb\s*\{\s*R\s*\}|\\R\b|ℝ).*$", "", text, flags=re.S)
    text = re.sub(
        r"\s*\\q?quad\b\s*\(\s*[\w{}\\]+\s*(?:\\times|×)\s*[\w{}\\]+\s*\)\s*$", "", text
    )
    text = re.sub(
        r"(?:\s|\\q?quad\b)*\\text\{\s*\(\s*(?:shape|size|dim|形状|维度)[^{}]*\}.*$", "", text, flags=re.S
    )
    # a closing "where …" clause in plain words: "…/m，其中 P = softmax(Z)", "…, where P = …"
    text = re.sub(r"\s*[，,；;]\s*(?:其中|这里|式中|此处|where\b|with\b).*$", "", text, flags=re.S)
    text = re.sub(r"\\(?:tag\*?|label)\{[^{}]*\}|\\(?:nonumber|notag)\b", "", text)
    # A \text{ times } B: a product in words
    text = re.sub(r"\\text\{\s*(?:times|multiplied by|乘以?)\s*\}", r" \\cdot ", text)
    text = re.sub(r"\\(mathbf|mathbb|boldsymbol|bm)\s+([0-9A-Za-z])", r"\\\1{\2}", text)
    text = re.sub(r"\\(?:boldsymbol|bm|mathbf)\{(\\[A-Za-z]+)\}", r"\1", text)
    # \boldsymbol\delta with no braces: a bold Greek letter is the letter (TeX takes the command)
    text = re.sub(r"\\(?:boldsymbol|bm|mathbf)\s*(\\(?!left|right|big)[A-Za-z]+)", r"\1", text)
    cases = [c.span() for c in re.finditer(r"\\begin\{cases\}.*?\\end\{cases\}", text, re.S)]
    for m in _PROSE.finditer(text):  # words, not a name: \text{(averaged over the batch)}
        if any(a <= m.start() < b for a, b in cases):
            continue  # a cases row's \text{if } / \text{otherwise}: read by Parser.cases
        words = m.group(1).strip()
        clause = _CLAUSE.match(words) is not None and m.group(1) != words.strip("_")
        if not clause and re.fullmatch(r"[A-Za-z][A-Za-z0-9_,]*|[A-Za-z0-9_ ]*[=+\-*/^].*|", words):
            continue  # \text{pred}, \text{A1}: a name (or maths) typed as text
        if not clause and " " not in words and not re.search(r"[().:;!?]", words):
            continue
        if re.search(r"_\s*\{?\s*$", text[: m.start()]) and re.fullmatch(r"[A-Za-z0-9 ]+", words):
            continue  # L^{[2]}_{\text{regularization cost}}: a name's words, as derive prints it
        code = re.fullmatch(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+", words)  # \mathrm{np.sum}: a call's name
        if not clause and _WORDED_OPERATION.search(words) and not re.match(r"[(（]", words) and not code:
            raise LatexError(
                f"the words \\text{{{words}}} (column {m.start() + 1}) say an operation the formula "
                "does not write: write it in maths (a sum as \\sum_i … or \\mathbf{1}^\\top …, a "
                "transpose as ^\\top), or put a remark in brackets",
                m.start() + 1,
            )
        start = m.start()
        cut = re.search(r"(?:\\[,;:! ]|\\q?quad|~|\s)*$", text[:start])
        start = cut.start() if cut else start
        if clause or _CLAUSE.match(words) or not text[m.end():].strip():
            return text[:start]  # "… \text{where } P = softmax(…)": the formula ends here
        text = text[:start] + " " * (m.end() - start) + text[m.end():]
    # heldtex43: a remark in words set in brackets, "\quad (\text{canonical link: …})", leaves
    # empty brackets once its words are out: blanked (columns kept), never after a name (f())
    return re.sub(r"(?:(?<=[\s,;])|(?<=\\quad))\(\s*\)", lambda b: " " * len(b.group()), text)


# a closing remark that names the activation g stands for: ", \quad g = \mathrm{ReLU}",
# "\text{ where } f = \tanh", "; \phi = \sigma"
_NAMED_ACT = re.compile(
    r"\s*(?:[,;，；]|\\q?quad\b|\\[,;: ]|~)(?:\s|\\q?quad\b|\\[,;: ]|~)*"
    r"(?:\\text\{\s*(?:where|with|and)\s*\}\s*|(?:where|with)\s+)?"
    r"(g|f|\\phi|\\varphi)\s*=\s*"
    r"(?:\\(?:mathrm|operatorname|text|textrm|mathit)\s*\{\s*([A-Za-z]+)\s*\}|\\([A-Za-z]+)|([A-Za-z]+))"
    r"\s*[.。]?\s*$"
)


def named_activation(text: str) -> str:
    r"""A closing remark naming the function that ``g`` (``f``, ``\phi``) stands for,
    ``…, \quad g = \mathrm{ReLU}``: the remark left out and ``g`` in the formula written as that
    function (``g'(Z^{[1]})`` → ``\mathrm{ReLU}'(Z^{[1]})``), so the derivative is the one named,
    never the network's own. A name that is not a function of the readers leaves the text as is.
    Applied to the whole answer before it is split into statements (``derive.checker.textbox``)."""
    m = _NAMED_ACT.search(text)
    if m is None or not text[: m.start()].strip():
        return text
    name = m.group(2) or m.group(3) or m.group(4)
    if name.lower() not in FUNCS and not _table_function(name.lower()):
        return text
    head, letter = text[: m.start()], m.group(1)
    func = f"\\{name}" if m.group(3) else f"\\operatorname{{{name}}}"
    after = r"(?=\s*(?:'|\^\s*\{?\s*\\prime|\(|\\left))"
    pattern = rf"(?<![A-Za-z\\]){re.escape(letter)}(?![A-Za-z]){after}"
    return re.sub(pattern, lambda _: func, head)


def _brace_end(text: str, i: int) -> int | None:
    """The index just after the ``}`` that closes the ``{`` at ``text[i]`` (None if unclosed)."""
    depth = 0
    for k in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[k], 0) if text[k - 1 : k] != "\\" or k == i else 0
        if depth == 0:
            return k + 1
    return None


# a relation with a note set over or under it (\stackrel{\text{chain rule}}{=}, \overset{(a)}{=},
# \underset{}{=}) and a result in a box (\boxed{…}, \fbox{…})
_MARKED_RELATION = re.compile(r"\\(?:stackrel|overset|underset)\s*(?=\{)")
_BOXED = re.compile(r"\\(?:boxed|fbox)\s*(?=\{)")


def marked_relations(text: str) -> str:
    r"""``\stackrel{\text{chain rule}}{=}``, ``\overset{(a)}{=}``, ``\underset{…}{\approx}`` (a
    derivation's step with its reason set over the sign): the bare relation, the note a remark;
    ``\boxed{…}`` (a final answer in a box, as chat assistants and solution sheets set it): what
    is inside. A group left unclosed leaves the text as is (the reader's error shows it)."""
    while (m := _MARKED_RELATION.search(text)) is not None:
        note_end = _brace_end(text, m.end())
        if note_end is None or text[note_end : note_end + 1] != "{":
            return text
        rel_end = _brace_end(text, note_end)
        if rel_end is None:
            return text
        text = f"{text[: m.start()]} {text[note_end + 1 : rel_end - 1]} {text[rel_end:]}"
    while (m := _BOXED.search(text)) is not None:
        end = _brace_end(text, m.end())
        if end is None:
            return text
        text = f"{text[: m.start()]}{text[m.end() + 1 : end - 1]}{text[end:]}"
    return text


_ANNOTATED = re.compile(r"\\(?:underbrace|overbrace)\s*(?=\{)")


def _annotations(text: str) -> str:
    r"""``\underbrace{A^{\top}}_{n \times m}`` and ``\overbrace{…}^{…}`` (sizes or words set
    under a factor, as textbooks annotate a product): the factor, in brackets; the annotation is
    a remark, blanked out (columns kept)."""
    while (m := _ANNOTATED.search(text)) is not None:
        end = _brace_end(text, m.end())
        if end is None:
            return text
        note = re.match(r"\s*[_^]\s*", text[end:])
        stop = end
        if note is not None:
            k = end + note.end()
            stop = (_brace_end(text, k) if text[k : k + 1] == "{" else k + 1) or len(text)
        body = text[m.end() + 1 : end - 1]
        blank = " " * (m.end() - m.start())
        text = f"{text[: m.start()]}{blank}({body}){' ' * (stop - end)}{text[stop:]}"
    return text


def _strip_period(s: str) -> str:
    m = re.search(r"(?:\\[,;:!]|\\quad|~|\s)*[.,;]\s*$", s)
    if m and m.start() > 0 and not re.search(r"\d\.$", s[: m.end()].rstrip()):
        s = s[: m.start()] + " " * (len(s) - m.start())
    return s


_INDEX_SPAN = r"(\d+)(?:\s*\\ldots\s*(\d+))?"
_WINDOW = re.compile(
    r"(?<![\\A-Za-z])([A-Za-z][A-Za-z0-9]*|\\mathrm\{[A-Za-z][A-Za-z0-9]*\}|\\left\([^()]{1,60}\\right\))"
    r"_\{\s*" + _INDEX_SPAN + r"\s*,\s*(?:\\thinspace|\\,)?\s*" + _INDEX_SPAN + r"\s*\}"
)


def _windows(text: str) -> str:
    """A window of a matrix as derive prints it, ``X_{1 \\ldots 2,\\thinspace 2 \\ldots 3}`` (rows
    1…2, columns 2…3; one index where the span is one), as the slices it stands for
    (``\\operatorname{cols}_{2 \\ldots 3}(\\operatorname{rows}_{1 \\ldots 2}(X))``); a pair of single
    indices (``W_{1,2}``) is left to the entry readers."""

    def block(m: re.Match[str]) -> str:
        a, b, c, d = m.group(2), m.group(3), m.group(4), m.group(5)
        if b is None and d is None:
            return m.group()
        rows = f"{a} \\ldots {b or a}"
        cols = f"{c} \\ldots {d or c}"
        return (
            f"\\operatorname{{cols}}_{{{cols}}}\\left(\\operatorname{{rows}}_{{{rows}}}"
            f"\\left({m.group(1)}\\right)\\right)"
        )

    return _WINDOW.sub(block, text) if "_{" in text else text


# the names of a batch norm's variance that σ² may stand for, in order
_VARIANCES = ("var", "sample_var", "batch_var", "variance")
# 西瓜书's hidden-unit letter h as an index (w_{hj}, W1_{ih}), where the name is no tensor's (W_h)
_HIDDEN_INDEX = re.compile(r"\w+?_(?:h[cijklnpqt]?|[cijklnpqt]h)")


def parse(
    text: str,
    known: Callable[[str], bool] | None = None,
    loss: str | None = None,
    scalar: bool = False,
    width: Callable[[str], int | None] | None = None,
    batch: str | None = None,
    example_rows: bool = False,
    exact: Callable[[str], bool] | None = None,
    example_cols: bool = False,
    members: list[str] | None = None,
    gkey: Callable[[str], str] | None = None,
    defined: frozenset[str] = frozenset(),
    classes: frozenset[str] = frozenset(),
) -> tuple[ex.Node, ex.Node | None]:
    """Parse LaTeX ``text`` into ``(rhs, lhs)``; ``lhs`` is the part before a top-level ``=``
    (``None`` without one). ``known(name)`` tells whether a name exists in the network; it is
    used to split juxtaposed letters (``XW`` → ``X·W``) and to read ``e^{x}`` as ``exp(x)``
    when ``e`` is not a name. ``example_rows``: the gradient asked for is a row, so an example's
    vector in ``\\sum_i s_i x_i`` is its row (else that sum is refused). ``exact(name)``: the
    network has a name spelled exactly so (not found by its case). ``gkey(name)``: the name of
    ∂L/∂name in the network (``d<name>`` unless that name is taken: a size ``dk`` beside a tensor
    ``k`` makes it ``d_k``), so that δ_k is read ``grad_k`` there, never the size. ``defined``:
    the names earlier statements of the derivation defined (Octave's ``delta' * X`` transposes
    one). ``classes``: the network's sizes that count no examples (its batch size left out),
    whose letter as a sum's index, ``\\sum_k p_k \\log p_k`` over K classes, sums each row. Raises
    :class:`LatexError`."""
    if not isinstance(text, str):
        raise LatexError("a formula must be a string")
    if len(text) > MAX_LENGTH:
        raise LatexError(f"formula is {len(text)} characters long; the limit is {MAX_LENGTH}")
    if not text.strip():
        raise LatexError("formula is empty")
    text = _windows(_annotations(_strip_delimiters(pasted(text))))
    if not text.strip():
        raise LatexError("formula is empty")
    # δ := …: a definition; Goodfellow's g ← ∇_ŷ J (algorithm 6.4): an assignment, the same
    for define in (":=", "\\coloneqq", "\\triangleq", "\\equiv", "\\leftarrow", "\\gets", "←"):
        text = text.replace(define, " " * (len(define) - 1) + "=")
    p = _Parser(_bars(tokenize(text)), known or (lambda name: name != "e"), loss)
    p.scalar = scalar
    p.width = width or (lambda name: None)  # a name's number of columns, where known
    p.batch = batch
    p.example_rows = example_rows
    p.example_cols = example_cols
    p.exact = exact or p.known
    if gkey is not None:  # δ_k where dk is taken: grad_k, the gradient (names.resolve)
        p.gkey = lambda name: "d" + name if gkey(name) == "d" + name else "grad_" + name
    p.defined = defined
    p.classes = classes
    lhs = None
    try:
        rhs = p.expr(0)
        if p.peek().text == "=":
            p.equals.append(p.next().col)
            # ∂L/∂w_{ij} = …, δ_j = …: index notation, whose \sum_k sums an index, not examples
            p.indices = any(
                isinstance(n, ex.Name) and re.fullmatch(r"\w+?_[cijklnpqt]{1,2}", n.id)
                or isinstance(n, ex.Name) and _HIDDEN_INDEX.fullmatch(n.id) is not None and not p.known(n.id)
                for n in _nodes(rhs)
            )
            lhs, rhs = rhs, _chain_member(p)
            while p.peek().text == "=":  # dW = (1/m) A^T dZ = (1/m) A^T (A - Y): the last one
                p.equals.append(p.next().col)  # chain_members: each member between them
                rhs = _chain_member(p)
    except RecursionError:
        raise LatexError("formula nests too deeply") from None
    if p.peek().kind != "end":
        tok = p.peek()
        raise p.error(tok, "an operator or the end of the formula")
    for tree in (rhs, lhs):
        if tree is not None:
            _limits(tree)
    if members is not None:  # the text as read (pasted Unicode and delimiters made LaTeX)
        cuts = [0, *p.equals]
        ends = [c - 1 for c in p.equals] + [len(text)]
        members.extend(text[a:b].strip() for a, b in zip(cuts, ends, strict=True))
    return rhs, lhs


_OPENS = frozenset({"{", "(", "[", "\\left"})
_CLOSES = frozenset({"}", ")", "]", "\\right"})


def _chain_member(p: _Parser) -> ex.Node:
    r"""The next member of a chain of equalities. A middle member this grammar cannot read (one
    with a top-level ``=`` after it: d2l's ``\text{prod}\left(\frac{\partial J}{\partial
    \mathbf{o}}, \frac{\partial \mathbf{o}}{\partial \mathbf{W}^{(2)}}\right)``, a shorthand
    of the student's own) is skipped to that ``=``: the chain's last member is the answer, and
    :func:`chain_members` still lists the skipped one (the checker notes it as not read). The
    last member is read as before: its error is the formula's."""
    start = p.pos
    try:
        return p.expr(0)
    except LatexError:
        depth = 0
        for k in range(start, len(p.toks)):
            text = p.toks[k].text
            depth += (text in _OPENS) - (text in _CLOSES)
            if depth == 0 and text == "=" and k > start:
                p.pos = k
                return ex.Name("_unread_member")
            if p.toks[k].kind == "end":
                break
        raise


def chain_members(text: str, known: Callable[[str], bool] | None = None, loss: str = "L") -> list[str]:
    """The members of a chain of equalities ``A = B = C = D`` (``[A, B, C, D]``), as LaTeX this
    grammar reads; ``[]`` for a formula with fewer than three, or one that does not parse. The
    checker judges each middle member too: a chain claims that all of them are equal."""
    out: list[str] = []
    try:
        parse(text, known=known, loss=loss, members=out)
    except LatexError:
        return []
    return out if len(out) >= 3 and all(out) else []


def _softmax_denominator_heldtex48(num: ex.Node, den: ex.Node) -> ex.Node:
    r"""``\frac{e^{Z}}{\sum e^{Z}}``: a bare Σ (no index) of a matrix that the numerator holds is
    the softmax's sum over each row's classes (the normaliser of that row), not the sum over the
    batch that a bare Σ is elsewhere — only so does the fraction keep the numerator's shape (rows
    that sum to 1). ``den`` unchanged where it is no such sum."""
    if not (isinstance(den, ex.Call) and den.func == "sum" and len(den.args) == 1 and dict(den.kwargs).get("axis") == ex.Num(Fraction(0))):
        return den
    inner = den.args[0]

    def holds(n: ex.Node) -> bool:
        return n == inner or any(holds(c) for c in ex.children(n))

    if not holds(num):
        return den
    return ex.Call("sum", (inner,), (("axis", ex.Num(Fraction(1))),))


def _limits(tree: ex.Node) -> None:
    count = 0
    stack: list[tuple[ex.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > ex.MAX_DEPTH:
            raise LatexError(f"formula nests deeper than {ex.MAX_DEPTH} levels")
        if isinstance(node, ex.Pow) and abs(node.exponent) > ex.MAX_EXPONENT:
            raise LatexError(f"exponent {node.exponent} is too large (limit {ex.MAX_EXPONENT})")
        stack.extend((c, depth + 1) for c in ex.children(node))
    if count > ex.MAX_FORMULA_NODES:
        raise LatexError(f"formula has {count} parts; the limit is {ex.MAX_FORMULA_NODES}")


_nodes = ex.subtrees


def _mul(a: ex.Node, b: ex.Node) -> ex.Node:
    return ex.BinOp(PRODUCT, a, b)


def _product_factors(x: ex.Node) -> list[ex.Node]:
    """The factors of a chain of written products (``·``, ``∗``, ``*``) in ``x``, in order."""
    if isinstance(x, ex.BinOp) and x.op in (PRODUCT, STAR, "*"):
        return [*_product_factors(x.left), *_product_factors(x.right)]
    return [x]


def _has_transpose(x: ex.Node) -> bool:
    return isinstance(x, ex.Transpose) or any(_has_transpose(c) for c in ex.children(x))


def _outer_product(x: ex.Node) -> bool:
    """Does ``x`` hold a product whose left side is transposed (``x^{(i)⊤} (p^{(i)} − y^{(i)})``)?"""
    if isinstance(x, ex.BinOp) and x.op != "*" and x.op not in ("+", "-", "/"):
        if _has_transpose(x.left):
            return True
    return any(_outer_product(c) for c in ex.children(x))


# a time index in a subscript, as RNN notes write one step of a cell: the names course code gives
# the previous, current and next step's tensor (CS231n's prev_h/next_h, h_prev, h_next, h_t)
_STEP_NAMES = {
    -1: ("prev_{b}", "{b}_prev", "{b}prev", "{b}_tm1", "{b}_old"),
    0: ("{b}_t", "next_{b}", "{b}_next", "{b}_new", "{b}"),
    1: ("next_{b}", "{b}_next", "{b}_tp1", "{b}_new"),
}


def time_step_name(base: str, sub: str, known: Callable[[str], bool]) -> str | None:
    """``h_{t-1}`` (``sub`` ``t-1``), ``c_t``, ``h_{t+1}`` outside a sum over the time steps: the
    network's name for that step's tensor when it has exactly one of the spellings course code
    uses (``prev_h``, ``h_prev``; ``h_t``, ``next_h``; …), else None (read as written)."""
    m = re.fullmatch(r"t(?:([+-])1)?", sub)
    if m is None or (m.group(1) is None and known(f"{base}_t")):
        return None
    shift = 0 if m.group(1) is None else (-1 if m.group(1) == "-" else 1)
    found = [n.format(b=base) for n in _STEP_NAMES[shift] if known(n.format(b=base))]
    return found[0] if found else None

def _size_name(text: str) -> str | None:
    """The name a sum's upper bound writes, ``n_h``, ``n_{h}``, ``N`` (else None: a number)."""
    name = re.sub(r"[{}\s]", "", text)
    return name if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) else None


def _elementwise_heldcheck30(n: ex.Call) -> bool:
    """Is ``n`` a call of an element-wise operation of one argument (σ, exp, …), no keywords?"""
    return (
        len(n.args) == 1
        and not n.kwargs
        and n.func in ops.table()
        and ops.get(n.func).kind == ops.ELEMENTWISE
    )


def _batch_sum(x: ex.Node) -> ex.Node:
    return ex.Call("sum", (x,), (("axis", ex.Num(Fraction(0))),))


# a Greek letter command → the spec names it may stand for (the printer writes these names as the
# letter: derive.engine.printing.GREEK / GREEK_ALIASES)
GREEK_NAMES = {
    "varepsilon": ("eps", "epsilon", "varepsilon"),
    "epsilon": ("eps", "epsilon"),
    "lambda": ("lam", "lambda_", "lambd", "lmbda", "reg"),  # reg: CS231n's name for λ
}


def _greek_word_in_subscript(tok: Tok) -> Tok:
    r"""A Greek letter command in a subscript (``w_{\mu}``, ``\sigma_{\theta}``) as the word
    the spec spells it with (``w_mu``): a name's subscript is a word, not a product; other
    tokens as they are."""
    if tok.kind == "cmd" and tok.text[1:] in GREEK:
        return Tok("id", tok.text[1:], tok.col)
    return tok


class _Parser:
    def __init__(
        self, toks: list[Tok], known: Callable[[str], bool], loss: str | None = None
    ) -> None:
        self.toks = toks
        self.pos = 0
        self.equals: list[int] = []  # the columns of a chain's top-level = signs
        self.act_layer: int | None = None  # f_l's layer (邱锡鹏's f_2'(z)), for the next act
        self._powers: list[Fraction | None] = []
        self.known = known
        self.defined: frozenset[str] = frozenset()  # names earlier statements defined
        self.loss = loss
        self.depth = 0
        self.bars = 0  # plain bars |…| open around here (a | closes one, never opens another)
        self.examples: tuple[str, ...] = ()  # the index letters of the \sum_{i=1}^{m} around
        self.used_example = False  # an (i) of those was read
        self.steps: dict[str, int] = {}  # \sum_{t=1}^{2} over time steps: t's value now
        # the gradient asked for is a scalar: a bare \sum (no index) is the total, as derive's
        # own printer writes sum(X); for a tensor it is the sum over the batch
        self.scalar = False
        self.width: Callable[[str], int | None] = lambda name: None
        self.indices = False  # the left side is in index notation (∂L/∂w_{ij})
        self.used_step = False  # a subscript named a time step (h_{t-1})
        self.parent: _Parser | None = None  # the parser a group's sub-parser was made by
        self.batch: str | None = None  # the network's batch size (\mathbb{E}_i[…] divides by it)
        self.example_rows = False  # the gradient is a row: Σ_i s_i x_i sums the rows x_i
        # every input is 1-D (held as a row: Platt's f, t): the examples run along the columns
        self.example_cols = False
        self.gkey: Callable[[str], str] = lambda name: "d" + name  # ∂L/∂name's (parse's gkey)
        self.exact: Callable[[str], bool] = self.known  # a name of the network as spelled
        self.primed: list[ex.Node] = []  # the transposes written as a prime (Octave's X')
        self.classes: frozenset[str] = frozenset()  # sizes that count no examples (parse's classes)

    def sub(self, toks: list[Tok]) -> _Parser:
        p = _Parser(toks, self.known, self.loss)
        p.depth = self.depth
        p.examples = self.examples
        p.steps = self.steps
        p.defined = self.defined
        p.classes = self.classes
        p.scalar = self.scalar
        p.width = self.width
        p.indices = self.indices
        p.parent = self
        p.batch = self.batch
        p.example_rows = self.example_rows
        p.example_cols = self.example_cols
        p.exact = self.exact
        p.gkey = self.gkey
        p.primed = self.primed
        return p

    def step_used(self) -> None:
        p: _Parser | None = self
        while p is not None:
            p.used_step = True
            p = p.parent

    def per_example(self, text: str, col: int) -> str:
        """``text`` (a superscript) without an ``(i)`` that a surrounding ``\\sum_{i=1}^{m}``
        sums over — Σ_i a^{(i)} is the batch sum of the vectorised A; any other ``(i)`` is
        refused with the sentence that the vectorised form is expected."""
        for letter in self.examples:
            for written in (f"({letter})", f"[{letter}]"):  # Raschka's a^{(2)[i]}: [i] as (i)
                if written in text:
                    self.used_example = True
                    text = text.replace(written, "")
        if re.search(r"\((?!h\))[a-z]\)", text):  # (h): Raschka's hidden layer (tagged_layer)
            raise LatexError(PER_EXAMPLE.format(col=col), col)
        return text

    def is_loss(self, name: str) -> bool:
        """Is ``name`` (a numerator of ∂·/∂·) the loss?"""
        if self.loss is None:
            return True
        if self.batch is None and not self.known(name) and re.fullmatch(r"(?:E|L|J|C|ell)_?[kd]", name):
            return True  # 周志华's E_k, Mitchell's E_d (heldtex44), the k-th (d-th) example's loss: the loss of a one-example network
        if name in ("e_n", "en", "e") and not self.known(name) and not self.known("e") and "e" not in self.defined:
            if name == "e" or self.batch is None:  # 林轩田's e_n, the n-th example's error (heldtex45): the
                return True  # loss of a one-example network; a bare e no statement defines: the error
        return name == self.loss or (name in LOSS_NAMES and not self.known(name))

    def leibniz(self, num: str, den: str) -> ex.Node:
        if self.is_loss(num):
            if (
                self.loss is not None
                and re.fullmatch(r"[A-Za-z]+\d*", den)  # W_{jk}, v_j: an index, read elsewhere
                and not (self.known(den) or self.known("d" + den))
            ):
                raise LatexError(  # ∂L/∂q on chain: q is no node, so the statement says nothing
                    f"\\partial {num}/\\partial {den}: '{den}' is not a node of this network; "
                    "name one of its tensors (as --wrt does)"
                )
            return ex.Name(self.gkey(den))
        return ex.Call(LEIBNIZ, (ex.Name(num), ex.Name(den)))

    # -- tokens -------------------------------------------------------------------------------
    def peek(self, k: int = 0) -> Tok:
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def next(self) -> Tok:
        tok = self.peek()
        self.pos = min(self.pos + 1, len(self.toks) - 1)
        return tok

    def error(self, tok: Tok, expected: str) -> LatexError:
        found = "the end of the formula" if tok.kind == "end" else f"'{tok.text}'"
        return LatexError(f"expected {expected} at column {tok.col}, found {found}", tok.col)

    def expect(self, text: str, what: str | None = None) -> Tok:
        self.skip_sizing()
        tok = self.peek()
        if tok.text != text:
            raise self.error(tok, what or f"'{text}'")
        return self.next()

    def skip_sizing(self) -> None:
        while self.peek().kind == "cmd" and self.peek().text[1:] in SIZING:
            self.next()
            if self.peek().text == ".":  # \left. \right.
                self.next()

    def is_cmd(self, *names: str) -> bool:
        tok = self.peek()
        return tok.kind == "cmd" and tok.text[1:] in names

    def enter(self, tok: Tok) -> None:
        self.depth += 1
        if self.depth > 4 * ex.MAX_DEPTH:
            raise LatexError(f"formula nests too deeply (column {tok.col})", tok.col)

    # -- grammar: expr := term (('+'|'-') term)* ---------------------------------------------
    def expr(self, depth: int) -> ex.Node:
        self.enter(self.peek())
        node = self.term()
        while True:
            self.skip_sizing()
            tok = self.peek()
            if tok.text in ("+", "-"):
                self.next()
                right = self.term()
                self.prime_in_sum(node, right, tok)
                node = ex.BinOp(tok.text, node, right)
            else:
                break
        self.depth -= 1
        return node

    def starts_factor(self) -> bool:
        self.skip_sizing()
        tok = self.peek()
        if tok.kind in ("num", "id"):
            return True
        if tok.kind == "sym":
            return tok.text in ("(", "[", "{") or tok.text == "|" and not self.bars
        if tok.kind == "cmd":
            name = tok.text[1:]
            return not (
                name in ("rvert", "rVert")
                or name in PRODUCTS
                or name in HADAMARD
                or name in RELATIONS
                or name in ("}", "right", "mrow", "mcol", "end")
                or name in ("div", "oslash")
                or name in ("star", "mathbin")  # conv42: ⋆ and \mathbin{\tilde{\star}}
            )
        return False

    # term := unary ((op | juxtaposition) unary)*
    def term(self) -> ex.Node:
        node = self.unary()
        while True:
            self.skip_sizing()
            tok = self.peek()
            if tok.text == "*":  # as in code: element-wise where the shapes fit
                self.next()
                node = ex.BinOp(STAR, node, self.unary())
            elif tok.kind == "cmd" and tok.text[1:] in PRODUCTS:
                self.next()
                node = _mul(node, self.unary())
            elif tok.kind == "cmd" and tok.text[1:] in HADAMARD:
                self.next()
                right = self.unary()
                while self.starts_factor():  # a ⊙ b c is a ⊙ (b c): juxtaposition binds first
                    right = _mul(right, self.postfix())
                node = ex.BinOp("*", node, right)
            elif tok.text == "/" or tok.kind == "cmd" and tok.text in ("\\div", "\\oslash"):
                self.next()
                bare = self.peek().text in ("\\sum", "\\Sigma") and self.peek(1).text not in ("_", "^")
                den = self.unary()
                node = ex.BinOp("/", node, _softmax_denominator_heldtex48(node, den) if bare else den)
            elif tok.text == "@":
                self.next()
                node = ex.BinOp("@", node, self.unary())
            elif (star := self.star_cv42()) is not None:  # conv42: X \star \delta_Z
                stride = self.star_stride_cv43()
                right = self.unary()
                while self.starts_factor():  # X ⋆ a b is X ⋆ (a b), as for ⊙
                    right = _mul(right, self.postfix())
                node = _corr_cv43(star, node, right, stride)
            elif self.starts_factor():
                node = _mul(node, self.postfix())
            else:
                return node

    def star_stride_cv43(self) -> tuple[tuple[str, ex.Node], ...]:
        """conv43: ``\\star_{2}`` — the windows 2 apart (derive's print of a strided
        correlation) — as the keyword ``stride``; nothing where no subscript follows."""
        if self.peek().text != "_":
            return ()
        tok = self.next()
        text, _ = self.group_text()
        if not text.strip().isdigit() or int(text) < 1:
            raise self.error(tok, "a whole-number stride under \\star, e.g. \\star_{2}")
        return (("stride", ex.Num(Fraction(int(text)))),)

    def subscripted_cv43(self, low: str, tok: Tok) -> ex.Node:
        """conv43: ``\\operatorname{dilate}_{s}(δ)`` (s − 1 zeros between entries),
        ``\\operatorname{pad}_{p}(X)`` (p zeros around X, before a ⋆), ``\\operatorname{crop}_{p}
        (A \\mathbin{\\tilde{\\star}} B)`` (the full correlation cut by p on each side) and
        ``\\operatorname{flip}_{\\mathrm{rows}}(K)`` (one axis reversed, not rot180), as derive
        prints them."""
        self.next()  # the "_"
        text, _ = self.group_text()
        sub = re.sub(r"\\(mathrm|text|rm)\{?|[{} ]", "", text)
        self.skip_sizing()
        t = self.peek()
        if t.text not in ("(", "["):
            raise self.error(t, f"the argument of \\operatorname{{{low}}}_{{…}}, e.g. ({'K' if low == 'flip' else 'X'})")
        self.next()
        arg = self.expr(0)
        ref: tuple[ex.Node, ...] = ()
        if low in ("unpool", "unavgpool"):  # conv44: \operatorname{unpool}_{3,2}(\delta_P, A): δ to A's largest entries
            # (pool46: unavgpool, δ shared over A's windows)
            self.expect(",", f"', A' after the upstream gradient of \\operatorname{{{low}}}_{{k,s}}(\\delta, A)")
            ref = (self.expr(0),)
        self.expect(OPEN[t.text], f"'{OPEN[t.text]}' to close the argument of \\operatorname{{{low}}}")
        if low in _POOLS_CV43 and re.fullmatch(r"\d+,\d+", sub):  # conv44: _{k,s}: windows s apart
            k, stride = (ex.Num(Fraction(int(v))) for v in sub.split(","))
            return ex.Call(_POOLS_CV43[low], (arg, *ref), (("k", k), ("stride", stride)))
        if low == "flip":
            if sub not in ("rows", "cols", "0", "1"):
                raise self.error(tok, "\\operatorname{flip}_{\\mathrm{rows}} or \\operatorname{flip}_{\\mathrm{cols}}")
            return ex.Call("flip_rows" if sub in ("rows", "0") else "flip_cols", (arg,))
        if not sub.isdigit():
            raise self.error(tok, f"a whole number under \\operatorname{{{low}}}, e.g. \\operatorname{{{low}}}_{{1}}")
        n = ex.Num(Fraction(int(sub)))
        if low in _POOLS_CV43:  # \operatorname{upsample}_{2}(\delta_P) ⊙ \operatorname{maxmask}_{2}(A)
            return ex.Call(_POOLS_CV43[low], (arg, *ref), (("k", n),))
        if low == "dilate":
            return ex.Call("dilate", (arg,), (("stride", n),))
        if low == "crop":
            if not (isinstance(arg, ex.Call) and arg.func in ("correlate2d_full", "convolve2d_full") and not arg.kwargs):
                raise self.error(tok, "a full correlation inside \\operatorname{crop}_{p}, e.g. \\operatorname{crop}_{1}(A \\mathbin{\\tilde{\\star}} B)")
            return ex.Call(arg.func, arg.args, (("crop", n),))
        return ex.Call(_PAD_CV43, (arg,), (("padding", n),))

    def star_cv42(self) -> str | None:
        """conv42: the cross-correlation as derive prints it — ``\\star`` (valid: the language's
        ``correlate2d``) or ``\\mathbin{\\tilde{\\star}}`` / ``\\tilde{\\star}`` (full, zeros
        padded around the left side: ``correlate2d_full``) — consumed; else ``None``."""
        texts = [self.peek(k).text for k in range(7)]
        if texts[0] == "\\star":
            self.next()
            return "correlate2d"
        for lead in (["\\mathbin", "{"], []):
            n = len(lead)
            if texts[:n] == lead and texts[n : n + 4] == ["\\tilde", "{", "\\star", "}"]:
                if lead and texts[n + 4] != "}":
                    return None
                for _ in range(n + 4 + (1 if lead else 0)):
                    self.next()
                return "correlate2d_full"
        return None

    def unary(self) -> ex.Node:
        self.skip_sizing()
        tok = self.peek()
        if tok.text in ("-", "+"):
            self.next()
            self.enter(tok)
            inner = self.unary()
            self.depth -= 1
            if tok.text == "+":
                return inner
            return ex.Num(-inner.value) if isinstance(inner, ex.Num) else ex.Neg(inner)
        return self.postfix()

    # postfix := primary ('^' sup | '_' sub | "'")*
    def postfix(self) -> ex.Node:
        node = self.primary()
        return self.suffixes(node)

    def suffixes(self, node: ex.Node) -> ex.Node:
        while True:
            tok = self.peek()
            if tok.text == "^":
                self.next()
                node = self.superscript(node)
            elif tok.text == "_" and isinstance(node, ex.Name) and self.hypothesis(node):
                continue  # h_\theta(x^{(i)}): the network's node h, for that example
            elif tok.text == "_" and isinstance(node, ex.Name):
                self.next()
                sliced = self.sliced(node)
                node = sliced if sliced is not None else ex.Name(self.subscript_name(node.id))
            elif tok.text == "_" and isinstance(node, ex.Num) and node.value == 1:
                self.next()  # 1_{Z > 0}: an indicator written without \mathbf
                start = self.peek()
                toks = self.group_tokens()
                if len(toks) > 2 and toks[0].text == "\\{" and toks[-1].text == "\\}":
                    toks = toks[1:-1]  # 1_{\{Z > 0\}}: the condition as a set
                sub = self.sub([*toks, Tok("end", "", start.col)])
                node = sub.condition(start)
                if sub.peek().kind != "end":
                    raise sub.error(sub.peek(), "the end of the indicator's condition")
            elif tok.text == "_":
                self.next()
                text, _ = self.group_text()  # an index on a non-name, e.g. (…)_{i}: ignored
                if text.strip() == "+":  # (1 - t s)_+: the positive part, max(·, 0) (c37t-198)
                    node = ex.Call("relu", (node,))
                    continue
                if text.strip() == "-":  # (·)_-: the negative part, never an index to drop
                    raise LatexError(
                        f"the negative part (…)_- at column {tok.col} is not read: write "
                        "\\min(…, 0) or -\\max(-…, 0)",
                        tok.col,
                    )
                if ":" in text:  # [·]_{:,n}: a slice, which an ignored index would drop
                    raise LatexError(
                        f"the slice '{text}' after a bracket at column {tok.col} is not read: "
                        "write what it stands for without a slice, e.g. (…) \\mathbf{1} for a "
                        "sum over the columns",
                        tok.col,
                    )
            elif tok.text == "'" and self.octave_transpose(node):
                self.next()  # X' (h - y): Octave's transpose on a tensor (Ng's ML course)
                node = ex.Transpose(node)
                self.primed.append(node)
            else:
                return node

    # -- superscripts and subscripts ----------------------------------------------------------
    def last_layer(self, base: str) -> str | None:
        """``base`` of the last layer (Nielsen's ``^L``): ``Z2`` where the network has Z1 and
        Z2, ``z`` where it has one z; for ``Z`` also a lower-case ``z``/``z_k``; else None."""
        for b in (base, base.lower(), base.lower() + "_") if base == "Z" else (base,):
            layers = [k for k in range(1, 10) if self.known(f"{b}{k}")]
            if layers:
                return f"{b}{max(layers)}"
            if self.known(b) and not b.endswith("_"):
                return b
        return None

    def layer_from_last(self, base: str, back: int) -> str | None:
        """``base`` of layer L − ``back`` (L the last layer): ``aL`` where the network names
        its output so (3Blue1Brown's ``a^{(L)}``), else the layers counted from the last one
        numbered among ``base``, w, W, z, Z (``a^{(L-1)}`` is ``a1`` where ``w2`` is last)."""
        if back == 0 and self.known(base + "L"):
            return base + "L"
        if back == 0:
            return self.last_layer(base)
        tops = [self.last_layer(b) for b in (base, "w", "W", "z", "Z")]
        numbers = [int(t[-1]) for t in tops if t and t[-1].isdigit()]
        if not numbers or max(numbers) - back < 0:
            return None
        name = f"{base}{max(numbers) - back}"
        return name if self.known(name) else None

    def step(self, name: str) -> ex.Node:
        """``\\mathrm{sgn}(A)`` (the sign), ``\\operatorname{step}(Z)`` or ``H(Z)`` (the step,
        1 where Z > 0) of the parenthesised argument that follows."""
        if self.peek().text not in ("(", "\\left", "["):
            raise self.error(self.peek(), f"'(' after {name}")
        arg = self.primary()
        if name == "sgn":
            return ex.Call("sign", (arg,))
        return ex.Compare(">", arg, ex.Num(Fraction(0)))

    def layer_tensor(self, name: str) -> bool:
        r"""Whether ``g^{[2]}`` (``f^{[3]\top}``, ``\phi^{[1]}``) just ahead names the network's
        tensor ``g2`` — a layer index without a prime after it — rather than the activation
        ``g^{[2]}(Z)`` / ``g^{[2]\prime}``: a network may name its tensors f1, g1, phi1."""
        if self.peek().text != "^":
            return False
        save = self.pos
        try:
            self.next()
            text, _ = self.group_text()
        finally:
            self.pos = save
        m = re.match(r"\[(\d{1,2})\]", text.replace(" ", ""))
        if m is None or not self.known(name + m.group(1)):
            return False
        rest = text.replace(" ", "")[m.end():]
        return "'" not in rest and "\\prime" not in rest

    def octave_transpose(self, node: ex.Node) -> bool:
        """Is a prime on ``node`` Octave's transpose (``A^{[1]'}(A^{[2]} - Y)``): a name of the
        network or of an earlier step (``delta' * X``), not a function's derivative
        (``g^{[1]'}(Z)``) nor a name with a prime in it?"""
        return (
            isinstance(node, ex.Name)
            and (self.known(node.id) or node.id in self.defined)
            and not self.known(node.id + "'")
            and node.id not in FUNCS
            and node.id.rstrip("0123456789") not in ("g", "f", "phi", "sigma", "act")
        )

    def group_tokens(self) -> list[Tok]:
        """The tokens of ``{…}`` or of a single token after ^ or _ ."""
        tok = self.next()
        if tok.text != "{":
            if tok.kind == "end":
                raise self.error(tok, "a superscript or subscript")
            if tok.kind == "cmd" and tok.text[1:] in FONTS | HATS:
                return [tok, *self.group_tokens()]
            return [tok]
        out: list[Tok] = []
        level = 1
        while True:
            t = self.next()
            if t.kind == "end":
                raise self.error(t, "'}'")
            if t.text == "{":
                level += 1
            elif t.text == "}":
                level -= 1
                if level == 0:
                    return out
            out.append(t)

    def group_text(self) -> tuple[str, list[Tok]]:
        toks = self.group_tokens()
        return "".join(t.text for t in toks), toks

    def superscript(self, node: ex.Node) -> ex.Node:
        start = self.peek()
        text, toks = self.group_text()
        compact = re.sub(  # ^{\mathsf T}, ^{\mathsf{T}}, ^{\rm T}: a transpose in a font
            r"\\(mathsf|mathrm|text|mathtt|mathbf|mathit|rm|sf|tt)\{?T\}?(?![A-Za-z])",
            r"\\T",
            text.replace(" ", ""),
        )
        compact = compact.replace("^\\top", "\\top").replace("^T", "T").replace("^{T}", "T")
        compact = compact.replace("^{\\prime}", "'").replace("^\\prime", "'")  # A^{[1]^{\prime}}
        hadamard = re.fullmatch(r"\\circ\{?(\d)\}?", compact)
        if hadamard:  # H^{\circ 2}: the Hadamard (element-wise) power
            return ex.Pow(node, Fraction(int(hadamard.group(1))))
        layer = re.fullmatch(r"([\[(]?)L(?:-(\d))?([\])]?)", compact)
        if layer and isinstance(node, ex.Name) and len(layer.group(1)) == len(layer.group(3)):
            name = self.layer_from_last(node.id, int(layer.group(2) or 0))
            if name is not None:  # 3Blue1Brown's a^{(L)}, a^{(L-1)}; Nielsen's a^{L-1}
                return ex.Name(name)
        compact = self.per_example(compact, start.col)
        if not compact:  # y^{(i)} inside \sum_i: the vectorised Y
            return node
        if compact == "L" and isinstance(node, ex.Name) and self.last_layer(node.id):
            return ex.Name(str(self.last_layer(node.id)))  # Nielsen's a^L, z^L: the last layer
        if (  # heldtex42: Nielsen's a^L = O where the network has no a: a name the answer defines (aL)
            compact == "L"
            and isinstance(node, ex.Name)
            and len(node.id) == 1
            and not self.known(node.id)
            and (node.id + "L" in self.defined or self.peek().text in ("=", "\\leftarrow", "\\gets"))
        ):
            return ex.Name(node.id + "L")
        # a plain number: a power
        number = re.fullmatch(r"-?\d+(\.\d+)?", compact)
        ratio = re.fullmatch(r"(-?)(?:(\d+)/(\d+)|\\[dt]?frac\{?(\d+)\}?\{?(\d+)\}?)", compact)
        if ratio and int(ratio.group(3) or ratio.group(5)) != 0:  # ^{-3/2}, ^{-\frac{3}{2}}
            top, bottom = int(ratio.group(2) or ratio.group(4)), int(ratio.group(3) or ratio.group(5))
            compact = str(Fraction(top, bottom) * (-1 if ratio.group(1) else 1))
            number = re.fullmatch(r"-?\d+(/\d+)?", compact)
        if (  # Nielsen's w^{2}, a^{1}: the layer, where the network has w2 and no w
            number
            and isinstance(node, ex.Name)
            and re.fullmatch(r"\d{1,2}", compact)
            and not self.known(node.id)
            and self.known(node.id + compact)
        ):
            return ex.Name(node.id + compact)
        if (  # heldtex40: Hagan's s^{2} = …, then s^{2} used: a name the answer defines (s2)
            number
            and isinstance(node, ex.Name)
            and re.fullmatch(r"\d", compact)
            and not self.known(node.id)
            and len(node.id) == 1
            and (node.id + compact in self.defined or self.peek().text in ("=", "\\leftarrow", "\\gets"))
        ):
            return ex.Name(node.id + compact)
        if number:
            value = Fraction(compact)
            if abs(value) > ex.MAX_EXPONENT:
                raise LatexError(
                    f"exponent {compact} is too large (limit {ex.MAX_EXPONENT}, "
                    f"column {start.col})",
                    start.col,
                )
            if isinstance(node, ex.Name) and node.id == "e" and self.euler():
                return ex.Call("exp", (ex.Num(value),))
            return ex.Pow(node, value)
        rest = compact
        transpose = primed = False
        while rest:
            m = re.match(r"\[(\d+)\]|\((\w+)\)|\\?(top|intercal|T)\b|T|\\prime|'", rest)
            if m is None:
                break
            if m.group(1) is not None:
                if not isinstance(node, ex.Name):
                    raise LatexError(
                        f"a layer index [k] belongs on a name (column {start.col})", start.col
                    )
                node = ex.Name(node.id + m.group(1))
            elif m.group(2) is not None:
                tagged = self.tagged_layer(node, m.group(2))
                if tagged is not None:  # Raschka's w^{(out)}, w^{(h)}: the last and first layers
                    node = tagged
                elif not m.group(2).isdigit():
                    raise LatexError(PER_EXAMPLE.format(col=start.col), start.col)
                if isinstance(node, ex.Name) and (tagged is None or self.peek().text == "_"):  # W^{(2)}: a layer
                    node = ex.Name(node.id + m.group(2))
            elif m.group() in ("\\prime", "'") and self.octave_transpose(node):
                transpose = not transpose  # A^{[1]'}: Octave's A' (Ng's course) on a tensor
                primed = True
            elif m.group() in ("\\prime", "'"):
                node = ex.Name(node.id + "'") if isinstance(node, ex.Name) else node
            else:
                transpose = not transpose
            rest = rest[m.end() :]
        if rest:
            if isinstance(node, ex.Name) and node.id == "e" and self.euler():
                return ex.Call("exp", (self.sub_parse(toks, start),))
            power = self.named_power_heldtex40(node, compact, toks, start)
            if power is not None:  # Tweedie's \mu^{2-p}: μ ** (2 − p), as NumPy's ** reads it
                return power
            raise LatexError(
                f"cannot read the superscript '{text}' at column {start.col}: "
                "expected a number, [k] (layer), T or \\top (transpose)",
                start.col,
            )
        if not transpose:
            return node
        node = ex.Transpose(node)
        if primed:
            self.primed.append(node)
        return node

    def prime_in_sum(self, left: ex.Node, right: ex.Node, tok: Tok) -> None:
        """A prime read as Octave's transpose (``h'``) added to or subtracted from a term that
        is no transpose (``h' - target``): there the prime more likely names another tensor (a
        GRU's next state h′) than a transpose — refused naming it, not guessed."""
        for a, b in ((left, right), (right, left)):
            if any(a is p for p in self.primed) and not isinstance(b, ex.Transpose):
                assert isinstance(a, ex.Transpose) and isinstance(a.operand, ex.Name)
                raise LatexError(PRIME_IN_SUM.format(name=a.operand.id, col=tok.col), tok.col)

    def named_power_heldtex40(
        self, node: ex.Node, compact: str, toks: list[Tok], start: Tok
    ) -> ex.Node | None:
        r"""``\mu^{2-p}``, ``\mu^{-p}``, ``p^{\gamma}``: a power whose exponent is numbers and names
        of the network (its constants) joined by + and −, read as NumPy reads ``mu ** (2 - p)``
        (``exp((2 − p) log μ)``); None for any other superscript."""
        if not re.fullmatch(r"[-+]?(?:\d+(?:\.\d+)?[-+])?(?:\\[A-Za-z]+|[A-Za-z])(?:[-+]\d+(?:\.\d+)?)?", compact):
            return None  # one letter or one Greek name (p, \gamma), with numbers added or taken
        if not any(t.kind in ("id", "cmd") and self.known(t.text.lstrip("\\")) for t in toks):
            return None
        try:
            exponent = self.sub_parse(toks, start)
        except LatexError:
            return None
        names = ex.names(exponent)
        if not names or not all(self.known(n) for n in names):
            return None
        return ex.Call("exp", (ex.BinOp("*", exponent, ex.Call("log", (node,))),))

    def sub_parse(self, toks: list[Tok], start: Tok) -> ex.Node:
        sub = self.sub([*toks, Tok("end", "", start.col)])
        sub.depth = self.depth
        node = sub.expr(0)
        if sub.peek().kind != "end":
            raise sub.error(sub.peek(), "the end of the group")
        return node

    def hypothesis(self, node: ex.Name) -> bool:
        r"""Ng's ``h_\theta(x^{(i)})`` (``h_{\theta}(x)``, ``h_{w,b}(x)``): where the network has
        a node ``h``, the subscript names the parameters and the argument the input — the node
        itself (row i inside ``\sum_i``). Consumes them and says so; else leaves all as it was."""
        if not self.known(node.id) or self.peek(1).kind == "end":
            return False
        save = self.pos
        self.next()
        text, _ = self.group_text()
        params = text.replace(" ", "").replace("\\", "").strip("{}")
        if params not in _HYPOTHESIS or self.peek().text not in ("(", "\\left"):
            self.pos = save
            return False
        self.primary()  # the argument x^{(i)}: read (so a per-example index counts), not used
        return True

    def variance(self) -> str | None:
        """The network's batch variance that σ² names: ``var``, else CS231n's ``sample_var``
        (``batch_var``, ``variance``) where the network has one of them (None: σ is σ)."""
        return next((v for v in _VARIANCES if self.known(v)), None)

    def sliced(self, node: ex.Name) -> ex.Node | None:
        r"""A slice in a subscript, with NumPy's meaning (zero-based, the stop left out):
        ``\theta_{1:}`` is ``theta[1:]`` (the rows from the second), ``\theta_{2:n}`` ``theta[2:n]``,
        ``W_{:,1:3}`` the columns ``W[:, 1:3]`` (Ng's unpenalised intercept, c37t-172); None
        (nothing read) where the subscript holds no such slice of a tensor of the network."""
        save = self.pos
        text, _ = self.group_text()
        m = re.fullmatch(r"(?P<cols>:,)?(?P<a>\w*):(?P<b>\w*)", text.replace(" ", ""))
        if m is None or not self.known(node.id) or not (m.group("a") or m.group("b")):
            self.pos = save
            return None

        def bound(word: str) -> ex.Node:
            return ex.Num(Fraction(int(word))) if word.isdigit() else ex.Name(word)

        kwargs = [("start", bound(m.group("a") or "0"))]
        if m.group("b"):
            kwargs.append(("stop", bound(m.group("b"))))
        kwargs.append(("axis", ex.Num(Fraction(1 if m.group("cols") else 0))))
        return ex.Call("slice", (node,), tuple(kwargs))

    def subscript_name(self, base: str) -> str:
        start = self.peek()
        text, toks = self.group_text()
        step = re.fullmatch(r"([a-z])([+-]\d{1,2})?", text.replace(" ", ""))
        if step and step.group(1) in self.steps:  # h_{t-1} inside \sum_{t=1}^{2}
            self.step_used()
            text = str(self.steps[step.group(1)] + int(step.group(2) or 0))
            toks = [Tok("num", text, start.col)]
        letter = text.replace(" ", "")
        if letter not in self.steps:  # h_{t-1} for prev_h, c_t for next_c (one step of a cell)
            named = time_step_name(base, letter, self.known)
            if named is not None:
                return named
        if letter in self.examples and not self.indices:
            self.used_example = True  # x_i inside \sum_{i=1}^{m}: row i of the batch, as x^{(i)}
            return base
        worded = any(t.kind == "cmd" and t.text[1:] in ("text", "textrm", "mbox") for t in toks)
        toks = [
            t for t in toks if not (t.text in ("{", "}") or t.kind == "cmd" and t.text[1:] in FONTS)
        ]  # y_{\text{pred}}
        toks = [_greek_word_in_subscript(t) for t in toks]  # w_{\mu}: the spec's w_mu
        words = [t.text for t in toks if t.kind in ("id", "num")]
        if worded and len(words) > 1 and all(t.kind in ("id", "num") for t in toks):
            return f"{base}_{'_'.join(words)}"  # _{\text{regularization cost}}: the words of a name
        if not words or any(t.kind == "sym" and t.text not in (",",) for t in toks):
            if "(" in text or "=" in text:  # (i) or i=1 in a subscript: an index, ignored
                return base
            if re.fullmatch(r"[a-z][+-]\d{1,2}", letter):
                raise LatexError(
                    f"the time index '{text}' at column {start.col} names no tensor of this "
                    f"network: write the step itself ({base}_{{0}}, {base}_{{1}}, …), or the sum "
                    f"over the steps, \\sum_{{{letter[0]}=1}}^{{T}} …",
                    start.col,
                )
            raise LatexError(
                f"cannot read the subscript '{text}' at column {start.col}: "
                "expected digits or a word, e.g. W_{1}, y_{pred}",
                start.col,
            )
        commas = [t.text for t in toks if t.kind == "sym"]
        if (
            len(words) == 2 and commas == [","] and re.fullmatch(r"[cijklnpqt]{1,2}", words[1])
            and self.known(f"{base}_{words[0]}") and not self.known(f"{base}_{words[0]}{words[1]}")
        ):  # y_{pred,ik}, h_{raw,j}: the entry of y_pred in index notation (y_pred_ik)
            return f"{base}_{words[0]}_{words[1]}"
        if len(words) > 1 and words[0].isdigit():  # h_{1,\text{raw}} → h1_raw (our labels)
            return base + words[0] + "_" + "_".join(words[1:])
        sub = "".join(words)
        if sub.isdigit():  # W_{1} is W1, unless the network names it W_1 (h_1 in an RNN)
            alt = f"{base}_{sub}"
            return alt if self.known(alt) and not self.known(base + sub) else base + sub
        return f"{base}_{sub}"

    # -- primaries ---------------------------------------------------------------------------
    def ones_transposed(self) -> ex.Node:
        r"""After ``𝟙ᵀ``: alone, the row of ones; before a term, the term's batch sum — also with
        a product sign between (``𝟏ᵀ · 2(Y − T)/(m·n)``, ``\mathbf{1}^\top \cdot \delta``, which
        was "expected a number, a name, '('" at the sign, c35t-138)."""
        if self.ends():
            return ex.Name(ONES)
        if self.peek().text in ("\\cdot", "\\times", "*") and not self.ends_after_sign():
            self.next()
        return _batch_sum(self.term())

    def ends_after_sign(self) -> bool:
        save = self.pos
        self.next()
        try:
            return self.ends()
        finally:
            self.pos = save

    # -- primaries ---------------------------------------------------------------------------
    def primary(self) -> ex.Node:
        self.skip_sizing()
        tok = self.peek()
        if tok.kind == "num":
            self.next()
            if tok.text == "1" and self.peek().text == "^" and self.transpose_ahead():
                self.next()  # 1ᵀ(P − Y), 1^T x: no number is transposed — 𝟙ᵀ x, the batch sum
                self.group_text()
                return self.ones_transposed()
            return ex.Num(Fraction(tok.text))
        if tok.kind == "id":
            return self.identifier()
        if tok.kind == "sym" and tok.text in ("(", "["):
            self.next()
            inner = self.expr(0)
            self.skip_sizing()
            if tok.text == "[" and self.peek().text == ",":
                inner = self.side_by_side_heldcheck26(inner)
            t = self.peek()
            op = RELATIONS.get(t.text[1:] if t.kind == "cmd" else t.text)
            if op is not None:  # Iverson bracket [Z > 0], or (Z > 0)
                self.next()
                inner = ex.Compare(op, inner, self.expr(0))
            elif tok.text == "[" and t.text == "=":  # heldtex41: Iverson's [a = b], the ties
                self.next()
                inner = _equal(inner, self.expr(0))
            self.expect(
                OPEN[tok.text],
                f"'{OPEN[tok.text]}' (for the '{tok.text}' opened at column {tok.col})",
            )
            return inner
        if tok.text == "{":
            self.next()
            inner = self.expr(0)
            self.expect("}", f"'}}' (for the '{{' opened at column {tok.col})")
            return inner
        if tok.text in ("|", "\\lvert"):
            return self.absolute(self.next())
        if tok.text == "\\lVert":
            return self.norm_heldcheck33(self.next())
        if tok.kind == "cmd":
            return self.command()
        raise self.error(tok, "a number, a name, '(' or a command such as \\frac")

    def side_by_side_heldcheck26(self, first: ex.Node) -> ex.Node:
        r"""``[\mathrm{user},\ a]`` (after its first item, at the comma): the items side by side,
        NumPy's ``np.concatenate([user, a], axis=1)`` as DIN's notes write the joined input
        (``[x_1, x_2]^\top w``); items of unequal heights are the shape error they are. Only
        transposed: a bare ``[A1, A2]`` is a list, refused as before.
        """
        items = [first]
        while self.peek().text == ",":
            self.next()
            items.append(self.expr(0))
            self.skip_sizing()
        if any(isinstance(x, ex.Num) for x in items):  # [0, 1]: an interval, not tensors
            raise self.error(self.peek(), "']' (a bracket of numbers with a comma is an interval)")
        if not (self.peek().text == "]" and self.peek(1).text == "^"):  # a list, not a stacked input
            raise self.error(self.peek(), "']' (a bracket of tensors with commas is read only transposed, [a, b]^T)")
        return ex.Call("concat", tuple(items), (("axis", ex.Num(Fraction(1))),))

    def absolute(self, tok: Tok) -> ex.Node:
        """``|x|``, ``\\lvert x \\rvert`` (``\\left|x\\right|``, see :func:`_bars`): abs(x)."""
        plain = tok.text == "|"
        calligraphic = self.is_cmd("mathcal")
        self.bars += plain
        try:
            inner = self.expr(0)
        finally:
            self.bars -= plain
        close = "|" if plain else "\\rvert"
        self.expect(close, f"'{close}' (for the '{tok.text}' opened at column {tok.col})")
        return self.batch_count(inner, calligraphic) or ex.Call("abs", (inner,))

    def norm_heldcheck33(self, tok: Tok) -> ex.Node:
        """``\\lVert x \\rVert`` (``\\|x\\|``, with ``_2`` or ``_F`` after it): the
        Euclidean (Frobenius) norm √(Σ x²) of all the entries, as ``np.linalg.norm(x)`` and
        ``torch.norm(x)`` compute it (a weight decay on ‖W‖, c33-255); ``_1``: Σ |x|; ``_0``:
        the count of nonzero entries, Σ 𝟙[|x| > 0] (``count_nonzero(mask)``, c36t-245)."""
        inner = self.expr(0)
        self.expect("\\rVert", f"'\\|' (for the norm opened at column {tok.col})")
        if self.peek().text == "_":
            for k, norm in ((["0"], 0), (["{", "0", "}"], 0), (["1"], 1), (["{", "1", "}"], 1)):
                if [self.peek(1 + i).text for i in range(len(k))] == k:
                    for _ in range(len(k) + 1):
                        self.next()
                    whole = ex.Call("abs", (inner,))  # ‖x‖₀: the count of nonzero entries; ‖x‖₁
                    if norm == 0:
                        whole = ex.Compare(">", whole, ex.Num(0))
                    return ex.Call("sum", (whole,))
            kinds = (["2"], ["F"], ["{", "2", "}"], ["{", "F", "}"])
            for k in kinds:
                if [self.peek(1 + i).text for i in range(len(k))] == k:
                    for _ in range(len(k) + 1):
                        self.next()
                    break
        return ex.Call("sqrt", (ex.Call("sum", (ex.Pow(inner, Fraction(2)),)),))

    def layer_marked(self) -> bool:
        """A layer superscript follows (``\\mathrm{mean}^{[1]}``, ``\\mathrm{var}^{[2]}``: a
        batch norm's nodes as the handouts print them): a name, never a function's power."""
        return self.peek().text == "^" and self.peek(1).text == "{" and self.peek(2).text == "["

    def batch_count(self, inner: ex.Node, calligraphic: bool) -> ex.Node | None:
        """``|\\mathcal{B}|``, ``|B|``, ``\\lvert B \\rvert`` (d2l's minibatch, a set: its size)
        when the network has no name spelled B: the network's batch size, else None."""
        if not (isinstance(inner, ex.Name) and inner.id == "B") or self.batch is None:
            return None
        return ex.Name(self.batch) if calligraphic or not self.exact("B") else None

    def identifier(self) -> ex.Node:
        tok = self.next()
        name = tok.text
        low = name.lower()
        if low in FUNCS and self.peek().text == "_" and self.peek(1).kind == "id":  # typed log_z: PaLM's
            joined = f"{name}_{self.peek(1).text}"  # node of that name (heldtex48), not log of z
            if self.known(joined):
                self.next()
                self.next()
                return ex.Name(joined)
        if low in FUNCS and not self.known(name) and not self.layer_marked():
            return self.function(FUNCS[low], tok)
        if _table_function(low) and not self.known(name) and self.peek().text in ("(", "\\left"):
            return self.function(low, tok)  # softmax(Z) pasted as plain text
        if name == "H" and not self.known(name) and self.peek().text in ("(", "\\left"):
            return self.step("heaviside")  # H(Z): the Heaviside step, 1 where Z > 0
        if low in ("sgn", "step", "heaviside") and not self.known(name):
            return self.step(low)
        if low in ("clip", "clamp") and not self.known(name) and self.peek().text in ("(", "\\left"):
            return self.clip(tok)  # heldtex41: clip(r, −0.5, 0.5) typed in text, as \operatorname{clip}
        if name in ("g", "f", "phi") and not self.known(name) and self.peek().text == "_":
            save = self.pos  # f_1'(z^{(1)}) (邱锡鹏's f_l'): the layer's subscript, then g'
            self.next()
            text, _ = self.group_text()
            tensor = self.known(name + text.replace(" ", "")) and self.peek().text == "^"
            if not tensor and re.fullmatch(r"\d{1,2}|l|\[\d{1,2}\]", text.replace(" ", "")) and (
                self.peek().text in ("'", "^", "(") or self.peek().text == "\\left"
            ):  # f_{3}^{\top} of a tensor f3 (DeepFM's field f3) is that tensor, transposed
                digits = text.replace(" ", "").strip("[]")
                self.act_layer = int(digits) if digits.isdigit() else None  # f_2: layer 2's
                return self.function("act", tok)
            self.pos = save
        if (
            name in ("g", "f", "phi")
            and not self.known(name)
            and self.peek().text in ("'", "^", "(")
            and not self.layer_tensor(name)
            and not (name in self.defined and self.peek().text == "^")  # g ← …; g^⊤: the step
        ):
            return self.function("act", tok)
        if name == "d" and self.peek().kind in ("id", "cmd") and self.peek().col == tok.col + 1:
            inner = self.primary()  # dZ written as \mathrm{d}Z or d\mathbf{Z}
            inner = self.suffixes(inner)
            if isinstance(inner, ex.Name):
                return ex.Name(self.gkey(inner.id))
            raise LatexError(f"'d' must be followed by a name (column {tok.col})", tok.col)
        if not self.known(name) and len(name) > 1 and not any(c.isdigit() for c in name):
            letters = [c for c in name]
            if all(self.known(c) for c in letters):  # XW → X·W
                return self.juxtaposed(letters)
            if (
                all(self.known(c) for c in letters[:-1])
                and self.peek().text in ("_", "^")
                and not name.startswith("d")  # dW_v: the gradient's name, even where d is a size
            ):
                save = self.pos  # XW_1, XW^{[1]} → X·W₁: the index names the last letter's tensor
                node = self.juxtaposed(letters)
                last = getattr(node, "right", None)
                if isinstance(last, ex.Name) and self.known(last.id):
                    return node
                self.pos = save
        return ex.Name(name)

    def juxtaposed(self, letters: list[str]) -> ex.Node:
        r"""Adjacent one-letter names, ``XW`` → X·W; a superscript or subscript right after them
        belongs to the last letter, as in maths (``QK^\top`` is Q·Kᵀ, not (QK)ᵀ)."""
        node: ex.Node = ex.Name(letters[0])
        for k, c in enumerate(letters[1:], start=2):
            right: ex.Node = ex.Name(c)
            if k == len(letters):
                right = self.suffixes(right)
            node = _mul(node, right)
        return node

    def command(self) -> ex.Node:
        tok = self.next()
        name = tok.text[1:]
        if name in ("frac", "dfrac", "tfrac"):
            return self.fraction(tok)
        if name == "begin":
            return self.matrix(tok)
        ahead = [t.text for t in self.toks[self.pos : self.pos + 3]]
        if name == "mathbb" and ahead == ["{", "E", "}"] and self.batch is not None:
            self.pos += 3
            return self.expectation(tok)
        if name == "mathbb" and ahead == ["{", "E", "}"]:
            raise LatexError(
                f"an expectation \\mathbb{{E}} is not read (column {tok.col}): write the batch "
                "mean as \\frac{1}{m}\\sum_{i=1}^{m} … or in the vectorised form",
                tok.col,
            )
        if name in FONTS:
            return self.font(tok)
        if name in HATS:
            return ex.Name(self.hat_name(self.braced_name(tok), name))
        if name == "sqrt" and self.peek().text == "[":  # \sqrt[4]{d}: d ** (1/4) (heldnets26)
            self.next()
            index = self.peek()
            if index.kind != "num" or not index.text.isdigit() or int(index.text) < 2:
                raise self.error(index, "a whole index n ≥ 2 of \\sqrt[n]{…}")
            self.next()
            self.expect("]", "']' to close the index of \\sqrt[n]{…}")
            base = self.argument(tok, "the argument {…} of \\sqrt[n]")
            return ex.Pow(base, Fraction(1, int(index.text)))
        if name == "sqrt":
            return ex.Call("sqrt", (self.argument(tok, "the argument {…} of \\sqrt"),))
        if name == "delta":
            return self.delta(tok)
        if name == "nabla":
            return self.nabla(tok)
        if name == "partial":
            return self.partial(tok)
        if name in ("sum", "Sigma"):
            return self.sum(tok)
        if name == "max":
            return self.maximum(tok)
        if name == "sigma" and self.known("sigma") and (self.bare_name() or self.bare_after_scripts()):
            return ex.Name("sigma")  # a tensor named sigma (σ of a mixture), not σ(·): σ ⊙ δ
        if name in FUNCS:
            return self.function(FUNCS[name], tok)
        if (
            name == "phi"
            and not self.known(name)
            and self.peek().text in ("'", "^", "(")
            and not self.layer_tensor(name)
        ):
            return self.function("act", tok)  # d2l's φ'(h): the hidden activation's derivative, as g'
        if name in NORMAL and not self.known(name) and self.peek().text in ("(", "\\left"):
            # \Phi(a): the standard normal CDF (derive's ndtr); \varphi(a): its density
            if name == "Phi":
                return self.function("ndtr", tok)
            return normal_density(self.function("identity", tok))
        if name in ("{",):
            inner = self.expr(0)
            if self.peek().text == "=":  # heldtex41: 1\{z = 0\}, the entries equal
                self.next()
                inner = _equal(inner, self.expr(0))
            self.expect("\\}", f"'\\}}' (for the '\\{{' opened at column {tok.col})")
            return inner
        if name in GREEK or name in GREEK_NAMES:  # \gamma → gamma, \varepsilon → eps
            digits = self.peek()
            if digits.kind == "num" and digits.text.isdigit() and digits.col - tok.col in (1, len(tok.text)):
                for cand in GREEK_NAMES.get(name, (name,)):  # φ1 typed in text: the network's phi1
                    if not self.known(cand) and self.known(cand + digits.text):
                        self.next()
                        return ex.Name(cand + digits.text)
            for cand in GREEK_NAMES.get(name, (name,)):
                if self.known(cand):
                    return ex.Name(cand)
            layered = self.greek_layer(name)
            if layered is not None:  # \alpha^{[2]\top}: the network's alpha2, transposed
                return layered
            if name == "pi" and self.peek().text != "_":  # \pi: the number π
                return ex.Name("pi")
            if self.peek().text == "_":  # \alpha_{h}: the node alpha_h, then ^{\top} as usual
                self.next()
                node = ex.Name(self.subscript_name(name))
                if self.known(node.id) or self.known("d" + node.id):
                    return self.suffixes(node)
                raise LatexError(f"unknown name '{getattr(node, 'id', name)}' at column {tok.col}", tok.col)
            if name in GREEK and self.peek().text not in ("(", "\\left", "'"):
                # heldtex41: a letter the answer itself names (Murphy's \boldsymbol{\mu} = \mathbf{P},
                # before or after its use): a name, as a Latin letter is; never defined, the
                # reader's unknown-name refusal names it
                return ex.Name(name)
        if name in PRODUCTS | HADAMARD | {"div"}:  # A \cdot \cdot B: an operator, no term
            raise self.error(tok, "a number, a name, '(' or a command such as \\frac")
        raise LatexError(
            f"unknown or unsupported command '{tok.text}' at column {tok.col}; "
            "expected e.g. \\frac, \\cdot, \\odot, \\sigma, \\delta, \\sum, "
            "\\mathbf{1}[…], ^{\\top}",
            tok.col,
        )

    def greek_layer(self, name: str) -> ex.Node | None:
        r"""A Greek name with a layer superscript, as derive prints a tensor ``alpha2``
        (``\alpha^{[2]}``, ``\alpha^{[2]\top}``): that tensor, when the network has it; else
        None with nothing consumed."""
        if self.peek().text != "^":
            return None
        save = self.pos
        for cand in GREEK_NAMES.get(name, (name,)):
            self.pos = save
            try:
                node = self.suffixes(ex.Name(cand))
            except LatexError:
                continue
            inner = node.operand if isinstance(node, ex.Transpose) else node
            if isinstance(inner, ex.Call) and inner.func == "slice" and inner.args:
                inner = inner.args[0]  # \Theta^{(2)}_{:,1:}: a slice of the network's Theta2
            if isinstance(inner, ex.Name) and inner.id != cand and self.known(inner.id):
                return node
            if isinstance(node, ex.Name) and re.fullmatch(rf"{cand}\d", node.id) and cand[0].isupper():
                return node  # Ng's \Delta^{(2)}: a capital Greek name of a layer, as D^{(2)} (defined or refused)
        self.pos = save
        return None

    def matrix(self, tok: Tok) -> ex.Node:
        r"""``\begin{bmatrix} a & b \\ c & d \end{bmatrix}`` (``pmatrix``, ``matrix``): the block
        matrix of its cells, each row the cells side by side (``concat(…, axis=1)``), the rows
        one over the other (``axis=0``), as entries (``x_1``, ``h_2``) or blocks of any widths."""
        self.expect("{", "'{' after \\begin")
        env = self.next()
        self.expect("}", "'}' after the environment's name")
        if env.text == "cases":
            return self.cases()
        if env.text not in ("bmatrix", "pmatrix", "matrix", "Bmatrix", "Vmatrix"):
            raise LatexError(
                f"the environment '{env.text}' is not read here (column {tok.col}); "
                "a matrix is \\begin{bmatrix} … \\end{bmatrix}",
                tok.col,
            )
        rows: list[list[ex.Node]] = [[]]
        while True:
            rows[-1].append(self.expr(0))
            t = self.next()
            if t.text == "\\mcol":
                continue
            if t.text == "\\mrow":
                if self.peek().text == "\\end":  # a trailing \\ before \end
                    t = self.next()
                else:
                    rows.append([])
                    continue
            if t.text != "\\end":
                raise self.error(t, "'&', '\\\\' or \\end{" + env.text + "}")
            self.expect("{", "'{' after \\end")
            self.expect(env.text, f"\\end{{{env.text}}}")
            self.expect("}", "'}' after \\end{…")
            break
        axis1 = (("axis", ex.Num(Fraction(1))),)
        joined = [r[0] if len(r) == 1 else ex.Call("concat", tuple(r), axis1) for r in rows]
        if len(joined) == 1:
            return joined[0]
        return ex.Call("concat", tuple(joined), (("axis", ex.Num(Fraction(0))),))

    def cases(self) -> ex.Node:
        r"""After ``\begin{cases}``: rows ``value & condition``, the condition an inequality
        (``\text{if } m < 1``, ``Z_2 > 0``, ``, z \le 0``) or the last row's ``\text{otherwise}``
        / ``\text{else}`` / none — the first row whose condition holds, as the 0/1 indicators
        read elsewhere: Σ_k v_k c_k Π_{j<k} (1 − c_j), the fallback's c 1 (MIT 6.390's
        hinge subgradient, a leaky ReLU's slope written by cases; c35t-148/240 were "the
        environment 'cases' is not read here"); an equality ``Y = 1`` is 𝟙[Y ≥ 1]·𝟙[Y ≤ 1]
        (c35t-032, BCE's gradient by its 0/1 label)."""
        rows: list[tuple[ex.Node, ex.Node | None]] = []
        while True:
            value = self.expr(0)
            cond: ex.Node | None = None
            while self.peek().text in (",", "\\,", "\\quad", "\\qquad"):  # 1, & z > 0
                self.next()
            t = self.next()
            if t.text == "\\mcol":
                cond = self.case_condition()
                while self.peek().text in (",", ".", ";", "\\,"):  # heldtex40: z > 0, \\ (a row's comma)
                    self.next()
                t = self.next()
            rows.append((value, cond))
            if t.text == "\\mrow" and self.peek().text == "\\end":
                t = self.next()
            if t.text == "\\mrow":
                continue
            if t.text != "\\end":
                raise self.error(t, "'&', '\\\\' or \\end{cases}")
            self.expect("{", "'{' after \\end")
            self.expect("cases", "\\end{cases}")
            self.expect("}", "'}' after \\end{…")
            break
        if any(c is None for c, _ in ((c, v) for v, c in rows[:-1])):
            raise LatexError("each row of \\begin{cases} but the last needs its condition, "
                             "value & \\text{if } condition", self.peek().col)
        one = ex.Num(Fraction(1))
        out: ex.Node | None = None
        earlier: list[ex.Node] = []
        for value, cond in rows:
            factor = [] if cond is None else [cond]
            factor += [ex.BinOp("-", one, c) for c in earlier]
            term = value
            for f in factor:
                term = ex.BinOp("*", term, f)
            out = term if out is None else ex.BinOp("+", out, term)
            if cond is not None:
                earlier.append(cond)
        assert out is not None
        return out

    def case_condition(self) -> ex.Node | None:
        r"""The condition of a ``cases`` row after its ``&``: words (``\text{if }``, ``if``,
        ``for``, a comma, ``\quad``) before an inequality; ``\text{otherwise}``/``\text{else}``
        or nothing: None (the fallback)."""
        while True:
            t = self.peek()
            if t.kind == "cmd" and t.text[1:] in ("text", "textrm", "mathrm", "mbox", "textit"):
                save = self.pos
                self.next()
                words, _ = self.group_text()
                w = words.strip().lower().rstrip(",.")
                if w in ("otherwise", "else", "否则", "其他", "其它", "sonst"):
                    return None
                if w in ("if", "when", "for", "where", "若", "当", "如果", "if the", ""):
                    continue
                self.pos = save
                break
            if t.text in (",", "\\quad", "\\qquad", "\\,", "\\;") or (t.kind == "id" and t.text in ("if", "for")):
                self.next()
                continue
            break
        if self.peek().text in ("\\mrow", "\\end"):
            return None
        save = self.pos
        left = self.expr(0)
        if self.peek().text == "=":  # Y = 1: 𝟙[Y ≥ 1]·𝟙[Y ≤ 1], the entries equal to it
            self.next()
            cond: ex.Node = _equal(left, self.expr(0))
        else:
            self.pos = save
            cond = self.condition(self.peek())
        while self.peek().text in (",", ".", "\\,", "\\;", "\\quad"):
            self.next()
        return cond

    def fraction(self, tok: Tok) -> ex.Node:
        self.skip_sizing()
        if self.peek().text == "{" and self.peek(1).text == "\\partial":
            return self.partial_fraction(tok)
        num = self.argument(tok, "the numerator {…} of \\frac")
        bare = self.peek().text == "{" and self.peek(1).text in ("\\sum", "\\Sigma") and self.peek(2).text not in ("_", "^")
        den = self.argument(tok, "the denominator {…} of \\frac")
        if bare:
            den = _softmax_denominator_heldtex48(num, den)
        if (
            isinstance(num, ex.Name)
            and isinstance(den, ex.Name)
            and len(num.id) > 1
            and len(den.id) > 1
            and num.id.startswith("d")
            and den.id.startswith("d")
        ):  # \frac{dL}{dW}, \frac{dA}{dZ}: Leibniz notation
            return self.leibniz(num.id[1:], den.id[1:])
        if (
            isinstance(den, ex.Name)
            and den.id in ("m", "n", "N", "M", "B")
            and not self.known(den.id)
            and den.id not in self.defined  # N = \sum_{i,j} mask_{ij} in a where-clause: its own
            and self.batch is not None
            and (self.peek().text in ("\\sum", "\\Sigma") or den.id in ("m", "N"))
        ):  # \frac{1}{m}\sum_{i=1}^{m}: the mean over the batch, whatever the network calls m;
            # without the sum only m (Ng, Goodfellow) and N (Bishop), the notes' letters for the
            # number of examples (n is Ng's number of features): \frac{1}{m} Z_1^\top (…)
            den = ex.Name(self.batch)
        return ex.BinOp("/", num, den)

    def argument(self, tok: Tok, what: str) -> ex.Node:
        self.skip_sizing()
        t = self.peek()
        if t.text == "{":
            self.next()
            inner = self.expr(0)
            self.expect("}", f"'}}' to close {what}")
            return inner
        if t.kind == "num" and len(t.text) > 1 and t.text.isdigit():  # \frac12
            self.next()
            head, tail = t.text[0], t.text[1:]
            self.toks.insert(self.pos, Tok("num", tail, t.col + 1))
            return ex.Num(Fraction(head))
        if t.kind in ("num", "id", "cmd"):
            return self.postfix()
        raise self.error(t, what)

    def partial_fraction(self, tok: Tok) -> ex.Node:
        self.expect("{")
        self.expect("\\partial")
        num = self.numerator_name(tok)
        if (num in LOSS_NAMES or num == self.loss) and self.peek().text in ("(", "\\left"):
            self.skip_group()  # \partial J(\theta), \partial L(W, b): the loss, its arguments
        self.expect("}", "'}' after the numerator in \\frac{\\partial A}{…}")
        self.expect("{")
        self.expect("\\partial", "'\\partial' in the denominator of \\frac{\\partial A}{…}")
        target = self.target_name(tok)
        self.expect("}", "'}' to close \\frac{\\partial A}{\\partial …}")
        return self.leibniz(num, target)

    def skip_group(self) -> None:
        r"""Past a parenthesised group ``(…)`` (``\left(…\right)``), nested ones included."""
        level = 0
        while True:
            t = self.next()
            if t.kind == "end":
                raise self.error(t, "')' to close the loss's arguments")
            if t.text in ("(", "\\left"):
                level += t.text == "("
            elif t.text == ")":
                level -= 1
                if level == 0:
                    return

    def numerator_name(self, tok: Tok) -> str:
        t = self.peek()
        if t.kind == "cmd" and t.text == "\\mathcal":
            self.next()
            self.braced_name(t)
            return "L"
        if t.kind == "cmd" and t.text == "\\ell":
            self.next()
            return "L"
        return self.target_name(tok)

    def partial(self, tok: Tok) -> ex.Node:
        # \partial L / \partial W, \partial A / \partial B; \partial_{W} L (∂_W L) as \nabla_{W} L
        if self.peek().text == "_":
            return self.nabla(tok)
        num = self.numerator_name(tok)
        self.expect("/", "'/' in \\partial L / \\partial W")
        self.expect("\\partial", "'\\partial' after '/'")
        return self.leibniz(num, self.target_name(tok))

    def loss_name(self) -> None:
        t = self.peek()
        if t.kind == "id":
            self.next()
            self.suffixes(ex.Name(t.text))
        elif t.kind == "cmd" and t.text[1:] in FONTS:
            self.next()
            self.braced_name(t)
        elif t.kind == "cmd" and t.text == "\\ell":  # \ell: the loss, as many notes write it
            self.next()
        else:
            raise self.error(t, "the loss name after \\partial, e.g. L or \\mathcal{L}")
        if self.peek().text in ("(", "\\left"):
            self.skip_group()  # \nabla_\theta J(\theta): the loss, its arguments

    def target_name(self, tok: Tok) -> str:
        node = self.suffixes(self.name_only(tok))
        if not isinstance(node, ex.Name):
            raise LatexError(f"expected a name after \\partial (column {tok.col})", tok.col)
        return node.id

    def name_only(self, tok: Tok) -> ex.Node:
        self.skip_sizing()
        t = self.peek()
        if t.kind == "id":
            self.next()
            return ex.Name(t.text)
        if t.kind == "cmd" and t.text[1:] in FONTS:
            self.next()
            return ex.Name(self.braced_name(t))
        if t.kind == "cmd" and t.text[1:] in HATS:
            self.next()
            return ex.Name(self.hat_name(self.braced_name(t), t.text[1:]))
        if t.text == "\\sigma" and self.variance() and self.peek(1).text == "^":
            two = [self.peek(k).text for k in (2, 3, 4)]
            if two[0] == "2" or two == ["{", "2", "}"]:  # \partial \sigma^{2}: batch norm's var
                for _ in range(3 if two[0] == "2" else 5):
                    self.next()
                return ex.Name(self.variance())
        if t.kind == "cmd" and (t.text[1:] in GREEK or t.text[1:] in GREEK_NAMES):
            for cand in GREEK_NAMES.get(t.text[1:], (t.text[1:],)):  # \delta_{\mu}: the node mu
                if self.known(cand) or self.known("d" + cand):
                    self.next()
                    return ex.Name(cand)
            if self.peek(1).text == "_":  # \delta_{\alpha_{h}}: the subscript follows
                self.next()
                return ex.Name(t.text[1:])
            if self.peek(1).text == "^":  # \delta_{\alpha^{[3]}}: the layer follows
                self.next()
                return ex.Name(GREEK_NAMES.get(t.text[1:], (t.text[1:],))[0])
        if t.text == "{":
            self.next()
            node = self.suffixes(self.name_only(t))
            self.expect("}")
            return node
        raise self.error(t, "a name")

    def hat_name(self, inner: str, mark: str = "hat") -> str:
        """``\\hat{Z}`` is ``Zhat``, or ``Z_hat`` when the network names it so; ``\\tilde{x}`` is
        ``x_tilde``/``xtilde`` and ``\\bar{x}`` ``x_bar``/``xbar`` where the network names one so
        (Goodfellow's corrupted input x̃), else the hat's names."""
        word = _MARK_WORDS.get(mark, "hat")
        own = (inner + word, inner + "_" + word) if word != "hat" else ()
        for cand in own:
            if self.known(cand) or self.known("d" + cand):
                return cand
        if mark == "overline" and inner and self.overlined_heldtex48(inner):
            return inner  # heldtex48: Aggarwal's \overline{W}_2, \overline{Y}: the vector itself (Grosse's
            # bar, a symbol the answer defines by a formula, is a \bar by then: textbox._notes_heldtex48)
        for cand in (inner + "hat", inner + "_hat"):
            if self.known(cand) or self.known("d" + cand):
                return cand
        return inner + "hat"

    def overlined_heldtex48(self, inner: str) -> bool:
        r"""Is ``\overline{inner}`` (no marked name of the network) the network's ``inner``, also
        with the subscript that follows (``\overline{W}_2``: W2)? Aggarwal's bar marks a vector."""
        if self.known(inner):
            return True
        if self.peek().text != "_":
            return False
        k = 2 if self.peek(1).text == "{" else 1
        sub = self.peek(k)
        if sub.kind not in ("id", "num") or k == 2 and self.peek(3).text != "}":
            return False
        return any(self.known(c) for c in (inner + sub.text, inner + "_" + sub.text))

    def greek_in_group(self, parts: list[str], spellings: tuple[str, ...], hat: str) -> str:
        """heldnets47: the name of a braced group holding a Greek letter (``\\hat{\\varepsilon}``,
        ``\\mathbf{\\mu}``): the letter spelled as the network spells it (eps or epsilon),
        with the hat's word where there is one; the first spelling when none is known."""
        names = ["".join(spelled if p == "\0" else p for p in parts) for spelled in spellings]
        for name in names:
            if self.known(self.hat_name(name, hat) if hat else name):
                return name
        return names[0]

    def braced_name(self, tok: Tok) -> str:
        """The text of ``{…}`` after a font or hat command, as one identifier."""
        toks = self.group_tokens()
        parts = []
        hat = ""  # \boldsymbol{\hat y}, \mathbf{\hat{y}}: the hat inside a font is ŷ's
        greek: tuple[str, ...] = ()  # heldnets47: \hat{\varepsilon} is the network's eps_hat
        for t in toks:
            if t.kind in ("id", "num") or t.text == "_":
                parts.append(t.text)
            elif t.kind == "cmd" and not greek and (t.text[1:] in GREEK or t.text[1:] in GREEK_NAMES):
                greek = GREEK_NAMES.get(t.text[1:], (t.text[1:],))
                parts.append("\0")
            elif t.kind == "cmd" and t.text[1:] in FONTS | HATS:
                hat = hat or (t.text[1:] if t.text[1:] in HATS else "")
                continue
            elif t.text in ("{", "}"):
                continue
            elif t.kind == "cmd" and t.text == "\\_":
                parts.append("_")
            else:
                raise LatexError(
                    f"expected a name inside {tok.text}{{…}} at column {t.col}, found '{t.text}'",
                    t.col,
                )
        if not parts:
            raise LatexError(f"{tok.text}{{}} is empty (column {tok.col})", tok.col)
        if greek:
            parts = [self.greek_in_group(parts, greek, tok.text[1:] if tok.text[1:] in HATS else hat)]
        if hat and tok.text[1:] not in HATS:
            return self.hat_name("".join(parts), hat)
        return "".join(parts)

    def font(self, tok: Tok) -> ex.Node:
        name = tok.text[1:]
        if (
            self.peek().text == "{"
            and self.peek(1).kind == "cmd"
            and self.peek(1).text[1:] not in FONTS | HATS
            and self.peek(2).text == "}"
        ):  # \boldsymbol{\delta}^{[1]}: the command itself
            self.next()
            inner = self.next()
            self.next()
            self.toks.insert(self.pos, inner)
            return self.command()
        if (
            self.peek(1).text == "I"
            and self.peek(2).text == "}"
            and self.known("I")
            and self.peek(3).text not in ("[", "(", "\\left", "\\{", "_")
        ):  # \mathbf{I}: the network's identity matrix I (np.eye), not an indicator 𝟙[…]
            self.next(), self.next(), self.next()
            return ex.Name("I")
        if self.peek().text == "{" and self.peek(1).text in ("1", "I") and self.peek(2).text == "}":
            if name in ("mathbf", "mathbb", "boldsymbol", "bm", "mathds", "mathrm"):
                self.next(), self.next(), self.next()
                return self.one(tok)
        if self.peek().text == "{" and self.peek(1).text == "0" and self.peek(2).text == "}":
            if name in ("mathbf", "mathbb", "boldsymbol", "bm", "mathds"):
                self.next(), self.next(), self.next()
                return self.zero()
        ident = self.braced_name(tok)
        if name == "mathcal" and ident == "L":
            return ex.Name("L")
        low = ident.lower()
        if low in ("dilate", "pad", "crop", "flip", *_POOLS_CV43) and self.peek().text == "_" and name == "operatorname":
            return self.subscripted_cv43(low, tok)  # conv43: \operatorname{dilate}_{2}(\delta_Z)
        if low in ("cols", "rows") and self.peek().text == "_" and (
            name == "operatorname" or not self.known(ident)
        ):  # \operatorname{cols}_{1 \ldots 2}(A) is a slice even beside a tensor \mathrm{cols}
            return self.block(low, tok)
        if low in ("col", "row") and self.peek().text == "_" and name == "operatorname":
            return self.block(low + "s", tok, single=True)  # \operatorname{col}_{d + 1}(A)
        if low in FUNCS and not self.known(ident) and not self.layer_marked():
            return self.function(FUNCS[low], tok)
        if _table_function(low) and not self.known(ident):  # \mathrm{softmax}(Z)
            return self.function(low, tok)
        if low in ("sgn", "step", "heaviside") and not self.known(ident):
            return self.step(low)
        if low in ("clip", "clamp") and not self.known(ident):
            return self.clip(tok)
        if low in ("atan2", "arctan2") and not self.known(ident):
            return self.two_arguments("atan2", tok)
        if low == "reshape" and not self.known(ident):
            return self.reshape_r41(tok)
        if low in ("rot180", "rot") and not self.known(ident):  # conv42: \operatorname{rot180}(K)
            return self.function("rot180", tok)
        if low in ("logsumexp", "lse") and not self.known(ident):  # round 48: as derive prints it
            return self.function("logsumexp", tok)
        if ident == "d" and self.peek().kind in ("id", "cmd"):  # \mathrm{d}Z
            inner = self.suffixes(self.name_only(tok))
            if isinstance(inner, ex.Name):
                return ex.Name(self.gkey(inner.id))
        return ex.Name(ident)

    def clip(self, tok: Tok) -> ex.Node:
        """``\\operatorname{clip}(x, lo, hi)`` (``\\mathrm{clamp}``, ``\\left( … \\right)``), as derive
        prints a two-sided clamp and Huber's gradient is written (``\\operatorname{clip}(r, -\\delta,
        \\delta)``): min(max(x, lo), hi), with the table's ``clamp0`` as the spellings write np.clip."""
        self.skip_sizing()
        t = self.peek()
        if t.text not in ("(", "["):
            raise self.error(t, "the arguments of \\operatorname{clip}, e.g. (x, 0, 1)")
        self.next()
        parts = [self.expr(0)]
        while self.peek().text == "," and len(parts) < 3:
            self.next()
            parts.append(self.expr(0))
        self.skip_sizing()  # \right)
        self.expect(OPEN[t.text], f"'{OPEN[t.text]}' to close the arguments of clip")
        if len(parts) != 3:
            raise LatexError(
                f"\\operatorname{{clip}} takes (x, lo, hi) (column {tok.col})", tok.col
            )
        x, lo, hi = parts
        low = ex.BinOp("+", lo, ex.Call("clamp0", (ex.BinOp("-", x, lo),)))
        return ex.BinOp("-", hi, ex.Call("clamp0", (ex.BinOp("-", hi, low),)))

    def two_arguments(self, func: str, tok: Tok) -> ex.Node:
        """``\\operatorname{atan2}(y, x)`` (``\\left( … \\right)``), as derive prints the
        two-argument row of the operation table."""
        self.skip_sizing()
        t = self.peek()
        if t.text not in ("(", "["):
            raise self.error(t, f"the arguments of \\operatorname{{{func}}}, e.g. (y, x)")
        self.next()
        parts = [self.expr(0)]
        while self.peek().text == "," and len(parts) < 2:
            self.next()
            parts.append(self.expr(0))
        self.skip_sizing()  # \right)
        self.expect(OPEN[t.text], f"'{OPEN[t.text]}' to close the arguments of {func}")
        if len(parts) != 2:
            raise LatexError(f"\\operatorname{{{func}}} takes (y, x) (column {tok.col})", tok.col)
        return ex.Call(func, tuple(parts))

    def reshape_r41(self, tok: Tok) -> ex.Node:
        """``\\operatorname{reshape}(G, (a, b))`` (``\\left( … \\right)``), as derive prints a
        reshape and its gradient: G's entries row by row in a rows of b columns (NumPy's
        ``G.reshape(a, b)``; one size may be -1)."""
        self.skip_sizing()
        t = self.peek()
        if t.text not in ("(", "["):
            raise self.error(t, "the arguments of \\operatorname{reshape}, e.g. (G, (m, k))")
        self.next()
        x = self.expr(0)
        self.expect(",", "',' and the new sizes, e.g. (G, (m, k))")
        self.skip_sizing()
        inner = self.peek()
        if inner.text not in ("(", "["):
            raise self.error(inner, "the new sizes in brackets, e.g. (G, (m, k))")
        self.next()
        sizes = [_size_tree(self.expr(0))]
        self.expect(",", "two sizes, e.g. (m, k)")
        sizes.append(_size_tree(self.expr(0)))
        self.skip_sizing()
        self.expect(OPEN[inner.text], f"'{OPEN[inner.text]}' to close the sizes")
        self.skip_sizing()
        self.expect(OPEN[t.text], f"'{OPEN[t.text]}' to close the arguments of reshape")
        return ex.Call("reshaped", (x,), (("rows", sizes[0]), ("cols", sizes[1])))

    def block(self, what: str, tok: Tok, single: bool = False) -> ex.Node:
        """``\\operatorname{cols}_{h + 1 \\ldots 2 h}(A)`` (``rows``), as derive prints a slice
        or a block of the upstream gradient: ``A[:, h:2*h]`` (1-based and inclusive in print);
        ``single``: one column or row, ``\\operatorname{col}_{d + 1}(A)`` (``A[:, d:d+1]``)."""
        self.next()  # _
        start = self.peek()
        toks = self.group_tokens()
        if single:
            if not toks:
                raise self.error(start, f"the column's index, e.g. \\operatorname{{{what[:-1]}}}_{{2}}")
            first = _size_tree(self.sub_parse(toks, start))
            last = first
        else:
            cut = [k for k, t in enumerate(toks) if t.text in ("\\ldots", "\\dots", "\\cdots")]
            if len(cut) != 1 or not 0 < cut[0] < len(toks) - 1:
                raise self.error(start, f"the block's bounds, e.g. \\operatorname{{{what}}}_{{1 \\ldots h}}")
            first = _size_tree(self.sub_parse(toks[: cut[0]], start))
            last = _size_tree(self.sub_parse(toks[cut[0] + 1 :], start))
        self.skip_sizing()
        t = self.peek()
        if t.text not in ("(", "[", "{"):
            raise self.error(t, f"the argument of \\operatorname{{{what}}}, e.g. ({what[0].upper()})")
        self.next()
        arg = self.expr(0)
        close = OPEN.get(t.text, "}")
        self.expect(close, f"'{close}' to close the argument of \\operatorname{{{what}}}")
        lo = ex.BinOp("-", first, ex.Num(Fraction(1)))
        axis = ex.Num(Fraction(1 if what == "cols" else 0))
        return ex.Call("slice", (arg,), (("start", lo), ("stop", last), ("axis", axis)))

    def transpose_ahead(self) -> bool:
        """Is the ``^`` next a transpose (``^{\\top}``, ``^T``, ``^\\intercal``, ``^{\\mathsf{T}}``)?"""
        save = self.pos
        try:
            self.next()
            text, _ = self.group_text()
        except LatexError:
            return False
        finally:
            self.pos = save
        return text.replace(" ", "") in ("\\top", "T", "\\intercal", "\\mathsf{T}", "\\mathsfT")

    def one(self, tok: Tok) -> ex.Node:
        """After ``\\mathbf{1}``: an indicator ``[Z > 0]``, a row sum ``^{\\top} x``, or 1.
        ``\\mathbf{1}\\mathbf{1}^{\\top}`` (the matrix of ones): ``𝟙𝟙ᵀ X`` is X's column sums in
        every row, ``X 𝟙𝟙ᵀ`` its row sums in every column — by broadcasting, ``𝟙ᵀ X`` and ``X 𝟙``."""
        self.skip_sizing()
        t = self.peek()
        if (
            t.kind == "cmd"
            and t.text[1:] in ("mathbf", "mathbb", "boldsymbol", "bm", "mathds", "mathrm")
            and self.peek(1).text == "{"
            and self.peek(2).text == "1"
            and self.peek(3).text == "}"
            and self.peek(4).text == "^"
        ):
            save = self.pos
            for _ in range(5):
                self.next()
            text, _ = self.group_text()
            if text.replace(" ", "") in ("\\top", "T", "\\intercal", "\\mathsf{T}"):
                return self.ones_transposed()
            self.pos = save
        if t.text in ("[", "(", "\\{"):
            self.next()
            cond = self.condition(t)
            self.expect(OPEN[t.text], f"'{OPEN[t.text]}' to close the indicator")
            return cond
        if t.text == "_":
            self.next()
            start = self.peek()
            toks = self.group_tokens()
            if [x.text for x in toks] == ["\\max"]:
                return self.max_indicator(start)
            if not any(x.text in COMPARE_TOKENS for x in toks):  # \mathbf{1}_m: its size
                t = self.peek()
                shape = _ones_shape(toks)
                if shape is not None and t.text != "^":  # \mathbf{1}_{m \times n}
                    return ex.Call(ONES, shape)
            else:
                if len(toks) > 2 and toks[0].text == "\\{" and toks[-1].text == "\\}":
                    toks = toks[1:-1]  # \mathbb{1}_{\{Z > 0\}}: the condition as a set
                sub = self.sub([*toks, Tok("end", "", start.col)])
                cond = sub.condition(start)
                if sub.peek().kind != "end":
                    raise sub.error(sub.peek(), "the end of the indicator's condition")
                return cond
        if t.text == "^":
            self.next()
            start = self.peek()
            text, _ = self.group_text()
            if text.replace(" ", "") not in ("\\top", "T", "\\intercal", "\\mathsf{T}"):
                raise LatexError(
                    f"expected ^{{\\top}} after \\mathbf{{1}} (column {start.col})", start.col
                )
            return self.ones_transposed()  # (Y 𝟙) 𝟙ᵀ − Y: the row sums in every column
        return ex.Name(ONES)

    def zero(self) -> ex.Node:
        r"""After ``\mathbf{0}``: a block of zeros, of the size its subscript writes
        (``\mathbf{0}_{h \times 1}``), else of the size the block matrix around it leaves for it
        (the checker's converter tells it from the other blocks and the gradient's shape)."""
        if self.peek().text == "_":
            save = self.pos
            self.next()
            shape = _ones_shape(self.group_tokens())
            if shape is not None:
                return ex.Call(ZERO, shape)
            self.pos = save
        return ex.Name(ZERO)

    def max_indicator(self, tok: Tok) -> ex.Node:
        """``\\mathbf{1}_{\\max}(X)``, as derive prints ``max_share(X)`` and ``max_mask(X)``: 1 at
        each row's largest entry (the two differ only at ties, which random points do not meet),
        read as ``max_share``, torch's ``amax`` gradient."""
        return self.function("max_share", tok)

    def ends(self) -> bool:
        """Does a product end here (nothing for a 𝟙ᵀ to sum: ``… 𝟙ᵀ − Y``, ``… 𝟙ᵀ)``)?"""
        nxt = self.peek()
        return nxt.kind == "end" or nxt.text in (
            ")", "]", "\\right", "\\}", "+", "-", "=", "\\bigr", "\\Bigr", "\\biggr", "\\Biggr"
        )

    def condition(self, tok: Tok) -> ex.Node:
        left = self.expr(0)
        self.skip_sizing()
        t = self.peek()
        op = RELATIONS.get(t.text[1:] if t.kind == "cmd" else t.text)
        if op is None and t.text == "=":  # heldtex41: 𝟙[a = b] (maxout's tie), the entries equal
            self.next()
            return _equal(left, self.expr(0))
        if op is None:
            raise self.error(t, "a comparison such as > 0 or \\geq 0 in the indicator")
        self.next()
        right = self.expr(0)
        self.skip_sizing()
        t = self.peek()
        op2 = RELATIONS.get(t.text[1:] if t.kind == "cmd" else t.text)
        if op2 is not None:  # lo \le x \le hi: both comparisons (a two-sided clamp's slope)
            self.next()
            last = self.expr(0)
            return ex.BinOp("*", ex.Compare(op, left, right), ex.Compare(op2, right, last))
        return ex.Compare(op, left, right)

    def delta(self, tok: Tok) -> ex.Node:
        t = self.peek()
        if t.kind == "id" or t.kind == "cmd" and t.text[1:] in FONTS | HATS:  # δZ2, \delta \hat{Y}
            save = self.pos
            node = self.suffixes(self.name_only(tok))
            if (
                isinstance(node, ex.Name)
                and self.known("delta")
                and not self.known(node.id)
                and (node.id in FUNCS or node.id in ("sign", "sgn", "clip"))
                and self.peek().text == "("
            ):  # Huber's δ·sign(r) where the network has a constant delta: δ times a function
                self.pos = save
                return ex.Name("delta")
            if isinstance(node, ex.Name) and not self.known("d" + node.id) and self.known(node.id):
                return _mul(ex.Name("delta"), node)  # δ x where x has no gradient: δ times x
            if isinstance(node, ex.Name):
                return ex.Name(self.gkey(node.id))
            if isinstance(node, ex.Transpose):  # Nielsen's δ a^{T}: δ times a transposed
                return _mul(ex.Name("delta"), node)
        if t.text == "_":
            self.next()
            start = self.peek()
            toks = self.group_tokens()
            if all(x.kind == "num" for x in toks):
                return ex.Name(self.gkey(self.layer_z("".join(x.text for x in toks))))
            step = re.fullmatch(r"([a-z])([+-]\d)?", "".join(x.text for x in toks))
            if step and step.group(1) in self.steps:  # \delta_t inside \sum_{t=1}^{2}: δ_1, δ_2
                self.step_used()
                return ex.Name(self.gkey(self.layer_z(str(self.steps[step.group(1)] + int(step.group(2) or 0)))))
            sub = self.sub([*toks, Tok("end", "", start.col)])
            node = sub.suffixes(sub.name_only(start))
            if not isinstance(node, ex.Name) or sub.peek().kind != "end":
                raise LatexError(
                    f"expected a name in \\delta_{{…}} (column {start.col})", start.col
                )
            return ex.Name(self.gkey(node.id))
        if t.text == "^":
            self.next()
            start = self.peek()
            text, _ = self.group_text()
            generic = re.fullmatch(r"([(\[])l([+-]1)?([)\]])", text.replace(" ", ""))
            if generic is not None:  # Qiu's and Nielsen's δ^{(l)}, δ^{[l+1]}
                sup = generic.group(0)
                raise LatexError(
                    GENERIC_LAYER.format(sup=sup, letter=sup[1:-1], col=start.col), start.col
                )
            text = self.per_example(text.replace(" ", ""), start.col)
            flip = re.fullmatch(r"(\[\d+\]|\(\d+\)|\d+)(?:\\top|T|\\intercal|\\mathsf\{T\}|')", text.replace(" ", ""))
            if flip is not None:  # \delta^{[2]\top}: the layer's δ transposed (Nielsen's δ^{1T}: heldtex50)
                k = re.sub(r"\D", "", flip.group(1))
                return ex.Transpose(ex.Name(self.gkey(self.layer_z(k))))
            m = re.fullmatch(r"\[(\d+)\]|\((\d+)\)|(\d+)", text.replace(" ", ""))
            # Nielsen's δ^L; UFLDL's δ^{(n_l)} and δ^{(L)}, the output layer's (heldtex43)
            last = text.strip() == "L" or re.fullmatch(r"\((?:L|n_\{?l\}?)\)", text.replace(" ", "")) is not None
            if last and self.last_layer("Z") is not None:
                return ex.Name(self.gkey(str(self.last_layer("Z"))))
            if last:  # heldtex40: δ^L of a network without layers: the answer's name
                return ex.Name("delta_L")
            tag = re.fullmatch(r"\((out|output|h|hidden)\)(\[[a-z]\])?", text.replace(" ", ""))
            if tag is not None:  # heldtex40: Raschka's δ^{(out)}, δ^{(h)}: names the answer defines
                if tag.group(2):  # δ^{(out)[i]} inside \sum_i: the batch
                    self.per_example(tag.group(2), start.col)
                return ex.Name("delta_" + tag.group(1)[0])
            qiu = re.fullmatch(r"[(\[](\d+),([a-z])[)\]]", text.replace(" ", ""))
            if qiu is not None:  # \boldsymbol{\delta}^{(1,n)}
                layer, example = qiu.groups()
                raise LatexError(
                    QIU_PER_EXAMPLE.format(layer=layer, example=example, col=start.col), start.col
                )
            if m is None and re.search(r"\([a-z]\)", text.replace(" ", "")):
                raise LatexError(PER_EXAMPLE.format(col=start.col), start.col)  # \delta^{[1](i)}
            if m is None and _TRANSPOSE_MARK_HELDCHECK31.fullmatch(text.replace(" ", "")):
                # \boldsymbol{\delta}^\top of a δ the derivation names (δ = …, x δ^⊤): transposed
                return ex.Transpose(ex.Name("delta"))
            if m is None:
                raise LatexError(
                    f"expected a layer such as \\delta^{{[2]}} (column {start.col})", start.col
                )
            return ex.Name(self.gkey(self.layer_z(next(g for g in m.groups() if g))))
        spacing = t.kind == "cmd" and t.text[1:] in SPACING | PRODUCTS | HADAMARD
        closing = t.text in ("/", ")", "]", "+", "-", "\\right", "\\\\")
        if t.text in ("=", ",") or t.kind == "end" or spacing or closing:
            # Nielsen's δ = (a − y) σ'(z), then ∂C/∂w = δ x; X^⊤ δ / m, where δ = P − Y: a name
            return ex.Name("delta")
        if self.known("delta"):  # Huber's constant δ: clip(r, -\delta, \delta), \frac{1}{\delta}
            return ex.Name("delta")
        raise self.error(t, "_{…} or ^{[k]} after \\delta")

    def layer_z(self, k: str) -> str:
        """The pre-activation of layer ``k`` that δ^{k} names: ``Z<k>``, or ``z<k>`` where the
        network writes it in lower case (Nielsen's column-vector networks)."""
        return f"z{k}" if not self.known(f"Z{k}") and self.known(f"z{k}") else f"Z{k}"

    def nabla(self, tok: Tok) -> ex.Node:
        self.expect("_", "_{…} after \\nabla")
        start = self.peek()
        toks = self.group_tokens()
        sub = self.sub([*toks, Tok("end", "", start.col)])
        node = sub.suffixes(sub.name_only(start))
        if not isinstance(node, ex.Name):
            raise LatexError(f"expected a name in \\nabla_{{…}} (column {start.col})", start.col)
        if self.peek().text != "=":  # \nabla_w = …: the left side names no loss (the only one)
            self.loss_name()
        return ex.Name(self.gkey(node.id))

    def sum(self, tok: Tok) -> ex.Node:
        index: tuple[str, ...] = ()
        bounds: list[int] = []
        upper: str | None = None  # \sum_{i=1}^{n_h}: a size named as the last example
        while self.peek().text in ("_", "^"):
            sign = self.next().text
            text, _ = self.group_text()  # \sum_{i=1}^{m}: the batch
            m = re.fullmatch(r"([a-z])(=(\d{1,2}))?", text.replace(" ", ""))
            m = m or self.in_minibatch(text)
            if sign == "^":
                upper = _size_name(text)
            if sign == "_" and m:
                index = (m.group(1),)
                bounds = [int(m.group(3))] if m.group(3) else []
            elif sign == "^" and len(bounds) == 1 and re.fullmatch(r"\d{1,2}", text.strip()):
                bounds.append(int(text))
            elif sign == "^" and len(bounds) == 1 and text.strip() == "T" and not self.known("T"):
                last = self.last_step()  # \sum_{t=1}^{T}: T, the number of time steps
                if last is not None:
                    bounds.append(last)
        if not self.starts_factor() and self.peek().text not in ("-",):
            raise self.error(self.peek(), "what to sum after \\sum")
        if index == ("t",) and not bounds and not self.known("t"):
            bounds = self.all_steps()  # \sum_t over an unrolled network: every time step
        if index and len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 20:
            steps = self.time_steps(index[0], bounds)
            if steps is not None:
                return steps
        if not index and not bounds and self.scalar:
            return ex.Call("sum", (self.term(),))
        if not index and not bounds and self.squares_ahead():
            return ex.Call("sum", (self.term(),))  # Σ w²: a squared norm, all the entries
        if index and not bounds and not self.indices and self.class_index_heldtex43(index[0], upper):
            outer, used = self.examples, self.used_example
            self.examples, self.used_example = outer + index, False
            try:  # Σ_k p_k log p_k over a matrix p whose columns are the K classes: each row's sum
                return ex.Call("sum", (self.term(),), (("axis", ex.Num(Fraction(1))),))
            finally:
                self.examples, self.used_example = outer, used
        outer, used = self.examples, self.used_example
        self.examples, self.used_example = outer + index, False
        try:
            return self.bounded(self.batch_total(self.term(), tok.col), index, upper)
        finally:
            self.examples, self.used_example = outer, used or self.used_example

    def class_index_heldtex43(self, letter: str, upper: str | None) -> bool:
        """Is ``letter``, a sum's index with no bounds but perhaps an upper one, a size of the
        network that counts no examples — ``\\sum_k`` over softmax-regression's k classes,
        ``\\sum_{k}^{K}`` over a K-class head — so that the sum runs along each row? Never the
        batch size, nor the letters the notes give the examples and the steps (i, n, m, t), nor a
        name of the network or the derivation (a tensor k), nor an upper bound that is another size."""
        if letter in "inmt" or self.exact(letter) and letter not in self.classes or letter in self.defined:
            return False
        size = letter if letter in self.classes else letter.upper() if letter.upper() in self.classes else None
        return size is not None and size != self.batch and upper in (None, size)

    def in_minibatch(self, text: str) -> re.Match[str] | None:
        """``\\sum_{i \\in \\mathcal{B}}`` (d2l's sum over the minibatch; ``i \\in B`` where the
        network has no name B): the batch index ``i``, as ``\\sum_{i=1}^{m}`` gives it."""
        m = re.fullmatch(r"([a-z])\\in(\\mathcal\{B\}|\\mathcal B|B)", text.replace(" ", ""))
        if m is None or m.group(2) == "B" and self.exact("B"):
            return None
        return re.fullmatch(r"([a-z])(=(\d{1,2}))?", m.group(1))

    def bounded(self, total: ex.Node, index: tuple[str, ...], upper: str | None) -> ex.Node:
        """A sum over the examples whose upper bound names another size of the network,
        ``\\frac{1}{m}\\sum_{i=1}^{n_h} …`` (a layer width for the batch size): the batch sum
        times n_h / m — equal where the sizes are, a wrong size name where they differ (the
        bound was ignored: a wrong answer accepted at m = n_h)."""
        if not index or upper is None or self.indices or self.batch is None:
            return total
        if upper == self.batch or not self.known(upper):
            return total
        return ex.BinOp("/", _mul(total, ex.Name(upper)), ex.Name(self.batch))

    def squares_ahead(self) -> bool:
        """A bare ``\\sum`` (no index, no bounds) of one squared name, ``\\sum w^{2}`` or
        ``\\sum W^{[1]2}``: the sum of squares of every entry (a squared norm, as derive prints
        ``np.sum(w ** 2)`` and ``np.linalg.norm(w) ** 2``), not a sum over the batch."""
        save = self.pos
        try:
            term = self.sub(self.toks[self.pos :]).postfix()
        except LatexError:
            return False
        finally:
            self.pos = save
        return isinstance(term, ex.Pow) and isinstance(term.base, ex.Name) and term.exponent == 2

    def expectation(self, tok: Tok) -> ex.Node:
        """``\\mathbb{E}_{i}[…]`` (also ``\\mathbb{E}[…]``, ``\\mathbb{E}_{i \\sim D}(…)``): the
        mean over the batch, read as ``\\frac{1}{m}\\sum_{i=1}^{m} …`` with the network's batch
        size ``m``."""
        index: tuple[str, ...] = ()
        if self.peek().text == "_":
            self.next()
            text, _ = self.group_text()
            m = re.match(r"\s*([a-z])(?![A-Za-z])", text)
            index = (m.group(1),) if m else ()
        self.skip_sizing()
        if self.peek().text not in ("[", "("):
            raise self.error(self.peek(), "'[' after \\mathbb{E} (the mean of what)")
        outer, used = self.examples, self.used_example
        self.examples, self.used_example = outer + index, False
        try:
            total = self.batch_total(self.primary())
        finally:
            self.examples, self.used_example = outer, used or self.used_example
        assert self.batch is not None
        return ex.BinOp("/", total, ex.Name(self.batch))

    def batch_total(self, term: ex.Node, col: int = 0) -> ex.Node:
        """The sum over the batch of ``term`` (read with the sum's example letters). A number per
        example times an example's vector with no transpose written, ``Σ_i (h_i − y_i) x_i``, is
        that vector in the gradient's orientation: a row of the batch for a row gradient, its
        column for a column one (CS229's and Ng's x^{(i)})."""
        if self.used_example:  # Σ_i (w^⊤ x^{(i)} + b − y^{(i)}): the batch's X w + b − y
            inner = self.inner_products(term)
            term = inner if self.per_example_scalar(inner) else term
        pair = self.scaled_example_vector(term) if self.used_example else None
        if self.used_example and self.example_cols and not self.indices:
            # examples as columns (column-major course code, X = ["n", "m"]): Σ_i δ^{(i)} x^{(i)⊤}
            # is the product of the batches, Δ X^⊤, which sums over the examples itself, and
            # Σ_i (a^{(i)} − y^{(i)}) x^{(i)} is X (A − Y)^⊤
            if isinstance(term, ex.BinOp) and term.op == PRODUCT and isinstance(term.right, ex.Transpose):
                return term
            if pair is not None:
                return _mul(pair[1], ex.Transpose(pair[0]))
        if pair is not None and not (self.example_rows or self.indices):
            # Σ_i (h^{(i)} − y^{(i)}) x^{(i)} for a column gradient: an example's vector has no
            # orientation of its own; in the notes that write it so (CS229, Ng: vectors are
            # columns) it is the column of example i, and the sum is X^⊤ (h − y)
            return _mul(ex.Transpose(pair[1]), pair[0])
        if self.used_example and not self.example_cols and _outer_product(term):
            # Σ_i x^{(i)⊤} (p^{(i)} − y^{(i)}): a sum of outer products of rows is X^⊤ (P − Y)
            return term
        if (
            self.used_example
            and isinstance(term, ex.BinOp)
            and term.op == PRODUCT
            and isinstance(term.right, ex.Transpose)
            and not _has_transpose(term.left)
            and self.per_example_scalar(term.left)
        ):  # Σ_i (a^{(i)} − y^{(i)}) x^{(i)⊤}: each example's number times its column
            return _mul(term.right, term.left)  # X^⊤ (A − Y)
        if (
            self.used_example
            and not (self.example_rows or self.indices)
            and isinstance(term, ex.BinOp)
            and term.op == PRODUCT
            and isinstance(term.right, ex.Transpose)
            and not _has_transpose(term.left)
            and not _has_transpose(term.right.operand)
            and not self.per_example_scalar(term.left)
        ):  # Σ_i x^{(i)} (p^{(i)} − y^{(i)})^⊤, vectors as columns (CS229): a sum of outer
            return _mul(ex.Transpose(term.left), term.right.operand)  # products, X^⊤ (P − Y)
        if (
            self.used_example
            and not self.indices
            and isinstance(term, ex.Transpose)
            and not _has_transpose(term.operand)
        ):  # Σ_i (p^{(i)} − y^{(i)})^⊤: the transpose says vectors are columns (CS229), so each
            return _batch_sum(term.operand)  # example's transpose is its row: 1^⊤ (P − Y)
        if self.example_cols:  # Σ_i (t_i − p_i) f_i over 1-D inputs (rows): along the columns
            return ex.Call("sum", (term,), (("axis", ex.Num(Fraction(1))),))
        return _batch_sum(term)

    def scaled_example_vector(self, term: ex.Node) -> tuple[ex.Node, ex.Node] | None:
        """``(number, vector)`` when ``term`` is one number per example times (either side) a
        tensor of the network with more than one column, no transpose in the product (``(h_i −
        y_i) x_i``, ``(h^{(i)} − y^{(i)}) x^{(i)}``); else None."""
        if isinstance(term, ex.BinOp) and term.op in ("+", "-"):  # heldtex40: a sum of such
            parts = [self.scaled_example_vector(x) for x in (term.left, term.right)]  # terms, one vector
            if all(parts) and parts[0][1] == parts[1][1]:  # (cases of MH's Σ_i: −2 r y_i x_i, −4 y_i x_i)
                return ex.BinOp(term.op, parts[0][0], parts[1][0]), parts[0][1]
            return None
        if not (isinstance(term, ex.BinOp) and term.op in (PRODUCT, STAR, "*")):
            return None
        for scalar, vector in ((term.left, term.right), (term.right, term.left)) if term.op != "*" else ():
            scalar = self.inner_products(scalar)
            if isinstance(vector, ex.Name) and self.per_example_scalar(scalar):
                width = self.width(vector.id)
                if width is not None and width > 1:
                    return scalar, vector
        # heldtex40: the vector inside a longer product, ((c_n · e^{…}) · φ_n) · 1[…]: the one
        # factor of several columns, every other factor one number per example
        factors = _product_factors(term)
        wide = [f for f in factors if isinstance(f, ex.Name) and (self.width(f.id) or 0) > 1]
        if len(wide) == 1 and not any(_has_transpose(f) for f in factors):
            rest = [f for f in factors if f is not wide[0]]
            scalar = rest[0]
            for f in rest[1:]:
                scalar = ex.BinOp(PRODUCT, scalar, f)
            if rest and self.per_example_scalar(self.inner_products(scalar)):
                return self.inner_products(scalar), wide[0]
        return None

    def per_example_scalar(self, node: ex.Node) -> bool:
        """Is ``node`` one number per example: built of the network's tensors with one column
        (``a^{[2](i)} - y^{(i)}``), numbers, sizes and an example's inner product with a column
        (``X w`` from :meth:`inner_products`), also under an indicator or an element-wise
        function (MIT 6.036's ``\\mathbb{1}[y_i(θ^⊤x_i + θ_0) < 1]\\, y_i x_i``)?"""
        found = False
        for n in _nodes(node):
            if isinstance(n, ex.Compare) or isinstance(n, ex.Call) and _elementwise_heldcheck30(n):
                continue  # its operands are walked too: they must be numbers per example
            if isinstance(n, ex.BinOp) and self.column_product(n):
                found = True  # its names are the product's own
            elif isinstance(n, ex.Name):
                if any(self.column_product(p) and n in (p.left, p.right) for p in _nodes(node)):
                    continue
                if n.id in ("pi", "π"):  # heldtex40: Bishop's 1/\sqrt{2\pi}, a number
                    continue
                width = self.width(n.id)
                if width is None or width != 1:
                    return False
                found = True
            elif not isinstance(n, (ex.BinOp, ex.Neg, ex.Num, ex.Pow)):
                return False  # a power of a number per example is one (Charbonnier's r_i^2)
        return found

    def column_product(self, n: ex.Node) -> bool:
        """Is ``n`` the batch's examples (a tensor of several columns) times a column, ``X w``?"""
        return (
            isinstance(n, ex.BinOp)
            and n.op == PRODUCT
            and isinstance(n.left, ex.Name)
            and isinstance(n.right, ex.Name)
            and (self.width(n.left.id) or 0) > 1
            and self.width(n.right.id) == 1
        )

    def inner_products(self, node: ex.Node) -> ex.Node:
        """``w^⊤ x^{(i)}`` (or ``x^{(i)⊤} w``) inside a per-example sum, with vectors as columns
        (d2l, CS229): the example's inner product with the column w, for the batch ``X w``."""
        if isinstance(node, ex.BinOp):
            a, b = node.left, node.right
            if node.op == PRODUCT and isinstance(a, ex.Transpose) and isinstance(a.operand, ex.Name):
                pair = (a.operand, b) if isinstance(b, ex.Name) else None
                if pair is not None:
                    widths = [self.width(x.id) or 0 for x in pair]
                    if widths[0] == 1 and widths[1] > 1:
                        return ex.BinOp(PRODUCT, pair[1], pair[0])
                    if widths[0] > 1 and widths[1] == 1:
                        return ex.BinOp(PRODUCT, pair[0], pair[1])
            left, right = self.inner_products(a), self.inner_products(b)
            return node if (left, right) == (a, b) else ex.BinOp(node.op, left, right)
        if isinstance(node, ex.Neg):
            inner = self.inner_products(node.operand)
            return node if inner is node.operand else ex.Neg(inner)
        if isinstance(node, ex.Call) and _elementwise_heldcheck30(node):  # heldtex40: tanh(w^⊤x^{(i)} − y^{(i)})
            inner = self.inner_products(node.args[0])
            return node if inner is node.args[0] else ex.Call(node.func, (inner,), node.kwargs, node.tie)
        return node

    def all_steps(self) -> list[int]:
        r"""``\sum_t`` without bounds: steps 1 … the last one of an unrolled network (``[1, 2]``
        for rnn; the terms are written out only where ``t`` is in their subscripts), or []."""
        last = self.last_step()
        return [1, last] if last is not None else []

    def last_step(self) -> int | None:
        """The last time step of an unrolled network (``z_2``, ``h_2``: 2), or None."""
        last = None
        for k in range(1, 21):  # consecutive steps (x_11 is an entry label of x_1, not step 11)
            if not any(self.known(f"{b}_{k}") for b in ("x", "h", "z", "s", "a", "o")):
                break
            last = k
        return last

    def time_steps(self, letter: str, bounds: list[int]) -> ex.Node | None:
        """``\\sum_{t=1}^{2} h_{t-1}^{\\top} \\delta_{z_t}`` (BPTT): the term written out for each
        step, if ``t`` appears in its subscripts; else None (a sum over the batch)."""
        save, outer, used = self.pos, self.steps, self.used_step
        terms: list[ex.Node] = []
        try:
            for value in range(bounds[0], bounds[1] + 1):
                self.pos, self.steps, self.used_step = save, {**outer, letter: value}, False
                terms.append(self.term())
                if not self.used_step:
                    self.pos = save
                    return None
        finally:
            self.steps, self.used_step = outer, used or self.used_step
        out = terms[0]
        for t in terms[1:]:
            out = ex.BinOp("+", out, t)
        return out

    def maximum(self, tok: Tok) -> ex.Node:
        self.expect("(", "'(' after \\max")
        a = self.expr(0)
        self.expect(",", "',' in \\max(0, …)")
        b = self.expr(0)
        self.expect(")", "')' to close \\max(…)")
        z = b if isinstance(a, ex.Num) and a.value == 0 else a if isinstance(b, ex.Num) and b.value == 0 else None
        if z is not None:
            # \max(0, z)' and \max(0, z)^{\prime}: ReLU's derivative, as relu'(z)
            if self.peek().text == "'":
                self.next()
                return derivative_tree(ex.Call("relu", (z,)))
            return ex.Call("relu", (z,))
        leaky = _leaky_max_heldtex44(a, b)
        if leaky is not None:  # \max(z, 0.2z): LeakyReLU with slope 0.2, as np.maximum(0.2 * z, z)
            if self.peek().text == "'":
                self.next()
                return derivative_tree(leaky)
            return leaky
        raise LatexError(f"only \\max(0, x) (ReLU) is supported (column {tok.col})", tok.col)

    def bare_name(self) -> bool:
        """Whether the command just read stands alone (an operator, a closing bracket or the
        end follows), so it names a tensor rather than applying a function."""
        t = self.peek()
        if t.kind in ("id", "num") or t.text in ("(", "[", "{", "'", "^", "_"):
            return False
        return not (t.kind == "cmd" and t.text.startswith(("\\left", "\\big", "\\Big")))

    def tagged_layer(self, node: ex.Node, tag: str) -> ex.Node | None:
        """``w^{(out)}`` / ``w^{(h)}`` (Raschka's layer tags, ``w^{(out)}_{2}``): the network's last
        / first layer of that letter (W2 / W1 where it has W1 and W2; the capital where the
        network names its weights so); None for any other tag or name."""
        if not isinstance(node, ex.Name) or tag not in ("out", "output", "h", "hidden"):
            return None
        for base in dict.fromkeys((node.id, node.id.upper())):
            layers = [k for k in range(1, 10) if self.known(f"{base}{k}")]
            if len(layers) >= 2 and not self.known(base):
                return ex.Name(f"{base}{max(layers) if tag.startswith('o') else min(layers)}")
        return None

    def euler(self) -> bool:
        """Is ``e`` (with a superscript) Euler's number: the network has no tensor e, or the
        name e finds is the loss (Bishop's E: never inside its own gradient's exponent)."""
        return not self.known("e") or self.loss is not None and self.loss.lower() == "e"

    def bare_after_scripts(self) -> bool:
        """Whether the command just read, with its sub- and superscripts (``\\sigma_n^{2}``,
        ``\\sigma^{3}``), stands alone: no argument ``(…)`` follows them (Murphy's σₙ² where the
        network has a tensor sigma). The scripts are left for the name's suffixes."""
        k = 0
        while self.peek(k).text in ("^", "_"):
            k += 1
            if self.peek(k).text != "{":
                k += 1
                continue
            depth = 0
            while True:
                t = self.peek(k)
                if t.kind == "end":
                    return False
                depth += t.text == "{"
                depth -= t.text == "}"
                k += 1
                if depth == 0:
                    break
        if k == 0:
            return False
        t = self.peek(k)
        if t.kind in ("id", "num") and t.text != "" or t.text in ("(", "[", "'"):
            return t.kind in ("id", "num")  # σ_n^2 x_n: a product; σ^{2}(…): a function's power
        if t.kind == "cmd" and t.text.startswith(("\\big", "\\Big")):
            return self.peek(k + 1).text in (")", "]", "\\}")  # σ^{2}\big): a closing bracket
        return not (t.kind == "cmd" and t.text.startswith("\\left"))

    def function(self, func: str, tok: Tok) -> ex.Node:
        out = self._function(func, tok)
        power = self._powers.pop()  # pushed by _function before its argument (nesting-safe)
        return ex.Pow(out, power) if power is not None else out

    def _function(self, func: str, tok: Tok) -> ex.Node:
        prime = False
        layer: int | None = self.act_layer if func == "act" else None  # f_2'(…): its subscript
        self.act_layer = None
        power: Fraction | None = None
        params: tuple[ex.Node, ...] = ()
        if func in ("leaky_relu", "elu") and self.peek().text == "'" and self.peek(1).text == "_":
            self.next()  # ELU'_{1}(z), as the walkthroughs print ELU's derivative: the prime first
            prime = True
        if func in ("leaky_relu", "elu") and self.peek().text == "_":  # LeakyReLU_{1/5}, ELU_{α}
            self.next()
            if self.peek().text == "{":
                self.next()
                slope = self.expr(0)
                self.expect("}", f"'}}' to close the slope of {tok.text}")
            else:
                slope = self.postfix()
            if ex.number_value(slope) is None:
                if func == "leaky_relu":
                    lr = "\\operatorname{LeakyReLU}"
                    raise self.error(tok, f"a number as the slope of {lr}, e.g. {lr}_{{0.2}}")
                elu_tex = "\\operatorname{ELU}"
                raise self.error(tok, f"a number as α of {elu_tex}, e.g. {elu_tex}_{{1}}")
            params = (slope,)
        axis = self._octave_mean_dim_heldcheck30() if func == "mean" else None
        while self.peek().text in ("'", "^"):
            if self.peek().text == "'":
                self.next()
                prime = True
                continue
            save = self.pos
            self.next()
            text, _ = self.group_text()
            bare = re.sub(r"^\[\d+\]|^\(\d+\)", "", text.replace(" ", ""))
            if func == "act" and (lm := re.match(r"\[(\d+)\]", text.replace(" ", ""))):
                layer = int(lm.group(1))  # g^{[2]}: the activation of layer 2 (Ng's notation)
            if bare in ("\\prime", "'") or (func == "act" and bare in ("", "\\prime", "'")):
                prime = prime or bare in ("\\prime", "'")
            elif re.fullmatch(r"\d", bare) and func != "act" and power is None:  # \tanh^2(z)
                power = Fraction(bare)
            else:
                self.pos = save
                break
        self._powers.append(power)
        self.skip_sizing()
        t = self.peek()
        if t.text in ("(", "["):
            self.next()
            arg = self.expr(0)
            self.expect(OPEN[t.text], f"'{OPEN[t.text]}' to close the argument of {tok.text}")
        elif t.text == "{":
            self.next()
            arg = self.expr(0)
            self.expect("}", f"'}}' to close the argument of {tok.text}")
        elif t.kind in ("id", "num", "cmd"):
            arg = self.postfix()
        elif func == "sigmoid" and power == 2 and not prime and self.variance():
            self._powers[-1] = None  # σ² with no argument: the variance (batch norm's var)
            return ex.Name(self.variance())
        else:
            raise self.error(t, f"the argument of {tok.text}, e.g. {tok.text}(Z)")
        if func == "act":  # the layer's activation g (derive.checker.formula resolves it)
            told = (("layer", ex.Num(Fraction(layer))),) if layer is not None else ()
            return ex.Call("act_grad" if prime else "act", (arg,), told)
        if func in ("sech", "cosh", "sinh"):  # sech²(z) = 1 − tanh²(z), written with exp
            neg = ex.Neg(arg) if hasattr(ex, "Neg") else ex.BinOp("*", ex.Num(Fraction(-1)), arg)
            op = "-" if func == "sinh" else "+"
            cosh = ex.BinOp("/", ex.BinOp(op, ex.Call("exp", (arg,)), ex.Call("exp", (neg,))), ex.Num(Fraction(2)))
            out = ex.BinOp("/", ex.Num(Fraction(1)), cosh) if func == "sech" else cosh
            if prime:
                raise LatexError(f"the derivative of {func} is not read (column {tok.col})", tok.col)
            return out
        if func == "logsumexp":  # along each row, a column: the language's reading (spelling._lse)
            if prime or power is not None:
                raise LatexError(f"the derivative or a power of {tok.text} is not read (column {tok.col}); write it out", tok.col)
            rows = ex.BinOp("-", arg, ex.Call("log_softmax", (arg,)))
            return ex.Call("mean", (rows,), (("axis", ex.Num(Fraction(1))),))
        if axis is not None and not prime:  # Octave's mean(E, 1): down the columns, kept
            return ex.Call("mean", (arg,), (("axis", ex.Num(Fraction(axis))),))
        if not prime:
            return ex.Call(func, (arg, *params))
        return derivative_tree(ex.Call(func, (arg, *params)))  # f'(x) from the operation table

    def _octave_mean_dim_heldcheck30(self) -> int | None:
        """After ``\\operatorname{mean}``: a subscript ``_{1}`` or ``_{2}``, Octave's dimension
        as the Octave reading writes ``mean(E, 1)`` where the cell is read here (its primes):
        NumPy's axis 0 or 1 (the reduced dimension kept); None (nothing read) otherwise."""
        if self.peek().text != "_":
            return None
        if self.peek(1).text == "{" and self.peek(2).text in ("1", "2") and self.peek(3).text == "}":
            dim = int(self.peek(2).text)
            for _ in range(4):
                self.next()
            return dim - 1
        return None
