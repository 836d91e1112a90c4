"""The safe expression language shared by spec files and ``derive check``.

Text is parsed with :mod:`ast` and a whitelist into a small immutable tree (:class:`Num`,
:class:`Name`, :class:`BinOp`, :class:`Neg`, :class:`Pow`, :class:`Transpose`, :class:`Call`,
:class:`Compare`, :class:`Index`). Nothing here evaluates user text: no ``eval``, no
``sympify``, no ``parse_expr``. Length, nesting depth and exponents are capped so hostile input is
refused quickly.
"""

from __future__ import annotations

import ast
import keyword
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from derive.errors import BadInput
from derive.lang import ops, spelling, splits
from derive.locale import catalog

MAX_LENGTH = spelling.MAX_TEXT
MAX_DEPTH = 40
MAX_EXPONENT = 16
MAX_NODES = 400
# A formula a student writes out in one line may have as many parts as one written in steps and
# substituted (derive.checker.formula.MAX_EXPANDED): the checker's own written-out forms of a
# batch-norm or a Huber-loss gradient have up to ~500; MAX_LENGTH still bounds the text.
MAX_FORMULA_NODES = 4 * MAX_NODES
_TOKENS = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)

# The language's functions come from the operation table (derive.lang.ops); these tuples are the
# built-in table's, for readers that want a fixed list. The parser and shape inference consult
# the active table, so an op registered there is usable with no change here.
ELEMENTWISE = ops.of_kind(ops.ELEMENTWISE)
ROWWISE = ops.of_kind(ops.ROWWISE)
REDUCTIONS = ops.of_kind(ops.REDUCTION)
LOSSES = ops.of_kind(ops.LOSS)
FUNCTIONS = ops.language()

# positional arity (min, max) and allowed keywords of each call (built-in table)
SIGNATURES: dict[str, tuple[int, int, tuple[str, ...]]] = {
    f: sig for f in FUNCTIONS if (sig := ops.signature(f)) is not None
}

# Identifiers a spec may not use as tensor, size or constant names: Python keywords (an
# expression could not contain them). The language's function names are valid names (d2l's
# batch norm writes ``mean = X.mean(dim=0)``): a call ``mean(X)`` and a name ``mean`` are told
# apart by the syntax, and the code generator renames a name its script needs (``safe_names``). Nothing of the user's text goes through ``sympify``: names become
# plain ``Symbol`` objects, so SymPy's own names (``E``, ``I``, ``N``, ``Q``, ``S``, ``beta``,
# ``gamma``…) are ordinary identifiers here.
# Soft keywords (match, type, _), builtins and the generated scripts' own names (np, torch, F,
# lr) are valid: the code generator renames them in one place (codegen.safe_names).
# Functions the parser rewrites into the table's ops (exactly, as NumPy defines them), so they
# need no row of their own: ``maximum(a, b) = (a + b)/2 + |a − b|/2``, ``minimum(a, b) =
# (a + b)/2 − |a − b|/2`` — at a tie each side gets half the gradient, as torch.maximum/minimum
# give it (abs'(0) = 0) —, except with a 0: ``maximum(x, 0) = relu(x)`` and ``minimum(x, 0) =
# −relu(−x)``, relu's convention (gradient 0 at x = 0); ``square(x) = x ** 2``.
SUGAR: dict[str, int] = {"maximum": 2, "minimum": 2, "square": 1}

RESERVED = frozenset(keyword.kwlist)



def _number_literal(n: ast.expr) -> bool:
    """Is ``n`` a number written as such (``1``, ``0.0``, ``-1``)?"""
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub | ast.UAdd):
        n = n.operand
    return isinstance(n, ast.Constant) and type(n.value) in (int, float)

def _number_form_hn33(n: ast.expr) -> bool:
    """heldnets33: a number written as such or ``+ - * / **`` of such (``-0.5``, ``-1/2``)."""
    if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add | ast.Sub | ast.Mult | ast.Div | ast.Pow):
        return _number_form_hn33(n.left) and _number_form_hn33(n.right)
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub | ast.UAdd):
        return _number_form_hn33(n.operand)
    return _number_literal(n)


def reserved(name: str) -> bool:
    """Whether ``name`` may not be used as an identifier (see :data:`RESERVED`)."""
    return name in RESERVED


def callable_names() -> list[str]:
    """Every function a spec or formula may call (the table's and the parser's rewrites), but
    those only the spelling rewrites write (``assert_nonneg``: an op row marked ``unlisted``)."""
    return sorted({*(n for n in ops.language() if not ops.OPS[n].extra.get("unlisted")), *SUGAR})


class ExprError(BadInput, ValueError):
    """Unreadable or forbidden expression. ``col`` is 1-based (0 when unknown)."""

    def __init__(self, message: str | catalog.Said, col: int = 0) -> None:
        text = message.render("en") if isinstance(message, catalog.Said) else message
        super().__init__(text)
        self.message = text
        self.col = col
        #: the message from the catalogues, to say it in another language (None: English only)
        self.sentence = message if isinstance(message, catalog.Said) else None
        if self.sentence is not None:
            self.said = ("", self.sentence, "")

    @property
    def spoken(self) -> str | catalog.Said:
        """The message as a catalogue sentence where it is one, else its English text."""
        return self.message if self.sentence is None else self.sentence


@dataclass(frozen=True)
class Num:
    value: Fraction


@dataclass(frozen=True)
class Name:
    id: str


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * / @
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class Pow:
    base: Node
    exponent: Fraction


@dataclass(frozen=True)
class Transpose:
    operand: Node


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Node, ...]
    kwargs: tuple[tuple[str, Node], ...] = ()
    # the spelling whose tie convention differs from this call's at its kink: ``maximum`` for
    # the relu that ``maximum(x, 0)`` is read as (torch.maximum gives each side half at a tie,
    # relu'(0) = 0), so given values exactly there are refused (numeric.verify.spelled_ties);
    # not part of the call's identity
    tie: str = field(default="", compare=False)

    def kwarg(self, key: str) -> Node | None:
        return dict(self.kwargs).get(key)


@dataclass(frozen=True)
class Compare:
    """``a > 0`` style comparisons, only for ``derive check`` formulas (``Z1 > 0``)."""

    op: str  # > >= < <=
    left: Node
    right: Node


@dataclass(frozen=True)
class Index:
    """``W1[0, 1]``: an entry by zero-based index (``derive check --wrt``)."""

    name: str
    index: tuple[int, ...]


Node = Num | Name | BinOp | Neg | Pow | Transpose | Call | Compare | Index


_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@"}
_INT_OPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.FloorDiv: lambda a, b: a // b,
}
_CMPOPS = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<="}


def parse(
    text: str,
    *,
    allow_compare: bool = False,
    allow_index: bool = False,
    constants: Mapping[str, Fraction] | None = None,
    shapes: Mapping[str, tuple[int, ...]] | None = None,
    one_d: frozenset[str] = frozenset(),
    picks: dict[str, tuple[str, int]] | None = None,
    max_parts: int = MAX_NODES,
    dialect: str = "",
    scalars: frozenset[str] = frozenset(),
) -> Node:
    """Parse ``text`` into a :data:`Node` tree or raise :class:`ExprError`. ``constants`` (a
    spec's ``[constants]`` and sizes) may be named in an exponent: ``(1 - p) ** gamma`` is
    ``(1 - p) ** 2`` when ``gamma = 2``. With ``shapes`` (a spec's tensors declared so far),
    ``X.shape[0]`` and ``len(X)`` are the size of that axis (its ``[dims]`` name). ``one_d``:
    tensors declared 1-D (rows); ``A @ w`` of one is NumPy's matrix-vector product, a row.
    ``picks``: the class-label vectors read so far (``P[np.arange(N), y]``), each with the name
    and column count of the tensor it picks from; a new one is added (the spec then declares the
    labels one-hot, see :meth:`_Converter.pick`). ``max_parts``: the limit of :func:`parts`
    (the checker's formulas: :data:`MAX_FORMULA_NODES`). ``dialect``: ``"torch"`` or ``"np"`` when
    the whole spec is written with one library (:func:`dialect_of`): ``x.std(0)`` is then that
    library's (n − 1 in PyTorch, n in NumPy). ``scalars``: further names of one number (a
    network's sizes, for the checker), so that ``2 * (p - y) / n`` of a 1-D ``p`` is 1-D."""
    if not isinstance(text, str):
        raise ExprError(catalog.said("spec.expr_string"))
    if len(text) > MAX_LENGTH:
        raise ExprError(catalog.said("spec.expr_long", n=len(text), limit=MAX_LENGTH))
    if not text.strip():
        raise ExprError(catalog.said("spec.expr_empty"))
    if "\n" in text.strip() or ";" in text:
        raise ExprError(catalog.said("spec.expr_one_line"))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as err:
        col, detail = _syntax_place(text.strip(), err)
        raise ExprError(catalog.said("spec.syntax", col=col, detail=detail), col) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExprError(catalog.said("spec.expr_deep")) from None
    count = parts(tree)
    if count > max_parts:
        raise ExprError(catalog.said("spec.expr_parts", n=count, limit=max_parts))
    try:
        tree = _AxisLists().visit(tree)  # x.sum(dim=[1]) is x.sum(dim=1) before any look at it
    except RecursionError:  # deeper than the visitor goes (A1.T.T… 900 times): the tree as
        tree = ast.parse(text.strip(), mode="eval")  # parsed; the converter's depth bound names it
    conv = _Converter(allow_compare, allow_index, constants or {}, shapes)
    conv.one_d = one_d
    conv.scalars = scalars
    conv.picks = picks if picks is not None else {}
    conv.dialect = dialect
    return textbook_functions(conv.convert(tree.body, 0))


def textbook_functions(n: Node) -> Node:
    """``n`` with the activations courses write out read as the functions they are, exactly
    (values and derivatives, PyTorch's at the kinks too), so that a backward step is the
    textbook one (``1 − a²``, ``σ(z)``, the ReLU mask) and not the quotient rule over
    exponentials: ``(exp(z) − exp(−z)) / (exp(z) + exp(−z))`` and ``(1 − exp(−2z)) / (1 +
    exp(−2z))`` are ``tanh(z)``; ``log(1 + exp(z))`` (``np.log1p(np.exp(z))``, the logistic
    loss ``log(1 + exp(−y·z))``) is ``softplus(z)``; ``z * (z > 0)`` is ``relu(z)`` (both give
    0 and slope 0 at 0); ``np.where(z > 0, z, a * z)`` is ``leaky_relu(z, a)`` (slope ``a`` at
    0 in both). The sigmoid and softmax written out are read where their quotient is built."""
    if isinstance(n, BinOp) and n.op == "+" and (leaky := _leaky_where(n)) is not None:
        return rebuild(leaky, textbook_functions)
    n = rebuild(n, textbook_functions)
    if isinstance(n, Call) and n.func == "log" and len(n.args) == 1 and not n.kwargs:
        u = _one_plus_exp(n.args[0])
        return n if u is None else Call("softplus", (u,))
    if isinstance(n, BinOp) and n.op == "/":
        return _explicit_tanh(n) or n
    if isinstance(n, BinOp) and n.op == "*":
        for z, mask in ((n.left, n.right), (n.right, n.left)):
            if _positive_mask(mask, z):
                return Call("relu", (z,))
    return n


def _one_plus_exp(n: Node) -> Node | None:
    """``u`` where ``n`` is ``1 + exp(u)`` or ``exp(u) + 1``."""
    if not (isinstance(n, BinOp) and n.op == "+"):
        return None
    for one, e in ((n.left, n.right), (n.right, n.left)):
        if isinstance(one, Num) and one.value == 1 and _exp_arg(e) is not None:
            return _exp_arg(e)
    return None


def _exp_arg(n: Node) -> Node | None:
    if isinstance(n, Call) and n.func == "exp" and len(n.args) == 1 and not n.kwargs:
        return n.args[0]
    return None


def _explicit_tanh(n: BinOp) -> Node | None:
    """``tanh(z)`` where ``n`` is ``(exp(z) − exp(−z)) / (exp(z) + exp(−z))`` or ``(1 −
    exp(−2z)) / (1 + exp(−2z))``; else None."""
    top, bottom = n.left, n.right
    if not (isinstance(top, BinOp) and top.op == "-" and isinstance(bottom, BinOp)):
        return None
    if bottom.op != "+":
        return None
    a, b = _exp_arg(top.left), _exp_arg(top.right)
    if a is not None and b is not None and _negated(b) == a:
        if {bottom.left, bottom.right} == {top.left, top.right}:
            return Call("tanh", (a,))
    w = _exp_arg(top.right)
    if isinstance(top.left, Num) and top.left.value == 1 and w is not None:
        if _one_plus_exp(bottom) == w:
            z = _minus_twice(w)
            if z is not None:
                return Call("tanh", (z,))
    return None


def _minus_twice(w: Node) -> Node | None:
    """``z`` where ``w`` is ``−2z`` (``-2 * z``, ``-(2 * z)``, ``z * -2``); else None."""
    twice, sign = (w.operand, -1) if isinstance(w, Neg) else (w, 1)
    if not (isinstance(twice, BinOp) and twice.op == "*"):
        return None
    for k, z in ((twice.left, twice.right), (twice.right, twice.left)):
        if isinstance(k, Num) and k.value == -2 * sign:
            return z
    return None


def _positive_mask(mask: Node, z: Node) -> bool:
    """Is ``mask`` the indicator ``z > 0`` (``(z > 0)``, read ``relu_grad(z)`` in a spec, also
    times 1 as a spec reads the cast of a comparison)?"""
    while isinstance(mask, BinOp) and mask.op == "*" and Num(Fraction(1)) in (mask.left, mask.right):
        mask = mask.right if mask.left == Num(Fraction(1)) else mask.left
    if isinstance(mask, Call) and mask.func == "relu_grad" and mask.args == (z,):
        return True
    return mask == Compare(">", z, Num(Fraction(0)))


def _leaky_where(n: BinOp) -> Node | None:
    """``leaky_relu(z, a)`` where ``n`` is ``1[z > 0]·z + (1 − 1[z > 0])·(a·z)`` (NumPy's
    ``np.where(z > 0, z, a * z)`` as read) with a number ``a``; else None."""
    first, second = n.left, n.right
    if not (isinstance(first, BinOp) and first.op == "*" and isinstance(second, BinOp)):
        return None
    if second.op != "*":
        return None
    for mask, z in ((first.left, first.right), (first.right, first.left)):
        if not _positive_mask(mask, z):
            continue
        for rest, scaled in ((second.left, second.right), (second.right, second.left)):
            if rest != BinOp("-", Num(Fraction(1)), mask):
                continue
            if isinstance(scaled, BinOp) and scaled.op == "*":
                for k, v in ((scaled.left, scaled.right), (scaled.right, scaled.left)):
                    if isinstance(k, Num) and v == z and 0 < k.value < 1:
                        return Call("leaky_relu", (z, k))
    return None


def _leaky_max(a: Node, b: Node) -> Node | None:
    """``leaky_relu(z, k)`` where ``maximum(a, b)`` is ``maximum(k·z, z)`` (either order, ``z·k``
    too) with a number 0 < k < 1 — CS231n's and Ng's ``np.maximum(0.01 * z, z)`` — else None.
    At z = 0 torch.maximum splits the gradient between its sides (``tie``: given values exactly
    there are refused, numeric.verify.spelled_ties); elsewhere the two are the same function."""
    for scaled, z in ((a, b), (b, a)):
        if isinstance(scaled, BinOp) and scaled.op == "*":
            for k, v in ((scaled.left, scaled.right), (scaled.right, scaled.left)):
                if isinstance(k, Num) and v == z and 0 < k.value < 1:
                    return Call("leaky_relu", (z, k), tie="maximum_leaky")
    return None


_TORCH_TEXT = re.compile(r"\b(torch|F|nn)\.")
_NUMPY_TEXT = re.compile(r"\b(np|numpy|jnp|tf)\.")  # not K.: attention's keys K.T


def dialect_of(texts: Iterable[str]) -> str:
    """``"torch"`` when the lines name PyTorch (``torch.``, ``F.``, ``nn.``) and no other array
    library, ``"np"`` when they name NumPy (or JAX's ``jnp.``, ``tf.``: population statistics
    too) and not PyTorch, else ``""`` (unknown or mixed)."""
    texts = list(texts)
    torch = any(_TORCH_TEXT.search(t) for t in texts)
    numpy = any(_NUMPY_TEXT.search(t) for t in texts)
    return "torch" if torch and not numpy else "np" if numpy and not torch else ""


def parts(tree: ast.AST) -> int:
    """The parts of a parsed expression a reader sees: names, numbers, operations and calls,
    not Python's tokens for the context and the operator (``a + b`` has 3, not 7)."""
    return sum(1 for n in ast.walk(tree) if not isinstance(n, _TOKENS))


def split_count(
    text: str, shapes: Mapping[str, tuple[int, ...]], one_d: frozenset[str] = frozenset()
) -> int | None:
    """How many parts the split ``text`` gives (``np.split(a, 4, axis=1)``: 4), for a [forward]
    key that unpacks them; ``None`` when ``text`` is not a split; :class:`ExprError` when it is
    one that cannot be read."""
    tree = spelling.parsed_body(text)
    if tree is None:
        return None
    conv = _Converter(False, False, {}, shapes)
    conv.one_d = one_d
    how = conv.split_of(tree)
    if not how:
        return None
    assert isinstance(tree, ast.Call)
    return len(conv.split_parts(tree, how).bounds)


# element-wise functions (of a 1-D vector, a 1-D vector), besides the table's element-wise ops
_ELEMENTWISE = frozenset(
    {
        "clip", "clamp", "clamp_min", "clamp_max", "maximum", "minimum", "square", "log1p",
        "expm1", "expit", "silu", "swish", "mish", "elu", "selu", "celu", "gelu", "power", "pow",
        "negative", "neg", "reciprocal", "rsqrt", "cosh", "sinh", "logsigmoid", "log_sigmoid",
        "softsign", "relu6", "hardtanh", "hardsigmoid", "hardswish", "nan_to_num", "add",
        "subtract", "sub", "multiply", "mul", "divide", "true_divide", "div", "where", "arctan2",
    }
)  # fmt: skip


_ATLEAST_2D_MODULES = ("np", "numpy", "torch", "jnp")
# heldnets41: contractions of one axis of each side, 1-D when one side is (spelling's _tensordot)
_CONTRACTIONS_HN41 = frozenset({"tensordot", "inner"})


def one_dimensional(
    node: ast.AST,
    one_d: frozenset[str],
    scalars: frozenset[str],
    shapes: Mapping[str, tuple[int, ...]] | None = None,
    line: bool = False,
    spelled: bool = True,
    want: str = "1-D",
) -> bool:
    """Whether the Python expression ``node`` is a 1-D NumPy vector by its form: a tensor
    declared 1-D (or an earlier [forward] line that is one), an element-wise function or
    ``+ - * / **`` of 1-D vectors and numbers, a matrix-vector product ``A @ v``/``v @ A``
    (``np.dot``, ``matmul``), or a NumPy/PyTorch reduction of a matrix along one axis without
    keepdims (``np.sum(x, axis=1)``, ``x.mean(0)``, ``x.max(1).values``), or a reshape to 1-D
    (``x.flatten()``, ``x.view(-1)``, ``x.squeeze(1)`` of a column named in ``shapes``; with
    ``line``, a whole [forward] line whose row result says so, the squeeze of any expression). Two such vectors under ``@``/``np.dot`` are NumPy's inner product,
    one number; the language keeps a 1-D vector as a row [1, k]."""

    def scalar(n: ast.AST) -> bool:
        if isinstance(n, ast.Constant):
            return type(n.value) in (int, float)
        if isinstance(n, ast.Name):
            return n.id in scalars
        if isinstance(n, ast.UnaryOp):
            return scalar(n.operand)
        if isinstance(n, ast.BinOp):
            return scalar(n.left) and scalar(n.right)
        return want == "0-D" and _zero_d_hn27(n, vec, scalar, shapes)

    def number(n: ast.AST) -> bool:  # heldnets27: one number by its form too (a stack's part)
        if isinstance(n, ast.BinOp) and not isinstance(n.op, ast.MatMult):
            return number(n.left) and number(n.right)  # heldnets31: v[0] * v[1], v[3] ** 2
        if isinstance(n, ast.UnaryOp):
            return number(n.operand)
        return scalar(n) or _zero_d_hn27(n, vec, number, shapes)

    def product(a: ast.AST, b: ast.AST) -> bool:
        return vec(a) != vec(b) and not scalar(a) and not scalar(b)

    def vec(n: ast.AST) -> bool:
        if isinstance(n, ast.Name):
            return n.id in one_d
        if isinstance(n, ast.Subscript) and (looked := embedding_lookup(n)) is not None:
            return looked[0] in one_d  # b[y] of a 1-D table: NumPy's 1-D gather
        if isinstance(n, ast.Attribute) and n.attr == "T":
            return vec(n.value)  # the transpose of a 1-D array is itself
        if isinstance(n, ast.Attribute) and n.attr == "values" and _reduces_to_values(n.value):
            return vec(n.value)  # x.max(1).values: the maxima, 1-D
        if isinstance(n, ast.Subscript) and _values_of_max(n):
            return vec(n.value)  # x.max(1)[0]: the values of (values, indices), as .values
        if isinstance(n, ast.Subscript) and (part := spelling.moment_part_s26(n)):
            return vec(part)  # torch.var_mean(x, 1)[0]: the variances, 1-D
        if isinstance(n, ast.Subscript) and _label_pick(n):
            return spelled  # P[np.arange(N), y]: one entry per row, 1-D in NumPy
        if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Slice):
            return vec(n.value)  # heldnets27: v[1:], v[:-1] of a 1-D vector stay 1-D
        if isinstance(n, ast.Subscript) and _drops_one_axis(n):
            # x[0], x[:, 1] of a matrix by name: a row or a column, 1-D in NumPy and PyTorch
            if isinstance(n.value, ast.Name):
                return spelled and n.value.id not in one_d
            # heldnets27: (s @ w)[:, 0] of an expression: two indices, so the expression is a
            # matrix and one whole-number index leaves a 1-D vector (NumPy's, PyTorch's)
            two = isinstance(n.slice, ast.Tuple) and len(n.slice.elts) == 2
            # round 28: (x @ W)[0] of arithmetic on arrays (no tuple, no .shape): a row of a
            # matrix too, 1-D (softmax(z)[1] then picks an entry of that vector)
            arith = _arithmetic_s28(n.value) and not scalar(n.value)
            return spelled and (two or arith) and not vec(n.value)
        if isinstance(n, ast.Compare) and len(n.comparators) == 1:
            sides = (n.left, n.comparators[0])  # the condition of np.where(v > 0, …)
            return any(vec(k) for k in sides) and all(vec(k) or scalar(k) for k in sides)
        if isinstance(n, ast.UnaryOp):
            return vec(n.operand)
        if isinstance(n, ast.BinOp):
            if isinstance(n.op, ast.MatMult):
                return product(n.left, n.right)
            sides = (n.left, n.right)
            # round 28: beside one number by its form too (np.exp(s) / np.sum(np.exp(s)))
            return any(vec(k) for k in sides) and all(vec(k) or number(k) for k in sides)
        if isinstance(n, ast.Call):
            f = n.func
            named = _name_and_args(n)
            if named is None:
                return False
            name, args = named
            if name in ("dot", "matmul", "mm", "mv", "matvec") and len(args) == 2:
                return product(args[0], args[1])
            if name in _CONTRACTIONS_HN41 and len(args) in (2, 3) and isinstance(f, ast.Attribute):
                # heldnets41: torch.tensordot(X, w, dims=([1], [0])) — one axis of each, as
                # spelling._tensordot reads it — and np.inner(X, w) of a matrix and a 1-D
                # vector are the matrix-vector product, 1-D (DCN's cross layer)
                return product(args[0], args[1])
            if name == "einsum" and args and isinstance(args[0], ast.Constant):
                return spelling.einsum_one_d(args[0].value)
            if name == "stack" and args and isinstance(args[0], ast.List | ast.Tuple):
                return all(number(p) for p in args[0].elts)  # a stack of numbers (heldnets27)
            if name == "cumsum" and args:
                return vec(args[0])  # along a 1-D vector's only axis: 1-D
            if name in ("normalize", "l2_normalize") and args:
                return vec(args[0])  # heldnets45: F.normalize(v, dim=0) of a 1-D v is 1-D
            if name == "arange" and isinstance(f, ast.Attribute) and _module_of(f.value):
                return True  # heldnets32: np.arange(k), torch.arange(1, 4): 1-D
            if name in _JOINS_1D_HN30 and isinstance(f, ast.Attribute) and _module_of(f.value):
                return _joined_1d_parts_hn30(n, vec) is not None  # heldnets30
            if name == "pdist" and args and spelled:
                return True  # F.pdist: the n(n − 1)/2 distances, 1-D
            if name in ("diag", "diagonal") and len(args) == 1 and isinstance(args[0], ast.Name):
                return args[0].id not in one_d  # the diagonal of a named matrix: 1-D
            if not spelled:
                pass  # the reading before reductions and reshapes were 1-D (Spec.one_d_spelled)
            elif isinstance(f, ast.Attribute) and _reduction_axis(n) is not None:
                # np.sum(x, axis=1), x.mean(0), x.max(-1) of a matrix without keepdims: NumPy's
                # and PyTorch's 1-D result (of a 1-D x, its only axis: one number)
                return bool(args) and not vec(args[0]) and not scalar(args[0])
            elif name in _RESHAPES and name != "unsqueeze" and args:
                return _reshaped_one_d(name, args, one_d, shapes, line)
            elif _rowwise_values(name, n) and args:
                return not vec(args[0]) and not scalar(args[0])
            kw = {k.arg: k.value for k in n.keywords}
            none = isinstance(kw.get("reduction"), ast.Constant) and kw["reduction"].value == "none"
            if spelled and none and args:  # per-entry losses (F.mse_loss, F.binary_cross_entropy…)
                return any(vec(k) for k in args) and all(vec(k) or scalar(k) for k in args)
            if name == "where" and len(args) == 3:  # np.where broadcasts its three arguments
                return any(vec(k) for k in args) and all(vec(k) or scalar(k) for k in args)
            # element-wise, and softmax/log_softmax of a 1-D vector (over its only axis)
            kinds = (ops.ELEMENTWISE, ops.ROWWISE, ops.BINARY)  # binary: atan2 of 1-D vectors
            table = name in ops.OPS and ops.get(name).kind in kinds
            if (table or name in _ELEMENTWISE) and args:
                return any(vec(k) for k in args) and all(vec(k) or scalar(k) for k in args)
        return False

    return scalar(node) if want == "0-D" else vec(node)


