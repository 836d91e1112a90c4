"""``derive build``: specs → derivations → walkthrough files (DESIGN.md §4–5).

For each network: derive (every step verified), compare with PyTorch and finite differences,
train when the spec has ``[train]``, build the :class:`~derive.walkthrough.records.Walkthrough` once,
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

import errno
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import jinja2

from derive import cache, forks, proofs
from derive.engine.backprop import derive, derive_deferred
from derive.engine.deferred import PendingChecks
from derive.errors import DeriveError, OptionError, OutputPathError, TemplateError
from derive.lang import spec as specs
from derive.locale.catalog import refusal, said
from derive.numeric import verify as numeric
from derive.numeric import worker as torch_worker
from derive.numeric.worker import TorchWorker, numbers_key
from derive.proofs import proven, shared_proofs
from derive.render import environment as render
from derive.render import exercises, jinja_setup
from derive.render.environment import environment, write_atomic
from derive.render.exercises import parse_variants
from derive.render.pdf import INSTALL_HINT, ToolMissing, compile_pdf
from derive.render.plot import loss_svg
from derive.walkthrough.context import build as context
from derive.walkthrough.context import prepare as prepare_context
from derive.walkthrough.context import proofs_document

FORMATS = ("md", "tex", "pdf", "ipynb", "py", "exercises")
TEXT_FORMATS = ("md", "tex", "ipynb", "py")
LANGS = ("en", "zh")
DETAILS = ("brief", "standard", "full")
PROOFS_DIR = "proofs"  # OUT/proofs/<lang>/proofs.{md,tex,pdf}: the general proofs, once
PLOT = "training-loss.svg"
POINTS = 3  # random points of the numeric comparison (numeric.verify's default)
FILES = {
    "md": "walkthrough.md",
    "tex": "walkthrough.tex",
    "pdf": "walkthrough.pdf",
    "ipynb": "walkthrough.ipynb",
    "py": "backprop.py",
}


class BuildError(OptionError, ValueError):
    """A bad option (format, language, templates directory): exit code 2."""


class SourceChangedError(DeriveError):
    """derive's own source (a module, a template, a catalogue) was edited while a build ran:
    the process mixed old code with new templates (Jinja reloads a changed template; the
    Python records stay the old ones), which fails as a template error that no rerun shows.
    Nothing is written; the message says so (exit code 2)."""


def _source_now() -> str:
    """The hash of derive's source as it is on disk now (not the cached one)."""
    return cache.source_hash.__wrapped__()


def _unchanged(origin: str) -> None:
    if _source_now() != origin:
        raise SourceChangedError(
            "derive's own source (a module, template or catalogue) changed while this build "
            "ran, so it mixed old and new code; nothing was written: run derive build again"
        )


@dataclass(frozen=True)
class Plan:
    """What to build, fully validated."""

    specs: tuple[specs.NetSpec, ...]
    formats: tuple[str, ...]
    langs: tuple[str, ...]
    out: Path
    templates: str | None
    detail: str = "standard"
    variants: tuple[int, ...] = (0,)  # exercise variants (0: the spec's own values)
    seed: int = 0


