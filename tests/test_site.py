"""``derive site``: flavours, validation, the MkDocs project, and the site in a real browser.

The browser test builds the site of every built-in with ``derive site``, builds it with
``mkdocs build --strict``, serves it on 127.0.0.1 from a thread and loads every page in headless
Debian chromium (``tests/browser/check.mjs``, puppeteer-core). Screenshots go to
``tests/artefacts/browser/`` (or ``$DERIVE_ARTEFACTS``).
"""

from __future__ import annotations

import filecmp
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import run_cli

from derive import cli
from derive.lang.spec import builtin_names
from derive.render import site

# builds files, compiles, runs a browser or many networks: not in the fast lane (-m 'not slow')
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BROWSER = ROOT / "tests" / "browser"
NODE_MODULES = BROWSER / "node_modules"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTEFACTS = Path(os.environ.get("DERIVE_ARTEFACTS", ROOT / "tests" / "artefacts")) / "browser"


def _has_mkdocs() -> bool:
    try:
        import material  # noqa: F401
        import mkdocs  # noqa: F401
        import pymdownx  # noqa: F401
    except ImportError:
        return False
    return True


needs_mkdocs = pytest.mark.skipif(
    not _has_mkdocs(),
    reason="mkdocs, mkdocs-material, pymdown-extensions not installed (pip install -e '.[test]')",
)


# ---- flavours -----------------------------------------------------------------------------------

PAGE = r"""# A title

Text with $X \, W^{[1]}$ and an escaped \$5 and `code $x$`.

$$
\begin{aligned}
a &= b \; c \\,d \\
e &= f \: g
\end{aligned}
$$

```mermaid
flowchart LR
  a --> b
```

```python
x = "$$ \, $$"
```
"""


def test_github_flavour_math_survives_githubs_pipeline() -> None:
    out = site.flavored(PAGE, site.FLAVOR["github"], "A title", "en")
    math = re.findall(r"```math\n(.*?)\n```", out, flags=re.S)
    inline = re.findall(r"\$`(.*?)`\$", out)
    assert len(math) == 1 and inline == [r"X \thinspace W^{[1]}"]
    assert r"b \thickspace c" in math[0] and r"f \medspace g" in math[0]
    assert r"\\,d" in math[0]  # a line break followed by a comma is not a thin space
    for tex in [*math, *inline]:
        assert not re.search(r"(?<!\\)(\\\\)*\\[,;:]", tex), tex
    assert '```python\nx = "$$ \\, $$"\n```' in out  # code is left alone
    assert "`code $x$`" in out and r"\$5" in out
    assert "```mermaid" in out and not out.startswith("---")  # GitHub draws mermaid fences


@pytest.mark.parametrize("flavor", ["myst", "quarto"])
def test_myst_and_quarto_get_mermaid_directives_and_front_matter(flavor: str) -> None:
    out = site.flavored(PAGE, site.FLAVOR[flavor], 'A "title"', "zh")
    assert out.startswith('---\ntitle: "A ”title”"\nlang: zh\n---\n')  # no HTML quote
    assert "```{mermaid}" in out and "```mermaid" not in out
    assert ("# A title" in out) == (flavor == "myst")  # Quarto prints the title itself
    assert r"X \, W" in out  # MyST and Quarto keep the portable dialect


def test_mkdocs_flavour_keeps_the_portable_page() -> None:
    out = site.flavored(PAGE, site.FLAVOR["mkdocs"], "A title", "en")
    assert out == '---\ntitle: "A title"\nlang: en\n---\n\n' + PAGE


