"""The held-out-style corpus of issue 11, thirtieth round: homework answers written the ordinary
way — CS231n/Ng-style NumPy (``A1.T.dot(dZ2)``, ``dZ.sum(axis=0, keepdims=True)``, ``np.matmul``,
``dZ1[Z1 <= 0] = 0``), PyTorch without autograd (``torch.matmul``, ``.double()``, ``.sum(0)``),
LaTeX from lecture notes and Zhihu (``\\mathcal{L}``, ``(A^{[1]})^{T}``, ``g^{[1]\\prime}``,
``\\mathbb{1}\\{…\\}``, ``\\mathbf{1}^\\top``, per-example sums, ``\\nabla_{\\mathbf{w}}``), Leibniz
chains (``\\frac{dL}{dv}\\frac{dv}{du}\\frac{du}{dw}``), element-wise answers over labels and
NumPy indices, hand numbers (rounded, 2 s.f., ``\\times 10^{1}``, ``[…]^T``, ``\\begin{bmatrix}``),
MATLAB/Octave and Julia spellings, one-example 1-D derivations in the column convention
(``\\delta x^\\top``, ``np.outer(δ, x)``) — and the classic mistakes (1/m missing or doubled, the
transpose, the wrong layer, factor 2, sign, σ for σ′, a binary-label-only simplification, a wrong
size name where sizes are equal, the wrong sum axis, the activation derivative forgotten, the
regulariser's factor). Seven lecturer networks no earlier corpus used (tests/specs_course): Matt
Mazur's step-by-step 2-2-2 example, the PyTorch tutorial's clamp net (a hidden unit exactly at
0), MIT 6.036's soft-margin SVM, MIT 6.390's column-major logistic regression with ‖θ‖², CS189's
quadratic activation, the Keras blog's BCE autoencoder, CS182's one-example layer norm (1-D).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written from the mathematics before the checker
was run on any of them (bench/RESULTS.md, "heldcheck30": the first measurement). Built-in matrix
cases carry a PyTorch oracle (tests/check_oracle.py); course-network cases are confirmed by the
spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers were computed in PyTorch
float64 and rounded by hand.
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
MZ = str(COURSE / "hn15_mazur_step_by_step.toml")
TT = str(COURSE / "torch_tutorial_clamp.toml")
SV = str(COURSE / "mit6036_svm.toml")
LR = str(COURSE / "hn29_mit6390_logreg_colmajor_norm.toml")
QA = str(COURSE / "hn15_cs189_quadratic_activation.toml")
AE = str(COURSE / "autoencoder_bce.toml")
LN = str(COURSE / "hn29_cs182_layernorm_single_vector.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20/22 wrote them
from corpus20 import B1R, B2R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402
from corpus22 import AT_DO, BN_DY, R2_D1, R2_D2  # noqa: E402

TD = "((y_pred - y_target) * W2.T * h * (1 - h))"

# ================================================================ mlp-bce: CS231n/Ng-style NumPy
NG = "dZ2 = A2 - Y\n"
NGD = NG + "dZ1 = dZ2.dot(W2.T) * (Z1 > 0)\n"
C(M, "W2", N, NG + "dW2 = A1.T.dot(dZ2) / m", oracle=W2R, style="m-W2-dot-method")
C(M, "W2", N, NG + "dW2 = A1.T.dot(dZ2)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="m-W2-dot-method-no-m")
C(M, "W2", N, "dZ2 = (A2 - Y) / m\ndW2 = A1.T.dot(dZ2) / m", "scale-factor", oracle=f"{W2R} / m", style="m-W2-m-twice")
C(M, "b2", N, NG + "db2 = dZ2.sum(axis=0, keepdims=True) / m", oracle=B2R, style="m-b2-sum-method")
C(M, "b2", N, NG + "db2 = dZ2.sum(axis=1, keepdims=True) / m", "*", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="m-b2-sum-method-axis1")
C(M, "b2", N, NG + "db2 = dZ2.mean()", oracle=B2R, style="m-b2-mean-all")
C(M, "W1", N, NGD + "dW1 = X.T.dot(dZ1) / m", oracle=W1R, style="m-W1-dot-method")
C(M, "W1", N, NGD + "dW1 = X.dot(dZ1) / m", "*", oracle=f"X @ {DZ1} / m", style="m-W1-X-not-transposed")
C(M, "W1", N, NG + "dZ1 = dZ2.dot(W2.T) * A1 * (1 - A1)\ndW1 = X.T.dot(dZ1) / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="m-W1-sigmoid-prime-on-relu")
C(M, "b1", N, NG + "dZ1 = dZ2.dot(W2.T) * (A1 > 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True) / m", oracle=B1R, style="m-b1-A1-mask")
C(M, "b1", N, NG + "dZ1 = dZ2.dot(W2.T) * (A1 > 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True)", "scale-factor", oracle=f"np.sum({DZ1}, axis=0, keepdims=True)", style="m-b1-no-m")
C(M, "b1", N, NGD + "db1 = np.sum(dZ1) / m", "*", oracle=f"np.sum({DZ1}) / m + 0 * b1", style="m-b1-sum-everything")
C(M, "W1", N, NG + "dA1 = dZ2 @ W2.T\ndZ1 = dA1.copy()\ndZ1[Z1 <= 0] = 0\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="m-W1-copy-mask")
C(M, "W1", N, NG + "dA1 = dZ2 @ W2.T\ndZ1 = dA1 * (Z1 > 0)\ndW1 = A1.T @ dZ1 / m", "wrong-layer", oracle=f"A1.T @ {DZ1} / m", style="m-W1-A1-for-X-dA1")
C(M, "W2", N, NG + "dW2 = A1.T @ dZ2 / A1.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="m-W2-A1-shape1")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / Y.shape[0]", oracle=W2R, style="m-W2-Y-shape0")
C(M, "W2", N, "dW2 = np.matmul(A1.T, A2 - Y) / m", oracle=W2R, style="m-W2-matmul")
C(M, "W2", N, "dW2 = np.matmul(A1.T, A2 - Y) / m * 2", "scale-factor", oracle=f"2 * {W2R}", style="m-W2-matmul-times-2")
C(M, "W2", N, "dW2 = np.dot(A1.T, A2 - Y) / len(A1)", oracle=W2R, style="m-W2-len-A1")
C(M, "W2", N, "dW2 = np.dot(A1.T, A2 - Y) / W1.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="m-W2-W1-shape1")
C(M, "W2", N, "dZ2 = A2 * (1 - A2)\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ (A2 * (1 - A2)) / m", style="m-W2-sigma-prime-only")
C(M, "W2", N, "dA2 = -Y / A2 + (1 - Y) / (1 - A2)\ndZ2 = dA2 * A2 * (1 - A2)\ndW2 = A1.T @ dZ2 / m", oracle=W2R, style="m-W2-dA2-expanded")
C(M, "W2", N, "dA2 = -Y / A2 + (1 - Y) / (1 - A2)\ndZ2 = dA2 * A2 * (1 - A2)\ndW2 = A1.T @ dZ2", "scale-factor", oracle="A1.T @ (A2 - Y)", style="m-W2-dA2-expanded-no-m")
C(M, "W2", N, "dA2 = Y / A2 - (1 - Y) / (1 - A2)\ndZ2 = dA2 * A2 * (1 - A2)\ndW2 = A1.T @ dZ2 / m", "sign", oracle=f"-{W2R}", style="m-W2-dA2-sign")
# PyTorch without autograd
C(M, "W2", N, "dZ2 = (A2 - Y) / m\ndW2 = torch.matmul(A1.T, dZ2)", oracle=W2R, style="m-torch-matmul-W2")
C(M, "W1", N, "dZ2 = (A2 - Y) / m\ndZ1 = torch.matmul(dZ2, W2.T) * (Z1 > 0).double()\ndW1 = torch.matmul(X.T, dZ1)", oracle=W1R, style="m-torch-double-mask")
C(M, "W1", N, "dZ2 = (A2 - Y) / m\ndZ1 = torch.matmul(dZ2, W2.T) * torch.relu(Z1)\ndW1 = torch.matmul(X.T, dZ1)", "*", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="m-torch-relu-for-relu-prime")
C(M, "b1", N, "dZ2 = (A2 - Y) / m\ndb1 = (dZ2 @ W2.T * (Z1 > 0)).sum(0)", oracle=B1R, style="m-torch-b1-sum0")
C(M, "b2", N, "dZ2 = (A2 - Y) / m\ndb2 = dZ2.sum(1, keepdim=True)", "*", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="m-torch-b2-sum1")
# LaTeX
C(M, "W2", L, "\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = \\frac{1}{m} (A^{[1]})^{T} (A^{[2]} - Y)", oracle=W2R, style="m-latex-mathcal-paren-T")
C(M, "W2", L, "\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]} (A^{[2]} - Y)", "*", oracle="A1 @ (A2 - Y) / m", style="m-latex-T-forgotten")
C(M, "b2", L, "\\frac{\\partial \\mathcal{L}}{\\partial b^{[2]}} = \\frac{1}{m} \\sum_{i=1}^{m} (a^{[2](i)} - y^{(i)})", oracle=B2R, style="m-latex-b2-per-example-sum")
C(M, "b2", L, "\\frac{\\partial \\mathcal{L}}{\\partial b^{[2]}} = \\sum_{i=1}^{m} (a^{[2](i)} - y^{(i)})", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="m-latex-b2-per-example-no-m")
C(M, "W1", L, "dZ^{[1]} = (A^{[2]} - Y) W^{[2]T} * g^{[1]\\prime}(Z^{[1]}),\\ dW^{[1]} = \\frac{1}{m} X^{T} dZ^{[1]}", oracle=W1R, style="m-latex-star-g1-prime")
C(M, "W1", L, "\\delta^{[1]} = (\\delta^{[2]} W^{[2]T}) \\odot \\mathbb{1}\\{Z^{[1]} > 0\\},\\ \\delta^{[2]} = A^{[2]} - Y,\\ \\frac{\\partial J}{\\partial W^{[1]}} = \\frac{1}{m} X^T \\delta^{[1]}", oracle=W1R, style="m-latex-indicator-braces")
C(M, "W1", L, "\\frac{\\partial J}{\\partial W^{[1]}} = \\frac{1}{m} X^T \\left[(A^{[2]} - Y) W^{[2]T}\\right]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="m-latex-W1-no-mask")
C(M, "b1", L, "\\frac{\\partial J}{\\partial b^{[1]}} = \\frac{1}{m} \\mathbf{1}^\\top \\left[(A^{[2]} - Y) W^{[2]\\top} \\odot \\mathbb{1}(Z^{[1]} > 0)\\right]", oracle=B1R, style="m-latex-b1-ones-row")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{\\partial L}{\\partial Z^{[1]}} \\frac{\\partial Z^{[1]}}{\\partial W^{[1]}}", oracle=W1R, style="m-leibniz-W1-two")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{\\partial L}{\\partial A^{[2]}} \\frac{\\partial A^{[2]}}{\\partial Z^{[2]}} \\frac{\\partial Z^{[2]}}{\\partial W^{[2]}}", oracle=W2R, style="m-leibniz-W2-three")
C(M, "b1", L, "因此 $\\frac{\\partial L}{\\partial b^{[1]}} = \\frac{1}{m}\\sum_{i}\\left[(A^{[2]} - Y) W^{[2]T} \\odot \\sigma'(Z^{[1]})\\right]_i$", "wrong-activation-derivative", lang=Z, oracle="np.sum((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1)), axis=0, keepdims=True) / m", style="m-zh-b1-sigma-prime")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]\\top} (A^{[2]} - Y) \\approx \\begin{bmatrix} -0.1763 \\\\ -0.0090 \\end{bmatrix}", oracle=W2R, style="m-latex-formula-and-bmatrix")
# hand numbers
C(M, "b1", V, "[[-0.0979, -0.0181]]", style="v-m-b1-3sf")
C(M, "b1", V, "[-0.09794, -0.01811]", style="v-m-b1-1d-row")
C(M, "W1[0,1]", V, "0.1356", style="v-m-W101")
C(M, "W1", V, "[[-0.09794, 0.1356], [-0.1959, 0.07908]]", style="v-m-W1-4sf")
C(M, "b2", V, "0.1208", "*", style="v-m-b2-no-m", note="twice the value: 1/m left out")
C(M, "W2[1,0]", V, "-0.00898", style="v-m-W210")
C(M, "b2", V, "6.04 × 10⁻²", style="v-m-b2-times-superscript")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m\ndW2 = A1.T @ dZ2", oracle=f"A1.T @ {WDZ} / m", style="mw-W2-rearranged")
C(MW, "b2", N, "dZ2 = (A2 - Y) / m\ndb2 = np.sum(dZ2, axis=0, keepdims=True)", "*", oracle=B2R, style="mw-b2-unweighted")
C(MW, "b2", N, "dZ2 = (A2 * (1 + (w - 1) * Y) - w * Y) / m\ndb2 = dZ2.sum(axis=0, keepdims=True)", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="mw-b2-expanded-general")
C(MW, "b2", N, "dZ2 = (A2 - Y) * (w * Y + (1 - Y)) / m\ndb2 = np.sum(dZ2, axis=0, keepdims=True)", "weighted-loss-not-simplifiable", oracle="np.sum((A2 - Y) * (w * Y + (1 - Y)), axis=0, keepdims=True) / m", style="mw-b2-binary-only")
C(MW, "W2", N, "dZ2 = (A2 - w * Y) / m\ndW2 = A1.T @ dZ2", "*", oracle="A1.T @ (A2 - w * Y) / m", style="mw-W2-w-on-Y-only")
C(MW, "b1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndb1 = dZ1.sum(axis=0, keepdims=True)", oracle=f"np.sum({WDZ} @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m", style="mw-b1")
C(MW, "Z2", L, "\\frac{\\partial L}{\\partial Z^{[2]}} = \\frac{1}{m}\\left[(1-Y)\\odot A^{[2]} - w\\,Y\\odot(1-A^{[2]})\\right]", oracle=f"{WDZ} / m", style="mw-latex-Z2")
C(MW, "Z2", L, "\\frac{\\partial L}{\\partial Z^{[2]}} = \\frac{1}{m}(A^{[2]} - Y)", "*", oracle="(A2 - Y) / m", style="mw-latex-Z2-unweighted")
C(MW, "b2", L, "对 $b^{[2]}$ 求偏导：$\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_i\\left[(1-Y_i)A^{[2]}_i - wY_i(1-A^{[2]}_i)\\right]$", lang=Z, oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="mw-zh-latex-b2")
C(MW, "W2", N, "dZ2 = ((1 - Y) * A2 - 3 * Y * (1 - A2)) / m\ndW2 = A1.T @ dZ2", "*", style="mw-W2-literal-3", note="README: a number written for a [constants] name is right only for this value of it")
C(MW, "b2", V, "-0.36", style="v-mw-b2-2sf")
C(MW, "W2", V, "[[-0.424], [-0.307]]", style="v-mw-W2-3sf")
C(MW, "b1", V, "[[-0.1822, 0.1093]]", style="v-mw-b1")
C(MW, "b2", V, "0.0604", "*", style="v-mw-b2-unweighted-number")

# ================================================================ tiny-mlp
C(T, "W2", N, "err = y_pred - y_target\ndW2 = h.T * err", oracle=TW2, style="t-W2-err-broadcast")
C(T, "W2", N, "err = y_pred - y_target\ndW2 = err * h", "*", style="t-W2-row-for-column")
C(T, "W1", N, "dh = (y_pred - y_target) * W2.T\ndh_raw = dh * sigmoid(h_raw) * (1 - sigmoid(h_raw))\ndW1 = X.T @ dh_raw", oracle=TW1, style="t-W1-sigmoid-h-raw")
C(T, "W1", N, "dh = (y_pred - y_target) * W2.T\ndh_raw = dh * sigmoid(h_raw)\ndW1 = X.T @ dh_raw", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="t-W1-sigma-for-sigma-prime")
C(T, "W1", N, f"dW1 = np.outer(X, {TD})", oracle=TW1, style="t-W1-outer")
C(T, "W1", N, f"dW1 = np.outer({TD}, X)", "*", oracle=f"{TD}.T @ X", style="t-W1-outer-swapped")
C(T, "W1", N, f"dW1 = X.T @ {TD} / 2", "scale-factor", oracle=f"{TW1} / 2", style="t-W1-half")
C(T, "W1[1,1]", N, "(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 1]", oracle="(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 1]", style="t-W111-indices")
C(T, "W1[1,1]", N, "(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 0]", "*", oracle="(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 0]", style="t-W111-wrong-input")
C(T, "w21", N, "x2 * h1 * (1 - h1) * v1 * (y_pred - y_target)", style="t-w21-labels-reversed")
C(T, "w12", L, "\\frac{\\partial L}{\\partial w_{12}} = (y_{pred} - y_{target})\\, v_{2}\\, h_{2}(1 - h_{2})\\, x_{1}", style="t-latex-w12")
C(T, "w12", L, "\\frac{\\partial L}{\\partial w_{12}} = (y_{pred} - y_{target})\\, v_{1}\\, h_{1}(1 - h_{1})\\, x_{1}", "*", style="t-latex-w12-wrong-unit")
C(T, "v2", L, "\\frac{\\partial L}{\\partial v_2} = (y_{pred} - y_{target})\\, h_2", style="t-latex-v2")
C(T, "v2", N, "(y_pred - y_target) * h2 * (1 - h2)", "*", style="t-v2-extra-sigma-prime")
C(T, "W2", L, "\\frac{\\partial L}{\\partial W_2} = h^\\top (y_{pred} - y_{target})", oracle=TW2, style="t-latex-W2-subscript")
C(T, "W1", L, "\\frac{\\partial L}{\\partial W_1} = X^\\top \\left[(y_{pred} - y_{target})\\, W_2^\\top \\odot \\sigma'(h_{raw})\\right]", oracle=TW1, style="t-latex-W1-sigma-prime-h-raw")
C(T, "W1", L, "\\frac{\\partial L}{\\partial W_1} = X^\\top \\left[(y_{pred} - y_{target})\\, W_2^\\top \\odot h\\right]", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="t-latex-W1-h-for-sigma-prime")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = \\frac{\\partial L}{\\partial y_{pred}} \\frac{\\partial y_{pred}}{\\partial h_1} \\frac{\\partial h_1}{\\partial h_{1,raw}} \\frac{\\partial h_{1,raw}}{\\partial w_{11}}", style="t-leibniz-w11-four")
C(T, "W1", N, "dW1 = X' * ((y_pred - y_target) * W2' .* h .* (1 - h));", oracle=TW1, style="t-octave-W1-inline")
C(T, "W1", N, "dW1 = X' * ((y_pred .- y_target) .* W2' .* σ.(h_raw) .* (1 .- σ.(h_raw)))", oracle=TW1, style="t-julia-W1")
C(T, "w12", V, "w12 ≈ -0.01635", style="v-t-w12-label")
C(T, "W1[0,1]", V, "-1.63e-2", style="v-t-W101-sci")
C(T, "v1", V, "v1: -0.1139", style="v-t-v1-colon")
C(T, "W2", V, "[-0.1139, -0.1172]^T", style="v-t-W2-row-transposed")
C(T, "W1", V, "[[-0.0137, -0.0163], [-0.0027, -0.0033]]", style="v-t-W1-2-3sf")
C(T, "W1", V, "[[-0.0137, -0.0027], [-0.0163, -0.0033]]", "*", style="v-t-W1-transposed")
C(T, "W1[0,0]", V, "-0.02734", "*", style="v-t-W100-dh-raw", note="∂L/∂h1_raw: x1 = 0.5 left out")

# ================================================================ neuron
C(E, "w", N, "dO = O - t\ndz = dO * O * (1 - O)\ndw = dz * x", oracle=EW, style="n-dO-dz-dw")
C(E, "w", N, "grad_w = (O - t) * O * (1.0 - O) * x", oracle=EW, style="n-grad-w-1.0")
C(E, "w", N, "grad_w = (O - t) * O * (1.0 - O) * w", "*", oracle="(O - t) * O * (1 - O) * w", style="n-w-for-x")
C(E, "w", N, "dw = (O - t) * (1 - O) * x", "*", oracle="(O - t) * (1 - O) * x", style="n-half-sigma-prime")
C(E, "w", N, "dw = ((O - t) * O * (1 - O)) @ x", oracle=EW, style="n-1x1-matmul-x")
C(E, "w", N, "dw = x.T @ ((O - t) * O * (1 - O))", "*", style="n-column-x-T")
C(E, "w", L, "\\nabla_{\\mathbf{w}} L = (O - t)\\, O (1 - O)\\, \\mathbf{x}", oracle=EW, style="n-latex-nabla-bold")
C(E, "w", L, "\\nabla_{\\mathbf{w}} L = (t - O)\\, O (1 - O)\\, \\mathbf{x}", "sign", oracle=f"-{EW}", style="n-latex-nabla-sign")
C(E, "w1", N, "(O - t) * O * (1 - O) * x1", style="n-w1-label")
C(E, "w[0,2]", N, "(O - t) * O * (1 - O) * x[0, 2]", style="n-w02-index")
C(E, "w2", V, "-0.0245", style="v-n-w2")
C(E, "w", V, "[-0.061, -0.037, -0.024]", style="v-n-w-2sf")
C(E, "w", V, "[-0.0490, 0.0735, -0.0122]", "*", style="v-n-w-is-dx")
C(E, "w", N, "dw = (O .- t) .* O .* (1 .- O) .* x", oracle=EW, style="n-julia")
C(E, "w", L, "由链式法则 $\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial O}\\frac{\\partial O}{\\partial z}\\frac{\\partial z}{\\partial w} = (O - t) O (1 - O) x$", lang=Z, oracle=EW, style="n-zh-leibniz-equals")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x';", "*", style="n-octave-x-prime")

# ================================================================ chain (u = w x, v = u + b, L = v²; x = 2, w = 3, b = 4)
C(CH, "w", N, "dLdv = 2 * v\ndLdu = dLdv\ndLdw = dLdu * x", style="ch-w-dLdu")
C(CH, "b", N, "db = 2 * u + 2 * b", style="ch-b-distributed")
C(CH, "x", N, "dx = 2 * (w * x + b) * w", style="ch-x-expanded")
C(CH, "x", N, "dx = 2 * (w * x + b)", "*", style="ch-x-w-forgotten")
C(CH, "w", N, "dw = 2 * u * x", "*", style="ch-w-u-for-v")
C(CH, "w", L, "\\frac{dL}{dw} = \\frac{dL}{dv}\\frac{dv}{du}\\frac{du}{dw} = 2v x", style="ch-latex-d-leibniz")
C(CH, "x", L, "\\frac{dL}{dx} = 2 v w", style="ch-latex-x")
C(CH, "x", L, "\\frac{dL}{dx} = 2 v x", "*", style="ch-latex-x-wrong-factor")
C(CH, "w", V, "40.00", style="v-ch-w-4sf")
C(CH, "w", V, "4 \\times 10^{1}", style="v-ch-w-latex-sci")
C(CH, "b", V, "19.9", "*", style="v-ch-b-exact-no-allowance")
C(CH, "x", V, "-60", "sign", style="v-ch-x-sign")
C(CH, "b", V, "答：∂L/∂b = 20", lang=Z, style="v-zh-ch-b")

# ================================================================ relu-mlp (Johnson's two-layer net)
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.T.dot(grad_y_pred)", oracle=RW2, style="r-w2-dot-method")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.dot(w2.T)\ngrad_h = grad_h_relu.copy()\ngrad_h[h <= 0] = 0\ngrad_w1 = x.T.dot(grad_h)", oracle=RW1, style="r-w1-copy-le-0")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w1 = x.T.dot(grad_y_pred.dot(w2.T) * (h > 0))", oracle=RW1, style="r-w1-inline")
C(R, "w1", N, "grad_w1 = x.T.dot(2.0 * (y_pred - y).dot(w2) * (h > 0))", "*", style="r-w1-w2-not-transposed")
C(R, "w2", N, "grad_w2 = h_relu.T @ (y_pred - y) * 2", oracle=RW2, style="r-w2-times-2-after")
C(R, "w2", N, "grad_w2 = 2 * h_relu @ (y_pred - y)", "*", style="r-w2-h-relu-not-transposed")
C(R, "w2", L, "\\frac{\\partial L}{\\partial w_2} = 2 h_{relu}^T (\\hat{y} - y)", oracle=RW2, style="r-latex-w2-hat-y")
C(R, "w1", L, "\\frac{\\partial L}{\\partial w_1} = 2 x^T \\left[(y_{pred} - y) w_2^T \\odot \\mathbb{1}(h > 0)\\right]", oracle=RW1, style="r-latex-w1")
C(R, "w1", L, "\\frac{\\partial L}{\\partial w_1} = 2 x^T (y_{pred} - y) w_2^T", "missing-activation-derivative", oracle="2 * x.T @ (y_pred - y) @ w2.T", style="r-latex-w1-no-mask")
C(R, "w2[0,1]", N, "2 * np.sum(h_relu[:, 0] * (y_pred[:, 1] - y[:, 1]))", oracle="2 * np.sum(h_relu[:, 0] * (y_pred[:, 1] - y[:, 1]))", style="r-entry-w201")
C(R, "w2[0,1]", N, "2 * np.sum(h_relu[:, 1] * (y_pred[:, 0] - y[:, 0]))", "*", oracle="2 * np.sum(h_relu[:, 1] * (y_pred[:, 0] - y[:, 0]))", style="r-entry-w201-swapped")
C(R, "w2", N, "grad_w2 = 2 .* h_relu' * (y_pred .- y)", oracle=RW2, style="r-julia-w2")

# ================================================================ the newer built-ins
C(S, "W", N, "dscores = P - Y\ndscores /= m\ndW = X.T.dot(dscores)", oracle=SW, style="s-dscores-inplace")
C(S, "W", N, "dscores = P - Y\ndW = X.T.dot(dscores)", "scale-factor", oracle="X.T @ (P - Y)", style="s-dscores-no-m")
C(S, "b", N, "db = np.mean(P - Y, axis=0, keepdims=True)", oracle=SB, style="s-b-mean-keepdims")
C(S, "b", N, "db = np.mean(P - Y, axis=0)", oracle=SB, style="s-b-mean-1d")
C(S, "b", N, "db = np.mean(P - Y, axis=1, keepdims=True)", "*", oracle="np.mean(P - Y, axis=1, keepdims=True)", style="s-b-mean-axis1")
C(S, "W", N, "dW = X.T @ (P - Y) / n", "scale-factor", oracle="X.T @ (P - Y) / n", style="s-W-n-for-m")
C(S, "W", L, "\\frac{\\partial L}{\\partial W} = \\frac{1}{m} X^{\\top}(\\hat{Y} - Y)", oracle=SW, style="s-latex-hat-Y")
C(S, "W", L, "\\frac{\\partial L}{\\partial W} = \\frac{1}{m} (P - Y)^{\\top} X", "*", oracle="(P - Y).T @ X / m", style="s-latex-transposed")
C(S, "b", V, "[[-0.0735, 0.3709, -0.2975]]", style="v-s-b")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T), axis=0, keepdims=True) / (m * n)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="bn-beta-inline")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T), axis=0, keepdims=True) / m", "scale-factor", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True) * n", style="bn-beta-m-only")
C(R2, "W_x", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\ndW_x = x_2.T @ d2 + x_1.T @ ((d2 @ W_h.T) * (1 - h_1 ** 2))", oracle=f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}", style="rnn-Wx-two-steps")
C(R2, "W_x", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\ndW_x = x_2.T @ d2", "missing-path", oracle=f"x_2.T @ {R2_D2}", style="rnn-Wx-last-step")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ (A.T @ dO)", oracle=f"X.T @ A.T @ {AT_DO}", style="att-Wv-paren")
C(A, "W_v", N, "dW_v = X.T @ A.T @ (O - T)", "scale-factor", oracle="X.T @ A.T @ (O - T)", style="att-Wv-no-2-over-nd")

# ================================================================ refusals
C(M, "W2", N, "dW2 = np.linalg.lstsq(A1, A2 - Y)[0]", REFUSE, style="rf-lstsq")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = a^{[1](i)T}(a^{[2](i)} - y^{(i)})", REFUSE, style="rf-per-example-no-sum")
C(T, "W1", N, "dW1 = X.T @ delta3", REFUSE, style="rf-unknown-delta3")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial O}\\frac{\\partial O}{\\partial y}\\frac{\\partial y}{\\partial w}", REFUSE, style="rf-leibniz-not-a-node")
C(M, "W2", N, "dW2 = A1.T @ dZ3 / m", REFUSE, lang=Z, style="rf-zh-dZ3")
C(CH, "w", N, "dw = sympy.diff(L, w)", REFUSE, style="rf-sympy-diff")

# ================================================================ Matt Mazur's step-by-step example (2-2-2, shared biases)
MZ_DO = "((out_o - target) * out_o * (1 - out_o))"
MZ_DH = f"({MZ_DO} @ w_o.T * out_h * (1 - out_h))"
C(MZ, "w_o", N, "delta_o = (out_o - target) * out_o * (1 - out_o)\ndw_o = out_h.T @ delta_o", oracle=f"out_h.T @ {MZ_DO}", style="mz-w_o")
C(MZ, "w_o", N, "delta_o = (target - out_o) * out_o * (1 - out_o)\ndw_o = out_h.T @ delta_o", "sign", oracle=f"-out_h.T @ {MZ_DO}", style="mz-w_o-sign")
C(MZ, "w_o", N, "dw_o = out_h.T @ (out_o - target)", "missing-activation-derivative", oracle="out_h.T @ (out_o - target)", style="mz-w_o-no-sigma-prime")
C(MZ, "w_o", N, "delta_o = (out_o - target) * out_o * (1 - out_o)\ndw_o = delta_o.T @ out_h", "*", oracle=f"{MZ_DO}.T @ out_h", style="mz-w_o-transposed")
C(MZ, "b2", N, "db2 = np.sum((out_o - target) * out_o * (1 - out_o))", oracle=f"np.sum({MZ_DO})", style="mz-b2-shared")
C(MZ, "b2", N, "db2 = ((out_o - target) * out_o * (1 - out_o))[0, 0]", "*", oracle=f"{MZ_DO}[0, 0]", style="mz-b2-one-output")
C(MZ, "w_h", N, "delta_o = (out_o - target) * out_o * (1 - out_o)\ndelta_h = (delta_o @ w_o.T) * out_h * (1 - out_h)\ndw_h = i.T @ delta_h", oracle=f"i.T @ {MZ_DH}", style="mz-w_h")
C(MZ, "w_h", N, "delta_o = (out_o - target) * out_o * (1 - out_o)\ndelta_h = (delta_o @ w_o) * out_h * (1 - out_h)\ndw_h = i.T @ delta_h", "*", oracle=f"i.T @ ({MZ_DO} @ w_o * out_h * (1 - out_h))", style="mz-w_h-w_o-not-transposed")
C(MZ, "w_o[0,0]", N, "(out_o[0, 0] - target[0, 0]) * out_o[0, 0] * (1 - out_o[0, 0]) * out_h[0, 0]", style="mz-w5-indices")
C(MZ, "w_o[1,0]", N, "(out_o[0, 0] - target[0, 0]) * out_o[0, 0] * (1 - out_o[0, 0]) * out_h[0, 0]", "*", style="mz-w6-with-w5-input")
C(MZ, "w_o[0,0]", V, "0.082167041", style="v-mz-w5-mazur-digits")
C(MZ, "w_o[1,0]", V, "0.0827", style="v-mz-w6-3sf")
C(MZ, "w_h[0,0]", V, "0.000438568", style="v-mz-w1-mazur-digits")
C(MZ, "w_o[0,0]", V, "0.35891648", "*", style="v-mz-w5-updated-weight", note="the updated weight w5 − 0.5·∂E/∂w5, not the gradient")
C(MZ, "b2", V, "0.1385", "*", style="v-mz-b2-one-output", note="∂E/∂net_o1 alone: the shared bias feeds both outputs")

# ================================================================ the PyTorch tutorial's clamp net (h[0,0] = 0 exactly)
C(TT, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)", oracle="h_relu.T @ (2 * (y_pred - y))", style="tt-w2")
C(TT, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_h = grad_h_relu.clone()\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h)", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h >= 0))", style="tt-w1-tutorial")
C(TT, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * (h > 0)\ngrad_w1 = x.t().mm(grad_h)", "relu-at-zero", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="tt-w1-strict-mask", note="clamp(min=0) passes the gradient at h = 0, where h[0,0] is exactly 0")
C(TT, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w1 = x.t().mm(grad_y_pred.mm(w2.t()))", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="tt-w1-no-mask")
C(TT, "w2", N, "grad_w2 = h.t().mm(2.0 * (y_pred - y))", "*", oracle="h.T @ (2 * (y_pred - y))", style="tt-w2-h-for-h-relu")
C(TT, "w2", N, "grad_w2 = h_relu.t().mm(y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="tt-w2-2-dropped")
C(TT, "w2", V, "[[0], [-5.3]]", style="v-tt-w2")
C(TT, "w1", V, "[[-1.96, 1.12], [-3.92, 3.04], [0, -0.8]]", style="v-tt-w1")

# ================================================================ MIT 6.036's soft-margin SVM (λ/2 ‖θ‖²)
C(SV, "th", N, "mask = (margin < 1)\ndth = -X.T @ (y * mask) / n + lam * th", oracle="-X.T @ (y * (margin < 1)) / n + lam * th", style="sv-th")
C(SV, "th", N, "dth = -X.T @ y / n + lam * th", "*", style="sv-th-mask-forgotten", note="every margin is below 1 at the example: right there only (no oracle: the course oracle runs the example only)")
C(SV, "th", N, "dth = -X.T @ (y * (margin < 1)) / n + 2 * lam * th", "loss-term-factor", oracle="-X.T @ (y * (margin < 1)) / n + 2 * lam * th", style="sv-th-2-lam")
C(SV, "th", N, "dth = -X.T @ (y * (margin < 1)) / n", "missing-loss-term", oracle="-X.T @ (y * (margin < 1)) / n", style="sv-th-no-reg")
C(SV, "th0", N, "dth0 = -np.mean(y * (margin < 1))", oracle="-np.mean(y * (margin < 1))", style="sv-th0")
C(SV, "th", N, "dth = X.T @ (y * (margin < 1)) / n + lam * th", "*", oracle="X.T @ (y * (margin < 1)) / n + lam * th", style="sv-th-hinge-sign")
C(SV, "th", V, "[[-0.107], [-0.023]]", style="v-sv-th")

# ================================================================ MIT 6.390 logistic regression, column-major, lam ‖θ‖²
C(LR, "th", N, "dth = X @ (g - Y).T / n + 2 * lam * th", oracle="X @ (g - Y).T / n + 2 * lam * th", style="lr-th")
C(LR, "th", N, "dth = X @ (g - Y).T / n + lam * th", "loss-term-factor", oracle="X @ (g - Y).T / n + lam * th", style="lr-th-lam-not-2lam")
C(LR, "th", N, "dth = X @ (g - Y).T / n", "missing-loss-term", oracle="X @ (g - Y).T / n", style="lr-th-no-reg")
C(LR, "th0", N, "dth0 = np.mean(g - Y, axis=1, keepdims=True)", oracle="np.mean(g - Y, axis=1, keepdims=True)", style="lr-th0")
C(LR, "th0", N, "dth0 = np.mean(g - Y, axis=1, keepdims=True) + 2 * lam * th0", "*", oracle="np.mean(g - Y, axis=1, keepdims=True) + 2 * lam * th0", style="lr-th0-regularised")
C(LR, "th", N, "dth = (g - Y) @ X.T / n + 2 * lam * th", "*", style="lr-th-row-for-column")
C(LR, "th", N, "dth = X * (g - Y)' / n + 2 * lam * th;", oracle="X @ (g - Y).T / n + 2 * lam * th", style="lr-octave-th")
C(LR, "th", N, "dth = np.dot(X, (g - Y).T) / d + 2 * lam * th", "scale-factor", oracle="X @ (g - Y).T / d + 2 * lam * th", style="lr-th-d-for-n")
C(LR, "th", V, "[[-0.00178], [-0.08152], [0.03988]]", style="v-lr-th")

# ================================================================ CS189's quadratic activation (H = (XW)², f = H a, mean squared error)
C(QA, "a", N, "r = 2 * (f - y) / n\nda = H.T @ r", oracle="H.T @ (2 * (f - y) / n)", style="qa-a")
C(QA, "a", N, "da = H.T @ (f - y) / n", "scale-factor", oracle="H.T @ (f - y) / n", style="qa-a-2-dropped")
C(QA, "W", N, "r = 2 * (f - y) / n\ndH = r @ a.T\ndW = X.T @ (dH * 2 * (X @ W))", oracle="X.T @ ((2 * (f - y) / n) @ a.T * 2 * (X @ W))", style="qa-W")
C(QA, "W", N, "r = 2 * (f - y) / n\ndH = r @ a.T\ndW = X.T @ (dH * (X @ W))", "*", oracle="X.T @ ((2 * (f - y) / n) @ a.T * (X @ W))", style="qa-W-square-derivative-half")
C(QA, "W", N, "r = 2 * (f - y) / n\ndH = r @ a.T\ndW = X.T @ (dH * 2 * H)", "*", oracle="X.T @ ((2 * (f - y) / n) @ a.T * 2 * H)", style="qa-W-H-for-XW")
C(QA, "W", N, "r = 2 * (f - y) / n\ndH = r @ a.T\ndW = X.T @ dH", "missing-activation-derivative", oracle="X.T @ ((2 * (f - y) / n) @ a.T)", style="qa-W-no-activation-derivative")
C(QA, "a", L, "\\frac{\\partial L}{\\partial a} = \\frac{2}{n} H^\\top (f - y)", oracle="H.T @ (2 * (f - y) / n)", style="qa-latex-a")

# ================================================================ the Keras blog's autoencoder (mean BCE over m·n pixels)
AE_D = "((X_rec - X) / (m * n))"
C(AE, "W_dec", N, "dW_dec = code_.T @ (X_rec - X) / (m * n)", oracle=f"code_.T @ {AE_D}", style="ae-W_dec")
C(AE, "W_dec", N, "dW_dec = code_.T @ (X_rec - X) / m", "scale-factor", oracle="code_.T @ (X_rec - X) / m", style="ae-W_dec-m-only")
C(AE, "b_dec", N, "db_dec = np.sum(X_rec - X, axis=0, keepdims=True) / (m * n)", oracle=f"np.sum({AE_D}, axis=0, keepdims=True)", style="ae-b_dec")
C(AE, "W_enc", N, "dZ = (X_rec - X) / (m * n)\ndW_enc = X.T @ (dZ @ W_dec.T * (code_ > 0))", oracle=f"X.T @ ({AE_D} @ W_dec.T * (code_ > 0))", style="ae-W_enc")
C(AE, "W_enc", N, "dZ = (X_rec - X) / (m * n)\ndW_enc = X.T @ (dZ @ W_dec.T)", "missing-activation-derivative", oracle=f"X.T @ ({AE_D} @ W_dec.T)", style="ae-W_enc-no-mask")
C(AE, "W_dec", N, "dW_dec = code_.T @ ((X_rec - X) * X_rec * (1 - X_rec)) / (m * n)", "*", oracle="code_.T @ ((X_rec - X) * X_rec * (1 - X_rec)) / (m * n)", style="ae-W_dec-extra-sigma-prime")

# ================================================================ CS182's layer norm of one example, 1-D vectors
C(LN, "beta", N, "dbeta = out - t", oracle="out - t", style="ln-beta")
C(LN, "gamma", N, "dgamma = (out - t) * hhat", oracle="(out - t) * hhat", style="ln-gamma")
C(LN, "gamma", N, "dgamma = (out - t) * h", "*", oracle="(out - t) * h", style="ln-gamma-h-for-hhat")
C(LN, "W", N, "dW = np.outer(dh * (W @ x > 0), x)", style="ln-W-outer-column-convention")
C(LN, "W", N, "dW = np.outer(x, dh * (W @ x > 0))", "*", style="ln-W-outer-swapped")
C(LN, "W", L, "\\frac{\\partial L}{\\partial W} = \\left(\\frac{\\partial L}{\\partial h} \\odot \\mathbb{1}[W x > 0]\\right) x^\\top", style="ln-latex-W-delta-x-T", note="the lead's known gap: a column-convention product of 1-D vectors")
C(LN, "W", L, "\\frac{\\partial L}{\\partial W} = x \\left(\\frac{\\partial L}{\\partial h} \\odot \\mathbb{1}[W x > 0]\\right)^\\top", "*", style="ln-latex-W-x-delta-T")
C(LN, "gamma", L, "\\frac{\\partial L}{\\partial \\gamma} = (\\mathrm{out} - t) \\odot \\hat{h}", oracle="(out - t) * hhat", style="ln-latex-gamma")

# ================================================================ the older built-ins, rarer dialects and forms (written with round a, before any run)
MD = "((A2 - Y) @ W2.T * (Z1 > 0))"
C(M, "W1", N, "dZ2 = A2 - Y;\ndZ1 = (dZ2 * W2') .* (A1 > 0);\ndW1 = (X' * dZ1) / m;", oracle=W1R, style="o-m-octave-W1-A1-mask")
C(M, "W2", N, "dW2 = (A1' * (A2 - Y)) ./ m;", oracle=W2R, style="o-m-octave-W2-dot-divide")
C(M, "b1", N, "db1 = mean((A2 - Y) * W2' .* (Z1 > 0));", oracle=B1R, style="o-m-octave-b1-mean-columns")
C(M, "b1", N, "db1 = sum((A2 - Y) * W2' .* (Z1 > 0), 2) / m;", "wrong-sum-axis", oracle=f"np.sum({MD}, axis=1, keepdims=True) / m", style="o-m-octave-b1-dim2")
C(M, "W2", N, "dW2 = A1' * (A2 .- Y) ./ size(X, 1)", oracle=W2R, style="o-m-julia-size-X-1")
C(M, "W2", N, "dW2 = A1' * (A2 .- Y) ./ size(X, 2)", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="o-m-julia-size-X-2")
C(M, "b1", N, "db1 = sum(((A2 .- Y) * W2') .* (Z1 .> 0); dims=1) ./ m", oracle=B1R, style="o-m-julia-b1-dims1")
C(M, "W2", N, "dW2 = (A1.T @ (A2 - Y)) * (1. / m)", oracle=W2R, style="o-m-W2-times-1-dot-over-m")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) * m", "scale-factor", oracle="A1.T @ (A2 - Y) * m", style="o-m-W2-times-m")
C(M, "W2", N, "dW2 = np.einsum('ij,ik->jk', A1, A2 - Y) / m", oracle=W2R, style="o-m-W2-einsum")
C(M, "W2", N, "dW2 = np.einsum('ij,ik->kj', A1, A2 - Y) / m", "*", oracle="(A2 - Y).T @ A1 / m", style="o-m-W2-einsum-transposed")
C(M, "W2", N, "def backward(X, Y, cache):\n    A1, A2 = cache['A1'], cache['A2']\n    m = X.shape[0]\n    dZ2 = A2 - Y\n    dW2 = A1.T @ dZ2 / m\n    return {'dW2': dW2}", oracle=W2R, style="o-m-def-cache-dict")
C(M, "W2", N, "grads = {}\ngrads['dW2'] = A1.T @ (A2 - Y) / m", oracle=W2R, style="o-m-grads-dict-item")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.T @ dZ2\ndW2 /= m", oracle=W2R, style="o-m-W2-inplace-divide")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.T @ dZ2\ndW2 *= 1 / m", oracle=W2R, style="o-m-W2-inplace-times")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = (dZ2.T @ A1).T / m", oracle=W2R, style="o-m-W2-transposed-back")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = (dZ2.T @ A1) / m", "*", oracle="(A2 - Y).T @ A1 / m", style="o-m-W2-row-result")
C(M, "b1", N, "dZ1 = np.dot(A2 - Y, W2.T) * np.heaviside(Z1, 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True) / m", oracle=B1R, style="o-m-b1-heaviside")
C(M, "b1", N, "dZ1 = np.dot(A2 - Y, W2.T) * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True) / n_h", "scale-factor", oracle=f"np.sum({MD}, axis=0, keepdims=True) / n_h", style="o-m-b1-n_h-for-m")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} \\sum_{i=1}^{m} (a^{[2](i)} - y^{(i)})\\, a^{[1](i)}", oracle=W2R, style="o-m-latex-per-example-number-times-vector")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^\\top \\left( (A^{[2]} - Y) W^{[2]\\top} \\odot H(Z^{[1]}) \\right)", oracle=W1R, style="o-m-latex-heaviside-H")
C(M, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\mathbf{1}^\\top (A^{[2]} - Y)", oracle=B2R, style="o-m-latex-b2-ones")
C(M, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}(A^{[2]} - Y)", "bias-not-summed", oracle="(A2 - Y) / m", style="o-m-latex-b2-not-summed")
C(M, "W2", V, "[[-0.18], [-0.0090]]", style="v-o-m-W2-2sf")
C(M, "b2", V, "0.06038", style="v-o-m-b2-4sf")
C(M, "W1", V, "[[-0.098, 0.136], [-0.196, 0.079]]", style="v-o-m-W1-3sf")
C(M, "b2", V, "约 0.0604", lang=Z, style="v-o-zh-m-b2")
C(M, "W2", V, "(-0.1763, -0.008985)ᵀ", style="v-o-m-W2-tuple-T")
C(T, "W1", N, "delta2 = y_pred - y_target\ndelta1 = (delta2 @ W2.T) * h * (1 - h)\ngrad_W1 = X.T @ delta1", oracle=TW1, style="o-t-delta1-delta2")
C(T, "W1", N, "delta2 = y_pred - y_target\ndelta1 = (delta2 @ W2.T) * h * (1 - h)\ngrad_W1 = X.T @ delta1 * 0.5", "scale-factor", oracle=f"{TW1} * 0.5", style="o-t-delta1-half")
C(T, "W2", N, "grad_W2 = h.T @ (y_pred - y_target) / 2", "scale-factor", oracle=f"{TW2} / 2", style="o-t-W2-half")
C(T, "W2", L, "\\frac{\\partial E}{\\partial \\mathbf{W}_2} = \\mathbf{h}^{\\mathsf{T}}(y_{pred} - y_{target})", oracle=TW2, style="o-t-latex-W2-mathsf")
C(T, "W2[1,0]", N, "(y_pred - y_target) * h[0, 1]", oracle="(y_pred - y_target) * h[0, 1]", style="o-t-W210-index")
C(T, "W2[1,0]", N, "(y_pred - y_target) * h[0, 0]", "*", oracle="(y_pred - y_target) * h[0, 0]", style="o-t-W210-wrong-unit")
C(T, "v1", L, "$\\frac{\\partial L}{\\partial v_1} = (y_{pred} - y_{target}) h_1$", lang=Z, style="o-zh-t-latex-v1")
C(T, "w22", N, "dh2_raw * x2", style="o-t-w22-dh2-raw")
C(T, "w22", N, "dh2 * x2", "*", style="o-t-w22-dh2-no-sigma-prime")
C(E, "w", N, "dw = np.dot((O - t) * O * (1 - O), x)", oracle=EW, style="o-n-np-dot-1x1")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x / n", "scale-factor", oracle=f"{EW} / n", style="o-n-over-n")
C(E, "w", N, "sig = 1 / (1 + np.exp(-z))\ndw = (sig - t) * sig * (1 - sig) * x", oracle=EW, style="o-n-sig-recomputed")
C(E, "w0", L, "\\frac{\\partial L}{\\partial w_0} = (O - t)\\,O(1-O)\\,x_0", style="o-n-latex-w0")
C(E, "w0", L, "\\frac{\\partial L}{\\partial w_0} = (O - t)\\,O(1-O)\\,x_1", "*", style="o-n-latex-w0-x1")
C(E, "w0", V, "-0.06123", style="v-o-n-w0")
C(E, "w", N, "dw = x .* ((O - t) * O * (1 - O));", oracle=EW, style="o-n-octave-x-first")
C(CH, "x", N, "dL_dx = 2 * v * w", style="o-ch-dL_dx")
C(CH, "b", N, "grad_b = 2 * (u + b)", style="o-ch-grad-b-u-plus-b")
C(CH, "b", N, "grad_b = (u + b) ** 2", "*", style="o-ch-grad-b-loss-itself")
C(CH, "w", L, "\\frac{\\partial L}{\\partial w} = 2(wx + b) \\cdot x = 40", style="o-ch-latex-formula-and-number")
C(CH, "w", L, "\\frac{\\partial L}{\\partial w} = 2(wx + b) \\cdot x = 36", "*", style="o-ch-latex-formula-wrong-number")
C(CH, "b", V, "2.0e1", style="v-o-ch-b-sci")
C(R, "w1", N, "grad_w1 = x' * (2 * (y_pred - y) * w2' .* (h > 0));", oracle=RW1, style="o-r-octave-w1")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * (h_relu > 0))", oracle=RW1, style="o-r-w1-h-relu-mask")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="o-r-w1-h-relu-for-mask")
C(R, "w2", N, "grad_w2 = 2 * np.dot(h_relu.T, y_pred - y) / n", "scale-factor", oracle=f"{RW2} / n", style="o-r-w2-over-n")
C(R, "w2", L, "\\nabla_{w_2} \\ell = 2\\, h_{relu}^{\\top}(y_{pred} - y)", oracle=RW2, style="o-r-latex-nabla-w2")
C(MW, "W2", N, "dZ2 = (A2 - Y + (1 - w) * Y * (1 - A2)) / m\ndW2 = A1.T @ dZ2", oracle=f"A1.T @ {WDZ} / m", style="o-mw-W2-correction-term")
C(MW, "b2", N, "dZ2 = (A2 - Y) * (1 + (w - 1) * Y) / m\ndb2 = dZ2.sum(0, keepdims=True)", "weighted-loss-not-simplifiable", oracle="np.sum((A2 - Y) * (1 + (w - 1) * Y), axis=0, keepdims=True) / m", style="o-mw-b2-binary-only")
C(MW, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T}\\left[A^{[2]} - Y + (w-1)Y \\odot (A^{[2]} - 1)\\right]", oracle=f"A1.T @ {WDZ} / m", style="o-mw-latex-W2-correction")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="o-mw-b2-mean-keepdims")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2))", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="o-mw-b2-mean-all")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2)) * w", "*", oracle=f"w * np.sum({WDZ}, axis=0, keepdims=True) / m", style="o-mw-b2-times-w")
C(MW, "W1", V, "[[-0.4415, 0.2649], [-0.5589, 0.3353]]", style="v-o-mw-W1")

C(M, "b2", N, "dZ2 = A2 - Y\ndb2 = np.sum(dZ2, axis=0, keepdims=True) * (1 / m)", oracle=B2R, style="o-m-b2-times-1-over-m")
C(M, "W1", N, f"dW1 = X.T @ {MD} / m / 2", "scale-factor", oracle=f"{W1R} / 2", style="o-m-W1-halved")
C(M, "W1", N, "dZ1 = ((A2 - Y) @ W2.T) * np.where(Z1 > 0, 1.0, 0.0)\ndW1 = X.T @ dZ1 / len(X)", oracle=W1R, style="o-m-W1-where-floats-len")
C(T, "W2", N, "grad_W2 = np.dot(h.T, y_pred - y_target)", oracle=TW2, style="o-t-W2-np-dot-grad")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = np.multiply(dz, x)", oracle=EW, style="o-n-multiply-dz")
C(CH, "w", N, "dv = 2 * v\ndu = dv\ndb = dv\ndw = du * x", style="o-ch-w-with-db-step")
C(R, "w2", N, "grad_w2 = h_relu.T @ (2 * y_pred - 2 * y)", oracle=RW2, style="o-r-w2-distributed-2")
C(MW, "W2", N, "dZ2 = (A2 - Y) / m\ndW2 = A1.T @ dZ2 * w", "*", oracle="w * A1.T @ (A2 - Y) / m", style="o-mw-W2-times-w")

# ================================================================ round b: reductions in MATLAB/Julia, hand numbers at the policy's edges, masks that look right; written after round a's fixes, before any run of these
_round = "b"
C(M, "b2", N, "db2 = sum(A2 - Y) / m;", oracle=B2R, style="b-m-octave-b2-sum-default")
C(M, "b2", N, "db2 = sum(A2 .- Y) ./ m", oracle=B2R, style="b-m-julia-b2-total", note="Julia's sum without dims is every entry's: b2 is 1 x 1")
C(E, "w", N, "dw = sum(x .* ((O - t) * O * (1 - O)), 2);", "*", oracle=f"np.sum({EW}, axis=1, keepdims=True) + 0 * w", style="b-n-octave-sum-dim2-of-row")
C(T, "W2", N, "dW2 = sum(h' .* (y_pred - y_target), 2);", oracle=TW2, style="b-t-octave-sum-dim2-of-column")
C(T, "W2", N, "dW2 = sum(h .* (y_pred - y_target));", "*", style="b-t-octave-sum-of-row-is-total")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=0) / m", oracle=B2R, style="b-m-b2-axis0-1d")
C(MW, "W1", N, "dZ2 = (A2 - Y) * (1 + (w - 1) * Y) / m\ndW1 = X.T @ (dZ2 @ W2.T * (Z1 > 0))", "weighted-loss-not-simplifiable", oracle="X.T @ (((A2 - Y) * (1 + (w - 1) * Y) / m) @ W2.T * (Z1 > 0))", style="b-mw-W1-binary-only")
C(MW, "W2[1,0]", V, "-0.3069", style="b-v-mw-W210")
C(MW, "b2", N, "dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m\ndb2 = np.sum(dZ2)", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="b-mw-b2-sum-all")
C(M, "b1[0,0]", V, "-0.09794", style="b-v-m-b100")
C(M, "W1", V, "[[-0.0979, 0.136], [-0.196, 0.0791]]", style="b-v-m-W1-mixed-digits")
C(M, "W2", V, "[[-0.176], [-0.009]]", "*", style="b-v-m-W2-one-digit-entry", note="-0.009 has one significant digit: too few to judge, never ✓")
C(T, "W1[1,0]", V, "-0.002734", style="b-v-t-W110")
C(T, "v2", V, "-0.117", style="b-v-t-v2-3sf")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]ᵀ", "shape-mismatch", style="b-v-n-w-as-column")
C(CH, "x", V, "60.5", "*", style="b-v-ch-x-exact-no-allowance")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * (h >= 0))", "relu-at-zero", style="b-r-w1-ge-0", note="first labelled right (no entry of h is exactly 0 at the example); README and corpora 6a/13/19/21: a non-strict mask is relu-at-zero whatever the example, PyTorch's relu'(0) = 0: relabelled")
C(S, "b", N, "db = (P - Y).sum(axis=0, keepdims=True) / X.shape[0]", oracle=SB, style="b-s-b-sum-method-shape0")
C(S, "W", N, "dW = X.T.dot(P - Y) / Y.shape[1]", "scale-factor", oracle="X.T @ (P - Y) / k", style="b-s-W-k-for-m")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^\\top \\left[(A^{[2]} - Y) W^{[2]\\top} \\odot \\mathbb{1}[Z^{[1]} \\geq 0]\\right]", "relu-at-zero", style="b-m-latex-Z1-geq-0", note="first labelled right (no entry of Z1 is exactly 0 at the example); README and corpora 3/6b/14: a non-strict mask is relu-at-zero, PyTorch's relu'(0) = 0: relabelled")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^\\top \\left[(A^{[2]} - Y) W^{[2]\\top} \\odot \\mathbb{1}[A^{[1]} \\geq 0]\\right]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="b-m-latex-A1-geq-0-always")
C(TT, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t())\ngrad_h[h <= 0] = 0\ngrad_w1 = x.t().mm(grad_h)", "relu-at-zero", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="b-tt-w1-le-0-zeroed")
C(SV, "th0", N, "dth0 = -np.sum(y * (margin < 1)) / n", oracle="-np.mean(y * (margin < 1))", style="b-sv-th0-sum-over-n")
C(LR, "th0", N, "dth0 = mean(g - Y);", oracle="np.mean(g - Y, axis=1, keepdims=True)", style="b-lr-octave-th0-mean-of-row")
C(LR, "th", N, "dth = X * (g .- Y)' ./ n .+ 2 .* lam .* th", oracle="X @ (g - Y).T / n + 2 * lam * th", style="b-lr-julia-th")
C(MZ, "b2", N, "delta_o = (out_o - target) * out_o * (1 - out_o)\ndb2 = delta_o.sum()", oracle=f"np.sum({MZ_DO})", style="b-mz-b2-sum-method")
C(QA, "a", V, "[[0.0832], [0.0850], [0.00281]]", style="b-v-qa-a")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = dZ1.mean(axis=0)", oracle=B1R, style="b-m-b1-mean-method-1d")
C(T, "W1[0,1]", V, "-0.01634", style="b-v-t-W101-one-unit-off", note="within one unit of the 4th digit (-0.016348)")
C(E, "w", N, "dw = np.multiply(np.multiply(O - t, O * (1 - O)), x)", oracle=EW, style="b-n-nested-multiply")
C(CH, "w", N, "dw = 2 .* (w .* x .+ b) .* x", style="b-ch-julia-w")
C(R, "w2", N, "grad_w2 = h_relu.T @ (y_pred - y) + h_relu.T @ (y_pred - y)", oracle=RW2, style="b-r-w2-twice-added")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c30-000, … as written; cases that happen to repeat corpora 2-29 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus30", "c30", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
