"""The shared runner of the checker's corpus benches (bench_check_corpus2.py, ..._corpus3.py):
rates of correct verdicts, wrong answers accepted, unreadable inputs and exact diagnosis codes;
``-v`` lists every failure. ``--fast`` answers as ``derive check`` does with every network's
compiled form cached (in a temporary folder): the fast path first (derive/checker/fastpath.py),
the full checker where it does not answer; it also counts the cases the fast path answered."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _fast_runner(corpus, cases: list[dict]):  # type: ignore[no-untyped-def]
    """``corpus.run`` behind the CLI's fast path, every network compiled into a fresh cache."""
    import os
    import tempfile

    from derive import cache
    from derive.checker import compiled, fastpath
    from derive.checker.checknet import net_for

    os.environ["DERIVE_CACHE"] = tempfile.mkdtemp()
    for net in sorted({c["net"] for c in cases}):
        text = fastpath.spec_text(net)
        key = fastpath.name_for(text)
        try:
            data = compiled.build(net_for(net, 0), key)
        except Exception:  # noqa: BLE001 - as derive.cli: a network that does not compile
            continue  # has no fast path (hn18_ldam_margin: its binary points leave the domain)
        if data is not None:
            cache.write(fastpath.KIND, f"{key}.json", data)
    answered = collections.Counter()

    def run(c: dict) -> tuple[str, str | None, str]:
        if c["kind"] in ("numpy", "latex"):
            latex = c["kind"] == "latex"
            lang = c.get("lang", "en")
            out = fastpath.answer(
                c["net"], c["wrt"], c["text"], as_json=True, latex=latex, lang=lang
            )
            if out is not None:
                found = json.loads(out[0])
                answered[found["verdict"]] += 1
                code = found["diagnoses"][0]["code"] if found["diagnoses"] else None
                return found["verdict"], code, out[0]
        return corpus.run(c)

    return run, answered


def main(corpus) -> None:  # type: ignore[no-untyped-def]
    """Rates on ``corpus`` (a module with ``load``, ``run``, ``judge``; per round where its
    cases have one)."""
    cases = corpus.load()
    outcome = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    rounds: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    coded = coded_ok = 0
    run, answered = _fast_runner(corpus, cases) if "--fast" in sys.argv else (corpus.run, None)
    for c in cases:
        got = run(c)
        j = corpus.judge(c, got)
        outcome[j] += 1
        kinds[c["kind"]] += j != "ok"
        if "round" in c:
            rounds[c["round"]]["cases"] += 1
            rounds[c["round"]][j] += 1
        if c["code"] not in (None, "*") and got[0] == c["verdict"]:
            coded += 1
            coded_ok += j == "ok"
        if j != "ok" and "-v" in sys.argv:
            print(
                f"{j:15} {c['id']} {c['net']}:{c['wrt']} [{c['kind']}] {c['text']!r} want {c['verdict']}/{c['code']}"
                f" got {got[0]}/{got[1]}: {got[2].splitlines()[0][:160]}"
            )
    n = len(cases)
    for name, r in sorted(rounds.items()):
        bad = r["wrong-accepted"] + r["right-rejected"] + r["unreadable"]
        print(
            f"  round {name}: {r['cases']} cases, correct verdicts {r['cases'] - bad} "
            f"({100 * (r['cases'] - bad) / r['cases']:.1f} %), wrong accepted {r['wrong-accepted']}, "
            f"right rejected {r['right-rejected']}, unreadable {r['unreadable']}, wrong code {r['wrong-code']}"
        )
    if "-v" in sys.argv:
        for kind in ("numpy", "latex", "value"):
            ks = [c for c in cases if c["kind"] == kind]
            print(f"  {kind}: {len(ks)} cases, failures {kinds[kind]}")
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
            f"(and {answered['incorrect']} wrong ones); the rest by the full checker"
        )
