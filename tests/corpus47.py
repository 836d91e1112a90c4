"""The held-out-style corpus of issue 11, forty-seventh round: CODE only, in spellings the earlier
corpora hold rarely or never in these forms — ``functools.reduce`` over matrix products and sums,
the walrus ``:=`` inside a gradient line, f-string prints (``{dW2=}``, ``{dW2!r}``, format specs),
``match`` statements choosing an activation's slope, lambda helpers, a hand-written backward as a
``@staticmethod`` or a nested ``def``, helpers called with keyword-only arguments, ``NamedTuple``
caches, ``np.linalg.multi_dot``, ``np.tensordot`` with every ``axes`` spelling, ``while`` loops
over the layers, ``operator.matmul``, immediately-called lambdas — plus ``np.apply_along_axis``,
``jnp.vectorize``/``jax.vmap`` and ``np.frompyfunc`` as refusals — in NumPy, PyTorch, TensorFlow,
JAX, CuPy, MXNet, Paddle and MindSpore, and students' classic mistakes on them (1/m missing or
twice, a missing transpose, the wrong layer's input, a wrong size name equal at the example sizes,
the mask of the wrong tensor, the factor 2, the label form, soft targets, the sign, a path
forgotten, a simplification right for 0/1 labels only), on the built-ins and seven lecturer networks
no corpus had used (hn46_*: CORN's masked ordinal BCE, beta-NLL with a stop-gradient weight,
minLSTM and RWKV's WKV unrolled, SRU with ``torch.lerp``, Paddle's ring loss, a negative-binomial
NLL in TensorFlow).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck47"). Built-in cases carry a PyTorch oracle
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


CO = _spec("hn46_corn_ordinal_masked_bce")
BN = _spec("hn46_beta_nll_jax")
ML = _spec("hn46_minlstm_two_steps_numpy")
RW = _spec("hn46_rwkv_wkv_three_steps_cn")
SR = _spec("hn46_sru_lerp_two_steps_cn")
RG = _spec("hn46_ring_loss_paddle_cn")
NB = _spec("hn46_negbin_nll_tf")
HS = _spec("hn46_hsic_rbf_numpy")
AW = _spec("hn46_adaptive_wing_keras")

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
WW2 = f"A1.T @ {WDZ} / m"
WB2 = f"np.sum({WDZ}, axis=0, keepdims=True) / m"
WW1 = f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"
BG = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBETA = f"np.sum({BN_DY}, axis=0, keepdims=True)"
TDH = "((y_pred - y_target) * W2.T)"

# ---- course oracles (NumPy over the spec's own tensors, tests/corpus_common.course_oracle_ok)
SIG = "(1 / (1 + np.exp(-{})))"
CO_D = f"(S * ({SIG.format('logits')} - Yb) / np.sum(S))"
BN_DM = "(var ** beta * (mean - y) / var / N)"
BN_DV = f"(var ** beta * 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) / N * {SIG.format('(h @ Wv)')})"
ML_DH = "(2 * (h2 - y) / (B * h))"
ML_WH = f"x2.T @ ({ML_DH} * i2 / (f2 + i2)) + x1.T @ ({ML_DH} * f2 / (f2 + i2) * i1 / (f1 + i1))"
RW_DO = "(2 * (o3 - y) / (B * c))"
RW_R = SIG.format("(x3 @ Wr)")
RW_WR = f"x3.T @ ({RW_DO} * wkv3 * {RW_R} * (1 - {RW_R}))"
RW_E = "np.exp(u + k3)"
RW_U = f"np.sum({RW_DO} * {RW_R} * {RW_E} * (v3 - wkv3) / (b2 + {RW_E}), axis=0)"
SR_DR = "((h2 - y) * (c2 - x2) * r2 * (1 - r2))"
RG_P = "(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))"
RG_D = f"(({RG_P} - label) / N)"
RG_W1 = f"x.T @ (({RG_D} @ W2.T + lam * ((norm - R) / N)[:, None] * feat / norm[:, None]) * (feat > 0))"
NB_G = "(y / mu - (y + r) / (r + mu))"
NB_W = f"-x.T @ ({NB_G} * {SIG.format('(x @ W)')}) / N"

FT = "from functools import reduce"
OP = "import operator"
TH = "import torch"
TF = "import tensorflow as tf"
JN = "import jax.numpy as jnp"
CU = "import cupy as cp"
MX = "from mxnet import nd"
PD = "import paddle"
MS = "import mindspore.ops as ops"
NT = "from typing import NamedTuple"

# ================================================================ functools.reduce over products and sums
C(M, "W2", N, J(FT, "dZ2 = A2 - Y", "dW2 = reduce(np.matmul, [A1.T, dZ2]) / m"), oracle=W2R, style="reduce-matmul-W2")
C(M, "W2", N, J(FT, "dZ2 = A2 - Y", "dW2 = reduce(np.matmul, [A1, dZ2.T]) / m"), "*", oracle="A1 @ (A2 - Y).T / m", style="reduce-matmul-W2-transposed",
  note="m x m where n_h x 1 belongs")
C(M, "W1", N, J(FT, "dZ1 = reduce(np.dot, [A2 - Y, W2.T]) * (Z1 > 0)", "dW1 = reduce(np.dot, [X.T, dZ1]) / m"), oracle=W1R, style="reduce-dot-W1")
C(M, "W1", N, J(FT, "dZ1 = reduce(np.dot, [A2 - Y, W2.T]) * (Z1 > 0)", "dW1 = reduce(np.dot, [A1.T, dZ1]) / m"), "*", oracle=f"A1.T @ {DZ1} / m", style="reduce-dot-W1-wrong-layer-input",
  note="A1 (the layer's output) where its input X belongs")
C(R2, "W_h", N, J(FT, OP, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = reduce(operator.add, [h_1.T @ dz2, h_0.T @ dz1])"), oracle=RWH, style="reduce-operator-add-rnn-Wh")
C(R2, "W_h", N, J(FT, OP, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = reduce(operator.add, [h_1.T @ dz2])"), "missing-path", oracle=f"h_1.T @ {R2_D2}", style="reduce-operator-add-rnn-Wh-one-step")
C(R2, "W_x", N, J(FT, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_x = reduce(lambda acc, t: acc + t[0].T @ t[1], [(x_2, dz2), (x_1, dz1)], 0)"), oracle=RWX, style="reduce-lambda-rnn-Wx")
C(S, "W", N, J(FT, "dW = reduce(np.matmul, (X.T, P - Y)) / m"), oracle=SW, style="reduce-tuple-softmax-W")
C(S, "W", N, J(FT, "dW = reduce(np.matmul, (X.T, P - Y)) / n"), "scale-factor", oracle=None, style="reduce-tuple-softmax-W-size-n",
  note="n (features) for the batch size m: both 2 at the example sizes")
C(A, "W_v", N, J(FT, "dO = 2 * (O - T) / (n * d)", "dW_v = reduce(np.matmul, [X.T, A.T, dO])"), oracle=AWV, style="reduce-three-attention-Wv")
C(A, "W_v", N, J(FT, "dO = 2 * (O - T) / (n * d)", "dW_v = reduce(np.matmul, [X.T, A, dO])"), "*", oracle=f"X.T @ A @ {AT_DO}", style="reduce-three-attention-Wv-A-not-transposed")
C(M, "b1", N, J("# 用 reduce 把各个样本的误差行加起来", FT, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = reduce(np.add, dZ1) / m", "db1 = db1.reshape(1, -1)"), oracle=B1R, style="zh-reduce-add-rows-b1", lang=Z)

# ================================================================ the walrus operator inside a gradient line
C(M, "W2", N, J("dW2 = A1.T @ (dZ2 := A2 - Y) / m"), oracle=W2R, style="walrus-W2")
C(M, "b2", N, J("dW2 = A1.T @ (dZ2 := A2 - Y) / m", "db2 = dZ2.sum(axis=0, keepdims=True) / m"), oracle=B2R, style="walrus-reused-b2")
C(M, "b2", N, J("dW2 = A1.T @ (dZ2 := A2 - Y) / m", "db2 = dZ2.sum(axis=0, keepdims=True)"), "scale-factor", oracle=f"{B2R} * m", style="walrus-reused-b2-no-mean")
C(M, "W1", N, J("dW1 = X.T @ ((dZ2 := A2 - Y) @ W2.T * (mask := Z1 > 0)) / (m := X.shape[0])"), oracle=W1R, style="walrus-three-W1")
C(M, "W1", N, J("dW1 = X.T @ ((dZ2 := A2 - Y) @ W2.T * (mask := A2 > 0)) / (m := X.shape[0])"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="walrus-three-W1-mask-A2",
  note="A2 = σ(Z2) > 0 everywhere: no mask at all")
C(R, "w2", N, J("dw2 = h_relu.T @ (g := 2.0 * (y_pred - y))"), oracle=RW2, style="walrus-relu-mlp-w2")
C(R, "w2", N, J("dw2 = h_relu.T @ (g := (y_pred - y))"), "scale-factor", oracle=f"{RW2} / 2", style="walrus-relu-mlp-w2-no-2")
C(R, "w1", N, J("dw1 = x.T @ ((g := 2.0 * (y_pred - y)) @ w2.T * (h > 0))"), oracle=RW1, style="walrus-relu-mlp-w1")
C(R, "w1", N, J("dw1 = x.T @ ((g := 2.0 * (y_pred - y)) @ w2.T * (h_relu > 0))"), oracle=RW1, style="walrus-relu-mlp-w1-mask-hrelu",
  note="h_relu = relu(h) > 0 exactly where h > 0")
C(R, "w1", N, J("dw1 = x.T @ ((g := 2.0 * (y_pred - y)) @ w2.T)"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="walrus-relu-mlp-w1-no-mask")
C(T, "W2", N, J("dW2 = h.T @ (e := y_pred - y_target)"), oracle=TW2, style="walrus-tiny-W2")
C(T, "W1", N, J("dW1 = X.T @ ((e := y_pred - y_target) * W2.T * (s := h * (1 - h)))"), oracle=TW1, style="walrus-tiny-W1")
C(T, "W1", N, J("dW1 = X.T @ ((e := y_pred - y_target) * W2.T * (s := h))"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="walrus-tiny-W1-slope-h",
  note="σ' = h(1 − h), not h")

# ================================================================ f-string prints in a notebook cell
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m", 'print(f"{dW2=}")', 'print(f"{dW2.shape=}, {np.abs(dW2).max():.3e}")'), oracle=W2R, style="fstring-eq-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = A1.T @ dZ2", 'print(f"{dW2=}")'), "scale-factor", oracle="A1.T @ (A2 - Y)", style="fstring-eq-W2-no-mean")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.mean(dZ1, axis=0, keepdims=True)", 'print(f"db1 = {db1!r}")'), oracle=B1R, style="fstring-repr-b1")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.mean(dZ1, axis=1, keepdims=True)", 'print(f"db1 = {db1!r}")'), "*", oracle=f"np.mean({DZ1}, axis=1, keepdims=True)", style="fstring-repr-b1-wrong-axis",
  note="m x 1 where 1 x n_h belongs")
C(S, "b", N, J("db = (P - Y).mean(axis=0, keepdims=True)", 'print(f"{\'db\':>4} {db.round(3)}")'), oracle=SB, style="fstring-nested-quote-softmax-b")
C(S, "b", N, J("db = (P - Y).sum(axis=0, keepdims=True)", 'print(f"{\'db\':>4} {db.round(3)}")'), "scale-factor", oracle=f"{SB} * m", style="fstring-nested-quote-softmax-b-no-mean")
C(E, "w", N, J("dz = (O - t) * O * (1 - O)", "dw = dz * x", 'print(f"梯度 dw = {dw}")  # 打印出来看看'), oracle=EW, style="zh-fstring-neuron-w", lang=Z)
C(E, "w", N, J("dz = (O - t) * O * (1 - O)", "dw = dz * w", 'print(f"梯度 dw = {dw}")  # 打印出来看看'), "*", oracle="(O - t) * O * (1 - O) * w", style="zh-fstring-neuron-w-times-w", lang=Z,
  note="the weight w where the input x belongs")
C(CH, "w", N, J("dv = 2 * v", "dw = dv * x", 'print(f"{dw = :.6f}")'), oracle="2 * v * x", style="fstring-spaced-eq-chain-w")
C(CH, "b", N, J("dv = 2 * v", "db = dv * x", 'print(f"{db = :.6f}")'), "*", oracle="2 * v * x", style="fstring-spaced-eq-chain-b-times-x", note="∂v/∂b = 1, not x")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = dY.sum(axis=0, keepdims=True)", 'print(f"{dbeta=}\\n{dbeta.shape=}")'), oracle=BBETA, style="fstring-newline-bn-beta")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = (dY * Z_hat).sum(axis=0, keepdims=True)", 'print(f"{dgamma=}")'), oracle=BG, style="fstring-bn-gamma")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = (dY * Z).sum(axis=0, keepdims=True)", 'print(f"{dgamma=}")'), "*", oracle=f"np.sum({BN_DY} * Z, axis=0, keepdims=True)", style="fstring-bn-gamma-Z-not-normalised",
  note="Z before normalisation where Z_hat belongs")

# ================================================================ match statements choosing a slope
MR = ('act = "relu"', "match act:", '    case "relu":', "        dA = (Z1 > 0).astype(float)", '    case "tanh":', "        dA = 1 - A1 ** 2")
C(M, "W1", N, J(*MR, "dZ1 = (A2 - Y) @ W2.T * dA", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="match-relu-W1")
C(M, "b1", N, J(*MR, "dZ1 = (A2 - Y) @ W2.T * dA", "db1 = dZ1.sum(axis=0, keepdims=True) / m"), oracle=B1R, style="match-relu-b1")
C(M, "W1", N, J('act = "tanh"', *MR[1:], "dZ1 = (A2 - Y) @ W2.T * dA", "dW1 = X.T @ dZ1 / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="match-tanh-chosen-W1",
  note="the tanh branch is taken on a ReLU network")
C(M, "W2", N, J('loss = "bce"', "match loss:", '    case "bce":', "        dZ2 = A2 - Y", '    case "mse":', "        dZ2 = 2 * (A2 - Y) * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="match-loss-W2")
C(M, "W2", N, J('loss = "mse"', "match loss:", '    case "bce":', "        dZ2 = A2 - Y", '    case "mse":', "        dZ2 = 2 * (A2 - Y) * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), "*",
  oracle="A1.T @ (2 * (A2 - Y) * A2 * (1 - A2)) / m", style="match-loss-mse-W2", note="the MSE branch on a BCE network")
C(R, "w1", N, J('match "relu":', '    case "relu":', "        grad = lambda z: z > 0", "    case _:", "        grad = lambda z: np.ones_like(z)", "dw1 = x.T @ (2.0 * (y_pred - y) @ w2.T * grad(h))"), oracle=RW1, style="match-literal-lambda-relu-mlp-w1")
C(T, "W1", N, J('match "sigmoid":', '    case "sigmoid":', "        ds = h * (1 - h)", '    case "relu":', "        ds = h > 0", "dW1 = X.T @ ((y_pred - y_target) * W2.T * ds)"), oracle=TW1, style="match-literal-tiny-W1")
C(T, "W1", N, J('match "relu":', '    case "sigmoid":', "        ds = h * (1 - h)", '    case "relu":', "        ds = h > 0", "dW1 = X.T @ ((y_pred - y_target) * W2.T * ds)"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * (h > 0))", style="match-literal-tiny-W1-relu-branch",
  note="the ReLU mask on a sigmoid layer (h > 0 everywhere: no slope)")
C(S, "W", N, J('match "softmax", "onehot":', '    case ("softmax", "onehot"):', "        dZ = P - Y", '    case ("softmax", "index"):', "        dZ = P - np.eye(k)[Y]", "dW = X.T @ dZ / m"), oracle=SW, style="match-tuple-softmax-W")

# ================================================================ lambda helpers
C(M, "W1", N, J("relu_grad = lambda z: (z > 0).astype(float)", "dZ1 = (A2 - Y) @ W2.T * relu_grad(Z1)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="lambda-relu-grad-W1")
C(M, "W1", N, J("relu_grad = lambda z: (z >= 0).astype(float)", "dZ1 = (A2 - Y) @ W2.T * relu_grad(Z1)", "dW1 = X.T @ dZ1 / m"), "relu-at-zero", oracle=None, style="lambda-relu-grad-ge-W1",
  note="z >= 0 takes the slope 1 at a kink; derive's ReLU' is 0 there (equal off the kink, so no oracle at random values)")
C(M, "W1", N, J("relu_grad = lambda z: (z > 0).astype(float)", "dZ1 = (A2 - Y) @ W2.T * relu_grad(Z2)", "dW1 = X.T @ dZ1 / m"), "*", oracle=None, style="lambda-relu-grad-W1-Z2",
  note="the mask of Z2 (m x 1) broadcast over the hidden layer where Z1's belongs")
C(M, "W2", N, J("lin_back = lambda a, d: a.T @ d / a.shape[0]", "dW2 = lin_back(A1, A2 - Y)"), oracle=W2R, style="lambda-lin-back-W2")
C(M, "W2", N, J("lin_back = lambda a, d: a.T @ d / a.shape[1]", "dW2 = lin_back(A1, A2 - Y)"), "scale-factor", oracle=None, style="lambda-lin-back-W2-shape1",
  note="a.shape[1] = n_h for the batch size m: both 2 at the example sizes")
C(T, "W1", N, J("dsig = lambda a: a * (1 - a)", "dW1 = X.T @ ((y_pred - y_target) * W2.T * dsig(h))"), oracle=TW1, style="lambda-dsig-tiny-W1")
C(T, "W1", N, J("dsig = lambda a: a * (1 - a)", "dW1 = X.T @ ((y_pred - y_target) * W2.T * dsig(h_raw))"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="lambda-dsig-tiny-W1-pre-activation",
  note="σ'(z) = σ(z)(1 − σ(z)) applied to z itself instead of to h = σ(z)")
C(E, "w", N, J("sig_prime = lambda o: o * (1 - o)", "dw = (O - t) * sig_prime(O) * x"), oracle=EW, style="lambda-neuron-w")
C(E, "w", N, J("sig_prime = lambda o: o * (1 - o)", "dw = (t - O) * sig_prime(O) * x"), "sign", oracle=f"-{EW}", style="lambda-neuron-w-sign")
C(MW, "W2", N, J("wbce = lambda a, y, w: (1 - y) * a - w * y * (1 - a)", "dW2 = A1.T @ wbce(A2, Y, w) / m"), oracle=WW2, style="lambda-weighted-W2")
C(MW, "W2", N, J("wbce = lambda a, y, w: a - y", "dW2 = A1.T @ wbce(A2, Y, w) / m"), "*", oracle=W2R, style="lambda-weighted-W2-weight-dropped",
  note="the plain BCE gradient: the pos_weight w is ignored")
C(MW, "b2", N, J("# 带正样本权重 w 的 BCE：对 0/1 标签化简", "wbce = lambda a, y: w * y * (a - 1) + (1 - y) * a", "db2 = wbce(A2, Y).sum(axis=0, keepdims=True) / m"), oracle=WB2, style="zh-lambda-weighted-b2", lang=Z,
  note="(1 − y)a − wy(1 − a) rearranged: the same for every y")
C(MW, "b2", N, J("# 只对 0/1 标签成立的化简", "wbce = lambda a, y: np.where(y == 1, w * (a - 1), a)", "db2 = wbce(A2, Y).sum(axis=0, keepdims=True) / m"), "*", oracle=None, style="zh-lambda-weighted-b2-binary-only", lang=Z,
  note="equal to the gradient only where y is 0 or 1: wrong for labels in between")
C(MW, "W1", N, J("wbce = lambda a, y: (1 - y) * a - w * y * (1 - a)", "relu_d = lambda z: z > 0", "dW1 = X.T @ (wbce(A2, Y) @ W2.T * relu_d(Z1)) / m"), oracle=WW1, style="lambda-weighted-W1")

# ================================================================ @staticmethod backward
DN = ("class Dense:", "    @staticmethod", "    def backward(x, dout):", "        return x.T @ dout, dout.sum(axis=0, keepdims=True)")
C(M, "W2", N, J(*DN, "dW2, db2 = Dense.backward(A1, (A2 - Y) / m)"), oracle=W2R, style="staticmethod-dense-W2")
C(M, "b2", N, J(*DN, "dW2, db2 = Dense.backward(A1, (A2 - Y) / m)"), oracle=B2R, style="staticmethod-dense-b2")
C(M, "W2", N, J(*DN, "dW2, db2 = Dense.backward(A1, A2 - Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="staticmethod-dense-W2-no-mean")
C(M, "W1", N, J(*DN, "dZ1 = (A2 - Y) / m @ W2.T * (Z1 > 0)", "dW1, db1 = Dense.backward(X, dZ1)"), oracle=W1R, style="staticmethod-dense-W1")
C(M, "W1", N, J(*DN, "dZ1 = (A2 - Y) / m @ W2.T * (Z1 > 0)", "dW1, db1 = Dense.backward(Z1, dZ1)"), "*", oracle=f"Z1.T @ {DZ1} / m", style="staticmethod-dense-W1-Z1-input",
  note="Z1 (the layer's own pre-activation) where its input X belongs")
C(S, "W", N, J("class SoftmaxCE:", "    @staticmethod", "    def backward(p, y):", "        return (p - y) / y.shape[0]", "dW = X.T @ SoftmaxCE.backward(P, Y)"), oracle=SW, style="staticmethod-softmax-W")
C(S, "W", N, J("class SoftmaxCE:", "    @staticmethod", "    def backward(p, y):", "        return (p - y) / y.shape[1]", "dW = X.T @ SoftmaxCE.backward(P, Y)"), "scale-factor", oracle="X.T @ (P - Y) / k", style="staticmethod-softmax-W-shape1",
  note="y.shape[1] = k (classes, 3) for the batch size m")
C(R, "w2", N, J("class MSE:", "    @staticmethod", "    def grad(pred, target):", "        return 2 * (pred - target)", "dw2 = h_relu.T @ MSE.grad(y_pred, y)"), oracle=RW2, style="staticmethod-mse-relu-mlp-w2")
C(R, "w2", N, J("class MSE:", "    @staticmethod", "    def grad(pred, target):", "        return 2 * (pred - target) / pred.shape[0]", "dw2 = h_relu.T @ MSE.grad(y_pred, y)"), "scale-factor", oracle=f"{RW2} / n", style="staticmethod-mse-relu-mlp-w2-mean",
  note="relu-mlp's loss is the sum of squares, not the mean")
C(CH, "w", N, J("# 用静态方法写每一步的局部导数", "class Step:", "    @staticmethod", "    def square(v):", "        return 2 * v", "dw = Step.square(v) * x"), oracle="2 * v * x", style="zh-staticmethod-chain-w", lang=Z)

# ================================================================ nested defs
C(M, "W1", N, J("def backward(X, Y):", "    def relu_grad(z):", "        return z > 0", "    m = X.shape[0]", "    dZ1 = (A2 - Y) @ W2.T * relu_grad(Z1)", "    return X.T @ dZ1 / m", "dW1 = backward(X, Y)"), oracle=W1R, style="nested-def-W1")
C(M, "W1", N, J("def backward(X, Y):", "    def relu_grad(z):", "        return z > 0", "    m = X.shape[1]", "    dZ1 = (A2 - Y) @ W2.T * relu_grad(Z1)", "    return X.T @ dZ1 / m", "dW1 = backward(X, Y)"), "scale-factor", oracle=None, style="nested-def-W1-shape1",
  note="X.shape[1] = n_in for m (2 = 2 at the example sizes)")
C(M, "b1", N, J("def grads():", "    def dz1():", "        return (A2 - Y) @ W2.T * (Z1 > 0)", "    return {'db1': dz1().mean(axis=0, keepdims=True)}", "db1 = grads()['db1']"), oracle=B1R, style="nested-def-dict-b1")
C(T, "W2", N, J("def step():", "    def err():", "        return y_pred - y_target", "    return h.T @ err()", "dW2 = step()"), oracle=TW2, style="nested-def-tiny-W2")
C(T, "W2", N, J("def step():", "    def err():", "        return y_target - y_pred", "    return h.T @ err()", "dW2 = step()"), "sign", oracle=f"-{TW2}", style="nested-def-tiny-W2-sign")
C(R2, "b", N, J("def bptt():", "    def tanh_d(hh):", "        return 1 - hh ** 2", "    dz2 = (h_2 - y) * tanh_d(h_2)", "    dz1 = dz2 @ W_h.T * tanh_d(h_1)", "    return (dz1 + dz2).sum(axis=0, keepdims=True)", "db = bptt()"), oracle=RB, style="nested-def-rnn-b")
C(R2, "b", N, J("def bptt():", "    def tanh_d(hh):", "        return 1 - hh ** 2", "    dz2 = (h_2 - y) * tanh_d(h_2)", "    return dz2.sum(axis=0, keepdims=True)", "db = bptt()"), "missing-path", oracle=f"np.sum({R2_D2}, axis=0, keepdims=True)", style="nested-def-rnn-b-last-step")
C(R2, "b", N, J("def bptt():", "    def tanh_d(hh):", "        return 1 - hh ** 2", "    dz2 = (h_2 - y) * tanh_d(h_2)", "    dz1 = dz2 @ W_h * tanh_d(h_1)", "    return (dz1 + dz2).sum(axis=0, keepdims=True)", "db = bptt()"), "*",
  oracle=f"np.sum({R2_D2} + {R2_D2} @ W_h * (1 - h_1 ** 2), axis=0, keepdims=True)", style="nested-def-rnn-b-Wh-not-transposed")

# ================================================================ keyword-only helper calls
KW = ("def linear_backward(*, inp, grad, batch):", "    return inp.T @ grad / batch")
C(M, "W2", N, J(*KW, "dW2 = linear_backward(inp=A1, grad=A2 - Y, batch=m)"), oracle=W2R, style="kwonly-W2")
C(M, "W2", N, J(*KW, "dW2 = linear_backward(grad=A2 - Y, batch=m, inp=A1)"), oracle=W2R, style="kwonly-reordered-W2")
C(M, "W2", N, J(*KW, "dW2 = linear_backward(inp=A1, grad=A2 - Y, batch=n_h)"), "scale-factor", oracle=None, style="kwonly-W2-batch-nh",
  note="n_h for m: both 2 at the example sizes")
C(M, "W1", N, J(*KW, "dW1 = linear_backward(inp=X, grad=(A2 - Y) @ W2.T * (Z1 > 0), batch=m)"), oracle=W1R, style="kwonly-W1")
C(M, "W1", N, J(*KW, "dW1 = linear_backward(inp=X, grad=(A2 - Y) @ W2.T * (Z1 > 0), batch=m * m)"), "scale-factor", oracle=f"{W1R} / m", style="kwonly-W1-m-squared")
C(S, "W", N, J("def grad_w(x, /, *, err, n_rows):", "    return x.T @ err / n_rows", "dW = grad_w(X, err=P - Y, n_rows=m)"), oracle=SW, style="posonly-kwonly-softmax-W")
C(S, "W", N, J("def grad_w(x, /, *, err, n_rows):", "    return x.T @ err / n_rows", "dW = grad_w(X, err=P - Y, n_rows=k)"), "scale-factor", oracle="X.T @ (P - Y) / k", style="posonly-kwonly-softmax-W-k")
C(B, "beta", N, J("def bias_grad(*, dout, axis=0):", "    return dout.sum(axis=axis, keepdims=True)", "dbeta = bias_grad(dout=2 * (Y - T) / (m * n))"), oracle=BBETA, style="kwonly-default-bn-beta")
C(B, "beta", N, J("def bias_grad(*, dout, axis=0):", "    return dout.sum(axis=axis, keepdims=True)", "dbeta = bias_grad(dout=2 * (Y - T) / (m * n), axis=1)"), "*", oracle=None, style="kwonly-default-bn-beta-axis1",
  note="m x 1 where 1 x n belongs")
C(MW, "b2", N, J("# 关键字参数调用", "def bias_grad(*, dz, batch):", "    return dz.sum(axis=0, keepdims=True) / batch", "db2 = bias_grad(dz=(1 - Y) * A2 - w * Y * (1 - A2), batch=m)"), oracle=WB2, style="zh-kwonly-weighted-b2", lang=Z)
C(MW, "b2", N, J("# 关键字参数调用", "def bias_grad(*, dz, batch):", "    return dz.sum(axis=0, keepdims=True) / batch", "db2 = bias_grad(dz=(1 - Y) * A2 - Y * (1 - A2), batch=m)"), "*", oracle=B2R, style="zh-kwonly-weighted-b2-w-dropped", lang=Z,
  note="the weight w of the positive term left out")

# ================================================================ NamedTuple caches
NC = (NT, "class Cache(NamedTuple):", "    X: np.ndarray", "    Z1: np.ndarray", "    A1: np.ndarray", "    A2: np.ndarray")
C(M, "W2", N, J(*NC, "cache = Cache(X, Z1, A1, A2)", "dW2 = cache.A1.T @ (cache.A2 - Y) / m"), oracle=W2R, style="namedtuple-pos-W2")
C(M, "W2", N, J(*NC, "cache = Cache(X=X, Z1=Z1, A1=A1, A2=A2)", "dW2 = cache.A1.T @ (cache.A2 - Y) / m"), oracle=W2R, style="namedtuple-kw-W2")
C(M, "W2", N, J(*NC, "cache = Cache(X, Z1, A1, A2)", "dW2 = cache.X.T @ (cache.A2 - Y) / m"), "*", oracle="X.T @ (A2 - Y) / m", style="namedtuple-pos-W2-X-input",
  note="the network's input X (m x n_in) where A1 belongs: n_in = n_h at the example sizes")
C(M, "W1", N, J(*NC, "cache = Cache(X, Z1, A1, A2)", "dZ1 = (cache.A2 - Y) @ W2.T * (cache.Z1 > 0)", "dW1 = cache.X.T @ dZ1 / m"), oracle=W1R, style="namedtuple-pos-W1")
C(M, "W1", N, J(*NC, "cache = Cache(X, Z1, A1, A2)", "X_, Z1_, A1_, A2_ = cache", "dW1 = X_.T @ ((A2_ - Y) @ W2.T * (Z1_ > 0)) / m"), oracle=W1R, style="namedtuple-unpacked-W1")
C(M, "W1", N, J(*NC, "cache = Cache(X, Z1, A1, A2)", "X_, Z1_, A1_, A2_ = cache", "dW1 = X_.T @ ((A2_ - Y) @ W2.T * (Z1_ > 0))"), "scale-factor", oracle=f"{W1R} * m", style="namedtuple-unpacked-W1-no-mean")
C(T, "W1", N, J(NT, "class Fwd(NamedTuple):", "    h: np.ndarray", "    y_pred: np.ndarray", "f = Fwd(h=h, y_pred=y_pred)", "dW1 = X.T @ ((f.y_pred - y_target) * W2.T * f.h * (1 - f.h))"), oracle=TW1, style="namedtuple-tiny-W1")
C(T, "W1", N, J(NT, "class Fwd(NamedTuple):", "    h: np.ndarray", "    y_pred: np.ndarray", "f = Fwd(h=h, y_pred=y_pred)", "dW1 = X.T @ ((f.y_pred - y_target) * W2.T)"), "missing-activation-derivative", oracle=f"X.T @ {TDH}", style="namedtuple-tiny-W1-no-slope")
C(S, "b", N, J("# 用 NamedTuple 存前向结果", NT, "class Out(NamedTuple):", "    P: np.ndarray", "out = Out(P)", "db = (out.P - Y).mean(axis=0, keepdims=True)"), oracle=SB, style="zh-namedtuple-softmax-b", lang=Z)
C(S, "b", N, J("# 用 NamedTuple 存前向结果", NT, "class Out(NamedTuple):", "    P: np.ndarray", "out = Out(P)", "db = (out.P - Y).mean(axis=1, keepdims=True)"), "*", oracle=None, style="zh-namedtuple-softmax-b-axis1", lang=Z,
  note="m x 1 where 1 x k belongs")
C(R2, "W_h", N, J("from collections import namedtuple", "Step = namedtuple('Step', 'h_prev h dz')", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "s2 = Step(h_1, h_2, dz2)", "s1 = Step(h_0, h_1, s2.dz @ W_h.T * (1 - h_1 ** 2))", "dW_h = s2.h_prev.T @ s2.dz + s1.h_prev.T @ s1.dz"), oracle=RWH, style="namedtuple-factory-rnn-Wh")

# ================================================================ np.linalg.multi_dot
C(M, "W1", N, J("dZ1 = np.linalg.multi_dot([A2 - Y, W2.T]) * (Z1 > 0)", "dW1 = np.linalg.multi_dot([X.T, dZ1]) / m"), oracle=W1R, style="multidot-W1")
C(M, "W1", N, J("dZ1 = np.linalg.multi_dot([A2 - Y, W2.T]) * (Z1 > 0)", "dW1 = np.linalg.multi_dot([dZ1.T, X]) / m"), "*", oracle=f"{DZ1}.T @ X / m", style="multidot-W1-transposed",
  note="n_h x n_in where n_in x n_h belongs (equal at the example sizes)")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = np.linalg.multi_dot([X.T, A.T, dO])"), oracle=AWV, style="multidot-attention-Wv")
C(A, "W_v", N, J("dO = (O - T) / (n * d)", "dW_v = np.linalg.multi_dot([X.T, A.T, dO])"), "scale-factor", oracle=f"{AWV} / 2", style="multidot-attention-Wv-no-2")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = np.linalg.multi_dot([X.T, A.T, dO]) / n"), "scale-factor", oracle=f"{AWV} / n", style="multidot-attention-Wv-mean-twice")
C(T, "W1", N, J("dh = np.linalg.multi_dot([y_pred - y_target, W2.T]) * h * (1 - h)", "dW1 = np.linalg.multi_dot([X.T, dh])"), oracle=TW1, style="multidot-tiny-W1")
C(R, "w1", N, J("dw1 = np.linalg.multi_dot([x.T, 2.0 * (y_pred - y) @ w2.T * (h > 0)])"), oracle=RW1, style="multidot-relu-mlp-w1")
C(R, "w1", N, J("dw1 = np.linalg.multi_dot([x.T, 2.0 * (y_pred - y), w2.T]) * (h > 0)"), "*", oracle=None, style="multidot-relu-mlp-w1-mask-outside",
  note="the mask (n x H) applied after x.T (D_in x H): mask of the wrong tensor, shapes do not even fit")
C(R2, "W_h", N, J("# 三个矩阵连乘也可以用 multi_dot", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h = h_1.T @ dz2 + np.linalg.multi_dot([h_0.T, dz2 @ W_h.T * (1 - h_1 ** 2)])"), oracle=RWH, style="zh-multidot-rnn-Wh", lang=Z)

# ================================================================ np.tensordot with every axes spelling
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.tensordot(A1, dZ2, axes=([0], [0])) / m"), oracle=W2R, style="tensordot-lists-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.tensordot(A1, dZ2, axes=(0, 0)) / m"), oracle=W2R, style="tensordot-ints-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.tensordot(A1.T, dZ2, axes=1) / m"), oracle=W2R, style="tensordot-axes1-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.tensordot(A1.T, dZ2, 1) / m"), oracle=W2R, style="tensordot-positional-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.tensordot(A1, dZ2, axes=([1], [0])) / m"), "*", oracle=None, style="tensordot-W2-wrong-axes",
  note="contracts A1's n_h with dZ2's m (equal at the example sizes): A1 @ dZ2, m x 1")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.tensordot(A1, dZ2, axes=(0, 0))"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="tensordot-ints-W2-no-mean")
C(S, "W", N, J("dW = np.tensordot(X, P - Y, axes=([0], [0])) / m"), oracle=SW, style="tensordot-softmax-W")
C(S, "W", N, J("dW = np.tensordot(X, Y - P, axes=([0], [0])) / m"), "sign", oracle=f"-{SW}", style="tensordot-softmax-W-sign")
C(S, "W", N, J("dW = np.tensordot(X, P - np.eye(k)[Y.argmax(axis=1)], axes=([0], [0])) / m"), oracle=SW, style="tensordot-softmax-W-eye-argmax",
  note="np.eye(k)[Y.argmax(1)] is Y itself for one-hot rows")
C(S, "W", N, J("dW = np.tensordot(X, P - Y.argmax(axis=1, keepdims=True), axes=([0], [0])) / m"), "*", oracle=None, style="tensordot-softmax-W-label-index",
  note="the class index column (m x 1) subtracted where the one-hot rows belong")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.tensordot(np.ones(m), dY * Z_hat, axes=1)[None, :]"), oracle=BG, style="tensordot-ones-bn-gamma")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.tensordot(np.ones(n), dY * Z_hat, axes=1)[None, :]"), "*", oracle=None, style="tensordot-ones-bn-gamma-ones-n",
  note="np.ones(n) (2) against the m = 3 rows: NumPy refuses the shapes; wrong size name")
C(A, "W_v", N, J("# tensordot 先对 n 收缩，再乘 X 的转置", "dO = 2 * (O - T) / (n * d)", "dV = np.tensordot(A, dO, axes=([0], [0]))", "dW_v = np.tensordot(X, dV, axes=([0], [0]))"), oracle=AWV, style="zh-tensordot-attention-Wv", lang=Z)
C(A, "W_v", N, J("# tensordot 先对 n 收缩，再乘 X 的转置", "dO = 2 * (O - T) / (n * d)", "dV = np.tensordot(A, dO, axes=([1], [0]))", "dW_v = np.tensordot(X, dV, axes=([0], [0]))"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="zh-tensordot-attention-Wv-axes-1", lang=Z,
  note="A @ dO where Aᵀ dO belongs")

# ================================================================ while loops over the layers
WL = ("grads = {}", "dZ = A2 - Y", "acts = {0: X, 1: A1}", "zs = {1: Z1}", "Ws = {2: W2}", "l = 2", "while l >= 1:", "    grads[l] = acts[l - 1].T @ dZ / m", "    if l > 1:", "        dZ = dZ @ Ws[l].T * (zs[l - 1] > 0)", "    l -= 1")
C(M, "W1", N, J(*WL, "dW1 = grads[1]"), oracle=W1R, style="while-layers-W1")
C(M, "W2", N, J(*WL, "dW2 = grads[2]"), oracle=W2R, style="while-layers-W2")
C(M, "W1", N, J(*WL[:9], "        dZ = dZ @ Ws[l].T", WL[10], "dW1 = grads[1]"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="while-layers-W1-no-mask")
C(M, "W2", N, J("dZ = A2 - Y", "k = 0", "dW2 = np.zeros_like(W2)", "while k < m:", "    dW2 += np.outer(A1[k], dZ[k]) / m", "    k += 1"), oracle=W2R, style="while-rows-W2")
C(M, "W2", N, J("dZ = A2 - Y", "k = 0", "dW2 = np.zeros_like(W2)", "while k < m:", "    dW2 += np.outer(A1[k], dZ[k])", "    k += 1"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="while-rows-W2-no-mean")
C(R2, "W_h", N, J("dz = (h_2 - y) * (1 - h_2 ** 2)", "hs = [h_0, h_1, h_2]", "dW_h = np.zeros_like(W_h)", "t = 2", "while t > 0:", "    dW_h += hs[t - 1].T @ dz", "    dz = dz @ W_h.T * (1 - hs[t - 1] ** 2)", "    t -= 1"), oracle=RWH, style="while-bptt-rnn-Wh")
C(R2, "W_h", N, J("dz = (h_2 - y) * (1 - h_2 ** 2)", "hs = [h_0, h_1, h_2]", "dW_h = np.zeros_like(W_h)", "t = 2", "while t > 0:", "    dW_h += hs[t].T @ dz", "    dz = dz @ W_h.T * (1 - hs[t - 1] ** 2)", "    t -= 1"), "*",
  oracle=f"h_2.T @ {R2_D2} + h_1.T @ {R2_D1}", style="while-bptt-rnn-Wh-off-by-one", note="each step's own state where the previous one belongs")
C(R2, "W_x", N, J("# while 循环做时间反向传播", "dz = (h_2 - y) * (1 - h_2 ** 2)", "xs = [None, x_1, x_2]", "hs = [h_0, h_1, h_2]", "dW_x = np.zeros_like(W_x)", "t = 2", "while t > 0:", "    dW_x += xs[t].T @ dz", "    dz = dz @ W_h.T * (1 - hs[t - 1] ** 2)", "    t -= 1"), oracle=RWX, style="zh-while-bptt-rnn-Wx", lang=Z)

# ================================================================ operator.matmul, immediately-called lambdas, starred lists
C(M, "W2", N, J(OP, "dW2 = operator.matmul(A1.T, A2 - Y) / m"), oracle=W2R, style="operator-matmul-W2")
C(M, "W2", N, J(OP, "dW2 = operator.truediv(operator.matmul(A1.T, operator.sub(A2, Y)), m)"), oracle=W2R, style="operator-all-W2")
C(M, "W2", N, J(OP, "dW2 = operator.truediv(operator.matmul(A1.T, operator.sub(Y, A2)), m)"), "sign", oracle=f"-{W2R}", style="operator-all-W2-sign")
C(M, "W2", N, J("dW2 = (lambda a, d: a.T @ d / len(d))(A1, A2 - Y)"), oracle=W2R, style="iife-W2")
C(M, "W2", N, J("dW2 = (lambda a, d: a.T @ d / len(a.T))(A1, A2 - Y)"), "scale-factor", oracle=None, style="iife-W2-len-aT",
  note="len(a.T) = n_h for m: both 2 at the example sizes")
C(T, "W2", N, J("dW2 = np.dot(*[h.T, y_pred - y_target])"), oracle=TW2, style="starred-dot-tiny-W2")
C(T, "W2", N, J("dW2 = np.dot(*[h, y_pred - y_target])"), "*", oracle=None, style="starred-dot-tiny-W2-no-transpose",
  note="h (1 x n_h) times a 1 x 1: shapes do not fit")
C(E, "w", N, J("dw = np.multiply(*[(O - t) * O * (1 - O), x])"), oracle=EW, style="starred-multiply-neuron-w")
C(CH, "w", N, J(OP, "dw = operator.mul(operator.mul(2, v), x)"), oracle="2 * v * x", style="operator-mul-chain-w")
C(CH, "b", N, J(OP, "db = operator.mul(2, v)"), oracle="2 * v", style="operator-mul-chain-b")
C(CH, "b", N, J(OP, "db = operator.mul(2, u)"), "*", oracle="2 * u", style="operator-mul-chain-b-u", note="u = wx where v = u + b belongs")

# ================================================================ refusals: per-row callables and vectorized helpers (never run)
C(M, "b2", N, J("db2 = np.apply_along_axis(np.mean, 0, A2 - Y)"), oracle="np.mean(A2 - Y, axis=0)", style="apply-along-axis-mean-b2",
  note="relabelled after the first pass (written as a refusal): np.mean applied along axis 0 is the column mean, read exactly — a right answer, and the checker's ✓ is right")
C(M, "W2", N, J("dW2 = np.apply_along_axis(lambda r: np.outer(r[:2], r[2:]), 1, np.hstack([A1, A2 - Y])).mean(axis=0)"), REFUSE, style="apply-along-axis-outer-W2")
C(M, "W2", N, J("import jax", JN, "dW2 = jax.vmap(jnp.outer)(A1, A2 - Y).mean(axis=0)"), REFUSE, style="vmap-outer-W2")
C(M, "b1", N, J(JN, "relu_d = jnp.vectorize(lambda z: 1.0 if z > 0 else 0.0)", "db1 = ((A2 - Y) @ W2.T * relu_d(Z1)).mean(axis=0, keepdims=True)"), REFUSE, style="jnp-vectorize-b1")
C(T, "W1", N, J("dsig = np.frompyfunc(lambda a: a * (1 - a), 1, 1)", "dW1 = X.T @ ((y_pred - y_target) * W2.T * dsig(h))"), oracle=TW1, style="frompyfunc-tiny-W1",
  note="relabelled after the first pass (written as a refusal): an element-wise lambda through np.frompyfunc is that lambda, read exactly (legacy43) — a right answer")
C(R, "w1", N, J("import jax", "dw1 = jax.grad(loss_fn)(w1)"), REFUSE, style="jax-grad-fn-relu-mlp-w1")
C(S, "W", N, J("dW = eval(open('grad.txt').read())"), REFUSE, style="eval-file-softmax-W")
C(HS, "W", N, J("import jax", "dW = jax.jacrev(hsic_loss)(W)"), REFUSE, style="hs-jacrev-W")
C(AW, "W", N, J(TF, "with tf.GradientTape() as tape:", "    l = loss", "dW = tape.gradient(l, W)  # Keras 自动求导"), REFUSE, style="aw-tape-W", lang=Z)

# ================================================================ other frameworks
C(M, "W2", N, J(CU, "dW2 = cp.dot(A1.T, A2 - Y) / m"), oracle=W2R, style="cupy-dot-W2")
C(M, "W2", N, J(CU, "dW2 = cp.tensordot(A1, A2 - Y, axes=(0, 0)) / m"), oracle=W2R, style="cupy-tensordot-W2")
C(M, "W1", N, J(MX, "dZ1 = nd.dot(A2 - Y, W2, transpose_b=True) * (Z1 > 0)", "dW1 = nd.dot(X, dZ1, transpose_a=True) / m"), oracle=W1R, style="mxnet-dot-W1")
C(M, "W1", N, J(MX, "dZ1 = nd.dot(A2 - Y, W2, transpose_b=True) * (Z1 > 0)", "dW1 = nd.dot(dZ1, X, transpose_a=True) / m"), "*", oracle=f"{DZ1}.T @ X / m", style="mxnet-dot-W1-swapped")
C(S, "W", N, J(PD, "dW = paddle.matmul(X, P - Y, transpose_x=True) / m"), oracle=SW, style="paddle-matmul-softmax-W")
C(S, "W", N, J(PD, "dW = paddle.matmul(X, P - Y, transpose_x=True)"), "scale-factor", oracle=f"{SW} * m", style="paddle-matmul-softmax-W-no-mean")
C(S, "b", N, J(MS, "db = ops.ReduceMean(keep_dims=True)(P - Y, 0)"), oracle=SB, style="mindspore-reducemean-softmax-b")
C(R, "w2", N, J(TH, "dw2 = torch.mm(h_relu.t(), 2 * (y_pred - y))"), oracle=RW2, style="torch-mm-relu-mlp-w2")
C(R, "w2", N, J(TH, "dw2 = torch.mm(h.t(), 2 * (y_pred - y))"), "*", oracle="2 * h.T @ (y_pred - y)", style="torch-mm-relu-mlp-w2-pre-relu",
  note="h (before the ReLU) where h_relu belongs")
C(R, "w1", N, J(TF, "g = tf.matmul(2.0 * (y_pred - y), w2, transpose_b=True)", "dw1 = tf.linalg.matmul(x, g * tf.cast(h > 0, tf.float64), transpose_a=True)"), oracle=RW1, style="tf-linalg-matmul-relu-mlp-w1")
C(R, "w1", N, J(TF, "g = tf.matmul(2.0 * (y_pred - y), w2, transpose_b=True)", "dw1 = tf.linalg.matmul(x, g * tf.cast(x > 0, tf.float64), transpose_a=True)"), "*", oracle=None, style="tf-linalg-matmul-relu-mlp-w1-mask-x",
  note="the mask of the input x (n x D_in) where h's (n x H) belongs")
C(B, "beta", N, J(JN, "dbeta = jnp.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"), oracle=BBETA, style="jax-sum-bn-beta")
C(B, "beta", N, J(JN, "dbeta = jnp.sum(2 * (Y - T) / m, axis=0, keepdims=True)"), "scale-factor", oracle=f"{BBETA} * n", style="jax-sum-bn-beta-mean-over-m-only")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / O.numel()", "dW_v = X.t() @ A.t() @ dO"), oracle=AWV, style="torch-numel-attention-Wv")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / O.shape[0]", "dW_v = X.t() @ A.t() @ dO"), "scale-factor", oracle=f"{AWV} * d", style="torch-shape0-attention-Wv")
C(E, "w", N, J(TH, "dz = (O - t) * torch.sigmoid(z) * (1 - torch.sigmoid(z))", "dw = dz * x"), oracle=EW, style="torch-sigmoid-z-neuron-w")
C(E, "w", N, J(TH, "dz = (O - t) * torch.sigmoid(z) * (1 - torch.sigmoid(z))", "dw = dz * x.sum()"), "*", oracle=None, style="torch-sigmoid-z-neuron-w-x-summed",
  note="the sum of the inputs for each input")

# ================================================================ hn46_corn_ordinal_masked_bce (mean over the unmasked tasks)
COS = ("import torch.nn.functional as F", "p = torch.sigmoid(logits)")
C(CO, "W", N, J(TH, *COS[1:], "dlogits = S * (p - Yb) / S.sum()", "dW = x.T @ dlogits"), oracle=f"x.T @ {CO_D}", style="co-W")
C(CO, "W", N, J(TH, *COS[1:], "dW = torch.linalg.multi_dot([x.T, S * (p - Yb)]) / S.sum()"), oracle=f"x.T @ {CO_D}", style="co-W-multidot")
C(CO, "W", N, J(TH, *COS[1:], "dlogits = S * (p - Yb) / N", "dW = x.T @ dlogits"), "*", oracle=f"x.T @ (S * ({SIG.format('logits')} - Yb) / N)", style="co-W-mean-over-N",
  note="divided by the N examples instead of the number of unmasked tasks S.sum() (9)")
C(CO, "W", N, J(TH, *COS[1:], "dlogits = (p - Yb) / S.sum()", "dW = x.T @ dlogits"), "*", oracle=f"x.T @ (({SIG.format('logits')} - Yb) / np.sum(S))", style="co-W-mask-forgotten",
  note="the masked tasks' terms are not in the loss")
C(CO, "W", N, J(TH, *COS[1:], "dlogits = Yb * (p - Yb) / S.sum()", "dW = x.T @ dlogits"), "*", oracle=f"x.T @ (Yb * ({SIG.format('logits')} - Yb) / np.sum(S))", style="co-W-mask-of-labels",
  note="the labels Yb used as the mask where S belongs")
C(CO, "W", N, J(TH, *COS[1:], "dlogits = S * (Yb - p) / S.sum()", "dW = x.T @ dlogits"), "sign", oracle=f"-x.T @ {CO_D}", style="co-W-sign")
C(CO, "W", N, J(TH, *COS[1:], "dlogits = S * (p - Yb) / S.sum()", "dW = dlogits.T @ x"), "*", oracle=f"{CO_D}.T @ x", style="co-W-transposed",
  note="T x d where d x T belongs (d = T = 3)")
C(CO, "b", N, J(TH, *COS[1:], "db = (S * (p - Yb)).sum(dim=0) / S.sum()"), oracle=f"np.sum({CO_D}, axis=0)", style="co-b")
C(CO, "b", N, J(TH, *COS[1:], "db = (S * (p - Yb)).sum(dim=0) / S.sum(dim=0)"), "*", oracle=f"np.sum(S * ({SIG.format('logits')} - Yb), axis=0) / np.sum(S, axis=0)", style="co-b-per-task-count",
  note="each task's own count where the loss divides by the total count")
C(CO, "b", N, J(TH, *COS[1:], "db = (S * (p - Yb)).mean(dim=0)"), "*", oracle=f"np.mean(S * ({SIG.format('logits')} - Yb), axis=0)", style="co-b-mean-rows")
C(CO, "b", N, J(FT, "p = 1 / (1 + np.exp(-logits))", "db = reduce(np.add, S * (p - Yb)) / S.sum()"), oracle=f"np.sum({CO_D}, axis=0)", style="co-b-reduce-rows")
C(CO, "W", N, J("p = 1 / (1 + np.exp(-logits))", "dW = np.tensordot(x, S * (p - Yb), axes=(0, 0)) / np.count_nonzero(S)"), "*", oracle=None, style="co-W-tensordot-count-nonzero",
  note="relabelled after the first pass (written right): S's count of nonzero entries is its sum only for a 0/1 mask, and the spec declares S without a kind — right for 0/1 masks only, as P − label for rows summing to 1")
C(CO, "W", N, J("p = 1 / (1 + np.exp(-logits))", "dW = x.T @ (S * (p - Yb) * p * (1 - p)) / S.sum()"), "*", oracle=f"x.T @ ({CO_D} * {SIG.format('logits')} * (1 - {SIG.format('logits')}))", style="co-W-extra-sigmoid-slope",
  note="σ' multiplied in again: BCE-with-logits' gradient in the logits is already p − y")

# ================================================================ hn46_beta_nll_jax (stop-gradient weight var ** beta)
C(BN, "Wm", N, J(JN, "dmean = var ** beta * (mean - y) / var / N", "dWm = h.T @ dmean"), oracle=f"h.T @ {BN_DM}", style="bn-Wm")
C(BN, "Wm", N, J(JN, "dWm = h.T @ (jnp.power(var, beta - 1) * (mean - y)) / y.shape[0]"), oracle=f"h.T @ {BN_DM}", style="bn-Wm-power-merged")
C(BN, "Wm", N, J(JN, "dWm = h.T @ ((mean - y) / var) / N"), "*", oracle="h.T @ ((mean - y) / var / N)", style="bn-Wm-weight-forgotten",
  note="the plain Gaussian NLL's gradient: the var ** beta weight is left out")
C(BN, "Wm", N, J(JN, "dWm = h.T @ (var ** beta * (y - mean) / var) / N"), "sign", oracle=f"-h.T @ {BN_DM}", style="bn-Wm-sign")
C(BN, "Wm", N, J(JN, "dWm = h.T @ (var ** beta * (mean - y) / var)"), "scale-factor", oracle=f"h.T @ {BN_DM} * N", style="bn-Wm-no-mean")
C(BN, "Wm", N, J(JN, "dWm = x.T @ (var ** beta * (mean - y) / var) / N"), "*", oracle=None, style="bn-Wm-input-x",
  note="the network's input x (N x d) where the hidden h (N x hid) belongs")
C(BN, "Wv", N, J(JN, "import jax", "dvar = var ** beta * 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) / N", "dWv = h.T @ (dvar * jax.nn.sigmoid(h @ Wv))"), oracle=f"h.T @ {BN_DV}", style="bn-Wv")
C(BN, "Wv", N, J(JN, "import jax", "dvar = var ** beta * 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) / N", "dWv = h.T @ dvar"), "missing-activation-derivative",
  oracle="h.T @ (var ** beta * 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) / N)", style="bn-Wv-softplus-slope-forgotten")
C(BN, "Wv", N, J(JN, "import jax", "nll = 0.5 * ((y - mean) ** 2 / var + jnp.log(var))", "dvar = (var ** beta * 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) + beta * var ** (beta - 1) * nll) / N",
                 "dWv = h.T @ (dvar * jax.nn.sigmoid(h @ Wv))"), "*",
  oracle=f"h.T @ ((var ** beta * 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) + beta * var ** (beta - 1) * 0.5 * ((y - mean) ** 2 / var + np.log(var))) / N * {SIG.format('(h @ Wv)')})",
  style="bn-Wv-through-stop-gradient", note="differentiates through jax.lax.stop_gradient(var ** beta)")
C(BN, "Wv", N, J(JN, "import jax", "dvar = var ** beta * 0.5 * (1 / var + (y - mean) ** 2 / var ** 2) / N", "dWv = h.T @ (dvar * jax.nn.sigmoid(h @ Wv))"), "*",
  oracle=f"h.T @ (var ** beta * 0.5 * (1 / var + (y - mean) ** 2 / var ** 2) / N * {SIG.format('(h @ Wv)')})", style="bn-Wv-sign-of-one-term")
C(BN, "Wm", N, J(FT, JN, "dWm = reduce(jnp.matmul, [h.T, var ** beta * (mean - y) / var]) / N"), oracle=f"h.T @ {BN_DM}", style="bn-Wm-reduce")
C(BN, "Wm", N, J(JN, "def head_grad(*, feats, err, w):", "    return feats.T @ (w * err) / feats.shape[0]", "dWm = head_grad(feats=h, err=(mean - y) / var, w=var ** beta)"), oracle=f"h.T @ {BN_DM}", style="bn-Wm-kwonly")

# ================================================================ hn46_minlstm_two_steps_numpy (mean over B x h)
MLD = "dh2 = 2 * (h2 - y) / (B * h)"
C(ML, "Wh", N, J(MLD, "dWh = x2.T @ (dh2 * i2 / (f2 + i2)) + x1.T @ (dh2 * f2 / (f2 + i2) * i1 / (f1 + i1))"), oracle=ML_WH, style="ml-Wh")
C(ML, "Wh", N, J(MLD, "dWh = x2.T @ (dh2 * i2 / (f2 + i2))"), "missing-path", oracle=f"x2.T @ ({ML_DH} * i2 / (f2 + i2))", style="ml-Wh-last-step-only")
C(ML, "Wh", N, J("dh2 = 2 * (h2 - y) / B", "dWh = x2.T @ (dh2 * i2 / (f2 + i2)) + x1.T @ (dh2 * f2 / (f2 + i2) * i1 / (f1 + i1))"), "scale-factor", oracle=f"({ML_WH}) * h", style="ml-Wh-mean-over-B-only")
C(ML, "Wh", N, J("dh2 = (h2 - y) / (B * h)", "dWh = x2.T @ (dh2 * i2 / (f2 + i2)) + x1.T @ (dh2 * f2 / (f2 + i2) * i1 / (f1 + i1))"), "scale-factor", oracle=f"({ML_WH}) / 2", style="ml-Wh-no-2")
C(ML, "Wh", N, J(MLD, "dWh = x2.T @ (dh2 * f2 / (f2 + i2)) + x1.T @ (dh2 * f2 / (f2 + i2) * i1 / (f1 + i1))"), "*",
  oracle=f"x2.T @ ({ML_DH} * f2 / (f2 + i2)) + x1.T @ ({ML_DH} * f2 / (f2 + i2) * i1 / (f1 + i1))", style="ml-Wh-gates-swapped", note="the forget share where the input share belongs")
C(ML, "Wh", N, J(MLD, "dWh = x2.T @ (dh2 * i2 / (f2 + i2)) + x2.T @ (dh2 * f2 / (f2 + i2) * i1 / (f1 + i1))"), "*",
  oracle=f"x2.T @ ({ML_DH} * i2 / (f2 + i2)) + x2.T @ ({ML_DH} * f2 / (f2 + i2) * i1 / (f1 + i1))", style="ml-Wh-step1-input-x2", note="x2 where step 1's input x1 belongs")
C(ML, "Wh", N, J(MLD, "steps = [(x2, i2 / (f2 + i2)), (x1, f2 / (f2 + i2) * i1 / (f1 + i1))]", "dWh = sum(xt.T @ (dh2 * g) for xt, g in steps)"), oracle=ML_WH, style="ml-Wh-generator-pairs")
C(ML, "Wh", N, J(MLD, "dWh = np.linalg.multi_dot([x2.T, dh2 * i2 / (f2 + i2)]) + np.linalg.multi_dot([x1.T, dh2 * f2 / (f2 + i2) * i1 / (f1 + i1)])"), oracle=ML_WH, style="ml-Wh-multidot")
C(ML, "Wh", N, J(MLD, "share = lambda a, b: a / (a + b)", "dWh = x2.T @ (dh2 * share(i2, f2)) + x1.T @ (dh2 * share(f2, i2) * share(i1, f1))"), oracle=ML_WH, style="ml-Wh-lambda-share")
C(ML, "Wh", N, J(MLD, "share = lambda a, b: a / (a + b)", "dWh = x2.T @ (dh2 * share(i2, f2)) + x1.T @ (dh2 * share(f2, i2))"), "*",
  oracle=f"x2.T @ ({ML_DH} * i2 / (f2 + i2)) + x1.T @ ({ML_DH} * f2 / (f2 + i2))", style="ml-Wh-lambda-share-step1-gate-forgotten", note="h1's input share i1/(f1 + i1) left out")

# ================================================================ hn46_rwkv_wkv_three_steps_cn (receptance gate r, mse over B x c)
RWD = "do3 = 2 * (o3 - y) / (B * c)  # F.mse_loss 取平均"
RWS = "r = torch.sigmoid(x3 @ Wr)"
C(RW, "Wr", N, J(TH, RWD, RWS, "dWr = x3.T @ (do3 * wkv3 * r * (1 - r))"), oracle=RW_WR, style="zh-rw-Wr", lang=Z)
C(RW, "Wr", N, J(TH, RWD, RWS, "dWr = x3.T @ (do3 * wkv3)  # 忘了 sigmoid 的导数"), "missing-activation-derivative", oracle=f"x3.T @ ({RW_DO} * wkv3)", style="zh-rw-Wr-slope-forgotten", lang=Z)
C(RW, "Wr", N, J(TH, "do3 = (o3 - y) / (B * c)", RWS, "dWr = x3.T @ (do3 * wkv3 * r * (1 - r))"), "scale-factor", oracle=f"({RW_WR}) / 2", style="zh-rw-Wr-no-2", lang=Z)
C(RW, "Wr", N, J(TH, RWD, RWS, "dWr = x2.T @ (do3 * wkv3 * r * (1 - r))  # 用错了时间步"), "*", oracle=f"x2.T @ ({RW_DO} * wkv3 * {RW_R} * (1 - {RW_R}))", style="zh-rw-Wr-step2-input", lang=Z,
  note="the second step's x2 where the gate reads x3")
C(RW, "Wr", N, J(TH, RWD, RWS, "dWr = x3.T @ (do3 * o3 * (1 - r))"), oracle=RW_WR, style="rw-Wr-via-o3",
  note="o3 = r · wkv3, so wkv3 · r = o3")
C(RW, "Wr", N, J(TH, RWD, RWS, "dWr = x3.T @ (do3 * o3 * r * (1 - r))"), "*", oracle=f"x3.T @ ({RW_DO} * o3 * {RW_R} * (1 - {RW_R}))", style="rw-Wr-o3-for-wkv3",
  note="o3 (the gated output) where wkv3 belongs")
C(RW, "Wr", N, J(TH, RWD, RWS, "dWr = torch.tensordot(x3, do3 * wkv3 * r * (1 - r), dims=([0], [0]))"), oracle=RW_WR, style="rw-Wr-torch-tensordot")
RWU = (TH, RWD, RWS, "E = torch.exp(u + k3)")
C(RW, "u", N, J(*RWU, "du = (do3 * r * E * (v3 - wkv3) / (b2 + E)).sum(dim=0)  # 对 batch 求和"), oracle=RW_U, style="zh-rw-u", lang=Z)
C(RW, "u", N, J(*RWU, "du = (do3 * r * E * v3 / (b2 + E)).sum(dim=0)"), "*", oracle=f"np.sum({RW_DO} * {RW_R} * {RW_E} * v3 / (b2 + {RW_E}), axis=0)", style="rw-u-quotient-rule-half",
  note="the denominator's derivative (−wkv3 · E/(b2 + E)) left out")
C(RW, "u", N, J(*RWU, "du = (do3 * r * E * (v3 - wkv3) / (b2 + E)).mean(dim=0)"), "scale-factor", oracle=f"{RW_U} / B", style="rw-u-mean-rows")

# ================================================================ hn46_sru_lerp_two_steps_cn (sum of squares / 2, highway)
SRS = ("dh2 = h2 - y  # reduction='sum' 再除以 2", "dr2 = dh2 * (c2 - x2)")
C(SR, "br", N, J(TH, *SRS, "dbr = (dr2 * r2 * (1 - r2)).sum(0)"), oracle=f"np.sum({SR_DR}, axis=0)", style="zh-sr-br", lang=Z)
C(SR, "br", N, J(TH, "dh2 = h2 - y", "dr2 = dh2 * (x2 - c2)", "dbr = (dr2 * r2 * (1 - r2)).sum(0)"), "sign", oracle=f"-np.sum({SR_DR}, axis=0)", style="sr-br-sign")
C(SR, "br", N, J(TH, *SRS, "dbr = dr2.sum(0)  # 忘了门的导数"), "missing-activation-derivative", oracle="np.sum((h2 - y) * (c2 - x2), axis=0)", style="zh-sr-br-slope-forgotten", lang=Z)
C(SR, "br", N, J(TH, "dh2 = (h2 - y) / B", "dr2 = dh2 * (c2 - x2)", "dbr = (dr2 * r2 * (1 - r2)).sum(0)"), "scale-factor", oracle=f"np.sum({SR_DR}, axis=0) / B", style="sr-br-mean-assumed",
  note="reduction='sum': no division by the batch")
C(SR, "Wr", N, J(TH, *SRS, "dWr = x2.T @ (dr2 * r2 * (1 - r2))"), oracle=f"x2.T @ {SR_DR}", style="zh-sr-Wr", lang=Z)
C(SR, "Wr", N, J(TH, *SRS, "dWr = x1.T @ (dr2 * r2 * (1 - r2))  # 用了第一步的输入"), "*", oracle=f"x1.T @ {SR_DR}", style="zh-sr-Wr-x1", lang=Z)
C(SR, "Wr", N, J(TH, *SRS, "dWr = (dr2 * r2 * (1 - r2)).T @ x2"), "*", oracle=f"{SR_DR}.T @ x2", style="sr-Wr-transposed", note="d x d square: the transpose")
C(SR, "vr", N, J(TH, *SRS, "dvr = (dr2 * r2 * (1 - r2) * c1).sum(0)"), oracle=f"np.sum({SR_DR} * c1, axis=0)", style="zh-sr-vr", lang=Z)
C(SR, "vr", N, J(TH, *SRS, "dvr = (dr2 * r2 * (1 - r2)).sum(0)  # 漏乘 c1"), "*", oracle=f"np.sum({SR_DR}, axis=0)", style="zh-sr-vr-c1-forgotten", lang=Z)
C(SR, "vr", N, J(TH, *SRS, "dvr = (dr2 * r2 * (1 - r2) * c2).sum(0)"), "*", oracle=f"np.sum({SR_DR} * c2, axis=0)", style="sr-vr-c2-for-c1",
  note="this step's c2 where the gate reads the previous c1")

# ================================================================ hn46_ring_loss_paddle_cn (soft-label CE + lam · ring)
RGS = (PD, "import paddle.nn.functional as F", "prob = F.softmax(logits, axis=-1)")
C(RG, "W2", N, J(*RGS, "dW2 = paddle.matmul(feat, (prob - label) / N, transpose_x=True)"), "unknown", oracle=None, style="zh-rg-W2", lang=Z,
  note="relabelled after the first pass (written right): the spec declares label without a kind, so P − label holds only for rows summing to 1 — the round-45 policy (soft targets are the input kind 'distribution'); the checker says so in a note")
C(RG, "W2", N, J(*RGS, "dW2 = paddle.matmul(feat, prob - label, transpose_x=True)  # 没有除以 N"), "scale-factor", oracle=f"feat.T @ {RG_D} * N", style="zh-rg-W2-no-mean", lang=Z)
C(RG, "W2", N, J(*RGS, "dW2 = paddle.matmul(feat, (label - prob) / N, transpose_x=True)"), "sign", oracle=f"-feat.T @ {RG_D}", style="rg-W2-sign")
C(RG, "W2", N, J(*RGS, "dW2 = paddle.matmul(feat, (prob - label.argmax(axis=1, keepdim=True)) / N, transpose_x=True)"), "*", oracle=None, style="rg-W2-label-index",
  note="the class index column where the one-hot rows belong")
C(RG, "W2", N, J(*RGS, "dW2 = paddle.matmul(feat, lam * (prob - label) / N, transpose_x=True)"), "*", oracle=f"lam * feat.T @ {RG_D}", style="rg-W2-lam-on-ce",
  note="lam weighs the ring term, not the cross-entropy")
C(RG, "R", N, J(PD, "dR = lam * paddle.mean(R - norm)"), oracle="lam * np.mean(R - norm)", style="rg-R")
C(RG, "R", N, J(PD, "dR = -lam * (norm - R).mean()  # ring 项对半径求导"), oracle="lam * np.mean(R - norm)", style="zh-rg-R-neg", lang=Z)
C(RG, "R", N, J(PD, "dR = lam * paddle.mean(norm - R)"), "sign", oracle="lam * np.mean(norm - R)", style="rg-R-sign")
C(RG, "R", N, J(PD, "dR = lam * paddle.sum(R - norm)"), "scale-factor", oracle="lam * np.sum(R - norm)", style="rg-R-sum")
C(RG, "R", N, J(PD, "dR = paddle.mean(R - norm)  # 忘了乘 lam"), "*", oracle="np.mean(R - norm)", style="zh-rg-R-lam-forgotten", lang=Z)
C(RG, "W1", N, J(*RGS, "dfeat = (prob - label) / N @ W2.T + lam * ((norm - R) / N).unsqueeze(1) * feat / norm.unsqueeze(1)", "dW1 = paddle.matmul(x, dfeat * (feat > 0), transpose_x=True)"),
  "unknown", oracle=None, style="rg-W1",
  note="relabelled after the first pass (written right; the oracle agreed at the spec's one-hot labels): P − label holds only for label rows summing to 1, and the spec declares no kind for label (round-45 policy, as zh-rg-W2)")
C(RG, "W1", N, J(*RGS, "dfeat = (prob - label) / N @ W2.T", "dW1 = paddle.matmul(x, dfeat * (feat > 0), transpose_x=True)  # 只算了交叉熵"), "*",
  oracle=f"x.T @ (({RG_D} @ W2.T) * (feat > 0))", style="zh-rg-W1-ring-forgotten", lang=Z, note="the ring term also reads feat (through its norm)")

# ================================================================ hn46_negbin_nll_tf (mean NLL of counts)
NBS = (TF, "g = y / mu - (y + r) / (r + mu)")
C(NB, "W", N, J(*NBS, "dW = -tf.matmul(x, g * tf.sigmoid(tf.matmul(x, W)), transpose_a=True) / N"), oracle=NB_W, style="nb-W")
C(NB, "W", N, J(*NBS, "dW = tf.matmul(x, g * tf.sigmoid(tf.matmul(x, W)), transpose_a=True) / N"), "sign", oracle=f"-({NB_W})", style="nb-W-sign")
C(NB, "W", N, J(*NBS, "dW = -tf.matmul(x, g, transpose_a=True) / N"), "missing-activation-derivative", oracle=f"-x.T @ {NB_G} / N", style="nb-W-softplus-slope-forgotten")
C(NB, "W", N, J(*NBS, "dW = -tf.matmul(x, g * tf.sigmoid(tf.matmul(x, W)), transpose_a=True)"), "scale-factor", oracle=f"-x.T @ ({NB_G} * {SIG.format('(x @ W)')})", style="nb-W-no-mean")
C(NB, "W", N, J(TF, "g = y / mu - y / (r + mu)", "dW = -tf.matmul(x, g * tf.sigmoid(tf.matmul(x, W)), transpose_a=True) / N"), "*",
  oracle=f"-x.T @ ((y / mu - y / (r + mu)) * {SIG.format('(x @ W)')}) / N", style="nb-W-r-term-forgotten", note="the r·log(r/(r + μ)) term's −r/(r + μ) left out")
C(NB, "W", N, J(*NBS, "dW = -np.tensordot(x, g * (1 - np.exp(-mu)), axes=(0, 0)) / N"), oracle=NB_W, style="nb-W-softplus-slope-from-mu",
  note="softplus'(z) = σ(z) = 1 − e^(−softplus(z)) = 1 − e^(−μ)")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c47-000, … as written; cases that happen to repeat corpora 2-46 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus47", "c47", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
