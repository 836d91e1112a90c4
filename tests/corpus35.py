"""The held-out-style corpus of issue 11, thirty-fifth round: CODE only, from sources no corpus had
used — CS231n assignment-2 layer functions (``affine_backward(dout, cache)`` with
``x.reshape(x.shape[0], -1)``, ``relu_backward``, the cache unpacked, ``dx, dw, db`` returned),
class-style layers (``class Linear: def backward(self, dout): self.dW = self.x.T @ dout``),
Karpathy's "becoming a backprop ninja" (``dlogits = F.softmax(logits, 1); dlogits[range(n), …] -= 1;
dlogits /= n``, the whole exercise-1 chain through the batch norm), micrograd-style scalar code
(``v_grad``, ``w.grad += …``), CS231n's naive SVM and softmax loops, MIT 6.390's hinge helpers
(column-major), UFLDL's softmax (column-major), CMU 11-785's MyTorch with ``np.ones`` columns,
Keras backend names, Flax/Optax and JAX, and students' mistakes on them; on the built-ins and on
twelve lecturer networks no corpus had used; Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck35"). Built-in cases carry a PyTorch oracle
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


NG = _spec("makemore_ninja")
MG = _spec("hn20_micrograd_moons_svm")
KB = _spec("hn13_keras_backend_mlp")
SV = _spec("hn12_cs231n_svm_newaxis")
UF = _spec("hn32_ufldl_softmax_colmajor_max0")
CM = _spec("hn29_cmu11785_hw1_inline_ones_softmax")
MT = _spec("hn31_mit6390_svm_hinge_colmajor_tie")
FX = _spec("hn15_flax_mlp_optax")
JR = _spec("hn31_jax_ridge_1d_no_values")
LC = _spec("hn34_logcosh_regression_jax_cn")
RB = _spec("hn20_cmu10414_hw2_residual_block")
R1 = _spec("hn31_pytorch_rnncell_many_to_one_1d")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816


def J(*lines: str) -> str:  # noqa: N802
    """A script, one argument a line."""
    return "\n".join(lines)


T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py)
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402
from corpus22 import AT_DO, BN_DY, R2_D1, R2_D2  # noqa: E402

RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"

# ================================================================ mlp-bce: CS231n assignment-2 layer functions
AFF = J(
    "def affine_backward(dout, cache):",
    '    """Computes the backward pass for an affine (fully connected) layer.',
    "",
    "    Inputs: dout, upstream derivative of shape (N, M); cache, a tuple (x, w, b).",
    "    Returns a tuple (dx, dw, db).",
    '    """',
    "    x, w, b = cache",
    "    dx, dw, db = None, None, None",
    "    ###########################################################################",
    "    # TODO: Implement the affine backward pass.                               #",
    "    ###########################################################################",
    "    dx = dout.dot(w.T).reshape(x.shape)",
    "    dw = x.reshape(x.shape[0], -1).T.dot(dout)",
    "    db = np.sum(dout, axis=0)",
    "    ###########################################################################",
    "    #                             END OF YOUR CODE                            #",
    "    ###########################################################################",
    "    return dx, dw, db",
)
RELU = J(
    "def relu_backward(dout, cache):",
    "    dx, x = None, cache",
    "    dx = dout.copy()",
    "    dx[x <= 0] = 0",
    "    return dx",
)
USE = J(
    "dscores = (A2 - Y) / m",
    "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))",
    "dZ1 = relu_backward(dA1, Z1)",
    "dX, dW1, db1 = affine_backward(dZ1, (X, W1, b1))",
)
C(M, "W1", N, J(AFF, RELU, USE), oracle=W1R, style="cs231n-layers-W1")
C(M, "b1", N, J(AFF, RELU, USE), oracle=B1R, style="cs231n-layers-b1")
C(M, "W2", N, J(AFF, RELU, USE), oracle=W2R, style="cs231n-layers-W2")
C(M, "b2", N, J(AFF, RELU, USE), oracle=B2R, style="cs231n-layers-b2")
C(M, "W1", N, J(AFF.replace("dw = x.reshape(x.shape[0], -1).T.dot(dout)", "dw = dout.T.dot(x.reshape(x.shape[0], -1))"), RELU, USE), "*", oracle=f"({W1R}).T", style="cs231n-dw-transposed", note="doutᵀ x is dwᵀ")
C(M, "b2", N, J(AFF.replace("db = np.sum(dout, axis=0)", "db = np.sum(dout, axis=1)"), RELU, USE), "*", style="cs231n-db-axis1", note="m numbers (one per example) for one bias")
C(M, "W1", N, J(AFF, RELU.replace("dx[x <= 0] = 0", "dx[x < 0] = 0"), USE), "relu-at-zero", style="cs231n-relu-strict", note="first labelled right (x == 0 has probability 0); the README's policy (corpora 12, 13): PyTorch's relu'(0) = 0, so a mask keeping the gradient where x = 0 is the relu-at-zero slip — relabelled after the first pass, oracle dropped")
C(M, "W1", N, J(AFF, RELU, USE.replace("dZ1 = relu_backward(dA1, Z1)", "dZ1 = dA1")), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="cs231n-relu-skipped")
C(M, "W2", N, J(AFF, RELU, USE.replace("dscores = (A2 - Y) / m", "dscores = A2 - Y")), "scale-factor", oracle="A1.T @ (A2 - Y)", style="cs231n-no-m")
C(M, "W1", N, J(AFF, RELU, USE.replace("relu_backward(dA1, Z1)", "relu_backward(dA1, A1)")), oracle=W1R, style="cs231n-relu-cache-A1", note="A1 = relu(Z1) > 0 exactly where Z1 > 0: right")
C(M, "W1", N, J(
    "def affine_relu_backward(dout, cache):",
    '    """Backward pass for the affine-relu convenience layer."""',
    "    fc_cache, relu_cache = cache",
    "    da = relu_backward(dout, relu_cache)",
    "    dx, dw, db = affine_backward(da, fc_cache)",
    "    return dx, dw, db",
    AFF,
    RELU,
    "dA1 = (A2 - Y) @ W2.T / m",
    "dX, dW1, db1 = affine_relu_backward(dA1, ((X, W1, b1), Z1))",
), oracle=W1R, style="cs231n-affine-relu-sandwich")
C(M, "W2", N, J(
    "def sigmoid_backward(dout, cache):",
    "    s = cache",
    "    return dout * s * (1 - s)",
    AFF,
    "dA2 = -(Y / A2 - (1 - Y) / (1 - A2)) / m",
    "dZ2 = sigmoid_backward(dA2, A2)",
    "_, dW2, _ = affine_backward(dZ2, (A1, W2, b2))",
), oracle=W2R, style="cs231n-sigmoid-layer")
C(M, "W2", N, J(
    "def sigmoid_backward(dout, cache):",
    "    s = cache",
    "    return dout * s * (1 - s)",
    AFF,
    "dA2 = -(Y / A2 - (1 - Y) / (1 - A2)) / m",
    "dZ2 = sigmoid_backward(dA2, Z2)",
    "_, dW2, _ = affine_backward(dZ2, (A1, W2, b2))",
), "*", oracle="A1.T @ (-(Y / A2 - (1 - Y) / (1 - A2)) / m * Z2 * (1 - Z2))", style="cs231n-sigmoid-cache-Z2", note="s(1 − s) of the pre-activation Z2, not of σ(Z2)")
C(M, "W1", N, J(
    "cache = {'X': X, 'Z1': Z1, 'A1': A1, 'A2': A2}",
    "dZ2 = (cache['A2'] - Y) / m",
    "dA1 = dZ2.dot(W2.T)",
    "dZ1 = dA1 * (cache['Z1'] > 0)",
    "dW1 = cache['X'].T.dot(dZ1)",
), oracle=W1R, style="cache-dict-lookups")
C(M, "W1", N, J(
    "cache = (X, Z1, A1, A2)",
    "X_, Z1_, A1_, A2_ = cache",
    "dZ1 = (A2_ - Y) @ W2.T * (Z1_ > 0) / m",
    "dW1 = X_.T @ dZ1",
), oracle=W1R, style="cache-tuple-unpacked")

