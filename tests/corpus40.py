"""The held-out-style corpus of issue 11, fortieth round: CODE only, from sources and styles no corpus
had used as such — ``torch.autograd.Function`` subclasses whose hand ``backward(ctx, grad_out)`` is
called with a ``SimpleNamespace`` context (``ctx.save_for_backward`` / ``ctx.saved_tensors``), Keras
``tf.GradientTape`` notebooks with the gradient written by hand beside the tape, JAX ``jax.grad``
comparisons (``assert jnp.allclose(auto, manual)``), MXNet ``nd.`` spellings (``nd.dot(a, b,
transpose_a=True)``, ``.asnumpy()``), Chainer ``F.matmul(a, b, transa=True)``, MATLAB-like NumPy
(``np.multiply``, ``np.dot(a, b.T)``, ``np.transpose``, ``np.subtract``), R notebooks ported to
NumPy (``crossprod``, ``colSums`` helpers), homework autograder skeletons (``cache = (Z1, A1, …)``
unpacked, ``grads['dW1']``), ELU/SELU/CELU/GELU networks with their slopes written by hand and their
constants pasted as rounded decimals (SELU's 1.0507 / 1.6733, GELU's 0.7979, 1/√(2π) ≈ 0.3989),
PaddlePaddle (``paddle.matmul(x, y, transpose_x=True)``) and 吴恩达 course notes in Chinese — and
students' mistakes on them; on the built-ins and on eleven lecturer networks no corpus had used;
Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck40"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in PyTorch
(tests/spelled_oracle.py). A rounded constant of an op (0.7979 for √(2/π)) is right by the
README's number policy but not at rtol 1e-9: such cases carry no oracle (their note says so).
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


SE = _spec("hn34_selu_expm1_where_constants")
TH = _spec("torch_huber_delta")
GD = _spec("gelu_default")
CL = _spec("celu_hardswish")
EK = _spec("hn16_elu_alpha_kink")
LS = _spec("hn31_torch_label_smoothing_ce_weight_decay")
GL = _spec("hn39_glu_addmm_gated_mlp")
LH = _spec("hn39_lihongyi_hw1_covid_mlp_cn")
HW = _spec("hn33_highway_jnp_where_leaky_jax")
JR = _spec("hn16_jax_ridge_softmax_greek")
UV = _spec("hn20_uva_t9_autoencoder_sum_dims")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816
ROUNDED = ("a constant of the network's own op pasted as a rounded decimal with 4 or more significant digits: "
           "right by the README's number policy (issue 11 item 3), off by ~1e-5 relative, so no oracle at rtol 1e-9")


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

# ================================================================ torch.autograd.Function, backward called by hand
FN_LIN = J(
    "import types",
    "",
    "class LinearFunction(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, inp, weight):",
    "        ctx.save_for_backward(inp, weight)",
    "        return inp.mm(weight)",
    "",
    "    @staticmethod",
    "    def backward(ctx, grad_output):",
    "        inp, weight = ctx.saved_tensors",
    "        grad_input = grad_output.mm(weight.t())",
    "        grad_weight = inp.t().mm(grad_output)",
    "        return grad_input, grad_weight",
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
    "        grad_input = grad_output.clone()",
    "        grad_input[inp <= 0] = 0",
    "        return grad_input",
)
FN_RUN_W2 = J("ctx2 = types.SimpleNamespace(saved_tensors=(A1, W2))", "dA1, dW2 = LinearFunction.backward(ctx2, (A2 - Y) / m)")
FN_RUN_W1 = J(FN_RUN_W2, "ctx_r = types.SimpleNamespace(saved_tensors=(Z1,))", "dZ1 = MyReLU.backward(ctx_r, dA1)",
              "ctx1 = types.SimpleNamespace(saved_tensors=(X, W1))", "dX, dW1 = LinearFunction.backward(ctx1, dZ1)")
C(M, "W2", N, J(FN_LIN, "", FN_RUN_W2), oracle=W2R, style="autograd-function-linear-W2")
C(M, "W1", N, J(FN_LIN, "", FN_RELU, "", FN_RUN_W1), oracle=W1R, style="autograd-function-relu-W1")
C(M, "W1", N, J(FN_LIN, "", FN_RELU.replace("grad_input[inp <= 0] = 0", "grad_input[inp > 0] = 0"), "", FN_RUN_W1), "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 <= 0)) / m", style="autograd-function-relu-mask-flipped")
C(M, "W1", N, J(FN_LIN, "", FN_RELU, "", FN_RUN_W1.replace("dZ1 = MyReLU.backward(ctx_r, dA1)", "dZ1 = dA1")), "missing-activation-derivative", oracle=NOMASK_W1, style="autograd-function-relu-skipped")
C(M, "W2", N, J(FN_LIN.replace("grad_weight = inp.t().mm(grad_output)", "grad_weight = grad_output.t().mm(inp)"), "", FN_RUN_W2), "*", oracle=f"({W2R}).T", style="autograd-function-weight-transposed")
C(M, "W2", N, J(FN_LIN, "", FN_RUN_W2.replace("(A2 - Y) / m", "A2 - Y")), "scale-factor", oracle=f"{W2R} * m", style="autograd-function-no-mean")
C(M, "W2", N, J(FN_LIN, "", FN_RUN_W2.replace("(A2 - Y) / m", "(Y - A2) / m")), "sign", oracle=f"-{W2R}", style="autograd-function-sign")
C(R, "w2", N, J(FN_LIN, "", "ctx = types.SimpleNamespace(saved_tensors=(h_relu, w2))", "_, grad_w2 = LinearFunction.backward(ctx, 2.0 * (y_pred - y))"), oracle=RW2, style="autograd-function-relu-mlp-w2")
C(R, "w1", N, J(FN_LIN, "", FN_RELU, "", "ctx = types.SimpleNamespace(saved_tensors=(h_relu, w2))", "grad_h_relu, _ = LinearFunction.backward(ctx, 2.0 * (y_pred - y))", "grad_h = MyReLU.backward(types.SimpleNamespace(saved_tensors=(h,)), grad_h_relu)", "_, grad_w1 = LinearFunction.backward(types.SimpleNamespace(saved_tensors=(x, w1)), grad_h)"), oracle=RW1, style="autograd-function-relu-mlp-w1")
FN_SIG = J(
    "class SigmoidFn(torch.autograd.Function):",
    "    @staticmethod",
    "    def forward(ctx, z):",
    "        out = 1 / (1 + torch.exp(-z))",
    "        ctx.save_for_backward(out)",
    "        return out",
    "",
    "    @staticmethod",
    "    def backward(ctx, g):",
    "        out, = ctx.saved_tensors",
    "        return g * out * (1 - out)",
)
C(T, "W1", N, J(FN_SIG, "", "dh = (y_pred - y_target) @ W2.T", "dh_raw = SigmoidFn.backward(types.SimpleNamespace(saved_tensors=(h,)), dh)", "dW1 = X.T @ dh_raw"), oracle=TW1, style="autograd-function-sigmoid-W1")
C(T, "W1", N, J(FN_SIG, "", "dh = (y_pred - y_target) @ W2.T", "dh_raw = SigmoidFn.backward(types.SimpleNamespace(saved_tensors=(h_raw,)), dh)", "dW1 = X.T @ dh_raw"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T * h_raw * (1 - h_raw))", style="autograd-function-sigmoid-saved-input")
C(M, "W2", N, J("class MyLinear(torch.autograd.Function):", "    @staticmethod", "    def forward(ctx, x, w):", "        ctx.save_for_backward(x, w)", "        return x @ w", "", "loss.backward()", "dW2 = W2.grad"), REFUSE, style="autograd-function-then-loss-backward")

# ================================================================ Keras GradientTape notebooks, gradient written by hand
TAPE = J("with tf.GradientTape() as tape:", "    Z1 = tf.matmul(X, W1) + b1", "    A1 = tf.nn.relu(Z1)", "    Z2 = tf.matmul(A1, W2) + b2", "    A2 = tf.sigmoid(Z2)")
C(M, "W2", N, J(TAPE, "# by hand, to compare with tape.gradient", "dZ2 = A2 - Y", "dW2 = tf.matmul(A1, dZ2, transpose_a=True) / m"), oracle=W2R, style="gradient-tape-hand-W2-transpose-a")
C(M, "W1", N, J(TAPE, "dZ2 = A2 - Y", "dA1 = tf.matmul(dZ2, W2, transpose_b=True)", "dZ1 = dA1 * tf.cast(Z1 > 0, tf.float64)", "dW1 = tf.matmul(X, dZ1, transpose_a=True) / m"), oracle=W1R, style="gradient-tape-hand-W1-cast-mask")
C(M, "b2", N, J(TAPE, "dZ2 = A2 - Y", "db2 = tf.reduce_mean(dZ2, axis=0, keepdims=True)"), oracle=B2R, style="gradient-tape-hand-b2-reduce-mean")
C(M, "W1", N, J(TAPE, "dZ2 = A2 - Y", "dA1 = tf.matmul(dZ2, W2, transpose_b=True)", "dW1 = tf.matmul(X, dA1, transpose_a=True) / m"), "missing-activation-derivative", oracle=NOMASK_W1, style="gradient-tape-hand-W1-no-mask")
C(M, "W2", N, J(TAPE, "dZ2 = A2 - Y", "dW2 = tf.matmul(A1, dZ2, transpose_b=True) / m"), "*", oracle=None, style="gradient-tape-hand-W2-wrong-transpose-shapes", note="(m, n_h) @ (1, m): the shapes do not chain")
C(M, "W2", N, J(TAPE, "dZ2 = A2 - Y", "dW2 = tf.reduce_sum(tf.matmul(A1, dZ2, transpose_a=True))"), "*", oracle=None, style="gradient-tape-hand-W2-reduce-sum-all")
C(M, "W2", N, J(TAPE, "    L = tf.reduce_mean(tf.keras.losses.binary_crossentropy(Y, A2))", "dW1, dW2 = tape.gradient(L, [W1, W2])"), REFUSE, style="gradient-tape-gradient-call")
C(S, "W", N, J("with tf.GradientTape() as tape:", "    P = tf.nn.softmax(tf.matmul(X, W) + b)", "dW = tf.matmul(X, P - Y, transpose_a=True) / tf.cast(tf.shape(X)[0], tf.float64)"), oracle=SW, style="gradient-tape-softmax-W-cast-shape")
C(S, "W", N, J("with tf.GradientTape() as tape:", "    P = tf.nn.softmax(tf.matmul(X, W) + b)", "dW = tf.matmul(X, P - Y, transpose_a=True)"), "scale-factor", oracle=f"{SW} * m", style="gradient-tape-softmax-W-no-mean")

# ================================================================ JAX: jax.grad beside the hand gradient
C(M, "W2", N, J("auto = jax.grad(loss_fn)(W2)", "manual = A1.T @ (A2 - Y) / m", "assert jnp.allclose(auto, manual, atol=1e-6)", "dW2 = manual"), oracle=W2R, style="jax-grad-compare-manual-W2")
C(M, "W1", N, J("dZ1 = jnp.where(Z1 > 0, (A2 - Y) @ W2.T, 0.0)", "manual = X.T @ dZ1 / m", "print(jnp.max(jnp.abs(manual - jax.grad(loss_fn)(W1))))", "dW1 = manual"), oracle=W1R, style="jax-grad-compare-where-W1")
C(M, "W1", N, J("dZ1 = jnp.where(Z1 > 0, (A2 - Y) @ W2.T, 0.0)", "manual = X.T @ dZ1", "dW1 = manual"), "scale-factor", oracle=f"{W1R} * m", style="jax-grad-compare-W1-no-mean")
C(M, "W2", N, "dW2 = jax.grad(loss_fn)(W2)", REFUSE, style="jax-grad-only")
C(R, "w1", N, J("g_y = 2.0 * (y_pred - y)", "g_h = jnp.dot(g_y, w2.T) * jnp.heaviside(h, 0.0)", "grad_w1 = jnp.dot(x.T, g_h)"), oracle=RW1, style="jax-heaviside-w1")
C(R, "w1", N, J("g_y = 2.0 * (y_pred - y)", "g_h = jnp.dot(g_y, w2.T) * jnp.heaviside(h, 1.0)", "grad_w1 = jnp.dot(x.T, g_h)"), "relu-at-zero", oracle=None, style="jax-heaviside-one-w1", note="heaviside(h, 1.0) is 1 at h = 0: README, relu'(0) = 0 (as corpus 39's c39-048); equal to the gradient wherever h ≠ 0, so no oracle")
C(S, "W", N, J("P = jax.nn.softmax(X @ W + b, axis=-1)", "grad_W = X.T @ (P - Y) / X.shape[0]"), oracle=SW, style="jax-softmax-W-shape")
C(S, "b", N, J("P = jax.nn.softmax(X @ W + b, axis=-1)", "grad_b = jnp.mean(P - Y, axis=0, keepdims=True)"), oracle=SB, style="jax-softmax-b-mean")
C(S, "W", N, J("P = jax.nn.softmax(X @ W + b, axis=0)", "grad_W = X.T @ (P - Y) / X.shape[0]"), "*", oracle=None, style="jax-softmax-W-axis0", note="softmax over the batch axis is not P")

# ================================================================ MXNet nd.
C(M, "W2", N, J("from mxnet import nd", "dZ2 = A2 - Y", "dW2 = nd.dot(A1.T, dZ2) / m"), oracle=W2R, style="mxnet-nd-dot-W2")
C(M, "W2", N, J("from mxnet import nd", "dZ2 = A2 - Y", "dW2 = nd.dot(A1, dZ2, transpose_a=True) / m"), oracle=W2R, style="mxnet-nd-dot-transpose-a-W2")
C(M, "b1", N, J("from mxnet import nd", "dZ1 = nd.dot(A2 - Y, W2.T) * (Z1 > 0)", "db1 = nd.sum(dZ1, axis=0, keepdims=True) / m"), oracle=B1R, style="mxnet-nd-sum-b1")
C(M, "b1", N, J("from mxnet import nd", "dZ1 = nd.dot(A2 - Y, W2.T) * (Z1 > 0)", "db1 = nd.sum(dZ1, axis=1, keepdims=True) / m"), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="mxnet-nd-sum-b1-axis1")
C(M, "W1", N, J("from mxnet import nd", "dZ1 = nd.dot(A2 - Y, W2.T) * (Z1 > 0)", "dW1 = (nd.dot(X.T, dZ1) / m).asnumpy()"), oracle=W1R, style="mxnet-nd-asnumpy-W1")
C(M, "W1", N, J("from mxnet import nd", "dZ1 = nd.dot(A2 - Y, W2.T) * (A1 > 0)", "dW1 = nd.dot(X.T, dZ1) / m"), oracle=W1R, style="mxnet-nd-mask-on-A1-W1")
C(M, "W1", N, J("from mxnet import nd", "dZ1 = nd.dot(A2 - Y, W2.T) * nd.relu(Z1)", "dW1 = nd.dot(X.T, dZ1) / m"), "*", oracle="X.T @ ((A2 - Y) @ W2.T * np.maximum(Z1, 0)) / m", style="mxnet-nd-relu-for-slope-W1")
C(R, "w2", N, J("from mxnet import nd", "grad_y_pred = 2 * (y_pred - y)", "grad_w2 = nd.dot(h_relu.T, grad_y_pred)"), oracle=RW2, style="mxnet-nd-relu-mlp-w2")
C(R, "w2", N, J("from mxnet import nd", "grad_y_pred = 2 * (y_pred - y)", "grad_w2 = nd.dot(h.T, grad_y_pred)"), "wrong-layer", oracle="2 * h.T @ (y_pred - y)", style="mxnet-nd-relu-mlp-w2-pre-activation")
C(S, "W", N, J("from mxnet import nd", "dW = nd.dot(X.T, nd.softmax(nd.dot(X, W) + b) - Y) / m"), oracle=SW, style="mxnet-nd-softmax-inline-W")

# ================================================================ Chainer
C(M, "W2", N, J("import chainer.functions as F", "dZ2 = A2 - Y", "dW2 = F.matmul(A1, dZ2, transa=True) / m"), oracle=W2R, style="chainer-matmul-transa-W2")
C(M, "W1", N, J("import chainer.functions as F", "dZ2 = A2 - Y", "dZ1 = F.matmul(dZ2, W2, transb=True) * (Z1.array > 0)", "dW1 = F.matmul(X, dZ1, transa=True).array / m"), oracle=W1R, style="chainer-matmul-transb-array-W1")
C(M, "W1", N, J("import chainer.functions as F", "dZ2 = A2 - Y", "dZ1 = F.matmul(dZ2, W2, transb=True) * (Z1.array > 0)", "dW1 = F.matmul(dZ1, X, transa=True).array / m"), "*", oracle=f"({W1R}).T", style="chainer-matmul-W1-transposed")
C(T, "W2", N, J("import chainer.functions as F", "dW2 = F.matmul(h, y_pred - y_target, transa=True)"), oracle=TW2, style="chainer-tiny-W2")

# ================================================================ MATLAB-like NumPy
C(M, "W2", N, J("dZ2 = np.subtract(A2, Y)", "dW2 = np.divide(np.dot(np.transpose(A1), dZ2), m)"), oracle=W2R, style="matlab-like-subtract-divide-W2")
C(M, "W1", N, J("dZ2 = np.subtract(A2, Y)", "dZ1 = np.multiply(np.dot(dZ2, np.transpose(W2)), np.greater(Z1, 0))", "dW1 = np.divide(np.dot(np.transpose(X), dZ1), m)"), oracle=W1R, style="matlab-like-greater-W1")
C(M, "W1", N, J("dZ2 = np.subtract(A2, Y)", "dZ1 = np.multiply(np.dot(dZ2, np.transpose(W2)), np.greater(Z1, 0))", "dW1 = np.divide(np.dot(X, np.transpose(dZ1)), m)"), "*", oracle=f"X @ {DZ1}.T / m", style="matlab-like-W1-both-transposed", note="(m, n_in) @ (n_h, m): X dZ1ᵀ, a wrong product")
C(M, "W1", N, J("dZ2 = np.subtract(A2, Y)", "dZ1 = np.multiply(np.dot(dZ2, np.transpose(W2)), np.greater(Z1, 0))", "dW1 = np.multiply(np.dot(np.transpose(X), dZ1), 1 / m)"), oracle=W1R, style="matlab-like-multiply-inverse-W1")
C(T, "W1", N, J("e = np.subtract(y_pred, y_target)", "d1 = np.multiply(np.dot(e, W2.T), np.multiply(h, np.subtract(1, h)))", "dW1 = np.dot(X.T, d1)"), oracle=TW1, style="matlab-like-tiny-W1")
C(T, "W1", N, J("e = np.subtract(y_pred, y_target)", "d1 = np.multiply(np.dot(e, W2.T), np.subtract(1, np.power(h, 2)))", "dW1 = np.dot(X.T, d1)"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T * (1 - h ** 2))", style="matlab-like-tiny-tanh-slope")
C(T, "W2", N, J("e = np.subtract(y_pred, y_target)", "dW2 = np.dot(h.T, e) * 2"), "scale-factor", oracle=f"2 * {TW2}", style="matlab-like-tiny-W2-doubled")
C(E, "w", N, J("d = np.multiply(np.multiply(np.subtract(O, t), O), np.subtract(1, O))", "dw = np.multiply(d, x)"), oracle=EW, style="matlab-like-neuron-w")
C(E, "w", N, J("d = np.multiply(np.subtract(O, t), O)", "dw = np.multiply(d, x)"), "*", oracle="(O - t) * O * x", style="matlab-like-neuron-half-slope")
C(S, "W", N, J("dW = np.dot(X.T, np.subtract(P, Y)) / np.size(Y, 0)"), oracle=SW, style="matlab-like-size-axis0-W")

# ================================================================ R notebooks ported to NumPy
R_HELP = J("def crossprod(a, b):", "    return a.T @ b", "", "def colSums(M):", "    return M.sum(axis=0, keepdims=True)", "", "nrow = lambda M: M.shape[0]")
C(M, "W2", N, J(R_HELP, "delta2 = A2 - Y", "dW2 = crossprod(A1, delta2) / nrow(X)"), oracle=W2R, style="r-port-crossprod-W2")
C(M, "b2", N, J(R_HELP, "delta2 = A2 - Y", "db2 = colSums(delta2) / nrow(X)"), oracle=B2R, style="r-port-colsums-b2")
C(M, "W1", N, J(R_HELP, "delta2 = A2 - Y", "delta1 = (delta2 @ W2.T) * (Z1 > 0)", "dW1 = crossprod(X, delta1) / nrow(X)"), oracle=W1R, style="r-port-crossprod-W1")
C(M, "W1", N, J(R_HELP, "delta2 = A2 - Y", "delta1 = (delta2 @ W2.T) * (Z1 > 0)", "dW1 = crossprod(delta1, X) / nrow(X)"), "*", oracle=f"({W1R}).T", style="r-port-crossprod-W1-swapped")
C(M, "b1", N, J(R_HELP, "delta2 = A2 - Y", "delta1 = (delta2 @ W2.T) * (Z1 > 0)", "db1 = colSums(delta1) / ncol(X)"), REFUSE, style="r-port-ncol-undefined")
C(R, "w2", N, J(R_HELP, "grad_w2 = crossprod(h_relu, 2 * (y_pred - y))"), oracle=RW2, style="r-port-relu-mlp-w2")
C(R, "w2", N, J(R_HELP, "grad_w2 = crossprod(h_relu, 2 * (y_pred - y)) / nrow(x)"), "scale-factor", oracle=f"{RW2} / n", style="r-port-relu-mlp-w2-mean-habit")

# ================================================================ autograder skeletons: cache tuples, grads dict
SK = J(
    "def forward_propagation(X, parameters):",
    "    W1, b1, W2, b2 = parameters['W1'], parameters['b1'], parameters['W2'], parameters['b2']",
    "    Z1 = X @ W1 + b1",
    "    A1 = np.maximum(0, Z1)",
    "    Z2 = A1 @ W2 + b2",
    "    A2 = 1 / (1 + np.exp(-Z2))",
    "    cache = (Z1, A1, Z2, A2)",
    "    return A2, cache",
    "",
    "def backward_propagation(X, Y, parameters, cache):",
    "    m = X.shape[0]",
    "    (Z1, A1, Z2, A2) = cache",
    "    W2 = parameters['W2']",
    "    grads = {}",
    "    dZ2 = A2 - Y",
    "    grads['dW2'] = A1.T @ dZ2 / m",
    "    grads['db2'] = np.sum(dZ2, axis=0, keepdims=True) / m",
    "    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)",
    "    grads['dW1'] = X.T @ dZ1 / m",
    "    grads['db1'] = np.sum(dZ1, axis=0, keepdims=True) / m",
    "    return grads",
    "",
    "parameters = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}",
    "A2, cache = forward_propagation(X, parameters)",
    "grads = backward_propagation(X, Y, parameters, cache)",
)
C(M, "W1", N, J(SK, "dW1 = grads['dW1']"), oracle=W1R, style="skeleton-cache-tuple-W1")
C(M, "b1", N, J(SK, "db1 = grads['db1']"), oracle=B1R, style="skeleton-cache-tuple-b1")
C(M, "W2", N, J(SK, "dW2 = grads['dW2']"), oracle=W2R, style="skeleton-cache-tuple-W2")
C(M, "b2", N, J(SK, "db2 = grads['db2']"), oracle=B2R, style="skeleton-cache-tuple-b2")
C(M, "W1", N, J(SK.replace("    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)", "    dZ1 = (dZ2 @ W2.T) * (A1 > 0)"), "dW1 = grads['dW1']"), oracle=W1R, style="skeleton-mask-on-A1")
C(M, "W1", N, J(SK.replace("    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)", "    dZ1 = (dZ2 @ W2.T) * (1 - np.power(A1, 2))"), "dW1 = grads['dW1']"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="skeleton-tanh-slope-for-relu")
C(M, "W1", N, J(SK.replace("    (Z1, A1, Z2, A2) = cache", "    (A1, Z1, A2, Z2) = cache"), "dW1 = grads['dW1']"), "*", oracle=None, style="skeleton-cache-unpacked-out-of-order", note="A1 read as Z1 and Z2 as A2: dZ2 = Z2 - Y")
C(M, "W2", N, J(SK.replace("    grads['dW2'] = A1.T @ dZ2 / m", "    grads['dW2'] = A1.T @ dZ2"), "dW2 = grads['dW2']"), "scale-factor", oracle=f"{W2R} * m", style="skeleton-W2-no-mean")
C(M, "W1", N, J(SK.replace("    m = X.shape[0]", "    m = X.shape[1]"), "dW1 = grads['dW1']"), "*", oracle=None, style="skeleton-m-from-columns", note="X.shape[1] is n_in: / n_in for / m (equal at the example, where n_in = m)")
C(MW, "W2", N, J(SK.replace("    dZ2 = A2 - Y", "    dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)"), "dW2 = grads['dW2']"), oracle=WW2, style="skeleton-weighted-W2")
C(MW, "W1", N, J(SK.replace("    dZ2 = A2 - Y", "    dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)"), "dW1 = grads['dW1']"), oracle=WW1, style="skeleton-weighted-W1")
C(MW, "W2", N, J(SK, "dW2 = grads['dW2']"), "*", oracle=W2R, style="skeleton-weighted-weight-forgotten")
C(MW, "W2", N, J(SK.replace("    dZ2 = A2 - Y", "    dZ2 = (1 - Y) * A2 - Y * (1 - A2) * w"), "dW2 = grads['dW2']"), oracle=WW2, style="skeleton-weighted-w-last")
C(MW, "W2", N, J(SK.replace("    dZ2 = A2 - Y", "    dZ2 = w * (1 - Y) * A2 - Y * (1 - A2)"), "dW2 = grads['dW2']"), "*", oracle="A1.T @ (w * (1 - Y) * A2 - Y * (1 - A2)) / m", style="skeleton-weighted-w-on-negatives")

# ================================================================ 吴恩达 course notes in Chinese (row-major, comments in Chinese)
C(M, "W2", N, J("# 输出层误差：dZ2 = A2 - Y", "dZ2 = A2 - Y", "# 对 W2 求导，除以样本数 m", "dW2 = np.dot(A1.T, dZ2) / m"), lang=Z, oracle=W2R, style="zh-ng-notes-W2")
C(M, "W1", N, J("# 反向传播到隐藏层，ReLU 的导数是 Z1 > 0", "dZ2 = A2 - Y", "dZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)", "dW1 = np.dot(X.T, dZ1) / m"), lang=Z, oracle=W1R, style="zh-ng-notes-W1")
C(M, "W1", N, J("# 隐藏层：忘了乘 ReLU 的导数", "dZ2 = A2 - Y", "dZ1 = np.dot(dZ2, W2.T)", "dW1 = np.dot(X.T, dZ1) / m"), "missing-activation-derivative", lang=Z, oracle=NOMASK_W1, style="zh-ng-notes-W1-no-mask")
C(M, "b2", N, J("# 偏置的梯度：按样本求和再取平均", "db2 = np.sum(A2 - Y, axis=0, keepdims=True) / m"), lang=Z, oracle=B2R, style="zh-ng-notes-b2")
C(M, "b2", N, J("# 偏置的梯度", "db2 = np.sum(A2 - Y, axis=1, keepdims=True) / m"), "*", lang=Z, oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="zh-ng-notes-b2-axis1")
C(M, "W2", N, J("# 符号写反了", "dZ2 = Y - A2", "dW2 = np.dot(A1.T, dZ2) / m"), "sign", lang=Z, oracle=f"-{W2R}", style="zh-ng-notes-W2-sign")
C(T, "W1", N, J("# 两层网络，sigmoid 隐藏层", "delta2 = y_pred - y_target", "delta1 = np.dot(delta2, W2.T) * h * (1 - h)", "dW1 = np.dot(X.T, delta1)"), lang=Z, oracle=TW1, style="zh-ng-notes-tiny-W1")
C(T, "W1", N, J("# sigmoid 的导数误写成 h_raw * (1 - h_raw)", "delta2 = y_pred - y_target", "delta1 = np.dot(delta2, W2.T) * h_raw * (1 - h_raw)", "dW1 = np.dot(X.T, delta1)"), "wrong-activation-derivative", lang=Z, oracle="X.T @ ((y_pred - y_target) @ W2.T * h_raw * (1 - h_raw))", style="zh-ng-notes-tiny-slope-of-input")
C(S, "W", N, J("# softmax 回归：交叉熵对 W 的梯度", "dW = np.dot(X.T, P - Y) / m"), lang=Z, oracle=SW, style="zh-ng-notes-softmax-W")
C(R2, "W_h", N, J("# 时间反向传播（BPTT），两步", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = np.dot(dz2, W_h.T) * (1 - h_1 ** 2)", "dW_h = np.dot(h_1.T, dz2) + np.dot(h_0.T, dz1)"), lang=Z, oracle=RWH, style="zh-ng-notes-rnn-Wh")
C(R2, "W_h", N, J("# 只算了最后一步", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h = np.dot(h_1.T, dz2)"), "*", lang=Z, oracle=f"h_1.T @ {R2_D2}", style="zh-ng-notes-rnn-Wh-last-step-only")

# ================================================================ PaddlePaddle (飞桨), Chinese comments
C(M, "W2", N, J("import paddle", "# 输出层", "dZ2 = A2 - Y", "dW2 = paddle.matmul(A1, dZ2, transpose_x=True) / m"), lang=Z, oracle=W2R, style="zh-paddle-matmul-transpose-x-W2")
C(M, "W1", N, J("import paddle", "dZ2 = A2 - Y", "dZ1 = paddle.matmul(dZ2, W2, transpose_y=True) * (Z1 > 0).astype('float64')", "dW1 = paddle.matmul(X, dZ1, transpose_x=True) / m"), lang=Z, oracle=W1R, style="zh-paddle-astype-mask-W1")
C(M, "b1", N, J("import paddle", "dZ1 = paddle.matmul(A2 - Y, paddle.t(W2)) * (Z1 > 0)", "db1 = paddle.sum(dZ1, axis=0, keepdim=True) / m"), lang=Z, oracle=B1R, style="zh-paddle-t-sum-b1")
C(M, "W1", N, J("import paddle", "# 这里把 ReLU 的导数写成了 sigmoid 的", "dZ1 = paddle.matmul(A2 - Y, paddle.t(W2)) * A1 * (1 - A1)", "dW1 = paddle.matmul(paddle.t(X), dZ1) / m"), "wrong-activation-derivative", lang=Z, oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="zh-paddle-sigmoid-slope-for-relu")
C(M, "W2", N, J("import paddle", "dW2 = paddle.matmul(paddle.t(A1), A2 - Y).numpy() / m"), lang=Z, oracle=W2R, style="zh-paddle-numpy-W2")
C(S, "W", N, J("import paddle.nn.functional as F", "# softmax 交叉熵", "P = F.softmax(paddle.matmul(X, W) + b, axis=1)", "dW = paddle.matmul(X, P - Y, transpose_x=True) / m"), lang=Z, oracle=SW, style="zh-paddle-softmax-W")
C(S, "W", N, J("import paddle.nn.functional as F", "P = F.softmax(paddle.matmul(X, W) + b, axis=1)", "dW = paddle.matmul(X, Y - P, transpose_x=True) / m"), "sign", lang=Z, oracle=f"-{SW}", style="zh-paddle-softmax-W-sign")
C(M, "W2", N, J("import paddle", "loss.backward()", "dW2 = W2.grad  # 用飞桨自动求导"), REFUSE, lang=Z, style="zh-paddle-autograd")

# ================================================================ other built-ins in this round's styles
C(CH, "w", N, J("ctx = types.SimpleNamespace(saved_tensors=(x,))", "grad_v = 2 * v", "dw = grad_v * ctx.saved_tensors[0]"), oracle="2 * v * x", style="ctx-namespace-chain-w")
C(CH, "b", N, J("grad_v = np.multiply(2, v)", "db = grad_v"), oracle="2 * v", style="matlab-like-chain-b")
C(CH, "w", N, J("grad_v = np.multiply(2, v)", "dw = np.multiply(grad_v, w)"), "*", oracle="2 * v * w", style="matlab-like-chain-w-own-value")
C(CH, "x", N, J("grad_v = np.multiply(2, v)", "dx = -np.multiply(grad_v, w)"), "sign", oracle="-2 * v * w", style="matlab-like-chain-x-sign")
C(E, "w", N, J("from mxnet import nd", "delta = (O - t) * O * (1 - O)", "dw = nd.dot(delta, x)"), oracle=EW, style="mxnet-neuron-w")
C(E, "w", N, J("delta = (O - t) * O * (1 - O)", "dw = paddle.matmul(delta, x) * 0.5"), "scale-factor", oracle=f"{EW} / 2", style="paddle-neuron-w-halved")
C(B, "gamma", N, J("# autograder skeleton: cache = (Z_hat, gamma, var, eps)", "cache = (Z_hat, gamma, var, eps)", "Z_hat_, gamma_, var_, eps_ = cache", "dY = 2 * (Y - T) / (m * n)", "dgamma = np.sum(dY * Z_hat_, axis=0, keepdims=True)"), oracle=BGM, style="skeleton-batchnorm-gamma")
C(B, "beta", N, J("dY = np.divide(np.multiply(2, np.subtract(Y, T)), m * n)", "dbeta = np.sum(dY, axis=0, keepdims=True)"), oracle=BBT, style="matlab-like-batchnorm-beta")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.sum(dY * Z, axis=0, keepdims=True)"), "*", oracle=f"np.sum({BN_DY} * Z, axis=0, keepdims=True)", style="batchnorm-gamma-uses-Z")
C(B, "W", N, J("dY = 2 * (Y - T) / (m * n)", "dZ_hat = dY * gamma", "dZ = (m * dZ_hat - dZ_hat.sum(0, keepdims=True) - Z_hat * (dZ_hat * Z_hat).sum(0, keepdims=True)) / (m * np.sqrt(var + eps))", "dW = crossprod(X, dZ)", "", "def crossprod(a, b):", "    return a.T @ b"), REFUSE, style="r-port-helper-defined-after-use")
C(B, "W", N, J("def crossprod(a, b):", "    return a.T @ b", "", "dY = 2 * (Y - T) / (m * n)", "dZ_hat = dY * gamma", "dZ = (m * dZ_hat - dZ_hat.sum(0, keepdims=True) - Z_hat * (dZ_hat * Z_hat).sum(0, keepdims=True)) / (m * np.sqrt(var + eps))", "dW = crossprod(X, dZ)"), oracle=BNW, style="r-port-batchnorm-W")
C(A, "W_v", N, J("from mxnet import nd", "dO = 2 * (O - T) / (n * d)", "dV = nd.dot(A, dO, transpose_a=True)", "dW_v = nd.dot(X, dV, transpose_a=True)"), oracle=AWV, style="mxnet-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.dot(A, dO)", "dW_v = np.dot(X.T, dV)"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="matlab-like-attention-A-not-transposed")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = paddle.matmul(A, dO, transpose_x=True)", "dW_v = paddle.matmul(X, dV, transpose_x=True)"), oracle=AWV, style="paddle-attention-Wv")
C(R2, "W_x", N, J("import chainer.functions as F", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = F.matmul(dz2, W_h, transb=True) * (1 - h_1 ** 2)", "dW_x = F.matmul(x_2, dz2, transa=True) + F.matmul(x_1, dz1, transa=True)"), oracle=RWX, style="chainer-rnn-Wx")
C(R2, "b", N, J("dz2 = np.multiply(h_2 - y, 1 - np.power(h_2, 2))", "dz1 = np.multiply(np.dot(dz2, W_h.T), 1 - np.power(h_1, 2))", "db = np.sum(dz2 + dz1, axis=0, keepdims=True)"), oracle=RB, style="matlab-like-rnn-b")
C(R2, "b", N, J("dz2 = np.multiply(h_2 - y, 1 - np.power(h_2, 2))", "dz1 = np.multiply(np.dot(dz2, W_h), 1 - np.power(h_1, 2))", "db = np.sum(dz2 + dz1, axis=0, keepdims=True)"), "*", oracle=f"np.sum({R2_D2} + ({R2_D2} @ W_h * (1 - h_1 ** 2)), axis=0, keepdims=True)", style="matlab-like-rnn-b-Wh-not-transposed")
C(R, "w1", N, J("grad_y_pred = np.multiply(2.0, np.subtract(y_pred, y))", "grad_h = np.multiply(np.dot(grad_y_pred, np.transpose(w2)), np.greater(h, 0))", "grad_w1 = np.dot(np.transpose(x), grad_h)"), oracle=RW1, style="matlab-like-relu-mlp-w1")
C(R, "w1", N, J("grad_y_pred = np.multiply(2.0, np.subtract(y_pred, y))", "grad_h = np.multiply(np.dot(grad_y_pred, np.transpose(w2)), np.greater(h, 0))", "grad_w1 = np.dot(np.transpose(x), grad_h) / n"), "scale-factor", oracle=f"{RW1} / n", style="matlab-like-relu-mlp-w1-mean")
C(R, "w2", N, J("import chainer.functions as F", "grad_w2 = F.matmul(h_relu, 2 * (y_pred - y), transa=True).array"), oracle=RW2, style="chainer-relu-mlp-w2")
C(R, "w1", N, J("import paddle", "grad_h = paddle.matmul(2 * (y_pred - y), w2, transpose_y=True)", "grad_h = paddle.where(h > 0, grad_h, paddle.zeros_like(grad_h))", "grad_w1 = paddle.matmul(x, grad_h, transpose_x=True)"), oracle=RW1, style="paddle-where-relu-mlp-w1")
C(R, "w1", N, J("import paddle", "grad_h = paddle.matmul(2 * (y_pred - y), w2, transpose_y=True)", "grad_h = paddle.where(h > 0, paddle.zeros_like(grad_h), grad_h)", "grad_w1 = paddle.matmul(x, grad_h, transpose_x=True)"), "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h <= 0))", style="paddle-where-relu-mlp-w1-swapped")

# ================================================================ lecturer networks
# ---- SELU written out with its constants (hn34): an L1 head
SE_DOUT = "(np.sign(out - y) / n)"
SE_SL = "(scale * np.where(z > 0, 1.0, alpha * np.exp(z)))"
SE_DZ = f"({SE_DOUT} @ W2.T * {SE_SL})"
C(SE, "W2", N, "dW2 = a.T @ (np.sign(out - y) / n)", oracle=f"a.T @ {SE_DOUT}", style="selu-consts-W2")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "da = dout @ W2.T", "dz = da * scale * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW1 = x.T @ dz"), oracle=f"x.T @ {SE_DZ}", style="selu-consts-W1-names")
C(SE, "b1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * np.where(z > 0, scale, scale * alpha * np.exp(z))", "db1 = dz.sum(axis=0)"), oracle=f"{SE_DZ}.sum(axis=0)", style="selu-consts-b1-where-scale")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * np.where(z > 0, scale, a + scale * alpha)", "dW1 = x.T @ dz"), oracle=f"x.T @ {SE_DZ}", style="selu-consts-W1-from-output", note="below 0, a = scale·alpha·(e^z − 1), so scale·alpha·e^z = a + scale·alpha")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW1 = x.T @ dz"), "*", oracle=f"x.T @ ({SE_DOUT} @ W2.T * np.where(z > 0, 1.0, alpha * np.exp(z)))", style="selu-consts-W1-scale-forgotten")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * scale * np.where(z > 0, 1.0, np.exp(z))", "dW1 = x.T @ dz"), "*", oracle=f"x.T @ ({SE_DOUT} @ W2.T * scale * np.where(z > 0, 1.0, np.exp(z)))", style="selu-consts-W1-alpha-forgotten")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * scale * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW1 = x.T @ dz * n"), "scale-factor", oracle=f"x.T @ {SE_DZ} * n", style="selu-consts-W1-times-n")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * 1.0507 * np.where(z > 0, 1.0, 1.6733 * np.exp(z))", "dW1 = x.T @ dz"), "*", oracle="x.T @ ((np.sign(out - y) / n) @ W2.T * 1.0507 * np.where(z > 0, 1.0, 1.6733 * np.exp(z)))", style="selu-consts-W1-rounded-decimals", note="the spec names the constants alpha and scale: a number for a [constants] name is right only for that value (README); the message must name the constants")
C(SE, "W1", N, J("# 把 SELU 的常数写成了小数", "dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * np.where(z > 0, 1.0507, 1.7581 * np.exp(z))", "dW1 = x.T @ dz"), "*", lang=Z, oracle="x.T @ ((np.sign(out - y) / n) @ W2.T * np.where(z > 0, 1.0507, 1.7581 * np.exp(z)))", style="zh-selu-consts-W1-product-rounded", note="1.7581 ≈ scale·alpha (1.7580993…): a number for the constants, right only for these values")
C(SE, "W1", N, J("dout = (out - y) / n", "dz = (dout @ W2.T) * scale * np.where(z > 0, 1.0, alpha * np.exp(z))", "dW1 = x.T @ dz"), "*", oracle=f"x.T @ ((out - y) / n @ W2.T * {SE_SL})", style="selu-consts-W1-mse-habit")
C(SE, "W1", N, J("dout = np.sign(out - y) / n", "dz = (dout @ W2.T) * scale * np.where(z > 0, 1.0, alpha * np.exp(z) - 1)", "dW1 = x.T @ dz"), "*", oracle=f"x.T @ ({SE_DOUT} @ W2.T * scale * np.where(z > 0, 1.0, alpha * np.exp(z) - 1))", style="selu-consts-W1-minus-one-kept")
# ---- GELU (tanh) + Huber(delta=0.5)
TH_U = "(x @ W1 + b1)"
TH_IN = f"(np.sqrt(2 / np.pi) * ({TH_U} + 0.044715 * {TH_U} ** 3))"
TH_SL = f"(0.5 * (1 + np.tanh({TH_IN})) + 0.5 * {TH_U} * (1 - np.tanh({TH_IN}) ** 2) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * {TH_U} ** 2))"
TH_DP = "(np.clip(pred - y, -0.5, 0.5) / n)"
TH_W1 = f"x.T @ ({TH_DP} @ w2.T * {TH_SL})"
TH_SLOPE = J("u = x @ W1 + b1", "k = {k}", "t = np.tanh(k * (u + 0.044715 * u ** 3))", "slope = 0.5 * (1 + t) + 0.5 * u * (1 - t ** 2) * k * (1 + {c3} * u ** 2)")
C(TH, "w2", N, J("r = pred - y", "dpred = np.where(np.abs(r) <= 0.5, r, 0.5 * np.sign(r)) / n", "dw2 = a.T @ dpred"), oracle=f"a.T @ {TH_DP}", style="gelu-huber-w2-where")
C(TH, "w2", N, J("dpred = np.clip(pred - y, -0.5, 0.5) / n", "dw2 = a.T @ dpred"), oracle=f"a.T @ {TH_DP}", style="gelu-huber-w2-clip")
C(TH, "w2", N, J("dpred = (pred - y) / n", "dw2 = a.T @ dpred"), "*", oracle="a.T @ ((pred - y) / n)", style="gelu-huber-w2-mse-slope")
C(TH, "w2", N, J("dpred = np.clip(pred - y, -1.0, 1.0) / n", "dw2 = a.T @ dpred"), "*", oracle="a.T @ (np.clip(pred - y, -1.0, 1.0) / n)", style="gelu-huber-w2-delta-one")
C(TH, "W1", N, J(TH_SLOPE.format(k="np.sqrt(2 / np.pi)", c3="3 * 0.044715"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), oracle=TH_W1, style="gelu-huber-W1-sqrt")
C(TH, "W1", N, J(TH_SLOPE.format(k="np.sqrt(2 / np.pi)", c3="0.134145"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), oracle=TH_W1, style="gelu-huber-W1-exact-product-constant")
C(TH, "W1", N, J(TH_SLOPE.format(k="0.7979", c3="0.134145"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), oracle=None, style="gelu-huber-W1-k-rounded-4", note=ROUNDED)
C(TH, "W1", N, J(TH_SLOPE.format(k="0.7978845608", c3="3 * 0.044715"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), oracle=None, style="gelu-huber-W1-k-rounded-10", note=ROUNDED)
C(TH, "W1", N, J("# GELU 的 tanh 近似，常数 0.79788 是 sqrt(2/pi)", TH_SLOPE.format(k="0.79788", c3="3 * 0.044715"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), lang=Z, oracle=None, style="zh-gelu-huber-W1-k-rounded-5", note=ROUNDED)
C(TH, "W1", N, J(TH_SLOPE.format(k="0.8", c3="3 * 0.044715"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), "*", oracle=TH_W1.replace("np.sqrt(2 / np.pi)", "0.8"), style="gelu-huber-W1-k-one-digit")
C(TH, "W1", N, J(TH_SLOPE.format(k="0.7979", c3="0.0447"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), "*", oracle=None, style="gelu-huber-W1-cubic-factor-not-tripled", note="0.0447 (≈ c, three digits) where 3c = 0.134145 belongs: wrong whatever the rounding")
C(TH, "W1", N, J("u = x @ W1 + b1", "t = np.tanh(np.sqrt(2 / np.pi) * (u + 0.044715 * u ** 3))", "slope = 0.5 * (1 + t)", "dpred = np.clip(pred - y, -0.5, 0.5) / n", "dW1 = x.T @ ((dpred @ w2.T) * slope)"), "*", oracle=f"x.T @ ({TH_DP} @ w2.T * 0.5 * (1 + np.tanh({TH_IN})))", style="gelu-huber-W1-product-rule-half")
C(TH, "b1", N, J(TH_SLOPE.format(k="np.sqrt(2 / np.pi)", c3="3 * 0.044715"), "dpred = np.clip(pred - y, -0.5, 0.5) / n", "db1 = ((dpred @ w2.T) * slope).sum(0)"), oracle=f"({TH_DP} @ w2.T * {TH_SL}).sum(0)", style="gelu-huber-b1")
# ---- exact GELU, L1 head
GD_U = "(x @ W)"
GD_SL = f"(0.5 * (1 + np.vectorize(__import__('math').erf)({GD_U} / np.sqrt(2))) + {GD_U} * np.exp(-{GD_U} ** 2 / 2) / np.sqrt(2 * np.pi))"
GD_DO = "(np.sign(a @ v - y) / n)"
GD_W = f"x.T @ ({GD_DO} @ v.T * {GD_SL})"
C(GD, "v", N, "dv = a.T @ (np.sign(a @ v - y) / n)", oracle=f"a.T @ {GD_DO}", style="gelu-exact-v")
C(GD, "W", N, J("from scipy.special import erf", "u = x @ W", "cdf = 0.5 * (1 + erf(u / np.sqrt(2)))", "pdf = np.exp(-u ** 2 / 2) / np.sqrt(2 * np.pi)", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * (cdf + u * pdf))"), oracle=GD_W, style="gelu-exact-W-erf")
C(GD, "W", N, J("from scipy.stats import norm", "u = x @ W", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * (norm.cdf(u) + u * norm.pdf(u)))"), oracle=GD_W, style="gelu-exact-W-norm")
C(GD, "W", N, J("from scipy.special import erf", "u = x @ W", "cdf = 0.5 * (1 + erf(u / 1.4142))", "pdf = 0.3989 * np.exp(-u ** 2 / 2)", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * (cdf + u * pdf))"), oracle=None, style="gelu-exact-W-rounded-4", note=ROUNDED)
C(GD, "W", N, J("from scipy.special import erf", "u = x @ W", "cdf = 0.5 * (1 + erf(u * 0.70710678))", "pdf = 0.39894228 * np.exp(-0.5 * u ** 2)", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * (cdf + u * pdf))"), oracle=None, style="gelu-exact-W-rounded-8", note=ROUNDED)
C(GD, "W", N, J("from scipy.special import erf", "u = x @ W", "cdf = 0.5 * (1 + erf(u / 1.41))", "pdf = 0.4 * np.exp(-u ** 2 / 2)", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * (cdf + u * pdf))"), "*", oracle=None, style="gelu-exact-W-rounded-too-few", note="1.41 and 0.4: three and one significant digits — not read as constants")
C(GD, "W", N, J("from scipy.special import erf", "u = x @ W", "cdf = 0.5 * (1 + erf(u / np.sqrt(2)))", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * cdf)"), "*", oracle=f"x.T @ ({GD_DO} @ v.T * 0.5 * (1 + np.vectorize(__import__('math').erf)({GD_U} / np.sqrt(2))))", style="gelu-exact-W-cdf-only")
C(GD, "W", N, J("# 精确 GELU 的导数用了 tanh 近似", "u = x @ W", "t = np.tanh(np.sqrt(2 / np.pi) * (u + 0.044715 * u ** 3))", "slope = 0.5 * (1 + t) + 0.5 * u * (1 - t ** 2) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * u ** 2)", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * slope)"), "*", lang=Z, oracle=None, style="zh-gelu-exact-W-tanh-slope", note="the tanh form's slope differs from the exact one by ~1e-4")
C(GD, "W", N, J("u = x @ W", "dW = x.T @ ((np.sign(a @ v - y)) @ v.T * (norm.cdf(u) + u * norm.pdf(u)))"), "*", oracle=f"x.T @ (np.sign(a @ v - y) @ v.T * {GD_SL})", style="gelu-exact-W-no-mean")
# ---- CELU -> hardswish -> MSE
CL_U = "(A1 @ W2)"
CL_HS = f"np.where({CL_U} < -3, 0.0, np.where({CL_U} > 3, 1.0, (2 * {CL_U} + 3) / 6))"
CL_DO = "(2 * (out - Y) / m)"
CL_DU = f"({CL_DO} @ w3.T * {CL_HS})"
CL_W1 = f"X.T @ ({CL_DU} @ W2.T * np.where(X @ W1 > 0, 1.0, np.exp(X @ W1)))"
C(CL, "w3", N, "dw3 = A2.T @ (2 * (out - Y) / m)", oracle=f"A2.T @ {CL_DO}", style="celu-hs-w3")
C(CL, "W2", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "hs_slope = np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) / 6))", "dW2 = A1.T @ ((dout @ w3.T) * hs_slope)"), oracle=f"A1.T @ {CL_DU}", style="celu-hs-W2")
C(CL, "W2", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "hs_slope = np.clip(U / 3 + 0.5, 0, 1)", "dW2 = A1.T @ ((dout @ w3.T) * hs_slope)"), "*", oracle=None, style="celu-hs-W2-clip-form", note="the slope (2U + 3)/6 = U/3 + 1/2 runs from −1/2 to 3/2 on (−3, 3); clipped to [0, 1] it is wrong for |U| > 1.5 (right only where every U lies inside)")
C(CL, "W2", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "hs_slope = np.where(np.abs(U) <= 3, U / 6 + 0.5, (U > 3) * 1.0)", "dW2 = A1.T @ ((dout @ w3.T) * hs_slope)"), "*", oracle=f"A1.T @ ({CL_DO} @ w3.T * np.where(np.abs({CL_U}) <= 3, {CL_U} / 6 + 0.5, ({CL_U} > 3) * 1.0))", style="celu-hs-W2-hardsigmoid-slope")
C(CL, "W1", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "dU = (dout @ w3.T) * np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) / 6))", "Z1 = X @ W1", "dW1 = X.T @ ((dU @ W2.T) * np.where(Z1 > 0, 1.0, np.exp(Z1)))"), oracle=CL_W1, style="celu-hs-W1")
C(CL, "W1", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "dU = (dout @ w3.T) * np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) / 6))", "Z1 = X @ W1", "dW1 = X.T @ ((dU @ W2.T) * np.where(Z1 > 0, 1.0, A1 + 1))"), oracle=CL_W1, style="celu-hs-W1-from-output")
C(CL, "W1", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "dU = (dout @ w3.T) * np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) / 6))", "Z1 = X @ W1", "dW1 = X.T @ ((dU @ W2.T) * np.exp(Z1))"), "*", oracle=f"X.T @ ({CL_DU} @ W2.T * np.exp(X @ W1))", style="celu-hs-W1-exp-everywhere")
C(CL, "W1", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "dU = (dout @ w3.T) * np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) / 6))", "Z1 = X @ W1", "dW1 = X.T @ ((dU @ W2.T) * (Z1 > 0))"), "*", oracle=f"X.T @ ({CL_DU} @ W2.T * (X @ W1 > 0))", style="celu-hs-W1-relu-mask")
C(CL, "W2", N, J("dout = 2 * (out - Y) / m", "U = A1 @ W2", "hs_slope = np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) * 0.1667))", "dW2 = A1.T @ ((dout @ w3.T) * hs_slope)"), oracle=None, style="celu-hs-W2-sixth-rounded", note=ROUNDED + " (1/6 ≈ 0.1667)")
C(CL, "W2", N, J("# 硬 swish 的导数，均方误差忘了乘 2", "dout = (out - Y) / m", "U = A1 @ W2", "hs_slope = np.where(U < -3, 0.0, np.where(U > 3, 1.0, (2 * U + 3) / 6))", "dW2 = A1.T @ ((dout @ w3.T) * hs_slope)"), "scale-factor", lang=Z, oracle=f"A1.T @ {CL_DU} / 2", style="zh-celu-hs-W2-no-two")
# ---- ELU alpha = 0.5 at a kink
EK_DO = "(2 * (a @ v - y) / 2)"
EK_W = f"X.T @ ({EK_DO} @ v.T * np.where(z > 0, 1.0, 0.5 * np.exp(z)))"
C(EK, "v", N, "dv = a.T @ (2 * (a @ v - y) / 2)", oracle=f"a.T @ {EK_DO}", style="elu-kink-v")
C(EK, "v", N, "dv = a.T @ (a @ v - y)", oracle=f"a.T @ {EK_DO}", style="elu-kink-v-two-cancelled")
C(EK, "W", N, J("dout = 2 * (a @ v - y) / y.shape[0]", "dz = (dout @ v.T) * np.where(z > 0, 1.0, 0.5 * np.exp(z))", "dW = X.T @ dz"), oracle=EK_W, style="elu-kink-W-where-gt")
C(EK, "W", N, J("dout = 2 * (a @ v - y) / y.shape[0]", "dz = (dout @ v.T) * np.where(z > 0, 1.0, a + 0.5)", "dW = X.T @ dz"), oracle=EK_W, style="elu-kink-W-from-output")
C(EK, "W", N, J("dout = 2 * (a @ v - y) / y.shape[0]", "dz = (dout @ v.T) * np.where(z >= 0, 1.0, 0.5 * np.exp(z))", "dW = X.T @ dz"), "*", oracle=f"X.T @ ({EK_DO} @ v.T * np.where(z >= 0, 1.0, 0.5 * np.exp(z)))", style="elu-kink-W-ge-at-zero", note="z = 0 at an entry: PyTorch's slope there is alpha = 0.5, not 1")
C(EK, "W", N, J("dout = 2 * (a @ v - y) / y.shape[0]", "dz = (dout @ v.T) * np.where(z > 0, 1.0, np.exp(z))", "dW = X.T @ dz"), "*", oracle=f"X.T @ ({EK_DO} @ v.T * np.where(z > 0, 1.0, np.exp(z)))", style="elu-kink-W-alpha-one")
C(EK, "b", N, J("dout = 2 * (a @ v - y) / y.shape[0]", "db = ((dout @ v.T) * np.where(z > 0, 1.0, 0.5 * np.exp(z))).sum(axis=0)"), oracle=f"({EK_DO} @ v.T * np.where(z > 0, 1.0, 0.5 * np.exp(z))).sum(axis=0)", style="elu-kink-b")
C(EK, "W", N, J("dout = 2 * (a @ v - y) / y.shape[0]", "dz = (dout @ v.T) * np.where(z > 0, 1.0, a)", "dW = X.T @ dz"), "*", oracle=f"X.T @ ({EK_DO} @ v.T * np.where(z > 0, 1.0, a))", style="elu-kink-W-output-for-slope")
# ---- exact GELU MLP, cross-entropy with label smoothing 0.1 and an L2 term 5e-4 (PyTorch layout: W stored (out, in))
LS_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
LS_Q = "(0.9 * np.eye(C)[target.astype(int)] + 0.1 / C)"
LS_D = f"(({LS_P} - {LS_Q}) / B)"
LS_U = "(x @ W1.T + b1)"
LS_SL = f"(0.5 * (1 + np.vectorize(__import__('math').erf)({LS_U} / np.sqrt(2))) + {LS_U} * np.exp(-{LS_U} ** 2 / 2) / np.sqrt(2 * np.pi))"
LS_W2 = f"{LS_D}.T @ h + 1e-3 * W2"
LS_W1 = f"({LS_D} @ W2 * {LS_SL}).T @ x + 1e-3 * W1"
LS_HEAD = J("p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "q = 0.9 * np.eye(C)[target] + 0.1 / C", "dlogits = (p - q) / B")
C(LS, "W2", N, J(LS_HEAD, "dW2 = dlogits.T @ h + 2 * 5e-4 * W2"), oracle=LS_W2, style="ls-wd-W2")
C(LS, "W2", N, J(LS_HEAD, "dW2 = dlogits.T @ h + 1e-3 * W2"), oracle=LS_W2, style="ls-wd-W2-folded-constant")
C(LS, "b2", N, J(LS_HEAD, "db2 = dlogits.sum(axis=0)"), oracle=f"{LS_D}.sum(axis=0)", style="ls-wd-b2")
C(LS, "W2", N, J(LS_HEAD, "dW2 = dlogits.T @ h + 5e-4 * W2"), "*", oracle=f"{LS_D}.T @ h + 5e-4 * W2", style="ls-wd-W2-penalty-halved")
C(LS, "W2", N, J(LS_HEAD.replace("q = 0.9 * np.eye(C)[target] + 0.1 / C", "q = np.eye(C)[target]"), "dW2 = dlogits.T @ h + 1e-3 * W2"), "*", oracle=f"(({LS_P} - np.eye(C)[target.astype(int)]) / B).T @ h + 1e-3 * W2", style="ls-wd-W2-smoothing-forgotten")
C(LS, "W2", N, J(LS_HEAD.replace("q = 0.9 * np.eye(C)[target] + 0.1 / C", "q = 0.9 * np.eye(C)[target] + 0.1 / (C - 1) * (1 - np.eye(C)[target])"), "dW2 = dlogits.T @ h + 1e-3 * W2"), "*", oracle=f"(({LS_P} - 0.9 * np.eye(C)[target.astype(int)] - 0.05 * (1 - np.eye(C)[target.astype(int)])) / B).T @ h + 1e-3 * W2", style="ls-wd-W2-smoothing-off-target-only")
C(LS, "W2", N, J(LS_HEAD, "dW2 = h.T @ dlogits + 1e-3 * W2.T"), "*", oracle=None, style="ls-wd-W2-row-major-habit", note="(H, C) where W2 is stored (C, H)")
C(LS, "W1", N, J("from scipy.stats import norm", LS_HEAD, "u = x @ W1.T + b1", "dh = dlogits @ W2", "dW1 = (dh * (norm.cdf(u) + u * norm.pdf(u))).T @ x + 1e-3 * W1"), oracle=LS_W1, style="ls-wd-W1-norm")
C(LS, "W1", N, J("# GELU 的导数：Φ(u) + u·φ(u)，φ 的系数 1/sqrt(2π) 抄成 0.3989", "from scipy.special import erf", LS_HEAD, "u = x @ W1.T + b1", "dh = dlogits @ W2", "dW1 = (dh * (0.5 * (1 + erf(u / np.sqrt(2))) + 0.3989 * u * np.exp(-u ** 2 / 2))).T @ x + 1e-3 * W1"), lang=Z, oracle=None, style="zh-ls-wd-W1-pdf-rounded", note=ROUNDED)
C(LS, "W1", N, J(LS_HEAD, "u = x @ W1.T + b1", "dh = dlogits @ W2", "dW1 = (dh * (u > 0)).T @ x + 1e-3 * W1"), "*", oracle=f"({LS_D} @ W2 * ({LS_U} > 0)).T @ x + 1e-3 * W1", style="ls-wd-W1-relu-slope-for-gelu")
# ---- GLU gated MLP with torch.addmm
GL_A = "(X @ W1 + b1)[:, :h]"
GL_S = "sigmoid((X @ W1 + b1)[:, h:])"
GL_DO = "(2 * (out - Y) / N)"
GL_DG = f"({GL_DO} @ W2.T)"
GL_DZ = f"np.concatenate([{GL_DG} * {GL_S}, {GL_DG} * {GL_A} * {GL_S} * (1 - {GL_S})], axis=1)"
GL_HEAD = J("dout = 2 * (out - Y) / N", "dg = dout @ W2.T", "a, b = z[:, :h], z[:, h:]", "s = 1 / (1 + np.exp(-b))")
C(GL, "W2", N, J("dout = 2 * (out - Y) / N", "dW2 = g.T @ dout"), oracle=f"g.T @ {GL_DO}", style="glu-W2")
C(GL, "W2", N, J("dout = 2 * (out - Y)", "dW2 = g.T @ dout"), "scale-factor", oracle=f"g.T @ {GL_DO} * N", style="glu-W2-no-mean")
C(GL, "W1", N, J(GL_HEAD, "dz = np.concatenate([dg * s, dg * a * s * (1 - s)], axis=1)", "dW1 = X.T @ dz"), oracle=f"X.T @ {GL_DZ}", style="glu-W1-concatenate")
C(GL, "W1", N, J(GL_HEAD, "dz = np.hstack([dg * s, dg * a * s * (1 - s)])", "dW1 = X.T @ dz"), oracle=f"X.T @ {GL_DZ}", style="glu-W1-hstack")
C(GL, "b1", N, J(GL_HEAD, "dz = np.concatenate([dg * s, dg * a * s * (1 - s)], axis=1)", "db1 = dz.sum(axis=0)"), oracle=f"{GL_DZ}.sum(axis=0)", style="glu-b1")
C(GL, "W1", N, J(GL_HEAD, "dz = np.concatenate([dg * s, dg * a], axis=1)", "dW1 = X.T @ dz"), "*", oracle=f"X.T @ np.concatenate([{GL_DG} * {GL_S}, {GL_DG} * {GL_A}], axis=1)", style="glu-W1-gate-slope-forgotten")
C(GL, "W1", N, J(GL_HEAD, "dz = np.concatenate([dg * a * s * (1 - s), dg * s], axis=1)", "dW1 = X.T @ dz"), "*", oracle=f"X.T @ np.concatenate([{GL_DG} * {GL_A} * {GL_S} * (1 - {GL_S}), {GL_DG} * {GL_S}], axis=1)", style="glu-W1-halves-swapped")
C(GL, "W1", N, J("# 门控线性单元：两半的梯度拼接", GL_HEAD, "dz = np.concatenate([dg * s, dg * a * s * (1 - s)], axis=1)", "dW1 = X.T @ dz"), lang=Z, oracle=f"X.T @ {GL_DZ}", style="zh-glu-W1")
# ---- Li Hongyi HW1 COVID MLP (F.linear: W stored (out, in)), Chinese notes
LH_D = "(2 * (pred - y) / B)"
LH_DZ2 = f"({LH_D}[:, None] @ W3 * (a2 > 0))"
LH_DZ1 = f"({LH_DZ2} @ W2 * (a1 > 0))"
C(LH, "W3", N, J("# F.linear 的权重是 (out, in)：dW3 = dpred^T a2", "dpred = 2 * (pred - y) / B", "dW3 = dpred[None, :] @ a2"), lang=Z, oracle=f"{LH_D}[None, :] @ a2", style="zh-lhy-hw1-W3")
C(LH, "W2", N, J("# 第二层", "dpred = 2 * (pred - y) / B", "dz2 = (dpred[:, None] @ W3) * (a2 > 0)", "dW2 = dz2.T @ a1"), lang=Z, oracle=f"{LH_DZ2}.T @ a1", style="zh-lhy-hw1-W2")
C(LH, "W1", N, J("# 第一层", "dpred = 2 * (pred - y) / B", "dz2 = (dpred[:, None] @ W3) * (a2 > 0)", "dz1 = (dz2 @ W2) * (a1 > 0)", "dW1 = dz1.T @ x"), lang=Z, oracle=f"{LH_DZ1}.T @ x", style="zh-lhy-hw1-W1")
C(LH, "b1", N, J("dpred = 2 * (pred - y) / B", "dz2 = (dpred[:, None] @ W3) * (a2 > 0)", "dz1 = (dz2 @ W2) * (a1 > 0)", "db1 = dz1.sum(0)"), lang=Z, oracle=f"{LH_DZ1}.sum(0)", style="zh-lhy-hw1-b1")
C(LH, "W2", N, J("# 按 x @ W 的习惯写成了 a1^T dz2", "dpred = 2 * (pred - y) / B", "dz2 = (dpred[:, None] @ W3) * (a2 > 0)", "dW2 = a1.T @ dz2"), "*", lang=Z, oracle=f"a1.T @ {LH_DZ2}", style="zh-lhy-hw1-W2-row-major-habit")
C(LH, "W2", N, J("# 忘了 ReLU", "dpred = 2 * (pred - y) / B", "dz2 = dpred[:, None] @ W3", "dW2 = dz2.T @ a1"), "missing-activation-derivative", lang=Z, oracle=f"({LH_D}[:, None] @ W3).T @ a1", style="zh-lhy-hw1-W2-no-mask")
C(LH, "W3", N, J("# 均方误差求导忘了除以批量大小", "dpred = 2 * (pred - y)", "dW3 = dpred[None, :] @ a2"), "scale-factor", lang=Z, oracle=f"{LH_D}[None, :] @ a2 * B", style="zh-lhy-hw1-W3-no-mean")
C(LH, "W1", N, J("dpred = 2 * (pred - y) / B", "dz2 = (dpred[:, None] @ W3) * (a2 > 0)", "dz1 = (dz2 @ W2.T) * (a1 > 0)", "dW1 = dz1.T @ x"), "*", lang=Z, oracle=None, style="zh-lhy-hw1-W1-W2-transposed-shapes", note="(B, h2) @ (h1, h2): h2 = 8, h1 = 16 — the shapes do not chain")
# ---- highway layer, jnp.where leaky slope 0.1 (JAX)
HW_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
HW_D = f"(({HW_P} - np.eye(2)[y.astype(int)]) / n)"
HW_DY = f"({HW_D} @ W_o.T)"
HW_WH = f"x.T @ ({HW_DY} * T * np.where(z > 0, 1.0, 0.1))"
HW_WT = f"x.T @ ({HW_DY} * (Hx - x) * T * (1 - T))"
HW_HEAD = J("p = jax.nn.softmax(logits)", "dlogits = (p - jax.nn.one_hot(y, 2)) / n", "dy = dlogits @ W_o.T")
C(HW, "W_o", N, J("p = jax.nn.softmax(logits)", "dlogits = (p - jax.nn.one_hot(y, 2)) / n", "dW_o = y_hw.T @ dlogits"), oracle=f"y_hw.T @ {HW_D}", style="jax-highway-Wo")
C(HW, "W_H", N, J(HW_HEAD, "dz = dy * T * jnp.where(z > 0, 1.0, 0.1)", "dW_H = x.T @ dz"), oracle=HW_WH, style="jax-highway-WH")
C(HW, "W_T", N, J(HW_HEAD, "dgate = dy * (Hx - x) * T * (1 - T)", "dW_T = x.T @ dgate"), oracle=HW_WT, style="jax-highway-WT")
C(HW, "W_H", N, J(HW_HEAD, "dz = dy * T * jnp.where(z > 0, 1.0, 0.01)", "dW_H = x.T @ dz"), "*", oracle=f"x.T @ ({HW_DY} * T * np.where(z > 0, 1.0, 0.01))", style="jax-highway-WH-default-leaky-slope")
C(HW, "W_T", N, J(HW_HEAD, "dgate = dy * Hx * T * (1 - T)", "dW_T = x.T @ dgate"), "*", oracle=f"x.T @ ({HW_DY} * Hx * T * (1 - T))", style="jax-highway-WT-carry-forgotten")
C(HW, "W_H", N, J(HW_HEAD, "dz = dy * jnp.where(z > 0, 1.0, 0.1)", "dW_H = x.T @ dz"), "*", oracle=f"x.T @ ({HW_DY} * np.where(z > 0, 1.0, 0.1))", style="jax-highway-WH-gate-forgotten")
C(HW, "b_T", N, J(HW_HEAD, "db_T = (dy * (Hx - x) * T * (1 - T)).sum(0)"), oracle=f"({HW_DY} * (Hx - x) * T * (1 - T)).sum(0)", style="jax-highway-bT")
# ---- JAX ridge softmax regression, Greek names
JR_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
JR_T = f"X.T @ ({JR_P} - Y) / n + 2 * lam * theta"
C(JR, "theta", N, J("p = jax.nn.softmax(logits, axis=1)", "g_theta = X.T @ (p - Y) / n + 2 * lam * theta"), oracle=JR_T, style="jax-ridge-theta")
C(JR, "b", N, J("p = jax.nn.softmax(logits, axis=1)", "g_b = jnp.mean(p - Y, axis=0)"), oracle=f"np.mean({JR_P} - Y, axis=0)", style="jax-ridge-b")
C(JR, "theta", N, J("p = jax.nn.softmax(logits, axis=1)", "g_theta = X.T @ (p - Y) / n + lam * theta"), "*", oracle=f"X.T @ ({JR_P} - Y) / n + lam * theta", style="jax-ridge-theta-penalty-halved")
C(JR, "theta", N, J("p = jax.nn.softmax(logits, axis=1)", "g_theta = X.T @ (p - Y) / n + 0.02 * theta"), "*", oracle=None, style="jax-ridge-theta-2lam-literal", note="0.02 for 2·lam: right only for this value of lam")
C(JR, "theta", N, J("# 岭回归项求导得 2λθ", "p = jax.nn.softmax(logits, axis=1)", "g_theta = jnp.dot(X.T, p - Y) / X.shape[0] + 2 * lam * theta"), lang=Z, oracle=JR_T, style="zh-jax-ridge-theta")
C(JR, "theta", N, J("p = jax.nn.softmax(logits, axis=1)", "g_theta = X.T @ (p - Y) + 2 * lam * theta"), "*", oracle=f"X.T @ ({JR_P} - Y) + 2 * lam * theta", style="jax-ridge-theta-no-mean")
# ---- UvA tutorial 9 autoencoder (exact GELU encoder, tanh decoder, loss summed over pixels)
UV_D = "(2 * (x_hat - x) / B)"
UV_DX = f"({UV_D} * (1 - x_hat ** 2))"
UV_U = "(x @ enc_w + enc_b)"
UV_SL = f"(0.5 * (1 + np.vectorize(__import__('math').erf)({UV_U} / np.sqrt(2))) + {UV_U} * np.exp(-{UV_U} ** 2 / 2) / np.sqrt(2 * np.pi))"
C(UV, "dec_w", N, J("d_xhat = 2 * (x_hat - x) / B", "d_pre = d_xhat * (1 - x_hat ** 2)", "g_dec_w = z.T @ d_pre"), oracle=f"z.T @ {UV_DX}", style="uva-ae-dec-w")
C(UV, "dec_w", N, J("d_xhat = 2 * (x_hat - x) / (B * pixels)", "d_pre = d_xhat * (1 - x_hat ** 2)", "g_dec_w = z.T @ d_pre"), "scale-factor", oracle=f"z.T @ {UV_DX} / pixels", style="uva-ae-dec-w-mean-over-pixels")
C(UV, "enc_w", N, J("from scipy.special import erf", "u = x @ enc_w + enc_b", "d_pre = 2 * (x_hat - x) / B * (1 - x_hat ** 2)", "dz = d_pre @ dec_w.T", "g_enc_w = x.T @ (dz * (0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u ** 2 / 2) / np.sqrt(2 * np.pi)))"), oracle=f"x.T @ ({UV_DX} @ dec_w.T * {UV_SL})", style="uva-ae-enc-w")
C(UV, "enc_w", N, J("from scipy.special import erf", "u = x @ enc_w + enc_b", "d_pre = 2 * (x_hat - x) / B * (1 - x_hat ** 2)", "dz = d_pre @ dec_w.T", "g_enc_w = x.T @ (dz * (0.5 * (1 + erf(0.7071 * u)) + 0.3989 * u * np.exp(-u ** 2 / 2)))"), oracle=None, style="uva-ae-enc-w-rounded", note=ROUNDED)
C(UV, "enc_w", N, J("d_pre = 2 * (x_hat - x) / B * (1 - x_hat ** 2)", "dz = d_pre @ dec_w.T", "g_enc_w = x.T @ dz"), "*", oracle=f"x.T @ ({UV_DX} @ dec_w.T)", style="uva-ae-enc-w-gelu-slope-forgotten")
C(UV, "dec_b", N, J("d_pre = 2 * (x_hat - x) / B * (1 - x_hat ** 2)", "g_dec_b = d_pre.sum(dim=0)"), oracle=f"{UV_DX}.sum(axis=0)", style="uva-ae-dec-b-torch-dim")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c40-000, … as written; cases that happen to repeat corpora 2-39 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus40", "c40", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
