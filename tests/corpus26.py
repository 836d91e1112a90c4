"""The held-out-style corpus of issue 11, twenty-sixth round: a student's whole answer pasted from
a Markdown cell (``**dW2** = …``, bullet lists, ``$$…$$`` blocks with ``\\\\`` rows and ``&=``
alignment where only the last row is the answer), chains of equalities ``dW = A^T δ = …`` ending
in the answer, PyTorch-spelled manual gradients (``X.t() @ dZ``, ``torch.mm``, ``.T.matmul``,
``dZ.sum(0, keepdim=True)``, ``torch.sigmoid(z) * (1 - torch.sigmoid(z))``), TF spellings
(``tf.transpose``, ``tf.reduce_sum(…, keepdims=True)``), per-example sums written as
comprehensions (``sum(… for i in range(m))``), the Jacobian-vector form ``J^T δ``,
``\\nabla_{W} L``, ``\\partial L / \\partial W`` inline, Greek written out (``delta2``,
``sigma_prime``); hand numbers as fractions, percentages, ``≈``, LaTeX ``bmatrix``/``pmatrix``;
classic mistakes (the wrong layer's activation, σ′ of the activation, the softmax Jacobian as
diag(p), keepdims missing, a transposed δ, 1/m twice or missing, sign, a loss's ½ dropped, the
mask of the wrong layer, a bias gradient not summed over the batch, the inverse-CDF's slope taken
as the density, LoRA's α/r forgotten). Thirteen lecturer networks no earlier corpus used
(tests/specs_course/hn23_*).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
and before its code was read this round (bench/RESULTS.md, "heldcheck26": the first
measurement). Built-in matrix cases carry a PyTorch oracle (tests/check_oracle.py); course-network
cases are confirmed by the spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers
were computed in PyTorch float64 and rounded by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus_common  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
REFUSE = "REFUSE"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"
CE = str(COURSE / "hn23_celu_expm1_kink.toml")
DS = str(COURSE / "hn23_deepsurv_logcumsumexp_flip.toml")
GC = str(COURSE / "hn23_gaussian_copula_erfinv.toml")
GN = str(COURSE / "hn23_group_norm_tiny_cn.toml")
HU = str(COURSE / "hn23_heun_neural_ode_tf.toml")
JX = str(COURSE / "hn23_jax_tensordot_gelu_tanh.toml")
KR = str(COURSE / "hn23_kronecker_factored_layer.toml")
LH = str(COURSE / "hn23_lihongyi_hw1_mseloss_cn.toml")
LO = str(COURSE / "hn23_lora_frozen_base.toml")
PE = str(COURSE / "hn23_pearson_corrcoef_loss.toml")
RP = str(COURSE / "hn23_rope_rotary_given_tables.toml")
SC = str(COURSE / "hn23_simclr_nt_xent_temperature.toml")
WN = str(COURSE / "hn23_weight_norm_linear.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20 wrote them
from corpus20 import B1R, B2R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402

# ================================================================ mlp-bce, a Markdown cell pasted whole
C(M, "W2", L, "**Backprop, output layer**\n\n- $dZ^{[2]} = A^{[2]} - Y$\n- **dW2** = $\\frac{1}{m} A^{[1]T} dZ^{[2]}$", oracle=W2R, style="md-bullets-bold-name")
C(M, "W2", L, "$$\n\\begin{aligned}\n\\frac{\\partial L}{\\partial W^{[2]}} &= \\frac{1}{m}\\sum_{i} a^{[1](i)T}(a^{[2](i)} - y^{(i)}) \\\\\n&= \\frac{1}{m} A^{[1]T}(A^{[2]} - Y)\n\\end{aligned}\n$$", oracle=W2R, style="aligned-two-rows-last-answer")
C(M, "W2", L, "$$\\frac{\\partial L}{\\partial W^{[2]}} = A^{[1]T}\\delta^{[2]} = \\frac{1}{m}A^{[1]T}(A^{[2]} - Y)$$", oracle=W2R, style="chain-of-equalities")
C(M, "W2", L, "$$\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m}A^{[1]T}(A^{[2]} - Y) = \\frac{1}{m}A^{[1]T}(Y - A^{[2]})$$", "sign", oracle="A1.T @ (Y - A2) / m", style="chain-last-row-sign")
C(M, "W1", L, "$$\n\\begin{aligned}\n\\delta^{[1]} &= (A^{[2]} - Y) W^{[2]T} \\odot \\mathbb{1}[Z^{[1]} > 0] \\\\\n\\frac{\\partial L}{\\partial W^{[1]}} &= \\frac{1}{m} X^{T} \\delta^{[1]}\n\\end{aligned}\n$$", oracle=W1R, style="aligned-named-delta")
C(M, "W1", L, "$$\n\\begin{aligned}\n\\delta^{[1]} &= (A^{[2]} - Y) W^{[2]T} \\odot A^{[1]} \\odot (1 - A^{[1]}) \\\\\n\\frac{\\partial L}{\\partial W^{[1]}} &= \\frac{1}{m} X^{T} \\delta^{[1]}\n\\end{aligned}\n$$", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="aligned-sigmoid-prime-on-relu")
C(M, "W2", L, "The gradient is $\\partial L / \\partial W^{[2]} = \\frac{1}{m} A^{[1]\\top}(A^{[2]} - Y)$, as in lecture.", oracle=W2R, style="inline-slash-partial")
C(M, "W2", L, "$\\nabla_{W^{[2]}} L = J^{\\top}\\delta$ with $J = A^{[1]}$ and $\\delta = \\frac{1}{m}(A^{[2]} - Y)$", oracle=W2R, style="jt-delta-defined-in-prose")
C(M, "b2", L, "$$\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}\\left(a^{[2](i)} - y^{(i)}\\right)$$", oracle=B2R, style="b2-sum-over-examples")
C(M, "b1", L, "$$\\frac{\\partial L}{\\partial b^{[1]}} = \\frac{1}{m}(A^{[2]} - Y) W^{[2]T} \\odot \\mathbb{1}[Z^{[1]} > 0]$$", "*", oracle=f"{DZ1} / m", style="b1-not-summed-latex")
C(M, "W2", L, "**答案：** $\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T}(A^{[2]} - Y)$（与课件一致）", lang=Z, oracle=W2R, style="zh-md-bold")

# ================================================================ mlp-bce, PyTorch / TF spellings
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.t() @ dZ2 / m", oracle=W2R, style="torch-t-method")
C(M, "W2", N, "dW2 = torch.mm(A1.T, A2 - Y) / m", oracle=W2R, style="torch-mm")
C(M, "W2", N, "dW2 = A1.T.matmul(A2 - Y).div(m)", oracle=W2R, style="torch-matmul-div")
C(M, "W2", N, "dW2 = torch.matmul(A1.t(), A2 - Y).div(m * m)", "scale-factor", oracle=W2R + " / m", style="torch-div-m-twice")
C(M, "b2", N, "db2 = (A2 - Y).sum(0, keepdim=True) / m", oracle=B2R, style="torch-sum-keepdim")
C(M, "b2", N, "db2 = (A2 - Y) / m", "*", oracle="(A2 - Y) / m", style="b2-not-summed")
C(M, "b1", N, "dZ1 = torch.mm(A2 - Y, W2.t()) * (Z1 > 0).float()\ndb1 = dZ1.sum(0, keepdim=True) / m", oracle=B1R, style="torch-mask-float")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0).double()\ndW1 = X.t().matmul(dZ1) / m", oracle=W1R, style="torch-mask-double")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * torch.sigmoid(Z1) * (1 - torch.sigmoid(Z1))\ndW1 = X.T @ dZ1 / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="torch-sigmoid-prime-on-relu")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z2 > 0)\ndW1 = X.T @ dZ1 / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z2 > 0)) / m", style="mask-of-Z2")
C(M, "W2", N, "dW2 = tf.matmul(tf.transpose(A1), A2 - Y) / m", oracle=W2R, style="tf-transpose")
C(M, "b2", N, "db2 = tf.reduce_sum(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="tf-reduce-sum-keepdims")
C(M, "b1", N, "dZ1 = tf.matmul(A2 - Y, tf.transpose(W2)) * tf.cast(Z1 > 0, tf.float64)\ndb1 = tf.reduce_mean(dZ1, axis=0, keepdims=True)", oracle=B1R, style="tf-cast-reduce-mean")
C(M, "W2", N, "dW2 = sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(m)) / m", oracle=W2R, style="sum-generator-outer")
C(M, "W2", N, "dW2 = sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(m))", "scale-factor", oracle="A1.T @ (A2 - Y)", style="sum-generator-no-m")
C(M, "W2", N, "delta2 = A2 - Y\ndW2 = A1.T @ delta2 / m", oracle=W2R, style="greek-written-delta2")
C(M, "W2", N, "sigma_prime = A2 * (1 - A2)\ndelta2 = (A2 - Y) * sigma_prime\ndW2 = A1.T @ delta2 / m", "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="greek-sigma-prime-extra")
C(M, "W2", N, "dW2 = (A2 - Y).T @ A1 / m", "*", style="transposed-delta")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m  # shape (n_h, 1) ✓", oracle=W2R, style="checkmark-comment")
C(M, "W2", N, "dW2 = grad(L, W2)", REFUSE, style="undefined-grad-call")

# ================================================================ mlp-bce, hand numbers
C(M, "W2", V, "\\begin{bmatrix} -0.1763 \\\\ -0.0090 \\end{bmatrix}", style="v-bmatrix")
C(M, "W1", V, "\\begin{pmatrix} -0.0979 & 0.1356 \\\\ -0.1959 & 0.0791 \\end{pmatrix}", style="v-pmatrix")
C(M, "W1", V, "\\begin{pmatrix} -0.0979 & 0.1356 \\\\ 0.1959 & 0.0791 \\end{pmatrix}", "*", style="v-pmatrix-one-sign")
C(M, "b2", V, "≈ 0.0604", style="v-approx-sign")
C(M, "b2", V, "6.04%", REFUSE, style="v-percent")  # relabelled in round 32: corpus 21's percent policy
C(M, "W2[0,0]", V, "dW2[0,0] ≈ -0.176", style="v-named-approx")
C(M, "b1", V, "$$\\begin{bmatrix} -0.0979 & -0.0181 \\end{bmatrix}$$", style="v-bmatrix-dollars")
C(M, "W2", V, "\\begin{bmatrix} -0.0090 \\\\ -0.1763 \\end{bmatrix}", "*", style="v-bmatrix-swapped")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "delta2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndW2 = A1.t() @ delta2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-torch-delta2")
C(MW, "W2", N, "dW2 = A1.t() @ (A2 - Y) / m", "*", oracle=W2R, style="w-unweighted-habit")
C(MW, "b2", N, "db2 = tf.reduce_mean((1 - Y) * A2 - w * Y * (1 - A2))", oracle=f"np.sum({WDZ}) / m", style="w-tf-reduce-mean")
C(MW, "b2", N, "db2 = tf.reduce_mean((1 - Y) * A2 - Y * (1 - A2) * w, axis=0, keepdims=True) * 2", "scale-factor", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m * 2", style="w-tf-times-2")
C(MW, "W2", L, "$$\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T}\\left[(1 - Y)\\odot A^{[2]} - w\\,Y\\odot(1 - A^{[2]})\\right]$$", oracle=f"A1.T @ {WDZ} / m", style="w-latex-odot")
C(MW, "b2", V, "\\approx -0.3643", style="v-w-approx-latex")
C(MW, "W2", V, "\\begin{bmatrix} -0.4236 \\\\ -0.3069 \\end{bmatrix}", style="v-w-bmatrix")
C(MW, "b1", V, "[[-0.1822, -0.1093]]", "*", style="v-w-b1-one-sign")

# ================================================================ tiny-mlp
C(T, "W2", N, "delta = y_pred - y_target\ndW2 = h.t() @ delta", oracle=TW2, style="t-torch-t")
C(T, "W1", N, "delta1 = (y_pred - y_target) @ W2.T * h * (1 - h)\ndW1 = torch.mm(X.t(), delta1)", oracle=TW1, style="t-torch-mm")
C(T, "W1", N, "sigma_prime = torch.sigmoid(h_raw) * (1 - torch.sigmoid(h_raw))\ndW1 = X.T @ ((y_pred - y_target) @ W2.T * sigma_prime)", oracle=TW1, style="t-sigma-prime-of-preactivation")
C(T, "W1", N, "sigma_prime = torch.sigmoid(h) * (1 - torch.sigmoid(h))\ndW1 = X.T @ ((y_pred - y_target) @ W2.T * sigma_prime)", "*", oracle="X.T @ ((y_pred - y_target) @ W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="t-sigma-prime-of-activation-torch")
C(T, "W2", N, "dW2 = 2 * h.T @ (y_pred - y_target)", "scale-factor", oracle="2 * " + TW2, style="t-half-dropped")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) @ W2.T)", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", style="t-sigma-prime-forgotten")
C(T, "W2", L, "$$\\frac{\\partial E}{\\partial W_2} = h^{T}\\delta = h^{T}(y_{pred} - y_{target})$$", oracle=TW2, style="t-chain-equalities")
C(T, "W1", L, "$$\n\\begin{aligned}\n\\delta_1 &= (y_{pred} - y_{target}) W_2^{T} \\odot h \\odot (1 - h) \\\\\n\\frac{\\partial E}{\\partial W_1} &= X^{T}\\delta_1\n\\end{aligned}\n$$", oracle=TW1, style="t-aligned")
C(T, "W1", L, "$\\nabla_{W_1} E = X^{T}\\left[(y_{pred} - y_{target}) W_2^{T} \\odot \\sigma'(h)\\right]$", "*", oracle="X.T @ ((y_pred - y_target) @ W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="t-nabla-sigma-prime-of-h")
C(T, "W2", V, "\\begin{bmatrix} -0.1139 \\\\ -0.1172 \\end{bmatrix}", style="v-t-bmatrix")
C(T, "W1[0,1]", V, "≈ -1.635e-2", style="v-t-approx-sci")
C(T, "W1", V, "\\begin{pmatrix} -0.01367 & -0.01635 \\\\ -0.002734 & 0.00327 \\end{pmatrix}", "*", style="v-t-pmatrix-one-sign")

# ================================================================ neuron
C(E, "w", N, "delta = (O - t) * O * (1 - O)\ndw = delta * x", oracle=EW, style="n-delta")
C(E, "w", N, "dw = (O - t) * torch.sigmoid(z) * (1 - torch.sigmoid(z)) * x", oracle=EW, style="n-torch-sigmoid-z")
C(E, "w", N, "dw = (O - t) * torch.sigmoid(O) * (1 - torch.sigmoid(O)) * x", "*", oracle="(O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", style="n-torch-sigmoid-O")
C(E, "w", N, "dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="n-sigma-prime-forgotten")
C(E, "w", N, "dw = (t - O) * O * (1 - O) * x", "sign", oracle="(t - O) * O * (1 - O) * x", style="n-sign")
C(E, "w", L, "$\\partial L/\\partial w = (O - t)\\,O(1 - O)\\,x$", oracle=EW, style="n-inline-slash")
C(E, "w", L, "$$\\nabla_{w} L = \\delta\\, x = (O - t)\\,\\sigma(z)(1 - \\sigma(z))\\,x$$", oracle=EW, style="n-chain-sigma-z")
C(E, "w", V, "\\begin{bmatrix} -0.0612 & -0.0367 & -0.0245 \\end{bmatrix}", style="v-n-bmatrix-row")
C(E, "w[0,2]", V, "-0.0245", style="v-n-02")
C(E, "w", V, "[-0.0612, -0.0367, -0.245]", "*", style="v-n-one-digit-shift")

# ================================================================ chain: L = (w x + b)^2, dL/dw = 40, dL/db = 20
C(CH, "w", V, "80/2", style="v-ch-fraction")
C(CH, "b", V, "≈ 20", style="v-ch-approx")
C(CH, "b", V, "40/4", "*", style="v-ch-fraction-wrong")
C(CH, "w", N, "dv = 2 * v\ndw = dv * x  # = 40", oracle="2 * v * x", style="ch-comment-value")
C(CH, "w", L, "$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial u}\\frac{\\partial u}{\\partial w} = 2v \\cdot 1 \\cdot x$$", oracle="2 * v * x", style="ch-chain-three-factors")
C(CH, "b", L, "$$\\frac{\\partial L}{\\partial b} = 2v\\,x$$", "*", oracle="2 * v * x", style="ch-b-with-x-latex")
C(CH, "w", L, "$\\partial L / \\partial w = 2(wx + b)x$", oracle="2 * v * x", style="ch-inline-expanded")

# ================================================================ relu-mlp
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)", oracle=RW2, style="r-torch-t-mm")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * (h > 0).float()\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-torch-mask-float")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * (y_pred > 0).float()\ngrad_w1 = x.t().mm(grad_h)", "*", style="r-torch-mask-of-output")
C(R, "w2", N, "grad_w2 = tf.matmul(h_relu, 2.0 * (y_pred - y), transpose_a=True) / 2", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-tf-halved")
C(R, "w2", N, "grad_w2 = sum(np.outer(h_relu[i], 2 * (y_pred[i] - y[i])) for i in range(3))", "scale-factor", style="r-sum-generator",
  note="relabelled in round 50 (heldcheck50): range(3) for the batch size n is right at the example's sizes only (issue 11 item 2)")
C(R, "w2", L, "$$\\nabla_{w_2} L = h_{relu}^{T}\\,\\delta,\\quad \\delta = 2(y_{pred} - y)$$", oracle=RW2, style="r-delta-defined-after")
C(R, "w1", L, "$$\n\\begin{aligned}\n\\delta &= 2(y_{pred} - y) \\\\\n\\frac{\\partial L}{\\partial w_1} &= x^{T}\\left[\\delta\\, w_2^{T} \\odot \\mathbb{1}[h > 0]\\right]\n\\end{aligned}\n$$", oracle=RW1, style="r-aligned")
C(R, "w2[0,1]", V, "≈ -2.51", style="v-r-approx")
C(R, "w2", V, "\\begin{bmatrix} -0.7479 & -2.511 \\\\ -0.2190 & -0.4798 \\\\ -0.8038 & -2.036 \\end{bmatrix}", style="v-r-bmatrix")
C(R, "w2", V, "\\begin{bmatrix} -0.7479 & -2.511 \\\\ -0.2190 & -0.4798 \\\\ -0.8038 & 2.036 \\end{bmatrix}", "*", style="v-r-bmatrix-one-sign")

# ================================================================ softmax-regression
C(S, "W", N, "dZ = (P - Y) / m\ndW = X.t() @ dZ\ndb = dZ.sum(0, keepdim=True)", oracle=SW, style="s-torch")
C(S, "b", N, "dZ = (P - Y) / m\ndW = X.t() @ dZ\ndb = dZ.sum(0, keepdim=True)", oracle=SB, style="s-torch-b")
C(S, "b", N, "db = (P - Y) / m", "*", oracle="(P - Y) / m", style="s-b-not-summed")
C(S, "W", N, "dW = tf.matmul(X, P - Y, transpose_a=True) / m", oracle=SW, style="s-tf-transpose-a")
C(S, "W", N, "dW = tf.matmul(tf.transpose(X), tf.nn.softmax(Z) - Y) / tf.cast(m, tf.float64)", oracle=SW, style="s-tf-softmax-cast")
C(S, "W", N, "dW = X.T @ (P * (1 - P) - Y) / m", "*", oracle="X.T @ (P * (1 - P) - Y) / m", style="s-jacobian-diagonal-only")
C(S, "W", N, "dW = X.T @ (torch.softmax(Z, dim=1) - Y) / m", oracle=SW, style="s-torch-softmax")
C(S, "W", N, "dW = X.T @ (torch.softmax(Z, dim=0) - Y) / m", "*", oracle="X.T @ (np.exp(Z) / np.exp(Z).sum(0, keepdims=True) - Y) / m", style="s-softmax-wrong-dim")
C(S, "W", N, "dW = sum(np.outer(X[i], P[i] - Y[i]) for i in range(m)) / m", oracle=SW, style="s-sum-generator")
C(S, "W", N, "dW = sum([np.outer(X[i], P[i] - Y[i]) for i in range(m)])", "scale-factor", oracle="X.T @ (P - Y)", style="s-list-comprehension-no-m")
C(S, "W", L, "$$\\nabla_{W} L = X^{T}\\,\\frac{\\partial L}{\\partial Z} = \\frac{1}{m}X^{T}(P - Y)$$", oracle=SW, style="s-chain-nabla")
C(S, "W", L, "$$\\frac{\\partial L}{\\partial W} = \\frac{1}{m}X^{T}\\left[\\mathrm{diag}(P) - Y\\right]$$", "*", style="s-diag-of-matrix")
C(S, "W", L, "- **W**: $\\frac{1}{m}X^{T}(P - Y)$\n- **b**: $\\frac{1}{m}\\mathbf{1}^{T}(P - Y)$", oracle=SW, style="s-md-bullets-two-answers")
C(S, "b", L, "$$\n\\begin{aligned}\n\\frac{\\partial L}{\\partial Z} &= \\frac{1}{m}(P - Y) \\\\\n\\frac{\\partial L}{\\partial b} &= \\sum_{i=1}^{m} \\frac{\\partial L}{\\partial Z_{i}}\n\\end{aligned}\n$$", oracle=SB, style="s-aligned-sum-of-named-row")
C(S, "W", V, "\\begin{bmatrix} 0.5849 & -0.0903 & -0.4946 \\\\ 0.3468 & 0.3960 & -0.7428 \\end{bmatrix}", style="v-s-bmatrix")
C(S, "b", V, "≈ [-0.0735, 0.3709, -0.2975]", style="v-s-approx-list")
C(S, "b", V, "[-7.35%, 37.09%, -29.75%]", REFUSE, style="v-s-percent-list")  # relabelled in round 32: corpus 21's percent policy
C(S, "W[1,2]", V, "-0.4946", "*", style="v-s-wrong-entry")

# ================================================================ batchnorm
BN_DY = "(2 * (Y - T) / (m * n))"
C(B, "beta", N, "dY = 2 * (Y - T) / (m * n)\ndbeta = dY.sum(0, keepdim=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-torch-keepdim")
C(B, "beta", N, "dbeta = tf.reduce_sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-tf-reduce-sum")
C(B, "beta", N, "dbeta = 2 * (Y - T) / (m * n)", "*", oracle=BN_DY, style="b-beta-not-summed")
C(B, "gamma", N, "dgamma = (2 * (Y - T) / (m * n) * Z_hat).sum(0, keepdim=True)", oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="b-gamma-torch")
C(B, "gamma", N, "dgamma = (2 * (Y - T) / (m * n) * Z_c).sum(0, keepdim=True)", "*", oracle=f"np.sum({BN_DY} * Z_c, axis=0, keepdims=True)", style="b-gamma-uncentred-unnormalised")
C(B, "gamma", N, "dgamma = ((Y - T) / (m * n) * Z_hat).sum(0)", "scale-factor", oracle="np.sum((Y - T) / (m * n) * Z_hat, axis=0)", style="b-gamma-2-dropped")
C(B, "beta", V, "[1/10, -8/15]", style="v-b-beta-fractions")
C(B, "beta", V, "\\begin{bmatrix} 0.1 & -0.5333 \\end{bmatrix}", style="v-b-beta-bmatrix")
C(B, "beta", V, "[1/10, 8/15]", "*", style="v-b-beta-fraction-sign")
C(B, "gamma", L, "$$\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i} \\frac{\\partial L}{\\partial y_i}\\hat{z}_i = \\frac{2}{mn}\\sum_{i}(Y_i - T_i)\\odot\\hat{Z}_i$$", oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="b-chain-sum-over-i")

# ================================================================ rnn
R2_D2 = "((h_2 - y) * (1 - h_2 ** 2))"
R2_D1 = f"({R2_D2} @ W_h.T * (1 - h_1 ** 2))"
C(R2, "W_h", N, "delta2 = (h_2 - y) * (1 - h_2 ** 2)\ndelta1 = delta2 @ W_h.t() * (1 - h_1 ** 2)\ndW_h = h_1.t() @ delta2 + h_0.t() @ delta1", oracle=f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}", style="rnn-torch-delta-names")
C(R2, "W_h", N, "delta2 = (h_2 - y) * (1 - h_2 ** 2)\ndelta1 = delta2 @ W_h.t() * (1 - h_1 ** 2)\ndW_h = h_2.t() @ delta2 + h_1.t() @ delta1", "*", oracle=f"h_2.T @ {R2_D2} + h_1.T @ {R2_D1}", style="rnn-inputs-shifted")
C(R2, "b", N, "delta2 = (h_2 - y) * (1 - torch.tanh(z_2) ** 2)\ndelta1 = delta2 @ W_h.T * (1 - torch.tanh(z_1) ** 2)\ndb = (delta1 + delta2).sum(0, keepdim=True)", oracle=f"np.sum({R2_D1} + {R2_D2}, axis=0, keepdims=True)", style="rnn-b-tanh-of-z")
C(R2, "b", N, "delta2 = (h_2 - y) * (1 - torch.tanh(h_2) ** 2)\ndelta1 = delta2 @ W_h.T * (1 - torch.tanh(h_1) ** 2)\ndb = (delta1 + delta2).sum(0, keepdim=True)", "*", oracle="np.sum(((h_2 - y) * (1 - np.tanh(h_2) ** 2)) @ W_h.T * (1 - np.tanh(h_1) ** 2) + (h_2 - y) * (1 - np.tanh(h_2) ** 2), axis=0, keepdims=True)", style="rnn-b-tanh-of-activation")
C(R2, "W_x", L, "$$\n\\begin{aligned}\n\\delta_2 &= (h_2 - y) \\odot (1 - h_2^2) \\\\\n\\delta_1 &= \\delta_2 W_h^{T} \\odot (1 - h_1^2) \\\\\n\\frac{\\partial L}{\\partial W_x} &= x_1^{T}\\delta_1 + x_2^{T}\\delta_2\n\\end{aligned}\n$$", oracle=f"x_1.T @ {R2_D1} + x_2.T @ {R2_D2}", style="rnn-aligned-three-rows")
C(R2, "b", V, "\\begin{bmatrix} -0.2234 & 0.5557 \\end{bmatrix}", style="v-rnn-b-bmatrix")
C(R2, "W_x[1,1]", V, "≈ 0.512", style="v-rnn-Wx-approx")

# ================================================================ attention
AT_DO = "(2 * (O - T) / (n * d))"
AT_DA = f"({AT_DO} @ V.T)"
AT_DS = f"(A * ({AT_DA} - ({AT_DA} * A).sum(1, keepdims=True)))"
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndV = A.t() @ dO\ndW_v = X.t() @ dV", oracle=f"X.T @ (A.T @ {AT_DO})", style="a-torch-Wv")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = torch.mm(X.t(), torch.mm(A.t(), dO)) * 2", "scale-factor", oracle=f"X.T @ (A.T @ {AT_DO}) * 2", style="a-torch-Wv-times-2")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.t()\ndS = A * (dA - (dA * A).sum(1, keepdim=True))\ndW_q = X.t() @ dS @ K / math.sqrt(d)", oracle=f"X.T @ ({AT_DS} @ K) / np.sqrt(d)", style="a-torch-Wq-keepdim")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.t()\ndS = A * (dA - (dA * A).sum(0, keepdim=True))\ndW_q = X.t() @ dS @ K / math.sqrt(d)", "*", oracle=f"X.T @ ((A * ({AT_DA} - ({AT_DA} * A).sum(0, keepdims=True))) @ K) / np.sqrt(d)", style="a-torch-Wq-wrong-axis")
C(A, "W_k", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.t()\ndS = A * (dA - (dA * A).sum(1, keepdim=True))\ndW_k = X.t() @ dS.t() @ Q / math.sqrt(d)", oracle=f"X.T @ ({AT_DS}.T @ Q) / np.sqrt(d)", style="a-torch-Wk")
C(A, "W_k", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.t()\ndS = A * (dA - (dA * A).sum(1, keepdim=True))\ndW_k = X.t() @ dS @ Q / math.sqrt(d)", "*", oracle=f"X.T @ ({AT_DS} @ Q) / np.sqrt(d)", style="a-torch-Wk-dS-not-transposed")
C(A, "W_v", L, "$$\\nabla_{W_v} L = X^{T}A^{T}\\frac{\\partial L}{\\partial O} = \\frac{2}{nd}X^{T}A^{T}(O - T)$$", oracle=f"X.T @ (A.T @ {AT_DO})", style="a-chain-nabla")
C(A, "W_k", V, "\\begin{bmatrix} -0.01607 & -0.0302 \\\\ 0.005358 & 0.01007 \\end{bmatrix}", style="v-a-Wk-bmatrix")
C(A, "W_q[1,1]", V, "≈ -0.051", style="v-a-Wq-approx")

# ================================================================ CELU written with expm1 (L1 loss), B = 2
CE_S = "(np.sign(h @ v - y) / B)"
C(CE, "v", N, "dv = h.T @ torch.sign(h @ v - y) / B", oracle=f"h.T @ {CE_S}", style="ce-v-sign")
C(CE, "v", N, "dv = h.T @ (h @ v - y) / B", "*", oracle="h.T @ (h @ v - y) / B", style="ce-v-mse-habit")
C(CE, "v", N, "dv = h.T @ torch.sign(h @ v - y)", "scale-factor", oracle="h.T @ np.sign(h @ v - y)", style="ce-v-no-mean")
C(CE, "v", N, "dv = a.T @ torch.sign(h @ v - y) / B", "*", oracle=f"a.T @ {CE_S}", style="ce-v-preactivation")
C(CE, "v", V, "\\begin{bmatrix} 0.25 \\\\ -0.4320 \\\\ 0.3254 \\end{bmatrix}", style="v-ce-v-bmatrix")
C(CE, "v[0,0]", V, "1/4", style="v-ce-v-fraction")

# ================================================================ DeepSurv's Cox partial likelihood, N = 4
SELU = "np.where(x @ W > 0, 1.0507009873554805 * (x @ W), 1.0507009873554805 * 1.6732632423543772 * (np.exp(x @ W) - 1))"
DS_DR = "(-(event - np.exp(risk) * np.cumsum(event * np.exp(-log_risk_set), axis=0)) / event.sum())"
C(DS, "w", N, "dr = -(event - risk.exp() * torch.cumsum(event * torch.exp(-log_risk_set), dim=0)) / event.sum()\ndw = torch.selu(x @ W).T @ dr", oracle=f"{SELU}.T @ {DS_DR}", style="ds-w-cumsum")
C(DS, "w", N, "dr = -(event - risk.exp() * torch.cumsum(event * torch.exp(-log_risk_set), dim=0)) / N\ndw = torch.selu(x @ W).T @ dr", "scale-factor", oracle=f"{SELU}.T @ {DS_DR} * event.sum() / N", style="ds-w-divided-by-N")
C(DS, "w", N, "dr = -(event - risk.exp() * torch.cumsum(event * torch.exp(-log_risk_set), dim=0)) / event.sum()\ndw = (x @ W).T @ dr", "*", oracle=f"(x @ W).T @ {DS_DR}", style="ds-w-selu-forgotten")
C(DS, "w", V, "[[-0.2120], [0.1707]]", style="v-ds-w")
C(DS, "W[0,0]", V, "≈ 0.1065", style="v-ds-W-00-approx")
C(DS, "W", V, "\\begin{pmatrix} 0.1065 & 0 \\\\ -0.003581 & 0 \\\\ 0.00546 & 0 \\end{pmatrix}", style="v-ds-W-pmatrix-zero-column")
C(DS, "w", V, "[[0.2120], [-0.1707]]", "sign", style="v-ds-w-sign")

# ================================================================ Gaussian copula output (erfinv), N = 3
GC_G = "(2 * (q - y) / N * np.sqrt(2 * np.pi) * np.exp(q ** 2 / 2) * p * (1 - p))"
C(GC, "w", N, "dq = 2 * (q - y) / N\ndp = dq * math.sqrt(2 * math.pi) * torch.exp(q ** 2 / 2)\ndw = x.T @ (dp * p * (1 - p))", oracle=f"x.T @ {GC_G}", style="gc-w")
C(GC, "w", N, "dq = 2 * (q - y) / N\ndp = dq * torch.exp(-q ** 2 / 2) / math.sqrt(2 * math.pi)\ndw = x.T @ (dp * p * (1 - p))", "*", oracle="x.T @ (2 * (q - y) / N * np.exp(-q ** 2 / 2) / np.sqrt(2 * np.pi) * p * (1 - p))", style="gc-w-density-for-slope")
C(GC, "w", N, "dq = 2 * (q - y) / N\ndw = x.T @ (dq * p * (1 - p))", "*", oracle="x.T @ (2 * (q - y) / N * p * (1 - p))", style="gc-w-erfinv-slope-forgotten")
C(GC, "b", N, "dq = 2 * (q - y) / N\ndb = (dq * math.sqrt(2 * math.pi) * torch.exp(q ** 2 / 2) * p * (1 - p)).sum()", oracle=f"np.sum({GC_G})", style="gc-b")
C(GC, "b", N, "dq = 2 * (q - y) / N\ndb = dq * math.sqrt(2 * math.pi) * torch.exp(q ** 2 / 2) * p * (1 - p)", "*", oracle=GC_G, style="gc-b-not-summed")
C(GC, "b", V, "≈ 0.3808", style="v-gc-b")
C(GC, "w", V, "\\begin{bmatrix} -0.006736 \\\\ 0.2701 \\end{bmatrix}", style="v-gc-w-bmatrix")
C(GC, "w", L, "$$\\frac{\\partial L}{\\partial w} = \\frac{2}{N} x^{T}\\left[(q - y)\\odot\\sqrt{2\\pi}\\,e^{q^{2}/2}\\odot p\\odot(1 - p)\\right]$$", oracle=f"x.T @ {GC_G}", style="gc-w-latex")

# ================================================================ group norm (zh), B = 2
GN_G = "(2 * (a @ v - y) / B)"
C(GN, "v", N, "# 输出层的梯度\ndv = a.T @ (2 * (a @ v - y) / B)", lang=Z, oracle=f"a.T @ {GN_G}", style="zh-gn-v")
C(GN, "v", N, "# 输出层的梯度\ndv = hn.T @ (2 * (a @ v - y) / B)", "*", lang=Z, oracle=f"hn.T @ {GN_G}", style="zh-gn-v-before-relu")
C(GN, "v", N, "dv = a.T @ (a @ v - y) / B", "scale-factor", oracle="a.T @ (a @ v - y) / B", style="gn-v-2-dropped")
C(GN, "beta", N, "dbeta = ((2 * (a @ v - y) / B) @ v.T * (hn > 0)).sum(0)", oracle=f"({GN_G} @ v.T * (hn > 0)).sum(0)", style="gn-beta")
C(GN, "beta", N, "dbeta = ((2 * (a @ v - y) / B) @ v.T).sum(0)", "*", oracle=f"({GN_G} @ v.T).sum(0)", style="gn-beta-mask-forgotten")
C(GN, "gamma", V, "[0, 0.6472, 0.3239, 0]", style="v-gn-gamma")
C(GN, "beta", V, "约 [0, 0.6478, 0.3239, 0]", lang=Z, style="zh-v-gn-beta")
C(GN, "v", V, "[[0], [0.8629], [0.7557], [0]]", style="v-gn-v")

# ================================================================ neural ODE with Heun's method (TF), N = 2
C(HU, "b", N, "db = tf.reduce_sum(2 * (h2 - target), axis=0) / N", "*", oracle="np.sum(2 * (h2 - target), axis=0) / N", style="hu-b-ode-jacobian-forgotten")
C(HU, "b", V, "[-0.5765, 0.1949, 0.6581]", style="v-hu-b")
C(HU, "W[1,0]", V, "≈ 1.369", style="v-hu-W-10")
C(HU, "W[1,0]", V, "≈ 1.396", "*", style="v-hu-W-10-digits-swapped")
C(HU, "W", V, "\\begin{bmatrix} 0.3506 & -0.1209 & -0.3887 \\\\ 1.3687 & 0.9128 & -0.2434 \\\\ -1.2998 & -0.3004 & 0.7278 \\end{bmatrix}", style="v-hu-W-bmatrix")

# ================================================================ JAX tensordot with the tanh GELU, N = 3
JX_G = "((pred - y) / N)"
C(JX, "W2", N, "dW2 = jnp.tensordot(h, (pred - y) / N, axes=([0], [0]))", oracle=f"h.T @ {JX_G}", style="jx-tensordot-axes")
C(JX, "W2", N, "dW2 = jnp.dot(h.T, pred - y) / N", oracle=f"h.T @ {JX_G}", style="jx-dot")
C(JX, "W2", N, "dW2 = jnp.dot(h.T, 2 * (pred - y)) / N", "scale-factor", oracle=f"h.T @ {JX_G} * 2", style="jx-half-dropped")
C(JX, "W2", N, "dW2 = jnp.dot(h.T, pred - y)", "scale-factor", oracle="h.T @ (pred - y)", style="jx-mean-forgotten")
C(JX, "W2", V, "[[0.09236], [0.0693], [-0.004256]]", style="v-jx-W2")
C(JX, "b1", V, "≈ [-0.00985, 0.01453, -0.01314]", style="v-jx-b1")
C(JX, "W1[0,1]", V, "-0.03992", style="v-jx-W1-01")

# ================================================================ Kronecker-factored layer, N = 3
KR_G = "(2 * (h @ w - y) / N)"
C(KR, "w", N, "dw = h.T @ (2 * (h @ w - y) / N)", oracle=f"h.T @ {KR_G}", style="kr-w")
C(KR, "w", N, "dw = torch.tanh(x @ W).t() @ (2 * (h @ w - y)) / N", oracle=f"h.T @ {KR_G}", style="kr-w-tanh-inline")
C(KR, "w", N, "dw = (x @ W).T @ (2 * (h @ w - y) / N)", "*", oracle=f"(x @ W).T @ {KR_G}", style="kr-w-preactivation")
C(KR, "A", V, "\\begin{bmatrix} -0.0739 & 0.0820 \\\\ 0.1519 & -0.2267 \\end{bmatrix}", style="v-kr-A")
C(KR, "B", V, "[[-0.1732, 0.006265], [-0.2326, 0.0177]]", style="v-kr-B")
C(KR, "B", V, "[[-0.1732, 0.006265], [-0.2326, 0.177]]", "*", style="v-kr-B-digit-shift")

# ================================================================ Li Hongyi HW1 (zh), nn.MSELoss, N = 4
LH_G = "(2 * (pred - y) / N)"
C(LH, "W2", N, "# 均方误差对输出的梯度\ndpred = 2 * (pred - y) / N\ndW2 = h.T @ dpred", lang=Z, oracle=f"h.T @ {LH_G}", style="zh-lh-W2")
C(LH, "b2", N, "db2 = (2 * (pred - y) / N).sum()", oracle=f"np.sum({LH_G})", style="lh-b2")
C(LH, "b2", N, "db2 = (pred - y).mean()", "scale-factor", oracle="np.mean(pred - y)", style="lh-b2-2-dropped")
C(LH, "W1", N, "dpred = 2 * (pred - y) / N\ndh = dpred @ W2.T * (h > 0)\ndW1 = x.T @ dh", oracle=f"x.T @ ({LH_G} @ W2.T * (h > 0))", style="lh-W1")
C(LH, "b1", N, "dpred = 2 * (pred - y) / N\ndb1 = (dpred @ W2.T * (h > 0)).sum(0)", oracle=f"({LH_G} @ W2.T * (h > 0)).sum(0)", style="lh-b1")
C(LH, "b1", N, "dpred = 2 * (pred - y) / N\ndb1 = dpred @ W2.T * (h > 0)", "*", oracle=f"{LH_G} @ W2.T * (h > 0)", style="lh-b1-not-summed")
C(LH, "b2", V, "≈ 1.0345", style="v-lh-b2")
C(LH, "W2", V, "\\begin{bmatrix} 0.2255 \\\\ 0.2354 \\\\ 0.1817 \\end{bmatrix}", style="v-lh-W2")
C(LH, "b1", V, "答：约为 [-0.1104, -0.0789, 0.05505]", lang=Z, style="zh-v-lh-b1")

# ================================================================ LoRA with a frozen base (B = 0 at the start), alpha / r = 8
LO_G = "(2 * (pred - y) / (N * O))"
C(LO, "B", N, "dW = x.T @ (2 * (pred - y) / (N * O))\ndB = (alpha / r) * A.T @ dW", oracle=f"(alpha / r) * A.T @ (x.T @ {LO_G})", style="lo-B")
C(LO, "B", N, "dW = x.T @ (2 * (pred - y) / (N * O))\ndB = A.T @ dW", "scale-factor", oracle=f"A.T @ (x.T @ {LO_G})", style="lo-B-alpha-over-r-forgotten")
C(LO, "A", N, "dW = x.T @ (2 * (pred - y) / (N * O))\ndA = (alpha / r) * dW @ B.T", oracle=f"(alpha / r) * (x.T @ {LO_G}) @ B.T", style="lo-A")
C(LO, "A", N, "dA = torch.zeros_like(A)  # B is zero", "*", note="zero at the example (B = 0) but not the gradient: the checker's random points", style="lo-A-zeros-as-formula")
C(LO, "A", N, "dW = x.T @ (2 * (pred - y) / (N * O))\ndA = dW @ B.T", "*", note="equal to the gradient at the example only because B = 0 there; α/r forgotten", style="lo-A-alpha-forgotten-hidden-by-zero")
C(LO, "A", V, "[[0, 0], [0, 0], [0, 0], [0, 0]]", style="v-lo-A-zeros")
C(LO, "B", V, "\\begin{bmatrix} -0.7819 & 0.3544 \\\\ -1.7845 & 0.5875 \\end{bmatrix}", style="v-lo-B")
C(LO, "B", V, "\\begin{bmatrix} -0.0977 & 0.0443 \\\\ -0.2231 & 0.0734 \\end{bmatrix}", "*", style="v-lo-B-divided-by-8")

# ================================================================ Pearson correlation loss, N = 5
PE_D = "(-((y - y.mean()) / (np.linalg.norm(pred - pred.mean()) * np.linalg.norm(y - y.mean())) - r * (pred - pred.mean()) / np.sum((pred - pred.mean()) ** 2)))"
C(PE, "w", N, "pc = pred - pred.mean()\nyc = y - y.mean()\ndpred = -(yc / (np.linalg.norm(pc) * np.linalg.norm(yc)) - r * pc / np.sum(pc ** 2))\ndw = x.T @ (dpred * (1 - pred ** 2))", oracle=f"x.T @ ({PE_D} * (1 - pred ** 2))", style="pe-w")
C(PE, "w", N, "pc = pred - pred.mean()\nyc = y - y.mean()\ndpred = yc / (np.linalg.norm(pc) * np.linalg.norm(yc)) - r * pc / np.sum(pc ** 2)\ndw = x.T @ (dpred * (1 - pred ** 2))", "sign", oracle=f"-x.T @ ({PE_D} * (1 - pred ** 2))", style="pe-w-sign")
C(PE, "w", N, "pc = pred - pred.mean()\nyc = y - y.mean()\ndpred = -yc / (np.linalg.norm(pc) * np.linalg.norm(yc))\ndw = x.T @ (dpred * (1 - pred ** 2))", "*", oracle="x.T @ (-(y - y.mean()) / (np.linalg.norm(pred - pred.mean()) * np.linalg.norm(y - y.mean())) * (1 - pred ** 2))", style="pe-w-norm-derivative-forgotten")
C(PE, "w", V, "[[0.1109], [-0.3205], [0.3580]]", style="v-pe-w")
C(PE, "w", V, "[[0.1109], [-0.3205], [-0.3580]]", "*", style="v-pe-w-one-sign")

# ================================================================ RoPE with given tables, T = 3
RP_G = "(2 * (out - y) / T)"
C(RP, "Wv", N, "dout = 2 * (out - y) / T\ndWv = x.T @ (att.T @ dout)", oracle=f"x.T @ (att.T @ {RP_G})", style="rp-Wv")
C(RP, "Wv", N, "dout = 2 * (out - y) / T\ndWv = x.T @ (att @ dout)", "*", oracle=f"x.T @ (att @ {RP_G})", style="rp-Wv-att-not-transposed")
C(RP, "Wv", N, "dWv = torch.mm(x.t(), torch.mm(att.t(), out - y)) / T", "scale-factor", oracle="x.T @ (att.T @ (out - y)) / T", style="rp-Wv-2-dropped")
C(RP, "Wv", V, "\\begin{bmatrix} -0.3417 \\\\ -0.6333 \\\\ 1.1767 \\\\ 0.3736 \\end{bmatrix}", style="v-rp-Wv")
C(RP, "Wq[0,0]", V, "≈ 0.0866", style="v-rp-Wq-00")

# ================================================================ SimCLR NT-Xent (hand numbers)
C(SC, "W[0,0]", V, "≈ -3.006", style="v-sc-W-00")
C(SC, "W", V, "[[-3.006, -1.057], [2.918, 0.5588], [0.7655, 0.05566]]", style="v-sc-W")
C(SC, "W", V, "[[-3.006, -1.057], [2.918, 0.5588], [0.7655, -0.05566]]", "*", style="v-sc-W-one-sign")
C(SC, "W[2,1]", V, "5.566%", REFUSE, style="v-sc-W-21-percent")  # relabelled in round 32: corpus 21's percent policy

# ================================================================ weight normalisation, BCE with logits over N * H = 8 entries
WN_DZ = "((sigmoid(z) - t) / (N * H))"
WN_N = "np.linalg.norm(V, axis=0, keepdims=True)"
C(WN, "b", N, "dz = (torch.sigmoid(z) - t) / (N * H)\ndb = dz.sum(0)", oracle=f"{WN_DZ}.sum(0)", style="wn-b")
C(WN, "b", N, "db = (torch.sigmoid(z) - t).mean(0)", "scale-factor", oracle="np.mean(sigmoid(z) - t, axis=0)", style="wn-b-mean-over-rows")
C(WN, "g", N, "dz = (torch.sigmoid(z) - t) / (N * H)\ndW = x.T @ dz\ndg = (dW * V / V.norm(dim=0, keepdim=True)).sum(0, keepdim=True)", oracle=f"np.sum((x.T @ {WN_DZ}) * V / {WN_N}, axis=0, keepdims=True)", style="wn-g")
C(WN, "g", N, "dz = (torch.sigmoid(z) - t) / (N * H)\ndW = x.T @ dz\ndg = dW.sum(0, keepdim=True)", "*", oracle=f"np.sum(x.T @ {WN_DZ}, axis=0, keepdims=True)", style="wn-g-direction-forgotten")
C(WN, "V", N, "dz = (torch.sigmoid(z) - t) / (N * H)\ndW = x.T @ dz\nn = V.norm(dim=0, keepdim=True)\ndV = g / n * (dW - V / n * (dW * V / n).sum(0, keepdim=True))", oracle=f"g / {WN_N} * ((x.T @ {WN_DZ}) - V / {WN_N} * np.sum((x.T @ {WN_DZ}) * V / {WN_N}, axis=0, keepdims=True))", style="wn-V")
C(WN, "V", N, "dz = (torch.sigmoid(z) - t) / (N * H)\ndW = x.T @ dz\nn = V.norm(dim=0, keepdim=True)\ndV = g / n * dW", "*", oracle=f"g / {WN_N} * (x.T @ {WN_DZ})", style="wn-V-projection-forgotten")
C(WN, "g", V, "[[0.08563, -0.07007]]", style="v-wn-g")
C(WN, "b", V, "≈ [0.01249, 0.09645]", style="v-wn-b")

# ================================================================ more refusals and slips, written with the rest of round a
C(M, "W1", N, "dW1 = X.T @ dZ1 / m", REFUSE, style="undefined-dZ1")
C(S, "W", L, "$$\\frac{\\partial L}{\\partial W} = \\text{(same as in problem 2)}$$", REFUSE, style="s-text-reference")
C(E, "w", N, "dw = autograd.grad(L, w)[0]", REFUSE, style="n-autograd")
C(B, "gamma", V, "see the table above", REFUSE, style="v-b-prose")
C(GC, "w", N, "dw = x.T @ dq_dz", REFUSE, style="gc-undefined-name")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=0) / m / m", "scale-factor", oracle=B1R + " / m", style="b1-m-twice")
C(MW, "W1", N, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndZ1 = dZ2 @ W2.t() * (A1 > 0)\ndW1 = X.t() @ dZ1 / m", oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="w-torch-W1-mask-A1")
C(T, "W1", N, "dW1 = sum(np.outer(X[i], (y_pred - y_target) * W2[:, 0] * h[i] * (1 - h[i])) for i in range(1))", oracle=TW1, style="t-sum-generator-one-example")
C(R2, "W_h", N, "delta2 = (h_2 - y) * (1 - h_2 ** 2)\ndW_h = tf.matmul(h_1, delta2, transpose_a=True)", "missing-path", oracle=f"h_1.T @ {R2_D2}", style="rnn-tf-last-step-only")


# ================================================================ round b: written after round a's fixes, before any run of these
_round = "b"
C(S, "W", N, "dW = sum(np.outer(X[n], P[n] - Y[n]) for n in range(len(X))) / len(X)", oracle=SW, style="b-s-outer-len")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = sum(torch.outer(A1[k], dZ2[k]) for k in range(m))", "scale-factor", oracle="A1.T @ (A2 - Y)", style="b-outer-step-name-no-m")
C(MW, "b2", V, "约为 [[-0.3643]]", lang=Z, style="b-zh-v-w-b2-about-matrix")
C(B, "gamma", V, "$$\\begin{bmatrix} 0.7266 & -1.2644 \\end{bmatrix}$$", "*", style="b-v-b-gamma-dollars-one-sign")
C(T, "W2", L, "**Part (a)**\n\n- dW2 = $h^{T}(y_{pred} - y_{target})$", oracle=TW2, style="b-t-md-title-name-math")
C(S, "b", L, "- **dW**: $\\frac{1}{m}X^{T}(P - Y)$\n- **db**: $\\frac{1}{m}\\mathbf{1}^{T}(P - Y)$", oracle=SB, style="b-s-md-labels-d-names")
C(S, "W", L, "- **dW**: $X^{T}(P - Y)$\n- **db**: $\\frac{1}{m}\\mathbf{1}^{T}(P - Y)$", "scale-factor", oracle="X.T @ (P - Y)", style="b-s-md-labels-no-m")
C(DS, "w", N, "g = event / np.exp(log_risk_set)\ndr = (np.exp(risk) * g.cumsum(axis=0) - event) / event.sum()\ndw = torch.selu(x @ W).T @ dr", oracle=f"{SELU}.T @ {DS_DR}", style="b-ds-method-cumsum")
C(DS, "w", N, "g = event / np.exp(log_risk_set)\ndr = (np.exp(risk) * g.cumsum(axis=0) - event) / event.sum()\ndw = (torch.selu(x @ W) * 2).T @ dr", "scale-factor", oracle=f"2 * {SELU}.T @ {DS_DR}", style="b-ds-method-cumsum-doubled")
C(S, "W", N, "dW = tf.matmul(X, tf.nn.softmax(X @ W + b) - Y, transpose_a=True) / tf.cast(tf.shape(X)[0], tf.float64)", oracle=SW, style="b-s-tf-shape-cast")
C(M, "W2", N, "dW2 = tf.transpose(A1) @ (tf.math.sigmoid(Z2) - Y) / tf.cast(m, tf.float64)", oracle=W2R, style="b-tf-math-sigmoid-cast")
C(LH, "b1", V, "≈ [-0.1104, -0.0789, -0.05505]", "*", style="b-v-lh-b1-about-one-sign")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c26-000, … as written; cases that happen to repeat corpus 2-25 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus26", "c26", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
