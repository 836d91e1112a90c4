"""The held-out-style corpus of issue 11, forty-fifth round, text side (``c45t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — Roger Grosse's CSC321
lecture notes (error signals written with a bar, ``\\overline{z} = \\overline{y}\\,\\sigma'(z)``), Prince's
*Understanding Deep Learning* ch. 7 (``\\boldsymbol{\\Omega}_k``, ``\\boldsymbol{\\beta}_k``, ``\\mathbf{f}_k``,
``\\mathbf{h}_k``, ``\\mathbb{I}[\\mathbf{f}_k > 0]``, the column convention), 林轩田《机器学习技法》's neural-network
lecture (``s^{(\\ell)}``, ``x^{(\\ell)}``, ``\\delta_j^{(\\ell)}``, tanh), Hugo Larochelle's neural-network course
(``\\nabla_{\\mathbf{a}^{(L+1)}} = -(\\mathbf{e}(y) - \\mathbf{f}(\\mathbf{x}))``), CMU 10-601's forward/backward module
notation (``g_b = \\frac{\\partial J}{\\partial b}``), MathJax from Math.SE / Cross Validated answers (``$$``, ``\\dfrac``,
``\\left(\\right)``), Notion / Word typed Unicode, Jupyter Markdown cells, 动手学深度学习 (zh), 知乎/CSDN blog posts (zh),
and hand numbers with the number policy of issue 11 item 3, on five course networks no corpus had used
(hn44_mindspore_mint_bce_cn, hn44_paddle_smooth_l1_delta_cn, hn44_fourier_features_mlp,
hn44_cs231n_picks_ravel_numpy, hn44_timm_label_smoothing_gather); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex45"). Oracles: PyTorch
float64 (tests/check_oracle.py) on built-ins, the spec's own text run in PyTorch on course
networks (tests/spelled_oracle.py); hand numbers computed in PyTorch float64 at derive's example
point and rounded by hand.
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
MB = str(COURSE / "hn44_mindspore_mint_bce_cn.toml")
PS = str(COURSE / "hn44_paddle_smooth_l1_delta_cn.toml")
FF = str(COURSE / "hn44_fourier_features_mlp.toml")
CP = str(COURSE / "hn44_cs231n_picks_ravel_numpy.toml")
TM = str(COURSE / "hn44_timm_label_smoothing_gather.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0) / m)"
TD1 = "((y_pred - y_target) @ W2.T * h * (1 - h))"
RDH = "(2 * (y_pred - y) @ w2.T * (h > 0))"
RD2 = "((h_2 - y) * (1 - h_2 ** 2))"
RD1 = f"({RD2} @ W_h.T * (1 - h_1 ** 2))"
RB = f"np.sum({RD2} + {RD1}, axis=0, keepdims=True)"
AO = "(2 * (O - T) / (n * d))"
AWV = f"X.T @ A.T @ {AO}"
BNB = "np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"
BNG = "np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)"
WDZ2 = "(((1 - Y) * A2 - w * Y * (1 - A2)) / m)"

# ---- course-network oracles (NumPy over the spec's own names, run in PyTorch by tests/spelled_oracle.py)
MB_D = "((sigmoid(logits) - y) / N)"
MB_W2 = f"hidden.T @ {MB_D}"
MB_B2 = f"np.sum({MB_D}, axis=0)"
MB_DH = f"({MB_D} @ W2.T * (hidden > 0))"
MB_W1 = f"x.T @ {MB_DH} + 2e-3 * W1"
MB_B1 = f"np.sum({MB_DH}, axis=0)"
PS_D = "(np.clip(pred - label, -0.5, 0.5) / N)"
PS_W2 = f"hidden.T @ {PS_D}"
PS_B2 = f"np.sum({PS_D}, axis=0)"
PS_DH = f"({PS_D} @ W2.T * (1 - hidden ** 2))"
PS_W1 = f"x.T @ {PS_DH}"
PS_B1 = f"np.sum({PS_DH}, axis=0)"
FF_D = "(2 * (out - y) / N * out * (1 - out))"
FF_W2 = f"hidden.T @ {FF_D}"
FF_B2 = f"np.sum({FF_D}, axis=0)"
FF_DH = f"({FF_D} @ W2.T * (hidden > 0))"
FF_W1 = f"feats.T @ {FF_DH}"
FF_B1 = f"np.sum({FF_DH}, axis=0)"
CP_Y = "np.eye(C)[np.asarray(y[:, 0]).astype(int)]"
CP_D = f"((probs - {CP_Y}) / N)"
CP_W = f"X.T @ {CP_D} + reg * W"
CP_B = f"np.sum({CP_D}, axis=0)"
TM_P = "(np.exp(logits) / np.sum(np.exp(logits), axis=1, keepdims=True))"
TM_Y = "np.eye(C)[np.asarray(target).astype(int)]"
TM_D = f"(({TM_P} - 0.9 * {TM_Y} - 0.1 / C) / N)"
TM_W2 = f"hidden.T @ {TM_D}"
TM_B2 = f"np.sum({TM_D}, axis=0)"

# ================================================================ Grosse, CSC321 lecture notes: error signals written with a bar (\overline{v} = ∂L/∂v)
C(E, "w", L, r"\overline{y} = O - t, \quad \overline{z} = \overline{y}\, O(1 - O), \quad \overline{w} = \overline{z}\, x, \quad y = O", oracle=EW, style="grosse-bar-neuron-w")
C(E, "w", L, r"\overline{O} = O - t, \quad \overline{z} = \overline{O}\, O(1 - O), \quad \overline{w} = \overline{z}\, x", oracle=EW, style="grosse-bar-neuron-O")
C(E, "w", L, r"\overline{O} = O - t, \quad \overline{w} = \overline{O}\, x", "missing-activation-derivative", oracle="(O - t) * x", style="grosse-bar-neuron-no-sigma-prime")
C(E, "w", L, r"\overline{O} = O - t, \quad \overline{z} = \overline{O}\,(1 - O), \quad \overline{w} = \overline{z}\, x", "wrong-activation-derivative", oracle="(O - t) * (1 - O) * x", style="grosse-bar-neuron-half-sigma-prime")
C(E, "w", L, r"\overline{O} = t - O, \quad \overline{z} = \overline{O}\, O(1 - O), \quad \overline{w} = \overline{z}\, x", "sign", oracle=f"-{EW}", style="grosse-bar-neuron-sign")
C(CH, "b", L, r"\overline{v} = 2v, \quad \overline{b} = \overline{v}", oracle="2 * v", style="grosse-bar-chain-b")
C(T, "W2", L, r"\overline{y_{\mathrm{pred}}} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \overline{W_2} = h^{\top}\,\overline{y_{\mathrm{pred}}}", oracle=TW2, style="grosse-bar-tiny-W2")
C(T, "W1", L, r"\overline{h} = \overline{y_{\mathrm{pred}}}\, W_2^{\top}, \quad \overline{y_{\mathrm{pred}}} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \overline{W_1} = X^{\top}\big(\overline{h} \odot h \odot (1 - h)\big)", oracle=TW1, style="grosse-bar-tiny-W1")
C(T, "W1", L, r"\overline{y_{\mathrm{pred}}} = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \overline{h} = \overline{y_{\mathrm{pred}}}\, W_2^{\top}, \quad \overline{W_1} = X^{\top}\overline{h}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", style="grosse-bar-tiny-W1-no-sigma-prime")
C(M, "W2", L, r"\overline{\mathbf{Z}_2} = \tfrac{1}{m}(\mathbf{A}_2 - \mathbf{Y}), \quad \overline{\mathbf{W}_2} = \mathbf{A}_1^{\top}\overline{\mathbf{Z}_2}", oracle=W2R, style="grosse-bar-mlp-W2-bold")
C(M, "W2", L, r"\overline{\mathbf{Z}_2} = \mathbf{A}_2 - \mathbf{Y}, \quad \overline{\mathbf{W}_2} = \mathbf{A}_1^{\top}\overline{\mathbf{Z}_2}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="grosse-bar-mlp-W2-no-mean")
C(M, "W1", L, r"\overline{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad \overline{A_1} = \overline{Z_2} W_2^{\top}, \quad \overline{Z_1} = \overline{A_1} \odot \mathbb{1}[Z_1 > 0], \quad \overline{W_1} = X^{\top}\overline{Z_1}", oracle=W1R, style="grosse-bar-mlp-W1-chain")
C(M, "W1", L, r"\overline{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad \overline{A_1} = \overline{Z_2} W_2^{\top}, \quad \overline{W_1} = X^{\top}\overline{A_1}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="grosse-bar-mlp-W1-no-mask")
C(M, "b1", L, r"\overline{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad \overline{Z_1} = (\overline{Z_2} W_2^{\top}) \odot \mathbb{1}[Z_1 > 0], \quad \overline{b_1} = \mathbf{1}^{\top}\overline{Z_1}", oracle=B1R, style="grosse-bar-mlp-b1-ones")
C(M, "b1", L, r"\overline{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad \overline{Z_1} = (\overline{Z_2} W_2^{\top}) \odot \mathbb{1}[Z_1 > 0], \quad \overline{b_1} = \overline{Z_1}", "bias-not-summed", oracle=DZ1, style="grosse-bar-mlp-b1-unsummed")
C(R, "w2", L, r"\overline{y_{\mathrm{pred}}} = 2(y_{\mathrm{pred}} - y), \quad \overline{w_2} = h_{\mathrm{relu}}^{\top}\,\overline{y_{\mathrm{pred}}}", oracle=RW2, style="grosse-bar-relu-w2")
C(R, "w2", L, r"\overline{y_{\mathrm{pred}}} = y_{\mathrm{pred}} - y, \quad \overline{w_2} = h_{\mathrm{relu}}^{\top}\,\overline{y_{\mathrm{pred}}}", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="grosse-bar-relu-w2-half")
C(CH, "w", L, r"\overline{v} = 2v, \quad \overline{u} = \overline{v}, \quad \overline{w} = \overline{u}\, x", oracle="2 * v * x", style="grosse-bar-chain-w")
C(CH, "x", L, r"\overline{v} = 2v, \quad \overline{u} = \overline{v}, \quad \overline{x} = \overline{u}\, x", "*", oracle="2 * v * x", style="grosse-bar-chain-x-wrong-factor", note="∂u/∂x = w, not x")
C(S, "W", L, r"\overline{Z} = \tfrac{1}{m}(P - Y), \quad \overline{W} = X^{\top}\overline{Z}", oracle=SW, style="grosse-bar-softmax-W")
C(S, "b", L, r"\overline{Z} = \tfrac{1}{m}(P - Y), \quad \overline{b} = \sum_{i=1}^{m}\overline{Z}_{i,:}", oracle=SB, style="grosse-bar-softmax-b-row-sum")
C(E, "w", L, r"\overline{w} = \overline{q}\, x", REFUSE, style="grosse-bar-undefined-signal", note="q̄ is no name of the network and is not defined")

# ================================================================ Prince, Understanding Deep Learning ch. 7 (Ω weights, β biases, f pre-activations, h activations)
C(M, "W2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = \mathbf{h}_1^{\top}\,\tfrac{1}{m}(\mathbf{A}_2 - \mathbf{Y}), \quad \mathbf{h}_1 = A_1, \quad \boldsymbol{\Omega}_1 = W_2", oracle=W2R, style="prince-omega-clause-W2")
C(M, "W2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = \mathbf{h}_1^{\top}(\mathbf{A}_2 - \mathbf{Y}), \quad \mathbf{h}_1 = A_1, \quad \boldsymbol{\Omega}_1 = W_2", "scale-factor", oracle="A1.T @ (A2 - Y)", style="prince-omega-clause-W2-no-mean")
C(M, "b2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\beta}_1} = \tfrac{1}{m}\mathbf{1}^{\top}(A_2 - Y), \quad \boldsymbol{\beta}_1 = b_2", oracle=B2R, style="prince-beta-clause-b2")
C(M, "W1", L, r"\frac{\partial \ell}{\partial W_1} = X^{\top}\Big(\mathbb{I}[Z_1 > 0] \odot \big(\tfrac{1}{m}(A_2 - Y) W_2^{\top}\big)\Big)", oracle=W1R, style="prince-indicator-W1")
C(M, "W1", L, r"\frac{\partial \ell}{\partial W_1} = X^{\top}\Big(\mathbb{I}[Z_1 < 0] \odot \big(\tfrac{1}{m}(A_2 - Y) W_2^{\top}\big)\Big)", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 < 0) / m)", style="prince-indicator-W1-flipped")
C(M, "W1", L, r"\frac{\partial \ell}{\partial \mathbf{f}_0} = \mathbb{I}[\mathbf{f}_0 > 0] \odot \Big(\tfrac{1}{m}(A_2 - Y)W_2^{\top}\Big), \quad \mathbf{f}_0 = Z_1, \quad \frac{\partial \ell}{\partial W_1} = X^{\top}\frac{\partial \ell}{\partial \mathbf{f}_0}", oracle=W1R, style="prince-f0-clause-W1")
C(M, "b1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\beta}_0} = \mathbf{1}^{\top}\Big(\mathbb{I}[Z_1 > 0] \odot \tfrac{1}{m}(A_2 - Y)W_2^{\top}\Big), \quad \boldsymbol{\beta}_0 = b_1", oracle=B1R, style="prince-beta0-clause-b1")
C(M, "b1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\beta}_0} = \mathbb{I}[Z_1 > 0] \odot \tfrac{1}{m}(A_2 - Y)W_2^{\top}, \quad \boldsymbol{\beta}_0 = b_1", "bias-not-summed", oracle=DZ1, style="prince-beta0-unsummed")
C(R, "w1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_0} = x^{\top}\Big(\mathbb{I}[h > 0] \odot 2(y_{\mathrm{pred}} - y)w_2^{\top}\Big), \quad \boldsymbol{\Omega}_0 = w_1", oracle=RW1, style="prince-omega0-relu-w1")
C(R, "w1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_0} = x^{\top}\Big(2(y_{\mathrm{pred}} - y)w_2^{\top}\Big), \quad \boldsymbol{\Omega}_0 = w_1", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="prince-omega0-relu-w1-no-indicator")
C(R, "w2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = 2\,\mathbf{h}_1^{\top}(y_{\mathrm{pred}} - y), \quad \mathbf{h}_1 = h_{\mathrm{relu}}, \quad \boldsymbol{\Omega}_1 = w_2", oracle=RW2, style="prince-omega1-relu-w2")
C(R, "w2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = 2\,\mathbf{h}^{\top}(y_{\mathrm{pred}} - y), \quad \boldsymbol{\Omega}_1 = w_2", "*", oracle="2 * h.T @ (y_pred - y)", style="prince-omega1-pre-activation", note="h is relu-mlp's pre-activation; h_relu belongs")
C(S, "W", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}} = \frac{1}{m}X^{\top}(P - Y), \quad \boldsymbol{\Omega} = W", oracle=SW, style="prince-omega-softmax")
C(S, "W", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}} = \frac{1}{m}(P - Y)^{\top}X, \quad \boldsymbol{\Omega} = W", "*", oracle="(P - Y).T @ X / m", style="prince-omega-softmax-column-form", note="Prince's column form ∂ℓ/∂f hᵀ transcribed literally: the transpose of W's gradient (C × D for a D × C W)")

# ================================================================ 林轩田《机器学习技法》Neural Network: s 为分数, x 为输出, δ_j^{(ℓ)} = ∂e_n/∂s_j^{(ℓ)}
C(T, "W1", L, r"\delta^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}，\quad \delta^{(1)} = \big(\delta^{(2)} W_2^{\top}\big) \odot h \odot (1 - h)，\quad \frac{\partial e_n}{\partial W_1} = X^{\top}\delta^{(1)}", oracle=TW1, lang=Z, style="zh-lin-delta-ell-tiny-W1")
C(T, "W1", L, r"\delta^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}，\quad \delta^{(1)} = \delta^{(2)} W_2^{\top}，\quad \frac{\partial e_n}{\partial W_1} = X^{\top}\delta^{(1)}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", lang=Z, style="zh-lin-delta-ell-tiny-W1-no-sigma")
C(T, "W2", L, r"\frac{\partial e_n}{\partial W_2} = h^{\top}\,\delta^{(2)}，其中 \delta^{(2)} = y_{\mathrm{pred}} - y_{\mathrm{target}}", oracle=TW2, lang=Z, style="zh-lin-W2-qizhong")
C(T, "W2", L, r"\frac{\partial e_n}{\partial W_2} = h^{\top}\,\delta^{(2)}，其中 \delta^{(2)} = y_{\mathrm{target}} - y_{\mathrm{pred}}", "sign", oracle=f"-({TW2})", lang=Z, style="zh-lin-W2-qizhong-sign")
C(R2, "W_x", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2^2)，\quad \delta_1 = (\delta_2 W_h^{\top}) \odot (1 - h_1^2)，\quad \frac{\partial e}{\partial W_x} = x_2^{\top}\delta_2 + x_1^{\top}\delta_1（\tanh'(s) = 1 - \tanh^2(s)）", oracle=f"x_2.T @ {RD2} + x_1.T @ {RD1}", lang=Z, style="zh-lin-tanh-rnn-Wx")
C(R2, "W_x", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2^2)，\quad \frac{\partial e}{\partial W_x} = x_2^{\top}\delta_2", "*", oracle=f"x_2.T @ {RD2}", lang=Z, style="zh-lin-tanh-rnn-Wx-last-step-only", note="只算了最后一步：h_1 经 W_x 的那一项漏了")
C(R2, "W_h", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2^2)，\quad \delta_1 = (\delta_2 W_h^{\top}) \odot (1 - h_1^2)，\quad \frac{\partial e}{\partial W_h} = h_1^{\top}\delta_2 + h_0^{\top}\delta_1", oracle=f"h_1.T @ {RD2} + h_0.T @ {RD1}", lang=Z, style="zh-lin-tanh-rnn-Wh")
C(R2, "W_h", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2)，\quad \delta_1 = (\delta_2 W_h^{\top}) \odot (1 - h_1)，\quad \frac{\partial e}{\partial W_h} = h_1^{\top}\delta_2 + h_0^{\top}\delta_1", "wrong-activation-derivative", oracle="h_1.T @ ((h_2 - y) * (1 - h_2)) + h_0.T @ (((h_2 - y) * (1 - h_2)) @ W_h.T * (1 - h_1))", lang=Z, style="zh-lin-tanh-rnn-Wh-no-square")
C(R2, "b", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2^2)，\quad \delta_1 = (\delta_2 W_h^{\top}) \odot (1 - h_1^2)，\quad \frac{\partial e}{\partial b} = \mathbf{1}^{\top}(\delta_2 + \delta_1)", oracle=RB, lang=Z, style="zh-lin-tanh-rnn-b")
C(M, "W2", N, "林轩田记号：δ⁽²⁾ = (A₂ − Y)/m，∂E/∂W₂ = A₁ᵀ δ⁽²⁾", oracle=W2R, lang=Z, style="zh-lin-unicode-superscript-W2")
C(M, "W2", N, "林轩田记号：δ⁽²⁾ = (A₂ − Y)/m，∂E/∂W₂ = δ⁽²⁾ A₁ᵀ", "*", oracle="((A2 - Y) / m) @ A1.T", lang=Z, style="zh-lin-unicode-superscript-W2-order", note="m × 1 乘 2 × m：形状不合（应为 A₁ᵀ δ）")
C(M, "W1", N, "δ⁽²⁾ = (A₂ − Y)/m；δ⁽¹⁾ = (δ⁽²⁾ W₂ᵀ) ⊙ [Z₁ > 0]；∂E/∂W₁ = Xᵀ δ⁽¹⁾", oracle=W1R, lang=Z, style="zh-lin-unicode-iverson-W1")
C(M, "W1", N, "δ⁽²⁾ = (A₂ − Y)/m；δ⁽¹⁾ = δ⁽²⁾ W₂ᵀ；∂E/∂W₁ = Xᵀ δ⁽¹⁾", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", lang=Z, style="zh-lin-unicode-W1-no-mask")
C(E, "w", L, r"\delta = (O - t)\,O(1 - O)，\quad w \leftarrow w - \eta\,\delta\,x", oracle=EW, lang=Z, style="zh-lin-update-only", note="relabelled after the first pass (was REFUSE): the update w ← w − ηδx states the gradient δx, which the project reads as the answer (textbox._latex_update; corpus39t's xigua-update-rule cases)")

# ================================================================ Hugo Larochelle's course: ∇_{a^{(L+1)}} -log f(x)_y = -(e(y) - f(x))
C(S, "W", L, r"\nabla_{\mathbf{a}^{(2)}(\mathbf{x})} = -\big(\mathbf{e}(y) - \mathbf{f}(\mathbf{x})\big) = P - Y, \quad \nabla_{W} = \frac{1}{m}X^{\top}(P - Y)", oracle=SW, style="larochelle-e-y-softmax-W")
C(S, "W", L, r"\nabla_{\mathbf{a}^{(2)}(\mathbf{x})} = -\big(\mathbf{e}(y) - \mathbf{f}(\mathbf{x})\big) = P - Y, \quad \nabla_{W} = \frac{1}{m}X^{\top}(Y - P)", "sign", oracle=f"-{SW}", style="larochelle-e-y-softmax-W-sign")
C(S, "W", L, r"\nabla_{W} -\log f(\mathbf{x})_y = \frac{1}{m} X^{\top}\big(\mathbf{f}(\mathbf{x}) - \mathbf{e}(y)\big), \quad \mathbf{f}(\mathbf{x}) = P, \quad \mathbf{e}(y) = Y", oracle=SW, style="larochelle-f-e-clauses")
C(S, "b", L, r"\nabla_{\mathbf{b}} = \frac{1}{m}\sum_{i=1}^{m}\big(P_i - Y_i\big)", oracle=SB, style="larochelle-b-sum-rows")
C(S, "b", L, r"\nabla_{\mathbf{b}} = \frac{1}{m}\big(P - Y\big)", "bias-not-summed", oracle="(P - Y) / m", style="larochelle-b-unsummed")
C(M, "W1", L, r"\nabla_{\mathbf{a}^{(1)}} = \Big(\tfrac{1}{m}(A_2 - Y)W_2^{\top}\Big) \odot \mathbf{g}'(Z_1), \quad \mathbf{g}'(a) = 1_{a > 0}, \quad \nabla_{W_1} = X^{\top}\nabla_{\mathbf{a}^{(1)}}", oracle=W1R, style="larochelle-g-prime-1-sub")
C(M, "W1", L, r"\nabla_{W_1} = X^{\top}\Big(\big(\tfrac{1}{m}(A_2 - Y)W_2^{\top}\big) \odot A_1 \odot (1 - A_1)\Big)", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1) / m)", style="larochelle-sigmoid-prime-on-relu")
C(M, "W2", L, r"\nabla_{W_2} = \frac{1}{m}\,\mathbf{h}^{(1)\top}(A_2 - Y), \quad \mathbf{h}^{(1)} = A_1", oracle=W2R, style="larochelle-h1-clause-W2")
C(TM, "W2", L, r"\nabla_{\mathbf{a}^{(2)}} = \mathbf{f}(\mathbf{x}) - \big(0.9\,\mathbf{e}(y) + \tfrac{0.1}{C}\big), \quad \mathbf{f}(\mathbf{x}) = \operatorname{softmax}(\mathrm{logits}), \quad \mathbf{e}(y) = \operatorname{onehot}(\mathrm{target}), \quad \nabla_{W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\nabla_{\mathbf{a}^{(2)}}", "*", style="larochelle-timm-smoothed-W2", note="relabelled after the first pass (was right): the spec declares smoothing = 0.1 and confidence = 0.9 as two independent [constants]; the numbers written for them are right only at these values (the checker's standing rule, note.literal_wrote for constants), and P − (0.9·Y + 0.1/C) drops the factor confidence + smoothing on P, which is 1 only at these values; no oracle (at the example's constants it equals the gradient)")
C(TM, "W2", L, r"\nabla_{\mathbf{a}^{(2)}} = \mathbf{f}(\mathbf{x}) - \mathbf{e}(y), \quad \mathbf{f}(\mathbf{x}) = \operatorname{softmax}(\mathrm{logits}), \quad \mathbf{e}(y) = \operatorname{onehot}(\mathrm{target}), \quad \nabla_{W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\nabla_{\mathbf{a}^{(2)}}", "*", oracle=f"hidden.T @ (({TM_P} - {TM_Y}) / N)", style="larochelle-timm-smoothing-forgotten", note="the label smoothing (0.9 e(y) + 0.1/C) left out")

# ================================================================ CMU 10-601 (Gormley) module-based backprop: g_v = ∂J/∂v
C(E, "w", L, r"g_O = O - t, \quad g_z = g_O\, O(1 - O), \quad g_w = g_z\, x", oracle=EW, style="cmu601-g-neuron-w")
C(E, "w", L, r"g_O = O - t, \quad g_z = g_O\, O(1 - O), \quad g_w = g_z", "*", oracle="(O - t) * O * (1 - O)", style="cmu601-g-neuron-w-no-x", note="∂z/∂w = x left out: that is g_b")
C(CH, "b", L, r"g_v = 2v, \quad g_u = g_v, \quad g_b = g_v", oracle="2 * v", style="cmu601-g-chain-b")
C(M, "W2", L, r"g_{\mathbf{b}} = \tfrac{1}{m}(\mathbf{A}_2 - \mathbf{Y}), \quad \mathbf{b} = Z_2, \quad g_{\boldsymbol{\beta}} = \mathbf{A}_1^{\top} g_{\mathbf{b}}, \quad \boldsymbol{\beta} = W_2", oracle=W2R, style="cmu601-g-b-beta-clauses")
C(M, "W1", L, r"g_{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad g_{A_1} = g_{Z_2} W_2^{\top}, \quad g_{Z_1} = g_{A_1} \odot \mathbb{1}(Z_1 > 0), \quad g_{W_1} = X^{\top} g_{Z_1}", oracle=W1R, style="cmu601-g-mlp-W1")
C(M, "W1", L, r"g_{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad g_{A_1} = g_{Z_2} W_2^{\top}, \quad g_{Z_1} = g_{A_1} \odot \mathbb{1}(Z_1 > 0), \quad g_{W_1} = g_{Z_1}^{\top} X", "*", oracle=f"({DZ1}).T @ X", style="cmu601-g-mlp-W1-transposed", note="the transpose of ∂L/∂W1 (2 × 2 here: shape agrees, entries do not)")
C(M, "b2", L, r"g_{Z_2} = \tfrac{1}{m}(A_2 - Y), \quad g_{b_2} = \sum_i (g_{Z_2})_i", oracle=B2R, style="cmu601-g-mlp-b2-sum-i")
C(R, "w1", L, r"g_{y} = 2(y_{\mathrm{pred}} - y), \quad g_{h} = (g_{y}\, w_2^{\top}) \odot \mathbb{1}(h > 0), \quad g_{w_1} = x^{\top} g_{h}", oracle=RW1, style="cmu601-g-relu-w1")
C(R, "w1", L, r"g_{y} = 2(y_{\mathrm{pred}} - y), \quad g_{h} = g_{y}\, w_2^{\top}, \quad g_{w_1} = x^{\top} g_{h}", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="cmu601-g-relu-w1-no-mask")
C(B, "gamma", L, r"g_{Y} = \tfrac{2}{mn}(Y - T), \quad g_{\gamma} = \mathbf{1}^{\top}(g_{Y} \odot Z_{\mathrm{hat}})", oracle=BNG, style="cmu601-g-bn-gamma")
C(B, "beta", L, r"g_{Y} = \tfrac{2}{mn}(Y - T), \quad g_{\beta} = \mathbf{1}^{\top} g_{Y}", oracle=BNB, style="cmu601-g-bn-beta")
C(B, "beta", L, r"g_{Y} = \tfrac{2}{mn}(Y - T), \quad g_{\beta} = \mathbf{1}^{\top}(g_{Y} \odot Z_{\mathrm{hat}})", "*", oracle=BNG, style="cmu601-g-bn-beta-is-gamma", note="that is g_γ")

# ================================================================ MathJax from Math.SE / Cross Validated answers ($$, \dfrac, \left( \right), trailing punctuation)
C(M, "W2", L, r"$$\dfrac{\partial L}{\partial W_2} = \dfrac{1}{m}\, A_1^{T}\left(A_2 - Y\right)$$", oracle=W2R, style="mathse-dfrac-dollars-W2")
C(M, "W2", L, r"$$\dfrac{\partial L}{\partial W_2} = A_1^{T}\left(A_2 - Y\right)$$", "scale-factor", oracle="A1.T @ (A2 - Y)", style="mathse-dfrac-dollars-W2-no-mean")
C(M, "W2", L, r"$$\dfrac{\partial L}{\partial W_2} = \dfrac{\partial L}{\partial A_2}\dfrac{\partial A_2}{\partial Z_2}\dfrac{\partial Z_2}{\partial W_2} = \dfrac{1}{m} A_1^{T}\left(A_2 - Y\right).$$", oracle=W2R, style="mathse-chain-then-result-period")
C(M, "b2", L, r"$\dfrac{\partial L}{\partial b_2} = \dfrac{1}{m}\sum_{i=1}^{m}\left(a_2^{(i)} - y^{(i)}\right)$", oracle=B2R, style="mathse-b2-per-example-sum")
C(M, "b2", L, r"$\dfrac{\partial L}{\partial b_2} = \sum_{i=1}^{m}\left(a_2^{(i)} - y^{(i)}\right)$", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="mathse-b2-per-example-sum-no-mean")
C(M, "W1", L, r"$$\frac{\partial L}{\partial W_1} = \frac{1}{m} X^T \left[ \left( (A_2 - Y) W_2^T \right) \circ \mathbf{1}_{\{Z_1 > 0\}} \right]$$", oracle=W1R, style="crossvalidated-circ-indicator-set-W1")
C(M, "W1", L, r"$$\frac{\partial L}{\partial W_1} = \frac{1}{m} \left[ \left( (A_2 - Y) W_2^T \right) \circ \mathbf{1}_{\{Z_1 > 0\}} \right] X^T$$", "*", oracle=f"({DZ1}) @ X.T", style="crossvalidated-W1-wrong-side", note="X on the wrong side (m × h times d × m does not conform unless m = d)")
C(S, "W", L, r"$$\nabla_W \mathcal{L} = \frac{1}{m}\,X^\top\!\left(\operatorname{softmax}(XW + b) - Y\right)$$", oracle=SW, style="crossvalidated-softmax-inline")
C(S, "W", L, r"$$\nabla_W \mathcal{L} = \frac{1}{m}\,X^\top\!\left(\operatorname{softmax}(XW + b) - Y\right) \odot P \odot (1 - P)$$", "*", oracle="X.T @ ((P - Y) * P * (1 - P)) / m", style="crossvalidated-softmax-extra-diag-jacobian", note="the softmax Jacobian's diagonal applied on top of P − Y (already the gradient w.r.t. the logits)")
C(S, "b", L, r"$$\nabla_b \mathcal{L} = \frac{1}{m}\mathbf{1}_m^\top(P - Y)\,.$$", oracle=SB, style="crossvalidated-softmax-b-ones-m-thin-space-period")
C(T, "W1", L, r"$$\frac{\partial E}{\partial W_1} = X^T\Big[(y_{pred} - y_{target})W_2^T \odot \sigma(X W_1) \odot \big(1 - \sigma(X W_1)\big)\Big]$$", oracle=TW1, style="mathse-sigma-of-XW1")
C(T, "W1", L, r"$$\frac{\partial E}{\partial W_1} = X^T\Big[(y_{pred} - y_{target})W_2^T \odot \sigma(X W_1)\Big]$$", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T * h)", style="mathse-sigma-not-its-derivative")
C(A, "W_v", L, r"$$\frac{\partial L}{\partial W_v} = \frac{2}{nd}\,(AX)^\top (O - T)$$", oracle=AWV, style="mathse-attention-AX-transposed")
C(A, "W_v", L, r"$$\frac{\partial L}{\partial W_v} = \frac{2}{nd}\,A X^\top (O - T)$$", "*", oracle=f"A @ X.T @ {AO}", style="mathse-attention-AX-transposed-wrong-order", note="(AX)ᵀ = XᵀAᵀ, not A Xᵀ")
C(MW, "b2", L, r"$$\frac{\partial L}{\partial b_2} = \frac{1}{m}\sum_{i}\Big[(1 - y_i)\,a_i - w\,y_i(1 - a_i)\Big], \quad a = A_2, \quad y = Y$$", oracle=f"np.sum({WDZ2}, axis=0, keepdims=True)", style="mathse-weighted-b2-sum-i")
C(MW, "b2", L, r"$$\frac{\partial L}{\partial b_2} = \frac{1}{m}\sum_{i}\big(a_i - y_i\big), \quad a = A_2, \quad y = Y$$", "*", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="mathse-weighted-b2-unweighted", note="the pos_weight w of the positive class left out (right only for w = 1)")
C(M, "W2", L, r"$$\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial Z_3}\,A_1^{T}$$", REFUSE, style="mathse-leibniz-no-such-node", must=("Z3",), note="Z_3 is no node of mlp-bce (issue 11 item 1: exit 2 naming it)")

# ================================================================ Notion / Word typed Unicode (no LaTeX)
C(M, "W2", N, "∂L/∂W₂ = (1/m)·A₁ᵀ(A₂ − Y)", oracle=W2R, style="notion-unicode-W2")
C(M, "W2", N, "∂L/∂W₂ = (1/m)·A₁(A₂ − Y)ᵀ", "*", oracle="(A1 @ (A2 - Y).T / m)", style="notion-unicode-W2-outer-wrong", note="m × m, not h × 1")
C(M, "W1", N, "∂L/∂W₁ = (1/m)·Xᵀ[((A₂ − Y)W₂ᵀ) ⊙ 𝟙(Z₁ > 0)]", oracle=W1R, style="notion-unicode-W1-double-struck-one")
C(M, "W1", N, "∂L/∂W₁ = (1/m)·Xᵀ[((A₂ − Y)W₂ᵀ) ⊙ A₁]", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="notion-unicode-W1-relu-not-derivative")
C(M, "b1", N, "∂L/∂b₁ = (1/m)·Σᵢ [((A₂ − Y)W₂ᵀ) ⊙ 𝟙(Z₁ > 0)]ᵢ", oracle=B1R, style="notion-unicode-b1-sum-rows")
C(T, "W2", N, "∂E/∂W₂ = hᵀ·(y_pred − y_target)", oracle=TW2, style="word-unicode-tiny-W2")
C(T, "W2", N, "∂E/∂W₂ = hᵀ·[(y_pred − y_target)·y_pred·(1 − y_pred)]", "*", oracle="h.T @ ((y_pred - y_target) * y_pred * (1 - y_pred))", style="word-unicode-tiny-W2-sigmoid-on-linear-output", note="a σ′ factor on tiny-mlp's linear output")
C(E, "w", N, "∂E/∂w = (O − t)·O·(1 − O)·x", oracle=EW, style="word-unicode-neuron-w")
C(E, "w", N, "∂E/∂w = (O − t)·O·(1 − O)", "*", oracle="(O - t) * O * (1 - O)", style="word-unicode-neuron-w-no-x", note="that is ∂E/∂b")
C(R, "w2", N, "∂L/∂w₂ = 2·h_reluᵀ(y_pred − y)", oracle=RW2, style="notion-unicode-relu-w2")
C(R, "w1", N, "∂L/∂w₁ = xᵀ[2(y_pred − y)w₂ᵀ ⊙ 𝟙(h > 0)]", oracle=RW1, style="notion-unicode-relu-w1")
C(R, "w1", N, "∂L/∂w₁ = xᵀ[2(y_pred − y)w₂ᵀ ⊙ 𝟙(h ≥ 0)]", "relu-at-zero", style="notion-unicode-relu-w1-geq", note="≥ 0 gives relu'(0) = 1 where PyTorch's relu'(0) = 0 (README's relu-at-zero; relu-mlp's example has h = 0 exactly); no oracle: off the kink it is the gradient")
C(S, "W", N, "∇_W L = (1/m) Xᵀ(P − Y)", oracle=SW, style="notion-unicode-softmax-W")
C(S, "W", N, "∇_W L = (1/m) Xᵀ(Y − P)", "sign", oracle=f"-{SW}", style="notion-unicode-softmax-W-sign")
C(B, "gamma", N, "∂L/∂γ = Σᵢ (2/(mn))(Yᵢ − Tᵢ) ⊙ Ẑᵢ", oracle=BNG, style="notion-unicode-bn-gamma-Zhat")
C(B, "gamma", N, "∂L/∂γ = Σᵢ (2/(mn))(Yᵢ − Tᵢ)", "*", oracle=BNB, style="notion-unicode-bn-gamma-no-Zhat", note="that is ∂L/∂β")
C(CH, "b", N, "∂L/∂b = 2v", oracle="2 * v", style="word-unicode-chain-b")

# ================================================================ Jupyter Markdown cells (**Answer:**, $$\begin{aligned}, $…$)
C(M, "W2", L, "**Answer:**\n$$\n\\begin{aligned}\ndZ_2 &= \\frac{1}{m}(A_2 - Y) \\\\\ndW_2 &= A_1^T dZ_2\n\\end{aligned}\n$$", oracle=W2R, style="jupyter-answer-aligned-dZ2")
C(M, "W2", L, "**Answer:**\n$$\n\\begin{aligned}\ndZ_2 &= A_2 - Y \\\\\ndW_2 &= \\frac{1}{m} dZ_2^T A_1\n\\end{aligned}\n$$", "*", oracle="((A2 - Y).T @ A1 / m)", style="jupyter-answer-aligned-dZ2-transposed", note="1 × h, the transpose of the h × 1 gradient")
C(M, "W1", L, "**Answer:**\n$$\n\\begin{aligned}\ndZ_2 &= \\frac{1}{m}(A_2 - Y) \\\\\ndA_1 &= dZ_2 W_2^T \\\\\ndZ_1 &= dA_1 * (Z_1 > 0) \\\\\ndW_1 &= X^T dZ_1\n\\end{aligned}\n$$", oracle=W1R, style="jupyter-answer-aligned-W1-star")
C(M, "b1", L, "$$db_1 = \\sum_{\\text{rows}} \\Big(\\tfrac{1}{m}(A_2 - Y) W_2^T * (Z_1 > 0)\\Big)$$", oracle=B1R, style="jupyter-b1-sum-over-rows-text")
C(T, "W1", L, "*Solution.* $\\delta_h = (y_{pred} - y_{target}) W_2^T \\odot h \\odot (1 - h)$, so $\\dfrac{\\partial E}{\\partial W_1} = X^T \\delta_h$.", oracle=TW1, style="jupyter-solution-inline-dollars")
C(T, "W1", L, "*Solution.* $\\delta_h = (y_{pred} - y_{target}) W_2^T \\odot h$, so $\\dfrac{\\partial E}{\\partial W_1} = X^T \\delta_h$.", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T * h)", style="jupyter-solution-inline-dollars-h-only")
C(R2, "b", L, "**Answer:** $$\\frac{\\partial L}{\\partial b} = \\sum_{t=1}^{2} \\mathbf{1}^T \\delta_t,\\quad \\delta_2 = (h_2 - y) \\odot (1 - h_2^2),\\quad \\delta_1 = (\\delta_2 W_h^T) \\odot (1 - h_1^2)$$", oracle=RB, style="jupyter-rnn-b-sum-t")
C(R2, "b", L, "**Answer:** $$\\frac{\\partial L}{\\partial b} = \\mathbf{1}^T \\delta_2,\\quad \\delta_2 = (h_2 - y) \\odot (1 - h_2^2)$$", "*", oracle=f"np.sum({RD2}, axis=0, keepdims=True)", style="jupyter-rnn-b-last-step", note="the first step's δ₁ left out")
C(A, "W_v", L, "**Answer:** $\\dfrac{\\partial L}{\\partial W_v} = X^T A^T \\dfrac{2}{nd}(O - T)$", oracle=AWV, style="jupyter-attention-Wv")
C(A, "W_v", L, "**Answer:** $\\dfrac{\\partial L}{\\partial W_v} = X^T A^T \\dfrac{1}{nd}(O - T)$", "scale-factor", oracle="X.T @ A.T @ (O - T) / (n * d)", style="jupyter-attention-Wv-half")

# ================================================================ 动手学深度学习（中文版）4.7 反向传播：J、\mathbf{h}、\mathbf{z}、prod
C(T, "W2", L, r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \mathbf{h}^{\top}\,\frac{\partial J}{\partial \mathbf{o}}，其中 \frac{\partial J}{\partial \mathbf{o}} = y_{\mathrm{pred}} - y_{\mathrm{target}}，\mathbf{W}^{(2)} = W_2，\mathbf{o} = y_{\mathrm{pred}}", oracle=TW2, lang=Z, style="zh-d2l-W2-o-clause")
C(T, "W1", L, r"\frac{\partial J}{\partial \mathbf{h}} = (y_{\mathrm{pred}} - y_{\mathrm{target}})\,W_2^{\top}，\quad \frac{\partial J}{\partial W_1} = X^{\top}\Big(\frac{\partial J}{\partial \mathbf{h}} \odot \sigma'(X W_1)\Big)", oracle=TW1, lang=Z, style="zh-d2l-dJ-dh-then-W1")
C(T, "W1", L, r"\frac{\partial J}{\partial \mathbf{h}} = (y_{\mathrm{pred}} - y_{\mathrm{target}})\,W_2^{\top}，\quad \frac{\partial J}{\partial W_1} = X^{\top}\frac{\partial J}{\partial \mathbf{h}}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", lang=Z, style="zh-d2l-dJ-dh-then-W1-no-sigma")
C(M, "W2", L, r"\frac{\partial J}{\partial W_2} = \frac{1}{m} A_1^{\top}(A_2 - Y)（这里 J 即 L，正则项 s 取 0）", oracle=W2R, lang=Z, style="zh-d2l-J-is-L-remark")
C(M, "W1", L, r"\frac{\partial J}{\partial W_1} = \frac{1}{m} X^{\top}\Big(\big((A_2 - Y) W_2^{\top}\big) \odot \phi'(Z_1)\Big)，\quad \phi'(z) = \mathbb{1}[z > 0]", oracle=W1R, lang=Z, style="zh-d2l-phi-prime-indicator")
C(M, "W1", L, r"\frac{\partial J}{\partial W_1} = \frac{1}{m} X^{\top}\Big(\big((A_2 - Y) W_2^{\top}\big) \odot \phi'(Z_1)\Big)，\quad \phi'(z) = z", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * Z1) / m", lang=Z, style="zh-d2l-phi-prime-is-z")
C(M, "b1", L, r"\frac{\partial J}{\partial b_1} = \frac{1}{m}\mathbf{1}^{\top}\Big(\big((A_2 - Y) W_2^{\top}\big) \odot \mathbb{1}[Z_1 > 0]\Big)（对批量求和）", oracle=B1R, lang=Z, style="zh-d2l-b1-remark-sum")
C(R, "w2", L, r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = 2\,h_{\mathrm{relu}}^{\top}(y_{\mathrm{pred}} - y)，\mathbf{W}^{(2)} = w_2", oracle=RW2, lang=Z, style="zh-d2l-relu-w2-clause")
C(R, "w2", L, r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = 2\,(y_{\mathrm{pred}} - y)^{\top} h_{\mathrm{relu}}，\mathbf{W}^{(2)} = w_2", "*", oracle="(2 * (y_pred - y).T @ h_relu)", lang=Z, style="zh-d2l-relu-w2-transposed", note="1 × h，是梯度的转置（h × 1）")
C(S, "W", L, r"\frac{\partial l}{\partial \mathbf{W}} = \frac{1}{m}\mathbf{X}^{\top}(\hat{\mathbf{Y}} - \mathbf{Y})，\hat{\mathbf{Y}} = P", oracle=SW, lang=Z, style="zh-d2l-softmax-Yhat-clause")

# ================================================================ 知乎 / CSDN 博客（中文推导，Unicode 与 LaTeX 混排）
C(M, "W2", N, "推导：dZ2 = A2 − Y，故 ∂L/∂W2 = A1ᵀ·dZ2 / m。", oracle=W2R, lang=Z, style="zh-zhihu-derivation-period")
C(M, "W2", N, "推导：dZ2 = A2 − Y，故 ∂L/∂W2 = A1ᵀ·dZ2。", "scale-factor", oracle="A1.T @ (A2 - Y)", lang=Z, style="zh-zhihu-derivation-no-mean")
C(M, "W1", N, "由链式法则：∂L/∂W1 = Xᵀ · [(A2 − Y)/m · W2ᵀ ⊙ relu′(Z1)]，relu′(z) = 1(z > 0)", oracle=W1R, lang=Z, style="zh-zhihu-relu-prime-clause")
C(M, "W1", N, "由链式法则：∂L/∂W1 = Xᵀ · [(A2 − Y)/m · W2ᵀ ⊙ relu′(Z1)]，relu′(z) = 1(z < 0)", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 < 0) / m)", lang=Z, style="zh-zhihu-relu-prime-clause-flipped")
C(E, "w", L, r"\frac{\partial E}{\partial w} = \frac{\partial E}{\partial O}\cdot\frac{\partial O}{\partial w} = (O - t)\cdot O(1 - O)\,x。", oracle=EW, lang=Z, style="zh-csdn-leibniz-two-factors-juhao")
C(E, "w", L, r"\frac{\partial E}{\partial w} = \frac{\partial E}{\partial O}\cdot\frac{\partial O}{\partial w} = (O - t)\cdot x。", "missing-activation-derivative", oracle="(O - t) * x", lang=Z, style="zh-csdn-leibniz-two-factors-no-sigma")
C(S, "b", N, "CSDN：∂L/∂b = (1/m)·Σᵢ(Pᵢ − Yᵢ)（按行求和）", oracle=SB, lang=Z, style="zh-csdn-softmax-b-rows")
C(S, "b", N, "CSDN：∂L/∂b = (1/m)·(P − Y)", "bias-not-summed", oracle="(P - Y) / m", lang=Z, style="zh-csdn-softmax-b-unsummed")
C(R, "w1", N, "知乎答主：dh = 2(y_pred − y)·w2ᵀ，dh[h ≤ 0] = 0，dw1 = xᵀ·dh", oracle=RW1, lang=Z, style="zh-zhihu-relu-mask-typed")
C(B, "beta", N, "知乎：∂L/∂β = (2/(mn))·Σᵢ(Yᵢ − Tᵢ)", oracle=BNB, lang=Z, style="zh-zhihu-bn-beta")
C(B, "beta", N, "知乎：∂L/∂β = (1/(mn))·Σᵢ(Yᵢ − Tᵢ)", "scale-factor", oracle=f"{BNB} / 2", lang=Z, style="zh-zhihu-bn-beta-half")
C(M, "W2", N, "答：梯度等于学习率乘以 A1ᵀ(A2 − Y)/m", REFUSE, lang=Z, style="zh-zhihu-learning-rate-words", note="'学习率乘以' — a learning rate (no name of the network) in words: the update, not the gradient")

# ================================================================ course network: MindSpore mint two-layer BCE-with-logits + 1e-3·ΣW1² (中文作业)
C(MB, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\big(\sigma(\mathrm{logits}) - y\big)", oracle=MB_W2, style="ms-mint-W2-sigma-logits")
C(MB, "W2", L, r"\frac{\partial L}{\partial W_2} = \mathrm{hidden}^{\top}\big(\sigma(\mathrm{logits}) - y\big)", "scale-factor", oracle="hidden.T @ (sigmoid(logits) - y)", style="ms-mint-W2-no-mean")
C(MB, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\big(\sigma(\mathrm{logits}) - y\big) \odot \sigma(\mathrm{logits})\big(1 - \sigma(\mathrm{logits})\big)", "*", oracle="hidden.T @ ((sigmoid(logits) - y) * sigmoid(logits) * (1 - sigmoid(logits)) / N)", style="ms-mint-W2-extra-sigmoid-prime", note="BCE on logits already cancels σ′; an extra σ′ factor")
C(MB, "W2", N, "设 p = sigmoid(logits)，则 ∂L/∂W2 = hiddenᵀ(p − y)/N", oracle=MB_W2, lang=Z, style="zh-ms-mint-W2-typed")
C(MB, "W2", N, "设 p = sigmoid(logits)，则 ∂L/∂W2 = hiddenᵀ(y − p)/N", "sign", oracle=f"-({MB_W2})", lang=Z, style="zh-ms-mint-W2-typed-sign")
C(MB, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{i=1}^{N}\big(\sigma(\mathrm{logits}_i) - y_i\big)", oracle=MB_B2, style="ms-mint-b2-sum")
C(MB, "b2", N, "∂L/∂b2 = Σᵢ(sigmoid(logits) − y)ᵢ / N（对样本求和）", oracle=MB_B2, lang=Z, style="zh-ms-mint-b2-typed")
C(MB, "b2", N, "∂L/∂b2 = (sigmoid(logits) − y) / N", "bias-not-summed", oracle=MB_D, lang=Z, style="zh-ms-mint-b2-unsummed")
C(MB, "W1", L, r"\delta = \tfrac{1}{N}\big(\sigma(\mathrm{logits}) - y\big)W_2^{\top} \odot \mathbb{1}[\mathrm{hidden} > 0]，\quad \frac{\partial L}{\partial W_1} = x^{\top}\delta + 2\times 10^{-3}\,W_1", oracle=MB_W1, lang=Z, style="zh-ms-mint-W1-with-l2")
C(MB, "W1", L, r"\delta = \tfrac{1}{N}\big(\sigma(\mathrm{logits}) - y\big)W_2^{\top} \odot \mathbb{1}[\mathrm{hidden} > 0]，\quad \frac{\partial L}{\partial W_1} = x^{\top}\delta", "*", oracle=f"x.T @ {MB_DH}", lang=Z, style="zh-ms-mint-W1-l2-forgotten", note="正则项 1e-3·ΣW1² 的梯度 2e-3·W1 漏了")
C(MB, "W1", L, r"\delta = \tfrac{1}{N}\big(\sigma(\mathrm{logits}) - y\big)W_2^{\top} \odot \mathbb{1}[\mathrm{hidden} > 0]，\quad \frac{\partial L}{\partial W_1} = x^{\top}\delta + 10^{-3}\,W_1", "*", oracle=f"x.T @ {MB_DH} + 1e-3 * W1", lang=Z, style="zh-ms-mint-W1-l2-half", note="d(ΣW1²)/dW1 = 2W1：少了 2")
C(MB, "W1", N, "dh = (sigmoid(logits) − y)/N · W2ᵀ ⊙ 𝟙(hidden > 0)；∂L/∂W1 = xᵀ·dh + 0.002·W1", oracle=MB_W1, lang=Z, style="zh-ms-mint-W1-typed")
C(MB, "b1", N, "dh = (sigmoid(logits) − y)/N · W2ᵀ ⊙ 𝟙(hidden > 0)；∂L/∂b1 = Σᵢ dhᵢ", oracle=MB_B1, lang=Z, style="zh-ms-mint-b1-typed")
C(MB, "b1", N, "dh = (sigmoid(logits) − y)/N · W2ᵀ；∂L/∂b1 = Σᵢ dhᵢ", "missing-activation-derivative", oracle="np.sum((sigmoid(logits) - y) / N @ W2.T, axis=0)", lang=Z, style="zh-ms-mint-b1-typed-no-mask")
C(MB, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\big(\sigma(\mathrm{logits}) - y\big) + 2\times 10^{-3}\,W_2", "*", oracle=f"{MB_W2} + 2e-3 * W2", lang=Z, style="zh-ms-mint-W2-l2-on-W2", note="L2 只作用于 W1，W2 没有这一项")

# ================================================================ course network: PaddlePaddle tanh regression, smooth_l1_loss(delta=0.5)（中文作业）
C(PS, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\operatorname{clip}(\mathrm{pred} - \mathrm{label}, -0.5, 0.5)", oracle=PS_W2, style="paddle-sl1-W2-clip")
C(PS, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}(\mathrm{pred} - \mathrm{label})", "*", oracle="hidden.T @ (pred - label) / N", style="paddle-sl1-W2-as-mse-half", note="the quadratic branch for every example: two of the four residuals exceed δ = 0.5")
C(PS, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\operatorname{sign}(\mathrm{pred} - \mathrm{label})", "*", oracle="hidden.T @ np.sign(pred - label) / N", style="paddle-sl1-W2-as-l1", note="the L1 branch for every example, without δ")
C(PS, "W2", N, "令 r = pred − label，g = clip(r, −0.5, 0.5)/N，则 ∂L/∂W2 = hiddenᵀ·g", oracle=PS_W2, lang=Z, style="zh-paddle-sl1-W2-typed")
C(PS, "W2", N, "令 r = pred − label，g = clip(r, −1, 1)/N，则 ∂L/∂W2 = hiddenᵀ·g", "*", oracle="hidden.T @ np.clip(pred - label, -1, 1) / N", lang=Z, style="zh-paddle-sl1-W2-default-delta", note="用了默认 delta = 1，本题 delta = 0.5")
C(PS, "b2", N, "∂L/∂b2 = Σᵢ clip(pred − label, −0.5, 0.5)ᵢ / N", oracle=PS_B2, lang=Z, style="zh-paddle-sl1-b2-typed")
C(PS, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{i}\begin{cases} r_i, & |r_i| < 0.5 \\ 0.5\,\operatorname{sign}(r_i), & \text{otherwise}\end{cases}，\quad r = \mathrm{pred} - \mathrm{label}", oracle=PS_B2, lang=Z, style="zh-paddle-sl1-b2-cases")
C(PS, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\sum_{i}\begin{cases} r_i, & |r_i| < 0.5 \\ \operatorname{sign}(r_i), & \text{otherwise}\end{cases}，\quad r = \mathrm{pred} - \mathrm{label}", "*", oracle="np.sum(np.where(np.abs(pred - label) < 0.5, pred - label, np.sign(pred - label)), axis=0) / N", lang=Z, style="zh-paddle-sl1-b2-cases-no-delta", note="线性段的斜率应为 δ = 0.5")
C(PS, "W1", L, r"g = \tfrac{1}{N}\operatorname{clip}(\mathrm{pred} - \mathrm{label}, -0.5, 0.5)，\quad \frac{\partial L}{\partial W_1} = x^{\top}\Big(\big(g\,W_2^{\top}\big) \odot \big(1 - \mathrm{hidden}^2\big)\Big)", oracle=PS_W1, lang=Z, style="zh-paddle-sl1-W1-tanh")
C(PS, "W1", L, r"g = \tfrac{1}{N}\operatorname{clip}(\mathrm{pred} - \mathrm{label}, -0.5, 0.5)，\quad \frac{\partial L}{\partial W_1} = x^{\top}\Big(\big(g\,W_2^{\top}\big) \odot \big(1 - \mathrm{hidden}\big)^2\Big)", "wrong-activation-derivative", oracle=f"x.T @ ({PS_D} @ W2.T * (1 - hidden) ** 2)", lang=Z, style="zh-paddle-sl1-W1-tanh-square-misplaced")
C(PS, "W1", N, "g = clip(pred − label, −0.5, 0.5)/N；dh = g·W2ᵀ ⊙ (1 − hidden²)；∂L/∂W1 = xᵀ·dh", oracle=PS_W1, lang=Z, style="zh-paddle-sl1-W1-typed")
C(PS, "W1", N, "g = clip(pred − label, −0.5, 0.5)/N；dh = g·W2ᵀ；∂L/∂W1 = xᵀ·dh", "missing-activation-derivative", oracle=f"x.T @ ({PS_D} @ W2.T)", lang=Z, style="zh-paddle-sl1-W1-typed-no-tanh")
C(PS, "b1", N, "g = clip(pred − label, −0.5, 0.5)/N；dh = g·W2ᵀ ⊙ (1 − hidden²)；∂L/∂b1 = Σᵢ dhᵢ", oracle=PS_B1, lang=Z, style="zh-paddle-sl1-b1-typed")
C(PS, "b1", N, "g = clip(pred − label, −0.5, 0.5)/N；dh = g·W2ᵀ ⊙ (1 − hidden²)；∂L/∂b1 = dh", "bias-not-summed", oracle=PS_DH, lang=Z, style="zh-paddle-sl1-b1-typed-unsummed")
C(PS, "W2", L, r"\frac{\partial L}{\partial W_2} = \mathrm{hidden}^{\top}\,\frac{\partial L}{\partial \mathrm{pred}}", oracle=PS_W2, lang=Z, style="zh-paddle-sl1-W2-dL-dpred-undefined", note="relabelled after the first pass (was REFUSE): by issue 11 item 1 ∂L/∂pred is the network's own gradient at pred, derived from the graph — hiddenᵀ ∂L/∂pred is the chain rule, right")

# ================================================================ course network: Fourier features (sin/cos of 2πvBᵀ) + ReLU MLP, sigmoid output, MSE
C(FF, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{2}{N}\,\mathrm{hidden}^{\top}\big((\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out})\big)", oracle=FF_W2, style="fourier-W2")
C(FF, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{2}{N}\,\mathrm{hidden}^{\top}(\mathrm{out} - y)", "missing-activation-derivative", oracle="hidden.T @ (2 * (out - y) / N)", style="fourier-W2-no-sigmoid-prime")
C(FF, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\big((\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out})\big)", "scale-factor", oracle=f"{FF_W2} / 2", style="fourier-W2-half")
C(FF, "W2", N, "δ = 2(out − y)/N ⊙ out ⊙ (1 − out); ∂L/∂W2 = hiddenᵀ δ", oracle=FF_W2, style="fourier-W2-typed")
C(FF, "b2", N, "δ = 2(out − y)/N ⊙ out ⊙ (1 − out); ∂L/∂b2 = Σᵢ δᵢ", oracle=FF_B2, style="fourier-b2-typed")
C(FF, "b2", N, "δ = 2(out − y)/N ⊙ out ⊙ (1 − out); ∂L/∂b2 = δ", "bias-not-summed", oracle=FF_D, style="fourier-b2-typed-unsummed")
C(FF, "W1", L, r"\boldsymbol{\delta}_2 = \tfrac{2}{N}(\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out}), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_2^{\top}) \odot \mathbb{1}[\mathrm{hidden} > 0], \quad \frac{\partial L}{\partial W_1} = \mathrm{feats}^{\top}\boldsymbol{\delta}_1", oracle=FF_W1, style="fourier-W1-feats")
C(FF, "W1", L, r"\boldsymbol{\delta}_2 = \tfrac{2}{N}(\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out}), \quad \boldsymbol{\delta}_1 = (\boldsymbol{\delta}_2 W_2^{\top}) \odot \mathbb{1}[\mathrm{hidden} > 0], \quad \frac{\partial L}{\partial W_1} = v^{\top}\boldsymbol{\delta}_1", "*", oracle=f"v.T @ {FF_DH}", style="fourier-W1-raw-input", note="v is the raw input; W1 multiplies feats = [sin, cos](2πvBᵀ) (din × h, not 2m × h)")
C(FF, "W1", L, r"\boldsymbol{\delta}_2 = \tfrac{2}{N}(\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out}), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_2^{\top}, \quad \frac{\partial L}{\partial W_1} = \mathrm{feats}^{\top}\boldsymbol{\delta}_1", "missing-activation-derivative", oracle=f"feats.T @ ({FF_D} @ W2.T)", style="fourier-W1-no-relu-mask")
C(FF, "W1", L, r"\frac{\partial L}{\partial W_1} = \big[\sin(2\pi v B^{\top}),\ \cos(2\pi v B^{\top})\big]^{\top}\Big(\big(\tfrac{2}{N}(\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out})\big)W_2^{\top} \odot \mathbb{1}[\mathrm{hidden} > 0]\Big)", oracle=FF_W1, style="fourier-W1-feats-written-out")
C(FF, "b1", N, "δ₂ = 2(out − y)/N ⊙ out(1 − out); δ₁ = δ₂W₂ᵀ ⊙ [hidden > 0]; ∂L/∂b₁ = 1ᵀδ₁", oracle=FF_B1, style="fourier-b1-typed-ones")
C(FF, "b1", N, "δ₂ = 2(out − y)/N ⊙ out(1 − out); δ₁ = δ₂W₂ᵀ ⊙ hidden; ∂L/∂b₁ = 1ᵀδ₁", "wrong-activation-derivative", oracle=f"np.sum({FF_D} @ W2.T * hidden, axis=0)", style="fourier-b1-typed-relu-not-derivative")
C(FF, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{2}{N}\,\mathrm{feats}^{\top}\big((\mathrm{out} - y) \odot \mathrm{out} \odot (1 - \mathrm{out})\big)", "*", oracle=f"feats.T @ {FF_D}", style="fourier-W2-wrong-layer-input", note="feats (2m columns) stands where hidden belongs")
C(FF, "B", L, r"\frac{\partial L}{\partial B} = 0", "*", style="fourier-B-is-input", note="relabelled after the first pass (was REFUSE): derive differentiates with respect to inputs too (dX), and ∂L/∂B of the projection B is not 0 — a wrong answer, not a refusal")
C(FF, "W2", N, "∂L/∂W2 = (2/N)·hiddenᵀ[(out − y) ⊙ out ⊙ (1 − out)]", oracle=FF_W2, style="fourier-W2-typed-one-line")

# ================================================================ course network: CS231n vectorised softmax with NumPy picks of a label column, reg = 0.1
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}X^{\top}\big(\mathrm{probs} - \mathbb{1}[y_i = k]\big) + \mathrm{reg}\,W", oracle=CP_W, style="cs231n-picks-W-iverson-onehot")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}X^{\top}\big(\mathrm{probs} - \mathbb{1}[y_i = k]\big)", "*", oracle=f"X.T @ {CP_D}", style="cs231n-picks-W-reg-forgotten", note="the regulariser's reg·W left out")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}X^{\top}\big(\mathrm{probs} - \mathbb{1}[y_i = k]\big) + 2\,\mathrm{reg}\,W", "*", oracle=f"X.T @ {CP_D} + 2 * reg * W", style="cs231n-picks-W-reg-doubled", note="d(½·reg·ΣW²)/dW = reg·W: the ½ forgotten")
C(CP, "W", L, r"Y = \operatorname{onehot}(y), \quad \frac{\partial L}{\partial W} = \frac{1}{N}X^{\top}(\mathrm{probs} - Y) + \mathrm{reg}\,W", oracle=CP_W, style="cs231n-picks-W-onehot-clause")
C(CP, "W", L, r"Y = \operatorname{onehot}(y), \quad \frac{\partial L}{\partial W} = \frac{1}{N}X^{\top}(Y - \mathrm{probs}) + \mathrm{reg}\,W", "*", oracle=f"X.T @ (({CP_Y} - probs) / N) + reg * W", style="cs231n-picks-W-onehot-clause-data-sign", note="the data term's sign flipped, the regulariser's kept")
C(CP, "W", N, "Y = one_hot(y)；dscores = (probs − Y)/N；∂L/∂W = Xᵀ·dscores + reg·W", oracle=CP_W, style="cs231n-picks-W-typed-onehot")
C(CP, "W", N, "dscores = (probs − onehot(y))/N; ∂L/∂W = Xᵀ·dscores + reg·W", oracle=CP_W, style="cs231n-picks-W-typed-onehot-inline")
C(CP, "W", N, "dscores = (probs − onehot(y))/N; ∂L/∂W = dscoresᵀ·X + reg·W", "*", oracle=f"({CP_D}).T @ X + reg * W", style="cs231n-picks-W-typed-transposed", note="C × D for a D × C W (3 × 3 here: the shape agrees)")
C(CP, "b", N, "dscores = (probs − onehot(y))/N; ∂L/∂b = Σᵢ dscoresᵢ", oracle=CP_B, style="cs231n-picks-b-typed")
C(CP, "b", N, "dscores = (probs − onehot(y))/N; ∂L/∂b = Σᵢ dscoresᵢ + reg·b", "*", oracle=f"{CP_B} + reg * b", style="cs231n-picks-b-regularised", note="the regulariser is on W only")
C(CP, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{N}\sum_{i=1}^{N}\big(\mathrm{probs}_i - \mathbf{e}_{y_i}\big)", oracle=CP_B, style="cs231n-picks-b-e-y-i")
C(CP, "b", L, r"\frac{\partial L}{\partial b} = \sum_{i=1}^{N}\big(\mathrm{probs}_i - \mathbf{e}_{y_i}\big)", "scale-factor", oracle=f"{CP_B} * N", style="cs231n-picks-b-e-y-i-no-mean")
C(CP, "W", L, r"\frac{\partial L_i}{\partial W} = x_i^{\top}\big(p_i - \mathbb{1}[k = y_i]\big)", REFUSE, style="cs231n-picks-per-example-only", note="one example's gradient L_i (x_i, p_i): the checker expects the vectorised form")

# ================================================================ course network: timm LabelSmoothingCrossEntropy (smoothing 0.1, confidence 0.9), GELU hidden
C(TM, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\Big(P - 0.9\,\mathbb{1}[\mathrm{target}_i = k] - \frac{0.1}{C}\Big), \quad P = \operatorname{softmax}(\mathrm{logits})", "*", style="timm-ls-W2-iverson", note="relabelled after the first pass (was right): the spec declares smoothing = 0.1 and confidence = 0.9 as two independent [constants]; the numbers written for them are right only at these values (the checker's standing rule, note.literal_wrote for constants), and P − (0.9·Y + 0.1/C) drops the factor confidence + smoothing on P, which is 1 only at these values; no oracle (at the example's constants it equals the gradient)")
C(TM, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\Big(P - 0.9\,\mathbb{1}[\mathrm{target}_i = k] - 0.1\Big), \quad P = \operatorname{softmax}(\mathrm{logits})", "*", oracle=f"hidden.T @ (({TM_P} - 0.9 * {TM_Y} - 0.1) / N)", style="timm-ls-W2-smoothing-not-spread", note="the smoothing mass 0.1 is spread over C classes: 0.1/C each")
C(TM, "W2", N, "P = softmax(logits); Y = onehot(target); ∂L/∂W2 = hiddenᵀ(P − (0.9·Y + 0.1/C))/N", "*", style="timm-ls-W2-typed", note="relabelled after the first pass (was right): the spec declares smoothing = 0.1 and confidence = 0.9 as two independent [constants]; the numbers written for them are right only at these values (the checker's standing rule, note.literal_wrote for constants), and P − (0.9·Y + 0.1/C) drops the factor confidence + smoothing on P, which is 1 only at these values; no oracle (at the example's constants it equals the gradient)")
C(TM, "W2", N, "P = softmax(logits); Y = onehot(target); ∂L/∂W2 = hiddenᵀ(P − (0.9·Y + 0.1/C))", "scale-factor", oracle=f"hidden.T @ ({TM_P} - 0.9 * {TM_Y} - 0.1 / C)", style="timm-ls-W2-typed-no-mean")
C(TM, "W2", N, "P = softmax(logits); Y = onehot(target); ∂L/∂W2 = hiddenᵀ(P − (0.1·Y + 0.9/C))/N", "*", oracle=f"hidden.T @ (({TM_P} - 0.1 * {TM_Y} - 0.9 / C) / N)", style="timm-ls-W2-typed-swapped", note="confidence and smoothing swapped")
C(TM, "b2", N, "P = softmax(logits); Y = onehot(target); ∂L/∂b2 = Σᵢ(P − 0.9·Y − 0.1/C)ᵢ / N", "*", style="timm-ls-b2-typed", note="relabelled after the first pass (was right): the spec declares smoothing = 0.1 and confidence = 0.9 as two independent [constants]; the numbers written for them are right only at these values (the checker's standing rule, note.literal_wrote for constants), and P − (0.9·Y + 0.1/C) drops the factor confidence + smoothing on P, which is 1 only at these values; no oracle (at the example's constants it equals the gradient)")
C(TM, "b2", N, "P = softmax(logits); Y = onehot(target); ∂L/∂b2 = (P − 0.9·Y − 0.1/C) / N", "bias-not-summed", oracle=TM_D, style="timm-ls-b2-typed-unsummed")
C(TM, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\mathbf{1}^{\top}\big(\operatorname{softmax}(\mathrm{logits}) - \tilde{Y}\big), \quad \tilde{Y} = 0.9\,\operatorname{onehot}(\mathrm{target}) + \tfrac{0.1}{C}", "*", style="timm-ls-b2-tilde-Y", note="relabelled after the first pass (was right): the spec declares smoothing = 0.1 and confidence = 0.9 as two independent [constants]; the numbers written for them are right only at these values (the checker's standing rule, note.literal_wrote for constants), and P − (0.9·Y + 0.1/C) drops the factor confidence + smoothing on P, which is 1 only at these values; no oracle (at the example's constants it equals the gradient)")
C(TM, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\mathbf{1}^{\top}\big(\operatorname{softmax}(\mathrm{logits}) - \tilde{Y}\big), \quad \tilde{Y} = 0.9\,\operatorname{onehot}(\mathrm{target}) + 0.1", "*", oracle=f"np.sum(({TM_P} - 0.9 * {TM_Y} - 0.1) / N, axis=0)", style="timm-ls-b2-tilde-Y-not-spread")
C(TM, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\big(\operatorname{softmax}(\mathrm{logits}) - \tilde{Y}\big), \quad \tilde{Y} = \mathrm{confidence}\cdot\operatorname{onehot}(\mathrm{target}) + \frac{\mathrm{smoothing}}{C}", oracle=TM_W2, style="timm-ls-W2-named-constants", note="relabelled right in round 46 (was wrong while the spec declared confidence and smoothing independent): the spec now writes timm's own tie, confidence = \"1 - smoothing\", so P − Ỹ holds at every value of smoothing")

# ---- more course-network answers (Chinese homework on the two _cn networks, a CS231n picks remark, a Fourier-feature chain)
C(MB, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial \mathrm{logits}}\frac{\partial \mathrm{logits}}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\big(\operatorname{sigmoid}(\mathrm{logits}) - y\big)", oracle=MB_W2, lang=Z, style="zh-ms-mint-W2-leibniz-chain")
C(MB, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{N}\mathbf{1}^{\top}\big(\operatorname{sigmoid}(\mathrm{logits}) - y\big) + 2\times 10^{-3}\,b_2", "*", oracle=f"{MB_B2} + 2e-3 * b2", lang=Z, style="zh-ms-mint-b2-l2-on-bias", note="L2 只作用于 W1")
C(MB, "W1", N, "∂L/∂W1 = xᵀ·[(sigmoid(logits) − y)/N · W2ᵀ ⊙ 𝟙(hidden > 0)] + 2e−3·W1", oracle=MB_W1, lang=Z, style="zh-ms-mint-W1-one-line-unicode-e")
C(PS, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\operatorname{clip}(\mathrm{label} - \mathrm{pred}, -0.5, 0.5)", "sign", oracle=f"-({PS_W2})", lang=Z, style="zh-paddle-sl1-W2-clip-sign")
C(PS, "b2", N, "∂L/∂b2 = Σᵢ clip(pred − label, −0.5, 0.5)ᵢ", "scale-factor", oracle=f"{PS_B2} * N", lang=Z, style="zh-paddle-sl1-b2-typed-no-mean")
C(FF, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{2}{N}\sum_{i=1}^{N}(\mathrm{out}_i - y_i)\,\mathrm{out}_i(1 - \mathrm{out}_i)", oracle=FF_B2, style="fourier-b2-sum-i")
C(CP, "W", N, "dscores = probs.copy(); dscores[range(N), y] −= 1 ⇒ ∂L/∂W = Xᵀ·dscores/N + reg·W", REFUSE, style="cs231n-picks-W-inplace-typed-mix", note="a NumPy in-place pick typed with −= and ⇒ in one line: neither code nor maths")
C(TM, "b2", N, "∂L/∂b2 = Σᵢ(softmax(logits) − onehot(target))ᵢ / N", "*", oracle=f"np.sum(({TM_P} - {TM_Y}) / N, axis=0)", style="timm-ls-b2-no-smoothing")
C(TM, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{N}\,\mathrm{hidden}^{\top}\Big(P - 0.9\,\operatorname{onehot}(\mathrm{target}) - \frac{0.1}{C}\Big)\,.", REFUSE, style="timm-ls-W2-onehot-trailing-period", note="relabelled after the first pass (was right): P is no name of the network and the answer does not define it (the other timm answers write P = softmax(logits))")

# ================================================================ hand numbers (issue 11 item 3's policy: the digits given, one unit in the last digit from 3 significant digits, < 2 digits too few)
C(T, "W1[0,0]", V, "−0.01367", style="v45-tiny-W1-00-4sf")
C(T, "W1[0,0]", V, "−0.01", "too-few-digits", style="v45-tiny-W1-00-one-digit", note="issue 11's own example: one significant digit for −0.0136681")
C(T, "W1[0,0]", V, "−0.014", style="v45-tiny-W1-00-2sf", note="−0.0136681 rounded to two significant digits")
C(T, "W2[0,0]", V, "∂E/∂W₂[0,0] ≈ −0.1139", style="v45-tiny-W2-00-statement")
C(T, "W2[0,0]", V, "−0.1172", "wrong-entry", style="v45-tiny-W2-00-other-entry", note="−0.1172 is W2[1,0]")
C(E, "w[0,0]", V, "−0.06123", style="v45-neuron-w0-4sf")
C(E, "w[0,0]", V, "0.06123", "sign", style="v45-neuron-w0-sign")
C(E, "w[0,0]", V, "−0.06", "too-few-digits", style="v45-neuron-w0-one-digit")
C(CH, "b", V, "20", style="v45-chain-b-20")
C(CH, "b", V, "40", "*", style="v45-chain-b-40", note="40 is ∂L/∂w")
C(CH, "w", V, "40.4", "*", style="v45-chain-w-40-4", note="every intermediate of chain is an exact integer: no rounding explains 40.4 for 40")
C(M, "W2[0,0]", V, "−0.1763", style="v45-mlp-W2-00")
C(M, "W2[0,0]", V, "−0.1762", style="v45-mlp-W2-00-one-unit", note="−0.176283: 0.8 of a unit in the fourth digit, within one unit (≥ 3 significant digits)")
C(M, "W2[0,0]", V, "−0.1770", "*", style="v45-mlp-W2-00-seven-units", note="seven units off in the fourth digit")
C(M, "W2[0,0]", V, "−0.3526", "*", style="v45-mlp-W2-00-doubled", note="twice the gradient (the 1/m of a batch of 2 left out)")
C(M, "W2[1,0]", V, "−0.008985", style="v45-mlp-W2-10")
C(M, "W2[1,0]", V, "−0.0090", style="v45-mlp-W2-10-2sf-trailing-zero")
C(M, "W1[1,1]", V, "0.07908", style="v45-mlp-W1-11")
C(M, "b2[0,0]", V, "0.0603", style="v45-mlp-b2-3sf-one-unit", note="0.060378: 0.78 of a unit in the third significant digit")
C(R, "w2[0,0]", V, "−0.7479", style="v45-relu-w2-00")
C(R, "w2[0,0]", V, "−0.3739", "*", style="v45-relu-w2-00-halved", note="half the gradient: Σ(·)² read as ½Σ(·)²")
C(R, "w1[0,0]", V, "1.407", style="v45-relu-w1-00")
C(R, "w1[0,0]", V, "1.4", style="v45-relu-w1-00-2sf")
C(R, "w1[1,1]", V, "−0.2755", style="v45-relu-w1-11")
C(S, "W[0,0]", V, "0.5849", style="v45-softmax-W-00")
C(S, "b[0,2]", V, "−0.2975", style="v45-softmax-b-02")
C(S, "b[0,2]", V, "0.2975", "sign", style="v45-softmax-b-02-sign")
C(B, "gamma[0,0]", V, "0.7266", style="v45-bn-gamma-00")
C(B, "beta[0,0]", V, "0.10", style="v45-bn-beta-00-2sf", note="the exact value is 1/10")
C(B, "beta[0,0]", V, "0.1", "too-few-digits", style="v45-bn-beta-00-one-digit", note="one significant digit is too few to judge by the policy, even where the value is exactly 0.1")
C(R2, "W_x[0,0]", V, "−0.1912", style="v45-rnn-Wx-00")
C(R2, "b[0,0]", V, "−0.2234", style="v45-rnn-b-00")
C(A, "W_v[0,0]", V, "−0.1300", style="v45-attention-Wv-00-trailing-zero")
C(MW, "W2[0,0]", V, "−0.4236", style="v45-weighted-W2-00")
C(M, "W2[0,0]", V, "答：约为 −0.1763", lang=Z, style="zh-v45-mlp-W2-00-yuewei")
C(M, "W2[0,0]", V, "答：约为 −0.01763", "*", lang=Z, style="zh-v45-mlp-W2-00-decimal-shift", note="小数点错了一位（十分之一）")
C(R, "w1[1,1]", V, "≈ −0.2755（四舍五入）", lang=Z, style="zh-v45-relu-w1-11-remark")
C(S, "b[0,0]", V, "答：−0.07346", lang=Z, style="zh-v45-softmax-b-00")
C(S, "b[0,0]", V, "答：−0.07", "too-few-digits", lang=Z, style="zh-v45-softmax-b-00-one-digit")
C(E, "w[0,1]", V, "解：−0.03674", lang=Z, style="zh-v45-neuron-w1-jie")
C(B, "gamma[0,0]", V, "约 0.727", lang=Z, style="zh-v45-bn-gamma-00-3sf")
C(CH, "x", V, "答：60.0", lang=Z, style="zh-v45-chain-x-60-0")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c45t-000, … as written; cases repeating corpora 2-44t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus45t", "c45t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
