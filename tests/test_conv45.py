"""conv45 (issues 9 and 11, the convolution row, fourth pass): the checker's dead-window point —
a formula for ∂L/∂K that leaves the activation's mask out before a max pooling (or takes a wrong
mask) agrees with the gradient wherever each pooling window's largest entry is above the kink,
which random points almost always give; the dead-window point puts one whole window of the kink
input below the kink (solved exactly) and tells them apart. Held-out formulas of that kind over
ReLU, leaky ReLU, clamp and abs, max and average pooling, overlapping and not; right ones stay
right."""

from __future__ import annotations

from pathlib import Path

import mpmath
import pytest

from derive.checker.check import check
from derive.checker.checknet import net_for

COURSE = Path(__file__).parent / "specs_course"
ALEX = COURSE / "cv44_alexnet_overlapping_maxpool.toml"

NET = """[network]
name = "conv45-{name}"
[inputs]
X = [{n}, {n}]
Y = [{o}, {o}]
[params]
K = [2, 2]
b = []
[forward]
Z = "F.conv2d(X[None, None], K[None, None])[0, 0] + b"
A = "{act}"
P = "{pool}"
loss = "F.mse_loss(P, Y)"
"""

NETS = {
    "relu33": ("F.relu(Z)", "F.max_pool2d(A[None, None], 3, stride=1)[0, 0]", 6, 3),
    "leaky": ("F.leaky_relu(Z, 0.1)", "F.max_pool2d(A[None, None], 3, stride=2)[0, 0]", 6, 2),
    "clamp": ("Z.clamp(min=0)", "F.max_pool2d(A[None, None], 3)[0, 0]", 7, 2),
    "abs": ("torch.abs(Z)", "F.max_pool2d(A[None, None], 3, stride=2)[0, 0]", 6, 2),
    "avg": ("F.relu(Z)", "F.avg_pool2d(A[None, None], 3, stride=1)[0, 0]", 6, 3),
    "relu7": ("torch.relu(Z)", "F.max_pool2d(A[None, None], 3)[0, 0]", 7, 2),
    "leaky7": ("F.leaky_relu(Z, 0.2)", "F.max_pool2d(A[None, None], 3)[0, 0]", 7, 2),
}

MASKLESS_3 = "correlate2d(X, upsample((P - Y) / 2, 3) * pool_mask(A, 3){mask})"
CASES = [
    # (net, ∂L/∂K as a student writes it, right?)
    ("relu33", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 3, 1) * (Z > 0))", True),
    ("relu33", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 3, 1))", False),
    ("relu33", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 3, 1) * (A >= 0))", False),  # a mask that is always 1
    ("leaky", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2) * np.where(Z > 0, 1, 0.1))", True),
    ("leaky", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2))", False),
    ("leaky", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2) * (Z > 0))", False),  # ReLU's mask for a leaky ReLU
    ("leaky", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2) * np.where(Z > 0, 1, 0.01))", False),  # the wrong slope
    ("clamp", MASKLESS_3.format(mask=" * (Z >= 0)"), True),
    ("clamp", MASKLESS_3.format(mask=""), False),  # a wrong ✓ on the base (a3ff9732)
    ("abs", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2) * np.sign(Z))", True),
    ("abs", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2))", False),
    ("avg", "correlate2d(X, upsample((P - Y) * 2 / 9, 3, 1) / 9 * (Z > 0))", True),
    ("avg", "correlate2d(X, upsample((P - Y) * 2 / 9, 3, 1) / 9)", False),
    ("relu7", MASKLESS_3.format(mask=" * (A > 0)"), True),
    ("relu7", "correlate2d(X, upsample((P - Y) / 2 * (P > 0), 3) * pool_mask(A, 3))", True),  # masked after pooling
    ("relu7", MASKLESS_3.format(mask=""), False),
    ("relu7", MASKLESS_3.format(mask=" * (A >= 0)"), False),
    ("relu7", MASKLESS_3.format(mask=" * np.where(Z > 0, 1, 0.01)"), False),  # a leaky mask for a ReLU
    ("relu7", "correlate2d(X, upsample((P - Y) / 2 * (P >= 0), 3) * pool_mask(A, 3))", False),
    ("leaky7", MASKLESS_3.format(mask=" * np.where(Z > 0, 1, 0.2)"), True),
    ("leaky7", MASKLESS_3.format(mask=" * (Z > 0)"), False),
    ("leaky7", "correlate2d(X, upsample((P - Y) / 2 * (P > 0), 3) * pool_mask(A, 3))", False),  # the mask of P
]


