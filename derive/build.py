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
``exercises.md/.tex``  the exercise sheet and ``solutions.md/.tex`` (``exercises``; PDFs too with
                       ``pdf``), and ``OUT/<network>/answers.json``, the answer key; with
                       ``--variant N --seed S`` under ``OUT/<network>/seed-S/variant-N/``
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

from derive import spec as specs

FORMATS = ("md", "tex", "pdf", "ipynb", "py", "exercises")
TEXT_FORMATS = ("md", "tex", "ipynb", "py")
LANGS = ("en", "zh")
PLOT = "training-loss.svg"
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
    variants: tuple[int, ...] = (0,)  # exercise variants (0: the spec's own values)
    seed: int = 0


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
    variant: str | None = None,
    seed: int = 0,
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
    from derive.exercises import ExerciseError, parse_variants

    if variant is not None and "exercises" not in fmts:
        raise BuildError("--variant makes exercise sheets: add -f exercises")
    try:
        variants = parse_variants(variant)
    except ExerciseError as err:
        raise BuildError(str(err)) from None
    return Plan(
        unique,
        fmts,
        _choices(langs, LANGS, "language"),
        Path(out),
        str(Path(templates).resolve()) if templates else None,
        variants,
        int(seed),
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
    written = []
    for s in p.specs:
        written += build_network(s, p, progress)
    return written


def build_network(s: specs.NetSpec, p: Plan, progress: Callable[[str], None]) -> list[Path]:
    written = []
    if set(p.formats) - {"exercises"}:
        written += build_walkthroughs(s, p, progress)
    if "exercises" in p.formats:
        written += build_exercises(s, p, progress)
    return written


def build_exercises(s: specs.NetSpec, p: Plan, progress: Callable[[str], None]) -> list[Path]:
    """Exercise sheets, solutions and answer keys of ``s`` for every variant of ``p``."""
    from derive import exercises

    written = []
    for n in p.variants:
        progress(f"{s.name}: exercises" + (f", variant {n} (seed {p.seed})" if n else ""))
        sheet = exercises.sheet(s, n, p.seed, _shared_proofs())
        base = p.out / s.name / (f"seed-{p.seed}/variant-{n}" if n else "")
        written.append(_write(base / "answers.json", exercises.key_json(sheet)))
        for lang in p.langs:
            for fmt, pair in exercises.TEMPLATES.items():
                for kind, template in zip(("exercises", "solutions"), pair, strict=True):
                    text = exercises.render(sheet, template, lang, p.templates)
                    written.append(_write(base / lang / f"{kind}.{fmt}", text))
                    if fmt == "tex" and "pdf" in p.formats:
                        from derive.pdf import compile_pdf

                        compile_pdf(text, base / lang / f"{kind}.pdf")
                        written.append(base / lang / f"{kind}.pdf")
    return written


def build_walkthroughs(s: specs.NetSpec, p: Plan, progress: Callable[[str], None]) -> list[Path]:
    from derive import exercises, numeric, render
    from derive.backprop import derive
    from derive.walkthrough import build as context

    progress(f"{s.name}: deriving and verifying …")
    d = derive(s)
    exercises.remember(s, d)
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
    w = context(d, report, _shared_proofs(), history, plot=PLOT)
    written = []
    for lang in p.langs:
        folder = p.out / s.name / lang
        svg = None
        if history and {"md", "ipynb"} & set(p.formats):
            from derive.plot import loss_svg

            svg = loss_svg(history, s.loss)
            written.append(_write(folder / PLOT, svg))
        for fmt in p.formats:
            if fmt == "exercises":
                continue
            progress(f"{s.name}: {lang} {fmt}")
            if fmt == "md":
                text = render.render("md/walkthrough.md.j2", w, lang, p.templates)
            elif fmt == "tex":
                text = render.render("tex/walkthrough.tex.j2", w, lang, p.templates)
            elif fmt == "ipynb":
                files = {PLOT: ("image/svg+xml", _bytes(svg))} if svg is not None else {}
                text = render.render_notebook(w, lang, p.templates, files)
            elif fmt == "py":
                text = render.render("py/backprop.py.j2", w, lang, p.templates)
            else:
                from derive.pdf import compile_pdf

                tex = render.render("tex/walkthrough.tex.j2", w, lang, p.templates)
                compile_pdf(tex, folder / FILES["pdf"])
                written.append(folder / FILES["pdf"])
                continue
            written.append(_write(folder / FILES[fmt], text))
    return written


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write(path: Path, data: str | bytes) -> Path:
    from derive.render import write_atomic

    write_atomic(path, data)
    return path
