"""The held-out-style corpus of issue 11, twenty-first round: answers as course notes and students
write them, in forms corpora 2–20 did not use — NumPy's in-place updates (``dZ2 -= Y``,
``dZ2 /= m``, ``dZ1 *= (Z1 > 0)``), boolean-mask assignment with ``~``, ``.astype(np.float64)``
masks, ``X.shape[0]`` / ``X.shape[1]`` as the batch size, ``jnp.dot`` / ``jax.nn.softmax``,
``torch.mm`` / ``torch.matmul(…).div(…)``, three-operand einsum, ``np.eye(C)[y] @ W.T`` and
``W[:, y].T`` for a saliency map; LaTeX from lecture notes and exam answers — ``align*``
derivations, ``A^{[1]T}``, the prime as a transpose (``X'``), ``\\mathbb{1}\\{Z > 0\\}``,
``\\operatorname{sign}``, ``\\bm``, per-example outer products ``\\sum_i x^{(i)}(p^{(i)} -
y^{(i)})^\\top``, four-factor Leibniz chains, Chinese exam prose; hand numbers in one to four
significant digits, scientific notation, fractions, a slip of one and of two units in the last
digit, doubled, halved, sign-flipped, and a percentage; element-wise formulas over the walkthrough's
entry names; ``derive grade`` rows in JSON Lines and CSV. Twelve lecturer networks no earlier
corpus used (tests/specs_course/hn18_*: d2l's log-RMSE with a clamp, a Laplace NLL with a learned
log-scale, Hung-yi Lee's HW1 RMSE net with 1-D targets, CS231n's saliency map (the gradient with
respect to the input), PRML's consistent weight decay with tanh, SGC's two hops (no [dims]),
ReZero at α = 0, logit adjustment in JAX, Jacobs' mixture of experts, TensorFlow's weighted CE with
logits (a literal pos_weight), UvA's gated highway layer in JAX, a log-normal NLL). Mistakes: the
missing 1/m, the wrong size name (at equal example sizes), the wrong transpose, the wrong layer,
σ′ missing and σ′ for tanh′, tanh′ written as 1 − tanh, a sign, a factor 2, bias summed over the
wrong axis, the binary-label-only weighted gradient, softmax mistakes (the plain softmax of a
logit-adjusted model, the correct-class term only), a regulariser forgotten or with the other
layer's λ, a path forgotten (a residual, an RNN step), the posterior replaced by the prior, the
sqrt's chain factor forgotten, zeros for a gradient that vanishes only at the example point.
Unreadable: autodiff calls, undefined names (named), loops, a layer that does not exist, a
percentage, NaN.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
and before its code was read this round (bench/RESULTS.md, "heldcheck21": the first
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
LR = str(COURSE / "hn18_d2l_log_rmse.toml")
LP = str(COURSE / "hn18_laplace_nll.toml")
LH = str(COURSE / "hn18_lhy_hw1_rmse.toml")
SM = str(COURSE / "hn18_cs231n_saliency_input.toml")
PD = str(COURSE / "hn18_prml_consistent_decay.toml")
SG = str(COURSE / "hn18_sgc_two_hops.toml")
RZ = str(COURSE / "hn18_rezero_alpha_zero.toml")
LA = str(COURSE / "hn18_logit_adjustment.toml")
MO = str(COURSE / "hn18_jacobs_moe.toml")
TF = str(COURSE / "hn18_tf_weighted_ce_logits.toml")
GH = str(COURSE / "hn18_uva_gated_highway_jax.toml")
LN = str(COURSE / "hn18_lognormal_nll.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20 wrote them
from corpus20 import B1R, B2R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402

# ================================================================ mlp-bce, NumPy / PyTorch / JAX
C(M, "W2", N, "dZ2 = A2.copy()\ndZ2 -= Y\ndZ2 /= m\ndW2 = A1.T @ dZ2", oracle=W2R, style="inplace-sub-div")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.T.dot(dZ2) * (1.0 / m)", oracle=W2R, style="dot-times-reciprocal")
C(M, "W2", N, "dW2 = np.dot(A1.T, A2 - Y) / X.shape[0]", oracle=W2R, style="X-shape0-batch")
C(M, "W2", N, "dW2 = np.dot(A1.T, A2 - Y) / X.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="X-shape1-is-n_in")
C(M, "W2", N, "dW2 = jnp.dot(A1.T, A2 - Y) / m", oracle=W2R, style="jnp-dot")
C(M, "W2", N, "dW2 = torch.mm(A1.t(), A2 - Y) / m", oracle=W2R, style="torch-mm")
C(M, "W2", N, "dW2 = torch.matmul(A1.T, A2 - Y).div(m)", oracle=W2R, style="torch-matmul-div")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / n_h", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="n_h-for-m")
C(M, "W2", N, "dW2 = Z1.T @ (A2 - Y) / m", "*", oracle="Z1.T @ (A2 - Y) / m", style="Z1-for-A1")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m  # vectorised over the batch", oracle=W2R, style="trailing-comment")
C(M, "W2", N, "dW2 = (A2 - Y).T @ A1 / m", "*", style="result-transposed")
C(M, "W2", N, "dW2 = A1.T @ (Y - A2) / m", "sign", oracle="A1.T @ (Y - A2) / m", style="label-minus-prediction")
C(M, "W1", N, "dZ2 = (A2 - Y) / m\ndZ1 = dZ2 @ W2.T\ndZ1 *= (Z1 > 0)\ndW1 = X.T @ dZ1", oracle=W1R, style="inplace-times-mask")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T\ndZ1[~(Z1 > 0)] = 0\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="tilde-bool-mask")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (A1 > 0).astype(np.float64)\ndW1 = np.einsum('ij,ik->jk', X, dZ1) / m", oracle=W1R, style="astype-float64-einsum-ij-ik")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T\ndW1 = X.T @ dZ1 / m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="mask-forgotten")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2 * (Z1 > 0)\ndW1 = X.T @ dZ1 / m", "*", style="W2-untransposed")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / n_in", "scale-factor", oracle=f"X.T @ {DZ1} / n_in", style="W1-n_in-for-m")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 >= 0)\ndW1 = X.T @ dZ1 / m", "relu-at-zero", style="mask-ge-zero")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0) / m\ndb1 = dZ1.sum(0, keepdims=True)", oracle=B1R, style="b1-sum0-method")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0) / m\ndb1 = np.sum(dZ1, axis=1, keepdims=True)", "*", style="b1-axis1")
C(M, "b2", N, "db2 = jnp.mean(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="jnp-mean")
C(M, "b2", N, "db2 = np.ones((1, X.shape[0])) @ (A2 - Y) / X.shape[0]", oracle=B2R, style="ones-row-shape0")
C(M, "b2", N, "db2 = np.mean(A2 - Y, axis=0, keepdims=True) * A2 * (1 - A2)", "*", style="sigma-prime-twice-b2")

# ================================================================ mlp-bce, LaTeX
C(M, "W2", L, r"\begin{align*} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \tfrac{1}{m} A^{[1]T} dZ^{[2]} \end{align*}", oracle=W2R, style="align-star-A1T")
C(M, "W1", L, r"dW^{[1]} = \frac{1}{m} X' \left[(A^{[2]} - Y) W^{[2]'} \circ \mathbb{1}\{Z^{[1]} > 0\}\right]", oracle=W1R, style="prime-transpose-indicator-braces")
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{[2]}} = \frac{1}{m}\sum_{i=1}^{m} \mathbf{a}^{[1](i)} \left(a^{[2](i)} - y^{(i)}\right)", oracle=W2R, style="per-example-outer-sum")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \sum_{i=1}^{m} \left(a^{[2](i)} - y^{(i)}\right)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="latex-b2-no-m")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} A^{[1]\top}\left((A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right)", "wrong-layer", oracle=f"A1.T @ {DZ1} / m", style="latex-A1-for-X")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^\top \left((A^{[2]} - Y) W^{[2]\top} \odot A^{[1]} \odot (1 - A^{[1]})\right)", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="latex-sigma-prime-for-relu")
C(M, "W2", L, r"由于 $dZ^{[2]} = A^{[2]} - Y$，故 $dW^{[2]} = \frac{1}{m} {A^{[1]}}^{T} dZ^{[2]}$。", lang=Z, oracle=W2R, style="zh-two-dollar-spans")
C(M, "W2", L, r"答：$\frac{\partial L}{\partial W^{[2]}} = A^{[1]T}(A^{[2]} - Y)$（对批量求和）", "scale-factor", lang=Z, oracle="A1.T @ (A2 - Y)", style="zh-sum-not-mean")

# ================================================================ mlp-bce, hand numbers (W2[1,0] = -0.00898499, W1[1,1] = 0.0790850, b1[0,1] = -0.0181135)
C(M, "W2[1,0]", V, "-0.008985", style="v-W2-4sf")
C(M, "W2[1,0]", V, "-8.98e-3", style="v-W2-sci-3sf")
C(M, "W2[1,0]", V, "-0.0090", style="v-W2-2sf-trailing-zero")
C(M, "W2[1,0]", V, "-0.009", "too-few-digits", style="v-W2-1sf")
C(M, "W2[1,0]", V, "0.00898", "sign", style="v-W2-sign")
C(M, "W2[1,0]", V, "-0.01797", "scale-factor", style="v-W2-doubled")
C(M, "W1[1,1]", V, "7.91e-2", style="v-W1-sci")
C(M, "W1[1,1]", V, "0.0791", style="v-W1-3sf")
C(M, "W1[1,1]", V, "0.0719", "*", style="v-W1-digits-swapped")
C(M, "W1[1,1]", V, "0.1582", "scale-factor", style="v-W1-doubled")
C(M, "b1[0,1]", V, "-0.0181", style="v-b1-3sf")
C(M, "b1[0,1]", V, "-1.81%", REFUSE, style="v-b1-percent")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "dZ2 = A2 - Y + (1 - w) * Y * (1 - A2)\ndW2 = A1.T @ dZ2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-rewritten")
C(MW, "W2", N, "dZ2 = w * Y * (A2 - 1) + (1 - Y) * A2\ndW2 = np.dot(A1.T, dZ2) / X.shape[0]", oracle=f"A1.T @ {WDZ} / m", style="w-two-terms-shape0")
C(MW, "W2", N, "dZ2 = np.where(Y > 0.5, w * A2 - w, A2)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", style="w-where-threshold")
C(MW, "W2", N, "dZ2 = w * (A2 - Y)\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ (w * (A2 - Y)) / m", style="w-weight-everywhere")
C(MW, "b1", N, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndb1 = dZ1.mean(axis=0, keepdims=True)", oracle=f"np.sum({WDZ} @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m", style="w-b1-mean")
C(MW, "W2[1,0]", V, "-0.3069", style="v-w-W2-4sf")
C(MW, "W2[1,0]", V, "-0.31", style="v-w-W2-2sf")
C(MW, "W2[1,0]", V, "-3/10", "*", style="v-w-W2-fraction-wrong")
C(MW, "b2[0,0]", V, "-0.3644", style="v-w-b2-one-unit-slip")
C(MW, "b2[0,0]", V, "-0.3647", "*", style="v-w-b2-three-units-off")
C(MW, "W1[0,0]", V, "-0.4415", style="v-w-W1")

# ================================================================ tiny-mlp
C(T, "W2", N, "dW2 = np.outer(h, y_pred - y_target)", oracle=TW2, style="t-outer")
C(T, "W2", N, "dW2 = h.T * (y_pred - y_target)", oracle=TW2, style="t-broadcast-column")
C(T, "W1", N, "delta = (y_pred - y_target) * W2.T * h * (1 - h)\ndW1 = np.outer(X, delta)", oracle=TW1, style="t-outer-W1")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T * (1 - h ** 2))", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h ** 2))", style="t-tanh-prime-for-sigma")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2 * h * (1 - h))", "*", style="t-W2-column")
C(T, "W1", L, r"\frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial h} \frac{\partial h}{\partial h_{raw}} \frac{\partial h_{raw}}{\partial W_1}", oracle=TW1, style="t-four-factor-leibniz")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{pred}-y_{target})\, W_2^{\top} \odot h \odot (1-h)\right]", oracle=TW1, style="t-latex-odot")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="e-t-w21")
C(T, "w21", L, r"(y_{pred}-y_{target})\cdot v_{1}\cdot h_{1}\cdot(1-h_{1})\cdot x_{2}", style="e-t-w21-latex-cdot")
C(T, "w21", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "wrong-entry", style="e-t-w21-gets-w12")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="e-t-W1-index-entry-names")
C(T, "v2", N, "(y_pred - y_target) * h2", style="e-t-v2")
C(T, "v2", N, "(y_pred - y_target) * h2 * (1 - h2)", "*", style="e-t-v2-extra-sigma-prime")
C(T, "W1[1,0]", V, "-2.73e-3", style="v-t-sci")
C(T, "W1[1,0]", V, "-0.002734", style="v-t-4sf")
C(T, "W1[1,0]", V, "-0.0027", style="v-t-2sf")
C(T, "W1[1,0]", V, "-0.00547", "scale-factor", style="v-t-doubled")
C(T, "W1[0,1]", V, "-0.01635", style="v-t-W1-01")
C(T, "W1[0,1]", V, "-1.6e-2", style="v-t-W1-01-2sf-sci")
C(T, "W1[0,1]", V, "0.0163", "sign", style="v-t-W1-01-sign")
C(T, "W2[0,0]", V, "-0.1139", style="v-t-W2")

# ================================================================ neuron
C(E, "w", N, "delta = (O - t) * O * (1 - O)\ndw = delta * x", oracle=EW, style="n-delta")
C(E, "w", N, "dw = np.dot((O - t) * O * (1 - O), x)", oracle=EW, style="n-np-dot-1x1")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x.T", "*", style="n-x-transposed")
C(E, "w", N, "dw = (t - O) * O * (1 - O) * x", "sign", oracle="(t - O) * O * (1 - O) * x", style="n-sign")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma'(z)\,\mathbf{x}", oracle=EW, style="n-sigma-prime-z")
C(E, "w", L, r"\frac{\partial L}{\partial \bm{w}} = (O - t)\, O (1 - O)\, \bm{x}", oracle=EW, style="n-bm")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\mathbf{x}", "missing-activation-derivative", oracle="(O - t) * x", style="n-latex-no-sigma-prime")
C(E, "w2", N, "(O - t) * O * (1 - O) * x2", style="e-n-w2")
C(E, "w2", N, "(O - t) * x2", "missing-activation-derivative", style="e-n-w2-no-sigma-prime")
C(E, "w[0,0]", V, "-0.0612", style="v-n-3sf")
C(E, "w[0,0]", V, "-6.12e-02", style="v-n-sci-padded-exponent")
C(E, "w[0,0]", V, "-0.1225", "scale-factor", style="v-n-doubled")
C(E, "w[0,2]", V, "-0.02449", style="v-n-w2-4sf")

# ================================================================ chain: L = (w x + b)^2
C(CH, "w", N, "dL_dw = 2 * (w * x + b) * x", oracle="2 * v * x", style="ch-w-expanded")
C(CH, "w", N, "dL_dw = 2 * v", "*", oracle="2 * v", style="ch-w-no-x")
C(CH, "w", L, r"\frac{dL}{dv}\cdot\frac{dv}{du}\cdot\frac{du}{dw}", oracle="2 * v * x", style="ch-cdot-leibniz")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = 2(wx + b)\times x", oracle="2 * v * x", style="ch-times")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = 2(wx+b)\cdot w", "*", oracle="2 * v * w", style="ch-b-gets-w")
C(CH, "w", V, "40", style="v-ch-w")
C(CH, "w", V, "39.6", "*", style="v-ch-w-off-exact")
C(CH, "w", V, "-40", "sign", style="v-ch-w-sign")
C(CH, "b", V, "20.0", style="v-ch-b")
C(CH, "b", V, "10", "scale-factor", style="v-ch-b-half")

# ================================================================ relu-mlp
C(R, "w2", N, "grad_y_pred = 2 * (y_pred - y)\ngrad_w2 = torch.mm(h_relu.t(), grad_y_pred)", oracle=RW2, style="r-torch-mm")
C(R, "w2", N, "grad_w2 = 2 * np.einsum('ij,ik->jk', h_relu, y_pred - y)", oracle=RW2, style="r-einsum-ij-ik")
C(R, "w2", N, "grad_w2 = 2 * h_relu.T @ (y_pred - y) / n", "scale-factor", oracle=RW2 + " / n", style="r-w2-over-n")
C(R, "w1", N, "grad_h_relu = 2 * (y_pred - y) @ w2.T\ngrad_h = grad_h_relu.copy()\ngrad_h[h <= 0] = 0\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="r-inplace-le-zero")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T * np.sign(h_relu)\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="r-sign-of-relu")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * (h_relu > 0)) / D_out", "scale-factor", oracle=RW1 + " / D_out", style="r-w1-over-D_out")
C(R, "w1", L, r"\nabla_{w_1} L = 2\, x^{\top}\left[(y_{pred} - y)\, w_2^{\top} \odot \mathbb{1}(h > 0)\right]", oracle=RW1, style="r-latex-indicator-parens")
C(R, "w2[1,0]", V, "-0.219", style="v-r-w2-3sf")
C(R, "w2[1,0]", V, "-0.2190", style="v-r-w2-4sf-zero")
C(R, "w2[1,0]", V, "-0.1095", "scale-factor", style="v-r-w2-half")
C(R, "w1[0,1]", V, "0.2411", style="v-r-w1")
C(R, "w1[0,1]", V, "0.4822", "scale-factor", style="v-r-w1-doubled")

# ================================================================ softmax-regression
C(S, "W", N, "P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)\ndZ = P - Y\ndW = X.T.dot(dZ) / X.shape[0]", oracle=SW, style="s-recomputed-softmax")
C(S, "W", N, "dW = jnp.matmul(X.T, jax.nn.softmax(Z, axis=-1) - Y) / m", oracle=SW, style="s-jax-softmax")
C(S, "W", N, "dW = X.T @ (P * Y - Y) / m", "*", oracle="X.T @ (P * Y - Y) / m", style="s-correct-class-only")
C(S, "W", N, "dW = X.T @ (P - Y) / n", "scale-factor", oracle="X.T @ (P - Y) / n", style="s-n-for-m")
C(S, "b", N, "db = np.mean(P - Y, axis=1, keepdims=True)", "*", style="s-b-mean-axis1")
C(S, "b", N, "db = (P - Y).mean(0, keepdims=True)", oracle=SB, style="s-b-mean0")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m}\sum_{i=1}^{m} \mathbf{x}^{(i)} \left(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\right)^{\top}", oracle=SW, style="s-per-example-outer")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top}\left(P \odot (1 - P) \odot (P - Y)\right)", "*", oracle="X.T @ (P * (1 - P) * (P - Y)) / m", style="s-latex-diag-jacobian")
C(S, "W", L, r"因为 $\frac{\partial L}{\partial Z} = \frac{1}{m}(P - Y)$，所以 $\frac{\partial L}{\partial W} = X^{T}\frac{\partial L}{\partial Z}$。", lang=Z, oracle=SW, style="zh-dLdZ-then-dW")
C(S, "W[0,1]", V, "-0.0903", style="v-s-W01")
C(S, "W[0,1]", V, "-0.1805", "scale-factor", style="v-s-W01-doubled")
C(S, "W[0,1]", V, "0.09027", "sign", style="v-s-W01-sign")
C(S, "W[1,0]", V, "0.35", style="v-s-W10-2sf")
C(S, "W[1,0]", V, "0.3", "too-few-digits", style="v-s-W10-1sf")
C(S, "b[0,0]", V, "-7.35e-2", style="v-s-b-sci")

# ================================================================ batchnorm, rnn, attention
C(B, "beta", N, "dbeta = np.mean(2 * (Y - T), axis=0, keepdims=True) / n", oracle="np.sum(2 * (Y - T), axis=0, keepdims=True) / (m * n)", style="b-beta-mean-over-n")
C(B, "beta", N, "dbeta = 2 * (Y - T).mean(0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T), axis=0, keepdims=True) / m", style="b-beta-no-n")
C(B, "gamma", N, "dY = 2 * (Y - T) / Y.size\ndgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="b-gamma-Y-size")
C(B, "gamma", N, "dY = 2 * (Y - T) / Y.size\ndgamma = np.sum(dY * Z_c, axis=0, keepdims=True)", "*", oracle="np.sum(2 * (Y - T) / (m * n) * Z_c, axis=0, keepdims=True)", style="b-gamma-Zc-for-Zhat")
C(B, "beta[0,0]", V, "1/10", style="v-b-beta-fraction")
C(R2, "W_h", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1 ** 2)\ndW_h = h_1.T @ dz_2 + h_0.T @ dz_1", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ (((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T * (1 - h_1 ** 2))", style="rnn-Wh-bptt")
C(R2, "W_h", N, "dz_2 = (h_2 - y) * (1 - h_2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1)\ndW_h = h_1.T @ dz_2 + h_0.T @ dz_1", "wrong-activation-derivative", oracle="h_1.T @ ((h_2 - y) * (1 - h_2)) + h_0.T @ (((h_2 - y) * (1 - h_2)) @ W_h.T * (1 - h_1))", style="rnn-one-minus-tanh")
C(R2, "b", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1 ** 2)\ndb = np.sum(dz_1 + dz_2, axis=0, keepdims=True)", oracle="np.sum(((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T * (1 - h_1 ** 2) + (h_2 - y) * (1 - h_2 ** 2), axis=0, keepdims=True)", style="rnn-b")
C(R2, "b", N, "db = (h_2 - y) * (1 - h_2 ** 2)", "missing-path", oracle="(h_2 - y) * (1 - h_2 ** 2)", style="rnn-b-last-step")
C(R2, "W_h[0,0]", V, "-0.05793", style="v-rnn-Wh")
C(R2, "W_h[0,0]", V, "0.0579", "sign", style="v-rnn-Wh-sign")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = np.einsum('ni,jn,jk->ik', X, A, dO)", oracle="X.T @ (A.T @ (2 * (O - T) / (n * d)))", style="a-Wv-einsum3")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = np.einsum('ni,nj,jk->ik', X, A, dO)", "*", oracle="X.T @ (A @ (2 * (O - T) / (n * d)))", style="a-Wv-einsum3-A-untransposed")
C(A, "W_q[0,0]", V, "-0.003862", style="v-a-Wq")
C(A, "W_q[0,0]", V, "-0.00772", "scale-factor", style="v-a-Wq-doubled")

# ================================================================ d2l log-RMSE: rmse = sqrt(mean((log clamp(preds, 1) - log labels)^2))
LR_R = "(np.log(clipped_preds) - np.log(labels))"
LR_G = f"features.T @ ({LR_R} / (n * rmse * clipped_preds) * (preds >= 1))"
C(LR, "w", N, "r = np.log(clipped_preds) - np.log(labels)\ndclipped = r / (n * rmse * clipped_preds)\ndw = features.T @ (dclipped * (preds >= 1))", oracle=LR_G, style="lr-w")
C(LR, "w", N, "r = np.log(clipped_preds) - np.log(labels)\ndclipped = 2 * r / (n * clipped_preds)\ndw = features.T @ (dclipped * (preds >= 1))", "*", oracle=f"features.T @ (2 * {LR_R} / (n * clipped_preds) * (preds >= 1))", style="lr-w-sqrt-forgotten")
C(LR, "w", N, "r = np.log(clipped_preds) - np.log(labels)\ndclipped = r / (rmse * clipped_preds)\ndw = features.T @ (dclipped * (preds >= 1))", "scale-factor", oracle=f"features.T @ ({LR_R} / (rmse * clipped_preds) * (preds >= 1))", style="lr-w-no-n")
C(LR, "b", N, "r = np.log(clipped_preds) - np.log(labels)\ndb = np.sum(r / (n * rmse * clipped_preds) * (preds >= 1), axis=0)", oracle=f"np.sum({LR_R} / (n * rmse * clipped_preds) * (preds >= 1), axis=0)", style="lr-b")
C(LR, "b", N, "r = np.log(clipped_preds) - np.log(labels)\ndb = np.sum(r / (n * rmse) * (preds >= 1), axis=0)", "*", oracle=f"np.sum({LR_R} / (n * rmse) * (preds >= 1), axis=0)", style="lr-b-log-derivative-forgotten")

# ================================================================ Laplace NLL with a learned log-scale: mean(|y - mu| e^{-s} + s + log 2)
C(LP, "w", N, "dw = X.T @ (np.sign(mu - y) * np.exp(-s)) / n", oracle="X.T @ (np.sign(mu - y) * np.exp(-s)) / n", style="lp-w")
C(LP, "w", N, "dw = X.T @ (np.sign(y - mu) * np.exp(-s)) / n", "sign", oracle="X.T @ (np.sign(y - mu) * np.exp(-s)) / n", style="lp-w-sign")
C(LP, "w", N, "dw = X.T @ (np.sign(mu - y) * np.exp(-s))", "scale-factor", oracle="X.T @ (np.sign(mu - y) * np.exp(-s))", style="lp-w-no-n")
C(LP, "log_b", N, "dlog_b = X.T @ (1 - np.abs(y - mu) * np.exp(-s)) / n", oracle="X.T @ (1 - np.abs(y - mu) * np.exp(-s)) / n", style="lp-logb")
C(LP, "log_b", N, "dlog_b = -X.T @ (np.abs(y - mu) * np.exp(-s)) / n", "*", oracle="-X.T @ (np.abs(y - mu) * np.exp(-s)) / n", style="lp-logb-s-term-forgotten")
C(LP, "w", L, r"\frac{\partial L}{\partial w} = \frac{1}{n} X^\top\left(\operatorname{sign}(\mu - y)\odot e^{-s}\right)", oracle="X.T @ (np.sign(mu - y) * np.exp(-s)) / n", style="lp-latex-operatorname-sign")

# ================================================================ Hung-yi Lee HW1: RMSE of a 1-D prediction
LH_D = "((pred - y) / (batch * loss))"
LH_DH = f"(np.outer({LH_D}, fc2_w[0]) * (h > 0))"
C(LH, "fc2_w", N, "dpred = (pred - y) / (batch * loss)\ndfc2_w = dpred[None, :] @ h", oracle=f"{LH_D} @ h", style="lh-fc2w")
C(LH, "fc2_w", N, "dpred = 2 * (pred - y) / batch\ndfc2_w = dpred[None, :] @ h", "*", oracle="2 * (pred - y) / batch @ h", style="lh-fc2w-mse-not-rmse")
C(LH, "fc2_b", N, "dfc2_b = np.sum((pred - y) / (batch * loss), keepdims=True)", oracle=f"np.sum({LH_D}, keepdims=True)", style="lh-fc2b")
C(LH, "fc1_w", N, "dpred = (pred - y) / (batch * loss)\ndh = dpred[:, None] @ fc2_w * (h > 0)\ndfc1_w = dh.T @ x", oracle=f"{LH_DH}.T @ x", style="lh-fc1w")
C(LH, "fc1_w", N, "dpred = (pred - y) / (batch * loss)\ndh = dpred[:, None] @ fc2_w * (h > 0)\ndfc1_w = x.T @ dh", "*", style="lh-fc1w-transposed")
C(LH, "fc1_b", N, "dpred = (pred - y) / (batch * loss)\ndh = dpred[:, None] @ fc2_w\ndfc1_b = dh.sum(0)", "missing-activation-derivative", oracle=f"np.outer({LH_D}, fc2_w[0]).sum(0)", style="lh-fc1b-no-mask")

# ================================================================ CS231n saliency: objective = Σ_i scores[i, y_i], wrt the input X
SM_G = "W[:, y.astype(int)].T"
C(SM, "X", N, "dX = np.eye(C)[y] @ W.T", oracle=SM_G, style="sm-eye-y")
C(SM, "X", N, "dX = W[:, y].T", oracle=SM_G, style="sm-column-index")
C(SM, "X", N, "dscores = np.zeros((N, C))\ndscores[np.arange(N), y] = 1\ndX = dscores.dot(W.T)", oracle=SM_G, style="sm-cs231n-zeros-arange")
C(SM, "X", N, "dX = np.ones((N, C)) @ W.T", "*", oracle="np.ones((N, C)) @ W.T", style="sm-all-scores")
C(SM, "X", N, "dX = W[:, y]", "*", style="sm-not-transposed")

# ================================================================ PRML consistent weight decay, tanh hidden layer
PD_DZ = "((y - t) @ W2.T * (1 - z ** 2))"
C(PD, "W2", N, "dW2 = z.T @ (y - t) + lambda2 * W2", oracle="z.T @ (y - t) + lambda2 * W2", style="pd-W2")
C(PD, "W2", N, "dW2 = z.T @ (y - t) + lambda1 * W2", "*", oracle="z.T @ (y - t) + lambda1 * W2", style="pd-W2-other-lambda")
C(PD, "W2", N, "dW2 = z.T @ (y - t)", "missing-loss-term", oracle="z.T @ (y - t)", style="pd-W2-no-decay")
C(PD, "W1", N, "delta = (y - t) @ W2.T * (1 - z ** 2)\ndW1 = x.T @ delta + lambda1 * W1", oracle=f"x.T @ {PD_DZ} + lambda1 * W1", style="pd-W1")
C(PD, "W1", N, "delta = (y - t) @ W2.T * (1 - z)\ndW1 = x.T @ delta + lambda1 * W1", "wrong-activation-derivative", oracle="x.T @ ((y - t) @ W2.T * (1 - z)) + lambda1 * W1", style="pd-W1-one-minus-tanh")
C(PD, "b1", N, "db1 = np.sum((y - t) @ W2.T * (1 - z ** 2), axis=0)", oracle=f"np.sum({PD_DZ}, axis=0)", style="pd-b1")
C(PD, "b1", N, "db1 = np.sum((y - t) @ W2.T * (1 - z ** 2), axis=0) + lambda1 * b1", "*", style="pd-b1-decayed", note="PRML's consistent prior leaves the biases out of the penalty; no oracle (b1 is random at the point)")
C(PD, "W2", L, r"\nabla_{W_2} E = z^\top (y - t) + \lambda_2 W_2", oracle="z.T @ (y - t) + lambda2 * W2", style="pd-latex-nabla")
C(PD, "W1", L, r"因此 $\frac{\partial E}{\partial W_1} = x^{T}\left[(y-t)W_2^{T}\circ(1-z^{2})\right] + \lambda_1 W_1$。", lang=Z, oracle=f"x.T @ {PD_DZ} + lambda1 * W1", style="pd-zh-circ-z-squared")

# ================================================================ SGC, two hops, no [dims]
SG_P = "(np.exp(H @ Theta) / np.exp(H @ Theta).sum(1, keepdims=True))"
C(SG, "Theta", N, "Z = H @ Theta\nP = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)\ndTheta = H.T @ (P - Y) / len(Y)", oracle=f"H.T @ ({SG_P} - Y) / 5", style="sg-len-Y")
C(SG, "Theta", N, "P = np.exp(H @ Theta) / np.exp(H @ Theta).sum(axis=1, keepdims=True)\ndTheta = (S @ S @ X).T @ (P - Y) / Y.shape[0]", oracle=f"H.T @ ({SG_P} - Y) / 5", style="sg-spelled-H")
C(SG, "Theta", N, "P = np.exp(H @ Theta) / np.exp(H @ Theta).sum(axis=1, keepdims=True)\ndTheta = H.T @ (P - Y)", "scale-factor", oracle=f"H.T @ ({SG_P} - Y)", style="sg-no-mean")
C(SG, "Theta", N, "P = np.exp(H @ Theta) / np.exp(H @ Theta).sum(axis=1, keepdims=True)\ndTheta = (S @ X).T @ (P - Y) / 5", "*", oracle=f"(S @ X).T @ ({SG_P} - Y) / 5", style="sg-one-hop")

# ================================================================ ReZero at alpha = 0: h1 = x + a1 relu(x W1), h2 = h1 + a2 relu(h1 W2), mean sq.
RZ_D2 = "(2 * (h2 - target) / (n * d))"
RZ_D1 = f"({RZ_D2} + alpha2 * ({RZ_D2} * (h1 @ W2 > 0)) @ W2.T)"
C(RZ, "alpha2", N, "dh2 = 2 * (h2 - target) / (n * d)\ndalpha2 = np.sum(dh2 * np.maximum(h1 @ W2, 0))", oracle=f"np.sum({RZ_D2} * np.maximum(h1 @ W2, 0))", style="rz-alpha2")
C(RZ, "alpha2", N, "dh2 = 2 * (h2 - target) / n\ndalpha2 = np.sum(dh2 * np.maximum(h1 @ W2, 0))", "scale-factor", oracle="np.sum(2 * (h2 - target) / n * np.maximum(h1 @ W2, 0))", style="rz-alpha2-over-n-only")
C(RZ, "alpha1", N, "dh2 = 2 * (h2 - target) / (n * d)\ndh1 = dh2 + alpha2 * (dh2 * (h1 @ W2 > 0)) @ W2.T\ndalpha1 = np.sum(dh1 * np.maximum(x @ W1, 0))", oracle=f"np.sum({RZ_D1} * np.maximum(x @ W1, 0))", style="rz-alpha1")
C(RZ, "alpha1", N, "dh2 = 2 * (h2 - target) / (n * d)\ndalpha1 = np.sum(dh2 * np.maximum(x @ W1, 0))", "missing-path", style="rz-alpha1-skip-only", note="right at the example point (alpha2 = 0 there), wrong as a formula: no oracle")
C(RZ, "W2", N, "dW2 = np.zeros_like(W2)", "*", style="rz-W2-zeros", note="the gradient vanishes at alpha2 = 0 only: no oracle")
C(RZ, "W2", N, "dh2 = 2 * (h2 - target) / (n * d)\ndW2 = alpha2 * h1.T @ (dh2 * (h1 @ W2 > 0))", oracle=f"alpha2 * h1.T @ ({RZ_D2} * (h1 @ W2 > 0))", style="rz-W2")

# ================================================================ logit adjustment (JAX)
LA_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
C(LA, "w", N, "p = jax.nn.softmax(logits, axis=-1)\ndw = jnp.dot(x.T, p - labels) / n", oracle=f"x.T @ ({LA_P} - labels) / n", style="la-jax")
C(LA, "w", N, "z = x @ w\np = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)\ndw = x.T @ (p - labels) / n", "*", oracle="x.T @ (np.exp(x @ w) / np.exp(x @ w).sum(1, keepdims=True) - labels) / n", style="la-adjustment-dropped")
C(LA, "w", N, "p = jax.nn.softmax(logits, axis=-1)\ndw = jnp.dot(x.T, p - labels) / k", "scale-factor", style="la-k-for-n", note="n = k = 3 at the example, where the course oracle (the example point only) agrees: no oracle")

# ================================================================ Jacobs' mixture of experts: -mean log Σ_j g_j exp(-(y - o_j)^2 / 2)
MO_H1 = "(g[:, 0:1] * e1 / mix)"
MO_H2 = "(g[:, 1:2] * e2 / mix)"
C(MO, "w1", N, "h1 = g[:, 0:1] * e1 / mix\ndw1 = -x.T @ (h1 * (y - o1)) / n", oracle=f"-x.T @ ({MO_H1} * (y - o1)) / n", style="mo-w1-posterior")
C(MO, "w1", N, "h1 = g[:, 0:1] * e1 / mix\ndw1 = x.T @ (h1 * (y - o1)) / n", "sign", oracle=f"x.T @ ({MO_H1} * (y - o1)) / n", style="mo-w1-sign")
C(MO, "w1", N, "dw1 = -x.T @ (g[:, 0:1] * (y - o1)) / n", "*", oracle="-x.T @ (g[:, 0:1] * (y - o1)) / n", style="mo-w1-prior-for-posterior")
C(MO, "W_gate", N, "h = np.hstack([g[:, 0:1] * e1, g[:, 1:2] * e2]) / mix\ndW_gate = x.T @ (g - h) / n", oracle=f"x.T @ (g - np.hstack([{MO_H1}, {MO_H2}])) / n", style="mo-gate")
C(MO, "W_gate", N, "h = np.hstack([g[:, 0:1] * e1, g[:, 1:2] * e2]) / mix\ndW_gate = x.T @ (h - g) / n", "sign", oracle=f"x.T @ (np.hstack([{MO_H1}, {MO_H2}]) - g) / n", style="mo-gate-sign")

# ================================================================ TF weighted CE with logits, pos_weight = 3.0 (a literal)
TF_D = "((sigmoid(logits) * (1 + 2 * y) - 3 * y) / n)"
C(TF, "w", N, "p = sigmoid(logits)\ndz = (p * (1 + 2 * y) - 3 * y) / n\ndw = x.T @ dz", oracle=f"x.T @ {TF_D}", style="tf-w")
C(TF, "w", N, "p = 1 / (1 + np.exp(-logits))\ndz = ((1 - y) * p - 3.0 * y * (1 - p)) / n\ndw = x.T @ dz", oracle=f"x.T @ {TF_D}", style="tf-w-two-terms")
C(TF, "w", N, "p = sigmoid(logits)\ndw = x.T @ (p - y) / n", "*", oracle="x.T @ ((sigmoid(logits) - y) / n)", style="tf-w-unweighted")
C(TF, "w", N, "p = sigmoid(logits)\ndz = np.where(y == 1, 3.0 * (p - 1), p) / n\ndw = x.T @ dz", "weighted-loss-not-simplifiable", style="tf-w-where-binary-only")
C(TF, "b", N, "db = np.mean(sigmoid(logits) * (1 + 2 * y) - 3 * y, axis=0)", oracle=f"np.sum({TF_D}, axis=0)", style="tf-b")

# ================================================================ UvA gated highway (JAX): y = g relu(x W_h) + (1 - g) x, mean sq.
GH_D = "(2 * (y - t) / (B * H))"
GH_R = "np.maximum(x @ W_h, 0)"
C(GH, "W_h", N, "dy = 2 * (y - t) / (B * H)\ndW_h = x.T @ (dy * g * (x @ W_h > 0))", oracle=f"x.T @ ({GH_D} * g * (x @ W_h > 0))", style="gh-Wh")
C(GH, "W_h", N, "dy = 2 * (y - t) / (B * H)\ndW_h = x.T @ (dy * (x @ W_h > 0))", "*", oracle=f"x.T @ ({GH_D} * (x @ W_h > 0))", style="gh-Wh-gate-forgotten")
C(GH, "W_g", N, "dy = 2 * (y - t) / (B * H)\nr = jnp.maximum(x @ W_h, 0)\ndW_g = x.T @ (dy * (r - x) * g * (1 - g))", oracle=f"x.T @ ({GH_D} * ({GH_R} - x) * g * (1 - g))", style="gh-Wg")
C(GH, "W_g", N, "dy = 2 * (y - t) / (B * H)\nr = jnp.maximum(x @ W_h, 0)\ndW_g = x.T @ (dy * r * g * (1 - g))", "*", oracle=f"x.T @ ({GH_D} * {GH_R} * g * (1 - g))", style="gh-Wg-carry-path-forgotten")
C(GH, "b_g", N, "dy = 2 * (y - t) / (B * B)\nr = jnp.maximum(x @ W_h, 0)\ndb_g = jnp.sum(dy * (r - x) * g * (1 - g), axis=0)", "scale-factor", style="gh-bg-B-for-H", note="B = H = 3 at the example, where the course oracle (the example point only) agrees: no oracle")

# ================================================================ log-normal NLL
LN_S = "np.exp(X @ W_s)"
C(LN, "W_mu", N, "dW_mu = X.T @ ((mu - np.log(y)) / sigma ** 2) / n", oracle=f"X.T @ ((mu - np.log(y)) / {LN_S} ** 2) / n", style="ln-Wmu")
C(LN, "W_mu", N, "dW_mu = X.T @ ((np.log(y) - mu) / sigma ** 2) / n", "sign", oracle=f"X.T @ ((np.log(y) - mu) / {LN_S} ** 2) / n", style="ln-Wmu-sign")
C(LN, "W_mu", N, "dW_mu = X.T @ ((mu - np.log(y)) / sigma) / n", "*", oracle=f"X.T @ ((mu - np.log(y)) / {LN_S}) / n", style="ln-Wmu-sigma-not-squared")
C(LN, "W_s", N, "dW_s = X.T @ (1 - (np.log(y) - mu) ** 2 / sigma ** 2) / n", oracle=f"X.T @ (1 - (np.log(y) - mu) ** 2 / {LN_S} ** 2) / n", style="ln-Ws")
C(LN, "W_s", N, "dW_s = -X.T @ ((np.log(y) - mu) ** 2 / sigma ** 2) / n", "*", oracle=f"-X.T @ ((np.log(y) - mu) ** 2 / {LN_S} ** 2) / n", style="ln-Ws-log-sigma-forgotten")

# ================================================================ unreadable
C(M, "W2", N, "dW2 = jax.grad(loss_fn)(W2)", REFUSE, style="x-jax-grad")
C(M, "W1", N, "dW1 = X.T @ delta1 / m", REFUSE, style="x-undefined-delta1", must=("delta1",))
C(M, "W2", N, "dW2 = np.zeros_like(W2)\nfor i in range(m):\n    dW2 += np.outer(A1[i], A2[i] - Y[i]) / m", oracle=W2R, style="x-for-loop", note="refused when written (a loop was not read); right: read since round 34's per-example loops (heldcheck34), relabelled")
C(M, "W2", L, r"\frac{\partial L}{\partial Z^{[4]}}\frac{\partial Z^{[4]}}{\partial W^{[2]}}", REFUSE, style="x-latex-layer-4")
C(S, "W[0,0]", V, "NaN", REFUSE, style="x-nan")
C(R, "w2[1,0]", V, "-0.22 ± 0.01", style="v-r-plus-minus", note="first labelled unreadable; the README's number policy (derive.checker.names.number_text) reads an uncertainty after the number as a remark and judges the digits written, and -0.22 is the exact -0.21896 rounded to 2 digits (corrected after the first run)")
C(T, "W2", N, "dW2 = h.T @ dy", REFUSE, style="x-undefined-dy", must=("dy",))


# ================================================================ round b: written after round a's fixes, before any run of these
_round = "b"
NS = str(COURSE / "hn18_nndl_softmax_square_loss.toml")
NS_D = "((Y_hat - Y) / N)"
NS_DZ = f"(Y_hat * ({NS_D} - np.sum({NS_D} * Y_hat, axis=0, keepdims=True)))"
C(M, "W2", N, "dW2 = np.transpose(A1) @ (A2 - Y) / m", oracle=W2R, style="b-np-transpose")
C(M, "W2", N, "dW2 = A1.transpose() @ (A2 - Y) * (1. / m)", oracle=W2R, style="b-transpose-method")
C(M, "W2", N, "dW2 = np.tensordot(A1, A2 - Y, axes=([0], [0])) / m", oracle=W2R, style="b-tensordot")
C(M, "W2", N, "dW2 = np.sum(A1 * (A2 - Y), axis=0, keepdims=True).T / m", oracle=W2R, style="b-broadcast-sum-T")
C(M, "W2", N, "dW2 = (A1[:, :, None] * (A2 - Y)[:, None, :]).sum(0) / m", oracle=W2R, style="b-none-axes-outer")
C(M, "W2", N, "dW2 = np.sum(A1 * (A2 - Y), axis=1, keepdims=True) / m", "*", style="b-broadcast-sum-wrong-axis")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = np.multiply(dA1, np.greater(Z1, 0))\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-multiply-greater")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = dA1 * (Z1 > 0) * 1.0\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-mask-times-one")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = dA1 * (Z1 > 0)\ndW1 = X.T @ dZ1 / m + W1", "*", style="b-W1-plus-W1", note="no weight decay in mlp-bce")
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m}\, a^{[1]T} \left(a^{[2]} - y\right)", oracle=W2R, style="b-lowercase-vectorised")
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\mathsf{T}} \left(A^{[2]} - Y\right)", oracle=W2R, style="b-J-mathsf-T")
C(M, "W2[0,0]", V, "-0.176", style="v-b-W2-3sf")
C(M, "W2[0,0]", V, "-17.6%", REFUSE, style="v-b-W2-percent")
C(S, "W", N, "dW = X.T @ (P - Y) / len(X)", oracle=SW, style="b-s-len-X")
C(S, "W", N, "dW = (X.T @ (P - Y)).T / m", "*", style="b-s-transposed-result")
C(S, "W", N, "dZ = P - Y\ndW = X.T @ dZ", "scale-factor", oracle="X.T @ (P - Y)", style="b-s-no-m")
C(S, "W[0,1]", V, "-9.03 × 10^{-2}", style="v-b-s-times-ten")
C(S, "W[0,1]", V, "−.0903", style="v-b-s-no-leading-zero")
C(S, "W[0,1]", V, "-0.090", style="v-b-s-2sf-zero")
C(S, "W[0,1]", V, "-0.0902", style="v-b-s-one-unit-slip")
C(S, "W[0,1]", V, "-0.0906", "*", style="v-b-s-four-units-off")
C(S, "W[0,1]", V, "-0.09", "too-few-digits", style="v-b-s-1sf")
C(S, "W[0,1]", V, "-1/11", "*", style="v-b-s-fraction-wrong")
C(S, "W[0,1]", V, "-0.09027 (rounded)", style="v-b-s-remark")
C(B, "beta", N, "dbeta = (2 / (m * n)) * np.sum(Y - T, axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T), axis=0, keepdims=True) / (m * n)", style="b-b-beta-front-factor")
C(B, "gamma[0,1]", V, "1.264", style="v-b-b-gamma")
C(B, "gamma[0,1]", V, "2.529", "scale-factor", style="v-b-b-gamma-doubled")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^\top A^\top \frac{2}{nd}(O - T)", oracle="X.T @ (A.T @ (2 * (O - T) / (n * d)))", style="b-a-latex-Wv")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^\top A \frac{2}{nd}(O - T)", "*", oracle="X.T @ (A @ (2 * (O - T) / (n * d)))", style="b-a-latex-Wv-A-untransposed")
C(A, "W_v[1,0]", V, "-0.3080", style="v-b-a-Wv")
C(R2, "W_x", L, r"\frac{\partial L}{\partial W_x} = x_1^\top \delta_1 + x_2^\top \delta_2,\quad \delta_2 = (h_2 - y)\odot(1 - h_2^2),\quad \delta_1 = \delta_2 W_h^\top \odot (1 - h_1^2)", oracle="x_1.T @ (((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T * (1 - h_1 ** 2)) + x_2.T @ ((h_2 - y) * (1 - h_2 ** 2))", style="b-rnn-latex-bptt-quad")
C(R2, "W_x[0,1]", V, "0.2924", style="v-b-rnn-Wx")
C(E, "w", N, "dw = (O - t) * sigmoid(z) * (1 - sigmoid(z)) * x", oracle=EW, style="b-n-sigmoid-z")
C(E, "w", N, "dw = (O - t) * sigmoid(z) * (1 - sigmoid(z)) * x / n", "scale-factor", oracle=EW + " / n", style="b-n-over-n")
C(E, "w[0,1]", V, "-3.67e-2", style="v-b-n-sci")
C(T, "v1", N, "(y_pred - y_target) * h1", style="b-e-t-v1")
C(T, "v1", L, r"\frac{\partial L}{\partial v_1} = (y_{pred} - y_{target})\,h_1", style="b-e-t-v1-latex")
C(T, "w22", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x2", style="b-e-t-w22")
C(T, "w22", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "wrong-entry", style="b-e-t-w22-x1")
C(T, "W1[0,0]", V, "-0.01367", style="v-b-t-W1-00")
C(R, "w1", N, "grad_h = 2.0 * (y_pred - y) @ w2.T\ngrad_h = grad_h.clone()\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h)", "relu-at-zero", style="b-r-pytorch-tutorial-clone")
C(R, "w2[0,1]", V, "-2.511", style="v-b-r-w2-01")
C(R, "w2[0,1]", V, "-2.51102", style="v-b-r-w2-01-exact")
C(CH, "x", V, "60", style="v-b-ch-x")
C(MW, "b1[0,0]", V, "-0.1822", style="v-b-w-b1")
C(MW, "b1[0,0]", V, "-0.06072", "*", style="v-b-w-b1-over-w", note="-0.1822 / 3: the weight divided out")
C(NS, "W", N, "dY = (Y_hat - Y) / N\ndZ = Y_hat * (dY - np.sum(dY * Y_hat, axis=0, keepdims=True))\ndW = X @ dZ.T", oracle=f"X @ {NS_DZ}.T", style="ns-W")
C(NS, "W", N, "dZ = (Y_hat - Y) / N\ndW = X @ dZ.T", "*", oracle=f"X @ {NS_D}.T", style="ns-W-ce-shortcut")
C(NS, "W", N, "dY = (Y_hat - Y) / N\ndZ = dY * Y_hat * (1 - Y_hat)\ndW = X @ dZ.T", "*", oracle=f"X @ ({NS_D} * Y_hat * (1 - Y_hat)).T", style="ns-W-diagonal-jacobian")
C(NS, "W", N, "dY = (Y_hat - Y) / N\ndZ = Y_hat * (dY - np.sum(dY * Y_hat, axis=0, keepdims=True))\ndW = X.T @ dZ", "*", style="ns-W-row-major-habit")
C(PD, "W2", L, r"\frac{\partial E}{\partial \mathbf{W}_2} = \mathbf{z}^{\mathsf{T}}(\mathbf{y} - \mathbf{t}) + \lambda_1 \mathbf{W}_2", "*", oracle="z.T @ (y - t) + lambda1 * W2", style="b-pd-latex-wrong-lambda")
C(LP, "log_b", L, r"\frac{\partial L}{\partial \log b} = \frac{1}{n} X^\top\left(1 - |y - \mu|\, e^{-s}\right)", REFUSE, style="b-lp-log-b-not-a-node", note="b is not a node of the network (its parameter is the log-scale log_b): the issue's rule 1, a Leibniz denominator that is not a node, exit 2")
C(M, "W2", N, "dW2 = eval('A1.T @ (A2 - Y) / m')", REFUSE, style="b-x-eval")
C(M, "W2", N, "f = lambda a: a.T @ (A2 - Y) / m\ndW2 = f(A1)", oracle=W2R, style="b-lambda-helper", note="first labelled unreadable; the checker reads course helpers (a def, a lambda) as their bodies without running them (README: 'a whole def backward(…)'), and the answer is right (corrected after the first run)")
C(S, "W[0,1]", V, "-0.0903i", REFUSE, style="b-x-complex")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m;", oracle=W2R, style="b-trailing-semicolon")


# ================================================================ round c: six more hn18 networks, written after round b's run, before any run of these
_round = "c"
GU = str(COURSE / "hn18_gumbel_nll.toml")
CK = str(COURSE / "hn18_cauchy_loss_keras.toml")
TV = str(COURSE / "hn18_cs231n_tv_loss.toml")
GS = str(COURSE / "hn18_cs231n_gram_style.toml")
LD = str(COURSE / "hn18_ldam_margin.toml")
MK = str(COURSE / "hn18_makemore_bn_running_frozen.toml")
# Gumbel NLL: z = (y - mu)/beta, nll = log_beta + z + exp(-z), mean
GU_W = "-X.T @ (1 - np.exp(-z)) / (beta * n)"
C(GU, "W", N, "dz = (1 - np.exp(-z)) / n\ndmu = -dz / beta\ndW = X.T @ dmu", oracle=GU_W, style="gu-W")
C(GU, "W", N, "dW = X.T @ (1 - np.exp(-z)) / (beta * n)", "sign", oracle="-(" + GU_W + ")", style="gu-W-sign")
C(GU, "W", N, "dW = -X.T @ (1 - np.exp(-z)) / n", "*", oracle="-X.T @ (1 - np.exp(-z)) / n", style="gu-W-beta-forgotten")
C(GU, "b", N, "db = -np.sum(1 - np.exp(-z), axis=0) / (beta * n)", oracle="-np.sum(1 - np.exp(-z), axis=0) / (beta * n)", style="gu-b")
C(GU, "log_beta", N, "dlog_beta = np.mean(1 - z * (1 - np.exp(-z)), axis=0)", oracle="np.mean(1 - z * (1 - np.exp(-z)), axis=0)", style="gu-logbeta")
C(GU, "log_beta", N, "dlog_beta = np.mean(-z * (1 - np.exp(-z)), axis=0)", "*", oracle="np.mean(-z * (1 - np.exp(-z)), axis=0)", style="gu-logbeta-log-term-forgotten")
C(GU, "W", L, r"\frac{\partial L}{\partial W} = -\frac{1}{n\beta} X^{\top}\left(1 - e^{-z}\right)", oracle=GU_W, style="gu-latex")
# Cauchy loss (Keras): mean(log(1 + ((y_true - y_pred)/c)^2))
CK_D = "(2 * (y_pred - y_true) / (c ** 2 + (y_true - y_pred) ** 2) / n)"
C(CK, "kernel", N, "r = y_true - y_pred\ndkernel = x.T @ (-2 * r / (c ** 2 + r ** 2)) / n", oracle=f"x.T @ {CK_D}", style="ck-kernel")
C(CK, "kernel", N, "r = (y_true - y_pred) / c\ndkernel = x.T @ (-2 * r / (c * (1 + r ** 2))) / len(x)", oracle=f"x.T @ {CK_D}", style="ck-kernel-scaled-residual")
C(CK, "kernel", N, "r = y_true - y_pred\ndkernel = x.T @ (-2 * r / (1 + r ** 2)) / n", "*", oracle="x.T @ (-2 * (y_true - y_pred) / (1 + (y_true - y_pred) ** 2)) / n", style="ck-c-forgotten")
C(CK, "kernel", N, "r = y_true - y_pred\ndkernel = x.T @ (-2 * r / (c ** 2 + r ** 2))", "scale-factor", oracle=f"x.T @ {CK_D} * n", style="ck-no-mean")
C(CK, "kernel", N, "dkernel = x.T @ (2 * (y_pred - y_true)) / n", "*", oracle="x.T @ (2 * (y_pred - y_true)) / n", style="ck-mse-habit")
# CS231n total variation on the image (H x W), weight tv_weight
TV_DV = "(img[1:, :] - img[:-1, :])"
TV_DH = "(img[:, 1:] - img[:, :-1])"
TV_G = f"tv_weight * 2 * (np.pad({TV_DV}, ((1, 0), (0, 0))) - np.pad({TV_DV}, ((0, 1), (0, 0))) + np.pad({TV_DH}, ((0, 0), (1, 0))) - np.pad({TV_DH}, ((0, 0), (0, 1))))"
C(TV, "img", N, "g = np.zeros_like(img)\ndv = 2 * (img[1:, :] - img[:-1, :])\ng[1:, :] += dv\ng[:-1, :] -= dv\ndh = 2 * (img[:, 1:] - img[:, :-1])\ng[:, 1:] += dh\ng[:, :-1] -= dh\ndimg = tv_weight * g", oracle=TV_G, style="tv-slices-in-place")
C(TV, "img", N, "g = np.zeros_like(img)\ndv = 2 * (img[1:, :] - img[:-1, :])\ng[1:, :] += dv\ndh = 2 * (img[:, 1:] - img[:, :-1])\ng[:, 1:] += dh\ndimg = tv_weight * g", "*", style="tv-one-side-only")
C(TV, "img", N, "g = np.zeros_like(img)\ndv = 2 * (img[1:, :] - img[:-1, :])\ng[1:, :] += dv\ng[:-1, :] -= dv\ndh = 2 * (img[:, 1:] - img[:, :-1])\ng[:, 1:] += dh\ng[:, :-1] -= dh\ndimg = g", "scale-factor", style="tv-weight-forgotten")
# CS231n Gram-matrix style loss, wrt the features
GS_DG = "(2 * style_weight * (G - A))"
C(GS, "features", N, "dG = 2 * style_weight * (G - A)\ndfeatures = (dG + dG.T) @ features / (HW * C)", oracle=f"({GS_DG} + {GS_DG}.T) @ features / (HW * C)", style="gs-features")
C(GS, "features", N, "dG = 2 * style_weight * (G - A)\ndfeatures = 2 * dG @ features / (HW * C)", "*", oracle=f"2 * {GS_DG} @ features / (HW * C)", style="gs-symmetric-assumed")
C(GS, "features", N, "dG = 2 * style_weight * (G - A)\ndfeatures = (dG + dG.T) @ features", "scale-factor", oracle=f"({GS_DG} + {GS_DG}.T) @ features", style="gs-normalisation-forgotten")
C(GS, "features", L, r"\frac{\partial L}{\partial F} = \frac{2w}{HW\cdot C}\left[(G - A) + (G - A)^{\top}\right] F", REFUSE, style="gs-latex-F-w-not-names", note="F and w are not the spec's names (features, style_weight): refused naming them")
# LDAM: CE(30 (x W - y Δ)), Δ = 0.5 m / max m, m = n_j^(-1/4)
LD_P = "(np.exp(30 * output) / np.exp(30 * output).sum(1, keepdims=True))"
C(LD, "W", N, "p = np.exp(30 * output) / np.exp(30 * output).sum(axis=1, keepdims=True)\ndW = 30 * x.T @ (p - y) / N", oracle=f"30 * x.T @ ({LD_P} - y) / N", style="ld-W")
C(LD, "W", N, "p = np.exp(30 * output) / np.exp(30 * output).sum(axis=1, keepdims=True)\ndW = x.T @ (p - y) / N", "scale-factor", oracle=f"x.T @ ({LD_P} - y) / N", style="ld-s-forgotten")
C(LD, "W", N, "p = np.exp(30 * logits) / np.exp(30 * logits).sum(axis=1, keepdims=True)\ndW = 30 * x.T @ (p - y) / N", "*", oracle="30 * x.T @ (np.exp(30 * logits) / np.exp(30 * logits).sum(1, keepdims=True) - y) / N", style="ld-margin-forgotten")
# makemore part 3, BatchNorm with frozen running statistics, integer targets Yb
MK_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
MK_DL = f"(({MK_P} - np.eye(vocab)[Yb.astype(int)]) / B)"
MK_DPRE = f"((1 - h ** 2) * ({MK_DL} @ W2.T))"
C(MK, "W2", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndW2 = h.T @ dlogits", oracle=f"h.T @ {MK_DL}", style="mk-karpathy-W2")
C(MK, "b2", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndb2 = dlogits.sum(0)", oracle=f"{MK_DL}.sum(0)", style="mk-b2")
C(MK, "bngain", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h ** 2) * dh\ndbngain = (dhpreact_bn * (hpreact - bnmean_running) / bnstd_running).sum(0, keepdim=True)", oracle=f"({MK_DPRE} * (hpreact - bnmean_running) / bnstd_running).sum(0, keepdims=True)", style="mk-bngain")
C(MK, "bngain", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h ** 2) * dh\ndbngain = (dhpreact_bn * hpreact / bnstd_running).sum(0, keepdim=True)", "*", oracle=f"({MK_DPRE} * hpreact / bnstd_running).sum(0, keepdims=True)", style="mk-bngain-mean-not-subtracted")
C(MK, "bnbias", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndh = dlogits @ W2.T\ndbnbias = ((1.0 - h) * dh).sum(0, keepdim=True)", "wrong-activation-derivative", oracle=f"((1 - h) * ({MK_DL} @ W2.T)).sum(0, keepdims=True)", style="mk-bnbias-one-minus-tanh")
C(MK, "W1", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndh = dlogits @ W2.T\ndhpreact = (1.0 - h ** 2) * dh * bngain / bnstd_running\ndW1 = embcat.T @ dhpreact", oracle=f"embcat.T @ ({MK_DPRE} * bngain / bnstd_running)", style="mk-W1")
C(MK, "W1", N, "dlogits = F.softmax(logits, 1)\ndlogits[range(B), Yb] -= 1\ndlogits /= B\ndh = dlogits @ W2.T\ndhpreact = (1.0 - h ** 2) * dh * bngain\ndW1 = embcat.T @ dhpreact", "*", oracle=f"embcat.T @ ({MK_DPRE} * bngain)", style="mk-W1-std-forgotten")
C(MK, "W2", L, r"由 $\frac{\partial L}{\partial \text{logits}} = \frac{1}{B}(\mathrm{softmax}(\text{logits}) - Y)$ 得 $\frac{\partial L}{\partial W_2} = h^{\top}\frac{\partial L}{\partial \text{logits}}$。", lang=Z, oracle=f"h.T @ {MK_DL}", style="mk-zh-text-names", note="Y for the one-hot of the integer targets Yb: the README's target alias")


# ================================================================ round d: wrong answers that could pass by coincidence, written after round c's run, before any run of these
_round = "d"
SS = str(COURSE / "hn18_softshrink_at_lambda.toml")
SS_D = "(2 * (z - y) / (n * d))"
C(LR, "w", N, "r = np.log(clipped_preds) - np.log(labels)\ndw = features.T @ (r / (n * rmse * clipped_preds))", "*", style="d-lr-clamp-mask-forgotten", note="every pred is above 1 at the example: right there, wrong where a pred is below the clamp; no oracle")
C(LP, "w", N, "dw = X.T @ ((mu - y) / np.abs(mu - y) * np.exp(-s)) / n", oracle="X.T @ (np.sign(mu - y) * np.exp(-s)) / n", style="d-lp-sign-as-ratio")
C(LP, "w", N, "dw = X.T @ np.exp(-s) / n", "*", style="d-lp-sign-dropped")
C(LH, "fc1_w", N, "dpred = (pred - y) / (batch * loss)\ndh = dpred[:, None] @ fc2_w * (h >= 0)\ndfc1_w = dh.T @ x", "*", style="d-lh-mask-on-relu-output-ge", note="h = relu(...) >= 0 everywhere: the mask is all ones")
C(SS, "W", N, "dz = 2 * (z - y) / (n * d)\ndW = x.T @ (dz * (np.abs(x @ W) > 0.5))", oracle=f"x.T @ ({SS_D} * (np.abs(x @ W) > 0.5))", style="d-ss-W")
C(SS, "W", N, "dz = 2 * (z - y) / (n * d)\ndW = x.T @ (dz * (np.abs(x @ W) >= 0.5))", "*", oracle=f"x.T @ ({SS_D} * (np.abs(x @ W) >= 0.5))", style="d-ss-W-at-the-kink")
C(SS, "W", N, "dz = 2 * (z - y) / (n * d)\ndW = x.T @ dz", "*", oracle=f"x.T @ {SS_D}", style="d-ss-W-mask-forgotten")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = dA1 * np.sign(A1)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="d-sign-of-relu-output")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = dA1 * np.sign(Z1)\ndW1 = X.T @ dZ1 / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * np.sign(Z1)) / m", style="d-sign-of-pre-activation")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top} \odot (A^{[2]} - Y)", "*", style="d-latex-odot-for-product")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} (A^{[2]} - Y)^\top A^{[1]}", "*", style="d-latex-transposed-result")
C(M, "W2", L, r"\frac{1}{m}A^{[1]\top}\left((A^{[2]} - Y)\odot\sigma'(Z^{[2]})\right)", "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="d-latex-extra-sigma-prime")
C(M, "W2[0,0]", V, "-1.763", "*", style="v-d-W2-decimal-point-slip")
C(M, "W2[0,0]", V, "-1.76e-2", "*", style="v-d-W2-exponent-slip")
C(M, "W2", V, "[[-0.1763], [-0.008985]]", style="v-d-W2-matrix")
C(M, "W2", V, "[-0.1763, -0.008985]", "operand-order", style="v-d-W2-one-d-list-is-a-row")
C(M, "W2", V, "[[-0.1763], [0.008985]]", "*", style="v-d-W2-matrix-one-sign")
C(MW, "W2", N, "dZ2 = (A2 - Y) * (1 + (w - 1) * Y)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", style="d-w-factor-form-binary-only")
C(S, "W", N, "P = np.exp(Z) / np.sum(np.exp(Z))\ndW = X.T @ (P - Y) / m", "*", oracle="X.T @ (np.exp(Z) / np.sum(np.exp(Z)) - Y) / m", style="d-s-softmax-over-everything")
C(S, "W", N, "P = np.exp(Z) / np.sum(np.exp(Z), axis=1)\ndW = X.T @ (P - Y) / m", "*", style="d-s-softmax-no-keepdims")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ A.T @ dO", oracle="X.T @ (A.T @ (2 * (O - T) / (n * d)))", style="d-a-chain-left-to-right")
C(S, "W[0,1]", V, "约为 -0.0903", lang=Z, style="v-d-s-zh-about")
C(E, "w2", L, r"\frac{\partial L}{\partial w_2} = (O - t)\,O(1 - O)\,x_2", style="d-e-n-w2-latex")
C(E, "w2", L, r"\frac{\partial L}{\partial w_2} = (O - t)\,O(1 - O)\,x_1", "wrong-entry", style="d-e-n-w2-latex-x1")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c21-000, … as written; cases that happen to repeat corpus 2-20 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus21", "c21", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
