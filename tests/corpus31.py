"""The held-out-style corpus of issue 11, thirty-first round: homework answers written the ordinary
way — CS231n/Ng-style NumPy (a whole backward pass of named steps, ``m = X.shape[0]``,
``np.multiply``, ``np.where``, ``np.heaviside``, ``np.sign``), PyTorch without autograd
(``torch.mm``, ``.t()``), LaTeX from lecture notes and Zhihu (Ng's ``[l]``, Nielsen's
``δ^l = ((w^{l+1})^T δ^{l+1}) ⊙ σ'(z^l)``, Iverson brackets, ``\\quad``-separated steps in any
order, ``\\mathrm{T}``), Leibniz chains, element-wise answers (``w21``, ``w_{22}``), hand numbers
(rounded, a percent, scientific notation, a trailing comment, a hand computation ending in its
number), MATLAB/Octave and Julia spellings, one-example derivations in the row and column
conventions, multi-line derivations whose last line is not the answer — and the classic mistakes
(1/m missing or doubled, a size name where sizes are equal, transpose, wrong layer, factor 2,
sign, σ for σ′, a binary-label-only simplification, the mask left out where every unit is
active at the example, the wrong sum axis, the bias gradient not summed). Five lecturer networks
no earlier corpus used (tests/specs_course): CS182's numerically stable softmax loss, Bishop's
Gaussian negative log-likelihood (mean and variance heads), the Charbonnier loss, CS231n's
affine layer with an upstream gradient, fast.ai's MNIST loss with ``torch.where``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written from the mathematics before the checker
was run on any of them (bench/RESULTS.md, "heldcheck31": the first measurement). Built-in matrix
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
CS = str(COURSE / "cs182_softmax_stable.toml")
BG = str(COURSE / "bishop_gaussian_nll.toml")
CB = str(COURSE / "charbonnier.toml")
DO = str(COURSE / "cs231n_dout_gradcheck.toml")
FA = str(COURSE / "fastai_mse_loss.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20/22 wrote them
from corpus20 import B1R, B2R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402
from corpus22 import AT_DO, BN_DY, R2_D2  # noqa: E402

# ================================================================ mlp-bce: CS231n/Ng-style NumPy (Z1[1,0] = -0.15 < 0)
NGB = "dZ2 = A2 - Y\ndW2 = 1/m * A1.T @ dZ2\ndb2 = 1/m * np.sum(dZ2, axis=0, keepdims=True)\ndA1 = dZ2 @ W2.T\ndZ1 = dA1 * (Z1 > 0)\n"
C(M, "W1", N, NGB + "dW1 = 1/m * X.T @ dZ1\ndb1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)", oracle=W1R, style="m-full-backward-W1")
C(M, "b1", N, NGB + "dW1 = 1/m * X.T @ dZ1\ndb1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)", oracle=B1R, style="m-full-backward-b1")
C(M, "W2", N, NGB + "dW1 = 1/m * X.T @ dZ1\ndb1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)", oracle=W2R, style="m-full-backward-W2")
C(M, "b1", N, NGB + "dW1 = 1/m * X.T @ dZ1\ndb1 = 1/m * np.sum(dZ1, axis=1, keepdims=True)", "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="m-full-backward-b1-axis1")
C(M, "W1", N, NGB.replace("(Z1 > 0)", "(Z1 >= 0)") + "dW1 = 1/m * X.T @ dZ1", "relu-at-zero", style="m-full-backward-ge-mask")
C(M, "W2", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndW2 = (1 / m) * np.dot(A1.T, dZ2)", oracle=W2R, style="m-W2-m-shape0-assigned")
C(M, "W2", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndW2 = (1 / m) * np.dot(A1.T, dZ2)", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="m-W2-m-shape1-assigned", note="column-major habit: X.shape[1] is n_in here")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.multiply(np.dot(dZ2, W2.T), np.where(Z1 > 0, 1, 0))\ndW1 = np.dot(X.T, dZ1) / m", oracle=W1R, style="m-W1-multiply-where")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.multiply(np.dot(dZ2, W2.T), np.heaviside(Z1, 0))\ndW1 = np.dot(X.T, dZ1) / m", oracle=W1R, style="m-W1-heaviside")
C(M, "W1", N, "dZ1 = W2.T * (A2 - Y) * (Z1 > 0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="m-W1-broadcast-outer", note="(m,1)*(1,n_h) is the outer product dZ2 W2ᵀ: one output unit")
C(M, "W1", N, "dZ2 = A2 - Y\ndW1 = np.dot(X.T, np.dot(dZ2, W2.T)) / m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="m-W1-no-relu-prime")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * A1 * (1 - A1)\ndW1 = np.dot(X.T, dZ1) / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="m-W1-sigmoid-prime-np-dot")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = np.dot(A1.T, dZ1) / m", "wrong-layer", oracle=f"A1.T @ {DZ1} / m", style="m-W1-A1-np-dot")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = np.dot(X.T, dZ1) / m / m", "scale-factor", oracle=f"{W1R} / m", style="m-W1-m-twice-chained")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = np.dot(X.T, dZ1) / n_h", "scale-factor", oracle=f"X.T @ {DZ1} / n_h", style="m-W1-n_h-for-m")
C(M, "b2", N, "db2 = (A2 - Y) / m", "*", style="m-b2-not-summed")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=0, keepdims=True) / len(Y)", oracle=B2R, style="m-b2-len-Y")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=0) / m", oracle=B1R, style="m-b1-keepdims-dropped", note="a 1-D row for the (1, n_h) bias: read as its row")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=1) / m", "*", style="m-b1-axis1-1d")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.sum(A1 * dZ2, axis=0, keepdims=True).T / m", oracle=W2R, style="m-W2-sum-of-products")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.sum(A1 * dZ2, axis=1, keepdims=True) / m", "*", oracle="np.sum(A1 * (A2 - Y), axis=1, keepdims=True) / m", style="m-W2-sum-of-products-axis1")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = torch.mm(A1.t(), dZ2) / m", oracle=W2R, style="m-torch-mm-t")
C(M, "W1", N, "dZ2 = (A2 - Y) / m\ndZ1 = torch.mm(dZ2, W2.t()) * (Z1 > 0).float()\ndW1 = torch.mm(X.t(), dZ1)", oracle=W1R, style="m-torch-float-mask")
C(M, "W2", N, "dW2 = 1/m * A1' * (A2 - Y);", oracle=W2R, style="m-octave-W2")
C(M, "W1", N, "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\ndW1 = X' * dZ1 / m;", oracle=W1R, style="m-octave-W1")
C(M, "W1", N, "dZ1 = (A2 .- Y) * W2' .* (Z1 .> 0)\ndW1 = X' * dZ1 ./ m", oracle=W1R, style="m-julia-W1")
# LaTeX
C(M, "W2", L, "dW^{[2]} = \\frac{1}{m} A^{[1]T} dZ^{[2]}, \\quad dZ^{[2]} = A^{[2]} - Y", oracle=W2R, style="m-latex-ng-used-before-defined")
C(M, "W1", L, "\\frac{\\partial J}{\\partial W^{[1]}} = \\frac{1}{m} X^{T} \\left( (A^{[2]} - Y) W^{[2]T} \\odot g^{[1]\\prime}(Z^{[1]}) \\right)", oracle=W1R, style="m-latex-g-prime-odot")
C(M, "W1", L, "\\frac{\\partial J}{\\partial W^{[1]}} = \\frac{1}{m} X^{T} \\left( (A^{[2]} - Y) W^{[2]T} \\odot \\sigma'(Z^{[1]}) \\right)", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="m-latex-sigma-prime-for-relu")
C(M, "W1", L, "\\frac{\\partial J}{\\partial W^{[1]}} = \\frac{1}{m} X^{T} \\left( (A^{[2]} - Y) W^{[2]T} \\odot [Z^{[1]} > 0] \\right)", oracle=W1R, style="m-latex-iverson")
C(M, "W1", L, "\\delta^{[2]} = A^{[2]} - Y, \\quad \\delta^{[1]} = \\left((W^{[2]})^T \\delta^{[2]}\\right) \\odot g'(Z^{[1]}), \\quad \\frac{\\partial J}{\\partial W^{[1]}} = \\frac{1}{m} X^T \\delta^{[1]}", "*", style="m-latex-nielsen-column-on-rows", note="Nielsen's column form on row-major data: (1,m)... no product")
C(M, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}\\left(\\hat{y}^{(i)} - y^{(i)}\\right)", oracle=B2R, style="m-latex-b2-hat-y-per-example")
C(M, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}\\left(y^{(i)} - \\hat{y}^{(i)}\\right)", "sign", oracle=f"-{B2R}", style="m-latex-b2-per-example-sign")
C(M, "b1", L, "\\frac{\\partial L}{\\partial b^{[1]}} = \\frac{\\partial L}{\\partial Z^{[1]}} \\frac{\\partial Z^{[1]}}{\\partial b^{[1]}}", oracle=B1R, style="m-leibniz-b1")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{\\partial L}{\\partial A^{[1]}} \\frac{\\partial A^{[1]}}{\\partial Z^{[1]}} \\frac{\\partial Z^{[1]}}{\\partial W^{[1]}}", oracle=W1R, style="m-leibniz-W1-three")
C(M, "W2", L, "解：$\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} {A^{[1]}}^{\\mathrm{T}} (A^{[2]} - Y)$。", lang=Z, oracle=W2R, style="m-zh-mathrm-T-period")
C(M, "W2", L, "∂L/∂W2 = (1/m) A1ᵀ (A2 − Y)", oracle=W2R, style="m-unicode-pasted")
C(M, "W2", L, "∂L/∂W2 = (1/m) A1ᵀ (Y − A2)", "sign", oracle=f"-{W2R}", style="m-unicode-pasted-sign")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^{T} \\left( (A^{[2]} - Y) W^{[2]T} \\right) \\odot \\mathbb{1}[Z^{[1]} > 0]", "*", style="m-latex-mask-after-product", note="the mask (m, n_h) applied to the (n_in, n_h) product: rows of X mixed with examples")
# hand numbers
C(M, "W2", V, "dW2 ≈ [[-0.176], [-0.00898]]", style="v-m-W2-approx-name")
C(M, "b2", V, "0.0604", style="v-m-b2-3sf")
C(M, "b2", V, "6.04%", style="v-m-b2-percent")
C(M, "W1[1,1]", V, "0.0791", style="v-m-W111")
C(M, "b1", V, "[-0.098 -0.018]", style="v-m-b1-matlab-row")
C(M, "W2[0,0]", V, "-0.1763  # rounded to 4 s.f.", style="v-m-W200-comment")
C(M, "b2", V, "0.0302", "*", style="v-m-b2-m-twice", note="half the value: 1/m twice")
C(M, "W2", V, "[[0.1763], [0.0090]]", "sign", style="v-m-W2-sign")
C(M, "W1[0,1]", V, "-0.1356", "sign", style="v-m-W101-sign")
C(M, "W1[0,1]", V, "0.0791", "*", style="v-m-W101-is-W111")
C(M, "b2", V, "0.06", "too-few-digits", style="v-m-b2-1sf")

# ================================================================ mlp-bce-weighted (w = 3; Z1 > 0 everywhere at the example)
C(MW, "W2", N, "dZ2 = (((w - 1) * Y + 1) * A2 - w * Y) / m\ndW2 = A1.T @ dZ2", oracle=f"A1.T @ {WDZ} / m", style="mw-W2-factored-general")
C(MW, "W2", N, "dZ2 = w * Y * (A2 - 1) + (1 - Y) * A2\ndW2 = A1.T @ dZ2", "scale-factor", oracle=f"A1.T @ {WDZ}", style="mw-W2-no-m")
C(MW, "W2", N, "dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m\ndW2 = A1.T @ dZ2 / m", "scale-factor", oracle=f"A1.T @ {WDZ} / m / m", style="mw-W2-m-twice")
C(MW, "W2", N, "dZ2 = (A2 - Y) * w / m\ndW2 = A1.T @ dZ2", "*", oracle="A1.T @ ((A2 - Y) * w) / m", style="mw-W2-w-everywhere")
C(MW, "W1", N, "dZ2 = (A2 * (Y * (w - 1) + 1) - Y * w) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1", oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="mw-W1")
C(MW, "W1", N, "dZ2 = (A2 * (Y * (w - 1) + 1) - Y * w) / m\ndZ1 = dZ2 @ W2.T\ndW1 = X.T @ dZ1", "missing-activation-derivative", style="mw-W1-no-mask-all-active", note="every Z1 > 0 at the example: right there only")
C(MW, "b1", N, "dZ2 = (A2 * (Y * (w - 1) + 1) - Y * w) / m\ndb1 = np.sum(dZ2 @ W2.T * (A1 > 0), axis=0, keepdims=True)", oracle=f"np.sum({WDZ} @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m", style="mw-b1-A1-mask")
C(MW, "b2", N, "dZ2 = np.where(Y == 1, w * (A2 - 1), A2) / m\ndb2 = np.sum(dZ2, axis=0, keepdims=True)", "weighted-loss-not-simplifiable", style="mw-b2-where-binary-only")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="mw-b2-mean")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=1, keepdims=True)", "*", oracle=f"np.mean({WDZ}, axis=1, keepdims=True)", style="mw-b2-mean-axis1")
C(MW, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}\\left[(1 - y^{(i)})\\hat{y}^{(i)} - w\\, y^{(i)} (1 - \\hat{y}^{(i)})\\right]", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="mw-latex-b2-per-example")
C(MW, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}\\left[(1 - y^{(i)})\\hat{y}^{(i)} - 3\\, y^{(i)} (1 - \\hat{y}^{(i)})\\right]", "unknown", style="mw-latex-b2-3-for-w", note="first labelled right; corpus 2's convention (c2-132, c5, c20): 3 written for the constant w is right only for this value of it")
C(MW, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T}\\left[(1 - Y) \\odot A^{[2]} - w\\, Y \\odot (1 - A^{[2]})\\right]", oracle=f"A1.T @ {WDZ} / m", style="mw-latex-W2")
C(MW, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T}\\left[(1 - Y) \\odot A^{[2]} - Y \\odot (1 - A^{[2]})\\right]", "*", oracle="A1.T @ ((1 - Y) * A2 - Y * (1 - A2)) / m", style="mw-latex-W2-unweighted")
C(MW, "b2", V, "-0.364", style="v-mw-b2")
C(MW, "W2", V, "[[-0.4236], [-0.3069]]", style="v-mw-W2")
C(MW, "b1", V, "[[-0.182, 0.109]]", style="v-mw-b1")
C(MW, "b2", V, "0.0604", "*", style="v-mw-b2-unweighted-value")
C(MW, "W1[0,0]", V, "-0.4415", style="v-mw-W100")

# ================================================================ tiny-mlp (one example, x = [0.5, 0.1], labels x1 x2, w11..w22, v1 v2, h1 h2)
TB = "dy = y_pred - y_target\ndW2 = np.dot(h.T, dy)\ndh = np.dot(dy, W2.T)\ndh_raw = dh * h * (1 - h)\ndW1 = np.dot(X.T, dh_raw)"
C(T, "W1", N, TB, oracle=TW1, style="t-backward-W1")
C(T, "W2", N, TB, oracle=TW2, style="t-backward-W2-not-last")
C(T, "W1", N, TB.replace("dh * h * (1 - h)", "dh"), "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-backward-no-sigma-prime")
C(T, "W1", N, TB.replace("dh * h * (1 - h)", "dh * h"), "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="t-backward-h-only")
C(T, "W1", N, "dy = 2 * (y_pred - y_target)\ndW1 = np.dot(X.T, np.dot(dy, W2.T) * h * (1 - h))", "scale-factor", oracle=f"2 * {TW1}", style="t-W1-factor-2-half-ignored")
C(T, "W2", N, "dW2 = 2 * h.T * (y_pred - y_target)", "scale-factor", oracle=f"2 * {TW2}", style="t-W2-factor-2")
C(T, "W1", N, "dh_raw = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\ndW1 = np.outer(X[0], dh_raw)", oracle=TW1, style="t-W1-1d-rows-outer")
C(T, "W1", N, "dh_raw = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\ndW1 = np.outer(dh_raw, X[0])", "*", style="t-W1-1d-rows-outer-swapped")
C(T, "W2", N, "delta = y_pred - y_target\ngrad_W2 = torch.mm(h.t(), delta)", oracle=TW2, style="t-torch-mm-W2")
C(T, "W1", N, "delta = y_pred - y_target\ngrad_W1 = torch.mm(X.t(), torch.mm(delta, W2.t()) * h * (1 - h))", oracle=TW1, style="t-torch-mm-W1")
C(T, "W2", N, "dW2 = h' * (y_pred - y_target);", oracle=TW2, style="t-octave-W2")
C(T, "W1", N, "delta2 = y_pred - y_target;\ndW1 = X' * (delta2 * W2' .* h .* (1 - h));", oracle=TW1, style="t-octave-W1-delta2")
C(T, "W1", N, "delta2 = y_pred - y_target;\ndW1 = X * (delta2 * W2' .* h .* (1 - h));", "*", style="t-octave-W1-X-not-transposed")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="t-w21")
C(T, "w21", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "*", style="t-w21-is-w12")
C(T, "w22", L, "\\frac{\\partial L}{\\partial w_{22}} = (y_{pred} - y_{target})\\, v_2\\, h_2 (1 - h_2)\\, x_2", style="t-latex-w22")
C(T, "w22", L, "\\frac{\\partial L}{\\partial w_{22}} = \\frac{\\partial L}{\\partial y_{pred}}\\frac{\\partial y_{pred}}{\\partial h_2}\\frac{\\partial h_2}{\\partial w_{22}}", style="t-leibniz-w22-three")
C(T, "w22", L, "\\frac{\\partial L}{\\partial w_{22}} = (y_{pred} - y_{target})\\, v_2\\, x_2", "missing-activation-derivative", style="t-latex-w22-no-sigma-prime")
C(T, "W1", L, "\\delta^{2} = y_{pred} - y_{target}, \\quad \\delta^{1} = (W_2 \\delta^{2})^T \\odot \\sigma'(h_{raw}), \\quad \\frac{\\partial L}{\\partial W_1} = X^T \\delta^{1}", oracle=TW1, style="t-latex-nielsen-transposed")
C(T, "W1", L, "\\frac{\\partial L}{\\partial W_1} = X^\\top \\boldsymbol{\\delta}^\\top, \\quad \\boldsymbol{\\delta} = (y_{pred} - y_{target})\\, W_2 \\odot \\sigma'(h_{raw})^\\top", oracle=TW1, style="t-latex-column-convention-delta", note="column convention: x = Xᵀ, δ a column")
C(T, "W2", L, "\\frac{\\partial L}{\\partial W_2} = (y_{pred} - y_{target})\\, \\mathbf{h}^\\top", oracle=TW2, style="t-latex-column-h-T")
C(T, "W1", L, "\\frac{\\partial L}{\\partial W_1} = 2 X^\\top \\left[(y_{pred} - y_{target}) W_2^\\top \\odot h \\odot (1 - h)\\right]", "scale-factor", oracle=f"2 * {TW1}", style="t-latex-W1-factor-2")
C(T, "w12", V, "-0.0163", style="v-t-w12-3sf")
C(T, "v2", V, "v2 = -0.117", style="v-t-v2-eq")
C(T, "W2", V, "[[-0.114], [-0.117]]", style="v-t-W2-3sf")
C(T, "w11", V, "-1.37 \\times 10^{-2}", style="v-t-w11-latex-sci")
C(T, "v1", V, "-0.117", "*", style="v-t-v1-is-v2")
C(T, "w21", V, "-0.0137", "*", style="v-t-w21-is-w11")
C(T, "W2", V, "[[-0.228], [-0.234]]", "scale-factor", style="v-t-W2-doubled")
C(T, "w22", V, "-0.00327", style="v-t-w22")

# ================================================================ neuron (x = [0.5, 0.3, 0.2], w = [0.4, -0.6, 0.1], t = 1)
C(E, "w", N, "delta = (O - t) * O * (1 - O)\ngrad = delta * x", oracle=EW, style="n-grad-name")
C(E, "w", N, "dw = -(t - O) * O * (1 - O) * x", oracle=EW, style="n-minus-t-minus-O")
C(E, "w", N, "dw = (t - O) * O * (1 - O) * x", "sign", oracle=f"-{EW}", style="n-sign-np")
C(E, "w", N, "dw = (O - t) * sigmoid(z) * (1 - sigmoid(z)) * x", oracle=EW, style="n-sigmoid-z")
C(E, "w", N, "dw = (O - t) * sigmoid(z) * x", "*", oracle="(O - t) * sigmoid(z) * x", style="n-sigma-for-sigma-prime")
C(E, "w", N, "dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="n-no-sigma-prime")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle=f"2 * {EW}", style="n-factor-2")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x / 3", "scale-factor", oracle=f"{EW} / 3", style="n-over-3")
C(E, "w", N, "dw = (O - t) * O * (1 - O) .* x", oracle=EW, style="n-julia-dot-star")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = np.dot(dz.T, x)", oracle=EW, style="n-dz-T-dot-x")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = np.dot(x.T, dz)", "*", style="n-x-T-dot-dz")
C(E, "w", L, "\\frac{\\partial L}{\\partial \\mathbf{w}} = (O - t)\\,\\sigma(z)\\left(1 - \\sigma(z)\\right)\\mathbf{x}", oracle=EW, style="n-latex-sigma-z")
C(E, "w", L, "\\frac{\\partial L}{\\partial \\mathbf{w}} = (O - t)\\,\\sigma(z)\\,\\mathbf{x}", "*", oracle="(O - t) * sigmoid(z) * x", style="n-latex-sigma-not-prime")
C(E, "w1", L, "\\frac{\\partial L}{\\partial w_1} = (O - t)\\, O\\, (1 - O)\\, x_1", style="n-latex-w1")
C(E, "w1", L, "\\frac{\\partial L}{\\partial w_1} = (O - t)\\, O\\, (1 - O)\\, w_1", "*", style="n-latex-w1-w-for-x")
C(E, "w", L, "\\nabla_{\\mathbf{w}} L = (O - t)\\,\\sigma'(\\mathbf{w}^\\top \\mathbf{x})\\,\\mathbf{x}", oracle=EW, style="n-latex-column-wTx")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial O}\\frac{\\partial O}{\\partial z}\\frac{\\partial z}{\\partial w}", oracle=EW, style="n-leibniz-three")
C(E, "w0", V, "w0: -0.0612", style="v-n-w0-colon")
C(E, "w1", V, "-3.67e-2", style="v-n-w1-sci")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]", style="v-n-w-3sf")
C(E, "w2", V, "-0.02449  # the last one", style="v-n-w2-comment")
C(E, "w", V, "[0.0612, 0.0367, 0.0245]", "sign", style="v-n-w-sign")
C(E, "w1", V, "-0.0612", "*", style="v-n-w1-is-w0")
C(E, "w0", V, "-0.06", "too-few-digits", style="v-n-w0-1sf")

# ================================================================ chain (u = w x, v = u + b, L = v²; x = 2, w = 3, b = 4: v = 10)
CHB = "dv = 2 * v\ndu = dv\ndw = du * x\ndb = dv"
C(CH, "w", N, CHB, style="ch-named-steps-w-not-last")
C(CH, "b", N, CHB, style="ch-named-steps-b")
C(CH, "w", N, "dw = 2 * (w * x + b) * x", style="ch-w-expanded")
C(CH, "w", N, "dw = 2 * (w * x + b) * w", "*", style="ch-w-w-for-x")
C(CH, "x", N, "dx = v * w", "scale-factor", style="ch-x-2-dropped")
C(CH, "b", N, "db = 2 * v * x", "*", style="ch-b-x-extra")
C(CH, "w", N, "dw = 2 * v * x  # = 40", style="ch-w-comment-number")
C(CH, "b", L, "\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial b} = 2v \\cdot 1 = 2v", style="ch-latex-b-leibniz-cdot-1")
C(CH, "x", L, "\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial u}\\frac{\\partial u}{\\partial x} = 2v \\cdot w", style="ch-latex-x-leibniz")
C(CH, "x", L, "\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial u}\\frac{\\partial u}{\\partial x} = 2v \\cdot x", "*", style="ch-latex-x-leibniz-wrong-local")
C(CH, "w", L, "\\frac{dL}{dw} = 2(wx + b)x = 2(3 \\cdot 2 + 4) \\cdot 2 = 40", style="ch-latex-formula-then-numbers")
C(CH, "w", V, "40", style="v-ch-w-40")
C(CH, "b", V, "20.0", style="v-ch-b-20.0")
C(CH, "x", V, "6.0e1", style="v-ch-x-sci")
C(CH, "w", V, "20", "*", style="v-ch-w-is-b")
C(CH, "b", V, "40", "*", style="v-ch-b-is-w")
C(CH, "x", V, "59.5", "*", style="v-ch-x-rounding-no-allowance")

# ================================================================ relu-mlp (Johnson's two-layer net, sum of squares)
C(R, "w2", N, "grad_w2 = h_relu.T @ (2 * (y_pred - y))", oracle=RW2, style="r-w2-matmul-inline")
C(R, "w2", N, "grad_w2 = h.T @ (2 * (y_pred - y))", "*", oracle="h.T @ (2 * (y_pred - y))", style="r-w2-h-for-h-relu")
C(R, "w2", N, "grad_w2 = h_relu.T @ (y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-w2-no-2")
C(R, "w2", N, "grad_w2 = h_relu.T @ (y_pred - y) * 2 / n", "scale-factor", oracle=f"{RW2} / n", style="r-w2-mean-habit")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * np.heaviside(h, 0))", oracle=RW1, style="r-w1-heaviside")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * np.sign(h_relu))", oracle=RW1, style="r-w1-sign-h-relu")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="r-w1-h-relu-for-mask")
C(R, "w1", N, "grad_w1 = (2 * (y_pred - y) @ w2.T * (h > 0)).T @ x", "*", style="r-w1-transposed")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T\ngrad_h[h < 0] = 0\ngrad_w1 = x.T @ grad_h", "relu-at-zero", style="r-w1-tutorial-lt-mask")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T\ngrad_h[h <= 0] = 0\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="r-w1-le-mask-steps")
C(R, "w1", N, "grad_w1 = x' * ((2 .* (y_pred .- y) * w2') .* (h .> 0))", oracle=RW1, style="r-julia-w1")
C(R, "w2", N, "grad_w2 = 2 * h_relu' * (y_pred - y);", oracle=RW2, style="r-octave-w2")
C(R, "w2", L, "\\nabla_{w_2} L = 2\\, h_{relu}^\\top (y_{pred} - y)", oracle=RW2, style="r-latex-nabla-w2")
C(R, "w1", L, "\\nabla_{w_1} L = 2\\, x^\\top \\left[ (y_{pred} - y)\\, w_2^\\top \\odot [h > 0] \\right]", oracle=RW1, style="r-latex-w1-iverson")
C(R, "w1", L, "\\nabla_{w_1} L = 2\\, x^\\top \\left[ (y_{pred} - y)\\, w_2 \\odot [h > 0] \\right]", "*", style="r-latex-w1-w2-not-transposed")

# ================================================================ the newer built-ins
C(S, "W", N, "dZ = (P - Y) / m\ndW = X.T @ dZ\ndb = dZ.sum(axis=0, keepdims=True)", oracle=SW, style="s-steps-W")
C(S, "b", N, "dZ = (P - Y) / m\ndW = X.T @ dZ\ndb = dZ.sum(axis=0, keepdims=True)", oracle=SB, style="s-steps-b")
C(S, "W", N, "dW = X.T @ (P - Y) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-W-k-for-m")
C(S, "b", L, "\\frac{\\partial L}{\\partial \\mathbf{b}} = \\frac{1}{m}\\mathbf{1}^\\top (P - Y)", oracle=SB, style="s-latex-ones-row")
C(B, "beta", N, "dbeta = (2 / (m * n)) * np.sum(Y - T, axis=0, keepdims=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="bn-beta-prefactor")
C(B, "gamma", N, "dgamma = np.sum(2 * (Y - T) * Z_hat, axis=0, keepdims=True) / (m * n)", oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="bn-gamma")
C(B, "gamma", N, "dgamma = np.sum(2 * (Y - T) * Z_c, axis=0, keepdims=True) / (m * n)", "*", oracle=f"np.sum({BN_DY} * Z_c, axis=0, keepdims=True)", style="bn-gamma-Z_c-for-Z_hat")
C(R2, "b", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\nd1 = d2 @ W_h.T * (1 - h_1 ** 2)\ndb = d2 + d1", "bias-not-summed", style="rnn-b-two-steps", note="first labelled right; the oracle (m = 2) disagreed: m = 1 at the example, and README's verdicts hold where m > 1 (corpus 2x's rn-b)")
C(R2, "b", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\ndb = d2", "missing-path", oracle=R2_D2, style="rnn-b-last-step")
C(A, "W_v", N, "dV = A.T @ (2 * (O - T) / (n * d))\ndW_v = X.T @ dV", oracle=f"X.T @ A.T @ {AT_DO}", style="att-Wv-dV")
C(A, "W_v", N, "dW_v = X.T @ A @ (2 * (O - T) / (n * d))", "*", oracle=f"X.T @ A @ {AT_DO}", style="att-Wv-A-not-transposed")

# ================================================================ refusals
C(M, "W1", N, "dW1 = X.T @ dZ3 / m", REFUSE, style="rf-unknown-dZ3")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{\\partial L}{\\partial A^{[3]}} \\frac{\\partial A^{[3]}}{\\partial W^{[2]}}", REFUSE, style="rf-leibniz-layer-3")
C(E, "w", N, "dw = torch.autograd.grad(L, w)[0]", REFUSE, style="rf-autograd")
C(T, "W1", N, "dW1 = np.gradient(L, W1)", REFUSE, style="rf-np-gradient")
C(CH, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial q}\\frac{\\partial q}{\\partial w}", REFUSE, style="rf-leibniz-q-not-a-node")
C(E, "w", L, "根据链式法则，$\\frac{\\partial L}{\\partial \\mathbf{w}} = (O - t)\\,O\\,(1 - O)\\,\\mathbf{x}$", lang=Z, oracle=EW, style="n-zh-chain-rule-comma")
C(CH, "b", V, "答：20.5", "*", lang=Z, style="v-zh-ch-b-off")

# ================================================================ CS182's stable softmax loss (x N×D, w D×C, b 1-D C; N = C = 3)
CS_P = "np.exp(log_probs)"
C(CS, "w", N, "probs = np.exp(log_probs)\ndscores = probs - Y\ndscores /= N\ndw = x.T.dot(dscores)", oracle=f"x.T @ ({CS_P} - Y) / N", style="cs-w")
C(CS, "b", N, "probs = np.exp(shifted_logits) / Zs\ndscores = (probs - Y) / N\ndb = np.sum(dscores, axis=0)", oracle=f"np.sum({CS_P} - Y, axis=0) / N", style="cs-b")
C(CS, "w", N, "probs = np.exp(log_probs)\ndw = x.T.dot(probs - Y)", "scale-factor", oracle=f"x.T @ ({CS_P} - Y)", style="cs-w-no-N")
C(CS, "w", N, "probs = np.exp(log_probs)\ndw = x.T.dot(probs - Y) / C", "scale-factor", style="cs-w-C-for-N", note="N = C = 3")
C(CS, "w", N, "probs = np.exp(log_probs)\ndw = x.T.dot(probs) / N", "*", oracle=f"x.T @ {CS_P} / N", style="cs-w-Y-forgotten")
C(CS, "b", N, "probs = np.exp(log_probs)\ndb = np.sum(probs - Y, axis=1) / N", "*", oracle=f"np.sum({CS_P} - Y, axis=1) / N", style="cs-b-axis1", note="N = C: same shape")
C(CS, "w", N, "probs = np.exp(log_probs)\ndw = x.T.dot(Y - probs) / N", "sign", oracle=f"x.T @ (Y - {CS_P}) / N", style="cs-w-sign")
C(CS, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{1}{N} x^{T} \\left(\\mathrm{softmax}(\\mathrm{scores}) - Y\\right)", oracle=f"x.T @ ({CS_P} - Y) / N", style="cs-latex-w")
C(CS, "w", N, "dw = x.T @ (np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True) - Y) / N", oracle=f"x.T @ ({CS_P} - Y) / N", style="cs-w-unshifted")
C(CS, "w", N, "dw = x.T @ (np.exp(scores) / np.sum(np.exp(scores), axis=1) - Y) / N", "*", oracle="x.T @ (np.exp(scores) / np.sum(np.exp(scores), axis=1) - Y) / N", style="cs-w-keepdims-dropped", note="the row sums broadcast along the columns")
C(CS, "w", N, "dw = x.T @ (np.exp(scores) / np.sum(np.exp(scores), axis=0, keepdims=True) - Y) / N", "*", oracle="x.T @ (np.exp(scores) / np.sum(np.exp(scores), axis=0, keepdims=True) - Y) / N", style="cs-w-softmax-axis0")

# ================================================================ Bishop's Gaussian NLL (mean and variance heads)
BG_V = "(0.5 / var - (y - mu) ** 2 / (2 * var ** 2)) / N"
C(BG, "w_mu", N, "dmu = (mu - y) / var / N\ndw_mu = h.T @ dmu", oracle="h.T @ ((mu - y) / var) / N", style="bg-w_mu")
C(BG, "w_mu", N, "dmu = (mu - y) / N\ndw_mu = h.T @ dmu", "*", oracle="h.T @ (mu - y) / N", style="bg-w_mu-var-forgotten")
C(BG, "w_mu", N, "dmu = (y - mu) / var / N\ndw_mu = h.T @ dmu", "sign", oracle="-h.T @ ((mu - y) / var) / N", style="bg-w_mu-sign")
C(BG, "w_var", N, f"dvar = {BG_V}\ndw_var = h.T @ (dvar * sigmoid(h @ w_var))", oracle=f"h.T @ ({BG_V} * sigmoid(h @ w_var))", style="bg-w_var")
C(BG, "w_var", N, f"dvar = {BG_V}\ndw_var = h.T @ dvar", "missing-activation-derivative", oracle=f"h.T @ {BG_V}", style="bg-w_var-softplus-prime-forgotten")
C(BG, "w_var", N, "dvar = (1 / var - (y - mu) ** 2 / var ** 2) / N\ndw_var = h.T @ (dvar * sigmoid(h @ w_var))", "scale-factor", oracle=f"2 * h.T @ ({BG_V} * sigmoid(h @ w_var))", style="bg-w_var-halves-dropped")
C(BG, "w_mu", L, "\\frac{\\partial E}{\\partial w_{\\mu}} = \\frac{1}{N} h^{T} \\frac{\\mu - y}{\\sigma^{2}}", oracle="h.T @ ((mu - y) / var) / N", style="bg-latex-sigma-squared", note="first labelled a refusal (σ² no node name); the reader takes σ² for the spec's var, Bishop's own notation, and the formula is right")
C(BG, "W1", N, f"dmu = (mu - y) / var / N\ndvar = {BG_V}\ndh = dmu @ w_mu.T + (dvar * sigmoid(h @ w_var)) @ w_var.T\ndW1 = X.T @ (dh * (1 - h ** 2))", oracle=f"X.T @ ((((mu - y) / var / N) @ w_mu.T + ({BG_V} * sigmoid(h @ w_var)) @ w_var.T) * (1 - h ** 2))", style="bg-W1-two-heads")
C(BG, "W1", N, "dmu = (mu - y) / var / N\ndh = dmu @ w_mu.T\ndW1 = X.T @ (dh * (1 - h ** 2))", "missing-path", oracle="X.T @ (((mu - y) / var / N) @ w_mu.T * (1 - h ** 2))", style="bg-W1-mean-head-only")

# ================================================================ Charbonnier loss (mean of sqrt(diff² + eps²); b a scalar)
CB_G = "(diff / np.sqrt(diff ** 2 + eps ** 2))"
C(CB, "w", N, "g = diff / np.sqrt(diff * diff + eps ** 2)\ndw = x.T @ g / n", oracle=f"x.T @ {CB_G} / n", style="cb-w")
C(CB, "b", N, "db = np.mean(diff / np.sqrt(diff ** 2 + eps ** 2))", oracle=f"np.mean({CB_G})", style="cb-b-mean")
C(CB, "w", N, "dw = x.T @ diff / n", "*", oracle="x.T @ diff / n", style="cb-w-l2-habit")
C(CB, "w", N, f"dw = x.T @ {CB_G}", "scale-factor", oracle=f"x.T @ {CB_G}", style="cb-w-no-n")
C(CB, "w", N, "dw = x.T @ (diff / (2 * np.sqrt(diff ** 2 + eps ** 2))) / n", "scale-factor", oracle=f"x.T @ {CB_G} / (2 * n)", style="cb-w-half")
C(CB, "b", N, "db = np.sum(diff / np.sqrt(diff ** 2 + eps ** 2)) / d", "scale-factor", oracle=f"np.sum({CB_G}) / d", style="cb-b-d-for-n")
C(CB, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{1}{n} x^\\top \\frac{\\mathrm{diff}}{\\sqrt{\\mathrm{diff}^2 + \\epsilon^2}}", oracle=f"x.T @ {CB_G} / n", style="cb-latex-w")
C(CB, "w", N, "dw = x.T @ (diff / np.sqrt(diff ** 2 + eps ** 2)).mean(axis=0)", "*", style="cb-w-mean-before-product")

# ================================================================ CS231n's affine layer, upstream gradient g_out (N = 2, D = 3, M = 4)
C(DO, "w", N, "dw = x.T.dot(g_out)", oracle="x.T @ g_out", style="do-w")
C(DO, "b", N, "db = np.sum(g_out, axis=0)", oracle="np.sum(g_out, axis=0)", style="do-b")
C(DO, "x", N, "dx = g_out.dot(w.T)", style="do-x")
C(DO, "w", N, "dw = g_out.T.dot(x)", "*", style="do-w-transposed")
C(DO, "w", N, "dw = x.T.dot(g_out) / N", "scale-factor", oracle="x.T @ g_out / N", style="do-w-mean-habit")
C(DO, "b", N, "db = np.sum(g_out, axis=1)", "*", style="do-b-axis1")
C(DO, "b", N, "db = g_out", "*", style="do-b-not-summed")
C(DO, "x", N, "dx = g_out.dot(w.T).reshape(x.shape)", style="do-x-reshape")
C(DO, "w", N, "dw = x.reshape(x.shape[0], -1).T.dot(g_out)", oracle="x.T @ g_out", style="do-w-reshape")

# ================================================================ fast.ai's MNIST loss (torch.where on 0/1 targets, mean)
FA_D = "(np.where(yb == 1, -1.0, 1.0) * preds * (1 - preds) / bs)"
C(FA, "weights", N, "dz = torch.where(yb == 1, -1.0, 1.0) * preds * (1 - preds) / bs\ndweights = xb.T @ dz", oracle=f"xb.T @ {FA_D}", style="fa-weights")
C(FA, "bias", N, "dz = torch.where(yb == 1, -1.0, 1.0) * preds * (1 - preds) / bs\ndbias = dz.sum(0)", oracle=f"np.sum({FA_D}, axis=0)", style="fa-bias")
C(FA, "weights", N, "dz = torch.where(yb == 1, -1.0, 1.0) / bs\ndweights = xb.T @ dz", "missing-activation-derivative", oracle="xb.T @ (np.where(yb == 1, -1.0, 1.0) / bs)", style="fa-weights-no-sigmoid-prime")
C(FA, "weights", N, "dz = torch.where(yb == 1, 1.0, -1.0) * preds * (1 - preds) / bs\ndweights = xb.T @ dz", "sign", oracle=f"-xb.T @ {FA_D}", style="fa-weights-sign")
C(FA, "weights", N, "dz = torch.where(yb == 1, -1.0, 1.0) * preds * (1 - preds)\ndweights = xb.T @ dz", "scale-factor", oracle=f"xb.T @ {FA_D} * bs", style="fa-weights-no-mean")
C(FA, "weights", N, "dz = torch.where(yb == 1, -1.0, 1.0) * preds * (1 - preds) / px\ndweights = xb.T @ dz", "scale-factor", oracle=f"xb.T @ {FA_D} * bs / px", style="fa-weights-px-for-bs")

# ================================================================ the older built-ins: more forms (written with round a, before any run)
C(M, "W2", N, "grads = {}\ndZ2 = A2 - Y\ngrads['dW2'] = np.dot(A1.T, dZ2) / X.shape[0]", oracle=W2R, style="o-m-grads-dict-shape0")
C(M, "W2", N, "grads = {}\ndZ2 = A2 - Y\ngrads['dW2'] = np.dot(A1.T, dZ2) / X.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="o-m-grads-dict-shape1")
C(M, "b1", N, "dZ1 = np.dot(A2 - Y, W2.T) * (A1 > 0)\ndb1 = np.ones((1, m)) @ dZ1 / m", oracle=B1R, style="o-m-b1-ones-row")
C(M, "b1", N, "dZ1 = np.dot(A2 - Y, W2.T) * (A1 > 0)\ndb1 = dZ1 @ np.ones((m, 1)) / m", "*", style="o-m-b1-ones-column")
C(M, "W1", L, "dZ^{[1]} = dZ^{[2]} W^{[2]T} * g^{[1]'}(Z^{[1]}), \\quad dW^{[1]} = \\frac{1}{m} X^{T} dZ^{[1]}, \\quad dZ^{[2]} = A^{[2]} - Y", oracle=W1R, style="o-m-latex-ng-three-steps-any-order")
C(M, "W1", L, "dZ^{[1]} = dZ^{[2]} W^{[2]T} * g^{[1]'}(Z^{[1]}), \\quad dW^{[1]} = \\frac{1}{m} X^{T} dZ^{[1]}, \\quad dZ^{[2]} = \\frac{1}{m}(A^{[2]} - Y)", "scale-factor", oracle=f"{W1R} / m", style="o-m-latex-ng-m-twice")
C(MW, "W2", N, "dA2 = -(w * Y / A2) + (1 - Y) / (1 - A2)\ndZ2 = dA2 * A2 * (1 - A2) / m\ndW2 = A1.T @ dZ2", oracle=f"A1.T @ {WDZ} / m", style="o-mw-dA2-chain")
C(MW, "W2", N, "dA2 = -(Y / A2) + (1 - Y) / (1 - A2)\ndZ2 = dA2 * A2 * (1 - A2) / m\ndW2 = A1.T @ dZ2", "*", oracle="A1.T @ (A2 - Y) / m", style="o-mw-dA2-weight-forgotten")
C(T, "W1", N, "e = y_pred - y_target\ngrad_h = e * W2.T\ngrad_h_raw = grad_h * h * (1 - h)\ngrad_W1 = X.T @ grad_h_raw\ngrad_W2 = h.T * e", oracle=TW1, style="o-t-grad-names-W1-not-last")
C(T, "W2", N, "e = y_pred - y_target\ngrad_W2 = h * e", "*", style="o-t-W2-row")
C(T, "v1", N, "(y_pred - y_target) * h1", style="o-t-v1-label")
C(T, "v1", N, "(y_pred - y_target) * h1 * (1 - h1)", "*", style="o-t-v1-sigma-prime-extra")
C(T, "W1[0,1]", N, "(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 0]", style="o-t-W101-index")
C(T, "W1[0,1]", N, "(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0]) * X[0, 1]", "*", style="o-t-W101-is-W110")
C(E, "w", N, "s = 1 / (1 + np.exp(-x @ w.T))\ndw = (s - t) * s * (1 - s) * x", oracle=EW, style="o-n-sigmoid-written-out")
C(E, "w", N, "s = 1 / (1 + np.exp(-x @ w.T))\ndw = (s - t) * s * (1 - s) * w", "*", style="o-n-sigmoid-written-out-w")
C(CH, "w", N, "dL_dv = 2 * v\ndv_du = 1\ndu_dw = x\ndL_dw = dL_dv * dv_du * du_dw", style="o-ch-local-derivatives")
C(CH, "w", N, "dL_dv = 2 * v\ndv_du = 1\ndu_dw = w\ndL_dw = dL_dv * dv_du * du_dw", "*", style="o-ch-local-derivative-wrong")
C(CH, "b", N, "grad_b = 2 * (x * w + b)", style="o-ch-b-xw")
C(R, "w1", N, "dy = 2 * (y_pred - y)\ndh_relu = dy @ w2.T\ndh = np.where(h > 0, dh_relu, 0)\ndw1 = x.T @ dh", oracle=RW1, style="o-r-where-three-args")
C(R, "w1", N, "dy = 2 * (y_pred - y)\ndh_relu = dy @ w2.T\ndh = np.where(h > 0, dh_relu, 0)\ndw1 = dh.T @ x", "*", style="o-r-where-transposed")
C(R, "w2", N, "dw2 = np.einsum('ij,ik->jk', h_relu, 2 * (y_pred - y))", oracle=RW2, style="o-r-einsum-w2")
C(R, "w2", N, "dw2 = np.einsum('ij,ik->kj', h_relu, 2 * (y_pred - y))", "*", style="o-r-einsum-w2-transposed")


# ================================================================ round b: written after round a's fixes, before any run of these (matrices after a left side, δ^⊤ forms, activations inside a node, reductions in MATLAB/Julia, masks spelled as functions)
_round = "b"
C(M, "W2", V, "∂L/∂W2 = [[-0.1763], [-0.0090]]", style="b-v-m-W2-leibniz-lhs")
C(M, "b1", V, "db1 = [-0.0979, -0.0181]", style="b-v-m-b1-lhs-1d")
C(M, "W1", V, "dW1 = [[-0.098, 0.136], [-0.196, 0.079]]", style="b-v-m-W1-lhs-2sf")
C(M, "W1", V, "dW1 = [[-0.098, -0.196], [0.136, 0.079]]", "*", style="b-v-m-W1-lhs-transposed")
C(M, "W2[0,0]", V, "-17.6%", style="b-v-m-W200-percent")
C(M, "b2", N, "dZ2 = A2 - Y;\ndb2 = sum(dZ2, 1) / m;", oracle=B2R, style="b-m-octave-sum-1")
C(M, "b2", N, "dZ2 = A2 - Y;\ndb2 = sum(dZ2, 2) / m;", "*", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="b-m-octave-sum-2")
C(M, "b1", N, "dZ1 = (A2 .- Y) * W2' .* (Z1 .> 0)\ndb1 = sum(dZ1, dims=1) ./ m", oracle=B1R, style="b-m-julia-b1-dims1")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * np.greater(Z1, 0)\ndb1 = np.mean(dZ1, axis=0, keepdims=True)", oracle=B1R, style="b-m-b1-greater-mean")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0).astype(np.float64)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-m-W1-astype-float64")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = X.T @ dZ2 / m", "wrong-layer", oracle="X.T @ (A2 - Y) / m", style="b-m-W2-X-for-A1")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m^2} A^{[1]T}(A^{[2]} - Y)", "scale-factor", oracle=f"{W2R} / m", style="b-m-latex-m-squared")
C(MW, "b2", N, "dZ2 = w * Y * (A2 - 1) + (1 - Y) * A2\ndb2 = np.sum(dZ2, axis=0, keepdims=True) / m", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="b-mw-b2")
C(MW, "b2", N, "dZ2 = (A2 - Y) * (1 + (w - 1) * Y) / m\ndb2 = np.sum(dZ2, axis=0, keepdims=True)", "weighted-loss-not-simplifiable", oracle="np.sum((A2 - Y) * (1 + (w - 1) * Y), axis=0, keepdims=True) / m", style="b-mw-b2-binary-only-factored")
C(T, "W1[1][0]", V, "-0.00273", style="b-v-t-W1-nested-index")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = (y_{pred} - y_{target})\\, v_1\\, \\sigma'(h_{1,raw})\\, x_1", style="b-t-latex-w11-sigma-prime-label")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = (y_{pred} - y_{target})\\, v_1\\, \\sigma(h_{1,raw})\\, x_1", "*", style="b-t-latex-w11-sigma-not-prime")
C(T, "W2", L, "g \\leftarrow y_{pred} - y_{target}, \\quad \\nabla_{W_2} J = h^\\top g", oracle=TW2, style="b-t-goodfellow-g-W2")
C(T, "W1", L, "\\boldsymbol{\\delta} = \\sigma'(h_{raw})^\\top \\odot W_2 (y_{pred} - y_{target}), \\quad \\frac{\\partial L}{\\partial W_1} = \\boldsymbol{\\delta} X", "*", style="b-t-latex-column-delta-X-order")
C(E, "w", L, "\\delta = (O - t)\\,\\sigma'(z), \\quad \\frac{\\partial L}{\\partial w} = \\delta\\, x", oracle=EW, style="b-n-latex-nielsen-delta-x")
C(E, "w", L, "\\delta = (O - t)\\,\\sigma(z), \\quad \\frac{\\partial L}{\\partial w} = \\delta\\, x", "*", style="b-n-latex-nielsen-sigma-not-prime")
C(E, "w", N, "dw = ((O - t) * O * (1 - O) * x).sum(axis=0)", oracle=EW, style="b-n-sum-axis0-1d")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x.reshape(1, -1)", oracle=EW, style="b-n-reshape-row")
C(CH, "w", N, "dw = 2 * u * x + 2 * b", "*", style="b-ch-w-distributed-wrong")
C(CH, "w", V, "\\frac{80}{2}", style="b-v-ch-w-fraction")
C(CH, "w", V, "4.0e+01", style="b-v-ch-w-sci-plus")
C(R, "w1", N, "grad_w1 = x' * ((2 * (y_pred - y) * w2) .* (h > 0));", "*", style="b-r-octave-w2-not-transposed")
C(R, "w1", N, "grad_w1 = x' * ((2 * (y_pred - y) * w2') .* (h > 0));", oracle=RW1, style="b-r-octave-w1")
C(S, "b", N, "db = (P - Y).mean(axis=0)", oracle=SB, style="b-s-b-mean-method-1d")
C(CS, "b", N, "probs = np.exp(log_probs)\ndscores = (probs - Y) / N\ndb = dscores.sum(axis=0)", oracle=f"np.sum({CS_P} - Y, axis=0) / N", style="b-cs-b-method")
C(CB, "w", N, "dw = x.T @ (diff / np.sqrt(diff ** 2 + eps ** 2)) / x.shape[0]", oracle=f"x.T @ {CB_G} / n", style="b-cb-w-shape0")
C(CB, "w", N, "dw = x.T @ (diff / np.sqrt(diff ** 2 + eps ** 2)) / x.shape[1]", "scale-factor", oracle=f"x.T @ {CB_G} / d", style="b-cb-w-shape1")
C(DO, "b", N, "db = g_out.sum(0)", oracle="np.sum(g_out, axis=0)", style="b-do-b-sum0")
C(BG, "w_mu", N, "dw_mu = h.T @ ((mu - y) / var) / len(y)", oracle="h.T @ ((mu - y) / var) / N", style="b-bg-w_mu-len")
C(BG, "w_var", L, "\\frac{\\partial E}{\\partial w_{var}} = \\frac{1}{N} h^\\top \\left[\\left(\\frac{1}{2\\,var} - \\frac{(y - \\mu)^2}{2\\,var^2}\\right) \\odot \\sigma(h\\, w_{var})\\right]", oracle=f"h.T @ ({BG_V} * sigmoid(h @ w_var))", style="b-bg-latex-w_var")
C(FA, "bias", N, "dz = torch.where(yb == 1, -1.0, 1.0) * preds * (1 - preds) / bs\ndbias = dz.sum()", oracle=f"np.sum({FA_D}, axis=0)", style="b-fa-bias-sum-all")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c31-000, … as written; cases that happen to repeat corpora 2-30 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus31", "c31", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
