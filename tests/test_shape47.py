"""shape47 (issue 9): a squeeze of an EXPRESSION followed by another reshape — ``(h @ v).squeeze(1)
.unsqueeze(-1)``, ``.flatten()[:, None]``, ``np.expand_dims(np.squeeze(e), 1)``, ``.view(-1, 1)``,
chained — means what PyTorch and NumPy mean: the squeeze is rewritten to a row (``e.T`` of a
column) and carries a 1-D marker through that rewrite, so the next call reads a 1-D tensor (its
column, its row, itself, one entry, a slice, an inner product) and an axis a 1-D tensor does not
have is refused in one line as PyTorch and NumPy raise. Each chain against PyTorch running the
text itself (tests/spelled_oracle.py) and derive verify's PyTorch and finite differences; the
loss reads the result both as it is and transposed, so a 1-D vector misread as a row (or a
column) changes the loss."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import ops, spec
from derive.numeric import verify as numeric
from spelled_oracle import oracle_text

# (chain, PyTorch's/NumPy's shape of the result)
CHAINS = [
    ("(X @ v).squeeze(1).unsqueeze(-1)", ["N", 1]),
    ("(X @ v).squeeze(1).unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).unsqueeze(0)", [1, "N"]),
    ("(X @ v).squeeze(-1).unsqueeze(-1)", ["N", 1]),
    ("(X @ v).squeeze().unsqueeze(1)", ["N", 1]),
    ("(X @ v).flatten().unsqueeze(1)", ["N", 1]),
    ("(X @ v).view(-1).unsqueeze(-1)", ["N", 1]),
    ("(X @ v).reshape(-1).reshape(-1, 1)", ["N", 1]),
    ("(X @ v).squeeze(1)[:, None]", ["N", 1]),
    ("(X @ v).squeeze(1)[None, :]", [1, "N"]),
    ("(X @ v).squeeze(1)[None]", [1, "N"]),
    ("torch.squeeze(X @ v, 1).unsqueeze(1)", ["N", 1]),
    ("torch.unsqueeze((X @ v).squeeze(1), -1)", ["N", 1]),
    ("torch.unsqueeze(torch.squeeze(X @ v, 1), 1)", ["N", 1]),
    ("(X @ v).squeeze(1).view(-1, 1)", ["N", 1]),
    ("(X @ v).squeeze(1).reshape(1, -1)", [1, "N"]),
    ("(X @ v).squeeze(1).unsqueeze(1).squeeze(1)", ["N"]),
    ("(X @ v).squeeze(1).unsqueeze(1).T", [1, "N"]),
    ("(u @ X.T).squeeze(0).unsqueeze(1)", ["N", 1]),
    ("(u @ X.T).flatten()[:, None]", ["N", 1]),
    ("torch.tanh(X @ v).squeeze(1).unsqueeze(1)", ["N", 1]),
    ("torch.tanh((X @ v).squeeze(1)).unsqueeze(1)", ["N", 1]),
    ("(2 * (X @ v).squeeze(1) - 1).unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).unsqueeze(-1) + (X @ v).squeeze(1)", ["N", "N"]),
    ("(X @ v).squeeze(-1).T.unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).flatten().unsqueeze(0)", [1, "N"]),
    ("(X @ v).squeeze(1).unsqueeze(-2)", [1, "N"]),
    ("(X @ v).squeeze(1).squeeze(0)", ["N"]),
    ("(X @ v).squeeze(1).view(4, 1)", ["N", 1]),
    ("(X @ v).squeeze(1)[1:3]", [2]),
    ("(X @ v).squeeze(1)[0] * (X @ v).squeeze(1)", ["N"]),
    ("(X @ v).squeeze(1) @ X", ["d"]),
    ("((X @ v).squeeze(1) @ (X @ v).squeeze(1)) * (X @ v).squeeze(1)", ["N"]),
    ("torch.reshape((X @ v).squeeze(1), (-1, 1))", ["N", 1]),
    ("torch.flatten((X @ v).squeeze(1)).unsqueeze(dim=1)", ["N", 1]),
    # along the only axis of the 1-D result (the row form's axis 1): one number, or 1-D again
    ("(X @ v).squeeze(1).sum(0) * (X @ v).squeeze(1)", ["N"]),
    ("torch.softmax((X @ v).squeeze(1), dim=0)", ["N"]),
    ("F.softmax((X @ v).squeeze(-1), 0).unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).mean(dim=0) + (X @ v).squeeze(1)", ["N"]),
    ("torch.log_softmax((X @ v).squeeze(1), dim=-1)", ["N"]),
    ("(X @ v).squeeze(1).max(0).values * (X @ v).squeeze(1)", ["N"]),
    ("torch.cumsum((X @ v).squeeze(1), dim=0)", ["N"]),
    ("np.expand_dims(np.squeeze(X @ v, 1), 1)", ["N", 1]),
    ("np.expand_dims((X @ v).squeeze(), -1)", ["N", 1]),
    ("np.expand_dims(np.squeeze(X @ v), 0)", [1, "N"]),
    ("np.squeeze(X @ v)[:, np.newaxis]", ["N", 1]),
    ("(X @ v).ravel().reshape(-1, 1)", ["N", 1]),
    ("np.squeeze(X @ v, axis=1).reshape(1, -1)", [1, "N"]),
]

# PyTorch or NumPy raises on these: refused in one line (en, zh words)
REFUSED = [
    ("(X @ v).squeeze(1).unsqueeze(2)", "has no axis 2 for unsqueeze()", "没有供 unsqueeze() 使用的第 2 维"),
    ("(X @ v).squeeze(1).squeeze(1)", "has no axis 1 for squeeze()", "没有供 squeeze() 使用的第 1 维"),
    ("(X @ v).squeeze(1).unsqueeze(-3)", "has no axis -3 for unsqueeze()", "第 -3 维"),
    ("(X @ v).squeeze(1).reshape(3, -1)", "cannot reshape 4 entries into (3, -1)", "无法把 4 个元素变形为 (3, -1)"),
    ("np.squeeze(np.squeeze(X @ v, 1), 0)", "along axis 0, whose length is not 1", "沿第 0 维的长度不是 1"),
    ("np.expand_dims(np.squeeze(X @ v), 2)", "has no axis 2 for expand_dims()", "没有供 expand_dims() 使用的第 2 维"),
    ("(X @ v).squeeze(1)[:, 0]", "takes one index, not 2", "只接受一个下标"),
    ("(X @ v).squeeze(1).sum(1)", "has no axis 1 for sum()", "没有供 sum() 使用的第 1 维"),
]

NET = """[network]
name = "shape47-{i}"
[dims]
N = 4
d = 3
[inputs]
X = ["N", "d"]
C = {c}
w = {w}
[params]
v = ["d", 1]
u = [1, "d"]
[forward]
z = "{chain}"
loss = "{loss}"
"""


def _net(i: int, chain: str, shape: list) -> str:
    lib = ("np", "np") if chain.startswith("np.") or "ravel" in chain else ("torch", "torch")
    m = lib[0]
    loss = f"{m}.sum({m}.tanh(z) * C) + {m}.sum({m}.tanh(z.T + w)) + {m}.sum(u * u) + {m}.sum(v * v)"
    return NET.format(i=i, chain=chain, loss=loss, c=json.dumps(shape), w=json.dumps([1, shape[-1]]))


@pytest.mark.parametrize("i, chain, shape", [(i, c, s) for i, (c, s) in enumerate(CHAINS)], ids=[c for c, _ in CHAINS])
def test_a_chain_means_what_pytorch_and_numpy_mean(i: int, chain: str, shape: list) -> None:
    """derive's loss and gradients equal PyTorch's running the chain's own text (float64), and
    derive verify agrees with PyTorch and finite differences."""
    text = _net(i, chain, shape)
    out = oracle_text(text, f"shape47-{i}")
    assert out.status == "agree", (out.status, out.reason)
    d = derive(spec.parse(text, f"shape47-{i}"))
    report = numeric.verify(d, points=2)
    assert report.ok and {c.param for c in report.comparisons} == {"u", "v"}, report


def test_the_oracle_sees_a_misread_chain() -> None:
    """The oracle's own test: the same network read with the chain's result a row where PyTorch's
    is a column must disagree (so an agreement above says something)."""
    text = _net(0, "(X @ v).squeeze(1).unsqueeze(-1)", ["N", 1])
    run = text.replace('z = "(X @ v).squeeze(1).unsqueeze(-1)"', 'z = "(X @ v).squeeze(1).unsqueeze(0)"')
    assert oracle_text(text, "misread", run=run).status == "DISAGREE"


@pytest.mark.parametrize("chain, en, zh", REFUSED, ids=[c for c, _, _ in REFUSED])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_pytorch_or_numpy_refuses_is_refused_in_one_line(tmp_path: Path, chain: str, en: str, zh: str, lang: str) -> None:
    t = torch.ones(4, 3, dtype=torch.float64), torch.ones(3, 1, dtype=torch.float64)
    env = {"torch": torch, "np": np, "X": t[0], "v": t[1]}
    if chain.startswith("np."):
        env.update(X=t[0].numpy(), v=t[1].numpy())
    with pytest.raises(Exception):  # noqa: B017, PT011 (either library's own error)
        eval(chain, env)  # noqa: S307 (the test's own text)
    p = tmp_path / "r.toml"
    p.write_text(_net(0, chain, ["N", 1]))
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln and "正在推导" not in ln]
    assert len(lines) == 1, res.output
    assert (en if lang == "en" else zh) in lines[0], lines[0]
    assert chain.split(".")[0] in lines[0]  # the user's own text is quoted


# ---- pooling: windows that do not tile the map (PyTorch's floor), TF per-axis, TF conv2d 'SAME' ----

POOL_NET = """[network]
name = "shape47-pool-{i}"
[inputs]
X = [{n0}, {n1}]
Y = [{o0}, {o1}]
[params]
K = [{k}, {k}]
b = []
[forward]
Z = "{conv}"
A = "F.relu(Z)"
P = "{pool}"
loss = "F.mse_loss(torch.tanh(P), Y)"
"""
CONV = "F.conv2d(X[None, None], K[None, None])[0, 0] + b"
TF_SAME = "tf.nn.conv2d(X[None, :, :, None], K[:, :, None, None], strides=1, padding='SAME')[0, :, :, 0] + b"

POOLS = [  # (pool, the map's size, the pooled size, the convolution before it)
    ("F.max_pool2d(A[None, None], 2, 2)[0, 0]", (5, 5), (2, 2), CONV),
    ("F.avg_pool2d(A[None, None], 2)[0, 0]", (5, 5), (2, 2), CONV),
    ("nn.MaxPool2d(3, stride=2)(A[None, None])[0, 0]", (6, 6), (2, 2), CONV),
    ("F.avg_pool2d(A[None, None], 3, stride=2)[0, 0]", (6, 7), (2, 3), CONV),
    ("F.max_pool2d(A[None, None], 2)[0, 0]", (5, 4), (2, 2), CONV),
    ("nn.AvgPool2d(2, 2)(A.unsqueeze(0).unsqueeze(0))[0, 0]", (7, 5), (3, 2), CONV),
    ("tf.nn.max_pool2d(A[None, :, :, None], ksize=[1, 2, 3, 1], strides=[1, 2, 2, 1], padding='VALID')[0, :, :, 0]", (5, 7), (2, 3), CONV),
    ("tf.nn.avg_pool2d(A[None, :, :, None], ksize=[2, 3], strides=[2, 1], padding='SAME')[0, :, :, 0]", (5, 6), (3, 6), CONV),
    ("tf.nn.max_pool2d(A[None, :, :, None], ksize=2, strides=2, padding='VALID')[0, :, :, 0]", (5, 5), (2, 2), CONV),
    ("tf.nn.max_pool(A[None, :, :, None], ksize=[1, 3, 2, 1], strides=[1, 1, 2, 1], padding='SAME')[0, :, :, 0]", (4, 5), (4, 3), CONV),
    ("tf.nn.max_pool2d(A[None, :, :, None], ksize=2, strides=2, padding='VALID')[0, :, :, 0]", (7, 7), (3, 3), TF_SAME),
    ("tf.nn.avg_pool2d(A[None, :, :, None], ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')[0, :, :, 0]", (5, 5), (3, 3), TF_SAME),
]


def _pool_net(i: int, pool: str, m: tuple, o: tuple, conv: str) -> str:
    n = m if conv is TF_SAME else (m[0] + 2, m[1] + 2)  # a 3 × 3 kernel: 'valid' takes 2 off
    return POOL_NET.format(i=i, n0=n[0], n1=n[1], o0=o[0], o1=o[1], k=3, pool=pool, conv=conv)


@pytest.mark.parametrize("i, pool, m, o, conv", [(i, *p) for i, p in enumerate(POOLS)], ids=[f"{i}-{p[0][:40]}" for i, p in enumerate(POOLS)])
def test_pooling_that_does_not_tile_and_tf_per_axis_are_pytorchs(i: int, pool: str, m: tuple, o: tuple, conv: str) -> None:
    """Each text run itself in PyTorch (TF through the oracle's shim: TF's documented windows
    and 'SAME' rule) equals derive's loss and gradients; derive verify agrees with PyTorch and
    finite differences."""
    text = _pool_net(i, pool, m, o, conv)
    out = oracle_text(text, f"pool-{i}")
    assert out.status == "agree", (out.status, out.reason)
    d = derive(spec.parse(text, f"pool-{i}"))
    assert d.graph.tensors["P"].symbols.shape == o
    report = numeric.verify(d, points=2)
    assert report.ok and {c.param for c in report.comparisons} == {"K", "b"}, report


@pytest.mark.parametrize("n, k, s", [((5, 5), 2, 2), ((6, 7), 3, 2), ((7, 5), 2, 2), ((5, 4), 3, 1)])
@pytest.mark.parametrize("what", ["max", "avg"])
def test_floor_windows_are_pytorchs_forward_and_backward(n: tuple, k: int, s: int, what: str) -> None:
    """ops.pool_windows with the floor marker (exact pool_lists, pool_numpy, the lab's NumPy
    helpers called as backprop.py calls them) against F.max_pool2d / F.avg_pool2d and autograd."""
    rng = np.random.default_rng(sum(n) * 3 + k)
    a = rng.normal(size=n)
    g = ops.pool_floor_shape47(ops.PoolGeom(k, k, s, s), *n)
    assert g.floor == bool((n[0] - k) % s or (n[1] - k) % s) and not g.plain or not g.floor
    t = torch.tensor(a, requires_grad=True)
    fn = torch.nn.functional.max_pool2d if what == "max" else torch.nn.functional.avg_pool2d
    out = fn(t[None, None], k, s)[0, 0]
    dd = rng.normal(size=tuple(out.shape))
    out.backward(torch.tensor(dd))
    assert np.allclose(ops.pool_numpy(a, k, what, None, None, g), out.detach().numpy(), atol=1e-14)
    pull = "route" if what == "max" else "spread"
    assert np.allclose(ops.pool_numpy(dd, k, pull, None, a, g), t.grad.numpy(), atol=1e-14)
    helpers = ops.numpy_helpers()
    ns: dict = {"np": np}
    exec("\n".join(helpers[h] for h in ("pool_windows", "max_pool2d", "avg_pool2d", "pool_route", "pool_spread")), ns)  # noqa: S102 (derive's own table)
    assert np.allclose(ns[f"{what}_pool2d"](a, k, s), out.detach().numpy(), atol=1e-14)
    assert np.allclose(ns[f"pool_{pull}"](dd, a, k, s), t.grad.numpy(), atol=1e-14)


CHECK_NET = """[network]
name = "shape47-check"
[inputs]
X = [7, 7]
Y = [3, 3]
[params]
K = [2, 2]
b = []
[forward]
Z = "F.conv2d(X[None, None], K[None, None])[0, 0] + b"
A = "F.relu(Z)"
P = "F.max_pool2d(A[None, None], 2, 2)[0, 0]"
loss = "F.mse_loss(P, Y)"
"""


@pytest.mark.parametrize(
    "formula, right",
    [
        ("correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2) * (Z > 0))", True),  # a 6 × 6 map: floor to 3 × 3
        ("correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2, floor=1) * (Z > 0))", True),
        ("correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2))", False),  # the ReLU's mask left out
        ("correlate2d(X, pool_route((P - Y) * 2 / 9, A, 2, 2) * (A >= 0))", False),  # a mask always 1
        ("correlate2d(X, pool_route((P - Y) / 9, A, 2, 2) * (Z > 0))", False),  # MSE's 2 left out
    ],
)
def test_the_checker_reads_the_floor_as_the_spec_does(tmp_path: Path, formula: str, right: bool) -> None:
    p = tmp_path / "c.toml"
    p.write_text(CHECK_NET)
    r = check(str(p), "K", formula)
    assert r.ok is right, r


@pytest.mark.parametrize(
    "line, en",
    [
        # an expression's map (its size not named): the floor is not read, the refusal says where it is
        # (shape48: an element-wise expression's size is read — torch.tanh(Z) is Z's)
        ("F.max_pool2d((Z @ Z)[None, None], 3, 2)[0, 0]", "not a map named on its own line"),
        # TF 'SAME' with an even kernel (TF pads more below/right than PyTorch's 'same' can say)
        ("tf.nn.conv2d(X[None, :, :, None], K[:, :, None, None], strides=1, padding='SAME')[0, :, :, 0]", "odd"),
    ],
)
def test_what_is_still_refused_in_pooling_says_so_in_one_line(tmp_path: Path, line: str, en: str) -> None:
    p = tmp_path / "r.toml"
    if line.startswith("tf."):
        text = CHECK_NET.replace('Z = "F.conv2d(X[None, None], K[None, None])[0, 0] + b"', f'Z = "{line} + b"')
    else:
        text = CHECK_NET.replace('A = "F.relu(Z)"\n', "").replace('P = "F.max_pool2d(A[None, None], 2, 2)[0, 0]"', f'P = "{line}"').replace("Y = [3, 3]", "Y = [2, 2]")
    p.write_text(text)
    res = CliRunner().invoke(main, ["verify", str(p)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1 and en in lines[0], res.output