# heldnets27: what makes one number of a vector or a matrix — a reduction of everything or of a
# 1-D vector's only axis, an entry picked by whole numbers — and the element-wise functions
_ZERO_D_REDUCTIONS_HN27 = frozenset(
    {"sum", "mean", "prod", "max", "min", "amax", "amin", "logsumexp", "norm", "dot", "inner",
     "vdot", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_logsumexp"}
)


def _zero_d_hn27(n: ast.AST, vec: Callable, scalar: Callable, shapes) -> bool:
    """``n`` is one number by its form (NumPy's 0-D result): ``C[0, 1]`` of a matrix by name,
    ``v[2]`` of a 1-D vector, ``x.sum()``/``torch.mean(x)`` of everything, a reduction of a 1-D
    vector along its only axis (``torch.logsumexp(v, dim=0)``), ``torch.dot(a, b)`` of two 1-D
    vectors, an element-wise function of numbers. ``vec``/``scalar``: the caller's readings."""
    if isinstance(n, ast.Subscript):
        parts = list(n.slice.elts) if isinstance(n.slice, ast.Tuple) else [n.slice]
        if any(_int_index(p) is None for p in parts):
            return False
        if len(parts) == 1:
            return vec(n.value)
        v = n.value
        shape = (shapes or {}).get(v.id) if isinstance(v, ast.Name) else None
        return len(parts) == 2 and shape is not None and len(shape) == 2
    if not isinstance(n, ast.Call):
        return False
    named = _name_and_args(n)
    if named is None:
        return False
    name, args = named
    if not args:
        return False
    axes = [k for k in n.keywords if k.arg in ("axis", "dim")]
    if any(k.arg in ("keepdim", "keepdims") for k in n.keywords) or len(n.keywords) > len(axes):
        return False
    if name in ("dot", "inner", "vdot"):
        return len(args) == 2 and all(vec(a) for a in args)
    if name in ("float", "item") and len(args) == 1 and not n.keywords:
        return True  # heldnets30: float(b), b.item() are Python numbers (or an error) in NumPy/torch
    if name in _ZERO_D_REDUCTIONS_HN27:
        rest = [*args[1:], *(k.value for k in axes)]
        if not rest:
            return name not in ("dot", "logsumexp")  # logsumexp needs its dim
        if len(rest) == 1 and _int_index(rest[0]) in (0, -1):
            return vec(args[0])
        return False
    table = name in ops.OPS and ops.get(name).kind in (ops.ELEMENTWISE, ops.BINARY)
    return (table or name in _ELEMENTWISE) and not axes and all(scalar(a) for a in args)


def _one_by_one_hn31(n: Node) -> Node:
    """heldnets31: a stack's part that is the sum (or mean) of every entry — CS231n's window
    ``np.sum(X[i:i+2, j:j+2] * w)`` — as its [1, 1] matrix, ``sum(sum(x, axis=1), axis=0)``
    (the same number; concat joins matrices, not scalars). Other parts unchanged."""
    if isinstance(n, Call) and n.func in ("sum", "mean") and len(n.args) == 1 and not n.kwargs:
        inner = Call(n.func, n.args, (("axis", Num(Fraction(1))),))
        return Call(n.func, (inner,), (("axis", Num(Fraction(0))),))
    if isinstance(n, Neg):  # -x.sum(), x.sum() / 2: one side [1, 1] broadcasts the result
        return Neg(_one_by_one_hn31(n.operand))
    if isinstance(n, BinOp) and n.op != "@":
        left = _one_by_one_hn31(n.left)
        if left != n.left:
            return BinOp(n.op, left, n.right)
        return BinOp(n.op, n.left, _one_by_one_hn31(n.right))
    if isinstance(n, Pow):
        return Pow(_one_by_one_hn31(n.base), n.exponent)
    return n


# heldnets31: comparisons spelled as functions (tf.equal, torch.eq, np.not_equal …): refused as
# a comparison inside arithmetic is (no gradient; the accuracy is not a loss)
_COMPARISONS_HN31 = frozenset(
    {"equal", "not_equal", "eq", "ne", "greater", "less", "greater_equal", "less_equal", "gt",
     "lt", "ge", "le"}
)


# heldnets30: joins whose parts, all 1-D, are joined along their only axis (axis 0 or -1, NumPy's
# and PyTorch's default 0): the result is 1-D (vstack/hstack keep their own readings)
_JOINS_1D_HN30 = frozenset({"cat", "concat", "concatenate"})


def _joined_1d_parts_hn30(node: ast.Call, vec: Callable) -> list[ast.expr] | None:
    """The parts of ``torch.cat([a, b])``, ``np.concatenate((a, b), axis=0)``, ``tf.concat([a,
    b], -1)`` when every part is a 1-D vector by ``vec`` and the axis is 0 or -1 (the only axis
    of a 1-D vector; the default of all but Keras' backend); else ``None``."""
    f = node.func
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "K":
        return None
    first = node.args[0] if node.args else None
    if not isinstance(first, ast.List | ast.Tuple) or len(first.elts) < 2:
        return None
    kws = {k.arg: k.value for k in node.keywords}
    if set(kws) - {"axis", "dim"} or len(node.args) + len(kws) > 2:
        return None
    given = node.args[1] if len(node.args) == 2 else kws.get("axis", kws.get("dim"))
    if given is not None and _int_index(given) not in (0, -1):
        return None
    parts = list(first.elts)
    if any(isinstance(p, ast.Starred) or not vec(p) for p in parts):
        return None
    return parts


def _reshaped_one_d(
    name: str,
    args: list[ast.AST],
    one_d: frozenset[str],
    shapes: Mapping[str, tuple[int, ...]] | None,
    line: bool,
) -> bool:
    """NumPy's/PyTorch's result of ``name`` (squeeze, flatten, ravel, view, reshape) of
    ``args[0]`` is 1-D: always for flatten/ravel, for ``view(-1)``/``reshape(-1)``, and for a
    squeeze that drops the one axis of length 1 of a column or a row."""
    x, rest = args[0], args[1:]
    if name in ("flatten", "ravel"):
        return True
    if name in ("view", "reshape"):
        size = rest[0].elts if len(rest) == 1 and isinstance(rest[0], ast.Tuple) else rest
        return len(size) == 1 and _int_index(size[0]) == -1
    if not isinstance(x, ast.Name) and name == "squeeze" and rest:
        # round 45: (h @ v).squeeze(1) inside a line — a column or a row by the declared shapes
        # with the axis of length 1 dropped: 1-D, as a whole line's squeeze is
        known = _ast_shape(x, shapes or {})
        axes = [_int_index(a) for a in rest]
        if known is not None and known != (1, 1) and len(axes) == 1:
            return axes[0] in (0, -2) and known[0] == 1 or axes[0] in (1, -1) and known[1] == 1
    if not isinstance(x, ast.Name) or x.id not in (shapes or {}):
        return line  # squeeze of an expression: the line's row result decides
    if x.id in one_d:
        return True
    shape = tuple(int(k) for k in (shapes or {})[x.id])
    if len(shape) != 2 or shape == (1, 1):
        return False
    axes = [_int_index(a) for a in rest]
    if not axes:
        return 1 in shape
    return axes in ([0], [-2]) and shape[0] == 1 or axes in ([1], [-1]) and shape[1] == 1


def is_zero_dimensional(
    text: str,
    one_d: frozenset[str],
    scalars: frozenset[str],
    shapes: Mapping[str, tuple[int, ...]] | None = None,
) -> bool:
    """heldnets27: a whole [forward] line is one number by its form (NumPy's 0-D result; see
    :func:`_zero_d_hn27`), so a stack of such lines is a 1-D vector."""
    node = ast.parse(text.strip(), mode="eval").body
    return one_dimensional(node, one_d, scalars, shapes, line=True, want="0-D")


def is_one_dimensional(
    text: str,
    one_d: frozenset[str],
    scalars: frozenset[str],
    shapes: Mapping[str, tuple[int, ...]] | None = None,
    spelled: bool = True,
) -> bool:
    """:func:`one_dimensional` of a whole [forward] line already parsed (so valid Python)."""
    node = ast.parse(text.strip(), mode="eval").body
    return one_dimensional(node, one_d, scalars, shapes, line=True, spelled=spelled)


def _kind(node: ast.AST) -> str | catalog.Said:
    """The Python syntax ``node`` is, for a refusal: its AST name (``'Subscript'``), said in
    words where the catalogue has them (Chinese: ``x[…] 下标取值``)."""
    kind = type(node).__name__
    try:
        catalog.lookup(f"spec.kind_{kind}", "en")
    except KeyError:
        return kind
    return catalog.said(f"spec.kind_{kind}")


class _Converter:
    def __init__(
        self,
        allow_compare: bool,
        allow_index: bool,
        constants: Mapping[str, Fraction],
        shapes: Mapping[str, tuple[int, ...]] | None = None,
    ) -> None:
        self.allow_compare = allow_compare
        self.allow_index = allow_index
        self.one_d: frozenset[str] = frozenset()
        self.scalars: frozenset[str] = frozenset()
        self.picks: dict[str, tuple[str, int]] = {}
        self.constants = constants
        self.shapes = shapes
        # reductions read as the column keepdims gives (under a new axis, or already wrapped)
        self.columns: set[int] = set()
        self.dialect = ""  # the spec's one array library (see dialect_of), "" when unknown

    def vector(self, node: ast.AST) -> bool:
        """``node`` is a 1-D NumPy vector (see :func:`one_dimensional`)."""
        scalars = set(self.constants) | {k for k, v in (self.shapes or {}).items() if not v}
        scalars |= self.scalars
        return one_dimensional(node, self.one_d, frozenset(scalars), self.shapes)

    def zero_d_form(self, node: ast.AST) -> bool:
        """heldnets27: ``node`` is one number by its form (see :func:`_zero_d_hn27`)."""
        if isinstance(node, ast.Starred):
            return False
        scalars = set(self.constants) | {k for k, v in (self.shapes or {}).items() if not v}
        scalars |= self.scalars
        return one_dimensional(node, self.one_d, frozenset(scalars), self.shapes, want="0-D")

    def cov_hn26(self, node: ast.Call) -> ast.expr:
        """``torch.cov(X)`` / ``X.cov()`` / ``np.cov(m, y, rowvar, bias, ddof)`` (each row a
        variable, its N columns the observations; NumPy's ``rowvar=False`` the columns, its
        ``y`` more rows): the covariance matrix ``Xc @ Xc.T / (N − c)`` with ``Xc`` the rows
        centred, ``c`` PyTorch's ``correction`` (1) or NumPy's ``ddof`` (1, 0 with
        ``bias=True``) — as the libraries compute it. Refused (en/zh): weights, a size the
        shapes do not give, ``c`` not a whole number below N."""
        f = node.func
        assert isinstance(f, ast.Attribute)
        method = not _module_of(f.value)
        torch_form = method or _module_of(f.value) == "torch"
        names = ("correction", "fweights", "aweights") if torch_form else (
            "y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype"
        )
        args = [f.value, *node.args] if method else list(node.args)
        kws = {k.arg: k.value for k in node.keywords}
        if not args or any(k is None for k in kws) or len(args) > (1 if torch_form else 5):
            raise self.fail(node, catalog.said("spec.heldnets26.cov"))
        bound: dict[str, ast.expr] = dict(zip(("x", *names), args, strict=False))
        for k, v in kws.items():
            if k not in names or k in bound:
                raise self.fail(node, catalog.said("spec.heldnets26.cov"))
            bound[k] = v

        def given(k: str) -> ast.expr | None:
            v = bound.get(k)
            return None if v is None or isinstance(v, ast.Constant) and v.value is None else v

        if given("fweights") is not None or given("aweights") is not None:
            raise self.fail(node, catalog.said("spec.heldnets26.cov_weights"))

        def whole(v: ast.expr | None, default: int) -> int | None:
            if v is None:
                return default
            if isinstance(v, ast.Constant) and type(v.value) in (int, bool):
                return int(v.value)
            if isinstance(v, ast.Constant) and isinstance(v.value, float) and v.value.is_integer():
                return int(v.value)
            return None

        if torch_form:
            c = whole(given("correction"), 1)
        else:
            bias = whole(given("bias"), 0)
            c = whole(given("ddof"), 1 if not bias else 0) if bias is not None else None
        rowvar = whole(given("rowvar"), 1)
        if c is None or rowvar is None:
            raise self.fail(node, catalog.said("spec.heldnets26.cov"))
        parts = [bound["x"]] + ([y] if (y := given("y")) is not None else [])
        rows_of = []
        for part in parts:
            vec = self.vector(part)  # a 1-D vector is one variable (NumPy keeps it a row)
            rows_of.append(part if vec or rowvar else ast.Attribute(part, "T", ast.Load()))
        sizes = [_ast_shape(r, self.shapes or {}) for r in rows_of]
        if any(z is None for z in sizes) or len({z[1] for z in sizes if z}) != 1:
            raise self.fail(node, catalog.said("spec.heldnets26.cov_size"))
        n = sizes[0][1]  # type: ignore[index]
        if not 0 <= c < n:
            raise self.fail(node, catalog.said("spec.heldnets26.cov_ddof", c=str(c), n=str(n)))
        rows = rows_of[0] if len(rows_of) == 1 else ast.Call(
            ast.Name("concat", ast.Load()), rows_of, [ast.keyword("axis", ast.Constant(0))]
        )
        mean = ast.Call(ast.Name("mean", ast.Load()), [rows], [ast.keyword("axis", ast.Constant(1))])
        centred = ast.BinOp(rows, ast.Sub(), mean)
        gram = ast.BinOp(centred, ast.MatMult(), ast.Attribute(centred, "T", ast.Load()))
        return ast.copy_location(ast.BinOp(gram, ast.Div(), ast.Constant(n - c)), node)

    def stack_of_1d_hn26(self, node: ast.Call, depth: int) -> Node | None:
        """``torch.stack([a, b, …], dim)`` / ``np.stack(…, axis)`` / ``tf.stack(…, axis)`` of
        parts that are 1-D vectors (named lines such as a ``F.cosine_similarity(…, dim=1)`` per
        pair, 1-D inputs, row reductions): the 2-D matrix whose rows (axis 0, the default) or
        columns (axis 1, -1) are the parts — the language's ``concat`` of the parts as rows, or
        of their transposes as columns. ``None`` when a part is not known to be 1-D (the
        spelling's reading or refusal then)."""
        first = node.args[0] if node.args else None
        kws = {k.arg: k.value for k in node.keywords}
        if not isinstance(first, ast.List | ast.Tuple) or not 2 <= len(first.elts) <= MAX_BLOCKS:
            return None
        if len(node.args) > 2 or set(kws) - {"axis", "dim"} or len(node.args) + len(kws) > 2:
            return None
        given = node.args[1] if len(node.args) == 2 else kws.get("axis", kws.get("dim"))
        if all(self.zero_d_form(p) for p in first.elts):
            # heldnets27: a stack of numbers (soft-DTW's softmin of three cells, GAE's
            # advantages) is the 1-D vector of them, a row here; its only axis is 0 (-1)
            if given is not None and _int_index(given) not in (0, -1):
                return None
            parts = [_one_by_one_hn31(self.convert(p, depth + 1)) for p in first.elts]
            return Call("concat", tuple(parts), (("axis", Num(Fraction(1))),))
        if len(first.elts) > 8:  # (numbers, above, up to MAX_BLOCKS: heldnets30's 3 × 3 windows)
            return None
        if any(isinstance(p, ast.Starred) or not self.vector(p) for p in first.elts):
            return None
        axis = 0 if given is None else _int_index(given)
        if axis not in (0, 1, -1, -2):
            return None
        axis %= 2
        parts = [self.convert(p, depth + 1) for p in first.elts]
        if axis == 1:
            parts = [Transpose(p) for p in parts]
        return Call("concat", tuple(parts), (("axis", Num(Fraction(axis))),))

    def column_stack_s27(self, node: ast.Call) -> ast.Call:
        """NumPy's ``np.column_stack(tup)`` (``jnp.column_stack``): 1-D parts become the
        columns — ``np.stack(tup, axis=1)`` when every part is 1-D — and 2-D parts are joined as
        they are, ``np.hstack(tup)``, when none is; a mix (or another form) is refused naming
        the two forms read."""
        f = node.func
        first = node.args[0] if len(node.args) == 1 and not node.keywords else None
        if isinstance(first, ast.List | ast.Tuple) and len(first.elts) >= 2:
            vectors = [self.vector(p) for p in first.elts]
            name = "stack" if all(vectors) else "hstack"
            if name == "hstack" and any(vectors):
                # heldnets30: a mix (Ng's np.c_[np.ones(m), X]): each 1-D part is its column,
                # as NumPy makes it, and the 2-D parts are joined beside them as they are
                cols = [
                    ast.Subscript(p, ast.Tuple([ast.Slice(), ast.Constant(None)], ast.Load()), ast.Load())
                    if v else p
                    for p, v in zip(first.elts, vectors, strict=True)
                ]
                first = ast.Tuple(cols, ast.Load())
            made = ast.Attribute(f.value, name, ast.Load())  # type: ignore[union-attr]
            axis = [ast.keyword("axis", ast.Constant(1))] if name == "stack" else []
            return ast.copy_location(ast.Call(made, [first], axis), node)
        raise self.fail(node, catalog.said("spec.spellings27.column_stack"))

    def fail(self, node: ast.AST, message: str | catalog.Said) -> ExprError:
        col = getattr(node, "col_offset", -1) + 1
        if isinstance(message, catalog.Said):
            return ExprError(catalog.said("spec.column", message=message, col=col), col)
        return ExprError(f"{message} (column {col})", col)

    def convert(self, node: ast.AST, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise self.fail(node, catalog.said("spec.expr_nests", limit=MAX_DEPTH))
        d = depth + 1
        if isinstance(node, ast.Constant):
            return Num(self.number(node))
        if isinstance(node, ast.Name):
            return Name(node.id)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Pow):
                exp_of = self.power_of_number(node, d)
                if exp_of is not None:
                    return exp_of
                return _float_constant(_power(self.convert(node.left, d), self.exponent(node.right)))
            if isinstance(node.op, ast.FloorDiv):
                return self.floor_div(node)
            op = _BINOPS.get(type(node.op))
            if op is None:
                raise self.fail(node, catalog.said("spec.binops"))
            if op == "@" and (scaled := self.diag_product(node, d)) is not None:
                return scaled
            if op == "@" and self.vector(node.right):
                left, right = self.convert(node.left, d), self.convert(node.right, d)
                if self.vector(node.left):
                    # two 1-D vectors: NumPy's inner product, one number (lhy's
                    # np.dot(Y, np.log(y_pred)) with Y and y_pred 1-D)
                    return BinOp(op, left, Transpose(right))
                # A @ w with w 1-D: NumPy's matrix-vector product A·wᵀ, whose 1-D result
                # broadcasts as a row (Raschka's np.dot(X, w_) + b_)
                return Transpose(BinOp(op, left, Transpose(right)))
            out = BinOp(op, self.convert(node.left, d), self.convert(node.right, d))
            return _explicit_softmax(out) or _explicit_sigmoid(out) or out
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                inner = self.convert(node.operand, d)
                if isinstance(inner, Num):
                    return Num(-inner.value)
                return Neg(inner)
            if isinstance(node.op, ast.UAdd):
                return self.convert(node.operand, d)
            raise self.fail(node, catalog.said("spec.unary"))
        if isinstance(node, ast.Attribute):
            if _module_of(node.value) and node.attr in spelling.NUMBERS:
                # np.pi, math.e: the float64 value NumPy and PyTorch compute with, exactly
                return Num(Fraction(repr(spelling.NUMBERS[node.attr])))
            if node.attr == "values" and _reduces_to_values(node.value):
                # torch.max(X, dim=1, keepdim=True).values: the maxima (the indices carry no
                # gradient and are not read)
                return self.convert(node.value, d)
            if node.attr == "size" and (count := self.entries(node.value)) is not None:
                return self.convert(count, d)  # NumPy's y.size: the number of entries
            if node.attr in ("mT", "H", "mH") and not _module_of(node.value):
                # PyTorch's matrix transpose; .H/.mH, the conjugate transpose, of real tensors
                node = ast.Attribute(node.value, "T", ast.Load())
            if node.attr in ("logabsdet", "sign") and _linalg_call(node.value) is not None:
                return self.convert(node.value, d)  # refused there, naming the size it reads
            if node.attr != "T":
                raise self.fail(node, _attribute_refusal_hn23(node))
            if self.shapes is not None and self.vector(node.value):
                # w.T of a 1-D vector is w itself in NumPy and PyTorch (the math's wᵀ written
                # on a 1-D array): X @ w.T - y with y 1-D is element-wise there
                return self.convert(node.value, d)
            return Transpose(self.convert(node.value, d))
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "c_"
            and _module_of(node.value.value) in _ATLEAST_2D_MODULES
        ):
            # heldnets30: NumPy's np.c_[a, b] joins along the last axis, 1-D parts as columns:
            # np.column_stack((a, b)) for 1-D and 2-D parts
            parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            stacked = ast.Call(
                ast.Attribute(node.value.value, "column_stack", ast.Load()),
                [ast.Tuple(list(parts), ast.Load())],
                [],
            )
            return self.convert(ast.copy_location(stacked, node), d)
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "r_"
            and _module_of(node.value.value)
        ):
            # heldnets32: np.r_ of arrays is read as np.concatenate (spec._r_joins_hn32); a
            # slice, a number or a string directive inside is not
            raise self.fail(node, catalog.said("spec.heldnets32.r_", text=ast.unparse(node)))
        if isinstance(node, ast.Subscript):
            node = _plain_subscript(node, self.one_d)
            if not isinstance(node, ast.Subscript):
                return self.convert(node, d)
        made = one_hot_label(node) if self.shapes is not None else None
        if made is not None and made[0] in self.picks:  # the spec read y as one-hot rows
            return Name(made[0])
        if self.shapes is not None and (marked := self.one_hot_of_argmax_hn37(node)) is not None:
            return self.convert(ast.copy_location(marked, node), d)
        if isinstance(node, ast.Call) and self.shapes is not None and self.split_of(node):
            raise self.fail(node, splits.bare_refusal(node))
        if isinstance(node, ast.Call):
            return _float_constant(self.call(node, d))
        if isinstance(node, ast.Compare) and self.allow_compare:
            if len(node.ops) != 1 or type(node.ops[0]) not in _CMPOPS:
                raise self.fail(node, catalog.said("spec.one_comparison"))
            return Compare(
                _CMPOPS[type(node.ops[0])],
                self.convert(node.left, d),
                self.convert(node.comparators[0], d),
            )
        if isinstance(node, ast.Subscript) and _values_of_max(node):
            # torch.max(X, 1, keepdim=True)[0]: the values of (values, indices)
            return self.convert(node.value, d)
        if isinstance(node, ast.Subscript) and (part := spelling.moment_part_s26(node)):
            return self.convert(ast.copy_location(part, node), d)  # torch.var_mean(x, 0)[1]
        if isinstance(node, ast.Subscript) and (size := self.size(node)) is not None:
            return size
        if isinstance(node, ast.Subscript) and self.allow_index:
            return self.index(node)
        if isinstance(node, ast.Subscript) and self.shapes is None:  # derive check: dE[:, 0:1]
            block = self.slice(node, d)
            if block is not None:
                return block
        if isinstance(node, ast.Subscript) and self.shapes is not None:  # a spec's line
            part = self.split_part(node, d)
            if part is not None:
                return part
            looked = embedding_lookup(node)
            if looked is not None:
                return self.lookup(node, *looked)
            picked = self.pick(node, d)
            if picked is not None:
                return picked
            block = self.slice(node, d)
            if block is not None:
                return block
            raise self.fail(node, _subscript_refusal(node))
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp):
            raise self.fail(node, catalog.said("spec.heldnets23.loop", text=ast.unparse(node)))
        if isinstance(node, ast.IfExp):
            test = node.test
            if (
                isinstance(test, ast.Compare)
                and len(test.comparators) == 1
                and all(self.zero_d_form(k) for k in (test.left, test.comparators[0]))
            ):
                # heldnets30: Python's `a if r <= d else b` on one number (a scalar graph's
                # Huber) runs one branch, the one torch.where(r <= d, a, b) picks, with the same
                # gradient; on more entries Python raises (the refusal below)
                chosen = ast.Call(ast.Name("where", ast.Load()), [test, node.body, node.orelse], [])
                return self.convert(ast.copy_location(chosen, node), d)
            raise self.fail(node, catalog.said("spec.heldnets24.branch", text=ast.unparse(node)))
        drawn = _sampling_inside_hn29(node)
        if drawn is not None:  # (torch.rand_like(A) > p): the draw is why, not the comparison
            call, path = drawn
            raise self.fail(call, catalog.said("spec.heldnets24.sampling", name=path))
        if (
            isinstance(node, ast.Compare)
            and depth > 0  # inside arithmetic; a whole line that is one comparison: named_masks
            and len(node.ops) == 1
            and isinstance(node.ops[0], ast.Lt | ast.LtE | ast.Gt | ast.GtE)
        ):
            # heldnets31: an order comparison inside arithmetic (CS231n's relu x * (x > 0),
            # (h > 0).float()) is its 0/1 mask, np.where(cond, 1, 0): no gradient through it,
            # as in NumPy/PyTorch
            mask = ast.Call(ast.Name("where", ast.Load()), [node, ast.Constant(1), ast.Constant(0)], [])
            return self.convert(ast.copy_location(mask, node), d)
        if (
            isinstance(node, ast.Compare)
            and depth > 0
            and len(node.ops) == 1
            and isinstance(node.ops[0], ast.Eq | ast.NotEq)
            and any(_number_literal(k) for k in (node.left, node.comparators[0]))
        ):
            # a label compared with a class inside arithmetic (2 * (y == 1).float() - 1: 0/1
            # labels made ±1) is its 0/1 mask, as torch.where(y == 1, 1, 0) reads it
            mask = ast.Call(ast.Name("where", ast.Load()), [node, ast.Constant(1), ast.Constant(0)], [])
            return self.convert(ast.copy_location(mask, node), d)
        if isinstance(node, ast.Compare):  # heldnets31: (logits.argmax(1) == y).float().mean()
            raise self.fail(node, catalog.said("spec.heldnets31.compare", text=ast.unparse(node)))
        raise self.fail(node, catalog.said("spec.expr_not_allowed", kind=_kind(node)))

    def diag_product(self, node: ast.BinOp, depth: int) -> Node | None:
        """``A @ np.diag(v)`` / ``np.diag(v) @ B`` with ``v`` 1-D (``torch.diag`` too): the
        columns of A scaled by v (``A * v``, v a row) / the rows of B (``v``'s column times B;
        of a 1-D B, ``v * B``), exactly as the matrix product with the diagonal matrix;
        ``None`` when neither side is such a diag."""
        left, right = _diag_of(node.left), _diag_of(node.right)
        if left is None and right is None:
            return None
        for v in (left, right):
            if v is not None and not self.vector(v):
                raise self.fail(node, spelling.DIAG_REFUSAL)
        if left is not None and right is not None:
            raise self.fail(node, spelling.DIAG_REFUSAL)
        if right is not None:
            return BinOp("*", self.convert(node.left, depth), self.convert(right, depth))
        assert left is not None
        v = self.convert(left, depth)
        b = self.convert(node.right, depth)
        return BinOp("*", v if self.vector(node.right) else Transpose(v), b)

    def power_of_number(self, node: ast.BinOp, depth: int) -> Node | None:
        """``2 ** -a`` of a tensor ``a``: a positive number to a tensor's power is
        ``exp(a · log 2)``, as NumPy/PyTorch compute it; ``None`` when the exponent is a number
        (a power as usual) or the base is not one."""
        named = (
            isinstance(n, ast.Call | ast.Subscript)
            or isinstance(n, ast.Name) and n.id not in self.constants
            for n in ast.walk(node.right)
        )
        if not any(named):
            return None  # x ** 0.5, 2 ** -1, 9 ** 9 ** 9: the exponent is numbers
        try:
            self.constant(node.right, 0)
            return None  # x ** gamma of a [constants] name
        except ExprError:
            pass
        try:
            base = self.constant(node.left, 0)
        except ExprError:
            # x ** y of two tensors (a Weibull hazard's (t / lam) ** k with a learned shape k):
            # exp(y · log x), PyTorch's value and both of its gradients for x > 0; log's domain
            # refuses a base ≤ 0, naming the entry (PyTorch gives NaN there unless y is whole)
            exponent = self.convert(node.right, depth)
            return Call("exp", (BinOp("*", exponent, Call("log", (self.convert(node.left, depth),))),))
        if base <= 0:
            raise self.fail(
                node,
                catalog.said(
                    "spec.expr.power_of_number_1",
                    x=format(float(base), "g"),
                    x2=format(float(base), "g"),
                ),
            )
        exponent = self.convert(node.right, depth)
        return Call("exp", (BinOp("*", exponent, Call("log", (Num(base),))),))

    def floor_div(self, node: ast.BinOp) -> Node:
        """``D // 2``, ``X.shape[0] // 2``: integer division of sizes (whole numbers, [dims]
        names, ``X.shape[i]``, + - * // of them), the whole number it gives; NumPy's ``//`` of
        tensors is not read (it has no gradient)."""
        value = self.size_value(node)
        divisor = self.size_value(node.right)
        if value is None and divisor is not None and divisor <= 0:
            raise self.fail(node, catalog.said("spec.expr.floor_div_1", divisor=divisor))
        if value is None:
            raise self.fail(
                node,
                catalog.said("spec.expr.floor_div_2"),
            )
        return Num(Fraction(value))

    def one_hot_of_argmax_hn37(self, node: ast.AST) -> ast.expr | None:
        """heldnets37: ``F.one_hot(S.argmax(dim=1), num_classes=k)`` (``jax.nn.one_hot``,
        ``tf.one_hot(…, depth=k)``, ``np.eye(k)[np.argmax(S, axis=1)]``) with ``k`` the columns
        of ``S``: the one-hot rows of each row's first largest entry, ``max_mask(S)`` (as
        ``cross_entropy(z, S.argmax(1))`` reads them) — the straight-through estimator's hard
        sample, a teacher's hard labels; constant wherever no two entries of a row tie, so no
        gradient flows through it, as PyTorch's integer indices carry none. ``None`` for any
        other call; a ``k`` that is not the columns of ``S`` is refused."""
        parts = one_hot_parts_hn37(node)
        if parts is None:
            return None
        first, count = parts
        rows = spelling.argmax_rows_hn37(first) if first is not None else None
        if rows is None:
            return None
        shape = _ast_shape(rows, self.shapes or {})
        k = self.size_value(count) if count is not None else None
        if shape is None or k is None or k != shape[1]:
            raise self.fail(
                node,
                catalog.said(
                    "spec.heldnets37.one_hot_argmax",
                    text=ast.unparse(node),
                    x=ast.unparse(rows),
                    k="?" if count is None else ast.unparse(count),
                ),
            )
        return ast.Call(ast.Name("max_mask", ast.Load()), [rows], [])

    def size_value(self, node: ast.AST) -> int | None:
        """The whole number a size expression gives (see :meth:`floor_div`), or ``None``."""
        if isinstance(node, ast.Constant):
            return node.value if type(node.value) is int else None
        if isinstance(node, ast.Name):
            return _dim_value(node.id, self.shapes or {})
        if isinstance(node, ast.Subscript):
            n = self.size(node) if self.shapes is not None else None
            if isinstance(n, Num):
                return int(n.value)
            return _dim_value(n.id, self.shapes or {}) if isinstance(n, Name) else None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "len" and len(node.args) == 1 and self.shapes is not None:
                shape_of = ast.Attribute(node.args[0], "shape", ast.Load())
                return self.size_value(ast.Subscript(shape_of, ast.Constant(0), ast.Load()))
            return None
        if isinstance(node, ast.BinOp) and type(node.op) in _INT_OPS:
            a, b = self.size_value(node.left), self.size_value(node.right)
            if a is None or b is None or isinstance(node.op, ast.FloorDiv) and b <= 0:
                return None
            return _INT_OPS[type(node.op)](a, b)
        return None

    def size(self, node: ast.Subscript) -> Node | None:
        """``X.shape[0]``: the size of that axis of a tensor declared earlier in the spec — its
        ``[dims]`` name (``m``), or the number when the shape gives a number. PyTorch's
        ``X.size()[i]`` (UvA's ``d_k = q.size()[-1]``) is ``X.shape[i]`` (heldnets29)."""
        v = node.value
        if (
            isinstance(v, ast.Call)
            and isinstance(v.func, ast.Attribute)
            and v.func.attr == "size"
            and isinstance(v.func.value, ast.Name)
            and not v.args
            and not v.keywords
            and not _module_of(v.func.value)
        ):
            v = ast.Attribute(v.func.value, "shape", ast.Load())
            node = ast.Subscript(v, node.slice, ast.Load())
        if not (
            self.shapes is not None
            and isinstance(v, ast.Attribute)
            and v.attr == "shape"
            and isinstance(v.value, ast.Name)
        ):
            return None
        shape = self.shapes.get(v.value.id)
        k = node.slice
        index = k.value if isinstance(k, ast.Constant) and type(k.value) is int else None
        if isinstance(k, ast.UnaryOp) and isinstance(k.op, ast.USub):
            inner = k.operand
            if isinstance(inner, ast.Constant) and type(inner.value) is int:
                index = -inner.value
        if v.value.id in self.one_d and shape is not None and index in (0, -1):
            shape, index = (shape[1], shape[1]), 0  # 1-D y = ["N"]: len(y), y.shape[0] are N
        if shape is None or len(shape) != 2 or index not in (0, 1, -1, -2):
            raise self.fail(node, catalog.said("spec.expr.size_1"))
        d = shape[index]
        label = getattr(d, "label", None)
        return Name(label) if label else Num(Fraction(int(d)))

    def entries(self, node: ast.AST) -> ast.expr | None:
        """``X.shape[0] * X.shape[1]`` for a tensor ``X`` declared earlier (NumPy's ``X.size``,
        PyTorch's ``X.numel()``, ``np.size(X)``): the number of its entries; ``None`` when
        ``node`` names none."""
        if self.shapes is None or not isinstance(node, ast.Name) or _module_of(node):
            return None
        shape = self.shapes.get(node.id)
        if shape is None:
            return None
        if not shape:
            return ast.Constant(1)

        def axis(i: int) -> ast.expr:
            return ast.Subscript(ast.Attribute(node, "shape", ast.Load()), ast.Constant(i))

        if node.id in self.one_d:
            return axis(0)
        return ast.BinOp(axis(0), ast.Mult(), axis(1))

    def receiver(self, f: ast.Attribute) -> None:
        """``keras.ops.relu(Z)`` or ``cp.dot(A, B)``: a module derive does not read would be taken
        for a tensor whose method is called (and its message would count the module as an
        argument); a name that is neither a tensor, a constant nor a size is refused naming the
        modules that are read."""
        root: ast.AST = f.value
        path = []
        while isinstance(root, ast.Attribute):
            path.append(root.attr)
            root = root.value
        if self.shapes is None or not isinstance(root, ast.Name):
            return
        if root.id in self.shapes or root.id in self.constants:
            return
        spelled = ".".join([root.id, *reversed(path)])
        raise self.fail(
            f,
            catalog.said(
                "spec.expr.receiver_1", spelled=spelled, spelled2=spelled, attr=f.attr, attr2=f.attr
            ),
        )

    def stats_norm(self, v: ast.AST) -> str:
        """``norm`` of ``from scipy.stats import norm`` (``norm.cdf(a)``) where no tensor
        declared earlier is named ``norm``: SciPy's normal distribution, else ``""``."""
        if isinstance(v, ast.Name) and v.id == "norm" and v.id not in (self.shapes or {}):
            return "scipy.stats.norm"
        return ""

    def tensor_named_k(self, v: ast.AST) -> bool:
        """``v`` is the name ``K`` of a tensor declared earlier (Keras' backend is K too)."""
        return (
            isinstance(v, ast.Name) and v.id in spelling.KERAS and v.id in (self.shapes or {})
        )

    def reshape(self, node: ast.Call, depth: int) -> Node:
        """``y.reshape(y_hat.shape)``, ``x.reshape(-1, 1)``, ``x.view(1, -1)``, ``x.squeeze()``,
        ``x.flatten()`` of a tensor declared earlier: where the entries keep their order these
        are the tensor itself or its transpose (a row and a column of the same entries; a 1-D
        result is a row, as NumPy broadcasts it). Anything that moves entries is refused."""
        name = node.func.id
        if name == "squeeze" and len(node.args) == 1 and [k.arg for k in node.keywords] in (
            ["dim"],
            ["axis"],
        ):
            # PyTorch's x.squeeze(dim=1), NumPy's np.squeeze(x, axis=1): the axis by position
            node = ast.Call(node.func, [*node.args, node.keywords[0].value], [])
        if name == "squeeze" and len(node.args) == 1 and not node.keywords:
            if not isinstance(node.args[0], ast.Name):
                # np.squeeze(-np.sum(logprobs) / m): of one number, the number itself
                inner = self.convert(node.args[0], depth)
                if self.one_number(inner):
                    return inner
        if node.args and not isinstance(node.args[0], ast.Name) and self.vector(node.args[0]):
            return self.reshape_one_d(node, depth)
        column = self.column_lookup(node)
        if column is not None:
            return column
        if node.args and not isinstance(node.args[0], ast.Name) and name != "unsqueeze":
            flat = self.flattened_matrix(node, depth)
            if flat is not None:
                return flat
            self.convert(node.args[0], depth)  # heldnets24: an unreadable inside says why first
            raise self.fail(
                node,
                catalog.said("spec.expr.reshape_2", name=name, name2=name),
            )
        if node.keywords or not node.args or not isinstance(node.args[0], ast.Name):
            raise self.fail(node, catalog.said("spec.expr.reshape_3", name=name, name2=name))
        x = node.args[0].id
        if name == "unsqueeze":
            return self.unsqueeze(node, x)
        shape = self.shapes.get(x)
        if shape is None:
            raise self.fail(node, catalog.said("spec.expr.reshape_4", name=name, x=x))
        have = (1, 1) if len(shape) == 0 else tuple(int(k) for k in shape)
        if name in ("squeeze", "flatten", "ravel"):
            if len(node.args) > 2 or (name != "squeeze" and len(node.args) > 1):
                raise self.fail(node, catalog.said("spec.expr.reshape_5", name=name))
            want: tuple[int, ...] = (have[0] * have[1],) if 1 in have or name != "squeeze" else have
            axis = _squeeze_axis(node)
            if name == "squeeze" and axis is not None and have[axis] != 1:
                # PyTorch's preds.squeeze(0) of an (n, 1) column keeps it (n, 1); NumPy's raises
                raise self.fail(
                    node, catalog.said("spec.expr.squeeze_axis", x=x, x2=list(have), axis=axis)
                )
        else:
            want = self.target_shape(node, have)
        if len(want) == 1:  # NumPy's 1-D result broadcasts as a row
            want = (1, want[0])
        if want == have:
            return Name(x)
        if want == have[::-1] and 1 in have:  # a row ↔ a column of the same entries
            return Transpose(Name(x))
        flat = self.flattened_matrix(node, depth)
        if flat is not None:
            return flat
        raise self.fail(
            node,
            catalog.said("spec.expr.reshape_1", name=name, x=x, x2=list(have), x3=list(want)),
        )

    def reshaped(self, node: ast.Call, depth: int) -> Node:
        """``reshaped(x, r, c)``: the row-major reshape the readers of ``x.view(r, c)`` and
        ``np.reshape(x, (r, c))`` write (``Spec.folded_hn31``, :meth:`flattened_matrix`, the
        checker's NumPy reader): a :data:`ops.RESHAPE` call whose sizes are [dims] names,
        numbers, ``+ - *`` of them or ``-1``."""
        if len(node.args) != 3 or node.keywords:
            raise self.fail(node, catalog.said("spec.reshape41.form"))
        sizes = [_size_node(a) for a in node.args[1:]]
        if any(k is None for k in sizes):
            raise self.fail(node, catalog.said("spec.reshape41.form"))
        x = self.convert(node.args[0], depth)
        return Call(RESHAPED, (x,), (("rows", sizes[0]), ("cols", sizes[1])))  # type: ignore[arg-type]

    def flattened_matrix(self, node: ast.Call, depth: int) -> Node | None:
        """A matrix (a named one, or an expression whose shape the declared shapes give) laid
        out as one row or one column — ``x.reshape(1, -1)``, ``x.flatten()``, ``x.view(-1)``,
        ``x.reshape(-1, 1)`` of an (r, c) matrix: NumPy's and PyTorch's row-major order is its
        rows side by side, written as the concat of its row slices (the transpose of that for a
        column; bilinear pooling's flattened A^T B). ``None`` for any other reshape (refused by
        the caller, naming it)."""
        name = node.func.id  # type: ignore[attr-defined]
        x = node.args[0]
        shape = _ast_shape(x, self.shapes or {})
        if name not in ("reshape", "view", "flatten", "ravel") or shape is None:
            return None
        r, c = shape
        if r == 1 or c == 1:
            return None
        if name in ("flatten", "ravel"):
            if len(node.args) > 1 or node.keywords:
                return None
            want: tuple[int, ...] = (1, r * c)
        else:
            want = self.target_shape(node, (r, c))
        if want not in ((r * c,), (1, r * c), (r * c, 1)):
            return None
        # reshape41: one node (ops.RESHAPE), the row or column of all r·c entries by their sizes'
        # names (-1: the product of x's sizes), so it moves with the sizes
        one, rest = Num(Fraction(1)), Num(Fraction(-1))
        sizes = (("rows", rest), ("cols", one)) if want == (r * c, 1) else (("rows", one), ("cols", rest))
        return Call(RESHAPED, (self.convert(x, depth),), sizes)

    def block(self, node: ast.AST) -> tuple[str, list[list[int]]] | None:
        """(name, [[row lo, row hi], [col lo, col hi]]) of a tensor named in the spec or a block
        of it with whole-number bounds (``z``, ``z[:, 0:2]``, ``z[1:3]``), else ``None``."""
        if isinstance(node, ast.Name) and node.id in (self.shapes or {}):
            shape = self.shapes[node.id]  # type: ignore[index]
            if len(shape) != 2:
                return None
            return node.id, [[0, int(shape[0])], [0, int(shape[1])]]
        if not isinstance(node, ast.Subscript):
            return None
        whole = self.block(node.value)
        if whole is None:
            return None
        name, bounds = whole
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(parts) > 2:
            return None
        for axis, part in enumerate(parts):
            if not isinstance(part, ast.Slice) or part.step is not None:
                return None
            lo, hi = bounds[axis]
            a = 0 if part.lower is None else _int_index(part.lower)
            b = hi - lo if part.upper is None else _int_index(part.upper)
            if a is None or b is None or not 0 <= a < b <= hi - lo:
                return None
            bounds[axis] = [lo + a, lo + b]
        return name, bounds

    def blockwise(self, node: ast.Call) -> ast.expr:
        """``cumsum(x, axis)`` and ``glu(x, dim)`` of a named tensor or a block of it: written
        with blocks of x, exactly as NumPy/PyTorch compute them — cumsum's column j is the sum of
        columns 0…j (each a row sum of a block, linear), GLU is ``a ⊙ σ(b)`` of x's two halves."""
        name = node.func.id  # type: ignore[attr-defined]
        if name == "prod":
            return self.product(node)
        kw = {k.arg: k.value for k in node.keywords}
        if len(node.args) > 2 or set(kw) - {"axis", "dim", "dtype"} or len(node.args) + len(kw) > 2:
            raise self.fail(
                node, catalog.said("spec.expr.blockwise_1", name=name, name2=name, name3=name)
            )
        axis_node = node.args[1] if len(node.args) == 2 else kw.get("axis", kw.get("dim"))
        if axis_node is None and name == "glu":
            axis_node = ast.Constant(-1)  # F.glu's default dim=-1
        axis = _int_index(axis_node) if axis_node is not None else None
        first = node.args[0] if node.args else None
        if name == "cumsum" and isinstance(first, ast.Name) and first.id in self.one_d:
            return self.cumsum_one_d(node, first.id, axis)
        block = self.block(node.args[0]) if node.args else None
        base: ast.expr | None = None  # an expression read by slices of itself
        if block is None and node.args and not set(kw) - {"axis", "dim"}:
            whole = self.expression_block(node.args[0], axis)
            if whole is not None:
                base, axis, block = node.args[0], whole[0], ("", whole[1])
        if axis not in (0, 1, -1, -2) or block is None or "dtype" in kw:
            raise self.fail(
                node,
                catalog.said("spec.expr.blockwise_2", name=name, name2=name),
            )
        axis %= 2
        x, bounds = block
        size = bounds[axis][1] - bounds[axis][0]

        def part(lo: int, hi: int) -> ast.expr:
            b = [list(r) for r in bounds]
            b[axis] = [bounds[axis][0] + lo, bounds[axis][0] + hi]
            sl = [ast.Slice(ast.Constant(r[0]), ast.Constant(r[1])) for r in b]
            of = ast.Name(x, ast.Load()) if base is None else base
            return ast.Subscript(of, ast.Tuple(sl, ast.Load()), ast.Load())

        if name == "glu":
            if size % 2:
                raise self.fail(node, catalog.said("spec.expr.blockwise_4", axis=axis, size=size))
            h = size // 2
            sig = ast.Call(ast.Name("sigmoid", ast.Load()), [part(h, size)], [])
            return ast.BinOp(part(0, h), ast.Mult(), sig)
        if size > MAX_BLOCKS:
            raise self.fail(node, catalog.said("spec.expr.blockwise_3", MAX_BLOCKS=MAX_BLOCKS))
        keep = [
            ast.keyword("axis", ast.Constant(axis)),
            ast.keyword("keepdims", ast.Constant(True)),
        ]
        if name == "cumprod":  # column j the product of columns 0…j, each factor written
            products = [part(0, 1)]
            for j in range(1, size):
                products.append(ast.BinOp(products[-1], ast.Mult(), part(j, j + 1)))
            return _joined(products, axis)
        sums = [
            part(0, 1) if j == 1 else ast.Call(ast.Name("sum", ast.Load()), [part(0, j)], keep)
            for j in range(1, size + 1)
        ]
        return _joined(sums, axis)

    def reordered(self, node: ast.Call) -> ast.expr:
        """``torch.flip(x, dims)`` / ``np.flip(x, axis)`` / ``np.fliplr`` / ``np.flipud`` and
        ``torch.roll(x, shifts, dims)`` / ``np.roll(x, shift, axis)`` of a named tensor, a block
        of it or an expression whose size the declared shapes give: the same entries in another
        order, written as the concatenation of its slices (each entry's gradient goes back to
        where it came from). A flip without an axis reverses both; a roll needs its axis (without
        one NumPy and PyTorch roll the flattened tensor) and a whole-number shift."""
        name = node.func.id  # type: ignore[attr-defined]
        names = {
            "flip": ("x", "axis"),
            "fliplr": ("x",),
            "flipud": ("x",),
            "roll": ("x", "shift", "axis"),
        }[name]
        kw = {k.arg: k.value for k in node.keywords}
        for alias, key in (("dims", "axis"), ("input", "x"), ("a", "x"), ("m", "x"),
                           ("shifts", "shift")):
            if alias in kw:
                kw[key] = kw.pop(alias)
        if len(node.args) > len(names) or set(kw) - set(names):
            raise self.fail(node, catalog.said("spec.expr.reordered", name=name))
        a = dict(zip(names, node.args, strict=False)) | kw
        x = a.get("x")
        block = self.block(x) if x is not None else None
        base: ast.expr | None = None
        if block is None and x is not None:
            whole = self.expression_block(x, 1)
            if whole is not None and not self.vector(x):
                base, block = x, ("", whole[1])
        axes = _axes_of(a.get("axis"), name)
        if block is None or axes is None or (name == "roll" and len(axes) != 1):
            raise self.fail(node, catalog.said("spec.expr.reordered", name=name))
        x_name, bounds = block

        def part(axis: int, lo: int, hi: int, of: ast.expr) -> ast.expr:
            sl = [ast.Slice(None, None), ast.Slice(None, None)]
            sl[axis] = ast.Slice(ast.Constant(lo), ast.Constant(hi))
            return ast.Subscript(of, ast.Tuple(sl, ast.Load()), ast.Load())

        out: ast.expr = ast.Name(x_name, ast.Load()) if base is None else base
        if base is None and bounds != [[0, int(v)] for v in self.shapes[x_name]]:  # type: ignore[index]
            out = x  # type: ignore[assignment]  # a block of a named tensor: its slices
        for axis in axes:
            size = bounds[axis][1] - bounds[axis][0]
            if size > MAX_BLOCKS:
                raise self.fail(node, catalog.said("spec.expr.blockwise_3", MAX_BLOCKS=MAX_BLOCKS))
            if name == "roll":
                shift = _int_index(a.get("shift")) if a.get("shift") is not None else None
                if shift is None:
                    raise self.fail(node, catalog.said("spec.expr.reordered", name=name))
                s = shift % size
                if s:
                    tail, head = part(axis, size - s, size, out), part(axis, 0, size - s, out)
                    out = _joined([tail, head], axis)
            elif size > 1:
                out = _joined([part(axis, j, j + 1, out) for j in reversed(range(size))], axis)
        return out

    def expression_block(
        self, x: ast.expr, axis: int | None
    ) -> tuple[int, list[list[int]]] | None:
        """``(axis, [[0, rows], [0, columns]])`` for ``glu``/``cumsum`` of an expression
        (``F.glu(x @ W + b, dim=-1)``, ``torch.cumsum(torch.exp(risk), dim=0)``) whose size the
        declared shapes give (:func:`_ast_shape`): read by slices of the expression itself, as a
        named tensor is by its blocks; a 1-D expression along its only axis (a row here).
        ``None`` when the size is not known so."""
        shape = _ast_shape(x, self.shapes or {})
        if shape is None:
            return None
        if self.vector(x):
            axis = 1  # dim=0 and dim=-1 alike; np.cumsum(v) without an axis too
        elif axis not in (0, 1, -1, -2):
            return None
        return axis % 2, [[0, shape[0]], [0, shape[1]]]

    def diagonal(self, node: ast.Call) -> ast.expr | None:
        """``torch.diagonal(c)`` / ``c.diagonal()`` / ``np.diag(c)`` / ``torch.diag(c)`` of a square
        matrix named in the spec (Barlow Twins' cross-correlation): its diagonal entries side by
        side, NumPy's 1-D result (a row) written with blocks (``trace(c)``: their sum);
        ``None`` for anything else (a 1-D ``v``, a product: read elsewhere)."""
        x = node.args[0] if len(node.args) == 1 and not node.keywords else None
        if not isinstance(x, ast.Name) or x.id in self.one_d or x.id not in (self.shapes or {}):
            return None
        shape = tuple(int(k) for k in self.shapes[x.id])  # type: ignore[index]
        if len(shape) != 2 or shape[0] != shape[1]:
            if node.func.id == "diagonal":  # type: ignore[attr-defined]
                raise self.fail(node, catalog.said("spec.expr.diagonal_2", id=x.id, shape=shape))
            return None
        if shape[0] > MAX_BLOCKS:
            raise self.fail(node, catalog.said("spec.expr.diagonal_1", MAX_BLOCKS=MAX_BLOCKS))

        def entry(i: int) -> ast.expr:
            at = ast.Slice(ast.Constant(i), ast.Constant(i + 1))
            return ast.Subscript(
                ast.Name(x.id, ast.Load()), ast.Tuple([at, at], ast.Load()), ast.Load()
            )

        return _joined([entry(i) for i in range(shape[0])], 1)

    def cumsum_one_d(self, node: ast.Call, x: str, axis: int | None) -> ast.expr:
        """``torch.cumsum(v, 0)`` / ``np.cumsum(v)`` of a 1-D vector (Cox's risk sets): along its
        only axis, entry j the sum of entries 0…j, a 1-D result (a row) written with slices."""
        if axis not in (0, -1, None):
            raise self.fail(node, catalog.said("spec.expr.cumsum_one_d_1", x=x))
        size = int((self.shapes or {})[x][-1])
        if size > MAX_BLOCKS:
            raise self.fail(node, catalog.said("spec.expr.cumsum_one_d_2", MAX_BLOCKS=MAX_BLOCKS))
        keep = [
            ast.keyword("axis", ast.Constant(1)),
            ast.keyword("keepdims", ast.Constant(True)),
        ]

        def head(j: int) -> ast.expr:
            return ast.Subscript(
                ast.Name(x, ast.Load()), ast.Slice(ast.Constant(0), ast.Constant(j)), ast.Load()
            )

        sums = [
            head(1) if j == 1 else ast.Call(ast.Name("sum", ast.Load()), [head(j)], keep)
            for j in range(1, size + 1)
        ]
        return _joined(sums, 1)

    def product(self, node: ast.Call) -> ast.expr:
        """``torch.prod(x)`` / ``np.prod(x)`` of a named tensor or a block of it: the product of
        its entries written out (``x[0, 0] * x[0, 1] * …``, each factor's gradient the product
        of the others, as PyTorch's); along an axis with keepdims=True, the product of its
        columns (rows)."""
        kw = {k.arg: k.value for k in node.keywords}
        axis_node = node.args[1] if len(node.args) == 2 else kw.get("axis", kw.get("dim"))
        keep = kw.get("keepdims", kw.get("keepdim"))
        block = self.block(node.args[0]) if len(node.args) in (1, 2) else None
        base: ast.expr | None = None  # an expression read by entries of itself
        if block is None and len(node.args) in (1, 2) and not self.vector(node.args[0]):
            # torch.prod(1 - p, dim=0, keepdim=True) (a noisy-OR): the expression's size from
            # the declared shapes, read by its own entries as a named tensor is
            whole_shape = self.expression_block(node.args[0], 0)
            if whole_shape is not None:
                base, block = node.args[0], ("", whole_shape[1])
        known = {"axis", "dim", "keepdims", "keepdim"}
        twice = len(node.args) == 2 and ("axis" in kw or "dim" in kw)
        if block is None or set(kw) - known or twice:
            raise self.fail(
                node,
                catalog.said("spec.expr.product_1"),
            )
        x, bounds = block
        rows, cols = (range(lo, hi) for lo, hi in bounds)

        def at(index: ast.expr) -> ast.expr:
            of = ast.Name(x, ast.Load()) if base is None else base
            return ast.Subscript(of, index, ast.Load())

        def whole(lo: int, hi: int) -> ast.Slice:
            return ast.Slice(ast.Constant(lo), ast.Constant(hi))

        if axis_node is None:
            if len(rows) * len(cols) > MAX_BLOCKS * 2:
                raise self.fail(node, catalog.said("spec.expr.product_2", x=MAX_BLOCKS * 2))
            factors = [
                at(ast.Tuple([ast.Constant(i), ast.Constant(j)], ast.Load()))
                for i in rows
                for j in cols
            ]
        else:
            axis = _int_index(axis_node)
            # heldnets34: without keepdims (x.prod(dim=1)) the caller reads NumPy's and PyTorch's
            # 1-D result, as for sum (call: the column transposed, a row along axis 0)
            dropped = keep is None or isinstance(keep, ast.Constant) and keep.value is False
            if axis not in (0, 1, -1, -2) or not (
                isinstance(keep, ast.Constant) and keep.value or dropped and self.shapes is not None
            ):
                raise self.fail(
                    node,
                    catalog.said("spec.expr.product_3"),
                )
            axis %= 2
            r, c = whole(*bounds[0]), whole(*bounds[1])
            parts = [[r, whole(k, k + 1)] if axis == 1 else [whole(k, k + 1), c] for k in (
                cols if axis == 1 else rows
            )]
            factors = [at(ast.Tuple(p, ast.Load())) for p in parts]
        out = factors[0]
        for f in factors[1:]:
            out = ast.BinOp(out, ast.Mult(), f)
        return out

    def reshape_one_d(self, node: ast.Call, depth: int) -> Node:
        """A reshape of a 1-D expression (``H.sum(1).reshape(-1, 1)``, ``v.unsqueeze(1)``,
        ``np.expand_dims(x.sum(0), 0)``, ``Z.mean(1).view(-1)``): the language's row of its
        entries, or that row transposed for a column; sizes other than -1 and 1 are refused
        (the expression's length is not known by its form)."""
        name = node.func.id  # type: ignore[attr-defined]
        row = self.convert(node.args[0], depth)
        rest = node.args[1:]
        if len(rest) == 1 and isinstance(rest[0], ast.Tuple | ast.List):
            rest = list(rest[0].elts)
        sizes = [_int_index(a) for a in rest]
        if node.keywords:
            raise self.fail(node, catalog.said("spec.expr.reshape_one_d_2", name=name))
        if name in ("squeeze", "flatten", "ravel") and not sizes:
            return row
        reshaped = name in ("reshape", "view")
        if name == "unsqueeze" and sizes in ([0], [-2]) or reshaped and sizes in ([-1], [1, -1]):
            return row
        if name == "unsqueeze" and sizes in ([1], [-1]) or reshaped and sizes == [-1, 1]:
            return Transpose(row)
        raise self.fail(
            node,
            catalog.said("spec.expr.reshape_one_d_1", name=name),
        )

    def unsqueeze(self, node: ast.Call, x: str) -> Node:
        """``y.unsqueeze(1)`` of a 1-D tensor ``y`` (a row here): the column of its entries;
        ``unsqueeze(0)`` the row itself. Of a matrix it would make a third axis: refused."""
        axes = [_int_index(a) for a in node.args[1:]]
        if x not in self.one_d or axes not in ([0], [1], [-1], [-2]):
            raise self.fail(
                node,
                catalog.said("spec.expr.unsqueeze_1", x=x, x2=x),
            )
        return Transpose(Name(x)) if axes[0] in (1, -1) else Name(x)

    def one_number(self, n: Node) -> bool:
        """``n`` is one number by its form: a number, a scalar or [1, 1] name, a sum, mean or
        loss of everything, and + - * / ** of such."""
        if isinstance(n, Num):
            return True
        if isinstance(n, Name):
            shape = (self.shapes or {}).get(n.id)
            return shape is not None and all(int(k) == 1 for k in shape)
        if isinstance(n, Neg | Pow):
            return self.one_number(n.operand if isinstance(n, Neg) else n.base)
        if isinstance(n, BinOp):
            return n.op != "@" and self.one_number(n.left) and self.one_number(n.right)
        if isinstance(n, Call):
            whole = n.func in ("sum", "mean") and n.kwarg("axis") is None
            return whole or ops.get(n.func).kind == ops.LOSS if n.func in ops.OPS else whole
        return False

    def target_shape(self, node: ast.Call, have: tuple[int, int]) -> tuple[int, ...]:
        """The sizes a reshape asks for: numbers, -1, [dims] names, ``X.shape``, ``X.shape[i]``."""
        args = node.args[1:]
        if len(args) == 1 and isinstance(args[0], ast.Tuple | ast.List):
            args = list(args[0].elts)
        if len(args) == 1 and isinstance(args[0], ast.Attribute) and args[0].attr == "shape":
            other = args[0].value
            if isinstance(other, ast.Name) and other.id in self.shapes:
                s = self.shapes[other.id]
                return (1, 1) if len(s) == 0 else tuple(int(k) for k in s)
        sizes: list[int] = []
        for a in args:
            v = self.convert(a, 1) if not isinstance(a, ast.Starred) else None
            if isinstance(v, Num) and v.value.denominator == 1 and v.value >= -1 and v.value:
                sizes.append(int(v.value))
            elif isinstance(v, Name) and (k := _dim_value(v.id, self.shapes)) is not None:
                sizes.append(k)
            else:
                raise self.fail(node, catalog.said("spec.expr.target_shape_3"))
        if not 1 <= len(sizes) <= 2 or sizes.count(-1) > 1:
            raise self.fail(node, catalog.said("spec.expr.target_shape_1"))
        asked = list(sizes)
        if -1 in sizes:
            known = 1
            for k in sizes:
                known *= k if k != -1 else 1
            sizes[sizes.index(-1)] = have[0] * have[1] // known
        total = 1
        for k in sizes:
            total *= k
        if total != have[0] * have[1]:
            raise self.fail(
                node, catalog.said("spec.expr.target_shape_2", x=have[0] * have[1], asked=asked)
            )
        return tuple(sizes)

    def number(self, node: ast.Constant) -> Fraction:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(node, catalog.said("spec.expr.number_1", value=repr(value)))
        if isinstance(value, int) and abs(value) > 10**38:
            raise self.fail(node, catalog.said("spec.expr.number_2"))
        if isinstance(value, float) and not (abs(value) <= 1e38):
            raise self.fail(node, catalog.said("spec.expr.number_3"))
        # repr gives the shortest decimal that round-trips: 0.1 stays exactly 1/10
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)

    def exponent(self, node: ast.AST) -> Fraction:
        value = self.constant(node, 0)
        if abs(value) > MAX_EXPONENT:
            raise self.fail(
                node, catalog.said("spec.expr.exponent_1", value=value, MAX_EXPONENT=MAX_EXPONENT)
            )
        return value

    def constant(self, node: ast.AST, depth: int) -> Fraction:
        """A number written as arithmetic of numbers (``1/2``, ``-(1/2)``, ``3/2``), exactly."""
        if depth > 8:
            raise self.fail(node, catalog.said("spec.expr.constant_2"))
        if isinstance(node, ast.Constant):
            return self.number(node)
        if isinstance(node, ast.Name) and node.id in self.constants:
            return Fraction(self.constants[node.id])
        if (
            isinstance(node, ast.Attribute)
            and _module_of(node.value)
            and node.attr in spelling.NUMBERS
        ):
            return Fraction(repr(spelling.NUMBERS[node.attr]))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            v = self.constant(node.operand, depth + 1)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp) and type(node.op) in (ast.Add, ast.Sub, ast.Mult, ast.Div):
            a, b = self.constant(node.left, depth + 1), self.constant(node.right, depth + 1)
            if isinstance(node.op, ast.Div) and b == 0:
                raise self.fail(node, catalog.said("spec.expr.constant_3"))
            ops_ = {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}
            return a / b if isinstance(node.op, ast.Div) else ops_[type(node.op)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            # 2 ** 0.5, 3 ** 2 (in x ** 2 ** 0.5, Python's x ** (2 ** 0.5): ** groups to the right)
            a, b = self.constant(node.left, depth + 1), self.constant(node.right, depth + 1)
            value = number_power(a, b)
            if isinstance(value, str):
                a_, b_ = ((f"({v})" if v < 0 or v.denominator != 1 else str(v)) for v in (a, b))
                raise self.fail(node, catalog.said(value, a=a_, b=b_))
            return value
        raise self.fail(node, catalog.said("spec.expr.constant_1"))

    def call(self, node: ast.Call, depth: int) -> Node:
        f = node.func
        module = ""
        if (
            self.shapes is not None
            and isinstance(f, ast.Attribute)
            and id(node) not in self.columns
            and _reduction_axis(node) == 1
            and not (_trapezoid(node) and node.args and self.vector(node.args[0]))
        ):
            # np.sum(x, axis=1), x.sum(1), torch.mean(x, dim=-1) without keepdims: NumPy's and
            # PyTorch's result is 1-D, which broadcasts as a row — so it is the row here (the
            # column keepdims gives, transposed): per * w with w 1-D is element-wise, as there
            # (marked only while its own call is read: np.where reads its condition twice)
            node = _without_keepdims_false(node)
            self.columns.add(id(node))
            try:
                return Transpose(self.call(node, depth))
            finally:
                self.columns.discard(id(node))
        if self.shapes is not None and isinstance(f, ast.Attribute) and _reduction_axis(node) == 0:
            whole = self.whole_vector(node)
            if whole is not None:
                return self.call(whole, depth)
        kept = _kept_axis_zero_hn45(node) if self.shapes is not None else None
        if kept is not None and self.vector(kept[0]):
            # heldnets45: u.norm(dim=0, keepdim=True), np.sum(u ** 2, axis=0, keepdims=True),
            # F.normalize(u, dim=0) of a 1-D u: axis 0 is its only axis (a (1,) result that
            # broadcasts back over u); here u is a row, whose axis 0 would keep every entry
            # (a wrong ✓: u / ‖u‖ read as u / |u|) — so the row's own axis, keepdims as given
            return self.call(ast.copy_location(kept[1], node), depth)
        if (
            isinstance(f, ast.Attribute)
            and f.attr == "atleast_2d"
            and _module_of(f.value) in _ATLEAST_2D_MODULES
            and len(node.args) == 1
            and not node.keywords
            and not isinstance(node.args[0], ast.Starred)
        ):
            # np.atleast_2d(v): a 1-D vector as the (1, k) row the language keeps it as, a
            # matrix or a number as it is; no longer 1-D by its form, so its .T is the column
            return self.convert(node.args[0], depth)
        if isinstance(f, ast.Attribute) and f.attr == "cov" and (
            _module_of(f.value) in _COV_MODULES_HN26 or _a_tensor_hn26(f.value, self.shapes)
        ):
            return self.convert(self.cov_hn26(node), depth)
        if isinstance(f, ast.Attribute) and f.attr == "column_stack" and _module_of(f.value):
            node = self.column_stack_s27(node)
            f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "stack" and _module_of(f.value):
            stacked = self.stack_of_1d_hn26(node, depth)
            if stacked is not None:
                return stacked
        if isinstance(f, ast.Attribute) and f.attr in _JOINS_1D_HN30 and _module_of(f.value):
            parts = _joined_1d_parts_hn30(node, self.vector)
            if parts is not None:
                # heldnets30: torch.cat([c, s]) / np.concatenate((a, b)) of 1-D vectors joins
                # them along their only axis: the longer 1-D vector (a row here)
                joined = tuple(self.convert(p, depth + 1) for p in parts)
                return Call("concat", joined, (("axis", Num(Fraction(1))),))
        if isinstance(f, ast.Attribute) and not node.keywords:
            counted = None
            if f.attr == "numel" and not node.args:
                counted = self.entries(f.value)  # PyTorch's x.numel()
            elif f.attr == "numel" and len(node.args) == 1 and _module_of(f.value) == "torch":
                counted = self.entries(node.args[0])  # torch.numel(x)
            elif f.attr == "size" and len(node.args) == 1 and _module_of(f.value) in ("np", "numpy"):
                counted = self.entries(node.args[0])  # np.size(x)
            if counted is not None:
                return self.convert(counted, depth)
        if (
            isinstance(f, ast.Attribute)
            and f.attr == "size"
            and isinstance(f.value, ast.Name)
            and self.shapes is not None
            and not _module_of(f.value)
        ):
            # PyTorch's q.size(-1) (attention's d_k) is q.shape[-1]
            kw = {k.arg: k.value for k in node.keywords}
            index = node.args[0] if len(node.args) == 1 and not kw else kw.get("dim")
            if index is None or len(node.args) + len(kw) != 1:
                raise self.fail(node, catalog.said("spec.expr.call_5"))
            shape_of = ast.Attribute(f.value, "shape", ast.Load())
            return self.convert(ast.Subscript(shape_of, index, ast.Load()), depth)
        if isinstance(f, ast.Attribute) and f.attr in ("cumulative_trapezoid", "cumtrapz"):
            # spellings27: torch.cumulative_trapezoid, scipy.integrate.cumulative_trapezoid (and
            # SciPy's old cumtrapz): not read; the refusal says how to write it so it is
            raise self.fail(
                node, catalog.said("spec.spellings27.cumulative_trapezoid", f=ast.unparse(f))
            )
        if isinstance(f, ast.Attribute) and f.attr == "gather":
            return self.gather(node, depth)
        if isinstance(f, ast.Attribute) and f.attr in ("take_along_axis", "take_along_dim"):
            if _module_of(f.value):  # spellings26: the pick by class labels, as gather's
                if gather_label(node) is None:
                    said = catalog.said("spec.spellings26.take_along", name=f.attr)
                    raise self.fail(node, said)
                return self.gather(node, depth)
        if isinstance(f, ast.Attribute) and f.attr in ("embedding", "embedding_lookup") and _module_of(f.value):
            looked = embedding_lookup(node)
            if looked is None:
                raise self.fail(node, catalog.said("spec.expr.call_6"))
            return self.lookup(node, *looked)
        if isinstance(f, ast.Attribute) and f.attr == "squeeze" and gather_label(f.value):
            # logits.gather(1, y.view(-1, 1)).squeeze(1): the picked column as PyTorch's 1-D
            # result, a row
            axes = [_int_index(a) for a in node.args]
            if node.keywords or axes not in ([], [1], [-1]):
                raise self.fail(node, catalog.said("spec.expr.call_7"))
            return Transpose(self.gather(f.value, depth))  # type: ignore[arg-type]
        # K.sum(axis=0) of attention's keys K is the tensor's method, not Keras' K.sum
        keras_k = isinstance(f, ast.Attribute) and self.tensor_named_k(f.value)
        if isinstance(f, ast.Attribute) and not keras_k and (
            module := _module_of(f.value) or self.stats_norm(f.value)
        ):
            # np.tanh(Z), torch.sigmoid(Z), F.relu(Z), torch.nn.functional.mse_loss(P, Y): the
            # language's function of that name (or its exact respelling below)
            read = spelling.READ_ONLY.get(module)
            if read is not None and f.attr not in read:
                raise self.fail(
                    node,
                    catalog.said(
                        "spec.expr.keras_losses"
                        if module in spelling.KERAS_LOSSES
                        else "spec.expr.norm_dist"
                        if module in spelling.NORM_DIST
                        else "spec.expr.keras_activations",
                        f=ast.unparse(f),
                        read=", ".join(read),
                    ),
                )
            node = ast.Call(ast.Name(f.attr, ast.Load()), node.args, node.keywords)
            ast.copy_location(node, f)
        elif isinstance(f, ast.Attribute) and f.attr in _RESHAPES and self.shapes is not None:
            module = "method"
            node = ast.Call(ast.Name(f.attr, ast.Load()), [f.value, *node.args], node.keywords)
            ast.copy_location(node, f)
        elif isinstance(f, ast.Attribute) and _in_place(f.attr):
            raise self.fail(
                node,
                catalog.said("spec.expr.call_13", attr=f.attr, x=f.attr[:-1], x2=f.attr[:-1]),
            )
        elif isinstance(f, ast.Attribute) and spelling.method(f.attr):
            # X.sum(axis=0), Z.exp(), A.dot(B), x.pow(2): the method spelling of the function
            self.receiver(f)
            # x.std(0): NumPy's n or PyTorch's n − 1, as the library the spec is written with
            module = self.dialect if f.attr in ("var", "std") and self.dialect else "method"
            node = ast.Call(ast.Name(f.attr, ast.Load()), [f.value, *node.args], node.keywords)
            ast.copy_location(node, f)
        if not isinstance(node.func, ast.Name):
            raise self.fail(node, _not_named_hn24(node.func, self.shapes or {}))
        if (
            node.func.id == "len"
            and self.shapes is not None
            and len(node.args) == 1
            and not node.keywords
        ):
            # len(X) is X.shape[0], as for a NumPy array
            shape_of = ast.Attribute(node.args[0], "shape", ast.Load())
            return self.convert(ast.Subscript(shape_of, ast.Constant(0), ast.Load()), depth)
        if node.func.id == RESHAPED and not module:
            return self.reshaped(node, depth)
        if node.func.id in _RESHAPES and module and self.shapes is not None:
            return self.reshape(node, depth)
        if node.func.id in _REORDERS and module and self.shapes is not None:
            return self.convert(ast.copy_location(self.reordered(node), node), depth)
        if node.func.id == "group_norm" and module and self.shapes is not None:
            grouped = _group_norm_hn24(node, self.shapes)
            if grouped is None:
                raise self.fail(node, catalog.said("spec.heldnets24.group_norm"))
            return self.convert(ast.copy_location(grouped, node), depth)
        if node.func.id in _BLOCKWISE and module and self.shapes is not None:
            if node.func.id == "prod" and len(node.args) == 3:
                node = self.positional_keepdim(node, "prod", module)
            return self.convert(ast.copy_location(self.blockwise(node), node), depth)
        if node.func.id == "pdist" and module and self.shapes is not None:
            shape = _ast_shape(node.args[0], self.shapes) if node.args else None
            try:  # spellings26: the rows' pairwise distances, a 1-D vector (a row here)
                pairs = spelling.pdist_s26(node, None if shape is None else shape[0])
            except spelling.SpellingError as err:
                raise self.fail(node, err.spoken) from None
            return self.convert(ast.copy_location(pairs, node), depth)
        if node.func.id in ("var_mean", "std_mean") and module:
            said = catalog.said("spec.spellings26.moment_pair", name=node.func.id)
            raise self.fail(node, said)
        if node.func.id == "moments" and module in ("tf.nn", "tensorflow.nn"):
            raise self.fail(node, catalog.said("spec.heldnets34.moments_pair"))
        if node.func.id == "local_response_norm" and module:
            raise self.fail(node, catalog.said("spec.spellings26.lrn"))
        if node.func.id in ("trapz", "trapezoid") and module and self.shapes is not None:
            try:  # spellings26: the trapezoid rule, as a sum of its trapezoids
                ruled = spelling.trapezoid_s26(node, self.vector, module)
            except spelling.SpellingError as err:
                raise self.fail(node, err.spoken) from None
            return self.convert(ast.copy_location(ruled, node), depth)
        if node.func.id in ("diag", "diagonal", "trace") and module and self.shapes is not None:
            entries = self.diagonal(node)
            if entries is not None and node.func.id == "trace":  # the sum of the diagonal
                entries = ast.Call(ast.Name("sum", ast.Load()), [entries], [])
            if entries is not None:
                return self.convert(ast.copy_location(entries, node), depth)
        if node.func.id == "tensor" and module == "torch" and self.named_constant(node):
            # torch.tensor(pw) of a [constants] name (pos_weight=torch.tensor(pw)): the number
            return self.convert(node.args[0], depth)
        if node.func.id == "norm" and module in (
            "np.linalg", "jnp.linalg", "numpy.linalg", "torch.linalg"
        ):
            node = self.vector_norm(node)
        node = spelling.argmax_labels_hn25(spelling.keywords(node))
        node = spelling.class_indices(spelling.keywords(node), self.picks)
        try:
            respelled = spelling.respell(node, module)
        except spelling.SpellingError as err:
            raise self.fail(node, err.spoken) from None
        if respelled is not None:
            return self.convert(ast.copy_location(respelled, node), depth)
        name = node.func.id
        sig = ops.signature(name)
        if sig is None and name in SUGAR:
            return self.sugar(node, name, depth)
        if sig is None and name in LINALG and module:
            most = INVERSE_MAX if name in ("inv", "inverse") else LINALG_MAX
            raise self.fail(node, catalog.said("spec.expr.linalg", f=name, n=str(most)))
        if sig is None and name in _BY_RANK_HN23:
            raise self.fail(node, catalog.said("spec.heldnets23.by_rank", name=name))
        if sig is None and name in RUNNING_EXTREMES_HN41:
            raise self.fail(node, catalog.said("spec.heldnets41.running_extreme", name=name))
        if sig is None and name in ("ctc_loss", "ctc_batch_cost") and module:
            raise self.fail(node, catalog.said("spec.heldnets26.ctc", f=name))
        if sig is None and name in MATRIX_FUNCTIONS_HN45 and module:
            raise self.fail(node, catalog.said("spec.heldnets45.matrix_function", f=name))
        if sig is None and name in DECOMPOSITIONS_HN26 and module:
            raise self.fail(node, catalog.said("spec.heldnets26.decomposition", f=name))
        if sig is None and name in COMPLEX_HN27 and module:
            raise self.fail(node, catalog.said("spec.heldnets27.complex", f=name))
        if sig is None and name in SCATTERS_HN27:
            raise self.fail(node, catalog.said("spec.heldnets27.scatter", f=name))
        if sig is None and name == "randperm":  # heldnets39: mixup's shuffled batch
            raise self.fail(node, catalog.said("spec.heldnets39.permutation", name=name))
        if sig is None and name in spelling.RESAMPLING_R46 and module:  # F.interpolate(h, …)
            raise self.fail(node, catalog.said("spec.round46.resample", f=name))
        if sig is None and name in _SAMPLING_HN24:
            raise self.fail(node, catalog.said("spec.heldnets24.sampling", name=name))
        if sig is None and name in ("bmm", "baddbmm"):
            raise self.fail(node, catalog.said("spec.heldnets24.batched", name=name))
        if sig is None and name in _COMPARISONS_HN31 and module:  # tf.equal(a, b), torch.eq
            raise self.fail(node, catalog.said("spec.heldnets31.compare", text=ast.unparse(node)))
        if sig is None:
            allowed = ", ".join(callable_names())
            raise self.fail(node, catalog.said("spec.unknown_function", name=name, allowed=allowed))
        lo, hi, keys = sig
        if ops.get(name).kind == ops.REDUCTION and len(node.args) == 3:
            node = self.positional_keepdim(node, name, module)
        if ops.get(name).kind == ops.REDUCTION:
            node = self.keepdims(node, name)
        if ops.get(name).kind == ops.REDUCTION and len(node.args) == 2:
            if node.keywords:
                raise self.fail(node, catalog.said("spec.axis_twice", f=name))
            # sum(X, 0) is sum(X, axis=0), as in NumPy
            axis = _axis(self.convert(node.args[1], depth))
            return Call(name, (self.convert(node.args[0], depth),), (("axis", axis),))
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.fail(node, catalog.said("spec.starred"))
        if not lo <= len(node.args) <= hi:
            want = str(lo) if lo == hi else catalog.said("spec.range", lo=lo, hi=hi)
            raise self.fail(node, catalog.said("spec.nargs", f=name, want=want, got=len(node.args)))
        args = tuple(self.convert(a, depth) for a in node.args)
        kwargs = []
        given = set(keys[: len(node.args) - lo])  # optional parameters passed by position
        if ops.get(name).kind == ops.CONCAT:
            given = set()  # concat(A, B, C, axis=1): every positional argument is a tensor
        for kw in node.keywords:
            if kw.arg is None or kw.arg not in keys:
                allowed = ", ".join(keys) or catalog.said("spec.none")
                said = catalog.said("spec.keyword", f=name, key=kw.arg, allowed=allowed)
                raise self.fail(node, said)
            if kw.arg in given:
                raise self.fail(node, catalog.said("spec.keyword_twice", f=name, key=kw.arg))
            given.add(kw.arg)
            value = self.convert(kw.value, depth)
            kwargs.append((kw.arg, _axis(value) if kw.arg == "axis" else value))
        op = ops.get(name)
        if op.kind == ops.LOSS and len(args) > op.nargs[0]:
            # bce(P, Y, 2) is bce(P, Y, pos_weight=2): a loss's parameters become keywords
            extra = [key for key, _ in op.params][: len(args) - op.nargs[0]]
            if any(k in dict(kwargs) for k in extra):
                raise self.fail(node, catalog.said("spec.param_twice", f=name))
            kwargs = list(zip(extra, args[op.nargs[0] :], strict=True)) + kwargs
            args = args[: op.nargs[0]]
        if op.kind == ops.ELEMENTWISE:  # leaky_relu(x, 1/5): a parameter as arithmetic of numbers
            args = (args[0], *(_folded(a) for a in args[1:])) if args else args
            kwargs = [(k, _folded(v)) for k, v in kwargs]
        w = dict(kwargs).get("pos_weight")
        if name == "bce" and w is not None and self.tensor_valued(w):
            return _bce_weighted_by(args[0], args[1], w)
        return Call(name, args, tuple(kwargs))

    def vector_norm(self, node: ast.Call) -> ast.Call:
        """NumPy's ``np.linalg.norm(w, 1)`` / ``ord=2`` of a column or a 1-D vector (the course's
        weight vector ``w = [n, 1]``): the matrix 1-norm of one column (its largest column sum)
        is the vector 1-norm ``sum(|w|)`` (abs's kink at 0 with PyTorch's 0), and the 2-norm
        (its largest singular value) of one column or row the Frobenius ``np.linalg.norm(w)``.
        ``node`` unchanged otherwise: a row's 1-norm (its largest |entry|) and a matrix's 1- or
        2-norm stay refused."""
        kws = {k.arg: k.value for k in node.keywords}
        order = node.args[1] if len(node.args) == 2 else kws.get("ord")
        if order is None or not 1 <= len(node.args) <= 2 or set(kws) - {"ord"}:
            return node
        shape = _ast_shape(node.args[0], self.shapes or {})
        if shape is None or 1 not in shape:
            return node
        if spelling.infinity(order) == 1:
            order = ast.Constant(float("inf"))  # np.inf, float('inf'), torch.inf
        if not isinstance(order, ast.Constant):
            return node
        column = shape[1] == 1 or self.vector(node.args[0])  # a 1-D vector too, not a row:
        entries = ast.Call(ast.Name("abs", ast.Load()), [node.args[0]], [])
        if type(order.value) is int and order.value == 1 or order.value == float("inf"):
            # a vector's (a column's) 1-norm sum|x|, ∞-norm max|x|; a row matrix's the other
            # way round (its largest column sum, its row sum)
            total = (order.value == 1) == column
            return ast.Call(ast.Name("sum" if total else "max", ast.Load()), [entries], [])
        if type(order.value) is int and order.value == 2:
            return ast.Call(node.func, [node.args[0]], [])
        return node

    def named_constant(self, node: ast.Call) -> bool:
        """``node``'s first argument is a [constants] name (a number, not a tensor)."""
        arg = node.args[0] if node.args else None
        return isinstance(arg, ast.Name) and arg.id in self.constants

    def tensor_valued(self, n: Node) -> bool:
        """``n`` reads a tensor (not only numbers and [constants] names)."""
        if self.shapes is None:
            return False
        return any(x in self.shapes and x not in self.constants for x in names(n))

    def sugar(self, node: ast.Call, name: str, depth: int) -> Node:
        """``maximum``/``minimum``/``square`` written with the table's ops (see :data:`SUGAR`)."""
        want = SUGAR[name]
        if node.keywords or len(node.args) != want or any(
            isinstance(a, ast.Starred) for a in node.args
        ):
            key = "spec.nargs_sugar" if want > 1 else "spec.nargs_sugar_one"
            raise self.fail(node, catalog.said(key, f=name, want=want))
        args = [self.convert(a, depth) for a in node.args]
        if name == "square":
            return Pow(args[0], Fraction(2))
        a, b = args
        zero = Num(Fraction(0))
        # zeros_like(a), read as 0·a, is the number 0 next to a (d2l: torch.max(X, zeros_like(X)))
        a, b = (zero if x == BinOp("*", zero, y) else x for x, y in ((a, b), (b, a)))
        if a == zero:
            a, b = b, a
        if b == zero:  # relu's convention at 0: the gradient goes to the constant 0 (a tie
            # at given values is refused: numeric.verify.spelled_ties)
            if name == "maximum":
                return Call("relu", (a,), tie=name)
            return Neg(Call("relu", (Neg(a),), tie=name))
        if name == "maximum":
            leaky = _leaky_max(a, b)
            if leaky is not None:  # np.maximum(0.01 * z, z): a leaky ReLU, as courses write it
                return leaky
        half = Num(Fraction(1, 2))
        mid = BinOp("*", half, BinOp("+", a, b))
        spread = BinOp("*", half, Call("abs", (BinOp("-", a, b),)))
        return BinOp("+" if name == "maximum" else "-", mid, spread)

    def positional_keepdim(self, node: ast.Call, name: str, module: str) -> ast.Call:
        """PyTorch's ``torch.sum(Z, 1, True)`` / ``Z.mean(1, True)``: the third positional
        argument is ``keepdim`` (as keyword ``keepdims``). NumPy's third is ``dtype``, so
        ``np.sum(Z, 1, True)`` is refused with what to write."""
        third = node.args[2]
        if module in ("np", "numpy", "jnp", "jax.numpy") or not (
            isinstance(third, ast.Constant) and isinstance(third.value, bool)
        ):
            raise self.fail(
                node,
                catalog.said("spec.expr.positional_keepdim_1", name=name, name2=name),
            )
        keep = ast.keyword("keepdims", third)
        return ast.Call(node.func, node.args[:2], [*node.keywords, keep])

    def keepdims(self, node: ast.Call, name: str) -> ast.Call:
        """NumPy's ``keepdims``: ``True`` is what the language does anyway (a ``[1, k]`` row or an
        ``[m, 1]`` column); ``False`` is the same except along axis 1, where NumPy's 1-D result
        would broadcast as a row — refused there with the fix."""
        kept = [k for k in node.keywords if k.arg != "keepdims"]
        if len(kept) == len(node.keywords):
            return node
        value = next(k.value for k in node.keywords if k.arg == "keepdims")
        if not (isinstance(value, ast.Constant) and isinstance(value.value, bool)):
            raise self.fail(node, catalog.said("spec.expr.keepdims_1", name=name))
        axis = [k.value for k in kept if k.arg == "axis"] + node.args[1:2]
        along_rows = any(isinstance(a, ast.Constant) and a.value in (1, -1) for a in axis)
        if value.value is False and along_rows:
            raise self.fail(
                node,
                catalog.said("spec.expr.keepdims_2", name=name),
            )
        return ast.Call(node.func, node.args, kept)

    def split_of(self, node: ast.AST) -> str:
        """The flavour of a split call (``np.split``, ``torch.chunk``, ``a.chunk``; see
        :func:`splits.flavour`), or ``""``."""
        return splits.flavour(node, self.shapes or {})

    def split_parts(self, node: ast.Call, how: str) -> splits.Split:
        try:
            return splits.read(node, how, self.shapes or {}, self.one_d)
        except splits.SplitError as err:
            raise self.fail(node, err.spoken) from None

    def split_part(self, node: ast.Subscript, depth: int) -> Node | None:
        """``np.split(a, 4, axis=1)[2]``, ``torch.chunk(a, 4, dim=1)[0]``, ``a.split(H, 1)[-1]``:
        that part, read as the slice ``a[:, 2*H:3*H]`` (see :mod:`derive.lang.splits`). ``None``
        when ``node`` is not a part of a split."""
        how = self.split_of(node.value)
        if not how:
            return None
        assert isinstance(node.value, ast.Call)
        split = self.split_parts(node.value, how)
        j = _int_index(node.slice)
        count = len(split.bounds)
        if j is None or not -count <= j < count:
            raise self.fail(
                node,
                catalog.said(
                    "spec.expr.split_part_1", x=ast.unparse(node.value), count=count, x2=count - 1
                ),
            )
        start, stop = split.bounds[j % count]
        bounds = tuple(
            (key, self.convert(b, depth)) for key, b in (("start", start), ("stop", stop))
            if b is not None
        )
        axis = ("axis", Num(Fraction(split.axis)))
        return Call("slice", (self.convert(split.tensor, depth),), (*bounds, axis))

    def lookup(self, node: ast.AST, table: str, y: str) -> Node:
        """An embedding lookup ``E[y]``: row ``y_i`` of ``E`` for each label, exactly the product
        ``Y @ E`` of the labels read as one-hot rows (one column per row of ``E``)."""
        if y not in self.picks:
            raise self.fail(
                node,
                catalog.said(
                    "spec.expr.lookup_1", table=table, y=y, table2=table, y2=y, table3=table
                ),
            )
        if table in self.one_d:
            # a 1-D table (NumPy's b[y] of a bias per class): entry y_i for each label, NumPy's
            # 1-D result, a row: (Y @ bᵀ)ᵀ
            return Transpose(BinOp("@", Name(y), Transpose(Name(table))))
        return BinOp("@", Name(y), Name(table))

    def column_lookup(self, node: ast.Call) -> Node | None:
        """``b[y].squeeze(1)`` (also ``.squeeze()``, ``.squeeze(-1)``, ``.flatten()``,
        ``.view(-1)``, ``.reshape(-1)``) of a lookup in a column table ``b`` (``[n, 1]``, a
        bias per user in ``nn.Embedding(n, 1)``): the looked-up column as PyTorch's 1-D result,
        a row. ``None`` for anything else."""
        looked = embedding_lookup(node.args[0]) if node.args else None
        if looked is None or node.keywords or self.shapes is None:
            return None
        shape = self.shapes.get(looked[0])
        if shape is None or len(shape) != 2 or int(shape[1]) != 1 or looked[0] in self.one_d:
            return None
        rest = [_small_int(a) for a in node.args[1:]]
        name = node.func.id  # type: ignore[attr-defined]
        ok = (
            (name == "squeeze" and rest in ([], [1], [-1]))
            or (name in ("flatten", "ravel") and rest == [])
            or (name in ("view", "reshape") and rest == [-1])
        )
        return Transpose(self.lookup(node, *looked)) if ok else None

    def whole_vector(self, node: ast.Call) -> ast.Call | None:
        """``np.sum(w ** 2, axis=0)``, ``w.sum(0)`` of a 1-D vector ``w``: axis 0 is its only
        axis, so NumPy and PyTorch give one number — the call without its axis (a 1-D vector is
        a row here, whose axis 0 would keep it). ``None`` when the tensor is not 1-D."""
        f = node.func
        assert isinstance(f, ast.Attribute)
        method = not _module_of(f.value)
        x = f.value if method else (node.args[0] if node.args else None)
        if x is None or not self.vector(x):
            return None
        args = node.args[: 0 if method else 1]
        kws = [k for k in node.keywords if k.arg not in ("axis", "dim", "keepdims", "keepdim")]
        return ast.copy_location(ast.Call(f, args, kws), node)

    def gather(self, node: ast.Call, depth: int) -> Node:
        """PyTorch's ``P.gather(1, y.unsqueeze(1))``: each row's entry at its class label ``y``
        (integers declared 1-D, read as one-hot rows by the spec), as the ``[N, 1]`` column
        ``Σ_j P_ij y_ij`` — the pick ``P[np.arange(N), y][:, None]`` — exactly."""
        got = gather_label(node)
        if got is None:
            raise self.fail(
                node,
                catalog.said("spec.expr.gather_1"),
            )
        p, y = got
        if y not in self.picks:
            raise self.fail(
                node,
                catalog.said("spec.expr.gather_2", y=y),
            )
        picked = BinOp("*", self.convert(p, depth + 1), Name(y))
        return Call("sum", (picked,), (("axis", Num(Fraction(1))),))

    def pick(self, node: ast.Subscript, depth: int) -> Node | None:
        """CS231n's ``P[np.arange(N), y]`` (also ``range(N)``, ``torch.arange(N)``): each row's
        entry in the column of its class label ``y`` (integers, declared 1-D ``[N]``). With
        ``y`` read as one-hot rows it is the row-wise sum ``Σ_j P_ij y_ij`` — exactly, so every
        rule and proof applies —, a 1-D result as NumPy gives it: a row ``[1, N]`` (``[:, None]``
        after it makes the column). ``None`` when ``node`` is not of this form."""
        column = False
        parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if (
            len(parts) == 2
            and isinstance(parts[0], ast.Slice)
            and parts[0].lower is None
            and parts[0].upper is None
            and parts[0].step is None
            and isinstance(parts[1], ast.Constant)
            and parts[1].value is None
            and isinstance(node.value, ast.Subscript)
        ):  # P[np.arange(N), y][:, None]: the column
            column, node = True, node.value
            parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if not (len(parts) == 2 and _is_arange(parts[0]) and isinstance(parts[1], ast.Name)):
            return None
        y = parts[1].id
        if not isinstance(node.value, ast.Name) or node.value.id not in self.shapes:
            raise self.fail(
                node,
                catalog.said("spec.expr.pick_1", x=ast.unparse(node)),
            )
        p = node.value.id
        shape = self.shapes[p]
        if len(shape) != 2:
            raise self.fail(node, catalog.said("spec.expr.pick_2", p=p))
        rows, cols = shape
        assert isinstance(parts[0], ast.Call)
        n = self.convert(parts[0].args[0], depth)
        count = n.value if isinstance(n, Num) else (
            _dim_value(n.id, self.shapes) if isinstance(n, Name) else None
        )
        if count is None:  # np.arange(N * T) of rows declared ["N * T", …] (CS231n's RNN)
            count = self.size_value(parts[0].args[0])
        if count != int(rows):
            raise self.fail(
                node,
                catalog.said(
                    "spec.expr.pick_3",
                    x=ast.unparse(parts[0]),
                    x2=int(rows),
                    p=p,
                    x3=_size_text(rows),
                ),
            )
        known = self.picks.get(y)
        declared = self.shapes.get(y)
        one_row = y in self.one_d and declared is not None and int(declared[1]) == int(rows)
        if not one_row and (known is None or known[1] != int(cols)):
            raise self.fail(
                node,
                catalog.said("spec.expr.pick_4", y=y, y2=y, x=_size_text(rows), x2=int(cols)),
            )
        self.picks[y] = (p, int(cols))
        picked = Call("sum", (BinOp("*", Name(p), Name(y)),), (("axis", Num(Fraction(1))),))
        return picked if column else Transpose(picked)

    def slice(self, node: ast.Subscript, depth: int) -> Node | None:
        """``a[:, h:2*h]``, ``X[0:1, :]``, ``X[0:1]``, ``a[:, -h:]``: a block of columns or rows,
        read as ``slice(a, start=…, stop=…, axis=k)`` (both axes: a block of a block). The
        bounds stay expressions ([dims] names, numbers, + - *); the spec checks them against
        the shape. ``None`` when a part is not a slice (an index: refused by the caller)."""
        parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if (
            len(parts) == 2
            and isinstance(parts[0], ast.Slice)
            and (parts[0].lower, parts[0].upper, parts[0].step) == (None, None, None)
            and isinstance(parts[1], ast.Constant)
            and parts[1].value is None
            and isinstance(node.value, ast.Name)
            and self.shapes is not None
            and len(self.shapes.get(node.value.id, ())) == 2
            and int(self.shapes[node.value.id][0]) == 1
        ):  # v[:, None] of a 1-D v (a row here, as NumPy broadcasts it): the column
            return Transpose(Name(node.value.id))
        if (
            len(parts) == 2
            and isinstance(parts[1], ast.Slice)
            and (parts[1].lower, parts[1].upper, parts[1].step) == (None, None, None)
            and isinstance(parts[0], ast.Constant)
            and parts[0].value is None
            and isinstance(node.value, ast.Name)
            and self.shapes is not None
            and len(self.shapes.get(node.value.id, ())) == 2
            and int(self.shapes[node.value.id][0]) == 1
        ):  # v[None, :] of a 1-D v: the row it already is here
            return Name(node.value.id)
        new_axis = self.new_axis(node, parts, depth)
        if new_axis is not None:
            return new_axis
        stepped = self.stepped_s25(node, parts)
        if stepped is not None:
            return self.convert(ast.copy_location(stepped, node), depth)
        spec_line = self.shapes is not None  # derive check reads entries X[0, 1] by name
        if not 1 <= len(parts) <= 2 or not all(
            isinstance(p, ast.Slice) or (spec_line and _int_index(p) is not None) for p in parts
        ):
            return None
        v = node.value
        if isinstance(v, ast.Subscript) and (len(parts) == 1 or any(
            not isinstance(p, ast.Slice) for p in parts
        )):
            return None  # p[0][1]: the inner result may be 1-D; refused naming the form
        name = v.id if isinstance(v, ast.Name) else None
        shape = self.shapes.get(name, ()) if spec_line and name else ()
        axes: list[int] = [0, 1]
        # round 28: an expression 1-D by its form (softmax(z)[1] of a 1-D z) indexes entries too
        inline_1d = name is None and spec_line and len(parts) == 1 and self.vector(v)
        if name in self.one_d or inline_1d:  # b = ["h"]: NumPy's 1-D b[k], b[lo:hi] index its entries
            if len(parts) == 2:
                raise self.fail(
                    node,
                    catalog.said(
                        "spec.expr.slice_1",
                        name=name,
                        x=_size_text(shape[1]),
                        name2=name,
                        name3=name,
                    ),
                )
            axes = [1]
        elif len(parts) == 1 and len(shape) == 2 and int(shape[0]) == 1:
            raise self.fail(
                node,
                catalog.said(
                    "spec.expr.slice_2", name=name, x=ast.unparse(node), name2=name, name3=name
                ),
            )
        out = self.convert(v, depth)
        dropped = []  # axes an integer index removes (NumPy's 1-D result is a row here)
        for axis, part in zip(axes, parts):
            k = _int_index(part)
            if k is not None:  # X[0], a[:, -1]: the block of one, then the axis dropped
                stop = () if k == -1 else (("stop", Num(Fraction(k + 1))),)
                start = ("start", Num(Fraction(k)))
                out = Call("slice", (out,), (start, *stop, ("axis", Num(Fraction(axis)))))
                dropped.append(axis)
                continue
            assert isinstance(part, ast.Slice)
            if part.step is not None:
                raise self.fail(
                    node,
                    catalog.said("spec.expr.slice_3", x=ast.unparse(node)),
                )
            if part.lower is None and part.upper is None:
                continue
            bounds = tuple(
                (key, self.convert(b, depth))
                for key, b in (("start", part.lower), ("stop", part.upper))
                if b is not None
            )
            out = Call("slice", (out,), (*bounds, ("axis", Num(Fraction(axis)))))
        # a[:, j] is 1-D of the m rows: a row [1, m] as NumPy broadcasts it, the column's transpose
        return Transpose(out) if dropped == [1] and axes == [0, 1] else out

    def stepped_s25(self, node: ast.Subscript, parts: list[ast.expr]) -> ast.expr | None:
        """NumPy's/PyTorch's stepped slice (``r[::-1]``, ``x[:, ::-1]``, ``x[::2]``,
        ``x[4:0:-2, 1:3]``) of a tensor whose size the declared shapes give: the entries Python's
        ``slice(lo, hi, step).indices(size)`` picks, in that order, joined along the axis (a
        reversal is the flip, read as a flip is); each entry's gradient goes back to where it
        came from. A 1-D name's only axis is its row. ``None`` when no part has a step; a step
        not read so (an unknown size, bounds or a step not whole numbers, an index beside it, no
        entry picked) is refused naming the spelling."""
        if not any(isinstance(p, ast.Slice) and p.step is not None for p in parts):
            return None
        v, shapes = node.value, self.shapes or {}
        one_d = isinstance(v, ast.Name) and v.id in self.one_d
        shape = _ast_shape(v, shapes) if self.shapes is not None else None
        if shape is None or len(parts) > (1 if one_d else 2) or (self.vector(v) and not one_d):
            raise self.fail(node, catalog.said("spec.expr.slice_3", x=ast.unparse(node)))
        axes = [1] if one_d else [0, 1]
        parts = parts + [ast.Slice(None, None, None)] * (len(axes) - len(parts))
        if not all(isinstance(p, ast.Slice) for p in parts):
            raise self.fail(node, catalog.said("spec.expr.slice_3", x=ast.unparse(node)))
        out = v
        for axis, part in zip(axes, parts, strict=True):
            assert isinstance(part, ast.Slice)
            if part.step is None:
                continue
            bounds = [None if b is None else _int_index(b) for b in (part.lower, part.upper)]
            step = _int_index(part.step)
            if step in (None, 0) or any(b is None and e is not None for b, e in zip(
                bounds, (part.lower, part.upper), strict=True
            )):
                raise self.fail(node, catalog.said("spec.expr.slice_3", x=ast.unparse(node)))
            picked = range(*slice(bounds[0], bounds[1], step).indices(shape[axis]))
            if not picked or len(picked) > MAX_BLOCKS:
                raise self.fail(node, catalog.said("spec.expr.slice_3", x=ast.unparse(node)))
            rest = [
                p if a != axis and isinstance(p, ast.Slice) and p.step is None
                else ast.Slice(None, None, None)
                for a, p in zip(axes, parts, strict=True)
            ]

            def entry(i: int, of: ast.expr, rest: list[ast.expr] = rest, axis: int = axis) -> ast.expr:
                at = [ast.Slice(ast.Constant(i), ast.Constant(i + 1)) if a == axis else r
                      for a, r in zip(axes, rest, strict=True)]
                index = at[0] if len(at) == 1 else ast.Tuple(at, ast.Load())
                return ast.Subscript(of, index, ast.Load())

            out = _joined([entry(i, out) for i in picked], axis)
            parts = [ast.Slice(None, None, None)] * len(axes)  # the other parts are taken
        return out

    def new_axis(self, node: ast.Subscript, parts: list[ast.expr], depth: int) -> Node | None:
        """``v[:, None]`` / ``v[None, :]`` (or ``np.newaxis``) of a 1-D NumPy result: a 1-D
        expression (a row here) or a reduction along an axis without keepdims, e.g.
        ``s.max(axis=1)[:, None]`` (the language keeps a reduction along rows as the column
        [m, 1] and along columns as the row [1, k], the shapes keepdims=True gives). ``None`` when
        it is not that form."""
        if len(parts) != 2 or self.shapes is None:
            return None
        whole = [
            isinstance(p, ast.Slice) and (p.lower, p.upper, p.step) == (None, None, None)
            for p in parts
        ]
        new = [_is_new_axis(p) for p in parts]
        if whole != [True, False] and whole != [False, True] or not any(new):
            return None
        column = new[1]  # v[:, None]: the column; v[None, :]: the row
        axis = _reduction_axis(node.value)
        if axis is None and not self.vector(node.value):
            return None
        self.columns.add(id(node.value))  # the reduction as keepdims gives it, then the axis
        try:
            out = self.convert(node.value, depth)
        finally:
            self.columns.discard(id(node.value))
        is_column = axis == 1  # the language's shape of the reduction (a vector: a row)
        return out if column == is_column else Transpose(out)

    def index(self, node: ast.Subscript) -> Index:
        if not isinstance(node.value, ast.Name):
            raise self.fail(node, catalog.said("spec.expr.index_1"))
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        idx = []
        for p in parts:
            if not (isinstance(p, ast.Constant) and type(p.value) is int and p.value >= 0):
                raise self.fail(node, catalog.said("spec.expr.index_2"))
            idx.append(p.value)
        return Index(node.value.id, tuple(idx))


def _explicit_softmax(n: BinOp) -> Node | None:
    """``np.exp(s) / np.sum(np.exp(s), axis=1, keepdims=True)`` (CS231n's probs) is
    ``softmax(s)``, exactly; so is the stable form with the row max subtracted, ``np.exp(s -
    np.max(s, axis=1, keepdims=True)) / …``: a shift constant along each row changes neither
    softmax's values nor its derivative. ``None`` when ``n`` is not of this form."""
    if not (
        n.op == "/"
        and isinstance(n.left, Call)
        and n.left.func == "exp"
        and len(n.left.args) == 1
        and n.right == Call("sum", (n.left,), (("axis", Num(Fraction(1))),))
    ):
        return None
    u = n.left.args[0]
    if (
        isinstance(u, BinOp)
        and u.op == "-"
        and isinstance(u.right, Call)
        and u.right.func == "sum"
        and u.right.kwargs == (("axis", Num(Fraction(1))),)
        and u.right.args
        and u.right.args[0]
        in (
            BinOp("*", u.left, Call(mask, (u.left,))) for mask in ("max_mask", "max_share")
        )
    ):
        u = u.left  # s − max(s) along each row: the shift softmax ignores
    return Call("softmax", (u,))


def _explicit_sigmoid(n: BinOp) -> Node | None:
    """``1 / (1 + np.exp(-z))`` (CS229's ``g(θᵀx)``, Ng's and 邱锡鹏's σ written out; also
    ``(1 + exp(-z)) ** -1`` is left as written) is ``sigmoid(z)``, exactly: its values and
    derivative are σ's, and read so the backward step is the textbook ``a ⊙ (1 − a)`` and a
    cross-entropy after it simplifies to ``a − y``. ``None`` when ``n`` is not of this form."""
    if not (n.op == "/" and isinstance(n.left, Num) and n.left.value == 1):
        return None
    d = n.right
    if not (isinstance(d, BinOp) and d.op == "+"):
        return None
    for one, e in ((d.left, d.right), (d.right, d.left)):
        if (
            isinstance(one, Num)
            and one.value == 1
            and isinstance(e, Call)
            and e.func == "exp"
            and len(e.args) == 1
            and not e.kwargs
            and (z := _negated(e.args[0])) is not None
        ):
            return Call("sigmoid", (z,))
    return None


def _negated(n: Node) -> Node | None:
    """``z`` where ``n`` is ``−z`` as written: ``-z``, and ``-X @ w`` (Python reads ``(-X) @ w``),
    ``-a * b``, ``-a / b`` with the minus on the first factor; else None."""
    if isinstance(n, Neg):
        return n.operand
    if isinstance(n, BinOp) and n.op in ("@", "*", "/") and (left := _negated(n.left)) is not None:
        return BinOp(n.op, left, n.right)
    return None


LONG_NUMBER = 10**12  # a float literal of 13+ digits (np.pi is 3141592653589793/10^15)


def _folded(n: Node) -> Node:
    """``n`` as one number where it is arithmetic of numbers (``1/5``), else ``n``."""
    v = None if isinstance(n, Num) else number_value(n)
    return n if v is None else Num(v)


def number_value(n: Node) -> Fraction | None:
    """The exact value of arithmetic of numbers (``2 / np.pi``), else ``None``."""
    if isinstance(n, Num):
        return n.value
    if isinstance(n, Neg):
        v = number_value(n.operand)
        return None if v is None else -v
    if isinstance(n, BinOp) and n.op in "+-*/":
        a, b = number_value(n.left), number_value(n.right)
        if a is None or b is None or (n.op == "/" and b == 0):
            return None
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else a}[n.op]
    return None


