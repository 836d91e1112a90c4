"""Branch heldnets47 (issue 9's held-out course networks, pass 47 of the specs, hn47_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py, whose MXNet and Optax shims follow those libraries'
documentation, not derive's reading) and must agree with derive's loss and every gradient, and
``derive verify`` (PyTorch and finite differences) must pass; the cases are variants (other
names, sizes, values, spellings), not the spec that showed them:

- MXNet's NDArray functions (a DDPM noise-prediction loss written ``mx.nd.sqrt``,
  ``mx.nd.dot``, ``mx.nd.relu``, ``mx.nd.mean(mx.nd.square(…))``, an MXNet/Gluon course's
  spelling) were refused ("'mx.nd' … is neither a module derive reads"): ``mx.nd``/``nd``/
  ``mx.ndarray``/``mx.sym`` functions whose MXNet definition is a formula of the language are
  read with MXNet's defaults where they differ from PyTorch's — ``softmax``'s ``axis=-1`` and
  ``temperature``, ``concat``'s ``dim=1``, ``LeakyReLU``'s slope 0.25, ``FullyConnected``'s
  ``[num_hidden, in]`` weight (x @ W.T + b), ``smooth_l1``'s σ (quadratic below 1/σ²) —
  everything else refused naming what is read; the fused output layers (``SoftmaxOutput`` …),
  whose backward is not their forward value's gradient, in a sentence of their own.

Found by the probe of the families after the first pass (~50 spellings) and the hunt:

- ``optax.safe_softmax_cross_entropy``, ``optax.poly_loss_cross_entropy`` (PolyLoss-1:
  CE + ε·Σ labels·(1 − softmax)) and ``optax.perceptron_loss`` were refused; ``optax.losses.<loss>``
  (Optax's documented path) was refused where ``optax.<loss>`` was read;
- ``scipy.optimize.linear_sum_assignment`` (DETR's matching) was refused by the generic "write what
  it computes with the language's functions" sentence, which cannot be followed for a matching:
  it now says the matching is a choice made from the data and to give the matched targets."""

from __future__ import annotations

import numpy as np
import pytest
from test_heldnets21 import _both, _pruned, _refusal

from derive.checker.check import check
from derive.engine.backprop import derive
from derive.lang import spec as spec_mod
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

_NET = """
[dims]
N = 3
d = 3
C = 3
[inputs]
x = ["N", "d"]
Y = ["N", "C"]
m = ["N", 1]
[params]
W = ["d", "C"]
Wf = ["C", "d"]
bf = ["C"]
U = ["C", "C"]
V = ["d", 1]
[forward]
{lines}
[values]
x = [[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]]
Y = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
m = [[1.0], [1.0], [0.0]]
W = [[0.4, -0.5, 0.1], [0.3, 0.6, -0.2], [-0.7, 0.2, 0.5]]
Wf = [[0.2, -0.4, 0.6], [0.5, 0.1, -0.3], [-0.2, 0.7, 0.4]]
bf = [0.05, -0.1, 0.2]
U = [[0.3, -0.2, 0.1], [0.1, 0.4, -0.5], [-0.6, 0.2, 0.3]]
V = [[0.6], [-0.3], [0.2]]
"""


def _net(*lines: str) -> str:
    return _pruned(_NET, *lines)


