"""derive's compiled modules kept in its cache where Python writes no bytecode
(derive/cache.py, ``compile_into_cache``): the second process compiles none of derive's modules, an
edited module is compiled again (the entry is checked against the source's hash, not its
timestamp), and nothing changes where the cache is off or Python keeps bytecode itself. And
``precompile`` (the child a fresh machine's first ``derive build`` forks): the modules it compiled
are not compiled again by the import, in the cache and in ``__pycache__``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# the derive source files compiled while importing derive.lang.expr, and the loader used
PROBE = """
import json, sys
compiled = []
sys.addaudithook(lambda event, args: event == "compile" and compiled.append(str(args[1])))
import derive.lang.expr as expr
print(json.dumps({
    "loader": type(expr.__spec__.loader).__name__,
    "compiled": sorted(p for p in compiled if "derive" in p),
    "marker": getattr(expr, "_PROBE_MARKER", None),
}))
"""


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package without ``__pycache__``, as an editable install on a fresh machine."""
    shutil.copytree(ROOT / "derive", tmp_path / "src" / "derive",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _probe(copy: Path, **env: str) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONPYCACHEPREFIX",)}
    base.update(PYTHONPATH=str(copy / "src"), DERIVE_CACHE=str(copy / "cache"),
                PYTHONDONTWRITEBYTECODE="1")
    base.update(env)
    base = {k: v for k, v in base.items() if v != "-"}  # "-": unset
    out = subprocess.run([sys.executable, "-c", PROBE], env=base, capture_output=True,
                         text=True, timeout=120, cwd=copy, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _derive_modules(paths: list[str]) -> list[str]:
    # derive/cache.py and derive/__init__.py are read before the cache is in place
    return [p for p in paths if Path(p).name not in ("cache.py", "__init__.py")
            or Path(p).parent.name != "derive"]


def test_second_process_compiles_none_of_derives_modules(copy: Path) -> None:
    first = _probe(copy)
    assert first["loader"] == "CompiledInCache"
    assert len(_derive_modules(first["compiled"])) >= 5
    second = _probe(copy)
    assert second["loader"] == "CompiledInCache"
    assert _derive_modules(second["compiled"]) == []
    assert not list((copy / "src").rglob("__pycache__"))  # nothing written beside the source


def test_an_edited_module_is_compiled_again_even_with_the_same_size_and_time(copy: Path) -> None:
    _probe(copy)
    path = copy / "src" / "derive" / "lang" / "expr.py"
    stat = path.stat()
    path.write_text(path.read_text() + "\n_PROBE_MARKER = 1\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited = _probe(copy)
    assert edited["marker"] == 1
    assert [Path(p).name for p in _derive_modules(edited["compiled"])] == ["expr.py"]
    # the same size and time, other text: the hash tells them apart
    text = path.read_text().replace("_PROBE_MARKER = 1", "_PROBE_MARKER = 2")
    path.write_text(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _probe(copy)["marker"] == 2


def test_a_corrupt_or_foreign_entry_is_not_run(copy: Path) -> None:
    _probe(copy)
    entries = list((copy / "cache" / "bytecode").rglob("*.pyc"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:20])  # truncated: the header matches, the code not
    assert _derive_modules(_probe(copy)["compiled"])  # compiled from source again, no error
    for entry in (copy / "cache" / "bytecode").rglob("*.pyc"):
        entry.chmod(0o666)  # writable by others: never read
    again = _probe(copy)
    assert len(_derive_modules(again["compiled"])) >= 5


@pytest.mark.parametrize("env", [{"DERIVE_CACHE": "off"}, {"PYTHONDONTWRITEBYTECODE": "-"}])
def test_nothing_changes_where_the_cache_is_off_or_python_keeps_bytecode(
    copy: Path, env: dict
) -> None:
    result = _probe(copy, **env)
    assert result["loader"] == "SourceFileLoader"
    assert not (copy / "cache" / "bytecode").exists()


# derive.cache.precompile, as the child `derive build` forks on a fresh machine runs it
PRECOMPILE = """
import derive.cache as c
c.precompile(("engine", "lang", "numeric"))
"""
EARLY = ("engine", "lang", "numeric")


def _run(copy: Path, script: str, **env: str) -> None:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONPYCACHEPREFIX",)}
    base.update(PYTHONPATH=str(copy / "src"), DERIVE_CACHE=str(copy / "cache"),
                PYTHONDONTWRITEBYTECODE="1")
    base.update(env)
    base = {k: v for k, v in base.items() if v != "-"}
    subprocess.run([sys.executable, "-c", script], env=base, capture_output=True, text=True,
                   timeout=120, cwd=copy, check=True)


def _early(paths: list[str]) -> list[str]:
    return [p for p in paths if Path(p).parent.name in EARLY]


@pytest.mark.parametrize("env", [{}, {"PYTHONDONTWRITEBYTECODE": "-"}])
def test_precompiled_modules_are_not_compiled_again_by_the_import(copy: Path, env: dict) -> None:
    """Where derive keeps its bytecode in the cache, and where Python keeps it in
    ``__pycache__``: after ``precompile`` the import compiles none of those packages' modules
    (it does compile them without it) and runs the same code."""
    assert _early(_probe(copy, **env)["compiled"])  # compiled by the import without it
    for cached in (copy / "cache").glob("*"):
        shutil.rmtree(cached)
    for folder in (copy / "src").rglob("__pycache__"):
        shutil.rmtree(folder)
    _run(copy, PRECOMPILE, **env)
    after = _probe(copy, **env)
    assert _early(after["compiled"]) == []
    assert after["loader"] == ("CompiledInCache" if not env else "SourceFileLoader")
    pycs = list((copy / "src").rglob("*.pyc"))
    assert bool(pycs) == bool(env)  # __pycache__ only where Python writes bytecode itself


def test_precompile_writes_nothing_where_no_bytecode_is_kept(copy: Path) -> None:
    _run(copy, PRECOMPILE, DERIVE_CACHE="off")
    assert not (copy / "cache").exists()
    assert not list((copy / "src").rglob("__pycache__"))
