"""Branch heldnets48 (issue 9's held-out course networks, pass 48 of the specs, hn48_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py, whose einops, Paddle and Keras shims follow those
libraries' documentation and source, not derive's reading) and must agree with derive's loss and
every gradient, and ``derive verify`` (PyTorch and finite differences) must pass; the cases are
variants (other names, sizes, values, spellings), not the specs that showed them:

- einops (``einops.einsum(q, s, 'n h, k h -> n k')``, ``einops.reduce(q ** 2, 'n h -> n 1',
  'sum')``, a few-shot course's matching network) was refused ("'einops' is not a tensor of the
  spec nor a module derive reads"): einsum, reduce (sum, mean, max, min, prod) and rearrange of a
  matrix are read; anything else under einops is refused naming what is read;
- Paddle's ``cosine_embedding_loss`` was refused ("is not read: of PaddlePaddle's functions …"):
  read with Paddle's constant 10e-12 added to each squared norm (PyTorch's is 1e-12);
- Keras' ``CategoricalFocalCrossentropy`` was refused: read as Keras 3 defines it (probabilities
  renormalised, clipped to [1e-7, 1 − 1e-7], α = 0.25, γ = 2);
- an ODE solver (``torchdiffeq.odeint``) and a sampler at computed positions (``F.affine_grid``,
  ``F.grid_sample``) were refused by the generic sentence, which cannot be followed for them (or
  at an earlier line): each now has a sentence of its own saying what to give instead.

Found by the hunt for names that mean something else in another library: Paddle's
``cosine_similarity`` (w12 / sqrt(clip(w1·w2, min=eps²)), not PyTorch's per-norm clamp),
``normalize``, ``hinge_embedding_loss`` and ``margin_ranking_loss`` were refused; now read with
Paddle's parameter names and defaults."""

from __future__ import annotations

