"""Reading user files safely: never block on a FIFO without a writer, never read without limit.

``derive verify /dev/zero``, ``/proc/kmsg``, a named pipe nobody writes to, ``/dev/stdin`` or a
process substitution (``derive verify <(cat spec.toml)``) all answer at once: device files and
the kernel's ``/proc`` and ``/sys`` files are refused (reading some of them blocks forever or
never ends), at most ``cap + 1`` bytes are read (the caller refuses more), and a FIFO is opened
without waiting for a writer (no writer = an empty file; a writer that is there is read).
"""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

SYSTEM = ("/proc", "/sys")


class NotAFile(OSError):
    """A path that is not a regular file, a pipe or a folder (str: the reason, one line)."""


def read_capped(path: str | os.PathLike[str], cap: int, kind: str = "file") -> bytes:
    """At most ``cap + 1`` bytes of ``path`` (raises ``OSError`` like ``open``; :class:`NotAFile`
    for a device, a socket or a kernel file)."""
    fd = os.open(Path(path), os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise NotAFile(f"is a device or socket, not a {kind}")
        real = os.path.realpath(path)
        if stat.S_ISREG(mode) and any(real == s or real.startswith(s + "/") for s in SYSTEM):
            raise NotAFile(f"is a kernel file under {real.split('/')[1]!r}, not a {kind}")
        # reads may wait for a writer that is already there, never for one that is not
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        chunks: list[bytes] = []
        left = cap + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
