"""Labs of held-out networks run clean (issue 12 items 6-7, labs14 sweep): each fix shown on a
variant of the spec that failed, with the generated ``backprop.py`` run for real (and compared
with the engine's loss and gradients, and with PyTorch where it is installed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.render import build as builder

pytestmark = pytest.mark.slow  # builds and runs labs


def _lab(tmp_path: Path, text: str, lang: str = "en", formats: str = "py") -> Path:
    path = tmp_path / "net.toml"
    path.write_text(text, "utf-8")
    files = builder.build(builder.plan([str(path)], [formats], [lang], tmp_path / "out"))
    return next(f.parent for f in files if f.name == "backprop.py")


def _run(folder: Path, hide_torch: bool) -> tuple[dict, str, str]:
    """Run the lab (``--json``); exit 0 required. Returns the report, the printed text and
    stderr."""
    script = folder / "backprop.py"
    code = (
        "import runpy, sys; sys.modules['torch'] = None; "
        "sys.argv = ['backprop.py', '--json']; "
        f"runpy.run_path({str(script)!r}, run_name='__main__')"
    )
    cmd = [sys.executable, "-c", code] if hide_torch else [sys.executable, str(script), "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1]), proc.stderr


def _engine(folder: Path, tmp_path: Path, report: dict, text: str) -> float:
    """The lab's printed loss and its gradients are the engine's; returns the loss."""
    d = derive(spec.load(str(tmp_path / "net.toml")))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    printed = text.replace("[[", "").replace("]]", "")
    assert f"{d.spec.loss} = {np.round(loss, 7)}" in printed, (loss, text[:300])
    for key, value in grads.items():
        ours = np.asarray(report["gradients"][key], dtype=float).reshape(value.shape)
        np.testing.assert_allclose(ours, value, rtol=1e-9, atol=1e-12)
    return float(loss)


# ---- the cross-entropy of a softmax from log softmax ------------------------------------------

# a variant of tests/specs_nonfinite/nf20_masked_ce_fill_1e9: column-major scores (the loss takes
# S.T), a causal mask that hides the true class of the first example, class-index targets
MASKED_TRUE_CLASS = """
[dims]
T = 4
d = 3
[inputs]
X = ["d", "T"]
mask = ["T", "T"]
y = ["T"]
[params]
W = ["T", "d"]
[forward]
S = "W @ X"
Sm = "S.masked_fill(mask.T == 0, -1e9)"
L = "F.cross_entropy(Sm.T, y)"
[values]
X = [[1.0, 0.5, -0.3, 0.2], [0.2, -1.0, 0.4, 0.1], [0.3, 0.3, -0.2, 0.6]]
W = [[0.1, 0.2, 0.3], [-0.2, 0.4, 0.1], [0.5, -0.1, 0.2], [0.0, 0.3, -0.4]]
mask = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
y = [2, 1, 0, 3]
"""


def test_cross_entropy_of_a_softmax_whose_true_class_is_masked_is_finite(tmp_path: Path) -> None:
    """nf20's lab computed ``cross_entropy(softmax(Sm), Y)``: the masked true class's
    probability underflowed to 0, so it printed ``L = inf``, its finite differences were nan and
    NumPy warned (labs13 left it). The NumPy loss of a softmax is taken from log softmax now
    (``softmax_cross_entropy``), here on a column-major variant with class indices."""
    folder = _lab(tmp_path, MASKED_TRUE_CLASS)
    script = (folder / "backprop.py").read_text("utf-8")
    assert "L = softmax_cross_entropy(Sm.T, y)" in script
    assert "def softmax_cross_entropy(s, y):" in script
    report, text, err = _run(folder, hide_torch=True)
    assert "RuntimeWarning" not in err and err.strip() == ""
    assert "inf" not in text and "nan" not in text
    loss = _engine(folder, tmp_path, report, text)
    assert 1e8 < loss < 1e9  # the masked true class costs its 1e9 / T
    assert all(np.isfinite(v) for v in report["finite_differences"].values())


def test_cross_entropy_of_masked_scores_agrees_with_torch_without_warnings(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    folder = _lab(tmp_path, MASKED_TRUE_CLASS)
    report, _, err = _run(folder, hide_torch=False)
    assert report["torch"] == "ok" and err.strip() == ""


def test_cross_entropy_with_minus_infinity_scores_of_other_classes(tmp_path: Path) -> None:
    """-inf fills (PyTorch's usual mask) outside the true class: 0 · log 0 must stay 0 and
    warn of nothing, in the zh lab as in the en one."""
    text = (
        MASKED_TRUE_CLASS.replace('"W @ X"', '"X.T @ W.T"')
        .replace("mask.T == 0, -1e9", "mask == 0, float('-inf')")
        .replace("Sm.T, y", "Sm, y")
        .replace("y = [2, 1, 0, 3]", "y = [0, 1, 2, 3]")
    )
    for lang, said in (("en", "underflows"), ("zh", "下溢")):
        (tmp_path / lang).mkdir()
        folder = _lab(tmp_path / lang, text, lang=lang)
        report, printed, err = _run(folder, hide_torch=True)
        assert err.strip() == "" and report["finite_differences_ok"] is True
        assert "nan" not in printed and "inf" not in printed
        script = (folder / "backprop.py").read_text("utf-8")
        helper = script[script.index("def softmax_cross_entropy") :].split("\n\n")[0]
        comments = [line for line in helper.splitlines() if line.strip().startswith("#")]
        assert len(comments) == 1 and said in comments[0]  # in the handout's language


# ---- a scalar network's PyTorch part does not warn of broadcasting ----------------------------

# a variant of tests/specs_engine/kink: another scalar unit, another loss, away from the kink
SCALAR_UNIT = """
[inputs]
x = []
y = []
[params]
w = []
b = []
[forward]
z = "x * w + b"
a = "F.leaky_relu(z, 0.1)"
L = "F.mse_loss(a, y)"
[values]
x = 2
w = 0.4
b = 0.1
y = 1.5
"""


def test_scalar_network_target_is_a_number_and_torch_does_not_warn(tmp_path: Path) -> None:
    """kink's lab kept its scalar target as ``np.array([[1.0]])`` while its prediction was a
    0-d tensor, so ``F.mse_loss(a, y)`` printed PyTorch's UserWarning about broadcasting target
    sizes. A scalar target compared with plain numbers only is a plain number now."""
    pytest.importorskip("torch")
    folder = _lab(tmp_path, SCALAR_UNIT)
    script = (folder / "backprop.py").read_text("utf-8")
    assert "\ny = 1.5\n" in script
    report, text, err = _run(folder, hide_torch=False)
    assert "UserWarning" not in err and err.strip() == ""
    assert report["torch"] == "ok" and report["finite_differences_ok"] is True
    _engine(folder, tmp_path, report, text)


def test_scalar_logistic_unit_lab_runs_against_torch(tmp_path: Path) -> None:
    """The same with ``F.binary_cross_entropy(p, y)``: PyTorch does not warn there but raises
    "Using a target size (torch.Size([1, 1])) that is different to the input size
    (torch.Size([])) is deprecated", so such a lab exited 1 with a traceback."""
    pytest.importorskip("torch")
    text = SCALAR_UNIT.replace('"F.leaky_relu(z, 0.1)"', '"torch.sigmoid(z)"')
    text = text.replace("F.mse_loss(a, y)", "F.binary_cross_entropy(a, y)").replace(
        "y = 1.5", "y = 1"
    )
    folder = _lab(tmp_path, text)
    assert "\ny = 1.0\n" in (folder / "backprop.py").read_text("utf-8")
    report, printed, err = _run(folder, hide_torch=False)
    assert err.strip() == "" and report["torch"] == "ok"
    assert report["finite_differences_ok"] is True
    _engine(folder, tmp_path, report, printed)


def test_scalar_target_of_a_one_by_one_prediction_keeps_its_shape(tmp_path: Path) -> None:
    """The neuron's case: the prediction is 1 × 1 (``x @ w.T``), so the target stays a 1 × 1
    array (a 0-d target would warn the other way round)."""
    pytest.importorskip("torch")
    text = SCALAR_UNIT.replace('x = []', 'x = [1, 2]').replace('w = []', 'w = [1, 2]')
    text = text.replace('"x * w + b"', '"x @ w.T + b"')
    text = text.replace("x = 2\nw = 0.4", "x = [2, -1]\nw = [0.4, 0.3]")
    folder = _lab(tmp_path, text)
    assert "\ny = np.array([[1.5]])\n" in (folder / "backprop.py").read_text("utf-8")
    report, printed, err = _run(folder, hide_torch=False)
    assert err.strip() == "" and report["torch"] == "ok"
    _engine(folder, tmp_path, report, printed)


# ---- a sum led by a negated indicator; the max of everything -----------------------------------


def test_a_sum_led_by_a_negated_indicator_runs(tmp_path: Path) -> None:
    """hn11_hinge_embedding's ``dd = -(t - 1 != 0) / N * (1 - d >= 0) + …`` raised "The numpy
    boolean negative, the `-` operator, is not supported" (labs14 sweep, en and zh, script and
    notebook); a variant with another margin, no tanh and other labels."""
    folder = _lab(
        tmp_path,
        """
[dims]
N = 4
D = 2
[inputs]
x1 = ["N", "D"]
x2 = ["N", "D"]
t = ["N"]
[params]
W = ["D", "D"]
[forward]
d = "F.pairwise_distance(x1 @ W, x2 @ W)"
loss = "F.hinge_embedding_loss(d, t, margin=2.0)"
[values]
x1 = [[1.0, 0.2], [0.3, -0.5], [0.0, 1.0], [0.7, 0.7]]
x2 = [[0.1, 0.4], [1.0, 0.5], [-0.6, 0.2], [0.2, -0.3]]
W = [[0.5, -0.2], [0.3, 0.8]]
t = [-1, 1, -1, 1]
""",
    )
    # (round 33: the comparison printed as written, t != 1, not t - 1 != 0)
    assert "-1.0 * (t != 1)" in (folder / "backprop.py").read_text("utf-8")
    report, text, err = _run(folder, hide_torch=True)
    assert report["finite_differences_ok"] is True and err.strip() == ""
    _engine(folder, tmp_path, report, text)


def test_the_max_of_everything_calls_a_defined_helper(tmp_path: Path) -> None:
    """hn12_saito_ce_error's ``c = np.max(a2)`` (the max of the whole matrix) printed
    ``max_share_all(…)``, a function the script never defined (NameError, en and zh), and
    defined ``max_share`` twice; a variant on a one-layer softmax with another target."""
    folder = _lab(
        tmp_path,
        """
[dims]
B = 2
D = 3
C = 3
[inputs]
x = ["B", "D"]
t = { shape = ["B", "C"], kind = "one-hot" }
[params]
W = ["D", "C"]
[forward]
a = "x @ W"
c = "np.max(a)"
e = "np.exp(a - c)"
y = "e / np.sum(e, axis=1, keepdims=True)"
loss = "-np.sum(t * np.log(y)) / B"
[values]
x = [[1.0, -0.5, 0.2], [0.3, 0.8, -1.0]]
W = [[0.2, -0.1, 0.4], [0.5, 0.3, -0.2], [-0.3, 0.1, 0.6]]
t = [[0, 1, 0], [0, 0, 1]]
""",
    )
    script = (folder / "backprop.py").read_text("utf-8")
    assert "max_share_all" not in script and script.count("def max_share(") == 1
    report, text, err = _run(folder, hide_torch=True)
    assert report["finite_differences_ok"] is True and err.strip() == ""
    _engine(folder, tmp_path, report, text)


# ---- which finite differences the lab judges ----------------------------------------------------

# a variant of tests/specs_course/nanogpt_head_masked_fill: another head, a padding mask
MASKED_HEAD = """
[dims]
T = 3
C = 2
[inputs]
x = ["T", "C"]
keep = ["T", "T"]
y = ["T", "C"]
[params]
Wq = ["C", "C"]
Wk = ["C", "C"]
[forward]
wei = "(x @ Wq) @ (x @ Wk).T / 2"
att = "torch.softmax(wei.masked_fill(keep == 0, -1e9), dim=1)"
loss = "F.l1_loss(att @ x, y)"
[values]
x = [[1.0, -0.4], [0.3, 0.8], [-0.5, 0.2]]
Wq = [[0.6, -0.1], [0.2, 0.9]]
Wk = [[-0.3, 0.5], [0.7, 0.1]]
y = [[0.5, 0.5], [0.0, 1.0], [1.0, -1.0]]
keep = [[1, 1, 0], [1, 1, 0], [1, 1, 0]]
"""


def test_a_mask_of_an_input_does_not_switch_the_finite_difference_check_off(
    tmp_path: Path,
) -> None:
    """``masked_fill(tril == 0, …)`` compares an input with 0, and the lab took the mask's
    zeros for a ReLU input at its kink: nanoGPT's masked head printed its finite differences
    but never judged them (a wrong gradient would still exit 0). Only a kink a parameter moves
    counts now; the check judges, and a gradient made wrong in the script is caught."""
    folder = _lab(tmp_path, MASKED_HEAD)
    script = (folder / "backprop.py").read_text("utf-8")
    assert "not compared" not in script and "ok = ok and same" in script
    report, text, _ = _run(folder, hide_torch=True)
    assert report["finite_differences_ok"] is True
    _engine(folder, tmp_path, report, text)
    line = next(x for x in script.splitlines() if x.startswith("dWq = "))
    (folder / "backprop.py").write_text(script.replace(line, line + " * 1.01"), "utf-8")
    proc = subprocess.run(
        [sys.executable, "backprop.py", "--json"], cwd=folder, capture_output=True, text=True
    )
    assert proc.returncode == 1 and "✗ dWq" in proc.stdout


def test_a_loss_too_large_for_float64_differences_is_printed_not_judged(tmp_path: Path) -> None:
    """With the true class masked the loss is ~1e9 / T: a difference of two loss values 2e-6
    apart keeps ~1e-2 of the gradient, far above the tolerance 1e-6. The lab says so (en, zh)
    instead of failing, and PyTorch decides."""
    for lang, said in (("en", "loss too large"), ("zh", "损失值过大")):
        (tmp_path / lang).mkdir()
        folder = _lab(tmp_path / lang, MASKED_TRUE_CLASS, lang=lang)
        report, text, err = _run(folder, hide_torch=True)
        assert said in text and "–" in text and err.strip() == ""
        assert report["finite_differences_ok"] is True