import numpy as np
import pytest
from test_heldnets21 import _both, _pruned, _refusal

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
x2 = ["N", "d"]
Y = ["N", "C"]
lab = ["N"]
[params]
W = ["d", "C"]
U = ["C", "C"]
b = [1, "C"]
[forward]
{lines}
[values]
x = [[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]]
x2 = [[0.1, 0.4, -0.3], [0.7, -0.6, 0.2], [-0.5, 0.3, 0.8]]
Y = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
lab = [1.0, -1.0, -1.0]
W = [[0.4, -0.5, 0.1], [0.3, 0.6, -0.2], [-0.7, 0.2, 0.5]]
U = [[0.3, -0.2, 0.1], [0.1, 0.4, -0.5], [-0.6, 0.2, 0.3]]
b = [[0.05, -0.1, 0.2]]
"""


def _net(*lines: str) -> str:
    return _pruned(_NET, *lines)


@pytest.mark.parametrize(
    "lines",
    [
        ("z = \"einops.einsum(x, W, 'n d, d c -> n c')\"", 'loss = "F.cross_entropy(z, Y)"'),
        ("r = \"einops.reduce(x @ W, 'n c -> n 1', 'mean')\"", 'loss = "(r ** 2).sum()"'),
        ("r = \"einops.reduce(x @ W, 'n c -> n', 'sum')\"", 'loss = "(r ** 2).mean()"'),
        ("r = \"einops.reduce(torch.tanh(x @ W), 'n c -> 1 c', 'max')\"", 'loss = "(r * b).sum()"'),
        ("r = \"einops.reduce(torch.tanh(x @ W), 'n c -> c', 'min')\"", 'loss = "(r ** 2).sum()"'),
        ("loss = \"einops.reduce(torch.sigmoid(x @ W), 'n c ->', 'sum')\"",),
        ("r = \"einops.reduce(x @ W, 'n c -> n ()', 'mean')\"", 'loss = "(r ** 3).sum()"'),
        ("r = \"einops.rearrange(x @ W, 'n c -> c n') @ x2\"", 'loss = "(r ** 2).sum()"'),
        ("r = \"einops.einsum(x @ W, Y, 'n c, n c -> n')\"", 'loss = "(r ** 2).mean()"'),
        ("r = \"einops.einsum(x, W, U, 'row d, d c, c e -> row e')\"", 'loss = "F.mse_loss(r, Y)"'),
        (
            'q = "torch.tanh(x @ W)"',
            "qn = \"q / einops.reduce(q ** 2, 'n c -> n 1', 'sum') ** 0.5\"",
            "loss = \"-(Y * torch.log_softmax(einops.einsum(qn, qn, 'n c, k c -> n k'), dim=-1)).sum(-1).mean()\"",
        ),
    ],
)
def test_einops_is_read_as_einops_defines_it(lines: tuple[str, ...]) -> None:
    """On 0d7276d8 each was refused: "'einops' is not a tensor of the spec nor a module"."""
    _both(_net(*lines), "einops")


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "r = \"einops.repeat(x @ W, 'n c -> n c k', k=2)\"",
            "einops.repeat() is not read: of einops' functions",
        ),
        (
            "r = \"einops.rearrange(x @ W, 'n c -> (n c)')\"",
            "is read with a pattern of one-word axis names",
        ),
        (
            "r = \"einops.reduce(x @ W, 'n c -> n 1', 'logsumexp')\"",
            "with the reduction written as one of",
        ),
        ("r = \"einops.reduce(x @ W, 'n c -> c n', 'sum')\"", "is read with a pattern"),
        ("r = \"einops.einsum(x, W, 'n d, d c -> n c z')\"", "is read with a pattern"),
        ("r = \"einops.reduce(x @ W, 'n c, k c -> n 1', 'sum')\"", "is read with a pattern"),
    ],
)
def test_unread_einops_is_refused_in_one_sentence_en_and_zh(line: str, said: str) -> None:
    text = _net(line, 'loss = "r.sum()"')
    assert said in _refusal(text, "en")
    assert "einops" in _refusal(text, "zh")


def test_a_tensor_named_einops_is_still_a_tensor() -> None:
    text = _net('einops = "x @ W"', 'loss = "(einops.sum(1) ** 2).mean()"')
    _both(text, "einops-tensor")


@pytest.mark.parametrize(
    "loss",
    [
        "paddle.nn.functional.cosine_embedding_loss(paddle.matmul(x, W), paddle.matmul(x2, W), lab)",
        "paddle.nn.CosineEmbeddingLoss(margin=0.5, reduction='sum')(paddle.tanh(x @ W), x2 @ W, lab)",
        "paddle.nn.functional.cosine_embedding_loss(x @ W, x2 @ W, lab, 0.1, 'none').mean() * 2",
        "paddle.nn.functional.cosine_embedding_loss(x @ W + b, x2 @ W, lab, margin=-0.2)",
        "(paddle.nn.functional.cosine_similarity(x @ W, x2 @ W) * lab).sum()",
        "(paddle.nn.functional.cosine_similarity(x @ W, x2 @ W, axis=0, eps=1e-6) ** 2).sum()",
        "(paddle.nn.functional.normalize(x @ W) * Y).sum()",
        "(paddle.nn.functional.normalize(x @ W, p=1, axis=0) * Y).sum()",
        "paddle.nn.functional.hinge_embedding_loss(paddle.sum(paddle.square(x @ W - x2 @ W), axis=1), lab)",
        "paddle.nn.functional.margin_ranking_loss(paddle.sum(x @ W, axis=1), paddle.sum(x2 @ W, axis=1), lab, margin=0.5)",
    ],
)
def test_paddle_losses_read_as_paddle_defines_them(loss: str) -> None:
    """On 0d7276d8 each was refused ("paddle.nn.functional.… is not read")."""
    _both(_net(f'loss = "{loss}"'), "paddle48")


def test_paddle_cosine_embedding_keeps_paddles_epsilon() -> None:
    """Paddle adds 10e-12 to each squared norm where PyTorch adds 1e-12: derive's forward value is
    Paddle's, against numbers computed here, at rows small enough for the two to differ."""
    text = _net(
        "loss = \"paddle.nn.functional.cosine_embedding_loss((x @ W) * 1e-5, (x2 @ W) * 1e-5, lab, reduction='sum')\""
    )
    d = derive(spec_mod.parse(text, "eps"))
    env = numeric.forward_numeric(d, numeric.example_point(d.graph))
    w = np.array([[0.4, -0.5, 0.1], [0.3, 0.6, -0.2], [-0.7, 0.2, 0.5]])
    a = 1e-5 * np.array([[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]]) @ w
    c = 1e-5 * np.array([[0.1, 0.4, -0.3], [0.7, -0.6, 0.2], [-0.5, 0.3, 0.8]]) @ w

    def cos(eps: float) -> np.ndarray:
        return (a * c).sum(1) / np.sqrt(((a * a).sum(1) + eps) * ((c * c).sum(1) + eps))

    def loss(eps: float) -> float:
        k = cos(eps)
        return float((1 - k[0]) + max(k[1], 0) + max(k[2], 0))

    assert abs(float(env["loss"][0, 0]) - loss(1e-11)) < 1e-12
    assert abs(loss(1e-11) - loss(1e-12)) > 1e-3  # the constants differ here


