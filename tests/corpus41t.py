"""The held-out-style corpus of issue 11, forty-first round, text side (``c41t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — Goodfellow, Bengio and
Courville's *Deep Learning* §6.5 (Algorithm 6.4: ``g \\leftarrow \\nabla_{\\hat y} J``, ``g \\leftarrow g
\\odot f'(a^{(k)})``, ``\\nabla_{W^{(k)}} J = g\\,h^{(k-1)\\top}``), Bishop's PRML §5.3 (``\\delta_j =
h'(a_j)\\sum_k w_{kj}\\delta_k``, ``\\partial E_n/\\partial w_{ji} = \\delta_j z_i``), Murphy's PML (``\\nabla_{\\theta}
\\mathrm{NLL}``), CS229's notes (``\\delta^{[\\ell]} = (W^{[\\ell+1]T}\\delta^{[\\ell+1]}) \\circ g'(z^{[\\ell]})``),
the Matrix Cookbook and differentials (``dL = \\mathrm{tr}(G^{\\top} dW) \\Rightarrow \\partial L/\\partial W =
G``), index notation (``\\partial L/\\partial W_{ij} = \\sum_n x_{ni}\\delta_{nj}``), 周志华《机器学习》§5.3
(``g_j = \\hat y_j(1 - \\hat y_j)(y_j - \\hat y_j)``, ``e_h = b_h(1 - b_h)\\sum_j w_{hj}g_j``, ``\\Delta w_{hj} =
\\eta g_j b_h``), 李航《统计学习方法》, 邱锡鹏《神经网络与深度学习》, 斋藤康毅《深度学习入门》, exam answer keys
of three new variants (tiny-mlp v4/3, neuron v4/7, mlp-bce v2/5) and 期末考试 参考答案 hand numbers,
StackExchange answers and GitHub README Markdown math, on eight course networks no corpus had used
(hn39_tf_swish_silu_bce_cn, hn39_huber_module_silu_regression, hn40_wing_loss_landmarks,
hn39_lora_rank1_outer, hn39_qiu_nndl_highway_numpy_cn, hn40_rbf_network_fixed_centres_jax_cn,
hn39_multi_margin_svm_cn, hn39_gaussian_nll_module_heteroscedastic); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex41"). Oracles: PyTorch
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
SW_ = str(COURSE / "hn39_tf_swish_silu_bce_cn.toml")
HB = str(COURSE / "hn39_huber_module_silu_regression.toml")
WG = str(COURSE / "hn40_wing_loss_landmarks.toml")
LR = str(COURSE / "hn39_lora_rank1_outer.toml")
HW = str(COURSE / "hn39_qiu_nndl_highway_numpy_cn.toml")
RB = str(COURSE / "hn40_rbf_network_fixed_centres_jax_cn.toml")
MM = str(COURSE / "hn39_multi_margin_svm_cn.toml")
GN = str(COURSE / "hn39_gaussian_nll_module_heteroscedastic.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# tiny-mlp v4/3, neuron v4/7, mlp-bce v2/5: gradients by PyTorch float64 at those variants' values
KT, KE, KM = K(T, 4, 3), K(E, 4, 7), K(M, 2, 5)

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

# ---- course-network oracles (NumPy over the spec's own values, run in PyTorch by tests/spelled_oracle.py)
SW_D3 = "((Y_hat - Y) / m)"
SW_Z2 = "(A1 @ W2 + b2)"
SW_S2 = f"(sigmoid({SW_Z2}) * (1 + {SW_Z2} * (1 - sigmoid({SW_Z2}))))"
SW_Z1 = "(X @ W1 + b1)"
SW_S1 = f"(sigmoid({SW_Z1}) * (1 + {SW_Z1} * (1 - sigmoid({SW_Z1}))))"
SW_D2 = f"({SW_D3} @ W3.T * {SW_S2})"
SW_W3 = f"A2.T @ {SW_D3}"
SW_B3 = f"np.sum({SW_D3}, axis=0)"
SW_W2 = f"A1.T @ {SW_D2}"
SW_B2 = f"np.sum({SW_D2}, axis=0)"
SW_W1 = f"X.T @ ({SW_D2} @ W2.T * {SW_S1})"
HB_D = "(np.clip(pred - y, -0.5, 0.5) / N)"
HB_Z = "(x @ W1 + b1)"
HB_S = f"(sigmoid({HB_Z}) * (1 + {HB_Z} * (1 - sigmoid({HB_Z}))))"
HB_W2 = f"hidden.T @ {HB_D}"
HB_B2 = f"np.sum({HB_D})"
HB_W1 = f"x.T @ ({HB_D}[:, None] * w2[None, :] * {HB_S})"
WG_D = "(np.where(x < w, w / (epsilon + x), 1) * np.sign(pred - target) / (N * p))"
WG_H = "np.maximum(feat @ W1 + b1, 0)"
WG_W2 = f"{WG_H}.T @ {WG_D}"
WG_B2 = f"np.sum({WG_D}, axis=0)"
WG_W1 = f"feat.T @ ({WG_D} @ W2.T * (feat @ W1 + b1 > 0))"
LR_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
LR_G = f"(({LR_P} - np.eye(d_out)[labels]).T @ x / N)"
LR_B = f"(alpha / r) * {LR_G} @ lora_A"
LR_A = f"(alpha / r) * {LR_G}.T @ lora_B"
HW_DZ = "((p - np.eye(K)[labels]) / N)"
HW_DY = f"({HW_DZ} @ W.T)"
HW_W = f"y.T @ {HW_DZ}"
HW_B = f"np.sum({HW_DZ}, axis=0)"
HW_WH = f"x.T @ ({HW_DY} * T_gate * (H > 0))"
HW_WT = f"x.T @ ({HW_DY} * (H - x) * T_gate * (1 - T_gate))"
RB_D = "(2 * (pred - y) / N)"
RB_W = f"phi.T @ {RB_D}"
RB_B = f"np.sum({RB_D})"
MM_I = "np.eye(C)[y]"
MM_M = f"(((1 - np.sum(scores * {MM_I}, axis=1, keepdims=True) + scores) > 0) * (1 - {MM_I}))"
MM_DS = f"(({MM_M} - {MM_I} * np.sum({MM_M}, axis=1, keepdims=True)) / (C * N))"
MM_W = f"X.T @ {MM_DS} + 2 * reg * W"
MM_B = f"np.sum({MM_DS}, axis=0)"
GN_DMU = "((mu - y) / var / N)"
GN_DVAR = "(0.5 * (1 / var - (y - mu) ** 2 / var ** 2) / N)"
GN_WMU = f"hid.T @ {GN_DMU}"
GN_WVAR = f"hid.T @ ({GN_DVAR} * sigmoid(hid @ w_var))"

# ================================================================ Goodfellow–Bengio–Courville §6.5, Algorithm 6.4 (g ← …)
C(T, "W2", L, r"g \leftarrow \nabla_{\hat{y}} J = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \nabla_{W_2} J = h^{\top} g", oracle=TW2, style="gbc-g-leftarrow-W2")
C(T, "W2", L, r"g \leftarrow \nabla_{\hat{y}} J = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad \nabla_{W_2} J = h^{\top} g", "sign", oracle=f"-{TW2}", style="gbc-g-leftarrow-W2-sign")
C(T, "W1", L, r"g \leftarrow y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad g \leftarrow g\,W_2^{\top} \odot h \odot (1 - h), \quad \nabla_{W_1} J = X^{\top} g", oracle=TW1, style="gbc-g-rebound-W1", note="g rebound: the second g is the hidden layer's gradient, read in order")
C(T, "W1", L, r"g \leftarrow y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad g \leftarrow g\,W_2^{\top}, \quad \nabla_{W_1} J = X^{\top} g", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="gbc-g-rebound-no-slope")
C(M, "W1", L, r"\mathbf{g} \leftarrow \nabla_{\mathbf{a}^{(2)}} J = \frac{1}{m}(A_2 - Y), \quad \mathbf{g} \leftarrow \mathbf{g} W_2^{\top} \odot f'(\mathbf{a}^{(1)}), \quad f'(a) = \mathbb{1}[a > 0], \quad \mathbf{a}^{(1)} = Z_1, \quad \nabla_{W_1} J = X^{\top}\mathbf{g}", oracle=W1R, style="gbc-g-odot-f-prime-a1")
C(M, "b1", L, r"\mathbf{g} \leftarrow \frac{1}{m}(A_2 - Y)W_2^{\top} \odot \mathbb{1}[Z_1 > 0], \quad \nabla_{\mathbf{b}_1} J = \mathbf{1}^{\top}\mathbf{g}", oracle=B1R, style="gbc-grad-b-ones-g")
C(M, "b1", L, r"\mathbf{g} \leftarrow \frac{1}{m}(A_2 - Y)W_2^{\top} \odot \mathbb{1}[Z_1 > 0], \quad \nabla_{\mathbf{b}_1} J = \mathbf{g}", "bias-not-summed", style="gbc-grad-b-g-unsummed")
C(M, "W2", L, r"\nabla_{W^{(2)}} J = h^{(1)\top} g, \quad g = \frac{1}{m}(A_2 - Y), \quad h^{(1)} = A_1", oracle=W2R, style="gbc-h-k-minus-1-defined")
C(R, "w1", L, r"g \leftarrow 2(y_{\mathrm{pred}} - y), \quad g \leftarrow g\,w_2^{\top}, \quad g \leftarrow g \odot \mathbb{1}[h > 0], \quad \nabla_{w_1} J = x^{\top} g", oracle=RW1, style="gbc-three-rebinds-relu")
C(R, "w1", L, r"g \leftarrow 2(y_{\mathrm{pred}} - y), \quad g \leftarrow g\,w_2^{\top}, \quad g \leftarrow g \odot h_{\mathrm{relu}}, \quad \nabla_{w_1} J = x^{\top} g", "wrong-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="gbc-three-rebinds-relu-value")
C(E, "w", N, "g ← ∇_O J = O − t\ng ← g ⊙ O(1 − O)\n∇_w J = g x", oracle=EW, style="gbc-unicode-g-leftarrow-neuron")
C(E, "w", N, "g ← ∇_O J = O − t\n∇_w J = g x", "missing-activation-derivative", oracle="(O - t) * x", style="gbc-unicode-no-slope")
C(S, "W", L, r"\nabla_{\mathbf{W}} J = \mathbf{X}^{\top}\mathbf{g}, \quad \mathbf{g} = \nabla_{\mathbf{Z}} J = \frac{1}{m}\big(\mathbf{P} - \mathbf{Y}\big)", oracle=SW, style="gbc-softmax-g-last")

# ================================================================ Bishop PRML §5.3 (δ_j = h′(a_j) Σ_k w_kj δ_k, ∂E/∂w_ji = δ_j z_i)
C(T, "w12", L, r"\frac{\partial E}{\partial w_{12}} = \delta_2\, x_1, \quad \delta_2 = h'(a_2)\, v_2\, \delta_k, \quad h'(a) = h_2(1 - h_2), \quad \delta_k = y_{\mathrm{pred}} - y_{\mathrm{target}}", style="bishop-delta-j-entry-w12", note="Bishop's w_{ji} is from unit i to unit j: tiny-mlp's w12 runs from x1 to h2")
C(E, "w", L, r"\frac{\partial E_n}{\partial \mathbf{w}} = \delta\, \mathbf{x}, \quad \delta = \sigma'(z)\,(O - t), \quad \sigma'(z) = O(1 - O)", oracle=EW, style="bishop-En-delta-z-neuron")
C(E, "w", L, r"\frac{\partial E_n}{\partial \mathbf{w}} = \delta\, \mathbf{x}, \quad \delta = O - t", "missing-activation-derivative", oracle="(O - t) * x", style="bishop-canonical-link-on-squared-error", note="δ = y − t holds for the canonical link pairs, not sigmoid with squared error")
C(T, "W1", L, r"\delta_j = h'(a_j)\sum_{k} w_{kj}\delta_k \;\Rightarrow\; \frac{\partial E}{\partial W_1} = X^{\top}\Big[\big(y_{\mathrm{pred}} - y_{\mathrm{target}}\big)W_2^{\top} \odot h \odot (1 - h)\Big]", oracle=TW1, style="bishop-general-rule-then-matrix")
C(M, "Z2", L, r"\delta_k = \frac{1}{m}(y_k - t_k), \quad y_k = A_2, \quad t_k = Y, \quad \frac{\partial E}{\partial Z_2} = \delta_k", oracle="(A2 - Y) / m", style="bishop-yk-tk-defined")
C(M, "Z2", L, r"\frac{\partial E}{\partial Z_2} = \frac{1}{m}\,\frac{A_2 - Y}{A_2(1 - A_2)}", "*", oracle="(A2 - Y) / (A2 * (1 - A2)) / m", style="bishop-dE-dA-for-dZ")
C(R, "w2", L, r"\frac{\partial E}{\partial \mathbf{w}_2} = \mathbf{z}^{\top}\boldsymbol{\delta}, \quad \mathbf{z} = \mathbf{h}_{\mathrm{relu}}, \quad \boldsymbol{\delta} = 2(\mathbf{y}_{\mathrm{pred}} - \mathbf{y})", oracle=RW2, style="bishop-z-hidden-outputs")
C(R, "w2", L, r"\frac{\partial E}{\partial \mathbf{w}_2} = \mathbf{z}^{\top}\boldsymbol{\delta}, \quad \mathbf{z} = \mathbf{h}, \quad \boldsymbol{\delta} = 2(\mathbf{y}_{\mathrm{pred}} - \mathbf{y})", "*", oracle="2 * h.T @ (y_pred - y)", style="bishop-z-pre-activation")
C(S, "W", L, r"\nabla_{\mathbf{W}} E = \frac{1}{m}\sum_{n=1}^{m}\boldsymbol{\phi}_n\big(\mathbf{y}_n - \mathbf{t}_n\big)^{\top}, \quad \boldsymbol{\phi}_n = \mathbf{x}^{(n)}, \quad \mathbf{y}_n = \mathbf{p}^{(n)}, \quad \mathbf{t}_n = \mathbf{y}^{(n)}", oracle=SW, style="bishop-4-109-phi-n-defined")
C(E, "w", N, "Bishop (5.53): δ_j = h′(a_j) Σ_k w_kj δ_k; here one unit, δ = O(1 − O)(O − t), ∂E/∂w = δ x", oracle=EW, style="bishop-text-eq-number")

# ================================================================ Murphy PML (∇_θ NLL, μ_n, (μ_n − y_n) x_n)
C(S, "W", L, r"\nabla_{\mathbf{W}} \mathrm{NLL}(\mathbf{W}) = \frac{1}{m}\sum_{n=1}^{m} \mathbf{x}_n (\boldsymbol{\mu}_n - \mathbf{y}_n)^{\top}, \quad \boldsymbol{\mu}_n = \mathbf{p}^{(n)}, \quad \mathbf{x}_n = \mathbf{x}^{(n)}, \quad \mathbf{y}_n = \mathbf{y}^{(n)}", oracle=SW, style="murphy-nll-mu-n")
C(S, "W", L, r"\nabla_{\mathbf{W}} \mathrm{NLL}(\mathbf{W}) = \frac{1}{m}\mathbf{X}^{\top}(\boldsymbol{\mu} - \mathbf{Y}), \quad \boldsymbol{\mu} = \mathbf{P}", oracle=SW, style="murphy-nll-mu-matrix")
C(S, "W", L, r"\nabla_{\mathbf{W}} \mathrm{NLL}(\mathbf{W}) = \frac{1}{m}\mathbf{X}^{\top}(\mathbf{Y} - \boldsymbol{\mu}), \quad \boldsymbol{\mu} = \mathbf{P}", "sign", oracle=f"-{SW}", style="murphy-nll-sign")
C(M, "W2", L, r"\mathbf{g}(\mathbf{w}) = \nabla_{\mathbf{w}} \mathrm{NLL} = \frac{1}{m}\mathbf{A}_1^{\top}(\boldsymbol{\mu} - \mathbf{y}), \quad \boldsymbol{\mu} = \sigma(Z_2), \quad \mathbf{y} = Y", oracle=W2R, style="murphy-g-of-w-logreg-head")
C(M, "W2", L, r"\mathbf{g}(\mathbf{w}) = \frac{1}{m}\mathbf{A}_1^{\top}\operatorname{diag}\big(\boldsymbol{\mu} \odot (1 - \boldsymbol{\mu})\big)(\boldsymbol{\mu} - \mathbf{y}), \quad \boldsymbol{\mu} = A_2, \quad \mathbf{y} = Y", "*", oracle="A1.T @ (A2 * (1 - A2) * (A2 - Y)) / m", style="murphy-extra-hessian-weight")

# ================================================================ CS229 notes ([ℓ] superscripts, ∘ for the Hadamard product)
C(M, "W1", L, r"\delta^{[2]} = \frac{1}{m}\big(A^{[2]} - Y\big), \quad \delta^{[1]} = \big(\delta^{[2]}W^{[2]T}\big) \circ g'\big(Z^{[1]}\big), \quad g'(z) = \mathbb{1}\{z > 0\}, \quad \frac{\partial J}{\partial W^{[1]}} = X^{T}\delta^{[1]}", oracle=W1R, style="cs229-delta-ell-circ-row-form")
C(M, "W1", L, r"\delta^{[2]} = \frac{1}{m}\big(A^{[2]} - Y\big), \quad \delta^{[1]} = \big(\delta^{[2]}W^{[2]T}\big) \circ g\big(Z^{[1]}\big), \quad g(z) = \max(z, 0), \quad \frac{\partial J}{\partial W^{[1]}} = X^{T}\delta^{[1]}", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="cs229-g-for-g-prime")
C(M, "W1", L, r"\delta^{[\ell]} = \big(\delta^{[\ell+1]}W^{[\ell+1]T}\big) \circ g'\big(z^{[\ell]}\big), \quad \frac{\partial J}{\partial W^{[1]}} = X^{T}\delta^{[1]}", REFUSE, style="cs229-general-rule-only", note="the general rule with ℓ: δ^{[2]} and g′ never given for this network")
C(M, "b2", L, r"\frac{\partial J}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m}\big(a^{[2](i)} - y^{(i)}\big)", oracle=B2R, style="cs229-example-superscript-i")
C(M, "b2", L, r"\frac{\partial J}{\partial b^{[2]}} = \sum_{i=1}^{m}\big(a^{[2](i)} - y^{(i)}\big)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="cs229-example-superscript-no-mean")
C(T, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = a^{[1]T}\big(a^{[2]} - y\big), \quad a^{[1]} = h, \quad a^{[2]} = y_{\mathrm{pred}}, \quad y = y_{\mathrm{target}}", oracle=TW2, style="cs229-a-ell-defined-tiny")
C(R, "w1", N, "δ[2] = 2(y_pred − y)\nδ[1] = (δ[2] w2ᵀ) ∘ 1{h > 0}\n∂J/∂w1 = xᵀ δ[1]", oracle=RW1, style="cs229-unicode-brackets-circ")
C(CH, "w", L, r"\frac{\partial J}{\partial w} = 2\,(wx + b)\,x", oracle="2 * (w * x + b) * x", style="cs229-chain-expanded")
C(CH, "w", L, r"\frac{\partial J}{\partial w} = 2\,(wx + b)", "*", oracle="2 * (w * x + b)", style="cs229-chain-input-lost")

# ================================================================ Matrix Cookbook and differentials (dL = tr(Gᵀ dW) ⇒ ∂L/∂W = G)
C(M, "W2", L, r"dL = \mathrm{tr}\Big(\big(\tfrac{1}{m}A_1^{\top}(A_2 - Y)\big)^{\top} dW_2\Big) \;\Rightarrow\; \frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", oracle=W2R, style="diff-trace-then-gradient")
C(M, "W2", L, r"dL = \mathrm{tr}\Big(\big(\tfrac{1}{m}A_1^{\top}(A_2 - Y)\big)^{\top} dW_2\Big) \;\Rightarrow\; \frac{\partial L}{\partial W_2} = \frac{1}{m}(A_2 - Y)^{\top}A_1", "*", style="diff-trace-transposed-result", note="the transpose of the gradient: 1 × 2 against W2's 2 × 1")
C(S, "W", L, r"\frac{\partial}{\partial \mathbf{W}}\,\mathrm{tr}\big(\mathbf{G}^{\top}\mathbf{X}\mathbf{W}\big) = \mathbf{X}^{\top}\mathbf{G}, \quad \mathbf{G} = \frac{1}{m}(\mathbf{P} - \mathbf{Y}), \quad \frac{\partial L}{\partial \mathbf{W}} = \mathbf{X}^{\top}\mathbf{G}", oracle=SW, style="cookbook-trace-identity-then-answer")
C(S, "W", L, r"\frac{\partial L}{\partial \mathbf{W}} = \mathbf{G}\mathbf{X}^{\top}, \quad \mathbf{G} = \frac{1}{m}(\mathbf{P} - \mathbf{Y})", "*", style="cookbook-G-X-order")
C(T, "W2", L, r"d\,\mathrm{vec}(L) = \mathrm{vec}\big(h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})\big)^{\top} d\,\mathrm{vec}(W_2) \;\Rightarrow\; \frac{\partial L}{\partial W_2} = h^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, style="diff-vec-then-gradient")
C(R, "y_pred", L, r"\frac{\partial}{\partial \mathbf{y}_{\mathrm{pred}}}\,\mathrm{tr}\big((\mathbf{y}_{\mathrm{pred}} - \mathbf{y})^{\top}(\mathbf{y}_{\mathrm{pred}} - \mathbf{y})\big) = 2(\mathbf{y}_{\mathrm{pred}} - \mathbf{y})", oracle="2 * (y_pred - y)", style="cookbook-trace-of-square")
C(R, "w2", L, r"dL = 2\,\mathrm{tr}\big((y_{\mathrm{pred}} - y)^{\top} h_{\mathrm{relu}}\, dw_2\big), \quad \frac{\partial L}{\partial w_2} = 2\,h_{\mathrm{relu}}^{\top}(y_{\mathrm{pred}} - y)", oracle=RW2, style="diff-dL-2tr-relu-w2")
C(R, "w2", L, r"dL = 2\,\mathrm{tr}\big((y_{\mathrm{pred}} - y)^{\top} h_{\mathrm{relu}}\, dw_2\big), \quad \frac{\partial L}{\partial w_2} = h_{\mathrm{relu}}^{\top}(y_{\mathrm{pred}} - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="diff-dL-2tr-2-lost")
C(A, "W_v", L, r"dL = \mathrm{tr}\big(\bar{O}^{\top}A X\, dW_v\big), \quad \bar{O} = \frac{2}{nd}(O - T), \quad \frac{\partial L}{\partial W_v} = (AX)^{\top}\bar{O}", oracle="(A @ X).T @ (2 * (O - T) / (n * d))", style="diff-attention-O-bar")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = (AX)^{\top}\bar{O}, \quad \bar{O} = \frac{2}{nd}(T - O)", "sign", oracle="-(A @ X).T @ (2 * (O - T) / (n * d))", style="diff-attention-O-bar-sign")
C(B, "beta", L, r"d L = \mathrm{tr}\big(\mathbf{1}^{\top}\bar{Y}\,d\beta^{\top}\big), \quad \bar{Y} = \frac{2}{mn}(Y - T), \quad \frac{\partial L}{\partial \beta} = \mathbf{1}^{\top}\bar{Y}", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="diff-bn-beta-Y-bar")

# ================================================================ index (Einstein) notation
C(T, "W1", L, r"\frac{\partial L}{\partial W_{1,ij}} = \sum_{n} X_{ni}\,\delta_{nj}, \quad \delta_{nj} = (y_{\mathrm{pred},n} - y_{\mathrm{target},n})\,W_{2,j}\,h_{nj}(1 - h_{nj})", oracle=TW1, style="index-sum-n-tiny-W1")
C(M, "W2", L, r"\frac{\partial L}{\partial (W_2)_{jk}} = \frac{1}{m}\sum_{n=1}^{m} (A_1)_{nj}\big((A_2)_{nk} - Y_{nk}\big)", oracle=W2R, style="index-parenthesised-subscripts")
C(M, "W2", L, r"\frac{\partial L}{\partial (W_2)_{jk}} = \frac{1}{m}\sum_{n=1}^{m} (A_1)_{nk}\big((A_2)_{nj} - Y_{nj}\big)", "*", style="index-swapped-subscripts")
C(S, "W", L, r"\frac{\partial L}{\partial W_{ij}} = \frac{1}{m}X_{ni}\,(P_{nj} - Y_{nj})", oracle=SW, style="index-einstein-repeated-n", note="Einstein's convention: the repeated n is summed")
C(S, "W", L, r"\frac{\partial L}{\partial W_{ij}} = \frac{1}{m}X_{nj}\,(P_{ni} - Y_{ni})", "*", style="index-einstein-swapped")
C(S, "b", L, r"\frac{\partial L}{\partial b_{j}} = \frac{1}{m}\sum_{n}\big(P_{nj} - Y_{nj}\big)", oracle=SB, style="index-b-j")
C(R, "w1", L, r"\frac{\partial L}{\partial (w_1)_{ij}} = \sum_{n} x_{ni}\,\big[2(y_{\mathrm{pred}} - y)w_2^{\top}\big]_{nj}\,\mathbb{1}[h_{nj} > 0]", oracle=RW1, style="index-relu-w1-bracket-nj")
C(E, "w", N, "∂E/∂w_i = (O − t)·O·(1 − O)·x_i", oracle=EW, style="index-unicode-neuron")
C(E, "w", N, "∂E/∂w_i = (O − t)·O·(1 − O)·w_i", "*", oracle="(O - t) * O * (1 - O) * w", style="index-unicode-neuron-wrong-input")

# ================================================================ 周志华《机器学习》§5.3（西瓜书 BP: g_j, e_h, Δw_hj = η g_j b_h）
C(E, "w", L, r"g = \hat{y}(1 - \hat{y})(y - \hat{y}), \quad \hat{y} = O, \quad y = t, \quad \frac{\partial E}{\partial w} = -g\,x", oracle=EW, lang=Z, style="zh-xigua-g-neuron")
C(E, "w", L, r"g = \hat{y}(1 - \hat{y})(y - \hat{y}), \quad \hat{y} = O, \quad y = t, \quad \frac{\partial E}{\partial w} = g\,x", "sign", oracle=f"-{EW}", lang=Z, style="zh-xigua-g-neuron-sign")
C(E, "w", L, r"\Delta w = \eta\, g\, x, \quad g = O(1 - O)(t - O)", REFUSE, lang=Z, style="zh-xigua-delta-w-update", note="西瓜书's Δw = η g b is the update step, no gradient (the update-step policy)")
C(T, "W1", L, r"e_h = b_h(1 - b_h)\sum_{j} w_{hj} g_j, \quad b_h = h, \quad g_j = y_{\mathrm{target}} - y_{\mathrm{pred}}, \quad \frac{\partial E}{\partial W_1} = -X^{\top}\big[(g\,W_2^{\top}) \odot h \odot (1 - h)\big]", oracle=TW1, lang=Z, style="zh-xigua-e-h-then-matrix")
C(T, "W2", N, "西瓜书式 (5.10)：g_j = y_target − y_pred（输出层线性，无 ŷ(1 − ŷ) 因子），∂E/∂W2 = −hᵀ g", oracle=TW2, lang=Z, style="zh-xigua-linear-output-g")
C(T, "W2", N, "西瓜书式 (5.10)：g_j = y_pred(1 − y_pred)(y_target − y_pred)，∂E/∂W2 = −hᵀ g", "*", oracle="h.T @ ((y_pred - y_target) * y_pred * (1 - y_pred))", lang=Z, style="zh-xigua-sigmoid-factor-on-linear-output")
C(M, "W1", N, "按西瓜书记号：g = (A2 − Y)/m（交叉熵配 sigmoid），e = (g W2ᵀ) ⊙ 1[Z1 > 0]，∂L/∂W1 = Xᵀ e", oracle=W1R, lang=Z, style="zh-xigua-g-e-mlp")
C(M, "W1", N, "按西瓜书记号：g = (A2 − Y)/m（交叉熵配 sigmoid），e = (g W2ᵀ) ⊙ A1 ⊙ (1 − A1)，∂L/∂W1 = Xᵀ e", "*", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", lang=Z, style="zh-xigua-sigmoid-slope-on-relu")

# ================================================================ 李航《统计学习方法》(逻辑斯谛回归, 梯度下降), 邱锡鹏, 斋藤康毅
C(S, "W", N, "李航第 6 章的对数似然对参数求导后取负并平均：∇_W L = (1/m) Xᵀ(P − Y)", oracle=SW, lang=Z, style="zh-lihang-ch6-words-then-formula")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = -\frac{1}{m}\sum_{i=1}^{m}\Big(y_i - \frac{\exp(w\cdot x_i)}{1 + \exp(w\cdot x_i)}\Big)x_i", REFUSE, lang=Z, style="zh-lihang-w-dot-x-undefined", note="李航's w·x with x_i, w not names of mlp-bce: refused naming them")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = -\frac{1}{m}A_1^{\top}\Big(Y - \frac{\exp(Z_2)}{1 + \exp(Z_2)}\Big)", oracle=W2R, lang=Z, style="zh-lihang-exp-over-one-plus-exp")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}\Big(Y - \frac{\exp(Z_2)}{1 + \exp(Z_2)}\Big)", "sign", oracle=f"-{W2R}", lang=Z, style="zh-lihang-exp-sign")

# ================================================================ exam answer keys (three new variants) and 期末考试 参考答案 hand numbers
C(T, "W1[0,0]", V, "-0.02632", opts=KT, style="key41-tiny-W1-00")
C(T, "W1[0,1]", V, "0.02032", opts=KT, style="key41-tiny-W1-01")
C(T, "W1[1,0]", V, "−0.0526", opts=KT, style="key41-tiny-W1-10")
C(T, "W1[1,1]", V, "0.02032", "wrong-entry", opts=KT, style="key41-tiny-W1-11-other-entry", note="0.0203 is W1[0,1]; W1[1,1] is 0.0406")
C(T, "W1", V, r"\begin{pmatrix} -0.0263 & 0.0203 \\ -0.0526 & 0.0406 \end{pmatrix}", opts=KT, style="key41-tiny-W1-pmatrix")
C(T, "W1", V, r"\begin{pmatrix} -0.0263 & -0.0526 \\ 0.0203 & 0.0406 \end{pmatrix}", "*", opts=KT, style="key41-tiny-W1-pmatrix-transposed")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\big[(y_{\mathrm{pred}} - y_{\mathrm{target}})W_2^{\top} \circ h \circ (1 - h)\big]", oracle=TW1, opts=KT, style="key41-tiny-formula-circ")
C(E, "w[0,0]", V, "-0.003847", opts=KE, style="key41-neuron-w0")
C(E, "w[0,1]", V, "−2.69e-2", opts=KE, style="key41-neuron-w1-e-notation")
C(E, "w[0,2]", V, "-0.0077", opts=KE, style="key41-neuron-w2-2sf")
C(E, "w[0,1]", V, "0.0269", "sign", opts=KE, style="key41-neuron-w1-sign")
C(E, "w", V, "[-0.00385, -0.0269, -0.00769]", opts=KE, style="key41-neuron-w-list")
C(M, "W2[0,0]", V, "−0.1640", opts=KM, style="key41-mlp-W2-0")
C(M, "W2[1,0]", V, "-0.4375", opts=KM, style="key41-mlp-W2-1")
C(M, "W2[1,0]", V, "-0.1640", "wrong-entry", opts=KM, style="key41-mlp-W2-1-other-entry")
C(M, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}(A_2 - Y)", oracle=W2R, opts=KM, style="key41-mlp-formula")
C(M, "W2[0,0]", V, "参考答案：∂L/∂W2[0,0] ≈ −0.164", opts=KM, lang=Z, style="zh-key41-mlp-W2-0-reference-answer")
C(T, "W2[0,0]", V, "期末考试参考答案：−0.1139", lang=Z, style="zh-v-tiny-W2-0-final-exam")
C(T, "W2[1,0]", V, "−0.1172", style="v41-tiny-W2-1")
C(T, "W1[0,1]", V, "−0.01635", style="v41-tiny-W1-01")
C(T, "W1[0,1]", V, "−0.01367", "wrong-entry", style="v41-tiny-W1-01-other-entry")
C(E, "w[0,0]", V, "≈ −0.0612 (to 3 s.f.)", style="v41-neuron-w0-sf-remark")
C(E, "w[0,2]", V, "−0.0245", style="v41-neuron-w2")
C(M, "W1[0,1]", V, "0.1356", style="v41-mlp-W1-01")
C(M, "b1[0,1]", V, "-0.01811", style="v41-mlp-b1-1")
C(M, "b1[0,1]", V, "-0.01811 / 4", "*", style="v41-mlp-b1-1-divided-again")
C(MW, "W2[0,0]", V, "答案：-0.4236", lang=Z, style="zh-v41-mlpw-W2-0")
C(R, "w1[1,2]", V, "1.2665", style="v41-relu-w1-12")
C(R, "w1[1,2]", V, "-1.2665", "sign", style="v41-relu-w1-12-sign")
C(S, "W[0,0]", V, "0.5849", style="v41-softmax-W00")
C(S, "W[1,2]", V, "− 0.7428", style="v41-softmax-W12-spaced-minus")
C(R2, "W_x[1,1]", V, "0.5119", style="v41-rnn-Wx-11")
C(B, "gamma[0,0]", V, "0.7266", style="v41-bn-gamma-0")
C(A, "W_v[1,1]", V, "0.3761", style="v41-attention-Wv-11")
C(A, "W_v[1,1]", V, "0.1881", "*", style="v41-attention-Wv-11-half")
C(CH, "w", V, "∂L/∂w = 40", style="v41-chain-w-label")
C(CH, "w", V, "答：40（保留整数）", lang=Z, style="zh-v41-chain-w")

# ================================================================ StackExchange answers and GitHub README Markdown math
C(S, "Z", L, r"For the softmax with cross-entropy, $\frac{\partial L}{\partial z_i} = p_i - y_i$, so averaged over the batch: $$\frac{\partial L}{\partial Z} = \frac{1}{m}(P - Y)$$", oracle="(P - Y) / m", style="se-softmax-pi-minus-yi-then-batch")
C(S, "Z", L, r"$$\frac{\partial L}{\partial Z} = \frac{1}{m}\big(P - Y\big) \qquad \blacksquare$$", oracle="(P - Y) / m", style="se-blacksquare")
C(S, "Z", L, r"$$\frac{\partial L}{\partial Z} = \frac{1}{m}\big(P - Y\big) \odot P$$", "*", oracle="(P - Y) * P / m", style="se-extra-P")
C(M, "Z2", L, "```math\n\\frac{\\partial L}{\\partial Z_2} = \\frac{1}{m}(A_2 - Y)\n```", oracle="(A2 - Y) / m", style="readme-math-fence")
C(M, "Z2", L, "```math\n\\frac{\\partial L}{\\partial Z_2} = A_2 - Y\n```", "scale-factor", oracle="A2 - Y", style="readme-math-fence-no-mean")
C(M, "W2", L, r"The gradient is $`\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^\top (A_2 - Y)`$ (see `backward()`).", oracle=W2R, style="readme-dollar-backtick-inline")
C(T, "W1", L, "<details><summary>Answer</summary>\n\n$$\\nabla_{W_1}L = X^\\top\\big[(y_{pred} - y_{target})W_2^\\top \\odot h \\odot (1 - h)\\big]$$\n\n</details>", oracle=TW1, style="readme-details-summary")
C(R, "w2", L, r"\nabla_{w_2} L = 2\, h_{relu}^\intercal\, (y_{pred} - y)", oracle=RW2, style="se-intercal-transpose")
C(R, "w2", L, r"\nabla_{w_2} L = 2\, h_{relu}^\intercal\, (y - y_{pred})", "sign", oracle=f"-{RW2}", style="se-intercal-sign")
C(E, "w", L, r"\frac{\partial E}{\partial w} = (O - t)\,O\,(1 - O)\,x \tag{3}", oracle=EW, style="se-tag-equation-number")
C(E, "w", L, r"\frac{\partial E}{\partial w} = (O - t)\,(1 - O)\,x \tag{3}", "*", oracle="(O - t) * (1 - O) * x", style="se-tag-half-slope")
C(T, "W1", N, "dW1 = X^T [ (y_pred - y_target) W2^T .* h .* (1 - h) ]", oracle=TW1, style="se-matlab-dot-star-text")
C(R2, "b", L, r"\frac{\partial L}{\partial b} = \delta_2 + \delta_1, \quad \delta_2 = (h_2 - y) \odot (1 - h_2 \odot h_2), \quad \delta_1 = \delta_2 W_h^{\top} \odot (1 - h_1 \odot h_1)", "bias-not-summed", oracle="(h_2 - y) * (1 - h_2 ** 2) + (h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2)", style="se-rnn-b-deltas-no-row-sum", note="right at m = 1 only (the sizes policy)")
C(R2, "W_h", L, r"\frac{\partial L}{\partial W_h} = h_1^{\top}\delta_2 + h_0^{\top}\delta_1, \quad \delta_2 = (h_2 - y) \odot (1 - h_2 \odot h_2), \quad \delta_1 = \delta_2 W_h^{\top} \odot (1 - h_1 \odot h_1)", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", style="se-rnn-Wh-h-odot-h")
C(R2, "W_h", L, r"\frac{\partial L}{\partial W_h} = h_1^{\top}\delta_2 + h_0^{\top}\delta_1, \quad \delta_2 = (h_2 - y) \odot (1 - h_2 \odot h_2), \quad \delta_1 = \delta_2 W_h^{\top} \odot (1 - h_0 \odot h_0)", "*", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_0 ** 2))", style="se-rnn-Wh-slope-at-wrong-step")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \mathbf{1}^{\top}\Big(\frac{2}{mn}(Y - T) \odot \hat{Z}\Big)", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="se-bn-gamma-ones-row")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \mathbf{1}^{\top}\Big(\frac{2}{mn}(Y - T)\Big)", "*", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="se-bn-gamma-Zhat-lost")
C(A, "V", L, r"\frac{\partial L}{\partial V} = A^{\top}\frac{2}{nd}(O - T)", oracle="A.T @ (2 * (O - T) / (n * d))", style="se-attention-dV")
C(A, "V", L, r"\frac{\partial L}{\partial V} = \frac{2}{nd}(O - T)A^{\top}", "*", style="se-attention-dV-order")

# ================================================================ refusals
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\delta^{(1)}, \quad \text{where } \delta^{(1)} \text{ is as in (6.47)}", REFUSE, style="gbc-refers-to-equation-number")
C(M, "W1", L, r"\nabla_{W_1} J = \text{(see Algorithm 6.4)}", REFUSE, style="gbc-see-algorithm")
C(S, "W", N, "同理可得，略。", REFUSE, lang=Z, style="zh-tongli-ke-de-lue")
C(E, "w", L, r"\frac{\partial E}{\partial w} = \frac{\partial E}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial w}", oracle=EW, style="chain-rule-skeleton-only", note="first labelled REFUSE; relabelled after the first pass by the README's written policy ('Leibniz notation means what it says': a product of local derivatives is the chain rule, here ∂E/∂w itself) — the first pass's one wrong accept was this label")
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = x^{\top}\big(\delta \odot \mathbb{1}[h > 0]\big)", REFUSE, style="delta-never-defined-relu")

# ================================================================ Swish/SiLU MLP with Keras BCE (hn39_tf_swish_silu_bce_cn)
_SILU = r"\operatorname{silu}'(z) = \sigma(z)\big(1 + z(1 - \sigma(z))\big)"
C(SW_, "W3", L, r"\frac{\partial L}{\partial W_3} = \frac{1}{m}A_2^{\top}(\hat{Y} - Y)", oracle=SW_W3, lang=Z, style="zh-swish-W3")
C(SW_, "W3", L, r"\frac{\partial L}{\partial W_3} = A_2^{\top}(\hat{Y} - Y)", "scale-factor", oracle="A2.T @ (Y_hat - Y)", lang=Z, style="zh-swish-W3-no-mean")
C(SW_, "b3", L, r"\frac{\partial L}{\partial b_3} = \frac{1}{m}\sum_{i=1}^{m}(\hat{y}_i - y_i)", oracle=SW_B3, style="swish-b3-sum")
C(SW_, "W2", L, r"\frac{\partial L}{\partial W_2} = A_1^{\top}\Big[\frac{1}{m}(\hat{Y} - Y)W_3^{\top} \odot \operatorname{silu}'(A_1W_2 + b_2)\Big], \quad " + _SILU, oracle=SW_W2, style="swish-W2-silu-prime")
C(SW_, "W2", L, r"\frac{\partial L}{\partial W_2} = A_1^{\top}\Big[\frac{1}{m}(\hat{Y} - Y)W_3^{\top} \odot \sigma(A_1W_2 + b_2)\Big]", "*", oracle=f"A1.T @ ({SW_D3} @ W3.T * sigmoid({SW_Z2}))", style="swish-W2-sigma-only")
C(SW_, "W2", L, r"\frac{\partial L}{\partial W_2} = A_1^{\top}\Big[\frac{1}{m}(\hat{Y} - Y)W_3^{\top} \odot \big(A_2 + \sigma(Z_2)(1 - A_2)\big)\Big], \quad Z_2 = A_1W_2 + b_2", oracle=SW_W2, style="swish-W2-through-output", note="silu′(z) = silu(z) + σ(z)(1 − silu(z))")
C(SW_, "b2", L, r"\frac{\partial L}{\partial b_2} = \mathbf{1}^{\top}\Big[\frac{1}{m}(\hat{Y} - Y)W_3^{\top} \odot \operatorname{silu}'(Z_2)\Big], \quad Z_2 = A_1W_2 + b_2, \quad " + _SILU, oracle=SW_B2, style="swish-b2-ones")
C(SW_, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{m}(\hat{Y} - Y)W_3^{\top} \odot \operatorname{silu}'(Z_2), \quad Z_2 = A_1W_2 + b_2, \quad " + _SILU, "bias-not-summed", lang=Z, style="zh-swish-b2-unsummed")
C(SW_, "W1", N, "δ3 = (Ŷ − Y)/m\nδ2 = (δ3 W3ᵀ) ⊙ silu′(A1 W2 + b2)\nδ1 = (δ2 W2ᵀ) ⊙ silu′(X W1 + b1)\nsilu′(z) = σ(z)(1 + z(1 − σ(z)))\n∂L/∂W1 = Xᵀ δ1", oracle=SW_W1, style="swish-text-three-deltas")
C(SW_, "W1", N, "δ3 = (Ŷ − Y)/m\nδ2 = (δ3 W3ᵀ) ⊙ silu′(A1 W2 + b2)\nδ1 = δ2 W2ᵀ\nsilu′(z) = σ(z)(1 + z(1 − σ(z)))\n∂L/∂W1 = Xᵀ δ1", "missing-activation-derivative", oracle=f"X.T @ ({SW_D2} @ W2.T)", style="swish-text-first-slope-lost")
C(SW_, "W3", N, "二分类交叉熵配 sigmoid 输出，误差项为 (Ŷ − Y)/m，故 ∂L/∂W3 = A2ᵀ(Ŷ − Y)/m", oracle=SW_W3, lang=Z, style="zh-swish-W3-sentence")
C(SW_, "W3[3,0]", V, "0.2016", lang=Z, style="zh-v-swish-W3-3")
C(SW_, "W3[3,0]", V, "0.8062", "*", lang=Z, style="zh-v-swish-W3-3-sum-not-mean")
C(SW_, "b3[0]", V, "0.1482", style="v-swish-b3")

# ================================================================ Huber (δ = 0.5) over a SiLU hidden layer (hn39_huber_module_silu_regression)
_HUB = r"\psi(r) = \begin{cases} r & |r| \le 0.5 \\ 0.5\,\operatorname{sign}(r) & |r| > 0.5 \end{cases}"
C(HB, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\psi(\mathrm{pred} - y), \quad " + _HUB, oracle=HB_W2, style="huber-w2-psi-cases")
C(HB, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}(\mathrm{pred} - y)", "*", oracle="hidden.T @ (pred - y) / N", style="huber-w2-as-mse-half", note="the residuals reach 4.3: the clip matters")
C(HB, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\operatorname{clip}(\mathrm{pred} - y, -0.5, 0.5)", oracle=HB_W2, style="huber-w2-clip")
C(HB, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\operatorname{clip}(y - \mathrm{pred}, -0.5, 0.5)", "sign", oracle=f"-{HB_W2}", style="huber-w2-clip-sign")
C(HB, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{i=1}^{N}\operatorname{clip}(\mathrm{pred}_i - y_i, -0.5, 0.5)", oracle=HB_B2, style="huber-b2-sum-clip")
C(HB, "b2", L, r"\frac{\partial L}{\partial b_2} = \sum_{i=1}^{N}\operatorname{clip}(\mathrm{pred}_i - y_i, -0.5, 0.5)", "scale-factor", oracle="np.sum(np.clip(pred - y, -0.5, 0.5))", style="huber-b2-no-mean")
C(HB, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{N}\operatorname{clip}(\mathrm{pred} - y, -0.5, 0.5)\,w_2^{\top} \odot \operatorname{SiLU}'(xW_1 + b_1)\Big], \quad \operatorname{SiLU}'(z) = \sigma(z)\big(1 + z(1 - \sigma(z))\big)", oracle=HB_W1, style="huber-W1-outer-residual-w2")
C(HB, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[\frac{1}{N}\operatorname{clip}(\mathrm{pred} - y, -0.5, 0.5)\,w_2^{\top} \odot \sigma(xW_1 + b_1)\Big]", "*", oracle=f"x.T @ ({HB_D}[:, None] * w2[None, :] * sigmoid(x @ W1 + b1))", style="huber-W1-sigma-for-silu-prime")
C(HB, "w2", N, "∂L/∂w2 = hiddenᵀ · clip(pred − y, −0.5, 0.5) / N", oracle=HB_W2, style="huber-text-clip")
C(HB, "b2", N, "Huber 损失 δ = 0.5：|r| ≤ 0.5 时导数为 r，否则为 0.5·sign(r)；∂L/∂b2 = (1/N)·Σᵢ clip(predᵢ − yᵢ, −0.5, 0.5)", oracle=HB_B2, lang=Z, style="zh-huber-b2-words-then-formula")
C(HB, "b2", V, "0.2668", style="v-huber-b2")
C(HB, "w2[3]", V, "0.1126", style="v-huber-w2-3")
C(HB, "w2[3]", V, "0.1126 × 5", "*", style="v-huber-w2-3-times-N")

# ================================================================ Wing loss on landmarks (hn40_wing_loss_landmarks, w = 10, ε = 2)
_WING = r"\operatorname{wing}'(x) = \begin{cases} \frac{w}{\epsilon + x} & x < w \\ 1 & x \ge w \end{cases}"
C(WG, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{Np}\sum_{i=1}^{N}\Big[\operatorname{wing}'(x) \odot \operatorname{sign}(\mathrm{pred} - \mathrm{target})\Big]_{i}, \quad " + _WING, oracle=WG_B2, style="wing-b2-cases")
C(WG, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{Np}\sum_{i=1}^{N}\Big[\operatorname{wing}'(x)\Big]_{i}, \quad " + _WING, "*", oracle="np.sum(np.where(x < w, w / (epsilon + x), 1) / (N * p), axis=0)", style="wing-b2-sign-of-residual-lost")
C(WG, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{Np}\sum_{i=1}^{N}\Big[\frac{w}{\epsilon + x} \odot \operatorname{sign}(\mathrm{pred} - \mathrm{target})\Big]_{i}", "*", oracle="np.sum(w / (epsilon + x) * np.sign(pred - target) / (N * p), axis=0)", style="wing-b2-log-branch-everywhere", note="two residuals exceed w = 10 at the example point")
C(WG, "W2", L, r"\frac{\partial L}{\partial W_2} = \operatorname{ReLU}(\mathrm{feat}\,W_1 + b_1)^{\top} G, \quad G = \frac{1}{Np}\operatorname{wing}'(x) \odot \operatorname{sign}(\mathrm{pred} - \mathrm{target}), \quad " + _WING, oracle=WG_W2, style="wing-W2-G")
C(WG, "W2", L, r"\frac{\partial L}{\partial W_2} = \operatorname{ReLU}(\mathrm{feat}\,W_1 + b_1)^{\top} G, \quad G = \frac{1}{N}\operatorname{wing}'(x) \odot \operatorname{sign}(\mathrm{pred} - \mathrm{target}), \quad " + _WING, "scale-factor", oracle=f"{WG_W2} * p", style="wing-W2-mean-over-N-only")
C(WG, "W1", L, r"\frac{\partial L}{\partial W_1} = \mathrm{feat}^{\top}\big[G W_2^{\top} \odot \mathbb{1}[\mathrm{feat}\,W_1 + b_1 > 0]\big], \quad G = \frac{1}{Np}\operatorname{wing}'(x) \odot \operatorname{sign}(\mathrm{pred} - \mathrm{target}), \quad " + _WING, oracle=WG_W1, style="wing-W1-G-mask")
C(WG, "W1", L, r"\frac{\partial L}{\partial W_1} = \mathrm{feat}^{\top}\big[G W_2^{\top}\big], \quad G = \frac{1}{Np}\operatorname{wing}'(x) \odot \operatorname{sign}(\mathrm{pred} - \mathrm{target}), \quad " + _WING, "missing-activation-derivative", oracle=f"feat.T @ ({WG_D} @ W2.T)", style="wing-W1-mask-lost")
C(WG, "b2", N, "∂L/∂b2 = Σᵢ [where(x < w, w/(ε + x), 1) · sign(pred − target)]ᵢ / (N·p)", oracle=WG_B2, style="wing-text-where")
C(WG, "b2[0]", V, "-0.5505", style="v-wing-b2-0")
C(WG, "b2[1]", V, "−0.1547", style="v-wing-b2-1")
C(WG, "b2[1]", V, "0.1547", "sign", style="v-wing-b2-1-sign")

# ================================================================ LoRA rank 1 (hn39_lora_rank1_outer): ΔW = (α/r) B Aᵀ
C(LR, "lora_B", L, r"\frac{\partial L}{\partial B} = \frac{\alpha}{r}\,G\,A, \quad G = \frac{1}{N}(P - Y)^{\top}x, \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{labels}), \quad B = \mathrm{lora\_B}, \quad A = \mathrm{lora\_A}", oracle=LR_B, style="lora-dB-G-A")
C(LR, "lora_B", L, r"\frac{\partial L}{\partial B} = G\,A, \quad G = \frac{1}{N}(P - Y)^{\top}x, \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{labels}), \quad B = \mathrm{lora\_B}, \quad A = \mathrm{lora\_A}", "scale-factor", oracle=f"{LR_G} @ lora_A", style="lora-dB-alpha-over-r-lost")
C(LR, "lora_A", L, r"\frac{\partial L}{\partial A} = \frac{\alpha}{r}\,G^{\top}B, \quad G = \frac{1}{N}(P - Y)^{\top}x, \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{labels}), \quad B = \mathrm{lora\_B}, \quad A = \mathrm{lora\_A}", oracle=LR_A, style="lora-dA-G-transpose-B")
C(LR, "lora_A", L, r"\frac{\partial L}{\partial A} = \frac{\alpha}{r}\,G\,B, \quad G = \frac{1}{N}(P - Y)^{\top}x, \quad P = \operatorname{softmax}(\mathrm{logits}), \quad Y = \operatorname{onehot}(\mathrm{labels}), \quad B = \mathrm{lora\_B}, \quad A = \mathrm{lora\_A}", "*", oracle=f"(alpha / r) * {LR_G} @ lora_B", style="lora-dA-G-not-transposed", note="G is square (3 × 3): Gᵀ B ≠ G B")
C(LR, "delta_W", L, r"\frac{\partial L}{\partial \Delta W} = \frac{1}{N}\big(\operatorname{softmax}(\mathrm{logits}) - \operatorname{onehot}(\mathrm{labels})\big)^{\top}x", oracle=LR_G, style="lora-dDeltaW")
C(LR, "lora_B", N, "∂L/∂lora_B = (alpha/r) · ((softmax(logits) − onehot(labels))ᵀ x / N) · lora_A", oracle=LR_B, style="lora-text-dB")
C(LR, "lora_B[2]", V, "-0.01916", style="v-lora-B-2")
C(LR, "lora_A[0]", V, "0.03715", style="v-lora-A-0")
C(LR, "lora_A[0]", V, "0.004643", "*", style="v-lora-A-0-alpha-lost")

# ================================================================ 邱锡鹏 highway layer under softmax (hn39_qiu_nndl_highway_numpy_cn), Chinese
C(HW, "W", L, r"\frac{\partial L}{\partial W} = \boldsymbol{y}^{\top}\frac{1}{N}\big(\boldsymbol{p} - \operatorname{onehot}(\mathrm{labels})\big)", oracle=HW_W, lang=Z, style="zh-qiu-highway-W")
C(HW, "b", L, r"\frac{\partial L}{\partial \boldsymbol{b}} = \frac{1}{N}\sum_{n=1}^{N}\big(\boldsymbol{p}_n - \operatorname{onehot}(\mathrm{labels})_n\big)", oracle=HW_B, lang=Z, style="zh-qiu-highway-b")
C(HW, "W_H", L, r"\frac{\partial L}{\partial W_H} = \boldsymbol{x}^{\top}\Big[\boldsymbol{\delta}_y \odot T_{\mathrm{gate}} \odot \mathbb{1}[H > 0]\Big], \quad \boldsymbol{\delta}_y = \frac{1}{N}\big(\boldsymbol{p} - \operatorname{onehot}(\mathrm{labels})\big)W^{\top}", oracle=HW_WH, lang=Z, style="zh-qiu-highway-WH")
C(HW, "W_H", L, r"\frac{\partial L}{\partial W_H} = \boldsymbol{x}^{\top}\Big[\boldsymbol{\delta}_y \odot \mathbb{1}[H > 0]\Big], \quad \boldsymbol{\delta}_y = \frac{1}{N}\big(\boldsymbol{p} - \operatorname{onehot}(\mathrm{labels})\big)W^{\top}", "*", oracle=f"x.T @ ({HW_DY} * (H > 0))", lang=Z, style="zh-qiu-highway-WH-gate-lost")
C(HW, "W_T", L, r"\frac{\partial L}{\partial W_T} = \boldsymbol{x}^{\top}\Big[\boldsymbol{\delta}_y \odot (H - \boldsymbol{x}) \odot T_{\mathrm{gate}} \odot (1 - T_{\mathrm{gate}})\Big], \quad \boldsymbol{\delta}_y = \frac{1}{N}\big(\boldsymbol{p} - \operatorname{onehot}(\mathrm{labels})\big)W^{\top}", oracle=HW_WT, lang=Z, style="zh-qiu-highway-WT")
C(HW, "W_T", L, r"\frac{\partial L}{\partial W_T} = \boldsymbol{x}^{\top}\Big[\boldsymbol{\delta}_y \odot H \odot T_{\mathrm{gate}} \odot (1 - T_{\mathrm{gate}})\Big], \quad \boldsymbol{\delta}_y = \frac{1}{N}\big(\boldsymbol{p} - \operatorname{onehot}(\mathrm{labels})\big)W^{\top}", "*", oracle=f"x.T @ ({HW_DY} * H * T_gate * (1 - T_gate))", lang=Z, style="zh-qiu-highway-WT-carry-lost", note="the carry path x(1 − T) adds −x to ∂y/∂T")
C(HW, "W_T", N, "携带门 C = 1 − T，故 ∂y/∂T = H − x；δ_y = (p − onehot(labels))/N · Wᵀ；∂L/∂W_T = xᵀ[δ_y ⊙ (H − x) ⊙ T_gate ⊙ (1 − T_gate)]", oracle=HW_WT, lang=Z, style="zh-qiu-highway-WT-text")
C(HW, "b[1]", V, "−0.2989", lang=Z, style="zh-v-qiu-highway-b-1")
C(HW, "b[2]", V, "0.3078", style="v-qiu-highway-b-2")
C(HW, "b[2]", V, "1.231", "*", style="v-qiu-highway-b-2-sum")

# ================================================================ RBF network, fixed centres (hn40_rbf_network_fixed_centres_jax_cn), Chinese
C(RB, "w", L, r"\frac{\partial L}{\partial \boldsymbol{w}} = \frac{2}{N}\boldsymbol{\Phi}^{\top}(\hat{\boldsymbol{y}} - \boldsymbol{y}), \quad \boldsymbol{\Phi} = \mathrm{phi}, \quad \hat{\boldsymbol{y}} = \mathrm{pred}", oracle=RB_W, lang=Z, style="zh-rbf-Phi-defined")
C(RB, "w", L, r"\frac{\partial L}{\partial \boldsymbol{w}} = \frac{1}{N}\boldsymbol{\Phi}^{\top}(\hat{\boldsymbol{y}} - \boldsymbol{y}), \quad \boldsymbol{\Phi} = \mathrm{phi}, \quad \hat{\boldsymbol{y}} = \mathrm{pred}", "scale-factor", oracle="phi.T @ (pred - y) / N", lang=Z, style="zh-rbf-Phi-no-2")
C(RB, "w", L, r"\frac{\partial L}{\partial w_k} = \frac{2}{N}\sum_{n=1}^{N}(\mathrm{pred}_n - y_n)\exp\Big(-\frac{\|x_n - c_k\|^{2}}{2\sigma^{2}}\Big)", style="rbf-c-k-not-a-name", note="first labelled REFUSE (c_k no name of the network); relabelled after the first pass from the mathematics: c_k is the k-th centre, row k of C, and the sum is 2/N Σ_n (pred_n − y_n) φ_nk — right", oracle=RB_W)
C(RB, "w", L, r"\frac{\partial L}{\partial w} = \frac{2}{N}\,\mathrm{phi}^{\top}(\mathrm{pred} - y)", oracle=RB_W, style="rbf-phi-mathrm")
C(RB, "w", L, r"\frac{\partial L}{\partial w} = \frac{2}{N}\,\mathrm{phi}^{\top}(y - \mathrm{pred})", "sign", oracle=f"-{RB_W}", style="rbf-phi-mathrm-sign")
C(RB, "b", L, r"\frac{\partial L}{\partial b} = \frac{2}{N}\sum_{n=1}^{N}(\mathrm{pred}_n - y_n)", oracle=RB_B, style="rbf-b")
C(RB, "b", N, "∂L/∂b = 2·mean(pred − y)", oracle=RB_B, style="rbf-b-text-mean")
C(RB, "pred", L, r"\frac{\partial L}{\partial \,\mathrm{pred}} = \frac{2}{N}(\mathrm{pred} - y)", oracle=RB_D, style="rbf-dpred")
C(RB, "w[0]", V, "−0.5333", lang=Z, style="zh-v-rbf-w-0")
C(RB, "w[2]", V, "0.2669", style="v-rbf-w-2")
C(RB, "b", V, "-0.02119", style="v-rbf-b")
C(RB, "b", V, "-0.01060", "*", style="v-rbf-b-half")

# ================================================================ multi-class margin (hn39_multi_margin_svm_cn): MultiMarginLoss + reg‖W‖²
C(MM, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}G + 2\,\mathrm{reg}\,W, \quad G_{nj} = \frac{1}{CN}\begin{cases} \mathbb{1}[s_{nj} - s_{ny_n} + 1 > 0] & j \ne y_n \\ -\sum_{k \ne y_n}\mathbb{1}[s_{nk} - s_{ny_n} + 1 > 0] & j = y_n \end{cases}, \quad s = \mathrm{scores}", oracle=MM_W, lang=Z, style="zh-mm-W-cases-G")
C(MM, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}G, \quad G_{nj} = \frac{1}{CN}\begin{cases} \mathbb{1}[s_{nj} - s_{ny_n} + 1 > 0] & j \ne y_n \\ -\sum_{k \ne y_n}\mathbb{1}[s_{nk} - s_{ny_n} + 1 > 0] & j = y_n \end{cases}, \quad s = \mathrm{scores}", "*", oracle=f"X.T @ {MM_DS}", lang=Z, style="zh-mm-W-reg-lost")
C(MM, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}G + \mathrm{reg}\,W, \quad G_{nj} = \frac{1}{CN}\begin{cases} \mathbb{1}[s_{nj} - s_{ny_n} + 1 > 0] & j \ne y_n \\ -\sum_{k \ne y_n}\mathbb{1}[s_{nk} - s_{ny_n} + 1 > 0] & j = y_n \end{cases}, \quad s = \mathrm{scores}", "*", oracle=f"X.T @ {MM_DS} + reg * W", style="mm-W-reg-2-lost")
C(MM, "b", L, r"\frac{\partial L}{\partial b_j} = \frac{1}{CN}\sum_{n=1}^{N}\begin{cases} \mathbb{1}[s_{nj} - s_{ny_n} + 1 > 0] & j \ne y_n \\ -\sum_{k \ne y_n}\mathbb{1}[s_{nk} - s_{ny_n} + 1 > 0] & j = y_n \end{cases}, \quad s = \mathrm{scores}", oracle=MM_B, style="mm-b-cases-sum")
C(MM, "b", N, "合页损失对得分的梯度：违反间隔的类 +1，真实类 −(违反个数)，再除以 C·N；∂L/∂b = 各列之和", REFUSE, lang=Z, style="zh-mm-b-words-only")
C(MM, "b[1]", V, "0.2", style="v-mm-b-1")
C(MM, "b[1]", V, "1/5", style="v-mm-b-1-fraction")
C(MM, "b[2]", V, "−2/15", lang=Z, style="zh-v-mm-b-2-fraction")
C(MM, "b[2]", V, "−0.4", "*", style="v-mm-b-2-no-C")

# ================================================================ heteroscedastic Gaussian NLL (hn39_gaussian_nll_module_heteroscedastic)
C(GN, "w_mu", L, r"\frac{\partial L}{\partial w_{\mu}} = \frac{1}{N}\,\mathrm{hid}^{\top}\frac{\mu - y}{\sigma^{2}}, \quad \sigma^{2} = \mathrm{var}", oracle=GN_WMU, style="gnll-w-mu-sigma2-var")
C(GN, "w_mu", L, r"\frac{\partial L}{\partial w_{\mu}} = \frac{1}{N}\,\mathrm{hid}^{\top}(\mu - y)", "*", oracle="hid.T @ (mu - y) / N", style="gnll-w-mu-var-lost")
C(GN, "w_mu", L, r"\frac{\partial L}{\partial w_{\mu}} = \frac{1}{N}\,\mathrm{hid}^{\top}\frac{y - \mu}{\mathrm{var}}", "sign", oracle=f"-{GN_WMU}", style="gnll-w-mu-sign")
C(GN, "var", L, r"\frac{\partial L}{\partial \mathrm{var}} = \frac{1}{2N}\Big(\frac{1}{\mathrm{var}} - \frac{(y - \mu)^{2}}{\mathrm{var}^{2}}\Big)", oracle=GN_DVAR, style="gnll-dvar")
C(GN, "var", L, r"\frac{\partial L}{\partial \mathrm{var}} = \frac{1}{2N}\Big(\frac{1}{\mathrm{var}} - \frac{(y - \mu)^{2}}{\mathrm{var}}\Big)", "*", oracle="0.5 * (1 / var - (y - mu) ** 2 / var) / N", style="gnll-dvar-square-lost")
C(GN, "w_var", L, r"\frac{\partial L}{\partial w_{\mathrm{var}}} = \mathrm{hid}^{\top}\Big[\frac{1}{2N}\Big(\frac{1}{\mathrm{var}} - \frac{(y - \mu)^{2}}{\mathrm{var}^{2}}\Big) \odot \sigma(\mathrm{hid}\,w_{\mathrm{var}})\Big]", oracle=GN_WVAR, style="gnll-w-var-softplus-prime")
C(GN, "w_var", L, r"\frac{\partial L}{\partial w_{\mathrm{var}}} = \mathrm{hid}^{\top}\Big[\frac{1}{2N}\Big(\frac{1}{\mathrm{var}} - \frac{(y - \mu)^{2}}{\mathrm{var}^{2}}\Big) \odot \mathrm{var}\Big]", "*", oracle=f"hid.T @ ({GN_DVAR} * var)", style="gnll-w-var-softplus-for-slope")
C(GN, "w_mu", N, "高斯负对数似然对均值的导数为 (μ − y)/σ²，取平均：∂L/∂w_mu = hidᵀ((mu − y)/var)/N", oracle=GN_WMU, lang=Z, style="zh-gnll-w-mu-sentence")
C(GN, "w_mu[1,0]", V, "0.3986", style="v-gnll-w-mu-1")
C(GN, "w_mu[1,0]", V, "0.1291", "wrong-entry", style="v-gnll-w-mu-1-other-entry")

# ================================================================ more built-ins in the new notations (Chinese exams, 斋藤康毅, odds)
C(M, "W2", N, "斋藤康毅《深度学习入门》的写法：dy = (y − t)/batch_size，这里 y = A2、t = Y、batch_size = m；dW2 = np.dot(A1.T, dy)", oracle=W2R, lang=Z, style="zh-saito-dy-batch-size")
C(M, "W2", N, "斋藤康毅《深度学习入门》的写法：dy = (y − t)，这里 y = A2、t = Y；dW2 = np.dot(A1.T, dy)", "scale-factor", oracle="A1.T @ (A2 - Y)", lang=Z, style="zh-saito-dy-no-batch")
C(S, "b", N, "期末考试参考答案：∂L/∂b = (1/m)·1ᵀ(P − Y)", oracle=SB, lang=Z, style="zh-final-exam-softmax-b")
C(S, "b", N, "期末考试参考答案：∂L/∂b = 1ᵀ(P − Y)", "scale-factor", oracle="np.sum(P - Y, axis=0, keepdims=True)", lang=Z, style="zh-final-exam-softmax-b-no-mean")
C(R, "w1", N, "解：记 δ = 2(y_pred − y)，则 ∂L/∂w1 = xᵀ[(δ w2ᵀ) ⊙ 1(h > 0)]。", oracle=RW1, lang=Z, style="zh-jie-ji-delta")
C(B, "beta", N, "∂L/∂β = 1ᵀ · 2(Y − T)/(m·n)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="bn-beta-text-ones")
C(B, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\frac{\partial L}{\partial Z}, \quad \frac{\partial L}{\partial Z} = \text{(the batch-norm backward)}", REFUSE, style="bn-W-dZ-in-words")
C(R2, "W_x", N, "∂L/∂W_x = Σ_t x_tᵀ δ_t，δ₂ = (h₂ − y) ⊙ (1 − h₂²)，δ₁ = δ₂ W_hᵀ ⊙ (1 − h₁²)", oracle="x_2.T @ ((h_2 - y) * (1 - h_2 ** 2)) + x_1.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", lang=Z, style="zh-rnn-Wx-sum-t")
C(CH, "b", N, "∂L/∂b = 2(w·x + b)", oracle="2 * (w * x + b)", style="chain-b-text-dot")
C(CH, "x", N, "∂L/∂x = 2(w·x + b)·b", "*", oracle="2 * (w * x + b) * b", style="chain-x-text-wrong-factor")
C(A, "W_v", N, "∂L/∂W_v = Xᵀ Aᵀ · 2(O − T)/(n·d)", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", style="attention-Wv-text")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}\big((1 - Y) \odot A_2 - w\,Y \odot (1 - A_2)\big)", oracle="A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="mlpw-W2-weighted")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^{\top}\big(A_2 - Y\big)", "weighted-loss-not-simplifiable", oracle=W2R, style="mlpw-W2-unweighted")
C(MW, "b2", N, "∂L/∂b2 = Σᵢ((1 − Y) ⊙ A2 − w·Y ⊙ (1 − A2))ᵢ / m", oracle="np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) / m", style="mlpw-b2-text")


# Keras's BinaryCrossentropy keeps ε = 1e-7 inside its logs (corpus20's KERAS_EPS): the swish
# network's exact gradient differs from the textbook (Ŷ − Y)/m by ~1e-7 relative, so its right
# answers have no oracle at rtol 1e-9 (a numerical guard, not a mistake a grader marks); its wrong
# ones keep theirs (PyTorch confirms they are not the gradient)
for _r in _rows:
    if _r["net"] == SW_ and _r["verdict"] == "correct" and _r["oracle"]:
        _r["oracle"], _r["note"] = None, _r["note"] or "Keras's ε = 1e-7 in its BCE: no oracle at rtol 1e-9"


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c41t-000, … as written; cases repeating corpora 2-40t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus41t", "c41t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
