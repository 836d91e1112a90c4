"""Branch heldnets44 (issue 9's held-out course networks, pass 44 of the specs, hn44_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- the generated ``backprop.py`` of any network with a Huber-type loss (``F.huber_loss(delta=…)``,
  ``F.smooth_l1_loss``, PaddlePaddle's ``smooth_l1_loss(delta=…)``) exited 1: its PyTorch part
  wrote derive's reading ``min(|r|, δ)`` as ``torch.minimum(r, 0.5)``, which PyTorch refuses (a
  Python number where a tensor must be) — the number is now a float64 tensor;
- MindSpore 2.3+'s ``mindspore.mint`` (``mint.matmul``, ``mint.nn.functional.relu``,
  ``mint.nn.functional.binary_cross_entropy_with_logits`` …) was refused ("'mint.nn.functional'
  … is neither a module derive reads …"): mint gives each function PyTorch's name, parameters
  and defaults, so it is read as PyTorch's; a mint name not read is refused naming those read;
- CS231n's ``probs[np.arange(N), y.ravel()]`` of labels given as an ``[N, 1]`` column (as
  ``np.loadtxt`` gives them) was refused (heldnets43's Left): the squeeze is the labels;
- Keras' ``sparse_categorical_crossentropy(tf.squeeze(y, axis=-1), logits, from_logits=True)``
  (labels squeezed by TensorFlow's own call) was refused with a shape mismatch quoting the line
  as ``F.cross_entropy`` (heldnets43's Left: a column label as an expression)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from spelled_oracle import oracle_text
from test_heldnets17 import _agree
from test_heldnets21 import _both, _refusal
from test_heldnets43 import _NET

torch = pytest.importorskip("torch")


_T = 't = [[1.4], [-0.7], [0.05], [0.2], [-1.3]]'
_COL = 't = [[3], [0], [1], [3], [2]]'
_ONE = 't = [3, 0, 1, 3, 2]'


# ---- the lab's PyTorch part of a minimum with a number ----------------------------------------


@pytest.mark.parametrize(
    "loss",
    [
        "F.huber_loss(g @ c, t, delta=0.3)",
        "F.smooth_l1_loss(g @ c, t, beta=0.25, reduction='sum')",
        "paddle.nn.functional.smooth_l1_loss(paddle.matmul(g, c), t, delta=0.4)",
        "nn.HuberLoss(delta=0.6)(g @ c, t)",
    ],
    ids=["huber-delta", "smooth-l1-beta-sum", "paddle-smooth-l1-delta", "huber-module"],
)
def test_the_lab_of_a_huber_type_loss_runs_and_agrees_with_pytorch(loss: str, tmp_path) -> None:
    """The written backprop.py runs (exit 0) and says its gradients agree with PyTorch's; on
    ce1a73e6 it raised "minimum(): argument 'other' (position 2) must be Tensor, not float"."""
    from click.testing import CliRunner

    from derive.cli import main

    lines = f'g = "torch.tanh(u @ A)"\nloss = "{loss}"'
    text = _NET.format(inputs='t = ["B", 1]', params='c = ["q", 1]', lines=lines, values=_T)
    _agree(text, "huber-lab")
    path = tmp_path / "huber_lab.toml"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(path), "-f", "py", "--lang", "en", "-o",
                                    str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    script = next((tmp_path / "o").rglob("backprop.py"))
    assert "torch.tensor(" in script.read_text(encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=300, cwd=script.parent)
    assert run.returncode == 0, run.stdout[-800:] + run.stderr[-800:]
    assert "PyTorch" in run.stdout and "✗" not in run.stdout


def test_the_torch_code_of_a_minimum_keeps_tensors_as_they_are() -> None:
    """A side that holds a tensor is written as it is (torch.maximum of two tensors); only a side
    with none in it is made a 0-d tensor."""
    from derive.lang import expr as ex
    from derive.walkthrough.codegen import torch_code

    tree = ex.parse("minimum(a, b) + maximum(a, 0.5) + minimum(c, a)",
                    constants={"c": 2}, shapes={"a": (2, 2), "b": (2, 2)})
    code = torch_code(tree, frozenset({"a", "b"}))
    assert "torch.minimum(a, b)" in code
    assert "torch.maximum(a, torch.tensor(0.5, dtype=torch.float64))" in code
    assert "torch.minimum(torch.tensor(" in code  # the constant c, a Python number in the lab
    a = torch.tensor([[0.2, 0.9], [-1.0, 0.5]], dtype=torch.float64)
    b = torch.tensor([[0.1, 1.2], [0.3, -0.4]], dtype=torch.float64)
    got = eval(code, {"torch": torch, "a": a, "b": b, "c": 2.0})  # noqa: S307 (derive's own code)
    want = torch.minimum(a, b) + torch.clamp(a, min=0.5) + torch.minimum(a, torch.tensor(2.0))
    assert torch.allclose(got, want)


# ---- MindSpore's mint -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "inputs, params, lines, values",
    [
        ('t = { shape = ["B", 1], kind = "binary" }', 'c = ["q", 1]',
         'g = "mint.nn.functional.relu(mint.matmul(u, A))"\n'
         'loss = "mint.nn.functional.binary_cross_entropy_with_logits(mint.matmul(g, c), t) '
         '+ 0.01 * mint.sum(A * A)"', 't = [[1], [0], [0], [1], [1]]'),
        ('t = ["B", 1]', 'c = ["q", 1]',
         'g = "mindspore.mint.tanh(u @ A)"\n'
         'loss = "mindspore.mint.nn.functional.mse_loss(g @ c, t, reduction=\'sum\')"', _T),
        ('t = ["B"]', 'V = ["q", "K"]',
         'g = "mint.nn.functional.gelu(mint.matmul(u, A), approximate=\'tanh\')"\n'
         'loss = "mint.nn.functional.cross_entropy(mint.matmul(g, V), t, label_smoothing=0.1)"',
         _ONE),
        ('t = ["B"]', 'V = ["q", "K"]',
         'z = "mint.nn.functional.log_softmax(mint.matmul(mint.sigmoid(u @ A), V), dim=1)"\n'
         'loss = "mint.nn.functional.nll_loss(z, t, reduction=\'sum\')"', _ONE),
        ('t = ["B", 1]', '',
         'g = "ms.mint.maximum(u @ A, ms.mint.mul(u @ A, 0.2))"\n'
         'loss = "ms.mint.mean(ms.mint.pow(mint.sum(g, dim=1, keepdim=True) - t, 2))"', _T),
        ('t = ["B", 1]', 'c = ["q", 1]',
         'g = "mint.nn.functional.silu(mint.clamp(u @ A, min=-0.5))"\n'
         'loss = "mint.nn.MSELoss()(g @ c, t)"', _T),
    ],
    ids=["bce-logits-l2", "mindspore-mint-mse-sum", "gelu-tanh-ce-smoothing", "log-softmax-nll",
         "ms-mint-maximum-number", "clamp-silu-mse-module"],
)
def test_mindspore_mint_is_read_as_pytorch(inputs: str, params: str, lines: str,
                                           values: str) -> None:
    _both(_NET.format(inputs=inputs, params=params, lines=lines, values=values), "mint")


def test_mint_is_not_read_as_another_function() -> None:
    """The oracle tells mint's functions apart (a misreading disagrees)."""
    text = _NET.format(inputs='t = ["B", 1]', params='c = ["q", 1]', values=_T,
                       lines='g = "mint.nn.functional.relu(mint.matmul(u, A))"\n'
                             'loss = "mint.nn.functional.l1_loss(mint.matmul(g, c), t)"')
    _agree(text, "mint")
    other = text.replace("mint.nn.functional.relu(", "mint.nn.functional.silu(")
    assert oracle_text(text, "mint", run=other).status == "DISAGREE"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "line, name",
    [
        # hardswish is read since heldnets45: hardshrink is not
        ('g = "mint.nn.functional.hardshrink(u @ A)"', "mint.nn.functional.hardshrink()"),
        ('g = "mint.special.erf(u @ A)"', "mint.special()"),
        ('g = "mindspore.mint.nn.Softsign()(u @ A)"', "mint.nn.Softsign()"),
    ],
    ids=["functional", "submodule", "cell"],
)
def test_an_unread_mint_name_is_refused_naming_those_read(lang: str, line: str, name: str) -> None:
    text = _NET.format(inputs='t = ["B", 1]', params='c = ["q", 1]', values=_T,
                       lines=f'{line}\nloss = "mint.nn.functional.mse_loss(g @ c, t)"')
    msg = _refusal(text, lang)
    assert name in msg
    assert ("不读取" in msg) if lang == "zh" else ("is not read" in msg)
    assert "F.relu(z)" in msg  # the fix: PyTorch's spelling