def _root(n: int, q: int) -> int | None:
    """The whole q-th root of ``n`` ≥ 0 where there is one, else None."""
    r = round(n ** (1 / q)) if n < 2**1000 else None
    if r is None:
        return None
    for c in (r - 1, r, r + 1):
        if c >= 0 and c**q == n:
            return c
    return None


def number_power(a: Fraction, b: Fraction) -> Fraction | str:
    """``a ** b`` of two numbers as Python computes it: exact where the power is a rational
    number (``3 ** 2``, ``4 ** 0.5``, ``8 ** (1/3)`` read exactly), else the float64 number Python
    gives (``2 ** 0.5`` → 1.4142135623730951, kept exactly as that decimal, as a long float
    is). A catalogue key where Python gives no real number (a negative base to a fractional
    power is complex, 0 to a negative power divides by 0) or one too large."""
    if a == 0 and b < 0:
        return "spec.expr.gaps9_power_zero"
    if a < 0 and b.denominator != 1:
        return "spec.expr.gaps9_power_negative"
    if abs(b) > 256 or (abs(a) > 1 and abs(b) * max(len(str(a.numerator)), len(str(a.denominator))) > 400):
        return "spec.expr.gaps9_power_large"
    p, q = b.numerator, b.denominator
    if q == 1:
        return a**p
    if q <= 64:
        num, den = _root(a.numerator, q), _root(a.denominator, q)
        if num is not None and den is not None:
            return Fraction(num, den) ** p
    with np.errstate(all="ignore"):
        out = float(a) ** float(b)
    if not np.isfinite(out):
        return "spec.expr.gaps9_power_large"
    return Fraction(repr(out))


