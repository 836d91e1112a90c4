"""Matrix-form expressions: ``Xᵀ·δZ``, ``δA ⊙ 1[Z>0]``, ``𝟙ᵀ·δZ``.

A small immutable tree. Each node knows its shape and can be
- evaluated entry by entry at a checker's point (:meth:`MExpr.evaluate`), which is how a
  matrix-form rule is *proven* equal to the element-wise result;
- run in float64 NumPy at any size (:meth:`MExpr.numeric`), which is how full-size gradients are
  computed and how the generated ``backprop.py`` behaves;
- printed as LaTeX, plain text and a NumPy expression.

Scalars (``1/m``, ``pos_weight``) are SymPy expressions in the dimension and constant symbols, so
``2/m`` prints as ``\\frac{2}{m}`` and evaluates at the current sizes.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from derive import functions as fn
from derive.printing import latex

_LAYER_SUP = re.compile(r"[A-Za-z\\{}]+\^\{\[\d+\]\}")
PREC = {"add": 1, "mul": 2, "neg": 2, "atom": 4}


class MExpr:
    """Base class. Subclasses are frozen dataclasses."""

    shape: tuple[int, int]

    # evaluation ---------------------------------------------------------------------------
    def evaluate(self, value: Callable[[sp.Expr], Any]) -> list[list[Any]]:
        raise NotImplementedError

    def numeric(self, env: Mapping[str, np.ndarray], scalars: Mapping[sp.Symbol, float]):
        raise NotImplementedError

    # printing ---------------------------------------------------------------------------
    prec = PREC["atom"]

    def tex(self) -> str:
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError

    def code(self) -> str:
        raise NotImplementedError

    def wrap(self, child: MExpr, kind: str, level: int) -> str:
        s = getattr(child, kind)()
        if child.prec >= level and not (kind == "tex" and level >= 5 and "^" in s):
            return s
        return f"\\left({s}\\right)" if kind == "tex" else f"({s})"


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
    prec = 5

    @property
    def shape(self) -> tuple[int, int]:  # type: ignore[override]
        return self.dims if self.dims is not None else self.symbols.shape

    def evaluate(self, value):
        m = self.symbols
        return [[value(m[i, j]) for j in range(m.cols)] for i in range(m.rows)]

    def numeric(self, env, scalars):
        return env[self.code()]

    def tex(self) -> str:
        if self.kind == "grad" and self.delta:
            return f"\\delta_{{{self.name_tex}}}"
        if self.kind == "grad":
            return f"\\frac{{\\partial {self.loss_tex}}}{{\\partial {self.name_tex}}}"
        return self.name_tex

    def text(self) -> str:
        return f"∂L/∂{self.name}" if self.kind == "grad" else self.name

    def code(self) -> str:
        return f"d{self.name}" if self.kind == "grad" else self.name


@dataclass(frozen=True)
class Scalar(MExpr):
    """A number or an expression in dimension/constant symbols (``1/m``, ``pos_weight``)."""

    expr: sp.Expr
    symbol_names: tuple[tuple[sp.Symbol, str], ...] = ()
    shape: tuple[int, int] = (1, 1)

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

    def evaluate(self, value):
        return [[value(self.expr)]]

    def numeric(self, env, scalars):
        return float(self.expr.xreplace(dict(scalars)))

    def tex(self) -> str:
        return latex(self.expr, dict(self.symbol_names))

    def text(self) -> str:
        return sp.sstr(self.expr)

    def code(self) -> str:
        return sp.sstr(self.expr)


def scalar(value: Any, names: tuple[tuple[sp.Symbol, str], ...] = ()) -> Scalar:
    return Scalar(sp.nsimplify(value) if not isinstance(value, sp.Expr) else value, names)


@dataclass(frozen=True)
class Ones(MExpr):
    """The all-ones matrix 𝟙 of a shape (a column 𝟙 for sums over rows)."""

    shape: tuple[int, int]

    def evaluate(self, value):
        return [[mpmath.mpf(1)] * self.shape[1] for _ in range(self.shape[0])]

    def numeric(self, env, scalars):
        return np.ones(self.shape)

    def tex(self) -> str:
        return "\\mathbf{1}"

    def text(self) -> str:
        return "𝟙"

    def code(self) -> str:
        return f"np.ones({self.shape})"


@dataclass(frozen=True)
class T(MExpr):
    x: MExpr

    @property
    def shape(self):  # type: ignore[override]
        return (self.x.shape[1], self.x.shape[0])

    def evaluate(self, value):
        return [list(r) for r in zip(*self.x.evaluate(value), strict=True)]

    def numeric(self, env, scalars):
        return np.asarray(self.x.numeric(env, scalars)).T

    prec = 5

    def tex(self) -> str:
        inner = self.x.tex()
        if isinstance(self.x, Ref) and _LAYER_SUP.fullmatch(inner):  # W^{[2]} → W^{[2]\top}
            return inner[:-1] + "\\top}"
        return f"{self.wrap(self.x, 'tex', 5)}^{{\\top}}"

    def text(self) -> str:
        return f"{self.wrap(self.x, 'text', 5)}ᵀ"

    def code(self) -> str:
        return f"{self.wrap(self.x, 'code', 5)}.T"


@dataclass(frozen=True)
class MatMul(MExpr):
    a: MExpr
    b: MExpr
    prec = PREC["mul"]

    @property
    def shape(self):  # type: ignore[override]
        return (self.a.shape[0], self.b.shape[1])

    def evaluate(self, value):
        A, B = self.a.evaluate(value), self.b.evaluate(value)
        cols = list(zip(*B, strict=True))
        return [
            [mpmath.fsum(x * y for x, y in zip(row, col, strict=True)) for col in cols] for row in A
        ]

    def numeric(self, env, scalars):
        return np.asarray(self.a.numeric(env, scalars)) @ np.asarray(self.b.numeric(env, scalars))

    def tex(self) -> str:
        return f"{self.wrap(self.a, 'tex', 2)} \\thinspace {self.wrap(self.b, 'tex', 3)}"

    def text(self) -> str:
        return f"{self.wrap(self.a, 'text', 2)}·{self.wrap(self.b, 'text', 3)}"

    def code(self) -> str:
        return f"{self.wrap(self.a, 'code', 2)} @ {self.wrap(self.b, 'code', 3)}"


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

    def evaluate(self, value):
        grids = [_broadcast(t.evaluate(value), self.shape) for t in self.terms]
        r, c = self.shape
        return [[mpmath.fsum(g[i][j] for g in grids) for j in range(c)] for i in range(r)]

    def numeric(self, env, scalars):
        total = 0.0
        for t in self.terms:
            total = total + t.numeric(env, scalars)
        return total

    def _join(self, kind: str) -> str:
        out = ""
        for k, t in enumerate(self.terms):
            if isinstance(t, Scalar) and t.expr.is_Number and t.expr < 0:
                t = Neg(Scalar(-t.expr, t.symbol_names))
            if isinstance(t, Neg):
                s = self.wrap(t.x, kind, PREC["mul"])
                out += f" - {s}" if k else f"-{s}"
            else:
                s = self.wrap(t, kind, PREC["add"])
                out += f" + {s}" if k else s
        return out

    def tex(self) -> str:
        return self._join("tex")

    def text(self) -> str:
        return self._join("text")

    def code(self) -> str:
        return self._join("code")


@dataclass(frozen=True)
class Neg(MExpr):
    x: MExpr
    prec = PREC["neg"]

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape

    def evaluate(self, value):
        return [[-v for v in row] for row in self.x.evaluate(value)]

    def numeric(self, env, scalars):
        return -self.x.numeric(env, scalars)

    def tex(self) -> str:
        return f"-{self.wrap(self.x, 'tex', PREC['mul'])}"

    def text(self) -> str:
        return f"-{self.wrap(self.x, 'text', PREC['mul'])}"

    def code(self) -> str:
        return f"-{self.wrap(self.x, 'code', PREC['mul'])}"


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

    def evaluate(self, value):
        A = _broadcast(self.a.evaluate(value), self.shape)
        B = _broadcast(self.b.evaluate(value), self.shape)
        return [
            [self.op(x, y) for x, y in zip(ra, rb, strict=True)]
            for ra, rb in zip(A, B, strict=True)
        ]

    def numeric(self, env, scalars):
        return self.op(self.a.numeric(env, scalars), self.b.numeric(env, scalars))


@dataclass(frozen=True)
class Mul(_Elementwise):
    """Element-wise product (Hadamard ⊙), or scaling when one side is a :class:`Scalar`."""

    op = staticmethod(operator.mul)

    def _hadamard(self) -> bool:
        return not (self.a.shape == (1, 1) or self.b.shape == (1, 1))

    def _right(self) -> int:
        same = isinstance(self.b, Mul) and self.b._hadamard() == self._hadamard()
        return 2 if same else 3

    def tex(self) -> str:
        op = " \\odot " if self._hadamard() else " \\cdot "
        if isinstance(self.a, Scalar) and not self._hadamard() and not self.a.expr.is_Symbol:
            op = " "
        return f"{self.wrap(self.a, 'tex', 2)}{op}{self.wrap(self.b, 'tex', self._right())}"

    def text(self) -> str:
        op = " ⊙ " if self._hadamard() else "·"
        return f"{self.wrap(self.a, 'text', 2)}{op}{self.wrap(self.b, 'text', self._right())}"

    def code(self) -> str:
        a = self.a
        if isinstance(a, Scalar) and a.expr.is_Pow and a.expr.exp == -1:  # (x) / m
            den = a.expr.base
            den_code = sp.sstr(den) if den.is_Atom else f"({sp.sstr(den)})"
            return f"{self.wrap(self.b, 'code', 3)} / {den_code}"
        if isinstance(a, Scalar) and a.expr.is_Rational and a.expr.p == 1 and a.expr.q != 1:
            return f"{self.wrap(self.b, 'code', 3)} / {a.expr.q}"
        return f"{self.wrap(a, 'code', 2)} * {self.wrap(self.b, 'code', self._right())}"


@dataclass(frozen=True)
class Div(_Elementwise):
    """Element-wise quotient (or division by a scalar)."""

    op = staticmethod(operator.truediv)

    def tex(self) -> str:
        return f"\\frac{{{self.a.tex()}}}{{{self.b.tex()}}}"

    def text(self) -> str:
        return f"{self.wrap(self.a, 'text', 2)} / {self.wrap(self.b, 'text', 3)}"

    def code(self) -> str:
        return f"{self.wrap(self.a, 'code', 2)} / {self.wrap(self.b, 'code', 3)}"


@dataclass(frozen=True)
class Pow(MExpr):
    x: MExpr
    n: int

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape

    def evaluate(self, value):
        return [[v**self.n for v in row] for row in self.x.evaluate(value)]

    def numeric(self, env, scalars):
        return self.x.numeric(env, scalars) ** self.n

    def tex(self) -> str:
        return f"{self.wrap(self.x, 'tex', 5)}^{{{self.n}}}"

    def text(self) -> str:
        return f"{self.wrap(self.x, 'text', 5)}^{self.n}"

    def code(self) -> str:
        return f"{self.wrap(self.x, 'code', 5)} ** {self.n}"


FUNC_TEX = {
    "sigmoid": "\\sigma",
    "tanh": "\\tanh",
    "exp": "\\exp",
    "log": "\\log",
    "relu": "\\operatorname{ReLU}",
    "softmax": "\\operatorname{softmax}",
}
FUNC_MP = {
    "sigmoid": fn.mp_sigmoid,
    "tanh": mpmath.tanh,
    "exp": mpmath.exp,
    "log": mpmath.log,
    "relu": fn.MPMATH_FUNCS[fn.relu],
    "relu_grad": fn.MPMATH_FUNCS[fn.relu_grad],
}
FUNC_NP = {
    "sigmoid": fn.np_sigmoid,
    "tanh": np.tanh,
    "exp": np.exp,
    "log": np.log,
    "relu": fn.np_relu,
    "relu_grad": fn.np_relu_grad,
}


@dataclass(frozen=True)
class Func(MExpr):
    """An element-wise function applied to a matrix: ``σ(Z)``, ``1[Z > 0]``.
    ``slope`` is leaky ReLU's negative slope."""

    name: str
    x: MExpr
    slope: sp.Expr | None = None

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape

    def evaluate(self, value):
        if self.name in ("leaky_relu", "leaky_grad"):
            a = value(self.slope)
            pos = (lambda v: v) if self.name == "leaky_relu" else (lambda v: 1)
            return [
                [pos(v) if v > 0 else a * (v if self.name == "leaky_relu" else 1) for v in row]
                for row in self.x.evaluate(value)
            ]
        f = FUNC_MP[self.name]
        return [[f(v) for v in row] for row in self.x.evaluate(value)]

    def numeric(self, env, scalars):
        x = self.x.numeric(env, scalars)
        if self.name == "leaky_relu":
            return np.where(x > 0, x, float(self.slope) * x)
        if self.name == "leaky_grad":
            return np.where(x > 0, 1.0, float(self.slope))
        return FUNC_NP[self.name](x)

    def tex(self) -> str:
        if self.name == "leaky_relu":
            return f"\\operatorname{{LeakyReLU}}\\left({self.x.tex()}\\right)"
        if self.name == "leaky_grad":
            a = latex(self.slope)
            return (
                f"\\left(\\mathbf{{1}}\\left[{self.x.tex()} > 0\\right] + {a} \\thinspace "
                f"\\mathbf{{1}}\\left[{self.x.tex()} \\le 0\\right]\\right)"
            )
        if self.name == "relu_grad":
            return f"\\mathbf{{1}}\\left[{self.x.tex()} > 0\\right]"
        return f"{FUNC_TEX[self.name]}\\left({self.x.tex()}\\right)"

    def text(self) -> str:
        if self.name == "relu_grad":
            return f"1[{self.x.text()} > 0]"
        return f"{'σ' if self.name == 'sigmoid' else self.name}({self.x.text()})"

    def code(self) -> str:
        if self.name == "relu_grad":
            return f"({self.x.code()} > 0)"
        if self.name == "leaky_relu":
            return f"np.where({self.x.code()} > 0, {self.x.code()}, {self.slope} * {self.x.code()})"
        if self.name == "leaky_grad":
            return f"np.where({self.x.code()} > 0, 1.0, {self.slope})"
        if self.name in ("tanh", "exp", "log"):
            return f"np.{self.name}({self.x.code()})"
        return f"{self.name}({self.x.code()})"


