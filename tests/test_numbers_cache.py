"""The edit loop's caches (derive/render/build.py): a rebuild of an unchanged spec reads its
files (or, when those are not cached, PyTorch's comparison) from the cache — no torch import —
and writes the same bytes; a changed spec or a damaged entry is computed afresh."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

RUN = """
import sys
from derive import cli  # main, not run (the derive script ends the process in run)
sys.argv = ["derive", *sys.argv[1:]]
try:
    cli.main()
except SystemExit as e:
    if e.code:
        raise
print("TORCH-IMPORTED" if "torch" in sys.modules else "NO-TORCH")
"""


def _build(cache: Path, out: Path, *args: str) -> str:
    # no worker process (derive/numeric/worker.py): whether PyTorch was needed shows as an
    # import in this process
    env = {**os.environ, "DERIVE_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    env["DERIVE_WORKER"] = "off"
    done = subprocess.run(
        [sys.executable, "-c", RUN, "build", *args, "-f", "md", "--lang", "en", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout + done.stderr


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_rebuild_reads_the_report_from_the_cache_and_writes_the_same_bytes(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    first = _build(cache, tmp_path / "a", "tiny-mlp")
    assert "TORCH-IMPORTED" in first  # computed: compared with PyTorch
    entries = list((cache / "numbers").iterdir())
    handouts = list((cache / "handouts").iterdir())
    assert len(entries) == 1 and len(handouts) == 1
    second = _build(cache, tmp_path / "b", "tiny-mlp")
    assert "NO-TORCH" in second and "unchanged" in second  # the files from the cache
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a == b
    text = b["tiny-mlp/en/walkthrough.md"].decode()
    assert "PyTorch 2." in text  # the verification still names the PyTorch it was checked with

    # without the files, the report alone comes from the cache: still no torch, same bytes
    handouts[0].unlink()
    third = _build(cache, tmp_path / "c", "tiny-mlp")
    assert "NO-TORCH" in third and "deriving" in third
    assert _files(tmp_path / "c") == a

    # damaged entries are "not cached": computed again, same output
    for entry in [*(cache / "numbers").iterdir(), *(cache / "handouts").iterdir()]:
        entry.write_bytes(b"not a pickle")
    fourth = _build(cache, tmp_path / "d", "tiny-mlp")
    assert "TORCH-IMPORTED" in fourth
    assert _files(tmp_path / "d") == a


@pytest.mark.slow
def test_an_edited_spec_is_not_served_a_stale_report(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    spec = (ROOT / "derive/lang/specs/tiny-mlp.toml").read_text("utf-8")
    path = tmp_path / "tiny-mlp.toml"
    path.write_text(spec, "utf-8")
    _build(cache, tmp_path / "a", str(path))
    edited = spec.replace("0.5", "0.25", 1)
    assert edited != spec
    path.write_text(edited, "utf-8")
    out = _build(cache, tmp_path / "b", str(path))
    assert "TORCH-IMPORTED" in out  # a new spec: a new comparison with PyTorch
    assert len(list((cache / "numbers").iterdir())) == 2


@pytest.mark.slow
def test_a_new_title_reuses_the_numbers_and_shows_in_the_handout(tmp_path: Path) -> None:
    # the title and description are prose (worker.PROSE_FIELDS): no number depends on them, so
    # PyTorch's comparison comes from the cache; the handout's files do show them, so those
    # are written afresh with the new title
    cache = tmp_path / "cache"
    spec = (ROOT / "derive/lang/specs/tiny-mlp.toml").read_text("utf-8")
    path = tmp_path / "tiny-mlp.toml"
    path.write_text(spec, "utf-8")
    _build(cache, tmp_path / "a", str(path))
    old = [line for line in spec.splitlines() if line.startswith("title")][0]
    edited = spec.replace(old, 'title = "Backprop by hand, week 3"', 1)
    assert edited != spec
    path.write_text(edited, "utf-8")
    out = _build(cache, tmp_path / "b", str(path))
    assert "NO-TORCH" in out and "deriving" in out  # the report from the cache, files afresh
    assert len(list((cache / "numbers").iterdir())) == 1
    assert len(list((cache / "handouts").iterdir())) == 2
    text = (tmp_path / "b/tiny-mlp/en/walkthrough.md").read_text("utf-8")
    assert "Backprop by hand, week 3" in text
    # the verification table is the same as the one computed with PyTorch for the old title
    before = (tmp_path / "a/tiny-mlp/en/walkthrough.md").read_text("utf-8")
    assert "PyTorch 2." in text
    assert text.count("PyTorch") == before.count("PyTorch")
    # a value changed: computed again
    path.write_text(edited.replace("0.5", "0.25", 1), "utf-8")
    assert "TORCH-IMPORTED" in _build(cache, tmp_path / "c", str(path))
