"""The ``derive`` command line (DESIGN.md §4).

Exit codes (:mod:`derive.errors`): 0 ok, 1 a check failed, 2 bad input (usage, spec, formula,
options, output path, templates), 3 an external tool missing or failed, 70 an internal error,
130 interrupted. Errors are mapped by type (every user-facing error is a ``DeriveError``); the
message is one line naming the file/field and the fix; ``--debug`` shows tracebacks. Progress
goes to stderr.
"""

# Each command imports what it needs inside its function, deliberately: ``derive --help``, option
# errors and ``derive list`` answer without loading SymPy, torch or Jinja (``import derive.cli``
# loads click and derive.errors only). These are the only function-level imports of the package
# besides the optional torch (numeric/verify.py, lang/ops.py, engine/mform.py) and the lazy public
# API in derive/__init__.py.

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from derive.errors import (
    BAD_INPUT,
    FAILED,
    INTERNAL,
    INTERRUPTED,
    OK,
    TOOL,
    DeriveError,
    Failure,
)
from derive.locale import catalog

__all__ = ["BAD_INPUT", "FAILED", "INTERNAL", "OK", "TOOL", "Failure", "main"]


class _FormulaCommand(click.Command):
    """A command whose FORMULA may start with a minus: ``derive check mlp-bce --wrt W2
    '-A1.T @ (Y - A2) / m'`` reads the formula instead of stopping at an unknown option ``-A``.
    A single-dash word that is no option of the command and is not the value of the option
    before it is the formula (the command's only single-dash option is ``-h``); ``--`` still
    works as well."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {
            o for p in self.params if isinstance(p, click.Option) and not p.is_flag for o in p.opts
        }
        known = {o for p in self.params for o in (*p.opts, *p.secondary_opts)} | {"-h", "--help"}
        out: list[str] = []
        formula = None
        after_option = False
        for k, a in enumerate(args):
            if a == "--":
                out += args[k:]
                break
            if (
                formula is None
                and not after_option
                and a.startswith("-")
                and not a.startswith("--")
                and len(a) > 1
                and a not in known
            ):
                formula = a
                after_option = False
                continue
            out.append(a)
            after_option = a in takes_value
        if formula is not None:
            out += ["--", formula] if "--" not in out else [formula]
        return super().parse_args(ctx, out)


def _guard(func: Callable[..., Any]) -> Callable[..., Any]:
    """Map errors to exit codes BY TYPE (:mod:`derive.errors`) and one line on stderr; anything
    else is an internal error (exit 70). Tracebacks only with ``--debug``."""

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt:
            if debug:
                raise
            code, msg = INTERRUPTED, "interrupted"
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as err:  # noqa: BLE001 - classified here; never a bare traceback
            if debug:
                raise
            code, msg = _classify(err, _language())
        click.echo(f"{_error_prefix()}{msg}", err=True)
        sys.exit(code)

    return run


def _error_prefix() -> str:
    """``error: `` in the command's language (``错误：`` under ``--lang zh``)."""
    if click.get_current_context(silent=True) is None:
        return "error: "
    return catalog.text("cli.error_prefix", _language())


MAX_MESSAGE = 600  # characters of an error line (a 1 MB value quoted back is elided)


def _one_line(text: str) -> str:
    """``text`` as one line: line breaks and control characters made visible (a message that
    quotes the user's multi-line input keeps its end), the middle elided past MAX_MESSAGE."""
    line = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text.strip())
    if len(line) > MAX_MESSAGE:
        half = MAX_MESSAGE // 2
        line = f"{line[:half]} … {line[-half:]}"
    return line


def _language() -> str:
    """The language the running command answers in: its ``--lang`` (``verify``, ``check``,
    ``prove``), or the only one of ``build``'s ``--lang``; else English."""
    params = click.get_current_context().params
    lang = params.get("lang")
    if lang is None:
        langs = params.get("langs") or ()
        names = {p.strip() for v in ([langs] if isinstance(langs, str) else langs) for p in v.split(",")}
        lang = names.pop() if len(names) == 1 else "en"
    return lang if lang in catalog.LANGS else "en"


def _classify(err: Exception, lang: str = "en") -> tuple[int, str]:
    """Exit code and message of ``err`` (in ``lang`` where the message comes from the
    catalogues): a :class:`DeriveError` carries both; anything else is an internal error (a
    bug in derive), reported in one line."""
    if isinstance(err, DeriveError):
        msg = err.prefix + catalog.localized(err, lang)
        # LaTeX failures carry a log excerpt after the first line: keep it (it is the reason)
        return err.exit_code, msg if err.exit_code == TOOL else _one_line(msg)
    if isinstance(err, MemoryError):
        return INTERNAL, "internal error: out of memory — rerun with --debug"
    name = type(err).__name__
    return INTERNAL, _one_line(f"internal error: {name}: {err}")[:300] + " — rerun with --debug"


