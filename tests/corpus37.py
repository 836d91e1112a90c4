"""The held-out-style corpus of issue 11, thirty-seventh round: CODE only, from sources no corpus had
used — PyTorch's custom ``torch.autograd.Function`` (``ctx.save_for_backward``, ``ctx.saved_tensors``,
``ctx.needs_input_grad``, ``Fn.apply``), CMU 11-785's MyTorch homework (``class Linear`` with
``self.Ones`` and ``dLdW = dLdZ.T @ self.A``, ``ReLU``/``Sigmoid``/``BCELoss``/``MSELoss`` objects,
their ``layers`` walked by a loop), Stanford CS229's problem-set network (``forward_prop``/
``backward_prop`` with a ``params`` dict and a ``forward_prop_func`` argument), the UvA DL modules
(``LinearModule`` with ``self.params['weight']``/``self.grads['weight']``, ``SoftMaxModule``,
``CrossEntropyModule``), MXNet's ``nd``, CuPy's ``cp``, pure Python without NumPy (lists,
``zip``, ``sum(…)`` comprehensions), JAX by hand (``jnp.einsum``, ``jax.nn``), TF2
(``tf.tensordot``, ``tf.einsum``, ``tf.math.*``), Chinese course code — and students' mistakes on
them; on the built-ins and on twelve lecturer networks no corpus had used; Chinese comments with
``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck37"). Built-in cases carry a PyTorch oracle
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


NG = _spec("hn36_ng_ex1_np_c_ones_column_reg")
SV = _spec("hn36_l2svm_squared_hinge_elastic_net")
WG = _spec("hn36_wgan_critic_clipped_weights")
MX = _spec("hn36_mixup_flip_batch_soft_targets")
SE = _spec("hn36_se_gate_column_mean_cn")
HU = _spec("hn31_keras_huber_at_delta_linear")
EX = _spec("hn30_exponential_loss_pm1_jax")
LA = _spec("hn30_sklearn_lasso_objective_zero_coef")
DR = _spec("hn31_lhy_dropout_fixed_mask_inverted_cn")
PO = _spec("hn30_d2l_poly_power_arange")
DI = _spec("hn36_distillation_kl_batchmean_t_squared")
PR = _spec("hn36_prelu_learned_slope_mish")

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
DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0))"
NOMASK_W1 = "X.T @ ((A2 - Y) @ W2.T) / m"

# ================================================================ PyTorch custom autograd.Function (the "defining new autograd functions" tutorial)
FN_MM = J(
    "class MatMul(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, a, b):",
    "        ctx.save_for_backward(a, b)",
    "        return a.mm(b)",
    "",
    "    @staticmethod",
    "    def backward(ctx, grad_output):",
    "        a, b = ctx.saved_tensors",
    "        grad_a = grad_b = None",
    "        if ctx.needs_input_grad[0]:",
    "            grad_a = grad_output.mm(b.t())",
    "        if ctx.needs_input_grad[1]:",
    "            grad_b = a.t().mm(grad_output)",
    "        return grad_a, grad_b",
)
FN_RELU = J(
    "class MyReLU(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, inp):",
    "        ctx.save_for_backward(inp)",
    "        return inp.clamp(min=0)",
    "",
    "    @staticmethod",
    "    def backward(ctx, grad_output):",
    "        inp, = ctx.saved_tensors",
    "        return grad_output * (inp > 0).double()",
)
FN_USE = J(
    "h = MatMul.apply(x, w1)",
    "h_relu = MyReLU.apply(h)",
    "y_pred = MatMul.apply(h_relu, w2)",
    "loss = (y_pred - y).pow(2).sum()",
    "loss.backward()",
)
C(R, "w1", N, J(FN_MM, FN_RELU, FN_USE, "grad_w1 = w1.grad"), oracle=RW1, style="fn-matmul-relu-w1")
C(R, "w2", N, J(FN_MM, FN_RELU, FN_USE, "grad_w2 = w2.grad"), oracle=RW2, style="fn-matmul-relu-w2")
C(R, "w1", N, J(FN_MM, FN_RELU.replace("return grad_output * (inp > 0).double()", "return grad_output"), FN_USE, "grad_w1 = w1.grad"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="fn-relu-backward-identity")
C(R, "w1", N, J(FN_MM, FN_RELU.replace("return grad_output * (inp > 0).double()", "grad_input = grad_output.clone()\n        grad_input[inp < 0] = 0\n        return grad_input"), FN_USE, "grad_w1 = w1.grad"), "relu-at-zero", style="fn-relu-clone-lt0", note="the tutorial's own mask passes the gradient where inp == 0: README policy")
C(R, "w1", N, J(FN_MM.replace("grad_b = a.t().mm(grad_output)", "grad_b = a.t().mm(grad_output) / a.shape[0]"), FN_RELU, FN_USE, "grad_w1 = w1.grad"), "scale-factor", oracle=f"{RW1} / n", style="fn-matmul-mean-habit")
C(R, "w2", N, J(FN_MM, FN_RELU, FN_USE.replace("loss = (y_pred - y).pow(2).sum()", "loss = (y_pred - y).pow(2).mean()"), "grad_w2 = w2.grad"), "scale-factor", oracle=f"{RW2} / (n * D_out)", style="fn-loss-mean-for-sum", note="the network's loss is the sum of squares")
FN_NET = J(
    "class TwoLayerFn(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, x, w1, w2):",
    "        h = x.mm(w1)",
    "        h_relu = h.clamp(min=0)",
    "        ctx.save_for_backward(x, w1, w2, h, h_relu)",
    "        return h_relu.mm(w2)",
    "",
    "    @staticmethod",
    "    def backward(ctx, grad_y_pred):",
    "        x, w1, w2, h, h_relu = ctx.saved_tensors",
    "        grad_w2 = h_relu.t().mm(grad_y_pred)",
    "        grad_h = grad_y_pred.mm(w2.t()) * (h > 0).to(grad_y_pred.dtype)",
    "        grad_w1 = x.t().mm(grad_h)",
    "        return None, grad_w1, grad_w2",
    "",
    "y_pred = TwoLayerFn.apply(x, w1, w2)",
    "loss = (y_pred - y).pow(2).sum()",
    "loss.backward()",
)
C(R, "w1", N, J(FN_NET, "grad_w1 = w1.grad"), oracle=RW1, style="fn-whole-net-w1")
C(R, "w2", N, J(FN_NET, "grad_w2 = w2.grad"), oracle=RW2, style="fn-whole-net-w2")
C(R, "w1", N, J(FN_NET.replace("grad_y_pred.mm(w2.t()) * (h > 0)", "grad_y_pred.mm(w2.t()) * (h_relu > 0)"), "grad_w1 = w1.grad"), oracle=RW1, style="fn-whole-net-mask-of-relu", note="relu(h) > 0 exactly where h > 0")
C(R, "w1", N, J(FN_NET.replace("grad_w1 = x.t().mm(grad_h)", "grad_w1 = x.t().mm(grad_y_pred.mm(w2.t()))"), "grad_w1 = w1.grad"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="fn-whole-net-grad-h-unused")
C(R, "w2", N, J(FN_NET.replace("loss = (y_pred - y).pow(2).sum()", "loss = (y - y_pred).pow(2).sum()"), "grad_w2 = w2.grad"), oracle=RW2, style="fn-whole-net-loss-reversed", note="(y - ŷ)² = (ŷ - y)²")
C(R, "w1", N, J("# 自定义 autograd.Function：反向里自己写 ReLU 的掩码", FN_MM, FN_RELU, FN_USE, "grad_w1 = w1.grad"), lang=Z, oracle=RW1, style="zh-fn-matmul-relu-w1")
FN_SIG = J(
    "class Linear(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, input, weight, bias):",
    "        ctx.save_for_backward(input, weight, bias)",
    "        return input.mm(weight) + bias",
    "",
    "    @staticmethod",
    "    def backward(ctx, grad_output):",
    "        input, weight, bias = ctx.saved_tensors",
    "        grad_input = grad_weight = grad_bias = None",
    "        if ctx.needs_input_grad[0]:",
    "            grad_input = grad_output.mm(weight.t())",
    "        if ctx.needs_input_grad[1]:",
    "            grad_weight = input.t().mm(grad_output)",
    "        if bias is not None and ctx.needs_input_grad[2]:",
    "            grad_bias = grad_output.sum(0, keepdim=True)",
    "        return grad_input, grad_weight, grad_bias",
)
FN_SIG_USE = J(
    "Z1 = Linear.apply(X, W1, b1)",
    "A1 = torch.relu(Z1)",
    "Z2 = Linear.apply(A1, W2, b2)",
    "A2 = torch.sigmoid(Z2)",
    "loss = F.binary_cross_entropy(A2, Y)",
    "loss.backward()",
)
C(M, "W1", N, J(FN_SIG, FN_SIG_USE, "dW1 = W1.grad"), oracle=W1R, style="fn-linear-bias-W1")
C(M, "b1", N, J(FN_SIG, FN_SIG_USE, "db1 = b1.grad"), oracle=B1R, style="fn-linear-bias-b1")
C(M, "b1", N, J(FN_SIG.replace("grad_output.sum(0, keepdim=True)", "grad_output.sum(1, keepdim=True)"), FN_SIG_USE, "db1 = b1.grad"), REFUSE, style="fn-linear-bias-sum-1", note="m × 1 for 1 × n_h (not expandable): autograd raises when run — nothing is computed")
C(M, "W2", N, J(FN_SIG.replace("grad_weight = input.t().mm(grad_output)", "grad_weight = input.t().mm(grad_output) * 2"), FN_SIG_USE, "dW2 = W2.grad"), "scale-factor", oracle=f"2 * {W2R}", style="fn-linear-weight-doubled")

# ================================================================ CMU 11-785 MyTorch (hw1p1) on mlp-bce: weights out × in, self.Ones
MY_LIN = J(
    "class Linear:",
    "    def __init__(self, W, b):",
    "        self.W = W  # (out, in)",
    "        self.b = b  # (out, 1)",
    "",
    "    def forward(self, A):",
    "        self.A = A",
    "        self.N = A.shape[0]",
    "        self.Ones = np.ones((self.N, 1))",
    "        Z = self.A @ self.W.T + self.Ones @ self.b.T",
    "        return Z",
    "",
    "    def backward(self, dLdZ):",
    "        dLdA = dLdZ @ self.W",
    "        self.dLdW = dLdZ.T @ self.A",
    "        self.dLdb = dLdZ.T @ self.Ones",
    "        return dLdA",
)
MY_ACT = J(
    "class ReLU:",
    "    def forward(self, Z):",
    "        self.A = np.maximum(0, Z)",
    "        return self.A",
    "",
    "    def backward(self, dLdA):",
    "        dLdZ = dLdA * np.where(self.A > 0, 1, 0)",
    "        return dLdZ",
    "",
    "class Sigmoid:",
    "    def forward(self, Z):",
    "        self.A = 1 / (1 + np.exp(-Z))",
    "        return self.A",
    "",
    "    def backward(self, dLdA):",
    "        dAdZ = self.A - self.A * self.A",
    "        return dLdA * dAdZ",
)
MY_BCE = J(
    "class BCELoss:",
    "    def forward(self, A, Y):",
    "        self.A, self.Y = A, Y",
    "        self.N = A.shape[0]",
    "        return -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / self.N",
    "",
    "    def backward(self):",
    "        dLdA = (self.A - self.Y) / (self.A * (1 - self.A)) / self.N",
    "        return dLdA",
)
MY_UNROLL = J(
    "layer1, act1, layer2, act2 = Linear(W1.T, b1.T), ReLU(), Linear(W2.T, b2.T), Sigmoid()",
    "criterion = BCELoss()",
    "out = act2.forward(layer2.forward(act1.forward(layer1.forward(X))))",
    "L = criterion.forward(out, Y)",
    "dLdA = criterion.backward()",
    "dLdZ2 = act2.backward(dLdA)",
    "dLdA1 = layer2.backward(dLdZ2)",
    "dLdZ1 = act1.backward(dLdA1)",
    "layer1.backward(dLdZ1)",
)
MY = J(MY_LIN, MY_ACT, MY_BCE, MY_UNROLL)
C(M, "W1", N, J(MY, "dW1 = layer1.dLdW.T"), oracle=W1R, style="mytorch-unrolled-W1")
C(M, "W2", N, J(MY, "dW2 = layer2.dLdW.T"), oracle=W2R, style="mytorch-unrolled-W2")
C(M, "b1", N, J(MY, "db1 = layer1.dLdb.T"), oracle=B1R, style="mytorch-unrolled-b1")
C(M, "b2", N, J(MY, "db2 = layer2.dLdb"), oracle=B2R, style="mytorch-unrolled-b2-1x1", note="1 × 1: the transpose changes nothing")
C(M, "W1", N, J(MY, "dW1 = layer1.dLdW"), "*", oracle=f"({W1R}).T", style="mytorch-W1-not-transposed-back", note="n_h × n_in for n_in × n_h (square at the example)")
C(M, "W1", N, J(MY.replace("dAdZ = self.A - self.A * self.A", "dAdZ = 1 - self.A * self.A"), "dW1 = layer1.dLdW.T"), "*", style="mytorch-sigmoid-tanh-slope")
C(M, "W1", N, J(MY.replace("np.where(self.A > 0, 1, 0)", "np.where(self.A >= 0, 1, 0)"), "dW1 = layer1.dLdW.T"), "missing-activation-derivative", oracle=NOMASK_W1, style="mytorch-relu-ge-on-output", note="A = max(0, Z) ≥ 0 everywhere: the mask is all ones")
C(M, "W2", N, J(MY.replace("/ (self.A * (1 - self.A)) / self.N", "/ (self.A * (1 - self.A))"), "dW2 = layer2.dLdW.T"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="mytorch-bce-no-N")
C(M, "W1", N, J(MY.replace("dLdA = dLdZ @ self.W\n", "dLdA = dLdZ @ self.W.T\n"), "dW1 = layer1.dLdW.T"), REFUSE, style="mytorch-dLdA-W-transposed", note="layer2.W is 1 × n_h: (m × 1) @ (n_h × 1) raises when run — nothing is computed")
MY_LOOP = J(
    MY_LIN, MY_ACT, MY_BCE,
    "layers = [Linear(W1.T, b1.T), ReLU(), Linear(W2.T, b2.T), Sigmoid()]",
    "A = X",
    "for layer in layers:",
    "    A = layer.forward(A)",
    "criterion = BCELoss()",
    "criterion.forward(A, Y)",
    "dLdA = criterion.backward()",
    "for layer in reversed(layers):",
    "    dLdA = layer.backward(dLdA)",
)
C(M, "W1", N, J(MY_LOOP, "dW1 = layers[0].dLdW.T"), oracle=W1R, style="mytorch-layers-loop-W1")
C(M, "W2", N, J(MY_LOOP, "dW2 = layers[2].dLdW.T"), oracle=W2R, style="mytorch-layers-loop-W2")
C(M, "b1", N, J(MY_LOOP, "db1 = layers[0].dLdb.T"), oracle=B1R, style="mytorch-layers-loop-b1")
C(M, "W1", N, J("# MyTorch：逐层反向传播，最后把 dLdW 转置回 W1 的形状", MY_LOOP, "dW1 = layers[0].dLdW.T"), lang=Z, oracle=W1R, style="zh-mytorch-layers-loop-W1")
MY_MSE = J(
    "class MSELoss:",
    "    def forward(self, A, Y):",
    "        self.A = A",
    "        self.Y = Y",
    "        self.N, self.C = A.shape",
    "        se = (A - Y) * (A - Y)",
    "        sse = np.ones((1, self.N)) @ se @ np.ones((self.C, 1))",
    "        return sse / (self.N * self.C)",
    "",
    "    def backward(self):",
    "        dLdA = 2 * (self.A - self.Y) / (self.N * self.C)",
    "        return dLdA",
)
C(A, "W_v", N, J(MY_MSE, "mse = MSELoss()", "mse.forward(O, T)", "dO = mse.backward()", "dW_v = X.T @ (A.T @ dO)"), oracle=AWV, style="mytorch-mseloss-attention")
C(R, "w2", N, J(MY_MSE, "mse = MSELoss()", "mse.forward(y_pred, y)", "grad_y_pred = mse.backward()", "grad_w2 = h_relu.T @ grad_y_pred"), "scale-factor", oracle=f"{RW2} / (n * D_out)", style="mytorch-mseloss-on-sse", note="relu-mlp's loss is a sum: MSELoss's 1/(N·C) is not in it")
C(B, "gamma", N, J(MY_MSE, "crit = MSELoss()", "crit.forward(Y, T)", "dY = crit.backward()", "dgamma = np.ones((1, crit.N)) @ (dY * Z_hat)"), oracle=BGM, style="mytorch-mseloss-bn-gamma-ones")

# ================================================================ Stanford CS229 problem set: forward_prop / backward_prop with a params dict
CS_SM = J(
    "def softmax(x):",
    "    x = x - np.max(x, axis=1, keepdims=True)",
    "    e = np.exp(x)",
    "    return e / np.sum(e, axis=1, keepdims=True)",
    "",
    "def forward_prop(data, labels, params):",
    "    W, b = params['W'], params['b']",
    "    z = data.dot(W) + b",
    "    y = softmax(z)",
    "    cost = -np.sum(labels * np.log(y)) / data.shape[0]",
    "    return y, cost",
    "",
    "def backward_prop(data, labels, params, forward_prop_func):",
    "    y, cost = forward_prop_func(data, labels, params)",
    "    dz = (y - labels) / data.shape[0]",
    "    grads = {}",
    "    grads['W'] = data.T.dot(dz)",
    "    grads['b'] = np.sum(dz, axis=0, keepdims=True)",
    "    return grads",
    "",
    "params = {'W': W, 'b': b}",
    "grads = backward_prop(X, Y, params, forward_prop)",
)
C(S, "W", N, J(CS_SM, "dW = grads['W']"), oracle=SW, style="cs229-backward-prop-W")
C(S, "b", N, J(CS_SM, "db = grads['b']"), oracle=SB, style="cs229-backward-prop-b")
C(S, "b", N, J(CS_SM.replace("np.sum(dz, axis=0, keepdims=True)", "np.sum(dz, axis=1, keepdims=True)"), "db = grads['b']"), "*", style="cs229-b-axis1", note="m × 1 for 1 × k")
C(S, "W", N, J(CS_SM.replace("dz = (y - labels) / data.shape[0]", "dz = y - labels"), "dW = grads['W']"), "scale-factor", oracle="X.T @ (P - Y)", style="cs229-no-batch-mean")
C(S, "W", N, J(CS_SM.replace("dz = (y - labels) / data.shape[0]", "dz = (labels - y) / data.shape[0]"), "dW = grads['W']"), "sign", oracle=f"-({SW})", style="cs229-labels-minus-y")
C(S, "W", N, J(CS_SM.replace("    y, cost = forward_prop_func(data, labels, params)\n", "    y, cost = forward_prop_func(data, labels, params)\n    print('cost', cost)\n"), "dW = grads['W']"), oracle=SW, style="cs229-print-cost")
CS_NN = J(
    "def forward_prop(data, labels, params):",
    "    z1 = data.dot(params['W1']) + params['b1']",
    "    a1 = np.maximum(z1, 0)",
    "    z2 = a1.dot(params['W2']) + params['b2']",
    "    a2 = 1 / (1 + np.exp(-z2))",
    "    return a1, a2",
    "",
    "def backward_prop(data, labels, params, forward_prop_func):",
    "    a1, a2 = forward_prop_func(data, labels, params)",
    "    m = data.shape[0]",
    "    dz2 = (a2 - labels) / m",
    "    dz1 = dz2.dot(params['W2'].T) * (a1 > 0)",
    "    return {'W1': data.T.dot(dz1), 'b1': dz1.sum(axis=0, keepdims=True),",
    "            'W2': a1.T.dot(dz2), 'b2': dz2.sum(axis=0, keepdims=True)}",
    "",
    "params = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}",
    "grad = backward_prop(X, Y, params, forward_prop)",
)
C(M, "W1", N, J(CS_NN, "dW1 = grad['W1']"), oracle=W1R, style="cs229-nn-dict-literal-W1")
C(M, "b1", N, J(CS_NN, "db1 = grad['b1']"), oracle=B1R, style="cs229-nn-dict-literal-b1")
C(M, "W2", N, J(CS_NN, "dW2 = grad['W2']"), oracle=W2R, style="cs229-nn-dict-literal-W2")
C(M, "W1", N, J(CS_NN.replace("* (a1 > 0)", "* a1 * (1 - a1)"), "dW1 = grad['W1']"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="cs229-nn-sigmoid-slope-on-relu", note="the problem set's sigmoid hidden layer; this network's is a ReLU")
C(M, "W1", N, J(CS_NN.replace("'W1': data.T.dot(dz1)", "'W1': data.T.dot(dz1) + 2 * 0.0001 * params['W1']"), "dW1 = grad['W1']"), "*", oracle=f"{W1R} + 2 * 0.0001 * W1", style="cs229-nn-regularized-left-in", note="backward_prop_regularized's 2·reg·W on a network without a penalty")
C(M, "W2", N, J("# CS229 的写法：参数放在字典里，backward_prop 返回梯度字典", CS_NN, "dW2 = grad['W2']"), lang=Z, oracle=W2R, style="zh-cs229-nn-W2")

# ================================================================ UvA DL course modules (self.params / self.grads dicts, weight out × in)
UVA_LIN = J(
    "class LinearModule(object):",
    "    def __init__(self, weight, bias):",
    "        self.params = {'weight': weight, 'bias': bias}",
    "        self.grads = {'weight': np.zeros_like(weight), 'bias': np.zeros_like(bias)}",
    "",
    "    def forward(self, x):",
    "        self.x = x",
    "        out = x @ self.params['weight'].T + self.params['bias']",
    "        return out",
    "",
    "    def backward(self, dout):",
    "        self.grads['weight'] = dout.T @ self.x",
    "        self.grads['bias'] = np.sum(dout, axis=0, keepdims=True)",
    "        dx = dout @ self.params['weight']",
    "        return dx",
)
UVA_SM = J(
    "class SoftMaxModule(object):",
    "    def forward(self, x):",
    "        b = x.max(axis=1, keepdims=True)",
    "        y = np.exp(x - b)",
    "        self.out = y / y.sum(axis=1, keepdims=True)",
    "        return self.out",
    "",
    "    def backward(self, dout):",
    "        y = self.out",
    "        dx = y * (dout - np.sum(dout * y, axis=1, keepdims=True))",
    "        return dx",
    "",
    "class CrossEntropyModule(object):",
    "    def forward(self, x, y):",
    "        return -np.sum(y * np.log(x)) / x.shape[0]",
    "",
    "    def backward(self, x, y):",
    "        dx = -y / x / x.shape[0]",
    "        return dx",
)
UVA_S_USE = J(
    "lin = LinearModule(W.T, b)",
    "sm = SoftMaxModule()",
    "ce = CrossEntropyModule()",
    "out = sm.forward(lin.forward(X))",
    "dout = ce.backward(out, Y)",
    "dout = sm.backward(dout)",
    "lin.backward(dout)",
)
UVA_S = J(UVA_LIN, UVA_SM, UVA_S_USE)
C(S, "W", N, J(UVA_S, "dW = lin.grads['weight'].T"), oracle=SW, style="uva-modules-softmax-W")
C(S, "b", N, J(UVA_S, "db = lin.grads['bias']"), oracle=SB, style="uva-modules-softmax-b")
C(S, "W", N, J(UVA_S, "dW = lin.grads['weight']"), "*", style="uva-weight-grad-not-transposed", note="k × n (3 × 2) for n × k")
C(S, "W", N, J(UVA_S.replace("dx = y * (dout - np.sum(dout * y, axis=1, keepdims=True))", "dx = dout * y * (1 - y)"), "dW = lin.grads['weight'].T"), "*", style="uva-softmax-diagonal-only", note="the softmax's Jacobian without its off-diagonal terms")
C(S, "W", N, J(UVA_S.replace("dx = -y / x / x.shape[0]", "dx = -y / x"), "dW = lin.grads['weight'].T"), "scale-factor", oracle="X.T @ (P - Y)", style="uva-ce-no-batch")
C(S, "W", N, J("# UvA 的模块：权重是 (out, in)，所以最后要转置", UVA_S, "dW = lin.grads['weight'].T"), lang=Z, oracle=SW, style="zh-uva-modules-softmax-W")
UVA_RELU = J(
    "class ReLUModule(object):",
    "    def forward(self, x):",
    "        self.x = x",
    "        return np.maximum(0, x)",
    "",
    "    def backward(self, dout):",
    "        return dout * (self.x > 0)",
)
UVA_M = J(
    UVA_LIN, UVA_RELU,
    "lin1 = LinearModule(W1.T, b1)",
    "relu = ReLUModule()",
    "lin2 = LinearModule(W2.T, b2)",
    "lin2.forward(relu.forward(lin1.forward(X)))",
    "dout = (A2 - Y) / m",
    "dout = lin2.backward(dout)",
    "dout = relu.backward(dout)",
    "lin1.backward(dout)",
)
C(M, "W1", N, J(UVA_M, "dW1 = lin1.grads['weight'].T"), oracle=W1R, style="uva-relu-W1")
C(M, "b1", N, J(UVA_M, "db1 = lin1.grads['bias']"), oracle=B1R, style="uva-relu-b1")
C(M, "W1", N, J(UVA_M.replace("return dout * (self.x > 0)", "return dout * (self.x > 0) * self.x"), "dW1 = lin1.grads['weight'].T"), "*", oracle=f"X.T @ ({DZ1} * Z1) / m", style="uva-relu-times-input")
C(M, "W2", N, J(UVA_M, "dW2 = lin2.grads['weight'].T"), oracle=W2R, style="uva-relu-W2")
UVA_M_LOOP = J(
    UVA_LIN, UVA_RELU,
    "class MLP(object):",
    "    def __init__(self):",
    "        self.modules = [LinearModule(W1.T, b1), ReLUModule(), LinearModule(W2.T, b2)]",
    "",
    "    def forward(self, x):",
    "        for module in self.modules:",
    "            x = module.forward(x)",
    "        return x",
    "",
    "    def backward(self, dout):",
    "        for module in reversed(self.modules):",
    "            dout = module.backward(dout)",
    "",
    "model = MLP()",
    "model.forward(X)",
    "model.backward((A2 - Y) / m)",
)
C(M, "W1", N, J(UVA_M_LOOP, "dW1 = model.modules[0].grads['weight'].T"), oracle=W1R, style="uva-mlp-modules-loop-W1")
C(M, "W2", N, J(UVA_M_LOOP, "dW2 = model.modules[-1].grads['weight'].T"), oracle=W2R, style="uva-mlp-modules-loop-W2")

# ================================================================ MXNet nd (old d2l), CuPy cp
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = nd.dot(A1.T, dZ2)"), oracle=W2R, style="mxnet-nd-dot-W2")
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = nd.dot(A1, dZ2, transpose_a=True)"), oracle=W2R, style="mxnet-nd-dot-transpose-a")
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = nd.dot(A1, dZ2)"), "*", oracle="A1 @ (A2 - Y) / m", style="mxnet-nd-dot-no-transpose", note="m × n_h @ m × 1: m = n_h = 2 at the example, the shapes happen to fit")
C(M, "b2", N, J("dZ2 = (A2 - Y) / m", "db2 = nd.sum(dZ2, axis=0, keepdims=True)"), oracle=B2R, style="mxnet-nd-sum-b2")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dA1 = nd.dot(dZ2, W2.T)", "dZ1 = dA1 * (Z1 > 0)", "dW1 = nd.dot(X.T, dZ1).asnumpy()"), oracle=W1R, style="mxnet-asnumpy-W1")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dA1 = nd.dot(dZ2, W2.T)", "dZ1 = dA1 * nd.relu(Z1)", "dW1 = nd.dot(X.T, dZ1)"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * np.maximum(Z1, 0)) / m", style="mxnet-relu-for-mask")
C(S, "W", N, J("P_hat = nd.softmax(Z, axis=1)", "dW = nd.dot(X.T, P_hat - Y) / X.shape[0]"), oracle=SW, style="mxnet-nd-softmax-W")
C(S, "b", N, J("# d2l（MXNet 版）：对 batch 求平均", "db = nd.mean(P - Y, axis=0, keepdims=True)"), lang=Z, oracle=SB, style="zh-mxnet-nd-mean-b")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = cp.dot(dZ2, W2.T) * (Z1 > 0)", "dW1 = cp.asnumpy(cp.dot(X.T, dZ1))"), oracle=W1R, style="cupy-asnumpy-W1")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = cp.dot(dZ2, W2.T) * cp.where(Z1 > 0, 1.0, 0.0)", "dW1 = cp.matmul(X.T, dZ1)"), oracle=W1R, style="cupy-where-W1")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = cp.dot(dZ2, W2.T) * cp.where(Z1 > 0, 1.0, 0.0)", "dW1 = cp.matmul(X.T, dZ1) / m"), "scale-factor", oracle=f"{W1R} / m", style="cupy-m-twice")
C(R, "w1", N, J("grad_h = cp.dot(2 * (y_pred - y), w2.T)", "grad_h[h < 0] = 0", "grad_w1 = cp.dot(x.T, grad_h)"), "relu-at-zero", style="cupy-lt0-mask")
C(R, "w2", N, J("grad_y_pred = 2.0 * cp.subtract(y_pred, y)", "grad_w2 = cp.dot(cp.transpose(h_relu), grad_y_pred)"), oracle=RW2, style="cupy-subtract-transpose")
C(S, "W", N, J("dZ = cp.asarray(P) - cp.asarray(Y)", "dW = cp.dot(cp.asarray(X).T, dZ) / m"), oracle=SW, style="cupy-asarray-W")

# ================================================================ pure Python, no NumPy
C(CH, "w", N, J("u = w * x", "v = u + b", "dL_dv = 2 * v", "dL_du = dL_dv * 1", "dL_dw = dL_du * x"), style="py-chain-steps")
C(CH, "b", N, J("v = w * x + b", "dL_db = 2 * v * 1"), style="py-chain-b")
C(CH, "w", N, J("v = w * x + b", "dL_dw = 2 * v"), "*", style="py-chain-w-no-x", note="the x of ∂u/∂w forgotten")
C(CH, "w", N, J("def grad_w(w, x, b):", "    \"\"\"dL/dw for L = (w*x + b)**2.\"\"\"", "    return 2 * (w * x + b) * x", "dw = grad_w(w, x, b)"), style="py-chain-docstring-helper")
C(E, "w", N, J("o = O[0][0]", "delta = (o - t) * o * (1 - o)", "dw = [[delta * xi for xi in x[0]]]"), oracle=EW, style="py-neuron-list-comp")
C(E, "w", N, J("o = O[0][0]", "delta = (o - t) * o * (1 - o)", "dw = [[delta * xi for xi in x[0]]]", "dw = [[-d for d in dw[0]]]"), "sign", oracle=f"-({EW})", style="py-neuron-negated-after")
C(E, "w", N, J("o = O[0][0]", "dw = [[(o - t) * xi for xi in x[0]]]"), "missing-activation-derivative", oracle="(O - t) * x", style="py-neuron-no-sigmoid-slope")
C(E, "w", N, J("# 纯 Python：误差项 delta 乘以每个输入", "o = O[0][0]", "delta = (o - t) * o * (1 - o)", "dw = [[delta * xi for xi in x[0]]]"), lang=Z, oracle=EW, style="zh-py-neuron-list-comp")
C(T, "W2", N, J("e = y_pred[0][0] - y_target", "dW2 = [[e * hj] for hj in h[0]]"), oracle=TW2, style="py-tiny-W2-rows")
C(T, "W1", N, J(
    "e = y_pred[0][0] - y_target",
    "dW1 = [[e * W2[j][0] * h[0][j] * (1 - h[0][j]) * X[0][i] for j in range(len(h[0]))] for i in range(len(X[0]))]",
), oracle=TW1, style="py-tiny-W1-nested-comprehension")
C(T, "W1", N, J(
    "e = y_pred[0][0] - y_target",
    "dW1 = [[e * W2[j][0] * h[0][j] * (1 - h[0][j]) * X[0][i] for i in range(len(X[0]))] for j in range(len(h[0]))]",
), "*", oracle=f"({TW1}).T", style="py-tiny-W1-comprehension-swapped", note="rows indexed by the hidden unit: n_h × n_in (square)")
C(M, "W2", N, J(
    "dW2 = [[sum((A2[i][0] - Y[i][0]) * A1[i][j] for i in range(m)) / m] for j in range(n_h)]",
), oracle=W2R, style="py-mlp-W2-sum-comprehension")
C(M, "W2", N, J(
    "dW2 = [[sum((a2[0] - y[0]) * a1[j] for a1, a2, y in zip(A1, A2, Y)) / len(Y)] for j in range(n_h)]",
), oracle=W2R, style="py-mlp-W2-zip-rows")
C(M, "W2", N, J(
    "dW2 = [[sum((A2[i][0] - Y[i][0]) * A1[i][j] for i in range(m))] for j in range(n_h)]",
), "scale-factor", oracle="A1.T @ (A2 - Y)", style="py-mlp-W2-sum-no-mean")
C(M, "b2", N, "db2 = [[sum(a - y for (a,), (y,) in zip(A2, Y)) / m]]", oracle=B2R, style="py-mlp-b2-zip-unpack")

# ================================================================ JAX by hand (jnp.einsum, jax.nn), no jax.grad
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = jnp.einsum('no,ho->nh', dZ2, W2) * jnp.heaviside(Z1, 0.0)", "dW1 = jnp.einsum('ni,nh->ih', X, dZ1)"), oracle=W1R, style="jax-einsum-heaviside0")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = jnp.einsum('no,ho->nh', dZ2, W2) * jnp.heaviside(Z1, 1.0)", "dW1 = jnp.einsum('ni,nh->ih', X, dZ1)"), "relu-at-zero", style="jax-einsum-heaviside1", note="heaviside(0, 1) = 1: the gradient passes at z = 0")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = jnp.einsum('no,ho->nh', dZ2, W2) * jnp.heaviside(Z1, 0.0)", "dW1 = jnp.einsum('ni,nh->hi', X, dZ1)"), "*", oracle=f"({W1R}).T", style="jax-einsum-output-swapped")
C(M, "W2", N, J("A2_ = jax.nn.sigmoid(A1 @ W2 + b2)", "dW2 = jnp.einsum('nh,no->ho', A1, A2_ - Y) / A1.shape[0]"), oracle=W2R, style="jax-nn-sigmoid-recomputed")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = (dZ2 @ W2.T) * jax.nn.sigmoid(Z1) * (1 - jax.nn.sigmoid(Z1))", "dW1 = X.T @ dZ1"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="jax-sigmoid-slope-on-relu")
C(S, "W", N, J("Y_oh = jax.nn.one_hot(jnp.argmax(Y, axis=1), k)", "P_ = jax.nn.softmax(X @ W + b, axis=-1)", "dW = jnp.einsum('nd,nk->dk', X, P_ - Y_oh) / m"), oracle=SW, style="jax-one-hot-softmax-W")
C(S, "b", N, J("P_ = jax.nn.softmax(Z, axis=-1)", "db = jnp.mean(P_ - Y, axis=0, keepdims=True)"), oracle=SB, style="jax-nn-softmax-b")
C(S, "W", N, J("P_ = jax.nn.softmax(Z, axis=0)", "dW = jnp.einsum('nd,nk->dk', X, P_ - Y) / m"), "*", style="jax-softmax-axis0", note="normalised over the batch")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - jnp.tanh(z_2) ** 2)", "dz1 = jnp.einsum('mj,ij->mi', dz2, W_h) * (1 - h_1 ** 2)", "dW_h = jnp.einsum('mi,mj->ij', h_1, dz2) + jnp.einsum('mi,mj->ij', h_0, dz1)"), oracle=RWH, style="jax-rnn-einsum-W-h")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - jnp.tanh(z_2) ** 2)", "dW_h = jnp.einsum('mi,mj->ij', h_1, dz2)"), "missing-path", oracle=f"h_1.T @ {R2_D2}", style="jax-rnn-W-h-last-step-only")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dW_v = jnp.einsum('ni,mn,md->id', X, A, dO)"), oracle=AWV, style="jax-att-einsum-three")

# ================================================================ TensorFlow 2 by hand (tf.tensordot, tf.einsum, tf.math)
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = tf.matmul(dZ2, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float64)", "dW1 = tf.tensordot(X, dZ1, axes=[[0], [0]])"), oracle=W1R, style="tf-tensordot-axes00")
C(M, "W1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = tf.matmul(dZ2, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float64)", "dW1 = tf.tensordot(X, dZ1, axes=1)"), "*", oracle="X @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="tf-tensordot-axes1", note="X @ dZ1 (m = n_in = 2: the shapes fit)")
C(M, "b1", N, J("dZ2 = (A2 - Y) / m", "dZ1 = tf.math.multiply(tf.matmul(dZ2, tf.transpose(W2)), tf.cast(tf.math.greater(Z1, 0), tf.float64))", "db1 = tf.math.reduce_sum(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="tf-math-greater-b1")
C(M, "W2", N, J("dZ2 = tf.math.subtract(A2, Y) / m", "dW2 = tf.einsum('nh,no->ho', A1, dZ2)"), oracle=W2R, style="tf-einsum-W2")
C(M, "W2", N, J("dZ2 = tf.math.subtract(Y, A2) / m", "dW2 = tf.einsum('nh,no->ho', A1, dZ2)"), "sign", oracle=f"-({W2R})", style="tf-einsum-W2-sign")
C(M, "W2", N, J("dZ2 = (A2 - Y) * tf.math.sigmoid(Z2) * (1 - tf.math.sigmoid(Z2)) / m", "dW2 = tf.einsum('nh,no->ho', A1, dZ2)"), "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="tf-sigmoid-slope-twice", note="BCE after a sigmoid: the slope is already cancelled")
C(S, "W", N, J("Y_oh = tf.one_hot(tf.argmax(Y, axis=1), depth=k, dtype=tf.float64)", "dW = tf.einsum('nd,nk->dk', X, tf.nn.softmax(Z) - Y_oh) / tf.cast(tf.shape(X)[0], tf.float64)"), oracle=SW, style="tf-one-hot-einsum-W")
C(S, "W", N, J("dZ = tf.nn.softmax(Z) - Y", "dW = tf.tensordot(tf.transpose(X), dZ, axes=1) / m"), oracle=SW, style="tf-tensordot-transpose-W")
C(S, "b", N, J("# TF2 手写：偏置的梯度按样本求和再平均", "db = tf.math.reduce_mean(tf.nn.softmax(Z) - Y, axis=0, keepdims=True)"), lang=Z, oracle=SB, style="zh-tf-math-reduce-mean-b")
C(S, "b", N, "db = tf.math.reduce_mean(tf.nn.softmax(Z) - Y)", "*", style="tf-reduce-mean-all", note="one number (it is 0: the rows of P − Y sum to 0) for 1 × k")
C(B, "beta", N, J("dY = 2.0 * tf.math.subtract(Y, T) / tf.cast(tf.size(Y), tf.float64)", "dbeta = tf.math.reduce_sum(dY, axis=0, keepdims=True)"), oracle=BBT, style="tf-bn-beta-size")
C(B, "gamma", N, J("dY = 2.0 * (Y - T) / (m * n)", "dgamma = tf.einsum('mn,mn->n', dY, Z_hat)[tf.newaxis, :]"), oracle=BGM, style="tf-bn-gamma-einsum-newaxis")
C(B, "gamma", N, J("dY = 2.0 * (Y - T) / (m * n)", "dgamma = tf.einsum('mn,mn->n', dY, Z_hat * gamma)[tf.newaxis, :]"), "*", oracle=f"np.sum({BN_DY} * Z_hat * gamma, axis=0, keepdims=True)", style="tf-bn-gamma-times-gamma")
C(MW, "W2", N, J("dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", "dW2 = tf.tensordot(A1, dZ2, axes=[[0], [0]])"), oracle="A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="tf-weighted-tensordot")
C(MW, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = tf.tensordot(A1, dZ2, axes=[[0], [0]])"), "*", oracle="A1.T @ (A2 - Y) / m", style="tf-weighted-weight-forgotten")

# ================================================================ Andrew Ng's ex1 in NumPy: np.c_ ones column, theta[0] not penalised
NG_G = "X_b.T @ (h - y) / m + lambda_ / m * np.vstack([np.zeros((1, 1)), theta[1:]])"
NG_FN = J(
    "def compute_gradient(X, y, theta, lambda_):",
    "    m = y.shape[0]",
    "    X_b = np.c_[np.ones((m, 1)), X]",
    "    error = X_b.dot(theta) - y",
    "    grad = (1 / m) * X_b.T.dot(error)",
    "    grad[1:] = grad[1:] + (lambda_ / m) * theta[1:]",
    "    return grad",
    "grad = compute_gradient(X, y, theta, lambda_)",
)
C(NG, "theta", N, NG_FN, oracle=NG_G, style="ng-ex1-compute-gradient")
C(NG, "theta", N, NG_FN.replace("grad[1:] = grad[1:] + (lambda_ / m) * theta[1:]", "grad = grad + (lambda_ / m) * theta"), "*", oracle="X_b.T @ (h - y) / m + lambda_ / m * theta", style="ng-ex1-bias-penalised")
C(NG, "theta", N, NG_FN.replace("(lambda_ / m) * theta[1:]", "(lambda_ / (2 * m)) * theta[1:]"), "*", oracle="X_b.T @ (h - y) / m + lambda_ / (2 * m) * np.vstack([np.zeros((1, 1)), theta[1:]])", style="ng-ex1-lambda-2m")
C(NG, "theta", N, NG_FN.replace("grad = (1 / m) * X_b.T.dot(error)", "grad = X_b.T.dot(error)"), "*", oracle="X_b.T @ (h - y) + lambda_ / m * np.vstack([np.zeros((1, 1)), theta[1:]])", style="ng-ex1-data-term-no-m")
C(NG, "theta", N, J("reg = (lambda_ / m) * theta", "reg[0] = 0", "grad = X_b.T @ (h - y) / m + reg"), oracle=NG_G, style="ng-ex1-reg-zeroed")
C(NG, "theta", N, J("theta_reg = theta.copy()", "theta_reg[0, 0] = 0", "grad = (X_b.T @ (h - y) + lambda_ * theta_reg) / m"), oracle=NG_G, style="ng-ex1-theta-copy")
C(NG, "theta", N, "grad = X_b.T.dot(h - y) / m + lambda_ / m * np.r_[[[0.0]], theta[1:]]", oracle=NG_G, style="ng-ex1-np-r")
C(NG, "theta", N, J("# 梯度：误差乘以 X_b 再除以 m；偏置项 theta[0] 不加正则", "grad = X_b.T.dot(h - y) / m", "grad[1:] += lambda_ / m * theta[1:]"), lang=Z, oracle=NG_G, style="zh-ng-ex1-slice-iadd")
C(NG, "theta", N, J("grad = X_b.T.dot(y - h) / m", "grad[1:] += lambda_ / m * theta[1:]"), "*", oracle="X_b.T @ (y - h) / m + lambda_ / m * np.vstack([np.zeros((1, 1)), theta[1:]])", style="ng-ex1-data-sign-only")
C(NG, "theta", N, J(
    "grad = np.zeros_like(theta)",
    "for j in range(n + 1):",
    "    grad[j] = np.sum((h - y) * X_b[:, [j]]) / m",
    "    if j > 0:",
    "        grad[j] += lambda_ / m * theta[j]",
), oracle=NG_G, style="ng-ex1-loop-over-j-if")
C(NG, "theta", N, J("X_b = np.hstack([np.ones((m, 1)), X])", "grad = X_b.T @ (X_b @ theta - y) / m", "grad[1:] += lambda_ / m * theta[1:]"), oracle=NG_G, style="ng-ex1-hstack-recomputed")

# ================================================================ a squared-hinge L2-SVM with sklearn's elastic-net penalty
SV_D = "(-2 * T * np.maximum(0, 1 - T * scores) / n)"
SV_W = f"X.T @ {SV_D} + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)"
SV_B = f"np.sum({SV_D}, axis=0, keepdims=True)"
SV_GOOD = J("margin = 1 - T * scores", "dscores = -2 * T * np.maximum(0, margin) / X.shape[0]")
C(SV, "W", N, J(SV_GOOD, "dW = X.T @ dscores + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)"), oracle=SV_W, style="svm-elastic-W")
C(SV, "W", N, J("margin = 1 - T * scores", "dscores = -T * np.maximum(0, margin) / X.shape[0]", "dW = X.T @ dscores + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)"), "*", oracle=f"X.T @ ({SV_D} / 2) + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)", style="svm-elastic-square-2-forgotten")
C(SV, "W", N, J("margin = 1 - T * scores", "dscores = -2 * T * (margin > 0) / X.shape[0]", "dW = X.T @ dscores + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)"), "*", oracle="X.T @ (-2 * T * (1 - T * scores > 0) / n) + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)", style="svm-elastic-plain-hinge-slope")
C(SV, "W", N, J(SV_GOOD, "dW = X.T @ dscores + alpha * (1 - l1_ratio) * W"), "*", oracle=f"X.T @ {SV_D} + alpha * (1 - l1_ratio) * W", style="svm-elastic-l1-forgotten")
C(SV, "W", N, J(SV_GOOD, "dW = X.T @ dscores + alpha * (l1_ratio * W + (1 - l1_ratio) * W)"), "*", oracle=f"X.T @ {SV_D} + alpha * W", style="svm-elastic-l1-as-l2")
C(SV, "b", N, J(SV_GOOD, "db = dscores.sum(axis=0, keepdims=True)"), oracle=SV_B, style="svm-elastic-b")
C(SV, "b", N, J(SV_GOOD, "db = dscores.sum(axis=0, keepdims=True) + alpha * (l1_ratio * np.sign(b) + (1 - l1_ratio) * b)"), "*", oracle=f"{SV_B} + alpha * (l1_ratio * np.sign(b) + (1 - l1_ratio) * b)", style="svm-elastic-b-penalised")
C(SV, "W", N, "dW = X.t() @ (-2 * T * torch.clamp(1 - T * scores, min=0)) / X.shape[0] + alpha * (l1_ratio * torch.sign(W) + (1 - l1_ratio) * W)", oracle=SV_W, style="svm-elastic-torch-clamp")
C(SV, "W", N, J("margin = 1 - T * scores", "dscores = -2 * T * np.maximum(0, margin) / T.size", "dW = X.T @ dscores + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)"), "*", oracle=f"X.T @ ({SV_D} / k) + alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)", style="svm-elastic-mean-over-all")

# ================================================================ a WGAN critic (leaky ReLU 0.2, two batches)
WG_LR = "np.where({z} > 0, {z}, 0.2 * ({z}))"
WG_ZR, WG_ZF = "(x_real @ W1 + b1)", "(x_fake @ W1 + b1)"
WG_W2 = f"-np.mean({WG_LR.format(z=WG_ZR)}, axis=0, keepdims=True).T + np.mean({WG_LR.format(z=WG_ZF)}, axis=0, keepdims=True).T"
WG_DR = f"(-np.ones((m, 1)) / m @ w2.T * np.where({WG_ZR} > 0, 1.0, 0.2))"
WG_DF = f"(np.ones((m, 1)) / m @ w2.T * np.where({WG_ZF} > 0, 1.0, 0.2))"
WG_W1 = f"x_real.T @ {WG_DR} + x_fake.T @ {WG_DF}"
WG_A = J(
    "z_r = x_real @ W1 + b1",
    "z_f = x_fake @ W1 + b1",
    "a_r = np.where(z_r > 0, z_r, 0.2 * z_r)",
    "a_f = np.where(z_f > 0, z_f, 0.2 * z_f)",
)
C(WG, "w2", N, J(WG_A, "dw2 = -(a_r.mean(axis=0, keepdims=True).T - a_f.mean(axis=0, keepdims=True).T)"), oracle=WG_W2, style="wgan-w2")
C(WG, "w2", N, J(WG_A, "dw2 = a_r.mean(0)[:, None] - a_f.mean(0)[:, None]"), "sign", oracle=f"-({WG_W2})", style="wgan-w2-generator-sign")
WG_B = J(
    WG_A,
    "g_r = -np.ones((m, 1)) / m @ w2.T * np.where(z_r > 0, 1.0, 0.2)",
    "g_f = np.ones((m, 1)) / m @ w2.T * np.where(z_f > 0, 1.0, 0.2)",
)
C(WG, "W1", N, J(WG_B, "dW1 = x_real.T @ g_r + x_fake.T @ g_f"), oracle=WG_W1, style="wgan-W1")
C(WG, "W1", N, J(WG_B.replace("1.0, 0.2)", "1.0, 0.01)"), "dW1 = x_real.T @ g_r + x_fake.T @ g_f"), "*", oracle=WG_W1.replace("1.0, 0.2)", "1.0, 0.01)"), style="wgan-W1-leak-001")
C(WG, "W1", N, J(WG_B, "dW1 = x_real.T @ g_r"), "*", oracle=f"x_real.T @ {WG_DR}", style="wgan-W1-real-half-only")
C(WG, "b1", N, J(WG_B, "db1 = g_r.sum(0) + g_f.sum(0)"), oracle=f"np.sum({WG_DR} + {WG_DF}, axis=0)", style="wgan-b1-1d")
C(WG, "w2", N, "dw2 = -(F.leaky_relu(x_real @ W1 + b1, 0.2).mean(0) - F.leaky_relu(x_fake @ W1 + b1, 0.2).mean(0)).unsqueeze(1)", oracle=WG_W2, style="wgan-w2-torch-unsqueeze")
C(WG, "w2", N, J("# 判别器的损失：-(真样本均值 - 假样本均值)", WG_A, "dw2 = (a_f - a_r).mean(axis=0).reshape(-1, 1)"), lang=Z, oracle=WG_W2, style="zh-wgan-w2-reshape")

# ================================================================ mixup (fast.ai, the batch flipped) with soft targets
MX_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
MX_D = f"(({MX_P} - y_mix) / bs)"
MX_H = "np.tanh(x_mix @ w1)"
MX_W2 = f"{MX_H}.T @ {MX_D}"
MX_W1 = f"x_mix.T @ ({MX_D} @ w2.T * (1 - {MX_H} ** 2))"
C(MX, "w2", N, J("h = torch.tanh(x_mix @ w1)", "dlogits = (F.softmax(logits, dim=-1) - y_mix) / bs", "dw2 = h.t() @ dlogits"), oracle=MX_W2, style="mixup-w2")
C(MX, "w2", N, J("h = torch.tanh(x_mix @ w1)", "dlogits = (F.softmax(logits, dim=-1) - yb) / bs", "dw2 = h.t() @ dlogits"), "*", oracle=f"{MX_H}.T @ (({MX_P} - yb) / bs)", style="mixup-w2-unmixed-targets")
C(MX, "w2", N, J("y_m = lam * yb + (1 - lam) * yb.flip(0)", "h = torch.tanh(x_mix @ w1)", "dw2 = h.t() @ (F.softmax(logits, dim=-1) - y_m) / bs"), oracle=MX_W2, style="mixup-w2-remixed")
C(MX, "w2", N, J("y_m = (1 - lam) * yb + lam * yb.flip(0)", "h = torch.tanh(x_mix @ w1)", "dw2 = h.t() @ (F.softmax(logits, dim=-1) - y_m) / bs"), "*", oracle=f"{MX_H}.T @ (({MX_P} - ((1 - lam) * yb + lam * np.flip(yb, 0))) / bs)", style="mixup-w2-lam-swapped")
C(MX, "w2", N, J("y_m = lam * yb + (1 - lam) * torch.flip(yb, dims=[0])", "dw2 = torch.tanh(x_mix @ w1).T @ (torch.softmax(logits, -1) - y_m) / bs"), oracle=MX_W2, style="mixup-w2-torch-flip")
MX_W1C = J("h = torch.tanh(x_mix @ w1)", "dlogits = (F.softmax(logits, dim=-1) - y_mix) / bs", "dh = dlogits @ w2.t()")
C(MX, "w1", N, J(MX_W1C, "dw1 = x_mix.t() @ (dh * (1 - h ** 2))"), oracle=MX_W1, style="mixup-w1")
C(MX, "w1", N, J(MX_W1C, "dw1 = xb.t() @ (dh * (1 - h ** 2))"), "*", oracle=f"xb.T @ ({MX_D} @ w2.T * (1 - {MX_H} ** 2))", style="mixup-w1-unmixed-inputs")
C(MX, "w1", N, J(MX_W1C, "dw1 = x_mix.t() @ dh"), "missing-activation-derivative", oracle=f"x_mix.T @ ({MX_D} @ w2.T)", style="mixup-w1-no-tanh-slope")
C(MX, "w2", N, J("h = torch.tanh(x_mix @ w1)", "dw2 = h.t() @ (F.softmax(logits, dim=-1) - y_mix)"), "scale-factor", oracle=f"{MX_H}.T @ ({MX_P} - y_mix)", style="mixup-w2-no-mean")

# ================================================================ a squeeze-and-excitation gate (Chinese course network)
SE_P = "(np.exp(pooled @ Wc) / np.exp(pooled @ Wc).sum(1, keepdims=True))"
SE_WC = f"pooled.T @ ({SE_P} - y)"
C(SE, "Wc", N, J("# 分类层的梯度：池化特征的转置乘以 (softmax - 标签)", "dWc = pooled.T @ (F.softmax(pooled @ Wc, dim=1) - y)"), lang=Z, oracle=SE_WC, style="zh-se-Wc")
C(SE, "Wc", N, J("# 误差除以 L（把通道长度当成 batch 了）", "dWc = pooled.T @ (F.softmax(pooled @ Wc, dim=1) - y) / L"), "scale-factor", lang=Z, oracle=f"{SE_WC} / L", style="zh-se-Wc-over-L")
C(SE, "Wc", N, J("probs = torch.softmax(pooled @ Wc, dim=-1)", "dWc = pooled.T @ (y - probs)"), "sign", oracle=f"-({SE_WC})", style="se-Wc-sign")
C(SE, "Wc", N, J("pooled_ = (U * e).mean(0, keepdim=True)", "dWc = pooled_.T @ (torch.softmax(pooled_ @ Wc, dim=1) - y)"), oracle=SE_WC, style="se-Wc-recomputed")
C(SE, "Wc", N, "dWc = pooled.T @ torch.softmax(pooled @ Wc, dim=1)", "*", oracle=f"pooled.T @ {SE_P}", style="se-Wc-no-target")
C(SE, "Wc", N, J("probs = torch.softmax(pooled @ Wc, dim=1)", "dWc = torch.outer(pooled.squeeze(0), (probs - y).squeeze(0))"), oracle=SE_WC, style="se-Wc-outer-squeeze")
C(SE, "Wc", N, J("# 梯度 = s 的转置 × 误差（错：用了挤压前的平均 s）", "dWc = s.T @ (torch.softmax(pooled @ Wc, dim=1) - y)"), "*", lang=Z, oracle=f"s.T @ ({SE_P} - y)", style="zh-se-Wc-s-for-pooled")

# ================================================================ Keras Huber (delta = 1) on a linear model, TF2 by hand
HU_D = "(np.clip(y_pred - y_true, -1.0, 1.0) / n)"
HU_W = f"x.T @ {HU_D}"
C(HU, "w", N, J("err = y_pred - y_true", "dy = tf.clip_by_value(err, -1.0, 1.0) / n", "dw = tf.matmul(x, dy, transpose_a=True)"), oracle=HU_W, style="huber-tf-clip-by-value")
C(HU, "w", N, J("err = y_pred - y_true", "dy = tf.where(tf.abs(err) <= 1.0, err, tf.sign(err)) / n", "dw = tf.matmul(tf.transpose(x), dy)"), oracle=HU_W, style="huber-tf-where-sign")
C(HU, "w", N, J("err = y_pred - y_true", "dw = tf.matmul(tf.transpose(x), err) / n"), "*", oracle="x.T @ (y_pred - y_true) / n", style="huber-mse-slope")
C(HU, "b", N, J("err = y_pred - y_true", "db = tf.reduce_mean(tf.clip_by_value(err, -1.0, 1.0))"), oracle=f"np.sum({HU_D}).reshape(1)", style="huber-b-reduce-mean")
C(HU, "w", N, J("err = y_true - y_pred", "dw = tf.matmul(x, tf.clip_by_value(err, -1.0, 1.0), transpose_a=True) / n"), "sign", oracle=f"-({HU_W})", style="huber-err-reversed")
C(HU, "w", N, J("err = y_pred - y_true", "dw = tf.matmul(x, tf.clip_by_value(err, -0.5, 0.5), transpose_a=True) / n"), "*", oracle="x.T @ np.clip(y_pred - y_true, -0.5, 0.5) / n", style="huber-half-delta")
C(HU, "w", N, J("err = y_pred - y_true", "dw = tf.tensordot(x, tf.clip_by_value(err, -1.0, 1.0) / n, axes=[[0], [0]])"), oracle=HU_W, style="huber-tensordot")
C(HU, "w", N, J("# Huber：|误差| 小于 delta 时梯度是误差本身，否则是 delta·sign", "err = y_pred - y_true", "dw = tf.matmul(x, 2 * tf.clip_by_value(err, -1.0, 1.0), transpose_a=True) / n"), "scale-factor", lang=Z, oracle=f"2 * {HU_W}", style="zh-huber-factor-2")

# ================================================================ exponential loss with ±1 labels, JAX by hand (no jax.grad)
EX_W = "-(X.T @ (y * np.exp(-margin))) / n"
EX_B = "-np.mean(y * np.exp(-margin))"
C(EX, "w", N, "dw = -jnp.dot(X.T, y * jnp.exp(-margin)) / n", oracle=EX_W, style="exp-loss-jnp-dot")
C(EX, "w", N, "dw = -jnp.mean(y[:, None] * X * jnp.exp(-margin)[:, None], axis=0)", oracle=EX_W, style="exp-loss-jnp-mean-none")
C(EX, "w", N, "dw = jnp.einsum('n,nd->d', -y * jnp.exp(-margin), X) / X.shape[0]", oracle=EX_W, style="exp-loss-einsum-vector")
C(EX, "w", N, "dw = -jnp.dot(X.T, jnp.exp(-margin)) / n", "*", oracle="-(X.T @ np.exp(-margin)) / n", style="exp-loss-label-forgotten")
C(EX, "w", N, "dw = jnp.dot(X.T, y * jnp.exp(-margin)) / n", "sign", oracle=f"-({EX_W})", style="exp-loss-sign")
C(EX, "b", N, "db = -jnp.mean(y * jnp.exp(-margin))", oracle=EX_B, style="exp-loss-b")
C(EX, "b", N, "db = -jnp.sum(y * jnp.exp(-margin))", "scale-factor", oracle=f"n * {EX_B}", style="exp-loss-b-sum")
C(EX, "w", N, "dw = -jnp.dot(X.T, y * jnp.exp(margin)) / n", "*", oracle="-(X.T @ (y * np.exp(margin))) / n", style="exp-loss-exp-sign")

# ================================================================ scikit-learn's Lasso objective (1/(2n)·‖r‖² + α‖w‖₁)
LA_I = "-np.sum(r) / n_samples"
C(LA, "intercept", N, "dintercept = -np.mean(r)", oracle=LA_I, style="lasso-intercept-mean")
C(LA, "intercept", N, "dintercept = -r.sum() / X.shape[0]", oracle=LA_I, style="lasso-intercept-sum-shape")
C(LA, "intercept", N, "dintercept = np.mean(r)", "sign", oracle=f"-({LA_I})", style="lasso-intercept-sign")
C(LA, "intercept", N, "dintercept = -r.sum()", "scale-factor", oracle="-np.sum(r)", style="lasso-intercept-no-n")
C(LA, "intercept", N, "dintercept = -np.mean(r) + alpha * np.sign(intercept)", "*", oracle=f"{LA_I} + alpha * np.sign(intercept)", style="lasso-intercept-penalised")
C(LA, "w", N, "dw = -X.T @ r / X.shape[0] + alpha * np.sign(w)", oracle="-X.T @ r / n_samples + alpha * np.sign(w)", style="lasso-w-sign-subgradient", note="sign(0) = 0 at the zero coefficient, as PyTorch's abs")
C(LA, "w", N, "dw = -X.T @ r / X.shape[0]", "*", oracle="-X.T @ r / n_samples", style="lasso-w-penalty-forgotten")

# ================================================================ 李宏毅-style inverted dropout with a fixed mask (Chinese course network)
DR_D = "(2 * (out - y) / n)"
DR_G = f"({DR_D} @ w2.T * mask / (1 - p) * (H > 0))"
DR_W1 = f"X.T @ {DR_G}"
C(DR, "w2", N, J("# 输出层：误差对 out 的梯度，再乘以 dropout 之后的隐藏层", "dout = 2 * (out - y) / n", "dw2 = H_drop.T @ dout"), lang=Z, oracle=f"H_drop.T @ {DR_D}", style="zh-dropout-w2")
C(DR, "w2", N, J("dout = 2 * (out - y) / n", "dw2 = H.T @ dout"), "*", oracle=f"H.T @ {DR_D}", style="dropout-w2-undropped-H")
C(DR, "W1", N, J("dout = 2 * (out - y) / n", "dH = dout @ w2.T * mask / (1.0 - p)", "dZ = dH * (H > 0)", "dW1 = X.T @ dZ"), oracle=DR_W1, style="dropout-W1")
C(DR, "W1", N, J("# 反向时忘了除以 (1 - p)", "dout = 2 * (out - y) / n", "dH = dout @ w2.T * mask", "dW1 = X.T @ (dH * (H > 0))"), "*", lang=Z, oracle=f"(1 - p) * {DR_W1}", style="zh-dropout-W1-no-rescale")
C(DR, "W1", N, J("dout = 2 * (out - y) / n", "dH = dout @ w2.T * mask * (1.0 - p)", "dW1 = X.T @ (dH * (H > 0))"), "*", oracle=f"(1 - p) ** 2 * {DR_W1}", style="dropout-W1-times-keep")
C(DR, "W1", N, J("dout = 2 * (out - y) / n", "dH = dout @ w2.T / (1.0 - p)", "dW1 = X.T @ (dH * (H > 0))"), "*", oracle=f"X.T @ ({DR_D} @ w2.T / (1 - p) * (H > 0))", style="dropout-W1-mask-forgotten")
C(DR, "b1", N, J("dout = 2 * (out - y) / n", "dH = dout @ w2.T * mask / (1.0 - p)", "db1 = (dH * (H > 0)).sum(0)"), oracle=f"np.sum({DR_G}, axis=0)", style="dropout-b1-sum0")
C(DR, "b1", N, J("dout = 2 * (out - y) / n", "dH = dout @ w2.T * mask / (1.0 - p)", "db1 = (dH * (H > 0)).sum(1)"), "*", style="dropout-b1-sum1", note="one number per example (n = 3) for h = 5")

# ================================================================ d2l's polynomial regression (np.power with np.arange), its reshape bug
PO_W = "poly_features.T @ (y_hat - labels.reshape(-1, 1)) / n"
C(PO, "w", N, "dw = poly_features.T @ (y_hat - labels.reshape(y_hat.shape)) / len(labels)", oracle=PO_W, style="poly-reshape-yhat-shape")
C(PO, "w", N, "dw = poly_features.T @ (y_hat - labels) / n", "*", style="poly-broadcast-bug", note="(n × 1) − (n,) broadcasts to n × n: 4 × n for 4 × 1")
C(PO, "w", N, "dw = np.dot(poly_features.T, y_hat - labels[:, None]) / n", oracle=PO_W, style="poly-none-axis")
C(PO, "w", N, "dw = np.dot(poly_features.T, y_hat - labels[:, None])", "scale-factor", oracle="poly_features.T @ (y_hat - labels.reshape(-1, 1))", style="poly-no-mean")
C(PO, "w", N, J("P_ = np.power(features, np.arange(4))", "dw = P_.T @ (P_ @ w - labels.reshape(-1, 1)) / n"), oracle=PO_W, style="poly-recomputed-power")
C(PO, "w", N, "dw = nd.dot(poly_features.T, y_hat - labels.reshape(y_hat.shape)) / n", oracle=PO_W, style="poly-mxnet-nd")
C(PO, "w", N, J("P_ = np.power(features, np.arange(1, 5))", "dw = P_.T @ (y_hat - labels.reshape(-1, 1)) / n"), "*", oracle="np.power(features, np.arange(1, 5)).T @ (y_hat - labels.reshape(-1, 1)) / n", style="poly-powers-off-by-one")

# ================================================================ knowledge distillation: KL(batchmean)·T² + cross-entropy
DI_PS = "(np.exp(student_logits / T) / np.exp(student_logits / T).sum(1, keepdims=True))"
DI_PT = "(np.exp(teacher_logits / T) / np.exp(teacher_logits / T).sum(1, keepdims=True))"
DI_P = "(np.exp(student_logits) / np.exp(student_logits).sum(1, keepdims=True))"
DI_OH = "np.eye(n_classes)[labels]"
DI_D = f"((alpha * T * ({DI_PS} - {DI_PT}) + (1 - alpha) * ({DI_P} - {DI_OH})) / batch)"
DI_BASE = J(
    "p_s = F.softmax(student_logits / T, dim=1)",
    "p_t = F.softmax(teacher_logits / T, dim=1)",
    "p = F.softmax(student_logits, dim=1)",
    "onehot = F.one_hot(labels, n_classes).double()",
)
C(DI, "W", N, J(DI_BASE, "dlogits = (alpha * T * (p_s - p_t) + (1 - alpha) * (p - onehot)) / batch", "dW = inputs.T @ dlogits"), oracle=f"inputs.T @ {DI_D}", style="distill-W")
C(DI, "W", N, J(DI_BASE, "dlogits = (alpha * T * T * (p_s - p_t) + (1 - alpha) * (p - onehot)) / batch", "dW = inputs.T @ dlogits"), "*", oracle=f"inputs.T @ {DI_D.replace('alpha * T *', 'alpha * T * T *')}", style="distill-W-T-squared-kept")
C(DI, "W", N, J(DI_BASE, "dlogits = (alpha * (p_s - p_t) + (1 - alpha) * (p - onehot)) / batch", "dW = inputs.T @ dlogits"), "*", oracle=f"inputs.T @ {DI_D.replace('alpha * T *', 'alpha *')}", style="distill-W-T-forgotten")
C(DI, "W", N, J(DI_BASE, "dlogits = (alpha * T * (p_s - p_t) / n_classes + (1 - alpha) * (p - onehot)) / batch", "dW = inputs.T @ dlogits"), "*", style="distill-W-kl-mean-not-batchmean")
C(DI, "b", N, J(DI_BASE, "dlogits = (alpha * T * (p_s - p_t) + (1 - alpha) * (p - onehot)) / batch", "db = dlogits.sum(0)"), oracle=f"np.sum({DI_D}, axis=0)", style="distill-b")
C(DI, "W", N, J(DI_BASE, "dlogits = alpha * T * (p_s - p_t) / batch", "dW = inputs.T @ dlogits"), "*", oracle=f"inputs.T @ (alpha * T * ({DI_PS} - {DI_PT}) / batch)", style="distill-W-hard-term-forgotten")
C(DI, "W", N, J("# 蒸馏：软目标那一项的梯度要乘 T（T² 乘上 1/T）", DI_BASE.replace("p_t = F.softmax(teacher_logits / T, dim=1)", "p_t = F.softmax(teacher_logits, dim=1)"), "dlogits = (alpha * T * (p_s - p_t) + (1 - alpha) * (p - onehot)) / batch", "dW = inputs.T @ dlogits"), "*", lang=Z, style="zh-distill-teacher-not-softened")

# ================================================================ PReLU + Mish MLP: the last layer
PR_W3 = "a2.T @ (2 * (a2 @ W3 - Y) / N)"
C(PR, "W3", N, "dW3 = a2.T @ (2 * (a2 @ W3 - Y) / N)", oracle=PR_W3, style="prelu-mish-W3")
C(PR, "W3", N, "dW3 = a2.T @ (a2 @ W3 - Y) / N", "scale-factor", oracle=f"{PR_W3} / 2", style="prelu-mish-W3-no-2")
C(PR, "W3", N, "dW3 = z2.T @ (2 * (a2 @ W3 - Y) / N)", "*", oracle="z2.T @ (2 * (a2 @ W3 - Y) / N)", style="prelu-mish-W3-pre-activation")
C(PR, "W3", N, "dW3 = torch.mm(a2.t(), 2 * (a2.mm(W3) - Y)) / Y.numel()", oracle=PR_W3, style="prelu-mish-W3-torch-mm-numel")

# ================================================================ homework-shaped answers on the built-ins (docstrings, asserts, markers, prints)
C(M, "W1", N, J(
    "def backward_pass(X, Y, cache, params):",
    "    \"\"\"",
    "    Arguments:",
    "    X -- input data of shape (m, n_in)",
    "    cache -- dictionary containing Z1, A1, Z2, A2",
    "    Returns:",
    "    grads -- dictionary with dW1, db1, dW2, db2",
    "    \"\"\"",
    "    m = X.shape[0]",
    "    ### START CODE HERE ### (≈ 6 lines of code)",
    "    dZ2 = cache['A2'] - Y",
    "    dW2 = cache['A1'].T @ dZ2 / m",
    "    dZ1 = dZ2 @ params['W2'].T",
    "    dZ1[cache['Z1'] <= 0] = 0",
    "    dW1 = X.T @ dZ1 / m",
    "    ### END CODE HERE ###",
    "    assert dW1.shape == params['W1'].shape",
    "    return {'dW1': dW1, 'dW2': dW2}",
    "cache = {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}",
    "params = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}",
    "grads = backward_pass(X, Y, cache, params)",
    "dW1 = grads['dW1']",
), oracle=W1R, style="hw-cache-params-dicts-W1")
C(M, "W1", N, J(
    "def backward_pass(X, Y, cache, params):",
    "    m = X.shape[0]",
    "    dZ2 = (cache['A2'] - Y) / m",
    "    dZ1 = dZ2 @ params['W2'].T",
    "    dZ1[cache['A1'] <= 0] = 0",
    "    dW1 = X.T @ dZ1 / m",
    "    return {'dW1': dW1}",
    "grads = backward_pass(X, Y, {'Z1': Z1, 'A1': A1, 'A2': A2}, {'W2': W2})",
    "dW1 = grads['dW1']",
), "scale-factor", oracle=f"{W1R} / m", style="hw-cache-dicts-m-twice")
C(M, "b2", N, J("dZ2 = A2 - Y", "print(dZ2.shape)", "db2 = np.sum(dZ2, axis=0, keepdims=True)", "db2 /= m", "print('db2 =', db2)"), oracle=B2R, style="hw-print-idiv")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T", "dZ1 *= (Z1 > 0)", "db1 = np.sum(dZ1, axis=0) / m"), oracle=B1R, style="hw-imul-mask-1d-b1", note="1-D (n_h,) for 1 × n_h: the same numbers")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T", "dZ1 *= (Z1 > 0)", "db1 = np.sum(dZ1, axis=0, keepdims=True) / m", "db1 += 0.7 / m * b1  # L2"), "*", oracle=f"{B1R} + 0.7 / m * b1", style="hw-bias-regularised")
C(M, "W1", N, J("dW1 = np.zeros_like(W1)", "for i in range(m):", "    dz2 = A2[i] - Y[i]", "    dz1 = (dz2 * W2[:, 0]) * (Z1[i] > 0)", "    dW1 += np.outer(X[i], dz1)", "dW1 /= m"), oracle=W1R, style="hw-per-example-outer")
C(M, "W1", N, J("dW1 = np.zeros_like(W1)", "for i in range(m):", "    dz2 = A2[i] - Y[i]", "    dz1 = (dz2 * W2[:, 0]) * (Z1[i] > 0)", "    dW1 += np.outer(dz1, X[i])", "dW1 /= m"), "*", oracle=f"({W1R}).T", style="hw-per-example-outer-swapped")
C(R, "w1", N, J("grad_h = 2 * (y_pred - y) @ w2.T", "grad_h = grad_h * (h > 0)", "grad_w1 = np.zeros_like(w1)", "for xi, gi in zip(x, grad_h):", "    grad_w1 += np.outer(xi, gi)"), oracle=RW1, style="hw-zip-outer-relu-mlp")
C(R2, "W_x", N, J(
    "# 时间反向传播：两步",
    "dh2 = h_2 - y",
    "dz2 = dh2 * (1 - h_2 ** 2)",
    "dh1 = dz2 @ W_h.T",
    "dz1 = dh1 * (1 - h_1 ** 2)",
    "dW_x = np.zeros_like(W_x)",
    "for x_t, dz_t in [(x_1, dz1), (x_2, dz2)]:",
    "    dW_x += x_t.T @ dz_t",
), lang=Z, oracle=RWX, style="zh-rnn-loop-over-pairs")
C(R2, "b", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "db = np.sum(dz1 + dz2, axis=0, keepdims=True)"), oracle=f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)", style="rnn-b-summed")
C(T, "W2", N, J("def grad_W2(h: np.ndarray, y_pred: np.ndarray, y_target: float) -> np.ndarray:", "    # YOUR CODE HERE", "    return h.T @ (y_pred - y_target)", "dW2 = grad_W2(h, y_pred, y_target)"), oracle=TW2, style="hw-typed-your-code-here")
C(T, "W2", N, J("dW2 = h.T @ (y_pred - y_target)", "dW2 = dW2 * h.T"), "*", oracle=f"{TW2} * h.T", style="tiny-W2-reassigned-wrong")
C(E, "w", N, J("delta = np.multiply(np.subtract(O, t), np.multiply(O, np.subtract(1, O)))", "dw = np.multiply(delta, x)"), oracle=EW, style="neuron-np-multiply-subtract")
C(E, "w", N, J("delta = np.multiply(np.subtract(O, t), np.multiply(O, np.subtract(1, O)))", "dw = np.divide(np.multiply(delta, x), n)"), "scale-factor", oracle=f"{EW} / n", style="neuron-np-divide-n")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = torch.einsum('mn,md->nd', A, dO)", "dW_v = torch.einsum('ni,nd->id', X, dV)"), oracle=AWV, style="att-torch-einsum-two")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = torch.einsum('nm,md->nd', A, dO)", "dW_v = torch.einsum('ni,nd->id', X, dV)"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="att-torch-einsum-A-not-transposed")
C(B, "beta", N, J("dY = 2 * (Y - T) / Y.size", "dbeta = dY.sum(axis=0, keepdims=True) / m"), "scale-factor", oracle=f"{BBT} / m", style="bn-beta-m-twice")

# ================================================================ refusals (no hand derivation / a placeholder / the cell raises)
C(M, "W1", N, J("dW1 = None  # YOUR CODE HERE", "raise NotImplementedError()"), REFUSE, style="hw-not-implemented")
C(R, "w1", N, "grad_w1 = torch.autograd.grad((y_pred - y).pow(2).sum(), w1)[0]", REFUSE, style="autograd-grad-call")
C(S, "W", N, J("with tf.GradientTape() as tape:", "    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(Y, X @ W + b))", "dW = tape.gradient(loss, W)"), REFUSE, style="tf-gradient-tape")
C(M, "W2", N, J("with autograd.record():", "    l = loss(net(X), Y)", "l.backward()", "dW2 = W2.grad"), REFUSE, style="mxnet-autograd-record")
C(EX, "w", N, "dw = jax.jacrev(lambda w: jnp.mean(jnp.exp(-y * (X @ w + b))))(w)", REFUSE, style="jax-jacrev")
C(NG, "theta", N, "grad = scipy.optimize.approx_fprime(theta.ravel(), lambda t: cost(t, X, y, lambda_), 1e-6)", REFUSE, style="scipy-approx-fprime")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c37-000, … as written; cases that happen to repeat corpora 2-36 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus37", "c37", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
