"""``derive site``: a documentation site of verified walkthroughs, for one of four hosts.

``derive site [NET...] [--lang en,zh] [-o DIR] [--flavor mkdocs|github|myst|quarto]`` writes::

    DIR/mkdocs.yml                       (mkdocs) | myst.yml (myst) | _quarto.yml (quarto)
    DIR/docs/index.md                    home in the first language: networks, what was verified
    DIR/docs/<lang>/index.md             home of every further language
    DIR/docs/<lang>/<net>-<lang>.md      one page per network and language (unique file names)
    DIR/docs/<lang>/proofs-<lang>.md     every general proof the pages cite
    DIR/docs/<lang>/<net>-training-loss.svg
    DIR/docs/assets/...                  (mkdocs) KaTeX + mermaid + glue, served from the site
    DIR/docs/guide/...                   with --project-docs: derive's own docs

The Markdown of every page is the walkthrough renderer's (``md/walkthrough.md.j2``, the
portable dialect); what differs between hosts is applied afterwards by :func:`flavored`, the one
place that knows the hosts: front matter, the mermaid fence, GitHub-safe math.

**Offline.** KaTeX (0.19.1) and mermaid (11.17.2) ship inside the package
(``derive/site_assets/``, MIT licences beside them) and are copied into the site, and the theme
is told not to load web fonts (``theme.font: false``): building and viewing the site need no
network. ``tests/browser/package.json`` pins the same npm versions; a test checks the copies match.

Nothing is written until every input has been validated; the same inputs give the same bytes.
"""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from derive.engine.printing import named_spaces
from derive.lang import spec as specs
from derive.locale.catalog import catalogue
from derive.proofs import shared_proofs
from derive.render import environment as render
from derive.render.build import derive_verified
from derive.render.environment import environment, write_atomic
from derive.render.markup import Raw, md_escape
from derive.render.plot import loss_svg
from derive.walkthrough.context import Example
from derive.walkthrough.context import build as context
from derive.walkthrough.records import Pieces

FLAVORS = ("mkdocs", "github", "myst", "quarto")
LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}
ASSETS = Path(__file__).resolve().parent / "site_assets"
MARKER = ".derive-site"  # manifest of the files a previous run wrote (so a rebuild removes stale)
PLOT = "{net}-training-loss.svg"
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n'
)


class SiteError(ValueError):
    """A bad option (flavour, language, output directory): exit code 2."""


# ---- flavours: the one place that knows the hosts -----------------------------------------------


@dataclass(frozen=True)
class Flavor:
    name: str
    front_matter: bool  # YAML title/lang block at the top
    mermaid: str  # the info string of a diagram fence
    github_math: bool  # ```math blocks, $`…`$ inline, no \, \; \: (GitHub strips them)
    drop_h1: bool  # the host prints the front-matter title itself
    index: str  # file name of a folder's home page


FLAVOR = {
    "mkdocs": Flavor("mkdocs", True, "mermaid", False, False, "index.md"),
    "github": Flavor("github", False, "mermaid", True, False, "README.md"),
    "myst": Flavor("myst", True, "{mermaid}", False, False, "index.md"),
    "quarto": Flavor("quarto", True, "{mermaid}", False, True, "index.md"),
}

# fenced code, inline code, an escaped dollar, display math ($$ on its own lines), inline math
_TOKENS = re.compile(
    r"(?P<fence>^```[^\n]*\n.*?^```[ \t]*$)"
    r"|(?P<code>`+)(?P<codebody>.*?)(?P=code)"
    r"|(?P<esc>\\\$)"
    r"|(?P<display>^\$\$[ \t]*\n(?P<dbody>.*?)\n\$\$[ \t]*$)"
    r"|(?P<inline>\$(?P<ibody>(?:\\.|[^$\\\n])+?)\$)",
    re.M | re.S,
)


def github_tex(tex: str) -> str:
    r"""``tex`` with ``\,`` ``\:`` ``\;`` spelled ``\thinspace`` ``\medspace`` ``\thickspace``
    (GitHub strips the short forms; derive's printer never writes them, README text might)."""

    return named_spaces(tex)


def _github_math(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group("display") is not None:
            return f"```math\n{github_tex(m.group('dbody'))}\n```"
        if m.group("inline") is not None:
            return f"$`{github_tex(m.group('ibody'))}`$"
        return m.group(0)

    return _TOKENS.sub(one, text)


# MkDocs and its themes put titles into HTML unescaped (and `striptags` would undo escaping),
# so a title keeps no character that HTML reads: look-alikes instead
_HTML_LOOKALIKE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "`": "‘"})