# ================================================================ mlp-bce: class-style layers
LIN = J(
    "class Linear:",
    "    def __init__(self, W, b):",
    "        self.W = W",
    "        self.b = b",
    "",
    "    def forward(self, x):",
    "        self.x = x",
    "        return x @ self.W + self.b",
    "",
    "    def backward(self, dout):",
    "        self.dW = self.x.T @ dout",
    "        self.db = dout.sum(axis=0, keepdims=True)",
    "        return dout @ self.W.T",
)
RL = J(
    "class ReLU:",
    "    def forward(self, x):",
    "        self.mask = x > 0",
    "        return x * self.mask",
    "",
    "    def backward(self, dout):",
    "        return dout * self.mask",
)
NET = J(
    "fc1, act, fc2 = Linear(W1, b1), ReLU(), Linear(W2, b2)",
    "out = fc2.forward(act.forward(fc1.forward(X)))",
    "dout = fc2.backward((A2 - Y) / m)",
    "dout = act.backward(dout)",
    "fc1.backward(dout)",
)
C(M, "W1", N, J(LIN, RL, NET, "dW1 = fc1.dW"), oracle=W1R, style="class-layers-W1")
C(M, "b1", N, J(LIN, RL, NET, "db1 = fc1.db"), oracle=B1R, style="class-layers-b1")
C(M, "W2", N, J(LIN, RL, NET, "dW2 = fc2.dW"), oracle=W2R, style="class-layers-W2")
C(M, "W1", N, J(LIN.replace("self.dW = self.x.T @ dout", "self.dW = dout.T @ self.x"), RL, NET, "dW1 = fc1.dW"), "*", oracle=f"({W1R}).T", style="class-layers-dW-transposed")
C(M, "W1", N, J(LIN, RL, NET.replace("dout = act.backward(dout)\n", ""), "dW1 = fc1.dW"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="class-layers-relu-skipped")
C(M, "W2", N, J(
    "class Linear:",
    "    def backward(self, dout):",
    "        self.dW = np.dot(self.x.T, dout)",
    "        return np.dot(dout, self.W.T)",
    "layer = Linear()",
    "layer.x, layer.W = A1, W2",
    "dA1 = layer.backward((A2 - Y) / m)",
    "dW2 = layer.dW",
), oracle=W2R, style="class-attributes-set-outside")
C(M, "W2", N, J(
    "class SigmoidBCE:",
    "    def backward(self, a, y):",
    "        return (a - y) / y.shape[0]",
    "dZ2 = SigmoidBCE().backward(A2, Y)",
    "dW2 = A1.T @ dZ2",
), oracle=W2R, style="class-loss-layer")

# ================================================================ mlp-bce: other course habits
C(M, "W2", N, "kernel_grad = K.dot(K.transpose(A1), A2 - Y) / m", oracle=W2R, style="keras-names-kernel-grad")
C(M, "b2", N, "bias_grad = K.mean(A2 - Y, axis=0)", oracle=B2R, style="keras-names-bias-grad")
C(M, "W1", N, J(
    "def backward(X: np.ndarray, Y: np.ndarray, params: dict[str, np.ndarray], cache: dict[str, np.ndarray]) -> dict[str, np.ndarray]:",
    "    m = X.shape[0]",
    "    W2 = params['W2']",
    "    Z1, A1, A2 = cache['Z1'], cache['A1'], cache['A2']",
    "    dZ2 = A2 - Y",
    "    dZ1 = np.multiply(np.dot(dZ2, W2.T), np.int64(Z1 > 0))",
    "    grads = {'dW1': 1.0 / m * np.dot(X.T, dZ1)}",
    "    return grads",
    "dW1 = backward(X, Y, {'W2': W2}, {'Z1': Z1, 'A1': A1, 'A2': A2})['dW1']",
), oracle=W1R, style="typed-dict-params-int64-mask")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)",
    "dW1 = 1 / m * np.dot(X.T, dZ1)",
    "dW1 = dW1 + 0",
    "dW1 = dW1.reshape(W1.shape)",
), oracle=W1R, style="reshape-to-W1-shape")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * np.heaviside(Z1, 0)",
    "dW1 = np.dot(X.T, dZ1) / m",
), oracle=W1R, style="heaviside-mask")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * np.sign(A1)",
    "dW1 = np.dot(X.T, dZ1) / m",
), oracle=W1R, style="sign-of-A1-mask", note="sign(relu(z)) is 1 where z > 0 and 0 elsewhere: the ReLU slope")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * np.sign(Z1)",
    "dW1 = np.dot(X.T, dZ1) / m",
), "*", style="sign-of-Z1-mask", note="sign(z) is −1 where z < 0: the negative entries flipped, not zeroed")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * np.maximum(Z1, 0)",
    "dW1 = np.dot(X.T, dZ1) / m",
), "*", style="relu-value-as-slope", note="relu(z) is no 0/1 mask")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)",
    "dW1 = np.dot(X.T, dZ1) / m",
    "dW1 = dW1 / m",
), "scale-factor", oracle=f"{W1R} / m", style="divided-again-on-a-new-line")
C(M, "b1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)",
    "db1 = np.sum(dZ1, axis=0, keepdims=True)",
), "scale-factor", oracle=f"m * {B1R}", style="b1-no-m")
C(M, "b1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)",
    "db1 = np.sum(dZ1, axis=0, keepdims=True) / m + lambd / m * b1",
), REFUSE, style="b1-regularised", note="this network's loss has no regularisation at all: lambd is no name of it — an undefined name, unreadable as corpus 34's undefined helper (first labelled wrong; relabelled after the first pass)")
C(M, "W2", N, J("dZ2 = A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), "*", oracle="A1.T @ (A2 * (1 - A2)) / m", style="W2-slope-only", note="σ′ without the loss's derivative")
C(M, "W2", N, J("dZ2 = (A2 - Y) * A2 * (1 - A2)", "dW2 = A1.T @ dZ2 / m"), "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="W2-mse-habit-on-bce", note="σ′ applied twice: (A2 − Y) already is ∂L/∂Z2 for the cross-entropy")
C(M, "W2", N, J("dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = 1. / m * np.dot(A1.T, dZ2)"), oracle=W2R, style="ng-dA2-divide")
C(M, "W2", N, J("dA2 = -(np.divide(Y, A2) + np.divide(1 - Y, 1 - A2))", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = 1. / m * np.dot(A1.T, dZ2)"), "*", oracle="A1.T @ (-(Y / A2 + (1 - Y) / (1 - A2)) * A2 * (1 - A2)) / m", style="ng-dA2-plus-slip")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.dot(dZ2.T, A1).T / m"), oracle=W2R, style="transposed-back")
C(M, "W2", N, "dW2 = np.matmul(np.transpose(A1), A2 - Y) / np.size(Y)", oracle=W2R, style="np-size-of-Y", note="Y is m × 1: its size is m")
C(M, "W1", N, "dW1 = X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / np.size(Z1)", "scale-factor", oracle=f"{W1R} / n_h", style="np-size-of-Z1", note="Z1 is m × n_h: m·n_h, not m")
C(M, "W1", N, J("dW1 = W1.grad  # after loss.backward()"), REFUSE, style="autograd-grad-attribute")
C(M, "W2", N, J("loss.backward()", "dW2 = W2.grad"), REFUSE, style="autograd-backward-call")
C(M, "W1", N, J("### START CODE HERE ### (≈ 2 lines)", "dZ1 = None", "dW1 = None", "### END CODE HERE ###"), REFUSE, style="start-code-none-twice")
C(M, "W1", N, J("# 反向传播（CS231n 作业二的写法）", "dA1 = ((A2 - Y) / m).dot(W2.T)", "dZ1 = dA1.copy()", "dZ1[Z1 <= 0] = 0  # ReLU 的梯度", "dW1 = X.reshape(X.shape[0], -1).T.dot(dZ1)"), lang=Z, oracle=W1R, style="zh-cs231n-W1")
C(M, "W2", N, J("# 类的写法：先保存输入，再反传", "class Linear:", "    def backward(self, dout):", "        self.dW = self.x.T @ dout", "        return dout @ self.W.T", "fc2 = Linear()", "fc2.x, fc2.W = A1, W2", "fc2.backward(A2 - Y)", "dW2 = fc2.dW  # 忘了除以 m"), "scale-factor", lang=Z, oracle="A1.T @ (A2 - Y)", style="zh-class-no-m")

# ================================================================ mlp-bce-weighted (pos_weight w)
WDZ = "((1 - Y) * A2 - w * Y * (1 - A2))"
C(MW, "W2", N, J("# BCEWithLogitsLoss(pos_weight=w)", "dlogits = (A2 * (1 + (w - 1) * Y) - w * Y) / m", "dW2 = A1.T @ dlogits"), oracle=f"A1.T @ {WDZ} / m", style="w-pos-weight-torch-form")
C(MW, "W2", N, J("dlogits = (A2 - w * Y) / m", "dW2 = A1.T @ dlogits"), "*", oracle="A1.T @ (A2 - w * Y) / m", style="w-naive-weight")
C(MW, "b2", N, J("dlogits = (A2 * (1 + (w - 1) * Y) - w * Y) / m", "db2 = dlogits.sum(axis=0, keepdims=True)"), oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="w-b2-torch-form")
C(MW, "W2", N, J("dlogits = w * (A2 - Y) / m", "dW2 = A1.T @ dlogits"), "*", oracle="w * A1.T @ (A2 - Y) / m", style="w-weight-everything")

# ================================================================ softmax-regression: backprop-ninja style
C(S, "W", N, J("dlogits = F.softmax(Z, 1)", "dlogits[range(m), Y.argmax(1)] -= 1", "dlogits /= m", "dW = X.T @ dlogits"), oracle=SW, style="ninja-dlogits-W")
C(S, "b", N, J("dlogits = F.softmax(Z, 1)", "dlogits[range(m), Y.argmax(1)] -= 1", "dlogits /= m", "db = dlogits.sum(0, keepdim=True)"), oracle=SB, style="ninja-dlogits-b")
C(S, "W", N, J("dlogits = F.softmax(Z, 1)", "dlogits[range(m), Y.argmax(1)] -= 1", "dW = X.T @ dlogits"), "scale-factor", oracle=f"m * {SW}", style="ninja-no-divide")
C(S, "W", N, J("dlogits = F.softmax(Z, 1)", "dlogits[range(m), Y.argmax(1)] += 1", "dlogits /= m", "dW = X.T @ dlogits"), "*", oracle="X.T @ (P + Y) / m", style="ninja-plus-one")
C(S, "W", N, J("dlogits = F.softmax(Z, 0)", "dlogits -= Y", "dlogits /= m", "dW = X.T @ dlogits"), "*", style="ninja-softmax-dim0", note="softmax over the examples, not the classes")
C(S, "W", N, J("dlogits = torch.softmax(Z, dim=1) - F.one_hot(Y.argmax(1), num_classes=k)", "dW = X.T @ dlogits / m"), oracle=SW, style="one-hot-of-argmax")
C(S, "W", N, J(
    "dW = np.zeros_like(W)",
    "for i in range(m):",
    "    scores = X[i].dot(W) + b[0]",
    "    scores -= np.max(scores)",
    "    p = np.exp(scores) / np.sum(np.exp(scores))",
    "    for j in range(k):",
    "        dW[:, j] += (p[j] - Y[i, j]) * X[i]",
    "dW /= m",
), oracle=SW, style="cs231n-softmax-naive-loop")
C(S, "W", N, J(
    "def softmax_loss_vectorized(W, X, y_onehot):",
    "    num_train = X.shape[0]",
    "    scores = X.dot(W) + b",
    "    scores -= scores.max(axis=1, keepdims=True)",
    "    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)",
    "    dW = X.T.dot(p - y_onehot) / num_train",
    "    return dW",
    "dW = softmax_loss_vectorized(W, X, Y)",
), oracle=SW, style="cs231n-softmax-vectorized-shift")
C(S, "W", N, J("scores = X.dot(W) + b", "p = np.exp(scores) / np.exp(scores).sum(axis=1)", "dW = X.T.dot(p - Y) / m"), "*", style="softmax-sum-no-keepdims", note="(m × k) / (m,): a shape error (or a wrong broadcast when m = k)")
C(S, "b", N, J("dlogits = (P - Y) / m", "db = dlogits.sum(1, keepdim=True)"), "*", style="ninja-b-dim1", note="the class sums: zeros, m × 1")
C(S, "W", N, J("# 每个样本：概率减去真实类别处的 1", "dlogits = F.softmax(Z, 1)", "dlogits[range(m), Y.argmax(1)] -= 1", "dW = X.T @ dlogits / m"), lang=Z, oracle=SW, style="zh-ninja-W")

# ================================================================ relu-mlp (PyTorch's own warm-up tutorial, several spellings)
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h_relu = grad_y_pred.dot(w2.T)", "grad_h = grad_h_relu.copy()", "grad_h[h < 0] = 0", "grad_w1 = x.T.dot(grad_h)"), oracle=RW1, style="tutorial-numpy-w1")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h_relu = grad_y_pred.mm(w2.t())", "grad_h = torch.where(h > 0, grad_h_relu, torch.zeros_like(grad_h_relu))", "grad_w1 = x.t().mm(grad_h)"), oracle=RW1, style="tutorial-torch-where")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h = grad_y_pred.mm(w2.t()) * h.gt(0).double()", "grad_w1 = x.t().mm(grad_h)"), oracle=RW1, style="tutorial-gt-double")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h = grad_y_pred.mm(w2.t()) * (h_relu > 0)", "grad_w1 = x.t().mm(grad_h)"), oracle=RW1, style="tutorial-mask-of-h-relu")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h_relu = grad_y_pred.mm(w2.t())", "grad_w1 = x.t().mm(grad_h_relu)"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="tutorial-no-mask")
C(R, "w2", N, J("grad_y_pred = 2.0 * (y_pred - y) / n", "grad_w2 = h_relu.t().mm(grad_y_pred)"), "scale-factor", oracle=f"{RW2} / n", style="tutorial-mean-habit", note="the loss is a sum: no 1/n")
C(R, "w2", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = h.t().mm(grad_y_pred)"), "*", oracle="2 * h.T @ (y_pred - y)", style="tutorial-h-not-h-relu", note="the pre-activation h: negative entries kept")
C(R, "w2", N, J(
    "class MyReLU(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, input):",
    "        ctx.save_for_backward(input)",
    "        return input.clamp(min=0)",
    "    @staticmethod",
    "    def backward(ctx, grad_output):",
    "        input, = ctx.saved_tensors",
    "        grad_input = grad_output.clone()",
    "        grad_input[input < 0] = 0",
    "        return grad_input",
    "grad_y_pred = 2.0 * (y_pred - y)",
    "grad_w2 = h_relu.t().mm(grad_y_pred)",
), oracle=RW2, style="autograd-function-defined-unused")
C(R, "w1", N, J("g = 2 * (y_pred - y) @ w2.T", "g[h <= 0] = 0", "grad_w1 = torch.mm(x.T, g)", "print(grad_w1.shape)"), oracle=RW1, style="tutorial-terse-print")
C(R, "w1", N, J("# 两层网络：先算输出层，再乘 ReLU 的 0/1 掩码", "grad_h = 2.0 * (y_pred - y) @ w2.T", "grad_h[h < 0] = 0", "grad_w1 = x.T @ grad_h"), "relu-at-zero", lang=Z, style="zh-tutorial-w1", note="first labelled right; the README's policy (corpora 12, 13: PyTorch's relu'(0) = 0): relabelled after the first pass, oracle dropped")

# ================================================================ tiny-mlp
C(T, "W1", N, J("delta = (y_pred - y_target) * W2.T * h * (1 - h)", "dW1 = np.outer(X, delta)"), oracle=TW1, style="tiny-outer-X-delta")
C(T, "W1", N, J("delta = (y_pred - y_target) * W2.T * h * (1 - h)", "dW1 = np.outer(delta, X)"), "*", oracle=f"({TW1}).T", style="tiny-outer-swapped")
C(T, "W2", N, "dW2 = h.reshape(-1, 1) * (y_pred - y_target)", oracle=TW2, style="tiny-reshape-column")
C(T, "W2", N, "dW2 = (y_pred - y_target) * h", "*", style="tiny-row-for-column", note="1 × n_h for an n_h × 1 weight")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T * sigmoid(h_raw) * (1 - sigmoid(h_raw)))", oracle=TW1, style="tiny-sigmoid-of-h-raw")
C(T, "W2", N, "dW2 = 2 * h.T * (y_pred - y_target)", "scale-factor", oracle=f"2 * {TW2}", style="tiny-mse-two")
C(T, "W1", N, J(
    "class Sigmoid:",
    "    def backward(self, dout):",
    "        return dout * self.out * (1.0 - self.out)",
    "sig = Sigmoid()",
    "sig.out = h",
    "dh_raw = sig.backward((y_pred - y_target) * W2.T)",
    "dW1 = X.T @ dh_raw",
), oracle=TW1, style="tiny-class-sigmoid-out")
C(T, "W1", N, J("# 隐藏层 sigmoid 的导数 h(1-h)", "dh = (y_pred - y_target) @ W2.T", "dW1 = X.T @ (dh * h * (1 - h))"), lang=Z, oracle=TW1, style="zh-tiny-W1")

