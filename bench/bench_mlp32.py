"""`derive verify tests/specs_course/mlp32.toml` (issue 9 item 11: the (32,32,32) ReLU→sigmoid
BCE MLP without [values], goal ≤ 5 s wall): wall time, and CPU time of this process and of the
PyTorch worker it forks, separately (the worker runs on the other core).

    python bench/bench_mlp32.py [runs]   # prints one line per run, and the load average
    BENCH_TREE=/other/tree python bench/bench_mlp32.py   # another tree's derive (a baseline)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tests" / "specs_course" / "mlp32.toml"

CHILD = r"""
import resource, sys, time
t0 = time.perf_counter()
from derive import cli  # main, not run (the derive script ends the process in run)
sys.argv = ["derive", "verify", sys.argv[1]]
try:
    cli.main()
except SystemExit as e:
    code = e.code
else:
    code = 0
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"BENCH {time.perf_counter() - t0:.2f} {me.ru_utime + me.ru_stime:.2f} "
      f"{kids.ru_utime + kids.ru_stime:.2f} {code}", file=sys.stderr)
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    env = {**os.environ, "PYTHONPATH": os.environ.get("BENCH_TREE", str(ROOT))}
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(SPEC)],
            capture_output=True,
            text=True,
            env=env,
            cwd="/",  # `python -c` puts the working folder first on sys.path: not a tree
        )
        wall = time.perf_counter() - t
        line = next(x for x in done.stderr.splitlines() if x.startswith("BENCH"))
        _, inner, parent, worker, code = line.split()
        print(
            f"wall {wall:.2f} s (in-process {inner} s), CPU: main process {parent} s, "
            f"worker {worker} s; exit {code}; load {os.getloadavg()[0]:.2f}"
        )


if __name__ == "__main__":
    main()
