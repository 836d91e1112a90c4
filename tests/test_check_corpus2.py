"""The red-team corpus of issue 11, second round (tests/data/check_corpus2.jsonl, written by
tests/data/make_check_corpus2.py): right and wrong derivations in course styles over all ten
built-ins. Each case's verdict is first confirmed against PyTorch by our own oracle
(tests/check_oracle.py), then derive.checker must give that verdict and, where one is named,
that diagnosis code. Rates: bench/bench_check_corpus2.py."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus2  # noqa: E402

CASES = corpus2.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{c['net']}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_is_large_and_covers_every_builtin() -> None:
    from derive.lang.spec import builtin_names

    assert len(CASES) >= 300
    assert {c["net"] for c in CASES} == set(builtin_names())
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 120
    assert sum(c["kind"] == "latex" for c in CASES) >= 50


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


def test_checker_exact_values_are_pytorch_values() -> None:
    """The hand-number cases' exact values (PyTorch, float64) are the checker's exact values."""
    from derive.checker.check import check

    seen = set()
    for c in CASES:
        if c["kind"] == "value" and "exact" in c and (c["net"], c["wrt"]) not in seen:
            seen.add((c["net"], c["wrt"]))
            r = check(c["net"], c["wrt"], value=c["text"])
            assert r.exact == pytest.approx(c["exact"], rel=1e-12, abs=1e-15)
    assert len(seen) >= 6


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus(case: dict) -> None:
    got = corpus2.run(case)
    assert corpus2.judge(case, got) == "ok", got
