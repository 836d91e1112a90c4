"""One CLI ``derive check`` per kind of input, timed (issue 11 item 8: ≤ 0.6 s each).

python bench/bench_check_cli.py [--tree DIR] [--runs N] [--match TEXT]   → for each kind (or
those whose name contains TEXT): the exit code, whether the answer came without SymPy (the
fast path), and the best wall and CPU (user + sys) time of N runs after one warm-up run (caches
warm: the derivation and the compiled form), with the load.
``--tree`` times another checkout (e.g. main, for a before/after table)."""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

KINDS = [
    ("right NumPy formula", ["mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y) / m"]),
    ("wrong: missing 1/m", ["mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y)"]),
    ("wrong: sign", ["mlp-bce", "--wrt", "W2", "A1.T @ (Y - A2) / m"]),
    ("wrong: missing σ'/relu'", ["mlp-bce", "--wrt", "Z1", "dZ2 @ W2.T"]),
    ("wrong: bias not summed", ["mlp-bce", "--wrt", "b2", "dZ2"]),
    ("wrong: missing transpose", ["mlp-bce", "--wrt", "W2", "A1 @ (A2 - Y) / m"]),
    ("wrong: whole result transposed", ["mlp-bce", "--wrt", "W2", "(A2 - Y).T @ A1 / m"]),
    ("wrong: size name swapped", ["mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y) / n_in"]),
    (
        "wrong: --json --lang zh",
        ["mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y)", "--json", "--lang", "zh"],
    ),
    ("LaTeX", ["mlp-bce", "--wrt", "W2", "--latex", r"\frac{1}{m} A^{[1]T}(A^{[2]}-Y)"]),
    ("LaTeX δ, no --latex", ["mlp-bce", "--wrt", "W1", r"X^{\top} \delta^{[1]}"]),
    (
        "LaTeX printed (tiny-mlp)",
        ["tiny-mlp", "--wrt", "W1", r"X^{\top} \thinspace \delta_{h_{\text{raw}}}"],
    ),
    (
        "LaTeX with a left side",
        [
            "mlp-bce",
            "--wrt",
            "W2",
            "--latex",
            r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)",
        ],
    ),
    (
        "LaTeX δ row, wrong: missing 1/m",
        ["mlp-bce", "--wrt", "Z2", "--latex", r"\delta^{[2]} = A^{[2]} - Y"],
    ),
    (
        "LaTeX wrong: sign",
        ["mlp-bce", "--wrt", "W2", "--latex", r"\frac{1}{m} A^{[1]T}(Y-A^{[2]})"],
    ),
    (
        "LaTeX wrong: missing 1/m",
        ["mlp-bce", "--wrt", "W2", r"A^{[1]T}(A^{[2]}-Y)"],
    ),
    (
        "LaTeX wrong: missing transpose",
        ["mlp-bce", "--wrt", "W2", r"\frac{1}{m} A^{[1]}(A^{[2]}-Y)"],
    ),
    ("call: sigmoid(Z2) - Y", ["mlp-bce", "--wrt", "Z2", "(sigmoid(Z2) - Y) / m"]),
    (
        "call: σ(Z)(1-σ(Z)) sign slip",
        ["mlp-bce", "--wrt", "Z2", "dA2 * sigmoid(Z2) * (sigmoid(Z2) - 1)"],
    ),
    (
        "call: np.where(Z1 > 0, 1, 0)",
        ["mlp-bce", "--wrt", "Z1", "(dZ2 @ W2.T) * np.where(Z1 > 0, 1, 0)"],
    ),
    ("call: relu_backward(dA1, Z1)", ["mlp-bce", "--wrt", "Z1", "relu_backward(dA1, Z1)"]),
    (
        "wrong: sum over the other axis",
        ["mlp-bce", "--wrt", "b1", "np.sum(dZ1, axis=1, keepdims=True)"],
    ),
    ("--value right", ["tiny-mlp", "--wrt", "W1[0,0]", "--value=-0.0137"]),
    ("--value too few digits", ["tiny-mlp", "--wrt", "W1[0,0]", "--value=-0.01"]),
    ("--value wrong (sign)", ["tiny-mlp", "--wrt", "W1[0,0]", "--value=0.0137"]),
    ("element-wise --wrt w11", ["tiny-mlp", "--wrt", "w11", "dh1_raw * x1"]),
    ("element-wise wrong entry", ["tiny-mlp", "--wrt", "w11", "dh1_raw * x2"]),
    (
        "element-wise X[0,1] indexing",
        ["mlp-bce", "--wrt", "W1[0,0]", "X[0,0]*dZ1[0,0] + X[1,0]*dZ1[1,0]"],
    ),
    ("element-wise LaTeX", ["tiny-mlp", "--wrt", "w11", r"\delta_{h_{1,\text{raw}}} x_1"]),
    # the LaTeX kinds that took the slow SymPy path (issue 11.8, branch checkspeed5)
    (
        "Leibniz ∂L/∂Z2 ∂Z2/∂W2",
        [
            "mlp-bce",
            "--wrt",
            "W2",
            "--latex",
            r"\frac{\partial L}{\partial Z^{[2]}} \frac{\partial Z^{[2]}}{\partial W^{[2]}}",
        ],
    ),
    (
        "Leibniz 3 factors with \\cdot",
        [
            "mlp-bce",
            "--wrt",
            "W2",
            "--latex",
            r"\frac{\partial L}{\partial A^{[2]}} \cdot \frac{\partial A^{[2]}}{\partial Z^{[2]}}"
            r" \cdot \frac{\partial Z^{[2]}}{\partial W^{[2]}}",
        ],
    ),
    (
        "Leibniz through ReLU (W1)",
        [
            "mlp-bce",
            "--wrt",
            "W1",
            "--latex",
            r"\frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial A^{[1]}}"
            r"\frac{\partial A^{[1]}}{\partial Z^{[1]}}\frac{\partial Z^{[1]}}{\partial W^{[1]}}",
        ],
    ),
    (
        "Leibniz G ⊙ ∂A1/∂Z1",
        [
            "mlp-bce",
            "--wrt",
            "Z1",
            "--latex",
            r"\delta^{[2]} W^{[2]\top} \odot \frac{\partial A^{[1]}}{\partial Z^{[1]}}",
        ],
    ),
    (
        "Leibniz neuron ∂L/∂O ∂O/∂z ∂z/∂w",
        [
            "neuron",
            "--wrt",
            "w",
            "--latex",
            r"\frac{\partial L}{\partial O}\frac{\partial O}{\partial z}"
            r"\frac{\partial z}{\partial \mathbf{w}}",
        ],
    ),
    ("Leibniz dL/dv dv/db", ["chain", "--wrt", "b", "--latex", r"\frac{dL}{dv}\frac{dv}{db}"]),
    ("Leibniz in text dL/dZ2 * dZ2/dW2", ["mlp-bce", "--wrt", "W2", "dL/dZ2 * dZ2/dW2"]),
    (
        "LaTeX σ'(Z)",
        [
            "mlp-bce",
            "--wrt",
            "Z2",
            "--latex",
            r"\frac{\partial L}{\partial A^{[2]}} \odot \sigma'(Z^{[2]})",
        ],
    ),
    (
        "LaTeX \\mathbb{1}(Z > 0)",
        [
            "mlp-bce",
            "--wrt",
            "Z1",
            "--latex",
            r"\delta^{[2]} W^{[2]T} \odot \mathbb{1}(Z^{[1]} > 0)",
        ],
    ),
    (
        "LaTeX aligned rows",
        [
            "mlp-bce",
            "--wrt",
            "W2",
            "--latex",
            r"\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]}"
            r" \end{aligned}",
        ],
    ),
    ("LaTeX \\sqrt", ["attention", "--wrt", "Q", "--latex", r"\frac{1}{\sqrt{d}}\,\delta_S K"]),
    (
        "LaTeX \\sum_i",
        ["mlp-bce", "--wrt", "b2", "--latex", r"\frac{1}{m} \sum_i \left(\hat y_i - y_i\right)"],
    ),
    ("LaTeX bare \\sum", ["mlp-bce", "--wrt", "b2", r"\frac{1}{m}\sum (A^{[2]} - Y)"]),
    ("LaTeX bare \\sum, scalar", ["chain", "--wrt", "b", r"\sum 2 v"]),
    (
        "LaTeX \\sum_{t=1}^{T}",
        ["rnn", "--wrt", "W_h", r"\sum_{t=1}^{T} h_{t-1}^{\top} \delta_{z_t}"],
    ),
    ("LaTeX \\sum_t", ["rnn", "--wrt", "W_x", r"\sum_t x_t^{\top} \delta_{z_t}"]),
    # the NumPy kinds that took the slow path (issue 11.8, branch checkcodes4)
    ("@ with a 1×1 operand (tiny-mlp)", ["tiny-mlp", "--wrt", "W2", "h.T @ (y_pred - y_target)"]),
    (
        "np.mean(…, keepdims=True)",
        ["mlp-bce", "--wrt", "b2", "np.mean(A2 - Y, axis=0, keepdims=True)"],
    ),
    ("X.shape[0] for m", ["mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y) / X.shape[0]"]),
    ("len(X) for m", ["mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y) / len(X)"]),
    (
        "np.where inside .dot",
        ["mlp-bce", "--wrt", "W1", "X.T.dot(np.where(Z1 > 0, dZ2.dot(W2.T), 0))"],
    ),
    (
        "column-major np.sum(axis=1, keepdims)",
        [
            "tests/specs_course/ng_colmajor_tanh.toml",
            "--wrt",
            "b1",
            "1 / m * np.sum(np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2)), axis=1, keepdims=True)",
        ],
    ),
]

