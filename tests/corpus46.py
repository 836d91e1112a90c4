"""The held-out-style corpus of issue 11, forty-sixth round: CODE only, in spellings no corpus had
used as such (each grepped in tests/corpus*.py first) — gradients kept in double-quoted dicts
(``grads["dW2"] = …`` from ``cache["A1"]`` and ``params["W2"]``), weights held on ``self`` in a
plain class or a dataclass and read as ``self.W2``, ``np.matmul(…, out=dW2)`` into a preallocated
array, ``np.einsum`` with an ellipsis (valid ones, and the ones NumPy itself refuses), per-example
list comprehensions summed (``sum([np.outer(…) for …])``, ``np.sum([...], axis=0)``) and explicit
``for a, d in zip(A1, dZ2)`` loops, Jupyter cells (``print``, ``assert``, ``display``, a trailing
bare name, ``np.set_printoptions``), type hints on every name, CuPy / MXNet ``nd`` / Paddle / JAX /
PyTorch spellings — plus numexpr strings, ``torch.autograd.grad`` and files read at run time as
refusals (never eval'd) — and students' mistakes on them (1/m missing or twice, a missing
transpose, the wrong layer's input, a wrong size name, the mask of the wrong tensor, the factor 2,
the z-loss / penalty / odds-ratio term forgotten, a norm over the wrong axis), on the built-ins and
seven lecturer networks no corpus had used (hn45_*: group lasso, PaLM's z-loss, SigLIP's pairwise
sigmoid, ORPO's odds ratio, gMLP's spatial gating, MindSpore mint LayerNorm + GELU, multi-query
attention).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck46"). Built-in cases carry a PyTorch oracle
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


GL = _spec("hn45_group_lasso_rows_numpy")
PZ = _spec("hn45_palm_z_loss_optax_jax")
SG = _spec("hn45_siglip_sigmoid_pairwise")
OR = _spec("hn45_orpo_odds_ratio_cn")
GM = _spec("hn45_gmlp_spatial_gating_cn")
MS = _spec("hn45_mindspore_mint_layernorm_gelu_cn")
MQ = _spec("hn45_multi_query_attention_tf")

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
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"
BG = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBETA = f"np.sum({BN_DY}, axis=0, keepdims=True)"

# ---- course oracles (NumPy over the spec's own tensors, tests/corpus_common.course_oracle_ok)
GL_DY = "((y_hat - y) / N)"
GL_DZ = f"({GL_DY} @ w2.T * (1 - H ** 2))"
GL_PEN = "lam * W1 / np.sqrt(np.sum(W1 ** 2, axis=1, keepdims=True))"
GL_W1 = f"X.T @ {GL_DZ} + {GL_PEN}"
PZ_P = "(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))"
PZ_Y = "np.eye(C)[labels.astype(int)]"
PZ_D = f"(({PZ_P} - {PZ_Y}) / B + 2e-4 * log_z[:, None] * {PZ_P} / B)"
PZ_CE = f"(({PZ_P} - {PZ_Y}) / B)"
SG_D = "(-labels * (1 / (1 + np.exp(labels * logits))) / n)"
SG_ZZ = "(zimg @ ztxt.T)"
OR_PW = "(np.exp(Hw @ W) / np.exp(Hw @ W).sum(axis=1, keepdims=True))"
OR_PL = "(np.exp(Hl @ W) / np.exp(Hl @ W).sum(axis=1, keepdims=True))"
OR_S = "(1 / (1 + np.exp(log_odds)))"
OR_GC = f"(-1 - lam * {OR_S} / (1 - np.exp(chosen_logps)))"
OR_GR = f"(lam * {OR_S} / (1 - np.exp(rejected_logps)))"
OR_W = f"Hw.T @ (Yw - {OR_PW}) / T * {OR_GC} + Hl.T @ (Yl - {OR_PL}) / T * {OR_GR}"
OR_SFT = f"Hw.T @ ({OR_PW} - Yw) / T"
GM_DO = "(2 * (out - y) / (n * d))"
GM_DG = f"(({GM_DO} @ Vp.T) * u)"
MS_P = "(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))"
MS_D = f"(({MS_P} - np.eye(C)[label.astype(int)]) / N)"
MQ_DO = "(2 * (out - y) / (n * d))"
MQ_DH = f"({MQ_DO} @ Wo.T)"
MQ_DV = f"(a1.T @ {MQ_DH}[:, :k] + a2.T @ {MQ_DH}[:, k:])"

CU = "import cupy as cp"
MX = "from mxnet import nd"
PD = "import paddle"
JN = "import jax.numpy as jnp"
NE = "import numexpr as ne"
TH = "import torch"

# ================================================================ gradients in double-quoted dicts: grads["dW2"], cache["A1"], params["W2"]
C(M, "W2", N, J('A1, A2 = cache["A1"], cache["A2"]', "dZ2 = A2 - Y", 'grads["dW2"] = np.dot(A1.T, dZ2) / m'), oracle=W2R, style="dq-dict-W2")
C(M, "W2", N, J('A1, A2 = cache["A1"], cache["A2"]', "dZ2 = A2 - Y", 'grads["dW2"] = np.dot(A1.T, dZ2)'), "scale-factor", oracle="A1.T @ (A2 - Y)", style="dq-dict-W2-no-mean")
C(M, "b2", N, J('A2 = cache["A2"]', 'grads["db2"] = np.sum(A2 - Y, axis=0, keepdims=True) / m'), oracle=B2R, style="dq-dict-b2")
C(M, "W1", N, J('W2 = params["W2"]', 'Z1 = cache["Z1"]', 'dZ1 = np.dot(cache["A2"] - Y, W2.T) * (Z1 > 0)', 'grads["dW1"] = np.dot(X.T, dZ1) / m'), oracle=W1R, style="dq-dict-W1")
C(M, "W1", N, J('W2 = params["W2"]', 'A1 = cache["A1"]', 'dZ1 = np.dot(cache["A2"] - Y, W2.T) * (A1 > 0)', 'grads["dW1"] = np.dot(X.T, dZ1) / m'), oracle=W1R, style="dq-dict-W1-mask-A1",
  note="A1 = relu(Z1) > 0 exactly where Z1 > 0")
C(M, "W1", N, J('W2 = params["W2"]', 'dZ1 = np.dot(cache["A2"] - Y, W2.T) * (cache["A2"] > 0)', 'grads["dW1"] = np.dot(X.T, dZ1) / m'), "missing-activation-derivative",
  oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="dq-dict-W1-mask-A2", note="A2 = σ(Z2) > 0 everywhere: no mask at all")
C(M, "b1", N, J('dZ1 = np.dot(cache["A2"] - Y, params["W2"].T) * (cache["Z1"] > 0)', 'grads["db1"] = np.sum(dZ1, axis=0, keepdims=True) / m'), oracle=B1R, style="dq-dict-b1")
C(MW, "W2", N, J('A1, A2 = cache["A1"], cache["A2"]', "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", 'grads["dW2"] = A1.T @ dZ2 / m'), oracle=WW2, style="dq-dict-weighted-W2")
C(MW, "W2", N, J('A1, A2 = cache["A1"], cache["A2"]', "dZ2 = A2 - w * Y", 'grads["dW2"] = A1.T @ dZ2 / m'), "*", oracle="A1.T @ (A2 - w * Y) / m", style="dq-dict-weighted-W2-binary-shortcut",
  note="(1 − Y)A2 − wY(1 − A2) is not A2 − wY even for 0/1 labels (Y = 1 gives w(A2 − 1))")
C(S, "W", N, J('P = cache["P"]', 'grads["dW"] = X.T @ (P - Y) / m'), oracle=SW, style="dq-dict-softmax-W")
C(S, "W", N, J('P = cache["P"]', 'grads["dW"] = X.T @ (Y - P) / m'), "sign", oracle="X.T @ (Y - P) / m", style="dq-dict-softmax-W-sign")
C(R, "w1", N, J('w2 = params["w2"]', 'grad_h_relu = 2.0 * (y_pred - y) @ w2.T', 'grads["w1"] = x.T @ (grad_h_relu * (h > 0))'), oracle=RW1, style="dq-dict-relu-mlp-w1")
C(R, "w1", N, J('w2 = params["w2"]', 'grad_h_relu = 2.0 * (y_pred - y) @ w2.T', 'grads["w1"] = x.T @ (grad_h_relu * (y_pred > 0))'), "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (y_pred > 0))", style="dq-dict-relu-mlp-w1-mask-output",
  note="the mask of the output y_pred (n x D_out) where h's (n x H) belongs: it does not even broadcast at the example sizes")
C(M, "W2", N, J("# 反向传播：从缓存中取出前向的中间结果", 'A1, A2 = cache["A1"], cache["A2"]', 'grads["dW2"] = A1.T @ (A2 - Y) / m  # 对 W2 的梯度'), oracle=W2R, style="zh-dq-dict-W2", lang=Z)
C(M, "W2", N, J("# 反向传播：从缓存中取出前向的中间结果", 'A1, A2 = cache["A1"], cache["A2"]', 'grads["dW2"] = A1.T @ (Y - A2) / m  # 对 W2 的梯度'), "sign", oracle="A1.T @ (Y - A2) / m", style="zh-dq-dict-W2-sign", lang=Z)
C(M, "b1", N, J("# 隐藏层的误差项", 'dZ1 = (cache["A2"] - Y) @ params["W2"].T * (cache["Z1"] > 0)', 'grads["db1"] = dZ1.sum(axis=0, keepdims=True)  # 忘了除以 m'), "scale-factor",
  oracle=f"{B1R} * m", style="zh-dq-dict-b1-no-mean", lang=Z)

# ================================================================ weights held on self: a plain class or a dataclass
C(M, "W2", N, J("class TwoLayerNet:", "    def backward(self, X, Y):", "        m = X.shape[0]", "        dZ2 = self.A2 - Y", "        self.dW2 = self.A1.T @ dZ2 / m", "        return self.dW2"),
  oracle=W2R, style="self-method-W2")
C(M, "W2", N, J("class TwoLayerNet:", "    def backward(self, X, Y):", "        m = X.shape[0]", "        dZ2 = self.A2 - Y", "        self.dW2 = self.A1 @ dZ2.T / m", "        return self.dW2"),
  "*", oracle="A1 @ (A2 - Y).T / m", style="self-method-W2-outer-transposed", note="m x m where n_h x 1 belongs (shapes differ at other sizes)")
C(M, "W1", N, J("class TwoLayerNet:", "    def backward(self, X, Y):", "        m = X.shape[0]", "        dZ2 = self.A2 - Y", "        dZ1 = dZ2 @ self.W2.T * (self.Z1 > 0)", "        self.dW1 = X.T @ dZ1 / m", "        return self.dW1"),
  oracle=W1R, style="self-method-W1")
C(M, "W1", N, J("class TwoLayerNet:", "    def backward(self, X, Y):", "        m = X.shape[0]", "        dZ2 = self.A2 - Y", "        dZ1 = dZ2 @ self.W2.T * (self.Z1 > 0)", "        self.dW1 = self.A1.T @ dZ1 / m", "        return self.dW1"),
  "*", oracle=f"A1.T @ {DZ1} / m", style="self-method-W1-wrong-layer-input", note="the hidden layer's output A1 where the input X belongs")
C(M, "W2", N, J("dZ2 = self.A2 - self.Y", "dW2 = self.A1.T @ dZ2 / self.m"), oracle=W2R, style="self-lines-W2")
C(M, "W2", N, J("dZ2 = self.A2 - self.Y", "dW2 = self.A1.T @ dZ2 / self.n_h"), "scale-factor", oracle=None, style="self-lines-W2-size-n_h",
  note="n_h for the batch size m: equal at the example sizes, the verdict rests on the sizes told apart")
C(MW, "b2", N, J("dZ2 = (1 - self.Y) * self.A2 - self.w * self.Y * (1 - self.A2)", "db2 = dZ2.sum(axis=0, keepdims=True) / self.m"), oracle=WB2, style="self-lines-weighted-b2")
C(T, "W1", N, J("from dataclasses import dataclass", "", "@dataclass", "class Cache:", "    X: np.ndarray", "    h: np.ndarray", "    y_pred: np.ndarray", "",
                "c = Cache(X, h, y_pred)", "dW1 = c.X.T @ ((c.y_pred - y_target) @ W2.T * c.h * (1 - c.h))"), oracle=TW1, style="dataclass-cache-tiny-W1")
C(T, "W1", N, J("from dataclasses import dataclass", "", "@dataclass", "class Cache:", "    X: np.ndarray", "    h: np.ndarray", "    y_pred: np.ndarray", "",
                "c = Cache(X, h, y_pred)", "dW1 = c.X.T @ ((c.y_pred - y_target) @ W2.T * c.h)"), "*", oracle="X.T @ ((y_pred - y_target) @ W2.T * h)", style="dataclass-cache-tiny-W1-half-slope",
  note="σ′ = h(1 − h): the (1 − h) factor dropped")
C(T, "W2", N, J("from dataclasses import dataclass", "", "@dataclass", "class Cache:", "    h: np.ndarray", "    y_pred: np.ndarray", "", "c = Cache(h=h, y_pred=y_pred)",
                "dW2 = c.h.T @ (c.y_pred - y_target)"), oracle=TW2, style="dataclass-cache-kw-tiny-W2")
C(T, "W2", N, J("from dataclasses import dataclass", "", "@dataclass", "class Cache:", "    h: np.ndarray", "    y_pred: np.ndarray", "", "c = Cache(h=h, y_pred=y_pred)",
                "dW2 = c.h.T @ (c.y_pred - y_target) / X.shape[0]"), oracle="h.T @ (y_pred - y_target) / X.shape[0]", style="dataclass-cache-kw-tiny-W2-mean",
  note="labelled scale-factor when written; tiny-mlp's X is one example (1 x n_in), so X.shape[0] = 1 and the mean is the sum: right (the oracle said so, relabelled before the checker ran)")
C(E, "w", N, J("# 神经元：权重保存在 self 上", "dz = (self.O - t) * self.O * (1 - self.O)", "dw = dz * x"), oracle=EW, style="zh-self-lines-neuron-w", lang=Z)
C(E, "w", N, J("# 神经元：权重保存在 self 上", "dz = (self.O - t) * self.O", "dw = dz * x"), "*", oracle="(O - t) * O * x", style="zh-self-lines-neuron-w-half-slope", lang=Z)

# ================================================================ np.matmul(..., out=) into a preallocated array
C(M, "W2", N, J("dW2 = np.empty_like(W2)", "np.matmul(A1.T, A2 - Y, out=dW2)", "dW2 /= m"), oracle=W2R, style="matmul-out-W2")
C(M, "W2", N, J("dW2 = np.empty_like(W2)", "np.matmul(A1.T, A2 - Y, out=dW2)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="matmul-out-W2-no-mean")
C(M, "W1", N, J("dZ1 = np.empty_like(Z1)", "np.matmul(A2 - Y, W2.T, out=dZ1)", "dZ1 *= Z1 > 0", "dW1 = np.zeros_like(W1)", "np.matmul(X.T, dZ1, out=dW1)", "dW1 /= m"), oracle=W1R, style="matmul-out-W1")
C(M, "W1", N, J("dZ1 = np.empty_like(Z1)", "np.matmul(A2 - Y, W2.T, out=dZ1)", "dW1 = np.zeros_like(W1)", "np.matmul(X.T, dZ1, out=dW1)", "dW1 /= m"), "missing-activation-derivative",
  oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="matmul-out-W1-mask-forgotten")
C(S, "W", N, J("dW = np.zeros((n, k))", "np.matmul(X.T, P - Y, out=dW)", "np.divide(dW, m, out=dW)"), oracle=SW, style="matmul-out-divide-out-softmax-W")
C(S, "W", N, J("dW = np.zeros((n, k))", "np.matmul(X.T, P - Y, out=dW)", "np.divide(dW, k, out=dW)"), "scale-factor", oracle="X.T @ (P - Y) / k", style="matmul-out-divide-out-softmax-W-size-k")
C(R, "w2", N, J("grad_w2 = np.empty_like(w2)", "np.matmul(h_relu.T, 2.0 * (y_pred - y), out=grad_w2)"), oracle=RW2, style="matmul-out-relu-mlp-w2")
C(R, "w2", N, J("grad_w2 = np.empty_like(w2)", "np.matmul(h.T, 2.0 * (y_pred - y), out=grad_w2)"), "*", oracle="2 * h.T @ (y_pred - y)", style="matmul-out-relu-mlp-w2-pre-activation",
  note="the pre-activation h where h_relu belongs")
C(T, "W2", N, J("dW2 = np.zeros_like(W2)", "np.matmul(h.T, y_pred - y_target, out=dW2)"), oracle=TW2, style="matmul-out-tiny-W2")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = np.empty_like(W_h)", "np.matmul(h_1.T, dz2, out=dW_h)", "dW_h += h_0.T @ dz1"), oracle=RWH, style="matmul-out-rnn-Wh")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_h = np.empty_like(W_h)", "np.matmul(h_1.T, dz2, out=dW_h)"), "missing-path", oracle=f"h_1.T @ {R2_D2}", style="matmul-out-rnn-Wh-last-step-only")
C(MW, "W1", N, J("# 先分配内存，再用 out= 写入", "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "dW1 = np.empty_like(W1)", "np.matmul(X.T, dZ2 @ W2.T * (Z1 > 0), out=dW1)", "dW1 /= m"), oracle=WW1, style="zh-matmul-out-weighted-W1", lang=Z)
C(MW, "W1", N, J("# 先分配内存，再用 out= 写入", "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "dW1 = np.empty_like(W1)", "np.matmul(X.T, dZ2 @ W2.T * (Z1 > 0), out=dW1)", "dW1 /= n_in"), "scale-factor",
  oracle=None, style="zh-matmul-out-weighted-W1-size-n_in", lang=Z, note="n_in for m: equal at the example sizes")

# ================================================================ einsum with an ellipsis
C(M, "W2", N, "dW2 = np.einsum('n...,nj->...j', A1, A2 - Y) / m", oracle=W2R, style="einsum-ellipsis-left-W2")
C(M, "W2", N, "dW2 = np.einsum('ni,n...->i...', A1, A2 - Y) / m", oracle=W2R, style="einsum-ellipsis-right-W2")
C(M, "W2", N, "dW2 = np.einsum('ni,n...->i...', A1, A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="einsum-ellipsis-right-W2-no-mean")
C(M, "W1", N, J("dZ1 = np.einsum('...j,kj->...k', A2 - Y, W2) * (Z1 > 0)", "dW1 = np.einsum('ni,n...->i...', X, dZ1) / m"), oracle=W1R, style="einsum-ellipsis-W1")
C(M, "W1", N, J("dZ1 = np.einsum('...j,jk->...k', A2 - Y, W2.T) * (Z1 > 0)", "dW1 = np.einsum('ni,n...->i...', A1, dZ1) / m"), "*", oracle=f"A1.T @ {DZ1} / m", style="einsum-ellipsis-W1-wrong-layer-input",
  note="A1 where X belongs")
C(M, "W2", N, "dW2 = np.einsum('...i,...j->ij', A1, A2 - Y) / m", REFUSE, style="einsum-ellipsis-dropped-W2",
  note="NumPy refuses an ellipsis of the inputs missing from an explicit output ('output has more dimensions than subscripts')")
C(S, "W", N, "dW = np.einsum('...ij->...ji', X) @ (P - Y) / m", oracle=SW, style="einsum-ellipsis-transpose-softmax-W")
C(S, "W", N, "dW = np.einsum('...ij->...ij', X) @ (P - Y) / m", "*", oracle=None, style="einsum-ellipsis-identity-softmax-W",
  note="an identity einsum, no transpose: X @ (P − Y) is m x m @ m x k — it fails to multiply at sizes where n ≠ m")
C(S, "b", N, "db = np.einsum('n...->...', P - Y)[None, :] / m", oracle=SB, style="einsum-ellipsis-sum-softmax-b")
C(T, "W1", N, "dW1 = np.einsum('bi,b...->i...', X, (y_pred - y_target) @ W2.T * h * (1 - h))", oracle=TW1, style="einsum-ellipsis-tiny-W1")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.einsum('...ji,...jk->...ik', A, dO)", "dW_v = X.T @ dV"), oracle=AWV, style="einsum-ellipsis-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dV = np.einsum('...ij,...jk->...ik', A, dO)", "dW_v = X.T @ dV"), "*", oracle=f"X.T @ (A @ {AT_DO})", style="einsum-ellipsis-attention-Wv-no-transpose",
  note="A where Aᵀ belongs")
C(B, "gamma", N, J("dY = 2 * (Y - T) / (m * n)", "dgamma = np.einsum('i...,i...->...', dY, Z_hat)[None]"), oracle=BG, style="einsum-ellipsis-bn-gamma")
C(B, "gamma", N, J("dY = (Y - T) / (m * n)", "dgamma = np.einsum('i...,i...->...', dY, Z_hat)[None]"), "scale-factor", oracle=f"{BG} / 2", style="einsum-ellipsis-bn-gamma-no-2")
C(R, "w2", N, "grad_w2 = np.einsum('n...,no->...o', h_relu, 2.0 * (y_pred - y))", oracle=RW2, style="einsum-ellipsis-relu-mlp-w2")
C(R, "w2", N, "grad_w2 = np.einsum('...h,...o->ho', h_relu, 2.0 * (y_pred - y))", REFUSE, style="einsum-ellipsis-dropped-relu-mlp-w2", note="NumPy refuses it (an ellipsis missing from the explicit output)")

# ================================================================ per-example list comprehensions and zip loops
C(M, "W2", N, "dW2 = sum([np.outer(A1[i], A2[i] - Y[i]) for i in range(m)]) / m", oracle=W2R, style="listcomp-sum-outer-W2")
C(M, "W2", N, "dW2 = sum([np.outer(A1[i], A2[i] - Y[i]) for i in range(m)])", "scale-factor", oracle="A1.T @ (A2 - Y)", style="listcomp-sum-outer-W2-no-mean")
C(M, "W2", N, "dW2 = np.sum([np.outer(a, d) for a, d in zip(A1, A2 - Y)], axis=0) / m", oracle=W2R, style="listcomp-npsum-zip-W2")
C(M, "W2", N, "dW2 = np.mean([np.outer(a, d) for a, d in zip(A1, A2 - Y)], axis=0)", oracle=W2R, style="listcomp-npmean-zip-W2")
C(M, "W2", N, "dW2 = np.mean([np.outer(d, a) for a, d in zip(A1, A2 - Y)], axis=0)", "*", oracle="(A2 - Y).T @ A1 / m", style="listcomp-npmean-zip-W2-outer-swapped",
  note="(A2 − Y)ᵀA1: 1 x n_h where n_h x 1 belongs")
C(M, "b2", N, "db2 = np.mean([d for d in A2 - Y], axis=0, keepdims=True)", oracle=B2R, style="listcomp-mean-rows-b2")
C(M, "W1", N, J("dW1 = np.zeros_like(W1)", "for x_i, z_i, d_i in zip(X, Z1, A2 - Y):", "    dW1 += np.outer(x_i, (d_i @ W2.T) * (z_i > 0))", "dW1 /= m"), oracle=W1R, style="zip-loop-W1")
C(M, "W1", N, J("dW1 = np.zeros_like(W1)", "for x_i, z_i, d_i in zip(X, Z1, A2 - Y):", "    dW1 += np.outer(x_i, (d_i @ W2.T) * (z_i >= 0))", "dW1 /= m"), "relu-at-zero", oracle=None, style="zip-loop-W1-ge",
  note="README's policy: z ≥ 0 keeps the gradient at Z1 = 0 (PyTorch never draws 0, no oracle)")
C(M, "W1", N, J("dW1 = np.zeros_like(W1)", "for x_i, d_i in zip(X, A2 - Y):", "    dW1 += np.outer(x_i, d_i @ W2.T)", "dW1 /= m"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="zip-loop-W1-mask-forgotten")
C(S, "W", N, J("grads = [np.outer(x, p - y) for x, p, y in zip(X, P, Y)]", "dW = sum(grads) / len(grads)"), oracle=SW, style="listcomp-len-softmax-W")
C(S, "W", N, J("grads = [np.outer(x, p - y) for x, p, y in zip(X, P, Y)]", "dW = sum(grads)"), "scale-factor", oracle="X.T @ (P - Y)", style="listcomp-len-softmax-W-no-mean")
C(E, "w", N, "dw = np.array([[(O[0, 0] - t) * O[0, 0] * (1 - O[0, 0]) * x[0, j] for j in range(n)]])", oracle=EW, style="listcomp-entries-neuron-w")
C(R, "w2", N, "grad_w2 = sum(np.outer(h_relu[i], 2.0 * (y_pred[i] - y[i])) for i in range(len(x)))", oracle=RW2, style="gen-len-x-relu-mlp-w2")
C(R, "w2", N, "grad_w2 = sum(np.outer(h_relu[i], y_pred[i] - y[i]) for i in range(len(x)))", "scale-factor", oracle=f"{RW2} / 2", style="gen-len-x-relu-mlp-w2-no-2")
C(T, "W2", N, J("dW2 = 0", "for h_i, e_i in zip(h, y_pred - y_target):", "    dW2 = dW2 + np.outer(h_i, e_i)"), oracle=TW2, style="zip-loop-tiny-W2")
C(T, "W2", N, J("# 逐个样本累加外积", "dW2 = 0", "for h_i, e_i in zip(h_raw, y_pred - y_target):", "    dW2 = dW2 + np.outer(h_i, e_i)"), "*", oracle="h_raw.T @ (y_pred - y_target)", style="zh-zip-loop-tiny-W2-pre-activation", lang=Z,
  note="the pre-activation h_raw where h belongs")
C(T, "W2", N, J("# 逐个样本累加外积", "dW2 = sum(np.outer(h_i, e_i) for h_i, e_i in zip(h, y_pred - y_target))"), oracle=TW2, style="zh-gen-zip-tiny-W2", lang=Z)

# ================================================================ Jupyter cells: prints, asserts, display, a trailing bare name
C(M, "W2", N, J("np.set_printoptions(precision=4, suppress=True)", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m", "print('dW2 =', dW2)", "assert dW2.shape == W2.shape", "dW2"), oracle=W2R, style="cell-print-assert-bare-W2")
C(M, "W2", N, J("np.set_printoptions(precision=4, suppress=True)", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2", "print('dW2 =', dW2)", "assert dW2.shape == W2.shape", "dW2"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="cell-print-assert-bare-W2-no-mean")
C(M, "b2", N, J("db2 = (A2 - Y).mean(axis=0, keepdims=True)", "display(db2)", "print(f'{db2.shape=}')"), oracle=B2R, style="cell-display-fstring-b2")
C(M, "b2", N, J("db2 = (A2 - Y).sum(axis=0, keepdims=True) / n_h", "display(db2)", "print(f'{db2.shape=}')"), "scale-factor", oracle=None, style="cell-display-fstring-b2-size-n_h",
  note="n_h for m: equal at the example sizes")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "print(dZ1.shape, X.shape)", "dW1 = X.T @ dZ1 / m", "assert np.all(np.isfinite(dW1)), 'nan!'", "dW1.round(4)"), oracle=W1R, style="cell-isfinite-round-W1")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "print(dZ1.shape, X.shape)", "dW1 = X.T @ dZ1 / m / m", "assert np.all(np.isfinite(dW1)), 'nan!'", "dW1.round(4)"), "scale-factor", oracle=f"{W1R} / m", style="cell-isfinite-round-W1-m-twice")
C(S, "W", N, J("dW = X.T @ (P - Y) / m", "print(dW)", "np.testing.assert_equal(dW.shape, (n, k))"), oracle=SW, style="cell-testing-equal-softmax-W")
C(S, "W", N, J("dW = X.T @ (P - Y) / k", "print(dW)", "np.testing.assert_equal(dW.shape, (n, k))"), "scale-factor", oracle="X.T @ (P - Y) / k", style="cell-testing-equal-softmax-W-size-k")
C(CH, "w", N, J("dw = 2 * v * x", "print(f'dL/dw = {dw:.4f}')", "dw"), oracle="2 * v * x", style="cell-fstring-chain-w")
C(CH, "w", N, J("dw = 2 * v", "print(f'dL/dw = {dw:.4f}')", "dw"), "*", oracle="2 * v", style="cell-fstring-chain-w-x-forgotten", note="∂v/∂w = x forgotten")
C(CH, "b", N, J("db = 2 * v", "print(f'dL/db = {db:.4f}')"), oracle="2 * v", style="cell-fstring-chain-b")
C(CH, "b", N, J("db = v", "print(f'dL/db = {db:.4f}')"), "scale-factor", oracle="v", style="cell-fstring-chain-b-no-2")
C(CH, "x", N, J("dx = 2 * v * w  # 链式法则", "print(dx)"), oracle="2 * v * w", style="zh-cell-chain-x", lang=Z)
C(CH, "x", N, J("dx = 2 * v * x  # 链式法则", "print(dx)"), "*", oracle="2 * v * x", style="zh-cell-chain-x-wrong-factor", lang=Z, note="x where w belongs")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = dY.sum(axis=0, keepdims=True)", "print(dbeta.shape)  # (1, n)", "dbeta"), oracle=BBETA, style="cell-bn-beta")
C(B, "beta", N, J("dY = 2 * (Y - T) / m", "dbeta = dY.sum(axis=0, keepdims=True)", "print(dbeta.shape)  # (1, n)", "dbeta"), "scale-factor", oracle=f"{BBETA} * n", style="cell-bn-beta-mean-over-m-only")

# ================================================================ type hints on every name
C(M, "W2", N, J("def grad_W2(A1: np.ndarray, A2: np.ndarray, Y: np.ndarray) -> np.ndarray:", "    m: int = Y.shape[0]", "    dZ2: np.ndarray = A2 - Y", "    return A1.T @ dZ2 / m", "", "dW2: np.ndarray = grad_W2(A1, A2, Y)"), oracle=W2R, style="typed-helper-W2")
C(M, "W2", N, J("def grad_W2(A1: np.ndarray, A2: np.ndarray, Y: np.ndarray) -> np.ndarray:", "    m: int = Y.shape[1]", "    dZ2: np.ndarray = A2 - Y", "    return A1.T @ dZ2 / m", "", "dW2: np.ndarray = grad_W2(A1, A2, Y)"), "scale-factor",
  oracle="A1.T @ (A2 - Y)", style="typed-helper-W2-shape-1", note="Y.shape[1] is 1 (one output), not m")
C(M, "W1", N, J("dZ2: np.ndarray = A2 - Y", "dA1: np.ndarray = dZ2 @ W2.T", "dZ1: np.ndarray = dA1 * (Z1 > 0).astype(np.float64)", "dW1: np.ndarray = X.T @ dZ1 / m"), oracle=W1R, style="typed-lines-W1")
C(M, "W1", N, J("dZ2: np.ndarray = A2 - Y", "dA1: np.ndarray = dZ2 @ W2.T", "dZ1: np.ndarray = dA1 * (Z1 > 0).astype(np.float64)", "dW1: np.ndarray = X.T @ dA1 / m"), "missing-activation-derivative",
  oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="typed-lines-W1-dA1-used", note="dZ1 computed, dA1 used")
C(MW, "b2", N, J("from typing import Final", "W: Final[float] = w", "dZ2: np.ndarray = (1 - Y) * A2 - W * Y * (1 - A2)", "db2: np.ndarray = dZ2.mean(axis=0, keepdims=True)"), oracle=WB2, style="typed-final-weighted-b2")
C(MW, "b2", N, J("from typing import Final", "W: Final[float] = w", "dZ2: np.ndarray = (1 - Y) * A2 - W * Y * A2", "db2: np.ndarray = dZ2.mean(axis=0, keepdims=True)"), "*",
  oracle="np.mean((1 - Y) * A2 - w * Y * A2, axis=0, keepdims=True)", style="typed-final-weighted-b2-wrong-factor", note="(1 − A2) of the positive term written A2")
C(R, "w1", N, J("import numpy.typing as npt", "def relu_back(g: npt.NDArray, pre: npt.NDArray) -> npt.NDArray:", "    return g * (pre > 0)", "", "grad_w1: npt.NDArray = x.T @ relu_back(2.0 * (y_pred - y) @ w2.T, h)"), oracle=RW1, style="typed-npt-relu-mlp-w1")
C(R, "w1", N, J("import numpy.typing as npt", "def relu_back(g: npt.NDArray, pre: npt.NDArray) -> npt.NDArray:", "    return g * (pre > 0)", "", "grad_w1: npt.NDArray = x.T @ relu_back(2.0 * (y_pred - y) @ w2.T, y_pred)"), "*",
  oracle=None, style="typed-npt-relu-mlp-w1-mask-output", note="the mask of y_pred (n x D_out) where h's belongs: no broadcast at the example sizes")
C(T, "W1", N, J("def sigmoid_prime(a: np.ndarray) -> np.ndarray:", '    """σ′ from the activation a = σ(z)."""', "    return a * (1 - a)", "", "dW1: np.ndarray = X.T @ ((y_pred - y_target) @ W2.T * sigmoid_prime(h))"), oracle=TW1, style="typed-sigmoid-prime-tiny-W1")
C(T, "W1", N, J("def sigmoid_prime(a: np.ndarray) -> np.ndarray:", '    """σ′ from the activation a = σ(z)."""', "    return a * (1 - a)", "", "dW1: np.ndarray = X.T @ ((y_pred - y_target) @ W2.T * sigmoid_prime(h_raw))"), "*",
  oracle="X.T @ ((y_pred - y_target) @ W2.T * h_raw * (1 - h_raw))", style="typed-sigmoid-prime-tiny-W1-of-pre-activation", note="σ′ written from the activation but fed the pre-activation")
C(S, "b", N, J("# 类型注解", "dZ: np.ndarray = P - Y", "db: np.ndarray = dZ.sum(axis=0, keepdims=True) / m"), oracle=SB, style="zh-typed-softmax-b", lang=Z)
C(S, "b", N, J("# 类型注解", "dZ: np.ndarray = P - Y", "db: np.ndarray = dZ.sum(axis=1, keepdims=True) / m"), "*", oracle="np.sum(P - Y, axis=1, keepdims=True) / m", style="zh-typed-softmax-b-wrong-axis", lang=Z)

# ================================================================ CuPy, MXNet nd, Paddle, JAX, torch
C(M, "W2", N, J(CU, "dW2 = cp.matmul(A1.T, A2 - Y) / m", "dW2 = cp.asnumpy(dW2)"), oracle=W2R, style="cupy-asnumpy-W2")
C(M, "W1", N, J(CU, "dZ1 = cp.matmul(A2 - Y, W2.T) * (Z1 > 0)", "dW1 = cp.asnumpy(cp.matmul(X.T, dZ1)) / m"), oracle=W1R, style="cupy-asnumpy-W1")
C(M, "W1", N, J(CU, "dZ1 = cp.matmul(A2 - Y, W2.T)", "dW1 = cp.asnumpy(cp.matmul(X.T, dZ1)) / m"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="cupy-asnumpy-W1-mask-forgotten")
C(S, "W", N, J(MX, "dW = nd.dot(X, P - Y, transpose_a=True) / m"), oracle=SW, style="mxnet-transpose-a-softmax-W")
C(S, "W", N, J(MX, "dW = nd.dot(X, P - Y, transpose_a=True)"), "scale-factor", oracle="X.T @ (P - Y)", style="mxnet-transpose-a-softmax-W-no-mean")
C(M, "W2", N, J(PD, "dW2 = paddle.matmul(A1, A2 - Y, transpose_x=True) / m"), oracle=W2R, style="paddle-transpose-x-W2")
C(M, "W2", N, J(PD, "dW2 = paddle.matmul(X, A2 - Y, transpose_x=True) / m"), "*", oracle="X.T @ (A2 - Y) / m", style="paddle-transpose-x-W2-wrong-layer-input",
  note="X where A1 belongs (n_in = n_h at the example)")
C(R, "w1", N, J(JN, "grad_h = jnp.dot(2.0 * (y_pred - y), w2.T)", "grad_w1 = jnp.dot(x.T, jnp.where(h > 0, grad_h, 0.0))"), oracle=RW1, style="jnp-where-relu-mlp-w1")
C(R, "w1", N, J(JN, "grad_h = jnp.dot(2.0 * (y_pred - y), w2.T)", "grad_w1 = jnp.dot(x.T, jnp.where(h > 0, 0.0, grad_h))"), "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h <= 0))", style="jnp-where-relu-mlp-w1-branches-swapped")
C(T, "W1", N, J(TH, "delta = torch.mm(y_pred - y_target, W2.t()) * h * (1 - h)", "dW1 = torch.mm(X.t(), delta)"), oracle=TW1, style="torch-mm-t-tiny-W1")
C(E, "w", N, J(TH, "dw = torch.mul((O - t) * O * (1 - O), x)"), oracle=EW, style="torch-mul-neuron-w")
C(E, "w", N, J(TH, "dw = torch.mul((O - t) * O * (1 - O), w)"), "*", oracle="(O - t) * O * (1 - O) * w", style="torch-mul-neuron-w-weight-for-input", note="w where x belongs")
C(R2, "b", N, J(TH, "dz2 = (h_2 - y) * (1 - h_2.pow(2))", "dz1 = dz2.mm(W_h.t()) * (1 - h_1.pow(2))", "db = (dz1 + dz2).sum(0, keepdim=True)"), oracle=RB, style="torch-pow-rnn-b")
C(R2, "b", N, J(TH, "dz2 = (h_2 - y) * (1 - h_2.pow(2))", "dz1 = dz2.mm(W_h.t()) * (1 - h_1.pow(2))", "db = (dz1 + dz2).mean(0, keepdim=True)"), "scale-factor", oracle=None, style="torch-pow-rnn-b-mean",
  note="the loss sums over the batch: a mean divides by the batch size")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / (n * d)", "dW_v = X.t() @ (A.t() @ dO)"), oracle=AWV, style="torch-at-attention-Wv")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / n", "dW_v = X.t() @ (A.t() @ dO)"), "scale-factor", oracle=f"{AWV} * d", style="torch-at-attention-Wv-mean-over-n-only")
C(B, "gamma", N, J(CU, "dY = 2 * (Y - T) / (m * n)", "dgamma = cp.sum(dY * Z_hat, axis=0, keepdims=True)"), oracle=BG, style="cupy-bn-gamma")
C(B, "gamma", N, J(CU, "dY = 2 * (Y - T) / (m * n)", "dgamma = cp.sum(dY * Y, axis=0, keepdims=True)"), "*", oracle=f"np.sum({BN_DY} * Y, axis=0, keepdims=True)", style="cupy-bn-gamma-output-for-zhat",
  note="the layer's output Y where the normalised Z_hat belongs")

# ================================================================ refusals: strings not eval'd, autograd, files
C(M, "W2", N, J(NE, "dW2 = ne.evaluate('A1 * (A2 - Y)') / m"), REFUSE, style="numexpr-string-W2", note="a string is never evaluated")
C(M, "b2", N, J(NE, "db2 = ne.evaluate('sum(A2 - Y, axis=0)') / m"), REFUSE, style="numexpr-string-b2")
C(S, "W", N, J(TH, "dW = torch.autograd.grad(L, W, retain_graph=True)[0]"), REFUSE, style="autograd-grad-retain-softmax-W")
C(M, "W1", N, J("dW1 = np.loadtxt('dW1_reference.txt')"), REFUSE, style="loadtxt-W1")
C(T, "W2", N, J("import pickle", "with open('grads.pkl', 'rb') as f:", "    dW2 = pickle.load(f)['W2']"), REFUSE, style="pickle-with-tiny-W2")
C(E, "w", N, J("# 直接读取老师给的答案文件", "dw = np.genfromtxt('answer.csv', delimiter=',')"), REFUSE, style="zh-genfromtxt-neuron-w", lang=Z)

# ================================================================ more: out= with a dZ2 name, comprehension and loop spellings, dicts
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.zeros(W2.shape)", "np.matmul(A1.T, dZ2, out=dW2)", "dW2 *= 1.0 / m"), oracle=W2R, style="matmul-out-zeros-shape-W2")
C(M, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.zeros(W2.shape)", "np.matmul(A1.T, dZ2, out=dW2)", "dW2 *= 2.0 / m"), "scale-factor", oracle=f"2 * {W2R}", style="matmul-out-zeros-shape-W2-factor-2")
C(M, "b2", N, J("db2 = np.zeros_like(b2)", "np.sum(A2 - Y, axis=0, keepdims=True, out=db2)", "db2 /= m"), oracle=B2R, style="sum-out-b2")
C(MW, "W2", N, J("grads = dict()", 'grads["dW2"] = sum([np.outer(a, (1 - y) * p - w * y * (1 - p)) for a, p, y in zip(A1, A2, Y)]) / m'), oracle=WW2, style="dq-listcomp-weighted-W2")
C(MW, "b2", N, J("grads = dict()", 'grads["db2"] = np.mean([(1 - y) * p - w * y * (1 - p) for p, y in zip(A2, Y)], axis=0, keepdims=True)'), oracle=WB2, style="dq-listcomp-weighted-b2")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = sum([h_prev.T @ dz for h_prev, dz in zip([h_0, h_1], [dz1, dz2])])"), oracle=RWH, style="listcomp-zip-steps-rnn-Wh")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = sum([h_prev.T @ dz for h_prev, dz in zip([h_1, h_2], [dz1, dz2])])"), "*",
  oracle=f"h_1.T @ {R2_D1} + h_2.T @ {R2_D2}", style="listcomp-zip-steps-rnn-Wh-states-shifted", note="each step's own state where the previous one belongs")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = np.zeros_like(W_v)", "np.matmul(X.T, A.T @ dO, out=dW_v)"), oracle=AWV, style="matmul-out-attention-Wv")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = sum([row for row in dY])[None, :]"), oracle=BBETA, style="listcomp-rows-bn-beta")
C(S, "b", N, J("db = np.zeros((1, k))", "for p_i, y_i in zip(P, Y):", "    db += (p_i - y_i) / m"), oracle=SB, style="zip-loop-softmax-b")
C(E, "w", N, J("dz: float = float((O - t) * O * (1 - O))", "dw: np.ndarray = dz * x"), oracle=EW, style="typed-float-neuron-w")
C(T, "W1", N, J("for name, value in {\"X\": X, \"h\": h}.items():", "    print(name, value.shape)", "dW1 = X.T @ ((y_pred - y_target) @ W2.T * h * (1 - h))"), oracle=TW1, style="cell-print-loop-tiny-W1")
C(R, "w2", N, J("grads = {}", 'grads["w2"] = h_relu.T @ (2.0 * (y_pred - y))', 'print({k: v.shape for k, v in grads.items()})'), oracle=RW2, style="dq-dict-print-relu-mlp-w2")
C(M, "b1", N, J("# 逐样本写法：列表推导式", "dZ1 = np.array([(a2 - y) @ W2.T * (z1 > 0) for a2, y, z1 in zip(A2, Y, Z1)])", "db1 = dZ1.mean(axis=0, keepdims=True)"), oracle=B1R, style="zh-listcomp-array-b1", lang=Z)
C(M, "b1", N, J("# 逐样本写法：列表推导式", "dZ1 = np.array([(a2 - y) @ W2.T for a2, y in zip(A2, Y)])", "db1 = dZ1.mean(axis=0, keepdims=True)"), "missing-activation-derivative",
  oracle="np.mean((A2 - Y) @ W2.T, axis=0, keepdims=True)", style="zh-listcomp-array-b1-mask-forgotten", lang=Z)
C(GL, "w2", N, J("dw2 = np.zeros_like(w2)", "np.matmul(H.T, (y_hat - y) / N, out=dw2)"), oracle=f"H.T @ {GL_DY}", style="gl-w2-matmul-out")
C(PZ, "b", N, J(JN, "dlogits = (jnp.exp(logits - log_z[:, None]) * (1 + 2e-4 * log_z[:, None]) - jnp.eye(C)[labels]) / B", "db = dlogits.sum(0)"), oracle=f"np.sum({PZ_D}, axis=0)", style="pz-b-factored")

# ================================================================ hn45_group_lasso_rows_numpy (NumPy; MSE/2 + λ Σ_rows ‖W1[i, :]‖)
C(GL, "w2", N, J("dy = (y_hat - y) / N", "dw2 = H.T @ dy"), oracle=f"H.T @ {GL_DY}", style="gl-w2")
C(GL, "w2", N, J("dy = y_hat - y", "dw2 = H.T @ dy"), "scale-factor", oracle="H.T @ (y_hat - y)", style="gl-w2-no-mean")
C(GL, "w2", N, J("dy = 2 * (y_hat - y) / N", "dw2 = H.T @ dy"), "scale-factor", oracle=f"2 * H.T @ {GL_DY}", style="gl-w2-factor-2", note="the loss is 0.5·mean: its slope has no 2")
C(GL, "w2", N, J("dy = (y_hat - y) / N", "dw2 = X.T @ dy"), "*", oracle=f"X.T @ {GL_DY}", style="gl-w2-wrong-layer-input", note="the input X where H belongs (p = h = 3)")
C(GL, "W1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "row_norm = np.sqrt(np.sum(W1 ** 2, axis=1, keepdims=True))", "dW1 = X.T @ dZ + lam * W1 / row_norm"), oracle=GL_W1, style="gl-W1")
C(GL, "W1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "dW1 = X.T @ dZ + lam * W1 / np.linalg.norm(W1, axis=1, keepdims=True)"), oracle=GL_W1, style="gl-W1-linalg-norm")
C(GL, "W1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "dW1 = X.T @ dZ"), "missing-loss-term", oracle=f"X.T @ {GL_DZ}", style="gl-W1-penalty-forgotten")
C(GL, "W1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "col_norm = np.sqrt(np.sum(W1 ** 2, axis=0, keepdims=True))", "dW1 = X.T @ dZ + lam * W1 / col_norm"), "*",
  oracle=f"X.T @ {GL_DZ} + lam * W1 / np.sqrt(np.sum(W1 ** 2, axis=0, keepdims=True))", style="gl-W1-norm-of-columns", note="the groups are W1's rows (input features), not its columns")
C(GL, "W1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "dW1 = X.T @ dZ + lam * W1"), "*", oracle=f"X.T @ {GL_DZ} + lam * W1", style="gl-W1-penalty-as-l2",
  note="the slope of ‖w‖ is w/‖w‖, not w")
C(GL, "W1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H)", "dW1 = X.T @ dZ + lam * W1 / np.linalg.norm(W1, axis=1, keepdims=True)"), "*", oracle=f"X.T @ ({GL_DY} @ w2.T * (1 - H)) + {GL_PEN}", style="gl-W1-tanh-prime-unsquared")
C(GL, "b1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "db1 = dZ.sum(axis=0)"), oracle=f"np.sum({GL_DZ}, axis=0)", style="gl-b1")
C(GL, "b1", N, J("dy = (y_hat - y) / N", "dZ = dy @ w2.T * (1 - H ** 2)", "db1 = dZ.mean(axis=0)"), "scale-factor", oracle=f"np.sum({GL_DZ}, axis=0) / N", style="gl-b1-mean-again")
C(GL, "b1", N, J("grads = {}", 'grads["b1"] = np.sum((y_hat - y) / N @ w2.T * (1 - np.tanh(X @ W1 + b1) ** 2), axis=0)'), oracle=f"np.sum({GL_DZ}, axis=0)", style="gl-b1-dq-dict-recomputed-tanh")

# ================================================================ hn45_palm_z_loss_optax_jax (JAX; CE + 1e-4·mean(log Z²))
PZI = "import jax"
C(PZ, "W", N, J(PZI, JN, "probs = jax.nn.softmax(logits, axis=-1)", "onehot = jax.nn.one_hot(labels, C)", "dlogits = (probs - onehot) / B + 2e-4 * log_z[:, None] * probs / B", "dW = x.T @ dlogits"), oracle=f"x.T @ {PZ_D}", style="pz-W")
C(PZ, "W", N, J(PZI, JN, "probs = jax.nn.softmax(logits, axis=-1)", "onehot = jax.nn.one_hot(labels, C)", "dlogits = (probs - onehot) / B", "dW = x.T @ dlogits"), "missing-path", oracle=f"x.T @ {PZ_CE}", style="pz-W-z-loss-forgotten", note="relabelled from missing-loss-term after the first pass: the checker's standing rule (diagnose._own_term) keeps missing-loss-term for a loss term that reads no input (a penalty); a data-reading term left out is missing-path")
C(PZ, "W", N, J(PZI, JN, "probs = jax.nn.softmax(logits, axis=-1)", "onehot = jax.nn.one_hot(labels, C)", "dlogits = (probs - onehot) / B + 1e-4 * log_z[:, None] * probs / B", "dW = x.T @ dlogits"), "scale-factor",
  oracle=f"x.T @ ({PZ_CE} + 1e-4 * log_z[:, None] * {PZ_P} / B)", style="pz-W-z-loss-factor-2-forgotten", note="d(log Z)²/dlog Z = 2 log Z; labelled loss-term-factor when written, relabelled scale-factor (of the term) by the same standing rule: loss-term-factor is for a penalty reading no input")
C(PZ, "W", N, J(PZI, JN, "probs = jax.nn.softmax(logits, axis=-1)", "onehot = jax.nn.one_hot(labels, C)", "dlogits = (probs - onehot) / B + 2e-4 * log_z[:, None] / B", "dW = x.T @ dlogits"), "*",
  oracle=f"x.T @ ({PZ_CE} + 2e-4 * log_z[:, None] / B)", style="pz-W-z-loss-softmax-forgotten", note="∂log Z/∂logits = softmax, dropped")
C(PZ, "W", N, J(JN, "probs = jnp.exp(logits - log_z[:, None])", "dlogits = (probs - jnp.eye(C)[labels]) / B + 2e-4 * log_z[:, None] * probs / B", "dW = jnp.dot(x.T, dlogits)"), oracle=f"x.T @ {PZ_D}", style="pz-W-exp-minus-logsumexp")
C(PZ, "W", N, J(JN, "probs = jnp.exp(logits - log_z[:, None])", "dlogits = (probs - jnp.eye(C)[labels]) + 2e-4 * log_z[:, None] * probs", "dW = jnp.dot(x.T, dlogits)"), "scale-factor", oracle=f"x.T @ {PZ_D} * B", style="pz-W-exp-minus-logsumexp-no-mean")
C(PZ, "b", N, J(PZI, "probs = jax.nn.softmax(logits, axis=-1)", "dlogits = (probs - jax.nn.one_hot(labels, C)) / B + 2e-4 * log_z[:, None] * probs / B", "db = dlogits.sum(axis=0)"), oracle=f"np.sum({PZ_D}, axis=0)", style="pz-b")
C(PZ, "b", N, J(PZI, "probs = jax.nn.softmax(logits, axis=-1)", "dlogits = (probs - jax.nn.one_hot(labels, C)) / B + 2e-4 * log_z[:, None] * probs / B", "db = dlogits.mean(axis=0)"), "scale-factor", oracle=f"np.sum({PZ_D}, axis=0) / B", style="pz-b-mean-again")
C(PZ, "b", N, J(PZI, "probs = jax.nn.softmax(logits, axis=-1)", "dlogits = (jax.nn.one_hot(labels, C) - probs) / B - 2e-4 * log_z[:, None] * probs / B", "db = dlogits.sum(axis=0)"), "sign", oracle=f"-np.sum({PZ_D}, axis=0)", style="pz-b-sign")
C(PZ, "b", N, J(PZI, JN, "probs = jax.nn.softmax(logits, axis=-1)", "dlogits = (probs - jax.nn.one_hot(labels, C)) / B", "db = jnp.sum(dlogits, axis=0)"), "missing-path", oracle=f"np.sum({PZ_CE}, axis=0)", style="pz-b-z-loss-forgotten", note="relabelled from missing-loss-term after the first pass: the checker's standing rule (diagnose._own_term) keeps missing-loss-term for a loss term that reads no input (a penalty); a data-reading term left out is missing-path")
C(PZ, "W", N, J(PZI, "dW = jax.grad(loss_fn)(W, x, labels)"), REFUSE, style="pz-jax-grad-W")

# ================================================================ hn45_siglip_sigmoid_pairwise (torch; −Σ log σ(label·logit) / n)
C(SG, "b", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits) / n", "db = dlogits.sum()"), oracle=f"np.sum({SG_D})", style="sg-b")
C(SG, "b", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits)", "db = dlogits.sum()"), "scale-factor", oracle=f"np.sum({SG_D}) * n", style="sg-b-no-mean")
C(SG, "b", N, J(TH, "dlogits = labels * torch.sigmoid(-labels * logits) / n", "db = dlogits.sum()"), "sign", oracle=f"-np.sum({SG_D})", style="sg-b-sign")
C(SG, "b", N, J(TH, "dlogits = -labels * torch.sigmoid(labels * logits) / n", "db = dlogits.sum()"), "*", oracle="np.sum(-labels / (1 + np.exp(-labels * logits)) / n)", style="sg-b-sigmoid-of-plus",
  note="d log σ(s)/ds = σ(−s) = 1 − σ(s), not σ(s)")
C(SG, "b", N, J(TH, "dlogits = -labels * (1 - torch.sigmoid(labels * logits)) / n", "db = dlogits.sum()"), oracle=f"np.sum({SG_D})", style="sg-b-one-minus-sigmoid")
C(SG, "t_prime", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits) / n", "dt = (dlogits * (zimg @ ztxt.T)).sum() * t_prime.exp()"), oracle=f"np.sum({SG_D} * {SG_ZZ}) * np.exp(t_prime)", style="sg-t")
C(SG, "t_prime", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits) / n", "dt = (dlogits * (zimg @ ztxt.T)).sum()"), "*", oracle=f"np.sum({SG_D} * {SG_ZZ})", style="sg-t-exp-forgotten",
  note="∂exp(t′)/∂t′ = exp(t′) dropped")
C(SG, "t_prime", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits) / n", "dt = (dlogits * (logits - b)).sum()"), oracle=f"np.sum({SG_D} * {SG_ZZ}) * np.exp(t_prime)", style="sg-t-logits-minus-b")
C(SG, "t_prime", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits) / n", "dt = (dlogits * logits).sum()"), "*", oracle=f"np.sum({SG_D} * logits)", style="sg-t-bias-kept",
  note="logits = s·exp(t′) + b: the bias b is no part of ∂logits/∂t′")
C(SG, "t_prime", N, J(TH, "dlogits = -labels * torch.sigmoid(-labels * logits) / n", "dt = torch.einsum('ij,ij->', dlogits, logits - b)"), oracle=f"np.sum({SG_D} * {SG_ZZ}) * np.exp(t_prime)", style="sg-t-einsum-full-contraction")

# ================================================================ hn45_orpo_odds_ratio_cn (torch; −c + … − λ log σ(log odds)), Chinese notes
ORC = "# ∂chosen_logps/∂W 与 ∂rejected_logps/∂W"
OR_HEAD = (TH, "import torch.nn.functional as F", "Pw = F.softmax(Hw @ W, dim=-1)", "Pl = F.softmax(Hl @ W, dim=-1)", ORC, "dc = Hw.t() @ (Yw - Pw) / T", "dr = Hl.t() @ (Yl - Pl) / T")
C(OR, "W", N, J(*OR_HEAD, "s = torch.sigmoid(-log_odds)  # 1 - σ(log_odds)", "dW = -dc - lam * s * (dc / (1 - chosen_logps.exp()) - dr / (1 - rejected_logps.exp()))"), oracle=OR_W, style="zh-or-W", lang=Z)
C(OR, "W", N, J(*OR_HEAD, "dW = -dc  # 只算 SFT 部分"), "missing-path", oracle=f"-Hw.T @ (Yw - {OR_PW}) / T", style="zh-or-W-ratio-forgotten", note="relabelled from missing-loss-term after the first pass: the checker's standing rule (diagnose._own_term) keeps missing-loss-term for a loss term that reads no input (a penalty); a data-reading term left out is missing-path", lang=Z)
C(OR, "W", N, J(*OR_HEAD, "s = torch.sigmoid(-log_odds)", "dW = -dc - lam * s * (dc - dr)  # 把 log odds 当成 c - r"), "*",
  oracle=f"-Hw.T @ (Yw - {OR_PW}) / T - lam * {OR_S} * (Hw.T @ (Yw - {OR_PW}) / T - Hl.T @ (Yl - {OR_PL}) / T)", style="zh-or-W-odds-factor-forgotten", lang=Z,
  note="d log(p/(1−p))/d log p = 1/(1 − p), dropped")
C(OR, "W", N, J(*OR_HEAD, "s = torch.sigmoid(-log_odds)", "dW = -dc + lam * s * (dc / (1 - chosen_logps.exp()) - dr / (1 - rejected_logps.exp()))"), "*",
  oracle=f"-Hw.T @ (Yw - {OR_PW}) / T + lam * {OR_S} * (Hw.T @ (Yw - {OR_PW}) / T / (1 - np.exp(chosen_logps)) - Hl.T @ (Yl - {OR_PL}) / T / (1 - np.exp(rejected_logps)))",
  style="zh-or-W-ratio-sign", lang=Z, note="the loss subtracts λ·ratio: its term's sign flipped")
C(OR, "W", N, J(*OR_HEAD, "s = torch.sigmoid(log_odds)", "dW = -dc - lam * s * (dc / (1 - chosen_logps.exp()) - dr / (1 - rejected_logps.exp()))"), "*",
  oracle=f"-Hw.T @ (Yw - {OR_PW}) / T - lam / (1 + np.exp(-log_odds)) * (Hw.T @ (Yw - {OR_PW}) / T / (1 - np.exp(chosen_logps)) - Hl.T @ (Yl - {OR_PL}) / T / (1 - np.exp(rejected_logps)))",
  style="zh-or-W-logsigmoid-slope", lang=Z, note="d log σ(x)/dx = σ(−x), not σ(x)")
C(OR, "W", N, J(TH, "import torch.nn.functional as F", "Pw = F.softmax(Hw @ W, dim=-1)", "Pl = F.softmax(Hl @ W, dim=-1)", "dc = Hw.t() @ (Yw - Pw)", "dr = Hl.t() @ (Yl - Pl)  # 忘了对 T 取平均",
                 "s = 1 - torch.sigmoid(log_odds)", "dW = -dc - lam * s * (dc / (1 - chosen_logps.exp()) - dr / (1 - rejected_logps.exp()))"), "scale-factor", oracle=f"({OR_W}) * T", style="zh-or-W-no-mean", lang=Z)
C(OR, "W", N, J(*OR_HEAD, "s = 1 - torch.sigmoid(log_odds)", "gc = -1 - lam * s / (1 - torch.exp(chosen_logps))", "gr = lam * s / (1 - torch.exp(rejected_logps))", "dW = gc * dc + gr * dr"), oracle=OR_W, style="zh-or-W-chain-factors", lang=Z)
C(OR, "W", N, J(*OR_HEAD, "s = 1 - torch.sigmoid(log_odds)", "gc = -1 - lam * s / (1 - torch.exp(chosen_logps))", "gr = lam * s / (1 - torch.exp(rejected_logps))", "dW = gc * dc"), "missing-path",
  oracle=f"Hw.T @ (Yw - {OR_PW}) / T * {OR_GC}", style="zh-or-W-rejected-path-forgotten", lang=Z)
C(OR, "W", N, J(TH, "dW = torch.autograd.grad(loss, W)[0]  # 偷懒"), REFUSE, style="zh-or-autograd-grad", lang=Z)

# ================================================================ hn45_gmlp_spatial_gating_cn (torch; mse over n x d), Chinese notes
GMO = "dout = 2 * (out - y) / (n * d)  # mse_loss 对所有元素取平均"
C(GM, "Vp", N, J(TH, GMO, "dVp = (u * gate).t() @ dout"), oracle=f"(u * gate).T @ {GM_DO}", style="zh-gm-Vp", lang=Z)
C(GM, "Vp", N, J(TH, "dout = 2 * (out - y) / n", "dVp = (u * gate).t() @ dout"), "scale-factor", oracle=f"(u * gate).T @ {GM_DO} * d", style="zh-gm-Vp-mean-over-n-only", lang=Z)
C(GM, "Vp", N, J(TH, GMO, "dVp = u.t() @ dout  # 忘了乘门控"), "*", oracle=f"u.T @ {GM_DO}", style="zh-gm-Vp-gate-forgotten", lang=Z)
C(GM, "Vp", N, J(TH, "dout = (out - y) / (n * d)", "dVp = (u * gate).t() @ dout"), "scale-factor", oracle=f"(u * gate).T @ {GM_DO} / 2", style="gm-Vp-no-2")
C(GM, "bs", N, J(TH, GMO, "dgate = (dout @ Vp.t()) * u", "dbs = dgate.sum(dim=1, keepdim=True)"), oracle=f"np.sum({GM_DG}, axis=1, keepdims=True)", style="zh-gm-bs", lang=Z)
C(GM, "bs", N, J(TH, GMO, "dgate = (dout @ Vp.t()) * u", "dbs = dgate.sum(dim=0, keepdim=True)"), "*", oracle=f"np.sum({GM_DG}, axis=0, keepdims=True)", style="gm-bs-wrong-axis",
  note="bs is n x 1 (one bias a token), summed over the channels, not the tokens")
C(GM, "Ws", N, J(TH, GMO, "dgate = (dout @ Vp.t()) * u", "dWs = dgate @ v_n.t()"), oracle=f"{GM_DG} @ v_n.T", style="gm-Ws")
C(GM, "Ws", N, J(TH, GMO, "dgate = (dout @ Vp.t()) * u", "dWs = v_n @ dgate.t()"), "*", oracle=f"v_n @ {GM_DG}.T", style="gm-Ws-transposed")
C(GM, "Ws", N, J(TH, GMO, "dgate = (dout @ Vp.t()) * u", "dWs = dgate @ v.t()  # 用了归一化之前的 v"), "*", oracle=f"{GM_DG} @ v.T", style="zh-gm-Ws-pre-norm", lang=Z)
C(GM, "Ws", N, J(TH, GMO, "dWs = (dout @ Vp.t()) @ v_n.t()"), "*", oracle=f"({GM_DO} @ Vp.T) @ v_n.T", style="gm-Ws-u-forgotten")

# ================================================================ hn45_mindspore_mint_layernorm_gelu_cn (logits = hidden W2ᵀ + b2, CE mean)
MSI = "from mindspore import mint"
C(MS, "W2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "onehot = np.eye(C)[label]", "dlogits = (probs - onehot) / N", "dW2 = dlogits.T @ hidden  # nn.Linear 的权重是 [输出, 输入]"),
  oracle=f"{MS_D}.T @ hidden", style="zh-ms-W2", lang=Z)
C(MS, "W2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "onehot = np.eye(C)[label]", "dlogits = (probs - onehot) / N", "dW2 = hidden.T @ dlogits  # 按 x @ W 的习惯写了"), "*",
  oracle=f"hidden.T @ {MS_D}", style="zh-ms-W2-input-major", lang=Z, note="[in, out] where nn.Linear's W2 is [out, in]: the transpose (C = h = 3 square)")
C(MS, "W2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "onehot = np.eye(C)[label]", "dlogits = probs - onehot", "dW2 = dlogits.T @ hidden"), "scale-factor", oracle=f"{MS_D}.T @ hidden * N", style="ms-W2-no-mean")
C(MS, "W2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "dlogits = (probs - np.eye(C)[label]) / N", "dW2 = mint.matmul(dlogits.T, hidden)"), oracle=f"{MS_D}.T @ hidden", style="ms-W2-mint-matmul")
C(MS, "W2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "dlogits = (probs - np.eye(C)[label]) / N", "dW2 = mint.matmul(dlogits.T, y_ln)"), "*", oracle=None, style="ms-W2-mint-matmul-layer-norm-output",
  note="y_ln (N x d) where hidden (N x h) belongs: C x d, not C x h")
C(MS, "b2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "dlogits = (probs - np.eye(C)[label]) / N", "db2 = dlogits.sum(axis=0)  # 偏置：对样本求和"), oracle=f"np.sum({MS_D}, axis=0)", style="zh-ms-b2", lang=Z)
C(MS, "b2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "dlogits = (probs - np.eye(C)[label]) / N", "db2 = dlogits.mean(axis=0)  # 又平均了一次"), "scale-factor", oracle=f"np.sum({MS_D}, axis=0) / N", style="zh-ms-b2-mean-again", lang=Z)
C(MS, "b2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "dlogits = (np.eye(C)[label] - probs) / N", "db2 = dlogits.sum(axis=0)"), "sign", oracle=f"-np.sum({MS_D}, axis=0)", style="ms-b2-sign")
C(MS, "b2", N, J(MSI, "probs = mint.nn.functional.softmax(logits, dim=-1)", "db2 = ((probs - np.eye(C)[label]) / h).sum(axis=0)"), "scale-factor", oracle=None, style="ms-b2-size-h",
  note="h for the batch size N: both 3 at the example sizes")

# ================================================================ hn45_multi_query_attention_tf (TF; one key/value head shared by two query heads)
TF = "import tensorflow as tf"
MQO = "dout = 2 * (out - y) / (n * d)"
C(MQ, "Wo", N, J(TF, MQO, "dWo = tf.matmul(heads, dout, transpose_a=True)"), oracle=f"heads.T @ {MQ_DO}", style="mq-Wo")
C(MQ, "Wo", N, J(TF, "dout = 2 * (out - y) / n", "dWo = tf.matmul(heads, dout, transpose_a=True)"), "scale-factor", oracle=f"heads.T @ {MQ_DO} * d", style="mq-Wo-mean-over-n-only")
C(MQ, "Wo", N, J(TF, MQO, "dWo = tf.matmul(x, dout, transpose_a=True)"), "*", oracle=f"x.T @ {MQ_DO}", style="mq-Wo-wrong-layer-input", note="the block's input x where heads belongs (d = 2k = 4)")
MQV = (TF, MQO, "dheads = tf.matmul(dout, Wo, transpose_b=True)")
C(MQ, "Wv", N, J(*MQV, "dvalue = tf.matmul(a1, dheads[:, :k], transpose_a=True) + tf.matmul(a2, dheads[:, k:], transpose_a=True)", "dWv = tf.matmul(x, dvalue, transpose_a=True)"), oracle=f"x.T @ {MQ_DV}", style="mq-Wv")
C(MQ, "Wv", N, J(*MQV, "dvalue = tf.matmul(a1, dheads[:, :k], transpose_a=True)", "dWv = tf.matmul(x, dvalue, transpose_a=True)"), "missing-path", oracle=f"x.T @ (a1.T @ {MQ_DH}[:, :k])", style="mq-Wv-one-head-only",
  note="the value head is shared: both query heads' paths reach it")
C(MQ, "Wv", N, J(*MQV, "dvalue = tf.matmul(a1, dheads[:, :k]) + tf.matmul(a2, dheads[:, k:])", "dWv = tf.matmul(x, dvalue, transpose_a=True)"), "*", oracle=f"x.T @ (a1 @ {MQ_DH}[:, :k] + a2 @ {MQ_DH}[:, k:])", style="mq-Wv-attention-not-transposed")
C(MQ, "Wv", N, J(*MQV, "dvalue = tf.matmul(a1, dheads[:, k:], transpose_a=True) + tf.matmul(a2, dheads[:, :k], transpose_a=True)", "dWv = tf.matmul(x, dvalue, transpose_a=True)"), "*",
  oracle=f"x.T @ (a1.T @ {MQ_DH}[:, k:] + a2.T @ {MQ_DH}[:, :k])", style="mq-Wv-heads-swapped")
C(MQ, "Wv", N, J(*MQV, "d1, d2 = tf.split(dheads, 2, axis=-1)", "dWv = tf.matmul(x, tf.matmul(a1, d1, transpose_a=True) + tf.matmul(a2, d2, transpose_a=True), transpose_a=True)"), oracle=f"x.T @ {MQ_DV}", style="mq-Wv-tf-split")
C(MQ, "Wo", N, J(TF, "with tf.GradientTape() as tape:", "    loss_value = loss", "dWo = tape.gradient(loss_value, Wo)"), REFUSE, style="mq-gradient-tape-Wo")
C(MQ, "Wo", N, J(TF, MQO, "dWo = tf.einsum('...nk,...nd->...kd', heads, dout)"), oracle=f"heads.T @ {MQ_DO}", style="mq-Wo-einsum-ellipsis")
C(MQ, "Wo", N, J(TF, MQO, "dWo = tf.einsum('...nk,...nd->...kd', heads, dout) / n"), "scale-factor", oracle=f"heads.T @ {MQ_DO} / n", style="mq-Wo-einsum-ellipsis-mean-again")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c46-000, … as written; cases that happen to repeat corpora 2-45 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus46", "c46", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
