"""The ``derive`` command line (DESIGN.md §4).

Exit codes: 0 ok, 1 a check failed, 2 bad input (usage, spec, formula), 3 an external tool
missing or failed. Bad input prints one line naming the file/field and the fix; ``--debug``
shows tracebacks. Progress goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

OK, FAILED, BAD_INPUT, TOOL = 0, 1, 2, 3


class Failure(Exception):
    """Expected failure with an exit code and a one-line message."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _guard(func: Callable[..., Any]) -> Callable[..., Any]:
    """Map our exceptions to exit codes and one clear message (no traceback unless --debug)."""

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt:
            code, msg = 130, "interrupted"
            if debug:
                raise
        except Exception as err:  # noqa: BLE001 - classified below; unknown ones re-raise
            known = _classify(err)
            if known is None or debug:
                raise
            code, msg = known
        click.echo(f"error: {msg}", err=True)
        sys.exit(code)

    return run


def _classify(err: Exception) -> tuple[int, str] | None:
    """Exit code and message for our exception types. Modules are looked up in
    ``sys.modules`` so a bad spec is reported without importing SymPy."""
    if isinstance(err, Failure):
        return err.code, str(err)
    mods = sys.modules
    kinds = [
        ("derive.spec", "SpecError", BAD_INPUT, ""),
        ("derive.expr", "ExprError", BAD_INPUT, ""),
        ("derive.steps", "StepError", FAILED, "a derivation step failed verification: "),
        ("derive.pdf", "ExternalToolError", TOOL, ""),
    ]
    for mod, name, code, prefix in kinds:
        cls = getattr(mods.get(mod), name, None)
        if cls is not None and isinstance(err, cls):
            return code, prefix + str(err)
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="derive-backprop")
def main(debug: bool) -> None:
    """Derive, verify and explain backpropagation, step by step."""


@main.command("list")
@_guard
def list_cmd() -> None:
    """Built-in networks, one a line: name and title."""
    from derive import spec

    for name in spec.builtin_names():
        s = spec.load(name)
        click.echo(f"{name:<18} {s.title['en']}")


def _progress(message: str) -> None:
    click.echo(message, err=True)


@main.command()
@click.argument("nets", nargs=-1, required=True, metavar="NET...")
@click.option("--points", default=3, show_default=True, help="Random points besides the example.")
@click.option("--no-torch", is_flag=True, help="Skip the PyTorch comparison.")
@_guard
def verify(nets: tuple[str, ...], points: int, no_torch: bool) -> None:
    """Derive, verify every step, compare with PyTorch and finite differences."""
    from derive import spec

    specs = [spec.load(n) for n in nets]  # all inputs are checked before any work
    from derive import numeric
    from derive.backprop import derive

    failed = False
    for s in specs:
        _progress(f"deriving {s.name} …")
        d = derive(s)
        try:
            report = numeric.verify(d, points=points, use_torch=not no_torch)
        except numeric.TorchMissing as err:
            raise Failure(TOOL, f"{err} (or pass --no-torch)") from None
        click.echo(format_report(d, report))
        failed = failed or not report.ok
    if failed:
        raise Failure(FAILED, "some gradients disagree (see ✗ above)")