def _choices(raw: Iterable[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    raw = list(raw)
    items = [x.strip() for part in raw for x in part.split(",") if x.strip()]
    bad = [x for x in items if x not in allowed]
    empty = any(not part.replace(",", "").strip() for part in raw)  # `-f ''`, `-f ,,`
    if bad or not items or empty:
        key = "build.errors.unknown_" + what
        given = ", ".join(bad) if bad else said("build.errors.none_given")
        raise refusal(BuildError, said(key, given=given, allowed=", ".join(allowed)))
    return tuple(x for x in allowed if x in items)  # canonical order, no duplicates


def plan(
    nets: Iterable[str],
    formats: Iterable[str],
    langs: Iterable[str],
    out: str | Path,
    templates: str | None = None,
    detail: str = "standard",
    variant: str | None = None,
    seed: int = 0,
) -> Plan:
    """Validate everything before any work: specs (raise ``SpecError``), formats, languages,
    the templates directory (raise :class:`BuildError`), TeX for ``pdf`` (raise
    :class:`~derive.render.pdf.ToolMissing`)."""
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
    if PROOFS_DIR in seen:
        raise BuildError(
            f"a network may not be named '{PROOFS_DIR}' (OUT/{PROOFS_DIR}/ holds the proofs "
            "document); rename it in its [network] table"
        )
    if detail not in DETAILS:
        raise refusal(
            BuildError, said("build.errors.unknown_detail", given=detail, allowed=", ".join(DETAILS))
        )
    unique = tuple({s.name: s for s in loaded}.values())
    fmts = _choices(formats, FORMATS, "format")
    if "pdf" in fmts:

        missing = [t for t in ("latexmk", "xelatex") if shutil.which(t) is None]
        if missing:
            raise ToolMissing(
                f"-f pdf needs {' and '.join(missing)}, not found on PATH; "
                f"install TeX with: {INSTALL_HINT}"
            )
    tdir = check_templates(templates)
    lang_list = _choices(langs, LANGS, "language")
    out_path = check_output(out, [s.name for s in unique], lang_list, fmts)

    if variant is not None and "exercises" not in fmts:
        raise refusal(BuildError, said("build.errors.variant_needs_exercises"))
    variants = parse_variants(variant)  # an ExerciseError (exit 2) in the command's language
    return Plan(unique, fmts, lang_list, out_path, tdir, detail, variants, int(seed))


# ---- prerequisites: templates and the output folder --------------------------------------------

_SYSTEM_DIRS = ("/proc", "/sys", "/dev")
TEMPLATE_FAMILIES = {"md": "md", "ipynb": "md", "tex": "tex", "py": "py"}


def check_templates(templates: str | None) -> str | None:
    """The ``--templates`` folder, resolved, after parsing every ``*.j2`` file in it with the
    environment of its family (``md/``, ``ipynb/``, ``tex/``, ``py/``). A syntax error or an
    unreadable file raises :class:`~derive.errors.TemplateError` naming ``file:line``."""
    if templates is None:
        return None
    if templates == "" or not Path(templates).is_dir():
        raise TemplateError(
            f"--templates {templates!r}: not a directory; copy the templates/ "
            "folder of derive and point to it"
        )
    root = Path(templates).resolve()


    for family, env_name in TEMPLATE_FAMILIES.items():
        folder = root / family
        if not folder.is_dir():
            continue
        env = environment(env_name, str(root))
        for f in sorted(folder.rglob("*.j2")):
            rel = f.relative_to(root)
            if not f.is_file():  # a FIFO would block the renderer, a folder or loop fail late
                raise TemplateError(f"--templates: {rel}: not a regular file")
            try:
                source = f.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise TemplateError(
                    f"--templates: {rel}: cannot read it ({type(err).__name__}); "
                    "templates are UTF-8 text files"
                ) from None
            try:
                env.parse(source, str(rel), str(f))
            except jinja2.TemplateSyntaxError as err:
                raise TemplateError(
                    f"--templates: {rel}:{err.lineno}: template syntax error: {err.message}"
                ) from None
    return str(root)


def _nearest_existing(path: Path) -> Path:
    for parent in (path, *path.parents):
        if os.path.lexists(parent):
            return parent
    return Path("/")


def check_output(
    out: str | Path, nets: Iterable[str], langs: Iterable[str], formats: Iterable[str]
) -> Path:
    """The output folder, after checking (without writing anything that stays) that the run can
    write every file it will write; else :class:`~derive.errors.OutputPathError`."""
    raw, nets, langs = str(out), list(nets), list(langs)
    def refuse(key: str, **args: Any) -> OutputPathError:
        return refusal(OutputPathError, said(f"build.errors.out_{key}", shown=shown, **args))

    shown = f"-o {raw}"
    if not raw.strip():
        raise refusal(OutputPathError, said("build.errors.out_empty"))
    if "\x00" in raw:
        raise refusal(OutputPathError, said("build.errors.out_nul"))
    path = Path(os.path.abspath(raw))
    if any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in path.parts):
        raise refuse("name_long")
    if len(str(path).encode("utf-8", "surrogateescape")) > 3800:
        raise refuse("path_long")
    real = Path(os.path.realpath(path))
    for sysdir in _SYSTEM_DIRS:
        if Path("/dev/shm") in (real, *real.parents):
            break  # a RAM folder, fine for output
        if real == Path(sysdir) or Path(sysdir) in real.parents:
            raise refuse("system", folder=sysdir)
    base = _nearest_existing(path)
    if os.path.islink(base) and not base.exists():
        raise refuse("dangling", link=str(base))
    if not base.is_dir():
        what = "file" if base.is_file() else "not_folder"
        if base != path:
            raise refuse(f"blocked_{what}", base=str(base))
        raise refuse(f"is_{what}")
    # every folder and file the build will create must not be blocked by a non-folder / folder
    for net in nets:
        for lang in langs:
            for folder in (path / net, path / net / lang):
                if os.path.lexists(folder) and not folder.is_dir():
                    raise refuse("not_a_folder", folder=str(folder))
            for fmt in (*formats, "plot"):
                if fmt not in FILES and fmt != "plot":
                    continue  # exercises: their own folders, made by the build
                name = PLOT if fmt == "plot" else FILES[fmt]
                target = path / net / lang / name
                if target.is_dir():
                    raise refuse("file_is_folder", target=str(target))
    try:  # the real test: can we create (and remove) a folder where the staging folder goes?
        probe = tempfile.mkdtemp(prefix=".derive-probe-", dir=base)
        os.rmdir(probe)
        existing = {path / n / lang for n in nets for lang in langs} | {path / n for n in nets}
        for folder in sorted(f for f in existing | {path} if f.is_dir() and f != base):
            probe = tempfile.mkdtemp(prefix=".derive-probe-", dir=folder)
            os.rmdir(probe)
    except OSError as err:
        raise refuse("unwritable", why=err.strerror or type(err).__name__) from None
    return Path(raw)  # as given (relative paths stay relative in messages)


def build(
    p: Plan,
    progress: Callable[[str], None] = lambda m: None,
    worker: TorchWorker | None = None,
    compiling: jinja_setup.Early | None = None,
) -> list[Path]:
    """Build everything in ``p``; returns the files written, in order.

    ``worker``: a :class:`~derive.numeric.worker.TorchWorker` the caller started (and closes)
    that imports PyTorch while this process derives and then computes PyTorch's reference
    gradients; without one they are computed here, as needed. ``compiling``: the child compiling
    the templates that the caller forked first thing (:func:`~derive.render.jinja_setup.start`).

    All or nothing: every file is first written into a staging folder next to (or inside) the
    output folder; only when every network and format succeeded are the files moved into
    place (each with an atomic ``os.replace``). Any failure removes the staging folder, so a
    failed run leaves the output folder as it was."""
    base = p.out if p.out.is_dir() else _nearest_existing(p.out)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".derive-build-", dir=base))
    except OSError as err:
        raise OutputPathError(
            f"-o {p.out}: cannot write there ({err.strerror or type(err).__name__})"
        ) from None
    origin = cache.source_hash()  # the code this process runs (checked again before writing)
    ahead: ProofsAhead | None = None
    early: dict[str, Ahead] = {}
    renders = Renders.wanted(p)
    # children on the other core (the proofs, the networks ahead, their identity tests and
    # training, the rendering, PyTorch's worker): NumPy's BLAS here keeps to this core too
    threads = forks.blas_threads(1) if forks.usable(torch_worker.ENV) else None
    if threads is not None:
        threads.__enter__()
    frozen = forks.frozen_heap()  # the children share this process's pages as they are
    frozen.__enter__()
    compiled: TemplatesAhead | None = None
    try:
        ahead = ProofsAhead.start(p)
        compiled = TemplatesAhead.start(p, compiling)
        Ahead.start_all(p, worker, early)
        _prepare_while_waiting(p, worker, early)  # (meanwhile the templates child ends too)
        if compiled is not None:
            compiled.install()
        staged: list[Path] = []
        cited: list[str] = []
        for s in p.specs:
            known = len(cited)
            staged += build_network(
                s, p, progress, staging, cited, worker, early.get(s.name), renders
            )
            if ahead is not None:
                ahead.cite(cited[known:])
        if p.detail != "full" and cited and {"md", "tex", "pdf"} & set(p.formats):
            if ahead is None:
                staged += build_proofs(cited, p, progress, staging)
            else:
                staged += ahead.finish(cited, p, progress, staging)
        if renders is not None:
            renders.wait()
        _unchanged(origin)
        return _move_into_place(staged, staging, p.out)
    except DeriveError:
        raise
    except Exception:
        _unchanged(origin)  # an internal error of a build whose code was edited meanwhile
        raise
    finally:
        if ahead is not None:
            ahead.close()
        if compiled is not None:
            compiled.close()
        if compiling is not None:
            compiling.close()  # (a no-op once taken over)
        if renders is not None:
            renders.close()
        for network in early.values():
            network.close()
        if early and worker is not None and hasattr(worker, "forget"):
            worker.forget()  # (requests sent ahead for networks a failure left unbuilt)
        if threads is not None:
            threads.__exit__()
        frozen.__exit__(None, None, None)
        shutil.rmtree(staging, ignore_errors=True)


