"""The package layout keeps its promises (docs/architecture.md): imports flow one way through the
stages, and no module imports a derive module inside a function to dodge a cycle (only the CLI and
the lazy public API in ``derive/__init__.py`` defer imports, for start-up time)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "derive"
# the stages in order; a module may import its own package and earlier ones only
LAYER = {
    "errors": 0,
    "cache": 0,
    "files": 0,
    "forks": 0,
    "locale": 0,
    "lang": 1,
    "engine": 2,
    "proofs": 3,
    "numeric": 3,
    "walkthrough": 4,
    "checker": 4,
    "render": 5,
    "cli": 6,
    "__init__": 7,
    "__main__": 7,
}
SIBLINGS = ({"proofs", "numeric"}, {"walkthrough", "checker"})  # same stage, independent
LAZY_OK = {"cli", "__init__"}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@functools.cache
def _imports() -> list[tuple[str, int, str, str, bool]]:
    """(module, line, its package, imported module, at top level) for every derive import."""
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        me = ".".join(rel.parts)
        mine = _package(me) if len(rel.parts) > 2 else rel.parts[-1]
        tree = ast.parse(path.read_text())
        top = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            mods: list[str] = []
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("derive"):
                if node.module == "derive":
                    mods = ["derive." + a.name for a in node.names]
                else:
                    mods = [node.module]  # type: ignore[list-item]
            elif isinstance(node, ast.Import):
                mods = [a.name for a in node.names if a.name.startswith("derive")]
            out += [(me, node.lineno, mine, m, id(node) in top) for m in mods]
    return out


def test_imports_flow_one_way_through_the_stages():
    upward = []
    for me, line, mine, target, _ in _imports():
        theirs = _package(target)
        if theirs == mine:
            continue
        if LAYER.get(theirs, 0) > LAYER.get(mine, 0) or {theirs, mine} in SIBLINGS:
            upward.append(f"{me}:{line} imports {target}")
    assert not upward, "\n".join(upward)


def test_no_function_level_imports_of_derive_modules():
    nested = [
        f"{me}:{line} imports {target} inside a function"
        for me, line, mine, target, top in _imports()
        if not top and mine not in LAZY_OK
    ]
    assert not nested, "\n".join(nested)


def test_the_operation_table_shims_are_gone():
    """One home per op: the table in lang/ops.py, no re-exporting modules beside it."""
    assert not (ROOT / "engine" / "functions.py").exists()
    assert not (ROOT / "engine" / "losses.py").exists()
