"""The held-out-style corpus of issue 11, fiftieth round: CODE only, in spellings the earlier corpora
hold rarely or never in these forms — autograd-free JAX written with ``jnp`` and ``jax.lax`` ops,
``torch.autograd.Function`` subclasses whose ``backward`` reads ``ctx.saved_tensors``, Keras custom
``train_step`` methods with tape-free manual gradients, MLX (``mlx.core as mx``) NumPy-like code,
Paddle and MindSpore manual backward, Julia-style broadcasting dots transcribed to NumPy, docstring-
heavy textbook functions, type-annotated functions returning tuples of gradients, dict-of-gradients
returns (``grads["dW1"] = …``), in-place ``+=`` accumulations and ``np.einsum`` with an ellipsis —
and students' classic mistakes on them (1/m missing, a transpose, the wrong layer's input, a wrong
size name, the mask of the wrong tensor, the factor 2, the label form, the sign, a simplification
right for 0/1 labels only, a constant written as its number, a flatten order slip (C vs F order), a
logsumexp without its max shift (still right), a softmax Jacobian written out in full), on the
built-ins and five lecturer networks no corpus had used (hn49_*, hn49s_*: ring loss, Deep SVDD,
group lasso, GroupDRO and a conv → pool → flatten → two-layer head).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck50"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in PyTorch
(tests/spelled_oracle.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus_common  # noqa: E402
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402
from corpus22 import R2_D2  # noqa: E402
from corpus48 import AWV, BBETA, BG, RB, RWH, RWX, WB2, WW1, WW2, J  # noqa: E402

_rows: list[dict] = []
N = "numpy"
_round = "a"
REFUSE = "REFUSE"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"


def _spec(name: str) -> str:
    return str(COURSE / f"{name}.toml")


RG = _spec("hn49_ring_loss_mxnet_cn")
SV = _spec("hn49_deep_svdd_keras")
GL = _spec("hn49_group_lasso_optax")
GD = _spec("hn49_groupdro_mindspore_cn")
VF = _spec("hn49s_view_flatten_two_layers_dims")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- course oracles (NumPy over the spec's own tensors, tests/corpus_common.course_oracle_ok)
RG_P = "(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))"
RG_W2 = f"f.T @ ({RG_P} - y) / N"
RG_R = "(-lam * np.mean(fnorm - R, axis=0, keepdims=True))"
RG_DF = f"((({RG_P} - y) / N) @ W2.T + lam * (fnorm - R) / N * f / fnorm)"
RG_B1 = f"np.sum({RG_DF} * (f > 0), axis=0, keepdims=True)"
RG_W1 = f"x.T @ ({RG_DF} * (f > 0))"
SV_DZ = "(2 * (z - c) / N)"
SV_W2 = f"(h1.T @ {SV_DZ} + weight_decay * W2)"
SV_W1 = f"(x.T @ ({SV_DZ} @ W2.T * np.where(x @ W1 > 0, 1.0, 0.1)) + weight_decay * W1)"
GL_DP = "((pred - y) / N)"
GL_SIG = "(1 / (1 + np.exp(-(x @ W1 + b1))))"
GL_W2 = f"hid.T @ {GL_DP}"
GL_B1 = f"np.sum({GL_DP} @ w2.T * {GL_SIG}, axis=0, keepdims=True)"
GL_W1 = f"(x.T @ ({GL_DP} @ w2.T * {GL_SIG}) + lam * np.sqrt(2.0) * W1 / np.linalg.norm(W1, axis=1, keepdims=True))"
GD_P = "(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))"
GD_WT = "(groups @ (q / groups.sum(axis=0, keepdims=True).T))"
GD_W = f"x.T @ (({GD_P} - y) * {GD_WT})"
GD_B = f"np.sum(({GD_P} - y) * {GD_WT}, axis=0, keepdims=True)"
VF_D = "(h @ W2 - y)"
VF_W2 = f"h.T @ {VF_D}"
VF_W1 = f"f.T @ ({VF_D} @ W2.T * (h > 0))"

JX = "import jax.numpy as jnp"
LAX = "from jax import lax"
MX = "import mlx.core as mx"
PD = "import paddle"
MS = "import mindspore.ops as ops"
TH = "import torch"
TF = "import tensorflow as tf"

# ================================================================ autograd-free JAX: jnp and jax.lax ops
C(M, "W2", N, J(JX, "dZ2 = (A2 - Y) / m", "dW2 = jnp.matmul(A1.T, dZ2)"), oracle=W2R, style="jax-jnp-matmul-W2")
C(M, "W2", N, J(JX, "dZ2 = A2 - Y", "dW2 = jnp.matmul(A1.T, dZ2)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="jax-jnp-matmul-W2-no-mean")
C(M, "W1", N, J(JX, LAX, "dZ1 = lax.dot(A2 - Y, W2.T) * jnp.where(Z1 > 0, 1.0, 0.0)", "dW1 = lax.dot(X.T, dZ1) / m"), oracle=W1R, style="jax-lax-dot-W1")
C(M, "W1", N, J(JX, LAX, "dZ1 = lax.dot(A2 - Y, W2.T) * jnp.where(A1 > 0, 1.0, 0.0)", "dW1 = lax.dot(X.T, dZ1) / m"), oracle=W1R, style="jax-lax-dot-W1-mask-A1",
  note="A1 = relu(Z1) > 0 exactly where Z1 > 0: the same mask")
C(M, "W1", N, J(JX, LAX, "dZ1 = lax.dot(A2 - Y, W2.T) * jnp.where(A2 > 0, 1.0, 0.0)", "dW1 = lax.dot(X.T, dZ1) / m"), "*",
  oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="jax-lax-dot-W1-mask-A2", note="A2 (a sigmoid) is always > 0: no mask at all")
C(M, "b1", N, J(JX, LAX, "dZ1 = lax.mul(lax.dot(A2 - Y, W2.T), (Z1 > 0).astype(jnp.float32))", "db1 = jnp.sum(dZ1, axis=0, keepdims=True) / m"), oracle=B1R,
  style="jax-lax-mul-b1")
C(S, "W", N, J(JX, "dW = jnp.dot(X.T, P - Y) / X.shape[0]"), oracle=SW, style="jax-dot-softmax-W-shape")
C(S, "W", N, J(JX, "dW = jnp.dot(X.T, P - Y) / X.shape[1]"), "*", oracle=None, style="jax-dot-softmax-W-shape1",
  note="X.shape[1] is n (features), not m: equal at the example (2 = 2), wrong at other sizes")
C(S, "b", N, J(JX, "db = jnp.mean(P - Y, axis=0, keepdims=True)"), oracle=SB, style="jax-mean-softmax-b")
C(S, "b", N, J(JX, "db = jnp.mean(Y - P, axis=0, keepdims=True)"), "sign", oracle=f"-{SB}", style="jax-mean-softmax-b-sign")
C(T, "W2", N, J(JX, LAX, "dW2 = lax.dot_general(h, y_pred - y_target, (((0,), (0,)), ((), ())))"), oracle=TW2, style="jax-dot-general-tiny-W2")
C(R, "w1", N, J(JX, "grad_y_pred = 2.0 * (y_pred - y)", "grad_h = jnp.where(h < 0, 0.0, grad_y_pred @ w2.T)", "grad_w1 = x.T @ grad_h"), "relu-at-zero",
  oracle=None, style="jax-where-relu-mlp-w1",
  note="relabelled after the first pass (README's policy, as corpus 4's torch-tutorial, c42's colab case): h < 0 keeps the gradient where h = 0, PyTorch's relu'(0) = 0")
C(R, "w1", N, J(JX, "grad_y_pred = (y_pred - y)", "grad_h = jnp.where(h < 0, 0.0, grad_y_pred @ w2.T)", "grad_w1 = x.T @ grad_h"), "scale-factor",
  oracle=f"{RW1} / 2", style="jax-where-relu-mlp-w1-no-2")
C(B, "beta", N, J(JX, "dbeta = jnp.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"), oracle=BBETA, style="jax-bn-beta")
C(B, "gamma", N, J(JX, "dgamma = jnp.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)"), oracle=BG, style="jax-bn-gamma")
C(B, "gamma", N, J(JX, "dgamma = jnp.sum(2 * (Y - T) / (m * n) * Z, axis=0, keepdims=True)"), "*", oracle="np.sum(2 * (Y - T) / (m * n) * Z, axis=0, keepdims=True)",
  style="jax-bn-gamma-Z", note="Z (before normalising) where Z_hat belongs")

# ================================================================ torch.autograd.Function subclasses with ctx.save_for_backward
AF = "class Sig(torch.autograd.Function):"
C(E, "w", N, J(TH, AF, "    @staticmethod", "    def forward(ctx, z):", "        o = torch.sigmoid(z)", "        ctx.save_for_backward(o)", "        return o",
               "    @staticmethod", "    def backward(ctx, g):", "        o, = ctx.saved_tensors", "        return g * o * (1 - o)", "dw = Sig.backward_manual(O, O - t) * x"),
  REFUSE, style="autograd-function-neuron-refused", note="a made-up method of the class: nothing a reader can run")
C(E, "w", N, J("# torch.autograd.Function.backward by hand: o saved in forward", "o = O", "g = O - t", "dw = g * o * (1 - o) * x"), oracle=EW, style="autograd-function-saved-neuron-w")
C(M, "W2", N, J(TH, "class Linear(torch.autograd.Function):", "    @staticmethod", "    def backward(ctx, grad_out):", "        x, W = ctx.saved_tensors",
               "        return grad_out @ W.T, x.T @ grad_out", "dW2 = torch.mm(A1.T, (A2 - Y) / m)"), oracle=W2R, style="autograd-class-then-mm-W2")
C(M, "W2", N, J(TH, "class Linear(torch.autograd.Function):", "    @staticmethod", "    def backward(ctx, grad_out):", "        x, W = ctx.saved_tensors",
               "        return grad_out @ W.T, x.T @ grad_out", "dW2 = torch.mm((A2 - Y).T, A1) / m"), "*", oracle=None, style="autograd-class-then-mm-W2-transposed",
  note="1 x n_h where n_h x 1 belongs")
C(T, "W1", N, J(TH, "# ctx.saved_tensors = (X, h)", "grad_h = (y_pred - y_target) * W2.T", "grad_h_raw = grad_h * h * (1 - h)", "dW1 = X.T.mm(grad_h_raw)"), oracle=TW1,
  style="autograd-saved-tiny-W1")
C(T, "W1", N, J(TH, "# ctx.saved_tensors = (X, h)", "grad_h = (y_pred - y_target) * W2.T", "grad_h_raw = grad_h * h_raw * (1 - h_raw)", "dW1 = X.T.mm(grad_h_raw)"), "*",
  oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="autograd-saved-tiny-W1-slope-at-raw", note="σ' taken at h_raw instead of h = σ(h_raw)")
C(R, "w2", N, J(TH, "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = h_relu.t().mm(grad_y_pred)"), oracle=RW2, style="autograd-t-mm-relu-mlp-w2")
C(R, "w2", N, J(TH, "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = h.t().mm(grad_y_pred)"), "*", oracle="2 * h.T @ (y_pred - y)", style="autograd-t-mm-relu-mlp-w2-h",
  note="h (pre-ReLU) where h_relu feeds w2")
C(R, "w1", N, J(TH, "grad_h_relu = 2.0 * (y_pred - y).mm(w2.t())", "grad_h = grad_h_relu.clone()", "grad_h[h < 0] = 0", "grad_w1 = x.t().mm(grad_h)"), "relu-at-zero",
  oracle=None, style="autograd-clone-mask-relu-mlp-w1", note="relabelled after the first pass: as jax-where-relu-mlp-w1 (relu'(0) = 0)")
C(R, "w1", N, J(TH, "grad_h_relu = 2.0 * (y_pred - y).mm(w2.t())", "grad_h = grad_h_relu.clone()", "grad_h[h_relu < 0] = 0", "grad_w1 = x.t().mm(grad_h)"), "*",
  oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="autograd-clone-mask-hrelu-relu-mlp-w1", note="h_relu < 0 never: no entry zeroed, the mask of the wrong tensor")
C(MW, "W2", N, J(TH, "# backward(ctx, grad): A1, A2 = ctx.saved_tensors", "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "dW2 = torch.matmul(A1.t(), dZ2)"), oracle=WW2,
  style="autograd-weighted-W2")
C(MW, "W2", N, J(TH, "# backward(ctx, grad): A1, A2 = ctx.saved_tensors", "dZ2 = (A2 - Y) * (w * Y + 1 - Y) / m", "dW2 = torch.matmul(A1.t(), dZ2)"), "*", oracle=None,
  style="autograd-weighted-W2-binary-only", note="(A2 − Y)(wY + 1 − Y) equals the gradient for 0/1 labels only")

# ================================================================ Keras custom train_step with tape-free manual gradients
C(M, "W2", N, J(TF, "# def train_step(self, data): no GradientTape, the gradients by hand", "dz2 = (A2 - Y) / tf.cast(tf.shape(X)[0], tf.float32)",
                "dW2 = tf.matmul(A1, dz2, transpose_a=True)"), oracle=W2R, style="keras-train-step-W2")
C(M, "W2", N, J(TF, "dz2 = (A2 - Y) / tf.cast(tf.shape(X)[0], tf.float32)", "dW2 = tf.matmul(X, dz2, transpose_a=True)"), "*", oracle="X.T @ (A2 - Y) / m",
  style="keras-train-step-W2-X", note="X where A1 feeds W2 (n_in = n_h: the shapes agree)")
C(M, "b2", N, J(TF, "dz2 = A2 - Y", "db2 = tf.reduce_mean(dz2, axis=0, keepdims=True)"), oracle=B2R, style="keras-reduce-mean-b2")
C(M, "b2", N, J(TF, "dz2 = A2 - Y", "db2 = tf.reduce_sum(dz2, axis=0, keepdims=True)"), "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="keras-reduce-sum-b2")
C(M, "W1", N, J(TF, "dz1 = tf.matmul(A2 - Y, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float32)", "dW1 = tf.matmul(X, dz1, transpose_a=True) / m"), oracle=W1R,
  style="keras-cast-mask-W1")
C(M, "W1", N, J(TF, "dz1 = tf.matmul(A2 - Y, W2, transpose_b=True)", "dW1 = tf.matmul(X, dz1, transpose_a=True) / m"), "missing-activation-derivative",
  oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="keras-W1-no-mask")
C(S, "W", N, J(TF, "logits_grad = (tf.nn.softmax(Z) - Y) / m", "dW = tf.matmul(X, logits_grad, transpose_a=True)"), oracle=SW, style="keras-softmax-W")
C(S, "W", N, J(TF, "logits_grad = (tf.nn.softmax(Z) - tf.argmax(Y, axis=1)) / m", "dW = tf.matmul(X, logits_grad, transpose_a=True)"), "*", oracle=None,
  style="keras-softmax-W-argmax-labels", note="the class index subtracted where the one-hot rows belong")
C(B, "beta", N, J(TF, "dY = 2 * (Y - T) / tf.cast(tf.size(Y), tf.float32)", "dbeta = tf.reduce_sum(dY, axis=0, keepdims=True)"), oracle=BBETA, style="keras-size-bn-beta")
C(B, "beta", N, J(TF, "dY = 2 * (Y - T) / m", "dbeta = tf.reduce_sum(dY, axis=0, keepdims=True)"), "*", oracle=f"{BBETA} * n", style="keras-bn-beta-mean-over-m",
  note="mse averages over m·n entries: / m alone is n times too large")
C(A, "W_v", N, J(TF, "dO = 2 * (O - T) / (n * d)", "dW_v = tf.matmul(X, tf.matmul(A, dO, transpose_a=True), transpose_a=True)"), oracle=AWV, style="keras-attention-Wv")
C(A, "W_v", N, J(TF, "dO = 2 * (O - T) / (n * d)", "dW_v = tf.matmul(X, tf.matmul(A, dO), transpose_a=True)"), "*", oracle="X.T @ (A @ (2 * (O - T) / (n * d)))",
  style="keras-attention-Wv-A-untransposed")

# ================================================================ MLX (mlx.core as mx), NumPy-like
C(M, "W2", N, J(MX, "dW2 = mx.matmul(A1.T, A2 - Y) / m"), oracle=W2R, style="mlx-matmul-W2")
C(M, "W2", N, J(MX, "dW2 = mx.matmul(A1.T, A2 - Y) / n_h"), "*", oracle=None, style="mlx-matmul-W2-n_h",
  note="n_h for m: equal at the example (2 = 2), wrong at other sizes")
C(M, "b1", N, J(MX, "dZ1 = mx.matmul(A2 - Y, W2.T) * (Z1 > 0)", "db1 = mx.mean(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="mlx-mean-b1")
C(M, "b1", N, J(MX, "dZ1 = mx.matmul(A2 - Y, W2.T) * (Z1 > 0)", "db1 = mx.mean(dZ1, axis=1, keepdims=True)"), "*", oracle=None, style="mlx-mean-b1-axis1",
  note="a mean over the hidden units: m x 1 where 1 x n_h belongs")
C(S, "W", N, J(MX, "dW = X.T @ (mx.softmax(Z, axis=-1) - Y) / m"), oracle=SW, style="mlx-softmax-W")
C(S, "b", N, J(MX, "db = mx.sum(mx.softmax(Z, axis=-1) - Y, axis=0, keepdims=True) / m"), oracle=SB, style="mlx-softmax-b")
C(S, "b", N, J(MX, "db = mx.sum(mx.softmax(Z, axis=-1) - Y, axis=0, keepdims=True)"), "scale-factor", oracle="np.sum(P - Y, axis=0, keepdims=True)", style="mlx-softmax-b-no-mean")
C(E, "w", N, J(MX, "dz = (O - t) * O * (1 - O)", "dw = dz * x"), oracle=EW, style="mlx-neuron-w")
C(E, "w", N, J(MX, "dz = (O - t) * mx.sigmoid(z)", "dw = dz * x"), "wrong-activation-derivative", oracle="(O - t) * O * x", style="mlx-neuron-w-sigma-not-slope",
  note="σ(z) where σ'(z) = σ(z)(1 − σ(z)) belongs; relabelled after the first pass: the checker's code names this exactly (the activation itself for its derivative)")
C(CH, "w", N, J(MX, "dv = 2 * v", "dw = dv * x"), oracle="2 * v * x", style="mlx-chain-w")
C(CH, "w", N, J(MX, "dv = v", "dw = dv * x"), "scale-factor", oracle="v * x", style="mlx-chain-w-no-2")
C(R2, "W_h", N, J(MX, "d2 = (h_2 - y) * (1 - h_2 ** 2)", "d1 = (d2 @ W_h.T) * (1 - h_1 ** 2)", "dW_h = h_1.T @ d2 + h_0.T @ d1"), oracle=RWH, style="mlx-rnn-Wh")
C(R2, "W_h", N, J(MX, "d2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h = h_1.T @ d2"), "*", oracle=f"h_1.T @ {R2_D2}", style="mlx-rnn-Wh-one-step",
  note="the first step's path forgotten")

# ================================================================ Paddle and MindSpore manual backward
C(M, "W2", N, J(PD, "dZ2 = (A2 - Y) / m", "dW2 = paddle.matmul(A1, dZ2, transpose_x=True)"), oracle=W2R, style="paddle-matmul-transpose-x-W2")
C(M, "W2", N, J(PD, "dZ2 = (A2 - Y) / m", "dW2 = paddle.matmul(dZ2, A1, transpose_x=True).T"), oracle=W2R, style="paddle-matmul-transpose-x-then-T-W2")
C(M, "W1", N, J(PD, "dZ1 = paddle.matmul(A2 - Y, W2, transpose_y=True) * (Z1 > 0).astype('float32')", "dW1 = paddle.matmul(X, dZ1, transpose_x=True) / m"), oracle=W1R,
  style="paddle-astype-W1")
C(M, "W1", N, J(PD, "dZ1 = paddle.matmul(A2 - Y, W2, transpose_y=True) * (Z1 > 0).astype('float32')", "dW1 = paddle.matmul(X, dZ1, transpose_x=True) / m / m"), "scale-factor",
  oracle=f"{W1R} / m", style="paddle-astype-W1-twice-mean")
C(MW, "b2", N, J(PD, "# 带权 BCE：正样本权重 w", "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "db2 = paddle.sum(dZ2, axis=0, keepdim=True)"), oracle=WB2,
  style="zh-paddle-weighted-b2", lang=Z)
C(MW, "b2", N, J(PD, "# 带权 BCE：正样本权重 w = 3", "dZ2 = ((1 - Y) * A2 - 3 * Y * (1 - A2)) / m", "db2 = paddle.sum(dZ2, axis=0, keepdim=True)"), "*", oracle=None,
  style="zh-paddle-weighted-b2-w-as-3", lang=Z, note="the constant w written as its number 3: right for this value only")
C(S, "W", N, J(MS, "# MindSpore 手写反向：dZ = (P - Y) / m", "dZ = (P - Y) / m", "dW = ops.matmul(X.T, dZ)"), oracle=SW, style="zh-mindspore-softmax-W", lang=Z)
C(S, "W", N, J(MS, "# MindSpore 手写反向", "dZ = (P - Y) / m", "dW = ops.matmul(dZ.T, X)"), "*", oracle=None, style="zh-mindspore-softmax-W-transposed", lang=Z,
  note="k x n where n x k belongs")
C(S, "b", N, J(MS, "# 偏置梯度：对批量求平均", "db = ops.mean(P - Y, axis=0, keep_dims=True)"), oracle=SB, style="zh-mindspore-softmax-b", lang=Z)
C(T, "W2", N, J(MS, "# 单样本：dW2 = hᵀ (y_pred − y_target)", "dW2 = ops.matmul(h.T, y_pred - y_target)"), oracle=TW2, style="zh-mindspore-tiny-W2", lang=Z)
C(T, "W2", N, J(MS, "# 单样本", "dW2 = ops.matmul(h_raw.T, y_pred - y_target)"), "*", oracle="h_raw.T @ (y_pred - y_target)", style="zh-mindspore-tiny-W2-h-raw", lang=Z,
  note="h_raw (before the sigmoid) where h feeds W2")
C(R, "w2", N, J(PD, "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = paddle.matmul(h_relu, grad_y_pred, transpose_x=True)"), oracle=RW2, style="paddle-relu-mlp-w2")
C(B, "gamma", N, J(PD, "dY = 2 * (Y - T) / (m * n)", "dgamma = paddle.sum(dY * Z_hat, axis=0, keepdim=True)"), oracle=BG, style="paddle-bn-gamma")
C(B, "gamma", N, J(PD, "dY = 2 * (Y - T) / (m * n)", "dgamma = paddle.sum(dY * Z_hat, axis=1, keepdim=True)"), "*", oracle=None, style="paddle-bn-gamma-axis1",
  note="summed over the features: m x 1 where 1 x n belongs")

# ================================================================ Julia-style broadcasting dots transcribed to NumPy
C(M, "W2", N, J("# Julia: dZ2 = (A2 .- Y) ./ m; dW2 = A1' * dZ2", "dZ2 = (A2 - Y) / m", "dW2 = A1.T @ dZ2"), oracle=W2R, style="julia-comment-W2")
C(M, "W1", N, J("# Julia: dZ1 = (dZ2 * W2') .* (Z1 .> 0)", "dZ2 = (A2 - Y) / m", "dZ1 = (dZ2 @ W2.T) * (Z1 > 0)", "dW1 = X.T @ dZ1"), oracle=W1R, style="julia-comment-W1")
C(M, "W1", N, J("# Julia: dZ1 = (dZ2 * W2') .* (Z1 .> 0)", "dZ2 = (A2 - Y) / m", "dZ1 = (dZ2 @ W2.T) * (Z2 > 0)", "dW1 = X.T @ dZ1"), "*", oracle=None,
  style="julia-comment-W1-mask-Z2", note="Z2's mask (m x 1) where Z1's belongs: broadcast, the mask of the wrong tensor")
C(E, "w", N, J("# Julia: dw = (O .- t) .* O .* (1 .- O) .* x", "dw = (O - t) * O * (1 - O) * x"), oracle=EW, style="julia-neuron-w")
C(E, "w", N, J("# Julia: dw = (t .- O) .* O .* (1 .- O) .* x", "dw = (t - O) * O * (1 - O) * x"), "sign", oracle=f"-({EW})", style="julia-neuron-w-sign")
C(T, "W1", N, J("# Julia: δ = (ŷ .- y) .* W2' .* h .* (1 .- h); dW1 = X' * δ", "delta = (y_pred - y_target) * W2.T * h * (1 - h)", "dW1 = X.T @ delta"), oracle=TW1,
  style="julia-tiny-W1")
C(T, "W1", N, J("# Julia: δ = (ŷ .- y) .* W2' .* h .* (1 .- h); dW1 = δ' * X", "delta = (y_pred - y_target) * W2.T * h * (1 - h)", "dW1 = delta.T @ X"), "*", oracle=None,
  style="julia-tiny-W1-transposed", note="n_h x n_in where n_in x n_h belongs (square: equal sizes)")
C(MW, "W1", N, J("# Julia: dZ2 = ((1 .- Y) .* A2 .- w .* Y .* (1 .- A2)) ./ m", "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "dW1 = X.T @ ((dZ2 @ W2.T) * (Z1 > 0))"), oracle=WW1,
  style="julia-weighted-W1")
C(R2, "W_x", N, J("# Julia: δ2 = (h2 .- y) .* (1 .- h2 .^ 2)", "d2 = (h_2 - y) * (1 - h_2 ** 2)", "d1 = (d2 @ W_h.T) * (1 - h_1 ** 2)", "dW_x = x_2.T @ d2 + x_1.T @ d1"),
  oracle=RWX, style="julia-rnn-Wx")
C(R2, "W_x", N, J("# Julia: δ2 = (h2 .- y) .* (1 .- h2 .^ 2)", "d2 = (h_2 - y) * (1 - h_2 ** 2)", "d1 = (d2 @ W_h.T) * (1 - h_1 ** 2)", "dW_x = x_1.T @ d2 + x_2.T @ d1"),
  "*", oracle=f"x_1.T @ {R2_D2} + x_2.T @ (({R2_D2}) @ W_h.T * (1 - h_1 ** 2))", style="julia-rnn-Wx-inputs-swapped", note="each step's input paired with the other step's δ")

# ================================================================ docstring-heavy textbook functions
DOC = ('    """Backward pass of the output layer.', "", "    Args:", "        A1: hidden activations, shape (m, n_h).", "        A2: predictions, shape (m, 1).",
       "    Returns:", "        dW2: gradient of the mean BCE, shape (n_h, 1).", '    """')