def _net(tmp_path: Path, name: str) -> Path:
    act, pool, n, o = NETS[name]
    p = tmp_path / f"{name}.toml"
    p.write_text(NET.format(name=name, act=act, pool=pool, n=n, o=o))
    return p


@pytest.mark.parametrize("name, formula, right", CASES)
def test_a_mask_left_out_or_wrong_before_pooling_is_told_apart(tmp_path: Path, name: str, formula: str, right: bool) -> None:
    r = check(str(_net(tmp_path, name)), "K", formula)
    assert r.ok is right, r


def test_the_relu_mask_left_out_before_overlapping_pooling_is_rejected_and_named() -> None:
    """conv44's strict xfail: AlexNet's 3 × 3 windows with stride 2 after a ReLU; the message
    names the dead window and the mask."""
    r = check(str(ALEX), "K", "correlate2d(X, pool_route((P - Y) / 2, A, 3, 2))")
    assert not r.ok and r.diagnoses[0].code == "wrong-activation-derivative", r
    assert "Z[0:3, 0:3]" in r.diagnoses[0].message and "1[Z > 0]" in r.diagnoses[0].message
    zh = r.diagnoses[0].localized("zh").message
    assert "死窗口" in zh and "掩码" in zh


@pytest.mark.parametrize("name", sorted(NETS))
def test_the_dead_point_puts_one_whole_window_below_the_kink_and_only_there(tmp_path: Path, name: str) -> None:
    """The point itself: every entry of the first pooling window of Z is below the kink (exact
    rationals at 50 digits), some entry elsewhere is above it (a window, not the whole map), and
    the loss is finite there."""
    from derive.engine.backprop import derive
    from derive.lang import spec

    net = net_for(derive(spec.load(str(_net(tmp_path, name)))), 0)
    ck = net.dead
    assert ck is not None and net.through_dead("K") and net.through_dead("b") and not net.through_dead("P")
    z, window, c = net._lazy["dead_windows"][0]
    sym = net.g.tensors[z].symbols
    with mpmath.workdps(50):
        inside = [ck._eval(sym[i, j], 0) for i, j in window]
        outside = [ck._eval(s, 0) for (i, j), s in zip(
            [(i, j) for i in range(sym.shape[0]) for j in range(sym.shape[1])], sym, strict=True) if (i, j) not in window]
    assert len(window) == 9 and all(v < c - 0.5 for v in inside), inside
    assert any(v > c for v in outside)


def test_a_dense_layer_after_a_relu_gets_a_dead_row_and_its_right_formulas_stay_right() -> None:
    """The same point for a dense layer (the window is the row a unit of the next layer reads):
    the built-in relu-mlp's own formulas are right there."""
    net = net_for("relu-mlp", 0)
    assert net.dead is not None
    for name in net.visits:
        if name in net.spec.params:
            t = net.target(name)
            assert check("relu-mlp", name, t.expected).ok, name


# ---- goal 2: pooling spellings courses use ------------------------------------------------------

MODULE_NET = """[network]
name = "conv45-module-{n}"
[inputs]
Y = [{o}, {o}]
[params]
A = [{n}, {n}]
[forward]
P = "{pool}"
loss = "F.mse_loss(torch.tanh(P), Y)"
"""