class ProofsAhead:
    """The proofs document of a build of several networks, built on the other core while this
    process derives them: a forked child proves each general proof as soon as a handout cites
    it (:meth:`cite`, after each network), and at the end writes the proofs files of the plan
    into the staging folder (and the cache) with :func:`build_proofs` — the same function, so
    the same bytes — and names them. It starts only where a second CPU can
    help (as :mod:`derive.numeric.worker`: Linux ``fork``, two CPUs, not ``DERIVE_WORKER=off``)
    and at least two networks must be derived (a one-network edit loop reads the document from
    the cache). Nothing from the child is an error: if it fails, dies or hangs, this process
    builds the document itself; the child leaves through ``os._exit`` only, and ends with this
    process."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid: int | None = pid
        self.conn: Connection | None = conn

    @classmethod
    def start(cls, p: Plan) -> ProofsAhead | None:
        if not _ahead_wanted(p):
            return None
        child = forks.fork(lambda conn: _prove_ahead(conn, p))
        return None if child is None else cls(*child)

    def cite(self, names: list[str]) -> None:
        """Have the child prove ``names`` now (the proofs a network just cited)."""
        if self.conn is None or not names:
            return
        try:
            self.conn.send(("prove", list(names)))
        except Exception:  # noqa: BLE001 - a dead child: the document is built here at the end
            self.close()

    def finish(
        self, cited: list[str], p: Plan, progress: Callable[[str], None], staging: Path
    ) -> list[Path]:
        """The proofs files the child wrote into ``staging`` (or, failing that, written here)."""
        ordered = [n for n in proofs.proof_names() if n in cited]
        progress(f"proofs: {', '.join(ordered)}")
        files = None
        try:
            if self.conn is not None:
                self.conn.send(("write", list(cited), str(staging)))
                if self.conn.poll(torch_worker.TIMEOUT):
                    status, names = self.conn.recv()
                    if status == "ok":
                        files = [Path(f) for f in names]
        except Exception:  # noqa: BLE001 - a dead or hung child: built here instead
            files = None
        self.close()
        if files is None or not all(f.is_file() for f in files):
            files = build_proofs(cited, p, lambda message: None, staging)
        return files

    def close(self) -> None:
        """End the child (if it still runs) and reap it."""
        pid, conn, self.pid, self.conn = self.pid, self.conn, None, None
        forks.reap(pid, conn)


class TemplatesAhead:
    """derive's templates compiled by a forked child on the other core while this process
    derives the networks ahead (:class:`Ahead`): the child compiles every template a build of
    the plan's formats loads (:func:`_load_templates`) and sends the code in Jinja's
    bytecode-cache form (marshal, with the checksum of the template's source); :meth:`install`
    loads the templates from it instead of compiling them here (0.25 s of CPU for the text
    formats) — the same compiler on the same sources, so the same code, and Jinja takes a code
    only under its source's checksum. It starts where a second CPU can help (as
    :class:`Renders`), with derive's own templates, when some network's files are not cached.
    Nothing from the child is an error: if it fails, dies or hangs, the templates are compiled
    here; the child leaves through ``os._exit`` only, and ends with this process."""

    def __init__(self, p: Plan, pid: int, conn: Connection) -> None:
        self.p = p
        self.pid: int | None = pid
        self.conn: Connection | None = conn

    @classmethod
    def start(cls, p: Plan, early: jinja_setup.Early | None = None) -> TemplatesAhead | None:
        """The child compiling ``p``'s templates: ``early`` (forked at the start of the
        command, :func:`~derive.render.jinja_setup.start`) when it compiles the same families,
        else one forked now; ``None`` where none is wanted (``early`` is then ended)."""
        if not cls._wanted(p):
            if early is not None:
                early.close()
            return None
        if early is not None:
            if early.families == _template_families(p):
                pid, conn = early.take()
                if pid is not None and conn is not None:
                    return cls(p, pid, conn)
            early.close()
        child = forks.fork(lambda conn: conn.send(_compile_templates(p)), duplex=False)
        return None if child is None else cls(p, *child)

    @staticmethod
    def _wanted(p: Plan) -> bool:
        if not forks.usable(torch_worker.ENV) or p.templates is not None:
            return False
        if not set(p.formats) & set(TEMPLATE_FOLDERS):
            return False
        # nothing to render, or compiled already (``--watch``'s next builds)
        return not (all(_files_cached(s, p) for s in p.specs) or _template_families(p) in _COMPILED)

    def install(self) -> None:
        """The templates loaded from the child's code (or compiled here, if it has none)."""
        codes: dict[str, dict[str, bytes]] = {}
        try:
            if self.conn is not None and self.conn.poll(torch_worker.TIMEOUT):
                codes = self.conn.recv()
        except Exception:  # noqa: BLE001 - a dead or hung child: compiled here
            codes = {}
        self.close()
        envs = _template_environments(self.p)
        try:
            for family, env in envs.items():
                if isinstance(codes, dict) and isinstance(codes.get(family), dict):
                    env.bytecode_cache = _Codes(codes[family])
            _load_templates(self.p)
        finally:
            for env in envs.values():
                env.bytecode_cache = None

    def close(self) -> None:
        """End the child (if it still runs) and reap it."""
        pid, conn, self.pid, self.conn = self.pid, self.conn, None, None
        forks.reap(pid, conn)


