"""Random-network fuzzing against PyTorch float64 and finite differences (issue 9.9).

    OMP_WAIT_POLICY=PASSIVE python bench/bench_fuzz.py [N] [--max-dim 8] [--start 0]
        [--budget SECONDS] [--log FILE] [--oracle]

Derives and verifies N random networks (derive.numeric.fuzz.random_spec, seeds start … start+N−1) in one
process and prints how many matched (every step verified; ours = PyTorch = finite differences =
element-wise at every point), were refused with a one-line message, failed a comparison, or
raised; and the time per network (median, 90th percentile, max). ``--budget`` stops early (the
count says how many ran). ``--oracle`` also runs each network's OWN [forward] text in PyTorch
float64 (tests/spelled_oracle.py: independent of derive's reading of the spellings) and counts
its verdicts (agree / DISAGREE / kink / unsupported / derive-error). Results go to
bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from derive.numeric import fuzz  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--max-dim", type=int, default=8)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--points", type=int, default=2)
    ap.add_argument("--budget", type=float, default=0.0)
    ap.add_argument("--log", default="")
    ap.add_argument("--oracle", action="store_true")
    args = ap.parse_args()
    import torch  # noqa: F401 - imported once, outside the per-network timings

    if args.oracle:
        import warnings

        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from spelled_oracle import oracle_text

        warnings.filterwarnings("ignore")
    verdicts: collections.Counter[str] = collections.Counter()

    counts: collections.Counter[str] = collections.Counter()
    times: list[float] = []
    cpus: list[float] = []  # CPU time (user + sys of this process): the machine is shared
    start = time.perf_counter()
    log = open(args.log, "w") if args.log else None  # noqa: SIM115
    for seed in range(args.start, args.start + args.n):
        c0 = time.process_time()
        o = fuzz.run(seed, max_dim=args.max_dim, points=args.points)
        cpus.append(time.process_time() - c0)
        counts[o.kind] += 1
        times.append(o.seconds)
        line = f"seed {seed}: {o.kind} {o.seconds:.2f} s (CPU {cpus[-1]:.2f} s)"
        if o.kind != "match":
            line += "\n    " + o.detail.strip().replace("\n", "\n    ")
        if args.oracle:
            said = oracle_text(fuzz.random_spec(seed, max_dim=args.max_dim), f"fuzz{seed}")
            verdicts[said.status] += 1
            line += f"\n    oracle: {said.status} {said.reason[:300]}".rstrip()
        print(line, flush=True)
        if log:
            log.write(line + "\n")
            log.flush()
        if args.budget and time.perf_counter() - start > args.budget:
            break
    ran = sum(counts.values())
    times.sort()
    cpus.sort()
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    c90 = cpus[min(len(cpus) - 1, int(0.9 * len(cpus)))]
    summary = (
        f"{ran} networks (dims ≤ {args.max_dim}, seeds {args.start}…{args.start + ran - 1}): "
        f"{counts['match']} matched, {counts['refused']} refused (exit 2), "
        f"{counts['mismatch']} mismatched, {counts['error']} errors; "
        f"per network median {statistics.median(times):.2f} s, p90 {p90:.2f} s, "
        f"max {times[-1]:.2f} s (CPU median {statistics.median(cpus):.2f} s, p90 {c90:.2f} s, "
        f"max {cpus[-1]:.2f} s, over 5 s: {sum(c > 5 for c in cpus)}); "
        f"total {time.perf_counter() - start:.0f} s"
    )
    if args.oracle:
        summary += "; oracle (the text run in PyTorch): " + ", ".join(
            f"{k} {v}" for k, v in sorted(verdicts.items())
        )
    print(summary)
    if log:
        log.write(summary + "\n")
    return 0 if counts["match"] == ran and not verdicts["DISAGREE"] else 1


if __name__ == "__main__":
    sys.exit(main())
