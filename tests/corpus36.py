"""The held-out-style corpus of issue 11, thirty-sixth round: CODE only, from sources no corpus had
used — fast.ai's "from the foundations" lessons (``lin_grad(inp, out, w, b)`` setting ``inp.g``,
``w.g``, ``b.g``; ``mse_grad``; ``relu_grad`` with ``(inp > 0).float() * out.g``; the ``Lin``/
``Relu``/``Mse`` classes with ``backward(self)``), 斋藤康毅's《深度学习入门》/ "Deep Learning from
Scratch" (``class Affine``, ``class Relu`` with ``self.mask``, ``SoftmaxWithLoss.backward(self,
dout=1)``, ``TwoLayerNet.gradient`` with ``sigmoid_grad``), Nielsen's network.py (``backprop(x,
y)``, ``nabla_w`` lists indexed from the end, ``cost_derivative``, ``sigmoid_prime``), Karpathy's
min-char-rnn (``hs[-1]`` dicts, ``dhnext``, ``dhraw = (1 - hs[t] * hs[t]) * dh``, ``np.clip(dparam,
-5, 5, out=dparam)``), Coursera DL's ``linear_activation_backward`` with its ``activation`` string
and cache tuples and ``backward_propagation_with_dropout``, Andrew Ng's ex4 ``Theta2[:, 1:]``,
Keras 3 ``ops``, scikit-learn's logistic objective, TF's ``tf.linalg.matmul(…, transpose_a=True)``,
JAX — and students' mistakes on them; on the built-ins and on twelve lecturer networks no corpus had
used; Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck36"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py) where one is computable; course-network cases are confirmed by the spec's
own text run in PyTorch (tests/spelled_oracle.py). A right answer on a network with a numerical
guard (Saito's ``np.log(y + 1e-7)``) has no oracle: it is ✓ by the README's guard policy, while
PyTorch's gradient keeps the guard.
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


SA = _spec("hn12_saito_ce_error")
FA = _spec("hn17_fastai_l13_res_col")
FC = _spec("fastai_clamp_shift")
GR = _spec("hn15_fastai_generalrelu")
LS = _spec("hn12_fastai_lse_trick")
CT = _spec("hn13_coursera_nncost_torch_ones")
DO = _spec("hn35_inverted_dropout_fixed_mask_keep_prob")
EL = _spec("hn35_elman_rnn_loss_every_step_cn")
K3 = _spec("hn35_keras3_ops_mlp")
SK = _spec("hn35_sklearn_coef_intercept_logreg_c")
MM = _spec("hn35_masked_mse_count_nonzero_padding")
TT = _spec("hn35_two_tower_linalg_vecdot_bce")

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
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"
DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0))"

# ================================================================ fast.ai "from the foundations" on mlp-bce and relu-mlp
FAST = J(
    "def lin_grad(inp, out, w, b):",
    "    # grad of matmul with respect to input",
    "    inp.g = out.g @ w.t()",
    "    w.g = inp.t() @ out.g",
    "    b.g = out.g.sum(0)",
    "def relu_grad(inp, out):",
    "    # grad of relu with respect to input activations",
    "    inp.g = (inp > 0).float() * out.g",
)
FAST_USE = J(
    "Z2.g = (A2 - Y) / m",
    "lin_grad(A1, Z2, W2, b2)",
    "relu_grad(Z1, A1)",
    "lin_grad(X, Z1, W1, b1)",
)
C(M, "W1", N, J(FAST, FAST_USE, "dW1 = W1.g"), oracle=W1R, style="fastai-lin-grad-W1")
C(M, "W2", N, J(FAST, FAST_USE, "dW2 = W2.g"), oracle=W2R, style="fastai-lin-grad-W2")
C(M, "b1", N, J(FAST, FAST_USE, "db1 = b1.g"), oracle=B1R, style="fastai-lin-grad-b1", note="out.g.sum(0) is 1-D for the 1 × n_h bias: the same numbers")
C(M, "W1", N, J(FAST, FAST_USE.replace("relu_grad(Z1, A1)\n", "Z1.g = A1.g\n"), "dW1 = W1.g"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="fastai-relu-grad-skipped")
C(M, "W1", N, J(FAST.replace("w.g = inp.t() @ out.g", "w.g = out.g.t() @ inp"), FAST_USE, "dW1 = W1.g"), "*", oracle=f"({W1R}).T", style="fastai-w-g-transposed", note="n_h × n_in for n_in × n_h (square at the example)")
C(M, "W1", N, J(FAST.replace("(inp > 0).float()", "(out > 0).float()"), FAST_USE, "dW1 = W1.g"), oracle=W1R, style="fastai-relu-grad-mask-of-out", note="relu(z) > 0 exactly where z > 0")
C(M, "W2", N, J(FAST, FAST_USE.replace("(A2 - Y) / m", "A2 - Y"), "dW2 = W2.g"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="fastai-no-mean")
C(M, "W1", N, J(
    "def lin_grad(inp, out, w, b):",
    "    inp.g = out.g @ w.t()",
    "    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)",
    "    b.g = out.g.sum(0)",
    "def relu_grad(inp, out):",
    "    inp.g = (inp > 0).float() * out.g",
    FAST_USE,
    "dW1 = W1.g",
), oracle=W1R, style="fastai-lin-grad-unsqueeze-sum")
C(M, "W1", N, J(
    "def lin_grad(inp, out, w, b):",
    "    inp.g = out.g @ w.t()",
    "    w.g = (inp.unsqueeze(1) * out.g.unsqueeze(-1)).sum(0)",
    "    b.g = out.g.sum(0)",
    "def relu_grad(inp, out):",
    "    inp.g = (inp > 0).float() * out.g",
    FAST_USE,
    "dW1 = W1.g",
), "*", oracle=f"({W1R}).T", style="fastai-lin-grad-unsqueeze-swapped", note="the outer product's axes swapped: n_h × n_in")
C(M, "b1", N, J(FAST.replace("b.g = out.g.sum(0)", "b.g = out.g.sum(1)"), FAST_USE, "db1 = b1.g"), "*", style="fastai-b-g-sum-1", note="one number per example")
RFAST = J(
    "def mse_grad(inp, targ):",
    "    inp.g = 2. * (inp - targ)",
    "def lin_grad(inp, out, w):",
    "    inp.g = out.g @ w.t()",
    "    w.g = inp.t() @ out.g",
    "def relu_grad(inp, out):",
    "    inp.g = (inp > 0).float() * out.g",
    "mse_grad(y_pred, y)",
    "lin_grad(h_relu, y_pred, w2)",
    "relu_grad(h, h_relu)",
    "lin_grad(x, h, w1)",
)
C(R, "w1", N, J(RFAST, "grad_w1 = w1.g"), oracle=RW1, style="fastai-relu-mlp-w1")
C(R, "w2", N, J(RFAST, "grad_w2 = w2.g"), oracle=RW2, style="fastai-relu-mlp-w2")
C(R, "w2", N, J(RFAST.replace("2. * (inp - targ)", "2. * (inp - targ) / inp.shape[0]"), "grad_w2 = w2.g"), "scale-factor", oracle=f"{RW2} / n", style="fastai-relu-mlp-mean-habit", note="the loss is a sum (sse): no 1/n")
C(R, "w1", N, J(RFAST.replace("(inp > 0).float() * out.g", "(inp >= 0).float() * out.g"), "grad_w1 = w1.g"), "relu-at-zero", style="fastai-relu-mlp-ge", note="PyTorch's relu'(0) = 0 (README policy)")
C(R, "w1", N, J(RFAST.replace("mse_grad(y_pred, y)", "mse_grad(y, y_pred)"), "grad_w1 = w1.g"), REFUSE, style="fastai-relu-mlp-args-swapped", note="first labelled sign; mse_grad(y, y_pred) sets y.g, and lin_grad then reads y_pred.g, which nothing set: the cell raises AttributeError when run — it computes no gradient (relabelled after the first pass, oracle dropped)")
C(R, "w1", N, J("# fast.ai：relu_grad 用 (inp>0).float() 乘上游梯度", RFAST, "grad_w1 = w1.g"), lang=Z, oracle=RW1, style="zh-fastai-relu-mlp-w1")

# ================================================================ Saito, Deep Learning from Scratch: layer classes
AFFINE = J(
    "class Affine:",
    "    def __init__(self, W, b):",
    "        self.W = W",
    "        self.b = b",
    "        self.x = None",
    "        self.dW = None",
    "        self.db = None",
    "",
    "    def forward(self, x):",
    "        self.x = x",
    "        out = np.dot(x, self.W) + self.b",
    "        return out",
    "",
    "    def backward(self, dout):",
    "        dx = np.dot(dout, self.W.T)",
    "        self.dW = np.dot(self.x.T, dout)",
    "        self.db = np.sum(dout, axis=0)",
    "        return dx",
)
RELU = J(
    "class Relu:",
    "    def __init__(self):",
    "        self.mask = None",
    "",
    "    def forward(self, x):",
    "        self.mask = (x <= 0)",
    "        out = x.copy()",
    "        out[self.mask] = 0",
    "        return out",
    "",
    "    def backward(self, dout):",
    "        dout[self.mask] = 0",
    "        dx = dout",
    "        return dx",
)
SNET = J(
    "affine1 = Affine(W1, b1)",
    "relu1 = Relu()",
    "affine2 = Affine(W2, b2)",
    "a = affine2.forward(relu1.forward(affine1.forward(X)))",
    "dout = (A2 - Y) / m",
    "dout = affine2.backward(dout)",
    "dout = relu1.backward(dout)",
    "dout = affine1.backward(dout)",
)
C(M, "W1", N, J(AFFINE, RELU, SNET, "dW1 = affine1.dW"), oracle=W1R, style="saito-affine-relu-W1")
C(M, "W2", N, J(AFFINE, RELU, SNET, "dW2 = affine2.dW"), oracle=W2R, style="saito-affine-relu-W2")
C(M, "b1", N, J(AFFINE, RELU, SNET, "db1 = affine1.db"), oracle=B1R, style="saito-affine-relu-b1")
C(M, "W1", N, J(AFFINE, RELU.replace("self.mask = (x <= 0)", "self.mask = (x < 0)"), SNET, "dW1 = affine1.dW"), "relu-at-zero", style="saito-relu-mask-strict")
C(M, "W1", N, J(AFFINE, RELU, SNET.replace("dout = relu1.backward(dout)\n", ""), "dW1 = affine1.dW"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="saito-relu-layer-skipped")
C(M, "W1", N, J(AFFINE.replace("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(dout.T, self.x)"), RELU, SNET, "dW1 = affine1.dW"), "*", oracle=f"({W1R}).T", style="saito-affine-dW-transposed")
C(M, "W2", N, J(AFFINE, RELU, SNET.replace("dout = (A2 - Y) / m", "dout = A2 - Y"), "dW2 = affine2.dW"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="saito-no-batch-size")
C(M, "W1", N, J(
    "from collections import OrderedDict",
    AFFINE,
    RELU,
    "layers = OrderedDict()",
    "layers['Affine1'] = Affine(W1, b1)",
    "layers['Relu1'] = Relu()",
    "layers['Affine2'] = Affine(W2, b2)",
    "x = X",
    "for layer in layers.values():",
    "    x = layer.forward(x)",
    "dout = (A2 - Y) / m",
    "for layer in reversed(list(layers.values())):",
    "    dout = layer.backward(dout)",
    "dW1 = layers['Affine1'].dW",
), oracle=W1R, style="saito-ordered-dict-loop")
C(M, "W2", N, J(
    "# 《深度学习入门》的 Affine 层：反向传播时保存 dW",
    AFFINE,
    "affine2 = Affine(W2, b2)",
    "affine2.forward(A1)",
    "dx = affine2.backward((A2 - Y) / m)",
    "dW2 = affine2.dW",
), lang=Z, oracle=W2R, style="zh-saito-affine-W2")
C(M, "W1", N, J(
    "# ReLU 层的 mask 用的是第二层的输出（错）",
    AFFINE,
    RELU,
    "affine1 = Affine(W1, b1)",
    "relu1 = Relu()",
    "relu1.forward(A2)",
    "dout = relu1.backward(((A2 - Y) / m) @ W2.T)",
    "affine1.forward(X)",
    "affine1.backward(dout)",
    "dW1 = affine1.dW",
), "*", lang=Z, style="zh-saito-relu-mask-of-A2", note="relu1's mask is of A2 (m × 1, all > 0): the ReLU's slope is lost")

SWL = J(
    "def softmax(x):",
    "    x = x - np.max(x, axis=-1, keepdims=True)  # overflow",
    "    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)",
    "",
    "def cross_entropy_error(y, t):",
    "    batch_size = y.shape[0]",
    "    return -np.sum(t * np.log(y + 1e-7)) / batch_size",
    "",
    "class SoftmaxWithLoss:",
    "    def __init__(self):",
    "        self.loss = None",
    "        self.y = None",
    "        self.t = None",
    "",
    "    def forward(self, x, t):",
    "        self.t = t",
    "        self.y = softmax(x)",
    "        self.loss = cross_entropy_error(self.y, self.t)",
    "        return self.loss",
    "",
    "    def backward(self, dout=1):",
    "        batch_size = self.t.shape[0]",
    "        dx = (self.y - self.t) / batch_size",
    "        return dx",
)
C(S, "W", N, J(SWL, "last = SoftmaxWithLoss()", "loss = last.forward(Z, Y)", "dZ = last.backward()", "dW = np.dot(X.T, dZ)"), oracle=SW, style="saito-softmax-with-loss-W")
C(S, "b", N, J(SWL, "last = SoftmaxWithLoss()", "loss = last.forward(Z, Y)", "dZ = last.backward()", "db = np.sum(dZ, axis=0)"), oracle=SB, style="saito-softmax-with-loss-b")
C(S, "W", N, J(SWL.replace("dx = (self.y - self.t) / batch_size", "dx = self.y - self.t"), "last = SoftmaxWithLoss()", "loss = last.forward(Z, Y)", "dZ = last.backward()", "dW = np.dot(X.T, dZ)"), "scale-factor", oracle="X.T @ (P - Y)", style="saito-softmax-with-loss-no-batch")
C(S, "W", N, J(SWL.replace("dx = (self.y - self.t) / batch_size", "dx = self.y / batch_size"), "last = SoftmaxWithLoss()", "loss = last.forward(Z, Y)", "dZ = last.backward()", "dW = np.dot(X.T, dZ)"), "*", oracle="X.T @ P / m", style="saito-softmax-with-loss-no-t")
C(S, "W", N, J(
    "class SoftmaxWithLoss:",
    "    def backward(self, dout=1):",
    "        batch_size = self.t.shape[0]",
    "        return (self.y - self.t) / batch_size",
    "last = SoftmaxWithLoss()",
    "last.y, last.t = P, Y",
    "dW = X.T @ last.backward()",
), oracle=SW, style="saito-softmax-with-loss-set-outside")
C(S, "W", N, J(
    "# SoftmaxWithLoss：反向传播是 (y - t) / batch_size",
    "class SoftmaxWithLoss:",
    "    def backward(self, dout=1):",
    "        batch_size = self.t.shape[0]",
    "        return dout * (self.y - self.t) / batch_size",
    "last = SoftmaxWithLoss()",
    "last.y, last.t = P, Y",
    "dW = X.T @ last.backward(dout=1)",
), lang=Z, oracle=SW, style="zh-saito-softmax-with-loss-dout-kw")

# ================================================================ Saito's TwoLayerNet.gradient on its own network (course spec: sigmoid hidden, softmax, 1e-7 guard)
SG = J(
    "def sigmoid_grad(x):",
    "    return (1.0 - sigmoid(x)) * sigmoid(x)",
    "",
    "def gradient(x, t):",
    "    grads = {}",
    "    batch_num = x.shape[0]",
    "    a1 = np.dot(x, W1) + b1",
    "    z1 = sigmoid(a1)",
    "    a2 = np.dot(z1, W2) + b2",
    "    y = softmax(a2)",
    "    dy = (y - t) / batch_num",
    "    grads['W2'] = np.dot(z1.T, dy)",
    "    grads['b2'] = np.sum(dy, axis=0)",
    "    da1 = np.dot(dy, W2.T)",
    "    dz1 = sigmoid_grad(a1) * da1",
    "    grads['W1'] = np.dot(x.T, dz1)",
    "    grads['b1'] = np.sum(dz1, axis=0)",
    "    return grads",
)
SAX = J(
    "def softmax(x):",
    "    x = x - np.max(x, axis=-1, keepdims=True)",
    "    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)",
)
SA_DY = "(y - t) / batch_size"
SA_D1 = f"(({SA_DY}) @ W2.T * z1 * (1 - z1))"
C(SA, "W1", N, J(SAX, SG, "grads = gradient(x, t)", "dW1 = grads['W1']"), style="saito-gradient-W1", note="✓ by the guard policy (the 1e-7 in the log at its limit)")
C(SA, "W2", N, J(SAX, SG, "grads = gradient(x, t)", "dW2 = grads['W2']"), style="saito-gradient-W2")
C(SA, "b1", N, J(SAX, SG, "grads = gradient(x, t)", "db1 = grads['b1']"), style="saito-gradient-b1")
C(SA, "b2", N, J(SAX, SG, "db2 = gradient(x, t)['b2']"), style="saito-gradient-b2")
C(SA, "W1", N, J(SAX, SG.replace("sigmoid_grad(a1) * da1", "sigmoid_grad(z1) * da1"), "grads = gradient(x, t)", "dW1 = grads['W1']"), "*", oracle=f"x.T @ (({SA_DY}) @ W2.T * sigmoid(z1) * (1 - sigmoid(z1)))", style="saito-gradient-sigmoid-grad-of-z1", note="σ′ at the activation z1, not at a1")
C(SA, "W2", N, J(SAX, SG.replace("dy = (y - t) / batch_num", "dy = y - t"), "grads = gradient(x, t)", "dW2 = grads['W2']"), "scale-factor", oracle="z1.T @ (y - t)", style="saito-gradient-no-batch")
C(SA, "b1", N, J(SAX, SG.replace("grads['b1'] = np.sum(dz1, axis=0)", "grads['b1'] = np.sum(dz1, axis=1)"), "db1 = gradient(x, t)['b1']"), "*", style="saito-gradient-b1-axis1", note="one number per example: batch_size entries for hidden_size (3 and 3: square, other sizes)")
C(SA, "W1", N, J(SAX, SG.replace("dz1 = sigmoid_grad(a1) * da1", "dz1 = da1"), "dW1 = gradient(x, t)['W1']"), "missing-activation-derivative", oracle=f"x.T @ (({SA_DY}) @ W2.T)", style="saito-gradient-no-sigmoid-grad")
C(SA, "W1", N, J("dy = (y - t) / batch_size", "dz1 = np.dot(dy, W2.T) * z1 * (1 - z1)", "dW1 = np.dot(x.T, dz1)"), style="saito-inline-W1")
C(SA, "W2", N, J("dy = (y - t) / x.shape[0]", "dW2 = np.dot(z1.T, dy)"), style="saito-inline-W2")
C(SA, "W2", N, J("dy = (y - t) / x.shape[0]", "dW2 = np.dot(dy.T, z1)"), "*", style="saito-inline-W2-transposed", note="output × hidden (3 × 3, square: other sizes)")
C(SA, "b2", N, "db2 = np.sum(y - t, axis=0) / batch_size", style="saito-inline-b2")
C(SA, "b2", N, "db2 = np.sum(t - y, axis=0) / batch_size", "sign", style="saito-inline-b2-sign")
C(SA, "W2", N, J("dy = (y - t) * y * (1 - y) / batch_size", "dW2 = np.dot(z1.T, dy)"), "*", oracle="z1.T @ ((y - t) * y * (1 - y) / batch_size)", style="saito-inline-W2-mse-slope", note="softmax-CE already gives y − t")
C(SA, "W1", N, J("# 隐藏层是 sigmoid：导数 z1 * (1 - z1)", "dy = (y - t) / batch_size", "da1 = dy @ W2.T", "dW1 = x.T @ (da1 * z1 * (1.0 - z1))"), lang=Z, style="zh-saito-inline-W1")
C(SA, "W1", N, J("# 用 ReLU 的导数代替（错）", "dy = (y - t) / batch_size", "da1 = dy @ W2.T", "dW1 = x.T @ (da1 * (a1 > 0))"), "*", lang=Z, oracle=f"x.T @ (({SA_DY}) @ W2.T * (a1 > 0))", style="zh-saito-relu-slope-for-sigmoid")

# ================================================================ Nielsen's network.py (backprop(x, y), nabla lists, sigmoid_prime)
NIEL = J(
    "def sigmoid_prime(z):",
    '    """Derivative of the sigmoid function."""',
    "    return sigmoid(z) * (1 - sigmoid(z))",
    "",
    "def cost_derivative(output_activations, y):",
    '    """Return the vector of partial derivatives \\\\partial C_x / \\\\partial a for the output activations."""',
    "    return output_activations - y",
)
NIEL_T = J(
    NIEL,
    "weights = [W1, W2]",
    "activations = [X, h, y_pred]",
    "zs = [h_raw, y_pred]",
    "nabla_w = [np.zeros(w.shape) for w in weights]",
    "# the output layer is linear here",
    "delta = cost_derivative(activations[-1], y_target)",
    "nabla_w[-1] = np.dot(activations[-2].transpose(), delta)",
    "for l in range(2, 3):",
    "    z = zs[-l]",
    "    sp = sigmoid_prime(z)",
    "    delta = np.dot(delta, weights[-l + 1].transpose()) * sp",
    "    nabla_w[-l] = np.dot(activations[-l - 1].transpose(), delta)",
)
C(T, "W1", N, J(NIEL_T, "dW1 = nabla_w[0]"), oracle=TW1, style="nielsen-lists-loop-W1")
C(T, "W2", N, J(NIEL_T, "dW2 = nabla_w[-1]"), oracle=TW2, style="nielsen-lists-loop-W2")
C(T, "W2", N, J(NIEL_T.replace("delta = cost_derivative(activations[-1], y_target)", "delta = cost_derivative(activations[-1], y_target) * sigmoid_prime(zs[-1])"), "dW2 = nabla_w[-1]"), "*", oracle="h.T @ ((y_pred - y_target) * sigmoid(y_pred) * (1 - sigmoid(y_pred)))", style="nielsen-sigmoid-prime-on-linear-output", note="network.py's sigmoid output habit; this network's output is linear")
C(T, "W1", N, J(NIEL_T.replace("sp = sigmoid_prime(z)", "sp = sigmoid_prime(activations[-l])"), "dW1 = nabla_w[0]"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="nielsen-sigmoid-prime-of-activation")
C(T, "W1", N, J(NIEL, "delta = cost_derivative(y_pred, y_target)", "delta = np.dot(delta, W2.transpose()) * sigmoid_prime(h_raw)", "dW1 = np.dot(X.transpose(), delta)"), oracle=TW1, style="nielsen-unrolled-W1")
C(T, "W1", N, J(NIEL, "delta = cost_derivative(y_pred, y_target)", "delta = np.dot(delta, W2.transpose())", "dW1 = np.dot(X.transpose(), delta)"), "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="nielsen-unrolled-no-sp")
C(T, "W1", N, J(NIEL, "delta = cost_derivative(y_target, y_pred)", "delta = np.dot(delta, W2.transpose()) * sigmoid_prime(h_raw)", "dW1 = np.dot(X.transpose(), delta)"), "sign", oracle=f"-({TW1})", style="nielsen-cost-derivative-swapped")
C(T, "W1", N, J("# Nielsen 的 network.py：delta 乘 sigmoid_prime(z)", NIEL, "delta = np.dot(cost_derivative(y_pred, y_target), W2.T) * sigmoid_prime(h_raw)", "dW1 = np.dot(X.T, delta)"), lang=Z, oracle=TW1, style="zh-nielsen-W1")
C(E, "w", N, J(NIEL, "delta = cost_derivative(O, t) * sigmoid_prime(z)", "nabla_w = np.dot(delta, x)", "dw = nabla_w"), oracle=EW, style="nielsen-neuron")
C(E, "w", N, J("# CrossEntropyCost.delta(z, a, y) = a - y", "delta = O - t", "dw = np.dot(delta, x)"), "missing-activation-derivative", oracle="(O - t) * x", style="nielsen-neuron-ce-delta-on-quadratic", note="the quadratic cost keeps σ′: Nielsen's cross-entropy delta belongs to another cost")
C(E, "w", N, J(NIEL, "delta = cost_derivative(O, t) * sigmoid_prime(O)", "dw = np.dot(delta, x)"), "*", oracle="(O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", style="nielsen-neuron-sp-of-O")
NIEL_M = J(
    "def backprop(x, y):",
    "    z1 = np.dot(x, W1) + b1",
    "    a1 = np.maximum(z1, 0)",
    "    z2 = np.dot(a1, W2) + b2",
    "    a2 = sigmoid(z2)",
    "    delta = a2 - y  # CrossEntropyCost.delta",
    "    nabla_w2 = np.dot(a1.transpose(), delta)",
    "    delta = np.dot(delta, W2.transpose()) * (z1 > 0)",
    "    nabla_w1 = np.dot(x.transpose(), delta)",
    "    return (nabla_w1, nabla_w2)",
    "nabla_w = [np.zeros(W1.shape), np.zeros(W2.shape)]",
    "for i in range(m):",
    "    delta_nabla_w = backprop(X[i:i + 1], Y[i:i + 1])",
    "    nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]",
)
C(M, "W1", N, J(NIEL_M, "dW1 = nabla_w[0] / m"), oracle=W1R, style="nielsen-mini-batch-zip-W1")
C(M, "W2", N, J(NIEL_M, "dW2 = nabla_w[1] / len(X)"), oracle=W2R, style="nielsen-mini-batch-zip-W2")
C(M, "W2", N, J(NIEL_M, "dW2 = nabla_w[1]"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="nielsen-mini-batch-no-mean", note="network.py divides by len(mini_batch) only in the update")
C(M, "W1", N, J(NIEL_M.replace("* (z1 > 0)", "* sigmoid_prime(z1)"), "dW1 = nabla_w[0] / m"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="nielsen-mini-batch-sigmoid-prime-on-relu", note="sigmoid_prime is never defined in the cell, but the README reads it as a course helper (σ′): network.py's habit on a ReLU layer")

# ================================================================ Karpathy's min-char-rnn on the rnn built-in (loss at the last step only)
MCR = J(
    "xs, hs = {}, {}",
    "hs[-1] = np.copy(h_0)",
    "xs[0], xs[1] = x_1, x_2",
    "hs[0], hs[1] = h_1, h_2",
    "dWxh, dWhh, dbh = np.zeros_like(W_x), np.zeros_like(W_h), np.zeros_like(b)",
    "dhnext = np.zeros_like(hs[0])",
    "for t in reversed(range(len(xs))):",
    "    dy = np.copy(hs[t] - y) if t == 1 else np.zeros_like(y)",
    "    dh = dy + dhnext  # backprop into h",
    "    dhraw = (1 - hs[t] * hs[t]) * dh  # backprop through tanh nonlinearity",
    "    dbh += dhraw",
    "    dWxh += np.dot(xs[t].T, dhraw)",
    "    dWhh += np.dot(hs[t - 1].T, dhraw)",
    "    dhnext = np.dot(dhraw, W_h.T)",
)
C(R2, "W_x", N, J(MCR, "dW_x = dWxh"), oracle=RWX, style="minchar-W-x")
C(R2, "W_h", N, J(MCR, "dW_h = dWhh"), oracle=RWH, style="minchar-W-h")
C(R2, "b", N, J(MCR, "db = dbh"), "bias-not-summed", style="minchar-b", note="first labelled right: min-char-rnn runs one example at a time, and at the example m = 1 the batch sum changes nothing, but m is a size of this network and b is shared by its examples — relabelled after the first pass (as zh-rnn-b), oracle dropped")
C(R2, "W_h", N, J(MCR.replace("np.dot(hs[t - 1].T, dhraw)", "np.dot(hs[t].T, dhraw)"), "dW_h = dWhh"), "*", oracle=f"h_2.T @ {R2_D2} + h_1.T @ {R2_D1}", style="minchar-W-h-wrong-step", note="h_t for h_{t-1}")
C(R2, "W_x", N, J(MCR.replace("dh = dy + dhnext", "dh = dy"), "dW_x = dWxh"), "missing-path", oracle=f"x_2.T @ {R2_D2}", style="minchar-no-dhnext")
C(R2, "W_x", N, J(MCR.replace("dhnext = np.dot(dhraw, W_h.T)", "dhnext = np.dot(dh, W_h.T)"), "dW_x = dWxh"), "*", oracle=f"x_2.T @ {R2_D2} + x_1.T @ ({R2_D2.replace(' * (1 - h_2 ** 2)', '')} @ W_h.T * (1 - h_1 ** 2))", style="minchar-dhnext-before-tanh")
C(R2, "W_x", N, J(MCR, "for dparam in [dWxh, dWhh, dbh]:", "    np.clip(dparam, -5, 5, out=dparam)  # mitigate exploding gradients", "dW_x = dWxh"), REFUSE, style="minchar-clip-left-in", note="the clipped gradient is no gradient where an entry passes 5: a clip of the answer is not read as its gradient")
C(R2, "W_x", N, J(
    "# 逐步反传：dhnext 把梯度带回上一个时刻",
    "dhnext = np.zeros_like(h_0)",
    "dh = (h_2 - y) + dhnext",
    "dhraw = (1 - h_2 * h_2) * dh",
    "dWxh = np.dot(x_2.T, dhraw)",
    "dhnext = np.dot(dhraw, W_h.T)",
    "dhraw = (1 - h_1 * h_1) * dhnext",
    "dWxh += np.dot(x_1.T, dhraw)",
    "dW_x = dWxh",
), lang=Z, oracle=RWX, style="zh-minchar-unrolled")

# ================================================================ Coursera DL: linear_activation_backward with its activation string (column-major dropout network)
CLB = J(
    "def linear_backward(dZ, cache):",
    '    """Implement the linear portion of backward propagation for a single layer (layer l)."""',
    "    A_prev, W, b = cache",
    "    m = A_prev.shape[1]",
    "    ### START CODE HERE ### (≈ 3 lines of code)",
    "    dW = 1 / m * np.dot(dZ, A_prev.T)",
    "    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)",
    "    dA_prev = np.dot(W.T, dZ)",
    "    ### END CODE HERE ###",
    "    assert (dA_prev.shape == A_prev.shape)",
    "    assert (dW.shape == W.shape)",
    "    return dA_prev, dW, db",
    "",
    "def relu_backward(dA, cache):",
    "    Z = cache",
    "    dZ = np.array(dA, copy=True)",
    "    dZ[Z <= 0] = 0",
    "    return dZ",
    "",
    "def sigmoid_backward(dA, cache):",
    "    Z = cache",
    "    s = 1 / (1 + np.exp(-Z))",
    "    dZ = dA * s * (1 - s)",
    "    return dZ",
    "",
    "def linear_activation_backward(dA, cache, activation):",
    "    linear_cache, activation_cache = cache",
    '    if activation == "relu":',
    "        dZ = relu_backward(dA, activation_cache)",
    "        dA_prev, dW, db = linear_backward(dZ, linear_cache)",
    '    elif activation == "sigmoid":',
    "        dZ = sigmoid_backward(dA, activation_cache)",
    "        dA_prev, dW, db = linear_backward(dZ, linear_cache)",
    "    return dA_prev, dW, db",
)
CLB_USE = J(
    "dAL = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
    'dA1d, dW2, db2 = linear_activation_backward(dAL, ((A1d, W2, b2), Z2), "sigmoid")',
    "dA1 = dA1d * D1 / keep_prob",
    'dX, dW1, db1 = linear_activation_backward(dA1, ((X, W1, b1), Z1), "relu")',
)
DO_Z2 = "(A2 - Y)"
DO_Z1 = "(W2.T @ (A2 - Y) * D1 / keep_prob * (Z1 > 0))"
C(DO, "W1", N, J(CLB, CLB_USE), oracle=f"{DO_Z1} @ X.T / m", style="coursera-lab-W1")
C(DO, "W2", N, J(CLB, CLB_USE), oracle=f"{DO_Z2} @ A1d.T / m", style="coursera-lab-W2")
C(DO, "b1", N, J(CLB, CLB_USE), oracle=f"np.sum({DO_Z1}, axis=1, keepdims=True) / m", style="coursera-lab-b1")
C(DO, "W1", N, J(CLB, CLB_USE.replace('((X, W1, b1), Z1), "relu"', '((X, W1, b1), Z1), "sigmoid"')), "*", oracle="(W2.T @ (A2 - Y) * D1 / keep_prob * sigmoid(Z1) * (1 - sigmoid(Z1))) @ X.T / m", style="coursera-lab-wrong-activation-string", note="the relu layer called with 'sigmoid'")
C(DO, "W1", N, J(CLB, CLB_USE.replace("dA1 = dA1d * D1 / keep_prob", "dA1 = dA1d")), "*", oracle="(W2.T @ (A2 - Y) * (Z1 > 0)) @ X.T / m", style="coursera-lab-dropout-mask-forgotten")
C(DO, "W2", N, J(CLB, CLB_USE.replace("((A1d, W2, b2), Z2)", "((A1, W2, b2), Z2)")), "*", oracle=f"{DO_Z2} @ A1.T / m", style="coursera-lab-W2-with-A1-not-dropped", note="the activations before the mask")
C(DO, "b1", N, J(CLB.replace("db = 1 / m * np.sum(dZ, axis=1, keepdims=True)", "db = 1 / m * np.sum(dZ, axis=0, keepdims=True)"), CLB_USE), "*", style="coursera-lab-db-axis0")
C(DO, "W1", N, J(CLB.replace("dW = 1 / m * np.dot(dZ, A_prev.T)", "dW = np.dot(dZ, A_prev.T)"), CLB_USE), "scale-factor", oracle=f"{DO_Z1} @ X.T", style="coursera-lab-no-m")
DROP = J(
    "m = X.shape[1]",
    "dZ2 = A2 - Y",
    "dW2 = 1. / m * np.dot(dZ2, A1d.T)",
    "db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)",
    "dA1 = np.dot(W2.T, dZ2)",
    "### START CODE HERE ### (≈ 2 lines of code)",
    "dA1 = dA1 * D1              # Step 1: Apply mask D1 to shut down the same neurons as during the forward propagation",
    "dA1 = dA1 / keep_prob       # Step 2: Scale the value of neurons that haven't been shut down",
    "### END CODE HERE ###",
    "dZ1 = np.multiply(dA1, np.int64(A1 > 0))",
    "dW1 = 1. / m * np.dot(dZ1, X.T)",
    "db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)",
)
C(DO, "W1", N, DROP, oracle=f"{DO_Z1} @ X.T / m", style="coursera-dropout-W1")
C(DO, "b1", N, DROP, oracle=f"np.sum({DO_Z1}, axis=1, keepdims=True) / m", style="coursera-dropout-b1")
C(DO, "b2", N, DROP, oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="coursera-dropout-b2")
C(DO, "W1", N, DROP.replace("dA1 = dA1 / keep_prob ", "dA1 = dA1 * keep_prob "), "*", oracle="(W2.T @ (A2 - Y) * D1 * keep_prob * (Z1 > 0)) @ X.T / m", style="coursera-dropout-times-keep-prob")
C(DO, "W1", N, DROP.replace("dA1 = dA1 / keep_prob ", "dA1 = dA1 "), "scale-factor", oracle="(W2.T @ (A2 - Y) * D1 * (Z1 > 0)) @ X.T / m", style="coursera-dropout-no-keep-prob")
C(DO, "W1", N, J("# 反向传播时同样要乘 D1 再除以 keep_prob", "dZ2 = A2 - Y", "dA1 = W2.T @ dZ2 * D1 / keep_prob", "dZ1 = dA1 * (Z1 > 0)", "dW1 = dZ1 @ X.T / m"), lang=Z, oracle=f"{DO_Z1} @ X.T / m", style="zh-dropout-W1")
C(DO, "W2", N, J(
    "# Nielsen 式逐样本：列向量 X[:, [i]]",
    "nabla_W2 = np.zeros(W2.shape)",
    "for i in range(m):",
    "    delta = A2[:, [i]] - Y[:, [i]]",
    "    nabla_W2 += np.dot(delta, A1d[:, [i]].transpose())",
    "dW2 = nabla_W2 / m",
), lang=Z, oracle=f"{DO_Z2} @ A1d.T / m", style="zh-dropout-per-example-columns")
C(DO, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.dot(A1d.T, dZ2) / m"), "*", style="dropout-W2-row-major-habit", note="m × m (5 × 5) for 1 × n_h: never ✓")

_round = "b"
# ================================================================ fast.ai lesson 13 on its own network (res col, clamp_min)
FA_DR = "(2 * (res[:, 0] - y_train)[:, None] / n)"
FA_D1 = f"({FA_DR} @ w2.T * (l1 > 0))"
FAG = J(
    "def mse_grad(inp, targ):",
    "    # grad of loss with respect to output of previous layer",
    "    inp.g = 2. * (inp.squeeze() - targ).unsqueeze(-1) / inp.shape[0]",
    "",
    "def relu_grad(inp, out):",
    "    # grad of relu with respect to input activations",
    "    inp.g = (inp > 0).float() * out.g",
    "",
    "def lin_grad(inp, out, w, b):",
    "    # grad of matmul with respect to input",
    "    inp.g = out.g @ w.t()",
    "    w.g = inp.t() @ out.g",
    "    b.g = out.g.sum(0)",
    "",
    "def forward_and_backward(inp, targ):",
    "    # forward pass:",
    "    l1 = inp @ w1 + b1",
    "    l2 = l1.clamp_min(0.)",
    "    out = l2 @ w2 + b2",
    "    diff = out[:, 0] - targ",
    "    loss = diff.pow(2).mean()",
    "    # backward pass:",
    "    mse_grad(out, targ)",
    "    lin_grad(l2, out, w2, b2)",
    "    relu_grad(l1, l2)",
    "    lin_grad(inp, l1, w1, b1)",
    "",
    "forward_and_backward(x_train, y_train)",
)
C(FA, "w1", N, J(FAG, "grad_w1 = w1.g"), "relu-at-zero", style="fastai-l13-w1", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corpora 18, 23) — relabelled after the first pass, oracle dropped (the example point has no zero)")
C(FA, "w2", N, J(FAG, "grad_w2 = w2.g"), oracle=f"l2.T @ {FA_DR}", style="fastai-l13-w2")
C(FA, "b1", N, J(FAG, "grad_b1 = b1.g"), "relu-at-zero", style="fastai-l13-b1", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corpora 18, 23) — relabelled after the first pass, oracle dropped (the example point has no zero)")
C(FA, "b2", N, J(FAG, "grad_b2 = b2.g"), oracle=f"{FA_DR}.sum(0)", style="fastai-l13-b2")
C(FA, "w1", N, J(FAG.replace(" / inp.shape[0]", ""), "grad_w1 = w1.g"), "*", oracle=f"n * x_train.T @ {FA_D1}", style="fastai-l13-no-mean", note="first labelled scale-factor; (inp > 0) is also the relu-at-zero slip on clamp_min (README): two slips, any code")
C(FA, "w1", N, J(FAG.replace("    relu_grad(l1, l2)\n", "    l1.g = l2.g\n"), "grad_w1 = w1.g"), "missing-activation-derivative", oracle=f"x_train.T @ ({FA_DR} @ w2.T)", style="fastai-l13-relu-grad-skipped")
C(FA, "w2", N, J(FAG.replace("w.g = inp.t() @ out.g", "w.g = inp.t() @ out.g / inp.shape[0]"), "grad_w2 = w2.g"), "scale-factor", oracle=f"l2.T @ {FA_DR} / n", style="fastai-l13-mean-twice")
C(FA, "w1", N, J(
    "class Relu():",
    "    def __call__(self, inp):",
    "        self.inp = inp",
    "        self.out = inp.clamp_min(0.)",
    "        return self.out",
    "    def backward(self): self.inp.g = (self.inp > 0).float() * self.out.g",
    "",
    "class Lin():",
    "    def __init__(self, w, b): self.w, self.b = w, b",
    "    def __call__(self, inp):",
    "        self.inp = inp",
    "        self.out = inp @ self.w + self.b",
    "        return self.out",
    "    def backward(self):",
    "        self.inp.g = self.out.g @ self.w.t()",
    "        self.w.g = self.inp.t() @ self.out.g",
    "        self.b.g = self.out.g.sum(0)",
    "",
    "class Mse():",
    "    def __call__(self, inp, targ):",
    "        self.inp, self.targ = inp, targ",
    "        self.out = (inp.squeeze() - targ).pow(2).mean()",
    "        return self.out",
    "    def backward(self):",
    "        self.inp.g = 2. * (self.inp.squeeze() - self.targ).unsqueeze(-1) / self.targ.shape[0]",
    "",
    "class Model():",
    "    def __init__(self, w1, b1, w2, b2):",
    "        self.layers = [Lin(w1, b1), Relu(), Lin(w2, b2)]",
    "        self.loss = Mse()",
    "    def __call__(self, x, targ):",
    "        for l in self.layers: x = l(x)",
    "        return self.loss(x, targ)",
    "    def backward(self):",
    "        self.loss.backward()",
    "        for l in reversed(self.layers): l.backward()",
    "",
    "model = Model(w1, b1, w2, b2)",
    "loss = model(x_train, y_train)",
    "model.backward()",
    "grad_w1 = w1.g",
), "relu-at-zero", style="fastai-l13-model-classes", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corpora 18, 23) — relabelled after the first pass, oracle dropped (the example point has no zero)")
C(FA, "w2", N, J("# fast.ai 第 13 课：mse_grad 之后 w2.g = l2.T @ out.g", "out_g = 2. * (res.squeeze() - y_train).unsqueeze(-1) / x_train.shape[0]", "grad_w2 = l2.t() @ out_g"), lang=Z, oracle=f"l2.T @ {FA_DR}", style="zh-fastai-l13-w2")
C(FA, "w2", N, J("out_g = 2. * (res - y_train) / x_train.shape[0]", "grad_w2 = l2.t() @ out_g"), "*", style="fastai-l13-broadcast-trap", note="res (n × 1) − y_train (n,) broadcasts to n × n: the famous lesson-13 bug")
C(FA, "b1", N, J("g = 2. * (res[:, 0] - y_train)[:, None] / n", "g1 = (g @ w2.t()) * (l1 > 0).float()", "grad_b1 = g1.sum(0)"), "relu-at-zero", style="fastai-l13-b1-inline", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corpora 18, 23) — relabelled after the first pass, oracle dropped (the example point has no zero)")
C(FA, "b1", N, J("g = 2. * (res[:, 0] - y_train)[:, None] / n", "g1 = (g @ w2.t()) * (l1 > 0).float()", "grad_b1 = g1.mean(0)"), "*", oracle=f"{FA_D1}.mean(0)", style="fastai-l13-b1-mean-habit", note="first labelled scale-factor; (l1 > 0) is also the relu-at-zero slip on clamp_min (README): two slips, any code")

# fastai_clamp_shift: l2 = relu(l1) - 0.5
FC_DO = "(2 * (out - targ) / n)"
FC_D1 = f"({FC_DO} @ w2.T * (l1 > 0))"
C(FC, "w2", N, J("out_g = 2. * (out - targ) / targ.shape[0]", "grad_w2 = l2.t() @ out_g"), oracle=f"l2.T @ {FC_DO}", style="fc-w2")
C(FC, "w2", N, J("out_g = 2. * (out - targ) / targ.shape[0]", "grad_w2 = l1.clamp_min(0.).t() @ out_g"), "*", oracle=f"np.maximum(l1, 0).T @ {FC_DO}", style="fc-w2-shift-forgotten", note="relu(l1) without the − 0.5: l2 + 0.5")
C(FC, "w1", N, J("out_g = 2. * (out - targ) / targ.shape[0]", "l2_g = out_g @ w2.t()", "l1_g = (l1 > 0).float() * l2_g", "grad_w1 = x.t() @ l1_g"), "relu-at-zero", style="fc-w1", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corpora 18, 23) — relabelled after the first pass, oracle dropped (the example point has no zero)")
C(FC, "w1", N, J("out_g = 2. * (out - targ) / targ.shape[0]", "l2_g = out_g @ w2.t()", "l1_g = (l2 > 0).float() * l2_g", "grad_w1 = x.t() @ l1_g"), "*", style="fc-w1-mask-of-shifted", note="l2 > 0 is l1 > 0.5: the shift moves the mask; at the example point no l1 entry lies in (0, 0.5), so a one-point oracle cannot tell (it had one and disagreed with the label: dropped, the label stays wrong)")
C(FC, "b1", N, J("# 平移不改变导数：relu 的掩码还是 l1 > 0", "l1_g = (2. * (out - targ) / targ.shape[0]) @ w2.t() * (l1 > 0).float()", "grad_b1 = l1_g.sum(0)"), "relu-at-zero", lang=Z, style="zh-fc-b1", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corpora 18, 23) — relabelled after the first pass, oracle dropped (the example point has no zero)")
C(FC, "b2", N, "grad_b2 = (2. * (out - targ)).mean(0)", oracle=f"{FC_DO}.sum(0)", style="fc-b2-mean")

# hn15_fastai_generalrelu: (leaky_relu(l1, leak) - sub).clamp_max(maxv)
GR_DR = "(2 * (res[:, 0] - y_train)[:, None] / n)"
GR_S = "(np.where(l1 > 0, 1.0, leak) * (np.where(l1 > 0, l1, leak * l1) - sub < maxv))"
C(GR, "w1", N, J("res_g = 2. * (res.squeeze(-1) - y_train).unsqueeze(-1) / n", "a1_g = res_g @ w2.t()", "l1_g = a1_g * torch.where(l1 > 0, 1., leak) * (a1 < maxv).float()", "grad_w1 = x_train.t() @ l1_g"), oracle=f"x_train.T @ ({GR_DR} @ w2.T * {GR_S})", style="gr-w1")
C(GR, "w1", N, J("res_g = 2. * (res.squeeze(-1) - y_train).unsqueeze(-1) / n", "a1_g = res_g @ w2.t()", "l1_g = a1_g * (l1 > 0).float()", "grad_w1 = x_train.t() @ l1_g"), "*", oracle=f"x_train.T @ ({GR_DR} @ w2.T * (l1 > 0))", style="gr-w1-plain-relu-slope", note="the leak's slope 0.1 dropped")
C(GR, "w2", N, J("res_g = 2. * (res.squeeze(-1) - y_train).unsqueeze(-1) / n", "grad_w2 = a1.t() @ res_g"), oracle=f"a1.T @ {GR_DR}", style="gr-w2")
C(GR, "w2", N, J("res_g = 2. * (res.squeeze(-1) - y_train).unsqueeze(-1) / n", "grad_w2 = F.leaky_relu(l1, leak).t() @ res_g"), "*", oracle=f"np.where(l1 > 0, l1, leak * l1).T @ {GR_DR}", style="gr-w2-sub-forgotten")
C(GR, "b1", N, J("# GeneralRelu：负半轴斜率是 leak", "res_g = 2. * (res.squeeze(-1) - y_train).unsqueeze(-1) / n", "l1_g = (res_g @ w2.t()) * torch.where(l1 > 0, 1., leak) * (a1 < maxv).float()", "grad_b1 = l1_g.sum(0)"), lang=Z, oracle=f"({GR_DR} @ w2.T * {GR_S}).sum(0)", style="zh-gr-b1")

# hn12_fastai_lse_trick: log-softmax by the log-sum-exp trick, NLL of class indices
LS_D = "((np.exp(x) / np.exp(x).sum(1, keepdims=True) - np.eye(c)[yb.astype(int)]) / n)"
C(LS, "w", N, J("p = logp.exp()", "p[range(n), yb] -= 1", "grad_w = xb.t() @ (p / n)"), oracle=f"xb.T @ {LS_D}", style="lse-w-exp-logp")
C(LS, "w", N, J("g = (x - lse.unsqueeze(-1)).exp()", "g = g - torch.zeros_like(x).scatter_(1, yb.unsqueeze(1), 1.)", "grad_w = xb.t() @ g / n"), oracle=f"xb.T @ {LS_D}", style="lse-w-scatter-one-hot")
C(LS, "w", N, J("g = (x - m[:, None]).exp() / (x - m[:, None]).exp().sum(-1, keepdim=True)", "g[range(n), yb] -= 1", "grad_w = xb.t() @ g / n"), oracle=f"xb.T @ {LS_D}", style="lse-w-shifted-softmax")
C(LS, "b", N, J("p = logp.exp()", "p[range(n), yb] -= 1", "grad_b = p.mean(0)"), oracle=f"{LS_D}.sum(0)", style="lse-b-mean")
C(LS, "w", N, J("p = logp.exp()", "p[range(n), yb] -= 1", "grad_w = xb.t() @ p"), "scale-factor", oracle=f"n * xb.T @ {LS_D}", style="lse-w-no-mean")
C(LS, "w", N, J("g = logp.exp() - 1", "grad_w = xb.t() @ g / n"), "*", oracle="xb.T @ (np.exp(x) / np.exp(x).sum(1, keepdims=True) - 1) / n", style="lse-w-minus-one-everywhere", note="1 subtracted from every class, not the target's")
C(LS, "w", N, J("g = -F.one_hot(yb, c).float() / n", "grad_w = xb.t() @ g"), "*", oracle="-xb.T @ np.eye(c)[yb.astype(int)] / n", style="lse-w-lse-treated-constant", note="lse's own gradient (the softmax) dropped")
C(LS, "b", N, J("# log-sum-exp 技巧不改变梯度：softmax 减 one-hot", "g = F.softmax(x, dim=-1) - F.one_hot(yb, c)", "grad_b = g.sum(0) / n"), lang=Z, oracle=f"{LS_D}.sum(0)", style="zh-lse-b")

# hn13_coursera_nncost_torch_ones: Ng's ex4 in PyTorch, bias columns
CT_D3 = "(h_ - Y)"
CT_S = "(a2[:, 1:] * (1 - a2[:, 1:]))"
CT_D2 = f"(({CT_D3} @ Theta2[:, 1:]) * {CT_S})"
C(CT, "Theta2", N, J("d3 = h_ - Y", "Theta2_grad = d3.T @ a2 / m"), oracle=f"{CT_D3}.T @ a2 / m", style="ct-Theta2")
C(CT, "Theta1", N, J("d3 = h_ - Y", "z2 = a1 @ Theta1.T", "d2 = (d3 @ Theta2[:, 1:]) * torch.sigmoid(z2) * (1 - torch.sigmoid(z2))", "Theta1_grad = d2.T @ a1 / m"), oracle=f"{CT_D2}.T @ a1 / m", style="ct-Theta1")
C(CT, "Theta1", N, J("d3 = h_ - Y", "d2 = (d3 @ Theta2) * a2 * (1 - a2)", "d2 = d2[:, 1:]", "Theta1_grad = d2.T @ a1 / m"), oracle=f"{CT_D2}.T @ a1 / m", style="ct-Theta1-bias-column-dropped-after", note="Ng's habit: the bias column's slope is 0 anyway, dropped after")
C(CT, "Theta1", N, J(
    "Delta1 = torch.zeros_like(Theta1)",
    "for t in range(m):",
    "    a1t = a1[t:t + 1, :]",
    "    a2t = a2[t:t + 1, :]",
    "    d3t = h_[t:t + 1, :] - Y[t:t + 1, :]",
    "    d2t = (d3t @ Theta2[:, 1:]) * a2t[:, 1:] * (1 - a2t[:, 1:])",
    "    Delta1 = Delta1 + d2t.T @ a1t",
    "Theta1_grad = Delta1 / m",
), oracle=f"{CT_D2}.T @ a1 / m", style="ct-Theta1-per-example-loop")
C(CT, "Theta1", N, J("d3 = h_ - Y", "d2 = (d3 @ Theta2[:, 1:]) * a2[:, 1:] * (1 - a2[:, 1:])", "Theta1_grad = d2.T @ a1"), "scale-factor", oracle=f"{CT_D2}.T @ a1", style="ct-Theta1-no-m")
C(CT, "Theta1", N, J("d3 = h_ - Y", "d2 = (d3 @ Theta2[:, 1:]) * a2[:, 1:] * (1 - a2[:, 1:])", "Theta1_grad = d2.T @ a1[:, 1:] / m"), "*", style="ct-Theta1-bias-column-of-a1-dropped", note="h × n for h × (n + 1): the bias's gradient column missing")
C(CT, "Theta2", N, J("d3 = (h_ - Y) * h_ * (1 - h_)", "Theta2_grad = d3.T @ a2 / m"), "*", oracle="((h_ - Y) * h_ * (1 - h_)).T @ a2 / m", style="ct-Theta2-sigmoid-slope-again")
C(CT, "Theta2", N, J("d3 = h_ - Y", "Theta2_grad = d3.T @ a2 / m", "Theta2_grad[:, 1:] += lambda_ / m * Theta2[:, 1:]"), REFUSE, style="ct-Theta2-regularised-unknown-lambda", note="this network has no regularisation: lambda_ is no name of it")
C(CT, "Theta2", N, J("# 输出层误差 d3 = h - y，再乘 a2（含偏置列）", "d3 = h_ - Y", "Theta2_grad = torch.mm(d3.t(), a2) / m"), lang=Z, oracle=f"{CT_D3}.T @ a2 / m", style="zh-ct-Theta2")

_round = "c"
# ================================================================ Elman RNN, a loss at every step (Chinese spec): min-char-rnn dicts
EL_E = {t: f"(h{t} @ V - y{t})" for t in (1, 2, 3)}
EL_Z3 = f"({EL_E[3]} @ V.T * (1 - h3 ** 2))"
EL_Z2 = f"(({EL_E[2]} @ V.T + {EL_Z3} @ U.T) * (1 - h2 ** 2))"
EL_Z1 = f"(({EL_E[1]} @ V.T + {EL_Z2} @ U.T) * (1 - h1 ** 2))"
EL_U = f"h1.T @ {EL_Z2} + h2.T @ {EL_Z3}"
EL_W = f"x1.T @ {EL_Z1} + x2.T @ {EL_Z2} + x3.T @ {EL_Z3}"
EL_B = f"np.sum({EL_Z1} + {EL_Z2} + {EL_Z3}, axis=0, keepdims=True)"
EL_V = f"h1.T @ {EL_E[1]} + h2.T @ {EL_E[2]} + h3.T @ {EL_E[3]}"
ELM = J(
    "xs = {1: x1, 2: x2, 3: x3}",
    "ys = {1: y1, 2: y2, 3: y3}",
    "hs = {0: np.zeros_like(h1), 1: h1, 2: h2, 3: h3}",
    "dU, dW, dV, db = np.zeros_like(U), np.zeros_like(W), np.zeros_like(V), np.zeros_like(b)",
    "dhnext = np.zeros_like(hs[0])",
    "for t in reversed(range(1, 4)):",
    "    dy = hs[t] @ V - ys[t]",
    "    dV += np.dot(hs[t].T, dy)",
    "    dh = np.dot(dy, V.T) + dhnext",
    "    dhraw = (1 - hs[t] * hs[t]) * dh",
    "    db += np.sum(dhraw, axis=0, keepdims=True)",
    "    dW += np.dot(xs[t].T, dhraw)",
    "    dU += np.dot(hs[t - 1].T, dhraw)",
    "    dhnext = np.dot(dhraw, U.T)",
)
C(EL, "U", N, ELM, oracle=EL_U, style="el-minchar-U")
C(EL, "W", N, ELM, oracle=EL_W, style="el-minchar-W")
C(EL, "b", N, ELM, oracle=EL_B, style="el-minchar-b")
C(EL, "V", N, ELM, oracle=EL_V, style="el-minchar-V")
C(EL, "W", N, ELM.replace("dh = np.dot(dy, V.T) + dhnext", "dh = np.dot(dy, V.T)"), "missing-path", oracle=f"x1.T @ ({EL_E[1]} @ V.T * (1 - h1 ** 2)) + x2.T @ ({EL_E[2]} @ V.T * (1 - h2 ** 2)) + x3.T @ {EL_Z3}", style="el-minchar-no-dhnext")
C(EL, "U", N, ELM.replace("dhnext = np.dot(dhraw, U.T)", "dhnext = np.dot(dhraw, U)"), "*", style="el-minchar-U-not-transposed", note="U is square and not symmetric")
C(EL, "V", N, ELM.replace("for t in reversed(range(1, 4)):", "for t in [3]:"), "missing-path", oracle=f"h3.T @ {EL_E[3]}", style="el-minchar-V-last-step-only", note="the loss is summed over every step")
C(EL, "W", N, ELM.replace("dhraw = (1 - hs[t] * hs[t]) * dh", "dhraw = dh"), "missing-activation-derivative", style="el-minchar-no-tanh")
C(EL, "U", N, J(
    "# 按时间反向传播：每个时刻都有损失",
    "dy3, dy2, dy1 = h3 @ V - y3, h2 @ V - y2, h1 @ V - y1",
    "dz3 = (dy3 @ V.T) * (1 - h3 ** 2)",
    "dz2 = (dy2 @ V.T + dz3 @ U.T) * (1 - h2 ** 2)",
    "dU = h1.T @ dz2 + h2.T @ dz3",
), lang=Z, oracle=EL_U, style="zh-el-U-unrolled")
C(EL, "U", N, J(
    "# 忘了第二个时刻自己的损失",
    "dz3 = ((h3 @ V - y3) @ V.T) * (1 - h3 ** 2)",
    "dz2 = (dz3 @ U.T) * (1 - h2 ** 2)",
    "dU = h1.T @ dz2 + h2.T @ dz3",
), "missing-path", lang=Z, oracle=f"h1.T @ ({EL_Z3} @ U.T * (1 - h2 ** 2)) + h2.T @ {EL_Z3}", style="zh-el-U-step-loss-forgotten")
C(EL, "b", N, J("# 偏置：三个时刻的 dz 都要加", "dz3 = ((h3 @ V - y3) @ V.T) * (1 - h3 ** 2)", "dz2 = ((h2 @ V - y2) @ V.T + dz3 @ U.T) * (1 - h2 ** 2)", "dz1 = ((h1 @ V - y1) @ V.T + dz2 @ U.T) * (1 - h1 ** 2)", "db = (dz1 + dz2 + dz3).sum(axis=0, keepdims=True)"), lang=Z, oracle=EL_B, style="zh-el-b")
C(EL, "V", N, "dV = sum(hs.T @ (hs @ V - ys) for hs, ys in [(h1, y1), (h2, y2), (h3, y3)])", oracle=EL_V, style="el-V-generator-sum")

# ================================================================ Keras 3 ops and TF on hn35_keras3_ops_mlp
K3_DY = "(2 * (y_pred - y_true) / n)"
K3_DZ = f"({K3_DY} @ kernel2.T * (hidden > 0))"
C(K3, "kernel2", N, J("dy = 2.0 * (y_pred - y_true) / ops.shape(x)[0]", "dkernel2 = ops.matmul(ops.transpose(hidden), dy)"), oracle=f"hidden.T @ {K3_DY}", style="k3-kernel2")
C(K3, "kernel1", N, J("dy = 2.0 * (y_pred - y_true) / n", "dh = ops.matmul(dy, ops.transpose(kernel2))", "dz = ops.where(hidden > 0, dh, 0.0)", "dkernel1 = ops.matmul(ops.transpose(x), dz)"), oracle=f"x.T @ {K3_DZ}", style="k3-kernel1-where")
C(K3, "bias1", N, J("dy = 2.0 * (y_pred - y_true) / n", "dz = ops.matmul(dy, ops.transpose(kernel2)) * ops.cast(hidden > 0, 'float32')", "dbias1 = ops.sum(dz, axis=0)"), oracle=f"{K3_DZ}.sum(0)", style="k3-bias1-cast")
C(K3, "kernel2", N, J("dy = 2.0 * (y_true - y_pred) / n", "dkernel2 = ops.matmul(ops.transpose(hidden), dy)"), "sign", oracle=f"-hidden.T @ {K3_DY}", style="k3-kernel2-sign")
C(K3, "kernel2", N, J("dy = (y_pred - y_true) / n", "dkernel2 = ops.matmul(ops.transpose(hidden), dy)"), "scale-factor", oracle=f"hidden.T @ {K3_DY} / 2", style="k3-kernel2-no-two")
C(K3, "kernel1", N, J("dy = 2.0 * (y_pred - y_true) / n", "dz = ops.matmul(dy, ops.transpose(kernel2))", "dkernel1 = ops.matmul(ops.transpose(x), dz)"), "missing-activation-derivative", oracle=f"x.T @ ({K3_DY} @ kernel2.T)", style="k3-kernel1-no-relu")
C(K3, "kernel2", N, J("dy = 2.0 * (y_pred - y_true) / n", "dkernel2 = tf.linalg.matmul(hidden, dy, transpose_a=True)"), oracle=f"hidden.T @ {K3_DY}", style="k3-kernel2-tf-linalg-transpose-a")
C(K3, "kernel1", N, J("dy = 2.0 * (y_pred - y_true) / n", "dz = tf.linalg.matmul(dy, kernel2, transpose_b=True) * tf.cast(hidden > 0, tf.float32)", "dkernel1 = tf.linalg.matmul(x, dz, transpose_a=True)"), oracle=f"x.T @ {K3_DZ}", style="k3-kernel1-tf-linalg")
C(K3, "bias2", N, J("dy = 2.0 * (y_pred - y_true) / n", "dbias2 = tf.reduce_sum(dy, axis=0)"), oracle=f"{K3_DY}.sum(0)", style="k3-bias2-tf")
C(K3, "bias2", N, J("dy = 2.0 * (y_pred - y_true)", "dbias2 = tf.reduce_mean(dy, axis=1)"), "*", style="k3-bias2-mean-axis1", note="n numbers for one bias")
C(K3, "kernel2", N, J("# Keras 3：ops.matmul 加 ops.transpose", "dy = 2.0 * (y_pred - y_true) / ops.shape(x)[0]", "dkernel2 = ops.transpose(ops.matmul(ops.transpose(dy), hidden))"), lang=Z, oracle=f"hidden.T @ {K3_DY}", style="zh-k3-kernel2-transposed-back")
C(K3, "kernel2", N, "grads = tape.gradient(loss, [kernel1, bias1, kernel2, bias2])\ndkernel2 = grads[2]", REFUSE, style="k3-gradient-tape")

# ================================================================ scikit-learn's logistic objective (labels ±1, C, intercept not penalised)
SK_G = "(-C * y * sigmoid(-margin))"
SK_W = f"coef_ + {SK_G}[None, :] @ X"
SK_B = f"np.array([np.sum({SK_G})])"
C(SK, "coef_", N, J("z = expit(margin)", "z0 = (z - 1) * y", "grad = C * (z0 @ X) + coef_.ravel()", "dcoef = grad.reshape(1, -1)"), oracle=SK_W, style="sk-coef-expit")
C(SK, "coef_", N, J("z0 = -y / (1 + np.exp(margin))", "dcoef = coef_ + C * z0[None, :] @ X"), oracle=SK_W, style="sk-coef-exp")
C(SK, "intercept_", N, J("z0 = -y / (1 + np.exp(margin))", "dintercept = C * np.sum(z0, keepdims=True)"), oracle=SK_B, style="sk-intercept")
C(SK, "coef_", N, J("z0 = -y / (1 + np.exp(margin))", "dcoef = coef_ + z0[None, :] @ X"), "*", oracle="coef_ + (-y * sigmoid(-margin))[None, :] @ X", style="sk-coef-C-forgotten")
C(SK, "coef_", N, J("z0 = -y / (1 + np.exp(margin))", "dcoef = coef_ / C + z0[None, :] @ X"), "*", oracle="coef_ / C + (-y * sigmoid(-margin))[None, :] @ X", style="sk-coef-alpha-scaling", note="the 1/C scaling of sklearn's internal alpha applied to a loss already scaled by C")
C(SK, "intercept_", N, J("z0 = -y / (1 + np.exp(margin))", "dintercept = intercept_ + C * np.sum(z0, keepdims=True)"), "*", oracle=f"intercept_ + {SK_B}", style="sk-intercept-penalised")
C(SK, "coef_", N, J("z0 = y / (1 + np.exp(margin))", "dcoef = coef_ + C * z0[None, :] @ X"), "*", oracle=f"coef_ - {SK_G}[None, :] @ X", style="sk-coef-data-sign")
C(SK, "coef_", N, J("# 截距不参与正则；y 取 ±1", "p = 1 / (1 + np.exp(-decision.ravel()))", "dcoef = coef_ + C * ((p - (y + 1) / 2) @ X)[None, :]"), lang=Z, oracle=SK_W, style="zh-sk-coef-01-labels", note="σ(−yd)·(−y) = σ(d) − (y + 1)/2 for y = ±1")

# ================================================================ masked MSE over padding (count_nonzero)
MM_D = "(2 * (pred - target) * mask / np.count_nonzero(mask) * (1 - pred ** 2))"
C(MM, "W", N, J("dpred = 2 * (pred - target) * mask / mask.sum()", "dW = x.T @ (dpred * (1 - pred ** 2))"), oracle=f"x.T @ {MM_D}", style="mm-W")
C(MM, "b", N, J("dpred = 2 * (pred - target) * mask / torch.count_nonzero(mask)", "db = (dpred * (1 - pred.pow(2))).sum(0)"), oracle=f"{MM_D}.sum(0)", style="mm-b")
C(MM, "W", N, J("dpred = 2 * (pred - target) * mask / mask.numel()", "dW = x.T @ (dpred * (1 - pred ** 2))"), "scale-factor", oracle=f"x.T @ {MM_D} * np.count_nonzero(mask) / mask.size", style="mm-W-numel", note="the mean over every entry, padding included")
C(MM, "W", N, J("dpred = 2 * (pred - target) / mask.sum()", "dW = x.T @ (dpred * (1 - pred ** 2))"), "*", oracle="x.T @ (2 * (pred - target) / np.count_nonzero(mask) * (1 - pred ** 2))", style="mm-W-mask-forgotten")
C(MM, "W", N, J("dpred = 2 * (pred - target) * mask / mask.sum()", "dW = x.T @ dpred"), "missing-activation-derivative", oracle="x.T @ (2 * (pred - target) * mask / np.count_nonzero(mask))", style="mm-W-no-tanh")
C(MM, "b", N, J("# 只在非填充位置求平均", "g = 2 * (pred - target) * mask / mask.sum() * (1 - pred * pred)", "db = g.sum(axis=0)"), lang=Z, oracle=f"{MM_D}.sum(0)", style="zh-mm-b")

# ================================================================ two-tower recommender, vecdot score, BCE with logits
TT_S = "((sigmoid(score) - clicked) / n)"
TT_DU = f"({TT_S}[:, None] * v)"
TT_HU = "np.maximum(user_feats @ Wu1, 0)"
C(TT, "Wu2", N, J("ds = (torch.sigmoid(score) - clicked) / n", "du = ds.unsqueeze(1) * v", "hu = torch.relu(user_feats @ Wu1)", "dWu2 = hu.T @ du"), oracle=f"{TT_HU}.T @ {TT_DU}", style="tt-Wu2")
C(TT, "Wu1", N, J("ds = (torch.sigmoid(score) - clicked) / n", "du = ds[:, None] * v", "dhu = (du @ Wu2.T) * (user_feats @ Wu1 > 0)", "dWu1 = user_feats.T @ dhu"), oracle=f"user_feats.T @ ({TT_DU} @ Wu2.T * (user_feats @ Wu1 > 0))", style="tt-Wu1")
C(TT, "Wu2", N, J("ds = (torch.sigmoid(score) - clicked) / n", "du = ds.unsqueeze(1) * u", "hu = torch.relu(user_feats @ Wu1)", "dWu2 = hu.T @ du"), "*", oracle=f"{TT_HU}.T @ ({TT_S}[:, None] * u)", style="tt-Wu2-own-tower", note="∂score/∂u is v, not u")
C(TT, "Wu2", N, J("ds = torch.sigmoid(score) - clicked", "du = ds.unsqueeze(1) * v", "dWu2 = torch.relu(user_feats @ Wu1).T @ du"), "scale-factor", oracle=f"n * {TT_HU}.T @ {TT_DU}", style="tt-Wu2-no-mean")
C(TT, "Wi2", N, J("# 物品塔：分数对 v 的导数是 u", "ds = (torch.sigmoid(score) - clicked) / n", "dWi2 = torch.relu(item_feats @ Wi1).T @ (ds[:, None] * u)"), lang=Z, oracle=f"np.maximum(item_feats @ Wi1, 0).T @ ({TT_S}[:, None] * u)", style="zh-tt-Wi2")

_round = "d"
# ================================================================ the other built-ins: CS230 / UvA / D2L / MIT / CMU habits
C(M, "W1", N, J(
    "def backward_propagation(parameters, cache, X, Y):",
    '    """CS230-style: returns grads, a dictionary of gradients."""',
    "    m = X.shape[0]",
    "    W2 = parameters['W2']",
    "    A1, A2 = cache['A1'], cache['A2']",
    "    dZ2 = A2 - Y",
    "    dW2 = (1 / m) * np.dot(A1.T, dZ2)",
    "    dZ1 = np.dot(dZ2, W2.T) * (A1 > 0)",
    "    dW1 = (1 / m) * np.dot(X.T, dZ1)",
    "    print('dW1', dW1.shape)",
    "    grads = {'dW1': dW1, 'dW2': dW2}",
    "    return grads",
    "grads = backward_propagation({'W1': W1, 'W2': W2}, {'A1': A1, 'A2': A2}, X, Y)",
    "dW1 = grads['dW1']",
), oracle=W1R, style="cs230-backward-dict-print")
C(M, "W1", N, J(
    "# YOUR CODE HERE",
    "dZ2 = A2 - Y",
    "dZ1 = dZ2 @ W2.T",
    "dZ1 *= (Z1 > 0)",
    "dZ1 /= m",
    "dW1 = X.T @ dZ1",
    "# raise NotImplementedError()",
), oracle=W1R, style="nbgrader-inplace-ops")
C(M, "W1", N, J("# YOUR CODE HERE", "raise NotImplementedError()"), REFUSE, style="nbgrader-not-implemented")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = dZ2 @ W2.T",
    "dZ1 = dZ1 * (Z1 > 0)",
    "dZ1 = dZ1 / m",
    "dZ1 = dZ1 / m",
    "dW1 = X.T @ dZ1",
), "scale-factor", oracle=f"{W1R} / m", style="reassigned-divided-twice")
C(M, "W1", N, J("dZ2 = A2 - Y", "dA1 = W2 @ dZ2.T", "dZ1 = dA1.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="W2-first-then-transposed")
C(M, "W1", N, J("dZ2 = A2 - Y", "dZ1 = (dZ2 @ W2.T) * (A2 > 0)", "dW1 = X.T @ dZ1 / m"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="relu-mask-of-A2", note="A2 = σ(·) > 0 everywhere: the mask is all ones")
C(M, "W1", N, J("dZ2 = A2 - Y", "dZ1 = (dZ2 @ W2.T) * A1 * (1 - A1)", "dW1 = X.T @ dZ1 / m"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="sigmoid-slope-on-relu-layer")
C(M, "W2", N, J("dZ2 = np.subtract(A2, Y)", "dW2 = np.divide(np.matmul(np.transpose(A1), dZ2), m)"), oracle=W2R, style="np-subtract-divide")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.einsum('mi,mo->io', A1, dZ2) / m"), oracle=W2R, style="einsum-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.einsum('mi,mo->oi', A1, dZ2) / m"), "*", style="einsum-W2-transposed", note="1 × n_h for n_h × 1")
C(M, "b2", N, J("dZ2 = A2 - Y", "db2 = np.mean(dZ2, axis=0, keepdims=True)"), oracle=B2R, style="b2-mean-keepdims")
C(M, "b2", N, J("dZ2 = A2 - Y", "db2 = np.mean(dZ2, axis=1, keepdims=True)"), "*", style="b2-mean-axis1", note="m × 1 for 1 × 1")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = dZ1.sum(axis=0)[None, :] / m"), oracle=B1R, style="b1-none-slice")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = torch.sum(dZ1, dim=0, keepdim=True) / m"), oracle=B1R, style="b1-torch-keepdim")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.sum(dZ1, axis=0, keepdims=True) / m + 0.1 * b1"), "*", oracle=f"{B1R} + 0.1 * b1", style="b1-weight-decay-on-bias")
C(M, "W2", N, J("dW2 = torch.mm(A1.t(), A2 - Y) / m"), oracle=W2R, style="torch-mm-W2")
C(M, "W2", N, J("dW2 = torch.bmm(A1.t().unsqueeze(0), (A2 - Y).unsqueeze(0)).squeeze(0) / m"), oracle=W2R, style="torch-bmm-batch-one")
C(M, "W2", N, J("dW2 = tf.matmul(A1, A2 - Y, transpose_a=True) / tf.cast(tf.shape(X)[0], tf.float64)"), oracle=W2R, style="tf-matmul-shape-cast")
C(M, "W2", N, J("dW2 = tf.matmul(A1, A2 - Y, transpose_b=True) / m"), "*", style="tf-matmul-transpose-b-slip", note="A1 (m × n_h) @ (A2 − Y)ᵀ (1 × m): a shape error")
C(M, "W2", N, J("dW2 = jnp.dot(A1.T, A2 - Y) / A1.shape[0]"), oracle=W2R, style="jnp-dot-shape")
C(M, "W2", N, J("dW2 = jnp.dot(A1.T, jnp.log(A2) - Y) / m"), "*", oracle="A1.T @ (np.log(A2) - Y) / m", style="jnp-log-of-the-wrong-thing")
C(M, "W1", N, J(
    "dW1 = np.zeros_like(W1)",
    "for i in range(m):",
    "    x_i = X[i].reshape(-1, 1)",
    "    dz1_i = ((A2[i] - Y[i]) * W2[:, 0]) * (Z1[i] > 0)",
    "    dW1 += x_i @ dz1_i.reshape(1, -1)",
    "dW1 /= m",
), oracle=W1R, style="per-example-reshape-loop")
C(M, "W1", N, J(
    "dW1 = np.zeros_like(W1)",
    "for x_i, z_i, a_i, y_i in zip(X, Z1, A2, Y):",
    "    dW1 += np.outer(x_i, (a_i - y_i) * W2[:, 0] * (z_i > 0))",
    "dW1 = dW1 / len(X)",
), oracle=W1R, style="zip-rows-outer")
C(M, "W1", N, J(
    "dW1 = np.zeros_like(W1)",
    "for x_i, z_i, a_i, y_i in zip(X, Z1, A2, Y):",
    "    dW1 += np.outer((a_i - y_i) * W2[:, 0] * (z_i > 0), x_i)",
    "dW1 = dW1 / len(X)",
), "*", oracle=f"({W1R}).T", style="zip-rows-outer-swapped")
C(M, "W1", N, J("dZ1 = ((A2 - Y) @ W2.T) * (Z1 > 0)", "dW1 = np.array([[np.sum(X[:, i] * dZ1[:, j]) for j in range(n_h)] for i in range(n_in)]) / m"), oracle=W1R, style="nested-comprehension-entries")
C(M, "W2", N, J("def grad_W2(A1: np.ndarray, A2: np.ndarray, Y: np.ndarray) -> np.ndarray:", "    m = Y.shape[0]", "    return A1.T @ (A2 - Y) / m", "dW2 = grad_W2(A1, A2, Y)", "assert dW2.shape == W2.shape"), oracle=W2R, style="typed-helper-assert")
C(M, "W2", N, J("def grad_W2(A1: np.ndarray, A2: np.ndarray, Y: np.ndarray) -> np.ndarray:", "    m = Y.shape[1]", "    return A1.T @ (A2 - Y) / m", "dW2 = grad_W2(A1, A2, Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="typed-helper-shape-1", note="Y.shape[1] is 1: no mean")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T", "dZ1[Z1 <= 0] = 0", "del Z1", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="del-after-use")
C(M, "W1", N, J("# 反向：先算 dZ2，再用 W2.T 传回去，乘 ReLU 掩码", "dZ2 = A2 - Y", "dZ1 = np.multiply(dZ2 @ W2.T, np.where(Z1 > 0, 1, 0))", "dW1 = np.matmul(X.T, dZ1) / m"), lang=Z, oracle=W1R, style="zh-where-mask")
C(M, "W1", N, J("# 用了 W2 而不是 W2.T（形状刚好对得上）", "dZ2 = A2 - Y", "dZ1 = (W2 @ dZ2.T).T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), lang=Z, oracle=W1R, style="zh-W2-first-transposed-right", note="(W2 dZ2ᵀ)ᵀ = dZ2 W2ᵀ: right despite the comment")
C(M, "W2", N, J("dW2 = (A1.T @ (A2 - Y) / m).numpy()"), oracle=W2R, style="numpy-call-at-the-end")
C(M, "W2", N, J("dW2 = A1.T @ (A2 - Y) / m", "dW2 -= 0.01 * dW2  # momentum"), "*", oracle=f"0.99 * {W2R}", style="update-mixed-in")

# mlp-bce-weighted
WDZ = "((1 - Y) * A2 - w * Y * (1 - A2))"
C(MW, "W2", N, J("dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m", "dW2 = A1.T @ dZ2"), oracle=f"A1.T @ {WDZ} / m", style="w-expanded")
C(MW, "b2", N, J("dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m", "db2 = dZ2.sum(0, keepdims=True)"), oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="w-b2-expanded")
C(MW, "W2", N, J("dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2)", "dW2 = A1.T @ dZ2"), "scale-factor", oracle=f"A1.T @ {WDZ}", style="w-expanded-no-m")
C(MW, "W2", N, J("dZ2 = (Y * (A2 - 1) + w * (1 - Y) * A2) / m", "dW2 = A1.T @ dZ2"), "*", oracle="A1.T @ (Y * (A2 - 1) + w * (1 - Y) * A2) / m", style="w-on-the-negatives")
C(MW, "W1", N, J("# 加权 BCE：正样本的梯度乘 w", "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "dZ1 = dZ2 @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1"), lang=Z, oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="zh-w-W1")

# relu-mlp (sum of squares)
C(R, "w1", N, J("grad_y = 2 * (y_pred - y)", "grad_h = grad_y @ w2.T", "grad_h = grad_h * (h_relu > 0)", "grad_w1 = torch.matmul(x.T, grad_h)"), oracle=RW1, style="relu-torch-matmul")
C(R, "w1", N, J("grad_h = torch.einsum('no,ho->nh', 2 * (y_pred - y), w2) * (h > 0)", "grad_w1 = torch.einsum('ni,nh->ih', x, grad_h)"), oracle=RW1, style="relu-einsum-both")
C(R, "w1", N, J("grad_h = torch.einsum('no,ho->nh', 2 * (y_pred - y), w2) * (h > 0)", "grad_w1 = torch.einsum('ni,nh->hi', x, grad_h)"), "*", style="relu-einsum-transposed", note="H × D_in for D_in × H")
C(R, "w2", N, J("grad_w2 = 2 * h_relu.T @ (y_pred - y) / y.shape[0]"), "scale-factor", oracle=f"{RW2} / n", style="relu-w2-mean-habit")
C(R, "w2", N, J("grad_w2 = (2 * (y_pred - y)).T @ h_relu"), "*", style="relu-w2-transposed", note="D_out × H (2 × 3) for H × D_out")
C(R, "w2", N, J("grad_w2 = 2 * x.T @ (y_pred - y)"), "*", style="relu-w2-wrong-input", note="the input x for the hidden activations: D_in × D_out")

# tiny-mlp, neuron, chain
C(T, "W2", N, "dW2 = np.transpose(h) * (y_pred - y_target)", oracle=TW2, style="tiny-np-transpose")
C(T, "W2", N, "dW2 = h.T * (y_pred - y_target) * h.T * (1 - h.T)", "*", oracle="h.T * (y_pred - y_target) * h.T * (1 - h.T)", style="tiny-W2-hidden-slope-on-output")
C(T, "W1", N, J("dh = (y_pred - y_target) * W2.T", "dW1 = np.dot(X.T, dh * h * (1 - h))"), oracle=TW1, style="tiny-W1-dot")
C(T, "W1", N, J("dh = (y_pred - y_target) * W2", "dW1 = np.dot(X.T, dh * h * (1 - h))"), "*", style="tiny-W1-W2-not-transposed", note="W2 is n_h × 1: (n_h × 1) * (1 × n_h) broadcasts to n_h × n_h")
C(E, "w", N, J("# 单个神经元：sigmoid 加平方误差", "dz = (O - t) * O * (1 - O)", "dw = dz * x"), lang=Z, oracle=EW, style="zh-neuron")
C(E, "w", N, "dw = np.squeeze((O - t) * O * (1 - O)) * x", oracle=EW, style="neuron-squeeze")
C(CH, "w", N, J("def df_dv(v):", "    return 2 * v", "dw = df_dv(w * x + b) * x"), style="chain-helper")
C(CH, "w", N, J("def df_dv(v):", "    return 2 * v", "dw = df_dv(w * x + b) * w"), "*", style="chain-helper-w-for-x")
C(CH, "b", N, "db = 2 * u + 2 * b", style="chain-b-expanded", note="2v = 2(u + b)")

# softmax-regression: D2L scratch and other spellings
C(S, "W", N, J(
    "def softmax(X):",
    "    X_exp = np.exp(X)",
    "    partition = X_exp.sum(1, keepdims=True)",
    "    return X_exp / partition  # The broadcasting mechanism is applied here",
    "y_hat = softmax(np.dot(X.reshape((-1, W.shape[0])), W) + b)",
    "dW = X.T @ (y_hat - Y) / len(y_hat)",
), oracle=SW, style="d2l-softmax-scratch")
C(S, "W", N, J(
    "def softmax(X):",
    "    X_exp = np.exp(X)",
    "    partition = X_exp.sum(0, keepdims=True)",
    "    return X_exp / partition",
    "y_hat = softmax(np.dot(X, W) + b)",
    "dW = X.T @ (y_hat - Y) / len(y_hat)",
), "*", style="d2l-softmax-partition-axis0", note="normalised over the examples")
C(S, "b", N, J("dZ = P.copy()", "dZ[np.arange(m), Y.argmax(axis=1)] -= 1", "db = dZ.mean(axis=0, keepdims=True)"), oracle=SB, style="softmax-b-copy-argmax")
C(S, "b", N, J("dZ = P.copy()", "dZ[np.arange(m), Y.argmax(axis=1)] -= 1", "db = dZ.mean(axis=1, keepdims=True)"), "*", style="softmax-b-mean-axis1", note="m × 1 (the rows sum to 0) for 1 × k")
C(S, "W", N, J("dZ = P - np.eye(k)[Y.argmax(1)]", "dW = X.T @ dZ / m"), oracle=SW, style="softmax-eye-of-argmax")
C(S, "W", N, J("dZ = P - 1", "dW = X.T @ dZ / m"), "*", oracle="X.T @ (P - 1) / m", style="softmax-minus-one")
C(S, "W", N, J("dZ = (P - Y) / m", "dW = dZ.T @ X"), "*", style="softmax-dW-transposed", note="k × n (3 × 2) for n × k")
C(S, "W", N, J("# D2L：交叉熵 + softmax 的梯度是 y_hat - y", "dW = np.matmul(X.T, P - Y) / X.shape[0]"), lang=Z, oracle=SW, style="zh-d2l-W")
C(S, "W", N, "dW = tf.matmul(X, P - Y, transpose_a=True) / m", oracle=SW, style="tf-transpose-a-W")
C(S, "b", N, "db = tf.reduce_mean(P - Y, axis=0, keepdims=True)", oracle=SB, style="tf-reduce-mean-b")
C(S, "W", N, "dW = tf.transpose(tf.matmul(tf.transpose(P - Y), X)) / m", oracle=SW, style="tf-transpose-twice")

# rnn, attention, batchnorm
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - np.tanh(z_2) ** 2)", "dz1 = dz2 @ W_h.T * (1 - np.tanh(z_1) ** 2)", "dW_x = x_2.T @ dz2 + x_1.T @ dz1"), oracle=RWX, style="rnn-tanh-of-z")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_2 ** 2)", "dW_x = x_2.T @ dz2 + x_1.T @ dz1"), "*", oracle=f"x_2.T @ {R2_D2} + x_1.T @ ({R2_D2} @ W_h.T * (1 - h_2 ** 2))", style="rnn-wrong-step-slope")
C(R2, "b", N, J("# 两个时刻的偏置梯度相加", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "db = dz1 + dz2"), "bias-not-summed", lang=Z, style="zh-rnn-b", note="first labelled right: at the example m = 1 the batch sum changes nothing, but m is a size of the network and b is shared by the examples — relabelled after the first pass, oracle dropped")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dV = A.T @ dO", "dW_v = X.T @ dV"), oracle=AWV, style="att-size")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dV = A @ dO", "dW_v = X.T @ dV"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="att-A-not-transposed")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = torch.matmul(A.transpose(0, 1), dO)", "dW_v = torch.matmul(X.transpose(-2, -1), dV)"), oracle=AWV, style="att-transpose-dims")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = np.einsum('ni,mn,md->id', X, A, dO)"), oracle=AWV, style="att-einsum-three")
C(A, "W_v", N, J("# 三个张量的 einsum：A 的下标写反了", "dO = 2 * (O - T) / (n * d)", "dW_v = np.einsum('ni,nm,md->id', X, A, dO)"), "*", lang=Z, oracle=f"X.T @ A @ {AT_DO}", style="zh-att-einsum-three-A-not-transposed")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / Y.size, axis=0, keepdims=True)", oracle=BBT, style="bn-beta-size")
C(B, "gamma", N, "dgamma = np.sum(2 * (Y - T) / Y.size * Z_hat, axis=1, keepdims=True)", "*", style="bn-gamma-axis1", note="m × 1 for 1 × n")

# refusals
C(M, "W1", N, J("dW1 = np.zeros_like(W1)", "h = 1e-5", "for i in range(W1.shape[0]):", "    for j in range(W1.shape[1]):", "        W1[i, j] += h", "        fp = loss(W1)", "        W1[i, j] -= 2 * h", "        fm = loss(W1)", "        W1[i, j] += h", "        dW1[i, j] = (fp - fm) / (2 * h)"), REFUSE, style="numerical-gradient-loop")
C(S, "W", N, "dW = jax.grad(lambda W: loss(W, X, Y))(W)", REFUSE, style="jax-grad-lambda")
C(R, "w1", N, J("loss = (y_pred - y).pow(2).sum()", "loss.backward()", "grad_w1 = w1.grad"), REFUSE, style="autograd-backward")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c36-000, … as written; cases that happen to repeat corpora 2-35 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus36", "c36", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