def format_report(d: Any, report: Any) -> str:
    """The verify table: per parameter, the worst difference over all points."""
    lines = [
        f"{report.network}: {len(d.steps())} steps verified symbolically "
        f"(random-point identity tests); numeric checks at the example values and "
        f"{len({c.point for c in report.comparisons}) - 1} more points"
    ]
    torch_head = f"vs PyTorch {report.torch_version}" if report.torch_version else "vs PyTorch"
    lines.append(
        f"  {'param':<10}{'points':>7}  {torch_head + ' (abs / rel)':<34}"
        f"{'vs finite diff. (abs / rel)':<30}{'elementwise vs matrix':<24}ok"
    )
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
        lines.append(
            f"  {p:<10}{len(rows):>7}  {worst('ours_vs_torch'):<34}"
            f"{worst('ours_vs_fd'):<30}{worst('elementwise_vs_matrix'):<24}"
            f"{'✓' if ok else '✗'}"
        )
    kinks = sorted({c.point for c in report.comparisons if c.kink})
    if kinks:
        lines.append(
            f"  note: a ReLU input is 0 at {', '.join(kinks)}: finite differences are "
            "not meaningful at a kink and were not used there (PyTorch, like us, takes "
            "relu'(0) = 0)"
        )
    if report.loss_scale:
        name, ratio = report.loss_scale
        lines.append(
            f"  note: PyTorch's bare F.{name}_loss gradient is {ratio:.6g}× ours "
            f"(the spec's loss scales it; compare like with like)"
        )
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
            raise Failure(BAD_INPUT, f"name a proof; available: {', '.join(names)}")
        for n in names:
            click.echo(f"{n:<20} {proofs.title(n, lang)}")
        return
    if rule not in names:
        raise Failure(BAD_INPUT, f"unknown proof '{rule}'; available: {', '.join(names)}")
    click.echo(proofs.format_text(proofs.get_proof(rule), lang))


@main.command("check")
@click.argument("net")
@click.argument("formula", required=False)
@click.option("--wrt", help="Parameter or node (W2, Z1); with --value one entry: W1[0,0] or w11.")
@click.option("--value", help="A hand-computed number for the --wrt entry, e.g. -0.01365.")
@click.option("--latex", "latex_", is_flag=True, help="Read FORMULA as LaTeX.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--lang",
    default="en",
    type=click.Choice(["en", "zh"]),
    show_default=True,
    help="Language of the verdict, messages and notes (codes stay English).",
)
@_guard
def check_cmd(
    net: str,
    formula: str | None,
    wrt: str | None,
    value: str | None,
    latex_: bool,
    as_json: bool,
    lang: str,
) -> None:
    """Is a hand-derived gradient FORMULA (or a hand-computed --value) right? Names the mistake.

    Exit 0 right, 1 wrong, 2 unreadable formula. Example:
    derive check mlp-bce --wrt W2 'A1.T @ dZ2'. A formula starting with '-' goes after '--'.
    """
    import json

    from derive.check import FormulaError
    from derive.check import check as run

    try:
        result = run(net, wrt, formula, value=value, latex=latex_, lang=lang)
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
        elif err.text:
            click.echo(err.pointer(lang), err=True)
        raise Failure(BAD_INPUT, err.localized(lang)) from None
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.text())
    if not result.ok:
        sys.exit(FAILED)


@main.command()
@click.argument("nets", nargs=-1, metavar="[NET]...")
@click.option(
    "-f",
    "--format",
    "formats",
    default="md,tex,ipynb,py",
    show_default=True,
    help="Comma-separated: md, tex, pdf, ipynb, py (pdf needs xelatex and latexmk).",
)
@click.option(
    "--lang", "langs", default="en,zh", show_default=True, help="Comma-separated languages: en, zh."
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
@_guard
def build(nets: tuple[str, ...], formats: str, langs: str, out: str, templates: str | None) -> None:
    """Write walkthroughs (default: all built-ins, all text formats, both languages)."""
    import os

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # before numpy/torch load: steady timing on 2 cores
    from derive import build as builder

    try:
        plan = builder.plan(nets, [formats], [langs], out, templates)
    except builder.BuildError as err:
        raise Failure(BAD_INPUT, str(err)) from None
    files = builder.build(plan, _progress)
    _progress(f"wrote {len(files)} files under {plan.out}")


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
    import os

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from derive import site as builder

    if serve and flavor != "mkdocs":
        raise Failure(BAD_INPUT, "--serve previews the mkdocs flavour only")
    try:
        plan = builder.plan(nets, langs, out, flavor, project_docs)
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
