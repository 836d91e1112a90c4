"""The notation sweep (tests/notation_sweep.py, issue 11): every built-in's every parameter, its
right gradient written as NumPy, PyTorch, lecture-note LaTeX and Chinese notes write it. A right
answer judged wrong counts against the checker as much as a wrong one accepted, so each case must
be read and accepted — by the full checker and, where it answers, by the CLI's fast path. The
gradient each notation spells is confirmed against PyTorch by the independent oracle
(tests/check_oracle.py). Rates: bench/bench_check_notation.py, bench/RESULTS.md."""

from __future__ import annotations

import collections
import os
import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_oracle  # noqa: E402
import notation_sweep  # noqa: E402

from derive import cache  # noqa: E402
from derive.checker import compiled, fastpath  # noqa: E402
from derive.checker.check import FormulaError, check  # noqa: E402
from derive.checker.checknet import net_for  # noqa: E402
from derive.lang.spec import builtin_names, load  # noqa: E402

CASES = notation_sweep.CASES


def test_the_sweep_covers_every_builtin_parameter_in_six_notations() -> None:
    count = collections.Counter((net, wrt) for net, wrt, _, _ in CASES)
    for net in builtin_names():
        for param in load(net).params:
            assert count[(net, param)] >= 6, (net, param, count[(net, param)])
            assert (net, param) in notation_sweep.ORACLE, (net, param)
    kinds = {kind.split("-")[0] for *_, kind in CASES}
    assert {"numpy", "pytorch", "latex", "leibniz", "zh"} <= kinds
    assert len(set(CASES)) == len(CASES)


@pytest.mark.parametrize(("net", "wrt"), sorted(notation_sweep.ORACLE))
def test_each_gradient_of_the_sweep_is_pytorchs(net: str, wrt: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert check_oracle.oracle_ok(net, wrt, notation_sweep.ORACLE[(net, wrt)]), (net, wrt)


@pytest.mark.parametrize(
    ("net", "wrt", "text", "kind"),
    [pytest.param(*c, id=f"{c[0]}:{c[1]}:{c[3]}:{i}") for i, c in enumerate(CASES)],
)
def test_a_right_answer_in_any_notation_is_accepted(
    net: str, wrt: str, text: str, kind: str
) -> None:
    try:
        r = check(net, wrt, text)
    except FormulaError as err:  # unreadable counts as a failure
        pytest.fail(f"unreadable: {err.localized('en')}")
    assert r.ok and r.code is None, r.text()


@pytest.fixture(scope="module")
def compiled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every built-in's compiled form in a private cache folder (the fast path reads it)."""
    where = tmp_path_factory.mktemp("notation-cache")
    old = os.environ.get("DERIVE_CACHE")
    os.environ["DERIVE_CACHE"] = str(where)
    try:
        for net in sorted({c[0] for c in CASES}):
            key = fastpath.name_for(fastpath.spec_text(net))
            data = compiled.build(net_for(net, 0), key)
            assert data is not None
            cache.write(fastpath.KIND, f"{key}.json", data)
    finally:
        if old is None:
            os.environ.pop("DERIVE_CACHE", None)
        else:
            os.environ["DERIVE_CACHE"] = old
    return where


def test_the_fast_path_never_rejects_a_right_answer_of_the_sweep(
    compiled_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERIVE_CACHE", str(compiled_store))
    answered = 0
    for net, wrt, text, _ in CASES:
        out = fastpath.answer(net, wrt, text)
        if out is not None:
            answered += 1
            assert out[1] == 0, (net, wrt, text, out[0])
    assert answered >= len(CASES) // 2  # the common notations are answered without SymPy
