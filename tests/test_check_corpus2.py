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


# ---- the fixes of round 2, one test each ---------------------------------------------------------


def test_grade_summary_in_chinese(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    subs = tmp_path / "subs.csv"
    subs.write_text(
        "id,network,wrt,formula\n1,mlp-bce,W2,A1.T @ dZ2\n2,mlp-bce,W2,A1.T @ (A2 - Y)\n", "utf-8"
    )
    res = CliRunner().invoke(
        main, ["grade", str(subs), "-o", str(tmp_path / "r.csv"), "--lang", "zh", "--quiet"]
    )
    assert res.exit_code == 0, res.output
    md = (tmp_path / "r.summary.md").read_text("utf-8")
    assert "错误代码" in md and "判定" in md and "正确" in md
    assert "mistake code" not in md and "| correct |" not in md
    assert "`scale-factor`" in md  # codes are identifiers


def test_latex_messages_name_tensors_in_latex() -> None:
    import re

    from derive.checker.check import check

    for wrt, text in [
        ("Z1", r"\delta^{[2]} W^{[2]\top} \odot \sigma'(Z^{[1]})"),
        ("W2", r"\frac{1}{m} A^{[1]} (A^{[2]} - Y)"),
        ("Z1", r"\delta^{[2]} W^{[2]\top} \odot g'(Z^{[2]})"),
        ("b2", r"\delta^{[2]}"),
    ]:
        r = check("mlp-bce", wrt, text, latex=True)
        assert not r.ok
        for d in r.diagnoses:
            outside = re.sub(r"\$[^$]*\$", "", d.message)  # text outside the LaTeX formulas
            assert not re.search(r"\b(A1|A2|W2|Z1|Z2|dZ2|b2)\b|\.T\b", outside), d.message


def test_wrong_layer_of_an_activation_derivative() -> None:
    from derive.checker.check import check

    r = check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \odot g'(Z^{[2]})", latex=True)
    assert r.code == "wrong-layer" and "Z^{[1]}" in r.diagnoses[0].message
    r = check("mlp-bce", "Z1", "dZ2 @ W2.T * A2 * (1 - A2)")
    assert [d.code for d in r.diagnoses] == ["wrong-layer", "wrong-activation-derivative"]


def test_sizes_told_apart_on_the_real_network() -> None:
    """The re-check at other sizes runs the network at those sizes: a batch mean stays a mean
    (batchnorm's compact formula is right, with n for m it is wrong); a batch of one is resized too."""
    from derive.checker.check import check

    compact = "gamma / ({k} * np.sqrt(var + eps)) * ({k} * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))"
    assert check("batchnorm", "Z", compact.format(k="m")).ok
    assert not check("batchnorm", "Z", compact.format(k="n")).ok
    assert check(
        "batchnorm", "mu", "np.sum(-dZ_hat / np.sqrt(var + eps), axis=0, keepdims=True)"
    ).ok
    r = check("rnn", "b", "dz_1 + dz_2")  # m = 1 here, but the batch size is a name: summed
    assert r.code == "bias-not-summed" and "a size is 1" in r.text()
    assert check("rnn", "b", "np.sum(dz_1 + dz_2, axis=0, keepdims=True)").ok
    r = check("rnn", "h_2", "m * (h_2 - y)")  # a factor of a size that is 1 here
    assert r.code == "scale-factor" and "not a mean" in r.text()
    r = check("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_h")
    assert r.code == "scale-factor"
