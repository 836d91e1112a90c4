"""``derive build``: specs → derivations → walkthrough files (DESIGN.md §4–5).

For each network: derive (every step verified), compare with PyTorch and finite differences,
train when the spec has ``[train]``, build the :class:`~derive.walkthrough.Walkthrough` once,
then render it per language and format into ``OUT/<network>/<lang>/``:

=====================  ==========================================================================
``walkthrough.md``     Markdown in the portable math dialect (``md``)
``walkthrough.tex``    LaTeX for xelatex (``tex``); ``walkthrough.pdf`` with ``pdf``
``walkthrough.ipynb``  the notebook (``ipynb``)
``backprop.py``        standalone NumPy backprop + optional PyTorch comparison (``py``)
``training-loss.svg``  the loss curve, for networks with ``[train]`` (with ``md``/``ipynb``)
=====================  ==========================================================================

Every file is written atomically; the same inputs give the same bytes. Nothing is written
until every network and option has been validated (:func:`plan`).
"""

from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from derive import spec as specs

FORMATS = ("md", "tex", "pdf", "ipynb", "py")
TEXT_FORMATS = ("md", "tex", "ipynb", "py")
LANGS = ("en", "zh")
PLOT = "training-loss.svg"
DETAILS = ("brief", "standard", "full")
PROOFS_DIR = "proofs"  # OUT/proofs/<lang>/proofs.{md,tex,pdf}: the general proofs, once
FILES = {
    "md": "walkthrough.md",
    "tex": "walkthrough.tex",
    "pdf": "walkthrough.pdf",
    "ipynb": "walkthrough.ipynb",
    "py": "backprop.py",
}


class BuildError(ValueError):
    """A bad option (format, language, templates directory): exit code 2."""


@dataclass(frozen=True)
class Plan:
    """What to build, fully validated."""

    specs: tuple[specs.NetSpec, ...]
    formats: tuple[str, ...]
    langs: tuple[str, ...]
    out: Path
    templates: str | None
    detail: str = "standard"