C(M, "W2", N, J("def output_backward(A1, A2, Y):", *DOC, "    m = Y.shape[0]", "    return A1.T @ (A2 - Y) / m", "dW2 = output_backward(A1, A2, Y)"), oracle=W2R,
  style="docstring-output-backward-W2")
C(M, "W2", N, J("def output_backward(A1, A2, Y):", *DOC, "    m = Y.shape[1]", "    return A1.T @ (A2 - Y) / m", "dW2 = output_backward(A1, A2, Y)"), "*", oracle=None,
  style="docstring-output-backward-W2-shape1", note="Y.shape[1] is 1 (column-major course habit): no mean at all")
C(M, "b2", N, J("def bias_grad(dZ):", '    """Sum the upstream gradient over the batch axis.', "", "    dZ is already divided by m.", '    """', "    return np.sum(dZ, axis=0, keepdims=True)",
                "db2 = bias_grad((A2 - Y) / m)"), oracle=B2R, style="docstring-bias-grad-b2")
C(S, "W", N, J("def softmax_grad_W(X, P, Y):", '    r"""\\nabla_W L = \\frac{1}{m} X^\\top (P - Y)."""', "    return X.T @ (P - Y) / len(X)", "dW = softmax_grad_W(X, P, Y)"), oracle=SW,
  style="docstring-raw-latex-softmax-W")
