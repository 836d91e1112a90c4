"""``derive check`` throughput (not a test): an autograder's load, start-up included.

    python bench/bench_check.py [--n 1000] [--write]

Runs a fresh interpreter that imports ``derive.checker.check`` and checks ``n`` submissions (a mix of
right and wrong formulas for ``mlp-bce``, a few in LaTeX, cycled), and reports the wall time of
the whole process — interpreter start-up, imports and the one derivation included — and the
checks per second. Target: 1000 formulas in under 5 s. ``--write`` appends (or replaces) the
section ``## derive check throughput`` of ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

# (wrt, formula, latex): a class's worth of submissions, right and wrong
SUBMISSIONS: list[tuple[str, str, bool]] = [
    ("W2", "A1.T @ dZ2", False),
    ("W2", "A1.T @ (A2 - Y) / m", False),
    ("W2", "A1 @ dZ2", False),
    ("W2", "A1.T @ dZ2 / m", False),
    ("W2", "dZ2.T @ A1", False),
    ("W2", "dZ2 @ A1", False),
    ("W2", "-A1.T @ dZ2", False),
    ("W2", "A1.T @ (A2 - Y)", False),
    ("b2", "sum(dZ2, axis=0)", False),
    ("b2", "np.sum(dZ2, axis=0, keepdims=True)", False),
    ("b2", "dZ2", False),
    ("Z2", "(A2 - Y) / m", False),
    ("Z2", "A2 - Y", False),
    ("Z2", "dA2 * A2 * (1 - A2)", False),
    ("Z2", "dA2", False),
    ("A1", "dZ2 @ W2.T", False),
    ("A1", "dZ2 @ W2", False),
    ("Z1", "dA1 * (Z1 > 0)", False),
    ("Z1", "dA1 * (Z1 >= 0)", False),
    ("Z1", "dA1", False),
    ("Z1", "dA1 * A1 * (1 - A1)", False),
    ("W1", "X.T @ dZ1", False),
    ("W1", "X.T @ ((dZ2 @ W2.T) * (Z1 > 0))", False),
    ("W1", "X @ dZ1", False),
    ("W1", "dZ1.T @ X", False),
    ("W1", "X.T @ (dZ2 @ W2.T)", False),
    ("W1", "X.T @ dZ1 + X", False),
    ("b1", "sum(dZ1, axis=0)", False),
    ("b1", "dZ1", False),
    ("b1", "sum(dZ1, axis=1)", False),
    ("W2", r"\frac{1}{m} A^{[1]\top} (\hat{Y} - Y)", True),
    ("W2", r"A^{[1]T} dZ^{[2]}", True),
    ("Z1", r"dA^{[1]} \odot \mathbf{1}[Z^{[1]} > 0]", True),
    ("b1", r"\sum_{i} \delta_{Z^{[1]}}", True),
]

WORKER = """
import sys, time, json
t0 = time.perf_counter()
from derive.checker.check import check
t1 = time.perf_counter()
subs = json.loads(sys.argv[1])
n = int(sys.argv[2])
right = 0
for k in range(n):
    wrt, formula, latex = subs[k % len(subs)]
    right += check("mlp-bce", wrt, formula, latex=latex).ok
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "checks": t2 - t1, "right": right}))
"""


def run(n: int) -> dict[str, float]:
    import json

    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(SUBMISSIONS), str(n)],
        check=True,
        capture_output=True,
        text=True,
    )
    total = time.perf_counter() - start
    data = json.loads(out.stdout)
    return {"total": total, **data}


def write(line: str) -> None:
    path = Path(__file__).with_name("RESULTS.md")
    text = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    section = f"## derive check throughput\n\n{line}\n"
    pattern = re.compile(r"## derive check throughput\n.*?(?=\n## |\Z)", re.S)
    if pattern.search(text):
        text = pattern.sub(section.rstrip("\n"), text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text if text.endswith("\n") else text + "\n", "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = ap.parse_args()
    r = run(args.n)
    rate = args.n / r["total"]
    line = (
        f"Machine: {platform.machine()}, Python {platform.python_version()}; command: "
        f"`python bench/bench_check.py`. {args.n} `mlp-bce` submissions "
        f"({len(SUBMISSIONS)} distinct, {int(r['right'])} right), one process: "
        f"**{r['total']:.2f} s** wall time including start-up ({r['import']:.2f} s "
        f"imports; {r['checks']:.2f} s checking, first derivation included) — "
        f"**{rate:.0f} formulas/s** overall, {args.n / r['checks']:.0f}/s after import. "
        f"Target: 1000 in < 5 s."
    )
    print(line)
    if args.write:
        write(line)


if __name__ == "__main__":
    main()
