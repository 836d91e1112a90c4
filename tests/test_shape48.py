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
from pathlib import Path

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


def channel_oracle(text: str, name: str, run: str | None = None) -> so.Outcome:
    """tests/spelled_oracle.py on a multi-channel spec: the course's own text run in PyTorch float64
    (its 4-D tensors stacked from derive's per-channel maps by the oracle's own reading of the
    layouts, so autograd's gradients land on derive's names) against derive's loss and gradients."""
    return so.oracle_text(text, name, run=run)


@pytest.mark.parametrize("path", HELD, ids=[p.stem for p in HELD])
def test_held_out_multi_channel_specs_are_pytorchs_own_convolution(path: Path) -> None:
    out = channel_oracle(path.read_text(encoding="utf-8"), path.stem)
    assert out.status == "agree" and out.worst and max(out.worst.values()) <= 1e-10, (out.status, out.reason, out.worst)
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
    # stride and padding given by position, as F.conv2d's signature orders them (first version:
    # read after the bias in each per-channel call — the oracle disagreed; fixed)
    ([1, 2, 5, 5], [2, 2, 3, 3], [1, 2, 3, 3], 'Z = "F.conv2d(X, K, b, 2, 1)"\nA = "torch.tanh(Z)"\nloss = "F.mse_loss(A, Y)"'),
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
    out = channel_oracle(text, f"spelling-{i}")
    assert out.status == "agree" and any(k.startswith("K") for k in out.worst), (out.status, out.reason, out.worst)
    assert max(out.worst.values()) <= 1e-10, out.worst
    report = numeric.verify(derive(spec.parse(text, f"spelling-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_oracle_sees_a_wrong_channel() -> None:
    """The oracle itself: running the course's text with the kernel's input channels swapped
    against derive's reading of the right text must disagree."""
    text = (COURSE / "hn48s_torch_conv2d_two_channel_pool.toml").read_text(encoding="utf-8")
    wrong = text.replace("F.conv2d(X, K, b)[0, 0]", "F.conv2d(X, K.flip(1), b)[0, 0]")
    assert channel_oracle(text, "right").status == "agree"
    assert channel_oracle(text, "wrong", run=wrong).status == "DISAGREE"


REFUSALS = [
    ('Z = "F.conv2d(X, K, b, groups=2)"', "groups=2", "groups=2"),
    ('Z = "F.conv2d(X, K, b, dilation=2)"', "dilation=2", "dilation=2"),
    ('Z = "F.conv2d(X, K, b).flatten()"', "this use of the flattened channel maps", "不读取"),
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


def test_several_images_are_read_image_by_image() -> None:
    """Refused in shape48 ("a batch of several images"); shape49 reads a small NCHW batch image by
    image: [0, 0] is image 0's map of output channel 0, as PyTorch's."""
    text = NET.format(i=0, xs=[2, 2, 6, 6], ys=[4, 4], ks=[1, 2, 3, 3], o=1, lines='Z = "F.conv2d(X, K, b)[0, 0]"\nloss = "F.mse_loss(Z, Y)"')
    out = channel_oracle(text, "several-images")
    assert out.status == "agree" and "K01" in out.worst, (out.status, out.reason)


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


ONE_D_NET = """[network]
name = "shape48-three-d"
[dims]
N = 4
d = 3
[inputs]
X = ["N", "d"]
[params]
v = ["d", 1]
[forward]
z = "{chain}"
loss = "z.sum()"
"""


@pytest.mark.parametrize("chain", ["(X @ v).squeeze(1)[:, None, None]", "(X @ v).squeeze(1)[None, None]", "np.squeeze(X @ v)[:, np.newaxis, np.newaxis]"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_new_axes_of_a_1d_result_quote_the_users_text(tmp_path: Path, chain: str, lang: str) -> None:
    """PyTorch and NumPy make a 3-D tensor here; the refusal quotes what the user wrote, not
    derive's rewritten ``(X @ v).T[…]``."""
    X, v = torch.ones(4, 3), torch.ones(3, 1)
    assert (X @ v).squeeze(1)[:, None, None].dim() == 3
    p = tmp_path / "n.toml"
    p.write_text(ONE_D_NET.format(chain=chain))
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and f": {chain} " in lines[0].replace("：", ": ") and ".T[" not in lines[0], res.output
    assert ("adds two axes" if lang == "en" else "加了两个维度") in lines[0]


POOLED = """[network]
name = "shape48-pooled-{i}"
[inputs]
X = [7, 7]
Y = [2, 2]
B = [6, 6]
[params]
K = [2, 2]
b = []
[forward]
Z = "F.conv2d(X[None, None], K[None, None])[0, 0] + b"
P = "{line}"
loss = "F.mse_loss(P, Y) + 0.01 * (B * 0).sum()"
"""

# a pooled map written as an expression whose windows do not tile it (6 × 6, 3 × 3 windows 2
# apart: PyTorch's floor): its size is read from the names it is made of (base: all refused)
POOLED_LINES = [
    "F.max_pool2d(torch.tanh(Z)[None, None], 3, 2)[0, 0]",
    "F.avg_pool2d((2 * Z - 1)[None, None], 3, stride=2)[0, 0]",
    "F.max_pool2d(F.relu(Z + B)[None, None], 3, 2)[0, 0]",
    "F.max_pool2d(F.leaky_relu(Z, 0.1)[None, None], 3, 2)[0, 0]",
    "nn.MaxPool2d(3, 2)(Z.relu()[None, None])[0, 0]",
]


@pytest.mark.parametrize("i, line", list(enumerate(POOLED_LINES)), ids=[str(i) for i in range(len(POOLED_LINES))])
def test_a_pooled_expression_of_known_size_is_floored_as_pytorch(i: int, line: str) -> None:
    text = POOLED.format(i=i, line=line)
    out = so.oracle_text(text, f"pooled-{i}")
    assert out.status == "agree", (out.status, out.reason)
    d = derive(spec.parse(text, f"pooled-{i}"))
    assert d.graph.tensors["P"].symbols.shape == (2, 2)
    report = numeric.verify(d, points=2)
    assert report.ok and {"K", "b"} <= {c.param for c in report.comparisons}, report


# broadcasting against a map of several channels keeps PyTorch's/TF's meaning or is refused: TF's
# NHWC aligns a tensor with [W, C] (a bias [O] adds b[o] to channel o there), a 1-D [O] against
# NCHW aligns with W — derive's per-channel maps would add it along each map's columns (on the
# first version: verify ✓, the oracle disagreed — a wrong ✓ found and fixed)
BROADCAST = [
    # shape50: TF's conv + b of a bias [O] is now read (b[o] on channel o, tests/test_shape50.py); a bias
    # [O] added after the activation is still refused
    ([1, 3, 3, 2], [1, 2, 2, 2], [2, 2, 2, 2], [2], "tf.tanh(tf.nn.conv2d(X, K, strides=1, padding='VALID')) + b", "in NHWC"),
    ([1, 2, 3, 3], [1, 2, 2, 2], [2, 2, 2, 2], [2], "F.conv2d(X, K) + b", "the 1-D tensor b"),
    ([1, 3, 3, 2], [2, 2, 2], [2, 2, 2, 2], [], "tf.nn.conv2d(X, K, strides=1, padding='VALID') + b", "a 3-D tensor beside TensorFlow"),
]


@pytest.mark.parametrize("xs, ys, ks, bs, line, words", BROADCAST, ids=[b[-1] for b in BROADCAST])
def test_broadcasting_that_would_change_meaning_is_refused(tmp_path: Path, xs, ys, ks, bs, line, words) -> None:
    text = f"""[network]
name = "shape48-broadcast"
[inputs]
X = {xs}
Y = {ys}
[params]
K = {ks}
b = {bs}
[forward]
Z = "{line}"
loss = "((Z - Y) ** 2).sum()"
"""
    p = tmp_path / "b.toml"
    p.write_text(text)
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and words in lines[0], res.output


def test_a_scalar_bias_after_a_tf_multi_channel_layer_is_pytorchs() -> None:
    text = """[network]
name = "shape48-tf-scalar-bias"
[inputs]
X = [1, 3, 3, 2]
Y = [1, 2, 2, 2]
[params]
K = [2, 2, 2, 2]
b = []
[forward]
Z = "tf.nn.conv2d(X, K, strides=1, padding='VALID') + b"
loss = "tf.reduce_sum((Z - Y) ** 2)"
"""
    out = channel_oracle(text, "tf-scalar-bias")
    assert out.status == "agree", (out.status, out.reason)
