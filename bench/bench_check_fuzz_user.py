"""Mutation fuzzing of `derive check` on user networks (spec files) against the spelled-code
oracle (not a test).

    python bench/bench_check_fuzz_user.py [PER_SPEC] [--seed S] [--specs a,b,...] [--values]

Random student-style edits (one or two) of each parameter's right formula on the course specs
of tests/check_fuzz_user.py, judged by the oracle (the spec's own text run in PyTorch at random
points where all sizes differ) and by `derive check`, as text and in LaTeX as derive prints it.
Also the right formulas themselves (text and LaTeX round trip) and, with --values, hand numbers of
entry [0,0] (right to 4 digits, and off by a rounding slip of 3 %). Prints the counts: wrong
accepted (must be 0), right rejected, unreadable, crashes."""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import check_fuzz  # noqa: E402
import check_fuzz_user as cfu  # noqa: E402

BAD = ("wrong accepted", "right rejected", "unreadable", "crash")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("per_spec", nargs="?", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--specs", default="")
    ap.add_argument("--values", action="store_true")
    args = ap.parse_args()
    names = args.specs.split(",") if args.specs else cfu.SPECS
    start = time.perf_counter()
    counts: collections.Counter[str] = collections.Counter()
    edits: collections.Counter[str] = collections.Counter()
    used = 0
    for name in names:
        path = cfu.spec_path(name)
        try:
            right, gaps = cfu.pool(path)
        except Exception as err:  # noqa: BLE001 - a spec the fuzz cannot start from
            print(f"skipped {name}: {type(err).__name__}: {err}", flush=True)
            continue
        for wrt, text in gaps:
            print(f"oracle gap {name} {wrt}: {text}", flush=True)
        if not right:
            print(f"skipped {name}: no right formula the oracle confirms", flush=True)
            continue
        used += 1
        verdicts = cfu.right_verdicts(path, right)
        if not cfu.editable(right):
            print(f"{name}: no right formula in the language's grammar to edit", flush=True)
        editable = cfu.editable(right)
        cases = check_fuzz.cases(path, args.per_spec, args.seed, pool=editable) if editable else []
        for case in cases:
            edits[case.edits] += 1
            verdicts += [v for v in (cfu.judge(case), cfu.judge(case, True)) if v is not None]
        for v in verdicts:
            tag = "right formula" if v.case.edits == "none" else "mutant"
            counts[f"{tag} {v.form}: {v.kind}"] += 1
            if v.kind in BAD or v.kind == "oracle cannot read":
                what = f"{name} d{v.case.wrt}: {v.case.text} {v.detail}"
                print(f"{v.form} {v.kind} [{v.code}] {what}", flush=True)
        if args.values:
            for p, text, want, got in cfu.value_verdicts(path, list(cfu.load(path).params)):
                counts[f"hand number ({want}): {got.split(':')[0]}"] += 1
                if got != want:
                    print(f"value {name} {p} {text}: want {want}, got {got}", flush=True)
    total = sum(counts.values())
    print(
        f"{total} verdicts on {sum(edits.values())} edited formulas over {used} specs in "
        f"{time.perf_counter() - start:.0f} s (seed {args.seed}, {args.per_spec} per spec)"
    )
    for k, v in sorted(counts.items()):
        print(f"  {k}: {v}")
    print("edits:", ", ".join(f"{k} {v}" for k, v in edits.most_common()))
    return 1 if any("wrong accepted" in k for k in counts) else 0


if __name__ == "__main__":
    raise SystemExit(main())
