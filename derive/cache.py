"""The per-user cache: derivations for ``derive check`` and the proofs document of ``derive build``.

Entries live under ``$XDG_CACHE_HOME/derive/<kind>/`` (``~/.cache`` without it; ``DERIVE_CACHE=DIR``
puts them under ``DIR/<kind>/``, ``DERIVE_CACHE=off`` turns the cache off). Every key includes
:func:`source_hash` — a hash of derive's own source, catalogues, templates and the SymPy version —
so an edit or an upgrade never reads a stale entry. The folder is created owner-only and entries
are read only when they belong to the current user and nobody else can write them; any problem
with the cache means "not cached", never an error. Output never depends on the cache: an entry
holds exactly the bytes (or object) the same code computes.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.machinery
import importlib.util
import marshal
import os
import stat
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_SOURCES = (".py", ".toml", ".j2")


def folder(kind: str) -> Path | None:
    """The cache folder of ``kind`` (``"derivations"``, ``"proofs"``), or ``None`` when off."""
    where = os.environ.get("DERIVE_CACHE", "")
    if where.lower() in ("off", "0", "no") or os.environ.get("DERIVE_NO_CACHE"):
        return None
    if where:
        return Path(where) / kind
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "derive" / kind


def empty(kind: str) -> bool:
    """Whether the cache holds nothing of ``kind`` (or is off): for ``"numbers"``, a fresh
    machine's, or a cold, build."""
    where = folder(kind)
    if where is None:
        return True
    try:
        with os.scandir(where) as entries:
            return not any(entries)
    except FileNotFoundError:
        return True
    except OSError:
        return False