@pytest.mark.parametrize(
    "lines",
    [
        ('xt = "mx.nd.sqrt(0.64) * x + mx.nd.sqrt(1 - 0.64) * Y"',
         'h = "mx.nd.relu(mx.nd.dot(xt, W))"', 'loss = "mx.nd.mean(mx.nd.square(h - Y))"'),
        ('h = "nd.FullyConnected(x, Wf, bf, num_hidden=3)"',
         'loss = "-nd.mean(nd.sum(Y * nd.log_softmax(h), axis=1))"'),
        ('h = "mx.nd.FullyConnected(data=x, weight=Wf, no_bias=True, num_hidden=3)"',
         'loss = "nd.mean(nd.square(nd.Activation(h, act_type=\'softrelu\') - Y))"'),
        ('p = "mx.nd.softmax(mx.nd.dot(x, W), temperature=2.0)"',
         'loss = "-mx.nd.mean(mx.nd.sum(Y * mx.nd.log(p), axis=1))"'),
        ('p = "mx.nd.softmax(mx.nd.dot(x, W), axis=0)"',
         'loss = "-mx.nd.mean(mx.nd.sum(Y * mx.nd.log(p), axis=1))"'),
        ('h = "mx.nd.LeakyReLU(mx.nd.dot(x, W))"', 'loss = "mx.nd.mean(mx.nd.square(h - Y))"'),
        ('h = "mx.nd.LeakyReLU(mx.nd.dot(x, W), act_type=\'elu\', slope=0.5)"',
         'loss = "mx.nd.mean(mx.nd.abs(h - Y))"'),
        ('h = "mx.nd.dot(x, Wf, transpose_b=True)"',
         'loss = "mx.nd.mean(mx.nd.smooth_l1(h - Y, scalar=2.0))"'),
        ('h = "mx.nd.dot(x, W)"', 'loss = "mx.nd.mean(mx.nd.smooth_l1(h - Y))"'),
        ('h = "mx.nd.linalg.gemm2(x, W, alpha=0.5)"',
         'loss = "mx.nd.mean(mx.nd.square(mx.nd.tanh(h) - Y))"'),
        ('h = "mx.nd.dot(x, W)"', 'loss = "mx.nd.mean(mx.nd.norm(h, axis=1))"'),
        ('h = "mx.nd.concat(mx.nd.dot(x, W), mx.nd.dot(x, U.T @ W.T))"',
         'loss = "mx.nd.mean(mx.nd.square(mx.nd.dot(h, mx.nd.concat(U, W, dim=0))))"'),
        ('h = "mx.nd.clip(mx.nd.dot(x, W), -0.3, 0.3)"', 'loss = "mx.nd.mean(mx.nd.square(h - Y))"'),
        ('h = "mx.nd.sigmoid(mx.nd.dot(x, V))"',
         'loss = "-mx.nd.mean(m * mx.nd.log(h) + (1 - m) * mx.nd.log(1 - h))"'),
        ('h = "mx.sym.Activation(mx.sym.dot(x, W), act_type=\'tanh\')"',
         'loss = "mx.sym.mean(mx.sym.square(h - Y))"'),
        ('h = "mx.nd.transpose(mx.nd.dot(x, W))"',
         'loss = "mx.nd.mean(mx.nd.power(h, 2)) + mx.nd.sum(mx.nd.broadcast_mul(h, h), axis=0, keepdims=True).mean()"'),
    ],
)
def test_mxnet_is_read_as_mxnet_defines_it(lines: tuple[str, ...]) -> None:
    """On 6b46924e each was refused: "'mx.nd' in mx.nd.….(…) is neither a module derive reads"."""
    _both(_net(*lines), "mxnet")


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (('h = "mx.nd.LeakyReLU(mx.nd.dot(x, W), act_type=\'prelu\', gamma=bf)"', 'loss = "mx.nd.mean(h)"'),
         "is not read with act_type='prelu'"),
        (('h = "mx.nd.dot(x, W)"', 'loss = "mx.nd.mean(mx.nd.SoftmaxOutput(h, Y))"'),
         "send back the gradient of a loss they never compute"),
        (('h = "mx.nd.dot(x, W)"', 'loss = "mx.nd.mean(mx.nd.max(h, axis=1))"'),
         "mx.nd.max() is not read: of MXNet's NDArray functions derive reads"),
        (('h = "mx.nd.dot(x, W)"', 'loss = "mx.nd.mean(mx.nd.sum(h, axis=(0, 1)))"'),
         "is read along one axis written as a whole number"),
        (('h = "mx.nd.Activation(mx.nd.dot(x, W), act_type=\'swish\')"', 'loss = "mx.nd.mean(h)"'),
         "is not read with act_type='swish'"),
    ],
)
def test_unread_mxnet_is_refused_in_one_sentence_en_and_zh(lines: tuple[str, ...], said: str) -> None:
    assert said in _refusal(_net(*lines), "en")
    zh = _refusal(_net(*lines), "zh")
    assert "mx.nd" in zh and "不读取" in zh or "只沿" in zh


def test_a_tensor_named_nd_is_still_a_tensor() -> None:
    """``nd`` is MXNet's module only when no tensor or line has the name."""
    text = _net('nd = "x @ W"', 'loss = "(nd.sum(1) ** 2).mean()"')
    _both(text, "nd-tensor")


