"""Wall time of every hostile-input case (tests/test_hostile.py) as a real command line.

Each case runs as ``python -m derive ARGS`` in a fresh interpreter (start-up and imports
included) with a 60 s hang guard; the promise is ≤ 3 s per case. Prints the slowest cases and a
summary line for bench/RESULTS.md; exits 1 if any case took more than 3 s or gave another exit
code than the corpus expects. Run: ``PYTHONPATH=. python bench/bench_hostile.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import test_hostile as corpus  # noqa: E402

LIMIT = 3.0


def run(case: corpus.Case) -> tuple[float, int] | None:
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
            proc = subprocess.run(
                [sys.executable, "-m", "derive", *args],
                capture_output=True,
                timeout=60,
                cwd=d,
            )
            return time.perf_counter() - t, proc.returncode
        finally:
            corpus._teardown(case, out)


def main() -> int:
    rows = []
    for case in corpus.CASES:
        got = run(case)
        if got is not None:
            rows.append((got[0], case.id, got[1], case.code))
    rows.sort(reverse=True)
    for t, cid, code, want in rows[:8]:
        print(f"{t:6.2f} s  {cid:<24} exit {code} (expected {want})")
    times = [r[0] for r in rows]
    wrong = [r for r in rows if r[2] != r[3]]
    slow = [r for r in rows if r[0] > LIMIT]
    print(
        f"{len(rows)} cases: median {statistics.median(times):.2f} s, "
        f"slowest {max(times):.2f} s ({rows[0][1]}); over {LIMIT:g} s: {len(slow)}; "
        f"unexpected exit code: {len(wrong)}"
    )
    return 1 if slow or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