# ---- validation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--flavor", "word"], "'word' is not one of"),
        (["--lang", "fr"], "unknown language fr"),
        (["no-such-net"], "no-such-net"),
        (["--project-docs", "nowhere"], "no README.md"),
    ],
)
def test_cli_rejects_bad_input_before_writing(tmp_path: Path, args: list[str], message: str):
    out = tmp_path / "site"
    r = run_cli("site", *args, "-o", str(out))
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_cli_refuses_a_directory_that_is_not_a_site(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    r = run_cli("site", "neuron", "-o", str(tmp_path))
    assert r.returncode == 2 and "not a derive site" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_cli_reference_covers_every_command_and_option() -> None:
    import click

    from derive.cli import main

    text = site.cli_reference(main)
    ctx = click.Context(main)
    commands = []
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        if isinstance(cmd, click.Group):  # `derive server status`, `derive server stop`
            commands += [(f"{name} {n}", cmd.get_command(ctx, n)) for n in cmd.list_commands(ctx)]
        else:
            commands.append((name, cmd))
    assert any(" " in name for name, _ in commands)
    for name, cmd in commands:
        assert f"\n## derive {name}\n" in text
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert f"`{opt}`" in text, (name, opt)


@pytest.mark.skipif(not NODE_MODULES.is_dir(), reason="npm ci --prefix tests/browser not run")
def test_vendored_katex_and_mermaid_equal_the_pinned_npm_packages() -> None:
    pins = json.loads((BROWSER / "package.json").read_text())["dependencies"]
    assert (
        json.loads((NODE_MODULES / "katex" / "package.json").read_text())["version"]
        == (pins["katex"])
    )
    assert (
        json.loads((NODE_MODULES / "mermaid" / "package.json").read_text())["version"]
        == (pins["mermaid"])
    )
    katex_oracle = json.loads((ROOT / "tests" / "katex" / "package.json").read_text())
    assert katex_oracle["dependencies"]["katex"] == pins["katex"]  # one KaTeX everywhere
    pairs = [
        ("katex/dist/katex.min.js", "katex/katex.min.js"),
        ("katex/dist/katex.min.css", "katex/katex.min.css"),
        ("mermaid/dist/mermaid.min.js", "mermaid/mermaid.min.js"),
    ] + [
        (f"katex/dist/fonts/{f.name}", f"katex/fonts/{f.name}")
        for f in (NODE_MODULES / "katex" / "dist" / "fonts").glob("*.woff2")
    ]
    for src, dst in pairs:
        assert filecmp.cmp(NODE_MODULES / src, site.ASSETS / dst, shallow=False), dst
    text = site.__doc__ + (site.ASSETS / "README.md").read_text()
    assert pins["katex"] in text and pins["mermaid"] in text


# ---- a small site: layout, determinism, mkdocs --------------------------------------------------


@functools.cache
def _small_site(root: str) -> Path:
    out = Path(root) / "small"
    plan = site.plan(["neuron", "relu-mlp"], "en,zh", out, "mkdocs", ROOT, commands=cli.main)
    site.build(plan)
    return out


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _small_site(str(tmp_path_factory.mktemp("site")))


@pytest.mark.slow
def test_small_site_layout(small: Path) -> None:
    docs = small / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert pages == [
        "en/neuron-en.md",
        "en/proofs-en.md",
        "en/relu-mlp-en.md",
        "guide/architecture.md",
        "guide/cli.md",
        "guide/specs.md",
        "index.md",
        "zh/index.md",
        "zh/neuron-zh.md",
        "zh/proofs-zh.md",
        "zh/relu-mlp-zh.md",
    ]
    assert len({Path(p).stem for p in pages if "/" in p}) == len(pages) - 1  # unique stems
    page = (docs / "zh" / "relu-mlp-zh.md").read_text()
    assert page.startswith('---\ntitle: "') and "\nlang: zh\n---\n" in page
    assert "(relu-mlp-training-loss.svg)" in page
    assert (docs / "zh" / "relu-mlp-training-loss.svg").read_text().startswith("<?xml")
    home = (docs / "index.md").read_text()
    for link in ["en/neuron-en.md", "en/relu-mlp-en.md", "en/proofs-en.md", "zh/index.md"]:
        assert f"]({link})" in home
    assert "turns a network description" in home  # the README's introduction
    zh_home = (docs / "zh" / "index.md").read_text()
    assert "](../zh/neuron-zh.md)" in zh_home and "](../index.md)" in zh_home
    proofs = (docs / "en" / "proofs-en.md").read_text()
    assert '<a id="proof-linear-weight"></a>' in proofs
    cfg = (small / "mkdocs.yml").read_text()
    for needed in [
        "generic: true",
        "name: mermaid",
        "pymdownx.slugs.slugify",
        "font: false",
        "alternate:",
        "assets/katex/katex.min.js",
        "assets/mermaid/mermaid.min.js",
    ]:
        assert needed in cfg
    assert (docs / "assets" / "katex" / "fonts" / "KaTeX_Main-Regular.woff2").is_file()


@pytest.mark.slow
def test_rebuild_is_identical_and_removes_stale_files(small: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(small, copy)
    site.build(site.plan(["neuron"], "en", copy, "mkdocs"))
    assert not (copy / "docs" / "en" / "relu-mlp-en.md").exists()
    assert not (copy / "docs" / "zh").exists() or not any((copy / "docs" / "zh").rglob("*.md"))
    site.build(site.plan(["neuron", "relu-mlp"], "en,zh", copy, "mkdocs", ROOT, commands=cli.main))
    for f in sorted(small.rglob("*")):
        if f.is_file():
            assert f.read_bytes() == (copy / f.relative_to(small)).read_bytes(), f


@pytest.mark.slow
@needs_mkdocs
def test_mkdocs_build_strict_passes_with_readable_chinese_ids(small: Path, tmp_path: Path) -> None:
    built = tmp_path / "html"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(small / "mkdocs.yml"),
            "-d",
            str(built),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert r.returncode == 0, r.stderr
    assert "WARNING" not in r.stderr
    html = (built / "zh" / "neuron-zh" / "index.html").read_text()
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids and all(re.search(r"[\u4e00-\u9fff]", i) for i in ids), ids  # not "#1", "#2"
    assert "cdn" not in (built / "en" / "neuron-en" / "index.html").read_text().lower()
    # each page's <html lang> is its own language (the front matter's, not the site's)
    assert '<html lang="zh"' in html
    assert '<html lang="en"' in (built / "en" / "neuron-en" / "index.html").read_text()
    assert '<html lang="zh"' in (built / "zh" / "index.html").read_text()


def test_diagram_labels_are_the_formulas_notation_in_unicode() -> None:
    from derive.walkthrough.diagram import unicode_label

    assert unicode_label("W^{[1]}", "W1") == "W⁽¹⁾"
    assert unicode_label("w^{[1]}_{12}", "w1[1,2]") == "w⁽¹⁾₁₂"
    assert unicode_label("\\hat{Y}", "Yhat") == "Y\u0302"  # Y and a combining hat: Ŷ
    assert unicode_label("\\sigma", "s") == "σ"
    assert unicode_label("\\operatorname{ReLU}", "ReLU") == "ReLU"
    # no Unicode form (a word as a subscript, an unknown command): the identifier instead
    assert unicode_label("y_{\\text{pred}}", "y_pred") == "y_pred"
    assert unicode_label("\\mathcal{L}", "L") == "L"


# ---- the whole site in headless chromium ---------------------------------------------------------


def _browser_missing() -> str:
    if not Path(CHROMIUM).exists():
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    if shutil.which("node") is None:
        return "node not installed"
    if not (NODE_MODULES / "puppeteer-core").is_dir():
        return "puppeteer-core missing (npm ci --prefix tests/browser)"
    if not _has_mkdocs():
        return "mkdocs not installed (pip install -e '.[test]')"
    return ""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def browsed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    reason = _browser_missing()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("fullsite")
    src, built = root / "src", root / "html"
    r = run_cli("site", "-o", str(src), "--project-docs", str(ROOT), timeout=1800)
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(src / "mkdocs.yml"),
            "-d",
            str(built),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert r.returncode == 0, r.stderr
    pages = sorted(
        "" if p.parent == built else p.parent.relative_to(built).as_posix() + "/"
        for p in built.rglob("index.html")
    )
    handler = functools.partial(_Quiet, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        first = ["", "en/tiny-mlp-en/"]  # screenshots of these two
        order = first + [p for p in pages if p not in first]
        r = subprocess.run(
            ["node", str(BROWSER / "check.mjs"), base, str(ARTEFACTS), *order],
            capture_output=True,
            text=True,
            timeout=1800,
            cwd=BROWSER,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout)
    result["expected_pages"] = order
    (ARTEFACTS / "measurements.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return result


@pytest.mark.slow
def test_every_page_loads_and_renders(browsed: dict) -> None:
    seen = {p["page"] for p in browsed["pages"]}
    assert seen == set(browsed["expected_pages"]) and len(seen) >= 18
    assert browsed["external"] == []  # nothing but 127.0.0.1: the site works offline
    problems = []
    for p in browsed["pages"]:
        where = f"{p['page'] or '/'} @{p['width']}"
        if p["status"] not in (200, 304):
            problems.append(f"{where}: HTTP {p['status']}")
        for key in ("katexErrors", "rawDollars", "untypeset", "navRaw"):
            if p[key]:
                problems.append(f"{where}: {p[key]} {key}")
        if p["mermaidSvg"] != p["mermaid"]:
            problems.append(f"{where}: {p['mermaid'] - p['mermaidSvg']} diagrams not drawn")
        if p["imagesLoaded"] != p["images"]:
            problems.append(f"{where}: {p['images'] - p['imagesLoaded']} images not loaded")
        if p["errors"]:
            problems.append(f"{where}: console errors {p['errors']}")
        if p["pageOverflow"]:
            problems.append(f"{where}: the page scrolls sideways")
    assert problems == []
    walkthroughs = [
        p
        for p in browsed["pages"]
        if re.fullmatch(r"(en|zh)/[\w-]+-(en|zh)/", p["page"]) and "proofs" not in p["page"]
    ]
    assert len(walkthroughs) == 2 * 2 * len(builtin_names())  # networks × languages × widths
    assert all(p["display"] > 0 and p["mermaid"] == 1 for p in walkthroughs)
    assert sum(p["images"] for p in browsed["pages"]) >= 4  # relu-mlp's loss plot, en and zh
    # every zh page says so to the browser (screen readers, fonts, search)
    for p in browsed["pages"]:
        assert p["lang"] == ("zh" if p["page"].startswith("zh/") else "en"), p["page"]
    # the diagram labels use the formulas' notation: W⁽¹⁾ where the text writes W^{[1]}
    mlp = next(p for p in walkthroughs if p["page"] == "en/mlp-bce-en/")
    assert "W⁽¹⁾" in mlp["mermaidLabels"] and "W1" not in mlp["mermaidLabels"]
    assert (ARTEFACTS / "home-1280.png").is_file()
    assert (ARTEFACTS / "en_tiny-mlp-en-1280.png").is_file()


def _wide(browsed: dict, width: int) -> tuple[int, int, list]:
    rows = [p for p in browsed["pages"] if p["width"] == width]
    wide = [(p["page"], w["width"], w["tex"]) for p in rows for w in p["wide"]]
    return len(wide), sum(p["display"] for p in rows), wide


@pytest.mark.slow
def test_display_formulas_fit_the_column_at_1280_px(browsed: dict) -> None:
    n, total, wide = _wide(browsed, 1280)
    assert n == 0, f"{n} of {total} display formulas are wider than the column: {wide[:5]}"


@pytest.mark.slow
def test_at_most_five_percent_of_formulas_overflow_at_390_px(browsed: dict) -> None:
    n, total, wide = _wide(browsed, 390)
    assert n <= 0.05 * total, f"{n} of {total} display formulas overflow at 390 px: {wide[:5]}"


@pytest.mark.slow
@pytest.mark.parametrize("flavor", ["github", "myst", "quarto"])
def test_other_hosts_get_their_own_project(tmp_path: Path, flavor: str) -> None:
    out = tmp_path / flavor
    site.build(site.plan(["neuron"], "en", out, flavor))
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    config = {"github": [], "myst": ["myst.yml"], "quarto": ["_quarto.yml"]}[flavor]
    home = "docs/README.md" if flavor == "github" else "docs/index.md"
    assert names == sorted(
        [".derive-site", *config, home, "docs/en/neuron-en.md", "docs/en/proofs-en.md"]
    )
    page = (out / "docs" / "en" / "neuron-en.md").read_text()
    if flavor == "github":
        assert "$$" not in page and page.count("```math") > 10
        for block in re.findall(r"```math\n(.*?)\n```", page, flags=re.S):
            assert not re.search(r"(?<!\\)(\\\\)*\\[,;:]", block), block
    else:
        assert page.startswith("---\ntitle: ") and "```{mermaid}" in page
    for cfg in config:
        text = (out / cfg).read_text()
        assert "docs/en/neuron-en.md" in text and "docs/en/proofs-en.md" in text


def test_titles_cannot_become_html_in_any_host() -> None:
    title = 'A </title><script>alert(1)</script> & "q" `c`\nnext'
    assert site.plain_title(title) == "A ‹/title›‹script›alert(1)‹/script› ＆ ”q” ‘c‘ next"
    assert site.front_matter(title, "en").splitlines()[1] == (
        'title: "A ‹/title›‹script›alert(1)‹/script› ＆ ”q” ‘c‘ next"'
    )


@pytest.mark.slow
@needs_mkdocs
def test_hostile_spec_text_stays_inert_in_the_built_site(tmp_path: Path) -> None:
    from test_build import HOSTILE_SPEC

    spec = tmp_path / "hostile.toml"
    spec.write_text(HOSTILE_SPEC, "utf-8")
    src, built = tmp_path / "src", tmp_path / "html"
    site.build(site.plan([str(spec)], "en,zh", src, "mkdocs"))
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(src / "mkdocs.yml"),
            "-d",
            str(built),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert r.returncode == 0, r.stderr
    pages = [p for p in built.rglob("*.html")]
    assert len(pages) >= 6
    for page in pages:
        html = page.read_text()
        assert "<script>alert" not in html and "<img src=x" not in html, page


def test_project_docs_take_readme_spec_section_and_architecture(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text(
        "# derive\n\nIntro with [a file](output/x.md).\n\n```sh\nexample\n```\n\n"
        "## Spec files\n\nA spec is TOML; see ![plot](docs/p.png) and [TOML](https://toml.io).\n"
    )
    (tmp_path / "docs" / "architecture.md").write_text("# Architecture\n\n[DESIGN](../x.md)\n")
    plan = site.plan(["neuron"], "en", tmp_path / "out", "mkdocs", tmp_path, commands=cli.main)
    pages = site.project_pages(plan)
    assert sorted(pages) == [
        "docs/guide/architecture.md",
        "docs/guide/cli.md",
        "docs/guide/specs.md",
    ]
    assert "A spec is TOML; see plot and [TOML](https://toml.io)." in pages["docs/guide/specs.md"]
    assert "\nDESIGN\n" in pages["docs/guide/architecture.md"]
    assert site._readme_intro(plan) == "Intro with a file."


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("node") is None or not (NODE_MODULES / "markdown-it").is_dir(),
    reason="node or markdown-it missing (npm ci --prefix tests/browser)",
)
def test_github_flavour_keeps_every_formula_intact_through_a_gfm_parser(tmp_path: Path) -> None:
    from katex_oracle import scan_math

    from derive.engine.printing import named_spaces

    portable = tmp_path / "portable"
    gh = tmp_path / "github"
    site.build(site.plan(["tiny-mlp", "neuron"], "en,zh", portable, "mkdocs"))
    site.build(site.plan(["tiny-mlp", "neuron"], "en,zh", gh, "github"))
    pages = sorted((gh / "docs").rglob("*-??.md"))
    assert len(pages) == 6  # two networks and the proofs, in two languages
    for page in pages:
        source = (portable / page.relative_to(gh)).read_text()
        source = source.split("---\n", 2)[2]  # without the front matter
        blocks, problems = scan_math(source)
        assert problems == []
        r = subprocess.run(
            ["node", str(BROWSER / "gfm.mjs")],
            input=page.read_text(),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=BROWSER,
        )
        assert r.returncode == 0, r.stderr
        parsed = json.loads(r.stdout)
        display = [b["content"].rstrip("\n") for b in parsed["blocks"] if b["info"] == "math"]
        inline = [c["content"] for c in parsed["inline"] if c["math"]]
        assert len(display) > 10 and len(inline) > 10
        assert display == [named_spaces(b.tex.strip("\n")) for b in blocks if b.display], page
        assert inline == [named_spaces(b.tex) for b in blocks if not b.display], page
        assert "$$" not in parsed["text"]