# ================================================================ neuron and chain: micrograd-style scalar code
C(E, "w", N, J("O_grad = O - t", "z_grad = O_grad * O * (1 - O)", "w_grad = z_grad * x"), oracle=EW, style="micrograd-underscore-grad")
C(E, "w", N, J("dz = (O - t) * O * (1 - O)", "dw = np.dot(dz, x)"), oracle=EW, style="neuron-np-dot-1x1")
C(E, "w", N, "dw = (O - t) * sigmoid(z) * (1 - sigmoid(z)) * x", oracle=EW, style="neuron-sigmoid-of-z")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * w", "*", style="neuron-times-w", note="w for x: the input's gradient's factor")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x / n", "scale-factor", oracle=f"{EW} / n", style="neuron-over-n")
C(CH, "w", N, J("L_grad = 1.0", "v_grad = 2 * v * L_grad", "w_grad = x * v_grad"), style="micrograd-chain-w")
C(CH, "b", N, J("L_grad = 1.0", "v_grad = 2 * v * L_grad", "b_grad = 1.0 * v_grad"), style="micrograd-chain-b")
C(CH, "w", N, J("v_grad = 2 * v", "w_grad = v_grad"), "*", style="micrograd-chain-w-as-b", note="∂L/∂b for ∂L/∂w")
C(CH, "w", N, J("v_grad = v", "w_grad = x * v_grad"), "scale-factor", style="micrograd-chain-half")
C(CH, "b", N, J("# 链式法则：L = v², v = wx + b", "db = 2 * (w * x + b)"), lang=Z, style="zh-chain-b")

