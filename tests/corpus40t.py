"""The held-out-style corpus of issue 11, fortieth round, text side (``c40t``): LaTeX, plain text
and hand numbers in the notations of sources no corpus had used — Nielsen's *Neural Networks and
Deep Learning* ch. 2 (BP1–BP4: ``\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)``, ``\\delta^l =
((w^{l+1})^T\\delta^{l+1}) \\odot \\sigma'(z^l)``, ``\\partial C/\\partial b = \\delta``), Hagan et al.'s
*Neural Network Design* (sensitivities ``\\mathbf s^M = -2\\dot{\\mathbf F}^M(\\mathbf n^M)(\\mathbf t -
\\mathbf a)``, ``\\hat F``, ``\\dot f(n)``), Haykin (local gradient ``\\delta_j(n) = e_j(n)\\varphi'_j(v_j(n))``,
``e = d - y``, the weight correction Δw), Mitchell's *Machine Learning* (``\\delta_k \\leftarrow o_k(1 -
o_k)(t_k - o_k)``, ``w_{ji} \\leftarrow w_{ji} + \\eta\\delta_j x_{ji}``), Rojas (``\\delta^{(2)} = D_2 e``,
``\\delta^{(1)} = D_1 W_2\\delta^{(2)}``), Dive into Deep Learning (``\\text{prod}(\\cdot,\\cdot)``,
``\\partial_{o_j} l``, ``\\phi'``, BPTT sums over t), Raschka's ``\\Delta^{(h)} = (A^{(in)})^T\\delta^{(h)}``
and ``\\partial\\phi(z^{(h)})/\\partial z^{(h)}``, Jupyter markdown answers (``**Answer:**``, ``$$…$$``),
知乎 / CSDN derivations (「误差项」「敏感度」), 吴恩达 Chinese notes (``dZ^{[2]} = A^{[2]} - Y``,
``A^{[1]T}``, ``np.sum`` in ``\\text``), exam answer keys of three new variants (tiny-mlp v2/8,
neuron v5/2, softmax-regression v3/6) and hand numbers, ELU/SELU slopes in LaTeX
(``\\operatorname{ELU}'``, ``\\begin{cases} 1 & z > 0 \\\\ \\alpha e^{z} & z \\le 0 \\end{cases}``) on eight
course networks no corpus had used (elu, selu, hn34_selu_expm1_where_constants, tweedie,
softplus_beta, hn39_lihongyi_hw1_covid_mlp_cn, hn16_elu_alpha_kink, modified_huber); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex40"). Oracles: PyTorch
float64 (tests/check_oracle.py) on built-ins, the spec's own text run in PyTorch on course
networks (tests/spelled_oracle.py); hand numbers computed in PyTorch float64 at derive's example
point or at an answer key's ``values`` (recomputed outside derive) and rounded by hand.
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
EL = str(COURSE / "elu.toml")
SE = str(COURSE / "selu.toml")
SX = str(COURSE / "hn34_selu_expm1_where_constants.toml")
TW = str(COURSE / "tweedie.toml")
SP = str(COURSE / "softplus_beta.toml")
LH = str(COURSE / "hn39_lihongyi_hw1_covid_mlp_cn.toml")
EK = str(COURSE / "hn16_elu_alpha_kink.toml")
MH = str(COURSE / "modified_huber.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# tiny-mlp v2/8: X = [2, 1.5], W1 = [[-0.4, 0.7], [-0.1, -0.7]], W2 = [-0.9, -0.9]ᵀ, y = 1;
# neuron v5/2: x = [0.1, 0.2, 0.7], w = [0.9, -0.3, -0.7], t = 0.7; softmax-regression v3/6:
# gradients by PyTorch float64 at those values
KT, KE, KS = K(T, 2, 8), K(E, 5, 2), K(S, 3, 6)

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

# course-network oracles (NumPy over the spec's own values, run in PyTorch by tests/spelled_oracle.py)
ELU_P = "((Z1 > 0) + alpha * np.exp(Z1) * (Z1 <= 0))"
EL_DY = "(2 * (Yhat - Y) / m)"
EL_W2 = f"A1.T @ {EL_DY}"
EL_D1 = f"({EL_DY} @ W2.T * {ELU_P})"
EL_W1 = f"X.T @ {EL_D1}"
EL_B1 = f"np.sum({EL_D1}, axis=0, keepdims=True)"
SELU_P = "(scale * ((Z > 0) + alpha * np.exp(Z) * (Z <= 0)))"
SE_DZ = f"((A - Y) * {SELU_P})"
SE_W = f"X.T @ {SE_DZ}"
SX_DO = "(np.sign(out - y) / n)"
SX_P = "(scale * np.where(z > 0, 1, alpha * np.exp(z)))"
SX_DZ = f"({SX_DO} @ W2.T * {SX_P})"
SX_W2 = f"a.T @ {SX_DO}"
SX_W1 = f"x.T @ {SX_DZ}"
SX_B1 = f"np.sum({SX_DZ}, axis=0)"
TW_W = "X.T @ (mu ** (2 - p) - y * mu ** (1 - p)) / n"
SP_DZ = "((p - y) / n)"
SP_W2 = f"a.T @ {SP_DZ}"
SP_W1 = f"x.T @ ({SP_DZ} @ W2.T * sigmoid(2 * x @ W1))"
LH_DP = "(2 * (pred - y) / B)"
LH_W3 = f"{LH_DP} @ a2"
LH_B3 = f"np.sum({LH_DP})"
LH_D2 = f"({LH_DP}[:, None] @ W3 * (a2 > 0))"
LH_W2 = f"{LH_D2}.T @ a1"
LH_D1 = f"({LH_D2} @ W2 * (a1 > 0))"
LH_W1 = f"{LH_D1}.T @ x"
EK_P = "np.where(z > 0, 1, 0.5 * np.exp(z))"
EK_D = f"((a @ v - y) @ v.T * {EK_P})"
EK_W = f"X.T @ {EK_D}"
EK_B = f"np.sum({EK_D}, axis=0)"
EK_V = "a.T @ (a @ v - y)"
MH_G = "np.where(z >= -1, -2 * np.maximum(0, 1 - z), -4)"
MH_W = f"X.T @ (y * {MH_G}) / n"

# ================================================================ Nielsen, NNDL ch. 2 (BP1–BP4)
C(E, "w", L, r"\delta^{L} = \nabla_{O} C \odot \sigma'(z), \quad \nabla_{O} C = O - t, \quad \frac{\partial C}{\partial w} = \delta^{L} x", oracle=EW, style="nielsen-bp1-bp4-neuron")
C(E, "w", L, r"\delta^{L} = \nabla_{O} C \odot \sigma(z), \quad \nabla_{O} C = O - t, \quad \frac{\partial C}{\partial w} = \delta^{L} x", "wrong-activation-derivative", oracle="(O - t) * O * x", style="nielsen-bp1-sigma-not-prime")
C(E, "w", L, r"\delta^{L} = \nabla_{O} C \odot \sigma'(z), \quad \nabla_{O} C = t - O, \quad \frac{\partial C}{\partial w} = \delta^{L} x", "sign", oracle=f"-{EW}", style="nielsen-bp1-cost-gradient-sign")
C(E, "w", L, r"\delta^{L} = \nabla_a C \odot \sigma'(z^{L}), \quad \frac{\partial C}{\partial w} = \delta^{L} x", REFUSE, style="nielsen-bp1-nabla-a-undefined", note="∇_a C with a never named: Nielsen's a is no name of the network")
C(T, "W1", L, r"\delta^{2} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \delta^{1} = \big(\delta^{2} W_2^{\top}\big) \odot \sigma'(h_{\mathrm{raw}}), \quad \frac{\partial C}{\partial W_1} = X^{\top}\delta^{1}", oracle=TW1, style="nielsen-bp2-row-major-tiny")
C(T, "W1", L, r"\delta^{2} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \delta^{1} = \big(\delta^{2} W_2^{\top}\big), \quad \frac{\partial C}{\partial W_1} = X^{\top}\delta^{1}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="nielsen-bp2-no-sigma-prime")
C(T, "W2", L, r"\delta^{L} = \nabla_{y_{\mathrm{pred}}} C = y_{\mathrm{pred}} - y_{\mathrm{target}}, \qquad \frac{\partial C}{\partial W_2} = h^{\top}\delta^{L}", oracle=TW2, style="nielsen-bp4-linear-output")
C(T, "W2", L, r"\delta^{L} = (y_{\mathrm{pred}} - y_{\mathrm{target}}) \odot \sigma'(y_{\mathrm{pred}}), \qquad \frac{\partial C}{\partial W_2} = h^{\top}\delta^{L}", "*", style="nielsen-bp1-sigma-on-linear-output", note="tiny-mlp's output is linear: BP1's σ′ does not apply")
C(M, "W1", L, r"\delta^{2} = \frac{1}{m}\big(A^{[2]} - Y\big), \quad \delta^{1} = \big(\delta^{2} W_2^{\top}\big) \odot \operatorname{ReLU}'\big(Z^{[1]}\big), \quad \frac{\partial C}{\partial W_1} = X^{\top}\delta^{1}", oracle=W1R, style="nielsen-bp2-mlp-relu-prime")
C(M, "b1", L, r"\frac{\partial C}{\partial b_1} = \sum_{i=1}^{m}\delta^{1}_{i}, \quad \delta^{1} = \frac{1}{m}(A_2 - Y)W_2^{\top} \odot \mathbb{1}[Z_1 > 0]", oracle=B1R, style="nielsen-bp3-summed-over-examples")
C(M, "b1", L, r"\frac{\partial C}{\partial b_1} = \delta^{1}, \quad \delta^{1} = \frac{1}{m}(A_2 - Y)W_2^{\top} \odot \mathbb{1}[Z_1 > 0]", "bias-not-summed", style="nielsen-bp3-unsummed")
C(M, "W2", L, r"\frac{\partial C}{\partial W_2} = \delta^{2}\,(A_1)^{T}, \quad \delta^{2} = \frac{1}{m}(A_2 - Y)", "*", style="nielsen-bp4-column-form-on-rows", note="Nielsen's column form δ aᵀ copied onto a network with one example per row")
C(R, "w2", L, r"\delta^{L} = \nabla_{y_{\mathrm{pred}}} C = 2(y_{\mathrm{pred}} - y), \qquad \frac{\partial C}{\partial w_2} = h_{\mathrm{relu}}^{\top}\delta^{L}", oracle=RW2, style="nielsen-relu-mlp-w2")
C(R, "w2", L, r"\delta^{L} = \nabla_{y_{\mathrm{pred}}} C = y_{\mathrm{pred}} - y, \qquad \frac{\partial C}{\partial w_2} = h_{\mathrm{relu}}^{\top}\delta^{L}", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="nielsen-relu-mlp-w2-half-convention")
C(T, "w12", L, r"\frac{\partial C}{\partial w_{12}} = x_1\,\delta^{1}_2, \quad \delta^{1}_2 = v_2\,\delta^{2}\,\sigma'(h_{2,\mathrm{raw}}), \quad \delta^{2} = y_{\mathrm{pred}} - y_{\mathrm{target}}", style="nielsen-bp4-entry-w12")
C(T, "w12", L, r"\frac{\partial C}{\partial w_{12}} = x_2\,\delta^{1}_2, \quad \delta^{1}_2 = v_2\,\delta^{2}\,\sigma'(h_{2,\mathrm{raw}}), \quad \delta^{2} = y_{\mathrm{pred}} - y_{\mathrm{target}}", "*", style="nielsen-bp4-entry-w12-wrong-input")
C(E, "w", N, "BP1: δᴸ = (O − t) ⊙ σ′(z)\nBP4: ∂C/∂w = δᴸ x", oracle=EW, style="nielsen-unicode-bp-labels")
C(M, "W1", N, "δ² = (A2 − Y)/m\nδ¹ = (δ² W2ᵀ) ⊙ relu′(Z1)\n∂C/∂W1 = Xᵀ δ¹", oracle=W1R, style="nielsen-unicode-superscript-deltas")
C(M, "W1", N, "δ² = (A2 − Y)/m\nδ¹ = (δ² W2ᵀ) ⊙ relu′(Z1)\n∂C/∂W1 = δ¹ Xᵀ", "*", style="nielsen-unicode-column-order")

# ================================================================ Hagan et al., Neural Network Design ch. 11 (sensitivities)
C(R, "w2", L, r"\mathbf{s}^{2} = -2\,\dot{\mathbf{F}}^{2}(\mathbf{n}^{2})(\mathbf{y} - \mathbf{y}_{\mathrm{pred}}), \quad \dot{\mathbf{F}}^{2} = \mathbf{I}, \quad \frac{\partial \hat{F}}{\partial \mathbf{w}_2} = \mathbf{h}_{\mathrm{relu}}^{\top}\mathbf{s}^{2}", oracle=RW2, style="hagan-s2-purelin")
C(R, "w2", L, r"\mathbf{s}^{2} = -2(\mathbf{y} - \mathbf{y}_{\mathrm{pred}}), \quad \frac{\partial \hat{F}}{\partial \mathbf{w}_2} = \mathbf{h}_{\mathrm{relu}}^{\top}\mathbf{s}^{2}", oracle=RW2, style="hagan-s2-plain")
C(R, "w2", L, r"\mathbf{s}^{2} = 2(\mathbf{y} - \mathbf{y}_{\mathrm{pred}}), \quad \frac{\partial \hat{F}}{\partial \mathbf{w}_2} = \mathbf{h}_{\mathrm{relu}}^{\top}\mathbf{s}^{2}", "sign", oracle=f"-{RW2}", style="hagan-s2-minus-dropped")
C(R, "w1", L, r"\mathbf{s}^{1} = \big(\mathbf{s}^{2}\mathbf{w}_2^{\top}\big) \odot \dot{f}^{1}(\mathbf{h}), \quad \dot{f}^{1}(n) = \begin{cases} 1 & n > 0 \\ 0 & n \le 0 \end{cases}, \quad \mathbf{s}^{2} = -2(\mathbf{y} - \mathbf{y}_{\mathrm{pred}}), \quad \frac{\partial \hat{F}}{\partial \mathbf{w}_1} = \mathbf{x}^{\top}\mathbf{s}^{1}", oracle=RW1, style="hagan-s1-fdot-cases")
C(R, "w1", L, r"\mathbf{s}^{1} = \mathbf{s}^{2}\mathbf{w}_2^{\top}, \quad \mathbf{s}^{2} = -2(\mathbf{y} - \mathbf{y}_{\mathrm{pred}}), \quad \frac{\partial \hat{F}}{\partial \mathbf{w}_1} = \mathbf{x}^{\top}\mathbf{s}^{1}", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="hagan-s1-no-fdot")
C(T, "W1", L, r"s^{2} = -(y_{\mathrm{target}} - y_{\mathrm{pred}}), \quad s^{1} = (1 - h) \odot h \odot \big(s^{2} W_2^{\top}\big), \quad \frac{\partial \hat{F}}{\partial W_1} = X^{\top}s^{1}", oracle=TW1, style="hagan-logsig-tiny-half-loss")
C(T, "W1", L, r"s^{2} = -2(y_{\mathrm{target}} - y_{\mathrm{pred}}), \quad s^{1} = (1 - h) \odot h \odot \big(s^{2} W_2^{\top}\big), \quad \frac{\partial \hat{F}}{\partial W_1} = X^{\top}s^{1}", "scale-factor", oracle=f"2 * {TW1}", style="hagan-logsig-tiny-book-factor-2", note="Hagan's F is Σ(t − a)² without ½; tiny-mlp's loss has the ½")
C(R, "w2", N, "敏感度 s² = −2(y − y_pred)，∂F/∂w2 = h_reluᵀ s²", oracle=RW2, lang=Z, style="zh-hagan-sensitivity-w2")
C(R, "w1", N, "敏感度反向传播：s¹ = (s² w2ᵀ) ⊙ 1[h > 0]，其中 s² = −2(y − y_pred)；∂F/∂w1 = xᵀ s¹", oracle=RW1, lang=Z, style="zh-hagan-sensitivity-w1")
C(R2, "W_h", L, r"\mathbf{s}_2 = (h_2 - y) \odot (1 - h_2^{2}), \quad \mathbf{s}_1 = \mathbf{s}_2 W_h^{\top} \odot (1 - h_1^{2}), \quad \frac{\partial \hat{F}}{\partial W_h} = h_1^{\top}\mathbf{s}_2 + h_0^{\top}\mathbf{s}_1", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", style="hagan-rnn-sensitivities")

# ================================================================ Haykin (local gradient δ = e φ′(v), e = d − y, gradient = −δ y)
C(E, "w", L, r"\delta = e\,\varphi'(z), \quad e = t - O, \quad \varphi'(z) = O(1 - O), \quad \frac{\partial \mathcal{E}}{\partial w} = -\delta\, x", oracle=EW, style="haykin-local-gradient-minus")
C(E, "w", L, r"\delta = e\,\varphi'(z), \quad e = t - O, \quad \varphi'(z) = O(1 - O), \quad \frac{\partial \mathcal{E}}{\partial w} = \delta\, x", "sign", oracle=f"-{EW}", style="haykin-local-gradient-minus-lost")
C(E, "w", L, r"\Delta w = \eta\,\delta\,x, \quad \delta = (t - O)\,O(1 - O)", REFUSE, style="haykin-weight-correction", note="a weight correction Δw (an update step) is no gradient: refused by the written update-step policy")
C(T, "W1", L, r"\boldsymbol{\delta}_o = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad \boldsymbol{\delta}_h = h(1 - h) \odot \big(\boldsymbol{\delta}_o W_2^{\top}\big), \quad \frac{\partial \mathcal{E}}{\partial W_1} = -X^{\top}\boldsymbol{\delta}_h", oracle=TW1, style="haykin-hidden-local-gradient")
C(T, "W2", N, "δ_o = y_target − y_pred（Haykin 的局部梯度，线性输出 φ′ = 1）\n∂E/∂W2 = −hᵀ δ_o", oracle=TW2, lang=Z, style="zh-haykin-output-local-gradient")
C(E, "w", N, "local gradient δ = e·φ′(z) with e = t − O and φ′(z) = O(1 − O); ∂E/∂w = −δ·x", oracle=EW, style="haykin-text")

# ================================================================ Mitchell, Machine Learning ch. 4 (δ_k ← o_k(1 − o_k)(t_k − o_k))
C(E, "w", N, "δ_k ← o_k(1 − o_k)(t_k − o_k) with o_k = O, t_k = t; ∂E/∂w = −δ_k x", oracle=EW, style="mitchell-delta-k-text")
C(E, "w", L, r"\delta_k \leftarrow O(1 - O)(t - O), \qquad \frac{\partial E}{\partial w} = -\delta_k\, x", oracle=EW, style="mitchell-delta-k-latex")
C(E, "w", L, r"\delta_k \leftarrow O(1 - O)(t - O), \qquad w \leftarrow w + \eta\,\delta_k\, x", oracle=EW, style="mitchell-update-rule", note="an update rule w ← w + η δ x is read as the gradient it applies (−δ x)")
C(E, "w", N, "Δw_ji = η δ_j x_ji, δ_j = O(1 − O)(t − O)", REFUSE, style="mitchell-delta-w-step")
C(T, "W1", N, "δ_out ← y_target − y_pred\nδ_h ← h(1 − h) ⊙ (δ_out W2ᵀ)\n∂E/∂W1 = −Xᵀ δ_h", oracle=TW1, style="mitchell-hidden-unicode")
C(T, "W1", N, "δ_out ← y_pred(1 − y_pred)(y_target − y_pred)\nδ_h ← h(1 − h) ⊙ (δ_out W2ᵀ)\n∂E/∂W1 = −Xᵀ δ_h", "*", oracle="X.T @ ((y_pred - y_target) * y_pred * (1 - y_pred) * W2.T * h * (1 - h))", style="mitchell-sigmoid-output-on-linear")
C(T, "W2", L, r"\delta_k \leftarrow (t_k - o_k), \quad o_k = y_{\mathrm{pred}}, \quad t_k = y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_2} = -h^{\top}\delta_k", oracle=TW2, style="mitchell-ok-tk-defined")
C(T, "W2", L, r"\delta_k \leftarrow (t_k - o_k), \quad o_k = y_{\mathrm{pred}}, \quad t_k = y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_2} = h^{\top}\delta_k", "sign", oracle=f"-{TW2}", style="mitchell-ok-tk-sign")

# ================================================================ Rojas, Neural Networks ch. 7 (δ⁽²⁾ = D₂e, δ⁽¹⁾ = D₁W₂δ⁽²⁾, column vectors)
C(E, "w", L, r"\boldsymbol{\delta} = D\,\mathbf{e}, \quad D = \operatorname{diag}\big(O(1 - O)\big), \quad \mathbf{e} = O - t, \quad \nabla_{w} E = \boldsymbol{\delta}\, x", oracle=EW, style="rojas-D-e-neuron")
C(T, "W1", L, r"\boldsymbol{\delta}^{(1)} = D_1 W_2 \boldsymbol{\delta}^{(2)}, \quad D_1 = \operatorname{diag}\big(h \odot (1 - h)\big), \quad \boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\boldsymbol{\delta}^{(1)\top}", oracle=TW1, style="rojas-D1-W2-delta2")
C(T, "W1", L, r"\boldsymbol{\delta}^{(1)} = W_2 \boldsymbol{\delta}^{(2)}, \quad \boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial E}{\partial W_1} = X^{\top}\boldsymbol{\delta}^{(1)\top}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="rojas-D1-forgotten")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = \hat{\mathbf{o}}^{(1)}\boldsymbol{\delta}^{(2)\top}, \quad \hat{\mathbf{o}}^{(1)} = h^{\top}, \quad \boldsymbol{\delta}^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}", oracle=TW2, style="rojas-o-hat-column")

# ================================================================ Dive into Deep Learning (prod, ∂_{o_j} l, φ′, BPTT sums)
C(M, "W2", L, r"\frac{\partial J}{\partial \mathbf{W}_2} = \text{prod}\Big(\frac{\partial J}{\partial \mathbf{Z}_2}, \frac{\partial \mathbf{Z}_2}{\partial \mathbf{W}_2}\Big) = \mathbf{A}_1^{\top}\frac{\partial J}{\partial \mathbf{Z}_2}, \quad \frac{\partial J}{\partial \mathbf{Z}_2} = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y})", oracle=W2R, style="d2l-prod-W2")
C(M, "W2", L, r"\frac{\partial J}{\partial \mathbf{W}_2} = \text{prod}\Big(\frac{\partial J}{\partial \mathbf{Z}_2}, \frac{\partial \mathbf{Z}_2}{\partial \mathbf{W}_2}\Big) = \frac{\partial J}{\partial \mathbf{Z}_2}\mathbf{A}_1^{\top}, \quad \frac{\partial J}{\partial \mathbf{Z}_2} = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y})", "*", style="d2l-prod-W2-column-order")
C(R, "h", L, r"\frac{\partial J}{\partial \mathbf{h}} = \frac{\partial J}{\partial \mathbf{h}_{\mathrm{relu}}} \odot \phi'(\mathbf{h}), \quad \phi(x) = \max(x, 0), \quad \frac{\partial J}{\partial \mathbf{h}_{\mathrm{relu}}} = 2(\mathbf{y}_{\mathrm{pred}} - \mathbf{y})\mathbf{w}_2^{\top}", oracle="2 * (y_pred - y) @ w2.T * (h > 0)", style="d2l-phi-prime-defined")
C(R, "y_pred", L, r"\nabla_{\mathbf{y}_{\mathrm{pred}}} \|\mathbf{y}_{\mathrm{pred}} - \mathbf{y}\|_F^{2} = 2(\mathbf{y}_{\mathrm{pred}} - \mathbf{y})", oracle="2 * (y_pred - y)", style="d2l-frobenius-norm")
C(R, "y_pred", L, r"\nabla_{\mathbf{y}_{\mathrm{pred}}} \|\mathbf{y}_{\mathrm{pred}} - \mathbf{y}\|_F^{2} = \mathbf{y}_{\mathrm{pred}} - \mathbf{y}", "scale-factor", oracle="y_pred - y", style="d2l-frobenius-norm-no-2")
C(S, "W", L, r"\partial_{\mathbf{o}} l = \operatorname{softmax}(\mathbf{o}) - \mathbf{y} \;\Rightarrow\; \frac{\partial L}{\partial \mathbf{W}} = \frac{1}{m}\mathbf{X}^{\top}\big(\operatorname{softmax}(\mathbf{Z}) - \mathbf{Y}\big)", oracle=SW, style="d2l-softmax-partial-o")
C(S, "Z", L, r"\partial_{o_j} l = \frac{\exp(o_j)}{\sum_{k=1}^{q}\exp(o_k)} - y_j, \qquad \frac{\partial L}{\partial Z} = P - Y", "scale-factor", oracle="P - Y", style="d2l-softmax-per-example-no-mean")
C(S, "b", L, r"\frac{\partial L}{\partial \mathbf{b}} = \frac{1}{m}\sum_{i=1}^{m}\big(\operatorname{softmax}(\mathbf{o}^{(i)}) - \mathbf{y}^{(i)}\big)^{\top}", oracle=SB, style="d2l-softmax-b-per-example-sum")
C(R2, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} h_{t-1}^{\top}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top} \odot (1 - h_1^{2})", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", style="d2l-bptt-sum-over-t")
C(R2, "W_x", L, r"\frac{\partial L}{\partial W_x} = \sum_{t=1}^{2} x_t^{\top}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top} \odot (1 - h_1^{2})", oracle="x_2.T @ ((h_2 - y) * (1 - h_2 ** 2)) + x_1.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", style="d2l-bptt-Wx-sum-over-t")
C(R2, "W_x", L, r"\frac{\partial L}{\partial W_x} = \sum_{t=1}^{2} x_t^{\top}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top}", "*", oracle="x_2.T @ ((h_2 - y) * (1 - h_2 ** 2)) + x_1.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T)", style="d2l-bptt-Wx-tanh-prime-lost-step-1")
C(R2, "b", L, r"\frac{\partial L}{\partial b} = \sum_{t=1}^{2}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top} \odot (1 - h_1^{2})", "bias-not-summed", oracle="(h_2 - y) * (1 - h_2 ** 2) + (h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2)", style="d2l-bptt-b-sum-over-t", note="right at m = 1 only: the README's sizes policy judges a formula where every size differs (the oracle said so before the checker ran; first written as right)")

# ================================================================ Raschka, Python Machine Learning ch. 11 (Δ⁽ʰ⁾, ∂φ(z⁽ʰ⁾)/∂z⁽ʰ⁾)
C(T, "W1", L, r"\delta^{(out)} = a^{(out)} - y, \quad \delta^{(h)} = \delta^{(out)}\big(W^{(out)}\big)^{T} \odot \frac{\partial \phi(z^{(h)})}{\partial z^{(h)}}, \quad \frac{\partial \phi(z^{(h)})}{\partial z^{(h)}} = a^{(h)} \odot (1 - a^{(h)}), \quad \frac{\partial J}{\partial W^{(h)}} = \big(A^{(in)}\big)^{T}\delta^{(h)}", oracle=TW1, style="raschka-delta-h-dphi-dz")
C(T, "W1", L, r"\delta^{(out)} = a^{(out)} - y, \quad \delta^{(h)} = \delta^{(out)}\big(W^{(out)}\big)^{T}, \quad \frac{\partial J}{\partial W^{(h)}} = \big(A^{(in)}\big)^{T}\delta^{(h)}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="raschka-delta-h-no-dphi")
C(T, "W2", L, r"\Delta^{(out)} = \big(A^{(h)}\big)^{T}\delta^{(out)}, \quad \delta^{(out)} = a^{(out)} - y, \quad \frac{\partial J}{\partial W^{(out)}} = \Delta^{(out)}", oracle=TW2, style="raschka-Delta-out")
C(M, "W1", L, r"\delta^{(out)} = \frac{1}{m}\big(A^{(out)} - Y\big), \quad \delta^{(h)} = \delta^{(out)}\big(W^{(out)}\big)^{T} \odot \mathbb{1}\big[Z^{(h)} > 0\big], \quad \frac{\partial J}{\partial W^{(h)}} = X^{T}\delta^{(h)}", oracle=W1R, style="raschka-mlp-relu-mask")
C(M, "b2", L, r"\frac{\partial J}{\partial b^{(out)}} = \frac{1}{m}\sum_{i=1}^{m}\delta^{(out)[i]}, \quad \delta^{(out)} = A^{(out)} - Y", oracle=B2R, style="raschka-b-out-example-superscript")

# ================================================================ Jupyter markdown answers
C(M, "W2", L, r"**Answer:** $$\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}\big(A^{[2]} - Y\big)$$", oracle=W2R, style="jupyter-bold-answer-display")
C(M, "b2", L, "### Q2 (b)\n\n> $\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i} \\big(A^{[2]}_i - Y_i\\big)$", oracle=B2R, style="jupyter-heading-blockquote")
C(T, "W1", L, "- $\\delta_2 = \\hat{y} - y$\n- $\\delta_1 = \\delta_2 W_2^\\top \\odot h \\odot (1 - h)$\n- $\\nabla_{W_1} L = X^\\top \\delta_1$", oracle=TW1, style="jupyter-bullets-inline-math")
C(T, "W1", L, "- $\\delta_2 = \\hat{y} - y$\n- $\\delta_1 = \\delta_2 W_2^\\top \\odot h \\odot (1 - h)$\n- $\\nabla_{W_1} L = \\delta_1 X^\\top$", "*", style="jupyter-bullets-inline-math-order")
C(R, "w1", L, "**Solution.** Using the chain rule,\n$$\\nabla_{w_1} \\ell = x^\\top\\big[2(y_{pred} - y)\\,w_2^\\top \\odot \\mathbb{1}(h > 0)\\big]$$", oracle=RW1, style="jupyter-solution-chain-rule-sentence")
C(R, "w1", L, "**Solution.** Using the chain rule,\n$$\\nabla_{w_1} \\ell = x^\\top\\big[2(y_{pred} - y)\\,w_2^\\top\\big]$$", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="jupyter-solution-no-mask")
C(S, "W", N, "**Answer**: `dW = X.T @ (P - Y) / m`", oracle=SW, style="jupyter-backticks-code-answer")
C(B, "gamma", L, r"$$\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m}\Big(\frac{2}{mn}(Y - T) \odot \hat{Z}\Big)_{i}$$", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="jupyter-bn-gamma-row-sum")
C(B, "gamma", L, r"$$\frac{\partial L}{\partial \gamma} = \frac{2}{mn}(Y - T) \odot \hat{Z}$$", "*", style="jupyter-bn-gamma-unsummed")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \frac{2}{mn}\mathbf{1}^{\top}(Y - T)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="bn-beta-ones-row")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \frac{2}{m}\mathbf{1}^{\top}(Y - T)", "scale-factor", oracle="np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", style="bn-beta-mean-over-rows-only")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\top}A^{\top}\frac{\partial L}{\partial O}, \quad \frac{\partial L}{\partial O} = \frac{2}{nd}(O - T)", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", style="attention-Wv-two-over-nd")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\top}A^{\top}\frac{\partial L}{\partial O}, \quad \frac{\partial L}{\partial O} = \frac{2}{n}(O - T)", "scale-factor", oracle="X.T @ A.T @ (2 * (O - T) / n)", style="attention-Wv-two-over-n")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = A^{\top}X^{\top}\frac{\partial L}{\partial O}, \quad \frac{\partial L}{\partial O} = \frac{2}{nd}(O - T)", "*", style="attention-Wv-A-X-swapped")
C(A, "V", N, "∂L/∂V = Aᵀ · 2(O − T)/(n·d)", oracle="A.T @ (2 * (O - T) / (n * d))", style="attention-dV-text")

# ================================================================ 吴恩达 notes (dZ/dW/db, A^{[1]T}, np.sum in \text), row-major built-ins
C(M, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]}", oracle=W2R, style="ng-notes-A1T-row-major")
C(M, "W2", L, r"dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}", "*", style="ng-notes-column-major-verbatim", note="Ng's column-major dZ A^T on a network with one example per row: the shapes do not meet")
C(M, "Z2", L, r"dZ^{[2]} = A^{[2]} - Y", "scale-factor", oracle="A2 - Y", style="ng-notes-dZ2-no-mean", note="L is the mean BCE: ∂L/∂Z2 = (A2 − Y)/m; Ng's dZ leaves the 1/m to dW")
C(M, "b2", L, r"db^{[2]} = \frac{1}{m}\,\text{np.sum}(dZ^{[2]}, \text{axis}=0, \text{keepdims}=\text{True}), \quad dZ^{[2]} = A^{[2]} - Y", oracle=B2R, style="ng-notes-np-sum-in-text-axis0")
C(M, "b1", L, r"db^{[1]} = \frac{1}{m}\,\text{np.sum}(dZ^{[1]}, \text{axis}=1, \text{keepdims}=\text{True}), \quad dZ^{[1]} = dZ^{[2]} W^{[2]T} \ast g^{[1]\prime}(Z^{[1]}), \quad g^{[1]\prime}(z) = \mathbb{1}[z > 0], \quad dZ^{[2]} = A^{[2]} - Y", "*", style="ng-notes-np-sum-axis1-on-rows")
C(M, "W1", L, r"dW^{[1]} = \frac{1}{m} X^{T} dZ^{[1]}, \quad dZ^{[1]} = dZ^{[2]} W^{[2]T} \ast g^{[1]\prime}(Z^{[1]}), \quad g^{[1]\prime}(z) = \mathbb{1}[z > 0], \quad dZ^{[2]} = A^{[2]} - Y", oracle=W1R, style="ng-notes-g-prime-star")
C(M, "W1", L, r"dW^{[1]} = \frac{1}{m} X^{T} dZ^{[1]}, \quad dZ^{[1]} = dZ^{[2]} W^{[2]T} \ast g^{[1]}(Z^{[1]}), \quad g^{[1]}(z) = \max(0, z), \quad dZ^{[2]} = A^{[2]} - Y", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="ng-notes-g-not-prime")
C(M, "A2", L, r"dA^{[2]} = \frac{1}{m}\Big(-\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}\Big)", oracle="(-Y / A2 + (1 - Y) / (1 - A2)) / m", style="ng-notes-dA2-mean")
C(M, "A2", L, r"dA^{[2]} = -\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}", "scale-factor", oracle="-Y / A2 + (1 - Y) / (1 - A2)", style="ng-notes-dA2-per-example")
C(M, "W2", N, "吴恩达笔记：dZ^[2] = A^[2] − Y，dW^[2] = (1/m)·A^[1]ᵀ dZ^[2]（这里每行一个样本）", oracle=W2R, lang=Z, style="zh-ng-notes-W2")
C(M, "b1", N, "dZ^[1] = dZ^[2] W^[2]ᵀ * g′(Z^[1])，g′ 为 ReLU 的导数；db^[1] = (1/m)·Σᵢ dZ^[1]ᵢ，dZ^[2] = A^[2] − Y", oracle=B1R, lang=Z, style="zh-ng-notes-b1-g-prime-words")
C(MW, "Z2", L, r"dZ^{[2]} = \frac{1}{m}\Big((1 - Y) \odot A^{[2]} - w\,Y \odot (1 - A^{[2]})\Big)", oracle="((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="ng-notes-weighted-dZ2")
C(MW, "Z2", L, r"dZ^{[2]} = \frac{1}{m}\big(A^{[2]} - Y\big)", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="ng-notes-weighted-dZ2-simplified")
C(MW, "W2", L, r"dW^{[2]} = \frac{1}{m} A^{[1]T}\Big((1 - Y) \odot A^{[2]} - w\,Y \odot (1 - A^{[2]})\Big)", oracle="A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="ng-notes-weighted-W2")

# ================================================================ 知乎 / CSDN derivations (误差项, 敏感度), Chinese
C(T, "W1", N, "定义输出层误差项 δ⁽²⁾ = y_pred − y_target，隐层误差项 δ⁽¹⁾ = (δ⁽²⁾ W2ᵀ) ⊙ h ⊙ (1 − h)，则 ∂E/∂W1 = Xᵀ δ⁽¹⁾", oracle=TW1, lang=Z, style="zh-zhihu-error-terms-tiny")
C(T, "W1", N, "定义输出层误差项 δ⁽²⁾ = y_pred − y_target，隐层误差项 δ⁽¹⁾ = δ⁽²⁾ W2ᵀ，则 ∂E/∂W1 = Xᵀ δ⁽¹⁾", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", lang=Z, style="zh-zhihu-error-terms-no-sigma")
C(E, "w", L, r"\frac{\partial E}{\partial \boldsymbol{w}} = -(t - O)\,O(1 - O)\,\boldsymbol{x}", oracle=EW, lang=Z, style="zh-csdn-neuron-minus-t-minus-O")
C(E, "w", L, r"\frac{\partial E}{\partial \boldsymbol{w}} = (t - O)\,O(1 - O)\,\boldsymbol{x}", "sign", oracle=f"-{EW}", lang=Z, style="zh-csdn-neuron-sign")
C(T, "v2", L, r"\frac{\partial E}{\partial v_{2}} = (y_{pred} - y_{target})\, h_2", lang=Z, style="zh-csdn-v2-entry")
C(T, "v2", L, r"\frac{\partial E}{\partial v_{2}} = (y_{pred} - y_{target})\, h_2 (1 - h_2)", "*", lang=Z, style="zh-csdn-v2-entry-extra-slope")
C(M, "W1", L, "设误差项 $\\boldsymbol{\\delta}^{(2)} = \\frac{1}{m}(\\boldsymbol{A}_2 - \\boldsymbol{Y})$，隐层误差项 $\\boldsymbol{\\delta}^{(1)} = \\boldsymbol{\\delta}^{(2)}\\boldsymbol{W}_2^{\\mathrm{T}} \\odot \\mathbb{1}(\\boldsymbol{Z}_1 > 0)$，于是 $$\\frac{\\partial L}{\\partial \\boldsymbol{W}_1} = \\boldsymbol{X}^{\\mathrm{T}}\\boldsymbol{\\delta}^{(1)}$$", oracle=W1R, lang=Z, style="zh-csdn-she-wucha-xiang")
C(M, "W1", L, "设误差项 $\\boldsymbol{\\delta}^{(2)} = \\boldsymbol{A}_2 - \\boldsymbol{Y}$，隐层误差项 $\\boldsymbol{\\delta}^{(1)} = \\boldsymbol{\\delta}^{(2)}\\boldsymbol{W}_2^{\\mathrm{T}} \\odot \\mathbb{1}(\\boldsymbol{Z}_1 > 0)$，于是 $$\\frac{\\partial L}{\\partial \\boldsymbol{W}_1} = \\boldsymbol{X}^{\\mathrm{T}}\\boldsymbol{\\delta}^{(1)}$$", "scale-factor", oracle=f"{W1R} * m", lang=Z, style="zh-csdn-she-wucha-xiang-no-mean")
C(S, "W", N, "交叉熵对 logits 的梯度是 P − Y，再除以样本数 m：∂L/∂W = Xᵀ(P − Y)/m", oracle=SW, lang=Z, style="zh-zhihu-softmax-sentence-then-answer")
C(S, "b", N, "∂L/∂b = 对 (P − Y)/m 按列求和，即 Σᵢ (Pᵢ − Yᵢ)/m", oracle=SB, lang=Z, style="zh-zhihu-softmax-b-column-sum-words")
C(R2, "W_h", N, "BPTT：δ₂ = (h₂ − y) ⊙ (1 − h₂²)，δ₁ = δ₂ W_hᵀ ⊙ (1 − h₁²)，∂L/∂W_h = h₁ᵀ δ₂ + h₀ᵀ δ₁", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", lang=Z, style="zh-zhihu-bptt-Wh")
C(R2, "W_h", N, "BPTT：δ₂ = (h₂ − y) ⊙ (1 − h₂²)，∂L/∂W_h = h₁ᵀ δ₂", "*", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2))", lang=Z, style="zh-zhihu-bptt-Wh-one-step")
C(CH, "w", N, "由链式法则 ∂L/∂w = ∂L/∂v · ∂v/∂u · ∂u/∂w = 2v · 1 · x", oracle="2 * v * x", lang=Z, style="zh-chain-three-factors")
C(CH, "w", N, "由链式法则 ∂L/∂w = ∂L/∂v · ∂v/∂u · ∂u/∂w = 2v · 1 · w", "*", oracle="2 * v * w", lang=Z, style="zh-chain-three-factors-wrong-input")
C(E, "w", N, "用链式法则逐层求导即可，误差项从输出层往回传。", REFUSE, lang=Z, style="zh-prose-only-no-formula")

# ================================================================ the rest of the built-ins: chain, softmax, relu-mlp in other hands
C(CH, "b", L, r"\frac{\partial L}{\partial b} = \frac{\partial L}{\partial v}\cdot\frac{\partial v}{\partial b} = 2v", oracle="2 * v", style="chain-b-two-factors")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = 2(wx + b)", oracle="2 * (w * x + b)", style="chain-b-expanded")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = (wx + b)^{2}", "*", oracle="(w * x + b) ** 2", style="chain-b-the-loss")
C(CH, "x", L, r"\frac{\partial L}{\partial x} = 2(wx + b)\,w", oracle="2 * (w * x + b) * w", style="chain-x-expanded")
C(S, "W", L, r"\nabla_{\mathbf{W}} L = \frac{1}{m}\sum_{i=1}^{m}\mathbf{x}^{(i)}\big(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\big)^{\top}", oracle=SW, style="softmax-per-example-outer-columns", note="x^{(i)}, p^{(i)} column vectors of example i: the outer product x(p − y)ᵀ is n × k, W's shape")
C(S, "W", L, r"\nabla_{\mathbf{W}} L = \frac{1}{m}\sum_{i=1}^{m}\big(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\big)\mathbf{x}^{(i)\top}", "*", style="softmax-per-example-outer-transposed", note="k × n: Wᵀ's shape")
C(S, "W", L, r"\nabla_{\mathbf{W}} L = \frac{1}{m}\mathbf{X}^{\top}(\mathbf{P} - \mathbf{Y}) + \lambda\mathbf{W}", REFUSE, style="softmax-weight-decay-not-in-loss", note="the network's loss has no penalty and no λ: refused naming λ")
C(R, "w1", N, "grad_w1 = xᵀ [ (2 (y_pred − y) w2ᵀ) ⊙ (h > 0) ]", oracle=RW1, style="relu-mlp-grad-name-unicode")
C(R, "w1", N, "grad_w1 = xᵀ [ (2 (y_pred − y) w2ᵀ) ⊙ (h_relu > 1) ]", "*", style="relu-mlp-mask-threshold-1")

# ================================================================ ELU (elu.toml): ELU′ in cases, 𝟙, through its output
_ELUC = r"\operatorname{ELU}'(z) = \begin{cases} 1 & z > 0 \\ \alpha e^{z} & z \le 0 \end{cases}"
C(EL, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{2}{m}A_1^{\top}(\hat{Y} - Y)", oracle=EL_W2, style="elu-W2")
C(EL, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(\hat{Y} - Y)", "scale-factor", oracle="A1.T @ (Yhat - Y) / m", style="elu-W2-no-2")
C(EL, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\Big[\frac{2}{m}(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1)\Big], \quad " + _ELUC, oracle=EL_W1, style="elu-W1-cases")
C(EL, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\Big[\frac{2}{m}(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1)\Big], \quad \operatorname{ELU}'(z) = \begin{cases} 1 & z > 0 \\ \alpha (e^{z} - 1) & z \le 0 \end{cases}", "*", oracle=f"X.T @ ({EL_DY} @ W2.T * ((Z1 > 0) + alpha * (np.exp(Z1) - 1) * (Z1 <= 0)))", style="elu-W1-cases-value-not-slope")
C(EL, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\Big[\frac{2}{m}(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1)\Big], \quad \operatorname{ELU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}", "*", oracle=f"X.T @ ({EL_DY} @ W2.T * (Z1 > 0))", style="elu-W1-relu-slope")
C(EL, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\Big[\frac{2}{m}(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1)\Big], \quad \operatorname{ELU}'(z) = \begin{cases} 1, & z > 0, \\ \operatorname{ELU}(z) + \alpha, & z \le 0, \end{cases}", oracle=EL_W1, style="elu-W1-slope-through-output")
C(EL, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{2}{m}X^{\top}\Big[(\hat{Y} - Y)W_2^{\top} \odot \big(\mathbb{1}[Z_1 > 0] + \alpha e^{Z_1} \odot \mathbb{1}[Z_1 \le 0]\big)\Big]", oracle=EL_W1, style="elu-W1-indicators")
C(EL, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{2}{m}X^{\top}\Big[(\hat{Y} - Y)W_2^{\top} \odot \big(\mathbb{1}[Z_1 > 0] + \alpha e^{Z_1}\big)\Big]", "*", oracle=f"X.T @ ({EL_DY} @ W2.T * ((Z1 > 0) + alpha * np.exp(Z1)))", style="elu-W1-indicator-missing-on-exp")
C(EL, "b1", L, r"\frac{\partial L}{\partial b_1} = \frac{2}{m}\mathbf{1}^{\top}\Big[(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1)\Big], \quad " + _ELUC, oracle=EL_B1, style="elu-b1-ones-cases")
C(EL, "b1", L, r"\frac{\partial L}{\partial b_1} = \frac{2}{m}\Big[(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1)\Big], \quad " + _ELUC, "bias-not-summed", style="elu-b1-unsummed")
C(EL, "W1", N, "∂L/∂W1 = Xᵀ[(2/m)(Ŷ − Y)W2ᵀ ⊙ ELU′(Z1)], ELU′(z) = 1 if z > 0 else α·e^z", oracle=EL_W1, style="elu-text-if-else")
C(EL, "W1", N, "ELU 的导数：z > 0 时为 1，z ≤ 0 时为 αe^z。故 ∂L/∂W1 = Xᵀ[(2/m)(Ŷ − Y)W2ᵀ ⊙ ELU′(Z1)]", oracle=EL_W1, lang=Z, style="zh-elu-slope-in-words")
C(EL, "Z1", L, r"\frac{\partial L}{\partial Z_1} = \frac{2}{m}(\hat{Y} - Y)W_2^{\top} \odot \operatorname{ELU}'(Z_1), \quad " + _ELUC, oracle=EL_D1, style="elu-dZ1")
C(EL, "W2[0,0]", V, "0.7649", style="v-elu-W2-0")
C(EL, "W2[0,0]", V, "0.3825", "*", style="v-elu-W2-0-half")
C(EL, "W1[1,2]", V, "0.3301", style="v-elu-W1-12")
C(EL, "b1[0,0]", V, "0.6465", style="v-elu-b1-0")
C(EL, "b1[0,2]", V, "−0.4651", style="v-elu-b1-2-unicode-minus")

# ================================================================ SELU (selu.toml, sse/2): scale·ELU′
_SELUC = r"\operatorname{SELU}'(z) = \mathrm{scale}\cdot\begin{cases} 1 & z > 0 \\ \alpha e^{z} & z \le 0 \end{cases}"
C(SE, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\big[(A - Y) \odot \operatorname{SELU}'(Z)\big], \quad " + _SELUC, oracle=SE_W, style="selu-W-cases")
C(SE, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\big[(A - Y) \odot \operatorname{SELU}'(Z)\big], \quad \operatorname{SELU}'(z) = \begin{cases} 1 & z > 0 \\ \alpha e^{z} & z \le 0 \end{cases}", "scale-factor", oracle="X.T @ ((A - Y) * ((Z > 0) + alpha * np.exp(Z) * (Z <= 0)))", style="selu-W-scale-dropped")
C(SE, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\big[(A - Y) \odot \mathrm{scale}\,\alpha e^{Z}\big]", "*", oracle="X.T @ ((A - Y) * scale * alpha * np.exp(Z))", style="selu-W-negative-branch-only")
C(SE, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\big[(Y - A) \odot \operatorname{SELU}'(Z)\big], \quad " + _SELUC, "sign", oracle=f"-{SE_W}", style="selu-W-sign")
C(SE, "Z", L, r"\frac{\partial L}{\partial Z} = (A - Y) \odot \mathrm{scale}\,\big(\mathbb{1}[Z > 0] + \alpha e^{Z} \odot \mathbb{1}[Z \le 0]\big)", oracle=SE_DZ, style="selu-dZ-indicators")
C(SE, "W", N, "dL/dW = Xᵀ((A − Y) ⊙ scale·(1[Z > 0] + α·exp(Z)·1[Z ≤ 0]))", oracle=SE_W, style="selu-text-indicators")
C(SE, "W", N, "dL/dW = Xᵀ((A − Y) ⊙ scale·(1[Z > 0] + α·exp(Z)·1[Z ≤ 0])) / m", "scale-factor", oracle=f"{SE_W} / m", style="selu-text-extra-mean", note="sse/2 has no mean")
C(SE, "W[0,0]", V, "-0.8552", style="v-selu-W-00")
C(SE, "W[2,1]", V, "−0.3261", style="v-selu-W-21")
C(SE, "W[0,0]", V, "0.8552", "sign", style="v-selu-W-00-sign")

# ================================================================ SELU with expm1 and an L1 head (hn34_selu_expm1_where_constants)
_SXC = r"\mathrm{scale}\begin{cases} 1 & z > 0 \\ \alpha e^{z} & z \le 0 \end{cases}"
C(SX, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{n}\,a^{\top}\operatorname{sign}(\mathrm{out} - y)", oracle=SX_W2, style="selu-l1-W2-sign")
C(SX, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{2}{n}\,a^{\top}(\mathrm{out} - y)", "*", oracle="2 * a.T @ (out - y) / n", style="selu-l1-W2-as-mse")
C(SX, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{n}\operatorname{sgn}(\mathrm{out} - y)W_2^{\top} \odot " + _SXC + r"\Big]", oracle=SX_W1, style="selu-l1-W1-cases-inline")
C(SX, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{n}\operatorname{sgn}(\mathrm{out} - y)W_2^{\top} \odot \mathrm{scale}\,\alpha\,\operatorname{expm1}(z)\Big]", "*", oracle=f"x.T @ ({SX_DO} @ W2.T * scale * alpha * np.expm1(z))", style="selu-l1-W1-expm1-not-derivative")
C(SX, "b1", L, r"\frac{\partial L}{\partial b_1} = \frac{1}{n}\sum_{i=1}^{n}\Big[\operatorname{sign}(\mathrm{out} - y)W_2^{\top} \odot \mathrm{scale}\,\alpha e^{z}\Big]_{i}", "*", oracle=f"np.sum({SX_DO} @ W2.T * scale * alpha * np.exp(z), axis=0)", style="selu-l1-b1-negative-branch-only", note="z has a positive entry at the example point")
C(SX, "b1", L, r"\frac{\partial L}{\partial b_1} = \sum_{i=1}^{n}\Big[\frac{1}{n}\operatorname{sign}(\mathrm{out} - y)W_2^{\top} \odot " + _SXC + r"\Big]_{i}", oracle=SX_B1, style="selu-l1-b1-row-sum-cases")
C(SX, "W1", N, "a′(z) = scale·α·eᶻ for z ≤ 0, scale for z > 0; ∂L/∂W1 = xᵀ[(sign(out − y)/n) W2ᵀ ⊙ a′(z)]", oracle=SX_W1, style="selu-l1-text-a-prime")
C(SX, "W2[2,0]", V, "1.063", style="v-selu-l1-W2-2")
C(SX, "W1[2,1]", V, "-0.5150", style="v-selu-l1-W1-21")
C(SX, "W1[2,1]", V, "-0.2575", "*", style="v-selu-l1-W1-21-half")

# ================================================================ Tweedie deviance, log link (tweedie.toml)
C(TW, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(\mu^{2-p} - y\,\mu^{1-p}\big)", oracle=TW_W, style="tweedie-mu-powers")
C(TW, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(\mu^{1-p} - y\,\mu^{-p}\big)", "*", oracle="X.T @ (mu ** (1 - p) - y * mu ** (-p)) / n", style="tweedie-log-link-forgotten")
C(TW, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(y\,\mu^{1-p} - \mu^{2-p}\big)", "sign", oracle=f"-{TW_W}", style="tweedie-sign")
C(TW, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(e^{(2-p)Xw} - y\,e^{(1-p)Xw}\big)", oracle=TW_W, style="tweedie-exp-written-out")
C(TW, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(\mu^{0.5} - y\,\mu^{-0.5}\big)", oracle=TW_W, style="tweedie-p-substituted")
C(TW, "w", L, r"\nabla_{w} L = X^{\top}\big(\mu^{2-p} - y\,\mu^{1-p}\big)", "scale-factor", oracle=f"{TW_W} * n", style="tweedie-no-mean")
C(TW, "w", N, "∂L/∂w = Xᵀ(μ^(2−p) − y·μ^(1−p))/n", oracle=TW_W, style="tweedie-text")
C(TW, "w", N, "Tweedie 偏差对 w 的梯度：∇_w L = Xᵀ(μ^{2−p} − yμ^{1−p})/n", oracle=TW_W, lang=Z, style="zh-tweedie-text")
C(TW, "mu", L, r"\frac{\partial L}{\partial \mu} = \frac{1}{n}\big(\mu^{1-p} - y\,\mu^{-p}\big)", oracle="(mu ** (1 - p) - y * mu ** (-p)) / n", style="tweedie-dmu")
C(TW, "w[0,0]", V, "1.071", style="v-tweedie-w0")
C(TW, "w[1,0]", V, "0.4950", style="v-tweedie-w1")
C(TW, "w[1,0]", V, "0.2475", "*", style="v-tweedie-w1-half")

# ================================================================ softplus with β = 2 (softplus_beta.toml): softplus_β′ = σ(βz)
C(SP, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{n}a^{\top}(p - y)", oracle=SP_W2, style="softplus-beta-W2")
C(SP, "W2", L, r"\frac{\partial L}{\partial W_2} = a^{\top}(p - y)", "scale-factor", oracle="a.T @ (p - y)", style="softplus-beta-W2-no-mean")
C(SP, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{n}(p - y)W_2^{\top} \odot \sigma(2\,xW_1)\Big]", oracle=SP_W1, style="softplus-beta-W1-sigma-2z")
C(SP, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{n}(p - y)W_2^{\top} \odot \sigma(xW_1)\Big]", "*", oracle=f"x.T @ ({SP_DZ} @ W2.T * sigmoid(x @ W1))", style="softplus-beta-W1-beta-lost")
C(SP, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{n}(p - y)W_2^{\top} \odot \frac{1}{1 + e^{-2xW_1}}\Big]", oracle=SP_W1, style="softplus-beta-W1-logistic-written-out")
C(SP, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{n}(p - y)W_2^{\top} \odot a\Big]", "wrong-activation-derivative", oracle=f"x.T @ ({SP_DZ} @ W2.T * a)", style="softplus-beta-W1-activation-not-slope")
C(SP, "W1", N, "∂L/∂W1 = xᵀ[((p − y)/n) W2ᵀ ⊙ σ(β·x W1)], β = 2", oracle=SP_W1, style="softplus-beta-text-beta-clause")
C(SP, "W2[2,0]", V, "-0.02287", style="v-softplus-beta-W2-2")
C(SP, "W1[1,1]", V, "0.01728", style="v-softplus-beta-W1-11")
C(SP, "W1[1,1]", V, "-0.01728", "sign", style="v-softplus-beta-W1-11-sign")

# ================================================================ 李宏毅 HW1 (F.linear weights [out, in], pred squeezed), Chinese
C(LH, "W3", L, r"\frac{\partial L}{\partial W_3} = \frac{2}{B}(\mathrm{pred} - y)^{\top} a_2", oracle=LH_W3, lang=Z, style="zh-lhy-W3")
C(LH, "W3", L, r"\frac{\partial L}{\partial W_3} = \frac{1}{B}(\mathrm{pred} - y)^{\top} a_2", "scale-factor", oracle="(pred - y) @ a2 / B", lang=Z, style="zh-lhy-W3-no-2")
C(LH, "b3", L, r"\frac{\partial L}{\partial b_3} = \frac{2}{B}\sum_{i=1}^{B}(\mathrm{pred}_i - y_i)", oracle=LH_B3, lang=Z, style="zh-lhy-b3-sum")
C(LH, "W2", L, r"\frac{\partial L}{\partial W_2} = \delta_2^{\top} a_1, \quad \delta_2 = \frac{2}{B}(\mathrm{pred} - y)\,W_3 \odot \mathbb{1}[a_2 > 0]", oracle=LH_W2, lang=Z, style="zh-lhy-W2-out-in")
C(LH, "W2", L, r"\frac{\partial L}{\partial W_2} = a_1^{\top}\delta_2, \quad \delta_2 = \frac{2}{B}(\mathrm{pred} - y)\,W_3 \odot \mathbb{1}[a_2 > 0]", "*", lang=Z, style="zh-lhy-W2-row-major-habit", note="F.linear's weight is [out, in]: a₁ᵀδ₂ is its transpose")
C(LH, "W1", L, r"\frac{\partial L}{\partial W_1} = \delta_1^{\top}x, \quad \delta_1 = \delta_2 W_2 \odot \mathbb{1}[a_1 > 0], \quad \delta_2 = \frac{2}{B}(\mathrm{pred} - y)\,W_3 \odot \mathbb{1}[a_2 > 0]", oracle=LH_W1, lang=Z, style="zh-lhy-W1-chain")
C(LH, "W1", L, r"\frac{\partial L}{\partial W_1} = \delta_1^{\top}x, \quad \delta_1 = \delta_2 W_2, \quad \delta_2 = \frac{2}{B}(\mathrm{pred} - y)\,W_3 \odot \mathbb{1}[a_2 > 0]", "missing-activation-derivative", oracle=f"({LH_D2} @ W2).T @ x", lang=Z, style="zh-lhy-W1-mask-lost")
C(LH, "b3", N, "∂L/∂b3 = (2/B)·Σᵢ(predᵢ − yᵢ)（MSELoss 取平均，所以有 1/B）", oracle=LH_B3, lang=Z, style="zh-lhy-b3-text-remark")
C(LH, "b3", V, "1.519", lang=Z, style="zh-v-lhy-b3")
C(LH, "W3[0,0]", V, "1.584", lang=Z, style="zh-v-lhy-W3-0")
C(LH, "W3[0,1]", V, "1.090", lang=Z, style="zh-v-lhy-W3-1")
C(LH, "b3", V, "0.7593", "*", lang=Z, style="zh-v-lhy-b3-half")

# ================================================================ ELU α = 0.5 at its kink (hn16_elu_alpha_kink: z[0,0] = 0, PyTorch's slope there is α)
C(EK, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\Big[(a v - y)v^{\top} \odot \begin{cases} 1 & z > 0 \\ 0.5\,e^{z} & z \le 0 \end{cases}\Big]", oracle=EK_W, style="elu-kink-W-cases")
C(EK, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\Big[(a v - y)v^{\top} \odot \begin{cases} 1 & z \ge 0 \\ 0.5\,e^{z} & z < 0 \end{cases}\Big]", "*", oracle="X.T @ ((a @ v - y) @ v.T * np.where(z >= 0, 1, 0.5 * np.exp(z)))", style="elu-kink-W-slope-1-at-0", note="at z = 0 PyTorch's ELU takes the z ≤ 0 branch: slope α")
C(EK, "W", L, r"\frac{\partial L}{\partial W} = 2X^{\top}\Big[(a v - y)v^{\top} \odot \begin{cases} 1 & z > 0 \\ 0.5\,e^{z} & z \le 0 \end{cases}\Big]", "scale-factor", oracle=f"2 * {EK_W}", style="elu-kink-W-mean-forgotten")
C(EK, "v", L, r"\frac{\partial L}{\partial v} = a^{\top}(a v - y)", oracle=EK_V, style="elu-kink-v")
C(EK, "v", L, r"\frac{\partial L}{\partial v} = (a v - y)^{\top}a", "*", style="elu-kink-v-transposed")
C(EK, "b", L, r"\frac{\partial L}{\partial b} = \sum_{i}\Big[(a v - y)v^{\top} \odot \operatorname{ELU}'(z)\Big]_{i}, \quad \operatorname{ELU}'(z) = \begin{cases} 1, & z > 0, \\ \alpha e^{z}, & z \le 0, \end{cases} \quad \alpha = 0.5", oracle=EK_B, style="elu-kink-b-alpha-clause")
C(EK, "W[1,0]", V, "-1.735", style="v-elu-kink-W-10")
C(EK, "W[0,1]", V, "0.4153", style="v-elu-kink-W-01")
C(EK, "v[1,0]", V, "-1.408", style="v-elu-kink-v-1")
C(EK, "b[0]", V, "0.2726", style="v-elu-kink-b-0")

# ================================================================ modified Huber (modified_huber.toml, labels ±1)
_MHC = r"\begin{cases} -2\max(0, 1 - z) & z \ge -1 \\ -4 & z < -1 \end{cases}"
C(MH, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(y \odot g\big), \quad g = " + _MHC, oracle=MH_W, style="mhuber-matrix-cases")
C(MH, "w", L, r"\nabla_{w} L = \frac{1}{n}\sum_{i=1}^{n} \begin{cases} -2\max(0, 1 - z_i)\,y_i\,x_i & z_i \ge -1 \\ -4\,y_i\,x_i & \text{otherwise} \end{cases}", oracle=MH_W, style="mhuber-per-example-cases", note="x_i, example i's features, a column as w is")
C(MH, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}\big(y \odot g\big), \quad g = \begin{cases} -2\max(0, 1 - z) & z \ge -1 \\ 4 & z < -1 \end{cases}", "*", style="mhuber-linear-branch-sign", note="wrong where z < −1 only (no example there at the example point): no oracle")
C(MH, "w", L, r"\nabla_{w} L = \frac{1}{n}X^{\top}g, \quad g = " + _MHC, "*", oracle=f"X.T @ {MH_G} / n", style="mhuber-label-factor-lost")
C(MH, "w", N, "∇_w L = Xᵀ(y ⊙ g)/n, g = −2·max(0, 1 − z) where z ≥ −1, else −4", oracle=MH_W, style="mhuber-text")
C(MH, "w[0,0]", V, "3.208", style="v-mhuber-w0")
C(MH, "w[1,0]", V, "0.371", style="v-mhuber-w1")
C(MH, "w[0,0]", V, "-3.208", "sign", style="v-mhuber-w0-sign")

# ================================================================ answer keys: tiny-mlp v2/8, neuron v5/2, softmax-regression v3/6 (PyTorch float64 at the keys' values)
C(T, "W1[0,0]", V, "0.6440", opts=KT, style="key-tiny-W1-00")
C(T, "W1[0,1]", V, "0.7765", opts=KT, style="key-tiny-W1-01")
C(T, "W1[1,0]", V, "0.4830", opts=KT, style="key-tiny-W1-10")
C(T, "W1[1,0]", V, "0.7765", "wrong-entry", opts=KT, style="key-tiny-W1-10-other-entry")
C(T, "W2[1,0]", V, "-1.044", opts=KT, style="key-tiny-W2-1")
C(T, "W2[1,0]", V, "-0.1172", "*", opts=KT, style="key-tiny-W2-1-base-number", note="-0.1172 is the base variant's value")
C(T, "W2", V, r"\begin{bmatrix} -0.4961 \\ -1.0436 \end{bmatrix}", opts=KT, style="key-tiny-W2-column")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\big[(y_{\mathrm{pred}} - y_{\mathrm{target}})W_2^{\top} \odot h \odot (1 - h)\big]", oracle=TW1, opts=KT, style="key-tiny-formula")
C(E, "w[0,0]", V, "-0.007426", opts=KE, style="key-neuron-w0")
C(E, "w[0,1]", V, "-0.01485", opts=KE, style="key-neuron-w1")
C(E, "w[0,2]", V, "−0.0520", opts=KE, style="key-neuron-w2")
C(E, "w[0,2]", V, "0.0520", "sign", opts=KE, style="key-neuron-w2-sign")
C(E, "w[0,0]", V, "答：w₀ 的梯度约为 −0.00743", opts=KE, lang=Z, style="zh-key-neuron-w0")
C(S, "W[0,0]", V, "-0.2182", opts=KS, style="key-softmax-W00")
C(S, "W[1,1]", V, "0.3498", opts=KS, style="key-softmax-W11")
C(S, "b[0,1]", V, "-0.2717", opts=KS, style="key-softmax-b1")
C(S, "b", V, r"\begin{bmatrix} 0.1948 & -0.2717 & 0.0770 \end{bmatrix}", opts=KS, style="key-softmax-b-row")
C(S, "b", V, r"\begin{bmatrix} 0.3895 & -0.5435 & 0.1539 \end{bmatrix}", "*", opts=KS, style="key-softmax-b-row-no-mean")
C(S, "W[1,1]", V, "0.35", opts=KS, lang=Z, style="zh-key-softmax-W11-2sf")

# ================================================================ hand numbers on the built-ins (exam style: rounded intermediates, labels, sentences)
C(T, "W2[0,0]", V, "∂L/∂v₁ ≈ −0.1139", style="v-tiny-W2-0-label-subscript")
C(T, "W2[0,0]", V, "-0.1154", "*", style="v-tiny-W2-0-two-digit-intermediates", note="h rounded to 0.52, 0.53 then carried: 5 % off")
C(T, "W1[1,1]", V, "-3.27e-3", style="v-tiny-W1-11-e")
C(T, "W1[1,1]", V, "-3.27e-2", "*", style="v-tiny-W1-11-e-off-by-ten")
C(E, "w[0,1]", V, "the answer is −0.0367", style="v-neuron-w1-sentence")
C(E, "w[0,1]", V, "−6.12%", REFUSE, style="v-neuron-percent", note="a percentage is refused by the written policy")
C(M, "W2[1,0]", V, "−8.99 × 10^{-3}", style="v-mlp-W2-1-times-ten")
C(M, "b2[0,0]", V, "∂L/∂b₂ = 0.0604", style="v-mlp-b2-label")
C(M, "b2[0,0]", V, "0.1208", "*", style="v-mlp-b2-double")
C(M, "W1[1,0]", V, "约 −0.196", lang=Z, style="zh-v-mlp-W1-10")
C(MW, "b2[0,0]", V, "-0.3643", style="v-mlpw-b2")
C(MW, "W1[1,1]", V, "0.3353", style="v-mlpw-W1-11")
C(MW, "W1[1,1]", V, "0.2649", "wrong-entry", style="v-mlpw-W1-11-other-entry")
C(S, "W[1,2]", V, "(d) −0.7428", style="v-softmax-W12-option-letter")
C(R2, "b[0,1]", V, "0.5557", style="v-rnn-b-1")
C(R2, "W_h[1,1]", V, "-0.2742", style="v-rnn-Wh-11")
C(R2, "W_h[1,1]", V, "0.2742", "sign", style="v-rnn-Wh-11-sign")
C(B, "gamma[0,1]", V, "1.2644", style="v-bn-gamma-1")
C(B, "beta[0,1]", V, "-0.5333", style="v-bn-beta-1")
C(B, "W[1,0]", V, "0.5079", style="v-bn-W-10")
C(CH, "x", V, "60", style="v-chain-x")
C(CH, "x", V, "60.2", "*", style="v-chain-x-inexact")
C(CH, "b", V, "结果为 20。", lang=Z, style="zh-v-chain-b")

# ================================================================ more refusals and odds
C(M, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \cdots", REFUSE, style="latex-cdots-unfinished")
C(R, "w2", N, "see my notebook, cell [12]", REFUSE, style="notebook-reference")
C(T, "W1", L, r"\frac{\partial C}{\partial W_1} = X^{\top}\delta^{1}", REFUSE, style="nielsen-delta-undefined", note="δ¹ never defined")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c40t-000, … as written; cases repeating corpora 2-39t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus40t", "c40t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