_Codes = jinja_setup.Codes


def _compile_templates(p: Plan) -> dict[str, dict[str, bytes]]:
    """The child of :class:`TemplatesAhead`: every template of ``p`` compiled, per family."""
    out: dict[str, dict[str, bytes]] = {}
    for family, env in _template_environments(p).items():
        env.bytecode_cache = _Codes(out.setdefault(family, {}))
    _load_templates(p)
    return out


class Ahead:
    """A network derived before its turn, where children can work on the other core: its
    identity tests run there (:func:`~derive.engine.backprop.derive_deferred`), PyTorch's
    worker is sent its request at once (it answers them in order once ``import torch`` is
    done, instead of this process waiting for the import at the first network), and a network
    with ``[train]`` is trained by a forked child while the networks before it are built.
    Training is plain float64 SGD on the derivation's matrix-form rules
    (:func:`~derive.numeric.verify.train`): the child runs the same function on the same
    derivation (inherited by the fork), so the history is the same; a child that fails, dies
    or hangs means training here. Only networks whose files are not cached are derived ahead;
    a derivation that fails ahead is derived again at its turn (the same error, in order)."""

    def __init__(self, d: Any, pending: PendingChecks, child: tuple[int, Connection] | None):
        self.d, self.pending = d, pending
        self.pid, self.conn = child if child is not None else (None, None)
        self.prepared: Any = None  # the context's part the numbers do not change, made ahead

    @classmethod
    def start_all(
        cls, p: Plan, worker: Any = None, out: dict[str, Ahead] | None = None
    ) -> dict[str, Ahead]:
        """One per network of ``p`` not cached (none where no child can help), put in ``out``
        as each starts (the caller closes them, also after an interrupt) and returned."""
        out = {} if out is None else out
        if not forks.usable(torch_worker.ENV) or not set(p.formats) - {"exercises"}:
            return out
        for s in p.specs:
            if _files_cached(s, p):
                continue
            key = _numbers_key(s)
            numbers = bool(key) and _cached_numbers(key) is not None
            try:
                d, pending = derive_deferred(s)
            except Exception:  # noqa: BLE001 - raised again at its turn, after the ones before
                break
            child = None
            if s.train and not numbers:
                child = forks.fork(lambda conn, d=d: _train(conn, d), False)
            if worker is not None and not numbers and hasattr(worker, "prefetch"):
                try:
                    worker.prefetch(d, numeric.exact_zeros(d), POINTS, True)
                except Exception:  # noqa: BLE001 - the request is made (or fails) at its turn
                    pass
            out[s.name] = cls(d, pending, child)
        return out

    def derived(self) -> tuple[Any, PendingChecks]:
        return self.d, self.pending

    def history(self) -> list[tuple[int, float]] | None:
        """The child's training history, or ``None`` (then train here)."""
        answer = None
        try:
            if self.conn is not None and self.conn.poll(torch_worker.TIMEOUT):
                answer = self.conn.recv()
        except Exception:  # noqa: BLE001 - a dead or hung child: trained here instead
            answer = None
        self._end_trainer()
        if answer is None or answer[0] != "ok" or not isinstance(answer[1], list):
            return None
        return answer[1]

    def close(self) -> None:
        """End the children (if they still run) and reap them."""
        self._end_trainer()
        self.pending.close()

    def _end_trainer(self) -> None:
        pid, conn, self.pid, self.conn = self.pid, self.conn, None, None
        forks.reap(pid, conn)


def _prepare_while_waiting(p: Plan, worker: Any, early: dict[str, Ahead]) -> None:
    """While PyTorch's worker is still importing (it has no answer ready for the first
    network), prepare the walkthroughs of the networks derived ahead, in order — the part
    their numbers do not change (:func:`~derive.walkthrough.context.prepare`): work this
    process would otherwise do after the answers, done while it would wait for them. Stops
    as soon as an answer is ready; what is prepared is what the context would make. An error
    here only stops the preparing: the context is then made at the network's turn, which
    raises the error in order."""
    ready = getattr(worker, "ready", None)
    if ready is None:
        return
    for s in p.specs:
        network = early.get(s.name)
        if network is None or ready():
            return
        try:
            network.prepared = prepare_context(network.d, shared_proofs(), p.detail)
        except Exception:  # noqa: BLE001 - raised again at its turn, after the ones before
            return


