"""The held-out-style corpus of issue 11, twentieth round: answers as course notes and students
write them, in forms corpora 2–19 did not use — NumPy's ``np.where(Z1 > 0, …, 0.0)``,
``np.heaviside``, the CS231n in-place masks (``dZ1[Z1 <= 0] = 0``, ``dscores[np.arange(N), y]
-= 1``), Ng's column-major ``np.dot(dZ2, A1.T)`` pasted into row-major code, ``Y.shape[1]`` and
``A1.shape[1]`` as the batch size, einsum with layer letters (``'bh,bo->ho'``), PyTorch's
``.t()``/``.mm``/``.div``/``.unsqueeze``, ``np.hstack``/``np.concatenate`` of a cascade's inputs,
``np.eye(C)[y]`` one-hot targets; LaTeX from lecture notes — ``\\intercal``, ``\\text{ where }``,
``\\mathbb{1}[Z > 0]``, ``\\delta^{[l]}`` in ``aligned`` derivations, Leibniz products written
with plain ``d`` and with an ``= 2v \\cdot 1 \\cdot w`` tail, ``\\frac{\\partial L}{\\partial
Z^{[2]}}\\frac{\\partial Z^{[2]}}{\\partial W^{[2]}}``, per-example sums over subscripts
``\\sum_i (t_i - p_i) f_i``, Chinese exam prose with trailing remarks; hand numbers in one to
four significant digits, doubled, halved, sign-flipped and a digit swapped; element-wise formulas
over entry names; ``derive grade`` rows. Twelve lecturer networks no earlier corpus used
(tests/specs_course/hn17_*: Karpathy's hacker's-guide neuron, Prince's UDL shallow net
(column-major), UvA's XOR with BCE-with-logits, ridge with unusual names, Platt scaling with soft
targets, temperature scaling, Chollet's IMDB dense net, d2l's centred layer, CS231n's inverted
dropout, Zhou's (xigua) cascade-correlation unit, a separate actor–critic with a detached target,
Qiu's swish with a learned β). Mistakes: the missing 1/m, the wrong size name, the wrong
transpose, the wrong layer (A1 for X, h1's mask for h2's, pre-activation), σ′ for tanh′ and for
relu′, σ′ applied twice under BCE, a missing σ′/mask, a sign, a factor 2, bias summed over the
wrong axis, the dropout mask or 1/p forgotten, the detached target differentiated through, the
binary-label-only weighted gradient (``np.where(Y == 1, …)``), softmax Jacobian mistakes, the
regulariser scaled by 1/m or forgotten, a product-rule term forgotten, the learned β dropped.
Unreadable: autodiff calls, undefined helpers (named), nodes that do not exist, a number in
words, a conditional.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
and before its code was read this round (bench/RESULTS.md, "heldcheck19": the first
measurement). Built-in matrix cases carry a PyTorch oracle (tests/check_oracle.py); course-network
cases are confirmed by the spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers
were computed in PyTorch float64 (check_oracle.exact_value) and rounded by hand.
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
KN = str(COURSE / "hn17_karpathy_hackers_neuron.toml")
PU = str(COURSE / "hn17_prince_udl_shallow.toml")
UX = str(COURSE / "hn17_uva_xor_bcelogits.toml")
RU = str(COURSE / "hn17_ridge_unusual_names.toml")
PS = str(COURSE / "hn17_platt_scaling.toml")
TS = str(COURSE / "hn17_temperature_scaling.toml")
CI = str(COURSE / "hn17_chollet_imdb_dense.toml")
DC = str(COURSE / "hn17_d2l_centered_layer.toml")
ID = str(COURSE / "hn17_cs231n_inverted_dropout.toml")
XC = str(COURSE / "hn17_xigua_cascade.toml")
AC = str(COURSE / "hn17_actor_critic_separate.toml")
QS = str(COURSE / "hn17_qiu_swish_learned_beta.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py)
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
EW = "(O - t) * O * (1 - O) * x"
W2R = "A1.T @ (A2 - Y) / m"
DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0))"
W1R = f"X.T @ {DZ1} / m"
B1R = f"np.sum({DZ1}, axis=0, keepdims=True) / m"
B2R = "np.sum(A2 - Y, axis=0, keepdims=True) / m"
WDZ = "((1 - Y) * A2 - w * Y * (1 - A2))"
RW2 = "2 * h_relu.T @ (y_pred - y)"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
SW = "X.T @ (P - Y) / m"
SB = "np.sum(P - Y, axis=0, keepdims=True) / m"

# ================================================================ mlp-bce, NumPy / PyTorch
C(M, "W2", N, "dW2 = np.einsum('bh,bo->ho', A1, A2 - Y) / m", oracle=W2R, style="einsum-layer-letters")
C(M, "W2", N, "dW2 = np.einsum('bh,bo->oh', A1, A2 - Y) / m", "*", style="einsum-output-swapped", note="(1, n_h) for the (n_h, 1) W2")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = 1 / m * np.dot(dZ2.T, A1).T", oracle=W2R, style="ng-dot-transposed-back")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = 1 / m * np.dot(dZ2, A1.T)", "*", style="ng-column-major-pasted", note="(m, 1) @ (n_h, m) does not multiply at distinct sizes")
C(M, "W2", N, "dW2 = np.matmul(A1.T, A2 - Y) / Y.shape[0]", oracle=W2R, style="matmul-Y-shape0")
C(M, "W2", N, "dW2 = np.matmul(A1.T, A2 - Y) / Y.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y)", style="Y-shape1-is-one")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / A1.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="A1-shape1-is-n_h")
C(M, "W2", N, "dW2 = (A1.t() @ (A2 - Y)).div(m)", oracle=W2R, style="torch-t-div")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / np.float64(m)", oracle=W2R, style="np-float64-m")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y).mean(axis=1, keepdims=True)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="mean-over-output-axis")
C(M, "W1", N, "dZ1 = np.where(Z1 > 0, (A2 - Y) @ W2.T, 0.0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="where-mask-value")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T\ndZ1[Z1 <= 0] = 0\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="cs231n-inplace-mask")
C(M, "W1", N, "dZ1 = (A2 - Y) * W2.T * (A1 > 0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="broadcast-outer-A1-mask")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1", "scale-factor", oracle=f"X.T @ {DZ1}", style="W1-no-m")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * A1 * (1 - A1)\ndW1 = X.T @ dZ1 / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="sigmoid-prime-for-relu-on-A1")
C(M, "W1", N, "dW1 = A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", "wrong-layer", oracle=f"A1.T @ {DZ1} / m", style="A1-for-X")
C(M, "b1", N, "db1 = ((A2 - Y) @ W2.T * np.heaviside(Z1, 0)).mean(axis=0, keepdims=True)", oracle=B1R, style="heaviside-mean")
C(M, "b1", N, "db1 = np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=1, keepdims=True) / m", "*", style="b1-wrong-axis")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=0, keepdims=True) / len(Y)", oracle=B2R, style="b2-len-Y")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=0, keepdims=True)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="b2-no-m")

# ================================================================ mlp-bce, LaTeX
C(M, "W2", L, r"\frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial W^{[2]}}", oracle=W2R, style="leibniz-Z2-W2")
C(M, "W2", L, r"\frac{\partial L}{\partial Z^{[1]}}\frac{\partial Z^{[1]}}{\partial W^{[2]}}", REFUSE, style="leibniz-Z1-does-not-depend-on-W2")
C(M, "W1", L, r"\begin{aligned} \delta^{[2]} &= A^{[2]} - Y \\ \delta^{[1]} &= \delta^{[2]} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0] \\ \frac{\partial L}{\partial W^{[1]}} &= \frac{1}{m} X^\top \delta^{[1]} \end{aligned}", oracle=W1R, style="aligned-delta-iverson")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m}X^{\top}\left(\left(A^{[2]}-Y\right)W^{[2]\top}\odot\left[Z^{[1]}>0\right]\right)", oracle=W1R, style="iverson-bracket-odot")
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m}\,{A^{[1]}}^{\intercal} dZ^{[2]} \text{ where } dZ^{[2]} = A^{[2]} - Y", oracle=W2R, style="intercal-text-where")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(Y - A^{[2]})", "sign", oracle="A1.T @ (Y - A2) / m", style="latex-sign")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} X^{\top}(A^{[2]} - Y)", "wrong-layer", oracle="X.T @ (A2 - Y) / m", style="latex-X-for-A1")
C(M, "b2", L, r"由链式法则得 $\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m}(a^{[2](i)} - y^{(i)})$，即输出误差的平均。", lang=Z, oracle=B2R, style="zh-yilianshi-trailing-remark")
C(M, "W1", L, r"所以 $dW^{[1]} = \frac{1}{m} X^{\top} \left((A^{[2]} - Y) W^{[2]\top}\right)$，其中 ReLU 的导数取 1。", "missing-activation-derivative", lang=Z, oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="zh-relu-prime-one")
C(M, "b1", L, r"\frac{\partial L}{\partial \mathbf{b}^{[1]}} = \frac{1}{m}\sum_{i=1}^{m}\boldsymbol{\delta}^{[1](i)}, \quad \boldsymbol{\delta}^{[1]} = (A^{[2]} - Y)W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]", oracle=B1R, style="boldsymbol-delta-per-example-sum")

# ================================================================ mlp-bce, hand numbers (W2[0,0] = -0.176283, W1[0,1] = 0.135636, b2 = 0.0603782, b1[0,0] = -0.0979352)
C(M, "W2[0,0]", V, "-0.1763", style="v-W2-4sf")
C(M, "W2[0,0]", V, "-0.18", style="v-W2-2sf")
C(M, "W2[0,0]", V, "-0.1736", "*", style="v-W2-digits-swapped")
C(M, "W2[0,0]", V, "-0.3526", "scale-factor", style="v-W2-doubled")
C(M, "W2[0,0]", V, "0.1763", "sign", style="v-W2-sign")
C(M, "W1[0,1]", V, "1.356e-1", style="v-W1-sci-4sf")
C(M, "W1[0,1]", V, "0.14", style="v-W1-2sf")
C(M, "W1[0,1]", V, "-0.1356", "sign", style="v-W1-sign")
C(M, "b2[0,0]", V, "0.0604", style="v-b2-3sf")
C(M, "b2[0,0]", V, "0.06", "too-few-digits", style="v-b2-1sf")
C(M, "b1[0,0]", V, "-0.0979", style="v-b1-3sf")
C(M, "b1[0,0]", V, "-0.1959", "scale-factor", style="v-b1-doubled")

# ================================================================ tiny-mlp
C(T, "W2", N, "dW2 = h.reshape(-1, 1) * (y_pred - y_target)", oracle=TW2, style="t-reshape-minus-one")
C(T, "W2", N, "dW2 = (y_pred - y_target) * h", "shape-mismatch", style="t-h-row-not-column")
C(T, "W1", N, "dh = (y_pred - y_target) * W2.T\ndh_raw = dh * h * (1 - h)\ndW1 = X.T.dot(dh_raw)", oracle=TW1, style="t-named-steps-dot")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T)", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-no-sigma-prime")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="t-prime-of-pre-activation")
C(T, "W2", L, r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial W_2}", oracle=TW2, style="t-leibniz-W2")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = h^{\intercal}\,(y_{pred} - y_{target})", oracle=TW2, style="t-intercal")
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", style="e-t-w12")
C(T, "w12", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "wrong-entry", style="e-t-w12-unit-1")
C(T, "w12", L, r"(y_{\mathrm{pred}} - y_{\mathrm{target}})\, v_{2}\, h_{2}(1 - h_{2})\, x_{1}", style="e-t-w12-latex-mathrm")
C(T, "v1", N, "(y_pred - y_target) * h1 * (1 - h1)", "*", style="e-t-v1-sigma-prime-extra")
C(T, "W1[0,0]", V, "-0.0137", style="v-t-3sf")
C(T, "W1[0,0]", V, "-1.37e-2", style="v-t-sci")
C(T, "W1[0,0]", V, "-0.0273", "scale-factor", style="v-t-doubled")
C(T, "W2[1,0]", V, "-0.1172", style="v-t-W2-4sf")
C(T, "W2[1,0]", V, "-0.12", style="v-t-W2-2sf")

# ================================================================ neuron
C(E, "w", N, "dw = np.multiply((O - t) * O * (1 - O), x)", oracle=EW, style="n-multiply")
C(E, "w", N, "dw = (O - t) * O * (1 - O) @ x", oracle=EW, style="n-matmul-1x1")
C(E, "w", N, "dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="n-no-sigma-prime")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle="2 * " + EW, style="n-mse-loss-factor-2")
C(E, "w", L, r"\nabla_{\mathbf{w}} L = (O - t)\,O\,(1 - O)\,\mathbf{x}", oracle=EW, style="n-nabla-mathbf")
C(E, "w1", N, "(O - t) * O * (1 - O) * x1", style="e-n-w1")
C(E, "w1", N, "(O - t) * O * (1 - O) * x0", "wrong-entry", style="e-n-w1-gets-x0")
C(E, "w[0,1]", V, "-0.0367", style="v-n-3sf")
C(E, "w[0,1]", V, "-0.037", style="v-n-2sf")
C(E, "w[0,1]", V, "0.0367", "sign", style="v-n-sign")
C(E, "w[0,1]", V, "-0.0735", "scale-factor", style="v-n-doubled")

# ================================================================ chain
C(CH, "x", N, "grad_x = 2 * (w * x + b) * w", oracle="2 * v * w", style="ch-x-expanded")
C(CH, "x", N, "dL_dx = 2 * v * x", "*", oracle="2 * v * x", style="ch-x-gets-x")
C(CH, "x", L, r"\frac{dL}{dx} = \frac{dL}{dv}\frac{dv}{du}\frac{du}{dx} = 2v \cdot 1 \cdot w", oracle="2 * v * w", style="ch-plain-d-chain-tail")
C(CH, "x", L, r"\frac{\partial L}{\partial u}\frac{\partial u}{\partial x}", oracle="2 * v * w", style="ch-leibniz-u-x")
C(CH, "x", V, "60.0", style="v-ch-x")
C(CH, "x", V, "60.4", "*", style="v-ch-x-off", note="the intermediates are exact integers")
C(CH, "x", V, "30", "scale-factor", style="v-ch-x-half")
C(CH, "x", V, "-60", "sign", style="v-ch-x-sign")

# ================================================================ relu-mlp
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = np.einsum('nh,no->ho', h_relu, grad_y_pred)", oracle=RW2, style="r-einsum-letters")
C(R, "w2", N, "grad_w2 = h_relu.T.dot(y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-no-2")
C(R, "w2", N, "grad_w2 = h.T.dot(2.0 * (y_pred - y))", "*", oracle="h.T @ (2.0 * (y_pred - y))", style="r-pre-activation")
C(R, "w1", N, "grad_h = 2.0 * (y_pred - y) @ w2.T\ngrad_h[h < 0] = 0\ngrad_w1 = x.T @ grad_h", "relu-at-zero", style="r-inplace-mask", note="first labelled right; the README's policy (PyTorch's relu'(0) = 0, which relu-mlp's relu is) makes h < 0 the relu-at-zero slip, as the checker says (corrected after the first run)")
C(R, "w1", N, "grad_w1 = x.T @ (2.0 * (y_pred - y) @ w2.T)", "missing-activation-derivative", oracle="x.T @ (2.0 * (y_pred - y) @ w2.T)", style="r-no-mask")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * (h > 0)) / n", "scale-factor", oracle=RW1 + " / n", style="r-divided-by-n")
C(R, "w2[0,0]", V, "-0.748", style="v-r-w2")
C(R, "w2[0,0]", V, "-0.374", "scale-factor", style="v-r-w2-half")
C(R, "w1[0,0]", V, "1.407", style="v-r-w1-4sf")

# ================================================================ mlp-bce-weighted
C(MW, "W2", N, "dZ2 = A2 * (1 + (w - 1) * Y) - w * Y\ndW2 = A1.T @ dZ2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-expanded")
C(MW, "W2", N, "dZ2 = np.where(Y == 1, w * (A2 - 1), A2)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", style="w-where-binary-only")
C(MW, "W2", N, "dW2 = A1.T @ (A2 - Y) / m", "*", oracle=W2R, style="w-unweighted")
C(MW, "W2", N, "dZ2 = w * (1 - Y) * A2 - Y * (1 - A2)\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ (w * (1 - Y) * A2 - Y * (1 - A2)) / m", style="w-weight-on-negative")
C(MW, "W2[0,0]", V, "-0.4236", style="v-w-W2")
C(MW, "b2[0,0]", V, "0.364", "sign", style="v-w-b2-sign")

# ================================================================ softmax-regression
C(S, "W", N, "dZ = (P - Y) / m\ndW = np.einsum('mn,mk->nk', X, dZ)", oracle=SW, style="s-einsum-mn-mk")
C(S, "W", N, "dW = X.T @ (P - Y) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-divided-by-k")
C(S, "W", N, "dZ = P * (1 - P) * (P - Y)\ndW = X.T @ dZ / m", "*", oracle="X.T @ (P * (1 - P) * (P - Y)) / m", style="s-diag-jacobian-on-fused")
C(S, "W", N, "dZ = -Y / P * P * (1 - P) / m\ndW = X.T @ dZ", "*", oracle="X.T @ (-Y * (1 - P)) / m", style="s-diag-jacobian-only")
C(S, "b", N, "dZ = (P - Y) / m\ndb = dZ.sum(axis=0, keepdims=True)", oracle=SB, style="s-b-method")
C(S, "b", N, "db = (P - Y).sum(axis=1, keepdims=True) / m", "*", style="s-b-wrong-axis")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}\left(\mathrm{softmax}(XW + b) - Y\right)", oracle=SW, style="s-latex-softmax-of-expr")
C(S, "W", L, r"解：$\nabla_W L = \frac{1}{m} X^\top (P - Y)$.", lang=Z, oracle=SW, style="s-zh-nabla-period")
C(S, "W[0,0]", V, "0.585", style="v-s-W")
C(S, "W[0,0]", V, "1.17", "scale-factor", style="v-s-W-doubled")
C(S, "W[1,1]", V, "0.3960", style="v-s-W11-4sf")

# ================================================================ batchnorm, rnn, attention
C(B, "gamma", N, "dgamma = (2 * (Y - T) / (m * n) * Z_hat).sum(axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="b-gamma-spelled")
C(B, "gamma", N, "dgamma = (2 * (Y - T) / m * Z_hat).sum(axis=0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T) / m * Z_hat, axis=0, keepdims=True)", style="b-gamma-over-m-only")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T), axis=0, keepdims=True) / Y.size", oracle="np.sum(2 * (Y - T), axis=0, keepdims=True) / (m * n)", style="b-beta-Y-size")
C(B, "gamma[0,0]", V, "0.727", style="v-b-gamma")
C(R2, "W_x", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2", oracle="x_1.T @ (((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T * (1 - h_1 ** 2)) + x_2.T @ ((h_2 - y) * (1 - h_2 ** 2))", style="rnn-Wx-bptt")
C(R2, "W_x", N, "dW_x = x_2.T @ ((h_2 - y) * (1 - h_2 ** 2))", "missing-path", oracle="x_2.T @ ((h_2 - y) * (1 - h_2 ** 2))", style="rnn-Wx-last-step")
C(R2, "W_x[0,0]", V, "-0.191", style="v-rnn-Wx")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ (A.T @ dO)", oracle="X.T @ (A.T @ (2 * (O - T) / (n * d)))", style="a-Wv")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ (A @ dO)", "*", oracle="X.T @ (A @ (2 * (O - T) / (n * d)))", style="a-Wv-A-not-transposed")
C(A, "W_v[0,0]", V, "-0.130", style="v-a-Wv")

# ================================================================ Karpathy's hacker's-guide neuron: f = σ(a x + b y + c)
C(KN, "a", N, "dq = f * (1 - f)\nda = x * dq", oracle="f * (1 - f) * x", style="kn-a")
C(KN, "b", N, "db = y * f * (1 - f)", oracle="f * (1 - f) * y", style="kn-b")
C(KN, "c", N, "dc = f * (1 - f) * 1.0", oracle="f * (1 - f)", style="kn-c-times-one")
C(KN, "a", N, "da = x * f", "*", oracle="x * f", style="kn-a-no-sigma-prime")
C(KN, "c", N, "dc = sigmoid(q) * (1 - sigmoid(q)) * c", "*", oracle="f * (1 - f) * c", style="kn-c-times-c")
C(KN, "a", L, r"\frac{\partial f}{\partial q}\frac{\partial q}{\partial a}", oracle="f * (1 - f) * x", style="kn-leibniz")
C(KN, "b", L, r"\sigma(q)\left(1-\sigma(q)\right) y", oracle="f * (1 - f) * y", style="kn-latex-sigma")
C(KN, "a", L, r"\frac{\partial f}{\partial z}\frac{\partial z}{\partial a}", REFUSE, style="kn-z-not-a-node")

# ================================================================ Prince UDL shallow net, column-major: L = Σ (f_1 - y)²
PU_DF0 = "(Omega_1.T @ (2 * (f_1 - y)) * (f_0 > 0))"
C(PU, "Omega_1", N, "dl_df1 = 2 * (f_1 - y)\ndl_dOmega1 = dl_df1 @ h_1.T", oracle="2 * (f_1 - y) @ h_1.T", style="pu-Omega1")
C(PU, "Omega_1", N, "dl_dOmega1 = (f_1 - y) @ h_1.T", "scale-factor", oracle="(f_1 - y) @ h_1.T", style="pu-Omega1-no-2")
C(PU, "beta_1", N, "dl_dbeta1 = np.sum(2 * (f_1 - y), axis=1, keepdims=True)", oracle="np.sum(2 * (f_1 - y), axis=1, keepdims=True)", style="pu-beta1")
C(PU, "beta_1", N, "dl_dbeta1 = np.sum(2 * (f_1 - y), axis=0, keepdims=True)", "*", style="pu-beta1-wrong-axis")
C(PU, "Omega_0", N, "dl_dh1 = Omega_1.T @ (2 * (f_1 - y))\ndl_df0 = dl_dh1 * (f_0 > 0)\ndl_dOmega0 = dl_df0 @ x.T", oracle=f"{PU_DF0} @ x.T", style="pu-Omega0")
C(PU, "Omega_0", N, "dl_df0 = Omega_1.T @ (2 * (f_1 - y)) * np.heaviside(f_0, 0)\ndl_dOmega0 = dl_df0 @ x.T", oracle=f"{PU_DF0} @ x.T", style="pu-Omega0-heaviside")
C(PU, "Omega_0", N, "dl_dOmega0 = (Omega_1.T @ (2 * (f_1 - y))) @ x.T", "missing-activation-derivative", oracle="(Omega_1.T @ (2 * (f_1 - y))) @ x.T", style="pu-Omega0-no-mask")
C(PU, "beta_0", N, "dl_dbeta0 = np.sum(Omega_1.T @ (2 * (f_1 - y)) * (f_0 > 0), axis=1, keepdims=True)", oracle=f"np.sum({PU_DF0}, axis=1, keepdims=True)", style="pu-beta0")
C(PU, "Omega_1", L, r"\frac{\partial L}{\partial \boldsymbol{\Omega}_1} = 2(\mathbf{f}_1 - \mathbf{y})\mathbf{h}_1^T", oracle="2 * (f_1 - y) @ h_1.T", style="pu-latex-Omega1")

# ================================================================ UvA XOR, BCE with logits (labels of shape (batch,))
UX_D = "((sigmoid(preds) - data_labels[:, None]) / batch)"
UX_DX = f"({UX_D} @ linear2_weight * (1 - act ** 2))"
C(UX, "linear2_weight", N, "dpreds = (torch.sigmoid(preds) - data_labels.unsqueeze(1)) / batch\ndW2 = dpreds.T @ act", oracle=f"{UX_D}.T @ act", style="ux-W2-unsqueeze")
C(UX, "linear2_weight", N, "probs = 1 / (1 + np.exp(-preds))\ndW2 = (probs - data_labels[:, None]).T @ act / batch", oracle=f"{UX_D}.T @ act", style="ux-W2-none-index")
C(UX, "linear2_weight", N, "probs = 1 / (1 + np.exp(-preds))\ndW2 = (probs - data_labels[:, None]).T @ act", "scale-factor", oracle=f"({UX_D} * batch).T @ act", style="ux-W2-no-batch")
C(UX, "linear2_weight", N, "dW2 = (torch.sigmoid(preds) - data_labels).T @ act / batch", "*", style="ux-W2-broadcast-trap", note="(batch, 1) - (batch,) broadcasts to (batch, batch)")
C(UX, "linear1_weight", N, "dpreds = (torch.sigmoid(preds) - data_labels.unsqueeze(1)) / batch\ndact = dpreds @ linear2_weight\ndx = dact * (1 - act ** 2)\ndW1 = dx.T @ data_inputs", oracle=f"{UX_DX}.T @ data_inputs", style="ux-W1")
C(UX, "linear1_weight", N, "dpreds = (torch.sigmoid(preds) - data_labels.unsqueeze(1)) / batch\ndx = dpreds @ linear2_weight * act * (1 - act)\ndW1 = dx.T @ data_inputs", "wrong-activation-derivative", oracle=f"({UX_D} @ linear2_weight * act * (1 - act)).T @ data_inputs", style="ux-W1-sigma-prime-for-tanh")
C(UX, "linear1_weight", N, "dpreds = (torch.sigmoid(preds) - data_labels.unsqueeze(1)) / batch\ndx = dpreds @ linear2_weight * (1 - act ** 2)\ndW1 = data_inputs.T @ dx", "*", style="ux-W1-transposed-result")
C(UX, "linear1_bias", N, "dpreds = (torch.sigmoid(preds) - data_labels.unsqueeze(1)) / batch\ndb1 = (dpreds @ linear2_weight * (1 - act ** 2)).sum(0)", oracle=f"{UX_DX}.sum(0)", style="ux-b1-sum0")
C(UX, "linear2_bias", N, "db2 = (torch.sigmoid(preds).squeeze(1) - data_labels).mean(0, keepdim=True)", oracle=f"{UX_D}.sum(0)", style="ux-b2-mean-keepdim")

# ================================================================ ridge with unusual names: J = Σ(Ŷ - Y)²/(2 nSamples) + Λ/2 ΣΘ²
RU_T = "Xmat.T @ (Y_hat - Y_true_) / nSamples + Lambda * Theta"
C(RU, "Theta", N, "dTheta = (1 / nSamples) * Xmat.T @ (Y_hat - Y_true_) + Lambda * Theta", oracle=RU_T, style="ru-Theta")
C(RU, "Theta", N, "dTheta = (1 / nSamples) * Xmat.T @ (Y_hat - Y_true_)", "*", oracle="Xmat.T @ (Y_hat - Y_true_) / nSamples", style="ru-reg-forgotten")
C(RU, "Theta", N, "dTheta = (Xmat.T @ (Y_hat - Y_true_) + Lambda * Theta) / nSamples", "*", oracle="(Xmat.T @ (Y_hat - Y_true_) + Lambda * Theta) / nSamples", style="ru-reg-over-m-ng")
C(RU, "Theta", N, "dTheta = Xmat.T @ (Y_hat - Y_true_) / nSamples + Lambda / 2 * Theta", "*", oracle="Xmat.T @ (Y_hat - Y_true_) / nSamples + Lambda / 2 * Theta", style="ru-reg-half")
C(RU, "b_", N, "db_ = np.mean(Y_hat - Y_true_, keepdims=True)", oracle="np.mean(Y_hat - Y_true_, keepdims=True)", style="ru-b-mean-keepdims")
C(RU, "b_", N, "db_ = np.mean(Y_hat - Y_true_, keepdims=True) + Lambda * b_", "*", style="ru-b-regularised", note="b_ is 0 at the example point, where the extra Lambda * b_ vanishes: no oracle there")

# ================================================================ Platt scaling: p = 1/(1 + exp(A f + B)), soft targets t
C(PS, "A", N, "dA = np.sum((t - p) * f)", oracle="np.sum((t - p) * f)", style="ps-A")
C(PS, "A", N, "dA = f @ (t - p)", oracle="np.sum((t - p) * f)", style="ps-A-dot-1d")
C(PS, "A", N, "dA = np.sum((p - t) * f)", "sign", oracle="np.sum((p - t) * f)", style="ps-A-sign")
C(PS, "A", N, "dA = np.dot(t - p, f) / n", "scale-factor", oracle="np.sum((t - p) * f) / n", style="ps-A-mean")
C(PS, "B", N, "dB = np.sum(t - p)", oracle="np.sum(t - p)", style="ps-B")
C(PS, "A", L, r"\frac{\partial \ell}{\partial A} = \sum_{i=1}^{n}(t_i - p_i)\,f_i", oracle="np.sum((t - p) * f)", style="ps-latex-sum-subscripts")

# ================================================================ temperature scaling: T = exp(log_T), CE(logits / T)
TS_P = "(np.exp(logits / T) / np.exp(logits / T).sum(1, keepdims=True))"
TS_G = f"-np.sum(({TS_P} - np.eye(n_cls)[labels]) * logits) / (T * n_val)"
C(TS, "log_T", N, "P = np.exp(logits / T) / np.sum(np.exp(logits / T), axis=1, keepdims=True)\nY = np.eye(n_cls)[labels]\ndlog_T = -np.sum((P - Y) * logits) / (T * n_val)", oracle=TS_G, style="ts-eye-index")
C(TS, "log_T", N, "P = np.exp(logits / T) / np.sum(np.exp(logits / T), axis=1, keepdims=True)\nY = np.eye(n_cls)[labels]\ndlog_T = -np.sum((P - Y) * logits) / (T ** 2 * n_val)", "*", oracle=f"{TS_G} / T", style="ts-dT-not-dlogT")
C(TS, "log_T", N, "P = np.exp(logits / T) / np.sum(np.exp(logits / T), axis=1, keepdims=True)\nY = np.eye(n_cls)[labels]\ndlog_T = -np.sum((P - Y) * logits) / T", "scale-factor", oracle=f"{TS_G} * n_val", style="ts-no-mean")
C(TS, "log_T", N, "P = np.exp(logits / T) / np.sum(np.exp(logits / T), axis=1, keepdims=True)\nY = np.eye(n_cls)[labels]\ndlog_T = np.sum((P - Y) * logits) / (T * n_val)", "sign", oracle=f"-{TS_G}", style="ts-sign")

# ================================================================ Chollet's IMDB dense net (Keras backend)
KERAS_EPS = "Keras's K.binary_crossentropy keeps ε = 1e-7 inside its logs: the exact gradient differs from (y_pred - y_true)/batch by ~1e-7 relative (PyTorch agrees at rtol 1e-5); a numerical guard, not a mistake a grader marks: no oracle at rtol 1e-9"
CI_D3 = "((y_pred - y_true) / batch)"
CI_D2 = f"({CI_D3} @ kernel3.T * (h2 > 0))"
C(CI, "kernel3", N, "dz3 = (y_pred - y_true) / batch\ndkernel3 = h2.T @ dz3", style="ci-k3", note=KERAS_EPS)
C(CI, "kernel3", N, "dkernel3 = np.dot(h2.T, y_pred - y_true) / len(x)", style="ci-k3-len-x", note=KERAS_EPS)
C(CI, "kernel3", N, "dkernel3 = h1.T @ (y_pred - y_true) / batch", "wrong-layer", oracle=f"h1.T @ {CI_D3}", style="ci-k3-h1-for-h2")
C(CI, "kernel3", N, "dz3 = (y_pred - y_true) * y_pred * (1 - y_pred) / batch\ndkernel3 = h2.T @ dz3", "*", oracle="h2.T @ ((y_pred - y_true) * y_pred * (1 - y_pred) / batch)", style="ci-k3-sigma-prime-twice")
C(CI, "kernel2", N, "dkernel2 = h1.T @ ((y_pred - y_true) @ kernel3.T * (h2 > 0)) / batch", style="ci-k2", note=KERAS_EPS)
C(CI, "kernel2", N, "dkernel2 = h1.T @ ((y_pred - y_true) @ kernel3.T * (h1 > 0)) / batch", "*", oracle=f"h1.T @ ({CI_D3} @ kernel3.T * (h1 > 0))", style="ci-k2-h1-mask")
C(CI, "kernel1", N, "dz2 = (y_pred - y_true) @ kernel3.T * (h2 > 0) / batch\ndz1 = dz2 @ kernel2.T * (h1 > 0)\ndkernel1 = x.T @ dz1", style="ci-k1", note=KERAS_EPS)
C(CI, "kernel1", N, "dz2 = (y_pred - y_true) @ kernel3.T * (h2 > 0) / batch\ndz1 = dz2 @ kernel2 * (h1 > 0)\ndkernel1 = x.T @ dz1", "missing-transpose", oracle=f"x.T @ ({CI_D2} @ kernel2 * (h1 > 0))", style="ci-k1-kernel2-not-transposed")
C(CI, "bias3", N, "dbias3 = np.mean(y_pred - y_true, axis=0)", style="ci-b3-mean", note=KERAS_EPS)
C(CI, "bias2", N, "dbias2 = ((y_pred - y_true) @ kernel3.T * (h2 > 0)).sum(axis=1) / batch", "*", style="ci-b2-wrong-axis")

# ================================================================ d2l's centred layer: loss = Σ (Y - mean Y)²
C(DC, "weight", N, "dY = 2 * centered\ndweight = dY.T @ X", oracle="2 * centered.T @ X", style="dc-weight", note="centered sums to 0, so the mean's path adds nothing")
C(DC, "weight", N, "dY = 2 * (centered - centered.mean())\ndweight = dY.T @ X", oracle="2 * centered.T @ X", style="dc-weight-mean-path")
C(DC, "weight", N, "dY = 2 * centered * (1 - 1 / (batch * out_f))\ndweight = dY.T @ X", "*", oracle="(2 * centered * (1 - 1 / (batch * out_f))).T @ X", style="dc-diagonal-jacobian-of-mean")
C(DC, "weight", N, "dweight = X.T @ (2 * centered)", "*", style="dc-weight-transposed")
C(DC, "bias", N, "dbias = 2 * centered.sum(axis=0)", oracle="2 * centered.sum(axis=0)", style="dc-bias")
C(DC, "bias", N, "dbias = 2 * centered.sum(axis=1)", "*", style="dc-bias-wrong-axis")

# ================================================================ CS231n inverted dropout (mask 0/1, p = 0.6), softmax CE over labels
ID_DS = "((np.exp(log_probs) - np.eye(C)[y]) / N)"
ID_DH = f"({ID_DS} @ W2.T * mask / p * (h > 0))"
C(ID, "W2", N, "probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)\ndscores = probs.copy()\ndscores[np.arange(N), y] -= 1\ndscores /= N\ndW2 = h_drop.T.dot(dscores)", oracle=f"h_drop.T @ {ID_DS}", style="id-cs231n-inplace")
C(ID, "W2", N, "dW2 = h_drop.T @ (np.exp(log_probs) - np.eye(C)[y]) / N", oracle=f"h_drop.T @ {ID_DS}", style="id-eye-index")
C(ID, "W2", N, "dW2 = h.T @ (np.exp(log_probs) - np.eye(C)[y]) / N", "*", oracle=f"h.T @ {ID_DS}", style="id-h-for-h-drop")
C(ID, "W1", N, "dscores = (np.exp(log_probs) - np.eye(C)[y]) / N\ndh = dscores @ W2.T * mask / p\ndh[h <= 0] = 0\ndW1 = X.T @ dh", oracle=f"X.T @ {ID_DH}", style="id-W1-inplace-relu")
C(ID, "W1", N, "dscores = (np.exp(log_probs) - np.eye(C)[y]) / N\ndh = dscores @ W2.T * mask * (h > 0)\ndW1 = X.T @ dh", "*", oracle=f"X.T @ ({ID_DS} @ W2.T * mask * (h > 0))", style="id-W1-no-over-p")
C(ID, "W1", N, "dscores = (np.exp(log_probs) - np.eye(C)[y]) / N\ndh = dscores @ W2.T / p * (h > 0)\ndW1 = X.T @ dh", "missing-factor", style="id-W1-mask-forgotten", note="mask is 0/1: no oracle at random points")
C(ID, "b2", N, "dscores = (np.exp(log_probs) - np.eye(C)[y]) / N\ndb2 = np.sum(dscores, axis=0)", oracle=f"np.sum({ID_DS}, axis=0)", style="id-b2")
C(ID, "b2", N, "dscores = (np.exp(log_probs) - np.eye(C)[y]) / N\ndb2 = np.sum(dscores, axis=1)", "*", style="id-b2-wrong-axis-equal-sizes", note="N = C = 3 at the example")

# ================================================================ Zhou's (xigua) cascade unit: y_hat = σ([X, h_cand] v + b_out)
XC_DZ = "((y_hat - y) / m)"
XC_W = f"X.T @ ({XC_DZ} * v[2, 0] * h_cand * (1 - h_cand))"
C(XC, "v", N, "dz = (y_hat - y) / m\ndv = np.hstack([X, h_cand]).T @ dz", oracle=f"np.concatenate((X, h_cand), axis=1).T @ {XC_DZ}", style="xc-v-hstack")
C(XC, "v", N, "dv = np.concatenate((X, h_cand), axis=1).T @ (y_hat - y) / m", oracle=f"np.concatenate((X, h_cand), axis=1).T @ {XC_DZ}", style="xc-v-concatenate")
C(XC, "w_cand", N, "dz = (y_hat - y) / m\ndh = dz * v[2, 0]\ndw_cand = X.T @ (dh * h_cand * (1 - h_cand))", oracle=XC_W, style="xc-w-cand")
C(XC, "w_cand", N, "dz = (y_hat - y) / m\ndh = dz * v[0, 0]\ndw_cand = X.T @ (dh * h_cand * (1 - h_cand))", "*", oracle=f"X.T @ ({XC_DZ} * v[0, 0] * h_cand * (1 - h_cand))", style="xc-w-cand-wrong-v-entry")
C(XC, "w_cand", N, "dz = (y_hat - y) / m\ndw_cand = X.T @ (dz * v[2, 0])", "missing-activation-derivative", oracle=f"X.T @ ({XC_DZ} * v[2, 0])", style="xc-w-cand-no-sigma-prime")
C(XC, "b_out", N, "db_out = np.mean(y_hat - y, keepdims=True)", oracle="np.mean(y_hat - y, keepdims=True)", style="xc-b-out")

# ================================================================ actor–critic, separate heads, detached TD target
C(AC, "w_critic", N, "dw_critic = -2 * S.T @ delta / T", oracle="-2 * S.T @ delta / T", style="ac-critic")
C(AC, "w_critic", N, "dV = -2 * delta / T\ndw_critic = S.T @ dV", oracle="-2 * S.T @ delta / T", style="ac-critic-dV")
C(AC, "w_critic", N, "dw_critic = -2 * (S - gamma * S_next).T @ delta / T", "*", oracle="-2 * (S - gamma * S_next).T @ delta / T", style="ac-through-detached-target")
C(AC, "w_critic", N, "dw_critic = -S.T @ delta / T", "scale-factor", oracle="-S.T @ delta / T", style="ac-no-2")
C(AC, "w_critic", L, r"\frac{\partial L}{\partial w_{critic}} = -\frac{2}{T} S^\top \delta", oracle="-2 * S.T @ delta / T", style="ac-latex")

# ================================================================ Qiu's swish with a learned β: a = z σ(β z)
QS_S = "sigmoid(beta * z)"
QS_DA = "((y_hat - y) @ w2.T)"
C(QS, "w2", N, "dw2 = a.T @ (y_hat - y)", oracle="a.T @ (y_hat - y)", style="qs-w2")
C(QS, "beta", N, "s = sigmoid(beta * z)\nda = (y_hat - y) @ w2.T\ndbeta = np.sum(da * z ** 2 * s * (1 - s))", oracle=f"np.sum({QS_DA} * z ** 2 * {QS_S} * (1 - {QS_S}))", style="qs-beta")
C(QS, "beta", N, "s = sigmoid(beta * z)\nda = (y_hat - y) @ w2.T\ndbeta = np.sum(da * z * s * (1 - s))", "*", oracle=f"np.sum({QS_DA} * z * {QS_S} * (1 - {QS_S}))", style="qs-beta-one-z")
C(QS, "W1", N, "s = sigmoid(beta * z)\ndz = (y_hat - y) @ w2.T * (s + beta * z * s * (1 - s))\ndW1 = x.T @ dz", oracle=f"x.T @ ({QS_DA} * ({QS_S} + beta * z * {QS_S} * (1 - {QS_S})))", style="qs-W1")
C(QS, "W1", N, "s = sigmoid(beta * z)\ndz = (y_hat - y) @ w2.T * s\ndW1 = x.T @ dz", "*", oracle=f"x.T @ ({QS_DA} * {QS_S})", style="qs-W1-product-rule-forgotten")
C(QS, "W1", N, "s = sigmoid(beta * z)\ndz = (y_hat - y) @ w2.T * (s + z * s * (1 - s))\ndW1 = x.T @ dz", "*", oracle=f"x.T @ ({QS_DA} * ({QS_S} + z * {QS_S} * (1 - {QS_S})))", style="qs-W1-beta-dropped")

# ================================================================ unreadable
C(M, "W2", N, "dW2 = torch.autograd.grad(L, W2)[0]", REFUSE, style="x-autograd-grad")
C(M, "W1", N, "dW1 = X.T @ ((A2 - Y) @ W2.T * relu_prime(Z1)) / m", oracle=W1R, style="x-undefined-relu-prime", note="first labelled unreadable; the README reads course helpers (sigmoid_prime, relu_backward, …_prime) as the activation's derivative, so this is relu'(Z1) and right (corrected after the first run)")
C(M, "W2", L, r"\frac{\partial L}{\partial Z^{[3]}}\frac{\partial Z^{[3]}}{\partial W^{[2]}}", REFUSE, style="x-layer-3")
C(T, "W1", N, "dW1 = X.T @ err", REFUSE, style="x-undefined-err")
C(CH, "w", V, "四十", REFUSE, lang=Z, style="x-zh-number-in-words")
C(S, "W", N, "dW = X.T @ (P - Y) / m if m > 1 else X.T @ (P - Y)", REFUSE, style="x-conditional-m")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c20-000, … as written; cases that happen to repeat corpus 2-19 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus20", "c20", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