def plain_title(title: str) -> str:
    """A user's title as one line that no host can read as HTML."""
    return " ".join(str(title).split()).translate(_HTML_LOOKALIKE)


def yaml_str(text: str) -> str:
    # JSON strings are YAML double-quoted scalars: any text is one safe value
    return json.dumps(plain_title(text), ensure_ascii=False)


def front_matter(title: str, lang: str) -> str:
    return f"---\ntitle: {yaml_str(title)}\nlang: {lang}\n---\n\n"


def flavored(md: str, flavor: Flavor, title: str, lang: str) -> str:
    """A page of the portable Markdown dialect, adapted to ``flavor``'s host."""
    text = md
    if flavor.mermaid != "mermaid":
        text = re.sub(r"^```mermaid[ \t]*$", f"```{flavor.mermaid}", text, flags=re.M)
    if flavor.github_math:
        text = _github_math(text)
    if flavor.drop_h1:
        text = re.sub(r"\A# [^\n]*\n+", "", text)
    if flavor.front_matter:
        text = front_matter(title, lang) + text
    return text


# ---- plan ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    specs: tuple[specs.NetSpec, ...]
    langs: tuple[str, ...]
    flavor: Flavor
    out: Path
    project_docs: Path | None  # the repository whose README/docs go into the site
    commands: Any = None  # the click group whose commands the CLI reference lists (from the CLI)


def _choices(raw: str, allowed: Sequence[str], what: str) -> tuple[str, ...]:
    items = [x.strip() for x in raw.split(",") if x.strip()]
    bad = [x for x in items if x not in allowed]
    if bad or not items:
        raise SiteError(
            f"unknown {what} {', '.join(bad) or '(none given)'}; choose from: {', '.join(allowed)}"
        )
    return tuple(dict.fromkeys(items))  # the user's order: the first language is the home page


def plan(
    nets: Iterable[str],
    langs: str,
    out: str | Path,
    flavor: str = "mkdocs",
    project_docs: str | Path | None = None,
    commands: Any = None,
) -> Plan:
    """Validate everything before any work (raises ``SpecError`` or :class:`SiteError`)."""
    if flavor not in FLAVOR:
        raise SiteError(f"unknown flavor {flavor}; choose from: {', '.join(FLAVORS)}")
    names = list(nets) or specs.builtin_names()
    loaded = {}
    for n in names:
        s = specs.load(n)
        if s.name in loaded and loaded[s.name][0] != n:
            raise SiteError(f"two specs are both named '{s.name}'; rename one in its [network]")
        loaded[s.name] = (n, s)
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise SiteError(
            f"-o {out}: exists and is not a derive site; choose a new or empty directory"
        )
    repo = None
    if project_docs is not None:
        repo = Path(project_docs)
        if not (repo / "README.md").is_file():
            raise SiteError(
                f"--project-docs {repo}: no README.md there; run it in derive's repository"
            )
    return Plan(
        tuple(s for _, s in loaded.values()),
        _choices(langs, LANGS, "language"),
        FLAVOR[flavor],
        out,
        repo,
        commands,
    )


# ---- pages --------------------------------------------------------------------------------------


def page_path(net: str, lang: str) -> str:
    return f"{lang}/{net}-{lang}.md"


def proofs_path(lang: str) -> str:
    return f"{lang}/proofs-{lang}.md"


def home_path(p: Plan, lang: str) -> str:
    return p.flavor.index if lang == p.langs[0] else f"{lang}/{p.flavor.index}"


@dataclass(frozen=True)
class Entry:
    """What the home page says about one network."""

    name: str
    title: dict[str, str]
    description: dict[str, str]
    steps: int
    params: tuple[str, ...]
    torch_version: str
    ok: bool
    proofs: tuple[str, ...]


def _walkthrough(s: specs.NetSpec):

    d, report, history = derive_verified(s)
    w = context(d, report, shared_proofs(), history, plot=PLOT.format(net=s.name))
    return d, w, history