RENDER_HERE_LAST = 2  # networks rendered by the build's own process at the end (Renders.local)


class Renders:
    """The walkthrough files of each network rendered and written by a forked child on the
    other core, while this process goes on with the next network (the walkthrough is built
    and every step settled first: the child only renders it). The child writes into the
    staging folder the files :func:`_render_files` writes — the same function on the same
    walkthrough, so the same bytes — and says so; :meth:`wait` waits for all of them before
    the build moves anything into place. A child that fails, dies or hangs means rendering
    here: the same files, or the same error (a ``--templates`` mistake names its file:line)."""

    def __init__(self, p: Plan, here: tuple[str, ...] = ()) -> None:
        self.p, self.compiled = p, False
        self.here = here  # the networks rendered by this process (:meth:`local`)
        self.jobs: list[tuple[Callable[..., list[Path]], list[Path], int | None, Any]] = []

    @classmethod
    def wanted(cls, p: Plan) -> Renders | None:
        """Where a child can help (two CPUs, not ``DERIVE_WORKER=off``, a next network to
        derive meanwhile: two or more not cached) and the templates are derive's own (a
        ``--templates`` mistake is reported at its network, as always), else ``None``."""
        if not forks.usable(torch_worker.ENV) or p.templates is not None:
            return None
        todo = [s.name for s in p.specs if not _files_cached(s, p)]
        if len(todo) < 2:
            return None
        return cls(p, tuple(todo[max(1, len(todo) - RENDER_HERE_LAST) :]))

    def local(self, s: specs.NetSpec) -> bool:
        """Whether ``s`` is rendered by this process: the last :data:`RENDER_HERE_LAST`
        networks, whose children the build would only wait for (nothing is left to derive
        meanwhile), and a child costs about 20 ms more CPU than rendering here."""
        return s.name in self.here

    def start(self, job: Callable[..., list[Path]], expected: list[Path]) -> list[Path]:
        """Fork a child that runs ``job`` (quietly); returns ``expected``, the files it
        writes. The templates are compiled here first, once (each child inherits them)."""
        if not self.compiled:
            _load_templates(self.p)
            self.compiled = True
        child = forks.fork(lambda conn: _render_child(conn, job), duplex=False)
        pid, conn = child if child is not None else (None, None)
        self.jobs.append((job, expected, pid, conn))
        return expected

    def wait(self) -> None:
        """Every child's files written (by it, or else here)."""
        jobs, self.jobs = self.jobs, []
        try:
            for job, expected, pid, conn in jobs:
                answer = None
                try:
                    if conn is not None and conn.poll(torch_worker.TIMEOUT):
                        answer = conn.recv()
                except Exception:  # noqa: BLE001 - a dead or hung child: rendered here
                    answer = None
                forks.reap(pid, conn)
                done = answer is not None and answer[0] == "ok" and answer[1] == expected
                if not done or not all(f.is_file() for f in expected):
                    job(lambda message: None)
        finally:
            self.close(jobs)

    def close(self, jobs: list[Any] | None = None) -> None:
        """End the children (if they still run) and reap them."""
        for _, _, pid, conn in jobs if jobs is not None else self.jobs:
            forks.reap(pid, conn)
        if jobs is None:
            self.jobs = []


def _render_child(conn: Connection, job: Callable[..., list[Path]]) -> None:
    """The child of :class:`Renders`: render and write one network's files, name them."""
    conn.send(("ok", job(lambda message: None)))


def _train(conn: Connection, d: Any) -> None:
    """The child of :class:`Ahead`: train ``d`` on one core, send the history."""
    forks.one_blas_thread()
    conn.send(("ok", numeric.train(d)))


def _derived(s: specs.NetSpec, early: Ahead | None) -> tuple[Any, PendingChecks | None]:
    """``s`` derived: by its :class:`Ahead`, or with the identity tests on the other core
    where a child can work there (:func:`~derive.engine.backprop.derive_deferred`; settle the
    checks before writing anything), or here, every step tested as it is made."""
    if early is not None:
        return early.derived()
    if forks.usable(torch_worker.ENV):
        return derive_deferred(s)
    return derive(s), None


def _files_cached(s: specs.NetSpec, p: Plan) -> bool:
    """Whether the walkthrough files of ``s`` under ``p`` are in the cache."""
    key = _files_key(s, p)
    where = cache.folder("handouts")
    return bool(key) and where is not None and (where / key).is_file()


def _ahead_wanted(p: Plan) -> bool:
    """Whether :class:`ProofsAhead` can help ``p``: a proofs document, two CPUs, proofs not
    shipped (:mod:`derive.proofs.proven`: to prove, not only to render), and at least
    two networks whose files are not in the cache."""
    if p.detail == "full" or not {"md", "tex", "pdf"} & set(p.formats):
        return False
    if not forks.usable(torch_worker.ENV):
        return False
    if set(proofs.proof_names()) <= set(proven.shipped()):
        return False  # nothing to prove: the document is rendered here (a child only waits)
    return sum(not _files_cached(s, p) for s in p.specs) >= 2


def _prove_ahead(conn: Connection, p: Plan) -> None:
    """The child of :class:`ProofsAhead`: prove what it is told, then write the cited proofs."""
    shared = shared_proofs()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "write":
            break
        for name in message[1]:
            if name in shared:
                shared[name]
    _, cited, staging = message
    try:
        files = build_proofs(cited, p, lambda message: None, Path(staging))
        conn.send(("ok", [str(f) for f in files]))
    except Exception:  # noqa: BLE001 - the parent builds it and reports the error
        conn.send(("error", None))


