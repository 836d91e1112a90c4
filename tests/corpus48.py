"""The held-out-style corpus of issue 11, forty-eighth round: CODE only, in spellings the earlier
corpora hold rarely or never in these forms — ``einops.rearrange``/``einops.reduce`` (read where
they are a transpose or a sum, refused where they are not plain), ``torch.einsum`` with an
ellipsis, ``np.einsum_path`` lines and ``optimize=`` paths, ``jax.lax.dot_general``,
``tf.linalg.matmul(transpose_a=True)``, ``torch.addmm``/``torch.baddbmm``, ``np.matmul(…, out=…)``,
augmented-assignment chains (``dW += …; dW /= m``), NumPy ufunc methods (``np.multiply.outer``,
``np.add.reduce``), ``@dataclass`` caches, generators with ``yield`` in a backward, ``try``/``except``
around shapes, type-annotated helpers, docstrings holding formulas, comment-heavy notebook cells,
``%``-magic lines pasted from Jupyter and print-debug lines — and students' classic mistakes on them
(1/m missing, a transpose, the wrong layer's input, a wrong size name equal at the example sizes,
the mask of the wrong tensor, the factor 2, the label form, soft targets, the sign, a
simplification right for 0/1 labels only, a constant written as its number, a squeezed shape
slip), on the built-ins and seven lecturer networks no corpus had used (hn47_*, hn47s_*: KTO's
desirable/undesirable loss, a WGAN critic with weight clipping, a squeeze/unsqueeze head, NumPy's
expand_dims chain, a two-step LRU, the contrastive-center loss, Paddle's logit-adjusted CE).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck48"). Built-in cases carry a PyTorch oracle
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


KT = _spec("hn47_kto_loss_trl")
WG = _spec("hn47_wgan_critic_clip_keras")
SQ = _spec("hn47s_squeeze_unsqueeze_head")
ED = _spec("hn47s_numpy_expand_dims_chain_cn")
LR = _spec("hn47_lru_two_steps_jax")
CC = _spec("hn47_contrastive_center_loss_cn")
LA = _spec("hn47_logit_adjusted_ce_paddle_cn")
BT = _spec("hn47_bitempered_logistic_numpy")
MP = _spec("hn47s_maxpool_floor_5x5_relu")

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
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"
BG = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBETA = f"np.sum({BN_DY}, axis=0, keepdims=True)"
TDH = "((y_pred - y_target) * W2.T)"

# ---- course oracles (NumPy over the spec's own tensors, tests/corpus_common.course_oracle_ok)
SIG = "(1 / (1 + np.exp(-{})))"
KT_S = SIG.format("(rewards - z0)")
KT_G = f"((-desirable * lambda_d + (1 - desirable) * lambda_u) * {KT_S} * (1 - {KT_S}))"
KT_W = f"beta * x.T @ ({KT_G} * (1 - {SIG.format('(x @ W)')})) / N"
WG_UF, WG_UR = "(fake @ W1c)", "(real @ W1c)"
WG_LF = f"np.where({WG_UF} > 0, {WG_UF}, 0.2 * {WG_UF})"
WG_LR = f"np.where({WG_UR} > 0, {WG_UR}, 0.2 * {WG_UR})"
WG_W2 = f"(np.sum({WG_LF}, axis=0)[:, None] - np.sum({WG_LR}, axis=0)[:, None]) / N"
WG_SF = f"np.where({WG_UF} > 0, 1.0, 0.2)"
WG_SR = f"np.where({WG_UR} > 0, 1.0, 0.2)"
WG_W1C = f"(fake.T @ ({WG_SF} * W2.T) - real.T @ ({WG_SR} * W2.T)) / N"
WG_W1 = f"{WG_W1C} * (np.abs(W1) <= c)"
SQ_DZ = "(2 * (z - y) / N * (1 - z ** 2))"
SQ_V = f"X.T @ {SQ_DZ} + 0.2 * X.T @ s[:, None] / N"
SQ_C = "0.2 * np.sum(s) / N"
ED_W = "2 * X.T @ e / m + 0.02 * X.T @ (X @ w)"
LR_DY = "((y - t) / N)"
LR_C = f"h2.T @ {LR_DY}"
LR_D = f"x2.T @ {LR_DY}"
LR_B = f"x2.T @ ({LR_DY} @ C.T * gamma) + x1.T @ ({LR_DY} @ C.T * lam * gamma)"
CC_P = "(np.exp(feat @ Wc) / np.exp(feat @ Wc).sum(axis=1, keepdims=True))"
CC_WC = f"feat.T @ ({CC_P} * Y.sum(axis=1, keepdims=True) - Y) / N"
CC_G = "(0.5 * (Y / (inter + delta)[:, None] - (intra / (inter + delta) ** 2)[:, None] * (1 - Y)))"
CC_CEN = f"-2 * lam * ({CC_G}.T @ feat - {CC_G}.sum(axis=0)[:, None] * centers)"
LA_P = "(np.exp(adjusted) / np.exp(adjusted).sum(axis=1, keepdims=True))"
LA_W2 = f"hid.T @ ({LA_P} * label.sum(axis=1, keepdims=True) - label) / N"

TH = "import torch"
TF = "import tensorflow as tf"
JN = "import jax.numpy as jnp"
LX = "from jax import lax"
EI = "from einops import rearrange, reduce"
DC = "from dataclasses import dataclass"
PD = "import paddle"
NPI = "import numpy as np"

# ================================================================ einops: rearrange as a transpose, reduce as a sum/mean
C(M, "W2", N, J(EI, "dZ2 = A2 - Y", "dW2 = rearrange(A1, 'm h -> h m') @ dZ2 / m"), oracle=W2R, style="einops-rearrange-W2")
C(M, "W2", N, J(EI, "dZ2 = A2 - Y", "dW2 = rearrange(A1, 'm h -> m h').T.T @ dZ2 / m"), "*", oracle=None, style="einops-rearrange-identity-W2-shape",
  note="'m h -> m h' is no transpose: A1 (m x n_h) @ dZ2 (m x 1) is a shape error")
C(M, "b2", N, J(EI, "db2 = reduce(A2 - Y, 'm o -> 1 o', 'mean')"), oracle=B2R, style="einops-reduce-mean-b2")
C(M, "b2", N, J(EI, "db2 = reduce(A2 - Y, 'm o -> 1 o', 'sum')"), "scale-factor", oracle=f"{B2R} * m", style="einops-reduce-sum-b2-no-mean")
C(M, "b1", N, J(EI, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = reduce(dZ1, 'm h -> () h', 'mean')"), oracle=B1R, style="einops-reduce-parens-b1")
C(S, "b", N, J(EI, "db = reduce(P - Y, 'b k -> 1 k', reduction='mean')"), oracle=SB, style="einops-reduce-kw-softmax-b")
C(S, "W", N, J(EI, "dW = rearrange(X, 'b n -> n b') @ (P - Y) / m"), oracle=SW, style="einops-rearrange-softmax-W")
C(S, "W", N, J(EI, "dW = rearrange(X, 'b n -> n b') @ (Y - P) / m"), "sign", oracle=f"-{SW}", style="einops-rearrange-softmax-W-sign")
C(R2, "W_h", N, J(EI, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = rearrange(h_1, 'b h -> h b') @ dz2 + rearrange(h_0, 'b h -> h b') @ dz1"), oracle=RWH, style="einops-rnn-Wh")
C(M, "W1", N, J(EI, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = reduce(rearrange(X, 'm n -> m n 1') * rearrange(dZ1, 'm h -> m 1 h'), 'm n h -> n h', 'sum') / m"), oracle=W1R, style="einops-outer-reduce-W1")
C(M, "W2", N, J(EI, "dW2 = rearrange(A1, '(a b) h -> h (a b)', a=2) @ (A2 - Y) / m"), REFUSE, style="einops-rearrange-split-axis-W2-refused",
  note="a split axis pattern: not read (refused, not guessed)")
C(M, "b2", N, J(EI, "# einops 的 reduce：对 batch 维求平均", "db2 = reduce(A2 - Y, 'm o -> o', 'mean')[None, :]"), oracle=B2R, style="zh-einops-reduce-b2", lang=Z)

# ================================================================ torch.einsum with an ellipsis
C(M, "W2", N, J(TH, "dW2 = torch.einsum('...h,...o->ho', A1, A2 - Y) / m"), oracle=W2R, style="einsum-ellipsis-W2")
C(M, "W2", N, J(TH, "dW2 = torch.einsum('...h,...o->ho', A1, A2 - Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="einsum-ellipsis-W2-no-mean")
C(M, "W1", N, J(TH, "dZ1 = torch.einsum('...o,ho->...h', A2 - Y, W2) * (Z1 > 0)", "dW1 = torch.einsum('mn,mh->nh', X, dZ1) / m"), oracle=W1R, style="einsum-ellipsis-W1")
C(M, "W1", N, J(TH, "dZ1 = torch.einsum('...o,ho->...h', A2 - Y, W2) * (Z1 > 0)", "dW1 = torch.einsum('mn,mh->nh', A1, dZ1) / m"), "*", oracle=f"A1.T @ {DZ1} / m", style="einsum-ellipsis-W1-wrong-input")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / (n * d)", "dW_v = torch.einsum('...i,...j->ij', A @ X, dO)"), oracle=AWV, style="einsum-ellipsis-attention-Wv")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / (n * d)", "dW_v = torch.einsum('...i,...j->ij', X, dO)"), "*", oracle=f"X.T @ {AT_DO}", style="einsum-ellipsis-attention-Wv-A-forgotten")
C(S, "W", N, J(TH, "dW = torch.einsum('b...,bk->...k', X, P - Y) / m"), oracle=SW, style="einsum-leading-ellipsis-softmax-W")
C(B, "gamma", N, J(TH, "dY = 2 * (Y - T) / (m * n)", "dgamma = torch.einsum('...j,...j->j', dY, Z_hat)[None, :]"), oracle=BG, style="einsum-ellipsis-bn-gamma")
C(B, "gamma", N, J(TH, "dY = 2 * (Y - T) / (m * n)", "dgamma = torch.einsum('...j,...j->j', dY, Z_hat)[None, :] / m"), "scale-factor", oracle=f"{BG} / m", style="einsum-ellipsis-bn-gamma-extra-mean")

# ================================================================ np.einsum_path and optimize=
EP = "path, info = np.einsum_path('mn,mh->nh', X, dZ1, optimize='greedy')"
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", EP, "print(info)", "dW1 = np.einsum('mn,mh->nh', X, dZ1, optimize=path) / m"), oracle=W1R, style="einsum-path-W1")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", EP, "dW1 = np.einsum('mn,mh->nh', X, dZ1, optimize=path)"), "scale-factor", oracle=f"X.T @ {DZ1}", style="einsum-path-W1-no-mean")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "path = np.einsum_path('ni,mn,mj->ij', X, A, dO, optimize='optimal')[0]", "dW_v = np.einsum('ni,mn,mj->ij', X, A, dO, optimize=path)"), oracle=AWV, style="einsum-path-three-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / (n * d)", "dW_v = np.einsum('ni,nm,mj->ij', X, A, dO, optimize=True)"), "*", oracle=f"X.T @ A @ {AT_DO}", style="einsum-optimize-true-attention-Wv-A-not-transposed")
C(S, "W", N, J("# 先看一下 einsum 的计算路径", "print(np.einsum_path('bn,bk->nk', X, P - Y)[1])", "dW = np.einsum('bn,bk->nk', X, P - Y, optimize='greedy') / m"), oracle=SW, style="zh-einsum-path-print-softmax-W", lang=Z)

# ================================================================ jax.lax.dot_general
DG = "lax.dot_general({}, {}, (((0,), (0,)), ((), ())))"
C(M, "W2", N, J(LX, "dW2 = " + DG.format("A1", "A2 - Y") + " / m"), oracle=W2R, style="dot-general-W2")
C(M, "W2", N, J(LX, "dW2 = " + DG.format("A1", "A2 - Y") + " / A1.shape[1]"), "scale-factor", oracle=None, style="dot-general-W2-shape1",
  note="A1.shape[1] = n_h where m belongs: equal at the example sizes")
C(M, "W1", N, J(LX, "dZ1 = lax.dot_general(A2 - Y, W2, (((1,), (1,)), ((), ()))) * (Z1 > 0)", "dW1 = " + DG.format("X", "dZ1") + " / m"), oracle=W1R, style="dot-general-W1")
C(M, "W1", N, J(LX, "dZ1 = lax.dot_general(A2 - Y, W2, (((1,), (1,)), ((), ()))) * (A1 > 0)", "dW1 = " + DG.format("X", "dZ1") + " / m"), oracle=W1R, style="dot-general-W1-mask-A1",
  note="A1 = relu(Z1) > 0 exactly where Z1 > 0")
C(R, "w2", N, J(LX, "dw2 = " + DG.format("h_relu", "2.0 * (y_pred - y)")), oracle=RW2, style="dot-general-relu-mlp-w2")
C(R, "w2", N, J(LX, "dw2 = " + DG.format("h", "2.0 * (y_pred - y)")), "*", oracle="2 * h.T @ (y_pred - y)", style="dot-general-relu-mlp-w2-pre-activation",
  note="h before the ReLU where h_relu belongs")
C(T, "W2", N, J(LX, "dW2 = " + DG.format("h", "y_pred - y_target")), oracle=TW2, style="dot-general-tiny-W2")
C(R2, "W_x", N, J(LX, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_x = " + DG.format("x_2", "dz2") + " + " + DG.format("x_1", "dz1")), oracle=RWX, style="dot-general-rnn-Wx")
C(R2, "W_x", N, J(LX, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_x = " + DG.format("x_1", "dz2") + " + " + DG.format("x_2", "dz1")), "*",
  oracle=f"x_1.T @ {R2_D2} + x_2.T @ {R2_D1}", style="dot-general-rnn-Wx-steps-swapped", note="each step's input paired with the other step's error")

# ================================================================ tf.linalg.matmul(transpose_a=True)
C(M, "W2", N, J(TF, "dW2 = tf.linalg.matmul(A1, A2 - Y, transpose_a=True) / m"), oracle=W2R, style="tf-linalg-transpose-a-W2")
C(M, "W2", N, J(TF, "dW2 = tf.linalg.matmul(A2 - Y, A1, transpose_a=True) / m"), "*", oracle="(A2 - Y).T @ A1 / m", style="tf-linalg-transpose-a-W2-swapped",
  note="1 x n_h where n_h x 1 belongs")
C(M, "W1", N, J(TF, "dZ1 = tf.linalg.matmul(A2 - Y, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float64)", "dW1 = tf.linalg.matmul(X, dZ1, transpose_a=True) / m"), oracle=W1R, style="tf-linalg-transpose-b-W1")
C(M, "W1", N, J(TF, "dZ1 = tf.linalg.matmul(A2 - Y, W2, transpose_b=True)", "dW1 = tf.linalg.matmul(X, dZ1, transpose_a=True) / m"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="tf-linalg-W1-no-mask")
C(S, "W", N, J(TF, "dW = tf.linalg.matmul(X, P - Y, transpose_a=True) / tf.cast(tf.shape(X)[0], tf.float64)"), oracle=SW, style="tf-linalg-shape-softmax-W")
C(S, "W", N, J(TF, "dW = tf.linalg.matmul(X, P - tf.argmax(Y, axis=1)[:, None], transpose_a=True) / m"), "*", oracle=None, style="tf-linalg-softmax-W-argmax-labels",
  note="the class-index column where the one-hot rows belong")
C(MW, "W2", N, J(TF, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "dW2 = tf.linalg.matmul(A1, dZ2, transpose_a=True) / m"), oracle=WW2, style="tf-linalg-weighted-W2")
C(MW, "W2", N, J(TF, "dZ2 = (1 - Y) * A2 - 3.0 * Y * (1 - A2)", "dW2 = tf.linalg.matmul(A1, dZ2, transpose_a=True) / m"), "*", oracle=None, style="tf-linalg-weighted-W2-constant-as-number",
  note="the pos_weight written as its number 3.0: right at the example's constant only")

# ================================================================ torch.addmm / torch.baddbmm
C(M, "W2", N, J(TH, "dW2 = torch.addmm(torch.zeros_like(W2), A1.T, A2 - Y, alpha=1 / m)"), oracle=W2R, style="addmm-alpha-W2")
C(M, "W2", N, J(TH, "dW2 = torch.addmm(torch.zeros_like(W2), A1.T, A2 - Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="addmm-W2-no-alpha")
C(M, "W1", N, J(TH, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = torch.addmm(torch.zeros(n_in, n_h), X.t(), dZ1, beta=0, alpha=1.0 / m)"), oracle=W1R, style="addmm-beta0-W1")
C(R2, "W_h", N, J(TH, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = torch.addmm(h_1.T @ dz2, h_0.T, dz1)"), oracle=RWH, style="addmm-accumulate-rnn-Wh")
C(R2, "W_h", N, J(TH, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = torch.addmm(h_1.T @ dz2, h_1.T, dz1)"), "*",
  oracle=f"h_1.T @ {R2_D2} + h_1.T @ {R2_D1}", style="addmm-accumulate-rnn-Wh-h1-twice", note="h_1 for h_0 in the first step's term")
C(R, "w1", N, J(TH, "dh = torch.addmm(torch.zeros_like(h), 2.0 * (y_pred - y), w2.t()) * (h > 0)", "dw1 = x.t() @ dh"), oracle=RW1, style="addmm-relu-mlp-w1")
C(M, "b1", N, J(TH, "dZ1 = torch.addmm(torch.zeros_like(Z1), A2 - Y, W2.T) * (Z1 > 0)", "db1 = dZ1.mean(0, keepdim=True)"), oracle=B1R, style="addmm-b1")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / (n * d)", "dW_v = torch.baddbmm(torch.zeros(1, d, d), (A @ X).T[None], dO[None])[0]"), oracle=AWV, style="baddbmm-attention-Wv")
C(A, "W_v", N, J(TH, "dO = 2 * (O - T) / (n * d)", "dW_v = torch.baddbmm(torch.zeros(1, d, d), (A @ X).T[None], dO[None], alpha=0.5)[0]"), "scale-factor", oracle=f"0.5 * {AWV}", style="baddbmm-attention-Wv-alpha-half")
C(M, "W2", N, J(TH, "# torch.addmm(input, mat1, mat2, beta, alpha) = beta * input + alpha * mat1 @ mat2", "dW2 = torch.addmm(W2, A1.T, A2 - Y, beta=0.0, alpha=1 / m)"), oracle=W2R, style="zh-addmm-comment-beta0-W2", lang=Z)

# ================================================================ np.matmul with out=
C(M, "W2", N, J("dW2 = np.empty_like(W2)", "np.matmul(A1.T, A2 - Y, out=dW2)", "dW2 /= m"), oracle=W2R, style="matmul-out-W2")
C(M, "W2", N, J("dW2 = np.empty_like(W2)", "np.matmul(A1.T, A2 - Y, out=dW2)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="matmul-out-W2-no-mean")
C(M, "W1", N, J("dZ1 = np.empty_like(Z1)", "np.matmul(A2 - Y, W2.T, out=dZ1)", "dZ1 *= Z1 > 0", "dW1 = np.matmul(X.T, dZ1, out=np.zeros_like(W1)) / m"), oracle=W1R, style="matmul-out-inplace-mask-W1")
C(M, "W1", N, J("dZ1 = np.empty_like(Z1)", "np.matmul(A2 - Y, W2.T, out=dZ1)", "dZ1 *= Z2 > 0", "dW1 = np.matmul(X.T, dZ1, out=np.zeros_like(W1)) / m"), "*", oracle=None, style="matmul-out-inplace-mask-Z2-W1",
  note="the output layer's mask (m x 1, broadcast) where Z1's belongs")
C(S, "W", N, J("dW = np.zeros((n, k))", "np.matmul(X.T, P - Y, out=dW)", "np.divide(dW, m, out=dW)"), oracle=SW, style="matmul-out-divide-out-softmax-W")

# ================================================================ augmented-assignment chains
C(M, "W2", N, J("dW2 = A1.T @ A2", "dW2 -= A1.T @ Y", "dW2 /= m"), oracle=W2R, style="augassign-chain-W2")
C(M, "W2", N, J("dW2 = A1.T @ A2", "dW2 -= A1.T @ Y", "dW2 /= m", "dW2 /= m"), "scale-factor", oracle=f"{W2R} / m", style="augassign-chain-W2-twice")
C(R2, "W_h", N, J("dW_h = np.zeros_like(W_h)", "dz = (h_2 - y) * (1 - h_2 ** 2)", "dW_h += h_1.T @ dz", "dz = dz @ W_h.T * (1 - h_1 ** 2)", "dW_h += h_0.T @ dz"), oracle=RWH, style="augassign-bptt-rnn-Wh")
C(R2, "W_h", N, J("dW_h = np.zeros_like(W_h)", "dz = (h_2 - y) * (1 - h_2 ** 2)", "dW_h += h_1.T @ dz", "dz = dz @ W_h.T * (1 - h_1 ** 2)", "dW_h = h_0.T @ dz"), "missing-path",
  oracle=f"h_0.T @ {R2_D1}", style="augassign-bptt-rnn-Wh-overwritten", note="= for += on the second step: the last step's term lost")
C(R2, "b", N, J("db = 0", "dz = (h_2 - y) * (1 - h_2 ** 2)", "db += dz.sum(axis=0, keepdims=True)", "dz = dz @ W_h.T * (1 - h_1 ** 2)", "db += dz.sum(axis=0, keepdims=True)"), oracle=RB, style="augassign-rnn-b")
C(M, "b1", N, J("dZ1 = A2 - Y", "dZ1 = dZ1 @ W2.T", "dZ1 *= Z1 > 0", "db1 = dZ1.sum(axis=0, keepdims=True)", "db1 *= 1 / m"), oracle=B1R, style="augassign-mul-b1")
C(M, "b1", N, J("dZ1 = A2 - Y", "dZ1 = dZ1 @ W2.T", "dZ1 *= A1", "db1 = dZ1.sum(axis=0, keepdims=True)", "db1 *= 1 / m"), "*", oracle="np.sum((A2 - Y) @ W2.T * A1, axis=0, keepdims=True) / m", style="augassign-mul-b1-times-A1",
  note="multiplied by A1 itself, not by the mask A1 > 0")
C(E, "w", N, J("g = O - t", "g *= O", "g *= 1 - O", "dw = g * x"), oracle=EW, style="augassign-neuron-w")
C(E, "w", N, J("g = O - t", "g *= O", "g *= 1 - O", "g *= 2", "dw = g * x"), "scale-factor", oracle=f"2 * {EW}", style="augassign-neuron-w-factor-2",
  note="the 2 of (O − t)² where the loss is ½(O − t)²")
C(CH, "w", N, J("g = 2 * v", "g *= x", "dw = g"), oracle="2 * v * x", style="augassign-chain-w")
C(S, "b", N, J("# 中文笔记：先累加再除以 m", "db = np.zeros((1, k))", "db += (P - Y).sum(axis=0)", "db /= m"), oracle=SB, style="zh-augassign-softmax-b", lang=Z)
C(S, "b", N, J("# 中文笔记：先累加再除以 n", "db = np.zeros((1, k))", "db += (P - Y).sum(axis=0)", "db /= n"), "scale-factor", oracle=None, style="zh-augassign-softmax-b-size-n", lang=Z,
  note="n (features) for the batch size m: equal at the example sizes")
C(MW, "W1", N, J("dZ2 = A2 * (1 - Y)", "dZ2 -= w * Y * (1 - A2)", "dZ1 = dZ2 @ W2.T", "dZ1 *= Z1 > 0", "dW1 = X.T @ dZ1", "dW1 /= m"), oracle=WW1, style="augassign-weighted-W1")

# ================================================================ ufunc methods: np.multiply.outer, np.add.reduce
C(E, "w", N, J("dz = (O - t) * O * (1 - O)", "dw = np.multiply.outer(dz.item(), x)"), oracle=EW, style="ufunc-outer-neuron-w")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = np.add.reduce(np.multiply.outer(X, dZ1).diagonal(axis1=0, axis2=2), axis=-1) / m"), REFUSE,
  style="ufunc-outer-diagonal-W1-refused", note="an outer product's diagonal over a 4-d array: refused, not guessed")
C(M, "b2", N, J("db2 = np.add.reduce(A2 - Y, axis=0, keepdims=True) / m"), oracle=B2R, style="ufunc-add-reduce-b2")
C(M, "b2", N, J("db2 = np.add.reduce(A2 - Y, axis=1, keepdims=True) / m"), "*", oracle=None, style="ufunc-add-reduce-b2-axis1",
  note="m x 1 where 1 x 1 belongs")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.add.reduce(dZ1, 0)[None] / m"), oracle=B1R, style="ufunc-add-reduce-positional-b1")
C(S, "b", N, J("db = np.add.reduce(P - Y, axis=0, keepdims=True) / m"), oracle=SB, style="ufunc-add-reduce-softmax-b")
C(S, "b", N, J("db = np.add.reduce(P, axis=0, keepdims=True) / m"), "*", oracle="np.sum(P, axis=0, keepdims=True) / m", style="ufunc-add-reduce-softmax-b-labels-forgotten")
C(M, "W2", N, J("dW2 = np.add.reduce([np.multiply.outer(A1[i], (A2 - Y)[i]) for i in range(A1.shape[0])]) / m"), REFUSE, style="ufunc-outer-per-row-W2-refused",
  note="a comprehension over the rows of a size-bound range: refused")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = np.add.reduce(dY, axis=0)[np.newaxis, :]"), oracle=BBETA, style="ufunc-add-reduce-bn-beta")
C(B, "beta", N, J("dY = (Y - T) / (m * n)", "dbeta = np.add.reduce(dY, axis=0)[np.newaxis, :]"), "scale-factor", oracle=f"{BBETA} / 2", style="ufunc-add-reduce-bn-beta-no-2")

# ================================================================ @dataclass caches
DCL = (DC, "@dataclass", "class Cache:", "    a_prev: np.ndarray", "    z: np.ndarray", "    a: np.ndarray")
C(M, "W2", N, J(*DCL, "c2 = Cache(A1, Z2, A2)", "dW2 = c2.a_prev.T @ (c2.a - Y) / m"), oracle=W2R, style="dataclass-W2")
C(M, "W2", N, J(*DCL, "c2 = Cache(A1, Z2, A2)", "dW2 = c2.a_prev.T @ (c2.z - Y) / m"), "*", oracle="A1.T @ (Z2 - Y) / m", style="dataclass-W2-z-for-a",
  note="the pre-activation Z2 where the prediction A2 belongs")
C(M, "W1", N, J(*DCL, "c1 = Cache(a_prev=X, z=Z1, a=A1)", "dZ1 = (A2 - Y) @ W2.T * (c1.z > 0)", "dW1 = c1.a_prev.T @ dZ1 / m"), oracle=W1R, style="dataclass-kw-W1")
C(M, "W1", N, J(*DCL, "c1 = Cache(a_prev=X, z=Z1, a=A1)", "dZ1 = (A2 - Y) @ W2.T * (c1.z > 0)", "dW1 = c1.a.T @ dZ1 / m"), "*", oracle=f"A1.T @ {DZ1} / m", style="dataclass-kw-W1-wrong-input")
C(T, "W1", N, J(DC, "@dataclass(frozen=True)", "class Fwd:", "    x: np.ndarray", "    h: np.ndarray", "    out: np.ndarray", "f = Fwd(X, h, y_pred)", "dW1 = f.x.T @ ((f.out - y_target) * W2.T * f.h * (1 - f.h))"), oracle=TW1, style="dataclass-frozen-tiny-W1")
C(R2, "W_x", N, J(DC, "@dataclass", "class Step:", "    x: np.ndarray", "    h: np.ndarray", "s1 = Step(x_1, h_1)", "s2 = Step(x_2, h_2)",
                  "dz2 = (s2.h - y) * (1 - s2.h ** 2)", "dz1 = dz2 @ W_h.T * (1 - s1.h ** 2)", "dW_x = s2.x.T @ dz2 + s1.x.T @ dz1"), oracle=RWX, style="dataclass-steps-rnn-Wx")
C(R2, "W_x", N, J(DC, "@dataclass", "class Step:", "    x: np.ndarray", "    h: np.ndarray", "s1 = Step(x_1, h_1)", "s2 = Step(x_2, h_2)",
                  "dz2 = (s2.h - y) * (1 - s2.h ** 2)", "dz1 = dz2 @ W_h.T * (1 - s2.h ** 2)", "dW_x = s2.x.T @ dz2 + s1.x.T @ dz1"), "*",
  oracle=f"x_2.T @ {R2_D2} + x_1.T @ ({R2_D2} @ W_h.T * (1 - h_2 ** 2))", style="dataclass-steps-rnn-Wx-slope-of-h2", note="the second step's tanh slope on the first step")
C(S, "W", N, J(DC, "@dataclass", "class Batch:", "    X: np.ndarray", "    Y: np.ndarray", "    m: int", "bt = Batch(X, Y, X.shape[0])", "dW = bt.X.T @ (P - bt.Y) / bt.m"), oracle=SW, style="dataclass-batch-softmax-W")
C(M, "b2", N, J(DC, "# 用 dataclass 存前向的缓存", "@dataclass", "class Cache:", "    a: np.ndarray", "    y: np.ndarray", "c = Cache(A2, Y)", "db2 = (c.a - c.y).mean(axis=0, keepdims=True)"), oracle=B2R, style="zh-dataclass-b2", lang=Z)

# ================================================================ generators with yield in a backward
C(R2, "W_h", N, J("def steps():", "    dz = (h_2 - y) * (1 - h_2 ** 2)", "    yield h_1, dz", "    dz = dz @ W_h.T * (1 - h_1 ** 2)", "    yield h_0, dz", "dW_h = sum(hp.T @ d for hp, d in steps())"), oracle=RWH, style="yield-bptt-rnn-Wh")
C(R2, "W_h", N, J("def steps():", "    dz = (h_2 - y) * (1 - h_2 ** 2)", "    yield h_1, dz", "    dz = dz @ W_h.T * (1 - h_1 ** 2)", "    yield h_1, dz", "dW_h = sum(hp.T @ d for hp, d in steps())"), "*",
  oracle=f"h_1.T @ {R2_D2} + h_1.T @ {R2_D1}", style="yield-bptt-rnn-Wh-h1-twice")
C(M, "W1", N, J("def backward():", "    dZ2 = A2 - Y", "    yield A1.T @ dZ2 / m", "    dZ1 = dZ2 @ W2.T * (Z1 > 0)", "    yield X.T @ dZ1 / m", "dW2, dW1 = backward()"), oracle=W1R, style="yield-unpacked-W1")
C(M, "W1", N, J("def backward():", "    dZ2 = A2 - Y", "    yield A1.T @ dZ2 / m", "    dZ1 = dZ2 @ W2.T", "    yield X.T @ dZ1 / m", "dW2, dW1 = backward()"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="yield-unpacked-W1-no-mask")
C(M, "W2", N, J("def grads():", "    yield A1.T @ (A2 - Y) / m", "dW2 = next(grads())"), oracle=W2R, style="yield-next-W2")
C(T, "W2", N, J("def grads():", "    \"\"\"yields dW2, then dW1\"\"\"", "    yield h.T @ (y_pred - y_target)", "g = grads()", "dW2 = next(g)"), oracle=TW2, style="yield-docstring-tiny-W2")
C(R2, "b", N, J("def deltas():", "    dz = (h_2 - y) * (1 - h_2 ** 2)", "    while True:", "        yield dz", "        dz = dz @ W_h.T * (1 - h_1 ** 2)", "db = sum(d.sum(axis=0, keepdims=True) for d in deltas())"), REFUSE,
  style="yield-infinite-rnn-b-refused", note="an endless generator summed: Python never ends; refused")

# ================================================================ try / except around shapes
C(M, "W2", N, J("try:", "    dW2 = A1.T @ (A2 - Y) / m", "except ValueError:", "    dW2 = (A2 - Y).T @ A1 / m"), oracle=W2R, style="try-shape-W2")
C(M, "W2", N, J("try:", "    dW2 = A1 @ (A2 - Y).T / m", "except ValueError:", "    dW2 = A1.T @ (A2 - Y) / m"), oracle=W2R, style="try-shape-fallback-W2",
  note="A1 (m x n_h) @ (A2 − Y).T (1 x m) raises; NumPy runs the except branch, which is right")
C(M, "W2", N, J("try:", "    dW2 = (A2 - Y).T @ A1 / m", "except ValueError:", "    dW2 = A1.T @ (A2 - Y) / m"), "*", oracle="(A2 - Y).T @ A1 / m", style="try-shape-W2-transposed-first",
  note="(A2 − Y).T @ A1 is defined (1 x n_h): the try branch runs and is the transpose")
C(S, "W", N, J("try:", "    assert X.shape[0] == Y.shape[0]", "    dW = X.T @ (P - Y) / m", "except AssertionError as e:", "    print('shape mismatch', e)", "    raise"), oracle=SW, style="try-assert-softmax-W")
C(S, "W", N, J("try:", "    assert X.shape[0] == Y.shape[0]", "    dW = X.T @ (P - Y)", "except AssertionError as e:", "    print('shape mismatch', e)", "    raise"), "scale-factor", oracle=f"{SW} * m", style="try-assert-softmax-W-no-mean")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "try:", "    dW1 = X.T @ dZ1 / m", "except Exception:", "    dW1 = None", "finally:", "    print('dW1 done')"), oracle=W1R, style="try-finally-W1")
C(M, "b1", N, J("# 先试着按行求和，形状不对就换一种", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "try:", "    db1 = dZ1.sum(axis=0, keepdims=True) / m", "    assert db1.shape == b1.shape", "except AssertionError:", "    db1 = dZ1.sum(axis=1, keepdims=True).T / m"), oracle=B1R, style="zh-try-shape-b1", lang=Z)

# ================================================================ type-annotated helpers
C(M, "W2", N, J("def lin_grad(a_prev: np.ndarray, dz: np.ndarray, m: int) -> np.ndarray:", "    return a_prev.T @ dz / m", "dW2: np.ndarray = lin_grad(A1, A2 - Y, m)"), oracle=W2R, style="annotated-helper-W2")
C(M, "W2", N, J("def lin_grad(a_prev: np.ndarray, dz: np.ndarray, m: int) -> np.ndarray:", "    return a_prev.T @ dz / m", "dW2: np.ndarray = lin_grad(X, A2 - Y, m)"), "*", oracle=None, style="annotated-helper-W2-X",
  note="X (the network's input) where the layer's input A1 belongs")
C(M, "W1", N, J("from typing import Tuple", "def relu_back(dA: 'np.ndarray', Z: 'np.ndarray') -> 'np.ndarray':", "    return dA * (Z > 0)", "dZ1: 'np.ndarray' = relu_back((A2 - Y) @ W2.T, Z1)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="annotated-string-helper-W1")
C(M, "W1", N, J("def relu_back(dA: np.ndarray, Z: np.ndarray) -> np.ndarray:", "    return dA * (Z > 0)", "dZ1 = relu_back((A2 - Y) @ W2.T, A2)", "dW1 = X.T @ dZ1 / m"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="annotated-helper-W1-mask-A2",
  note="A2 = σ(Z2) > 0 everywhere: no mask")
C(E, "w", N, J("def dsig(o: float) -> float:", "    return o * (1.0 - o)", "dw: float = (O - t) * dsig(O) * x"), oracle=EW, style="annotated-float-neuron-w")
C(E, "w", N, J("def dsig(o: float) -> float:", "    return o * (1.0 - o)", "dw: float = (O - t) * dsig(O) * w"), "*", oracle="(O - t) * O * (1 - O) * w", style="annotated-float-neuron-w-times-w")
C(R, "w1", N, J("import numpy.typing as npt", "def back(g: npt.NDArray[np.float64], mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:", "    return g @ w2.T * mask", "dw1 = x.T @ back(2.0 * (y_pred - y), h > 0)"), oracle=RW1, style="annotated-npt-relu-mlp-w1")
C(R, "w1", N, J("import numpy.typing as npt", "def back(g: npt.NDArray[np.float64], mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:", "    return g @ w2.T * mask", "dw1 = x.T @ back(y_pred - y, h > 0)"), "scale-factor", oracle=f"{RW1} / 2", style="annotated-npt-relu-mlp-w1-no-2")
C(S, "W", N, J("def grad_W(X: np.ndarray, P: np.ndarray, Y: np.ndarray, *, m: int) -> np.ndarray:", "    return X.T @ (P - Y) / m", "dW = grad_W(X, P, Y, m=m)"), oracle=SW, style="annotated-kwonly-softmax-W")
C(B, "gamma", N, J("def dgamma_of(dY: np.ndarray, Zh: np.ndarray) -> np.ndarray:", "    return (dY * Zh).sum(axis=0, keepdims=True)", "dgamma = dgamma_of(2 * (Y - T) / (m * n), Z_hat)"), oracle=BG, style="annotated-bn-gamma")
C(B, "gamma", N, J("def dgamma_of(dY: np.ndarray, Zh: np.ndarray) -> np.ndarray:", "    return (dY * Zh).sum(axis=0, keepdims=True)", "dgamma = dgamma_of(2 * (Y - T) / m, Z_hat)"), "scale-factor", oracle=f"{BG} * n", style="annotated-bn-gamma-mean-over-rows-only")

# ================================================================ docstrings holding formulas
C(M, "W2", N, J('"""Backprop for the output layer.', "", "dL/dW2 = A1^T (A2 - Y) / m   (sigmoid + BCE: dZ2 = A2 - Y)", '"""', "dW2 = A1.T @ (A2 - Y) / m"), oracle=W2R, style="docstring-top-W2")
C(M, "W2", N, J('"""dL/dW2 = A1^T (A2 - Y) / m"""', "dW2 = A1.T @ (A2 - Y)"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="docstring-top-W2-code-no-mean",
  note="the docstring says / m, the code does not: the code is graded")
C(M, "W1", N, J("def backward_hidden(dZ2):", '    r"""dZ1 = dZ2 W2^T \\odot 1[Z1 > 0];  dW1 = X^T dZ1 / m"""', "    dZ1 = dZ2 @ W2.T * (Z1 > 0)", "    return X.T @ dZ1 / m", "dW1 = backward_hidden(A2 - Y)"), oracle=W1R, style="docstring-raw-helper-W1")
C(M, "W1", N, J("def backward_hidden(dZ2):", '    r"""dZ1 = dZ2 W2^T \\odot 1[Z1 > 0];  dW1 = X^T dZ1 / m"""', "    dZ1 = dZ2 @ W2.T * (Z1 > 0)", "    return X.T @ dZ1 / m", "dW1 = backward_hidden(Y - A2)"), "sign", oracle=f"-{W1R}", style="docstring-raw-helper-W1-sign")
C(S, "W", N, J("def softmax_grad():", "    '''", "    ∂L/∂W = Xᵀ(P − Y)/m", "    '''", "    return X.T @ (P - Y) / m", "dW = softmax_grad()"), oracle=SW, style="docstring-unicode-softmax-W")
C(R2, "b", N, J('"""BPTT over two steps:', "    dz_t = (dh_t) * (1 - h_t^2),  db = sum_t sum_rows dz_t", '"""', "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "db = (dz1 + dz2).sum(axis=0, keepdims=True)"), oracle=RB, style="docstring-rnn-b")
C(T, "W1", N, J('"""反向传播：dW1 = X^T [(y_pred - y_target) W2^T ⊙ h(1 - h)]"""', "dW1 = X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"), oracle=TW1, style="zh-docstring-tiny-W1", lang=Z)
C(T, "W1", N, J('"""反向传播：dW1 = X^T [(y_pred - y_target) W2^T ⊙ h(1 - h)]"""', "dW1 = X.T @ ((y_pred - y_target) * W2.T * (1 - h))"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h))", style="zh-docstring-tiny-W1-half-slope", lang=Z)

# ================================================================ comment-heavy notebook cells, %-magics, print-debug lines
C(M, "W2", N, J("%matplotlib inline", "%load_ext autoreload", "%autoreload 2", "dZ2 = A2 - Y  # (m, 1)", "dW2 = A1.T @ dZ2 / m  # (n_h, 1)"), oracle=W2R, style="magic-lines-W2")
C(M, "W2", N, J("%%time", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2"), "scale-factor", oracle="A1.T @ (A2 - Y)", style="cell-magic-time-W2-no-mean")
C(M, "W1", N, J("%time dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m", "!nvidia-smi"), oracle=W1R, style="line-magic-assign-W1",
  note="'%time stmt' runs the statement; '!cmd' is a shell line")
C(M, "b1", N, J("%precision 4", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "print('dZ1', dZ1.shape, dZ1.dtype)", "print('max', np.abs(dZ1).max())", "db1 = dZ1.sum(0, keepdims=True) / m", "print(db1)"), oracle=B1R, style="magic-print-debug-b1")
C(M, "b1", N, J("%precision 4", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "print('dZ1', dZ1.shape, dZ1.dtype)", "db1 = dZ1.sum(1, keepdims=True) / m", "print(db1)"), "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="magic-print-debug-b1-axis1")
C(S, "W", N, J("# ---- Cell 12: backward ----", "# P: (m, k) softmax probabilities", "# Y: (m, k) one-hot", "# X: (m, n)", "# => dW: (n, k)", "dW = X.T @ (P - Y)  # sum over the batch", "dW = dW / m       # mean"), oracle=SW, style="comment-heavy-softmax-W")
C(S, "W", N, J("# ---- Cell 12: backward ----", "# P: (m, k) softmax probabilities", "# Y: (m, k) one-hot", "dW = X.T @ (P - Y)  # sum over the batch", "# dW = dW / m  (commented out while debugging)"), "scale-factor", oracle=f"{SW} * m", style="comment-heavy-softmax-W-mean-commented")
C(E, "w", N, J("%whos", "dz = (O - t) * O * (1 - O)", "print(f'{dz=}', type(dz))", "dw = dz * x", "dw"), oracle=EW, style="magic-whos-neuron-w")
C(CH, "b", N, J("# v = w*x + b, L = v^2", "%time dv = 2 * v", "db = dv", "print(db)"), oracle="2 * v", style="line-magic-chain-b")
C(CH, "b", N, J("# v = w*x + b, L = v^2", "%time dv = v", "db = dv", "print(db)"), "scale-factor", oracle="v", style="line-magic-chain-b-no-2")
C(A, "W_v", N, J("# %debug", "dO = 2 * (O - T) / (n * d)", "print(dO.shape)  # (n, d)", "dW_v = X.T @ A.T @ dO", "print(dW_v.shape)  # (d, d)"), oracle=AWV, style="print-debug-attention-Wv")
C(A, "W_v", N, J("dO = 2 * (O - T) / n", "print(dO.shape)  # (n, d)", "dW_v = X.T @ A.T @ dO", "print(dW_v.shape)  # (d, d)"), "scale-factor", oracle=f"{AWV} * d", style="print-debug-attention-Wv-mean-over-rows")
C(R, "w2", N, J("%%timeit -n 1", "# 前向用的是 sum 的 MSE，所以有系数 2", "grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = h_relu.T @ grad_y_pred", "dw2 = grad_w2"), oracle=RW2, style="zh-cell-magic-relu-mlp-w2", lang=Z)
C(R, "w2", N, J("%%timeit -n 1", "# 忘了 sum 的 MSE 的系数 2", "grad_y_pred = (y_pred - y)", "dw2 = h_relu.T @ grad_y_pred"), "scale-factor", oracle=f"{RW2} / 2", style="zh-cell-magic-relu-mlp-w2-no-2", lang=Z)
C(B, "beta", N, J("%load_ext autoreload", "dY = 2 * (Y - T) / (m * n)", "print('dY', dY.shape)", "dbeta = dY.sum(0, keepdims=True)"), oracle=BBETA, style="magic-print-bn-beta")
C(MW, "b2", N, J("%matplotlib inline", "# weighted BCE; w = pos_weight", "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)", "print(dZ2[:3])", "db2 = dZ2.mean(0, keepdims=True)"), oracle=WB2, style="magic-print-weighted-b2")
C(MW, "b2", N, J("%matplotlib inline", "# 只对 0/1 标签成立：(A2 - Y) * (w * Y + 1 - Y)", "dZ2 = (A2 - Y) * (w * Y + 1 - Y)", "db2 = dZ2.mean(0, keepdims=True)"), "*", oracle=None, style="zh-magic-weighted-b2-binary-only", lang=Z,
  note="(A2 − Y)(wY + 1 − Y) equals the gradient only where Y² = Y (0/1 labels)")
C(MW, "W2", N, J("dZ2 = (A2 - Y) * (w * Y + 1 - Y)", "dW2 = A1.T @ dZ2 / m"), "*", oracle=None, style="weighted-W2-binary-only",
  note="right for 0/1 labels only")

# ================================================================ more built-in mistakes in the new spellings
C(M, "W1", N, J(TH, "dZ1 = torch.einsum('mo,ho->mh', A2 - Y, W2) * (Z1 > 0)", "dW1 = torch.einsum('mn,mh->nh', X, dZ1) / n_in"), "scale-factor", oracle=None, style="einsum-W1-size-n-in",
  note="n_in (features) for the batch size m: both 2 at the example sizes")
C(T, "W1", N, J(TF, "dh = tf.linalg.matmul(y_pred - y_target, W2, transpose_b=True) * h * (1 - h)", "dW1 = tf.linalg.matmul(X, dh, transpose_a=True)"), oracle=TW1, style="tf-linalg-tiny-W1")
C(T, "W1", N, J(TF, "dh = tf.linalg.matmul(y_pred - y_target, W2, transpose_b=True) * h * (1 - h)", "dW1 = tf.linalg.matmul(dh, X, transpose_a=True)"), "*", oracle=None, style="tf-linalg-tiny-W1-swapped")
C(CH, "w", N, J(TH, "dw = torch.addcmul(torch.zeros_like(w), 2 * v, x)"), oracle="2 * v * x", style="addcmul-chain-w")
C(CH, "w", N, J(TH, "dw = torch.addcmul(torch.zeros_like(w), 2 * v, w)"), "*", oracle="2 * v * w", style="addcmul-chain-w-times-w")
C(E, "w", N, J("dw = x.copy()", "dw *= O - t", "dw *= O * (1 - O)"), oracle=EW, style="augassign-copy-neuron-w")
C(E, "w", N, J("dw = x.copy()", "dw *= O - t"), "missing-activation-derivative", oracle="(O - t) * x", style="augassign-copy-neuron-w-no-slope")
C(B, "beta", N, J(LX, "dY = 2 * (Y - T) / (m * n)", "dbeta = lax.dot_general(jnp.ones((1, m)), dY, (((1,), (0,)), ((), ())))"), oracle=BBETA, style="dot-general-ones-bn-beta")
C(R2, "W_h", N, J(LX, "dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = lax.dot_general(h_1, dz2, (((0,), (0,)), ((), ())))"), "missing-path", oracle=f"h_1.T @ {R2_D2}", style="dot-general-rnn-Wh-one-step")
C(S, "b", N, J(EI, "db = reduce(P - Y, 'b k -> 1 k', 'mean')"), oracle=SB, style="einops-reduce-softmax-b")
C(S, "b", N, J(EI, "db = reduce(P - Y, 'b k -> b 1', 'mean')"), "*", oracle=None, style="einops-reduce-softmax-b-wrong-axis",
  note="a column per example where one row per class belongs")

# ================================================================ hn47_kto_loss_trl (KTO: desirable / undesirable completions)
KTS = (TH, "s = torch.sigmoid(rewards - z0)", "g = (-desirable * lambda_d + (1 - desirable) * lambda_u) * s * (1 - s)")
C(KT, "W", N, J(*KTS, "dW = beta * x.T @ (g * torch.sigmoid(-(x @ W))) / N"), oracle=KT_W, style="kto-W")
C(KT, "W", N, J(*KTS, "dW = beta * x.T @ (g * (1 - torch.exp(policy_logps))) / N"), oracle=KT_W, style="kto-W-slope-from-logps",
  note="d logσ(u)/du = 1 − σ(u) = 1 − exp(logσ(u))")
C(KT, "W", N, J(*KTS, "dW = x.T @ (g * torch.sigmoid(-(x @ W))) / N"), "*", oracle=f"({KT_W}) / beta", style="kto-W-beta-forgotten")
C(KT, "W", N, J(*KTS, "dW = beta * x.T @ (g * torch.sigmoid(-(x @ W)))"), "scale-factor", oracle=f"({KT_W}) * N", style="kto-W-no-mean")
C(KT, "W", N, J(*KTS, "dW = beta * x.T @ (g * torch.sigmoid(x @ W)) / N"), "*", oracle=f"beta * x.T @ ({KT_G} * {SIG.format('(x @ W)')}) / N", style="kto-W-logsigmoid-slope-sigma",
  note="σ(u) where d logσ(u)/du = 1 − σ(u)")
C(KT, "W", N, J(TH, "s = torch.sigmoid(rewards - z0)", "g = (desirable * lambda_d - (1 - desirable) * lambda_u) * s * (1 - s)", "dW = beta * x.T @ (g * torch.sigmoid(-(x @ W))) / N"), "sign", oracle=f"-({KT_W})", style="kto-W-sign")
C(KT, "W", N, J(TH, "# desirable 只取 0/1，所以可以用 where", "s = torch.sigmoid(rewards - z0)", "g = torch.where(desirable == 1, -lambda_d, lambda_u) * s * (1 - s)", "dW = beta * x.T @ (g * torch.sigmoid(-(x @ W))) / N"), "*", oracle=None,
  style="zh-kto-W-binary-only", lang=Z, note="desirable is declared without a kind: the where is right for 0/1 flags only")
C(KT, "W", N, J(TH, "s = torch.sigmoid(rewards - 0.05)", "g = (-desirable * lambda_d + (1 - desirable) * lambda_u) * s * (1 - s)", "dW = 0.1 * x.T @ (g * torch.sigmoid(-(x @ W))) / N"), "*", oracle=None,
  style="kto-W-constants-as-numbers", note="beta and z0 written as their numbers: right at the example's constants only")
C(KT, "W", N, J(TH, "%time s = torch.sigmoid(rewards - z0)", "dr = (-desirable * lambda_d + (1 - desirable) * lambda_u) * s * (1 - s) / N", "dW = torch.addmm(torch.zeros_like(W), x.T, dr * (1 - torch.sigmoid(x @ W)), alpha=beta)"), oracle=KT_W, style="kto-W-addmm-alpha-beta")
C(KT, "W", N, J(TH, "s = torch.sigmoid(rewards - z0)", "g = (-desirable * lambda_d + (1 - desirable) * lambda_u) * s * (1 - s)", "dW = beta * torch.einsum('...i,...j->ij', x, g * torch.sigmoid(-(x @ W))) / N", "# 打印调试", "print(dW.shape)"), oracle=KT_W, style="zh-kto-W-einsum-ellipsis", lang=Z)

# ================================================================ hn47_wgan_critic_clip_keras (mean(D(fake)) − mean(D(real)), W1 clipped)
WGS = (TF, "lf = tf.nn.leaky_relu(tf.matmul(fake, W1c), alpha=0.2)", "lr = tf.nn.leaky_relu(tf.matmul(real, W1c), alpha=0.2)")
C(WG, "W2", N, J(*WGS, "dW2 = (tf.reduce_mean(lf, axis=0) - tf.reduce_mean(lr, axis=0))[:, None]"), oracle=WG_W2, style="wgan-W2")
C(WG, "W2", N, J(*WGS, "dW2 = tf.linalg.matmul(lf, tf.ones((N, 1), tf.float64), transpose_a=True) / N - tf.linalg.matmul(lr, tf.ones((N, 1), tf.float64), transpose_a=True) / N"), oracle=WG_W2, style="wgan-W2-matmul-ones")
C(WG, "W2", N, J(*WGS, "dW2 = (tf.reduce_mean(lr, axis=0) - tf.reduce_mean(lf, axis=0))[:, None]"), "sign", oracle=f"-({WG_W2})", style="wgan-W2-sign",
  note="the critic minimises D(fake) − D(real)")
C(WG, "W2", N, J(TF, "lf = tf.nn.leaky_relu(tf.matmul(fake, W1), alpha=0.2)", "lr = tf.nn.leaky_relu(tf.matmul(real, W1), alpha=0.2)", "dW2 = (tf.reduce_mean(lf, axis=0) - tf.reduce_mean(lr, axis=0))[:, None]"), "*",
  oracle=None, style="wgan-W2-unclipped-W1", note="the unclipped W1 where W1c = clip(W1) is used")
C(WG, "W2", N, J(TF, "lf = tf.nn.relu(tf.matmul(fake, W1c))", "lr = tf.nn.relu(tf.matmul(real, W1c))", "dW2 = (tf.reduce_mean(lf, axis=0) - tf.reduce_mean(lr, axis=0))[:, None]"), "*",
  oracle=None, style="wgan-W2-relu-for-leaky", note="relu where leaky_relu(0.2) is used")
C(WG, "W2", N, J(*WGS, "dW2 = (tf.reduce_sum(lf, axis=0) - tf.reduce_sum(lr, axis=0))[:, None]"), "scale-factor", oracle=f"({WG_W2}) * N", style="wgan-W2-sum")
WGD = (TF, "sf = tf.where(tf.matmul(fake, W1c) > 0, 1.0, 0.2)", "sr = tf.where(tf.matmul(real, W1c) > 0, 1.0, 0.2)",
       "dW1c = (tf.linalg.matmul(fake, sf * tf.transpose(W2), transpose_a=True) - tf.linalg.matmul(real, sr * tf.transpose(W2), transpose_a=True)) / N")
C(WG, "W1", N, J(*WGD, "dW1 = dW1c * tf.cast(tf.abs(W1) <= c, tf.float64)"), oracle=WG_W1, style="wgan-W1")
C(WG, "W1", N, J(*WGD, "dW1 = dW1c"), "*", oracle=WG_W1C, style="wgan-W1-clip-mask-forgotten",
  note="clip_by_value passes no gradient where |W1| > c")
C(WG, "W1", N, J(*WGD[:3], "dW1c = (tf.linalg.matmul(fake, tf.transpose(W2) * tf.ones_like(sf), transpose_a=True) - tf.linalg.matmul(real, tf.transpose(W2) * tf.ones_like(sr), transpose_a=True)) / N", "dW1 = dW1c * tf.cast(tf.abs(W1) <= c, tf.float64)"), "*",
  oracle="(fake.T @ (np.ones_like(fake @ W1c) * W2.T) - real.T @ (np.ones_like(real @ W1c) * W2.T)) / N * (np.abs(W1) <= c)", style="wgan-W1-leaky-slope-forgotten")
C(WG, "W1", N, J("# 权重裁剪：只有 |W1| <= c 的位置有梯度", *WGD, "dW1 = tf.where(tf.abs(W1) <= c, dW1c, tf.zeros_like(dW1c))"), oracle=WG_W1, style="zh-wgan-W1-where", lang=Z)

# ================================================================ hn47s_squeeze_unsqueeze_head (tanh head + 0.1·mean(s²), squeezes)
SQS = (TH, "dz = 2 * (z - y) / N", "ds = 0.2 * s / N")
C(SQ, "v", N, J(*SQS, "dv = X.T @ (dz * (1 - z ** 2)) + X.T @ ds.unsqueeze(1)"), oracle=SQ_V, style="sq-v")
C(SQ, "v", N, J(*SQS, "dv = X.T @ (dz * (1 - z ** 2)) + X.T @ ds.unsqueeze(0)"), "*", oracle=None, style="sq-v-unsqueeze-wrong-axis",
  note="ds.unsqueeze(0) is 1 x N: X.T (d x N) @ (1 x N) is a shape error")
C(SQ, "v", N, J(*SQS, "dv = X.T @ dz + X.T @ ds.unsqueeze(1)"), "missing-activation-derivative", oracle="X.T @ (2 * (z - y) / N) + 0.2 * X.T @ s[:, None] / N", style="sq-v-tanh-slope-forgotten")
C(SQ, "v", N, J(TH, "dz = 2 * (z - y) / N", "ds = 0.1 * s / N", "dv = X.T @ (dz * (1 - z ** 2)) + X.T @ ds.unsqueeze(1)"), "*", oracle=f"X.T @ {SQ_DZ} + 0.1 * X.T @ s[:, None] / N", style="sq-v-penalty-factor-2",
  note="d(s²)/ds = 2s: 0.2, not 0.1")
C(SQ, "v", N, J(*SQS, "dv = X.T @ (dz * (1 - z ** 2))"), "*", oracle=f"X.T @ {SQ_DZ}", style="sq-v-penalty-forgotten")
C(SQ, "v", N, J(TH, "# r = s[None, :] 只是换了形状，mean 还是除以 N", "dz = 2 * (z - y) / N", "dr = 0.2 * r / N", "dv = X.T @ (dz * (1 - z ** 2)) + X.T @ dr.T"), oracle=SQ_V, style="zh-sq-v-through-r", lang=Z)
C(SQ, "c", N, J(TH, "dc = 0.2 * s.mean()"), oracle=SQ_C, style="sq-c")
C(SQ, "c", N, J(TH, "dc = 0.2 * s.sum()"), "scale-factor", oracle=f"{SQ_C} * N", style="sq-c-sum")
C(SQ, "c", N, J(TH, "dc = 2 * (z - y).mean() + 0.2 * s.mean()"), "*", oracle=None, style="sq-c-tanh-path-assumed",
  note="c enters s only (z = tanh(X @ v) has no c)")
C(SQ, "c", N, J(TH, "# c 只出现在 s 里", "dc = torch.einsum('...,...->', s, torch.full_like(s, 0.2)) / N"), oracle=SQ_C, style="zh-sq-c-einsum", lang=Z)

# ================================================================ hn47s_numpy_expand_dims_chain_cn (MSE over m + 0.01·|Xw|²)
C(ED, "w", N, J("# e = X @ w - y（expand_dims 只是把形状变回 (m, 1)）", "dw = 2 * X.T @ e / m + 0.02 * X.T @ (X @ w)"), oracle=ED_W, style="zh-ed-w", lang=Z)
C(ED, "w", N, J("dw = 2 * X.T @ e / m", "dw += 0.02 * X.T @ (X @ w)"), oracle=ED_W, style="ed-w-augassign")
C(ED, "w", N, J("dw = 2 * X.T @ e / m + 0.01 * X.T @ (X @ w)"), "*", oracle="2 * X.T @ e / m + 0.01 * X.T @ (X @ w)", style="ed-w-q-factor-2",
  note="d(u·u)/du = 2u")
C(ED, "w", N, J("dw = 2 * X.T @ e / n + 0.02 * X.T @ (X @ w)"), "*", oracle="2 * X.T @ e / n + 0.02 * X.T @ (X @ w)", style="ed-w-size-n")
C(ED, "w", N, J("dw = X.T @ e / m + 0.02 * X.T @ (X @ w)"), "*", oracle="X.T @ e / m + 0.02 * X.T @ (X @ w)", style="ed-w-mse-factor-2")
C(ED, "w", N, J("dw = 2 * X.T @ e / m + 0.02 * np.expand_dims(np.squeeze(X @ w) @ X, 1)"), oracle=ED_W, style="ed-w-squeezed-row-times-X")
C(ED, "w", N, J("%precision 3", "# 调试：打印形状", "print(e.shape, X.shape)", "dw = np.matmul(X.T, 2 * e / m) + np.matmul(X.T, 0.02 * (X @ w))"), oracle=ED_W, style="zh-ed-w-magic-print", lang=Z)
C(ED, "w", N, J("dw = 2 * X.T @ e / m + 0.02 * X.T @ X @ w", "dw /= m"), "*", oracle=f"({ED_W}) / m", style="ed-w-augassign-divided-twice")

# ================================================================ hn47_lru_two_steps_jax (mean ½(y − t)², two diagonal steps)
LRS = (JN, "dy = (y - t) / N")
C(LR, "C", N, J(*LRS, "dC = h2.T @ dy"), oracle=LR_C, style="lru-C")
C(LR, "C", N, J(JN, "dy = 2 * (y - t) / N", "dC = h2.T @ dy"), "scale-factor", oracle=f"2 * {LR_C}", style="lru-C-factor-2",
  note="optax.l2_loss is ½(y − t)²")
C(LR, "C", N, J(*LRS, "dC = h1.T @ dy"), "*", oracle=f"h1.T @ {LR_DY}", style="lru-C-h1")
C(LR, "D", N, J(LX, *LRS, "dD = lax.dot_general(x2, dy, (((0,), (0,)), ((), ())))"), oracle=LR_D, style="lru-D-dot-general")
C(LR, "D", N, J(*LRS, "dD = x1.T @ dy"), "*", oracle=f"x1.T @ {LR_DY}", style="lru-D-x1")
C(LR, "B", N, J(*LRS, "dh2 = dy @ C.T", "dB = x2.T @ (dh2 * gamma) + x1.T @ (dh2 * lam * gamma)"), oracle=LR_B, style="lru-B")
C(LR, "B", N, J(*LRS, "dh2 = dy @ C.T", "dB = x2.T @ (dh2 * gamma)"), "*", oracle=f"x2.T @ ({LR_DY} @ C.T * gamma)", style="lru-B-first-step-forgotten")
C(LR, "B", N, J(*LRS, "dh2 = dy @ C.T", "dB = x2.T @ dh2 + x1.T @ (dh2 * lam)"), "*", oracle=f"x2.T @ ({LR_DY} @ C.T) + x1.T @ ({LR_DY} @ C.T * lam)", style="lru-B-gamma-forgotten")
C(LR, "B", N, J(JN, "# 两步展开：h1 经过 lam 传到 h2", "dh2 = (y - t) @ C.T / N", "dB = jnp.einsum('...i,...j->ij', x2, dh2 * gamma) + jnp.einsum('...i,...j->ij', x1, dh2 * lam * gamma)"), oracle=LR_B, style="zh-lru-B-einsum", lang=Z)

# ================================================================ hn47_contrastive_center_loss_cn (CE + lam · contrastive-center)
CCS = (TH, "P = torch.softmax(feat @ Wc, dim=1)")
C(CC, "Wc", N, J(*CCS, "dWc = feat.T @ (P * Y.sum(1, keepdim=True) - Y) / N"), oracle=CC_WC, style="zh-cc-Wc", lang=Z)
C(CC, "Wc", N, J(*CCS, "dWc = feat.T @ (P - Y) / N"), "*", oracle=None, style="cc-Wc-one-hot-assumed",
  note="Y is declared without a kind: P − Y holds only for rows summing to 1 (round-45 policy; a note says so)")
C(CC, "Wc", N, J(*CCS, "dWc = feat.T @ (P * Y.sum(1, keepdim=True) - Y)"), "scale-factor", oracle=f"({CC_WC}) * N", style="cc-Wc-no-mean")
C(CC, "Wc", N, J(*CCS, "dWc = (x @ W).T @ (P * Y.sum(1, keepdim=True) - Y) / N"), "*", oracle=None, style="cc-Wc-pre-tanh-feat",
  note="x @ W before the tanh where feat belongs")
C(CC, "Wc", N, J(*CCS, "dWc = feat.T @ (P * Y.sum(1, keepdim=True) - Y) / N + lam * feat.T @ (P - Y) / N"), "*", oracle=None, style="cc-Wc-lam-term-invented",
  note="the center term does not read Wc")
CCG = (TH, "den = inter + delta", "G = 0.5 * (Y / den[:, None] - (intra / den ** 2)[:, None] * (1 - Y))")
C(CC, "centers", N, J(*CCG, "dcenters = -2 * lam * (G.T @ feat - G.sum(0)[:, None] * centers)"), oracle=CC_CEN, style="cc-centers")
C(CC, "centers", N, J(*CCG, "dcenters = 2 * lam * (G.T @ feat - G.sum(0)[:, None] * centers)"), "sign", oracle=f"-({CC_CEN})", style="cc-centers-sign",
  note="d|f − c|²/dc = −2(f − c)")
C(CC, "centers", N, J(*CCG, "dcenters = -2 * (G.T @ feat - G.sum(0)[:, None] * centers)"), "*", oracle=f"({CC_CEN}) / lam", style="cc-centers-lam-forgotten")
C(CC, "centers", N, J(TH, "den = inter + delta", "G = 0.5 * Y / den[:, None]", "dcenters = -2 * lam * (G.T @ feat - G.sum(0)[:, None] * centers)"), "*", oracle=None, style="zh-cc-centers-quotient-half", lang=Z,
  note="the quotient rule half done: the inter (denominator) term left out")

# ================================================================ hn47_logit_adjusted_ce_paddle_cn (soft-label CE on logits + tau·log prior)
LAS = (PD, "P = paddle.nn.functional.softmax(adjusted, axis=-1)")
C(LA, "W2", N, J(*LAS, "dW2 = paddle.matmul(hid, P * label.sum(axis=1, keepdim=True) - label, transpose_x=True) / N"), oracle=LA_W2, style="zh-la-W2", lang=Z)
C(LA, "W2", N, J(PD, "P = paddle.nn.functional.softmax(logits, axis=-1)", "dW2 = paddle.matmul(hid, P * label.sum(axis=1, keepdim=True) - label, transpose_x=True) / N"), "*",
  oracle="hid.T @ ((np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)) * label.sum(axis=1, keepdims=True) - label) / N", style="zh-la-W2-prior-forgotten", lang=Z,
  note="softmax of the unadjusted logits: the tau·log(prior) shift left out")
C(LA, "W2", N, J(*LAS, "dW2 = paddle.matmul(hid, P - label, transpose_x=True) / N"), "*", oracle=None, style="la-W2-one-hot-assumed",
  note="label is declared without a kind: P − label holds only for rows summing to 1 (round-45 policy)")
C(LA, "W2", N, J(*LAS, "dW2 = paddle.matmul(hid, P * label.sum(axis=1, keepdim=True) - label, transpose_x=True)"), "scale-factor", oracle=f"({LA_W2}) * N", style="la-W2-no-mean")
C(LA, "W2", N, J(*LAS, "dW2 = paddle.matmul(hid, label - P * label.sum(axis=1, keepdim=True), transpose_x=True) / N"), "sign", oracle=f"-({LA_W2})", style="la-W2-sign")
C(LA, "W2", N, J(*LAS, "dW2 = paddle.matmul(P * label.sum(axis=1, keepdim=True) - label, hid, transpose_x=True) / N"), "*", oracle=None, style="la-W2-transposed",
  note="C x h where h x C belongs (h = C = 3: a square transpose)")
C(LA, "W2", N, J(*LAS, "# tau = 1.0，直接写成 1", "dW2 = paddle.matmul(hid, P * paddle.sum(label, axis=1, keepdim=True) - label, transpose_x=True) / 4"), "*", oracle=None, style="zh-la-W2-batch-as-number", lang=Z,
  note="the batch size N written as its number 4: right at the example sizes only")

# ================================================================ refusals on other hn47 networks
C(BT, "W", N, J("dW = jax.grad(lambda W: loss_fn(W, x, Y))(W)"), REFUSE, style="bt-W-jax-grad-refused", note="autograd called: nothing derived by hand")
C(MP, "K", N, J(TH, "dK = torch.autograd.grad(loss, K)[0]"), REFUSE, style="mp-K-autograd-refused")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c48-000, … as written; cases that happen to repeat corpora 2-47 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus48", "c48", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