def _argv_language(args: list[str]) -> str:
    """The language a command line asks for, read before click parses it: the last
    ``--lang X`` / ``--lang=X`` when X is one catalogue language (``build``'s ``en,zh``: English,
    as :func:`_language`)."""
    lang = "en"
    for k, a in enumerate(args):
        if a == "--":
            break
        value = a[len("--lang="):] if a.startswith("--lang=") else (
            args[k + 1] if a == "--lang" and k + 1 < len(args) else None
        )
        if value is not None:
            lang = value.strip() if value.strip() in catalog.LANGS else "en"
    return lang


#: click's usage messages (English, click 8) and their catalogue keys: the ``(?P<…>)`` groups
#: fill the sentence; a message matching none is shown as click words it
_CLICK_MESSAGES = (
    (r"'(?P<value>.*)' is not a valid integer( range)?\.", "not_integer"),
    (r"'(?P<value>.*)' is not a valid float( range)?\.", "not_float"),
    (r"'(?P<value>.*)' is not one of (?P<choices>.*)\.", "not_choice"),
    (r"'(?P<value>.*)' is not (?P<choices>'[^']*')\.", "not_choice"),
    (r"(?P<value>.*) is not in the range (?P<range>.*)\.", "not_in_range"),
    (r"(File|Directory|Path) '(?P<path>.*)' does not exist\.", "path_missing"),
    (r"(File|Directory|Path) '(?P<path>.*)' is a directory\.", "path_is_folder"),
    (r"(File|Directory|Path) '(?P<path>.*)' is a file\.", "path_is_file"),
    (r"(File|Directory|Path) '(?P<path>.*)' is not (readable|writable)\.", "path_denied"),
    (r"No such command '(?P<name>.*)'\.( Did you mean '(?P<like>.*)'\?)?", "no_command"),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", "extra_arguments"),
    (r"Option '(?P<name>.*)' requires an argument\.", "needs_value"),
    (r"Option '(?P<name>.*)' requires (?P<count>\d+) arguments\.", "needs_values"),
    (r"Option '(?P<name>.*)' does not take a value\.", "takes_no_value"),
)


def _usage_message(err: click.ClickException, lang: str) -> str:
    """click's error ``err`` in ``lang`` (the catalogue's ``cli.usage``), else click's words."""
    def said(key: str, **args: Any) -> str:
        return catalog.text(f"cli.usage.{key}", lang, **args)

    if isinstance(err, click.exceptions.NoSuchOption):
        like = ", ".join(f"'{p}'" for p in err.possibilities or ())
        return said("no_option", name=err.option_name) + (said("did_you_mean", like=like) if like else "")
    if isinstance(err, click.exceptions.MissingParameter):
        hint = err.param.get_error_hint(err.ctx) if err.param is not None else (err.param_hint or "")
        kind = err.param_type or (err.param.param_type_name if err.param is not None else "")
        return said("missing_argument" if kind == "argument" else "missing_option", name=hint)
    # a bad value's own words (its format_message adds "Invalid value for …"); a command's
    # with the "Did you mean" click adds
    text = err.message if isinstance(err, click.BadParameter) else err.format_message()
    for pattern, key in _CLICK_MESSAGES:
        m = re.fullmatch(pattern, text, re.S)
        if m:
            args = {k: v for k, v in m.groupdict().items() if v is not None}
            text = said(key, **args) + (said("did_you_mean", like=f"'{args['like']}'") if "like" in args else "")
            break
    if isinstance(err, click.BadParameter):
        hint = err.param_hint or (err.param.get_error_hint(err.ctx) if err.param is not None else "")
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(f"'{h}'" for h in hint)
        return said("bad_value", name=hint, message=text) if hint else text
    return text


