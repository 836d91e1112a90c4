"""The held-out-style corpus of issue 11, forty-third round: CODE only, from sources and styles no
corpus had used as such (each grepped in tests/corpus*.py first) — legacy ``np.matrix``/``np.mat``
code where ``*`` IS the matrix product (and ``np.multiply`` the element-wise one), ``np.asmatrix(…).H``
and ``.A``; ``np.apply_along_axis``; ``import numpy as onp`` beside ``import jax.numpy as np`` and
JAX's functional ``x.at[mask].set(0.0)``; ``.mT``/``.mH``/``.H`` transposes; ``tf.custom_gradient``
with a hand gradient helper; ``functools.reduce(np.matmul, …)``, ``operator.matmul``, ``__matmul__``,
``np.frompyfunc`` slopes, ``np.ceil(np.clip(…))`` masks; ``namedtuple``/``typing.NamedTuple``
caches; Apple MLX (``mx.matmul``), Jittor, OneFlow, MegEngine (``F.matmul(…, transpose_a=True)``);
Numba ``@njit`` index loops; gradients built entry by entry in list comprehensions; ``jax.lax.dot_general``;
``scipy.special.softmax`` without an axis (all entries) against ``jax.nn.softmax`` (last axis) —
and students' mistakes on them, on the built-ins and seven lecturer networks no corpus had used
(hn42_*: MindSpore ops MLP, WGAN critic, Keras label smoothing, matrix factorisation, SGNS
word2vec, torch.split GLU, LayerNorm by var_mean).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck43"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in PyTorch
(tests/spelled_oracle.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus_common  # noqa: E402

_rows: list[dict] = []
N = "numpy"
_round = "a"
REFUSE = "REFUSE"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"


def _spec(name: str) -> str:
    return str(COURSE / f"{name}.toml")


MS = _spec("hn42_mindspore_ops_mlp_cn")
WG = _spec("hn42_wgan_critic_leaky_relu")
KL = _spec("hn42_keras_cce_label_smoothing_tf")
MF = _spec("hn42_mf_einsum_rowdot_l2")
SG = _spec("hn42_sgns_logsigmoid_word2vec_cn")
GS = _spec("hn42_glu_torch_split_sizes")
LN = _spec("hn42_layernorm_var_mean_cn")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816


def J(*lines: str) -> str:  # noqa: N802
    """A script, one argument a line."""
    return "\n".join(lines)


T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py)
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402
from corpus22 import AT_DO, BN_DY, R2_D1, R2_D2  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0))"
NOMASK_W1 = "X.T @ ((A2 - Y) @ W2.T) / m"
WW2 = f"A1.T @ {WDZ} / m"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"
AWV = f"X.T @ (A.T @ {AT_DO})"
D1 = "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)"

# ================================================================ legacy np.matrix: * is the matrix product
C(M, "W2", N, J("A1m, dZ2m = np.matrix(A1), np.matrix(A2 - Y)", "dW2 = A1m.T * dZ2m / m"), oracle=W2R, style="np-matrix-star-W2")
C(M, "W1", N, J("dZ2 = np.mat(A2 - Y)", "dA1 = dZ2 * np.mat(W2).T", "dZ1 = np.multiply(dA1, Z1 > 0)", "dW1 = np.mat(X).T * dZ1 / m"), oracle=W1R, style="np-mat-multiply-mask-W1")
C(M, "W1", N, J("dZ2 = np.mat(A2 - Y)", "dA1 = dZ2 * np.mat(W2).T", "dZ1 = dA1 * (Z1 > 0)", "dW1 = np.mat(X).T * dZ1 / m"), "*", oracle="np.asmatrix(X).T @ (np.asmatrix((A2 - Y) @ W2.T) @ (Z1 > 0)) / m", style="np-mat-star-as-mask-W1", note="a matrix times the mask is a matrix PRODUCT (m x n_h by m x n_h): it does not fit")
C(M, "W2", N, J("# forgot np.matrix: * is element-wise on arrays", "dW2 = A1.T * (A2 - Y) / m"), "*", oracle="A1.T * (A2 - Y) / m", style="np-matrix-forgotten-star-W2")
C(M, "b2", N, J("dZ2 = np.mat(A2 - Y)", "db2 = dZ2.sum(axis=0) / m"), oracle=B2R, style="np-mat-sum-axis0-b2")
C(M, "b1", N, J(D1, "db1 = np.matrix(dZ1).mean(0)"), oracle=B1R, style="np-matrix-mean-b1")
C(S, "W", N, "dW = np.matrix(X).T * np.matrix(P - Y) / m", oracle=SW, style="np-matrix-softmax-W")
C(S, "W", N, "dW = np.matrix(X.T) * np.matrix(Y - P) / m", "sign", oracle=f"-{SW}", style="np-matrix-softmax-W-sign")
C(T, "W1", N, J("delta = np.multiply(np.mat(y_pred - y_target) * np.mat(W2).T, np.multiply(h, 1 - h))", "dW1 = np.mat(X).T * delta"), oracle=TW1, style="np-mat-tiny-W1")
C(T, "W1", N, J("delta = np.mat(y_pred - y_target) * np.mat(W2).T * np.mat(h * (1 - h))", "dW1 = np.mat(X).T * delta"), "*", oracle="X.T @ ((y_pred - y_target) @ W2.T @ (h * (1 - h)))", style="np-mat-tiny-W1-slope-by-star", note="1 x n_h times 1 x n_h as matrices: does not fit")
C(M, "W2", N, "dW2 = np.asmatrix(A1).H * np.asmatrix(A2 - Y) / m", oracle=W2R, style="np-asmatrix-H-W2", note=".H of a real matrix is its transpose")
C(M, "W2", N, "dW2 = (np.matrix(A1).T * np.matrix(A2 - Y)).A / m", oracle=W2R, style="np-matrix-dot-A-W2")
C(M, "W2", N, "dW2 = (np.matrix(A1).T * np.matrix(A2 - Y)).A", "scale-factor", oracle=f"{W2R} * m", style="np-matrix-dot-A-W2-no-mean")
C(M, "W2", N, J("# 用 np.matrix 时，* 就是矩阵乘法（MATLAB 的老写法）", "dZ2 = np.mat(A2 - Y)", "dW2 = np.mat(A1).T * dZ2 / m"), lang=Z, oracle=W2R, style="zh-np-mat-star-W2")
C(M, "W1", N, J("# 注意：矩阵对象之间逐元素相乘要用 np.multiply", "dZ2 = np.mat(A2 - Y)", "dZ1 = np.multiply(dZ2 * np.mat(W2).T, np.mat(Z1 > 0))", "dW1 = np.mat(X).T * dZ1 / m"), lang=Z, oracle=W1R, style="zh-np-mat-multiply-W1")

# ================================================================ np.apply_along_axis
C(M, "b1", N, J(D1, "db1 = np.apply_along_axis(np.sum, 0, dZ1) / m"), oracle=B1R, style="apply-along-axis-sum-b1")
C(M, "b1", N, J(D1, "db1 = np.apply_along_axis(np.sum, 1, dZ1) / m"), "wrong-sum-axis", oracle=f"np.sum({DZ1}, axis=1)[:, None] / m", style="apply-along-axis-row-sum-b1")
C(M, "W2", N, "dW2 = np.apply_along_axis(lambda col: A1.T @ col, 0, A2 - Y) / m", oracle=W2R, style="apply-along-axis-lambda-W2")
C(S, "b", N, "db = np.apply_along_axis(np.mean, 0, P - Y)", oracle=SB, style="apply-along-axis-mean-softmax-b")
C(S, "W", N, "dW = np.apply_along_axis(lambda col: X.T @ col, 0, P - Y)", "scale-factor", oracle=f"{SW} * m", style="apply-along-axis-softmax-W-no-mean")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = np.apply_along_axis(np.sum, 0, dY)"), oracle=f"np.sum({BN_DY}, axis=0)", style="apply-along-axis-bn-beta")

# ================================================================ numpy as onp, jax.numpy as np; JAX's .at[].set
OJ = J("import numpy as onp", "import jax.numpy as np", "import jax")
C(M, "W2", N, J(OJ, "dW2 = np.dot(A1.T, A2 - Y) / m"), oracle=W2R, style="onp-jnp-as-np-W2")
C(M, "W1", N, J(OJ, "dZ1 = np.where(Z1 > 0, (A2 - Y) @ W2.T, 0.0)", "dW1 = onp.asarray(X.T @ dZ1) / m"), oracle=W1R, style="onp-jnp-where-W1")
C(M, "W1", N, J(OJ, "dA1 = (A2 - Y) @ W2.T", "dZ1 = dA1.at[Z1 <= 0].set(0.0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="jax-at-set-W1")
C(M, "W1", N, J(OJ, "dA1 = (A2 - Y) @ W2.T", "dZ1 = dA1.at[Z1 < 0].set(0.0)", "dW1 = X.T @ dZ1 / m"), "relu-at-zero", oracle=None, style="jax-at-set-strict-W1", note="README's policy: PyTorch's relu'(0) = 0, so keeping the gradient where Z1 = 0 is the relu-at-zero slip")
C(M, "W1", N, J(OJ, "dA1 = (A2 - Y) @ W2.T", "dZ1 = dA1.at[A1 < 0].set(0.0)", "dW1 = X.T @ dZ1 / m"), "missing-activation-derivative", oracle=NOMASK_W1, style="jax-at-set-on-A1-negative-W1", note="A1 = relu(Z1) is never negative: nothing is zeroed")
C(M, "W1", N, J(OJ, "dA1 = (A2 - Y) @ W2.T", "dZ1 = dA1.at[A1 <= 0].set(0.0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="jax-at-set-on-A1-nonpositive-W1", note="A1 <= 0 exactly where Z1 <= 0")
C(R, "w1", N, J("import jax.numpy as jnp", "grad_h = (2 * (y_pred - y) @ w2.T).at[h <= 0].set(0)", "grad_w1 = x.T @ grad_h"), oracle=RW1, style="jax-at-set-relu-mlp-w1")
C(R, "w1", N, J("import jax.numpy as jnp", "grad_h = (2 * (y_pred - y) @ w2.T).at[h <= 0].set(0)", "grad_w1 = h_relu.T @ grad_h"), "*", oracle="h_relu.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="jax-at-set-relu-mlp-w1-wrong-input")
C(S, "W", N, J("import jax", "dW = X.T @ (jax.nn.softmax(Z) - Y) / m"), oracle=SW, style="jax-nn-softmax-default-axis-W", note="jax.nn.softmax normalises the last axis by default")
C(S, "W", N, J("from scipy.special import softmax", "dW = X.T @ (softmax(Z) - Y) / m"), "*", oracle="X.T @ (np.exp(Z) / np.exp(Z).sum() - Y) / m", style="scipy-softmax-no-axis-W", note="scipy.special.softmax with axis=None normalises over EVERY entry")
C(S, "W", N, J("from scipy.special import softmax", "dW = X.T @ (softmax(Z, axis=1) - Y) / m"), oracle=SW, style="scipy-softmax-axis1-W")
C(M, "b1", N, J(OJ, "# 用 jax 的函数式更新把负半轴的梯度清零", "dZ1 = ((A2 - Y) @ W2.T).at[Z1 <= 0].set(0.0)", "db1 = np.sum(dZ1, axis=0, keepdims=True) / m"), lang=Z, oracle=B1R, style="zh-jax-at-set-b1")

# ================================================================ .mT / .mH / .H
C(M, "W2", N, "dW2 = A1.mT @ (A2 - Y) / m", oracle=W2R, style="mT-W2")
C(M, "W1", N, J("dZ1 = ((A2 - Y) @ W2.mT) * (Z1 > 0)", "dW1 = X.mT @ dZ1 / m"), oracle=W1R, style="mT-W1")
C(M, "W2", N, "dW2 = (A2 - Y).mT @ A1 / m", "*", oracle=f"({W2R}).T", style="mT-W2-transposed-result")
C(S, "W", N, "dW = X.H @ (P - Y) / m", oracle=SW, style="torch-H-softmax-W", note="Tensor.H of a real matrix is its transpose")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = (dz2 @ W_h.mT) * (1 - h_1 ** 2)", "dW_h = h_1.mH @ dz2 + h_0.mH @ dz1"), oracle=RWH, style="mH-rnn-Wh")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = (dz2 @ W_h.mT) * (1 - h_2 ** 2)", "dW_h = h_1.mT @ dz2 + h_0.mT @ dz1"), "*", oracle=f"h_1.T @ {R2_D2} + h_0.T @ ({R2_D2} @ W_h.T * (1 - h_2 ** 2))", style="mT-rnn-Wh-slope-of-wrong-step")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.numel()", "dV = A.mT @ dO", "dW_v = X.mT @ dV"), oracle=AWV, style="mT-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.numel()", "dV = A @ dO", "dW_v = X.mT @ dV"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="mT-attention-Wv-A-not-transposed")

# ================================================================ tf.custom_gradient with a hand gradient helper
CG = J(
    "def dense_grad(x, W, dy):",
    "    return tf.matmul(dy, W, transpose_b=True), tf.matmul(x, dy, transpose_a=True)",
    "",
    "",
    "@tf.custom_gradient",
    "def dense(x, W):",
    "    def grad(dy):",
    "        return dense_grad(x, W, dy)",
    "    return tf.matmul(x, W), grad",
    "",
)
C(M, "W2", N, J(CG, "dA1, dW2 = dense_grad(A1, W2, (A2 - Y) / m)"), oracle=W2R, style="tf-custom-gradient-helper-W2")
C(M, "W1", N, J(CG, "dA1, dW2 = dense_grad(A1, W2, (A2 - Y) / m)", "dX, dW1 = dense_grad(X, W1, dA1 * tf.cast(Z1 > 0, tf.float64))"), oracle=W1R, style="tf-custom-gradient-helper-W1")
C(M, "W2", N, J(CG, "dW2, dA1 = dense_grad(A1, W2, (A2 - Y) / m)"), "*", oracle="(A2 - Y) @ W2.T / m", style="tf-custom-gradient-outputs-swapped-W2")
C(M, "W2", N, J(CG, "dA1, dW2 = dense_grad(A1, W2, A2 - Y)"), "scale-factor", oracle=f"{W2R} * m", style="tf-custom-gradient-no-mean-W2")
C(M, "W2", N, J(CG, "with tf.GradientTape() as tape:", "    tape.watch(W2)", "    loss = bce(Y, tf.sigmoid(dense(A1, W2) + b2))", "dW2 = tape.gradient(loss, W2)"), REFUSE, style="tf-custom-gradient-tape-as-answer-W2")

# ================================================================ functools.reduce, operator.matmul, __matmul__, np.frompyfunc, ceil/clip masks
C(M, "W1", N, J("from functools import reduce", D1, "dW1 = reduce(np.matmul, [X.T, dZ1]) / m"), oracle=W1R, style="functools-reduce-matmul-W1")
C(M, "W2", N, J("import operator", "dW2 = operator.matmul(A1.T, A2 - Y) / m"), oracle=W2R, style="operator-matmul-W2")
C(M, "W2", N, "dW2 = A1.T.__matmul__(A2 - Y) / m", oracle=W2R, style="dunder-matmul-W2")
C(M, "W1", N, J("relu_d = np.frompyfunc(lambda z: 1.0 if z > 0 else 0.0, 1, 1)", "dZ1 = (A2 - Y) @ W2.T * relu_d(Z1).astype(float)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="frompyfunc-relu-slope-W1")
C(M, "W1", N, J("relu_d = np.frompyfunc(lambda z: 1.0 if z >= 0 else 0.0, 1, 1)", "dZ1 = (A2 - Y) @ W2.T * relu_d(Z1).astype(float)", "dW1 = X.T @ dZ1 / m"), "relu-at-zero", oracle=None, style="frompyfunc-relu-slope-at-zero-W1", note="1 at z = 0: the relu-at-zero slip (README's policy)")
C(M, "W1", N, J("from functools import reduce", "dW1 = reduce(np.dot, [X.T, A2 - Y, W2.T]) * (Z1 > 0) / m"), "*", oracle="(X.T @ (A2 - Y) @ W2.T) * (Z1 > 0) / m", style="functools-reduce-mask-after-product-W1")
C(M, "W1", N, J("mask = np.ceil(np.clip(Z1, 0, 1))", "dW1 = X.T @ ((A2 - Y) @ W2.T * mask) / m"), oracle=W1R, style="ceil-clip-mask-W1", note="ceil(clip(z, 0, 1)) is 1 for z > 0 and 0 otherwise: the step")
C(M, "W1", N, J("mask = np.clip(Z1, 0, 1)", "dW1 = X.T @ ((A2 - Y) @ W2.T * mask) / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * np.clip(Z1, 0, 1)) / m", style="clip-as-mask-W1")
C(T, "W1", N, J("sig_d = np.frompyfunc(lambda a: a * (1 - a), 1, 1)", "dW1 = X.T @ ((y_pred - y_target) * W2.T * sig_d(h).astype(float))"), oracle=TW1, style="frompyfunc-sigmoid-slope-tiny-W1")
C(T, "W1", N, J("sig_d = np.frompyfunc(lambda a: a * (1 - a), 1, 1)", "dW1 = X.T @ ((y_pred - y_target) * W2.T * sig_d(h_raw).astype(float))"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="frompyfunc-sigmoid-slope-of-pre-activation-tiny-W1")

# ================================================================ namedtuple / NamedTuple caches
NT = J("from collections import namedtuple", "Cache = namedtuple(\"Cache\", [\"Z1\", \"A1\", \"Z2\", \"A2\"])", "cache = Cache(Z1, A1, Z2, A2)")
C(M, "W2", N, J(NT, "dZ2 = cache.A2 - Y", "dW2 = cache.A1.T @ dZ2 / m"), oracle=W2R, style="namedtuple-cache-W2")
C(M, "W1", N, J(NT, "dZ2 = cache.A2 - Y", "dZ1 = dZ2 @ W2.T * (cache.Z1 > 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="namedtuple-cache-W1")
C(M, "W1", N, J(NT, "dZ2 = cache.A2 - Y", "dZ1 = dZ2 @ W2.T * (cache.Z2 > 0)", "dW1 = X.T @ dZ1 / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z2 > 0)) / m", style="namedtuple-cache-W1-mask-of-Z2")
C(M, "b1", N, J(NT, "z1, a1, z2, a2 = cache", "dz1 = (a2 - Y) @ W2.T * (z1 > 0)", "db1 = dz1.sum(axis=0, keepdims=True) / m"), oracle=B1R, style="namedtuple-unpacked-b1")
C(M, "W2", N, J("from typing import NamedTuple", "", "", "class Cache(NamedTuple):", "    A1: np.ndarray", "    A2: np.ndarray", "", "", "cache = Cache(A1=A1, A2=A2)", "dW2 = cache.A1.T @ (cache.A2 - Y) / m"), oracle=W2R, style="typing-namedtuple-cache-W2")
C(M, "W2", N, J("from typing import NamedTuple", "", "", "class Cache(NamedTuple):", "    A1: np.ndarray", "    A2: np.ndarray", "", "", "cache = Cache(A2, A1)", "dW2 = cache.A1.T @ (cache.A2 - Y) / m"), "*", oracle="A2.T @ (A1 - Y) / m", style="typing-namedtuple-positional-swapped-W2", note="positional fields: cache.A1 is A2 here")

# ================================================================ Apple MLX, Jittor, OneFlow, MegEngine
C(M, "W2", N, J("import mlx.core as mx", "dW2 = mx.matmul(mx.transpose(A1), A2 - Y) / m"), oracle=W2R, style="mlx-matmul-transpose-W2")
C(M, "b1", N, J("import mlx.core as mx", "dZ1 = ((A2 - Y) @ W2.T) * (Z1 > 0)", "db1 = mx.mean(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="mlx-mean-b1")
C(M, "b1", N, J("import mlx.core as mx", "dZ1 = ((A2 - Y) @ W2.T) * (Z1 > 0)", "db1 = mx.sum(dZ1, axis=1, keepdims=True) / m"), "wrong-sum-axis", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="mlx-sum-wrong-axis-b1")
C(S, "W", N, J("import mlx.core as mx", "P_hat = mx.softmax(Z, axis=-1)", "dW = X.T @ (P_hat - Y) / m"), oracle=SW, style="mlx-softmax-W")
C(R, "w2", N, J("import mlx.core as mx", "grad_w2 = mx.matmul(h_relu.T, 2 * (y_pred - y))"), oracle=RW2, style="mlx-relu-mlp-w2")
C(M, "W1", N, J("import jittor as jt", "dZ1 = jt.matmul(A2 - Y, W2.transpose()) * (Z1 > 0)", "dW1 = jt.matmul(X.transpose(), dZ1) / m"), oracle=W1R, style="jittor-transpose-W1")
C(M, "W2", N, J("import oneflow as flow", "dW2 = flow.mm(A1.t(), A2 - Y) / m"), oracle=W2R, style="oneflow-mm-W2")
C(M, "W2", N, J("import megengine.functional as F", "dW2 = F.matmul(A1, A2 - Y, transpose_a=True) / m"), oracle=W2R, style="megengine-matmul-transpose-a-W2")
C(M, "W2", N, J("import megengine.functional as F", "dW2 = F.matmul(A2 - Y, A1, transpose_a=True) / m"), "*", oracle=f"({W2R}).T", style="megengine-matmul-operands-swapped-W2")
C(M, "W1", N, J("import megengine.functional as F", "dZ1 = F.matmul(A2 - Y, W2, transpose_b=True) * (Z1 > 0)", "dW1 = F.matmul(X, dZ1, transpose_a=True)"), "scale-factor", oracle=f"{W1R} * m", style="megengine-W1-no-mean")
C(M, "W2", N, J("# 旷视 MegEngine 的写法", "import megengine.functional as F", "dW2 = F.matmul(A1, A2 - Y, transpose_a=True) / m"), lang=Z, oracle=W2R, style="zh-megengine-W2")

# ================================================================ Numba @njit index loops
NB = J(
    "from numba import njit",
    "",
    "",
    "@njit",
    "def outer_sum(A, G):",
    "    n, p = A.shape",
    "    q = G.shape[1]",
    "    out = np.zeros((p, q))",
    "    for i in range(n):",
    "        for j in range(p):",
    "            for k in range(q):",
    "                out[j, k] += A[i, j] * G[i, k]",
    "    return out",
    "",
)
C(M, "W2", N, J(NB, "dW2 = outer_sum(A1, A2 - Y) / m"), oracle=W2R, style="numba-njit-index-loops-W2")
C(M, "W2", N, J(NB, "dW2 = outer_sum(A1, A2 - Y)"), "scale-factor", oracle=f"{W2R} * m", style="numba-njit-index-loops-W2-no-mean")
C(M, "W1", N, J(NB, D1, "dW1 = outer_sum(X, dZ1) / m"), oracle=W1R, style="numba-njit-index-loops-W1")
C(S, "W", N, J(NB, "dW = outer_sum(X, Y - P) / m"), "sign", oracle=f"-{SW}", style="numba-njit-softmax-W-sign")

# ================================================================ list comprehensions, entry by entry
C(M, "W2", N, "dW2 = np.array([A1[:, j] @ (A2 - Y) for j in range(A1.shape[1])]) / m", oracle=W2R, style="listcomp-rows-W2")
C(M, "W1", N, J(D1, "dW1 = np.array([[X[:, i] @ dZ1[:, j] for j in range(dZ1.shape[1])] for i in range(X.shape[1])]) / m"), oracle=W1R, style="listcomp-entries-W1")
C(M, "W1", N, J(D1, "dW1 = np.array([[X[:, i] @ dZ1[:, j] for i in range(X.shape[1])] for j in range(dZ1.shape[1])]) / m"), "*", oracle=f"({W1R}).T", style="listcomp-entries-W1-loops-swapped")
C(M, "b1", N, J(D1, "db1 = np.array([[dZ1[:, j].mean() for j in range(dZ1.shape[1])]])"), oracle=B1R, style="listcomp-column-means-b1")
C(S, "W", N, "dW = np.stack([X.T @ (P[:, c] - Y[:, c]) for c in range(P.shape[1])], axis=1) / m", oracle=SW, style="listcomp-stack-columns-softmax-W")
C(S, "W", N, "dW = np.stack([X.T @ (P[:, c] - Y[:, c]) for c in range(P.shape[1])], axis=0) / m", "*", oracle=f"({SW}).T", style="listcomp-stack-rows-softmax-W")

# ================================================================ jax.lax.dot_general, torch.addmm
C(M, "W2", N, "dW2 = jax.lax.dot_general(A1, A2 - Y, (((0,), (0,)), ((), ()))) / m", oracle=W2R, style="lax-dot-general-W2")
C(M, "W2", N, "dW2 = jax.lax.dot_general(A1, A2 - Y, (((1,), (1,)), ((), ()))) / m", "*", oracle=None, style="lax-dot-general-W2-wrong-contraction", note="contracts A1's hidden axis with dZ2's single column: does not fit (n_h != 1)")
C(M, "W2", N, "dW2 = torch.addmm(torch.zeros_like(W2), A1.t(), A2 - Y, alpha=1 / m)", oracle=W2R, style="torch-addmm-alpha-W2")

# ================================================================ the other built-ins, and students' mistakes
C(E, "w", N, J("from scipy.special import expit", "s = expit(z)", "dw = (s - t) * s * (1 - s) * x"), oracle=EW, style="scipy-expit-neuron-w")
C(E, "w", N, J("from scipy.special import expit", "dw = (expit(z) - t) * x"), "missing-activation-derivative", oracle="(O - t) * x", style="scipy-expit-neuron-w-no-slope")
C(CH, "w", N, J("import operator", "dw = operator.mul(2 * v, x)"), oracle="2 * v * x", style="operator-mul-chain-w")
C(CH, "b", N, J("dv = 2 * v", "db = dv * 1 - 0.01 * dv"), "*", oracle="0.99 * 2 * v", style="chain-b-lr-mixed-in")
C(MW, "W2", N, J("dZ2 = np.mat((1 - Y) * A2 - w * Y * (1 - A2))", "dW2 = np.mat(A1).T * dZ2 / m"), oracle=WW2, style="np-mat-weighted-W2")
C(MW, "W2", N, J("dZ2 = np.mat(A2 - Y)", "dW2 = np.mat(A1).T * dZ2 / m"), "*", oracle=W2R, style="np-mat-weighted-W2-weight-forgotten")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = (dY * Z_hat).sum(axis=0, keepdims=True)"), oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="bn-gamma-method-sum")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.sum(dY * Z_hat)"), "*", oracle=f"np.sum({BN_DY} * Z_hat) + 0 * gamma", style="bn-gamma-sum-no-axis")
C(R, "w2", N, J("lr = 1e-6", "grad_w2 = h_relu.T @ (2 * (y_pred - y))", "w2 -= lr * grad_w2"), oracle=RW2, style="relu-mlp-w2-step-after")
C(R, "w2", N, J("lr = 1e-6", "grad_w2 = lr * h_relu.T @ (2 * (y_pred - y))", "w2 -= grad_w2"), "*", oracle=f"1e-6 * {RW2}", style="relu-mlp-w2-lr-inside")
C(M, "W1", N, J("def layer_grad(A_prev, dZ):", "    return A_prev.T @ dZ / len(A_prev)", "", "", "dZ1 = ((A2 - Y) / m) @ W2.T * (Z1 > 0)", "dW1 = layer_grad(X, dZ1)"), "scale-factor", oracle=f"{W1R} / m", style="helper-len-divides-twice-W1")
C(M, "W2", N, J("dZ2 = Y - A2", "dW2 = A1.T @ dZ2 / m"), "sign", oracle=f"-{W2R}", style="dZ2-Y-minus-A2-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dZ1 = dZ2 @ W2.T * (Z1 > 0)", "dW2 = X.T @ dZ1 / m"), "*", oracle=W1R, style="W2-from-first-layer-delta")

# ================================================================ Chinese homework on the built-ins
C(M, "W2", N, J("# 尚硅谷 深度学习 作业：用 np.matrix 写两层网络的反向传播", "A1m = np.asmatrix(A1)", "dW2 = A1m.T * np.asmatrix(A2 - Y) / m"), lang=Z, oracle=W2R, style="zh-shangguigu-asmatrix-W2")
C(M, "b2", N, J("# 黑马 教程：偏置的梯度按列求和，记得 keepdims", "db2 = np.sum(A2 - Y, axis=0, keepdims=True) / m"), lang=Z, oracle=B2R, style="zh-heima-keepdims-b2")
C(M, "b2", N, J("# 黑马 教程：偏置的梯度", "db2 = np.sum(A2 - Y) / m * np.ones((1, 1))"), lang=Z, oracle=B2R, style="zh-heima-sum-everything-one-column-b2", note="A2 - Y has one column: the sum of every entry is its column sum")
C(S, "W", N, J("# 知乎 专栏：softmax 回归手推梯度，scipy 版", "from scipy.special import softmax", "P_hat = softmax(Z, axis=1)", "dW = np.dot(X.T, P_hat - Y) / X.shape[0]"), lang=Z, oracle=SW, style="zh-zhihu-scipy-softmax-W")
C(S, "W", N, J("# 知乎 专栏：softmax 回归手推梯度（忘了 axis）", "from scipy.special import softmax", "P_hat = softmax(Z)", "dW = np.dot(X.T, P_hat - Y) / X.shape[0]"), "*", lang=Z, oracle="X.T @ (np.exp(Z) / np.exp(Z).sum() - Y) / m", style="zh-zhihu-scipy-softmax-no-axis-W")
C(T, "W2", N, J("# 飞桨 AI Studio 作业：输出层权重的梯度", "import paddle", "dW2 = paddle.matmul(h, y_pred - y_target, transpose_x=True)"), lang=Z, oracle=TW2, style="zh-aistudio-paddle-tiny-W2")
C(E, "w", N, J("# 单个神经元：用 numpy 矩阵对象", "dz = np.mat((O - t) * O * (1 - O))", "dw = np.multiply(dz, x)"), lang=Z, oracle=EW, style="zh-np-mat-neuron-w")
C(R, "w1", N, J("# 手推 BP：ReLU 的导数在 h <= 0 处为 0", "grad_h = 2 * (y_pred - y) @ w2.T", "grad_h = np.where(h <= 0, 0, grad_h)", "grad_w1 = x.T @ grad_h"), lang=Z, oracle=RW1, style="zh-relu-mlp-where-w1")

# ================================================================ refusals
C(M, "W2", N, "dW2 = eval(\"A1.T @ (A2 - Y) / m\")", REFUSE, style="eval-string-W2")
C(M, "W2", N, J("exec(\"dW2 = A1.T @ (A2 - Y) / m\")", "print(dW2)"), REFUSE, style="exec-string-W2")
C(M, "W2", N, J("loss = F.binary_cross_entropy(A2, Y)", "loss.backward()", "dW2 = W2.grad.clone()"), REFUSE, style="loss-backward-grad-clone-W2")
C(M, "W2", N, J("import mlx.core as mx", "dW2 = mx.grad(loss_fn)(W2)"), REFUSE, style="mlx-grad-as-answer-W2")
C(M, "W2", N, "dW2 = np.load(\"dW2.npy\")", REFUSE, style="np-load-W2")
C(M, "W1", N, J("from my_backprop import two_layer_backward", "dW1 = two_layer_backward(X, Y, A1, A2, W2)[\"dW1\"]"), REFUSE, style="imported-helper-W1")

# ================================================================ masked arrays, np.putmask / np.place, BLAS dgemm, sum_to_size
C(M, "W1", N, J("dA1 = (A2 - Y) @ W2.T", "dZ1 = np.ma.masked_where(Z1 <= 0, dA1).filled(0.0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="masked-array-filled-W1")
C(M, "W1", N, J("dA1 = (A2 - Y) @ W2.T", "dZ1 = np.ma.masked_where(Z1 < 0, dA1).filled(0.0)", "dW1 = X.T @ dZ1 / m"), "relu-at-zero", oracle=None, style="masked-array-strict-W1", note="README's policy: the gradient kept where Z1 = 0 is the relu-at-zero slip")
C(M, "W1", N, J("dA1 = (A2 - Y) @ W2.T", "np.putmask(dA1, Z1 <= 0, 0.0)", "dW1 = X.T @ dA1 / m"), oracle=W1R, style="putmask-W1")
C(M, "W1", N, J("dA1 = (A2 - Y) @ W2.T", "np.place(dA1, A1 <= 0, 0.0)", "dW1 = X.T @ dA1 / m"), oracle=W1R, style="place-on-A1-W1")
C(M, "W1", N, J("dA1 = (A2 - Y) @ W2.T", "np.putmask(dA1, Z1 > 0, 0.0)", "dW1 = X.T @ dA1 / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 <= 0)) / m", style="putmask-inverted-W1")
C(M, "W2", N, J("from scipy.linalg.blas import dgemm", "dW2 = dgemm(alpha=1.0 / m, a=A1, b=A2 - Y, trans_a=True)"), oracle=W2R, style="blas-dgemm-trans-a-W2")
C(M, "W2", N, J("from scipy.linalg.blas import dgemm", "dW2 = dgemm(alpha=1.0, a=A1, b=A2 - Y, trans_a=True)"), "scale-factor", oracle=f"{W2R} * m", style="blas-dgemm-W2-no-mean")
C(MW, "W2", N, J("from scipy.linalg.blas import dgemm", "dW2 = dgemm(1.0 / m, A1, (1 - Y) * A2 - w * Y * (1 - A2), trans_a=1)"), oracle=WW2, style="blas-dgemm-positional-weighted-W2")
C(M, "b1", N, J(D1, "db1 = dZ1.sum_to_size(b1.shape) / m"), oracle=B1R, style="sum-to-size-b1")
C(S, "b", N, "db = (P - Y).sum_to_size(b.shape) / m", oracle=SB, style="sum-to-size-softmax-b")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = (dY * Z_hat).sum_to_size(gamma.shape)"), oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="sum-to-size-bn-gamma")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = (dz2 @ W_h.mT) * (1 - h_1 ** 2)", "dW_x = x_2.mT @ dz2 + x_1.mT @ dz1"), oracle=f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}", style="mT-rnn-Wx")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.mat(A).T * np.mat(dO)", "dW_v = np.mat(X).T * dV"), oracle=AWV, style="np-mat-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T)", "dV = np.mat(A).T * np.mat(dO)", "dW_v = np.mat(X).T * dV"), "scale-factor", oracle="X.T @ (A.T @ (2 * (O - T)))", style="np-mat-attention-Wv-no-mean")
C(CH, "w", N, J("import functools, operator", "dw = functools.reduce(operator.mul, [2, v, x])"), oracle="2 * v * x", style="reduce-operator-mul-chain-w")
C(T, "W1", N, "dW1 = X.mT @ ((y_pred - y_target) @ W2.mT * h * (1 - h))", oracle=TW1, style="mT-tiny-W1")
C(T, "W2", N, "dW2 = h.mT @ (y_target - y_pred)", "sign", oracle=f"-{TW2}", style="mT-tiny-W2-sign")

# ================================================================ course: MindSpore ops MLP, BCE (Chinese)
MS_D = "((p - y) / N)"
MS_Z1 = "(x @ W1 + b1)"
MS_W2 = f"h1.T @ {MS_D}"
MS_DZ1 = f"({MS_D} @ W2.T * ({MS_Z1} > 0))"
MS_W1 = f"x.T @ {MS_DZ1}"
C(MS, "W2", N, J("# MindSpore：交叉熵与 sigmoid 合在一起，dz2 = (p - y) / N", "dz2 = ops.div(ops.sub(p, y), N)", "dW2 = ops.matmul(ops.transpose(h1, (1, 0)), dz2)"), lang=Z, oracle=MS_W2, style="zh-mindspore-ops-W2")
C(MS, "W2", N, J("dz2 = p - y", "dW2 = ops.matmul(h1.T, dz2)"), "scale-factor", oracle=f"{MS_W2} * N", style="mindspore-W2-no-mean")
C(MS, "W2", N, J("dz2 = (y - p) / N", "dW2 = ops.matmul(h1.T, dz2)"), "sign", oracle=f"-{MS_W2}", style="mindspore-W2-sign")
C(MS, "W2", N, J("dz2 = (p - y) * p * (1 - p) / N", "dW2 = ops.matmul(h1.T, dz2)"), "*", oracle="h1.T @ ((p - y) * p * (1 - p) / N)", style="mindspore-W2-sigmoid-slope-not-cancelled")
C(MS, "b2", N, J("# 偏置：对样本求和", "db2 = ops.sum(p - y, dim=0) / N"), lang=Z, oracle=f"np.sum({MS_D}, axis=0)", style="zh-mindspore-b2")
C(MS, "b2", N, "db2 = np.mean(p - y, axis=0)", oracle=f"np.sum({MS_D}, axis=0)", style="mindspore-b2-numpy-mean")
C(MS, "W1", N, J("# 隐藏层是 ReLU：梯度只在 z1 > 0 处通过", "z1 = ops.matmul(x, W1) + b1", "dz2 = (p - y) / N", "dz1 = ops.matmul(dz2, W2.T) * (z1 > 0)", "dW1 = ops.matmul(x.T, dz1)"), lang=Z, oracle=MS_W1, style="zh-mindspore-W1")
C(MS, "W1", N, J("dz2 = (p - y) / N", "dz1 = ops.matmul(dz2, W2.T) * (h1 > 0)", "dW1 = ops.matmul(x.T, dz1)"), oracle=MS_W1, style="mindspore-W1-mask-on-h1", note="h1 = relu(z1) > 0 exactly where z1 > 0")
C(MS, "W1", N, J("dz2 = (p - y) / N", "dz1 = ops.matmul(dz2, W2.T)", "dW1 = ops.matmul(x.T, dz1)"), "missing-activation-derivative", oracle=f"x.T @ ({MS_D} @ W2.T)", style="mindspore-W1-mask-forgotten")
C(MS, "W1", N, J("# 用 np.matrix 写：* 是矩阵乘法", "dz2 = np.mat(p - y) / N", "dz1 = np.multiply(dz2 * np.mat(W2).T, x @ W1 + b1 > 0)", "dW1 = np.mat(x).T * dz1"), lang=Z, oracle=MS_W1, style="zh-mindspore-np-mat-W1")
C(MS, "b1", N, J("dz2 = (p - y) / N", "dz1 = (dz2 @ W2.T) * (x @ W1 + b1 > 0)", "db1 = np.apply_along_axis(np.sum, 0, dz1)"), oracle=f"np.sum({MS_DZ1}, axis=0)", style="mindspore-b1-apply-along-axis")
C(MS, "b1", N, J("dz2 = (p - y) / N", "dz1 = (dz2 @ W2.T) * (x @ W1 + b1 > 0)", "db1 = np.sum(dz1)"), "*", oracle=f"np.sum({MS_DZ1}) + 0 * b1", style="mindspore-b1-sum-no-axis")

# ================================================================ course: WGAN critic with leaky ReLU
WG_ZR, WG_ZF = "(real @ W1 + b1)", "(fake @ W1 + b1)"


def _lr(z: str) -> str:
    return f"np.where({z} > 0, {z}, 0.2 * {z})"


def _sl(z: str) -> str:
    return f"np.where({z} > 0, 1.0, 0.2)"


WG_W2 = f"({_lr(WG_ZF)}.mean(0) - {_lr(WG_ZR)}.mean(0))[:, None]"
WG_W1 = f"(fake.T @ (np.ones((N, 1)) @ w2.T * {_sl(WG_ZF)}) - real.T @ (np.ones((N, 1)) @ w2.T * {_sl(WG_ZR)})) / N"
WG_B1 = f"((w2.T * {_sl(WG_ZF)}).sum(0) - (w2.T * {_sl(WG_ZR)}).sum(0)) / N"
WG_H = J("zr = real @ W1 + b1", "zf = fake @ W1 + b1", "hr = np.where(zr > 0, zr, 0.2 * zr)", "hf = np.where(zf > 0, zf, 0.2 * zf)")
WG_S = J("zr = real @ W1 + b1", "zf = fake @ W1 + b1", "sr = np.where(zr > 0, 1.0, 0.2)", "sf = np.where(zf > 0, 1.0, 0.2)")
C(WG, "w2", N, J(WG_H, "dw2 = (hf.mean(axis=0) - hr.mean(axis=0))[:, None]"), oracle=WG_W2, style="wgan-w2")
C(WG, "w2", N, J(WG_H, "dw2 = (hr.mean(axis=0) - hf.mean(axis=0))[:, None]"), "sign", oracle=f"-{WG_W2}", style="wgan-w2-sign")
C(WG, "w2", N, J(WG_H, "dw2 = (hf.sum(axis=0) - hr.sum(axis=0))[:, None]"), "scale-factor", oracle=f"{WG_W2} * N", style="wgan-w2-no-mean")
C(WG, "w2", N, J(WG_H, "dw2 = hf.T @ np.ones((N, 1)) / N - hr.T @ np.ones((N, 1)) / N"), oracle=WG_W2, style="wgan-w2-ones-column")
C(WG, "w2", N, J(WG_H, "dw2 = hf.mean(axis=0)[:, None]"), "missing-path", oracle=f"{_lr(WG_ZF)}.mean(0)[:, None]", style="wgan-w2-real-term-forgotten")
C(WG, "W1", N, J(WG_S, "dW1 = fake.T @ (sf * w2.T) / N - real.T @ (sr * w2.T) / N"), oracle=WG_W1, style="wgan-W1")
C(WG, "W1", N, J("zr = real @ W1 + b1", "zf = fake @ W1 + b1", "dW1 = fake.T @ ((zf > 0) * w2.T) / N - real.T @ ((zr > 0) * w2.T) / N"), "wrong-activation-derivative",
  oracle=f"(fake.T @ (np.ones((N, 1)) @ w2.T * ({WG_ZF} > 0)) - real.T @ (np.ones((N, 1)) @ w2.T * ({WG_ZR} > 0))) / N", style="wgan-W1-relu-mask-for-leaky")
C(WG, "W1", N, J(WG_S, "dW1 = fake.T @ (sf * w2.T) / N + real.T @ (sr * w2.T) / N"), "*", oracle=f"(fake.T @ (np.ones((N, 1)) @ w2.T * {_sl(WG_ZF)}) + real.T @ (np.ones((N, 1)) @ w2.T * {_sl(WG_ZR)})) / N", style="wgan-W1-real-sign")
C(WG, "b1", N, J(WG_S, "db1 = (sf * w2.T).mean(axis=0) - (sr * w2.T).mean(axis=0)"), oracle=WG_B1, style="wgan-b1")
C(WG, "b1", N, J("zr = real @ W1 + b1", "zf = fake @ W1 + b1", "sr = torch.where(zr > 0, 1.0, 0.2)", "sf = torch.where(zf > 0, 1.0, 0.2)", "db1 = (sf - sr).mean(dim=0) * w2.mT"), oracle=WG_B1, style="wgan-b1-torch-mT", note="(sf - sr).mean(0) is a row of n_h, w2.mT a 1 x n_h row: element-wise, 1 x n_h")
C(WG, "b1", N, J(WG_S, "db1 = (sf - sr).mean(axis=0)"), "*", oracle=f"({_sl(WG_ZF)} - {_sl(WG_ZR)}).mean(0)", style="wgan-b1-w2-forgotten")

# ================================================================ course: Keras CategoricalCrossentropy(label_smoothing=0.1)
KL_YS = "(0.9 * y_true + 0.1 / C)"
KL_P = "(np.exp(y_pred) / np.exp(y_pred).sum(1, keepdims=True))"
KL_D = f"(({KL_P} - {KL_YS}) / N)"
KL_W2 = f"hid.T @ {KL_D}"
KL_W1 = f"x.T @ ({KL_D} @ W2.T * (hid > 0))"
KL_HEAD = J("n_cls = y_true.shape[1]", "y_s = y_true * (1 - 0.1) + 0.1 / n_cls", "g = (tf.nn.softmax(y_pred) - y_s) / y_true.shape[0]")
C(KL, "W2", N, J(KL_HEAD, "dW2 = tf.matmul(hid, g, transpose_a=True)"), oracle=KL_W2, style="keras-ls-W2")
C(KL, "W2", N, J("g = (tf.nn.softmax(y_pred) - y_true) / y_true.shape[0]", "dW2 = tf.matmul(hid, g, transpose_a=True)"), "*", oracle=f"hid.T @ (({KL_P} - y_true) / N)", style="keras-ls-W2-smoothing-forgotten")
C(KL, "W2", N, J("n_cls = y_true.shape[1]", "y_s = y_true * (1 - 0.1) + 0.1 / n_cls", "g = tf.nn.softmax(y_pred) - y_s", "dW2 = tf.matmul(hid, g, transpose_a=True)"), "scale-factor", oracle=f"{KL_W2} * N", style="keras-ls-W2-no-mean")
C(KL, "W2", N, J("y_s = y_true * (1 - 0.1) + 0.1", "g = (tf.nn.softmax(y_pred) - y_s) / y_true.shape[0]", "dW2 = tf.matmul(hid, g, transpose_a=True)"), "*", oracle=f"hid.T @ (({KL_P} - (0.9 * y_true + 0.1)) / N)", style="keras-ls-W2-smoothing-not-divided-by-classes")
C(KL, "W2", N, J("from scipy.special import softmax", "y_s = 0.9 * y_true + 0.1 / y_true.shape[1]", "dW2 = hid.T @ (softmax(y_pred, axis=1) - y_s) / len(x)"), oracle=KL_W2, style="keras-ls-W2-scipy-softmax-axis")
C(KL, "W2", N, J("from scipy.special import softmax", "y_s = 0.9 * y_true + 0.1 / y_true.shape[1]", "dW2 = hid.T @ (softmax(y_pred) - y_s) / len(x)"), "*", oracle=f"hid.T @ (np.exp(y_pred) / np.exp(y_pred).sum() - {KL_YS}) / N", style="keras-ls-W2-scipy-softmax-no-axis")
C(KL, "b2", N, J(KL_HEAD, "db2 = tf.reduce_sum(g, axis=0)"), oracle=f"{KL_D}.sum(0)", style="keras-ls-b2")
C(KL, "b2", N, J(KL_HEAD, "db2 = tf.reduce_sum(g, axis=1)"), "*", oracle=f"{KL_D}.sum(1)", style="keras-ls-b2-wrong-axis")
C(KL, "W1", N, J(KL_HEAD, "dh = tf.matmul(g, W2, transpose_b=True)", "dW1 = tf.matmul(x, dh * tf.cast(hid > 0, dh.dtype), transpose_a=True)"), oracle=KL_W1, style="keras-ls-W1")
C(KL, "W1", N, J(KL_HEAD, "dh = tf.matmul(g, W2, transpose_b=True)", "dW1 = tf.matmul(x, dh, transpose_a=True)"), "missing-activation-derivative", oracle=f"x.T @ ({KL_D} @ W2.T)", style="keras-ls-W1-relu-forgotten")
C(KL, "W1", N, J(KL_HEAD, "dh = tf.matmul(g, W2)", "dW1 = tf.matmul(x, dh * tf.cast(hid > 0, dh.dtype), transpose_a=True)"), "*", oracle=None, style="keras-ls-W1-W2-not-transposed", note="N x C by h x C: does not fit (C != h)")

# ================================================================ course: matrix factorisation, row dots, L2
MF_D = "(2 * (pred - r) / N)"
MF_P = f"U.T @ ({MF_D}[:, None] * qi) + 2 * lam * P"
MF_Q = f"I.T @ ({MF_D}[:, None] * pu) + 2 * lam * Q"
MF_BU = f"U.T @ {MF_D} + 2 * lam * bu"
MF_BI = f"I.T @ {MF_D} + 2 * lam * bi"
MF_HEAD = "e = 2 * (pred - r) / N"
C(MF, "P", N, J(MF_HEAD, "dP = U.T @ (e[:, None] * qi) + 2 * lam * P"), oracle=MF_P, style="mf-P")
C(MF, "P", N, J(MF_HEAD, "dP = U.T @ (e[:, None] * qi)"), "*", oracle=f"U.T @ ({MF_D}[:, None] * qi)", style="mf-P-l2-forgotten")
C(MF, "P", N, J(MF_HEAD, "dP = U.T @ (e[:, None] * qi) + lam * P"), "*", oracle=f"U.T @ ({MF_D}[:, None] * qi) + lam * P", style="mf-P-l2-half")
C(MF, "P", N, J(MF_HEAD, "dP = U.T @ (e[:, None] * pu) + 2 * lam * P"), "*", oracle=f"U.T @ ({MF_D}[:, None] * pu) + 2 * lam * P", style="mf-P-own-factor-not-item")
C(MF, "P", N, J("e = (pred - r) / N", "dP = U.T @ (e[:, None] * qi) + 2 * lam * P"), "*", oracle="U.T @ ((pred - r)[:, None] / N * qi) + 2 * lam * P", style="mf-P-two-of-square-forgotten")
C(MF, "Q", N, J(MF_HEAD, "dQ = np.einsum('n,nu,nk->uk', e, I, pu) + 2 * lam * Q"), oracle=MF_Q, style="mf-Q-einsum")
C(MF, "Q", N, J(MF_HEAD, "dQ = np.matrix(I).T * np.matrix(e[:, None] * pu) + 2 * lam * Q"), oracle=MF_Q, style="mf-Q-np-matrix")
C(MF, "bu", N, J(MF_HEAD, "dbu = U.T @ e + 2 * lam * bu"), oracle=MF_BU, style="mf-bu")
C(MF, "bu", N, J(MF_HEAD, "dbu = U.T @ e"), "*", oracle=f"U.T @ {MF_D}", style="mf-bu-l2-forgotten")
C(MF, "bi", N, J(MF_HEAD, "dbi = np.apply_along_axis(np.sum, 0, I * e[:, None]) + 2 * lam * bi"), oracle=MF_BI, style="mf-bi-apply-along-axis")
C(MF, "bi", N, J("e = 2 * (r - pred) / N", "dbi = I.T @ e + 2 * lam * bi"), "*", oracle=f"-I.T @ {MF_D} + 2 * lam * bi", style="mf-bi-error-sign")

# ================================================================ course: SGNS word2vec with logsigmoid (Chinese)
SG_VC = "(C @ W_in)"
SG_SO = f"({SG_VC} * (O @ W_out)).sum(1)"
SG_S1 = f"({SG_VC} * (K1 @ W_out)).sum(1)"
SG_S2 = f"({SG_VC} * (K2 @ W_out)).sum(1)"
SG_GO = f"((sigmoid({SG_SO}) - 1) / N)"
SG_G1 = f"(sigmoid({SG_S1}) / N)"
SG_G2 = f"(sigmoid({SG_S2}) / N)"
SG_WIN = f"C.T @ ({SG_GO}[:, None] * (O @ W_out) + {SG_G1}[:, None] * (K1 @ W_out) + {SG_G2}[:, None] * (K2 @ W_out))"
SG_WOUT = f"O.T @ ({SG_GO}[:, None] * {SG_VC}) + K1.T @ ({SG_G1}[:, None] * {SG_VC}) + K2.T @ ({SG_G2}[:, None] * {SG_VC})"
SG_HEAD = J(
    "from scipy.special import expit",
    "uo, u1, u2 = O @ W_out, K1 @ W_out, K2 @ W_out",
    "go = (expit((vc * uo).sum(1)) - 1) / N",
    "g1 = expit((vc * u1).sum(1)) / N",
    "g2 = expit((vc * u2).sum(1)) / N",
)
C(SG, "W_in", N, J("# 负采样：正样本的系数是 σ(s) - 1，噪声词的是 σ(s)", SG_HEAD, "dvc = go[:, None] * uo + g1[:, None] * u1 + g2[:, None] * u2", "dW_in = C.T @ dvc"), lang=Z, oracle=SG_WIN, style="zh-sgns-W_in")
C(SG, "W_in", N, J(SG_HEAD, "dvc = go[:, None] * uo", "dW_in = C.T @ dvc"), "missing-path", oracle=f"C.T @ ({SG_GO}[:, None] * (O @ W_out))", style="sgns-W_in-noise-words-forgotten")
C(SG, "W_in", N, J(SG_HEAD.replace("go = (expit((vc * uo).sum(1)) - 1) / N", "go = (1 - expit((vc * uo).sum(1))) / N"), "dvc = go[:, None] * uo + g1[:, None] * u1 + g2[:, None] * u2", "dW_in = C.T @ dvc"), "*",
  oracle=f"C.T @ (-{SG_GO}[:, None] * (O @ W_out) + {SG_G1}[:, None] * (K1 @ W_out) + {SG_G2}[:, None] * (K2 @ W_out))", style="sgns-W_in-positive-coefficient-sign")
C(SG, "W_in", N, J(SG_HEAD.replace(" / N", ""), "dvc = go[:, None] * uo + g1[:, None] * u1 + g2[:, None] * u2", "dW_in = C.T @ dvc"), "scale-factor", oracle=f"{SG_WIN} * N", style="sgns-W_in-no-mean")
C(SG, "W_in", N, J("# 用 np.matrix 写（* 是矩阵乘法）", SG_HEAD, "dvc = go[:, None] * uo + g1[:, None] * u1 + g2[:, None] * u2", "dW_in = np.mat(C).T * np.mat(dvc)"), lang=Z, oracle=SG_WIN, style="zh-sgns-W_in-np-mat")
C(SG, "W_out", N, J("# 背景词和噪声词的输出向量都要更新", SG_HEAD, "dW_out = O.T @ (go[:, None] * vc) + K1.T @ (g1[:, None] * vc) + K2.T @ (g2[:, None] * vc)"), lang=Z, oracle=SG_WOUT, style="zh-sgns-W_out")
C(SG, "W_out", N, J(SG_HEAD, "dW_out = O.T @ (go[:, None] * vc)"), "missing-path", oracle=f"O.T @ ({SG_GO}[:, None] * {SG_VC})", style="sgns-W_out-noise-words-forgotten")
C(SG, "W_out", N, J(SG_HEAD, "dW_out = O.T @ (go[:, None] * vc) - K1.T @ (g1[:, None] * vc) - K2.T @ (g2[:, None] * vc)"), "*",
  oracle=f"O.T @ ({SG_GO}[:, None] * {SG_VC}) - K1.T @ ({SG_G1}[:, None] * {SG_VC}) - K2.T @ ({SG_G2}[:, None] * {SG_VC})", style="sgns-W_out-noise-sign")
C(SG, "W_out", N, J("# 按词逐个累加（列表推导）", SG_HEAD, "dW_out = sum(np.outer(O[i], go[i] * vc[i]) + np.outer(K1[i], g1[i] * vc[i]) + np.outer(K2[i], g2[i] * vc[i]) for i in range(N))"), lang=Z, oracle=SG_WOUT, style="zh-sgns-W_out-per-pair-sum")
C(SG, "W_in", N, J("# 中心词向量的梯度只落在 one-hot 选中的行上", SG_HEAD, "dvc = go[:, None] * uo + g1[:, None] * u1 + g2[:, None] * u2", "dW_in = dvc.T @ C"), "*", lang=Z, oracle=f"({SG_WIN}).T", style="zh-sgns-W_in-transposed")
C(SG, "W_out", N, J(SG_HEAD, "dW_out = O.T @ (go[:, None] * uo) + K1.T @ (g1[:, None] * u1) + K2.T @ (g2[:, None] * u2)"), "*",
  oracle=f"O.T @ ({SG_GO}[:, None] * (O @ W_out)) + K1.T @ ({SG_G1}[:, None] * (K1 @ W_out)) + K2.T @ ({SG_G2}[:, None] * (K2 @ W_out))", style="sgns-W_out-own-vectors")

# ================================================================ course: GLU by torch.split(z, 3)
GS_R = "(2 * (out @ v - y) / N)"
GS_DO = f"({GS_R} @ v.T)"
GS_S = "sigmoid(z[:, h:])"
GS_DZ = f"np.concatenate([{GS_DO} * {GS_S}, {GS_DO} * z[:, :h] * {GS_S} * (1 - {GS_S})], axis=1)"
GS_HEAD = J("a, g = z[:, :h], z[:, h:]", "s = torch.sigmoid(g)", "dout = (2 * (out @ v - y) / N) @ v.T")
C(GS, "v", N, J("r = 2 * (out @ v - y) / N", "dv = out.mT @ r"), oracle=f"out.T @ {GS_R}", style="glu-split-v")
C(GS, "v", N, J("r = 2 * (out @ v - y)", "dv = out.mT @ r"), "scale-factor", oracle=f"out.T @ {GS_R} * N", style="glu-split-v-no-mean")
C(GS, "v", N, J("r = 2 * (out @ v - y) / N", "dv = z[:, :h].mT @ r"), "*", oracle=f"z[:, :h].T @ {GS_R}", style="glu-split-v-value-half-for-output")
C(GS, "W", N, J(GS_HEAD, "dz = torch.cat([dout * s, dout * a * s * (1 - s)], dim=1)", "dW = x.mT @ dz"), oracle=f"x.T @ {GS_DZ}", style="glu-split-W-slices")
C(GS, "W", N, J(GS_HEAD, "dz = torch.cat([dout * s, dout * a], dim=1)", "dW = x.mT @ dz"), "*", oracle=f"x.T @ np.concatenate([{GS_DO} * {GS_S}, {GS_DO} * z[:, :h]], axis=1)", style="glu-split-W-gate-slope-forgotten")
C(GS, "W", N, J("a, g = z.chunk(2, dim=-1)", "s = torch.sigmoid(g)", "dout = (2 * (out @ v - y) / N) @ v.T", "dz = torch.cat([dout * s, dout * a * s * (1 - s)], dim=-1)", "dW = x.T @ dz"), oracle=f"x.T @ {GS_DZ}", style="glu-split-W-chunk")
C(GS, "b", N, J(GS_HEAD, "dz = torch.cat([dout * s, dout * a * s * (1 - s)], dim=1)", "db = dz.sum(dim=0)"), oracle=f"{GS_DZ}.sum(0)", style="glu-split-b")
C(GS, "b", N, J(GS_HEAD, "dz = torch.cat([dout * a * s * (1 - s), dout * s], dim=1)", "db = dz.sum(dim=0)"), "*", oracle=f"np.concatenate([{GS_DO} * z[:, :h] * {GS_S} * (1 - {GS_S}), {GS_DO} * {GS_S}], axis=1).sum(0)", style="glu-split-b-halves-swapped")

# ================================================================ course: LayerNorm by torch.var_mean, then ReLU (Chinese)
LN_D = "(2 * (y_hat - y) / N)"
LN_DA = f"({LN_D} @ w2.T * (a > 0))"
LN_G = f"({LN_DA} * h_hat).sum(0)"
LN_DH = f"(({LN_DA} * g - ({LN_DA} * g).mean(1, keepdims=True) - h_hat * ({LN_DA} * g * h_hat).mean(1, keepdims=True)) / np.sqrt(h.var(1, keepdims=True) + 1e-5))"
C(LN, "w2", N, J("# 输出层：均方误差对 y_hat 的梯度是 2(y_hat - y)/N", "dy = 2 * (y_hat - y) / N", "dw2 = a.mT @ dy"), lang=Z, oracle=f"a.T @ {LN_D}", style="zh-ln-w2")
C(LN, "w2", N, J("dy = 2 * (y_hat - y) / N", "dw2 = h_hat.mT @ dy"), "*", oracle=f"h_hat.T @ {LN_D}", style="ln-w2-normalised-for-activation")
C(LN, "be", N, J("# beta 的梯度：ReLU 之后对样本求和", "dy = 2 * (y_hat - y) / N", "da = dy @ w2.T * (a > 0)", "dbe = da.sum(dim=0)"), lang=Z, oracle=f"{LN_DA}.sum(0)", style="zh-ln-be")
C(LN, "be", N, J("dy = 2 * (y_hat - y) / N", "da = dy @ w2.T", "dbe = da.sum(dim=0)"), "missing-activation-derivative", oracle=f"({LN_D} @ w2.T).sum(0)", style="ln-be-relu-forgotten")
C(LN, "g", N, J("# gamma 的梯度要乘归一化后的 h_hat", "dy = 2 * (y_hat - y) / N", "da = dy @ w2.T * (a > 0)", "dg = (da * h_hat).sum(dim=0)"), lang=Z, oracle=LN_G, style="zh-ln-g")
C(LN, "g", N, J("dy = 2 * (y_hat - y) / N", "da = dy @ w2.T * (a > 0)", "dg = (da * h).sum(dim=0)"), "*", oracle=f"({LN_DA} * h).sum(0)", style="ln-g-unnormalised-h")
C(LN, "g", N, J("dy = 2 * (y_hat - y) / N", "da = dy @ w2.T * (a > 0)", "dg = (da * h_hat).sum(dim=1)"), "*", oracle=None, style="ln-g-wrong-axis", note="a per-example sum (N entries) for a per-unit vector: N = n_h = 4 at the example, so only the values tell")
C(LN, "W1", N, J("# 层归一化的反向传播：减去两项均值再除以标准差", "dy = 2 * (y_hat - y) / N", "dhh = (dy @ w2.T * (a > 0)) * g", "var, mu = torch.var_mean(h, dim=1, keepdim=True, unbiased=False)",
                 "dh = (dhh - dhh.mean(dim=1, keepdim=True) - h_hat * (dhh * h_hat).mean(dim=1, keepdim=True)) / torch.sqrt(var + 1e-5)", "dW1 = x.mT @ dh"), lang=Z, oracle=f"x.T @ {LN_DH}", style="zh-ln-W1")
C(LN, "W1", N, J("dy = 2 * (y_hat - y) / N", "dhh = (dy @ w2.T * (a > 0)) * g", "var, mu = torch.var_mean(h, dim=1, keepdim=True, unbiased=False)",
                 "dh = dhh / torch.sqrt(var + 1e-5)", "dW1 = x.mT @ dh"), "*", oracle=f"x.T @ ({LN_DA} * g / np.sqrt(h.var(1, keepdims=True) + 1e-5))", style="ln-W1-normalisation-treated-as-constant")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c43-000, … as written; cases that happen to repeat corpora 2-42 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus43", "c43", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
