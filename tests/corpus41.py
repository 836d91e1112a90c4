"""The held-out-style corpus of issue 11, forty-first round: CODE only, from sources and styles no
corpus had used as such — type-annotated homework code (``numpy.typing.NDArray`` aliases, ``m: int
= A_prev.shape[0]``, ``-> tuple[Array, Array, Array]``), Python 3.10 ``match``/``case`` dispatch of
the activation's backward, ``@dataclass`` layer classes (``field(default=None)``, ``self.dW``),
Haiku/Optax-style parameter dicts with double-quoted keys and a ``jax.tree_util.tree_map`` update,
``scipy.special`` forward spellings (``expit``, ``softmax(…, axis=1)``, ``log_softmax``), cs231n's
gradient-check harness around the answer (``rel_error``, ``eval_numerical_gradient``,
``np.testing.assert_allclose``), Jupyter magics (``%matplotlib inline``, ``!pip install``,
``%%time``), ``np.errstate`` blocks, NumPy ufunc spellings (``np.add.reduce`` — whose default axis
is 0 —, ``np.swapaxes``, ``np.moveaxis``, ``np.inner``, ``np.select``), ``functools.partial``
helpers, ``zip(reversed(…))`` layer loops and Chinese (Unicode) identifiers — and students'
mistakes on them (1/m, a sigmoid slope on a ReLU layer, a mask taken from the sigmoid output, the
highway's carry forgotten, the hinge's 1/C, LoRA's α/r, Huber's δ, the Gaussian NLL's ½); on the
built-ins and on seven lecturer networks no corpus had used; Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck41"). Built-in cases carry a PyTorch oracle
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


HM = _spec("hn39_huber_module_silu_regression")
WG = _spec("hn40_wing_loss_landmarks")
LR = _spec("hn39_lora_rank1_outer")
QH = _spec("hn39_qiu_nndl_highway_numpy_cn")
MS = _spec("hn39_multi_margin_svm_cn")
RB = _spec("hn40_rbf_network_fixed_centres_jax_cn")
GN = _spec("hn39_gaussian_nll_module_heteroscedastic")

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
SIGSLOPE_W1 = "X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m"
WW2 = f"A1.T @ {WDZ} / m"
WW1 = f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m"
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"

# ================================================================ numpy.typing annotated helpers
TY = J(
    "import numpy as np",
    "from numpy.typing import NDArray",
    "",
    "Array = NDArray[np.float64]",
    "",
    "",
    "def linear_backward(dZ: Array, A_prev: Array, W: Array) -> tuple[Array, Array, Array]:",
    "    m: int = A_prev.shape[0]",
    "    dW: Array = A_prev.T @ dZ / m",
    "    db: Array = np.sum(dZ, axis=0, keepdims=True) / m",
    "    dA_prev: Array = dZ @ W.T",
    "    return dA_prev, dW, db",
)
TY_W2 = "dA1, dW2, db2 = linear_backward(A2 - Y, A1, W2)"
TY_W1 = J(TY_W2, "dZ1: Array = dA1 * (Z1 > 0)", "dX, dW1, db1 = linear_backward(dZ1, X, W1)")
C(M, "W2", N, J(TY, "", TY_W2), oracle=W2R, style="typed-linear-backward-W2")
C(M, "b2", N, J(TY, "", TY_W2), oracle=B2R, style="typed-linear-backward-b2")
C(M, "W1", N, J(TY, "", TY_W1), oracle=W1R, style="typed-linear-backward-W1")
C(M, "b1", N, J(TY, "", TY_W1), oracle=B1R, style="typed-linear-backward-b1")
C(M, "W1", N, J(TY, "", TY_W1.replace("dA1 * (Z1 > 0)", "dA1 * (A1 > 0)")), oracle=W1R, style="typed-W1-mask-from-output")
C(M, "W1", N, J(TY, "", TY_W1.replace("dA1 * (Z1 > 0)", "dA1 * A1 * (1 - A1)")), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="typed-W1-sigmoid-slope-on-relu")
C(M, "W2", N, J(TY.replace("m: int = A_prev.shape[0]", "m: int = A_prev.shape[1]"), "", TY_W2), "*", oracle="A1.T @ (A2 - Y) / A1.shape[1]", style="typed-W2-m-from-wrong-axis")
C(M, "W2", N, J(TY.replace("dW: Array = A_prev.T @ dZ / m", "dW: Array = dZ.T @ A_prev / m"), "", TY_W2), "*", oracle=f"({W2R}).T", style="typed-W2-transposed")
C(M, "W1", N, J(TY, "", TY_W1.replace("dZ1: Array = dA1 * (Z1 > 0)", "dZ1: Array = dA1")), "missing-activation-derivative", oracle=NOMASK_W1, style="typed-W1-no-mask")
C(M, "W2", N, J(TY.replace("    dW: Array = A_prev.T @ dZ / m", "    dW: Array = A_prev.T @ dZ"), "", TY_W2), "scale-factor", oracle=f"{W2R} * m", style="typed-W2-no-mean")
C(M, "W1", N, J("# 带类型标注的作业代码", TY, "", TY_W1), lang=Z, oracle=W1R, style="zh-typed-W1")
C(A, "W_v", N, J("from numpy.typing import NDArray", "", "def attn_value_grad(dO: NDArray, A: NDArray, X: NDArray) -> NDArray:",
                 "    dV: NDArray = A.T @ dO", "    return X.T @ dV", "", "dW_v = attn_value_grad(2 * (O - T) / (n * d), A, X)"), oracle=AWV, style="typed-attention-Wv")
C(A, "W_v", N, J("from numpy.typing import NDArray", "", "def attn_value_grad(dO: NDArray, A: NDArray, X: NDArray) -> NDArray:",
                 "    dV: NDArray = A.T @ dO", "    return X.T @ dV", "", "dW_v = attn_value_grad(2 * (O - T) / n, A, X)"), "scale-factor", oracle=f"{AWV} * d", style="typed-attention-Wv-mean-over-rows")
C(A, "W_v", N, J("from numpy.typing import NDArray", "", "def attn_value_grad(dO: NDArray, A: NDArray, X: NDArray) -> NDArray:",
                 "    dV: NDArray = A @ dO", "    return X.T @ dV", "", "dW_v = attn_value_grad(2 * (O - T) / (n * d), A, X)"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="typed-attention-Wv-A-not-transposed")

# ================================================================ match / case dispatch
ACT = J(
    "def activation_backward(dA, Z, kind):",
    "    match kind:",
    "        case \"relu\":",
    "            return dA * (Z > 0)",
    "        case \"sigmoid\":",
    "            s = 1 / (1 + np.exp(-Z))",
    "            return dA * s * (1 - s)",
    "        case \"tanh\":",
    "            return dA * (1 - np.tanh(Z) ** 2)",
    "        case _:",
    "            raise ValueError(f\"unknown activation {kind}\")",
)
ACT_W1 = J("dZ1 = activation_backward((A2 - Y) @ W2.T, Z1, \"relu\")", "dW1 = X.T @ dZ1 / m")
C(M, "W1", N, J(ACT, "", ACT_W1), oracle=W1R, style="match-case-relu-W1")
C(M, "W1", N, J(ACT, "", ACT_W1.replace('"relu"', '"sigmoid"')), "wrong-activation-derivative", oracle=SIGSLOPE_W1, style="match-case-sigmoid-on-relu-layer")
C(M, "W1", N, J(ACT, "", ACT_W1.replace('"relu"', '"tanh"')), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - np.tanh(Z1) ** 2)) / m", style="match-case-tanh-on-relu-layer")
C(M, "W2", N, J(ACT, "", "dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = activation_backward(dA2, Z2, \"sigmoid\")", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="match-case-bce-chain-W2")
C(M, "b2", N, J(ACT, "", "dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = activation_backward(dA2, Z2, \"sigmoid\")", "db2 = np.sum(dZ2, axis=0, keepdims=True) / m"), oracle=B2R, style="match-case-bce-chain-b2")
C(M, "W2", N, J(ACT, "", "dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = activation_backward(dA2, A2, \"sigmoid\")", "dW2 = A1.T @ dZ2 / m"), "*", oracle="A1.T @ (-(Y / A2 - (1 - Y) / (1 - A2)) * sigmoid(A2) * (1 - sigmoid(A2))) / m", style="match-case-sigmoid-of-output")
C(T, "W1", N, J(ACT, "", "dh = (y_pred - y_target) * W2.T", "dh_raw = activation_backward(dh, h_raw, \"sigmoid\")", "dW1 = X.T @ dh_raw"), oracle=TW1, style="match-case-tiny-W1")
C(T, "W1", N, J(ACT, "", "dh = (y_pred - y_target) * W2.T", "dh_raw = activation_backward(dh, h_raw, \"relu\")", "dW1 = X.T @ dh_raw"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * (h_raw > 0))", style="match-case-tiny-relu-slope")
C(R2, "W_x", N, J(ACT, "", "dz2 = activation_backward(h_2 - y, z_2, \"tanh\")", "dz1 = activation_backward(dz2 @ W_h.T, z_1, \"tanh\")", "dW_x = x_2.T @ dz2 + x_1.T @ dz1"), oracle=RWX, style="match-case-rnn-Wx")
C(R2, "W_h", N, J(ACT, "", "dz2 = activation_backward(h_2 - y, z_2, \"tanh\")", "dz1 = activation_backward(dz2 @ W_h.T, z_1, \"tanh\")", "dW_h = h_1.T @ dz2 + h_0.T @ dz1"), oracle=RWH, style="match-case-rnn-Wh")
C(R2, "W_x", N, J(ACT, "", "dz2 = activation_backward(h_2 - y, z_2, \"tanh\")", "dW_x = x_2.T @ dz2"), "*", oracle=f"x_2.T @ {R2_D2}", style="match-case-rnn-Wx-last-step-only")
C(R2, "W_h", N, J("# 用 match 语句分派激活函数的导数", ACT, "", "dz2 = activation_backward(h_2 - y, z_2, \"tanh\")", "dz1 = activation_backward(dz2 @ W_h.T, z_1, \"tanh\")", "dW_h = h_1.T @ dz2 + h_0.T @ dz1"), lang=Z, oracle=RWH, style="zh-match-case-rnn-Wh")
C(M, "W1", N, J("# 激活函数选错了：隐藏层是 ReLU", ACT, "", ACT_W1.replace('"relu"', '"sigmoid"')), "wrong-activation-derivative", lang=Z, oracle=SIGSLOPE_W1, style="zh-match-case-sigmoid-on-relu-layer")

# ================================================================ @dataclass layers
DC = J(
    "from dataclasses import dataclass, field",
    "",
    "",
    "@dataclass",
    "class Dense:",
    "    W: np.ndarray",
    "    b: np.ndarray",
    "    x: np.ndarray = field(default=None, repr=False)",
    "",
    "    def backward(self, dout):",
    "        self.dW = self.x.T @ dout",
    "        self.db = dout.sum(axis=0, keepdims=True)",
    "        return dout @ self.W.T",
)
DC_W2 = J("fc2 = Dense(W2, b2, x=A1)", "dA1 = fc2.backward((A2 - Y) / m)", "dW2 = fc2.dW")
DC_W1 = J("fc1 = Dense(W1, b1, x=X)", "fc2 = Dense(W2, b2, x=A1)", "dA1 = fc2.backward((A2 - Y) / m)", "fc1.backward(dA1 * (Z1 > 0))", "dW1 = fc1.dW")
C(M, "W2", N, J(DC, "", DC_W2), oracle=W2R, style="dataclass-dense-W2")
C(M, "b2", N, J(DC, "", DC_W2.replace("dW2 = fc2.dW", "db2 = fc2.db")), oracle=B2R, style="dataclass-dense-b2")
C(M, "W1", N, J(DC, "", DC_W1), oracle=W1R, style="dataclass-dense-W1")
C(M, "b1", N, J(DC, "", DC_W1.replace("dW1 = fc1.dW", "db1 = fc1.db")), oracle=B1R, style="dataclass-dense-b1")
C(M, "W2", N, J(DC, "", DC_W2.replace("Dense(W2, b2, x=A1)", "Dense(W2, b2, A1)")), oracle=W2R, style="dataclass-dense-positional-W2")
C(M, "W2", N, J(DC, "", DC_W2.replace("x=A1", "x=X")), "wrong-layer", oracle="X.T @ (A2 - Y) / m", style="dataclass-dense-W2-input-of-first-layer")
C(M, "W2", N, J(DC, "", DC_W2.replace("(A2 - Y) / m", "A2 - Y")), "scale-factor", oracle=f"{W2R} * m", style="dataclass-dense-W2-no-mean")
C(M, "W1", N, J(DC, "", DC_W1.replace("fc1.backward(dA1 * (Z1 > 0))", "fc1.backward(dA1)")), "missing-activation-derivative", oracle=NOMASK_W1, style="dataclass-dense-W1-no-mask")
C(R, "w2", N, J(DC, "", "layer2 = Dense(w2, None, x=h_relu)", "grad_h_relu = layer2.backward(2.0 * (y_pred - y))", "grad_w2 = layer2.dW"), oracle=RW2, style="dataclass-relu-mlp-w2")
C(R, "w1", N, J(DC, "", "layer1 = Dense(w1, None, x=x)", "layer2 = Dense(w2, None, x=h_relu)", "grad_h_relu = layer2.backward(2.0 * (y_pred - y))", "layer1.backward(grad_h_relu * (h > 0))", "grad_w1 = layer1.dW"), oracle=RW1, style="dataclass-relu-mlp-w1")
C(R, "w1", N, J(DC, "", "layer1 = Dense(w1, None, x=x)", "layer2 = Dense(w2, None, x=h_relu)", "grad_h_relu = layer2.backward(y_pred - y)", "layer1.backward(grad_h_relu * (h > 0))", "grad_w1 = layer1.dW"), "scale-factor", oracle=f"{RW1} / 2", style="dataclass-relu-mlp-w1-no-two")
C(M, "W1", N, J("# 用 dataclass 写的全连接层", DC, "", DC_W1), lang=Z, oracle=W1R, style="zh-dataclass-dense-W1")

# ================================================================ Haiku/Optax-style parameter dicts
HK = J(
    "params = {\"w1\": W1, \"b1\": b1, \"w2\": W2, \"b2\": b2}",
    "",
    "",
    "def manual_grads(params, X, Y):",
    "    z1 = X @ params[\"w1\"] + params[\"b1\"]",
    "    a1 = np.maximum(z1, 0)",
    "    a2 = 1 / (1 + np.exp(-(a1 @ params[\"w2\"] + params[\"b2\"])))",
    "    m = X.shape[0]",
    "    dz2 = (a2 - Y) / m",
    "    dz1 = dz2 @ params[\"w2\"].T * (z1 > 0)",
    "    return {\"w1\": X.T @ dz1, \"b1\": dz1.sum(0, keepdims=True), \"w2\": a1.T @ dz2, \"b2\": dz2.sum(0, keepdims=True)}",
    "",
    "",
    "grads = manual_grads(params, X, Y)",
)
C(M, "W1", N, J(HK, "dW1 = grads[\"w1\"]"), oracle=W1R, style="haiku-dict-W1")
C(M, "W2", N, J(HK, "dW2 = grads[\"w2\"]"), oracle=W2R, style="haiku-dict-W2")
C(M, "b1", N, J(HK, "db1 = grads[\"b1\"]"), oracle=B1R, style="haiku-dict-b1")
C(M, "W2", N, J(HK, "dW2 = grads[\"w2\"]", "params = jax.tree_util.tree_map(lambda p, g: p - 0.1 * g, params, grads)"), oracle=W2R, style="haiku-dict-W2-tree-map-step")
C(M, "W1", N, J(HK.replace("* (z1 > 0)", "* (a2 > 0)"), "dW1 = grads[\"w1\"]"), "missing-activation-derivative", oracle=NOMASK_W1, style="haiku-dict-W1-mask-from-sigmoid-output")
C(M, "W2", N, J(HK.replace("dz2 = (a2 - Y) / m", "dz2 = a2 - Y"), "dW2 = grads[\"w2\"]"), "scale-factor", oracle=f"{W2R} * m", style="haiku-dict-W2-no-mean")
C(M, "W2", N, J(HK.replace("\"w2\": a1.T @ dz2", "\"w2\": z1.T @ dz2"), "dW2 = grads[\"w2\"]"), "*", oracle="Z1.T @ (A2 - Y) / m", style="haiku-dict-W2-pre-activation")
C(M, "W1", N, J("# Haiku 风格：参数放在字典里", HK, "dW1 = grads[\"w1\"]"), lang=Z, oracle=W1R, style="zh-haiku-dict-W1")

# ================================================================ scipy.special spellings
C(S, "W", N, J("from scipy.special import softmax", "P_ = softmax(X @ W + b, axis=1)", "dW = X.T @ (P_ - Y) / X.shape[0]"), oracle=SW, style="scipy-softmax-W")
C(S, "W", N, J("from scipy.special import softmax", "P_ = softmax(X @ W + b)", "dW = X.T @ (P_ - Y) / X.shape[0]"), "*", oracle="X.T @ (np.exp(Z) / np.exp(Z).sum() - Y) / m", style="scipy-softmax-no-axis")
C(S, "b", N, J("from scipy.special import log_softmax", "P_ = np.exp(log_softmax(Z, axis=1))", "db = (P_ - Y).mean(axis=0, keepdims=True)"), oracle=SB, style="scipy-log-softmax-b")
C(S, "W", N, J("from scipy.special import log_softmax", "P_ = np.exp(log_softmax(Z, axis=1))", "dW = X.T @ (P_ - Y)"), "scale-factor", oracle=f"{SW} * m", style="scipy-log-softmax-W-no-mean")
C(S, "W", N, J("from scipy.special import log_softmax", "dW = X.T @ (log_softmax(Z, axis=1) - Y) / m"), "*", oracle="X.T @ (np.log(P) - Y) / m", style="scipy-log-softmax-log-probs-for-probs")
C(M, "W2", N, J("from scipy.special import expit", "dZ2 = expit(Z2) - Y", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="scipy-expit-W2")
C(M, "W2", N, J("from scipy.special import expit", "dZ2 = expit(A2) - Y", "dW2 = A1.T @ dZ2 / m"), "*", oracle="A1.T @ (sigmoid(A2) - Y) / m", style="scipy-expit-of-output")
C(M, "W1", N, J("from scipy.special import expit", "dZ2 = expit(Z2) - Y", "dZ1 = dZ2 @ W2.T * expit(Z1) * (1 - expit(Z1))", "dW1 = X.T @ dZ1 / m"), "wrong-activation-derivative", oracle=SIGSLOPE_W1, style="scipy-expit-slope-on-relu-layer")
C(E, "w", N, J("from scipy.special import expit", "O_ = expit(x @ w.T)", "dw = (O_ - t) * O_ * (1 - O_) * x"), oracle=EW, style="scipy-expit-neuron-w")
C(E, "w", N, J("from scipy.special import expit", "O_ = expit(x @ w.T)", "dw = (O_ - t) * x"), "missing-activation-derivative", oracle="(O - t) * x", style="scipy-expit-neuron-no-slope")
C(S, "W", N, J("# scipy 的 softmax 要指定 axis=1", "from scipy.special import softmax", "P_ = softmax(X @ W + b, axis=1)", "dW = X.T @ (P_ - Y) / X.shape[0]"), lang=Z, oracle=SW, style="zh-scipy-softmax-W")

# ================================================================ cs231n's gradient-check harness around the answer
RELERR = J(
    "def rel_error(x, y):",
    "    \"\"\" returns relative error \"\"\"",
    "    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))",
)
C(M, "W2", N, J(RELERR, "", "dW2 = A1.T @ (A2 - Y) / m", "dW2_num = eval_numerical_gradient(lambda W: loss_fn(W), W2, verbose=False)", "print(\"dW2 relative error: %e\" % rel_error(dW2_num, dW2))"), oracle=W2R, style="cs231n-harness-print-W2")
C(M, "W2", N, J(RELERR, "", "dW2 = A1.T @ (A2 - Y)", "dW2_num = eval_numerical_gradient(lambda W: loss_fn(W), W2, verbose=False)", "print(\"dW2 relative error: %e\" % rel_error(dW2_num, dW2))"), "scale-factor", oracle=f"{W2R} * m", style="cs231n-harness-W2-no-mean")
C(M, "W1", N, J(RELERR, "", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m", "dW1_num = eval_numerical_gradient(f, W1)", "assert rel_error(dW1_num, dW1) < 1e-7, rel_error(dW1_num, dW1)"), oracle=W1R, style="cs231n-harness-assert-W1")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m", "num = eval_numerical_gradient(f, W1)", "np.testing.assert_allclose(dW1, num, rtol=1e-5, atol=1e-8)"), oracle=W1R, style="testing-assert-allclose-W1")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1", "num = eval_numerical_gradient(f, W1)", "np.testing.assert_allclose(dW1, num, rtol=1e-5, atol=1e-8)"), "scale-factor", oracle=f"{W1R} * m", style="testing-assert-allclose-W1-no-mean")
C(S, "W", N, J(RELERR, "", "dW = X.T @ (P - Y) / m", "dW_num = eval_numerical_gradient(lambda w: softmax_loss(w, X, Y), W)", "print('dW error:', rel_error(dW, dW_num))"), oracle=SW, style="cs231n-harness-softmax-W")
C(S, "W", N, J(RELERR, "", "dW = X.T @ (Y - P) / m", "dW_num = eval_numerical_gradient(lambda w: softmax_loss(w, X, Y), W)", "print('dW error:', rel_error(dW, dW_num))"), "sign", oracle=f"-{SW}", style="cs231n-harness-softmax-W-sign")
C(R, "w1", N, J(RELERR, "", "grad_h = 2.0 * (y_pred - y) @ w2.T", "grad_h[h <= 0] = 0", "grad_w1 = x.T @ grad_h", "print(f\"w1 rel err {rel_error(grad_w1, num_grad_w1):.2e}\")"), oracle=RW1, style="cs231n-harness-relu-mlp-w1")
C(M, "W2", N, J("# 数值梯度检验：相对误差应小于 1e-7", RELERR, "", "dW2 = A1.T @ (A2 - Y) / m", "dW2_num = eval_numerical_gradient(lambda W: loss_fn(W), W2, verbose=False)", "print(\"dW2 相对误差: %e\" % rel_error(dW2_num, dW2))"), lang=Z, oracle=W2R, style="zh-cs231n-harness-W2")

# ================================================================ Jupyter magics
C(M, "W2", N, J("%matplotlib inline", "import numpy as np", "", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="jupyter-matplotlib-W2")
C(M, "W1", N, J("!pip install -q numpy", "import numpy as np", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="jupyter-pip-W1")
C(M, "W2", N, J("%%time", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m", "dW2"), oracle=W2R, style="jupyter-cell-time-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "%timeit A1.T @ dZ2", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="jupyter-timeit-line-W2")
C(M, "W2", N, J("%matplotlib inline", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2"), "scale-factor", oracle=f"{W2R} * m", style="jupyter-matplotlib-W2-no-mean")
C(M, "b1", N, J("%load_ext autoreload", "%autoreload 2", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = dZ1.sum(axis=0, keepdims=True) / m"), oracle=B1R, style="jupyter-autoreload-b1")
C(M, "b1", N, J("%load_ext autoreload", "%autoreload 2", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = dZ1.sum() / m"), "*", oracle=f"np.sum({DZ1}) / m + 0 * b1", style="jupyter-autoreload-b1-sum-everything")
C(T, "W2", N, J("%precision 4", "dW2 = h.T @ (y_pred - y_target)"), oracle=TW2, style="jupyter-precision-tiny-W2")
C(M, "W1", N, J("# 在 Colab 里运行", "!pip install -q numpy", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), lang=Z, oracle=W1R, style="zh-jupyter-pip-W1")

# ================================================================ np.errstate blocks
C(M, "W2", N, J("with np.errstate(divide=\"ignore\", invalid=\"ignore\"):", "    dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="errstate-bce-W2")
C(M, "W2", N, J("with np.errstate(divide=\"ignore\", invalid=\"ignore\"):", "    dA2 = -(Y / A2 + (1 - Y) / (1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), "*", oracle="A1.T @ (-(Y / A2 + (1 - Y) / (1 - A2)) * A2 * (1 - A2)) / m", style="errstate-bce-inner-sign")
C(M, "W1", N, J("np.seterr(all=\"ignore\")", "dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dZ1 = dZ2 @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="seterr-bce-W1")
C(M, "W2", N, J("with np.errstate(over=\"ignore\"):", "    s = 1 / (1 + np.exp(-Z2))", "dW2 = A1.T @ (s - Y) / m"), oracle=W2R, style="errstate-over-sigmoid-W2")
C(M, "W2", N, J("with np.errstate(divide=\"ignore\"):", "    dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dW2 = A1.T @ dA2 / m"), "missing-activation-derivative", oracle="A1.T @ (-(Y / A2 - (1 - Y) / (1 - A2))) / m", style="errstate-bce-W2-no-sigmoid-slope")
C(MW, "W2", N, J("with np.errstate(divide=\"ignore\", invalid=\"ignore\"):", "    dA2 = -(w * Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), oracle=WW2, style="errstate-weighted-bce-W2")
C(MW, "W2", N, J("with np.errstate(divide=\"ignore\", invalid=\"ignore\"):", "    dA2 = -(Y / A2 - (1 - Y) / (1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), "*", oracle=W2R, style="errstate-weighted-bce-W2-weight-forgotten")
C(MW, "W1", N, J("# 带权 BCE：正样本乘 w", "with np.errstate(divide=\"ignore\", invalid=\"ignore\"):", "    dA2 = -(w * Y / A2 - (1 - Y) / (1 - A2))", "dZ1 = (dA2 * A2 * (1 - A2)) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), lang=Z, oracle=WW1, style="zh-errstate-weighted-bce-W1")

# ================================================================ NumPy ufunc spellings
C(M, "b2", N, "db2 = np.add.reduce(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="add-reduce-b2")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.add.reduce(dZ1) / m"), oracle=f"np.add.reduce({DZ1}) / m", style="add-reduce-default-axis-b1", note="np.add.reduce's default axis is 0 (np.sum's is None): a 1-D row of column sums")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.add.reduce(dZ1, axis=1) / m"), "*", oracle=f"np.add.reduce({DZ1}, axis=1)[:, None] / m", style="add-reduce-wrong-axis-b1")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.add.reduce(dZ1, axis=None) / m"), "*", oracle=f"np.sum({DZ1}) / m + 0 * b1", style="add-reduce-axis-none-b1")
C(M, "W2", N, "dW2 = np.swapaxes(A1, 0, 1) @ (A2 - Y) / m", oracle=W2R, style="swapaxes-W2")
C(M, "W2", N, "dW2 = np.moveaxis(A1, 0, -1) @ (A2 - Y) / m", oracle=W2R, style="moveaxis-W2")
C(M, "W2", N, "dW2 = np.swapaxes(A1, 1, 1) @ (A2 - Y) / m", "*", oracle="A1 @ (A2 - Y) / m", style="swapaxes-same-axis-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.inner(A1.T, dZ2.T) / m"), oracle=W2R, style="inner-W2", note="np.inner(a, b) = a @ b.T for 2-D arrays")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.inner(A1, dZ2) / m"), "*", oracle="A1 @ (A2 - Y).T / m", style="inner-W2-not-transposed", note="A1 @ dZ2.T: (m, m), not (n_h, 1)")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * np.select([Z1 > 0], [1.0], default=0.0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="select-relu-slope-W1")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * np.select([Z1 > 0], [1.0], default=1.0)", "dW1 = X.T @ dZ1 / m"), "missing-activation-derivative", oracle=NOMASK_W1, style="select-relu-slope-default-one")
C(M, "W1", N, J("mask = np.logical_and(Z1 > 0, np.isfinite(Z1))", "dW1 = X.T @ ((A2 - Y) @ W2.T * mask) / m"), oracle=W1R, style="logical-and-mask-W1")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.add.reduce(dY * Z_hat, axis=0, keepdims=True)"), oracle=BGM, style="add-reduce-bn-gamma")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = np.add.reduce(dY)"), oracle=f"np.add.reduce({BN_DY})", style="add-reduce-bn-beta")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.add.reduce(dY, axis=0, keepdims=True)"), "*", oracle=BBT, style="add-reduce-bn-gamma-zhat-forgotten")
C(B, "beta", N, J("dY = 2 * (Y - T) / m", "dbeta = np.add.reduce(dY, axis=0, keepdims=True)"), "scale-factor", oracle=f"{BBT} * n", style="add-reduce-bn-beta-mean-over-rows")
C(CH, "w", N, J("dv = 2 * v", "dw = np.multiply.reduce([dv, x])"), oracle="2 * v * x", style="multiply-reduce-chain-w")
C(CH, "w", N, J("dv = 2 * v", "dw = np.add.reduce([dv, x])"), "*", oracle="2 * v + x", style="add-reduce-chain-w-sum-for-product")
C(M, "b2", N, J("# np.add.reduce 默认沿第 0 轴求和", "db2 = np.add.reduce(A2 - Y) / m"), lang=Z, oracle="np.add.reduce(A2 - Y) / m", style="zh-add-reduce-b2")

# ================================================================ functools.partial helpers
C(M, "W1", N, J("from functools import partial", "", "relu_grad = partial(np.heaviside, x2=0.0)", "dZ1 = (A2 - Y) @ W2.T * relu_grad(Z1)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="partial-heaviside-W1")
C(M, "W1", N, J("import functools", "", "mean_over_batch = functools.partial(np.mean, axis=0)", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m", "db1 = mean_over_batch(dZ1)"), oracle=W1R, style="partial-mean-W1")
C(M, "b1", N, J("import functools", "", "mean_over_batch = functools.partial(np.mean, axis=0)", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = mean_over_batch(dZ1)"), oracle=f"np.mean({DZ1}, axis=0)", style="partial-mean-b1")
C(M, "b1", N, J("import functools", "", "mean_over_batch = functools.partial(np.mean, axis=1)", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = mean_over_batch(dZ1)"), "*", oracle=f"np.mean({DZ1}, axis=1)[:, None]", style="partial-mean-b1-wrong-axis")
C(M, "W1", N, J("from functools import partial", "", "sig_grad = partial(lambda z, s: s(z) * (1 - s(z)), s=lambda z: 1 / (1 + np.exp(-z)))", "dZ1 = (A2 - Y) @ W2.T * sig_grad(Z1)", "dW1 = X.T @ dZ1 / m"), "wrong-activation-derivative", oracle=SIGSLOPE_W1, style="partial-sigmoid-grad-on-relu-layer")
C(S, "W", N, J("from functools import partial", "", "softmax_rows = partial(lambda z, ax: np.exp(z) / np.exp(z).sum(axis=ax, keepdims=True), ax=1)", "dW = X.T @ (softmax_rows(Z) - Y) / m"), oracle=SW, style="partial-softmax-rows-W")
C(S, "W", N, J("from functools import partial", "", "softmax_rows = partial(lambda z, ax: np.exp(z) / np.exp(z).sum(axis=ax, keepdims=True), ax=0)", "dW = X.T @ (softmax_rows(Z) - Y) / m"), "*", oracle="X.T @ (np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True) - Y) / m", style="partial-softmax-columns-W")

# ================================================================ zip(reversed(...)) layer loops
LOOP = J(
    "caches = [(X, Z1), (A1, Z2)]",
    "weights = [W1, W2]",
    "grads = []",
    "delta = (A2 - Y) / m",
    "for (A_prev, Z), W in zip(reversed(caches), reversed(weights)):",
    "    grads.append(A_prev.T @ delta)",
    "    delta = (delta @ W.T) * (A_prev > 0)",
    "grads = grads[::-1]",
)
C(M, "W1", N, J(LOOP, "dW1 = grads[0]"), oracle=W1R, style="zip-reversed-W1")
C(M, "W2", N, J(LOOP, "dW2 = grads[1]"), oracle=W2R, style="zip-reversed-W2")
C(M, "W2", N, J(LOOP, "dW2 = grads[0]"), "*", oracle=W1R, style="zip-reversed-W2-index-after-flip")
C(M, "W1", N, J(LOOP.replace("delta = (A2 - Y) / m", "delta = A2 - Y"), "dW1 = grads[0]"), "scale-factor", oracle=f"{W1R} * m", style="zip-reversed-W1-no-mean")
C(R, "w1", N, J("acts = [x, h_relu]", "pre = [h, None]", "ws = [w1, w2]", "g = 2.0 * (y_pred - y)", "out = {}", "for i in reversed(range(2)):",
                "    out[i] = acts[i].T @ g", "    if i > 0:", "        g = (g @ ws[i].T) * (pre[i - 1] > 0)", "grad_w1 = out[0]"), oracle=RW1, style="reversed-range-relu-mlp-w1")
C(M, "W1", N, J("# 从最后一层往前循环", LOOP, "dW1 = grads[0]"), lang=Z, oracle=W1R, style="zh-zip-reversed-W1")

# ================================================================ Chinese identifiers
C(M, "W2", N, J("# 反向传播（变量名用中文）", "误差 = A2 - Y", "样本数 = X.shape[0]", "dW2 = A1.T @ 误差 / 样本数"), lang=Z, oracle=W2R, style="zh-identifiers-W2")
C(M, "W1", N, J("# 反向传播（变量名用中文）", "误差 = A2 - Y", "样本数 = X.shape[0]", "隐藏层梯度 = 误差 @ W2.T * (Z1 > 0)", "dW1 = X.T @ 隐藏层梯度 / 样本数"), lang=Z, oracle=W1R, style="zh-identifiers-W1")
C(M, "W1", N, J("# 反向传播（变量名用中文）", "误差 = A2 - Y", "样本数 = X.shape[0]", "隐藏层梯度 = 误差 @ W2.T", "dW1 = X.T @ 隐藏层梯度 / 样本数"), "missing-activation-derivative", lang=Z, oracle=NOMASK_W1, style="zh-identifiers-W1-no-mask")
C(M, "W2", N, J("# 反向传播（变量名用中文）", "误差 = A2 - Y", "样本数 = X.shape[1]", "dW2 = A1.T @ 误差 / 样本数"), "*", lang=Z, oracle="A1.T @ (A2 - Y) / n_in", style="zh-identifiers-W2-count-from-columns")
C(S, "W", N, J("# 交叉熵对 logits 的梯度是 概率 - 标签", "概率 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)", "dW = X.T @ (概率 - Y) / m"), lang=Z, oracle=SW, style="zh-identifiers-softmax-W")
C(S, "W", N, J("# 交叉熵对 logits 的梯度是 概率 - 标签", "概率 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)", "dW = X.T @ (Y - 概率) / m"), "sign", lang=Z, oracle=f"-{SW}", style="zh-identifiers-softmax-W-sign")
C(T, "W1", N, J("# 小网络：隐藏层是 sigmoid", "输出误差 = y_pred - y_target", "隐藏梯度 = 输出误差 * W2.T * h * (1 - h)", "dW1 = X.T @ 隐藏梯度"), lang=Z, oracle=TW1, style="zh-identifiers-tiny-W1")
C(T, "W1", N, J("# 小网络：隐藏层是 sigmoid", "输出误差 = y_pred - y_target", "隐藏梯度 = 输出误差 * W2.T * h_raw * (1 - h_raw)", "dW1 = X.T @ 隐藏梯度"), "wrong-activation-derivative", lang=Z, oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="zh-identifiers-tiny-slope-of-input")

# ================================================================ refusals
C(M, "W2", N, J("W2.register_hook(lambda g: print(g.norm()))", "L.backward()", "dW2 = W2.grad"), REFUSE, style="register-hook-autograd")
C(M, "W2", N, "exec(\"dW2 = A1.T @ (A2 - Y) / m\")", REFUSE, style="exec-string")
C(M, "W2", N, J("from scipy.optimize import approx_fprime", "dW2 = approx_fprime(W2.ravel(), lambda w: loss_fn(w.reshape(W2.shape)), 1e-6).reshape(W2.shape)"), REFUSE, style="approx-fprime-numeric")
C(M, "W1", N, J("grads = jax.grad(loss_fn)({\"w1\": W1, \"w2\": W2})", "dW1 = grads[\"w1\"]"), REFUSE, style="jax-grad-dict")
C(M, "W2", N, J("(dW2,) = torch.autograd.grad(L, [W2], retain_graph=True)"), REFUSE, style="autograd-grad-tuple")
C(S, "W", N, J("# 交给 PyTorch 自动求导", "L.backward()", "dW = W.grad.numpy()"), REFUSE, lang=Z, style="zh-autograd-numpy")

# ================================================================ built-ins: odds and ends in the same styles
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.zeros_like(W2)", "np.copyto(dW2, A1.T @ dZ2 / m)"), oracle=W2R, style="copyto-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m", "assert dW2.shape == W2.shape, dW2.shape", "logging.info(\"dW2 norm %.3f\", np.linalg.norm(dW2))"), oracle=W2R, style="assert-logging-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m", "assert dW2.shape == W2.shape, dW2.shape", "logging.info(\"dW2 norm %.3f\", np.linalg.norm(dW2))").replace("/ m", "/ m ** 2"), "scale-factor", oracle=f"{W2R} / m", style="assert-logging-W2-mean-twice")
C(M, "b2", N, J("dZ2 = A2 - Y", "db2 = np.broadcast_to(dZ2.mean(axis=0, keepdims=True), b2.shape)"), oracle=B2R, style="broadcast-to-b2")
C(E, "w", N, J("from numpy.typing import NDArray", "", "def neuron_grad(x: NDArray, O: NDArray, t: float) -> NDArray:", "    return (O - t) * O * (1 - O) * x", "", "dw = neuron_grad(x, O, t)"), oracle=EW, style="typed-neuron-w")
C(E, "w", N, J("from numpy.typing import NDArray", "", "def neuron_grad(x: NDArray, O: NDArray, t: float) -> NDArray:", "    return (t - O) * O * (1 - O) * x", "", "dw = neuron_grad(x, O, t)"), "sign", oracle=f"-{EW}", style="typed-neuron-w-sign")
C(CH, "w", N, J("def chain_backward(x: float, v: float) -> float:", "    dL_dv: float = 2 * v", "    return dL_dv * x", "", "dw = chain_backward(x, v)"), oracle="2 * v * x", style="typed-chain-w")
C(CH, "b", N, J("def chain_backward(x: float, v: float) -> float:", "    dL_dv: float = 2 * v", "    return dL_dv", "", "db = chain_backward(x, v)"), oracle="2 * v", style="typed-chain-b")
C(CH, "w", N, J("def chain_backward(x: float, v: float) -> float:", "    dL_dv: float = v", "    return dL_dv * x", "", "dw = chain_backward(x, v)"), "scale-factor", oracle="v * x", style="typed-chain-w-no-two")
C(R, "w2", N, J("%%time", "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = h_relu.T @ grad_y_pred"), oracle=RW2, style="jupyter-time-relu-mlp-w2")
C(R, "w2", N, J("%%time", "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = h.T @ grad_y_pred"), "wrong-layer", oracle="2 * h.T @ (y_pred - y)", style="jupyter-time-relu-mlp-w2-pre-activation")
C(A, "W_v", N, J(ACT, "", "dO = 2 * (O - T) / (n * d)", "dW_v = X.T @ (A.T @ dO)"), oracle=AWV, style="match-case-unused-attention-Wv")
C(T, "W2", N, J("from dataclasses import dataclass", "", "@dataclass(frozen=True)", "class Grads:", "    W1: np.ndarray", "    W2: np.ndarray", "", "g = Grads(W1=X.T @ ((y_pred - y_target) * W2.T * h * (1 - h)), W2=h.T @ (y_pred - y_target))", "dW2 = g.W2"), oracle=TW2, style="frozen-dataclass-tiny-W2")
C(T, "W1", N, J("from dataclasses import dataclass", "", "@dataclass(frozen=True)", "class Grads:", "    W1: np.ndarray", "    W2: np.ndarray", "", "g = Grads(W1=X.T @ ((y_pred - y_target) * W2.T * h * (1 - h)), W2=h.T @ (y_pred - y_target))", "dW1 = g.W1"), oracle=TW1, style="frozen-dataclass-tiny-W1")
C(T, "W1", N, J("from dataclasses import dataclass", "", "@dataclass(frozen=True)", "class Grads:", "    W1: np.ndarray", "    W2: np.ndarray", "", "g = Grads(W1=X.T @ ((y_pred - y_target) * W2.T), W2=h.T @ (y_pred - y_target))", "dW1 = g.W1"), "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="frozen-dataclass-tiny-W1-no-slope")

# ================================================================ course: Huber(δ = 0.5) regression on a SiLU layer
HM_D = "(np.clip(pred - y, -0.5, 0.5) / N)"
HM_U = "(x @ W1 + b1)"
HM_S = f"sigmoid({HM_U})"
HM_SL = f"({HM_S} * (1 + {HM_U} * (1 - {HM_S})))"
HM_DU = f"(np.outer({HM_D}, w2) * {HM_SL})"
HM_HEAD = J("r = pred - y", "dpred = np.clip(r, -0.5, 0.5) / N")
HM_W1 = J(HM_HEAD, "u = x @ W1 + b1", "s = 1 / (1 + np.exp(-u))", "du = np.outer(dpred, w2) * s * (1 + u * (1 - s))")
C(HM, "w2", N, J(HM_HEAD, "dw2 = hidden.T @ dpred"), oracle=f"hidden.T @ {HM_D}", style="huber-silu-w2")
C(HM, "w2", N, J("r = pred - y", "dpred = np.select([np.abs(r) <= 0.5, r > 0.5], [r, 0.5], default=-0.5) / N", "dw2 = hidden.T @ dpred"), oracle=f"hidden.T @ {HM_D}", style="huber-silu-w2-select")
C(HM, "w2", N, J("r = pred - y", "dpred = np.where(np.abs(r) <= 0.5, r, 0.5 * np.sign(r)) / N", "dw2 = hidden.T @ dpred"), oracle=f"hidden.T @ {HM_D}", style="huber-silu-w2-where-sign")
C(HM, "w2", N, J("r = pred - y", "dpred = r / N", "dw2 = hidden.T @ dpred"), "*", oracle="hidden.T @ (pred - y) / N", style="huber-silu-w2-mse-habit")
C(HM, "w2", N, J("r = pred - y", "dpred = np.clip(r, -1.0, 1.0) / N", "dw2 = hidden.T @ dpred"), "*", oracle="hidden.T @ np.clip(pred - y, -1.0, 1.0) / N", style="huber-silu-w2-default-delta")
C(HM, "w2", N, J("r = pred - y", "dpred = 2 * np.clip(r, -0.5, 0.5) / N", "dw2 = hidden.T @ dpred"), "scale-factor", oracle=f"2 * hidden.T @ {HM_D}", style="huber-silu-w2-two")
C(HM, "b2", N, J(HM_HEAD, "db2 = dpred.sum()"), oracle=f"np.sum({HM_D})", style="huber-silu-b2")
C(HM, "W1", N, J(HM_W1, "dW1 = x.T @ du"), oracle=f"x.T @ {HM_DU}", style="huber-silu-W1")
C(HM, "W1", N, J(HM_HEAD, "u = x @ W1 + b1", "s = 1 / (1 + np.exp(-u))", "du = dpred[:, None] * w2[None, :] * (s + hidden * (1 - s))", "dW1 = x.T @ du"), oracle=f"x.T @ {HM_DU}", style="huber-silu-W1-slope-from-output")
C(HM, "W1", N, J(HM_HEAD, "u = x @ W1 + b1", "s = 1 / (1 + np.exp(-u))", "du = np.outer(dpred, w2) * s * (1 - s)", "dW1 = x.T @ du"), "*", oracle=f"x.T @ (np.outer({HM_D}, w2) * {HM_S} * (1 - {HM_S}))", style="huber-silu-W1-sigmoid-slope")
C(HM, "W1", N, J(HM_HEAD, "u = x @ W1 + b1", "s = 1 / (1 + np.exp(-u))", "du = np.outer(dpred, w2) * s", "dW1 = x.T @ du"), "*", oracle=f"x.T @ (np.outer({HM_D}, w2) * {HM_S})", style="huber-silu-W1-slope-s-only")
C(HM, "b1", N, J(HM_W1, "db1 = du.sum(axis=0)"), oracle=f"{HM_DU}.sum(0)", style="huber-silu-b1")
C(HM, "W1", N, J(HM_HEAD, "du = np.outer(dpred, w2)", "dW1 = x.T @ du"), "missing-activation-derivative", oracle=f"x.T @ np.outer({HM_D}, w2)", style="huber-silu-W1-slope-forgotten")
C(HM, "W1", N, J("import torch.nn.functional as F", "r = pred - y", "dpred = torch.clamp(r, -0.5, 0.5) / N", "u = x @ W1 + b1", "s = torch.sigmoid(u)", "dW1 = x.T @ (torch.outer(dpred, w2) * (s + u * s * (1 - s)))"), oracle=f"x.T @ {HM_DU}", style="huber-silu-W1-torch")

# ================================================================ course: Wing loss on landmarks
WG_D = "(np.where(x < w, w / (epsilon + x), 1.0) * np.sign(pred - target) / (N * p))"
WG_H = "np.maximum(feat @ W1 + b1, 0)"
WG_HEAD = J("r = pred - target", "g = np.where(np.abs(r) < w, w / (epsilon + np.abs(r)), 1.0) * np.sign(r) / r.size")
C(WG, "W2", N, J(WG_HEAD, "h = np.maximum(feat @ W1 + b1, 0)", "dW2 = h.T @ g"), oracle=f"{WG_H}.T @ {WG_D}", style="wing-W2")
C(WG, "W2", N, J("g = np.where(x < w, w / (epsilon + x), 1.0) * np.sign(pred - target) / (N * p)", "dW2 = np.maximum(feat @ W1 + b1, 0).T @ g"), oracle=f"{WG_H}.T @ {WG_D}", style="wing-W2-node-x")
C(WG, "W2", N, J("g = torch.where(x < w, w / (epsilon + x), torch.ones_like(x)) * torch.sign(pred - target) / pred.numel()", "dW2 = torch.relu(feat @ W1 + b1).T @ g"), oracle=f"{WG_H}.T @ {WG_D}", style="wing-W2-torch")
C(WG, "W2", N, J(WG_HEAD.replace("/ r.size", "/ N"), "h = np.maximum(feat @ W1 + b1, 0)", "dW2 = h.T @ g"), "scale-factor", oracle=f"{WG_H}.T @ {WG_D} * p", style="wing-W2-mean-over-rows")
C(WG, "W2", N, J("r = pred - target", "g = np.where(np.abs(r) < w, w / (1 + np.abs(r) / epsilon), 1.0) * np.sign(r) / r.size", "h = np.maximum(feat @ W1 + b1, 0)", "dW2 = h.T @ g"), "*", oracle=f"{WG_H}.T @ (np.where(x < w, w / (1 + x / epsilon), 1.0) * np.sign(pred - target) / (N * p))", style="wing-W2-epsilon-dropped")
C(WG, "W2", N, J("r = pred - target", "g = np.where(np.abs(r) < w, w / (epsilon + np.abs(r)), 1.0) / r.size", "h = np.maximum(feat @ W1 + b1, 0)", "dW2 = h.T @ g"), "*", oracle=f"{WG_H}.T @ (np.where(x < w, w / (epsilon + x), 1.0) / (N * p))", style="wing-W2-sign-forgotten")
C(WG, "W2", N, J("r = pred - target", "g = np.where(np.abs(r) < w, w / (epsilon + np.abs(r)), w) * np.sign(r) / r.size", "h = np.maximum(feat @ W1 + b1, 0)", "dW2 = h.T @ g"), "*", oracle=f"{WG_H}.T @ (np.where(x < w, w / (epsilon + x), w) * np.sign(pred - target) / (N * p))", style="wing-W2-linear-branch-slope-w")
C(WG, "b2", N, J(WG_HEAD, "db2 = g.sum(axis=0)"), oracle=f"{WG_D}.sum(0)", style="wing-b2")
C(WG, "W1", N, J(WG_HEAD, "z1 = feat @ W1 + b1", "dz1 = (g @ W2.T) * (z1 > 0)", "dW1 = feat.T @ dz1"), oracle=f"feat.T @ ({WG_D} @ W2.T * (feat @ W1 + b1 > 0))", style="wing-W1")
C(WG, "W1", N, J(WG_HEAD, "dW1 = feat.T @ (g @ W2.T)"), "missing-activation-derivative", oracle=f"feat.T @ ({WG_D} @ W2.T)", style="wing-W1-no-mask")
C(WG, "b1", N, J(WG_HEAD, "z1 = feat @ W1 + b1", "db1 = ((g @ W2.T) * (z1 > 0)).sum(0)"), oracle=f"({WG_D} @ W2.T * (feat @ W1 + b1 > 0)).sum(0)", style="wing-b1")
C(WG, "W2", N, J("r = pred - target", "g = np.where(np.abs(r) < 10, 10 / (2 + np.abs(r)), 1.0) * np.sign(r) / r.size", "h = np.maximum(feat @ W1 + b1, 0)", "dW2 = h.T @ g"), "*", oracle=None, style="wing-W2-constants-as-numbers", note="10 and 2 for the [constants] w and epsilon: right only for these values (README's number policy)")

# ================================================================ course: LoRA rank-1 adapter
LR_G = "((np.exp(logits) / np.exp(logits).sum(1, keepdims=True) - np.eye(d_out)[labels.astype(int)]) / N)"
LR_DW = f"({LR_G}.T @ x)"
LR_A = f"(alpha / r) * lora_B @ {LR_DW}"
LR_B = f"(alpha / r) * {LR_DW} @ lora_A"
LR_HEAD = J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "G = (P - np.eye(d_out)[labels]) / N", "dDelta = G.T @ x")
C(LR, "lora_A", N, J(LR_HEAD, "dA = (alpha / r) * lora_B @ dDelta"), oracle=LR_A, style="lora-A")
C(LR, "lora_B", N, J(LR_HEAD, "dB = (alpha / r) * dDelta @ lora_A"), oracle=LR_B, style="lora-B")
C(LR, "lora_B", N, J("P = torch.softmax(logits, dim=1)", "G = (P - F.one_hot(labels, d_out)) / N", "grad_B = alpha / r * (G.T @ x) @ lora_A"), oracle=LR_B, style="lora-B-torch-one-hot")
C(LR, "lora_A", N, J("P = torch.softmax(logits, dim=1)", "G = (P - F.one_hot(labels, d_out)) / N", "grad_A = alpha / r * x.T @ G @ lora_B"), oracle=LR_A, style="lora-A-x-first")
C(LR, "lora_A", N, J(LR_HEAD, "dA = lora_B @ dDelta"), "scale-factor", oracle=f"lora_B @ {LR_DW}", style="lora-A-scaling-forgotten")
C(LR, "lora_B", N, J(LR_HEAD.replace("G = (P - np.eye(d_out)[labels]) / N", "G = P - np.eye(d_out)[labels]"), "dB = (alpha / r) * dDelta @ lora_A"), "scale-factor", oracle=f"{LR_B} * N", style="lora-B-no-mean")
C(LR, "lora_A", N, J(LR_HEAD, "dA = (alpha / r) * lora_A @ dDelta"), "*", oracle=f"(alpha / r) * lora_A @ {LR_DW}", style="lora-A-own-vector")
C(LR, "lora_A", N, J(LR_HEAD.replace("dDelta = G.T @ x", "dDelta = x.T @ G"), "dA = (alpha / r) * lora_B @ dDelta"), "*", oracle=f"(alpha / r) * lora_B @ {LR_DW}.T", style="lora-A-delta-transposed")
C(LR, "lora_B", N, J(LR_HEAD.replace("(P - np.eye(d_out)[labels])", "(np.eye(d_out)[labels] - P)"), "dB = (alpha / r) * dDelta @ lora_A"), "sign", oracle=f"-{LR_B}", style="lora-B-sign")
C(LR, "lora_A", N, J(LR_HEAD, "dA = (alpha / r) * np.einsum(\"o,oi->i\", lora_B, dDelta)"), oracle=LR_A, style="lora-A-einsum")
C(LR, "lora_B", N, J(LR_HEAD, "dB = (alpha / r) * (dDelta @ lora_A + W0 @ lora_A)"), "*", oracle=f"(alpha / r) * ({LR_DW} + W0) @ lora_A", style="lora-B-frozen-weight-added")

# ================================================================ course: highway network, 邱锡鹏 nndl (Chinese)
QH_DZ = "((p - np.eye(K)[labels.astype(int)]) / N)"
QH_DY = f"({QH_DZ} @ W.T)"
QH_WT = f"({QH_DY} * (H - x) * T_gate * (1 - T_gate))"
QH_HEAD = J("dz = p.copy()", "dz[np.arange(N), labels] -= 1", "dz /= N")
C(QH, "W", N, J("# 输出层：softmax 交叉熵", QH_HEAD, "dW = y.T @ dz"), lang=Z, oracle=f"y.T @ {QH_DZ}", style="zh-qiu-highway-W")
C(QH, "W", N, J("# 输出层的输入写成了网络输入", QH_HEAD, "dW = x.T @ dz"), "wrong-layer", lang=Z, oracle=f"x.T @ {QH_DZ}", style="zh-qiu-highway-W-input-for-highway-output")
C(QH, "b", N, J(QH_HEAD, "db = dz.sum(axis=0)"), lang=Z, oracle=f"{QH_DZ}.sum(0)", style="zh-qiu-highway-b")
C(QH, "W", N, J("dz = p.copy()", "dz[np.arange(N), labels] -= 1", "dW = y.T @ dz"), "scale-factor", lang=Z, oracle=f"y.T @ {QH_DZ} * N", style="zh-qiu-highway-W-no-mean")
C(QH, "W_H", N, J("# 非线性变换支路：乘变换门", QH_HEAD, "dy = dz @ W.T", "dW_H = x.T @ (dy * T_gate * (H > 0))"), lang=Z, oracle=f"x.T @ ({QH_DY} * T_gate * (H > 0))", style="zh-qiu-highway-WH")
C(QH, "W_H", N, J(QH_HEAD, "dy = dz @ W.T", "dW_H = x.T @ (dy * (H > 0))"), "*", lang=Z, oracle=f"x.T @ ({QH_DY} * (H > 0))", style="zh-qiu-highway-WH-gate-forgotten")
C(QH, "W_T", N, J("# 变换门的梯度：(H - x) * T * (1 - T)", QH_HEAD, "dy = dz @ W.T", "dW_T = x.T @ (dy * (H - x) * T_gate * (1 - T_gate))"), lang=Z, oracle=f"x.T @ {QH_WT}", style="zh-qiu-highway-WT")
C(QH, "W_T", N, J(QH_HEAD, "dy = dz @ W.T", "dW_T = x.T @ (dy * H * T_gate * (1 - T_gate))"), "*", lang=Z, oracle=f"x.T @ ({QH_DY} * H * T_gate * (1 - T_gate))", style="zh-qiu-highway-WT-carry-forgotten")
C(QH, "W_T", N, J(QH_HEAD, "dy = dz @ W.T", "dW_T = x.T @ (dy * (x - H) * T_gate * (1 - T_gate))"), "sign", lang=Z, oracle=f"-x.T @ {QH_WT}", style="zh-qiu-highway-WT-sign")
C(QH, "b_T", N, J(QH_HEAD, "dy = dz @ W.T", "db_T = (dy * (H - x) * T_gate * (1 - T_gate)).sum(axis=0)"), lang=Z, oracle=f"{QH_WT}.sum(0)", style="zh-qiu-highway-bT")
C(QH, "W_H", N, J("# 变量名用中文", QH_HEAD, "变换门 = T_gate", "输出梯度 = dz @ W.T", "dW_H = x.T @ (输出梯度 * 变换门 * (H > 0))"), lang=Z, oracle=f"x.T @ ({QH_DY} * T_gate * (H > 0))", style="zh-qiu-highway-WH-chinese-names")
C(QH, "W_T", N, J(QH_HEAD, "dy = dz @ W.T", "dW_T = x.T @ (dy * (H - x) * T_gate * (1 - T_gate))"), oracle=f"x.T @ {QH_WT}", style="qiu-highway-WT-en")

# ================================================================ course: multi-class hinge (nn.MultiMarginLoss, 1/C), Chinese
MS_SY = "scores[np.arange(N), y.astype(int)][:, None]"
MS_OH = "np.eye(C)[y.astype(int)]"
MS_MK = f"((1 - {MS_SY} + scores > 0) * (1 - {MS_OH}))"
MS_DS = f"(({MS_MK} - {MS_OH} * {MS_MK}.sum(1, keepdims=True)) / (N * C))"
MS_HEAD = J("correct = scores[np.arange(N), y][:, None]", "margins = np.maximum(0, scores - correct + 1.0)", "margins[np.arange(N), y] = 0",
            "binary = (margins > 0).astype(float)", "binary[np.arange(N), y] = -binary.sum(axis=1)")
C(MS, "W", N, J("# MultiMarginLoss 对类别数 C 也取平均", MS_HEAD, "dW = X.T @ binary / (N * C) + 2 * reg * W"), lang=Z, oracle=f"X.T @ {MS_DS} + 2 * reg * W", style="zh-multimargin-W")
C(MS, "W", N, J("# cs231n 的写法：只除以 N", MS_HEAD, "dW = X.T @ binary / N + 2 * reg * W"), "*", lang=Z, oracle=f"X.T @ {MS_DS} * C + 2 * reg * W", style="zh-multimargin-W-cs231n-no-C")
C(MS, "W", N, J(MS_HEAD, "dW = X.T @ binary / (N * C) + reg * W"), "*", lang=Z, oracle=f"X.T @ {MS_DS} + reg * W", style="zh-multimargin-W-reg-halved")
C(MS, "b", N, J(MS_HEAD, "db = binary.sum(axis=0) / (N * C)"), lang=Z, oracle=f"{MS_DS}.sum(0)", style="zh-multimargin-b")
C(MS, "W", N, J("correct = scores[np.arange(N), y][:, None]", "margins = np.maximum(0, scores - correct + 1.0)", "margins[np.arange(N), y] = 0",
                "binary = (margins > 0).astype(float)", "dW = X.T @ binary / (N * C) + 2 * reg * W"), "*", lang=Z, oracle=f"X.T @ ({MS_MK} / (N * C)) + 2 * reg * W", style="zh-multimargin-W-correct-column-forgotten")
C(MS, "W", N, J(MS_HEAD, "dW = X.T @ binary / (N * C)"), "*", lang=Z, oracle=f"X.T @ {MS_DS}", style="zh-multimargin-W-reg-forgotten")
C(MS, "b", N, J(MS_HEAD, "db = binary.sum(axis=0) / N"), "scale-factor", oracle=f"{MS_DS}.sum(0) * C", style="multimargin-b-no-C")
C(MS, "W", N, J("onehot = np.eye(C)[y]", "correct = (scores * onehot).sum(axis=1, keepdims=True)", "active = ((scores - correct + 1) > 0) * (1 - onehot)",
                "dscores = (active - onehot * active.sum(axis=1, keepdims=True)) / (N * C)", "dW = X.T @ dscores + 2 * reg * W"), oracle=f"X.T @ {MS_DS} + 2 * reg * W", style="multimargin-W-one-hot-form")
C(MS, "W", N, J("onehot = np.eye(C)[y]", "correct = (scores * onehot).sum(axis=1, keepdims=True)", "active = ((scores - correct + 1) > 0) * (1 - onehot)",
                "dscores = (active - onehot * active.sum(axis=1, keepdims=True)) / (N * C)", "dW = X.T @ dscores + 2 * reg * W").replace("active.sum(axis=1, keepdims=True)", "active.sum(axis=0, keepdims=True)"), "*", oracle=f"X.T @ (({MS_MK} - {MS_OH} * {MS_MK}.sum(0, keepdims=True)) / (N * C)) + 2 * reg * W", style="multimargin-W-count-over-batch")

# ================================================================ course: RBF network with fixed centres (JAX, Chinese)
RB_D = "(2 * (pred - y) / N)"
C(RB, "w", N, J("# 均方误差对预测的梯度", "dpred = 2 * (pred - y) / N", "dw = phi.T @ dpred"), lang=Z, oracle=f"phi.T @ {RB_D}", style="zh-rbf-w")
C(RB, "w", N, J("dw = jnp.dot(phi.T, 2 * (pred - y)) / y.shape[0]"), oracle=f"phi.T @ {RB_D}", style="rbf-w-jnp-dot")
C(RB, "w", N, J("# 忘了平方的导数 2", "dw = phi.T @ (pred - y) / N"), "scale-factor", lang=Z, oracle=f"phi.T @ {RB_D} / 2", style="zh-rbf-w-no-two")
C(RB, "w", N, J("dw = phi.T @ (2 * (y - pred) / N)"), "sign", oracle=f"-phi.T @ {RB_D}", style="rbf-w-sign")
C(RB, "b", N, J("# 偏置的梯度：对样本取平均", "db = jnp.mean(2 * (pred - y))"), lang=Z, oracle=f"np.sum({RB_D})", style="zh-rbf-b")
C(RB, "b", N, J("db = jnp.sum(2 * (pred - y))"), "scale-factor", oracle=f"np.sum({RB_D}) * N", style="rbf-b-sum")
C(RB, "w", N, J("phi_ = jnp.exp(-d2 / (2 * sigma ** 2))", "dw = phi_.T @ (2 * (pred - y) / N)"), oracle=f"phi.T @ {RB_D}", style="rbf-w-kernel-recomputed")
C(RB, "w", N, J("# 高斯核的宽度写错了", "phi_ = jnp.exp(-d2 / sigma ** 2)", "dw = phi_.T @ (2 * (pred - y) / N)"), "*", lang=Z, oracle=f"np.exp(-d2 / sigma ** 2).T @ {RB_D}", style="zh-rbf-w-kernel-width")
C(RB, "w", N, J("grads = {\"w\": phi.T @ (2 * (pred - y) / N), \"b\": jnp.mean(2 * (pred - y))}", "dw = grads[\"w\"]"), oracle=f"phi.T @ {RB_D}", style="rbf-w-grads-dict")

# ================================================================ course: heteroscedastic Gaussian NLL (nn.GaussianNLLLoss)
GN_DMU = "((mu - y) / var / N)"
GN_DVAR = "(0.5 * (1 / var - (y - mu) ** 2 / var ** 2) / N)"
GN_SP = "sigmoid(hid @ w_var)"
GN_DS = f"({GN_DVAR} * {GN_SP})"
GN_W1 = f"x.T @ (({GN_DMU} @ w_mu.T + {GN_DS} @ w_var.T) * (1 - hid ** 2))"
GN_HEAD = J("dmu = (mu - y) / (var * N)", "dvar = 0.5 * (1 / var - (y - mu) ** 2 / var ** 2) / N", "ds = dvar / (1 + np.exp(-(hid @ w_var)))")
C(GN, "w_mu", N, J("dmu = (mu - y) / (var * N)", "dw_mu = hid.T @ dmu"), oracle=f"hid.T @ {GN_DMU}", style="gnll-w-mu")
C(GN, "w_mu", N, J("dmu = (mu - y) / N", "dw_mu = hid.T @ dmu"), "*", oracle="hid.T @ (mu - y) / N", style="gnll-w-mu-variance-forgotten")
C(GN, "w_mu", N, J("dmu = (y - mu) / (var * N)", "dw_mu = hid.T @ dmu"), "sign", oracle=f"-hid.T @ {GN_DMU}", style="gnll-w-mu-sign")
C(GN, "w_var", N, J("dvar = 0.5 * (1 / var - (y - mu) ** 2 / var ** 2) / N", "dw_var = hid.T @ (dvar * (1 / (1 + np.exp(-(hid @ w_var)))))"), oracle=f"hid.T @ {GN_DS}", style="gnll-w-var")
C(GN, "w_var", N, J("dvar = 0.5 * (1 / var - (y - mu) ** 2 / var ** 2) / N", "dw_var = hid.T @ (dvar * (1 - np.exp(-(var - 1e-3))))"), oracle=f"hid.T @ {GN_DS}", style="gnll-w-var-softplus-slope-from-output", note="softplus' = sigmoid = 1 − exp(−softplus)")
C(GN, "w_var", N, J("dvar = 0.5 * (1 / var - (y - mu) ** 2 / var ** 2) / N", "dw_var = hid.T @ dvar"), "missing-activation-derivative", oracle=f"hid.T @ {GN_DVAR}", style="gnll-w-var-softplus-slope-forgotten")
C(GN, "w_var", N, J("dvar = (1 / var - (y - mu) ** 2 / var ** 2) / N", "dw_var = hid.T @ (dvar * (1 / (1 + np.exp(-(hid @ w_var)))))"), "scale-factor", oracle=f"2 * hid.T @ {GN_DS}", style="gnll-w-var-half-forgotten")
C(GN, "w_var", N, J("dvar = 0.5 * (1 / var - (y - mu) ** 2 / var) / N", "dw_var = hid.T @ (dvar * (1 / (1 + np.exp(-(hid @ w_var)))))"), "*", oracle=f"hid.T @ (0.5 * (1 / var - (y - mu) ** 2 / var) / N * {GN_SP})", style="gnll-w-var-square-of-var-dropped")
C(GN, "W1", N, J(GN_HEAD, "dhid = dmu @ w_mu.T + ds @ w_var.T", "dW1 = x.T @ (dhid * (1 - hid ** 2))"), oracle=GN_W1, style="gnll-W1")
C(GN, "W1", N, J(GN_HEAD, "dhid = dmu @ w_mu.T", "dW1 = x.T @ (dhid * (1 - hid ** 2))"), "*", oracle=f"x.T @ ({GN_DMU} @ w_mu.T * (1 - hid ** 2))", style="gnll-W1-variance-head-forgotten")
C(GN, "b1", N, J(GN_HEAD, "dhid = dmu @ w_mu.T + ds @ w_var.T", "db1 = (dhid * (1 - hid ** 2)).sum(0)"), oracle=f"(({GN_DMU} @ w_mu.T + {GN_DS} @ w_var.T) * (1 - hid ** 2)).sum(0)", style="gnll-b1")
C(GN, "W1", N, J(GN_HEAD, "dhid = dmu @ w_mu.T + ds @ w_var.T", "dW1 = x.T @ (dhid * (1 - np.tanh(hid) ** 2))"), "wrong-activation-derivative", oracle=f"x.T @ (({GN_DMU} @ w_mu.T + {GN_DS} @ w_var.T) * (1 - np.tanh(hid) ** 2))", style="gnll-W1-tanh-of-output")
C(GN, "W1", N, J("# 异方差回归：均值头和方差头的梯度都要回传", GN_HEAD, "dhid = dmu @ w_mu.T + ds @ w_var.T", "dW1 = x.T @ (dhid * (1 - hid ** 2))"), lang=Z, oracle=GN_W1, style="zh-gnll-W1")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c41-000, … as written; cases that happen to repeat corpora 2-40 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus41", "c41", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
