"""Branch heldnets21 (issue 9's held-out course networks, pass 20 of the specs, hn20_*): what the
first pass of 31 new course networks (and a probe of library spellings after it) found. Each
network's OWN text runs in PyTorch float64 (tests/spelled_oracle.py) and must agree with
derive's loss and every gradient:

- a list or tuple of axes (UvA tutorial 9's ``F.mse_loss(x, x_hat, reduction="none").sum(dim=[1])
  .mean(dim=[0])``) was refused ("'List' is not allowed"): one axis is that axis, both axes of a
  matrix are everything; a third axis or a repeated one is exit 2 naming what is read;
- PPO's ``torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)`` with a given ratio exactly on a clip
  edge (0.6 / 0.5 = 1.2 = 1 + 0.2) was refused as an inline kink: bounds written with [constants]
  are now read as their numbers in the exact-bounds form, as numeric bounds already were;
- the oracle ran ``torch.where(c, 0.7, 0.3)`` of two numbers in float32 (PyTorch's default
  dtype): it now runs the text with float64 as the default dtype;
- a probe of NumPy/TensorFlow/JAX/Keras spellings after the first pass found ``np.diff`` /
  ``torch.diff``, ``tf.add_n``, ``tf.reduce_prod``, ``tf.linalg.matmul``, ``tf.math.xlogy``,
  ``scipy.special.log_expit``, ``jax.nn.hard_tanh``, ``np.float64(0.5)`` and Keras'
  ``mean_squared_error``/``MSE``/``mean_absolute_error``/``MAE`` refused (unknown function):
  each is now read as the library defines it."""

from __future__ import annotations

import re

import pytest
from spelled_oracle import oracle_text
from test_heldnets17 import _agree, _verified

from derive.errors import DeriveError
from derive.lang import spec as spec_mod
from derive.locale import catalog

torch = pytest.importorskip("torch")


def _both(text: str, name: str) -> None:
    """The text run in PyTorch agrees with derive's reading, and derive verify passes."""
    _agree(text, name)
    _verified(text, name)


def _pruned(template: str, *lines: str) -> str:
    """``template`` with the [forward] ``lines`` in its ``{lines}``, and only the [inputs],
    [params] and [values] rows of names the lines use."""
    text = "\n".join(lines)
    used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    keep = []
    section = ""
    for row in template.format(lines=text).splitlines():
        if row.startswith("["):
            section = row
        elif section in ("[inputs]", "[params]", "[values]") and " = " in row:
            if row.split(" = ")[0].strip() not in used:
                continue
        keep.append(row)
    return "\n".join(keep) + "\n"


def _refusal(text: str, lang: str) -> str:
    """The exit-2 message of reading ``text``, in ``lang``."""
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "refused")
    return catalog.localized(err.value, lang)


