"""The held-out-style corpus of issue 11, sixth round, part a (tests/corpus6a.py): code input in
course styles, hand numbers and element-wise formulas. Each case with an ``oracle`` has its
verdict confirmed against PyTorch by tests/check_oracle.py (not by the checker); then
derive.checker must give that verdict and, where one is named, that diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus6a.py, bench/RESULTS.md."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus6a  # noqa: E402

from derive.checker.check import FormulaError, check  # noqa: E402, F401

CASES = corpus6a.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_is_large_and_covers_every_builtin() -> None:
    from derive.lang.spec import builtin_names

    assert len(CASES) >= 250
    assert set(builtin_names()) <= {c["net"] for c in CASES}
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert sum(c["kind"] == "value" for c in CASES) >= 80
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 30
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_5() -> None:
    import corpus2
    import corpus3
    import corpus4
    import corpus5

    seen = {
        (c["net"], c["wrt"], c["kind"], c["text"].strip())
        for c in corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load()
    }
    repeats = [c["id"] for c in CASES if (c["net"], c["wrt"], c["kind"], c["text"].strip()) in seen]
    assert repeats == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    import check_oracle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert check_oracle.oracle_ok(case["net"], case["wrt"], case["oracle"]) == (
            case["verdict"] == "correct"
        )


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus6a(case: dict) -> None:
    got = corpus6a.run(case)
    assert corpus6a.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------