C(S, "W", N, J("def softmax_grad_W(X, P, Y):", '    r"""\\nabla_W L = \\frac{1}{m} X^\\top (P - Y)."""', "    return X.T @ (P - Y) / len(X.T)", "dW = softmax_grad_W(X, P, Y)"), "*",
  oracle=None, style="docstring-raw-latex-softmax-W-len-T", note="len(X.T) is n, not m: equal at the example only")
C(T, "W2", N, J("def grad_W2(h, y_pred, y_target):", '    """∂L/∂W2 = hᵀ (ŷ − y) for L = ½ (ŷ − y)²."""', "    return h.T @ (y_pred - y_target)", "dW2 = grad_W2(h, y_pred, y_target)"),
  oracle=TW2, style="docstring-unicode-tiny-W2")
C(T, "W2", N, J("def grad_W2(h, y_pred, y_target):", '    """∂L/∂W2 = 2 hᵀ (ŷ − y)."""', "    return 2 * h.T @ (y_pred - y_target)", "dW2 = grad_W2(h, y_pred, y_target)"), "scale-factor",
  oracle=f"2 * {TW2}", style="docstring-unicode-tiny-W2-factor-2", note="the ½ of the loss forgotten")
C(E, "w", N, J("def neuron_grad(x, O, t):", '    """反向传播：L = ½(O − t)²，O = σ(x wᵀ)。"""', "    return (O - t) * O * (1 - O) * x", "dw = neuron_grad(x, O, t)"), oracle=EW,
  style="zh-docstring-neuron-w", lang=Z)
