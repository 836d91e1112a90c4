"""The held-out-style corpus of issue 11, thirty-eighth round: CODE only, from sources no corpus had
used — Berkeley CS182/CS189 homework layers (``class Linear`` with ``self.cache`` and
``backward(self, dout)`` storing ``self.dW``), Stanford CS231n's ``affine_relu_backward`` sandwich
built from ``affine_backward``/``relu_backward`` and ``batchnorm_backward_alt``, scikit-learn's
``MLPClassifier._backprop`` (``deltas``/``coef_grads`` lists, ``safe_sparse_dot``,
``inplace_relu_derivative``, ``coef_grads[i] /= n_samples``), PaddlePaddle (``paddle.matmul(x, y,
transpose_x=True)``, ``paddle.sum(…, keepdim=True)``), MindSpore (``ops.matmul``, ``ops.transpose(x,
(1, 0))``), Chainer (``F.matmul(a, b, transa=True)``, ``.array``), MXNet's numpy interface
(``npx.relu``), Keras custom ``train_step`` methods writing the gradient out, Numba ``@njit`` and
``@jax.jit`` functions, several gradients returned as a dict (the asked one by ``--wrt``), Chinese
blog code in the column-per-example style (``# 反向传播``), Octave/Julia ports — and students'
mistakes on them; on the built-ins and on thirteen lecturer networks no corpus had used (among them
Karpathy's makemore MLP with a 3-character context, Ng's ex4 with ``np.hstack``, ex8's
collaborative filtering, Keras's Reuters classifier, second-order MAML, class-weighted
cross-entropy); Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck38"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py) where one is computable; course-network cases are confirmed by the spec's
own text run in PyTorch (tests/spelled_oracle.py).
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


EX = _spec("hn29_coursera_ml_ex4_theta_hstack")
MK = _spec("makemore_context3")
CF = _spec("hn37_ng_ex8_cofi_cost_cn")
SC = _spec("hn37_selu_celu_alpha_classifier")
CW = _spec("torch_ce_weight")
LS = _spec("hn15_lsgan")
EM = _spec("hn16_ng_emojify")
CWS = _spec("hn28_class_weighted_softmax_np_array")
PK = _spec("lhy_pokemon")
KR = _spec("hn17_chollet_reuters_softmax")
KM = _spec("hn15_keras_custom_mse_axis")
ML = _spec("hn15_maml_linear")
TF1 = _spec("hn12_tf1_softmax_ce_v2")

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
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
BN_DZH = f"({BN_DY} * gamma)"
BN_DZ = (f"((m * {BN_DZH} - np.sum({BN_DZH}, axis=0, keepdims=True) - Z_hat * np.sum({BN_DZH} * Z_hat, axis=0, "
         "keepdims=True)) / (m * np.sqrt(var + eps)))")
BNW = f"X.T @ {BN_DZ}"
AWV = f"X.T @ (A.T @ {AT_DO})"
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"

# ================================================================ Berkeley CS182/CS189: layer classes with self.cache
CS182_LIN = J(
    "class Linear:",
    "    def __init__(self, W, b):",
    "        self.W = W",
    "        self.b = b",
    "        self.cache = None",
    "",
    "    def forward(self, x):",
    "        self.cache = x",
    "        return x @ self.W + self.b",
    "",
    "    def backward(self, dout):",
    "        x = self.cache",
    "        self.dW = x.T @ dout",
    "        self.db = np.sum(dout, axis=0, keepdims=True)",
    "        dx = dout @ self.W.T",
    "        return dx",
)
CS182_RELU = J(
    "class ReLU:",
    "    def forward(self, x):",
    "        self.cache = x",
    "        return np.maximum(0, x)",
    "",
    "    def backward(self, dout):",
    "        x = self.cache",
    "        return dout * (x > 0)",
)
CS182_USE = J(
    "fc1 = Linear(W1, b1)",
    "act = ReLU()",
    "fc2 = Linear(W2, b2)",
    "scores = fc2.forward(act.forward(fc1.forward(X)))",
    "probs = 1 / (1 + np.exp(-scores))",
    "dscores = (probs - Y) / m",
    "dh = fc2.backward(dscores)",
    "dx = fc1.backward(act.backward(dh))",
)
C(M, "W1", N, J(CS182_LIN, CS182_RELU, CS182_USE, "dW1 = fc1.dW"), oracle=W1R, style="cs182-linear-cache-W1")
C(M, "b1", N, J(CS182_LIN, CS182_RELU, CS182_USE, "db1 = fc1.db"), oracle=B1R, style="cs182-linear-cache-b1")
C(M, "W2", N, J(CS182_LIN, CS182_RELU, CS182_USE, "dW2 = fc2.dW"), oracle=W2R, style="cs182-linear-cache-W2")
C(M, "b2", N, J(CS182_LIN, CS182_RELU, CS182_USE, "db2 = fc2.db"), oracle=B2R, style="cs182-linear-cache-b2")
C(M, "W1", N, J(CS182_LIN, CS182_RELU, CS182_USE.replace("dscores = (probs - Y) / m", "dscores = probs - Y"), "dW1 = fc1.dW"), "scale-factor", oracle=f"{W1R} * m", style="cs182-no-batch-mean")
C(M, "W1", N, J(CS182_LIN, CS182_RELU.replace("return dout * (x > 0)", "return dout"), CS182_USE, "dW1 = fc1.dW"), "missing-activation-derivative", oracle=NOMASK_W1, style="cs182-relu-backward-identity")
C(M, "W1", N, J(CS182_LIN.replace("self.dW = x.T @ dout", "self.dW = dout.T @ x"), CS182_RELU, CS182_USE, "dW1 = fc1.dW"), "*", oracle=f"({W1R}).T", style="cs182-dW-transposed")
C(M, "W2", N, J(CS182_LIN, CS182_RELU, CS182_USE.replace("probs = 1 / (1 + np.exp(-scores))", "probs = np.tanh(scores)"), "dW2 = fc2.dW"), "*", oracle="A1.T @ (np.tanh(Z2) - Y) / m", style="cs182-tanh-for-sigmoid")
C(M, "b1", N, J(CS182_LIN.replace("self.db = np.sum(dout, axis=0, keepdims=True)", "self.db = np.sum(dout, axis=1, keepdims=True)"), CS182_RELU, CS182_USE, "db1 = fc1.db"), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="cs182-db-axis1")
CS189_DENSE = J(
    "class Dense:",
    "    def __init__(self, W):",
    "        self.W = W",
    "",
    "    def forward(self, x):",
    "        self.x = x",
    "        return x @ self.W",
    "",
    "    def backward(self, grad):",
    "        self.grad_W = self.x.T @ grad",
    "        return grad @ self.W.T",
    "",
    "class Relu:",
    "    def forward(self, x):",
    "        self.mask = x > 0",
    "        return x * self.mask",
    "",
    "    def backward(self, grad):",
    "        return grad * self.mask",
    "",
    "l1, r, l2 = Dense(w1), Relu(), Dense(w2)",
    "out = l2.forward(r.forward(l1.forward(x)))",
    "g = 2 * (out - y)",
)
C(R, "w1", N, J(CS189_DENSE, "l1.backward(r.backward(l2.backward(g)))", "grad_w1 = l1.grad_W"), oracle=RW1, style="cs189-dense-w1")
C(R, "w2", N, J(CS189_DENSE, "l2.backward(g)", "grad_w2 = l2.grad_W"), oracle=RW2, style="cs189-dense-w2")
C(R, "w1", N, J(CS189_DENSE.replace("g = 2 * (out - y)", "g = out - y"), "l1.backward(r.backward(l2.backward(g)))", "grad_w1 = l1.grad_W"), "scale-factor", oracle=f"{RW1} / 2", style="cs189-dense-no-two")
C(R, "w1", N, J(CS189_DENSE, "l1.backward(l2.backward(g))", "grad_w1 = l1.grad_W"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="cs189-dense-relu-skipped")
C(S, "W", N, J(
    "class SoftmaxCrossEntropy:",
    "    def forward(self, z, y):",
    "        e = np.exp(z - z.max(axis=1, keepdims=True))",
    "        self.p = e / e.sum(axis=1, keepdims=True)",
    "        self.y = y",
    "        return -np.sum(y * np.log(self.p)) / z.shape[0]",
    "",
    "    def backward(self):",
    "        return (self.p - self.y) / self.y.shape[0]",
    "",
    "loss_fn = SoftmaxCrossEntropy()",
    "loss = loss_fn.forward(X @ W + b, Y)",
    "dz = loss_fn.backward()",
    "dW = X.T @ dz",
), oracle=SW, style="cs182-softmax-ce-object")
C(S, "W", N, J(
    "class SoftmaxCrossEntropy:",
    "    def forward(self, z, y):",
    "        e = np.exp(z)",
    "        self.p = e / e.sum(axis=1, keepdims=True)",
    "        self.y = y",
    "        return -np.sum(y * np.log(self.p)) / z.shape[0]",
    "",
    "    def backward(self):",
    "        return self.p - self.y",
    "",
    "loss_fn = SoftmaxCrossEntropy()",
    "loss = loss_fn.forward(X @ W + b, Y)",
    "dW = X.T @ loss_fn.backward()",
), "scale-factor", oracle=f"{SW} * m", style="cs182-softmax-ce-no-mean")

# ================================================================ CS231n 2024 layers.py: the affine_relu sandwich and batchnorm_backward_alt
CS231_HELPERS = J(
    "def affine_backward(dout, cache):",
    "    x, w, b = cache",
    "    dx = dout.dot(w.T)",
    "    dw = x.reshape(x.shape[0], -1).T.dot(dout)",
    "    db = np.sum(dout, axis=0)",
    "    return dx, dw, db",
    "",
    "def relu_backward(dout, cache):",
    "    x = cache",
    "    dx = dout * (x > 0)",
    "    return dx",
    "",
    "def affine_relu_backward(dout, cache):",
    "    fc_cache, relu_cache = cache",
    "    da = relu_backward(dout, relu_cache)",
    "    dx, dw, db = affine_backward(da, fc_cache)",
    "    return dx, dw, db",
)
C(M, "W1", N, J(CS231_HELPERS, "dscores = (A2 - Y) / m", "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))", "dX, dW1, db1 = affine_relu_backward(dA1, ((X, W1, b1), Z1))"), oracle=W1R, style="cs231n-affine-relu-sandwich-W1")
C(M, "b1", N, J(CS231_HELPERS, "dscores = (A2 - Y) / m", "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))", "dX, dW1, db1 = affine_relu_backward(dA1, ((X, W1, b1), Z1))"), oracle=B1R, style="cs231n-affine-relu-sandwich-b1")
C(M, "W1", N, J(CS231_HELPERS, "dscores = (A2 - Y) / m", "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))", "dX, dW1, db1 = affine_relu_backward(dA1, ((X, W1, b1), A1))"), oracle=W1R, style="cs231n-affine-relu-cache-A1", note="A1 > 0 exactly where Z1 > 0")
C(M, "W2", N, J(CS231_HELPERS, "dscores = (A2 - Y) / m", "_, dW2, _ = affine_backward(dscores, (A1, W2, b2))"), oracle=W2R, style="cs231n-affine-backward-W2-underscores")
C(M, "W1", N, J(CS231_HELPERS, "dscores = (A2 - Y) / m", "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))", "dX, dW1, db1 = affine_relu_backward(dA1, ((A1, W1, b1), Z1))"), "*", oracle=f"A1.T @ {DZ1} / m", style="cs231n-affine-relu-wrong-x", note="A1 where X belongs (m x n_h for m x n_in): a shape mismatch unless n_h = n_in")
C(M, "W1", N, J(CS231_HELPERS, "dscores = A2 - Y", "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))", "dX, dW1, db1 = affine_relu_backward(dA1, ((X, W1, b1), Z1))"), "scale-factor", oracle=f"{W1R} * m", style="cs231n-affine-relu-no-m")
C(M, "W1", N, J(CS231_HELPERS.replace("dx = dout * (x > 0)", "dx = dout * (x >= 0)"), "dscores = (A2 - Y) / m", "dA1, dW2, db2 = affine_backward(dscores, (A1, W2, b2))", "dX, dW1, db1 = affine_relu_backward(dA1, ((X, W1, b1), A1))"), "*", oracle=NOMASK_W1, style="cs231n-relu-mask-ge-on-A1", note="A1 >= 0 everywhere: no mask at all")
BN_ALT = J(
    "def batchnorm_backward_alt(dout, cache):",
    "    gamma, xhat, istd = cache",
    "    N = dout.shape[0]",
    "    dgamma = np.sum(dout * xhat, axis=0)",
    "    dbeta = np.sum(dout, axis=0)",
    "    dx = gamma * istd / N * (N * dout - dbeta - xhat * dgamma)",
    "    return dx, dgamma, dbeta",
    "",
    "dout = 2 * (Y - T) / (m * n)",
    "dZ, dgamma, dbeta = batchnorm_backward_alt(dout, (gamma, Z_hat, 1 / np.sqrt(var + eps)))",
)
C(B, "W", N, J(BN_ALT, "dW = X.T @ dZ"), oracle=BNW, style="cs231n-bn-alt-W")
C(B, "gamma", N, BN_ALT, oracle=BGM, style="cs231n-bn-alt-gamma-from-tuple")
C(B, "beta", N, J(BN_ALT, "grad_beta = dbeta"), oracle=BBT, style="cs231n-bn-alt-beta")
C(B, "W", N, J(BN_ALT.replace("(N * dout - dbeta - xhat * dgamma)", "(N * dout - dbeta)"), "dW = X.T @ dZ"), "*",
  oracle=f"X.T @ ((m * {BN_DZH} - np.sum({BN_DZH}, axis=0, keepdims=True)) / (m * np.sqrt(var + eps)))", style="cs231n-bn-alt-var-path-dropped")
C(B, "W", N, J(BN_ALT.replace("dx = gamma * istd / N * (N * dout - dbeta - xhat * dgamma)", "dx = gamma * istd * (dout - dbeta / N - xhat * dgamma / N)"), "dW = X.T @ dZ"), oracle=BNW, style="cs231n-bn-alt-divided-through")
C(B, "W", N, J(BN_ALT.replace("dx = gamma * istd / N * (N * dout - dbeta - xhat * dgamma)", "dx = gamma * istd * dout"), "dW = X.T @ dZ"), "*", oracle=f"X.T @ ({BN_DZH} / np.sqrt(var + eps))", style="cs231n-bn-alt-batch-stats-constant")
C(B, "gamma", N, J(BN_ALT, "dgamma = dgamma / m"), "scale-factor", oracle=f"{BGM} / m", style="cs231n-bn-alt-gamma-over-m")

# ================================================================ scikit-learn's MLPClassifier._backprop
SK_UNROLLED = J(
    "def inplace_relu_derivative(Z, delta):",
    "    delta[Z == 0] = 0",
    "",
    "n_samples = X.shape[0]",
    "activations = [X, A1, A2]",
    "coefs = [W1, W2]",
    "deltas = [None, None]",
    "coef_grads = [None, None]",
    "intercept_grads = [None, None]",
    "deltas[1] = activations[2] - Y",
    "coef_grads[1] = safe_sparse_dot(activations[1].T, deltas[1])",
    "coef_grads[1] /= n_samples",
    "intercept_grads[1] = np.mean(deltas[1], 0)",
    "deltas[0] = safe_sparse_dot(deltas[1], coefs[1].T)",
    "inplace_relu_derivative(activations[1], deltas[0])",
    "coef_grads[0] = safe_sparse_dot(activations[0].T, deltas[0])",
    "coef_grads[0] /= n_samples",
    "intercept_grads[0] = np.mean(deltas[0], 0)",
)
C(M, "W1", N, J(SK_UNROLLED, "dW1 = coef_grads[0]"), oracle=W1R, style="sklearn-backprop-unrolled-W1")
C(M, "W2", N, J(SK_UNROLLED, "dW2 = coef_grads[1]"), oracle=W2R, style="sklearn-backprop-unrolled-W2")
C(M, "b1", N, J(SK_UNROLLED, "db1 = intercept_grads[0]"), oracle=B1R, style="sklearn-backprop-unrolled-b1")
C(M, "b2", N, J(SK_UNROLLED, "db2 = intercept_grads[1]"), oracle=B2R, style="sklearn-backprop-unrolled-b2")
C(M, "W2", N, J(SK_UNROLLED.replace("coef_grads[1] /= n_samples", "coef_grads[1] += 0.0001 * coefs[1]\ncoef_grads[1] /= n_samples"), "dW2 = coef_grads[1]"), "extra-loss-term", oracle=f"{W2R} + 0.0001 * W2 / m", style="sklearn-alpha-penalty-not-in-loss")
C(M, "W1", N, J(SK_UNROLLED.replace("inplace_relu_derivative(activations[1], deltas[0])\n", ""), "dW1 = coef_grads[0]"), "missing-activation-derivative", oracle=NOMASK_W1, style="sklearn-relu-derivative-forgotten")
C(M, "W1", N, J(SK_UNROLLED.replace("coef_grads[0] /= n_samples", "coef_grads[0] /= n_samples * n_samples"), "dW1 = coef_grads[0]"), "scale-factor", oracle=f"{W1R} / m", style="sklearn-n-samples-twice")
SK_LOOP = J(
    "def inplace_relu_derivative(Z, delta):",
    "    delta[Z == 0] = 0",
    "",
    "n_samples = X.shape[0]",
    "activations = [X, A1, A2]",
    "coefs = [W1, W2]",
    "deltas = [None] * 2",
    "coef_grads = [None] * 2",
    "last = 1",
    "deltas[last] = activations[-1] - Y",
    "coef_grads[last] = safe_sparse_dot(activations[last].T, deltas[last]) / n_samples",
    "for i in range(last, 0, -1):",
    "    deltas[i - 1] = safe_sparse_dot(deltas[i], coefs[i].T)",
    "    inplace_relu_derivative(activations[i], deltas[i - 1])",
    "    coef_grads[i - 1] = safe_sparse_dot(activations[i - 1].T, deltas[i - 1]) / n_samples",
)
C(M, "W1", N, J(SK_LOOP, "dW1 = coef_grads[0]"), oracle=W1R, style="sklearn-backprop-loop-W1")
C(M, "W1", N, J(SK_LOOP.replace("safe_sparse_dot(deltas[i], coefs[i].T)", "safe_sparse_dot(deltas[i], coefs[i - 1].T)"), "dW1 = coef_grads[0]"), "*", oracle="X.T @ ((A2 - Y) @ W1.T * (Z1 > 0)) / m", style="sklearn-backprop-loop-wrong-coef", note="W1 (n_in x n_h) where W2 belongs: the shapes do not fit")
C(R, "w1", N, J(
    "activations = [x, h_relu, y_pred]",
    "coefs = [w1, w2]",
    "delta = 2 * (activations[-1] - y)",
    "grads = []",
    "for i in (1, 0):",
    "    grads.insert(0, safe_sparse_dot(activations[i].T, delta))",
    "    if i:",
    "        delta = safe_sparse_dot(delta, coefs[i].T)",
    "        delta[activations[i] == 0] = 0",
    "grad_w1 = grads[0]",
), oracle=RW1, style="sklearn-style-insert-list")

# ================================================================ PaddlePaddle (飞桨 AI Studio notebooks, d2l's paddle edition)
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = paddle.matmul(A1, dZ2, transpose_x=True)"), oracle=W2R, style="paddle-matmul-transpose-x")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dA1 = paddle.matmul(dZ2, W2, transpose_y=True)", "dZ1 = dA1 * paddle.cast(Z1 > 0, 'float64')", "dW1 = paddle.matmul(X, dZ1, transpose_x=True)"), oracle=W1R, style="paddle-matmul-transpose-y-cast")
C(M, "b1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = paddle.matmul(dZ2, paddle.t(W2)) * (Z1 > 0).astype('float64')", "db1 = paddle.sum(dZ1, axis=0, keepdim=True)"), oracle=B1R, style="paddle-sum-keepdim-t")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = paddle.matmul(dZ2, paddle.transpose(W2, perm=[1, 0]))", "dW1 = paddle.matmul(paddle.transpose(X, perm=[1, 0]), dZ1)"), "missing-activation-derivative", oracle=NOMASK_W1, style="paddle-transpose-perm-no-mask")
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = paddle.matmul(A1, dZ2)"), "*", oracle="A1 @ ((A2 - Y) / m)", style="paddle-matmul-no-transpose", note="m x n_h times m x 1: does not fit")
C(S, "W", N, J(
    "def softmax(X):",
    "    X_exp = paddle.exp(X)",
    "    partition = X_exp.sum(1, keepdim=True)",
    "    return X_exp / partition",
    "",
    "y_hat = softmax(paddle.matmul(X, W) + b)",
    "grad_W = paddle.matmul(X.T, y_hat - Y) / X.shape[0]",
), oracle=SW, style="paddle-d2l-softmax-scratch")
C(S, "b", N, J("y_hat = F.softmax(paddle.matmul(X, W) + b, axis=1)", "grad_b = paddle.mean(y_hat - Y, axis=0, keepdim=True)"), oracle=SB, style="paddle-mean-keepdim-b")
C(S, "b", N, J("y_hat = F.softmax(paddle.matmul(X, W) + b, axis=1)", "grad_b = paddle.sum(y_hat - Y, axis=0, keepdim=True)"), "scale-factor", oracle=f"{SB} * m", style="paddle-sum-b-no-mean")
C(R, "w2", N, J("# 飞桨：手写反向传播", "grad_y_pred = paddle.multiply(paddle.to_tensor(2.0), paddle.subtract(y_pred, y))", "grad_w2 = paddle.matmul(h_relu, grad_y_pred, transpose_x=True)"), lang=Z, oracle=RW2, style="zh-paddle-multiply-subtract")
C(R, "w1", N, J("# 飞桨：链式法则，先过 ReLU", "grad_h = paddle.matmul(2.0 * (y_pred - y), w2, transpose_y=True)", "grad_h = paddle.where(h > 0, grad_h, paddle.zeros_like(grad_h))", "grad_w1 = paddle.matmul(x, grad_h, transpose_x=True)"), lang=Z, oracle=RW1, style="zh-paddle-where-zeros-like")

# ================================================================ MindSpore
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = ops.matmul(ops.transpose(A1, (1, 0)), dZ2)"), oracle=W2R, style="mindspore-transpose-perm-tuple")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = ops.matmul(dZ2, W2.T) * ops.cast(Z1 > 0, mstype.float64)", "dW1 = ops.matmul(X.T, dZ1)"), oracle=W1R, style="mindspore-cast-mstype")
C(M, "b2", N, J("dZ2 = (A2 - Y) / m", "db2 = ops.ReduceSum(keep_dims=True)(dZ2, 0)"), oracle=B2R, style="mindspore-reducesum-primitive")
C(M, "b2", N, J("dZ2 = A2 - Y", "db2 = ops.ReduceMean(keep_dims=True)(dZ2, 0)"), oracle=B2R, style="mindspore-reducemean-primitive")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = ops.matmul(dZ2, W2.T) * ops.sigmoid(Z1) * (1 - ops.sigmoid(Z1))", "dW1 = ops.matmul(X.T, dZ1)"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="mindspore-sigmoid-slope-for-relu")
C(S, "W", N, J("P_ = ops.softmax(ops.matmul(X, W) + b, axis=-1)", "dW = ops.matmul(X.T, P_ - Y) / X.shape[0]"), oracle=SW, style="mindspore-softmax-axis-minus1")

# ================================================================ Chainer (chainer.functions as F, .array)
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = F.matmul(A1, dZ2, transa=True).array"), oracle=W2R, style="chainer-matmul-transa-array")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = F.matmul(dZ2, W2, transb=True).array * (Z1 > 0)", "dW1 = F.matmul(X, dZ1, transa=True).array"), oracle=W1R, style="chainer-matmul-transb")
C(M, "b1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = F.matmul(dZ2, W2, transb=True).array * (Z1 > 0)", "db1 = F.sum(dZ1, axis=0, keepdims=True).array"), oracle=B1R, style="chainer-sum-keepdims")
C(M, "W1", N, J("xp = cuda.get_array_module(X)", "dZ2 = (A2 - Y) / m", "dZ1 = xp.dot(dZ2, W2.T) * (Z1 > 0)", "dW1 = xp.dot(X.T, dZ1)"), oracle=W1R, style="chainer-get-array-module-xp")
C(M, "W1", N, J("xp = cuda.get_array_module(X)", "dZ2 = (A2 - Y) / m", "dZ1 = xp.dot(dZ2, W2.T) * (Z1 > 0)", "dW1 = F.matmul(X, dZ1, transb=True).array"), "*", oracle="X @ (((A2 - Y) / m) @ W2.T * (Z1 > 0)).T", style="chainer-transb-for-transa", note="m x n_in times n_h x m: does not fit")

# ================================================================ MXNet's numpy interface (from mxnet import np, npx)
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = np.dot(dZ2, W2.T) * (npx.relu(Z1) > 0)", "dW1 = np.dot(X.T, dZ1)"), oracle=W1R, style="mxnet-npx-relu-mask")
C(M, "W2", N, J("dZ2 = (npx.sigmoid(Z2) - Y) / m", "dW2 = np.dot(A1.T, dZ2)"), oracle=W2R, style="mxnet-npx-sigmoid")
C(S, "W", N, J("P_ = npx.softmax(Z, axis=1)", "dW = np.dot(X.T, P_ - Y) / m"), oracle=SW, style="mxnet-npx-softmax")
C(S, "W", N, J("P_ = npx.softmax(Z, axis=0)", "dW = np.dot(X.T, P_ - Y) / m"), "*", oracle="X.T @ (np.exp(Z) / np.exp(Z).sum(0, keepdims=True) - Y) / m", style="mxnet-npx-softmax-axis0")

# ================================================================ Keras: a custom train_step writing the gradient out
C(M, "W2", N, J(
    "class ManualModel(keras.Model):",
    "    def train_step(self, data):",
    "        x, y = data",
    "        z1 = tf.matmul(x, W1) + b1",
    "        a1 = tf.nn.relu(z1)",
    "        a2 = tf.sigmoid(tf.matmul(a1, W2) + b2)",
    "        n = tf.cast(tf.shape(x)[0], tf.float64)",
    "        dz2 = (a2 - y) / n",
    "        dW2 = tf.matmul(a1, dz2, transpose_a=True)",
    "        db2 = tf.reduce_sum(dz2, axis=0, keepdims=True)",
    "        self.optimizer.apply_gradients(zip([dW2, db2], [W2, b2]))",
    "        return {'loss': 0.0}",
    "",
    "grads = ManualModel().train_step((X, Y))",
    "dW2 = tf.matmul(A1, (A2 - Y) / m, transpose_a=True)",
), oracle=W2R, style="keras-train-step-then-line")
C(M, "W1", N, J(
    "def manual_gradients(x, y):",
    "    z1 = tf.matmul(x, W1) + b1",
    "    a1 = tf.nn.relu(z1)",
    "    a2 = tf.sigmoid(tf.matmul(a1, W2) + b2)",
    "    dz2 = (a2 - y) / tf.cast(tf.shape(x)[0], a2.dtype)",
    "    dz1 = tf.matmul(dz2, W2, transpose_b=True) * tf.cast(z1 > 0, dz2.dtype)",
    "    return [tf.matmul(x, dz1, transpose_a=True), tf.reduce_sum(dz1, 0, keepdims=True),",
    "            tf.matmul(a1, dz2, transpose_a=True), tf.reduce_sum(dz2, 0, keepdims=True)]",
    "",
    "dW1, db1, dW2, db2 = manual_gradients(X, Y)",
), oracle=W1R, style="keras-manual-gradients-list")
C(M, "b1", N, J(
    "def manual_gradients(x, y):",
    "    z1 = tf.matmul(x, W1) + b1",
    "    a1 = tf.nn.relu(z1)",
    "    a2 = tf.sigmoid(tf.matmul(a1, W2) + b2)",
    "    dz2 = (a2 - y) / tf.cast(tf.shape(x)[0], a2.dtype)",
    "    dz1 = tf.matmul(dz2, W2, transpose_b=True) * tf.cast(z1 > 0, dz2.dtype)",
    "    return [tf.matmul(x, dz1, transpose_a=True), tf.reduce_sum(dz1, 1, keepdims=True),",
    "            tf.matmul(a1, dz2, transpose_a=True), tf.reduce_sum(dz2, 0, keepdims=True)]",
    "",
    "dW1, db1, dW2, db2 = manual_gradients(X, Y)",
), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="keras-manual-gradients-b1-axis1")
C(R, "w1", N, J(
    "def train_step(x, y):",
    "    h = tf.matmul(x, w1)",
    "    h_relu = tf.keras.activations.relu(h)",
    "    y_pred = tf.matmul(h_relu, w2)",
    "    g = 2.0 * (y_pred - y)",
    "    g_h = tf.matmul(g, tf.transpose(w2)) * tf.cast(h > 0, g.dtype)",
    "    return tf.linalg.matmul(x, g_h, transpose_a=True)",
    "",
    "grad_w1 = train_step(x, y)",
), oracle=RW1, style="keras-activations-relu-linalg-matmul")
C(R, "w1", N, J(
    "def train_step(x, y):",
    "    h = tf.matmul(x, w1)",
    "    h_relu = tf.keras.activations.relu(h)",
    "    y_pred = tf.matmul(h_relu, w2)",
    "    g = 2.0 * (y_pred - y) / tf.cast(tf.size(y), tf.float64)",
    "    g_h = tf.matmul(g, tf.transpose(w2)) * tf.cast(h > 0, g.dtype)",
    "    return tf.linalg.matmul(x, g_h, transpose_a=True)",
    "",
    "grad_w1 = train_step(x, y)",
), "scale-factor", oracle=f"{RW1} / (n * D_out)", style="keras-tf-size-mean-for-sum")

# ================================================================ Numba @njit / @jit and @jax.jit by hand
C(M, "W1", N, J(
    "@numba.njit",
    "def backward(X, Y, A2, W2, Z1):",
    "    m = X.shape[0]",
    "    dZ2 = (A2 - Y) / m",
    "    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)",
    "    return X.T @ dZ1",
    "",
    "dW1 = backward(X, Y, A2, W2, Z1)",
), oracle=W1R, style="numba-njit-W1")
C(M, "W1", N, J(
    "from numba import jit",
    "",
    "@jit(nopython=True, cache=True)",
    "def grad_W1(X, Y, A2, W2, Z1):",
    "    m, n_in = X.shape",
    "    n_h = W2.shape[0]",
    "    dW1 = np.zeros((n_in, n_h))",
    "    for i in range(m):",
    "        d2 = (A2[i, 0] - Y[i, 0]) / m",
    "        for j in range(n_h):",
    "            if Z1[i, j] > 0:",
    "                for k in range(n_in):",
    "                    dW1[k, j] += X[i, k] * d2 * W2[j, 0]",
    "    return dW1",
    "",
    "dW1 = grad_W1(X, Y, A2, W2, Z1)",
), oracle=W1R, style="numba-jit-triple-loop")
C(M, "b2", N, J(
    "@numba.jit(nopython=True)",
    "def grad_b2(A2, Y):",
    "    s = 0.0",
    "    for i in range(A2.shape[0]):",
    "        s += A2[i, 0] - Y[i, 0]",
    "    return s / A2.shape[0]",
    "",
    "db2 = grad_b2(A2, Y)",
), oracle=B2R, style="numba-jit-scalar-loop-b2")
C(M, "W1", N, J(
    "@numba.njit(parallel=True)",
    "def backward(X, Y, A2, W2, Z1):",
    "    m = X.shape[0]",
    "    dZ2 = (A2 - Y) / m",
    "    dZ1 = (dZ2 @ W2.T) * (Z1 >= 0)",
    "    return X.T @ dZ1",
    "",
    "dW1 = backward(X, Y, A2, W2, Z1)",
), "relu-at-zero", style="numba-njit-ge-zero", note="relu'(0) = 0 in PyTorch: (Z1 >= 0) passes the gradient at a kink (README policy)")
C(R, "w2", N, J(
    "@jax.jit",
    "def grad_w2(h_relu, y_pred, y):",
    "    return 2.0 * jnp.matmul(h_relu.T, y_pred - y)",
    "",
    "grad_w2 = grad_w2(h_relu, y_pred, y)",
), oracle=RW2, style="jax-jit-decorated")
C(R, "w1", N, J(
    "@partial(jax.jit, static_argnums=())",
    "def grad_w1(x, w1, w2, y):",
    "    h = x @ w1",
    "    y_pred = jax.nn.relu(h) @ w2",
    "    g = 2.0 * (y_pred - y)",
    "    return x.T @ ((g @ w2.T) * jnp.where(h > 0, 1.0, 0.0))",
    "",
    "grad_w1 = grad_w1(x, w1, w2, y)",
), oracle=RW1, style="jax-partial-jit-where")
C(R, "w1", N, J(
    "@jax.jit",
    "def grad_w1(x, w1, w2, y):",
    "    h = x @ w1",
    "    y_pred = jax.nn.relu(h) @ w2",
    "    g = 2.0 * (y_pred - y)",
    "    return x.T @ ((g @ w2.T) * jax.nn.sigmoid(h))",
    "",
    "grad_w1 = grad_w1(x, w1, w2, y)",
), "wrong-activation-derivative", oracle="x.T @ ((2 * (y_pred - y) @ w2.T) * sigmoid(h))", style="jax-jit-sigmoid-as-relu-slope")

# ================================================================ several gradients returned as a dict: the asked one by --wrt
BW_DICT = J(
    "def backward(X, Y, cache, params):",
    "    m = X.shape[0]",
    "    dZ2 = cache['A2'] - Y",
    "    dW2 = cache['A1'].T @ dZ2 / m",
    "    db2 = np.sum(dZ2, axis=0, keepdims=True) / m",
    "    dZ1 = dZ2 @ params['W2'].T * (cache['Z1'] > 0)",
    "    dW1 = X.T @ dZ1 / m",
    "    db1 = np.sum(dZ1, axis=0, keepdims=True) / m",
    "    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}",
    "",
    "grads = backward(X, Y, {'Z1': Z1, 'A1': A1, 'A2': A2}, {'W1': W1, 'W2': W2})",
)
C(M, "W1", N, BW_DICT, oracle=W1R, style="dict-returned-wrt-W1")
C(M, "b1", N, BW_DICT, oracle=B1R, style="dict-returned-wrt-b1")
C(M, "W2", N, BW_DICT, oracle=W2R, style="dict-returned-wrt-W2")
C(M, "b2", N, BW_DICT, oracle=B2R, style="dict-returned-wrt-b2")
C(M, "W1", N, BW_DICT.replace("dZ1 = dZ2 @ params['W2'].T * (cache['Z1'] > 0)", "dZ1 = dZ2 @ params['W2'].T"), "missing-activation-derivative", oracle=NOMASK_W1, style="dict-returned-wrt-W1-no-mask")
C(M, "b1", N, BW_DICT.replace("db1 = np.sum(dZ1, axis=0, keepdims=True) / m", "db1 = np.sum(dZ1, axis=0, keepdims=True)"), "scale-factor", oracle=f"{B1R} * m", style="dict-returned-wrt-b1-no-m")
C(R, "w1", N, J(
    "grad_y_pred = 2.0 * (y_pred - y)",
    "grad_w2 = h_relu.T @ grad_y_pred",
    "grad_h = grad_y_pred @ w2.T",
    "grad_h[h <= 0] = 0",
    "grad_w1 = x.T @ grad_h",
    "grads = {'w1': grad_w1, 'w2': grad_w2}",
), oracle=RW1, style="dict-literal-last-w1")
C(R, "w2", N, J(
    "grad_y_pred = 2.0 * (y_pred - y)",
    "grad_w2 = h_relu.T @ grad_y_pred",
    "grad_h = grad_y_pred @ w2.T",
    "grad_h[h <= 0] = 0",
    "grad_w1 = x.T @ grad_h",
    "grads = {'w1': grad_w1, 'w2': grad_w2}",
), oracle=RW2, style="dict-literal-last-w2")
C(T, "W1", N, J(
    "def gradients(X, h, y_pred, y_target, W2):",
    "    e = y_pred - y_target",
    "    return dict(W1=X.T @ (e @ W2.T * h * (1 - h)), W2=h.T @ e)",
    "",
    "g = gradients(X, h, y_pred, y_target, W2)",
), oracle=TW1, style="dict-call-keywords-W1")
C(T, "W2", N, J(
    "def gradients(X, h, y_pred, y_target, W2):",
    "    e = y_pred - y_target",
    "    return dict(W1=X.T @ (e @ W2.T * h * (1 - h)), W2=e.T @ h)",
    "",
    "g = gradients(X, h, y_pred, y_target, W2)",
), "*", oracle="(y_pred - y_target).T @ h", style="dict-call-keywords-W2-transposed", note="1 x n_h for n_h x 1")

# ================================================================ Chinese blogs (CSDN/知乎): one column per example, # 反向传播
COL = J(
    "# 反向传播（列向量风格：每一列是一个样本）",
    "X_ = X.T        # (n_in, m)",
    "Y_ = Y.T        # (1, m)",
    "A1_ = A1.T      # (n_h, m)",
    "A2_ = A2.T      # (1, m)",
    "dz2 = A2_ - Y_                      # (1, m)",
    "dw2 = np.dot(dz2, A1_.T) / m        # (1, n_h)",
    "dz1 = np.dot(W2, dz2) * (Z1.T > 0)  # (n_h, m)",
    "dw1 = np.dot(dz1, X_.T) / m         # (n_h, n_in)",
    "db1 = np.sum(dz1, axis=1, keepdims=True) / m",
)
C(M, "W2", N, J(COL, "dW2 = dw2.T  # 转置回 (n_h, 1)"), lang=Z, oracle=W2R, style="zh-column-style-W2")
C(M, "W1", N, J(COL, "dW1 = dw1.T"), lang=Z, oracle=W1R, style="zh-column-style-W1")
C(M, "b1", N, J(COL, "db1 = db1.T  # (1, n_h)"), lang=Z, oracle=B1R, style="zh-column-style-b1")
C(M, "W2", N, J(COL, "dW2 = dw2  # 忘了转置"), "*", lang=Z, oracle="((A2 - Y).T @ A1) / m", style="zh-column-style-W2-not-transposed")
C(M, "W1", N, J(COL.replace("dz1 = np.dot(W2, dz2) * (Z1.T > 0)", "dz1 = np.dot(W2, dz2) * (1 - np.power(A1_, 2))"), "dW1 = dw1.T"), "wrong-activation-derivative", lang=Z, oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="zh-column-style-tanh-slope")
C(M, "b1", N, J(COL.replace("db1 = np.sum(dz1, axis=1, keepdims=True) / m", "db1 = np.sum(dz1, axis=0, keepdims=True) / m"), "db1 = db1.T"), "*", lang=Z, oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="zh-column-style-b1-axis0", note="(m, 1) for (1, n_h)")
C(R, "w1", N, J("# 反向传播：损失是平方和，没有除以 n", "grad_y_pred = 2.0 * (y_pred - y)", "grad_h_relu = grad_y_pred.dot(w2.T)", "grad_h = grad_h_relu.copy()", "grad_h[h <= 0] = 0  # ReLU 的导数", "grad_w1 = x.T.dot(grad_h)"), lang=Z, oracle=RW1, style="zh-relu-mlp-copy-mask")
C(R, "w1", N, J("# 反向传播", "grad_y_pred = 2.0 * (y_pred - y) / n  # 取平均", "grad_h = grad_y_pred.dot(w2.T) * (h > 0)", "grad_w1 = x.T.dot(grad_h)"), "scale-factor", lang=Z, oracle=f"{RW1} / n", style="zh-relu-mlp-mean-habit")
C(T, "W1", N, J("# 反向传播：先求输出层误差", "delta2 = y_pred - y_target", "# 隐藏层误差，sigmoid 的导数是 h(1-h)", "delta1 = np.multiply(np.dot(delta2, W2.T), np.multiply(h, 1 - h))", "dW1 = np.dot(X.T, delta1)"), lang=Z, oracle=TW1, style="zh-tiny-delta-multiply")
C(T, "W1", N, J("# 反向传播", "delta2 = y_pred - y_target", "delta1 = np.dot(delta2, W2.T) * h_raw * (1 - h_raw)  # sigmoid 导数", "dW1 = np.dot(X.T, delta1)"), "wrong-activation-derivative", lang=Z, oracle="X.T @ ((y_pred - y_target) @ W2.T * h_raw * (1 - h_raw))", style="zh-tiny-slope-of-preactivation")
C(S, "W", N, J("# softmax 回归的梯度：(预测概率 - 真实标签) 再乘输入", "probs = np.exp(Z) / np.sum(np.exp(Z), axis=1, keepdims=True)", "dW = np.dot(X.T, probs - Y) / m"), lang=Z, oracle=SW, style="zh-softmax-probs")
C(S, "W", N, J("# softmax 回归的梯度", "probs = np.exp(Z) / np.sum(np.exp(Z), axis=1, keepdims=True)", "dW = np.dot(X.T, probs) / m  # 忘了减去标签"), "*", lang=Z, oracle="X.T @ P / m", style="zh-softmax-no-label")

# ================================================================ Octave / Julia ports
C(M, "W1", N, J("% backprop, one row per example", "d3 = A2 - Y;", "d2 = (d3 * W2') .* (Z1 > 0);", "Delta1 = X' * d2;", "dW1 = Delta1 / m;"), oracle=W1R, style="octave-Delta1-over-m")
C(M, "b1", N, J("d3 = A2 - Y;", "d2 = (d3 * W2') .* (Z1 > 0);", "db1 = mean(d2, 1);"), oracle=B1R, style="octave-mean-dim1")
C(M, "W2", N, J("d3 = A2 - Y;", "dW2 = (A1' * d3) ./ size(X, 1);"), oracle=W2R, style="octave-dot-divide-size")
C(M, "W1", N, J("d3 = A2 - Y;", "d2 = (d3 * W2') .* A1 .* (1 - A1);", "dW1 = X' * d2 / m;"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="octave-sigmoid-slope-on-relu")
C(R, "w2", N, J("# Julia", "grad_y = 2 .* (y_pred .- y)", "grad_w2 = h_relu' * grad_y"), oracle=RW2, style="julia-broadcast-dots")
C(R, "w1", N, J("# Julia", "grad_y = 2 .* (y_pred .- y)", "grad_h = (grad_y * w2') .* (h .> 0)", "grad_w1 = x' * grad_h"), oracle=RW1, style="julia-broadcast-gt")
C(R, "w1", N, J("# Julia", "grad_y = 2 .* (y_pred .- y)", "grad_h = grad_y * w2'", "grad_w1 = x' * grad_h"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="julia-no-mask")

# ================================================================ per-example loops and layer objects walked by a loop
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "for i in range(m):", "    dW2 += np.outer(A1[i], A2[i] - Y[i])", "dW2 /= m"), oracle=W2R, style="loop-outer-W2")
C(M, "b1", N, J("db1 = np.zeros((1, n_h))", "for i in range(m):", "    dz1 = (A2[i, 0] - Y[i, 0]) * W2[:, 0] * (Z1[i] > 0)", "    db1[0] += dz1 / m"), oracle=B1R, style="loop-db1-row-zero")
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "for a1, a2, y in zip(A1, A2, Y):", "    dW2 += a1[:, None] * (a2 - y) / m"), oracle=W2R, style="loop-zip-rows-none")
C(M, "W2", N, J("dW2 = np.zeros_like(W2)", "for a1, a2, y in zip(A1, A2, Y):", "    dW2 += a1[:, None] * (a2 - y)"), "scale-factor", oracle=f"{W2R} * m", style="loop-zip-rows-no-m")
C(R, "w2", N, J("grad_w2 = np.zeros_like(w2)", "for i in range(n):", "    grad_w2 += 2 * np.outer(h_relu[i], y_pred[i] - y[i])"), oracle=RW2, style="loop-outer-relu-mlp-w2")
C(R, "w1", N, J("grad_w1 = np.zeros_like(w1)", "for i in range(n):", "    g = 2 * (y_pred[i] - y[i]) @ w2.T", "    g = g * (h[i] > 0)", "    grad_w1 += np.outer(x[i], g)"), oracle=RW1, style="loop-outer-relu-mlp-w1")
C(R, "w1", N, J("grad_w1 = np.zeros_like(w1)", "for i in range(n):", "    g = 2 * (y_pred[i] - y[i]) @ w2.T", "    grad_w1 += np.outer(x[i], g)"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="loop-outer-relu-mlp-w1-no-mask")
LAYERS = J(
    "class Affine:",
    "    def __init__(self, W, b):",
    "        self.W, self.b = W, b",
    "    def forward(self, x):",
    "        self.x = x",
    "        return x @ self.W + self.b",
    "    def backward(self, d):",
    "        self.dW = self.x.T @ d",
    "        self.db = d.sum(axis=0, keepdims=True)",
    "        return d @ self.W.T",
    "",
    "class Relu:",
    "    def forward(self, x):",
    "        self.x = x",
    "        return np.maximum(x, 0)",
    "    def backward(self, d):",
    "        return d * (self.x > 0)",
    "",
    "net = [Affine(W1, b1), Relu(), Affine(W2, b2)]",
    "out = X",
    "for layer in net:",
    "    out = layer.forward(out)",
    "d = (1 / (1 + np.exp(-out)) - Y) / m",
    "for layer in reversed(net):",
    "    d = layer.backward(d)",
)
C(M, "W1", N, J(LAYERS, "dW1 = net[0].dW"), oracle=W1R, style="layers-forward-and-backward-loops-W1")
C(M, "b2", N, J(LAYERS, "db2 = net[2].db"), oracle=B2R, style="layers-forward-and-backward-loops-b2")
C(M, "W1", N, J(LAYERS.replace("return d * (self.x > 0)", "return d * (self.x < 0)"), "dW1 = net[0].dW"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 < 0)) / m", style="layers-loops-mask-flipped")

# ================================================================ other built-ins in new spellings
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dV = A.T @ dO", "dW_v = X.T @ dV"), oracle=AWV, style="att-size-attribute")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dV = A @ dO", "dW_v = X.T @ dV"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="att-A-not-transposed-square")
C(A, "W_v", N, J("dO = (O - T) / O.size", "dW_v = X.T @ A.T @ dO"), "scale-factor", oracle=f"{AWV} / 2", style="att-no-two")
C(A, "W_v", N, J("dO = torch.mul(2.0, torch.sub(O, T)) / torch.numel(O)", "dW_v = torch.linalg.multi_dot([X.T, A.T, dO])"), oracle=AWV, style="att-torch-multi-dot")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - np.square(h_2))", "dz1 = (dz2 @ W_h.T) * (1 - np.square(h_1))", "dW_x = np.concatenate([x_1, x_2]).T @ np.concatenate([dz1, dz2])"), oracle=RWX, style="rnn-concatenate-time")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - np.square(h_2))", "dz1 = (dz2 @ W_h.T) * (1 - np.square(h_1))", "dW_h = np.vstack([h_0, h_1]).T @ np.vstack([dz1, dz2])"), oracle=RWH, style="rnn-vstack-time-W_h")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - np.square(h_2))", "dW_h = h_1.T @ dz2"), "missing-path", oracle=f"h_1.T @ {R2_D2}", style="rnn-W_h-last-step-only")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - np.square(h_2))", "dz1 = (dz2 @ W_h) * (1 - np.square(h_1))", "dW_x = x_2.T @ dz2 + x_1.T @ dz1"), "*", oracle=f"x_2.T @ {R2_D2} + x_1.T @ ({R2_D2} @ W_h * (1 - h_1 ** 2))", style="rnn-W_h-not-transposed")
C(R2, "b", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "db = (dz1 + dz2).sum(axis=0, keepdims=True)"), oracle=f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)", style="rnn-b-method-sum")
C(CH, "w", N, J("def grad_w(x, w, b):", "    v = w * x + b", "    return 2 * v * x", "dw = grad_w(x, w, b)"), oracle="2 * v * x", style="chain-helper-recomputed")
C(CH, "b", N, J("dv = 2 * v", "db = dv * x"), "*", oracle="2 * v * x", style="chain-b-times-x")
C(CH, "x", N, J("dL_dv = 2 * v", "dL_du = dL_dv * 1", "dL_dx = dL_du * w"), oracle="2 * v * w", style="chain-x-named-steps")
C(E, "w", N, J("o = O.item()", "delta = (o - t) * o * (1 - o)", "dw = delta * x"), oracle=EW, style="neuron-item")
C(E, "w", N, J("o = float(O)", "dw = (o - t) * x"), "missing-activation-derivative", oracle="(O - t) * x", style="neuron-float-no-slope")
C(E, "w", N, J("delta = (O - t) * O * (1 - O)", "dw = delta * x / x.shape[1]"), "scale-factor", oracle=f"{EW} / n", style="neuron-divide-by-n")
C(T, "W2", N, J("err = (y_pred - y_target).item()", "dW2 = err * h.T"), oracle=TW2, style="tiny-item-times-hT")
C(T, "W2", N, J("err = (y_pred - y_target).item()", "dW2 = err * h"), "*", oracle="(y_pred - y_target) * h", style="tiny-item-times-h-row", note="1 x n_h for n_h x 1")
C(MW, "W2", N, J("dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "dW2 = safe_sparse_dot(A1.T, dZ2)"), oracle=f"A1.T @ {WDZ} / m", style="weighted-safe-sparse-dot")
C(MW, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = safe_sparse_dot(A1.T, dZ2)"), "*", oracle=W2R, style="weighted-unweighted-formula")
C(MW, "b2", N, J("# 正类权重 w 只乘 Y 的那一项", "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "db2 = dZ2.mean(axis=0, keepdims=True)"), lang=Z, oracle=f"np.mean({WDZ}, axis=0, keepdims=True)", style="zh-weighted-b2-mean")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = paddle.sum(dY, axis=0, keepdim=True)"), oracle=BBT, style="bn-beta-paddle")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = ops.sum(dY * Z_hat, 0, keepdim=True)"), oracle=BGM, style="bn-gamma-mindspore-ops-sum")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.sum(dY * Z, axis=0, keepdims=True)"), "*", oracle=f"np.sum({BN_DY} * Z, axis=0, keepdims=True)", style="bn-gamma-unnormalised-Z")

# ================================================================ refusals (no hand derivation, another language, a placeholder)
C(M, "W2", N, J("loss = F.binary_cross_entropy(A2, Y)", "loss.backward()", "dW2 = W2.grad"), REFUSE, style="paddle-loss-backward-grad")
C(M, "W1", N, "dW1 = paddle.grad(loss, W1)[0]", REFUSE, style="paddle-grad-call")
C(S, "W", N, J("grad_fn = ops.value_and_grad(forward_fn, None, [W, b])", "loss, (dW, db) = grad_fn(X, Y)"), REFUSE, style="mindspore-value-and-grad")
C(R, "w1", N, "grad_w1 = crossprod(x, (2 * (y_pred - y) %*% t(w2)) * (h > 0))", REFUSE, style="r-crossprod")
C(M, "W1", N, J("def backward(X, Y, cache, params):", "    # YOUR CODE HERE", "    pass", "", "grads = backward(X, Y, cache, params)", "dW1 = grads['dW1']"), REFUSE, style="hw-pass-placeholder")
C(R, "w2", N, "grad_w2 = jax.grad(lambda w: jnp.sum((jax.nn.relu(x @ w1) @ w - y) ** 2))(w2)", REFUSE, style="jax-grad-lambda")

# ================================================================ lecturer networks no corpus had used
# ---- Ng's ex4 with np.hstack (Theta1: h x (n+1), Theta2: K x (h+1))
EX_D3 = "(h_x - Y)"
EX_T2 = f"{EX_D3}.T @ a2 / m + lam / m * np.hstack([np.zeros((K, 1)), Theta2[:, 1:]])"
EX_D2 = f"(({EX_D3} @ Theta2[:, 1:]) * sigmoid(z2) * (1 - sigmoid(z2)))"
EX_T1 = f"{EX_D2}.T @ a1 / m + lam / m * np.hstack([np.zeros((h, 1)), Theta1[:, 1:]])"
SIGM = J("def sigmoid(z):", "    return 1.0 / (1.0 + np.exp(-z))", "", "def sigmoidGradient(z):", "    g = sigmoid(z)", "    return g * (1 - g)", "")
C(EX, "Theta1", N, J(SIGM, "d3 = h_x - Y", "d2 = (d3 @ Theta2)[:, 1:] * sigmoidGradient(z2)", "Theta1_grad = d2.T @ a1 / m", "reg = np.copy(Theta1)", "reg[:, 0] = 0", "Theta1_grad = Theta1_grad + lam / m * reg"), oracle=EX_T1, style="ex4-hstack-T1-copy-zero-column")
C(EX, "Theta1", N, J(
    SIGM,
    "Delta1 = np.zeros(Theta1.shape)",
    "for t in range(m):",
    "    a1t = a1[t:t + 1, :]",
    "    z2t = a1t @ Theta1.T",
    "    a2t = np.hstack([np.ones((1, 1)), sigmoid(z2t)])",
    "    a3t = sigmoid(a2t @ Theta2.T)",
    "    d3 = a3t - Y[t:t + 1, :]",
    "    d2 = (d3 @ Theta2)[:, 1:] * sigmoidGradient(z2t)",
    "    Delta1 += d2.T @ a1t",
    "Theta1_grad = Delta1 / m",
    "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]",
), oracle=EX_T1, style="ex4-hstack-T1-per-example-loop")
C(EX, "Theta2", N, J("d3 = h_x - Y;", "Theta2_grad = (d3' * a2) / m;", "Theta2_grad(:, 2:end) = Theta2_grad(:, 2:end) + (lam / m) * Theta2(:, 2:end);"), oracle=EX_T2, style="ex4-octave-end-slice")
C(EX, "Theta2", N, J("d3 = h_x - Y", "Theta2_grad = d3.T @ a2 / m + lam / m * Theta2"), "extra-loss-term", oracle=f"{EX_D3}.T @ a2 / m + lam / m * Theta2", style="ex4-hstack-T2-bias-column-penalised")
C(EX, "Theta2", N, J("d3 = h_x - Y", "Theta2_grad = np.dot(d3.T, a2) / m"), "missing-loss-term", oracle=f"{EX_D3}.T @ a2 / m", style="ex4-hstack-T2-no-penalty")
C(EX, "Theta1", N, J("d3 = h_x - Y", "s = a2[:, 1:]", "d2 = (d3 @ Theta2[:, 1:]) * s * (1 - s)", "Theta1_grad = d2.T @ a1 / m", "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]"), oracle=EX_T1, style="ex4-hstack-T1-slope-from-a2")
C(EX, "Theta1", N, J(SIGM, "d3 = h_x - Y", "d2 = (d3 @ Theta2)[:, 1:] * sigmoid(z2) * (1 - z2)", "Theta1_grad = d2.T @ a1 / m", "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]"), "*", oracle=f"(({EX_D3} @ Theta2[:, 1:]) * sigmoid(z2) * (1 - z2)).T @ a1 / m + lam / m * np.hstack([np.zeros((h, 1)), Theta1[:, 1:]])", style="ex4-hstack-T1-slope-one-minus-z")
C(EX, "Theta1", N, J(SIGM, "d3 = h_x - Y", "d2 = (d3 @ Theta2)[:, 1:] * sigmoidGradient(z2)", "Theta1_grad = d2.T @ a1 / m", "Theta1_grad[:, 1:] += lam / (2 * m) * Theta1[:, 1:]"), "loss-term-factor", oracle=f"{EX_D2}.T @ a1 / m + lam / (2 * m) * np.hstack([np.zeros((h, 1)), Theta1[:, 1:]])", style="ex4-hstack-T1-half-lambda")
C(EX, "Theta2", N, J("# 输出层误差，正则项不含偏置列", "d3 = h_x - Y", "Theta2_grad = d3.T @ a2 / m", "Theta2_grad[:, 1:] += lam / m * Theta2[:, 1:]"), lang=Z, oracle=EX_T2, style="zh-ex4-hstack-T2")

# ---- Karpathy's makemore MLP, a 3-character context (manual backprop, no autograd)
MKP = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
MKY = "np.eye(vocab_size)[Yb.astype(int)]"
MK_DL = f"(({MKP} - {MKY}) / n)"
MK_W2 = f"h.T @ {MK_DL}"
MK_B2 = f"{MK_DL}.sum(0)"
MK_DH = f"({MK_DL} @ W2.T * (1 - h ** 2))"
MK_W1 = f"embcat.T @ {MK_DH}"
MK_B1 = f"{MK_DH}.sum(0)"
MK_DE = f"({MK_DH} @ W1.T)"
MK_C = " + ".join(f"np.eye(vocab_size)[Xb[:, {j}].astype(int)].T @ {MK_DE}[:, {2 * j}:{2 * j + 2}]" for j in range(3))
MK_PRE = J("dlogits = F.softmax(logits, 1)", "dlogits[range(n), Yb] -= 1", "dlogits /= n")
MK_CHAIN = J(MK_PRE, "dh = dlogits @ W2.T", "dhpreact = (1.0 - h ** 2) * dh")
C(MK, "W2", N, J("probs = logits.softmax(-1)", "dlogits = (probs - F.one_hot(Yb, vocab_size)) / n", "dW2 = h.T @ dlogits"), oracle=MK_W2, style="mk3-one-hot-softmax-method")
C(MK, "b2", N, J(MK_PRE, "db2 = dlogits.sum(0)"), oracle=MK_B2, style="mk3-b2")
C(MK, "W1", N, J(MK_CHAIN, "dW1 = embcat.T @ dhpreact"), oracle=MK_W1, style="mk3-W1")
C(MK, "b1", N, J(MK_CHAIN, "db1 = dhpreact.sum(0)"), oracle=MK_B1, style="mk3-b1")
C(MK, "C", N, J(
    MK_CHAIN,
    "dembcat = dhpreact @ W1.T",
    "demb = dembcat.view(emb.shape)",
    "dC = torch.zeros_like(C)",
    "for k in range(Xb.shape[0]):",
    "    for j in range(Xb.shape[1]):",
    "        ix = Xb[k, j]",
    "        dC[ix] += demb[k, j]",
), oracle=MK_C, style="mk3-C-double-loop")
C(MK, "C", N, J(
    MK_CHAIN,
    "demb = (dhpreact @ W1.T).view(n, block_size, n_embd)",
    "dC = torch.zeros_like(C)",
    "dC.index_add_(0, Xb.view(-1), demb.view(-1, n_embd))",
), oracle=MK_C, style="mk3-C-index-add")
C(MK, "C", N, J(
    MK_CHAIN,
    "demb = (dhpreact @ W1.T).view(n, block_size, n_embd)",
    "dC = torch.zeros_like(C)",
    "dC[Xb] = demb",
), "*", style="mk3-C-fancy-assign-overwrites", note="Xb repeats indices: the assignment keeps one of them, no sum")
C(MK, "W2", N, J("dlogits = F.softmax(logits, 1)", "dlogits[range(n), Yb] -= 1", "dW2 = h.T @ dlogits"), "scale-factor", oracle=f"{MK_W2} * n", style="mk3-W2-no-mean")
C(MK, "W1", N, J(MK_PRE, "dh = dlogits @ W2.T", "dhpreact = (1.0 - hpreact ** 2) * dh", "dW1 = embcat.T @ dhpreact"), "wrong-activation-derivative", oracle=f"embcat.T @ ({MK_DL} @ W2.T * (1 - hpreact ** 2))", style="mk3-tanh-slope-of-preact")
C(MK, "W1", N, J(MK_PRE, "dhpreact = dlogits @ W2.T", "dW1 = embcat.T @ dhpreact"), "missing-activation-derivative", oracle=f"embcat.T @ ({MK_DL} @ W2.T)", style="mk3-no-tanh-slope")
C(MK, "W2", N, J("dlogits = F.softmax(logits, 1) / n", "dW2 = h.T @ dlogits"), "*", oracle=f"h.T @ {MKP} / n", style="mk3-no-one-hot-subtracted")
C(MK, "b1", N, J(MK_CHAIN, "db1 = dhpreact.sum(1)"), "*", oracle=f"{MK_DH}.sum(1)", style="mk3-b1-axis1")

# ---- Ng's ex8 collaborative filtering (中文注释)
CF_E = "((X @ Theta.T - Y) * R)"
CF_X = f"{CF_E} @ Theta + lam * X"
CF_T = f"{CF_E}.T @ X + lam * Theta"
C(CF, "X", N, "X_grad = (X @ Theta.T - Y) * R @ Theta + lam * X", oracle=CF_X, style="cofi-X-one-line")
C(CF, "Theta", N, J("# 只对有评分的 (R == 1) 求误差", "err = (X @ Theta.T - Y) * R", "Theta_grad = err.T @ X + lam * Theta"), lang=Z, oracle=CF_T, style="zh-cofi-Theta")
C(CF, "X", N, J(
    "X_grad = np.zeros_like(X)",
    "for i in range(num_movies):",
    "    idx = np.where(R[i, :] == 1)[0]",
    "    Theta_tmp = Theta[idx, :]",
    "    Y_tmp = Y[i, idx]",
    "    X_grad[i, :] = (X[i, :] @ Theta_tmp.T - Y_tmp) @ Theta_tmp + lam * X[i, :]",
), oracle=CF_X, style="cofi-X-per-movie-idx-loop", note="the ex8 PDF's own vectorisation hint")
C(CF, "Theta", N, "Theta_grad = (X @ Theta.T - Y).T @ X + lam * Theta", "*", oracle="(X @ Theta.T - Y).T @ X + lam * Theta", style="cofi-Theta-no-R")
C(CF, "X", N, J("err = (X @ Theta.T - Y) * R", "X_grad = err @ Theta + lam / 2 * X"), "loss-term-factor", oracle=f"{CF_E} @ Theta + lam / 2 * X", style="cofi-X-half-lambda")
C(CF, "Theta", N, J("err = (X @ Theta.T - Y) * R", "Theta_grad = err.T @ X"), "missing-loss-term", oracle=f"{CF_E}.T @ X", style="cofi-Theta-no-penalty")
C(CF, "X", N, J("# 忘了乘 R", "X_grad = (X @ Theta.T - Y) @ Theta + lam * X"), "*", lang=Z, oracle="(X @ Theta.T - Y) @ Theta + lam * X", style="zh-cofi-X-no-R")

# ---- SELU then CELU(alpha = 0.5), cross-entropy
SC_DL = "((np.exp(logits) / np.exp(logits).sum(1, keepdims=True) - np.eye(C)[labels.astype(int)]) / N)"
SC_Z2 = "(h1 @ W2)"
SC_W3 = f"h2.T @ {SC_DL}"
SC_W2 = f"h1.T @ ({SC_DL} @ W3.T * np.where({SC_Z2} > 0, 1.0, np.exp({SC_Z2} / 0.5)))"
C(SC, "W3", N, J("dlogits = (F.softmax(logits, dim=1) - F.one_hot(labels, C)) / N", "dW3 = h2.T @ dlogits"), oracle=SC_W3, style="selu-celu-W3")
C(SC, "W2", N, J("dlogits = (F.softmax(logits, dim=1) - F.one_hot(labels, C)) / N", "z2 = h1 @ W2", "dz2 = (dlogits @ W3.T) * torch.where(z2 > 0, torch.ones_like(z2), torch.exp(z2 / 0.5))", "dW2 = h1.T @ dz2"), oracle=SC_W2, style="selu-celu-W2-where-exp")
C(SC, "W2", N, J("dlogits = (F.softmax(logits, dim=1) - F.one_hot(labels, C)) / N", "dz2 = (dlogits @ W3.T) * torch.where(h2 > 0, torch.ones_like(h2), h2 / 0.5 + 1)", "dW2 = h1.T @ dz2"), oracle=SC_W2, style="selu-celu-W2-slope-from-output")
C(SC, "W2", N, J("dlogits = (F.softmax(logits, dim=1) - F.one_hot(labels, C)) / N", "z2 = h1 @ W2", "dz2 = (dlogits @ W3.T) * torch.where(z2 > 0, torch.ones_like(z2), torch.exp(z2))", "dW2 = h1.T @ dz2"), "wrong-activation-derivative", oracle=f"h1.T @ ({SC_DL} @ W3.T * np.where({SC_Z2} > 0, 1.0, np.exp({SC_Z2})))", style="selu-celu-W2-alpha-one")
C(SC, "W2", N, J("dlogits = (F.softmax(logits, dim=1) - F.one_hot(labels, C)) / N", "z2 = h1 @ W2", "dz2 = (dlogits @ W3.T)", "dW2 = h1.T @ dz2"), "missing-activation-derivative", oracle=f"h1.T @ ({SC_DL} @ W3.T)", style="selu-celu-W2-no-slope")
C(SC, "W3", N, J("dlogits = F.softmax(logits, dim=1) - F.one_hot(labels, C)", "dW3 = h2.T @ dlogits"), "scale-factor", oracle=f"{SC_W3} * N", style="selu-celu-W3-no-mean")

# ---- F.cross_entropy with class weights (the mean divides by the weights' sum)
CW_T = "target.astype(int)"
CW_WT = f"class_w[{CW_T}]"
CW_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
CW_DL = f"({CW_WT}[:, None] * ({CW_P} - np.eye(C)[{CW_T}]) / np.sum({CW_WT}))"
CW_W = f"x.T @ {CW_DL}"
CW_B = f"{CW_DL}.sum(0)"
C(CW, "W", N, J("w_i = class_w[target]", "dlogits = (F.softmax(logits, 1) - F.one_hot(target, C)) * w_i[:, None] / w_i.sum()", "dW = x.T @ dlogits"), oracle=CW_W, style="ce-weight-W")
C(CW, "b", N, J("w_i = class_w.gather(0, target)", "dlogits = (F.softmax(logits, 1) - F.one_hot(target, C)) * w_i.unsqueeze(1) / w_i.sum()", "db = dlogits.sum(0)"), oracle=CW_B, style="ce-weight-b-gather")
C(CW, "W", N, J("w_i = class_w[target]", "dlogits = (F.softmax(logits, 1) - F.one_hot(target, C)) * w_i[:, None] / B", "dW = x.T @ dlogits"), "*", oracle=f"x.T @ ({CW_WT}[:, None] * ({CW_P} - np.eye(C)[{CW_T}]) / B)", style="ce-weight-W-over-B")
C(CW, "W", N, J("dlogits = (F.softmax(logits, 1) - F.one_hot(target, C)) / B", "dW = x.T @ dlogits"), "*", oracle=f"x.T @ (({CW_P} - np.eye(C)[{CW_T}]) / B)", style="ce-weight-W-unweighted")
C(CW, "b", N, J("dlogits = (F.softmax(logits, 1) - F.one_hot(target, C)) * class_w / class_w[target].sum()", "db = dlogits.sum(0)"), "*", oracle=f"(({CW_P} - np.eye(C)[{CW_T}]) * class_w / np.sum({CW_WT})).sum(0)", style="ce-weight-b-per-column")
C(CW, "W", N, J("p = torch.softmax(x @ W + b, dim=1)", "p[torch.arange(B), target] -= 1", "dW = x.T @ (p * class_w[target].view(-1, 1)) / class_w[target].sum()"), oracle=CW_W, style="ce-weight-W-arange-view")

# ---- LSGAN discriminator (two sigmoid-then-linear branches)
LS_SR = "sigmoid(real @ W1)"
LS_SF = "sigmoid(fake @ W1)"
LS_W2 = f"{LS_SR}.T @ (D_real - 1) / n + {LS_SF}.T @ D_fake / n"
LS_W1 = (f"real.T @ ((D_real - 1) / n @ W2.T * {LS_SR} * (1 - {LS_SR})) + "
         f"fake.T @ (D_fake / n @ W2.T * {LS_SF} * (1 - {LS_SF}))")
LS_PRE = J("s_r = torch.sigmoid(real @ W1)", "s_f = torch.sigmoid(fake @ W1)")
C(LS, "W2", N, J(LS_PRE, "dW2 = s_r.t() @ (D_real - 1) / n + s_f.t() @ D_fake / n"), oracle=LS_W2, style="lsgan-W2")
C(LS, "W1", N, J(LS_PRE, "g_r = (D_real - 1) / n", "g_f = D_fake / n", "dW1 = real.t() @ (g_r @ W2.t() * s_r * (1 - s_r)) + fake.t() @ (g_f @ W2.t() * s_f * (1 - s_f))"), oracle=LS_W1, style="lsgan-W1")
C(LS, "W2", N, J(LS_PRE, "dW2 = s_r.t() @ (D_real - 1) / n"), "*", oracle=f"{LS_SR}.T @ (D_real - 1) / n", style="lsgan-W2-fake-term-dropped")
C(LS, "W2", N, J(LS_PRE, "dW2 = 2 * (s_r.t() @ (D_real - 1) + s_f.t() @ D_fake) / n"), "scale-factor", oracle=f"2 * ({LS_W2})", style="lsgan-W2-half-forgotten")
C(LS, "W1", N, J(LS_PRE, "g_r = (D_real - 1) / n", "g_f = D_fake / n", "dW1 = real.t() @ (g_r @ W2.t() * s_r * (1 - s_r)) + fake.t() @ (g_f @ W2.t())"), "*", oracle=f"real.T @ ((D_real - 1) / n @ W2.T * {LS_SR} * (1 - {LS_SR})) + fake.T @ (D_fake / n @ W2.T)", style="lsgan-W1-fake-slope-forgotten")
C(LS, "W2", N, J(LS_PRE, "dW2 = s_r.t() @ (D_real - 1) / n - s_f.t() @ D_fake / n"), "*", oracle=f"{LS_SR}.T @ (D_real - 1) / n - {LS_SF}.T @ D_fake / n", style="lsgan-W2-fake-sign")

# ---- Ng's Emojify V1 (summed cross-entropy: no 1/m)
EM_DZ = "(a - Y_oh)"
EM_W = f"{EM_DZ}.T @ avg"
EM_B = f"{EM_DZ}.sum(0)"
EM_LOOP = J(
    "dW = np.zeros_like(W)",
    "db = np.zeros_like(b)",
    "for i in range(m):",
    "    dz = a[i] - Y_oh[i]",
    "    dW += np.dot(dz.reshape(C, 1), avg[i].reshape(1, d))",
    "    db += dz",
)
C(EM, "W", N, EM_LOOP, oracle=EM_W, style="emojify-per-example-reshape-W")
C(EM, "b", N, EM_LOOP, oracle=EM_B, style="emojify-per-example-b")
C(EM, "W", N, "dW = np.dot((a - Y_oh).T, avg)", oracle=EM_W, style="emojify-vectorised-W")
C(EM, "W", N, "dW = np.dot((a - Y_oh).T, avg) / m", "scale-factor", oracle=f"{EM_W} / m", style="emojify-W-mean-habit")
C(EM, "W", N, "dW = np.dot(avg.T, a - Y_oh)", "*", oracle=f"avg.T @ {EM_DZ}", style="emojify-W-transposed", note="d x C for C x d")
C(EM, "W", N, "dW = np.dot((a - Y_oh).T, e1)", "*", oracle=f"{EM_DZ}.T @ e1", style="emojify-W-first-word-only")
C(EM, "W", N, J("# 对平均后的词向量求梯度（损失是求和，不除以 m）", "dz = a - Y_oh", "dW = dz.T @ ((e1 + e2 + e3) / 3)"), lang=Z, oracle=EM_W, style="zh-emojify-W-average-recomputed")

# ---- class-weighted softmax (np.array of class weights inside the loss)
CWS_CW = "np.array([1.0, 2.0, 0.5])"
CWS_DS = f"(((Y @ {CWS_CW})[:, None] * P - {CWS_CW} * Y) / N)"
C(CWS, "W", N, J("cw = np.array([1.0, 2.0, 0.5])", "w_i = (Y * cw).sum(axis=1, keepdims=True)", "dS = (w_i * P - cw * Y) / N", "dW = X.T @ dS"), oracle=f"X.T @ {CWS_DS}", style="class-weighted-W")
C(CWS, "b", N, J("cw = np.array([1.0, 2.0, 0.5])", "w_i = (Y * cw).sum(axis=1, keepdims=True)", "db = ((w_i * P - cw * Y) / N).sum(axis=0)"), oracle=f"{CWS_DS}.sum(0)", style="class-weighted-b")
C(CWS, "W", N, J("cw = np.array([1.0, 2.0, 0.5])", "dW = X.T @ ((P - Y) * cw) / N"), "*", oracle=f"X.T @ ((P - Y) * {CWS_CW}) / N", style="class-weighted-W-per-column")
C(CWS, "W", N, "dW = X.T @ (P - Y) / N", "*", oracle="X.T @ (P - Y) / N", style="class-weighted-W-unweighted")
C(CWS, "W", N, J("cw = np.array([1.0, 2.0, 0.5])", "w_i = (Y * cw).sum(axis=1, keepdims=True)", "dW = X.T @ (w_i * P - cw * Y) / w_i.sum()"), "*", oracle=f"X.T @ ((Y @ {CWS_CW})[:, None] * P - {CWS_CW} * Y) / np.sum(Y @ {CWS_CW})", style="class-weighted-W-over-weight-sum")

# ---- Hung-yi Lee's Pokémon CP regression (scalars, λ = 100)
PK_W = "-2 * (y_hat - y) * x_cp + 2 * lam * w"
PK_B = "-2 * (y_hat - y)"
C(PK, "w", N, "grad_w = -2.0 * (y_hat - (b + w * x_cp)) * x_cp + 2 * lam * w", oracle=PK_W, style="pokemon-w")
C(PK, "b", N, J("# 李宏毅：宝可梦 CP 值回归，b 不做正则化", "grad_b = -2.0 * (y_hat - b - w * x_cp)"), lang=Z, oracle=PK_B, style="zh-pokemon-b")
C(PK, "w", N, "grad_w = -2.0 * (y_hat - y) * x_cp + lam * w", "loss-term-factor", oracle="-2 * (y_hat - y) * x_cp + lam * w", style="pokemon-w-lambda-no-two")
C(PK, "w", N, "grad_w = 2.0 * (y_hat - y) * x_cp + 2 * lam * w", "*", oracle="2 * (y_hat - y) * x_cp + 2 * lam * w", style="pokemon-w-data-sign")
C(PK, "b", N, "grad_b = -2.0 * (y_hat - y) + 2 * lam * b", "extra-loss-term", oracle="-2 * (y_hat - y) + 2 * lam * b", style="pokemon-b-penalised")
C(PK, "w", N, "grad_w = -2.0 * (y_hat - y) * x_cp", "missing-loss-term", oracle="-2 * (y_hat - y) * x_cp", style="pokemon-w-no-penalty")

# ---- Chollet's Reuters classifier (Keras backend ops)
KR_D3 = "((probs - one_hot_train_labels) / batch)"
KR_D2 = f"({KR_D3} @ kernel3.T * (h2 > 0))"
C(KR, "kernel3", N, "dk3 = K.dot(K.transpose(h2), (probs - one_hot_train_labels) / batch)", oracle=f"h2.T @ {KR_D3}", style="reuters-kernel3-K-dot")
C(KR, "kernel2", N, J("d3 = (probs - one_hot_train_labels) / batch", "d2 = K.dot(d3, K.transpose(kernel3)) * K.cast(K.greater(h2, 0), 'float64')", "dk2 = K.dot(K.transpose(h1), d2)"), oracle=f"h1.T @ {KR_D2}", style="reuters-kernel2-K-greater")
C(KR, "kernel1", N, J("d3 = (probs - one_hot_train_labels) / batch", "d2 = tf.matmul(d3, kernel3, transpose_b=True) * tf.cast(h2 > 0, d3.dtype)", "d1 = tf.matmul(d2, kernel2, transpose_b=True) * tf.cast(h1 > 0, d3.dtype)", "dk1 = tf.matmul(x, d1, transpose_a=True)"), oracle=f"x.T @ ({KR_D2} @ kernel2.T * (h1 > 0))", style="reuters-kernel1-tf")
C(KR, "kernel2", N, J("d3 = (probs - one_hot_train_labels) / batch", "d2 = K.dot(d3, K.transpose(kernel3)) * K.cast(K.greater(h1, 0), 'float64')", "dk2 = K.dot(K.transpose(h1), d2)"), "*", oracle=f"h1.T @ ({KR_D3} @ kernel3.T * (h1 > 0))", style="reuters-kernel2-mask-of-h1")
C(KR, "kernel3", N, "dk3 = K.dot(K.transpose(h2), probs - one_hot_train_labels)", "scale-factor", oracle=f"h2.T @ {KR_D3} * batch", style="reuters-kernel3-no-mean")
C(KR, "kernel3", N, "dk3 = K.dot(K.transpose(h2), (probs - one_hot_train_labels) * probs * (1 - probs) / batch)", "*", oracle=f"h2.T @ ({KR_D3} * probs * (1 - probs))", style="reuters-kernel3-softmax-diagonal")

# ---- a Keras custom loss with K.mean(…, axis=-1) over sigmoid outputs
KM_W = "X.T @ (2 * (y_pred - y_true) / (n * k) * y_pred * (1 - y_pred))"
C(KM, "W", N, J("dy = 2 * (y_pred - y_true) / (n * k)", "dz = dy * y_pred * (1 - y_pred)", "dW = K.dot(K.transpose(X), dz)"), oracle=KM_W, style="keras-mse-axis-W")
C(KM, "W", N, J("dy = 2 * (y_pred - y_true) / tf.cast(tf.size(y_true), tf.float64)", "dW = tf.matmul(X, dy * y_pred * (1 - y_pred), transpose_a=True)"), oracle=KM_W, style="keras-mse-axis-W-tf-size")
C(KM, "W", N, J("dy = 2 * (y_pred - y_true) / n", "dW = K.dot(K.transpose(X), dy * y_pred * (1 - y_pred))"), "scale-factor", oracle=f"{KM_W} * k", style="keras-mse-axis-W-batch-only")
C(KM, "W", N, J("dy = 2 * (y_pred - y_true) / (n * k)", "dW = K.dot(K.transpose(X), dy)"), "missing-activation-derivative", oracle="X.T @ (2 * (y_pred - y_true) / (n * k))", style="keras-mse-axis-W-no-sigmoid-slope")
C(KM, "W", N, J("dy = 2 * (y_pred - y_true) / k", "dW = K.dot(K.transpose(X), dy * y_pred * (1 - y_pred))"), "scale-factor", oracle=f"{KM_W} * n", style="keras-mse-axis-W-last-axis-only")

# ---- MAML on a linear model: the meta-gradient through one inner step
ML_GQ = "(2 * Xq.T @ (Xq @ w_adapted - yq) / n)"
ML_W = f"({ML_GQ} - alpha * 2 * Xs.T @ (Xs @ {ML_GQ}) / n)"
C(ML, "w", N, J("g_q = 2 * Xq.T @ (Xq @ w_adapted - yq) / n", "dw = g_q - alpha * 2 * Xs.T @ (Xs @ g_q) / n"), oracle=ML_W, style="maml-second-order")
C(ML, "w", N, J("H = 2 * Xs.T @ Xs / n", "g_q = 2 * Xq.T @ (Xq @ w_adapted - yq) / n", "dw = (np.eye(d) - alpha * H) @ g_q"), oracle=ML_W, style="maml-eye-minus-hessian")
C(ML, "w", N, "dw = 2 * Xq.T @ (Xq @ w_adapted - yq) / n", "*", oracle=ML_GQ, style="maml-first-order")
C(ML, "w", N, J("g_q = 2 * Xq.T @ (Xq @ w_adapted - yq) / n", "dw = g_q + alpha * 2 * Xs.T @ (Xs @ g_q) / n"), "*", oracle=f"({ML_GQ} + alpha * 2 * Xs.T @ (Xs @ {ML_GQ}) / n)", style="maml-hessian-sign")
C(ML, "w", N, J("g_q = 2 * Xq.T @ (Xq @ w_adapted - yq) / n", "dw = g_q - alpha * Xs.T @ (Xs @ g_q) / n"), "*", oracle=f"({ML_GQ} - alpha * Xs.T @ (Xs @ {ML_GQ}) / n)", style="maml-hessian-no-two")

# ---- TF1 softmax_cross_entropy_with_logits_v2 + 0.001 * sum(W^2)
TF1_D = "((np.exp(y) / np.exp(y).sum(1, keepdims=True) - y_) / m)"
TF1_W = f"x.T @ {TF1_D} + 0.002 * W"
C(TF1, "W", N, "dW = tf.matmul(x, tf.nn.softmax(y) - y_, transpose_a=True) / m + 2 * 0.001 * W", oracle=TF1_W, style="tf1-ce-v2-W")
C(TF1, "b", N, "db = tf.reduce_mean(tf.nn.softmax(y) - y_, axis=0)", oracle=f"{TF1_D}.sum(0)", style="tf1-ce-v2-b")
C(TF1, "W", N, "dW = tf.matmul(x, tf.nn.softmax(y) - y_, transpose_a=True) / m + 0.001 * W", "loss-term-factor", oracle=f"x.T @ {TF1_D} + 0.001 * W", style="tf1-ce-v2-W-penalty-no-two")
C(TF1, "W", N, "dW = tf.matmul(x, tf.nn.softmax(y) - y_, transpose_a=True) / m", "missing-loss-term", oracle=f"x.T @ {TF1_D}", style="tf1-ce-v2-W-no-penalty")
C(TF1, "b", N, "db = tf.reduce_mean(tf.nn.softmax(y) - y_, axis=0) + 0.002 * b", "extra-loss-term", oracle=f"{TF1_D}.sum(0) + 0.002 * b", style="tf1-ce-v2-b-penalised")
C(TF1, "W", N, "dW = tf.matmul(x, tf.nn.softmax(y) - y_, transpose_a=True) + 0.002 * W", "scale-factor", oracle=f"x.T @ {TF1_D} * m + 0.002 * W", style="tf1-ce-v2-W-sum-not-mean")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c38-000, … as written; cases that happen to repeat corpora 2-37 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus38", "c38", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
