"""shape49 (issue 9): multi-channel convolution beyond shape48 — the channel maps flattened into a
linear head (``torch.flatten(A, 1) @ W``, ``nn.Flatten()``, ``A.view(A.size(0), -1)``, ``F.linear``,
``@ W.T``, ``A.reshape(-1) @ v``) read as the sum over channels of each map's flattened row times its
block of the weight, and a 1×1 convolution written with einsum (``'oc,nchw->nohw'``) read as
``Σ_c W[o, c]·X_c`` (derive/lang/channels48.py). Judged against PyTorch running the course's OWN
multi-channel text (tests/spelled_oracle.py stacks derive's per-channel leaves back into the declared
4-D tensors by its own reading of the layouts) and derive verify (PyTorch on derive's graph and
finite differences). Then the refusals (one line, en + zh), the checker on per-channel formulas, the
walkthrough and the lab."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import spelled_oracle as so
from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

COURSE = Path(__file__).parent / "specs_course"
HELD = sorted(COURSE.glob("hn49s_*.toml"))


def _agrees(text: str, name: str, run: str | None = None) -> so.Outcome:
    out = so.oracle_text(text, name, run=run)
    assert out.status == "agree" and out.worst and max(out.worst.values()) <= 1e-10, (out.status, out.reason, out.worst)
    return out


@pytest.mark.parametrize("path", HELD, ids=[p.stem for p in HELD])
def test_held_out_specs_are_pytorchs_own_network(path: Path) -> None:
    _agrees(path.read_text(encoding="utf-8"), path.stem)
    report = numeric.verify(derive(spec.load(str(path))), points=2)
    assert report.ok and report.comparisons, report


NET = """[network]
name = "shape49-{i}"
[inputs]
X = {xs}
Y = [1, 2]
[params]
{params}
[forward]
{lines}
loss = "F.mse_loss(h, Y)"
"""

# (input shape, [params] lines, [forward] lines before the loss): the spellings courses write of a
# flatten into a linear head and of a 1×1 convolution
SPELLINGS = [
    # a flatten of an expression (each map named on a line of its own first), @ W
    ([1, 2, 5, 5], "K = [2, 2, 2, 2]\nb = [2]\nW = [32, 2]", 'Z = "F.conv2d(X, K, b)"\nh = "torch.flatten(F.relu(Z), 1) @ W"'),
    # nn.Linear's weight [out, in]: @ W.T, the batch axis by view(1, -1)
    ([1, 2, 5, 5], "K = [2, 2, 2, 2]\nW = [2, 32]\nc = [2]", 'Z = "F.conv2d(X, K)"\nh = "torch.tanh(Z).view(1, -1) @ W.T + c"'),
    # pooled maps, reshape by the batch axis's size, nn.Flatten(start_dim=1), F.linear without a bias
    ([1, 3, 6, 6], "K = [2, 3, 3, 3]\nb = [2]\nW = [2, 8]", 'Z = "F.conv2d(X, K, b)"\nP = "F.max_pool2d(torch.sigmoid(Z), 2)"\nf = "nn.Flatten(start_dim=1)(P)"\nh = "F.linear(f, W)"'),
    ([1, 2, 5, 5], "K = [2, 2, 2, 2]\nb = [2]\nW = [32, 2]", 'Z = "F.conv2d(X, K, b, padding=0)"\nA = "F.relu(Z)"\nh = "A.reshape(A.shape[0], -1) @ W"'),
    # unbatched [C, H, W]: A.flatten() is 1-D; a dot with a 1-D v, the loss against a number
    ([2, 4, 4], "K = [2, 2, 3, 3]\nv = [8]\nW = [1, 2]", 'Z = "F.conv2d(X, K)"\ns = "F.relu(Z).flatten() @ v"\nh = "s * W"'),
    # torch.flatten of a 4-D map (1-D), times a matrix: a 1-D result
    ([1, 2, 4, 4], "K = [2, 2, 3, 3]\nW = [8, 2]", 'Z = "F.conv2d(X, K)"\nh = "torch.flatten(torch.tanh(Z)) @ W"'),
    # einsum: the weight first or second, then a 3x3 convolution of the mixed maps, then flatten
    ([1, 3, 4, 4], "M = [2, 3]\nK = [2, 2, 3, 3]\nW = [8, 2]", 'U = "torch.einsum(\'nchw,oc->nohw\', X, M)"\nZ = "F.conv2d(F.relu(U), K)"\nh = "torch.flatten(Z, 1) @ W"'),
    ([3, 3, 3], "M = [2, 3]\nW = [18, 2]", 'U = "torch.einsum(\'oc,chw->ohw\', M, X)"\nh = "torch.tanh(U).reshape(1, -1) @ W"'),
    # LeNet's two convolution layers: 1 → 2 channels, ReLU, 2×2 max pool, 2 → 3 channels, flatten
    ([1, 1, 8, 8], "K1 = [2, 1, 3, 3]\nb1 = [2]\nK2 = [3, 2, 2, 2]\nb2 = [3]\nW = [12, 2]", 'Z1 = "F.conv2d(X, K1, b1)"\nP1 = "F.max_pool2d(F.relu(Z1), 2)"\nZ2 = "F.conv2d(P1, K2, b2)"\nh = "torch.flatten(torch.tanh(Z2), 1) @ W"'),
]


@pytest.mark.parametrize("i, xs, params, lines", [(i, *s) for i, s in enumerate(SPELLINGS)], ids=[str(i) for i in range(len(SPELLINGS))])
def test_course_spellings_are_pytorchs(i: int, xs: list, params: str, lines: str) -> None:
    text = NET.format(i=i, xs=xs, params=params, lines=lines)
    out = _agrees(text, f"spelling-{i}")
    assert "W" in out.worst, out.worst
    report = numeric.verify(derive(spec.parse(text, f"spelling-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_oracle_sees_a_flatten_in_the_wrong_order() -> None:
    """The oracle itself: running the course's text with the maps flattened column by column (or the
    channels swapped) against derive's reading of the right text must disagree."""
    path = COURSE / "hn49s_torch_conv_pool_flatten_linear.toml"
    text = path.read_text(encoding="utf-8")
    _agrees(text, "right")
    for wrong in ('h = "torch.flatten(P.transpose(2, 3), 1) @ W + c"', 'h = "torch.flatten(P.flip(1), 1) @ W + c"'):
        run = text.replace('h = "torch.flatten(P, 1) @ W + c"', wrong)
        assert run != text
        assert so.oracle_text(text, "wrong", run=run).status == "DISAGREE", wrong


