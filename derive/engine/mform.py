"""Matrix-form expressions: ``Xᵀ·δZ``, ``δA ⊙ 1[Z>0]``, ``𝟙ᵀ·δZ``.

A small immutable tree of data (:class:`Ref`, :class:`Scalar`, :class:`Ones`, :class:`T`,
:class:`MatMul`, :class:`Add`, :class:`Neg`, :class:`Mul`, :class:`Div`, :class:`Pow`,
:class:`Func`, :class:`Call`, :class:`SumRows`, :class:`SumCols`, :class:`SumAll`, and
:class:`Indicator` for a hand-written comparison ``(Z1 > 0)`` in ``derive check``). What is done
with it lives in two families of classes with one method per node, in the style of SymPy's
printing package:

- :class:`Evaluator`, parameterised by a number system: :class:`MpmathSystem` (entry by entry in
  50-digit mpmath at a checker's point — how a matrix-form rule is *proven* equal to the
  element-wise result), :class:`NumpySystem` (float64 at any size — how full-size gradients are
  computed and how the generated ``backprop.py`` behaves) and :class:`TorchSystem`;
- printers :class:`LatexPrinter`, :class:`TextPrinter` and :class:`NumpyPrinter`.

Functions and losses (``Func``, ``Call``) are evaluated and printed from their rows in the
operation table (:mod:`derive.lang.ops`). Scalars (``1/m``, ``pos_weight``) are SymPy expressions in
the dimension and constant symbols, so ``2/m`` prints as ``\\frac{2}{m}`` and evaluates at the
current sizes. ``MExpr.evaluate/numeric/tex/text/code`` remain as one-line shortcuts.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter as _SympyNumPyPrinter

from derive.engine import exactdot
from derive.engine.printing import float_constant, latex, name_tex
from derive.lang import ops
from derive.lang.spec import block_size, corr_size, dilated_size, pool_size, resize, scaled_size

_NP_SCALAR = _SympyNumPyPrinter()

_LAYER_SUP = re.compile(r"[A-Za-z\\{}]+\^\{\[\d+\]\}")
_ONES_T = "\\mathbf{1}^{\\top}"  # a batch sum; the checker reads 𝟙ᵀ A ⊙ B as 𝟙ᵀ(A ⊙ B)
PREC = {"add": 1, "mul": 2, "neg": 2, "atom": 4}


class MExpr:
    """Base class. Subclasses are frozen dataclasses holding data only."""

    shape: tuple[int, int]
    prec = PREC["atom"]

    # shortcuts to the evaluator and the printers ------------------------------------------
    def evaluate(self, value: Callable[[sp.Expr], Any]) -> list[list[Any]]:
        """Entries at a checker's point: ``value`` maps a SymPy symbol/expression to mpmath."""
        return Evaluator(MpmathSystem(value)).run(self)

    def numeric(
        self,
        env: Mapping[str, Any],
        scalars: Mapping[sp.Symbol, float],
        matmul: Callable[[Any, Any], Any] | None = None,
    ):
        """float64 NumPy value; ``env`` maps ``X``/``dX`` to arrays (``matmul``: see
        :class:`NumpySystem`)."""
        return Evaluator(NumpySystem(env, scalars, matmul)).run(self)

    def tex(self) -> str:
        return LatexPrinter().doprint(self)

    def text(self) -> str:
        return TextPrinter().doprint(self)

    def code(self) -> str:
        return NumpyPrinter().doprint(self)


@dataclass(frozen=True)
class Ref(MExpr):
    """A tensor by name: its value (``kind="value"``) or the loss gradient w.r.t. it."""

    name: str
    kind: str  # "value" | "grad"
    symbols: sp.ImmutableMatrix
    name_tex: str
    loss_tex: str = "L"
    dims: tuple[int, int] | None = None  # the spec's sizes (named Dims), when known
    delta: bool = False  # print the gradient as δ_V (computed tensors) rather than ∂L/∂V
    gkey: str = ""  # the gradient's name in code when d<name> is a spec name (NetSpec.gkey)
    prec = 5

    @property
    def shape(self) -> tuple[int, int]:  # type: ignore[override]
        return self.dims if self.dims is not None else self.symbols.shape

    @property
    def key(self) -> str:
        """The name of its value in an environment (``X`` or ``dX``)."""
        return (self.gkey or f"d{self.name}") if self.kind == "grad" else self.name


@dataclass(frozen=True)
class Scalar(MExpr):
    """A number or an expression in dimension/constant symbols (``1/m``, ``pos_weight``)."""

    expr: sp.Expr
    symbol_names: tuple[tuple[sp.Symbol, str], ...] = ()
    shape: tuple[int, int] = (1, 1)

    def __post_init__(self) -> None:
        if isinstance(self.expr, int | Fraction):  # a Python number from a table's rule
            q = Fraction(self.expr)
            object.__setattr__(self, "expr", sp.Rational(q.numerator, q.denominator))

    @property
    def prec(self) -> int:  # type: ignore[override]
        e = self.expr
        if e.is_Add or (e.is_Number and e < 0) or e.could_extract_minus_sign():
            return PREC["add"]
        return (
            PREC["mul"]
            if (e.is_Mul or e.is_Pow or e.is_Rational and not e.is_Integer)
            else PREC["atom"]
        )


def scalar(value: Any, names: tuple[tuple[sp.Symbol, str], ...] = ()) -> Scalar:
    return Scalar(sp.nsimplify(value) if not isinstance(value, sp.Expr) else value, names)


@dataclass(frozen=True)
class Ones(MExpr):
    """The all-ones matrix 𝟙 of a shape (a column 𝟙 for sums over rows)."""

    shape: tuple[int, int]


@dataclass(frozen=True)
class T(MExpr):
    x: MExpr
    prec = 5

    @property
    def shape(self):  # type: ignore[override]
        return (self.x.shape[1], self.x.shape[0])


@dataclass(frozen=True)
class MatMul(MExpr):
    a: MExpr
    b: MExpr
    prec = PREC["mul"]

    @property
    def shape(self):  # type: ignore[override]
        return (self.a.shape[0], self.b.shape[1])


def _broadcast(a: list[list[Any]], shape: tuple[int, int]) -> list[list[Any]]:
    r, c = shape
    return [
        [a[i if len(a) > 1 else 0][j if len(a[0]) > 1 else 0] for j in range(c)] for i in range(r)
    ]


def _bshape(*shapes: tuple[int, int]) -> tuple[int, int]:
    return (max(s[0] for s in shapes), max(s[1] for s in shapes))


@dataclass(frozen=True)
class Add(MExpr):
    """``terms[0] + terms[1] + …`` with broadcasting; a term may be a :class:`Neg`."""

    terms: tuple[MExpr, ...]
    prec = PREC["add"]

    @property
    def shape(self):  # type: ignore[override]
        return _bshape(*(t.shape for t in self.terms))


@dataclass(frozen=True)
class Neg(MExpr):
    x: MExpr
    prec = PREC["neg"]

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape


@dataclass(frozen=True)
class _Elementwise(MExpr):
    """``a ∘ b`` entry by entry, with broadcasting; subclasses set ``op``."""

    a: MExpr
    b: MExpr
    prec = PREC["mul"]

    @staticmethod
    def op(x: Any, y: Any) -> Any:
        raise NotImplementedError

    @property
    def shape(self):  # type: ignore[override]
        return _bshape(self.a.shape, self.b.shape)


@dataclass(frozen=True)
class Mul(_Elementwise):
    """Element-wise product (Hadamard ⊙), or scaling when one side is a :class:`Scalar`."""

    op = staticmethod(operator.mul)

    def _hadamard(self) -> bool:
        return not (self.a.shape == (1, 1) or self.b.shape == (1, 1))

    def _right(self) -> int:
        same = isinstance(self.b, Mul) and self.b._hadamard() == self._hadamard()
        return 2 if same else 3


@dataclass(frozen=True)
class Div(_Elementwise):
    """Element-wise quotient (or division by a scalar)."""

    op = staticmethod(operator.truediv)


def exponent(n: Fraction | int | sp.Rational) -> int | sp.Rational:
    """An exponent as stored in :class:`Pow`: an ``int`` when whole, else an exact
    ``sympy.Rational`` (``0.5`` is ``1/2``, never a float)."""
    q = sp.Rational(n.numerator, n.denominator) if isinstance(n, Fraction) else sp.Rational(n)
    return int(q) if q.is_Integer else q


@dataclass(frozen=True)
class Pow(MExpr):
    """``x ** n`` entry by entry; ``n`` an int or an exact rational (see :func:`exponent`)."""

    x: MExpr
    n: int | sp.Rational

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape


@dataclass(frozen=True)
class Func(MExpr):
    """An element-wise function of the operation table applied to a matrix: ``σ(Z)``,
    ``1[Z > 0]``. ``slope`` is its parameter (leaky ReLU's negative slope), if it has one."""

    name: str
    x: MExpr
    slope: sp.Expr | None = None

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape

    @property
    def params(self) -> tuple[sp.Expr, ...]:
        return () if self.slope is None else (self.slope,)


# the losses' names in LaTeX (from the operation table)
LOSS_TEX = {n: op.tex for n, op in ops.BUILTIN.items() if op.kind == ops.LOSS}


@dataclass(frozen=True)
class Call(MExpr):
    """A row-wise function (softmax), a reduction (sum/mean, optionally along an axis) or a
    loss, from the operation table."""

    name: str
    args: tuple[MExpr, ...]
    kwargs: tuple[tuple[str, MExpr], ...]
    shape: tuple[int, int]

    def kw(self, key: str) -> MExpr | None:
        return dict(self.kwargs).get(key)

    def _axis(self) -> int | None:
        a = self.kw("axis")
        return None if a is None else int(a.expr)  # type: ignore[attr-defined]

    @property
    def op(self) -> ops.Op:
        return ops.get(self.name)

    def params(self) -> tuple[MExpr, ...]:
        """The op's parameters given in the call (``pos_weight``), in table order."""
        out = []
        for key, _ in self.op.params:
            v = self.kw(key)
            if v is None:
                break
            out.append(v)
        return tuple(out)


@dataclass(frozen=True)
class SumRows(MExpr):
    """``𝟙ᵀ X``: the column sums (sum over the batch), shape ``(1, cols)``."""

    x: MExpr
    prec = PREC["mul"]  # a matrix product: P ⊙ (𝟙ᵀ X) keeps its brackets

    @property
    def shape(self):  # type: ignore[override]
        return (1, self.x.shape[1])


@dataclass(frozen=True)
class SumCols(MExpr):
    """``X 𝟙``: the row sums, shape ``(rows, 1)``."""

    x: MExpr
    prec = PREC["mul"]  # a matrix product: P ⊙ (Y 𝟙), not (P ⊙ Y) 𝟙

    @property
    def shape(self):  # type: ignore[override]
        return (self.x.shape[0], 1)


@dataclass(frozen=True)
class SumAll(MExpr):
    """The sum of all entries, a scalar."""

    x: MExpr

    shape = (1, 1)


@dataclass(frozen=True)
class Slice(MExpr):
    """One block of ``x`` along ``axis``: the rows (axis 0) or columns (axis 1) from the sum of
    ``before`` to that plus ``size`` — the part of a concatenation's gradient that belongs to one
    of its arguments (``∂L/∂A`` of ``[A B]`` is the first columns of ``∂L/∂[A B]``). The sizes
    keep their [dims] names for printing."""

    x: MExpr
    axis: int
    before: tuple[int, ...]
    size: int
    prec = 5

    @property
    def lo(self) -> int:
        return sum(int(k) for k in self.before)

    @property
    def hi(self) -> int:
        return self.lo + int(self.size)

    @property
    def shape(self):  # type: ignore[override]
        r, c = self.x.shape
        return (self.size, c) if self.axis == 0 else (r, self.size)


@dataclass(frozen=True)
class Part(MExpr):
    """A user's slice ``x[:, lo:hi]`` (axis 1) or ``x[lo:hi, :]`` (axis 0): the rows or columns
    ``lo … hi − 1``. The bounds keep their [dims] names (``h``, ``2*h``), so they print as
    such and move with resized sizes."""

    x: MExpr
    axis: int
    lo: int
    hi: int
    prec = 5

    @property
    def size(self) -> int:
        return block_size(self.lo, self.hi, {})

    @property
    def shape(self):  # type: ignore[override]
        r, c = self.x.shape
        return (self.size, c) if self.axis == 0 else (r, self.size)


@dataclass(frozen=True)
class Pad(MExpr):
    """Blocks placed into zeros along ``axis`` (``full`` rows or columns, ``other`` along the
    other axis): ``∂L/∂A`` of ``a = A[:, lo:hi]`` is the upstream gradient in columns
    ``lo … hi − 1`` and 0 elsewhere. ``spans``: each block's ``(lo, hi)``, sorted and disjoint;
    ``values``: the blocks. The gradients of several slices of one tensor add into one
    :class:`Pad` (:func:`add`), which prints as their concatenation when they cover the tensor
    (an LSTM's four gates)."""

    spans: tuple[tuple[int, int], ...]
    values: tuple[MExpr, ...]
    axis: int
    full: int
    other: int
    prec = 5

    @property
    def shape(self):  # type: ignore[override]
        return (self.full, self.other) if self.axis == 0 else (self.other, self.full)

    def pieces(self) -> list[tuple[int, int, MExpr | None]]:
        """Every block in order with the gaps between them (``None``: zeros)."""
        out: list[tuple[int, int, MExpr | None]] = []
        at: int = 0
        for (lo, hi), v in zip(self.spans, self.values, strict=True):
            if int(lo) > int(at):
                out.append((at, lo, None))
            out.append((lo, hi, v))
            at = hi
        if int(at) < int(self.full):
            out.append((at, self.full, None))
        return out


@dataclass(frozen=True)
class Reshape(MExpr):
    """The entries of ``x`` read row by row and laid out again row by row in ``shape``
    (NumPy's and PyTorch's default order: ``x.view(B, -1)``, ``np.reshape(A, (k, m))``) — a
    user's reshape, and its pull, the upstream gradient reshaped back to the argument's shape.
    The sizes keep their [dims] names (``B*P``), so they print as such and move with resized
    sizes."""

    x: MExpr
    shape: tuple[int, int]
    prec = 5


@dataclass(frozen=True)
class Corr(MExpr):
    """conv42: the stride-1 cross-correlation ``a ⋆ b``, ``out_ij = Σ_uv a_{i+u, j+v} b_uv``:
    'valid' (every window inside ``a``: a CNN layer's forward pass, and ∂L/∂K = X ⋆ δZ) or
    ``full`` (``a`` padded with ``b``'s size − 1 zeros on each side, written ⋆̃: with the
    kernel rotated, ∂L/∂X = δZ ⋆̃ rot180(K), the full convolution of δZ with K)."""

    a: MExpr
    b: MExpr
    full: bool = False
    # conv43: windows ``stride`` apart, and ``pad`` more zeros on each side of ``a`` (negative:
    # a 'full' one cropped by −pad on each side, the pull to a padded convolution's image)
    stride: int = 1
    pad: int = 0
    prec = 2

    @property
    def shape(self):  # type: ignore[override]
        return tuple(
            corr_size(x, k, self.full, {}, self.stride, self.pad)
            for x, k in zip(self.a.shape, self.b.shape, strict=True)
        )


@dataclass(frozen=True)
class Dilate(MExpr):
    """conv43: ``x`` with ``stride`` − 1 zeros between neighbouring entries (the "dilated" δZ of
    a strided convolution): its entry (i, j) lands at (stride·i, stride·j)."""

    x: MExpr
    stride: int
    prec = 5

    @property
    def shape(self):  # type: ignore[override]
        return tuple(dilated_size(k, self.stride) for k in self.x.shape)


