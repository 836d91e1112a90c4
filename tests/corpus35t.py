"""The held-out-style corpus of issue 11, thirty-fifth round, text side (``c35t``): LaTeX in the
notations of sources no corpus had used — Goodfellow et al.'s *Deep Learning* Algorithm 6.4
(``g \\leftarrow \\nabla_{\\hat y} J``, ``g \\leftarrow g \\odot f'(a^{(k)})``, ``\\nabla_{W^{(k)}} J``),
MIT 6.036/6.390's column-major ``\\frac{\\partial J}{\\partial \\theta} = X (\\partial J/\\partial z)^T``,
3Blue1Brown's ``C_0 = (a^{(L)} - y)^2`` and its ``\\frac{\\partial z^{(L)}}{\\partial w^{(L)}}`` chains,
CMU 11-785's ``\\nabla_W Div``, 李宏毅's ∂C/∂z, 邱锡鹏's ``\\delta^{(l)} = f_l'(z^{(l)}) \\odot
(W^{(l+1)})^{\\top} \\delta^{(l+1)}``, CS229's ``\\delta^{[\\ell]}`` — with ``\\begin{cases}``,
``\\leftarrow``, ``\\coloneqq``, ``:=``, ``\\circ``, ``\\mathrm{d}``, ``\\mathbf{1}_N``; plain Unicode
text (``∂C/∂z``, ``𝟙``, ``ᵀ``, ``⊙``, ``÷``, ``⋅``); Leibniz chains on scalar networks; entry
formulas (``--wrt W1[0,1]``); hand numbers in forms not graded before (fractions ``-1/4``,
``-\\frac{1}{4}``, ``1.2 \\times 10^{-3}``, ``-8.97e-4``, ``≈ 0.047``, a table of a matrix's values,
``--digits``/``--rtol``, ``--answers KEY`` of neuron/relu-mlp/chain/log-cosh exercise variants);
six course networks no corpus had used (MIT 6.390's hinge SVM in column-major form, CMU
11-785's HW1 MLP with ``np.ones`` bias columns, a log-cosh JAX regression with Chinese comments,
Keras backend's tanh/softplus MLP under an L1 loss, a clamp + leaky-ReLU torch network,
micrograd's scalar network under a Huber loss); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex35"). Oracles: PyTorch
float64 (tests/check_oracle.py) on built-ins, the spec's own text run in PyTorch on course
networks (tests/spelled_oracle.py); hand numbers computed in PyTorch float64 at the spec's values
or at an answer key's ``values`` (the same numbers recomputed outside derive) and rounded by hand.
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
MI = str(COURSE / "hn31_mit6390_svm_hinge_colmajor_tie.toml")
CM = str(COURSE / "hn29_cmu11785_hw1_inline_ones_softmax.toml")
LC = str(COURSE / "hn34_logcosh_regression_jax_cn.toml")
KB = str(COURSE / "hn13_keras_backend_mlp.toml")
TC = str(COURSE / "torch_clamp_tanh.toml")
MG = str(COURSE / "hn30_micrograd_scalar_huber_if.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


KN, KR, KC, KL = K(E, 2, 11), K(R, 4, 3), K(CH, 6, 5), K(LC, 1, 9)

# ---- oracles (PyTorch float64, tests/check_oracle.py)
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

DZ2 = "((A2 - Y) / m)"
DZ1 = f"({DZ2} @ W2.T * (Z1 > 0))"

# ================================================================ mlp-bce: Goodfellow's Algorithm 6.4, CS229, 李宏毅, 邱锡鹏, 3Blue1Brown
C(M, "W2", L, r"g \leftarrow \tfrac{1}{m}(\hat{y} - y), \quad \nabla_{W^{(2)}} J = h^{(1)\top} g", oracle=W2R, style="goodfellow-g-leftarrow-h-top", note="Goodfellow's h^{(1)} is A1, a^{(2)} is Z2; rows are examples here, so h^{(1)⊤} g")
C(M, "W2", L, r"g \leftarrow \tfrac{1}{m}(\hat{y} - y), \quad \nabla_{W^{(2)}} J = g\, h^{(1)\top}", "*", oracle="(A2 - Y) / m @ A1.T", style="goodfellow-g-h-top-column-order", note="the book's column-vector order on a row-major network: (m×1)(n_h×m) has no product")
C(M, "W2", L, r"g \leftarrow h^{(1)\top} (\hat{y} - y), \quad \nabla_{W^{(2)}} J = g", "scale-factor", oracle="A1.T @ (A2 - Y)", style="goodfellow-no-m")
C(M, "Z2", L, r"g \leftarrow \nabla_{\hat{y}} J = \frac{1}{m}\left(\frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}\right), \quad g \leftarrow g \odot \sigma'(a^{(2)})", oracle="(A2 - Y) / m", style="goodfellow-two-g-steps")
C(M, "Z2", L, r"g \leftarrow \nabla_{\hat{y}} J = \frac{1}{m}\left(\frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}\right)", "missing-activation-derivative", oracle="(A2 - Y) / (A2 * (1 - A2)) / m", style="goodfellow-g-no-fprime")
C(M, "b2", L, r"\nabla_{b^{(2)}} J = \sum_{i=1}^{m} g_i, \quad g = \tfrac{1}{m}(\hat{y} - y)", oracle=B2R, style="goodfellow-b-sum-gi")
C(M, "b2", L, r"\nabla_{b^{(2)}} J = g, \quad g = \tfrac{1}{m}(\hat{y} - y)", "bias-not-summed", oracle="(A2 - Y) / m", style="goodfellow-b-g-unsummed")
C(M, "W1", L, r"\begin{aligned} g &\leftarrow \tfrac{1}{m}(\hat{y} - y) \\ g &\leftarrow g\, W^{(2)\top} \\ g &\leftarrow g \odot \mathbf{1}[a^{(1)} > 0] \\ \nabla_{W^{(1)}} J &= x^{\top} g \end{aligned}", oracle=W1R, style="goodfellow-aligned-four-steps")
C(M, "W1", L, r"\begin{aligned} g &\leftarrow \tfrac{1}{m}(\hat{y} - y) \\ g &\leftarrow g\, W^{(2)\top} \\ \nabla_{W^{(1)}} J &= x^{\top} g \end{aligned}", "missing-activation-derivative", oracle=f"X.T @ ({DZ2} @ W2.T)", style="goodfellow-aligned-no-relu-step")
C(M, "W2", L, r"\delta^{[2]} = a^{[2]} - y, \qquad \nabla_{W^{[2]}} \ell = \frac{1}{m} a^{[1]\top} \delta^{[2]}", oracle=W2R, style="cs229-delta-ell")
C(M, "W1", L, r"\delta^{[1]} = \left(\delta^{[2]} W^{[2]\top}\right) \circ g'(z^{[1]}), \quad \delta^{[2]} = \tfrac{1}{m}(a^{[2]} - y), \quad \nabla_{W^{[1]}} \ell = x^{\top} \delta^{[1]}", oracle=W1R, style="cs229-delta1-circ-gprime", note="g is the ReLU on this network (CS229's g for an activation)")
C(M, "W1", L, r"\delta^{[1]} = \left(\delta^{[2]} W^{[2]\top}\right) \circ g'(z^{[2]}), \quad \delta^{[2]} = \tfrac{1}{m}(a^{[2]} - y), \quad \nabla_{W^{[1]}} \ell = x^{\top} \delta^{[1]}", "*", style="cs229-delta1-gprime-wrong-layer", note="g′ at z^{[2]}: the other layer's pre-activation")
C(M, "Z1", L, r"\frac{\partial C}{\partial z^{[1]}} = \frac{\partial C}{\partial a^{[1]}} \odot \sigma'\!\left(z^{[1]}\right)", "*", style="lhy-dC-dz-sigmoid-on-relu", note="李宏毅's σ′ on a ReLU layer: the wrong activation's derivative (the factor ∂C/∂a^{[1]} is the network's dA1)")
C(M, "Z1", N, "∂C/∂z₁ = ∂C/∂a₁ ⊙ 𝟙(z₁ > 0)", oracle=f"{DZ1}", style="lhy-unicode-dC-dz-indicator")
C(M, "Z1", N, "∂C/∂z₁ = ∂C/∂a₁ ⊙ a₁", "*", style="lhy-unicode-dC-dz-times-a", note="the activation for its derivative")
C(M, "Z1", L, r"\delta^{(1)} = f_1'(z^{(1)}) \odot \left(\delta^{(2)} (W^{(2)})^{\top}\right), \quad \delta^{(2)} = \frac{1}{m}(\hat{Y} - Y)", oracle=DZ1, lang=Z, style="zh-qiu-delta-rowmajor")
C(M, "Z1", L, r"\delta^{(1)} = f_1'(z^{(1)}) \odot \left((W^{(2)})^{\top} \delta^{(2)}\right), \quad \delta^{(2)} = \frac{1}{m}(\hat{Y} - Y)", "*", lang=Z, style="zh-qiu-delta-colmajor-on-rowmajor", note="邱锡鹏's column-vector order on a row-major network: (1×n_h)(m×1)")
C(M, "W2", L, r"$\frac{\partial \mathcal{L}}{\partial W^{(2)}}=\frac{1}{m}\left(A^{(1)}\right)^{\top}\delta^{(2)}$，其中误差项 $\delta^{(2)}=\hat{Y}-Y$。", oracle=W2R, lang=Z, style="zh-qiu-W2-error-term")
C(M, "W2", L, r"$\frac{\partial \mathcal{L}}{\partial W^{(2)}}=\left(A^{(1)}\right)^{\top}\delta^{(2)}$，其中误差项 $\delta^{(2)}=\hat{Y}-Y$。", "scale-factor", oracle="A1.T @ (A2 - Y)", lang=Z, style="zh-qiu-W2-no-m")
C(M, "W2", L, r"\frac{\partial C}{\partial w^{(L)}} = \frac{\partial z^{(L)}}{\partial w^{(L)}} \frac{\partial a^{(L)}}{\partial z^{(L)}} \frac{\partial C}{\partial a^{(L)}}", "*", style="3b1b-chain-on-matrix-network", note="3Blue1Brown's one-neuron chain for a matrix: an order of factors with no shapes — not a formula for ∂L/∂W2. First labelled \"*\", changed to a refusal before any run (z^{(L)} taken for unknown names), relabelled \"*\" after the first pass: derive reads 3Blue1Brown's (L) as the last layer, an existing rule, so the chain is read and rejected")
C(M, "W2", L, r"\mathrm{d}W^{[2]} \coloneqq \tfrac{1}{m}\, A^{[1]\top} \left(A^{[2]} - Y\right)", oracle=W2R, style="coloneqq-mathrm-d")
C(M, "W2", L, r"dW^{[2]} := \tfrac{1}{m}\, A^{[1]\top} \left(Y - A^{[2]}\right)", "sign", oracle="A1.T @ (Y - A2) / m", style="colon-eq-sign")
C(M, "b1", L, r"db^{[1]} = \frac{1}{m} \mathbf{1}_m^{\top} \left[ \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left(Z^{[1]} > 0\right) \right]", oracle=B1R, style="ones-m-subscript-top")
C(M, "b1", L, r"db^{[1]} = \frac{1}{m} \left[ \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left(Z^{[1]} > 0\right) \right] \mathbf{1}_{n_h}", "*", style="ones-nh-wrong-side", note="summed over the hidden units instead of the examples")
C(M, "b1", L, r"db^{[1]} = \frac{1}{m} \left[ \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left(Z^{[1]} > 0\right) \right]", "bias-not-summed", oracle=DZ1, style="db1-unsummed")
C(M, "W1", N, "dW¹ = Xᵀ[(A² − Y)W²ᵀ ⊙ 𝟙(Z¹ > 0)] ÷ m", oracle=W1R, style="unicode-superscript-layers-div-sign")
C(M, "W1", N, "dW¹ = Xᵀ[(A² − Y)W²ᵀ ⊙ 𝟙(Z¹ ≥ 0)] ÷ m", "relu-at-zero", style="unicode-geq-indicator", note="first labelled right (≥ 0 and > 0 agree wherever Z1 ≠ 0); relabelled after the first pass: the project's written policy (code relu-at-zero, PyTorch's relu′(0) = 0) rejects a non-strict mask")
C(M, "W1", N, "dW¹ = Xᵀ[(A² − Y)W²ᵀ ⊙ 𝟙(A¹ > 0)] ⋅ 1/m", oracle=W1R, style="unicode-indicator-on-A1-cdot")
C(M, "W1", N, "dW¹ = Xᵀ[(A² − Y)W²ᵀ] ÷ m", "missing-activation-derivative", oracle=f"X.T @ ({DZ2} @ W2.T)", style="unicode-no-mask")
C(M, "W1", N, "dW¹ = [(A² − Y)W²ᵀ ⊙ 𝟙(Z¹ > 0)]ᵀX ÷ m", "*", style="unicode-transposed-result")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \begin{pmatrix} A^{[1]} \end{pmatrix}^{\!\top} \begin{pmatrix} A^{[2]} - Y \end{pmatrix}", oracle=W2R, style="pmatrix-as-parens")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \sum_{i} a^{[1](i)\top} \left(a^{[2](i)} - y^{(i)}\right)", oracle=W2R, style="sum-i-combined-superscript-top")
C(M, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m} \begin{cases} A^{[2]} - 1 & \text{if } Y = 1 \\ A^{[2]} & \text{if } Y = 0 \end{cases}", oracle=DZ2, style="cases-by-label", note="BCE+sigmoid with 0/1 labels, written by cases")
C(M, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m} \begin{cases} 1 - A^{[2]} & \text{if } Y = 1 \\ A^{[2]} & \text{if } Y = 0 \end{cases}", "*", style="cases-by-label-sign-one-branch")
C(M, "W2[1,0]", L, r"\frac{\partial L}{\partial w^{[2]}_{21}} = \frac{1}{m} \sum_{i=1}^{m} \left(a^{[2](i)} - y^{(i)}\right) a^{[1](i)}_{2}", oracle=None, style="entry-sum-over-examples-a-sub-2")
C(M, "W2[1,0]", L, r"\frac{\partial L}{\partial w^{[2]}_{21}} = \frac{1}{m} \sum_{i=1}^{m} \left(a^{[2](i)} - y^{(i)}\right) a^{[1](i)}_{1}", "*", style="entry-sum-other-unit")
C(M, "W1[1,0]", N, "(A2[0,0] - Y[0,0]) * W2[0,0] * (Z1[0,0] > 0) * X[0,1] / m + (A2[1,0] - Y[1,0]) * W2[0,0] * (Z1[1,0] > 0) * X[1,1] / m", style="entry-numpy-two-examples-W1-10")
C(M, "W1[1,0]", N, "(A2[0,0] - Y[0,0]) * W2[0,0] * (Z1[0,0] > 0) * X[0,0] / m + (A2[1,0] - Y[1,0]) * W2[0,0] * (Z1[1,0] > 0) * X[1,0] / m", "*", style="entry-numpy-W1-10-wrong-input")
C(M, "W1[1,0]", N, "(A2[0,0] - Y[0,0]) * W2[1,0] * (Z1[0,0] > 0) * X[0,1] / m + (A2[1,0] - Y[1,0]) * W2[1,0] * (Z1[1,0] > 0) * X[1,1] / m", "*", style="entry-numpy-W1-10-wrong-weight")
# hand numbers (mlp-bce's example values; PyTorch float64: W2 = [-0.1762834, -0.00898499], W1 = [[-0.09793524, 0.1356358], [-0.1958705, 0.07908499]], b2 = 0.06037821)
C(M, "W2[0,0]", V, r"-1.763 \times 10^{-1}", style="v-latex-times-10")
C(M, "W2[0,0]", V, r"\approx -0.176", style="v-latex-approx")
C(M, "W2[1,0]", V, "-8.985e-3", style="v-e-notation-4sf")
C(M, "W2[1,0]", V, "-8.985E-03", style="v-E-notation-padded")
C(M, "W2[1,0]", V, "8.985e-3", "sign", style="v-e-notation-sign")
C(M, "W2[1,0]", V, "-8.985e-2", "*", style="v-e-notation-exponent-slip", note="a power of ten off")
C(M, "b2[0,0]", V, "0.0604", style="v-b2-3sf")
C(M, "b2[0,0]", V, "0.1208", "*", style="v-b2-no-mean", note="m = 2: the sum for the mean")
C(M, "W1[1,0]", V, "-0.19587", style="v-W1-10-5sf")
C(M, "W1[1,0]", V, "-0.0979", "wrong-entry", style="v-W1-00-for-10")
C(M, "W1", V, r"\begin{bmatrix} -0.0979 & 0.1356 \\ -0.1959 & 0.0791 \end{bmatrix}", style="v-table-W1")
C(M, "W1", V, "[[-0.0979, 0.1356], [-0.1959, 0.0791]]", style="v-table-W1-list")
C(M, "W1", V, r"\begin{bmatrix} -0.0979 & -0.1959 \\ 0.1356 & 0.0791 \end{bmatrix}", "*", style="v-table-W1-transposed-entries", note="the off-diagonal entries swapped")
C(M, "W2[0,0]", V, "−0.18 (to 2 s.f.)", style="v-unicode-minus-sf-note")
C(M, "W2[0,0]", V, "答：约为 −0.1763", lang=Z, style="zh-v-answer-prefix")
C(M, "W2[0,0]", V, "答：约为 0.1763", "sign", lang=Z, style="zh-v-answer-prefix-sign")
# unreadable
C(M, "W2", L, r"\nabla_{W^{(2)}} J = h^{(1)\top} g", REFUSE, style="goodfellow-g-undefined", note="g never defined")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} (A^{[2]} - Y) \end{aligned}", REFUSE, style="end-without-begin")
C(M, "W2[0,0]", V, "-0.1763 ± 0.001", style="v-plus-minus", note="first labelled a refusal; relabelled after the first pass: handcalc's written policy reads an uncertainty after the number and judges the digits written")

# ================================================================ mlp-bce-weighted
C(MW, "Z2", L, r"\delta^{[2]} = \frac{1}{m}\left[\hat{y} \circ (1 - y) - w\,(1 - \hat{y}) \circ y\right]", oracle="(A2 * (1 - Y) - 3 * (1 - A2) * Y) / m", style="weighted-cs229-circ")
C(MW, "Z2", L, r"\delta^{[2]} = \frac{1}{m}\left[\hat{y} \circ (1 - y) - (1 - \hat{y}) \circ y\right]", "*", style="weighted-cs229-weight-dropped")
C(MW, "W2", N, "∂L/∂W² = A¹ᵀ[Ŷ⊙(1 − Y) − 3·(1 − Ŷ)⊙Y] ÷ m", "unknown", style="weighted-unicode-3", note="first labelled right; relabelled after the first pass by corpus 2's written convention (c2-132, c31-122): 3 written for the constant w is right only for this value of it")

# ================================================================ tiny-mlp: 3Blue1Brown's chain, entry formulas
C(T, "W2", L, r"\frac{\partial C_0}{\partial W_2} = h^{\top} \left(a^{(L)} - y\right)", REFUSE, style="3b1b-C0-aL-names", note="a^{(L)} for y_pred and y for y_target are 3Blue1Brown's names, not the network's; C_0 = (a − y)² would also double it")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = h^{\top}\, \frac{\partial L}{\partial \hat{y}}, \quad \frac{\partial L}{\partial \hat{y}} = \hat{y} - y_{\text{target}}", oracle=TW2, style="tiny-dL-dyhat-where")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = h^{\top}\, \frac{\partial L}{\partial \hat{y}}, \quad \frac{\partial L}{\partial \hat{y}} = 2(\hat{y} - y_{\text{target}})", "scale-factor", oracle=f"2 * {TW2}", style="tiny-3b1b-factor-2", note="3Blue1Brown's C = (a − y)² has the 2; this loss is ½(ŷ − y)²")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left[ (\hat{y} - y_{\text{target}})\, W_2^{\top} \circ \sigma(h_{\text{raw}}) \circ \left(1 - \sigma(h_{\text{raw}})\right) \right]", oracle=TW1, style="tiny-sigma-of-raw")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left[ (\hat{y} - y_{\text{target}})\, W_2^{\top} \circ \sigma(h) \circ \left(1 - \sigma(h)\right) \right]", "*", style="tiny-sigma-of-h", note="σ′ taken at the activation's output")
C(T, "W1[1,1]", L, r"\frac{\partial L}{\partial w_{22}} = \left(\hat{y} - y_{\text{target}}\right) v_{2}\, h_{2}\left(1 - h_{2}\right) x_{2}", style="entry-w22-latex")
C(T, "W1[1,1]", L, r"\frac{\partial L}{\partial w_{22}} = \left(\hat{y} - y_{\text{target}}\right) v_{2}\, h_{2}\left(1 - h_{2}\right) x_{1}", "*", style="entry-w22-latex-x1")
C(T, "W1[1,1]", L, r"\frac{\partial L}{\partial w_{22}} = \left(\hat{y} - y_{\text{target}}\right) v_{2}\, x_{2}", "missing-activation-derivative", style="entry-w22-latex-no-sigma")
C(T, "W2[1,0]", N, "∂L/∂v₂ = (ŷ − y)·h₂", style="entry-unicode-v2")
C(T, "W2[1,0]", N, "∂L/∂v₂ = (ŷ − y)·h₁", "*", style="entry-unicode-v2-h1")
C(T, "W2[0,0]", V, "-1.139×10^-1", style="v-tiny-caret-exponent")
C(T, "W2[0,0]", V, "-0.114", style="v-tiny-3sf")
C(T, "W2[0,0]", V, "-0.1172", "wrong-entry", style="v-tiny-other-entry")
C(T, "W1[0,1]", V, "-1.63e-2", style="v-tiny-W1-01-e")
C(T, "W1[0,1]", V, "-0.0327", "*", style="v-tiny-W1-01-double")

# ================================================================ neuron: Leibniz chains, 3Blue1Brown, keys
C(E, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial O}\,\frac{\partial O}{\partial z}\,\frac{\partial z}{\partial w} = (O - t)\, O (1 - O)\, x", oracle=EW, style="neuron-leibniz-then-value")
C(E, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial z}{\partial w}\,\frac{\partial O}{\partial z}\,\frac{\partial L}{\partial O}", oracle=EW, style="neuron-3b1b-order")
C(E, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial z}{\partial w}\,\frac{\partial L}{\partial O}", "missing-activation-derivative", oracle="(O - t) * x", style="neuron-3b1b-no-dO-dz")
C(E, "w", L, r"\frac{\partial L}{\partial w} = 2(O - t)\, \sigma'(z)\, x", "scale-factor", oracle=f"2 * {EW}", style="neuron-3b1b-factor-2", note="C_0 = (a − y)²'s 2; the neuron's loss is ½(O − t)²")
C(E, "w", L, r"\frac{\partial L}{\partial w} = (O - t)\, \sigma'(z)\, x", oracle=EW, style="neuron-sigma-prime")
C(E, "w", L, r"\frac{\partial L}{\partial w} = (O - t)\, \sigma'(O)\, x", "*", style="neuron-sigma-prime-of-O")
C(E, "z", N, "dL/dz = dL/dO · dO/dz", oracle="(O - t) * O * (1 - O)", style="neuron-plain-leibniz-dot")
C(E, "z", N, "dL/dz = dL/dO", "missing-activation-derivative", oracle="O - t", style="neuron-plain-leibniz-short")
C(E, "w[0,1]", V, "-0.03674", style="v-neuron-w01")
C(E, "w[0,1]", V, "-0.0612", "wrong-entry", style="v-neuron-w00-for-w01")
C(E, "w[0,2]", V, r"-2.449 \times 10^{-2}", style="v-neuron-latex-sci")
C(E, "w[0,0]", V, "0.01556", opts=KN, style="key-neuron-w00")
C(E, "w[0,1]", V, "0.01037", opts=KN, style="key-neuron-w01-not-asked")
C(E, "w[0,1]", V, "-0.03674", "*", opts=KN, style="key-neuron-base-number")
C(E, "w[0,2]", V, "0.02593", opts=KN, style="key-neuron-w02")
C(E, "w", L, r"(O - t)\, O (1 - O)\, x", opts=KN, style="key-neuron-formula")

# ================================================================ chain: 3Blue1Brown's chain rule
C(CH, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial u}{\partial w} \cdot \frac{\partial v}{\partial u} \cdot \frac{\partial L}{\partial v} = x \cdot 1 \cdot 2v", oracle="2 * v * x", style="chain-3b1b-values")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = x \cdot 1 \cdot v", "scale-factor", oracle="v * x", style="chain-3b1b-no-2")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = w \cdot 2v", "*", style="chain-3b1b-w-for-x")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = \frac{\partial v}{\partial b}\frac{\partial L}{\partial v}", oracle="2 * v", style="chain-b-leibniz")
C(CH, "x", L, r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial x} = 2(wx + b)\,w", oracle="2 * v * w", style="chain-x-expanded")
C(CH, "x", L, r"\frac{\partial L}{\partial x} = 2(wx + b)\,x", "*", style="chain-x-times-x")
C(CH, "w", V, "40", style="v-chain-w")
C(CH, "w", V, "20", "*", style="v-chain-w-half")
C(CH, "x", V, "60.0", style="v-chain-x")
C(CH, "b", V, "-20", "sign", style="v-chain-b-sign")
C(CH, "b", V, "-2", opts=KC, style="key-chain-b")
C(CH, "w", V, "-4", opts=KC, style="key-chain-w")
C(CH, "x", V, "1.4", opts=KC, style="key-chain-x-not-asked")
C(CH, "w", V, "40", "*", opts=KC, style="key-chain-base-number")
C(CH, "u", V, "-2.0", opts=KC, style="key-chain-u")

# ================================================================ relu-mlp: Goodfellow, fractions, keys
C(R, "w2", L, r"g \leftarrow 2(\hat{y} - y), \quad \nabla_{W^{(2)}} \mathcal{L} = h_{\text{relu}}^{\top} g", oracle=RW2, style="relu-goodfellow-g")
C(R, "w2", L, r"g \leftarrow (\hat{y} - y), \quad \nabla_{W^{(2)}} \mathcal{L} = h_{\text{relu}}^{\top} g", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="relu-goodfellow-no-2")
C(R, "w1", L, r"\begin{aligned} g &\leftarrow 2(\hat{y} - y)\, w_2^{\top} \\ g &\leftarrow g \odot \mathbb{1}[h > 0] \\ \nabla_{w_1} \mathcal{L} &= x^{\top} g \end{aligned}", oracle=RW1, style="relu-goodfellow-aligned")
C(R, "w1", L, r"\begin{aligned} g &\leftarrow 2(\hat{y} - y)\, w_2^{\top} \\ g &\leftarrow g \odot h_{\text{relu}} \\ \nabla_{w_1} \mathcal{L} &= x^{\top} g \end{aligned}", "*", style="relu-goodfellow-aligned-times-relu")
C(R, "w1", N, "∇w₁ = xᵀ[2(ŷ − y)w₂ᵀ ⊙ 𝟙(h > 0)]", oracle=RW1, style="relu-unicode-nabla")
C(R, "w1", N, "∇w₁ = xᵀ[2(ŷ − y)w₂ ⊙ 𝟙(h > 0)]", "*", style="relu-unicode-no-transpose")
C(R, "w2[0,0]", V, "-7479/10000", style="v-relu-fraction")
C(R, "w2[0,0]", V, "-0.7479", style="v-relu-decimal")
C(R, "w2[0,0]", V, "-0.3740", "*", style="v-relu-half")
C(R, "w1[2,1]", V, "0", style="v-relu-zero-entry")
C(R, "w1[2,1]", V, "0.0", opts={"digits": 4}, style="v-relu-zero-digits4")
C(R, "w1[2,2]", V, "0.143", style="v-relu-w1-22-3sf")
C(R, "w1[0,0]", V, "1.4", "too-few-digits", opts={"digits": 3}, style="v-relu-digits3-2sf")
C(R, "w1[0,0]", V, "1.45", opts={"rtol": 0.05}, style="v-relu-rtol5")
C(R, "w2[0,0]", V, "10.483", opts=KR, style="key-relu-w2-00")
C(R, "w2[1,0]", V, "12.49", opts=KR, style="key-relu-w2-10-not-asked")
C(R, "w1[3,2]", V, "-9.053", opts=KR, style="key-relu-w1-32")
C(R, "w1[3,2]", V, "-9.035", "*", opts=KR, style="key-relu-digits-swapped")
C(R, "w1[0,0]", V, "6.792", "sign", opts=KR, style="key-relu-sign")
C(R, "w2[2,1]", V, "2.61", lang=Z, opts=KR, style="zh-key-relu-w2-21")
C(R, "w2", L, r"2\, h_{\text{relu}}^{\top} (\hat{y} - y)", opts=KR, style="key-relu-formula")

# ================================================================ softmax-regression: CS229, CMU's Div
C(S, "W", L, r"\nabla_{W} \mathrm{Div} = \frac{1}{m} X^{\top} (P - Y)", oracle=SW, style="cmu-nabla-Div-mathrm")
C(S, "W", L, r"\nabla_{W} Div = X^{\top} (P - Y)", "scale-factor", oracle="X.T @ (P - Y)", style="cmu-nabla-Div-no-m")
C(S, "W", L, r"\nabla_{\theta} \ell = \frac{1}{m}\sum_{i=1}^{m} x^{(i)\top} \left(\phi^{(i)} - y^{(i)}\right)", REFUSE, style="cs229-phi-unknown", note="CS229's φ is P, but φ is not a name of this network: refused or rejected, never a ✓")
C(S, "b", N, "∂J/∂b = 𝟏ᵀ(P − Y) ÷ m", oracle=SB, style="softmax-bold-one-unicode")
C(S, "b", N, "∂J/∂b = (P − Y) ÷ m", "bias-not-summed", oracle="(P - Y) / m", style="softmax-b-unsummed-div")
C(S, "Z", L, r"\delta = \frac{1}{m}(P - Y), \quad \frac{\partial J}{\partial Z} = \delta", oracle="(P - Y) / m", style="softmax-dZ-delta")
C(S, "W[0,2]", V, "-0.4946", style="v-softmax-W02")
C(S, "W[0,2]", V, "-4.95e-1", style="v-softmax-W02-e")
C(S, "b[0,1]", V, "0.371", style="v-softmax-b01")
C(S, "b[0,1]", V, "0.7419", "*", style="v-softmax-b01-no-mean")

# ================================================================ batchnorm, rnn, attention
C(B, "beta", N, "∂L/∂β = 𝟏ᵀ · 2(Y − T)/(m·n)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="bn-beta-unicode-ones")
C(B, "gamma", N, "∂L/∂γ = 𝟏ᵀ[2(Y − T)/(m·n) ⊙ Ẑ]", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="bn-gamma-Z-hat-unicode", note="Ẑ is Z_hat")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} \frac{2}{mn}(Y - T)_{i} \odot \hat{Z}_{i}", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="bn-gamma-sum-rows-hat")
C(R2, "h_2", L, r"\frac{\partial L}{\partial h_2} = h_2 - y", oracle="h_2 - y", style="rnn-dh2")
C(R2, "z_2", L, r"\frac{\partial L}{\partial z_2} = (h_2 - y) \odot \left(1 - \tanh^2(z_2)\right)", oracle="(h_2 - y) * (1 - h_2 ** 2)", style="rnn-dz2-tanh2")
C(R2, "z_2", L, r"\frac{\partial L}{\partial z_2} = (h_2 - y) \odot \left(1 - \tanh(z_2)\right)^2", "*", style="rnn-dz2-square-outside")
C(A, "V", L, r"\frac{\partial L}{\partial V} = A^{\top} \frac{\partial L}{\partial O}, \quad \frac{\partial L}{\partial O} = \frac{2}{nd}(O - T)", oracle="A.T @ (2 * (O - T) / (n * d))", style="attn-dV")
C(A, "V", L, r"\frac{\partial L}{\partial V} = A \frac{\partial L}{\partial O}, \quad \frac{\partial L}{\partial O} = \frac{2}{nd}(O - T)", "*", style="attn-dV-no-transpose")

# ================================================================ course: MIT 6.390's hinge SVM, column-major (X is d×n, θ is d×1)
MI_DZ = "(-(y * (margin < 1)) / n)"
MI_TH = f"X @ {MI_DZ}.T + 2 * lam * th"
MI_TH0 = f"np.sum({MI_DZ})"
C(MI, "th", L, r"\frac{\partial J}{\partial \theta} = X \left(\frac{\partial J}{\partial z}\right)^{T} + 2\lambda\theta, \quad \frac{\partial J}{\partial z} = -\frac{1}{n}\, y \odot \mathbb{1}[\mathrm{margin} < 1]", oracle=MI_TH, style="mit-colmajor-dJdz-T")
C(MI, "th", L, r"\frac{\partial J}{\partial \theta} = \left(\frac{\partial J}{\partial z}\right)^{T} X + 2\lambda\theta, \quad \frac{\partial J}{\partial z} = -\frac{1}{n}\, y \odot \mathbb{1}[\mathrm{margin} < 1]", "*", style="mit-colmajor-wrong-order")
C(MI, "th", L, r"\nabla_{\theta} J = \frac{1}{n} \sum_{i=1}^{n} \begin{cases} -y^{(i)} x^{(i)} & \text{if } y^{(i)}(\theta^{T} x^{(i)} + \theta_0) < 1 \\ 0 & \text{otherwise} \end{cases} + 2\lambda\theta", oracle=MI_TH, style="mit-cases-per-example")
C(MI, "th", L, r"\nabla_{\theta} J = \frac{1}{n} \sum_{i=1}^{n} \begin{cases} -y^{(i)} x^{(i)} & \text{if } y^{(i)}(\theta^{T} x^{(i)} + \theta_0) < 1 \\ 0 & \text{otherwise} \end{cases}", "missing-loss-term", oracle=f"X @ {MI_DZ}.T", style="mit-cases-no-penalty")
C(MI, "th", L, r"\nabla_{\theta} J = \frac{1}{n} \sum_{i=1}^{n} \begin{cases} -y^{(i)} x^{(i)} & \text{if } y^{(i)}(\theta^{T} x^{(i)} + \theta_0) < 1 \\ 0 & \text{otherwise} \end{cases} + \lambda\theta", "loss-term-factor", oracle=f"X @ {MI_DZ}.T + lam * th", style="mit-cases-penalty-no-2")
C(MI, "th", L, r"\nabla_{\theta} J = \frac{1}{n} \sum_{i=1}^{n} \begin{cases} -y^{(i)} x^{(i)} & \text{if } y^{(i)}(\theta^{T} x^{(i)} + \theta_0) \le 1 \\ 0 & \text{otherwise} \end{cases} + 2\lambda\theta", "*", oracle="X @ (-(y * (margin <= 1)) / n).T + 2 * lam * th", style="mit-cases-le-at-the-tie", note="≤ 1 takes the examples on the margin (two of them at the spec's values): another number there")
C(MI, "th", N, "dJ/dθ = X·(−y ⊙ 1[margin < 1])ᵀ / n + 2λθ", oracle=MI_TH, style="mit-unicode")
C(MI, "th", N, "dJ/dθ = X·(y ⊙ 1[margin < 1])ᵀ / n + 2λθ", "*", oracle="X @ (y * (margin < 1)).T / n + 2 * lam * th", style="mit-unicode-sign-data-term", note="the data term's sign only")
C(MI, "th", N, "d_th = X @ np.where(margin < 1, -y, 0).T / n + 2 * lam * th", oracle=MI_TH, style="mit-code-where")
C(MI, "th", N, "d_th = X @ np.where(margin < 1, -y, 0).T + 2 * lam * th", "*", oracle="X @ np.where(margin < 1, -y, 0).T + 2 * lam * th", style="mit-code-no-n")
C(MI, "th0", L, r"\frac{\partial J}{\partial \theta_0} = -\frac{1}{n} \sum_{i=1}^{n} y^{(i)}\, \mathbb{1}\left[y^{(i)}(\theta^{T} x^{(i)} + \theta_0) < 1\right]", oracle=MI_TH0, style="mit-th0-sum")
C(MI, "th0", L, r"\frac{\partial J}{\partial \theta_0} = -\frac{1}{n} \sum_{i=1}^{n} y^{(i)}\, \mathbb{1}\left[y^{(i)}(\theta^{T} x^{(i)} + \theta_0) < 1\right] + 2\lambda\theta_0", "*", style="mit-th0-regularised", note="θ₀ is not in the penalty")
C(MI, "th0", L, r"\frac{\partial J}{\partial \theta_0} = -\frac{1}{n}\, y \odot \mathbb{1}[\mathrm{margin} < 1]", "bias-not-summed", oracle=MI_DZ, style="mit-th0-unsummed")
C(MI, "th0", V, "-1/4", style="v-mit-th0-fraction")
C(MI, "th0", V, r"-\frac{1}{4}", style="v-mit-th0-latex-frac")
C(MI, "th0", V, "-0.25", style="v-mit-th0-decimal")
C(MI, "th0", V, "-3/4", "*", style="v-mit-th0-le-at-tie", note="≤ 1 at the ties: three examples")
C(MI, "th[0,0]", V, "-23/100", style="v-mit-th0-fraction-100")
C(MI, "th[0,0]", V, "-0.25", "*", style="v-mit-th-no-penalty", note="the penalty's 2λθ₁ = 0.02 left out")
C(MI, "th[1,0]", V, "-0.250", style="v-mit-th1")
C(MI, "th[1,0]", V, "-0.23", "wrong-entry", style="v-mit-th1-other-entry")
C(MI, "th", V, r"\begin{bmatrix} -0.23 \\ -0.25 \end{bmatrix}", style="v-mit-table-column")
C(MI, "th", V, r"\begin{bmatrix} -0.25 \\ -0.23 \end{bmatrix}", "*", style="v-mit-table-swapped")
C(MI, "th", L, r"\frac{\partial J}{\partial \theta} = X \left(\frac{\partial J}{\partial z}\right)^{T} + 2\lambda\theta", REFUSE, style="mit-dJdz-undefined", note="∂J/∂z is not a node here (margin, hinge are); undefined: refused")

# ================================================================ course: CMU 11-785 HW1 (W is out×in, Z = A W^T + 1 b^T, softmax CE)
CM_DZ2 = "((A - Y) / N)"
CM_DZ1 = f"({CM_DZ2} @ W2 * (1 - A1 ** 2))"
C(CM, "W2", L, r"\nabla_{W_2} \mathrm{Div} = \frac{1}{N} (A - Y)^{\top} A_1", oracle=f"{CM_DZ2}.T @ A1", style="cmu-W2-Div")
C(CM, "W2", L, r"\nabla_{W_2} \mathrm{Div} = (A - Y)^{\top} A_1", "scale-factor", oracle="(A - Y).T @ A1", style="cmu-W2-no-N")
C(CM, "W2", L, r"\nabla_{W_2} \mathrm{Div} = \frac{1}{N} A_1^{\top} (A - Y)", "*", style="cmu-W2-transposed", note="C1×C for the C×C1 weight")
C(CM, "W2", N, "dLdW2 = dLdZ2.T @ A1\ndLdZ2 = (A - Y) / N", REFUSE, style="cmu-code-order-reversed", note="dLdZ2 used before it is defined: refused or rejected, never a ✓")
C(CM, "W2", N, "dLdZ2 = (A - Y) / N\ndLdW2 = dLdZ2.T @ A1", oracle=f"{CM_DZ2}.T @ A1", style="cmu-code-dLdZ")
C(CM, "W2", N, "dLdZ2 = (A - Y) / N\ndLdW2 = A1.T @ dLdZ2", "*", style="cmu-code-A1T-dZ")
C(CM, "b2", L, r"\nabla_{b_2} \mathrm{Div} = \frac{1}{N} (A - Y)^{\top} \mathbf{1}_N", oracle=f"{CM_DZ2}.T @ np.ones((N, 1))", style="cmu-b2-ones-N")
C(CM, "b2", L, r"\nabla_{b_2} \mathrm{Div} = \frac{1}{N} (A - Y)^{\top}", "bias-not-summed", style="cmu-b2-unsummed")
C(CM, "b2", N, "dLdb2 = np.sum(A - Y, axis=0, keepdims=True).T / N", oracle=f"np.sum({CM_DZ2}, axis=0).reshape(-1, 1)", style="cmu-b2-code-T")
C(CM, "b2", N, "dLdb2 = np.sum(A - Y, axis=1, keepdims=True) / N", "*", style="cmu-b2-code-axis1")
C(CM, "Z1", L, r"\frac{\partial \mathrm{Div}}{\partial Z_1} = \left(\frac{1}{N}(A - Y) W_2\right) \odot \left(1 - A_1^{2}\right)", oracle=CM_DZ1, style="cmu-dZ1-tanh")
C(CM, "Z1", L, r"\frac{\partial \mathrm{Div}}{\partial Z_1} = \left(\frac{1}{N}(A - Y) W_2^{\top}\right) \odot \left(1 - A_1^{2}\right)", "*", style="cmu-dZ1-extra-transpose", note="W2 is C×C1: (N×C)(C1×C) has no product")
C(CM, "Z1", L, r"\frac{\partial \mathrm{Div}}{\partial Z_1} = \frac{1}{N}(A - Y) W_2 \odot A_1 \odot (1 - A_1)", "wrong-activation-derivative", oracle=f"{CM_DZ2} @ W2 * A1 * (1 - A1)", style="cmu-dZ1-sigmoid-derivative")
C(CM, "W1", L, r"\nabla_{W_1} \mathrm{Div} = \left[\left(\tfrac{1}{N}(A - Y) W_2\right) \odot \left(1 - \tanh^{2}(Z_1)\right)\right]^{\top} A_0", oracle=f"{CM_DZ1}.T @ A0", style="cmu-W1-tanh2-Z1")
C(CM, "W1", L, r"\nabla_{W_1} \mathrm{Div} = \left[\tfrac{1}{N}(A - Y) W_2\right]^{\top} A_0", "missing-activation-derivative", oracle=f"({CM_DZ2} @ W2).T @ A0", style="cmu-W1-no-tanh")
C(CM, "W1", N, "∇_{W₁} Div = [((A − Y)W₂/N) ⊙ (1 − A₁²)]ᵀA₀", oracle=f"{CM_DZ1}.T @ A0", style="cmu-W1-unicode")
C(CM, "b1", N, "dLdb1 = np.ones((1, N)) @ ((A - Y) / N @ W2 * (1 - A1 ** 2))", "*", style="cmu-b1-row-for-column", note="a 1×C1 row for the C1×1 column")
C(CM, "b1", N, "dLdb1 = ((A - Y) / N @ W2 * (1 - A1 ** 2)).T @ np.ones((N, 1))", oracle=f"{CM_DZ1}.T @ np.ones((N, 1))", style="cmu-b1-ones-column")
C(CM, "W2[0,1]", V, "-0.0797", style="v-cmu-W2-01")
C(CM, "W2[0,1]", V, "-7.97 \\times 10^{-2}", style="v-cmu-W2-01-latex")
C(CM, "W2[0,1]", V, "0.00603", "wrong-entry", style="v-cmu-W2-00-for-01")
C(CM, "W1[1,2]", V, "-8.97e-4", style="v-cmu-W1-12-e")
C(CM, "W1[1,2]", V, "-0.000897", style="v-cmu-W1-12-decimal")
C(CM, "W1[1,2]", V, "-9e-4", "too-few-digits", style="v-cmu-W1-12-1sf")
C(CM, "W1[1,2]", V, "-3.59e-3", "*", style="v-cmu-W1-12-times-N", note="the sum for the mean (N = 4)")
C(CM, "b2[2,0]", V, "0.2241", style="v-cmu-b2-20")
C(CM, "b2[2,0]", V, "0.224", opts={"digits": 3}, style="v-cmu-b2-digits3")
C(CM, "b2", V, r"\begin{bmatrix} -0.1779 \\ -0.0461 \\ 0.2241 \end{bmatrix}", style="v-cmu-b2-table")
C(CM, "b2", V, r"\begin{bmatrix} -0.1779 & -0.0461 & 0.2241 \end{bmatrix}", "shape-mismatch", style="v-cmu-b2-table-row")
C(CM, "W2", L, r"\nabla_{W_2} \mathrm{Div} = \frac{1}{N} (A - Y)^{\top} A_1 +", REFUSE, style="cmu-trailing-plus")

# ================================================================ course: log-cosh JAX regression (Chinese comments; hid = softplus(X W1 + b1))
LC_DP = "(np.tanh(pred - y) / n)"
LC_DH = f"({LC_DP} @ w2.T * sigmoid(X @ W1 + b1))"
C(LC, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{1}{n} H^{\top} \tanh(\hat{y} - y)，其中 H 为隐藏层输出", REFUSE, lang=Z, style="zh-lc-H-undefined", note="H is not a name of this network (hid is) and the where-clause is prose: refused or rejected, never a ✓")
C(LC, "w2", L, r"$\frac{\partial L}{\partial w_2}=\frac{1}{n}\,\mathrm{hid}^{\top}\tanh(\mathrm{pred}-y)$", oracle=f"hid.T @ {LC_DP}", lang=Z, style="zh-lc-w2")
C(LC, "w2", L, r"$\frac{\partial L}{\partial w_2}=\mathrm{hid}^{\top}\tanh(\mathrm{pred}-y)$", "scale-factor", oracle="hid.T @ np.tanh(pred - y)", lang=Z, style="zh-lc-w2-no-n")
C(LC, "w2", L, r"$\frac{\partial L}{\partial w_2}=\frac{1}{n}\,\mathrm{hid}^{\top}\tanh(y-\mathrm{pred})$", "sign", oracle="hid.T @ np.tanh(y - pred) / n", lang=Z, style="zh-lc-w2-sign")
C(LC, "w2", L, r"$\frac{\partial L}{\partial w_2}=\frac{1}{n}\,\mathrm{hid}^{\top}\frac{\sinh(\mathrm{pred}-y)}{\cosh(\mathrm{pred}-y)}$", oracle=f"hid.T @ {LC_DP}", lang=Z, style="zh-lc-w2-sinh-over-cosh")
C(LC, "w2", L, r"$\frac{\partial L}{\partial w_2}=\frac{1}{n}\,\mathrm{hid}^{\top}\frac{1}{\cosh(\mathrm{pred}-y)}$", "*", lang=Z, style="zh-lc-w2-sech", note="d log cosh(r)/dr = tanh r, not 1/cosh r")
C(LC, "pred", N, "∂L/∂pred = tanh(pred − y)/n", oracle=LC_DP, lang=Z, style="zh-lc-dpred-unicode")
C(LC, "pred", N, "∂L/∂pred = tanh(pred − y)", "scale-factor", oracle="np.tanh(pred - y)", lang=Z, style="zh-lc-dpred-no-n")
C(LC, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[\frac{1}{n}\tanh(\mathrm{pred} - y)\, w_2^{\top} \odot \sigma(X W_1 + b_1)\right]", oracle=f"X.T @ {LC_DH}", lang=Z, style="zh-lc-W1-sigma")
C(LC, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[\frac{1}{n}\tanh(\mathrm{pred} - y)\, w_2^{\top} \odot \log(1 + e^{X W_1 + b_1})\right]", "wrong-activation-derivative", oracle=f"X.T @ ({LC_DP} @ w2.T * np.log(1 + np.exp(X @ W1 + b1)))", lang=Z, style="zh-lc-W1-softplus-for-derivative")
C(LC, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[\frac{1}{n}\tanh(\mathrm{pred} - y)\, w_2^{\top} \odot \frac{e^{X W_1 + b_1}}{1 + e^{X W_1 + b_1}}\right]", oracle=f"X.T @ {LC_DH}", lang=Z, style="zh-lc-W1-exp-ratio")
C(LC, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[\frac{1}{n}\tanh(\mathrm{pred} - y)\, w_2^{\top}\right]", "missing-activation-derivative", oracle=f"X.T @ ({LC_DP} @ w2.T)", lang=Z, style="zh-lc-W1-no-sigma")
C(LC, "b1", N, "db1 = jnp.sum(jnp.tanh(pred - y) / n @ w2.T * jax.nn.sigmoid(X @ W1 + b1), axis=0)", oracle=f"np.sum({LC_DH}, axis=0)", lang=Z, style="zh-lc-b1-jnp")
C(LC, "b1", N, "db1 = jnp.sum(jnp.tanh(pred - y) / n @ w2.T * jax.nn.sigmoid(X @ W1 + b1), axis=1)", "*", lang=Z, style="zh-lc-b1-axis1")
C(LC, "w2[0,0]", V, "约 -1.055", lang=Z, style="zh-v-lc-w2-00")
C(LC, "w2[0,0]", V, "≈ -1.05", lang=Z, style="zh-v-lc-w2-00-approx")
C(LC, "w2[0,0]", V, "1.055", "sign", lang=Z, style="zh-v-lc-w2-00-sign")
C(LC, "b1[0,0]", V, "≈ 0.047", style="v-lc-b1-approx")
C(LC, "b1[0,0]", V, "0.0422", "wrong-entry", style="v-lc-b1-01-for-00")
C(LC, "W1[2,1]", V, "-0.10305", style="v-lc-W1-21")
C(LC, "w2[0,0]", V, "0.07694", lang=Z, opts=KL, style="zh-key-lc-w2")
C(LC, "W1[2,3]", V, "-0.1327", opts=KL, style="key-lc-W1-23")
C(LC, "W1[1,1]", V, "0.2103", opts=KL, style="key-lc-W1-11-not-asked")
C(LC, "W1[2,3]", V, "0.0674", "*", opts=KL, style="key-lc-base-number")
C(LC, "b1[0,3]", V, "-0.04428", opts=KL, style="key-lc-b1-03")

# ================================================================ course: Keras backend MLP (tanh, softplus output, mean absolute error)
KB_DO = "(np.sign(out - y) / n)"
KB_DZ = f"({KB_DO} * sigmoid(h1 @ W2))"
C(KB, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{n} h_1^{\top} \left[\operatorname{sign}(\mathrm{out} - y) \odot \sigma(h_1 W_2)\right]", oracle=f"h1.T @ {KB_DZ}", style="kb-W2-sign-sigma")
C(KB, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{n} h_1^{\top} \left[\operatorname{sign}(y - \mathrm{out}) \odot \sigma(h_1 W_2)\right]", "sign", oracle="h1.T @ (np.sign(y - out) / n * sigmoid(h1 @ W2))", style="kb-W2-sign-flipped")
C(KB, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{n} h_1^{\top} \operatorname{sign}(\mathrm{out} - y)", "missing-activation-derivative", oracle=f"h1.T @ {KB_DO}", style="kb-W2-no-softplus-derivative")
C(KB, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{n} h_1^{\top} \left[(\mathrm{out} - y) \odot \sigma(h_1 W_2)\right]", "*", style="kb-W2-mse-habit", note="the residual for its sign: the MSE's gradient under an L1 loss")
C(KB, "W2", N, "dW2 = K.dot(K.transpose(h1), K.sign(out - y) * K.sigmoid(K.dot(h1, W2))) / n", oracle=f"h1.T @ {KB_DZ}", style="kb-code-K")
C(KB, "W2", N, "∂L/∂W₂ = h₁ᵀ[sgn(out − y) ⊙ σ(h₁W₂)]/n", oracle=f"h1.T @ {KB_DZ}", style="kb-unicode-sgn")
C(KB, "W1", L, r"\frac{\partial \mathcal{L}}{\partial W_1} = x^{\top}\left[\left(\tfrac{1}{n}\operatorname{sign}(\mathrm{out} - y) \odot \sigma(h_1 W_2)\right) W_2^{\top} \odot \left(1 - h_1^{2}\right)\right]", oracle=f"x.T @ ({KB_DZ} @ W2.T * (1 - h1 ** 2))", style="kb-W1")
C(KB, "W1", L, r"\frac{\partial \mathcal{L}}{\partial W_1} = x^{\top}\left[\left(\tfrac{1}{n}\operatorname{sign}(\mathrm{out} - y) \odot \sigma(h_1 W_2)\right) W_2^{\top}\right]", "missing-activation-derivative", oracle=f"x.T @ ({KB_DZ} @ W2.T)", style="kb-W1-no-tanh")
C(KB, "b1", N, "db1 = np.sum((np.sign(out - y) / n * sigmoid(h1 @ W2)) @ W2.T * (1 - h1 ** 2), axis=0)", oracle=f"np.sum({KB_DZ} @ W2.T * (1 - h1 ** 2), axis=0)", style="kb-b1-sum")
C(KB, "W2[0,0]", V, "0.0781", style="v-kb-W2-00")
C(KB, "W2[2,0]", V, "-6.467e-2", style="v-kb-W2-20-e")
C(KB, "W2[2,0]", V, "-0.0324", "wrong-entry", style="v-kb-W2-10-for-20")
C(KB, "W1[0,0]", V, "0.0369", style="v-kb-W1-00")

# ================================================================ course: clamp + leaky ReLU (torch), mean squared error
TC_D = "(2 * (A2 @ w3 - Y) / m)"
TC_DZ2 = f"({TC_D} @ w3.T * np.where(Z2 > 0, 1.0, 0.2))"
C(TC, "w3", L, r"\frac{\partial L}{\partial w_3} = \frac{2}{m} A_2^{\top}\left(A_2 w_3 - Y\right)", oracle=f"A2.T @ {TC_D}", style="tc-w3")
C(TC, "w3", L, r"\frac{\partial L}{\partial w_3} = \frac{1}{m} A_2^{\top}\left(A_2 w_3 - Y\right)", "scale-factor", oracle="A2.T @ (A2 @ w3 - Y) / m", style="tc-w3-no-2")
C(TC, "W2", L, r"\frac{\partial L}{\partial W_2} = A_1^{\top}\left[\tfrac{2}{m}(A_2 w_3 - Y) w_3^{\top} \odot \begin{cases} 1 & Z_2 > 0 \\ 0.2 & Z_2 \le 0 \end{cases}\right]", oracle=f"A1.T @ {TC_DZ2}", style="tc-W2-cases-leaky")
C(TC, "W2", L, r"\frac{\partial L}{\partial W_2} = A_1^{\top}\left[\tfrac{2}{m}(A_2 w_3 - Y) w_3^{\top} \odot \mathbb{1}(Z_2 > 0)\right]", "*", style="tc-W2-relu-mask", note="the leaky slope 0.2 dropped (a plain ReLU's mask)")
C(TC, "W2", N, "dW2 = A1.T @ (2 * (A2 @ w3 - Y) / m @ w3.T * torch.where(Z2 > 0, 1.0, 0.2))", oracle=f"A1.T @ {TC_DZ2}", style="tc-W2-torch-where")
C(TC, "W2", N, "dW2 = A1.T @ (2 * (A2 @ w3 - Y) / m @ w3.T)", "missing-activation-derivative", oracle=f"A1.T @ ({TC_D} @ w3.T)", style="tc-W2-no-leaky")
C(TC, "W1", N, "dW1 = X.T @ ((2 * (A2 @ w3 - Y) / m @ w3.T * np.where(Z2 > 0, 1.0, 0.2)) @ W2.T * (np.abs(X @ W1) < 1))", oracle=f"X.T @ ({TC_DZ2} @ W2.T * (np.abs(X @ W1) < 1))", style="tc-W1-clamp-mask")
C(TC, "w3[0,0]", V, "0.1426", style="v-tc-w3-00")
C(TC, "w3[1,0]", V, "3.098e-2", style="v-tc-w3-10-e")
C(TC, "W2[0,1]", V, "0.01219", style="v-tc-W2-01")
C(TC, "W2[0,1]", V, "-0.01219", "sign", style="v-tc-W2-01-sign")

# ================================================================ course: micrograd's scalar network under a Huber loss (|r| > δ at the spec's values)
C(MG, "w3", L, r"\frac{\partial \,\mathrm{loss}}{\partial w_3} = \frac{\partial \,\mathrm{loss}}{\partial \,\mathrm{out}}\,\frac{\partial \,\mathrm{out}}{\partial n_2}\,\frac{\partial n_2}{\partial w_3}", style="mg-leibniz-w3")
C(MG, "w3", L, r"\frac{\partial \,\mathrm{loss}}{\partial w_3} = \frac{\partial \,\mathrm{loss}}{\partial \,\mathrm{out}}\,\frac{\partial n_2}{\partial w_3}", "*", style="mg-leibniz-w3-missing-link")
C(MG, "w3", L, r"\frac{\partial \,\mathrm{loss}}{\partial w_3} = \frac{\partial \,\mathrm{loss}}{\partial \,\mathrm{out}}\,\frac{\partial \,\mathrm{out}}{\partial n_1}\,\frac{\partial n_1}{\partial w_3}", REFUSE, style="mg-leibniz-w3-other-branch", note="first labelled \"*\" (the factor ∂n₁/∂w₃ is 0, so the product is wrong); relabelled after the first pass by the written policy (catalogue key error.leibniz_not_input): a Leibniz factor whose variable is not upstream of its node is refused, saying to write the chain through the nodes that lead to the loss")
C(MG, "v2", L, r"\frac{\partial \,\mathrm{loss}}{\partial v_2} = \frac{\partial \,\mathrm{loss}}{\partial r}\,\frac{\partial r}{\partial \,\mathrm{out}}\,\frac{\partial \,\mathrm{out}}{\partial v_2}", style="mg-leibniz-v2-through-r")
C(MG, "v2", V, "-0.8483", style="v-mg-v2")
C(MG, "v2", V, "-2.583", "*", style="v-mg-v2-quadratic-branch", note="r·n₂ (the ½r² branch) where |r| > δ")
C(MG, "w3", V, "-1.682", style="v-mg-w3")
C(MG, "w3", V, r"-1.68\ (3\text{ s.f.})", style="v-mg-w3-latex-sf-note")
C(MG, "w3", V, "1.682", "sign", style="v-mg-w3-sign")
C(MG, "c", V, "1", style="v-mg-c")
C(MG, "c", V, "3.045", "*", style="v-mg-c-residual", note="r for δ·sign(r)")
C(MG, "v2", V, "约 −0.848", lang=Z, style="zh-v-mg-v2")
C(MG, "w3", V, "-1.682 (rounded", REFUSE, style="v-mg-unclosed-note")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c35t-000, … as written; cases repeating corpora 2-34t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus35t", "c35t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
