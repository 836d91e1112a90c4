"""Branch heldnets43 (issue 9's held-out course networks, pass 43 of the specs, hn43_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- MindSpore's ``ops.maximum``/``ops.minimum`` (and the primitives ``ops.Maximum()``/
  ``ops.Minimum()``) were refused as not read: MindSpore's MaximumGrad/MinimumGrad kernels give
  each side half the gradient at a tie, as ``torch.maximum`` does, so they are read as PyTorch's
  (of two tensors, or a tensor and a number);
- class indices given as a column ``y = ["N", 1]`` and squeezed to PyTorch's 1-D target in the
  call (``F.cross_entropy(z, y.squeeze(1))``, ``y.view(-1)``, ``y.flatten()``, ``y[:, 0]``,
  ``torch.squeeze(y, 1)``; also nll_loss and multi_margin_loss) were refused ("needs predictions
  and targets of the same shape"): the squeeze is the labels themselves, read as a 1-D input;
- PaddlePaddle's ``paddle.nn.functional.cross_entropy(logits, label)`` with Paddle's hard labels
  of shape [N, 1] (soft_label=False, the default) was refused with that same sentence, quoting the
  line as ``F.cross_entropy``: the labels are class indices, [N, 1] or [N];
- PyTorch's ``F.cross_entropy(z, y)`` of such a column without the squeeze (PyTorch's error too)
  is refused saying the target is a column and naming the two fixes (en, zh)."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text
from test_heldnets17 import _agree
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")


_NET = """
[dims]
B = 5
p = 2
q = 3
K = 4
[inputs]
u = ["B", "p"]
{inputs}
[params]
A = ["p", "q"]
{params}
[forward]
{lines}
[values]
u = [[0.7, -0.2], [-1.1, 0.5], [0.3, 1.4], [0.9, 0.8], [-0.6, -1.3]]
{values}
"""
_T = 't = [[0.4], [-0.7], [1.1], [0.2], [-0.3]]'
_PM = 't = [[1], [1], [-1], [1], [-1]]'


@pytest.mark.parametrize(
    "params, lines, values",
    [
        ('c = ["q", 1]',
         'g = "ms.ops.matmul(ms.ops.tanh(ms.ops.matmul(u, A)), c)"\n'
         'loss = "ms.ops.mean(ms.ops.maximum(1 - t * g, 0.0))"', _PM),
        ('c = ["q", 1]',
         'g = "ops.minimum(ops.matmul(u, A), 0.25)"\n'
         'loss = "ops.mean(ops.square(ops.matmul(g, c) - t), 0, keep_dims=True).sum()"', _T),
        ('A2 = ["p", "q"]\nc = ["q", 1]',
         'g = "mindspore.ops.maximum(input=ms.ops.matmul(u, A), other=ms.ops.matmul(u, A2))"\n'
         'loss = "ms.ops.mse_loss(ms.ops.matmul(g, c), t)"', _T),
        ('c = ["q", 1]',
         'g = "ops.Maximum()(ops.matmul(u, A), 0.3 * ops.matmul(u, A))"\n'
         'loss = "ops.ReduceMean()(ops.Square()(ops.matmul(g, c) - t), ())"', _T),
        ('c = ["q", 1]',
         'g = "ms.ops.Minimum()(ms.ops.sigmoid(u @ A), 0.6)"\n'
         'loss = "ms.ops.l1_loss(g @ c, t)"', _T),
    ],
    ids=["ms-ops-maximum-number-hinge", "bare-ops-minimum-keep-dims",
         "maximum-keywords-two-tensors", "class-maximum", "class-minimum-number"],
)
def test_mindspore_maximum_and_minimum_are_torch_s(params: str, lines: str, values: str) -> None:
    _both(_NET.format(inputs='t = ["B", 1]', params=params, lines=lines, values=values), "ms-max")


def test_mindspore_maximum_is_not_read_as_the_minimum() -> None:
    """The oracle tells the two apart (a misreading disagrees)."""
    text = _NET.format(inputs='t = ["B", 1]', params='c = ["q", 1]', values=_T,
                       lines='g = "ms.ops.maximum(ms.ops.matmul(u, A), 0.1)"\n'
                             'loss = "ms.ops.mean(ms.ops.square(ms.ops.matmul(g, c) - t))"')
    other = text.replace("ms.ops.maximum(", "ms.ops.minimum(")
    _agree(text, "ms-max")
    assert oracle_text(text, "ms-max", run=other).status == "DISAGREE"


_COL = 't = [[3], [0], [1], [3], [2]]'


@pytest.mark.parametrize(
    "loss",
    [
        'F.cross_entropy(s, t.squeeze(1))',
        'F.cross_entropy(s, t.squeeze(-1), reduction="sum")',
        'nn.CrossEntropyLoss()(s, t.view(-1))',
        'F.nll_loss(F.log_softmax(s, dim=1), t.flatten())',
        'F.cross_entropy(s, t[:, 0].long(), label_smoothing=0.2)',
        'torch.nn.functional.cross_entropy(input=s, target=torch.squeeze(t, 1))',
        'F.multi_margin_loss(s, t.reshape(-1))',
        'F.cross_entropy(s, t.squeeze())',
    ],
    ids=["squeeze-1", "squeeze-minus-1-sum", "module-view", "nll-flatten",
         "subscript-long-smoothing", "keywords-torch-squeeze", "multi-margin-reshape",
         "squeeze-all"],
)
def test_a_column_of_class_indices_squeezed_in_the_call_is_the_labels(loss: str) -> None:
    lines = f's = "torch.tanh(u @ A) @ V"\nloss = "{loss}"'.replace('"sum"', "'sum'")
    text = _NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', lines=lines, values=_COL)
    _both(text, "column-labels")


def test_the_squeezed_labels_are_read_row_by_row() -> None:
    """Other labels in the same rows disagree: the column is read, not ignored or reordered."""
    lines = 's = "torch.tanh(u @ A) @ V"\nloss = "F.cross_entropy(s, t.squeeze(1))"'
    text = _NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', lines=lines, values=_COL)
    other = text.replace("t.squeeze(1)", "t.flip(0).squeeze(1)")  # the rows' labels reversed
    _agree(text, "column-labels")
    assert oracle_text(text, "column-labels", run=other).status == "DISAGREE"


@pytest.mark.parametrize(
    "inputs, loss, values",
    [
        ('t = ["B", 1]', "paddle.nn.functional.cross_entropy(s, t)", _COL),
        ('t = ["B", 1]', "paddle.nn.functional.cross_entropy(s, t, reduction='sum')", _COL),
        ('t = ["B"]', "paddle.nn.functional.cross_entropy(s, t)", 't = [3, 0, 1, 3, 2]'),
        ('t = ["B", 1]',
         "paddle.nn.functional.cross_entropy(input=s, label=t, label_smoothing=0.1)", _COL),
        ('t = ["B", "K"]', "paddle.nn.functional.cross_entropy(s, t, soft_label=True)",
         't = [[0.1, 0.2, 0.3, 0.4], [0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25], '
         '[0.0, 0.5, 0.5, 0.0], [0.3, 0.3, 0.2, 0.2]]'),
    ],
    ids=["column-labels", "column-labels-sum", "1d-labels", "keywords-smoothing", "soft-labels"],
)
def test_paddle_cross_entropy_reads_hard_labels_as_class_indices(
    inputs: str, loss: str, values: str
) -> None:
    lines = f's = "paddle.matmul(paddle.tanh(paddle.matmul(u, A)), V)"\nloss = "{loss}"'
    _both(_NET.format(inputs=inputs, params='V = ["q", "K"]', lines=lines, values=values), "paddle")


@pytest.mark.parametrize(
    "loss",
    ["F.cross_entropy(s, t)", "F.cross_entropy(s, t, reduction='sum')",
     "F.cross_entropy(s, t, reduction='none').mean()",
     "nn.NLLLoss(reduction='sum')(F.log_softmax(s, dim=1), t)"],
    ids=["mean", "sum", "none", "nll-module-sum"],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unsqueezed_column_of_class_indices_is_refused_naming_the_fixes(
    lang: str, loss: str
) -> None:
    """PyTorch's F.cross_entropy(s, t) of t [B, 1] beside scores [B, K] is PyTorch's error too,
    at every reduction: with 'sum' or 'none' it was read as the column broadcast over the classes
    and verified (a ✓ on the base where PyTorch refuses; Paddle's cross_entropy(…,
    reduction='sum') of its [N, 1] labels so too, a wrong value)."""
    lines = f's = "torch.tanh(u @ A) @ V"\nloss = "{loss}"'
    text = _NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', lines=lines, values=_COL)
    msg = _refusal(text, lang)
    assert "(5, 1)" in msg and "(5, 4)" in msg
    assert "y.squeeze(1)" in msg
    assert ("一维" in msg) if lang == "zh" else ("1-D" in msg and "a column" in msg)


@pytest.mark.parametrize(
    "inputs, params, loss, values",
    [
        ('t = ["B", 1]', 'c = ["q", 1]', "mindspore.nn.MSELoss()(ms.ops.matmul(g, c), t)", _T),
        ('t = ["B", 1]', 'c = ["q", 1]', "ms.nn.L1Loss(reduction='sum')(g @ c, t)", _T),
        ('t = { shape = ["B", 1], kind = "binary" }', 'c = ["q", 1]',
         "mindspore.nn.BCELoss()(ms.ops.sigmoid(g @ c), t)", 't = [[1], [0], [0], [1], [1]]'),
        ('t = { shape = ["B", 1], kind = "binary" }', 'c = ["q", 1]',
         "ms.nn.BCEWithLogitsLoss()(g @ c, t)", 't = [[1], [0], [0], [1], [1]]'),
        ('t = ["B"]', 'V = ["q", "K"]', "mindspore.nn.CrossEntropyLoss()(g @ V, t)",
         't = [3, 0, 1, 3, 2]'),
    ],
    ids=["mse-spelled-out", "l1-sum", "bce", "bce-with-logits", "cross-entropy"],
)
def test_mindspore_nn_cells_spelled_out_are_pytorch_s(
    inputs: str, params: str, loss: str, values: str
) -> None:
    """mindspore.nn's MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss and CrossEntropyLoss (the
    definitions and defaults of PyTorch's classes of the name) written with their module path;
    before, "only calls of named functions are allowed"."""
    lines = f'g = "ms.ops.tanh(ms.ops.matmul(u, A))"\nloss = "{loss}"'
    _both(_NET.format(inputs=inputs, params=params, lines=lines, values=values), "ms-nn")


@pytest.mark.parametrize(
    "loss",
    ["tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)(t, s)",
     "tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(t, tf.nn.softmax(s)))"],
    ids=["class-from-logits", "function-probabilities"],
)
def test_keras_sparse_labels_as_a_column_are_class_indices(loss: str) -> None:
    """Keras takes sparse labels [N] or [N, 1] (its usual layout): the class module of a [N, 1]
    column was ✓ on 39e79100 with the column broadcast over the classes (the oracle: loss 5.40 vs
    Keras' 1.77)."""
    lines = f's = "tf.matmul(tf.tanh(tf.matmul(u, A)), V)"\nloss = "{loss}"'
    _both(_NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', lines=lines, values=_COL),
          "keras-sparse")