_corr_pads = ops.corr_pads


@dataclass(frozen=True)
class Pool(MExpr):
    """conv43: 2-D pooling over k × k windows side by side — ``what`` 'max' (max_pool2d),
    'avg' (avg_pool2d) — and the pieces of their pulls: 'up' (each entry copied into a k × k
    block) and 'mask' (1 at each window's largest entry, the first on a tie, as PyTorch)."""

    x: MExpr
    k: int
    what: str
    stride: int | None = None  # conv44: windows this far apart (None: k, side by side)
    ref: MExpr | None = None  # conv44: 'route' — the pooled map whose largest entries take δ
    geom: Any = None  # pool46: ops.PoolGeom of padded, cut or rectangular windows (None: plain)
    prec = 5

    def __post_init__(self) -> None:  # pool46: a rebuilt node (collect.tidy) may hand a plain tuple
        if self.geom is not None and not isinstance(self.geom, ops.PoolGeom):
            object.__setattr__(self, "geom", ops.PoolGeom(*self.geom))

    @property
    def step(self) -> int:
        return self.stride or self.k

    @property
    def shape(self):  # type: ignore[override]
        if self.geom is not None or self.what == "spread":  # pool46: the windows of ops.pool_windows
            if self.what in ("route", "spread"):
                if self.ref is None:
                    raise ValueError("a pull without the pooled map")
                sizes = [_int_or_none(d) for d in (*self.ref.shape, *self.x.shape)]
                if None not in sizes:
                    g = self.geom or ops.PoolGeom(self.k, self.k, self.step, self.step)
                    wins = ops.pool_windows(sizes[0], sizes[1], g)
                    if (len(wins), len(wins[0])) != (sizes[2], sizes[3]):
                        raise ValueError("the windows do not match the upstream gradient")
                return self.ref.shape
            if self.what not in ("max", "avg"):
                raise ValueError(f"{self.what} of padded, cut or rectangular windows")
            n = [_int_or_none(d) for d in self.x.shape]
            if None in n:
                raise ValueError("padded, cut or rectangular windows of a size not known")
            g = self.geom
            return (ops.pool_extent(n[0], g.kh, g.sh, g.pt, g.pb, g.ceil), ops.pool_extent(n[1], g.kw, g.sw, g.pl, g.pr, g.ceil))
        if self.what == "mask" and self.step != self.k:
            raise ValueError("a mask of overlapping windows")  # their pull is 'route'
        if self.what == "mask":
            return self.x.shape
        if self.what == "route" and self.ref is not None:
            # conv44: the pooled map's windows, s apart, must be as many as δ's entries
            for n, d in zip(self.ref.shape, self.x.shape, strict=True):
                if isinstance(n, int) and isinstance(d, int) or str(n).isdigit() and str(d).isdigit():
                    if (int(n) - self.k) % self.step or (int(n) - self.k) // self.step + 1 != int(d):
                        raise ValueError("the windows do not match the upstream gradient")
            return self.ref.shape
        if self.what == "up" and self.step == self.k:
            return tuple(scaled_size(d, self.k) for d in self.x.shape)
        if self.what == "up":  # conv44: s·(n − 1) + k, the windows' span
            return tuple(corr_size(dilated_size(d, self.step), self.k, True, {}) for d in self.x.shape)
        return tuple(pool_size(d, self.k, self.step) for d in self.x.shape)


def _int_or_none(d: Any) -> int | None:
    """pool46: a size as a whole number (``3``, ``sympy.Integer(3)``, ``"3"``), else None."""
    try:  # a [dims] size (Dim, SizeExpr) has its value; a symbol has none
        return int(d)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Rot180(MExpr):
    """conv42: ``x`` turned by 180° (rows and columns reversed; a 1-D kernel reversed): the
    kernel of a true convolution, and of the full convolution that is ∂L/∂X."""

    x: MExpr
    axes: tuple[int, ...] = (0, 1)  # conv43: (0,) the rows only, (1,) the columns only
    prec = 5

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape


def _windows(a: Any, b: Any, full: bool, mul: Callable[[Any, Any], Any], total: Callable[[list[Any]], Any], zero: Any, stride: int = 1, pad: int = 0) -> list[list[Any]]:
    """The stride-1 cross-correlation of two 2-D lists, entry by entry (``full``: ``a`` padded
    with zeros by ``b``'s size − 1 on each side)."""
    kh, kw = len(b), len(b[0])
    ph, pw = _corr_pads(full, pad, kh, kw)
    if ph or pw:
        w = len(a[0]) + 2 * pw
        rim = [[zero] * w for _ in range(ph)]
        a = rim + [[zero] * pw + list(r) + [zero] * pw for r in a] + rim
    rows, cols = (len(a) - kh) // stride + 1, (len(a[0]) - kw) // stride + 1
    s = stride
    return [
        [total([mul(a[s * i + u][s * j + v], b[u][v]) for u in range(kh) for v in range(kw)]) for j in range(cols)]
        for i in range(rows)
    ]


@dataclass(frozen=True)
class Pick(MExpr):
    """Each row's entry in the column of its class label, ``P_{i, y_i}`` (CS231n's
    ``P[np.arange(N), y]``): with ``y`` the labels as one-hot rows, ``Σ_j P_ij y_ij`` — a row
    ``[1, N]`` as NumPy's 1-D result (``row``), else the column ``[N, 1]``."""

    p: MExpr
    y: MExpr
    row: bool = True
    prec = 5

    @property
    def shape(self):  # type: ignore[override]
        n = self.p.shape[0]
        return (1, n) if self.row else (n, 1)

    def sum_form(self) -> MExpr:
        """The same as an ordinary matrix expression: ``((P ⊙ y) 𝟙)ᵀ``."""
        s = SumCols(Mul(self.p, self.y))
        return T(s) if self.row else s


def _one_entry(e: Part) -> tuple[MExpr, int, int] | None:
    """(the named matrix, i, j) of ``rows_{i+1…i+1}(cols_{j+1…j+1}(W))`` (either order), a
    single entry ``W[i, j]`` of a tensor with numbers for bounds and both sizes at most 9 (so
    ``W_{12}`` reads as row 1, column 2); else ``None``."""
    inner = e.x
    if not isinstance(inner, Part) or inner.axis == e.axis or not isinstance(inner.x, Ref):
        return None
    if not all(_bound_code(k).isdigit() for k in (e.lo, e.hi, inner.lo, inner.hi)):
        return None
    if int(e.hi) - int(e.lo) != 1 or int(inner.hi) - int(inner.lo) != 1:
        return None
    if max(int(k) for k in inner.x.shape) > 9:
        return None
    rows, cols = (e, inner) if e.axis == 0 else (inner, e)
    return inner.x, int(rows.lo), int(cols.lo)


def _one_block(e: Part) -> tuple[MExpr, tuple[tuple[int, int], tuple[int, int]]] | None:
    """(the named matrix, (row span, column span)) of ``rows_{a…b}(cols_{c…d}(W))`` (either
    order) with numbers for bounds — a window of it, as im2col and pooling read them — else
    ``None`` (one entry is :func:`_one_entry`'s)."""
    inner = e.x
    if not isinstance(inner, Part) or inner.axis == e.axis or not isinstance(inner.x, Ref):
        return None
    if not all(_bound_code(k).isdigit() for k in (e.lo, e.hi, inner.lo, inner.hi)):
        return None
    rows, cols = (e, inner) if e.axis == 0 else (inner, e)
    spans = ((int(rows.lo), int(rows.hi)), (int(cols.lo), int(cols.hi)))
    if all(hi - lo == 1 for lo, hi in spans):
        return None  # one entry of a large matrix: rows/cols as before
    return inner.x, spans


def _bound_code(k: int) -> str:
    """A size or slice bound in code: its [dims] name, its size expression, or the number."""
    text = getattr(k, "text", None)
    return _size_label(k) or (text if isinstance(text, str) else str(int(k)))


def _to_end(e: Slice | Part) -> bool:
    """Whether the block runs to the end of its axis at every size (printed ``x[:, 1:]``, not
    ``x[:, 1:4]``): equal at the example's sizes and by the same [dims] names (``1 + h`` of a
    width ``h + 1``), so a width that only happens to equal the bound keeps it."""
    width = e.x.shape[e.axis]
    if int(e.hi) != int(width):
        return False
    ends = (*e.before, e.size) if isinstance(e, Slice) else (e.hi,)
    return _terms([_bound_code(k) for k in ends]) == _terms([_bound_code(width)])


def _terms(codes: list[str]) -> tuple[int, tuple[str, ...]]:
    """A sum of size codes (``1 + h``, ``d``, ``2*k``) as its number and its sorted names
    (``2*k`` is ``k`` twice)."""
    parts: list[str] = []
    for p in (p.strip() for c in codes for p in c.split(" + ")):
        times, _, name = p.partition("*")
        parts += [name] * int(times) if times.isdigit() and name.isidentifier() else [p]
    number = sum(int(p) for p in parts if p.isdigit())
    return number, tuple(sorted(p for p in parts if not p.isdigit()))


def _bound_tex(k: int) -> str:
    return _bound_code(k).replace("*", " ")


def _join_pads(terms: list[MExpr]) -> MExpr | None:
    """Gradients of disjoint slices of one tensor as one :class:`Pad`, else ``None``."""
    if len(terms) < 2 or not all(isinstance(t, Pad) for t in terms):
        return None
    pads = [t for t in terms if isinstance(t, Pad)]
    first = pads[0]
    key = (first.axis, int(first.full), int(first.other))
    if any((t.axis, int(t.full), int(t.other)) != key for t in pads):
        return None
    blocks = sorted(
        (b for t in pads for b in zip(t.spans, t.values, strict=True)), key=lambda b: int(b[0][0])
    )
    if any(int(a[0][1]) > int(b[0][0]) for a, b in zip(blocks, blocks[1:])):
        return None  # overlapping blocks add
    return Pad(
        tuple(b[0] for b in blocks), tuple(b[1] for b in blocks), *key[:1], first.full, first.other
    )


def _minus_product(s: str) -> bool:
    """Does the LaTeX ``s`` start with a minus that signs all of it (no ``+``/``-`` of a sum
    outside brackets after it)?"""
    if not s.startswith("-"):
        return False
    depth = 0
    for k, c in enumerate(s):
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif k and depth == 0 and c in "+-" and s[k - 1] == " ":
            return False
    return True


def _one_line_tex(axis: int, index: str, x: str) -> str:
    """One row or column of ``x`` as a course writes it, ``\\operatorname{col}_{d + 1}(X)``, not a
    block ``cols_{d + 1 … d + 1}`` (``derive check``'s LaTeX reader reads both)."""
    what = "row" if axis == 0 else "col"
    return f"\\operatorname{{{what}}}_{{{index}}}\\left({x}\\right)"


def _span(sizes: tuple[int, ...]) -> str:
    """``d + h`` by [dims] names (or size expressions), numbers among them kept as written
    (``1 + h`` after a column of ones: the bound moves with ``h`` at other sizes); the number
    when no size has a name."""
    codes = [_bound_code(k) for k in sizes]
    if all(c.isdigit() for c in codes):
        return str(sum(int(k) for k in sizes))
    # a size named twice is counted, not repeated: NeuMF's second block of k columns ends at
    # 2k, not k + k
    out: list[str] = []
    for k, c in enumerate(codes):
        n = codes.count(c)
        if c.isdigit() or n == 1:
            out.append(c)
        elif c not in codes[:k]:
            out.append(f"{n}*" + (c if c.isidentifier() else f"({c})"))
    return " + ".join(out)


#: the comparisons an :class:`Indicator` may hold, by their input spelling
COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "!=": operator.ne,  # a mask: relu_grad(x) + relu_grad(-x), shown as 1[x ≠ 0]
    "==": operator.eq,
}


@dataclass(frozen=True)
class Indicator(MExpr):
    """``1[a > b]`` entry by entry (1 where the comparison holds, else 0), with broadcasting: a
    hand-written ``(Z1 > 0)`` is ``relu_grad(Z1)``. ``op`` is a key of :data:`COMPARISONS`."""

    op: str
    a: MExpr
    b: MExpr

    @property
    def shape(self):  # type: ignore[override]
        return _bshape(self.a.shape, self.b.shape)


# ---- number systems ------------------------------------------------------------------------------


class MpmathSystem:
    """Entries as 2-D lists of mpmath numbers at one point: ``value`` gives a SymPy
    expression's number there (the caller sets the precision)."""

    def __init__(self, value: Callable[[sp.Expr], Any]) -> None:
        self.value = value

    def ref(self, e: Ref) -> Any:
        m = e.symbols
        return [[self.value(m[i, j]) for j in range(m.cols)] for i in range(m.rows)]

    def scalar(self, e: Scalar) -> Any:
        return [[self.value(e.expr)]]

    def param(self, e: sp.Expr) -> Any:
        return self.value(e)

    def ones(self, shape: tuple[int, int]) -> Any:
        return [[mpmath.mpf(1)] * shape[1] for _ in range(shape[0])]

    def transpose(self, x: Any) -> Any:
        return [list(r) for r in zip(*x, strict=True)]

    def matmul(self, a: Any, b: Any) -> Any:
        a, b = ([[x]] if not isinstance(x, list) else x for x in (a, b))  # a [1, 1] as one number
        cols = list(zip(*b, strict=True))
        return [[exactdot.dot(list(zip(row, col, strict=True))) for col in cols] for row in a]

    def add(self, terms: list[Any], shape: tuple[int, int]) -> Any:
        grids = [_broadcast(t, shape) for t in terms]
        r, c = shape
        return [[exactdot.fsum([g[i][j] for g in grids]) for j in range(c)] for i in range(r)]

    def neg(self, x: Any) -> Any:
        return [[-v for v in row] for row in x]

    def binary(self, op: Callable[[Any, Any], Any], a: Any, b: Any, shape: tuple[int, int]):
        A, B = _broadcast(a, shape), _broadcast(b, shape)
        return [
            [op(x, y) for x, y in zip(ra, rb, strict=True)] for ra, rb in zip(A, B, strict=True)
        ]

    def compare(self, test: Callable[[Any, Any], Any], a: Any, b: Any, shape: tuple[int, int]):
        one, zero = mpmath.mpf(1), mpmath.mpf(0)
        return self.binary(lambda x, y: one if test(x, y) else zero, a, b, shape)

    def power(self, x: Any, n: int | sp.Rational) -> Any:
        k = n if isinstance(n, int) else mpmath.mpf(n.p) / n.q
        return [[v**k for v in row] for row in x]

    def func(self, op: ops.Op, x: Any, params: tuple[Any, ...]) -> Any:
        return [[op.mpmath(v, *params) for v in row] for row in x]

    def pair(self, op: ops.Op, a: Any, b: Any, shape: tuple[int, int]) -> Any:
        return self.binary(op.mpmath, a, b, shape)

    def rowwise(self, op: ops.Op, x: Any) -> Any:
        return [op.mpmath(row) for row in x]

    def reduce(self, x: Any, axis: int | None, mean: bool) -> Any:
        if axis is None:
            flat = [v for row in x for v in row]
            return [[mpmath.fsum(flat) / (len(flat) if mean else 1)]]
        grid = x if axis == 1 else [list(c) for c in zip(*x, strict=True)]
        sums = [mpmath.fsum(r) / (len(r) if mean else 1) for r in grid]
        return [sums] if axis == 0 else [[v] for v in sums]

    def loss(self, op: ops.Op, p: Any, y: Any, params: tuple[Any, ...]) -> Any:
        y = _broadcast(y, (len(p), len(p[0])))
        return [[op.mpmath(p, y, *(q[0][0] for q in params))]]

    def concat(self, parts: list[Any], axis: int) -> Any:
        if axis == 0:
            return [list(r) for p in parts for r in p]
        return [[v for p in parts for v in p[i]] for i in range(len(parts[0]))]

    def zeros(self, shape: tuple[int, int]) -> Any:
        return [[mpmath.mpf(0)] * shape[1] for _ in range(shape[0])]

    def fit(self, x: Any, shape: tuple[int, int]) -> Any:
        return _broadcast(x, shape)

    def slice(self, x: Any, axis: int, lo: int, hi: int, shape: tuple[int, int]) -> Any:
        x = _broadcast(x, shape)
        return [list(r) for r in x[lo:hi]] if axis == 0 else [list(r[lo:hi]) for r in x]

    def reshape(self, x: Any, before: tuple[int, int], after: tuple[int, int]) -> Any:
        flat = [v for row in _broadcast(x, before) for v in row]
        c = after[1]
        return [flat[i * c : (i + 1) * c] for i in range(after[0])]

    def corr(self, a: Any, b: Any, full: bool, stride: int = 1, pad: int = 0) -> Any:
        return _windows(a, b, full, operator.mul, exactdot.fsum, mpmath.mpf(0), stride, pad)

    def rot180(self, x: Any, axes: tuple[int, ...] = (0, 1)) -> Any:
        rows = list(reversed(x)) if 0 in axes else list(x)
        return [list(reversed(r)) if 1 in axes else list(r) for r in rows]

    def pool(self, x: Any, k: int, what: str, stride: int | None = None, ref: Any = None, geom: Any = None) -> Any:
        if what == "spread" and geom is None:
            geom = ops.PoolGeom(k, k, stride or k, stride or k)
        return ops.pool_lists(x, k, what, exactdot.fsum, mpmath.mpf(0), mpmath.mpf(1), stride, ref, geom)

    def dilate(self, x: Any, stride: int) -> Any:
        cols = stride * (len(x[0]) - 1) + 1
        out = [[mpmath.mpf(0)] * cols for _ in range(stride * (len(x) - 1) + 1)]
        for i, r in enumerate(x):
            for j, v in enumerate(r):
                out[stride * i][stride * j] = v
        return out

    def sum_rows(self, x: Any) -> Any:
        return [[exactdot.fsum(list(col)) for col in zip(*x, strict=True)]]

    def sum_cols(self, x: Any) -> Any:
        return [[exactdot.fsum(list(row))] for row in x]

    def sum_all(self, x: Any) -> Any:
        return [[exactdot.fsum([v for row in x for v in row])]]


