"""A worker process that imports PyTorch while this one derives (``derive build`` and its edit
loop, ``derive verify``).

``import torch`` costs about as much CPU as everything else in a one-network build. When a
build needs PyTorch's reference gradients (a spec not in the numbers cache),
:meth:`TorchWorker.start` forks a child at the beginning of the build; the child imports PyTorch
on the other core while the parent loads the rest, derives and checks, and then runs
:func:`~derive.numeric.verify.torch_references` for the derivations the parent sends it — the
same function the parent would run, on the same (pickled) derivation, so the report is the same
either way.

Rules it keeps:

- it starts only where it can help and is safe: Linux (``fork``), PyTorch installed but not
  imported yet (once imported, the reference costs nothing extra here), two usable CPUs, and
  not turned off (``DERIVE_WORKER=off``);
- nothing from the worker is ever an error: if it fails, dies or answers with an error, the
  parent computes the references itself, so every error message is the one it always was;
- no orphan: the parent ends and reaps the child when the build ends, fails or is interrupted
  (the child also ends when the parent's end of the pipe closes, and on SIGINT); the child
  leaves through ``os._exit`` only, so it never runs the parent's clean-up (the staging folder
  of the build) and writes no files.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import importlib.util
import platform
import sys
from collections.abc import Iterable
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from derive import cache, forks
from derive.engine.backprop import Derivation
from derive.errors import DeriveError
from derive.lang import spec as specs
from derive.numeric import verify as numeric

ENV = "DERIVE_WORKER"  # "off" (or 0/no): never start one
# wall seconds to wait for an answer before computing it here instead (the child imports PyTorch
# in a few seconds, and answers in milliseconds; this only bounds a child that hangs)
TIMEOUT = 300.0


def wanted() -> bool:
    """Whether a worker may be started here (see the module's rules)."""
    if not forks.usable(ENV) or "torch" in sys.modules:
        return False
    try:
        return importlib.util.find_spec("torch") is not None
    except (ImportError, ValueError):  # pragma: no cover - a broken installation
        return False


# what a lecturer edits that no number depends on: the prose of the handout and where the file
# is (the report names the network, so the name stays in the key)
PROSE_FIELDS = ("title", "description", "source")


def numbers_key(s: specs.NetSpec) -> str:
    """Cache key of a spec's numeric report and training history (``derive build``): the spec
    as the numbers see it (its dataclass repr — names, shapes, expressions, values, constants,
    ``[train]`` — without the prose fields :data:`PROSE_FIELDS`, so a new title or description
    needs no PyTorch), derive's source, and the versions of PyTorch and NumPy that computed
    them ("" when PyTorch is not installed)."""
    versions = _versions()
    if not versions:
        return ""
    numeric_spec = dataclasses.replace(s, title={}, description={}, source="")
    return cache.key("numbers", repr(numeric_spec), versions, platform.machine())


@functools.cache
def _versions() -> str:
    """The versions of PyTorch and NumPy ("" when PyTorch is not installed), read once."""
    try:
        return f"torch {metadata.version('torch')} numpy {metadata.version('numpy')}"
    except metadata.PackageNotFoundError:
        return ""


def uncached(nets: Iterable[str]) -> bool:
    """Whether some of the networks ``nets`` (names or spec paths; none: the built-ins) has no
    numeric report in the cache, so that its build will need PyTorch. A spec that does not load
    counts as cached: the build reports it before any work."""
    names = list(nets) or specs.builtin_names()
    builtin = set(specs.builtin_names())
    for n in names:
        try:
            if n not in builtin and Path(n).exists() and not Path(n).is_file():
                return True  # a pipe (`<(…)`) can be read once only: by the build itself
        except (OSError, ValueError):
            return False
    try:
        loaded = [specs.load(n) for n in names]
    except DeriveError:
        return False
    for s in loaded:
        key = numbers_key(s)
        if not key:
            return False  # PyTorch is not installed
        if cache.read("numbers", key) is None:
            return True
    return False


class TorchWorker:
    """The parent's handle on the child: call it as :func:`~derive.numeric.verify.torch_references`
    (``None`` when the child cannot answer); use it as a context manager, or :meth:`close`."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid: int | None = pid
        self.conn: Connection | None = conn
        # requests sent ahead (:meth:`prefetch`) whose answers are not read yet, in order, and
        # answers read but not asked for yet; each under :func:`_job_key`
        self.sent: list[tuple[Any, ...]] = []
        self.answers: dict[tuple[Any, ...], tuple[str, Any]] = {}
        self.stale = 0  # answers still to come for requests nobody will ask for (:meth:`forget`)

    @classmethod
    def start(cls) -> TorchWorker | None:
        """A new worker, or ``None`` where none is wanted (:func:`wanted`) or fork fails."""
        if not wanted():
            return None
        child = forks.fork(_serve)
        return None if child is None else cls(*child)

    def prefetch(
        self, d: Derivation, zeros: dict[str, np.ndarray], points: int, full: bool
    ) -> None:
        """Send the request of a later call with these arguments now, so that the child works
        on it (after its ``import torch``) while this process goes on; that call reads the
        answer. Nothing from here is an error (the call then asks, or computes, as usual)."""
        key = _job_key(d, zeros, points, full)
        if self.conn is None or key in self.sent or key in self.answers:
            return
        try:
            sent = light(d) if isinstance(d, Derivation) else d
            self.conn.send((sent, zeros, points, full))
            self.sent.append(key)
        except Exception:  # noqa: BLE001 - a dead worker: computed in the parent
            self.close()

    def __call__(
        self, d: Derivation, zeros: dict[str, np.ndarray], points: int, full: bool
    ) -> numeric.TorchReferences | None:
        if self.conn is None:
            return None
        key = _job_key(d, zeros, points, full)
        self.prefetch(d, zeros, points, full)  # (sent now unless it was sent ahead)
        try:
            while key not in self.answers:  # the answers come in the order of the requests
                if self.conn is None or not self.conn.poll(TIMEOUT):
                    raise TimeoutError
                answer = self.conn.recv()
                if self.stale:
                    self.stale -= 1
                    continue
                self.answers[self.sent.pop(0)] = answer
            status, refs = self.answers.pop(key)
        except Exception:  # noqa: BLE001 - a dead or hung worker, a value it could not pickle
            self.close()
            return None
        if status != "ok" or not isinstance(refs, numeric.TorchReferences):
            return None
        return refs

    def ready(self) -> bool:
        """Whether an answer can be read now (or the worker is gone): while it is not, this
        process may do work that does not need PyTorch's answers."""
        try:
            return self.conn is None or bool(self.conn.poll(0))
        except Exception:  # noqa: BLE001 - a broken pipe: nothing to wait for
            return True

    def forget(self) -> None:
        """Drop the requests sent ahead that nobody asked for (a build that failed part way):
        their answers are read and dropped by the next call."""
        self.stale += len(self.sent)
        self.sent, self.answers = [], {}

    def close(self) -> None:
        """End the child (if it still runs) and reap it."""
        pid, conn, self.pid, self.conn = self.pid, self.conn, None, None
        self.sent, self.answers, self.stale = [], {}, 0
        forks.reap(pid, conn)

    def __enter__(self) -> TorchWorker:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _Same:
    """An object in a key by identity (kept alive by the key, so its id is never reused)."""

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


def _job_key(d: Any, zeros: dict[str, np.ndarray], points: int, full: bool) -> tuple[Any, ...]:
    """What makes two requests the same: the same derivation object, the same exact zeros
    (their masks' bytes), points and full."""
    masks = tuple((k, v.shape, v.tobytes()) for k, v in sorted(zeros.items()))
    return (_Same(d), masks, points, full)


def light(d: Derivation) -> Derivation:
    """What :func:`~derive.numeric.verify.torch_references` reads of a derivation — the spec,
    the tensors' shapes and symbols, the sizes and constants — without its proven steps and
    symbolic definitions: a (32, 32, 32) MLP's derivation takes 7 s to unpickle (SymPy rebuilds
    every sum), this in milliseconds. PyTorch differentiates the spec's forward pass, never
    our derivation."""
    return dataclasses.replace(
        d,
        graph=dataclasses.replace(d.graph, nodes=()),
        forward=(),
        backward=(),
        checks=(),
        defs={},
    )


def _serve(conn: Connection) -> None:
    """The child: import PyTorch now, then answer requests until the parent closes the pipe.
    It works beside its busy parent, so NumPy's BLAS and PyTorch's own thread pool each use
    one thread: a second one only spins for the core the parent runs on (the ten built-ins'
    references: 0.33 s of CPU with two threads, 0.06 s with one, the other core busy)."""
    forks.one_blas_thread()
    numeric._torch().set_num_threads(1)
    gc.freeze()  # PyTorch's objects, for good: the collections of the answers do not walk them
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", numeric.torch_references(*job))
        except Exception:  # noqa: BLE001 - the parent recomputes it and reports the error
            answer = ("error", None)
        conn.send(answer)
