"""Diagnosis codes measured as gaps on corpus 9 (issue 11, branch ``checkcodes2``): each wrong
formula gets the code of the mistake the student made, and no diagnosis that does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import FormulaError, check

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
    # round 34: the quotient of exponentials is read as the tanh it is, and named so
    assert "a = tanh(z)" in r.diagnoses[0].message and "(1 - a ** 2)" in r.diagnoses[0].message
    assert check(TANH_BY_HAND, "w", "x.T @ (2 * (a - y) * (1 - a ** 2)) / m").ok


DROPOUT = str(COURSE / "dropout_mask.toml")  # A2 = sigmoid(D1 @ W2 + b2): no node Z2


@pytest.mark.parametrize(
    ("formula", "code"),
    [
        ("(dZ2 @ W2.T) * M / keep_prob", None),
        ("(dZ2 @ W2.T) * M", "scale-factor"),
        ("dZ2 @ W2.T * M / keep_prob", None),
    ],
)
def test_ngs_dz_reads_the_argument_of_an_inline_activation(formula: str, code: str | None) -> None:
    r = check(DROPOUT, "A1", formula)
    assert r.ok == (code is None) and r.code == code, r.text()


def test_ngs_z_as_wrt_and_what_stays_unknown() -> None:
    assert check(DROPOUT, "Z2", "(A2 - Y) / m").ok
    assert check(DROPOUT, "Z2", "A2 - Y").code == "scale-factor"
    assert check(DROPOUT, "W2", "D1.T @ dZ2").ok
    with pytest.raises(FormulaError, match="dZ3"):
        check(DROPOUT, "A1", "dZ3 @ W2.T * M / keep_prob")
    with pytest.raises(FormulaError, match="dZ1"):  # H = tanh(…): only A ↔ Z is Ng's pair
        check(MULTI, "W1", "X.T @ dZ1")


QIU = str(COURSE / "qiu_delta_mlp.toml")  # -mean over M2 × N + L2; M2 = 1 in the example


def test_a_size_that_is_one_here_missing_on_one_term_is_named() -> None:
    r = check(QIU, "W2", "(a2 - y) @ a1.T / N + lam * W2")
    assert r.code == "scale-factor" and r.diagnoses[0].factor == "M2", r.text()
    assert "(a2 - y) @ a1.T" in r.diagnoses[0].message
    assert check(QIU, "W2", r.diagnoses[0].fix).ok, r.diagnoses[0].fix
    assert check(QIU, "W2", "(a2 - y) @ a1.T / (M2 * N) + lam * W2").ok