@functools.cache
def _integer_name(k: sp.Symbol) -> str:
    """``str(k)`` of an integer symbol (a [dims] size), "" otherwise: asked once per symbol (a
    training loop builds a :class:`NumpySystem` per node and step; printing is not free)."""
    return str(k) if k.is_integer else ""


def _compensated_sum(terms: list[Any]) -> Any:
    """``Σ terms`` entry by entry with Neumaier's compensation: a sum the matrix form flattened
    (xlogy's ``log(y + 1 − 1[x ≠ 0])`` became ``y + 1 − …``) keeps the small term that a
    left-to-right float64 sum drops (σ = 7.6e-29: (σ + 1) − 1 = 0, and its log −inf where
    PyTorch, computing the line as written, has −64.7)."""
    with np.errstate(all="ignore"):
        total = np.asarray(terms[0], dtype=np.float64)
        carry = np.zeros_like(total)
        for t in terms[1:]:
            t = np.asarray(t, dtype=np.float64)
            new = total + t
            lost = np.where(np.abs(total) >= np.abs(t), (total - new) + t, (t - new) + total)
            carry = carry + np.where(np.isfinite(lost), lost, 0.0)
            total = new
        out = total + np.where(np.isfinite(total), carry, 0.0)
    return out if np.ndim(out) else float(out)


class NumpySystem:
    """float64 NumPy arrays; ``env`` maps ``X``/``dX`` to values, ``scalars`` gives the
    dimension and constant symbols their numbers; ``matmul``, if given, computes ``a @ b``
    (a training step shares its products with the loss's own forward pass)."""

    def __init__(
        self,
        env: Mapping[str, Any],
        scalars: Mapping[sp.Symbol, float],
        matmul: Callable[[Any, Any], Any] | None = None,
    ) -> None:
        self.env, self.scalars, self._matmul = env, scalars, matmul
        # the [dims] sizes of this run (other sizes: [full_dims], the checker's resized points)
        self.sizes = {_integer_name(k): int(v) for k, v in scalars.items() if _integer_name(k)}

    def ref(self, e: Ref) -> Any:
        return self.env[e.key]

    def scalar(self, e: Scalar) -> Any:
        return float(e.expr.xreplace(dict(self.scalars)))

    def param(self, e: sp.Expr) -> Any:
        return float(e.xreplace(dict(self.scalars)))

    def ones(self, shape: tuple[int, int]) -> Any:
        return np.ones(shape)

    def transpose(self, x: Any) -> Any:
        return np.asarray(x).T

    def matmul(self, a: Any, b: Any) -> Any:
        # a [1, 1] value held as one number ((w @ A) @ u of 1-D w, u) is the 1 × 1 matrix
        a, b = (np.asarray(x).reshape(1, 1) if np.ndim(x) == 0 else np.asarray(x) for x in (a, b))
        if self._matmul is not None:
            return self._matmul(a, b)
        return a @ b

    def add(self, terms: list[Any], shape: tuple[int, int]) -> Any:
        if len(terms) > 2 and all(isinstance(t, np.ndarray | float | int) for t in terms):
            return _compensated_sum(terms)
        total = 0.0
        for t in terms:
            total = total + t
        return total

    def neg(self, x: Any) -> Any:
        return -x

    def binary(self, op: Callable[[Any, Any], Any], a: Any, b: Any, shape: tuple[int, int]):
        return op(a, b)

    def compare(self, test: Callable[[Any, Any], Any], a: Any, b: Any, shape: tuple[int, int]):
        return np.asarray(test(np.asarray(a), np.asarray(b)), dtype=np.float64)

    def power(self, x: Any, n: int | sp.Rational) -> Any:
        return x ** (n if isinstance(n, int) else float(n))

    def func(self, op: ops.Op, x: Any, params: tuple[Any, ...]) -> Any:
        return op.numpy(x, *params)

    def pair(self, op: ops.Op, a: Any, b: Any, shape: tuple[int, int]) -> Any:
        return op.numpy(a, b)

    def rowwise(self, op: ops.Op, x: Any) -> Any:
        return op.numpy(np.asarray(x, dtype=np.float64))

    def reduce(self, x: Any, axis: int | None, mean: bool) -> Any:
        x = np.asarray(x, dtype=np.float64)
        f = np.mean if mean else np.sum
        return f(x) if axis is None else f(x, axis=axis, keepdims=True)

    def loss(self, op: ops.Op, p: Any, y: Any, params: tuple[Any, ...]) -> Any:
        p = np.asarray(p, dtype=np.float64)
        y = np.broadcast_to(np.asarray(y), p.shape)
        return op.numpy(p, y, *(float(q) for q in params))

    def concat(self, parts: list[Any], axis: int) -> Any:
        return np.concatenate([np.asarray(p) for p in parts], axis=axis)

    def zeros(self, shape: tuple[int, int]) -> Any:
        return np.zeros(shape)

    def fit(self, x: Any, shape: tuple[int, int]) -> Any:
        return np.broadcast_to(np.asarray(x, dtype=np.float64), shape)

    def slice(self, x: Any, axis: int, lo: int, hi: int, shape: tuple[int, int]) -> Any:
        x, full = np.asarray(x), list(shape)
        # the whole concatenation (at other sizes its width is not the example's), or a value
        # broadcast along the axis, whose blocks are all alike
        full[axis] = x.shape[axis] if x.ndim == 2 and x.shape[axis] >= hi else max(hi, full[axis])
        x = np.broadcast_to(x, tuple(full))
        return x[lo:hi] if axis == 0 else x[:, lo:hi]

    def reshape(self, x: Any, before: tuple[int, int], after: tuple[int, int]) -> Any:
        return np.reshape(np.broadcast_to(np.asarray(x, dtype=np.float64), before), after)

    def corr(self, a: Any, b: Any, full: bool, stride: int = 1, pad: int = 0) -> Any:
        return ops.corr_numpy(a, b, full, stride, pad)

    def rot180(self, x: Any, axes: tuple[int, ...] = (0, 1)) -> Any:
        return np.atleast_2d(np.asarray(x, dtype=np.float64))[ops.flip_slices(axes)]

    def dilate(self, x: Any, stride: int) -> Any:
        return ops.dilate_numpy(x, stride)

    def pool(self, x: Any, k: int, what: str, stride: int | None = None, ref: Any = None, geom: Any = None) -> Any:
        if what == "spread" and geom is None:
            geom = ops.PoolGeom(k, k, stride or k, stride or k)
        return ops.pool_numpy(x, k, what, stride, ref, geom)

    def sum_rows(self, x: Any) -> Any:
        return np.asarray(x).sum(axis=0, keepdims=True)

    def sum_cols(self, x: Any) -> Any:
        return np.asarray(x).sum(axis=1, keepdims=True)

    def sum_all(self, x: Any) -> Any:
        return float(np.sum(x))


class TorchSystem(NumpySystem):
    """float64 PyTorch tensors (autograd follows): ``env`` maps ``X``/``dX`` to tensors."""

    def __init__(self, env: Mapping[str, Any], scalars: Mapping[sp.Symbol, float]) -> None:
        super().__init__(env, scalars)
        import torch  # the caller passes tensors: torch is already imported

        self.torch = torch

    def ones(self, shape: tuple[int, int]) -> Any:
        return self.torch.ones(shape, dtype=self.torch.float64)

    def transpose(self, x: Any) -> Any:
        return x.T if isinstance(x, self.torch.Tensor) else x

    def matmul(self, a: Any, b: Any) -> Any:
        a, b = (x.reshape(1, 1) if getattr(x, "ndim", 2) == 0 else x for x in (a, b))  # [1, 1]
        return a @ b

    def compare(self, test: Callable[[Any, Any], Any], a: Any, b: Any, shape: tuple[int, int]):
        return self.torch.as_tensor(test(a, b)).to(self.torch.float64)

    def func(self, op: ops.Op, x: Any, params: tuple[Any, ...]) -> Any:
        return op.torch(x, *params)

    def pair(self, op: ops.Op, a: Any, b: Any, shape: tuple[int, int]) -> Any:
        return op.torch(a, b)

    def rowwise(self, op: ops.Op, x: Any) -> Any:
        return op.torch(x)

    def reduce(self, x: Any, axis: int | None, mean: bool) -> Any:
        if axis is None:
            return x.mean() if mean else x.sum()
        return x.mean(dim=axis, keepdim=True) if mean else x.sum(dim=axis, keepdim=True)

    def loss(self, op: ops.Op, p: Any, y: Any, params: tuple[Any, ...]) -> Any:
        y = y.expand_as(p) if isinstance(y, self.torch.Tensor) else self.torch.full_like(p, y)
        return op.torch(p, y, *(float(q) for q in params))

    def concat(self, parts: list[Any], axis: int) -> Any:
        return self.torch.cat(list(parts), dim=axis)

    def zeros(self, shape: tuple[int, int]) -> Any:
        return self.torch.zeros(shape, dtype=self.torch.float64)

    def fit(self, x: Any, shape: tuple[int, int]) -> Any:
        return self.torch.as_tensor(x, dtype=self.torch.float64).expand(shape)

    def slice(self, x: Any, axis: int, lo: int, hi: int, shape: tuple[int, int]) -> Any:
        x = self.torch.as_tensor(x, dtype=self.torch.float64).expand(shape)
        return x[lo:hi] if axis == 0 else x[:, lo:hi]

    def reshape(self, x: Any, before: tuple[int, int], after: tuple[int, int]) -> Any:
        x = self.torch.as_tensor(x, dtype=self.torch.float64).expand(before)
        return x.reshape(after)

    def corr(self, a: Any, b: Any, full: bool, stride: int = 1, pad: int = 0) -> Any:
        a, b = (self.torch.as_tensor(x, dtype=self.torch.float64) for x in (a, b))
        a, b = (x.reshape(1, -1) if x.ndim < 2 else x for x in (a, b))
        pads = _corr_pads(full, pad, b.shape[0], b.shape[1])
        conv2d = self.torch.nn.functional.conv2d
        return conv2d(a[None, None], b[None, None], padding=pads, stride=stride)[0, 0]

    def pool(self, x: Any, k: int, what: str, stride: int | None = None, ref: Any = None, geom: Any = None) -> Any:
        x = self.torch.as_tensor(x, dtype=self.torch.float64)
        x = x.reshape(1, -1) if x.ndim < 2 else x
        F = self.torch.nn.functional
        s = stride or k
        if geom is not None or what == "spread":  # pool46: PyTorch's own, over ops.PoolGeom's windows
            return ops.pool_torch(self.torch, x, what, geom or ops.PoolGeom(k, k, s, s), ref)
        if what == "up" and s == k:
            return x.repeat_interleave(k, 0).repeat_interleave(k, 1)
        if what == "up":  # conv44: each entry added into its window: a transposed conv with ones
            ones = x.new_ones((1, 1, k, k))
            return F.conv_transpose2d(x[None, None], ones, stride=s)[0, 0]
        if what == "route":  # conv44: PyTorch's own max_pool2d backward (overlaps summed)
            a = self.torch.as_tensor(ref, dtype=self.torch.float64)
            a = (a.reshape(1, -1) if a.ndim < 2 else a).detach().requires_grad_(True)
            (back,) = self.torch.autograd.grad(F.max_pool2d(a[None, None], k, s), a, x[None, None])
            return back
        if what == "avg":
            return F.avg_pool2d(x[None, None], k, s)[0, 0]
        if s != k:
            return F.max_pool2d(x[None, None], k, s)[0, 0]
        top, where = F.max_pool2d(x[None, None], k, return_indices=True)
        if what == "max":
            return top[0, 0]
        return self.torch.zeros_like(x).flatten().scatter(0, where.flatten(), 1.0).reshape(x.shape)

    def dilate(self, x: Any, stride: int) -> Any:
        x = self.torch.as_tensor(x, dtype=self.torch.float64)
        x = x.reshape(1, -1) if x.ndim < 2 else x
        out = x.new_zeros((stride * (x.shape[0] - 1) + 1, stride * (x.shape[1] - 1) + 1))
        out[::stride, ::stride] = x
        return out

    def rot180(self, x: Any, axes: tuple[int, ...] = (0, 1)) -> Any:
        x = self.torch.as_tensor(x, dtype=self.torch.float64)
        return self.torch.flip(x.reshape(1, -1) if x.ndim < 2 else x, axes)

    def sum_rows(self, x: Any) -> Any:
        return x.sum(dim=0, keepdim=True)

    def sum_cols(self, x: Any) -> Any:
        return x.sum(dim=1, keepdim=True)

    def sum_all(self, x: Any) -> Any:
        return x.sum()


# ---- the evaluator -------------------------------------------------------------------------------


