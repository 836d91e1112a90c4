"""The proofs document built on the other core while ``derive build`` derives several networks
(derive/render/build.py, ``ProofsAhead``): the child's files are the bytes this process writes,
and a child that dies means the document is built here, with the same bytes.

Each build runs in a fresh interpreter with an empty cache (a cached document needs no child)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

if not sys.platform.startswith("linux"):
    pytest.skip("the child forks on Linux only", allow_module_level=True)
if len(os.sched_getaffinity(0)) < 2:
    pytest.skip("the child runs only with two CPUs", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent

# builds OUT from an empty cache; reports whether the child started and whether this process
# built the proofs document itself (after the fork, so the child keeps the real function)
BUILD = r"""
import os, signal, sys
from derive.render import build as B
out, how = sys.argv[1], sys.argv[2]
seen = {"child": False, "here": 0}
start, here = B.ProofsAhead.start.__func__, B.build_proofs
def started(cls, p):
    ahead = start(cls, p)
    seen["child"] = ahead is not None
    if ahead is not None and how == "kill":
        os.kill(ahead.pid, signal.SIGKILL)  # the child dies (out of memory, killed by hand, …)
    def built_here(*args, **kwargs):
        seen["here"] += 1
        return here(*args, **kwargs)
    B.build_proofs = built_here
    return ahead
B.ProofsAhead.start = classmethod(started)
plan = B.plan(["neuron", "chain"], ["md,tex"], ["en,zh"], out)
B.build(plan)
print(seen["child"], seen["here"])
"""


def _build(out: Path, cache: Path, how: str, **env: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(out), how],
        capture_output=True,
        text=True,
        timeout=600,
        env={
            **os.environ, "PYTHONPATH": str(ROOT), "DERIVE_CACHE": str(cache),
            "DERIVE_PROVEN": "off",  # with the shipped proofs there is nothing to prove ahead
            **env,
        },
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_the_childs_proofs_document_is_the_one_built_here(tmp_path: Path) -> None:
    alone = _build(tmp_path / "alone", tmp_path / "c1", "keep", DERIVE_WORKER="off")
    assert alone == ["False", "1"]  # one process: no child, the document built here
    ahead = _build(tmp_path / "ahead", tmp_path / "c2", "keep")
    assert ahead == ["True", "0"]  # the child wrote the document
    killed = _build(tmp_path / "killed", tmp_path / "c3", "kill")
    assert killed == ["True", "1"]  # the child died: built here instead
    files = _files(tmp_path / "alone")
    assert any(name.startswith("proofs/") for name in files)
    assert _files(tmp_path / "ahead") == files
    assert _files(tmp_path / "killed") == files


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.slow
def test_an_interrupted_build_leaves_no_child_and_no_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "derive", "build", "neuron", "chain", "tiny-mlp", "-f", "md",
         "--lang", "en", "-o", str(out)],
        env={**os.environ, "PYTHONPATH": str(ROOT), "DERIVE_CACHE": str(tmp_path / "cache")},
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while len(seen) < 2 and proc.poll() is None and time.monotonic() < deadline:
        seen |= set(_children(proc.pid))  # the PyTorch worker and the proofs child
        time.sleep(0.02)
    assert len(seen) >= 2, seen
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (130, -signal.SIGINT), err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []  # no file, no staging folder
    for child in seen:
        assert not Path(f"/proc/{child}").exists(), f"child {child} outlived the build"
