"""Engine benchmark (not a test): prints a Markdown report and updates bench/RESULTS.md.

    OMP_WAIT_POLICY=PASSIVE python bench/bench_engine.py

1. ``derive verify`` of all built-ins (wall time of the command);
2. derive + verify every step of a square ReLU→sigmoid BCE MLP at growing sizes, next to naive
   ``sympy.diff(L, w)`` for every weight on the expanded loss (run in a subprocess with a time
   limit; sizes where it does not finish are reported as such);
3. the full-size ``relu-mlp`` gradient (matrix form, NumPy) vs PyTorch autograd, median of many
   calls.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# one thread for both NumPy's BLAS and PyTorch, so the full-size comparison is like with like
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

SIZES = [(4, 8, 8), (8, 16, 16), (16, 32, 32), (32, 32, 32)]
NAIVE_LIMIT = 120.0  # seconds per size for plain sympy.diff


def mlp_spec(b: int, i: int, h: int) -> str:
    return f"""
[network]
name = "square-{b}-{i}-{h}"
[dims]
m = {b}
n_in = {i}
n_h = {h}
[inputs]
X = ["m", "n_in"]
Y = ["m", 1]
[params]
W1 = ["n_in", "n_h"]
b1 = [1, "n_h"]
W2 = ["n_h", 1]
b2 = [1, 1]
[forward]
Z1 = "X @ W1 + b1"
A1 = "relu(Z1)"
Z2 = "A1 @ W2 + b2"
A2 = "sigmoid(Z2)"
L = "bce(A2, Y)"
"""


NAIVE = """
import sys, time
import sympy as sp
from derive import spec
from derive.lang.ops import relu, sigmoid
from derive.engine.graph import build
s = spec.parse(sys.stdin.read())
g = build(s)
full = g.nodes[-1].definition[0]
for node in reversed(g.nodes[:-1]):
    full = full.xreplace(dict(zip(g.tensors[node.name].symbols, node.definition)))
t = time.perf_counter()
for p in s.params:
    for w in g.tensors[p].symbols:
        sp.diff(full, w)
print(time.perf_counter() - t)
"""


def bench_verify() -> float:
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "derive",
            "verify",
            "chain",
            "neuron",
            "tiny-mlp",
            "mlp-bce",
            "mlp-bce-weighted",
            "relu-mlp",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t


BAD_INPUTS = {
    "__import__": "__import__('os').system('x')",
    "dunder class": "().__class__",
    "9**9**9": "9**9**9",
    "method call": "A1.tofile('x')",
    "unknown function": "softplus(Z)",
    "shape mismatch": "X @ X.T @ W",
}


def bench_bad_input() -> tuple[float, int]:
    """Worst wall time of ``derive verify BAD.toml`` (exit 2) over the hostile/bad cases."""
    import tempfile

    worst, codes = 0.0, set()
    with tempfile.TemporaryDirectory() as tmp:
        for k, expr in enumerate(BAD_INPUTS.values()):
            path = Path(tmp) / f"bad{k}.toml"
            path.write_text(
                '[network]\nname = "b"\n[dims]\nm = 2\n[inputs]\nX = ["m", 2]\n'
                f'[params]\nW = [2, 1]\n[forward]\nZ = "X @ W"\nA1 = "{expr}"\n'
                'L = "mean(A1)"\n'
            )
            t = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "derive", "verify", str(path)], capture_output=True
            )
            worst = max(worst, time.perf_counter() - t)
            codes.add(proc.returncode)
    return worst, len(codes - {2})


def bench_sizes() -> list[tuple[tuple[int, int, int], int, float, int, str]]:
    from derive.engine.backprop import derive
    from derive.lang import spec

    rows = []
    for size in SIZES:
        text = mlp_spec(*size)
        t = time.perf_counter()
        d = derive(spec.parse(text))
        ours = time.perf_counter() - t
        weights = sum(len(d.graph.tensors[p].symbols) for p in d.spec.params)
        try:
            out = subprocess.run(
                [sys.executable, "-c", NAIVE],
                input=text,
                text=True,
                capture_output=True,
                timeout=NAIVE_LIMIT,
                check=True,
            )
            naive = f"{float(out.stdout):.2f} s"
        except subprocess.TimeoutExpired:
            naive = f"> {NAIVE_LIMIT:.0f} s (stopped)"
        rows.append((size, weights, ours, len(d.steps()), naive))
    return rows


def bench_full_size(calls: int = 30) -> tuple[float, float]:
    import torch

    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    torch.set_num_threads(1)
    d = derive(spec.load("relu-mlp"))
    sizes = d.spec.full_dims
    point = numeric.random_point(d.graph, seed=1, sizes=sizes)
    ours = []
    for _ in range(calls):
        t = time.perf_counter()
        numeric.gradients_matrix(d, point, sizes)
        ours.append(time.perf_counter() - t)
    x, y = (torch.tensor(point[k]) for k in ("x", "y"))
    theirs = []
    for _ in range(calls):
        w1 = torch.tensor(point["w1"], requires_grad=True)
        w2 = torch.tensor(point["w2"], requires_grad=True)
        t = time.perf_counter()
        loss = (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()
        loss.backward()
        theirs.append(time.perf_counter() - t)
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    lines = [
        "## derive engine",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; OMP_WAIT_POLICY={os.environ['OMP_WAIT_POLICY']}; "
        f"command: `python bench/bench_engine.py`.",
        "",
    ]
    lines.append(
        f"- `derive verify` all six built-ins (wall time, incl. start-up and PyTorch "
        f"import): **{bench_verify():.1f} s**"
    )
    worst, other = bench_bad_input()
    lines.append(
        f"- bad input (hostile expressions, unknown function, shape mismatch; "
        f"{len(BAD_INPUTS)} cases): slowest `derive verify BAD.toml` **{worst:.2f} s** "
        f"wall time, all exit 2{'' if not other else ' (NOT ALL!)'}"
    )
    lines += [
        "",
        "Square ReLU→sigmoid BCE MLP, derived by symbolic reverse mode with every step "
        "verified (random-point identity tests), vs naive `sympy.diff(L, w)` per weight on "
        "the expanded loss (differentiation only; building the expanded loss not counted):",
        "",
        "| (batch, in, hidden) | weights | derive + verify | steps | naive sympy.diff |",
        "|---|---|---|---|---|",
    ]
    for size, weights, ours, steps, naive in bench_sizes():
        lines.append(f"| {size} | {weights} | {ours:.2f} s | {steps} | {naive} |")
    ours, theirs = bench_full_size()
    lines += [
        "",
        f"Full-size `relu-mlp` (N=64, D_in=1000, H=100, D_out=10), forward + backward, "
        f"median of 30 calls, one BLAS/torch thread each: "
        f"ours (matrix form, NumPy) **{ours * 1e3:.2f} ms**, "
        f"PyTorch autograd **{theirs * 1e3:.2f} ms**.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    path = Path(__file__).with_name("RESULTS.md")
    old = path.read_text() if path.exists() else "# Benchmark results\n"
    section = re.compile(r"## derive engine\n.*?(?=\n## |\Z)", re.S)
    new = (
        section.sub(report.rstrip() + "\n", old)
        if section.search(old)
        else old.rstrip() + "\n\n" + report
    )
    path.write_text(new.rstrip() + "\n")


if __name__ == "__main__":
    main()
