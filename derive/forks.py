"""A child process forked to work beside the parent on the other core, and its end.

Three children use it: PyTorch's reference gradients (:mod:`derive.numeric.worker`), the
identity tests of ``derive verify`` (:mod:`derive.engine.deferred`) and the proofs document of
a build (:class:`derive.render.build.ProofsAhead`). Each talks to its parent over one pipe; the
kernel ends it when the parent ends; a child that fails or hangs is reaped and the parent does
the work itself, so a child can only make a command faster, never change what it prints.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any


def usable(switch: str) -> bool:
    """Whether a child may work beside this process: not switched off by the environment
    variable ``switch`` (``off``, ``0``, ``no``), Linux with ``fork``, and a second CPU to run
    on (on one CPU a child only adds its start-up)."""
    if os.environ.get(switch, "").lower() in ("off", "0", "no"):
        return False
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):  # pragma: no cover - Linux has it
        return False


def end_with(parent: int) -> None:
    """Have the kernel end this child when the parent ends, however it ends (Linux
    ``PR_SET_PDEATHSIG``); if the parent is gone already, end now."""
    try:
        import ctypes  # the child only: Linux's prctl

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the pipe's EOF still ends it
        pass
    if os.getppid() != parent:
        os._exit(1)


# OpenBLAS's thread calls, {prefix}set_num_threads{suffix}, in the builds NumPy ships
# (scipy-openblas, 64-bit integers) and in others
_BLAS_NAMES = (
    ("scipy_openblas_", "64_"),
    ("scipy_openblas_", ""),
    ("openblas_", "64_"),
    ("openblas_", ""),
)


def one_blas_thread() -> None:
    """In a child that works beside its parent on the other core: have NumPy's BLAS (OpenBLAS)
    use one thread (:class:`blas_threads`)."""
    blas_threads(1).__enter__()


class blas_threads:
    """``with blas_threads(n):`` NumPy's BLAS (OpenBLAS) uses ``n`` threads inside, its former
    number after. While children work on the other core, a second BLAS thread only spins for
    the core they run on (training relu-mlp at full size beside a busy process: 0.8 s of CPU
    with one thread, 8 s with two). A BLAS that cannot be found is left as it is."""

    def __init__(self, n: int) -> None:
        self.n, self.before = n, None
        self.set_threads, self.get_threads = _openblas()

    def __enter__(self) -> blas_threads:
        if self.set_threads is not None:
            if self.get_threads is not None:
                self.before = int(self.get_threads())
            self.set_threads(self.n)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.set_threads is not None and self.before is not None:
            self.set_threads(self.before)


def _openblas() -> tuple[Callable[..., Any] | None, Callable[..., Any] | None]:
    """OpenBLAS's ``set_num_threads`` and ``get_num_threads`` as loaded in this process (the
    build NumPy ships, scipy-openblas, or another), or ``None``."""
    try:
        import ctypes  # Linux's shared libraries

        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            libs = sorted({line.split()[-1] for line in maps if "openblas" in line.lower()})
        for path in libs:
            if ".so" not in path:
                continue
            lib = ctypes.CDLL(path)
            for prefix, suffix in _BLAS_NAMES:
                set_threads = getattr(lib, f"{prefix}set_num_threads{suffix}", None)
                if set_threads is not None:
                    return set_threads, getattr(lib, f"{prefix}get_num_threads{suffix}", None)
    except (OSError, AttributeError, ValueError):  # pragma: no cover - no /proc, no OpenBLAS
        pass
    return None, None


@contextmanager
def collector_paused() -> Iterator[None]:
    """``with collector_paused():`` around a large import (SymPy and derive's modules, PyTorch)
    or a whole ``derive build``: the cyclic garbage collector does not run meanwhile. An import
    makes objects that live as long as the process (modules, classes, functions, tables) and
    next to no garbage, yet every collection during it walks them all again: ``import torch``
    costs about 0.15 s more CPU with the collector on, SymPy's, NumPy's and Jinja's about
    0.06 s. A build's SymPy expressions are trees, freed as they are dropped (the (32, 32, 32)
    MLP's handout: 230 MB at most without collections, 224 MB with); its children, forked with
    the collector paused, do not walk (and so copy) the pages they share with this process.
    Afterwards it runs as before (only if it ran before: a nested block changes nothing), with
    the objects made meanwhile in its oldest generation (:func:`promoted`): turned on with them
    still young, its next allocation would walk them all at once (PyTorch's import: 0.04–0.08 s
    of CPU, SymPy's and derive's 0.02–0.04 s, just before PyTorch's worker is forked)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_count()[0] > gc.get_threshold()[0]:  # (a young collection is due)
                promoted()
            gc.enable()


def promoted() -> None:
    """Every object the collector tracks moved into its oldest generation without a walk, as a
    collection would move the live ones (``gc.freeze`` then ``gc.unfreeze``: two list splices),
    and the young generation's count reset. Inside :func:`frozen_heap` they join the frozen
    objects instead, released with them. (Not ``gc.get_freeze_count``: it walks the frozen
    objects, all of the imports', at each call.)"""
    gc.freeze()
    if not _frozen_depth:
        gc.unfreeze()


# frozen_heap blocks entered and not left, in this process (or in its parent when it forked)
_frozen_depth = 0


@contextmanager
def frozen_heap() -> Iterator[None]:
    """``with frozen_heap():`` around work that forks children: the objects made so far (the
    imports: SymPy, NumPy, derive) are moved into the collector's permanent generation
    (``gc.freeze``), so that neither this process's collector nor a child's walks them. A walk
    writes to every object it visits, and a page written by one of two processes sharing it
    since a fork is copied: in a cold ``derive build`` that costs about 0.15 s of the parent's
    CPU and 0.3 s of the children's. On leaving, the objects are collected as before
    (``gc.unfreeze``; by the outermost block only)."""
    global _frozen_depth
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    _frozen_depth += 1
    try:
        yield
    finally:
        _frozen_depth -= 1
        if outermost:
            gc.unfreeze()


def fork(body: Callable[[Connection], None], duplex: bool = True) -> tuple[int, Connection] | None:
    """Fork a child that runs ``body`` on its end of a new pipe and exits (0 when ``body``
    returns, 1 when it raises); returns ``(pid, the parent's end)``, or None when fork fails.
    With ``duplex=False`` the child only sends."""
    ours, theirs = Pipe(duplex=duplex)
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        ours.close()
        theirs.close()
        return None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it at once
            end_with(parent)
            ours.close()
            body(theirs)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent does the work itself instead
            pass
        finally:
            os._exit(code)
    theirs.close()
    return pid, ours


def reap(pid: int | None, conn: Connection | None) -> None:
    """Close the parent's end of the pipe, end the child if it still runs, and reap it."""
    if conn is not None:
        conn.close()
    if pid is None:
        return
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass
