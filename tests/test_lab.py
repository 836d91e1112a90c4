"""The runnable material reads like a lab (issue 12, item 6): every ``backprop.py`` runs with and
without PyTorch and matches the engine; the backward pass is in backward order with each local
derivative named; finite differences of every parameter; the training loop of ``[train]``
reproduces the engine's run; notebooks validate, embed their images, execute and agree with the
script."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.render import build as builder
from derive.walkthrough.codegen import backward_order

# builds files, compiles, runs a browser or many networks: not in the fast lane (-m 'not slow')
pytestmark = pytest.mark.slow

NETS = spec.builtin_names()
LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lab")
    builder.build(builder.plan([], ["py,ipynb"], ["en,zh"], path))
    return path


def _run(path: Path, hide_torch: bool, *args: str) -> tuple[dict, str]:
    code = (
        "import runpy, sys; sys.modules['torch'] = None; "
        f"sys.argv = ['backprop.py', '--json', *{list(args)!r}]; "
        f"runpy.run_path({str(path)!r}, run_name='__main__')"
    )
    cmd = (
        [sys.executable, "-c", code] if hide_torch else [sys.executable, str(path), "--json", *args]
    )
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=path.parent)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("net", NETS)
def test_script_matches_the_engine_and_finite_differences(out: Path, net: str, lang: str) -> None:
    report, text = _run(out / net / lang / "backprop.py", hide_torch=True)
    assert report["torch"] == "skipped"
    d = derive(spec.load(net))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    assert set(report["gradients"]) == set(grads)
    for name, value in grads.items():
        ours = np.asarray(report["gradients"][name], dtype=float)
        assert ours.size == value.size
        np.testing.assert_allclose(ours.reshape(value.shape), value, rtol=1e-12, atol=1e-15)
    assert report["finite_differences_ok"] is True
    assert set(report["finite_differences"]) == set(d.spec.params)
    assert "✓" in text and "✗" not in text
    assert "np.float64(" not in text  # rounded printing
    assert f"{d.spec.loss} = {np.round(loss, 7)}" in text.replace("[[", "").replace("]]", "")


@pytest.mark.parametrize("net", NETS)
def test_script_agrees_with_torch(out: Path, net: str) -> None:
    pytest.importorskip("torch")
    report, text = _run(out / net / "en" / "backprop.py", hide_torch=False)
    assert report["torch"] == "ok"
    assert report["finite_differences_ok"] is True


def test_training_loop_reproduces_the_engine_run(out: Path) -> None:
    d = derive(spec.load("relu-mlp"))
    history = numeric.train(d)
    report, text = _run(out / "relu-mlp" / "en" / "backprop.py", True)
    assert "training" not in report  # opt-in: it runs at full size
    report, text = _run(out / "relu-mlp" / "en" / "backprop.py", True, "--train")
    assert report["training"]["first"] == pytest.approx(history[0][1], rel=1e-9)
    assert report["training"]["last"] == pytest.approx(history[-1][1], rel=1e-6)
    script = (out / "relu-mlp" / "en" / "backprop.py").read_text("utf-8")
    assert "def train(" in script and "range(steps)" in script and "w1 = w1 - lr * dw1" in script


@pytest.mark.parametrize("net", NETS)
def test_backward_pass_is_in_backward_order(out: Path, net: str) -> None:
    d = derive(spec.load(net))
    script = (out / net / "en" / "backprop.py").read_text("utf-8")
    order = [v.name for v in backward_order(d)]
    at = {name: script.index(f"\nd{name} = ") for name in order}
    assert [at[n] for n in order] == sorted(at.values())
    # a parameter's gradient comes before any gradient computed further back
    params = [n for n in order if n in d.spec.params]
    if {"W1", "W2"} <= set(params) or {"w1", "w2"} <= set(params):
        w1, w2 = ("W1", "W2") if "W1" in params else ("w1", "w2")
        assert at[w2] < at[w1]


def test_chain_names_every_local_derivative(out: Path) -> None:
    script = (out / "chain" / "en" / "backprop.py").read_text("utf-8")
    for line in (
        "du_dw = x",
        "dw = du * du_dw",
        "dv_du = 1.0",
        "du = dv * dv_du",
        "db = dv * dv_db",
    ):
        assert f"\n{line}\n" in script
    assert "∂u/∂w" in script


@pytest.mark.parametrize("net", NETS)
def test_no_plumbing(out: Path, net: str) -> None:
    script = (out / net / "en" / "backprop.py").read_text("utf-8")
    for word in ("_VALUES", "_TEXT", "broadcast_to", "_GRADIENTS"):
        assert word not in script
    compile(script, "backprop.py", "exec")


def test_own_names_never_clobber_a_spec_name(tmp_path: Path) -> None:
    src = """
