"""Diagnosis codes and readings measured as gaps on issue 11 (branch ``checkcodes``): each wrong
formula gets the code of its mistake, and each corrected formula the checker proposes is checked
again and accepted (so a proposed fix that does not hold fails the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check

COURSE = Path(__file__).resolve().parent / "specs_course"
HINGE = str(COURSE / "squared_hinge.toml")  # ½Σw² + C·mean(max(0, 1 − y s)²)
SVM = str(COURSE / "svm_hinge.toml")  # λΣw² + C·mean(max(0, 1 − margin))
DATA = "2 * C * X.T @ (y * np.maximum(0, 1 - y * s))"


@pytest.mark.parametrize(
    ("net", "formula", "factor"),
    [
        (HINGE, f"w - {DATA}", "n"),  # the data term without its 1/n, the penalty right
        (HINGE, f"w - {DATA} / n / 2", "1/2"),  # the data term halved
        (SVM, "2 * lam * w - C * X.T @ (y * (margin < 1))", "m"),
        (SVM, "2 * lam * w - C * X.T @ (y * (margin < 1)) / m**2", "1/m"),
    ],
)
def test_one_term_off_by_a_factor_is_named(net: str, formula: str, factor: str) -> None:
    r = check(net, "w", formula)
    assert not r.ok and r.code == "scale-factor", r.text()
    d = r.diagnoses[0]
    assert d.factor == factor and "the term" in d.message, d.message
    assert check(net, "w", d.fix).ok, d.fix  # the proposed correction is right
    assert "这一项" in check(net, "w", formula, lang="zh").text()


def test_one_term_with_the_wrong_sign_is_a_sign() -> None:
    r = check(HINGE, "w", f"-w - {DATA} / n")
    assert r.code == "sign", r.text()
    assert check(HINGE, "w", r.diagnoses[0].fix).ok


def test_the_penalty_off_by_a_factor_stays_loss_term_factor() -> None:
    assert check(HINGE, "w", f"2 * w - {DATA} / n").code == "loss-term-factor"


def test_a_right_sum_and_a_whole_factor_are_unchanged() -> None:
    assert check(HINGE, "w", f"w - {DATA} / n").ok
    assert check(HINGE, "w", f"(w - {DATA} / n) * n").code == "scale-factor"
