"""Diagnosis codes measured as gaps on corpus 9 (issue 11, branch ``checkcodes2``): each wrong
formula gets the code of the mistake the student made, and no diagnosis that does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check

COURSE = Path(__file__).resolve().parent / "specs_course"
MULTI = str(COURSE / "multioutput.toml")  # H = tanh(X @ W1 + b1): the argument is no node
DH = "((Yhat - Y) / m) @ W2.T"


@pytest.mark.parametrize(
    ("factor", "used"),
    [("H * (1 - H)", "sigmoid's derivative"), ("H", "itself instead of its derivative")],
)
def test_a_wrong_derivative_through_the_output_is_named(factor: str, used: str) -> None:
    r = check(MULTI, "W1", f"X.T @ ({DH} * {factor})")
    assert r.code == "wrong-activation-derivative", r.text()
    assert "tanh(X @ W1 + b1)" in r.diagnoses[0].message and used in r.diagnoses[0].message
    assert check(MULTI, "W1", f"X.T @ ({DH} * (1 - H ** 2))").ok
    zh = check(MULTI, "W1", f"X.T @ ({DH} * {factor})", lang="zh").text()
    assert "导数用错了" in zh


TANH_BY_HAND = str(COURSE / "tanh_by_hand.toml")  # a = (exp(z) - exp(-z)) / (exp(z) + exp(-z))


def test_a_written_out_activation_left_out_is_not_a_sign() -> None:
    """A sign flip of one exp(-z) in the derivative reproduces the formula without it: the
    mistake made is the derivative left out, not a sign."""
    r = check(TANH_BY_HAND, "w", "x.T @ (2 * (a - y)) / m")
    assert r.code == "missing-activation-derivative", r.text()
    assert [d.code for d in r.diagnoses] == ["missing-activation-derivative"], r.text()
    assert "(exp(z) - exp(-z)) / (exp(z) + exp(-z))" in r.diagnoses[0].message
    assert check(TANH_BY_HAND, "w", "x.T @ (2 * (a - y) * (1 - a ** 2)) / m").ok

