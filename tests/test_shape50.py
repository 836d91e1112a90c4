"""shape50 (issue 9): TensorFlow/Keras channel-last convolution beyond shape48/49 — a bias ``[O]`` added
to an NHWC convolution (``conv + b``, ``tf.nn.bias_add``: b[o] on channel o), the NHWC maps flattened
into a Dense head (``tf.reshape(A, [1, -1])``, ``keras.layers.Flatten()(A)``, ``tf.matmul(f, W)``) read
as the maps put as the columns of an [H·W, C] matrix read row by row (TF's order interleaves the
channels entry by entry, unlike PyTorch's channel after channel), and a small TF batch ``[N, H, W, C]`` read image by image
(derive/lang/channels48.py). Judged against PyTorch running the course's OWN channel-last text
(tests/spelled_oracle.py), against PyTorch written here with the NHWC ↔ NCHW permutation explicit,
and by derive verify (PyTorch on derive's graph and finite differences). Then the refusals (one line,
en + zh), the checker on the interleaved formula, the walkthrough and the lab."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from click.testing import CliRunner

import spelled_oracle as so
from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

COURSE = Path(__file__).parent / "specs_course"
HELD = sorted(COURSE.glob("hn50s_*.toml"))
TF_HEAD = COURSE / "hn50s_tf_nhwc_conv_bias_reshape_dense.toml"
KERAS = COURSE / "hn50s_keras_conv_pool_flatten_dense_cn.toml"


def _agrees(text: str, name: str, run: str | None = None) -> so.Outcome:
    out = so.oracle_text(text, name, run=run)
    assert out.status == "agree" and out.worst and max(out.worst.values()) <= 1e-10, (out.status, out.reason, out.worst)
    return out


@pytest.mark.parametrize("path", HELD, ids=[p.stem for p in HELD])
def test_held_out_specs_are_tensorflows_own_network(path: Path) -> None:
    out = _agrees(path.read_text(encoding="utf-8"), path.stem)
    assert {"K01", "b1", "W"} <= set(out.worst), out.worst
    report = numeric.verify(derive(spec.load(str(path))), points=2)
    assert report.ok and report.comparisons, report


@pytest.mark.parametrize("nchw_order", [False, True], ids=["nhwc", "nchw-order"])
def test_the_tf_head_against_pytorch_with_the_permutation_explicit(nchw_order: bool) -> None:
    """The held-out TF head written here in plain PyTorch: NHWC → NCHW for F.conv2d, the kernel
    [kh, kw, C, O] → [O, C, kh, kw], the bias per channel, and the flatten back in NHWC order
    (``permute(0, 2, 3, 1)``). derive's loss and gradients match it; the same network flattened in
    PyTorch's NCHW order gives another loss (a wrong order is never a ✓)."""
    d = derive(spec.load(str(TF_HEAD)))
    point = numeric.example_point(d.graph)
    grads, loss = numeric.gradients_matrix(d, point)

    def t(name: str, grad: bool = False) -> torch.Tensor:
        return torch.tensor(np.array(point[name], dtype=float).reshape(np.shape(point[name])), dtype=torch.float64, requires_grad=grad)

    x = torch.stack([t("X0"), t("X1")], -1)[None]  # [1, 5, 5, 2]
    ks = {f"K{o}{c}": t(f"K{o}{c}", True) for o in range(2) for c in range(2)}
    k = torch.stack([torch.stack([ks[f"K{o}{c}"] for o in range(2)], -1) for c in range(2)], -2)  # [2, 2, C, O]
    bs = [t("b0", True), t("b1", True)]
    w, c, y = t("W", True), t("c", True), t("Y")
    z = F.conv2d(x.permute(0, 3, 1, 2), k.permute(3, 2, 0, 1)) + torch.stack([v.reshape(()) for v in bs])[None, :, None, None]
    a = torch.relu(z)
    flat = a.reshape(1, -1) if nchw_order else a.permute(0, 2, 3, 1).reshape(1, -1)
    h = flat @ w + c.reshape(1, -1)
    theirs = ((h - y) ** 2).mean()
    if nchw_order:
        assert abs(theirs.item() - float(loss)) > 1e-6, (theirs.item(), float(loss))
        return
    theirs.backward()
    assert abs(theirs.detach().item() - float(loss)) <= 1e-12
    for name, leaf in [*ks.items(), ("b0", bs[0]), ("b1", bs[1]), ("W", w), ("c", c)]:
        assert leaf.grad is not None
        ours = np.asarray(grads[name], dtype=float).reshape(leaf.grad.shape)
        assert np.max(np.abs(ours - leaf.grad.numpy())) <= 1e-12, name