class _Main(click.Group):
    """The ``derive`` group: click's own usage errors (an unknown option, a missing argument, a
    bad ``--detail`` choice) in the language the command line asks for with ``--lang``, as every
    message of derive's own is (issue 11: every message in Chinese under ``--lang zh``); in
    English, click's words exactly."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        lang = _argv_language(argv)
        if lang == "en" or not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except click.exceptions.Abort:
            click.echo(catalog.text("cli.usage.aborted", lang), err=True)
            sys.exit(1)
        except click.ClickException as err:
            if isinstance(err, click.UsageError) and err.ctx is not None:
                usage = err.ctx.get_usage()
                usage = catalog.text("cli.usage.usage", lang) + usage.split(":", 1)[-1].lstrip()
                names = err.ctx.command.get_help_option_names(err.ctx)
                if names:
                    usage += "\n" + catalog.text(
                        "cli.usage.try_help", lang, command=err.ctx.command_path,
                        option=max(names, key=len),
                    )
                click.echo(usage + "\n", err=True)
            click.echo(catalog.text("cli.error_prefix", lang) + _usage_message(err, lang), err=True)
            sys.exit(err.exit_code)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="derive-backprop")
def main(debug: bool) -> None:
    """Derive, verify and explain backpropagation, step by step."""


def run() -> None:
    """The ``derive`` command (the console script and ``python -m derive``): :func:`main`, then
    the process ends at once with its exit code, its output flushed, without the interpreter's
    teardown — which frees every object of SymPy, derive and NumPy one by one (0.15–0.2 s of CPU
    after one handout's build, longer than the import of Jinja) only to hand the memory back to
    the system, which ending does anyway. Every file is written and closed, every child reaped
    and every staging folder removed inside the command (``with`` blocks and ``finally``), so
    nothing waits for the teardown; an exception other than ``SystemExit`` (there is none: click
    ends every command with one) ends the process as usual."""
    try:
        main()
    except SystemExit as e:
        code = e.code
    else:  # pragma: no cover - click's standalone mode always raises SystemExit
        code = 0
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"), as Python ends it: the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (derive list | head): as Python's end
            status = status or 120
    os._exit(status & 0xFF)


@main.command("list")
@_guard
def list_cmd() -> None:
    """Built-in networks, one a line: name and title."""
    from derive.lang import spec

    for name in spec.builtin_names():
        s = spec.load(name)
        click.echo(f"{name:<18} {s.title['en']}")


def _progress(message: str) -> None:
    click.echo(message, err=True)


def _label_warnings(s: Any, lang: str) -> None:
    """A warning on stderr (not a failure) for each target of a hand-written cross-entropy
    given values outside {0, 1} (:func:`derive.lang.domains.labels_outside_bce`)."""
    from derive.lang import domains
    from derive.locale import catalog

    for name, odd in domains.labels_outside_bce(s):
        values = ", ".join(f"{v:g}" for v in odd)
        click.echo(
            catalog.text("verify.bce_target_outside", lang, net=s.name, name=name, values=values),
            err=True,
        )
    _library_warnings(s, lang)


def _library_warnings(s: Any, lang: str) -> None:
    """A warning on stderr for each call of a NumPy/``math`` function that the library does not
    have (``np.sigmoid``): read as the language's function, but the line would not run."""
    from derive.lang import spelling
    from derive.locale import catalog

    for line, text in s.forward_text.items():
        for written, library, instead in spelling.missing_library_functions(text):
            key = "verify.not_in_library_instead" if instead else "verify.not_in_library"
            click.echo(
                catalog.text(
                    key, lang, net=s.name, line=line, call=written, library=library, instead=instead
                ),
                err=True,
            )


@main.command()
@click.argument("nets", nargs=-1, required=True, metavar="NET...")
@click.option(
    "--points",
    default=3,
    show_default=True,
    type=click.IntRange(0, 100),
    help="Random points besides the example (0 to 100).",
)
@click.option("--no-torch", is_flag=True, help="Skip the PyTorch comparison.")
@click.option(
    "--lang",
    default="en",
    type=click.Choice(["en", "zh"]),
    show_default=True,
    help="Language of the report and its messages (codes and formulas stay as written).",
)
@_guard
def verify(nets: tuple[str, ...], points: int, no_torch: bool, lang: str) -> None:
    """Derive, verify every step, compare with PyTorch and finite differences."""
    from derive.lang import spec

    specs = [spec.load(n) for n in nets]  # all inputs are checked before any work
    for s in specs:
        _label_warnings(s, lang)
    from derive.engine.backprop import derive_deferred
    from derive.numeric import verify as numeric
    # PyTorch's reference gradients from the warm server, or imported (and computed) on the
    # other core while this process derives: the helpers of `derive build`; their answers equal
    # the in-process ones
    worker, start_server = (None, False) if no_torch else _torch_helper()
    failed = False
    try:
        for s in specs:
            _progress(catalog.text("verify.cli.deriving", lang, net=s.name))
            # the steps' identity tests run on the other core while the numbers are compared
            # here; their verdict comes first, before anything is shown (and before any error
            # of the comparisons: a false step is reported as it always was)
            d, pending = derive_deferred(s)
            try:
                try:
                    report = numeric.verify(
                        d, points=points, use_torch=not no_torch, references=worker
                    )
                except BaseException:
                    pending.settle()
                    raise
                pending.settle()
            except numeric.TorchMissing as err:
                raise Failure(TOOL, f"{err} (or pass --no-torch)") from None
            finally:
                pending.close()
            click.echo(format_report(d, report, lang))
            failed = failed or not report.ok
    except KeyboardInterrupt:
        start_server = False
        raise
    finally:
        _close_torch_helper(worker, start_server)
    if failed:
        raise Failure(FAILED, catalog.text("verify.cli.failed", lang))


def _torch_helper(watch: bool = False) -> tuple[Any, bool]:
    """Who computes PyTorch's reference gradients for a command that needs them: the warm
    server when one runs (no ``import torch`` at all), else a worker forked now that imports
    PyTorch on the other core while this process derives (``None``: this process, as needed);
    and whether to start a server for the next command when this one ends (none runs, one may:
    ``derive/numeric/server.py``). ``--watch`` keeps its own worker."""
    from derive.numeric import server as torch_server
    from derive.numeric import worker as torch_worker

    if not watch:
        client = torch_server.Client.connect()
        if client is not None:
            return client, False
    start_server = not watch and torch_server.enabled()
    return torch_worker.TorchWorker.start(), start_server


def _close_torch_helper(worker: Any, start_server: bool) -> None:
    """End the helper of :func:`_torch_helper`, then start the server if asked."""
    if worker is not None:
        worker.close()
    if start_server:
        from derive.numeric import server as torch_server

        torch_server.start()


def _width(text: str) -> int:
    """Terminal columns of ``text`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns."""
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _named_points(args: dict[str, str], lang: str) -> dict[str, str]:
    """A note's arguments with its point label (``random 2``) in ``lang``."""
    if "point" in args:
        args["point"] = _point_name(args["point"], lang)
    return args


def _point_name(point: str, lang: str) -> str:
    """``example``, ``random 2``, ``full size`` (the report's point labels) in ``lang``."""
    def t(key: str, **args: Any) -> str:
        return catalog.text(f"verify.cli.{key}", lang, **args)

    if point == "example":
        return t("example")
    if point == "full size":
        return t("full")
    if point.startswith("random ") and point[7:].isdigit():
        return t("random", k=point[7:])
    return point


def format_report(d: Any, report: Any, lang: str = "en") -> str:
    """The verify table: per parameter, the worst difference over all points (in ``lang``;
    codes, names and numbers as they are)."""

    def t(key: str, **args: Any) -> str:
        return catalog.text(f"verify.cli.{key}", lang, **args)

    more = len({c.point for c in report.comparisons}) - 1
    lines = [t("summary", net=report.network, steps=len(d.steps()), more=more)]
    torch_head = (
        t("torch_version", version=report.torch_version) if report.torch_version else t("torch")
    )
    table = [[t("param"), t("points"), torch_head + t("abs_rel"), t("fd"), t("matrix"), t("ok")]]
    for p in d.spec.params:
        rows = [c for c in report.comparisons if c.param == p]

        def worst(attr: str) -> str:
            vals = [
                getattr(c, attr)
                for c in rows
                if getattr(c, attr) is not None and not (attr == "ours_vs_fd" and c.kink)
            ]
            if not vals:
                return "—"
            return f"{max(v[0] for v in vals):.1e} / {max(v[1] for v in vals):.1e}"

        ok = all(c.ok for c in rows)
        table.append(
            [p, str(len(rows)), worst("ours_vs_torch"), worst("ours_vs_fd"),
             worst("elementwise_vs_matrix"), "✓" if ok else "✗"]
        )
    # columns as wide as their widest cell (a Chinese heading takes two columns a character)
    least = (10, 7, 34, 30, 24, 0)
    widths = [max(least[i], *(_width(r[i]) + (i != 1) for r in table)) for i in range(5)]
    for r in table:
        cells = [_pad(r[0], widths[0]), _pad(r[1], widths[1], right=True) + "  "]
        cells += [_pad(r[i], widths[i]) for i in (2, 3, 4)]
        lines.append("  " + "".join(cells) + r[5])
    for c in report.comparisons:
        if c.problem:
            point = _point_name(c.point, lang)
            problem = c.problem
            if getattr(c, "problem_args", ()):
                side, entry, value = c.problem_args
                side = t("side_" + side.replace(" ", "_").replace("-", "_").lower())
                problem = t("not_finite", side=side, entry=entry, value=value)
            lines.append("  " + t("problem", param=c.param, point=point, problem=problem))
    keys = getattr(report, "note_keys", ())
    notes = [t(k, **_named_points(dict(a), lang)) for k, a in keys] if keys else report.notes
    for note in notes:
        lines.append("  " + t("note", note=note))
    kinks = sorted({c.point for c in report.comparisons if c.kink})
    if kinks:
        where = ("、" if lang == "zh" else ", ").join(_point_name(k, lang) for k in kinks)
        if lang == "zh" and where[-1:].isascii() and where[-1:].isalnum():
            where += " "  # 随机点 2 处 (a space between a numeral and Chinese), 示例点处
        lines.append("  " + t("note", note=t("kinks", points=where)))
    if d.spec.detached:
        key = "detached_one" if len(d.spec.detached) == 1 else "detached_many"
        lines.append("  " + t("note", note=t(key, names=", ".join(d.spec.detached))))
    if report.loss_scale:
        name, ratio = report.loss_scale
        lines.append("  " + t("note", note=t("loss_scale", name=name, ratio=f"{ratio:.6g}")))
    return "\n".join(lines)


@main.command()
@click.argument("rule", required=False)
@click.option("--list", "list_", is_flag=True, help="List the available proofs.")
@click.option("--lang", default="en", type=click.Choice(["en", "zh"]), show_default=True)
@_guard
def prove(rule: str | None, list_: bool, lang: str) -> None:
    """Print a general proof (e.g. linear-weight, sigmoid-bce) as plain text."""
    from derive import proofs

    names = proofs.proof_names()
    if list_ or rule is None:
        if rule is None and not list_:
            raise Failure(BAD_INPUT, catalog.text("cli.name_proof", lang, names=", ".join(names)))
        for n in names:
            click.echo(f"{n:<20} {proofs.title(n, lang)}")
        return
    if rule not in names:
        raise Failure(
            BAD_INPUT, catalog.text("cli.unknown_proof", lang, rule=rule, names=", ".join(names))
        )
    click.echo(proofs.format_text(proofs.get_proof(rule), lang))


@main.command("check", cls=_FormulaCommand)
@click.argument("net")
@click.argument("formula", required=False)
@click.option("--wrt", help="Parameter or node (W2, Z1); with --value one entry: W1[0,0] or w11.")
@click.option(
    "--value",
    help="A hand-computed number for the --wrt entry, e.g. -0.01365; or, with --wrt a whole "
    "tensor, a matrix of them: [[-0.098, 0.136], [-0.196, 0.079]].",
)
@click.option("--latex", "latex_", is_flag=True, help="Read FORMULA as LaTeX (without it, recognised by a \\command, $, ^{ or _{, or a ^ the plain reader refuses).")
@click.option(
    "--rtol", type=float, default=None, help="With --value: accept within this relative tolerance."
)
@click.option(
    "--digits",
    type=int,
    default=None,
    help="With --value: compare at this many significant digits (the course's rule).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--lang",
    default="en",
    type=click.Choice(["en", "zh"]),
    show_default=True,
    help="Language of the verdict, messages and notes (codes stay English).",
)
@click.option(
    "--variant", type=int, default=None, help="Grade against exercise variant N's values."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --variant.")
@click.option(
    "--answers",
    type=click.Path(),
    default=None,
    help="An answer key (answers.json of -f exercises): grade against its variant.",
)
@_guard
def check_cmd(
    net: str,
    formula: str | None,
    wrt: str | None,
    value: str | None,
    latex_: bool,
    rtol: float | None,
    digits: int | None,
    as_json: bool,
    lang: str,
    variant: int | None,
    seed: int,
    answers: str | None,
) -> None:
    """Is a hand-derived gradient FORMULA (or a hand-computed --value) right? Names the mistake.

    Exit 0 right, 1 wrong, 2 unreadable formula. Example:
    derive check mlp-bce --wrt W2 'A1.T @ dZ2' (a formula may start with a minus).
    """
    import json

    from derive.checker import fastpath

    fast = formula is not None and value is None and variant is None
    plain = variant is None and answers is None and rtol is None and digits is None
    if formula is None and value is not None and plain and fastpath.enabled():
        from derive.checker import fastvalue

        # a hand number the policy accepts at once (or too few digits), without SymPy
        if _answered(fastvalue.answer(net, wrt, value, lang=lang, as_json=as_json)):
            return
    if fast and answers is None and fastpath.enabled():
        # a network whose compiled form is cached: a correct formula, or a wrong one whose
        # mistake the stored diagnosis data names, is answered without SymPy
        if _answered(
            fastpath.answer(net, wrt, formula, lang=lang, as_json=as_json, latex=latex_)
        ):
            return

    from derive.checker.check import FormulaError
    from derive.checker.check import check as run
    from derive.checker.grade import spec_error_text
    from derive.lang.spec import SpecError

    try:
        target = _variant_target(net, variant, seed, answers)
        derivation = _derivation(target) if isinstance(target, str) else target
    except SpecError as err:  # an unknown network, in the answer's language
        raise Failure(BAD_INPUT, spec_error_text(err, lang)) from None
    try:
        result = run(
            derivation,
            wrt,
            formula,
            value=value,
            latex=latex_,
            lang=lang,
            rtol=rtol,
            digits=digits,
        )
    except FormulaError as err:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "verdict": "unreadable",
                        "error": err.localized(lang),
                        "column": err.col,
                        "diagnoses": [],
                    },
                    ensure_ascii=False,
                )
            )
        elif err.text and (
            (pointed := err.pointer(lang)) != err.localized(lang)
            or len(pointed) > MAX_MESSAGE  # the error line elides it: said whole once
        ):
            click.echo(pointed, err=True)  # (a short one without a column: said once, below)
        raise Failure(BAD_INPUT, err.localized(lang)) from None
    except SpecError as err:  # the network is read on first use
        raise Failure(BAD_INPUT, spec_error_text(err, lang)) from None
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.text())
    if (fast or (value is not None and plain)) and answers is None and isinstance(target, str):
        _compile_for_fast_path(target, derivation)
    if value is not None and plain and wrt is not None and isinstance(target, str):
        _record_entry(target, derivation, wrt)
    if not result.ok:
        sys.exit(FAILED)