def sources(nets: Iterable[str], templates: str | None = None) -> list[Path]:
    """The files a lecturer edits that a build of ``nets`` reads: each spec file (a built-in's
    inside derive's package; none given: every built-in) and the ``--templates`` folder's
    ``*.j2`` files."""
    names = list(nets) or specs.builtin_names()
    builtin = set(specs.builtin_names())
    found = []
    for n in names:
        if n in builtin:
            found.append(Path(str(resources.files("derive.lang") / "specs" / f"{n}.toml")))
        else:
            found.append(Path(n))
    if templates:
        found += sorted(f for f in Path(templates).rglob("*.j2") if f.is_file())
    return found


def _stamp(files: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """What changes when a file is saved: its modification time and size (-1 when missing)."""
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(f), -1, -1))
    return tuple(out)


def watch(
    make_plan: Callable[[], Plan],
    nets: Iterable[str],
    templates: str | None,
    progress: Callable[[str], None],
    worker: TorchWorker | None = None,
    poll: float = 0.1,
) -> None:
    """The edit loop in one process (``derive build --watch``): build, then rebuild each time
    a spec or template changes, until Ctrl-C while waiting (then return). Imports, the shared
    proofs and PyTorch (in ``worker``) stay loaded, so a rebuild costs only the derivation,
    the checks and the rendering. An error in a rebuild (bad input after an edit) is shown in
    one line and the loop waits for the next edit; the output folder keeps the last good
    build (every build is all or nothing). If derive's own source changes meanwhile, the loop
    ends: this process runs the old code, and its files must not be cached under the new."""
    nets = list(nets)
    first = True
    origin = cache.source_hash()
    while True:
        stamp = _stamp(sources(nets, templates))
        cache.source_hash.cache_clear()  # the --templates files are part of the cache keys
        if cache.source_hash() != origin:
            progress("derive's own source changed: run derive build --watch again")
            return
        if first:  # as without --watch: bad input or options end the command (exit 2)
            first = False
            p = make_plan()
            files = build(p, progress, worker)
            progress(f"wrote {len(files)} files under {p.out}")
        else:
            try:
                p = make_plan()
                files = build(p, progress, worker)
                progress(f"wrote {len(files)} files under {p.out}")
            except DeriveError as err:
                progress(f"error: {str(err).splitlines()[0] if str(err) else type(err).__name__}")
        progress(f"watching {len(stamp)} files for changes (Ctrl-C to stop)")
        try:
            while _stamp(sources(nets, templates)) == stamp:
                time.sleep(poll)
        except KeyboardInterrupt:
            progress("stopped watching")
            return


def _move_into_place(staged: list[Path], staging: Path, out: Path) -> list[Path]:
    final = []
    try:
        for f in staged:
            target = out / f.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(f, target)
            except OSError as err:
                if err.errno != errno.EXDEV:
                    raise
                shutil.move(f, target)  # a subfolder on another file system
            final.append(target)
    except OSError as err:
        raise OutputPathError(
            f"-o {out}: cannot write {err.filename or out} "
            f"({err.strerror or type(err).__name__}); {len(final)} of {len(staged)} "
            "files were moved into place"
        ) from None
    return final


def build_proofs(
    names: list[str], p: Plan, progress: Callable[[str], None], root: Path | None = None
) -> list[Path]:
    """The proofs document: every general proof the handouts of this build cite, once per
    language, in the catalogue's order, into ``OUT/proofs/<lang>/``."""

    ordered = [n for n in proofs.proof_names() if n in names]
    progress(f"proofs: {', '.join(ordered)}")
    docs: list[Any] = []

    def doc() -> Any:  # built (and verified) only when a file is not in the cache
        if not docs:
            docs.append(proofs_document(ordered, shared_proofs()))
        return docs[0]

    written = []
    for lang in p.langs:
        folder = (root or p.out) / PROOFS_DIR / lang
        for fmt in p.formats:
            if fmt not in ("md", "tex", "pdf"):
                continue
            name = {"md": "proofs.md", "tex": "proofs.tex", "pdf": "proofs.pdf"}[fmt]
            key = cache.key(
                ",".join(ordered), lang, fmt, cache.source_hash(*filter(None, [p.templates]))
            )
            data = cache.read("proofs", key)
            if data is None:
                template = "md/proofs.md.j2" if fmt == "md" else "tex/proofs.tex.j2"
                text = render.render(template, doc(), lang, p.templates)
                if fmt == "pdf":

                    with tempfile.TemporaryDirectory(prefix="derive-proofs-") as tmp:
                        compile_pdf(text, Path(tmp) / name)
                        data = (Path(tmp) / name).read_bytes()
                else:
                    data = text.encode("utf-8")
                cache.write("proofs", key, data)
            written.append(_write(folder / name, data))
    return written


def build_network(
    s: specs.NetSpec,
    p: Plan,
    progress: Callable[[str], None],
    root: Path | None = None,
    cited: list[str] | None = None,
    references: Any = None,
    early: Ahead | None = None,
    renders: Renders | None = None,
) -> list[Path]:
    """Walkthroughs and/or exercises of ``s`` into ``root/<network>/`` (``root`` defaults to
    the plan's output folder); returns the files written. ``references``: see
    :func:`derive_verified`; ``early``: ``s`` derived ahead (:class:`Ahead`), if it was;
    ``renders``: where the walkthrough files may be rendered by a child (:class:`Renders`:
    written once :meth:`Renders.wait` returns)."""
    written = []
    if set(p.formats) - {"exercises"}:
        written += build_walkthroughs(s, p, progress, root, cited, references, early, renders)
    if "exercises" in p.formats:
        written += build_exercises(s, p, progress, root)
    return written


