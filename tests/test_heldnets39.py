"""Branch heldnets39 (issue 9's held-out course networks, pass 39 of the specs, hn39_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- a loss or activation bound once and called later, as course code writes it
  (``criterion = nn.HuberLoss(delta=0.5)`` … ``loss = criterion(pred, y)``), was refused ("only
  calls of named functions are allowed … 'nn' is not a tensor"): a [forward] line whose value is
  a function — a PyTorch module class or a Keras loss class constructed, a Keras regularizer, a
  library function named without a call (``F.mse_loss``, ``torch.tanh``, ``optax.l2_loss``) —
  that the later lines only call is read in each call's place; a layer with weights so bound
  (``fc = nn.Linear(3, 2)`` … ``fc(x)``) is refused as it is written at once;
- mixup's ``torch.randperm(N)`` (refused by design: a random permutation) said "give the sampled
  values (actions, noise, a mask)": it now asks for the permutation as an input and to index with
  it, and ``x[index, :]`` of a matrix by a 1-D integer input, NumPy's ``x[index]``, was refused
  ("the index in x[index, :] is not read") where ``x[index]`` was read: both are the rows;
- the oracle could not run TensorFlow's ``tf.nn.silu`` nor Keras' ``BinaryCrossentropy()`` /
  ``CategoricalCrossentropy()`` classes (derive read them)."""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")


# ---- a function bound to a name in one line, called in the later ones ------------------------

_REG = """
[dims]
N = 5
d = 3
h = 4
[inputs]
x = ["N", "d"]
y = ["N", 1]
[params]
W1 = ["d", "h"]
W2 = ["h", 1]
[forward]
{lines}
[values]
y = [[0.3], [2.5], [-1.8], [0.1], [-0.6]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'loss_fn = "nn.HuberLoss(delta=0.4)"\nhid = "torch.tanh(x @ W1)"\n'
        'loss = "loss_fn(hid @ W2, y)"',
        'crit = "torch.nn.MSELoss(reduction=\'sum\')"\nout = "F.softplus(x @ W1) @ W2"\n'
        'loss = "0.5 * crit(out, y)"',
        'act = "nn.LeakyReLU(0.1)"\nh1 = "act(x @ W1)"\nh2 = "act(h1 @ W2)"\n'
        'loss = "F.l1_loss(h2, y) + 0.1 * act(W2).sum()"',
        'act = "torch.tanh"\nmse = "F.mse_loss"\nloss = "mse(act(x @ W1) @ W2, y)"',
        'sq = "optax.l2_loss"\nloss = "sq(jnp.tanh(x @ W1) @ W2, y).mean()"',
        'mse = "tf.keras.losses.MeanSquaredError()"\nreg = "tf.keras.regularizers.l2(0.01)"\n'
        'loss = "mse(y, tf.nn.relu(tf.matmul(x, W1)) @ W2) + reg(W1)"',
        'huber = "tf.keras.losses.Huber(delta=0.5)"\nloss = "huber(y, tf.sigmoid(x @ W1) @ W2)"',
    ],
    ids=["nn-huber", "torch-nn-mse-sum", "leaky-module-thrice", "function-aliases", "optax-alias",
         "keras-mse-and-l2", "keras-huber"],
)
def test_a_bound_loss_or_activation_is_read_where_it_is_called(lines: str) -> None:
    _both(_REG.format(lines=lines), "bound")


_CLS = """
[dims]
N = 4
d = 3
C = 3
[inputs]
X = ["N", "d"]
{target}
[params]
W = ["d", "C"]
[forward]
{lines}
[values]
{values}
"""


@pytest.mark.parametrize(
    "target, lines, values",
    [
        ('y = ["N"]', 'criterion = "nn.CrossEntropyLoss(label_smoothing=0.1)"\n'
         'loss = "criterion(X @ W, y)"', "y = [2, 0, 1, 1]"),
        ('Y = ["N", "C"]', 'bce = "tf.keras.losses.BinaryCrossentropy()"\n'
         'p = "tf.sigmoid(tf.matmul(X, W))"\nloss = "bce(Y, p)"',
         "Y = [[1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 0]]"),
        ('Y = { shape = ["N", "C"], kind = "one-hot" }',
         'cce = "tf.keras.losses.CategoricalCrossentropy(from_logits=True)"\n'
         'loss = "cce(Y, X @ W)"', "Y = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 1, 0]]"),
        ('y = ["N"]', 'svm = "nn.MultiMarginLoss(margin=0.5)"\nloss = "svm(X @ W, y)"',
         "y = [1, 2, 0, 1]"),
    ],
    ids=["ce-label-smoothing", "keras-bce-class", "keras-cce-logits", "multi-margin"],
)
def test_a_bound_classification_loss_is_read_where_it_is_called(
    target: str, lines: str, values: str
) -> None:
    _both(_CLS.format(target=target, lines=lines, values=values), "bound-cls")


def test_a_bound_layer_with_weights_is_refused_where_it_is_called() -> None:
    lines = 'fc = "nn.Linear(3, 1)"\nloss = "F.mse_loss(fc(torch.tanh(x @ W1)), y) + W2.sum()"'
    text = _REG.format(lines=lines)
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "nn.Linear" in en and "[params]" in en and "\n" not in en.strip()
    assert "nn.Linear" in zh and "[params]" in zh


# ---- the oracle: TensorFlow's silu, Keras' cross-entropy classes ----------------------------


def test_tf_silu_and_keras_bce_class_written_at_once() -> None:
    lines = (
        'hid = "tf.nn.silu(tf.matmul(x, W1))"\n'
        'loss = "tf.keras.losses.BinaryCrossentropy()(tf.sigmoid(y), tf.sigmoid(hid @ W2))"'
    )
    _both(_REG.format(lines=lines), "tf-silu")


# ---- x[index, :] is x[index]; randperm asks for the permutation as an input ----------------------

_MIX = """
[dims]
N = 4
d = 3
C = 3
[inputs]
x = ["N", "d"]
Y = {{ shape = ["N", "C"], kind = "one-hot" }}
perm = ["N"]
[params]
W = ["d", "C"]
[constants]
lam = 0.6
[forward]
{lines}
[values]
perm = [3, 2, 0, 1]
Y = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'xm = "lam * x + (1 - lam) * x[perm, :]"\nym = "lam * Y + (1 - lam) * Y[perm,:]"\n'
        'loss = "-(ym * F.log_softmax(xm @ W, dim=1)).sum(dim=1).mean()"',
        'h = "torch.tanh(x @ W)"\nloss = "((h[perm, :] - Y) ** 2).mean()"',
        'loss = "np.mean((np.tanh(x[perm, :] @ W) - Y) ** 2)"',
    ],
    ids=["mixup", "line-rows", "numpy-input-rows"],
)
def test_rows_of_a_matrix_by_an_integer_input_with_a_bare_column_slice(lines: str) -> None:
    _both(_MIX.format(lines=lines), "rows")


def test_randperm_asks_for_the_permutation_as_an_input() -> None:
    text = _MIX.format(lines='i = "torch.randperm(N)"\nloss = "F.mse_loss(x[i] @ W, Y)"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "randperm() draws a random permutation" in en and "x[index]" in en
    assert "actions, noise" not in en and "\n" not in en.strip()
    assert "随机排列" in zh and "x[index]" in zh
