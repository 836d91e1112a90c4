"""``derive grade`` on a class-sized batch (not a test): 10,000 mixed submissions.

    python bench/bench_grade.py [--n 10000] [--jobs N] [--write]

Builds a submissions CSV — six networks, NumPy, LaTeX and hand-computed numbers, right and wrong,
drawn with a fixed seed from a pool of distinct answers; every hand-computed number is drawn
at random near its entry's value (so most numbers are distinct), and formulas get random
spacing — then times ``python -m derive grade`` in a fresh process (start-up, imports and the
derivations included). Target: 10,000 submissions in <= 20 s on 2 cores. Also times one CLI
check (target <= 0.6 s; ``--check-only`` times only that). ``--write`` replaces the section
``## derive grade`` of ``bench/RESULTS.md``. The machine's load average is printed with the
numbers: other processes on a shared machine slow every figure down.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMULAS: list[tuple[str, str, str, str]] = [  # (network, wrt, formula, kind)
    ("mlp-bce", "W2", "A1.T @ dZ2", "numpy"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m", "numpy"),
    ("mlp-bce", "W2", "np.dot(A1.T, A2 - Y) / X.shape[0]", "numpy"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / len(Y)", "numpy"),
    ("mlp-bce", "W2", "A1 @ dZ2", "numpy"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_in", "numpy"),
    ("mlp-bce", "W2", "dZ2.T @ A1", "numpy"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y)", "numpy"),
    ("mlp-bce", "W2", "X.T @ dZ2", "numpy"),
    ("mlp-bce", "b2", "np.sum(dZ2, axis=0, keepdims=True)", "numpy"),
    ("mlp-bce", "b2", "dZ2", "numpy"),
    ("mlp-bce", "b1", "np.ones((1, m)) @ dZ1", "numpy"),
    ("mlp-bce", "b1", "sum(dZ1, axis=1)", "numpy"),
    ("mlp-bce", "Z1", "dA1 * (Z1 > 0).astype(float)", "numpy"),
    ("mlp-bce", "Z1", "dA1 * np.where(Z1 > 0, 1, 0)", "numpy"),
    ("mlp-bce", "Z1", "dA1 * np.int64(Z1 > 0)", "numpy"),
    ("mlp-bce", "Z1", "dA1 * (Z1 >= 0)", "numpy"),
    ("mlp-bce", "Z1", "dA1 * A1 * (1 - A1)", "numpy"),
    ("mlp-bce", "W1", "X.T @ ((dZ2 @ W2.T) * (Z1 > 0))", "numpy"),
    ("mlp-bce", "W1", "X.T @ (dZ2 @ W2.T)", "numpy"),
    ("mlp-bce", "W1", "dZ1 @ X.T", "numpy"),
    ("mlp-bce", "W2", r"\frac{1}{m} A^{[1]\top} (\hat{Y} - Y)", "latex"),
    ("mlp-bce", "W2", r"$A^{[1]T} dZ^{[2]}$.", "latex"),
    (
        "mlp-bce",
        "W2",
        r"\frac{\partial L}{\partial Z^{[2]}} \frac{\partial Z^{[2]}}{\partial W^{[2]}}",
        "latex",
    ),
    ("mlp-bce", "Z1", r"dA^{[1]} \odot g'(Z^{[1]})", "latex"),
    ("mlp-bce", "Z1", r"dA^{[1]} \odot [Z^{[1]} > 0]", "latex"),
    ("mlp-bce", "Z1", r"dA^{[1]} \odot \sigma'(Z^{[1]})", "latex"),
    ("mlp-bce", "b1", r"\sum_{i} \delta_{Z^{[1]}}", "latex"),
    ("mlp-bce-weighted", "Z2", "(A2 - Y) / m", "numpy"),
    ("mlp-bce-weighted", "W2", "A1.T @ dZ2", "numpy"),
    ("tiny-mlp", "w11", "dh1_raw * x1", "numpy"),
    ("tiny-mlp", "w11", "dy_pred * v1 * h1 * (1 - h1) * x1", "numpy"),
    ("tiny-mlp", "w11", "dy_pred * v1 * x1", "numpy"),
    ("tiny-mlp", "w11", r"\delta_{h_{1,\text{raw}}} \cdot x_{1}", "latex"),
    (
        "tiny-mlp",
        "h_raw",
        r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h} h (1-h)",
        "latex",
    ),
    ("tiny-mlp", "W1", "X.T @ dh_raw", "numpy"),
    ("tiny-mlp", "W1", "X @ dh_raw", "numpy"),
    ("neuron", "w", "(O - t) * O * (1 - O) * x", "numpy"),
    ("neuron", "w", "(O - t) * x", "numpy"),
    ("chain", "w", "dv * u * x", "numpy"),
    ("relu-mlp", "w2", "h_relu.T @ dy_pred", "numpy"),
    ("relu-mlp", "w2", "h_relu @ dy_pred", "numpy"),
    ("mlp-bce", "W2", "A3.T @ dZ2", "numpy"),  # unreadable
]
VALUES: list[tuple[str, str, float]] = [  # (network, entry, exact value)
    ("tiny-mlp", "w11", -0.0136680920634764),
    ("tiny-mlp", "v1", -0.113898237742525),
    ("mlp-bce", "W1[0,0]", -0.233637673235782),
    ("mlp-bce-weighted", "W2[0,0]", -0.42363142052085884),
    ("neuron", "w0", -0.0612256731052188),
]


def make(n: int, seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        if rng.random() < 0.25:
            net, wrt, exact = rng.choice(VALUES)
            digits = rng.choice([2, 3, 3, 4, 4, 5])
            x = exact * rng.choice([1, 1, 1, 1.001, 0.98, -1, 2, 0.5]) * (1 + rng.gauss(0, 3e-4))
            rows.append(
                dict(
                    id=f"s{k}",
                    network=net,
                    wrt=wrt,
                    formula="",
                    value=f"{x:.{digits}g}",
                    kind="value",
                )
            )
        else:
            net, wrt, formula, kind = rng.choice(FORMULAS)
            if kind == "numpy" and rng.random() < 0.5:  # students space things differently
                formula = re.sub(r"\s+", lambda _: " " * rng.randint(0, 2), formula)
            rows.append(
                dict(id=f"s{k}", network=net, wrt=wrt, formula=formula, value="", kind=kind)
            )
    return rows


CHECK = ["check", "mlp-bce", "--wrt", "W2", "A1.T @ dZ2"]


def _timed(env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``runs`` fresh ``python -m derive check …`` processes."""
    wall, cpu = [], []
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "derive", *CHECK], env=env, capture_output=True, text=True
        )
        wall.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
        if done.returncode != 0 or "✓" not in done.stdout:
            sys.exit(f"derive {' '.join(CHECK)} failed: {done.stdout}{done.stderr}")
    return wall, cpu