def _power(base: Node, k: Fraction) -> Node:
    """``base ** k``, a whole power of a root or of a power taken together, exactly: ``(√s)² =
    s`` (``np.linalg.norm(x) ** 2`` is ``sum(x ** 2)``, whose derivative is ``2x``, not ``2√s ·
    1/(2√s) · 2x``), ``(y^a)^n = y^(a·n)`` for a whole ``n``; ``(y²)^(1/2)`` (= |y|) is kept."""
    if k.denominator != 1:
        return Pow(base, k)
    if isinstance(base, Call) and base.func in ("sqrt", "sqrt0") and len(base.args) == 1:
        if not base.kwargs and k % 2 == 0:
            return base.args[0] if k == 2 else Pow(base.args[0], k / 2)
    elif isinstance(base, Pow):
        n = base.exponent * k
        return base.base if n == 1 else Pow(base.base, n)
    return Pow(base, k)


def _float_constant(n: Node) -> Node:
    """``np.sqrt(2 / np.pi)``: a function or fractional power of numbers that involve a long float
    (np.pi, math.e, a 16-digit literal) is the float64 number NumPy computes — kept exactly as
    that decimal — instead of ``√(2000000000000000/3141592653589793)`` in every formula. Short
    numbers keep their exact form (``2 ** 0.5`` is √2)."""
    if isinstance(n, Pow):
        arg, fn = n.base, None
    elif isinstance(n, Call) and len(n.args) == 1 and not n.kwargs:
        op = ops.OPS.get(n.func)
        if op is None or op.kind != ops.ELEMENTWISE or op.numpy is None:
            return n
        arg, fn = n.args[0], op.numpy
    else:
        return n
    v = number_value(arg)
    if v is None or max(abs(v.numerator), v.denominator) <= LONG_NUMBER:
        return n
    with np.errstate(all="ignore"):
        x = np.array(float(v))
        out = float(x ** float(n.exponent)) if fn is None else float(fn(x))  # type: ignore[union-attr]
    if not np.isfinite(out):
        return n  # outside the domain: left for the spec's domain checks to name
    return Num(Fraction(repr(out)))