@pytest.mark.parametrize(
    "pool, n, o",
    [
        ("nn.MaxPool2d(2)(A[None, None])[0, 0]", 6, 3),
        ("nn.MaxPool2d(3, 2)(A[None, None])[0, 0]", 7, 3),  # AlexNet's, positional
        ("torch.nn.MaxPool2d(kernel_size=3, stride=1)(A[None, None]).squeeze()", 5, 3),
        ("nn.AvgPool2d(2, stride=1)(A[None, None])[0, 0]", 4, 3),
        ("nn.AdaptiveAvgPool2d(2)(A[None, None])[0, 0]", 6, 2),
        ("nn.AdaptiveMaxPool2d(1)(A[None, None])[0, 0]", 3, 1),
    ],
)
def test_pooling_modules_called_at_once_are_pytorchs_own(tmp_path: Path, pool: str, n: int, o: int) -> None:
    """nn.MaxPool2d(…)(x) as the functional call its forward makes: derive's gradient equals
    PyTorch's running THE TEXT ITSELF (the module, an oracle independent of derive's reading), and
    verify agrees with PyTorch and finite differences."""
    import numpy as np
    import torch
    from torch import nn

    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    rng = np.random.default_rng(n * 10 + o)
    a, y = np.round(rng.normal(size=(n, n)), 3), np.round(rng.normal(size=(o, o)) * 0.5, 3)
    p = tmp_path / "m.toml"
    p.write_text(MODULE_NET.format(n=n, o=o, pool=pool) + f"[values]\nA = {a.tolist()}\nY = {y.tolist()}\n")
    d = derive(spec.load(str(p)))
    assert numeric.verify(d, points=2).ok
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    A = torch.tensor(a, requires_grad=True)
    P = eval(pool, {"nn": nn, "torch": torch, "A": A})  # noqa: S307 (the test's own text)
    torch.nn.functional.mse_loss(torch.tanh(P), torch.tensor(y)).backward()
    assert np.allclose(np.asarray(ours["A"]), A.grad.numpy(), atol=1e-12)