@pytest.mark.parametrize(
    "loss",
    [
        "jnp.mean(optax.safe_softmax_cross_entropy(x @ W, Y))",
        "jnp.mean(optax.losses.safe_softmax_cross_entropy(x @ W, Y * 0.8 + 0.2 / 3))",
        "jnp.mean(optax.poly_loss_cross_entropy(x @ W, Y))",
        "jnp.mean(optax.poly_loss_cross_entropy(x @ W, Y * 0.8 + 0.2 / 3, epsilon=-1.0))",
        "optax.losses.poly_loss_cross_entropy(logits=x @ W, labels=Y, epsilon=0.5).mean()",
        "jnp.mean(optax.perceptron_loss(x @ V, 2 * m - 1))",
        "jnp.mean(optax.losses.softmax_cross_entropy(x @ W, Y))",
        "jnp.mean(optax.losses.huber_loss(x @ W, Y, delta=0.5))",
    ],
)
def test_optax_losses_read_as_optax_defines_them(loss: str) -> None:
    """On 6b46924e each was refused ("optax.… is not read")."""
    _both(_net(f'loss = "{loss}"'), "optax47")


def test_poly_loss_along_another_axis_is_refused() -> None:
    said = _refusal(_net('loss = "jnp.mean(optax.poly_loss_cross_entropy(x @ W, Y, axis=0))"'), "en")
    assert "along the last axis only" in said


@pytest.mark.parametrize("call", ["scipy.optimize.linear_sum_assignment(cost)", "linear_sum_assignment(cost)"])
def test_a_matching_solver_is_refused_saying_what_to_give(call: str) -> None:
    text = _net('cost = "torch.cdist(torch.sigmoid(x @ W), Y)"', f'match = "{call}"',
                'loss = "match.sum()"')
    en = _refusal(text, "en")
    assert "chooses a one-to-one matching" in en and "matched order" in en
    assert "匹配" in _refusal(text, "zh")


def test_mxnet_defaults_are_mxnets_not_pytorchs() -> None:
    """MXNet's LeakyReLU slope defaults to 0.25 (PyTorch's leaky_relu to 0.01) and concat's axis
    to 1 (torch.cat's to 0): derive's forward value is MXNet's, against numbers computed here."""
    text = _net('h = "mx.nd.LeakyReLU(mx.nd.dot(x, W))"', 'c = "mx.nd.concat(h, x)"',
                'loss = "mx.nd.sum(c)"')
    d = derive(spec_mod.parse(text, "defaults"))
    env = numeric.forward_numeric(d, numeric.example_point(d.graph))
    x = np.array([[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]])
    w = np.array([[0.4, -0.5, 0.1], [0.3, 0.6, -0.2], [-0.7, 0.2, 0.5]])
    h = x @ w
    assert env["c"].shape == (3, 6)
    want = np.where(h > 0, h, 0.25 * h).sum() + x.sum()
    assert abs(float(env["loss"][0, 0]) - want) < 1e-12
    assert abs(want - (np.where(h > 0, h, 0.01 * h).sum() + x.sum())) > 0.05  # the defaults differ here


@pytest.mark.parametrize(
    ("name", "tex"),
    [
        ("eps_hat", r"\frac{2}{N d} \hat{\varepsilon}"),
        ("epsilon_hat", r"\frac{2}{N d} \hat{\epsilon}"),
        ("mu_hat", r"\frac{2}{N d} \hat{\mu}"),
        ("mu_hat", r"\frac{2}{N d} \boldsymbol{\hat{\mu}}"),
    ],
)
def test_check_reads_a_hatted_greek_letter_as_the_networks_name(tmp_path, name: str, tex: str) -> None:
    r"""The walkthrough of hn47's DDPM spec prints its ``eps_hat`` as ``\hat{\varepsilon}``; the
    checker refused that LaTeX ("expected a name inside \hat{…}, found '\varepsilon'"), so its
    own formula came back unread. ∂L/∂(name) of mean(name²) over an [N, d] matrix is
    2/(N·d)·name (the checker wants the sizes named)."""
    spec = tmp_path / "hat.toml"
    spec.write_text(f"""
[dims]
N = 3
d = 2
[inputs]
x = ["N", "d"]
[params]
W = ["d", "d"]
[forward]
{name} = "x @ W"
loss = "torch.mean({name} ** 2)"
[values]
x = [[0.5, -0.3], [1.0, 0.8], [-0.7, 0.2]]
W = [[0.4, -0.6], [0.3, 0.9]]
""")
    right = check(str(spec), "W", r"x^\top " + tex, latex=True)
    assert right.ok, right
    wrong = check(str(spec), "W", r"x^\top " + tex.replace("{2}", "{1}"), latex=True)
    assert not wrong.ok
