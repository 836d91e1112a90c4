"""The held-out-style corpus of issue 11, seventeenth round (a corpus 17 written earlier was lost
with its machine; this one is written anew, covering what it had found): answers the way EXAM
SCRIPTS and LECTURE NOTES write them — a lead before the formula (``\\because …, \\therefore``,
``By the chain rule,``, ``Hence``, ``\\Rightarrow``, ``由链式法则得``, ``根据链式法则，``, ``故``,
``即``, ``可得``); the DIFFERENTIAL form of matrix calculus (``dL = \\operatorname{tr}(G^{\\top} dW)``
so that ∂L/∂W = G, and ``dL = tr(G^{\\top} dW)`` written with the transpose already taken);
NumPy's 1-D SLICES, where ``.T`` does nothing (``X[0].T * delta`` is an element-wise product,
not an outer product; ``np.sum(A1[:, 1].T * (A2 - Y))`` broadcasts to m × m), beside the right
spellings (``np.outer``, ``[:, None]``, ``.reshape(-1, 1)``, ``A1[:, [1]]``); CS231n's in-place
mask (``dhidden[Z1 <= 0] = 0``) and augmented assignments (``dscores /= N``, ``dZ -= Y``);
Andrew Ng's column-major course code with ``m = X.shape[1]`` (and the classic ``X.shape[0]``);
d2l's ``len(y)``, ``Y.size``; ``\\mathsf{T}``, ``^{\\prime}``, bold and calligraphic names; hand
numbers in a NumPy print, LaTeX scientific notation, a trailing "(4 s.f.)", an exact zero, a
worked product ending in ``= 40``. Wrong answers as students make them: the missing 1/m, the
wrong size name, the numerator-layout transpose, the wrong layer, σ′ for a relu or tanh, the
missing regularisation term or its factor, a sign, a factor 2, the binary-label-only form of the
weighted BCE gradient. Unreadable: an undefined name, Octave's ``'``, autodiff calls, an
unsupported NumPy function.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written before the checker was run on any of them (and
before its code was read this round; bench/RESULTS.md, "heldcheck16": the first measurement).
Built-in matrix cases carry a PyTorch oracle (tests/check_oracle.py); course-network cases are
confirmed by the spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers were
computed in PyTorch float64 (check_oracle.NETS at the spec's example values) and rounded by hand.
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
NG = str(COURSE / "ng_colmajor_tanh.toml")
LR = str(COURSE / "logreg_colmajor.toml")
CS2 = str(COURSE / "cs231n_two_layer.toml")
DS = str(COURSE / "d2l_softmax_scratch.toml")
LH = str(COURSE / "lhy_regression.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py)
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
EW = "(O - t) * O * (1 - O) * x"
W2R = "A1.T @ (A2 - Y) / m"
W1R = "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
B1R = "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"
B2R = "np.sum(A2 - Y, axis=0, keepdims=True) / m"
WDZ = "((1 - Y) * A2 - w * Y * (1 - A2))"
RW2 = "2 * h_relu.T @ (y_pred - y)"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
SW = "X.T @ (P - Y) / m"
SB = "np.sum(P - Y, axis=0, keepdims=True) / m"

# ================================================================ exam leads before the formula
C(M, "W1", L, r"\because \delta^{[2]} = A^{[2]} - Y, \therefore \frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left(\delta^{[2]} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right)", oracle=W1R, style="lead-because-therefore")
C(T, "W2", L, r"\because \frac{\partial L}{\partial y_{pred}} = y_{pred} - y_{target}, \quad \therefore \frac{\partial L}{\partial W_2} = h^{\top}(y_{pred} - y_{target})", oracle=TW2, style="lead-because-leibniz")
C(M, "W2", L, r"\because \delta^{[2]} = A^{[2]} - Y, \therefore \frac{\partial L}{\partial W^{[2]}} = A^{[1]\top}\delta^{[2]}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="lead-because-no-m")
C(CH, "w", L, r"由链式法则得 $\frac{\partial L}{\partial w} = 2vx$", lang=Z, oracle="2 * v * x", style="lead-zh-youlianshi-de")
C(S, "W", L, r"根据链式法则，\frac{\partial L}{\partial W} = \frac{1}{m} X^\top (P - Y)", lang=Z, oracle=SW, style="lead-zh-genju")
C(M, "W2", N, "By the chain rule, dW2 = A1.T @ (A2 - Y) / m", oracle=W2R, style="lead-en-chain-rule-code")
C(M, "W2", N, "By the chain rule, dW2 = A1.T @ (A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="lead-en-chain-rule-no-m")
C(CH, "w", N, "Hence ∂L/∂w = 2·v·x", oracle="2 * v * x", style="lead-hence-unicode")
C(S, "W", L, r"\Rightarrow \nabla_{W} L = X^\mathsf{T}(P - Y)/m", oracle=SW, style="lead-rightarrow-mathsf")
C(E, "w", N, "故 dw = (O - t) * O * (1 - O) * x", lang=Z, oracle=EW, style="lead-zh-gu")
C(CH, "b", N, "即 ∂L/∂b = 2v", lang=Z, oracle="2 * v", style="lead-zh-ji")
C(S, "W", L, r"可得 $\nabla_W L = \frac{1}{m}X^{\mathsf{T}}(P-Y)$", lang=Z, oracle=SW, style="lead-zh-kede")
C(M, "W2", L, r"由链式法则得：\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top}(A^{[2]} - Y)", "scale-factor", lang=Z, oracle="A1.T @ (A2 - Y)", style="lead-zh-no-m")
C(M, "b2", L, r"故 $\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\mathbf{1}_m^{\top}(A^{[2]} - Y)$。", lang=Z, oracle=B2R, style="lead-zh-ones-row")
C(T, "W1", L, r"We get $\nabla_{W_1} L = X^{\mathsf{T}}\left[(y_{pred} - y_{target})\, W_2^{\mathsf{T}} \circ h \circ (1 - h)\right]$.", oracle=TW1, style="lead-we-get-circ")
C(E, "w", L, r"\therefore \frac{\partial L}{\partial w} = (O - t)\,\sigma^{\prime}(z)\,x", oracle=EW, style="lead-therefore-prime")
C(E, "w", L, r"\therefore \frac{\partial L}{\partial w} = (O - t)\,x", "missing-activation-derivative", oracle="(O - t) * x", style="lead-therefore-no-sigma-prime")

# ================================================================ the differential form
C(M, "W2", L, r"\mathrm{d}L = \operatorname{tr}\!\left(\left[\tfrac{1}{m} A^{[1]\top}(A^{[2]} - Y)\right]^{\top} \mathrm{d}W^{[2]}\right)", oracle=W2R, style="diff-tr-G-transpose")
C(M, "W2", L, r"dL = \operatorname{tr}\left(\frac{1}{m}(A^{[2]} - Y)^{\top} A^{[1]}\, dW^{[2]}\right)", oracle=W2R, style="diff-tr-transposed-already")
C(M, "W2", L, r"dL = \mathrm{tr}\left(\left(A^{[1]\top}(A^{[2]} - Y)\right)^{T} dW^{[2]}\right)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="diff-tr-no-m")
C(S, "W", L, r"因为 $dL = \operatorname{tr}\left(\frac{1}{m}\left(X^{\top}(P - Y)\right)^{\top} dW\right)$，所以 $\frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}(P-Y)$。", lang=Z, oracle=SW, style="diff-zh-then-gradient")
C(S, "W", L, r"dL = \operatorname{tr}\left(\frac{1}{m}(P - Y)^{\top} dZ\right), \; dZ = X\,dW \Rightarrow \frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}(P - Y)", oracle=SW, style="diff-chain-then-gradient")
C(T, "W2", L, r"dL = \operatorname{tr}\left((y_{pred} - y_{target})^{\top} h \, dW_2\right)", oracle=TW2, style="diff-tiny-W2")
C(R, "w2", L, r"dL = \operatorname{tr}\left(\left(h_{relu}^{\top}(y_{pred} - y)\right)^{\top} dw_2\right)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="diff-relu-no-2")
C(B, "beta", L, r"dL = \operatorname{tr}\left(\left(\mathbf{1}^{\top} \frac{2}{mn}(Y - T)\right)^{\top} d\beta\right)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="diff-bn-beta")

# ================================================================ NumPy 1-D slices: .T does nothing
_TD = "delta = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\n"
C(T, "W1", N, _TD + "dW1 = X[0].T * delta", "shape-mismatch", style="slice-T-elementwise-not-outer", note="(n_in,) * (n_h,): an element-wise product of two 1-D arrays, not the outer product")
C(T, "W1", N, _TD + "dW1 = np.outer(X[0], delta)", oracle=TW1, style="slice-outer")
C(T, "W1", N, _TD + "dW1 = X[0][:, None] * delta", oracle=TW1, style="slice-none-column")
C(T, "W1", N, _TD + "dW1 = X[0].reshape(-1, 1) * delta", oracle=TW1, style="slice-reshape-column")
C(T, "W1", N, _TD + "dW1 = np.outer(delta, X[0])", "*", oracle='np.outer((y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0]), X[0])', style="slice-outer-swapped", note="the transpose of dW1 (square)")
_MD = "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\n"
C(M, "W1", N, _MD + "dW1 = (X[0].T * dZ1[0] + X[1].T * dZ1[1]) / m", "shape-mismatch", style="slice-T-per-example-sum", note="(n_in,) * (n_h,) each: element-wise, 1-D")
C(M, "W1", N, _MD + "dW1 = (np.outer(X[0], dZ1[0]) + np.outer(X[1], dZ1[1])) / m", "*", style="slice-outer-per-example", note="first written as right; but the sum is written out for the example's batch of 2 only, so it is not the gradient at another batch size (issue 11, 'sizes told apart'); corrected after the first run")
C(M, "W1", N, _MD + "dW1 = (np.outer(dZ1[0].T, X[0]) + np.outer(dZ1[1].T, X[1])) / m", "*", oracle='((A2 - Y) @ W2.T * (Z1 > 0)).T @ X / m', style="slice-outer-T-noop", note="dZ1[0].T is dZ1[0]: the outer products are dW1's transpose")
C(M, "W2[0,0]", N, "A1[:, 0].T @ (A2[:, 0] - Y[:, 0]) / m", oracle="A1[:, 0] @ (A2[:, 0] - Y[:, 0]) / m", style="slice-T-dot")
C(M, "W2[1,0]", N, "np.sum(A1[:, 1].T * (A2 - Y)) / m", "*", oracle='np.sum(A1[:, 1] * (A2 - Y)) / m', style="slice-T-broadcast", note="(m,) * (m, 1) broadcasts to m x m: the sum of all products, not the dot product")
C(M, "W2[1,0]", N, "np.sum(A1[:, 1] * (A2 - Y)) / m", "*", oracle='np.sum(A1[:, 1] * (A2 - Y)) / m', style="slice-broadcast", note="the same m x m broadcast")
C(M, "W2[1,0]", N, "np.sum(A1[:, 1] * (A2 - Y)[:, 0]) / m", oracle="A1[:, 1] @ (A2[:, 0] - Y[:, 0]) / m", style="slice-both-1d")
C(M, "W2[1,0]", N, "np.sum(A1[:, [1]] * (A2 - Y)) / m", oracle="A1[:, 1] @ (A2[:, 0] - Y[:, 0]) / m", style="slice-list-index-2d")
C(E, "w", N, "dw = (O - t)[0] * O[0] * (1 - O[0]) * x[0].T", oracle=EW + "[0]", style="slice-neuron-1d-row")

# ================================================================ mlp-bce
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.transpose(A1) @ dZ2 * (1 / m)", oracle=W2R, style="m-np-transpose")
C(M, "W2", N, "dW2 = (A2 - Y).T.dot(A1).T / m", oracle=W2R, style="m-transpose-of-product")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / len(X)", oracle=W2R, style="m-len-X")
C(M, "W2", N, "dW2 = np.mean(A1[:, :, None] * (A2 - Y)[:, None, :], axis=0)", oracle=W2R, style="m-3d-broadcast-mean")
C(M, "W2", N, "dW2 = np.dot(X.T, A2 - Y) * (1 / m)", "wrong-layer", oracle='X.T @ (A2 - Y) / m', style="m-wrong-layer-X", note="X for A1: same shape only because n_in = n_h")
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{[2]}} = \frac{1}{m}\mathbf{A}^{[1]\mathsf{T}}\left(\mathbf{A}^{[2]} - \mathbf{Y}\right)", oracle=W2R, style="m-bold-mathcal")
C(M, "W2", L, r"\frac{1}{m}\,{A^{[1]}}^{\intercal}(A^{[2]} - Y)", oracle=W2R, style="m-braced-intercal")
C(M, "W2", L, r"\frac{1}{m} (A^{[2]} - Y)^{\top} A^{[1]}", "shape-mismatch", oracle="(A2 - Y).T @ A1 / m", style="m-numerator-layout", note="first labelled missing-transpose; corpus 5's convention: a result of the transposed shape is shape-mismatch, its message naming the transpose (corrected after the first run)")
C(M, "W1", L, r"\frac{1}{m} X^\top \left[(A^{[2]} - Y) W^{[2]\top} \odot g^{[1]\prime}(Z^{[1]})\right]", oracle=W1R, style="m-g-prime-braced")
C(M, "W1", L, r"\frac{1}{m} X^\top \left[(A^{[2]} - Y) W^{[2]\top} \odot \sigma'(Z^{[1]})\right]", "wrong-activation-derivative", oracle='X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m', style="m-sigma-prime-for-relu")
C(M, "W1", L, r"\frac{1}{m} A^{[1]\top} \left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}(Z^{[1]} > 0)\right]", "wrong-layer", oracle='A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m', style="m-A1-for-X")
_CSM = "dscores = (A2 - Y) / m\ndhidden = dscores.dot(W2.T)\n"
C(M, "W1", N, _CSM + "dhidden[Z1 <= 0] = 0\ndW1 = X.T.dot(dhidden)", oracle=W1R, style="m-cs231n-mask-assign")
C(M, "W1", N, _CSM + "dhidden[A1 == 0] = 0\ndW1 = X.T.dot(dhidden)", oracle=W1R, style="m-cs231n-mask-A1-eq-0")
C(M, "W1", N, _CSM + "dW1 = X.T.dot(dhidden)", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="m-cs231n-no-mask")
C(M, "b1", N, _CSM + "dhidden[Z1 <= 0] = 0\ndb1 = dhidden.sum(axis=0)", oracle=B1R, style="m-cs231n-b1-1d")
C(M, "b1", N, _CSM + "dhidden[Z1 <= 0] = 0\ndb1 = dhidden.sum(axis=1)", "*", style="m-cs231n-b1-axis1")
C(M, "b2", N, "db2 = np.average(A2 - Y)", oracle=B2R, style="m-np-average")
C(M, "b2", N, "db2 = np.sum(Y - A2) / m", "sign", oracle="np.sum(Y - A2, axis=0, keepdims=True) / m", style="m-b2-sign")
C(M, "W2[1,0]", N, "np.mean((A2[:, 0] - Y[:, 0]) * A1[:, 1])", oracle="A1[:, 1] @ (A2[:, 0] - Y[:, 0]) / m", style="m-e-mean-1d")
C(M, "W2[1,0]", N, "(A2[:, 0] - Y[:, 0]) @ A1[:, 1] / m", oracle="A1[:, 1] @ (A2[:, 0] - Y[:, 0]) / m", style="m-e-dot-1d")
C(M, "W2[1,0]", N, "(A2[:, 0] - Y[:, 0]) @ A1[:, 0] / m", "wrong-entry", oracle='A1[:, 0] @ (A2[:, 0] - Y[:, 0]) / m', style="m-e-wrong-column")
C(M, "W2[1,0]", N, "(A2[:, 0] - Y[:, 0]) @ A1[:, 1]", "scale-factor", oracle='A1[:, 1] @ (A2[:, 0] - Y[:, 0])', style="m-e-no-m")
C(M, "b1[0,1]", N, "np.mean((A2[:, 0] - Y[:, 0]) * W2[1, 0] * (Z1[:, 1] > 0))", oracle='np.mean((A2[:, 0] - Y[:, 0]) * W2[1, 0] * (Z1[:, 1] > 0))', style="m-e-b1")
C(M, "b1[0,1]", N, "np.mean((A2[:, 0] - Y[:, 0]) * W2[1, 0])", "missing-activation-derivative", oracle='np.mean((A2[:, 0] - Y[:, 0]) * W2[1, 0])', style="m-e-b1-no-mask", note="Z1[1,1] = 0.5 > 0 and Z1[0,1] = 0.7 > 0: the mask is 1 on both rows here, so the entry is right at the example but not in general")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "dW2 = A1.T @ (w * Y * (A2 - 1) + (1 - Y) * A2) / m", oracle="A1.T @ " + WDZ + " / m", style="w-rearranged")
C(MW, "W2", N, "dW2 = A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2))", "scale-factor", oracle="A1.T @ " + WDZ, style="w-no-m")
C(MW, "b2", N, "db2 = np.sum((A2 - Y) * (1 + 2 * Y)) / m", "weighted-loss-not-simplifiable", oracle="np.sum((A2 - Y) * (1 + 2 * Y), axis=0, keepdims=True) / m", style="w-binary-only-literal")
C(MW, "W2", L, r"\frac{1}{m} A^{[1]\top}\left[(A^{[2]} - Y) \odot (1 + (w-1)Y)\right]", "weighted-loss-not-simplifiable", oracle="A1.T @ ((A2 - Y) * (1 + (w - 1) * Y)) / m", style="w-binary-only-latex")
C(MW, "b2", N, "db2 = np.mean(A2 - w * Y + (w - 1) * Y * A2)", oracle="np.sum(" + WDZ + ", axis=0, keepdims=True) / m", style="w-expanded")
C(MW, "b2", N, "db2 = np.mean(A2 - Y)", "weighted-loss-not-simplifiable", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="w-unweighted")
C(MW, "b2[0,0]", V, "-0.3643", style="w-v-b2-4sf")
C(MW, "b2", V, "-0.364", style="w-v-b2-3sf")
C(MW, "b2", V, "-0.7287", "scale-factor", style="w-v-b2-before-m")
C(MW, "W2", V, "[[-0.4236], [-0.3069]]", style="w-v-W2-matrix")

# ================================================================ tiny-mlp
C(T, "W1", N, "dW1 = np.matmul(X.T, np.multiply((y_pred - y_target) * W2.T, h - h ** 2))", oracle=TW1, style="t-h-minus-h2")
C(T, "W1", N, "dW1 = np.matmul(X.T, np.multiply((y_pred - y_target) * W2.T, h ** 2 - h))", "sign", oracle="X.T @ ((y_pred - y_target) * W2.T * (h ** 2 - h))", style="t-h2-minus-h")
C(T, "W2", L, r"h^{\mathsf{T}} (y_{pred} - y_{target})", oracle=TW2, style="t-mathsf")
C(T, "W2", N, "dW2 = (y_pred - y_target) * h.T", oracle=TW2, style="t-scalar-times-column", note="(1,1) * (n_h,1): the right column")
C(T, "W2", N, "dW2 = (y_pred - y_target) * h", "shape-mismatch", oracle='(y_pred - y_target) * h', style="t-numerator-row", note="first labelled missing-transpose; corpus 5's convention (corrected after the first run)")
C(T, "W2", L, r"h_{raw}^{\mathsf{T}} (y_{pred} - y_{target})", "*", oracle='h_raw.T @ (y_pred - y_target)', style="t-pre-activation")
C(T, "W2[1,0]", V, "-0.1172", style="t-v-4sf")
C(T, "W2[1,0]", V, "−0.1172", style="t-v-unicode-minus")
C(T, "W2[1,0]", V, "$-1.17 \\times 10^{-1}$", style="t-v-latex-sci")
C(T, "W2[1,0]", V, "-0.1172 (4 s.f.)", style="t-v-sf-note")
C(T, "W2[1,0]", V, "-0.11718", style="t-v-5sf-off", note="0.63 units of the last digit off")
C(T, "W2[1,0]", V, "-0.2343", "scale-factor", style="t-v-double", note="the 1/2 of the loss dropped")
C(T, "W2[1,0]", V, "-0.1139", "wrong-entry", style="t-v-other-entry")
C(T, "v2", V, "约为 −0.117", lang=Z, style="t-v-zh-yuewei")
C(T, "W1", V, "[[-0.01367 -0.01635]\n [-0.002734 -0.00327 ]]", style="t-v-numpy-print")
C(T, "w21", L, r"(y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_2", style="t-e-latex-w21")
C(T, "w21", L, r"(y_{pred} - y_{target})\, v_2\, h_2 (1 - h_2)\, x_2", "wrong-entry", style="t-e-latex-w21-gets-w22")

# ================================================================ neuron
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x / n", "scale-factor", oracle=EW + " / n", style="n-extra-n")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle="2 * " + EW, style="n-factor-2")
C(E, "w", N, "dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="n-no-sigma-prime")
C(E, "w", V, "[[-0.0612, -0.0367, -0.0245]]", style="n-v-row")
C(E, "w", V, "[-0.0612 -0.0367 -0.0245]", style="n-v-numpy-print-1d")
C(E, "w[0,1]", V, "-0.03674", style="n-v-w01")
C(E, "w2", L, r"(O - t)\,O\,(1 - O)\,x_2", style="n-e-latex-w2")
C(E, "w2", L, r"(O - t)\,O\,(1 - O)\,x_1", "wrong-entry", style="n-e-latex-w2-gets-x1")

# ================================================================ chain
C(CH, "w", N, "dL_dw = 2 * (w * x + b) * x", oracle="2 * v * x", style="ch-expanded")
C(CH, "w", L, r"2(wx + b)\,x", oracle="2 * v * x", style="ch-latex-expanded")
C(CH, "w", N, "2 * (w * x + b)", "*", oracle="2 * v", style="ch-missing-x")
C(CH, "b", N, "db = 2 * v * x", "*", oracle="2 * v * x", style="ch-b-with-x")
C(CH, "x", V, "60", style="ch-v-x")
C(CH, "x", V, "30", "scale-factor", style="ch-v-x-half")
C(CH, "w", V, "2 × 10 × 2 = 40", style="ch-v-worked-product")
C(CH, "b", V, "-20", "sign", style="ch-v-b-sign")

# ================================================================ relu-mlp
C(R, "w1", N, "dh = 2 * (y_pred - y) @ w2.T * np.heaviside(h, 0)\ndw1 = x.T @ dh", oracle=RW1, style="r-heaviside-def")
C(R, "w1", N, "dw1 = x.T @ (2 * (y_pred - y) @ w2.T * np.clip(np.sign(h), 0, 1))", oracle=RW1, style="r-clip-sign")
C(R, "w1", N, "dw1 = x.T @ (2 * (y_pred - y) @ w2.T)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-no-mask")
C(R, "w2", N, "dw2 = h_relu.T @ (y_pred - y) * 2", oracle=RW2, style="r-times-2-after")
C(R, "w2", N, "dw2 = h_relu.T @ (y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-no-2")
C(R, "w2", N, "dw2 = 2 * h.T @ (y_pred - y)", "*", oracle="2 * h.T @ (y_pred - y)", style="r-pre-relu")
C(R, "w2", V, "[[-0.748, -2.511], [-0.219, -0.480], [-0.804, -2.036]]", style="r-v-matrix")
C(R, "w1[2,1]", V, "0", style="r-v-exact-zero", note="x[:, 2] is 0 on the one row where h[:, 1] > 0: exactly 0")
C(R, "w2[1,0]", N, "2 * h_relu[:, 1] @ (y_pred[:, 0] - y[:, 0])", oracle='2 * h_relu[:, 1] @ (y_pred[:, 0] - y[:, 0])', style="r-e-dot")
C(R, "w2[1,0]", N, "h_relu[:, 1] @ (y_pred[:, 0] - y[:, 0])", "scale-factor", oracle='h_relu[:, 1] @ (y_pred[:, 0] - y[:, 0])', style="r-e-no-2")
C(R, "w2[1,0]", N, "2 * h_relu[:, 0] @ (y_pred[:, 1] - y[:, 1])", "wrong-entry", oracle='2 * h_relu[:, 0] @ (y_pred[:, 1] - y[:, 1])', style="r-e-w2-01")

# ================================================================ the four newer built-ins
C(S, "W", N, "dW = X.T @ (P - Y) / Y.shape[0]", oracle=SW, style="s-Y-shape-0")
C(S, "W", N, "dZ = P.copy()\ndZ -= Y\ndW = X.T @ dZ / m", oracle=SW, style="s-copy-minus-equals")
C(S, "W", N, "dW = X.T @ (P - Y) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-wrong-size-k")
C(S, "W", L, r"\nabla_W L = \tfrac{1}{m} X^{\mathsf T} (P - Y)", oracle=SW, style="s-mathsf-no-braces")
C(S, "b", V, "[[-0.0735, 0.3709, -0.2975]]", style="s-v-b-row")
C(S, "W[0,0]", V, "1.1697", "scale-factor", style="s-v-before-m")
C(S, "W[1,2]", N, "X[:, 1] @ (P[:, 2] - Y[:, 2]) / m", oracle='X[:, 1] @ (P[:, 2] - Y[:, 2]) / m', style="s-e-dot")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * n), axis=0)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="b-beta-1d")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / m, axis=0)", "scale-factor", oracle="np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", style="b-beta-m-only")
C(B, "gamma", N, "dY = 2 * (Y - T) / Y.size\ndgamma = (dY * Z_hat).sum(axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="b-gamma-Y-size")
C(B, "gamma", N, "dY = 2 * (Y - T) / Y.size\ndgamma = (dY * Z_hat).sum(axis=1, keepdims=True)", "wrong-sum-axis", oracle='np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=1, keepdims=True)', style="b-gamma-axis1")
C(B, "beta[0,1]", V, "-8/15", style="b-v-fraction")
C(B, "gamma[0,0]", V, "0.727", style="b-v-gamma")
_RD = "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h.T * (1 - h_1 ** 2)\n"
_RB = "np.sum((h_2 - y) * (1 - h_2 ** 2) + ((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T * (1 - h_1 ** 2), axis=0, keepdims=True)"
C(R2, "b", N, _RD + "db = np.sum(dz1 + dz2, axis=0, keepdims=True)", oracle=_RB, style="rnn-b-both-steps")
C(R2, "b", N, _RD + "db = np.sum(dz2, axis=0, keepdims=True)", "missing-path", oracle="np.sum((h_2 - y) * (1 - h_2 ** 2), axis=0, keepdims=True)", style="rnn-b-last-step")
C(R2, "W_h", N, _RD + "dW_h = h_0.T @ dz1 + h_1.T @ dz2", oracle="h_0.T @ (((h_2 - y) * (1 - h_2 ** 2)) @ W_h.T * (1 - h_1 ** 2)) + h_1.T @ ((h_2 - y) * (1 - h_2 ** 2))", style="rnn-W_h")
C(R2, "W_x[1,1]", V, "0.512", style="rnn-v")
C(A, "W_v", N, "dO = 2 * (O - T) / O.size\ndV = A.T @ dO\ndW_v = X.T @ dV", oracle="X.T @ (A.T @ (2 * (O - T) / (n * d)))", style="a-W_v")
C(A, "W_v", N, "dO = 2 * (O - T) / O.size\ndW_v = X.T @ (A @ dO)", "*", oracle="X.T @ (A @ (2 * (O - T) / (n * d)))", style="a-W_v-A-not-transposed")
C(A, "W_q[1,1]", V, "-0.0510", style="a-v-W_q")
C(A, "W_q[1,1]", V, "0.0510", "sign", style="a-v-W_q-sign")

# ================================================================ a lecturer's networks
# Andrew Ng course 1 week 3, column-major, tanh hidden layer (m = 3, n_x = 2, n_h = 4)
NGW1 = "np.dot(np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2)), X.T) / m"
C(NG, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.multiply(W2.T @ dZ2, 1 - A1 ** 2)\ndW1 = dZ1 @ X.T / X.shape[1]", oracle=NGW1, style="ng-shape-1")
C(NG, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.multiply(W2.T @ dZ2, 1 - A1 ** 2)\ndW1 = dZ1 @ X.T / X.shape[0]", "scale-factor", oracle="np.dot(np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2)), X.T) / n_x", style="ng-shape-0")
C(NG, "W1", N, "dZ1 = np.dot(W2.T, A2 - Y) * (1 - A1)\ndW1 = np.dot(dZ1, X.T) / m", "wrong-activation-derivative", oracle="np.dot(np.dot(W2.T, A2 - Y) * (1 - A1), X.T) / m", style="ng-1-minus-A1")
C(NG, "W1", N, "dZ1 = np.dot(W2.T, A2 - Y) * A1 * (1 - A1)\ndW1 = np.dot(dZ1, X.T) / m", "wrong-activation-derivative", oracle="np.dot(np.dot(W2.T, A2 - Y) * A1 * (1 - A1), X.T) / m", style="ng-sigmoid-prime-for-tanh")
C(NG, "W1", N, "dZ1 = np.dot(W2.T, A2 - Y) * (1 - np.tanh(Z1) ** 2)\ndW1 = np.dot(dZ1, X.T) / m", oracle=NGW1, style="ng-tanh-of-Z1")
_NGD = "dZ1 = np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2))\n"
C(NG, "b1", N, _NGD + "db1 = np.sum(dZ1, axis=1, keepdims=True) / m", oracle="np.sum(np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2)), axis=1, keepdims=True) / m", style="ng-b1")
C(NG, "b1", N, _NGD + "db1 = np.sum(dZ1, axis=0, keepdims=True) / m", "wrong-sum-axis", oracle="np.sum(np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2)), axis=0, keepdims=True) / m", style="ng-b1-axis0")
C(NG, "b2", N, "db2 = (A2 - Y).sum(axis=1, keepdims=True) / m", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="ng-b2-method")
C(NG, "W2", L, r"dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \quad dZ^{[2]} = A^{[2]} - Y", oracle="(A2 - Y) @ A1.T / m", style="ng-latex-def-after")
C(NG, "W2", L, r"\frac{1}{m} A^{[1]T}(A^{[2]} - Y)", "shape-mismatch", style="ng-latex-row-major-habit")
C(NG, "W2", N, "dW2 = (A2 - Y) @ A1.T / m", oracle="(A2 - Y) @ A1.T / m", style="ng-W2")
C(NG, "W2", N, "dW2 = A1 @ (A2 - Y).T / m", "shape-mismatch", style="ng-W2-transposed", note="first labelled missing-transpose; corpus 5's convention (corrected after the first run); spelled_oracle reshapes a vector of the right size: no oracle")
# logistic regression, column-major (n_x = 3, m = 4)
C(LR, "w", N, "dw = np.dot(X, (A - Y).T) / m", oracle="np.dot(X, (A - Y).T) / m", style="lr-w")
C(LR, "w", N, "m = X.shape[1]\ndw = (1 / m) * np.dot(X, (A - Y).T)", oracle="np.dot(X, (A - Y).T) / m", style="lr-m-shape-1")
C(LR, "w", N, "m = X.shape[0]\ndw = (1 / m) * np.dot(X, (A - Y).T)", "scale-factor", oracle="np.dot(X, (A - Y).T) / n_x", style="lr-m-shape-0")
C(LR, "w", N, "dw = np.dot(X, (Y - A).T) / m", "sign", oracle="np.dot(X, (Y - A).T) / m", style="lr-sign")
C(LR, "b", N, "db = np.mean(A - Y)", oracle="np.sum(A - Y) / m", style="lr-b-mean")
C(LR, "b", N, "db = np.sum(A - Y)", "scale-factor", oracle="np.sum(A - Y)", style="lr-b-no-m")
C(LR, "w", L, r"\frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^{\mathsf{T}}", oracle="np.dot(X, (A - Y).T) / m", style="lr-latex-mathsf")
# CS231n two_layer_net (N = 3, D = 4, H = 5, C = 3, reg = 0.05)
_CSP = "probs = np.exp(log_probs)\ndscores = probs - y\n"
CSW2 = "hidden.T @ ((np.exp(log_probs) - y) / N) + reg * W2"
C(CS2, "W2", N, _CSP + "dscores /= N\ndW2 = hidden.T.dot(dscores) + reg * W2", oracle=CSW2, style="cs-divide-equals")
C(CS2, "W2", N, _CSP + "dscores /= N\ndW2 = hidden.T.dot(dscores)", "missing-loss-term", oracle="hidden.T @ ((np.exp(log_probs) - y) / N)", style="cs-no-reg")
C(CS2, "W2", N, _CSP + "dscores /= N\ndW2 = hidden.T.dot(dscores) + 2 * reg * W2", "loss-term-factor", oracle="hidden.T @ ((np.exp(log_probs) - y) / N) + 2 * reg * W2", style="cs-reg-times-2")
C(CS2, "W2", N, _CSP + "dscores /= D\ndW2 = hidden.T.dot(dscores) + reg * W2", "scale-factor", oracle="hidden.T @ ((np.exp(log_probs) - y) / D) + reg * W2", style="cs-wrong-size-D")
C(CS2, "b2", N, _CSP + "dscores /= X.shape[0]\ndb2 = np.sum(dscores, axis=0, keepdims=True)", oracle="np.sum(np.exp(log_probs) - y, axis=0, keepdims=True) / N", style="cs-b2-shape-0")
_CSH = _CSP + "dscores /= N\ndhidden = dscores.dot(W2.T)\n"
CSW1 = "X.T @ (((np.exp(log_probs) - y) / N) @ W2.T * (hidden > 0)) + reg * W1"
C(CS2, "W1", N, _CSH + "dhidden[hidden <= 0] = 0\ndW1 = X.T.dot(dhidden) + reg * W1", oracle=CSW1, style="cs-W1-mask")
C(CS2, "W1", N, _CSH + "dW1 = X.T.dot(dhidden) + reg * W1", "missing-activation-derivative", oracle="X.T @ (((np.exp(log_probs) - y) / N) @ W2.T) + reg * W1", style="cs-W1-no-mask")
# d2l softmax regression from scratch (batch = 4, num_inputs = 5, num_outputs = 3)
C(DS, "W", N, "dW = X.T @ (y_hat - y) / len(y)", oracle="X.T @ (y_hat - y) / batch", style="ds-len-y")
C(DS, "W", N, "torch.matmul(X.T, y_hat - y) / X.shape[0]", oracle="X.T @ (y_hat - y) / batch", style="ds-torch-matmul")
C(DS, "W", N, "X.T @ (y_hat - y) / num_outputs", "scale-factor", oracle="X.T @ (y_hat - y) / num_outputs", style="ds-wrong-size")
C(DS, "W", N, "X.T @ (y_hat - y)", "scale-factor", oracle="X.T @ (y_hat - y)", style="ds-no-batch")
C(DS, "b", N, "(y_hat - y).mean(0, keepdim=True)", oracle="np.sum(y_hat - y, axis=0, keepdims=True) / batch", style="ds-b-mean-keepdim")
C(DS, "b", N, "(y_hat - y).sum(0)", "scale-factor", oracle="np.sum(y_hat - y, axis=0, keepdims=True)", style="ds-b-sum-no-batch")
# 李宏毅 regression with λΣw² (y is the prediction, y_hat the target; lam = 0.1)
C(LH, "w", N, "-2 * x.T @ (y_hat - y) + 2 * lam * w", oracle="-2 * x.T @ (y_hat - y) + 2 * lam * w", style="lh-w")
C(LH, "w", N, "2 * x.T @ (y - y_hat) + 2 * lam * w", oracle="-2 * x.T @ (y_hat - y) + 2 * lam * w", style="lh-w-flipped")
C(LH, "w", N, "-2 * x.T @ (y_hat - y)", "missing-loss-term", oracle="-2 * x.T @ (y_hat - y)", style="lh-w-no-reg")
C(LH, "w", N, "-2 * x.T @ (y_hat - y) + lam * w", "loss-term-factor", oracle="-2 * x.T @ (y_hat - y) + lam * w", style="lh-w-reg-no-2")
C(LH, "w", N, "2 * x.T @ (y_hat - y) + 2 * lam * w", "*", oracle="2 * x.T @ (y_hat - y) + 2 * lam * w", style="lh-w-data-sign")
C(LH, "b", N, "-2 * np.sum(y_hat - y)", oracle="-2 * np.sum(y_hat - y)", style="lh-b")

# ---- more on the six older built-ins (still round a, written before any run)
C(T, "W1", L, r"\text{By the chain rule, } \frac{\partial L}{\partial W_1} = X^{\top}\left(\delta_{y}\, W_2^{\top} \odot h \odot (1-h)\right), \ \delta_y = y_{pred} - y_{target}", oracle=TW1, style="t-text-lead-def-after")
C(T, "W2", V, "[[-0.114], [-0.117]]", style="t-v-W2-3sf")
C(M, "W1", N, "dZ2 = (A2 - Y) / m\ndA1 = dZ2 @ W2.T\ndZ1 = dA1 * (Z1 > 0).astype(np.float64)\ndW1 = X.T @ dZ1", oracle=W1R, style="m-astype-float64")
C(M, "W1", N, "dZ2 = (A2 - Y) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X @ dZ1", "missing-transpose", oracle="X @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="m-X-not-transposed")
C(M, "b1", N, "dZ2 = (A2 - Y) / m\ndb1 = dZ2 @ W2.T * (Z1 > 0)", "bias-not-summed", style="m-b1-not-summed")
C(MW, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndW1 = X.T @ (dZ2 @ W2.T * (Z1 > 0))", oracle="X.T @ (" + WDZ + " @ W2.T * (Z1 > 0)) / m", style="w-W1")
C(MW, "W1", N, "dZ2 = (A2 - Y) / m\ndW1 = X.T @ (dZ2 @ W2.T * (Z1 > 0))", "weighted-loss-not-simplifiable", oracle=W1R, style="w-W1-unweighted")
C(R, "w1", L, r"x^{\mathsf{T}}\left(2(y_{pred} - y)\, w_2^{\mathsf{T}} \odot \mathbb{1}[h > 0]\right)", oracle=RW1, style="r-latex-iverson-mathsf")
C(R, "w1", L, r"x^{\mathsf{T}}\left(2(y_{pred} - y)\, w_2^{\mathsf{T}} \odot \mathbb{1}[h_{relu} > 0]\right)", oracle=RW1, style="r-latex-mask-of-h-relu")
C(R, "w1", L, r"x^{\mathsf{T}}\left(2(y_{pred} - y)\, w_2^{\mathsf{T}}\right)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-latex-no-mask")
C(CH, "x", L, r"2w(wx + b)", oracle="2 * w * v", style="ch-x-expanded")
C(E, "w", L, r"\nabla_{w} \mathcal{L} = (O - t)\, O \odot (1 - O)\, x", oracle=EW, style="n-mathcal-odot")
C(E, "x", N, "dx = (O - t) * O * (1 - O) * w", oracle="(O - t) * O * (1 - O) * w", style="n-x")
C(E, "x", N, "dx = (O - t) * O * (1 - O) * x", "*", oracle="(O - t) * O * (1 - O) * x", style="n-x-gets-x")

# ================================================================ unreadable: must be refused (exit 2)
C(M, "W2", N, "dW2 = A1.T @ dZ2 / m", "scale-factor", style="x-undefined-name", note="first written as a refusal (dZ2 undefined); but the checker's documented convention reads dX as ∂L/∂X (the 'Known: …; dX for ∂L/∂X' of every message), which holds the 1/m already: an extra 1/m (corrected after the first run)")
C(M, "W2", N, "dW2 = A1' * (A2 - Y) / m", oracle=W2R, style="x-octave-quote", note="first written as a refusal; Octave's ' transpose is read by design (textbox.py, Ng's ML course), and this is the right product (corrected after the first run)")
C(M, "W2", N, "dW2 = jax.grad(loss_fn)(W2)", REFUSE, style="x-jax-grad")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = ?", REFUSE, style="x-question-mark")
C(M, "W2", N, "dW2 = __import__('numpy').dot(A1.T, A2 - Y) / m", REFUSE, style="x-dunder-import")
C(E, "w", N, "dw = sympy.diff(L, w)", REFUSE, style="x-sympy-diff")
C(M, "W2", N, "dW2 = np.cumsum(A1.T @ (A2 - Y), axis=0) / m", "*", oracle="np.cumsum(A1.T @ (A2 - Y), axis=0) / m", style="x-unsupported-cumsum", note="first written as a refusal (np.cumsum was not read); since heldcheck26 a running sum is read, and this is a wrong answer: the gradient's rows summed cumulatively")
C(T, "W2", V, "about minus a tenth", REFUSE, style="x-value-words")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[3]}} = \frac{1}{m} A^{[2]\top}(A^{[3]} - Y)", REFUSE, style="x-no-such-layer")

# ================================================================ round b: written after round a's fixes, before running them
_round = "b"
C(M, "W2", L, r"\text{Thus, } \frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y).", oracle=W2R, style="b-text-thus")
C(M, "W1", L, r"\delta^{[2]} = A^{[2]} - Y \implies \frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left(\delta^{[2]} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right)", oracle=W1R, style="b-implies")
C(M, "W1", L, r"\delta^{[2]} = A^{[2]} - Y \Longrightarrow \frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left(\delta^{[2]} W^{[2]\top}\right)", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="b-longrightarrow-no-mask")
C(S, "W", N, "Applying the chain rule, we get dW = X.T @ (P - Y) / m", oracle=SW, style="b-applying-we-get")
C(S, "W", N, "Using the chain rule: dW = X.T @ (P - Y)", "scale-factor", oracle="X.T @ (P - Y)", style="b-using-colon-no-m")
C(E, "w", L, r"利用链式法则可得：$\frac{\partial L}{\partial w} = (O - t)O(1 - O)x$", lang=Z, oracle=EW, style="b-zh-liyong-kede")
C(E, "w", L, r"由反向传播得 $\frac{\partial L}{\partial w} = (O - t)x$", "missing-activation-derivative", lang=Z, oracle="(O - t) * x", style="b-zh-fanxiang-no-sigma-prime")
C(T, "W2", L, r"\because \delta = y_{pred} - y_{target} \quad \therefore \nabla_{W_2} L = h^{\top}\delta", oracle=TW2, style="b-bare-delta", note="first labelled '*' (wrong, any code) by a slip: h^T δ with δ = y_pred - y_target IS ∂L/∂W2 (PyTorch agrees); corrected after the first run of round b")
C(S, "W", L, r"\mathrm{d}\mathcal{L} = \mathrm{Tr}\left[\frac{1}{m}(P - Y)^{\top} X \, \mathrm{d}W\right]", oracle=SW, style="b-diff-Tr-brackets-mathcal")
C(S, "W", L, r"dL = \operatorname{tr}\left(\frac{1}{m}(P - Y)^{\top} X \, dW\right) \Rightarrow \frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}(P - Y)", oracle=SW, style="b-diff-then-gradient")
C(E, "w", L, r"dL = \operatorname{tr}\left((O - t)\,O(1 - O)\, x \, dw^{\top}\right)", oracle=EW, style="b-diff-neuron-dw-T-last", note="tr(G dwᵀ) = tr(dwᵀ G): states G, but the differential is transposed last")
C(R, "w2", L, r"dL = \operatorname{tr}\left(2(y_{pred} - y)^{\top} h_{relu}\, dw_2\right)", oracle=RW2, style="b-diff-relu")
C(T, "W1", N, "delta = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\ndW1 = X[0, :].T * delta", "shape-mismatch", style="b-slice-row-T")
C(T, "W1", N, "delta = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\ndW1 = X[0][np.newaxis].T * delta", oracle=TW1, style="b-slice-newaxis-T", note="X[0][np.newaxis] is 1 x n (2-D): its .T is a column, so this IS the outer product. First labelled '*' (wrong) by a slip, the note already saying right; corrected after the first run of round b")
C(T, "W1", N, "delta = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\ndW1 = X[0].T.dot(delta)", "shape-mismatch", style="b-slice-dot-scalar", note="1-D · 1-D: a number")
C(T, "W1", N, "delta = (y_pred - y_target) * W2[:, 0] * h[0] * (1 - h[0])\ndW1 = X[0].reshape(1, -1).T * delta", oracle=TW1, style="b-slice-reshape-row-T")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y)[:, 0] / m", "*", style="b-1d-result-for-column", note="(n_h,) 1-D for the (n_h, 1) gradient: W2 -= lr * dW2 would broadcast to n_h x n_h")
C(R, "w2[0,1]", N, "2 * h_relu[:, 0].T @ (y_pred[:, 1] - y[:, 1])", oracle="2 * h_relu[:, 0] @ (y_pred[:, 1] - y[:, 1])", style="b-e-T-dot")
C(R, "w2[0,1]", N, "2 * np.dot(h_relu[:, 0], y_pred[:, 1] - y[:, 1])", oracle="2 * h_relu[:, 0] @ (y_pred[:, 1] - y[:, 1])", style="b-e-np-dot")
C(S, "b[0,2]", N, "np.ones(m) @ (P[:, 2] - Y[:, 2]) / m", oracle="np.sum(P[:, 2] - Y[:, 2]) / m", style="b-e-ones-dot", note="np.ones(m) is 1-D too: the sum of the column")
C(M, "b1[0,0]", N, "(A2[:, 0] - Y[:, 0]) @ (W2[0, 0] * (Z1[:, 0] > 0)) / m", oracle="np.mean((A2[:, 0] - Y[:, 0]) * W2[0, 0] * (Z1[:, 0] > 0))", style="b-e-dot-mask")
C(NG, "W1", N, "m = Y.shape[1]\ndZ1 = W2.T @ (A2 - Y) * (1 - A1 ** 2)\ndW1 = dZ1 @ X.T / m", oracle=NGW1, style="b-ng-m-from-Y")
C(NG, "W1", N, "m = len(X)\ndZ1 = W2.T @ (A2 - Y) * (1 - A1 ** 2)\ndW1 = dZ1 @ X.T / m", "scale-factor", oracle="np.dot(np.dot(W2.T, A2 - Y) * (1 - np.power(A1, 2)), X.T) / n_x", style="b-ng-len-X", note="len(X) is X.shape[0] = n_x for column-major X")
C(LR, "w", N, "dw = X @ (A - Y).T / Y.size", oracle="np.dot(X, (A - Y).T) / m", style="b-lr-Y-size")
C(MW, "b2", V, "−0.36", style="b-w-v-2sf-unicode")
C(CH, "w", V, "$40$", style="b-ch-v-dollars")
C(R, "w1[2,1]", V, "0.0", style="b-r-v-exact-zero-decimal")
C(T, "W2[0,0]", V, "$-1.139 \\times 10^{-1}$", style="b-t-v-latex-sci-4sf")
C(T, "W2[0,0]", V, "-2.278e-1", "scale-factor", style="b-t-v-sci-double")

def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c17-000, … as written; cases that happen to repeat corpus 2-16 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus17", "c17", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