LOSS_TEX = {
    "mse": "MSE",
    "sse": "SSE",
    "bce": "BCE",
    "bce_logits": "BCEWithLogits",
    "cross_entropy": "CE",
}


def _mp_loss(name: str, p: list[list[Any]], y: list[list[Any]], w: Any) -> Any:
    pairs = [(a, b) for ra, rb in zip(p, y, strict=True) for a, b in zip(ra, rb, strict=True)]
    n = len(pairs)
    if name == "mse":
        return mpmath.fsum((a - b) ** 2 for a, b in pairs) / n
    if name == "sse":
        return mpmath.fsum((a - b) ** 2 for a, b in pairs)
    if name == "bce":
        return (
            -mpmath.fsum(w * b * mpmath.log(a) + (1 - b) * mpmath.log(1 - a) for a, b in pairs) / n
        )
    if name == "bce_logits":
        s = fn.mp_sigmoid
        return (
            -mpmath.fsum(b * mpmath.log(s(a)) + (1 - b) * mpmath.log(1 - s(a)) for a, b in pairs)
            / n
        )
    assert name == "cross_entropy"
    return -mpmath.fsum(b * mpmath.log(a) for a, b in pairs) / len(p)


def _np_loss(name: str, p: np.ndarray, y: np.ndarray, w: float) -> float:
    if name == "mse":
        return float(np.mean((p - y) ** 2))
    if name == "sse":
        return float(np.sum((p - y) ** 2))
    if name == "bce":
        return float(-np.mean(w * y * np.log(p) + (1 - y) * np.log(1 - p)))
    if name == "bce_logits":  # stable: max(z, 0) - z·y + log(1 + e^{-|z|})
        return float(np.mean(np.maximum(p, 0) - p * y + np.log1p(np.exp(-np.abs(p)))))
    assert name == "cross_entropy"
    return float(-np.sum(y * np.log(p)) / p.shape[0])


