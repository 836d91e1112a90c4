"""The lecturer's edit loop (not a test): rebuild one handout, and the full default build.

    python bench/bench_handout.py [--runs 3] [--write]

Each measurement is the wall time of a fresh interpreter (start-up and imports included), the
median of ``--runs`` runs, with ``OMP_WAIT_POLICY=PASSIVE`` and one BLAS/torch thread:

- ``bare``: ``python -c "import sympy, jinja2, numpy"`` — the floor every build pays;
- ``one``: ``derive build tiny-mlp -f md --lang en`` into an empty folder (proofs cache warm:
  the edit loop), and the same with ``DERIVE_CACHE=off``;
- ``full``: ``derive build`` (all built-ins, md/tex/ipynb/py, en and zh) into an empty folder.

Targets (issue 12): ``one`` ≤ 3× ``bare``, ``full`` ≤ 6× ``bare``. ``--write`` replaces (or
appends) the section ``## derive build (edit loop)`` of ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## derive build (edit loop)"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OMP_WAIT_POLICY="PASSIVE",
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        PYTHONPATH=str(ROOT),
    )
    return env


def timed(args: list[str], runs: int, **env: str) -> float:
    """Median wall time of ``python ARGS`` over ``runs`` runs, each into a fresh folder."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
            cmd = [sys.executable, *[a.replace("{out}", out) for a in args]]
            start = time.perf_counter()
            subprocess.run(cmd, env={**_env(), **env}, check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    bare = timed(["-c", "import sympy, jinja2, numpy"], a.runs)
    one = timed(
        ["-m", "derive", "build", "tiny-mlp", "-f", "md", "--lang", "en", "-o", "{out}"], a.runs
    )
    one_args = ["-m", "derive", "build", "tiny-mlp", "-f", "md", "--lang", "en", "-o", "{out}"]
    cold = timed(one_args, a.runs, DERIVE_CACHE="off")
    full = timed(["-m", "derive", "build", "-o", "{out}"], max(1, a.runs // 2))
    lines = [
        SECTION,
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; OMP_WAIT_POLICY=PASSIVE, one thread; command: "
        f"`python bench/bench_handout.py --runs {a.runs}` (median wall time of fresh processes).",
        "",
        f"- bare `import sympy, jinja2, numpy`: **{bare:.2f} s**",
        f"- `derive build tiny-mlp -f md --lang en`: **{one:.2f} s** = **{one / bare:.1f}×** "
        "the bare imports (target ≤ 3×); without the proofs cache (`DERIVE_CACHE=off`, the "
        f"first build after a change to derive itself): **{cold:.2f} s** = **{cold / bare:.1f}×**",
        f"- `derive build` (all built-ins, md/tex/ipynb/py, en + zh): **{full:.2f} s** = "
        f"**{full / bare:.1f}×** (target ≤ 6×)",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if a.write:
        path = ROOT / "bench" / "RESULTS.md"
        old = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
        pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
        new = pattern.sub(text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
        path.write_text(new.rstrip("\n") + "\n", "utf-8")


if __name__ == "__main__":
    main()
