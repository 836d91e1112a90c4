"""The code reads as Python means it: no name defined twice in one module (a later ``def`` silently
replaces an earlier one — two helpers merged into one file once shadowed each other and broke a
whole checker feature), no test hidden by another of its name, no undefined or unused names. Pyflakes' rules (ruff's ``F`` set) over the
package, the benchmarks and the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str] | None:
    exe = shutil.which("ruff")
    if exe:
        return [exe]
    try:
        import ruff  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-m", "ruff"]


def test_pyflakes_rules_hold_everywhere() -> None:
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed (it is in the [test] extra)")
    out = subprocess.run(
        [*ruff, "check", "--select", "F", "--output-format", "concise", "--no-cache",
         "derive", "bench", "tests"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def _top_level_twice(path: Path) -> list[str]:
    """Names a module binds with two top-level ``def``/``class`` statements (the later one wins
    for every caller, including those written for the earlier one). Pyflakes misses this when the
    earlier one was already used, as a helper called from another function is."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    seen: dict[str, int] = {}
    twice = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if any(isinstance(d, ast.Name) and d.id == "overload" for d in
                   getattr(node, "decorator_list", [])):
                continue
            if node.name in seen:
                twice.append(f"{os.path.relpath(path, ROOT)}:{node.lineno}: {node.name} "
                             f"(first at line {seen[node.name]})")
            seen.setdefault(node.name, node.lineno)
    return twice


def test_no_module_defines_a_function_twice() -> None:
    files = [f for d in ("derive", "bench", "tests") for f in sorted((ROOT / d).rglob("*.py"))]
    twice = [hit for f in files for hit in _top_level_twice(f)]
    assert not twice, "\n".join(twice)


def test_the_twice_check_finds_a_shadowed_helper(tmp_path: Path) -> None:
    f = tmp_path / "probe.py"
    f.write_text("def a(x):\n    return b(x)\n\ndef b(x):\n    return x\n\n"
                 "def b(x, y):\n    return y\n", encoding="utf-8")
    assert [h.split(": ", 1)[1] for h in _top_level_twice(f)] == ["b (first at line 4)"]


_CLOCKS = {"process_time", "perf_counter", "monotonic", "time", "thread_time"}


def _timed_asserts(path: Path) -> list[str]:
    """``assert`` statements that bound an elapsed time (``clock() - start < 3.0``): a speed goal,
    which belongs in bench/ (a test worker of the full suite carries the whole suite's heap; one
    such bound failed CI at 4.3 s of CPU for a case that takes 0.09 s alone)."""
    import ast

    def clocked(node: ast.AST) -> bool:
        return any(
            isinstance(n, ast.Call)
            and isinstance(f := n.func, (ast.Attribute, ast.Name))
            and (f.attr if isinstance(f, ast.Attribute) else f.id) in _CLOCKS
            for n in ast.walk(node)
        )

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            for cmp in ast.walk(node.test):
                if (
                    isinstance(cmp, ast.Compare)
                    and any(isinstance(o, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for o in cmp.ops)
                    and any(
                        isinstance(side, ast.BinOp) and isinstance(side.op, ast.Sub)
                        and clocked(side)
                        for side in [cmp.left, *cmp.comparators]
                    )
                ):
                    hits.append(f"{os.path.relpath(path, ROOT)}:{node.lineno}")
    return hits


def test_no_test_bounds_a_time() -> None:
    hits = [h for f in sorted((ROOT / "tests").rglob("test_*.py")) for h in _timed_asserts(f)]
    assert not hits, "speed goals go in bench/, not in tests:\n" + "\n".join(hits)


def test_the_timing_check_finds_a_bound(tmp_path: Path) -> None:
    f = tmp_path / "probe.py"
    f.write_text("import time\nstart = time.process_time()\nrun()\n"
                 "assert time.process_time() - start < 3.0\nassert n - 1 < 3\n", encoding="utf-8")
    assert [h.rsplit(":", 1)[1] for h in _timed_asserts(f)] == ["4"]