# ================================================================ rnn, attention, batchnorm
C(R2, "W_x", N, J(
    "xs, hs = [x_1, x_2], [h_0, h_1, h_2]",
    "dW_x = np.zeros_like(W_x)",
    "dh = h_2 - y",
    "for t in reversed(range(2)):",
    "    dz = dh * (1 - hs[t + 1] ** 2)",
    "    dW_x += xs[t].T @ dz",
    "    dh = dz @ W_h.T",
), oracle=RWX, style="rnn-bptt-lists-reversed")
C(R2, "W_h", N, J(
    "xs, hs = [x_1, x_2], [h_0, h_1, h_2]",
    "dW_h = np.zeros_like(W_h)",
    "dh = h_2 - y",
    "for t in [1, 0]:",
    "    dz = dh * (1 - hs[t + 1] ** 2)",
    "    dW_h += hs[t].T @ dz",
    "    dh = dz @ W_h.T",
), oracle=RWH, style="rnn-bptt-lists-literal")
C(R2, "W_x", N, J(
    "xs, hs = [x_1, x_2], [h_0, h_1, h_2]",
    "dW_x = np.zeros_like(W_x)",
    "dh = h_2 - y",
    "for t in reversed(range(2)):",
    "    dW_x += xs[t].T @ dh",
    "    dh = dh @ W_h.T",
), "missing-activation-derivative", oracle="x_2.T @ (h_2 - y) + x_1.T @ ((h_2 - y) @ W_h.T)", style="rnn-bptt-no-tanh")
C(R2, "W_x", N, J(
    "dz2 = (h_2 - y) * (1 - h_2 ** 2)",
    "dz1 = dz2 @ W_h * (1 - h_1 ** 2)",
    "dW_x = x_2.T @ dz2 + x_1.T @ dz1",
), "*", oracle=f"x_2.T @ {R2_D2} + x_1.T @ ({R2_D2} @ W_h * (1 - h_1 ** 2))", style="rnn-W-h-not-transposed", note="W_h is square and not symmetric")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.shape[0] / O.shape[1]", "dW_v = X.T @ A.T @ dO"), oracle=AWV, style="att-left-to-right-product", note="(XᵀAᵀ)dO = Xᵀ(AᵀdO): right")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = (A @ X).T @ dO"), oracle=AWV, style="att-AX-transposed")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = X.T @ dO"), "*", oracle=f"X.T @ {AT_DO}", style="att-A-skipped")
C(B, "gamma", N, J("dY = 2 * (Y - T) / Y.size", "dgamma = np.sum(dY * (Z - mu) / np.sqrt(var + eps), axis=0, keepdims=True)"), oracle=BGM, style="bn-gamma-recomputed-zhat")
C(B, "gamma", N, J("dY = 2 * (Y - T) / Y.size", "dgamma = np.sum(dY * Z_c, axis=0, keepdims=True)"), "*", oracle=f"np.sum({BN_DY} * Z_c, axis=0, keepdims=True)", style="bn-gamma-centred-only")
C(B, "beta", N, "dbeta = np.mean(2 * (Y - T), axis=0, keepdims=True) / n", oracle=BBT, style="bn-beta-mean-then-n")
C(B, "beta", N, "dbeta = 2 * (Y - T).mean(0, keepdims=True)", "scale-factor", oracle=f"n * {BBT}", style="bn-beta-no-n")

_round = "b"
# ================================================================ makemore "becoming a backprop ninja" (exercise 1 and 2)
NG_DL = "((probs - Yb) / n)"
NG_DH = f"({NG_DL} @ W2.T * (1 - h ** 2))"
NG_HB = f"(bngain * bnvar_inv / n * (n * {NG_DH} - {NG_DH}.sum(0, keepdims=True) - n / (n - 1) * bnraw * ({NG_DH} * bnraw).sum(0, keepdims=True)))"
NINJA = J(
    "dlogits = F.softmax(logits, 1)",
    "dlogits[range(n), Yb.argmax(1)] -= 1",
    "dlogits /= n",
)
C(NG, "W2", N, J(NINJA, "dW2 = h.T @ dlogits"), oracle=f"h.T @ {NG_DL}", style="ninja-W2")
C(NG, "b2", N, J(NINJA, "db2 = dlogits.sum(0)"), oracle=f"{NG_DL}.sum(0)", style="ninja-b2")
C(NG, "W2", N, J("dlogits = F.softmax(logits, 1)", "dlogits[range(n), Yb.argmax(1)] -= 1", "dW2 = h.T @ dlogits"), "scale-factor", oracle=f"n * h.T @ {NG_DL}", style="ninja-W2-no-n")
C(NG, "W2", N, J("dlogits = F.softmax(logits, 1) / n", "dW2 = h.T @ dlogits"), "*", oracle="h.T @ (probs / n)", style="ninja-W2-no-onehot")
C(NG, "W2", N, J("dlogits = (probs - Yb) / n", "dW2 = dlogits.T @ h"), "*", style="ninja-W2-transposed", note="vocab × hidden for hidden × vocab (3 × 4 vs 4 × 3)")
C(NG, "bnbias", N, J(NINJA, "dh = dlogits @ W2.T", "dhpreact = (1.0 - h**2) * dh", "dbnbias = dhpreact.sum(0, keepdim=True)"), oracle=f"{NG_DH}.sum(0, keepdims=True)", style="ninja-bnbias")
C(NG, "bngain", N, J(NINJA, "dh = dlogits @ W2.T", "dhpreact = (1.0 - h**2) * dh", "dbngain = (bnraw * dhpreact).sum(0, keepdim=True)"), oracle=f"({NG_DH} * bnraw).sum(0, keepdims=True)", style="ninja-bngain")
C(NG, "bngain", N, J(NINJA, "dh = dlogits @ W2.T", "dhpreact = (1.0 - h**2) * dh", "dbngain = dhpreact.sum(0, keepdim=True)"), "*", oracle=f"{NG_DH}.sum(0, keepdims=True)", style="ninja-bngain-no-bnraw")
C(NG, "bnbias", N, J(NINJA, "dh = dlogits @ W2.T", "dhpreact = h * (1 - h) * dh", "dbnbias = dhpreact.sum(0, keepdim=True)"), "wrong-activation-derivative", oracle=f"({NG_DL} @ W2.T * h * (1 - h)).sum(0, keepdims=True)", style="ninja-sigmoid-slope-for-tanh")
C(NG, "bnbias", N, J(NINJA, "dh = dlogits @ W2.T", "dbnbias = dh.sum(0, keepdim=True)"), "missing-activation-derivative", oracle=f"({NG_DL} @ W2.T).sum(0, keepdims=True)", style="ninja-no-tanh")
C(NG, "bnbias", N, J(NINJA, "dh = dlogits @ W2.T", "dhpreact = (1.0 - h**2) * dh", "dbnbias = dhpreact.sum(1, keepdim=True)"), "*", style="ninja-bnbias-dim1", note="n × 1 for 1 × n_hidden")
C(NG, "W1", N, J(
    NINJA,
    "dh = dlogits @ W2.T",
    "dhpreact = (1.0 - h**2) * dh",
    "dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0))",
    "dW1 = embcat.T @ dhprebn",
), oracle=f"embcat.T @ {NG_HB}", style="ninja-W1-exercise3-formula")
C(NG, "W1", N, J(
    NINJA,
    "dh = dlogits @ W2.T",
    "dhpreact = (1.0 - h**2) * dh",
    "dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - bnraw*(dhpreact*bnraw).sum(0))",
    "dW1 = embcat.T @ dhprebn",
), "*", style="ninja-W1-no-bessel", note="the spec's variance divides by n − 1: the n/(n − 1) factor is needed")
C(NG, "W1", N, J(
    NINJA,
    "dh = dlogits @ W2.T",
    "dhpreact = (1.0 - h**2) * dh",
    "dhprebn = bngain * bnvar_inv * dhpreact",
    "dW1 = embcat.T @ dhprebn",
), "*", oracle=f"embcat.T @ (bngain * bnvar_inv * {NG_DH})", style="ninja-W1-bn-as-scale", note="the batch mean and variance treated as constants")
C(NG, "W1", N, J(
    "dlogprobs = torch.zeros_like(logprobs)",
    "dlogprobs[range(n), Yb.argmax(1)] = -1.0/n",
    "dprobs = (1.0 / probs) * dlogprobs",
    "dcounts_sum_inv = (counts * dprobs).sum(1, keepdim=True)",
    "dcounts = counts_sum_inv * dprobs",
    "dcounts_sum = (-counts_sum**-2) * dcounts_sum_inv",
    "dcounts += torch.ones_like(counts) * dcounts_sum",
    "dnorm_logits = counts * dcounts",
    "dlogits = dnorm_logits.clone()",
    "dlogit_maxes = (-dnorm_logits).sum(1, keepdim=True)",
    "dlogits += F.one_hot(logits.max(1).indices, num_classes=logits.shape[1]) * dlogit_maxes",
    "dh = dlogits @ W2.T",
    "dhpreact = (1.0 - h**2) * dh",
    "dbnraw = bngain * dhpreact",
    "dbndiff = bnvar_inv * dbnraw",
    "dbnvar_inv = (bndiff * dbnraw).sum(0, keepdim=True)",
    "dbnvar = (-0.5*(bnvar + 1e-5)**-1.5) * dbnvar_inv",
    "dbndiff2 = (1.0/(n-1))*torch.ones_like(bndiff2) * dbnvar",
    "dbndiff += (2*bndiff) * dbndiff2",
    "dhprebn = dbndiff.clone()",
    "dbnmeani = (-dbndiff).sum(0)",
    "dhprebn += 1.0/n * (torch.ones_like(hprebn) * dbnmeani)",
    "dW1 = embcat.T @ dhprebn",
), oracle=f"embcat.T @ {NG_HB}", style="ninja-exercise1-whole-chain")
C(NG, "b1", N, J(
    NINJA,
    "dh = dlogits @ W2.T",
    "dhpreact = (1.0 - h**2) * dh",
    "dhprebn = bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0))",
    "db1 = dhprebn.sum(0)",
), oracle=f"{NG_HB}.sum(0)", style="ninja-b1-zero", note="≈ 0: a bias before batch norm")
C(NG, "W2", N, J("dlogprobs = -Yb / n", "dprobs = dlogprobs / probs", "dlogits = probs * (dprobs - (dprobs * probs).sum(1, keepdim=True))", "dW2 = h.T @ dlogits"), oracle=f"h.T @ {NG_DL}", style="ninja-softmax-jacobian-rows")
C(NG, "W2", N, J("# 交叉熵对 logits 的梯度：softmax 减去 one-hot，再除以 n", "dlogits = F.softmax(logits, 1) - Yb", "dlogits /= n", "dW2 = h.T @ dlogits"), lang=Z, oracle=f"h.T @ {NG_DL}", style="zh-ninja-W2")

# ================================================================ micrograd moons demo: SVM max-margin loss, L2 on every parameter
MG_DS = "(-yb * (1 - yb * scores > 0) / 4)"
MG_D2 = f"({MG_DS} @ W3.T * (h2 > 0))"
C(MG, "W3", N, J("dscores = np.where(1 - yb * scores > 0, -yb, 0) / len(yb)", "dW3 = h2.T @ dscores + 2 * alpha * W3"), oracle=f"h2.T @ {MG_DS} + 2 * alpha * W3", style="mg-W3")
C(MG, "W3", N, J("dscores = np.where(1 - yb * scores > 0, -yb, 0) / len(yb)", "dW3 = h2.T @ dscores + alpha * W3"), "*", oracle=f"h2.T @ {MG_DS} + alpha * W3", style="mg-W3-reg-half")
C(MG, "W3", N, J("dscores = np.where(1 - yb * scores > 0, -yb, 0) / len(yb)", "dW3 = h2.T @ dscores"), "missing-loss-term", oracle=f"h2.T @ {MG_DS}", style="mg-W3-no-reg")
C(MG, "b3", N, J("dscores = -yb * (1 + -yb * scores > 0) / 4", "db3 = dscores.sum(0, keepdims=True) + 2 * alpha * b3"), oracle=f"{MG_DS}.sum(0, keepdims=True) + 2 * alpha * b3", style="mg-b3-regularised", note="micrograd's demo puts every parameter, biases too, in the L2 sum")
C(MG, "b3", N, J("dscores = -yb * (1 + -yb * scores > 0) / 4", "db3 = dscores.sum(0, keepdims=True)"), "*", oracle=f"{MG_DS}.sum(0, keepdims=True)", style="mg-b3-reg-forgotten")
C(MG, "W3", N, J("dscores = -yb / len(yb)", "dW3 = h2.T @ dscores + 2 * alpha * W3"), "*", style="mg-W3-no-margin-mask", note="the hinge's mask dropped: at the example point every margin is active (scores ≈ 0), so a one-point oracle cannot tell (it had one and disagreed: dropped); wrong wherever a margin is inactive")
C(MG, "W2", N, J("dscores = -yb * (1 - yb * scores > 0) / 4", "dh2 = dscores @ W3.T * (h2 > 0)", "dW2 = h1.T @ dh2 + 2 * alpha * W2"), oracle=f"h1.T @ {MG_D2} + 2 * alpha * W2", style="mg-W2")
C(MG, "W2", N, J("dscores = -yb * (1 - yb * scores > 0) / 4", "dh2 = dscores @ W3.T", "dW2 = h1.T @ dh2 + 2 * alpha * W2"), "missing-activation-derivative", oracle=f"h1.T @ ({MG_DS} @ W3.T) + 2 * alpha * W2", style="mg-W2-no-relu")
C(MG, "W3", N, J(
    "# micrograd: every Value's grad is the sum over the uses of its node",
    "grads = np.zeros_like(W3)",
    "for i in range(4):",
    "    if 1 - yb[i, 0] * scores[i, 0] > 0:",
    "        grads += -yb[i, 0] * h2[i:i+1].T / 4",
    "grads += 2 * alpha * W3",
    "dW3 = grads",
), oracle=f"h2.T @ {MG_DS} + 2 * alpha * W3", style="mg-loop-with-if")

# ================================================================ Keras backend MLP: tanh, softplus, mean absolute error
KB_DO = "(np.sign(out - y) / n)"
KB_DP = f"({KB_DO} * sigmoid(h1 @ W2))"
KB_DH = f"({KB_DP} @ W2.T * (1 - h1 ** 2))"
C(KB, "W2", N, J("dout = K.sign(out - y) / n", "dpre = dout * K.sigmoid(K.dot(h1, W2))", "dW2 = K.dot(K.transpose(h1), dpre)"), oracle=f"h1.T @ {KB_DP}", style="kb-W2")
C(KB, "W2", N, J("dout = K.sign(y - out) / n", "dpre = dout * K.sigmoid(K.dot(h1, W2))", "dW2 = K.dot(K.transpose(h1), dpre)"), "sign", oracle=f"-h1.T @ {KB_DP}", style="kb-W2-sign")
C(KB, "W2", N, J("dout = K.sign(out - y) / n", "dW2 = K.dot(K.transpose(h1), dout)"), "missing-activation-derivative", oracle=f"h1.T @ {KB_DO}", style="kb-W2-no-softplus")
C(KB, "W2", N, J("dout = (out - y) / n", "dpre = dout * K.sigmoid(K.dot(h1, W2))", "dW2 = K.dot(K.transpose(h1), dpre)"), "*", oracle="h1.T @ ((out - y) / n * sigmoid(h1 @ W2))", style="kb-W2-mse-habit")
C(KB, "W1", N, J("dout = K.sign(out - y) / n", "dpre = dout * K.sigmoid(K.dot(h1, W2))", "dh = K.dot(dpre, K.transpose(W2)) * (1 - K.square(h1))", "dW1 = K.dot(K.transpose(x), dh)"), oracle=f"x.T @ {KB_DH}", style="kb-W1")
C(KB, "b1", N, J("dout = K.sign(out - y) / n", "dpre = dout * K.sigmoid(K.dot(h1, W2))", "dh = K.dot(dpre, K.transpose(W2)) * (1 - K.square(h1))", "db1 = K.sum(dh, axis=0)"), oracle=f"np.sum({KB_DH}, axis=0)", style="kb-b1")
C(KB, "b1", N, J("dout = K.sign(out - y) / n", "dpre = dout * K.sigmoid(K.dot(h1, W2))", "dh = K.dot(dpre, K.transpose(W2)) * h1 * (1 - h1)", "db1 = K.sum(dh, axis=0)"), "wrong-activation-derivative", oracle=f"np.sum({KB_DP} @ W2.T * h1 * (1 - h1), axis=0)", style="kb-b1-sigmoid-slope")

# ================================================================ CS231n SVM, vectorised with np.newaxis (and the naive loops)
SV_M = "((x - x[np.arange(N), y.astype(int)][:, None] + 1.0 > 0) * (1 - np.eye(C)[y.astype(int)]))"
SV_G = f"({SV_M} - np.eye(C)[y.astype(int)] * {SV_M}.sum(1, keepdims=True))"
SV_W = f"X.T @ {SV_G} / N + 2 * reg * W"
SVV = J(
    "margins = np.maximum(0, x - correct_class_scores[:, np.newaxis] + 1.0)",
    "margins[np.arange(N), y] = 0",
    "binary = margins",
    "binary[margins > 0] = 1",
    "row_sum = np.sum(binary, axis=1)",
    "binary[np.arange(N), y] = -row_sum.T",
)
C(SV, "W", N, J(SVV, "dW = np.dot(X.T, binary) / N + 2 * reg * W"), oracle=SV_W, style="svm-vectorised")
C(SV, "W", N, J(SVV, "dW = np.dot(X.T, binary) / N + reg * W"), "*", oracle=f"X.T @ {SV_G} / N + reg * W", style="svm-vectorised-reg-half")
C(SV, "W", N, J(SVV, "dW = np.dot(X.T, binary) / N"), "missing-loss-term", oracle=f"X.T @ {SV_G} / N", style="svm-vectorised-no-reg")
C(SV, "W", N, J(SVV.replace("margins[np.arange(N), y] = 0\n", ""), "dW = np.dot(X.T, binary) / N + 2 * reg * W"), "*", oracle=f"X.T @ ({SV_G} - np.eye(C)[y.astype(int)]) / N + 2 * reg * W", style="svm-correct-class-not-zeroed", note="the correct class's own margin (1) counted in row_sum")
C(SV, "W", N, J(
    "dW = np.zeros(W.shape)",
    "num_classes = W.shape[1]",
    "num_train = X.shape[0]",
    "for i in range(num_train):",
    "    scores = X[i].dot(W)",
    "    correct_class_score = scores[y[i]]",
    "    for j in range(num_classes):",
    "        if j == y[i]:",
    "            continue",
    "        margin = scores[j] - correct_class_score + 1",
    "        if margin > 0:",
    "            dW[:, j] += X[i]",
    "            dW[:, y[i]] -= X[i]",
    "dW /= num_train",
    "dW += 2 * reg * W",
), oracle=SV_W, style="svm-naive-loops")
C(SV, "W", N, J(
    "mask = (margins > 0).astype(float)",
    "mask[np.arange(N), y] = 0",
    "mask[np.arange(N), y] = -mask.sum(axis=1)",
    "dW = X.T @ mask / N + 2 * reg * W",
), oracle=SV_W, style="svm-mask-astype")
C(SV, "W", N, J(
    "mask = (margins > 0).astype(float)",
    "mask[np.arange(N), y] = 0",
    "mask[np.arange(N), y] = -mask.sum(axis=1)",
    "dW = mask.T @ X / N + 2 * reg * W",
), "*", style="svm-mask-transposed", note="C × D (3 × 2) for D × C (2 × 3): never ✓")
C(SV, "W", N, J("# 每个违反间隔的类加上 x_i，正确类减去违反的次数乘 x_i", "mask = (margins > 0).astype(float)", "mask[np.arange(N), y] = 0", "mask[np.arange(N), y] = -mask.sum(axis=1)", "dW = X.T.dot(mask) / N + 2 * reg * W"), lang=Z, oracle=SV_W, style="zh-svm")

