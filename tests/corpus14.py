"""The held-out-style corpus of issue 11, fourteenth round: the six older built-ins weighted most
(mlp-bce, tiny-mlp, relu-mlp, neuron, mlp-bce-weighted, chain), then the four newer ones, then a
lecturer's own networks (tests/specs_course/: CS231n's two-layer net, d2l's linear regression and
softmax from scratch, colah's scalar graph), written where corpus 7-13 did not go: what a student
types in a hurry (no spaces, ``dw2=a1.T@dz2/m``, lower-case names for the spec's upper-case
tensors, ``x`` for ``X``, bare ``dot(``), answers copied from a chat assistant
(``**∂L/∂W₂** = A₁ᵀ · (A₂ − Y) / m`` with Unicode subscripts, bold markers, ``·`` ``×`` ``÷``,
``𝟙(Z₁ > 0)``, a bullet or a numbered list, an explanation after `` — ``), MathJax pasted from
Stack Exchange (``$$ … $$``, ``\\begin{aligned}``, ``\\mathcal{L}``), Jupyter Markdown cells
(a ``###`` heading, ``**Answer:** $…$``, a ``>`` note), a formula given with its value
(``= A1.T @ dZ2 ≈ [[…], […]]``, ``= 2v · x = 40``), numbers in scientific notation (``1.2e-3``,
``1.2E-03``, ``1.2 \\times 10^{-3}``), exact fractions, decimal commas, ``np.array([[…]])``,
``\\begin{bmatrix}`` values, 1-D bias lists, entry formulas with Unicode subscripts. Wrong
answers as students make them: missing or doubled 1/m, missing transpose, the wrong order,
σ for σ′, Ŷ − Y for a weighted loss, MSE's factor 2, the wrong size name, the wrong layer,
element-wise for a matrix product, the wrong axis, signs, one entry wrong, transposed values,
the wrong layer's values.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written before the checker was run on any of them
(bench/RESULTS.md, "corpus 14": the first measurement). Built-in cases with an ``oracle`` (a NumPy
expression of the text's meaning) are confirmed by PyTorch (tests/check_oracle.py); course-network
cases by the spec's own text run in PyTorch (tests/spelled_oracle.py, see
tests/test_check_corpus14.py). Hand numbers were computed in PyTorch float64
(check_oracle.exact_value) and rounded by hand.
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
CS2 = str(COURSE / "cs231n_two_layer.toml")
DL = str(COURSE / "d2l_linreg.toml")
DS = str(COURSE / "d2l_softmax_scratch.toml")
CO = str(COURSE / "colah_scalar.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

# ================================================================ mlp-bce
M, MW = "mlp-bce", "mlp-bce-weighted"
W2R, W1R = "A1.T @ (A2 - Y) / m", "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
B2R, B1R = "np.sum(A2 - Y, axis=0, keepdims=True) / m", "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"
# a student in a hurry: no spaces, lower-case names, x for X, bare dot(
C(M, "W2", N, "dw2=a1.T@dz2/m", "scale-factor", oracle="A1.T @ dZ2 / m", style="hurry-undefined-dz2", note="dz2 is the true ∂L/∂Z2 (README), which holds the 1/m already")
C(M, "W2", N, "dz2=a2-y\ndw2=a1.T@dz2/m", oracle=W2R, style="hurry-lower")
C(M, "W2", N, "dz2=a2-y;dw2=np.dot(a1.T,dz2)/m", oracle=W2R, style="hurry-semicolon-npdot")
C(M, "W2", N, "dz2=a2-y\ndw2=dot(a1.T,dz2)/m", oracle=W2R, style="hurry-bare-dot")
C(M, "W2", N, "dz2=a2-y\ndw2=a1.T@dz2", "scale-factor", oracle="A1.T @ (A2 - Y)", style="hurry-no-m")
C(M, "W2", N, "dz2=a2-y\ndw2=a1.T@dz2/m/m", "scale-factor", oracle="A1.T @ (A2 - Y) / m / m", style="hurry-doubled-m")
C(M, "W2", N, "dz2=a2-y\ndw2=a1@dz2/m", "missing-transpose", oracle="A1 @ (A2 - Y) / m", style="hurry-no-T")
C(M, "W2", N, "dz2=a2-y\ndw2=dz2.T@a1/m", "*", style="hurry-reversed", note="1 x n_h for n_h x 1")
C(M, "W2", N, "dz2=y-a2\ndw2=a1.T@dz2/m", "sign", oracle="A1.T @ (Y - A2) / m", style="hurry-sign")
C(M, "W1", N, "dz2=a2-y\ndz1=dz2@W2.T*(z1>0)\ndw1=x.T@dz1/m", oracle=W1R, style="hurry-W1-mixed-case")
C(M, "W1", N, "dz1=(a2-y)@w2.T*(z1>0)\ndw1=x.T@dz1/m", oracle=W1R, style="hurry-W1-lower")
C(M, "W1", N, "dz1=(a2-y)@w2.T*a1*(1-a1)\ndw1=x.T@dz1/m", "wrong-activation-derivative", style="hurry-W1-sigmoid-prime")
C(M, "W1", N, "dz1=(a2-y)@w2.T\ndw1=x.T@dz1/m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="hurry-W1-no-mask")
C(M, "W1", N, "dz1=(a2-y)@w2.T*(z1>0)\ndw1=a1.T@dz1/m", "wrong-layer", style="hurry-W1-a1")
C(M, "W1", N, "dz1=(a2-y)*w2.T*(z1>0)\ndw1=x.T@dz1/m", oracle="X.T @ ((A2 - Y) * W2.T * (Z1 > 0)) / m", style="hurry-W1-outer-by-broadcast", note="(m x 1) * (1 x n_h) is the outer product, which is the matrix product here")
C(M, "b2", N, "db2=np.sum(a2-y,axis=0,keepdims=True)/m", oracle=B2R, style="hurry-b2")
C(M, "b2", N, "db2=np.sum(a2-y)/m", oracle="np.sum(A2 - Y) / m", style="hurry-b2-total")
C(M, "b1", N, "dz1=(a2-y)@w2.T*(z1>0)\ndb1=np.sum(dz1,axis=0)/m", oracle="np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0) / m", style="hurry-b1-keepdims-lost", note="1-D, broadcast as the 1 x n_h row")
C(M, "b1", N, "dz1=(a2-y)@w2.T*(z1>0)\ndb1=np.sum(dz1,axis=1,keepdims=True)/m", "wrong-sum-axis", style="hurry-b1-axis1")
C(M, "b1", N, "dz1=(a2-y)@w2.T*(z1>0)\ndb1=np.sum(dz1)/m", "*", style="hurry-b1-total")
C(M, "b1", N, "dz1=(a2-y)@w2.T*(z1>0)\ndb1=dz1/m", "bias-not-summed", style="hurry-b1-unsummed")
# copied from a chat assistant: bold markers, Unicode subscripts, ·, ×, ÷, 𝟙, a reason after —
C(M, "W2", N, "**∂L/∂W₂** = A₁ᵀ · (A₂ − Y) / m", oracle=W2R, style="chat-bold-subscripts")
C(M, "W2", N, "- **∂L/∂W₂** = (1/m) · A₁ᵀ · (A₂ − Y) — the sigmoid and BCE derivatives cancel", oracle=W2R, style="chat-bullet-dash-reason")
C(M, "W2", N, "**∂L/∂W₂** = A₁ᵀ · (A₂ − Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="chat-no-m")
C(M, "W1", N, "∂L/∂W₁ = (1/m) · Xᵀ · [((A₂ − Y) · W₂ᵀ) ⊙ 𝟙(Z₁ > 0)]", oracle=W1R, style="chat-W1-double-struck-one")
C(M, "W1", N, "∂L/∂W₁ = (1/m) · Xᵀ · [((A₂ − Y) · W₂ᵀ) ⊙ σ(Z₁)]", "wrong-activation-derivative", style="chat-W1-sigma-for-relu-prime")
C(M, "b2", N, "∂L/∂b₂ = (1/m) Σᵢ (A₂⁽ⁱ⁾ − Y⁽ⁱ⁾)", oracle="np.sum(A2 - Y) / m", style="chat-per-example-sum")
C(M, "W2", N, "dW2 = A1ᵀ × (A2 − Y) ÷ m", oracle=W2R, style="chat-times-div")
C(M, "W2", N, "dW2 = A1ᵀ × (A2 − Y) ÷ n_h", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="chat-times-div-n_h")
C(M, "W2", N, "**Answer:** dW₂ = (1/m) A₁ᵀ(A₂ − Y)", oracle=W2R, style="chat-answer-juxtaposed")
C(M, "W2", N, "dW₂ = (1/m)·A₁ᵀ·(Ŷ − Y)", oracle=W2R, style="chat-Yhat")
C(M, "W2", N, "• dW2 = 1/m * A1.T @ (A2 - Y)", oracle=W2R, style="chat-bullet-dot")
C(M, "W2", N, "1. dZ2 = A2 - Y\n2. dW2 = A1.T @ dZ2 / m", oracle=W2R, style="chat-numbered-steps")
C(M, "W2", N, "1. dZ2 = A2 - Y\n2. dW2 = A1.T @ dZ2", "scale-factor", oracle="A1.T @ (A2 - Y)", style="chat-numbered-steps-no-m")
# MathJax from Stack Exchange
C(M, "W2", L, r"$$\frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m} A^{[1]T} (A^{[2]} - Y)$$", oracle=W2R, style="se-mathcal")
_AL = r"$$\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]} \end{aligned}$$"
C(M, "W2", L, _AL, oracle=W2R, style="se-aligned-rows")
C(M, "W2", L, _AL.replace(r"\frac{1}{m} ", ""), "scale-factor", oracle="A1.T @ (A2 - Y)", style="se-aligned-rows-no-m")
_AL1 = (
    r"$$ dZ^{[2]} = A^{[2]} - Y \\"
    "\n"
    r"dZ^{[1]} = dZ^{[2]} W^{[2]T} \odot g'(Z^{[1]}) \\"
    "\n"
    r"dW^{[1]} = \frac{1}{m} X^T dZ^{[1]} $$"
)
C(M, "W1", L, _AL1, oracle=W1R, style="se-three-rows")
C(M, "W1", L, _AL1.replace(r"g'(Z^{[1]})", r"\sigma(Z^{[1]})"), "wrong-activation-derivative", style="se-three-rows-sigma")
C(M, "W1", L, _AL1.replace(r"W^{[2]T}", r"W^{[2]}"), "*", style="se-three-rows-no-T", note="(m x 1)(n_h x 1) does not fit")
C(M, "b2", L, r"$$\frac{\partial J}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m}(a^{[2](i)} - y^{(i)})$$", oracle="np.sum(A2 - Y) / m", style="se-per-example-b2")
C(M, "W2", L, r"$$ \nabla_{W^{[2]}} \mathcal{L} = \frac{1}{m} (A^{[1]})^T (A^{[2]} - Y) $$", oracle=W2R, style="se-nabla-paren-T")
C(M, "W2", L, r"$$ \nabla_{W^{[2]}} \mathcal{L} = \frac{1}{m} A^{[1]} (A^{[2]} - Y)^T $$", "*", style="se-nabla-wrong-T")
# Jupyter Markdown cells
C(M, "W2", L, "### Gradient of $W^{[2]}$\n\n$$dW^{[2]} = \\frac{1}{m} A^{[1]T}(A^{[2]} - Y)$$", oracle=W2R, style="md-heading-display")
C(M, "W2", L, r"**Answer:** $dW^{[2]} = \frac{1}{m} A^{[1]T}(A^{[2]} - Y)$", oracle=W2R, style="md-bold-answer-inline")
C(M, "W2", L, r"**Answer:** $dW^{[2]} = \frac{1}{m} A^{[1]T}(Y - A^{[2]})$", "sign", oracle="A1.T @ (Y - A2) / m", style="md-bold-answer-sign")
C(M, "W2", L, "> Note: we use the mean over the batch.\n\n$$dW^{[2]} = A^{[1]T}(A^{[2]} - Y)/m$$", oracle=W2R, style="md-quote-note")
C(M, "b1", L, "**Answer:**\n\n$$db^{[1]} = \\frac{1}{m} \\sum_{i=1}^{m} dZ^{[1](i)}, \\quad dZ^{[1]} = (A^{[2]} - Y) W^{[2]T} \\odot \\mathbb{1}[Z^{[1]} > 0]$$", oracle=B1R, style="md-b1-where-after")
# a formula with its value
C(M, "W2", N, "dW2 = A1.T @ dZ2 ≈ [[-0.176], [-0.00899]]", oracle="A1.T @ dZ2", style="value-after-true-dZ2")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m ≈ [[-0.176], [-0.00899]]", oracle=W2R, style="value-after")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m = [[-0.176], [-0.0899]]", "*", style="value-after-wrong-number", note="the formula is right, the number stated for it is not")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) ≈ [[-0.353], [-0.0180]]", "scale-factor", oracle="A1.T @ (A2 - Y)", style="value-after-no-m")
# hand numbers: scientific notation, decimal comma, np.array, bmatrix, 1-D lists
C(M, "W2[0,0]", V, "-1.763e-1", style="hand-sci-e")
C(M, "W2[0,0]", V, "-1.763E-01", style="hand-sci-E")
C(M, "W2[0,0]", V, r"-1.76 \times 10^{-1}", style="hand-sci-latex")
C(M, "W2[0,0]", V, "-0,1763", style="hand-decimal-comma")
C(M, "W2[0,0]", V, "-3/17", "*", style="hand-fraction-near", note="a fraction is exact: −0.17647 is not −0.176283")
C(M, "W2", V, "np.array([[-0.1763], [-0.008985]])", style="hand-np-array-column")
C(M, "W2", V, r"\begin{bmatrix} -0.1763 \\ -0.008985 \end{bmatrix}", style="hand-bmatrix-column")
C(M, "W2", V, r"\begin{bmatrix} -0.1763 & -0.008985 \end{bmatrix}", "shape-mismatch", style="hand-bmatrix-row")
C(M, "W2", V, "[-0.1763, -0.008985]", "shape-mismatch", style="hand-1d-for-column")
C(M, "W2", V, "[[-0.196], [0.256]]", "*", style="hand-dZ2-values", note="∂L/∂Z2's values for ∂L/∂W2")
C(M, "W2[1,0]", V, "-8.99e-3", style="hand-small-sci")
C(M, "W2[1,0]", V, "-8.985E-03", style="hand-small-sci-E")
C(M, "W2[1,0]", V, "-9.0e-3", style="hand-small-sci-2sf")
C(M, "W2[1,0]", V, "-0,009", "too-few-digits", style="hand-comma-1sf")
C(M, "b1", V, "[-0.0979, -0.0181]", style="hand-b1-1d")
C(M, "b1", V, "np.array([-0.0979, -0.0181])", style="hand-b1-np-1d")
C(M, "b1", V, "[-0.0979, 0.0181]", "*", style="hand-b1-one-sign")
C(M, "b1", V, r"\begin{bmatrix} -0.0979 \\ -0.0181 \end{bmatrix}", "shape-mismatch", style="hand-b1-bmatrix-column")
C(M, "W1", V, "[[-0.0979, -0.196], [0.136, 0.0791]]", "operand-order", style="hand-W1-transposed-2")
C(M, "W1", V, r"\begin{bmatrix} -0.0979 & 0.136 \\ -0.196 & 0.0791 \end{bmatrix}", style="hand-W1-bmatrix")
C(M, "W1", V, r"\begin{pmatrix} -0.0979 & 0.136 \\ -0.196 & -0.0791 \end{pmatrix}", "*", style="hand-W1-pmatrix-one-sign")
C(M, "W1", V, "np.array([[-9.79e-2, 1.36e-1], [-1.96e-1, 7.91e-2]])", style="hand-W1-np-sci")
C(M, "b2", V, "[0.0604]", style="hand-b2-1d")
C(M, "b2[0,0]", V, "6.04e-2", style="hand-b2-sci")
C(M, "b2[0,0]", V, r"6.04 \times 10^{-2}", style="hand-b2-sci-latex")
C(M, "b2[0,0]", V, "1.21e-1", "scale-factor", style="hand-b2-doubled", note="the sum, not the mean (× m = 2)")

# ================================================================ mlp-bce-weighted
WZ2 = "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m"
C(MW, "W2", N, "dz2=((1-y)*a2-w*y*(1-a2))/m\ndw2=a1.T@dz2", oracle="A1.T @ " + WZ2, style="w-hurry")
C(MW, "W2", N, "dz2=(a2-y)/m\ndw2=a1.T@dz2", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="w-hurry-unweighted")
C(MW, "Z2", N, "**∂L/∂Z₂** = ((1 − Y) ⊙ A₂ − w · Y ⊙ (1 − A₂)) / m", oracle=WZ2, style="w-chat")
C(MW, "Z2", N, "∂L/∂Z₂ = (Ŷ − Y) / m — since sigmoid and BCE cancel", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="w-chat-unweighted")
C(MW, "Z2", L, r"$$\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left[(1-Y)\odot A^{[2]} - w\,Y\odot(1-A^{[2]})\right]$$", oracle=WZ2, style="w-se")
C(MW, "Z2", L, r"$$\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left[(1-Y)\odot A^{[2]} - Y\odot(1-A^{[2]})\right]$$", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="w-se-weight-left-out")
C(MW, "Z2", N, "dZ2 = (A2 * (1 + (w - 1) * Y) - w * Y) / m", oracle=WZ2, style="w-expanded")
C(MW, "Z2", N, "dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m", oracle=WZ2, style="w-reordered")
C(MW, "Z2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / n_in", "scale-factor", oracle="((1 - Y) * A2 - 3 * Y * (1 - A2)) / n_in", style="w-n_in")
C(MW, "Z2", N, "dZ2 = w * (A2 - Y) / m", "*", oracle="3 * (A2 - Y) / m", style="w-weight-everywhere")
C(MW, "b2[0,0]", V, "-3.64e-1", style="w-hand-b2-sci")
C(MW, "b2", V, "[-0.364]", style="w-hand-b2-1d")
C(MW, "b2[0,0]", V, "-0.1215", "*", style="w-hand-b2-over-w")
C(MW, "W2", V, "np.array([[-0.4236], [-0.3069]])", style="w-hand-W2-np")
C(MW, "W2", V, "[[-0.4236, -0.3069]]", "shape-mismatch", style="w-hand-W2-row")
C(MW, "W1", V, "[[-0.442, 0.265], [-0.559, 0.335]]", style="w-hand-W1")
C(MW, "W1", V, "[[-0.442, 0.265], [0.559, 0.335]]", "*", style="w-hand-W1-one-sign")
C(MW, "W1", V, "[[-0.0979, 0.136], [-0.196, 0.0791]]", "*", style="w-hand-W1-unweighted-values", note="mlp-bce's numbers: the weight left out")

# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
C(T, "W2", N, "dW2=h.T*(y_pred-y_target)", oracle="h.T * (y_pred - y_target)", style="t-hurry-scalar-times")
C(T, "W2", N, "dw2=h.T@(y_pred-y_target)", oracle=TW2, style="t-hurry-lower-lhs")
C(T, "W1", N, "dW1=x.T@((y_pred-y_target)*W2.T*h*(1-h))", oracle=TW1, style="t-hurry-x-for-X")
C(T, "W1", N, "dW1=np.outer(X,(y_pred-y_target)*W2.T*h*(1-h))", oracle=TW1, style="t-hurry-outer")
C(T, "W1", N, "dW1=X.T@((y_pred-y_target)*W2.T*sigmoid(h_raw))", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="t-hurry-sigma-for-prime")
C(T, "W1", N, "dW1=X.T@((y_pred-y_target)*W2.T)", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-hurry-no-prime")
C(T, "W1", N, "dW1=X.T@((y_pred-y_target)*W2*h*(1-h))", "*", style="t-hurry-W2-not-T")
C(T, "W1", N, "dW1=X@((y_pred-y_target)*W2.T*h*(1-h))", "*", style="t-hurry-X-no-T")
C(T, "W1", N, "dW1=((y_pred-y_target)*W2.T*h*(1-h)).T@X", "*", style="t-hurry-reversed", note="the transpose")
C(T, "W2", N, "**∂L/∂W₂** = hᵀ · (y_pred − y_target)", oracle=TW2, style="t-chat-W2")
C(T, "W1", N, "- ∂L/∂W₁ = Xᵀ · [(y_pred − y_target) · W₂ᵀ ⊙ h ⊙ (1 − h)] — by the chain rule through the sigmoid", oracle=TW1, style="t-chat-W1-reason")
C(T, "W1", N, "∂L/∂W₁ = Xᵀ · [(y_pred − y_target) · W₂ᵀ ⊙ σ(h_raw)]", "wrong-activation-derivative", style="t-chat-W1-sigma")
C(T, "v1", N, "∂L/∂v₁ = (y_pred − y_target) · h₁", style="t-chat-entry-v1")
C(T, "w11", N, "∂L/∂w₁₁ = (y_pred − y_target) · v₁ · h₁ · (1 − h₁) · x₁", style="t-chat-entry-w11")
C(T, "w11", N, "∂L/∂w₁₁ = (y_pred − y_target) · v₁ · h₁ · (1 − h₁) · x₂", "*", style="t-chat-entry-w11-x2")
C(T, "w12", N, "(y_pred-y_target)*v2*h2*(1-h2)*x1", style="t-hurry-entry-w12")
C(T, "w21", N, "(y_pred-y_target)*v1*h1*(1-h1)*x2", style="t-hurry-entry-w21")
C(T, "w21", N, "(y_pred-y_target)*v1*h1*x2", "*", style="t-hurry-entry-w21-sigma")
C(T, "W1", L, r"$$\begin{aligned} \delta &= (y_{pred} - y_{target}) W_2^T \odot h \odot (1-h) \\ \frac{\partial L}{\partial W_1} &= X^T \delta \end{aligned}$$", oracle=TW1, style="t-se-aligned-delta")
C(T, "W1", L, r"$$\begin{aligned} \delta &= (y_{pred} - y_{target}) W_2^T \\ \frac{\partial L}{\partial W_1} &= X^T \delta \end{aligned}$$", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-se-aligned-delta-no-prime")
C(T, "W2", L, r"**Answer:** $\frac{\partial L}{\partial W_2} = h^T (\hat{y} - y)$", oracle=TW2, style="t-md-hat")
C(T, "W1[0,0]", V, "-1.367E-02", style="t-hand-sci-E")
C(T, "W1[0,0]", V, r"-1.367 \times 10^{-2}", style="t-hand-sci-latex")
C(T, "W1", V, "np.array([[-0.01367, -0.01635], [-0.002734, -0.00327]])", style="t-hand-np-array")
C(T, "W1", V, r"\begin{bmatrix} -0.0137 & -0.0163 \\ -0.00273 & -0.00327 \end{bmatrix}", style="t-hand-bmatrix")
C(T, "W1", V, r"\begin{bmatrix} -0.0137 & -0.00273 \\ -0.0163 & -0.00327 \end{bmatrix}", "operand-order", style="t-hand-bmatrix-transposed")
C(T, "W2", V, "[-0.1139, -0.1172]", "shape-mismatch", style="t-hand-W2-1d")
C(T, "W2", V, r"\begin{bmatrix} -0.114 \\ -0.117 \end{bmatrix}", style="t-hand-W2-bmatrix")
C(T, "W2", V, "[[-0.0137], [-0.0163]]", "*", style="t-hand-W2-W1-values", note="the first row of ∂L/∂W1 for ∂L/∂W2")
C(T, "W2[0,0]", V, "-0,1139", style="t-hand-comma")
C(T, "W2[1,0]", V, "-1.17E-1", style="t-hand-W2-sci")
C(T, "W2[1,0]", V, "-1.14E-1", "wrong-entry", style="t-hand-W2-other-entry")
C(T, "W1[0,1]", V, "-0.0163 — computed by hand", style="t-hand-dash-remark")
C(T, "W1[0,0]", V, "≈ -0.01367 (4 s.f.)", style="t-hand-approx-sf")

# ================================================================ relu-mlp
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
C(R, "w2", N, "gw2=h_relu.T@(2*(y_pred-y))", oracle=RW2, style="r-hurry")
C(R, "w2", N, "grad_w2=dot(h_relu.T,2*(y_pred-y))", oracle=RW2, style="r-hurry-bare-dot")
C(R, "w2", N, "grad_w2=h_relu.T@(y_pred-y)*2/n", "scale-factor", oracle="h_relu.T @ (y_pred - y) * 2 / n", style="r-hurry-mse")
C(R, "w2", N, "grad_w2=h_relu.T@(y_pred-y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-hurry-no-2")
C(R, "w2", N, "grad_w2=h.T@(2*(y_pred-y))", "wrong-layer", style="r-hurry-pre-relu")
C(R, "w2", N, "grad_w2=(2*(y_pred-y)).T@h_relu", "*", style="r-hurry-reversed")
C(R, "w1", N, "grad_h=2*(y_pred-y)@w2.T*(h>0)\ngrad_w1=x.T@grad_h", oracle=RW1, style="r-hurry-w1")
C(R, "w1", N, "grad_h=2*(y_pred-y)@w2.T*(h>0)\ngrad_w1=x.T@grad_h/n", "scale-factor", style="r-hurry-w1-over-n")
C(R, "w1", N, "grad_h=2*(y_pred-y)@w2.T*h_relu\ngrad_w1=x.T@grad_h", "wrong-activation-derivative", style="r-hurry-w1-relu-for-prime")
C(R, "w1", N, "grad_h=2*(y_pred-y)*w2.T*(h>0)\ngrad_w1=x.T@grad_h", "*", style="r-hurry-w1-elementwise", note="(n x D_out) * (D_out x H) broadcasts at no size where D_out, H differ")
C(R, "w1", N, "grad_h=2*(y_pred-y)@w2.T*(h>0)\ngrad_w1=grad_h.T@x", "*", style="r-hurry-w1-reversed")
C(R, "w2", N, "**∂loss/∂w₂** = h_reluᵀ · 2(y_pred − y)", oracle=RW2, style="r-chat-w2")
C(R, "w1", N, "∂loss/∂w₁ = xᵀ · [2(y_pred − y) · w₂ᵀ ⊙ 𝟙(h > 0)]", oracle=RW1, style="r-chat-w1")
C(R, "w1", N, "∂loss/∂w₁ = xᵀ · [2(y_pred − y) · w₂ᵀ ⊙ 𝟙(h > 0)] / n", "scale-factor", style="r-chat-w1-over-n")
C(R, "w2", L, r"$$\frac{\partial \ell}{\partial w_2} = h_{relu}^T \cdot 2(\hat{y} - y)$$", oracle=RW2, style="r-se-w2")
C(R, "w1", L, r"$$\frac{\partial \ell}{\partial w_1} = x^T\left(2(\hat{y} - y) w_2^T \odot \mathbb{1}[h > 0]\right)$$", oracle=RW1, style="r-se-w1")
C(R, "w1", L, r"$$\frac{\partial \ell}{\partial w_1} = x^T\left(2(\hat{y} - y) w_2^T \odot \mathbb{1}[h \geq 0]\right)$$", "relu-at-zero", style="r-se-w1-geq")
C(R, "w2", V, "np.array([[-0.748, -2.51], [-0.219, -0.480], [-0.804, -2.04]])", style="r-hand-np")
C(R, "w2", V, r"\begin{bmatrix} -0.748 & -2.51 \\ -0.219 & -0.480 \\ -0.804 & -2.04 \end{bmatrix}", style="r-hand-bmatrix")
C(R, "w2", V, "[[-0.748, -0.219, -0.804], [-2.51, -0.480, -2.04]]", "shape-mismatch", style="r-hand-transposed", note="first labelled operand-order; README: a matrix of the transposed shape is shape-mismatch (operand-order is a square one transposed)")
C(R, "w2[0,1]", V, "-2.51E+00", style="r-hand-sci-E-plus")
C(R, "w2[0,1]", V, "-2,51", style="r-hand-comma")
C(R, "w2[0,0]", V, "-7.48e-1", style="r-hand-sci")
C(R, "w2[0,0]", V, "-1.496", "scale-factor", style="r-hand-doubled")
C(R, "w1[0,0]", V, "1.41e0", style="r-hand-e0")
C(R, "w1[0,0]", V, "-1.407", "sign", style="r-hand-sign")
C(R, "w1[1,1]", V, "-0.2755", style="r-hand-4sf")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", N, "dw=(o-t)*o*(1-o)*x", oracle=EW, style="n-hurry-lower-o")
C(E, "w", N, "dw=(O-t)*sigmoid(z)*x", "wrong-activation-derivative", oracle="(O - t) * O * x", style="n-hurry-sigma-for-prime")
C(E, "w", N, "dw=(O-t)*O*(1-O)*x.T", "*", style="n-hurry-x-T")
C(E, "w", N, "dw=2*(O-t)*O*(1-O)*x", "scale-factor", oracle="2 * " + EW, style="n-hurry-mse-2")
C(E, "w", N, "dw=(O-t)*O*(1-O)*x/n", "scale-factor", style="n-hurry-over-n")
C(E, "w", N, "**∂L/∂w** = (O − t) · σ′(z) · x", oracle=EW, style="n-chat")
C(E, "w", N, "**∂L/∂w** = (O − t) · σ(z) · x — the sigmoid's derivative", "wrong-activation-derivative", oracle="(O - t) * O * x", style="n-chat-sigma")
C(E, "w", L, r"$$\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma(z)(1-\sigma(z))\,\mathbf{x}$$", oracle=EW, style="n-se")
C(E, "w", L, r"$$\frac{\partial L}{\partial \mathbf{w}} = (t - O)\,\sigma(z)(1-\sigma(z))\,\mathbf{x}$$", "sign", oracle="(t - O) * O * (1 - O) * x", style="n-se-sign")
C(E, "w0", N, "(O - t)*O*(1 - O)*x0", style="n-entry-w0")
C(E, "w1", N, "(O-t)*O*(1-O)*x0", "*", style="n-entry-w1-x0")
C(E, "w", V, "np.array([-0.0612, -0.0367, -0.0245])", style="n-hand-np-1d")
C(E, "w", V, "[-6.12e-2, -3.67e-2, -2.45e-2]", style="n-hand-sci-list")
C(E, "w", V, r"\begin{bmatrix} -0.0612 & -0.0367 & -0.0245 \end{bmatrix}", style="n-hand-bmatrix-row")
C(E, "w", V, r"\begin{bmatrix} -0.0612 \\ -0.0367 \\ -0.0245 \end{bmatrix}", "shape-mismatch", style="n-hand-bmatrix-column")
C(E, "w[0,2]", V, "-2.449E-02", style="n-hand-sci-E")
C(E, "w[0,0]", V, "-0,0612", style="n-hand-comma")
C(E, "w", V, "[-0.1225, -0.0735, -0.0490]", "scale-factor", style="n-hand-doubled-list")

# ================================================================ chain
CH = "chain"
C(CH, "w", N, "dL_dw=2*(u+b)*x", oracle="2 * v * x", style="ch-hurry")
C(CH, "w", N, "**dL/dw** = 2v · x = 2 · 10 · 2 = 40", style="ch-chat-with-numbers")
C(CH, "w", N, "dL/dw = 2v · x = 40", style="ch-formula-value")
C(CH, "w", N, "dL/dw = 2v · x = 80", "*", style="ch-formula-wrong-value")
C(CH, "w", N, "dL/dw = 2v", "*", style="ch-missing-x")
C(CH, "w", V, "80/2", style="ch-hand-fraction")
C(CH, "w", V, "39/1", "*", style="ch-hand-fraction-wrong")
C(CH, "w", V, "4e1", style="ch-hand-4e1")
C(CH, "w", V, "4.0E+01", style="ch-hand-E-plus")
C(CH, "x", V, "6.0e1", style="ch-hand-x-sci")
C(CH, "b", V, "2e1", style="ch-hand-b-sci")
C(CH, "b", V, "20,0", style="ch-hand-b-comma")
C(CH, "w", L, r"$$\frac{dL}{dw} = \frac{dL}{dv}\frac{dv}{du}\frac{du}{dw} = 2v \cdot 1 \cdot x$$", oracle="2 * v * x", style="ch-se-chain-then-product")
C(CH, "w", L, r"$$\frac{dL}{dw} = 2v \cdot 1 \cdot w$$", "*", style="ch-se-w-for-x")

# ================================================================ the four newer built-ins
S, RN, A, B = "softmax-regression", "rnn", "attention", "batchnorm"
SW = "X.T @ (P - Y) / m"
C(S, "W", N, "dw=x.T@(p-y)/m", oracle=SW, style="s-hurry-lower")
C(S, "W", N, "dz=(p-y)/m\ndw=x.T@dz", oracle=SW, style="s-hurry-dz")
C(S, "W", N, "dW=X.T@(P-Y)", "scale-factor", oracle="X.T @ (P - Y)", style="s-hurry-no-m")
C(S, "W", N, "dW=X.T@(P-Y)/k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-hurry-over-k")
C(S, "b", N, "db=np.sum(P-Y,axis=0)/m", oracle="np.sum(P - Y, axis=0) / m", style="s-hurry-b-1d")
C(S, "b", N, "db=np.sum(P-Y,axis=1)/m", "wrong-sum-axis", style="s-hurry-b-axis1")
C(S, "W", N, "**∂L/∂W** = (1/m) · Xᵀ · (P − Y)", oracle=SW, style="s-chat")
C(S, "W", L, r"$$\nabla_W \mathcal{L} = \frac{1}{m} X^T (\hat{Y} - Y)$$", oracle=SW, style="s-se-hat")
C(S, "b", V, "np.array([-0.07346, 0.3709, -0.2975])", style="s-hand-b-np")
C(S, "W", V, "[[0.585, -0.0903, -0.495], [0.347, 0.396, -0.743]]", style="s-hand-W")
C(S, "W", V, r"\begin{bmatrix} 0.585 & -0.0903 & -0.495 \\ 0.347 & 0.396 & -0.743 \end{bmatrix}", style="s-hand-W-bmatrix")
C(S, "W", V, "[[0.585, 0.347], [-0.0903, 0.396], [-0.495, -0.743]]", "shape-mismatch", style="s-hand-W-transposed", note="first labelled operand-order; README: a matrix of the transposed shape is shape-mismatch (operand-order is a square one transposed)")
RNX = "x_1.T @ dz_1 + x_2.T @ dz_2"
C(RN, "W_x", N, "dz2=(h_2-y)*(1-h_2**2)\ndz1=dz2@W_h.T*(1-h_1**2)\ndW_x=x_1.T@dz1+x_2.T@dz2", oracle=RNX, style="rn-hurry")
C(RN, "W_x", N, "dz2=(h_2-y)*(1-h_2**2)\ndW_x=x_2.T@dz2", "*", style="rn-hurry-last-step-only")
C(RN, "b", N, "dz2=(h_2-y)*(1-h_2**2)\ndz1=dz2@W_h.T*(1-h_1**2)\ndb=np.sum(dz1+dz2,axis=0,keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="rn-hurry-b")
C(RN, "W_x[0,0]", V, "-1.91e-1", style="rn-hand-sci")
C(A, "W_v", N, "dO=2*(O-T)/(n*d)\ndV=A.T@dO\ndW_v=X.T@dV", oracle="X.T @ (A.T @ dO)", style="a-hurry")
C(A, "W_v", N, "dO=2*(O-T)/(n*d)\ndV=A@dO\ndW_v=X.T@dV", "*", style="a-hurry-A-not-T")
C(A, "W_v", N, "dO=(O-T)/(n*d)\ndV=A.T@dO\ndW_v=X.T@dV", "scale-factor", style="a-hurry-mse-no-2")
C(B, "beta", N, "dbeta=dY.sum(axis=0)", oracle="np.sum(dY, axis=0)", style="b-hurry-1d")
C(B, "gamma", N, "dgamma=(dY*Z_hat).sum(0)", oracle="np.sum(dY * Z_hat, axis=0)", style="b-hurry-gamma")
C(B, "gamma", N, "dgamma=np.sum(dY*Z_hat,axis=1,keepdims=True)", "wrong-sum-axis", style="b-hurry-gamma-axis1")
C(B, "beta", N, "dbeta=2*(Y-T)/(m*n)", "bias-not-summed", style="b-hurry-beta-unsummed")
C(B, "beta", N, "dbeta=np.sum(2*(Y-T)/(m*n),axis=0,keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="b-hurry-beta")

# ================================================================ Chinese answers copied from a chat assistant
C(M, "W2", N, "**∂L/∂W₂** = A₁ᵀ · (A₂ − Y) / m —— 这里 m 是批量大小", oracle=W2R, lang=Z, style="zh-chat-dash-reason")
C(M, "W2", N, "**∂L/∂W₂** = A₁ᵀ · (A₂ − Y)", "scale-factor", lang=Z, style="zh-chat-no-m")
C(T, "W1", N, "∂L/∂W₁ = Xᵀ · [(y_pred − y_target) · W₂ᵀ ⊙ σ(h_raw)]", "wrong-activation-derivative", lang=Z, style="zh-chat-sigma")

# ================================================================ a lecturer's own networks
CSD = "(np.exp(log_probs) - y) / N"
CSW2 = "hidden.T @ " + CSD.join("()") + " + reg * W2"
CSW1 = "X.T @ (" + CSD.join("()") + " @ W2.T * (hidden > 0)) + reg * W1"
_CS = "probs=np.exp(log_probs)\ndscores=(probs-y)/N\n"
C(CS2, "W2", N, _CS + "dW2=hidden.T.dot(dscores)+reg*W2", oracle=CSW2, style="u-cs231n-W2")
C(CS2, "W2", N, _CS + "dW2=hidden.T.dot(dscores)", "missing-loss-term", oracle="hidden.T @ " + CSD.join("()"), style="u-cs231n-W2-no-reg")
C(CS2, "W2", N, _CS + "dW2=hidden.T.dot(dscores)+2*reg*W2", "loss-term-factor", oracle="hidden.T @ " + CSD.join("()") + " + 2 * reg * W2", style="u-cs231n-W2-2reg")
C(CS2, "W2", N, "probs=np.exp(log_probs)\ndscores=probs-y\ndW2=hidden.T.dot(dscores)+reg*W2", "scale-factor", oracle="hidden.T @ (np.exp(log_probs) - y) + reg * W2", style="u-cs231n-W2-no-N")
C(CS2, "W2", N, "dW2=hidden.T.dot(dscores)+reg*W2", oracle=CSW2, style="u-cs231n-W2-true-dscores", note="dscores undefined: the true ∂L/∂scores")
C(CS2, "W1", N, "dhidden=dscores.dot(W2.T)\ndhidden[hidden<=0]=0\ndW1=X.T.dot(dhidden)+reg*W1", oracle=CSW1, style="u-cs231n-W1")
C(CS2, "W1", N, "dhidden=dscores.dot(W2.T)\ndW1=X.T.dot(dhidden)+reg*W1", "missing-activation-derivative", style="u-cs231n-W1-no-mask")
C(CS2, "b2", N, _CS + "db2=np.sum(dscores,axis=0,keepdims=True)", oracle="np.sum(" + CSD + ", axis=0, keepdims=True)", style="u-cs231n-b2")
C(CS2, "b2", N, _CS + "db2=np.sum(dscores,axis=1,keepdims=True)", "wrong-sum-axis", style="u-cs231n-b2-axis1")
DLW = "X.T @ (y_hat - y) / batch_size"
C(DL, "w", N, "dw = torch.matmul(X.T, y_hat - y) / batch_size", oracle=DLW, style="u-d2l-w")
C(DL, "w", N, "dw=x.T@(y_hat-y)/batch_size", oracle=DLW, style="u-d2l-w-hurry")
C(DL, "w", N, "dw = X.T @ (y_hat - y)", "scale-factor", oracle="X.T @ (y_hat - y)", style="u-d2l-w-no-batch")
C(DL, "w", N, "dw = X.T @ (y_hat - y) / num_inputs", "scale-factor", oracle="X.T @ (y_hat - y) / num_inputs", style="u-d2l-w-wrong-size")
C(DL, "w", N, "dw = 2 * X.T @ (y_hat - y) / batch_size", "scale-factor", oracle="2 * X.T @ (y_hat - y) / batch_size", style="u-d2l-w-mse-2", note="the loss has the 1/2")
C(DL, "w", N, "**∂loss/∂w** = Xᵀ · (ŷ − y) / batch_size", oracle=DLW, style="u-d2l-w-chat")
C(DL, "b", N, "db = (y_hat - y).sum() / batch_size", oracle="np.sum(y_hat - y) / batch_size", style="u-d2l-b")
C(DL, "b", N, "db = (y_hat - y).mean()", oracle="np.mean(y_hat - y)", style="u-d2l-b-mean")
C(DL, "b", N, "db = (y_hat - y).sum()", "scale-factor", oracle="np.sum(y_hat - y)", style="u-d2l-b-sum")
C(DL, "w", L, r"$$\frac{\partial \ell}{\partial \mathbf{w}} = \frac{1}{|\mathcal{B}|} \mathbf{X}^\top (\hat{\mathbf{y}} - \mathbf{y})$$", oracle=DLW, style="u-d2l-w-minibatch-B", note="d2l writes the batch size |B|")
DSW = "X.T @ (y_hat - y) / batch"
C(DS, "W", N, "dW = X.T @ (y_hat - y) / batch", oracle=DSW, style="u-d2ls-W")
C(DS, "W", N, "dW = X.T @ (y_hat - y) / num_outputs", "scale-factor", oracle="X.T @ (y_hat - y) / num_outputs", style="u-d2ls-W-wrong-size")
C(DS, "b", N, "db = (y_hat - y).mean(0)", oracle="np.mean(y_hat - y, axis=0)", style="u-d2ls-b-mean0")
C(DS, "b", N, "db = (y_hat - y).mean(1)", "wrong-sum-axis", style="u-d2ls-b-mean1")
C(DS, "W", N, "**∂ℓ/∂W** = Xᵀ(ŷ − y) / batch", oracle=DSW, style="u-d2ls-chat")
COB = "2 * (e - 5) * (d + c)"
C(CO, "b", N, "dL_db=2*(e-5)*(d+c)", oracle=COB, style="u-colah-b")
C(CO, "b", N, "dL_db=2*(e-5)*d", "missing-path", oracle="2 * (e - 5) * d", style="u-colah-b-one-path")
C(CO, "b", L, r"$$\frac{\partial L}{\partial b} = \frac{\partial L}{\partial e}\left(\frac{\partial e}{\partial c}\frac{\partial c}{\partial b} + \frac{\partial e}{\partial d}\frac{\partial d}{\partial b}\right)$$", oracle=COB, style="u-colah-b-leibniz-paths")
C(CO, "a", N, "**∂L/∂a** = 2(e − 5) · d", oracle="2 * (e - 5) * d", style="u-colah-a-chat")
C(CO, "b", V, "10.0", style="u-colah-b-hand")
C(CO, "b", V, "8", "*", style="u-colah-b-hand-wrong")
C(CO, "a", V, "4.00", style="u-colah-a-hand")

# ================================================================ round b (written after round a's fixes,
# before running the checker on any of these): the same forms on other networks and tensors
_round = "b"
C(M, "b2", N, "- **∂L/∂b₂** = (1/m) · Σ(A₂ − Y) — summing over the batch", oracle="np.sum(A2 - Y) / m", style="b-chat-b2-sigma")
C(M, "b1", N, "**db1** = np.sum(dZ1, axis=0, keepdims=True)", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="b-bold-lhs-true-dZ1")
_ST = "1) dZ2 = A2 - Y\n2) dA1 = dZ2 @ W2.T\n3) dZ1 = dA1 * (Z1 > 0)\n4) dW1 = X.T @ dZ1 / m"
C(M, "W1", N, _ST, oracle=W1R, style="b-numbered-paren-steps")
C(M, "W1", N, _ST.replace("dA1 * (Z1 > 0)", "dA1"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="b-numbered-paren-steps-no-mask")
C(M, "W2", L, r"$$\begin{aligned} \frac{\partial L}{\partial Z^{[2]}} &= \frac{1}{m}(A^{[2]} - Y) \\ \frac{\partial L}{\partial W^{[2]}} &= A^{[1]\top} \frac{\partial L}{\partial Z^{[2]}} \end{aligned}$$", oracle=W2R, style="b-se-aligned-leibniz")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m ≈ [[-0.176], [-0.009]]", oracle=W2R, style="b-value-after-coarse", note="one digit of the second entry: too few to judge, the formula decides")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m = [[-0.176, -0.00899]]", "*", style="b-value-after-row", note="the number stated is a row for the n_h x 1 gradient")
C(MW, "W2", N, "**∂L/∂W₂** = A₁ᵀ · (Ŷ − Y) / m", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="b-w-chat-unweighted")
C(MW, "b2[0,0]", V, "-3.643E-01", style="b-w-hand-sci-E")
C(MW, "Z2", L, r"$$\begin{aligned} dZ^{[2]} &= \frac{1}{m}\left[(1-Y)\odot A^{[2]} - w\,Y\odot(1-A^{[2]})\right] \end{aligned}$$", oracle=WZ2, style="b-w-se-aligned-one-row")
C(T, "W2", N, "• ∂L/∂W₂ = hᵀ(y_pred − y_target) — the output is linear", oracle=TW2, style="b-t-bullet-dash")
C(T, "W1", N, "dW1 = x.T@((y_pred-y_target)*W2.T*h*(1-h)) ≈ [[-0.0137, -0.0163], [-0.00273, -0.00327]]", oracle=TW1, style="b-t-value-after")
C(T, "W1", N, "dW1 = x.T@((y_pred-y_target)*W2.T*h*(1-h)) ≈ [[-0.0137, -0.0163], [-0.00273, 0.00327]]", "*", style="b-t-value-after-one-sign")
C(T, "w22", N, "∂L/∂w₂₂ = (y_pred − y_target) · v₂ · h₂ · (1 − h₂) · x₂", style="b-t-entry-w22")
C(T, "W2[1,0]", V, "-1.172e-1", style="b-t-hand-sci")
C(R, "w1", L, r"$$\begin{aligned} \delta &= 2(\hat{y} - y) w_2^T \odot \mathbb{1}[h > 0] \\ \frac{\partial \ell}{\partial w_1} &= x^T \delta \end{aligned}$$", oracle=RW1, style="b-r-se-aligned-delta")
C(R, "w2", N, "**grad_w2** = h_relu.T @ (2 * (y_pred - y))", oracle=RW2, style="b-r-bold-code")
C(R, "w2", N, "grad_w2 = h_relu.T @ (2 * (y_pred - y)) ≈ [[-0.748, -2.51], [-0.219, -0.480], [-0.804, -2.04]]", oracle=RW2, style="b-r-value-after")
C(R, "w2", N, "grad_w2 = 2h_relu.T @ (y_pred - y)", oracle=RW2, style="b-r-juxtaposed-code")
C(E, "w", N, "- dw = (O − t)·O·(1 − O)·x — chain rule through σ", oracle=EW, style="b-n-bullet-dash")
C(E, "w0", N, "∂L/∂w₀ = (O − t) · O · (1 − O) · x₀", style="b-n-entry-w0-subscripts")
C(E, "w", V, "[-6.12E-02, -3.67E-02, -2.45E-02]", style="b-n-hand-sci-E-list")
C(CH, "b", N, "**dL/db** = 2v = 2 · 10 = 20", oracle="2 * v", style="b-ch-chat-with-numbers")
C(CH, "b", N, "dL/db = 2v = 40", "*", style="b-ch-wrong-value")
C(CH, "x", V, "120/2", style="b-ch-hand-fraction-x")
C(S, "W", N, "- **dW** = X.T @ (P - Y) / m — averaged over the batch", oracle=SW, style="b-s-bullet-bold-dash")
C(S, "b", N, "db = np.sum(P - Y, axis=0, keepdims=True) / m ≈ [[-0.0735, 0.371, -0.297]]", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b-s-value-after")
C(B, "beta", N, "**dbeta** = dY.sum(axis=0, keepdims=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-b-bold")
C(A, "W_v", N, "1. dO = 2 * (O - T) / (n * d)\n2. dW_v = X.T @ A.T @ dO", oracle="X.T @ (A.T @ dO)", style="b-a-numbered")
C(CS2, "W2", N, "**dW2** = hidden.T.dot(dscores) + reg * W2 — dscores is the softmax gradient", oracle=CSW2, style="b-u-cs231n-bold-dash")
C(DL, "b", N, "**∂loss/∂b** = (ŷ − y).sum() / batch_size", oracle="np.sum(y_hat - y) / batch_size", style="b-u-d2l-b-chat")
C(CO, "a", L, r"$$\begin{aligned} \frac{\partial L}{\partial e} &= 2(e - 5) \\ \frac{\partial L}{\partial a} &= \frac{\partial L}{\partial e} \cdot d \end{aligned}$$", oracle="2 * (e - 5) * d", style="b-u-colah-aligned-leibniz")
C(M, "W2", N, "1. dZ2 = A2 - Y\n2. dW2 = A1.T @ dZ2 / m", oracle=W2R, lang=Z, style="b-zh-numbered")

_key = corpus10._key


def _earlier() -> set[tuple]:
    return corpus_common.earlier_keys("corpus14", _key)


# cases that happen to repeat corpus 2-13 word for word are left out; ids stay as written
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus14", "c14", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
