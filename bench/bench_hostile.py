"""Wall time of every hostile-input case (tests/test_hostile.py) as a real command line.

tests/test_check.py's hostile formulas are timed here too. Each case runs as ``python -m derive ARGS`` in a fresh interpreter (start-up and imports
included) with a 60 s hang guard; the promise is ≤ 3 s per case. Both the wall time and the CPU
time of the child (user + system) are measured: on a shared, loaded machine the wall time
mostly measures the queue for a core, the CPU time what the case costs. Prints the slowest
cases and a summary line for bench/RESULTS.md; exits 1 if any case took more than 3 s of CPU
or gave another exit code than the corpus expects.
Run: ``PYTHONPATH=. python bench/bench_hostile.py``.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import test_check  # noqa: E402
import test_hostile as corpus  # noqa: E402

LIMIT = 3.0


def run(case: corpus.Case) -> tuple[float, float, int] | None:
    with tempfile.TemporaryDirectory() as d:
        tmp, out = Path(d) / "in", Path(d) / "out"
        tmp.mkdir()
        spec_file = tmp / "spec.toml"
        if case.spec is not None:
            spec_file.write_text(case.spec, "utf-8")
        for rel, content in case.files.items():
            f = tmp / rel
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(content if isinstance(content, bytes) else content.encode())
        args = [
            a.replace("{spec}", str(spec_file))
            .replace("{out}", str(out))
            .replace("{tmp}", d + "/in")
            for a in case.args
        ]
        try:
            args = corpus._setup(case, tmp, out, args)
        except pytest.skip.Exception:
            return None
        try:
            t = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run(
                [sys.executable, "-m", "derive", *args],
                capture_output=True,
                timeout=60,
                cwd=d,
            )
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            return wall, cpu, proc.returncode
        finally:
            corpus._teardown(case, out)


def check_cases() -> list[corpus.Case]:
    """tests/test_check.py's hostile and explosive formulas on mlp-bce, as command lines (the
    tests there guard only against a hang: their time is measured here)."""
    base = ["check", "mlp-bce", "--wrt"]
    return (
        [corpus.Case(f"check-hostile-{i}", [*base, "W2", f], 2) for i, f in enumerate(test_check.HOSTILE)]
        + [
            corpus.Case(f"check-latex-{i}", [*base, "W2", "--latex", f], 2)
            for i, f in enumerate(test_check.LATEX_HOSTILE)
        ]
        + [
            corpus.Case(f"check-explosive-{i}", [*base, "W1", f], 1)
            for i, f in enumerate(test_check.EXPLOSIVE)
        ]
    )



def main() -> int:
    rows = []
    for case in [*corpus.CASES, *check_cases()]:
        got = run(case)
        if got is not None:
            rows.append((got[1], got[0], case.id, got[2], case.code))
    rows.sort(reverse=True)
    for cpu, wall, cid, code, want in rows[:8]:
        print(f"cpu {cpu:5.2f} s  wall {wall:5.2f} s  {cid:<24} exit {code} (expected {want})")
    cpus, walls = [r[0] for r in rows], [r[1] for r in rows]
    wrong = [r for r in rows if r[3] != r[4]]
    slow = [r for r in rows if r[0] > LIMIT]
    print(
        f"{len(rows)} cases: CPU median {statistics.median(cpus):.2f} s, max {max(cpus):.2f} s "
        f"({rows[0][2]}); wall median {statistics.median(walls):.2f} s, max {max(walls):.2f} s; "
        f"over {LIMIT:g} s CPU: {len(slow)}; unexpected exit code: {len(wrong)}"
    )
    return 1 if slow or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
