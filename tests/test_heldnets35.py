"""Branch heldnets35 (issue 9's held-out course networks, pass 35 of the specs, hn35_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- ``torch.linalg.vecdot(u, v)`` (a two-tower model's row-wise dot product; NumPy 2's
  ``np.vecdot``, ``np.linalg.vecdot``) was "unknown function";
- ``torch.count_nonzero(mask)`` (a masked mean over padded positions; ``np.count_nonzero``,
  ``tf.math.count_nonzero``, ``m.count_nonzero()``) was "unknown function";
- Keras 3's ``keras.ops`` (``from keras import ops``: ``ops.matmul``, ``ops.relu``,
  ``ops.mean(ops.square(…))``) was "'ops' … is neither a module derive reads";
- ``.numpy()`` in a PyTorch forward was refused as an unknown method and ``torch.unique`` as an
  unknown function: each is now one line saying why (autograd does not follow NumPy data; the
  number of values depends on the data) and what to write.
"""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")


_NET = """
[dims]
n = 4
d = 3
k = 3
[inputs]
X = ["n", "d"]
Z = ["n", "k"]
y = ["n"]
M = {{ shape = ["n", "k"], kind = "binary" }}
[params]
W = ["d", "k"]
v = ["k"]
[forward]
H = "{act}(X @ W + v)"
{lines}
[values]
X = [[0.4, -1.1, 0.2], [1.3, 0.5, -0.7], [-0.2, 0.8, 0.7], [0.3, -0.4, 1.2]]
Z = [[0.3, 0.2, -0.6], [0.6, -0.2, 0.5], [-0.9, 0.4, 0.1], [0.2, 0.5, -0.8]]
y = [0.4, -0.9, 1.1, 0.3]
M = [[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 0]]
"""


def _net(lines: str, act: str = "torch.tanh") -> str:
    return _NET.format(lines=lines, act=act)


# ---- vecdot: the dot product along an axis -------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "act"),
    [
        ('s = "torch.linalg.vecdot(H, Z)"\nloss = "(s * y).sum()"', "torch.tanh"),
        ('s = "torch.linalg.vecdot(H, Z, dim=0)"\nloss = "(s * v).sum()"', "torch.tanh"),
        ('loss = "F.binary_cross_entropy_with_logits(torch.linalg.vecdot(H, Z), y.sigmoid())"',
         "torch.tanh"),
        ('s = "np.vecdot(H, Z, axis=1)"\nloss = "np.sum(s * y)"', "np.tanh"),
        ('loss = "np.linalg.vecdot(H[0], Z[1]) + np.vecdot(H[2], H[2])"', "np.tanh"),
        ('loss = "jnp.sum(jnp.vecdot(H, Z) ** 2)"', "jnp.tanh"),
    ],
    ids=["rows-1d", "columns", "two-tower-bce", "np-axis", "np-linalg-1d", "jnp"],
)
def test_vecdot_is_the_sum_of_products_along_an_axis(lines: str, act: str) -> None:
    _both(_net(lines, act), "vecdot")


# ---- count_nonzero: a count, constant in every tensor --------------------------------------------


@pytest.mark.parametrize(
    ("lines", "act"),
    [
        ('loss = "((H - Z) ** 2 * M).sum() / torch.count_nonzero(M)"', "torch.tanh"),
        ('loss = "((H - Z) ** 2 * M).sum() / M.count_nonzero()"', "torch.tanh"),
        ('c = "torch.count_nonzero(M, dim=1)"\nloss = "((H * M).sum(dim=1) / c * y).mean()"',
         "torch.tanh"),
        ('c = "np.count_nonzero(M, axis=1, keepdims=True)"\nloss = "np.sum(H * M / c)"', "np.tanh"),
        ('loss = "tf.reduce_sum(H * M) / tf.cast(tf.math.count_nonzero(M), tf.float64)"', "tf.tanh"),
        ('loss = "(H ** 2).sum() / torch.count_nonzero(torch.relu(H))"', "torch.tanh"),
    ],
    ids=["masked-mean", "method", "per-row-1d", "np-keepdims", "tf", "of-parameters"],
)
def test_count_nonzero_is_a_count_of_entries(lines: str, act: str) -> None:
    _both(_net(lines, act), "count-nonzero")


# ---- Keras 3's keras.ops -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "loss",
    [
        "ops.mean(ops.square(ops.relu(ops.matmul(H, W.T) + v) - Z))",
        "keras.ops.sum(keras.ops.leaky_relu(H) * Z)",  # the default slope is 0.2 (jax.nn's 0.01)
        "ops.sum(ops.leaky_relu(H, negative_slope=0.05) * Z)",
        "ops.mean(ops.gelu(H) * Z) + ops.mean(ops.gelu(H, approximate=False) * M)",
        "-ops.mean(ops.sum(Z * ops.log_softmax(H), axis=-1))",
        "ops.sum(ops.var(H, axis=0) * v)",  # NumPy's ddof = 0
        "ops.sum(ops.hard_sigmoid(3 * H) * Z)",  # relu6(x + 3) / 6
        "ops.sum(ops.logsumexp(H, axis=1) * y)",
        "ops.mean(ops.silu(H) + ops.softplus(H) + ops.elu(H) + ops.selu(H))",
        "ops.mean(ops.norm(H - Z, axis=1)) + ops.mean(ops.clip(H, -0.5, 0.5) ** 2)",
        "ops.mean(ops.where(H > 0, H, 0.1 * H)) + ops.mean(ops.abs(ops.tanh(H) - ops.softmax(Z)))",
    ],
    ids=["mlp", "leaky-default", "leaky-slope", "gelu", "log-softmax", "var", "hard-sigmoid",
         "logsumexp", "activations", "norm-clip", "where-softmax"],
)
def test_keras3_ops_are_read(loss: str) -> None:
    _both(_net(f'loss = "{loss}"', "ops.tanh"), "keras-ops")


