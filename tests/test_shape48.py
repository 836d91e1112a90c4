"""shape48 (issue 9): multi-channel convolution read by its definition — the sum over input
channels of 2-D convolutions (derive/lang/channels48.py) — judged against PyTorch running the
course's OWN multi-channel text (``F.conv2d`` of a [1, C, H, W] input and an [O, C, kh, kw]
weight, TF's NHWC ``tf.nn.conv2d`` through the oracle's shim, NumPy's ``X[c]``): the per-channel
tensors derive reads are stacked back into the 4-D ones, the user's lines run as written, and
the loss and every kernel slice's gradient must equal derive's; derive verify (PyTorch on the
per-channel graph and finite differences) must pass. Then the refusals (one line, en + zh), the
checker on per-channel formulas (a wrong channel, a wrong factor rejected), the walkthrough and
the lab."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

import spelled_oracle as so
from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

COURSE = Path(__file__).parent / "specs_course"
HELD = sorted(COURSE.glob("hn48s_*.toml"))


def _stacked(raw: dict, point: dict[str, np.ndarray], tf: bool) -> dict[str, np.ndarray]:
    """The course's own multi-channel tensors, rebuilt from derive's per-channel point (the test's
    own reading of the layouts: NCHW/CHW inputs and [O, C, kh, kw] weights for PyTorch/NumPy,
    NHWC inputs and [kh, kw, C, O] kernels for TF, a bias [O])."""
    out: dict[str, np.ndarray] = {}
    for table in ("inputs", "params"):
        for key, shape in (raw.get(table) or {}).items():
            if not isinstance(shape, list):
                continue
            if len(shape) == 1 and f"{key}0" in point and key not in point:
                out[key] = np.array([point[f"{key}{o}"].item() for o in range(shape[0])])
            elif len(shape) == 4 and tf and f"{key}00" in point:  # a TF kernel [kh, kw, C, O]
                k = np.zeros(shape)
                for o in range(shape[3]):
                    for c in range(shape[2]):
                        k[:, :, c, o] = point[f"{key}{o}{c}"]
                out[key] = k
            elif len(shape) == 4 and f"{key}00" in point:  # a PyTorch weight [O, C, kh, kw]
                out[key] = np.array([[point[f"{key}{o}{c}"] for c in range(shape[1])] for o in range(shape[0])])
            elif len(shape) == 4 and tf:
                out[key] = np.stack([point[f"{key}{c}"] for c in range(shape[3])], axis=-1)[None]
            elif len(shape) == 4:
                out[key] = np.stack([point[f"{key}{c}"] for c in range(shape[1])])[None]
            elif len(shape) == 3:
                out[key] = np.stack([point[f"{key}{c}"] for c in range(shape[0])])
    return out


def channel_oracle(text: str, name: str) -> tuple[float, float, dict[str, float]]:
    """(derive's loss, PyTorch's loss on the course's own text, worst gradient difference per
    multi-channel parameter) — derive's per-channel gradients against autograd's slices."""
    s = spec.parse(text, name)
    d = derive(s)
    point = numeric.example_point(d.graph)
    grads, loss = numeric.gradients_matrix(d, point)
    raw = tomllib.loads(text)
    tf = "tf.nn.conv2d" in text
    ns = so.namespace(s, raw, point)
    params: dict[str, torch.Tensor] = {}
    for key, arr in _stacked(raw, point, tf).items():
        t = torch.tensor(arr, dtype=torch.float64, requires_grad=key in (raw.get("params") or {}))
        ns[key] = t
        if t.requires_grad:
            params[key] = t
    for key in raw.get("params") or {}:
        if key not in params and key in ns:
            params[key] = ns[key]
    default = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    so._NUMPY_SPEC[0] = so.dialect_of([t for t in raw["forward"].values()]) == "np"
    try:
        t_loss, _ = so._execute_lines(raw, ns)
    finally:
        torch.set_default_dtype(default)
    t_loss.backward()
    worst: dict[str, float] = {}
    for key, t in params.items():
        g = t.grad.detach().numpy()
        shape = raw["params"][key]
        if len(shape) == 4 and tf:
            pairs = {f"{key}{o}{c}": g[:, :, c, o] for o in range(shape[3]) for c in range(shape[2])}
        elif len(shape) == 4 and f"{key}00" in grads:
            pairs = {f"{key}{o}{c}": g[o, c] for o in range(shape[0]) for c in range(shape[1])}
        elif len(shape) == 4:  # [1, C, kh, kw] read by index only: one map per channel
            pairs = {f"{key}{c}": g[0, c] for c in range(shape[1])}
        elif len(shape) == 3:
            pairs = {f"{key}{c}": g[c] for c in range(shape[0])}
        elif len(shape) == 1 and f"{key}0" in grads:
            pairs = {f"{key}{o}": g[o] for o in range(shape[0])}
        else:
            pairs = {key: g}
        worst[key] = max(float(np.max(np.abs(np.asarray(grads[n], float).reshape(np.shape(v)) - v))) for n, v in pairs.items())
    return float(loss), float(t_loss.detach()), worst


@pytest.mark.parametrize("path", HELD, ids=[p.stem for p in HELD])
def test_held_out_multi_channel_specs_are_pytorchs_own_convolution(path: Path) -> None:
    ours, theirs, worst = channel_oracle(path.read_text(encoding="utf-8"), path.stem)
    assert abs(ours - theirs) <= 1e-10 * max(1.0, abs(theirs)), (ours, theirs)
    assert worst and all(w <= 1e-10 for w in worst.values()), worst
    report = numeric.verify(derive(spec.load(str(path))), points=2)
    assert report.ok, report


NET = """[network]
name = "shape48-{i}"
[inputs]
X = {xs}
Y = {ys}
[params]
K = {ks}
b = [{o}]
[forward]
{lines}
"""

# (input shape, kernel shape, output target shape, [forward] lines): the spellings courses write
SPELLINGS = [
    # nn.Conv2d(2, 1, 3) on one image, its one map taken out, ReLU, MSE
    ([1, 2, 5, 5], [1, 2, 3, 3], [3, 3], 'Z = "F.conv2d(X, K, b).squeeze()"\nA = "F.relu(Z)"\nloss = "F.mse_loss(A, Y)"'),
    # stride 2, padding 1 (every per-channel convolution takes them), two output channels
    ([1, 2, 5, 5], [2, 2, 3, 3], [1, 2, 3, 3], 'Z = "F.conv2d(X, K, b, stride=2, padding=1)"\nA = "torch.tanh(Z)"\nloss = "((A - Y) ** 2).mean()"'),
    # an unbatched [C, H, W] input (PyTorch accepts 3-D), torch.nn.functional spelled out
    ([3, 4, 4], [2, 3, 2, 2], [2, 3, 3], 'Z = "torch.nn.functional.conv2d(X, K, bias=b)"\nA = "torch.sigmoid(Z)"\nloss = "torch.sum((A - Y) ** 2)"'),
    # average pooling per channel after the layer, then one channel's map picked by index
    ([1, 2, 6, 6], [2, 2, 3, 3], [2, 2], 'Z = "F.conv2d(X, K, b)"\nA = "F.relu(Z)"\nP = "F.avg_pool2d(A, 2)"\nloss = "F.mse_loss(P[0, 1], Y) + 0.5 * P[0, 0].sum()"'),
    # TF NHWC with two output channels, sigmoid, MSE over the whole map
    ([1, 5, 5, 2], [2, 2, 2, 2], [1, 4, 4, 2], 'Z = "tf.nn.conv2d(X, K, strides=1, padding=\'VALID\')"\nA = "tf.sigmoid(Z)"\nloss = "tf.reduce_mean(tf.square(A - Y))"'),
    # the per-channel sum written out with indices (a NumPy loop unrolled)
    ([2, 5, 5], [1, 2, 3, 3], [3, 3], 'Z = "signal.correlate2d(X[0], K[0, 0], mode=\'valid\') + signal.correlate2d(X[1], K[0, 1], mode=\'valid\')"\nloss = "0.5 * np.sum((np.tanh(Z) - Y) ** 2)"'),
]


def _spelled(i: int, xs: list, ks: list, ys: list, lines: str) -> str:
    o = ks[3] if "tf.nn" in lines else ks[0]
    text = NET.format(i=i, xs=xs, ys=ys, ks=ks, o=o, lines=lines)
    if "b" not in lines.split("loss")[0].replace("abs", ""):  # no bias written: none declared
        text = text.replace(f"b = [{o}]\n", "")
    return text


@pytest.mark.parametrize("i, xs, ks, ys, lines", [(i, *s) for i, s in enumerate(SPELLINGS)], ids=[str(i) for i in range(len(SPELLINGS))])
def test_course_spellings_of_a_multi_channel_layer_are_pytorchs(i: int, xs: list, ks: list, ys: list, lines: str) -> None:
    text = _spelled(i, xs, ks, ys, lines)
    ours, theirs, worst = channel_oracle(text, f"spelling-{i}")
    assert abs(ours - theirs) <= 1e-10 * max(1.0, abs(theirs)), (ours, theirs)
    assert "K" in worst and all(w <= 1e-10 for w in worst.values()), worst
    report = numeric.verify(derive(spec.parse(text, f"spelling-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_oracle_sees_a_wrong_channel() -> None:
    """The oracle itself: reading channel 1's kernel as channel 0's must disagree."""
    text = (COURSE / "hn48s_torch_conv2d_two_channel_pool.toml").read_text(encoding="utf-8")
    wrong = text.replace("F.conv2d(X, K, b)[0, 0]", "F.conv2d(X, K.flip(1), b)[0, 0]")
    s = spec.parse(text, "right")
    d = derive(s)
    point = numeric.example_point(d.graph)
    _, loss = numeric.gradients_matrix(d, point)
    raw = tomllib.loads(wrong)
    ns = so.namespace(s, raw, point)
    ns.update({k: torch.tensor(v) for k, v in _stacked(raw, point, False).items()})
    t_loss, _ = so._execute_lines(raw, ns)
    assert abs(float(loss) - float(t_loss)) > 1e-3


REFUSALS = [
    ('Z = "F.conv2d(X, K, b, groups=2)"', "groups=2", "groups=2"),
    ('Z = "F.conv2d(X, K, b, dilation=2)"', "dilation=2", "dilation=2"),
    ('Z = "F.conv2d(X, K, b).flatten()"', ".flatten() of a multi-channel map", "不读取"),
    ('Z = "F.conv2d(X, K, b).sum(1)"', "a reduction along an axis", "不读取"),
    ('Z = "F.conv2d(X, K, b)[0, 5]"', "channel 5 of 2", "不读取"),
]


@pytest.mark.parametrize("line, en, zh", REFUSALS, ids=[r[1][:20] for r in REFUSALS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_not_read_is_refused_in_one_line(tmp_path: Path, line: str, en: str, zh: str, lang: str) -> None:
    text = NET.format(i=0, xs=[1, 2, 6, 6], ys=[4, 4], ks=[2, 2, 3, 3], o=2, lines=f'{line}\nloss = "(Z ** 2).sum()"')
    p = tmp_path / "r.toml"
    p.write_text(text)
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and (en if lang == "en" else zh) in lines[0], res.output


def test_several_images_are_refused_in_one_line(tmp_path: Path) -> None:
    text = NET.format(i=0, xs=[2, 2, 6, 6], ys=[4, 4], ks=[1, 2, 3, 3], o=1, lines='Z = "F.conv2d(X, K, b)[0, 0]"\nloss = "F.mse_loss(Z, Y)"')
    p = tmp_path / "r.toml"
    p.write_text(text)
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "several images" in res.output and "Traceback" not in res.output, res.output


# the checker on per-channel formulas: derive's names W<o><c>, X<c>, A<o>, Y<o>
CHECKS = [
    ("W12", "correlate2d(X2, (A1 - Y1) * 2 / 18 * (1 - A1 ** 2))", True),
    ("W01", "correlate2d(X1, (A0 - Y0) * 2 / 18 * (1 - A0 ** 2))", True),
    ("b1", "np.sum((A1 - Y1) * 2 / 18 * (1 - A1 ** 2))", True),
    ("W12", "correlate2d(X1, (A1 - Y1) * 2 / 18 * (1 - A1 ** 2))", False),  # the wrong input channel
    ("W12", "correlate2d(X2, (A0 - Y0) * 2 / 18 * (1 - A0 ** 2))", False),  # the wrong output channel
    ("W12", "correlate2d(X2, (A1 - Y1) * 2 / 9 * (1 - A1 ** 2))", False),  # the mean over one channel only
    ("W12", "correlate2d(X2, (A1 - Y1) * 2 / 18)", False),  # tanh's derivative left out
]


@pytest.mark.parametrize("wrt, formula, right", CHECKS)
def test_the_checker_reads_per_channel_formulas(wrt: str, formula: str, right: bool) -> None:
    r = check(str(COURSE / "hn48s_torch_conv2d_three_in_two_out_cn.toml"), wrt, formula)
    assert r.ok is right, r


def test_walkthrough_says_the_sum_over_channels_and_the_lab_runs(tmp_path: Path) -> None:
    path = COURSE / "hn48s_torch_conv2d_two_out_pool_sum.toml"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "-f", "py", "--lang", "en", "--lang", "zh", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    en = next(tmp_path.glob("*/en/walkthrough.md")).read_text(encoding="utf-8")
    zh = next(tmp_path.glob("*/zh/walkthrough.md")).read_text(encoding="utf-8")
    assert "K → K00 … K11" in en and "sum over c" in en
    assert "K → K00 … K11" in zh and "卷积之和" in zh
    # the forward line of each output map is the sum over the input channels
    assert "Z0 = correlate2d(X0, K00) + correlate2d(X1, K01) + b0" in en
    for lab in tmp_path.glob("*/*/backprop.py"):
        run = subprocess.run([sys.executable, str(lab)], capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert run.returncode == 0 and "agree" in run.stdout or "一致" in run.stdout, run.stdout + run.stderr