# ================================================================ UFLDL softmax regression, column-major (k × m)
UF_D = "((P - Y) / m)"
C(UF, "W", N, "thetagrad = -1 / m * (Y - P) @ X.T", oracle=f"{UF_D} @ X.T", style="ufldl-thetagrad")
C(UF, "W", N, "dW = np.dot(P - Y, X.T) / m", oracle=f"{UF_D} @ X.T", style="uf-dW")
C(UF, "W", N, "dW = np.dot(X, (P - Y).T) / m", "*", style="uf-dW-row-major-habit", note="n × k for k × n")
C(UF, "W", N, "dW = np.dot(Y - P, X.T) / m", "sign", oracle=f"-{UF_D} @ X.T", style="uf-dW-sign")
C(UF, "W", N, "dW = np.dot(P - Y, X.T)", "scale-factor", oracle="(P - Y) @ X.T", style="uf-dW-no-m")
C(UF, "b", N, "db = np.sum(P - Y, axis=1, keepdims=True) / m", oracle=f"np.sum({UF_D}, axis=1, keepdims=True)", style="uf-db")
C(UF, "b", N, "db = np.sum(P - Y, axis=0, keepdims=True) / m", "*", style="uf-db-axis0", note="1 × m zeros for k × 1")
C(UF, "b", N, J("# 按列求和：每一列是一个样本", "db = (P - Y).mean(axis=1).reshape(-1, 1)"), lang=Z, oracle=f"np.sum({UF_D}, axis=1, keepdims=True)", style="zh-uf-db")
C(UF, "W", N, J("E_ = np.exp(Z - Z.max(axis=0, keepdims=True))", "P_ = E_ / E_.sum(axis=0, keepdims=True)", "dW = (P_ - Y) @ X.T / m"), oracle=f"{UF_D} @ X.T", style="uf-recomputed-stable")
C(UF, "W", N, J("E_ = np.exp(Z)", "P_ = E_ / E_.sum(axis=1, keepdims=True)", "dW = (P_ - Y) @ X.T / m"), "*", style="uf-softmax-wrong-axis", note="a row-major softmax on a column-major network")

