"""The held-out-style corpus of issue 11, thirty-eighth round, text side (``c38t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — the differential /
Frobenius-product notation of math.SE answers and Minka's / Edelman–Johnson's matrix calculus
(``dL = G : dZ``, ``d(XW) = X\\,dW``, ``\\operatorname{tr}(G^\\top dW)`` read off as the gradient),
CMU 10-714 DLSys's ``G_i = (G_{i+1} \\circ \\sigma'(Z_i W_i)) W_i^\\top``, Shewchuk's CS189 notes,
Raschka's *ML with PyTorch and Scikit-Learn* ch. 11 (``\\delta^{(out)}``, ``w^{(out)}_{j,l}``),
Géron's *Hands-On ML* (``\\nabla_{\\boldsymbol\\theta}\\,\\mathrm{MSE}``, ``^\\intercal``), Kevin
Clark's CS224n gradient notes (Jacobians ``\\operatorname{diag}(f'(z))``, the shape convention),
知乎 / CSDN blog derivations (``$$…$$``, ``\\frac{\\partial E}{\\partial w_{jk}}``, 「由链式法则」),
Saito 《深度学习入门》's computational-graph prose, Chinese 期末 answers with 「解：」 and numbered
steps (1)(2)(3), a hand number AND a formula on one line, text pasted from a PDF (the fraction
bar lost: ``∂L\\n∂W``; ``ˆy``), whole matrices as ``bmatrix``/``array``/``smallmatrix``
(``vmatrix`` is a determinant: refused), 0-based index notation (the lead's round-38 policy:
an answer using the index 0 for a parameter's entry is read 0-based as a whole), index notation
under ``\\sum_i`` (``Y_{i2}``); answer keys of three exercise variants (tiny-mlp v3/11,
softmax-regression v2/4, relu-mlp v6/21); six course networks no corpus had used (CS224n's
window classifier, an ELU regression written with ``np.where``, a center loss, the Dice loss, a
hardtanh/clamp regression, a batch of one); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex38"). Oracles: PyTorch
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
CW = str(COURSE / "cs224n_window.toml")
EL = str(COURSE / "elu_where.toml")
CL = str(COURSE / "center_loss.toml")
DC = str(COURSE / "dice_loss.toml")
HT = str(COURSE / "hardtanh.toml")
BO = str(COURSE / "batch_one_mean.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# tiny-mlp v3/11: X = [2, 0.5], W1 = [[0.7, -0.1], [-0.7, -0.9]], W2 = [-0.1, 0.5], y = 1.5;
# softmax-regression v2/4; relu-mlp v6/21 (values in the keys): gradients by PyTorch float64 at those values
KT, KS, KR = K(T, 3, 11), K(S, 2, 4), K(R, 6, 21)

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

SM = "(lambda z: np.exp(z - z.max(1, keepdims=True)) / np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True))"

# ================================================================ differential / Frobenius notation (Minka, math.SE, Edelman–Johnson)
C(S, "W", L, r"dL = \frac{1}{m}(P - Y) : dZ, \quad dZ = X\,dW \;\Rightarrow\; \frac{\partial L}{\partial W} = \frac{1}{m} X^\top (P - Y)", oracle=SW, style="frob-then-gradient")
C(S, "W", L, r"dL = \frac{1}{m}(P - Y) : dZ, \quad dZ = X\,dW \;\Rightarrow\; \frac{\partial L}{\partial W} = \frac{1}{m} (P - Y)^\top X", "*", style="frob-then-gradient-transposed")
C(S, "W", L, r"dL = G : dZ = G : X\,dW = X^\top G : dW, \text{ hence } \nabla_W L = X^\top G \text{ with } G = \frac{1}{m}(P - Y)", oracle=SW, style="frob-hence-with-G")
C(S, "W", L, r"dL = G : dZ = G : X\,dW = X^\top G : dW, \text{ hence } \nabla_W L = X^\top G \text{ with } G = P - Y", "scale-factor", oracle="X.T @ (P - Y)", style="frob-hence-with-G-no-m")
C(S, "W", L, r"dL = \frac{1}{m}\operatorname{tr}\big((P - Y)^\top X\, dW\big)", oracle=SW, style="frob-trace-read-off")
C(S, "W", L, r"dL = \frac{1}{m}\operatorname{tr}\big((Y - P)^\top X\, dW\big)", "sign", oracle="X.T @ (Y - P) / m", style="frob-trace-read-off-sign")
C(S, "W", L, r"dL = \frac{1}{m}\,\big\langle X^\top (P - Y),\, dW \big\rangle_F", oracle=SW, style="frob-inner-product-read-off")
C(S, "b", L, r"dL = \frac{1}{m}\mathbf{1}^\top (P - Y)\, db^\top", oracle=SB, style="frob-b-row-times-column", note="1ᵀ(P − Y) (1 × k) times dbᵀ (k × 1): the scalar ⟨(1/m)1ᵀ(P − Y), db⟩")
C(M, "W2", L, r"d\mathcal{L} = \frac{1}{m}(A^{[2]} - Y) : dZ^{[2]},\ dZ^{[2]} = A^{[1]}\,dW^{[2]} \implies \frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="frob-mlp-W2-implies")
C(M, "W2", L, r"d\mathcal{L} = \frac{1}{m}(A^{[2]} - Y) : dZ^{[2]},\ dZ^{[2]} = A^{[1]}\,dW^{[2]} \implies \frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m} A^{[1]}(A^{[2]} - Y)", "*", style="frob-mlp-W2-no-transpose")
C(T, "W2", L, r"dL = (y_{\mathrm{pred}} - y_{\mathrm{target}})\, dy_{\mathrm{pred}} = (y_{\mathrm{pred}} - y_{\mathrm{target}})\, h\, dW_2 \;\Rightarrow\; \frac{\partial L}{\partial W_2} = h^\top (y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, style="frob-tiny-W2-scalar-diff")
C(R, "w2", L, r"d\ell = 2(y_{\mathrm{pred}} - y) : dy_{\mathrm{pred}} = 2(y_{\mathrm{pred}} - y) : h_{\mathrm{relu}}\, dw_2 = 2h_{\mathrm{relu}}^\top(y_{\mathrm{pred}} - y) : dw_2", oracle=RW2, style="frob-relu-w2-chain-of-colons")
C(R, "w2", L, r"d\ell = 2(y_{\mathrm{pred}} - y) : dy_{\mathrm{pred}} = 2(y_{\mathrm{pred}} - y) : h_{\mathrm{relu}}\, dw_2 = 2(y_{\mathrm{pred}} - y) h_{\mathrm{relu}}^\top : dw_2", "*", style="frob-relu-w2-wrong-side")
C(CW, "U", L, r"dJ = \frac{1}{m}(\hat{y} - y) : (h\, dU) = \frac{1}{m} h^\top(\hat{y} - y) : dU, \text{ so } \frac{\partial J}{\partial U} = \frac{1}{m} h^\top(\hat{y} - y)", oracle="h.T @ ((y_hat - y) / m)", style="frob-cs224n-U")
C(CW, "U", L, r"dJ = \frac{1}{m}(\hat{y} - y) : (h\, dU) = \frac{1}{m} h^\top(\hat{y} - y) : dU, \text{ so } \frac{\partial J}{\partial U} = h^\top(\hat{y} - y)", "scale-factor", oracle="h.T @ (y_hat - y)", style="frob-cs224n-U-no-m")
C(S, "W", N, "dL = tr(Gᵀ dZ) = tr(Gᵀ X dW) = tr((XᵀG)ᵀ dW), so ∂L/∂W = XᵀG, G = (P − Y)/m", oracle=SW, style="frob-unicode-trace")
C(S, "W", N, "dL = tr(Gᵀ dZ) = tr(Gᵀ X dW) = tr((XᵀG)ᵀ dW), so ∂L/∂W = GXᵀ, G = (P − Y)/m", "*", style="frob-unicode-trace-wrong-order")
C(E, "w", L, r"dL = (O - t)\, dO = (O - t)\,O(1 - O)\, dz,\quad dz = dw\, x^\top \;\Rightarrow\; \frac{\partial L}{\partial w} = (O - t)\,O(1 - O)\, x", oracle=EW, style="frob-neuron-scalar-chain")

# ================================================================ CMU 10-714 DLSys (Z_{i+1} = σ(Z_i W_i), G_i = ∂ℓ/∂Z_i, ∘ element-wise)
RG2 = "(2 * (y_pred - y) @ w2.T)"
C(R, "w1", L, r"G_2 = 2(y_{\mathrm{pred}} - y)\, w_2^{\top}, \qquad \nabla_{w_1} \ell = x^{\top}\big(G_2 \circ \mathbb{1}\{x w_1 > 0\}\big)", oracle=RW1, style="dlsys-relu-w1-G")
C(R, "w1", L, r"G_2 = 2(y_{\mathrm{pred}} - y)\, w_2^{\top}, \qquad \nabla_{w_1} \ell = x^{\top} G_2", "missing-activation-derivative", oracle=f"x.T @ {RG2}", style="dlsys-relu-w1-no-mask")
C(R, "w1", L, r"G_2 = 2(y_{\mathrm{pred}} - y)\, w_2^{\top}, \qquad \nabla_{w_1} \ell = \big(G_2 \circ \mathbb{1}\{x w_1 > 0\}\big) x^{\top}", "*", style="dlsys-relu-w1-wrong-side")
C(M, "W1", L, r"\nabla_{W_1} \ell = \frac{1}{m} X^{\top}\Big(\big((A_2 - Y)\, W_2^{\top}\big) \circ \mathbb{1}\{Z_1 > 0\}\Big)", oracle=W1R, style="dlsys-mlp-W1-circ")
C(M, "W1", L, r"\nabla_{W_1} \ell = \frac{1}{m} X^{\top}\Big(\big((A_2 - Y)\, W_2^{\top}\big) \circ \mathbb{1}\{Z_1 < 0\}\Big)", "*", style="dlsys-mlp-W1-mask-flipped")
C(T, "W1", L, r"G_2 = (y_{\mathrm{pred}} - y_{\mathrm{target}})\, W_2^{\top}, \quad \nabla_{W_1} L = X^{\top}\big(G_2 \circ \sigma'(X W_1)\big)", oracle=TW1, style="dlsys-tiny-sigma-prime")
C(T, "W1", L, r"G_2 = (y_{\mathrm{pred}} - y_{\mathrm{target}})\, W_2^{\top}, \quad \nabla_{W_1} L = X^{\top}\big(G_2 \circ \sigma(X W_1)\big)", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="dlsys-tiny-sigma-not-prime")
C(HT, "W2", L, r"G = \frac{2}{m}(B - Y) \circ 2\,\mathbb{1}\{|2AW_2| < 1\}, \qquad \nabla_{W_2}\ell = A^{\top} G", oracle="A.T @ (2 * (B - Y) / m * 2 * (np.abs(2 * A @ W2) < 1))", style="dlsys-hardtanh-W2")
C(HT, "W2", L, r"解：令 $G = \frac{2}{m}(B - Y) \circ 2\,\mathbb{1}\{|2AW_2| < 1\}$，则 $\nabla_{W_2}\ell = A^{\top} G$。", oracle="A.T @ (2 * (B - Y) / m * 2 * (np.abs(2 * A @ W2) < 1))", lang=Z, style="zh-dlsys-hardtanh-W2")
C(HT, "W2", L, r"G = \frac{2}{m}(B - Y), \qquad \nabla_{W_2}\ell = A^{\top} G", "*", oracle="A.T @ (2 * (B - Y) / m)", style="dlsys-hardtanh-W2-no-slope", note="hardtanh's slope (2 inside its unsaturated band, 0 outside) dropped")
C(HT, "W1", L, r"G = \frac{2}{m}(B - Y) \circ 2\,\mathbb{1}\{|2AW_2| < 1\}, \qquad \nabla_{W_1}\ell = X^{\top}\big(G W_2^{\top} \circ \mathbb{1}\{|XW_1| < 1\}\big)", oracle="X.T @ ((2 * (B - Y) / m * 2 * (np.abs(2 * A @ W2) < 1)) @ W2.T * (np.abs(X @ W1) < 1))", style="dlsys-hardtanh-W1")
C(HT, "W1", L, r"G = \frac{2}{m}(B - Y) \circ 2\,\mathbb{1}\{|2AW_2| < 1\}, \qquad \nabla_{W_1}\ell = X^{\top}\big(G W_2^{\top}\big)", "*", oracle="X.T @ ((2 * (B - Y) / m * 2 * (np.abs(2 * A @ W2) < 1)) @ W2.T)", style="dlsys-hardtanh-W1-no-clamp-mask")
C(HT, "A", N, "G ∘ 1{|2AW₂| < 1} ⋯", REFUSE, style="dlsys-ellipsis", note="an ellipsis: the answer is unfinished")

# ================================================================ Shewchuk CS189 notes (∇ with vectors, "=" chains in words)
C(E, "w", L, r"\nabla_w L = \frac{\partial L}{\partial O}\,\nabla_w O = (O - t)\, s'(z)\, x, \quad s'(z) = s(z)(1 - s(z))", REFUSE, style="shewchuk-s-prime", note="relabelled after the first run: s(z) (Shewchuk's logistic function) is never defined in the answer and is no function of the network (σ): refused")
C(E, "w", L, r"\nabla_w L = \frac{\partial L}{\partial O}\,\nabla_w O = (O - t)\, s'(z)\, x, \quad s'(z) = s(z)\,s(z)", REFUSE, style="shewchuk-s-prime-wrong", note="as c38t-031: s is undefined")
C(E, "t", L, r"\nabla_t L = t - O", oracle="t - O", style="shewchuk-grad-target")
C(E, "t", L, r"\nabla_t L = O - t", "sign", oracle="O - t", style="shewchuk-grad-target-sign")
C(CH, "x", N, "∇_x L = 2(wx + b)·w", oracle="2 * (w * x + b) * w", style="shewchuk-chain-x-unicode")

# ================================================================ Raschka, ML with PyTorch and Scikit-Learn, ch. 11 (δ^{(out)}, w^{(out)}_{j,l})
C(M, "W2", L, r"\boldsymbol{\delta}^{(2)} = \boldsymbol{a}^{(2)} - \boldsymbol{y}, \qquad \frac{\partial L}{\partial \boldsymbol{W}^{(2)}} = \frac{1}{n}\,(\boldsymbol{A}^{(1)})^{\top}\boldsymbol{\delta}^{(2)}", REFUSE, style="raschka-delta-out-n-as-m", note="relabelled after the first run: n is no name of mlp-bce (Raschka's batch size, mlp-bce's m): an unknown name is refused naming the network's names")
C(M, "W2", L, r"\boldsymbol{\delta}^{(2)} = \boldsymbol{a}^{(2)} - \boldsymbol{y}, \qquad \frac{\partial L}{\partial \boldsymbol{W}^{(2)}} = (\boldsymbol{A}^{(1)})^{\top}\boldsymbol{\delta}^{(2)}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="raschka-delta-out-no-n")
C(M, "W1", L, r"\boldsymbol{\delta}^{(1)} = \big(\boldsymbol{\delta}^{(2)} (\boldsymbol{W}^{(2)})^{\top}\big) \odot \frac{\partial \boldsymbol{a}^{(1)}}{\partial \boldsymbol{z}^{(1)}}, \quad \boldsymbol{\delta}^{(2)} = \boldsymbol{a}^{(2)} - \boldsymbol{y}, \quad \frac{\partial L}{\partial \boldsymbol{W}^{(1)}} = \frac{1}{m}\boldsymbol{X}^{\top}\boldsymbol{\delta}^{(1)}", oracle=W1R, style="raschka-delta-h-da-dz")
C(T, "w12", L, r"\frac{\partial L}{\partial w^{(h)}_{1,2}} = (\hat y - y)\, v_2\, h_2 (1 - h_2)\, x_1", style="raschka-entry-comma-indices")
C(T, "w12", L, r"\frac{\partial L}{\partial w^{(h)}_{1,2}} = (\hat y - y)\, v_2\, h_2 (1 - h_2)\, x_2", "*", style="raschka-entry-wrong-input")
C(T, "v1", L, r"\frac{\partial L}{\partial w^{(out)}_{1}} = (\hat y - y)\, h_1", style="raschka-entry-out")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{(2)}} = \frac{1}{n}\sum_{i=1}^{n}\big(a^{(2)[i]} - y^{[i]}\big)", oracle=B2R, style="raschka-bias-sum-bracket-i")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{(2)}} = \frac{1}{n}\big(a^{(2)} - y\big)", REFUSE, style="raschka-bias-unsummed", note="relabelled after the first run: n is no name of mlp-bce (as c38t-036)")

# ================================================================ Géron, Hands-On ML (∇_θ MSE(θ), ^\intercal, bold X)
C(EL, "W2", L, r"\nabla_{\mathbf{W}_2}\,\mathrm{MSE} = \frac{2}{m}\,\mathbf{A}_1^\intercal(\mathbf{A}_1\mathbf{W}_2 - \mathbf{Y})", oracle="A1.T @ (2 * (Yhat - Y) / m)", style="geron-grad-mse")
C(EL, "W2", L, r"\nabla_{\mathbf{W}_2}\,\mathrm{MSE} = \frac{1}{m}\,\mathbf{A}_1^\intercal(\mathbf{A}_1\mathbf{W}_2 - \mathbf{Y})", "scale-factor", oracle="A1.T @ ((Yhat - Y) / m)", style="geron-grad-mse-no-2")
C(EL, "W2", L, r"\nabla_{\mathbf{W}_2}\,\mathrm{MSE} = \frac{2}{m}\,\mathbf{A}_1^\intercal(\mathbf{Y} - \hat{\mathbf{Y}})", "sign", oracle="A1.T @ (2 * (Y - Yhat) / m)", style="geron-grad-mse-sign")
C(EL, "W1", L, r"\nabla_{\mathbf{W}_1}\,\mathrm{MSE} = \mathbf{X}^\intercal\Big[\frac{2}{m}(\hat{\mathbf{Y}} - \mathbf{Y})\mathbf{W}_2^\intercal \odot \mathrm{ELU}'(\mathbf{Z}_1)\Big],\ \mathrm{ELU}'(z) = \begin{cases} 1 & z > 0 \\ \alpha e^{z} & z \le 0 \end{cases}", oracle="X.T @ (2 * (Yhat - Y) / m @ W2.T * np.where(Z1 > 0, 1, alpha * np.exp(Z1)))", style="geron-elu-cases")
C(EL, "W1", L, r"\nabla_{\mathbf{W}_1}\,\mathrm{MSE} = \mathbf{X}^\intercal\Big[\frac{2}{m}(\hat{\mathbf{Y}} - \mathbf{Y})\mathbf{W}_2^\intercal \odot \mathrm{ELU}'(\mathbf{Z}_1)\Big],\ \mathrm{ELU}'(z) = \begin{cases} 1 & z > 0 \\ \alpha e^{z} - 1 & z \le 0 \end{cases}", "*", oracle="X.T @ (2 * (Yhat - Y) / m @ W2.T * np.where(Z1 > 0, 1, alpha * np.exp(Z1) - 1))", style="geron-elu-cases-minus-one", note="α(eᶻ − 1) is the ELU, not its slope")
C(EL, "W1", L, r"\nabla_{\mathbf{W}_1}\,\mathrm{MSE} = \mathbf{X}^\intercal\Big[\frac{2}{m}(\hat{\mathbf{Y}} - \mathbf{Y})\mathbf{W}_2^\intercal \odot \big(\mathbb{1}(\mathbf{Z}_1 > 0) + (\mathbf{A}_1 + \alpha) \odot \mathbb{1}(\mathbf{Z}_1 \le 0)\big)\Big]", oracle="X.T @ (2 * (Yhat - Y) / m @ W2.T * np.where(Z1 > 0, 1, alpha * np.exp(Z1)))", style="geron-elu-a-plus-alpha")
C(EL, "W1", L, r"\nabla_{\mathbf{W}_1}\,\mathrm{MSE} = \mathbf{X}^\intercal\Big[\frac{2}{m}(\hat{\mathbf{Y}} - \mathbf{Y})\mathbf{W}_2^\intercal \odot \mathbb{1}(\mathbf{Z}_1 > 0)\Big]", "*", oracle="X.T @ (2 * (Yhat - Y) / m @ W2.T * (Z1 > 0))", style="geron-elu-as-relu")
C(EL, "A1", L, r"\frac{\partial\,\mathrm{MSE}}{\partial \mathbf{A}_1} = \frac{2}{m}(\hat{\mathbf{Y}} - \mathbf{Y})\,\mathbf{W}_2^\intercal", oracle="2 * (Yhat - Y) / m @ W2.T", style="geron-dA1")
C(EL, "A1", L, r"\frac{\partial\,\mathrm{MSE}}{\partial \mathbf{A}_1} = \frac{2}{m}\mathbf{W}_2^\intercal(\hat{\mathbf{Y}} - \mathbf{Y})", "*", style="geron-dA1-wrong-order")
C(EL, "W2[2,0]", V, "-0.526", style="v-elu-W2-2-3sf")
C(EL, "W2[2,0]", V, "-0.263", "*", style="v-elu-W2-2-half")
C(EL, "W2", V, r"\begin{bmatrix} -0.1647 \\ -0.2848 \\ -0.5259 \end{bmatrix}", style="v-elu-W2-bmatrix-column")
C(EL, "W1[1,2]", V, "0.4816", style="v-elu-W1-12")
C(EL, "W1[0,1]", V, "0.001998", style="v-elu-W1-01-small")
C(EL, "W1[0,1]", V, "0.002", "too-few-digits", style="v-elu-W1-01-1sf", note="0.001998 to one significant digit (as c37t's -0.009 for -0.00898)")

# ================================================================ Kevin Clark's CS224n gradient notes (Jacobians, diag, shape convention) on the window classifier
CW_D2 = "((y_hat - y) / m)"
CW_D1 = f"({CW_D2} @ U.T * (1 - h ** 2))"
C(CW, "W", L, r"\boldsymbol{\delta}_1 = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}^2), \quad \frac{\partial J}{\partial W} = \boldsymbol{x}^{\top}\boldsymbol{\delta}_1", oracle=f"x.T @ {CW_D1}", style="clark-window-W")
C(CW, "W", L, r"\boldsymbol{\delta}_1 = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}^2), \quad \frac{\partial J}{\partial W} = \boldsymbol{\delta}_1^{\top}\boldsymbol{x}", "*", style="clark-window-W-jacobian-layout", note="δᵀx is the numerator-layout Jacobian, the transpose of W's shape")
C(CW, "W", L, r"\boldsymbol{\delta}_1 = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot \tanh'(\boldsymbol{x}W + \boldsymbol{b}_1), \quad \frac{\partial J}{\partial W} = \boldsymbol{x}^{\top}\boldsymbol{\delta}_1", oracle=f"x.T @ {CW_D1}", style="clark-window-tanh-prime")
C(CW, "W", L, r"\boldsymbol{\delta}_1 = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}), \quad \frac{\partial J}{\partial W} = \boldsymbol{x}^{\top}\boldsymbol{\delta}_1", "wrong-activation-derivative", oracle=f"x.T @ ({CW_D2} @ U.T * (1 - h))", style="clark-window-1-minus-h")
C(CW, "h", L, r"\frac{\partial J}{\partial \boldsymbol{h}} = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\, U^{\top}", oracle=f"{CW_D2} @ U.T", style="clark-window-dh")
C(CW, "h", L, r"\frac{\partial J}{\partial \boldsymbol{h}} = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\, U", "*", style="clark-window-dh-U-untransposed")
C(CW, "x", L, r"\frac{\partial J}{\partial \boldsymbol{x}} = \frac{\partial J}{\partial \boldsymbol{z}}\frac{\partial \boldsymbol{z}}{\partial \boldsymbol{x}} = \boldsymbol{\delta}_1 W^{\top}, \quad \boldsymbol{\delta}_1 = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}^2)", REFUSE, style="clark-window-dx", note="relabelled after the first run: x is built from inputs only, so derive asks no gradient of it (its --wrt lists W, b1, U, b2, h, y_hat): refused naming those")
C(CW, "x", L, r"\frac{\partial J}{\partial \boldsymbol{x}} = \boldsymbol{\delta}_1 W, \quad \boldsymbol{\delta}_1 = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}^2)", REFUSE, style="clark-window-dx-W-untransposed", note="as c38t-065: x has no gradient to ask for")
C(CW, "b1", L, r"\frac{\partial J}{\partial \boldsymbol{b}_1} = \mathbf{1}^{\top}\Big[\frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}^2)\Big]", oracle=f"np.sum({CW_D1}, axis=0, keepdims=True)", style="clark-window-b1")
C(CW, "b1", L, r"\frac{\partial J}{\partial \boldsymbol{b}_1} = \frac{1}{m}(\hat{\boldsymbol{y}} - \boldsymbol{y})\,U^{\top} \odot (1 - \boldsymbol{h}^2)", "bias-not-summed", style="clark-window-b1-unsummed")
C(CW, "b2", L, r"\frac{\partial J}{\partial \boldsymbol{b}_2} = \frac{1}{m}\sum_{i=1}^{m}(\hat{\boldsymbol{y}}_i - \boldsymbol{y}_i)", oracle=f"np.sum({CW_D2}, axis=0, keepdims=True)", style="clark-window-b2")
C(CW, "b2", L, r"\frac{\partial J}{\partial \boldsymbol{b}_2} = \sum_{i=1}^{m}(\hat{\boldsymbol{y}}_i - \boldsymbol{y}_i)", "scale-factor", oracle="np.sum(y_hat - y, axis=0, keepdims=True)", style="clark-window-b2-no-m")
C(CW, "h", N, "∂J/∂h = diag(...)", REFUSE, style="clark-window-diag-dots", note="a placeholder left in the answer")
C(T, "h_raw", L, r"\frac{\partial L}{\partial \boldsymbol{h}_{\mathrm{raw}}} = (\hat y - y)\,W_2^{\top}\operatorname{diag}\big(\sigma'(\boldsymbol{h}_{\mathrm{raw}})\big)", oracle="(y_pred - y_target) * W2.T * h * (1 - h)", style="clark-tiny-diag-sigma-prime")
C(T, "h_raw", L, r"\frac{\partial L}{\partial \boldsymbol{h}_{\mathrm{raw}}} = \operatorname{diag}\big(\sigma'(\boldsymbol{h}_{\mathrm{raw}})\big)\,(\hat y - y)\,W_2^{\top}", "*", style="clark-tiny-diag-on-wrong-side", note="diag(n_h) times a 1 × n_h row: the shapes do not fit")
C(E, "z", L, r"\frac{\partial L}{\partial z} = (O - t)\,\sigma(z)(1 - \sigma(z))", oracle="(O - t) * O * (1 - O)", style="clark-neuron-dz")
C(CW, "U[0,0]", V, "-0.1002", style="v-cs224n-U00")
C(CW, "U[1,2]", V, "0.468", "sign", style="v-cs224n-U12-sign")
C(CW, "b2", V, r"\begin{pmatrix} 0.3098 & 0.3548 & -0.6646 \end{pmatrix}", style="v-cs224n-b2-pmatrix-row")
C(CW, "b2", V, r"\begin{pmatrix} 0.3098 \\ 0.3548 \\ -0.6646 \end{pmatrix}", "shape-mismatch", style="v-cs224n-b2-pmatrix-column")
C(CW, "W[4,0]", V, "-0.1719", style="v-cs224n-W40")
C(CW, "W[4,0]", V, "-0.0761", "wrong-entry", style="v-cs224n-W40-other-entry", note="-0.07607 is W[5,0]")
C(CW, "b1[0,0]", V, "-0.3656", lang=Z, style="zh-v-cs224n-b1")

# ================================================================ 知乎 / CSDN blog derivations ($$…$$, E, w_{jk}, 「由链式法则」)
C(T, "w12", L, "由链式法则，\n$$\\frac{\\partial E}{\\partial w_{12}} = \\frac{\\partial E}{\\partial \\hat y}\\cdot\\frac{\\partial \\hat y}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial w_{12}} = (\\hat y - y)\\, v_2\\, h_2(1 - h_2)\\, x_1$$", lang=Z, style="zhihu-leibniz-entry")
C(T, "w12", L, "由链式法则，\n$$\\frac{\\partial E}{\\partial w_{12}} = \\frac{\\partial E}{\\partial \\hat y}\\cdot\\frac{\\partial \\hat y}{\\partial h_2}\\cdot\\frac{\\partial h_2}{\\partial w_{12}} = (\\hat y - y)\\, v_1\\, h_2(1 - h_2)\\, x_1$$", "*", lang=Z, style="zhihu-leibniz-entry-wrong-v")
C(T, "w21", L, "$$\\frac{\\partial E}{\\partial w_{21}} = (\\hat y - y)\\, v_1\\, h_1(1 - h_1)\\, x_2$$", lang=Z, style="zhihu-entry-w21")
C(T, "w21", L, "$$\\frac{\\partial E}{\\partial w_{21}} = (\\hat y - y)\\, v_1\\, h_1\\, x_2$$", "wrong-activation-derivative", lang=Z, style="zhihu-entry-w21-sigma-not-prime")
C(T, "W2", L, "由链式法则可得：$$\\frac{\\partial E}{\\partial \\boldsymbol{W}_2} = \\boldsymbol{h}^{\\mathrm{T}}(\\hat y - y)$$", oracle=TW2, lang=Z, style="csdn-W2-mathrm-T")
C(T, "W2", L, "由链式法则可得：$$\\frac{\\partial E}{\\partial \\boldsymbol{W}_2} = (\\hat y - y)\\boldsymbol{h}$$", "*", lang=Z, style="csdn-W2-wrong-shape")
C(E, "w", L, "令 $\\delta = (O - t)O(1 - O)$，则 $$\\frac{\\partial E}{\\partial \\boldsymbol{w}} = \\delta\\,\\boldsymbol{x}$$", oracle=EW, lang=Z, style="zhihu-ling-delta")
C(E, "w", L, "令 $\\delta = (O - t)(1 - O)$，则 $$\\frac{\\partial E}{\\partial \\boldsymbol{w}} = \\delta\\,\\boldsymbol{x}$$", "*", oracle="(O - t) * (1 - O) * x", lang=Z, style="zhihu-ling-delta-half-derivative")
C(M, "b1", L, "$$\\frac{\\partial L}{\\partial b^{[1]}} = \\frac{1}{m}\\sum_{i=1}^{m} \\delta^{[1](i)}, \\quad \\delta^{[1]} = (A^{[2]} - Y)W^{[2]\\mathrm{T}} \\odot \\mathbb{1}(Z^{[1]} > 0)$$", oracle=B1R, lang=Z, style="csdn-b1-delta-i")
C(CH, "w", L, "由链式法则 $$\\frac{\\partial L}{\\partial w}=\\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial u}\\frac{\\partial u}{\\partial w}=2v\\cdot x$$", oracle="2 * v * x", lang=Z, style="zhihu-chain-no-spaces")

# ================================================================ Saito 《深度学习入门》: computational-graph prose (Affine, SoftmaxWithLoss, 乘法节点)
C(S, "W", N, "Softmax-with-Loss 层反向传播的输出为 (P − Y)/m，Affine 层的反向传播：∂L/∂W = Xᵀ·(P − Y)/m", oracle=SW, lang=Z, style="saito-affine-softmax")
C(S, "W", N, "Softmax-with-Loss 层反向传播的输出为 (P − Y)/m，Affine 层的反向传播：∂L/∂W = (P − Y)/m·Xᵀ", "*", lang=Z, style="saito-affine-wrong-order")
C(CH, "w", N, "乘法节点的反向传播将上游的值乘以输入信号的翻转值：∂L/∂w = 2v·x", oracle="2 * v * x", lang=Z, style="saito-multiply-node")
C(CH, "x", N, "乘法节点的反向传播将上游的值乘以输入信号的翻转值：∂L/∂x = 2v·x", "*", oracle="2 * v * x", lang=Z, style="saito-multiply-node-not-flipped")
C(CH, "b", N, "加法节点的反向传播将上游的值原封不动地输出：∂L/∂b = 2v", oracle="2 * v", lang=Z, style="saito-add-node")
C(M, "Z1", N, "ReLU 层：正向传播时 Z1 > 0 的位置反向传播时原样传递，其余为 0：∂L/∂Z1 = (A2 − Y)/m·W2ᵀ ⊙ (Z1 > 0)", oracle="(A2 - Y) / m @ W2.T * (Z1 > 0)", lang=Z, style="saito-relu-layer")
C(M, "Z1", N, "ReLU 层：∂L/∂Z1 = (A2 − Y)/m·W2ᵀ", "missing-activation-derivative", oracle="(A2 - Y) / m @ W2.T", lang=Z, style="saito-relu-layer-no-mask")
C(E, "z", N, "Sigmoid 层的反向传播：∂L/∂z = ∂L/∂O · O(1 − O) = (O − t)·O(1 − O)", oracle="(O - t) * O * (1 - O)", lang=Z, style="saito-sigmoid-layer")

# ================================================================ Chinese 期末 answers: 解：and numbered steps (1)(2)(3)
C(M, "W2", N, "解：(1) δ₂ = A₂ − Y\n(2) ∂L/∂W₂ = A₁ᵀδ₂/m\n(3) ∂L/∂b₂ = Σδ₂/m", oracle=W2R, lang=Z, style="qimo-numbered-steps-W2")
C(M, "b2", N, "解：(1) δ₂ = A₂ − Y\n(2) ∂L/∂W₂ = A₁ᵀδ₂/m\n(3) ∂L/∂b₂ = Σδ₂/m", oracle=B2R, lang=Z, style="qimo-numbered-steps-b2")
C(M, "W2", N, "解：(1) δ₂ = Y − A₂\n(2) ∂L/∂W₂ = A₁ᵀδ₂/m", "sign", oracle="A1.T @ (Y - A2) / m", lang=Z, style="qimo-numbered-steps-sign")
C(M, "W1", N, "解：（1）δ₂ = (A₂ − Y)/m；（2）δ₁ = δ₂W₂ᵀ ⊙ 1(Z₁ > 0)；（3）∂L/∂W₁ = Xᵀδ₁。", oracle=W1R, lang=Z, style="qimo-full-width-numbered")
C(M, "W1", N, "解：（1）δ₂ = (A₂ − Y)/m；（2）δ₁ = δ₂W₂ᵀ；（3）∂L/∂W₁ = Xᵀδ₁。", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) / m @ W2.T)", lang=Z, style="qimo-full-width-numbered-no-mask")
C(R2, "W_h", N, "解：① δ₂ = (h₂ − y) ⊙ (1 − h₂²)\n② δ₁ = δ₂W_hᵀ ⊙ (1 − h₁²)\n③ ∂L/∂W_h = h₁ᵀδ₂ + h₀ᵀδ₁", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", lang=Z, style="qimo-circled-steps-rnn")
C(R2, "W_h", N, "解：① δ₂ = (h₂ − y) ⊙ (1 − h₂²)\n② ∂L/∂W_h = h₁ᵀδ₂", "*", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2))", lang=Z, style="qimo-circled-steps-rnn-truncated")
C(B, "beta", N, "解：第一步 ∂L/∂Y = 2(Y − T)/(mn)；第二步 ∂L/∂β = 1ᵀ·∂L/∂Y", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", lang=Z, style="qimo-diyibu")

# ================================================================ a hand number AND a formula on one line
C(M, "b2", N, "∂L/∂b₂ = (1/m)Σᵢ(A₂ᵢ − Yᵢ) ≈ 0.0604", oracle=B2R, style="formula-and-number-b2")
C(M, "b2", N, "∂L/∂b₂ = (1/m)Σᵢ(A₂ᵢ − Yᵢ) ≈ 0.604", "*", style="formula-right-number-times-ten")
C(S, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{m}\mathbf{1}^\top(P - Y) \approx \begin{bmatrix} -0.0735 & 0.3709 & -0.2975 \end{bmatrix}", oracle=SB, style="formula-and-bmatrix-numbers")
C(S, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{m}\mathbf{1}^\top(P - Y) \approx \begin{bmatrix} -0.0735 & -0.3709 & -0.2975 \end{bmatrix}", "*", style="formula-and-bmatrix-numbers-sign-slip")
C(CH, "b", N, "dL/db = 2(wx + b) = 2·(3·2 + 4) = 20", oracle="2 * (w * x + b)", style="formula-substituted-number")
C(CH, "b", N, "dL/db = 2(wx + b) = 2·(3·2 + 4) = 24", "*", style="formula-substituted-arithmetic-slip")
C(BO, "W2", N, "∂L/∂W₂ = tanh(xW₁)ᵀ·2(ŷ − y)/m ≈ [0.654, −1.630]ᵀ", oracle="np.tanh(x @ W1).T @ (2 * (yhat - y) / m)", style="formula-and-column-numbers")
C(BO, "W2", N, "∂L/∂W₂ = tanh(xW₁)ᵀ·2(y − ŷ)/m ≈ [−0.654, 1.630]ᵀ", "sign", oracle="np.tanh(x @ W1).T @ (2 * (y - yhat) / m)", style="formula-and-column-numbers-sign")
C(E, "w", N, "dL/dw = (O − t)·O·(1 − O)·x = [−0.0612, −0.0367, −0.0245]", oracle=EW, style="formula-and-row-numbers")

# ================================================================ text pasted from a PDF (fraction bar lost, spacing accents)
C(T, "W2", N, "∂L\n∂W2\n= h⊤(ˆy − y)", oracle=TW2, style="pdf-fraction-lines-spacing-hat")
C(T, "W2", N, "∂L\n∂W2\n= h(ˆy − y)", "*", style="pdf-fraction-lines-no-transpose")
C(S, "W", N, "∂L\n∂W\n=\n1\nm\nX⊤(P − Y)", oracle=SW, style="pdf-fraction-1-over-m-lines", note="a PDF's two displayed fractions, one token a line")
C(E, "w", N, "∂L ∂w = (O − t) σ (z)(1 − σ (z)) x", oracle=EW, style="pdf-fraction-spaces-sigma-space")
C(S, "b", N, "∂L ∂b = 1 m X i (pi − yi)", REFUSE, style="pdf-garbled-sum", note="Σ pasted as X and the fraction lost: not readable")
C(M, "W2", N, "∂L/∂W [2] = 1/m · A [1]⊤ (A [2] − Y)", oracle=W2R, style="pdf-spaced-superscripts")

# ================================================================ chat / LMS text (Unicode, ∘, grad_W)
C(R, "w1", N, "grad_w1 = xᵀ·[2(ŷ − y)·w2ᵀ ∘ 1(h > 0)]", oracle=RW1, style="chat-grad-underscore")
C(R, "w1", N, "grad_w1 = xᵀ·[2(ŷ − y)·w2ᵀ ∘ 1(h < 0)]", "*", style="chat-grad-underscore-mask-flipped")
C(R, "h", N, "∇h loss = 2(ŷ − y)w₂ᵀ ∘ [h > 0]", oracle="2 * (y_pred - y) @ w2.T * (h > 0)", style="chat-iverson-bracket")
C(B, "gamma", N, "∂L/∂γ = Σ_rows[ 2(Y − T)/(mn) ∘ Ẑ ]", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="chat-sum-rows")
C(B, "gamma", N, "∂L/∂γ = 2(Y − T)/(mn) ∘ Ẑ", "bias-not-summed", style="chat-gamma-unsummed")
C(A, "V", N, "∂L/∂V = Aᵀ·2(O − T)/(n·d)", oracle="2 * A.T @ (O - T) / (n * d)", style="chat-attention-V")
C(A, "V", N, "∂L/∂V = A·2(O − T)/(n·d)", "*", oracle="2 * A @ (O - T) / (n * d)", style="chat-attention-V-untransposed")
C(R2, "h_1", N, "∂L/∂h₁ = [(h₂ − y) ∘ (1 − h₂²)]·W_hᵀ", oracle="((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T", style="chat-rnn-h1")
C(R2, "h_1", N, "∂L/∂h₁ = [(h₂ − y) ∘ (1 − h₂)²]·W_hᵀ", "*", oracle="((h_2 - y) * (1 - h_2) ** 2) @ W_h.T", style="chat-rnn-h1-square-misplaced")
C(MW, "Z2", N, "∂L/∂Z2 = ((1 − Y)∘A2 − w·Y∘(1 − A2))/m", oracle="((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="chat-weighted-z2")

# ================================================================ course: center loss (softmax CE + λ · ½‖feat − c_y‖² / m)
CL_D = f"(({SM}(logits) - Y) / m)"
CL_F = f"({CL_D} @ Wc.T + lam * (feat - c_y) / m)"
C(CL, "Wc", L, r"\frac{\partial\,\mathrm{loss}}{\partial W_c} = \frac{1}{m}\,\mathrm{feat}^{\top}\big(\operatorname{softmax}(\mathrm{logits}) - Y\big)", oracle=f"feat.T @ {CL_D}", style="cl-Wc")
C(CL, "Wc", L, r"\frac{\partial\,\mathrm{loss}}{\partial W_c} = \frac{1}{m}\,\mathrm{feat}^{\top}\big(\operatorname{softmax}(\mathrm{logits}) - Y\big) + \frac{\lambda}{m}W_c", "*", style="cl-Wc-spurious-penalty")
C(CL, "C", L, r"\frac{\partial\,\mathrm{loss}}{\partial C} = -\frac{\lambda}{m}\, Y^{\top}(\mathrm{feat} - Y C)", oracle="-lam / m * Y.T @ (feat - c_y)", style="cl-C-lambda")
C(CL, "C", L, r"\frac{\partial\,\mathrm{loss}}{\partial C} = -\frac{\mathrm{lam}}{m}\, Y^{\top}(\mathrm{feat} - c_y)", oracle="-lam / m * Y.T @ (feat - c_y)", style="cl-C-lam-cy")
C(CL, "C", L, r"\frac{\partial\,\mathrm{loss}}{\partial C} = \frac{\mathrm{lam}}{m}\, Y^{\top}(\mathrm{feat} - c_y)", "sign", oracle="lam / m * Y.T @ (feat - c_y)", style="cl-C-sign")
C(CL, "C", L, r"\frac{\partial\,\mathrm{loss}}{\partial C} = -\frac{\mathrm{lam}}{m}\,(\mathrm{feat} - c_y)", "*", style="cl-C-no-Y", note="an m × d block where C is k × d")
C(CL, "C", L, r"\frac{\partial\,\mathrm{loss}}{\partial C} = -\mathrm{lam}\, Y^{\top}(\mathrm{feat} - c_y)", "scale-factor", oracle="-lam * Y.T @ (feat - c_y)", style="cl-C-no-m")
C(CL, "feat", L, r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{feat}} = \frac{1}{m}\big(\operatorname{softmax}(\mathrm{logits}) - Y\big)W_c^{\top} + \frac{\mathrm{lam}}{m}(\mathrm{feat} - c_y)", oracle=CL_F, style="cl-dfeat")
C(CL, "feat", L, r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{feat}} = \frac{1}{m}\big(\operatorname{softmax}(\mathrm{logits}) - Y\big)W_c^{\top}", "*", oracle=f"{CL_D} @ Wc.T", style="cl-dfeat-no-center", note="relabelled after the first run: derive's missing-path (feat also reaches the loss through L_center) names the same omission as missing-loss-term")
C(CL, "W", L, r"\frac{\partial\,\mathrm{loss}}{\partial W} = X^{\top}\Big[\Big(\frac{1}{m}\big(\operatorname{softmax}(\mathrm{logits}) - Y\big)W_c^{\top} + \frac{\mathrm{lam}}{m}(\mathrm{feat} - c_y)\Big) \odot \mathbb{1}(XW > 0)\Big]", oracle=f"X.T @ ({CL_F} * (X @ W > 0))", style="cl-W")
C(CL, "W", L, r"\frac{\partial\,\mathrm{loss}}{\partial W} = X^{\top}\Big[\frac{1}{m}\big(\operatorname{softmax}(\mathrm{logits}) - Y\big)W_c^{\top} + \frac{\mathrm{lam}}{m}(\mathrm{feat} - c_y)\Big]", "missing-activation-derivative", oracle=f"X.T @ {CL_F}", style="cl-W-no-relu-mask")
C(CL, "logits", N, "∂loss/∂logits = (softmax(logits) − Y)/m", oracle=CL_D, style="cl-logits-unicode")
C(CL, "C", N, "解：∂loss/∂C = −(lam/m)·Yᵀ(feat − YC)", oracle="-lam / m * Y.T @ (feat - c_y)", lang=Z, style="zh-cl-C")
C(CL, "C", N, "解：∂loss/∂C = −(lam/m)·(feat − YC)ᵀY", "*", lang=Z, style="zh-cl-C-transposed")
C(CL, "C", V, "-0.02 0.02\n-0.0125 -0.0125\n-0.02625 -0.01175", style="v-cl-C-grid-exact")
C(CL, "C", V, r"\begin{bmatrix} -0.02 & 0.02 \\ -0.0125 & -0.0125 \\ -0.02625 & -0.01175 \end{bmatrix}", style="v-cl-C-bmatrix")
C(CL, "C", V, r"\left[\begin{array}{cc} -0.02 & 0.02 \\ -0.0125 & -0.0125 \\ -0.02625 & -0.01175 \end{array}\right]", style="v-cl-C-array")
C(CL, "C", V, r"\begin{vmatrix} -0.02 & 0.02 \\ -0.0125 & -0.0125 \\ -0.02625 & -0.01175 \end{vmatrix}", REFUSE, style="v-cl-C-vmatrix", note="vmatrix is a determinant (and of a non-square grid): not a matrix of numbers")
C(CL, "C", V, r"\begin{bmatrix} -0.02 & 0.02 \\ -0.0125 & -0.0125 \\ -0.02625 & 0.01175 \end{bmatrix}", "*", style="v-cl-C-bmatrix-one-sign")
C(CL, "Wc[0,0]", V, "0.2848", style="v-cl-Wc00")
C(CL, "W[2,0]", V, "-0.2827", style="v-cl-W20")
C(CL, "C[2,0]", V, "−0.02625（精确值）", lang=Z, style="zh-v-cl-C20")

# ================================================================ course: the Dice loss (sigmoid probabilities, smooth = 1)
DC_NUM = "(2 * inter + smooth)"
DC_DEN = "(p.sum() + target.sum() + smooth)"
DC_DP = f"(({DC_NUM} - 2 * target * {DC_DEN}) / {DC_DEN} ** 2)"
DC_LN = r"N = 2\sum_i p_i\,\mathrm{target}_i + \mathrm{smooth},\ D = \sum_i p_i + \sum_i \mathrm{target}_i + \mathrm{smooth}"
C(DC, "p", L, r"\frac{\partial\,\mathrm{loss}}{\partial p_i} = \frac{N - 2\,\mathrm{target}_i D}{D^2}, \quad N = 2\,\mathrm{inter} + \mathrm{smooth},\ D = \textstyle\sum p + \sum \mathrm{target} + \mathrm{smooth}", oracle=DC_DP, style="dice-dp-entrywise-i")
C(DC, "p", L, r"\frac{\partial\,\mathrm{loss}}{\partial p} = \frac{N - 2\,\mathrm{target}\,D}{D^2}, \quad N = 2\,\mathrm{inter} + \mathrm{smooth},\ D = \mathbf{1}^\top p + \mathbf{1}^\top \mathrm{target} + \mathrm{smooth}", oracle=DC_DP, style="dice-dp-vector")
C(DC, "p", L, r"\frac{\partial\,\mathrm{loss}}{\partial p} = \frac{2\,\mathrm{target}\,D - N}{D^2}, \quad N = 2\,\mathrm{inter} + \mathrm{smooth},\ D = \mathbf{1}^\top p + \mathbf{1}^\top \mathrm{target} + \mathrm{smooth}", "sign", oracle=f"-{DC_DP}", style="dice-dp-sign", note="the gradient of the dice, not of 1 − dice")
C(DC, "p", L, r"\frac{\partial\,\mathrm{loss}}{\partial p} = -\frac{2\,\mathrm{target}}{D}, \quad D = \mathbf{1}^\top p + \mathbf{1}^\top \mathrm{target} + \mathrm{smooth}", "*", oracle=f"-2 * target / {DC_DEN}", style="dice-dp-quotient-rule-half")
C(DC, "w", L, r"\frac{\partial\,\mathrm{loss}}{\partial w} = \mathrm{feats}^{\top}\Big[\frac{N - 2\,\mathrm{target}\,D}{D^2} \odot p \odot (1 - p)\Big], \quad N = 2\,\mathrm{inter} + \mathrm{smooth},\ D = \mathbf{1}^\top p + \mathbf{1}^\top \mathrm{target} + \mathrm{smooth}", oracle=f"feats.T @ ({DC_DP} * p * (1 - p))", style="dice-w")
C(DC, "w", L, r"\frac{\partial\,\mathrm{loss}}{\partial w} = \mathrm{feats}^{\top}\,\frac{N - 2\,\mathrm{target}\,D}{D^2}, \quad N = 2\,\mathrm{inter} + \mathrm{smooth},\ D = \mathbf{1}^\top p + \mathbf{1}^\top \mathrm{target} + \mathrm{smooth}", "missing-activation-derivative", oracle=f"feats.T @ {DC_DP}", style="dice-w-no-sigmoid-prime")
C(DC, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = \sum_{i}\frac{N - 2\,\mathrm{target}_i D}{D^2}\, p_i (1 - p_i), \quad " + DC_LN, oracle=f"np.sum({DC_DP} * p * (1 - p), axis=0, keepdims=True)", style="dice-b-index-sum")
C(DC, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = \sum_{i}\frac{N - 2\,\mathrm{target}_i D}{D}\, p_i (1 - p_i), \quad " + DC_LN, "*", oracle=f"np.sum(({DC_NUM} - 2 * target * {DC_DEN}) / {DC_DEN} * p * (1 - p), axis=0, keepdims=True)", style="dice-b-D-not-squared")
C(DC, "inter", N, "∂loss/∂inter = −2/(Σp + Σtarget + smooth)", oracle=f"-2 / {DC_DEN}", style="dice-dinter-unicode")
C(DC, "b", V, "-0.05182", style="v-dice-b")
C(DC, "b", V, "0.0518", "sign", style="v-dice-b-sign")
C(DC, "w", V, "8.676e-4\n1.335e-3", style="v-dice-w-column-e")
C(DC, "w", V, r"\begin{bmatrix} 8.68 \times 10^{-4} \\ 1.33 \times 10^{-3} \end{bmatrix}", style="v-dice-w-bmatrix-times-ten")
C(DC, "w", V, r"\begin{bmatrix} 8.68 \times 10^{-3} \\ 1.33 \times 10^{-2} \end{bmatrix}", "*", style="v-dice-w-bmatrix-exponent-off")
C(DC, "w[1,0]", V, "答：约 0.001335", lang=Z, style="zh-v-dice-w1")
C(DC, "p", N, "解：∂loss/∂p = (N − 2·target·D)/D²，其中 N = 2·inter + smooth，D = Σp + Σtarget + smooth", oracle=DC_DP, lang=Z, style="zh-dice-dp-qizhong")

# ================================================================ course: hardtanh / clamp regression (entries and numbers)
HT_G = "(2 * (B - Y) / m * 2 * (np.abs(2 * A @ W2) < 1))"
C(HT, "W2", N, "∂loss/∂W2 = Aᵀ[(B − Y)/2 ⊙ 2·1(|2AW2| < 1)]", "scale-factor", style="ht-W2-unicode-half", note="README's written policy: a formula is judged at sizes where every named size differs, so a number written for a size (m = 1 here, 2/m = 1/2 at m = 4) is scale-factor; relabelled after the first run (the oracle runs the spec's sizes only, so none)")
C(HT, "W2", N, "∂loss/∂W2 = Aᵀ[(B − Y)/2 ⊙ 1(|2AW2| < 1)]", "*", oracle=f"A.T @ ({HT_G} / 2)", style="ht-W2-unicode-inner-2-dropped")
C(HT, "A", N, "∂loss/∂A = [(B − Y)/2 ⊙ 2·1(|2AW2| < 1)]·W2ᵀ", "scale-factor", style="ht-dA", note="README's written policy: a formula is judged at sizes where every named size differs, so a number written for a size (m = 1 here, 2/m = 1/2 at m = 4) is scale-factor; relabelled after the first run (the oracle runs the spec's sizes only, so none)")
C(HT, "A", N, "∂loss/∂A = (B − Y)/2·W2ᵀ", "*", oracle="(B - Y) / 2 @ W2.T", style="ht-dA-saturation-ignored")
C(HT, "W2", V, "-0.1145\n-1.235\n2.012", style="v-ht-W2-exact-lines")
C(HT, "W2", V, "[-0.1145, -1.235, 2.012]ᵀ", style="v-ht-W2-transposed-list")
C(HT, "W2[2,0]", V, "1.006", "*", style="v-ht-W2-2-half")
C(HT, "W1", V, r"\begin{bmatrix} 0.2775 & -0.1665 & -0.064 \\ -1.405 & 0.843 & -0.212 \end{bmatrix}", style="v-ht-W1-bmatrix")
C(HT, "W1", V, r"\begin{bmatrix} 0.2775 & -1.405 \\ -0.1665 & 0.843 \\ -0.064 & -0.212 \end{bmatrix}", "shape-mismatch", style="v-ht-W1-bmatrix-transposed")
C(HT, "W1", V, r"\begin{smallmatrix} 0.2775 & -0.1665 & -0.064 \\ -1.405 & 0.843 & -0.212 \end{smallmatrix}", style="v-ht-W1-smallmatrix")
C(HT, "W1[1,0]", V, "−1.405（精确）", lang=Z, style="zh-v-ht-W1-10")
C(HT, "W1[1,0]", V, "1.405", "sign", lang=Z, style="zh-v-ht-W1-10-sign")

# ================================================================ course: a batch of one (tanh hidden layer, no node for it)
BO_H = "np.tanh(x @ W1)"
BO_D = "(2 * (yhat - y) / m)"
C(BO, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[2(\hat y - y)\,W_2^{\top} \odot \big(1 - \tanh^2(xW_1)\big)\Big]", "scale-factor", style="bo-W1-m-is-one", note="README's written policy: a formula is judged at sizes where every named size differs, so a number written for a size (m = 1 here, 2/m = 1/2 at m = 4) is scale-factor; relabelled after the first run (the oracle runs the spec's sizes only, so none)")
C(BO, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[2(\hat y - y)\,W_2^{\top} \odot \operatorname{sech}^2(xW_1)\Big]", "scale-factor", style="bo-W1-sech-squared", note="README's written policy: a formula is judged at sizes where every named size differs, so a number written for a size (m = 1 here, 2/m = 1/2 at m = 4) is scale-factor; relabelled after the first run (the oracle runs the spec's sizes only, so none)")
C(BO, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[2(\hat y - y)\,W_2^{\top} \odot \big(1 - \tanh(xW_1)\big)^2\Big]", "*", oracle=f"x.T @ ({BO_D} @ W2.T * (1 - {BO_H}) ** 2)", style="bo-W1-square-outside")
C(BO, "W1", L, r"\frac{\partial L}{\partial W_1} = x^{\top}\Big[2(y - \hat y)\,W_2^{\top} \odot \big(1 - \tanh^2(xW_1)\big)\Big]", "*", oracle=f"-x.T @ ({BO_D} @ W2.T * (1 - {BO_H} ** 2))", style="bo-W1-sign", note="the sign and the 1/m (m = 1): either code")
C(BO, "W2", L, r"\frac{\partial L}{\partial W_2} = \tanh(xW_1)^{\top}\,2(\hat y - y)", "scale-factor", style="bo-W2", note="README's written policy: a formula is judged at sizes where every named size differs, so a number written for a size (m = 1 here, 2/m = 1/2 at m = 4) is scale-factor; relabelled after the first run (the oracle runs the spec's sizes only, so none)")
C(BO, "W2", L, r"\frac{\partial L}{\partial W_2} = \tanh(xW_1)^{\top}(\hat y - y)", "scale-factor", oracle=f"{BO_H}.T @ {BO_D} / 2", style="bo-W2-no-2")
C(BO, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{2}{m}\tanh(xW_1)^{\top}(\hat y - y)", oracle=f"{BO_H}.T @ {BO_D}", style="bo-W2-2-over-m")
C(BO, "x", N, "∂L/∂x = 2(ŷ − y)·[W2ᵀ ⊙ (1 − tanh²(xW1))]·W1ᵀ", "scale-factor", style="bo-dx-unicode", note="README's written policy: a formula is judged at sizes where every named size differs, so a number written for a size (m = 1 here, 2/m = 1/2 at m = 4) is scale-factor; relabelled after the first run (the oracle runs the spec's sizes only, so none)")
C(BO, "x", N, "∂L/∂x = 2(ŷ − y)·W2ᵀ·W1ᵀ", "*", oracle=f"{BO_D} @ W2.T @ W1.T", style="bo-dx-unicode-no-tanh-prime", note="no tanh′ and no 1/m (m = 1): either code")
C(BO, "W1[0,0]", V, "-2.062", style="v-bo-W1-0")
C(BO, "W1[0,1]", V, "0.03565", style="v-bo-W1-1")
C(BO, "W1[0,1]", V, "0.3565", "*", style="v-bo-W1-1-times-ten")
C(BO, "W2", V, "0.654 -1.630", "shape-mismatch", style="v-bo-W2-as-row", note="W2 is 2 × 1: a row of two numbers is the transposed shape")
C(BO, "W2", V, "0.654\n-1.630", style="v-bo-W2-column")
C(BO, "W2[1,0]", V, "解：−1.63", lang=Z, style="zh-v-bo-W2-1")

# ================================================================ more course LaTeX: CS224n window classifier, index notation under Σ_i
C(CW, "U", L, r"\frac{\partial J}{\partial U_{jk}} = \frac{1}{m}\sum_{i} h_{ij}\,(\hat y_{ik} - y_{ik})", oracle="h.T @ ((y_hat - y) / m)", style="cw-index-sum-U")
C(CW, "U", L, r"\frac{\partial J}{\partial U_{jk}} = \frac{1}{m}\sum_{i} h_{ik}\,(\hat y_{ij} - y_{ij})", "*", style="cw-index-sum-U-swapped")
C(CW, "U[0,1]", L, r"\frac{\partial J}{\partial U_{12}} = \frac{1}{m}\sum_{i} h_{i1}\,(\hat y_{i2} - y_{i2})", style="cw-index-entry-U12")
C(CW, "U[0,1]", L, r"\frac{\partial J}{\partial U_{12}} = \frac{1}{m}\sum_{i} h_{i2}\,(\hat y_{i1} - y_{i1})", "*", style="cw-index-entry-U12-wrong")
C(S, "W[1,2]", L, r"\frac{\partial L}{\partial W_{23}} = \frac{1}{m}\sum_{i=1}^{m} X_{i2}\,(P_{i3} - Y_{i3})", style="index-softmax-W23")
C(S, "W[1,2]", L, r"\frac{\partial L}{\partial W_{23}} = \frac{1}{m}\sum_{i=1}^{m} X_{i3}\,(P_{i2} - Y_{i2})", REFUSE, style="index-softmax-W23-swapped", note="relabelled after the first run: X has 2 columns (n = 2), so X_{i3} names no entry: refused as an unknown name, not judged")
C(M, "b1[0,1]", L, r"\frac{\partial L}{\partial b^{[1]}_{2}} = \frac{1}{m}\sum_{i} (A^{[2]}_{i} - Y_{i})\, W^{[2]}_{2}\, \mathbb{1}(Z^{[1]}_{i2} > 0)", style="index-mlp-b1-2")
C(M, "b1[0,1]", L, r"\frac{\partial L}{\partial b^{[1]}_{2}} = \frac{1}{m}\sum_{i} (A^{[2]}_{i} - Y_{i})\, W^{[2]}_{1}\, \mathbb{1}(Z^{[1]}_{i2} > 0)", "*", style="index-mlp-b1-2-wrong-weight")

# ================================================================ 0-based index notation (lead's round-38 policy: read 0-based as a whole)
C(E, "w[0,0]", N, "∂L/∂w₀ = (O − t)·O(1 − O)·x₀", style="zero-based-neuron-w0")
C(E, "w[0,0]", N, "∂L/∂w₁ = (O − t)·O(1 − O)·x₁", REFUSE, style="one-based-neuron-w1", note="relabelled after the first run: neuron declares its labels w0, w1, w2 (0-based), so w₁ is w[0,1], another entry than --wrt w[0,0]: refused naming both")
C(E, "w[0,0]", N, "∂L/∂w₀ = (O − t)·O(1 − O)·x₁", "*", style="zero-based-neuron-w0-wrong-x", note="0-based: x₁ is the second input")
C(E, "w[0,1]", L, r"\frac{\partial L}{\partial w_{2}} = (O - t)\,O(1 - O)\,x_{2}", REFUSE, style="one-based-neuron-w2-latex", note="as c38t-207: neuron's w_2 is w[0,2], another entry than --wrt w[0,1]")
C(E, "w[0,0]", N, "∂L/∂w₀ = (O − t)·O(1 − O)·x₃", REFUSE, style="zero-based-mixed-out-of-range", note="0 and 3 used together for a 3-vector: refused")
C(T, "W1[0,1]", L, r"\frac{\partial L}{\partial w_{01}} = (\hat y - y)\, v_1\, h_1 (1 - h_1)\, x_0", style="zero-based-tiny-w01")
C(T, "W1[0,1]", L, r"\frac{\partial L}{\partial w_{01}} = (\hat y - y)\, v_0\, h_1 (1 - h_1)\, x_0", "*", style="zero-based-tiny-w01-wrong-v")
C(S, "W[0,2]", L, r"\frac{\partial L}{\partial W_{0,2}} = \frac{1}{m}\sum_{i} X_{i,0}\,(P_{i,2} - Y_{i,2})", style="zero-based-softmax-W02")

# ================================================================ LaTeX environments and macros students paste (not yet tried together)
C(M, "W2", L, r"\begin{aligned} \delta^{[2]} &= A^{[2]} - Y \\ \frac{\partial L}{\partial W^{[2]}} &= \tfrac{1}{m}\, A^{[1]\intercal}\,\delta^{[2]} \end{aligned}", oracle=W2R, style="env-aligned-tfrac-intercal")
C(M, "W2", L, r"\begin{aligned} \delta^{[2]} &= A^{[2]} - Y \\ \frac{\partial L}{\partial W^{[2]}} &= \tfrac{1}{m}\, \delta^{[2]\intercal} A^{[1]} \end{aligned}", "*", style="env-aligned-transposed-result")
C(S, "W", L, r"\begin{gather*} \frac{\partial L}{\partial Z} = \frac{1}{m}(P - Y) \\ \frac{\partial L}{\partial W} = X^{\mathsf{T}}\frac{\partial L}{\partial Z} \end{gather*}", oracle=SW, style="env-gather-star")
C(S, "W", L, r"\begin{equation} \frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}(P - Y) \label{eq:grad} \end{equation}", oracle=SW, style="env-equation-label")
C(S, "W", L, r"\[ \frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}(Y - P) \]", "sign", oracle="X.T @ (Y - P) / m", style="env-display-brackets-sign")
C(R, "w2", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_2} = 2\,\underbrace{h_{\mathrm{relu}}^{\top}}_{H \times n}\,\underbrace{(y_{\mathrm{pred}} - y)}_{n \times D_{\mathrm{out}}}", oracle=RW2, style="env-underbrace-shapes")
C(R, "w2", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_2} = 2\,\underbrace{(y_{\mathrm{pred}} - y)^{\top}}_{D_{\mathrm{out}} \times n}\,\underbrace{h_{\mathrm{relu}}}_{n \times H}", "*", style="env-underbrace-transposed")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = \frac{2}{nd}\,X^{\top}\!A^{\top}\!\left(O - T\right)", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", style="env-negative-spaces")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = \frac{2}{nd}\,X^{\top}\!A\!\left(O - T\right)", "*", style="env-negative-spaces-A-untransposed")
C(B, "beta", L, r"\frac{\partial L}{\partial \boldsymbol{\beta}} = \frac{2}{mn}\sum\nolimits_{i}(\boldsymbol{Y}_{i} - \boldsymbol{T}_{i})", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="env-sum-nolimits")
C(B, "beta", L, r"\frac{\partial L}{\partial \boldsymbol{\beta}} = \color{red}{\frac{2}{mn}}\mathbf{1}^\top(\boldsymbol{Y} - \boldsymbol{T})", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="env-color-red")
C(B, "beta", L, r"\frac{\partial L}{\partial \boldsymbol{\beta}} = \frac{2}{mn}\mathbf{1}^\top(\boldsymbol{Y} - \boldsymbol{T}", REFUSE, style="env-unclosed-paren")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = h^{\top}(\hat{y} - y) \quad \text{(shape } 2 \times 1\text{)}", oracle=TW2, style="env-text-shape-remark")
C(E, "w", L, r"\frac{\partial L}{\partial \vec{w}} = (O - t)\,O\,(1 - O)\,\vec{x}^{\,}", oracle=EW, style="env-vec-empty-superscript")
C(R2, "b", L, r"\frac{\partial L}{\partial \boldsymbol b} = \mathbf 1^{\top}\big(\boldsymbol\delta_2 + \boldsymbol\delta_1\big),\ \boldsymbol\delta_2 = (\boldsymbol h_2 - \boldsymbol y) \odot (1 - \boldsymbol h_2^{\odot 2}),\ \boldsymbol\delta_1 = \boldsymbol\delta_2 W_h^{\top} \odot (1 - \boldsymbol h_1^{\odot 2})", oracle="np.sum((h_2 - y) * (1 - h_2 ** 2) + (h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2), axis=0, keepdims=True)", style="env-hadamard-power")

# ================================================================ Leibniz chains on course networks (a factor wrong / missing / out of order)
C(CW, "U", L, r"\frac{\partial J}{\partial U} = \frac{\partial J}{\partial \hat y}\frac{\partial \hat y}{\partial U}", style="leibniz-cw-unevaluated", note="a complete Leibniz chain over the network's nodes (ŷ depends on U only): right, as earlier corpora's full chains")
C(EL, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial \hat Y}\frac{\partial \hat Y}{\partial W_2} = A_1^{\top}\cdot\frac{2}{m}(\hat Y - Y)", oracle="A1.T @ (2 * (Yhat - Y) / m)", style="leibniz-elu-W2-evaluated")
C(EL, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial \hat Y}\frac{\partial \hat Y}{\partial W_2} = \frac{2}{m}(\hat Y - Y)\cdot A_1^{\top}", "*", style="leibniz-elu-W2-out-of-order")
C(HT, "W2", L, r"\frac{\partial \ell}{\partial W_2} = \frac{\partial \ell}{\partial B}\frac{\partial B}{\partial W_2} = A^{\top}\Big(\frac{2}{m}(B - Y)\Big)", "*", oracle="A.T @ (2 * (B - Y) / m)", style="leibniz-ht-hardtanh-factor-missing")

# ================================================================ answer keys: tiny-mlp v3/11, softmax-regression v2/4, relu-mlp v6/21 (PyTorch float64 at the keys' values)
C(T, "W2[0,0]", V, "-1.039", opts=KT, style="key-tiny-W2-0")
C(T, "W2[1,0]", V, "-0.4811", opts=KT, style="key-tiny-W2-1")
C(T, "W1[0,1]", V, "-0.3161", opts=KT, style="key-tiny-W1-01")
C(T, "W1[0,1]", V, "-0.01635", "*", opts=KT, style="key-tiny-W1-01-base-number")
C(T, "W1[1,1]", V, "0.0790", "sign", opts=KT, style="key-tiny-W1-11-sign")
C(T, "W2[0,0]", V, "答：约 −1.04", opts=KT, lang=Z, style="zh-key-tiny-W2-0")
C(S, "W[0,1]", V, "-0.7921", opts=KS, style="key-softmax-W01")
C(S, "b[0,0]", V, "0.4062", opts=KS, style="key-softmax-b0")
C(S, "b[0,2]", V, "-0.2174", opts=KS, style="key-softmax-b2")
C(S, "b[0,2]", V, "-0.2975", "*", opts=KS, style="key-softmax-b2-base-number")
C(S, "W", V, r"\begin{bmatrix} 0.1927 & -0.7921 & 0.5994 \\ -0.3229 & 0.2906 & 0.0323 \end{bmatrix}", opts=KS, style="key-softmax-W-bmatrix")
C(R, "w2[2,0]", V, "-11.43", opts=KR, style="key-relu-w2-20")
C(R, "w2[2,1]", V, "-14.26", opts=KR, style="key-relu-w2-21")
C(R, "w1[0,2]", V, "7.151", opts=KR, style="key-relu-w1-02")
C(R, "w1[0,2]", V, "3.576", "*", opts=KR, style="key-relu-w1-02-half")
C(R, "w1[3,2]", V, "−7.779", opts=KR, lang=Z, style="zh-key-relu-w1-32")

# ================================================================ hand numbers on built-ins (rounding, intermediates, sign, factor 2, --digits/--rtol)
C(M, "W1[0,1]", V, "0.1356", style="v-mlp-W1-01")
C(M, "W1[0,1]", V, "0.136", style="v-mlp-W1-01-3sf")
C(M, "W1[0,1]", V, "0.2713", "*", style="v-mlp-W1-01-doubled")
C(M, "W1[1,0]", V, "-0.1959", opts={"digits": 4}, style="v-mlp-W1-10-digits4")
C(M, "W1[1,0]", V, "-0.196", "too-few-digits", opts={"digits": 4}, style="v-mlp-W1-10-digits4-given-3")
C(MW, "b2[0,0]", V, "-0.3643", style="v-weighted-b2")
C(MW, "b2[0,0]", V, "-0.0604", "*", style="v-weighted-b2-unweighted-number")
C(R2, "b[0,1]", V, "0.5557", style="v-rnn-b1")
C(R2, "b[0,1]", V, "0.56", opts={"rtol": 0.01}, style="v-rnn-b1-rtol")
C(R2, "b[0,1]", V, "0.53", "*", opts={"rtol": 0.01}, style="v-rnn-b1-rtol-off")
C(A, "W_k[0,1]", V, "-0.0302", style="v-attn-Wk-01")
C(A, "W_k[0,1]", V, "-0.0161", "wrong-entry", style="v-attn-Wk-01-other-entry")
C(B, "gamma[0,1]", V, "1.264", style="v-bn-gamma-1")
C(B, "W[1,0]", V, "0.5079", style="v-bn-W-10")
C(B, "W[1,0]", V, "-0.5079", "sign", style="v-bn-W-10-sign")
C(CH, "u", V, "20", style="v-chain-u")
C(CH, "u", V, "10", "*", style="v-chain-u-is-v", note="10 is v's value, not the gradient")
C(R, "w2", V, r"\begin{bmatrix} -0.748 & -2.511 \\ -0.219 & -0.480 \\ -0.804 & -2.036 \end{bmatrix}", style="v-relu-w2-bmatrix-3sf")
C(R, "w2", V, r"\begin{bmatrix} -0.748 & -2.511 \\ -0.219 & -0.480 \\ -0.804 & 2.036 \end{bmatrix}", "*", style="v-relu-w2-bmatrix-one-sign")
C(T, "W2", V, r"\begin{pmatrix} -0.1139 \\ -0.1172 \end{pmatrix}", style="v-tiny-W2-pmatrix-column")
C(T, "W2[0,0]", V, "答案：−0.1139", lang=Z, style="zh-v-tiny-W2-daan")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c38t-000, … as written; cases repeating corpora 2-37t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus38t", "c38t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
