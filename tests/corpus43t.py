"""The held-out-style corpus of issue 11, forty-third round, text side (``c43t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — Bishop's *PRML* §5.3
(``\\delta_k = y_k - t_k``, ``\\delta_j = h'(a_j) \\sum_k w_{kj} \\delta_k``, ``\\partial E_n/\\partial w_{ji} =
\\delta_j z_i`` — the index form, and its matrix transcription), Goodfellow et al. Algorithm 6.4 as
typed by students (``g \\leftarrow \\nabla_{\\hat y} J``, ``g \\leftarrow g \\odot f'(a^{(k)})``), Murphy's *PML*
ch. 13 (``\\boldsymbol{\\delta}``, ``\\mathbf{J}`` Jacobian products, ``\\operatorname{vec}`` and ``\\otimes``),
Karpathy's cs231n notes typed in plain text (``dW = X.T · dscores``, ``dhidden[hidden <= 0] = 0``),
Hinton's Coursera lectures (``\\partial E/\\partial y_j = -(t_j - y_j)``), UFLDL (``\\delta^{(n_l)}_i =
-(y_i - a^{(n_l)}_i) \\cdot f'(z^{(n_l)}_i)``), 周志华《机器学习》(西瓜书) 5.3 (``g_j = \\hat y_j(1 - \\hat y_j)(y_j -
\\hat y_j)``, ``e_h``, ``\\Delta w_{hj} = \\eta g_j b_h`` — the update given for the gradient), 邱锡鹏《神经网络与
深度学习》4.4 (``\\delta^{(l)} = f_l'(z^{(l)}) \\odot (W^{(l+1)})^\\top \\delta^{(l+1)}``, column convention),
李航《统计学习方法》(logistic regression's ``\\sum_i (y_i - \\pi(x_i)) x_i``), slides pasted from PowerPoint
(Unicode ``∑ᵢ``, ``ŷ``, ``⊙``, ``∘``, ``×``), Markdown with ``$$…$$``, ``\\begin{aligned}`` and ``\\tag``,
``\\mathrm{d}``, ``\\nabla_{W}``, answer keys of three new variants (mlp-bce v4/7, neuron v2/5, chain v3/9)
and 期中/期末 参考答案 hand numbers with rounded intermediates, on five course networks no corpus had
used (hn42_mindspore_ops_mlp_cn, hn42_wgan_critic_leaky_relu, hn42_keras_cce_label_smoothing_tf,
hn42_mf_einsum_rowdot_l2, hn42_sgns_logsigmoid_word2vec_cn); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex43"). Oracles: PyTorch
float64 (tests/check_oracle.py) on built-ins, the spec's own text run in PyTorch on course
networks (tests/spelled_oracle.py); hand numbers computed in PyTorch float64 at derive's example
point or at an answer key's variant values and rounded by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus33  # noqa: E402
import corpus_common  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
REFUSE = "REFUSE"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"
MS = str(COURSE / "hn42_mindspore_ops_mlp_cn.toml")
WG = str(COURSE / "hn42_wgan_critic_leaky_relu.toml")
LS = str(COURSE / "hn42_keras_cce_label_smoothing_tf.toml")
MF = str(COURSE / "hn42_mf_einsum_rowdot_l2.toml")
SG = str(COURSE / "hn42_sgns_logsigmoid_word2vec_cn.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# mlp-bce v4/7, neuron v2/5, chain v3/9: gradients by PyTorch float64 at those variants' values
KM, KE, KC = K(M, 4, 7), K(E, 2, 5), K(CH, 3, 9)

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

DZ2 = "((A2 - Y) / m)"
DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0) / m)"
TD1 = "((y_pred - y_target) * W2.T * h * (1 - h))"
WDZ2 = "(((1 - Y) * A2 - w * Y * (1 - A2)) / m)"
WW2 = f"A1.T @ {WDZ2}"
WW1 = f"X.T @ ({WDZ2} @ W2.T * (Z1 > 0))"
RD = "(2 * (y_pred - y))"
RDH = f"({RD} @ w2.T * (h > 0))"
RD2 = "((h_2 - y) * (1 - h_2 ** 2))"
RD1 = f"({RD2} @ W_h.T * (1 - h_1 ** 2))"
RWX = f"x_2.T @ {RD2} + x_1.T @ {RD1}"
RWH = f"h_1.T @ {RD2} + h_0.T @ {RD1}"
RB = f"np.sum({RD2} + {RD1}, axis=0, keepdims=True)"
AO = "(2 * (O - T) / (n * d))"
AWV = f"X.T @ A.T @ {AO}"
BNB = "np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"
BNG = "np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)"

# ---- course-network oracles (NumPy over the spec's own names, run in PyTorch by tests/spelled_oracle.py)
MS_D = "((p - y) / N)"
MS_W2 = f"h1.T @ {MS_D}"
MS_B2 = f"np.sum({MS_D}, axis=0)"
MS_DH = f"({MS_D} @ W2.T * (h1 > 0))"
MS_W1 = f"x.T @ {MS_DH}"
MS_B1 = f"np.sum({MS_DH}, axis=0)"
WG_ZF, WG_ZR = "(fake @ W1 + b1)", "(real @ W1 + b1)"
WG_LF = f"np.where({WG_ZF} > 0, {WG_ZF}, 0.2 * {WG_ZF})"
WG_LR = f"np.where({WG_ZR} > 0, {WG_ZR}, 0.2 * {WG_ZR})"
WG_SF = f"np.where({WG_ZF} > 0, 1.0, 0.2)"
WG_SR = f"np.where({WG_ZR} > 0, 1.0, 0.2)"
WG_W2 = f"({WG_LF}.T @ np.ones((N, 1)) - {WG_LR}.T @ np.ones((N, 1))) / N"
WG_W1 = f"(fake.T @ ({WG_SF} * w2.T) - real.T @ ({WG_SR} * w2.T)) / N"
WG_B1 = f"(np.sum({WG_SF} * w2.T, axis=0) - np.sum({WG_SR} * w2.T, axis=0)) / N"
LS_P = "(np.exp(y_pred) / np.sum(np.exp(y_pred), axis=1, keepdims=True))"
LS_YS = "(0.9 * y_true + 0.1 / C)"
LS_D = f"(({LS_P} - {LS_YS}) / N)"
LS_W2 = f"hid.T @ {LS_D}"
LS_B2 = f"np.sum({LS_D}, axis=0)"
LS_W1 = f"x.T @ ({LS_D} @ W2.T * (hid > 0))"
MF_E = "(2 * (pred - r) / N)"
MF_P = f"U.T @ ({MF_E}[:, None] * qi) + 2 * lam * P"
MF_Q = f"I.T @ ({MF_E}[:, None] * pu) + 2 * lam * Q"
MF_BU = f"U.T @ {MF_E} + 2 * lam * bu"
MF_BI = f"I.T @ {MF_E} + 2 * lam * bi"
SG_SO = "np.sum(vc * (O @ W_out), axis=1)"
SG_S1 = "np.sum(vc * (K1 @ W_out), axis=1)"
SG_S2 = "np.sum(vc * (K2 @ W_out), axis=1)"
SG_GO = f"((sigmoid({SG_SO}) - 1) / N)"
SG_G1 = f"(sigmoid({SG_S1}) / N)"
SG_G2 = f"(sigmoid({SG_S2}) / N)"
SG_OUT = f"O.T @ ({SG_GO}[:, None] * vc) + K1.T @ ({SG_G1}[:, None] * vc) + K2.T @ ({SG_G2}[:, None] * vc)"
SG_IN = f"C.T @ ({SG_GO}[:, None] * (O @ W_out) + {SG_G1}[:, None] * (K1 @ W_out) + {SG_G2}[:, None] * (K2 @ W_out))"

# ================================================================ Bishop, PRML §5.3 (index form and its matrices)
C(T, "W2", L, r"\delta_k = y_k - t_k, \quad \frac{\partial E_n}{\partial w^{(2)}_{jk}} = z_j \delta_k, \quad \text{i.e. } \frac{\partial E}{\partial W_2} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, style="bishop-5-3-index-then-matrix-W2")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = h^{\top}\boldsymbol{\delta}, \quad \boldsymbol{\delta} = y_{\mathrm{pred}} - y_{\mathrm{target}}", oracle=TW2, style="bishop-bold-delta-clause-W2")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = h^{\top}\boldsymbol{\delta}, \quad \boldsymbol{\delta} = y_{\mathrm{target}} - y_{\mathrm{pred}}", "sign", oracle=f"-{TW2}", style="bishop-bold-delta-t-minus-y")
C(T, "W1", L, r"\boldsymbol{\delta}^{(1)} = h'(h_{\mathrm{raw}}) \odot \big(\boldsymbol{\delta}^{(2)} W_2^{\top}\big), \quad h'(a) = \sigma(a)\big(1 - \sigma(a)\big), \quad \boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\boldsymbol{\delta}^{(1)}", oracle=TW1, style="bishop-h-prime-of-a-clause")
C(T, "W1", L, r"\boldsymbol{\delta}^{(1)} = h'(h_{\mathrm{raw}}) \odot \big(\boldsymbol{\delta}^{(2)} W_2^{\top}\big), \quad h'(a) = 1 - \tanh^2(a), \quad \boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\boldsymbol{\delta}^{(1)}", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - np.tanh(h_raw) ** 2))", style="bishop-tanh-h-prime-on-sigmoid-net", note="PRML's own example net is tanh; tiny-mlp's hidden layer is a sigmoid")
C(T, "W1", L, r"\frac{\partial E}{\partial W_1} = X^{\top}\Big[\big((y_{\mathrm{pred}} - y_{\mathrm{target}}) W_2^{\top}\big) \odot h \odot (1 - h)\Big] \tag{5.56}", oracle=TW1, style="bishop-tag-equation-number")
C(T, "W1", L, r"\frac{\partial E}{\partial W_1} = X^{\top}\Big[\big((y_{\mathrm{pred}} - y_{\mathrm{target}}) W_2^{\top}\big) \odot h\Big] \tag{5.56}", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="bishop-tag-h-only")
C(T, "W1", L, r"\frac{\partial E}{\partial W_1} = X^{\top}\Big[\big((y_{\mathrm{pred}} - y_{\mathrm{target}}) W_2^{\top}\big)\Big] \tag{5.56}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="bishop-tag-no-slope")
C(M, "W1", L, r"\boldsymbol{\delta}_1 = h'(Z_1) \odot \big(\boldsymbol{\delta}_2 W_2^{\top}\big), \quad h'(a) = \mathbb{1}[a > 0], \quad \boldsymbol{\delta}_2 = \tfrac{1}{m}(A_2 - Y), \quad \nabla_{W_1} E = X^{\top}\boldsymbol{\delta}_1", oracle=W1R, style="bishop-relu-h-prime-mlp-W1")
C(M, "b1", L, r"\nabla_{b_1} E = \sum_{n=1}^{m} \boldsymbol{\delta}_{1,n}, \quad \boldsymbol{\delta}_1 = \tfrac{1}{m}\big((A_2 - Y)W_2^{\top}\big) \odot \mathbb{1}[Z_1 > 0]", oracle=B1R, style="bishop-sum-over-n-bias")
C(M, "W2", L, r"\nabla_{W_2} E = \sum_{n=1}^{m} \mathbf{a}_{1,n}^{\top} \boldsymbol{\delta}_{2,n}, \quad \boldsymbol{\delta}_{2} = \tfrac{1}{m}(A_2 - Y), \quad \mathbf{a}_1 = A_1", oracle=W2R, style="bishop-sum-over-n-outer")
C(M, "Z2", L, r"\delta_k = y_k - t_k \quad (\text{canonical link: sigmoid output with cross-entropy}), \quad \frac{\partial E}{\partial Z_2} = \frac{1}{m}(A_2 - Y)", oracle=DZ2, style="bishop-canonical-link-remark")
C(M, "Z2", L, r"\frac{\partial E}{\partial Z_2} = \frac{1}{m}(A_2 - Y) \odot A_2 \odot (1 - A_2)", "*", oracle="(A2 - Y) * A2 * (1 - A2) / m", style="bishop-canonical-link-extra-slope", note="the sigmoid's slope already cancelled against BCE's")
C(S, "W", L, r"\nabla_{W} E = \sum_{n=1}^{m} \mathbf{x}_n^{\top}(\mathbf{p}_n - \mathbf{t}_n) / m, \quad \mathbf{x} = X, \quad \mathbf{p} = P, \quad \mathbf{t} = Y", oracle=SW, style="bishop-4-109-softmax-sum-n")
C(S, "W", L, r"\nabla_{W} E = X^{\top}(P - T), \quad T = Y", "scale-factor", oracle="X.T @ (P - Y)", style="bishop-softmax-T-for-Y-no-mean")
C(E, "w", L, r"\delta = (O - t)\, O (1 - O), \quad \frac{\partial E}{\partial w_i} = \delta\, x_i, \quad \nabla_w E = \delta\, x", oracle=EW, style="bishop-neuron-index-then-vector")
C(E, "w", L, r"\nabla_w E = (O - t)\, x", "missing-activation-derivative", oracle="(O - t) * x", style="bishop-neuron-linear-output-delta")

# ================================================================ Goodfellow et al., Algorithm 6.4 typed by students
C(M, "W2", L, r"\boldsymbol{g} \leftarrow \nabla_{\hat{\boldsymbol{y}}} J = \tfrac{1}{m}(A_2 - Y), \quad \nabla_{\boldsymbol{W}^{(2)}} J = \boldsymbol{h}^{(1)\top}\boldsymbol{g}, \quad \boldsymbol{h}^{(1)} = A_1", oracle=W2R, style="dlbook-6-4-g-then-W2-mlp")
C(M, "W1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(A_2 - Y); \quad \boldsymbol{g} \leftarrow \boldsymbol{g} W_2^{\top}; \quad \boldsymbol{g} \leftarrow \boldsymbol{g} \odot f'(Z_1), \quad f'(z) = \mathbb{1}[z > 0]; \quad \nabla_{W_1} J = X^{\top}\boldsymbol{g}", oracle=W1R, style="dlbook-6-4-three-updates-semicolons")
C(M, "W1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(A_2 - Y); \quad \boldsymbol{g} \leftarrow \boldsymbol{g} W_2^{\top}; \quad \nabla_{W_1} J = X^{\top}\boldsymbol{g}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="dlbook-6-4-skip-f-prime")
C(M, "b1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(A_2 - Y); \quad \boldsymbol{g} \leftarrow \big(\boldsymbol{g} W_2^{\top}\big) \odot \mathbb{1}[Z_1 > 0]; \quad \nabla_{b_1} J = \mathbf{1}^{\top}\boldsymbol{g}", oracle=B1R, style="dlbook-6-4-b1-ones")
C(M, "b1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(A_2 - Y); \quad \boldsymbol{g} \leftarrow \big(\boldsymbol{g} W_2^{\top}\big) \odot \mathbb{1}[Z_1 > 0]; \quad \nabla_{b_1} J = \boldsymbol{g}", "bias-not-summed", oracle=DZ1, style="dlbook-6-4-b1-g-itself")
C(T, "W1", N, "g ← ∇_ŷ J = y_pred − y_target\ng ← g W₂ᵀ\ng ← g ⊙ f′(h_raw), f′ = h ⊙ (1 − h)\n∇_{W₁} J = Xᵀ g", oracle=TW1, style="dlbook-6-4-unicode-lines")
C(T, "W1", N, "g ← ∇_ŷ J = y_pred − y_target\ng ← g W₂ᵀ\n∇_{W₁} J = Xᵀ g", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="dlbook-6-4-unicode-no-f-prime")
C(R, "w1", L, r"\boldsymbol{g} \leftarrow 2(\hat{\boldsymbol{y}} - \boldsymbol{y}), \quad \hat{\boldsymbol{y}} = y_{\mathrm{pred}}; \quad \boldsymbol{g} \leftarrow (\boldsymbol{g} w_2^{\top}) \odot \mathbb{1}[h > 0]; \quad \nabla_{w_1} J = x^{\top}\boldsymbol{g}", oracle=RW1, style="dlbook-6-4-relu-mlp-w1")
C(R, "w2", L, r"\boldsymbol{g} \leftarrow 2(\hat{\boldsymbol{y}} - \boldsymbol{y}), \quad \hat{\boldsymbol{y}} = y_{\mathrm{pred}}; \quad \nabla_{w_2} J = h_{\mathrm{relu}}^{\top}\boldsymbol{g}", oracle=RW2, style="dlbook-6-4-relu-mlp-w2")
C(R, "w2", L, r"\boldsymbol{g} \leftarrow (\hat{\boldsymbol{y}} - \boldsymbol{y}), \quad \hat{\boldsymbol{y}} = y_{\mathrm{pred}}; \quad \nabla_{w_2} J = h_{\mathrm{relu}}^{\top}\boldsymbol{g}", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="dlbook-6-4-relu-mlp-w2-no-2")

# ================================================================ Murphy, PML ch. 13 (bold δ, Jacobians, vec and ⊗)
C(M, "W2", L, r"\nabla_{W_2} \mathcal{L} = \mathbf{A}_1^{\top}\boldsymbol{\delta}_2, \quad \boldsymbol{\delta}_2 = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y})", oracle=W2R, style="murphy-bold-A-delta")
C(M, "W1", L, r"\boldsymbol{\delta}_1 = \big(\boldsymbol{\delta}_2 \mathbf{W}_2^{\top}\big) \odot \mathbb{I}(\mathbf{Z}_1 > 0), \quad \boldsymbol{\delta}_2 = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y}), \quad \nabla_{\mathbf{W}_1}\mathcal{L} = \mathbf{X}^{\top}\boldsymbol{\delta}_1", oracle=W1R, style="murphy-mathbb-I-indicator")
C(M, "W1", L, r"\boldsymbol{\delta}_1 = \big(\boldsymbol{\delta}_2 \mathbf{W}_2\big) \odot \mathbb{I}(\mathbf{Z}_1 > 0), \quad \boldsymbol{\delta}_2 = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y}), \quad \nabla_{\mathbf{W}_1}\mathcal{L} = \mathbf{X}^{\top}\boldsymbol{\delta}_1", "*", style="murphy-W2-not-transposed", note="δ₂ (m × 1) times W₂ (2 × 1): does not fit; a missing transpose")
C(T, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \mathbf{J}^{\top}\boldsymbol{\delta}, \quad \mathbf{J} = \frac{\partial y_{\mathrm{pred}}}{\partial W_2} \text{ read as } h, \quad \boldsymbol{\delta} = y_{\mathrm{pred}} - y_{\mathrm{target}}", REFUSE, style="murphy-jacobian-read-as-words", note="a Jacobian said to be 'read as' h in words: no grader can take that as a formula")
C(S, "W", L, r"\operatorname{vec}\big(\nabla_W \mathcal{L}\big) = \frac{1}{m}(I_k \otimes X^{\top})\operatorname{vec}(P - Y)", oracle=SW, style="murphy-vec-kron-softmax", note="vec(XᵀD) = (I ⊗ Xᵀ) vec(D); the vec of the gradient is the gradient")
C(S, "W", L, r"\operatorname{vec}\big(\nabla_W \mathcal{L}\big) = \frac{1}{m}(X^{\top} \otimes I_k)\operatorname{vec}(P - Y)", "*", style="murphy-vec-kron-wrong-order", note="(Xᵀ ⊗ I) vec(D) is vec(D X) – another matrix; for m ≠ k it does not fit")
C(E, "w", L, r"\nabla_{\mathbf{w}} \mathcal{L} = \mathbf{J}_{z}^{\top}\, \delta, \quad \delta = (O - t) O (1 - O), \quad \mathbf{J}_{z} = \frac{\partial z}{\partial \mathbf{w}} = x", "*", oracle="x.T * ((O - t) * O * (1 - O))", style="murphy-neuron-jacobian-x", note="relabelled after the first pass (was right): J_zᵀδ is Murphy's column (3 × 1), derive's w a row (1 × 3) — the transpose of the gradient, wrong by the project's shape rule as every corpus has it")
C(R2, "W_h", L, r"\nabla_{W_h}\mathcal{L} = \sum_{t=1}^{2} h_{t-1}^{\top}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^2), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \odot (1 - h_1^2)", oracle=RWH, style="murphy-bptt-sum-t")
C(R2, "W_h", L, r"\nabla_{W_h}\mathcal{L} = h_{1}^{\top}\boldsymbol{\delta}_2, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^2)", "*", oracle=f"h_1.T @ {RD2}", style="murphy-bptt-last-step-only")
C(R2, "W_x", L, r"\nabla_{W_x}\mathcal{L} = \sum_{t=1}^{2} x_{t}^{\top}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^2), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \odot (1 - h_1^2)", oracle=RWX, style="murphy-bptt-Wx-sum-t")
C(R2, "b", L, r"\nabla_{b}\mathcal{L} = \boldsymbol{\delta}_1 + \boldsymbol{\delta}_2, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^2), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \odot (1 - h_1^2)", "bias-not-summed", oracle=f"{RD2} + {RD1}", style="murphy-bptt-b-two-deltas", note="relabelled after the first pass (was right): rnn's batch is m = 1, but δ₁ + δ₂ unsummed is bias-not-summed in corpora 36t–42t (the formula must hold for any m)")

# ================================================================ Karpathy, cs231n notes typed in plain text
C(S, "W", N, "dscores = (P − Y)/m\ndW = X.T · dscores", oracle=SW, style="karpathy-dscores-dot")
C(S, "b", N, "dscores = (P − Y)/m\ndb = sum(dscores, axis=0, keepdims=True)", oracle=SB, style="karpathy-db-sum-axis0-text")
C(S, "b", N, "dscores = (P − Y)/m\ndb = sum(dscores, axis=1, keepdims=True)", "wrong-sum-axis", style="karpathy-db-sum-axis1-text")
C(S, "W", N, "dscores = P − Y\ndW = X.T · dscores", "scale-factor", oracle="X.T @ (P - Y)", style="karpathy-dscores-no-mean")
C(M, "W1", N, "dscores = (A2 − Y)/m\ndhidden = dscores · W2.T\ndhidden[Z1 <= 0] = 0\ndW1 = X.T · dhidden", oracle=W1R, style="karpathy-dhidden-mask-assign-text")
C(M, "W1", N, "dscores = (A2 − Y)/m\ndhidden = dscores · W2.T\ndW1 = X.T · dhidden", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="karpathy-dhidden-no-mask-text")
C(M, "b1", N, "dscores = (A2 − Y)/m\ndhidden = dscores · W2.T\ndhidden[Z1 <= 0] = 0\ndb1 = Σ over rows of dhidden", REFUSE, style="karpathy-db1-words", note="'Σ over rows of' in words")
C(R, "w1", N, "dy = 2(y_pred − y)\ndh = dy · w2ᵀ\ndh[h < 0] = 0\ndw1 = xᵀ · dh", "relu-at-zero", style="karpathy-relu-mlp-mask-lt", note="relabelled after the first pass (was right): dh[h < 0] = 0 keeps the gradient where h is exactly 0 (the example's w1[2, 1]); README's ReLU policy takes relu'(0) = 0, as PyTorch does — Karpathy's own notes write <= 0")
C(R, "w1", N, "dy = 2(y_pred − y)\ndh = dy · w2ᵀ\ndw1 = xᵀ · dh", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="karpathy-relu-mlp-no-mask")
C(R, "w2", N, "dy = 2(y_pred − y)\ndw2 = h_relu.T · dy", oracle=RW2, style="karpathy-relu-mlp-w2")
C(A, "W_v", N, "dO = 2(O − T)/(n·d)\ndV = A.T · dO\ndW_v = X.T · dV", oracle=AWV, style="karpathy-attention-dV-chain")
C(A, "W_v", N, "dO = 2(O − T)/(n·d)\ndV = A · dO\ndW_v = X.T · dV", "*", oracle=f"X.T @ A @ {AO}", style="karpathy-attention-A-not-transposed")

# ================================================================ Hinton, Coursera NN lectures (∂E/∂y_j = −(t_j − y_j))
C(T, "W2", L, r"\frac{\partial E}{\partial y_j} = -(t_j - y_j), \quad y = y_{\mathrm{pred}}, \quad t = y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_2} = h^{\top}\frac{\partial E}{\partial y}", oracle=TW2, style="hinton-dE-dy-minus-t-minus-y")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = -h^{\top}(y_{\mathrm{target}} - y_{\mathrm{pred}})", oracle=TW2, style="hinton-minus-t-minus-y-matrix")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = h^{\top}(y_{\mathrm{target}} - y_{\mathrm{pred}})", "sign", oracle=f"-{TW2}", style="hinton-t-minus-y-no-minus")
C(E, "w", L, r"\frac{\partial E}{\partial w_i} = -x_i\, O(1 - O)(t - O), \quad \nabla_w E = -x\, O(1 - O)(t - O)", oracle=EW, style="hinton-logistic-neuron-index-vector")
C(E, "w", L, r"\nabla_w E = -x\, O(1 - O)(O - t)", "sign", oracle=f"-{EW}", style="hinton-logistic-neuron-sign")
C(E, "w", N, "∂E/∂wᵢ = −xᵢ·O(1 − O)·(t − O)  ⇒  ∂E/∂w = −x·O(1 − O)(t − O)", oracle=EW, style="hinton-unicode-implies")
C(T, "W1", L, r"\frac{\partial E}{\partial z_j} = \frac{d y_j}{d z_j}\frac{\partial E}{\partial y_j} = y_j(1 - y_j)\frac{\partial E}{\partial y_j}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\Big[\big((y_{\mathrm{pred}} - y_{\mathrm{target}})W_2^{\top}\big) \odot h \odot (1 - h)\Big]", oracle=TW1, style="hinton-dE-dz-lecture-then-matrix")

# ================================================================ UFLDL (δ^{(n_l)} = −(y − a) ⋅ f'(z))
C(E, "z", L, r"\delta^{(n_l)} = -(t - a^{(n_l)}) \cdot f'(z^{(n_l)}), \quad a^{(n_l)} = O, \quad f'(z) = f(z)(1 - f(z)), \quad \frac{\partial L}{\partial z} = \delta^{(n_l)}", oracle="(O - t) * O * (1 - O)", style="ufldl-delta-nl-neuron-z")
C(E, "z", L, r"\delta^{(n_l)} = -(t - O) \cdot O(1 - O)", oracle="(O - t) * O * (1 - O)", style="ufldl-delta-nl-plain-O")
C(E, "z", L, r"\delta^{(n_l)} = (t - O) \cdot O(1 - O)", "sign", oracle="(t - O) * O * (1 - O)", style="ufldl-delta-nl-lost-minus")
C(T, "W1", L, r"\delta^{(3)} = -(y_{\mathrm{target}} - y_{\mathrm{pred}}), \quad \delta^{(2)} = \big(\delta^{(3)} W_2^{\top}\big) \bullet h \bullet (1 - h), \quad \nabla_{W_1} J = X^{\top} \delta^{(2)}", oracle=TW1, style="ufldl-bullet-hadamard")
C(T, "W1", L, r"\delta^{(3)} = -(y_{\mathrm{target}} - y_{\mathrm{pred}}), \quad \delta^{(2)} = \big(\delta^{(3)} W_2^{\top}\big) \bullet h, \quad \nabla_{W_1} J = X^{\top} \delta^{(2)}", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="ufldl-bullet-h-only")
C(M, "W2", L, r"\nabla_{W^{(2)}} J = \frac{1}{m}\sum_{i=1}^{m} \big(a^{(2)(i)}\big)^{\top}\delta^{(3)(i)}, \quad a^{(2)} = A_1, \quad \delta^{(3)} = A_2 - Y", oracle=W2R, style="ufldl-per-example-sum-parens-superscript")
C(M, "W2", L, r"\nabla_{W^{(2)}} J = \frac{1}{m} A_1^{\top}(A_2 - Y) + \lambda W_2, \quad \lambda = 0", oracle=W2R, style="ufldl-weight-decay-lambda-zero")
C(M, "W2", L, r"\nabla_{W^{(2)}} J = \frac{1}{m} A_1^{\top}(A_2 - Y) + \lambda W_2", "*", style="ufldl-weight-decay-lambda-unset", note="mlp-bce has no weight decay; λ is not one of its names")

# ================================================================ 邱锡鹏《神经网络与深度学习》4.4 (column convention)
C(M, "W1", L, r"\delta^{(1)} = f_1'(z^{(1)}) \odot \big(\delta^{(2)} (W^{(2)})^{\top}\big), \quad \delta^{(2)} = \tfrac{1}{m}(A_2 - Y), \quad f_1'(z) = \mathbb{I}(z > 0), \quad z^{(1)} = Z_1, \quad \frac{\partial \mathcal{L}}{\partial W^{(1)}} = X^{\top}\delta^{(1)}", oracle=W1R, lang=Z, style="zh-nndl-4-4-row-transcribed")
C(M, "W1", L, r"\delta^{(1)} = f_1'(z^{(1)}) \odot \big((W^{(2)})^{\top}\delta^{(2)}\big), \quad \delta^{(2)} = \tfrac{1}{m}(A_2 - Y), \quad f_1'(z) = \mathbb{I}(z > 0), \quad z^{(1)} = Z_1, \quad \frac{\partial \mathcal{L}}{\partial W^{(1)}} = X^{\top}\delta^{(1)}", "*", style="zh-nndl-4-4-column-order-on-rowmajor", lang=Z, note="邱锡鹏's column form Wᵀδ on derive's row-major mlp-bce: W2ᵀ (1 × 2) times δ (m × 1) does not fit")
C(M, "W2", N, "由式 (4.63)：∂ℒ/∂W⁽²⁾ = δ⁽²⁾ (a⁽¹⁾)ᵀ（列向量记法）；本网络为行优先，故 ∂ℒ/∂W₂ = A₁ᵀ(A₂ − Y)/m", oracle=W2R, lang=Z, style="zh-nndl-column-then-rowmajor-stated")
C(T, "W1", L, r"\delta^{(1)} = \sigma'(z^{(1)}) \odot \big(\delta^{(2)} W_2^{\top}\big), \quad \sigma'(z^{(1)}) = h \odot (1 - h), \quad \delta^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial \mathcal{L}}{\partial W_1} = X^{\top}\delta^{(1)}", oracle=TW1, lang=Z, style="zh-nndl-sigma-prime-z1-clause")
C(R, "w1", L, r"\delta^{(1)} = \mathbb{I}(h > 0) \odot \big(\delta^{(2)} w_2^{\top}\big), \quad \delta^{(2)} = 2(y_{\mathrm{pred}} - y), \quad \frac{\partial \mathcal{L}}{\partial w_1} = x^{\top}\delta^{(1)}", oracle=RW1, lang=Z, style="zh-nndl-relu-mlp-I-indicator")
C(R, "w1", L, r"\delta^{(1)} = \mathbb{I}(h > 0) \odot \big(\delta^{(2)} w_2^{\top}\big), \quad \delta^{(2)} = 2(y_{\mathrm{pred}} - y), \quad \frac{\partial \mathcal{L}}{\partial w_1} = \delta^{(1)} x^{\top}", "*", lang=Z, style="zh-nndl-relu-mlp-column-outer", note="δ (n × H) times xᵀ (D_in × n): does not fit")

# ================================================================ 周志华《机器学习》(西瓜书) 5.3
C(E, "w", L, r"g = \hat y(1 - \hat y)(y - \hat y), \quad \hat y = O, \quad y = t, \quad \frac{\partial L}{\partial w} = -g\, x", oracle=EW, lang=Z, style="zh-xigua-g-j-neuron")
C(E, "w", L, r"g = \hat y(1 - \hat y)(y - \hat y), \quad \hat y = O, \quad y = t, \quad \frac{\partial L}{\partial w} = g\, x", "sign", oracle=f"-{EW}", lang=Z, style="zh-xigua-g-j-neuron-sign", note="西瓜书's g_j is the negative gradient (its Δw = ηg_j b_h is a descent step)")
C(E, "w", L, r"\Delta w = \eta\, g\, x, \quad g = O(1 - O)(t - O)", REFUSE, lang=Z, style="zh-xigua-update-for-gradient", note="an update with the learning rate η given for the gradient (η none of the network's names)")
C(E, "w", N, "西瓜书 5.3：g = ŷ(1 − ŷ)(y − ŷ)，其中 ŷ = O，y = t；故 ∂L/∂w = −g·x", oracle=EW, lang=Z, style="zh-xigua-unicode-qizhong")
C(T, "W1", L, r"g = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad e_h = b_h(1 - b_h) \sum_j w_{hj} g_j, \quad b = h, \quad \frac{\partial E}{\partial W_1} = -X^{\top}\big[(g W_2^{\top}) \odot h \odot (1 - h)\big]", oracle=TW1, lang=Z, style="zh-xigua-e-h-then-matrix")
C(T, "W1", L, r"g = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\big[(g W_2^{\top}) \odot h \odot (1 - h)\big]", "sign", oracle=f"-({TW1})", lang=Z, style="zh-xigua-e-h-sign-lost")
C(T, "W2", N, "西瓜书式 (5.11)：g = y_target − y_pred（线性输出层，无需乘 ŷ(1 − ŷ)），∂E/∂W₂ = −hᵀ g", oracle=TW2, lang=Z, style="zh-xigua-linear-output-remark")
C(M, "W2", L, r"g = \frac{1}{m}(Y - A_2), \quad \frac{\partial E}{\partial W_2} = -A_1^{\top} g", oracle=W2R, lang=Z, style="zh-xigua-g-batch-mlp")
C(M, "b2", L, r"g = \frac{1}{m}(Y - A_2), \quad \frac{\partial E}{\partial b_2} = -\mathbf{1}^{\top} g \quad (\text{西瓜书中阈值 } \theta_j \text{ 的梯度取反})", oracle=B2R, lang=Z, style="zh-xigua-threshold-remark")

# ================================================================ 李航《统计学习方法》(logistic regression's likelihood)
C(E, "w", L, r"\frac{\partial L}{\partial w} = (O - t)\,\pi(1 - \pi)\, x, \quad \pi = O", oracle=EW, lang=Z, style="zh-lihang-pi-is-O")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = -\frac{1}{m}\sum_{i=1}^{m} \big(y_i - \pi(x_i)\big) a_i^{\top}, \quad \pi(x) = A_2, \quad a = A_1", oracle=W2R, lang=Z, style="zh-lihang-pi-of-x-outer-column", note="relabelled after the first pass (was REFUSE): −(1/m) Σ_i (y_i − π_i) a_iᵀ with π = A₂, a = A₁ is (1/m) A₁ᵀ(A₂ − Y) exactly — the label was wrong")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = -\frac{1}{m} A_1^{\top}\big(Y - \pi\big), \quad \pi = A_2", oracle=W2R, lang=Z, style="zh-lihang-pi-clause-matrix")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m} A_1^{\top}\big(Y - \pi\big), \quad \pi = A_2", "sign", oracle=f"-({W2R})", lang=Z, style="zh-lihang-likelihood-ascent-sign", note="the log-likelihood's gradient (ascent) given for the loss's")

# ================================================================ PowerPoint slides pasted (Unicode maths)
C(M, "W2", N, "∂L/∂W₂ = (1/m) ∑ᵢ a₁ᵢᵀ (ŷᵢ − yᵢ)   where a₁ = A1, ŷ = A2, y = Y", oracle=W2R, style="pptx-sum-i-subscripts-where")
C(M, "W2", N, "∂L/∂W₂ = (1/m) · A₁ᵀ × (Ŷ − Y)   (Ŷ = A₂)", oracle=W2R, style="pptx-times-matrix-product-Yhat")
C(M, "W1", N, "δ₂ = (Ŷ − Y)/m,   Ŷ = A₂\nδ₁ = (δ₂ × W₂ᵀ) ⊙ 𝟙(Z₁ > 0)\n∂L/∂W₁ = Xᵀ × δ₁", oracle=W1R, style="pptx-times-odot-indicator")
C(M, "W1", N, "δ₂ = (Ŷ − Y)/m,   Ŷ = A₂\nδ₁ = (δ₂ × W₂ᵀ) ∘ 𝟙(Z₁ > 0)\n∂L/∂W₁ = Xᵀ × δ₁", oracle=W1R, style="pptx-circ-hadamard")
C(M, "W1", N, "δ₂ = (Ŷ − Y)/m,   Ŷ = A₂\nδ₁ = (δ₂ × W₂ᵀ) ∘ A₁\n∂L/∂W₁ = Xᵀ × δ₁", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="pptx-circ-A1-for-mask")
C(T, "W1", N, "• δ_out = ŷ − y   (ŷ = y_pred, y = y_target)\n• δ_hid = (δ_out W₂ᵀ) ⊙ σ(h_raw) ⊙ (1 − σ(h_raw))\n• ∂L/∂W₁ = Xᵀ δ_hid", oracle=TW1, style="pptx-bullets-sigma-of-hraw")
C(T, "W1", N, "• δ_out = ŷ − y   (ŷ = y_pred, y = y_target)\n• δ_hid = (δ_out W₂ᵀ) ⊙ (1 − σ(h_raw))\n• ∂L/∂W₁ = Xᵀ δ_hid", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h))", style="pptx-bullets-half-slope")
C(S, "W", N, "∇_W L = (1/m) Xᵀ(P − Y)   ← softmax + CE", oracle=SW, style="pptx-arrow-remark")
C(S, "b", N, "∇_b L = (1/m) ∑ᵢ (Pᵢ − Yᵢ)", oracle=SB, style="pptx-bias-sum-i-rows")
C(S, "b", N, "∇_b L = (1/m) ∑ᵢ (Pᵢ − Yᵢ)ᵀ", oracle=SB, style="pptx-bias-sum-rows-transposed", note="relabelled after the first pass (was wrong): P_i, the i-th example's vector, is a column in Bishop's and Murphy's convention, so (P_i − Y_i)ᵀ is a row, b's shape; the row convention makes the unmarked c43t-092 right — an indexed vector's orientation is the reader's either way")
C(B, "beta", N, "∂L/∂β = ∑ᵢ 2(Yᵢ − Tᵢ)/(m·n)", oracle=BNB, style="pptx-bn-beta-sum-i")
C(B, "gamma", N, "∂L/∂γ = ∑ᵢ 2(Yᵢ − Tᵢ) ⊙ Ẑᵢ/(m·n)   (Ẑ = Z_hat)", oracle=BNG, style="pptx-bn-gamma-Zhat-alias")
C(B, "gamma", N, "∂L/∂γ = ∑ᵢ 2(Yᵢ − Tᵢ)/(m·n)", "*", oracle=BNB, style="pptx-bn-gamma-no-Zhat", note="β's gradient given for γ's")
C(R2, "W_h", N, "δ₂ = (h₂ − y) ⊙ (1 − h₂²)\nδ₁ = (δ₂ W_hᵀ) ⊙ (1 − h₁²)\n∂L/∂W_h = h₁ᵀ δ₂ + h₀ᵀ δ₁", oracle=RWH, style="pptx-rnn-Wh-two-terms")
C(R2, "W_h", N, "δ₂ = (h₂ − y) ⊙ (1 − h₂²)\nδ₁ = (δ₂ W_hᵀ) ⊙ (1 − h₁²)\n∂L/∂W_h = h₁ᵀ δ₂ + h₁ᵀ δ₁", "*", oracle=f"h_1.T @ {RD2} + h_1.T @ {RD1}", style="pptx-rnn-Wh-wrong-state")
C(CH, "w", N, "∂L/∂w = 2v·x   (v = wx + b)", oracle="2 * v * x", style="pptx-chain-v-defined")
C(CH, "w", N, "∂L/∂w = 2v", "*", oracle="2 * v", style="pptx-chain-no-x")
C(CH, "b", N, "∂L/∂b = 2(w·x + b)", oracle="2 * v", style="pptx-chain-b-expanded")

# ================================================================ Markdown: $$…$$, aligned, \tag, \mathrm{d}, \nabla_W
C(M, "W2", L, "$$\n\\begin{aligned}\n\\delta_2 &= \\tfrac{1}{m}(A_2 - Y) \\\\\n\\nabla_{W_2} L &= A_1^{\\top}\\delta_2 \\tag{1}\n\\end{aligned}\n$$", oracle=W2R, style="md-aligned-tag")
C(M, "W1", L, "$$\n\\begin{aligned}\n\\delta_2 &= \\tfrac{1}{m}(A_2 - Y) \\tag{1} \\\\\n\\delta_1 &= (\\delta_2 W_2^{\\top}) \\odot \\mathbb{1}[Z_1 > 0] \\tag{2} \\\\\n\\nabla_{W_1} L &= X^{\\top}\\delta_1 \\tag{3}\n\\end{aligned}\n$$", oracle=W1R, style="md-aligned-three-tags")
C(M, "W1", L, "$$\n\\begin{aligned}\n\\delta_2 &= \\tfrac{1}{m}(A_2 - Y) \\tag{1} \\\\\n\\delta_1 &= (\\delta_2 W_2^{\\top}) \\tag{2} \\\\\n\\nabla_{W_1} L &= X^{\\top}\\delta_1 \\tag{3}\n\\end{aligned}\n$$", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="md-aligned-tags-no-mask")
C(M, "W2", L, r"$$\frac{\mathrm{d}L}{\mathrm{d}W_2} = \frac{1}{m}A_1^{\mathsf{T}}(A_2 - Y)$$", oracle=W2R, style="md-mathrm-d-mathsf-T")
C(M, "W2", L, r"$$\frac{\mathrm{d}L}{\mathrm{d}W_2} = \frac{1}{m}A_1(A_2 - Y)^{\mathsf{T}}$$", "*", style="md-mathrm-d-column-outer", note="A1 (m × 2) times (A2 − Y)ᵀ (1 × m): does not fit for W2 (2 × 1)")
C(T, "W2", L, "**Answer.** $\\nabla_{W_2} L = h^{\\top}(y_{\\mathrm{pred}} - y_{\\mathrm{target}})$", oracle=TW2, style="md-bold-answer-inline-dollars")
C(T, "W2", L, "**Answer.** $\\nabla_{W_2} L = h(y_{\\mathrm{pred}} - y_{\\mathrm{target}})$", "*", oracle="h * (y_pred - y_target)", style="md-bold-answer-h-not-transposed", note="h is 1 × 2, W2 is 2 × 1: the transpose is missing")
C(S, "W", L, "$$\n\\nabla_{W} L = \\frac{1}{m}X^{\\top}(P - Y) \\tag{3.14}\n$$\nwhere $P = \\operatorname{softmax}(XW + b)$.", oracle=SW, style="md-tag-where-inline")
C(S, "W", L, "$$\n\\nabla_{W} L = \\frac{1}{m}X^{\\top}(Y - P) \\tag{3.14}\n$$", "sign", oracle=f"-({SW})", style="md-tag-Y-minus-P")
C(S, "b", L, "$$\\nabla_{b} L = \\frac{1}{m}\\mathbf{1}_m^{\\top}(P - Y)$$", oracle=SB, style="md-ones-m-subscript")
C(A, "W_v", L, "$$\n\\begin{aligned}\n\\frac{\\partial L}{\\partial O} &= \\frac{2}{nd}(O - T) \\\\\n\\frac{\\partial L}{\\partial W_v} &= X^{\\top}A^{\\top}\\frac{\\partial L}{\\partial O}\n\\end{aligned}\n$$", oracle=AWV, style="md-aligned-attention-dO")
C(A, "W_v", L, "$$\n\\begin{aligned}\n\\frac{\\partial L}{\\partial O} &= \\frac{1}{nd}(O - T) \\\\\n\\frac{\\partial L}{\\partial W_v} &= X^{\\top}A^{\\top}\\frac{\\partial L}{\\partial O}\n\\end{aligned}\n$$", "scale-factor", oracle="X.T @ A.T @ ((O - T) / (n * d))", style="md-aligned-attention-dO-half")
C(B, "beta", L, r"$$\nabla_{\beta} L = \frac{2}{mn}\,\mathbf{1}^{\top}(Y - T)$$", oracle=BNB, style="md-bn-beta-ones")
C(B, "beta", L, r"$$\nabla_{\beta} L = \frac{2}{mn}(Y - T)$$", "bias-not-summed", oracle="2 * (Y - T) / (m * n)", style="md-bn-beta-not-summed")

# ================================================================ \operatorname{vec}, Kronecker, Jacobian forms
C(M, "W2", L, r"\operatorname{vec}\Big(\frac{\partial L}{\partial W_2}\Big) = (I_1 \otimes A_1^{\top})\operatorname{vec}\Big(\frac{1}{m}(A_2 - Y)\Big)", oracle=W2R, style="vec-kron-identity-1")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\Big(\big(y_{\mathrm{pred}} - y_{\mathrm{target}}\big) W_2^{\top} \operatorname{diag}\big(h \odot (1 - h)\big)\Big)", oracle=TW1, style="jacobian-diag-of-row-slope", note="a 1 × n row times diag(s) is the row ⊙ s")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\Big(\big(y_{\mathrm{pred}} - y_{\mathrm{target}}\big) W_2^{\top} \operatorname{diag}(h)\Big)", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="jacobian-diag-h-only")
C(E, "w", L, r"\nabla_w L = \frac{\partial L}{\partial O}\,\frac{\partial O}{\partial z}\,\frac{\partial z}{\partial w} = (O - t)\cdot O(1 - O)\cdot x", oracle=EW, style="jacobian-chain-three-fracs-neuron")
C(E, "w", L, r"\nabla_w L = \frac{\partial L}{\partial O}\,\frac{\partial O}{\partial z}\,\frac{\partial z}{\partial w} = (O - t)\cdot O(1 - O)\cdot w", "*", oracle="(O - t) * O * (1 - O) * w", style="jacobian-chain-dz-dw-is-w")

# ================================================================ exam answer keys (期中/期末 参考答案) and hand numbers
C(M, "W2", N, "期中参考答案：∂L/∂W₂ = (1/m)·A₁ᵀ(A₂ − Y)（4 分）", oracle=W2R, lang=Z, style="zh-qizhong-points-in-parens")
C(M, "W2", N, "期中参考答案：∂L/∂W₂ = A₁ᵀ(A₂ − Y)（4 分）", "scale-factor", oracle="A1.T @ (A2 - Y)", lang=Z, style="zh-qizhong-points-no-mean")
C(M, "b2", N, "期末参考答案：∂L/∂b₂ = (1/m)·Σᵢ (A₂ − Y)ᵢ", oracle=B2R, lang=Z, style="zh-qimo-b2-sum-rows")
C(S, "W", N, "第三题（softmax 回归）解答：∇_W L = Xᵀ(P − Y)/m。评分：写出 P − Y 得 2 分，乘 Xᵀ 得 2 分。", oracle=SW, lang=Z, style="zh-grading-rubric-after")
C(S, "W", N, "第三题（softmax 回归）解答：∇_W L = (P − Y)ᵀX/m。", "*", lang=Z, style="zh-softmax-transposed-result", note="(P − Y)ᵀX is k × n, the transpose of ∇_W")
C(R2, "b", N, "参考答案：δ₂ = (h₂ − y)⊙(1 − h₂²)，δ₁ = (δ₂W_hᵀ)⊙(1 − h₁²)，∂L/∂b = δ₁ + δ₂", "bias-not-summed", oracle=f"{RD2} + {RD1}", lang=Z, style="zh-rnn-b-two-deltas", note="relabelled after the first pass (was right): unsummed over rnn's batch (m = 1), bias-not-summed as in corpora 36t–42t")
C(R2, "b", N, "参考答案：δ₂ = (h₂ − y)⊙(1 − h₂²)，∂L/∂b = δ₂", "*", oracle=RD2, lang=Z, style="zh-rnn-b-last-step")
C(CH, "w", N, "解：v = wx + b，L = v²，故 ∂L/∂w = 2v·x。", oracle="2 * v * x", lang=Z, style="zh-chain-jie-derivation")
C(CH, "b", N, "解：∂L/∂b = 2v·1 = 2v。", oracle="2 * v", lang=Z, style="zh-chain-b-times-one")
C(CH, "b", N, "解：∂L/∂b = v。", "scale-factor", oracle="v", lang=Z, style="zh-chain-b-no-2")
C(A, "W_v", N, "答：∂L/∂W_v = Xᵀ Aᵀ · 2(O − T)/(n d)（注意 A 需转置）", oracle=AWV, lang=Z, style="zh-attention-Wv-remark-transpose")
C(B, "beta", N, "答：∂L/∂β 等于 2(Y − T)/(mn) 按列求和", REFUSE, lang=Z, style="zh-bn-beta-sum-in-words")
C(T, "W2[0,0]", V, "-0.1139", style="v43-tiny-W2-00")
C(T, "W2[0,0]", V, "−0.11390", style="v43-tiny-W2-00-5sf-unicode-minus")
C(T, "W2[0,0]", V, "0.1139", "sign", style="v43-tiny-W2-00-sign")
C(T, "W1[0,1]", V, "-0.01635", style="v43-tiny-W1-01")
C(T, "W1[0,1]", V, "-0.01367", "wrong-entry", style="v43-tiny-W1-01-other-entry", note="-0.01367 is W1[0,0]")
C(E, "w[0,0]", V, "-0.0612", style="v43-neuron-w0")
C(E, "w[0,2]", V, "-0.02449", style="v43-neuron-w2")
C(E, "w[0,2]", V, "≈ −2.45 × 10⁻²", style="v43-neuron-w2-unicode-sci")
C(CH, "w", V, "40", style="v43-chain-w-40")
C(CH, "w", V, "20", "*", style="v43-chain-w-20", note="20 is ∂L/∂b (the x factor left out)")
C(CH, "b", V, "20.0", style="v43-chain-b-20")
C(M, "W2[0,0]", V, "-0.1763", style="v43-mlp-W2-00")
C(M, "W2[1,0]", V, "-0.008985", style="v43-mlp-W2-10")
C(M, "W2[1,0]", V, "-0.00899", style="v43-mlp-W2-10-3sf")
C(M, "b1[0,1]", V, "-0.01811", style="v43-mlp-b1-01")
C(M, "W1[1,0]", V, "-0.1959", style="v43-mlp-W1-10-repeat-check")
C(MW, "W2[0,0]", V, "-0.4236", style="v43-mlpw-W2-00")
C(MW, "b2[0,0]", V, "-0.3643", style="v43-mlpw-b2")
C(MW, "b2[0,0]", V, "0.3643", "sign", style="v43-mlpw-b2-sign")
C(R, "w1[0,0]", V, "1.40728", style="v43-relu-w1-00-exact")
C(R, "w1[2,1]", V, "0", style="v43-relu-w1-21-zero")
C(R, "w1[1,2]", V, "1.2665", style="v43-relu-w1-12")
C(R, "w1[1,2]", V, "0.6333", "*", style="v43-relu-w1-12-half", note="half: the 2 of the squared error dropped")
C(S, "W[1,1]", V, "0.3960", style="v43-softmax-W11")
C(S, "b[0,2]", V, "-0.2975", style="v43-softmax-b2")
C(S, "b[0,2]", V, "-0.07346", "wrong-entry", style="v43-softmax-b2-other-entry", note="-0.07346 is b[0,0]")
C(R2, "W_h[0,1]", V, "0.2192", style="v43-rnn-Wh-01")
C(R2, "W_x[1,1]", V, "0.5119", style="v43-rnn-Wx-11")
C(R2, "b[0,0]", V, "-0.2234", style="v43-rnn-b-0")
C(B, "gamma[0,1]", V, "1.2644", style="v43-bn-gamma-1")
C(B, "beta[0,1]", V, "-0.5333", style="v43-bn-beta-1")
C(B, "beta[0,1]", V, "-8/15", style="v43-bn-beta-1-fraction")
C(A, "W_q[1,1]", V, "-0.05098", style="v43-attention-Wq-11")
C(A, "W_v[1,0]", V, "-0.3080", style="v43-attention-Wv-10")
C(T, "W2[1,0]", V, "参考答案：−0.1172", lang=Z, style="zh-v43-tiny-W2-10")
C(M, "b1[0,0]", V, "答：约 −0.098", lang=Z, style="zh-v43-mlp-b1-00-yue")
C(S, "W[0,2]", V, "期末答案：-0.4946（保留四位小数）", lang=Z, style="zh-v43-softmax-W02-four-places")
C(R2, "W_h[1,1]", V, "−0.2742（中间结果保留四位）", lang=Z, style="zh-v43-rnn-Wh-11-rounded-intermediates")
C(T, "W2[0,0]", V, "$-1.139 \\times 10^{-1}$", style="v43-tiny-W2-00-latex-sci-dollars")
C(T, "W2[0,0]", V, "≈ −0.114 (3 s.f.)", style="v43-tiny-W2-00-3sf-remark")
C(T, "W2[0,0]", V, "-0.1172", "wrong-entry", style="v43-tiny-W2-00-other-entry", note="-0.1172 is W2[1,0]")
C(T, "W1[1,1]", V, "−3.27 × 10⁻³", style="v43-tiny-W1-11-unicode-sci")
C(T, "W1[1,1]", V, "-0.00327", style="v43-tiny-W1-11-plain")
C(E, "w[0,1]", V, "\\approx -0.0367", style="v43-neuron-w1-approx-latex")
C(E, "w[0,0]", V, "−6.12e−2", style="v43-neuron-w0-e-notation-unicode-minus")
C(E, "w[0,0]", V, "0.0612", "sign", style="v43-neuron-w0-sign-4dp")
C(M, "W2[0,0]", V, "$\\frac{\\partial L}{\\partial W_2}[0,0] \\approx -0.176$", style="v43-mlp-W2-00-fraction-label")
C(M, "W1[0,1]", V, "0.1356", style="v43-mlp-W1-01")
C(M, "W1[0,1]", V, "-0.1356", "sign", style="v43-mlp-W1-01-sign")
C(MW, "W2[1,0]", V, "-0.3069", style="v43-mlpw-W2-10")
C(MW, "W2[1,0]", V, "-0.1535", "*", style="v43-mlpw-W2-10-half", note="half the entry")
C(R, "w1[3,0]", V, "−1.4826", style="v43-relu-w1-30")
C(R, "w1[0,2]", V, "-1.39766", style="v43-relu-w1-02-exact")
C(S, "W[1,2]", V, "-0.7428", style="v43-softmax-W12")
C(S, "b[0,1]", V, "0.3709", style="v43-softmax-b1")
C(R2, "W_x[0,1]", V, "0.2924", style="v43-rnn-Wx-01")
C(R2, "b[0,1]", V, "0.5557", style="v43-rnn-b-1")
C(B, "gamma[0,0]", V, "0.7266", style="v43-bn-gamma-0")
C(A, "W_v[1,1]", V, "0.3761", style="v43-attention-Wv-11")
C(A, "W_q[1,0]", V, "-0.03277", style="v43-attention-Wq-10")
C(CH, "w", V, "∂L/∂w = 40", style="v43-chain-w-labelled")
C(MW, "W2", L, r"\delta = \frac{1}{m}\big((1 - Y) \odot A_2 - w\, Y \odot (1 - A_2)\big), \quad \frac{\partial L}{\partial W_2} = A_1^{\top}\delta", oracle=WW2, style="mlpw-pos-weight-delta")
C(MW, "W2", L, r"\delta = \frac{1}{m}(A_2 - Y), \quad \frac{\partial L}{\partial W_2} = A_1^{\top}\delta", "*", oracle=W2R, style="mlpw-unweighted-delta", note="the pos_weight w = 3 forgotten")
C(MW, "W1", N, "δ₂ = ((1 − Y)⊙A₂ − w·Y⊙(1 − A₂))/m\nδ₁ = (δ₂W₂ᵀ) ⊙ 𝟙(Z₁ > 0)\n∂L/∂W₁ = Xᵀδ₁", oracle=WW1, style="mlpw-unicode-W1")
C(MW, "W1", N, "δ₂ = ((1 − Y)⊙A₂ − w·Y⊙(1 − A₂))/m\nδ₁ = δ₂W₂ᵀ\n∂L/∂W₁ = Xᵀδ₁", "missing-activation-derivative", oracle=f"X.T @ ({WDZ2} @ W2.T)", style="mlpw-unicode-W1-no-mask")
# answer keys of three new variants (mlp-bce v4/7, neuron v2/5, chain v3/9)
C(M, "W2[0,0]", V, "0.05864", opts=KM, style="key43-mlp-W2-00")
C(M, "W2[1,0]", V, "-0.06225", opts=KM, style="key43-mlp-W2-10")
C(M, "W2[1,0]", V, "0.06225", "sign", opts=KM, style="key43-mlp-W2-10-sign")
C(M, "b2[0,0]", V, "-0.1646", opts=KM, style="key43-mlp-b2")
C(M, "W1[1,1]", V, "0.2334", opts=KM, style="key43-mlp-W1-11")
C(M, "W1[1,1]", V, "0.1539", "wrong-entry", opts=KM, style="key43-mlp-W1-11-other-entry", note="0.1539 is W1[0,0]")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", oracle=W2R, opts=KM, style="key43-mlp-W2-formula")
C(E, "w[0,0]", V, "0.02191", opts=KE, style="key43-neuron-w0")
C(E, "w[0,2]", V, "0.03652", opts=KE, style="key43-neuron-w2")
C(E, "w[0,2]", V, "-0.03652", "sign", opts=KE, style="key43-neuron-w2-sign")
C(E, "w", L, r"\nabla_w L = (O - t)\,O(1 - O)\,x", oracle=EW, opts=KE, style="key43-neuron-formula")
C(CH, "w", V, "4", opts=KC, style="key43-chain-w")
C(CH, "b", V, "2", opts=KC, style="key43-chain-b")
C(CH, "b", V, "4", "*", opts=KC, style="key43-chain-b-is-w", note="4 is ∂L/∂w of this variant")
C(CH, "w", V, "答案：∂L/∂w = 4", lang=Z, opts=KC, style="zh-key43-chain-w")

# ================================================================ round-42 leftovers: Σ over the class index, \text words
C(S, "Z", L, r"\frac{\partial L}{\partial Z_{ij}} = \frac{1}{m}\Big(P_{ij} - Y_{ij}\Big), \quad \text{and } \sum_j P_{ij} = 1", oracle="(P - Y) / m", style="class-index-sum-j-remark")
C(S, "W", L, r"\nabla_W L = \frac{1}{m} X^{\top}\Big(P - Y \sum_k P_k\Big)", oracle=SW, style="class-index-sum-k-row-of-ones", note="Σ_k P_k is 1 in every row (k the class index of a matrix P): P − Y·1")
C(S, "W", L, r"\nabla_W L = \frac{1}{m} X^{\top}\Big(P \sum_k Y_k - Y\Big)", oracle=SW, style="class-index-sum-k-Y-one-hot", note="Σ_k Y_k = 1 for one-hot rows: P·1 − Y")
C(S, "W", L, r"\nabla_W L = \frac{1}{m} X^{\top}\Big(P \sum_i Y_i - Y\Big)", "*", oracle="X.T @ (P * np.sum(Y, axis=0, keepdims=True) - Y) / 2", style="class-index-sum-i-over-rows-wrong", note="Σ_i over the batch index of Y is a column count, not 1 — PyTorch confirms it is not the gradient")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \text{column sums of } \frac{2}{mn}(Y - T) \odot \hat{Z}", REFUSE, style="text-words-column-sums-of")
C(M, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{m}(A_2 - Y) \text{ summed over the batch}", REFUSE, style="text-words-summed-over-batch", note="the sum said in words, not written: refused, never graded as the unsummed formula")
C(M, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{m}\sum_{i}(A_2 - Y)_i \quad \text{(sum over the batch)}", oracle=B2R, style="text-remark-after-written-sum")

# ================================================================ course networks ---- MindSpore two-layer (hn42_mindspore_ops_mlp_cn)
C(MS, "W2", L, r"\delta_2 = \frac{1}{N}(p - y), \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\delta_2", oracle=MS_W2, style="ms-delta2-W2")
C(MS, "W2", L, r"\frac{\partial L}{\partial W_2} = h_1^{\top}(p - y)", "scale-factor", oracle="h1.T @ (p - y)", style="ms-W2-no-mean")
C(MS, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N} h_1^{\top}\big((p - y) \odot p \odot (1 - p)\big)", "*", oracle="h1.T @ ((p - y) * p * (1 - p)) / N", style="ms-W2-extra-sigmoid-slope")
C(MS, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{i=1}^{N}(p_i - y_i)", oracle=MS_B2, style="ms-b2-sum-i")
C(MS, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}(p - y)", "bias-not-summed", oracle=MS_D, style="ms-b2-not-summed")
C(MS, "W1", L, r"\delta_1 = \big(\delta_2 W_2^{\top}\big) \odot \mathbb{1}[h_1 > 0], \quad \delta_2 = \frac{1}{N}(p - y), \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta_1", oracle=MS_W1, style="ms-W1-mask-on-h1")
C(MS, "W1", L, r"\delta_1 = \big(\delta_2 W_2^{\top}\big) \odot h_1, \quad \delta_2 = \frac{1}{N}(p - y), \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta_1", "wrong-activation-derivative", oracle=f"x.T @ ({MS_D} @ W2.T * h1)", style="ms-W1-h1-for-mask")
C(MS, "W1", L, r"\delta_1 = \delta_2 W_2^{\top}, \quad \delta_2 = \frac{1}{N}(p - y), \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta_1", "missing-activation-derivative", oracle=f"x.T @ ({MS_D} @ W2.T)", style="ms-W1-no-mask")
C(MS, "b1", L, r"\frac{\partial L}{\partial b_1} = \mathbf{1}^{\top}\Big[\tfrac{1}{N}\big((p - y)W_2^{\top}\big) \odot \mathbb{1}[h_1 > 0]\Big]", oracle=MS_B1, style="ms-b1-ones-row")
C(MS, "W2", N, "δ₂ = (p − y)/N\n∂L/∂W2 = h1ᵀ·δ₂", oracle=MS_W2, lang=Z, style="zh-ms-unicode-W2")
C(MS, "W1", N, "反向传播（MindSpore 记号）：\nδ₂ = (p − y)/N\nδ₁ = (δ₂·W2ᵀ) ⊙ 𝟙(h1 > 0)\n∂L/∂W1 = xᵀ·δ₁", oracle=MS_W1, lang=Z, style="zh-ms-unicode-W1-heading")
C(MS, "W1", N, "反向传播：\nδ₂ = (p − y)/N\nδ₁ = (δ₂·W2ᵀ) ⊙ 𝟙(h1 > 0)\n∂L/∂W1 = δ₁ᵀ·x", "*", lang=Z, style="zh-ms-unicode-W1-transposed-result", note="δ₁ᵀx is h × d, W1 is d × h: the transpose of the gradient")
C(MS, "b1", N, "∂L/∂b1 = Σᵢ [(p − y)/N · W2ᵀ ⊙ 𝟙(h1 > 0)]ᵢ（按样本求和）", oracle=MS_B1, lang=Z, style="zh-ms-b1-sum-i-remark")
C(MS, "b2", N, "∂L/∂b2 = mean(p − y)", oracle=MS_B2, style="ms-b2-mean-text")
C(MS, "b2", N, "∂L/∂b2 = sum(p − y)", "scale-factor", oracle="np.sum(p - y, axis=0)", style="ms-b2-sum-no-N")
C(MS, "W2", L, r"\nabla_{W_2}\mathcal{L} = \frac{1}{N}\sum_{i=1}^{N} h_{1,i}^{\top}(p_i - y_i)", oracle=MS_W2, style="ms-W2-per-example-sum")

# ---- WGAN critic with LeakyReLU(0.2) (hn42_wgan_critic_leaky_relu)
C(WG, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{N}\Big(\phi(\mathrm{fake}\,W_1 + b_1)^{\top}\mathbf{1} - \phi(\mathrm{real}\,W_1 + b_1)^{\top}\mathbf{1}\Big), \quad \phi(z) = \max(z, 0.2 z)", oracle=WG_W2, style="wgan-w2-phi-max")
C(WG, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{N}\Big(\phi(\mathrm{real}\,W_1 + b_1)^{\top}\mathbf{1} - \phi(\mathrm{fake}\,W_1 + b_1)^{\top}\mathbf{1}\Big), \quad \phi(z) = \max(z, 0.2 z)", "sign", oracle=f"-({WG_W2})", style="wgan-w2-real-minus-fake")
C(WG, "w2", L, r"\frac{\partial L}{\partial w_2} = \phi(\mathrm{fake}\,W_1 + b_1)^{\top}\mathbf{1} - \phi(\mathrm{real}\,W_1 + b_1)^{\top}\mathbf{1}, \quad \phi(z) = \max(z, 0.2 z)", "scale-factor", oracle=f"({WG_W2}) * N", style="wgan-w2-no-mean")
C(WG, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{1}{N}\Big(\mathrm{fake}^{\top}\big(\phi'(Z_f) \odot \mathbf{1}w_2^{\top}\big) - \mathrm{real}^{\top}\big(\phi'(Z_r) \odot \mathbf{1}w_2^{\top}\big)\Big), \quad Z_f = \mathrm{fake}\,W_1 + b_1, \quad Z_r = \mathrm{real}\,W_1 + b_1, \quad \phi'(z) = \begin{cases} 1 & z > 0 \\ 0.2 & z \le 0 \end{cases}", oracle=WG_W1, style="wgan-W1-cases-slope")
C(WG, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{1}{N}\Big(\mathrm{fake}^{\top}\big(\mathbb{1}[Z_f > 0] \odot \mathbf{1}w_2^{\top}\big) - \mathrm{real}^{\top}\big(\mathbb{1}[Z_r > 0] \odot \mathbf{1}w_2^{\top}\big)\Big), \quad Z_f = \mathrm{fake}\,W_1 + b_1, \quad Z_r = \mathrm{real}\,W_1 + b_1", "wrong-activation-derivative", oracle=f"(fake.T @ (({WG_ZF} > 0) * w2.T) - real.T @ (({WG_ZR} > 0) * w2.T)) / N", style="wgan-W1-relu-mask-for-leaky")
C(WG, "b1", L, r"\frac{\partial L}{\partial b_1} = \frac{1}{N}\sum_{i=1}^{N}\Big(\phi'(Z_{f,i}) - \phi'(Z_{r,i})\Big) \odot w_2^{\top}, \quad Z_f = \mathrm{fake}\,W_1 + b_1, \quad Z_r = \mathrm{real}\,W_1 + b_1, \quad \phi'(z) = \begin{cases} 1 & z > 0 \\ 0.2 & \text{otherwise} \end{cases}", oracle=WG_B1, style="wgan-b1-sum-i-cases")
C(WG, "f_fake", L, r"\frac{\partial L}{\partial f_{\mathrm{fake}}} = \frac{1}{N}\mathbf{1}", oracle="np.ones((N, 1)) / N", style="wgan-df-fake-ones")
C(WG, "f_real", L, r"\frac{\partial L}{\partial f_{\mathrm{real}}} = -\frac{1}{N}\mathbf{1}", oracle="-np.ones((N, 1)) / N", style="wgan-df-real-minus-ones")
C(WG, "f_real", L, r"\frac{\partial L}{\partial f_{\mathrm{real}}} = \frac{1}{N}\mathbf{1}", "sign", oracle="np.ones((N, 1)) / N", style="wgan-df-real-sign")
C(WG, "w2", N, "∂L/∂w₂ = mean over rows of LeakyReLU(fake·W₁ + b₁) − mean over rows of LeakyReLU(real·W₁ + b₁)", REFUSE, style="wgan-w2-words-mean-over-rows", note="the reduction said in words, and the result a row where w₂ is a column")
C(WG, "w2", N, "∂L/∂w2 = (LeakyReLU(fake W1 + b1, 0.2)ᵀ·𝟏 − LeakyReLU(real W1 + b1, 0.2)ᵀ·𝟏)/N", oracle=WG_W2, style="wgan-w2-unicode-leakyrelu-call")
C(WG, "b1", N, "WGAN 判别器：∂L/∂b1 = (1/N)·Σᵢ[φ′(fake W1 + b1) − φ′(real W1 + b1)]ᵢ ⊙ w2ᵀ，φ′(z) = 1 (z > 0)，0.2 (z ≤ 0)", oracle=WG_B1, lang=Z, style="zh-wgan-b1-phi-prime-cases-text")

# ---- Keras CCE with label smoothing 0.1 (hn42_keras_cce_label_smoothing_tf)
C(LS, "W2", L, r"\tilde{y} = (1 - \varepsilon)\, y_{\mathrm{true}} + \frac{\varepsilon}{C}, \quad \varepsilon = 0.1, \quad \frac{\partial L}{\partial W_2} = \frac{1}{N}\mathrm{hid}^{\top}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - \tilde{y}\big)", oracle=LS_W2, style="ls-tilde-y-epsilon")
C(LS, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\mathrm{hid}^{\top}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - y_{\mathrm{true}}\big)", "*", oracle=f"hid.T @ ({LS_P} - y_true) / N", style="ls-smoothing-forgotten", note="the unsmoothed targets")
C(LS, "W2", L, r"\tilde{y} = 0.9\, y_{\mathrm{true}} + \frac{0.1}{3}, \quad \frac{\partial L}{\partial W_2} = \frac{1}{N}\mathrm{hid}^{\top}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - \tilde{y}\big)", "*", style="ls-numbers-C-3", note="relabelled after the first pass (was right): 0.1/3 writes the size C as its number — right only at this network's sizes, wrong by the checker's standing rule (note.literal_wrote); no oracle (at the example's sizes it equals the gradient)")
C(LS, "W2", L, r"\tilde{y} = 0.9\, y_{\mathrm{true}} + 0.1, \quad \frac{\partial L}{\partial W_2} = \frac{1}{N}\mathrm{hid}^{\top}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - \tilde{y}\big)", "*", oracle=f"hid.T @ ({LS_P} - 0.9 * y_true - 0.1) / N", style="ls-epsilon-not-over-C")
C(LS, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\mathbf{1}^{\top}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - 0.9\,y_{\mathrm{true}} - \tfrac{0.1}{C}\big)", oracle=LS_B2, style="ls-b2-ones")
C(LS, "b2", L, r"\frac{\partial L}{\partial b_2} = \mathbf{1}^{\top}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - 0.9\,y_{\mathrm{true}} - \tfrac{0.1}{C}\big)", "scale-factor", oracle=f"np.sum({LS_P} - {LS_YS}, axis=0)", style="ls-b2-no-mean")
C(LS, "W1", L, r"\delta = \frac{1}{N}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - \tilde{y}\big), \quad \tilde{y} = 0.9\,y_{\mathrm{true}} + \tfrac{0.1}{C}, \quad \frac{\partial L}{\partial W_1} = x^{\top}\Big[(\delta W_2^{\top}) \odot \mathbb{1}[\mathrm{hid} > 0]\Big]", oracle=LS_W1, style="ls-W1-delta-mask")
C(LS, "W1", L, r"\delta = \frac{1}{N}\big(\operatorname{softmax}(y_{\mathrm{pred}}) - \tilde{y}\big), \quad \tilde{y} = 0.9\,y_{\mathrm{true}} + \tfrac{0.1}{C}, \quad \frac{\partial L}{\partial W_1} = x^{\top}(\delta W_2^{\top})", "missing-activation-derivative", oracle=f"x.T @ ({LS_D} @ W2.T)", style="ls-W1-no-mask")
C(LS, "y_pred", L, r"\frac{\partial L}{\partial y_{\mathrm{pred}}} = \frac{1}{N}\Big(\operatorname{softmax}(y_{\mathrm{pred}}) - 0.9\,y_{\mathrm{true}} - \frac{0.1}{3}\Big)", "*", style="ls-dlogits", note="relabelled after the first pass (was right): 3 for the size C (note.literal_wrote); no oracle at the example's sizes")
C(LS, "W2", N, "标签平滑：ỹ = 0.9·y_true + 0.1/C\n∂L/∂W2 = hidᵀ(softmax(y_pred) − ỹ)/N", oracle=LS_W2, lang=Z, style="zh-ls-unicode-tilde")
C(LS, "W2", N, "标签平滑：ỹ = 0.9·y_true + 0.1/C\n∂L/∂W2 = hidᵀ(softmax(y_pred) − ỹ)", "scale-factor", oracle=f"hid.T @ ({LS_P} - {LS_YS})", lang=Z, style="zh-ls-unicode-no-mean")
C(LS, "b2", N, "∂L/∂b2 = Σ_rows (softmax(y_pred) − 0.9·y_true − 0.1/C) / N", oracle=LS_B2, style="ls-b2-sigma-rows-text")

# ---- matrix factorisation with einsum rowdot and L2 (hn42_mf_einsum_rowdot_l2)
C(MF, "bu", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial b_u} = U^{\top}e + 2\lambda\, b_u, \quad \lambda = \mathrm{lam}", oracle=MF_BU, style="mf-bu-U-transpose-e")
C(MF, "bu", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial b_u} = U^{\top}e", "*", oracle=f"U.T @ {MF_E}", style="mf-bu-no-regulariser")
C(MF, "bu", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial b_u} = U^{\top}e + \lambda\, b_u, \quad \lambda = \mathrm{lam}", "*", oracle=f"U.T @ {MF_E} + lam * bu", style="mf-bu-half-regulariser")
C(MF, "bi", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial b_i} = I^{\top}e + 2\,\mathrm{lam}\, b_i", oracle=MF_BI, style="mf-bi-lam-mathrm")
C(MF, "P", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial P} = U^{\top}\big(e \odot q_i\big) + 2\lambda P, \quad \lambda = \mathrm{lam}", oracle=MF_P, style="mf-P-e-odot-qi-vector-matrix", note="relabelled after the first pass (was REFUSE): e (N) ⊙ q_i (N × k) scaling q_i's rows is right, as corpus 42t's c42t-210 labels the same notation")
C(MF, "P", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial P} = U^{\top}\operatorname{diag}(e)\, q_i + 2\lambda P, \quad \lambda = \mathrm{lam}", oracle=MF_P, style="mf-P-diag-e")
C(MF, "P", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial P} = U^{\top}\operatorname{diag}(e)\, p_u + 2\lambda P, \quad \lambda = \mathrm{lam}", "*", oracle=f"U.T @ ({MF_E}[:, None] * pu) + 2 * lam * P", style="mf-P-diag-e-pu-for-qi")
C(MF, "Q", L, r"e = \frac{2}{N}(\mathrm{pred} - r), \quad \frac{\partial L}{\partial Q} = I^{\top}\operatorname{diag}(e)\, p_u + 2\lambda Q, \quad \lambda = \mathrm{lam}", oracle=MF_Q, style="mf-Q-diag-e")
C(MF, "pred", L, r"\frac{\partial L}{\partial \hat r} = \frac{2}{N}(\hat r - r), \quad \hat r = \mathrm{pred}", oracle="2 * (pred - r) / N", style="mf-dpred-rhat-alias")
C(MF, "pred", L, r"\frac{\partial L}{\partial \mathrm{pred}} = \frac{1}{N}(\mathrm{pred} - r)", "scale-factor", oracle="(pred - r) / N", style="mf-dpred-no-2")
C(MF, "bu", N, "Koren：e_ui = r_ui − r̂_ui，b_u ← b_u + γ(e_ui − λ b_u)", REFUSE, lang=Z, style="zh-mf-koren-sgd-update", note="an SGD update, with γ and the per-rating e_ui: not a gradient")
C(MF, "bu", N, "∂L/∂bu = Uᵀ·(2/N)(pred − r) + 2·lam·bu", oracle=MF_BU, style="mf-bu-unicode")
C(MF, "bi", N, "∂L/∂bi = Iᵀ·(2/N)(pred − r) + 2·lam·bi（每个物品的误差之和加正则项）", oracle=MF_BI, lang=Z, style="zh-mf-bi-remark")

# ---- skip-gram with negative sampling (hn42_sgns_logsigmoid_word2vec_cn)
C(SG, "W_in", L, r"g_o = \frac{1}{N}\big(\sigma(s_o) - 1\big), \quad g_k = \frac{1}{N}\sigma(s_k), \quad s_o = \mathrm{rowsum}(v_c \odot O W_{\mathrm{out}}), \quad \frac{\partial L}{\partial W_{\mathrm{in}}} = C^{\top}\big(\operatorname{diag}(g_o) O W_{\mathrm{out}} + \ldots\big)", REFUSE, style="sgns-W-in-ellipsis", note="'+ …' leaves the negative samples' terms unsaid")
C(SG, "vc", L, r"\frac{\partial L}{\partial v_c} = \frac{1}{N}\Big(\operatorname{diag}\big(\sigma(s_o) - 1\big)\, O W_{\mathrm{out}} + \operatorname{diag}\big(\sigma(s_1)\big)\, K_1 W_{\mathrm{out}} + \operatorname{diag}\big(\sigma(s_2)\big)\, K_2 W_{\mathrm{out}}\Big), \quad s_o = \big(v_c \odot O W_{\mathrm{out}}\big)\mathbf{1}, \quad s_1 = \big(v_c \odot K_1 W_{\mathrm{out}}\big)\mathbf{1}, \quad s_2 = \big(v_c \odot K_2 W_{\mathrm{out}}\big)\mathbf{1}", oracle=f"({SG_GO}[:, None] * (O @ W_out) + {SG_G1}[:, None] * (K1 @ W_out) + {SG_G2}[:, None] * (K2 @ W_out))", lang=Z, style="zh-sgns-dvc-diag-three-terms")
C(SG, "vc", L, r"\frac{\partial L}{\partial v_c} = \frac{1}{N}\Big(\operatorname{diag}\big(\sigma(s_o)\big)\, O W_{\mathrm{out}} + \operatorname{diag}\big(\sigma(s_1)\big)\, K_1 W_{\mathrm{out}} + \operatorname{diag}\big(\sigma(s_2)\big)\, K_2 W_{\mathrm{out}}\Big), \quad s_o = \big(v_c \odot O W_{\mathrm{out}}\big)\mathbf{1}, \quad s_1 = \big(v_c \odot K_1 W_{\mathrm{out}}\big)\mathbf{1}, \quad s_2 = \big(v_c \odot K_2 W_{\mathrm{out}}\big)\mathbf{1}", "*", oracle=f"(sigmoid({SG_SO})[:, None] * (O @ W_out) + {SG_G1}[:, None] * N * (K1 @ W_out) + {SG_G2}[:, None] * N * (K2 @ W_out)) / N", lang=Z, style="zh-sgns-dvc-positive-without-minus-one")
C(SG, "W_out", N, "∂J/∂u_o = (σ(u_oᵀv_c) − 1)·v_c，∂J/∂u_k = σ(u_kᵀv_c)·v_c", REFUSE, lang=Z, style="zh-sgns-cs-notes-per-word", note="per-word vectors u_o, u_k, v_c: none of the network's names, and no batch mean")
C(SG, "W_in", N, "∂L/∂W_in = Cᵀ·[diag(σ(s_o) − 1)·O·W_out + diag(σ(s₁))·K1·W_out + diag(σ(s₂))·K2·W_out]/N，s_o = rowsum(vc ⊙ O·W_out)，s₁ = rowsum(vc ⊙ K1·W_out)，s₂ = rowsum(vc ⊙ K2·W_out)", oracle=SG_IN, lang=Z, style="zh-sgns-W-in-rowsum-unicode")
C(SG, "pos", L, r"\frac{\partial L}{\partial \mathrm{pos}} = -\frac{1}{N}\mathbf{1}", oracle="-np.ones(N) / N", style="sgns-dpos-minus-ones")
C(SG, "pos", L, r"\frac{\partial L}{\partial \mathrm{pos}} = -\mathbf{1}", "scale-factor", oracle="-np.ones(N)", style="sgns-dpos-no-mean")
C(SG, "neg", N, "∂L/∂neg = −𝟏/N", oracle="-np.ones(N) / N", style="sgns-dneg-unicode-ones")
C(SG, "vc", N, "∂L/∂vc = [diag(σ(s_o) − 1)·(O @ W_out) + diag(σ(s₁))·(K1 @ W_out) + diag(σ(s₂))·(K2 @ W_out)]/N，其中 s_o = rowsum(vc ⊙ (O @ W_out))，s₁ = rowsum(vc ⊙ (K1 @ W_out))，s₂ = rowsum(vc ⊙ (K2 @ W_out))", oracle=f"({SG_GO}[:, None] * (O @ W_out) + {SG_G1}[:, None] * (K1 @ W_out) + {SG_G2}[:, None] * (K2 @ W_out))", lang=Z, style="zh-sgns-dvc-unicode-rowsum")


# ---- more course-network answers in slide, exam and notes form
C(MS, "W2", N, "期中参考答案（MindSpore 两层网络）：∂L/∂W2 = (1/N)·h1ᵀ(p − y)", oracle=MS_W2, lang=Z, style="zh-ms-qizhong-W2")
C(MS, "W2", N, "期中参考答案：∂L/∂W2 = (1/N)·h1ᵀ(y − p)", "sign", oracle=f"-({MS_W2})", lang=Z, style="zh-ms-qizhong-W2-sign")
C(MS, "b1", L, r"\frac{\partial L}{\partial b_1} = \frac{1}{N}\big((p - y)W_2^{\top}\big) \odot \mathbb{1}[h_1 > 0]", "bias-not-summed", oracle=MS_DH, style="ms-b1-not-summed")
C(MS, "W1", L, r"$$\begin{aligned} \delta_2 &= \tfrac{1}{N}(p - y) \\ \delta_1 &= (\delta_2 W_2^{\top}) \odot \mathbb{1}[h_1 > 0] \\ \nabla_{W_1} L &= x^{\top}\delta_1 \end{aligned}$$", oracle=MS_W1, style="ms-W1-aligned-md")
C(MS, "W1", N, "dZ2 = (p − y)/N\ndH = dZ2 · W2.T\ndH[h1 == 0] = 0\ndW1 = x.T · dH", oracle=MS_W1, style="ms-karpathy-mask-h1-zero")
C(WG, "w2", L, r"\nabla_{w_2} L = \frac{1}{N}\Big(\operatorname{LeakyReLU}_{0.2}(\mathrm{fake}\,W_1 + b_1) - \operatorname{LeakyReLU}_{0.2}(\mathrm{real}\,W_1 + b_1)\Big)^{\top}\mathbf{1}", oracle=WG_W2, style="wgan-w2-leakyrelu-subscript-slope")
C(WG, "W1", N, "δ_f = φ′(fake·W1 + b1) ⊙ 𝟏w2ᵀ/N，δ_r = φ′(real·W1 + b1) ⊙ 𝟏w2ᵀ/N，φ′(z) = 1 (z > 0)，0.2 (z ≤ 0)\n∂L/∂W1 = fakeᵀδ_f − realᵀδ_r", oracle=WG_W1, lang=Z, style="zh-wgan-W1-two-deltas-text")
C(WG, "W1", N, "δ_f = φ′(fake·W1 + b1) ⊙ 𝟏w2ᵀ/N，δ_r = φ′(real·W1 + b1) ⊙ 𝟏w2ᵀ/N，φ′(z) = 1 (z > 0)，0.2 (z ≤ 0)\n∂L/∂W1 = fakeᵀδ_f + realᵀδ_r", "*", oracle=f"(fake.T @ ({WG_SF} * w2.T) + real.T @ ({WG_SR} * w2.T)) / N", lang=Z, style="zh-wgan-W1-plus-real")
C(WG, "f_fake", N, "∂L/∂f_fake = 𝟏/N (each fake score enters the mean once)", oracle="np.ones((N, 1)) / N", style="wgan-df-fake-unicode-remark")
C(LS, "y_pred", N, "∂L/∂y_pred = (softmax(y_pred) − (1 − 0.1)·y_true − 0.1/C)/N", oracle=LS_D, style="ls-dlogits-unicode-1-minus-eps")
C(LS, "y_pred", N, "∂L/∂y_pred = (softmax(y_pred) − y_true)/N", "*", oracle=f"({LS_P} - y_true) / N", style="ls-dlogits-no-smoothing")
C(LS, "W1", N, "δ₂ = (softmax(y_pred) − ỹ)/N，ỹ = 0.9·y_true + 0.1/C\nδ₁ = (δ₂·W2ᵀ) ⊙ 𝟙(hid > 0)\n∂L/∂W1 = xᵀ·δ₁", oracle=LS_W1, lang=Z, style="zh-ls-W1-unicode")
C(LS, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{n=1}^{N}\Big(\operatorname{softmax}(y_{\mathrm{pred}})_n - \tilde{y}_n\Big), \quad \tilde{y} = 0.9\,y_{\mathrm{true}} + \tfrac{0.1}{C}", oracle=LS_B2, style="ls-b2-sum-n-tilde")
C(MF, "Q", N, "e = 2(pred − r)/N\n∂L/∂Q = Iᵀ·diag(e)·pu + 2·lam·Q", oracle=MF_Q, style="mf-Q-unicode-diag")
C(MF, "Q", N, "e = 2(pred − r)/N\n∂L/∂Q = Iᵀ·diag(e)·pu", "*", oracle=f"I.T @ ({MF_E}[:, None] * pu)", style="mf-Q-unicode-no-l2")
C(MF, "bi", L, r"\frac{\partial L}{\partial b_i} = \frac{2}{N} I^{\top}(\mathrm{pred} - r) + 2\,\mathrm{lam}\, b_i", oracle=MF_BI, style="mf-bi-inline-2-over-N")
C(MF, "bi", L, r"\frac{\partial L}{\partial b_i} = \frac{2}{N} I^{\top}(r - \mathrm{pred}) + 2\,\mathrm{lam}\, b_i", "*", oracle="I.T @ (2 * (r - pred) / N) + 2 * lam * bi", style="mf-bi-residual-sign")
C(SG, "pos", N, "∂L/∂pos = −(1/N)·𝟏（每个正样本项在均值中出现一次）", oracle="-np.ones(N) / N", lang=Z, style="zh-sgns-dpos-remark")
C(SG, "neg", L, r"\frac{\partial L}{\partial \mathrm{neg}} = \frac{1}{N}\mathbf{1}", "sign", oracle="np.ones(N) / N", style="sgns-dneg-sign")
C(SG, "W_out", L, r"\frac{\partial L}{\partial W_{\mathrm{out}}} = O^{\top}\operatorname{diag}(g_o)\, v_c + K_1^{\top}\operatorname{diag}(g_1)\, v_c + K_2^{\top}\operatorname{diag}(g_2)\, v_c, \quad g_o = \tfrac{1}{N}\big(\sigma(s_o) - 1\big), \quad g_1 = \tfrac{1}{N}\sigma(s_1), \quad g_2 = \tfrac{1}{N}\sigma(s_2), \quad s_o = (v_c \odot O W_{\mathrm{out}})\mathbf{1}, \quad s_1 = (v_c \odot K_1 W_{\mathrm{out}})\mathbf{1}, \quad s_2 = (v_c \odot K_2 W_{\mathrm{out}})\mathbf{1}", oracle=SG_OUT, style="sgns-W-out-three-diag-terms")
C(SG, "W_out", L, r"\frac{\partial L}{\partial W_{\mathrm{out}}} = O^{\top}\operatorname{diag}(g_o)\, v_c, \quad g_o = \tfrac{1}{N}\big(\sigma(s_o) - 1\big), \quad s_o = (v_c \odot O W_{\mathrm{out}})\mathbf{1}", "*", oracle=f"O.T @ ({SG_GO}[:, None] * vc)", style="sgns-W-out-positive-only", note="the negative samples' terms left out")

def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c43t-000, … as written; cases repeating corpora 2-42t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus43t", "c43t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