def _answered(out: tuple[str, int] | None) -> bool:
    """Print a fast-path answer (exit 1 when wrong); False when there is none."""
    if out is None:
        return False
    click.echo(out[0])
    if out[1]:
        sys.exit(FAILED)
    return True


def _compile_for_fast_path(net: str, derivation: Any) -> None:
    """Cache the compiled form of a network just checked (once), for the fast path."""
    from derive import cache
    from derive.checker import compiled, fastpath
    from derive.checker.checknet import net_for
    from derive.engine.backprop import Derivation

    if not isinstance(derivation, Derivation) or cache.folder(fastpath.KIND) is None:
        return
    text = fastpath.spec_text(net)
    if text is None:
        return
    key = fastpath.name_for(text)
    name = f"{key}.json"
    if cache.read(fastpath.KIND, name) is not None:
        return
    try:
        data = compiled.build(net_for(derivation, 0), key)
    except Exception:  # noqa: BLE001 - a network that does not compile simply has no fast path
        return
    if data is not None:
        cache.write(fastpath.KIND, name, data)


def _record_entry(net: str, derivation: Any, wrt: str) -> None:
    """Cache what a hand number for the entry ``wrt`` needs on the fast path (once)."""
    from derive import cache
    from derive.checker import compiled, fastpath, fastvalue
    from derive.checker.checknet import net_for
    from derive.engine.backprop import Derivation

    if not isinstance(derivation, Derivation) or cache.folder(fastvalue.KIND) is None:
        return
    c = fastpath.compiled_for(net)
    try:
        tensor, i, j, _ = fastvalue.entry(c, wrt) if c is not None else (None, 0, 0, "")
    except Exception:  # noqa: BLE001 - an entry the fast path does not read: nothing to cache
        return
    name = fastvalue.record_name(net, tensor, i, j) if tensor is not None else None
    if name is None or cache.read(fastvalue.KIND, name) is not None:
        return
    try:
        data = compiled.value_record(net_for(derivation, 0), name.rsplit("-", 3)[0], tensor, i, j)
    except Exception:  # noqa: BLE001 - an entry without a record is simply answered slowly
        return
    if data is not None:
        cache.write(fastvalue.KIND, name, data)