def test_reshape_pooling_with_dims_names_is_read_and_verified() -> None:
    """A.reshape(H // 2, 2, W // 2, 2).max(axis=(1, 3)) with H, W in [dims] (the held-out spec,
    refused by the base: "axis (1, 3)") verifies against PyTorch and finite differences."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    d = derive(spec.load(str(COURSE / "cv45_numpy_reshape_pool_dims_cn.toml")))
    report = numeric.verify(d, points=2)
    assert report.ok and {c.param for c in report.comparisons} == {"K", "b"}


REFUSED_SPELLINGS = [
    # (padding, ceil_mode and per-axis windows, refused here in conv45, are read since pool46:
    # tests/test_conv46.py)
    ("F.max_pool2d(A[None, None], 2, padding=2)[0, 0]", 4, 3, "padding=2 is not read", "padding=2 不被读取"),  # > half the window
    ("F.avg_pool2d(A[None, None], 2, divisor_override=3)[0, 0]", 4, 2, "divisor_override=3 is not read", "divisor_override=3 不被读取"),
    ("F.max_pool2d(A[None, None], 2, return_indices=True)[0, 0]", 4, 2, "return_indices=True is not read", "return_indices=True 不被读取"),
    ("nn.MaxPool2d(2, 2, dilation=2)(A[None, None])[0, 0]", 6, 2, "dilation=2 is not read", "dilation=2 不被读取"),
]


@pytest.mark.parametrize("pool, n, o, en, zh", REFUSED_SPELLINGS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pooling_not_read_is_refused_in_one_line_that_says_what_is_read(tmp_path: Path, pool: str, n: int, o: int, en: str, zh: str, lang: str) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    p = tmp_path / "r.toml"
    p.write_text(MODULE_NET.format(n=n, o=o, pool=pool))
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1, res.output
    assert (en if lang == "en" else zh) in lines[0]
    assert ("s apart" if lang == "en" else "步长 s") in lines[0]  # the stride is read (conv44): said so


def test_a_pooling_module_bound_once_and_called_later_is_read(tmp_path: Path) -> None:
    """pool = nn.MaxPool2d(kernel_size=2, stride=2) … pool(A[None, None]) (the base: "not a
    module derive reads as a function")."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    p = tmp_path / "bound.toml"
    p.write_text(MODULE_NET.format(n=4, o=2, pool="pool(A[None, None])[0, 0]").replace(
        '[forward]\n', '[forward]\npool = "nn.MaxPool2d(kernel_size=2, stride=2)"\n'))
    assert numeric.verify(derive(spec.load(str(p))), points=2).ok


TF_NET = """[network]
name = "conv45-tf"
[inputs]
X = [6, 6]
Y = [{o}, {o}]
[params]
K = [2, 2]
[forward]
Z = "tf.nn.conv2d(X[None, :, :, None], K[:, :, None, None], strides=1, padding='VALID')[0, :, :, 0]"
A = "tf.nn.leaky_relu(Z, alpha=0.1)"
P = "{pool}"
loss = "tf.reduce_mean(tf.square(P - Y))"
[values]
X = {x}
Y = {y}
K = {k}
"""


@pytest.mark.parametrize(
    "pool, o, torch_pool",
    [
        ("tf.nn.max_pool2d(A[None, :, :, None], ksize=2, strides=1, padding='VALID')[0, :, :, 0]", 4, "F.max_pool2d(A, 2, 1)"),
        ("tf.nn.max_pool2d(tf.reshape(A, [1, 5, 5, 1]), ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='VALID')[0, :, :, 0]", 2, "F.max_pool2d(A, 3, 2)"),
        ("tf.nn.avg_pool2d(A[tf.newaxis, :, :, tf.newaxis], 3, 1, 'VALID')[0, :, :, 0]", 3, "F.avg_pool2d(A, 3, 1)"),
    ],
)
def test_tensorflows_nhwc_conv_and_pooling_are_read(tmp_path: Path, pool: str, o: int, torch_pool: str) -> None:
    """tf.nn.conv2d / max_pool2d / avg_pool2d of one NHWC image ('VALID', [0, :, :, 0]): derive's
    ∂L/∂K equals PyTorch's for the same network written with F.conv2d (TF's conv2d is a
    cross-correlation, as PyTorch's), and verify agrees with finite differences."""
    import numpy as np
    import torch

    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    rng = np.random.default_rng(o)
    x, y, k = np.round(rng.normal(size=(6, 6)), 3), np.round(rng.normal(size=(o, o)), 3), np.round(rng.normal(size=(2, 2)) * 0.5, 3)
    p = tmp_path / "tf.toml"
    p.write_text(TF_NET.format(o=o, pool=pool, x=x.tolist(), y=y.tolist(), k=k.tolist()))
    d = derive(spec.load(str(p)))
    assert numeric.verify(d, points=2).ok
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    F = torch.nn.functional
    K = torch.tensor(k, requires_grad=True)
    A = F.leaky_relu(F.conv2d(torch.tensor(x)[None, None], K[None, None]), 0.1)
    P = eval(torch_pool, {"F": F, "A": A})[0, 0]  # noqa: S307 (the test's own text)
    ((P - torch.tensor(y)) ** 2).mean().backward()
    assert np.allclose(np.asarray(ours["K"]), K.grad.numpy(), atol=1e-12)


@pytest.mark.parametrize(
    "pool, words",
    [
        ("tf.nn.max_pool2d(A[None, :, :, None], 2, 2, 'SAME', 'NCHW')[0, :, :, 0]", "data_format='NCHW' is not read"),
        # (shape47 reads per-axis ksize=[1, 2, 3, 1]; a window over the batch axis stays refused)
        ("tf.nn.max_pool2d(A[None, :, :, None], ksize=[2, 2, 3, 1], strides=2, padding='VALID')[0, :, :, 0]", "ksize=[2, 2, 3, 1"),  # the long line is elided in its middle
    ],
)
def test_tensorflow_pooling_not_read_is_refused_in_one_line(tmp_path: Path, pool: str, words: str) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    p = tmp_path / "tf.toml"
    p.write_text(TF_NET.format(o=2, pool=pool, x=[[1.0] * 6] * 6, y=[[0.0] * 2] * 2, k=[[1.0, 0.5], [0.5, 1.0]]))
    res = CliRunner().invoke(main, ["verify", str(p)])
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert res.exit_code == 2 and len(lines) == 1 and words in lines[0] and "Traceback" not in res.output, res.output