C(E, "w", N, J("def neuron_grad(x, O, t):", '    """反向传播：L = ½(O − t)²。"""', "    return (O - t) * x", "dw = neuron_grad(x, O, t)"), "missing-activation-derivative",
  oracle="(O - t) * x", style="zh-docstring-neuron-w-no-slope", lang=Z)
C(A, "W_v", N, J("def value_grad(X, A, O, T):", '    """dL/dW_v for L = mean((A X W_v − T)²)."""', "    dO = 2 * (O - T) / O.size", "    return X.T @ (A.T @ dO)", "dW_v = value_grad(X, A, O, T)"),
  oracle=AWV, style="docstring-attention-Wv-size")
C(A, "W_v", N, J("def value_grad(X, A, O, T):", '    """dL/dW_v."""', "    dO = 2 * (O - T) / n", "    return X.T @ (A.T @ dO)", "dW_v = value_grad(X, A, O, T)"), "*",
  oracle=f"{AWV} * d", style="docstring-attention-Wv-mean-over-n", note="the mean is over n·d entries: / n alone is d times too large")

# ================================================================ type-annotated functions returning tuples of gradients
ANN = "def backward(X: np.ndarray, A1: np.ndarray, A2: np.ndarray, Y: np.ndarray, W2: np.ndarray, Z1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:"
C(M, "W1", N, J(ANN, "    m: int = X.shape[0]", "    dZ2: np.ndarray = (A2 - Y) / m", "    dZ1: np.ndarray = dZ2 @ W2.T * (Z1 > 0)", "    return X.T @ dZ1, A1.T @ dZ2",
                "dW1, dW2 = backward(X, A1, A2, Y, W2, Z1)"), oracle=W1R, style="annotated-tuple-W1")
C(M, "W2", N, J(ANN, "    m: int = X.shape[0]", "    dZ2: np.ndarray = (A2 - Y) / m", "    dZ1: np.ndarray = dZ2 @ W2.T * (Z1 > 0)", "    return X.T @ dZ1, A1.T @ dZ2",
                "dW1, dW2 = backward(X, A1, A2, Y, W2, Z1)"), oracle=W2R, style="annotated-tuple-W2")
C(M, "W2", N, J(ANN, "    m: int = X.shape[0]", "    dZ2: np.ndarray = (A2 - Y) / m", "    dZ1: np.ndarray = dZ2 @ W2.T * (Z1 > 0)", "    return X.T @ dZ1, A1.T @ dZ2",
                "dW2, dW1 = backward(X, A1, A2, Y, W2, Z1)"), "*", oracle=W1R, style="annotated-tuple-W2-unpacked-swapped",
  note="the tuple unpacked in the wrong order: dW2 is X.T @ dZ1 (n_in x n_h where n_h x 1 belongs)")
C(S, "b", N, J("from typing import Tuple", "def grads(X: np.ndarray, P: np.ndarray, Y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:", "    G = (P - Y) / X.shape[0]",
               "    return X.T @ G, G.sum(axis=0, keepdims=True)", "dW, db = grads(X, P, Y)"), oracle=SB, style="annotated-Tuple-softmax-b")
C(S, "b", N, J("from typing import Tuple", "def grads(X: np.ndarray, P: np.ndarray, Y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:", "    G = P - Y",
               "    return X.T @ G, G.sum(axis=0, keepdims=True)", "dW, db = grads(X, P, Y)"), "scale-factor", oracle="np.sum(P - Y, axis=0, keepdims=True)",
  style="annotated-Tuple-softmax-b-no-mean")
C(R, "w1", N, J("def relu_backward(g: 'np.ndarray', pre: 'np.ndarray') -> 'np.ndarray':", "    return g * (pre > 0)", "def two_layer(x, h, y_pred, y, w2) -> tuple:",
                "    g = 2.0 * (y_pred - y) @ w2.T", "    return x.T @ relu_backward(g, h), None", "grad_w1, _ = two_layer(x, h, y_pred, y, w2)"), oracle=RW1, style="annotated-str-relu-mlp-w1")
C(R, "w1", N, J("def relu_backward(g: 'np.ndarray', pre: 'np.ndarray') -> 'np.ndarray':", "    return g * (pre > 0)", "def two_layer(x, h, y_pred, y, w2) -> tuple:",
                "    g = 2.0 * (y_pred - y) @ w2.T", "    return x.T @ relu_backward(g, y_pred), None", "grad_w1, _ = two_layer(x, h, y_pred, y, w2)"), "*", oracle=None,
  style="annotated-str-relu-mlp-w1-mask-ypred", note="y_pred's mask (n x D_out) where h's belongs: a shape error or the wrong tensor")
C(R2, "b", N, J("def bptt(h_0, h_1, h_2, y, W_h) -> tuple[np.ndarray, np.ndarray]:", "    d2 = (h_2 - y) * (1 - h_2 ** 2)", "    d1 = d2 @ W_h.T * (1 - h_1 ** 2)", "    return d1, d2",
                "d1, d2 = bptt(h_0, h_1, h_2, y, W_h)", "db = np.sum(d1 + d2, axis=0, keepdims=True)"), oracle=RB, style="annotated-bptt-rnn-b")
C(R2, "b", N, J("def bptt(h_0, h_1, h_2, y, W_h) -> tuple[np.ndarray, np.ndarray]:", "    d2 = (h_2 - y) * (1 - h_2 ** 2)", "    d1 = d2 @ W_h.T * (1 - h_1 ** 2)", "    return d1, d2",
                "d1, d2 = bptt(h_0, h_1, h_2, y, W_h)", "db = np.sum(d2, axis=0, keepdims=True)"), "*", oracle=f"np.sum({R2_D2}, axis=0, keepdims=True)",
  style="annotated-bptt-rnn-b-last-step-only", note="the first step's δ forgotten")