@functools.cache
def source_hash(*extra: str) -> str:
    """Hash of derive's source files (and of the folders ``extra``, e.g. ``--templates``)."""
    h = hashlib.sha256()
    h.update(_sympy_release())
    templates = PACKAGE / "render" / "templates"
    for root in (PACKAGE, templates.resolve(), *(Path(e) for e in extra)):
        for f in sorted(root.rglob("*")):
            if f.suffix in _SOURCES and f.is_file() and "site_assets" not in f.parts:
                h.update(str(f.relative_to(root)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _sympy_release() -> bytes:
    """SymPy's ``release.py`` (its version), found without importing SymPy or
    ``importlib.metadata`` (50 ms: ``derive check``'s fast path starts in 0.2 s)."""
    spec = importlib.util.find_spec("sympy")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            return (Path(folder) / "release.py").read_bytes()
        except OSError:
            continue
    return b""  # pragma: no cover - sympy is a dependency


def key(*parts: str | bytes) -> str:
    """A cache key from ``parts`` and :func:`source_hash`."""
    h = hashlib.sha256(source_hash().encode())
    for part in parts:
        h.update(b"\0")
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
    return h.hexdigest()[:40]


def read(kind: str, name: str) -> bytes | None:
    """The entry ``name`` of ``kind``, if cached and safe to read (ours, not writable by others)."""
    where = folder(kind)
    if where is None:
        return None
    path = where / name
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Store ``data`` atomically, owner-only; a cache that cannot be written is no error."""
    where = folder(kind)
    if where is None:
        return
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = where / f".{name}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, where / name)
    except OSError:
        pass


# derive's own compiled modules: where Python writes no bytecode (PYTHONDONTWRITEBYTECODE, as on
# this project's machines) and derive is installed from source (``pip install -e .``: no
# ``__pycache__``), every process compiled derive's 2 MB of source again — 0.2 s of CPU, a third
# of an unchanged handout's rebuild. The compiled modules are kept in the cache instead, checked
# against a hash of their source as Python's own hash-based ``.pyc`` files are (so an edit, a
# second checkout or an upgrade never runs stale code), and read only under the cache's rules.
_PYC_FLAGS = (0b11).to_bytes(4, "little")  # PEP 552: hash-based, checked against the source


class CompiledInCache(importlib.machinery.SourceFileLoader):
    """A loader of derive's modules whose code objects come from the cache when the source's
    hash matches, and are compiled and stored otherwise."""

    def get_code(self, fullname: str):  # noqa: ANN201 - a code object, as the base class
        path = self.get_filename(fullname)
        source = self.get_data(path)
        kind, name, header = _entry(path, source)
        data = read(kind, name)
        if data is not None and data[:16] == header:
            try:
                return marshal.loads(data[16:])
            except (EOFError, ValueError, TypeError):
                pass
        code = self.source_to_code(source, path)
        write(kind, name, header + marshal.dumps(code))
        return code


def _entry(path: str, source: bytes) -> tuple[str, str, bytes]:
    """The cache kind, entry name and header of the compiled module at ``path``."""
    header = importlib.util.MAGIC_NUMBER + _PYC_FLAGS + importlib.util.source_hash(source)
    name = hashlib.sha256(os.fsencode(path)).hexdigest()[:32] + ".pyc"
    return f"bytecode/{sys.implementation.cache_tag}", name, header


def _finder(path: str) -> importlib.machinery.FileFinder:
    """The path hook of derive's own folders (any other folder: not ours, the next hook's)."""
    real = os.path.realpath(path)
    if real != str(PACKAGE) and not real.startswith(str(PACKAGE) + os.sep):
        raise ImportError("not a folder of derive")
    suffixes = importlib.machinery.SOURCE_SUFFIXES
    return importlib.machinery.FileFinder(path, (CompiledInCache, suffixes))


def compile_into_cache() -> None:
    """Load derive's modules through :class:`CompiledInCache` from now on — only where Python
    keeps no bytecode of them itself (bytecode writing off, no ``__pycache__`` beside this file,
    no ``PYTHONPYCACHEPREFIX``) and the cache is on."""
    here = importlib.util.cache_from_source(__file__)
    if not sys.dont_write_bytecode or sys.pycache_prefix or os.path.exists(here):
        return
    if folder("bytecode") is None or _finder in sys.path_hooks:
        return
    sys.path_hooks.insert(0, _finder)
    for cached in [p for p in sys.path_importer_cache if isinstance(p, str)]:
        real = os.path.realpath(cached)
        if real == str(PACKAGE) or real.startswith(str(PACKAGE) + os.sep):
            del sys.path_importer_cache[cached]


def precompile(packages: tuple[str, ...]) -> None:
    """Compile the modules of derive's ``packages`` (``"engine"``, …; in that order) not yet
    imported here and store them where this process's imports look first — the cache under
    :func:`compile_into_cache`, else ``__pycache__`` where Python writes bytecode — as those
    imports would (the same compiler, the same entry). For the child that ``derive build``
    forks on a fresh machine: on the other core, while the build imports SymPy, so the build
    then finds derive's modules compiled (about 0.2 s of CPU it need not spend before it forks
    PyTorch's worker). An entry already there, a module that cannot be read or compiled, a
    cache or folder that cannot be written: skipped (the import compiles it then, as always)."""
    cached = _finder in sys.path_hooks
    if not cached and sys.dont_write_bytecode:
        return
    import py_compile

    loaded = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    here = os.path.dirname(__file__)  # as the imports found derive (the entries' names: its paths)
    for package in packages:
        for path in sorted((PACKAGE / package).glob("*.py")):
            where = os.path.join(here, package, path.name)
            if path.name == "__main__.py" or where in loaded:
                continue
            try:
                if cached:
                    source = path.read_bytes()
                    kind, name, header = _entry(where, source)
                    data = read(kind, name)
                    if data is None or data[:16] != header:
                        code = CompiledInCache("", where).source_to_code(source, where)
                        write(kind, name, header + marshal.dumps(code))
                elif _pycache_current(where) is False:
                    py_compile.compile(
                        where,
                        doraise=True,
                        invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP,
                    )
            except (OSError, SyntaxError, ValueError, py_compile.PyCompileError):
                continue


def _pycache_current(path: str) -> bool | None:
    """Whether Python's own bytecode of ``path`` (in ``__pycache__``, checked against the
    source's time and size as an import checks it) is up to date; ``None`` where it has none."""
    try:
        cfile = importlib.util.cache_from_source(path)
        st = os.stat(path)
    except (NotImplementedError, ValueError, OSError):
        return None
    try:
        with open(cfile, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return (
        head[:4] == importlib.util.MAGIC_NUMBER
        and head[4:8] == bytes(4)
        and head[8:12] == (int(st.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little")
        and head[12:16] == (st.st_size & 0xFFFFFFFF).to_bytes(4, "little")
    )
