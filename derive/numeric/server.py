"""A warm PyTorch server that outlives one build (what dmypy or the Gradle daemon do), so that the
lecturer's edit loop — edit a value, run ``derive build`` again — pays no ``import torch``.

A fresh process that must compare an edited network with PyTorch cannot get below
``import torch`` (about three times the bare imports by itself; the forked worker of
:mod:`derive.numeric.worker` overlaps it with the derivation but cannot remove it). The server
is a background process that has imported PyTorch once and answers the same requests the
forked worker answers — the light derivation, its exact zeros, the number of points, ``full``
— with :func:`~derive.numeric.verify.torch_references`, the same function on the same pickled
input, so the report is the one computed in process.

Rules it keeps:

- **Where it is used.** Only when asked for: ``DERIVE_SERVER=on``. A terminal is no sign of a
  person waiting (harnesses and CI run commands in a pseudo-terminal, and some wait for every
  process a command started, or for its session to empty), so a plain ``derive build`` never
  leaves a process behind. ``DERIVE_WORKER=off`` (one process) disables it too; Linux only;
  not with ``DERIVE_CACHE=off`` (its socket lives in the cache).
- **Never stale, never foreign.** The socket is ``<cache>/server/<key>.sock`` in an owner-only
  folder (0700, ours, or it is not used); the key (:func:`server_key`) holds derive's source
  hash, the Python executable, the PyTorch and NumPy versions and the thread settings, and the
  client sends it again on connecting. Both ends check the peer's uid (``SO_PEERCRED``).
- **Never slower, never an error.** A build (with ``DERIVE_SERVER=on``) that finds none starts
  one detached when it ends (:func:`start`) and uses the forked worker as before; the next
  build finds it warm. Anything
  going wrong (no server, refused, a timeout, a bad reply, a server that dies) returns ``None``,
  and the caller computes the references itself, as it does without a server.
- **It ends by itself**: after ``DERIVE_SERVER_IDLE`` seconds without a request (default 600),
  when derive's source, PyTorch or NumPy change under it, when its socket is removed, or on
  ``derive server stop``.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import platform
import socket
import stat
import struct
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from derive import cache
from derive.engine.backprop import Derivation, derive
from derive.lang import spec as specs
from derive.numeric import verify as numeric
from derive.numeric import worker

ENV = "DERIVE_SERVER"  # on: use/start one even when not interactive; off: never
IDLE_ENV = "DERIVE_SERVER_IDLE"  # seconds without a request before the server ends
IDLE = 600.0
CONNECT_TIMEOUT = 2.0  # seconds to connect and be greeted; then the forked worker instead
TICK = 0.5  # the server's accept loop wakes this often (idle, stop)
RECHECK = 30.0  # seconds between the server's checks of its key (derive's source, versions)
THREADS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
MAX_FRAME = 1 << 30
ON, OFF = ("on", "1", "yes"), ("off", "0", "no")
# the detached server's command: it takes its lock (held until it ends) before anything else,
# so a second one started meanwhile ends at once; then derive from the build's own folder
BOOT = (
    "import fcntl, os, sys\n"
    "lock = os.open(sys.argv[3], os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)\n"
    "try:\n    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
    "except OSError:\n    sys.exit(0)\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from derive.numeric import server\nserver.main(sys.argv[2:3])\n"
)


def enabled() -> bool:
    """Whether this process may use (and start) a server: ``DERIVE_SERVER=on`` only (see the
    module's rules)."""
    if os.environ.get(ENV, "").lower() not in ON:
        return False
    if os.environ.get(worker.ENV, "").lower() in OFF:
        return False
    return (
        sys.platform.startswith("linux")
        and hasattr(socket, "AF_UNIX")
        and hasattr(socket, "SO_PEERCRED")
    )


def server_key() -> str:
    """The server a build may use: derive's source hash (in :func:`cache.key`), the Python
    executable, PyTorch's and NumPy's versions, the machine and the thread settings that could
    change a float ("" when PyTorch is not installed)."""
    try:
        versions = f"torch {metadata.version('torch')} numpy {metadata.version('numpy')}"
    except metadata.PackageNotFoundError:
        return ""
    threads = " ".join(f"{k}={os.environ.get(k, '')}" for k in THREADS)
    return cache.key("server", sys.executable, versions, platform.machine(), threads)[:16]


def folder(create: bool = False) -> Path | None:
    """The servers' folder, when it is safe: a directory of ours that nobody else may enter."""
    where = cache.folder("server")
    if where is None:
        return None
    try:
        if create:
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = where.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return where


def _socket_path(where: Path, key: str) -> Path | None:
    path = where / f"{key}.sock"
    return path if len(os.fsencode(path)) < 108 else None  # sun_path: 108 bytes with its NUL


# ---- the wire: a length, then a pickle (both ends are this user's derive: SO_PEERCRED) ------


def _peer_uid(s: socket.socket) -> int:
    creds = s.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


def _send(s: socket.socket, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    s.sendall(struct.pack(">Q", len(data)) + data)


def _receive(s: socket.socket) -> bytes:
    (size,) = struct.unpack(">Q", _exactly(s, 8))
    if size > MAX_FRAME:
        raise ValueError("frame too large")
    return _exactly(s, size)


def _exactly(s: socket.socket, size: int) -> bytes:
    buf = bytearray()
    while len(buf) < size:
        chunk = s.recv(min(size - len(buf), 1 << 20))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


def _dial(path: Path, timeout: float) -> socket.socket:
    """A connection to the server at ``path`` whose process runs as this user (else OSError)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.settimeout(timeout)
        s.connect(str(path))
        if _peer_uid(s) != os.getuid():
            raise PermissionError("a server of another user")
    except BaseException:
        s.close()
        raise
    return s


# ---- the build's side --------------------------------------------------------------------------


class Client:
    """A build's connection to a warm server: called as
    :func:`~derive.numeric.verify.torch_references` (``None`` when it cannot answer), like
    :class:`~derive.numeric.worker.TorchWorker`; a context manager, or :meth:`close`."""

    def __init__(self, conn: socket.socket, pid: int) -> None:
        self.conn: socket.socket | None = conn
        self.server_pid = pid

    @classmethod
    def connect(cls) -> Client | None:
        """The running server for this derive, Python and PyTorch, or ``None`` (none running,
        not enabled, not ours, not answering)."""
        if not enabled():
            return None
        key = server_key()
        where = folder() if key else None
        path = _socket_path(where, key) if where is not None else None
        if path is None:
            return None
        try:
            conn = _dial(path, CONNECT_TIMEOUT)
        except (OSError, ValueError):
            return None
        try:
            _send(conn, ("hello", key))
            status, pid = pickle.loads(_receive(conn))
            if status != "ok" or not isinstance(pid, int):
                raise ValueError(status)
        except Exception:  # noqa: BLE001 - a stale or broken server: the forked worker instead
            conn.close()
            return None
        return cls(conn, pid)

    def __call__(
        self, d: Derivation, zeros: dict[str, np.ndarray], points: int, full: bool
    ) -> numeric.TorchReferences | None:
        if self.conn is None:
            return None
        try:
            sent = worker.light(d) if isinstance(d, Derivation) else d
            self.conn.settimeout(worker.TIMEOUT)
            _send(self.conn, ("refs", sent, zeros, points, full))
            status, refs = pickle.loads(_receive(self.conn))
        except Exception:  # noqa: BLE001 - a dead or hung server, a value it could not pickle
            self.close()
            return None
        if status != "ok" or not isinstance(refs, numeric.TorchReferences):
            return None
        return refs

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def start() -> bool:
    """Start a server in the background for the next build, unless one runs or is starting, or
    none may (:func:`enabled`). Detached, so that nobody waits for it: its own session (no
    controlling terminal, not in the caller's process group), stdin and stdout /dev/null,
    stderr a log next to its socket, no other descriptor of this process (``close_fds``: not
    the caller's pipes); this process does not wait for it. Never an error; whether one was
    started."""
    if not enabled():
        return False
    key = server_key()
    where = folder(create=True) if key else None
    if where is None or _socket_path(where, key) is None:
        return False
    lock = where / f"{key}.lock"
    if _locked(lock):
        return False  # one is running or importing PyTorch
    try:
        log = os.open(
            where / f"{key}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600
        )
    except OSError:
        return False
    root = str(cache.PACKAGE.parent)
    try:
        # sh puts the server in the background and ends: init, not this build, is its parent
        subprocess.run(
            ["/bin/sh", "-c", '"$@" &', "sh", sys.executable, "-c", BOOT, root, key, str(lock)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            close_fds=True,
            cwd="/",
            start_new_session=True,
            check=True,
            timeout=10,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return False
    finally:
        os.close(log)
    return True


def _locked(path: Path) -> bool:
    """Whether a server holds the lock ``path`` (it holds it from its start to its end)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError:
        return True  # cannot tell: do not start another
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # (releases the lock if we took it)


def running() -> list[dict[str, Any]]:
    """Every server of this user in the cache (this derive's and stale ones): their status."""
    return [info for info in (_ask(p, "status") for p in _sockets()) if info is not None]


def stop() -> list[dict[str, Any]]:
    """Ask every server of this user in the cache to end; the status of each that did."""
    return [info for info in (_ask(p, "stop") for p in _sockets()) if info is not None]


def _sockets() -> list[Path]:
    where = folder()
    return sorted(where.glob("*.sock")) if where is not None else []


def _ask(path: Path, what: str) -> dict[str, Any] | None:
    try:
        with _dial(path, CONNECT_TIMEOUT) as conn:
            _send(conn, (what,))
            status, info = pickle.loads(_receive(conn))
    except Exception:  # noqa: BLE001 - not a server (any more)
        return None
    if status != "ok" or not isinstance(info, dict):
        return None
    info["current"] = path.stem == server_key()
    return info


# ---- the server's side -------------------------------------------------------------------------


def idle_timeout() -> float:
    """``DERIVE_SERVER_IDLE`` seconds (a positive number), else :data:`IDLE`."""
    try:
        seconds = float(os.environ.get(IDLE_ENV, ""))
    except ValueError:
        return IDLE
    return seconds if 0 < seconds < 1e9 else IDLE


def main(argv: list[str]) -> None:
    """The detached server (:data:`BOOT`, which holds the key's lock): ``argv`` is the key the
    build computed. Imports PyTorch, warms it up, then serves until idle, stale or stopped; the
    socket appears only when it is warm, so a build never waits for the import."""
    expected = argv[0]
    where = folder(create=True)
    path = _socket_path(where, expected) if where is not None else None
    if where is None or path is None:
        return
    try:
        os.ftruncate(2, 0)  # this server's log only
    except OSError:
        pass
    numeric._torch()
    _warm_up()
    if server_key() != expected:  # this interpreter found another derive, PyTorch or NumPy
        return
    Server(path, expected, idle_timeout()).run()


def _warm_up() -> None:
    """One request's worth of PyTorch (its first autograd call costs more than the rest)."""
    d = derive(specs.load("tiny-mlp"))
    numeric.torch_references(worker.light(d), numeric.exact_zeros(d), 1, True)


class Server:
    """The accept loop and the requests (one computation at a time)."""

    def __init__(self, path: Path, key: str, idle: float) -> None:
        self.path, self.key, self.idle = path, key, idle
        self.done = threading.Event()
        self.guard = threading.Lock()  # the counters below
        self.compute = threading.Lock()  # PyTorch: one request at a time
        self.active = 0
        self.requests = 0
        self.last = time.monotonic()
        self.since = time.time()
        self.inode = -1

    def run(self) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.path.unlink(missing_ok=True)  # a crashed server's (we hold the lock)
            mask = os.umask(0o177)
            try:
                listener.bind(str(self.path))
            finally:
                os.umask(mask)
            self.inode = self.path.stat().st_ino
            listener.listen(16)
            listener.settimeout(TICK)
            checked = time.monotonic()
            while not self.done.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    if time.monotonic() - checked > RECHECK:
                        checked = time.monotonic()
                        self._recheck()
                    self._check_idle()
                    continue
                try:
                    ours = _peer_uid(conn) == os.getuid()
                except OSError:
                    ours = False
                if not ours:
                    conn.close()
                    continue
                with self.guard:
                    self.active += 1
                threading.Thread(target=self._talk, args=(conn,), daemon=True).start()
        finally:
            listener.close()
            self._unlink()

    def _check_idle(self) -> None:
        with self.guard:
            idle = self.active == 0 and time.monotonic() - self.last > self.idle
        try:
            moved = self.path.stat().st_ino != self.inode
        except OSError:
            moved = True
        if idle or moved:  # (moved: the cache was removed, or another server took the name)
            self.done.set()

    def _recheck(self) -> None:
        """End when derive's source or the libraries changed: this process runs the old ones."""
        cache.source_hash.cache_clear()
        if server_key() != self.key:
            self.done.set()

    def _unlink(self) -> None:
        try:
            if self.path.stat().st_ino == self.inode:
                self.path.unlink()
        except OSError:
            pass

    def _talk(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(self.idle)  # a client that went quiet is let go after the idle time
            while not self.done.is_set():
                try:
                    data = _receive(conn)
                except (OSError, EOFError, ValueError):
                    return
                reply = self._answer(data)
                with self.guard:
                    self.last = time.monotonic()
                _send(conn, reply)
        except (OSError, pickle.PicklingError):
            return
        finally:
            conn.close()
            with self.guard:
                self.active -= 1
                self.last = time.monotonic()

    def _answer(self, data: bytes) -> tuple[str, Any]:
        try:
            message = pickle.loads(data)
            what, args = message[0], message[1:]
        except Exception:  # noqa: BLE001 - not a request of ours
            return ("error", None)
        if what == "hello":
            if args != (self.key,):
                self.done.set()  # a build of another derive found this one: it is stale
                return ("stale", None)
            return ("ok", os.getpid())
        if what == "refs":
            with self.compute:
                try:
                    refs = numeric.torch_references(*args)
                except Exception:  # noqa: BLE001 - the build recomputes it and reports the error
                    return ("error", None)
            with self.guard:
                self.requests += 1
            return ("ok", refs)
        if what == "status":
            return ("ok", self._status())
        if what == "stop":
            self.done.set()
            self._unlink()  # no new build connects from now on
            return ("ok", self._status())
        return ("error", None)

    def _status(self) -> dict[str, Any]:
        with self.guard:
            return {
                "pid": os.getpid(),
                "uptime": time.time() - self.since,
                "idle": self.idle,
                "quiet": time.monotonic() - self.last,
                "requests": self.requests,
                "torch": str(numeric._torch().__version__),
                "python": sys.executable,
            }
