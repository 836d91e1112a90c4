"""Mutation fuzzing of ``derive check`` against the independent PyTorch oracle
(tests/check_fuzz.py): random student-style edits of every built-in gradient's right formula.
No wrong formula may be accepted, no right one rejected, and every generated text (the checker's
own printed language) must be readable. bench/bench_check_fuzz.py runs a larger sample."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
pytest.importorskip("torch")
import check_fuzz  # noqa: E402

from derive.lang.spec import builtin_names  # noqa: E402

PER_NET = 15


@pytest.mark.slow
@pytest.mark.parametrize("net", builtin_names())
def test_edited_formulas_judged_as_the_oracle_judges_them(net: str) -> None:
    outcomes = [check_fuzz.judge(c) for c in check_fuzz.cases(net, PER_NET, seed=0)]
    assert len(outcomes) == PER_NET
    assert any(not o.oracle for o in outcomes)  # the sample has wrong formulas to catch
    for o in outcomes:
        assert not o.wrong_accepted, f"wrong formula accepted: {o.case}"
        assert not o.false_rejection, f"right formula rejected ({o.code}): {o.case}"
        assert o.verdict != "unreadable", f"own printed language unreadable: {o.case}"


@pytest.mark.slow
@pytest.mark.parametrize("net", builtin_names())
def test_edited_formulas_in_latex_judged_alike(net: str) -> None:
    """Each edited formula printed in LaTeX (derive's printer) and read back: the same verdict."""
    judged = 0
    for case in check_fuzz.cases(net, PER_NET, seed=0):
        o = check_fuzz.judge_latex(case)
        if o is None:
            continue
        judged += 1
        assert not o.wrong_accepted, f"wrong LaTeX formula accepted: {o.case}"
        assert not o.false_rejection, f"right LaTeX formula rejected ({o.code}): {o.case}"
        assert o.verdict != "unreadable", f"own printed LaTeX unreadable: {o.case}"
    assert judged >= PER_NET // 3


@pytest.mark.slow
def test_the_oracle_accepts_every_seed_and_rejects_a_plain_mistake() -> None:
    """The oracle itself: every unedited formula is right by it; a missing transpose is not."""
    for net in builtin_names():
        for wrt, text in check_fuzz.seeds(net):
            assert check_fuzz.oracle_right(net, wrt, text), (net, wrt, text)
    assert not check_fuzz.oracle_right("mlp-bce", "W2", "A1 @ dZ2")
    assert not check_fuzz.oracle_right("mlp-bce", "W2", "A1.T @ dZ2 / n_in")  # sizes differ