# ================================================================ dict-of-gradients returns
C(M, "W1", N, J("grads = {}", "grads['dZ2'] = (A2 - Y) / m", "grads['dZ1'] = grads['dZ2'] @ W2.T * (Z1 > 0)", "grads['dW1'] = X.T @ grads['dZ1']", "dW1 = grads['dW1']"), oracle=W1R,
  style="dict-grads-W1")
C(M, "W1", N, J("grads = {}", "grads['dZ2'] = (A2 - Y) / m", "grads['dZ1'] = grads['dZ2'] @ W2.T * (Z1 > 0)", "grads['dW1'] = A1.T @ grads['dZ1']", "dW1 = grads['dW1']"), "*",
  oracle="A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="dict-grads-W1-A1", note="A1 (the layer's output) where X (its input) belongs")
C(M, "b1", N, J('grads = {"dZ2": A2 - Y}', 'grads["dZ1"] = grads["dZ2"] @ W2.T * (Z1 > 0)', 'grads["db1"] = grads["dZ1"].mean(axis=0, keepdims=True)', 'db1 = grads["db1"]'), oracle=B1R,
  style="dict-literal-grads-b1")
C(M, "b1", N, J('grads = {"dZ2": A2 - Y}', 'grads["dZ1"] = grads["dZ2"] @ W2.T * (Z1 > 0)', 'grads["db1"] = grads["dZ1"].sum(axis=0, keepdims=True)', 'db1 = grads["db1"]'), "scale-factor",
  oracle="np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True)", style="dict-literal-grads-b1-sum")
C(MW, "W2", N, J("grads = dict()", "grads['dZ2'] = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "grads['dW2'] = A1.T @ grads['dZ2']", "dW2 = grads['dW2']"), oracle=WW2, style="dict-call-weighted-W2")
C(MW, "W2", N, J("grads = dict()", "grads['dZ2'] = (A2 - Y) / m", "grads['dW2'] = A1.T @ grads['dZ2']", "dW2 = grads['dW2']"), "*", oracle=W2R, style="dict-call-weighted-W2-unweighted",
  note="the class weight w forgotten: the plain BCE gradient")
C(S, "W", N, J("# 梯度字典", "grads = {}", "grads['dZ'] = (P - Y) / m", "grads['dW'] = X.T @ grads['dZ']", "dW = grads['dW']"), oracle=SW, style="zh-dict-grads-softmax-W", lang=Z)
C(S, "W", N, J("# 梯度字典", "grads = {}", "grads['dZ'] = (P - Y) / m", "grads['dW'] = X.T @ grads['dZ'] * 2", "dW = grads['dW']"), "scale-factor", oracle=f"2 * {SW}",
  style="zh-dict-grads-softmax-W-factor-2", lang=Z)
C(B, "beta", N, J("cache = {'dY': 2 * (Y - T) / (m * n)}", "grads = {'dbeta': cache['dY'].sum(axis=0, keepdims=True)}", "dbeta = grads['dbeta']"), oracle=BBETA, style="dict-cache-bn-beta")
C(CH, "b", N, J("g = {}", "g['v'] = 2 * v", "g['b'] = g['v']", "db = g['b']"), oracle="2 * v", style="dict-chain-b")
C(CH, "b", N, J("g = {}", "g['v'] = 2 * v", "g['b'] = g['v'] * x", "db = g['b']"), "*", oracle="2 * v * x", style="dict-chain-b-times-x", note="∂v/∂b = 1, not x")

# ================================================================ in-place += accumulations
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "dW2 += A1.T @ (A2 - Y)", "dW2 /= m"), oracle=W2R, style="inplace-zeros-like-W2")
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "dW2 += A1.T @ (A2 - Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="inplace-zeros-like-W2-no-mean")
C(M, "W2", N, J("dW2 = np.zeros((n_h, 1))", "for i in range(m):", "    dW2 += np.outer(A1[i], A2[i] - Y[i]) / m"), oracle=W2R, style="inplace-loop-outer-W2")
C(M, "W2", N, J("dW2 = np.zeros((n_h, 1))", "for i in range(m):", "    dW2 += np.outer(A1[i], A2[i] - Y[i])"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="inplace-loop-outer-W2-no-mean")
C(M, "W2", N, J("dW2 = np.zeros((n_h, 1))", "for i in range(2):", "    dW2 += np.outer(A1[i], A2[i] - Y[i]) / m"), "scale-factor", oracle=None, style="inplace-loop-literal-W2",
  note="range(2) for m: right at the example's sizes only (the issue's item 2)")
C(S, "W", N, J("dW = np.zeros_like(W)", "for i in range(len(X)):", "    dW += np.outer(X[i], P[i] - Y[i])", "dW /= len(X)"), oracle=SW, style="inplace-loop-len-softmax-W")
C(S, "b", N, J("db = np.zeros((1, k))", "for i in range(X.shape[0]):", "    db += (P[i] - Y[i]) / m"), oracle=SB, style="inplace-loop-shape-softmax-b")
C(R, "w2", N, J("grad_w2 = np.zeros_like(w2)", "grad_w2 += h_relu.T @ (2.0 * (y_pred - y))"), oracle=RW2, style="inplace-relu-mlp-w2")
C(R, "w2", N, J("grad_w2 = np.zeros_like(w2)", "grad_w2 += h_relu.T @ (2.0 * (y_pred - y))", "grad_w2 += h_relu.T @ (2.0 * (y_pred - y))"), "scale-factor", oracle=f"2 * {RW2}",
  style="inplace-relu-mlp-w2-twice", note="accumulated twice (a cell run twice)")
C(R2, "W_h", N, J("dW_h = np.zeros_like(W_h)", "d2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h += h_1.T @ d2", "d1 = d2 @ W_h.T * (1 - h_1 ** 2)", "dW_h += h_0.T @ d1"), oracle=RWH,
  style="inplace-bptt-rnn-Wh")
C(R2, "W_h", N, J("dW_h = np.zeros_like(W_h)", "d2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h += h_1.T @ d2", "d1 = d2 @ W_h.T * (1 - h_1 ** 2)", "dW_h += h_1.T @ d1"), "*",
  oracle=f"h_1.T @ {R2_D2} + h_1.T @ (({R2_D2}) @ W_h.T * (1 - h_1 ** 2))", style="inplace-bptt-rnn-Wh-h1-twice", note="h_1 where h_0 feeds the first step")
C(R2, "b", N, J("# 累加两个时间步的偏置梯度", "db = np.zeros_like(b)", "d2 = (h_2 - y) * (1 - h_2 ** 2)", "db += d2.sum(axis=0, keepdims=True)", "d1 = d2 @ W_h.T * (1 - h_1 ** 2)",
                "db += d1.sum(axis=0, keepdims=True)"), oracle=RB, style="zh-inplace-rnn-b", lang=Z)

# ================================================================ np.einsum with an ellipsis
C(M, "W2", N, J("dW2 = np.einsum('...i,...j->ij', A1, A2 - Y) / m"), REFUSE, style="einsum-ellipsis-W2",
  note="NumPy raises 'output has more dimensions than subscripts' for an ellipsis the output leaves out: refused (as c48-198)")
C(M, "W2", N, J("import torch", "dW2 = torch.einsum('...i,...j->ij', A1, A2 - Y) / m"), oracle=W2R, style="torch-einsum-ellipsis-W2",
  note="PyTorch sums over the ellipsis the output leaves out")
C(M, "W2", N, J("dW2 = np.einsum('bi,bj->ij', A1, A2 - Y) / m"), oracle=W2R, style="einsum-letters-W2")
C(M, "W1", N, J("dZ1 = np.einsum('...j,kj->...k', A2 - Y, W2) * (Z1 > 0)", "dW1 = np.einsum('bi,bk->ik', X, dZ1) / m"), oracle=W1R, style="einsum-ellipsis-kept-W1")
C(M, "W1", N, J("dZ1 = np.einsum('...j,kj->...k', A2 - Y, W2) * (Z1 > 0)", "dW1 = np.einsum('bi,bk->ki', X, dZ1) / m"), "*", oracle=None, style="einsum-ellipsis-kept-W1-transposed",
  note="n_h x n_in where n_in x n_h belongs (square)")
C(S, "W", N, J("dW = np.einsum('...i,...j->ij', X, P - Y) / m"), REFUSE, style="einsum-ellipsis-softmax-W", note="NumPy's ValueError, as above")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.einsum('...ij,...ik->...jk', A, dO)", "dW_v = np.einsum('...ij,...ik->...jk', X, dV)"), oracle=AWV, style="einsum-ellipsis-batch-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.einsum('...ij,...jk->...ik', A, dO)", "dW_v = np.einsum('...ij,...ik->...jk', X, dV)"), "*",
  oracle="X.T @ (A @ (2 * (O - T) / (n * d)))", style="einsum-ellipsis-batch-attention-Wv-A-untransposed")
C(B, "gamma", N, J("dY = 2 * (Y - T) / Y.size", "dgamma = np.einsum('ij,ij->j', dY, Z_hat)[None, :]"), oracle=BG, style="einsum-bn-gamma-size")
C(B, "gamma", N, J("import torch", "dY = 2 * (Y - T) / Y.numel()", "dgamma = torch.einsum('...j,...j->j', dY, Z_hat)[None, :]"), oracle=BG, style="torch-einsum-ellipsis-bn-gamma")

# ================================================================ logsumexp (with and without the max shift) and the softmax Jacobian in full
C(S, "W", N, J("lse = np.log(np.sum(np.exp(Z), axis=1, keepdims=True))", "P_ = np.exp(Z - lse)", "dW = X.T @ (P_ - Y) / m"), oracle=SW, style="logsumexp-no-shift-softmax-W",
  note="without the max shift the same numbers (only less stable): right")
C(S, "W", N, J("mx_ = Z.max(axis=1, keepdims=True)", "lse = mx_ + np.log(np.exp(Z - mx_).sum(axis=1, keepdims=True))", "dW = X.T @ (np.exp(Z - lse) - Y) / m"), oracle=SW,
  style="logsumexp-shift-softmax-W")
C(S, "W", N, J("lse = np.log(np.sum(np.exp(Z), axis=0, keepdims=True))", "dW = X.T @ (np.exp(Z - lse) - Y) / m"), "*", oracle=None, style="logsumexp-axis0-softmax-W",
  note="normalised over the batch (axis 0) instead of the classes")
C(S, "b", N, J("from scipy.special import logsumexp", "P_ = np.exp(Z - logsumexp(Z, axis=1, keepdims=True))", "db = (P_ - Y).mean(axis=0, keepdims=True)"), oracle=SB,
  style="scipy-logsumexp-softmax-b")
C(S, "b", N, J("# 不减最大值的 logsumexp 也对，只是数值上不稳定", "lse = np.log(np.exp(Z).sum(axis=1, keepdims=True))", "db = (np.exp(Z - lse) - Y).mean(axis=0, keepdims=True)"), oracle=SB,
  style="zh-logsumexp-no-shift-softmax-b", lang=Z)
C(S, "W", N, J("dP = -Y / P / m", "dZ = np.stack([(np.diag(P[i]) - np.outer(P[i], P[i])) @ dP[i] for i in range(m)])", "dW = X.T @ dZ"), oracle=SW,
  style="softmax-jacobian-full-stack-W")
C(S, "W", N, J("dP = -Y / P / m", "dZ = np.stack([np.diag(P[i]) @ dP[i] for i in range(m)])", "dW = X.T @ dZ"), "*", oracle="X.T @ (-Y / m)", style="softmax-jacobian-diag-only-W",
  note="the −p pᵀ part of the Jacobian forgotten")
C(S, "W", N, J("dP = -Y / P / m", "Jac = P[:, :, None] * np.eye(k)[None] - P[:, :, None] * P[:, None, :]", "dZ = np.einsum('bij,bj->bi', Jac, dP)", "dW = X.T @ dZ"), oracle=SW,
  style="softmax-jacobian-einsum-3d-W")
C(S, "b", N, J("# softmax 的雅可比矩阵写全：J = diag(p) − p pᵀ", "dP = -Y / P / m", "dZ = np.stack([(np.diag(P[i]) - np.outer(P[i], P[i])) @ dP[i] for i in range(m)])",
               "db = dZ.sum(axis=0, keepdims=True)"), oracle=SB, style="zh-softmax-jacobian-full-b", lang=Z)

# ================================================================ binary-labels-only simplifications and constants as numbers
C(MW, "b2", N, J("dZ2 = (A2 - Y) * (w * Y + (1 - Y)) / m", "db2 = dZ2.sum(axis=0, keepdims=True)"), "*", oracle=None, style="weighted-b2-binary-only",
  note="(A2 − Y)(wY + 1 − Y) equals the gradient for 0/1 labels only")
C(MW, "b2", N, J("dZ2 = np.where(Y == 1, w * (A2 - 1), A2) / m", "db2 = dZ2.sum(axis=0, keepdims=True)"), "*", oracle=None, style="weighted-b2-where-binary-only",
  note="np.where on Y == 1: right for 0/1 labels only")
C(MW, "W2", N, J("dZ2 = ((1 - Y) * A2 - 3.0 * Y * (1 - A2)) / m", "dW2 = A1.T @ dZ2"), "*", oracle=None, style="weighted-W2-w-as-3",
  note="the constant w written as 3.0: right only for this value")
C(MW, "W2", N, J("dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / 2", "dW2 = A1.T @ dZ2"), "scale-factor", oracle=None, style="weighted-W2-m-as-2",
  note="the batch size m written as 2: right at the example's sizes only")
C(B, "beta", N, J("dbeta = np.sum(2 * (Y - T) / 6, axis=0, keepdims=True)"), "scale-factor", oracle=None, style="bn-beta-mn-as-6",
  note="m·n written as 6: right at the example's sizes only")

# ================================================================ hn49_ring_loss_mxnet_cn: cross-entropy + ring loss (MXNet-style by hand)
MXI = "from mxnet import nd"
C(RG, "W2", N, J(MXI, "p = nd.softmax(logits, axis=1)", "dW2 = nd.dot(f.T, (p - y) / N)"), oracle=RG_W2, style="ring-W2-nd-dot")
C(RG, "W2", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW2 = f.T @ (p - y) / N"), oracle=RG_W2, style="ring-W2-numpy")
C(RG, "W2", N, J("# 环形损失不依赖 W2，只有交叉熵这一项", "p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW2 = f.T @ (p - y) / N"), oracle=RG_W2,
  style="zh-ring-W2-comment", lang=Z)
C(RG, "W2", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW2 = f.T @ (p - y)"), "scale-factor", oracle=f"({RG_W2}) * N", style="ring-W2-no-mean")
C(RG, "W2", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW2 = x.T @ (p - y) / N"), "*", oracle=f"x.T @ ({RG_P} - y) / N", style="ring-W2-x",
  note="x (the input) where f feeds W2 (d = h: the shapes agree)")
C(RG, "W2", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW2 = f.T @ (y - p) / N"), "sign", oracle=f"-({RG_W2})", style="ring-W2-sign")
C(RG, "W2", N, J("lse = np.log(np.exp(logits).sum(axis=1, keepdims=True))", "dW2 = f.T @ (np.exp(logits - lse) - y) / N"), oracle=RG_W2, style="ring-W2-logsumexp-no-shift")
C(RG, "W2", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW2 = f.T @ (p - y) / 3"), "scale-factor", oracle=None, style="ring-W2-N-as-3",
  note="N written as 3: right at the example's sizes only")
C(RG, "R", N, J("# 半径 R 的梯度：ring = lam/2 · mean((‖f‖ − R)²)", "dR = -lam * np.mean(fnorm - R, axis=0, keepdims=True)"), oracle=RG_R, style="zh-ring-R", lang=Z)
C(RG, "R", N, J("dR = -lam * (fnorm - R).mean(keepdims=True)"), oracle=RG_R, style="ring-R-method-mean")
C(RG, "R", N, J("dR = lam * np.mean(fnorm - R, axis=0, keepdims=True)"), "sign", oracle=f"-{RG_R}", style="ring-R-sign")
C(RG, "R", N, J("dR = -lam / 2 * np.mean(fnorm - R, axis=0, keepdims=True)"), "scale-factor", oracle=f"{RG_R} / 2", style="ring-R-half-kept",
  note="the ½ of lam/2 kept: the square's 2 forgotten")
C(RG, "R", N, J("dR = -0.01 * np.mean(fnorm - R, axis=0, keepdims=True)"), "*", oracle=None, style="ring-R-lam-as-number",
  note="the constant lam written as 0.01: right only for this value")
C(RG, "R", N, J("dR = -lam * np.sum(fnorm - R, axis=0, keepdims=True)"), "scale-factor", oracle=f"{RG_R} * N", style="ring-R-sum")
C(RG, "b1", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "df = (p - y) / N @ W2.T + lam * (fnorm - R) / N * f / fnorm",
                 "db1 = np.sum(df * (f > 0), axis=0, keepdims=True)"), oracle=RG_B1, style="ring-b1")
C(RG, "b1", N, J("# 两条路径：交叉熵和环形损失", "p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "df = (p - y) / N @ W2.T + lam * (fnorm - R) / N * f / fnorm",
                 "db1 = (df * (f > 0)).sum(0, keepdims=True)"), oracle=RG_B1, style="zh-ring-b1-two-paths", lang=Z)
C(RG, "b1", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "df = (p - y) / N @ W2.T", "db1 = np.sum(df * (f > 0), axis=0, keepdims=True)"), "*",
  oracle=f"np.sum((({RG_P} - y) / N) @ W2.T * (f > 0), axis=0, keepdims=True)", style="ring-b1-ring-path-forgotten", note="the ring loss's path through f forgotten")
C(RG, "W1", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "df = (p - y) / N @ W2.T + lam * (fnorm - R) / N * f / fnorm", "dW1 = x.T @ (df * (f > 0))"),
  oracle=RG_W1, style="ring-W1")
C(RG, "W1", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "df = (p - y) / N @ W2.T + lam * (fnorm - R) / N * f / fnorm", "dW1 = x.T @ df"),
  "missing-activation-derivative", oracle=f"x.T @ {RG_DF}", style="ring-W1-no-relu-mask")
C(RG, "W1", N, J("# 环形项：d‖f‖/df = f / ‖f‖", "p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "df = (p - y) / N @ W2.T + lam * (fnorm - R) / N * f",
                 "dW1 = x.T @ (df * (f > 0))"), "*", oracle=f"x.T @ (((({RG_P} - y) / N) @ W2.T + lam * (fnorm - R) / N * f) * (f > 0))", style="zh-ring-W1-norm-not-divided", lang=Z,
  note="d‖f‖/df = f/‖f‖: the division by ‖f‖ forgotten")

# ================================================================ hn49_deep_svdd_keras: Deep SVDD with weight decay (Keras-style by hand)
C(SV, "W2", N, J(TF, "dz = 2 * (z - c) / N", "dW2 = tf.matmul(h1, dz, transpose_a=True) + weight_decay * W2"), oracle=SV_W2, style="svdd-W2-tf")
C(SV, "W2", N, J("dz = 2 * (z - c) / N", "dW2 = h1.T @ dz + weight_decay * W2"), oracle=SV_W2, style="svdd-W2-numpy")
C(SV, "W2", N, J("dz = 2 * (z - c) / N", "dW2 = h1.T @ dz + 2 * weight_decay * W2"), "*", oracle=f"h1.T @ {SV_DZ} + 2 * weight_decay * W2", style="svdd-W2-l2-loss-factor",
  note="tf.nn.l2_loss is ½ Σ W²: its gradient is W, not 2W")
C(SV, "W2", N, J("dz = 2 * (z - c) / N", "dW2 = h1.T @ dz"), "*", oracle=f"h1.T @ {SV_DZ}", style="svdd-W2-decay-forgotten", note="the weight-decay term forgotten")
C(SV, "W2", N, J("dz = (z - c) / N", "dW2 = h1.T @ dz + weight_decay * W2"), "*", oracle="h1.T @ ((z - c) / N) + weight_decay * W2", style="svdd-W2-no-2",
  note="the square's 2 forgotten")
C(SV, "W2", N, J("dz = 2 * (z - c) / N", "dW2 = h1.T @ dz + 0.001 * W2"), "*", oracle=None, style="svdd-W2-decay-as-number",
  note="weight_decay written as 0.001: right only for this value")
C(SV, "W2", N, J("dz = 2 * (z - c) / N", "dW2 = dz.T @ h1 + weight_decay * W2"), "*", oracle=None, style="svdd-W2-transposed", note="k x h where h x k belongs (a shape error)")
C(SV, "W1", N, J("dz = 2 * (z - c) / N", "dh1 = dz @ W2.T", "dW1 = x.T @ (dh1 * np.where(x @ W1 > 0, 1.0, 0.1)) + weight_decay * W1"), oracle=SV_W1, style="svdd-W1")
C(SV, "W1", N, J("dz = 2 * (z - c) / N", "dh1 = dz @ W2.T", "dW1 = x.T @ (dh1 * np.where(h1 > 0, 1.0, 0.1)) + weight_decay * W1"), oracle=SV_W1, style="svdd-W1-mask-from-h1",
  note="a leaky ReLU keeps the sign: h1 > 0 exactly where x W1 > 0 — right")
C(SV, "W1", N, J("dz = 2 * (z - c) / N", "dh1 = dz @ W2.T", "dW1 = x.T @ (dh1 * np.where(x @ W1 > 0, 1.0, 0.01)) + weight_decay * W1"), "*",
  oracle=f"(x.T @ ({SV_DZ} @ W2.T * np.where(x @ W1 > 0, 1.0, 0.01)) + weight_decay * W1)", style="svdd-W1-torch-slope", note="PyTorch's 0.01 slope where the spec's alpha is 0.1")
C(SV, "W1", N, J("dz = 2 * (z - c) / N", "dh1 = dz @ W2.T", "dW1 = x.T @ (dh1 * (x @ W1 > 0)) + weight_decay * W1"), "*",
  oracle=f"(x.T @ ({SV_DZ} @ W2.T * (x @ W1 > 0)) + weight_decay * W1)", style="svdd-W1-plain-relu-mask", note="a plain ReLU mask: the leaky slope 0.1 forgotten")
C(SV, "W1", N, J("# Keras 自定义 train_step，不用 GradientTape", "dz = 2 * (z - c) / N", "dh1 = tf.matmul(dz, W2, transpose_b=True)",
                 "dW1 = tf.matmul(x, dh1 * tf.where(h1 > 0, 1.0, 0.1), transpose_a=True) + weight_decay * W1"), oracle=SV_W1, style="zh-svdd-W1-tf-where", lang=Z)
C(SV, "W1", N, J("# Keras 自定义 train_step", "dz = 2 * (z - c) / N", "dh1 = dz @ W2.T", "dW1 = x.T @ (dh1 * np.where(x @ W1 > 0, 1.0, 0.1))"), "*",
  oracle=f"x.T @ ({SV_DZ} @ W2.T * np.where(x @ W1 > 0, 1.0, 0.1))", style="zh-svdd-W1-decay-forgotten", lang=Z)

# ================================================================ hn49_group_lasso_optax: softplus MLP, l2_loss, group-lasso penalty (JAX-style by hand)
C(GL, "w2", N, J(JX, "dpred = (pred - y) / N", "dw2 = hid.T @ dpred"), oracle=GL_W2, style="lasso-w2-jnp")
C(GL, "w2", N, J(JX, "dpred = (pred - y) / y.shape[0]", "dw2 = jnp.dot(hid.T, dpred)"), oracle=GL_W2, style="lasso-w2-shape")
C(GL, "w2", N, J(JX, "dpred = 2 * (pred - y) / N", "dw2 = hid.T @ dpred"), "scale-factor", oracle=f"2 * {GL_W2}", style="lasso-w2-factor-2",
  note="optax.l2_loss is ½ (pred − y)²: no factor 2")
C(GL, "w2", N, J(JX, "dpred = (pred - y) / N", "dw2 = hid.T @ dpred + lam * w2"), "*", oracle=f"{GL_W2} + lam * w2", style="lasso-w2-penalty-on-w2",
  note="the penalty is on W1 only")
C(GL, "w2", N, J(JX, "dpred = (pred - y) / N", "dw2 = (x @ W1 + b1).T @ dpred"), "*", oracle=f"(x @ W1 + b1).T @ {GL_DP}", style="lasso-w2-pre-softplus",
  note="the pre-activation where softplus's output feeds w2")
C(GL, "b1", N, J(JX, "from jax.nn import sigmoid", "dpred = (pred - y) / N", "db1 = jnp.sum(dpred @ w2.T * sigmoid(x @ W1 + b1), axis=0, keepdims=True)"), oracle=GL_B1,
  style="lasso-b1-sigmoid")
C(GL, "b1", N, J(JX, "dpred = (pred - y) / N", "db1 = jnp.sum(dpred @ w2.T * (1 - jnp.exp(-hid)), axis=0, keepdims=True)"), oracle=GL_B1, style="lasso-b1-one-minus-exp-hid",
  note="softplus' = σ(a) = 1 − e^{−softplus(a)}: right")
C(GL, "b1", N, J(JX, "from jax.nn import sigmoid", "dpred = (pred - y) / N", "db1 = jnp.sum(dpred @ w2.T * sigmoid(hid), axis=0, keepdims=True)"), "*",
  oracle=f"np.sum({GL_DP} @ w2.T * (1 / (1 + np.exp(-hid))), axis=0, keepdims=True)", style="lasso-b1-sigmoid-of-output", note="σ taken at softplus's output, not its input")
C(GL, "b1", N, J(JX, "dpred = (pred - y) / N", "db1 = jnp.sum(dpred @ w2.T, axis=0, keepdims=True)"), "missing-activation-derivative",
  oracle=f"np.sum({GL_DP} @ w2.T, axis=0, keepdims=True)", style="lasso-b1-no-slope")
C(GL, "W1", N, J(JX, "from jax.nn import sigmoid", "dpred = (pred - y) / N", "da = dpred @ w2.T * sigmoid(x @ W1 + b1)",
                 "dW1 = x.T @ da + lam * jnp.sqrt(2.0) * W1 / jnp.linalg.norm(W1, axis=1, keepdims=True)"), oracle=GL_W1, style="lasso-W1")
C(GL, "W1", N, J(JX, "from jax.nn import sigmoid", "dpred = (pred - y) / N", "da = dpred @ w2.T * sigmoid(x @ W1 + b1)",
                 "dW1 = x.T @ da + lam * W1 / jnp.linalg.norm(W1, axis=1, keepdims=True)"), "*", oracle=f"x.T @ ({GL_DP} @ w2.T * {GL_SIG}) + lam * W1 / np.linalg.norm(W1, axis=1, keepdims=True)",
  style="lasso-W1-sqrt2-forgotten", note="the group size's √2 forgotten")
C(GL, "W1", N, J(JX, "from jax.nn import sigmoid", "dpred = (pred - y) / N", "da = dpred @ w2.T * sigmoid(x @ W1 + b1)",
                 "dW1 = x.T @ da + lam * jnp.sqrt(2.0) * W1 / jnp.linalg.norm(W1, axis=0, keepdims=True)"), "*", oracle=None, style="lasso-W1-norm-axis0",
  note="the norm of W1's columns where its rows (one group per input) belong: a shape error or the wrong norms")
C(GL, "W1", N, J(JX, "from jax.nn import sigmoid", "dpred = (pred - y) / N", "dW1 = x.T @ (dpred @ w2.T * sigmoid(x @ W1 + b1))"), "*",
  oracle=f"x.T @ ({GL_DP} @ w2.T * {GL_SIG})", style="lasso-W1-penalty-forgotten", note="the group-lasso penalty's gradient forgotten")

# ================================================================ hn49_groupdro_mindspore_cn: GroupDRO's weighted group means (MindSpore-style by hand)
GDP = "p = ops.softmax(logits, axis=1)"
GDW = "wts = ops.matmul(groups, q / ops.sum(groups, dim=0, keepdim=True).T)"
C(GD, "W", N, J(MS, GDP, GDW, "dW = ops.matmul(x.T, (p - y) * wts)"), oracle=GD_W, style="dro-W-ops")
C(GD, "W", N, J(MS, "# 每个样本的权重 = 所在组的 q / 组内样本数", GDP, GDW, "dW = ops.matmul(x.T, (p - y) * wts)"), oracle=GD_W, style="zh-dro-W-comment", lang=Z)
C(GD, "W", N, J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "counts = groups.sum(axis=0, keepdims=True).T", "wts = groups @ (q / counts)", "dW = x.T @ ((p - y) * wts)"),
  oracle=GD_W, style="dro-W-numpy")
C(GD, "W", N, J(MS, GDP, "dW = ops.matmul(x.T, (p - y) / N)"), "*", oracle=f"x.T @ (({GD_P} - y) / N)", style="dro-W-plain-mean",
  note="the plain mean over the batch: the group weights q forgotten")
C(GD, "W", N, J(MS, GDP, "wts = ops.matmul(groups, q)", "dW = ops.matmul(x.T, (p - y) * wts)"), "*", oracle=f"x.T @ (({GD_P} - y) * (groups @ q))", style="dro-W-counts-forgotten",
  note="q not divided by the group sizes")
C(GD, "W", N, J(MS, "# 每组 2 个样本", GDP, "wts = ops.matmul(groups, q / 2)", "dW = ops.matmul(x.T, (p - y) * wts)"), "*", oracle=None,
  style="zh-dro-W-count-as-2", lang=Z, note="the group sizes (an input's column sums) written as 2: right for this grouping only")
C(GD, "W", N, J(MS, GDP, GDW, "dW = ops.matmul(x.T, (y - p) * wts)"), "sign", oracle=f"-({GD_W})", style="dro-W-sign")
C(GD, "W", N, J(MS, GDP, GDW, "dW = ops.matmul(((p - y) * wts).T, x)"), "*", oracle=None, style="dro-W-transposed", note="C x d where d x C belongs (a shape error)")
C(GD, "b", N, J(MS, GDP, GDW, "db = ops.sum((p - y) * wts, dim=0, keepdim=True)"), oracle=GD_B, style="dro-b")
C(GD, "b", N, J(MS, "# 偏置：对样本求和", GDP, GDW, "db = ops.sum((p - y) * wts, dim=0, keepdim=True) / N"), "scale-factor", oracle=f"{GD_B} / N", style="zh-dro-b-extra-mean", lang=Z)
C(GD, "b", N, J(MS, GDP, GDW, "db = ops.sum((p - y) * wts.T, dim=0, keepdim=True)"), "*", oracle=None, style="dro-b-weights-transposed",
  note="wts.T (1 x N) broadcast against N x C: a shape error (N ≠ C)")