def one_check(env: dict[str, str], runs: int = 5) -> str:
    """One CLI check in a fresh process, with its own cache: the first (nothing cached: the
    derivation, the check, the compiled form written), then best of ``runs`` with the compiled
    form cached (the fast path, no SymPy), and best of ``runs`` of the slow path with only the
    derivation cached (``DERIVE_CHECK_FAST=0``) for comparison."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**env, "DERIVE_CACHE": tmp}
        load = os.getloadavg()[0]
        cold, cold_cpu = _timed(env, 1)
        fast, fast_cpu = _timed(env, runs)
        slow, slow_cpu = _timed({**env, "DERIVE_CHECK_FAST": "0"}, runs)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        for _ in range(runs):
            subprocess.run([sys.executable, "-c", "pass"], env=env, capture_output=True)
        py = (time.perf_counter() - t0) / runs
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        py_cpu = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) / runs
    return (
        f"- one CLI check (`derive check mlp-bce --wrt W2 'A1.T @ dZ2'`, fresh process, load "
        f"average {load:.1f}): network cached (the fast path: no SymPy) best of {runs} "
        f"**{min(fast):.2f} s** wall, {min(fast_cpu):.2f} s CPU "
        f"(median {sorted(fast)[runs // 2]:.2f} s wall). Target: <= 0.6 s. Slow path with the "
        f"derivation cached (`DERIVE_CHECK_FAST=0`): "
        f"{min(slow):.2f} s wall, {min(slow_cpu):.2f} s CPU; first check, nothing cached "
        f"(derive, check, compile): {cold[0]:.2f} s wall, {cold_cpu[0]:.2f} s CPU; bare "
        f"`python -c pass`: {py:.2f} s wall, {py_cpu:.2f} s CPU.\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check-only", action="store_true", help="only time one CLI check")
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "OMP_NUM_THREADS": "1"}
    if args.check_only:
        print(one_check(env))
        return
    rows = make(args.n)
    distinct = len(
        {(r["network"], r["wrt"], re.sub(r"\s+", " ", r["formula"]), r["value"]) for r in rows}
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "subs.csv"
        with src.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
        cmd = [
            sys.executable,
            "-m",
            "derive",
            "grade",
            str(src),
            "-o",
            str(Path(tmp) / "r.csv"),
            "--quiet",
        ]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        load0 = os.getloadavg()[0]
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        res = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        if res.returncode != 0:
            sys.exit(res.stderr)
        with (Path(tmp) / "r.csv").open(encoding="utf-8") as f:
            verdicts = [r["verdict"] for r in csv.DictReader(f)]
    counts = {v: verdicts.count(v) for v in sorted(set(verdicts))}
    text = (
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average at the start {load0:.1f} (a shared machine: other sessions were running). "
        f"Command: `python bench/bench_grade.py`.\n\n"
        f"- `derive grade` of {args.n} mixed submissions (6 networks, NumPy / LaTeX / hand numbers, "
        f"{distinct} distinct after whitespace): **{wall:.1f} s** wall time including start-up "
        f"({args.n / wall:.0f} submissions/s), {cpu:.1f} s of CPU time over all processes "
        f"(so about {cpu / (os.cpu_count() or 1):.1f} s on {os.cpu_count()} idle cores); "
        f"verdicts {counts}. Target: <= 20 s.\n"
    ) + one_check(env)
    print(text)
    if args.write:
        path = root / "bench" / "RESULTS.md"
        old = path.read_text("utf-8")
        section = "## derive grade\n\n" + text
        if "## derive grade" in old:
            old = re.sub(
                r"## derive grade\n.*?(?=\n## |\Z)", section.rstrip("\n") + "\n", old, flags=re.S
            )
        else:
            old = old.rstrip("\n") + "\n\n" + section
        path.write_text(old, "utf-8")


if __name__ == "__main__":
    main()