def _derivation(net: str) -> Any:
    """The derived network for ``derive check``, from the per-user cache of derivations
    (:mod:`derive.cache`, keyed by the spec's text and derive's source; a fresh derivation costs
    more than the check itself). Returns ``net`` itself when it is not a readable spec (the
    checker then reports it)."""
    import pickle

    from derive import cache
    from derive.checker.fastpath import spec_text
    from derive.lang import spec as specmod

    if cache.folder("derivations") is None:
        return net
    text = spec_text(net)  # as the fast path reads it (a built-in name or a capped file)
    if text is None:
        return net
    name = f"{cache.key(text)}.pickle"
    from derive.engine.backprop import Derivation, derive

    data = cache.read("derivations", name)
    if data is not None:
        try:
            d = pickle.loads(data)  # noqa: S301 - our own file, owner-only, keyed by our source
            if isinstance(d, Derivation):
                return d
        except Exception:  # noqa: BLE001 - a bad entry: derive again
            pass
    d = derive(specmod.load(net))
    try:
        cache.write("derivations", name, pickle.dumps(d))
    except Exception:  # noqa: BLE001 - an object that does not pickle is simply not cached
        pass
    return d


@main.command("grade")
@click.argument("submissions", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--out",
    "report",
    required=True,
    type=click.Path(dir_okay=False),
    help="The report: .csv (plus <name>.summary.md) or .json (results and summary).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 256), default=None, help="Processes (default: cores)."
)
@click.option(
    "--lang",
    default="en",
    type=click.Choice(["en", "zh"]),
    show_default=True,
    help="Language of the messages (codes stay English).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@_guard
def grade_cmd(submissions: str, report: str, jobs: int | None, lang: str, quiet: bool) -> None:
    """Grade a class: SUBMISSIONS is CSV or JSON Lines (id, network, wrt, formula or value,
    optional kind: numpy, latex, value; optional variant and seed: an exercise variant's values).
    Writes one verdict per row and a summary of mistake codes (a Markdown table on stdout). A bad
    row gets its own error and never stops the batch.

    Example: derive grade answers.csv -o report.csv
    """
    import os

    from derive.checker import grade as g

    out = os.path.abspath(report)
    folder = os.path.dirname(out)
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        raise Failure(BAD_INPUT, _cg7("report_folder", report=report))
    if os.path.isdir(out):
        raise Failure(BAD_INPUT, _cg7("report_is_folder", report=report))
    # the report replaces the file atomically (os.replace): never a device node such as
    # /dev/null (as root that replaced the device with a regular file), never the submissions
    real = os.path.realpath(folder)
    if any(real == s or real.startswith(s + "/") for s in ("/dev", "/proc", "/sys")):
        raise Failure(BAD_INPUT, _cg7("report_system", report=report, real=real))
    import stat

    targets = [out, out[: -len(".csv")] + ".summary.md" if out.lower().endswith(".csv") else out]
    for t in targets:
        if os.path.lexists(t) and not (
            stat.S_ISREG(os.lstat(t).st_mode) or stat.S_ISLNK(os.lstat(t).st_mode)
        ):
            raise Failure(BAD_INPUT, _cg7("report_not_regular", path=t))
    if os.path.exists(out) and os.path.exists(submissions) and os.path.samefile(out, submissions):
        raise Failure(BAD_INPUT, _cg7("report_is_input", report=report))
    try:
        rows = g.read_submissions(submissions)
    except g.GradeError as err:
        raise Failure(BAD_INPUT, err.localized(lang)) from None
    step = max(1, len(rows) // 100)
    shown = {"last": -1}

    def progress(done: int, total: int) -> None:
        if quiet or (done - shown["last"] < step and done < total):
            return
        shown["last"] = done
        g.progress_bar(done, total, lang=lang)

    results = g.grade_all(rows, jobs=jobs, lang=lang, progress=progress, resolve=_variant_of)
    try:
        summ = g.write_report(results, out, lang)
    except OSError as err:
        raise Failure(BAD_INPUT, _cg7("cannot_write", report=report, why=str(err.strerror or err))) from None
    click.echo(summ["markdown"], nl=False)
    _progress(_cg7("graded", n=len(results), report=report))


def _cg7(key: str, **args: Any) -> str:
    """A message of ``derive grade``/``check``'s files (``check.cg7``) in the command's language."""
    return catalog.text(f"check.cg7.{key}", _language(), **args)


def _variant_of(net: str, variant: int, seed: int) -> Any:
    """Exercise variant ``variant`` (seed ``seed``) of ``net`` for ``derive grade``'s rows."""
    return _variant_target(net, variant, seed, None)


def _variant_target(net: str, variant: int | None, seed: int, answers: str | None) -> Any:
    """``net`` itself, or the derivation at an exercise variant's values (``--variant``,
    ``--answers``)."""
    if variant is None and answers is None:
        return net
    from derive.lang import spec as specs
    from derive.render import exercises

    if answers is not None:
        key = exercises.load_key(answers)
        # NET a spec file: read it, so a key built elsewhere (its "spec" a relative path) grades
        s = exercises.key_spec(key, net if os.path.isfile(net) else None)
        if net not in (s.name, key["spec"]) and not os.path.isfile(net):
            raise Failure(BAD_INPUT, _cg7("answers_other_net", answers=answers, key_net=s.name, net=net))
        if variant is not None and variant != key["variant"]:
            raise Failure(BAD_INPUT, _cg7("answers_variant", answers=answers, variant=key["variant"]))
        return exercises.variant_derivation(s, int(key["variant"]), int(key["seed"]))
    assert variant is not None
    return exercises.variant_derivation(specs.load(net), variant, seed)


@main.command()
@click.argument("nets", nargs=-1, metavar="[NET]...")
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    default=["md,tex,ipynb,py"],
    show_default=True,
    help="Comma-separated or repeated: md, tex, pdf, ipynb, py, exercises (exercise sheets, "
    "solutions and answer keys; pdf needs xelatex and latexmk).",
)
@click.option(
    "--lang",
    "langs",
    multiple=True,
    default=["en,zh"],
    show_default=True,
    help="Comma-separated or repeated languages: en, zh.",
)
@click.option(
    "-o",
    "--out",
    default="output",
    show_default=True,
    type=click.Path(),
    help="Output directory; files go to OUT/<network>/<lang>/.",
)
@click.option(
    "--templates",
    type=click.Path(),
    default=None,
    help="A directory of templates overriding the built-in ones (copy templates/).",
)
@click.option(
    "--detail",
    type=click.Choice(["brief", "standard", "full"]),
    default="standard",
    show_default=True,
    help="brief: matrix forms and numbers only; standard: a lecture-note handout with every "
    "step and number, the general proofs in their own document (proofs.md/.tex under "
    "OUT/proofs/<lang>/); full: everything, the proofs inside each walkthrough.",
)
@click.option(
    "--variant",
    default=None,
    metavar="N|A-B",
    help="With -f exercises: per-student variant N (or a range, 1-30) with its own example "
    "values; 0 is the spec's own. Files go to OUT/<network>/seed-S/variant-N/.",
)
@click.option(
    "--seed", default=0, show_default=True, type=int, help="Seed of the --variant values."
)
@click.option(
    "--watch",
    is_flag=True,
    help="Stay running: rebuild whenever a spec (or a --templates file) is saved, in this "
    "process with everything loaded, until Ctrl-C.",
)
@_guard
def build(
    nets: tuple[str, ...],
    formats: tuple[str, ...],
    langs: tuple[str, ...],
    out: str,
    templates: str | None,
    detail: str,
    variant: str | None,
    seed: int,
    watch: bool,
) -> None:
    """Write walkthroughs (default: all built-ins, all text formats, both languages)."""
    from derive import cache, forks

    # a fresh machine's first build: its templates compiled by a child on the other core while
    # this process imports SymPy (nothing else can run there before that import); Jinja is
    # imported only then, so a later build forks PyTorch's worker before importing it
    early = None
    if not (watch or templates) and cache.empty("numbers"):
        from derive.render import jinja_setup

        early = jinja_setup.start(formats, "DERIVE_WORKER")
    try:
        with forks.collector_paused():  # SymPy's and derive's objects live as long as we do
            from derive.numeric import worker as torch_worker

        # when a network's numbers are not cached (or edits will follow): the warm server, or a
        # process importing PyTorch on the other core while this one loads, derives and renders;
        # closed at the end (and then a server started for the next build, where one may run)
        handouts = any(f.strip() not in ("", "exercises") for x in formats for f in x.split(","))
        wanted = watch or (handouts and torch_worker.uncached(nets))
        with forks.frozen_heap():  # the children forked from here share the imports' pages
            _build(
                nets, formats, langs, out, templates, detail, variant, seed, watch, wanted, early
            )
    finally:
        if early is not None:
            early.close()  # (a no-op once the build took it over)


def _build(
    nets: tuple[str, ...],
    formats: tuple[str, ...],
    langs: tuple[str, ...],
    out: str,
    templates: str | None,
    detail: str,
    variant: str | None,
    seed: int,
    watch: bool,
    wanted: bool,
    early: Any = None,
) -> None:
    """:func:`build` with its PyTorch helper (``wanted``: one is) and the child compiling the
    templates forked first (``early``)."""
    from derive import forks

    worker, start_server = _torch_helper(watch) if wanted else (None, False)
    try:
        with forks.collector_paused():  # (as the imports before: see build)
            from derive.render import build as builder

        def make_plan() -> Any:
            try:
                return builder.plan(
                    nets, list(formats), list(langs), out, templates, detail=detail,
                    variant=variant, seed=seed,
                )
            except builder.BuildError as err:
                raise Failure(BAD_INPUT, catalog.localized(err, _language())) from None

        if watch:
            builder.watch(make_plan, nets, templates, _progress, worker)
            return
        plan = make_plan()
        for s in plan.specs:
            _label_warnings(s, plan.langs[0] if len(plan.langs) == 1 else "en")
        with forks.collector_paused():  # one build, then the process ends (not --watch)
            files = builder.build(plan, _progress, worker, early)
    except KeyboardInterrupt:
        start_server = False
        raise
    finally:
        _close_torch_helper(worker, start_server)
    _progress(f"wrote {len(files)} files under {plan.out}")


@main.group("server")
def server() -> None:
    """The warm PyTorch server of derive build: a background process that keeps PyTorch
    imported, so a rebuild after an edit needs no `import torch`. Used, and started by a
    build that finds none, only with DERIVE_SERVER=on (never by a plain build: nothing is left
    running); it ends by itself after DERIVE_SERVER_IDLE seconds without a request (default
    600)."""


@server.command("status")
@_guard
def server_status() -> None:
    """Show the servers running for this user (pid, age, requests answered)."""
    from derive.numeric import server as torch_server

    found = torch_server.running()
    for info in found:
        click.echo(_server_line(info))
    if not found:
        click.echo("no server running")
    if not torch_server.enabled():
        click.echo(
            "a build uses and starts none here (DERIVE_SERVER is not on, or DERIVE_WORKER=off "
            "or DERIVE_CACHE=off; with DERIVE_SERVER=on a build starts one)"
        )


@server.command("stop")
@_guard
def server_stop() -> None:
    """Stop every server running for this user."""
    from derive.numeric import server as torch_server

    stopped = torch_server.stop()
    for info in stopped:
        click.echo(f"stopped server {info['pid']}")
    if not stopped:
        click.echo("no server running")


def _server_line(info: dict[str, Any]) -> str:
    """One server's status line."""
    which = "this derive" if info.get("current") else "another derive, Python or PyTorch"
    return (
        f"server {info['pid']} ({which}): up {info['uptime']:.0f} s, "
        f"{info['requests']} requests answered, quiet for {info['quiet']:.0f} s, ends after "
        f"{info['idle']:.0f} s without one; PyTorch {info['torch']}"
    )


@main.command()
@click.argument("nets", nargs=-1, metavar="[NET]...")
@click.option(
    "--lang",
    "langs",
    default="en,zh",
    show_default=True,
    help="Comma-separated languages; the first one is the home page.",
)
@click.option(
    "-o",
    "--out",
    default="derive-site",
    show_default=True,
    type=click.Path(),
    help="Project directory to write (new, empty, or written by derive site before).",
)
@click.option(
    "--flavor",
    default="mkdocs",
    show_default=True,
    type=click.Choice(["mkdocs", "github", "myst", "quarto"]),
    help="Host: mkdocs (Material, offline KaTeX + mermaid), github, myst (Jupyter Book), quarto.",
)
@click.option(
    "--project-docs",
    type=click.Path(),
    default=None,
    help="Also add derive's own docs (README, CLI reference, spec format) from this repository.",
)
@click.option("--serve", is_flag=True, help="Then preview it with mkdocs serve (mkdocs flavour).")
@_guard
def site(
    nets: tuple[str, ...],
    langs: str,
    out: str,
    flavor: str,
    project_docs: str | None,
    serve: bool,
) -> None:
    """Write a documentation site of verified walkthroughs (default: all built-ins, en and zh).

    Then: mkdocs build --strict -f OUT/mkdocs.yml (pip install 'derive-backprop[site]').
    """
    from derive.render import site as builder

    if serve and flavor != "mkdocs":
        raise Failure(BAD_INPUT, "--serve previews the mkdocs flavour only")
    try:
        plan = builder.plan(nets, langs, out, flavor, project_docs, commands=main)
    except builder.SiteError as err:
        raise Failure(BAD_INPUT, str(err)) from None
    if serve:
        import shutil

        if shutil.which("mkdocs") is None:
            raise Failure(TOOL, "--serve needs mkdocs: pip install 'derive-backprop[site]'")
    files = builder.build(plan, _progress)
    _progress(f"wrote {len(files)} files under {plan.out}")
    if serve:
        builder.serve(plan.out)


if __name__ == "__main__":  # pragma: no cover
    main()
