"""The general proofs as the engine proved them, shipped with derive (``proven.pickle``).

The size-independent proofs (:data:`derive.proofs.registry.PROOFS`) do not depend on any spec:
the same source proves the same steps on every machine. Proving them costs about 1.7 s of CPU
(3 s with ``zero-init``), more than all the rest of a fresh machine's first ``derive build`` of
one network. So the package ships the proofs the engine made — every :class:`~.core.Proof`
with its verified steps, pickled by ``python -m derive.proofs`` — under a key: a hash of the
source files that make them (:data:`SOURCES`, the import closure of the registry), the Python
version and the SymPy and mpmath releases. :func:`shipped` returns them only when the key is
the current one; after any change to that source (or another SymPy) the proofs are proved
afresh, as without this file, until ``python -m derive.proofs`` writes it again.

``tests/test_proven.py`` proves every proof from scratch on each run and requires the shipped
ones to be equal to them (and the key current, and :data:`SOURCES` to cover every module the
proofs import), so the shipped file is always what the engine proves now. ``DERIVE_PROVEN=off``
turns it off. Titles are prose: they are taken from the catalogues when a proof is read
(:func:`derive.proofs.registry.get_proof`), never from this file.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import mpmath

from derive import cache

PACKAGE = Path(__file__).resolve().parent.parent  # derive/
FILE = Path(__file__).with_name("proven.pickle")
ENV = "DERIVE_PROVEN"  # "off" (or 0/no): prove every proof afresh
# the source files the proofs are made by: the import closure of derive.proofs.registry
# (tests/test_proven.py checks that it is complete); the catalogues are not in it (prose only)
SOURCES = (
    "__init__.py",
    "errors.py",
    "engine/__init__.py",
    "engine/exactdot.py",
    "engine/printing.py",
    "engine/steps.py",
    "engine/tolerance.py",
    "lang/__init__.py",
    "lang/ops.py",
    "locale/__init__.py",
    "locale/catalog.py",
    "proofs/__init__.py",
    "proofs/activations.py",
    "proofs/core.py",
    "proofs/initialisation.py",
    "proofs/linear.py",
    "proofs/losses.py",
    "proofs/normalisation.py",
    "proofs/registry.py",
)


@functools.cache
def key() -> str:
    """The hash the shipped proofs must carry: :data:`SOURCES`, Python, SymPy, mpmath."""
    h = hashlib.sha256()
    h.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    h.update(cache._sympy_release())
    h.update(f"\0mpmath {mpmath.__version__}\0".encode())
    for rel in SOURCES:
        h.update(rel.encode() + b"\0")
        try:
            h.update((PACKAGE / rel).read_bytes())
        except OSError:
            h.update(b"(missing)")
    return h.hexdigest()


def wanted() -> bool:
    """Whether the shipped proofs may be used (not turned off by ``DERIVE_PROVEN``)."""
    return os.environ.get(ENV, "").lower() not in ("off", "0", "no")


@functools.cache
def shipped() -> dict[str, Any]:
    """``{name: Proof}`` from :data:`FILE` when its key is :func:`key`; ``{}`` when turned off,
    missing, stale or unreadable (then every proof is proved afresh)."""
    if not wanted():
        return {}
    try:
        data = pickle.loads(FILE.read_bytes())
        if data["key"] != key():
            return {}
        return dict(data["proofs"])
    except Exception:  # noqa: BLE001 - a missing or damaged file means "prove them here"
        return {}


def dump(proofs: dict[str, Any]) -> bytes:
    """The bytes of :data:`FILE` for ``proofs`` (proved afresh by the caller)."""
    return pickle.dumps({"key": key(), "proofs": dict(proofs)}, protocol=4)
