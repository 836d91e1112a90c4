"""The held-out-style corpus of issue 11, eleventh round (tests/corpus11.py): the six older
built-ins weighted most — whole derivations submitted at once (``def backward(...)`` bodies,
Jupyter cells, ``aligned`` blocks, CS231n modular layers), Ng's column-major code on batch-first
networks, index and Einstein notation, MathJax-only macros, Unicode math pasted from Word/PDF,
hand numbers in every spelling, sizes that coincide at the example — and ``derive grade`` on a
batch mixing all kinds with a bad row. Each case with an ``oracle`` has its verdict confirmed
against PyTorch by tests/check_oracle.py; then derive.checker must give that verdict and, where
one is named, that diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus11.py, bench/RESULTS.md "corpus 11"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402
import corpus11  # noqa: E402

CASES = corpus11.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{c['net']}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_weights_the_six_older_builtins() -> None:
    nets = [c["net"] for c in CASES]
    older = ("tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp")
    assert sum(nets.count(n) for n in older) >= 0.8 * len(CASES)
    for net in older + ("rnn", "attention", "batchnorm", "softmax-regression"):
        assert net in nets, net
    assert 250 <= len(CASES) <= 300
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    assert sum(c["lang"] == "zh" for c in CASES) >= 10
    assert sum("def " in c["text"] for c in CASES) >= 10
    assert sum(any(ch in c["text"] for ch in "ᵀ⊙σ′−∑½·") for c in CASES) >= 15
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_10() -> None:
    assert not corpus_common.repeats(CASES, [])
    assert not [c["id"] for c in CASES if corpus11._key(c) in corpus11._earlier()]


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus11(case: dict) -> None:
    got = corpus11.run(case)
    assert corpus11.judge(case, got) == "ok", got


# ---- derive grade on a batch mixing every kind --------------------------------------------------

_BATCH_STYLES = (
    "jupyter-cell-W1",  # numpy cell with comments and blank lines, right
    "t-def-body-W2",  # a whole def body, right
    "latex-aligned-block",  # latex, right
    "unicode-in-code-sign",  # unicode, wrong
    "t-hand-decimal-comma",  # value, right
    "t-hand-1sf",  # value, too few digits
    "hand-W1-numpy-repr",  # a whole matrix as NumPy prints it, right
    "b-cs231n-dout",  # a name of no network: unreadable
)


def _batch() -> tuple[list[dict], list[dict]]:
    picked = [next(c for c in CASES if c["style"] == s and c["lang"] == "en") for s in _BATCH_STYLES]
    rows = []
    for k, c in enumerate(picked):
        row = {"id": f"s{k}", "network": c["net"], "wrt": c["wrt"]}
        row["value" if c["kind"] == "value" else "formula"] = c["text"]
        if k % 2 == 0:  # half the rows say their kind, half leave it to be guessed
            row["kind"] = c["kind"]
        rows.append(row)
    return rows, picked


def test_grade_jsonl_mixing_all_kinds_with_a_line_that_is_not_json(tmp_path: Path) -> None:
    """``derive grade`` on JSON Lines of cells, def bodies, LaTeX, Unicode, hand numbers in a
    decimal comma and a NumPy printout, and one line that is not JSON: every row gets the verdict
    ``derive check`` gives it, the broken line its own error, and the batch goes on."""
    rows, picked = _batch()
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, '{"id": "broken", "network": "mlp-bce", "wrt": ')
    sub = tmp_path / "answers.jsonl"
    sub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "report.json"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run(
        [sys.executable, "-m", "derive", "grade", str(sub), "-o", str(report), "--jobs", "1", "--quiet"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(report.read_text(encoding="utf-8"))
    results = out["results"]
    assert len(results) == len(rows) + 1
    assert [r["verdict"] for r in results].count("error") == 1
    by_id = {r["id"]: r for r in results}
    for row, case in zip(rows, picked):
        got = by_id[row["id"]]
        assert got["verdict"] == case["verdict"], (row, got)
        if case["code"] not in (None, "*"):
            assert got["codes"][0] == case["code"], (row, got)
    assert out["summary"]