NET = """[network]
name = "shape50-{i}"
[inputs]
X = {xs}
Y = {ys}
[params]
{params}
[forward]
{lines}
loss = "tf.reduce_mean(tf.square(h - Y))"
"""

# (input shape, target shape, [params] lines, [forward] lines before the loss): TF/Keras spellings of a
# channel-last conv layer and its flatten into a Dense head
SPELLINGS = [
    # b + conv (the bias first), Keras' Flatten of the conv map itself, tf.matmul
    ([1, 4, 4, 2], [1, 2], "K = [2, 2, 2, 3]\nb = [3]\nW = [27, 2]", 'Z = "b + tf.nn.conv2d(X, K, strides=1, padding=\'VALID\')"\nh = "tf.matmul(keras.layers.Flatten()(tf.tanh(Z)), W)"'),
    # tf.nn.bias_add, a flatten to 1-D (tf.reshape(A, [-1])) dotted with a 1-D weight
    ([1, 4, 4, 2], [], "K = [3, 3, 2, 2]\nb = [2]\nv = [8]", 'Z = "tf.nn.bias_add(tf.nn.conv2d(X, K, strides=1, padding=\'VALID\'), b)"\nh = "tf.reshape(tf.sigmoid(Z), [-1]) @ v"'),
    # one input channel, three outputs, tf.reshape by a tuple, Dense with a bias
    ([1, 5, 5, 1], [1, 2], "K = [3, 3, 1, 3]\nb = [3]\nW = [27, 2]\nc = [2]", 'Z = "tf.nn.conv2d(X, K, strides=1, padding=\'VALID\') + b"\nf = "tf.reshape(tf.nn.relu(Z), (1, -1))"\nh = "f @ W + c"'),
    # the layer named on a line first, then tf.nn.bias_add(Z, b) of that line
    ([1, 4, 4, 2], [1, 2], "K = [2, 2, 2, 2]\nb = [2]\nW = [18, 2]", 'Z = "tf.nn.conv2d(X, K, strides=1, padding=\'VALID\')"\nh = "tf.reshape(tf.nn.elu(tf.nn.bias_add(Z, b)), [1, -1]) @ W"'),
    # average pooling before the flatten, Flatten(data_format='channels_last') said explicitly
    ([1, 6, 6, 2], [1, 1], "K = [3, 3, 2, 2]\nb = [2]\nW = [8, 1]", 'Z = "tf.nn.conv2d(X, K, strides=1, padding=\'VALID\') + b"\nP = "tf.nn.avg_pool2d(tf.tanh(Z), ksize=2, strides=2, padding=\'VALID\')"\nh = "tf.keras.layers.Flatten(data_format=\'channels_last\')(P) @ W"'),
]