class Evaluator:
    """Evaluates a matrix-form expression in one number system; one method per node."""

    def __init__(self, system: Any) -> None:
        self.sys = system

    def run(self, e: MExpr) -> Any:
        method = getattr(self, f"_{type(e).__name__}", None)
        if method is None:
            raise NotImplementedError(f"no evaluation rule for {type(e).__name__}")
        return method(e)

    def _Ref(self, e: Ref) -> Any:
        return self.sys.ref(e)

    def _Scalar(self, e: Scalar) -> Any:
        return self.sys.scalar(e)

    def _Ones(self, e: Ones) -> Any:
        sizes = getattr(self.sys, "sizes", None)
        # at other [dims] sizes (full size, the checker's resized points) 𝟙 has the resized shape
        return self.sys.ones(tuple(resize(k, sizes) for k in e.shape) if sizes else e.shape)

    def _T(self, e: T) -> Any:
        return self.sys.transpose(self.run(e.x))

    def _MatMul(self, e: MatMul) -> Any:
        return self.sys.matmul(self.run(e.a), self.run(e.b))

    def _Add(self, e: Add) -> Any:
        return self.sys.add([self.run(t) for t in e.terms], e.shape)

    def _Neg(self, e: Neg) -> Any:
        return self.sys.neg(self.run(e.x))

    def _Mul(self, e: Mul) -> Any:
        return self.sys.binary(operator.mul, self.run(e.a), self.run(e.b), e.shape)

    def _Div(self, e: Div) -> Any:
        return self.sys.binary(operator.truediv, self.run(e.a), self.run(e.b), e.shape)

    def _Pow(self, e: Pow) -> Any:
        return self.sys.power(self.run(e.x), e.n)

    def _Func(self, e: Func) -> Any:
        params = tuple(self.sys.param(p) for p in e.params)
        return self.sys.func(ops.get(e.name), self.run(e.x), params)

    def _Call(self, e: Call) -> Any:
        op = e.op
        if op.kind == ops.CONCAT:
            return self.sys.concat([self.run(a) for a in e.args], e._axis() or 0)
        if op.kind == ops.BINARY:  # atan2(y, x), entry by entry
            return self.sys.pair(op, self.run(e.args[0]), self.run(e.args[1]), e.shape)
        x = self.run(e.args[0])
        if op.kind == ops.ROWWISE:
            return self.sys.rowwise(op, x)
        if op.kind == ops.REDUCTION:
            return self.sys.reduce(x, e._axis(), e.name == "mean")
        params = tuple(self.run(p) for p in e.params())
        return self.sys.loss(op, x, self.run(e.args[1]), params)

    def _Indicator(self, e: Indicator) -> Any:
        test = COMPARISONS[e.op]
        return self.sys.compare(test, self.run(e.a), self.run(e.b), e.shape)

    def _SumRows(self, e: SumRows) -> Any:
        return self.sys.sum_rows(self.run(e.x))

    def _SumCols(self, e: SumCols) -> Any:
        return self.sys.sum_cols(self.run(e.x))

    def _SumAll(self, e: SumAll) -> Any:
        return self.sys.sum_all(self.run(e.x))

    def _Pick(self, e: Pick) -> Any:
        return self.run(e.sum_form())

    def _Part(self, e: Part) -> Any:
        sizes = getattr(self.sys, "sizes", None) or {}
        shape = tuple(resize(k, sizes) for k in e.x.shape)
        return self.sys.slice(
            self.run(e.x), e.axis, resize(e.lo, sizes), resize(e.hi, sizes), shape
        )

    def _Pad(self, e: Pad) -> Any:
        sizes = getattr(self.sys, "sizes", None) or {}
        other = resize(e.other, sizes)
        out = []
        for lo, hi, v in e.pieces():
            n = resize(hi, sizes) - resize(lo, sizes)
            shape = (n, other) if e.axis == 0 else (other, n)
            out.append(self.sys.zeros(shape) if v is None else self.sys.fit(self.run(v), shape))
        return out[0] if len(out) == 1 else self.sys.concat(out, e.axis)

    def _Reshape(self, e: Reshape) -> Any:
        sizes = getattr(self.sys, "sizes", None) or {}
        before = tuple(resize(k, sizes) for k in e.x.shape)
        after = tuple(resize(k, sizes) for k in e.shape)
        return self.sys.reshape(self.run(e.x), before, after)

    def _Corr(self, e: Corr) -> Any:
        return self.sys.corr(self.run(e.a), self.run(e.b), e.full, e.stride, e.pad)

    def _Dilate(self, e: Dilate) -> Any:
        return self.sys.dilate(self.run(e.x), e.stride)

    def _Pool(self, e: Pool) -> Any:
        return self.sys.pool(self.run(e.x), e.k, e.what, e.stride, self.run(e.ref) if e.ref is not None else None, e.geom)

    def _Rot180(self, e: Rot180) -> Any:
        return self.sys.rot180(self.run(e.x), e.axes)

    def _Slice(self, e: Slice) -> Any:
        sizes = getattr(self.sys, "sizes", None)
        if not sizes:
            return self.sys.slice(self.run(e.x), e.axis, e.lo, e.hi, e.x.shape)
        # at other [dims] sizes the block starts and ends where the resized arguments do
        lo = sum(resize(k, sizes) for k in e.before)
        shape = tuple(resize(k, sizes) for k in e.x.shape)
        return self.sys.slice(self.run(e.x), e.axis, lo, lo + resize(e.size, sizes), shape)


# ---- printers ------------------------------------------------------------------------------------


def _exponent_text(n: int | sp.Rational) -> str:
    return str(n) if isinstance(n, int) else f"{n.p}/{n.q}"


class Printer:
    """Base of the matrix-form printers: ``doprint`` dispatches to ``_print_<Node>``;
    ``wrap`` adds brackets by precedence."""

    kind = ""

    def doprint(self, e: MExpr) -> str:
        method = getattr(self, f"_print_{type(e).__name__}", None)
        if method is None:
            raise NotImplementedError(f"{type(self).__name__} cannot print {type(e).__name__}")
        outer = self.__dict__.setdefault("_outer", [])  # the nodes around e, outermost first
        outer.append(e)
        try:
            return method(e)
        finally:
            outer.pop()

    def reshaped_around(self) -> bool:
        """Is the node being printed inside one that changes its shape (a matrix product, a
        transpose, a slice, a sum), so that the answer's shape does not tell its own?"""
        outer = self.__dict__.get("_outer", [])
        return any(not isinstance(n, (Add, Neg, Mul, Div, Pad)) for n in outer[:-1])

    def wrap(self, child: MExpr, level: int) -> str:
        s = self.doprint(child)
        if child.prec >= level and not self.keep_bare(s, level):
            return s
        return self.paren(s)

    def keep_bare(self, s: str, level: int) -> bool:
        return False

    def left_factor(self, a: MExpr) -> str:
        """The left factor of a matrix product: a Hadamard product keeps its brackets,
        ``(R ⊙ H) W``: ``R ⊙ H W`` reads as ``R ⊙ (H W)``, juxtaposition binding tighter."""
        if isinstance(a, Mul) and a._hadamard():
            return self.paren(self.doprint(a))
        return self.wrap(a, 2)

    def paren(self, s: str) -> str:
        return f"({s})"

    def _join(self, e: Add) -> str:
        out = ""
        for k, t in enumerate(e.terms):
            if isinstance(t, Scalar) and (
                _negative_number(t.expr)
                or (not t.expr.is_Add and t.expr.could_extract_minus_sign())  # a − δ, not a + −δ
            ):
                t = Neg(Scalar(-t.expr, t.symbol_names))
            if isinstance(t, Neg):
                s = self.negated(t.x)
                out += f" - {s}" if k else f"-{s}"
            else:
                s = self.wrap(t, PREC["add"])
                out += f" + {s}" if k else s
        return out

    def _print_Add(self, e: Add) -> str:
        return self._join(e)

    def _print_Neg(self, e: Neg) -> str:
        return f"-{self.negated(e.x)}"

    def negated(self, x: MExpr) -> str:
        """``x`` printed after a minus sign: bracketed when it starts with a minus itself
        (``-(-\\frac{1}{N} Y)``, never ``--\\frac{1}{N} Y``)."""
        s = self.wrap(x, PREC["mul"])
        return self.paren(s) if s.startswith("-") else s


# ---- two-sided clamps as a reader writes them (display only) -----------------------------------

# clamp/np.clip and hardtanh/relu6 are spelled exactly with max(·, 0) (``derive.lang.spelling
# ._clip``/``_hardclip``): ``hi − F(hi − (lo + F(x − lo)))`` with F = clamp0 (gradient 1 at a
# bound, PyTorch's clamp) or relu (0 at a bound, PyTorch's hardtanh); its derivative is the
# product ``F'(hi − (lo + F(x − lo))) ⊙ F'(x − lo)``. The LaTeX printer shows them as
# clip(x, lo, hi) and 𝟙[lo ≤ x ≤ hi] (𝟙[lo < x < hi]): the same values, nothing recomputed.
_CLAMPS = {"clamp0": "clamp0_grad", "relu": "relu_grad"}


def _summed_whole(x: MExpr) -> MExpr:
    """The tensor whose entries ``x`` adds up when all of its entries are summed: through
    transposes and row or column sums (not means: they divide)."""
    while True:
        if isinstance(x, T):
            x = x.x
        elif isinstance(x, (SumRows, SumCols)):
            x = x.x
        elif isinstance(x, Call) and x.op.kind == ops.REDUCTION and x.name == "sum" and x._axis() in (0, 1):
            x = x.args[0]
        else:
            return x


@dataclass(frozen=True)
class Clip(MExpr):
    """``min(max(x, lo), hi)`` as printed (never evaluated: the expression it stands for is)."""

    x: MExpr
    lo: MExpr
    hi: MExpr

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape


@dataclass(frozen=True)
class PairMax(MExpr):
    """``max(a, b)`` (``low``: ``min(a, b)``) entry by entry, as printed: the expression it
    stands for is ``½(a + b) ± ½|a − b|``, the form derive's reading of ``torch.maximum(a, b)``
    takes (never evaluated as a node)."""

    a: MExpr
    b: MExpr
    low: bool

    @property
    def shape(self):  # type: ignore[override]
        return _bshape(self.a.shape, self.b.shape)


def _halved(t: MExpr) -> MExpr | None:
    """``x`` when ``t`` is ``½·x`` (either side of the product), else ``None``."""
    if isinstance(t, Mul):
        for k, x in ((t.a, t.b), (t.b, t.a)):
            if isinstance(k, Scalar) and k.expr == sp.Rational(1, 2):
                return x
    return None


def _pair_max(e: Add) -> PairMax | None:
    """``max(a, b)`` for ``½(a + b) + ½|a − b|`` (``min`` with ``−``), either order of the
    difference, else ``None``."""
    if len(e.terms) != 2:
        return None
    mean, dev = e.terms
    low = isinstance(dev, Neg)
    mean, dev = _halved(mean), _halved(dev.x if low else dev)
    if not (isinstance(mean, Add) and len(mean.terms) == 2 and isinstance(dev, Func)):
        return None
    if dev.name != "abs" or dev.slope is not None:
        return None
    d = dev.x
    if not (isinstance(d, Add) and len(d.terms) == 2 and isinstance(d.terms[1], Neg)):
        return None
    a, b = mean.terms
    if isinstance(b, Neg) or isinstance(a, Neg):
        return None
    if (d.terms[0], d.terms[1].x) in ((a, b), (b, a)):
        return PairMax(a, b, low)
    return None


@dataclass(frozen=True)
class Between(MExpr):
    """The indicator ``𝟙[lo ≤ x ≤ hi]`` (``strict``: ``𝟙[lo < x < hi]``) as printed."""

    x: MExpr
    lo: MExpr
    hi: MExpr
    strict: bool

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape


def _lower(low: MExpr, f: str) -> tuple[MExpr, MExpr, MExpr] | None:
    """``(x, lo, F(x − lo))`` when ``low`` is ``max(x, lo)`` spelled ``F(x)`` (lo = 0) or
    ``lo + F(x − lo)``."""
    if isinstance(low, Func) and low.name == f and low.slope is None:
        return low.x, Scalar(sp.Integer(0)), low.x
    if not (isinstance(low, Add) and len(low.terms) == 2):
        return None
    lo, part = low.terms
    if not (isinstance(lo, Scalar) and isinstance(part, Func) and part.name == f):
        return None
    u = part.x  # x − lo: x's terms and the number −lo
    if isinstance(u, Add) and u.terms[-1] == Scalar(-lo.expr, lo.symbol_names):
        rest = u.terms[:-1]
        return (rest[0] if len(rest) == 1 else Add(rest)), lo, u
    return None


def _clip(e: MExpr) -> tuple[MExpr, MExpr, MExpr, str, MExpr] | None:
    """``(x, lo, hi, F, x − lo)`` when ``e`` is ``hi − F(hi − max(x, lo))`` (see ``_CLAMPS``)."""
    if not (isinstance(e, Add) and len(e.terms) == 2 and isinstance(e.terms[1], Neg)):
        return None
    hi, outer = e.terms[0], e.terms[1].x
    if not (isinstance(hi, Scalar) and isinstance(outer, Func) and outer.name in _CLAMPS):
        return None
    inner = outer.x
    if not (
        isinstance(inner, Add)
        and len(inner.terms) == 2
        and isinstance(inner.terms[0], Scalar)
        and isinstance(inner.terms[1], Neg)
    ):
        return None
    if inner.terms[0] != hi:
        # folded: hi − F(c − F(x − lo)) with c = hi − lo (tidy adds hi − lo, AttentionDeepMIL's
        # clamp to [1e-5, 1 − 1e-5] reads 0.99999 − max(0.99998 − max(p − 10⁻⁵, 0), 0))
        return _folded_clip(hi, inner.terms[0], inner.terms[1].x, outer.name)
    found = _lower(inner.terms[1].x, outer.name)
    if found is None:
        return None
    x, lo, u = found
    return x, lo, hi, outer.name, u


def _folded_clip(
    hi: Scalar, c: Scalar, low: MExpr, f: str
) -> tuple[MExpr, MExpr, MExpr, str, MExpr] | None:
    """``(x, lo, hi, F, x − lo)`` of ``hi − F(c − F(x − lo))``, ``lo = hi − c`` (see
    :func:`_clip`); None when ``low`` is not ``F(x − lo)`` or the bounds are not numbers."""
    if not (isinstance(low, Func) and low.name == f and low.slope is None):
        return None
    lo = hi.expr - c.expr
    if not _ordered(lo, hi.expr):
        return None
    u = low.x
    if lo == 0:
        return u, Scalar(lo), hi, f, u
    shift = _shifted(u)
    if shift is None or shift[1].expr != -lo:
        return None
    return shift[0], Scalar(lo, c.symbol_names), hi, f, u


def _ordered(lo: sp.Expr, hi: sp.Expr) -> bool:
    """Whether a clamp's bounds may be shown as ``clip(x, lo, hi)``: numbers with lo < hi, or
    bounds of [constants] (PPO's 1 ± ε; min(max(x, lo), hi) is the nested form for any lo, hi)."""
    if lo.is_number and hi.is_number:
        return bool(lo < hi)
    return lo != hi


def _shifted(u: MExpr) -> tuple[MExpr, Scalar] | None:
    """``(x, k)`` when ``u`` is ``x + k`` with ``k`` a number (the last term of the sum)."""
    if isinstance(u, Add) and len(u.terms) >= 2 and isinstance(u.terms[-1], Scalar):
        rest = u.terms[:-1]
        return (rest[0] if len(rest) == 1 else Add(rest)), u.terms[-1]
    return None


def _exact_clip(e: MExpr) -> tuple[MExpr, MExpr, MExpr] | None:
    """``(x, lo, hi)`` when ``e`` is ``lo + F(x − lo) − G(x − hi)``, the form whose float64
    comparisons are PyTorch's (``spelling.EXACT_BOUNDS``; F, G = clamp0, relu for clamp,
    relu, clamp0 for hardtanh): min(max(x, lo), hi) as the nested form is."""
    if not (isinstance(e, Add) and len(e.terms) == 3):
        return None
    lo, low, high = e.terms
    if not (
        isinstance(lo, Scalar)
        and isinstance(low, Func)
        and isinstance(high, Neg)
        and isinstance(high.x, Func)
        and {low.name, high.x.name} == set(_CLAMPS)
        and low.slope is None
        and high.x.slope is None
    ):
        return None
    a, b = _shifted(low.x), _shifted(high.x.x)
    if a is None or b is None or a[0] != b[0] or a[1] != Scalar(-lo.expr, lo.symbol_names):
        return None
    hi = Scalar(-b[1].expr, b[1].symbol_names)
    if not _ordered(lo.expr, hi.expr):
        return None
    return a[0], lo, hi