# ================================================================ hn49s_view_flatten_two_layers_dims: conv → sigmoid → avg pool → view → two layers
C(VF, "W2", N, J(TH, "dout = h @ W2 - y", "dW2 = h.T @ dout"), oracle=VF_W2, style="vf-W2")
C(VF, "W2", N, J(TH, "dout = 2 * (h @ W2 - y)", "dW2 = h.T @ dout"), "scale-factor", oracle=f"2 * {VF_W2}", style="vf-W2-factor-2", note="the ½ of the loss forgotten")
C(VF, "W1", N, J(TH, "dout = h @ W2 - y", "dh = dout @ W2.T * (h > 0)", "dW1 = f.T @ dh"), oracle=VF_W1, style="vf-W1-f")
C(VF, "W1", N, J(TH, "dout = h @ W2 - y", "dh = dout @ W2.T * (h > 0)", "dW1 = P.reshape(1, -1).T @ dh"), oracle=VF_W1, style="vf-W1-reshape-C-order")
C(VF, "W1", N, J(TH, "dout = h @ W2 - y", "dh = dout @ W2.T * (h > 0)", "dW1 = P.view(P.size(0), -1).t() @ dh"), oracle=VF_W1, style="vf-W1-view")
C(VF, "W1", N, J("dout = h @ W2 - y", "dh = dout @ W2.T * (h > 0)", "dW1 = P.reshape(1, -1, order='F').T @ dh"), "*", oracle=f"P.reshape(1, -1, order='F').T @ ({VF_D} @ W2.T * (h > 0))",
  style="vf-W1-reshape-F-order", note="Fortran order flattens the channels last: a flatten order slip")