@pytest.mark.parametrize("i, xs, ys, params, lines", [(i, *s) for i, s in enumerate(SPELLINGS)], ids=[str(i) for i in range(len(SPELLINGS))])
def test_tf_spellings_are_tensorflows(i: int, xs: list, ys: list, params: str, lines: str) -> None:
    text = NET.format(i=i, xs=xs, ys=ys, params=params, lines=lines)
    out = _agrees(text, f"spelling-{i}")
    assert "b0" in out.worst, out.worst
    report = numeric.verify(derive(spec.parse(text, f"spelling-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_oracle_sees_a_tf_flatten_in_pytorchs_order() -> None:
    """The oracle itself: running the TF text with the maps flattened channel after channel
    (PyTorch's order, ``permute`` to NCHW first) or the channels swapped, against derive's reading of
    the right text, must disagree. (derive's first version lost the NHWC order of a flatten named on a
    line of its own — ``f = tf.reshape(P, [1, -1])`` then ``f @ W`` — and verify said ✓: this is
    the test that saw it.)"""
    text = KERAS.read_text(encoding="utf-8")
    _agrees(text, "right")
    line = 'f = "tf.keras.layers.Flatten()(P)"'
    for wrong in ('f = "torch.flatten(P.permute(0, 3, 1, 2), 1)"', 'f = "tf.keras.layers.Flatten()(P.flip(3))"'):
        run = text.replace(line, wrong)
        assert run != text
        assert so.oracle_text(text, "wrong", run=run).status == "DISAGREE", wrong


BATCH = """[network]
name = "shape50-batch-{i}"
[inputs]
X = [2, 5, 5, 2]
{inputs}
[params]
K = [2, 2, 2, 2]
b = [2]
{params}
[forward]
Z = "tf.nn.conv2d(X, K, strides=1, padding='VALID') + b"
{lines}
"""
BATCHES = [
    # reshape by the batch's size into a Dense head, sparse softmax cross-entropy over the two images
    ("y = [2]", "W = [32, 3]\nc = [3]", 'f = "tf.reshape(tf.nn.relu(Z), [2, -1])"\nh = "tf.matmul(f, W) + c"\nloss = "tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=h))"\n[values]\ny = [0, 2]'),
    # max pooling, Keras' Flatten keeps the batch axis
    ("y = [2]", "W = [8, 3]\nc = [3]", 'P = "tf.nn.max_pool2d(tf.tanh(Z), 2, 2, \'VALID\')"\nh = "tf.keras.layers.Flatten()(P) @ W + c"\nloss = "tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=h))"\n[values]\ny = [1, 0]'),
    # image 1's channel 0 by [1, :, :, 0] beside a mean over the whole batch
    ("Y = [4, 4]", "", 'A = "tf.nn.relu(Z)"\nloss = "tf.reduce_mean(A) + tf.reduce_sum(A[1, :, :, 0] * Y)"'),
]


@pytest.mark.parametrize("i, inputs, params, lines", [(i, *s) for i, s in enumerate(BATCHES)], ids=[str(i) for i in range(len(BATCHES))])
def test_a_small_tf_batch_is_read_image_by_image(i: int, inputs: str, params: str, lines: str) -> None:
    text = BATCH.format(i=i, inputs=inputs, params=params, lines=lines)
    out = _agrees(text, f"batch-{i}")
    assert {"K01", "b1"} <= set(out.worst), out.worst
    report = numeric.verify(derive(spec.parse(text, f"batch-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_oracle_sees_a_tf_batchs_images_swapped() -> None:
    text = BATCH.format(i=0, inputs="Y = [4, 4]", params="", lines='A = "tf.nn.relu(Z)"\nloss = "tf.reduce_mean(A) + tf.reduce_sum(A[1, :, :, 0] * Y)"')
    _agrees(text, "right")
    run = text.replace("A[1, :, :, 0]", "A[0, :, :, 0]")
    assert so.oracle_text(text, "wrong", run=run).status == "DISAGREE"


REFUSALS = [
    # a bias [O] added after the activation: NHWC aligns it with the channels, but derive reads a
    # bias per channel only as the layer's own (conv + b, tf.nn.bias_add(conv, b))
    ("[1, 4, 4, 2]", "b = [2]\nW = [18, 1]", 'A = "tf.nn.relu(Z) + b"\nh = "tf.reshape(A, [1, -1]) @ W"', "in NHWC", "NHWC"),
    # a bias of 3 entries on 2 output channels
    ("[1, 4, 4, 2]", "b = [3]\nW = [18, 1]", 'h = "tf.reshape(tf.nn.bias_add(Z, b), [1, -1]) @ W"', "in NHWC", "NHWC"),
    ("[1, 4, 4, 2]", "b = [3]\nW = [18, 1]", 'h = "tf.reshape(Z + b, [1, -1]) @ W"', "in NHWC", "NHWC"),
    # Keras' Flatten of channels-first data: not the tensor's own order
    ("[1, 4, 4, 2]", "W = [18, 1]", 'h = "layers.Flatten(data_format=\'channels_first\')(Z) @ W"', "this flatten of a multi-channel map", "多通道特征图的这种展平"),
    ("[1, 4, 4, 2]", "W = [17, 1]", 'h = "tf.reshape(Z, [1, -1]) @ W"', "does not split into 2 equal blocks", "不能分成 2 个等长的块"),
    # a TF batch: [i, o] is row o of image i there, not a channel; all images in one row
    ("[2, 4, 4, 2]", "W = [18, 1]", 'h = "tf.reduce_sum(Z[1, 0]) * W[0:1, :]"', "an index that does not pick one channel's map", "不是取出单个通道的下标"),
    ("[2, 4, 4, 2]", "W = [36, 1]", 'h = "tf.reshape(Z, [1, -1]) @ W"', "a flatten of several images' maps", "多张图像特征图的展平"),
]


@pytest.mark.parametrize("xs, params, lines, en, zh", REFUSALS, ids=[f"{i}-{r[3][:16]}" for i, r in enumerate(REFUSALS)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_not_read_is_refused_in_one_line(tmp_path: Path, xs: str, params: str, lines: str, en: str, zh: str, lang: str) -> None:
    conv = "Z = \"tf.nn.conv2d(X, K, strides=1, padding='VALID')\""
    text = NET.format(i="r", xs=xs, ys=[1, 1], params=f"K = [2, 2, 2, 2]\n{params}", lines=f"{conv}\n{lines}")
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    out = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(out) == 1 and (en if lang == "en" else zh) in out[0], res.output


# the checker on the Keras spec's Dense kernel: P0, P1 the pooled 2 × 2 maps; NHWC's flatten is
# P0[0, 0], P1[0, 0], P0[0, 1], P1[0, 1], … (entry by entry, the channels interleaved)
NHWC_ROWS = "np.vstack([P0[0:1, 0:1], P1[0:1, 0:1], P0[0:1, 1:2], P1[0:1, 1:2], P0[1:2, 0:1], P1[1:2, 0:1], P0[1:2, 1:2], P1[1:2, 1:2]])"
CHECKS = [
    ("W", f"{NHWC_ROWS} @ (sigmoid(h) - Y)", True),
    # the maps as columns, read row by row: NHWC's order in one reshape
    ("W", "np.hstack([P0.reshape(-1, 1), P1.reshape(-1, 1)]).reshape(-1, 1) @ (sigmoid(h) - Y)", True),
    ("c", "np.sum(sigmoid(h) - Y, axis=0)", True),
    ("W", "np.vstack([P0.reshape(-1, 1), P1.reshape(-1, 1)]) @ (sigmoid(h) - Y)", False),  # PyTorch's NCHW order
    ("W", f"{NHWC_ROWS.replace('P0', 'Q').replace('P1', 'P0').replace('Q', 'P1')} @ (sigmoid(h) - Y)", False),  # channels swapped
    ("W", f"{NHWC_ROWS} @ (h - Y)", False),  # the sigmoid left out
]


@pytest.mark.parametrize("wrt, formula, right", CHECKS)
def test_the_checker_reads_the_nhwc_heads_formulas(wrt: str, formula: str, right: bool) -> None:
    assert check(str(KERAS), wrt, formula).ok is right


def test_walkthrough_and_lab_of_the_keras_head(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["build", str(KERAS), "-f", "md", "-f", "py", "--lang", "en", "--lang", "zh", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    en = next(tmp_path.glob("*/en/walkthrough.md")).read_text(encoding="utf-8")
    zh = next(tmp_path.glob("*/zh/walkthrough.md")).read_text(encoding="utf-8")
    assert "An NHWC flatten interleaves the maps" in en and "通道在后（NHWC）的展平" in zh
    # the maps as the columns of one matrix (channels interleaved when it is read row by row)
    for text in (en, zh):
        assert "hc0 = np.concatenate((P0.reshape(-1, 1), P1.reshape(-1, 1)), axis=1)" in text, text[:3000]
    assert next(tmp_path.glob("*/zh/backprop.py")).read_text(encoding="utf-8") != ""
    lab = next(tmp_path.glob("*/en/backprop.py"))  # one lab run (the two differ in their comments only)
    run = subprocess.run([sys.executable, str(lab)], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert run.returncode == 0 and "agree" in run.stdout, run.stdout + run.stderr


GAP = """[network]
name = "shape50-gap-{i}"
[inputs]
X = {xs}
Y = {ys}
[params]
{params}
[forward]
{lines}
"""
# global average (sum) pooling as courses write it: each channel's mean, the row [1, C] (per image),
# read as the left factor of a linear layer as a flatten is: Σ_c mean(A_c) · W[c]
GAPS = [
    ("[1, 2, 5, 5]", "[1, 2]", "K = [3, 2, 2, 2]\nb = [3]\nW = [3, 2]\nc = [2]", 'Z = "F.conv2d(X, K, b)"\nh = "F.relu(Z).mean(dim=(2, 3)) @ W + c"\nloss = "F.mse_loss(h, Y)"'),
    ("[1, 5, 5, 2]", "[1, 2]", "K = [2, 2, 2, 3]\nb = [3]\nW = [3, 2]\nc = [2]", 'Z = "tf.nn.conv2d(X, K, strides=1, padding=\'VALID\') + b"\ng = "tf.reduce_mean(tf.nn.relu(Z), axis=[1, 2])"\nh = "tf.matmul(g, W) + c"\nloss = "tf.reduce_mean(tf.square(h - Y))"'),
    ("[1, 2, 5, 5]", "[1, 2]", "K = [3, 2, 2, 2]\nW = [3, 2]", 'Z = "F.conv2d(X, K)"\nP = "nn.AdaptiveAvgPool2d(1)(torch.tanh(Z))"\nh = "torch.flatten(P, 1) @ W"\nloss = "F.mse_loss(h, Y)"'),
    ("[1, 2, 5, 5]", "[1, 2]", "K = [3, 2, 2, 2]\nW = [2, 3]\nc = [2]", 'Z = "F.conv2d(X, K)"\nh = "F.linear(F.adaptive_avg_pool2d(torch.sigmoid(Z), 1).flatten(1), W, c)"\nloss = "F.mse_loss(h, Y)"'),
    # a batch of two images: one row of channel means per image, cross-entropy over the batch
    ("[2, 2, 5, 5]", "[2]", "K = [3, 2, 2, 2]\nb = [3]\nW = [3, 4]", 'Z = "F.conv2d(X, K, b)"\nh = "torch.mean(F.relu(Z), dim=(-2, -1)) @ W"\nloss = "F.cross_entropy(h, Y)"\n[values]\nY = [3, 1]'),
    # unbatched [C, H, W]: a global sum pooling to 1-D; .squeeze() of the adaptive pooling to 1-D
    ("[2, 5, 5]", "[]", "K = [3, 2, 2, 2]\nv = [3]", 'Z = "F.conv2d(X, K)"\nh = "torch.tanh(Z).sum(dim=(1, 2)) @ v"\nloss = "(h - Y) ** 2"'),
    ("[1, 2, 5, 5]", "[1, 2]", "K = [3, 2, 2, 2]\nW = [3, 2]", 'Z = "F.conv2d(X, K)"\nh = "nn.AdaptiveAvgPool2d((1, 1))(Z).squeeze() @ W"\nloss = "F.mse_loss(h, Y)"'),
]


@pytest.mark.parametrize("i, xs, ys, params, lines", [(i, *g) for i, g in enumerate(GAPS)], ids=[str(i) for i in range(len(GAPS))])
def test_global_average_pooling_is_pytorchs(i: int, xs: str, ys: str, params: str, lines: str) -> None:
    text = GAP.format(i=i, xs=xs, ys=ys, params=params, lines=lines)
    out = _agrees(text, f"gap-{i}")
    assert {"K01", "K20"} <= set(out.worst), out.worst
    report = numeric.verify(derive(spec.parse(text, f"gap-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_oracle_sees_global_pooling_over_the_wrong_axes() -> None:
    text = GAP.format(i=0, xs="[1, 2, 5, 5]", ys="[1, 2]", params="K = [3, 2, 2, 2]\nb = [3]\nW = [3, 2]\nc = [2]", lines=GAPS[0][3])
    _agrees(text, "right")
    for wrong in ("F.relu(Z).sum(dim=(2, 3)) @ W + c", "F.relu(Z).flip(1).mean(dim=(2, 3)) @ W + c"):
        run = text.replace("F.relu(Z).mean(dim=(2, 3)) @ W + c", wrong)
        assert so.oracle_text(text, "wrong", run=run).status == "DISAGREE", wrong


GAP_REFUSALS = [
    ('h = "Z.mean(dim=(1, 2)) @ W"', "a reduction along an axis"),  # channel and row: not a global pooling
    ('h = "Z.mean(dim=(2, 3), keepdim=True) @ W"', "a reduction along an axis"),  # [1, C, 1, 1]
    ('h = "nn.AdaptiveAvgPool2d(2)(Z).flatten(1) @ W"', "AdaptiveAvgPool2d"),  # 2 × 2 per channel
    ('h = "nn.AdaptiveAvgPool2d(1)(Z) + 1"', "this use of the flattened channel maps"),  # a [1, C, 1, 1] map
]


@pytest.mark.parametrize("line, words", GAP_REFUSALS, ids=[str(i) for i in range(len(GAP_REFUSALS))])
def test_global_pooling_not_read_is_refused_in_one_line(tmp_path: Path, line: str, words: str) -> None:
    text = GAP.format(i="r", xs="[1, 2, 5, 5]", ys="[1, 2]", params="K = [3, 2, 2, 2]\nW = [3, 2]", lines=f'Z = "F.conv2d(X, K)"\n{line}\nloss = "F.mse_loss(h, Y)"')
    p = tmp_path / "g.toml"
    p.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    out = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(out) == 1 and words in out[0], res.output
