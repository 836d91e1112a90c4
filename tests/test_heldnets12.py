"""Branch heldnets12 (issue 9's held-out course networks, pass 12): what the first pass of 60
new course networks (and probes of the forms they use) found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient:

- A WRONG ✓: ``m = x.max(-1)[0]`` (fast.ai's logsumexp trick; also ``torch.max(x, 1)[0]``,
  ``x.min(dim=1)[0]``) is 1-D in PyTorch, as ``x.max(1).values`` is, but the line was not
  marked 1-D: ``m.T`` made a column (an outer broadcast, verified ✓ against derive's own
  reading) and ``x @ m`` was refused;
- A WRONG ✓ of the same kind: a line ``c = x[np.arange(N), y]`` (CS231n's
  ``correct_class_scores``) was a row but not 1-D: ``c.T`` made a column (loss 4.56 vs PyTorch
  5.00), ``x @ c`` was refused, and CS231n's own ``c[:, np.newaxis]`` was "not read";
- A WRONG ✓ of the same kind: a line ``r = x[0]`` / ``x[-1]`` / ``x[:, 1]`` (a row or a column by
  a whole-number index, 1-D in NumPy and PyTorch) was not 1-D: ``r.T`` made a column (loss
  -2.44 vs PyTorch -2.12 for ``x[0]``), ``x @ r`` was refused;
- nanoGPT's loss, ``F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))``, was
  refused ("needs predictions and targets of the same shape"): ``.view(-1)`` of 1-D class
  labels is the labels;
- JAX/Flax courses' Optax losses (``optax.softmax_cross_entropy_with_integer_labels(logits,
  labels).mean()``, ``optax.softmax_cross_entropy(logits, jax.nn.one_hot(labels, C))``,
  ``optax.sigmoid_binary_cross_entropy``, ``optax.l2_loss``) were refused ("only calls of named
  functions"); TensorFlow 1's ``tf.nn.bias_add`` and ``softmax_cross_entropy_with_logits_v2``
  were unknown, and one-hot labels made inside TensorFlow's softmax cross-entropy
  (``labels=F.one_hot(y, C)``) were refused as "used other than as F.one_hot";
- Keras' ``K.categorical_crossentropy(y_true, y_pred)`` was an unknown function;
- ``pos_weight=torch.tensor(pw)`` of a [constants] name, and ``torch.tensor([2.0])``, were
  refused ("read of one number");"""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

pytest.importorskip("torch")

_MAX0 = """
[dims]
n = 3
c = 3
d = 2
[inputs]
X = ["n", "d"]
[params]
w = ["d", "c"]
[forward]
x = "X @ w"
m = "{m}"
L = "{loss}"
[values]
X = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
w = [[0.5, -0.25, 1.0], [0.75, 0.5, -0.5]]
"""


def _agree(text: str, name: str) -> None:
    out = oracle_text(text, name)
    assert out.status == "agree", (out.status, out.reason)


@pytest.mark.parametrize("m", ["x.max(-1)[0]", "torch.max(x, 1)[0]", "x.min(dim=1)[0]"])
def test_values_of_max_by_index_are_one_d(m: str) -> None:
    """``[0]`` of PyTorch's max along an axis is the 1-D values, as ``.values`` (was a wrong ✓
    through ``.T``, a refusal through ``@``)."""
    loss = "(x * m.T).sum() + (x @ m).sum() + (m * x.sum(-1)).sum()"
    _agree(_MAX0.format(m=m, loss=loss), "max0")


_PICK = """
[dims]
N = 3
D = 2
C = 3
[inputs]
X = ["N", "D"]
y = ["N"]
[params]
W = ["D", "C"]
[forward]
x = "X.dot(W)"
correct_class_scores = "x[np.arange(N), y]"
L = "{loss}"
[values]
X = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
W = [[0.5, -0.25, 1.0], [0.75, 0.5, -0.5]]
y = [2, 0, 1]
"""


@pytest.mark.parametrize(
    "loss",
    [
        # CS231n's svm_loss (layers.py), without its in-place zeroing of the correct class
        "(np.sum(np.maximum(0, x - correct_class_scores[:, np.newaxis] + 1.0)) - N) / N",
        "np.sum(np.exp(x - correct_class_scores.T)) + np.sum(x @ correct_class_scores)",
    ],
)
def test_named_label_pick_is_one_d(loss: str) -> None:
    """A line ``c = x[np.arange(N), y]`` is NumPy's 1-D result: ``c[:, np.newaxis]`` its column
    (was refused: "the index … is not read"), ``c.T`` itself, ``x @ c`` the matrix-vector
    product."""
    _agree(_PICK.format(loss=loss), "pick")