def test_keras_ops_names_a_tensor_called_ops_as_the_tensor() -> None:
    text = _net('ops = "H * 2"\nloss = "(ops.sum(dim=1) * y).sum()"')
    _both(text, "ops-tensor")


def test_another_keras_op_is_one_line_naming_those_read() -> None:
    # heldnets36 reads ops.binary_crossentropy, heldnets37 ops.sparse_categorical_crossentropy:
    # another op stands for the unread ones
    text = _net('loss = "ops.mean(ops.multi_hot(y, 3) * H)"', "ops.tanh")
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "keras.ops.multi_hot() is not read" in en and "matmul" in en, en
    assert "不读取 keras.ops.multi_hot()" in zh, zh
    assert "\n" not in en.strip() and "Traceback" not in en


# ---- refusals: .numpy() leaves autograd, unique() is sized by the data ---------------------------


@pytest.mark.parametrize(
    "line",
    ['a = "torch.relu(H).detach().numpy()"', 'a = "torch.relu(H).numpy()"',
     'a = "H.cpu().numpy()"', 'a = "H.tolist()"'],
    ids=["detach-numpy", "numpy", "cpu-numpy", "tolist"],
)
def test_numpy_in_a_torch_forward_is_one_line_saying_why(line: str) -> None:
    text = _net(f'{line}\nloss = "(torch.tensor(a) * Z).sum()"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "autograd does not follow" in en and "Fix:" in en, en
    assert line.split(" = ")[1] in en, en  # the line as the user wrote it
    assert "自动求导不再跟踪它" in zh, zh


@pytest.mark.parametrize(
    "line",
    ['c = "torch.unique(y, return_counts=True)[1]"', 'c = "np.bincount(y.astype(int))"',
     'c = "y.unique()"'],
    ids=["torch-unique", "bincount", "method"],
)
def test_unique_is_one_line_saying_the_data_decides_the_size(line: str) -> None:
    text = _net(f'{line}\nloss = "(H * Z).sum() / c.shape[0]"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "how many values it returns depends on the data" in en, en
    assert "返回多少个值取决于数据" in zh, zh


# ---- a matrix reshaped to three sizes: its column blocks (a group norm written out) -------------

_SIX = """
[dims]
n = 3
d = 3
c = 6
[inputs]
X = ["n", "d"]
Z = ["n", "c"]
[params]
W = ["d", "c"]
g = ["c"]
k3 = [3]
[constants]
eps = 1e-5
[forward]
H = "torch.tanh(X @ W * g) + k3.sum()"
{lines}
[values]
X = [[0.4, -1.1, 0.2], [1.3, 0.5, -0.7], [-0.2, 0.8, 0.7]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'Hg = "H.reshape(3, 2, 3)"\nm = "Hg.mean(dim=-1, keepdim=True)"\n'
        's = "((Hg - m) ** 2).mean(dim=-1, keepdim=True)"\n'
        'Hn = "((Hg - m) / torch.sqrt(s + eps)).reshape(3, 6)"\nloss = "(Hn * g * Z).sum()"',
        'Hg = "H.view(n, 3, -1)"\nHn = "((Hg - Hg.mean(-1, keepdim=True)) / (Hg.var(-1, '
        'keepdim=True, unbiased=False) + eps).sqrt()).view(n, c)"\nloss = "((Hn * g - Z) ** 2).mean()"',
        'Hg = "np.reshape(H, (3, 3, 2))"\nP = "np.exp(Hg) / np.sum(np.exp(Hg), axis=-1, keepdims=True)"\n'
        'loss = "np.sum(P.reshape(3, -1) * Z)"',
        'Hg = "H.reshape(3, 2, 3)"\nP = "torch.softmax(Hg, dim=-1)"\n'
        'loss = "(P.reshape(3, 6) * Z).sum() + Hg.amax(dim=2, keepdim=True).reshape(3, 2).sum()"',
        'Hg = "H.reshape(3, 2, 3)"\nloss = "Hg.sum() + (Hg * k3).reshape(3, 6)[:, 1:4].sum()"',
        'Hg = "H.reshape(3, 2, 3)"\nloss = "-(Hg - Hg.mean(2, keepdim=True)).pow(2).mean() + '
        '(torch.log_softmax(Hg, -1).reshape(3, 6) * Z).sum()"',
    ],
    ids=["group-norm", "view-var", "np-softmax-groups", "softmax-amax", "whole-sum-row", "pow-mean"],
)
def test_a_matrix_reshaped_to_three_sizes_is_read_as_its_column_blocks(lines: str) -> None:
    _both(_SIX.format(lines=lines), "grouped")


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ('Hg = "H.reshape(3, 2, 3)"\nloss = "(Hg.mean(dim=1, keepdim=True) ** 2).sum() + g.sum()"',
         "Hg.mean(dim=1, keepdim=True) is not read of a 3-D tensor"),
        ('Hg = "H.reshape(3, 2, 3)"\nloss = "(Hg * g).reshape(3, 6).sum()"',
         "Hg * g is not read of a 3-D tensor"),
        ('Hg = "H.reshape(2, 3, 3)"\nloss = "Hg.reshape(3, 6).sum() + g.sum()"',
         "a reshape to three sizes is read only for a matrix named earlier"),
    ],
    ids=["group-axis", "channels-vector", "rows-changed"],
)
def test_other_uses_of_a_3d_tensor_are_one_line(lines: str, said: str) -> None:
    text = _SIX.format(lines=lines)
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert said in en and "Fix:" in en, en
    assert "三维张量" in zh or "变形为三个大小" in zh, zh