def build(p: Plan, progress: Callable[[str], None] = lambda m: None) -> list[Path]:
    """Write the site; returns the files written (relative paths in the marker)."""

    files: dict[str, str | bytes] = {}
    entries = []
    proof_names: list[str] = []
    derivations = []
    for s in p.specs:
        progress(f"{s.name}: deriving and verifying …")
        d, w, history = _walkthrough(s)
        derivations.append(d)
        for name in (pi.name for pi in w.proofs):
            if name not in proof_names:
                proof_names.append(name)
        entries.append(
            Entry(
                s.name,
                dict(w.title),
                dict(w.description),
                w.steps_verified,
                tuple(s.params),
                w.verification.torch_version,
                bool(w.verification.ok),
                tuple(pi.name for pi in w.proofs),
            )
        )
        for lang in p.langs:
            progress(f"{s.name}: {lang} page")
            md = render.render("md/walkthrough.md.j2", w, lang)
            files[f"docs/{page_path(s.name, lang)}"] = flavored(md, p.flavor, w.title[lang], lang)
            if history:

                files[f"docs/{lang}/{PLOT.format(net=s.name)}"] = loss_svg(history, s.loss)
    for lang in p.langs[1:]:
        if p.flavor.name == "mkdocs":  # the language switch reads it (an empty one: no 404)
            files[f"docs/{lang}/sitemap.xml"] = EMPTY_SITEMAP
    for lang in p.langs:
        files[f"docs/{proofs_path(lang)}"] = _proofs_page(p, derivations[0], proof_names, lang)
        files[f"docs/{home_path(p, lang)}"] = _home(p, entries, proof_names, lang)
    if p.project_docs is not None:
        files.update(project_pages(p))
    files.update(_config(p, entries))
    if p.flavor.name == "mkdocs":
        for src in sorted(ASSETS.rglob("*")):
            if src.is_file() and src.name != "README.md":
                files[f"docs/assets/{src.relative_to(ASSETS).as_posix()}"] = src.read_bytes()
    return _write_all(p.out, files)


def _render(template: str, lang: str, **context) -> str:
    """A site template in the Markdown environment (escaping as for walkthroughs)."""

    text = environment("md").get_template(template).render(lang=lang, L=catalogue(lang), **context)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _proofs_page(p: Plan, d, names: list[str], lang: str) -> str:

    pc = Pieces(d, Example(d), shared_proofs())
    items = tuple(pc.proof(n) for n in names)
    md = _render("site/proofs.md.j2", lang, items=items)
    title = md.splitlines()[0].removeprefix("# ")
    return flavored(md, p.flavor, title, lang)


def _home(p: Plan, entries: list[Entry], proof_names: list[str], lang: str) -> str:

    up = "../" * home_path(p, lang).count("/")
    links = {
        "pages": {e.name: Raw(up + page_path(e.name, lang)) for e in entries},
        "proofs": Raw(up + proofs_path(lang)),
        "other": [(LANG_NAMES[x], Raw(up + home_path(p, x))) for x in p.langs if x != lang],
        "guide": [(t, Raw(up + f)) for f, t, _ in _guide_files(p)] if lang == "en" else [],
    }
    intro = _readme_intro(p) if (p.project_docs and lang == "en") else ""
    md = _render(
        "site/index.md.j2",
        lang,
        entries=entries,
        links=links,
        intro=Raw(intro),
        nproofs=len(proof_names),
    )
    title = md.splitlines()[0].removeprefix("# ")
    return flavored(md, p.flavor, title, lang)


# ---- derive's own documentation (--project-docs) -------------------------------------------------


def _guide_files(p: Plan) -> list[tuple[str, str, str]]:
    """(site path, title, source) of the project pages."""
    if p.project_docs is None:
        return []
    out = [
        ("guide/cli.md", "Command-line reference", "cli"),
        ("guide/specs.md", "Spec files", "spec"),
    ]
    arch = p.project_docs / "docs" / "architecture.md"
    if arch.is_file():
        out.append(("guide/architecture.md", "Architecture", "arch"))
    return out