def test_a_tensor_named_mint_is_not_the_module() -> None:
    """``mint.sum(1, keepdim=True)`` of an input named ``mint`` is its method, not torch.sum."""
    text = _NET.format(inputs='mint = ["B", "q"]\nt = ["B", 1]', params='c = ["q", 1]',
                       lines='g = "torch.tanh(u @ A) * mint"\n'
                             'loss = "F.mse_loss(g @ c + mint.sum(1, keepdim=True), t)"',
                       values=_T + '\nmint = [[0.5, -0.1, 0.2], [0.3, 0.3, -0.8], '
                       '[1.0, 0.0, 0.4], [-0.2, 0.6, 0.1], [0.7, -0.5, 0.9]]')
    _both(text, "mint-tensor")


# ---- label columns squeezed in a NumPy pick or by TensorFlow ----------------------------------


_SOFTMAX = 'P = "np.exp(np.tanh(u @ A) @ V) / np.sum(np.exp(np.tanh(u @ A) @ V), axis=1, keepdims=True)"'


@pytest.mark.parametrize(
    "loss",
    [
        "-np.sum(np.log(P[np.arange(B), t.ravel()])) / B",
        "-np.mean(np.log(P[np.arange(B), t[:, 0]]))",
        "-np.sum(np.log(P[range(B), t.squeeze()])) / B",
        "-np.mean(np.log(P[np.arange(B), np.squeeze(t, axis=1)]))",
        "-np.mean(np.log(P[np.arange(B), t.reshape(-1)]))",
        "-np.mean(np.log(P[np.arange(B), t.flatten()])) + 0.1 * np.sum(V * V)",
    ],
    ids=["ravel", "subscript", "range-squeeze", "np-squeeze-axis", "reshape", "flatten-l2"],
)
def test_a_numpy_pick_of_a_squeezed_label_column_is_the_labels(loss: str) -> None:
    text = _NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', values=_COL,
                       lines=f'{_SOFTMAX}\nloss = "{loss}"')
    _both(text, "pick-column")