@dataclass(frozen=True)
class Call(MExpr):
    """softmax (row-wise), sum/mean (optionally along an axis) and the losses."""

    name: str
    args: tuple[MExpr, ...]
    kwargs: tuple[tuple[str, MExpr], ...]
    shape: tuple[int, int]

    def kw(self, key: str) -> MExpr | None:
        return dict(self.kwargs).get(key)

    def _axis(self) -> int | None:
        a = self.kw("axis")
        return None if a is None else int(a.expr)  # type: ignore[attr-defined]

    def evaluate(self, value):
        x = self.args[0].evaluate(value)
        if self.name == "softmax":
            out = []
            for row in x:
                e = [mpmath.exp(v) for v in row]
                t = mpmath.fsum(e)
                out.append([v / t for v in e])
            return out
        if self.name in ("sum", "mean"):
            axis = self._axis()
            if axis is None:
                flat = [v for row in x for v in row]
                return [[mpmath.fsum(flat) / (len(flat) if self.name == "mean" else 1)]]
            grid = x if axis == 1 else [list(c) for c in zip(*x, strict=True)]
            sums = [mpmath.fsum(r) / (len(r) if self.name == "mean" else 1) for r in grid]
            return [sums] if axis == 0 else [[v] for v in sums]
        y = _broadcast(self.args[1].evaluate(value), (len(x), len(x[0])))
        w = self.kw("pos_weight")
        return [[_mp_loss(self.name, x, y, w.evaluate(value)[0][0] if w else 1)]]

    def numeric(self, env, scalars):
        x = np.asarray(self.args[0].numeric(env, scalars), dtype=np.float64)
        if self.name == "softmax":
            e = np.exp(x - x.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        if self.name in ("sum", "mean"):
            axis = self._axis()
            f = np.sum if self.name == "sum" else np.mean
            return f(x) if axis is None else f(x, axis=axis, keepdims=True)
        y = np.broadcast_to(np.asarray(self.args[1].numeric(env, scalars)), x.shape)
        w = self.kw("pos_weight")
        return _np_loss(self.name, x, y, float(w.numeric(env, scalars)) if w else 1.0)

    def _args(self, kind: str) -> str:
        parts = [getattr(a, kind)() for a in self.args]
        if kind != "tex":
            parts += [f"{k}={getattr(v, kind)()}" for k, v in self.kwargs if k != "axis"]
        return ", ".join(parts)

    def tex(self) -> str:
        if self.name == "softmax":
            return f"\\operatorname{{softmax}}\\left({self._args('tex')}\\right)"
        if self.name in ("sum", "mean"):
            axis = self._axis()
            inner = self.wrap(self.args[0], "tex", 3)
            if axis == 0:
                s = f"\\mathbf{{1}}^{{\\top}} {inner}"
            elif axis == 1:
                s = f"{inner} \\thinspace \\mathbf{{1}}"
            else:
                s = f"\\sum {inner}"
            return s if self.name == "sum" else f"\\operatorname{{mean}}\\left({s}\\right)"
        w = self.kw("pos_weight")
        sub = f"_{{{w.tex()}}}" if w is not None else ""
        return f"\\operatorname{{{LOSS_TEX[self.name]}}}{sub}\\left({self._args('tex')}\\right)"

    def text(self) -> str:
        return f"{self.name}({self._args('text')})"

    def code(self) -> str:
        axis = self._axis()
        if self.name in ("sum", "mean") and axis is not None:
            return f"{self.wrap(self.args[0], 'code', 5)}.{self.name}(axis={axis}, keepdims=True)"
        if self.name in ("sum", "mean"):
            return f"np.{self.name}({self.args[0].code()})"
        return f"{self.name}({self._args('code')})"


@dataclass(frozen=True)
class SumRows(MExpr):
    """``𝟙ᵀ X``: the column sums (sum over the batch), shape ``(1, cols)``."""

    x: MExpr

    @property
    def shape(self):  # type: ignore[override]
        return (1, self.x.shape[1])

    def evaluate(self, value):
        return [[mpmath.fsum(col) for col in zip(*self.x.evaluate(value), strict=True)]]

    def numeric(self, env, scalars):
        return np.asarray(self.x.numeric(env, scalars)).sum(axis=0, keepdims=True)

    def tex(self) -> str:
        return f"\\mathbf{{1}}^{{\\top}} {self.wrap(self.x, 'tex', 3)}"

    def text(self) -> str:
        return f"𝟙ᵀ·{self.wrap(self.x, 'text', 3)}"

    def code(self) -> str:
        return f"{self.wrap(self.x, 'code', 5)}.sum(axis=0, keepdims=True)"


@dataclass(frozen=True)
class SumCols(MExpr):
    """``X 𝟙``: the row sums, shape ``(rows, 1)``."""

    x: MExpr

    @property
    def shape(self):  # type: ignore[override]
        return (self.x.shape[0], 1)

    def evaluate(self, value):
        return [[mpmath.fsum(row)] for row in self.x.evaluate(value)]

    def numeric(self, env, scalars):
        return np.asarray(self.x.numeric(env, scalars)).sum(axis=1, keepdims=True)

    def tex(self) -> str:
        return f"{self.wrap(self.x, 'tex', 3)} \\thinspace \\mathbf{{1}}"

    def text(self) -> str:
        return f"{self.wrap(self.x, 'text', 3)}·𝟙"

    def code(self) -> str:
        return f"{self.wrap(self.x, 'code', 5)}.sum(axis=1, keepdims=True)"


@dataclass(frozen=True)
class SumAll(MExpr):
    """The sum of all entries, a scalar."""

    x: MExpr

    shape = (1, 1)

    def evaluate(self, value):
        return [[mpmath.fsum(v for row in self.x.evaluate(value) for v in row)]]

    def numeric(self, env, scalars):
        return float(np.sum(self.x.numeric(env, scalars)))

    def tex(self) -> str:
        return f"\\sum {self.wrap(self.x, 'tex', 3)}"

    def text(self) -> str:
        return f"Σ {self.wrap(self.x, 'text', 3)}"

    def code(self) -> str:
        return f"np.sum({self.x.code()})"


# ---- construction helpers that keep the displayed form tidy ------------------------------


def is_one(e: MExpr) -> bool:
    return isinstance(e, Scalar) and e.expr == 1


def mul(a: MExpr, b: MExpr) -> MExpr:
    """``a ⊙ b`` with constants folded: ``1·x = x``, ``c·(d·x) = (cd)·x``, ``(-1)·x = -x``."""
    if isinstance(b, Scalar) and not isinstance(a, Scalar):
        a, b = b, a
    if is_one(a):
        return b
    if is_one(b):
        return a
    if isinstance(a, Scalar) and isinstance(b, Scalar):
        return Scalar(a.expr * b.expr, a.symbol_names + b.symbol_names)
    if isinstance(a, Scalar) and isinstance(b, Mul) and isinstance(b.a, Scalar):
        return mul(Scalar(a.expr * b.a.expr, a.symbol_names + b.a.symbol_names), b.b)
    if isinstance(a, Scalar) and isinstance(b, Neg):
        return mul(Scalar(-a.expr, a.symbol_names), b.x)
    if isinstance(a, Scalar) and a.expr == -1:
        return neg(b)
    if isinstance(a, Scalar) and a.expr.could_extract_minus_sign() and a.expr.is_Number:
        return neg(mul(Scalar(-a.expr, a.symbol_names), b))
    if isinstance(a, Neg):
        return neg(mul(a.x, b))
    if isinstance(b, Neg):
        return neg(mul(a, b.x))
    return Mul(a, b)


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
    if len(flat) > 1 and all(isinstance(t, Scalar) for t in flat):
        names = tuple(n for t in flat for n in t.symbol_names)  # type: ignore[attr-defined]
        return Scalar(sp.Add(*(t.expr for t in flat)), names)  # type: ignore[attr-defined]
    return flat[0] if len(flat) == 1 else Add(tuple(flat))


def transpose(x: MExpr) -> MExpr:
    """``xᵀ`` with ``(AB)ᵀ = BᵀAᵀ``, ``(xᵀ)ᵀ = x`` and scalars left alone."""
    if x.shape == (1, 1):
        return x
    if isinstance(x, T):
        return x.x
    if isinstance(x, MatMul):
        return MatMul(transpose(x.b), transpose(x.a))
    return T(x)


def div(a: MExpr, b: MExpr) -> MExpr:
    if isinstance(b, Scalar):
        return mul(Scalar(1 / b.expr, b.symbol_names), a)
    return Div(a, b)


def sub(a: MExpr, b: MExpr) -> MExpr:
    return add(a, neg(b))
