"""Tabulates derive.checker on the red-team corpus tests/data/check_corpus2.jsonl (issue 11).

python bench/bench_check_corpus2.py [-v]   → rates of correct verdicts, wrong answers accepted,
unreadable inputs and exact diagnosis codes; -v lists every failure."""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import corpus2  # noqa: E402


def main() -> None:
    cases = corpus2.load()
    outcome = collections.Counter()
    coded = coded_ok = 0
    for c in cases:
        got = corpus2.run(c)
        j = corpus2.judge(c, got)
        outcome[j] += 1
        if c["code"] not in (None, "*") and got[0] == c["verdict"]:
            coded += 1
            coded_ok += j == "ok"
        if j != "ok" and "-v" in sys.argv:
            print(
                f"{j:15} {c['id']} {c['net']}:{c['wrt']} [{c['kind']}] {c['text']!r} want {c['verdict']}/{c['code']}"
                f" got {got[0]}/{got[1]}: {got[2].splitlines()[0][:160]}"
            )
    n = len(cases)
    right = n - outcome["wrong-accepted"] - outcome["right-rejected"] - outcome["unreadable"]
    print(
        f"cases {n}: correct verdicts {right} ({100 * right / n:.1f} %), wrong answers accepted "
        f"{outcome['wrong-accepted']}, right answers rejected {outcome['right-rejected']}, unreadable "
        f"{outcome['unreadable']}; exact codes {coded_ok}/{coded} ({100 * coded_ok / max(coded, 1):.1f} %)"
    )


if __name__ == "__main__":
    main()