def test_the_pick_of_a_label_column_is_read_row_by_row() -> None:
    """Other labels in the same rows disagree: the column is read, not ignored or reordered."""
    text = _NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', values=_COL,
                       lines=f'{_SOFTMAX}\nloss = "-np.mean(np.log(P[np.arange(B), t.ravel()]))"')
    other = text.replace("t.ravel()", "t[::-1].ravel()")
    _agree(text, "pick-column")
    assert oracle_text(text, "pick-column", run=other).status == "DISAGREE"


def test_a_torch_pick_of_a_viewed_label_column_is_the_labels() -> None:
    lines = ('P = "torch.softmax(torch.tanh(u @ A) @ V, dim=1)"\n'
             'loss = "-torch.log(P[torch.arange(B), t.view(-1)]).mean()"')
    _both(_NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', values=_COL, lines=lines),
          "pick-column")


@pytest.mark.parametrize(
    "loss",
    [
        "tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(tf.squeeze(t, axis=-1), "
        "s, from_logits=True))",
        "tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(tf.reshape(t, [-1]), s, "
        "from_logits=True))",
        "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)(tf.squeeze(t), s)",
        "tf.reduce_sum(tf.keras.losses.sparse_categorical_crossentropy(tf.squeeze(t, 1), "
        "tf.nn.softmax(s)))",
        "optax.softmax_cross_entropy_with_integer_labels(s, jnp.squeeze(t, axis=1)).mean()",
    ],
    ids=["keras-fn-squeeze-axis", "keras-fn-reshape", "keras-class-squeeze",
         "keras-fn-probabilities-sum", "optax-jnp-squeeze"],
)
def test_labels_squeezed_by_tensorflow_or_jax_are_class_indices(loss: str) -> None:
    lines = f's = "tf.matmul(tf.tanh(tf.matmul(u, A)), V)"\nloss = "{loss}"'
    if "jnp" in loss:
        lines = f's = "jnp.tanh(u @ A) @ V"\nloss = "{loss}"'
    _both(_NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', lines=lines, values=_COL),
          "tf-squeeze")


@pytest.mark.parametrize(
    "loss",
    ["-np.sum(np.log(P[np.arange(B), t])) / B",
     "-np.sum(np.log(P[np.arange(B), t.reshape(-1, 1)])) / B"],
    ids=["unsqueezed", "reshaped-to-a-column"],
)
def test_a_pick_by_an_unsqueezed_label_column_stays_refused(loss: str) -> None:
    """NumPy broadcasts ``np.arange(B)`` against a [B, 1] index: a B × B block, not one entry
    per row — refused (as before), not read as the labels."""
    text = _NET.format(inputs='t = ["B", 1]', params='V = ["q", "K"]', values=_COL,
                       lines=f'{_SOFTMAX}\nloss = "{loss}"')
    msg = _refusal(text, "en")
    assert 't = ["N"]' in msg or "1-D" in msg or "is not read" in msg