# the row-major reshape that moves entries between rows and columns (ops.RESHAPE), by name
RESHAPED = "reshaped"


def _size_node(a: ast.expr) -> Node | None:
    """A reshape's size as written: a whole number (``-1``: the rest), a [dims] name, or ``+ - *``
    of them; else ``None``."""
    if isinstance(a, ast.Constant) and type(a.value) is int:
        return Num(Fraction(a.value))
    if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub) and isinstance(a.operand, ast.Constant):
        return Num(Fraction(-a.operand.value)) if type(a.operand.value) is int else None
    if isinstance(a, ast.Name):
        return Name(a.id)
    if isinstance(a, ast.BinOp) and isinstance(a.op, ast.Add | ast.Sub | ast.Mult):
        left, right = _size_node(a.left), _size_node(a.right)
        if left is None or right is None:
            return None
        return BinOp({ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}[type(a.op)], left, right)
    return None


# reshapes read by :meth:`_Converter.reshape` (they keep every entry where it is)
def _squeeze_axis(node: ast.Call) -> int | None:
    """The axis (0 or 1) of ``squeeze(x, k)`` given as a whole number, else ``None``."""
    if len(node.args) != 2:
        return None
    k = node.args[1]
    if isinstance(k, ast.UnaryOp) and isinstance(k.op, ast.USub):
        k = ast.Constant(-k.operand.value) if isinstance(k.operand, ast.Constant) else k
    if isinstance(k, ast.Constant) and type(k.value) is int and -2 <= k.value <= 1:
        return k.value % 2
    return None


_RESHAPES = frozenset({"reshape", "view", "squeeze", "flatten", "ravel", "unsqueeze"})


# Python's own syntax-error details, said in the command's language (others stay as Python
# words them): the pattern and the catalogue key (its slots the pattern's groups)
_PYTHON_DETAILS = (
    (re.compile(r"'(.)' was never closed"), "spec.python.never_closed"),
    (re.compile(r"unmatched '(.)'"), "spec.python.unmatched"),
    (
        re.compile(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'"),
        "spec.python.mismatched",
    ),
    (re.compile(r"invalid syntax"), "spec.python.invalid"),
    (re.compile(r"invalid syntax\. Perhaps you forgot a comma\?"), "spec.python.comma"),
    (re.compile(r"invalid decimal literal"), "spec.python.decimal"),
    (
        re.compile(r"the expression ends with '(.{1,2})': a term is missing after it"),
        "spec.python.ends",
    ),
    (
        re.compile(r"two operators in a row, '(.)' then '(.)': a term is missing between them"),
        "spec.python.pair",
    ),
    (re.compile(r"unterminated string literal \(detected at line (\d+)\)"), "spec.python.string"),
)


_OPERATORS = frozenset("+-*/@%&|^<>=~")
_TRAILING_OPERATOR = re.compile(r"(\*\*|//|==|<=|>=|!=|[-+*/@%&|^<>=,.~])\s*$")


def _syntax_place(text: str, err: SyntaxError) -> tuple[int, str | catalog.Said]:
    """Where Python's syntax error in ``text`` is (1-based) and what it is. Python gives no
    column (0) for input that ends too early, ``A1.T @ dZ2 /``: the place is then the end of
    the input, and an operator there is named as what lacks its right side."""
    col = err.offset or 0
    if 0 < col <= len(text) + 1:
        before = text[: col - 1].rstrip()
        here = text[col - 1 : col]
        if err.msg == "invalid syntax" and here in _OPERATORS and before[-1:] in _OPERATORS:
            pair = f"two operators in a row, '{before[-1]}' then '{here}'"
            return col, _python_detail(pair + ": a term is missing between them")  # A1.T @@ dZ2
        return col, _python_detail(err.msg)
    m = _TRAILING_OPERATOR.search(text)
    if m is None:
        return max(len(text), 1), _python_detail(err.msg)
    ends = f"the expression ends with '{m.group(1)}': a term is missing after it"
    return m.start() + 1, _python_detail(ends)


def _python_detail(text: str) -> str | catalog.Said:
    """Python's syntax-error ``text`` as a catalogue sentence where it is a known one."""
    for pattern, key in _PYTHON_DETAILS:
        m = pattern.fullmatch(text)
        if m:
            said = catalog.said(key, **{f"g{i}": g for i, g in enumerate(m.groups(), 1)})
            return said if said.render("en") == text else text
    return text


def _subscript_refusal(node: ast.Subscript) -> catalog.Said:
    """Why ``x[…]`` is not read, and what to write instead: the language works on whole
    tensors (slices of columns, class-label indexing and single entries alike)."""
    parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    text = ast.unparse(node)
    if any(
        isinstance(k, ast.Constant) and k.value is None
        or isinstance(k, ast.Attribute) and k.attr == "newaxis"
        for k in parts
    ):
        # heldnets30: P[:, None, :] - Y[None] (pairwise differences of rows) makes a third axis
        return catalog.said("spec.heldnets30.new_axis", text=text)
    if any(isinstance(k, ast.Slice) for k in parts):  # a[:, j] with j a name or a list
        return catalog.said("spec.index_slice", text=text)
    if len(parts) == 1 and isinstance(parts[0], ast.Constant) and isinstance(parts[0].value, str):
        key = parts[0].value  # Ng's parameters["W1"], grads["dW1"]: a Python dict
        return catalog.said("spec.index_dict", text=text, name=_identifier(key))
    if any(spelling.selects_by_condition_hn34(k) for k in parts):
        return catalog.said("spec.heldnets34.mask_pick")
    if len(parts) == 2 and not all(isinstance(k, ast.Constant) for k in parts):
        return catalog.said("spec.index_labels", text=text)
    return catalog.said("spec.index_other", text=text)


def _identifier(key: str) -> str:
    """``key`` as a name derive reads (letters, digits, underscores; not starting with a
    digit), ``W`` when nothing is left."""
    name = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in key)
    return name if name and not name[0].isdigit() else f"W{name}"


def _int_index(node: ast.AST) -> int | None:
    """A whole-number index written as such (``0``, ``-1``), else ``None``."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and type(node.operand.value) is int
    ):
        return -node.operand.value
    return None


def module_of(node: ast.AST) -> str:
    """The module path ``node`` spells (``np``, ``torch.nn.functional``), or ``""``."""
    return _module_of(node)


def int_index(node: ast.AST) -> int | None:
    """A whole-number index written as such (``0``, ``-1``), else ``None``."""
    return _int_index(node)


def elementwise_call_shape47(node: ast.Call) -> bool:
    """shape47: ``node`` calls an element-wise function (the operation table's element-wise
    rows, or NumPy's/PyTorch's element-wise names), so a 1-D argument gives a 1-D result."""
    named = _name_and_args(node)
    if named is None:
        return False
    name = named[0]
    return name in _ELEMENTWISE or name in ops.OPS and ops.get(name).kind == ops.ELEMENTWISE


def is_arange(node: ast.AST) -> bool:
    """``np.arange(n)``, ``torch.arange(n)``, ``range(n)`` with one argument."""
    return _is_arange(node)


def dialect_module_hn25(node: ast.AST) -> bool:
    """``node`` spells one of the array modules (``np``, ``torch``, ``jnp``, ``tf`` …)."""
    return bool(_module_of(node))


def _is_arange(node: ast.AST) -> bool:
    """``np.arange(n)``, ``torch.arange(n)``, ``range(n)`` with one argument."""
    if not (isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords):
        return False
    f = node.func
    if isinstance(f, ast.Name):
        return f.id == "range"
    return isinstance(f, ast.Attribute) and f.attr == "arange" and bool(_module_of(f.value))


def _size_text(d: int) -> str:
    label = getattr(d, "label", None)
    return label if isinstance(label, str) else str(getattr(d, "text", int(d)))


def _dim_value(name: str, shapes: Mapping[str, tuple[int, ...]]) -> int | None:
    """The value of the [dims] name ``name``, read off a declared shape that uses it."""
    for shape in shapes.values():
        for k in shape:
            if getattr(k, "label", None) == name:
                return int(k)
    for shape in shapes.values():  # a name used only inside a size expression, ["N * T"]
        for k in shape:
            value = dict(getattr(k, "env", ())).get(name)
            if value is not None:
                return int(value)
    return None


def _bce_weighted_by(p: Node, y: Node, w: Node) -> Node:
    """``bce(p, y, pos_weight=w)`` with a tensor ``w`` (a weight per class, broadcast over the
    rows: multi-label ``F.binary_cross_entropy_with_logits(z, Y, pos_weight=pw)``), written
    out as the mean of the entries' losses −(w·y·log p + (1 − y)·log(1 − p)); from the logits
    ``z`` of ``p = σ(z)`` stably, w·y·softplus(−z) + (1 − y)·softplus(z), as PyTorch does."""
    one = Num(Fraction(1))
    if isinstance(p, Call) and p.func == "sigmoid" and not p.kwargs:
        z = p.args[0]
        elem: Node = BinOp(
            "+",
            BinOp("*", BinOp("*", w, y), Call("softplus", (Neg(z),))),
            BinOp("*", BinOp("-", one, y), Call("softplus", (z,))),
        )
    else:
        elem = Neg(
            BinOp(
                "+",
                BinOp("*", BinOp("*", w, y), Call("log", (p,))),
                BinOp("*", BinOp("-", one, y), Call("log", (BinOp("-", one, p),))),
            )
        )
    return Call("mean", (elem,))


def _small_int(a: ast.AST) -> int | None:
    """The whole number written in ``a`` (``1``, ``-1``: an argument of a reshape), else None."""
    if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub):
        inner = _small_int(a.operand)
        return None if inner is None else -inner
    if isinstance(a, ast.Constant) and type(a.value) is int:
        return a.value
    return None


def embedding_lookup(node: ast.AST) -> tuple[str, str] | None:
    """``(E, y)`` when ``node`` looks up rows of a table ``E`` by integer labels ``y``, both by
    name: ``E[y]`` (makemore's ``emb = C[Xb]``) or ``F.embedding(y, E)``; else ``None``."""
    if isinstance(node, ast.Subscript):
        if isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Name):
            return node.value.id, node.slice.id
        return None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    if node.func.attr == "embedding_lookup" and _module_of(node.func.value) and not node.keywords:
        # heldnets27: TensorFlow's tf.nn.embedding_lookup(E, y), the table first
        if len(node.args) == 2 and all(isinstance(a, ast.Name) for a in node.args):
            return node.args[0].id, node.args[1].id  # type: ignore[attr-defined]
        return None
    if node.func.attr != "embedding" or not _module_of(node.func.value) or node.keywords:
        return None
    if len(node.args) == 2 and all(isinstance(a, ast.Name) for a in node.args):
        return node.args[1].id, node.args[0].id  # type: ignore[attr-defined]
    return None


def gather_label(node: ast.AST) -> tuple[ast.expr, str] | None:
    """``(P, y)`` when ``node`` is PyTorch's pick of each row's entry at its class label:
    ``P.gather(1, y.unsqueeze(1))`` or ``torch.gather(P, 1, …)`` with the index ``y.unsqueeze(1)``,
    ``y.view(-1, 1)``, ``y.reshape(-1, 1)`` or ``y[:, None]`` of labels ``y`` by name (dim 1 or
    -1); else ``None``. spellings26: NumPy's ``np.take_along_axis(P, y[:, None], axis=1)``
    (``jnp.``) and PyTorch's ``torch.take_along_dim(P, y[:, None], dim=1)`` are the same pick
    (an [N, 1] column)."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    if node.func.attr in ("take_along_axis", "take_along_dim") and _module_of(node.func.value):
        kw = {k.arg: k.value for k in node.keywords}
        args = list(node.args)
        keys = ("arr", "indices", "axis") if node.func.attr == "take_along_axis" else (
            "input", "indices", "dim")
        if len(args) > 3 or any(k not in keys for k in kw):
            return None
        bound = {**dict(zip(keys, args)), **kw}
        if len(bound) != 3 or _int_index(bound[keys[2]]) not in (1, -1):
            return None
        y = _label_column(bound["indices"])
        return (bound[keys[0]], y) if y is not None else None
    if node.func.attr != "gather":
        return None
    args = list(node.args)
    if _module_of(node.func.value):
        if not args:
            return None
        p, args = args[0], args[1:]
    else:
        p = node.func.value
    kw = {k.arg: k.value for k in node.keywords}
    dim = args[0] if args else kw.get("dim")
    index = args[1] if len(args) > 1 else kw.get("index")
    if dim is None or index is None or len(args) + len(kw) != 2:
        return None
    if _int_index(dim) not in (1, -1):
        return None
    y = _label_column(index)
    return (p, y) if y is not None else None


def _label_column(node: ast.AST) -> str | None:
    """The name ``y`` of ``y.unsqueeze(1)``, ``y.view(-1, 1)``, ``y.reshape(-1, 1)``,
    ``y[:, None]``: labels as a column, the index of a gather."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        whole = len(parts) == 2 and isinstance(parts[0], ast.Slice)
        if whole and not any((parts[0].lower, parts[0].upper, parts[0].step)):  # type: ignore[union-attr]
            return node.value.id if _is_new_axis(parts[1]) else None
        return None
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    if _module_of(node.func.value) and node.args:
        # torch.unsqueeze(y, 1), torch.reshape(y, (-1, 1)): the method spelling of the same call
        first, *rest = node.args
        if isinstance(rest[0] if rest else None, ast.Tuple):
            rest = list(rest[0].elts)  # type: ignore[union-attr]
        node = ast.Call(ast.Attribute(first, node.func.attr, ast.Load()), rest, node.keywords)
        assert isinstance(node.func, ast.Attribute)
    y = node.func.value
    axis_kw = ("unsqueeze", "expand_dims")
    if not isinstance(y, ast.Name) or node.keywords and node.func.attr not in axis_kw:
        return None
    values = [_int_index(a) for a in node.args] + [
        _int_index(k.value) for k in node.keywords if k.arg in ("dim", "axis")
    ]
    if node.func.attr == "unsqueeze" and values in ([1], [-1]):
        return y.id
    if node.func.attr == "expand_dims" and values in ([1], [-1]):  # np.expand_dims(y, 1)
        return y.id
    if node.func.attr in ("view", "reshape") and values == [-1, 1] and not node.keywords:
        return y.id
    return None


def one_hot_label(node: ast.AST) -> tuple[str, ast.expr] | None:
    """``(y, C)`` when ``node`` makes one-hot rows of class labels ``y`` by name:
    ``F.one_hot(y, C)``, ``F.one_hot(y, num_classes=C)`` (``jax.nn.one_hot``), TensorFlow's
    ``tf.one_hot(y, depth=C)``, ``np.eye(C)[y]``, ``torch.eye(C)[y]``;
    else ``None``."""
    parts = one_hot_parts_hn37(node)
    if parts is None or not isinstance(parts[0], ast.Name) or parts[1] is None:
        return None
    return parts[0].id, parts[1]


def one_hot_parts_hn37(node: ast.AST) -> tuple[ast.expr | None, ast.expr | None] | None:
    """``(labels, count)`` of a one-hot call — ``F.one_hot(y, C)``, ``F.one_hot(y,
    num_classes=C)``, ``tf.one_hot(indices=y, depth=C)``, ``np.eye(C)[y]`` — either ``None`` when
    not written; ``None`` for any other node (shared by :func:`one_hot_label` and
    :meth:`_Converter.one_hot_of_argmax_hn37`)."""
    if isinstance(node, ast.Call):
        f = node.func
        if (f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")) != "one_hot":
            return None
        kw = {k.arg: k.value for k in node.keywords}
        y = node.args[0] if node.args else kw.get("tensor", kw.get("indices"))
        c = node.args[1] if len(node.args) > 1 else kw.get("num_classes", kw.get("depth"))
        return y, c
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call):
        f = node.value.func
        eye = isinstance(f, ast.Attribute) and f.attr == "eye" and bool(_module_of(f.value))
        if eye and len(node.value.args) == 1 and not node.value.keywords:
            return node.slice, node.value.args[0]
    return None


def _is_new_axis(node: ast.AST) -> bool:
    """``None`` or ``np.newaxis`` in an index."""
    if isinstance(node, ast.Constant):
        return node.value is None
    return (
        isinstance(node, ast.Attribute) and node.attr == "newaxis" and bool(_module_of(node.value))
    )


_AXIS_REDUCTIONS = frozenset(
    {
        "sum", "mean", "max", "min", "amax", "amin", "var", "std", "logsumexp", "norm", "nansum",
        "average", "vector_norm", "prod",
        # heldnets34: these dropped their axis too, but a column was read (a wrong ✓ when one
        # broadcast against a 1-D vector: tf.math.reduce_variance(H, axis=1) * y was n × n)
        "ptp", "reduce_variance", "reduce_std",
        "nanmean", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_logsumexp",
    }
)  # fmt: skip


def _in_place(name: str) -> bool:
    """``x.pow_(2)``, ``x.add_(y)``, ``x.clamp_(min=0)``: PyTorch's in-place method of a
    function the language reads (``pow``, ``add``, ``clamp``)."""
    if not name.endswith("_") or name.startswith("_") or len(name) < 2:
        return False
    return spelling.method(name[:-1]) or name[:-1] in ops.OPS