def _exact_between(e: Add) -> MExpr | None:
    """``u ⊙ F'(x − lo) − u ⊙ G'(x − hi)``, the exact form's derivative, as ``u ⊙ 𝟙[lo ≤ x ≤
    hi]`` (strict for hardtanh's F = relu); ``None`` when ``e`` is not that."""
    if not (len(e.terms) == 2 and isinstance(e.terms[1], Neg)):
        return None
    pair = []
    for t in (e.terms[0], e.terms[1].x):
        fs = hadamard_factors(t)
        k = next(
            (i for i, f in enumerate(fs) if isinstance(f, Func) and f.name in _CLAMPS.values()),
            None,
        )
        if k is None:
            return None
        pair.append((fs[k], [f for i, f in enumerate(fs) if i != k], fs, k))
    (f, rest_f, fs, k), (g, rest_g, _, _) = pair
    if rest_f != rest_g or {f.name, g.name} != set(_CLAMPS.values()):  # type: ignore[attr-defined]
        return None
    a, b = _shifted(f.x), _shifted(g.x)  # type: ignore[attr-defined]
    if a is None or b is None or a[0] != b[0]:
        return None
    lo, hi = -a[1].expr, -b[1].expr
    if not (lo.is_number and hi.is_number and lo < hi):
        return None
    strict = f.name == "relu_grad"  # type: ignore[attr-defined]
    shown = Between(a[0], Scalar(lo, a[1].symbol_names), Scalar(hi, b[1].symbol_names), strict)
    out = [shown if i == k else x for i, x in enumerate(fs)]
    prod = out[0]
    for x in out[1:]:
        prod = Mul(prod, x)
    return prod


def _unshifted(x: MExpr, lo: MExpr, hi: MExpr) -> tuple[MExpr, MExpr, MExpr]:
    """``(x, lo, hi)`` of ``lo < x < hi`` with a number added to ``x`` moved to the bounds: the
    tidied mask ``1[0 < z + 2 < 4]`` (its bounds folded) is ``1[−2 < z < 2]``, as the clip
    wrote it."""
    shift = _shifted(x)
    if shift is None or not (isinstance(lo, Scalar) and isinstance(hi, Scalar)):
        return x, lo, hi
    k = shift[1]  # a number, or one of [constants] (PPO's 1[1 − ε ≤ r ≤ 1 + ε], not 0 ≤ r + ε − 1)
    if not (k.expr.is_number or k.shape == (1, 1)):
        return x, lo, hi
    return (
        shift[0],
        Scalar(lo.expr - k.expr, lo.symbol_names + k.symbol_names),
        Scalar(hi.expr - k.expr, hi.symbol_names + k.symbol_names),
    )


def hadamard_factors(e: MExpr) -> list[MExpr]:
    """The factors of an element-wise product, flattened (``(a ⊙ b) ⊙ c`` → a, b, c)."""
    if isinstance(e, Mul) and e._hadamard():
        return [*hadamard_factors(e.a), *hadamard_factors(e.b)]
    return [e]


def _between(e: Mul) -> MExpr | None:
    """A Hadamard product holding ``F'(hi − max(x, lo)) ⊙ F'(x − lo)``, with that pair shown as
    one indicator :class:`Between`; ``None`` when it holds no such pair."""
    fs = hadamard_factors(e)
    for i, a in enumerate(fs):
        if not (isinstance(a, Func) and a.name in _CLAMPS.values()):
            continue
        f = next(k for k, v in _CLAMPS.items() if v == a.name)
        inner = a.x
        if not (isinstance(inner, Add) and len(inner.terms) == 2 and isinstance(inner.terms[1], Neg)):
            continue
        hi = inner.terms[0]
        low = _lower(inner.terms[1].x, f)
        if not isinstance(hi, Scalar) or low is None:
            continue
        x, lo, u = low
        j = next((k for k, b in enumerate(fs) if k != i and b == Func(a.name, u)), None)
        if j is None:
            continue
        shown = Between(*_unshifted(x, lo, hi), strict=f == "relu")
        rest = [shown if k == i else b for k, b in enumerate(fs) if k != j]
        out = rest[0]
        for b in rest[1:]:
            out = Mul(out, b)
        return out
    return None


def compared_sides(d: MExpr) -> tuple[MExpr, MExpr]:
    """``(y, k)`` of the difference ``d = y − k`` a comparison with a number is made of
    (``y == 2`` is ``1[y − 2 = 0]``); ``(d, 0)`` for anything else."""
    if isinstance(d, Add) and len(d.terms) == 2 and isinstance(d.terms[1], Scalar):
        k = d.terms[1].expr
        if k.is_Number:
            return d.terms[0], Scalar(-k)
    return d, Scalar(sp.Integer(0))


def equality_form(e: Add) -> tuple[MExpr, MExpr, str] | None:
    """``(y, k, "==")`` for the language's ``y == k`` written out, ``1 − 1[d > 0] − 1[−d > 0]``
    with ``d = y − k`` (``d`` itself for ``k = 0``), and ``"!="`` for ``1 −`` that or
    ``1[d > 0] + 1[−d > 0]``; else None: printed as the comparison it is (``(R != 0)``), not as
    the sum of masks the derivative is made of."""
    terms = e.terms

    def one(t: MExpr) -> bool:
        return isinstance(t, Scalar) and t.expr == 1

    def mask(t: MExpr) -> MExpr | None:
        return t.x if isinstance(t, Func) and t.name == "relu_grad" else None

    def pair(a: MExpr | None, b: MExpr | None) -> MExpr | None:
        if a is None or b is None:
            return None
        return a if b == Neg(a) else b if a == Neg(b) else None

    split = compared_sides
    if len(terms) == 2 and one(terms[0]) and isinstance(terms[1], Neg):
        inner = terms[1].x
        eq = equality_form(inner) if isinstance(inner, Add) else None
        if eq is not None and eq[2] == "==":
            return eq[0], eq[1], "!="
    if len(terms) == 3 and one(terms[0]) and all(isinstance(t, Neg) for t in terms[1:]):
        d = pair(mask(terms[1].x), mask(terms[2].x))  # type: ignore[attr-defined]
        if d is not None:
            return (*split(d), "==")
    if len(terms) == 2:
        d = pair(mask(terms[0]), mask(terms[1]))
        if d is not None:
            return (*split(d), "!=")
    return None


def logsumexp_of(e: MExpr) -> tuple[MExpr, int] | None:
    """``(x, axis)`` where ``e`` is the language's reading of ``logsumexp(x, axis)``:
    ``mean(x − log_softmax(x), axis=1)`` (along rows) or ``mean(x − log_softmax(xᵀ)ᵀ, axis=0)``
    (along columns) — every entry of ``x − log_softmax(x)`` along the axis is ``log Σ exp``, so
    their mean is it exactly (the stable evaluation of spelling._lse). ``None`` for anything else.
    Over every entry, ``mean(r − log_softmax(rᵀ)ᵀ)`` of the column ``r`` of the rows'
    logsumexps: ``(r, -1)``, the logsumexp of ``rᵀ``.
    Display only: the printers write ``logsumexp`` as the user did, not a mean over a size."""
    if not (isinstance(e, Call) and e.name == "mean" and len(e.args) == 1):
        return None
    axis = e._axis()
    arg = e.args[0]
    if not isinstance(arg, Add) or not isinstance(arg.terms[-1], Neg):
        return None
    # x − log_softmax(…): x itself may be a sum, flattened into the same Add (round 49:
    # ``logsumexp(e1ᵀ + Tr, dim=0)`` printed as the column mean of its reading)
    x, lsm = add(*arg.terms[:-1]), arg.terms[-1].x
    if axis is None and x.shape[1] == 1:  # of every entry: of the column of the rows' ones
        axis = -1
    if axis in (0, -1) and isinstance(lsm, T):
        inner = lsm.x.args[0] if isinstance(lsm.x, Call) and lsm.x.args else None
        lsm, want = lsm.x, _transposed(x, inner)  # (the log-softmax's own argument: Wᵀ xᵀ for x W)
    elif axis in (0, -1) and x.shape != (1, 1):  # (a 1 × 1 is its own transpose)
        return None
    else:
        want = x
    if isinstance(lsm, Call) and lsm.name == "log_softmax" and lsm.args == (want,) and not lsm.kwargs:
        return x, axis
    return None


def _transposed(x: MExpr, seen: Any) -> MExpr:
    """``xᵀ`` as ``seen`` spells it where it is that: ``Bᵀ Aᵀ`` for ``x = A B`` (the transpose
    the backward's tidy form distributes over a product), ``A`` for ``x = Aᵀ``; else ``T(x)``."""
    if isinstance(x, MatMul) and seen == MatMul(T(x.b), T(x.a)):
        return seen
    if isinstance(x, T) and seen == x.x:
        return seen
    return T(x)


def _column_mean(e: MExpr) -> bool:
    """A sum or mean down the columns printed ``(1/n) 𝟙ᵀ A`` (not a logsumexp): a factor before
    ⊙ that needs its brackets (round 48: ``\\frac{1}{n} 𝟙ᵀ(A) ⊙ B`` was read as the mean of A ⊙ B)."""
    return (
        isinstance(e, Call) and e.name in ("sum", "mean") and e._axis() == 0
        and logsumexp_of(e) is None
    )


def shown(e: MExpr) -> MExpr:
    """``e`` as the LaTeX printer shows it: a two-sided clamp as :class:`Clip`, its derivative's
    pair of indicators as :class:`Between` (display only; the values are ``e``'s)."""
    if isinstance(e, Add) and (eq := equality_form(e)) is not None:
        return Indicator("==" if eq[2] == "==" else "!=", eq[0], eq[1])
    if isinstance(e, Add):
        found = _clip(e)
        if found is not None:
            return Clip(found[0], found[1], found[2])
        pair_max = _pair_max(e)
        if pair_max is not None:
            return pair_max
        exact = _exact_clip(e)
        if exact is not None:
            return Clip(*exact)
        pair = _exact_between(e)
        if pair is not None:
            return pair
    if isinstance(e, Mul) and e._hadamard():
        pair = _between(e)
        if pair is not None:
            return pair
    return e