_AE = """
[dims]
B = 3
P = 4
h = 2
[inputs]
x = ["B", "P"]
[params]
W = ["P", "h"]
V = ["h", "P"]
[forward]
x_hat = "torch.tanh(torch.sigmoid(x @ W) @ V)"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'loss = "F.mse_loss(x, x_hat, reduction=\\"none\\").sum(dim=[1]).mean(dim=[0])"',
        'loss = "torch.mean((x - x_hat) ** 2, dim=(0, 1))"',
        'loss = "np.sum((x - x_hat) ** 2, axis=(1, 0), keepdims=True).sum()"',
        'loss = "torch.sum((x - x_hat) ** 2, (0, 1), True).sum()"',
        'loss = "((x - x_hat) ** 2).mean([-1]).mean()"',
        'loss = "((x - x_hat) ** 2).sum((-2, -1), keepdim=True).sum()"',
        'loss = "torch.amax((x - x_hat) ** 2, dim=[1]).mean()"',
        'loss = "np.mean(np.sum((x - x_hat) ** 2, axis=[1]))"',
        'per = "((x - x_hat) ** 2).sum(dim=[1], keepdim=True)"\nloss = "per.mean()"',
        'per = "F.mse_loss(x, x_hat, reduction=\'none\').sum(dim=[1])"\n'
        'loss = "per.mean(dim=[0])"',
        'per = "torch.sum((x - x_hat) ** 2, dim=[0])"\nloss = "(per * per).sum()"',
    ],
)
def test_a_list_of_axes_reads_as_pytorch_and_numpy_do(lines: str) -> None:
    _both(_AE.format(lines=lines), "axes")


def test_a_list_of_one_axis_is_not_everything() -> None:
    """The oracle is not blind to the axis: the mean over axis 1 of the squared sums over
    axis 0 is not the mean over both."""
    text = _AE.format(lines='loss = "(((x - x_hat) ** 2).sum(dim=[0]) ** 2).mean(dim=[0])"')
    other = text.replace("sum(dim=[0])", "sum(dim=[1])")
    assert oracle_text(text, "axes", run=other).status == "DISAGREE"


@pytest.mark.parametrize("axes", ["[1, 2, 3]", "[1, 1]", "[]", "(0, 1, 2)"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_other_lists_of_axes_are_refused_naming_what_is_read(axes: str, lang: str) -> None:
    msg = _refusal(_AE.format(lines=f'loss = "((x - x_hat) ** 2).sum(dim={axes}).mean()"'), lang)
    assert axes in msg
    assert ("0 和 1" in msg) if lang == "zh" else ("both axes of a matrix" in msg)


_PPO = """
[dims]
T = 4
[inputs]
pi_old = ["T", 1]
adv = ["T", 1]
[params]
pi = ["T", 1]
[constants]
clip_eps = {eps}
[forward]
ratio = "pi / pi_old"
loss = "{loss}"
[values]
pi_old = [[0.5], [0.5], [0.25], [0.5]]
pi = {pi}
adv = [[1.0], [-2.0], [0.5], [1.5]]
"""

_ON_EDGES = "[[0.6], [0.4], [0.25], [0.7]]"  # 1.2 = 1 + 0.2 and 0.8 = 1 - 0.2 exactly in float64


@pytest.mark.parametrize(
    "loss",
    [
        "-torch.min(ratio * adv, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv).mean()",
        "-torch.minimum(ratio * adv, ratio.clamp(1.0 - clip_eps, 1.0 + clip_eps) * adv).sum()",
        "-np.mean(np.minimum(ratio * adv, np.clip(ratio, 1 - clip_eps, 1 + clip_eps) * adv))",
        "(torch.clamp(ratio, min=1 - clip_eps, max=1 + clip_eps) * adv).sum()",
        "(torch.clamp(ratio, 1 - 2 * clip_eps, 1 + clip_eps) ** 2 * adv).sum()",
    ],
)
def test_a_clamp_with_named_bounds_at_a_given_edge_is_pytorchs(loss: str) -> None:
    _both(_PPO.format(eps=0.2, loss=loss, pi=_ON_EDGES), "ppo")


def test_the_clip_edge_passes_the_gradient_as_pytorchs_clamp() -> None:
    """At the edge PyTorch's clamp passes the gradient (1 on lo ≤ x ≤ hi); a reading that did
    not would disagree: the oracle run with the edge moved just outside the bound."""
    loss = "(torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv).sum()"
    text = _PPO.format(eps=0.2, loss=loss, pi=_ON_EDGES)
    outside = text.replace("ratio, 1 - clip_eps, 1 + clip_eps", "ratio, 0.8000001, 1.1999999")
    assert oracle_text(text, "ppo", run=outside).status == "DISAGREE"


_LIB = """
[dims]
n = 4
d = 3
k = 2
[inputs]
X = ["n", "d"]
Y = ["n", "k"]
[params]
W = ["d", "k"]
[forward]
z = "X @ W"
loss = "{loss}"
[values]
Y = [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "np.sum(np.diff(z, axis=0) ** 2)",
        "np.sum(np.diff(np.tanh(z)) ** 2)",
        "torch.diff(z, dim=0).pow(2).sum()",
        "torch.diff(z).abs().sum()",
        "z.diff(dim=0).pow(2).sum() + z.diff(n=2, dim=0).pow(2).sum()",
        "torch.diff(z @ z.T, dim=1).pow(2).mean()",
        "jnp.sum(jnp.diff(z, n=1, axis=-1) ** 2)",
    ],
)
def test_diff_is_neighbouring_differences(loss: str) -> None:
    _both(_LIB.format(loss=loss), "diff")


def test_diff_of_a_1d_vector_and_an_ellipsis_slice_of_it() -> None:
    text = """
[dims]
n = 4
[inputs]
x = ["n"]
[params]
w = ["n"]
[forward]
z = "x * w"
loss = "torch.sum(torch.diff(z) ** 2) + torch.sum(z[..., 1:] * z[..., :-1])"
"""
    _both(text, "diff1d")


def test_diff_along_the_wrong_axis_disagrees() -> None:
    text = _LIB.format(loss="torch.diff(torch.tanh(z), dim=0).pow(2).sum()")
    other = text.replace("dim=0", "dim=1")
    assert oracle_text(text, "diff", run=other).status == "DISAGREE"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_diff_of_order_four_is_refused_naming_the_slices(lang: str) -> None:
    """(prepend=/append= are read since round 22: tests/test_spellings22.py)"""
    msg = _refusal(_LIB.format(loss="torch.diff(z, n=4, dim=0).sum()"), lang)
    assert "x[1:] - x[:-1]" in msg
    assert ("n = 1、2 或 3" in msg) == (lang == "zh")