# heldnets36: the calls whose result is a new tensor that autograd did not save (the inputs of
# a sum, product or difference are saved, not its output), so an in-place method on it changes
# nothing another line or the backward pass reads (PyTorch's VAE example: eps.mul(std).add_(mu))
_FRESH_CALLS_HN36 = frozenset(
    {"mul", "add", "sub", "div", "multiply", "subtract", "divide", "true_divide", "matmul", "mm",
     "dot", "neg", "negative", "clone"}
)  # fmt: skip


def _fresh_hn36(node: ast.AST) -> bool:
    """``node`` makes a new tensor whose value no backward formula keeps: ``a * b``, ``a + b``,
    ``a @ b``, ``x ** 2``, ``-x``, ``a.mul(b)``, ``torch.add(a, b)``, ``x.clone()`` (not a name, a
    view — ``x.T``, ``x[0]``, ``x.view(…)`` — or ``torch.exp(x)``, whose output its backward
    reads: PyTorch refuses an in-place change of those)."""
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Pow):
            return isinstance(node.right, ast.Constant)
        return isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div | ast.MatMult)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.USub)
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    if node.func.attr in _FRESH_CALLS_HN36:
        return True
    # an in-place sum, product or difference of a new tensor is that tensor, still unsaved
    attr = node.func.attr
    return attr.endswith("_") and attr[:-1] in _FRESH_OPS_HN36 and _fresh_hn36(node.func.value)


def fresh_in_place_hn36(text: str, shapes: Mapping[str, Any], one_d: frozenset[str]) -> str:
    """heldnets36: PyTorch's in-place method on a tensor made on the line itself —
    ``eps.mul(std).add_(mu)`` (PyTorch's VAE example), ``(a * b).clamp_(min=0)`` — is the
    method's own function of that tensor (``add``): nothing else holds the tensor, so the change
    is seen only by the line. Where another tensor is an argument, its shape must keep the
    receiver's (PyTorch refuses an in-place result that broadcasts larger), both known from the
    declared shapes and neither 1-D (whose rank the shapes do not tell). Anything else is left
    to the reader's refusal (``spec.expr.call_13``)."""
    if "_(" not in text:
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text
    changed = False
    for n in reversed(list(ast.walk(tree))):  # the inner calls first: x.mul(y).sub_(z).pow_(2)
        if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
            continue
        f = n.func
        if not _in_place(f.attr) or not _fresh_hn36(f.value):
            continue
        tensors = [a for a in [*n.args, *(k.value for k in n.keywords)] if not _number_form_hn33(a)]
        if tensors:
            if any(isinstance(m, ast.Name) and m.id in one_d for m in ast.walk(n)):
                continue
            own = _ast_shape(_as_binop_hn36(f.value), shapes)
            grown = [
                _ast_shape(ast.BinOp(_as_binop_hn36(f.value), ast.Add(), t), shapes)
                for t in tensors
            ]
            if own is None or any(g != own for g in grown):
                continue
        f.attr = f.attr[:-1]
        changed = True
    return ast.unparse(tree) if changed else text


_FRESH_OPS_HN36: dict[str, ast.operator] = {
    **dict.fromkeys(("mul", "multiply"), ast.Mult()),
    **dict.fromkeys(("add",), ast.Add()),
    **dict.fromkeys(("sub", "subtract"), ast.Sub()),
    **dict.fromkeys(("div", "divide", "true_divide"), ast.Div()),
    **dict.fromkeys(("matmul", "mm"), ast.MatMult()),
}


def _as_binop_hn36(node: ast.expr) -> ast.expr:
    """``a.mul(b)`` / ``torch.mul(a, b)`` as ``a * b`` (the same for add, sub, div, matmul), for
    its shape; any other node as it is."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)) or node.keywords:
        return node
    op = _FRESH_OPS_HN36.get(node.func.attr)
    args = list(node.args) if spelling.module_of(node.func.value) else [node.func.value, *node.args]
    if op is None or len(args) != 2:
        return node
    return ast.BinOp(args[0], op, args[1])


def _name_and_args(node: ast.Call) -> tuple[str, list[ast.expr]] | None:
    """A call's function name and its arguments, a method's receiver first (``x.sum(1)`` is
    ``sum`` of ``[x, 1]``; ``np.sum(x, 1)`` the same); ``None`` for another callee."""
    f, args = node.func, list(node.args)
    if isinstance(f, ast.Attribute):
        if not _module_of(f.value):
            args = [f.value, *args]  # a method: the receiver is the first argument
        return f.attr, args
    if isinstance(f, ast.Name):
        return f.id, args
    return None


# round 28: an array written out in a line — np.array([1.0, 2.0]) (class weights, a fixed kernel):
# an input holding its numbers (Spec.literals_made_s28)
_ARRAY_LITERALS_S28 = frozenset({"array", "asarray", "tensor", "as_tensor", "constant",
                                 "convert_to_tensor", "Tensor", "FloatTensor", "DoubleTensor"})
_ARRAY_LITERAL_KEYWORDS_S28 = frozenset({"dtype", "device"})
MAX_LITERAL_S28 = 64


def array_literal_s28(node: ast.AST) -> int:
    """1 for ``np.array([a, b, …])`` (``np.asarray``, ``torch.tensor``, ``tf.constant``,
    ``jnp.array`` …) of a flat list, 2 for a list of lists of one length, else 0 — the entries
    are not looked at here (numbers and [constants] names are read; the reader names any other).
    ``torch.tensor(pw)`` of a name is read elsewhere; keywords other than ``dtype``/``device``
    (``requires_grad=True``: a parameter) leave it to the other readings."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return 0
    f = node.func
    if f.attr not in _ARRAY_LITERALS_S28 or not _module_of(f.value) or len(node.args) != 1:
        return 0
    if any(k.arg not in _ARRAY_LITERAL_KEYWORDS_S28 for k in node.keywords):
        return 0
    items = node.args[0]
    if not isinstance(items, ast.List | ast.Tuple) or not items.elts:
        return 0
    lists = [isinstance(e, ast.List | ast.Tuple) for e in items.elts]
    if not any(lists):
        return 1
    lengths = {len(e.elts) for e in items.elts if isinstance(e, ast.List | ast.Tuple)}
    if all(lists) and len(lengths) == 1 and min(lengths) > 0 and not any(
        isinstance(x, ast.List | ast.Tuple) for e in items.elts for x in e.elts  # type: ignore[attr-defined]
    ):
        return 2
    return 0


def literal_entries_s28(node: ast.Call, constants: Mapping[str, Any]) -> list[list[Fraction]] | None:
    """The numbers of an array literal (:func:`array_literal_s28`), row by row, each a number
    or a [constants] name with any signs; None where an entry is anything else."""
    rank = array_literal_s28(node)
    if not rank:
        return None
    items = node.args[0].elts  # type: ignore[attr-defined]
    rows = [items] if rank == 1 else [r.elts for r in items]
    out = []
    for row in rows:
        got = []
        for v in row:
            sign = 1
            while isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub | ast.UAdd):
                sign = -sign if isinstance(v.op, ast.USub) else sign
                v = v.operand
            if isinstance(v, ast.Constant) and type(v.value) in (int, float):
                got.append(sign * (Fraction(repr(v.value)) if isinstance(v.value, float) else Fraction(v.value)))
            elif isinstance(v, ast.Name) and v.id in constants:
                got.append(sign * Fraction(constants[v.id]))
            else:
                return None
        out.append(got)
    return out


def _trapezoid(node: ast.Call) -> bool:
    """``np.trapz``/``np.trapezoid``/``torch.trapezoid``/``torch.trapz`` (spellings26)."""
    f = node.func
    return isinstance(f, ast.Attribute) and f.attr in ("trapz", "trapezoid") and bool(
        _module_of(f.value)
    )


def _kept_axis_zero_hn45(node: ast.Call) -> tuple[ast.expr, ast.Call] | None:
    """heldnets45: ``(x, call)`` for a reduction along axis 0 WITH keepdims (``u.sum(0,
    keepdim=True)``, ``np.max(u, axis=0, keepdims=True)``, ``sum(u ** 2, axis=0, keepdims=True)``
    as F.normalize is read): ``x`` the reduced tensor, ``call`` the same reduction along the last
    axis with keepdims (the caller uses it when ``x`` is 1-D). ``None`` for any other form
    (positional arguments other than the tensor, the axis and keepdim are not rewritten)."""
    named = _name_and_args(node)
    if named is None or _trapezoid(node):
        return None
    name, args = named
    if name not in _AXIS_REDUCTIONS or not args:
        return None
    kw = {k.arg: k.value for k in node.keywords}
    at = 2 if name in ("norm", "vector_norm") else 1
    keep_at = at + (2 if name in ("var", "std") else 1)
    keep = kw.get("keepdims", kw.get("keepdim"))
    if keep is None and len(args) > keep_at:
        keep = args[keep_at]
    if not (isinstance(keep, ast.Constant) and keep.value is True):
        return None
    unbiased = []  # torch.var(u, 0, False, True): PyTorch's unbiased by position
    if name in ("var", "std") and len(args) == keep_at + 1 and "unbiased" not in kw:
        unbiased, args = [ast.keyword("unbiased", args[at + 1])], [*args[: at + 1], args[keep_at]]
        keep_at = at + 1
    if len(args) > at + 1 and not (len(args) == keep_at + 1 == at + 2):
        return None
    axis = kw.get("axis", kw.get("dim", args[at] if len(args) > at else None))
    if axis is None or _int_index(axis) != 0:
        return None
    method = isinstance(node.func, ast.Attribute) and not _module_of(node.func.value)
    kept = [a for a in args[: min(at, len(args))]]
    positional = kept[1:] if method else kept
    kws = [k for k in node.keywords if k.arg not in ("axis", "dim", "keepdims", "keepdim")]
    kws += unbiased
    word = "dim" if "dim" in kw or not ("axis" in kw) and method else "axis"
    kws += [ast.keyword(word, ast.Constant(-1)), ast.keyword("keepdims" if word == "axis" else "keepdim", ast.Constant(True))]
    return args[0], ast.Call(node.func, positional, kws)


def _reduction_axis(node: ast.AST) -> int | None:
    """0 or 1 when ``node`` is a reduction along that axis that drops it (``s.max(axis=1)``,
    ``np.sum(x, 0)``, ``torch.mean(x, dim=-1)``; no keepdims), else ``None``."""
    named = _name_and_args(node) if isinstance(node, ast.Call) else None
    if named is None:
        return None
    name, args = named
    assert isinstance(node, ast.Call)
    kw = {k.arg: k.value for k in node.keywords}
    if _trapezoid(node):
        # the trapezoid rule drops its axis (NumPy's 4th argument, PyTorch's dim=; default -1)
        axis = kw.get("axis", kw.get("dim", args[3] if len(args) > 3 else None))
        k = -1 if axis is None else _int_index(axis)
        return None if k not in (0, 1, -1, -2) else k % 2  # type: ignore[operator]
    keep = kw.get("keepdims", kw.get("keepdim"))
    if name not in _AXIS_REDUCTIONS or (isinstance(keep, ast.Constant) and keep.value is True):
        return None
    at = 2 if name in ("norm", "vector_norm") else 1  # norm(x, ord, axis): torch.norm(W, 1)
    keep_at = at + (2 if name in ("var", "std") else 1)  # torch.var(x, dim, unbiased, keepdim)
    if keep is None and len(args) > keep_at:
        keep = args[keep_at]  # PyTorch's keepdim after dim: torch.max(Z, 1, True)
        if isinstance(keep, ast.Constant) and keep.value is True:
            return None
    axis = kw.get("axis", kw.get("dim", args[at] if len(args) > at else None))
    k = _int_index(axis) if axis is not None else None
    return None if k not in (0, 1, -1, -2) else k % 2  # type: ignore[operator]


_module_of = spelling.module_of


def _rowwise_values(name: str, node: ast.Call) -> bool:
    """``node`` (a call of ``name``) gives PyTorch one value per row of matrices, 1-D:
    ``F.pairwise_distance(a, b)``, ``F.cosine_similarity(a, b)`` (along rows) and a per-row loss
    with ``reduction='none'`` (``F.cross_entropy``, ``F.nll_loss``)."""
    kw = {k.arg: k.value for k in node.keywords}
    if name == "pairwise_distance":
        return True
    if name == "cosine_similarity":
        dim = kw.get("dim", node.args[2] if len(node.args) > 2 else None)
        return dim is None or _int_index(dim) in (1, -1)
    none = kw.get("reduction")
    return (
        name in ("cross_entropy", "nll_loss")
        and isinstance(none, ast.Constant)
        and none.value == "none"
    )


def _both_axes(node: ast.Call) -> ast.Call:
    """A list or tuple of axes as PyTorch and NumPy take them (``x.sum(dim=[1])``,
    ``torch.sum(x, dim=(0, 1))``, ``np.mean(x, axis=(0, 1), keepdims=True)``, ``x.sum((0, 1))``):
    one axis is that axis; both axes of a matrix (0 and 1, or −2 and −1, in either order) are
    everything — the call without its axes (with keepdims, PyTorch's positional one too, kept as
    the keyword: a [1, 1], as NumPy's). An empty list, a repeated axis or a third one is refused
    naming what is read (the tensors are matrices)."""
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
    if name not in _AXIS_REDUCTIONS:
        return node
    method = isinstance(f, ast.Attribute) and not _module_of(f.value)
    at = 0 if method else 1  # a positional axis follows the tensor
    if name in ("norm", "vector_norm"):
        at = -1  # their first argument after the tensor is the order
    kw = {k.arg: k.value for k in node.keywords}
    positional = at >= 0 and len(node.args) > at
    axis = kw.get("axis", kw.get("dim", node.args[at] if positional else None))
    if not isinstance(axis, ast.Tuple | ast.List):
        return node
    got = [_int_index(a) for a in axis.elts]
    if len(got) == 1 and got[0] is not None:
        one: ast.expr | None = axis.elts[0]
    elif len(got) == 2 and None not in got and sorted(k % 2 for k in got) == [0, 1]:  # type: ignore
        one = None  # both axes of a matrix: everything
    else:
        raise ExprError(
            catalog.said("spec.spelling.axis_list_1", x=ast.unparse(axis)),
            getattr(axis, "col_offset", -1) + 1,
        )
    args = list(node.args)
    kws = list(node.keywords)
    if any(a is axis for a in args):
        i = next(i for i, a in enumerate(args) if a is axis)
        if one is not None:
            args[i] = one
        else:
            keep = args[i + 1 : i + 2]  # torch.sum(x, (0, 1), True): keepdim by position
            kws += [ast.keyword("keepdims", k) for k in keep]
            args = args[:i]
    else:
        k = next(k for k in kws if k.value is axis)
        kws = [x for x in kws if x is not k]
        if one is not None:
            kws.append(ast.keyword(k.arg, one))
    if one is None:  # over everything: keepdims=True is what the language gives (a 1 × 1)
        kws = [k for k in kws if k.arg not in ("keepdims", "keepdim")]
    return ast.copy_location(ast.Call(f, args, kws), node)


class _AxisLists(ast.NodeTransformer):
    """Every reduction's list of axes as :func:`_both_axes` reads it."""

    changed = False

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        out = _both_axes(node)
        self.changed = self.changed or out is not node
        return out


def axis_lists(text: str) -> str:
    """A [forward] line with every reduction's list of axes read (:func:`_both_axes`:
    ``x.sum(dim=[1])`` is ``x.sum(dim=1)``), so the spec's own look at the line (which lines
    are 1-D, their shapes) sees what the parser reads; ``text`` itself when it has none."""
    if "[" not in text and "(" not in text:
        return text
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text  # the parse names it
    lists = _AxisLists()
    try:
        out = lists.visit(tree)
        return ast.unparse(out) if lists.changed else text
    except RecursionError:  # deeper than the visitor goes: the parser's own limits name it
        return text


def _without_keepdims_false(node: ast.Call) -> ast.Call:
    """``torch.sum(x, 1, keepdim=False)``: the reduction without its ``keepdims=False`` (the
    default; the caller reads the 1-D result it names)."""
    kept = [
        k
        for k in node.keywords
        if not (
            k.arg in ("keepdims", "keepdim")
            and isinstance(k.value, ast.Constant)
            and k.value.value is False
        )
    ]
    args = list(node.args)
    method = isinstance(node.func, ast.Attribute) and not _module_of(node.func.value)
    name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
    at = (2 if name in ("norm", "vector_norm", "var", "std") else 1) - (1 if method else 0)
    last = args[at + 1] if len(args) == at + 2 else None
    if isinstance(last, ast.Constant) and last.value is False:
        args = args[:-1]  # PyTorch's positional keepdim=False: torch.max(Z, 1, False)
    if len(kept) == len(node.keywords) and len(args) == len(node.args):
        return node
    return ast.copy_location(ast.Call(node.func, args, kept), node)


def _diag_of(node: ast.AST) -> ast.expr | None:
    """``v`` of ``np.diag(v)`` / ``torch.diag(v)`` / ``torch.diag_embed(v)``, else ``None``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    if node.func.attr not in ("diag", "diagflat") or not _module_of(node.func.value):
        return None
    if len(node.args) != 1 or node.keywords:
        return None
    return node.args[0]


def _arithmetic_s28(node: ast.AST) -> bool:
    """``node`` is arithmetic on arrays by its form — ``+ - * / @ **``, a sign, an element-wise
    function of such (``np.tanh(x @ W)``) — never a tuple (``torch.sort(x)``) or a size
    (``x.shape``): one whole-number index of it, when it is a matrix, is a row."""
    if isinstance(node, ast.BinOp):
        return True
    if isinstance(node, ast.UnaryOp):
        return _arithmetic_s28(node.operand)
    named = _name_and_args(node) if isinstance(node, ast.Call) else None
    if named is None or not named[1]:
        return False
    name, args = named
    table = name in ops.OPS and ops.get(name).kind == ops.ELEMENTWISE
    return (table or name in _ELEMENTWISE) and _arithmetic_s28(args[0])


def _drops_one_axis(node: ast.Subscript) -> bool:
    """``node`` indexes one axis by a whole number and keeps the other: ``x[0]``, ``x[-1]``,
    ``x[0, :]``, ``x[:, 1]``, ``x[1:3, 0]``."""
    parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    ints = [_int_index(p) is not None for p in parts]
    if len(parts) == 1:
        return ints[0]
    return len(parts) == 2 and sum(ints) == 1 and any(isinstance(p, ast.Slice) for p in parts)


def _label_pick(node: ast.Subscript) -> bool:
    """``node`` is ``P[np.arange(N), y]`` (``range(N)``, ``torch.arange(N)``) of a tensor by
    name: each row's entry at its label."""
    parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    return (
        isinstance(node.value, ast.Name)
        and len(parts) == 2
        and _is_arange(parts[0])
        and isinstance(parts[1], ast.Name)
    )


def _values_of_max(node: ast.Subscript) -> bool:
    """``node`` is ``[0]`` of PyTorch's max/min along an axis, ``torch.max(X, 1)[0]``: the
    values of (values, indices), as ``.values``."""
    index = node.slice
    whole = isinstance(index, ast.Constant) and type(index.value) is int and index.value == 0
    return whole and _reduces_to_values(node.value)


def _reduces_to_values(node: ast.AST) -> bool:
    """``node`` is a call of PyTorch's max/min (whose result has ``.values``)."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    return node.func.attr in ("max", "min")


def _axis(node: Node) -> Node:
    """NumPy's negative axes of a matrix: ``-1`` is axis 1 (along a row), ``-2`` axis 0."""
    if isinstance(node, Num) and node.value in (-1, -2):
        return Num(node.value + 2)
    return node


def names(node: Node) -> list[str]:
    """Names used in ``node``, in first-use order."""
    out: list[str] = []

    def walk(n: Node) -> None:
        if isinstance(n, Name) and n.id not in out:
            out.append(n.id)
        for child in children(n):
            walk(child)

    walk(node)
    return out


def rebuild(n: Node, f: Callable[[Node], Node]) -> Node:
    """``n`` with ``f`` applied to each direct child (positional arguments of a call; keyword
    arguments are kept): the one place that knows how every node is put back together."""
    if isinstance(n, BinOp):
        return BinOp(n.op, f(n.left), f(n.right))
    if isinstance(n, Compare):
        return Compare(n.op, f(n.left), f(n.right))
    if isinstance(n, Neg):
        return Neg(f(n.operand))
    if isinstance(n, Transpose):
        return Transpose(f(n.operand))
    if isinstance(n, Pow):
        return Pow(f(n.base), n.exponent)
    if isinstance(n, Call):
        return Call(n.func, tuple(f(a) for a in n.args), n.kwargs, n.tie)
    return n


def children(n: Node) -> tuple[Node, ...]:
    if isinstance(n, BinOp | Compare):
        return (n.left, n.right)
    if isinstance(n, Neg | Transpose):
        return (n.operand,)
    if isinstance(n, Pow):
        return (n.base,)
    if isinstance(n, Call):
        return n.args + tuple(v for _, v in n.kwargs)
    return ()


def subtrees(tree: Node) -> list[Node]:
    """Every node of ``tree``, ``tree`` first (depth first, last child first)."""
    out, stack = [], [tree]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(children(n))
    return out


# dtype casts to a float type, identities in the math: F.one_hot(y, C).float(), x.double(),
# m.astype(np.float64), x.to(torch.float64), x.type(torch.float32)
_FLOAT_CASTS = frozenset({"float", "double"})
_CAST_METHODS = frozenset({"astype", "to", "type"})
_FLOAT_DTYPES = frozenset(
    {"float", "float16", "float32", "float64", "double", "half", "FloatTensor", "DoubleTensor"}
)


def _dtype_named(node: ast.AST, builtin: str, names: frozenset[str]) -> bool:
    """Whether ``node`` names a dtype of ``names``: the builtin (``float``, ``int``), a library's
    (``np.float64``, ``torch.long``) or a string (``'float64'``)."""
    if isinstance(node, ast.Name):
        return node.id == builtin
    if isinstance(node, ast.Attribute):
        return node.attr in names and bool(_module_of(node.value))
    return isinstance(node, ast.Constant) and node.value in names


def _float_dtype(node: ast.AST) -> bool:
    """``float``, ``np.float64``, ``torch.float32``, ``torch.double``, ``'float64'``."""
    return _dtype_named(node, "float", _FLOAT_DTYPES)


def _cast_of(
    node: ast.AST, casts: frozenset[str], dtype: Callable[[ast.AST], bool]
) -> ast.expr | None:
    """The receiver of a cast ``node`` to a dtype ``dtype`` accepts: TensorFlow's ``tf.cast(y,
    tf.float32)``, a method of ``casts`` (``x.float()``) or ``astype``/``to``/``type`` of such a
    dtype; ``None`` when ``node`` is not one."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    f = node.func
    kw = {k.arg: k.value for k in node.keywords}
    if f.attr == "cast" and _module_of(f.value) in spelling.TENSORFLOW:
        # TensorFlow's tf.cast(y, tf.float32) (TF1 courses' labels)
        args = [*node.args, *(kw[k] for k in ("x", "dtype") if k in kw)]
        if len(args) == 2 and len(kw) == len(args) - len(node.args) and dtype(args[1]):
            return args[0]
        return None
    if _module_of(f.value):
        return None  # torch.float(…) is no cast of a tensor
    if f.attr in casts and not node.args and not node.keywords:
        return f.value
    if f.attr not in _CAST_METHODS:
        return None
    to = node.args[0] if len(node.args) == 1 and not kw else kw.get("dtype")
    if to is None or (node.args and kw) or len(kw) > 1:
        return None
    return f.value if dtype(to) else None


def _float_cast(node: ast.AST) -> ast.expr | None:
    """The receiver of a cast to a float type (course code's ``F.one_hot(y, C).float()``), or
    ``None`` when ``node`` is not one."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "type_as"
        and not _module_of(node.func.value)
        and len(node.args) == 1
        and not node.keywords
    ):
        # LLaMA's RMSNorm, ``self._norm(x.float()).type_as(x)``: the dtype of another tensor,
        # a float one (derive's tensors are real; class labels are read as one-hot rows)
        return node.func.value
    return _cast_of(node, _FLOAT_CASTS, _float_dtype)


def _compare_mask(node: ast.AST) -> ast.expr | None:
    """The 0/1 mask a float cast of one comparison gives (``(a > b).float()``,
    ``(a <= b).astype(float)``), as the language's indicator ``relu_grad`` (1[x > 0], derivative
    0: no gradient flows through a comparison, as in PyTorch): ``a > b`` is 1[a − b > 0], ``a <
    b`` is 1[b − a > 0], ``>=``/``<=`` one minus the strict opposite. ``None`` for anything else
    (``==`` and ``!=`` stay refused: a mask of exact equality)."""
    if not isinstance(node, ast.Compare) or len(node.ops) != 1:
        return None
    left, right, op = node.left, node.comparators[0], node.ops[0]
    if not isinstance(op, ast.Gt | ast.GtE | ast.Lt | ast.LtE):
        return None
    if isinstance(op, ast.Lt | ast.GtE):
        left, right = right, left  # a < b is b > a; a >= b is 1 - (b > a)

    def indicator(x: ast.expr) -> ast.expr:
        return ast.Call(ast.Name("relu_grad", ast.Load()), [x], [])

    strict = indicator(ast.BinOp(left, ast.Sub(), right))
    if isinstance(op, ast.Gt | ast.Lt):
        return strict
    return ast.BinOp(ast.Constant(1), ast.Sub(), strict)


def _plain_subscript(node: ast.Subscript, one_d: Collection[str] = ()) -> ast.expr:
    """NumPy's spellings of a plain block of a matrix as the block itself: ``z[..., 0:1]`` is
    ``z[:, 0:1]`` (``z[...]`` is z; of a 1-D ``v`` (``one_d``), ``v[..., 1:]`` is ``v[1:]``),
    and a list of consecutive whole numbers ``z[:, [0]]``,
    ``z[:, [1, 2]]`` keeps the axis as the slice ``z[:, 0:1]``, ``z[:, 1:3]`` does. Anything
    else is returned as it is (the index reader names the problem)."""
    parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    dots = [i for i, p in enumerate(parts) if isinstance(p, ast.Constant) and p.value is ...]
    if len(dots) > 1:
        return node
    if dots:
        if len(parts) == 1:
            return node.value
        v = node.value
        if len(parts) == 2 and dots == [0] and isinstance(v, ast.Name) and v.id in one_d:
            return ast.copy_location(ast.Subscript(v, parts[1], ast.Load()), node)
        parts[dots[0]] = ast.Slice()
        if len(parts) == 3:
            return node
    changed = bool(dots)
    for i, p in enumerate(parts):
        if isinstance(p, ast.List) and p.elts:
            ks = [_int_index(e) for e in p.elts]
            if any(k is None or k < 0 for k in ks):
                return node
            if ks != list(range(ks[0], ks[0] + len(ks))):  # type: ignore[arg-type, operator]
                return node
            lo, hi = ks[0], ks[-1] + 1  # type: ignore[operator]
            parts[i] = ast.Slice(ast.Constant(lo), ast.Constant(hi))
            changed = True
    if not changed:
        return node
    index = ast.Tuple(parts, ast.Load()) if len(parts) > 1 else parts[0]
    return ast.copy_location(ast.Subscript(node.value, index, ast.Load()), node)