class LatexPrinter(Printer):
    kind = "tex"

    def doprint(self, e: MExpr) -> str:
        return super().doprint(shown(e))

    def _print_Clip(self, e: Clip) -> str:
        parts = ", ".join(self.doprint(k) for k in (e.x, e.lo, e.hi))
        return f"\\operatorname{{clip}}\\left({parts}\\right)"

    def _print_PairMax(self, e: PairMax) -> str:
        parts = ", ".join(self.doprint(k) for k in (e.a, e.b))
        return f"\\{'min' if e.low else 'max'}\\left({parts}\\right)"

    def _print_Between(self, e: Between) -> str:
        rel = "<" if e.strict else "\\le"
        lo, x, hi = (self.doprint(k) for k in (e.lo, e.x, e.hi))
        return f"\\mathbf{{1}}\\left[{lo} {rel} {x} {rel} {hi}\\right]"

    def keep_bare(self, s: str, level: int) -> bool:
        return level >= 5 and "^" in s

    def wrap(self, child: MExpr, level: int) -> str:
        if isinstance(child, Call) and logsumexp_of(child) is not None and level < 5:
            return self.doprint(child)  # a function's value: γ · logsumexp(x), brackets only for ᵀ
        if isinstance(child, Call) and child.name == "mean" and level > PREC["mul"]:
            return self.paren(self.doprint(child))  # (1/m 𝟙ᵀZ)ᵀ, a product's right factor
        return super().wrap(shown(child), level)

    def paren(self, s: str) -> str:
        return f"\\left({s}\\right)"

    def _join(self, e: Add) -> str:
        """A sum, a fraction whose numerator is a negative product signed in front of it:
        ``a - \\frac{b}{c}`` for ``a + (−b)/c``, ``a + \\frac{b}{c}`` for ``a − (−b)/c`` (d2l's
        softmax written out had ``-\\frac{-\\frac{1}{batch} …}{partition^{2}}``)."""
        out = ""
        for k, t in enumerate(e.terms):
            sign, rest = self._signed_fraction(t)
            if rest is None:
                out += super()._join(Add((t,))) if k == 0 else self._term(t)
            elif k == 0:
                out += rest if sign > 0 else f"-{rest}"
            else:
                out += f" + {rest}" if sign > 0 else f" - {rest}"
        return out

    def _term(self, t: MExpr) -> str:
        """A later term of a sum as :meth:`Printer._join` writes it, its sign in front."""
        s = super()._join(Add((t,)))
        return f" - {s[1:]}" if s.startswith("-") else f" + {s}"

    def _signed_fraction(self, t: MExpr) -> tuple[int, str | None]:
        """``(±1, \\frac{b}{c})`` for a term ``(−b)/c`` or ``−((−b)/c)`` (``b`` a product), else
        ``(1, None)``."""
        sign, x = (-1, t.x) if isinstance(t, Neg) else (1, t)
        if not isinstance(x, Div):
            return 1, None
        num = self.doprint(x.a)
        if not _minus_product(num):
            return 1, None
        return -sign, f"\\frac{{{num[1:].lstrip()}}}{{{self.doprint(x.b)}}}"

    def _print_Neg(self, e: Neg) -> str:
        sign, rest = self._signed_fraction(e)
        return rest if rest is not None and sign > 0 else super()._print_Neg(e)

    def _print_Ref(self, e: Ref) -> str:
        if e.kind == "grad" and e.delta:
            return f"\\delta_{{{e.name_tex}}}"
        if e.kind == "grad":
            return f"\\frac{{\\partial {e.loss_tex}}}{{\\partial {e.name_tex}}}"
        return e.name_tex

    def _print_Scalar(self, e: Scalar) -> str:
        return latex(e.expr, dict(e.symbol_names))

    def _print_Ones(self, e: Ones) -> str:
        if all(int(k) > 1 for k in e.shape):  # a matrix of ones (not a row or column): its shape
            sizes = " \\times ".join(_size_tex(k) for k in e.shape)
            return f"\\mathbf{{1}}_{{{sizes}}}"
        return "\\mathbf{1}"

    def _print_T(self, e: T) -> str:
        inner = self.doprint(e.x)
        if isinstance(e.x, Ref) and _LAYER_SUP.fullmatch(inner):  # W^{[2]} → W^{[2]\\top}
            return inner[:-1] + "\\top}"
        return f"{self.wrap(e.x, 5)}^{{\\top}}"

    def _print_MatMul(self, e: MatMul) -> str:
        return f"{self.left_factor(e.a)} \\thinspace {self.wrap(e.b, 3)}"

    def _print_Mul(self, e: Mul) -> str:
        if e._hadamard():  # y ⊙ (1/h), (1/h) ⊙ y: written y/h, as courses write −(1/m)(y/h − …)
            for p, q in ((e.a, e.b), (e.b, e.a)):
                (s1, num), (s2, den) = _scaled(p), _scaled(q)
                if isinstance(den, Div) and isinstance(den.a, Scalar) and den.a.expr == 1:
                    if s1 is not None and s2 is not None or not _plain(num):
                        continue  # a long sum stays a factor beside 1/b: (1/σ) ⊙ (δ − 𝟙ᵀδ/m − …)
                    scale = s1 if s1 is not None else s2  # (1/m) y / h
                    lead = "" if scale is None else f"{self.doprint(scale)} "
                    return f"{lead}\\frac{{{self.doprint(num)}}}{{{self.doprint(den.b)}}}"
        op = " \\odot " if e._hadamard() else " \\cdot "
        if isinstance(e.a, Scalar) and not e._hadamard() and not e.a.expr.is_Symbol:
            op = " "
        left = self.wrap(e.a, 2)
        if left.lstrip("-").startswith(_ONES_T) or _column_mean(e.a):
            left = self.paren(left)  # (𝟙ᵀA) ⊙ B: 𝟙ᵀ A ⊙ B reads as 𝟙ᵀ(A ⊙ B), (1/n) 𝟙ᵀ A too
        return f"{left}{op}{self.wrap(e.b, e._right())}"

    def _print_Div(self, e: Div) -> str:
        return f"\\frac{{{self.doprint(e.a)}}}{{{self.doprint(e.b)}}}"

    def _print_Pow(self, e: Pow) -> str:
        if e.n == sp.Rational(1, 2):
            return f"\\sqrt{{{self.doprint(e.x)}}}"
        return f"{self.wrap(e.x, 5)}^{{{_exponent_text(e.n)}}}"

    def _print_Func(self, e: Func) -> str:
        holes = {"slope": latex(e.slope)} if e.slope is not None else {}
        return ops.get(e.name).tex_of(self.doprint(e.x), **holes)

    def _args(self, e: Call) -> str:
        return ", ".join(self.doprint(a) for a in e.args)

    def _print_Call(self, e: Call) -> str:
        op = e.op
        if op.kind == ops.CONCAT:  # [A B] side by side, or A over B
            sep = " & " if (e._axis() or 0) == 1 else " \\\\ "
            return "\\begin{bmatrix} " + sep.join(self.doprint(a) for a in e.args) + " \\end{bmatrix}"
        if op.kind == ops.REDUCTION:
            lse = logsumexp_of(e)
            if lse is not None:  # logsumexp as written: a column (along rows) or a row
                x, along = lse
                if along == -1 and x.shape == (1, 1) and logsumexp_of(x) is not None:
                    return self.doprint(x)  # of one row: the row's own (log_softmax of one entry is 0)
                if along == -1:
                    return f"\\operatorname{{logsumexp}}\\left({self.wrap(x, 5)}^{{\\top}}\\right)"
                if along == 1:
                    return f"\\operatorname{{logsumexp}}\\left({self.doprint(x)}\\right)"
                return f"\\operatorname{{logsumexp}}\\left({self.wrap(x, 5)}^{{\\top}}\\right)^{{\\top}}"
            axis = e._axis()
            inner = self.wrap(e.args[0], 3)
            if axis == 0:
                s = f"\\mathbf{{1}}^{{\\top}} {inner}"
            elif axis == 1:
                s = f"{inner} \\thinspace \\mathbf{{1}}"
            else:
                s = self.total_sum(e.args[0])
            if e.name == "sum":
                return s
            # a mean as courses write it: μ = (1/m) 𝟙ᵀZ, the batch size named when it has a name
            shape = e.args[0].shape
            count = shape[:1] if axis == 0 else shape[1:] if axis == 1 else shape
            return f"\\frac{{1}}{{{_count_tex(count)}}} {s}"
        if op.kind == ops.ROWWISE:
            return f"{op.tex}\\left({self._args(e)}\\right)"
        w = e.kw("pos_weight")
        sub = f"_{{{self.doprint(w)}}}" if w is not None else ""
        return f"\\operatorname{{{op.tex}}}{sub}\\left({self._args(e)}\\right)"

    def _print_SumRows(self, e: SumRows) -> str:
        return f"\\mathbf{{1}}^{{\\top}} {self.wrap(e.x, 3)}"

    def _print_SumCols(self, e: SumCols) -> str:
        return f"{self.wrap(e.x, 3)} \\thinspace \\mathbf{{1}}"

    def _print_SumAll(self, e: SumAll) -> str:
        return self.total_sum(e.x)

    def total_sum(self, x: MExpr) -> str:
        """The sum of all entries of ``x``: a bare ``\\sum`` where ``derive check``'s LaTeX reader
        reads one so (a column, or a squared name: ``\\sum w^{2}``), else ``𝟙ᵀ X 𝟙`` (to that
        reader, as to students, a bare ``\\sum X`` sums over the batch: the rows). The sum of all
        entries of a transpose or of row or column sums is that of their argument: PyTorch's
        ``-(Y * logp).sum(dim=1).mean()`` prints as ``-\\frac{1}{n} 𝟙ᵀ (Y ⊙ logp) 𝟙``, not with
        ``𝟙ᵀ ((Y ⊙ logp) 𝟙)ᵀ 𝟙`` (layout only: the same sum)."""
        x = _summed_whole(x)
        inner = self.wrap(x, 3)
        if x.shape[1] == 1 or isinstance(x, Pow) and x.n == 2 and isinstance(x.x, Ref):
            return f"\\sum {inner}"
        return f"\\mathbf{{1}}^{{\\top}} {inner} \\thinspace \\mathbf{{1}}"

    def _print_Slice(self, e: Slice) -> str:
        first = "1" if not e.before else f"{_span(e.before).replace('*', ' ')} + 1"
        if first[0].isdigit():
            first = str(e.lo + 1)
        if _bound_code(e.size) == "1":  # one column (a number, no size name): col_{d + 1}(X)
            return _one_line_tex(e.axis, first, self.doprint(e.x))
        last = _span((*e.before, e.size)).replace("*", " ")
        what = "rows" if e.axis == 0 else "cols"
        return (
            f"\\operatorname{{{what}}}_{{{first} \\ldots {last}}}"
            f"\\left({self.doprint(e.x)}\\right)"
        )

    def _print_Pick(self, e: Pick) -> str:
        y = self.doprint(e.y)
        if "_" in y or "^" in y:  # y_{\text{flat}}: braced, so its _{i} is not a double subscript
            y = f"{{{y}}}"
        p = self.wrap(e.p, 5)
        if ("_" in p or "^" in p) and not p.endswith("\\right)"):
            p = f"{{{p}}}"  # q_{\text{values}}: braced too, its pick's _{i, y_i} no double subscript
        return f"\\left({p}_{{i,\\thinspace {y}_{{i}}}}\\right)_{{i}}"

    def _print_Part(self, e: Part) -> str:
        entry = _one_entry(e)
        if entry is not None:  # W[0, 1]: one entry of a named matrix, W_{12}
            name, i, j = entry
            printed = self.doprint(name)
            if "_" in printed or "^" in printed:
                printed = f"\\left({printed}\\right)"
            return f"{printed}_{{{i + 1}{j + 1}}}"
        block = _one_block(e)
        if block is not None:  # X[0:2, 1:3]: a window of a named matrix, X_{1…2, 2…3}
            name, spans = block
            printed = self.doprint(name)
            if "_" in printed or "^" in printed:
                printed = f"\\left({printed}\\right)"
            shown = [str(lo + 1) if hi - lo == 1 else f"{lo + 1} \\ldots {hi}" for lo, hi in spans]
            return f"{printed}_{{{shown[0]},\\thinspace {shown[1]}}}"
        first = str(int(e.lo) + 1) if _bound_code(e.lo).isdigit() else f"{_bound_tex(e.lo)} + 1"
        lo, hi = _bound_code(e.lo).replace(" ", ""), _bound_code(e.hi).replace(" ", "")
        if hi in (f"{lo}+1", f"1+{lo}") or lo.isdigit() and hi.isdigit() and int(hi) - int(lo) == 1:
            return _one_line_tex(e.axis, first, self.doprint(e.x))
        what = "rows" if e.axis == 0 else "cols"
        return (
            f"\\operatorname{{{what}}}_{{{first} \\ldots {_bound_tex(e.hi)}}}"
            f"\\left({self.doprint(e.x)}\\right)"
        )

    def _print_Reshape(self, e: Reshape) -> str:
        sizes = ", ".join(_reshape_size_tex(k) for k in e.shape)
        return f"\\operatorname{{reshape}}\\left({self.doprint(e.x)}, ({sizes})\\right)"

    def _print_Corr(self, e: Corr) -> str:
        # ⋆: the valid cross-correlation; ⋆̃: the full ("wide") one, zeros padded around e.a;
        # conv43: pad_p(X) (p zeros around X), crop_p(…) (p rows and columns cut off each side),
        # ⋆_s (windows s apart)
        star = "\\mathbin{\\tilde{\\star}}" if e.full else "\\star"
        star += f"_{{{e.stride}}}" if e.stride != 1 else ""
        a = self.wrap(e.a, 3)
        if e.pad > 0 and not e.full:
            a = f"\\operatorname{{pad}}_{{{e.pad}}}\\left({self.doprint(e.a)}\\right)"
        out = f"{a} {star} {self.wrap(e.b, 3)}"
        if e.pad < 0 and e.full:
            out = f"\\operatorname{{crop}}_{{{-e.pad}}}\\left({out}\\right)"
        return out

    def _print_Dilate(self, e: Dilate) -> str:
        return f"\\operatorname{{dilate}}_{{{e.stride}}}\\left({self.doprint(e.x)}\\right)"

    def _print_Pool(self, e: Pool) -> str:  # conv43: maxpool_2(A), upsample_2(δ), maxmask_2(A)
        name = {"max": "maxpool", "avg": "avgpool", "up": "upsample", "mask": "maxmask", "route": "unpool", "spread": "unavgpool"}[e.what]
        sub = f"{e.k}" if e.step == e.k else f"{e.k},{e.step}"  # conv44: window k, stride s
        if e.geom is not None:  # pool46: window kh×kw, stride, padding, ceil, the divisor
            sub = ops.pool_tex_sub(e.geom, e.what)
        ref = f", {self.doprint(e.ref)}" if e.ref is not None else ""
        return f"\\operatorname{{{name}}}_{{{sub}}}\\left({self.doprint(e.x)}{ref}\\right)"

    def _print_Rot180(self, e: Rot180) -> str:
        if e.axes != (0, 1):  # conv43: one axis reversed (a formula's np.flip(K, axis=0))
            what = "rows" if e.axes == (0,) else "cols"
            return f"\\operatorname{{flip}}_{{\\mathrm{{{what}}}}}\\left({self.doprint(e.x)}\\right)"
        return f"\\operatorname{{rot180}}\\left({self.doprint(e.x)}\\right)"

    def _print_Pad(self, e: Pad) -> str:
        pieces = e.pieces()
        if len(pieces) == 1:
            return self.doprint(e.values[0])
        sep = " & " if e.axis == 1 else " \\\\ "
        # one zero block at the top is what the answer's size leaves (the reader tells it); more
        # than one, or inside a product, a slice or a transpose, each says its size
        sized = sum(v is None for _, _, v in pieces) > 1 or self.reshaped_around()
        parts = (
            (_zero_tex(e, lo, hi) if sized else "\\mathbf{0}") if v is None else self.doprint(v)
            for lo, hi, v in pieces
        )
        return "\\begin{bmatrix} " + sep.join(parts) + " \\end{bmatrix}"

    def _print_Indicator(self, e: Indicator) -> str:
        op = {">=": "\\geq", "<=": "\\leq", "!=": "\\neq", "==": "="}.get(e.op, e.op)
        return f"\\mathbf{{1}}[{self.doprint(e.a)} {op} {self.doprint(e.b)}]"


def _reshape_size_tex(k: int) -> str:
    """A reshape's size in LaTeX: ``P``, ``B \\cdot P`` (a product of [dims] names), ``n - 1``, or
    the number."""
    code = _bound_code(k)
    if code.isdigit():
        return code
    named = re.sub(r"[A-Za-z_][A-Za-z0-9_]*", lambda m: name_tex(m.group(0)), code)
    return re.sub(r"\s*\*\s*", lambda m: " \\cdot ", named)


def _zero_tex(e: Pad, lo: int, hi: int) -> str:
    """A zero block of ``e`` written with its size, ``\\mathbf{0}_{h \\times 1}``, where more than
    one is beside the blocks (the size of one alone is what the others leave; ``derive check``
    reads either); plain ``\\mathbf{0}`` where a size is not a single letter or a number."""
    n, other = block_size(lo, hi, {}), e.other
    rows, cols = (n, other) if e.axis == 0 else (other, n)
    sizes = [_size_tex(rows), _size_tex(cols)]
    if not all(re.fullmatch(r"[A-Za-z]|[0-9]+", t) for t in sizes):
        return "\\mathbf{0}"
    return f"\\mathbf{{0}}_{{{sizes[0]} \\times {sizes[1]}}}"


def _plain(x: MExpr) -> bool:
    """A numerator short enough to stand over a fraction bar: a tensor, a number, or a sum of
    them (``1 − y``)."""
    if isinstance(x, Add):
        return all(isinstance(t.x if isinstance(t, Neg) else t, (Ref, Scalar)) for t in x.terms)
    return not isinstance(x, (Add, Neg))


def _scaled(x: MExpr) -> tuple[Scalar | None, MExpr]:
    """``c · X`` → ``(c, X)`` for a number or size ``c`` in front; else ``(None, x)``."""
    if isinstance(x, Mul) and isinstance(x.a, Scalar) and not x._hadamard():
        return x.a, x.b
    return None, x


def _size_label(k: int) -> str | None:
    label = getattr(k, "label", None)
    return label if isinstance(label, str) and label.isidentifier() else None


def _size_tex(k: int) -> str:
    label = _size_label(k)  # as the handout's tables and formulas name it (\mathrm{batch})
    return name_tex(label) if label else str(int(k))


def _size_code(k: int) -> str:
    """A size in code: its [dims] name or size expression (``n_s - 2``, the rows of ``zs[2:]``,
    which moves with ``n_s``), else the number."""
    return _bound_code(k)


def _count_tex(sizes: tuple[int, ...]) -> str:
    """``m``, ``m \\cdot n`` or ``3``: the number of entries a mean divides by. A side of 1
    that no size names counts nothing: NumPy's 1-D row of ``m`` sums (shape 1 × m) averages
    over ``m``, not over 4 (xigua's ``np.mean(np.sum(…, axis=1))``)."""
    sizes = tuple(k for k in sizes if _size_label(k) or int(k) != 1) or sizes
    labels = [_size_label(k) for k in sizes]
    if all(labels):
        return " \\cdot ".join(name_tex(str(x)) for x in labels)
    n = 1
    for k in sizes:
        n *= int(k)
    return str(n)


