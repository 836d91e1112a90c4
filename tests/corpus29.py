"""The held-out-style corpus of issue 11, twenty-ninth round: answers written the ordinary way
students write homework — Ng/CS231n-style NumPy (``dZ2 = A2 - Y``, ``1/m * np.dot(A1.T, dZ2)``,
``np.sum(dZ, axis=0, keepdims=True)``, ``np.power``, ``(Z1 > 0)`` masks, ``np.multiply``),
PyTorch tensors without autograd, LaTeX from lecture notes and Zhihu (``\\frac{\\partial
L}{\\partial W^{[1]}}``, ``\\delta^{(2)}``, ``\\odot``, ``\\circ``, ``^\\top``, ``\\sigma'(z)``),
Leibniz chain products, element-wise answers (``--wrt W1[0,1]``, ``w_{12}``), hand numbers
(rounded, fractions, scientific notation); and the classic mistakes (missing or doubled 1/m,
transpose, wrong layer, factor 2, sign, σ for σ′, binary-label-only simplification, wrong size
name, row and column conventions mixed, activation derivative forgotten, wrong sum axis, keepdims
dropped). Six lecturer networks no earlier corpus used (tests/specs_course): Ng's planar-data
tanh net (column-major), Bishop's tanh/softmax net, CS231n's sigmoid gate with an upstream
``dout``, a bare MLP without named sizes, Ng's collaborative filtering, CS231n's ``(x + y) z``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written from the mathematics before the checker
was run on any of them (bench/RESULTS.md, "heldcheck29": the first measurement). Built-in matrix
cases carry a PyTorch oracle (tests/check_oracle.py); course-network cases are confirmed by the
spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers were computed in PyTorch
float64 (check_oracle.exact_value) and rounded by hand.
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
NP = str(COURSE / "ng_planar_squeeze.toml")
BS = str(COURSE / "bishop_softmax_tanh.toml")
SD = str(COURSE / "cs231n_sigmoid_dout.toml")
MB = str(COURSE / "hn15_mlp_bare_no_dims.toml")
CF = str(COURSE / "cofi_ng_ml.toml")
CS = str(COURSE / "cs231n_scalar.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20/22 wrote them
from corpus20 import B1R, B2R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402
from corpus22 import AT_DO, BN_DY, R2_D1, R2_D2  # noqa: E402

NG1 = "dZ2 = A2 - Y\n"
NG2 = "m = X.shape[0]\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\n"

# ================================================================ mlp-bce: Ng/CS231n-style NumPy, row-major
C(M, "W2", N, NG1 + "dW2 = 1/m * np.dot(A1.T, dZ2)", oracle=W2R, style="ng-1m-dot-W2")
C(M, "W2", N, NG1 + "dW2 = (1 / m) * np.dot(A1.T, dZ2)", oracle=W2R, style="ng-paren-1m-W2")
C(M, "b2", N, NG1 + "db2 = 1/m * np.sum(dZ2, axis=0, keepdims=True)", oracle=B2R, style="ng-1m-sum-b2")
C(M, "b2", N, NG1 + "db2 = 1/m * np.sum(dZ2, axis=1, keepdims=True)", "*", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="ng-b2-axis1")
C(M, "W1", N, NG2 + "dW1 = 1/m * np.dot(X.T, dZ1)", oracle=W1R, style="ng-W1")
C(M, "b1", N, NG2 + "db1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)", oracle=B1R, style="ng-b1")
C(M, "b1", N, NG2 + "db1 = 1/m * np.sum(dZ1, axis=1, keepdims=True)", "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="ng-b1-axis1")
C(M, "b1", N, NG2 + "db1 = 1/m * np.sum(dZ1, axis=0)", oracle=B1R, style="ng-b1-keepdims-dropped-axis0", note="axis=0 without keepdims is NumPy's 1-D row: it broadcasts as the (1, n_h) row")
C(M, "W1", N, NG2 + "dW1 = np.dot(X.T, dZ1)", "scale-factor", oracle=f"X.T @ {DZ1}", style="ng-W1-no-m")
C(M, "W1", N, "m = X.shape[0]\ndZ2 = (A2 - Y) / m\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = 1/m * np.dot(X.T, dZ1)", "scale-factor", oracle=f"X.T @ {DZ1} / m / m", style="ng-W1-m-twice")
C(M, "W1", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T)\ndW1 = 1/m * np.dot(X.T, dZ1)", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="ng-W1-mask-forgotten")
C(M, "W1", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (1 - np.power(A1, 2))\ndW1 = 1/m * np.dot(X.T, dZ1)", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="ng-W1-tanh-prime-on-relu")
C(M, "W1", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * np.int64(A1 > 0)\ndW1 = 1/m * np.dot(X.T, dZ1)", oracle=W1R, style="ng-W1-int64-A1-mask")
C(M, "W1", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndA1 = np.dot(dZ2, W2.T)\ndZ1 = np.multiply(dA1, np.where(Z1 > 0, 1, 0))\ndW1 = 1/m * np.dot(X.T, dZ1)", oracle=W1R, style="ng-W1-multiply-where")
C(M, "W1", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = 1/m * np.dot(A1.T, dZ1)", "wrong-layer", oracle=f"A1.T @ {DZ1} / m", style="ng-W1-A1-for-X")
C(M, "W2", N, NG1 + "dW2 = 1/m * np.dot(X.T, dZ2)", "wrong-layer", oracle="X.T @ (A2 - Y) / m", style="ng-W2-X-for-A1")
C(M, "W2", N, NG1 + "dW2 = 1/m * np.dot(dZ2, A1.T)", "*", style="ng-W2-column-major-on-row-net")
C(M, "W2", N, NG1 + "dW2 = 1/m * np.dot(A1, dZ2)", "*", style="ng-W2-transpose-forgotten")
C(M, "W2", N, "dZ2 = Y - A2\ndW2 = 1/m * np.dot(A1.T, dZ2)", "sign", oracle="-A1.T @ (A2 - Y) / m", style="ng-W2-sign")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = 2/m * np.dot(A1.T, dZ2)", "scale-factor", oracle="2 * A1.T @ (A2 - Y) / m", style="ng-W2-factor-2")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.dot(A1.T, dZ2) / n_h", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="ng-W2-size-n_h", note="m = n_h = 2 at the example: the size name is wrong")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.dot(A1.T, dZ2) / X.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="ng-W2-shape1-for-m")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.dot(A1.T, dZ2) / len(X)", oracle=W2R, style="ng-W2-len-X")
C(M, "W2", N, "dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))\ndZ2 = dA2 * A2 * (1 - A2)\ndW2 = 1/m * np.dot(A1.T, dZ2)", oracle=W2R, style="ng-W2-via-dA2")
C(M, "W2", N, "dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))\ndZ2 = dA2 * (1 - A2)\ndW2 = 1/m * np.dot(A1.T, dZ2)", "*", oracle="A1.T @ (-(Y / A2 - (1 - Y) / (1 - A2)) * (1 - A2)) / m", style="ng-W2-via-dA2-half-sigma-prime")
C(M, "b2", N, "db2 = np.mean(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="ng-b2-mean")
C(M, "b2", N, "db2 = np.sum(A2 - Y) / m", oracle=B2R, style="ng-b2-sum-all")
C(M, "b2", N, "db2 = np.sum(A2 - Y)", "scale-factor", oracle="np.sum(A2 - Y)", style="ng-b2-sum-all-no-m")
C(M, "b2", N, "db2 = np.sum(A2 * (1 - A2) * (A2 - Y), axis=0, keepdims=True) / m", "*", oracle="np.sum(A2 * (1 - A2) * (A2 - Y), axis=0, keepdims=True) / m", style="ng-b2-extra-sigma-prime")

# ================================================================ mlp-bce: PyTorch without autograd
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.t() @ dZ2 / m", oracle=W2R, style="torch-t-matmul-W2")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.t() * (Z1 > 0).float()\ndb1 = dZ1.sum(dim=0, keepdim=True) / m", oracle=B1R, style="torch-b1-dim0-keepdim")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.t() * (Z1 > 0).float()\ndb1 = dZ1.sum(dim=1, keepdim=True) / m", "*", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="torch-b1-dim1")
C(M, "W1", N, "dZ1 = torch.mm(A2 - Y, W2.T) * torch.sigmoid(Z1)\ndW1 = torch.mm(X.T, dZ1) / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1)) / m", style="torch-sigma-for-mask")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * torch.where(Z1 > 0, torch.ones_like(Z1), torch.zeros_like(Z1))\ndW1 = X.T @ dZ1 / X.size(0)", oracle=W1R, style="torch-where-ones-like")

# ================================================================ mlp-bce: LaTeX (lecture notes, Zhihu)
C(M, "W2", L, "\\frac{\\partial J}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]\\top} (A^{[2]} - Y)", oracle=W2R, style="latex-J-W2")
C(M, "W2", L, "\\frac{\\partial J}{\\partial W^{[2]}} = \\frac{1}{m} (A^{[2]} - Y) A^{[1]\\top}", "*", style="latex-W2-column-order")
C(M, "W2", L, "\\frac{\\partial J}{\\partial W^{[2]}} = A^{[1]\\top} (A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="latex-W2-no-m")
C(M, "b2", L, "\\frac{\\partial J}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m} (A^{[2]}_i - Y_i)", oracle=B2R, style="latex-b2-sum-i")
C(M, "W1", L, "dZ^{[2]} = A^{[2]} - Y,\\quad dZ^{[1]} = dZ^{[2]} W^{[2]\\top} \\odot \\mathbb{1}[Z^{[1]} > 0],\\quad dW^{[1]} = \\frac{1}{m} X^\\top dZ^{[1]}", oracle=W1R, style="latex-dZ-steps-W1")
C(M, "W1", L, "dZ^{[2]} = A^{[2]} - Y,\\quad dZ^{[1]} = dZ^{[2]} W^{[2]\\top} \\odot g'(Z^{[1]}),\\quad dW^{[1]} = \\frac{1}{m} X^\\top dZ^{[1]}", oracle=W1R, style="latex-g-prime-W1")
C(M, "W1", L, "dZ^{[2]} = A^{[2]} - Y,\\quad dZ^{[1]} = dZ^{[2]} W^{[2]\\top},\\quad dW^{[1]} = \\frac{1}{m} X^\\top dZ^{[1]}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="latex-W1-no-g-prime")
C(M, "W1", L, "\\delta^{(2)} = A^{(2)} - Y,\\ \\delta^{(1)} = \\delta^{(2)} (W^{(2)})^\\top \\circ \\sigma'(Z^{(1)}),\\ \\frac{\\partial L}{\\partial W^{(1)}} = \\frac{1}{m} X^\\top \\delta^{(1)}", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="latex-sigma-prime-on-relu")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^\\top \\left[ (A^{[2]} - Y) W^{[2]\\top} \\odot \\operatorname{relu}'(Z^{[1]}) \\right]", oracle=W1R, style="latex-relu-prime")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X \\left[ (A^{[2]} - Y) W^{[2]\\top} \\odot \\operatorname{relu}'(Z^{[1]}) \\right]", "*", style="latex-W1-X-not-transposed")
C(M, "b1", L, "\\frac{\\partial L}{\\partial b^{[1]}} = \\frac{1}{m} \\sum_{i} \\left[(A^{[2]} - Y) W^{[2]\\top} \\odot \\mathbb{1}(Z^{[1]} > 0)\\right]_{i}", oracle=B1R, style="latex-b1-sum-rows")
C(M, "W2", L, "对 $W^{[2]}$ 求导得 $\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T} (A^{[2]} - Y)$", lang=Z, oracle=W2R, style="zh-latex-W2")
C(M, "W2", L, "$\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T} (Y - A^{[2]})$", "sign", lang=Z, oracle="-A1.T @ (A2 - Y) / m", style="zh-latex-W2-sign")

# ================================================================ mlp-bce: hand numbers
C(M, "W2", V, "[[-0.1763], [-0.008985]]", style="v-m-W2-4sf")
C(M, "W2", V, "[[-0.176], [-0.00898]]", style="v-m-W2-3sf")
C(M, "W2", V, "[[-0.3526], [-0.01797]]", "*", style="v-m-W2-no-m")
C(M, "W2", V, "[[-0.1763, -0.008985]]", "*", style="v-m-W2-row")
C(M, "b2", V, "0.0604", style="v-m-b2")
C(M, "b2", V, "6.04e-2", style="v-m-b2-sci")
C(M, "b2", V, "-0.0604", "*", style="v-m-b2-sign")
C(M, "W1", V, "[[-0.0979, 0.1356], [-0.1959, 0.0791]]", style="v-m-W1")
C(M, "W1", V, "[[-0.0979, -0.1959], [0.1356, 0.0791]]", "*", style="v-m-W1-transposed")
C(M, "b1", V, "[[-0.09794, -0.01811]]", style="v-m-b1")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndW2 = np.dot(A1.T, dZ2)", oracle=f"A1.T @ {WDZ} / m", style="mw-W2-dZ2-with-m")
C(MW, "W2", N, "dZ2 = (A2 - Y) / m\ndW2 = np.dot(A1.T, dZ2)", "*", oracle="A1.T @ (A2 - Y) / m", style="mw-W2-unweighted")
C(MW, "W2", N, "dZ2 = (w * Y + 1 - Y) * (A2 - Y) / m\ndW2 = A1.T @ dZ2", "weighted-loss-not-simplifiable", oracle="A1.T @ ((w * Y + 1 - Y) * (A2 - Y)) / m", style="mw-W2-binary-only")
C(MW, "b2", N, "db2 = np.sum(A2 * (1 - Y) - w * Y * (1 - A2), axis=0, keepdims=True) / m", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="mw-b2")
C(MW, "b2", N, "db2 = np.sum(A2 * (1 - Y) - 3 * Y * (1 - A2), axis=0, keepdims=True) / m", "*", style="mw-b2-literal-3", note="first labelled right (3 is w's value); README: a number written for a [constants] name is right only for this value of it, and the checker says so (write the constant's name): relabelled")
C(MW, "b2", N, "db2 = np.sum(A2 * (1 - Y) - Y * (1 - A2), axis=0, keepdims=True) / m", "*", oracle="np.sum(A2 * (1 - Y) - Y * (1 - A2), axis=0, keepdims=True) / m", style="mw-b2-w-dropped")
C(MW, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1", oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="mw-W1")
C(MW, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = A1.T @ dZ1", "wrong-layer", oracle=f"A1.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="mw-W1-wrong-layer")
C(MW, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]\\top}\\left[(1 - Y)\\odot A^{[2]} - w\\, Y \\odot (1 - A^{[2]})\\right]", oracle=f"A1.T @ {WDZ} / m", style="mw-latex-W2")
C(MW, "b2", V, "-0.3643", style="v-mw-b2")
C(MW, "b2", V, "-0.364", style="v-mw-b2-3sf")
C(MW, "W2", V, "[[-0.4236], [-0.3069]]", style="v-mw-W2")
C(MW, "W2", V, "[[-0.1763], [-0.008985]]", "*", style="v-mw-W2-unweighted-numbers")

# ================================================================ tiny-mlp: element-wise, LaTeX, numbers
C(T, "W1[0,1]", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", oracle="(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 0]", style="t-W101-entry-names")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", oracle="(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0]) * X[0, 1]", style="t-W110-entry-names")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "*", oracle="(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0]) * X[0, 0]", style="t-W110-wrong-input")
C(T, "w11", N, "delta = (y_pred - y_target) * v1\ndw11 = delta * h1 * (1 - h1) * x1", style="t-w11-delta")
C(T, "w11", N, "delta = (y_pred - y_target) * v1\ndw11 = delta * x1", "missing-activation-derivative", style="t-w11-no-sigma-prime")
C(T, "w11", N, "delta = (y_target - y_pred) * v1\ndw11 = delta * h1 * (1 - h1) * x1", "sign", style="t-w11-sign")
C(T, "v1", N, "dv1 = (y_pred - y_target) * h1", style="t-v1")
C(T, "v1", N, "dv1 = (y_pred - y_target) * h1 * (1 - h1)", "*", style="t-v1-extra-sigma-prime")
C(T, "w12", L, "\\frac{\\partial L}{\\partial w_{12}} = (y_{pred} - y_{target})\\, v_2\\, \\sigma'(h_{2,raw})\\, x_1", style="t-latex-w12-sigma-prime")
C(T, "w21", L, "\\frac{\\partial L}{\\partial w_{21}} = (\\hat{y} - y)\\, v_1\\, h_1 (1 - h_1)\\, x_2", style="t-latex-w21-hat-y")
C(T, "w21", L, "\\frac{\\partial L}{\\partial w_{21}} = 2(y_{pred} - y_{target})\\, v_1\\, h_1 (1 - h_1)\\, x_2", "scale-factor", style="t-latex-w21-factor-2")
C(T, "W2", N, "delta = y_pred - y_target\ndW2 = np.dot(h.T, delta)", oracle=TW2, style="t-W2-np-dot")
C(T, "W2", N, "delta = y_pred - y_target\ndW2 = np.dot(h_raw.T, delta)", "*", oracle="h_raw.T @ (y_pred - y_target)", style="t-W2-h-raw")
C(T, "W1", N, "delta_out = y_pred - y_target\ndelta_h = np.dot(delta_out, W2.T) * h * (1 - h)\ndW1 = np.dot(X.T, delta_h)", oracle=TW1, style="t-W1-two-deltas")
C(T, "W1", N, "delta_out = y_pred - y_target\ndelta_h = np.dot(delta_out, W2.T) * h * (1 - h)\ndW1 = np.dot(delta_h.T, X)", "*", oracle="(((y_pred - y_target) @ W2.T * h * (1 - h)).T @ X)", style="t-W1-transposed-result")
C(T, "W1", L, "\\frac{\\partial L}{\\partial W_1} = X^\\top \\left[(y_{pred} - y_{target}) W_2^\\top \\circ h \\circ (1 - h)\\right]", oracle=TW1, style="t-latex-W1-circ")
C(T, "w11", V, "-0.01367", style="v-t-w11")
C(T, "w11", V, "-1.367e-2", style="v-t-w11-sci")
C(T, "w11", V, "-0.0137", style="v-t-w11-3sf")
C(T, "w11", V, "-0.01", "*", style="v-t-w11-1sf", note="one significant digit: too few digits to judge")
C(T, "v2", V, "-0.1172", style="v-t-v2")
C(T, "v2", V, "-0.1139", "*", style="v-t-v2-is-v1")
C(T, "W2", V, "[[-0.1139], [-0.1172]]", style="v-t-W2")
C(T, "W1[1,1]", V, "-0.00327", style="v-t-W111")
C(T, "w22", V, "-3.27 \\times 10^{-3}", style="v-t-w22-latex-sci")

# ================================================================ neuron
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = dz * x", oracle=EW, style="n-dz-times-x")
C(E, "w", N, "dw = np.multiply((O - t) * O * (1 - O), x)", oracle=EW, style="n-multiply")
C(E, "w", N, "dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="n-no-sigma-prime")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle="2 * (O - t) * O * (1 - O) * x", style="n-mse-factor-2")
C(E, "w", N, "dw = (t - O) * O * (1 - O) * x", "sign", oracle="(t - O) * O * (1 - O) * x", style="n-sign")
C(E, "w", N, "dw = (O - t) * z * (1 - z) * x", "*", oracle="(O - t) * z * (1 - z) * x", style="n-sigma-prime-of-z")
C(E, "w", L, "\\frac{\\partial L}{\\partial O}\\frac{\\partial O}{\\partial z}\\frac{\\partial z}{\\partial w} = (O - t)\\, O(1 - O)\\, x", oracle=EW, style="n-latex-leibniz-product")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = (O - t)\\,\\sigma'(z)\\, x", oracle=EW, style="n-latex-sigma-prime-z")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = (O - t)\\,\\sigma(z)\\, x", "*", oracle="(O - t) * O * x", style="n-latex-sigma-for-sigma-prime")
C(E, "w", V, "[-0.06123, -0.03674, -0.02449]", style="v-n-w")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]", style="v-n-w-3sf")
C(E, "w", V, "[0.0612, 0.0367, 0.0245]", "*", style="v-n-w-sign")
C(E, "w", V, "[-0.1225, -0.0735, -0.0490]", "*", style="v-n-w-doubled")

# ================================================================ chain (u = w x, v = u + b, L = v²)
C(CH, "w", N, "dL_dv = 2 * v\ndv_du = 1\ndu_dw = x\ndL_dw = dL_dv * dv_du * du_dw", style="ch-w-leibniz-names")
C(CH, "w", N, "dw = 2 * v", "*", style="ch-w-x-forgotten")
C(CH, "w", N, "dw = v * x", "scale-factor", style="ch-w-2-forgotten")
C(CH, "b", N, "db = 2 * (w * x + b)", style="ch-b-expanded")
C(CH, "x", N, "dx = 2 * v * w", style="ch-x")
C(CH, "x", N, "dx = 2 * v * x", "*", style="ch-x-wrong-factor")
C(CH, "w", L, "\\frac{\\partial L}{\\partial v}\\cdot\\frac{\\partial v}{\\partial u}\\cdot\\frac{\\partial u}{\\partial w} = 2v \\cdot 1 \\cdot x", style="ch-w-latex-leibniz")
C(CH, "w", V, "40", style="v-ch-w")
C(CH, "b", V, "20.0", style="v-ch-b")
C(CH, "w", V, "20", "*", style="v-ch-w-is-b")
C(CH, "x", V, "60", style="v-ch-x")
C(CH, "w", V, "答：40", lang=Z, style="v-zh-ch-w")

# ================================================================ relu-mlp (Johnson's two-layer net, sum of squares)
C(R, "w2", N, "grad_y_pred = 2 * (y_pred - y)\ngrad_w2 = np.dot(h_relu.T, grad_y_pred)", oracle=RW2, style="r-w2-np-dot")
C(R, "w2", N, "grad_y_pred = y_pred - y\ngrad_w2 = np.dot(h_relu.T, grad_y_pred)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-w2-2-dropped")
C(R, "w2", N, "grad_y_pred = 2 * (y_pred - y)\ngrad_w2 = np.dot(h.T, grad_y_pred)", "*", oracle="2 * h.T @ (y_pred - y)", style="r-w2-h-for-h-relu")
C(R, "w2", N, "grad_y_pred = 2 * (y_pred - y) / n\ngrad_w2 = np.dot(h_relu.T, grad_y_pred)", "scale-factor", oracle="2 * h_relu.T @ (y_pred - y) / n", style="r-w2-mean-not-sum")
C(R, "w1", N, "grad_y_pred = 2 * (y_pred - y)\ngrad_h = np.dot(grad_y_pred, w2.T) * (h > 0)\ngrad_w1 = np.dot(x.T, grad_h)", oracle=RW1, style="r-w1-mask-product")
C(R, "w1", N, "grad_y_pred = 2 * (y_pred - y)\ngrad_h = np.dot(grad_y_pred, w2.T)\ngrad_w1 = np.dot(x.T, grad_h)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-w1-no-mask")
C(R, "w1", N, "grad_y_pred = 2 * (y_pred - y)\ngrad_h = np.dot(grad_y_pred, w2.T) * np.heaviside(h, 0)\ngrad_w1 = np.dot(x.T, grad_h)", oracle=RW1, style="r-w1-heaviside")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t())\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h)", "relu-at-zero", style="r-w1-torch-mm-inplace", note="first labelled right; as corpus 28's relabel of the PyTorch tutorial's line: README's relu-at-zero (h < 0 leaves the gradient at an entry where h is exactly 0, PyTorch's relu'(0) = 0): relabelled")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t())\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h) / n", "scale-factor", oracle=f"{RW1} / n", style="r-w1-torch-extra-n")
C(R, "w1", L, "\\frac{\\partial \\ell}{\\partial w^{[1]}} = x^\\top\\left[2(y_{pred} - y)\\, w^{[2]\\top} \\odot \\mathbb{1}[h > 0]\\right]", oracle=RW1, style="r-latex-w1")
C(R, "w2", L, "\\frac{\\partial \\ell}{\\partial w^{[2]}} = 2\\, h_{relu}^\\top (y_{pred} - y)", oracle=RW2, style="r-latex-w2")
C(R, "w2", L, "\\frac{\\partial \\ell}{\\partial w^{[2]}} = 2\\, (y_{pred} - y)^\\top h_{relu}", "*", style="r-latex-w2-transposed")

# ================================================================ the newer built-ins
C(S, "W", N, "dZ = (P - Y) / m\ndW = np.dot(X.T, dZ)", oracle=SW, style="s-W-dZ-over-m")
C(S, "W", N, "dZ = P - Y\ndW = np.dot(X.T, dZ) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-W-k-for-m")
C(S, "b", N, "db = 1/m * np.sum(P - Y, axis=0, keepdims=True)", oracle=SB, style="s-b-1m")
C(S, "b", N, "db = 1/m * np.sum(P - Y, axis=1, keepdims=True)", "*", oracle="np.sum(P - Y, axis=1, keepdims=True) / m", style="s-b-axis1")
C(S, "W", L, "\\nabla_W L = \\frac{1}{m} X^\\top (P - Y)", oracle=SW, style="s-latex-nabla")
C(R2, "W_h", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\nd1 = np.dot(d2, W_h.T) * (1 - h_1 ** 2)\ndW_h = np.dot(h_1.T, d2) + np.dot(h_0.T, d1)", oracle=f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}", style="rnn-Wh-np-dot")
C(R2, "W_h", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\ndW_h = np.dot(h_1.T, d2)", "*", oracle=f"h_1.T @ {R2_D2}", style="rnn-Wh-last-step-only")
C(R2, "b", N, "d2 = (h_2 - y) * (1 - np.power(h_2, 2))\nd1 = np.dot(d2, W_h.T) * (1 - np.power(h_1, 2))\ndb = np.sum(d1 + d2, axis=0, keepdims=True)", oracle=f"np.sum({R2_D1} + {R2_D2}, axis=0, keepdims=True)", style="rnn-b-np-power")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndV = A.T @ dO\ndW_v = X.T @ dV", oracle=f"X.T @ A.T @ {AT_DO}", style="att-Wv")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndV = A @ dO\ndW_v = X.T @ dV", "*", oracle=f"X.T @ A @ {AT_DO}", style="att-Wv-A-not-transposed")
C(B, "beta", N, "dY = 2 * (Y - T) / (m * n)\ndbeta = np.sum(dY, axis=0, keepdims=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="bn-beta")
C(B, "gamma", N, "dY = 2 * (Y - T) / (m * n)\ndgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)", oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="bn-gamma")
C(B, "gamma", N, "dY = 2 * (Y - T) / (m * n)\ndgamma = np.sum(dY * Z, axis=0, keepdims=True)", "*", oracle=f"np.sum({BN_DY} * Z, axis=0, keepdims=True)", style="bn-gamma-Z-for-Z-hat")

# ================================================================ Ng's planar-data net (column-major, tanh hidden)
NP_DZ1 = "(W2.T @ (A2 - Y) * (1 - A1 ** 2))"
C(NP, "W2", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndW2 = 1/m * np.dot(dZ2, A1.T)", oracle="(A2 - Y) @ A1.T / m", style="np-W2")
C(NP, "b2", N, "dZ2 = A2 - Y\ndb2 = 1/m * np.sum(dZ2, axis=1, keepdims=True)", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="np-b2")
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))\ndW1 = 1/m * np.dot(dZ1, X.T)", oracle=f"{NP_DZ1} @ X.T / m", style="np-W1")
C(NP, "b1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))\ndb1 = 1/m * np.sum(dZ1, axis=1, keepdims=True)", oracle=f"np.sum({NP_DZ1}, axis=1, keepdims=True) / m", style="np-b1")
C(NP, "b1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))\ndb1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)", "*", oracle=f"np.sum({NP_DZ1}, axis=0, keepdims=True) / m", style="np-b1-axis0")
C(NP, "b1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))\ndb1 = 1/m * np.sum(dZ1, axis=1)", "*", style="np-b1-keepdims-dropped", note="axis=1 without keepdims is 1-D (n_h,): NumPy broadcasts it as a row, not the (n_h, 1) column b1 is")
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - A1)\ndW1 = 1/m * np.dot(dZ1, X.T)", "*", oracle="(W2.T @ (A2 - Y) * (1 - A1)) @ X.T / m", style="np-W1-tanh-prime-not-squared")
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * A1 * (1 - A1)\ndW1 = 1/m * np.dot(dZ1, X.T)", "wrong-activation-derivative", oracle="(W2.T @ (A2 - Y) * A1 * (1 - A1)) @ X.T / m", style="np-W1-sigmoid-prime-on-tanh")
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2)\ndW1 = 1/m * np.dot(dZ1, X.T)", "missing-activation-derivative", oracle="(W2.T @ (A2 - Y)) @ X.T / m", style="np-W1-tanh-prime-forgotten")
C(NP, "W1", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))\ndW1 = 1/m * np.dot(dZ1, X.T)", "scale-factor", oracle=f"{NP_DZ1} @ X.T / n_x", style="np-W1-shape0-for-m")
C(NP, "W2", N, "dZ2 = A2 - Y\ndW2 = 1/m * np.dot(A1, dZ2.T)", "*", style="np-W2-row-major-on-column-net")
C(NP, "W2", L, "\\frac{\\partial J}{\\partial W^{[2]}} = \\frac{1}{m}\\, dZ^{[2]} A^{[1]T},\\quad dZ^{[2]} = A^{[2]} - Y", oracle="(A2 - Y) @ A1.T / m", style="np-latex-W2-def-after")
C(NP, "W1", L, "dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - (A^{[1]})^2),\\ dZ^{[2]} = A^{[2]} - Y,\\ dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T", oracle=f"{NP_DZ1} @ X.T / m", style="np-latex-W1-star")
C(NP, "W1", L, "dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\\prime}(Z^{[1]}),\\ dZ^{[2]} = A^{[2]} - Y,\\ dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T", lang=Z, oracle=f"{NP_DZ1} @ X.T / m", style="np-zh-latex-W1-g-prime")

# ================================================================ Bishop's tanh / softmax net (sum over the batch, no mean)
BS_DA = "((y - t) @ w2.T * (1 - z ** 2))"
C(BS, "w2", N, "delta_k = y - t\ndw2 = z.T @ delta_k", oracle="z.T @ (y - t)", style="bs-w2")
C(BS, "w2", N, "delta_k = y - t\ndw2 = z.T @ delta_k / N", "scale-factor", oracle="z.T @ (y - t) / N", style="bs-w2-mean-not-sum")
C(BS, "w1", N, "delta_k = y - t\ndelta_j = (1 - z ** 2) * (delta_k @ w2.T)\ndw1 = x.T @ delta_j", oracle=f"x.T @ {BS_DA}", style="bs-w1")
C(BS, "w1", N, "delta_k = y - t\ndelta_j = (1 - z) * (delta_k @ w2.T)\ndw1 = x.T @ delta_j", "*", oracle="x.T @ ((y - t) @ w2.T * (1 - z))", style="bs-w1-tanh-prime-wrong")
C(BS, "b1", L, "\\delta_j = (1 - z_j^2) \\sum_k w_{kj} \\delta_k", REFUSE, style="bs-index-notation-no-lhs", note="no gradient named: a δ alone, with no ∂E/∂b and index names the network does not have")
C(BS, "b2", N, "db2 = np.sum(y - t, axis=0, keepdims=True)", oracle="np.sum(y - t, axis=0, keepdims=True)", style="bs-b2")

# ================================================================ CS231n's sigmoid gate with an upstream dout
C(SD, "W", N, "dA = dout * out * (1 - out)\ndW = x.T.dot(dA)", oracle="x.T @ (dout * out * (1 - out))", style="sd-W-dot-method")
C(SD, "W", N, "dW = x.T @ dout * out * (1 - out)", "*", oracle="(x.T @ dout) * out * (1 - out)", style="sd-W-precedence")
C(SD, "W", N, "dA = dout * (1 - out) * out\ndW = dA.T @ x", "*", oracle="(dout * out * (1 - out)).T @ x", style="sd-W-transposed")
C(SD, "W", N, "dW = x.T @ dout", "missing-activation-derivative", oracle="x.T @ dout", style="sd-W-no-sigma-prime")

# ================================================================ a bare MLP without named sizes (X 5 x 3)
MB_DZ1 = "((P - Y) @ W2.T * (H > 0) / 5)"
C(MB, "W2", N, "m = X.shape[0]\ndW2 = H.T @ (P - Y) / m", oracle="H.T @ (P - Y) / 5", style="mb-W2")
C(MB, "W2", N, "dW2 = H.T @ (P - Y) / 5", oracle="H.T @ (P - Y) / 5", style="mb-W2-literal-5")
C(MB, "W2", N, "dW2 = H.T @ (P - Y) / X.shape[1]", "scale-factor", oracle="H.T @ (P - Y) / 3", style="mb-W2-shape1")
C(MB, "b1", N, "dZ1 = (P - Y) @ W2.T * (H > 0) / len(X)\ndb1 = dZ1.sum(axis=0)", oracle=f"{MB_DZ1}.sum(axis=0)", style="mb-b1-1d")
C(MB, "W1", N, "dZ1 = (P - Y) @ W2.T * (H > 0) / len(X)\ndW1 = X.T @ dZ1", oracle=f"X.T @ {MB_DZ1}", style="mb-W1")

# ================================================================ Ng's collaborative filtering (ex8)
CF_E = "((X @ Theta.T - Y) * R)"
C(CF, "X", N, "E = (X @ Theta.T - Y) * R\nX_grad = E @ Theta + lambda_ * X", oracle=f"{CF_E} @ Theta + lambda_ * X", style="cf-X-grad")
C(CF, "Theta", N, "E = (X @ Theta.T - Y) * R\nTheta_grad = E.T @ X + lambda_ * Theta", oracle=f"{CF_E}.T @ X + lambda_ * Theta", style="cf-Theta-grad")
C(CF, "X", N, "X_grad = (X @ Theta.T - Y) @ Theta + lambda_ * X", "*", oracle="(X @ Theta.T - Y) @ Theta + lambda_ * X", style="cf-X-R-forgotten")
C(CF, "Theta", N, "E = (X @ Theta.T - Y) * R\nTheta_grad = E.T @ X", "*", oracle=f"{CF_E}.T @ X", style="cf-Theta-no-reg")
C(CF, "Theta", N, "E = (X @ Theta.T - Y) * R\nTheta_grad = E @ X + lambda_ * Theta", "*", style="cf-Theta-transpose-forgotten")
C(CF, "X", N, "X_grad = ((X @ Theta.T - Y) * R) @ Theta + lambda_ / 2 * X", "*", oracle=f"{CF_E} @ Theta + lambda_ / 2 * X", style="cf-X-half-lambda")

# ================================================================ CS231n's f = (x + y) z
C(CS, "x", N, "dfdz = q\ndfdq = z\ndqdx = 1.0\ndfdx = dfdq * dqdx", oracle="z", style="cs-x-chain")
C(CS, "z", N, "dfdz = x + y", oracle="x + y", style="cs-z")
C(CS, "x", N, "dfdx = q", "*", oracle="x + y", style="cs-x-q-for-z")

# ================================================================ the older built-ins, more ordinary forms
C(T, "W1", N, "dW1 = X.T @ (np.dot(y_pred - y_target, W2.T) * h * (1 - h))", oracle=TW1, style="t-W1-inline-np-dot")
C(T, "W1", N, "dy = y_pred - y_target\ndh = dy * W2.T\ndh_raw = dh * h * (1.0 - h)\ndW1 = X.T.dot(dh_raw)", oracle=TW1, style="t-W1-dh-raw-dot-method")
C(T, "W1", N, "dy = y_pred - y_target\ndh = dy * W2.T\ndW1 = X.T.dot(dh)", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-W1-dh-raw-forgotten")
C(T, "W2", N, "dW2 = h.T * (y_pred - y_target)", oracle=TW2, style="t-W2-broadcast-scalar")
C(T, "W2", N, "dW2 = h * (y_pred - y_target)", "*", style="t-W2-row-for-column")
C(E, "w", N, "delta = (O - t) * O * (1 - O)\ngrad_w = delta * x", oracle=EW, style="n-delta-grad-w")
C(E, "w", N, "dw = x * (O - t) * sigmoid(z) * (1 - sigmoid(z))", oracle=EW, style="n-sigmoid-z-inline")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x.T", "*", style="n-column-for-row")
C(E, "w", N, "dw = (O - t) * O * (1 - O)", "*", oracle="(O - t) * O * (1 - O) + 0 * x", style="n-x-forgotten")
C(E, "w", L, "\\frac{\\partial L}{\\partial \\mathbf{w}} = (O - t)\\,O\\,(1 - O)\\,\\mathbf{x}", oracle=EW, style="n-latex-mathbf")
C(CH, "w", N, "grad_v = 2 * v\ngrad_u = grad_v\ngrad_w = grad_u * x", style="ch-w-grad-steps")
C(CH, "w", N, "grad_w = 2 * v * w", "*", style="ch-w-w-for-x")
C(CH, "b", N, "dL_db = 2 * v * 1", style="ch-b-times-1")
C(CH, "b", L, "\\frac{\\partial L}{\\partial b} = 2(wx + b)", style="ch-b-latex-expanded")
C(CH, "b", L, "\\frac{\\partial L}{\\partial b} = (wx + b)", "scale-factor", style="ch-b-latex-2-dropped")
C(R, "w2", N, "grad_w2 = 2 * np.dot(np.maximum(h, 0).T, y_pred - y)", oracle=RW2, style="r-w2-maximum-inline")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * (h_relu > 0))", oracle=RW1, style="r-w1-mask-h-relu")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="r-w1-h-relu-for-mask")
C(R, "w1", N, "grad_w1 = x @ (2 * (y_pred - y) @ w2.T * (h > 0))", "*", style="r-w1-x-not-transposed")
C(MW, "W2", N, "dZ2 = A2 * (1 - Y) - w * Y * (1 - A2)\ndW2 = A1.T @ dZ2 / len(Y)", oracle=f"A1.T @ {WDZ} / m", style="mw-W2-len-Y")
C(MW, "W2", N, "dZ2 = (A2 - w * Y) / m\ndW2 = A1.T @ dZ2", "*", oracle="A1.T @ (A2 - w * Y) / m", style="mw-W2-w-misplaced")
C(MW, "b2", N, "db2 = np.mean(A2 * (1 - Y) - w * Y * (1 - A2))", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="mw-b2-mean-all")
C(MW, "b2", N, "db2 = np.mean(A2 * (1 - Y) - w * Y * (1 - A2)) / m", "scale-factor", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m / m", style="mw-b2-mean-and-m")
C(M, "b2", N, "dZ2 = A2 - Y\ndb2 = 1/m * dZ2.sum(axis=0, keepdims=True)", oracle=B2R, style="ng-b2-method-sum")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = 1./m * A1.T.dot(dZ2)", oracle=W2R, style="ng-W2-1-dot-m-dot-method")

C(T, "w22", N, "dw22 = (y_pred - y_target) * v2 * h2 * (1.0 - h2) * x2", style="t-w22-one-point-0")
C(T, "W1[0,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1)", "*", oracle="(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0])", style="t-W100-x1-forgotten")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x / 3", "scale-factor", oracle=f"{EW} / 3", style="n-divided-by-n")
C(M, "W1", N, "dZ1 = np.dot(A2 - Y, W2.T) * np.greater(Z1, 0)\ndW1 = np.dot(X.T, dZ1) / m", oracle=W1R, style="ng-W1-greater")

C(M, "b1", N, "dZ1 = np.dot(A2 - Y, W2.T) * np.greater(Z1, 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True)", "scale-factor", oracle=f"np.sum({DZ1}, axis=0, keepdims=True)", style="ng-b1-greater-no-m")
C(T, "W2", L, "\\frac{\\partial L}{\\partial W_2} = \\tfrac{1}{2}\\, h^\\top (y_{pred} - y_{target})", "scale-factor", oracle=f"{TW2} / 2", style="t-latex-W2-half")

# ================================================================ more hand numbers
C(T, "W1", V, "[[-0.01367, -0.01635], [-0.002734, -0.003270]]", style="v-t-W1-matrix")
C(T, "W1", V, "[[-0.01367, -0.002734], [-0.01635, -0.003270]]", "*", style="v-t-W1-matrix-transposed")
C(T, "w11", V, "-0.0136", style="v-t-w11-truncated-3sf", note="within one unit in the last of three significant digits (README's policy)")
C(T, "v1", V, "-0.114", style="v-t-v1-3sf")
C(T, "w11", V, "约为 -0.0137", lang=Z, style="v-zh-t-w11-approx")
C(E, "w", V, "[[-6.12e-2, -3.67e-2, -2.45e-2]]", style="v-n-w-sci-2d")
C(M, "b2", V, "≈ 0.06038", style="v-m-b2-approx")
C(M, "b1", V, "[-0.0979, -0.0181]", style="v-m-b1-1d-row")
C(MW, "b2", V, "-0.3643 (4 s.f.)", style="v-mw-b2-sf-stated")
C(CH, "b", V, "$20$", style="v-ch-b-dollars")
C(CH, "w", V, "39", "*", style="v-ch-w-39")

# ================================================================ refusals
C(M, "W2", N, "dW2 = backprop(X, Y)['dW2']", REFUSE, style="undefined-helper")
C(M, "W1", N, "dW1 = 1/m * np.dot(X.T, dZ1)", "scale-factor", style="dZ1-never-defined", note="first labelled a refusal (dZ1 never defined); README: dZ2/dZ1 name the true ∂L/∂Z, which for a mean loss already holds 1/m, so the course-notes 1/m is an extra one, and the checker says so: relabelled")
C(T, "w11", V, "about minus one percent", REFUSE, style="v-words")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial q} x", REFUSE, style="latex-leibniz-unknown-node")
C(S, "W", N, "dW = X.T @ (softmax_grad(Z) - Y) / m", REFUSE, style="s-unknown-function")
C(CH, "w", V, "四十", REFUSE, lang=Z, style="v-zh-chinese-numeral")


# ================================================================ round b: written after round a's first run (100 % after three relabels), before any run of these
_round = "b"
# sizes that are equal at the example (m = n_in = n_h = 2 on mlp-bce): only one name is right
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / Y.shape[0]", oracle=W1R, style="b-size-Y-shape0")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / Y.size", oracle=W1R, style="b-size-Y-size")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / W1.shape[0]", "scale-factor", oracle=f"X.T @ {DZ1} / n_in", style="b-size-W1-shape0")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / A1.shape[1]", "scale-factor", oracle=f"X.T @ {DZ1} / n_h", style="b-size-A1-shape1")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / X.size", "scale-factor", oracle=f"X.T @ {DZ1} / (m * n_in)", style="b-size-X-size")
C(NP, "W2", N, "m = len(Y)\ndZ2 = A2 - Y\ndW2 = 1/m * np.dot(dZ2, A1.T)", "scale-factor", oracle="(A2 - Y) @ A1.T", style="b-np-len-Y-is-n_y")
C(NP, "W2", N, "m = Y.shape[1]\ndZ2 = A2 - Y\ndW2 = 1/m * np.dot(dZ2, A1.T)", oracle="(A2 - Y) @ A1.T / m", style="b-np-Y-shape1")
# masks that look right
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (A1 >= 0)\ndW1 = X.T @ dZ1 / m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="b-mask-A1-ge-0-always-true")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 >= 0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-mask-Z1-ge-0", note="Z1 has no entry exactly 0 at the example")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * np.sign(A1)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-mask-sign-A1")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0).astype(np.float64)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-mask-astype-float64")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (A1 != 0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="b-mask-A1-ne-0")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (A1 > 0) * A1\ndW1 = X.T @ dZ1 / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="b-mask-times-A1")
# precedence slips
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * 1 - np.power(A1, 2)\ndW1 = 1/m * np.dot(dZ1, X.T)", "*", oracle="(W2.T @ (A2 - Y) - A1 ** 2) @ X.T / m", style="b-np-precedence-1-minus")
C(BS, "w1", N, "dw1 = x.T @ ((1 - z ** 2) * (y - t) @ w2.T)", "*", oracle="x.T @ (((1 - z ** 2) * (y - t)) @ w2.T)", style="b-bs-precedence-mask-before-matmul", note="M = K = 3 at the example: the product broadcasts")
C(M, "W2", N, "dW2 = A1.T @ A2 - Y / m", "*", oracle="A1.T @ A2 - Y / m", style="b-m-precedence-no-parens")
C(M, "W2", N, "dW2 = 1 / m * A1.T @ (A2 - Y)", oracle=W2R, style="b-m-1-over-m-left")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / 2 * m", "*", oracle="A1.T @ (A2 - Y) / 2 * m", style="b-m-divided-2-times-m")
# Ng's column net, more spellings
NPD1 = "(W2.T @ (A2 - Y) * (1 - A1 ** 2))"
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))\ndW1 = (1 / m) * np.dot(dZ1, X.T)", oracle=f"{NPD1} @ X.T / m", style="b-np-multiply-power")
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.tanh(Z1) ** 2)\ndW1 = np.dot(dZ1, X.T) / m", oracle=f"{NPD1} @ X.T / m", style="b-np-tanh-Z1-squared")
C(NP, "W1", N, "m = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2, dZ2) * (1 - np.power(A1, 2))\ndW1 = np.dot(dZ1, X.T) / m", "*", style="b-np-W2-not-transposed")
C(NP, "b1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - A1 ** 2)\ndb1 = np.mean(dZ1, axis=1, keepdims=True)", oracle=f"np.sum({NPD1}, axis=1, keepdims=True) / m", style="b-np-b1-mean")
C(NP, "b2", N, "db2 = np.sum(A2 - Y, axis=1, keepdims=True)", "scale-factor", oracle="np.sum(A2 - Y, axis=1, keepdims=True)", style="b-np-b2-no-m")
C(NP, "W2", N, "dZ2 = A2 - Y  # (n_y, m)\ndW2 = np.dot(dZ2, A1.T) / m  # (n_y, n_h)\nassert dW2.shape == W2.shape", oracle="(A2 - Y) @ A1.T / m", style="b-np-comments-assert")
C(NP, "W2", L, "$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}$, where $dZ^{[2]} = A^{[2]} - Y$.", oracle="(A2 - Y) @ A1.T / m", style="b-np-latex-dollars-where-period")
C(NP, "W1", L, "dW^{[1]} = \\frac{1}{m}\\left(W^{[2]T} dZ^{[2]} \\odot (1 - (A^{[1]})^{2})\\right) X^{T},\\quad dZ^{[2]} = A^{[2]} - Y", oracle=f"{NPD1} @ X.T / m", style="b-np-latex-W1-inline-dZ1")
C(NP, "W1", L, "dW^{[1]} = \\frac{1}{m}\\left(W^{[2]T} dZ^{[2]} \\odot (1 - A^{[1]})\\right) X^{T},\\quad dZ^{[2]} = A^{[2]} - Y", "*", oracle="(W2.T @ (A2 - Y) * (1 - A1)) @ X.T / m", style="b-np-latex-W1-tanh-prime-unsquared")
# LaTeX pasted from PDFs and chat: $…$, trailing period, Unicode minus and ᵀ, \boldsymbol
C(M, "W2", L, "$\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]T}(A^{[2]} − Y).$", oracle=W2R, style="b-latex-unicode-minus-period")
C(M, "W2", N, "dW2 = A1ᵀ @ (A2 − Y) / m", oracle=W2R, style="b-numpy-unicode-T-minus")
C(M, "W1", L, "\\boldsymbol{\\delta}^{[2]} = \\mathbf{A}^{[2]} - \\mathbf{Y},\\ \\boldsymbol{\\delta}^{[1]} = \\boldsymbol{\\delta}^{[2]} \\mathbf{W}^{[2]\\top} \\odot \\mathbb{1}[\\mathbf{Z}^{[1]} > 0],\\ \\frac{\\partial L}{\\partial \\mathbf{W}^{[1]}} = \\frac{1}{m}\\mathbf{X}^{\\top}\\boldsymbol{\\delta}^{[1]}", oracle=W1R, style="b-latex-boldsymbol-delta")
C(M, "W1", L, "\\boldsymbol{\\delta}^{[2]} = \\mathbf{A}^{[2]} - \\mathbf{Y},\\ \\boldsymbol{\\delta}^{[1]} = \\boldsymbol{\\delta}^{[2]} \\mathbf{W}^{[2]\\top} \\odot \\mathbb{1}[\\mathbf{Z}^{[1]} > 0],\\ \\frac{\\partial L}{\\partial \\mathbf{W}^{[1]}} = \\frac{1}{m}\\boldsymbol{\\delta}^{[1]\\top}\\mathbf{X}", "*", oracle=f"{DZ1}.T @ X / m", style="b-latex-boldsymbol-delta-transposed")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m} a^{[1](i)T}\\left(a^{[2](i)} - y^{(i)}\\right)", oracle=W2R, style="b-latex-per-example", note="first labelled wrong (a^{(i)T} a row where W2 is a column); README reads per-example notation inside \\sum_i as the batch sum of the vectorised tensors (\\sum_i x^{(i)\\top}(p^{(i)} - y^{(i)}) is Xᵀ(P − Y)), and the sum is right: relabelled")
C(M, "b2", L, "\\nabla_{b^{[2]}} J = \\operatorname{mean}(A^{[2]} - Y)", oracle=B2R, style="b-latex-nabla-mean")
C(M, "W2", L, "\\mathrm{d}W^{[2]} = \\tfrac{1}{m}\\,A^{[1]\\mathsf{T}}\\,\\mathrm{d}Z^{[2]}", "scale-factor", style="b-latex-dZ2-undefined-is-true-grad", note="dZ^{[2]} undefined is ∂L/∂Z^{[2]} (README), which holds 1/m already")
C(M, "W1", L, "由链式法则，$\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^{T} \\left[(A^{[2]} - Y) W^{[2]T} \\odot \\sigma'(Z^{[1]})\\right]$。", "wrong-activation-derivative", lang=Z, oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="b-zh-chain-rule-sigma-prime-on-relu")
C(T, "w11", L, "$\\frac{\\partial E}{\\partial w_{11}} = \\frac{\\partial E}{\\partial y_{pred}} \\cdot \\frac{\\partial y_{pred}}{\\partial h_1} \\cdot \\frac{\\partial h_1}{\\partial w_{11}} = (y_{pred} - y_{target})\\, v_1\\, h_1 (1 - h_1)\\, x_1$", style="b-t-leibniz-then-value")
C(T, "w11", L, "\\frac{\\partial E}{\\partial w_{11}} = (y_{pred} - y_{target})\\, v_1\\, x_1", "missing-activation-derivative", style="b-t-latex-no-sigma-prime")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = (O - t)\\,\\sigma(z)\\,(1 - \\sigma(z))\\,x", oracle=EW, style="b-n-sigma-z-one-minus")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = (O - t)\\,\\sigma(z)\\,(1 - \\sigma(z))\\,x^{\\top}", "*", style="b-n-latex-x-transposed")
C(CH, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial u}\\frac{\\partial u}{\\partial w} = 2(wx + b)x", style="b-ch-leibniz-expanded")
C(CH, "w", L, "\\frac{\\partial L}{\\partial w} = 2(wx + b)w", "*", style="b-ch-latex-w-for-x")
# PyTorch without autograd
C(M, "b2", N, "dZ2 = A2 - Y\ndb2 = torch.sum(dZ2, dim=0, keepdim=True) / m", oracle=B2R, style="b-torch-sum-dim0")
C(M, "b2", N, "dZ2 = A2 - Y\ndb2 = dZ2.mean(0, keepdim=True)", oracle=B2R, style="b-torch-mean-0")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.T.mm(dZ2) / m", oracle=W2R, style="b-torch-T-mm")
C(M, "W1", N, "dZ1 = (A2 - Y).mm(W2.T) * (Z1 > 0).type(torch.float64)\ndW1 = X.T.mm(dZ1) / m", oracle=W1R, style="b-torch-type-float64")
C(M, "W1", N, "dZ1 = (A2 - Y).mm(W2.T) * (Z1 > 0).type(torch.float64)\ndW1 = X.T.mm(dZ1) / m / m", "scale-factor", oracle=f"X.T @ {DZ1} / m / m", style="b-torch-m-twice")
# entries of the batch net
C(M, "W2[1,0]", N, "np.sum((A2 - Y) * A1[:, 1:2]) / m", oracle="np.sum((A2 - Y) * A1[:, 1:2]) / m", style="b-m-entry-W2-10")
C(M, "W2[1,0]", N, "np.sum((A2 - Y) * A1[:, 0:1]) / m", "*", oracle="np.sum((A2 - Y) * A1[:, 0:1]) / m", style="b-m-entry-W2-10-wrong-column")
C(M, "b1[0,1]", N, "np.mean(((A2 - Y) * W2[1, 0]) * (Z1[:, 1:2] > 0))", oracle="np.mean(((A2 - Y) * W2[1, 0]) * (Z1[:, 1:2] > 0))", style="b-m-entry-b1-01")
# relu-mlp, more
C(R, "w2", N, "grad_w2 = h_relu.T @ (2 * (y_pred - y)) / n", "scale-factor", oracle=f"{RW2} / n", style="b-r-w2-divided-n")
C(R, "w1", N, "grad_h_relu = 2 * (y_pred - y) @ w2.T\ngrad_h = grad_h_relu * (h_relu > 0)\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="b-r-w1-h-relu-mask")
C(R, "w1", N, "grad_h_relu = 2 * (y_pred - y) @ w2\ngrad_h = grad_h_relu * (h > 0)\ngrad_w1 = x.T @ grad_h", "*", style="b-r-w1-w2-not-transposed")
# weighted loss
C(MW, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m", "scale-factor", oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m / m", style="b-mw-W1-m-twice")
C(MW, "W2", N, "dZ2 = (A2 - Y) * (1 + (w - 1) * Y) / m\ndW2 = np.dot(A1.T, dZ2)", "weighted-loss-not-simplifiable", oracle="A1.T @ ((A2 - Y) * (1 + (w - 1) * Y)) / m", style="b-mw-W2-binary-only-np-dot")
C(MW, "b2", L, "\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_i \\left[(1 - Y_i) A^{[2]}_i - w Y_i (1 - A^{[2]}_i)\\right]", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="b-mw-latex-b2-sum")
# hand numbers
C(M, "b2", V, "6.038 \\times 10^{-2}", style="b-v-m-b2-latex-sci")
C(M, "b2", V, "0.06", "*", style="b-v-m-b2-1sf", note="one significant digit: too few digits to judge")
C(M, "W2", V, "[[−0.1763], [−0.008985]]", style="b-v-m-W2-unicode-minus")
C(T, "w11", V, "-1.3668e-02", style="b-v-t-w11-e-02")
C(T, "w11", V, "-0.014", style="b-v-t-w11-2sf")
C(T, "w11", V, "0.0137", "*", style="b-v-t-w11-sign")
C(E, "w", V, "[-0.0612, -0.0367]", "*", style="b-v-n-w-two-of-three")
C(CH, "x", V, "60.0", style="b-v-ch-x")
C(MW, "b2", V, "−0.364", style="b-v-mw-b2-unicode")
C(CS, "x", V, "-4", style="b-v-cs-x")
C(CS, "z", V, "3", style="b-v-cs-z")
C(CS, "z", V, "-4", "*", style="b-v-cs-z-is-x")
# refusals
C(M, "W1", N, "for i in range(m):\n    dW1 += np.outer(X[i], dZ1[i])", REFUSE, style="b-loop-accumulate")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{\\partial L}{\\partial A^{[3]}} A^{[1]}", REFUSE, style="b-latex-node-A3-unknown")


# ================================================================ round c: MATLAB/Octave as Ng's Coursera exercises write it; written after round b's fixes, before any run of these (six more on the column net were written and left out unrun: the corpus holds at most 260 cases)
_round = "c"
NPD = "(W2.T @ (A2 - Y) * (1 - A1 ** 2))"
C(NP, "W2", N, "dZ2 = A2 - Y;\ndW2 = (1/m) * dZ2 * A1';", oracle="(A2 - Y) @ A1.T / m", style="c-np-octave-W2")
C(NP, "b2", N, "db2 = (1/m) * sum(A2 - Y, 2);", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="c-np-octave-b2")
C(NP, "W1", N, "dZ2 = A2 - Y;\ndZ1 = (W2' * dZ2) .* (1 - A1.^2);\ndW1 = (1/m) * dZ1 * X';", oracle=f"{NPD} @ X.T / m", style="c-np-octave-W1")
C(NP, "W1", N, "dZ2 = A2 - Y;\ndZ1 = (W2' * dZ2) .* (1 - A1).^2;\ndW1 = (1/m) * dZ1 * X';", "*", oracle="(W2.T @ (A2 - Y) * (1 - A1) ** 2) @ X.T / m", style="c-np-octave-W1-square-outside")
C(NP, "b1", N, "dZ2 = A2 - Y;\ndZ1 = (W2' * dZ2) .* (1 - A1.^2);\ndb1 = (1/m) * sum(dZ1, 2);", oracle=f"np.sum({NPD}, axis=1, keepdims=True) / m", style="c-np-octave-b1")
C(NP, "b1", N, "dZ2 = A2 - Y;\ndZ1 = (W2' * dZ2) .* (1 - A1.^2);\ndb1 = (1/m) * sum(dZ1);", "*", oracle=f"np.sum({NPD}, axis=0, keepdims=True) / m", style="c-np-octave-b1-sum-default")
C(NP, "b1", N, "dZ2 = A2 - Y;\ndZ1 = (W2' * dZ2) .* (1 - A1.^2);\ndb1 = mean(dZ1, 2);", oracle=f"np.sum({NPD}, axis=1, keepdims=True) / m", style="c-np-octave-b1-mean-dim2")
C(NP, "W2", N, "dW2 = (A2 - Y) * A1' / size(X, 1);", "scale-factor", oracle="(A2 - Y) @ A1.T / n_x", style="c-np-octave-size-X-1")
C(M, "W1", N, "dZ1 = (dZ2 * W2') .* (Z1 > 0);\ndW1 = X' * dZ1;", oracle=W1R, style="c-m-octave-dZ2-true-gradient")
C(M, "b1", N, "dZ2 = A2 - Y;\ndZ1 = (dZ2 * W2') .* (Z1 > 0);\ndb1 = sum(dZ1, 1) / m;", oracle=B1R, style="c-m-octave-b1")
C(M, "b1", N, "dZ2 = A2 - Y;\ndZ1 = (dZ2 * W2') .* (Z1 > 0);\ndb1 = sum(dZ1, 2) / m;", "wrong-sum-axis", oracle=f"np.sum({DZ1}, axis=1, keepdims=True) / m", style="c-m-octave-b1-dim2")
C(M, "W1", N, "dZ2 = A2 - Y;\ndZ1 = (dZ2 * W2') .* A1;\ndW1 = X' * dZ1 / m;", "*", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="c-m-octave-A1-for-mask")
C(E, "w", N, "dw = sum(x .* (O - t) .* O .* (1 - O));", "*", style="c-n-octave-sum-of-row")
C(E, "w", N, "delta = (O - t) * O * (1 - O);\ndw = delta * x;", oracle=EW, style="c-n-octave-delta")
C(T, "W1", N, "delta = (y_pred - y_target) * W2' .* h .* (1 - h);\ndW1 = X' * delta;", oracle=TW1, style="c-t-octave-W1")
C(T, "W1", N, "delta = (y_pred - y_target) * W2' .* h .* (1 - h);\ndW1 = delta' * X;", "*", style="c-t-octave-W1-transposed")
C(T, "W2", N, "dW2 = h' .* (y_pred - y_target);", oracle=TW2, style="c-t-octave-W2-dot-times")
C(S, "b", N, "db = sum(P - Y) / m;", oracle=SB, style="c-s-octave-b-sum-default")
C(S, "b", N, "db = sum(P - Y, 2) / m;", "wrong-sum-axis", oracle="np.sum(P - Y, axis=1, keepdims=True) / m", style="c-s-octave-b-dim2")
C(S, "b", N, "db = mean(P - Y);", oracle=SB, style="c-s-octave-b-mean-default", note="MATLAB's mean of a matrix is its column means")
C(R, "w2", N, "grad_w2 = 2 * h_relu' * (y_pred - y);", oracle=RW2, style="c-r-octave-w2")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) * w2' .* (h > 0);\ngrad_w1 = x' * grad_h;", oracle=RW1, style="c-r-octave-w1")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) * w2';\ngrad_w1 = x' * grad_h;", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="c-r-octave-w1-no-mask")
C(CH, "w", N, "dw = 2 * (w * x + b) * x;", style="c-ch-w-expanded")
C(MW, "b2", N, "db2 = sum((1 - Y) .* A2 - w * Y .* (1 - A2)) / m;", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="c-mw-octave-b2")
C(MW, "b2", N, "db2 = mean(A2 - Y);", "*", oracle="np.mean(A2 - Y)", style="c-mw-octave-b2-unweighted")
C(M, "W2", N, "% 反向传播\ndZ2 = A2 - Y;\ndW2 = A1' * dZ2 / m;", lang=Z, oracle=W2R, style="c-zh-octave-W2")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c29-000, … as written; cases that happen to repeat corpora 2-28 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus29", "c29", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
