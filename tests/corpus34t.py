"""The held-out-style corpus of issue 11, thirty-fourth round, text side (``c34t``): LaTeX from
sources no corpus had used (Nielsen's BP1–BP4 ``\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)``,
Bishop's PRML ``\\delta_j = h'(a_j) \\sum_k w_{kj} \\delta_k``, 周志华《机器学习》's g_j/e_h, d2l's
``\\partial_{\\mathbf{W}}``, Géron's ``\\nabla_\\theta \\text{MSE}``, CS230's cheatsheet, exam
solutions) pasted with the environments and macros students use (``aligned``, ``align*``,
``\\displaystyle``, ``\\tfrac``/``\\dfrac``, ``\\mathbf``/``\\bm``/``\\vec``, ``^\\intercal``,
``^{\\mathsf T}``, ``\\operatorname{diag}``, ``\\mathbb{1}``, ``\\times`` as a product, ``\\,``
``\\;`` ``\\!``, ``\\big(``); plain text as typed into a chat or an LMS box (Unicode ``∂L/∂W₂``,
``ᵀ``, ``⊙``, ``∘``, ``·``, ``σ′``, sub/superscript digits, ``transpose(``); Leibniz chain products
with a factor wrong, missing or reordered; element-wise entry formulas (``--wrt W1[0,1]``,
``w12``) as the walkthroughs print them; hand numbers (rounded at 2–5 digits, sign slips, a factor
2, another entry's value, ``--digits``/``--rtol``, ``--answers KEY`` of exercise variants); seven
course networks no corpus had used (邱锡鹏's XOR network in column-major form, CS230's
logistic regression with an L1 + L2 penalty, a tanh regression with given values, Géron's ``np.c_`` bias column, scikit-learn's MLP
regressor objective, its elastic net, a ±1-label JAX logistic regression); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex34"). Oracles: PyTorch
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
QX = str(COURSE / "hn31_qiu_xor_sigmoid_sse_colmajor_cn.toml")
CS = str(COURSE / "hn15_cs230_l1_linalg_norm.toml")
PV = str(COURSE / "partial_values_tanh.toml")
GE = str(COURSE / "hn32_geron_np_c_bias_column_mse.toml")
SK = str(COURSE / "hn30_sklearn_mlp_regressor_ravel.toml")
EN = str(COURSE / "hn33_sklearn_elastic_net_objective_np.toml")
JL = str(COURSE / "hn15_jax_logistic_pm1.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


KM, KT, KS, KP = K(M, 3, 7), K(T, 5, 21), K(S, 2, 4), K(PV, 1, 8)

# ---- oracles (PyTorch float64, tests/check_oracle.py)
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402
from corpus22 import AT_DO, BN_DY  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0))"

# ================================================================ mlp-bce: Nielsen, Bishop, d2l, CS230, exam LaTeX
C(M, "W2", L, r"\begin{aligned} \delta^{[2]} &= \tfrac{1}{m}\big(\hat{Y} - Y\big) \\ \frac{\partial L}{\partial W^{[2]}} &= A^{[1]\intercal} \delta^{[2]} \end{aligned}", oracle=W2R, style="aligned-tfrac-intercal")
C(M, "W2", L, r"\begin{align*} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \dfrac{1}{m} A^{[1]\top} dZ^{[2]} \end{align*}", oracle=W2R, style="align-star-dfrac", note="Ng's dZ = A − Y (no 1/m), redefined inside the answer")
C(M, "W2", L, r"\begin{align*} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= A^{[1]\top} dZ^{[2]} \end{align*}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="align-star-no-m")
C(M, "W2", L, r"\displaystyle \frac{\partial \mathcal{L}}{\partial \mathbf{W}^{[2]}} = \frac{1}{m}\,\mathbf{A}^{[1]\mathsf{T}}\!\left(\hat{\mathbf{Y}} - \mathbf{Y}\right)", oracle=W2R, style="displaystyle-mathbf-mathsf-T")
C(M, "W2", L, r"\frac{\partial L}{\partial \bm{W}^{[2]}} = \frac{1}{m}\; (\bm{A}^{[1]})^{\mathsf T} \left[ \bm{A}^{[2]} - \bm{Y} \right]", oracle=W2R, style="bm-mathsf-T-brackets")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} (\hat{Y} - Y)^{\top} A^{[1]}", "*", oracle="(A2 - Y).T @ A1 / m", style="transposed-result", note="the 1×n_h row for the n_h×1 column: shape of the gradient wrong")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top} (Y - \hat{Y})", "sign", oracle="A1.T @ (Y - A2) / m", style="sign-y-minus-yhat")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top} \left( \hat{Y} - Y \right) \odot \sigma'(Z^{[2]})", "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="extra-sigma-prime-bce", note="σ′ applied again after the BCE+sigmoid simplification")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \sum_{i=1}^{m} \big(a^{[1](i)}\big)^{\top} \big(\hat{y}^{(i)} - y^{(i)}\big)", oracle=W2R, style="sum-per-example-paren-T")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \sum_{i=1}^{m} \big(a^{[1](i)}\big)^{\top} \big(\hat{y}^{(i)} - y^{(i)}\big)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="sum-per-example-no-m")
C(M, "Z2", L, r"\delta^{[2]} = \nabla_{a} C \odot \sigma'(z^{[2]}), \quad \nabla_a C = \frac{1}{m}\left(\frac{1 - Y}{1 - A^{[2]}} - \frac{Y}{A^{[2]}}\right)", oracle="(A2 - Y) / m", style="nielsen-bp1-bce")
C(M, "Z2", L, r"\delta^{[2]} = \frac{1}{m}\left(\frac{1 - Y}{1 - A^{[2]}} - \frac{Y}{A^{[2]}}\right)", "missing-activation-derivative", oracle="((1 - Y) / (1 - A2) - Y / A2) / m", style="nielsen-bp1-no-sigma-prime")
C(M, "Z1", L, r"\delta^{[1]} = \left( \delta^{[2]} W^{[2]\top} \right) \odot \mathbb{1}\{Z^{[1]} > 0\}", oracle="dZ2 @ W2.T * (Z1 > 0)", style="nielsen-bp2-rowmajor-mathbb1-braces")
C(M, "Z1", L, r"\delta^{[1]} = \left( (W^{[2]})^{T} \delta^{[2]} \right) \odot \mathbb{1}\{Z^{[1]} > 0\}", "*", style="nielsen-bp2-colmajor-on-rowmajor", note="Nielsen's column-major (w^{l+1})^T δ^{l+1} on a row-major network: 1×n_h @ m×1, no product")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \odot \operatorname{relu}'(Z^{[1]})", oracle="dZ2 @ W2.T * (Z1 > 0)", style="operatorname-relu-prime")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \odot \sigma'(Z^{[1]})", "wrong-activation-derivative", oracle="dZ2 @ W2.T * A1 * (1 - A1)", style="sigma-prime-on-relu", note="A1 = relu(Z1): σ′ is the wrong derivative; A1·(1−A1) also differs")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Big[\big(\tfrac{1}{m}(\hat{Y} - Y)\, W^{[2]\top}\big) \odot \mathbb{1}[Z^{[1]} > 0]\Big]", oracle=W1R, style="Big-big-tfrac")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Big[\big(\tfrac{1}{m}(\hat{Y} - Y)\, W^{[2]\top}\big) \odot \mathbb{1}[A^{[1]} > 0]\Big]", oracle=W1R, style="mathbb1-of-A1")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Big[\tfrac{1}{m}(\hat{Y} - Y)\, W^{[2]\top}\Big]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="no-relu-mask")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Big[\tfrac{1}{m}(\hat{Y} - Y)\, W^{[2]} \odot \mathbb{1}[Z^{[1]} > 0]\Big]", "missing-transpose", style="W2-not-transposed", note="(m×1)(n_h×1): no product; the transpose repairs it")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left( (\hat{Y} - Y) W^{[2]\top} \times \mathbb{1}(Z^{[1]} > 0) \right)", oracle=W1R, style="times-as-hadamard", note="\\times between two m×n_h blocks read as the element-wise product the student meant")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left( (\hat{Y} - Y) W^{[2]\top} \cdot \mathbb{1}(Z^{[1]} > 0) \right)", oracle=W1R, style="cdot-as-hadamard")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m} \mathbf{1}_m^{\top} \left[ (\hat{Y} - Y) W^{[2]\top} \odot \mathbb{1}(Z^{[1]} > 0) \right]", oracle=B1R, style="ones-m-transposed")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m} \left[ (\hat{Y} - Y) W^{[2]\top} \odot \mathbb{1}(Z^{[1]} > 0) \right]", "bias-not-summed", style="b1-not-summed")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m} \left(\hat{y}^{(i)} - y^{(i)}\right)", oracle=B2R, style="b2-sum-i")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m} \left(\hat{y}^{(i)} - y^{(i)}\right) \hat{y}^{(i)} \left(1 - \hat{y}^{(i)}\right)", "*", oracle="np.sum((A2 - Y) * A2 * (1 - A2), axis=0, keepdims=True) / m", style="b2-mse-habit")
C(M, "W2", L, r"\partial_{\mathbf{W}^{[2]}} L = \frac{1}{m} \mathbf{A}^{[1]\top} (\hat{\mathbf{Y}} - \mathbf{Y})", oracle=W2R, style="d2l-partial-subscript")
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m} dZ^{[2]\,T} A^{[1]}, \quad dZ^{[2]} = A^{[2]} - Y", "*", style="cs230-colmajor-order-on-rowmajor", note="CS230's column-major dZ Aᵀ order transposed wrongly: 1×n_h")
C(M, "W1", L, r"\nabla_{W^{[1]}} J = \frac{1}{m} X^{\top} \big( (A^{[2]} - Y)\, (W^{[2]})^{\!\top} \circ \mathbb{1}_{\{Z^{[1]} > 0\}} \big)", oracle=W1R, style="mathbb1-subscript-set")
C(M, "W2", L, r"$$\frac{\partial L}{\partial W^{[2]}}=\frac{1}{m}\,A^{[1]\top}\,(A^{[2]}-Y)$$ 所以对 $W^{[2]}$ 的梯度是隐藏层输出与误差的乘积。", lang=Z, oracle=W2R, style="zh-display-math-prose")
C(M, "W2", L, r"$\frac{\partial L}{\partial W^{[2]}}=A^{[1]\top}(A^{[2]}-Y)$，（这里省略了 $\frac{1}{m}$）", "scale-factor", lang=Z, oracle="A1.T @ (A2 - Y)", style="zh-no-m-said")
C(M, "Z1", L, r"$\delta^{[1]}=\left(\delta^{[2]}{W^{[2]}}^{\mathrm{T}}\right)\odot f'\!\left(Z^{[1]}\right)$，其中 $f$ 为 ReLU。", lang=Z, oracle="dZ2 @ W2.T * (Z1 > 0)", style="zh-f-prime-relu")
C(M, "b1", L, r"$\frac{\partial L}{\partial b^{[1]}}=\sum_{i=1}^{m}\delta^{[1](i)}$", lang=Z, oracle=B1R, style="zh-b1-sum-delta")
# plain text, Unicode, chat
C(M, "W2", N, "∂L/∂W₂ = A₁ᵀ·(Ŷ − Y)/m", oracle=W2R, style="unicode-sub-digits-hat")
C(M, "W2", N, "∂L/∂W₂ = A₁ᵀ·(Ŷ − Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="unicode-no-m")
C(M, "W2", N, "∂L/∂W² = (A¹)ᵀ (A² − Y) / m", oracle=W2R, style="unicode-superscript-layers")
C(M, "W1", N, "dL/dW1 = Xᵀ · [((A2 − Y)/m) · W2ᵀ ⊙ 1(Z1 > 0)]", oracle=W1R, style="unicode-indicator-1")
C(M, "W1", N, "dL/dW1 = Xᵀ · [((A2 − Y)/m) · W2ᵀ ∘ (Z1 > 0)]", oracle=W1R, style="unicode-circ-comparison")
C(M, "W1", N, "dL/dW1 = Xᵀ · [((A2 − Y)/m) · W2ᵀ ∘ σ′(Z1)]", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="unicode-sigma-prime-relu")
C(M, "W1", N, "dW1 = transpose(X) @ ((A2 - Y) @ transpose(W2) * (Z1 > 0)) / m", oracle=W1R, style="transpose-word")
C(M, "W1", N, "dW1 = transpose(X) * ((A2 - Y) * transpose(W2) * (Z1 > 0)) / m", "*", style="transpose-word-star-products", note="every product written *: X.T (n_in×m) * (m×n_h) has no broadcast")
C(M, "b2", N, "db2 = Σᵢ (ŷᵢ − yᵢ) / m", oracle=B2R, style="unicode-sigma-i")
C(M, "b2", N, "db2 = (ŷ − y) / m", "bias-not-summed", style="unicode-b2-not-summed")
C(M, "Z2", N, "dZ2 = (A2 - Y) / m   # BCE after sigmoid", oracle="(A2 - Y) / m", style="chat-comment")
C(M, "Z2", N, "dZ2 = (A2 - Y) * A2 * (1 - A2) / m", "*", oracle="(A2 - Y) * A2 * (1 - A2) / m", style="chat-mse-habit")
C(M, "W2", N, "dL/dW2 = dL/dZ2 * dZ2/dW2 = A1^T (A2 - Y) / m", oracle=W2R, style="chat-leibniz-then-formula")
C(M, "W2", N, "A1^T (A2 - Y) / m", oracle=W2R, style="caret-T")
C(M, "W2", N, "A1^T (A2 - Y) / 2", "*", style="caret-T-number-for-m", note="m = 2 written as the number 2")
# entry formulas as the walkthrough prints them
C(M, "W1[0,1]", L, r"\frac{\partial L}{\partial W^{[1]}_{12}} = \delta_{Z^{[1]}_{12}} \cdot X_{11} + \delta_{Z^{[1]}_{22}} \cdot X_{21}", style="entry-walkthrough-W1-12")
C(M, "W1[0,1]", L, r"\frac{\partial L}{\partial W^{[1]}_{12}} = \delta_{Z^{[1]}_{12}} \cdot X_{11}", "*", style="entry-W1-12-one-example")
C(M, "W1[0,1]", L, r"\frac{\partial L}{\partial W^{[1]}_{12}} = \delta_{Z^{[1]}_{12}} \cdot X_{12} + \delta_{Z^{[1]}_{22}} \cdot X_{22}", "*", style="entry-W1-12-wrong-input-column")
C(M, "W2[1,0]", L, r"\frac{\partial L}{\partial W^{[2]}_{21}} = \delta_{Z^{[2]}_{1}} A^{[1]}_{12} + \delta_{Z^{[2]}_{2}} A^{[1]}_{22}", style="entry-W2-21")
C(M, "W2[1,0]", L, r"\frac{\partial L}{\partial W^{[2]}_{21}} = \delta_{Z^{[2]}_{1}} A^{[1]}_{11} + \delta_{Z^{[2]}_{2}} A^{[1]}_{21}", "*", style="entry-W2-21-other-unit")
C(M, "W2[0,0]", N, "(A2[0,0] - Y[0,0]) * A1[0,0] / m + (A2[1,0] - Y[1,0]) * A1[1,0] / m", style="entry-numpy-index-sum")
C(M, "W2[0,0]", N, "(A2[0,0] - Y[0,0]) * A1[0,0] + (A2[1,0] - Y[1,0]) * A1[1,0]", "scale-factor", style="entry-numpy-no-m")
# hand numbers
C(M, "W1[0,1]", V, "0.1356", style="v-4sf")
C(M, "W1[0,1]", V, "0.13564", style="v-5sf")
C(M, "W1[0,1]", V, "0.14", style="v-2sf")
C(M, "W1[0,1]", V, "-0.1356", "sign", style="v-sign")
C(M, "W1[0,1]", V, "0.2713", "*", style="v-factor-2")
C(M, "W1[1,1]", V, "0.1356", "wrong-entry", style="v-other-entry", note="W1[0,1]'s value for W1[1,1] (0.0791)")
C(M, "b1[0,1]", V, "-0.01811", style="v-b1-4sf")
C(M, "b1[0,1]", V, "−1.81×10⁻²", style="v-unicode-sci")
C(M, "b1[0,1]", V, "-0.0181", opts={"digits": 3}, style="v-digits3")
C(M, "b1[0,1]", V, "-0.018", "too-few-digits", opts={"digits": 3}, style="v-digits3-2sf")
C(M, "b1[0,1]", V, "-0.0185", opts={"rtol": 0.05}, style="v-rtol5")
C(M, "b1[0,1]", V, "-0.0195", "*", opts={"rtol": 0.05}, style="v-rtol5-out")
C(M, "W2[1,0]", V, "≈ −0.00898", lang=Z, style="zh-v-approx")
C(M, "W1[1,0]", V, "约 -0.196。", lang=Z, style="zh-v-yue")
C(M, "W1[1,0]", V, "0.196", "sign", lang=Z, style="zh-v-sign")
C(M, "W2[0,0]", V, "0.2739", opts=KM, style="key-W2-00")
C(M, "W2[1,0]", V, "0.7127", opts=KM, style="key-W2-10")
C(M, "W1[0,0]", V, "-0.08429", opts=KM, style="key-W1-00-4sf")
C(M, "W1[0,0]", V, "-0.0979", "*", opts=KM, style="key-base-number", note="the built-in example's value given for variant 3")
C(M, "b2[0,0]", V, "0.2686", opts=KM, style="key-b2")
C(M, "W1[1,1]", V, "0.2760", "sign", opts=KM, style="key-W1-11-sign")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} (A^{[2]} - Y)", opts=KM, style="key-latex-W2")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} \approx \begin{bmatrix} 0.2739 \\ 0.7127 \end{bmatrix}", opts=KM, style="key-bmatrix")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} \approx \begin{bmatrix} 0.2739 & 0.7127 \end{bmatrix}", "shape-mismatch", opts=KM, style="key-bmatrix-row")
# unreadable
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} (A^{[2]} - Y", REFUSE, style="unbalanced-paren")
C(M, "W2", L, r"\begin{aligned} dW^{[2]} &= \frac{1}{m} A^{[1]\top} dZ^{[2]} \end{align}", REFUSE, style="mismatched-environment")
C(M, "W2", N, "∂L/∂W₂ = A₁ᵀ·(Ŷ − Y)/", REFUSE, style="unicode-trailing-slash")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top} \mathcal{Q}(Z^{[1]})", REFUSE, lang=Z, style="zh-unknown-function")
C(M, "b1[0,1]", V, "-1.81%", REFUSE, style="v-percent")

# ================================================================ mlp-bce-weighted
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left[(1 - Y) \odot \hat{Y} - w\, Y \odot (1 - \hat{Y})\right]", oracle="((1 - Y) * A2 - 3 * Y * (1 - A2)) / m", style="weighted-latex")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}(\hat{Y} - Y)", "weighted-loss-not-simplifiable", style="weighted-latex-plain")
C(MW, "W2", N, "∂L/∂W₂ = A₁ᵀ[(1 − Y)⊙Ŷ − w·Y⊙(1 − Ŷ)]/m", oracle="A1.T @ ((1 - Y) * A2 - 3 * Y * (1 - A2)) / m", style="weighted-unicode")

# ================================================================ tiny-mlp: Leibniz chains, entry formulas
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial h} \frac{\partial h}{\partial h_{raw}} \frac{\partial h_{raw}}{\partial W_1}", oracle=TW1, style="leibniz-W1-full")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial h} \frac{\partial h_{raw}}{\partial W_1}", "*", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="leibniz-W1-missing-sigmoid", note="∂h/∂h_raw left out: the sigmoid's derivative missing")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{\partial L}{\partial h} \frac{\partial h}{\partial h_{raw}} \frac{\partial h_{raw}}{\partial W_1}", oracle=TW1, style="leibniz-W1-from-h")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial W_2}", oracle=TW2, style="leibniz-W2")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial h}", "*", style="leibniz-W2-wrong-last-factor", note="ends at h, not W2: W2ᵀ·δ where hᵀ·δ belongs")
C(T, "W2", N, "dL/dW2 = dL/dy_pred * dy_pred/dW2", oracle=TW2, style="leibniz-plain-W2")
C(T, "W1", N, "dL/dW1 = dL/dh * dh/dh_raw * dh_raw/dW1", oracle=TW1, style="leibniz-plain-W1")
C(T, "W1", N, "dL/dW1 = dL/dy_pred * dy_pred/dh * dh_raw/dW1", "*", style="leibniz-plain-W1-missing-link")
C(T, "W1[0,1]", N, "w12: (y_pred - y_target) * v2 * h2 * (1 - h2) * x1", style="entry-w12-label")
C(T, "W1[0,1]", N, "(y_pred - y_target) * v1 * h2 * (1 - h2) * x1", "*", style="entry-w12-v1")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="entry-w21")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "*", style="entry-w21-x1")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * x2", "missing-activation-derivative", style="entry-w21-no-sigmoid")
C(T, "W1[1,0]", N, "v1 * h1 * (1 - h1) * x2", "missing-factor", style="entry-w21-no-dy")
C(T, "W1[1,0]", N, "(y_target - y_pred) * v1 * h1 * (1 - h1) * x2", "sign", style="entry-w21-sign")
C(T, "W1[0,1]", N, "∂L/∂w₁₂ = (ŷ − y)·v₂·h₂(1 − h₂)·x₁", style="entry-unicode-w12")
C(T, "W1[0,1]", N, "∂L/∂w₁₂ = (ŷ − y)·v₂·h₂·x₁", "wrong-activation-derivative", style="entry-unicode-w12-no-deriv", note="h₂ where h₂(1 − h₂) belongs: the activation itself for its derivative (first labelled missing-activation-derivative; relabelled: the factor h₂ is written, so the derivative is wrong, not missing)")
C(T, "W1[0,0]", N, "(y_pred - y_target) * W2[0,0] * h[0,0] * (1 - h[0,0]) * X[0,0]", style="entry-numpy-index-w11")
C(T, "W1[0,0]", N, "(y_pred - y_target) * W2[0,0] * h[0,0] * (1 - h[0,0]) * X[0,1]", "*", style="entry-numpy-index-w11-x2")
C(T, "W1[0,1]", L, r"\frac{\partial L}{\partial w_{12}} = \delta_{h_{2,\text{raw}}} \cdot x_{1}", style="entry-walkthrough-delta")
C(T, "W1[0,1]", L, r"\frac{\partial L}{\partial w_{12}} = \delta_{h_{2,\text{raw}}} \cdot x_{2}", "*", style="entry-walkthrough-delta-x2")
C(T, "W1[0,1]", L, r"\frac{\partial L}{\partial w_{12}} = (y_{\text{pred}} - y_{\text{target}})\, v_{2}\, h_{2} (1 - h_{2})\, x_{1}", style="entry-latex-text-subscripts")
C(T, "W2[1,0]", L, r"\frac{\partial L}{\partial v_2} = (y_{\text{pred}} - y_{\text{target}})\, h_{2}", style="entry-v2")
C(T, "W2[1,0]", L, r"\frac{\partial L}{\partial v_2} = (y_{\text{pred}} - y_{\text{target}})\, h_{2} (1 - h_{2})", "*", style="entry-v2-extra-sigmoid")
C(T, "W1[0,1]", L, r"$\frac{\partial L}{\partial w_{12}}=(y_{\text{pred}}-y_{\text{target}})\,v_{2}\,h_{2}(1-h_{2})\,x_{1}$，按链式法则逐项相乘。", lang=Z, style="zh-entry-w12")
C(T, "W1[1,0]", L, r"$\frac{\partial L}{\partial w_{21}}=(y_{\text{pred}}-y_{\text{target}})\,v_{1}\,x_{2}$", "missing-activation-derivative", lang=Z, style="zh-entry-w21-no-deriv")
C(T, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top} \left( (y_{\text{pred}} - y_{\text{target}})\, W^{[2]\top} \odot h \odot (1 - h) \right)", oracle=TW1, style="matrix-text-subscripts")
C(T, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top} \left( (y_{\text{pred}} - y_{\text{target}})\, W^{[2]\top} \odot \operatorname{diag}(h \odot (1 - h)) \right)", "shape-mismatch", style="odot-operatorname-diag")
C(T, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top} \left( (y_{\text{pred}} - y_{\text{target}})\, W^{[2]\top} \operatorname{diag}(h \odot (1 - h)) \right)", oracle=TW1, style="operatorname-diag-product")
C(T, "W2", N, "∂L/∂W₂ = hᵀ(ŷ − y)", oracle=TW2, style="unicode-W2")
C(T, "W2", N, "∂L/∂W₂ = h(ŷ − y)", "*", style="unicode-W2-no-T")
C(T, "W1[0,0]", V, "-0.01367", style="v-w11-4sf")
C(T, "W1[0,0]", V, "-0.013668", style="v-w11-5sf")
C(T, "W1[0,1]", V, "-0.01635", style="v-w12-4sf")
C(T, "W1[0,1]", V, "-0.01367", "wrong-entry", style="v-w12-w11-value")
C(T, "W1[1,1]", V, "-0.00327", style="v-w22-3sf")
C(T, "W1[1,1]", V, "-0.00654", "*", style="v-w22-factor-2")
C(T, "W2[1,0]", V, "-0.1172", style="v-v2")
C(T, "W2[1,0]", V, "0.1172", "sign", style="v-v2-sign")
C(T, "W1[0,0]", V, "-0.1650", opts=KT, style="key-w11")
C(T, "W1[1,1]", V, "0.4179", opts=KT, style="key-w22")
C(T, "W2[0,0]", V, "-0.7302", opts=KT, style="key-v1")
C(T, "W2[0,0]", V, "-0.7068", "wrong-entry", opts=KT, style="key-v1-v2-value")
C(T, "W1[1,0]", V, "-0.33", opts=KT, style="key-w21-2sf")

# ================================================================ neuron / chain: scalar chains
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial \mathbf{w}}", oracle=EW, style="neuron-leibniz")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \frac{\partial L}{\partial O}\frac{\partial z}{\partial \mathbf{w}}", "*", oracle="(O - t) * x", style="neuron-leibniz-missing-sigmoid")
C(E, "w", L, r"\frac{\partial L}{\partial \vec{w}} = (O - t)\, O (1 - O)\, \vec{x}", oracle=EW, style="neuron-vec")
C(E, "w", L, r"\frac{\partial L}{\partial \vec{w}} = (O - t)\, O (1 - O)", "*", style="neuron-vec-no-x")
C(E, "w", N, "∂L/∂w = (O − t)·σ′(z)·x", oracle=EW, style="neuron-unicode-sigma-prime")
C(E, "w", N, "∂L/∂w = (O − t)·σ(z)·x", "*", oracle="(O - t) * O * x", style="neuron-unicode-sigma-not-prime")
C(E, "w[0,1]", V, "-0.03674", style="neuron-v-w2")
C(E, "w[0,2]", V, "-0.0245", style="neuron-v-w3-3sf")
C(E, "w[0,2]", V, "-0.0367", "wrong-entry", style="neuron-v-w3-w2-value")
C(CH, "w", L, r"\frac{dL}{dw} = \frac{dL}{dv}\,\frac{dv}{du}\,\frac{du}{dw}", style="chain-leibniz")
C(CH, "w", L, r"\frac{dL}{dw} = \frac{du}{dw}\,\frac{dL}{dv}\,\frac{dv}{du}", style="chain-leibniz-reordered", note="scalars: the order of the factors does not matter")
C(CH, "w", L, r"\frac{dL}{dw} = \frac{dL}{dv}\,\frac{dv}{du}", "*", style="chain-leibniz-missing-du-dw")
C(CH, "w", L, r"\frac{dL}{dw} = \frac{dL}{dv}\,\frac{dv}{db}", "*", style="chain-leibniz-wrong-branch")
C(CH, "w", L, r"\frac{dL}{dw} = 2v \cdot x", style="chain-cdot")
C(CH, "w", L, r"\frac{dL}{dw} = 2(wx + b)\,x", style="chain-expanded")
C(CH, "w", L, r"\frac{dL}{dw} = 2(wx + b)", "*", style="chain-expanded-no-x")
C(CH, "b", N, "dL/db = dL/dv · dv/db = 2v", style="chain-plain-db")
C(CH, "b", N, "dL/db = 2v·x", "*", style="chain-plain-db-times-x")
C(CH, "w", V, "40", style="chain-v-exact")
C(CH, "w", V, "40.0", style="chain-v-40.0")
C(CH, "w", V, "20", "*", style="chain-v-db-value")
C(CH, "b", V, "二十", REFUSE, lang=Z, style="zh-v-chinese-numeral")
C(CH, "b", V, "20", lang=Z, style="zh-v-db")

# ================================================================ relu-mlp
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = 2\, h_{relu}^{\top} (y_{pred} - y)", oracle=RW2, style="relu-w2")
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = h_{relu}^{\top} (y_{pred} - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="relu-w2-no-2")
C(R, "w1", N, "∂L/∂w₁ = xᵀ[2(ŷ − y)w₂ᵀ ⊙ 1(h > 0)]", oracle=RW1, style="relu-w1-unicode")
C(R, "w1", N, "∂L/∂w₁ = xᵀ[2(ŷ − y)w₂ᵀ]", "missing-activation-derivative", style="relu-w1-unicode-no-mask")
C(R, "w2[0,0]", V, "-0.7479", style="relu-v")

# ================================================================ softmax-regression
C(S, "W", L, r"\nabla_{\mathbf{W}} J = \frac{1}{m}\mathbf{X}^{\intercal}(\mathbf{P} - \mathbf{Y})", oracle=SW, style="softmax-intercal")
C(S, "W", L, r"\nabla_{\mathbf{W}} J = \frac{1}{m}\sum_{i=1}^{m} \mathbf{x}^{(i)\intercal} \big(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\big)", oracle=SW, style="softmax-sum-i-intercal")
C(S, "W", L, r"\nabla_{\mathbf{W}} J = \frac{1}{m}\mathbf{X}^{\intercal}(\mathbf{Y} - \mathbf{P})", "sign", oracle="X.T @ (Y - P) / m", style="softmax-sign")
C(S, "b", N, "∂J/∂b = 1ᵀ(P − Y)/m", oracle=SB, style="softmax-b-ones-unicode")
C(S, "W[1,2]", V, "-0.7428", style="softmax-v")
C(S, "W[0,0]", V, "0.1927", opts=KS, style="key-softmax-W00")
C(S, "W[0,0]", V, "0.5849", "*", opts=KS, style="key-softmax-base-number")
C(S, "b[0,0]", V, "0.406", opts=KS, style="key-softmax-b")

# ================================================================ rnn, attention, batchnorm
C(R2, "W_h[0,0]", V, "-0.05793", style="rnn-v")
C(R2, "W_h[0,0]", V, "-0.0579", lang=Z, style="zh-rnn-v")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\mathsf T} A^{\mathsf T} \frac{\partial L}{\partial O}", oracle=f"X.T @ A.T @ {AT_DO}", style="attn-Wv-mathsf")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\mathsf T} A \frac{\partial L}{\partial O}", "missing-transpose", style="attn-Wv-no-T")
C(B, "gamma[0,0]", V, "0.7266", style="bn-v")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \sum_{i=1}^{m} \frac{\partial L}{\partial y_i}", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="bn-beta-sum")

# ================================================================ course: 邱锡鹏's XOR network (column-major, sigmoid, SSE)
Q_D2 = "((A2 - Y) * A2 * (1 - A2))"
Q_D1 = f"((W2.T @ {Q_D2}) * A1 * (1 - A1))"
QW2 = f"{Q_D2} @ A1.T"
QB2 = f"np.sum({Q_D2}, axis=1, keepdims=True)"
QW1 = f"{Q_D1} @ X.T"
QB1 = f"np.sum({Q_D1}, axis=1, keepdims=True)"
C(QX, "W2", L, r"\frac{\partial E}{\partial W^{(2)}} = \left[(a^{(2)} - y) \odot a^{(2)} \odot (1 - a^{(2)})\right] (a^{(1)})^{\mathrm{T}}", oracle=QW2, style="qiu-W2-lowercase")
C(QX, "W2", L, r"\frac{\partial E}{\partial W^{(2)}} = \delta^{(2)} (a^{(1)})^{\mathrm{T}}, \quad \delta^{(2)} = (a^{(2)} - y) \odot \sigma'(z^{(2)})", oracle=QW2, style="qiu-W2-delta-where")
C(QX, "W2", L, r"\frac{\partial E}{\partial W^{(2)}} = (a^{(2)} - y) (a^{(1)})^{\mathrm{T}}", "missing-activation-derivative", oracle="(A2 - Y) @ A1.T", style="qiu-W2-no-sigma-prime", note="the BCE habit on a squared loss")
C(QX, "W2", L, r"\frac{\partial E}{\partial W^{(2)}} = (a^{(1)})^{\mathrm{T}} \delta^{(2)}, \quad \delta^{(2)} = (a^{(2)} - y) \odot \sigma'(z^{(2)})", "*", style="qiu-W2-rowmajor-order", note="(4×2)(1×4): no product in this column-major network")
C(QX, "W2", L, r"\frac{\partial E}{\partial W^{(2)}} = \frac{1}{4}\left[(a^{(2)} - y) \odot a^{(2)} \odot (1 - a^{(2)})\right] (a^{(1)})^{\mathrm{T}}", "*", oracle=f"{QW2} / 4", style="qiu-W2-mean-habit", note="E sums over the four examples: no 1/N")
C(QX, "b2", L, r"\frac{\partial E}{\partial b^{(2)}} = \sum_{n=1}^{N} \delta^{(2,n)}, \quad \delta^{(2)} = (a^{(2)} - y) \odot a^{(2)} \odot (1 - a^{(2)})", oracle=QB2, style="qiu-b2-sum-n")
C(QX, "b2", L, r"\frac{\partial E}{\partial b^{(2)}} = (A^{(2)} - Y) \odot A^{(2)} \odot (1 - A^{(2)})", "bias-not-summed", style="qiu-b2-not-summed")
C(QX, "b2", N, "db2 = np.sum((A2 - Y) * A2 * (1 - A2), axis=0, keepdims=True)", "*", style="qiu-b2-axis0", note="axis=0 of a 1×4 row keeps four numbers: the 1×1 bias needs axis=1")
C(QX, "W1", L, r"\delta^{(1)} = \left((W^{(2)})^{\mathrm{T}} \delta^{(2)}\right) \odot a^{(1)} \odot (1 - a^{(1)}), \quad \frac{\partial E}{\partial W^{(1)}} = \delta^{(1)} x^{\mathrm{T}}, \quad \delta^{(2)} = (a^{(2)} - y) \odot a^{(2)} \odot (1 - a^{(2)})", oracle=QW1, style="qiu-W1-deltas")
C(QX, "W1", L, r"\begin{aligned} \delta^{(2)} &= (A^{(2)} - Y) \odot A^{(2)} \odot (1 - A^{(2)}) \\ \delta^{(1)} &= (W^{(2)})^{\mathrm{T}} \delta^{(2)} \odot A^{(1)} \odot (1 - A^{(1)}) \\ \frac{\partial E}{\partial W^{(1)}} &= \delta^{(1)} X^{\mathrm{T}} \end{aligned}", oracle=QW1, style="qiu-W1-aligned")
C(QX, "W1", L, r"\begin{aligned} \delta^{(2)} &= (A^{(2)} - Y) \odot A^{(2)} \odot (1 - A^{(2)}) \\ \delta^{(1)} &= (W^{(2)})^{\mathrm{T}} \delta^{(2)} \\ \frac{\partial E}{\partial W^{(1)}} &= \delta^{(1)} X^{\mathrm{T}} \end{aligned}", "missing-activation-derivative", oracle=f"(W2.T @ {Q_D2}) @ X.T", style="qiu-W1-aligned-no-deriv")
C(QX, "W1", L, r"\begin{aligned} \delta^{(2)} &= (A^{(2)} - Y) \odot A^{(2)} \odot (1 - A^{(2)}) \\ \delta^{(1)} &= (W^{(2)})^{\mathrm{T}} \delta^{(2)} \odot A^{(1)} \odot (1 - A^{(1)}) \\ \frac{\partial E}{\partial W^{(1)}} &= X^{\mathrm{T}} \delta^{(1)} \end{aligned}", "*", style="qiu-W1-aligned-wrong-order")
C(QX, "W1", L, r"\begin{aligned} \delta^{(2)} &= (A^{(2)} - Y) \odot A^{(2)} \odot (1 - A^{(2)}) \\ \delta^{(1)} &= W^{(2)} \delta^{(2)} \odot A^{(1)} \odot (1 - A^{(1)}) \\ \frac{\partial E}{\partial W^{(1)}} &= \delta^{(1)} X^{\mathrm{T}} \end{aligned}", "*", style="qiu-W1-aligned-W2-no-T")
C(QX, "b1", L, r"\frac{\partial E}{\partial b^{(1)}} = \sum_{n} \left[ (W^{(2)})^{\mathrm{T}} \big((A^{(2)} - Y) \odot A^{(2)} \odot (1 - A^{(2)})\big) \odot A^{(1)} \odot (1 - A^{(1)}) \right]_{:,n}", REFUSE, style="qiu-b1-column-slice-subscript", note="a column slice [·]_{:,n} after a bracket: not a notation a reader can settle")
C(QX, "b1", N, "db1 = np.sum((W2.T @ ((A2 - Y) * A2 * (1 - A2))) * A1 * (1 - A1), axis=1, keepdims=True)", oracle=QB1, style="qiu-b1-numpy")
C(QX, "W2", N, "δ² = (A² − Y) ⊙ A² ⊙ (1 − A²)\n∂E/∂W² = δ² (A¹)ᵀ", oracle=QW2, style="qiu-unicode-two-lines")
C(QX, "W2", N, "∂E/∂W₂ = [(A₂ − Y) ⊙ A₂ ⊙ (1 − A₂)] A₁ᵀ", oracle=QW2, style="qiu-unicode-subscripts")
C(QX, "W2", N, "∂E/∂W₂ = [(A₂ − Y) ⊙ A₂ ⊙ (1 − A₂)] A₁", "*", style="qiu-unicode-no-T")
C(QX, "W2", L, r"$\frac{\partial E}{\partial \boldsymbol{W}^{(2)}}=\boldsymbol{\delta}^{(2)}\left(\boldsymbol{a}^{(1)}\right)^{\top}$，其中 $\boldsymbol{\delta}^{(2)}=(\boldsymbol{a}^{(2)}-\boldsymbol{y})\odot\boldsymbol{a}^{(2)}\odot(1-\boldsymbol{a}^{(2)})$。", lang=Z, oracle=QW2, style="zh-qiu-W2-qizhong")
C(QX, "W2", L, r"$\frac{\partial E}{\partial \boldsymbol{W}^{(2)}}=\boldsymbol{\delta}^{(2)}\left(\boldsymbol{a}^{(1)}\right)^{\top}$，其中 $\boldsymbol{\delta}^{(2)}=\boldsymbol{a}^{(2)}-\boldsymbol{y}$。", "missing-activation-derivative", lang=Z, oracle="(A2 - Y) @ A1.T", style="zh-qiu-W2-delta-no-deriv")
C(QX, "W1", L, r"$\boldsymbol{\delta}^{(1)}=f'(\boldsymbol{z}^{(1)})\odot\left((\boldsymbol{W}^{(2)})^{\top}\boldsymbol{\delta}^{(2)}\right)$，$\frac{\partial E}{\partial \boldsymbol{W}^{(1)}}=\boldsymbol{\delta}^{(1)}\boldsymbol{x}^{\top}$，$\boldsymbol{\delta}^{(2)}=(\boldsymbol{a}^{(2)}-\boldsymbol{y})\odot f'(\boldsymbol{z}^{(2)})$，$f$ 为 logistic 函数。", lang=Z, oracle=QW1, style="zh-qiu-W1-f-prime")
C(QX, "b2", N, "db2 = np.sum(δ2)  # δ2 = (A2 - Y) * A2 * (1 - A2)", REFUSE, lang=Z, style="zh-qiu-delta-in-comment-only", note="δ2 defined only in a comment: not the network's tensor")
C(QX, "b2[0,0]", V, "0.05544", lang=Z, style="zh-qiu-v-b2")
C(QX, "b2[0,0]", V, "0.0554", style="qiu-v-b2-3sf")
C(QX, "b2[0,0]", V, "0.01386", "*", style="qiu-v-b2-quarter", note="the mean over 4 examples where E sums")
C(QX, "W2[0,1]", V, "0.02774", style="qiu-v-W2-01")
C(QX, "W1[1,0]", V, "0.006514", style="qiu-v-W1-10")
C(QX, "W1[1,0]", V, "-0.00515", "*", style="qiu-v-W1-10-row0-value", note="row 0's value (W1[0,0]) for W1[1,0]")

# ================================================================ course: CS230 logistic regression, column-major, L1 + L2 (λ/m‖w‖₁ + λ/(2m)‖w‖²)
CS_DZ = "((A - Y) / m)"
CS_G = f"X @ {CS_DZ}.T + lambd / m * np.sign(w) + lambd / m * w"
C(CS, "w", L, r"dw = \frac{1}{m} X (A - Y)^{\mathsf T} + \frac{\lambda}{m}\operatorname{sign}(w) + \frac{\lambda}{m} w", oracle=CS_G, style="cs230-dw-l1-l2")
C(CS, "w", L, r"dw = \frac{1}{m} X (A - Y)^{\mathsf T} + \frac{\lambda}{m} w", "missing-loss-term", oracle=f"X @ {CS_DZ}.T + lambd / m * w", style="cs230-dw-no-l1")
C(CS, "w", L, r"dw = \frac{1}{m} X (A - Y)^{\mathsf T} + \frac{\lambda}{m}\operatorname{sign}(w) + \frac{\lambda}{2m} w", "loss-term-factor", oracle=f"X @ {CS_DZ}.T + lambd / m * np.sign(w) + lambd / (2 * m) * w", style="cs230-dw-l2-half")
C(CS, "w", L, r"\frac{\partial J}{\partial w} = \tfrac{1}{m} X(\hat{Y} - Y)^{\intercal} + \tfrac{\lambda}{m}\big(\mathrm{sign}(w) + w\big)", oracle=CS_G, style="cs230-hat-intercal-grouped")
C(CS, "w", L, r"\frac{\partial J}{\partial w} = \tfrac{1}{m} X(\hat{Y} - Y)^{\intercal} + \tfrac{\lambda}{m}\Big(\frac{w}{|w|} + w\Big)", oracle=CS_G, style="cs230-w-over-abs-w", note="w/|w| is sign(w) wherever the norm is differentiable")
C(CS, "w", L, r"\begin{aligned} dZ &= A - Y \\ dw &= \tfrac{1}{m}\, X\, dZ^{\top} + \tfrac{\lambda}{m}\,(\operatorname{sign}(w) + w) \end{aligned}", oracle=CS_G, style="cs230-aligned")
C(CS, "w", L, r"\begin{aligned} dZ &= A - Y \\ dw &= \tfrac{1}{m}\, dZ\, X^{\top} + \tfrac{\lambda}{m}\,(\operatorname{sign}(w) + w) \end{aligned}", "*", style="cs230-aligned-row-order", note="(1×m)(m×n_x) is the transposed gradient: a row for the n_x×1 column")
C(CS, "b", L, r"db = \frac{1}{m} \sum_{i=1}^{m} \left(a^{(i)} - y^{(i)}\right)", oracle=f"np.sum({CS_DZ})", style="cs230-db")
C(CS, "b", L, r"db = \frac{1}{m} \sum_{i=1}^{m} \left(a^{(i)} - y^{(i)}\right) + \frac{\lambda}{m} b", "*", oracle=f"np.sum({CS_DZ}) + lambd / m * b", style="cs230-db-regularised")
C(CS, "A", L, r"\frac{\partial J}{\partial A} = \frac{1}{m}\left(\frac{1 - Y}{1 - A} - \frac{Y}{A}\right)", oracle="((1 - Y) / (1 - A) - Y / A) / m", style="cs230-dA")
C(CS, "A", L, r"\frac{\partial J}{\partial A} = \frac{1 - Y}{1 - A} - \frac{Y}{A}", "scale-factor", oracle="(1 - Y) / (1 - A) - Y / A", style="cs230-dA-no-m")
C(CS, "w", N, "dZ = A - Y\ndw = np.dot(X, dZ.T) / m + lambd / m * (np.sign(w) + w)", oracle=CS_G, style="cs230-code")
C(CS, "w", N, "∂J/∂w = (1/m)·X(A − Y)ᵀ + (λ/m)·(sign(w) + w)", oracle=CS_G, style="cs230-unicode")
C(CS, "w", L, r"$dw=\frac{1}{m}X(A-Y)^{T}+\frac{\lambda}{m}\left(\operatorname{sign}(w)+w\right)$，L1 正则的次梯度取 $\operatorname{sign}(w)$。", lang=Z, oracle=CS_G, style="zh-cs230-dw")
C(CS, "w", L, r"$dw=\frac{1}{m}X(A-Y)^{T}+\lambda\left(\operatorname{sign}(w)+w\right)$", "*", lang=Z, oracle=f"X @ {CS_DZ}.T + lambd * np.sign(w) + lambd * w", style="zh-cs230-dw-no-m", note="both penalty terms without 1/m")

# ================================================================ course: tanh regression, given values (row-major, ½ SSE)
PV_D = "(Yhat - Y)"
PVW2 = f"H.T @ {PV_D}"
PVB2 = f"np.sum({PV_D}, axis=0, keepdims=True)"
PV_DR = f"({PV_D} @ W2.T * (1 - H ** 2))"
PVW1 = f"X.T @ {PV_DR}"
PVB1 = f"np.sum({PV_DR}, axis=0, keepdims=True)"
C(PV, "W2", L, r"\frac{\partial L}{\partial W_2} = H^{\top} (\hat{Y} - Y)", oracle=PVW2, style="pv-W2")
C(PV, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m} H^{\top} (\hat{Y} - Y)", "scale-factor", oracle=f"{PVW2} / m", style="pv-W2-mean-habit")
C(PV, "W2", L, r"\frac{\partial L}{\partial W_2} = 2 H^{\top} (\hat{Y} - Y)", "scale-factor", oracle=f"2 * {PVW2}", style="pv-W2-factor-2", note="the ½ of the loss forgotten")
C(PV, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left[ (\hat{Y} - Y) W_2^{\top} \odot (1 - H \odot H) \right]", oracle=PVW1, style="pv-W1")
C(PV, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left[ (\hat{Y} - Y) W_2^{\top} \odot (1 - \tanh^2(H)) \right]", "wrong-activation-derivative", oracle=f"X.T @ ({PV_D} @ W2.T * (1 - np.tanh(H) ** 2))", style="pv-W1-tanh-of-output")
C(PV, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left[ (\hat{Y} - Y) W_2^{\top} \odot H \odot (1 - H) \right]", "wrong-activation-derivative", oracle=f"X.T @ ({PV_D} @ W2.T * H * (1 - H))", style="pv-W1-sigmoid-derivative")
C(PV, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left[ (\hat{Y} - Y) W_2^{\top} \odot \operatorname{sech}^2(X W_1 + b_1) \right]", oracle=PVW1, style="pv-W1-sech2")
C(PV, "b1", L, r"\frac{\partial L}{\partial b_1} = \mathbf{1}^{\top} \left[ (\hat{Y} - Y) W_2^{\top} \odot (1 - H^{2}) \right]", oracle=PVB1, style="pv-b1-ones")
C(PV, "b2", L, r"\frac{\partial L}{\partial b_2} = \sum_{i=1}^{m} (\hat{y}_i - y_i)", oracle=PVB2, style="pv-b2-sum-to-m")
C(PV, "W1", N, "∂L/∂W₁ = Xᵀ[(Ŷ − Y)W₂ᵀ ⊙ (1 − H²)]", oracle=PVW1, style="pv-unicode-W1")
C(PV, "W1", N, "∂L/∂W₁ = Xᵀ[(Ŷ − Y)W₂ᵀ ⊙ (1 − H)²]", "*", oracle=f"X.T @ ({PV_D} @ W2.T * (1 - H) ** 2)", style="pv-unicode-W1-square-misplaced")
C(PV, "W1", N, "dL/dW1 = dL/dYhat * dYhat/dH * dH/dW1", oracle=PVW1, style="pv-leibniz-plain")
C(PV, "W1[0,1]", V, "-0.3468", style="pv-v-W1-01")
C(PV, "W1[0,1]", V, "-0.35", style="pv-v-W1-01-2sf")
C(PV, "W1[0,1]", V, "-0.347", opts={"digits": 3}, style="pv-v-digits3")
C(PV, "W1[0,1]", V, "-0.3", "too-few-digits", style="pv-v-1sf")
C(PV, "W1[0,1]", V, "0.1153", "wrong-entry", style="pv-v-W1-00-value")
C(PV, "W2[0,0]", V, "1.256", style="pv-v-W2")
C(PV, "W2[0,0]", V, "0.4186", "*", style="pv-v-W2-over-3", note="divided by m = 3: the mean habit")
C(PV, "b2[0,0]", V, "1.636", style="pv-v-b2")
C(PV, "W2[0,0]", V, "-1.684", opts=KP, style="pv-key-W2")
C(PV, "W1[1,1]", V, "0.4767", opts=KP, style="pv-key-W1-11")
C(PV, "W1[1,1]", V, "0.1536", "*", opts=KP, style="pv-key-base-number")
C(PV, "b2[0,0]", V, "-0.2299", lang=Z, opts=KP, style="zh-pv-key-b2")
C(PV, "W1", N, "dW1 = X.T @ ((Yhat - Y) @ W2.T * (1 - H ** 2))", opts=KP, style="pv-key-formula")

# ================================================================ course: Géron's np.c_ bias column, MSE
C(GE, "theta", L, r"\nabla_{\theta}\,\text{MSE}(\theta) = \frac{2}{m}\, \mathbf{X}_b^{\intercal} (\mathbf{X}_b \theta - \mathbf{y})", oracle="2 / m * X_b.T @ (X_b @ theta - y)", style="geron-Xb")
C(GE, "theta", L, r"\nabla_{\theta}\,\text{MSE}(\theta) = \frac{1}{m}\, \mathbf{X}_b^{\intercal} (\mathbf{X}_b \theta - \mathbf{y})", "scale-factor", oracle="1 / m * X_b.T @ (X_b @ theta - y)", style="geron-Xb-no-2")
C(GE, "theta", L, r"\nabla_{\theta}\,\text{MSE}(\theta) = \frac{2}{m}\, \mathbf{X}^{\intercal} (\mathbf{X} \theta - \mathbf{y})", "*", style="geron-X-without-bias", note="X (m×n) has no bias column: Xθ has no product with θ ((n+1)×1)")
C(GE, "theta", L, r"\nabla_{\theta}\,\text{MSE}(\theta) = \frac{2}{m}\, \mathbf{X}_b^{\intercal} (\mathbf{y} - \mathbf{X}_b \theta)", "sign", oracle="2 / m * X_b.T @ (y - X_b @ theta)", style="geron-sign")
C(GE, "theta", N, "gradients = 2/m * X_b.T.dot(X_b.dot(theta) - y)", oracle="2 / m * X_b.T @ (X_b @ theta - y)", style="geron-code-line")
C(GE, "theta", N, "∇θ MSE = (2/m)·X_bᵀ(X_bθ − y)", oracle="2 / m * X_b.T @ (X_b @ theta - y)", style="geron-unicode")
C(GE, "theta", L, r"$\nabla_{\theta}\mathrm{MSE}(\theta)=\frac{2}{m}\mathbf{X}_b^{\mathsf T}(\mathbf{X}_b\theta-\mathbf{y})$（批量梯度下降）", lang=Z, oracle="2 / m * X_b.T @ (X_b @ theta - y)", style="zh-geron")
C(GE, "theta[1,0]", V, "0.2796", style="geron-v")
C(GE, "theta[0,0]", V, "-1.268", style="geron-v-bias")
C(GE, "theta[0,0]", V, "-0.634", "*", style="geron-v-bias-half")

# ================================================================ course: scikit-learn MLPRegressor's objective (½ mean SE + α/(2n)‖W‖²)
SK_D = "((y_pred - y) / n)"
SK_DH = f"({SK_D} @ W2.T * (X @ W1 + b1 > 0))"
C(SK, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{n} H^{\top}(\hat{y} - y) + \frac{\alpha}{n} W_2, \quad H = \max(0, X W_1 + b_1)", oracle=f"hidden.T @ {SK_D} + alpha / n * W2", style="sk-W2-H-defined")
C(SK, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W_2} = \frac{1}{n}\,\mathrm{hidden}^{\top}(\hat{y} - y) + \alpha W_2", "loss-term-factor", oracle=f"hidden.T @ {SK_D} + alpha * W2", style="sk-W2-alpha-no-n")
C(SK, "W2", N, "coef_grads[1] = (hidden.T @ (y_pred - y) + alpha * W2) / n", oracle=f"hidden.T @ {SK_D} + alpha / n * W2", style="sk-code-coef-grads")
C(SK, "W2", N, "dW2 = hidden.T @ (y_pred - y) / n", "missing-loss-term", oracle=f"hidden.T @ {SK_D}", style="sk-W2-no-penalty")
C(SK, "b2", N, "db2 = np.mean(y_pred - y, axis=0)", oracle=f"np.sum({SK_D}, axis=0)", style="sk-b2-mean")
C(SK, "b2", N, "db2 = np.mean(y_pred - y, axis=0) + alpha / n * b2", "*", style="sk-b2-regularised")
C(SK, "W1", N, "dW1 = X.T @ ((y_pred - y) @ W2.T * (hidden > 0)) / n + alpha * W1 / n", oracle=f"X.T @ {SK_DH} + alpha / n * W1", style="sk-W1")
C(SK, "W1", N, "dW1 = X.T @ ((y_pred - y) @ W2.T) / n + alpha * W1 / n", "missing-activation-derivative", oracle=f"X.T @ ({SK_D} @ W2.T) + alpha / n * W1", style="sk-W1-no-mask")
C(SK, "W1", L, r"$\frac{\partial \mathcal{L}}{\partial W_1}=\frac{1}{n}X^{\top}\left[(\hat{y}-y)W_2^{\top}\odot\mathbb{1}(H>0)\right]+\frac{\alpha}{n}W_1$，其中 $H=\max(0, XW_1+b_1)$。", lang=Z, oracle=f"X.T @ {SK_DH} + alpha / n * W1", style="zh-sk-W1")

# ================================================================ course: elastic net (sklearn's objective), ±1 logistic regression
EN_G = "(-X.T @ (y - X @ w - b) / len(y) + alpha * l1_ratio * np.sign(w) + alpha * (1 - l1_ratio) * w)"
C(EN, "w", L, r"\nabla_w = -\frac{1}{n} X^{\top}(y - Xw - b) + \alpha\rho\, \operatorname{sign}(w) + \alpha(1 - \rho)\, w, \quad \rho = 0.7", oracle=EN_G, style="en-rho")
C(EN, "w", L, r"\nabla_w = -\frac{1}{n} X^{\top}(y - Xw - b) + \alpha\, \mathrm{l1\_ratio}\, \operatorname{sign}(w) + \alpha(1 - \mathrm{l1\_ratio})\, w", oracle=EN_G, style="en-l1-ratio-mathrm")
C(EN, "w", N, "grad_w = -X.T @ resid / len(y) + alpha * l1_ratio * np.sign(w) + alpha * (1 - l1_ratio) * w", oracle=EN_G, style="en-code")
C(EN, "w", N, "grad_w = -X.T @ resid / len(y) + alpha * l1_ratio * np.sign(w) + 2 * alpha * (1 - l1_ratio) * w", "loss-term-factor", style="en-code-l2-factor-2")
C(EN, "w", N, "grad_w = -X.T @ resid / len(y) + alpha * (1 - l1_ratio) * w", "missing-loss-term", style="en-code-no-l1")
C(EN, "b", N, "grad_b = -np.mean(resid)", oracle="-np.mean(y - X @ w - b)", style="en-b")
JL_S = "(1 / (1 + np.exp(y * (X @ w + b))))"
C(JL, "w", L, r"\nabla_{w} = -\frac{1}{n} X^{\top}\big(y \odot \sigma(-y \odot (Xw + b))\big) + 0.02\, w", oracle=f"-X.T @ (y * {JL_S}) / n + 0.02 * w", style="jl-sigma-minus-margin")
C(JL, "w", L, r"\nabla_{w} = -\frac{1}{n} X^{\top}\big(y \odot \sigma(y \odot (Xw + b))\big) + 0.02\, w", "*", oracle="-X.T @ (y / (1 + np.exp(-y * (X @ w + b)))) / n + 0.02 * w", style="jl-sigma-sign-slip")
C(JL, "w", N, "grad_w = -X.T @ (y * jax.nn.sigmoid(-margins)) / n + 0.02 * w", oracle=f"-X.T @ (y * {JL_S}) / n + 0.02 * w", style="jl-code")
C(JL, "w", N, "grad_w = -X.T @ (y * jax.nn.sigmoid(-margins)) / n", "missing-loss-term", style="jl-code-no-decay")
C(JL, "b", N, "∂L/∂b = −mean(y·σ(−margins))", oracle=f"-np.mean(y * {JL_S})", style="jl-unicode-b")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c34t-000, … as written; cases repeating corpora 2-33 word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus34t", "c34t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
