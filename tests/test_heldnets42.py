"""Branch heldnets42 (issue 9's held-out course networks, pass 42 of the specs, hn42_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py, MindSpore's functions as mindspore.cn's API pages define
them) and must agree with derive's loss and every gradient; the cases are variants (other names,
sizes, values, spellings), not the specs that showed them:

- MindSpore's functional ops (``import mindspore.ops as ops``: ``ops.matmul``, ``ops.relu``,
  ``ops.binary_cross_entropy(p, y)``, ``ops.mean(x, 1, keep_dims=True)`` …) were read as Keras 3's
  ``keras.ops`` and refused with "keras.ops.binary_cross_entropy() is not read": ``mindspore.ops``
  and ``ms.ops`` are MindSpore's, and a bare ``ops.`` is when a line names a function Keras 3's
  ops has not or a MindSpore keyword (keep_dims=, input_perm=); each read function is PyTorch's
  function of the same value (gelu's default is the erf form, leaky_relu's slope 0.2,
  smooth_l1_loss's default reduction 'none'); another MindSpore function is refused naming those
  read (en, zh); found by the probe after the first pass: the primitive classes constructed and
  called at once (``ops.ReLU()(x)``, ``ops.MatMul(transpose_b=True)(x, W)``,
  ``ops.ReduceMean(keep_dims=True)(x, 1)``), ``nn.SoftmaxCrossEntropyWithLogits(sparse=…)``
  (reduction 'none' by default) and ``Tensor.mean(axis, keep_dims)``;
- ``torch.histc`` was refused saying it "returns the indices of the buckets": it returns how many
  entries fall in each bin; the refusal says so and names a soft histogram derive reads."""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")

_MS = """
[dims]
N = 4
d = 3
h = 5
K = 3
[inputs]
x = ["N", "d"]
{inputs}
[params]
W = ["d", "h"]
{params}
[forward]
{lines}
"""


@pytest.mark.parametrize(
    "inputs, params, lines",
    [
        ('y = { shape = ["N", 1], kind = "binary" }', 'v = ["h", 1]',
         'p = "ops.sigmoid(ops.matmul(ops.relu(ops.matmul(x, W)), v))"\n'
         'loss = "ops.binary_cross_entropy(p, y)"'),
        ('y = ["N", 1]', 'v = ["h", 1]',
         'z = "mindspore.ops.gelu(x @ W)"\n'
         'loss = "mindspore.ops.mse_loss(mindspore.ops.matmul(z, v), y)"'),
        ('y = ["N", 1]', 'b = ["h"]',
         'z = "ops.tanh(ops.add(ops.matmul(x, W), b))"\n'
         'loss = "ops.mean(ops.square(ops.sub(ops.mean(z, 1, keep_dims=True), y)))"'),
        ('labels = ["N"]', 'V = ["K", "h"]',
         'logits = "ms.ops.matmul(ms.ops.leaky_relu(ms.ops.matmul(x, W)), ms.ops.transpose(V, (1, 0)))"\n'
         'loss = "ms.ops.cross_entropy(logits, labels, label_smoothing=0.1)"'),
        ('y = ["N", 1]', 'v = ["h", 1]',
         'z = "ops.gelu(ops.matmul(x, W), approximate=\'tanh\')"\n'
         'loss = "ops.smooth_l1_loss(ops.matmul(z, v), y, beta=0.5).mean()"'),
        ('y = { shape = ["N", 1], kind = "binary" }', 'v = ["h", 1]',
         'z = "ops.clamp(ops.matmul(x, W), -0.5, 0.8)"\n'
         'loss = "ops.binary_cross_entropy_with_logits(ops.matmul(z, v), y, pos_weight=2.0 + 0.0 * y)"'),
        ('', 'V = ["K", "h"]',
         'z = "ops.cat((ops.softplus(x @ W), ops.elu(x @ W, alpha=0.5)), axis=1)"\n'
         'loss = "ops.logsumexp(ops.matmul(z, ops.transpose(ops.cat((V, V), 1), input_perm=(1, 0))), axis=1).mean()"'),
        ('y = ["N", 1]', 'v = ["h", 1]',
         'z = "ops.softmax(ops.matmul(x, W), axis=-1)"\n'
         'loss = "ops.sum(ops.pow(ops.matmul(ops.log_softmax(z), v) - y, 2), dim=0) / ops.div(8.0, 2.0)"'),
    ],
    ids=["bare-ops-bce", "mindspore-ops-gelu-default-erf", "keep-dims-positional-axis",
         "ms-ops-cross-entropy-smoothing-transpose", "gelu-tanh-smooth-l1-beta",
         "bce-with-logits-pos-weight-clamp", "cat-softplus-elu-logsumexp-input-perm",
         "softmax-log-softmax-sum-dim"],
)
def test_mindspore_ops_are_read_as_pytorch_calls_of_the_same_value(
    inputs: str, params: str, lines: str
) -> None:
    _both(_MS.format(inputs=inputs, params=params, lines=lines), "mindspore")