class TextPrinter(Printer):
    kind = "text"

    def _print_Ref(self, e: Ref) -> str:
        return f"∂L/∂{e.name}" if e.kind == "grad" else e.name

    def _print_Scalar(self, e: Scalar) -> str:
        return sp.sstr(e.expr)

    def _print_Ones(self, e: Ones) -> str:
        return "𝟙"

    def _print_T(self, e: T) -> str:
        return f"{self.wrap(e.x, 5)}ᵀ"

    def _print_MatMul(self, e: MatMul) -> str:
        return f"{self.left_factor(e.a)}·{self.wrap(e.b, 3)}"

    def _print_Mul(self, e: Mul) -> str:
        op = " ⊙ " if e._hadamard() else "·"
        return f"{self.wrap(e.a, 2)}{op}{self.wrap(e.b, e._right())}"

    def _print_Div(self, e: Div) -> str:
        return f"{self.wrap(e.a, 2)} / {self.wrap(e.b, 3)}"

    def _print_Pow(self, e: Pow) -> str:
        n = _exponent_text(e.n)
        return f"{self.wrap(e.x, 5)}^{n if isinstance(e.n, int) else '(' + n + ')'}"

    def _print_Func(self, e: Func) -> str:
        holes = {"slope": _param_literal(e.slope)} if e.slope is not None else {}
        return ops.get(e.name).text_of(self.doprint(e.x), **holes)

    def _call_args(self, e: Call) -> str:
        parts = [self.doprint(a) for a in e.args]
        parts += [f"{k}={self.doprint(v)}" for k, v in e.kwargs if k != "axis"]
        return ", ".join(parts)

    def _print_Call(self, e: Call) -> str:
        if e.op.kind == ops.CONCAT:
            sep = ", " if (e._axis() or 0) == 1 else "; "
            return "[" + sep.join(self.doprint(a) for a in e.args) + "]"
        return f"{e.name}({self._call_args(e)})"

    def _slice_code(self, e: Slice) -> str:
        lo = _span(e.before) if e.before else "0"
        hi = "" if _to_end(e) else _span((*e.before, e.size))  # x[:, 1:], as it is written
        part = f"{'' if lo == '0' else lo}:{hi}"
        return f"{self.wrap(e.x, 5)}[{part}]" if e.axis == 0 else f"{self.wrap(e.x, 5)}[:, {part}]"

    def _print_Slice(self, e: Slice) -> str:
        return self._slice_code(e)

    def _print_Pick(self, e: Pick) -> str:
        return self.doprint(e.sum_form())

    def _print_Part(self, e: Part) -> str:
        lo = "" if _bound_code(e.lo) == "0" else _bound_code(e.lo)
        part = f"{lo}:{'' if _to_end(e) else _bound_code(e.hi)}"
        return f"{self.wrap(e.x, 5)}[{part}]" if e.axis == 0 else f"{self.wrap(e.x, 5)}[:, {part}]"

    def _print_Reshape(self, e: Reshape) -> str:
        sizes = [_bound_code(k) for k in e.shape]
        # shape49: a matrix flattened into a row or a column, (1, n) / (n, 1) with n a bare number,
        # is printed with -1 as written (reshape(1, -1)): at other [dims] sizes n is not the count
        bare = [i for i, t in enumerate(sizes) if t.isdigit() and t != "1"]
        if len(sizes) == 2 and len(bare) == 1 and sizes[1 - bare[0]] == "1" and all(int(d) > 1 for d in e.x.shape):
            sizes[bare[0]] = "-1"
        return f"{self.wrap(e.x, 5)}.reshape({', '.join(sizes)})"

    def _print_Corr(self, e: Corr) -> str:
        mode = ", mode='full'" if e.full else ""
        mode += f", stride={e.stride}" if e.stride != 1 else ""
        if e.pad:  # conv43: zeros around a 'valid' one's image; a 'full' one cropped
            mode += f", crop={-e.pad}" if e.full else f", padding={e.pad}"
        return f"correlate2d({self.doprint(e.a)}, {self.doprint(e.b)}{mode})"

    def _print_Dilate(self, e: Dilate) -> str:
        return f"dilate({self.doprint(e.x)}, {e.stride})"

    def _print_Pool(self, e: Pool) -> str:  # conv43: the NumPy helpers of the ops table
        name = {"max": "max_pool2d", "avg": "avg_pool2d", "up": "upsample", "mask": "pool_mask", "route": "pool_route", "spread": "pool_spread"}[e.what]
        ref = f", {self.doprint(e.ref)}" if e.ref is not None else ""
        if e.geom is not None:  # pool46: the helpers' keywords (kw=, sw=, pad=, ceil=, count_pad=)
            keys = "".join(f", {k}={v}" for k, v in e.geom.keys() if (k != "count_pad" or e.what in ("avg", "spread")) and k != "floor")
            return f"{name}({self.doprint(e.x)}{ref}, {e.geom.kh}, {e.geom.sh}{keys})"
        return f"{name}({self.doprint(e.x)}{ref}, {e.k}" + (f", {e.step})" if e.step != e.k else ")")

    def _print_Rot180(self, e: Rot180) -> str:
        if e.axes != (0, 1):  # conv43: one axis reversed
            return f"np.flip({self.doprint(e.x)}, axis={e.axes[0]})"
        return f"np.flip({self.doprint(e.x)})"

    def _zeros_code(self, e: Pad, lo: int, hi: int) -> str:
        n = _bound_code(block_size(lo, hi, {}))
        other = _bound_code(e.other)
        return f"np.zeros(({n}, {other}))" if e.axis == 0 else f"np.zeros(({other}, {n}))"

    def _print_Pad(self, e: Pad) -> str:
        pieces = e.pieces()
        if len(pieces) == 1:
            return self.doprint(e.values[0])
        sep = ", " if e.axis == 1 else "; "
        parts = ("0" if v is None else self.doprint(v) for _, _, v in pieces)
        return "[" + sep.join(parts) + "]"

    def _print_SumRows(self, e: SumRows) -> str:
        return f"𝟙ᵀ·{self.wrap(e.x, 3)}"

    def _print_SumCols(self, e: SumCols) -> str:
        return f"{self.wrap(e.x, 3)}·𝟙"

    def _print_SumAll(self, e: SumAll) -> str:
        return f"Σ {self.wrap(e.x, 3)}"

    def _print_Indicator(self, e: Indicator) -> str:
        return f"1[{self.doprint(e.a)} {e.op} {self.doprint(e.b)}]"


def _float_literal(q: sp.Rational) -> str:
    """An exact Python literal for a rational: ``0.5``, ``-1.5``, or ``(1 / 3)``."""
    f = Fraction(int(q.p), int(q.q))
    return repr(float(f)) if Fraction(float(f)) == f else f"({f.numerator} / {f.denominator})"


def _param_literal(q: sp.Expr) -> str:
    """An op's parameter as code writes it: a decimal the spec gave (SELU's α
    1.6732632423543772, held as the exact decimal) as that literal, which Python reads as the
    same float64; other rationals as :func:`_float_literal`."""
    if not isinstance(q, sp.Rational) or q.is_Integer or len(str(q)) <= 12:
        return str(q)  # 1/100, 1/5: as before (Python reads the same float64)
    f = Fraction(int(q.p), int(q.q))
    text = repr(float(f))
    return text if Fraction(text) == f else _float_literal(q)


def _matrix_head(e: MExpr) -> bool:
    """Whether the first factor of the product chain ``e`` is a matrix product (or another
    product that is not element-wise) printed without brackets."""
    while isinstance(e, Mul):
        e = e.a
    return e.prec == PREC["mul"] and not isinstance(e, _Elementwise)


class NumpyPrinter(TextPrinter):
    """NumPy source (the generated ``backprop.py``); helpers come from the operation table."""

    kind = "code"

    def doprint(self, e: MExpr) -> str:
        return super().doprint(_code_shown(e))

    def _print_Clip(self, e: Clip) -> str:
        return f"np.clip({', '.join(self._bound(k) for k in (e.x, e.lo, e.hi))})"

    def _print_PairMax(self, e: PairMax) -> str:
        return f"np.{'minimum' if e.low else 'maximum'}({self.doprint(e.a)}, {self.doprint(e.b)})"

    def _bound(self, k: MExpr) -> str:
        """A clip's bound as the spec writes a number: ``-0.5``, not ``-1/2``."""
        if isinstance(k, Scalar) and k.expr.is_Rational and not k.expr.is_Integer:
            den = int(k.expr.q)
            for f in (2, 5):
                while den % f == 0:
                    den //= f
            if den == 1:
                return repr(float(k.expr))
        return self.doprint(k)

    def _print_Between(self, e: Between) -> str:
        """A clip's mask as a course writes it: ``((-2 < z) & (z < 2))`` (``<=`` for clamp)."""
        rel = "<" if e.strict else "<="
        lo, x, hi = (self.doprint(k) for k in (e.lo, e.x, e.hi))
        return f"(({lo} {rel} {x}) & ({x} {rel} {hi}))"

    def wrap(self, child: MExpr, level: int) -> str:
        if isinstance(child, SumRows | SumCols):  # (x).sum(axis=…) is already an atom in Python
            return self.doprint(child)
        if logsumexp_of(child) is not None:  # logsumexp(x, …) is a call: an atom
            return self.doprint(child)
        return super().wrap(_code_shown(child), level)

    def _print_Ref(self, e: Ref) -> str:
        return e.key

    def _print_Scalar(self, e: Scalar) -> str:
        consts = {
            q: shown[1] for q in e.expr.atoms(sp.Rational) if (shown := float_constant(q))
        }  # np.sqrt(2 / np.pi), 0.044715: never 3989422804014327/5000000000000000
        if consts and e.expr in consts:
            return consts[e.expr]
        if consts:
            marks = {q: sp.Symbol(f"DERIVECONST{chr(65 + i)}") for i, q in enumerate(consts)}
            text = sp.sstr(e.expr.xreplace(marks))
            for q, mark in marks.items():
                text = text.replace(mark.name, f"({consts[q]})")
            return text
        if all(a.is_Rational or a.is_Symbol for a in sp.preorder_traversal(e.expr) if a.is_Atom):
            if not e.expr.has(sp.Pow) or all(
                p.exp.is_Integer for p in e.expr.atoms(sp.Pow)
            ):  # 1/m, 2/(m*k): plain Python
                return sp.sstr(e.expr)
        return _NP_SCALAR.doprint(e.expr).replace("numpy.", "np.")  # sqrt(2) → np.sqrt(2)

    def _print_Pad(self, e: Pad) -> str:
        pieces = e.pieces()
        if len(pieces) == 1:
            return self.doprint(e.values[0])
        parts = ", ".join(
            self._zeros_code(e, lo, hi)
            if v is None
            else f"np.full((1, 1), {self.doprint(v)})"  # a number is no block: np.concatenate
            if isinstance(v, Scalar)  # refuses it (the Poincaré lab's (-1, zeros((1, 2))))
            else self.doprint(v)
            for lo, hi, v in pieces
        )
        return f"np.concatenate(({parts}), axis={e.axis})"

    def _print_Ones(self, e: Ones) -> str:
        # the sizes by their [dims] names (the lab defines them), never the example's numbers
        return f"np.ones(({', '.join(_size_code(k) for k in e.shape)}))"

    def _print_T(self, e: T) -> str:
        return f"{self.wrap(e.x, 5)}.T"

    def _print_MatMul(self, e: MatMul) -> str:
        # Python reads ``dA * mask @ W.T`` and ``(A - Y) / m @ X.T`` left to right, right; a
        # reader takes ``@`` for the tighter one: the left factor keeps its brackets
        a = e.a
        if isinstance(a, Div) or (isinstance(a, Mul) and (a._hadamard() or _divides(a))):
            return f"{self.paren(self.doprint(a))} @ {self.wrap(e.b, 3)}"
        return f"{self.wrap(a, 2)} @ {self.wrap(e.b, 3)}"

    def _print_Mul(self, e: Mul) -> str:
        a = e.a
        if isinstance(a, Scalar) and a.expr.is_Pow and a.expr.exp == -1:  # (x) / m
            den = a.expr.base
            den_code = sp.sstr(den) if den.is_Atom else f"({sp.sstr(den)})"
            return f"{self.wrap(e.b, 3)} / {den_code}"
        if isinstance(a, Scalar) and a.expr.is_Rational and a.expr.p == 1 and a.expr.q != 1:
            return f"{self.wrap(e.b, 3)} / {a.expr.q}"
        right = e._right()
        if right == 2 and _matrix_head(e.b):  # a * (x @ w * s): Python reads a * x @ w * s
            right = 3  # as ((a * x) @ w) * s
        return f"{self.wrap(a, 2)} * {self.wrap(e.b, right)}"

    def _print_Pow(self, e: Pow) -> str:
        n = str(e.n) if isinstance(e.n, int) else _float_literal(e.n)
        return f"{self.wrap(e.x, 5)} ** {n}"

    def _print_Func(self, e: Func) -> str:
        holes = {"slope": _param_literal(e.slope)} if e.slope is not None else {}
        # {px}: the argument as a factor of a product (slope * (a + b), not slope * a + b)
        src = ops.get(e.name).numpy_src
        return src.format(x=self.doprint(e.x), px=self.wrap(e.x, 3), **holes)

    def _print_Call(self, e: Call) -> str:
        lse = logsumexp_of(e)
        if lse is not None:  # round 49: the lab writes logsumexp as the user did (a helper)
            return self._logsumexp(*lse)
        axis = e._axis()
        if e.name in ("sum", "mean") and axis is not None:
            return f"{self.wrap(e.args[0], 5)}.{e.name}(axis={axis}, keepdims=True)"
        if e.name in ("sum", "mean"):
            return f"np.{e.name}({self.doprint(e.args[0])})"
        if e.op.kind == ops.CONCAT:
            parts = ", ".join(self.doprint(a) for a in e.args)
            return f"np.concatenate(({parts}), axis={axis or 0})"
        if e.op.kind == ops.BINARY:  # np.arctan2(y, x)
            return e.op.numpy_src.format(a=self.doprint(e.args[0]), b=self.doprint(e.args[1]))
        p = e.args[0]
        if "numpy_of_softmax" in e.op.extra and isinstance(p, Call) and p.name == "softmax":
            # from the scores: softmax(s) may underflow to 0 where the loss takes its log
            src = e.op.extra["numpy_of_softmax"]
            return src.format(s=self.doprint(p.args[0]), y=self.doprint(e.args[1]))
        if e.op.kind == ops.ROWWISE and e.op.numpy_src and len(e.args) == 1 and not e.kwargs:
            # the op table's source: max_share_all (the max of everything) is max_share of the
            # row of row maxima, one helper for both
            return e.op.numpy_src.format(x=self.doprint(e.args[0]))
        return f"{e.name}({self._call_args(e)})"

    def _logsumexp(self, x: MExpr, along: int) -> str:
        """``logsumexp(x, axis=…, keepdims=True)`` (the script's helper, scipy's signature) of
        what :func:`logsumexp_of` found; of every entry of the rows' logsumexps, of ``x`` whole."""
        if along != -1:
            return f"logsumexp({self.doprint(x)}, axis={along}, keepdims=True)"
        inner = logsumexp_of(x)
        whole = inner[0] if inner is not None and inner[1] == 1 else x
        return f"logsumexp({self.doprint(whole)})"

    def _print_SumRows(self, e: SumRows) -> str:
        return f"{self.wrap(e.x, 5)}.sum(axis=0, keepdims=True)"

    def _print_SumCols(self, e: SumCols) -> str:
        return f"{self.wrap(e.x, 5)}.sum(axis=1, keepdims=True)"

    def _print_SumAll(self, e: SumAll) -> str:
        return f"np.sum({self.doprint(e.x)})"

    def _print_Indicator(self, e: Indicator) -> str:
        return f"({self.doprint(e.a)} {e.op} {self.doprint(e.b)})"

    def _print_Neg(self, e: Neg) -> str:
        inner = self.wrap(e.x, PREC["mul"])
        if _boolean_code(e.x) and inner.startswith("("):  # NumPy refuses -(a > 0) on a boolean
            return f"-1.0 * {inner}"  # array (-10**9 * (m == 0) negates the number: left as is)
        return super()._print_Neg(e)

    def _join(self, e: Add) -> str:
        out = super()._join(e)
        first = e.terms[0]
        if isinstance(first, Neg) and _boolean_code(first.x) and out[1:].startswith("("):
            # a sum led by a negated indicator (the hinge embedding loss's -(t - 1 != 0) / N …):
            # NumPy refuses to negate a boolean array, as in _print_Neg
            return f"-1.0 * {out[1:]}"
        if (
            _bare_boolean(first)
            and out.startswith("(")
            and any(_boolean_code(t) for t in e.terms[1:])
        ):  # (z > 0) - (-z > 0): NumPy refuses - on two boolean arrays (+ would be their or)
            return f"1.0 * {out}"
        return out


def _divides(e: Mul) -> bool:
    """Whether :class:`NumpyPrinter` prints the scaling ``e`` as a division (``x / m``)."""
    a = e.a
    if not isinstance(a, Scalar):
        return False
    return bool(
        (a.expr.is_Pow and a.expr.exp == -1)
        or (a.expr.is_Rational and a.expr.p == 1 and a.expr.q != 1)
    )


