"""The held-out-style corpus of issue 11, thirty-ninth round, text side (``c39t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — Goodfellow, Bengio &
Courville ch. 6's algorithm boxes (``\\boldsymbol{g} \\leftarrow \\nabla_{\\hat y} L``, the same name
reassigned line after line, ``g ← g ⊙ f'(a^{(k)})``), Bishop's PRML (``\\delta_k = y_k - t_k`` where it
holds and where it does not, probit regression's ``\\mathcal{N}(a_n|0,1)``), Murphy's PML
heteroscedastic regression (``\\oslash``, ``\\boldsymbol w_\\mu``), Stanford CS229's update rules
(``\\theta := \\theta - \\alpha …``, per-example sums over ``x^{(i)}``, gradient ascent on the
log-likelihood), MIT 6.036's column-major ``\\partial loss/\\partial W^L = A^{L-1}(\\partial loss/\\partial
Z^L)^T``, UFLDL's softmax with one example per column, Ng's Coursera ex4 (``\\Theta^{(2)}``, the bias
column left out of the penalty, ``\\Theta^{(2)}_{:,1:}`` in a bmatrix, δ^{(3)}, Δ, D), 周志华《机器学习》
(西瓜书) BP's ``g_j``/``e_h`` with its sign and learning-rate conventions (an update step Δw is
refused by the written policy, an update rule ``w ← w + η g x`` is read as the gradient it
applies), 邱锡鹏《神经网络与深度学习》's softmax regression, Overleaf handouts (``\\bm``, ``\\mathbf``,
``\\otimes`` misused for ⊙, ``\\text{diag}``), Word equations pasted as Unicode maths, WeChat / 知乎
text; round-38 leftovers (vec/Kronecker forms, ``W [2]`` from a PDF, Raschka's ``w^{(out)}_{2}``);
answer keys of three exercise variants (neuron v2/9, mlp-bce v4/5, chain v5/3); seven course
networks no corpus had used (Ng's ex4 with np.hstack bias columns, UFLDL's column-major softmax,
邱锡鹏's softmax regression with logsumexp and L2, Bishop's probit regression, Murphy's
heteroscedastic regression, log-cosh regression, UvA tutorial 2's XOR classifier); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex39"). Oracles: PyTorch
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
NG = str(COURSE / "hn39t_ng_ex4_colmajor_vstack_bias_row.toml")
UF = str(COURSE / "hn39t_ufldl_softmax_colmajor_plain.toml")
QI = str(COURSE / "hn38_qiu_softmax_regression_logsumexp_l2_cn.toml")
BP = str(COURSE / "hn15_bishop_probit.toml")
MU = str(COURSE / "hn17_murphy_heteroscedastic.toml")
LC = str(COURSE / "logcosh.toml")
LF = str(COURSE / "hn15_layer_function_names.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# neuron v2/9: x = [0.3, 0.5, 0.2], w = [-0.3, 0.1, -0.5], t = 0.6; mlp-bce v4/5; chain v5/3
# (x = 0.5, w = 0.3, b = -0.1): gradients by PyTorch float64 at those values
KE, KM, KC = K(E, 2, 9), K(M, 4, 5), K(CH, 5, 3)

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

# course-network oracles (NumPy over the spec's own values, run in PyTorch by tests/spelled_oracle.py)
NG_T2 = "(h_x - Y) @ a2.T / m + lam / m * np.hstack([np.zeros((K, 1)), Theta2[:, 1:]])"
NG_D2 = "(Theta2[:, 1:].T @ (h_x - Y) * sigmoid(z2) * (1 - sigmoid(z2)))"
NG_T1 = f"{NG_D2} @ a1.T / m + lam / m * np.hstack([np.zeros((h, 1)), Theta1[:, 1:]])"
UF_W = "(P - Y) @ X.T / m"
UF_B = "np.sum(P - Y, axis=1, keepdims=True) / m"
QP = "(np.exp(z) / np.exp(z).sum(1, keepdims=True))"
QY = "np.eye(C)[y.astype(int)]"
QI_W = f"X.T @ ({QP} - {QY}) / N + lam * W"
QI_B = f"np.sum({QP} - {QY}, axis=0) / N"
DEN = "(np.exp(-a ** 2 / 2) / np.sqrt(2 * np.pi))"
BP_A = f"((y - t) / (y * (1 - y)) * {DEN})"
BP_W = f"phi.T @ {BP_A}"
MU_WMU = "x.T @ ((mu - y) / sigma ** 2) / N"
MU_WS = "x.T @ ((1 / sigma - (y - mu) ** 2 / sigma ** 3) * sigmoid(x @ w_sigma)) / N"
LC_W = "X.T @ np.tanh(r) / m"
LF_D3 = "(2 * (f3 - Y) / n)"
LF_W3 = f"g2.T @ {LF_D3}"
LF_D2 = f"({LF_D3} @ W3.T * g2 * (1 - g2))"
LF_W2 = f"phi1.T @ {LF_D2}"
LF_D1 = f"({LF_D2} @ W2.T * 2 * g1 * (1 - g1 ** 2))"
LF_W1 = f"X.T @ {LF_D1}"

# ================================================================ Goodfellow et al. ch. 6, algorithm 6.4 (g ← ∇_ŷ L, g reassigned, ⊙ f'(a))
C(T, "W2", L, r"\boldsymbol{g} \leftarrow \nabla_{\hat{y}} L = \hat{y} - y_{\mathrm{target}}, \qquad \nabla_{\boldsymbol{W}_2} L = \boldsymbol{h}^{\top}\boldsymbol{g}", oracle=TW2, style="goodfellow-g-tiny-W2")
C(T, "W2", L, r"\boldsymbol{g} \leftarrow \nabla_{\hat{y}} L = \hat{y} - y_{\mathrm{target}}, \qquad \nabla_{\boldsymbol{W}_2} L = \boldsymbol{g}\,\boldsymbol{h}", "*", style="goodfellow-g-tiny-W2-row")
C(T, "W1", L, "\\boldsymbol{g} \\leftarrow \\hat{y} - y_{\\mathrm{target}} \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g}\\,\\boldsymbol{W}_2^{\\top} \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g} \\odot \\sigma'(\\boldsymbol{X}\\boldsymbol{W}_1) \\\\\n\\nabla_{\\boldsymbol{W}_1} L = \\boldsymbol{X}^{\\top}\\boldsymbol{g}", oracle=TW1, style="goodfellow-algorithm-box-g-reassigned")
C(T, "W1", L, "\\boldsymbol{g} \\leftarrow \\hat{y} - y_{\\mathrm{target}} \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g}\\,\\boldsymbol{W}_2^{\\top} \\\\\n\\nabla_{\\boldsymbol{W}_1} L = \\boldsymbol{X}^{\\top}\\boldsymbol{g}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="goodfellow-algorithm-box-no-f-prime")
C(T, "W1", L, "\\boldsymbol{g} \\leftarrow \\hat{y} - y_{\\mathrm{target}} \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g} \\odot \\sigma'(\\boldsymbol{X}\\boldsymbol{W}_1) \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g}\\,\\boldsymbol{W}_2^{\\top} \\\\\n\\nabla_{\\boldsymbol{W}_1} L = \\boldsymbol{X}^{\\top}\\boldsymbol{g}", "*", style="goodfellow-algorithm-box-steps-swapped", note="σ′ taken on the output side: a 1 × 1 times a 1 × 2 row, then the shapes do not meet the weights")
C(T, "W1", N, "g ← ŷ − y_target\ng ← g W₂ᵀ\ng ← g ⊙ σ'(X W₁)\n∇_{W₁} L = Xᵀ g", oracle=TW1, style="goodfellow-unicode-box")
C(T, "W1", N, "g ← ŷ − y_target\ng ← g W₂ᵀ\ng ← g ⊙ σ(X W₁)\n∇_{W₁} L = Xᵀ g", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="goodfellow-unicode-box-sigma-not-prime")
C(M, "W1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(\boldsymbol{A}_2 - \boldsymbol{Y}),\quad \boldsymbol{g} \leftarrow \boldsymbol{g}\boldsymbol{W}_2^{\top} \odot \mathbb{1}[\boldsymbol{Z}_1 > 0],\quad \nabla_{\boldsymbol{W}_1} J = \boldsymbol{X}^{\top}\boldsymbol{g}", oracle=W1R, style="goodfellow-mlp-W1-inline")
C(M, "b1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(\boldsymbol{A}_2 - \boldsymbol{Y}),\quad \boldsymbol{g} \leftarrow \boldsymbol{g}\boldsymbol{W}_2^{\top} \odot \mathbb{1}[\boldsymbol{Z}_1 > 0],\quad \nabla_{\boldsymbol{b}_1} J = \mathbf{1}^{\top}\boldsymbol{g}", oracle=B1R, style="goodfellow-mlp-b1-ones")
C(M, "b1", L, r"\boldsymbol{g} \leftarrow \tfrac{1}{m}(\boldsymbol{A}_2 - \boldsymbol{Y}),\quad \boldsymbol{g} \leftarrow \boldsymbol{g}\boldsymbol{W}_2^{\top} \odot \mathbb{1}[\boldsymbol{Z}_1 > 0],\quad \nabla_{\boldsymbol{b}_1} J = \boldsymbol{g}", "bias-not-summed", style="goodfellow-mlp-b1-unsummed")
C(R, "w1", L, r"\boldsymbol{g} \leftarrow 2(\hat{\boldsymbol{y}} - \boldsymbol{y}),\ \boldsymbol{g} \leftarrow \boldsymbol{g}\,\boldsymbol{w}_2^{\top},\ \boldsymbol{g} \leftarrow \boldsymbol{g} \odot \operatorname{relu}'(\boldsymbol{h}),\ \nabla_{\boldsymbol{w}_1}\ell = \boldsymbol{x}^{\top}\boldsymbol{g}", oracle=RW1, style="goodfellow-relu-prime")
C(R, "w1", L, r"\boldsymbol{g} \leftarrow 2(\hat{\boldsymbol{y}} - \boldsymbol{y}),\ \boldsymbol{g} \leftarrow \boldsymbol{g}\,\boldsymbol{w}_2^{\top},\ \boldsymbol{g} \leftarrow \boldsymbol{g} \odot \operatorname{relu}'(\boldsymbol{h}),\ \nabla_{\boldsymbol{w}_1}\ell = \boldsymbol{g}^{\top}\boldsymbol{x}", "*", style="goodfellow-relu-prime-transposed")
C(R2, "W_h", L, r"\boldsymbol{g} \leftarrow (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2^{2}),\ \nabla_{W_h} L \leftarrow \boldsymbol{h}_1^{\top}\boldsymbol{g},\ \boldsymbol{g} \leftarrow \boldsymbol{g}W_h^{\top} \odot (1 - \boldsymbol{h}_1^{2}),\ \nabla_{W_h} L \leftarrow \nabla_{W_h} L + \boldsymbol{h}_0^{\top}\boldsymbol{g}", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2)) + h_0.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", style="goodfellow-bptt-accumulate")
C(R2, "W_h", L, r"\boldsymbol{g} \leftarrow (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2^{2}),\ \nabla_{W_h} L \leftarrow \boldsymbol{h}_1^{\top}\boldsymbol{g}", "*", oracle="h_1.T @ ((h_2 - y) * (1 - h_2 ** 2))", style="goodfellow-bptt-one-step")
C(LF, "W3", L, r"\boldsymbol{g} \leftarrow \nabla_{f_3} J = \frac{2}{n}(f_3 - Y), \qquad \nabla_{W_3} J = g_2^{\top}\boldsymbol{g}", oracle=LF_W3, style="goodfellow-layer-names-W3", note="the gradient g beside the network's activations g1, g2 (Goodfellow's g is the gradient)")
C(LF, "W3", L, r"\boldsymbol{g} \leftarrow \nabla_{f_3} J = \frac{1}{n}(f_3 - Y), \qquad \nabla_{W_3} J = g_2^{\top}\boldsymbol{g}", "scale-factor", oracle="g2.T @ (f3 - Y) / n", style="goodfellow-layer-names-W3-no-2")
C(LF, "W2", L, "\\boldsymbol{g} \\leftarrow \\frac{2}{n}(f_3 - Y) \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g}\\,W_3^{\\top} \\odot g_2 \\odot (1 - g_2) \\\\\n\\nabla_{W_2} J = \\phi_1^{\\top}\\boldsymbol{g}", oracle=LF_W2, style="goodfellow-layer-names-box-W2")
C(LF, "W2", L, "\\boldsymbol{g} \\leftarrow \\frac{2}{n}(f_3 - Y) \\\\\n\\boldsymbol{g} \\leftarrow \\boldsymbol{g}\\,W_3^{\\top} \\\\\n\\nabla_{W_2} J = \\phi_1^{\\top}\\boldsymbol{g}", "missing-activation-derivative", oracle=f"phi1.T @ ({LF_D3} @ W3.T)", style="goodfellow-layer-names-box-W2-no-sigma-prime")
C(LF, "W1", L, r"\boldsymbol{g} \leftarrow \frac{2}{n}(f^{[3]} - Y)W_3^{\top} \odot g^{[2]}(1 - g^{[2]}),\ \boldsymbol{g} \leftarrow \boldsymbol{g}W_2^{\top} \odot 2g^{[1]} \odot \big(1 - (g^{[1]})^{2}\big),\ \nabla_{W_1} J = X^{\top}\boldsymbol{g}", oracle=LF_W1, style="goodfellow-layer-names-bracket-superscripts")
C(LF, "W1", L, r"\boldsymbol{g} \leftarrow \frac{2}{n}(f^{[3]} - Y)W_3^{\top} \odot g^{[2]}(1 - g^{[2]}),\ \boldsymbol{g} \leftarrow \boldsymbol{g}W_2^{\top} \odot \big(1 - (g^{[1]})^{2}\big),\ \nabla_{W_1} J = X^{\top}\boldsymbol{g}", "*", oracle=f"X.T @ ({LF_D2} @ W2.T * (1 - g1 ** 2))", style="goodfellow-layer-names-square-feature-dropped", note="φ₁ = g₁²: its derivative 2g₁ left out")
C(LF, "W2", N, "g ← 2(f3 − Y)/n\ng ← g W3ᵀ ⊙ g2 ⊙ (1 − g2)\n∇_{W2} J = φ1ᵀ g", oracle=LF_W2, style="goodfellow-layer-names-unicode")
C(LF, "W2", N, "g ← 2(f3 − Y)/n\ng ← g W3ᵀ ⊙ g2\n∇_{W2} J = φ1ᵀ g", "*", oracle=f"phi1.T @ ({LF_D3} @ W3.T * g2)", style="goodfellow-layer-names-unicode-sigma-not-prime")
C(LF, "f2", L, r"\nabla_{f_2} J = \frac{2}{n}(f_3 - Y)W_3^{\top} \odot \sigma'(f_2)", oracle=LF_D2, style="goodfellow-layer-names-df2")
C(LF, "phi1", L, r"\frac{\partial J}{\partial \phi_1} = \Big(\frac{2}{n}(f_3 - Y)W_3^{\top} \odot g_2 \odot (1 - g_2)\Big)W_2^{\top}", oracle=f"{LF_D2} @ W2.T", style="goodfellow-layer-names-dphi1")
C(LF, "phi1", L, r"\frac{\partial J}{\partial \phi_1} = \Big(\frac{2}{n}(f_3 - Y)W_3^{\top} \odot g_2 \odot (1 - g_2)\Big)W_2", "*", style="goodfellow-layer-names-dphi1-W2-untransposed")

# ================================================================ Bishop PRML (δ_k = y_k − t_k where it holds; hidden δ_j; probit regression)
C(M, "W2", L, r"\delta_k = y_k - t_k \;\Rightarrow\; \frac{\partial E}{\partial \boldsymbol{W}_2} = \frac{1}{m}\boldsymbol{A}_1^{\top}(\boldsymbol{A}_2 - \boldsymbol{Y})", oracle=W2R, style="bishop-canonical-link-W2")
C(E, "w", L, r"\delta = O - t, \qquad \frac{\partial E}{\partial \boldsymbol{w}} = \delta\,\boldsymbol{x}", "missing-activation-derivative", oracle="(O - t) * x", style="bishop-canonical-link-misapplied", note="δ = y − t holds for a canonical link (sigmoid with cross-entropy); with a sigmoid under a squared error σ′ stays")
C(E, "w", L, r"\delta = (O - t)\,O(1 - O), \qquad \frac{\partial E}{\partial \boldsymbol{w}} = \delta\,\boldsymbol{x}", oracle=EW, style="bishop-delta-squared-error")
C(T, "w12", L, r"\frac{\partial E}{\partial w_{12}} = \delta_2\, x_1, \qquad \delta_2 = h_2(1 - h_2)\, v_2\,\delta_{\mathrm{out}}, \quad \delta_{\mathrm{out}} = \hat{y} - y", style="bishop-hidden-delta-entry")
C(T, "w12", L, r"\frac{\partial E}{\partial w_{12}} = \delta_2\, x_1, \qquad \delta_2 = h_2(1 - h_2)\, v_1\,\delta_{\mathrm{out}}, \quad \delta_{\mathrm{out}} = \hat{y} - y", "*", style="bishop-hidden-delta-entry-wrong-weight")
C(M, "W1", L, r"\boldsymbol{\delta}^{(2)} = \tfrac{1}{m}(\boldsymbol{A}_2 - \boldsymbol{Y}), \quad \boldsymbol{\delta}^{(1)} = h'(\boldsymbol{Z}_1) \odot \big(\boldsymbol{\delta}^{(2)}\boldsymbol{W}_2^{\top}\big), \quad h'(a) = \mathbb{1}[a > 0], \quad \frac{\partial E}{\partial \boldsymbol{W}_1} = \boldsymbol{X}^{\top}\boldsymbol{\delta}^{(1)}", oracle=W1R, style="bishop-h-prime-defined")
C(M, "W1", L, r"\boldsymbol{\delta}^{(2)} = \tfrac{1}{m}(\boldsymbol{A}_2 - \boldsymbol{Y}), \quad \boldsymbol{\delta}^{(1)} = h'(\boldsymbol{Z}_1) \odot \big(\boldsymbol{\delta}^{(2)}\boldsymbol{W}_2^{\top}\big), \quad \frac{\partial E}{\partial \boldsymbol{W}_1} = \boldsymbol{X}^{\top}\boldsymbol{\delta}^{(1)}", REFUSE, style="bishop-h-prime-undefined", note="Bishop's h is the hidden activation function; here h′ is never defined and the network has no h: refused naming the names")
C(BP, "w", L, r"\nabla E(\mathbf{w}) = \sum_{n=1}^{N} \frac{y_n - t_n}{y_n(1 - y_n)}\,\frac{1}{\sqrt{2\pi}}\,e^{-a_n^{2}/2}\,\boldsymbol{\phi}_n", oracle=BP_W, style="bishop-probit-sum-n")
C(BP, "w", L, r"\nabla E(\mathbf{w}) = \sum_{n=1}^{N} \frac{y_n - t_n}{y_n(1 - y_n)}\,\mathcal{N}(a_n \mid 0, 1)\,\boldsymbol{\phi}_n", oracle=BP_W, style="bishop-probit-normal-density", note="𝒩(a|0,1) is the standard normal density, the probit's derivative")
C(BP, "w", L, r"\nabla E(\mathbf{w}) = \sum_{n=1}^{N} (y_n - t_n)\,\boldsymbol{\phi}_n", "*", oracle="phi.T @ (y - t)", style="bishop-probit-as-logistic", note="the logistic-regression gradient: the probit is no canonical link")
C(BP, "w", L, r"\nabla E(\mathbf{w}) = \sum_{n=1}^{N} \frac{t_n - y_n}{y_n(1 - y_n)}\,\frac{1}{\sqrt{2\pi}}\,e^{-a_n^{2}/2}\,\boldsymbol{\phi}_n", "sign", oracle=f"-{BP_W}", style="bishop-probit-sign")
C(BP, "a", L, r"\frac{\partial E}{\partial a_n} = \frac{y_n - t_n}{y_n(1 - y_n)}\cdot\frac{\exp(-a_n^{2}/2)}{\sqrt{2\pi}}", oracle=BP_A, style="bishop-probit-da")
C(BP, "a", L, r"\frac{\partial E}{\partial a_n} = \frac{y_n - t_n}{y_n(1 - y_n)}\cdot\frac{\exp(-a_n^{2})}{\sqrt{2\pi}}", "*", style="bishop-probit-da-exp-no-half")
C(BP, "w", L, r"\nabla_{\mathbf{w}} E = \boldsymbol{\phi}^{\mathrm{T}}\Big[\frac{\mathbf{y} - \mathbf{t}}{\mathbf{y} \odot (1 - \mathbf{y})} \odot \frac{e^{-\mathbf{a}^{2}/2}}{\sqrt{2\pi}}\Big]", oracle=BP_W, style="bishop-probit-matrix")
C(BP, "w", L, r"\nabla_{\mathbf{w}} E = \Big[\frac{\mathbf{y} - \mathbf{t}}{\mathbf{y} \odot (1 - \mathbf{y})} \odot \frac{e^{-\mathbf{a}^{2}/2}}{\sqrt{2\pi}}\Big]^{\mathrm{T}}\boldsymbol{\phi}", "*", style="bishop-probit-row-gradient", note="a 1 × M row for the M × 1 w (numerator layout)")
C(BP, "y", L, r"\frac{\partial E}{\partial y_n} = \frac{y_n - t_n}{y_n(1 - y_n)}", oracle="(y - t) / (y * (1 - y))", style="bishop-probit-dy")
C(BP, "y", L, r"\frac{\partial E}{\partial y_n} = -\frac{t_n}{y_n} + \frac{1 - t_n}{1 - y_n}", oracle="(y - t) / (y * (1 - y))", style="bishop-probit-dy-two-terms")
C(BP, "y", L, r"\frac{\partial E}{\partial y_n} = -\frac{t_n}{y_n} - \frac{1 - t_n}{1 - y_n}", "*", oracle="-t / y - (1 - t) / (1 - y)", style="bishop-probit-dy-sign-of-second")
C(BP, "w[0,0]", V, "0.9451", style="v-probit-w0")
C(BP, "w[1,0]", V, "0.789", style="v-probit-w1-3sf")
C(BP, "w[1,0]", V, "0.9451", "wrong-entry", style="v-probit-w1-other-entry")

# ================================================================ Murphy PML 2.6 heteroscedastic regression (∇ NLL, ⊘, w_μ / w_σ)
C(MU, "w_mu", L, r"\nabla_{\boldsymbol{w}_\mu}\mathrm{NLL} = \frac{1}{N}\sum_{n=1}^{N}\frac{\mu_n - y_n}{\sigma_n^{2}}\,\boldsymbol{x}_n", oracle=MU_WMU, style="murphy-w-mu-sum")
C(MU, "w_mu", L, r"\nabla_{\boldsymbol{w}_\mu}\mathrm{NLL} = \frac{1}{N}\sum_{n=1}^{N}(\mu_n - y_n)\,\boldsymbol{x}_n", "*", oracle="x.T @ (mu - y) / N", style="murphy-w-mu-no-sigma", note="homoscedastic with σ = 1: σₙ² left out")
C(MU, "w_mu", L, r"\nabla_{\boldsymbol{w}_\mu}\mathrm{NLL} = \frac{1}{N}\boldsymbol{x}^{\top}\big((\boldsymbol{\mu} - \boldsymbol{y}) \oslash \boldsymbol{\sigma}^{2}\big)", oracle=MU_WMU, style="murphy-w-mu-oslash")
C(MU, "w_mu", L, r"\nabla_{\boldsymbol{w}_\mu}\mathrm{NLL} = \frac{1}{N}\boldsymbol{x}^{\top}\big((\boldsymbol{y} - \boldsymbol{\mu}) \oslash \boldsymbol{\sigma}^{2}\big)", "sign", oracle=f"-{MU_WMU}", style="murphy-w-mu-oslash-sign")
C(MU, "w_sigma", L, r"\nabla_{\boldsymbol{w}_\sigma}\mathrm{NLL} = \frac{1}{N}\boldsymbol{x}^{\top}\Big[\Big(\frac{1}{\boldsymbol{\sigma}} - \frac{(\boldsymbol{y} - \boldsymbol{\mu})^{2}}{\boldsymbol{\sigma}^{3}}\Big) \odot \operatorname{sigmoid}(\boldsymbol{x}\boldsymbol{w}_\sigma)\Big]", oracle=MU_WS, style="murphy-w-sigma-softplus-prime")
C(MU, "w_sigma", L, r"\nabla_{\boldsymbol{w}_\sigma}\mathrm{NLL} = \frac{1}{N}\boldsymbol{x}^{\top}\Big(\frac{1}{\boldsymbol{\sigma}} - \frac{(\boldsymbol{y} - \boldsymbol{\mu})^{2}}{\boldsymbol{\sigma}^{3}}\Big)", "*", oracle="x.T @ (1 / sigma - (y - mu) ** 2 / sigma ** 3) / N", style="murphy-w-sigma-no-softplus-prime")
C(MU, "w_sigma", L, r"\nabla_{\boldsymbol{w}_\sigma}\mathrm{NLL} = \frac{1}{N}\boldsymbol{x}^{\top}\Big[\Big(\frac{1}{\boldsymbol{\sigma}} - \frac{(\boldsymbol{y} - \boldsymbol{\mu})^{2}}{\boldsymbol{\sigma}^{2}}\Big) \odot \operatorname{sigmoid}(\boldsymbol{x}\boldsymbol{w}_\sigma)\Big]", "*", style="murphy-w-sigma-power-2")
C(MU, "sigma", L, r"\frac{\partial\,\mathrm{NLL}}{\partial \sigma_n} = \frac{1}{N}\Big(\frac{1}{\sigma_n} - \frac{(y_n - \mu_n)^{2}}{\sigma_n^{3}}\Big)", oracle="(1 / sigma - (y - mu) ** 2 / sigma ** 3) / N", style="murphy-dsigma")
C(MU, "mu", L, r"\frac{\partial\,\mathrm{NLL}}{\partial \mu_n} = \frac{\mu_n - y_n}{N\sigma_n^{2}}", oracle="(mu - y) / (N * sigma ** 2)", style="murphy-dmu")
C(MU, "mu", N, "∂NLL/∂μ = (μ − y) ⊘ σ² / N", oracle="(mu - y) / (N * sigma ** 2)", style="murphy-dmu-unicode-oslash")
C(MU, "w_mu[0]", V, "0.5573", style="v-murphy-w-mu-0")
C(MU, "w_sigma[1]", V, "0.02394", style="v-murphy-w-sigma-1")
C(MU, "w_sigma[1]", V, "0.0239", style="v-murphy-w-sigma-1-3sf")

# ================================================================ Stanford CS229 (θ := θ − α…, x^{(i)} sums, gradient ascent on ℓ)
C(LC, "w", L, r"w := w - \alpha\,\frac{1}{m}\sum_{i=1}^{m} \tanh\big(r^{(i)}\big)\, x^{(i)}", oracle=LC_W, style="cs229-update-tanh-sum-i")
C(LC, "w", L, r"w := w + \alpha\,\frac{1}{m}\sum_{i=1}^{m} \tanh\big(r^{(i)}\big)\, x^{(i)}", "sign", oracle=f"-{LC_W}", style="cs229-ascent-on-a-loss")
C(LC, "w", L, r"w := w - \alpha\,\frac{1}{m}\sum_{i=1}^{m} \tanh\big(w^{\top}x^{(i)} - y^{(i)}\big)\, x^{(i)}", oracle=LC_W, style="cs229-update-wTx-minus-y")
C(LC, "w", L, r"\frac{\partial L}{\partial w} = \frac{1}{m}\sum_{i=1}^{m} \sinh\big(r^{(i)}\big)\, x^{(i)}", "*", oracle="X.T @ np.sinh(r) / m", style="cs229-sinh-for-tanh")
C(LC, "w", L, r"\nabla_w L = \frac{1}{m} X^{T}\tanh(Xw - y)", oracle=LC_W, style="cs229-matrix-tanh")
C(LC, "w", L, r"\nabla_w L = \frac{1}{m} X^{T}\tanh(Xw - y)\;\text{ and }\; w \leftarrow w - \alpha \nabla_w L", oracle=LC_W, style="cs229-matrix-then-rule")
C(LC, "w", L, r"\nabla_w L = \alpha\,\frac{1}{m} X^{T}\tanh(Xw - y)", "scale-factor", style="cs229-rate-in-gradient")
C(LC, "w", N, "grad = (1/m) * X^T tanh(X w - y)", oracle=LC_W, style="wolfram-plain-tanh")
C(LC, "w", N, "grad = (1/m) * X^T (1/cosh(X w - y))^2", "*", oracle="X.T @ (1 / np.cosh(r)) ** 2 / m", style="wolfram-sech-squared", note="sech² is tanh's own derivative")
C(LC, "r", L, r"\frac{\partial L}{\partial r^{(i)}} = \frac{1}{m}\tanh\big(r^{(i)}\big)", oracle="np.tanh(r) / m", style="cs229-dr-i")
C(LC, "r", L, r"\frac{\partial L}{\partial r^{(i)}} = \frac{1}{m}\,\frac{e^{r^{(i)}} - e^{-r^{(i)}}}{e^{r^{(i)}} + e^{-r^{(i)}}}", oracle="np.tanh(r) / m", style="cs229-dr-i-exp-form")
C(LC, "w[0,0]", V, "0.2798", style="v-logcosh-w0")
C(LC, "w[1,0]", V, "0.2038", style="v-logcosh-w1")
C(LC, "w[1,0]", V, "0.2798", "wrong-entry", style="v-logcosh-w1-other-entry")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m}\sum_{i=1}^{m} x^{(i)}\big(p^{(i)} - y^{(i)}\big)^{\top}", oracle=SW, style="cs229-softmax-outer-sum-i")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m}\sum_{i=1}^{m} \big(p^{(i)} - y^{(i)}\big) x^{(i)\top}", "*", style="cs229-softmax-outer-sum-i-transposed")
C(S, "W", L, r"W := W + \alpha\,\frac{1}{m}\sum_{i=1}^{m} x^{(i)}\big(y^{(i)} - p^{(i)}\big)^{\top}", oracle=SW, style="cs229-ascent-on-log-likelihood", note="ascent on ℓ = −mL with the log-likelihood's gradient: the loss's gradient is right")
C(S, "W", L, r"W := W - \alpha\,\frac{1}{m}\sum_{i=1}^{m} x^{(i)}\big(y^{(i)} - p^{(i)}\big)^{\top}", "sign", oracle="X.T @ (Y - P) / m", style="cs229-descent-with-likelihood-gradient")
C(S, "b", L, r"b := b - \alpha\,\frac{1}{m}\sum_{i=1}^{m}\big(p^{(i)} - y^{(i)}\big)^{\top}", oracle=SB, style="cs229-bias-update")
C(UF, "W", L, r"\nabla_{W} J = \frac{1}{m}\sum_{i=1}^{m}\big(p^{(i)} - y^{(i)}\big)\,x^{(i)\top}", oracle=UF_W, style="ufldl-colmajor-outer-sum-i")
C(UF, "W", L, r"\nabla_{W} J = \frac{1}{m}\sum_{i=1}^{m} x^{(i)}\big(p^{(i)} - y^{(i)}\big)^{\top}", "*", style="ufldl-colmajor-row-major-habit", note="the row-major habit on one-example-per-column data: k × n wanted, n × k given")
C(UF, "W", L, r"\nabla_{W} J = \frac{1}{m}(P - Y)X^{\top}", oracle=UF_W, style="ufldl-colmajor-matrix")
C(UF, "W", L, r"\nabla_{W} J = \frac{1}{m}X^{\top}(P - Y)", "*", style="ufldl-colmajor-matrix-row-major-habit")
C(UF, "W", L, r"\nabla_{W} J = \frac{1}{m}(Y - P)X^{\top}", "sign", oracle=f"-{UF_W}", style="ufldl-colmajor-sign")
C(UF, "b", L, r"\nabla_{b} J = \frac{1}{m}(P - Y)\mathbf{1}_m", oracle=UF_B, style="ufldl-colmajor-b-ones")
C(UF, "b", L, r"\nabla_{b} J = \frac{1}{m}(P - Y)", "bias-not-summed", style="ufldl-colmajor-b-unsummed")
C(UF, "b", L, r"\nabla_{b} J = \frac{1}{m}\mathbf{1}^{\top}(P - Y)", "*", style="ufldl-colmajor-b-wrong-side")
C(UF, "W", L, r"\nabla_{\theta^{(j)}} J(\theta) = -\frac{1}{m}\sum_{i=1}^{m}\Big[x^{(i)}\big(1\{y^{(i)} = j\} - P(y^{(i)} = j \mid x^{(i)}; \theta)\big)\Big]", REFUSE, style="ufldl-per-class-row", note="one class's row with UFLDL's probability notation: neither θ nor P(y = j | x; θ) is a name of the network")
C(UF, "W[0,1]", V, "0.05786", style="v-ufldl-W01")
C(UF, "b[2,0]", V, "0.1041", style="v-ufldl-b2")
C(UF, "b[2,0]", V, "0.0347", "*", style="v-ufldl-b2-third", note="b's gradient divided by k = 3 once more")
C(UF, "W", V, r"\begin{bmatrix} 0.009317 & 0.05786 \\ 0.2112 & 0.1333 \\ -0.2205 & -0.1912 \end{bmatrix}", style="v-ufldl-W-bmatrix")
C(UF, "W", V, r"\begin{bmatrix} 0.009317 & 0.2112 & -0.2205 \\ 0.05786 & 0.1333 & -0.1912 \end{bmatrix}", "shape-mismatch", style="v-ufldl-W-bmatrix-transposed")

# ================================================================ MIT 6.036 / 6.390 (column-major: Z^L = W^{L T} A^{L-1}; W^L without brackets)
C(UF, "W", L, r"\frac{\partial \text{loss}}{\partial W} = \frac{\partial \text{loss}}{\partial Z}\, X^{T}, \qquad \frac{\partial \text{loss}}{\partial Z} = \frac{1}{m}(P - Y)", oracle=UF_W, style="mit-colmajor-dZ-XT")
C(UF, "W", L, r"\frac{\partial \text{loss}}{\partial W} = X\left(\frac{\partial \text{loss}}{\partial Z}\right)^{T}, \qquad \frac{\partial \text{loss}}{\partial Z} = \frac{1}{m}(P - Y)", "*", style="mit-colmajor-formula-copied", note="6.036's A^{L-1}(∂loss/∂Z^L)^T is for Z = WᵀA; here Z = WX, so it is the transpose")
C(UF, "Z", L, r"\frac{\partial \text{loss}}{\partial Z} = \frac{1}{m}(P - Y)", oracle="(P - Y) / m", style="mit-colmajor-dZ")
C(UF, "Z", L, r"\frac{\partial \text{loss}}{\partial Z} = P - Y", "scale-factor", oracle="P - Y", style="mit-colmajor-dZ-no-m")
C(M, "W2", L, r"\frac{\partial \mathrm{loss}}{\partial W^{2}} = \left(A^{1}\right)^{T}\frac{\partial \mathrm{loss}}{\partial Z^{2}}, \qquad \frac{\partial \mathrm{loss}}{\partial Z^{2}} = \frac{1}{m}\left(A^{2} - Y\right)", oracle=W2R, style="mit-layer-superscript-row-major")
C(M, "W2", L, r"\frac{\partial \mathrm{loss}}{\partial W^{2}} = A^{1}\left(\frac{\partial \mathrm{loss}}{\partial Z^{2}}\right)^{T}, \qquad \frac{\partial \mathrm{loss}}{\partial Z^{2}} = \frac{1}{m}\left(A^{2} - Y\right)", "*", style="mit-layer-superscript-colmajor-copied")
C(M, "Z1", L, r"\frac{\partial \mathrm{loss}}{\partial Z^{1}} = \frac{\partial \mathrm{loss}}{\partial A^{1}} * \frac{\partial A^{1}}{\partial Z^{1}} = \Big(\frac{1}{m}\left(A^{2} - Y\right) \left(W^{2}\right)^{T}\Big) * \operatorname{step}\left(Z^{1}\right)", oracle="(A2 - Y) / m @ W2.T * (Z1 > 0)", style="mit-star-hadamard-step")

# ================================================================ Ng, Coursera ML ex4 (Θ^{(l)} units × inputs+1, δ^{(3)}, Δ, D, the bias column unpenalised)
C(NG, "Theta2", L, r"\delta^{(3)} = a^{(3)} - y, \quad \frac{\partial J}{\partial \Theta^{(2)}} = \frac{1}{m}\delta^{(3)}\big(a^{(2)}\big)^{T} + \frac{\lambda}{m}\begin{bmatrix} \mathbf{0} & \Theta^{(2)}_{:,1:} \end{bmatrix}", REFUSE, style="ng-ex4-a3-unknown", note="a^{(3)} is h_x in this spec and y is Y: refused naming the names")
C(NG, "Theta2", L, r"\frac{\partial J}{\partial \Theta^{(2)}} = \frac{1}{m}(h_x - Y)\,a_2^{T} + \frac{\lambda}{m}\begin{bmatrix} \mathbf{0} & \Theta^{(2)}_{:,1:} \end{bmatrix}", oracle=NG_T2, style="ng-ex4-theta2-bmatrix-slice")
C(NG, "Theta2", L, r"\frac{\partial J}{\partial \Theta^{(2)}} = \frac{1}{m}(h_x - Y)\,a_2^{T} + \frac{\lambda}{m}\Theta^{(2)}", "*", oracle="(h_x - Y) @ a2.T / m + lam / m * Theta2", style="ng-ex4-theta2-bias-penalised")
C(NG, "Theta2", L, r"\frac{\partial J}{\partial \Theta^{(2)}} = \frac{1}{m}(h_x - Y)\,a_2^{T}", "*", oracle="(h_x - Y) @ a2.T / m", style="ng-ex4-theta2-no-penalty")
C(NG, "Theta2", L, r"\frac{\partial J}{\partial \Theta^{(2)}} = \frac{1}{m}a_2(h_x - Y)^{T} + \frac{\lambda}{m}\begin{bmatrix} \mathbf{0} & \Theta^{(2)}_{:,1:} \end{bmatrix}", "*", style="ng-ex4-theta2-transposed")
C(NG, "Theta2", L, r"\Delta^{(2)} = (h_x - Y)\big(a^{(2)}\big)^{T}, \qquad D^{(2)} = \frac{1}{m}\Delta^{(2)} + \frac{\lambda}{m}\big[\,\mathbf{0} \;\; \Theta^{(2)}_{:,1:}\,\big]", oracle=NG_T2, style="ng-ex4-Delta-D-brackets")
C(NG, "Theta2", N, "Theta2_grad = (h_x - Y) * a2' / m + (lam / m) * [zeros(K, 1), Theta2(:, 2:end)]", oracle=NG_T2, style="ng-ex4-octave-one-based")
C(NG, "Theta2", N, "Theta2_grad = (h_x - Y) * a2' / m + (lam / m) * [zeros(K, 1), Theta2(:, 1:end)]", "*", style="ng-ex4-octave-whole-theta")
C(NG, "Theta1", L, r"\delta^{(2)} = \big(\Theta^{(2)}_{:,1:}\big)^{T}(h_x - Y) \odot g'\big(z^{(2)}\big),\ g'(z) = \sigma(z)(1 - \sigma(z)), \quad \frac{\partial J}{\partial \Theta^{(1)}} = \frac{1}{m}\delta^{(2)}\big(a^{(1)}\big)^{T} + \frac{\lambda}{m}\begin{bmatrix} \mathbf{0} & \Theta^{(1)}_{:,1:} \end{bmatrix}", oracle=NG_T1, style="ng-ex4-theta1-g-prime")
C(NG, "Theta1", L, r"\delta^{(2)} = \big(\Theta^{(2)}\big)^{T}(h_x - Y) \odot g'\big(z^{(2)}\big),\ g'(z) = \sigma(z)(1 - \sigma(z)), \quad \frac{\partial J}{\partial \Theta^{(1)}} = \frac{1}{m}\delta^{(2)}\big(a^{(1)}\big)^{T} + \frac{\lambda}{m}\begin{bmatrix} \mathbf{0} & \Theta^{(1)}_{:,1:} \end{bmatrix}", "*", style="ng-ex4-theta1-bias-row-kept", note="Θ⁽²⁾ᵀ with its bias row: 6 × m against z2's 5 × m")
C(NG, "Theta1", L, r"\delta^{(2)} = \big(\Theta^{(2)}_{:,1:}\big)^{T}(h_x - Y) \odot \sigma\big(z^{(2)}\big),\quad \frac{\partial J}{\partial \Theta^{(1)}} = \frac{1}{m}\delta^{(2)}\big(a^{(1)}\big)^{T} + \frac{\lambda}{m}\begin{bmatrix} \mathbf{0} & \Theta^{(1)}_{:,1:} \end{bmatrix}", "*", style="ng-ex4-theta1-sigma-not-prime")
C(NG, "Theta2[0,0]", V, "0.1172", style="v-ng-theta2-00")
C(NG, "Theta2[1,2]", V, "-0.1759", style="v-ng-theta2-12")
C(NG, "Theta1[1,1]", V, "0.1613", style="v-ng-theta1-11")
C(NG, "Theta1[2,0]", V, "-0.03831", style="v-ng-theta1-20")
C(NG, "Theta1[2,0]", V, "0.03831", "sign", style="v-ng-theta1-20-sign")

# ================================================================ 周志华《机器学习》(西瓜书) BP: g_j, e_h, Δw = η g b (sign and rate conventions)
C(E, "z", L, r"g = O(1 - O)(t - O), \qquad \frac{\partial E}{\partial z} = -g", oracle="(O - t) * O * (1 - O)", style="xigua-g-negative-gradient")
C(E, "z", L, r"g = O(1 - O)(t - O), \qquad \frac{\partial E}{\partial z} = g", "sign", oracle="(t - O) * O * (1 - O)", style="xigua-g-as-gradient")
C(E, "w", L, r"\Delta \boldsymbol{w} = \eta\, g\, \boldsymbol{x}, \quad g = O(1 - O)(t - O)", REFUSE, style="xigua-delta-w-update-step", note="the written policy (check.heldcheck13.update_step): an update step Δw is refused, the gradient asked for")
C(E, "w", L, r"\boldsymbol{w} \leftarrow \boldsymbol{w} + \eta\, g\, \boldsymbol{x}, \quad g = O(1 - O)(t - O)", oracle=EW, style="xigua-update-rule-ascent-with-g", note="a step of +η g x with g the negative gradient: the gradient applied is −g x")
C(E, "w", L, r"\boldsymbol{w} \leftarrow \boldsymbol{w} - \eta\, g\, \boldsymbol{x}, \quad g = O(1 - O)(t - O)", "sign", oracle="-(O - t) * O * (1 - O) * x", style="xigua-update-rule-descent-with-g")
C(M, "W1", L, "由西瓜书式 (5.10)、(5.15)，令 $\\boldsymbol{g} = \\boldsymbol{Y} - \\boldsymbol{A}_2$，$\\boldsymbol{e} = \\boldsymbol{g}\\boldsymbol{W}_2^{\\mathrm{T}} \\odot \\mathbb{1}(\\boldsymbol{Z}_1 > 0)$，则 $$\\frac{\\partial L}{\\partial \\boldsymbol{W}_1} = -\\frac{1}{m}\\boldsymbol{X}^{\\mathrm{T}}\\boldsymbol{e}$$", oracle=W1R, lang=Z, style="zh-xigua-g-e-minus")
C(M, "W1", L, "由西瓜书式 (5.10)、(5.15)，令 $\\boldsymbol{g} = \\boldsymbol{Y} - \\boldsymbol{A}_2$，$\\boldsymbol{e} = \\boldsymbol{g}\\boldsymbol{W}_2^{\\mathrm{T}} \\odot \\mathbb{1}(\\boldsymbol{Z}_1 > 0)$，则 $$\\frac{\\partial L}{\\partial \\boldsymbol{W}_1} = \\frac{1}{m}\\boldsymbol{X}^{\\mathrm{T}}\\boldsymbol{e}$$", "sign", oracle=f"-{W1R}", lang=Z, style="zh-xigua-g-e-sign-lost")
C(M, "W2", N, "西瓜书的 g 是负梯度：g = Y − A₂，所以 ∂L/∂W₂ = −A₁ᵀg/m", oracle=W2R, lang=Z, style="zh-xigua-prose-negative")
C(T, "W2", L, r"\Delta W_2 = -\eta\,\frac{\partial L}{\partial W_2} = -\eta\, h^{\top}(\hat{y} - y)", REFUSE, lang=Z, style="zh-xigua-Delta-W2", note="the update step ΔW₂ again (policy): refused")

# ================================================================ 邱锡鹏《神经网络与深度学习》3.3 softmax regression (ŷ − y one-hot, L2)
C(QI, "W", L, r"\frac{\partial \mathcal{L}}{\partial \boldsymbol{W}} = \frac{1}{N}\boldsymbol{X}^{\top}\big(\operatorname{softmax}(\boldsymbol{z}) - \operatorname{onehot}(\boldsymbol{y})\big) + \lambda\boldsymbol{W}", oracle=QI_W, style="qiu-W-onehot")
C(QI, "W", L, r"\frac{\partial \mathcal{L}}{\partial \boldsymbol{W}} = \frac{1}{N}\boldsymbol{X}^{\top}\big(\operatorname{softmax}(\boldsymbol{z}) - \operatorname{onehot}(\boldsymbol{y})\big)", "*", oracle=f"X.T @ ({QP} - {QY}) / N", style="qiu-W-no-l2")
C(QI, "W", L, r"\frac{\partial \mathcal{L}}{\partial \boldsymbol{W}} = \frac{1}{N}\boldsymbol{X}^{\top}\big(\operatorname{softmax}(\boldsymbol{z}) - \operatorname{onehot}(\boldsymbol{y})\big) + \frac{\lambda}{2}\boldsymbol{W}", "*", oracle=f"X.T @ ({QP} - {QY}) / N + lam / 2 * W", style="qiu-W-l2-half")
C(QI, "W", L, "根据式 (3.39)，$$\\frac{\\partial \\mathcal{L}}{\\partial \\boldsymbol{W}} = -\\frac{1}{N}\\sum_{n=1}^{N}\\boldsymbol{x}^{(n)}\\big(\\boldsymbol{y}^{(n)} - \\hat{\\boldsymbol{y}}^{(n)}\\big)^{\\top} + \\lambda\\boldsymbol{W}$$，其中 $\\hat{\\boldsymbol{y}} = \\operatorname{softmax}(\\boldsymbol{z})$，$\\boldsymbol{y}^{(n)}$ 为 one-hot 向量", oracle=QI_W, lang=Z, style="zh-qiu-book-form")
C(QI, "b", L, r"\frac{\partial \mathcal{L}}{\partial \boldsymbol{b}} = \frac{1}{N}\sum_{n=1}^{N}\big(\hat{\boldsymbol{y}}^{(n)} - \boldsymbol{y}^{(n)}\big), \quad \hat{\boldsymbol{y}} = \operatorname{softmax}(\boldsymbol{z}),\ \boldsymbol{y} \text{ one-hot}", oracle=QI_B, style="qiu-b-sum-n")
C(QI, "b", L, r"\frac{\partial \mathcal{L}}{\partial \boldsymbol{b}} = \frac{1}{N}\sum_{n=1}^{N}\big(\hat{\boldsymbol{y}}^{(n)} - \boldsymbol{y}^{(n)}\big) + \lambda\boldsymbol{b}, \quad \hat{\boldsymbol{y}} = \operatorname{softmax}(\boldsymbol{z}),\ \boldsymbol{y} \text{ one-hot}", "*", style="qiu-b-penalised", note="偏置不正则 (the spec's own comment): λb is no term of this loss")
C(QI, "z", N, "∂L/∂z = (softmax(z) − onehot(y)) / N", oracle=f"({QP} - {QY}) / N", style="qiu-dz-plain")
C(QI, "z", N, "∂L/∂z = (softmax(z) − onehot(y)) / N，即 (ŷ − y)/N", oracle=f"({QP} - {QY}) / N", lang=Z, style="zh-qiu-dz-ji")
C(QI, "z", N, "∂L/∂z = softmax(z) − onehot(y)", "scale-factor", oracle=f"{QP} - {QY}", style="qiu-dz-no-N")
C(QI, "W[1,0]", V, "0.4785", style="v-qiu-W10")
C(QI, "W[1,0]", V, "答：约为 0.479", lang=Z, style="zh-v-qiu-W10-yuewei")
C(QI, "b[1]", V, "-0.3299", style="v-qiu-b1")
C(QI, "b[1]", V, "−0.33（保留两位小数）", lang=Z, style="zh-v-qiu-b1-two-decimals")

# ================================================================ Overleaf handouts: \bm, \mathbf, \otimes misused, \text{diag}, \circ
C(R, "w1", L, r"\nabla_{\bm{w}_1}\ell = \bm{x}^{\top}\big(2(\hat{\bm{y}} - \bm{y})\,\bm{w}_2^{\top} \odot \mathbb{1}[\bm{h} > 0]\big)", oracle=RW1, style="overleaf-bm-relu-w1")
C(R, "w1", L, r"\nabla_{\bm{w}_1}\ell = \bm{x}^{\top}\big(2(\hat{\bm{y}} - \bm{y})\,\bm{w}_2^{\top} \otimes \mathbb{1}[\bm{h} > 0]\big)", oracle=RW1, style="overleaf-otimes-for-hadamard", note="first labelled a refusal; relabelled after the first run by derive's written policy (formula.py, _KRON: ⊗ between two tensors, no identity beside it, is read as ⊙, as some notes misuse it): right")
C(R, "w2", L, r"\nabla_{\bm{w}_2}\ell = 2\,\bm{h}_{\text{relu}}^{\top}(\hat{\bm{y}} - \bm{y})", oracle=RW2, style="overleaf-bm-relu-w2")
C(R, "w2", L, r"\nabla_{\bm{w}_2}\ell = 2\,(\hat{\bm{y}} - \bm{y})\otimes\bm{h}_{\text{relu}}", "*", style="overleaf-otimes-outer", note="first labelled a refusal; relabelled after the first run by the written ⊗-as-⊙ policy (as c39t-138): read so, the shapes do not fit — wrong")
C(T, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^{\top}(y_{\text{pred}} - y_{\text{target}})\,\mathbf{W}_2^{\top}\,\text{diag}\big(\mathbf{h} \circ (1 - \mathbf{h})\big)", oracle=TW1, style="overleaf-text-diag")
C(T, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^{\top}(y_{\text{pred}} - y_{\text{target}})\,\mathbf{W}_2^{\top}\,\text{diag}(\mathbf{h})", "*", style="overleaf-text-diag-h-only")
C(T, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^{\top}\Big((y_{\text{pred}} - y_{\text{target}})\,\mathbf{W}_2^{\top} \circ \mathbf{h} \circ (\mathbf{1} - \mathbf{h})\Big)", oracle=TW1, style="overleaf-circ-mathbf-1")
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_2} = \frac{1}{m}\bm{A}_1^{\intercal}\left(\bm{A}_2 - \bm{Y}\right)", oracle=W2R, style="overleaf-bm-intercal")
C(M, "b2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{b}_2} = \frac{1}{m}\mathbf{1}_m^{\top}\left(\bm{A}_2 - \bm{Y}\right)", oracle=B2R, style="overleaf-ones-m")
C(M, "b2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{b}_2} = \frac{1}{m}\left(\bm{A}_2 - \bm{Y}\right)\mathbf{1}_m", "*", style="overleaf-ones-m-wrong-side")
C(MW, "Z2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{Z}_2} = \frac{1}{m}\Big[(1 - \bm{Y}) \odot \bm{A}_2 - w\,\bm{Y} \odot (1 - \bm{A}_2)\Big]", oracle="((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="overleaf-weighted-dZ2")
C(MW, "Z2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{Z}_2} = \frac{1}{m}\Big[(1 - \bm{Y}) \odot \bm{A}_2 - \bm{Y} \odot (1 - \bm{A}_2)\Big]", "*", oracle="((1 - Y) * A2 - Y * (1 - A2)) / m", style="overleaf-weighted-dZ2-weight-dropped")
C(MW, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_2} = \frac{1}{m}\bm{A}_1^{\top}\Big[(1 - \bm{Y}) \odot \bm{A}_2 - w\,\bm{Y} \odot (1 - \bm{A}_2)\Big]", oracle="A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="overleaf-weighted-W2")
C(MW, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_2} = \frac{1}{m}\bm{A}_1^{\top}\big(\bm{A}_2 - \bm{Y}\big)", "*", oracle=W2R, style="overleaf-weighted-W2-unweighted")

# ================================================================ Word equations pasted as Unicode maths (𝑊, 𝐿, ℎ, 𝐗, ⊙)
C(T, "W2", N, "∂𝐿/∂𝑊₂ = ℎᵀ(𝑦_𝑝𝑟𝑒𝑑 − 𝑦_𝑡𝑎𝑟𝑔𝑒𝑡)", oracle=TW2, style="word-italic-subscripts-planck-h")
C(T, "W2", N, "∂𝐿/∂𝑊₂ = (𝑦_𝑝𝑟𝑒𝑑 − 𝑦_𝑡𝑎𝑟𝑔𝑒𝑡)ℎ", "*", style="word-italic-row")
C(M, "W2", N, "∂𝐿/∂𝐖₂ = (1/𝑚) 𝐀₁ᵀ(𝐀₂ − 𝐘)", oracle=W2R, style="word-bold-upright")
C(M, "W2", N, "∂𝐿/∂𝐖₂ = (1/𝑚) 𝐀₁(𝐀₂ − 𝐘)", "*", style="word-bold-upright-no-transpose")
C(M, "W1", N, "∂𝐿/∂𝑊₁ = (1/𝑚) 𝑋ᵀ[(𝐴₂ − 𝑌)𝑊₂ᵀ ⊙ 𝟙(𝑍₁ > 0)]", oracle=W1R, style="word-italic-double-struck-one")
C(M, "W1", N, "∂𝐿/∂𝑊₁ = (1/𝑚) 𝑋ᵀ[(𝐴₂ − 𝑌)𝑊₂ᵀ]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="word-italic-no-mask")
C(S, "W", N, "∇_𝑊 𝐿 = (1/𝑚) 𝑋^𝑇 (𝑃 − 𝑌)", oracle=SW, style="word-caret-italic-T")
C(S, "b", N, "∇_𝑏 𝐿 = (1/𝑚) ∑ᵢ (𝑃ᵢ − 𝑌ᵢ)", oracle=SB, style="word-sum-i")
C(E, "w", N, "∂𝐿/∂𝒘 = (𝑂 − 𝑡) 𝑂 (1 − 𝑂) 𝒙", oracle=EW, style="word-bold-italic-vectors")
C(E, "w", N, "∂𝐿/∂𝒘 = (𝑂 − 𝑡) 𝒙", "missing-activation-derivative", oracle="(O - t) * x", style="word-bold-italic-no-sigma-prime")
C(CH, "w", N, "∂𝐿/∂𝑤 = 2(𝑤𝑥 + 𝑏) ⋅ 𝑥", oracle="2 * (w * x + b) * x", style="word-chain-w-italic")
C(CH, "b", N, "∂𝐿/∂𝑏 = 2(𝑤𝑥 + 𝑏) ⋅ 𝑥", "*", oracle="2 * (w * x + b) * x", style="word-chain-b-times-x")
C(B, "beta", N, "∂𝐿/∂𝛽 = (2/(𝑚𝑛)) ∑ᵢ (𝑌ᵢ − 𝑇ᵢ)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="word-italic-beta")
C(B, "gamma", N, "∂𝐿/∂𝛾 = (2/(𝑚𝑛)) ∑ᵢ (𝑌ᵢ − 𝑇ᵢ) ⊙ 𝑍̂ᵢ", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="word-italic-gamma-zhat")
C(B, "gamma", N, "∂𝐿/∂𝛾 = (2/(𝑚𝑛)) ∑ᵢ (𝑌ᵢ − 𝑇ᵢ)", "*", style="word-italic-gamma-without-zhat")

# ================================================================ WeChat / 知乎 chat text (full-width brackets, emoji, 其中)
C(M, "W2", N, "∂L/∂W2=A1ᵀ(A2-Y)/m，其中m为样本数", oracle=W2R, lang=Z, style="zh-wechat-qizhong")
C(M, "W2", N, "∂L/∂W2=A1ᵀ（A2−Y）/m 👍", oracle=W2R, lang=Z, style="zh-wechat-fullwidth-parens-emoji")
C(M, "W2", N, "∂L/∂W2=A1ᵀ（Y−A2）/m 👍", "sign", oracle="A1.T @ (Y - A2) / m", lang=Z, style="zh-wechat-fullwidth-parens-sign")
C(M, "b1", N, "dW1 = X^T · [(A2 − Y)W2^T ⊙ 1(Z1>0)] / m\ndb1 = 对 [(A2 − Y)W2^T ⊙ 1(Z1>0)] / m 按行求和", oracle=B1R, lang=Z, style="zh-zhihu-db1-row-sum-words")
C(M, "W1", N, "dW1 = X^T · [(A2 − Y)W2^T ⊙ 1(Z1>0)] / m", oracle=W1R, style="zhihu-dW1-caret-T")
C(R, "w2", N, "老师，我算的是 ∂L/∂w2 = 2·h_reluᵀ(y_pred − y)，对吗？", oracle=RW2, lang=Z, style="zh-wechat-question")
C(R, "w2", N, "老师，我算的是 ∂L/∂w2 = h_reluᵀ(y_pred − y)，对吗？", "scale-factor", oracle="h_relu.T @ (y_pred - y)", lang=Z, style="zh-wechat-question-no-2")
C(R, "h_relu", N, "∂L/∂h_relu = 2(y_pred − y)w2ᵀ", oracle="2 * (y_pred - y) @ w2.T", style="zhihu-dh-relu")
C(S, "Z", N, "∂L/∂Z = (P − Y)/m （softmax 与交叉熵合并求导）", oracle="(P - Y) / m", lang=Z, style="zh-zhihu-dZ-paren-remark")
C(S, "Z", N, "∂L/∂Z = P − Y （softmax 与交叉熵合并求导）", "scale-factor", oracle="P - Y", lang=Z, style="zh-zhihu-dZ-no-m")
C(A, "W_v", N, "∂L/∂W_v = Xᵀ Aᵀ ∂L/∂O，∂L/∂O = 2(O − T)/(n·d)", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", lang=Z, style="zh-attention-dWv-n-d")
C(A, "V", N, "∂L/∂V = Aᵀ · 2(O − T)/O.size", oracle="A.T @ (2 * (O - T) / O.size)", style="attention-dV-size")
C(A, "V", N, "∂L/∂V = A · 2(O − T)/O.size", "*", style="attention-dV-untransposed")

# ================================================================ round-38 leftovers: vec/Kronecker, W [2] from a PDF, Raschka's w^{(out)}, a^{(2)[i]}
C(S, "W", L, r"\operatorname{vec}(dW) = (I \otimes X^\top)\operatorname{vec}(dZ), \quad dZ = \frac{1}{m}(P - Y)", REFUSE, style="vec-kron-dW-dZ", must=("vec",), note="corpus 24's written policy: vec/Kronecker notation is refused with a sentence saying to write the matrix form")
C(M, "W2", L, r"\operatorname{vec}\Big(\frac{\partial L}{\partial W_2}\Big) = \big(I_1 \otimes A_1^\top\big)\operatorname{vec}\Big(\frac{1}{m}(A_2 - Y)\Big)", REFUSE, style="vec-kron-mlp-W2", must=("vec",))
C(S, "W", N, "vec(∂L/∂W) = (I ⊗ Xᵀ) vec((P − Y)/m)", REFUSE, style="vec-kron-unicode", must=("vec",))
C(M, "W2", N, "∂L\n∂W [2]\n= 1\nm\nA [1]⊤(A [2] − Y )", oracle=W2R, style="pdf-spaced-layer-index-fraction-lines")
C(M, "W2", N, "∂L/∂W [2] = (1/m) A [1]⊤(A [2] − Y)", oracle=W2R, style="pdf-spaced-layer-index-one-line")
C(M, "W2", N, "∂L/∂W [2] = (1/m) A [1](A [2] − Y)⊤", "*", style="pdf-spaced-layer-index-wrong")
C(M, "b1", N, "∂L/∂b [1] = (1/m) Σᵢ [(A [2] − Y) W [2]⊤ ⊙ 1(Z [1] > 0)]ᵢ", oracle=B1R, style="pdf-spaced-layer-index-b1")
C(T, "v2", L, r"\frac{\partial L}{\partial w^{(out)}_{2}} = (\hat y - y)\, h_2", style="raschka-out-2")
C(T, "v2", L, r"\frac{\partial L}{\partial w^{(out)}_{2}} = (\hat y - y)\, h_1", "*", style="raschka-out-2-wrong-h")
C(T, "w21", L, r"\frac{\partial L}{\partial w^{(h)}_{2,1}} = (\hat y - y)\, v_1\, h_1 (1 - h_1)\, x_2", style="raschka-h-21")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{(2)}} = \frac{1}{m}\sum_{i=1}^{m}\big(a^{(2)[i]} - y^{[i]}\big)", oracle=B2R, style="raschka-layer-and-example-m")

# ================================================================ Deisenroth MML (upright d, Leibniz over nodes) and Murphy-style sums on built-ins
C(E, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{w}} = \frac{\partial L}{\partial O}\,\frac{\partial O}{\partial z}\,\frac{\partial z}{\partial \boldsymbol{w}} = (O - t)\cdot O(1 - O)\cdot\boldsymbol{x}", oracle=EW, style="mml-upright-d-neuron")
C(E, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{w}} = \frac{\partial L}{\partial O}\,\frac{\partial O}{\partial z}\,\frac{\partial z}{\partial \boldsymbol{w}} = (O - t)\cdot O(1 - O)\cdot\boldsymbol{x}^{\top}", "*", style="mml-upright-d-neuron-column", note="a column for the row w")
C(CH, "u", L, r"\frac{\mathrm{d}L}{\mathrm{d}u} = \frac{\mathrm{d}L}{\mathrm{d}v}\frac{\mathrm{d}v}{\mathrm{d}u} = 2v \cdot 1", oracle="2 * v", style="mml-chain-u")
C(CH, "x", L, r"\frac{\mathrm{d}L}{\mathrm{d}x} = 2v\,w", oracle="2 * v * w", style="mml-chain-x")
C(CH, "x", L, r"\frac{\mathrm{d}L}{\mathrm{d}x} = 2v\,x", "*", oracle="2 * v * x", style="mml-chain-x-with-x")
C(R2, "W_x", L, r"\frac{\mathrm{d}L}{\mathrm{d}W_x} = x_2^{\top}\boldsymbol{\delta}_2 + x_1^{\top}\boldsymbol{\delta}_1,\ \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}),\ \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top} \odot (1 - h_1^{2})", oracle="x_2.T @ ((h_2 - y) * (1 - h_2 ** 2)) + x_1.T @ ((h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2))", style="mml-rnn-Wx-two-steps")
C(R2, "W_x", L, r"\frac{\mathrm{d}L}{\mathrm{d}W_x} = x_2^{\top}\boldsymbol{\delta}_2 + x_1^{\top}\boldsymbol{\delta}_1,\ \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}),\ \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h \odot (1 - h_1^{2})", "*", style="mml-rnn-Wx-Wh-untransposed")
C(R2, "b", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{b}} = \mathbf{1}^{\top}(\boldsymbol{\delta}_2 + \boldsymbol{\delta}_1),\ \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}),\ \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top} \odot (1 - h_1^{2})", oracle="np.sum((h_2 - y) * (1 - h_2 ** 2) + (h_2 - y) * (1 - h_2 ** 2) @ W_h.T * (1 - h_1 ** 2), axis=0, keepdims=True)", style="mml-rnn-b-two-steps")
C(R2, "b", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{b}} = \boldsymbol{\delta}_2 + \boldsymbol{\delta}_1,\ \boldsymbol{\delta}_2 = (h_2 - y) \odot (1 - h_2^{2}),\ \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 W_h^{\top} \odot (1 - h_1^{2})", "*", style="mml-rnn-b-two-steps-unsummed", note="right at m = 1 only: the README's sizes policy judges a formula where every size differs (bias-not-summed)")
C(A, "W_v", L, r"\frac{\mathrm{d}L}{\mathrm{d}W_v} = X^{\top}A^{\top}\frac{\partial L}{\partial O}, \quad \frac{\partial L}{\partial O} = \frac{2}{O.\mathrm{size}}(O - T)", REFUSE, style="mml-attention-size-attribute-latex", note="O.size in LaTeX is no notation: refused")

# ================================================================ answer keys: neuron v2/9, mlp-bce v4/5, chain v5/3 (PyTorch float64 at the keys' values)
C(E, "w[0,0]", V, "-0.01007", opts=KE, style="key-neuron-w0")
C(E, "w[0,1]", V, "-0.01679", opts=KE, style="key-neuron-w1")
C(E, "w[0,2]", V, "-0.006714", opts=KE, style="key-neuron-w2")
C(E, "w[0,2]", V, "-0.0245", "*", opts=KE, style="key-neuron-w2-base-number", note="-0.0245 is the base variant's value")
C(E, "w[0,1]", V, "0.01679", "sign", opts=KE, style="key-neuron-w1-sign")
C(E, "w[0,0]", V, "答：约 −0.0101", opts=KE, lang=Z, style="zh-key-neuron-w0")
C(M, "W1[0,1]", V, "-0.4891", opts=KM, style="key-mlp-W1-01")
C(M, "W1[1,1]", V, "0.04008", opts=KM, style="key-mlp-W1-11")
C(M, "b1[0,0]", V, "0.2435", opts=KM, style="key-mlp-b1-0")
C(M, "W2[1,0]", V, "0.07317", opts=KM, style="key-mlp-W2-1")
C(M, "W2[1,0]", V, "-0.0090", "*", opts=KM, style="key-mlp-W2-1-base-number")
C(M, "b2[0,0]", V, "-0.1002", opts=KM, style="key-mlp-b2")
C(M, "W1", V, r"\begin{bmatrix} -0.2435 & -0.4891 \\ 0.1218 & 0.04008 \end{bmatrix}", opts=KM, style="key-mlp-W1-bmatrix")
C(M, "W1", V, r"\begin{bmatrix} -0.2435 & 0.1218 \\ -0.4891 & 0.04008 \end{bmatrix}", "*", opts=KM, style="key-mlp-W1-bmatrix-transposed")
C(CH, "w", V, "0.05", opts=KC, style="key-chain-w")
C(CH, "b", V, "0.1", opts=KC, style="key-chain-b")
C(CH, "b", V, "0.05", "*", opts=KC, style="key-chain-b-is-w")
C(CH, "w", V, "0.0500", opts=KC, lang=Z, style="zh-key-chain-w")

# ================================================================ hand numbers on the built-ins (tables, sentences, Unicode minus, scientific)
C(T, "W1[0,1]", V, "≈ −0.0163", style="v-tiny-W1-01-approx-prefix")
C(T, "W1[1,0]", V, "-2.7e-3", style="v-tiny-W1-10-e-notation")
C(T, "W1[1,0]", V, "-2.7", "*", style="v-tiny-W1-10-exponent-lost")
C(E, "w[0,0]", V, "−6.12 × 10^{-2}", style="v-neuron-w0-times-ten")
C(E, "w[0,0]", V, "−6.12 × 10^{2}", "*", style="v-neuron-w0-exponent-sign-lost")
C(S, "W[1,2]", V, "-0.7428", style="v-softmax-W12")
C(S, "b", V, r"\begin{bmatrix} -0.0735 & 0.3709 & -0.2975 \end{bmatrix}", style="v-softmax-b-row")
C(S, "b", V, r"\begin{bmatrix} -0.0735 & 0.3709 & 0.2975 \end{bmatrix}", "*", style="v-softmax-b-row-one-sign")
C(M, "W2[0,0]", V, "the gradient is about -0.176", style="v-mlp-W2-sentence")
C(M, "W2[0,0]", V, "结果约为 −0.1763。", lang=Z, style="zh-v-mlp-W2-sentence")
C(M, "b1[0,1]", V, "-0.0181", style="v-mlp-b1-1")
C(M, "b1[0,1]", V, "-0.0979", "wrong-entry", style="v-mlp-b1-1-other-entry")
C(LF, "W3[0,0]", V, "-0.4470", style="v-layer-names-W3-0")
C(LF, "W1[1,0]", V, "9.29e-5", style="v-layer-names-W1-10-tiny")
C(LF, "W1[1,0]", V, "0.0000929", style="v-layer-names-W1-10-zeros")
C(LF, "W2[2,2]", V, "0.0078", style="v-layer-names-W2-22-2sf")
C(MU, "w_mu[0]", V, "−0.5573", "sign", lang=Z, style="zh-v-murphy-sign")

# ================================================================ more Chinese answers (期末 / 考研 style) on course networks and built-ins
C(BP, "w", L, "解：由 $y = \\Phi(a)$ 得 $\\frac{\\partial y}{\\partial a} = \\frac{1}{\\sqrt{2\\pi}}e^{-a^2/2}$，故 $$\\nabla_{\\mathbf{w}} E = \\sum_{n=1}^{N}\\frac{y_n - t_n}{y_n(1 - y_n)}\\frac{1}{\\sqrt{2\\pi}}e^{-a_n^2/2}\\boldsymbol{\\phi}_n$$", oracle=BP_W, lang=Z, style="zh-probit-jie")
C(LC, "w", N, "解：d/dr log cosh r = tanh r，所以 ∇_w L = Xᵀ tanh(r) / m。", oracle=LC_W, lang=Z, style="zh-logcosh-jie")
C(LC, "w", N, "解：d/dr log cosh r = tanh r，所以 ∇_w L = Xᵀ tanh(r)。", "scale-factor", oracle="X.T @ np.tanh(r)", lang=Z, style="zh-logcosh-jie-no-m")
C(UF, "W", N, "注意每一列是一个样本：∂L/∂W = (P − Y)Xᵀ / m", oracle=UF_W, lang=Z, style="zh-ufldl-column-note")
C(UF, "W", N, "注意每一列是一个样本：∂L/∂W = Xᵀ(P − Y) / m", "*", lang=Z, style="zh-ufldl-column-note-row-major")
C(NG, "Theta2", N, "解：Theta2_grad = (h_x − Y)ᵀ a2 / m，再对除第一列外的部分加上 (λ/m)·Theta2", REFUSE, lang=Z, style="zh-ng-penalty-in-words", note="the penalty's columns said in words: not a formula the checker reads")
C(MU, "w_mu", N, "∂NLL/∂w_μ = xᵀ((μ − y)/σ²)/N（σ 与样本有关，不能提出求和号）", oracle=MU_WMU, lang=Z, style="zh-murphy-remark-paren")
C(E, "w", N, "第一步：∂L/∂O = O − t；第二步：∂O/∂z = O(1 − O)；第三步：∂L/∂w = (O − t)·O(1 − O)·x", oracle=EW, lang=Z, style="zh-neuron-three-steps")
C(E, "w", N, "第一步：∂L/∂O = O − t；第二步：∂L/∂w = (O − t)·x", "missing-activation-derivative", oracle="(O - t) * x", lang=Z, style="zh-neuron-two-steps-no-sigma")
C(QI, "W", N, "∂L/∂W = Xᵀ(softmax(z) − onehot(y))/N + λW（λ = lam）", oracle=QI_W, lang=Z, style="zh-qiu-lambda-remark")
C(LF, "W3", N, "∂J/∂W3 = g2ᵀ · 2(f3 − Y)/n，其中 2/n 来自均方误差的求导", oracle=LF_W3, lang=Z, style="zh-layer-names-W3-qizhong")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c39t-000, … as written; cases repeating corpora 2-38t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus39t", "c39t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
