"""Mutation fuzzing of `derive check` against the independent PyTorch oracle (not a test).

    python bench/bench_check_fuzz.py [PER_NET] [--seed S]

Random student-style edits (one or two) of every built-in gradient's right formula
(tests/check_fuzz.py), judged by the oracle (PyTorch at random points where all sizes differ) and
by `derive check`, as text and printed in LaTeX by derive's printer and read back. Prints the
counts: wrong accepted (must be 0), right rejected, unreadable."""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import check_fuzz  # noqa: E402

from derive.lang.spec import builtin_names  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("per_net", nargs="?", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    start = time.perf_counter()
    counts: collections.Counter[str] = collections.Counter()
    edits: collections.Counter[str] = collections.Counter()
    for net in builtin_names():
        for case in check_fuzz.cases(net, args.per_net, args.seed):
            edits[case.edits] += 1
            pairs = (("text", check_fuzz.judge(case)), ("LaTeX", check_fuzz.judge_latex(case)))
            for form, o in pairs:
                if o is None:  # no LaTeX form (shapes that do not fit)
                    continue
                kind = (
                    "wrong accepted"
                    if o.wrong_accepted
                    else "right rejected"
                    if o.false_rejection
                    else "unreadable"
                    if o.verdict == "unreadable"
                    else f"{'right' if o.oracle else 'wrong'} → {o.verdict}"
                )
                counts[f"{form}: {kind}"] += 1
                if kind in ("wrong accepted", "right rejected", "unreadable"):
                    print(f"{form} {kind}: {o.case}", flush=True)
    total = sum(counts.values())
    print(
        f"{total} verdicts on {sum(edits.values())} edited formulas (and their LaTeX) over "
        f"{len(builtin_names())} networks in {time.perf_counter() - start:.0f} s (seed {args.seed})"
    )
    for k, v in sorted(counts.items()):
        print(f"  {k}: {v}")
    print("edits:", ", ".join(f"{k} {v}" for k, v in edits.most_common()))
    return 1 if counts["text: wrong accepted"] or counts["LaTeX: wrong accepted"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
