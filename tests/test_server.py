"""The warm PyTorch server of ``derive build`` (derive/numeric/server.py): the references it
answers are the ones computed in process, a build that uses it writes the bytes a build without
it writes (and imports no torch), it is used only where allowed, anything wrong with it falls
back to computing here, and it ends by itself, when stale, or on ``derive server stop``.

Every server these tests start lives in a private cache folder with a short idle timeout and is
stopped (and, failing that, killed by its pid) when the test ends."""

from __future__ import annotations

import io
import os
import pickle
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("torch")
if not sys.platform.startswith("linux"):
    pytest.skip("the server runs on Linux only", allow_module_level=True)

from derive.numeric import server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPEC = (ROOT / "derive/lang/specs/tiny-mlp.toml").read_text("utf-8")
CLEAR = ("DERIVE_CACHE", "DERIVE_NO_CACHE", "DERIVE_WORKER", "DERIVE_SERVER", "DERIVE_SERVER_IDLE")


@pytest.fixture
def short() -> Iterator[Path]:
    """A folder with a short path: a socket's path holds at most 107 bytes (pytest's are long)."""
    folder = Path(tempfile.mkdtemp(prefix="derive-server-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _env(cache: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEAR}
    env.update(PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1", XDG_CACHE_HOME=str(cache))
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=600, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _edited(folder: Path, value: str) -> Path:
    spec = folder / f"net-{value}.toml"
    spec.write_text(SPEC.replace("X = [[0.5", f"X = [[{value}", 1), "utf-8")
    return spec


def _sockets(cache: Path) -> list[Path]:
    return sorted((cache / "derive" / "server").glob("*.sock"))


def _wait(check, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def _pids(cache: Path) -> list[int]:
    """The servers of the cache folder ``cache``: their command line names its lock file."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[0] != os.fsencode(sys.executable):
            continue  # (the shell that put it in the background names the lock file too)
        if any(a.startswith(os.fsencode(cache)) and a.endswith(b".lock") for a in argv):
            if _alive(int(proc.name)):
                found.append(int(proc.name))
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"


def _start(cache: Path, env: dict[str, str]) -> list[int]:
    """Start a server as a lecturer's first build does; its pid once it is warm."""
    _run(["-c", "from derive.numeric import server; assert server.start()"], env)
    _wait(lambda: _pids(cache))
    pids = _pids(cache)
    assert len(pids) == 1, pids
    _wait(lambda: _sockets(cache) or not _alive(pids[0]))
    return pids


def _end(pids: list[int], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "derive", "server", "stop"], env=env, cwd=ROOT,
        capture_output=True, timeout=120,
    )
    for pid in pids:
        try:
            _wait(lambda: not _alive(pid), 30)
        except AssertionError:
            os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def warm() -> Iterator[tuple[Path, dict[str, str]]]:
    """A server started by a build with DERIVE_SERVER=on (it found none), then warm."""
    cache = Path(tempfile.mkdtemp(prefix="derive-server-"))
    env = _env(cache, DERIVE_SERVER="on", DERIVE_SERVER_IDLE="300")
    pids: list[int] = []
    try:
        spec = _edited(cache, "0.4375")
        _run(["-m", "derive", "build", str(spec), "-f", "md", "--lang", "en", "-o",
              str(cache / "first")], env)
        _wait(lambda: _sockets(cache))
        pids = _pids(cache)
        assert len(pids) == 1
        yield cache, env
    finally:
        _end(pids, env)
        shutil.rmtree(cache, ignore_errors=True)


SAME = r"""
import dataclasses, sys
import numpy as np
from derive.lang import spec as S
from derive.engine.backprop import derive
from derive.numeric import verify as V
from derive.numeric.server import Client

def same(a, b):
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()
    if dataclasses.is_dataclass(a):
        return type(a) is type(b) and all(
            same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and a != a:
        return b != b
    return type(a) is type(b) and a == b

names = sys.argv[1:]
ds = [derive(S.load(n)) for n in names]
c = Client.connect()
assert c is not None, "no server"
answered = []
def refs(*args):
    r = c(*args)
    answered.append(r is not None)
    return r
with c:
    # a request it cannot answer: None (the caller computes it), and the connection lives on
    assert c(None, {}, 3, True) is None
    reports = [V.verify(d, references=refs) for d in ds]
assert "torch" not in sys.modules  # everything PyTorch did, the server did
assert answered == [True] * len(ds), answered
for n, d, r in zip(names, ds, reports):
    here = V.verify(d)  # PyTorch imported here now
    assert same(r, here), n
    print(n, "same", r.ok)
"""


@pytest.mark.slow
def test_the_servers_references_are_the_in_process_ones(warm) -> None:
    cache, env = warm
    # tiny-mlp (the edit loop), relu-mlp ([full_dims], [train]), neuron (a scaled loss: the
    # bare-loss reference), batchnorm (a one-column reduction), softmax-regression (one-hot)
    names = ["tiny-mlp", "relu-mlp", "neuron", "batchnorm", "softmax-regression"]
    out = _run(["-c", SAME, *names], env).stdout
    for n in names:
        assert f"{n} same True" in out


@pytest.mark.slow
def test_a_build_with_the_warm_server_imports_no_torch_and_writes_the_same_bytes(
    warm, tmp_path: Path
) -> None:
    cache, env = warm
    before = _run(["-m", "derive", "server", "status"], env).stdout
    spec = _edited(tmp_path, "0.3125")
    args = ["build", str(spec), "-f", "md,py", "--lang", "en,zh"]
    done = _run(["-X", "importtime", "-m", "derive", *args, "-o", str(tmp_path / "a")], env)
    # the edited network's references came from the server
    assert not re.search(r"\|\s+torch$", done.stderr, re.M), "imported torch"
    assert re.search(r"\|\s+sympy$", done.stderr, re.M)  # (what the log looks like)
    after = _run(["-m", "derive", "server", "status"], env).stdout
    assert before != after and "this derive" in after
    alone = _env(tmp_path / "other", DERIVE_SERVER="off", DERIVE_CACHE="off")
    _run(["-m", "derive", *args, "-o", str(tmp_path / "b")], alone)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*"))
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*"))
    for f in files:
        if (tmp_path / "a" / f).is_file():
            assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


@pytest.mark.slow
def test_a_non_interactive_build_starts_no_server(tmp_path: Path) -> None:
    env = _env(tmp_path / "cache")  # DERIVE_SERVER unset and stderr not a terminal: CI, pytest
    spec = _edited(tmp_path, "0.1875")
    _run(["-m", "derive", "build", str(spec), "-f", "md", "--lang", "en", "-o",
          str(tmp_path / "o")], env)
    assert not (tmp_path / "cache" / "derive" / "server").exists()


@pytest.mark.slow
def test_a_build_from_a_terminal_never_keeps_its_caller_waiting(tmp_path: Path) -> None:
    """`derive build | cat` in a terminal, or a harness's pipes around a pseudo-terminal: the
    build needs PyTorch (an edited value), its stderr is a terminal and its stdout a pipe. The
    caller's read of the pipe ends with the build (communicate returns), and no server is left
    running: a plain build starts none (DERIVE_SERVER unset)."""
    cache = tmp_path / "cache"
    env = _env(cache)
    spec = _edited(tmp_path, "0.0625")
    primary, secondary = os.openpty()
    reader = threading.Thread(target=_drain, args=(primary,), daemon=True)
    reader.start()
    try:
        build = subprocess.Popen(
            [sys.executable, "-m", "derive", "build", str(spec), "-f", "md", "--lang", "en",
             "-o", str(tmp_path / "o")],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary, env=env,
            cwd=ROOT, start_new_session=True,  # (the pty is its controlling terminal)
        )
        os.close(secondary)
        secondary = -1
        out, _ = build.communicate(timeout=600)  # EOF: nobody holds the pipe any more
    finally:
        if secondary >= 0:
            os.close(secondary)
    assert build.returncode == 0
    assert (tmp_path / "o" / "tiny-mlp" / "en" / "walkthrough.md").is_file()
    assert not _pids(cache) and not (cache / "derive" / "server").exists()
    reader.join(30)
    os.close(primary)


def _drain(fd: int) -> None:
    """Read a pseudo-terminal's output until its last writer closes it."""
    try:
        while os.read(fd, 1 << 16):
            pass
    except OSError:  # EIO: no writer left
        pass


@pytest.mark.slow
def test_a_started_server_holds_none_of_the_callers_pipes(warm) -> None:
    """The server a build started (DERIVE_SERVER=on, run with capture_output: its stdout and
    stderr were pipes) is detached: its own session and process group, no terminal, and no
    pipe among its descriptors (only /dev/null, its log and lock, sockets)."""
    cache, env = warm
    (pid,) = _pids(cache)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    pgrp, session, tty = int(fields[2]), int(fields[3]), int(fields[4])
    # (the session of the shell that put it in the background: not ours, nor our group)
    assert session == pgrp and session != os.getsid(0) and pgrp != os.getpgrp() and tty == 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # (closed meanwhile)
        assert not target.startswith(("pipe:", "/dev/pts", "/dev/tty")), (fd.name, target)
        assert (
            target == "/dev/null" or target.startswith(("socket:", "anon_inode:", str(cache)))
        ), (fd.name, target)


def test_where_the_server_may_be_used(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for k in CLEAR:
        monkeypatch.delenv(k, raising=False)
    assert not server.enabled()  # pytest: stderr is no terminal
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert not server.enabled()  # a terminal is no sign of a person: opt-in only
    monkeypatch.setenv("DERIVE_SERVER", "on")
    assert server.enabled()
    monkeypatch.setenv("DERIVE_WORKER", "off")  # one process: no server either
    assert not server.enabled()
    monkeypatch.delenv("DERIVE_WORKER")
    monkeypatch.setenv("DERIVE_SERVER", "off")
    assert not server.enabled()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    monkeypatch.setenv("DERIVE_SERVER", "on")
    assert server.enabled()
    monkeypatch.setenv("DERIVE_CACHE", "off")  # no cache, no socket folder
    assert server.folder(create=True) is None and server.Client.connect() is None
    for raw, seconds in (("2.5", 2.5), ("-1", server.IDLE), ("soon", server.IDLE)):
        monkeypatch.setenv("DERIVE_SERVER_IDLE", raw)
        assert server.idle_timeout() == seconds


def _fake_server(path: Path, behaviour: str) -> threading.Thread:
    """A process-local stand-in at ``path``: greets as a server would, then misbehaves."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(4)

    def reply(conn: socket.socket, message: object) -> None:
        data = pickle.dumps(message)
        conn.sendall(struct.pack(">Q", len(data)) + data)

    def serve() -> None:
        conn, _ = listener.accept()
        with conn, listener:
            conn.recv(1 << 16)
            if behaviour == "garbage":
                conn.sendall(b"\x00\x00\x00\x00\x00\x00\x00\x05hello")
                return
            reply(conn, ("ok", os.getpid()))
            conn.recv(1 << 20)  # the request
            if behaviour == "wrong type":
                reply(conn, ("ok", {"example": "not references"}))
            # then hang up ("dies": before any answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("behaviour", ["garbage", "dies", "wrong type"])
def test_a_broken_server_means_the_references_are_computed_here(
    behaviour: str, short: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from derive.engine.backprop import derive
    from derive.lang import spec as specs
    from derive.numeric import verify as numeric

    for k in CLEAR:
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(short))
    monkeypatch.setenv("DERIVE_SERVER", "on")
    where = server.folder(create=True)
    assert where is not None
    thread = _fake_server(where / f"{server.server_key()}.sock", behaviour)
    client = server.Client.connect()
    if behaviour == "garbage":
        assert client is None  # not greeted as a server greets: never used
    else:
        assert client is not None
        d = derive(specs.load("neuron"))
        report = numeric.verify(d, points=1, references=client)
        assert client.conn is None or behaviour == "wrong type"
        assert report.ok and pickle.dumps(report) == pickle.dumps(numeric.verify(d, points=1))
        client.close()
    thread.join(10)


def test_a_folder_others_may_enter_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("DERIVE_SERVER", "on")
    monkeypatch.delenv("DERIVE_CACHE", raising=False)
    where = server.folder(create=True)
    assert where is not None and (where.stat().st_mode & 0o777) == 0o700
    where.chmod(0o755)
    assert server.folder() is None and server.Client.connect() is None
    assert not server.start()  # nor is a server started there


@pytest.mark.slow
def test_the_server_ends_when_idle_and_when_stale(short: Path) -> None:
    cache = short
    env = _env(cache, DERIVE_SERVER="on", DERIVE_SERVER_IDLE="1")
    pids = _start(cache, env)
    try:
        _wait(lambda: not _alive(pids[0]), 60)  # a second without a request
        assert not _sockets(cache)
        logs = list((cache / "derive/server").glob("*.log"))
        assert logs and not any(f.read_text() for f in logs)  # it ended well, not by an error
        env["DERIVE_SERVER_IDLE"] = "300"
        pids = _start(cache, env)
        # a client of another derive (a different key) finds it: it answers "stale" and ends
        code = (
            "from derive.numeric import server as S\n"
            "c = S._dial(S._sockets()[0], 5)\nS._send(c, ('hello', 'another derive'))\n"
            "import pickle\nprint(pickle.loads(S._receive(c))[0])\n"
        )
        assert _run(["-c", code], env).stdout.split() == ["stale"]
        _wait(lambda: not _alive(pids[0]), 60)
        assert not _sockets(cache)
        assert _run(["-m", "derive", "server", "status"], env).stdout.startswith(
            "no server running"
        )
    finally:
        _end(pids, env)


@pytest.mark.slow
def test_derive_server_stop(short: Path) -> None:
    cache = short
    env = _env(cache, DERIVE_SERVER="on", DERIVE_SERVER_IDLE="300")
    pids = _start(cache, env)
    try:
        code = "from derive.numeric import server; print(server.start())"
        assert _run(["-c", code], env).stdout.strip() == "False"  # one runs: no second one
        out = _run(["-m", "derive", "server", "stop"], env).stdout
        assert out.split() == ["stopped", "server", str(pids[0])]
        _wait(lambda: not _alive(pids[0]), 30)
        assert not _sockets(cache)
        out = _run(["-m", "derive", "server", "stop"], env).stdout
        assert out.strip() == "no server running"
    finally:
        _end(pids, env)