@pytest.mark.parametrize(
    "inputs, params, lines",
    [
        ('y = { shape = ["N", 1], kind = "binary" }', 'v = ["h", 1]',
         'z = "ops.ReLU()(ops.MatMul()(x, W))"\n'
         'loss = "ops.BinaryCrossEntropy()(ops.Sigmoid()(ops.matmul(z, v)), y)"'),
        ('y = ["N", 1]', 'V = ["K", "h"]',
         'z = "mindspore.ops.MatMul(transpose_b=True)(ops.Tanh()(x @ W), V)"\n'
         'loss = "ops.ReduceMean()(ops.Square()(ops.ReduceSum(keep_dims=True)(z, 1) - y), ())"'),
        ('labels = ["N"]', 'V = ["h", "K"]',
         'logits = "ops.matmul(ops.relu(ops.matmul(x, W)), V)"\n'
         'loss = "nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction=\'mean\')(logits, labels)"'),
        ('Y = { shape = ["N", "K"], kind = "one-hot" }', 'V = ["h", "K"]',
         'logits = "mindspore.ops.matmul(mindspore.ops.tanh(x @ W), V)"\n'
         'loss = "mindspore.nn.SoftmaxCrossEntropyWithLogits()(logits, Y).mean()"'),
        ('y = ["N", 1]', 'v = ["h", 1]',
         'z = "ops.relu(ops.matmul(x, W))"\nloss = "ops.mse_loss(z.mean(axis=1, keep_dims=True), y) + ops.mean(ops.matmul(z, v))"'),
        ('y = { shape = ["N", 1], kind = "binary" }', 'v = ["h", 1]',
         'loss = "ops.SigmoidCrossEntropyWithLogits()(ops.Softmax(axis=1)(x @ W) @ v, y).sum()"'),
        ('y = ["N", 1]', 'v = ["h", 1]',
         'z = "ops.ReLU()(ops.matmul(x, W))"\nloss = "nn.SmoothL1Loss(beta=0.5)(ops.matmul(z, v), y).sum()"'),
        ('y = ["N", 1]', 'v = ["h", 1]',
         'loss = "mindspore.nn.SmoothL1Loss()(mindspore.ops.tanh(x @ W) @ v, y).sum() + ops.SmoothL1Loss(reduction=\'mean\')(x @ W @ v, y)"'),
    ],
    ids=["class-relu-matmul-bce", "class-matmul-transpose-b-reduce", "nn-sce-sparse-mean",
         "nn-sce-one-hot-default-none", "tensor-mean-keep-dims", "class-sigmoid-ce-softmax",
         "bare-nn-smooth-l1-in-mindspore-lines", "mindspore-nn-and-ops-smooth-l1"],
)
def test_mindspore_primitive_classes_and_cells_are_read(inputs: str, params: str, lines: str) -> None:
    """MindSpore's primitives constructed and called at once (``ops.ReLU()(x)``), its
    SoftmaxCrossEntropyWithLogits cell (reduction 'none' by default) and Tensor.mean's
    keep_dims, as their functions."""
    _both(_MS.format(inputs=inputs, params=params, lines=lines), "mindspore-classes")


def test_pytorch_smooth_l1_stays_pytorch_without_a_mindspore_mark() -> None:
    """``nn.SmoothL1Loss()`` in PyTorch lines is PyTorch's (reduction 'mean')."""
    _both(_MS.format(inputs='y = ["N", 1]', params='v = ["h", 1]',
                     lines='loss = "nn.SmoothL1Loss()(torch.relu(x @ W) @ v, y).sum()"'), "torch-smooth-l1")


def test_a_bare_ops_without_a_mindspore_mark_stays_keras() -> None:
    """Keras 3's ``ops.gelu`` is the tanh form: no MindSpore-only name, so Keras' reading."""
    _both(_MS.format(inputs='y = ["N", 1]', params='v = ["h", 1]',
                     lines='z = "ops.gelu(ops.matmul(x, W))"\n'
                           'loss = "ops.mean(ops.square(ops.matmul(z, v) - y))"'), "keras-ops")


