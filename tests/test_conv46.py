"""pool46 (issue 9, the pooling row generalised): windows (kh, kw), strides (sh, sw), padding
(−∞ for max, zeros for average, counted in the divisor or not), ceil_mode, TF 'SAME', adaptive
pooling whose output size divides the map — each against PyTorch's own pooling and its
backward (float64) and finite differences; the held-out course specs; the checker's dead-window
point for the new windows (a mask left out before a padded / ceil_mode pool is rejected); what
is still refused, in one line."""

from __future__ import annotations

from pathlib import Path

import mpmath
import numpy as np
import pytest
import torch

from derive.checker.check import check
from derive.checker.checknet import net_for
from derive.lang import ops

COURSE = Path(__file__).parent / "specs_course"
F = torch.nn.functional

# (kernel_size, stride, padding, ceil_mode, count_include_pad, map size): PyTorch's own arguments
GEOMS = [
    ((2, 2), (2, 2), (1, 1), False, True, (4, 4)),
    ((3, 3), (2, 2), (1, 1), False, True, (5, 5)),  # ResNet's stem
    ((3, 3), (2, 2), (1, 1), True, False, (6, 6)),
    ((2, 2), (2, 2), (0, 0), True, True, (5, 5)),  # GoogLeNet's ceil_mode
    ((2, 3), (1, 2), (0, 0), False, True, (4, 7)),
    ((2, 3), (1, 2), (1, 1), True, False, (4, 6)),
    ((3, 2), (2, 1), (1, 0), True, True, (6, 5)),
    ((3, 3), (3, 3), (1, 1), True, True, (7, 7)),
]


def _geom(ks, st, pad, ceil, cip) -> ops.PoolGeom:
    return ops.PoolGeom(ks[0], ks[1], st[0], st[1], pad[0], pad[1], pad[0], pad[1], ceil, cip)


@pytest.mark.parametrize("ks, st, pad, ceil, cip, n", GEOMS)
@pytest.mark.parametrize("what", ["max", "avg"])
def test_the_windows_are_pytorchs_forward_and_backward(ks, st, pad, ceil, cip, n, what) -> None:
    """ops.pool_lists (exact), ops.pool_numpy and the lab's NumPy helpers against PyTorch's
    F.max_pool2d / F.avg_pool2d and their autograd (float64), at random maps (no ties)."""
    rng = np.random.default_rng(sum(n) * 7 + ks[1])
    a = rng.normal(size=n)
    g = _geom(ks, st, pad, ceil, cip)
    t = torch.tensor(a, requires_grad=True)
    out = (F.max_pool2d(t[None, None], ks, st, pad, 1, ceil) if what == "max" else F.avg_pool2d(t[None, None], ks, st, pad, ceil, cip))[0, 0]
    d = rng.normal(size=tuple(out.shape))
    out.backward(torch.tensor(d))
    mine = ops.pool_numpy(a, ks[0], what, None, None, g)
    assert mine.shape == tuple(out.shape) and np.allclose(mine, out.detach().numpy(), atol=1e-14, rtol=0)
    pull = "route" if what == "max" else "spread"
    back = ops.pool_numpy(d, ks[0], pull, None, a, g)
    assert np.allclose(back, t.grad.numpy(), atol=1e-14, rtol=0)
    with mpmath.workdps(30):
        exact = ops.pool_lists(a.tolist(), ks[0], what, mpmath.fsum, mpmath.mpf(0), mpmath.mpf(1), None, None, g)
    assert np.allclose(np.array(exact, dtype=float), out.detach().numpy(), atol=1e-14, rtol=0)
    # the lab's helpers (backprop.py) with the keywords derive prints
    helpers = ops.numpy_helpers()
    ns: dict = {"np": np}
    exec("\n".join(helpers[h] for h in ("pool_windows", "max_pool2d", "avg_pool2d", "pool_route", "pool_spread")), ns)  # noqa: S102 (derive's own table)
    keys = dict(g.keys())
    fwd = ns["max_pool2d" if what == "max" else "avg_pool2d"]
    bwd = ns["pool_route" if what == "max" else "pool_spread"]
    if what == "max":
        keys.pop("count_pad", None)
    assert np.allclose(fwd(a, g.kh, g.sh, **keys), out.detach().numpy(), atol=1e-14, rtol=0)
    assert np.allclose(bwd(d, a, g.kh, g.sh, **keys), t.grad.numpy(), atol=1e-14, rtol=0)


