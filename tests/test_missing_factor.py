"""``missing-factor``: a chain-rule product that lacks one factor (the upstream gradient, or a
local derivative) is named by that factor — and the formula times the named factor is right."""

from __future__ import annotations

import re

import pytest

from derive.checker.check import check

CASES = [
    # (network, wrt, formula as a student writes it without one factor)
    ("tiny-mlp", "w11", "v1*h1*(1-h1)*x1"),  # the output error (y_pred − y_target) left out
    ("tiny-mlp", "w11", "(y_pred - y_target)*h1*(1-h1)*x1"),  # the weight on the way back
    ("neuron", "w", "x * O * (1 - O)"),  # (O − t) left out
    ("chain", "w", "x"),  # dL/dv left out
    ("chain", "w", "2*x"),  # 2v·x written as 2x
]


@pytest.mark.parametrize(("net", "wrt", "formula"), CASES)
def test_the_missing_factor_is_named_and_completes_the_formula(net, wrt, formula) -> None:
    r = check(net, wrt, formula)
    assert not r.ok and r.code == "missing-factor", r.text()
    name = re.search(r"times (\w+)", r.text()).group(1)
    completed = check(net, wrt, f"({formula}) * {name}")
    assert completed.ok, completed.text()
    assert "少了一个因子" in check(net, wrt, formula, lang="zh").text()


def test_a_constant_factor_stays_a_scale_factor() -> None:
    assert check("neuron", "w", "2 * x * (O - t) * O * (1 - O)").code == "scale-factor"
