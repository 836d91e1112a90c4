"""Our SymPy functions: ``sigmoid``, ``relu``, ``relu_grad`` (the indicator ``1[z>0]``) and
``leaky_relu``, with derivatives in textbook form and numeric mappings.

They are defined with everything else about each operation in :mod:`derive.lang.ops` (the operation
table); this module re-exports them under their historical names.

``tanh``, ``exp`` and ``log`` are SymPy's own (their derivatives ``1 − tanh²``, ``exp``, ``1/x``
are already textbook form). ``relu_grad(0) = 0``, matching PyTorch (SymPy's ``Heaviside(0)`` is
``1/2``).
"""

from __future__ import annotations

from derive.lang.ops import (
    leaky_relu,
    mp_sigmoid,
    np_leaky_relu,
    np_relu,
    np_relu_grad,
    np_sigmoid,
    relu,
    relu_grad,
    sigmoid,
    sympy_mpmath,
    sympy_numpy,
)

__all__ = [
    "MPMATH_FUNCS",
    "NUMPY_MODULE",
    "leaky_relu",
    "mp_sigmoid",
    "np_leaky_relu",
    "np_relu",
    "np_relu_grad",
    "np_sigmoid",
    "relu",
    "relu_grad",
    "sigmoid",
]

NUMPY_MODULE = sympy_numpy()  # name → NumPy callable for ``sympy.lambdify`` (built-in table)
MPMATH_FUNCS = sympy_mpmath()  # SymPy class → mpmath callable (built-in table)