[network]
name = "clash"
title = { en = "clash", zh = "clash" }
[dims]
n = 2
[inputs]
grad = [1, "n"]
params = [1, 1]
[params]
loss_at = ["n", 1]
[forward]
i = "grad @ loss_at"
eps = "sigmoid(i)"
L = "mse(eps, params)"
[values]
grad = [[0.5, -1.0]]
params = 1
loss_at = [[0.3], [0.2]]
"""
    path = tmp_path / "clash.toml"
    path.write_text(src, "utf-8")
    builder.build(builder.plan([str(path)], ["py"], ["en"], tmp_path / "o"))
    script = tmp_path / "o" / "clash" / "en" / "backprop.py"
    report, _ = _run(script, hide_torch=True)
    d = derive(spec.load(str(path)))
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    np.testing.assert_allclose(
        np.asarray(report["gradients"]["loss_at"]).reshape(-1), grads["loss_at"].reshape(-1)
    )
    assert "def _loss_at(" in script.read_text("utf-8")



COURSE = Path(__file__).parent / "specs_course"


def _course_lab(tmp_path: Path, name: str, formats: str = "py") -> Path:
    """Build a course spec's lab (English) and return its folder."""
    files = builder.build(builder.plan([str(COURSE / f"{name}.toml")], [formats], ["en"], tmp_path))
    return next(f.parent for f in files if f.name == "backprop.py")


def _agrees_with_the_engine(folder: Path, name: str) -> dict:
    """Run the lab without PyTorch; its loss and gradients are the engine's."""
    report, text = _run(folder / "backprop.py", hide_torch=True)
    d = derive(spec.load(str(COURSE / f"{name}.toml")))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    assert f"{d.spec.loss} = {np.round(loss, 7)}" in text.replace("[[", "").replace("]]", "")
    for key, value in grads.items():
        ours = np.asarray(report["gradients"][key], dtype=float).reshape(value.shape)
        np.testing.assert_allclose(ours, value, rtol=1e-9, atol=1e-12)
    return report


def test_leaky_relu_of_a_sum_keeps_its_parentheses(tmp_path: Path) -> None:
    """``F.leaky_relu(Wh @ a1 + (Wh @ a2).T, 0.2)`` (pyGAT) was written
    ``np.where(s > 0, s, 1/5 * Wh @ a1 + a2.T @ Wh.T)``: the slope scaled the first term only,
    so the lab's loss and gradients were wrong and it exited 1 against PyTorch (labs13 sweep)."""
    folder = _course_lab(tmp_path, "hn11_gat_pygat")
    assert "1/5 * (Wh @ a1 + a2.T @ Wh.T))" in (folder / "backprop.py").read_text("utf-8")
    _agrees_with_the_engine(folder, "hn11_gat_pygat")




def test_torch_part_brackets_an_op_whose_template_is_an_expression(tmp_path: Path) -> None:
    """``np.max(Z2, axis=0, keepdims=True)`` (Ng's column-major softmax) is read as
    ``(Z2 * max_share(Z2.T).T).sum(…)``; max_share's PyTorch template is a quotient, and its
    ``.T`` went onto the divisor only: the lab's PyTorch part raised "The size of tensor a (2)
    must match the size of tensor b (3)" and backprop.py and the notebook failed (labs13)."""
    pytest.importorskip("torch")
    folder = _course_lab(tmp_path, "ng_softmax_columns_drawn")
    report, _ = _run(folder / "backprop.py", hide_torch=False)
    assert report["torch"] == "ok" and report["finite_differences_ok"] is True



def test_a_product_chain_after_a_matrix_product_keeps_its_brackets(tmp_path: Path) -> None:
    """SwiGLU's ``dw3 = x.T @ (dout @ w2.T * x @ w1 * sigmoid(x @ w1))``: Python reads
    ``a * x @ w`` as ``(a * x) @ w``, so the lab raised "operands could not be broadcast
    together" (labs13 sweep); the chain after a ``*`` is bracketed when it starts with ``@``."""
    folder = _course_lab(tmp_path, "swiglu_ffn")
    assert "dout @ w2.T * (x @ w1 * sigmoid(x @ w1))" in (folder / "backprop.py").read_text("utf-8")
    _agrees_with_the_engine(folder, "swiglu_ffn")