@pytest.mark.parametrize(
    "line, name",
    [('mindspore.ops.kl_div(ops.log_softmax(x @ W), ops.softmax(x @ W))', "mindspore.ops.kl_div"),
     ('ops.nll_loss(ops.log_softmax(x @ W), labels) + ops.mse_loss(x @ W, x @ W)', "ops.nll_loss"),
     # (ms.ops.maximum was refused here until heldnets43 read it: MindSpore's MaximumGrad
     # kernels halve a tie, as PyTorch does)
     ('ms.ops.amax(x @ W, 1).sum()', "ms.ops.amax")],
    ids=["kl-div", "bare-nll-loss", "amax"],
)
def test_an_unread_mindspore_function_is_refused_naming_the_ones_read(line: str, name: str) -> None:
    text = _MS.format(inputs='labels = ["N"]', params="", lines=f'loss = "{line}"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert f"{name}() is not read: of MindSpore's" in en and "binary_cross_entropy" in en
    assert f"不读取 {name}()" in zh and "MindSpore" in zh


@pytest.mark.parametrize(
    "line, en_part, zh_part",
    [('ops.cross_entropy(x @ W, labels, weight=ops.mean(x @ W, 0, keep_dims=False))',
      "without weight or ignore_index", "不带 weight、ignore_index"),
     ('ops.mean(ops.transpose(x @ W, (0, 1)), keep_dims=False)', "input_perm=(1, 0)",
      "input_perm=(1, 0)"),
     ('ops.mean(ops.gelu(x @ W, approximate=\'erf\'), keep_dims=False)', "approximate='none'",
      "approximate")],
    ids=["cross-entropy-weight", "transpose-identity-perm", "gelu-unknown-approximate"],
)
def test_mindspore_arguments_not_read_are_named(line: str, en_part: str, zh_part: str) -> None:
    text = _MS.format(inputs='labels = ["N"]', params="", lines=f'loss = "{line}"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert en_part in en and "keras" not in en.lower()
    assert zh_part in zh


_HIST = """
[dims]
N = 6
[inputs]
z = ["N"]
t = [4]
[params]
w = []
[forward]
out = "torch.tanh(w * z)"
h = "{line}"
loss = "((h - t) ** 2).sum()"
"""


@pytest.mark.parametrize(
    "line",
    ["torch.histc(out, bins=4, min=-1, max=1) / 6", "torch.histogram(out, bins=4)[0] / 6",
     "np.histogram(out, bins=4, range=(-1, 1))[0] / 6", "out.histc(bins=4, min=-1, max=1) / 6",
     "tf.histogram_fixed_width(out, [-1.0, 1.0], nbins=4) / 6"],
    ids=["torch-histc", "torch-histogram", "np-histogram", "histc-method", "tf-fixed-width"],
)
def test_a_histogram_is_refused_as_counts_not_indices(line: str) -> None:
    en, zh = _refusal(_HIST.format(line=line), "en"), _refusal(_HIST.format(line=line), "zh")
    assert "counts the entries that fall in each bin" in en and "indices" not in en
    assert "x.unsqueeze(1) - c" in en
    assert "统计落入每个区间的元素个数" in zh and "下标" not in zh


def test_the_soft_histogram_the_refusal_names_is_read() -> None:
    """The refusal's fix, written for a 1-D tensor with bin centres as an input, is read and
    agrees with PyTorch."""
    text = _HIST.replace('t = [4]', 't = [4]\nc = [4]').format(
        line="torch.exp(-(out.unsqueeze(1) - c) ** 2 / (2 * 0.3 ** 2)).sum(dim=0) / 6"
    )
    _both(text, "soft-histogram")


_SIGNED = """
[dims]
N = 4
d = 3
[inputs]
x = ["N", "d"]
y = ["N", 1]
[params]
a = ["d"]
W = ["d", 1]
[constants]
gamma = -0.1
zeta = 1.1
lam = 0.05
[forward]
pen = "torch.sigmoid(a - 0.5 * math.log(-gamma / zeta)).sum()"
loss = "F.mse_loss((x * torch.clip(a, -1.0, 1.0)) @ W, y) + lam * pen"
"""


def test_check_accepts_the_walkthrough_formula_when_a_constant_sign_matters(tmp_path) -> None:
    """The checker re-checks a formula at other sizes with every constant moved; moved by +1/7,
    gamma = -0.1 makes log(-gamma / zeta) undefined (and the zero point's sigmoid overflowed):
    the walkthrough's own gradient was called wrong. A move that keeps each constant's sign is
    used when the first leaves the network's domain."""
    from derive.checker.check import check
    from test_course_networks import net_for

    path = tmp_path / "signed.toml"
    path.write_text(_SIGNED)
    net = net_for(str(path), 0)
    for p in net.spec.params:
        expected = net.target(p).expected
        assert check(str(path), p, expected).ok, (p, expected)
    wrong = check(str(path), "W", net.target("W").expected + " * 2")
    assert not wrong.ok
