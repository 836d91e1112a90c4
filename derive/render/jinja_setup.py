"""What derive's Jinja environments are made of apart from the functions they call: the options
of each template family and the names of its filters — all that Jinja's compiler reads besides a
template's source (the code it generates names a filter; it does not depend on what the filter
does, only on its ``pass_context``-style marks, and derive's filters and ``finalize`` have none).

No derive module and no SymPy here, so that ``derive build`` on a fresh machine can fork a child
that compiles derive's templates (:func:`start`) while it imports SymPy itself: on two CPUs the
other one is idle until then (the PyTorch worker is forked after SymPy's import). The child
compiles them with stand-in filters under the same names and options, so the same code as
:func:`derive.render.environment.environment`'s environments would (``tests/test_build_ahead.py``
compares the generated Python source of every template), and sends it in Jinja's bytecode-cache
form, which the build loads only under each template's source checksum.
"""

from __future__ import annotations

from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import jinja2

from derive import cache, forks

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
# the template folders each output format renders
TEMPLATE_FOLDERS = {"md": ("md",), "tex": ("tex",), "pdf": ("tex",), "ipynb": ("ipynb", "py")}
TEMPLATE_FOLDERS["py"] = ("py",)
# the families whose templates this process has compiled into its environments (a build adds
# them: derive.render.build._COMPILED is this set); a next build there needs no child compiling
COMPILED: set[tuple[tuple[str, str], ...]] = set()
# the filters every environment adds to Jinja's own (environment.environment fills them in)
FILTERS = (
    "display",
    "columns",
    "fit",
    "beside",
    "beside_words",
    "as_row",
    "eq_rows",
    "part_rows",
    "zero_chain",
    "stacked",
    "sides_as_rows",
    "rows_apart",
    "raw",
    "say",
    "code",
    "verbatim",
    "listing",
    "rows",
    "value_rows",
    "one_line",
    "one_row",
    "label",
    "point",
    "pyliteral",
    "comment",
    "why",
    "md_escape",
    "tex_escape",
    "prose",
    "with_value",
    "values_packed",
    "worked_row",
    "braced",
    "sum_beside",
)
_TEX_DELIMITERS = dict(
    block_start_string="((*",
    block_end_string="*))",
    variable_start_string="(((",
    variable_end_string=")))",
    comment_start_string="((=",
    comment_end_string="=))",
    line_statement_prefix=None,
)


def options(family: str, templates: str | None = None) -> dict[str, Any]:
    """The ``jinja2.Environment`` options of ``family`` (``md``, ``tex``, ``py``) but
    ``finalize``; ``templates``: a ``--templates`` folder searched first."""
    dirs = ([templates] if templates else []) + [str(TEMPLATE_DIR)]
    out: dict[str, Any] = dict(
        loader=jinja2.FileSystemLoader(dirs),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    if family == "tex":
        out.update(_TEX_DELIMITERS)
    return out


def families(formats: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``(folder, environment family)`` of the templates the output ``formats`` render."""
    folders = sorted({f for fmt in formats for f in TEMPLATE_FOLDERS.get(fmt, ())})
    return tuple((folder, "md" if folder == "ipynb" else folder) for folder in folders)


def load_all(fams: tuple[tuple[str, str], ...], env_of: Any) -> None:
    """Compile (``get_template``) every template of the folders ``fams`` in the environment
    ``env_of(family)`` (each with the templates it imports)."""
    for folder, family in fams:
        env = env_of(family)
        for name in env.list_templates(filter_func=lambda n, f=folder: n.startswith(f + "/")):
            if name.endswith(".j2"):
                env.get_template(name)


class Codes(jinja2.BytecodeCache):
    """Jinja's bytecode cache in memory: ``{bucket key: the bucket's bytes}``. Loading checks
    Jinja's magic and the source's checksum (a stale or foreign code is not used)."""

    def __init__(self, codes: dict[str, bytes]) -> None:
        self.codes = codes

    def load_bytecode(self, bucket: Any) -> None:
        data = self.codes.get(bucket.key)
        if isinstance(data, bytes):
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Any) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def _stand_in(value: Any, *args: Any, **kwargs: Any) -> Any:
    """A filter (and ``finalize``) for compiling only: never called."""
    raise AssertionError("a compile-only environment renders nothing")  # pragma: no cover


def compile_only(family: str) -> jinja2.Environment:
    """An environment of ``family`` whose compiler produces what the real one's does."""
    env = jinja2.Environment(finalize=_stand_in, **options(family))
    env.filters.update(dict.fromkeys(FILTERS, _stand_in))
    return env


def compiled(fams: tuple[tuple[str, str], ...]) -> dict[str, dict[str, bytes]]:
    """Every template of ``fams`` compiled by :func:`compile_only` environments, per family,
    in Jinja's bytecode-cache form."""
    out: dict[str, dict[str, bytes]] = {}
    envs: dict[str, jinja2.Environment] = {}
    for _folder, family in fams:
        if family not in envs:
            envs[family] = compile_only(family)
            envs[family].bytecode_cache = Codes(out.setdefault(family, {}))
    load_all(fams, envs.__getitem__)
    return out


class Early:
    """The child of :func:`start`: ``pid``, the parent's end of its pipe, the families it
    compiles. :class:`derive.render.build.TemplatesAhead` takes it over, or closes it."""

    def __init__(self, fams: tuple[tuple[str, str], ...], pid: int, conn: Connection) -> None:
        self.families = fams
        self.pid: int | None = pid
        self.conn: Connection | None = conn

    def take(self) -> tuple[int | None, Connection | None]:
        """The child's pid and pipe, now the caller's to read and reap."""
        pid, conn, self.pid, self.conn = self.pid, self.conn, None, None
        return pid, conn

    def close(self) -> None:
        """End the child (if it still runs) and reap it."""
        forks.reap(*self.take())


def start(formats: Iterable[str], switch: str) -> Early | None:
    """At the start of a build of ``formats`` (comma-separated too) with derive's own templates:
    fork the child that compiles them, where a second CPU can help (``switch``: the worker's
    environment variable, as :class:`~derive.render.build.TemplatesAhead`) and the build is a
    first one — no numbers cached yet (the cache folder empty, or off), so its networks are
    derived and rendered; a later build compiles its templates as before, only if it renders."""
    fams = families({f.strip() for x in formats for f in x.split(",")})
    if not fams or fams in COMPILED or not forks.usable(switch) or not _first_build():
        return None
    child = forks.fork(lambda conn: _compile_all(conn, fams), duplex=False)
    return None if child is None else Early(fams, *child)


# derive's packages a build imports after SymPy and before it forks PyTorch's worker, in the
# order it imports them: compiled by the child in the other core's idle time until that fork
# (the rest, imported while the worker imports PyTorch there, are compiled by the build)
BUILD_PACKAGES = ("engine", "lang", "numeric")


def _compile_all(conn: Connection, fams: tuple[tuple[str, str], ...]) -> None:
    """The child of :func:`start`: derive's modules compiled into the cache (or
    ``__pycache__``) before the build imports them (:func:`~derive.cache.precompile`), then
    the templates, sent."""
    cache.precompile(BUILD_PACKAGES)
    conn.send(compiled(fams))


def _first_build() -> bool:
    """Nothing in the numbers cache (or no cache): a fresh machine's, or a cold, build."""
    return cache.empty("numbers")