PROBE = (
    "import sys\n"
    "from derive import cli\n"  # main, not run (the derive script ends the process in run)
    "sys.argv = ['derive', *sys.argv[1:]]\n"
    "try:\n"
    "    cli.main()\n"
    "finally:\n"
    "    sys.stderr.write('\\nSYMPY\\n' if 'sympy' in sys.modules else '\\nNO-SYMPY\\n')\n"
)


def _once(tree: Path, args: list[str]) -> tuple[float, float, int, bool]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        timeout=600,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode, done.stderr.rstrip().endswith("NO-SYMPY")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--match", default="", help="only the kinds whose name contains this")
    a = ap.parse_args()
    tree = Path(a.tree)
    print(f"tree {tree}; load {os.getloadavg()[0]:.1f}; best of {a.runs} after a warm-up run")
    print(f"{'kind':34} exit  path  wall s  CPU s")
    for kind, args in KINDS:
        if a.match not in kind:
            continue
        _once(tree, args)  # warm: derivation and compiled form cached
        runs = [_once(tree, args) for _ in range(a.runs)]
        wall = min(r[0] for r in runs)
        cpu = min(r[1] for r in runs)
        code, fast = runs[-1][2], runs[-1][3]
        print(f"{kind:34} {code:4}  {'fast' if fast else 'slow'}  {wall:6.2f}  {cpu:5.2f}")
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