@pytest.mark.parametrize(
    "loss",
    [
        "tf.keras.losses.CategoricalFocalCrossentropy()(Y, tf.nn.softmax(tf.matmul(x, W)))",
        "tf.reduce_mean(tf.keras.losses.categorical_focal_crossentropy(Y, tf.matmul(x, W), from_logits=True, gamma=1.5))",
        "keras.losses.CategoricalFocalCrossentropy(alpha=0.5, gamma=0.0, from_logits=True)(Y, x @ W)",
        "keras.losses.CategoricalFocalCrossentropy(from_logits=True, reduction='sum')(Y, x @ W + b)",
        "tf.keras.losses.CategoricalFocalCrossentropy()(Y, tf.sigmoid(tf.matmul(x, W)))",
        "tf.keras.losses.CategoricalFocalCrossentropy(alpha=0.25, gamma=2.0, from_logits=True)(Y * 0.9 + 0.1 / 3, x @ W)",
    ],
)
def test_keras_categorical_focal_read_as_keras_defines_it(loss: str) -> None:
    """On 0d7276d8 each was refused ("is read for the classes BinaryCrossentropy, …")."""
    _both(_net(f'loss = "{loss}"'), "focal48")


def test_keras_focal_renormalises_probabilities() -> None:
    """Keras divides y_pred by its row sums before the focal terms: sigmoid outputs (rows not
    summing to 1) give Keras' value, not the one of the unnormalised probabilities."""
    text = _net('loss = "tf.keras.losses.CategoricalFocalCrossentropy()(Y, tf.sigmoid(x @ W))"')
    d = derive(spec_mod.parse(text, "renorm"))
    env = numeric.forward_numeric(d, numeric.example_point(d.graph))
    x = np.array([[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]])
    w = np.array([[0.4, -0.5, 0.1], [0.3, 0.6, -0.2], [-0.7, 0.2, 0.5]])
    y = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    p = 1 / (1 + np.exp(-(x @ w)))

    def focal(q: np.ndarray) -> float:
        return float(np.mean((0.25 * (1 - q) ** 2 * -y * np.log(q)).sum(1)))

    assert abs(float(env["loss"][0, 0]) - focal(p / p.sum(1, keepdims=True))) < 1e-12
    assert abs(focal(p / p.sum(1, keepdims=True)) - focal(p)) > 1e-2


def test_keras_focal_with_label_smoothing_is_refused() -> None:
    text = _net(
        'loss = "keras.losses.CategoricalFocalCrossentropy(from_logits=True, label_smoothing=0.1)(Y, x @ W)"'
    )
    assert "no label_smoothing" in _refusal(text, "en")
    assert "label_smoothing" in _refusal(text, "zh")


@pytest.mark.parametrize(
    ("line", "said", "zh"),
    [
        (
            'h = "torchdiffeq.odeint(lambda t, h: torch.tanh(h @ U), x @ W, torch.tensor([0.0, 1.0]))[-1]"',
            "odeint() is not read: an ODE solver",
            "ODE",
        ),
        (
            'h = "odeint_adjoint(f, x @ W, ts)[-1]"',
            "odeint_adjoint() is not read: an ODE solver",
            "ODE",
        ),
        ('h = "scipy.integrate.solve_ivp(f, (0, 1), x @ W)"', "solve_ivp() is not read", "ODE"),
        (
            'h = "F.grid_sample((x @ W)[None, None], g, align_corners=False)[0, 0]"',
            "grid_sample() is not read: it builds or samples at positions",
            "插值",
        ),
    ],
)
def test_solvers_and_samplers_are_refused_saying_what_to_give(
    line: str, said: str, zh: str
) -> None:
    text = _net(line, 'loss = "h.sum()"')
    en = _refusal(text, "en")
    assert said in en and "Fix:" in en and "[values]" in en
    assert zh in _refusal(text, "zh")


def test_a_tensor_named_like_a_solver_is_not_refused() -> None:
    text = _net('odeint = "x @ W"', 'loss = "(odeint ** 2).sum()"')
    _both(text, "odeint-tensor")


def test_pytorch_cosine_embedding_is_unchanged() -> None:
    _both(_net('loss = "F.cosine_embedding_loss(x @ W, x2 @ W, lab, margin=0.1)"'), "torch-cos")
