"""The held-out-style corpus of issue 11, forty-fourth round: CODE only, from sources and styles no
corpus had used as such (each grepped in tests/corpus*.py first) — Theano-era code (``import
theano.tensor as T``, ``T.dot``, ``.dimshuffle(1, 0)``, ``T.switch``, ``T.nnet.sigmoid``) with hand
gradients; HIPS ``autograd.numpy as anp``; gradients as lambdas and closures assigned to names;
``nn.Module``/dataclass methods returning a dict or a record of gradients; masks by
``np.logical_not``, ``np.invert``, ``~(…)``, ``copy.deepcopy`` then ``d[Z1 <= 0] = 0``,
``np.fmax(np.sign(…), 0)``, ``F.threshold``; ``np.add.accumulate(…)[-1]``, ``np.negative``,
``np.ascontiguousarray``, ``np.moveaxis``/``np.swapaxes`` transposes, ``tf.linalg.matmul(…,
adjoint_a=True)``; per-example ``+=`` accumulations of outer products; an exam answer key in code;
teaching notebooks (Kaggle, d2l 中文版, 百度 AI Studio, 深度之眼, 七月在线) — and students' mistakes
(1/m missing or twice, transposes, the mask on the wrong tensor, gradient ascent's sign, weight
decay forgotten or halved, dropout's mask or 1/keep_prob forgotten, the softmax Jacobian's diagonal
only), on the built-ins and seven lecturer networks no corpus had used (hn43_*: Ng's dropout + L2
NumPy network, MindSpore hinge, Paddle cross-entropy, Keras squared hinge with swish, JAX CELU with
a norm penalty, addmm/relu6/hardtanh/mv, Mish with a p=2 multi-margin loss).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck44"). Built-in cases carry a PyTorch oracle
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


NG = _spec("hn43_ng_dropout_mask_l2_numpy_cn")
MH = _spec("hn43_mindspore_ms_ops_hinge_cn")
PD = _spec("hn43_paddle_cross_entropy_label_cn")
KS = _spec("hn43_keras_squared_hinge_swish_tf")
JC = _spec("hn43_jax_celu_optax_bce_norm")
AD = _spec("hn43_addmm_relu6_hardtanh_mv")
MM = _spec("hn43_mish_multi_margin_p2")

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
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
AWV = f"X.T @ (A.T @ {AT_DO})"
TH = "import theano.tensor as T"
AG = "import autograd.numpy as anp"
D2 = "dZ2 = A2 - Y"
DA1 = "dA1 = dZ2 @ W2.T"

# ================================================================ Theano-era code: T.dot, dimshuffle, T.switch
C(M, "W2", N, J(TH, D2, "dW2 = T.dot(A1.T, dZ2) / m"), oracle=W2R, style="theano-dot-W2")
C(M, "W2", N, J(TH, D2, "dW2 = T.dot(A1.dimshuffle(1, 0), dZ2) / m"), oracle=W2R, style="theano-dimshuffle-W2")
C(M, "W2", N, J(TH, D2, "dW2 = T.dot(A1, dZ2) / m"), "*", oracle="A1 @ (A2 - Y) / m", style="theano-dot-W2-no-transpose", note="m x n_h by m x 1 does not fit")
C(M, "W1", N, J(TH, D2, "dZ1 = T.switch(Z1 > 0, T.dot(dZ2, W2.T), 0)", "dW1 = T.dot(X.T, dZ1) / m"), oracle=W1R, style="theano-switch-W1")
C(M, "W1", N, J(TH, D2, "dZ1 = T.switch(Z1 >= 0, T.dot(dZ2, W2.T), 0)", "dW1 = T.dot(X.T, dZ1) / m"), "relu-at-zero", oracle=None, note="README's policy: PyTorch's relu'(0) = 0, so keeping the gradient where the input is 0 is the relu-at-zero slip", style="theano-switch-ge-W1")
C(M, "b1", N, J(TH, D2, "dZ1 = T.switch(Z1 > 0, T.dot(dZ2, W2.T), 0)", "db1 = T.sum(dZ1, axis=0, keepdims=True) / m"), oracle=B1R, style="theano-sum-keepdims-b1")
C(M, "b2", N, J(TH, "db2 = T.mean(A2 - Y, axis=0, keepdims=True)"), oracle=B2R, style="theano-mean-b2")
C(M, "b2", N, J(TH, "db2 = T.mean(A2 - Y, axis=1, keepdims=True)"), "*", oracle="np.mean(A2 - Y, axis=1, keepdims=True)", style="theano-mean-b2-wrong-axis", note="a per-example column, m x 1, for a 1 x 1 bias")
C(T, "W1", N, J(TH, "delta = T.dot(y_pred - y_target, W2.T) * h * (1 - h)", "dW1 = T.dot(X.T, delta)"), oracle=TW1, style="theano-tiny-W1")
C(T, "W1", N, J(TH, "s = T.nnet.sigmoid(h_raw)", "delta = T.dot(y_pred - y_target, W2.T) * s * (1 - s)", "dW1 = T.dot(X.T, delta)"), oracle=TW1, style="theano-nnet-sigmoid-tiny-W1")
C(T, "W1", N, J(TH, "delta = T.dot(y_pred - y_target, W2.T) * T.nnet.sigmoid(h) * (1 - T.nnet.sigmoid(h))", "dW1 = T.dot(X.T, delta)"), "wrong-layer",
  oracle="X.T @ ((y_pred - y_target) @ W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="theano-tiny-W1-sigmoid-of-activation", note="σ applied to h = σ(h_raw) a second time: h stands where h_raw belongs — wrong-layer, as the corpora label σ′ taken at an activation's own output (round 48, the lead's decision; labelled wrong-activation-derivative first)")
C(S, "W", N, J(TH, "dW = T.dot(X.T, P - Y) / X.shape[0]"), oracle=SW, style="theano-softmax-W")
C(S, "W", N, J(TH, "dW = T.dot(X.T, Y - P) / X.shape[0]"), "sign", oracle=f"-{SW}", style="theano-softmax-W-sign")
C(M, "W2", N, J(TH, "cost = T.nnet.binary_crossentropy(A2, Y).mean()", "dW2 = T.grad(cost, W2)"), REFUSE, style="theano-T-grad-as-answer-W2")

# ================================================================ HIPS autograd.numpy as anp
C(M, "W2", N, J(AG, "dW2 = anp.dot(A1.T, A2 - Y) / m"), oracle=W2R, style="autograd-anp-dot-W2")
C(M, "W1", N, J(AG, D2, "dZ1 = anp.where(Z1 > 0, anp.dot(dZ2, W2.T), 0.0)", "dW1 = anp.dot(X.T, dZ1) / m"), oracle=W1R, style="autograd-anp-where-W1")
C(M, "W1", N, J(AG, D2, "dZ1 = anp.where(A1 > 0, anp.dot(dZ2, W2.T), 0.0)", "dW1 = anp.dot(X.T, dZ1) / m"), oracle=W1R, style="autograd-anp-where-on-A1-W1")
C(M, "W1", N, J(AG, D2, "dZ1 = anp.where(Z1 > 0, anp.dot(dZ2, W2.T), 0.0)", "dW1 = anp.dot(X.T, dZ1)"), "scale-factor", oracle=f"{W1R} * m", style="autograd-anp-W1-no-mean")
C(M, "b1", N, J(AG, D2, "dZ1 = anp.dot(dZ2, W2.T) * (Z1 > 0)", "db1 = anp.mean(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="autograd-anp-mean-b1")
C(S, "b", N, J(AG, "db = anp.sum(P - Y, axis=0, keepdims=True) / m"), oracle=SB, style="autograd-anp-softmax-b")
C(R, "w2", N, J(AG, "grad_w2 = anp.dot(h_relu.T, 2.0 * (y_pred - y))"), oracle=RW2, style="autograd-anp-relu-mlp-w2")
C(R, "w1", N, J(AG, "grad_h = anp.dot(2.0 * (y_pred - y), w2.T)", "grad_w1 = anp.dot(x.T, grad_h * (h > 0))"), oracle=RW1, style="autograd-anp-relu-mlp-w1")
C(M, "W2", N, J("from autograd import grad", "dW2 = grad(lambda W: bce(relu(X @ W1 + b1) @ W + b2, Y))(W2)"), REFUSE, style="autograd-grad-as-answer-W2")

# ================================================================ lambdas and closures assigned to names
C(M, "W2", N, J("grad_W = lambda A_prev, dZ: A_prev.T @ dZ / m", "dW2 = grad_W(A1, A2 - Y)"), oracle=W2R, style="lambda-named-W2")
C(M, "W1", N, J("grad_W = lambda A_prev, dZ: A_prev.T @ dZ / m", "relu_back = lambda dA, Z: dA * (Z > 0)", "dW1 = grad_W(X, relu_back((A2 - Y) @ W2.T, Z1))"), oracle=W1R, style="lambdas-composed-W1")
C(M, "W1", N, J("grad_W = lambda A_prev, dZ: A_prev.T @ dZ / m", "relu_back = lambda dA, Z: dA * (Z > 0)", "dW1 = grad_W(X, relu_back((A2 - Y) @ W2.T, A1 - 1))"), "*",
  oracle="X.T @ ((A2 - Y) @ W2.T * (A1 - 1 > 0)) / m", style="lambdas-composed-W1-mask-on-shifted", note="mask on A1 > 1: not ReLU's slope")
C(M, "W2", N, J("grad_W = lambda dZ, A_prev: A_prev.T @ dZ / m", "dW2 = grad_W(A1, A2 - Y)"), "*", oracle="(A2 - Y).T @ A1 / m", style="lambda-args-swapped-W2")
C(M, "W2", N, J("def make_grad(batch):", "    def g(A_prev, dZ):", "        return A_prev.T @ dZ / batch", "    return g", "", "dW2 = make_grad(m)(A1, A2 - Y)"), oracle=W2R, style="closure-factory-W2")
C(M, "b2", N, J("def make_bias_grad(batch):", "    def g(dZ):", "        return dZ.sum(axis=0, keepdims=True) / batch", "    return g", "", "db2 = make_bias_grad(m)(A2 - Y)"), oracle=B2R, style="closure-factory-b2")
C(M, "b2", N, J("def make_bias_grad(batch):", "    def g(dZ):", "        return dZ.sum(axis=0, keepdims=True) / batch", "    return g", "", "db2 = make_bias_grad(m * m)(A2 - Y)"), "scale-factor", oracle=f"{B2R} / m", style="closure-factory-b2-m-twice")
C(E, "w", N, J("sigmoid_prime = lambda o: o * (1 - o)", "dw = (O - t) * sigmoid_prime(O) * x"), oracle=EW, style="lambda-sigmoid-prime-neuron-w")
C(E, "w", N, J("sigmoid_prime = lambda o: o * (1 - o)", "dw = (O - t) * sigmoid_prime(z) * x"), "wrong-activation-derivative", oracle="(O - t) * z * (1 - z) * x", style="lambda-sigmoid-prime-of-z-neuron-w")
C(CH, "w", N, J("dloss = lambda v: 2 * v", "dw = dloss(v) * x"), oracle="2 * v * x", style="lambda-chain-w")
C(CH, "b", N, J("dloss = lambda v: v", "db = dloss(v)"), "scale-factor", oracle="v", style="lambda-chain-b-half")

# ================================================================ nn.Module / dataclass methods returning gradients
MOD = ["class Dense(nn.Module):", "    def backward(self, A_prev, dZ):", "        n = A_prev.shape[0]", "        return {'dW': A_prev.T @ dZ / n, 'db': dZ.sum(0, keepdims=True) / n}", ""]
C(M, "W2", N, J(*MOD, "dW2 = Dense().backward(A1, A2 - Y)['dW']"), oracle=W2R, style="nn-module-backward-dict-W2")
C(M, "b2", N, J(*MOD, "db2 = Dense().backward(A1, A2 - Y)['db']"), oracle=B2R, style="nn-module-backward-dict-b2")
C(M, "W1", N, J(*MOD, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = Dense().backward(X, dZ1)['dW']"), oracle=W1R, style="nn-module-backward-dict-W1")
C(M, "W1", N, J(*MOD, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = Dense().backward(A1, dZ1)['dW']"), "*", oracle=f"A1.T @ {DZ1} / m", style="nn-module-backward-dict-W1-wrong-input", note="the layer's own output for its input")
DC = ["@dataclass", "class Grads:", "    dW1: np.ndarray", "    dW2: np.ndarray", "", "def backward(X, A1, A2, Y, W2, Z1):", "    n = X.shape[0]", "    dZ2 = A2 - Y",
      "    dZ1 = dZ2 @ W2.T * (Z1 > 0)", "    return Grads(dW1=X.T @ dZ1 / n, dW2=A1.T @ dZ2 / n)", ""]
C(M, "W1", N, J(*DC, "dW1 = backward(X, A1, A2, Y, W2, Z1).dW1"), oracle=W1R, style="dataclass-grads-W1")
C(M, "W2", N, J(*DC, "dW2 = backward(X, A1, A2, Y, W2, Z1).dW2"), oracle=W2R, style="dataclass-grads-W2")
C(M, "W2", N, J(*DC, "dW2 = backward(X, A1, A2, Y, W2, Z1).dW1"), "*", oracle=W1R, style="dataclass-grads-wrong-field-W2", note="the other layer's field")
C(S, "W", N, J("class Softmax(nn.Module):", "    def grads(self, X, P, Y):", "        return {'W': X.T @ (P - Y) / len(X), 'b': (P - Y).mean(0, keepdims=True)}", "", "dW = Softmax().grads(X, P, Y)['W']"), oracle=SW, style="nn-module-softmax-dict-W")
C(S, "b", N, J("class Softmax(nn.Module):", "    def grads(self, X, P, Y):", "        return {'W': X.T @ (P - Y) / len(X), 'b': (P - Y).mean(1, keepdims=True)}", "", "db = Softmax().grads(X, P, Y)['b']"), "*", oracle="(P - Y).mean(1, keepdims=True)", style="nn-module-softmax-dict-b-wrong-axis")

# ================================================================ masks: logical_not, invert, ~, deepcopy + index, fmax(sign), threshold
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * np.logical_not(Z1 <= 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="logical-not-mask-W1")
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * np.logical_not(Z1 < 0)", "dW1 = X.T @ dZ1 / m"), "relu-at-zero", oracle=None, note="README's policy: PyTorch's relu'(0) = 0, so keeping the gradient where the input is 0 is the relu-at-zero slip", style="logical-not-strict-mask-W1")
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * np.invert(Z1 <= 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="invert-mask-W1")
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * ~(Z1 <= 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="tilde-mask-W1")
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * ~(Z1 > 0)", "dW1 = X.T @ dZ1 / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 <= 0)) / m", style="tilde-mask-inverted-W1")
C(M, "W1", N, J("import copy", D2, "dZ1 = copy.deepcopy(dZ2 @ W2.T)", "dZ1[Z1 <= 0] = 0", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="deepcopy-then-mask-W1")
C(M, "W1", N, J("import copy", D2, "dZ1 = copy.deepcopy(dZ2 @ W2.T)", "dZ1[A1 <= 0] = 0", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="deepcopy-then-mask-on-A1-W1")
C(M, "W1", N, J("import copy", D2, "dZ1 = copy.deepcopy(dZ2 @ W2.T)", "dZ1[A1 < 0] = 0", "dW1 = X.T @ dZ1 / m"), "missing-activation-derivative", oracle=NOMASK_W1, style="deepcopy-then-mask-on-A1-negative-W1", note="A1 = relu(Z1) is never negative: the mask zeroes nothing")
C(M, "b1", N, J("import copy", D2, "dZ1 = copy.deepcopy(dZ2 @ W2.T)", "dZ1[Z1 <= 0] = 0", "db1 = dZ1.sum(axis=0, keepdims=True) / m"), oracle=B1R, style="deepcopy-then-mask-b1")
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * np.fmax(np.sign(Z1), 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="fmax-sign-mask-W1")
C(M, "W1", N, J(D2, DA1, "dZ1 = dA1 * np.sign(Z1)", "dW1 = X.T @ dZ1 / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * np.sign(Z1)) / m", style="sign-as-mask-W1", note="sign is -1 on the negative half: not relu'")
C(M, "W1", N, J("import torch.nn.functional as F", D2, "dZ1 = F.threshold(Z1, 0.0, 0.0).sign() * (dZ2 @ W2.T)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="threshold-sign-mask-W1")
C(R, "w1", N, J("grad_h = 2 * (y_pred - y) @ w2.T", "grad_h = grad_h * np.logical_not(h < 0)", "grad_w1 = x.T @ grad_h"), "relu-at-zero", oracle=None, note="README's policy: PyTorch's relu'(0) = 0, so keeping the gradient where the input is 0 is the relu-at-zero slip", style="relu-mlp-logical-not-strict-w1")
C(R, "w1", N, J("import copy", "grad_h = copy.deepcopy(2 * (y_pred - y) @ w2.T)", "grad_h[h_relu <= 0] = 0", "grad_w1 = x.T @ grad_h"), oracle=RW1, style="relu-mlp-deepcopy-mask-w1")
C(R, "w1", N, J("grad_h = 2 * (y_pred - y) @ w2.T", "grad_h = np.where(h > 0, grad_h, 0)", "grad_w1 = x.T @ grad_h", "grad_w1 = grad_w1 / x.shape[0]"), "scale-factor", oracle=f"{RW1} / n", style="relu-mlp-where-w1-mean-not-in-loss", note="the loss is a sum: no 1/n")
C(R, "w1", N, J("grad_h = 2 * (y_pred - y) @ w2.T", "grad_h = np.where(h_relu > 0, grad_h, 0)", "grad_w1 = h.T @ grad_h"), "*", oracle="h.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="relu-mlp-where-w1-wrong-input")

# ================================================================ reductions and transposes written another way
C(M, "b2", N, "db2 = np.add.accumulate(A2 - Y, axis=0)[-1:] / m", oracle=B2R, style="add-accumulate-last-b2")
C(M, "b2", N, "db2 = np.add.accumulate(A2 - Y, axis=0)[-1] / m", oracle=B2R, style="add-accumulate-last-1d-b2")
C(M, "b1", N, J(D2, "dZ1 = dZ2 @ W2.T * (Z1 > 0)", "db1 = np.add.accumulate(dZ1, axis=0)[-1:] / m"), oracle=B1R, style="add-accumulate-last-b1")
C(M, "b1", N, J(D2, "dZ1 = dZ2 @ W2.T * (Z1 > 0)", "db1 = np.add.accumulate(dZ1, axis=1)[:, -1:] / m"), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="add-accumulate-wrong-axis-b1")
C(M, "b2", N, "db2 = np.add.reduce(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="add-reduce-keepdims-b2")
C(M, "W2", N, "dW2 = np.negative(A1.T @ (Y - A2)) / m", oracle=W2R, style="negative-W2")
C(M, "W2", N, "dW2 = np.negative(A1.T @ (A2 - Y)) / m", "sign", oracle=f"-{W2R}", style="negative-W2-sign")
C(M, "W2", N, "dW2 = np.ascontiguousarray(A1.T) @ (A2 - Y) / m", oracle=W2R, style="ascontiguousarray-W2")
C(M, "W2", N, "dW2 = np.moveaxis(A1, 0, -1) @ (A2 - Y) / m", oracle=W2R, style="moveaxis-transpose-W2")
C(M, "W2", N, "dW2 = np.moveaxis(A1, 0, 0) @ (A2 - Y) / m", "*", oracle="A1 @ (A2 - Y) / m", style="moveaxis-no-op-W2", note="moving an axis onto itself transposes nothing")
C(M, "W1", N, J(D2, "dZ1 = dZ2 @ np.swapaxes(W2, 0, 1) * (Z1 > 0)", "dW1 = np.swapaxes(X, 0, 1) @ dZ1 / m"), oracle=W1R, style="swapaxes-W1")
C(M, "W1", N, J(D2, "dZ1 = dZ2 @ W2.transpose(1, 0) * (Z1 > 0)", "dW1 = X.transpose(1, 0) @ dZ1 / m"), oracle=W1R, style="transpose-1-0-W1")
C(M, "W2", N, J("import tensorflow as tf", "dW2 = tf.linalg.matmul(A1, A2 - Y, adjoint_a=True) / m"), oracle=W2R, style="tf-adjoint-a-W2")
C(M, "W2", N, J("import tensorflow as tf", "dW2 = tf.linalg.matmul(A2 - Y, A1, adjoint_a=True) / m"), "*", oracle="(A2 - Y).T @ A1 / m", style="tf-adjoint-a-W2-operands-swapped")
C(S, "W", N, J("import tensorflow as tf", "dW = tf.linalg.matmul(X, P - Y, transpose_a=True) / tf.cast(tf.shape(X)[0], tf.float64)"), oracle=SW, style="tf-cast-shape-softmax-W")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.swapaxes(A, 0, 1) @ dO", "dW_v = np.swapaxes(X, 0, 1) @ dV"), oracle=AWV, style="swapaxes-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.swapaxes(A, 0, 1) @ dO", "dW_v = X @ dV"), "*", oracle="X @ (A.T @ (2 * (O - T) / (n * d)))", style="swapaxes-attention-Wv-X-not-transposed")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = np.add.accumulate(dY, axis=0)[-1:]"), oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="add-accumulate-bn-beta")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.add.reduce(dY * Z_hat, axis=0, keepdims=True)"), oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="add-reduce-bn-gamma")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.add.reduce(dY * Z, axis=0, keepdims=True)"), "*", oracle=f"np.sum({BN_DY} * Z, axis=0, keepdims=True)", style="add-reduce-bn-gamma-unnormalised")
C(B, "beta", N, J("dY = 2 * (Y - T) / m", "dbeta = np.add.reduce(dY, axis=0, keepdims=True)"), "scale-factor", oracle="np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", style="add-reduce-bn-beta-mean-over-rows-only")

# ================================================================ per-example += accumulations of outer products
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "for i in range(m):", "    dW2 += np.outer(A1[i], A2[i] - Y[i])", "dW2 /= m"), oracle=W2R, style="per-example-outer-accumulate-W2")
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "for i in range(m):", "    dW2 += np.outer(A1[i], A2[i] - Y[i])"), "scale-factor", oracle=f"{W2R} * m", style="per-example-outer-accumulate-W2-no-mean")
C(M, "b2", N, J("db2 = np.zeros_like(b2)", "for i in range(m):", "    db2 += (A2[i] - Y[i]) / m"), oracle=B2R, style="per-example-accumulate-b2")
C(S, "W", N, J("dW = np.zeros_like(W)", "for i in range(m):", "    dW += np.outer(X[i], P[i] - Y[i]) / m"), oracle=SW, style="per-example-outer-accumulate-softmax-W")
C(S, "W", N, J("dW = np.zeros_like(W)", "for i in range(m):", "    dW += np.outer(X[i], P[i] * (1 - P[i]) - Y[i]) / m"), "*", oracle="X.T @ (P * (1 - P) - Y) / m", style="per-example-softmax-jacobian-diagonal-only-W", note="the softmax Jacobian's diagonal only")

# ================================================================ softmax Jacobian: diagonal only vs full
C(S, "W", N, J("dP = -Y / P / m", "dZ = P * (dP - (dP * P).sum(axis=1, keepdims=True))", "dW = X.T @ dZ"), oracle=SW, style="softmax-full-jacobian-vector-W")
C(S, "W", N, J("dP = -Y / P / m", "dZ = dP * P * (1 - P)", "dW = X.T @ dZ"), "*", oracle="X.T @ (-Y * (1 - P) / m)", style="softmax-jacobian-diagonal-only-W")
C(S, "b", N, J("dP = -Y / P / m", "dZ = dP * P * (1 - P)", "db = dZ.sum(axis=0, keepdims=True)"), "*", oracle="np.sum(-Y * (1 - P) / m, axis=0, keepdims=True)", style="softmax-jacobian-diagonal-only-b")
C(S, "W", N, J("dP = -Y / P / m", "Jac = np.einsum('ij,jk->ijk', P, np.eye(P.shape[1])) - np.einsum('ij,ik->ijk', P, P)", "dZ = np.einsum('ijk,ik->ij', Jac, dP)", "dW = X.T @ dZ"), oracle=SW, style="softmax-jacobian-tensor-einsum-W")
C(A, "W_q", N, J("dO = 2 * (O - T) / (n * d)", "dA = dO @ V.T", "dS = A * (1 - A) * dA", "dW_q = X.T @ (dS @ K) / np.sqrt(d)"), "*", oracle=f"X.T @ ((A * (1 - A) * ({AT_DO} @ V.T)) @ K) / np.sqrt(d)", style="attention-Wq-softmax-diagonal-only")
C(A, "W_q", N, J("dO = 2 * (O - T) / (n * d)", "dA = dO @ V.T", "dS = A * (dA - (dA * A).sum(axis=1, keepdims=True))", "dW_q = X.T @ (dS @ K) / np.sqrt(d)"), oracle=f"X.T @ ((A * ({AT_DO} @ V.T - ({AT_DO} @ V.T * A).sum(1, keepdims=True))) @ K) / np.sqrt(d)", style="attention-Wq-full-jacobian")

# ================================================================ exam answer keys in code, teaching notebooks (Kaggle, d2l 中文版, AI Studio, 深度之眼, 七月在线)
KEY = ["# ---- answer key, question 3 (b): backward pass of the two-layer net ----", "# (full marks need the 1/m and the ReLU mask)"]
C(M, "W1", N, J(*KEY, "dZ2 = A2 - Y                       # (1 mark)", "dA1 = dZ2 @ W2.T                   # (1 mark)", "dZ1 = dA1 * (Z1 > 0)               # (1 mark)", "dW1 = X.T @ dZ1 / m                # (2 marks)"), oracle=W1R, style="answer-key-commented-W1")
C(M, "W1", N, J(*KEY, "dZ2 = A2 - Y                       # (1 mark)", "dA1 = dZ2 @ W2.T                   # (1 mark)", "dZ1 = dA1 * (A2 > 0)               # (1 mark)", "dW1 = X.T @ dZ1 / m                # (2 marks)"), "*",
  oracle="X.T @ ((A2 - Y) @ W2.T * (A2 > 0)) / m", style="answer-key-mask-on-output-W1", note="the mask of the output layer (always 1 for a sigmoid) for the hidden ReLU")
C(M, "b2", N, J(*KEY, "dZ2 = A2 - Y                       # (1 mark)", "db2 = np.sum(dZ2, axis=0, keepdims=True) / m   # (1 mark)"), oracle=B2R, style="answer-key-b2")
C(T, "W2", N, J("# Kaggle notebook: 'Neural network from scratch' — output weights", "error = y_pred - y_target", "dW2 = h.T.dot(error)"), oracle=TW2, style="kaggle-dot-method-tiny-W2")
C(T, "W2", N, J("# Kaggle notebook: gradient ascent on the likelihood", "error = y_target - y_pred", "dW2 = h.T.dot(error)"), "sign", oracle=f"-{TW2}", style="kaggle-ascent-sign-tiny-W2")
C(M, "W2", N, J("# Kaggle: vectorised backprop", "dZ2 = A2 - Y", "dW2 = (1 / m) * dZ2.T.dot(A1)"), "*", oracle="(A2 - Y).T @ A1 / m", style="kaggle-dW2-transposed")
C(M, "W2", N, J("# 深度之眼 训练营：二分类交叉熵 + sigmoid，输出层的 dZ 直接是 A2 - Y", "dZ2 = A2 - Y", "dW2 = np.dot(A1.T, dZ2) / m"), lang=Z, oracle=W2R, style="zh-shenduzhiyan-W2")
C(M, "W2", N, J("# 深度之眼 训练营：输出层权重梯度（除以样本数两次）", "dZ2 = (A2 - Y) / m", "dW2 = np.dot(A1.T, dZ2) / m"), "scale-factor", lang=Z, oracle=f"{W2R} / m", style="zh-shenduzhiyan-W2-m-twice")
C(M, "W1", N, J("# 七月在线 课程代码：隐藏层用 ReLU，反向时用布尔掩码", "dZ2 = A2 - Y", "dA1 = np.dot(dZ2, W2.T)", "dZ1 = np.array(dA1, copy=True)", "dZ1[Z1 <= 0] = 0", "dW1 = np.dot(X.T, dZ1) / m"), lang=Z, oracle=W1R, style="zh-julyedu-copy-mask-W1")
C(M, "W1", N, J("# 七月在线 课程代码：掩码写在了激活之后（A1 < 0 永远不成立）", "dZ2 = A2 - Y", "dA1 = np.dot(dZ2, W2.T)", "dZ1 = np.array(dA1, copy=True)", "dZ1[A1 < 0] = 0", "dW1 = np.dot(X.T, dZ1) / m"),
  "missing-activation-derivative", lang=Z, oracle=NOMASK_W1, style="zh-julyedu-mask-on-A1-negative-W1")
C(M, "b1", N, J("# 七月在线：偏置梯度按样本求和并保持二维", "dZ1 = np.dot(A2 - Y, W2.T) * (Z1 > 0)", "db1 = np.sum(dZ1, axis=0, keepdims=True) / m"), lang=Z, oracle=B1R, style="zh-julyedu-b1")
C(S, "W", N, J("# 《动手学深度学习》中文版：softmax 回归从零实现，手写梯度", "def softmax_grad(X, y_hat, y):", "    return X.T @ (y_hat - y) / len(y)", "", "dW = softmax_grad(X, P, Y)"), lang=Z, oracle=SW, style="zh-d2l-softmax-helper-W")
C(S, "W", N, J("# 《动手学深度学习》中文版：交叉熵的梯度（忘了除以批量大小）", "dW = X.T @ (P - Y)"), "scale-factor", lang=Z, oracle=f"{SW} * m", style="zh-d2l-softmax-W-no-mean")
C(S, "b", N, J("# 《动手学深度学习》中文版：偏置梯度", "db = (P - Y).mean(axis=0, keepdims=True)"), lang=Z, oracle=SB, style="zh-d2l-softmax-b")
C(R, "w2", N, J("# 百度 AI Studio 课程：两层 ReLU 网络，平方误差之和", "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = np.matmul(np.moveaxis(h_relu, 0, 1), grad_y_pred)"), lang=Z, oracle=RW2, style="zh-aistudio-moveaxis-relu-mlp-w2")
C(R, "w2", N, J("# 百度 AI Studio 课程：平方误差的导数（漏了系数 2）", "grad_y_pred = y_pred - y", "grad_w2 = h_relu.T @ grad_y_pred"), "scale-factor", lang=Z, oracle=f"{RW2} / 2", style="zh-aistudio-relu-mlp-w2-no-2")
C(R, "w1", N, J("# 百度 AI Studio 课程：ReLU 的梯度用 np.where", "grad_h_relu = 2.0 * (y_pred - y) @ w2.T", "grad_h = np.where(h > 0, grad_h_relu, 0.0)", "grad_w1 = x.T @ grad_h"), lang=Z, oracle=RW1, style="zh-aistudio-where-relu-mlp-w1")
C(E, "w", N, J("# 单个神经元（Theano 写法）：链式法则", "import theano.tensor as T", "dz = (O - t) * O * (1 - O)", "dw = dz * x"), lang=Z, oracle=EW, style="zh-theano-neuron-w")
C(E, "w", N, J("# 单个神经元：梯度上升（符号写反）", "dw = (t - O) * O * (1 - O) * x"), "sign", lang=Z, oracle=f"-{EW}", style="zh-neuron-w-ascent-sign")
C(CH, "w", N, J("# 计算图：L = v², v = w·x + b", "grad_v = 2 * v", "grad_w = np.multiply(grad_v, x)"), lang=Z, oracle="2 * v * x", style="zh-chain-multiply-w")
C(CH, "b", N, J("# 计算图：偏置的梯度就是上游梯度", "grad_b = 2 * v * x"), "*", lang=Z, oracle="2 * v * x", style="zh-chain-b-times-x", note="x multiplies w, not b")

# ================================================================ the remaining built-ins in the new styles
C(MW, "W2", N, J("wgt = lambda Y: w * Y", "dZ2 = (1 - Y) * A2 - wgt(Y) * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), oracle=WW2, style="lambda-weight-weighted-W2")
C(MW, "W2", N, J(TH, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "dW2 = T.dot(A1.T, dZ2) / m"), oracle=WW2, style="theano-weighted-W2")
C(MW, "W2", N, J(TH, "dZ2 = A2 - w * Y", "dW2 = T.dot(A1.T, dZ2) / m"), "*", oracle="A1.T @ (A2 - w * Y) / m", style="theano-weighted-W2-weight-in-wrong-place")
C(MW, "b2", N, J(AG, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "db2 = anp.mean(dZ2, axis=0, keepdims=True)"), oracle=f"np.mean({WDZ}, axis=0, keepdims=True)", style="autograd-anp-weighted-b2")
C(MW, "b2", N, J(AG, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "db2 = anp.sum(dZ2, axis=0, keepdims=True)"), "scale-factor", oracle=f"np.sum({WDZ}, axis=0, keepdims=True)", style="autograd-anp-weighted-b2-no-mean")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = np.swapaxes(W_h, 0, 1)", "dz1 = (dz2 @ dz1) * (1 - h_1 ** 2)", "dW_h = np.swapaxes(h_1, 0, 1) @ dz2 + np.swapaxes(h_0, 0, 1) @ dz1"), oracle=RWH, style="swapaxes-rnn-Wh")
C(R2, "W_h", N, J("dW_h = np.zeros_like(W_h)", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h += h_1.T @ dz2", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h += h_0.T @ dz1"), oracle=RWH, style="accumulate-bptt-rnn-Wh")
C(R2, "W_h", N, J("dW_h = np.zeros_like(W_h)", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h += h_1.T @ dz2"), "missing-path", oracle=f"h_1.T @ {R2_D2}", style="accumulate-bptt-rnn-Wh-last-step-only")
C(R2, "W_x", N, J("dW_x = np.zeros_like(W_x)", "dz = (h_2 - y) * (1 - h_2 ** 2)", "dW_x += x_2.T @ dz", "dz = dz @ W_h.T * (1 - h_1 ** 2)", "dW_x += x_1.T @ dz"), oracle=RWX, style="accumulate-bptt-rnn-Wx-reused-name")
C(R2, "W_x", N, J("dW_x = np.zeros_like(W_x)", "dz = (h_2 - y) * (1 - h_2 ** 2)", "dW_x += x_2.T @ dz", "dz = dz @ W_h.T * (1 - h_2 ** 2)", "dW_x += x_1.T @ dz"), "*",
  oracle=f"x_2.T @ {R2_D2} + x_1.T @ ({R2_D2} @ W_h.T * (1 - h_2 ** 2))", style="accumulate-bptt-rnn-Wx-slope-of-wrong-step")
C(R2, "b", N, J(TH, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = T.dot(dz2, W_h.T) * (1 - h_1 ** 2)", "db = T.sum(dz1 + dz2, axis=0, keepdims=True)"), oracle=f"np.sum({R2_D1} + {R2_D2}, axis=0, keepdims=True)", style="theano-rnn-b")
C(B, "beta", N, J(AG, "dY = 2 * (Y - T) / (m * n)", "dbeta = anp.sum(dY, axis=0, keepdims=True)"), oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="autograd-anp-bn-beta")
C(B, "beta", N, J(AG, "dY = 2 * (T - Y) / (m * n)", "dbeta = anp.sum(dY, axis=0, keepdims=True)"), "sign", oracle=f"-np.sum({BN_DY}, axis=0, keepdims=True)", style="autograd-anp-bn-beta-sign")
C(A, "W_v", N, J("grad_V = lambda A, dO: A.T @ dO", "dO = 2 * (O - T) / O.size", "dW_v = X.T @ grad_V(A, dO)"), oracle=AWV, style="lambda-attention-Wv")
C(A, "W_v", N, J("grad_V = lambda A, dO: A.T @ dO", "dO = 2 * (O - T)", "dW_v = X.T @ grad_V(A, dO)"), "scale-factor", oracle="X.T @ (A.T @ (2 * (O - T)))", style="lambda-attention-Wv-no-mean")

# ================================================================ refusals: autodiff as the answer, loaded data, dynamic code
C(M, "W1", N, J("import torch", "from torch.func import vjp", "_, pullback = vjp(lambda W: forward(X, W, b1, W2, b2), W1)", "dW1 = pullback(torch.ones(m, 1))[0]"), REFUSE, style="torch-func-vjp-as-answer-W1")
C(M, "W2", N, J("import functorch", "dW2 = functorch.grad(loss_fn)(W2)"), REFUSE, style="functorch-grad-as-answer-W2")
C(M, "W2", N, J("import pickle", "with open('grads.pkl', 'rb') as f:", "    dW2 = pickle.load(f)['W2']"), REFUSE, style="pickle-load-W2")
C(M, "W2", N, J("dW2 = getattr(np, 'dot')(A1.T, A2 - Y) / m", "dW2 = __import__('numpy').asarray(dW2)"), REFUSE, style="dunder-import-W2")

# ================================================================ hn43_ng_dropout_mask_l2_numpy_cn (Ng's course: columns are examples, dropout + L2)
NG_DZ1 = "(W2.T @ (A2 - Y) * D1 / keep_prob * (Z1 > 0))"
NG_W2 = "(A2 - Y) @ A1_drop.T / m + lambd / m * W2"
NG_W1 = f"{NG_DZ1} @ X.T / m + lambd / m * W1"
NG_B1 = f"np.sum({NG_DZ1}, axis=1, keepdims=True) / m"
NG_B2 = "np.sum(A2 - Y, axis=1, keepdims=True) / m"
NGB = ["dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2)", "dA1 = dA1 * D1", "dA1 = dA1 / keep_prob", "dZ1 = np.multiply(dA1, np.int64(A1 > 0))"]
C(NG, "W2", N, J("# 吴恩达 课程作业：带 L2 正则的反向传播", "dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(dZ2, A1_drop.T) + lambd / m * W2"), lang=Z, oracle=NG_W2, style="zh-ng-W2")
C(NG, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(dZ2, A1_drop.T)"), "missing-loss-term", oracle="(A2 - Y) @ A1_drop.T / m", style="ng-W2-l2-forgotten")
C(NG, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(dZ2, A1_drop.T) + lambd * W2"), "loss-term-factor", oracle="(A2 - Y) @ A1_drop.T / m + lambd * W2", style="ng-W2-l2-not-over-m")
C(NG, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(dZ2, A1_drop.T) + lambd / (2 * m) * W2"), "loss-term-factor", oracle="(A2 - Y) @ A1_drop.T / m + lambd / (2 * m) * W2", style="ng-W2-l2-halved")
C(NG, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2"), "*", oracle="(A2 - Y) @ A1.T / m + lambd / m * W2", style="ng-W2-undropped-activation", note="the layer's input is A1_drop, not A1")
C(NG, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(A1_drop, dZ2.T) + lambd / m * W2"), "*", oracle=None, style="ng-W2-transposed", note="n_h x 1 for a 1 x n_h weight (plus a 1 x n_h term: does not fit)")
C(NG, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.einsum('im,jm->ij', dZ2, A1_drop) / m + np.multiply(lambd / m, W2)"), oracle=NG_W2, style="ng-W2-einsum")
C(NG, "b2", N, J("# 偏置：对样本（列）求和，保持二维", "db2 = 1. / m * np.sum(A2 - Y, axis=1, keepdims=True)"), lang=Z, oracle=NG_B2, style="zh-ng-b2")
C(NG, "b2", N, "db2 = 1. / m * np.sum(A2 - Y, axis=1, keepdims=True) + lambd / m * b2", "extra-loss-term", oracle=f"{NG_B2} + lambd / m * b2", style="ng-b2-bias-regularised", note="the L2 term covers W1 and W2 only")
C(NG, "W1", N, J("# 吴恩达 作业：dropout 的反向要乘同一个掩码 D1 并除以 keep_prob", *NGB, "dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1"), lang=Z, oracle=NG_W1, style="zh-ng-W1")
C(NG, "W1", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2)", "dZ1 = np.multiply(dA1, np.int64(A1 > 0))", "dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1"), "*",
  oracle="(W2.T @ (A2 - Y) * (Z1 > 0)) @ X.T / m + lambd / m * W1", style="ng-W1-dropout-forgotten")
C(NG, "W1", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) * D1", "dZ1 = np.multiply(dA1, np.int64(A1 > 0))", "dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1"), "*",
  oracle="(W2.T @ (A2 - Y) * D1 * (Z1 > 0)) @ X.T / m + lambd / m * W1", style="ng-W1-keep-prob-forgotten", note="the data term off by 1/keep_prob, the L2 term not")
C(NG, "W1", N, J(*NGB, "dW1 = 1. / m * np.dot(dZ1, X.T)"), "missing-loss-term", oracle=f"{NG_DZ1} @ X.T / m", style="ng-W1-l2-forgotten")
C(NG, "W1", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob", "dZ1 = dA1 * np.heaviside(Z1, 0)", "dW1 = (dZ1 @ X.T + lambd * W1) / m"), oracle=NG_W1, style="ng-W1-heaviside-factored-m")
C(NG, "W1", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob", "dZ1 = dA1.copy()", "dZ1[Z1 <= 0] = 0", "dW1 = (dZ1 @ X.T + lambd * W1) / m"), oracle=NG_W1, style="ng-W1-copy-mask")
C(NG, "W1", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob", "dW1 = (dA1 @ X.T + lambd * W1) / m"), "missing-activation-derivative", oracle="(W2.T @ (A2 - Y) * D1 / keep_prob) @ X.T / m + lambd / m * W1", style="ng-W1-relu-forgotten")
C(NG, "W1", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob", "dZ1 = dA1 * (Z1 > 0)", "dW1 = (np.dot(dZ1, X.T) + lambd * W1) / m / m"), "*", oracle=f"({NG_DZ1} @ X.T + lambd * W1) / m / m", style="ng-W1-m-twice")
C(NG, "b1", N, J("# 隐藏层偏置：同样要经过 dropout 掩码", *NGB, "db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)"), lang=Z, oracle=NG_B1, style="zh-ng-b1")
C(NG, "b1", N, J(*NGB, "db1 = 1. / m * np.sum(dZ1, axis=0, keepdims=True)"), "*", oracle=f"np.sum({NG_DZ1}, axis=0, keepdims=True) / m", style="ng-b1-wrong-axis")

# ================================================================ hn43_mindspore_ms_ops_hinge_cn (hinge + 0.001‖W2‖²)
MH_DF = "(-y * (1 - y * f > 0) / N)"
MH_W2 = f"h1.T @ {MH_DF} + 0.002 * W2"
MH_DH = f"({MH_DF} @ W2.T * (h1 > 0))"
MS = "import mindspore.ops as ops"
C(MH, "W2", N, J("# MindSpore：合页损失只在间隔内（hinge > 0）有梯度", MS, "df = -y * (hinge > 0) / N", "dW2 = ops.matmul(h1.T, df) + 0.002 * W2"), lang=Z, oracle=MH_W2, style="zh-ms-hinge-W2")
C(MH, "W2", N, J(MS, "df = -y * (1 - y * f > 0) / N", "dW2 = ops.matmul(ops.transpose(h1, (1, 0)), df) + 2 * 0.001 * W2"), oracle=MH_W2, style="ms-hinge-W2-margin-mask")
C(MH, "W2", N, J(MS, "df = -y * (hinge > 0) / N", "dW2 = ops.matmul(h1.T, df)"), "missing-loss-term", oracle=f"h1.T @ {MH_DF}", style="ms-hinge-W2-l2-forgotten")
C(MH, "W2", N, J(MS, "df = -y * (hinge > 0) / N", "dW2 = ops.matmul(h1.T, df) + 0.001 * W2"), "loss-term-factor", oracle=f"h1.T @ {MH_DF} + 0.001 * W2", style="ms-hinge-W2-l2-not-doubled")
C(MH, "W2", N, J(MS, "df = -y * (hinge >= 0) / N", "dW2 = ops.matmul(h1.T, df) + 0.002 * W2"), "*", oracle="h1.T @ (-y / N) + 0.002 * W2", style="ms-hinge-W2-mask-always-true", note="hinge = max(…, 0) is never negative: every example counted")
C(MH, "W2", N, J(MS, "df = y * (hinge > 0) / N", "dW2 = ops.matmul(h1.T, df) + 0.002 * W2"), "*", oracle=f"-h1.T @ {MH_DF} + 0.002 * W2", style="ms-hinge-W2-data-sign")
C(MH, "b2", N, J("# 偏置：把每个样本的 df 加起来", "df = -y * (hinge > 0) / N", "db2 = df.sum(axis=0)"), lang=Z, oracle=f"np.sum({MH_DF}, axis=0)", style="zh-ms-hinge-b2")
C(MH, "b2", N, J("df = -y * (hinge > 0)", "db2 = df.sum(axis=0)"), "scale-factor", oracle=f"np.sum({MH_DF}, axis=0) * N", style="ms-hinge-b2-no-mean")
C(MH, "W1", N, J("# 隐藏层：先过输出层权重，再乘 ReLU 掩码", MS, "df = -y * (hinge > 0) / N", "dh = ops.matmul(df, W2.T) * (h1 > 0)", "dW1 = ops.matmul(x.T, dh)"), lang=Z, oracle=f"x.T @ {MH_DH}", style="zh-ms-hinge-W1")
C(MH, "W1", N, J(MS, "df = -y * (hinge > 0) / N", "dh = ops.matmul(df, W2.T) * (h1 > 0)", "dW1 = ops.matmul(x.T, dh) + 0.002 * W1"), "extra-loss-term", oracle=f"x.T @ {MH_DH} + 0.002 * W1", style="ms-hinge-W1-l2-on-W1", note="the penalty is on W2 only")
C(MH, "W1", N, J(MS, "df = -y * (hinge > 0) / N", "dh = ops.matmul(df, W2.T)", "dW1 = ops.matmul(x.T, dh)"), "missing-activation-derivative", oracle=f"x.T @ ({MH_DF} @ W2.T)", style="ms-hinge-W1-relu-forgotten")
C(MH, "W1", N, J("df = -y * (hinge > 0) / N", "dh = np.where(h1 > 0, df @ W2.T, 0)", "dW1 = np.moveaxis(x, 0, 1) @ dh"), oracle=f"x.T @ {MH_DH}", style="ms-hinge-W1-where-moveaxis")
C(MH, "b1", N, J("df = -y * (hinge > 0) / N", "dh = df @ W2.T * (h1 > 0)", "db1 = np.add.reduce(dh, axis=0)"), oracle=f"np.sum({MH_DH}, axis=0)", style="ms-hinge-b1-add-reduce")
C(MH, "b1", N, J("df = -y * (hinge > 0) / N", "dh = df @ W2.T * (h1 > 0)", "db1 = np.add.reduce(dh, axis=1)"), "*", oracle=None, style="ms-hinge-b1-wrong-axis", note="N = h = 4: the per-example sums fit the shape; only the values tell")

# ================================================================ hn43_paddle_cross_entropy_label_cn (labels N x 1, mean cross-entropy)
PD_DL = "((np.exp(logits) / np.exp(logits).sum(1, keepdims=True) - np.eye(C)[label.ravel().astype(int)]) / N)"
PD_DH = f"({PD_DL} @ W2.T * (hidden > 0))"
PSM = ["probs = np.exp(logits - logits.max(axis=1, keepdims=True))", "probs /= probs.sum(axis=1, keepdims=True)"]
PCS = [*PSM, "dlogits = probs.copy()", "dlogits[np.arange(N), label[:, 0]] -= 1", "dlogits /= N"]
C(PD, "W2", N, J("# 飞桨 AI Studio：交叉熵 + softmax 的梯度是 (概率 - one-hot) / N", *PCS, "dW2 = hidden.T @ dlogits"), lang=Z, oracle=f"hidden.T @ {PD_DL}", style="zh-paddle-ce-W2")
C(PD, "W2", N, J(*PSM, "onehot = np.eye(C)[label.flatten()]", "dW2 = paddle.matmul(hidden, (probs - onehot) / N, transpose_x=True)"), oracle=f"hidden.T @ {PD_DL}", style="paddle-ce-W2-eye-flatten")
C(PD, "W2", N, J(*PSM, "dlogits = probs.copy()", "dlogits[np.arange(N), label[:, 0]] -= 1", "dW2 = hidden.T @ dlogits"), "scale-factor", oracle=f"hidden.T @ {PD_DL} * N", style="paddle-ce-W2-no-mean")
C(PD, "W2", N, J(*PSM, "onehot = np.eye(C)[label.flatten()]", "dW2 = hidden.T @ (onehot - probs) / N"), "sign", oracle=f"-hidden.T @ {PD_DL}", style="paddle-ce-W2-sign")
C(PD, "W2", N, J(*PSM, "onehot = np.eye(C)[label.flatten()]", "dlogits = probs * (1 - probs) * (-onehot / probs) / N", "dW2 = hidden.T @ dlogits"), "*",
  oracle="hidden.T @ (-(1 - np.exp(logits) / np.exp(logits).sum(1, keepdims=True)) * np.eye(C)[label.ravel().astype(int)] / N)", style="paddle-ce-W2-softmax-diagonal-only")
C(PD, "b2", N, J("# 偏置梯度：对批量求和", *PCS, "db2 = dlogits.sum(axis=0)"), lang=Z, oracle=f"np.sum({PD_DL}, axis=0)", style="zh-paddle-ce-b2")
C(PD, "b2", N, J(*PCS, "db2 = np.add.accumulate(dlogits, axis=0)[-1]"), oracle=f"np.sum({PD_DL}, axis=0)", style="paddle-ce-b2-add-accumulate")
C(PD, "W1", N, J("# 隐藏层：ReLU 的导数用 hidden > 0", *PCS, "dhidden = dlogits @ W2.T", "dhidden[hidden <= 0] = 0", "dW1 = x.T @ dhidden"), lang=Z, oracle=f"x.T @ {PD_DH}", style="zh-paddle-ce-W1")
C(PD, "W1", N, J(*PCS, "dhidden = dlogits @ W2.T", "dW1 = x.T @ dhidden"), "missing-activation-derivative", oracle=f"x.T @ ({PD_DL} @ W2.T)", style="paddle-ce-W1-relu-forgotten")
C(PD, "W1", N, J(*PCS, "dhidden = dlogits @ W2.T * (logits > 0)"), "*", oracle=None, style="paddle-ce-W1-mask-of-logits-no-dW1", note="no dW1 is ever written")
C(PD, "W1", N, J(*PCS, "dW1 = np.swapaxes(x, 0, 1) @ np.where(hidden > 0, dlogits @ W2.T, 0)"), oracle=f"x.T @ {PD_DH}", style="paddle-ce-W1-swapaxes-where")
C(PD, "b1", N, J(*PCS, "dhidden = dlogits @ W2.T * (hidden > 0)", "db1 = dhidden.sum(axis=0)"), oracle=f"np.sum({PD_DH}, axis=0)", style="paddle-ce-b1")

# ================================================================ hn43_keras_squared_hinge_swish_tf (swish hidden, mean squared hinge)
KS_DY = "(-2 * y_true * np.maximum(1 - y_true * y_pred, 0) / N)"
KS_Z = "(x @ W1 + b1)"
KS_DZ = f"({KS_DY} @ W2.T * sigmoid({KS_Z}) * (1 + {KS_Z} * (1 - sigmoid({KS_Z}))))"
KSH = ["dy = -2 * y_true * np.maximum(0.0, 1 - y_true * y_pred) / N"]
C(KS, "W2", N, J(*KSH, "dW2 = tf.matmul(hid, dy, transpose_a=True)"), oracle=f"hid.T @ {KS_DY}", style="keras-sqhinge-W2")
C(KS, "W2", N, J("dy = -y_true * np.maximum(0.0, 1 - y_true * y_pred) / N", "dW2 = hid.T @ dy"), "scale-factor", oracle=f"hid.T @ {KS_DY} / 2", style="keras-sqhinge-W2-no-2")
C(KS, "W2", N, J("dy = -2 * y_true * (1 - y_true * y_pred > 0) / N", "dW2 = hid.T @ dy"), "*", oracle="hid.T @ (-2 * y_true * (1 - y_true * y_pred > 0) / N)", style="keras-sqhinge-W2-plain-hinge-slope", note="the squared hinge's slope is 2·max(0, 1 − y·ŷ), not 2·[margin > 0]")
C(KS, "b2", N, J(*KSH, "db2 = tf.reduce_sum(dy, axis=0)"), oracle=f"np.sum({KS_DY}, axis=0)", style="keras-sqhinge-b2")
C(KS, "W1", N, J("z1 = x @ W1 + b1", "s = 1 / (1 + np.exp(-z1))", *KSH, "dz1 = (dy @ W2.T) * (s + z1 * s * (1 - s))", "dW1 = x.T @ dz1"), oracle=f"x.T @ {KS_DZ}", style="keras-swish-W1")
C(KS, "W1", N, J("z1 = x @ W1 + b1", "s = tf.sigmoid(z1)", *KSH, "dz1 = (dy @ W2.T) * (hid + s * (1 - hid))", "dW1 = x.T @ dz1"), oracle=f"x.T @ {KS_DZ}", style="keras-swish-W1-in-terms-of-hid")
C(KS, "W1", N, J("z1 = x @ W1 + b1", *KSH, "dz1 = (dy @ W2.T) * (1 / (1 + np.exp(-z1)) + z1 * np.exp(-z1) / (1 + np.exp(-z1)) ** 2)", "dW1 = x.T @ dz1"), oracle=f"x.T @ {KS_DZ}", style="keras-swish-W1-quotient-form")
C(KS, "W1", N, J("z1 = x @ W1 + b1", "s = 1 / (1 + np.exp(-z1))", *KSH, "dz1 = (dy @ W2.T) * s", "dW1 = x.T @ dz1"), "*", oracle=f"x.T @ ({KS_DY} @ W2.T * sigmoid({KS_Z}))", style="keras-swish-W1-product-rule-term-dropped", note="swish = z·σ(z): the z·σ' term of the product rule dropped")
C(KS, "W1", N, J("z1 = x @ W1 + b1", "s = 1 / (1 + np.exp(-z1))", *KSH, "dz1 = (dy @ W2.T) * s * (1 - s)", "dW1 = x.T @ dz1"), "*", oracle=f"x.T @ ({KS_DY} @ W2.T * sigmoid({KS_Z}) * (1 - sigmoid({KS_Z})))", style="keras-swish-W1-sigmoid-slope")
C(KS, "W1", N, J("# Keras 作业：swish = z·σ(z)，求导时别忘了乘积法则", "z1 = x @ W1 + b1", "s = 1 / (1 + np.exp(-z1))", *KSH, "dW1 = x.T @ ((dy @ W2.T) * (s + z1 * s * (1 - s)))"), lang=Z, oracle=f"x.T @ {KS_DZ}", style="zh-keras-swish-W1")
C(KS, "b1", N, J("z1 = x @ W1 + b1", "s = 1 / (1 + np.exp(-z1))", *KSH, "db1 = np.sum((dy @ W2.T) * (s + z1 * s * (1 - s)), axis=0)"), oracle=f"np.sum({KS_DZ}, axis=0)", style="keras-swish-b1")

# ================================================================ hn43_jax_celu_optax_bce_norm (CELU α = 0.5, BCE with logits, 0.01‖W1‖²)
JC_DL = "((sigmoid(logits) - y) / N)"
JC_Z = "(x @ W1 + b1)"
JC_DZ = f"({JC_DL} @ W2.T * np.where({JC_Z} > 0, 1.0, np.exp({JC_Z} / 0.5)))"
JH = ["import jax.numpy as jnp", "z1 = x @ W1 + b1", "dlogits = (jax.nn.sigmoid(logits) - y) / N"]
C(JC, "W2", N, J(*JH, "dW2 = hid.T @ dlogits"), oracle=f"hid.T @ {JC_DL}", style="jax-celu-W2")
C(JC, "W2", N, J(*JH, "dW2 = hid.T @ dlogits + 0.02 * W2"), "extra-loss-term", oracle=f"hid.T @ {JC_DL} + 0.02 * W2", style="jax-celu-W2-penalty-on-W2", note="the norm penalty is on W1 only")
C(JC, "b2", N, J(*JH, "db2 = dlogits.sum(axis=0)"), oracle=f"np.sum({JC_DL}, axis=0)", style="jax-celu-b2")
C(JC, "W1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1 / 0.5))", "dW1 = x.T @ dz1 + 0.02 * W1"), oracle=f"x.T @ {JC_DZ} + 0.02 * W1", style="jax-celu-W1")
C(JC, "W1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, hid / 0.5 + 1.0)", "dW1 = x.T @ dz1 + 2 * 0.01 * W1"), oracle=f"x.T @ {JC_DZ} + 0.02 * W1", style="jax-celu-W1-slope-from-hid")
C(JC, "W1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1))", "dW1 = x.T @ dz1 + 0.02 * W1"), "*", oracle=f"x.T @ ({JC_DL} @ W2.T * np.where({JC_Z} > 0, 1.0, np.exp({JC_Z}))) + 0.02 * W1", style="jax-celu-W1-alpha-forgotten", note="ELU's slope (α = 1) for CELU's α = 0.5")
C(JC, "W1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1 / 0.5))", "dW1 = x.T @ dz1 + 0.01 * W1"), "loss-term-factor", oracle=f"x.T @ {JC_DZ} + 0.01 * W1", style="jax-celu-W1-norm-squared-not-doubled")
C(JC, "W1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1 / 0.5))", "dW1 = x.T @ dz1"), "missing-loss-term", oracle=f"x.T @ {JC_DZ}", style="jax-celu-W1-penalty-forgotten")
C(JC, "W1", N, J("# JAX 作业：CELU 在负半轴的导数是 exp(z/α)，范数平方的导数是 2W", *JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1 / 0.5))", "dW1 = x.T @ dz1 + 0.02 * W1"), lang=Z, oracle=f"x.T @ {JC_DZ} + 0.02 * W1", style="zh-jax-celu-W1")
C(JC, "b1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1 / 0.5))", "db1 = dz1.sum(axis=0)"), oracle=f"np.sum({JC_DZ}, axis=0)", style="jax-celu-b1")
C(JC, "b1", N, J(*JH, "dz1 = (dlogits @ W2.T) * jnp.where(z1 > 0, 1.0, jnp.exp(z1 / 0.5))", "db1 = dz1.sum(axis=0) + 0.02 * b1"), "extra-loss-term", oracle=f"np.sum({JC_DZ}, axis=0) + 0.02 * b1", style="jax-celu-b1-penalty-on-bias")

# ================================================================ hn43_addmm_relu6_hardtanh_mv (relu6, hardtanh ±0.5, a 1-D readout by mv)
AD_DO = "(2 * (out - y) / N)"
AD_DZ2 = f"(np.outer({AD_DO}, w3) * ((h2 > -0.5) & (h2 < 0.5)))"
AD_DZ1 = f"({AD_DZ2} @ W2.T * ((h1 > 0) & (h1 < 6)))"
C(AD, "w3", N, J("dout = 2 * (out - y) / N", "dw3 = torch.mv(h2.T, dout)"), oracle=f"h2.T @ {AD_DO}", style="addmm-mv-w3")
C(AD, "w3", N, J("dout = (out - y) / N", "dw3 = torch.mv(h2.T, dout)"), "scale-factor", oracle=f"h2.T @ {AD_DO} / 2", style="addmm-mv-w3-no-2")
C(AD, "W2", N, J("dout = 2 * (out - y) / N", "dz2 = np.outer(dout, w3) * ((h2 > -0.5) & (h2 < 0.5))", "dW2 = h1.T @ dz2"), oracle=f"h1.T @ {AD_DZ2}", style="addmm-hardtanh-W2")
C(AD, "W2", N, J("dout = 2 * (out - y) / N", "dz2 = np.outer(dout, w3) * (np.abs(h2) < 0.5)", "dW2 = h1.T @ dz2"), oracle=f"h1.T @ {AD_DZ2}", style="addmm-hardtanh-abs-W2")
C(AD, "b2", N, J("dout = 2 * (out - y) / N", "dz2 = np.outer(dout, w3) * ((h2 > -0.5) & (h2 < 0.5))", "db2 = dz2.sum(axis=0)"), oracle=f"np.sum({AD_DZ2}, axis=0)", style="addmm-hardtanh-b2")
C(AD, "W1", N, J("# relu6 的导数：0 < h1 < 6 时为 1", "dout = 2 * (out - y) / N", "dz2 = np.outer(dout, w3) * ((h2 > -0.5) & (h2 < 0.5))", "dz1 = dz2 @ W2.T * ((h1 > 0) & (h1 < 6))", "dW1 = x.T @ dz1"), lang=Z, oracle=f"x.T @ {AD_DZ1}", style="zh-addmm-relu6-W1")

# ================================================================ hn43_mish_multi_margin_p2 (multi-class margin 0.5, squared: p = 2)
MM_YO = "np.eye(C)[y.astype(int)]"
MM_G = f"(np.maximum(0, 0.5 - (scores * {MM_YO}).sum(1, keepdims=True) + scores) * (1 - {MM_YO}))"
MM_DS = f"(2 * ({MM_G} - {MM_G}.sum(1, keepdims=True) * {MM_YO}) / (C * N))"
MMH = ["Yo = np.eye(C)[y.astype(int)]", "sy = (scores * Yo).sum(axis=1, keepdims=True)", "marg = np.maximum(0, 0.5 - sy + scores) * (1 - Yo)"]
C(MM, "W2", N, J(*MMH, "ds = 2 * marg / (C * N)", "ds = ds - ds.sum(axis=1, keepdims=True) * Yo", "dW2 = hid.T @ ds"), oracle=f"hid.T @ {MM_DS}", style="multi-margin-p2-W2")
C(MM, "W2", N, J(*MMH, "ds = 2 * marg / N", "ds = ds - ds.sum(axis=1, keepdims=True) * Yo", "dW2 = hid.T @ ds"), "scale-factor", oracle=f"hid.T @ {MM_DS} * C", style="multi-margin-p2-W2-classes-not-averaged")
C(MM, "W2", N, J(*MMH, "ds = 2 * marg / (C * N)", "dW2 = hid.T @ ds"), "*", oracle=f"hid.T @ (2 * {MM_G} / (C * N))", style="multi-margin-p2-W2-true-class-forgotten")
C(MM, "W2", N, J(*MMH, "ds = (marg > 0) / (C * N)", "ds = ds - ds.sum(axis=1, keepdims=True) * Yo", "dW2 = hid.T @ ds"), "*", oracle=f"hid.T @ (({MM_G} > 0) - ({MM_G} > 0).sum(1, keepdims=True) * {MM_YO}) / (C * N)", style="multi-margin-p2-W2-p1-slope")
C(MM, "b2", N, J(*MMH, "ds = 2 * marg / (C * N)", "ds = ds - ds.sum(axis=1, keepdims=True) * Yo", "db2 = ds.sum(axis=0)"), oracle=f"np.sum({MM_DS}, axis=0)", style="multi-margin-p2-b2")
C(MM, "b2", N, J("# 多类间隔损失（p=2）：正确类别的梯度是其余类别之和的相反数", *MMH, "ds = 2 * marg / (C * N)", "ds[np.arange(N), y.astype(int)] = -ds.sum(axis=1)", "db2 = ds.sum(axis=0)"), lang=Z, oracle=f"np.sum({MM_DS}, axis=0)", style="zh-multi-margin-p2-b2")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c44-000, … as written; cases that happen to repeat corpora 2-43 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus44", "c44", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