def _ast_shape(node: ast.AST, shapes: Mapping[str, Any]) -> tuple[int, int] | None:
    """The (rows, columns) of an expression from the declared shapes alone — names (a 1-D one a
    row), numbers, ``.T``, ``@``, broadcasting ``+ - * / **`` and element-wise functions of the
    operation table — or ``None`` for anything else (the caller then refuses as before)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return (1, 1)
    if isinstance(node, ast.Name):
        shape = shapes.get(node.id)
        if shape is None:
            return None
        dims = [int(k) for k in shape]
        return (1, 1) if not dims else (1, dims[0]) if len(dims) == 1 else (dims[0], dims[1])
    if isinstance(node, ast.Attribute) and node.attr == "T":
        inner = _ast_shape(node.value, shapes)
        return None if inner is None else (inner[1], inner[0])
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        # heldnets27: h[:, 0] / h[0, :] of a matrix by name: one column or row, 1-D (a row)
        whole = node.value.id in shapes and len(shapes[node.value.id]) == 2
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else []
        if whole and len(parts) == 2:
            full = [isinstance(p, ast.Slice) and p.lower is p.upper is p.step is None for p in parts]
            rows, cols = (int(k) for k in shapes[node.value.id])
            if full[0] and _int_index(parts[1]) is not None:
                return (1, rows)
            if full[1] and _int_index(parts[0]) is not None:
                return (1, cols)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return _ast_shape(node.operand, shapes)
    if isinstance(node, ast.BinOp):
        a, b = _ast_shape(node.left, shapes), _ast_shape(node.right, shapes)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.MatMult):
            return (a[0], b[1]) if a[1] == b[0] else None
        if not all(p == q or 1 in (p, q) for p, q in zip(a, b, strict=True)):
            return None
        return (max(a[0], b[0]), max(a[1], b[1]))
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        f = node.func
        fname = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        op = ops.OPS.get(fname)
        if op is not None and op.kind == ops.ELEMENTWISE:
            return _ast_shape(node.args[0], shapes)
    if isinstance(node, ast.Call) and (kept := _kept_shape_hn24(node, shapes)) is not None:
        return kept
    if isinstance(node, ast.Call) and (kept := _kept_call_shape_hn37(node, shapes)) is not None:
        return kept
    if isinstance(node, ast.Call) and (product := _product_shape_s27(node, shapes)) is not None:
        return product
    if isinstance(node, ast.Call):
        return _joined_shape(node, shapes)
    if isinstance(node, ast.Subscript):
        return _sliced_shape(node, shapes)
    return None


_PRODUCTS_S27 = frozenset({"dot", "matmul", "mm"})


def _product_shape_s27(node: ast.Call, shapes: Mapping[str, Any]) -> tuple[int, int] | None:
    """spellings27: a matrix product spelled by name — ``np.dot(A, B)``, ``torch.matmul(A, B)``,
    ``torch.mm(A, B)``, ``A.dot(B)`` — has ``A @ B``'s shape (``np.triu(np.dot(A, A.T), 1)``
    of the fuzz generator was refused: its size was not known)."""
    named = _name_and_args(node)
    if named is None or named[0] not in _PRODUCTS_S27 or len(named[1]) != 2 or node.keywords:
        return None
    return _ast_shape(ast.BinOp(named[1][0], ast.MatMult(), named[1][1]), shapes)


def vector_length_s26(node: ast.AST, shapes: Mapping[str, Any]) -> int | None:
    """The length of an expression the caller knows is a 1-D NumPy vector (:func:`one_dimensional`)
    where :func:`_ast_shape` does not give it (spellings26: ``torch.exp(torch.diagonal(A))``,
    ``np.log1p(v)``): a matrix's diagonal (its smaller size), a reduction of a matrix along an
    axis without keepdims (the other size), an element-wise function of one vector (with
    numbers beside it), ``+ - * /`` of vectors and numbers; ``None`` for anything else."""
    known = _ast_shape(node, shapes)
    if known is not None:
        return known[1] if known[0] == 1 else known[0] if known[1] == 1 else None
    if isinstance(node, ast.UnaryOp):
        return vector_length_s26(node.operand, shapes)
    if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.MatMult):
        sides = [
            None if isinstance(k, ast.Constant) else vector_length_s26(k, shapes)
            for k in (node.left, node.right)
        ]
        lengths = {k for k in sides if k is not None}
        return lengths.pop() if len(lengths) == 1 else None
    if not isinstance(node, ast.Call):
        return None  # heldnets33: diag(X @ W.T) came here, a matrix product (exit 70)
    named = _name_and_args(node)
    if named is None or not named[1]:
        return None
    name, args = named
    if name in ("diagonal", "diag") and len(args) == 1 and not node.keywords:
        matrix = _ast_shape(args[0], shapes)
        return None if matrix is None or 1 in matrix else min(matrix)
    axis = _reduction_axis(node)
    if axis is not None:
        matrix = _ast_shape(args[0], shapes)
        return None if matrix is None else matrix[1 - axis]
    table = name in ops.OPS and ops.get(name).kind == ops.ELEMENTWISE
    numbers = all(_number_form_hn33(a) for a in args[1:])  # heldnets33: deg.pow(-0.5)
    if (table or name in _ELEMENTWISE or ops.numpy_name(name)) and numbers and not node.keywords:
        return vector_length_s26(args[0], shapes)
    return None


def _sliced_shape(node: ast.Subscript, shapes: Mapping[str, Any]) -> tuple[int, int] | None:
    """The (rows, columns) of ``x[a:b, c:d]`` (bounds whole numbers, negative from the end, or
    left out; a whole-number step, ``x[::-1]``) of a matrix of known size — ``alpha[:, :-1]`` in
    a join — as Python slices it; ``None`` for an index that drops an axis or an empty slice."""
    if not isinstance(node.value, ast.Name):
        # spellings24: a slice of an expression of matrices only (no 1-D name, whose rows and
        # columns the language and NumPy see differently): its size as the expression's
        if not _only_matrices_in(node.value, shapes):
            return None
    else:
        declared = shapes.get(node.value.id)
        if declared is None or len(declared) != 2:
            return None  # a 1-D name's one index is its only axis, not the rows
    inner = _ast_shape(node.value, shapes)
    parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if inner is None or len(parts) > 2:
        return None
    out = list(inner)
    for axis, part in enumerate(parts):
        if not isinstance(part, ast.Slice):
            return None
        ends = (part.lower, part.upper, part.step)
        bounds = [_int_index(b) if b is not None else None for b in ends]
        if any(b is None and e is not None for b, e in zip(bounds, ends)) or bounds[2] == 0:
            return None
        picked = len(range(*slice(*bounds).indices(inner[axis])))  # spellings25: x[::-1] too
        if not picked:
            return None
        out[axis] = picked
    return out[0], out[1]


def _only_matrices_in(node: ast.AST, shapes: Mapping[str, Any]) -> bool:
    """Every name of ``node`` with a declared shape is a matrix (two sizes)."""
    return all(
        len(shapes[n.id]) == 2
        for n in ast.walk(node)
        if isinstance(n, ast.Name) and n.id in shapes
    )


_JOINS = {"cat": 0, "concat": 0, "concatenate": 0, "hstack": 1, "vstack": 0, "row_stack": 0}


def _joined_shape(node: ast.Call, shapes: Mapping[str, Any]) -> tuple[int, int] | None:
    """The (rows, columns) of a join of tensors of known size — ``torch.cat([ones, 1 - a],
    -1)``, ``np.concatenate((A, B), axis=0)``, ``np.hstack([A, B])``, the language's ``concat(A,
    B, axis=1)`` — as written, before its spelling is read (NeRF's exclusive ``cumprod`` of a
    column of ones joined to ``1 - alpha``); ``None`` when a part's size or the axis is not known.
    The axis defaults to 0 (NumPy's, PyTorch's); stacks and Keras' -1 default are left out."""
    f = node.func
    fname = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if fname == "stack":  # spellings24: a stack of rows/columns is the concat it is read as
        joined = spelling.stack_of_vectors(node)
        return None if joined is None else _joined_shape(joined, shapes)
    if fname not in _JOINS or any(k.arg not in ("axis", "dim") for k in node.keywords):
        return None
    first = node.args[0] if node.args else None
    listed = isinstance(first, ast.List | ast.Tuple)
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "K":
        return None  # the Keras backend joins along -1 by default
    if listed:
        parts, rest = list(first.elts), node.args[1:]  # type: ignore[union-attr]
    elif fname == "concat" and isinstance(f, ast.Name):
        parts, rest = list(node.args), []
    else:
        return None
    kws = {k.arg: k.value for k in node.keywords}
    if fname in ("hstack", "vstack", "row_stack"):
        axis: int | None = None if rest or kws else _JOINS[fname]
    else:
        given = rest[0] if len(rest) == 1 else kws.get("axis", kws.get("dim"))
        axis = _JOINS[fname] if given is None and not rest else _int_index(given)
    sizes = [_ast_shape(p, shapes) for p in parts]
    if axis not in (0, 1, -1, -2) or len(parts) < 2 or any(s is None for s in sizes):
        return None
    axis %= 2  # type: ignore[operator]
    other = {s[1 - axis] for s in sizes}  # type: ignore[index]
    if len(other) != 1:
        return None
    total = sum(s[axis] for s in sizes)  # type: ignore[index]
    return (total, other.pop()) if axis == 0 else (other.pop(), total)


# functions read by blocks of a named tensor (Converter.blockwise); cumsum's length cap
_BLOCKWISE = frozenset({"cumsum", "glu", "prod", "cumprod"})
MAX_BLOCKS = 32
# the same entries in another order (Converter.reordered)
_REORDERS = frozenset({"flip", "fliplr", "flipud", "roll"})


def _axes_of(node: ast.expr | None, name: str) -> list[int] | None:
    """The axes (0, 1) a flip or roll acts along: ``fliplr`` 1, ``flipud`` 0, a flip without
    one both; an int or a list/tuple of ints (``dims=[1]``, ``dims=(0, 1)``); else ``None``."""
    if name in ("fliplr", "flipud"):
        return [1 if name == "fliplr" else 0]
    if node is None or isinstance(node, ast.Constant) and node.value is None:
        return [0, 1] if name == "flip" else None
    items = node.elts if isinstance(node, ast.List | ast.Tuple) else [node]
    axes = [_int_index(k) for k in items]
    if not axes or any(k is None or k not in (0, 1, -1, -2) for k in axes):
        return None
    out = sorted({k % 2 for k in axes})  # type: ignore[operator]
    return out if len(out) == len(axes) else None


def _not_named(f: ast.expr, shapes: Mapping[str, object]) -> catalog.Said:
    """Why a call of ``f`` (not a function name) is refused: a method the language does not
    read, or a library's helper (``d2l.linreg``), named."""
    base = catalog.said("spec.not_named")
    if not isinstance(f, ast.Attribute):
        return base
    root = f.value
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name):
        return base
    if root.id in shapes and f.attr in RUNNING_EXTREMES_HN41:  # heldnets41: s.cummin(0)
        return catalog.said("spec.heldnets41.running_extreme", name=f.attr)
    if root.id in shapes:
        return catalog.said("spec.not_named_method", method=f.attr)
    # the module path as written ('tf.keras.metrics', not 'tf', which derive does read)
    return catalog.said("spec.not_named_helper", f=ast.unparse(f), root=ast.unparse(f.value))


_joined = spelling.joined  # (moved to spelling, heldnets31: a stack of many windows uses it)


# reductions of everything, whose value does not depend on how the entries are laid out
_WHOLE_REDUCTIONS = frozenset({"sum", "mean", "max", "min", "amax", "amin"})
_FLATTENS = frozenset({"flatten", "ravel"})
_STACKS = frozenset({"stack", "column_stack"})


def _minus_one(node: ast.AST) -> bool:
    if isinstance(node, ast.Tuple | ast.List):
        return len(node.elts) == 1 and _minus_one(node.elts[0])
    return (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and node.operand.value == 1
        and type(node.operand.value) is int
    )


def _whole_reduction(node: ast.Call) -> tuple[str, ast.expr] | None:
    """(name, argument) of a reduction of everything: ``x.sum()``, ``np.mean(x)``,
    ``torch.max(x)`` (no axis, no keyword), or ``None``."""
    f = node.func
    if not isinstance(f, ast.Attribute) or f.attr not in _WHOLE_REDUCTIONS or node.keywords:
        return None
    if _module_of(f.value):
        return (f.attr, node.args[0]) if len(node.args) == 1 else None
    return (f.attr, f.value) if not node.args else None


def _flattened(node: ast.AST, shapes: Mapping[str, tuple[int, ...]]) -> ast.expr | None:
    """The tensor ``x`` of ``x.flatten()``, ``x.ravel()``, ``x.reshape(…)``, ``x.view(…)``,
    ``x.unsqueeze(k)``, ``x[None]``, ``np.ravel(x)``, ``torch.flatten(x)`` (the same entries laid
    out otherwise), or ``None``; a reshape to other sizes than ``-1`` only of a tensor whose
    entries they fit (``shapes``), as NumPy and PyTorch refuse a reshape to another number."""
    if isinstance(node, ast.Subscript):
        index = node.slice
        nones = index.elts if isinstance(index, ast.Tuple) else [index]
        new_axis = all(
            isinstance(k, ast.Constant) and k.value is None
            or isinstance(k, ast.Attribute) and k.attr == "newaxis"
            or isinstance(k, ast.Slice) and k.lower is k.upper is k.step is None
            for k in nones
        )
        return node.value if new_axis and len(nones) <= 3 else None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    f, args = node.func, list(node.args)
    if node.keywords:
        return None
    if _module_of(f.value):
        return args[0] if f.attr in _FLATTENS and len(args) == 1 else None
    if f.attr in _FLATTENS and not args:
        return f.value
    if f.attr in ("reshape", "view") and _fits(f.value, args, shapes):
        return f.value
    if f.attr == "unsqueeze" and len(args) == 1:
        return f.value
    return None


def _fits(x: ast.expr, args: list[ast.expr], shapes: Mapping[str, tuple[int, ...]]) -> bool:
    """Whether ``x.reshape(*args)`` is a reshape NumPy does: to ``-1`` (1-D, always), or to
    whole numbers (at most one ``-1``) whose product fits the entries of the tensor ``x`` names
    (``p.reshape(-1, 2)`` of 3 entries is an error in NumPy, not the sum of ``p``)."""
    if len(args) == 1 and isinstance(args[0], ast.Tuple | ast.List):
        args = list(args[0].elts)
    if len(args) == 1 and _is_minus_one(args[0]):
        return True
    if not isinstance(x, ast.Name) or x.id not in shapes or not args:
        return False
    sizes = [-1 if _is_minus_one(a) else a.value if isinstance(a, ast.Constant) else None for a in args]
    if any(type(k) is not int or k == 0 or k < -1 for k in sizes) or sizes.count(-1) > 1:
        return False
    entries = math.prod(int(k) for k in shapes[x.id])
    known = math.prod(k for k in sizes if k != -1)
    return entries % known == 0 if -1 in sizes else entries == known


def _is_minus_one(e: ast.expr) -> bool:
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        return isinstance(e.operand, ast.Constant) and e.operand.value == 1
    return isinstance(e, ast.Constant) and e.value == -1


def _stacked(node: ast.AST) -> tuple[str, list[ast.expr]] | None:
    """(name, tensors) of ``torch.stack([a, b])`` / ``np.stack((a, b), axis=k)`` /
    ``np.column_stack([a, b])``, or ``None``."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    f = node.func
    if f.attr not in _STACKS or not _module_of(f.value) or not node.args:
        return None
    seq = node.args[0]
    if not isinstance(seq, ast.List | ast.Tuple) or not seq.elts:
        return None
    if any(isinstance(e, ast.Starred) for e in seq.elts):
        return None
    return f.attr, list(seq.elts)


def _reduced_whole(
    name: str,
    x: ast.expr,
    node: ast.Call,
    shapes: Mapping[str, tuple[int, ...]],
    one_d: frozenset[str] = frozenset(),
) -> ast.expr | None:
    """``name`` of everything of ``x`` with the layout of its entries left out: ``x.flatten()``
    is ``x``; a sum of a stack is the sum of the sums, a mean of a stack of equal shapes (as
    stack() requires) the mean of the means; ``None`` when neither applies."""
    flat = _flattened(x, shapes)
    if flat is not None:
        return ast.Call(ast.Attribute(flat, name, ast.Load()), [], [])
    stacked = _stacked(x)
    if stacked is None:
        return None
    kind, parts = stacked
    if name not in ("sum", "mean") or (kind == "column_stack" and name == "mean"):
        return None
    sizes = {_ast_shape(p, shapes) for p in parts}
    if kind == "stack" and None not in sizes and len(sizes) > 1:
        return None  # parts of different sizes: the libraries' stack() raises (heldnets26)
    scalars = frozenset(k for k, v in shapes.items() if not v)
    if kind == "stack" and None in sizes and all(
        one_dimensional(p, one_d, scalars, shapes) for p in parts
    ):
        # heldnets27: 1-D parts of a length not known here (h[:, 0], an unnamed slice): left to
        # the stack's own reading, the matrix of those rows, whose join checks the lengths
        # (torch.stack raises for different ones; the sum of sums would not)
        return None
    total: ast.expr = ast.Call(ast.Attribute(parts[0], name, ast.Load()), [], [])
    for p in parts[1:]:
        total = ast.BinOp(total, ast.Add(), ast.Call(ast.Attribute(p, name, ast.Load()), [], []))
    if name == "mean" and len(parts) > 1:
        total = ast.BinOp(total, ast.Div(), ast.Constant(len(parts)))
    return total


def _python_sum(node: ast.Call) -> ast.expr | None:
    """``a + b + …`` of Python's ``sum([a, b, …])`` (a list or tuple written out), else ``None``."""
    f = node.func
    if not (isinstance(f, ast.Name) and f.id == "sum") or node.keywords or len(node.args) != 1:
        return None
    seq = node.args[0]
    if not isinstance(seq, ast.List | ast.Tuple) or not seq.elts:
        return None
    if any(isinstance(e, ast.Starred) for e in seq.elts):
        return None
    total = seq.elts[0]
    for e in seq.elts[1:]:
        total = ast.BinOp(total, ast.Add(), e)
    return total


# reductions whose axis None (NumPy, PyTorch, TensorFlow) means every entry, as no axis does
_NONE_AXIS_REDUCTIONS = frozenset(
    {
        "sum", "mean", "max", "min", "amax", "amin", "prod", "nansum", "nanmean", "average",
        "var", "std", "logsumexp", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min",
        "reduce_prod", "reduce_logsumexp", "reduce_variance", "reduce_std",
    }
)  # fmt: skip


def _axis_none(n: ast.Call) -> ast.Call | None:
    """``np.sum(z, axis=None)``, ``z.mean(dim=None)``, ``np.sum(z, None)``: the call without its
    axis of None (every entry, as NumPy/PyTorch/TensorFlow read it); else ``None``."""
    f = n.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    if name not in _NONE_AXIS_REDUCTIONS:
        return None

    def none(v: ast.expr) -> bool:
        return isinstance(v, ast.Constant) and v.value is None

    keywords = [
        k for k in n.keywords if not (k.arg in ("axis", "dim", "reduction_indices") and none(k.value))
    ]
    args = list(n.args)
    # the axis's position: second of a function (np.sum(z, None)), first of a method
    # (z.sum(None)); module functions are attribute calls too, told apart by their first
    # argument being the tensor (a method's first argument is the axis)
    module = isinstance(f, ast.Attribute) and spelling._module_path(f.value) in spelling.MODULES
    pos = 1 if isinstance(f, ast.Name) or module else 0
    if len(args) > pos and none(args[pos]) and len(args) == pos + 1:
        args = args[:pos]
    if len(keywords) == len(n.keywords) and len(args) == len(n.args):
        return None
    return ast.Call(n.func, args, keywords)


