"""``backprop._derivative`` is SymPy's ``e.diff(s)`` without ``Derivative.__new__``'s wrapping:
the same expression (structurally, ``srepr``) for every kind of entry the engine differentiates,
and SymPy's own answer where it does not apply (a symbol not in the expression, a derivative
left unevaluated). The built-ins' derivations as a whole are compared by tests/test_build.py
(the committed output)."""

from __future__ import annotations

import sympy as sp

from derive.engine import backprop
from derive.lang import ops


def test_the_same_expression_as_sympys_diff():
    x, w, b, y, z = sp.symbols("x w b y z")
    f = sp.Function("f")
    cases = [
        (x * w + b) ** 2,
        (y - ops.sigmoid(x * w + b)) ** 2 / 2,
        sp.log(1 - ops.sigmoid(z)) * y + (1 - y) * sp.log(ops.sigmoid(z)),
        1 / (sp.exp(z) + sp.exp(x) + sp.exp(w)),
        sp.exp(z) / (sp.exp(z) + sp.exp(x)),
        sp.tanh(x * w) * ops.relu(z - b),
        ops.relu(x * w + b) * w,
        sp.sqrt(x**2 + z + sp.Rational(1, 100)),
        x * w * sp.log(z),
        sp.Integer(3),
        f(x * w),  # SymPy leaves a Subs/Derivative: its own answer
        sp.Derivative(f(x), x),
    ]
    for e in cases:
        for s in (x, w, b, z, y):
            mine, theirs = backprop._derivative(e, s), e.diff(s)
            assert mine == theirs, (e, s)
            assert sp.srepr(mine) == sp.srepr(theirs), (e, s)
