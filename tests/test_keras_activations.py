"""Keras' activations module (``tf.keras.activations.selu(x)``, ``keras.activations.relu(x,
alpha=0.1)``) and ``jnp.linalg.norm``, each read as Keras / NumPy define it: the spec's own text,
run in PyTorch float64 with Keras' definitions (tests/spelled_oracle.py), agrees with derive's
loss and every gradient, and ``derive verify`` passes. Functions of that module derive does not
read (``hard_sigmoid``: Keras 2 and 3 define it differently), and Keras' relu with a threshold,
are exit 2 in one line naming what is read, in English and Chinese."""

from __future__ import annotations

import pytest
from test_heldnets20 import _both

from derive.errors import DeriveError
from derive.lang import spec as spec_mod

torch = pytest.importorskip("torch")

_NET = """
[dims]
batch = 4
feat = 3
hid = 5
cls = 3
[inputs]
xb = ["batch", "feat"]
yb = {{ shape = ["batch", "cls"], kind = "one-hot" }}
[params]
kernel1 = ["feat", "hid"]
kernel2 = ["hid", "cls"]
[forward]
hidden = "{act}"
probs = "tf.keras.activations.softmax(tf.matmul(hidden, kernel2))"
loss = "-tf.reduce_mean(tf.reduce_sum(yb * tf.math.log(probs), axis=1)){extra}"
"""

_ACTS = [
    "tf.keras.activations.selu(xb @ kernel1)",
    "keras.activations.gelu(xb @ kernel1)",
    "keras.activations.gelu(xb @ kernel1, approximate=True)",
    "tf.keras.activations.swish(xb @ kernel1) + keras.activations.softsign(xb @ kernel1)",
    "keras.activations.elu(xb @ kernel1, alpha=0.5)",
    "keras.activations.relu(xb @ kernel1, alpha=0.2)",
    "keras.activations.relu(xb @ kernel1, negative_slope=0.05)",
    "keras.activations.relu(xb @ kernel1, max_value=0.4)",
    "tf.keras.activations.mish(xb @ kernel1) * keras.activations.sigmoid(xb @ kernel1)",
    "keras.activations.softplus(xb @ kernel1) - keras.activations.tanh(xb @ kernel1)",
]


@pytest.mark.parametrize("act", _ACTS)
def test_keras_activation_agrees_with_its_definition(act: str) -> None:
    _both(_NET.format(act=act, extra=""), "keras_act")


@pytest.mark.parametrize(
    "extra",
    [
        " + 0.01 * jnp.linalg.norm(kernel1) ** 2",
        " + 0.1 * jnp.linalg.norm(kernel1, axis=0).sum()",
        " + 0.1 * jnp.sum(jnp.linalg.norm(kernel2, axis=1, keepdims=True))",
    ],
)
def test_jnp_linalg_norm_is_numpys(extra: str) -> None:
    _both(_NET.format(act="keras.activations.relu(xb @ kernel1, alpha=0.2)", extra=extra), "jnp_norm")


@pytest.mark.parametrize(
    "act, said",
    [
        ("keras.activations.hard_sigmoid(xb @ kernel1)", "hard_sigmoid"),
        ("tf.keras.activations.exponential(xb @ kernel1)", "exponential"),
        ("keras.activations.relu(xb @ kernel1, threshold=0.5)", "threshold"),
        ("keras.activations.relu(xb @ kernel1, alpha=0.1, max_value=6.0)", "max_value"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unread_keras_activations_are_refused_in_one_line(act: str, said: str, lang: str) -> None:
    from derive.locale import catalog

    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_NET.format(act=act, extra=""), "keras_refused")
    text = catalog.localized(err.value, lang)
    assert said in text and "\n" not in text.strip(), text
    assert "Keras" in text and (("不读取" in text) if lang == "zh" else ("not read" in text)), text