def _readme_sections(p: Plan) -> list[tuple[str, str]]:
    assert p.project_docs is not None
    text = (p.project_docs / "README.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)
    return [("", parts[0])] + [(part.split("\n", 1)[0].strip(), "## " + part) for part in parts[1:]]


def _readme_intro(p: Plan) -> str:
    intro = _readme_sections(p)[0][1].split("\n```", 1)[0]  # the prose before the examples
    return _site_markdown(re.sub(r"\A# [^\n]*\n+", "", intro).strip())


def _site_markdown(body: str) -> str:
    """Repository Markdown for the site: links and images into the repository (``output/…``)
    are not files of the site, so they keep only their text."""
    body = re.sub(r"!\[([^\]]*)\]\((?!https?:)[^)]*\)", r"\1", body)  # images too
    return re.sub(r"\[([^\]]*)\]\((?!https?:|#|mailto:)[^)]*\)", r"\1", body)


def project_pages(p: Plan) -> dict[str, str]:
    pages = {}
    for path, title, kind in _guide_files(p):
        if kind == "cli":
            body = cli_reference(p.commands)
        elif kind == "spec":
            found = [s for h, s in _readme_sections(p) if h.lower().startswith("spec")]
            body = "# Spec files\n\n" + (found[0].split("\n", 1)[1].strip() if found else "") + "\n"
        else:
            body = (p.project_docs / "docs" / "architecture.md").read_text(encoding="utf-8")
        body = _site_markdown(body)
        pages[f"docs/{path}"] = flavored(body, p.flavor, title, "en")
    return pages


def cli_reference(main: Any) -> str:
    """Markdown reference of every command of the click group ``main`` (``derive``'s own, passed
    in by the CLI), generated from the click definitions."""


    lines = ["# Command-line reference", "", "Generated from the `derive` command definitions."]
    ctx = click.Context(main, info_name="derive")
    for name, cmd, sub in _commands(main, ctx):
        usage = " ".join(cmd.collect_usage_pieces(sub))
        lines += ["", f"## derive {name}", "", "```text", f"derive {name} {usage}".rstrip(), "```"]
        if cmd.help:
            for para in click.unstyle(cmd.help).split("\n\n"):
                lines += ["", md_escape(para, block=True)]
        rows = []
        for param in cmd.params:
            if isinstance(param, click.Option):
                opts = ", ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))
                helptext = md_escape(param.help or "", block=False).replace("|", "\\|")
                if param.show_default and param.default not in (None, False, ()):
                    helptext += f" (default: `{param.default}`)"
                rows.append(f"| {opts} | {helptext} |")
            elif isinstance(param, click.Argument):
                meta = param.make_metavar(sub) if _takes_ctx(param) else param.make_metavar()
                req = "required" if param.required else "optional"
                rows.append(f"| `{meta}` | argument ({req}) |")
        rows.append("| `-h`, `--help` | Show the help and exit. |")
        lines += ["", "| Option | Meaning |", "|---|---|", *rows]
    return "\n".join(lines) + "\n"


def _commands(group: Any, ctx: Any) -> list[tuple[str, Any, Any]]:
    """``(name, command, its context)`` of every visible command of the click ``group``, the
    commands of a sub-group (``derive server status``) by their full name."""
    found = []
    for name in sorted(group.list_commands(ctx)):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        sub = click.Context(cmd, info_name=name, parent=ctx)
        if isinstance(cmd, click.Group):
            found += [(f"{name} {n}", c, s) for n, c, s in _commands(cmd, sub)]
        else:
            found.append((name, cmd, sub))
    return found


def _takes_ctx(param) -> bool:

    return "ctx" in inspect.signature(param.make_metavar).parameters


# ---- configuration per host ----------------------------------------------------------------------


def _nav(p: Plan, entries: list[Entry]) -> list[tuple[str, str | list]]:
    nav: list[tuple[str, str | list]] = []
    for lang in p.langs:
        first = lang == p.langs[0]
        section = [("Home" if lang == "en" else "首页", home_path(p, lang))]
        section += [(e.title[lang], page_path(e.name, lang)) for e in entries]
        section.append(("Proofs" if lang == "en" else "一般证明", proofs_path(lang)))
        if first:
            nav += section
        else:
            nav.append((LANG_NAMES[lang], section))
    guide = [(t, f) for f, t, _ in _guide_files(p)]
    if guide:
        nav.append(("derive", guide))
    return nav


def _yaml_nav(nav: list, indent: int) -> list[str]:
    out = []
    pad = " " * indent
    for title, target in nav:
        key = yaml_str(title)
        if isinstance(target, list):
            out.append(f"{pad}- {key}:")
            out += _yaml_nav(target, indent + 4)
        else:
            out.append(f"{pad}- {key}: {target}")
    return out


# MkDocs Material takes <html lang> and its interface words from theme.language, one for the
# whole site; this override of its language partial takes them from the page's front matter
# (``lang: zh``), so a Chinese page is <html lang="zh"> with a Chinese interface
LANGUAGE_PARTIAL = """{#- derive site: the page's front-matter language, else theme.language -#}
{% set code = (page.meta.lang if page and page.meta and page.meta.lang else config.theme.language) %}
{% import "partials/languages/" ~ code ~ ".html" as lang %}
{% import "partials/languages/en.html" as fallback %}
{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}
"""


def _config(p: Plan, entries: list[Entry]) -> dict[str, str]:
    name = p.flavor.name
    first = p.langs[0]
    site_name = "Backpropagation, verified" if first == "en" else "反向传播，逐步验证"
    nav = _nav(p, entries)
    if name == "mkdocs":
        alternate = []
        if len(p.langs) > 1:
            alternate = ["extra:", "  alternate:"]
            for lang in p.langs:
                link = "./" if lang == first else f"{lang}/"
                alternate += [
                    f"    - name: {LANG_NAMES[lang]}",
                    f"      link: {link}",
                    f"      lang: {lang}",
                ]
        lines = [
            "# Generated by `derive site`. Build: mkdocs build --strict; preview: mkdocs serve",
            f"site_name: {json.dumps(site_name, ensure_ascii=False)}",
            "docs_dir: docs",
            "site_dir: site",
            "theme:",
            "  name: material",
            f"  language: {first}",
            "  font: false  # no web fonts: the site works offline",
            "  custom_dir: overrides  # <html lang> from each page's front matter",
            "  features:",
            "    - navigation.sections",
            "    - content.code.copy",
            *alternate,
            "extra_css:",
            "  - assets/katex/katex.min.css",
            "  - assets/derive.css",
            "extra_javascript:",
            "  - assets/katex/katex.min.js",
            "  - assets/mermaid/mermaid.min.js",
            "  - assets/derive.js",
            "markdown_extensions:",
            "  - tables",
            "  - attr_list",
            "  - md_in_html",
            "  - toc:",
            "      permalink: true",
            "      slugify: !!python/object/apply:pymdownx.slugs.slugify",
            "        kwds:",
            "          case: lower",
            "  - pymdownx.arithmatex:",
            "      generic: true",
            "  - pymdownx.superfences:",
            "      custom_fences:",
            "        - name: mermaid",
            "          class: mermaid",
            "          format: !!python/name:pymdownx.superfences.fence_code_format",
            "plugins:",
            "  - search",
            "nav:",
            *_yaml_nav(nav, 2),
        ]
        return {
            "mkdocs.yml": "\n".join(lines) + "\n",
            "overrides/partials/language.html": LANGUAGE_PARTIAL,
        }
    if name == "myst":
        toc = []
        for title, target in nav:
            if isinstance(target, list):
                toc += [
                    f"      - title: {yaml_str(title)}",
                    "        children:",
                ]
                toc += [f"          - file: docs/{t}" for _, t in target]
            else:
                toc.append(f"      - file: docs/{target}")
        lines = [
            "# Generated by `derive site --flavor myst`. Build: myst build --html",
            "version: 1",
            "project:",
            f"  title: {json.dumps(site_name, ensure_ascii=False)}",
            "  toc:",
            *[t[2:] for t in toc],
            "site:",
            "  template: book-theme",
        ]
        return {"myst.yml": "\n".join(lines) + "\n"}
    if name == "quarto":
        flat = []
        for title, target in nav:
            if isinstance(target, list):
                flat.append(f"      - section: {yaml_str(title)}")
                flat.append("        contents:")
                flat += [f"          - docs/{t}" for _, t in target]
            else:
                flat.append(f"      - docs/{target}")
        lines = [
            "# Generated by `derive site --flavor quarto`. Build: quarto render",
            "project:",
            "  type: website",
            "website:",
            f"  title: {json.dumps(site_name, ensure_ascii=False)}",
            "  sidebar:",
            "    contents:",
            *flat,
            "format:",
            "  html:",
            "    html-math-method: katex",
        ]
        return {"_quarto.yml": "\n".join(lines) + "\n"}
    return {}


# ---- writing ------------------------------------------------------------------------------------


def _write_all(out: Path, files: dict[str, str | bytes]) -> list[Path]:

    marker = out / MARKER
    old = set(marker.read_text(encoding="utf-8").split()) if marker.exists() else set()
    written = []
    for rel in sorted(files):
        write_atomic(out / rel, files[rel])
        written.append(out / rel)
    for rel in sorted(old - set(files)):
        target = out / rel
        if target.is_file() and ".." not in Path(rel).parts:
            target.unlink()
    write_atomic(marker, "".join(f"{rel}\n" for rel in sorted(files)))
    return written


def serve(out: Path, port: int = 8000) -> None:
    """``mkdocs serve`` on the written project (needs the ``site`` extra)."""

    if shutil.which("mkdocs") is None:
        raise FileNotFoundError("mkdocs")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(out / "mkdocs.yml"),
            "-a",
            f"127.0.0.1:{port}",
        ],
        check=False,
    )