# ================================================================ CMU 11-785 HW1 MyTorch: np.ones columns
CM_D = "((A - Y) / N)"
CM_H = f"({CM_D} @ W2 * (1 - A1 ** 2))"
C(CM, "W2", N, J("dLdZ2 = (A - Y) / N", "dLdW2 = dLdZ2.T @ A1"), oracle=f"{CM_D}.T @ A1", style="cm-W2")
C(CM, "b2", N, J("dLdZ2 = (A - Y) / N", "dLdb2 = dLdZ2.T @ np.ones((N, 1))"), oracle=f"{CM_D}.T @ np.ones((N, 1))", style="cm-b2-ones")
C(CM, "b2", N, J("dLdZ2 = (A - Y) / N", "dLdb2 = np.sum(dLdZ2, axis=0, keepdims=True)"), "*", style="cm-b2-row", note="1 × C for the C × 1 bias (1 × 3 vs 3 × 1)")
C(CM, "b2", N, J("dLdZ2 = (A - Y) / N", "dLdb2 = np.sum(dLdZ2, axis=0, keepdims=True).T"), oracle=f"{CM_D}.T @ np.ones((N, 1))", style="cm-b2-row-transposed")
C(CM, "W1", N, J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2", "dLdZ1 = dLdA1 * (1 - A1 ** 2)", "dLdW1 = dLdZ1.T @ A0"), oracle=f"{CM_H}.T @ A0", style="cm-W1")
C(CM, "W1", N, J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2", "dLdZ1 = dLdA1 * (1 - np.tanh(A1) ** 2)", "dLdW1 = dLdZ1.T @ A0"), "*", style="cm-W1-tanh-of-A1", note="tanh′ at tanh(A1), the output put through tanh again")
C(CM, "W1", N, J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2.T", "dLdZ1 = dLdA1 * (1 - A1 ** 2)", "dLdW1 = dLdZ1.T @ A0"), "*", style="cm-W1-W2-transposed", note="W2 is C × C1: dLdZ2 @ W2.T is N × C1 only if C = C1 (3 vs 2): never ✓")
C(CM, "b1", N, J(
    "class Linear:",
    "    def backward(self, dLdZ):",
    "        self.dLdW = dLdZ.T @ self.A",
    "        self.dLdb = dLdZ.T @ self.Ones",
    "        return dLdZ @ self.W",
    "layer1 = Linear()",
    "layer1.A, layer1.Ones, layer1.W = A0, np.ones((N, 1)), W1",
    "dLdZ1 = ((A - Y) / N) @ W2 * (1 - A1 ** 2)",
    "layer1.backward(dLdZ1)",
    "dLdb1 = layer1.dLdb",
), oracle=f"{CM_H}.T @ np.ones((N, 1))", style="cm-mytorch-class-b1")
C(CM, "W2", N, J("# MyTorch 的 Linear：dLdW = dLdZᵀ · A", "dLdZ2 = (A - Y) / N", "dLdW2 = A1.T @ dLdZ2"), "*", lang=Z, style="zh-cm-W2-transposed", note="C1 × C for C × C1")

# ================================================================ MIT 6.390 hinge-loss SVM (column-major, helpers)
MT_DH = "np.where(margin < 1, -1.0, 0.0)"
MT_TH = f"np.mean({MT_DH} * y * X, axis=1, keepdims=True) + 2 * lam * th"
MT_T0 = f"np.mean({MT_DH} * y, axis=1, keepdims=True)"
MTH = J(
    "def d_hinge(v):",
    "    return np.where(v < 1, -1, 0)",
    "def d_hinge_loss_dth(x, y, th, th0):",
    "    return d_hinge(y * (np.dot(th.T, x) + th0)) * y * x",
    "def d_hinge_loss_dth0(x, y, th, th0):",
    "    return d_hinge(y * (np.dot(th.T, x) + th0)) * y",
)
C(MT, "th", N, J(MTH, "def d_svm_obj_dth(x, y, th, th0, lam):", "    return np.mean(d_hinge_loss_dth(x, y, th, th0), axis=1, keepdims=True) + lam * 2 * th", "dth = d_svm_obj_dth(X, y, th, th0, lam)"), oracle=MT_TH, style="mit-d-svm-obj-dth")
C(MT, "th0", N, J(MTH, "def d_svm_obj_dth0(x, y, th, th0, lam):", "    return np.mean(d_hinge_loss_dth0(x, y, th, th0), axis=1, keepdims=True)", "dth0 = d_svm_obj_dth0(X, y, th, th0, lam)"), oracle=MT_T0, style="mit-d-svm-obj-dth0")
C(MT, "th", N, J(MTH, "dth = np.mean(d_hinge_loss_dth(X, y, th, th0), axis=1, keepdims=True) + lam * th"), "*", oracle=f"np.mean({MT_DH} * y * X, axis=1, keepdims=True) + lam * th", style="mit-dth-reg-half")
C(MT, "th", N, J(MTH, "dth = np.mean(d_hinge_loss_dth(X, y, th, th0), axis=0, keepdims=True) + 2 * lam * th"), "*", style="mit-dth-axis0", note="1 × n means over the features, broadcast with d × 1: d × n")
C(MT, "th", N, J(MTH, "dth = np.sum(d_hinge_loss_dth(X, y, th, th0), axis=1, keepdims=True) + 2 * lam * th"), "*", oracle=f"np.sum({MT_DH} * y * X, axis=1, keepdims=True) + 2 * lam * th", style="mit-dth-sum-not-mean")
C(MT, "th0", N, J(MTH, "dth0 = np.mean(d_hinge_loss_dth0(X, y, th, th0), axis=1, keepdims=True) + 2 * lam * th0"), "*", style="mit-dth0-regularised", note="only th is in the norm")
C(MT, "th", N, "dth = np.mean(np.where(margin < 1, -y * X, 0), axis=1, keepdims=True) + 2 * lam * th", oracle=MT_TH, style="mit-dth-inline-where")
C(MT, "th", N, "dth = np.mean(np.where(margin < 1, y * X, 0), axis=1, keepdims=True) + 2 * lam * th", "*", oracle=f"-np.mean({MT_DH} * y * X, axis=1, keepdims=True) + 2 * lam * th", style="mit-dth-hinge-sign")

# ================================================================ Flax MLP, optax softmax cross-entropy (JAX)
FX_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
FX_D = f"(({FX_P} - np.eye(C)[labels.astype(int)]) / B)"
C(FX, "kernel2", N, J("dlogits = (jax.nn.softmax(logits) - jax.nn.one_hot(labels, C)) / B", "dkernel2 = jnp.dot(hdn.T, dlogits)"), oracle=f"hdn.T @ {FX_D}", style="fx-kernel2")
C(FX, "bias2", N, J("dlogits = jax.nn.softmax(logits) - jax.nn.one_hot(labels, C)", "dbias2 = jnp.mean(dlogits, axis=0)"), oracle=f"{FX_D}.sum(0)", style="fx-bias2-mean")
C(FX, "bias2", N, J("dlogits = jax.nn.softmax(logits) - jax.nn.one_hot(labels, C)", "dbias2 = jnp.sum(dlogits, axis=0)"), "scale-factor", oracle=f"B * {FX_D}.sum(0)", style="fx-bias2-sum")
C(FX, "kernel2", N, J("dlogits = jax.nn.softmax(logits) / B", "dkernel2 = jnp.dot(hdn.T, dlogits)"), "*", oracle=f"hdn.T @ ({FX_P} / B)", style="fx-kernel2-no-onehot")
C(FX, "kernel2", N, J("dlogits = (jax.nn.softmax(logits) - jax.nn.one_hot(labels, C)) / B", "dkernel2 = jnp.einsum('bh,bc->hc', hdn, dlogits)"), oracle=f"hdn.T @ {FX_D}", style="fx-kernel2-einsum")
C(FX, "kernel2", N, J("dlogits = (jax.nn.softmax(logits) - jax.nn.one_hot(labels, C)) / B", "dkernel2 = jnp.einsum('bh,bc->ch', hdn, dlogits)"), "*", style="fx-kernel2-einsum-transposed", note="C × h for h × C (both 3: square, other numbers)")
C(FX, "kernel2", N, "dkernel2 = jax.grad(loss_fn)(params)['kernel2']", REFUSE, style="fx-jax-grad-call")

# ================================================================ JAX ridge, 1-D weights, scalar bias
JR_E = "(pred - y)"
C(JR, "w", N, "grad_w = 2 * X.T @ (pred - y) / X.shape[0] + 2 * lam * w", oracle=f"2 * X.T @ {JR_E} / n + 2 * lam * w", style="jr-w")
C(JR, "w", N, "grad_w = 2 * jnp.mean(X * (pred - y)[:, None], axis=0) + 2 * lam * w", oracle=f"2 * X.T @ {JR_E} / n + 2 * lam * w", style="jr-w-none-mean")
C(JR, "w", N, "grad_w = 2 * X.T @ (pred - y) / X.shape[0] + lam * w", "*", oracle=f"2 * X.T @ {JR_E} / n + lam * w", style="jr-w-reg-half")
C(JR, "w", N, "grad_w = X.T @ (pred - y) / X.shape[0] + 2 * lam * w", "*", oracle=f"X.T @ {JR_E} / n + 2 * lam * w", style="jr-w-data-half")
C(JR, "w", N, "grad_w = 2 * X.T @ (pred - y) / X.shape[0]", "missing-loss-term", oracle=f"2 * X.T @ {JR_E} / n", style="jr-w-no-reg")
C(JR, "b", N, "grad_b = 2 * jnp.mean(pred - y)", oracle=f"2 * np.mean({JR_E})", style="jr-b")
C(JR, "b", N, "grad_b = 2 * jnp.mean(pred - y) + 2 * lam * b", "*", style="jr-b-regularised", note="the intercept is not in lam·w·w")
C(JR, "b", N, "grad_b = 2 * jnp.mean(y - pred)", "sign", oracle=f"-2 * np.mean({JR_E})", style="jr-b-sign")

# ================================================================ log-cosh regression (JAX, Chinese spec)
LC_D = "(np.tanh(pred - y) / n)"
LC_H = f"({LC_D} @ w2.T * sigmoid(X @ W1 + b1))"
C(LC, "w2", N, J("# log cosh 的导数是 tanh", "dpred = jnp.tanh(pred - y) / X.shape[0]", "dw2 = hid.T @ dpred"), lang=Z, oracle=f"hid.T @ {LC_D}", style="zh-lc-w2")
C(LC, "w2", N, J("# 导数：sinh/cosh", "dpred = jnp.sinh(pred - y) / jnp.cosh(pred - y) / X.shape[0]", "dw2 = hid.T @ dpred"), lang=Z, oracle=f"hid.T @ {LC_D}", style="zh-lc-w2-sinh-cosh")
C(LC, "w2", N, J("# 当成均方误差了", "dpred = (pred - y) / X.shape[0]", "dw2 = hid.T @ dpred"), "*", lang=Z, oracle="hid.T @ ((pred - y) / n)", style="zh-lc-w2-mse-habit")
C(LC, "w2", N, J("dpred = jnp.tanh(pred - y)", "dw2 = hid.T @ dpred"), "scale-factor", oracle=f"n * hid.T @ {LC_D}", style="lc-w2-no-n")
C(LC, "W1", N, J("# softplus 的导数是 sigmoid", "dpred = jnp.tanh(pred - y) / X.shape[0]", "dhid = dpred @ w2.T", "dW1 = X.T @ (dhid * jax.nn.sigmoid(X @ W1 + b1))"), lang=Z, oracle=f"X.T @ {LC_H}", style="zh-lc-W1")
C(LC, "W1", N, J("dpred = jnp.tanh(pred - y) / X.shape[0]", "dhid = dpred @ w2.T", "dW1 = X.T @ dhid"), "missing-activation-derivative", oracle=f"X.T @ ({LC_D} @ w2.T)", style="lc-W1-no-softplus-slope")
C(LC, "b1", N, J("dpred = jnp.tanh(pred - y) / X.shape[0]", "dz = dpred @ w2.T * (1 - jnp.exp(-hid))", "db1 = dz.sum(axis=0)"), oracle=f"np.sum({LC_H}, axis=0)", style="lc-b1-slope-from-output", note="σ(z) = 1 − e^(−softplus(z)): right")
C(LC, "b1", N, J("# 偏置：按样本求和", "dpred = jnp.tanh(y - pred) / X.shape[0]", "db1 = (dpred @ w2.T * jax.nn.sigmoid(X @ W1 + b1)).sum(axis=0)"), "sign", lang=Z, oracle=f"-np.sum({LC_H}, axis=0)", style="zh-lc-b1-sign")

# ================================================================ CMU 10-414 hw2 residual block (softmax CE on out @ W_out)
RB_D = "((np.exp(logits) / np.exp(logits).sum(1, keepdims=True) - y) / n)"
RB_R = f"({RB_D} @ W_out.T * (out > 0))"
C(RB, "W_out", N, J("Z = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW_out = out.T @ (Z - y) / n"), oracle=f"out.T @ {RB_D}", style="rb-W-out")
C(RB, "W_out", N, J("Z = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dW_out = out.T @ (Z - y)"), "scale-factor", oracle=f"n * out.T @ {RB_D}", style="rb-W-out-no-n")
C(RB, "b_b", N, J("G = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True) - y) / n", "dr = G @ W_out.T * (out > 0)", "db_b = dr.sum(axis=0, keepdims=True)"), oracle=f"{RB_R}.sum(0, keepdims=True)", style="rb-b-b")
C(RB, "b_b", N, J("G = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True) - y) / n", "dr = G @ W_out.T * (r > 0)", "db_b = dr.sum(axis=0, keepdims=True)"), "*", oracle=f"({RB_D} @ W_out.T * (r > 0)).sum(0, keepdims=True)", style="rb-b-b-mask-before-residual", note="the ReLU is of r + x: (r > 0) is the wrong mask")
C(RB, "W_b", N, J("G = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True) - y) / n", "dr = G @ W_out.T * (out > 0)", "dW_b = np.maximum(hn, 0).T @ dr"), oracle=f"np.maximum(hn, 0).T @ {RB_R}", style="rb-W-b")
C(RB, "W_b", N, J("G = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True) - y) / n", "dr = G @ W_out.T * (out > 0)", "dW_b = hn.T @ dr"), "*", oracle=f"hn.T @ {RB_R}", style="rb-W-b-hn-not-relu")

# ================================================================ PyTorch RNNCell, many-to-one, 1-D states
R1_D = "(np.exp(out) / np.exp(out).sum() - np.eye(C)[1])"
R1_Z3 = f"((W_out.T @ {R1_D}) * (1 - h3 ** 2))"
R1_Z2 = f"((W_hh.T @ {R1_Z3}) * (1 - h2 ** 2))"
R1_Z1 = f"((W_hh.T @ {R1_Z2}) * (1 - h1 ** 2))"
C(R1, "W_out", N, J("dout = torch.softmax(out, 0)", "dout[1] -= 1", "dW_out = torch.outer(dout, h3)"), oracle=f"np.outer({R1_D}, h3)", style="r1-W-out")
C(R1, "W_out", N, J("dout = torch.softmax(out, 0) - torch.tensor([0.0, 1.0])", "dW_out = dout[:, None] @ h3[None, :]"), oracle=f"np.outer({R1_D}, h3)", style="r1-W-out-none-slices")
C(R1, "W_out", N, J("dout = torch.softmax(out, 0)", "dout[1] -= 1", "dW_out = torch.outer(h3, dout)"), "*", style="r1-W-out-outer-swapped", note="H × C (3 × 2) for C × H")
C(R1, "W_out", N, J("dout = torch.softmax(out, 0)", "dout[0] -= 1", "dW_out = torch.outer(dout, h3)"), "*", oracle=f"np.outer({R1_D} + np.eye(C)[1] - np.eye(C)[0], h3)", style="r1-W-out-wrong-target")
C(R1, "b_ih", N, J(
    "dout = torch.softmax(out, 0)",
    "dout[1] -= 1",
    "dz3 = (W_out.T @ dout) * (1 - h3 ** 2)",
    "dz2 = (W_hh.T @ dz3) * (1 - h2 ** 2)",
    "dz1 = (W_hh.T @ dz2) * (1 - h1 ** 2)",
    "db_ih = dz1 + dz2 + dz3",
), oracle=f"{R1_Z1} + {R1_Z2} + {R1_Z3}", style="r1-b-ih-bptt")
C(R1, "b_ih", N, J(
    "dout = torch.softmax(out, 0)",
    "dout[1] -= 1",
    "dz3 = (W_out.T @ dout) * (1 - h3 ** 2)",
    "db_ih = dz3",
), "missing-path", oracle=R1_Z3, style="r1-b-ih-last-step")
C(R1, "W_hh", N, J(
    "dout = torch.softmax(out, 0)",
    "dout[1] -= 1",
    "dh = W_out.T @ dout",
    "dW_hh = torch.zeros_like(W_hh)",
    "hs = [h0, h1, h2, h3]",
    "for t in range(3, 0, -1):",
    "    dz = dh * (1 - hs[t] ** 2)",
    "    dW_hh += torch.outer(dz, hs[t - 1])",
    "    dh = W_hh.T @ dz",
), oracle=f"np.outer({R1_Z3}, h2) + np.outer({R1_Z2}, h1) + np.outer({R1_Z1}, h0)", style="r1-W-hh-loop")

_round = "c"
# ================================================================ more: helpers and classes on relu-mlp, refusals, other spellings
AFN = J(
    "def affine_backward_nobias(dout, cache):",
    "    x, w = cache",
    "    return dout.dot(w.T), x.T.dot(dout)",
    "def relu_backward(dout, x):",
    "    return dout * (x > 0)",
    "dy = 2.0 * (y_pred - y)",
    "dh_relu, grad_w2 = affine_backward_nobias(dy, (h_relu, w2))",
    "dh = relu_backward(dh_relu, h)",
    "dx, grad_w1 = affine_backward_nobias(dh, (x, w1))",
)
C(R, "w1", N, AFN, oracle=RW1, style="relu-cs231n-helpers-w1")
C(R, "w2", N, AFN, oracle=RW2, style="relu-cs231n-helpers-w2")
TLN = J(
    "class TwoLayerNet:",
    "    def __init__(self, w1, w2):",
    "        self.params = {'w1': w1, 'w2': w2}",
    "",
    "    def gradients(self, x, y):",
    "        h = x @ self.params['w1']",
    "        h_relu = np.maximum(h, 0)",
    "        y_pred = h_relu @ self.params['w2']",
    "        grads = {}",
    "        dy = 2 * (y_pred - y)",
    "        grads['w2'] = h_relu.T @ dy",
    "        dh = dy @ self.params['w2'].T",
    "        dh[h <= 0] = 0",
    "        grads['w1'] = x.T @ dh",
    "        return grads",
    "grad_w1 = TwoLayerNet(w1, w2).gradients(x, y)['w1']",
)
C(R, "w1", N, TLN, oracle=RW1, style="relu-class-two-layer-net")
C(R, "w1", N, TLN.replace("dh[h <= 0] = 0", "dh[h_relu < 0] = 0"), "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="relu-class-mask-never", note="h_relu < 0 never holds")
C(M, "W1", N, "dW1 = eval_numerical_gradient(lambda W: loss(W), W1)", REFUSE, style="numerical-gradient-helper")
C(S, "W", N, J("dW = grad(W)  # TODO"), REFUSE, style="undefined-grad-call")
C(NG, "W2", N, J("loss.backward()", "dW2 = W2.grad.clone()"), REFUSE, style="ninja-autograd-grad")
C(NG, "b2", N, J("dlogits = F.softmax(logits, 1) - Yb", "dlogits /= n", "db2 = dlogits.sum(0, keepdim=True)"), oracle=f"{NG_DL}.sum(0)", style="ninja-b2-keepdim-row", note="1 × vocab for the 1-D bias: the same numbers")
C(NG, "bnbias", N, J(NINJA, "dh = dlogits @ W2.T", "dhpreact = (1.0 - h**2) * dh", "dbnraw = bngain * dhpreact", "dbnbias = dbnraw.sum(0, keepdim=True)"), "*", oracle=f"(bngain * {NG_DH}).sum(0, keepdims=True)", style="ninja-bnbias-times-gain")
C(NG, "W2", N, J(NINJA, "dW2 = torch.einsum('nh,nv->hv', h, dlogits)"), oracle=f"h.T @ {NG_DL}", style="ninja-W2-einsum")
C(MG, "W3", N, J("dscores = torch.where(1 - yb * scores > 0, -yb, torch.zeros_like(yb)) / yb.shape[0]", "dW3 = h2.T @ dscores + 2 * alpha * W3"), oracle=f"h2.T @ {MG_DS} + 2 * alpha * W3", style="mg-W3-torch-where")
C(MG, "W2", N, J("dscores = -yb * (1 - yb * scores > 0) / 4", "dh2 = dscores @ W3.T * (h1 > 0)", "dW2 = h1.T @ dh2 + 2 * alpha * W2"), "*", style="mg-W2-mask-of-h1", note="the mask of the layer below")
C(MG, "b2", N, J("dscores = -yb * (1 - yb * scores > 0) / 4", "dh2 = dscores @ W3.T * (h2 > 0)", "db2 = dh2.sum(0, keepdims=True) + 2 * alpha * b2"), oracle=f"{MG_D2}.sum(0, keepdims=True) + 2 * alpha * b2", style="mg-b2")
C(KB, "W2", N, "dW2 = K.dot(K.transpose(h1), K.sign(out - y) * (1 - K.exp(-out))) / n", oracle=f"h1.T @ {KB_DP}", style="kb-W2-slope-from-output", note="σ(z) = 1 − e^(−softplus(z)): right")
C(KB, "W2", N, J("dout = K.sign(out - y) / n", "dpre = dout * K.sigmoid(out)", "dW2 = K.dot(K.transpose(h1), dpre)"), "*", oracle=f"h1.T @ ({KB_DO} * sigmoid(out))", style="kb-W2-sigmoid-of-out")
C(JR, "w", N, "grad_w = 2 / n * (X.T @ X @ w + X.T @ (b - y)) + 2 * lam * w", oracle=f"2 * X.T @ {JR_E} / n + 2 * lam * w", style="jr-w-expanded-normal-equations")
C(JR, "w", N, "grad_w = 2 * X.T.dot(X.dot(w) + b - y) / len(y) + 2 * lam * w", oracle=f"2 * X.T @ {JR_E} / n + 2 * lam * w", style="jr-w-recomputed-len")
C(UF, "W", N, "dW = np.einsum('km,nm->kn', P - Y, X) / m", oracle=f"{UF_D} @ X.T", style="uf-einsum")
C(CM, "b2", N, J("dLdZ2 = (A - Y) / N", "dLdb2 = np.sum(dLdZ2, axis=0).reshape(-1, 1)"), oracle=f"{CM_D}.T @ np.ones((N, 1))", style="cm-b2-reshape-column")
C(CM, "W1", N, J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2", "dLdZ1 = dLdA1 * (1 - np.square(np.tanh(Z1)))", "dLdW1 = dLdZ1.T @ A0"), oracle=f"{CM_H}.T @ A0", style="cm-W1-tanh-of-Z1")
C(MT, "th0", N, "dth0 = np.mean(np.where(margin < 1, y, 0), axis=1, keepdims=True)", "sign", oracle=f"-{MT_T0}", style="mit-dth0-sign")
C(MT, "th", N, J("# 合页损失的次梯度：margin < 1 时为 -y x", "dth = np.mean(np.where(margin < 1, -y * X, 0), axis=1, keepdims=True) + 2 * lam * th"), lang=Z, oracle=MT_TH, style="zh-mit-dth")
C(RB, "W_out", N, J(
    "def softmax(z):",
    "    e = np.exp(z - z.max(axis=1, keepdims=True))",
    "    return e / e.sum(axis=1, keepdims=True)",
    "dW_out = out.T @ (softmax(logits) - y) / n",
), oracle=f"out.T @ {RB_D}", style="rb-W-out-softmax-helper")
C(R1, "W_out", N, "dW_out = np.outer(F.softmax(out, dim=0) - F.one_hot(torch.tensor(1), C), h3)", oracle=f"np.outer({R1_D}, h3)", style="r1-W-out-one-hot")
C(CH, "w", N, J("# micrograd: Value objects", "v.grad = 2 * v.data", "w.grad += x.data * v.grad", "dw = w.grad"), style="micrograd-value-attributes")
C(FX, "bias2", N, J("# optax 的 softmax 交叉熵：softmax 减 one-hot", "dbias2 = (jax.nn.softmax(logits) - jax.nn.one_hot(labels, C)).mean(0)"), lang=Z, oracle=f"{FX_D}.sum(0)", style="zh-fx-bias2")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c35-000, … as written; cases that happen to repeat corpora 2-34 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus35", "c35", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
