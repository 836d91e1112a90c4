"""Tabulates derive.checker on the red-team corpus tests/data/check_corpus2.jsonl (issue 11).

python bench/bench_check_corpus2.py [-v] [--fast]   → rates of correct verdicts, wrong answers
accepted, unreadable inputs and exact diagnosis codes; -v lists every failure. ``--fast`` answers
as ``derive check`` does with every network's compiled form cached (in a temporary folder): the
fast path first (derive/checker/fastpath.py), the full checker where it does not answer; it also
counts the cases the fast path answered."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import corpus2  # noqa: E402


def _fast_runner(cases: list[dict]):  # type: ignore[no-untyped-def]
    """``corpus2.run`` behind the CLI's fast path, every network compiled into a fresh cache."""
    import os
    import tempfile

    from derive import cache
    from derive.checker import compiled, fastpath
    from derive.checker.checknet import net_for

    os.environ["DERIVE_CACHE"] = tempfile.mkdtemp()
    for net in sorted({c["net"] for c in cases}):
        text = fastpath.spec_text(net)
        key = fastpath.name_for(text)
        data = compiled.build(net_for(net, 0), key)
        if data is not None:
            cache.write(fastpath.KIND, f"{key}.json", data)
    answered = collections.Counter()

    def run(c: dict) -> tuple[str, str | None, str]:
        if c["kind"] == "numpy":
            out = fastpath.answer(c["net"], c["wrt"], c["text"], as_json=True)
            if out is not None:
                found = json.loads(out[0])
                answered[found["verdict"]] += 1
                code = found["diagnoses"][0]["code"] if found["diagnoses"] else None
                return found["verdict"], code, out[0]
        return corpus2.run(c)

    return run, answered


def main() -> None:
    cases = corpus2.load()
    outcome = collections.Counter()
    coded = coded_ok = 0
    run, answered = _fast_runner(cases) if "--fast" in sys.argv else (corpus2.run, None)
    for c in cases:
        got = run(c)
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
    if answered is not None:
        right = sum(c["verdict"] == "correct" for c in cases)
        print(
            f"fast path: answered {answered['correct']} of the {right} right answers "
            f"and {answered['incorrect']} of the {len(cases) - right} wrong ones (NumPy and LaTeX "
            f"formulas, numbers); the rest by the full checker"
        )


if __name__ == "__main__":
    main()