_NANOGPT = """
[dims]
BT = 4
n_embd = 3
vocab_size = 5
[inputs]
x = ["BT", "n_embd"]
targets = ["BT"]
[params]
lm_head = ["vocab_size", "n_embd"]
[forward]
logits = "F.linear(x, lm_head)"
loss = "{loss}"
[values]
targets = [4, 0, 2, 2]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))",
        "F.nll_loss(F.log_softmax(logits, -1), targets.reshape(-1))"
        " + F.cross_entropy(logits, targets.flatten(), reduction='sum')",
    ],
)
def test_flattened_labels(loss: str) -> None:
    """``targets.view(-1)`` / ``.reshape(-1)`` / ``.flatten()`` of 1-D labels are the labels."""
    _agree(_NANOGPT.format(loss=loss), "nanogpt")


_JAX = """
[dims]
B = 4
D = 2
C = 3
[inputs]
x = ["B", "D"]
labels = ["B"]
t = ["B", 1]
yb = ["B", 1]
[params]
W = ["D", "C"]
b = ["C"]
w = ["D", 1]
[forward]
logits = "{logits}"
z = "x @ w"
loss = "{loss}"
[values]
labels = [2, 1, 0, 2]
yb = [[1], [0], [1], [1]]
"""


@pytest.mark.parametrize(
    ("logits", "loss"),
    [
        (
            "jnp.dot(x, W) + b",
            "optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()"
            " + optax.l2_loss(z, t).mean()",
        ),
        (
            "x @ W - b",
            "optax.softmax_cross_entropy(logits, jax.nn.one_hot(labels, C)).mean()"
            " + optax.sigmoid_binary_cross_entropy(z, yb).sum() + optax.squared_error(z).mean()",
        ),
        (
            "tf.nn.bias_add(tf.matmul(x, W), b)",
            "tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2("
            "labels=F.one_hot(labels, C), logits=logits)) + tf.reduce_sum(z)",
        ),
    ],
)
def test_optax_and_tf1(logits: str, loss: str) -> None:
    """Optax's losses and TensorFlow 1's spellings, against the calls as their libraries define
    them (the oracle's Optax and TensorFlow stand-ins)."""
    _agree(_JAX.format(logits=logits, loss=loss), "jax")


_POSW = """
[dims]
N = 4
D = 2
[inputs]
X = ["N", "D"]
Y = ["N", 1]
w = ["N", 1]
[params]
v = ["D", 1]
[constants]
pw = 2.0
[forward]
z = "X @ v"
p = "torch.sigmoid(z)"
l1 = "F.binary_cross_entropy(p, Y, weight=w, reduction='none').mean()"
l2 = "F.binary_cross_entropy_with_logits(z, Y, pos_weight={pw}, reduction='sum')"
loss = "l1 + l2 / N"
[values]
Y = [[1], [0], [1], [0]]
w = [[1.0], [0.5], [2.0], [1.0]]
"""


@pytest.mark.parametrize("pw", ["torch.tensor(pw)", "torch.tensor([3.0])"])
def test_tensor_of_a_constant(pw: str) -> None:
    """``torch.tensor`` of a [constants] name or of a list of one number is that number."""
    _agree(_POSW.format(pw=pw), "posw")


_KERAS = """
[dims]
m = 3
n = 2
k = 3
[inputs]
x = ["m", "n"]
y_true = {{ shape = ["m", "k"], kind = "one-hot" }}
[params]
W = ["n", "k"]
[forward]
y_pred = "K.softmax(K.dot(x, W))"
loss = "{loss}"
"""


@pytest.mark.parametrize(
    "loss",
    [
        "K.mean(K.categorical_crossentropy(y_true, y_pred))",
        "K.sum(K.categorical_crossentropy(y_true, K.log(y_pred) * 2, from_logits=True))",
    ],
)
def test_keras_categorical_crossentropy(loss: str) -> None:
    """Keras' backend categorical cross-entropy (rows rescaled to 1, clipped at K.epsilon())."""
    _agree(_KERAS.format(loss=loss), "keras")


@pytest.mark.parametrize("m", ["x[0]", "x[-1, :]", "x[:, 1]"])
def test_row_or_column_by_index_is_one_d(m: str) -> None:
    """A row or a column taken by a whole-number index is 1-D, as in NumPy and PyTorch."""
    loss = "(x * m.T).sum() + (x @ m).sum() + (x - m[:, None]).exp().sum()"
    _agree(_MAX0.format(m=m, loss=loss), "index")
