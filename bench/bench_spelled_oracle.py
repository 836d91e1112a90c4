"""The spelled-code oracle (tests/spelled_oracle.py, issue 9) over every course spec, the
built-ins and N fuzz networks: each spec's OWN [forward] text run in PyTorch float64 against
derive's loss and gradients at the example point.

    python bench/bench_spelled_oracle.py [--fuzz N] [--max-dim 8] [--no-specs]

Prints agree / DISAGREE / unsupported / derive-error, each non-agreement with its reason, and the
wall time. Results go to bench/RESULTS.md ("Spelled-code oracle") by hand.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from spelled_oracle import Outcome, all_specs, oracle, oracle_text  # noqa: E402

from derive.numeric import fuzz  # noqa: E402


def _tally(label: str, outs: list[Outcome], seconds: float) -> None:
    counts = collections.Counter(o.status for o in outs)
    for o in outs:
        if o.status != "agree":
            print(f"  {o.status:12} {o.spec}: {o.reason[:240]}")
    worst = max((w for o in outs if o.status == "agree" for w in o.worst.values()), default=0.0)
    print(f"{label}: {dict(counts)} of {len(outs)}; worst agreeing gradient diff {worst:.1e};")
    print(f"  {seconds:.0f} s wall")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=500)
    ap.add_argument("--max-dim", type=int, default=8)
    ap.add_argument("--no-specs", action="store_true")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    if not args.no_specs:
        t = time.perf_counter()
        outs = [oracle(p) for p in all_specs()]
        _tally("course specs + built-ins", outs, time.perf_counter() - t)
    if args.fuzz:
        t = time.perf_counter()
        outs = [
            oracle_text(fuzz.random_spec(s, max_dim=args.max_dim), f"fuzz{s}")
            for s in range(args.fuzz)
        ]
        _tally(f"fuzz 0..{args.fuzz - 1} (max_dim {args.max_dim})", outs, time.perf_counter() - t)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