def _code_shown(e: MExpr) -> MExpr:
    """``e`` as the NumPy printer shows it: a two-sided clamp as :class:`Clip` (``np.clip``, the
    value PyTorch's clamp/hardtanh/relu6 computes), a clip's derivative, its pair of ReLU slopes,
    as one :class:`Between` (the same booleans)."""
    if isinstance(e, Add):
        if (found := _clip(e)) is not None:
            return Clip(found[0], found[1], found[2])
        if (exact := _exact_clip(e)) is not None:
            return Clip(*exact)
        return _pair_max(e) or _exact_between(e) or e
    if isinstance(e, Mul) and e._hadamard():
        return _between(e) or e
    return e


def _bare_boolean(e: MExpr) -> bool:
    """Whether ``e``'s NumPy code is a boolean array itself (an indicator, ``(Z > 0)``)."""
    return isinstance(e, Func) and e.name in ("relu_grad", "clamp0_grad") or isinstance(
        e, Indicator | Between
    )


def _boolean_code(e: MExpr) -> bool:
    """Whether ``e``'s NumPy code may start with a boolean array (an indicator ``(Z > 0)``
    anywhere in it: ``-(Z > 0) / m`` negates the boolean before dividing)."""
    if isinstance(e, Func) and e.name in ("relu_grad", "clamp0_grad") or isinstance(
        e, Indicator | Between
    ):
        return True
    kids = [v for v in vars(e).values() if isinstance(v, MExpr)]
    kids += [t for t in getattr(e, "terms", ()) if isinstance(t, MExpr)]
    return any(_boolean_code(k) for k in kids)


# ---- construction helpers that keep the displayed form tidy ------------------------------


def is_one(e: MExpr) -> bool:
    return isinstance(e, Scalar) and e.expr == 1


def mul(a: MExpr, b: MExpr) -> MExpr:
    """``a ⊙ b`` with constants folded: ``1·x = x``, ``c·(d·x) = (cd)·x``, ``(-1)·x = -x``;
    a factor that is the row sums of a broadcast column is that column scaled
    (:func:`_row_sums_of_broadcast`)."""
    a, b = _summed_broadcast(a), _summed_broadcast(b)
    if isinstance(b, Scalar) and not isinstance(a, Scalar):
        a, b = b, a
    if is_one(a):
        return b
    if is_one(b):
        return a
    for x, y in ((a, b), (b, a)):  # 𝟙 ⊙ Y = Y and (c·𝟙) ⊙ Y = c·Y where Y has 𝟙's shape
        # (𝟙 of a row or column Y broadcasts along, too: Y ⊙ (c·𝟙_{n×1}) = c·Y)
        fits = _bshape(x.shape, y.shape) == y.shape
        if isinstance(x, Ones) and fits and not isinstance(y, Scalar):
            return y
        if (
            isinstance(x, Mul)
            and isinstance(x.a, Scalar)
            and isinstance(x.b, Ones)
            and _bshape(x.b.shape, y.shape) == y.shape
            and not isinstance(y, Scalar)
        ):
            return mul(x.a, y)
    for x, y in ((a, b), (b, a)):  # (u ⊙ 𝟙) ⊙ Y = u ⊙ Y: Y broadcasts u as 𝟙 did
        if not isinstance(y, Scalar | Ones) and x.shape == y.shape:
            u = _drop_ones(x, y.shape)
            if u is not None:
                return mul(u, y) if x is a else mul(y, u)
    if isinstance(a, Scalar) and isinstance(b, Scalar):
        return Scalar(a.expr * b.expr, a.symbol_names + b.symbol_names)
    if isinstance(a, Scalar) and isinstance(b, Mul) and isinstance(b.a, Scalar):
        return mul(Scalar(a.expr * b.a.expr, a.symbol_names + b.a.symbol_names), b.b)
    if (  # c·((d·x) ⊙ y) = (cd)·(x ⊙ y): one number in front, not 2(½ δᵀ ⊙ ξ)
        isinstance(a, Scalar)
        and isinstance(b, Mul)
        and isinstance(b.a, Mul)
        and isinstance(b.a.a, Scalar)
        and not isinstance(b.a.b, Scalar)
    ):
        inner = b.a.a
        scale = Scalar(a.expr * inner.expr, a.symbol_names + inner.symbol_names)
        return mul(scale, mul(b.a.b, b.b))
    sa, sb = _scale_split(a), _scale_split(b)
    if sa is not None and sb is not None:  # (c·x) ⊙ (d·y) = (cd)·(x ⊙ y): the numbers of a
        # Hadamard product of two scaled factors as one number in front, so ½δ ⊙ (2u) is δ ⊙ u
        # and (1/m) δ ⊙ (2z) is (2/m)(δ ⊙ z)
        scale = Scalar(sa[0].expr * sb[0].expr, sa[0].symbol_names + sb[0].symbol_names)
        return mul(scale, mul(sa[1], sb[1]))
    if _hadamard_of_tensors(a) and _scaled_factor(b) and not _scale_split(a):
        # (δ ⊙ T) ⊙ (2u) = 2(δ ⊙ T ⊙ u): in a product of three or more factors the number of
        # the last one stands in front, not inside it (a number in the first factor already
        # prints in front, c (u) ⊙ v ⊙ w; a two-factor δ ⊙ (2u) keeps its form)
        assert isinstance(b, Mul) and isinstance(b.a, Scalar)
        return mul(b.a, mul(a, b.b))
    if isinstance(a, Scalar) and isinstance(b, Neg):
        return mul(Scalar(-a.expr, a.symbol_names), b.x)
    if isinstance(a, Scalar) and a.expr == -1:
        return neg(b)
    if isinstance(a, Scalar) and a.expr.could_extract_minus_sign() and not a.expr.is_Add:
        return neg(mul(Scalar(-a.expr, a.symbol_names), b))
    if isinstance(a, Neg):
        return neg(mul(a.x, b))
    if isinstance(b, Neg):
        return neg(mul(a, b.x))
    return Mul(a, b)


def _drop_ones(x: MExpr, shape: tuple[int, int]) -> MExpr | None:
    """``u`` when ``x`` is ``u ⊙ 𝟙`` or ``c·(u ⊙ 𝟙)`` (then ``c·u``) with 𝟙 of ``shape`` and
    ``u`` smaller (a row or column broadcast by the 𝟙); ``None`` otherwise."""
    if not isinstance(x, Mul):
        return None
    for o, u in ((x.b, x.a), (x.a, x.b)):
        if isinstance(o, Ones) and o.shape == shape and u.shape != shape:
            return u
    if isinstance(x.a, Scalar):
        u = _drop_ones(x.b, shape)
        return None if u is None else mul(x.a, u)
    return None


def power(x: MExpr, n: int) -> MExpr:
    """``x ** n`` for a whole ``n``, with ``(y^a)^n = y^(a·n)`` (exact for a whole ``n``):
    the quotient rule's ``(√(v + ε))²`` is ``v + ε``."""
    if isinstance(x, Pow):
        k = exponent(sp.Rational(x.n) * n)
        return x.x if k == 1 else Pow(x.x, k)
    if isinstance(x, Func) and x.name == "sqrt" and n % 2 == 0:  # (√y)² = y
        return x.x if n == 2 else Pow(x.x, n // 2)
    return Pow(x, n)


def _negative_number(e: sp.Expr) -> bool:
    """A negative number: a rational, or a constant such as −½log(2π) (printed as a minus)."""
    if e.is_Number:
        return bool(e < 0)
    return bool(e.is_number and not e.is_Add and e.could_extract_minus_sign())


def neg(x: MExpr) -> MExpr:
    if isinstance(x, Neg):
        return x.x
    if isinstance(x, Scalar):
        return Scalar(-x.expr, x.symbol_names)
    return Neg(x)


def add(*terms: MExpr) -> MExpr:
    flat: list[MExpr] = []
    for t in terms:
        flat.extend(t.terms if isinstance(t, Add) else [t])
    pads = [t for t in flat if isinstance(t, Pad)]
    joined = _join_pads(pads)
    if joined is not None:  # the blocks of several slices of one tensor, side by side
        at = flat.index(pads[0])
        flat = [t for t in flat if not isinstance(t, Pad)]
        flat.insert(min(at, len(flat)), joined)
    zero = [t for t in flat if _is_zero_term(t)]
    if zero and len(zero) < len(flat):  # 0·(δ ⊙ …), the share through an indicator's slope
        whole = _bshape(*(t.shape for t in flat))
        kept = [t for t in flat if not _is_zero_term(t)]
        if _bshape(*(t.shape for t in kept)) == whole:
            flat = kept
    if len(flat) > 1 and all(isinstance(t, Scalar) for t in flat):
        names = tuple(n for t in flat for n in t.symbol_names)  # type: ignore[attr-defined]
        return Scalar(sp.Add(*(t.expr for t in flat)), names)  # type: ignore[attr-defined]
    return flat[0] if len(flat) == 1 else Add(tuple(flat))


def _is_zero_term(t: MExpr) -> bool:
    """``0·(δ ⊙ …)``: a share of a gradient that adds nothing (the slope of an indicator or a
    mask in a backward rule). Only a term holding a gradient: ``0·X`` of values alone is how
    the checker reads ``np.zeros_like(X)`` before slices are added into it, where ``X`` keeps
    the sizes (at other sizes too) that the slices' blocks are written against."""
    if not (isinstance(t, Mul) and isinstance(t.a, Scalar) and t.a.expr == 0):
        return False
    return _holds_grad(t.b)


def _holds_grad(m: Any) -> bool:
    if isinstance(m, Ref):
        return m.kind == "grad"
    if not isinstance(m, MExpr):
        return False
    for value in vars(m).values():
        for item in value if isinstance(value, tuple) else (value,):
            item = item[1] if isinstance(item, tuple) and len(item) == 2 else item
            if isinstance(item, MExpr) and _holds_grad(item):
                return True
    return False


def matmul(a: MExpr, b: MExpr) -> MExpr:
    """``a @ b``; a scalar factor (a ``[1, 1]`` gradient such as ``∂L/∂L = 1``) multiplies.
    The row sums of a column broadcast along its rows are that column times the row length:
    ``(u ⊙ 𝟙_{n×m}) 𝟙 = m·u`` and ``(c·𝟙_{n×m}) 𝟙 = c·m·𝟙`` (a logsumexp's blame, read as the
    mean of ``x − log_softmax(x)``, was ``(−1/M (u ⊙ 𝟙_{B×M})) 𝟙``: it is ``u``)."""
    if isinstance(a, Scalar) or isinstance(b, Scalar):
        return mul(a, b)
    if isinstance(b, Ones) and b.shape[1] == 1 and a.shape[1] == b.shape[0]:
        summed = _row_sums_of_broadcast(a)
        if summed is not None:
            return summed
    return MatMul(a, b)


def _size_scalar(k: int) -> Scalar | None:
    """A size as a number in front: its [dims] symbol (``M``), the number where it has no name,
    ``None`` for a size expression."""
    label = _size_label(k)
    if label is not None:
        sym = sp.Symbol(label, positive=True, integer=True)
        return Scalar(sym, ((sym, name_tex(label)),))
    if hasattr(k, "text") or getattr(k, "label", None) is not None:
        return None
    return Scalar(sp.Integer(int(k)))


def _summed_broadcast(x: MExpr) -> MExpr:
    if isinstance(x, SumCols):
        summed = _row_sums_of_broadcast(x.x)
        if summed is not None:
            return summed
    return x


def _row_sums_of_broadcast(a: MExpr) -> MExpr | None:
    """``a 𝟙`` where ``a`` is a column (or a number) broadcast along its rows by a 𝟙, possibly
    scaled: that column times the row length; ``None`` otherwise."""
    if isinstance(a, Neg):
        inner = _row_sums_of_broadcast(a.x)
        return None if inner is None else neg(inner)
    rows, cols = a.shape
    size = _size_scalar(cols)
    if size is None or cols == 1:
        return None
    if isinstance(a, Ones):
        return mul(size, Ones((rows, 1)))
    if isinstance(a, Mul) and isinstance(a.a, Scalar) and isinstance(a.b, Ones):
        return mul(mul(a.a, size), Ones((rows, 1)))
    u = _drop_ones(a, a.shape)
    if u is not None and u.shape == (rows, 1):
        return mul(size, u)
    return None


def transpose(x: MExpr, general: bool = False) -> MExpr:
    """``xᵀ`` with ``(AB)ᵀ = BᵀAᵀ``, ``(xᵀ)ᵀ = x`` and scalars left alone. ``general``: ``x``
    is ``1 × 1`` only at the example's sizes (declared ``["m", "n"]`` with m = n = 1), so its
    transpose is kept: the rule shown must hold at every size."""
    if isinstance(x, T):  # (xᵀ)ᵀ = x at every size (a 1 × 1 transpose kept as general too)
        return x.x
    if isinstance(x, Scalar) or (x.shape == (1, 1) and not general):
        return x
    if isinstance(x, MatMul):
        return matmul(transpose(x.b), transpose(x.a))
    if isinstance(x, Mul) and isinstance(x.a, Scalar):  # (c·X)ᵀ = c·Xᵀ: dSᵀ Q / √d
        return mul(x.a, transpose(x.b, general))
    return T(x)


def div(a: MExpr, b: MExpr) -> MExpr:
    if isinstance(b, Scalar):
        return mul(Scalar(1 / b.expr, b.symbol_names), a)
    root = _constant_root(b)
    if root is not None and _scaled_factor(a):  # (c·x)/√2 = (c/√2)·x: one number in front, not
        # the nested fraction (1/√π)(…)/√2 of exact GELU's slope; a plain z/√2 keeps its form
        assert isinstance(a, Mul) and isinstance(a.a, Scalar)
        return mul(Scalar(a.a.expr / root, a.a.symbol_names), a.b)
    return Div(a, b)


def _constant_root(b: MExpr) -> sp.Expr | None:
    """The number ``√c`` when ``b`` is the square root of a plain number ``c``, else None."""
    if isinstance(b, Func) and b.name == "sqrt" and isinstance(b.x, Scalar) and b.x.expr.is_number:
        return sp.sqrt(b.x.expr)
    return None


def _scale_split(f: MExpr) -> tuple[Scalar, MExpr] | None:
    """``(c, x)`` when ``f`` is ``c·x`` for a tensor expression ``x``, or a Hadamard product
    with such a factor (``δ ⊙ (c·x)`` is ``c``, ``δ ⊙ x``); None otherwise."""
    if _scaled_factor(f):
        assert isinstance(f, Mul) and isinstance(f.a, Scalar)
        return f.a, f.b
    if isinstance(f, Mul) and not isinstance(f.a, Scalar | Ones) and not isinstance(f.b, Scalar | Ones):
        for i, g in enumerate((f.a, f.b)):  # δ ⊙ (½(1 − T)): the number of a factor inside
            found = _scale_split(g)
            if found is not None:
                return found[0], (mul(found[1], f.b) if i == 0 else mul(f.a, found[1]))
    return None


def _hadamard_of_tensors(f: MExpr) -> bool:
    """``f`` is an element-wise product of two tensor expressions (no number, no 𝟙 factor)."""
    return (
        isinstance(f, Mul)
        and f._hadamard()
        and not isinstance(f.a, Scalar | Ones)
        and not isinstance(f.b, Scalar | Ones)
    )


def _scaled_factor(f: MExpr) -> bool:
    """``f`` is a number times a tensor expression, ``c·x``."""
    return isinstance(f, Mul) and isinstance(f.a, Scalar) and not isinstance(f.b, Scalar | Ones)


def sub(a: MExpr, b: MExpr) -> MExpr:
    return add(a, neg(b))
