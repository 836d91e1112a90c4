"""The held-out-style corpus of issue 11, seventh round (tests/corpus7.py): right and wrong
derivations in LaTeX (index notation, bmatrix, diag, \\mathbb{E}, \\text, \\tfrac, BPTT sums,
batch norm's compact backward, attention's softmax Jacobian) and in NumPy/PyTorch code and hand
numbers (x[0] on a 1×n tensor, W[:, 0], clamp masks, CS231n's ``dscores[range(N), y] -= 1``), over
the ten built-ins and four course networks. Each case with an ``oracle`` has its verdict confirmed
against PyTorch by tests/check_oracle.py (not by the checker); then derive.checker must give that
verdict and, where one is named, that diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus7.py, bench/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402
import corpus7  # noqa: E402

CASES = corpus7.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_is_large_and_covers_every_builtin() -> None:
    from derive.lang.spec import builtin_names

    assert len(CASES) >= 250
    assert set(builtin_names()) <= {c["net"] for c in CASES}
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert sum(c["kind"] == "latex" for c in CASES) >= 140
    assert sum(c["kind"] != "latex" for c in CASES) >= 100
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_6() -> None:
    import corpus2
    import corpus3
    import corpus4
    import corpus5
    import corpus6a
    import corpus6b

    earlier = corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load()
    earlier += corpus6a.load() + corpus6b.load()
    assert corpus_common.repeats(CASES, earlier) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus7(case: dict) -> None:
    got = corpus7.run(case)
    assert corpus7.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_cs231n_class_entries_are_the_one_hot_target() -> None:
    """``dscores[range(N), y] -= 1`` (``np.arange``, ``Y.argmax(axis=1)``) is ``dscores - Y``
    where the target is declared one-hot; elsewhere a sentence saying so (was "invalid
    syntax"), in English and Chinese."""
    from derive.checker.check import FormulaError, check

    cell = "dZ = P.copy()\ndZ[range(m), y] -= 1\ndZ /= m\ndW = X.T @ dZ"
    assert check("softmax-regression", "W", cell).ok
    assert check("softmax-regression", "W", cell.replace("range(m), y", "np.arange(m), Y.argmax(axis=1)")).ok
    assert check("softmax-regression", "W", cell.replace("dZ /= m\n", "")).code == "scale-factor"
    assert not check("softmax-regression", "W", cell.replace("-= 1", "+= 1")).ok
    with pytest.raises(FormulaError, match="one-hot") as e:
        check("mlp-bce", "W2", "dZ = A2.copy()\ndZ[range(m), y] -= 1\ndW2 = A1.T @ dZ / m")
    assert "one-hot" in e.value.localized("zh") and "类别" in e.value.localized("zh")
    with pytest.raises(FormulaError, match="labels"):
        check("softmax-regression", "W", cell.replace("range(m), y", "range(m), X"))