REFUSALS = [
    ('h = "torch.flatten(Z, 1) @ W + 1"\ng = "torch.flatten(Z, 1) + 1"', "this use of the flattened channel maps", "展平后的多通道特征图"),
    ('h = "Z.reshape(2, -1) @ W"', "this flatten of a multi-channel map", "多通道特征图的这种展平"),
    # NumPy's Fortran order and a flatten that stops before the last axis: not PyTorch's row-major row
    ('h = "np.reshape(Z, (1, -1), order=\'F\') @ W"', "this flatten of a multi-channel map", "多通道特征图的这种展平"),
    ('h = "Z.flatten(end_dim=2) @ W"', "this flatten of a multi-channel map", "多通道特征图的这种展平"),
    ('h = "torch.flatten(Z, 1) @ V"', "does not split into 2 equal blocks", "不能分成 2 个等长的块"),
    ('h = "torch.einsum(\'nchw,ochw->no\', X, K)"', "an einsum over channels other than a 1×1 convolution", "不是 1×1 卷积的按通道 einsum"),
]


@pytest.mark.parametrize("line, en, zh", REFUSALS, ids=[r[1][:24] for r in REFUSALS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_not_read_is_refused_in_one_line(tmp_path: Path, line: str, en: str, zh: str, lang: str) -> None:
    text = NET.format(i=0, xs=[1, 2, 4, 4], params="K = [2, 2, 3, 3]\nW = [8, 2]\nV = [7, 2]", lines=f'Z = "F.conv2d(X, K)"\n{line}')
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and (en if lang == "en" else zh) in lines[0], res.output


def test_a_flatten_of_an_nhwc_map_and_of_chw_by_axis_1_are_refused(tmp_path: Path) -> None:
    """TF's reshape of NHWC interleaves the channels; flatten(1) of an unbatched [C, H, W] is a
    [C, H·W] matrix, not one row: neither is the sum over channels."""
    chw = NET.format(i=0, xs=[2, 4, 4], params="K = [2, 2, 3, 3]\nW = [8, 2]", lines='Z = "F.conv2d(X, K)"\nh = "nn.Flatten()(Z) @ W"')
    p = tmp_path / "c.toml"
    p.write_text(chw, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "this flatten of a multi-channel map" in res.output and "Traceback" not in res.output, res.output


# the checker on per-channel formulas of the flatten head (derive's names: P0, P1 the pooled maps,
# W the head's weight, its block of rows 0:4 for channel 0, 4:8 for channel 1)
CHECKS = [
    ("W", "np.vstack([P0.reshape(-1, 1), P1.reshape(-1, 1)]) @ (h - Y) * 2 / 3", True),
    ("c", "np.sum((h - Y) * 2 / 3, axis=0)", True),
    ("W", "np.vstack([P1.reshape(-1, 1), P0.reshape(-1, 1)]) @ (h - Y) * 2 / 3", False),  # the channels swapped
    ("W", "np.vstack([P0.T.reshape(-1, 1), P1.T.reshape(-1, 1)]) @ (h - Y) * 2 / 3", False),  # column by column
    ("W", "np.vstack([P0.reshape(-1, 1), P1.reshape(-1, 1)]) @ (h - Y) * 2", False),  # the mean's 1/3 left out
]


@pytest.mark.parametrize("wrt, formula, right", CHECKS)
def test_the_checker_reads_the_flatten_heads_formulas(wrt: str, formula: str, right: bool) -> None:
    r = check(str(COURSE / "hn49s_torch_conv_pool_flatten_linear.toml"), wrt, formula)
    assert r.ok is right, r


def test_walkthrough_and_lab_of_the_flatten_head(tmp_path: Path) -> None:
    path = COURSE / "hn49s_nn_conv2d_weight_bias_flatten_linear_cn.toml"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "-f", "py", "--lang", "en", "--lang", "zh", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    en = next(tmp_path.glob("*/en/walkthrough.md")).read_text(encoding="utf-8")
    zh = next(tmp_path.glob("*/zh/walkthrough.md")).read_text(encoding="utf-8")
    assert "weight → weight00 … weight12" in en and "weight → weight00 … weight12" in zh
    for lab in tmp_path.glob("*/*/backprop.py"):
        run = subprocess.run([sys.executable, str(lab)], capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert run.returncode == 0 and ("agree" in run.stdout or "一致" in run.stdout), run.stdout + run.stderr


def test_a_name_derive_would_give_a_channel_is_kept_apart() -> None:
    """A conv bias ``b`` of 3 channels beside a layer bias ``b1``: the channels are b_0, b_1, b_2
    (shape48 refused the spec), and b1 stays the spec's own."""
    d = derive(spec.load(str(COURSE / "hn49s_view_flatten_two_layers_dims.toml")))
    assert {"b_0", "b_1", "b_2", "b1"} <= set(d.graph.tensors)
    assert d.graph.tensors["b1"].symbols.shape == (1, 4)


# a small batch of NCHW images, read image by image (shape48 refused "a batch of several images"):
# X [N, C, H, W] → X<i><c>; each image's output map o = Σ_c K_oc ⋆ X_ic + b_o with the same kernels;
# element-wise, pooling, [i, o] / [i] indices, whole reductions; reshape(N, -1) / flatten(1) @ W
# stacks one row per image (torch.cat of the rows)
BATCH = """[network]
name = "shape49-batch-{i}"
[inputs]
X = [2, 2, 5, 5]
{inputs}
[params]
K = [2, 2, 3, 3]
b = [2]
{params}
[forward]
Z = "F.conv2d(X, K, b)"
{lines}
"""
BATCHES = [
    ("Y = [2, 2, 2, 2]", "", 'P = "F.max_pool2d(F.relu(Z), 2, 1)"\nloss = "F.mse_loss(torch.tanh(P), Y) + 0.1 * Z[1, 0].sum()"'),
    ("y = [2]", "W = [8, 3]", 'P = "F.avg_pool2d(torch.sigmoid(Z), 2, 1)"\nh = "torch.flatten(P, 1) @ W"\nloss = "F.cross_entropy(h, y)"'),
    ("Y = [2, 3]", "W = [3, 18]\nc = [3]", 'h = "F.linear(torch.tanh(Z).view(Z.size(0), -1), W, c)"\nloss = "((h - Y) ** 2).mean() + Z[0].sum()"'),
]


@pytest.mark.parametrize("i, inputs, params, lines", [(i, *s) for i, s in enumerate(BATCHES)], ids=[str(i) for i in range(len(BATCHES))])
def test_a_small_batch_is_read_image_by_image(i: int, inputs: str, params: str, lines: str) -> None:
    text = BATCH.format(i=i, inputs=inputs, params=params, lines=lines)
    out = _agrees(text, f"batch-{i}")
    assert {"K01", "b1"} <= set(out.worst), out.worst
    report = numeric.verify(derive(spec.parse(text, f"batch-{i}")), points=2)
    assert report.ok and report.comparisons, report


def test_the_cs231n_convnet_on_two_images_is_pytorchs() -> None:
    """tests/specs_course/hn29_cs231n_conv2d_4d_input (refused since round 29): N = 2 images of 3
    channels, padding 1, max pooling, pool.reshape(N, -1) @ Wfc, cross-entropy over the batch; and the
    oracle itself: the images swapped in the run text disagree."""
    path = COURSE / "hn29_cs231n_conv2d_4d_input.toml"
    text = path.read_text(encoding="utf-8")
    _agrees(text, path.stem)
    run = text.replace('conv = "F.relu(F.conv2d(x, w, b', 'conv = "F.relu(F.conv2d(x.flip(0), w, b')
    assert run != text and so.oracle_text(text, "swapped", run=run).status == "DISAGREE"
    report = numeric.verify(derive(spec.load(str(path))), points=2)
    assert report.ok, report


@pytest.mark.parametrize(
    "xs, line, words",
    [
        ([2, 2, 4, 4], 'h = "Z.reshape(1, -1) @ W"', "a flatten of several images"),
        ([2, 2, 4, 4], 'h = "torch.flatten(Z) @ W"', "a flatten of several images"),
        ([2, 2, 4, 4], 'h = "Z.reshape(3, -1) @ W"', "this flatten of a multi-channel map"),
        ([2, 2, 4, 4], 'h = "Z[2, 0] @ W[0:2, :]"', "an index that does not pick one channel"),
    ],
)
def test_what_a_batch_does_not_read_is_refused_in_one_line(tmp_path: Path, xs: list, line: str, words: str) -> None:
    text = NET.format(i=0, xs=xs, params="K = [2, 2, 3, 3]\nW = [8, 2]", lines=f'Z = "F.conv2d(X, K)"\n{line}')
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and words in lines[0], res.output


def test_a_batch_in_tensorflows_layout_is_read_image_by_image() -> None:
    """shape49 refused TF's NHWC batch ("a batch of several images"); shape50 reads it image by image
    (X<i><c>), judged by the oracle on the spec's own text."""
    text = """[network]
name = "shape49-tf-batch"
[inputs]
X = [2, 4, 4, 2]
[params]
K = [3, 3, 2, 1]
[forward]
Z = "tf.nn.conv2d(X, K, strides=1, padding='VALID')"
loss = "tf.reduce_sum(Z ** 2)"
"""
    out = _agrees(text, "tf-batch")
    assert {"K00", "K01"} <= set(out.worst), out.worst


# einops' rearrange that flattens the maps in PyTorch's order (shape49 goal 3): every axis after the
# batch grouped as written, or all of them; the oracle's einops shim lays grouped axes out row-major
REARRANGE = [
    ("X = [2, 2, 4, 4]\ny = [2]", "K = [3, 2, 3, 3]\nW = [12, 3]", 'f = "einops.rearrange(F.relu(Z), \'b c h w -> b (c h w)\')"\nloss = "F.cross_entropy(f @ W, y)"\n[values]\ny = [1, 2]'),
    ("X = [2, 4, 4]", "K = [3, 2, 3, 3]\nv = [12]", 'loss = "torch.tanh(einops.rearrange(Z, \'c h w -> (c h w)\') @ v) ** 2"'),
]
REARRANGE_NET = """[network]
name = "shape49-rearrange-{i}"
[inputs]
{inputs}
[params]
{params}
[forward]
Z = "F.conv2d(X, K)"
{lines}
"""


@pytest.mark.parametrize("i", range(len(REARRANGE)))
def test_einops_rearrange_flattening_the_maps_is_einops(i: int) -> None:
    inputs, params, lines = REARRANGE[i]
    text = REARRANGE_NET.format(i=i, inputs=inputs, params=params, lines=lines)
    _agrees(text, f"rearrange-{i}")
    report = numeric.verify(derive(spec.parse(text, f"rearrange-{i}")), points=2)
    assert report.ok and report.comparisons, report
    if i == 0:  # the oracle itself: channels last in the run text disagrees
        run = text.replace("b (c h w)", "b (h w c)")
        assert so.oracle_text(text, "channels-last", run=run).status == "DISAGREE"


def test_a_rearrange_in_another_order_is_refused(tmp_path: Path) -> None:
    inputs, params, lines = REARRANGE[0]
    text = REARRANGE_NET.format(i=0, inputs=inputs, params=params, lines=lines.replace("b (c h w)", "b (h w c)"))
    p = tmp_path / "r.toml"
    p.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "this flatten of a multi-channel map" in res.output and "Traceback" not in res.output, res.output


BATCH_CHECK = """[network]
name = "shape49-batch-check"
[inputs]
X = [2, 2, 4, 4]
[params]
K = [1, 2, 2, 2]
[forward]
Z = "F.conv2d(X, K)"
loss = "0.5 * (torch.tanh(Z) ** 2).sum()"
"""
_D0, _D1 = "np.tanh(Z00) * (1 - np.tanh(Z00) ** 2)", "np.tanh(Z10) * (1 - np.tanh(Z10) ** 2)"


@pytest.mark.parametrize(
    "formula, right",
    [
        (f"correlate2d(X01, {_D0}) + correlate2d(X11, {_D1})", True),  # the sum over the two images
        (f"correlate2d(X01, {_D0})", False),  # image 0 only
        (f"correlate2d(X00, {_D0}) + correlate2d(X10, {_D1})", False),  # the wrong input channel
        ("correlate2d(X01, np.tanh(Z00)) + correlate2d(X11, np.tanh(Z10))", False),  # tanh's derivative left out
    ],
)
def test_the_checker_reads_a_batchs_per_channel_kernel_gradient(tmp_path: Path, formula: str, right: bool) -> None:
    p = tmp_path / "b.toml"
    p.write_text(BATCH_CHECK, encoding="utf-8")
    assert check(str(p), "K01", formula).ok is right
