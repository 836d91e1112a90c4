"""``derive build``: every built-in in both languages and every format, checked as a reader's
tools would (KaTeX, xelatex, nbformat/nbclient, Python), plus determinism and the committed
``output/``."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from katex_oracle import OracleMissing, check_markdown, notebook_markdown

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.numeric.example import Example
from derive.render import build as builder

# builds files, compiles, runs a browser or many networks: not in the fast lane (-m 'not slow')
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NETS = spec.builtin_names()
LANGS = ("en", "zh")
REGENERATE = "regenerate it with `derive build` (from the repository root) and commit output/"


def _build(out: Path, nets=(), formats="md,tex,ipynb,py", langs="en,zh") -> list[Path]:
    return builder.build(builder.plan(nets, [formats], [langs], out))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """One default build of all built-ins (text formats, both languages)."""
    path = tmp_path_factory.mktemp("build")
    _build(path)
    return path


def _katex(text: str) -> list[str]:
    try:
        return check_markdown(text)
    except OracleMissing as err:
        pytest.skip(err.reason)


# ---- layout and Markdown ----------------------------------------------------------------------


def test_layout_has_every_network_language_and_format(out: Path) -> None:
    for net in NETS:
        for lang in LANGS:
            folder = out / net / lang
            names = {p.name for p in folder.iterdir()}
            assert {
                "walkthrough.md",
                "walkthrough.tex",
                "walkthrough.ipynb",
                "backprop.py",
            } <= names, folder
    assert (out / "relu-mlp" / "en" / "training-loss.svg").is_file()
    assert not list(out.rglob("*.pdf"))  # PDFs only with -f pdf
    assert not list(out.rglob("*.tmp"))  # atomic writes leave nothing behind


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("net", NETS)
def test_markdown_and_notebook_math_parse_in_katex(out: Path, net: str, lang: str) -> None:
    md = (out / net / lang / "walkthrough.md").read_text("utf-8")
    assert _katex(md) == []
    assert _katex(notebook_markdown(out / net / lang / "walkthrough.ipynb")) == []


def test_tiny_mlp_reproduces_the_hand_calculation(out: Path) -> None:
    """reference/networks.md §3: every number, with its working, computed independently."""
    md = (out / "tiny-mlp" / "en" / "walkthrough.md").read_text("utf-8")
    d = derive(spec.load("tiny-mlp"))
    point = numeric.example_point(d.graph)
    env = numeric.forward_numeric(d, point)
    grads, loss = numeric.gradients_matrix(d, point)
    # the hand working of the first layer, exactly as the text writes it
    for line in (
        "h_{1,\\text{raw}} &= x_{1} \\cdot w_{11} + x_{2} \\cdot w_{21}",
        "&= 0.5 \\cdot 0.1 + 0.1 \\cdot 0.3",
        "&= 0.05 + 0.03",
        "&= 0.08",
        "&= 0.5 \\cdot 0.2 + 0.1 \\cdot 0.4",
        "&= 0.14",
        "&\\approx 0.5199893 \\cdot 0.5 + 0.5349429 \\cdot 0.6",
        "\\frac{\\partial L}{\\partial w_{11}} &= \\delta_{h_{1,\\text{raw}}} \\cdot x_{1}",
        "&\\approx \\left(-0.0273362\\right) \\cdot 0.5",
    ):
        assert line in md, line
    expected = {
        "h": env["h"].ravel(),
        "y_pred": env["y_pred"].ravel(),
        "L": [loss],
        "delta_out": (env["y_pred"] - 0.8).ravel(),
        "dW2": grads["W2"].ravel(),
        "dW1": grads["W1"].ravel(),
        "dh": ((env["y_pred"] - 0.8) * np.array([[0.5, 0.6]])).ravel(),
    }
    dh = expected["dh"]
    expected["delta_h"] = dh * env["h"].ravel() * (1 - env["h"].ravel())
    for name, values in expected.items():
        for v in values:
            assert f"{v:.7f}" in md, (name, v)
    # and they are the numbers of the reference text, to its precision
    assert np.allclose(env["h"], [[0.5199893, 0.5349429]], atol=1e-7)
    assert abs(loss - 0.0239892) < 1e-7
    assert np.allclose(grads["W1"], [[-0.0136681, -0.0163477], [-0.0027336, -0.0032695]], atol=1e-7)
    assert np.allclose(grads["W2"].ravel(), [-0.1138982, -0.1171737], atol=1e-7)
    # the exact values are shown, and each rounded number once: 0.5199893 ≈ σ(0.08)
    ex = Example(d)
    h1 = d.graph.tensors["h"].symbols[0]
    assert ex.number(h1).tex == "0.5199893" and not ex.number(h1).exact


def test_chinese_walkthrough_uses_the_proper_terms(out: Path) -> None:
    for net in NETS:
        md = (out / net / "zh" / "walkthrough.md").read_text("utf-8")
        for term in ("反向传播", "链式法则", "梯度", "损失函数", "前向传播"):
            assert term in md, (net, term)
    en = (out / "tiny-mlp" / "en" / "walkthrough.md").read_text("utf-8")
    assert "反向传播" not in en and "Backward pass" in en


_NUMBER = r"-?\d+(\.\d+)?( \\times 10\^\{-?\d+\})?"


def _is_values(line: str) -> bool:
    """``lhs = 0.08`` / ``lhs \\approx \\begin{bmatrix} …``: numbers from Example."""
    import re

    for rel in (" = ", " \\approx "):
        if rel in line:
            rhs = line.split(rel, 1)[1].strip()
            if rhs.startswith("\\begin{bmatrix}") or re.fullmatch(_NUMBER, rhs):
                return True
    return False


@pytest.mark.parametrize("net", ["tiny-mlp", "mlp-bce-weighted", "neuron"])
def test_every_displayed_equation_is_a_verified_step(out: Path, net: str) -> None:
    """Each display line ``lhs = rhs`` of the Markdown is the LaTeX of a verified Step (the
    derivation's, a proof's, a lesson's) or shows numbers; a hand calculation starts with its
    entry step."""
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.load(net))
    proofs = shared_proofs()
    w = build(d, numeric.verify(d, points=0, full=False), proofs)
    allowed = {s.tex for s in d.steps()}
    for name in proofs._names:
        allowed |= {s.tex for s in (proofs[name].statement, *proofs[name].steps)}
    allowed |= {f"{e.lhs} = {e.rhs}" for ls in w.lessons for e in ls.eqs}
    allowed |= {
        f"{e.lhs} = {e.rhs}"
        for ls in w.lessons
        for _key, eqs in ls.parts
        for e in eqs
        if hasattr(e, "rhs")
    }
    allowed |= {f"{b.closed.lhs} = {b.closed.rhs}" for b in w.backward if b.closed}
    if w.loss_formula:
        allowed.add(f"{w.loss_formula.lhs} = {w.loss_formula.rhs}")
    allowed |= {shown for line in allowed for shown in _laid_out(line)}
    md = (out / net / "en" / "walkthrough.md").read_text("utf-8")
    lines = []
    for block in md.split("\n$$\n")[1::2]:
        rows = block.replace("\\begin{aligned}\n", "").replace("\n\\end{aligned}", "")
        for row in rows.split("\n"):
            row = (
                row.removesuffix(" \\\\")
                .replace(" &= ", " = ")
                .replace(" &\\approx ", " \\approx ")
            )
            if not row.startswith("&"):  # continuation lines of a hand calculation: numbers
                lines.append(row)
    assert len(lines) > 20  # a standard handout of the smallest network still shows 29
    unverified = [x for x in lines if x not in allowed and not _is_values(x)]
    assert unverified == []


def _laid_out(line: str) -> set[str]:
    """How the Markdown may show the verified ``lhs = rhs`` (re-layout only, never new math):
    as a display laid out for a screen (rows of an ``aligned`` block, or one column of a matrix
    whose columns are all the same), or as the first line of an ``aligned`` block whose long
    right side is broken into rows."""
    from derive.engine.printing import SCREEN_WIDTH, break_sum, layout, row_room

    lhs, sep, rhs = line.partition(" = ")
    if not sep:
        return set()
    display = layout(lhs, "=", rhs, SCREEN_WIDTH)[0].replace(" &= ", " = ")
    return {display, f"{lhs} = {break_sum(rhs, row_room(lhs, SCREEN_WIDTH))}"}


# ---- notebooks and scripts ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("net", NETS)
def test_notebook_is_valid_nbformat(out: Path, net: str, lang: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    path = out / net / lang / "walkthrough.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert [c.id for c in nb.cells] == [f"cell-{i:04d}" for i in range(1, len(nb.cells) + 1)]
    assert any(c.cell_type == "code" for c in nb.cells)


@pytest.mark.parametrize("net", NETS)
def test_notebook_executes(out: Path, net: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.kernelspec import KernelSpecManager

    if "python3" not in KernelSpecManager().find_kernel_specs():
        pytest.skip("no python3 Jupyter kernel (pip install ipykernel)")
    nb = nbformat.read(out / net / "en" / "walkthrough.ipynb", as_version=4)
    nbclient.NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(out / net / "en")}},
    ).execute()
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "✓" in text and "✗" not in text


def _run_script(path: Path, hide_torch: bool) -> dict:
    code = (
        (
            "import runpy, sys; sys.modules['torch'] = None; sys.argv = ['backprop.py', '--json'];"
            f" runpy.run_path({str(path)!r}, run_name='__main__')"
        )
        if hide_torch
        else None
    )
    cmd = [sys.executable, "-c", code] if code else [sys.executable, str(path), "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=path.parent)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("net", NETS)
def test_backprop_script_runs_without_torch(out: Path, net: str, lang: str) -> None:
    report = _run_script(out / net / lang / "backprop.py", hide_torch=True)
    assert report["torch"] == "skipped"
    d = derive(spec.load(net))
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    for name, value in grads.items():
        np.testing.assert_allclose(report["gradients"][name], value, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("net", NETS)
def test_backprop_script_agrees_with_torch(out: Path, net: str) -> None:
    pytest.importorskip("torch")
    report = _run_script(out / net / "en" / "backprop.py", hide_torch=False)
    assert report["torch"] == "ok"
    if net == "neuron":
        assert abs(report["bare_ratio"] - 2) < 1e-12  # F.mse_loss has no ½


# ---- determinism and the committed output -------------------------------------------------------


def _differences(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b)
    out = [f"only in {a}: {n}" for n in cmp.left_only] + [
        f"only in {b}: {n}" for n in cmp.right_only
    ]
    out += [f"differs: {a / n}" for n in cmp.diff_files]
    for sub in cmp.common_dirs:
        out += _differences(a / sub, b / sub)
    return out


def _same_bytes(a: Path, b: Path) -> list[str]:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.suffix != ".pdf")
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file() and p.suffix != ".pdf")
    diff = [f"missing or extra: {p}" for p in sorted(set(files_a) ^ set(files_b))]
    diff += [
        f"differs: {p}"
        for p in sorted(set(files_a) & set(files_b))
        if (a / p).read_bytes() != (b / p).read_bytes()
    ]
    return diff


def test_two_builds_are_byte_identical(out: Path, tmp_path: Path) -> None:
    _build(tmp_path)
    assert _same_bytes(out, tmp_path) == []


def test_committed_output_equals_a_fresh_build(out: Path) -> None:
    committed = ROOT / "output"
    diff = _same_bytes(committed, out)
    assert diff == [], f"output/ is stale ({len(diff)} files): {diff[:5]}; {REGENERATE}"


# ---- user specs, escaping, templates, CLI ---------------------------------------------------

TITLE_EN = (
    "\\\\input{/etc/hostname} ^^5cinput <script>alert(1)</script> $x$ {} # % & ~ _ "
    "两层 →\\nprint('pwned')"
)
TITLE_ZH = "\\\\input{/etc/hostname} <script>alert(1)</script> $x$"
HOSTILE_SPEC = f'''
[network]
name = "hostile"
title = {{ en = "{TITLE_EN}", zh = "{TITLE_ZH}" }}
description = "<img src=x onerror=alert(1)> \\\\def\\\\x{{1}} ``` \\\\$\\\\$"  # \\$: a dollar sign

[dims]
n = 2

[inputs]
x = [1, "n"]

[params]
w = [1, "n"]

[forward]
z = "x @ w.T"
L = "z ** 2"
'''


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.toml"
    path.write_text(HOSTILE_SPEC, "utf-8")
    _build(folder / "out", [str(path)])
    return folder / "out" / "hostile"


def test_hostile_title_is_inert_in_markdown(hostile: Path) -> None:
    for lang in LANGS:
        md = (hostile / lang / "walkthrough.md").read_text("utf-8")
        nb = notebook_markdown(hostile / lang / "walkthrough.ipynb")
        for text in (md, nb):
            assert "<script>" not in text and "<img" not in text
            assert "&lt;script&gt;" in text
            assert "\\$x\\$" in text
            assert _katex(text) == []


def test_hostile_title_is_inert_in_latex(hostile: Path) -> None:
    tex = (hostile / "en" / "walkthrough.tex").read_text("utf-8")
    assert "\\input{/etc/hostname}" not in tex
    assert "\\textbackslash{}input\\{/etc/hostname\\}" in tex
    assert "^^5c" not in tex and "\\def\\x" not in tex


def test_hostile_title_is_inert_in_python(hostile: Path) -> None:
    script = hostile / "en" / "backprop.py"
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "pwned" not in proc.stdout
    assert [line for line in script.read_text("utf-8").splitlines() if "pwned" in line] == [
        line
        for line in script.read_text("utf-8").splitlines()
        if line.startswith("# ") and "pwned" in line
    ]


@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("latexmk") is None,
    reason="xelatex/latexmk not installed (see derive.render.pdf.INSTALL_HINT)",
)
def test_hostile_title_pdf_compiles_without_reading_files(hostile: Path, tmp_path: Path) -> None:
    from derive.render.pdf import compile_pdf

    pdf = tmp_path / "h.pdf"
    compile_pdf((hostile / "en" / "walkthrough.tex").read_text("utf-8"), pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "input{/etc/hostname}" in text.replace(" ", "")  # shown as text
        secret = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
        if len(secret) >= 6 and secret not in HOSTILE_SPEC:
            assert secret not in text


def test_templates_directory_restyles_the_handout(tmp_path: Path) -> None:
    mine = tmp_path / "mytemplates"
    (mine / "md").mkdir(parents=True)
    original = (ROOT / "templates" / "md" / "walkthrough.md.j2").read_text("utf-8")
    (mine / "md" / "walkthrough.md.j2").write_text(
        original.replace("# {{ w.title[lang] }}", "# Course handout: {{ w.title[lang] }}"), "utf-8"
    )
    plan = builder.plan(["chain"], ["md,py"], ["en"], tmp_path / "o", str(mine))
    builder.build(plan)
    md = (tmp_path / "o" / "chain" / "en" / "walkthrough.md").read_text("utf-8")
    assert md.startswith("# Course handout: A scalar computational graph")
    assert "## 3. Backward pass" in md  # the sections still come from the built-in templates
    assert (tmp_path / "o" / "chain" / "en" / "backprop.py").is_file()


def _cli(*args: str, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "derive", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=cwd,
    )


def test_cli_rejects_bad_input_before_writing(tmp_path: Path) -> None:
    target = tmp_path / "o"
    for args in (
        ["chain", "nosuchnet"],
        ["chain", "-f", "md,docx"],
        ["chain", "--lang", "fr"],
        ["chain", "--templates", str(tmp_path / "none")],
    ):
        proc = _cli("build", *args, "-o", str(target))
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
        assert not target.exists()


def test_cli_pdf_without_tex_exits_3_and_says_what_to_install(tmp_path: Path) -> None:
    env = dict(os.environ, PATH=str(tmp_path))
    proc = _cli("build", "chain", "-f", "md,pdf", "-o", str(tmp_path / "o"), env=env)
    assert proc.returncode == 3, proc.stderr
    assert "apt-get install" in proc.stderr and "latexmk" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_cli_builds_a_user_spec_file(tmp_path: Path) -> None:
    spec_file = tmp_path / "my-net.toml"
    spec_file.write_text(HOSTILE_SPEC.replace('"hostile"', '"my-net"'), "utf-8")
    proc = _cli("build", str(spec_file), "-f", "md", "--lang", "zh", "-o", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o" / "my-net" / "zh" / "walkthrough.md").is_file()
    assert "my-net" in proc.stderr  # progress goes to stderr
    assert proc.stdout == ""


# ---- PDFs ----------------------------------------------------------------------------------

needs_tex = pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("latexmk") is None,
    reason="xelatex/latexmk not installed: apt-get install texlive-xetex texlive-lang-chinese "
    "latexmk (.ci/run does this)",
)


@needs_tex
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("net", NETS)
def test_pdf_builds(out: Path, net: str, lang: str, tmp_path: Path) -> None:
    """xelatex through latexmk with the safe flags; a 'Missing character' fails the build."""
    from derive.render.pdf import compile_pdf

    pdf = tmp_path / "walkthrough.pdf"
    compile_pdf((out / net / lang / "walkthrough.tex").read_text("utf-8"), pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")


# ---- packaging -----------------------------------------------------------------------------


@pytest.mark.slow
def test_installed_wheel_finds_its_templates_and_catalogues(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh venv and build a walkthrough outside the
    repository: templates and locale files must come from the installed package."""
    pytest.importorskip("build")
    src = tmp_path / "src"
    shutil.copytree(
        ROOT,
        src,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".git", "output", "node_modules", "*.egg-info", "build", "dist", "__pycache__", ".*"
        ),
    )
    dist = tmp_path / "dist"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--skip-dependency-check",
            "-o",
            str(dist),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    wheel = next(dist.glob("*.whl"))
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300
    )
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(py), "-c", "import derive; print(derive.__file__)"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        check=True,
    ).stdout
    assert where.startswith(str(venv)), where
    shipped = subprocess.run(  # the shipped proofs are in the wheel, under the current key
        [str(py), "-c", SHIPPED],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        check=True,
    ).stdout
    assert shipped.split() == ["True"], shipped
    proc = subprocess.run(
        [str(venv / "bin" / "derive"), "build", "chain", "-f", "md", "-o", str(elsewhere / "o")],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    md = (elsewhere / "o" / "chain" / "zh" / "walkthrough.md").read_text("utf-8")
    assert "反向传播" in md


# prints whether the installed package has every general proof shipped under the current key
SHIPPED = "from derive.proofs import PROOFS, proven; print(set(proven.shipped()) == set(PROOFS))"


# ---- handouts: detail levels and the proofs document -------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_handouts_link_to_proofs_that_exist_once(out: Path, lang: str) -> None:
    """Every proof link of every handout points at an anchor of the one proofs document, and
    the handouts themselves contain no proof."""
    import re

    proofs = (out / "proofs" / lang / "proofs.md").read_text("utf-8")
    anchors = set(re.findall(r'<a id="(proof-[a-z-]+)"></a>', proofs))
    assert anchors and len(anchors) == proofs.count('<a id="proof-')
    cited: set[str] = set()
    for net in NETS:
        md = (out / net / lang / "walkthrough.md").read_text("utf-8")
        links = re.findall(rf"\]\(\.\./\.\./proofs/{lang}/proofs\.md#(proof-[a-z-]+)\)", md)
        cited |= set(links)
        assert set(links) <= anchors, net
        assert "Kronecker" not in md and "克罗内克" not in md  # no index-notation proof inside
    assert cited == anchors  # only proofs some handout uses
    tex = (out / "proofs" / lang / "proofs.tex").read_text("utf-8")
    assert all(f"\\proofdest{{{a}}}" in tex for a in anchors)


def test_standard_handout_is_about_its_own_network(out: Path) -> None:
    md = (out / "tiny-mlp" / "en" / "walkthrough.md").read_text("utf-8")
    assert "b^{[2]}" not in md and "\\tanh" not in md and "proof-zero-init" not in md
    # backprop order: the output layer's weights before the hidden layer's
    assert md.index("### 3.2 $\\frac{\\partial L}{\\partial W^{[2]}}$") < md.index(
        "\\frac{\\partial L}{\\partial W^{[1]}}$\n"
    )
    assert md.index("dW2 = h.T @ dy_pred") < md.index("dW1 = X.T @ dh_raw")
    # symbols defined before first use, and the closed form of each gradient
    assert md.index("w_{11} & w_{12}") < md.index("## 2. Forward pass")
    neuron = (out / "neuron" / "en" / "walkthrough.md").read_text("utf-8")
    assert "\\left(O - t\\right) \\cdot O \\cdot \\left(1 - O\\right) \\thinspace x" in neuron
    bce = (out / "mlp-bce" / "en" / "walkthrough.md").read_text("utf-8")
    assert "\\sum_{i=1}^{m}" in bce and "b^{[2]}" in bce and "b_{2}" not in bce
    assert "Common mistakes" in bce and "\\mathbf{1}[z \\ge 0]" in bce


def test_full_detail_keeps_the_proofs_in_the_walkthrough(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    res = CliRunner().invoke(
        main,
        [
            "build",
            "chain",
            "neuron",
            "-f",
            "md",
            "--lang",
            "en",
            "--detail",
            "full",
            "-o",
            str(tmp_path),
        ],
    )
    assert res.exit_code == 0, res.output
    md = (tmp_path / "neuron" / "en" / "walkthrough.md").read_text("utf-8")
    assert "**Proof.**" in md and "The local derivative" not in md
    assert not (tmp_path / "proofs").exists()  # full: no separate document
    bad = CliRunner().invoke(main, ["build", "chain", "--detail", "long", "-o", str(tmp_path)])
    assert bad.exit_code == 2