def test_tf_same_pads_the_larger_half_below_and_right_and_does_not_count_it() -> None:
    """TF's 'SAME' on a 5 × 5 map, window 2, stride 2 (total padding 1: 0 above, 1 below) and
    window 3, stride 2 (total 2: 1 and 1), by the rule TF documents; the average divides by the
    entries inside the map. Against a direct loop over the windows."""
    rng = np.random.default_rng(5)
    a = rng.normal(size=(5, 5))
    for k, s in ((2, 2), (3, 2), (3, 1)):
        out_n = -(-5 // s)
        total = max((out_n - 1) * s + k - 5, 0)
        g = ops.PoolGeom(k, k, s, s, total // 2, total // 2, total - total // 2, total - total // 2, False, False)
        lo = total // 2
        want_max = np.zeros((out_n, out_n))
        want_avg = np.zeros((out_n, out_n))
        for i in range(out_n):
            for j in range(out_n):
                w = a[max(i * s - lo, 0) : i * s - lo + k, max(j * s - lo, 0) : j * s - lo + k]
                want_max[i, j], want_avg[i, j] = w.max(), w.mean()
        assert np.allclose(ops.pool_numpy(a, k, "max", None, None, g), want_max, atol=1e-15)
        assert np.allclose(ops.pool_numpy(a, k, "avg", None, None, g), want_avg, atol=1e-15)
        assert np.allclose(ops.pool_torch(torch, torch.tensor(a), "avg", g).numpy(), want_avg, atol=1e-15)


HELD_OUT = sorted(COURSE.glob("cv46_*.toml")) + [COURSE / f"cv45_{n}.toml" for n in (
    "maxpool_ceil_mode", "per_axis_avgpool", "tf_max_pool2d_same", "vgg_padded_maxpool_module_cn")]


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_held_out_course_specs_verify_against_pytorch_and_finite_differences(path: Path) -> None:
    """pool46's six held-out specs and conv45's four refused ones: every gradient agrees with
    PyTorch (float64) and finite differences (derive verify's report)."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    d = derive(spec.load(str(path)))
    report = numeric.verify(d, points=2)
    assert report.ok and {c.param for c in report.comparisons} == set(d.spec.params), report


TORCH_NET = """[network]
name = "pool46-{name}"
[inputs]
Y = [{o0}, {o1}]
[params]
A = [{n0}, {n1}]
[forward]
P = "{pool}"
loss = "F.mse_loss(torch.tanh(P), Y)"
"""

TEXTS = [
    ("F.max_pool2d(A[None, None], 2, padding=1)[0, 0]", (4, 4), (3, 3)),
    ("nn.MaxPool2d(3, 2, 1)(A[None, None])[0, 0]", (5, 5), (3, 3)),
    ("F.avg_pool2d(A[None, None], 3, stride=2, padding=1, count_include_pad=False)[0, 0]", (5, 5), (3, 3)),
    ("nn.AvgPool2d(3, 2, 1)(A[None, None])[0, 0]", (5, 6), (3, 3)),
    ("F.max_pool2d(A[None, None], kernel_size=(2, 3), stride=(1, 2), ceil_mode=True)[0, 0]", (4, 6), (3, 3)),
    ("F.avg_pool2d(A[None, None], 2, ceil_mode=True)[0, 0]", (5, 5), (3, 3)),
    ("nn.AdaptiveAvgPool2d((2, 3))(A[None, None])[0, 0]", (4, 6), (2, 3)),
    ("F.adaptive_max_pool2d(A[None, None], (3, 1))[0, 0]", (6, 4), (3, 1)),
]


@pytest.mark.parametrize("pool, n, o", TEXTS)
def test_pooling_texts_are_pytorchs_own(tmp_path: Path, pool: str, n: tuple, o: tuple) -> None:
    """derive's gradient equals PyTorch's running THE TEXT ITSELF (an oracle independent of
    derive's reading), and verify agrees with PyTorch and finite differences."""
    from torch import nn

    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    rng = np.random.default_rng(sum(n) + sum(o))
    a, y = np.round(rng.normal(size=n), 3), np.round(rng.normal(size=o) * 0.5, 3)
    p = tmp_path / "t.toml"
    p.write_text(TORCH_NET.format(name="t", n0=n[0], n1=n[1], o0=o[0], o1=o[1], pool=pool) + f"[values]\nA = {a.tolist()}\nY = {y.tolist()}\n")
    d = derive(spec.load(str(p)))
    assert numeric.verify(d, points=2).ok
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    A = torch.tensor(a, requires_grad=True)
    P = eval(pool, {"nn": nn, "torch": torch, "F": F, "A": A})  # noqa: S307 (the test's own text)
    F.mse_loss(torch.tanh(P), torch.tensor(y)).backward()
    assert np.allclose(np.asarray(ours["A"], dtype=float), A.grad.numpy(), atol=1e-12)


# ---- the checker: a mask left out before a padded / ceil_mode pooling ---------------------------

NET = """[network]
name = "pool46-{name}"
[inputs]
X = [{n}, {n}]
Y = [{o}]
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
    "pad": ("F.relu(Z)", "F.max_pool2d(A[None, None], 2, padding=1)[0, 0]", 5, "3, 3"),
    "stem": ("F.relu(Z)", "nn.MaxPool2d(3, 2, 1)(A[None, None])[0, 0]", 6, "3, 3"),
    "ceil": ("F.leaky_relu(Z, 0.1)", "F.max_pool2d(A[None, None], 2, stride=2, ceil_mode=True)[0, 0]", 6, "3, 3"),
    "rect": ("torch.relu(Z)", "F.max_pool2d(A[None, None], (2, 3), stride=(1, 2), ceil_mode=True)[0, 0]", 5, "3, 2"),
    "avgx": ("F.relu(Z)", "F.avg_pool2d(A[None, None], 3, stride=2, padding=1, count_include_pad=False)[0, 0]", 6, "3, 3"),
}

CASES = [
    ("pad", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, pad=1) * (Z > 0))", True),
    ("pad", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, pad=1))", False),
    ("pad", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, pad=1) * (A >= 0))", False),  # a mask always 1
    ("pad", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2) * (Z > 0))", False),  # the padding left out
    ("stem", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 3, 2, pad=1) * (Z > 0))", True),
    ("stem", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 3, 2, pad=1))", False),
    ("ceil", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, ceil=1) * np.where(Z > 0, 1, 0.1))", True),
    ("ceil", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, ceil=1))", False),
    ("ceil", "correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, ceil=1) * (Z > 0))", False),  # ReLU's mask for a leaky ReLU
    ("rect", "correlate2d(X, pool_route((P - Y) * 2 / 6, A, 2, 1, kw=3, sw=2, ceil=1) * (Z > 0))", True),
    ("rect", "correlate2d(X, pool_route((P - Y) * 2 / 6, A, 2, 1, kw=3, sw=2, ceil=1))", False),
    ("avgx", "correlate2d(X, pool_spread((P - Y) * 2 / 9, A, 3, 2, pad=1, count_pad=0) * (Z > 0))", True),
    ("avgx", "correlate2d(X, pool_spread((P - Y) * 2 / 9, A, 3, 2, pad=1) * (Z > 0))", False),  # the padding counted
    ("avgx", "correlate2d(X, pool_spread((P - Y) * 2 / 9, A, 3, 2, pad=1, count_pad=0))", False),
]


def _net(tmp_path: Path, name: str) -> Path:
    act, pool, n, o = NETS[name]
    p = tmp_path / f"{name}.toml"
    p.write_text(NET.format(name=name, act=act, pool=pool, n=n, o=o))
    return p


@pytest.mark.parametrize("name, formula, right", CASES)
def test_a_mask_left_out_before_a_padded_or_ceil_pool_is_rejected(tmp_path: Path, name: str, formula: str, right: bool) -> None:
    r = check(str(_net(tmp_path, name)), "K", formula)
    assert r.ok is right, r


@pytest.mark.parametrize("name", ["pad", "stem", "ceil", "rect"])
def test_the_dead_point_finds_a_window_of_the_new_pools(tmp_path: Path, name: str) -> None:
    """The dead point (conv45) for the new windows: a padded pooling's corner window [0, 0]
    reads one entry of Z; the first window in reading order that reads several is put below the
    kink (exact), some entry elsewhere stays above it."""
    from derive.engine.backprop import derive
    from derive.lang import spec

    net = net_for(derive(spec.load(str(_net(tmp_path, name)))), 0)
    ck = net.dead
    assert ck is not None and net.through_dead("K") and not net.through_dead("P")
    z, window, c = net._lazy["dead_windows"][0]
    sym = net.g.tensors[z].symbols
    with mpmath.workdps(50):
        inside = [ck._eval(sym[i, j], 0) for i, j in window]
        outside = [ck._eval(sym[i, j], 0) for i in range(sym.shape[0]) for j in range(sym.shape[1]) if (i, j) not in window]
    assert len(window) >= 2 and all(v < c - 0.5 for v in inside), inside
    assert any(v > c for v in outside)


# ---- still refused: one line naming what is read --------------------------------------------------

REFUSED = [
    ("F.max_pool2d(A[None, None], 2, padding=2)[0, 0]", "padding=2 is not read", "padding=2 不被读取"),
    ("F.max_pool2d(A[None, None], 2, dilation=2)[0, 0]", "dilation=2 is not read", "dilation=2 不被读取"),
    ("F.avg_pool2d(A[None, None], 2, divisor_override=2)[0, 0]", "divisor_override=2 is not read", "divisor_override=2 不被读取"),
    ("F.adaptive_avg_pool2d(A[None, None], (3, 2))[0, 0]", "output_size=(3, 2) is not read", "output_size=(3, 2) 不被读取"),
]


@pytest.mark.parametrize("pool, en, zh", REFUSED)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pooling_still_refused_says_what_is_read_in_one_line(tmp_path: Path, pool: str, en: str, zh: str, lang: str) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    p = tmp_path / "r.toml"
    p.write_text(TORCH_NET.format(name="r", n0=4, n1=4, o0=2, o1=2, pool=pool))
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1, res.output
    assert (en if lang == "en" else zh) in lines[0]
    assert ("ceil_mode" in lines[0]) and ("'SAME'" in lines[0])  # what is read is named


def test_a_two_channel_convolution_is_the_sum_of_per_channel_ones() -> None:
    """Multi-channel convolution as the spelling that is read — a sum of per-channel 2-D
    convolutions — equals PyTorch's own 2-in-channel F.conv2d (the held-out spec's network)."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    path = COURSE / "cv46_two_channel_conv2d_sum_pool_cn.toml"
    d = derive(spec.load(str(path)))
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    v = d.spec.values
    X = torch.tensor(np.stack([np.array(v["X1"], dtype=float), np.array(v["X2"], dtype=float)]))[None]
    K = torch.tensor(np.stack([np.array(v["K1"], dtype=float), np.array(v["K2"], dtype=float)]))[None].requires_grad_(True)
    b = torch.tensor(np.array(v["b"], dtype=float).ravel(), requires_grad=True)
    A = F.relu(F.conv2d(X, K, b))
    P = torch.nn.MaxPool2d(3, 2, 1)(A)[0, 0]
    F.mse_loss(P, torch.tensor(np.array(v["Y"], dtype=float))).backward()
    assert np.allclose(np.asarray(ours["K1"], dtype=float), K.grad[0, 0].numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ours["K2"], dtype=float), K.grad[0, 1].numpy(), atol=1e-12)


AVG_NET = """[network]
name = "pool46-avg-latex"
[inputs]
X = [6, 6]
Y = [2, 2]
[params]
K = [2, 2]
[forward]
Z = "F.conv2d(X[None, None], K[None, None])[0, 0]"
A = "F.relu(Z)"
P = "F.avg_pool2d(A[None, None], 3, stride=2)[0, 0]"
loss = "F.mse_loss(P, Y)"
"""


@pytest.mark.parametrize(
    "formula, right",
    [
        (r"X \star \left(\operatorname{unavgpool}_{3,2}\left(\frac{P - Y}{2}, A\right) \odot \mathbf{1}[Z > 0]\right)", True),
        (r"X \star \operatorname{unavgpool}_{3,2}\left(\frac{P - Y}{2}, A\right)", False),
        ("correlate2d(X, pool_spread((P - Y) / 2, A, 3, 2) * (Z > 0))", True),
        ("correlate2d(X, upsample((P - Y) / 2, 3, 2) / 9 * (Z > 0))", True),  # the same pull, conv44's spelling
        ("correlate2d(X, pool_spread((P - Y) / 2, A, 3, 2))", False),
    ],
)
def test_the_average_pull_is_read_in_formulas_and_latex(tmp_path: Path, formula: str, right: bool) -> None:
    p = tmp_path / "avg.toml"
    p.write_text(AVG_NET)
    assert check(str(p), "K", formula).ok is right
