"""Runs the red-team corpus tests/data/check_corpus2.jsonl through derive.checker (shared by
tests/test_check_corpus2.py and bench/bench_check_corpus2.py)."""

from __future__ import annotations

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "check_corpus2.jsonl"


def load() -> list[dict]:
    return [
        json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def run(case: dict) -> tuple[str, str | None, str]:
    """(verdict, code, message): verdict "unreadable" for a FormulaError."""
    from derive.checker.check import FormulaError, check

    try:
        if case["kind"] == "value":
            r = check(case["net"], case["wrt"], value=case["text"])
        else:
            r = check(case["net"], case["wrt"], case["text"], latex=case["kind"] == "latex")
    except FormulaError as e:
        return "unreadable", None, e.message
    return r.verdict, r.code, r.text()


def judge(case: dict, got: tuple[str, str | None, str]) -> str:
    """ "ok", "wrong-accepted", "right-rejected", "unreadable" or "wrong-code"."""
    verdict, code, _ = got
    if verdict == "unreadable":
        return "unreadable"
    if verdict != case["verdict"]:
        return "wrong-accepted" if verdict == "correct" else "right-rejected"
    if case["code"] not in (None, "*") and code != case["code"]:
        return "wrong-code"
    return "ok"
