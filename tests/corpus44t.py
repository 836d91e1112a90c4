"""The held-out-style corpus of issue 11, forty-fourth round, text side (``c44t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — Mitchell's *Machine Learning*
ch. 4 (``\\delta_k = o_k(1 - o_k)(t_k - o_k)``, ``\\Delta w_{ji} = \\eta \\delta_j x_{ji}``: the negative gradient),
Haykin's local gradient (``\\delta_j(n) = e_j(n)\\varphi_j'(v_j(n))``, ``e = d - y``), Rojas ch. 7's matrix form
with ``D`` matrices (``\\operatorname{diag}``), Aggarwal's ``\\Phi'`` and ``\\frac{\\partial L}{\\partial o}``, Stanford CS230
cheat-sheet answers, MIT 6.036's ``\\frac{\\partial \\text{loss}}{\\partial W}`` (column convention transcribed, and
not), 李宏毅's forward pass / backward pass words, 吴恩达 deeplearning.ai 中文笔记 (``dZ^{[l]} = dA^{[l]} *
g^{[l]\\prime}(Z^{[l]})``, ``np.sum(dZ, axis=1, keepdims=True)``) on a column-major course network, Overleaf
homework templates (``\\begin{align*}``, ``\\nabla_\\theta``, ``\\mathbb{1}[\\cdot]``, ``\\mathbf{1}^\\top``, ``\\circ`` for
``\\odot``), the trace trick (``d\\ell = \\operatorname{tr}(\\ldots)``), Unicode pasted from Word/PowerPoint (``∂ℒ/∂𝐖``,
``𝐗ᵀ``), answer keys of three new variants (tiny-mlp v3/4, relu-mlp v3/6, softmax-regression v2/9) and
hand numbers with rounded intermediates, on five course networks no corpus had used
(hn43_addmm_relu6_hardtanh_mv, hn43_ng_dropout_mask_l2_numpy_cn, hn43_paddle_cross_entropy_label_cn,
hn43_mindspore_ms_ops_hinge_cn, hn43_keras_squared_hinge_swish_tf); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex44"). Oracles: PyTorch
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
AD = str(COURSE / "hn43_addmm_relu6_hardtanh_mv.toml")
NG = str(COURSE / "hn43_ng_dropout_mask_l2_numpy_cn.toml")
PD = str(COURSE / "hn43_paddle_cross_entropy_label_cn.toml")
HG = str(COURSE / "hn43_mindspore_ms_ops_hinge_cn.toml")
KS = str(COURSE / "hn43_keras_squared_hinge_swish_tf.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# tiny-mlp v3/4, relu-mlp v3/6, softmax-regression v2/9: gradients by PyTorch float64 at those variants' values
KT, KR, KS2 = K(T, 3, 4), K(R, 3, 6), K(S, 2, 9)

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

DZ2 = "((A2 - Y) / m)"
DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0) / m)"
TD1 = "((y_pred - y_target) * W2.T * h * (1 - h))"
WDZ2 = "(((1 - Y) * A2 - w * Y * (1 - A2)) / m)"
WW2 = f"A1.T @ {WDZ2}"
WB2 = f"np.sum({WDZ2}, axis=0, keepdims=True)"
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
ED = "((O - t) * O * (1 - O))"

# ---- course-network oracles (NumPy over the spec's own names, run in PyTorch by tests/spelled_oracle.py)
AD_E = "(2 * (out - y) / N)"
AD_W3 = f"h2.T @ {AD_E}"
AD_Z2 = "(h1 @ W2 + b2)"
AD_DZ2 = f"(np.outer({AD_E}, w3) * (np.abs({AD_Z2}) < 0.5))"
AD_W2 = f"h1.T @ {AD_DZ2}"
AD_B2 = f"np.sum({AD_DZ2}, axis=0)"
AD_Z1 = "(x @ W1 + b1)"
AD_DZ1 = f"({AD_DZ2} @ W2.T * (({AD_Z1} > 0) & ({AD_Z1} < 6)))"
AD_W1 = f"x.T @ {AD_DZ1}"
AD_B1 = f"np.sum({AD_DZ1}, axis=0)"
NG_DZ2 = "((A2 - Y) / m)"
NG_W2 = f"{NG_DZ2} @ A1_drop.T + lambd / m * W2"
NG_B2 = f"np.sum({NG_DZ2}, axis=1, keepdims=True)"
NG_DZ1 = f"(W2.T @ {NG_DZ2} * D1 / keep_prob * (A1 > 0))"
NG_W1 = f"{NG_DZ1} @ X.T + lambd / m * W1"
NG_B1 = f"np.sum({NG_DZ1}, axis=1, keepdims=True)"
PD_P = "(np.exp(logits) / np.sum(np.exp(logits), axis=1, keepdims=True))"
PD_Y = "np.eye(C)[np.asarray(label[:, 0]).astype(int)]"
PD_D = f"(({PD_P} - {PD_Y}) / N)"
PD_W2 = f"hidden.T @ {PD_D}"
PD_B2 = f"np.sum({PD_D}, axis=0)"
PD_DH = f"({PD_D} @ W2.T * (hidden > 0))"
PD_W1 = f"x.T @ {PD_DH}"
PD_B1 = f"np.sum({PD_DH}, axis=0)"
HG_DF = "(-y * (1 - y * f > 0) / N)"
HG_W2 = f"h1.T @ {HG_DF} + 0.002 * W2"
HG_B2 = f"np.sum({HG_DF}, axis=0)"
HG_DH = f"({HG_DF} @ W2.T * (h1 > 0))"
HG_W1 = f"x.T @ {HG_DH}"
HG_B1 = f"np.sum({HG_DH}, axis=0)"
KS_D = "(-2 * y_true * np.maximum(1 - y_true * y_pred, 0) / N)"
KS_W2 = f"hid.T @ {KS_D}"
KS_B2 = f"np.sum({KS_D}, axis=0)"
KS_Z = "(x @ W1 + b1)"
KS_S = f"sigmoid({KS_Z})"
KS_SW = f"({KS_S} * (1 + {KS_Z} * (1 - {KS_S})))"
KS_DZ = f"({KS_D} @ W2.T * {KS_SW})"
KS_W1 = f"x.T @ {KS_DZ}"
KS_B1 = f"np.sum({KS_DZ}, axis=0)"

# ================================================================ Mitchell, Machine Learning ch. 4 (Table 4.2: δ is the NEGATIVE gradient)
C(E, "w", L, r"\delta = o(1 - o)(t - o), \quad o = O, \quad \frac{\partial E}{\partial w} = -\delta\, x", oracle=EW, style="mitchell-4-2-delta-o-neuron")
C(E, "w", L, r"\delta = o(1 - o)(t - o), \quad o = O, \quad \frac{\partial E}{\partial w} = \delta\, x", "sign", oracle=f"-{EW}", style="mitchell-delta-is-negative-gradient-sign", note="Mitchell's δ_k = o_k(1 − o_k)(t_k − o_k) is −∂E/∂net_k: ∂E/∂w = −δx")
C(E, "w", L, r"\Delta w = \eta\, \delta\, x, \quad \delta = O(1 - O)(t - O)", REFUSE, style="mitchell-update-rule-given", note="the update Δw = ηδx (η no name of the network) given for the gradient")
C(E, "w", L, r"\frac{\partial E_d}{\partial w} = -(t - O)\, O(1 - O)\, x", oracle=EW, style="mitchell-4-21-E-d")
C(E, "w", L, r"\frac{\partial E_d}{\partial w} = -(t - O)\, x", "missing-activation-derivative", oracle="(O - t) * x", style="mitchell-E-d-linear-unit-rule", note="Mitchell's delta rule (4.10) for a linear unit, given for a sigmoid unit")
C(E, "w", L, r"\frac{\partial E_d}{\partial w} = -(t - O)\, O(1 - O)", "*", oracle=ED, style="mitchell-E-d-no-input", note="the input x_ji left out: that is ∂E/∂z")
C(T, "W2", L, r"\delta_k = t_k - o_k \;(\text{linear output unit}), \quad o = y_{\mathrm{pred}}, \quad t = y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_2} = -h^{\top}\delta", oracle=TW2, style="mitchell-linear-output-remark-W2")
C(T, "W2", L, r"\delta = y_{\mathrm{pred}}(1 - y_{\mathrm{pred}})(y_{\mathrm{target}} - y_{\mathrm{pred}}), \quad \frac{\partial E}{\partial W_2} = -h^{\top}\delta", "*", oracle="h.T @ ((y_pred - y_target) * y_pred * (1 - y_pred))", style="mitchell-sigmoid-output-delta-on-linear-output", note="Table 4.2's sigmoid-output δ_k on tiny-mlp's linear output")
C(T, "W1", L, r"\delta_k = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad \delta_h = o_h(1 - o_h) \sum_k w_{kh}\delta_k, \quad o_h = h, \quad \frac{\partial E}{\partial W_1} = -X^{\top}\big(h \odot (1 - h) \odot (\delta_k W_2^{\top})\big)", oracle=TW1, style="mitchell-delta-h-sum-then-matrix")
C(T, "W1", L, r"\delta_k = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\big(h \odot (1 - h) \odot (\delta_k W_2^{\top})\big)", "sign", oracle=f"-({TW1})", style="mitchell-W1-sign-of-delta-kept")
C(M, "W2", L, r"\delta_o = \tfrac{1}{m}(Y - A_2), \quad \Delta W_2 = \eta\, A_1^{\top}\delta_o \;\Rightarrow\; \frac{\partial L}{\partial W_2} = -A_1^{\top}\delta_o", oracle=W2R, style="mitchell-update-then-gradient-implies")
C(M, "W2", N, "Mitchell-style: δ_o = (Y − A2)/m, and ∂L/∂W2 = −A1ᵀ δ_o", oracle=W2R, style="mitchell-text-delta-o")
C(M, "W2", N, "Mitchell-style: δ_o = (Y − A2)/m, and ∂L/∂W2 = A1ᵀ δ_o", "sign", oracle=f"-({W2R})", style="mitchell-text-delta-o-sign")

# ================================================================ Haykin: local gradient δ_j(n) = e_j(n) φ'_j(v_j(n))
C(E, "w", L, r"e = t - O, \quad \delta = e\, \varphi'(v), \quad \varphi'(v) = O(1 - O), \quad \frac{\partial \mathcal{E}}{\partial w} = -\delta\, x", oracle=EW, style="haykin-local-gradient-varphi-clause")
C(E, "w", L, r"e = t - O, \quad \delta = e\, \varphi'(v), \quad \varphi'(v) = O(1 - O), \quad \frac{\partial \mathcal{E}}{\partial w} = \delta\, x", "sign", oracle=f"-{EW}", style="haykin-local-gradient-sign")
C(E, "w", L, r"e = t - O, \quad \frac{\partial \mathcal{E}}{\partial w} = -e\, x", "missing-activation-derivative", oracle="(O - t) * x", style="haykin-no-phi-prime")
C(E, "w", L, r"e(n) = t - O, \quad \delta(n) = e(n)\, O(1 - O), \quad \frac{\partial \mathcal{E}(n)}{\partial w} = -\delta(n)\, x", oracle=EW, style="haykin-iteration-index-n")
C(E, "w", L, r"\frac{\partial \mathcal{E}}{\partial w} = -e\,\varphi'(z)\,x, \quad e = t - O, \quad \varphi(z) = \frac{1}{1 + e^{-z}}", oracle=EW, style="haykin-e-error-and-euler-e", note="e the error signal and e^{-z} Euler's number in one answer (Haykin writes both)")
C(M, "W1", L, r"\boldsymbol{\delta}_2 = \tfrac{1}{m}(A_2 - Y), \quad \boldsymbol{\delta}_1 = \varphi'(Z_1) \odot \big(\boldsymbol{\delta}_2 W_2^{\top}\big), \quad \varphi'(v) = \mathbb{1}[v > 0], \quad \frac{\partial \mathcal{E}}{\partial W_1} = X^{\top}\boldsymbol{\delta}_1", oracle=W1R, style="haykin-relu-varphi-indicator-W1")
C(M, "W1", L, r"\boldsymbol{\delta}_2 = \tfrac{1}{m}(A_2 - Y), \quad \boldsymbol{\delta}_1 = \varphi'(Z_1) \odot \big(\boldsymbol{\delta}_2 W_2^{\top}\big), \quad \varphi'(v) = v, \quad \frac{\partial \mathcal{E}}{\partial W_1} = X^{\top}\boldsymbol{\delta}_1", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * Z1 / m)", style="haykin-relu-prime-is-v")
C(T, "W1", N, "Haykin (4.24): δ_j = φ′(v_j)·Σ_k δ_k w_kj; here δ_out = y_pred − y_target, δ_hid = (δ_out·W2ᵀ) ⊙ h ⊙ (1 − h), ∂E/∂W1 = Xᵀ·δ_hid", oracle=TW1, style="haykin-text-4-24-hidden")
C(T, "W1", N, "Haykin (4.24): δ_out = y_pred − y_target, δ_hid = δ_out·W2ᵀ, ∂E/∂W1 = Xᵀ·δ_hid", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", style="haykin-text-no-phi-prime")

# ================================================================ Rojas, Neural Networks ch. 7: matrix form with D matrices
C(E, "w", L, r"D = \operatorname{diag}\big(O(1 - O)\big), \quad e = O - t, \quad \nabla_w E = (D\, e)\, x", oracle=EW, style="rojas-D-diag-neuron")
C(E, "w", L, r"D = \operatorname{diag}\big(O(1 - O)\big), \quad e = O - t, \quad \nabla_w E = e\, x", "missing-activation-derivative", oracle="(O - t) * x", style="rojas-D-dropped")
C(T, "W1", L, r"\boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \boldsymbol{\delta}^{(1)} = \big(\boldsymbol{\delta}^{(2)} W_2^{\top}\big) \circ h \circ (1 - h), \quad \nabla_{W_1} E = X^{\top}\boldsymbol{\delta}^{(1)}", oracle=TW1, style="rojas-circ-hadamard")
C(T, "W1", L, r"\boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \boldsymbol{\delta}^{(1)} = \big(\boldsymbol{\delta}^{(2)} W_2^{\top}\big) \circ h, \quad \nabla_{W_1} E = X^{\top}\boldsymbol{\delta}^{(1)}", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="rojas-circ-h-only")
C(M, "W1", L, r"\boldsymbol{\delta}^{(1)} = \big(\boldsymbol{\delta}^{(2)} W_2^{\top}\big) \circ \mathbb{1}[Z_1 > 0], \quad \boldsymbol{\delta}^{(2)} = \tfrac{1}{m}(A_2 - Y), \quad \nabla_{W_1} E = X^{\top}\boldsymbol{\delta}^{(1)}", oracle=W1R, style="rojas-circ-indicator-mlp")
C(M, "W2", L, r"\nabla_{W_2} E = \hat{o}^{(1)\top}\boldsymbol{\delta}^{(2)}, \quad \hat{o}^{(1)} = A_1, \quad \boldsymbol{\delta}^{(2)} = \tfrac{1}{m}(A_2 - Y)", oracle=W2R, style="rojas-o-hat-clause")
C(M, "W2", L, r"\nabla_{W_2} E = \boldsymbol{\delta}^{(2)}\hat{o}^{(1)\top}, \quad \hat{o}^{(1)} = A_1, \quad \boldsymbol{\delta}^{(2)} = \tfrac{1}{m}(A_2 - Y)", "*", style="rojas-column-outer-on-rowmajor", note="Rojas' column δ ôᵀ on mlp-bce's rows: (m × 1)(h × m) does not fit")
C(R, "w1", L, r"D_1 = \operatorname{diag}\big(\mathbb{1}[h > 0]\big), \quad \nabla_{w_1} E = x^{\top}\Big(\big(2(y_{\mathrm{pred}} - y)\, w_2^{\top}\big) \odot \mathbb{1}[h > 0]\Big)", oracle=RW1, style="rojas-D1-defined-unused-relu")

# ================================================================ Aggarwal, Neural Networks and Deep Learning (Φ', ∂L/∂o)
C(R, "w2", L, r"\frac{\partial L}{\partial o} = 2(o - y), \quad o = y_{\mathrm{pred}}, \quad \frac{\partial L}{\partial w_2} = h_{\mathrm{relu}}^{\top}\frac{\partial L}{\partial o}", oracle=RW2, style="aggarwal-dL-do-clause")
C(R, "w2", L, r"\frac{\partial L}{\partial o} = (o - y), \quad o = y_{\mathrm{pred}}, \quad \frac{\partial L}{\partial w_2} = h_{\mathrm{relu}}^{\top}\frac{\partial L}{\partial o}", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="aggarwal-dL-do-no-2")
C(R, "w1", L, r"\frac{\partial L}{\partial a_h} = \Phi'(a_h) \odot \Big(\frac{\partial L}{\partial o} w_2^{\top}\Big), \quad \Phi'(a) = \mathbb{1}[a > 0], \quad a_h = h, \quad \frac{\partial L}{\partial o} = 2(y_{\mathrm{pred}} - y), \quad \frac{\partial L}{\partial w_1} = x^{\top}\frac{\partial L}{\partial a_h}", oracle=RW1, style="aggarwal-Phi-prime-a-h")
C(R, "w1", L, r"\frac{\partial L}{\partial a_h} = \Phi'(a_h) \odot \Big(\frac{\partial L}{\partial o} w_2^{\top}\Big), \quad \Phi'(a) = \mathbb{1}[a > 0], \quad a_h = h, \quad \frac{\partial L}{\partial o} = 2(y_{\mathrm{pred}} - y), \quad \frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial a_h}^{\top} x", "*", style="aggarwal-transposed-result", note="(∂L/∂a_h)ᵀx is H × D_in, the transpose of ∂L/∂w1 (D_in × H)")
C(R, "w1", N, "Aggarwal 3.2: ∂L/∂a_h = Φ′(a_h)·(∂L/∂o · w2ᵀ), Φ′ = 1 if a_h > 0 else 0, a_h = h, ∂L/∂o = 2(y_pred − y); ∂L/∂w1 = xᵀ · ∂L/∂a_h", oracle=RW1, style="aggarwal-text-if-else")
C(S, "W", L, r"\frac{\partial L}{\partial \overline{v}} = \frac{1}{m}(\hat{Y} - Y), \quad \hat{Y} = P, \quad \frac{\partial L}{\partial W} = X^{\top}\frac{\partial L}{\partial \overline{v}}", oracle=SW, style="aggarwal-overline-v-logits")

# ================================================================ Stanford CS230 cheat sheet answers
C(M, "W2", L, r"\frac{\partial \mathcal{L}(z, y)}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", oracle=W2R, style="cs230-L-of-z-y")
C(M, "b2", L, r"\frac{\partial \mathcal{L}(z, y)}{\partial b_2} = \frac{1}{m}\mathbf{1}^{\top}(A_2 - Y)", oracle=B2R, style="cs230-b2-ones-top")
C(M, "b2", L, r"\frac{\partial \mathcal{L}(z, y)}{\partial b_2} = \mathbf{1}^{\top}(A_2 - Y)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="cs230-b2-ones-no-mean")
C(M, "W2", L, r"w \leftarrow w - \alpha\frac{\partial \mathcal{L}}{\partial w}, \quad \frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", oracle=W2R, style="cs230-update-rule-then-answer")
C(E, "w", N, "CS230: dz = a − y for cross-entropy; here the loss is ½(O − t)², so dz = (O − t)·O(1 − O) and dw = dz·x", oracle=EW, style="cs230-text-mse-neuron-dz")
C(E, "w", N, "CS230: dz = a − y, a = O, y = t; dw = dz·x", "missing-activation-derivative", oracle="(O - t) * x", style="cs230-text-ce-dz-on-mse-neuron", note="a − y is the cross-entropy sigmoid's dz; neuron's loss is ½(O − t)²")

# ================================================================ MIT 6.036 notes (\text{loss}; column convention)
C(M, "W2", L, r"\frac{\partial \text{loss}}{\partial W_2} = A_1^{\top}\frac{\partial \text{loss}}{\partial Z_2}, \quad \frac{\partial \text{loss}}{\partial Z_2} = \frac{1}{m}(A_2 - Y)", oracle=W2R, style="mit6036-text-loss-row-transcribed")
C(M, "W2", L, r"\frac{\partial \text{loss}}{\partial W_2} = A_1\Big(\frac{\partial \text{loss}}{\partial Z_2}\Big)^{\top}, \quad \frac{\partial \text{loss}}{\partial Z_2} = \frac{1}{m}(A_2 - Y)", "*", style="mit6036-column-form-on-rowmajor", note="6.036's A^{L-1}(∂loss/∂Z^L)ᵀ is written for columns; on mlp-bce's rows A₁ (m × h) times (1 × m) does not fit")
C(M, "W1", L, r"\frac{\partial \text{loss}}{\partial Z_1} = \frac{\partial \text{loss}}{\partial A_1} \odot \mathbb{1}[Z_1 > 0], \quad \frac{\partial \text{loss}}{\partial A_1} = \frac{1}{m}(A_2 - Y) W_2^{\top}, \quad \frac{\partial \text{loss}}{\partial W_1} = X^{\top}\frac{\partial \text{loss}}{\partial Z_1}", oracle=W1R, style="mit6036-chain-dA1-dZ1")
C(M, "W1", L, r"\frac{\partial \text{loss}}{\partial Z_1} = \frac{\partial \text{loss}}{\partial A_1}, \quad \frac{\partial \text{loss}}{\partial A_1} = \frac{1}{m}(A_2 - Y) W_2^{\top}, \quad \frac{\partial \text{loss}}{\partial W_1} = X^{\top}\frac{\partial \text{loss}}{\partial Z_1}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="mit6036-dZ1-equals-dA1")
C(T, "W2", L, r"\frac{\partial \text{loss}}{\partial W_2} = h^{\top}\,(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, style="mit6036-text-loss-tiny-W2")
C(S, "W", L, r"\frac{\partial \text{NLL}}{\partial W} = \frac{1}{m}X^{\top}(P - Y)", oracle=SW, style="mit6036-NLL-softmax")
C(S, "b", L, r"\frac{\partial \text{NLL}}{\partial b} = \frac{1}{m}\mathbf{1}^{\top}(P - Y)", oracle=SB, style="mit6036-NLL-softmax-b")
C(S, "W", L, r"\frac{\partial \text{NLL}}{\partial W} = \frac{1}{m}X^{\top}(Y - P)", "sign", oracle=f"-({SW})", style="mit6036-NLL-sign")

# ================================================================ 李宏毅 slides: forward pass / backward pass, C for the cost
C(M, "W2", N, "李宏毅课件记号（C 为代价）：Backward pass：∂C/∂Z2 = (A2 − Y)/m；Forward pass：∂Z2/∂W2 = A1；故 ∂C/∂W2 = A1ᵀ·∂C/∂Z2", oracle=W2R, lang=Z, style="zh-lhy-forward-backward-pass-W2")
C(M, "W2", N, "李宏毅课件记号（C 为代价）：Backward pass：∂C/∂Z2 = (A2 − Y)/m；Forward pass：∂Z2/∂W2 = A1；故 ∂C/∂W2 = ∂C/∂Z2·A1", "*", lang=Z, style="zh-lhy-order-swapped", note="(m × 1)(m × h) does not fit: A1ᵀ must come first")
C(T, "W1", N, "Backward pass：∂C/∂z = σ′(z) ⊙ (∂C/∂y_pred · W2ᵀ)，σ′(z) = h(1 − h)，∂C/∂y_pred = y_pred − y_target；∂C/∂W1 = Xᵀ · ∂C/∂z", oracle=TW1, lang=Z, style="zh-lhy-backward-sigma-prime-z")
C(T, "W1", N, "Backward pass：∂C/∂z = σ′(z) ⊙ (∂C/∂y_pred · W2ᵀ)，σ′(z) = h，∂C/∂y_pred = y_pred − y_target；∂C/∂W1 = Xᵀ · ∂C/∂z", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", lang=Z, style="zh-lhy-sigma-prime-is-h")
C(E, "w", L, r"\frac{\partial C}{\partial w} = \frac{\partial z}{\partial w}\,\frac{\partial C}{\partial z}, \quad \frac{\partial z}{\partial w} = x, \quad \frac{\partial C}{\partial z} = (O - t)\,\sigma'(z)", oracle=EW, lang=Z, style="zh-lhy-latex-forward-times-backward")
C(E, "w", L, r"\frac{\partial C}{\partial w} = \frac{\partial z}{\partial w}\,\frac{\partial C}{\partial z}, \quad \frac{\partial z}{\partial w} = x, \quad \frac{\partial C}{\partial z} = (O - t)", "missing-activation-derivative", oracle="(O - t) * x", lang=Z, style="zh-lhy-backward-no-sigma-prime")
C(R, "w2", N, "李宏毅：∂C/∂w2 = h_reluᵀ · ∂C/∂y_pred，其中 ∂C/∂y_pred = 2(y_pred − y)（C = 平方误差之和）", oracle=RW2, lang=Z, style="zh-lhy-relu-w2-qizhong")

# ================================================================ Overleaf homework templates: align*, ∇_θ, 𝟙[·], 1ᵀ, ∘, diag
C(M, "W1", L, "\\begin{align*}\n\\delta_2 &= \\tfrac{1}{m}(A_2 - Y) \\\\\n\\delta_1 &= (\\delta_2 W_2^\\top) \\odot \\mathbb{1}[Z_1 > 0] \\\\\n\\nabla_{W_1} \\mathcal{L} &= X^\\top \\delta_1\n\\end{align*}", oracle=W1R, style="overleaf-align-star-W1")
C(M, "W1", L, "\\begin{align*}\n\\delta_2 &= \\tfrac{1}{m}(A_2 - Y) \\\\\n\\delta_1 &= (\\delta_2 W_2^\\top) \\odot \\mathbb{1}[Z_1 < 0] \\\\\n\\nabla_{W_1} \\mathcal{L} &= X^\\top \\delta_1\n\\end{align*}", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 < 0)) / m", style="overleaf-align-star-mask-flipped")
C(M, "b1", L, "\\begin{align*}\n\\delta_1 &= \\tfrac{1}{m}\\big((A_2 - Y) W_2^\\top\\big) \\odot \\mathbb{1}[Z_1 > 0] \\\\\n\\nabla_{b_1} \\mathcal{L} &= \\mathbf{1}^\\top \\delta_1 \\qquad \\text{(sum over the batch)}\n\\end{align*}", oracle=B1R, style="overleaf-align-star-b1-ones-remark")
C(M, "b1", L, "\\begin{align*}\n\\delta_1 &= \\tfrac{1}{m}\\big((A_2 - Y) W_2^\\top\\big) \\odot \\mathbb{1}[Z_1 > 0] \\\\\n\\nabla_{b_1} \\mathcal{L} &= \\delta_1\n\\end{align*}", "bias-not-summed", oracle=DZ1, style="overleaf-align-star-b1-unsummed")
C(S, "W", L, r"\nabla_\theta J(\theta) = \frac{1}{m}X^\top(P - Y), \quad \theta = W", oracle=SW, style="overleaf-nabla-theta-clause")
C(S, "W", L, r"\nabla_\theta J(\theta) = X^\top(P - Y), \quad \theta = W", "scale-factor", oracle="X.T @ (P - Y)", style="overleaf-nabla-theta-no-mean")
C(S, "b", L, r"\nabla_{b} J = \frac{1}{m}\mathbf{1}^\top(P - Y)", oracle=SB, style="overleaf-softmax-b-ones")
C(S, "b", L, r"\nabla_{b} J = \frac{1}{m}(P - Y)", "bias-not-summed", oracle="(P - Y) / m", style="overleaf-softmax-b-unsummed")
C(S, "Z", L, r"\frac{\partial J}{\partial Z_{ik}} = \frac{1}{m}\big(P_{ik} - \mathbb{1}[y_i = k]\big)", oracle="(P - Y) / m", style="overleaf-index-indicator-class-label", note="relabelled after the first pass (was REFUSE): 𝟙[y_i = k] is the (i, k) entry of the one-hot target Y by definition (the checker reads it so since an earlier round, latexin's _LABEL_IS_CLASS) — (P_ik − 𝟙[y_i = k])/m is ∂J/∂Z entry by entry; the label was wrong")
C(S, "Z", L, r"\frac{\partial J}{\partial Z} = \frac{1}{m}(P - Y)", oracle="(P - Y) / m", style="overleaf-softmax-dZ")
C(S, "Z", L, r"\frac{\partial J}{\partial Z} = \frac{1}{m}P \circ (1 - P) \circ (P - Y)", "*", oracle="P * (1 - P) * (P - Y) / m", style="overleaf-softmax-dZ-elementwise-slope", note="the softmax's Jacobian is not its diagonal P(1 − P)")
C(B, "gamma", L, r"\nabla_\gamma L = \mathbf{1}^\top\Big(\frac{2}{mn}(Y - T) \circ \hat{Z}\Big), \quad \hat{Z} = Z_{\mathrm{hat}}", oracle=BNG, style="overleaf-bn-gamma-ones-circ")
C(B, "gamma", L, r"\nabla_\gamma L = \mathbf{1}^\top\Big(\frac{2}{mn}(Y - T)\Big)", "*", oracle=BNB, style="overleaf-bn-gamma-no-Zhat", note="that is ∇_β")
C(B, "beta", L, r"\nabla_\beta L = \frac{2}{mn}\mathbf{1}^\top(Y - T)", oracle=BNB, style="overleaf-bn-beta-ones")
C(B, "beta", L, r"\nabla_\beta L = \frac{2}{mn}\mathbf{1}^\top(T - Y)", "sign", oracle=f"-{BNB}", style="overleaf-bn-beta-sign")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \frac{2}{mn}(Y - T)\operatorname{diag}(\gamma), \quad \hat{Z} = Z_{\mathrm{hat}}", oracle="2 * (Y - T) / (m * n) * gamma", style="overleaf-bn-dZhat-diag-gamma")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \frac{2}{mn}(Y - T), \quad \hat{Z} = Z_{\mathrm{hat}}", "*", oracle="2 * (Y - T) / (m * n)", style="overleaf-bn-dZhat-no-gamma")

# ================================================================ the trace trick (Minka / matrix-calculus homework)
C(M, "W2", L, r"d\ell = \operatorname{tr}\Big(\big(\tfrac{1}{m}(A_2 - Y)\big)^{\top} A_1\, dW_2\Big) \;\Rightarrow\; \frac{\partial \ell}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", oracle=W2R, style="tr-trick-then-gradient-W2")
C(M, "W2", L, r"d\ell = \operatorname{tr}\Big(\big(\tfrac{1}{m}(A_2 - Y)\big)^{\top} A_1\, dW_2\Big) \;\Rightarrow\; \frac{\partial \ell}{\partial W_2} = \frac{1}{m}(A_2 - Y)^{\top}A_1", "*", style="tr-trick-transposed-read-off", note="d ℓ = tr(Gᵀ dW) gives ∂ℓ/∂W = G, not Gᵀ: (A₂ − Y)ᵀA₁ is 1 × h")
C(M, "W2", L, r"d\ell = \operatorname{tr}\Big(\tfrac{1}{m}(A_2 - Y)^{\top} A_1\, dW_2\Big)", oracle=W2R, style="tr-trick-differential-only", note="relabelled after the first pass (was REFUSE): dℓ = tr(Gᵀ dW₂) states the gradient G = (1/m)A₁ᵀ(A₂ − Y) exactly (the trace form identifies it uniquely) and the checker reads the trace trick so; the label was wrong")
C(S, "W", L, r"dL = \operatorname{tr}\big(\tfrac{1}{m}(P - Y)^{\top} X\, dW\big) \Rightarrow \nabla_W L = \tfrac{1}{m}X^{\top}(P - Y)", oracle=SW, style="tr-trick-softmax-W")
C(T, "W2", L, r"dE = \operatorname{tr}\big((y_{\mathrm{pred}} - y_{\mathrm{target}})^{\top} h\, dW_2\big), \quad \frac{\partial E}{\partial W_2} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, style="tr-trick-tiny-W2-comma")
C(A, "W_v", L, r"dL = \operatorname{tr}\big(\tfrac{2}{nd}(O - T)^{\top} A X\, dW_v\big) \Rightarrow \frac{\partial L}{\partial W_v} = \tfrac{2}{nd} X^{\top}A^{\top}(O - T)", oracle=AWV, style="tr-trick-attention-Wv")
C(A, "W_v", L, r"dL = \operatorname{tr}\big(\tfrac{2}{nd}(O - T)^{\top} A X\, dW_v\big) \Rightarrow \frac{\partial L}{\partial W_v} = \tfrac{2}{nd} X^{\top}(O - T)", "*", oracle=f"X.T @ {AO}", style="tr-trick-attention-A-dropped")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = \tfrac{1}{nd} X^{\top}A^{\top}(O - T)", "scale-factor", oracle="X.T @ A.T @ (O - T) / (n * d)", style="attention-Wv-half")

# ================================================================ Unicode pasted from Word / PowerPoint (math bold, math italic)
C(M, "W2", N, "∂ℒ/∂𝐖₂ = (1/m)·𝐀₁ᵀ(𝐀₂ − 𝐘)", oracle=W2R, style="word-math-bold-W2")
C(M, "W1", N, "∂ℒ/∂𝐖₁ = (1/m)·𝐗ᵀ[((𝐀₂ − 𝐘)𝐖₂ᵀ) ⊙ 𝟙(𝐙₁ > 0)]", oracle=W1R, style="word-math-bold-W1")
C(M, "W1", N, "∂ℒ/∂𝐖₁ = (1/m)·𝐗ᵀ[(𝐀₂ − 𝐘)𝐖₂ᵀ]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="word-math-bold-W1-no-mask")
C(S, "W", N, "∇_𝐖 ℒ = 𝐗ᵀ(𝐏 − 𝐘)/m", oracle=SW, style="word-math-bold-softmax")
C(S, "W", N, "∇_𝐖 ℒ = 𝐗ᵀ(𝐏 − 𝐘)", "scale-factor", oracle="X.T @ (P - Y)", style="word-math-bold-softmax-no-mean")
C(M, "W2", N, "𝜕𝐿/𝜕𝑊₂ = 𝐴₁ᵀ(𝐴₂ − 𝑌)/𝑚", oracle=W2R, style="word-math-italic-W2")
C(M, "W2", N, "𝜕𝐿/𝜕𝑊₂ = 𝐴₁ᵀ(𝑌 − 𝐴₂)/𝑚", "sign", oracle=f"-({W2R})", style="word-math-italic-W2-sign")
C(T, "W2", N, "𝜕𝐸/𝜕𝑊₂ = ℎᵀ(𝑦_pred − 𝑦_target)", oracle=TW2, style="word-math-italic-tiny-W2")
C(E, "w", N, "𝜕𝐿/𝜕𝑤 = (𝑂 − 𝑡)·𝑂(1 − 𝑂)·𝑥", oracle=EW, style="word-math-italic-neuron")
C(E, "w", N, "𝜕𝐿/𝜕𝑤 = (𝑂 − 𝑡)·𝑥", "missing-activation-derivative", oracle="(O - t) * x", style="word-math-italic-neuron-no-slope")
C(R2, "b", N, "∂ℒ/∂𝐛 = 𝟏ᵀ(𝛅₁ + 𝛅₂),  𝛅₂ = (𝐡₂ − 𝐲) ⊙ (1 − 𝐡₂²),  𝛅₁ = (𝛅₂𝐖ₕᵀ) ⊙ (1 − 𝐡₁²)", oracle=RB, style="word-math-bold-rnn-b")

# ================================================================ the newer built-ins and the chain in these notations
C(R2, "W_x", L, r"\frac{\partial L}{\partial W_x} = x_1^{\top}\boldsymbol{\delta}_1 + x_2^{\top}\boldsymbol{\delta}_2, \quad \boldsymbol{\delta}_2 = (h_2 - y) \circ (1 - h_2 \circ h_2), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \circ (1 - h_1 \circ h_1)", oracle=RWX, style="rojas-rnn-Wx-circ")
C(R2, "W_x", L, r"\frac{\partial L}{\partial W_x} = x_2^{\top}\boldsymbol{\delta}_2, \quad \boldsymbol{\delta}_2 = (h_2 - y) \circ (1 - h_2 \circ h_2)", "*", oracle=f"x_2.T @ {RD2}", style="rojas-rnn-Wx-last-step")
C(R2, "W_h", L, r"\frac{\partial L}{\partial W_h} = h_1^{\top}\boldsymbol{\delta}_2 + h_0^{\top}\boldsymbol{\delta}_1, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot \big(1 - \tanh^2(z_2)\big), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \odot \big(1 - \tanh^2(z_1)\big)", oracle=RWH, style="haykin-rnn-Wh-tanh-z")
C(R2, "W_h", L, r"\frac{\partial L}{\partial W_h} = h_1^{\top}\boldsymbol{\delta}_2 + h_0^{\top}\boldsymbol{\delta}_1, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot h_2 \odot (1 - h_2), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \odot h_1 \odot (1 - h_1)", "wrong-activation-derivative", oracle="h_1.T @ ((h_2 - y) * h_2 * (1 - h_2)) + h_0.T @ (((h_2 - y) * h_2 * (1 - h_2)) @ W_h.T * h_1 * (1 - h_1))", style="haykin-rnn-Wh-sigmoid-slope")
C(R2, "b", L, r"\nabla_b L = \mathbf{1}^{\top}(\boldsymbol{\delta}_1 + \boldsymbol{\delta}_2), \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^2), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_h^{\top}) \odot (1 - h_1^2)", oracle=RB, style="overleaf-rnn-b-ones")
C(A, "W_v", L, "\\begin{align*}\n\\frac{\\partial L}{\\partial O} &= \\frac{2}{nd}(O - T) \\\\\n\\frac{\\partial L}{\\partial V} &= A^\\top \\frac{\\partial L}{\\partial O} \\\\\n\\frac{\\partial L}{\\partial W_v} &= X^\\top \\frac{\\partial L}{\\partial V}\n\\end{align*}", oracle=AWV, style="overleaf-align-star-attention")
C(A, "W_v", L, "\\begin{align*}\n\\frac{\\partial L}{\\partial O} &= \\frac{2}{nd}(O - T) \\\\\n\\frac{\\partial L}{\\partial V} &= A \\frac{\\partial L}{\\partial O} \\\\\n\\frac{\\partial L}{\\partial W_v} &= X^\\top \\frac{\\partial L}{\\partial V}\n\\end{align*}", "*", oracle=f"X.T @ A @ {AO}", style="overleaf-align-star-attention-A-untransposed")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot x", oracle="2 * v * x", style="chain-three-factor-then-value")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot w", "*", oracle="2 * v * w", style="chain-three-factor-w-for-x", note="∂u/∂w = x, not w")
C(CH, "x", N, "local gradient at v: δ = 2v; ∂L/∂x = δ · w", oracle="2 * v * w", style="haykin-chain-local-gradient-x")
C(CH, "b", N, "local gradient at v: δ = 2v; ∂L/∂b = δ", oracle="2 * v", style="haykin-chain-local-gradient-b")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}\big((1 - Y) \circ A_2 - w\, Y \circ (1 - A_2)\big)", oracle=WW2, style="overleaf-weighted-W2-circ")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", "*", oracle=W2R, style="overleaf-weighted-W2-weight-forgotten")
C(MW, "b2", N, "∂L/∂b2 = 𝟏ᵀ[(1 − Y)⊙A2 − w·Y⊙(1 − A2)]/m", oracle=WB2, style="pptx-weighted-b2-ones")
C(MW, "b2", N, "∂L/∂b2 = 𝟏ᵀ[(1 − Y)⊙A2 − w·Y⊙(1 − A2)]", "scale-factor", oracle="np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)", style="pptx-weighted-b2-no-mean")

# ================================================================ course networks ---- 吴恩达 course 2: inverted dropout + L2, column-major (hn43_ng_dropout_mask_l2_numpy_cn)
C(NG, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m}\, dZ^{[2]} \big(A^{[1]}_{\mathrm{drop}}\big)^{T} + \frac{\mathrm{lambd}}{m} W^{[2]}", oracle=NG_W2, lang=Z, style="zh-ng-notes-dW2-drop-lambd")
C(NG, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m}\, dZ^{[2]} \big(A^{[1]}_{\mathrm{drop}}\big)^{T}", "*", oracle=f"{NG_DZ2} @ A1_drop.T", lang=Z, style="zh-ng-notes-dW2-no-L2", note="the L2 term's (lambd/m)·W2 left out")
C(NG, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m}\, dZ^{[2]} A^{[1]T} + \frac{\mathrm{lambd}}{m} W^{[2]}", "*", oracle=f"{NG_DZ2} @ A1.T + lambd / m * W2", lang=Z, style="zh-ng-notes-dW2-A1-not-dropped", note="A1 for A1_drop: the dropped units' activations counted")
C(NG, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m}\, dZ^{[2]} \big(A^{[1]}_{\mathrm{drop}}\big)^{T} + \frac{\lambda}{m} W^{[2]}, \quad \lambda = \mathrm{lambd}", oracle=NG_W2, style="ng-notes-lambda-clause")
C(NG, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m}\, dZ^{[2]} \big(A^{[1]}_{\mathrm{drop}}\big)^{T} + \mathrm{lambd}\, W^{[2]}", "*", oracle=f"{NG_DZ2} @ A1_drop.T + lambd * W2", style="ng-notes-L2-no-over-m")
C(NG, "W2", N, "dZ2 = A2 − Y\ndW2 = (1/m)·dZ2·A1_dropᵀ + (lambd/m)·W2", oracle=NG_W2, style="ng-text-dW2")
C(NG, "W2", N, "dZ2 = A2 − Y\ndW2 = (1/m)·A1_dropᵀ·dZ2 + (lambd/m)·W2", "*", lang=Z, style="zh-ng-text-dW2-row-order", note="the row-major order A1_dropᵀ·dZ2 on Ng's column-major net: (m × n_h)(1 × m) does not fit")
C(NG, "b2", L, r"db^{[2]} = \frac{1}{m}\,\mathrm{np.sum}(dZ^{[2]}, \mathrm{axis}=1, \mathrm{keepdims}=\mathrm{True}), \quad dZ^{[2]} = A^{[2]} - Y", oracle=NG_B2, lang=Z, style="zh-ng-db2-np-sum-axis1")
C(NG, "b2", N, "db2 = 1/m · Σᵢ (A2 − Y)⁽ⁱ⁾（对 m 个样本求和）", oracle=NG_B2, lang=Z, style="zh-ng-db2-sum-superscript-i")
C(NG, "b2", N, "db2 = Σ(A2 − Y)", "scale-factor", oracle="np.sum(A2 - Y, axis=1, keepdims=True)", lang=Z, style="zh-ng-db2-no-mean")
C(NG, "W1", L, r"dA^{[1]} = W^{[2]T} dZ^{[2]} * D^{[1]} / \mathrm{keep\_prob}, \quad dZ^{[1]} = dA^{[1]} * g^{[1]\prime}(Z^{[1]}), \quad g^{[1]\prime}(z) = \mathbb{1}[z > 0], \quad dZ^{[2]} = A^{[2]} - Y, \quad dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^{T} + \frac{\mathrm{lambd}}{m} W^{[1]}", oracle=NG_W1, lang=Z, style="zh-ng-notes-dW1-full")
C(NG, "W1", L, r"dA^{[1]} = W^{[2]T} dZ^{[2]}, \quad dZ^{[1]} = dA^{[1]} * g^{[1]\prime}(Z^{[1]}), \quad g^{[1]\prime}(z) = \mathbb{1}[z > 0], \quad dZ^{[2]} = A^{[2]} - Y, \quad dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^{T} + \frac{\mathrm{lambd}}{m} W^{[1]}", "*", oracle=f"(W2.T @ {NG_DZ2} * (A1 > 0)) @ X.T + lambd / m * W1", lang=Z, style="zh-ng-notes-dW1-mask-forgotten", note="the dropout mask D1/keep_prob left out of dA1")
C(NG, "W1", L, r"dA^{[1]} = W^{[2]T} dZ^{[2]} * D^{[1]}, \quad dZ^{[1]} = dA^{[1]} * g^{[1]\prime}(Z^{[1]}), \quad g^{[1]\prime}(z) = \mathbb{1}[z > 0], \quad dZ^{[2]} = A^{[2]} - Y, \quad dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^{T} + \frac{\mathrm{lambd}}{m} W^{[1]}", "*", oracle=f"(W2.T @ {NG_DZ2} * D1 * (A1 > 0)) @ X.T + lambd / m * W1", style="ng-notes-dW1-keep-prob-forgotten", note="the inverted-dropout scale 1/keep_prob left out")
C(NG, "W1", L, r"dA^{[1]} = W^{[2]T} dZ^{[2]} * D^{[1]} / \mathrm{keep\_prob}, \quad dZ^{[1]} = dA^{[1]} * g^{[1]\prime}(Z^{[1]}), \quad g^{[1]\prime}(z) = \mathbb{1}[z > 0], \quad dZ^{[2]} = A^{[2]} - Y, \quad dW^{[1]} = \frac{1}{m}\, X\, dZ^{[1]T} + \frac{\mathrm{lambd}}{m} W^{[1]}", "*", style="ng-notes-dW1-transposed", note="X dZ1ᵀ is n_x × n_h, W1 is n_h × n_x")
C(NG, "W1", N, "吴恩达作业参考：\ndZ2 = A2 − Y\ndA1 = W2ᵀ·dZ2 ⊙ D1 / keep_prob\ndZ1 = dA1 ⊙ 𝟙(A1 > 0)\ndW1 = (1/m)·dZ1·Xᵀ + (lambd/m)·W1", oracle=NG_W1, lang=Z, style="zh-ng-text-dW1-unicode")
C(NG, "W1", N, "吴恩达作业参考：\ndZ2 = A2 − Y\ndA1 = W2ᵀ·dZ2 ⊙ D1 / keep_prob\ndZ1 = dA1 ⊙ A1\ndW1 = (1/m)·dZ1·Xᵀ + (lambd/m)·W1", "wrong-activation-derivative", oracle=f"(W2.T @ {NG_DZ2} * D1 / keep_prob * A1) @ X.T + lambd / m * W1", lang=Z, style="zh-ng-text-dW1-A1-for-mask")
C(NG, "b1", L, r"db^{[1]} = \frac{1}{m}\sum_{i=1}^{m} dZ^{[1](i)}, \quad dZ^{[1]} = \big(W^{[2]T} dZ^{[2]} * D^{[1]} / \mathrm{keep\_prob}\big) * \mathbb{1}[Z^{[1]} > 0], \quad dZ^{[2]} = A^{[2]} - Y", oracle=NG_B1, style="ng-db1-sum-over-examples-superscript")
C(NG, "b1", L, r"db^{[1]} = \frac{1}{m}\, dZ^{[1]}, \quad dZ^{[1]} = \big(W^{[2]T} dZ^{[2]} * D^{[1]} / \mathrm{keep\_prob}\big) * \mathbb{1}[Z^{[1]} > 0], \quad dZ^{[2]} = A^{[2]} - Y", "bias-not-summed", oracle=f"{NG_DZ1}", lang=Z, style="zh-ng-db1-unsummed")
C(NG, "Z2", N, "dZ2 = (A2 − Y)/m（对 cost 求导，1/m 放在这里）", oracle=NG_DZ2, lang=Z, style="zh-ng-dZ2-with-mean-remark")
C(NG, "Z2", N, "dZ2 = A2 − Y", "scale-factor", oracle="A2 - Y", style="ng-dZ2-course-convention-no-mean", note="Ng's dZ2 = A2 − Y is m·∂cost/∂Z2 (the 1/m comes in dW2): asked for ∂cost/∂Z2 it lacks 1/m")

# ---- PaddlePaddle classifier, paddle.nn.functional.cross_entropy (hn43_paddle_cross_entropy_label_cn)
C(PD, "W2", L, r"P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label}), \quad \frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}(P - Y)", oracle=PD_W2, lang=Z, style="zh-paddle-W2-onehot-clause")
C(PD, "W2", L, r"P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label}), \quad \frac{\partial L}{\partial W_2} = \mathrm{hidden}^{\top}(P - Y)", "scale-factor", oracle=f"hidden.T @ ({PD_P} - {PD_Y})", lang=Z, style="zh-paddle-W2-no-mean")
C(PD, "W2", L, r"P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label}), \quad \frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}(Y - P)", "sign", oracle=f"-({PD_W2})", style="paddle-W2-sign")
C(PD, "W2", N, "设 P = softmax(logits)，Y = one_hot(label)，则 ∂L/∂W2 = hiddenᵀ(P − Y)/N", oracle=PD_W2, lang=Z, style="zh-paddle-text-W2")
C(PD, "W2", N, "设 P = softmax(logits)，则 ∂L/∂W2 = hiddenᵀ(P − label)/N", lang=Z, style="zh-paddle-label-not-one-hot", note="relabelled twice: the first pass's wrong (a wrong ✓ said heldtex44) became a refusal naming one_hot(label); round 45 reads it as derive's walkthrough shows label (its N × C one-hot rows, and the printed right answer is softmax(logits) - label), right, with a note naming one_hot(label) for code where label holds the class numbers")
C(PD, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{i=1}^{N}\big(P - Y\big)_{i}, \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label})", oracle=PD_B2, style="paddle-b2-sum-rows")
C(PD, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\big(P - Y\big), \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label})", "bias-not-summed", oracle=PD_D, style="paddle-b2-unsummed")
C(PD, "logits", L, r"\frac{\partial L}{\partial \mathrm{logits}} = \frac{1}{N}\big(\operatorname{softmax}(\mathrm{logits}) - \operatorname{onehot}(\mathrm{label})\big)", oracle=PD_D, lang=Z, style="zh-paddle-dlogits-inline")
C(PD, "logits", N, "∂L/∂logits = softmax(logits) − one_hot(label)", "scale-factor", oracle=f"{PD_P} - {PD_Y}", lang=Z, style="zh-paddle-dlogits-no-mean")
C(PD, "W1", L, r"\delta = \frac{1}{N}(P - Y), \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label}), \quad \frac{\partial L}{\partial W_1} = x^{\top}\big((\delta W_2^{\top}) \odot \mathbb{1}[\mathrm{hidden} > 0]\big)", oracle=PD_W1, lang=Z, style="zh-paddle-W1-delta-mask")
C(PD, "W1", L, r"\delta = \frac{1}{N}(P - Y), \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label}), \quad \frac{\partial L}{\partial W_1} = x^{\top}(\delta W_2^{\top})", "missing-activation-derivative", oracle=f"x.T @ ({PD_D} @ W2.T)", style="paddle-W1-no-mask")
C(PD, "W1", L, r"\delta = \frac{1}{N}(P - Y), \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label}), \quad \frac{\partial L}{\partial W_1} = x^{\top}\big((\delta W_2) \odot \mathbb{1}[\mathrm{hidden} > 0]\big)", "*", style="paddle-W1-W2-untransposed", note="δ (N × C) times W2 (h × C) does not fit")
C(PD, "b1", N, "∂L/∂b1 = 𝟏ᵀ[(P − Y)·W2ᵀ ⊙ 𝟙(hidden > 0)]/N，P = softmax(logits)，Y = one_hot(label)", oracle=PD_B1, lang=Z, style="zh-paddle-b1-ones-unicode")
C(PD, "hidden", L, r"\frac{\partial L}{\partial\, \mathrm{hidden}} = \frac{1}{N}(P - Y)W_2^{\top}, \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{label})", oracle=f"{PD_D} @ W2.T", style="paddle-dhidden")
C(PD, "W2", N, "∂L/∂W2 = hiddenᵀ·(softmax(logits) − onehot(label)) / N  (paddle's mean reduction)", oracle=PD_W2, style="paddle-text-W2-remark")

# ---- MindSpore hinge loss with an L2 term on W2 (hn43_mindspore_ms_ops_hinge_cn)
C(HG, "W2", L, r"\frac{\partial L}{\partial f} = -\frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\frac{\partial L}{\partial f} + 0.002\, W_2", oracle=HG_W2, lang=Z, style="zh-hinge-W2-indicator-margin")
C(HG, "W2", L, r"\frac{\partial L}{\partial f} = -\frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\frac{\partial L}{\partial f}", "*", oracle=f"h1.T @ {HG_DF}", style="hinge-W2-penalty-forgotten", note="the 0.001·ΣW2² term's 0.002·W2 left out")
C(HG, "W2", L, r"\frac{\partial L}{\partial f} = -\frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\frac{\partial L}{\partial f} + 0.001\, W_2", "*", oracle=f"h1.T @ {HG_DF} + 0.001 * W2", lang=Z, style="zh-hinge-W2-penalty-not-doubled", note="d(0.001·W²)/dW = 0.002·W")
C(HG, "W2", L, r"\frac{\partial L}{\partial f} = -\frac{1}{N}\, y, \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\frac{\partial L}{\partial f} + 0.002\, W_2", "*", oracle="h1.T @ (-y / N) + 0.002 * W2", style="hinge-W2-margin-indicator-forgotten", note="every example counted, the inactive hinges too")
C(HG, "W2", L, r"\frac{\partial L}{\partial f} = \frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\frac{\partial L}{\partial f} + 0.002\, W_2", "*", oracle=f"h1.T @ (-{HG_DF}) + 0.002 * W2", lang=Z, style="zh-hinge-W2-margin-sign", note="the hinge's slope is −y: the data term's sign flipped, the penalty's kept")
C(HG, "W2", N, "∂L/∂W2 = −(1/N)·h1ᵀ·(y ⊙ 𝟙(1 − y⊙f > 0)) + 0.002·W2", oracle=HG_W2, lang=Z, style="zh-hinge-text-W2")
C(HG, "W2", N, "∂L/∂W2 = −(1/N)·h1ᵀ·(y ⊙ 𝟙(hinge > 0)) + 0.002·W2", oracle=HG_W2, style="hinge-text-W2-mask-on-hinge-node")
C(HG, "b2", L, r"\frac{\partial L}{\partial b_2} = -\frac{1}{N}\sum_{i=1}^{N} y_i\,\mathbb{1}[y_i f_i < 1]", oracle=HG_B2, lang=Z, style="zh-hinge-b2-sum-i")
C(HG, "b2", L, r"\frac{\partial L}{\partial b_2} = -\frac{1}{N}\sum_{i=1}^{N} y_i\,\mathbb{1}[y_i f_i < 1] + 0.002\, b_2", "*", oracle=f"{HG_B2} + 0.002 * b2", style="hinge-b2-penalty-on-bias", note="the penalty is on W2 only")
C(HG, "W1", L, r"g = -\frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_1} = x^{\top}\big((g W_2^{\top}) \odot \mathbb{1}[h_1 > 0]\big)", oracle=HG_W1, lang=Z, style="zh-hinge-W1-g-mask")
C(HG, "W1", L, r"g = -\frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_1} = x^{\top}\big((g W_2^{\top}) \odot \mathbb{1}[h_1 > 0]\big) + 0.002\, W_1", "*", oracle=f"{HG_W1} + 0.002 * W1", style="hinge-W1-penalty-on-W1", note="the penalty is on W2 only")
C(HG, "W1", L, r"g = -\frac{1}{N}\, y \odot \mathbb{1}[y \odot f < 1], \quad \frac{\partial L}{\partial W_1} = x^{\top}(g W_2^{\top})", "missing-activation-derivative", oracle=f"x.T @ ({HG_DF} @ W2.T)", lang=Z, style="zh-hinge-W1-no-relu-mask")
C(HG, "b1", N, "∂L/∂b1 = Σᵢ [g·W2ᵀ ⊙ 𝟙(h1 > 0)]ᵢ，g = −y ⊙ 𝟙(y⊙f < 1)/N", oracle=HG_B1, lang=Z, style="zh-hinge-b1-sum-i-clause")
C(HG, "f", N, "∂L/∂f = −y ⊙ 𝟙(y⊙f < 1) / N", oracle=HG_DF, style="hinge-df-text")
C(HG, "f", N, "∂L/∂f = −y / N", "*", oracle="-y / N", lang=Z, style="zh-hinge-df-no-indicator")

# ---- tf.keras SquaredHinge on a swish MLP (hn43_keras_squared_hinge_swish_tf)
C(KS, "W2", L, r"\frac{\partial L}{\partial \hat y} = -\frac{2}{N}\, y_{\mathrm{true}} \odot \max\big(0, 1 - y_{\mathrm{true}} \odot \hat y\big), \quad \hat y = y_{\mathrm{pred}}, \quad \frac{\partial L}{\partial W_2} = \mathrm{hid}^{\top}\frac{\partial L}{\partial \hat y}", oracle=KS_W2, style="keras-sqhinge-W2-max")
C(KS, "W2", L, r"\frac{\partial L}{\partial \hat y} = -\frac{1}{N}\, y_{\mathrm{true}} \odot \max\big(0, 1 - y_{\mathrm{true}} \odot \hat y\big), \quad \hat y = y_{\mathrm{pred}}, \quad \frac{\partial L}{\partial W_2} = \mathrm{hid}^{\top}\frac{\partial L}{\partial \hat y}", "scale-factor", oracle=f"hid.T @ ({KS_D} / 2)", style="keras-sqhinge-W2-no-2")
C(KS, "W2", L, r"\frac{\partial L}{\partial \hat y} = -\frac{1}{N}\, y_{\mathrm{true}} \odot \mathbb{1}[y_{\mathrm{true}} \odot \hat y < 1], \quad \hat y = y_{\mathrm{pred}}, \quad \frac{\partial L}{\partial W_2} = \mathrm{hid}^{\top}\frac{\partial L}{\partial \hat y}", "*", oracle="hid.T @ (-y_true * (1 - y_true * y_pred > 0) / N)", style="keras-sqhinge-plain-hinge-slope", note="the plain hinge's slope given for the squared hinge's")
C(KS, "W2", N, "∂L/∂W2 = hidᵀ·[−2·y_true ⊙ max(0, 1 − y_true ⊙ y_pred)]/N", oracle=KS_W2, style="keras-sqhinge-text-W2")
C(KS, "W2", N, "∂L/∂W2 = hidᵀ·[2·y_true ⊙ max(0, 1 − y_true ⊙ y_pred)]/N", "sign", oracle=f"-({KS_W2})", style="keras-sqhinge-text-W2-sign")
C(KS, "b2", L, r"\frac{\partial L}{\partial b_2} = -\frac{2}{N}\sum_{i=1}^{N} y_{\mathrm{true},i}\max\big(0, 1 - y_{\mathrm{true},i}\, y_{\mathrm{pred},i}\big)", oracle=KS_B2, style="keras-sqhinge-b2-sum-i")
C(KS, "b2", N, "∂L/∂b2 = −2·𝟏ᵀ[y_true ⊙ max(0, 1 − y_true ⊙ y_pred)]/N", oracle=KS_B2, lang=Z, style="zh-keras-sqhinge-b2-ones")
C(KS, "W1", L, r"\delta = \frac{\partial L}{\partial y_{\mathrm{pred}}} W_2^{\top} \odot \operatorname{swish}'(z), \quad \operatorname{swish}'(z) = \sigma(z)\big(1 + z(1 - \sigma(z))\big), \quad z = xW_1 + b_1, \quad \frac{\partial L}{\partial y_{\mathrm{pred}}} = -\frac{2}{N} y_{\mathrm{true}} \odot \max(0, 1 - y_{\mathrm{true}} \odot y_{\mathrm{pred}}), \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta", oracle=KS_W1, style="keras-swish-prime-clause-W1")
C(KS, "W1", L, r"\delta = \frac{\partial L}{\partial y_{\mathrm{pred}}} W_2^{\top} \odot \sigma(z)\big(1 - \sigma(z)\big), \quad z = xW_1 + b_1, \quad \frac{\partial L}{\partial y_{\mathrm{pred}}} = -\frac{2}{N} y_{\mathrm{true}} \odot \max(0, 1 - y_{\mathrm{true}} \odot y_{\mathrm{pred}}), \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta", "wrong-activation-derivative", oracle=f"x.T @ ({KS_D} @ W2.T * {KS_S} * (1 - {KS_S}))", style="keras-swish-sigmoid-slope-only")
C(KS, "W1", L, r"\delta = \frac{\partial L}{\partial y_{\mathrm{pred}}} W_2^{\top} \odot \big(\mathrm{hid} + \sigma(z)(1 - \mathrm{hid})\big), \quad z = xW_1 + b_1, \quad \frac{\partial L}{\partial y_{\mathrm{pred}}} = -\frac{2}{N} y_{\mathrm{true}} \odot \max(0, 1 - y_{\mathrm{true}} \odot y_{\mathrm{pred}}), \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta", oracle=KS_W1, lang=Z, style="zh-keras-swish-prime-via-hid")
C(KS, "W1", N, "δ = (∂L/∂y_pred · W2ᵀ) ⊙ σ(z)(1 + z(1 − σ(z)))，z = x·W1 + b1，∂L/∂y_pred = −2·y_true ⊙ max(0, 1 − y_true ⊙ y_pred)/N；∂L/∂W1 = xᵀ·δ", oracle=KS_W1, lang=Z, style="zh-keras-swish-text-W1")
C(KS, "W1", N, "δ = (∂L/∂y_pred · W2ᵀ)，∂L/∂y_pred = −2·y_true ⊙ max(0, 1 − y_true ⊙ y_pred)/N；∂L/∂W1 = xᵀ·δ", "missing-activation-derivative", oracle=f"x.T @ ({KS_D} @ W2.T)", lang=Z, style="zh-keras-swish-text-no-slope")
C(KS, "b1", L, r"\frac{\partial L}{\partial b_1} = \mathbf{1}^{\top}\Big(\big(\tfrac{\partial L}{\partial y_{\mathrm{pred}}} W_2^{\top}\big) \odot \sigma(z)\big(1 + z(1 - \sigma(z))\big)\Big), \quad z = xW_1 + b_1, \quad \frac{\partial L}{\partial y_{\mathrm{pred}}} = -\frac{2}{N} y_{\mathrm{true}} \odot \max(0, 1 - y_{\mathrm{true}} \odot y_{\mathrm{pred}})", oracle=KS_B1, style="keras-swish-b1-ones")
C(KS, "y_pred", L, r"\frac{\partial L}{\partial y_{\mathrm{pred}}} = -\frac{2}{N}\, y_{\mathrm{true}} \odot \big(1 - y_{\mathrm{true}} \odot y_{\mathrm{pred}}\big)_{+}", oracle=KS_D, style="keras-sqhinge-positive-part-subscript")
C(KS, "y_pred", L, r"\frac{\partial L}{\partial y_{\mathrm{pred}}} = -\frac{2}{N}\, y_{\mathrm{true}} \odot \big(1 - y_{\mathrm{true}} \odot y_{\mathrm{pred}}\big)", "*", oracle="-2 * y_true * (1 - y_true * y_pred) / N", style="keras-sqhinge-no-clamp", note="the clamp max(0, ·) dropped: the satisfied margins counted")

# ---- torch.addmm layers, relu6 and hardtanh, a 1-D torch.mv read-out (hn43_addmm_relu6_hardtanh_mv)
C(AD, "w3", L, r"\frac{\partial L}{\partial w_3} = \frac{2}{N}\, h_2^{\top}(\mathrm{out} - y)", oracle=AD_W3, style="addmm-w3-1d")
C(AD, "w3", L, r"\frac{\partial L}{\partial w_3} = \frac{1}{N}\, h_2^{\top}(\mathrm{out} - y)", "scale-factor", oracle="h2.T @ (out - y) / N", style="addmm-w3-no-2")
C(AD, "w3", N, "∂L/∂w3 = h2ᵀ · 2(out − y)/N", oracle=AD_W3, lang=Z, style="zh-addmm-w3-text")
C(AD, "w3", N, "∂L/∂w3 = (2/N)·Σᵢ (outᵢ − yᵢ)·h2ᵢ", oracle=AD_W3, style="addmm-w3-sum-i-rows")
C(AD, "out", L, r"\frac{\partial L}{\partial\, \mathrm{out}} = \frac{2}{N}(\mathrm{out} - y)", oracle=AD_E, style="addmm-dout")
C(AD, "W2", L, r"e = \frac{2}{N}(\mathrm{out} - y), \quad \delta_2 = (e\, w_3^{\top}) \odot \mathbb{1}\big[-0.5 < h_1 W_2 + b_2 < 0.5\big], \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\delta_2", oracle=AD_W2, style="addmm-W2-hardtanh-window")
C(AD, "W2", L, r"e = \frac{2}{N}(\mathrm{out} - y), \quad \delta_2 = e\, w_3^{\top}, \quad \frac{\partial L}{\partial W_2} = h_1^{\top}\delta_2", "missing-activation-derivative", oracle=f"h1.T @ np.outer({AD_E}, w3)", style="addmm-W2-hardtanh-slope-forgotten")
C(AD, "W2", N, "δ₂ = (e·w3ᵀ) ⊙ 𝟙(|h1·W2 + b2| < 0.5)，e = 2(out − y)/N；∂L/∂W2 = h1ᵀ·δ₂", oracle=AD_W2, lang=Z, style="zh-addmm-W2-abs-window")
C(AD, "W2", N, "δ₂ = (e·w3ᵀ) ⊙ 𝟙(|h2| < 0.5)，e = 2(out − y)/N；∂L/∂W2 = h1ᵀ·δ₂", oracle=AD_W2, lang=Z, style="zh-addmm-W2-mask-on-output", note="|h2| < 0.5 holds exactly where hardtanh's input is inside (−0.5, 0.5) (h2 is clipped to ±0.5 elsewhere)")
C(AD, "b2", L, r"\frac{\partial L}{\partial b_2} = \mathbf{1}^{\top}\Big(\big(\tfrac{2}{N}(\mathrm{out} - y)\, w_3^{\top}\big) \odot \mathbb{1}[|h_1 W_2 + b_2| < 0.5]\Big)", oracle=AD_B2, style="addmm-b2-ones")
C(AD, "W1", L, r"\delta_2 = \big(\tfrac{2}{N}(\mathrm{out} - y)\, w_3^{\top}\big) \odot \mathbb{1}[|h_1 W_2 + b_2| < 0.5], \quad \delta_1 = (\delta_2 W_2^{\top}) \odot \mathbb{1}[0 < x W_1 + b_1 < 6], \quad \frac{\partial L}{\partial W_1} = x^{\top}\delta_1", oracle=AD_W1, style="addmm-W1-relu6-window")
C(AD, "W1", L, r"\delta_2 = \big(\tfrac{2}{N}(\mathrm{out} - y)\, w_3^{\top}\big) \odot \mathbb{1}[|h_1 W_2 + b_2| < 0.5], \quad \frac{\partial L}{\partial W_1} = x^{\top}(\delta_2 W_2^{\top})", "missing-activation-derivative", oracle=f"x.T @ ({AD_DZ2} @ W2.T)", style="addmm-W1-relu6-slope-forgotten")
C(AD, "W1", N, "δ₂ = (2(out − y)/N · w3ᵀ) ⊙ 𝟙(|h1·W2 + b2| < 0.5)\nδ₁ = (δ₂·W2ᵀ) ⊙ 𝟙(0 < h1 < 6)\n∂L/∂W1 = xᵀ·δ₁", oracle=AD_W1, lang=Z, style="zh-addmm-W1-text-mask-on-h1")
C(AD, "b1", N, "∂L/∂b1 = Σᵢ δ₁ᵢ，δ₁ = (δ₂·W2ᵀ) ⊙ 𝟙(0 < h1 < 6)，δ₂ = (2(out − y)/N · w3ᵀ) ⊙ 𝟙(|h1·W2 + b2| < 0.5)", oracle=AD_B1, lang=Z, style="zh-addmm-b1-sum-i")

C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y) + \ldots", REFUSE, style="ellipsis-after-answer", note="'+ …' leaves terms unsaid")
C(E, "w", L, r"\Delta w_{ji}(n) = \eta\,\delta_j(n)\,y_i(n), \quad \delta_j(n) = e_j(n)\,\varphi_j'(v_j(n))", REFUSE, style="haykin-delta-rule-update-only", note="Haykin's delta rule: an update with η and per-neuron indices, no gradient of the network's names")
C(NG, "W2", N, "dW2 同上，只是把 A1 换成 A1_drop，再加上 L2 项", REFUSE, lang=Z, style="zh-ng-same-as-above-in-words", note="'the same as above' refers to nothing the grader has")
C(PD, "W1", N, "∂L/∂W1：把 ∂L/∂hidden 经过 ReLU 的掩码后左乘 xᵀ 即可", REFUSE, lang=Z, style="zh-paddle-W1-in-words", note="a recipe in words, no formula")
C(HG, "W2", L, r"\frac{\partial L}{\partial W_2} = h_1^{\top} g + 0.002\, W_2", REFUSE, style="hinge-W2-g-undefined", note="g never defined")

# ================================================================ hand numbers at derive's example point (PyTorch float64, rounded by hand)
C(T, "W2[1,0]", V, "≈ −0.1172", style="v44-tiny-W2-10-approx")
C(T, "W2[1,0]", V, "-1.172e-1", style="v44-tiny-W2-10-e-notation")
C(T, "W2[1,0]", V, "-0.1139", "wrong-entry", style="v44-tiny-W2-10-other-entry", note="-0.1139 is W2[0,0]")
C(T, "W1[1,0]", V, "−2.734 × 10⁻³", style="v44-tiny-W1-10-times-ten")
C(T, "W1[1,1]", V, "-0.00327", style="v44-tiny-W1-11-3sf")
C(E, "w[0,1]", V, "-0.03674", style="v44-neuron-w1")
C(E, "w[0,1]", V, "0.03674", "sign", style="v44-neuron-w1-sign")
C(CH, "x", V, "60", style="v44-chain-x-60")
C(CH, "x", V, "30", "*", style="v44-chain-x-30", note="the 2 of d(v²)/dv left out")
C(M, "W1[0,1]", V, "0.1356", style="v44-mlp-W1-01")
C(M, "W1[1,0]", V, "-0.1959", style="v44-mlp-W1-10")
C(M, "W1[1,0]", V, "−0.0979", "*", style="v44-mlp-W1-10-other-entry", note="relabelled after the first pass (was wrong-entry): −0.0979 is W1[0,0] and also exactly half of W1[1,0] (−0.19587): wrong-entry and scale-factor are both true diagnoses")
C(M, "b1[0,1]", V, "-0.01811", style="v44-mlp-b1-01")
C(M, "b2[0,0]", V, "0.06038", style="v44-mlp-b2")
C(M, "b2[0,0]", V, "0.1208", "*", style="v44-mlp-b2-doubled", note="twice the gradient (the 1/m of a batch of 2 left out)")
C(R, "w2[2,1]", V, "-2.036", style="v44-relu-w2-21")
C(R, "w2[2,1]", V, "-1.018", "*", style="v44-relu-w2-21-halved", note="half the gradient: ∑(·)² read as ½∑(·)²")
C(R, "w1[0,2]", V, "−1.398", style="v44-relu-w1-02")
C(S, "W[1,2]", V, "-0.7428", style="v44-softmax-W-12")
C(S, "b[0,1]", V, "0.3709", style="v44-softmax-b-01")
C(S, "b[0,1]", V, "-0.3709", "sign", style="v44-softmax-b-01-sign")
C(B, "gamma[0,1]", V, "1.264", style="v44-bn-gamma-01")
C(B, "beta[0,1]", V, "-0.5333", style="v44-bn-beta-01")
C(B, "beta[0,1]", V, "-8/15", style="v44-bn-beta-01-fraction")
C(R2, "W_h[1,1]", V, "-0.2742", style="v44-rnn-Wh-11")
C(R2, "b[0,1]", V, "0.5557", style="v44-rnn-b-01")
C(A, "W_v[1,1]", V, "0.3761", style="v44-attention-Wv-11")
C(MW, "b2[0,0]", V, "-0.3643", style="v44-weighted-b2")
C(T, "W2[1,0]", V, "约 −0.11717（保留四位有效数字：−0.1172）", lang=Z, style="zh-v44-tiny-W2-10-yue")
C(T, "W2[1,0]", V, "−0.11390（约）", "wrong-entry", lang=Z, style="zh-v44-tiny-W2-10-other-entry", note="−0.1139 is W2[0,0]")
C(T, "W1[1,1]", V, "−3.270 × 10⁻³", style="v44-tiny-W1-11-times-ten")
C(E, "w[0,1]", V, "≈ −0.036735", style="v44-neuron-w1-approx-5sf")
C(E, "w[0,1]", V, "≈ +0.036735", "sign", style="v44-neuron-w1-plus-sign")
C(CH, "x", V, "∂L/∂x = 60", style="v44-chain-x-statement")
C(CH, "x", V, "∂L/∂x = 40", "*", style="v44-chain-x-statement-40", note="40 is ∂L/∂w")
C(M, "W1[0,1]", V, "≈ 0.13564", style="v44-mlp-W1-01-approx")
C(M, "W1[1,0]", V, "−1.9587 × 10⁻¹", style="v44-mlp-W1-10-times-ten")
C(M, "b1[0,1]", V, "≈ −1.811e−2", style="v44-mlp-b1-01-unicode-e")
C(M, "b2[0,0]", V, "+0.060378", style="v44-mlp-b2-plus")
C(M, "b2[0,0]", V, "+0.12076", "*", style="v44-mlp-b2-doubled", note="twice the gradient (the 1/m of a batch of 2 left out)")
C(R, "w2[2,1]", V, "≈ −2.0364", style="v44-relu-w2-21-approx")
C(R, "w2[2,1]", V, "≈ −1.0182", "*", style="v44-relu-w2-21-halved", note="half the gradient: ∑(·)² read as ½∑(·)²")
C(S, "W[1,2]", V, "−0.74280", style="v44-softmax-W-12-5sf")
C(S, "b[0,1]", V, "≈ 0.37094", style="v44-softmax-b-01-approx")
C(S, "b[0,1]", V, "≈ −0.37094", "sign", style="v44-softmax-b-01-sign")
C(B, "gamma[0,1]", V, "1.2644", style="v44-bn-gamma-01-5sf")
C(B, "beta[0,1]", V, "−8/15 ≈ −0.5333", style="v44-bn-beta-01-fraction-approx")
C(B, "beta[0,1]", V, "≈ −0.53333", style="v44-bn-beta-01-approx")
C(R2, "W_h[1,1]", V, "≈ −0.27425", style="v44-rnn-Wh-11-approx")
C(R2, "b[0,1]", V, "0.55567", style="v44-rnn-b-01-5sf")
C(A, "W_v[1,1]", V, "≈ 0.37608", style="v44-attention-Wv-11-approx")
C(MW, "b2[0,0]", V, "≈ −0.36434", style="v44-weighted-b2-approx")
C(MW, "W2[1,0]", V, "答：−0.3069", lang=Z, style="zh-v44-weighted-W2-10-da")

# ---- answer keys of three new variants (tiny-mlp v3/4, relu-mlp v3/6, softmax-regression v2/9)
C(T, "W2[1,0]", V, "-0.6300", opts=KT, style="key44-tiny-W2-10")
C(T, "W1[0,1]", V, "-0.4045", opts=KT, style="key44-tiny-W1-01")
C(T, "W1[0,1]", V, "0.4045", "sign", opts=KT, style="key44-tiny-W1-01-sign")
C(T, "W1[1,0]", V, "0.04425", opts=KT, style="key44-tiny-W1-10")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, opts=KT, style="key44-tiny-W2-formula")
C(R, "w2[0,1]", V, "7.184", opts=KR, style="key44-relu-w2-01")
C(R, "w2[1,0]", V, "0", opts=KR, style="key44-relu-w2-10-dead-unit", note="hidden unit 1 is off for every example at the variant's values: its row of ∂L/∂w2 is exactly 0")
C(R, "w1[2,0]", V, "3.43", opts=KR, style="key44-relu-w1-20")
C(R, "w1[2,0]", V, "1.715", "*", opts=KR, style="key44-relu-w1-20-halved")
C(T, "W1[0,1]", V, "≈ −0.40454", opts=KT, style="key44-tiny-W1-01-approx")
C(T, "W1[1,1]", V, "−0.3034", opts=KT, style="key44-tiny-W1-11")
C(R, "w1[1,2]", V, "−3.775", opts=KR, style="key44-relu-w1-12")
C(R, "w1[1,2]", V, "3.775", "sign", opts=KR, style="key44-relu-w1-12-sign")
C(S, "W[1,1]", V, "0.3903", opts=KS2, style="key44-softmax-W-11")
C(S, "W[1,1]", V, "0.8224", "wrong-entry", opts=KS2, style="key44-softmax-W-11-other-entry", note="0.8224 is W[0,1]")
C(S, "b[0,2]", V, "约 0.1702", lang=Z, opts=KS2, style="zh-key44-softmax-b-02")
C(S, "W[0,1]", V, "0.8224", opts=KS2, style="key44-softmax-W-01")
C(S, "b[0,1]", V, "-0.08384", opts=KS2, style="key44-softmax-b-01")
C(S, "W", L, r"\nabla_W L = \frac{1}{m}X^{\top}(P - Y)", oracle=SW, opts=KS2, style="key44-softmax-W-formula")
C(S, "W", L, r"\nabla_W L = X^{\top}(P - Y)", "scale-factor", oracle="X.T @ (P - Y)", opts=KS2, style="key44-softmax-W-formula-no-mean")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c44t-000, … as written; cases repeating corpora 2-43t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus44t", "c44t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