def whole_reductions(
    text: str,
    shapes: Mapping[str, tuple[int, ...]] | None = None,
    one_d: frozenset[str] = frozenset(),
) -> str:
    """``text`` with the reductions of everything of a flattened or stacked tensor
    (``z.flatten().sum()``, ``z.view(-1).mean()``, ``torch.stack([a, b]).sum()``) read without
    the reshape: the same number, and the same gradient, as NumPy/PyTorch compute; ``text``
    itself when it has none or cannot be parsed."""
    words = ("flatten", "ravel", "reshape", "view", "stack", "unsqueeze", "None", "newaxis", "[")
    if not any(w in text for w in words):
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text
    shapes = shapes or {}
    changed = False

    class Whole(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            nonlocal changed
            if (everything := _axis_none(n)) is not None:  # np.sum(z, axis=None): z.sum()
                changed = True
                return self.visit(everything)
            listed = _python_sum(n)
            if listed is not None:  # Python's sum([a.sum(), b.sum()]): a.sum() + b.sum()
                changed = True
                return self.visit(listed)
            whole = _whole_reduction(n)
            out = _reduced_whole(*whole, n, shapes, one_d) if whole is not None else None
            if out is not None:
                changed = True
                return self.visit(out)
            return self.generic_visit(n)

    try:
        tree = Whole().visit(tree)
        return ast.unparse(tree) if changed else text
    except RecursionError:
        return text


def _parsed_with(text: str, words: tuple[str, ...]) -> ast.Expression | None:
    """``text`` parsed, when it holds one of ``words`` (else ``None`` without parsing it: the
    casts' passes run on every line); ``None`` too when it cannot be parsed."""
    return spelling.parsed(text) if any(w in text for w in words) else None


def strip_casts(text: str) -> str:
    """``text`` without its casts to a float type (each the identity on the numbers derive
    computes exactly); ``text`` itself when it has none or cannot be parsed (the parser names
    the problem)."""
    tree = _parsed_with(text, ("float", "double", "astype", ".to(", ".type(", "type_as", "bool"))
    if tree is None:
        return text
    changed = False

    class Casts(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            nonlocal changed
            inner = _float_cast(n)
            if inner is not None:
                changed = True
                return self.visit(_compare_mask(inner) or inner)
            truth = spelling.condition_hn24(n)
            if truth is not n and isinstance(truth, ast.Compare) and "bool" in ast.unparse(n):
                # heldnets34: a cast to booleans on a line of its own, a causal mask's
                # torch.triu(torch.ones(T, T), diagonal=1).bool(): the entries that are not 0
                # (a comparison's truth is the comparison itself)
                changed = True
                return self.visit(_bool_of_hn34(truth))
            return self.generic_visit(n)

    try:
        tree = Casts().visit(tree)
        return ast.unparse(tree) if changed else text
    except RecursionError:
        return text


# heldnets38: casts to an integer type, PyTorch's y.long() of class labels (CleanRL's
# log_probs.gather(-1, act.long().unsqueeze(-1)), F.cross_entropy(z, y.long())), NumPy's
# y.astype(np.int64), TensorFlow's tf.cast(y, tf.int32)
_INT_CASTS_HN38 = frozenset({"long", "int", "short"})
_INT_DTYPES_HN38 = frozenset(
    {"int", "long", "int8", "int16", "int32", "int64", "short", "LongTensor", "IntTensor"}
)
# the calls that read an argument as class indices: there an integer cast of labels is a no-op
_LABEL_READERS_HN38 = frozenset(
    {
        "gather", "take_along_axis", "take_along_dim", "cross_entropy", "nll_loss", "one_hot",
        "log_prob", "embedding", "index_select", "take", "multi_margin_loss",
        "sparse_categorical_crossentropy", "softmax_cross_entropy_with_integer_labels",
        "sparse_softmax_cross_entropy_with_logits", "CrossEntropyLoss", "NLLLoss",
    }
)
# reshapes of a label vector on its way to a gather's index: y.long().unsqueeze(1)
_LABEL_RESHAPES_HN38 = frozenset({"unsqueeze", "view", "reshape", "squeeze", "flatten"})


def _int_dtype_hn38(node: ast.AST) -> bool:
    """``int``, ``np.int64``, ``torch.long``, ``torch.LongTensor``, ``'int64'``."""
    return _dtype_named(node, "int", _INT_DTYPES_HN38)


def _int_cast_hn38(node: ast.AST) -> ast.expr | None:
    """The receiver of a cast to an integer type (``y.long()``, ``y.to(torch.int64)``,
    ``y.type(torch.LongTensor)``, ``y.astype(np.int32)``, ``tf.cast(y, tf.int64)``), else
    ``None``."""
    return _cast_of(node, _INT_CASTS_HN38, _int_dtype_hn38)


def _label_name_hn38(node: ast.AST, inputs: frozenset[str]) -> bool:
    """Whether ``node`` is an [inputs] tensor by name, or a reshape of one (``y.unsqueeze(1)``,
    ``y.view(-1, 1)``, ``y[:, None]``)."""
    while True:
        if isinstance(node, ast.Name):
            return node.id in inputs
        if isinstance(node, ast.Subscript):
            node = node.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _LABEL_RESHAPES_HN38
            and not _module_of(node.func.value)
        ):
            node = node.func.value
        else:
            return False


def label_casts_hn38(text: str, inputs: frozenset[str]) -> str:
    """``text`` without the integer casts of class labels: a cast of an [inputs] tensor (or of
    its reshape to a column) where the labels are read as class indices — an argument of a
    gather, a cross-entropy, ``one_hot``, ``log_prob`` … (:data:`_LABEL_READERS_HN38`), an
    index (``P[np.arange(N), y.long()]``, ``W[idx.long()]``), or reshaped on the way there
    (``act.long().unsqueeze(-1)``) — is the labels themselves, whose values are whole numbers.
    A cast anywhere else (arithmetic on the truncated numbers) is left, and refused as before."""
    words = (".long(", ".int(", ".short(", "astype", ".to(", ".type(", "cast(")
    tree = _parsed_with(text, words) if inputs else None
    if tree is None:
        return text
    changed = False

    def reader(call: ast.Call) -> bool:
        f = call.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        return name in _LABEL_READERS_HN38 or (
            isinstance(f, ast.Call) and reader(f)  # nn.CrossEntropyLoss()(z, y.long())
        )

    def strip(n: ast.AST) -> ast.AST:
        """``n`` in a position that reads class indices: its integer cast of labels dropped."""
        nonlocal changed
        inner = _int_cast_hn38(n)
        if inner is not None and _label_name_hn38(inner, inputs):
            changed = True
            return strip(inner)
        if (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in _LABEL_RESHAPES_HN38
            and not _module_of(n.func.value)
        ):
            n.func.value = strip(n.func.value)  # type: ignore[assignment]
        elif isinstance(n, ast.Subscript):
            n.value = strip(n.value)  # type: ignore[assignment]
        return n

    class Casts(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            if reader(n):
                n.args = [strip(a) for a in n.args]  # type: ignore[misc]
                for k in n.keywords:
                    k.value = strip(k.value)  # type: ignore[assignment]
            return n

        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
            self.generic_visit(n)
            if isinstance(n.slice, ast.Tuple):
                n.slice.elts = [strip(e) for e in n.slice.elts]  # type: ignore[misc]
            else:
                n.slice = strip(n.slice)  # type: ignore[assignment]
            return n

    try:
        tree = Casts().visit(tree)
        return ast.unparse(tree) if changed else text
    except RecursionError:
        return text


def _bool_of_hn34(truth: ast.Compare) -> ast.expr:
    """``x != 0`` of a cast to booleans (``spelling.condition_hn24``): the comparison itself
    where ``x`` already is one, ``(a > b).bool()`` being ``a > b``."""
    left = truth.left
    if isinstance(truth.ops[0], ast.NotEq) and isinstance(left, ast.Compare):
        right = truth.comparators[0]
        if isinstance(right, ast.Constant) and right.value == 0:
            return left
    return truth


# ---- small determinants and inverses ------------------------------------------------------------

# torch.det(W), np.linalg.inv(W), torch.linalg.slogdet(W)[1] …: read for a named square matrix
# whose size is a literal number up to LINALG_MAX (``W = [2, 2]``), written out entry by entry;
# an inverse up to INVERSE_MAX too (a 3 × 3 adjugate over its determinant: 326 parts of 400)
LINALG_MAX = 3
INVERSE_MAX = 3
LINALG = ("det", "logdet", "slogdet", "inv", "inverse", "solve")
_LINALG_MODULES = frozenset(
    {
        "torch", "torch.linalg", "np.linalg", "numpy.linalg", "jnp.linalg", "jax.numpy.linalg",
        "tf.linalg", "tensorflow.linalg",
    }
)


def _linalg_call(n: ast.AST) -> tuple[str, ast.expr] | None:
    """``(function, argument)`` of ``torch.det(W)``, ``np.linalg.inv(W)``, ``W.det()`` …"""
    if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
        return None
    f = n.func
    if f.attr not in LINALG or n.keywords:
        return None
    if _module_of(f.value) in _LINALG_MODULES and len(n.args) == 1:
        return f.attr, n.args[0]
    if not _module_of(f.value) and not n.args and isinstance(f.value, ast.Name):
        return f.attr, f.value  # W.det(), W.inverse()
    return None


def _literal_square(
    arg: ast.expr, shapes: Mapping[str, tuple[int, ...]], most: int = LINALG_MAX
) -> int | None:
    """n for a name declared n × n with n a number (not a [dims] size), 1 ≤ n ≤ ``most``."""
    if not isinstance(arg, ast.Name) or arg.id not in shapes:
        return None
    shape = shapes[arg.id]
    if len(shape) != 2 or int(shape[0]) != int(shape[1]):
        return None
    if any(getattr(k, "label", None) or getattr(k, "env", None) for k in shape):
        return None
    n = int(shape[0])
    return n if 1 <= n <= most else None


def _det_text(name: str, rows: list[int], cols: list[int]) -> str:
    """The determinant of the block ``rows`` × ``cols`` of ``name`` (Laplace along the first
    row), in entries ``W[i, j]``."""
    def entry(i: int, j: int) -> str:
        return f"{name}[{i}, {j}]"

    if len(rows) == 1:
        return entry(rows[0], cols[0])
    terms = []
    for k, j in enumerate(cols):
        minor = _det_text(name, rows[1:], [c for c in cols if c != j])
        sign = "-" if k % 2 else "+"
        terms.append(f"{sign} {entry(rows[0], j)} * ({minor})")
    return "(" + " ".join(terms).lstrip("+ ") + ")"


def _inverse_text(name: str, n: int) -> str:
    """A⁻¹ = adj(A)/det(A), the adjugate's entry (i, j) the cofactor (j, i), as a matrix of 1 × 1
    blocks (``np.concatenate`` along rows, then columns)."""
    det = _det_text(name, list(range(n)), list(range(n)))
    if n == 1:
        return f"(1 / {det})"
    rows = []
    for i in range(n):
        cells = []
        for j in range(n):
            minor = _det_text(
                name, [r for r in range(n) if r != j], [c for c in range(n) if c != i]
            )
            cells.append(minor if (i + j) % 2 == 0 else f"(-{minor})")
        rows.append("np.concatenate([" + ", ".join(cells) + "], axis=1)")
    return f"(np.concatenate([{', '.join(rows)}], axis=0) / {det})"


def hoisted_linalg(
    key: str, text: str, shapes: Mapping[str, tuple[Any, ...]], taken: frozenset[str]
) -> tuple[list[tuple[str, str]], str]:
    """``(lines, text)`` (spellings23): each ``solve(A, b)`` of a line as ``A_inv @ b`` with the
    inverse ``A_inv = "torch.linalg.inv(A)"`` a line of its own (a 3 × 3 inverse written out
    takes 326 of a line's 400 parts: a GP's ``yᵀ K⁻¹ y + log det K`` would not fit beside it),
    and the matrix of ``solve``/``det``/``logdet``/``inv`` given as an expression of a literal
    square size up to 3 × 3 (``L @ L.T + eps * I``) a line ``<key>_mat`` of its own, so that
    :func:`small_linalg` writes both out entry by entry. ``([], text)`` when there is none."""
    if not any(w in text for w in LINALG):
        return [], text
    tree = spelling.parsed(text)
    if tree is None:
        return [], text
    lines: list[tuple[str, str]] = []
    used = set(taken) | {key}
    made: set[str] = set()  # the matrices made lines here (their shapes come when read)

    def fresh(stem: str) -> str:
        name, k = stem, 1
        while name in used:
            k += 1
            name = f"{stem}{k}"
        used.add(name)
        return name

    def matrix(arg: ast.expr) -> ast.expr:
        """``arg`` itself when a name; an expression of a literal square size: a new line."""
        if isinstance(arg, ast.Name):
            return arg
        shape = _eye_shape(arg, shapes)
        names = [n.id for n in ast.walk(arg) if isinstance(n, ast.Name) and n.id in shapes]
        literal = all(
            not any(getattr(k, "label", None) or getattr(k, "env", None) for k in shapes[n])
            for n in names
        )
        if shape is None or shape[0] != shape[1] or shape[0] > LINALG_MAX or not literal:
            return arg  # refused by the reader, naming the readable form
        name = fresh(f"{key}_mat")
        lines.append((name, ast.unparse(arg)))
        made.add(name)
        return ast.Name(name, ast.Load())

    class Hoist(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if not isinstance(f, ast.Attribute) or f.attr not in LINALG:
                return n
            if _module_of(f.value) not in _LINALG_MODULES or not n.args:
                return n
            n.args[0] = matrix(n.args[0])
            a = n.args[0]
            square = isinstance(a, ast.Name) and a.id in made or _literal_square(a, shapes)
            if f.attr != "solve" or len(n.args) != 2 or not square:
                return n
            assert isinstance(a, ast.Name)
            inv = fresh(f"{a.id}_inv")
            lines.append((inv, f"torch.linalg.inv({a.id})"))
            return ast.BinOp(ast.Name(inv, ast.Load()), ast.MatMult(), n.args[1])

    try:
        tree = Hoist().visit(tree)
    except RecursionError:
        return [], text
    return (lines, ast.unparse(tree)) if lines else ([], text)


def mvn_matrices(
    key: str, text: str, shapes: Mapping[str, tuple[Any, ...]], taken: frozenset[str]
) -> tuple[list[tuple[str, str, int]], str]:
    """``([(name, text, k)], text)`` (spellings23): a ``MultivariateNormal``'s covariance or
    precision matrix given as an expression of a literal square size k ≤ 3 (``L @ L.T + eps *
    torch.eye(2)``) as a line ``<key>_cov`` of its own, so that the distribution reads a named
    matrix (:func:`spelling.multivariate_normal`); ``([], text)`` when there is none."""
    if "MultivariateNormal" not in text:
        return [], text
    tree = spelling.parsed(text)
    if tree is None:
        return [], text
    lines: list[tuple[str, str, int]] = []
    used = set(taken) | {key}
    for n in ast.walk(tree):
        f = n.func if isinstance(n, ast.Call) else None
        if not (isinstance(f, ast.Attribute | ast.Name) and getattr(
            f, "attr", getattr(f, "id", "")
        ) == "MultivariateNormal"):
            continue
        # torch's order: MultivariateNormal(loc, covariance_matrix, precision_matrix, scale_tril)
        given = [
            kw for kw in n.keywords  # type: ignore[union-attr]
            if kw.arg in ("covariance_matrix", "precision_matrix")
        ] + [ast.keyword(None, v) for v in n.args[1:3]]  # type: ignore[union-attr]
        for kw in given:
            if isinstance(kw.value, ast.Name) or spelling.diagonal_of(kw.value) is not None:
                continue
            shape = _eye_shape(kw.value, shapes)
            literal = all(
                not any(getattr(k, "label", None) or getattr(k, "env", None) for k in shapes[x.id])
                for x in ast.walk(kw.value)
                if isinstance(x, ast.Name) and x.id in shapes
            )
            if shape is None or shape[0] != shape[1] or shape[0] > LINALG_MAX or not literal:
                continue  # refused by the distribution's reader, naming the readable form
            name, k = f"{key}_cov", 2
            while name in used:
                name, k = f"{key}_cov{k}", k + 1
            used.add(name)
            lines.append((name, ast.unparse(kw.value), shape[0]))
            named = ast.Name(name, ast.Load())
            if kw.arg is None:  # a positional matrix: its place in the call
                args = n.args  # type: ignore[union-attr]
                args[next(i for i, v in enumerate(args) if v is kw.value)] = named
            else:
                kw.value = named
    return (lines, ast.unparse(tree)) if lines else ([], text)


def _eye_shape(arg: ast.expr, shapes: Mapping[str, tuple[Any, ...]]) -> tuple[int, int] | None:
    """:func:`_ast_shape` of ``arg`` with ``np.eye(k)``/``torch.eye(k)`` of a whole number ``k``
    read as a k × k matrix (``L @ L.T + eps * np.eye(3)``; the spec reader makes it an input)."""
    eyes: dict[str, tuple[int, int]] = {}

    class Eye(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            f = n.func
            k = _int_index(n.args[0]) if len(n.args) == 1 and not n.keywords else None
            if isinstance(f, ast.Attribute) and f.attr == "eye" and k is not None and k > 0:
                eyes[f" eye{k}"] = (k, k)
                return ast.Name(f" eye{k}", ast.Load())
            return self.generic_visit(n)

    copy = Eye().visit(ast.parse(ast.unparse(arg), mode="eval").body)
    return _ast_shape(copy, {**shapes, **eyes}) if eyes else _ast_shape(arg, shapes)


def _solved(n: ast.AST, shapes: Mapping[str, tuple[int, ...]]) -> ast.expr | None:
    """``torch.linalg.solve(A, B)`` / ``np.linalg.solve(A, b)`` (spellings23) of a named matrix
    ``A`` of a literal size up to 3 × 3: ``A⁻¹ B`` with the inverse written out as
    :func:`_inverse_text` does — the solution and its gradients as the libraries'; a ``b`` of
    NumPy's 1-D shape stays 1-D (``A⁻¹ @ b``)."""
    if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
        return None
    if n.func.attr != "solve" or _module_of(n.func.value) not in _LINALG_MODULES:
        return None
    if len(n.args) != 2 or any(k.arg != "left" or not _true(k.value) for k in n.keywords):
        return None
    a, b = n.args
    size = _literal_square(a, shapes, INVERSE_MAX)
    if size is None:
        return None
    assert isinstance(a, ast.Name)
    return spelling.parsed_body(f"{_inverse_text(a.id, size)} @ ({ast.unparse(b)})")


def _true(v: ast.expr) -> bool:
    return isinstance(v, ast.Constant) and v.value is True


def small_linalg(text: str, shapes: Mapping[str, tuple[int, ...]] | None = None) -> str:
    """``text`` with the determinant, log-determinant (``logdet``, ``slogdet(W)[1]``,
    ``slogdet(W).logabsdet``) and inverse of a named matrix of a literal size up to 3 × 3
    written out entry by entry — the same numbers and gradients as NumPy/PyTorch's; ``text``
    itself where there is none (any other use is refused by the parser, naming why)."""
    if not any(w in text for w in (*LINALG, "solve")):
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text
    shapes = shapes or {}
    changed = False

    def replaced(call: ast.AST, logabsdet: bool = False) -> ast.expr | None:
        """The text of ``call`` written out; slogdet only with ``logabsdet`` (its ``[1]``)."""
        found = _linalg_call(call)
        if found is None or (found[0] == "slogdet") != logabsdet:
            return None
        func, arg = found
        n = _literal_square(arg, shapes, INVERSE_MAX if func in ("inv", "inverse") else LINALG_MAX)
        if n is None:
            return None
        assert isinstance(arg, ast.Name)
        det = _det_text(arg.id, list(range(n)), list(range(n)))
        if func in ("inv", "inverse"):
            out = _inverse_text(arg.id, n)
        elif func == "det":
            out = det
        elif func == "logdet":
            out = f"np.log({det})"
        else:  # slogdet's log|det|
            out = f"np.log(np.abs({det}))"
        return spelling.parsed_body(out)

    class Small(ast.NodeTransformer):
        def logabsdet(self, n: ast.Subscript | ast.Attribute, picked: bool) -> ast.AST:
            """``slogdet(W)[1]`` / ``slogdet(W).logabsdet`` (``picked``), written out."""
            nonlocal changed
            out = replaced(n.value, True) if picked else None
            if out is None:
                return self.generic_visit(n)
            changed = True
            return out

        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
            return self.logabsdet(n, isinstance(n.slice, ast.Constant) and n.slice.value == 1)

        def visit_Attribute(self, n: ast.Attribute) -> ast.AST:
            return self.logabsdet(n, n.attr == "logabsdet")

        def visit_Call(self, n: ast.Call) -> ast.AST:
            nonlocal changed
            out = replaced(n) or _solved(self.generic_visit(n), shapes)
            if out is not None:
                changed = True
                return out
            return self.generic_visit(n)

    try:
        tree = Small().visit(tree)
        return ast.unparse(tree) if changed else text
    except RecursionError:
        return text


# ---- heldnets23: refusals a course user can act on (issue 9, pass 22) ------------------------

# functions that choose entries by their rank in the data: a sorting, one path per ordering
_BY_RANK_HN23 = frozenset(
    {"sort", "argsort", "msort", "topk", "top_k", "kthvalue", "median", "nanmedian", "mode",
     "quantile", "nanquantile", "percentile", "partition", "argpartition"}
)

# heldnets41: running maxima/minima (torch.cummax(x, 0).values, a drawdown's peak): at each
# position the entry that wins so far, chosen by the data, with PyTorch's gradient to its index
RUNNING_EXTREMES_HN41 = frozenset({"cummax", "cummin"})


def _attribute_refusal_hn23(node: ast.Attribute) -> catalog.Said:
    """Why ``x.<attr>`` is refused: ``torch.topk(a, 2).values`` / ``torch.sort(z).indices`` name
    the selection by rank (the attribute is not the problem); any other attribute, the list of
    the one read (``.T``)."""
    call = node.value
    if isinstance(call, ast.Call):
        f = call.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        if name in _BY_RANK_HN23:
            return catalog.said("spec.heldnets23.by_rank", name=name)
        if name in RUNNING_EXTREMES_HN41:  # heldnets41: torch.cummax(x, 0).values
            return catalog.said("spec.heldnets41.running_extreme", name=name)
    if node.attr in ("grad", "grad_fn") or node.attr == "data" and _grad_update_hn29(node):
        # heldnets29: W.grad, the gradient itself, read inside the network (a training step)
        return catalog.said("spec.heldnets29.grad_attribute", x=ast.unparse(node))
    return catalog.said("spec.attribute", attr=node.attr)


def _grad_update_hn29(node: ast.Attribute) -> bool:
    """``W.grad.data`` (an old tutorial's update step): the ``.data`` of a ``.grad``."""
    return isinstance(node.value, ast.Attribute) and node.value.attr == "grad"


# ---- heldnets24: sizes and refusals of held-out course networks (issue 9, pass 23) -----------

# calls whose result has the size of their tensor: the reorderings (_REORDERS: any axis, or none)
# and the running sums/products along a given axis (without one NumPy's flattens)
_KEEP_ALONG_AXIS_HN24 = frozenset({"cumsum", "cumprod", "logcumsumexp", "cumulative_logsumexp"})
# functions that draw random numbers: a sample is not a function of the parameters
_SAMPLING_HN24 = frozenset(
    {"multinomial", "bernoulli", "poisson", "normal", "rand", "randn", "rand_like", "randn_like",
     "randint", "randint_like", "randperm", "choice", "categorical", "uniform",
     "gumbel_softmax"}  # heldnets32: F.gumbel_softmax draws Gumbel noise
)
# calls that take a gradient themselves (double backpropagation)
_INNER_GRADS_HN24 = frozenset({"grad", "value_and_grad", "vjp", "jvp", "jacobian", "hessian",
                               "backward"})


def _kept_shape_hn24(node: ast.Call, shapes: Mapping[str, Any]) -> tuple[int, int] | None:
    """The (rows, columns) of ``torch.flip(torch.cumsum(e, 0), [0])`` / ``risk.flip(0)`` /
    ``np.cumsum(e, axis=1)``: its tensor's — so a flip or a running sum of such an expression
    (DeepSurv's reversed risk sets) is read by slices as a named tensor is; ``None`` otherwise
    (a running sum without an axis flattens the tensor)."""
    f = node.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if name not in _REORDERS | _KEEP_ALONG_AXIS_HN24:
        return None
    args = list(node.args)
    if isinstance(f, ast.Attribute) and not _module_of(f.value):
        args = [f.value, *args]  # a method: its receiver is the tensor
    if not args:
        return None
    along = len(args) > 1 or any(k.arg in ("axis", "dim") for k in node.keywords)
    if name in _KEEP_ALONG_AXIS_HN24 and not along:
        return None
    return _ast_shape(args[0], shapes)


# heldnets37: the keywords a function of the operation table that keeps its tensor's shape takes
# with a number (F.log_softmax(c, dim=-1), F.leaky_relu(x, negative_slope=0.1))
_SHAPE_KEEPING_KEYWORDS_HN37 = frozenset(
    {"dim", "axis", "negative_slope", "alpha", "beta", "threshold", "lambd", "approximate"}
)


def _kept_call_shape_hn37(node: ast.Call, shapes: Mapping[str, Any]) -> tuple[int, int] | None:
    """heldnets37: an element-wise or row-wise function of the operation table called with a
    number or an axis beside its tensor — ``F.log_softmax(c, dim=-1)``, ``x.softmax(1)``,
    ``F.leaky_relu(x, 0.2)`` — has its tensor's shape (a softmax along any axis keeps it), so
    ``F.log_softmax(prior, dim=-1).expand(B, K)`` of a [1, K] row is read as the copy it is;
    ``None`` for anything else (a tensor among the other arguments, another keyword)."""
    named = _name_and_args(node)
    if named is None or not named[1]:
        return None
    name, args = named
    op = ops.OPS.get(name)
    if op is None or op.kind not in (ops.ELEMENTWISE, ops.ROWWISE):
        return None

    def number(a: ast.expr) -> bool:
        if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub | ast.UAdd):
            a = a.operand
        return isinstance(a, ast.Constant) and isinstance(a.value, int | float | str | bool)

    if not all(number(a) for a in args[1:]) or not all(
        k.arg in _SHAPE_KEEPING_KEYWORDS_HN37 and number(k.value) for k in node.keywords
    ):
        return None
    return _ast_shape(args[0], shapes)


# heldnets26: the modules of a covariance (Converter.cov_hn26); matrix decompositions and
# Fourier transforms, outside the language by design (named when refused)
_COV_MODULES_HN26 = frozenset({"torch", "np", "numpy", "jnp", "jax.numpy"})
DECOMPOSITIONS_HN26 = frozenset(
    {"eig", "eigh", "eigvals", "eigvalsh", "svd", "svdvals", "qr", "cholesky", "lu", "schur",
     "matrix_exp", "expm", "sqrtm", "matrix_power", "pinv", "lstsq", "matrix_rank"}
)


# heldnets45: functions of a whole matrix (not decompositions): their own sentence
MATRIX_FUNCTIONS_HN45 = frozenset({"matrix_exp", "expm", "sqrtm"})


def _a_tensor_hn26(node: ast.expr, shapes: Mapping[str, Any] | None) -> bool:
    """``node`` is a tensor of the spec (a name with a shape, or an expression of one), not a
    module: ``hs.T.cov()``'s receiver."""
    names = [m.id for m in ast.walk(node) if isinstance(m, ast.Name)]
    return bool(names) and not _module_of(node) and all(n in (shapes or {}) for n in names)


def outside_hn26(called: ast.expr) -> catalog.Said | None:
    """Why a call of ``called`` is outside the language by design, if it is: a Fourier
    transform (``torch.fft.rfft``, ``np.fft.fft``: complex values) or a matrix decomposition
    (``torch.linalg.eigh``, ``np.linalg.svd``, …) — else ``None``."""
    if not isinstance(called, ast.Attribute):
        return None
    path = ast.unparse(called)
    if ".fft." in f"{path}." or called.attr in ("stft", "istft"):
        return catalog.said("spec.heldnets26.fourier", f=path)
    if called.attr in DECOMPOSITIONS_HN26 and (
        _module_of(called.value) or "linalg" in path or path.startswith(("torch.", "np.", "tf."))
    ):
        if called.attr in MATRIX_FUNCTIONS_HN45:
            return catalog.said("spec.heldnets45.matrix_function", f=path)
        return catalog.said("spec.heldnets26.decomposition", f=path)
    if called.attr in COMPLEX_HN27 and path.startswith(("torch.", "np.", "numpy.", "jnp.", "tf.")):
        return catalog.said("spec.heldnets27.complex", f=path)
    if called.attr in SCATTERS_HN27:
        return catalog.said("spec.heldnets27.scatter", f=called.attr)
    return None


# heldnets27: complex numbers (LLaMA's rotary embedding by torch.view_as_complex) and scatters
# into rows chosen by data (PyG's index_add_/scatter_add over an edge list): outside by design
COMPLEX_HN27 = frozenset({"view_as_complex", "view_as_real", "polar", "complex", "real", "imag"})
SCATTERS_HN27 = frozenset(
    {"index_add", "index_add_", "scatter", "scatter_", "scatter_add", "scatter_add_",
     "scatter_reduce", "scatter_reduce_", "index_put", "index_put_", "index_copy", "index_copy_",
     "index_fill_", "masked_scatter", "masked_scatter_", "unsorted_segment_sum", "segment_sum",
     "tensor_scatter_nd_add", "tensor_scatter_nd_update", "scatter_nd"}
)


def _sampling_inside_hn29(node: ast.AST) -> tuple[ast.Call, str] | None:
    """heldnets29: the first call inside ``node`` that draws a random sample from a library
    (``torch.rand_like(A)``, ``np.random.rand(…)``, ``tf.random.uniform``) with its path, where a
    form the language does not read (a comparison, a mask) holds one; else ``None``."""
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            path = ast.unparse(n.func)
            if n.func.attr in _SAMPLING_HN24 and _module_of(n.func.value) or (
                ".random." in f"{path}."
            ):
                return n, path
    return None


def _not_named_hn24(f: ast.expr, shapes: Mapping[str, object]) -> catalog.Said:
    """Why a call of ``f`` is refused: ``torch.autograd.grad``/``jax.grad`` take a gradient inside
    the network (WGAN-GP's penalty) and ``np.random.choice``/``jax.random.categorical`` draw a
    sample — both named as outside the language; anything else as :func:`_not_named` says."""
    called = f.func if isinstance(f, ast.Call) else f  # jax.grad(loss_fn)(w): the maker
    outside = outside_hn26(called)
    if outside is not None:
        return outside
    if isinstance(called, ast.Attribute):
        path = ast.unparse(called)
        if called.attr in _INNER_GRADS_HN24 or "autograd" in path or "GradientTape" in path:
            return catalog.said("spec.heldnets24.inner_grad", f=path)
        if ".random." in f"{path}." and called.attr not in shapes:
            return catalog.said("spec.heldnets24.sampling", name=path)
    return _not_named(f, shapes)


def _group_norm_hn24(node: ast.Call, shapes: Mapping[str, Any]) -> ast.expr | None:
    """``F.group_norm(x, num_groups, weight, bias, eps=1e-5)`` of a [batch, channels] matrix of
    known size: each row's channels in ``num_groups`` consecutive groups, each group normalised by
    its own mean and biased variance (a layer norm of the group's columns), joined back, then
    ``· weight + bias`` per channel — as PyTorch computes it. ``None`` (refused) when the size is
    not known, the channels do not split evenly, or an argument is not of that form."""
    names = ("x", "num_groups", "weight", "bias", "eps")
    kw = {k.arg: k.value for k in node.keywords}
    a = dict(zip(names, node.args, strict=False)) | kw
    shape = _ast_shape(a["x"], shapes) if "x" in a else None
    groups = _int_index(a.get("num_groups")) if a.get("num_groups") is not None else None
    if len(node.args) > len(names) or set(kw) - set(names) or shape is None or not groups or (
        groups < 0 or shape[1] % groups or groups > MAX_BLOCKS
    ):
        return None
    x, width, eps = ast.unparse(a["x"]), shape[1] // groups, ast.unparse(a.get("eps", ast.Constant(1e-5)))
    parts = []
    for g in range(groups):
        s = f"({x})[:, {g * width}:{(g + 1) * width}]"
        centred = f"({s} - mean({s}, axis=1))"
        parts.append(f"{centred} / sqrt(mean({centred} ** 2, axis=1) + {eps})")
    text = parts[0] if groups == 1 else f"concat({', '.join(parts)}, axis=1)"
    for key, op in (("weight", "*"), ("bias", "+")):
        if a.get(key) is not None and not (isinstance(a[key], ast.Constant) and a[key].value is None):
            text = f"({text}) {op} ({ast.unparse(a[key])})"
    return spelling.parsed_body(text)


# ---- spellings25: an expression read entry by entry, a line of its own (issue 9) -------------

# calls read entry by entry over their tensor (by slices, blocks or single entries): a flip, a
# roll, a running sum/product/log-sum, GLU's halves, a product along an axis
_ENTRYWISE_S25 = _REORDERS | _BLOCKWISE | _KEEP_ALONG_AXIS_HN24
_TENSOR_KEYWORDS_S25 = ("input", "x", "a", "m")  # the tensor given by keyword (torch / np)


# calls that read each of their tensors (by position) block by block: a group norm's groups, the
# rows of corrcoef, a Kronecker product's entries
_BLOCKS_OF_ARGUMENTS_S25 = {"group_norm": (0,), "corrcoef": (0, 1), "kron": (0, 1), "cov": (0, 1)}


def _entrywise_arguments_s25(n: ast.Call) -> list[tuple[ast.expr, Callable[[ast.expr], None]]]:
    """The tensors a call of :data:`_ENTRYWISE_S25` or :data:`_BLOCKS_OF_ARGUMENTS_S25` reads
    entry by entry, each with how to put another expression in its place (``risk.flip(0)``: the
    receiver; ``torch.cumsum(e, 0)``: the first argument; ``np.flip(m=e)``: the keyword;
    ``torch.kron(a, b)``: both); none for any other call."""
    f = n.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if name in _BLOCKS_OF_ARGUMENTS_S25 and not (isinstance(f, ast.Attribute) and not _module_of(f.value)):
        return [(n.args[i], lambda e, i=i: n.args.__setitem__(i, e))
                for i in _BLOCKS_OF_ARGUMENTS_S25[name] if i < len(n.args)]
    if name not in _ENTRYWISE_S25:
        return []
    if isinstance(f, ast.Attribute) and not _module_of(f.value):
        return [(f.value, lambda e: setattr(f, "value", e))]
    if n.args:
        return [(n.args[0], lambda e: n.args.__setitem__(0, e))]
    return [(k.value, lambda e, k=k: setattr(k, "value", e))
            for k in n.keywords if k.arg in _TENSOR_KEYWORDS_S25][:1]


def _named_block_s25(arg: ast.expr) -> bool:
    """Whether ``arg`` is read without copying an expression: a name, a number, ``X.T``, or a
    block of a name by plain slices (``Z[:, 0:2]``)."""
    if isinstance(arg, ast.Name | ast.Constant):
        return True
    if isinstance(arg, ast.Attribute) and arg.attr == "T":
        return isinstance(arg.value, ast.Name)
    if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
        parts = arg.slice.elts if isinstance(arg.slice, ast.Tuple) else [arg.slice]
        return all(isinstance(p, ast.Slice) and p.step is None for p in parts)
    return False


def _stops_gradient_s25(arg: ast.expr) -> bool:
    """Whether ``arg`` holds a ``.detach()``/``stop_gradient(…)``, which its own line reads."""
    return any(
        isinstance(m, ast.Call) and getattr(m.func, "attr", getattr(m.func, "id", ""))
        in ("detach", "stop_gradient")
        for m in ast.walk(arg)
    )


def hoisted_entrywise_s25(
    key: str,
    text: str,
    shapes: Mapping[str, Any],
    taken: frozenset[str],
    one_d: frozenset[str],
) -> tuple[list[tuple[str, str]], str]:
    """``(lines, text)``: the tensor of each flip/roll/cumsum/cumprod/logcumsumexp/glu/prod
    (and group_norm/corrcoef/kron) of line ``key`` that is an expression (DeepSurv's ``torch.logcumsumexp(risk.flip(0),
    0).flip(0)``) as a line of its own, ``<key>_arg`` (``<key>_arg2``, … inner ones first), so
    the call reads a named tensor: these calls are read by slices of their tensor, and slices of
    an expression write the whole expression again for every entry (N copies of a running sum,
    a handout too long for KaTeX); the same for a stepped slice of an expression
    (``np.exp(r)[::-1]``). Only a 2-D expression whose size the declared shapes give
    is moved (what the readers would read by slices); ``([], text)`` when there is none."""
    words = _ENTRYWISE_S25 | set(_BLOCKS_OF_ARGUMENTS_S25)
    if not any(w in text for w in words) and ":" not in text:
        return [], text
    tree = spelling.parsed(text)
    if tree is None:
        return [], text
    lines: list[tuple[str, str]] = []
    known = dict(shapes)  # the moved lines' sizes, for the calls around them
    used = set(taken) | {key}

    def fresh() -> str:
        name, k = f"{key}_arg", 1
        while name in used or reserved(name):
            k += 1
            name = f"{key}_arg{k}"
        used.add(name)
        return name

    class Hoist(ast.NodeTransformer):
        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
            self.generic_visit(n)  # x[::-1]: a stepped slice is read entry by entry too
            parts = n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice]
            if not any(isinstance(p, ast.Slice) and p.step is not None for p in parts):
                return n
            return self.moved(n, n.value, lambda e: setattr(n, "value", e))

        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            for arg, put in _entrywise_arguments_s25(n):
                self.moved(n, arg, put)
            return n

        def moved(self, n: ast.expr, arg: ast.expr, put: Callable[[ast.expr], None]) -> ast.AST:
            """``n`` reading ``arg`` as a new line's name when ``arg`` is such an expression."""
            if _named_block_s25(arg) or _stops_gradient_s25(arg):
                return n  # a stop-gradient inside is read where its line is (Validator.stops)
            shape = _ast_shape(arg, known)
            scalars = frozenset(k for k, v in known.items() if not v)
            if shape in (None, (1, 1)) or one_dimensional(arg, one_d, scalars, known):
                return n  # read (or refused) as before: a 1-D or unknown size is not moved
            name = fresh()
            lines.append((name, ast.unparse(arg)))
            known[name] = shape
            put(ast.Name(name, ast.Load()))
            return n

    try:
        tree = Hoist().visit(tree)
    except RecursionError:
        return [], text
    return (lines, ast.unparse(tree)) if lines else ([], text)


# ---- heldnets41: pairwise squared distances by broadcasting ----------------------------------

_PAIRWISE_SUMS_HN41 = frozenset({"sum", "reduce_sum", "mean", "reduce_mean"})


def _expanded_hn41(node: ast.AST) -> tuple[str, ast.expr] | None:
    """``("rows", A)`` for ``A[:, None, :]`` / ``A[:, None]`` / ``A.unsqueeze(1)`` /
    ``np.expand_dims(A, 1)`` (an axis inserted second), ``("cols", B)`` for ``B[None, :, :]`` /
    ``B[None]`` / ``B.unsqueeze(0)`` / ``np.expand_dims(B, 0)`` (inserted first), else None."""
    if isinstance(node, ast.Subscript):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        full = [isinstance(p, ast.Slice) and p.lower is p.upper is p.step is None for p in parts]
        new = [_is_new_axis(p) for p in parts]
        if len(parts) in (2, 3) and full[0] and new[1] and all(full[2:]):
            return "rows", node.value
        if 1 <= len(parts) <= 3 and new[0] and all(full[1:]):
            return "cols", node.value
        return None
    if isinstance(node, ast.Call) and not node.keywords or isinstance(node, ast.Call) and all(
        k.arg in ("dim", "axis") for k in node.keywords
    ):
        named = _name_and_args(node)
        if named is None or named[0] not in ("unsqueeze", "expand_dims"):
            return None
        args = [*named[1], *(k.value for k in node.keywords)]
        if len(args) != 2 or not isinstance(args[1], ast.Constant) or args[1].value not in (0, 1):
            return None
        return ("cols" if args[1].value == 0 else "rows"), args[0]
    return None


def _squared_hn41(node: ast.AST) -> ast.expr | None:
    """The ``d`` of ``d ** 2`` / ``d.pow(2)`` / ``torch.pow(d, 2)`` / ``np.square(d)``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        two = node.right
        if isinstance(two, ast.Constant) and two.value in (2, 2.0) and type(two.value) is not bool:
            return node.left
        return None
    if isinstance(node, ast.Call) and not node.keywords:
        named = _name_and_args(node)
        if named is None:
            return None
        name, args = named
        if name in ("square",) and len(args) == 1:
            return args[0]
        if name in ("pow", "power") and len(args) == 2 and isinstance(args[1], ast.Constant):
            return args[0] if args[1].value in (2, 2.0) else None
    return None


def _last_axis_sum_hn41(node: ast.Call) -> ast.expr | None:
    """The summand of ``np.sum(s, axis=-1)`` / ``s.sum(-1)`` / ``torch.sum(s, dim=2)`` /
    ``tf.reduce_sum(s, axis=-1)`` (the last of three axes, without keepdims; also the mean),
    else None."""
    named = _name_and_args(node)
    if named is None or named[0] not in _PAIRWISE_SUMS_HN41:
        return None
    args = list(named[1])
    kw = {k.arg: k.value for k in node.keywords}
    if set(kw) - {"axis", "dim"} or len(args) + len(kw) != 2:
        return None
    axis = kw.get("axis", kw.get("dim", args[1] if len(args) == 2 else None))
    value = axis.value if isinstance(axis, ast.Constant) else (
        -axis.operand.value if isinstance(axis, ast.UnaryOp) and isinstance(axis.op, ast.USub)
        and isinstance(axis.operand, ast.Constant) else None
    )
    return args[0] if value in (2, -1) and type(value) is int else None


def pairwise_squares_hn41(text: str, matrix: Callable[[str], bool]) -> str:
    """heldnets41: the squared distances of every row of A to every row of B written by
    broadcasting — JAX's and PyTorch's ``jnp.sum((A[:, None, :] - B[None, :, :]) ** 2,
    axis=-1)``, ``(A.unsqueeze(1) - B.unsqueeze(0)).pow(2).sum(-1)``, ``B`` also without an axis
    — an [n_A, n_B] matrix whose 3-D middle the language does not have, written as the identity
    ‖a‖² + ‖b‖² − 2a·b: ``(A ** 2).sum(1, keepdims=True) + ((B ** 2).sum(1, keepdims=True)).T -
    2 * (A @ B.T)`` (the same polynomial of the entries: the same values up to rounding, the same
    derivatives). A and B are names of matrices (``matrix``: of a 1-D vector ``a[:, None]`` is
    a column). Any other use of an inserted axis keeps heldnets30's refusal."""
    if "None" not in text and "unsqueeze" not in text and "expand_dims" not in text and (
        "newaxis" not in text
    ):
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text

    class Pairwise(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            summand = _last_axis_sum_hn41(n)
            diff = _squared_hn41(summand) if summand is not None else None
            if not (isinstance(diff, ast.BinOp) and isinstance(diff.op, ast.Sub)):
                return n
            left, right = _expanded_hn41(diff.left), _expanded_hn41(diff.right)
            if left is None and right is not None and right[0] == "rows":
                left = ("cols", diff.left)  # B - A[:, None, :]: B broadcast as [1, m, d]
            if right is None and left is not None and left[0] == "rows":
                right = ("cols", diff.right)
            if left is None or right is None or {left[0], right[0]} != {"rows", "cols"}:
                return n
            a = left[1] if left[0] == "rows" else right[1]
            b = right[1] if right[0] == "cols" else left[1]
            if not all(isinstance(k, ast.Name) and matrix(k.id) for k in (a, b)):
                return n
            sa, sb = ast.unparse(a), ast.unparse(b)
            text = (
                f"(({sa}) ** 2).sum(1, keepdims=True) + (({sb}) ** 2).sum(1, keepdims=True).T"
                f" - 2 * (({sa}) @ ({sb}).T)"
            )
            if _name_and_args(n)[0] in ("mean", "reduce_mean"):  # over the d columns
                return ast.parse(f"({text}) / {sa}.shape[1]", mode="eval").body
            return ast.parse(f"({text})", mode="eval").body

    try:
        return ast.unparse(Pairwise().visit(tree))
    except RecursionError:
        return text