def build_exercises(
    s: specs.NetSpec, p: Plan, progress: Callable[[str], None], root: Path | None = None
) -> list[Path]:
    """Exercise sheets, solutions and answer keys of ``s`` for every variant of ``p``."""

    written = []
    for n in p.variants:
        progress(f"{s.name}: exercises" + (f", variant {n} (seed {p.seed})" if n else ""))
        sheet = exercises.sheet(s, n, p.seed, shared_proofs())
        base = (root or p.out) / s.name / (f"seed-{p.seed}/variant-{n}" if n else "")
        written.append(_write(base / "answers.json", exercises.key_json(sheet)))
        for lang in p.langs:
            for fmt, pair in exercises.TEMPLATES.items():
                for kind, template in zip(("exercises", "solutions"), pair, strict=True):
                    text = exercises.render(sheet, template, lang, p.templates)
                    written.append(_write(base / lang / f"{kind}.{fmt}", text))
                    if fmt == "tex" and "pdf" in p.formats:

                        compile_pdf(text, base / lang / f"{kind}.pdf")
                        written.append(base / lang / f"{kind}.pdf")
    return written


def derive_verified(s: specs.NetSpec, references: Any = None) -> tuple[Any, Any, Any]:
    """``(derivation, numeric report, training history or None)`` of ``s``: every step
    verified, compared with PyTorch (with finite differences only, and a warning, when PyTorch
    is not installed), trained when the spec has ``[train]``. Shared by ``build`` and ``site``.
    ``references``: who may compute PyTorch's gradients sooner (a
    :class:`~derive.numeric.worker.TorchWorker`), or ``None``."""

    d = derive(s)
    report, history, store = verified_numbers(s, d, references)
    store()
    return d, report, history


def verified_numbers(
    s: specs.NetSpec, d: Any, references: Any = None, early: Ahead | None = None
) -> tuple[Any, Any, Callable[[], None]]:
    """``(numeric report, training history or None, store)`` of ``s`` derived as ``d`` (see
    :func:`derive_verified`); ``store()`` puts them in the numbers cache — call it once every
    step of ``d`` is proven. ``early``: ``s`` derived ahead, maybe training in a child."""
    key = _numbers_key(s)
    hit = _cached_numbers(key) if key else None
    if hit is not None:  # the same spec, source and libraries: the same numbers, no torch import
        return hit[0], hit[1], lambda: None
    try:
        report = numeric.verify(d, points=POINTS, full=True, references=references)
    except numeric.TorchMissing:
        print(
            f"warning: {s.name}: PyTorch is not installed; the walkthrough says so and "
            "compares with finite differences only (pip install torch)",
            file=sys.stderr,
        )
        report = numeric.verify(d, points=POINTS, use_torch=False)
        key = ""  # never cache the fallback: installing torch must change the walkthrough
    history = None
    if s.train:
        history = early.history() if early is not None else None
        if history is None:  # no child, or it could not answer: trained here
            history = numeric.train(d)

    def store() -> None:
        if key:
            import pickle

            cache.write("numbers", key, pickle.dumps((report, history)))

    return report, history, store


def _numbers_key(s: specs.NetSpec) -> str:
    """Cache key of a spec's numeric report and training history (:func:`worker.numbers_key`)."""
    return numbers_key(s)


def _cached_numbers(key: str) -> tuple[Any, Any] | None:
    """``(report, history)`` from the cache, or ``None`` (not cached, or unreadable)."""
    import pickle

    data = cache.read("numbers", key)
    if data is None:
        return None
    try:
        report, history = pickle.loads(data)
    except Exception:  # a damaged entry is "not cached"
        return None
    return report, history


def build_walkthroughs(
    s: specs.NetSpec,
    p: Plan,
    progress: Callable[[str], None],
    root: Path | None = None,
    cited: list[str] | None = None,
    references: Any = None,
    early: Ahead | None = None,
    renders: Renders | None = None,
) -> list[Path]:
    """Derive, verify, train and render ``s`` into ``root/<network>/<lang>/``. Where a child
    can work on the other core, the steps' identity tests run there
    (:func:`~derive.engine.backprop.derive_deferred`) while this process compares the numbers
    and builds the walkthrough; they are settled before any file is written."""

    root = p.out if root is None else root
    key = _files_key(s, p)
    hit = _cached_files(key) if key else None
    if hit is not None:  # the same spec, options, source and libraries: the same files
        files, names = hit
        progress(f"{s.name}: unchanged (files from the cache)")
        if cited is not None:
            cited += [n for n in names if n not in cited]
        return [_write(root / rel, data) for rel, data in files]
    progress(f"{s.name}: deriving and verifying …")
    if references is not None:  # compiled now, not after the worker's answer (critical path)
        _load_templates(p)
    d, pending = _derived(s, early)
    try:
        try:
            report, history, store = verified_numbers(s, d, references, early)
            prepared = early.prepared if early is not None else None
            w = context(
                d, report, shared_proofs(), history, plot=PLOT, detail=p.detail, prepared=prepared
            )
        except Exception:
            if pending is not None:  # a false step is reported first, as derive() reports it
                pending.settle()
            raise
        if pending is not None:
            pending.settle()  # every step proven (here or on the other core) before any file
    finally:
        if pending is not None:
            pending.close()
    store()
    exercises.remember(s, d)
    if cited is not None:
        cited += [c.name for c in w.cited if c.name not in cited]

    def files(say: Callable[[str], None] = progress) -> list[Path]:
        return _render_files(s, p, say, root, w, history, key)

    if renders is None or "pdf" in p.formats or renders.local(s):
        return files()
    for lang in p.langs:  # the child says nothing: what it renders is said here
        for fmt in (f for f in p.formats if f != "exercises"):
            progress(f"{s.name}: {lang} {fmt}")
    return renders.start(files, _expected(s, p, root, history))