@pytest.mark.parametrize(
    "loss",
    [
        "np.float64(0.5) * np.sum(z ** 2)",
        "np.float32(2.0) * np.mean(np.float64(z) ** 2)",
        "np.sum(scipy.special.log_expit(z))",
        "np.sum(scipy.special.xlogy(Y, scipy.special.expit(z)))",
        "tf.reduce_sum(tf.math.xlogy(Y, tf.nn.sigmoid(z)))",
        "tf.reduce_sum(tf.linalg.matmul(z, z, transpose_a=True))",
        "tf.add_n([tf.reduce_sum(z), tf.reduce_sum(z ** 2)])",
        "tf.add_n((tf.reduce_sum(z), tf.reduce_sum(z ** 2), tf.nn.l2_loss(z)))",
        "tf.reduce_prod(tf.sigmoid(z))",
        "tf.reduce_sum(tf.math.reduce_prod(tf.sigmoid(z), axis=0, keepdims=True))",
        "tf.reduce_mean(tf.keras.losses.MSE(Y, z))",
        "tf.reduce_mean(tf.keras.losses.mean_squared_error(Y, z))",
        "tf.reduce_sum(tf.keras.losses.mean_absolute_error(y_true=Y, y_pred=z))",
        "tf.reduce_mean(keras.losses.MAE(Y, z) * tf.reduce_sum(Y, axis=1))",
        "tf.reduce_mean(tf.keras.losses.MSE(Y, z) * tf.keras.losses.MAE(Y, tf.tanh(z)))",
        "jnp.sum(jax.nn.hard_tanh(3 * z))",
    ],
)
def test_library_spellings_read_as_the_library_defines_them(loss: str) -> None:
    _both(_LIB.format(loss=loss), "lib")


def test_keras_mse_is_per_example() -> None:
    """Keras' MSE is the mean over the last axis per example: weighting it by a per-example
    number differs from weighting the mean over everything (the oracle sees the difference)."""
    text = _LIB.format(loss="tf.reduce_mean(tf.keras.losses.MSE(Y, z) * tf.reduce_sum(z, axis=1))")
    other = text.replace(
        "tf.keras.losses.MSE(Y, z)", "tf.reduce_mean(tf.keras.losses.MSE(Y, z))"
    )
    assert oracle_text(text, "lib", run=other).status == "DISAGREE"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_empty_add_n_is_refused(lang: str) -> None:
    msg = _refusal(_LIB.format(loss="tf.add_n([]) + tf.reduce_sum(z)"), lang)
    assert "tf.add_n([a, b, c])" in msg
    assert ("即 a + b + c" in msg) == (lang == "zh")


def test_torch_where_of_two_numbers_runs_in_float64() -> None:
    """IQL's expectile weight ``torch.where(diff > 0, tau, 1 - tau)``: the oracle's PyTorch now
    makes the two numbers float64 (float32 they were 0.699999988), and derive agrees."""
    text = """
[dims]
B = 5
S = 3
[inputs]
s = ["B", "S"]
q = ["B", 1]
[params]
w = ["S", 1]
[constants]
expectile = 0.7
[forward]
diff = "q - s @ w"
weight = "torch.where(diff > 0, expectile, (1 - expectile))"
loss = "(weight * (diff ** 2)).mean()"
"""
    _both(text, "expectile")
    assert torch.get_default_dtype() == torch.float32  # restored after the run


@pytest.mark.parametrize(
    "loss",
    [
        "F.l1_loss(torch.sigmoid(z), Y)",
        "torch.abs(torch.relu(z) - Y).mean()",
        "torch.abs(F.leaky_relu(z, 0.1) - Y).mean()",
        "torch.abs(F.elu(z) - Y).mean()",
        "np.mean(np.abs(1 / (1 + np.exp(-z)) - Y))",
        "(torch.sigmoid(z) - Y).abs().sum() + torch.abs(torch.clamp(z, min=0) - Y).sum()",
    ],
)
def test_abs_of_an_activation_is_a_sign_not_sympys_complex_form(loss: str) -> None:
    """|σ(z) − y|' was SymPy's re/im form (σ, relu, leaky_relu not known real): every identity
    check stopped with "cannot evaluate re" (exit 2 for an L1 loss on a sigmoid output)."""
    _both(_LIB.format(loss=loss), "l1")


def test_ppo_written_inline_with_a_ratio_on_the_clip_edges() -> None:
    """The clipped surrogate in one line, its min over an expression with the clamp inside."""
    loss = "-torch.min(ratio * adv, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv).mean()"
    _both(_PPO.format(eps=0.2, loss=loss, pi=_ON_EDGES), "ppo")


def test_ppo_inline_with_a_ratio_inside_the_clip_range() -> None:
    loss = "-torch.min(ratio * adv, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv).mean()"
    _both(_PPO.format(eps=0.2, loss=loss, pi="[[0.65], [0.45], [0.25], [0.7]]"), "ppo")
