"""The held-out-style corpus of issue 11, forty-ninth round: CODE only, in spellings the earlier
corpora hold rarely or never in these forms — ``torch.func.grad``/``vjp`` helpers (refused: autograd
called) beside hand-written closures that return their own backward, ``jax.vjp`` closures (refused),
NumPy stride tricks (``sliding_window_view``, ``as_strided``) and ``torch.Tensor.unfold`` for a
convolution's backward, ``scipy.signal.correlate2d``/``convolve2d`` on multi-channel convolutions
(channels split by name and indexed as ``X[0, 1]``), ``np.tensordot`` with axes pairs as lists,
CuPy imported as ``np``/``xp``, ``numba`` ``@njit`` decorated helpers, class-based ``Layer.backward``
methods with ``self.cache``, ``logging`` lines and f-strings, the walrus, ``match``, lambda helpers,
``functools.reduce`` chains, list comprehensions over examples stacked with ``np.stack``, and
``typing.NamedTuple`` caches — and students' classic mistakes on them (1/m missing, a transpose,
the wrong layer's input, a wrong size name equal at the example sizes, the mask of the wrong
tensor, the factor 2, the label form, the sign, a simplification right for 0/1 labels only, a
constant written as its number, a channel-sum slip in a multi-channel convolution (the wrong
channel axis summed, a channel forgotten), a pooled shape slip), on the built-ins and six lecturer
networks no corpus had used (hn48_*, hn48s_*: three multi-channel convolutions (one pooled), CPO's
loss, NALU and a two-step MGU).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck49"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in PyTorch
(tests/spelled_oracle.py; a channel of a convolution's kernel named ``W01`` is ``W[0, 1]``).
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


PC = _spec("hn48s_numpy_per_channel_cn")
TP = _spec("hn48s_torch_conv2d_three_in_two_out_cn")
PL = _spec("hn48s_torch_conv2d_two_channel_pool")
CP = _spec("hn48_cpo_loss_trl")
NA = _spec("hn48_nalu_arith_unit_cn")
MG = _spec("hn48_mgu_two_steps_numpy_cn")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816


T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): corpus 48's, and its script helper J
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402
from corpus22 import R2_D1, R2_D2  # noqa: E402
from corpus48 import AWV, BBETA, BG, DZ1, RB, RWH, RWX, WB2, WW1, WW2, J  # noqa: E402

# ---- course oracles (NumPy over the spec's own tensors, tests/corpus_common.course_oracle_ok)
SIG = "(1 / (1 + np.exp(-{})))"


def COR(x: str, d: str, k: int = 3) -> str:  # noqa: N802  (k: the side of d, the window)
    """correlate2d(x, d, "valid") for a k × k d (the window), in NumPy's own stride trick."""
    return f"np.einsum('ijpq,pq->ij', np.lib.stride_tricks.sliding_window_view({x}, ({k}, {k})), {d})"


PC_DZ = "((A - Y) * (Z > 0))"
PC_K0, PC_K1, PC_B = COR("X[0]", PC_DZ), COR("X[1]", PC_DZ), f"np.sum({PC_DZ})"


def TP_DZ(o: int) -> str:  # noqa: N802
    return f"(2 * (A[0, {o}] - Y[0, {o}]) / 18 * (1 - A[0, {o}] ** 2))"


def TP_W(o: int, c: int) -> str:  # noqa: N802
    return COR(f"X[0, {c}]", TP_DZ(o))


PL_UP = "np.kron({}, np.ones((2, 2)))"
PL_DZ = f"({PL_UP.format('2 * (P - Y) / 4')} * (A == {PL_UP.format('P')}) * (Z > 0))"
PL_K = [COR(f"X[0, {c}]", PL_DZ, 4) for c in (0, 1)]
PL_B = f"np.sum({PL_DZ})"
CP_G = ("(-beta * (1 - label_smoothing) * (1 / (1 + np.exp(beta * logits))) "
        "+ beta * label_smoothing * (1 / (1 + np.exp(-beta * logits))))")
CP_SC, CP_SR = "(1 / (1 + np.exp(xc @ W)))", "(1 / (1 + np.exp(xr @ W)))"
CP_W = f"(xc.T @ ({CP_G} * {CP_SC}) - xr.T @ ({CP_G} * {CP_SR}) - cpo_alpha * xc.T @ {CP_SC}) / N"
NA_DY = "(2 * (y_hat - y) / (N * k))"
NA_G = f"x.T @ ({NA_DY} * (a - m) * g * (1 - g))"
NA_DW = f"(x.T @ ({NA_DY} * g) + np.log(np.abs(x) + eps).T @ ({NA_DY} * (1 - g) * m))"
NA_WH = f"{NA_DW} * (1 - np.tanh(W_hat) ** 2) * (1 / (1 + np.exp(-M_hat)))"
NA_MH = f"{NA_DW} * np.tanh(W_hat) * (1 / (1 + np.exp(-M_hat))) * (1 - 1 / (1 + np.exp(-M_hat)))"
MG_P = "(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))"
MG_WO = f"h2.T @ ({MG_P} * y.sum(axis=1, keepdims=True) - y) / N"

TH = "import torch"
CU = "import cupy as cp"
NB = "from numba import njit"
NT = "from typing import NamedTuple"
LG = "import logging"
SS = "from scipy import signal"
SW_ = "from numpy.lib.stride_tricks import sliding_window_view"

# ================================================================ torch.func / jax.vjp: autograd called (refused) and hand-written closures
C(M, "W2", N, J(TH, "from torch.func import grad", "dW2 = grad(lambda W: bce(sigmoid(A1 @ W + b2), Y))(W2)"), REFUSE, style="torch-func-grad-W2-refused",
  note="torch.func.grad computes the gradient: nothing derived by hand")
C(M, "W1", N, J(TH, "from torch.func import vjp", "_, back = vjp(lambda W: X @ W + b1, W1)", "dW1 = back(((A2 - Y) @ W2.T * (Z1 > 0)) / m)[0]"), REFUSE, style="torch-func-vjp-W1-refused")
C(S, "W", N, J("import jax", "_, pullback = jax.vjp(lambda W: X @ W + b, W)", "dW, = pullback((P - Y) / m)"), REFUSE, style="jax-vjp-softmax-W-refused")
C(T, "W2", N, J("import jax", "dW2 = jax.vjp(lambda W: h @ W, W2)[1](y_pred - y_target)[0]"), REFUSE, style="jax-vjp-index-tiny-W2-refused")
C(M, "W2", N, J("def linear_vjp(x, W):", "    return lambda g: x.T @ g", "vjp_W2 = linear_vjp(A1, W2)", "dW2 = vjp_W2(A2 - Y) / m"), oracle=W2R, style="closure-vjp-by-hand-W2")
C(M, "W2", N, J("def linear_vjp(x, W):", "    return lambda g: x.T @ g", "vjp_W2 = linear_vjp(X, W2)", "dW2 = vjp_W2(A2 - Y) / m"), "*", oracle=None, style="closure-vjp-by-hand-W2-X",
  note="X (m x n_in) where A1 belongs: n_in = n_h, the shapes agree")
