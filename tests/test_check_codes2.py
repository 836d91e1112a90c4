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
