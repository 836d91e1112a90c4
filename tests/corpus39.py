"""The held-out-style corpus of issue 11, thirty-ninth round: CODE only, from sources no corpus had
used — nnfs.io's "Neural Networks from Scratch" classes (``Layer_Dense.backward(self, dvalues)``
storing ``self.dweights``/``self.dbiases``/``self.dinputs``, ``Activation_ReLU`` zeroing
``self.dinputs[self.inputs <= 0]``, ``Activation_Softmax_Loss_CategoricalCrossentropy.backward`` with
``self.dinputs[range(samples), y_true] -= 1``), Trask's *Grokking Deep Learning*
(``layer_1_delta = layer_2_delta.dot(weights_1_2.T) * relu2deriv(layer_1)``), micrograd/tinygrad-style
``_backward`` closures called by hand, d2l's ``with torch.no_grad():`` manual SGD with the gradient
written out, CuPy, Dask and ``jnp`` spellings, ``np.einsum`` in the backward pass, ``@``/``np.matmul``/
``.dot`` mixed, gradients read from ``@property`` methods, Fortran-like index loops, Kaggle notebook
``backward_propagation`` functions, Chinese textbook code (《深度学习入门》's ``TwoLayerNet.gradient``,
邱锡鹏's nndl exercises, 《动手学深度学习》) — and students' mistakes on them; on the built-ins and on
fourteen lecturer networks no corpus had used; Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck39"). Built-in cases carry a PyTorch oracle
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


ST = _spec("softmax_temperature")
MS = _spec("mish_softplus")
SE = _spec("selu_npwhere")
BW = _spec("torch_bce_weight")
SO = _spec("soft_target_ce")
HU = _spec("huber_torch_where")
GE = _spec("gelu_tanh")
LC = _spec("logcosh")
HF = _spec("hn16_hinton_family_trees")
QU = _spec("hn38_qiu_softmax_regression_logsumexp_l2_cn")
MX = _spec("maxout")
MU = _spec("mixup_ce")
RS = _spec("rowsum_weighted")
SG = _spec("hn37_sgns_word2vec_numpy_cn")

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
WDZ1 = f"({WDZ} @ W2.T * (Z1 > 0))"
WW1 = f"X.T @ {WDZ1} / m"
BN_DZH = f"({BN_DY} * gamma)"
BN_DZ = (f"((m * {BN_DZH} - np.sum({BN_DZH}, axis=0, keepdims=True) - Z_hat * np.sum({BN_DZH} * Z_hat, axis=0, "
         "keepdims=True)) / (m * np.sqrt(var + eps)))")
BNW = f"X.T @ {BN_DZ}"
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"

# ================================================================ nnfs.io: Neural Networks from Scratch
NNFS_DENSE = J(
    "class Layer_Dense:",
    "    def __init__(self, weights, biases):",
    "        self.weights = weights",
    "        self.biases = biases",
    "",
    "    def forward(self, inputs):",
    "        self.inputs = inputs",
    "        self.output = np.dot(inputs, self.weights) + self.biases",
    "",
    "    def backward(self, dvalues):",
    "        self.dweights = np.dot(self.inputs.T, dvalues)",
    "        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)",
    "        self.dinputs = np.dot(dvalues, self.weights.T)",
)
NNFS_RELU = J(
    "class Activation_ReLU:",
    "    def forward(self, inputs):",
    "        self.inputs = inputs",
    "        self.output = np.maximum(0, inputs)",
    "",
    "    def backward(self, dvalues):",
    "        self.dinputs = dvalues.copy()",
    "        self.dinputs[self.inputs <= 0] = 0",
)
NNFS_SIGMOID = J(
    "class Activation_Sigmoid:",
    "    def forward(self, inputs):",
    "        self.inputs = inputs",
    "        self.output = 1 / (1 + np.exp(-inputs))",
    "",
    "    def backward(self, dvalues):",
    "        self.dinputs = dvalues * (1 - self.output) * self.output",
)
NNFS_BCE = J(
    "class Loss_BinaryCrossentropy:",
    "    def backward(self, dvalues, y_true):",
    "        samples = len(dvalues)",
    "        outputs = len(dvalues[0])",
    "        clipped_dvalues = np.clip(dvalues, 1e-7, 1 - 1e-7)",
    "        self.dinputs = -(y_true / clipped_dvalues - (1 - y_true) / (1 - clipped_dvalues)) / outputs",
    "        self.dinputs = self.dinputs / samples",
)
NNFS_RUN = J(
    "dense1 = Layer_Dense(W1, b1)",
    "activation1 = Activation_ReLU()",
    "dense2 = Layer_Dense(W2, b2)",
    "activation2 = Activation_Sigmoid()",
    "loss_function = Loss_BinaryCrossentropy()",
    "dense1.forward(X)",
    "activation1.forward(dense1.output)",
    "dense2.forward(activation1.output)",
    "activation2.forward(dense2.output)",
    "loss_function.backward(activation2.output, Y)",
    "activation2.backward(loss_function.dinputs)",
    "dense2.backward(activation2.dinputs)",
    "activation1.backward(dense2.dinputs)",
    "dense1.backward(activation1.dinputs)",
)
NNFS = J(NNFS_DENSE, "", NNFS_RELU, "", NNFS_SIGMOID, "", NNFS_BCE, "", NNFS_RUN)
C(M, "W1", N, J(NNFS, "dW1 = dense1.dweights"), oracle=W1R, style="nnfs-bce-W1")
C(M, "b1", N, J(NNFS, "db1 = dense1.dbiases"), oracle=B1R, style="nnfs-bce-b1")
C(M, "W2", N, J(NNFS, "dW2 = dense2.dweights"), oracle=W2R, style="nnfs-bce-W2")
C(M, "b2", N, J(NNFS, "db2 = dense2.dbiases"), oracle=B2R, style="nnfs-bce-b2")
C(M, "W1", N, J(NNFS.replace("        self.dinputs = self.dinputs / samples\n", ""), "dW1 = dense1.dweights"), "scale-factor", oracle=f"{W1R} * m", style="nnfs-bce-no-samples")
C(M, "W1", N, J(NNFS.replace("activation1.backward(dense2.dinputs)\ndense1.backward(activation1.dinputs)", "dense1.backward(dense2.dinputs)"), "dW1 = dense1.dweights"), "missing-activation-derivative", oracle=NOMASK_W1, style="nnfs-relu-backward-skipped")
C(M, "W2", N, J(NNFS.replace("self.dinputs = dvalues * (1 - self.output) * self.output", "self.dinputs = dvalues * (1 - self.inputs) * self.inputs"), "dW2 = dense2.dweights"), "wrong-activation-derivative", oracle="A1.T @ (-(Y / A2 - (1 - Y) / (1 - A2)) / m * (1 - Z2) * Z2)", style="nnfs-sigmoid-slope-of-inputs")
C(M, "W1", N, J(NNFS.replace("self.dweights = np.dot(self.inputs.T, dvalues)", "self.dweights = np.dot(dvalues.T, self.inputs)"), "dW1 = dense1.dweights"), "*", oracle=f"({W1R}).T", style="nnfs-dweights-transposed")
C(M, "b1", N, J(NNFS.replace("self.dbiases = np.sum(dvalues, axis=0, keepdims=True)", "self.dbiases = np.sum(dvalues, axis=1, keepdims=True)"), "db1 = dense1.dbiases"), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="nnfs-dbiases-axis1")
C(M, "W1", N, J(NNFS.replace("self.dinputs[self.inputs <= 0] = 0", "self.dinputs[self.inputs > 0] = 0"), "dW1 = dense1.dweights"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 <= 0)) / m", style="nnfs-relu-mask-flipped")
C(MW, "W2", N, J(NNFS.replace("-(y_true / clipped_dvalues", "-(3 * y_true / clipped_dvalues"), "dW2 = dense2.dweights"), "*", style="nnfs-weighted-bce-W2", note="relabelled after the first pass (was right): README — a number written for a [constants] name (3 for w) is right only for this value of it")
C(MW, "W2", N, J(NNFS, "dW2 = dense2.dweights"), "*", oracle=W2R, style="nnfs-weighted-bce-weight-forgotten")
NNFS_SMCE = J(
    "class Activation_Softmax_Loss_CategoricalCrossentropy:",
    "    def forward(self, inputs, y_true):",
    "        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))",
    "        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)",
    "",
    "    def backward(self, dvalues, y_true):",
    "        samples = len(dvalues)",
    "        y_true = np.argmax(y_true, axis=1)",
    "        self.dinputs = dvalues.copy()",
    "        self.dinputs[range(samples), y_true] -= 1",
    "        self.dinputs = self.dinputs / samples",
)
NNFS_SM_RUN = J(
    "dense = Layer_Dense(W, b)",
    "loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()",
    "dense.forward(X)",
    "loss_activation.forward(dense.output, Y)",
    "loss_activation.backward(loss_activation.output, Y)",
    "dense.backward(loss_activation.dinputs)",
)
C(S, "W", N, J(NNFS_DENSE, "", NNFS_SMCE, "", NNFS_SM_RUN, "dW = dense.dweights"), oracle=SW, style="nnfs-softmax-ce-W")
C(S, "b", N, J(NNFS_DENSE, "", NNFS_SMCE, "", NNFS_SM_RUN, "db = dense.dbiases"), oracle=SB, style="nnfs-softmax-ce-b")
C(S, "W", N, J(NNFS_DENSE, "", NNFS_SMCE.replace("        self.dinputs = self.dinputs / samples", "        self.dinputs = self.dinputs * 1"), "", NNFS_SM_RUN, "dW = dense.dweights"), "scale-factor", oracle=f"{SW} * m", style="nnfs-softmax-ce-no-samples", note="text fixed after the first pass: the division's removal had not applied (the line ends the class, no newline after it), so the text was the right answer's")
C(S, "W", N, J(NNFS_DENSE, "", NNFS_SMCE.replace("self.dinputs[range(samples), y_true] -= 1", "self.dinputs[range(samples), y_true] += 1"), "", NNFS_SM_RUN, "dW = dense.dweights"), "*", oracle="X.T @ (P + Y) / m", style="nnfs-softmax-ce-plus-one")
C(S, "W", N, J(NNFS_DENSE, "", NNFS_SMCE.replace("        y_true = np.argmax(y_true, axis=1)\n", "        if len(y_true.shape) == 2:\n            y_true = np.argmax(y_true, axis=1)\n"), "", NNFS_SM_RUN, "dW = dense.dweights"), oracle=SW, style="nnfs-softmax-ce-if-one-hot")
C(S, "W", N, J(NNFS_DENSE, "", NNFS_SMCE.replace("        y_true = np.argmax(y_true, axis=1)\n        self.dinputs = dvalues.copy()\n        self.dinputs[range(samples), y_true] -= 1\n", "        self.dinputs = dvalues - y_true\n"), "", NNFS_SM_RUN, "dW = dense.dweights"), oracle=SW, style="nnfs-softmax-ce-one-hot-subtract")
NNFS_MSE = J(
    "class Loss_MeanSquaredError:",
    "    def backward(self, dvalues, y_true):",
    "        samples = len(dvalues)",
    "        outputs = len(dvalues[0])",
    "        self.dinputs = -2 * (y_true - dvalues) / outputs",
    "        self.dinputs = self.dinputs / samples",
)
NNFS_R_RUN = J(
    "class Layer_Dense:",
    "    def __init__(self, weights):",
    "        self.weights = weights",
    "",
    "    def forward(self, inputs):",
    "        self.inputs = inputs",
    "        self.output = np.dot(inputs, self.weights)",
    "",
    "    def backward(self, dvalues):",
    "        self.dweights = np.dot(self.inputs.T, dvalues)",
    "        self.dinputs = np.dot(dvalues, self.weights.T)",
    "",
    NNFS_RELU,
    "",
    NNFS_MSE,
    "",
    "dense1 = Layer_Dense(w1)",
    "relu = Activation_ReLU()",
    "dense2 = Layer_Dense(w2)",
    "loss_fn = Loss_MeanSquaredError()",
    "dense1.forward(x)",
    "relu.forward(dense1.output)",
    "dense2.forward(relu.output)",
    "loss_fn.backward(dense2.output, y)",
    "dense2.backward(loss_fn.dinputs)",
    "relu.backward(dense2.dinputs)",
    "dense1.backward(relu.dinputs)",
)
C(R, "w1", N, J(NNFS_R_RUN, "grad_w1 = dense1.dweights"), "scale-factor", oracle=f"{RW1} / (n * D_out)", style="nnfs-mse-mean-for-sum-loss", note="nnfs's MSE is a mean; relu-mlp's loss is a sum")
C(R, "w1", N, J(NNFS_R_RUN.replace("        self.dinputs = self.dinputs / samples\n", "").replace(" / outputs", ""), "grad_w1 = dense1.dweights"), oracle=RW1, style="nnfs-mse-sum-version-w1")
C(R, "w2", N, J(NNFS_R_RUN.replace("        self.dinputs = self.dinputs / samples\n", "").replace(" / outputs", ""), "grad_w2 = dense2.dweights"), oracle=RW2, style="nnfs-mse-sum-version-w2")
C(R, "w2", N, J(NNFS_R_RUN.replace("        self.dinputs = self.dinputs / samples\n", "").replace(" / outputs", "").replace("-2 * (y_true - dvalues)", "2 * (y_true - dvalues)"), "grad_w2 = dense2.dweights"), "sign", oracle=f"-{RW2}", style="nnfs-mse-sign-flipped")

# ================================================================ Trask, Grokking Deep Learning
GR_HEAD = J(
    "def relu(x):",
    "    return (x > 0) * x",
    "",
    "def relu2deriv(output):",
    "    return output > 0",
    "",
    "layer_0 = x",
    "layer_1 = relu(np.dot(layer_0, w1))",
    "layer_2 = np.dot(layer_1, w2)",
)
C(R, "w1", N, J(GR_HEAD, "layer_2_delta = 2 * (layer_2 - y)", "layer_1_delta = layer_2_delta.dot(w2.T) * relu2deriv(layer_1)", "grad_w1 = layer_0.T.dot(layer_1_delta)"), oracle=RW1, style="grokking-relu2deriv-w1")
C(R, "w2", N, J(GR_HEAD, "layer_2_delta = 2 * (layer_2 - y)", "grad_w2 = layer_1.T.dot(layer_2_delta)"), oracle=RW2, style="grokking-w2")
C(R, "w2", N, J(GR_HEAD, "layer_2_delta = layer_2 - y", "grad_w2 = layer_1.T.dot(layer_2_delta)"), "scale-factor", oracle=f"{RW2} / 2", style="grokking-delta-without-two")
C(R, "w1", N, J(GR_HEAD, "layer_2_delta = 2 * (layer_2 - y)", "layer_1_delta = layer_2_delta.dot(w2.T)", "grad_w1 = layer_0.T.dot(layer_1_delta)"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="grokking-relu2deriv-forgotten")
C(R, "w1", N, J(GR_HEAD, "layer_2_delta = 2 * (layer_2 - y)", "layer_1_delta = layer_2_delta.dot(w2) * relu2deriv(layer_1)", "grad_w1 = layer_0.T.dot(layer_1_delta)"), "*", oracle=None, style="grokking-w2-not-transposed", note="(n, D_out) @ (H, D_out): shapes do not chain unless D_out = H")
C(R, "w1", N, J(GR_HEAD, "layer_2_delta = 2 * (layer_2 - y)", "layer_1_delta = layer_2_delta.dot(w2.T) * relu2deriv(layer_1)", "grad_w1 = layer_1_delta.T.dot(layer_0)"), "*", oracle=f"({RW1}).T", style="grokking-w1-transposed")
C(R, "w1", N, J("# Trask ch. 6, with a learning-rate step written after", GR_HEAD, "alpha = 0.2", "layer_2_delta = 2 * (layer_2 - y)", "layer_1_delta = layer_2_delta.dot(w2.T) * relu2deriv(layer_1)", "weight_delta_0_1 = layer_0.T.dot(layer_1_delta)", "grad_w1 = weight_delta_0_1"), oracle=RW1, style="grokking-weight-delta-name")
GR_SIG = J(
    "def sigmoid(x):",
    "    return 1 / (1 + np.exp(-x))",
    "",
    "def sigmoid2deriv(output):",
    "    return output * (1 - output)",
    "",
    "layer_1 = sigmoid(X.dot(W1))",
    "layer_2 = layer_1.dot(W2)",
    "layer_2_delta = layer_2 - y_target",
)
C(T, "W1", N, J(GR_SIG, "layer_1_delta = layer_2_delta.dot(W2.T) * sigmoid2deriv(layer_1)", "dW1 = X.T.dot(layer_1_delta)"), oracle=TW1, style="grokking-sigmoid2deriv-W1")
C(T, "W2", N, J(GR_SIG, "dW2 = layer_1.T.dot(layer_2_delta)"), oracle=TW2, style="grokking-tiny-W2")
C(T, "W1", N, J(GR_SIG, "layer_1_delta = layer_2_delta.dot(W2.T) * sigmoid2deriv(X.dot(W1))", "dW1 = X.T.dot(layer_1_delta)"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="grokking-sigmoid2deriv-of-preactivation")
C(T, "W1", N, J(GR_SIG, "layer_1_delta = layer_2_delta.dot(W2.T)", "dW1 = X.T.dot(layer_1_delta)"), "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="grokking-tiny-no-slope")
C(T, "W1", N, J(GR_SIG, "layer_1_delta = layer_2_delta.dot(W2.T) * sigmoid2deriv(layer_1)", "dW1 = X.T.dot(layer_1_delta) / 2"), "scale-factor", oracle=f"{TW1} / 2", style="grokking-tiny-halved")

# ================================================================ micrograd / tinygrad-style closures
MG_CLOSURES = J(
    "grads = {}",
    "",
    "def loss_backward():",
    "    grads['Z2'] = (A2 - Y) / m",
    "",
    "def linear2_backward():",
    "    grads['W2'] = A1.T @ grads['Z2']",
    "    grads['b2'] = grads['Z2'].sum(axis=0, keepdims=True)",
    "    grads['A1'] = grads['Z2'] @ W2.T",
    "",
    "def relu_backward():",
    "    grads['Z1'] = grads['A1'] * (Z1 > 0)",
    "",
    "def linear1_backward():",
    "    grads['W1'] = X.T @ grads['Z1']",
    "    grads['b1'] = grads['Z1'].sum(axis=0, keepdims=True)",
    "",
    "for step in [loss_backward, linear2_backward, relu_backward, linear1_backward]:",
    "    step()",
)
C(M, "W1", N, J(MG_CLOSURES, "dW1 = grads['W1']"), oracle=W1R, style="closures-list-of-steps-W1")
C(M, "b2", N, J(MG_CLOSURES, "db2 = grads['b2']"), oracle=B2R, style="closures-list-of-steps-b2")
C(M, "W1", N, J(MG_CLOSURES.replace("grads['Z1'] = grads['A1'] * (Z1 > 0)", "grads['Z1'] = grads['A1']"), "dW1 = grads['W1']"), "missing-activation-derivative", oracle=NOMASK_W1, style="closures-relu-step-identity")
MG_TOPO = J(
    "tape = []",
    "",
    "def record(fn):",
    "    tape.append(fn)",
    "",
    "g = {}",
    "record(lambda: g.__setitem__('y_pred', 2 * (y_pred - y)))",
    "record(lambda: g.__setitem__('w2', h_relu.T @ g['y_pred']))",
    "record(lambda: g.__setitem__('h', (g['y_pred'] @ w2.T) * (h > 0)))",
    "record(lambda: g.__setitem__('w1', x.T @ g['h']))",
    "for fn in tape:",
    "    fn()",
)
C(R, "w1", N, J(MG_TOPO, "grad_w1 = g['w1']"), oracle=RW1, style="tape-of-lambdas-setitem")
MG_OBJ = J(
    "class Node:",
    "    def __init__(self, value):",
    "        self.value = value",
    "        self.grad = 0",
    "        self._backward = lambda: None",
    "",
    "y_node = Node(y_pred)",
    "h_node = Node(h_relu)",
    "y_node.grad = 2 * (y_pred - y)",
    "",
    "def _backward():",
    "    h_node.grad = y_node.grad @ w2.T",
    "",
    "y_node._backward = _backward",
    "y_node._backward()",
)
C(R, "w2", N, J(MG_OBJ, "grad_w2 = h_relu.T @ y_node.grad"), oracle=RW2, style="micrograd-node-w2")
C(R, "w1", N, J(MG_OBJ, "grad_w1 = x.T @ (h_node.grad * (h > 0))"), oracle=RW1, style="micrograd-node-w1")
C(R, "w1", N, J(MG_OBJ, "grad_w1 = x.T @ h_node.grad"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="micrograd-node-no-relu")
C(R, "w2", N, J(MG_OBJ.replace("y_node.grad = 2 * (y_pred - y)", "y_node.grad = (y_pred - y)"), "grad_w2 = h_relu.T @ y_node.grad"), "scale-factor", oracle=f"{RW2} / 2", style="micrograd-node-half")
C(M, "W2", N, J("from micrograd.engine import Value", "", "loss = Value(0.0)", "loss.backward()", "dW2 = np.array([[p.grad] for p in W2_values])"), REFUSE, style="micrograd-engine-backward")

# ================================================================ d2l: torch.no_grad() manual SGD, gradients written
C(S, "W", N, J("with torch.no_grad():", "    grad_W = X.T @ (P - Y) / m", "    W -= lr * grad_W"), oracle=SW, style="d2l-no-grad-sgd-W")
C(S, "b", N, J("with torch.no_grad():", "    grad_b = (P - Y).mean(dim=0, keepdim=True)", "    b -= lr * grad_b"), oracle=SB, style="d2l-no-grad-sgd-b")
C(S, "W", N, J("with torch.no_grad():", "    grad_W = X.T @ (P - Y)", "    W -= lr * grad_W / m"), oracle=SW, style="d2l-no-grad-mean-in-update", note="relabelled after the first pass (was scale-factor): the checker's contract (textbox._code_update) reads an update rule's gradient part, grad_W / m here, as the answer; only a bare defined name is left to its definition")
C(M, "W2", N, J("with torch.no_grad():", "    dZ2 = (A2 - Y) / m", "    dW2 = torch.mm(A1.t(), dZ2)", "    W2.sub_(lr * dW2)"), oracle=W2R, style="d2l-no-grad-mm-sub")
C(M, "W1", N, J("with torch.no_grad():", "    dZ2 = (A2 - Y) / m", "    dZ1 = torch.mm(dZ2, W2.t()) * (Z1 > 0).double()", "    dW1 = torch.mm(X.t(), dZ1)", "    W1.sub_(lr * dW1)"), oracle=W1R, style="d2l-no-grad-mask-double")
C(R, "w1", N, J("with torch.no_grad():", "    grad_y_pred = 2.0 * (y_pred - y)", "    grad_h = grad_y_pred.mm(w2.t())", "    grad_h[h < 0] = 0", "    grad_w1 = x.t().mm(grad_h)"), "relu-at-zero", style="d2l-no-grad-mask-lt", note="relabelled after the first pass (was right): README's policy, PyTorch's relu'(0) = 0, so h < 0 keeps the gradient at h = 0 (as corpus 12's pt-warmup-w1)")
C(S, "W", N, J("def sgd(params, lr, batch_size):", "    with torch.no_grad():", "        for param in params:", "            param -= lr * param.grad / batch_size", "            param.grad.zero_()", "", "l = loss(net(X), Y)", "l.sum().backward()", "sgd([W, b], lr, batch_size)", "dW = W.grad"), REFUSE, style="d2l-sgd-autograd")

# ================================================================ CuPy, Dask, jnp spellings
C(M, "W2", N, J("import cupy as cp", "dZ2 = (A2 - Y) / m", "dW2 = cp.dot(A1.T, dZ2)"), oracle=W2R, style="cupy-dot-W2")
C(M, "W1", N, J("import cupy as cp", "dZ2 = (A2 - Y) / m", "dZ1 = cp.dot(dZ2, W2.T) * (Z1 > 0)", "dW1 = cp.matmul(X.T, dZ1)"), oracle=W1R, style="cupy-matmul-W1")
C(M, "b1", N, J("import cupy as cp", "dZ1 = cp.dot((A2 - Y) / m, W2.T) * cp.heaviside(Z1, 0)", "db1 = cp.sum(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="cupy-heaviside-b1")
C(M, "W1", N, J("import cupy as cp", "X_gpu = cp.asarray(X)", "dZ1 = cp.dot(A2 - Y, W2.T) * (Z1 > 0)", "dW1 = cp.asnumpy(X_gpu.T @ dZ1)"), "scale-factor", oracle=f"{W1R} * m", style="cupy-asarray-no-m")
C(R, "w2", N, J("import dask.array as da", "grad_y_pred = 2 * (y_pred - y)", "grad_w2 = da.dot(h_relu.T, grad_y_pred).compute()"), oracle=RW2, style="dask-dot-compute")
C(R, "w1", N, J("import dask.array as da", "grad_h = da.dot(2 * (y_pred - y), w2.T)", "grad_h = da.where(h > 0, grad_h, 0)", "grad_w1 = da.matmul(x.T, grad_h).compute()"), oracle=RW1, style="dask-where-matmul")
C(R, "w1", N, J("import dask.array as da", "grad_h = da.dot(2 * (y_pred - y), w2.T)", "grad_w1 = da.matmul(x.T, grad_h).compute()"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="dask-no-mask")
C(S, "W", N, J("import jax.numpy as jnp", "dZ = (jax.nn.softmax(Z, axis=1) - Y) / m", "dW = jnp.dot(X.T, dZ)"), oracle=SW, style="jnp-softmax-W")
C(S, "b", N, J("import jax.numpy as jnp", "db = jnp.mean(P - Y, axis=0, keepdims=True)"), oracle=SB, style="jnp-mean-b")
C(S, "W", N, J("import jax.numpy as jnp", "dW = jnp.dot(X.T, jax.nn.softmax(Z, axis=0) - Y) / m"), "*", oracle="X.T @ (np.exp(Z) / np.exp(Z).sum(0, keepdims=True) - Y) / m", style="jnp-softmax-axis0")
C(M, "W1", N, J("import jax.numpy as jnp", "dZ1 = jnp.where(Z1 > 0, ((A2 - Y) / m) @ W2.T, 0.0)", "dW1 = X.T @ dZ1"), oracle=W1R, style="jnp-where-W1")
C(M, "W1", N, J("import jax.numpy as jnp", "dZ1 = ((A2 - Y) / m) @ W2.T * jax.nn.sigmoid(Z1) * (1 - jax.nn.sigmoid(Z1))", "dW1 = X.T @ dZ1"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="jnp-sigmoid-slope-for-relu")

# ================================================================ np.einsum in backward; @ / np.matmul / .dot mixed
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dA1 = np.einsum('nk,hk->nh', dZ2, W2)", "dZ1 = dA1 * (Z1 > 0)", "dW1 = np.einsum('ni,nh->ih', X, dZ1)"), oracle=W1R, style="einsum-W1")
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = np.einsum('nh,nk->hk', A1, dZ2)"), oracle=W2R, style="einsum-W2")
C(M, "b1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = np.einsum('nk,hk->nh', dZ2, W2) * (Z1 > 0)", "db1 = np.einsum('nh->h', dZ1)[None, :]"), oracle=B1R, style="einsum-b1-sum-index")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = np.einsum('nk,hk->nh', dZ2, W2) * (Z1 > 0)", "dW1 = np.einsum('ni,nh->hi', X, dZ1)"), "*", oracle=f"({W1R}).T", style="einsum-W1-output-transposed")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = np.einsum('nk,kh->nh', dZ2, W2.T) * (Z1 > 0)", "dW1 = np.einsum('ni,nh->ih', X, dZ1)"), oracle=W1R, style="einsum-with-transpose-operand")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.einsum('nh,nk->hk', A1, dZ2)"), "scale-factor", oracle=f"{W2R} * m", style="einsum-W2-no-m")
C(R, "w1", N, J("g = 2 * (y_pred - y)", "gh = np.einsum('no,ho->nh', g, w2) * (h > 0)", "grad_w1 = np.einsum('nd,nh->dh', x, gh)"), oracle=RW1, style="einsum-relu-mlp-w1")
C(R, "w1", N, J("g = 2 * (y_pred - y)", "gh = np.einsum('no,ho->nh', g, w2) * (h > 0)", "grad_w1 = np.einsum('nd,nh->dh', x, gh) / n"), "scale-factor", oracle=f"{RW1} / n", style="einsum-relu-mlp-w1-over-n")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.einsum('ij,ik->jk', A, dO)", "dW_v = np.einsum('ia,ib->ab', X, dV)"), oracle=AWV, style="einsum-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.einsum('ij,jk->ik', A, dO)", "dW_v = np.einsum('ia,ib->ab', X, dV)"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="einsum-attention-A-not-transposed")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = np.matmul(dZ2, W2.T) * (Z1 > 0)", "dW1 = X.T.dot(dZ1)"), oracle=W1R, style="matmul-then-dot")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = (dZ2 @ W2.T) * np.greater(Z1, 0)", "dW1 = np.matmul(np.transpose(X), dZ1)"), oracle=W1R, style="at-greater-matmul-transpose")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = np.matmul(dZ2, W2.T) * (Z1 > 0)", "dW1 = dZ1.T.dot(X)"), "*", oracle=f"({W1R}).T", style="matmul-dot-transposed-result")
C(R, "w2", N, J("grad_w2 = np.matmul(h_relu.T, 2 * (y_pred - y))"), oracle=RW2, style="relu-mlp-matmul-one-line")
C(R, "w2", N, J("grad_w2 = (2 * (y_pred - y)).T.dot(h_relu).T"), oracle=RW2, style="relu-mlp-dot-double-transpose")

# ================================================================ gradients held in classes, read from properties
PROP = J(
    "class TwoLayer:",
    "    def __init__(self, X, Y, W1, b1, W2, b2):",
    "        self.X, self.Y = X, Y",
    "        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2",
    "",
    "    @property",
    "    def m(self):",
    "        return self.X.shape[0]",
    "",
    "    @property",
    "    def dZ2(self):",
    "        return (A2 - self.Y) / self.m",
    "",
    "    @property",
    "    def dZ1(self):",
    "        return (self.dZ2 @ self.W2.T) * (Z1 > 0)",
    "",
    "    @property",
    "    def dW1(self):",
    "        return self.X.T @ self.dZ1",
    "",
    "    @property",
    "    def dW2(self):",
    "        return A1.T @ self.dZ2",
    "",
    "net = TwoLayer(X, Y, W1, b1, W2, b2)",
)
C(M, "W1", N, J(PROP, "dW1 = net.dW1"), oracle=W1R, style="property-dW1")
C(M, "W2", N, J(PROP, "dW2 = net.dW2"), oracle=W2R, style="property-dW2")
C(M, "W1", N, J(PROP.replace("return (self.dZ2 @ self.W2.T) * (Z1 > 0)", "return self.dZ2 @ self.W2.T"), "dW1 = net.dW1"), "missing-activation-derivative", oracle=NOMASK_W1, style="property-dZ1-no-mask")
C(M, "W1", N, J(PROP.replace("return (A2 - self.Y) / self.m", "return A2 - self.Y"), "dW1 = net.dW1"), "scale-factor", oracle=f"{W1R} * m", style="property-dZ2-no-m")
C(S, "W", N, J("class SoftmaxReg:", "    def __init__(self, X, Y, P):", "        self._X, self._Y, self._P = X, Y, P", "", "    @property", "    def grad_W(self):", "        n = self._X.shape[0]", "        return self._X.T @ (self._P - self._Y) / n", "", "model = SoftmaxReg(X, Y, P)", "dW = model.grad_W"), oracle=SW, style="property-softmax-grad-W")

# ================================================================ Fortran-like index loops
C(M, "W2", N, J("dW2 = np.zeros((n_h, 1))", "for j in range(n_h):", "    for i in range(m):", "        dW2[j, 0] = dW2[j, 0] + A1[i, j] * (A2[i, 0] - Y[i, 0]) / m"), oracle=W2R, style="index-loop-W2")
C(M, "W1", N, J("dZ1 = np.zeros((m, n_h))", "for i in range(m):", "    for j in range(n_h):", "        if Z1[i, j] > 0:", "            dZ1[i, j] = (A2[i, 0] - Y[i, 0]) * W2[j, 0] / m", "dW1 = np.zeros((n_in, n_h))", "for k in range(n_in):", "    for j in range(n_h):", "        for i in range(m):", "            dW1[k, j] += X[i, k] * dZ1[i, j]"), oracle=W1R, style="index-loop-W1-if-mask")
C(M, "W2", N, J("dW2 = np.zeros((n_h, 1))", "for j in range(n_h):", "    for i in range(m):", "        dW2[j, 0] = dW2[j, 0] + A1[i, j] * (A2[i, 0] - Y[i, 0])"), "scale-factor", oracle=f"{W2R} * m", style="index-loop-W2-no-m")
C(M, "b2", N, J("db2 = np.zeros((1, 1))", "for i in range(m):", "    db2[0, 0] = db2[0, 0] + (A2[i, 0] - Y[i, 0])", "db2 = db2 / m"), oracle=B2R, style="index-loop-b2")
C(R, "w2", N, J("grad_w2 = np.zeros((H, D_out))", "for j in range(H):", "    for o in range(D_out):", "        s = 0.0", "        for i in range(n):", "            s = s + h_relu[i, j] * 2 * (y_pred[i, o] - y[i, o])", "        grad_w2[j, o] = s"), oracle=RW2, style="index-loop-accumulator-w2")
C(R, "w2", N, J("grad_w2 = np.zeros((H, D_out))", "for j in range(H):", "    for o in range(D_out):", "        s = 0.0", "        for i in range(n):", "            s = s + h[i, j] * 2 * (y_pred[i, o] - y[i, o])", "        grad_w2[j, o] = s"), "*", oracle="2 * h.T @ (y_pred - y)", style="index-loop-w2-pre-relu")
C(M, "W2", N, J("      DO J = 1, NH", "        DW2(J) = 0.0D0", "        DO I = 1, M", "          DW2(J) = DW2(J) + A1(I, J) * (A2(I) - Y(I)) / M", "        END DO", "      END DO"), REFUSE, style="fortran77-do-loops")

# ================================================================ Kaggle-notebook backward_propagation functions
KG = J(
    "def backward_propagation(parameters, cache, X, Y):",
    "    m = X.shape[0]",
    "    W2 = parameters['W2']",
    "    A1 = cache['A1']",
    "    A2 = cache['A2']",
    "    Z1 = cache['Z1']",
    "    dZ2 = A2 - Y",
    "    dW2 = (1 / m) * np.dot(A1.T, dZ2)",
    "    db2 = (1 / m) * np.sum(dZ2, axis=0, keepdims=True)",
    "    dZ1 = np.dot(dZ2, W2.T) * np.where(Z1 > 0, 1, 0)",
    "    dW1 = (1 / m) * np.dot(X.T, dZ1)",
    "    db1 = (1 / m) * np.sum(dZ1, axis=0, keepdims=True)",
    "    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}",
    "",
    "parameters = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}",
    "cache = {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}",
    "grads = backward_propagation(parameters, cache, X, Y)",
)
C(M, "W1", N, J(KG, "dW1 = grads['dW1']"), oracle=W1R, style="kaggle-backprop-W1")
C(M, "b1", N, J(KG, "db1 = grads['db1']"), oracle=B1R, style="kaggle-backprop-b1")
C(M, "W2", N, J(KG, "dW2 = grads['dW2']"), oracle=W2R, style="kaggle-backprop-W2")
C(M, "W1", N, J(KG.replace("np.where(Z1 > 0, 1, 0)", "(1 - np.power(A1, 2))"), "dW1 = grads['dW1']"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="kaggle-tanh-slope-for-relu")
C(M, "b1", N, J(KG.replace("db1 = (1 / m) * np.sum(dZ1, axis=0, keepdims=True)", "db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)"), "db1 = grads['db1']"), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="kaggle-db1-axis1")
C(M, "W2", N, J(KG.replace("dZ2 = A2 - Y", "dZ2 = Y - A2"), "dW2 = grads['dW2']"), "sign", oracle=f"-{W2R}", style="kaggle-dZ2-sign")
C(MW, "W1", N, J(KG.replace("dZ2 = A2 - Y", "dZ2 = (1 - Y) * A2 - 3 * Y * (1 - A2)"), "dW1 = grads['dW1']"), "*", style="kaggle-weighted-W1", note="relabelled after the first pass (was right): README — 3 written for the constant w is right only for this value")
C(MW, "b2", N, J(KG.replace("dZ2 = A2 - Y", "dZ2 = A2 - Y + 2 * Y * (A2 - 1)"), "db2 = grads['db2']"), "*", style="kaggle-weighted-b2-rearranged", note="relabelled after the first pass (was right): README — 2 * Y (w - 1 written as a number) is right only for this value of w")
C(MW, "W2", N, J(KG.replace("dZ2 = A2 - Y", "dZ2 = 3 * (A2 - Y)"), "dW2 = grads['dW2']"), "*", oracle="A1.T @ (3 * (A2 - Y)) / m", style="kaggle-weighted-everything-times-3")

# ================================================================ neuron, chain, tiny-mlp in the new styles
C(E, "w", N, J("# nnfs-style single neuron", "dvalues = O - t", "dinputs = dvalues * O * (1 - O)", "dweights = dinputs * x", "dw = dweights"), oracle=EW, style="nnfs-neuron-w")
C(E, "w", N, J("delta = (O - t) * O * (1 - O)", "dw = np.einsum('ij,ik->jk', delta, x)"), oracle=EW, style="einsum-neuron-w")
C(E, "w", N, J("delta = (O - t) * O * (1 - O)", "dw = np.einsum('ij,ik->jk', delta, x) * 2"), "scale-factor", oracle=f"2 * {EW}", style="einsum-neuron-w-doubled")
C(E, "w", N, J("delta = (O - t) * z * (1 - z)", "dw = delta * x"), "wrong-activation-derivative", oracle="(O - t) * z * (1 - z) * x", style="neuron-slope-of-z")
C(E, "w", N, J("delta = (O - t)", "dw = delta * x"), "missing-activation-derivative", oracle="(O - t) * x", style="neuron-no-sigmoid-slope")
C(CH, "w", N, J("class Value:", "    def __init__(self, data):", "        self.data = data", "        self.grad = 0.0", "", "v_ = Value(v)", "v_.grad = 2 * v_.data", "dw = v_.grad * x"), oracle="2 * v * x", style="micrograd-value-chain-w")
C(CH, "b", N, J("out_grad = 2 * v", "db = out_grad * 1.0"), oracle="2 * v", style="micrograd-chain-b")
C(CH, "x", N, J("out_grad = 2 * v", "dx = out_grad * w"), oracle="2 * v * w", style="micrograd-chain-x")
C(CH, "w", N, J("out_grad = 2 * v", "dw = out_grad * w"), "*", oracle="2 * v * w", style="micrograd-chain-w-wrong-factor")
C(CH, "w", N, "dw = v * x", "scale-factor", oracle="v * x", style="chain-w-no-two")
C(T, "W1", N, J("delta2 = y_pred - y_target", "delta1 = np.multiply(np.matmul(delta2, W2.T), h * (1 - h))", "dW1 = np.matmul(X.T, delta1)"), oracle=TW1, style="tiny-matmul-multiply")
C(T, "W1", N, J("delta2 = y_pred - y_target", "delta1 = np.matmul(delta2, W2.T) * h_raw * (1 - h_raw)", "dW1 = np.matmul(X.T, delta1)"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="tiny-slope-of-h-raw")
C(T, "W2", N, "dW2 = np.einsum('ij,ik->jk', h, y_pred - y_target)", oracle=TW2, style="tiny-einsum-W2")
C(T, "W2", N, "dW2 = np.einsum('ij,ik->jk', h_raw, y_pred - y_target)", "*", oracle="h_raw.T @ (y_pred - y_target)", style="tiny-einsum-W2-pre-activation")

# ================================================================ rnn, attention, batchnorm in the new styles
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = (dz2 @ W_h.T) * (1 - h_1 ** 2)", "dW_x = np.einsum('bi,bh->ih', x_2, dz2) + np.einsum('bi,bh->ih', x_1, dz1)"), oracle=RWX, style="rnn-einsum-Wx")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = (dz2 @ W_h.T) * (1 - h_1 ** 2)", "dW_h = h_1.T @ dz2 + h_0.T @ dz1"), oracle=RWH, style="rnn-Wh-two-steps")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - z_2 ** 2)", "dz1 = (dz2 @ W_h.T) * (1 - z_1 ** 2)", "dW_x = x_2.T @ dz2 + x_1.T @ dz1"), "wrong-activation-derivative", oracle="x_2.T @ ((h_2 - y) * (1 - z_2 ** 2)) + x_1.T @ (((h_2 - y) * (1 - z_2 ** 2)) @ W_h.T * (1 - z_1 ** 2))", style="rnn-tanh-slope-of-z")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_x = x_2.T @ dz2"), "missing-path", oracle=f"x_2.T @ {R2_D2}", style="rnn-Wx-last-step-only")
C(R2, "b", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = (dz2 @ W_h.T) * (1 - h_1 ** 2)", "db = (dz2 + dz1).sum(axis=0, keepdims=True)"), oracle=RB, style="rnn-b-sum-keepdims")
C(R2, "W_h", N, J("import jax.numpy as jnp", "dz2 = (h_2 - y) * (1 - jnp.tanh(z_2) ** 2)", "dz1 = jnp.dot(dz2, W_h.T) * (1 - jnp.tanh(z_1) ** 2)", "dW_h = jnp.dot(h_1.T, dz2) + jnp.dot(h_0.T, dz1)"), oracle=RWH, style="rnn-jnp-tanh-recomputed")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.matmul(A.T, dO)", "dW_v = X.T.dot(dV)"), oracle=AWV, style="attention-Wv-mixed")
C(A, "W_v", N, J("dO = 2 * (O - T) / n", "dV = np.matmul(A.T, dO)", "dW_v = X.T.dot(dV)"), "scale-factor", oracle=f"{AWV} * d", style="attention-Wv-mean-over-rows-only")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.einsum('ij,ij->j', dY, Z_hat)[None, :]"), oracle=BGM, style="bn-einsum-gamma")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = np.einsum('ij->j', dY).reshape(1, -1)"), oracle=BBT, style="bn-einsum-beta")
C(B, "beta", N, J("dY = 2 * (Y - T) / m", "dbeta = np.einsum('ij->j', dY).reshape(1, -1)"), "scale-factor", oracle=f"{BBT} * n", style="bn-einsum-beta-over-m-only")
C(B, "W", N, J("dY = 2 * (Y - T) / (m * n)", "dxhat = dY * gamma", "istd = 1 / np.sqrt(var + eps)", "dZ = istd / m * (m * dxhat - dxhat.sum(0) - Z_hat * (dxhat * Z_hat).sum(0))", "dW = np.matmul(X.T, dZ)"), oracle=BNW, style="bn-W-mixed-matmul")

# ================================================================ Chinese textbook code (--lang zh)
ZH_TLN = J(
    "# 《深度学习入门》第 5 章：TwoLayerNet.gradient（误差反向传播法）",
    "class TwoLayerNet:",
    "    def __init__(self, W1, b1, W2, b2):",
    "        self.params = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}",
    "",
    "    def gradient(self, x, t):",
    "        # 反向传播：输出层",
    "        dout = (A2 - t) / x.shape[0]",
    "        grads = {}",
    "        grads['W2'] = np.dot(A1.T, dout)",
    "        grads['b2'] = np.sum(dout, axis=0, keepdims=True)",
    "        # 隐藏层：ReLU 的导数",
    "        dout = np.dot(dout, self.params['W2'].T)",
    "        dout[Z1 <= 0] = 0",
    "        grads['W1'] = np.dot(x.T, dout)",
    "        grads['b1'] = np.sum(dout, axis=0, keepdims=True)",
    "        return grads",
    "",
    "network = TwoLayerNet(W1, b1, W2, b2)",
    "grads = network.gradient(X, Y)",
)
C(M, "W1", N, J(ZH_TLN, "dW1 = grads['W1']"), lang=Z, oracle=W1R, style="zh-twolayernet-gradient-W1")
C(M, "b1", N, J(ZH_TLN, "db1 = grads['b1']"), lang=Z, oracle=B1R, style="zh-twolayernet-gradient-b1")
C(M, "W2", N, J(ZH_TLN, "dW2 = grads['W2']"), lang=Z, oracle=W2R, style="zh-twolayernet-gradient-W2")
C(M, "W1", N, J(ZH_TLN.replace("        dout[Z1 <= 0] = 0\n", ""), "dW1 = grads['W1']"), "missing-activation-derivative", lang=Z, oracle=NOMASK_W1, style="zh-twolayernet-relu-forgotten")
C(M, "W2", N, J(ZH_TLN.replace("dout = (A2 - t) / x.shape[0]", "dout = A2 - t"), "dW2 = grads['W2']"), "scale-factor", lang=Z, oracle=f"{W2R} * m", style="zh-twolayernet-no-batch")
C(S, "W", N, J("# 邱锡鹏《神经网络与深度学习》习题：Softmax 回归的梯度", "# 按列存储样本：x 为 (n, m)，这里转置回行存储", "X_col = X.T", "dW = np.dot(X_col, P - Y) / m"), lang=Z, oracle=SW, style="zh-nndl-softmax-column-X")
C(S, "b", N, J("# 邱锡鹏 nndl：偏置的梯度是残差按样本求平均", "db = np.mean(P - Y, axis=0, keepdims=True)"), lang=Z, oracle=SB, style="zh-nndl-softmax-b")
C(S, "W", N, J("# 邱锡鹏 nndl：Softmax 回归，梯度 = -1/N Σ x (y - ŷ)ᵀ", "dW = -np.dot(X.T, Y - P) / m"), lang=Z, oracle=SW, style="zh-nndl-softmax-minus-y-minus-p")
C(S, "W", N, J("# 邱锡鹏 nndl：Softmax 回归（学生把 y - ŷ 的负号丢了）", "dW = np.dot(X.T, Y - P) / m"), "sign", lang=Z, oracle=f"-{SW}", style="zh-nndl-softmax-sign-dropped")
C(R, "w1", N, J("# 《动手学深度学习》4.2 节：多层感知机从零实现，手写反向传播", "with torch.no_grad():", "    grad_out = 2 * (y_pred - y)          # 平方和损失", "    grad_h = grad_out @ w2.T", "    grad_h = grad_h * (h > 0).float()    # ReLU 的导数", "    grad_w1 = x.T @ grad_h"), lang=Z, oracle=RW1, style="zh-d2l-mlp-no-grad-w1")
C(R, "w2", N, J("# 《动手学深度学习》：输出层权重的梯度", "grad_w2 = torch.matmul(h_relu.T, 2 * (y_pred - y))"), lang=Z, oracle=RW2, style="zh-d2l-mlp-w2")
C(R, "w2", N, J("# 《动手学深度学习》：损失按样本取平均（但本网络的损失是求和）", "grad_w2 = torch.matmul(h_relu.T, 2 * (y_pred - y)) / n"), "scale-factor", lang=Z, oracle=f"{RW2} / n", style="zh-d2l-mlp-w2-mean")
C(T, "W1", N, J("# 鱼书风格：Sigmoid 层的反向传播 dout * (1.0 - out) * out", "dout = (y_pred - y_target) @ W2.T", "dx = dout * (1.0 - h) * h", "dW1 = np.dot(X.T, dx)"), lang=Z, oracle=TW1, style="zh-fishbook-sigmoid-out")
C(T, "W1", N, J("# 鱼书风格：Sigmoid 层（误用输入 h_raw 代替输出）", "dout = (y_pred - y_target) @ W2.T", "dx = dout * (1.0 - h_raw) * h_raw", "dW1 = np.dot(X.T, dx)"), "wrong-activation-derivative", lang=Z, oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h_raw) * h_raw)", style="zh-fishbook-sigmoid-of-input")
C(B, "gamma", N, J("# 批量归一化：γ 的梯度", "dY = 2 * (Y - T) / (m * n)", "dgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)"), lang=Z, oracle=BGM, style="zh-bn-gamma")
C(M, "W1", N, J("# Kaggle 中文笔记：用爱因斯坦求和写反向传播", "dZ2 = (A2 - Y) / m", "dZ1 = np.einsum('nk,hk->nh', dZ2, W2) * (Z1 > 0)", "dW1 = np.einsum('ni,nh->ih', X, dZ1)"), lang=Z, oracle=W1R, style="zh-kaggle-einsum-W1")
C(M, "W1", N, "# 直接调用自动求导\nloss.backward()\ndW1 = W1.grad", REFUSE, lang=Z, style="zh-autograd-backward")

# ================================================================ refusals
C(S, "W", N, J("with tf.GradientTape() as tape:", "    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(Y, X @ W + b))", "dW = tape.gradient(loss, W)"), REFUSE, style="tf-gradient-tape")
C(R, "w1", N, "grad_w1 = torch.autograd.grad(loss, w1)[0]", REFUSE, style="torch-autograd-grad")
C(M, "W2", N, J("def backward(cache):", "    raise NotImplementedError", "", "dW2 = backward(cache)['dW2']"), REFUSE, style="not-implemented-stub")

# ================================================================ course networks no corpus had used
# ---- softmax with a temperature: ∂L/∂logits = (P − Y) / (m T)
ST_D = "((P - Y) / (m * T))"
C(ST, "W", N, J("dlogits = (P - Y) / (m * T)", "dW = X.T @ dlogits"), oracle=f"X.T @ {ST_D}", style="temperature-W")
C(ST, "W", N, J("dP_scaled = (P - Y) / m", "dlogits = dP_scaled / T", "dW = np.dot(X.T, dlogits)"), oracle=f"X.T @ {ST_D}", style="temperature-W-two-steps")
C(ST, "W", N, J("samples = len(P)", "dinputs = P.copy()", "dinputs[range(samples), np.argmax(Y, axis=1)] -= 1", "dW = X.T @ (dinputs / samples / T)"), oracle=f"X.T @ {ST_D}", style="temperature-nnfs-argmax")
C(ST, "W", N, "dW = X.T @ (P - Y) / m", "scale-factor", oracle="X.T @ (P - Y) / m", style="temperature-forgotten")
C(ST, "W", N, "dW = X.T @ (P - Y) * T / m", "scale-factor", oracle="X.T @ (P - Y) * T / m", style="temperature-multiplied")
C(ST, "W", N, "dW = (P - Y).T @ X / (m * T)", "*", oracle=f"({ST_D}).T @ X", style="temperature-transposed", note="k x n for n x k")
C(ST, "W", N, J("P_T = np.exp(logits / T) / np.exp(logits / T).sum(axis=1, keepdims=True)", "dW = np.einsum('mi,mk->ik', X, P_T - Y) / (m * T)"), oracle=f"X.T @ {ST_D}", style="temperature-einsum-recomputed")
# ---- mish written as z * tanh(log(1 + exp(z)))
MS_DOUT = "(2 * (a @ v - y) / m)"
MS_SLOPE = "(np.tanh(np.log(1 + np.exp(z))) + z * (1 - np.tanh(np.log(1 + np.exp(z))) ** 2) / (1 + np.exp(-z)))"
MS_W = f"X.T @ ({MS_DOUT} @ v.T * {MS_SLOPE})"
C(MS, "v", N, J("dout = 2 * (a @ v - y) / m", "dv = a.T @ dout"), oracle=f"a.T @ {MS_DOUT}", style="mish-v")
C(MS, "v", N, J("dout = 2 * (a @ v - y)", "dv = a.T @ dout"), "scale-factor", oracle=f"a.T @ {MS_DOUT} * m", style="mish-v-no-m")
C(MS, "W", N, J("sp = np.log1p(np.exp(z))", "tsp = np.tanh(sp)", "sig = 1 / (1 + np.exp(-z))", "dmish = tsp + z * sig * (1 - tsp ** 2)", "dout = 2 * (a @ v - y) / m", "dW = X.T @ ((dout @ v.T) * dmish)"), oracle=MS_W, style="mish-W-log1p")
C(MS, "W", N, J("sp = np.log(1 + np.exp(z))", "tsp = np.tanh(sp)", "dmish = tsp + z * (1 - tsp ** 2)", "dout = 2 * (a @ v - y) / m", "dW = X.T @ ((dout @ v.T) * dmish)"), "*", oracle=f"X.T @ ({MS_DOUT} @ v.T * (np.tanh(np.log(1 + np.exp(z))) + z * (1 - np.tanh(np.log(1 + np.exp(z))) ** 2)))", style="mish-W-softplus-slope-forgotten")
C(MS, "W", N, J("tsp = np.tanh(np.log(1 + np.exp(z)))", "dout = 2 * (a @ v - y) / m", "dW = X.T @ ((dout @ v.T) * tsp)"), "*", oracle=f"X.T @ ({MS_DOUT} @ v.T * np.tanh(np.log(1 + np.exp(z))))", style="mish-W-product-rule-half")
C(MS, "W", N, J("import jax", "import jax.numpy as jnp", "tsp = jnp.tanh(jax.nn.softplus(z))", "dmish = tsp + z * jax.nn.sigmoid(z) * (1 - tsp ** 2)", "dW = X.T @ ((2 * (a @ v - y) / m @ v.T) * dmish)"), oracle=MS_W, style="mish-W-jax-softplus")
# ---- SELU with np.where
SE_SLOPE = "(scale * np.where(z > 0, 1.0, alpha * np.exp(z)))"
SE_W = f"X.T @ (2 * (a - y) / m * {SE_SLOPE})"
C(SE, "W", N, J("da = 2 * (a - y) / m", "dz = da * scale * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW = X.T @ dz"), oracle=SE_W, style="selu-W")
C(SE, "W", N, J("da = 2 * (a - y) / m", "dz = da * np.where(z > 0, scale, a + scale * alpha)", "dW = X.T @ dz"), oracle=SE_W, style="selu-W-slope-from-output")
C(SE, "W", N, J("da = 2 * (a - y) / m", "dz = da * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW = X.T @ dz"), "*", oracle="X.T @ (2 * (a - y) / m * np.where(z > 0, 1.0, alpha * np.exp(z)))", style="selu-W-scale-forgotten")
C(SE, "W", N, J("da = 2 * (a - y) / m", "dz = da * scale * np.where(z > 0, 1.0, alpha * (np.exp(z) - 1))", "dW = X.T @ dz"), "*", oracle="X.T @ (2 * (a - y) / m * scale * np.where(z > 0, 1.0, alpha * (np.exp(z) - 1)))", style="selu-W-slope-is-the-function")
C(SE, "W", N, J("da = 2 * (a - y)", "dz = da * scale * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW = X.T @ dz"), "scale-factor", oracle=f"{SE_W} * m", style="selu-W-no-m")
C(SE, "W", N, J("# SELU 的导数：正半轴为 λ，负半轴为 λα·eᶻ", "grad = 2 * (a - y) / m * scale * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW = np.dot(X.T, grad)"), lang=Z, oracle=SE_W, style="zh-selu-W")
# ---- BCE with per-example weights
BW_D = "(w * (p - y) / B)"
C(BW, "W", N, J("dz = w * (p - y) / B", "dW = x.T @ dz"), oracle=f"x.T @ {BW_D}", style="bce-weight-W")
C(BW, "W", N, J("dp = -w * (y / p - (1 - y) / (1 - p)) / B", "dz = dp * p * (1 - p)", "dW = torch.mm(x.t(), dz)"), oracle=f"x.T @ {BW_D}", style="bce-weight-W-through-p")
C(BW, "W", N, J("dz = (p - y) / B", "dW = x.T @ dz"), "*", oracle="x.T @ ((p - y) / B)", style="bce-weight-forgotten")
C(BW, "W", N, J("dz = w * (p - y) / w.sum()", "dW = x.T @ dz"), "*", oracle="x.T @ (w * (p - y) / np.sum(w))", style="bce-weight-normalised-by-weight-sum")
C(BW, "W", N, J("dz = w * (p - y)", "dW = x.T @ dz"), "scale-factor", oracle=f"x.T @ {BW_D} * B", style="bce-weight-no-mean")
C(BW, "W", N, J("dz = w * (p - y) * p * (1 - p) / B", "dW = x.T @ dz"), "*", oracle="x.T @ (w * (p - y) * p * (1 - p) / B)", style="bce-weight-extra-sigmoid-slope")
# ---- cross-entropy with soft (probability) targets
SO_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
SO_D = f"(({SO_P} - target) / n)"
C(SO, "W", N, J("p = np.exp(logits - logits.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "dW = x.T @ (p - target) / n"), oracle=f"x.T @ {SO_D}", style="soft-target-W")
C(SO, "b", N, J("p = np.exp(logits - logits.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "db = (p - target).mean(axis=0)"), oracle=f"{SO_D}.sum(0)", style="soft-target-b")
C(SO, "W", N, J("p = F.softmax(logits, dim=1)", "dW = x.T @ (p - target) / n"), oracle=f"x.T @ {SO_D}", style="soft-target-W-torch-softmax")
C(SO, "W", N, J("p = np.exp(logits - logits.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "dW = x.T @ (p - target.argmax(1)[:, None]) / n"), "*", oracle=f"x.T @ ({SO_P} - target.argmax(1)[:, None]) / n", style="soft-target-argmax-column")
C(SO, "W", N, J("p = np.exp(logits - logits.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "hard = np.eye(k)[target.argmax(1)]", "dW = x.T @ (p - hard) / n"), "*", oracle=f"x.T @ ({SO_P} - np.eye(k)[target.argmax(1)]) / n", style="soft-target-hardened")
C(SO, "b", N, J("p = np.exp(logits - logits.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "db = (p - target).sum(axis=0)"), "scale-factor", oracle=f"{SO_D}.sum(0) * n", style="soft-target-b-no-mean")
# ---- Huber with torch.where
HU_G = "(np.where(np.abs(d_) < delta, d_, delta * np.sign(d_)) / n)"
C(HU, "w", N, J("g = torch.where(torch.abs(d_) < delta, d_, delta * torch.sign(d_)) / n", "dw = X.T @ g"), oracle=f"X.T @ {HU_G}", style="huber-w")
C(HU, "w", N, J("g = np.clip(d_, -delta, delta) / n", "dw = X.T @ g"), oracle=f"X.T @ {HU_G}", style="huber-w-clip")
C(HU, "w", N, J("g = np.where(np.abs(d_) < delta, d_, delta) / n", "dw = X.T @ g"), "*", oracle="X.T @ (np.where(np.abs(d_) < delta, d_, delta) / n)", style="huber-w-sign-forgotten")
C(HU, "w", N, J("g = np.clip(d_, -delta, delta)", "dw = X.T @ g"), "scale-factor", oracle=f"X.T @ {HU_G} * n", style="huber-w-no-mean")
C(HU, "w", N, J("g = np.where(np.abs(d_) < delta, d_, np.sign(d_)) / n", "dw = X.T @ g"), "*", oracle="X.T @ (np.where(np.abs(d_) < delta, d_, np.sign(d_)) / n)", style="huber-w-delta-forgotten")
C(HU, "w", N, J("# Huber：|r| < δ 时梯度为 r，否则为 δ·sign(r)", "g = np.clip(d_, -delta, delta)", "dw = np.dot(X.T, g) / n"), lang=Z, oracle=f"X.T @ {HU_G}", style="zh-huber-w-clip")
# ---- GELU (tanh approximation)
GE_C = "np.sqrt(2 / np.pi)"
GE_U = f"({GE_C} * (Z + 0.044715 * Z ** 3))"
GE_SLOPE = f"(0.5 * (1 + np.tanh({GE_U})) + 0.5 * Z * (1 - np.tanh({GE_U}) ** 2) * {GE_C} * (1 + 3 * 0.044715 * Z ** 2))"
GE_DOUT = "(2 * (out - Y) / m)"
GE_W1 = f"X.T @ ({GE_DOUT} @ W2.T * {GE_SLOPE})"
C(GE, "W2", N, J("dout = 2 * (out - Y) / m", "dW2 = G.T @ dout"), oracle=f"G.T @ {GE_DOUT}", style="gelu-W2")
C(GE, "W2", N, J("dout = 2 * (out - Y) / m", "dW2 = Z.T @ dout"), "*", oracle=f"Z.T @ {GE_DOUT}", style="gelu-W2-pre-activation")
C(GE, "W1", N, J("c = np.sqrt(2 / np.pi)", "u = c * (Z + 0.044715 * Z ** 3)", "t = np.tanh(u)", "dgelu = 0.5 * (1 + t) + 0.5 * Z * (1 - t ** 2) * c * (1 + 3 * 0.044715 * Z ** 2)", "dout = 2 * (out - Y) / m", "dW1 = X.T @ ((dout @ W2.T) * dgelu)"), oracle=GE_W1, style="gelu-W1")
C(GE, "W1", N, J("c = np.sqrt(2 / np.pi)", "u = c * (Z + 0.044715 * Z ** 3)", "t = np.tanh(u)", "dgelu = 0.5 * (1 + t) + 0.5 * Z * (1 - t ** 2) * c", "dout = 2 * (out - Y) / m", "dW1 = X.T @ ((dout @ W2.T) * dgelu)"), "*", oracle=f"X.T @ ({GE_DOUT} @ W2.T * (0.5 * (1 + np.tanh({GE_U})) + 0.5 * Z * (1 - np.tanh({GE_U}) ** 2) * {GE_C}))", style="gelu-W1-cubic-inner-slope-forgotten")
C(GE, "W1", N, J("t = np.tanh(np.sqrt(2 / np.pi) * (Z + 0.044715 * Z ** 3))", "dgelu = 0.5 * (1 + t)", "dW1 = X.T @ ((2 * (out - Y) / m @ W2.T) * dgelu)"), "*", oracle=f"X.T @ ({GE_DOUT} @ W2.T * 0.5 * (1 + np.tanh({GE_U})))", style="gelu-W1-product-rule-half")
C(GE, "W1", N, J("dout = 2 * (out - Y) / m", "dW1 = X.T @ (dout @ W2.T)"), "missing-activation-derivative", oracle=f"X.T @ ({GE_DOUT} @ W2.T)", style="gelu-W1-no-slope")
C(GE, "W1", N, J("c = np.sqrt(2 / np.pi)", "t = np.tanh(c * (Z + 0.044715 * Z ** 3))", "dgelu = 0.5 * (1 + t) + 0.5 * Z * (1 - t ** 2) * c * (1 + 3 * 0.044715 * Z ** 2)", "dW1 = np.einsum('mi,mh->ih', X, np.einsum('mo,ho->mh', 2 * (out - Y) / m, W2) * dgelu)"), oracle=GE_W1, style="gelu-W1-einsum")
# ---- log-cosh regression
LC_W = "X.T @ np.tanh(r) / m"
C(LC, "w", N, "dw = X.T @ np.tanh(r) / m", oracle=LC_W, style="logcosh-w")
C(LC, "w", N, J("g = (np.exp(r) - np.exp(-r)) / (np.exp(r) + np.exp(-r))", "dw = np.dot(X.T, g) / m"), oracle=LC_W, style="logcosh-w-tanh-written-out")
C(LC, "w", N, "dw = X.T @ np.tanh(r)", "scale-factor", oracle=f"{LC_W} * m", style="logcosh-w-no-mean")
C(LC, "w", N, "dw = X.T @ (np.tanh(r) / np.cosh(r)) / m", "*", oracle="X.T @ (np.tanh(r) / np.cosh(r)) / m", style="logcosh-w-extra-cosh")
C(LC, "w", N, "dw = X.T @ np.sinh(r) / m", "*", oracle="X.T @ np.sinh(r) / m", style="logcosh-w-sinh")
C(LC, "w", N, "dw = -X.T @ np.tanh(r) / m", "sign", oracle=f"-{LC_W}", style="logcosh-w-sign")
# ---- Hinton's family trees
HF_DO = "((p - target) / n)"
HF_DH = f"({HF_DO} @ W_o.T * h * (1 - h))"
HF_CAT = "np.concatenate([ep, er], axis=1)"
HF_DEP = f"({HF_DH} @ W_h.T[:, :e] * ep * (1 - ep))"
HF_DER = f"({HF_DH} @ W_h.T[:, e:] * er * (1 - er))"
C(HF, "W_o", N, "dW_o = h.T @ (p - target) / n", oracle=f"h.T @ {HF_DO}", style="family-trees-Wo")
C(HF, "b_o", N, "db_o = np.sum(p - target, axis=0, keepdims=True) / n", oracle=f"np.sum({HF_DO}, axis=0, keepdims=True)", style="family-trees-bo")
C(HF, "W_h", N, J("do = (p - target) / n", "dh = do @ W_o.T * h * (1 - h)", "dW_h = np.concatenate([ep, er], axis=1).T @ dh"), oracle=f"{HF_CAT}.T @ {HF_DH}", style="family-trees-Wh")
C(HF, "W_h", N, J("do = (p - target) / n", "dh = do @ W_o.T * h * (1 - h)", "dW_h = np.vstack([ep.T @ dh, er.T @ dh])"), oracle=f"{HF_CAT}.T @ {HF_DH}", style="family-trees-Wh-vstack")
C(HF, "W_h", N, J("do = (p - target) / n", "dh = do @ W_o.T", "dW_h = np.concatenate([ep, er], axis=1).T @ dh"), "missing-activation-derivative", oracle=f"{HF_CAT}.T @ ({HF_DO} @ W_o.T)", style="family-trees-Wh-no-slope")
C(HF, "Wp", N, J("do = (p - target) / n", "dh = do @ W_o.T * h * (1 - h)", "dcat = dh @ W_h.T", "dep = dcat[:, :e] * ep * (1 - ep)", "dWp = person.T @ dep"), oracle=f"person.T @ {HF_DEP}", style="family-trees-Wp")
C(HF, "Wr", N, J("do = (p - target) / n", "dh = do @ W_o.T * h * (1 - h)", "dcat = dh @ W_h.T", "der = dcat[:, e:] * er * (1 - er)", "dWr = relation.T @ der"), oracle=f"relation.T @ {HF_DER}", style="family-trees-Wr")
C(HF, "Wp", N, J("do = (p - target) / n", "dh = do @ W_o.T * h * (1 - h)", "dcat = dh @ W_h.T", "dep = dcat[:, e:] * ep * (1 - ep)", "dWp = person.T @ dep"), "*", oracle=f"person.T @ ({HF_DH} @ W_h.T[:, e:] * ep * (1 - ep))", style="family-trees-Wp-wrong-half")
C(HF, "b_h", N, J("dh = (p - target) / n @ W_o.T * h * (1 - h)", "db_h = dh.sum(axis=0, keepdims=True)"), oracle=f"{HF_DH}.sum(axis=0, keepdims=True)", style="family-trees-bh")
C(HF, "W_o", N, "dW_o = h.T @ (p - target)", "scale-factor", oracle=f"h.T @ {HF_DO} * n", style="family-trees-Wo-no-mean")
# ---- 邱锡鹏 softmax regression, logsumexp + L2 (zh)
QU_P = "(np.exp(z) / np.exp(z).sum(1, keepdims=True))"
QU_D = f"(({QU_P} - np.eye(C)[y]) / N)"
QU_W = f"X.T @ {QU_D} + lam * W"
C(QU, "W", N, J("# 邱锡鹏 3.3 节：Softmax 回归 + L2 正则", "p = np.exp(z - z.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "p[np.arange(N), y] -= 1", "dW = X.T @ p / N + lam * W"), lang=Z, oracle=QU_W, style="zh-qiu-W")
C(QU, "b", N, J("# 偏置不做正则化", "p = np.exp(z - z.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "p[np.arange(N), y] -= 1", "db = p.mean(axis=0)"), lang=Z, oracle=f"{QU_D}.sum(0)", style="zh-qiu-b")
C(QU, "W", N, J("# 正则项的梯度写成 λ/2·W（漏了系数 2）", "p = np.exp(z - z.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "p[np.arange(N), y] -= 1", "dW = X.T @ p / N + lam / 2 * W"), "loss-term-factor", lang=Z, oracle=f"X.T @ {QU_D} + lam / 2 * W", style="zh-qiu-W-half-lambda")
C(QU, "W", N, J("# 忘了正则项", "p = np.exp(z - z.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "p[np.arange(N), y] -= 1", "dW = X.T @ p / N"), "missing-loss-term", lang=Z, oracle=f"X.T @ {QU_D}", style="zh-qiu-W-no-l2")
C(QU, "b", N, J("# 偏置也加了正则", "p = np.exp(z - z.max(1, keepdims=True))", "p /= p.sum(1, keepdims=True)", "p[np.arange(N), y] -= 1", "db = p.mean(axis=0) + lam * b"), "extra-loss-term", lang=Z, oracle=f"{QU_D}.sum(0) + lam * b", style="zh-qiu-b-penalised")
C(QU, "W", N, J("Y = np.eye(C)[y]", "P = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)", "dW = X.T @ (P - Y) / N + lam * W"), oracle=QU_W, style="qiu-W-eye-one-hot")
C(QU, "W", N, J("Y = np.eye(C)[y]", "P = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)", "dW = X.T @ (P - Y) / N + lam * W ** 2"), "*", oracle=f"X.T @ {QU_D} + lam * W ** 2", style="qiu-W-penalty-squared")
# ---- maxout
MX_DH = "(2 * (h @ v - y) / n @ v.T)"
C(MX, "v", N, "dv = h.T @ (2 * (h @ v - y) / n)", oracle="h.T @ (2 * (h @ v - y) / n)", style="maxout-v")
C(MX, "W_a", N, J("dh = 2 * (h @ v - y) / n @ v.T", "dW_a = x.T @ (dh * (z_a >= z_b))"), oracle=f"x.T @ ({MX_DH} * (z_a > z_b))", style="maxout-Wa-ge")
C(MX, "W_b", N, J("dh = 2 * (h @ v - y) / n @ v.T", "dW_b = x.T @ np.where(z_b > z_a, dh, 0)"), oracle=f"x.T @ ({MX_DH} * (z_b > z_a))", style="maxout-Wb-where")
C(MX, "b_a", N, J("dh = 2 * (h @ v - y) / n @ v.T", "db_a = (dh * (z_a > z_b)).sum(0, keepdims=True)"), oracle=f"({MX_DH} * (z_a > z_b)).sum(0, keepdims=True)", style="maxout-ba")
C(MX, "W_a", N, J("dh = 2 * (h @ v - y) / n @ v.T", "dW_a = x.T @ dh"), "*", oracle=f"x.T @ {MX_DH}", style="maxout-Wa-no-mask")
C(MX, "W_a", N, J("dh = 2 * (h @ v - y) / n @ v.T", "dW_a = x.T @ (dh * (z_b > z_a))"), "*", oracle=f"x.T @ ({MX_DH} * (z_b > z_a))", style="maxout-Wa-other-piece-mask")
C(MX, "W_a", N, J("dh = 2 * (h @ v - y) / n @ v.T", "dW_a = x.T @ (dh * 0.5)"), "*", oracle=f"x.T @ ({MX_DH} * 0.5)", style="maxout-Wa-split-evenly")
# ---- mixup cross-entropy
MU_P = "(np.exp(out) / np.exp(out).sum(1, keepdims=True))"
MU_D = f"(({MU_P} - lam * y_a - (1 - lam) * y_b) / bs)"
MU_Z = "(x @ W1)"
MU_H = f"np.where({MU_Z} > 0, {MU_Z}, np.exp({MU_Z}) - 1)"
MU_W1 = f"x.T @ ({MU_D} @ W2.T * np.where({MU_Z} > 0, 1.0, np.exp({MU_Z})))"
C(MU, "W2", N, J("z1 = x @ W1", "h = np.where(z1 > 0, z1, np.exp(z1) - 1)", "p = np.exp(out) / np.exp(out).sum(1, keepdims=True)", "dout = (p - (lam * y_a + (1 - lam) * y_b)) / bs", "dW2 = h.T @ dout"), oracle=f"{MU_H}.T @ {MU_D}", style="mixup-W2")
C(MU, "W1", N, J("z1 = x @ W1", "p = np.exp(out) / np.exp(out).sum(1, keepdims=True)", "dout = (p - (lam * y_a + (1 - lam) * y_b)) / bs", "dh = dout @ W2.T", "dz1 = dh * np.where(z1 > 0, 1.0, np.exp(z1))", "dW1 = x.T @ dz1"), oracle=MU_W1, style="mixup-W1")
C(MU, "W1", N, J("z1 = x @ W1", "h = F.elu(z1)", "p = F.softmax(out, dim=1)", "dout = (p - (lam * y_a + (1 - lam) * y_b)) / bs", "dz1 = (dout @ W2.T) * torch.where(z1 > 0, torch.ones_like(z1), h + 1)", "dW1 = x.T @ dz1"), oracle=MU_W1, style="mixup-W1-elu-from-output")
C(MU, "W2", N, J("z1 = x @ W1", "h = np.where(z1 > 0, z1, np.exp(z1) - 1)", "p = np.exp(out) / np.exp(out).sum(1, keepdims=True)", "dout = (p - y_a) / bs", "dW2 = h.T @ dout"), "*", oracle=f"{MU_H}.T @ (({MU_P} - y_a) / bs)", style="mixup-W2-only-y-a")
C(MU, "W2", N, J("z1 = x @ W1", "h = np.where(z1 > 0, z1, np.exp(z1) - 1)", "p = np.exp(out) / np.exp(out).sum(1, keepdims=True)", "dout = (lam * (p - y_a) + (1 - lam) * (p - y_b)) / bs", "dW2 = h.T @ dout"), oracle=f"{MU_H}.T @ {MU_D}", style="mixup-W2-two-terms")
C(MU, "W2", N, J("z1 = x @ W1", "h = np.where(z1 > 0, z1, np.exp(z1) - 1)", "p = np.exp(out) / np.exp(out).sum(1, keepdims=True)", "dout = (p - lam * y_a - lam * y_b) / bs", "dW2 = h.T @ dout"), "*", oracle=f"{MU_H}.T @ (({MU_P} - lam * y_a - lam * y_b) / bs)", style="mixup-W2-lam-both")
C(MU, "W1", N, J("z1 = x @ W1", "p = np.exp(out) / np.exp(out).sum(1, keepdims=True)", "dout = (p - (lam * y_a + (1 - lam) * y_b)) / bs", "dz1 = (dout @ W2.T) * (z1 > 0)", "dW1 = x.T @ dz1"), "*", oracle=f"x.T @ ({MU_D} @ W2.T * ({MU_Z} > 0))", style="mixup-W1-relu-slope-for-elu")
# ---- per-example sums times a 1-D weight
RS_W = "X.T @ (2 * (P - Y) * w[:, None])"
C(RS, "W", N, "dW = X.T @ (2 * (P - Y) * w[:, None])", oracle=RS_W, style="rowsum-weighted-W")
C(RS, "W", N, "dW = 2 * X.T @ ((P - Y) * w.reshape(-1, 1))", oracle=RS_W, style="rowsum-weighted-W-reshape")
C(RS, "W", N, "dW = np.einsum('mi,mk,m->ik', X, 2 * (P - Y), w)", oracle=RS_W, style="rowsum-weighted-W-einsum")
C(RS, "W", N, "dW = X.T @ (2 * (P - Y))", "*", oracle="X.T @ (2 * (P - Y))", style="rowsum-weighted-W-weights-forgotten")
C(RS, "W", N, "dW = X.T @ ((P - Y) * w[:, None])", "scale-factor", oracle=f"{RS_W} / 2", style="rowsum-weighted-W-no-two")
C(RS, "W", N, "dW = X.T @ (2 * (P - Y) * w[:, None]) / m", "scale-factor", oracle=f"{RS_W} / m", style="rowsum-weighted-W-mean-habit")
# ---- skip-gram with negative sampling (zh), embedding rows picked by index
SG_DP = "(-(1 - 1 / (1 + np.exp(-pos_score))) / batch)"
SG_DN = "((1 / (1 + np.exp(-neg_score))) / batch)"
SG_DV = f"({SG_DP}[:, None] * u_o + {SG_DN}[:, None] * u_k)"
SG_WIN = f"np.eye(vocab)[center].T @ {SG_DV}"
C(SG, "W_in", N, J("# 负采样：中心词向量的梯度，按索引累加回 W_in", "sig = lambda s: 1 / (1 + np.exp(-s))", "g_pos = (sig(pos_score) - 1) / batch", "g_neg = sig(neg_score) / batch", "dv = g_pos[:, None] * u_o + g_neg[:, None] * u_k", "dW_in = np.zeros_like(W_in)", "np.add.at(dW_in, center, dv)"), lang=Z, oracle=SG_WIN, style="zh-sgns-Win-add-at")
C(SG, "W_in", N, J("sig = lambda s: 1 / (1 + np.exp(-s))", "g_pos = (sig(pos_score) - 1) / batch", "g_neg = sig(neg_score) / batch", "dv = g_pos[:, None] * u_o + g_neg[:, None] * u_k", "dW_in = np.eye(vocab)[center].T @ dv"), oracle=SG_WIN, style="sgns-Win-one-hot-matmul")
C(SG, "W_in", N, J("# 忘了对批量取平均", "sig = lambda s: 1 / (1 + np.exp(-s))", "g_pos = sig(pos_score) - 1", "g_neg = sig(neg_score)", "dv = g_pos[:, None] * u_o + g_neg[:, None] * u_k", "dW_in = np.eye(vocab)[center].T @ dv"), "scale-factor", lang=Z, oracle=f"{SG_WIN} * batch", style="zh-sgns-Win-no-mean")
C(SG, "W_in", N, J("sig = lambda s: 1 / (1 + np.exp(-s))", "g_pos = (sig(pos_score) - 1) / batch", "dv = g_pos[:, None] * u_o", "dW_in = np.eye(vocab)[center].T @ dv"), "*", oracle=f"np.eye(vocab)[center].T @ ({SG_DP}[:, None] * u_o)", style="sgns-Win-negatives-forgotten")
C(SG, "W_in", N, J("sig = lambda s: 1 / (1 + np.exp(-s))", "g_pos = (sig(pos_score) - 1) / batch", "g_neg = (sig(neg_score) - 1) / batch", "dv = g_pos[:, None] * u_o + g_neg[:, None] * u_k", "dW_in = np.eye(vocab)[center].T @ dv"), "*", oracle=f"np.eye(vocab)[center].T @ ({SG_DP}[:, None] * u_o + ((1 / (1 + np.exp(-neg_score)) - 1) / batch)[:, None] * u_k)", style="sgns-Win-negative-label-one")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c39-000, … as written; cases that happen to repeat corpora 2-38 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus39", "c39", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