C(M, "W1", N, J("relu_vjp = lambda z: (lambda g: g * (z > 0))", "dZ1 = relu_vjp(Z1)((A2 - Y) @ W2.T)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="closure-relu-vjp-W1")
C(M, "W1", N, J("relu_vjp = lambda z: (lambda g: g * (z > 0))", "dZ1 = relu_vjp(A2)((A2 - Y) @ W2.T)", "dW1 = X.T @ dZ1 / m"), "*", oracle=None, style="closure-relu-vjp-W1-mask-A2",
  note="the mask of A2 (a sigmoid output, always > 0) in place of Z1's")
C(E, "w", N, J("sig_vjp = lambda o: lambda g: g * o * (1 - o)", "dw = sig_vjp(O)(O - t) * x"), oracle=EW, style="closure-sigmoid-vjp-neuron-w")
C(E, "w", N, J("sig_vjp = lambda o: lambda g: g * o * (1 - o)", "dw = sig_vjp(O)(t - O) * x"), "sign", oracle=f"-{EW}", style="closure-sigmoid-vjp-neuron-w-sign")

# ================================================================ np.tensordot with axes pairs as lists / nested tuples
C(M, "W2", N, J("dW2 = np.tensordot(A1, A2 - Y, axes=[[0], [0]]) / m"), oracle=W2R, style="tensordot-list-pairs-W2")
C(M, "W2", N, J("dW2 = np.tensordot(A1, A2 - Y, axes=[[0], [0]])"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="tensordot-list-pairs-W2-no-mean")
C(M, "W1", N, J("dZ1 = np.tensordot(A2 - Y, W2, axes=((1,), (1,))) * (Z1 > 0)", "dW1 = np.tensordot(X, dZ1, axes=((0,), (0,))) / m"), oracle=W1R, style="tensordot-tuple-pairs-W1")
C(M, "W1", N, J("dZ1 = np.tensordot(A2 - Y, W2, axes=((1,), (1,))) * (Z1 > 0)", "dW1 = np.tensordot(dZ1, X, axes=((0,), (0,))) / m"), "*", oracle=None, style="tensordot-tuple-pairs-W1-transposed",
  note="dZ1ᵀ X is n_h x n_in where n_in x n_h belongs (square: equal sizes)")
C(S, "W", N, J("dW = np.tensordot(X, P - Y, axes=[0, 0]) / m"), oracle=SW, style="tensordot-flat-list-softmax-W")
C(S, "W", N, J("dW = np.tensordot(X, Y - P, axes=[0, 0]) / m"), "sign", oracle=f"-{SW}", style="tensordot-flat-list-softmax-W-sign")
C(R, "w2", N, J("dw2 = np.tensordot(h_relu, 2 * (y_pred - y), axes=([0], [0]))"), oracle=RW2, style="tensordot-relu-mlp-w2")
C(R, "w2", N, J("dw2 = np.tensordot(h, 2 * (y_pred - y), axes=([0], [0]))"), "*", oracle="2 * h.T @ (y_pred - y)", style="tensordot-relu-mlp-w2-pre-relu",
  note="h (pre-ReLU) where h_relu belongs: the wrong layer's tensor")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = np.tensordot(X, np.tensordot(A, dO, axes=[[0], [0]]), axes=[[0], [0]])"), oracle=AWV, style="tensordot-nested-attention-Wv")
C(B, "beta", N, J("dbeta = np.tensordot(np.ones(m), 2 * (Y - T) / (m * n), axes=([0], [0]))[None, :]"), oracle=BBETA, style="tensordot-ones-bn-beta")

# ================================================================ CuPy as a NumPy alias
C(M, "W2", N, J("import cupy as np", "dW2 = np.dot(A1.T, A2 - Y) / m"), oracle=W2R, style="cupy-as-np-W2")
C(M, "b1", N, J(CU, "dZ1 = cp.dot(A2 - Y, W2.T) * (Z1 > 0)", "db1 = cp.mean(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="cupy-cp-b1")
C(M, "b1", N, J(CU, "dZ1 = cp.dot(A2 - Y, W2.T) * (Z1 > 0)", "db1 = cp.sum(dZ1, axis=0, keepdims=True)"), "scale-factor", oracle=f"{B1R} * m", style="cupy-cp-b1-no-mean")
C(S, "b", N, J(CU, "xp = cp", "db = xp.mean(P - Y, axis=0, keepdims=True)"), oracle=SB, style="cupy-xp-alias-softmax-b")
C(S, "W", N, J(CU, "xp = cp.get_array_module(X)", "dW = xp.matmul(X.T, P - Y) / m"), oracle=SW, style="cupy-get-array-module-softmax-W")
C(T, "W1", N, J("import cupy as cp", "# 把数据搬到 GPU 上算", "dh = cp.multiply((y_pred - y_target) @ W2.T, h * (1 - h))", "dW1 = cp.matmul(X.T, dh)"), oracle=TW1, style="zh-cupy-tiny-W1", lang=Z)
C(T, "W1", N, J("import cupy as cp", "# 把数据搬到 GPU 上算", "dh = cp.multiply((y_pred - y_target) @ W2.T, h)", "dW1 = cp.matmul(X.T, dh)"), "*", oracle="X.T @ ((y_pred - y_target) @ W2.T * h)", style="zh-cupy-tiny-W1-half-slope", lang=Z)
C(R2, "W_x", N, J(CU, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = cp.dot(dz2, W_h.T) * (1 - h_1 ** 2)", "dW_x = cp.dot(x_2.T, dz2) + cp.dot(x_1.T, dz1)"), oracle=RWX, style="cupy-rnn-Wx")

# ================================================================ numba @njit helpers
C(M, "W2", N, J(NB, "@njit", "def lin_back(a, dz, m):", "    return a.T @ dz / m", "dW2 = lin_back(A1, A2 - Y, m)"), oracle=W2R, style="njit-helper-W2")
C(M, "W2", N, J(NB, "@njit(cache=True)", "def lin_back(a, dz, m):", "    return a.T @ dz / m", "dW2 = lin_back(A1, A2 - Y, n_h)"), "*", oracle=None, style="njit-cache-helper-W2-size-n_h",
  note="n_h for the batch size m (equal at the example sizes)")
C(M, "W1", N, J("import numba", "@numba.njit", "def relu_back(g, z):", "    return g * (z > 0)", "dW1 = X.T @ relu_back((A2 - Y) @ W2.T, Z1) / m"), oracle=W1R, style="numba-njit-relu-W1")
C(M, "W1", N, J("import numba", "@numba.njit", "def relu_back(g, z):", "    return g * (z > 0)", "dW1 = X.T @ relu_back((A2 - Y) @ W2.T, Z1)"), "scale-factor", oracle=f"{W1R} * m", style="numba-njit-relu-W1-no-mean")
C(E, "w", N, J(NB, "@njit(fastmath=True)", "def dsig(o):", "    return o * (1 - o)", "dw = (O - t) * dsig(O) * x"), oracle=EW, style="njit-fastmath-neuron-w")
C(CH, "w", N, J(NB, "@njit", "def dloss(v):", "    return 2 * v", "dw = dloss(v) * x"), oracle="2 * v * x", style="njit-chain-w")
C(CH, "w", N, J(NB, "@njit", "def dloss(v):", "    return v", "dw = dloss(v) * x"), "scale-factor", oracle="v * x", style="njit-chain-w-no-2")

# ================================================================ class-based layers with self.cache
DENSE = ("class Dense:", "    def __init__(self, W):", "        self.W = W", "    def forward(self, x):", "        self.cache = x",
         "        return x @ self.W", "    def backward(self, dout):", "        x = self.cache", "        self.dW = x.T @ dout",
         "        return dout @ self.W.T")
C(M, "W2", N, J(*DENSE, "fc2 = Dense(W2)", "fc2.forward(A1)", "fc2.backward((A2 - Y) / m)", "dW2 = fc2.dW"), oracle=W2R, style="class-dense-cache-W2")
C(M, "W2", N, J(*DENSE, "fc2 = Dense(W2)", "fc2.forward(X)", "fc2.backward((A2 - Y) / m)", "dW2 = fc2.dW"), "*", oracle=None, style="class-dense-cache-W2-X",
  note="the layer's cache is X (the first layer's input) where A1 belongs")
C(M, "W2", N, J(*DENSE, "fc2 = Dense(W2)", "fc2.forward(A1)", "fc2.backward(A2 - Y)", "dW2 = fc2.dW"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="class-dense-cache-W2-no-mean")
RELU = ("class ReLU:", "    def forward(self, z):", "        self.mask = z > 0", "        return z * self.mask", "    def backward(self, dout):",
        "        return dout * self.mask")
C(M, "W1", N, J(*RELU, "act = ReLU()", "act.forward(Z1)", "dZ1 = act.backward((A2 - Y) @ W2.T)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="class-relu-mask-W1")
C(M, "W1", N, J(*RELU, "act = ReLU()", "act.forward(Z1)", "dZ1 = act.backward((A2 - Y) @ W2.T)", "dW1 = X.T @ dZ1 / n_in"), "*", oracle=None, style="class-relu-mask-W1-size-n_in",
  note="n_in for the batch size m")
SIGL = ("class Sigmoid:", "    def __init__(self):", "        self.cache = None", "    def forward(self, z):", "        self.cache = 1 / (1 + np.exp(-z))",
        "        return self.cache", "    def backward(self, dout):", "        s = self.cache", "        return dout * s * (1 - s)")
C(T, "W1", N, J(*SIGL, "sg = Sigmoid()", "h = sg.forward(h_raw)", "dW1 = X.T @ sg.backward((y_pred - y_target) @ W2.T)"), oracle=TW1, style="class-sigmoid-cache-tiny-W1")
C(T, "W1", N, J(*SIGL, "sg = Sigmoid()", "h = sg.forward(h_raw)", "dW1 = X.T @ sg.backward((y_pred - y_target) * W2)"), "*", oracle=None, style="class-sigmoid-cache-tiny-W1-W2-untransposed",
  note="W2 (n_h x 1) times a column: a shape error or a wrong product")
C(E, "w", N, J("class Neuron:", "    def __init__(self, x, w):", "        self.cache = (x, w)", "    def backward(self, O, t):", "        x, w = self.cache",
               "        return (O - t) * O * (1 - O) * x", "dw = Neuron(x, w).backward(O, t)"), oracle=EW, style="class-neuron-tuple-cache-w")
C(E, "w", N, J("class Neuron:", "    def __init__(self, x, w):", "        self.cache = (x, w)", "    def backward(self, O, t):", "        x, w = self.cache",
               "        return (O - t) * O * (1 - O) * w", "dw = Neuron(x, w).backward(O, t)"), "*", oracle="(O - t) * O * (1 - O) * w", style="class-neuron-tuple-cache-w-times-w")
C(S, "W", N, J("class SoftmaxCE:", "    # 缓存前向的输入与概率", "    def __init__(self, X, P, Y):", "        self.cache = {'X': X, 'P': P, 'Y': Y}",
               "    def grad_W(self):", "        c = self.cache", "        return c['X'].T @ (c['P'] - c['Y']) / c['X'].shape[0]", "dW = SoftmaxCE(X, P, Y).grad_W()"),
  oracle=SW, style="zh-class-dict-cache-softmax-W", lang=Z)

# ================================================================ logging lines and f-strings
C(M, "W2", N, J(LG, "logging.basicConfig(level=logging.INFO)", "dZ2 = A2 - Y", "logging.info(f'dZ2 shape = {dZ2.shape}')", "dW2 = A1.T @ dZ2 / m",
                "logging.debug('dW2 = %s', dW2)"), oracle=W2R, style="logging-W2")
C(M, "W2", N, J(LG, "log = logging.getLogger(__name__)", "dZ2 = A2 - Y", "log.info(f'{dZ2.mean()=:.4f}')", "dW2 = A1.T @ dZ2"), "scale-factor", oracle="A1.T @ (A2 - Y)",
  style="logger-fstring-W2-no-mean")
C(M, "b2", N, J(LG, "db2 = np.mean(A2 - Y, axis=0, keepdims=True)", "logging.warning(f\"db2 = {db2!s}\")"), oracle=B2R, style="logging-warning-b2")
C(MW, "W2", N, J(LG, "logger = logging.getLogger('bp')", "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "logger.info('dZ2: %r', dZ2)", "dW2 = A1.T @ dZ2 / m"), oracle=WW2, style="logger-weighted-W2")
C(MW, "W2", N, J(LG, "logger = logging.getLogger('bp')", "dZ2 = (A2 - Y) * (w * Y + 1 - Y)", "logger.info('dZ2 (0/1 labels): %r', dZ2)", "dW2 = A1.T @ dZ2 / m"), "*",
  oracle=None, style="logger-weighted-W2-binary-only", note="(A2 − Y)(wY + 1 − Y) equals the gradient only for 0/1 labels")
C(R, "w1", N, J(LG, "dh = 2 * (y_pred - y) @ w2.T", "logging.info(f'{(h > 0).sum()} active units')", "dw1 = x.T @ (dh * (h > 0))"), oracle=RW1, style="logging-relu-mlp-w1")
C(R, "w1", N, J(LG, "dh = 2 * (y_pred - y) @ w2.T", "logging.info(f'{(h_relu > 0).sum()} active units')", "dw1 = x.T @ dh"), "missing-activation-derivative",
  oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="logging-relu-mlp-w1-no-mask")
C(B, "gamma", N, J(LG, "# 日志里记录一下 dY 的范数", "dY = 2 * (Y - T) / (m * n)", "logging.info('|dY| = %.3f', np.linalg.norm(dY))", "dgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)"),
  oracle=BG, style="zh-logging-bn-gamma", lang=Z)
C(B, "gamma", N, J(LG, "dY = 2 * (Y - T) / (m * n)", "logging.info('|dY| = %.3f', np.linalg.norm(dY))", "dgamma = np.sum(dY * Z, axis=0, keepdims=True)"), "*",
  oracle=None, style="logging-bn-gamma-Z-for-Z_hat", note="the raw Z where the normalised Z_hat belongs")

# ================================================================ the walrus, match, lambdas, reduce
C(M, "W1", N, J("dW1 = X.T @ ((dA1 := (A2 - Y) @ W2.T) * (Z1 > 0)) / m", "print(dA1.shape)"), oracle=W1R, style="walrus-dA1-W1")
C(M, "W1", N, J("dW1 = X.T @ ((dA1 := (A2 - Y) @ W2.T) * (A1 > 0)) / m"), oracle=W1R, style="walrus-dA1-W1-mask-A1",
  note="A1 = relu(Z1) > 0 exactly where Z1 > 0")
C(M, "W1", N, J("dW1 = X.T @ ((dA1 := (A2 - Y) @ W2.T) * (A2 > 0)) / m"), "*", oracle=None, style="walrus-dA1-W1-mask-A2")
C(S, "W", N, J("if (m_ := X.shape[0]) > 0:", "    dW = X.T @ (P - Y) / m_"), oracle=SW, style="walrus-if-softmax-W")
C(T, "W2", N, J("loss_kind = 'mse'", "match loss_kind:", "    case 'mse':", "        dy = y_pred - y_target", "    case 'mae':", "        dy = np.sign(y_pred - y_target)",
                "dW2 = h.T @ dy"), oracle=TW2, style="match-loss-kind-tiny-W2")
C(T, "W2", N, J("loss_kind = 'mse'", "match loss_kind:", "    case 'mse':", "        dy = 2 * (y_pred - y_target)", "    case _:", "        dy = y_pred - y_target",
                "dW2 = h.T @ dy"), "scale-factor", oracle=f"2 * {TW2}", style="match-loss-kind-tiny-W2-factor-2")
C(M, "b1", N, J("act = 'relu'", "match act:", "    case 'relu':", "        dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "    case 'tanh':", "        dZ1 = (A2 - Y) @ W2.T * (1 - A1 ** 2)",
                "db1 = dZ1.mean(axis=0, keepdims=True)"), oracle=B1R, style="match-act-b1")
C(M, "b1", N, J("act = 'tanh'", "match act:", "    case 'relu':", "        dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "    case 'tanh':", "        dZ1 = (A2 - Y) @ W2.T * (1 - A1 ** 2)",
                "db1 = dZ1.mean(axis=0, keepdims=True)"), "*", oracle="np.sum((A2 - Y) @ W2.T * (1 - A1 ** 2), axis=0, keepdims=True) / m", style="match-act-b1-tanh-branch")
C(E, "w", N, J("dsig = lambda o: o * (1 - o)", "err = lambda o, t: o - t", "dw = err(O, t) * dsig(O) * x"), oracle=EW, style="lambdas-neuron-w")
C(E, "w", N, J("dsig = lambda z: 1 / (1 + np.exp(-z)) * (1 - 1 / (1 + np.exp(-z)))", "dw = (O - t) * dsig(O) * x"), "*", oracle=None, style="lambdas-neuron-w-sigma-of-O",
  note="σ'(O) (σ of the output again) where σ'(z) = O(1 − O) belongs")
C(M, "W2", N, J("from functools import reduce", "dW2 = reduce(lambda acc, f: f(acc), [lambda a: a - Y, lambda d: A1.T @ d, lambda g: g / m], A2)"), oracle=W2R, style="reduce-pipeline-W2")
C(M, "W2", N, J("from functools import reduce", "dW2 = reduce(lambda acc, f: f(acc), [lambda a: a - Y, lambda d: A1.T @ d], A2)"), "scale-factor", oracle="A1.T @ (A2 - Y)",
  style="reduce-pipeline-W2-no-mean")
C(R2, "W_h", N, J("from functools import reduce", "import operator", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)",
                  "dW_h = reduce(operator.add, (hp.T @ d for hp, d in [(h_1, dz2), (h_0, dz1)]))"), oracle=RWH, style="reduce-generator-rnn-Wh")
C(R2, "W_h", N, J("from functools import reduce", "import operator", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)",
                  "dW_h = reduce(operator.add, (hp.T @ d for hp, d in [(h_1, dz2), (h_1, dz1)]))"), "*", oracle=f"h_1.T @ {R2_D2} + h_1.T @ {R2_D1}",
  style="reduce-generator-rnn-Wh-h1-twice")

# ================================================================ list comprehensions over examples, stacked
C(M, "W2", N, J("dW2 = np.stack([np.outer(A1[i], A2[i] - Y[i]) for i in range(2)]).mean(axis=0)"), "scale-factor", style="stack-outer-examples-W2",
  note="relabelled in round 50 (heldcheck50): range(K) for the batch size is right at the example's sizes only (issue 11 item 2)")
C(M, "W2", N, J("dW2 = np.stack([np.outer(A1[i], A2[i] - Y[i]) for i in range(2)]).sum(axis=0)"), "scale-factor", oracle="A1.T @ (A2 - Y)",
  style="stack-outer-examples-W2-sum")
C(M, "b2", N, J("db2 = np.stack([A2[i] - Y[i] for i in range(2)]).mean(axis=0, keepdims=True)"), "scale-factor", style="stack-rows-b2",
  note="relabelled in round 50 (heldcheck50): range(K) for the batch size is right at the example's sizes only (issue 11 item 2)")
C(S, "W", N, J("grads = [np.outer(X[i], P[i] - Y[i]) for i in range(3)]", "dW = np.stack(grads, axis=0).mean(axis=0)"), REFUSE, style="stack-outer-softmax-W",
  note="relabelled in round 50 (heldcheck50): range(K) runs past the batch's rows (NumPy's IndexError): refused, saying so")
C(S, "W", N, J("grads = [np.outer(X[i], P[i] - Y[i]) for i in range(3)]", "dW = np.stack(grads, axis=0).mean(axis=0).T"), REFUSE,
  style="stack-outer-softmax-W-transposed", note="relabelled in round 50 (heldcheck50): range(K) runs past the batch's rows (NumPy's IndexError): refused, saying so")
C(R, "w2", N, J("dw2 = sum(np.outer(h_relu[i], 2 * (y_pred[i] - y[i])) for i in range(2))"), "*", style="sum-outer-examples-relu-mlp-w2",
  note="relabelled in round 50 (heldcheck50): relu-mlp's batch is n = 3, range(2) sums two of its three examples: wrong at the example")

# ================================================================ typing.NamedTuple caches
CACHE = (NT, "class Cache(NamedTuple):", "    X: np.ndarray", "    Z1: np.ndarray", "    A1: np.ndarray", "    A2: np.ndarray")
C(M, "W1", N, J(*CACHE, "c = Cache(X, Z1, A1, A2)", "dZ1 = (c.A2 - Y) @ W2.T * (c.Z1 > 0)", "dW1 = c.X.T @ dZ1 / m"), oracle=W1R, style="namedtuple-cache-W1")
C(M, "W1", N, J(*CACHE, "c = Cache(X, Z1, A1, A2)", "dZ1 = (c.A2 - Y) @ W2.T * (c.Z1 > 0)", "dW1 = c.A1.T @ dZ1 / m"), "*", oracle=f"A1.T @ {DZ1} / m",
  style="namedtuple-cache-W1-A1")
C(M, "W1", N, J(*CACHE, "c = Cache(X=X, Z1=Z1, A1=A1, A2=A2)", "dZ1 = (c.A2 - Y) @ W2.T * (c.A1 > 0)", "dW1 = c.X.T @ dZ1 / m"), oracle=W1R, style="namedtuple-kw-cache-W1")
C(R2, "b", N, J(NT, "class Step(NamedTuple):", "    h: np.ndarray", "    h_prev: np.ndarray", "steps = [Step(h_2, h_1), Step(h_1, h_0)]",
                "dz2 = (steps[0].h - y) * (1 - steps[0].h ** 2)", "dz1 = dz2 @ W_h.T * (1 - steps[1].h ** 2)", "db = (dz2 + dz1).sum(axis=0, keepdims=True)"),
  oracle=RB, style="namedtuple-steps-rnn-b")
C(R2, "b", N, J(NT, "class Step(NamedTuple):", "    h: np.ndarray", "    h_prev: np.ndarray", "steps = [Step(h_2, h_1), Step(h_1, h_0)]",
                "dz2 = (steps[0].h - y) * (1 - steps[0].h ** 2)", "db = dz2.sum(axis=0, keepdims=True)"), "*", oracle=f"np.sum({R2_D2}, axis=0, keepdims=True)",
  style="namedtuple-steps-rnn-b-one-step", note="the first time step's term forgotten")

# ================================================================ more built-in mistakes in these spellings
C(MW, "W2", N, J("dZ2 = (1 - Y) * A2 - 3.0 * Y * (1 - A2)", "dW2 = np.tensordot(A1, dZ2, axes=[[0], [0]]) / m"), "*", oracle=None, style="tensordot-weighted-W2-w-as-number",
  note="the constant w written as its example value 3.0: right at the example's constants only")
C(MW, "b2", N, J(CU, "db2 = cp.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)"), oracle=WB2, style="cupy-weighted-b2")
C(MW, "b2", N, J(CU, "db2 = cp.mean(A2 - Y, axis=0, keepdims=True)"), "*", oracle=B2R, style="cupy-weighted-b2-unweighted",
  note="the plain BCE gradient: the class weight w forgotten")
C(MW, "W1", N, J(NB, "@njit", "def back(dz2, W2, Z1):", "    return dz2 @ W2.T * (Z1 > 0)", "dW1 = X.T @ back((1 - Y) * A2 - w * Y * (1 - A2), W2, Z1) / m"), oracle=WW1, style="njit-weighted-W1")
C(S, "b", N, J("db = np.stack([P[i] - Y[i] for i in range(3)]).mean(axis=0, keepdims=True)"), REFUSE, style="stack-softmax-b",
  note="relabelled in round 50 (heldcheck50): range(K) runs past the batch's rows (NumPy's IndexError): refused, saying so")
C(S, "b", N, J("labels = Y.argmax(axis=1)", "db = np.mean(P - labels[:, None], axis=0, keepdims=True)"), "*", oracle=None, style="softmax-b-class-index-column",
  note="the class index column subtracted where the one-hot rows belong")
C(T, "W2", N, J("dW2 = np.tensordot(h, y_pred - y_target, axes=[[0], [0]])"), oracle=TW2, style="tensordot-tiny-W2")
C(T, "W2", N, J("dW2 = np.tensordot(h, y_pred - y_target, axes=[[0], [0]]) / 2"), "*", oracle=f"{TW2} / 2", style="tensordot-tiny-W2-halved")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = A.T @ dO", "dW_v = np.tensordot(X, dV, axes=[[0], [0]])"), oracle=AWV, style="tensordot-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = A @ dO", "dW_v = np.tensordot(X, dV, axes=[[0], [0]])"), "*", oracle="X.T @ (A @ (2 * (O - T) / (n * d)))",
  style="tensordot-attention-Wv-A-untransposed")
C(B, "beta", N, J("dbeta = np.stack([2 * (Y[i] - T[i]) / (m * n) for i in range(4)]).sum(axis=0)[None, :]"), REFUSE, style="stack-bn-beta",
  note="relabelled in round 50 (heldcheck50): range(K) runs past the batch's rows (NumPy's IndexError): refused, saying so")
C(B, "beta", N, J("dbeta = np.stack([2 * (Y[i] - T[i]) / n for i in range(4)]).mean(axis=0)[None, :]"), REFUSE, style="stack-bn-beta-mean-of-rows",
  note="relabelled in round 50 (heldcheck50): range(K) runs past the batch's rows (NumPy's IndexError): refused, saying so")
C(B, "beta", N, J("dbeta = np.stack([2 * (Y[i] - T[i]) / n for i in range(4)]).sum(axis=0)[None, :]"), REFUSE,
  style="stack-bn-beta-no-row-mean", note="relabelled in round 50 (heldcheck50): range(K) runs past the batch's rows (NumPy's IndexError): refused, saying so")
C(CH, "b", N, J("from functools import reduce", "db = reduce(lambda a, b: a * b, [2, v])"), oracle="2 * v", style="reduce-product-chain-b")
C(CH, "b", N, J("from functools import reduce", "db = reduce(lambda a, b: a * b, [2, v, x])"), "*", oracle="2 * v * x", style="reduce-product-chain-b-times-x",
  note="∂v/∂w's x carried into ∂L/∂b")

# ================================================================ Chinese-context built-in cases
C(M, "W2", N, J("# 第二层：dZ2 = A2 - Y（sigmoid + BCE 约掉了）", "dW2 = np.tensordot(A1, A2 - Y, axes=[[0], [0]]) / m", "print(f'dW2 的形状：{dW2.shape}')"), oracle=W2R,
  style="zh-tensordot-W2", lang=Z)
C(M, "W2", N, J("# 第二层：dZ2 = A2 - Y", "dW2 = np.tensordot(A1, A2 - Y, axes=[[0], [0]]) / m ** 2"), "scale-factor", oracle="A1.T @ (A2 - Y) / m ** 2",
  style="zh-tensordot-W2-m-squared", lang=Z)
C(M, "W1", N, J("# 反向传播到第一层，ReLU 的导数是 Z1 > 0", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R,
  style="zh-plain-W1", lang=Z)
C(M, "W1", N, J("# 反向传播到第一层，ReLU 的导数是 Z1 > 0", "dZ1 = (A2 - Y) @ W2 * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), "*", oracle=None, style="zh-plain-W1-W2-untransposed",
  lang=Z, note="W2 (n_h x 1) untransposed: a shape error")
C(E, "w", N, J("# 单个神经元：先求误差再乘 sigmoid 的导数", "delta = (O - t) * O * (1 - O)", "logging.info(f'delta={delta}')", "dw = delta * x"), oracle=EW, style="zh-logging-neuron-w",
  lang=Z)
C(E, "w", N, J("# 单个神经元：先求误差再乘 sigmoid 的导数", "delta = (O - t) * O * (1 - O)", "dw = 2 * delta * x"), "scale-factor", oracle=f"2 * {EW}", style="zh-neuron-w-factor-2",
  lang=Z)
C(CH, "w", N, J("# 链式法则：dL/dv = 2v，dv/dw = x", "dw = (dv := 2 * v) * x"), oracle="2 * v * x", style="zh-walrus-chain-w", lang=Z)
C(CH, "w", N, J("# 链式法则：dL/dv = 2v，dv/dw = x", "dw = (dv := 2 * v) * w"), "*", oracle="2 * v * w", style="zh-walrus-chain-w-times-w", lang=Z)
C(R, "w2", N, J("# 损失是平方和，所以有因子 2", "dw2 = h_relu.T @ (2 * (y_pred - y))"), oracle=RW2, style="zh-relu-mlp-w2", lang=Z)
C(R, "w2", N, J("# 损失是平方和", "dw2 = h_relu.T @ (y_pred - y)"), "scale-factor", oracle=f"{RW2} / 2", style="zh-relu-mlp-w2-no-2", lang=Z)
C(S, "W", N, J("# 软标签 Y 也可以：只要每行和为 1", "dW = X.T @ (P - Y) / m"), oracle=SW, style="zh-softmax-W", lang=Z)
C(R2, "W_h", N, J("# 时间反向传播（BPTT），两步", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = h_1.T @ dz2 + h_0.T @ dz1"),
  oracle=RWH, style="zh-bptt-rnn-Wh", lang=Z)
C(R2, "W_h", N, J("# 时间反向传播（BPTT），只算了最后一步", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h = h_1.T @ dz2"), "*", oracle=f"h_1.T @ {R2_D2}",
  style="zh-bptt-rnn-Wh-last-step-only", lang=Z)

# ================================================================ more spellings: layer classes with a cache dict, match on tuples, numba loops
LIN = ("class Linear:", "    def __init__(self, W, b):", "        self.params = {'W': W, 'b': b}", "        self.cache = {}", "    def forward(self, x):",
       "        self.cache['x'] = x", "        return x @ self.params['W'] + self.params['b']", "    def backward(self, dout):",
       "        self.grads = {'W': self.cache['x'].T @ dout, 'b': dout.sum(axis=0, keepdims=True)}", "        return dout @ self.params['W'].T")
C(M, "b2", N, J(*LIN, "l2 = Linear(W2, b2)", "l2.forward(A1)", "l2.backward((A2 - Y) / m)", "db2 = l2.grads['b']"), oracle=B2R, style="class-linear-dict-b2")
C(M, "b2", N, J(*LIN, "l2 = Linear(W2, b2)", "l2.forward(A1)", "l2.backward(A2 - Y)", "db2 = l2.grads['b']"), "scale-factor", oracle=f"{B2R} * m", style="class-linear-dict-b2-no-mean")
C(M, "W1", N, J(*LIN, "l1 = Linear(W1, b1)", "l1.forward(X)", "l1.backward((A2 - Y) @ W2.T * (Z1 > 0) / m)", "dW1 = l1.grads['W']"), oracle=W1R, style="class-linear-dict-W1")
C(M, "W1", N, J(*LIN, "l1 = Linear(W1, b1)", "l1.forward(X)", "l1.backward((A2 - Y) @ W2.T * (Z2 > 0) / m)", "dW1 = l1.grads['W']"), "*", oracle=None,
  style="class-linear-dict-W1-mask-Z2", note="the mask of Z2 (the output layer's pre-activation, m x 1) where Z1's belongs")
C(R, "w1", N, J("match (h > 0).any(), 'sum':", "    case (_, 'sum'):", "        dy = 2 * (y_pred - y)", "    case _:", "        dy = 2 * (y_pred - y) / 2",
                "dw1 = x.T @ (dy @ w2.T * (h > 0))"), oracle=RW1, style="match-tuple-relu-mlp-w1")
C(R, "w1", N, J("reduction = 'mean'", "match reduction:", "    case 'sum':", "        dy = 2 * (y_pred - y)", "    case 'mean':", "        dy = 2 * (y_pred - y) / y.size",
                "dw1 = x.T @ (dy @ w2.T * (h > 0))"), "*", oracle=None, style="match-reduction-relu-mlp-w1-mean-branch",
  note="the mean branch taken: relu-mlp's loss is a sum (1/y.size too many)")
C(M, "W2", N, J(NB, "@njit", "def outer_sum(a, d):", "    out = np.zeros((a.shape[1], d.shape[1]))", "    for i in range(a.shape[0]):",
                "        out += np.outer(a[i], d[i])", "    return out", "dW2 = outer_sum(A1, A2 - Y) / m"), oracle=W2R, style="njit-loop-outer-W2")
C(M, "W2", N, J(NB, "@njit", "def outer_sum(a, d):", "    out = np.zeros((a.shape[1], d.shape[1]))", "    for i in range(a.shape[0]):",
                "        out += np.outer(a[i], d[i])", "    return out", "dW2 = outer_sum(A1, A2 - Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="njit-loop-outer-W2-no-mean")
C(T, "W1", N, J("from functools import reduce", "dW1 = reduce(np.matmul, [X.T, (y_pred - y_target) @ W2.T * h * (1 - h)])"), oracle=TW1, style="reduce-matmul-tiny-W1")
C(T, "W1", N, J("from functools import reduce", "dW1 = reduce(np.matmul, [X.T, (y_pred - y_target) @ W2.T * h])"), "*", oracle="X.T @ ((y_pred - y_target) @ W2.T * h)",
  style="reduce-matmul-tiny-W1-half-slope")
C(T, "W2", N, J(LG, "err = y_pred - y_target", "logging.info('err=%s', err)", "dW2 = h.T @ err"), oracle=TW2, style="logging-tiny-W2")
C(T, "W2", N, J(LG, "err = y_pred - y_target", "logging.info('err=%s', err)", "dW2 = X.T @ err"), "*", oracle="X.T @ (y_pred - y_target)", style="logging-tiny-W2-X",
  note="the input X where the hidden h feeds W2")
C(E, "w", N, J(CU, "dw = cp.multiply((O - t) * O * (1 - O), x)"), oracle=EW, style="cupy-neuron-w")
C(E, "w", N, J(CU, "dw = cp.multiply((O - t) * O * (1 - O), x) / 2"), "scale-factor", oracle=f"{EW} / 2", style="cupy-neuron-w-halved")
C(CH, "w", N, J("class Square:", "    def backward(self, v):", "        return 2 * v", "dw = Square().backward(v) * x"), oracle="2 * v * x", style="class-square-chain-w")
C(CH, "w", N, J("class Square:", "    def backward(self, v):", "        return 2 * v", "dw = Square().backward(v) * b"), "*", oracle="2 * v * b", style="class-square-chain-w-times-b")
C(S, "W", N, J(NT, "class Batch(NamedTuple):", "    X: np.ndarray", "    Y: np.ndarray", "bt = Batch(X, Y)", "dW = bt.X.T @ (P - bt.Y) / len(bt.X)"), oracle=SW, style="namedtuple-batch-softmax-W")
C(S, "W", N, J(NT, "class Batch(NamedTuple):", "    X: np.ndarray", "    Y: np.ndarray", "bt = Batch(X, Y)", "dW = bt.X.T @ (P - bt.Y) / len(bt.X.T)"), "*", oracle=None,
  style="namedtuple-batch-softmax-W-len-of-transpose", note="len(X.T) is the feature count n where the batch size m belongs")
C(S, "b", N, J("db = (lambda d: d.mean(axis=0, keepdims=True))(P - Y)"), oracle=SB, style="called-lambda-softmax-b")
C(S, "b", N, J("db = (lambda d: d.mean(axis=1, keepdims=True))(P - Y)"), "*", oracle=None, style="called-lambda-softmax-b-wrong-axis",
  note="the mean over classes (axis 1): m x 1 where 1 x k belongs")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = (dWv := X.T @ (A.T @ dO))"), oracle=AWV, style="walrus-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / n", "dW_v = (dWv := X.T @ (A.T @ dO))"), "scale-factor", oracle=f"{AWV} * d", style="walrus-attention-Wv-mean-over-rows-only")
C(B, "gamma", N, J(CU, "dY = 2 * (Y - T) / (m * n)", "dgamma = cp.sum(dY * Z_hat, axis=0, keepdims=True)"), oracle=BG, style="cupy-bn-gamma")
C(B, "gamma", N, J(CU, "dY = 2 * (Y - T) / (m * n)", "dgamma = cp.sum(dY * Z_hat, axis=1, keepdims=True)"), "*", oracle=None, style="cupy-bn-gamma-wrong-axis",
  note="summed over features (axis 1): m x 1 where 1 x n belongs")
C(R2, "W_x", N, J(NT, "class Step(NamedTuple):", "    x: np.ndarray", "    h: np.ndarray", "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)",
                  "steps = [Step(x_2, h_2), Step(x_1, h_1)]", "dW_x = steps[0].x.T @ dz2 + steps[1].x.T @ dz1"), oracle=RWX, style="namedtuple-rnn-Wx")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_2 ** 2)", "dW_x = x_2.T @ dz2 + x_1.T @ dz1"), "*", oracle=None, style="rnn-Wx-slope-of-wrong-step",
  note="tanh's slope at h_2 where step 1's belongs")
C(MW, "W2", N, J("# 带权重的 BCE：正类乘 w", "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "dW2 = np.tensordot(A1, dZ2, axes=[[0], [0]]) / m"), oracle=WW2, style="zh-tensordot-weighted-W2", lang=Z)
C(MW, "W2", N, J("# 带权重的 BCE：正类乘 w", "dZ2 = (1 - Y) * A2 + w * Y * (1 - A2)", "dW2 = np.tensordot(A1, dZ2, axes=[[0], [0]]) / m"), "*", oracle=None,
  style="zh-tensordot-weighted-W2-sign-of-positive-term", lang=Z, note="the positive class's term added, not subtracted")

# ================================================================ hn48s_numpy_per_channel_cn (two input channels, one kernel each, ReLU, ½ sum of squares)
C(PC, "K0", N, J(SS, "dZ = (A - Y) * (Z > 0)", "dK0 = signal.correlate2d(X0, dZ, mode='valid')"), oracle=PC_K0, style="pc-K0-correlate2d")
C(PC, "K0", N, J(SS, "dZ = (A - Y) * (Z > 0)", "dK0 = signal.correlate2d(X[0], dZ, mode='valid')"), oracle=PC_K0, style="pc-K0-correlate2d-indexed-channel")
C(PC, "K0", N, J(SS, "# 通道 0 的卷积核只看通道 0 的输入", "dZ = (A - Y) * (Z > 0)", "dK0 = signal.correlate2d(X[1], dZ, mode='valid')"), "*", oracle=COR("X[1]", PC_DZ),
  style="zh-pc-K0-wrong-channel", lang=Z, note="channel 1's input for channel 0's kernel")
C(PC, "K0", N, J(SS, "dZ = (A - Y) * (Z > 0)", "dK0 = signal.correlate2d(X[0] + X[1], dZ, mode='valid')"), "*", oracle=COR("(X[0] + X[1])", PC_DZ),
  style="pc-K0-channels-summed", note="the input channels summed: a channel-sum slip")
C(PC, "K0", N, J(SS, "dZ = (A - Y) * (Z > 0)", "dK0 = signal.convolve2d(X[0], dZ[::-1, ::-1], mode='valid')"), oracle=PC_K0, style="pc-K0-convolve2d-flipped")
C(PC, "K0", N, J(SS, "dZ = (A - Y) * (Z > 0)", "dK0 = signal.convolve2d(X[0], dZ, mode='valid')"), "*", oracle=None, style="pc-K0-convolve2d-unflipped",
  note="a convolution where the correlation belongs: the kernel's gradient rotated by 180°")
C(PC, "K1", N, J(SW_, "dZ = (A - Y) * (Z > 0)", "dK1 = np.einsum('ijpq,pq->ij', sliding_window_view(X1, (3, 3)), dZ)"), oracle=PC_K1, style="pc-K1-sliding-window-einsum")
C(PC, "K1", N, J(SW_, "dZ = (A - Y) * (Z > 0)", "dK1 = np.einsum('ijpq,pq->ij', sliding_window_view(X1, (3, 3)), A - Y)"), "missing-activation-derivative",
  oracle=COR("X[1]", "(A - Y)"), style="pc-K1-sliding-window-no-mask")
C(PC, "K1", N, J(SW_, "dZ = (A - Y) * (Z > 0)", "dK1 = np.tensordot(sliding_window_view(X1, (3, 3)), dZ, axes=([2, 3], [0, 1]))"), oracle=PC_K1, style="pc-K1-sliding-window-tensordot")
C(PC, "K1", N, J("from numpy.lib.stride_tricks import as_strided", "s0, s1 = X1.strides", "win = as_strided(X1, shape=(3, 3, 3, 3), strides=(s0, s1, s0, s1))",
                 "dZ = (A - Y) * (Z > 0)", "dK1 = (win * dZ).sum(axis=(2, 3))"), oracle=PC_K1, style="pc-K1-as-strided")
C(PC, "K1", N, J(SS, "dZ = 2 * (A - Y) * (Z > 0)", "dK1 = signal.correlate2d(X1, dZ, mode='valid')"), "scale-factor", oracle=COR("X[1]", f"2 * {PC_DZ}"), style="pc-K1-factor-2")
C(PC, "b", N, J("dZ = (A - Y) * (Z > 0)", "db = dZ.sum()"), oracle=PC_B, style="pc-b-sum")
C(PC, "b", N, J("# 偏置是标量：对所有位置求和", "db = np.sum((A - Y) * (A > 0))"), oracle=PC_B, style="zh-pc-b-mask-A", lang=Z, note="A = relu(Z) > 0 exactly where Z > 0")
C(PC, "b", N, J("db = np.mean((A - Y) * (Z > 0))"), "scale-factor", oracle=f"{PC_B} / 9", style="pc-b-mean")
C(PC, "b", N, J("db = 2 * np.sum((A - Y) * (Z > 0))"), "scale-factor", oracle=f"2 * {PC_B}", style="pc-b-factor-2")
C(PC, "K0", N, J(NB, "@njit", "def corr_valid(x, d):", "    return signal.correlate2d(x, d, mode='valid')", "dK0 = corr_valid(X0, (A - Y) * (Z > 0))"), oracle=PC_K0,
  style="pc-K0-njit-helper")

# ================================================================ hn48s_torch_conv2d_three_in_two_out_cn (3 in, 2 out channels, tanh, MSE over 18 entries)
C(TP, "W01", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 18 * (1 - A0 ** 2)", "dW01 = signal.correlate2d(X1, dZ0, mode='valid')"), oracle=TP_W(0, 1), style="tp-W01-split-names")
C(TP, "W01", N, J(SS, "dZ = 2 * (A - Y) / A.size * (1 - A ** 2)", "dW01 = signal.correlate2d(X[0, 1], dZ[0, 0], mode='valid')"), oracle=TP_W(0, 1), style="tp-W01-indexed-4d")
C(TP, "W01", N, J(SS, "dZ = 2 * (A - Y) / A.size * (1 - A ** 2)", "dW01 = signal.correlate2d(X[0, 0], dZ[0, 1], mode='valid')"), "*", oracle=TP_W(1, 0),
  style="tp-W01-indexed-4d-swapped", note="W[o, c] read as W[c, o]: channel 0's input against output 1's delta")
C(TP, "W01", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 18 * (1 - A0 ** 2)", "dW01 = signal.correlate2d(X0 + X1 + X2, dZ0, mode='valid')"), "*",
  oracle=COR("(X[0, 0] + X[0, 1] + X[0, 2])", TP_DZ(0)), style="tp-W01-input-channels-summed", note="summed over the input channel axis")
C(TP, "W01", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 18 * (1 - A0 ** 2)", "dZ1 = 2 * (A1 - Y1) / 18 * (1 - A1 ** 2)", "dW01 = signal.correlate2d(X1, dZ0 + dZ1, mode='valid')"), "*",
  oracle=f"{TP_W(0, 1)} + {TP_W(1, 1)}", style="tp-W01-output-channels-summed", note="summed over the output channel axis")
C(TP, "W01", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 9 * (1 - A0 ** 2)", "dW01 = signal.correlate2d(X1, dZ0, mode='valid')"), "scale-factor", oracle=f"2 * {TP_W(0, 1)}",
  style="tp-W01-mean-per-channel", note="1/9 (one channel's entries) where mse_loss means over all 18")
C(TP, "W01", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 18", "dW01 = signal.correlate2d(X1, dZ0, mode='valid')"), "missing-activation-derivative",
  oracle=COR("X[0, 1]", "(2 * (A[0, 0] - Y[0, 0]) / 18)"), style="tp-W01-no-tanh-slope")
C(TP, "W12", N, J(TH, "dZ = 2 * (A - Y) / A.numel() * (1 - A ** 2)", "win = X[0, 2].unfold(0, 3, 1).unfold(1, 3, 1)", "dW12 = torch.einsum('ijpq,pq->ij', win, dZ[0, 1])"),
  oracle=TP_W(1, 2), style="tp-W12-unfold-einsum")
C(TP, "W12", N, J(SW_, "dZ = 2 * (A - Y) / 18 * (1 - A ** 2)", "dW = np.einsum('ncpqij,nopq->ocij', sliding_window_view(X, (3, 3), axis=(2, 3)), dZ)", "dW12 = dW[1, 2]"),
  oracle=TP_W(1, 2), style="tp-W12-sliding-window-4d")
C(TP, "W12", N, J(SW_, "dZ = 2 * (A - Y) / 18 * (1 - A ** 2)", "dW = np.einsum('ncpqij,nopq->ocij', sliding_window_view(X, (3, 3), axis=(2, 3)), dZ)", "dW12 = dW[2, 1]"),
  "REFUSE", style="tp-W12-sliding-window-4d-index-out-of-range", note="dW is 2 x 3 x 3 x 3: dW[2] is out of range (an IndexError in NumPy)")
C(TP, "W10", N, J(SS, "# 输出通道 1、输入通道 0", "dZ1 = 2 * (A1 - Y1) / 18 * (1 - A1 ** 2)", "dW10 = signal.correlate2d(X0, dZ1, mode='valid')"), oracle=TP_W(1, 0),
  style="zh-tp-W10", lang=Z)
C(TP, "W10", N, J(SS, "# 输出通道 1、输入通道 0", "dZ1 = 2 * (A1 - Y1) / 18 * (1 - A1 ** 2)", "dW10 = signal.correlate2d(X0, dZ1, mode='valid').T"), "*", oracle=None,
  style="zh-tp-W10-transposed", lang=Z, note="the kernel's gradient transposed (3 x 3: the shapes agree)")
C(TP, "W10", N, J(SS, "dZ1 = 2 * (Y1 - A1) / 18 * (1 - A1 ** 2)", "dW10 = signal.correlate2d(X0, dZ1, mode='valid')"), "sign", oracle=f"-{TP_W(1, 0)}", style="tp-W10-sign")
C(TP, "b0", N, J("dZ0 = 2 * (A0 - Y0) / 18 * (1 - A0 ** 2)", "db0 = dZ0.sum()"), oracle=f"np.sum({TP_DZ(0)})", style="tp-b0-sum")
C(TP, "b0", N, J("dZ = 2 * (A - Y) / 18 * (1 - A ** 2)", "db0 = dZ.sum(axis=(0, 2, 3))[0]"), oracle=f"np.sum({TP_DZ(0)})", style="tp-b0-sum-axes-4d")
C(TP, "b0", N, J("dZ0 = 2 * (A0 - Y0) / 18 * (1 - A0 ** 2)", "dZ1 = 2 * (A1 - Y1) / 18 * (1 - A1 ** 2)", "db0 = (dZ0 + dZ1).sum()"), "*",
  oracle=f"np.sum({TP_DZ(0)}) + np.sum({TP_DZ(1)})", style="tp-b0-both-channels", note="both output channels' deltas summed into one bias")
C(TP, "b1", N, J("from functools import reduce", "dZ1 = 2 * (A1 - Y1) / 18 * (1 - A1 ** 2)", "db1 = reduce(np.add, dZ1).sum()"), oracle=f"np.sum({TP_DZ(1)})", style="tp-b1-reduce")
C(TP, "b1", N, J("dZ1 = 2 * (A1 - Y1) / 18 * (1 - A1 ** 2)", "db1 = dZ1.mean()"), "scale-factor", oracle=f"np.sum({TP_DZ(1)}) / 9", style="tp-b1-mean")
C(TP, "W02", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 18 * (1 - A0 ** 2)", "dW02 = signal.correlate2d(X2, dZ0, mode='valid')", "print(f'{dW02.shape=}')"), oracle=TP_W(0, 2),
  style="tp-W02-fstring")
C(TP, "W02", N, J(SS, "dZ0 = 2 * (A0 - Y0) / 18 * (1 - Z0 ** 2)", "dW02 = signal.correlate2d(X2, dZ0, mode='valid')"), "*",
  oracle=COR("X[0, 2]", "(2 * (A[0, 0] - Y[0, 0]) / 18 * (1 - Z[0, 0] ** 2))"), style="tp-W02-slope-of-Z", note="1 − Z² where 1 − A² (tanh's slope at its output) belongs")

# ================================================================ hn48s_torch_conv2d_two_channel_pool (2 in channels, ReLU, 2x2 max pool, MSE)
PLUP = ("dP = 2 * (P - Y) / 4",)
C(PL, "K00", N, J(*PLUP, "dZ = upsample(dP, 2) * pool_mask(A, 2) * (Z > 0)", "dK00 = correlate2d(X0, dZ)"), oracle=PL_K[0], style="pl-K00-upsample-mask")
C(PL, "K00", N, J(*PLUP, "dA = np.kron(dP, np.ones((2, 2))) * (A == np.kron(P, np.ones((2, 2))))", "dK00 = signal.correlate2d(X0, dA * (Z > 0), mode='valid')"),
  oracle=PL_K[0], style="pl-K00-kron-route")
C(PL, "K00", N, J(*PLUP, "dA = np.kron(dP, np.ones((2, 2)))", "dK00 = signal.correlate2d(X0, dA * (Z > 0), mode='valid')"), "*",
  oracle=COR("X[0, 0]", "(np.kron(2 * (P - Y) / 4, np.ones((2, 2))) * (Z > 0))", 4), style="pl-K00-kron-no-route",
  note="the pooled gradient spread over the whole window: the max's mask forgotten")
C(PL, "K01", N, J(*PLUP, "dA = dP.repeat(2, axis=0).repeat(2, axis=1) * (A == P.repeat(2, axis=0).repeat(2, axis=1))", "dK01 = signal.correlate2d(X1, dA * (Z > 0), mode='valid')"),
  oracle=PL_K[1], style="pl-K01-repeat-route")
C(PL, "K01", N, J("# 池化层的梯度只回到最大值的位置", "dP = 2 * (P - Y) / 4", "dA = upsample(dP, 2) * pool_mask(A, 2)", "dK01 = correlate2d(X1, dA * (Z > 0)) / 4"),
  "scale-factor", oracle=f"{PL_K[1]} / 4", style="zh-pl-K01-pooled-size-twice", lang=Z, note="divided by the pooled size again")
C(PL, "b0", N, J(*PLUP, "db0 = np.sum(upsample(dP, 2) * pool_mask(A, 2) * (Z > 0))"), oracle=PL_B, style="pl-b0-upsample")
C(PL, "b0", N, J(*PLUP, "db0 = np.sum(dP)"), "*", oracle=None, style="pl-b0-pooled-shape-slip",
  note="the pooled gradient summed as if the bias fed P directly: ReLU's mask skipped (at the example point every window's "
       "maximum is positive, so the values agree there — the PyTorch oracle cannot tell; wrong where a window is all ≤ 0)")

# ================================================================ hn48_cpo_loss_trl (CPO: sigmoid preference loss with label smoothing + NLL)
CPS = (TH, "s = torch.sigmoid")
C(CP, "W", N, J(*CPS, "g = -beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)",
                "dW = (xc.T @ (g * s(-(xc @ W))) - xr.T @ (g * s(-(xr @ W))) - cpo_alpha * xc.T @ s(-(xc @ W))) / N"), oracle=CP_W, style="cpo-W")
C(CP, "W", N, J(*CPS, "g = -beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)",
                "dW = (xc.T @ (g * s(-(xc @ W))) - xr.T @ (g * s(-(xr @ W)))) / N"), "*", oracle=f"{CP_W} + cpo_alpha * xc.T @ {CP_SC} / N",
  style="cpo-W-nll-forgotten", note="the NLL regulariser's term forgotten")
C(CP, "W", N, J(*CPS, "g = -beta * s(-beta * logits)", "dW = (xc.T @ (g * s(-(xc @ W))) - xr.T @ (g * s(-(xr @ W))) - cpo_alpha * xc.T @ s(-(xc @ W))) / N"), "*",
  oracle=None, style="cpo-W-no-label-smoothing", note="label smoothing dropped (right only for label_smoothing = 0)")
C(CP, "W", N, J(*CPS, "g = -beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)",
                "dW = xc.T @ (g * s(-(xc @ W))) - xr.T @ (g * s(-(xr @ W))) - cpo_alpha * xc.T @ s(-(xc @ W))"), "scale-factor", oracle=f"({CP_W}) * N", style="cpo-W-no-mean")
C(CP, "W", N, J(*CPS, "g = -0.1 * (1 - 0.1) * s(-0.1 * logits) + 0.1 * 0.1 * s(0.1 * logits)",
                "dW = (xc.T @ (g * s(-(xc @ W))) - xr.T @ (g * s(-(xr @ W))) - xc.T @ s(-(xc @ W))) / N"), "*", oracle=None, style="cpo-W-constants-as-numbers",
  note="beta, label_smoothing and cpo_alpha written as their values: right at the example's constants only")
C(CP, "W", N, J(*CPS, "g = -beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)",
                "dW = (xc.T @ (g * s(xc @ W)) - xr.T @ (g * s(xr @ W)) - cpo_alpha * xc.T @ s(xc @ W)) / N"), "*", oracle=None, style="cpo-W-logsigmoid-slope-sign",
  note="σ(u) for logsigmoid's slope σ(−u)")
C(CP, "W", N, J("from functools import reduce", "s = lambda u: 1 / (1 + np.exp(-u))", "g = -beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)",
                "parts = [xc.T @ (g * s(-(xc @ W))), -(xr.T @ (g * s(-(xr @ W)))), -cpo_alpha * xc.T @ s(-(xc @ W))]", "dW = reduce(np.add, parts) / N"),
  oracle=CP_W, style="cpo-W-reduce-parts")
C(CP, "W", N, J(LG, "s = lambda u: 1 / (1 + np.exp(-u))", "dlogits = (-beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)) / N",
                "logging.info(f'{dlogits.mean()=}')", "dchosen = dlogits - cpo_alpha / N", "dW = xc.T @ (dchosen * s(-(xc @ W))) - xr.T @ (dlogits * s(-(xr @ W)))"),
  oracle=CP_W, style="cpo-W-logging-dchosen")
C(CP, "W", N, J("s = lambda u: 1 / (1 + np.exp(-u))", "# 被拒绝的回答方向相反", "dlogits = (-beta * (1 - label_smoothing) * s(-beta * logits) + beta * label_smoothing * s(beta * logits)) / N",
                "dW = xc.T @ ((dlogits - cpo_alpha / N) * s(-(xc @ W))) + xr.T @ (dlogits * s(-(xr @ W)))"), "*", oracle=None, style="zh-cpo-W-rejected-sign", lang=Z,
  note="the rejected completions' term added where logits subtracts it")

# ================================================================ hn48_nalu_arith_unit_cn (NALU: gated add/sub and log-space mul/div paths)
C(NA, "G", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dG = x.T @ (dy * (a - m) * g * (1 - g))"), oracle=NA_G, style="nalu-G")
C(NA, "G", N, J(TH, "dy = 2 * (y_hat - y) / N", "dG = x.T @ (dy * (a - m) * g * (1 - g))"), "scale-factor", oracle=f"{NA_G} * k", style="nalu-G-mean-over-rows-only")
C(NA, "G", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dG = x.T @ (dy * (m - a) * g * (1 - g))"), "sign", oracle=f"-{NA_G}", style="nalu-G-sign")
C(NA, "G", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dG = x.T @ (dy * (a - m))"), "missing-activation-derivative", oracle=f"x.T @ ({NA_DY} * (a - m))", style="nalu-G-no-gate-slope")
C(NA, "G", N, J(TH, "# 门 g = sigmoid(xG)", "dy = 2 * (y_hat - y) / y.numel()", "dG = x.T @ (dy * a * g * (1 - g))"), "*", oracle=f"x.T @ ({NA_DY} * a * g * (1 - g))", style="zh-nalu-G-path-m-forgotten",
  lang=Z, note="the multiplicative path's −m forgotten")
C(NA, "W_hat", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dW = x.T @ (dy * g) + torch.log(torch.abs(x) + eps).T @ (dy * (1 - g) * m)",
                    "dW_hat = dW * (1 - torch.tanh(W_hat) ** 2) * torch.sigmoid(M_hat)"), oracle=NA_WH, style="nalu-W_hat")
C(NA, "W_hat", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dW = x.T @ (dy * g)", "dW_hat = dW * (1 - torch.tanh(W_hat) ** 2) * torch.sigmoid(M_hat)"), "*",
  oracle=f"x.T @ ({NA_DY} * g) * (1 - np.tanh(W_hat) ** 2) * (1 / (1 + np.exp(-M_hat)))", style="nalu-W_hat-log-path-forgotten", note="the log-space path through m forgotten")
C(NA, "W_hat", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dW = x.T @ (dy * g) + torch.log(torch.abs(x) + eps).T @ (dy * (1 - g) * m)",
                    "dW_hat = dW * (1 - W ** 2)"), "*", oracle=None, style="nalu-W_hat-tanh-slope-of-W", note="1 − W² (W is tanh·σ, not tanh) where (1 − tanh²)·σ belongs")
C(NA, "M_hat", N, J(TH, "dy = 2 * (y_hat - y) / y.numel()", "dW = x.T @ (dy * g) + torch.log(torch.abs(x) + eps).T @ (dy * (1 - g) * m)",
                    "s = torch.sigmoid(M_hat)", "dM_hat = dW * torch.tanh(W_hat) * s * (1 - s)"), oracle=NA_MH, style="nalu-M_hat")
C(NA, "M_hat", N, J(TH, "# 对数空间通路：m = exp(log(|x| + eps) @ W)", "dy = 2 * (y_hat - y) / y.numel()", "dW = x.T @ (dy * g) + torch.log(torch.abs(x)).T @ (dy * (1 - g) * m)",
                    "s = torch.sigmoid(M_hat)", "dM_hat = dW * torch.tanh(W_hat) * s * (1 - s)"), "*", oracle=None, style="zh-nalu-M_hat-eps-dropped", lang=Z,
  note="eps dropped inside the log: right only as eps → 0 (eps is a named constant)")

# ================================================================ hn48_mgu_two_steps_numpy_cn (MGU, two steps, softmax CE on h2 @ Wo)
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = h2.T @ (P * y.sum(axis=1, keepdims=True) - y) / N"), oracle=MG_WO, style="mgu-Wo")
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = h2.T @ (P - y) / N"), "*", oracle=None, style="mgu-Wo-one-hot-assumed",
  note="y is declared without a kind: P − y holds only for rows summing to 1 (round-45 policy)")
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = h2.T @ (P * y.sum(axis=1, keepdims=True) - y)"), "scale-factor", oracle=f"({MG_WO}) * N",
  style="mgu-Wo-no-mean")
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = h1.T @ (P * y.sum(axis=1, keepdims=True) - y) / N"), "*", oracle=None,
  style="mgu-Wo-h1", note="the first step's state h1 where h2 feeds the output")
C(MG, "Wo", N, J("softmax = lambda z: np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)", "dlogits = (softmax(logits) * y.sum(axis=1, keepdims=True) - y) / N",
                 "dWo = np.tensordot(h2, dlogits, axes=[[0], [0]])"), oracle=MG_WO, style="mgu-Wo-lambda-tensordot")
C(MG, "Wo", N, J("# y 每行是 one-hot，但规格里没有声明", "P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = np.stack([np.outer(h2[i], P[i] * y[i].sum() - y[i]) for i in range(3)]).mean(axis=0)"),
  "scale-factor", style="zh-mgu-Wo-stack-examples", lang=Z, note="relabelled in round 50 (heldcheck50): range(K) for the batch size is right at the example's sizes only (issue 11 item 2)")
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = (P * y.sum(axis=1, keepdims=True) - y).T @ h2 / N"), "*", oracle=None,
  style="mgu-Wo-transposed", note="C x h where h x C belongs (h = C = 3: a square transpose)")
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = h2.T @ (y - P * y.sum(axis=1, keepdims=True)) / N"), "sign", oracle=f"-({MG_WO})", style="mgu-Wo-sign")
C(MG, "Wo", N, J("P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)", "dWo = h2.T @ (P * y.sum(axis=1, keepdims=True) - y) / 3"), "*", oracle=None,
  style="mgu-Wo-batch-as-number", note="the batch size N written as its number 3: right at the example sizes only")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c49-000, … as written; cases that happen to repeat corpora 2-48 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus49", "c49", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