def test_the_gradient_of_a_scalar_that_meets_a_matrix_product_is_a_matrix(tmp_path: Path) -> None:
    """A CRF's gold score ``gold = (…).sum() + (y1 @ Tr @ y2.T).sum()``: its gradient was the
    NumPy scalar ``dgold = -1`` and the next line ``y1.T @ (dgold @ y2)`` raised "matmul: Input
    operand 0 does not have enough dimensions" (labs13 sweep); it is a 1 × 1 array there."""
    folder = _course_lab(tmp_path, "hn11_crf_forward3")
    assert "\ndgold = np.full((1, 1), -1)\n" in (folder / "backprop.py").read_text("utf-8")
    _agrees_with_the_engine(folder, "hn11_crf_forward3")



def test_torch_part_takes_the_cross_entropy_of_masked_scores_on_the_logits(tmp_path: Path) -> None:
    """SimCLR's NT-Xent masks the self-similarity with -1e9; the PyTorch part computed
    ``-(pos * torch.log(torch.softmax(sim_m, dim=1)))``, 0 · log 0 = nan, so autograd gave nan
    and the lab exited 1 (labs13 sweep); it is ``F.cross_entropy(sim_m, pos)`` now."""
    pytest.importorskip("torch")
    folder = _course_lab(tmp_path, "hn10_ntxent_masked")
    assert "loss = F.cross_entropy(sim_m, pos)" in (folder / "backprop.py").read_text("utf-8")
    report, _ = _run(folder / "backprop.py", hide_torch=False)
    assert report["torch"] == "ok" and report["finite_differences_ok"] is True


@pytest.mark.parametrize("net", NETS)
def test_chinese_script_has_no_english_comment(out: Path, net: str) -> None:
    """The NumPy helpers' comments ("# row by row, shifted by the row maximum") came from the
    operation table in English into every zh backprop.py that used softmax (issue 12: "an
    English comment in the zh backprop.py"); they are said from the catalogue (lab.helpers)."""
    script = (out / net / "zh" / "backprop.py").read_text("utf-8")
    lines = script.splitlines()
    comments = [line.split("#", 1)[1] for line in lines if line.lstrip().startswith("#")]
    english = [
        c for c in comments
        if not re.search(r"[\u4e00-\u9fff]", c) and re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", c)
    ]  # fmt: skip
    assert not english, english


# ---- notebooks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_training_plot_is_an_attachment(out: Path, lang: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(out / "relu-mlp" / lang / "walkthrough.ipynb", as_version=4)
    nbformat.validate(nb)
    with_image = [c for c in nb.cells if "attachments" in c]
    assert len(with_image) == 1
    cell = with_image[0]
    assert "](attachment:training-loss.svg)" in cell.source
    svg = base64.b64decode(cell.attachments["training-loss.svg"]["image/svg+xml"])
    assert svg == (out / "relu-mlp" / lang / "training-loss.svg").read_bytes()
    assert all("](training-loss.svg)" not in c.source for c in nb.cells)


@pytest.mark.parametrize("net", NETS)
def test_notebook_code_is_the_script_code(out: Path, net: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(out / net / "en" / "walkthrough.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    script = (out / net / "en" / "backprop.py").read_text("utf-8")
    for block in re.findall(r"^def \w+\(.*?(?=^\S)", script, flags=re.M | re.S):
        assert block.strip() in code


@pytest.mark.slow
@pytest.mark.parametrize("net", ["mlp-bce", "relu-mlp"])
def test_notebook_executes_and_agrees_with_the_script(out: Path, net: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    folder = out / net / "en"
    nb = nbformat.read(folder / "walkthrough.ipynb", as_version=4)
    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    proc = subprocess.run(
        [sys.executable, "backprop.py"], capture_output=True, text=True, timeout=300, cwd=folder
    )
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        assert line in text
    assert "np.float64(" not in text and "✗" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notebook_code_cells_do_not_carry_the_scripts_section_numbers(out: Path, lang: str) -> None:
    """backprop.py numbers its sections 1–5; in the notebook those numbers sat in code cells
    under the handout's own "## 2. Forward pass" …, and "# 5. PyTorch" came before "# 4.
    Training". The script keeps them, in order; the notebook's code cells carry none."""
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(out / "relu-mlp" / lang / "walkthrough.ipynb", as_version=4)
    heads = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "code"]
    assert not [h for h in heads if re.match(r"# \d\. ", h)], heads
    script = (out / "relu-mlp" / lang / "backprop.py").read_text("utf-8")
    assert re.findall(r"^# (\d)\. ", script, flags=re.M) == ["1", "2", "3", "4", "5"]
