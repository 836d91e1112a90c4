"""The float64 element-wise evaluator with round-off bounds (derive.numeric.tape): every value it
trusts is within its bound of the high-precision value, and what it cannot trust it recomputes."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

from derive.engine import tolerance as tol
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import tape
from derive.numeric import verify as numeric
from derive.numeric.example import Example

SPECS = Path(__file__).parent / "specs_engine"
COURSE = Path(__file__).parent / "specs_course"

INLINE_BCE = """
[network]
name = "inline-bce"
[dims]
m = 4
n = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W = ["n", 1]
b = [1, 1]
[forward]
A = "sigmoid(X @ W + b)"
L = "bce(A, Y)"
"""


def _run(d, point):
    g = d.graph
    values = {s: float(v) for s, v in g.scalar_values.items()}
    for name, arr in point.items():
        for s, v in zip(g.tensors[name].symbols, np.asarray(arr).ravel(), strict=True):
            values[s] = float(v)
    order = [s for n in g.nodes for s in g.tensors[n.name].symbols]
    for visit in [g.loss] + [g.tensors[v.name] for v in d.backward]:
        order += list(visit.grads)
    given = set(g.scalar_values) | {
        s for name in list(g.spec.inputs) + list(g.spec.params) for s in g.tensors[name].symbols
    }
    tp = tape.Tape(d, order, given)
    return tp, order, tp.run(d, values, point)


@pytest.mark.parametrize(
    "path",
    [
        "mlp-bce",
        "softmax-regression",
        "batchnorm",
        "attention",
        str(COURSE / "leakybce.toml"),
        str(COURSE / "layernorm.toml"),
        str(COURSE / "deeptanh.toml"),
    ],
)
def test_every_trusted_value_is_within_its_bound_of_the_exact_value(path):
    d = derive(spec.load(path))
    point = numeric.random_point(d.graph, seed=3)
    tp, order, (val, err, _) = _run(d, point)
    exact = Example(d, point=point)
    for s in order:
        i = tp.index[s]
        body = tp.children[i][0]
        exact_value = exact.value(s)
        true = float(exact_value)
        if err[body] <= tol.ELEMENTWISE_TRUST * abs(val[body]) < np.inf:  # as computed
            # compared in high precision: the tape's working type may hold more than float64
            with mpmath.workdps(60):
                if isinstance(exact_value, Fraction):
                    exact_value = mpmath.mpf(exact_value.numerator) / exact_value.denominator
                diff = abs(tape._mpf(val[i]) - mpmath.mpf(exact_value))
                assert diff <= 2 * err[i] + 1e-300, (s, val[i], true, err[i])
        assert abs(float(val[i]) - true) <= 1e-10 * max(abs(true), 1e-300), (s, val[i], true)


def test_a_saturated_unit_is_recomputed_and_only_it():
    d = derive(spec.parse(INLINE_BCE, source="inline-bce"))
    point = {
        "X": np.array([[1.0, 0.5, -0.5], [40.0, 0.0, 0.0], [0.2, 0.1, 0.3], [-0.3, 0.4, 0.1]]),
        "Y": np.array([[1.0], [0.0], [1.0], [0.0]]),
        "W": np.array([[1.0], [0.5], [-0.25]]),
        "b": np.array([[0.0]]),
    }
    tp, order, (val, err, recomputed) = _run(d, point)
    assert 0 < recomputed < len(order) // 2
    # float64 alone: σ(40) is 1.0, so ∂L/∂A = (1 − y)/(1 − a) is inf and the gradient NaN
    ew = numeric.gradients_elementwise(d, point)
    exact = Example(d, point=point)
    for p in ("W", "b"):
        grads = d.graph.tensors[p].grads.tolist()
        want = np.array([[float(exact.value(s)) for s in row] for row in grads])
        assert np.all(np.isfinite(ew[p]))
        np.testing.assert_allclose(ew[p], want, rtol=1e-12)
    # the saturated row's ∂L/∂A was recomputed; the others were trusted in float64
    dA = d.graph.tensors["A"].grads
    body = [tp.children[tp.index[s]][0] for s in dA]
    trusted = [bool(err[b] <= tol.ELEMENTWISE_TRUST * abs(val[b]) < np.inf) for b in body]
    assert trusted == [True, False, True, True]


def test_a_kink_input_within_its_round_off_of_zero_is_decided_exactly():
    # relu(x·w + b) with x = w = 1 + 2⁻⁵², b = −(1 + 2⁻⁵¹): 2⁻¹⁰⁴ exactly, 0 in float64 and in
    # long double (the tape's working type where the platform has one)
    text = """
[network]
name = "kink"
[dims]
m = 1
[inputs]
X = ["m", 1]
[params]
W = [1, 1]
b = [1, 1]
[forward]
A = "relu(X @ W + b)"
L = "sum(A * A)"
"""
    d = derive(spec.parse(text, source="kink"))
    one = 1 + 2.0**-52
    point = {"X": np.array([[one]]), "W": np.array([[one]]), "b": np.array([[-(1 + 2.0**-51)]])}
    tp, order, (val, err, recomputed) = _run(d, point)
    z = next(e for e in tp.index if isinstance(e, sp.Function) and e.func.__name__ == "relu")
    arg = tp.index[z.args[0]]
    assert abs(val[arg]) <= err[arg] and err[arg] > 0  # inside its own round-off
    assert err[tp.index[z]] == np.inf and recomputed > 0
    exact = Example(d, point=point)
    exact._dps = 60  # 2⁻¹⁰⁴ next to 1: more than Example's default 30 digits
    for s in order:
        assert val[tp.index[s]] == pytest.approx(float(exact.value(s)), rel=1e-12, abs=1e-300)