C(VF, "W1", N, J("# Keras 习惯：通道在最后再展平", "dout = h @ W2 - y", "dh = dout @ W2.T * (h > 0)", "dW1 = P.transpose(0, 2, 3, 1).reshape(1, -1).T @ dh"), "*",
  oracle=f"P.transpose(0, 2, 3, 1).reshape(1, -1).T @ ({VF_D} @ W2.T * (h > 0))", style="zh-vf-W1-channels-last", lang=Z, note="channels-last flatten where PyTorch's view is channels-first")
C(VF, "W1", N, J(TH, "dout = h @ W2 - y", "dh = dout @ W2.T", "dW1 = f.T @ dh"), "missing-activation-derivative", oracle=f"f.T @ ({VF_D} @ W2.T)", style="vf-W1-no-mask")
C(VF, "b1", N, J(TH, "dout = h @ W2 - y", "db1 = (dout @ W2.T * (h > 0)).reshape(-1)"), oracle=f"({VF_D} @ W2.T * (h > 0)).reshape(-1)", style="vf-b1-1d")
C(VF, "b1", N, J(TH, "dout = h @ W2 - y", "db1 = (dout @ W2.T * (h > 0)).sum(0)"), oracle=f"({VF_D} @ W2.T * (h > 0)).reshape(-1)", style="vf-b1-sum0")
C(VF, "b1", N, J(TH, "dout = h @ W2 - y", "db1 = (dout @ W2.T * (f @ W1 > 0)).sum(0)"), "*", oracle=None, style="vf-b1-mask-without-bias",
  note="the mask of f W1 where f W1 + b1 belongs (the wrong tensor)")


# ================================================================ autograd called: nothing derived by hand (refused)
C(M, "W2", N, J(JX, "import jax", "dW2 = jax.grad(lambda W: bce(sigmoid(A1 @ W + b2), Y))(W2)"), REFUSE, style="jax-grad-W2-refused")
C(S, "W", N, J(MX, "loss_and_grad = mx.value_and_grad(lambda W: cross_entropy(softmax(X @ W + b), Y))", "_, dW = loss_and_grad(W)"), REFUSE, style="mlx-value-and-grad-softmax-W-refused")
C(M, "W1", N, J(TF, "with tf.GradientTape() as tape:", "    L = bce(A2, Y)", "dW1 = tape.gradient(L, W1)"), REFUSE, style="keras-gradient-tape-W1-refused")
C(S, "b", N, J(PD, "# 用自动求导得到梯度", "db = paddle.grad(loss, b)[0]"), REFUSE, style="zh-paddle-grad-softmax-b-refused", lang=Z)

def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c50-000, … as written; cases that happen to repeat corpora 2-49 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus50", "c50", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