def _expected(s: specs.NetSpec, p: Plan, root: Path, history: Any) -> list[Path]:
    """The walkthrough files :func:`_render_files` writes for ``s``, in its order."""
    out = []
    for lang in p.langs:
        folder = root / s.name / lang
        if history and {"md", "ipynb"} & set(p.formats):
            out.append(folder / PLOT)
        out += [folder / FILES[fmt] for fmt in p.formats if fmt != "exercises"]
    return out


def _render_files(
    s: specs.NetSpec,
    p: Plan,
    progress: Callable[[str], None],
    root: Path,
    w: Any,
    history: Any,
    key: str,
) -> list[Path]:
    """Render the walkthrough ``w`` of ``s`` per language and format into
    ``root/<network>/<lang>/`` (and the handouts cache under ``key``); returns the files."""
    written = []
    has_py = "py" in p.formats  # "backprop.py next to this file" only when it is written
    for lang in p.langs:
        folder = root / s.name / lang
        svg = None
        if history and {"md", "ipynb"} & set(p.formats):

            svg = loss_svg(history, s.loss)
            written.append(_write(folder / PLOT, svg))
        for fmt in p.formats:
            if fmt == "exercises":
                continue
            progress(f"{s.name}: {lang} {fmt}")
            with _user_templates(p.templates):
                if fmt == "md":
                    text = render.render(
                        "md/walkthrough.md.j2", w, lang, p.templates, has_py=has_py
                    )
                elif fmt == "tex" or fmt == "pdf":
                    text = render.render(
                        "tex/walkthrough.tex.j2", w, lang, p.templates, has_py=has_py
                    )
                elif fmt == "ipynb":
                    files = {PLOT: ("image/svg+xml", _bytes(svg))} if svg is not None else {}
                    text = render.render_notebook(w, lang, p.templates, files, has_py)
                else:
                    text = render.render("py/backprop.py.j2", w, lang, p.templates)
            if fmt == "pdf":

                compile_pdf(text, folder / FILES["pdf"])
                written.append(folder / FILES["pdf"])
                continue
            written.append(_write(folder / FILES[fmt], text))
    if key:
        import pickle

        files = [(str(f.relative_to(root)), f.read_bytes()) for f in written]
        cache.write("handouts", key, pickle.dumps((files, [c.name for c in w.cited])))
    return written


TEMPLATE_FOLDERS = jinja_setup.TEMPLATE_FOLDERS


def _template_families(p: Plan) -> tuple[tuple[str, str], ...]:
    """``(folder, environment family)`` of the templates ``p``'s formats render."""
    return jinja_setup.families(p.formats)


def _template_environments(p: Plan) -> dict[str, jinja2.Environment]:
    """The (cached) environments of ``p``'s template families, by family."""
    return {family: render.environment(family, p.templates) for _, family in _template_families(p)}


# the template families whose derive's own templates this process has compiled (in their cached
# environments): a later build (``--watch``) needs no :class:`TemplatesAhead`
_COMPILED = jinja_setup.COMPILED


def _load_templates(p: Plan) -> None:
    """Compile the templates of ``p``'s formats (each with the templates it imports) into
    their cached environments ahead of rendering."""
    families = _template_families(p)
    for folder, family in families:
        env = render.environment(family, p.templates)
        for name in env.list_templates(filter_func=lambda n, f=folder: n.startswith(f + "/")):
            if name.endswith(".j2"):
                with _user_templates(p.templates):
                    env.get_template(name)
    if p.templates is None:
        _COMPILED.add(families)


def _files_key(s: specs.NetSpec, p: Plan) -> str:
    """Cache key of the files one network's walkthroughs are made of: the spec, the plan's
    detail, languages and formats, derive's source and ``--templates``, and the library
    versions; "" when they are not cached (a PDF, or no PyTorch: its warning must show)."""
    numbers = _numbers_key(s)
    if not numbers or "pdf" in p.formats:
        return ""
    extra = cache.source_hash(*filter(None, [p.templates]))
    plan = f"{p.detail}|{','.join(p.langs)}|{','.join(p.formats)}"
    return cache.key("handouts", numbers, repr(s), plan, extra)  # the files show the prose too


def _cached_files(key: str) -> tuple[list[tuple[str, bytes]], list[str]] | None:
    """``([(relative path, bytes)], cited proof names)`` from the cache, or ``None``."""
    import pickle

    data = cache.read("handouts", key)
    if data is None:
        return None
    try:
        files, names = pickle.loads(data)
        if not all(isinstance(r, str) and ".." not in Path(r).parts for r, _ in files):
            return None
    except Exception:  # a damaged entry is "not cached"
        return None
    return files, names


class _user_templates:
    """Errors raised while a ``--templates`` template runs are bad input naming file:line
    (the built-in templates are ours: their errors stay internal errors)."""

    def __init__(self, templates: str | None) -> None:
        self.templates = templates

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, err, tb) -> bool:
        if err is None or self.templates is None or not isinstance(err, Exception):
            return False

        if isinstance(err, DeriveError):
            return False
        root = Path(self.templates)
        where = None
        for frame in traceback.extract_tb(tb):
            f = Path(frame.filename)
            if root == f.parent or root in f.parents:
                where = f"{f.relative_to(root)}:{frame.lineno}"
        if where is None:
            return False
        msg = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise TemplateError(f"--templates: {where}: {type(err).__name__}: {msg}") from None


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write(path: Path, data: str | bytes) -> Path:

    write_atomic(path, data)
    return path