def _choices(raw: Iterable[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    items = [x.strip() for part in raw for x in part.split(",") if x.strip()]
    bad = [x for x in items if x not in allowed]
    if bad or not items:
        raise BuildError(
            f"unknown {what} {', '.join(bad) or '(none given)'}; choose from: {', '.join(allowed)}"
        )
    return tuple(x for x in allowed if x in items)  # canonical order, no duplicates


def plan(
    nets: Iterable[str],
    formats: Iterable[str],
    langs: Iterable[str],
    out: str | Path,
    templates: str | None = None,
    detail: str = "standard",
) -> Plan:
    """Validate everything before any work: specs (raise ``SpecError``), formats, languages,
    the templates directory (raise :class:`BuildError`), TeX for ``pdf`` (raise
    :class:`~derive.pdf.ToolMissing`)."""
    names = list(nets) or specs.builtin_names()
    loaded = tuple(specs.load(n) for n in names)
    seen: dict[str, str] = {}
    for n, s in zip(names, loaded, strict=True):
        if s.name in seen and seen[s.name] != n:
            raise BuildError(
                f"two specs are both named '{s.name}' ({seen[s.name]}, {n}); "
                "rename one in its [network] table"
            )
        seen[s.name] = n
    unique = tuple({s.name: s for s in loaded}.values())
    if PROOFS_DIR in seen:
        raise BuildError(
            f"a network may not be named '{PROOFS_DIR}' (OUT/{PROOFS_DIR}/ holds the proofs "
            "document); rename it in its [network] table"
        )
    if detail not in DETAILS:
        raise BuildError(f"unknown detail {detail}; choose from: {', '.join(DETAILS)}")
    fmts = _choices(formats, FORMATS, "format")
    if "pdf" in fmts:
        from derive.pdf import INSTALL_HINT, ToolMissing

        missing = [t for t in ("latexmk", "xelatex") if shutil.which(t) is None]
        if missing:
            raise ToolMissing(
                f"-f pdf needs {' and '.join(missing)}, not found on PATH; "
                f"install TeX with: {INSTALL_HINT}"
            )
    if templates is not None and not Path(templates).is_dir():
        raise BuildError(
            f"--templates {templates}: not a directory; copy the templates/ "
            "folder of derive and point to it"
        )
    return Plan(
        unique,
        fmts,
        _choices(langs, LANGS, "language"),
        Path(out),
        str(Path(templates).resolve()) if templates else None,
        detail,
    )


class _LazyProofs(dict):
    """Proofs built on first use (each costs a few hundred ms), shared by all networks."""

    def __init__(self) -> None:
        from derive import proofs

        super().__init__()
        self._names = set(proofs.proof_names())

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __getitem__(self, name: str):
        if not dict.__contains__(self, name):
            from derive import proofs

            dict.__setitem__(self, name, proofs.get_proof(name))
        return dict.__getitem__(self, name)


@functools.cache
def _shared_proofs() -> _LazyProofs:
    return _LazyProofs()


def build(p: Plan, progress: Callable[[str], None] = lambda m: None) -> list[Path]:
    """Build everything in ``p``; returns the files written, in order."""
    written: list[Path] = []
    cited: list[str] = []
    for s in p.specs:
        written += build_network(s, p, progress, cited)
    if p.detail != "full" and cited and {"md", "tex", "pdf"} & set(p.formats):
        written += build_proofs(cited, p, progress)
    return written


def build_proofs(names: list[str], p: Plan, progress: Callable[[str], None]) -> list[Path]:
    """The proofs document: every general proof the handouts of this build cite, once per
    language, in the catalogue's order, into ``OUT/proofs/<lang>/``."""
    from derive import proofs, render
    from derive.walkthrough import proofs_document

    ordered = [n for n in proofs.proof_names() if n in names]
    progress(f"proofs: {', '.join(ordered)}")
    docs: list[Any] = []

    def doc() -> Any:  # built (and verified) only when a file is not in the cache
        if not docs:
            docs.append(proofs_document(ordered, _shared_proofs()))
        return docs[0]

    written = []
    for lang in p.langs:
        folder = p.out / PROOFS_DIR / lang
        for fmt in p.formats:
            if fmt not in ("md", "tex", "pdf"):
                continue
            name = {"md": "proofs.md", "tex": "proofs.tex", "pdf": "proofs.pdf"}[fmt]
            key = _cache_key(ordered, lang, fmt, p.templates)
            data = _cache_get(key)
            if data is None:
                template = "md/proofs.md.j2" if fmt == "md" else "tex/proofs.tex.j2"
                text = render.render(template, doc(), lang, p.templates)
                if fmt == "pdf":
                    import tempfile

                    from derive.pdf import compile_pdf

                    with tempfile.TemporaryDirectory(prefix="derive-proofs-") as tmp:
                        compile_pdf(text, Path(tmp) / name)
                        data = (Path(tmp) / name).read_bytes()
                else:
                    data = text.encode("utf-8")
                _cache_put(key, data)
            written.append(_write(folder / name, data))
    return written


# ---- the proofs cache ---------------------------------------------------------------------------
# The proofs document depends only on derive's own code, catalogues and templates, the proofs
# cited, the language and the format: its bytes are cached under that key (a lecturer's
# rebuild of one handout does not rebuild the proofs). DERIVE_CACHE=off disables the cache.


def _cache_dir() -> Path | None:
    import os

    where = os.environ.get("DERIVE_CACHE", "")
    if where.lower() in ("off", "0", "no"):
        return None
    base = Path(where) if where else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "derive" / "proofs" if not where else base


@functools.cache
def _code_hash(templates: str | None) -> str:
    import hashlib

    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    roots = [here, (here / "templates").resolve()] + ([Path(templates)] if templates else [])
    for root in roots:
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.suffix in (".py", ".toml", ".j2") and "templates" not in (
                f.relative_to(root).parts if root == here else ()
            ):
                h.update(str(f.relative_to(root)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def _cache_key(names: list[str], lang: str, fmt: str, templates: str | None) -> str:
    import hashlib

    parts = [_code_hash(templates), ",".join(names), lang, fmt]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _cache_get(key: str) -> bytes | None:
    folder = _cache_dir()
    try:
        return (folder / key).read_bytes() if folder else None
    except OSError:
        return None


def _cache_put(key: str, data: bytes) -> None:
    folder = _cache_dir()
    if folder is None:
        return
    try:
        _write(folder / key, data)
    except OSError:
        pass  # a read-only home: no cache, same output


def build_network(
    s: specs.NetSpec, p: Plan, progress: Callable[[str], None], cited: list[str] | None = None
) -> list[Path]:
    from derive import numeric, render
    from derive.backprop import derive
    from derive.walkthrough import build as context

    progress(f"{s.name}: deriving and verifying …")
    d = derive(s)
    try:
        report = numeric.verify(d)
    except numeric.TorchMissing:
        print(
            f"warning: {s.name}: PyTorch is not installed; the walkthrough says so and "
            "compares with finite differences only (pip install torch)",
            file=sys.stderr,
        )
        report = numeric.verify(d, use_torch=False)
    history = numeric.train(d) if s.train else None
    w = context(d, report, _shared_proofs(), history, plot=PLOT, detail=p.detail)
    if cited is not None:
        cited += [c.name for c in w.cited if c.name not in cited]
    written = []
    has_py = "py" in p.formats  # "backprop.py next to this file" only when it is written
    for lang in p.langs:
        folder = p.out / s.name / lang
        if history and {"md", "ipynb"} & set(p.formats):
            from derive.plot import loss_svg

            written.append(_write(folder / PLOT, loss_svg(history, s.loss)))
        for fmt in p.formats:
            progress(f"{s.name}: {lang} {fmt}")
            if fmt == "md":
                text = render.render("md/walkthrough.md.j2", w, lang, p.templates, has_py=has_py)
            elif fmt == "tex":
                text = render.render("tex/walkthrough.tex.j2", w, lang, p.templates, has_py=has_py)
            elif fmt == "ipynb":
                text = render.render_notebook(w, lang, p.templates)
            elif fmt == "py":
                text = render.render("py/backprop.py.j2", w, lang, p.templates)
            else:
                from derive.pdf import compile_pdf

                tex = render.render("tex/walkthrough.tex.j2", w, lang, p.templates, has_py=has_py)
                compile_pdf(tex, folder / FILES["pdf"])
                written.append(folder / FILES["pdf"])
                continue
            written.append(_write(folder / FILES[fmt], text))
    return written


def _write(path: Path, data: str | bytes) -> Path:
    from derive.render import write_atomic

    write_atomic(path, data)
    return path
