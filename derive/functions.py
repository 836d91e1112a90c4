"""Our SymPy functions: ``sigmoid``, ``relu``, ``relu_grad`` (the indicator ``1[z>0]``) and
``leaky_relu``, with derivatives in textbook form and numeric mappings.

``tanh``, ``exp`` and ``log`` are SymPy's own (their derivatives ``1 − tanh²``, ``exp``, ``1/x``
are already textbook form). ``relu_grad(0) = 0``, matching PyTorch (SymPy's ``Heaviside(0)`` is
``1/2``).
"""

from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp


class sigmoid(sp.Function):  # noqa: N801 - SymPy function classes are lower-case
    """σ(x) = 1 / (1 + e^{−x}); σ'(x) = σ(x)(1 − σ(x))."""

    nargs = 1

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x: sp.Expr, **kwargs: object) -> sp.Expr:
        return 1 / (1 + sp.exp(-x))

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return (1 / (1 + sp.exp(-self.args[0])))._eval_evalf(prec)


class relu_grad(sp.Function):  # noqa: N801
    """The indicator 1[x > 0]: relu'(x) with the PyTorch convention relu'(0) = 0."""

    nargs = 1

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Number:
            return sp.Integer(1) if x > 0 else sp.Integer(0)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Integer(0)


class relu(sp.Function):  # noqa: N801
    """max(x, 0); relu'(x) = 1[x > 0]."""

    nargs = 1

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Number:
            return x if x > 0 else sp.Integer(0)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return relu_grad(self.args[0])


class leaky_relu(sp.Function):  # noqa: N801
    """x for x > 0, slope·x otherwise; derivative 1[x>0] + slope·(1 − 1[x>0])."""

    nargs = 2

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x, slope = self.args
        if argindex != 1:
            raise sp.ArgumentIndexError(self, argindex)
        g = relu_grad(x)
        return g + slope * (1 - g)


# ---- numeric mappings ------------------------------------------------------------------------


def np_sigmoid(x: np.ndarray) -> np.ndarray:
    """Stable σ: never evaluates exp of a large positive number."""
    x = np.asarray(x, dtype=np.float64)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def np_relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def np_relu_grad(x: np.ndarray) -> np.ndarray:
    return (np.asarray(x) > 0).astype(np.float64)


def np_leaky_relu(x: np.ndarray, slope: float) -> np.ndarray:
    return np.where(np.asarray(x) > 0, x, slope * np.asarray(x))


NUMPY_MODULE = {
    "sigmoid": np_sigmoid,
    "relu": np_relu,
    "relu_grad": np_relu_grad,
    "leaky_relu": np_leaky_relu,
}


def mp_sigmoid(x: mpmath.mpf) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-x))


MPMATH_FUNCS = {
    sigmoid: mp_sigmoid,
    relu: lambda x: x if x > 0 else mpmath.mpf(0),
    relu_grad: lambda x: mpmath.mpf(1) if x > 0 else mpmath.mpf(0),
    leaky_relu: lambda x, s: x if x > 0 else s * x,
    sp.exp: mpmath.exp,
    sp.log: mpmath.log,
    sp.tanh: mpmath.tanh,
}
