"""The held-out-style corpus of issue 11, fifth round: right and wrong derivations over the ten
built-ins written in styles that corpus 2, 3 and 4 do NOT cover: whole multi-line solution cells
from assignments (Ng's `dZ2 = A2 - Y; dW2 = 1/m * np.dot(...)` with `keepdims=True`, CS231n's
`dscores /= m`, `dhidden[A1 <= 0] = 0`, `grads['W2'] = ...`), helpers defined in the same cell
(`def sigmoid(z): ...`, `def relu_backward(dA, Z): ...`, lambdas), `np.multiply` / `np.divide` /
`np.subtract` / `np.matmul` / `np.transpose` / `np.square` / `np.power`, typed answers with `:=`,
ASCII pseudo-maths from forum posts (`dL/dW2 = A1^T * (A2-Y) / m`, `relu'(Z1)`), LaTeX matrix
calculus (`\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}^{[2]}}`, `\\nabla_{\\mathbf{w}}`,
`^{\\mathsf T}`, `\\circ`, `\\otimes` misused for ⊙, `\\sigma'(z)`, `\\text{sech}^2`,
`\\mathbb{I}(z>0)`, `\\mathbf{1}_{z>0}`, `\\max(0, z)'`, `\\hat{\\mathbf{y}}`), Leibniz chains
with `\\cdot` between factors, the 西瓜书's E for the loss, Unicode-only answers, hand numbers
with a decimal comma or a leading point, matrices of hand numbers for a whole gradient,
element-wise answers in label names, and wrong answers for each classic mistake.

Same format as tests/corpus4.py. Expectations were written before the checker was run on any of
them (bench/RESULTS.md: the first measurement); where the checker was right and the expectation
wrong, the case was fixed and says so in ``note``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus2  # noqa: E402
import corpus3  # noqa: E402
import corpus4  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
_NOT_NUMPY = (
    "torch", ".t()", ".mm(", "#", "∂", "ᵀ", "^", ":=", "'", "dL/d", "dE/d", "def ", "lambda",
    "grads[", "[", "·", "σ", "δ", "⊙",
)


def C(net, wrt, kind, text, code=None, oracle="", style="", note=""):  # noqa: N802
    if (
        oracle == ""
        and kind == N
        and "\n" not in text
        and ";" not in text
        and "[" not in wrt
        and not any(s in text for s in _NOT_NUMPY)
        and text.isascii()
    ):
        oracle = text
    _rows.append(
        dict(
            net=net,
            wrt=wrt,
            kind=kind,
            text=text,
            verdict="correct" if code is None else "incorrect",
            code=code,
            oracle=oracle or None,
            style=style,
            note=note,
            round=_round,
        )
    )


SIG = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
SIGP = SIG + "def sigmoid_prime(z):\n    return sigmoid(z) * (1 - sigmoid(z))\n"
RELUB = "def relu_backward(dA, Z):\n    dZ = np.array(dA, copy=True)\n    dZ[Z <= 0] = 0\n    return dZ\n"

# ================================================================ mlp-bce
M = "mlp-bce"
W2R = "A1.T @ (A2 - Y) / m"
W1R = "X.T @ ((A2 - Y) / m @ W2.T * (Z1 > 0))"
# Ng-style solution cells, batch-first
C(M, "W2", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndW2 = 1/m * np.dot(A1.T, dZ2)", oracle=W2R, style="ng-cell")
C(M, "b2", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndb2 = 1/m * np.sum(dZ2, axis=0, keepdims=True)", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="ng-cell")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.multiply(np.dot(dZ2, W2.T), np.int64(A1 > 0))\ndW1 = 1/m * np.dot(X.T, dZ1)", oracle=W1R, style="ng-cell")
C(M, "b1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (A1 > 0)\ndb1 = 1./m * np.sum(dZ1, axis=0, keepdims=True)", oracle="np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m", style="ng-cell")
C(M, "W2", N, "m = X.shape[0]\ndZ2 = A2 - Y\ndW2 = np.dot(A1.T, dZ2)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="ng-cell-missing-m")
C(M, "W2", N, "dW2 = 1/m * np.dot(A1.T, dZ2)", "scale-factor", oracle="A1.T @ dZ2 / m", style="ng-doubled-m", note="dZ2 is ∂L/∂Z2, already averaged")
C(M, "W2", N, "dW2 = 1/m * np.dot(dZ2, A1.T)", "*", oracle="dZ2 @ A1.T / m", style="ng-column-major")
C(M, "b1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (A1 > 0)\ndb1 = np.sum(dZ1, axis=1, keepdims=True) / m", "*", oracle="np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=1, keepdims=True) / m", style="ng-column-axis")
C(M, "Z1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (1 - np.power(A1, 2))", "*", oracle="(A2 - Y) @ W2.T * (1 - A1 ** 2)", style="ng-tanh-copied")
# CS231n-style cells
C(M, "W2", N, "dscores = A2 - Y\ndscores /= m\ndW2 = np.dot(A1.T, dscores)", oracle=W2R, style="cs231n")
C(M, "W1", N, "dscores = (A2 - Y) / m\ndhidden = np.dot(dscores, W2.T)\ndhidden[A1 <= 0] = 0\ndW1 = np.dot(X.T, dhidden)", oracle=W1R, style="cs231n-mask")
C(M, "W1", N, "dscores = (A2 - Y) / m\ndhidden = np.dot(dscores, W2.T)\ndhidden[dhidden <= 0] = 0\ndW1 = np.dot(X.T, dhidden)", "*", oracle="X.T @ np.maximum((A2 - Y) / m @ W2.T, 0)", style="cs231n-mask-wrong-tensor")
C(M, "W2", N, "dscores = (A2 - Y) / m\ngrads = {}\ngrads['W2'] = A1.T.dot(dscores)", oracle=W2R, style="cs231n-dict")
C(M, "b2", N, "dscores = (A2 - Y) / m\ngrads['b2'] = np.sum(dscores, axis=0)", oracle="np.sum(A2 - Y, axis=0) / m", style="cs231n-dict")
C(M, "b2", N, 'dscores = A2 - Y\ngrads["b2"] = np.sum(dscores, axis=0)', "scale-factor", oracle="np.sum(A2 - Y, axis=0)", style="cs231n-dict")
C(M, "Z1", N, "dhidden = dZ2.dot(W2.T)\ndhidden[Z1 < 0] = 0\ndZ1 = dhidden", "relu-at-zero", oracle=None, style="cs231n-mask", note="first labelled right (Z1 = 0 has measure zero); corpus 3's convention, PyTorch's relu'(0) = 0, makes a non-strict mask relu-at-zero")
# NumPy function spellings
C(M, "W2", N, "np.matmul(np.transpose(A1), np.subtract(A2, Y)) / m", style="np-funcs")
C(M, "W2", N, "np.divide(A1.transpose() @ (A2 - Y), m)", oracle=W2R, style="np-funcs")
C(M, "W2", N, "np.divide(np.dot(A1.T, np.subtract(Y, A2)), m)", "sign", style="np-funcs")
C(M, "W2", N, "np.dot(X.T, dZ2)", "wrong-layer", style="wrong-layer")
C(M, "W2", N, "np.dot(A1, dZ2)", "*", style="missing-transpose")
C(M, "Z1", N, "np.multiply(dZ2 @ W2.T, np.greater(Z1, 0))", style="np-funcs")
C(M, "Z1", N, "np.multiply(dZ2 @ W2.T, (X > 0))", "*", oracle="dZ2 @ W2.T * (X > 0)", style="mask-wrong-tensor")
C(M, "b2", N, "np.sum(A2 - Y)", "scale-factor", style="sum-not-mean")
C(M, "b2", N, "np.sum(A2 - Y) / m", style="np-funcs")
# helpers defined in the cell
C(M, "Z1", N, SIGP + "dZ1 = np.dot(dZ2, W2.T) * sigmoid_prime(Z1)", "wrong-activation-derivative", oracle="dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))", style="def-helper")
C(M, "Z1", N, RELUB + "dZ1 = relu_backward(np.dot(dZ2, W2.T), Z1)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="def-helper")
C(M, "Z1", N, "relu_backward = lambda dA, Z: dA * (Z > 0)\ndZ1 = relu_backward(dZ2 @ W2.T, Z1)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="lambda-helper")
C(M, "Z1", N, "drelu = lambda z: (z > 0).astype(float)\ndZ1 = (dZ2 @ W2.T) * drelu(Z1)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="lambda-helper")
C(M, "Z1", N, "drelu = lambda z: (z > 0).astype(float)\ndZ1 = (dZ2 @ W2.T) * drelu(Z2)", "*", oracle="dZ2 @ W2.T * (Z2 > 0)", style="lambda-helper-wrong-layer")
C(M, "W2", N, "dW2 := A1.T @ dZ2", oracle="A1.T @ dZ2", style="walrus")
# ASCII pseudo-maths from forum posts
C(M, "W2", N, "dL/dW2 = A1^T * (A2-Y) / m", oracle=W2R, style="ascii-math")
C(M, "Z1", N, "dZ1 = dZ2 @ W2^T * relu'(Z1)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="ascii-math")
C(M, "Z1", N, "dZ1 = dZ2 @ W2^T * sigmoid'(Z1)", "wrong-activation-derivative", oracle="dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))", style="ascii-math")
C(M, "b2", N, "dL/db2 = sum(A2 - Y) / m", oracle="np.sum(A2 - Y) / m", style="ascii-math")
# Unicode
C(M, "W2", N, "∂L/∂W2 = (1/m)·A1ᵀ(σ(Z2) − Y)", oracle=W2R, style="unicode")
C(M, "Z1", N, "∂L/∂Z₁ = (δ₂W₂ᵀ) ⊙ 𝟙(Z₁ > 0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="unicode")
# LaTeX matrix calculus
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{[2]}} = \frac{1}{m}\mathbf{A}^{[1]\mathsf{T}}(\hat{\mathbf{Y}} - \mathbf{Y})", oracle=W2R, style="latex-mathcal")
C(M, "W2", L, r"\nabla_{\mathbf{W}^{[2]}}\mathcal{L} = (\mathbf{A}^{[1]})^{\mathsf T} \boldsymbol{\delta}^{[2]}", oracle="A1.T @ dZ2", style="latex-nabla-bold")
C(M, "W2", L, r"\mathrm{d}\mathbf{W}^{[2]} = \frac{1}{m}\sum_{i=1}^{m} \mathbf{a}^{[1](i)\top}(\hat{y}^{(i)} - y^{(i)})", oracle=W2R, style="latex-per-example")
C(M, "Z1", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{Z}^{[1]}} = \left(\boldsymbol{\delta}^{[2]} \mathbf{W}^{[2]\mathsf{T}}\right) \circ \mathbf{1}_{\mathbf{Z}^{[1]}>0}", oracle="dZ2 @ W2.T * (Z1 > 0)", style="latex-indicator-sub")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \otimes \mathbb{I}(Z^{[1]}>0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="latex-otimes")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]T} \circ \sigma'(Z^{[1]})", "wrong-activation-derivative", oracle="dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))", style="latex-sigma-prime")
C(M, "Z1", L, r"\delta^{[2]} (W^{[2]})^{T} \circ \max(0, Z^{[1]})'", oracle="dZ2 @ W2.T * (Z1 > 0)", style="latex-max-prime")
C(M, "W2", L, r"\frac{1}{m^2} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y) / m ** 2", style="latex-doubled-m")
C(M, "W2", L, r"\frac{1}{m} A^{[1]} (A^{[2]} - Y)^{\top}", "*", oracle=None, style="latex-transposed")
C(M, "b2", L, r"\frac{1}{m}\sum_{i=1}^{m}(\hat{y}_i - y_i)", oracle="np.sum(A2 - Y) / m", style="latex-sum-limits")
C(M, "b2", L, r"\sum_{i=1}^{m}(\hat{y}_i - y_i)", "scale-factor", oracle="np.sum(A2 - Y)", style="latex-sum-limits")
C(M, "Z2", L, r"\frac{\partial L}{\partial A^{[2]}} \cdot \frac{\partial A^{[2]}}{\partial Z^{[2]}}", oracle="dA2 * A2 * (1 - A2)", style="leibniz-cdot")
C(M, "A1", L, r"\delta^{[2]} \cdot \frac{\partial Z^{[2]}}{\partial A^{[1]}}", oracle="dZ2 @ W2.T", style="leibniz-delta")
C(M, "W1", L, r"\frac{1}{m} X^{\mathsf T}\left[(A^{[2]} - Y) W^{[2]\mathsf T} \circ \mathbb{I}(Z^{[1]} > 0)\right]", oracle=W1R, style="latex")
C(M, "W1", L, r"\frac{1}{m} X^{\mathsf T}\left[(A^{[2]} - Y) W^{[2]\mathsf T}\right]", "*", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="latex-no-mask")
# hand numbers
C(M, "W2[0,0]", V, "-0,1763", style="hand-comma")
C(M, "W2[0,0]", V, "-1,763e-1", style="hand-comma")
C(M, "W2", V, "[[-0.1763], [-0.008985]]", style="hand-matrix")
C(M, "W1", V, "[[-0.0979, 0.1356], [-0.1959, 0.0791]]", style="hand-matrix")
C(M, "W1", V, "[[-0.0979, -0.1959], [0.1356, 0.0791]]", "*", style="hand-matrix-transposed")
C(M, "W1", V, "[[-0.0979, 0.1356], [-0.1959, 0.0971]]", "*", style="hand-matrix-one-slip")
C(M, "b2", V, ".0604", style="hand-leading-point")
C(M, "b2", V, "-.0604", "sign", style="hand-leading-point")
C(M, "b2", V, "≈6.04e-2", style="hand")
C(M, "b2", V, "0.1208", "scale-factor", style="hand")
C(M, "b1[0,0]", V, "-9.79e-2", style="hand")
C(M, "b1", V, "[[-0.09794, -0.01811]]", style="hand-matrix")

# ================================================================ mlp-bce-weighted
W = "mlp-bce-weighted"
WZ2 = "((1 - Y) * A2 - w * Y * (1 - A2)) / m"
C(W, "Z2", N, "dZ2 = np.multiply(A2, 1 - Y) - w * np.multiply(Y, 1 - A2)\ndZ2 = dZ2 / m", oracle=WZ2, style="np-funcs")
C(W, "Z2", N, "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m", oracle=WZ2, style="literal-constant")
C(W, "Z2", N, "(A2 * (1 - Y) + w * Y * (A2 - 1)) / m", style="algebra")
C(W, "Z2", N, "(w * Y * (A2 - 1) + A2 - A2 * Y) / m", style="algebra")
C(W, "Z2", N, "(A2 - Y) / m", "*", style="weight-missing")
C(W, "Z2", N, "dZ2 = A2 - Y\ndZ2[Y == 1] *= w\ndZ2 /= m", "*", oracle=None, style="binary-mask", note="right only for 0/1 labels")
C(W, "W2", N, "dW2 = A1.T @ ((A2 - w * Y + (w - 1) * A2 * Y) / m)", oracle="A1.T @ " + WZ2, style="algebra")
C(W, "W2", N, "A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2))", "scale-factor", style="missing-m")
C(W, "W2", N, "A1.T @ ((1 - Y) * A2 - Y * (1 - A2)) / m", "*", style="weight-missing")
C(W, "W2", N, "A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m * 2", "scale-factor", style="doubled")
C(W, "b2", N, "np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) / m", style="ng")
C(W, "b2", N, "np.mean(A2 * (1 - Y) - w * Y * (1 - A2))", style="mean")
C(W, "b2", N, "np.mean(A2 * (1 - Y) - w * Y * (1 - A2), axis=1)", "*", oracle=None, style="mean-wrong-axis")
C(W, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndA1 = dZ2 @ W2.T\ndZ1 = dA1 * np.heaviside(Z1, 0)\ndW1 = X.T @ dZ1", oracle="X.T @ (" + WZ2 + " @ W2.T * (Z1 > 0))", style="cell")
C(W, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T * A1 * (1 - A1)\ndW1 = X.T @ dZ1", "wrong-activation-derivative", oracle="X.T @ (" + WZ2 + " @ W2.T * A1 * (1 - A1))", style="cell")
C(W, "Z2", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{Z}^{[2]}} = \frac{1}{m}\left[(1-\mathbf{Y}) \odot \hat{\mathbf{Y}} - w\, \mathbf{Y} \odot (1-\hat{\mathbf{Y}})\right]", oracle=WZ2, style="latex-bold")
C(W, "Z2", L, r"\frac{1}{m}\left(\hat{Y} - Y\right)", "*", oracle="(A2 - Y) / m", style="latex-weight-missing")
C(W, "Z2", L, r"\frac{1}{m}\left[\hat{Y} \circ (1 - Y) - 3\, Y \circ (1 - \hat{Y})\right]", "unknown", oracle=None, style="latex-literal", note="first labelled right; corpus 2's convention (c2-132): 3 written for the constant w is right only for this value of it")
C(W, "b2", L, r"\frac{1}{m}\sum_{i=1}^{m}\left[(1 - y_i)\hat{y}_i - w\, y_i (1 - \hat{y}_i)\right]", oracle="np.sum((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="latex-sum")
C(W, "W2", N, "∂L/∂W2 = A1ᵀ((1 − Y)⊙A2 − w·Y⊙(1 − A2))/m", oracle="A1.T @ " + WZ2, style="unicode")
C(W, "W2[0,0]", V, "-0.4236", style="hand")
C(W, "W2[0,0]", V, "-0,4236", style="hand-comma")
C(W, "W2[0,0]", V, "-0.1412", "*", style="hand-unweighted?")
C(W, "b2", V, "-0.3643", style="hand")
C(W, "b2", V, "−0.364", style="hand")
C(W, "b2", V, "0.0604", "*", style="hand-unweighted")
C(W, "W1", V, "[[-0.4415, 0.2649], [-0.5589, 0.3353]]", style="hand-matrix")
C(W, "b1", V, "[[-0.1822, 0.1093]]", style="hand-matrix")
C(W, "b1", V, "[[0.1822, -0.1093]]", "sign", style="hand-matrix")

# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
C(T, "W2", N, "dW2 = h.T @ (y_pred - y_target)", oracle="h.T @ (y_pred - y_target)", style="cell")
C(T, "W2", N, "np.outer(h, y_pred - y_target)", oracle="h.T @ (y_pred - y_target)", style="np-outer")
C(T, "W2", N, "np.dot(np.transpose(h), y_pred - y_target)", oracle="h.T @ (y_pred - y_target)", style="np-funcs")
C(T, "W2", N, "h * (y_pred - y_target)", "*", oracle=None, style="row-for-column")
C(T, "W2", N, "h_raw.T @ (y_pred - y_target)", "*", oracle="h_raw.T @ (y_pred - y_target)", style="pre-activation")
C(T, "W1", N, "dh = (y_pred - y_target) * W2.T\ndh_raw = dh * h * (1 - h)\ndW1 = X.T @ dh_raw", oracle=TW1, style="cell")
C(T, "W1", N, SIG + "dW1 = X.T @ ((y_pred - y_target) * W2.T * sigmoid(h_raw) * (1 - sigmoid(h_raw)))", oracle=TW1, style="def-helper")
C(T, "W1", N, "sigmoid_prime = lambda s: s * (1 - s)\ndW1 = X.T @ (dy_pred @ W2.T * sigmoid_prime(h))", oracle=TW1, style="lambda-helper")
C(T, "W1", N, SIGP + "dW1 = X.T @ (dy_pred @ W2.T * sigmoid_prime(h_raw))", oracle=TW1, style="def-helper")
C(T, "W1", N, SIGP + "dW1 = X.T @ (dy_pred @ W2.T * sigmoid_prime(h))", "wrong-layer", note="first labelled wrong-activation-derivative; the checker's wrong-layer (h stands where h_raw belongs) is the more exact finding", oracle="X.T @ (dy_pred @ W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="def-helper-applied-twice")
C(T, "W1", N, "X.T @ (dy_pred @ W2.T * h_raw * (1 - h_raw))", "wrong-activation-derivative", style="pre-activation")
C(T, "W1", N, "np.matmul(X.T, np.multiply(dy_pred @ W2.T, np.multiply(h, 1 - h)))", oracle=TW1, style="np-funcs")
C(T, "W1", N, "X @ (dy_pred @ W2.T * h * (1 - h))", "*", oracle=None, style="missing-transpose")
C(T, "h_raw", N, "dh * np.multiply(h, np.subtract(1, h))", oracle="dh * h * (1 - h)", style="np-funcs")
C(T, "h", N, "np.dot(dy_pred, np.transpose(W2))", oracle="dy_pred @ W2.T", style="np-funcs")
C(T, "h", N, "np.dot(dy_pred, W2)", "*", oracle=None, style="missing-transpose")
# element-wise in label names
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", oracle=None, style="elementwise")
C(T, "w12", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "*", oracle=None, style="elementwise-wrong-unit")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", oracle=None, style="elementwise")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "*", oracle=None, style="elementwise-wrong-input")
C(T, "w12", L, r"(y_{pred} - y_{target}) \cdot v_2 \cdot h_2(1-h_2) \cdot x_1", oracle=None, style="elementwise-latex-cdot")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = (y_{pred} - y_{target})\, v_2\, \sigma'(h_{2,raw})\, x_2", oracle=None, style="elementwise-latex", note="h_{2,raw} for h2_raw: first labelled \"*\" where the note said right if read; it is right")
C(T, "v1", N, "∂L/∂v1 = (y_pred − y_target)·h1", oracle=None, style="elementwise-unicode")
C(T, "v2", N, "∂L/∂v₂ = (y_pred − y_target)·h₂", oracle=None, style="elementwise-unicode")
C(T, "v1", N, "(y_pred - y_target) * h2", "*", oracle=None, style="elementwise-wrong")
C(T, "v1", N, "dL/dv1 = (y_pred - y_target) * h1", oracle=None, style="elementwise-ascii")
# LaTeX
C(T, "W2", L, r"\nabla_{\mathbf{W}_2} L = \mathbf{h}^{\mathsf T}\,(y_{pred} - y_{target})", oracle="h.T @ (y_pred - y_target)", style="latex-nabla")
C(T, "W1", L, r"\mathbf{X}^{\mathsf T}\left[(y_{pred} - y_{target})\, \mathbf{W}_2^{\mathsf T} \circ \sigma'(\mathbf{h}_{raw})\right]", oracle=TW1, style="latex-W_2", note="W_2 for W2: first labelled \"*\" where the note said right if read; it is right")
C(T, "W1", L, r"X^{\top}\left[(y_{pred} - y_{target})\, W2^{\top} \odot h \odot (1 - h)\right]", oracle=TW1, style="latex")
C(T, "W1", L, r"X^{\top}\left[(y_{pred} - y_{target})\, W2^{\top} \odot (1 - h)\right]", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h))", style="latex-half-derivative")
C(T, "y_pred", L, r"\frac{\partial}{\partial y_{pred}} \tfrac12 (y_{pred} - y_{target})^2 = y_{pred} - y_{target}", oracle="y_pred - y_target", style="latex-inline-derivative")
# hand numbers
C(T, "w11", V, "-1.367e-2", style="hand")
C(T, "w11", V, "-0,01367", style="hand-comma")
C(T, "v1", V, "-0.1139", style="hand")
C(T, "v2", V, "−0.1172", style="hand")
C(T, "v1", V, "≈-1.14e-1", style="hand")
C(T, "W2", V, "[[-0.1139], [-0.1172]]", style="hand-matrix")
C(T, "W2", V, "[-0.1139, -0.1172]", "*", style="hand-row-for-column", note="a row where a 2×1 column belongs: wrong or refused")
C(T, "W1", V, "[[-0.01367, -0.01635], [-0.002734, -0.003270]]", style="hand-matrix")
C(T, "W1", V, "[[-0.01367, -0.002734], [-0.01635, -0.003270]]", "*", style="hand-matrix-transposed")
C(T, "w22", V, "-3.27e-3", style="hand")
C(T, "w22", V, "-.00327", style="hand-leading-point")
C(T, "w22", V, ".00327", "sign", style="hand-leading-point")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", N, "np.multiply((O - t) * O * (1 - O), x)", style="np-funcs")
C(E, "w", N, SIG + "dw = (O - t) * sigmoid(z) * (1 - sigmoid(z)) * x", oracle=EW, style="def-helper")
C(E, "w", N, "(t - O) * O * (1 - O) * x", "sign", style="sign")
C(E, "w", N, "(O - t) * x", "*", style="sigma-prime-missing")
C(E, "w", N, "2 * (O - t) * O * (1 - O) * x", "scale-factor", style="half-forgotten")
C(E, "w", N, "(O - t) * O * (1 - O) * w", "*", style="wrong-tensor")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = dz * x", oracle=EW, style="cell")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = np.dot(dz, x)", oracle=EW, style="cell")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = np.dot(x.T, dz)", "*", oracle=None, style="column-for-row")
C(E, "w", N, "dL/dw = (O - t) * O * (1 - O) * x", oracle=EW, style="ascii-math")
C(E, "w", N, "dE/dw = (O - t) * sigmoid'(z) * x", oracle=EW, style="ascii-math")
C(E, "z", N, "(O - t) * np.exp(-z) / np.square(1 + np.exp(-z))", oracle="(O - t) * O * (1 - O)", style="np-square")
C(E, "z", N, "(O - t) * O * (1 - O) / n", "scale-factor", style="mean-over-n")
C(E, "w", L, r"\nabla_{\mathbf{w}} L = (O - t)\,\sigma'(z)\,\mathbf{x}", oracle=EW, style="latex-nabla")
C(E, "w", L, r"(O-t)\,\sigma(z)\bigl(1-\sigma(z)\bigr)\,\mathbf{x}", oracle=EW, style="latex")
C(E, "w", L, r"-(t - O)\, O (1 - O)\, \mathbf{x}", oracle=EW, style="latex")
C(E, "w", L, r"\frac{\partial L}{\partial O}\cdot\frac{\partial O}{\partial z}\cdot\frac{\partial z}{\partial \mathbf{w}}", oracle=EW, style="leibniz-cdot")
C(E, "w", L, r"\frac{\partial E}{\partial \mathbf{w}} = -O(1-O)(t-O)\,\mathbf{x}", oracle=EW, style="xigua-E")
C(E, "w", L, r"\frac{\partial E}{\partial \mathbf{w}} = O(1-O)(t-O)\,\mathbf{x}", "sign", oracle="-(" + EW + ")", style="xigua-E-sign")
C(E, "w", L, r"(O - t)\,\sigma'(O)\,\mathbf{x}", "*", oracle=None, style="latex-sigma-prime-of-output")
C(E, "w", N, "∂E/∂w = (O−t)·σ′(z)·x", oracle=EW, style="unicode")
C(E, "w", N, "(O − t)·O(1 − O)·xᵀ", "*", oracle=None, style="unicode-column")
C(E, "w1", N, "(O - t) * O * (1 - O) * x1", oracle=None, style="elementwise")
C(E, "w1", N, "(O - t) * O * (1 - O) * x0", "*", oracle=None, style="elementwise-wrong")
C(E, "w2", L, r"(O - t)\, O(1 - O)\, x_2", oracle=None, style="elementwise-latex")
C(E, "w0", V, "-0.06123", style="hand")
C(E, "w1", V, "-3.674e-2", style="hand")
C(E, "w2", V, "-0,02449", style="hand-comma")
C(E, "w", V, "[[-0.06123, -0.03674, -0.02449]]", style="hand-matrix")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]", style="hand-row")
C(E, "w", V, "[[-0.06123], [-0.03674], [-0.02449]]", "*", style="hand-column-for-row")
C(E, "w0", V, "-0.1225", "scale-factor", style="hand")
C(E, "w0", V, ".0612", "sign", style="hand")
C(E, "O", V, "-0.490", style="hand")

# ================================================================ chain
H = "chain"
C(H, "w", N, "2 * (w * x + b) * x", style="expanded")
C(H, "b", N, "2 * (w*x + b)", style="expanded")
C(H, "w", N, "v * x", "scale-factor", style="factor-2-missing")
C(H, "w", N, "2 * v * w", "*", style="wrong-input")
C(H, "w", N, "dv = 2 * v\ndu = dv\ndw = du * x", oracle="2 * v * x", style="cell")
C(H, "x", N, "dv = 2 * v\ndu = dv * 1\ndx = du * w", oracle="2 * v * w", style="cell")
C(H, "w", N, "np.power(v, 1) * 2 * x", style="np-power")
C(H, "w", N, "x**2 * w * 2 + 2 * b * x", style="expanded-out")
C(H, "w", N, "2 * x * (w * x + b) + 1", "*", style="extra-term")
C(H, "w", N, "dL/dw = 2*v*x", oracle="2 * v * x", style="ascii-math")
C(H, "x", N, "dL/dx = 2*(w*x+b)*x", "*", oracle="2 * v * x", style="ascii-math-wrong")
C(H, "w", N, "∂L/∂w = 2v·x", oracle="2 * v * x", style="unicode")
C(H, "b", N, "∂L/∂b = 2·v·1", oracle="2 * v", style="unicode")
C(H, "x", N, "∂L/∂x = 2v·w", oracle="2 * v * w", style="unicode")
C(H, "w", L, r"\frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot x", oracle="2 * v * x", style="leibniz-chain")
C(H, "w", L, r"\frac{\partial L}{\partial v} \cdot \frac{\partial v}{\partial u} \cdot \frac{\partial u}{\partial w}", oracle="2 * v * x", style="leibniz-cdot")
C(H, "b", L, r"\frac{\partial L}{\partial v} \cdot \frac{\partial v}{\partial b}", oracle="2 * v", style="leibniz-cdot")
C(H, "w", L, r"\frac{\partial L}{\partial v} \cdot \frac{\partial u}{\partial w}", oracle="2 * v * x", style="leibniz-missing-link", note="∂v/∂u = 1 left out: still right (first labelled scale-factor by mistake; the oracle disagreed)")
C(H, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = 2 v x", oracle="2 * v * x", style="latex-mathrm-d")
C(H, "w", L, r"2(wx+b)\,w", "*", oracle="2 * v * w", style="latex-wrong")
C(H, "u", L, r"\frac{\partial L}{\partial u} = 2(u + b)", oracle="2 * v", style="latex")
C(H, "w", V, "40.0", style="hand")
C(H, "w", V, "4e1", style="hand")
C(H, "w", V, "40.4", "*", style="hand-not-rounding", note="every intermediate is an exact integer")
C(H, "w", V, "≈40", style="hand")
C(H, "b", V, "20.0", style="hand")
C(H, "x", V, "-60", "sign", style="hand")
C(H, "u", V, "2.0e1", style="hand")
C(H, "w", V, "80", "scale-factor", style="hand")

# ================================================================ relu-mlp
R = "relu-mlp"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)", oracle="h_relu.T @ (2 * (y_pred - y))", style="torch-cell")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_h = grad_h_relu.clone()\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="torch-cell")
C(R, "w2", N, "h_relu.T @ (y_pred - y)", "scale-factor", style="factor-2-missing")
C(R, "w2", N, "2 * h_relu.T @ (y_pred - y) / n", "scale-factor", style="mean-not-sum")
C(R, "w2", N, "2 * h.T @ (y_pred - y)", "*", style="pre-activation")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T * (h_relu > 0))", style="mask-on-output")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T * np.sign(h_relu))", style="np-sign")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T * np.heaviside(h, 0))", style="np-heaviside")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T)", "*", style="mask-missing")
C(R, "w1", N, "x.T @ np.maximum(2 * (y_pred - y) @ w2.T, 0)", "*", style="mask-on-gradient")
C(R, "w1", N, "np.matmul(x.T, np.multiply(np.matmul(2 * (y_pred - y), w2.T), h > 0))", style="np-funcs")
C(R, "h", N, "grad_h = 2 * (y_pred - y) @ w2.T\ngrad_h[h <= 0] = 0", oracle="2 * (y_pred - y) @ w2.T * (h > 0)", style="inplace-mask")
C(R, "w2", L, r"\nabla_{w_2} \ell = 2\, h_{relu}^{\top} (y_{pred} - y)", oracle="h_relu.T @ (2 * (y_pred - y))", style="latex-ell")
C(R, "w1", L, r"2\,\mathbf{x}^{\top}\left[(\hat{\mathbf{y}} - \mathbf{y})\mathbf{w}_2^{\top} \odot \mathbb{I}(\mathbf{h} > 0)\right]", oracle=RW1, style="latex-bold")
C(R, "w1", L, r"2\,x^{\top}\left[(y_{pred} - y)\, w_2^{\top}\right]", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="latex-mask-missing")
C(R, "w2[0,0]", V, "-0,7479", style="hand-comma")
C(R, "w2[0,0]", V, "−7.479e-1", style="hand")
C(R, "w2[0,0]", V, "-0.75", style="hand")

# ================================================================ softmax-regression
S = "softmax-regression"
SW = "X.T @ (P - Y) / m"
C(S, "W", N, "dscores = P.copy()\ndscores -= Y\ndscores /= m\ndW = np.dot(X.T, dscores)", oracle=SW, style="cs231n")
C(S, "W", N, "dscores = P - Y\ndW = X.T.dot(dscores) / m\ndW += reg * W", "*", oracle=None, style="cs231n-reg", note="no regulariser in this network; refused naming reg is fair")
C(S, "W", N, "grads = {}\ngrads['W'] = X.T @ (P - Y) / m", oracle=SW, style="dict")
C(S, "b", N, "grads['b'] = np.sum(P - Y, axis=0) / m", oracle="np.sum(P - Y, axis=0) / m", style="dict")
C(S, "b", N, "np.mean(P - Y, axis=0)", style="mean")
C(S, "b", N, "np.sum(P - Y, axis=1) / m", "*", oracle=None, style="wrong-axis")
C(S, "W", N, "X.T @ (P - Y) / m / m", "scale-factor", style="doubled-m")
C(S, "W", N, "np.matmul(X.T, np.subtract(P, Y)) / X.shape[0]", oracle=SW, style="np-funcs")
C(S, "W", N, "np.matmul(X.T, np.subtract(P, Y)) / X.shape[1]", "scale-factor", oracle="X.T @ (P - Y) / n", style="size-name")
C(S, "W", N, "np.matmul(X.T, np.subtract(P, Y)) / len(X)", oracle=SW, style="np-funcs")
C(S, "Z", N, "dP = -Y / P / m\ndZ = dP * P * (1 - P)", "*", oracle="-Y / P / m * P * (1 - P)", style="jacobian-diagonal-only")
C(S, "Z", N, "dP = -Y / (m * P)\ndZ = P * (dP - np.sum(dP * P, axis=1, keepdims=True))", oracle="(P - Y) / m", style="full-jacobian")
C(S, "Z", N, "np.divide(np.subtract(P, Y), m)", oracle="(P - Y) / m", style="np-funcs")
C(S, "W", N, "dL/dW = X^T (P - Y) / m", oracle=SW, style="ascii-math-juxtaposed")
C(S, "W", N, "∂L/∂W = (1/m)·Xᵀ·(Ŷ − Y)", oracle=SW, style="unicode")
C(S, "W", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}} = \frac{1}{N}\mathbf{X}^{\mathsf T}(\mathbf{P} - \mathbf{Y})", "*", oracle=None, style="latex-N", note="N is not this network's batch size name: refused naming N, or right, is fair")
C(S, "W", L, r"\frac{1}{m}\mathbf{X}^{\mathsf T}\left(\mathrm{softmax}(\mathbf{X}\mathbf{W} + \mathbf{b}) - \mathbf{Y}\right)", oracle=SW, style="latex-softmax")
C(S, "W", L, r"\frac{1}{m}\mathbf{X}^{\mathsf T}\left(\hat{\mathbf{Y}} - \mathbf{Y}\right)", oracle=SW, style="latex-hat-bold")
C(S, "W", L, r"\frac{1}{m} X^{T}(Y - P)", "sign", oracle="X.T @ (Y - P) / m", style="latex-sign")
C(S, "Z", L, r"\frac{1}{m}\left(P - Y\right)", oracle="(P - Y) / m", style="latex")
C(S, "Z", L, r"P - Y", "scale-factor", oracle="P - Y", style="latex-missing-m")
C(S, "b", L, r"\frac{1}{m}\sum_{i=1}^{m}(\mathbf{p}_i - \mathbf{y}_i)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="latex-sum-rows")
C(S, "Z", L, r"\frac{1}{m}\left(P \odot (1 - P) - Y\right)", "*", oracle="(P * (1 - P) - Y) / m", style="latex-jacobian-diagonal")
C(S, "W", L, r"\frac{1}{m}\mathbf{X}^{\mathsf T}\left(\boldsymbol{\hat y} - \mathbf{y}_{\text{true}}\right)", oracle=SW, style="latex-y-true", note="first labelled \"*\" where the note said refused or right: it is right if read")
C(S, "W[0,0]", V, "0.5849", style="hand")
C(S, "W", V, "[[0.5849, -0.09027, -0.4946], [0.3468, 0.3960, -0.7428]]", style="hand-matrix")
C(S, "b[0,1]", V, "0,3709", style="hand-comma")
C(S, "b[0,1]", V, "-0.3709", "sign", style="hand")
C(S, "W[0,0]", V, "1.170", "scale-factor", style="hand")

# ================================================================ batchnorm
B = "batchnorm"
BZ = "gamma / np.sqrt(var + eps) / m * (m * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))"
C(B, "gamma", N, "dgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="cell")
C(B, "beta", N, "dbeta = np.sum(dY, axis=0)", oracle="np.sum(dY, axis=0)", style="cell")
C(B, "beta", N, "dbeta = np.sum(dY, axis=1)", "*", oracle=None, style="wrong-axis")
C(B, "beta", N, "np.mean(dY, axis=0)", "*", style="mean-not-sum")
C(B, "Z", N, "dY * gamma / np.sqrt(var + eps)", "missing-path", style="no-mean-var-paths")
C(B, "Z", N, "dZ_hat = dY * gamma\ndZ = (1.0 / m) / np.sqrt(var + eps) * (m * dZ_hat - np.sum(dZ_hat, axis=0) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0))", oracle=BZ, style="compact-cell")
C(B, "Z", N, "dZ_hat = dY * gamma\ndZ = (1.0 / m) / np.sqrt(var + eps) * (m * dZ_hat - np.sum(dZ_hat, axis=0))", "missing-path", oracle="gamma / np.sqrt(var + eps) / m * (m * dY - np.sum(dY, axis=0))", style="no-var-path")
C(B, "Z", N, "dxhat = dY * gamma\ndvar = np.sum(dxhat * Z_c, axis=0) * -0.5 * (var + eps) ** -1.5\ndmu = np.sum(-dxhat / np.sqrt(var + eps), axis=0) + dvar * np.mean(-2 * Z_c, axis=0)\ndZ = dxhat / np.sqrt(var + eps) + dvar * 2 * Z_c / m + dmu / m", oracle=BZ, style="staged-cell")
C(B, "Y", N, "2 * (Y - T) / Y.size", oracle="2 * (Y - T) / (m * n)", style="size")
C(B, "Y", N, "2 * (Y - T) / m", "scale-factor", style="mean-over-rows-only")
C(B, "Y", N, "(Y - T) / (m * n)", "scale-factor", style="factor-2-missing")
C(B, "gamma", N, "np.sum(dY * Z_c, axis=0)", "*", style="unnormalised")
C(B, "gamma", N, "np.sum(dY * Z_hat)", "*", style="sum-all")
C(B, "gamma", N, "(dY * Z_hat).sum(axis=0, keepdims=True)", style="method")
C(B, "gamma", L, r"\mathbf{1}^{\top}\left(\delta_Y \odot \hat{Z}\right)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="latex-ones")
C(B, "beta", L, r"\mathbf{1}^{\mathsf T} \frac{\partial L}{\partial Y}", oracle="np.sum(dY, axis=0, keepdims=True)", style="latex-ones")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \frac{\partial L}{\partial Y} \odot \gamma", oracle="dY * gamma", style="latex")
C(B, "Z", L, r"\frac{\gamma}{\sqrt{\sigma^2+\epsilon}} \odot \delta_Y", "missing-path", oracle="gamma / np.sqrt(var + eps) * dY", style="latex-no-paths")
C(B, "gamma", L, r"\sum_{i=1}^{m} \delta_{Y} \odot \frac{Z - \mu}{\sqrt{\sigma^2 + \epsilon}}", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="latex-sum-limits")
C(B, "gamma", N, "∂L/∂γ = Σ δY ⊙ Ẑ", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="unicode")
C(B, "gamma[0,0]", V, "0.7266", style="hand")
C(B, "beta[0,1]", V, "-0.5333", style="hand")
C(B, "gamma", V, "[[0.7266, 1.264]]", style="hand-matrix")
C(B, "beta", V, "[[0.1000, -0.5333]]", style="hand-matrix")
C(B, "Z[0,0]", V, "0.05806", style="hand")
C(B, "W[0,0]", V, "-0.3047", style="hand")
C(B, "W[0,0]", V, "0,3047", "sign", style="hand-comma")

# ================================================================ rnn
Q = "rnn"
QZ2 = "(h_2 - y) * (1 - h_2 ** 2)"
QWX = "x_1.T @ dz_1 + x_2.T @ dz_2"
C(Q, "z_2", N, "dz_2 = (h_2 - y) * (1 - np.tanh(z_2)**2)", oracle=QZ2, style="np-tanh")
C(Q, "z_2", N, "(h_2 - y) * (1 - np.square(h_2))", oracle=QZ2, style="np-square")
C(Q, "z_2", N, "(h_2 - y) * (1 - np.power(h_2, 2))", oracle=QZ2, style="np-power")
C(Q, "z_2", N, "(h_2 - y) * (1 - h_2) ** 2", "*", style="square-misplaced")
C(Q, "z_2", N, "(h_2 - y) * h_2 * (1 - h_2)", "wrong-activation-derivative", style="sigmoid-derivative")
C(Q, "W_x", N, "dz_2 = (h_2 - y) * (1 - h_2**2)\ndh_1 = dz_2 @ W_h.T\ndz_1 = dh_1 * (1 - h_1**2)\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2", oracle=QWX, style="bptt-cell")
C(Q, "W_x", N, "dz_2 = (h_2 - y) * (1 - h_2**2)\ndW_x = x_2.T @ dz_2", "missing-path", oracle="x_2.T @ dz_2", style="bptt-last-step")
C(Q, "W_h", N, "dW_h = h_1.T @ dz_2 + h_0.T @ dz_1", oracle="h_1.T @ dz_2 + h_0.T @ dz_1", style="bptt")
C(Q, "W_h", N, "dW_h = h_1.T @ dz_2 + h_1.T @ dz_1", "*", oracle="h_1.T @ dz_2 + h_1.T @ dz_1", style="bptt-wrong-state")
C(Q, "b", N, "db = np.sum(dz_1 + dz_2, axis=0, keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="bptt")
C(Q, "b", N, "db = np.sum(dz_2, axis=0, keepdims=True)", "missing-path", oracle="np.sum(dz_2, axis=0, keepdims=True)", style="bptt-last-step")
C(Q, "h_1", N, "(h_2 - y) * (1 - h_2 ** 2) @ W_h.T", oracle=QZ2 + " @ W_h.T", style="one-line")
C(Q, "h_1", N, "(h_2 - y) * (1 - h_2 ** 2) @ W_h", "*", oracle=QZ2 + " @ W_h", style="missing-transpose")
C(Q, "z_1", N, "np.multiply(np.dot(dz_2, W_h.T), 1 - np.tanh(z_1) ** 2)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="np-funcs")
C(Q, "z_1", N, "np.multiply(np.dot(dz_2, W_h.T), 1 - np.tanh(z_2) ** 2)", "*", oracle="dz_2 @ W_h.T * (1 - h_2 ** 2)", style="wrong-step-derivative")
C(Q, "z_2", N, "δ₂ = (h₂ − y) ⊙ (1 − tanh²(z₂))", oracle=QZ2, style="unicode")
C(Q, "z_2", N, "dtanh = lambda a: 1 - a ** 2\ndz_2 = (h_2 - y) * dtanh(h_2)", oracle=QZ2, style="lambda-helper")
C(Q, "z_2", L, r"(\mathbf{h}_2 - \mathbf{y}) \odot \text{sech}^2(\mathbf{z}_2)", oracle=QZ2, style="latex-text-sech")
C(Q, "z_2", L, r"(h_2 - y) \odot \tanh'(z_2)", oracle=QZ2, style="latex-tanh-prime")
C(Q, "z_2", L, r"(h_2 - y) \odot \left(1 - h_2\right)^2", "*", oracle="(h_2 - y) * (1 - h_2) ** 2", style="latex-square-misplaced")
C(Q, "W_x", L, r"\sum_{t=1}^{2} x_t^{\top}\, \delta_{z_t}", oracle=QWX, style="latex-sum-steps")
C(Q, "W_x", L, r"x_2^{\top}\delta_{z_2}", "missing-path", oracle="x_2.T @ dz_2", style="latex-last-step")
C(Q, "h_1", L, r"\frac{\partial L}{\partial h_2}\frac{\partial h_2}{\partial z_2}\frac{\partial z_2}{\partial h_1}", oracle=QZ2 + " @ W_h.T", style="leibniz-chain")
C(Q, "W_h", L, r"\mathbf{h}_1^{\mathsf T}\boldsymbol{\delta}_{z_2} + \mathbf{h}_0^{\mathsf T}\boldsymbol{\delta}_{z_1}", oracle="h_1.T @ dz_2 + h_0.T @ dz_1", style="latex-bold")
C(Q, "W_x[0,0]", V, "-0.1912", style="hand")
C(Q, "W_h[0,1]", V, "0.2192", style="hand")
C(Q, "b", V, "[[-0.223, 0.556]]", style="hand-matrix")
C(Q, "z_2[0,1]", V, "0.5265", style="hand")
C(Q, "h_1[0,0]", V, "-0,1902", style="hand-comma")
C(Q, "W_x[0,0]", V, "-0.3824", "scale-factor", style="hand")

# ================================================================ attention
A = "attention"
AS = "A * (dA - np.sum(A * dA, axis=1, keepdims=True))"
C(A, "O", N, "dO = 2 * (O - T) / (n * d)", oracle="2 * (O - T) / (n * d)", style="size")
C(A, "O", N, "dO = 2 * (O - T) / O.size", oracle="2 * (O - T) / (n * d)", style="size")
C(A, "O", N, "dO = 2 * (O - T) / n", "scale-factor", style="size-rows-only")
C(A, "V", N, "dV = A.T @ dO", oracle="A.T @ dO", style="cell")
C(A, "V", N, "dV = A @ dO", "*", oracle="A @ dO", style="missing-transpose")
C(A, "A", N, "dA = dO @ V.T", oracle="dO @ V.T", style="cell")
C(A, "A", N, "dA = dO @ V", "*", oracle="dO @ V", style="missing-transpose")
C(A, "S", N, "dS = np.multiply(A, dA - np.sum(np.multiply(dA, A), axis=-1, keepdims=True))", oracle=AS, style="np-funcs")
C(A, "S", N, "dS = A * (1 - A) * dA", "*", oracle="A * (1 - A) * dA", style="jacobian-diagonal-only")
C(A, "S", N, "dS = A * (dA - np.sum(A * dA, axis=0, keepdims=True))", "*", oracle="A * (dA - np.sum(A * dA, axis=0, keepdims=True))", style="softmax-wrong-axis")
C(A, "Q", N, "dQ = np.matmul(dS, K) / d**0.5", oracle="dS @ K / np.sqrt(d)", style="np-funcs")
C(A, "Q", N, "dQ = dS @ K", "scale-factor", oracle="dS @ K", style="sqrt-d-missing")
C(A, "Q", N, "dQ = dS @ K / d", "scale-factor", oracle="dS @ K / d", style="d-not-sqrt")
C(A, "K", N, "dK = dS.T @ Q / np.sqrt(d)", oracle="dS.T @ Q / np.sqrt(d)", style="cell")
C(A, "K", N, "dK = dS @ Q / np.sqrt(d)", "*", oracle="dS @ Q / np.sqrt(d)", style="missing-transpose")
C(A, "W_q", N, "dW_q = X.T @ (dS @ K) / np.sqrt(d)", oracle="X.T @ dS @ K / np.sqrt(d)", style="cell")
C(A, "W_v", N, "dW_v = X.T @ A.T @ dO", oracle="X.T @ A.T @ dO", style="cell")
C(A, "W_v", N, "dW_v = X.T @ dO", "*", oracle="X.T @ dO", style="wrong-path")
C(A, "W_k", N, "dW_k = X.T @ dS.T @ Q * d ** -0.5", oracle="X.T @ dS.T @ Q / np.sqrt(d)", style="cell")
C(A, "S", N, "dA = dO @ V.T\ndS = A * (dA - (A * dA).sum(axis=1, keepdims=True))\ndQ = dS @ K / np.sqrt(d)", oracle=AS, style="cell-line-named", note="first labelled wrong (the last line is dQ); the line that assigns dS answers --wrt S, as in the ng-whole-cell cases: right")
C(A, "Q", N, "dA = dO @ V.T\ndS = A * (dA - (A * dA).sum(axis=1, keepdims=True))\ndQ = dS @ K / np.sqrt(d)", oracle="dS @ K / np.sqrt(d)", style="cell")
C(A, "Q", N, "dA = dO @ V.T\ndS = A * (1 - A) * dA\ndQ = dS @ K / np.sqrt(d)", "*", oracle="A * (1 - A) * (dO @ V.T) @ K / np.sqrt(d)", style="cell-jacobian-diagonal")
C(A, "V", N, "dL/dV = A^T * dO", oracle="A.T @ dO", style="ascii-math")
C(A, "Q", N, "∂L/∂Q = (∂L/∂S)·K/√d", oracle="dS @ K / np.sqrt(d)", style="unicode")
C(A, "Q", L, r"\frac{1}{\sqrt{d}}\, \frac{\partial \mathcal{L}}{\partial \mathbf{S}} \mathbf{K}", oracle="dS @ K / np.sqrt(d)", style="latex-mathcal")
C(A, "Q", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{S}} \mathbf{K}", "scale-factor", oracle="dS @ K", style="latex-sqrt-d-missing")
C(A, "V", L, r"\mathbf{A}^{\mathsf T}\, \frac{\partial \mathcal{L}}{\partial \mathbf{O}}", oracle="A.T @ dO", style="latex-mathsf")
C(A, "S", L, r"\mathbf{A} \circ \left(\boldsymbol{\delta}_A - (\mathbf{A} \circ \boldsymbol{\delta}_A)\mathbf{1}\mathbf{1}^{\mathsf T}\right)", oracle=AS, style="latex-circ")
C(A, "S", L, r"\mathbf{A} \circ (1 - \mathbf{A}) \circ \boldsymbol{\delta}_A", "*", oracle="A * (1 - A) * dA", style="latex-jacobian-diagonal")
C(A, "K", L, r"\frac{1}{\sqrt{d}} \boldsymbol{\delta}_S^{\mathsf T} \mathbf{Q}", oracle="dS.T @ Q / np.sqrt(d)", style="latex")
C(A, "W_v[0,0]", V, "-0.1300", style="hand")
C(A, "W_v", V, "[[-0.1300, 0.1532], [-0.3080, 0.3761]]", style="hand-matrix")
C(A, "V[0,0]", V, "-0.2272", style="hand")
C(A, "S[0,0]", V, "-0.05091", style="hand")
C(A, "W_q[1,1]", V, "-0.05098", style="hand")
C(A, "K[0,0]", V, "-0,01072", style="hand-comma")
C(A, "W_k[0,0]", V, "-0.0161", style="hand")
C(A, "W_v[0,0]", V, "0.1300", "sign", style="hand")

# ================================================================ more of the same styles, and whole cells
NG = "dZ2 = A2 - Y\ndW2 = 1/m * np.dot(A1.T, dZ2)\ndb2 = 1/m * np.sum(dZ2, axis=0, keepdims=True)\ndZ1 = np.dot(dZ2, W2.T) * (A1 > 0)\ndW1 = 1/m * np.dot(X.T, dZ1)\ndb1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)"
C(M, "W2", N, NG, oracle=W2R, style="ng-whole-cell", note="the line that assigns dW2 is the answer")
C(M, "b2", N, NG, oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="ng-whole-cell")
C(M, "W1", N, NG, oracle=W1R, style="ng-whole-cell")
C(M, "b1", N, NG, oracle="np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m", style="ng-whole-cell")
C(M, "W1", N, NG.replace("1/m * np.dot(X.T, dZ1)", "np.dot(X.T, dZ1)"), "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="ng-whole-cell-missing-m")
C(M, "W2", N, "dW2 = A1.T @ dZ2\nassert dW2.shape == W2.shape", oracle="A1.T @ dZ2", style="assert-line")
C(M, "W2", N, "A1 = cache['A1']\nA2 = cache['A2']\ndW2 = np.dot(A1.T, A2 - Y) / m", oracle=W2R, style="ng-cache")
C(M, "Z1", N, "W2 = parameters['W2']\ndZ1 = np.dot(dZ2, W2.T) * (A1 > 0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="ng-parameters")
C(M, "Z1", N, "dZ1 = dA1.copy(); dZ1[Z1 <= 0] = 0", oracle="dA1 * (Z1 > 0)", style="copy-mask-semicolon")
C(M, "Z2", N, "def sigmoid_backward(dA, Z):\n    s = 1 / (1 + np.exp(-Z))\n    return dA * s * (1 - s)\ndZ2 = sigmoid_backward(dA2, Z2)", oracle="dA2 * A2 * (1 - A2)", style="ng-helper")
C(M, "Z2", N, "def sigmoid_backward(dA, Z):\n    s = 1 / (1 + np.exp(-Z))\n    return dA * s * (1 - s)\ndZ2 = sigmoid_backward(dA2, Z1 @ W2 + b2)", "*", oracle=None, style="ng-helper-wrong-argument")
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \frac{1}{m} A^{[1]T} (A^{[2]} - Y)", oracle=W2R, style="latex-J")
C(M, "b2", L, r"\frac{\partial J}{\partial b^{[2]}} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)}", oracle="np.sum(A2 - Y) / m", style="latex-per-example-dZ", note="dZ^{[2](i)} as Ng writes it: A2 - Y of example i")
C(M, "Z1", L, r"dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\prime}(Z^{[1]})", "*", oracle=None, style="latex-ng-column-major", note="column-major order on a batch-first network: shapes do not fit")
C(M, "Z1", L, r"dZ^{[1]} = dZ^{[2]} W^{[2]T} * g^{[1]\prime}(Z^{[1]})", oracle="dZ2 @ W2.T * (Z1 > 0)", style="latex-g-prime")
C(M, "W2", L, r"$$\frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m}\,A^{[1]\top}\left(A^{[2]}-Y\right).$$", oracle=W2R, style="latex-display-dollars")
C(M, "W2", L, r"\begin{equation} \frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y) \end{equation}", oracle=W2R, style="latex-equation-env")
C(H, "w", N, "w_grad = 2 * v * x", oracle="2 * v * x", style="name-grad")
C(H, "w", N, "L = v**2\ndL_dv = 2*v\ndL_du = dL_dv * 1\ndL_dw = dL_du * x", oracle="2 * v * x", style="forward-line-copied")
C(E, "w", N, "delta = (O - t) * O * (1 - O)\ngrad = delta * x", oracle=EW, style="generic-names")
C(E, "w", L, r"g = O(1 - O)(t - O), \quad \frac{\partial E}{\partial \mathbf{w}} = -g\,\mathbf{x}", oracle=EW, style="xigua-g-defined")
C(R, "w1", N, "grad_w1 = x.T.dot(grad_h)", oracle="x.T @ dh", style="grad-names")
C(R, "w1", N, "grad_w1 = x.T.dot(grad_h_relu)", "*", oracle="x.T @ dh_relu", style="grad-names-mask-missing")
C(A, "Q", N, "scale = 1 / np.sqrt(d)\ndQ = scale * dS @ K", oracle="dS @ K / np.sqrt(d)", style="local-constant")
C(A, "Q", N, "d_k = K.shape[1]\ndQ = dS @ K / np.sqrt(d_k)", oracle="dS @ K / np.sqrt(d)", style="local-size")
C(A, "Q", N, "dQ = dS @ K / np.sqrt(Q.shape[-1])", oracle="dS @ K / np.sqrt(d)", style="shape-size")
C(A, "Q", N, "dQ = dS @ K / np.sqrt(Q.shape[0])", "scale-factor", oracle="dS @ K / np.sqrt(n)", style="shape-size-wrong")
C(B, "Z", N, "N = Z.shape[0]\ndZ = (1. / N) * gamma * (var + eps)**(-1. / 2.) * (N * dY - np.sum(dY, axis=0) - (Z - mu) * (var + eps)**(-1.0) * np.sum(dY * (Z - mu), axis=0))", oracle=BZ, style="zakka-cell")
C(Q, "W_x", N, "dW_x = np.zeros_like(W_x)\nfor x_t, dz_t in ((x_1, dz_1), (x_2, dz_2)):\n    dW_x += x_t.T @ dz_t", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="for-loop", note="a loop over steps: refused is fair")
C(Q, "W_x", N, "dW_x = np.zeros_like(W_x)\ndW_x += x_2.T @ dz_2\ndW_x += x_1.T @ dz_1", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="accumulate")
C(Q, "W_h", N, "dW_h = np.zeros_like(W_h)\ndW_h += h_1.T @ dz_2", "missing-path", oracle="h_1.T @ dz_2", style="accumulate-last-step")
# more hand numbers
C(T, "w11", V, "-1.367 × 10^-2", style="hand-caret")
C(T, "v2", V, "-1.172E-1", style="hand")
C(T, "h_raw[0,1]", V, "-0.03270", style="hand")
C(T, "y_pred", V, "-0.2190", style="hand")
C(T, "w12", V, "-1,635 · 10⁻²", style="hand-comma-unicode")
C(M, "A1[1,0]", V, "0.1281", style="hand")
C(M, "Z2[0,0]", V, "-0.1959", style="hand")
C(W, "Z2[0,0]", V, "-0.6237", style="hand")
C(W, "W2[1,0]", V, "-0.3069", style="hand")
C(H, "x", V, "6e1", style="hand")
C(S, "Z[0,0]", V, "0.2557", style="hand")
C(S, "b", V, "[[-0.07346, 0.3709, -0.2975]]", style="hand-matrix")
C(S, "b", V, "[[-0.2975, 0.3709, -0.07346]]", "*", style="hand-matrix-reversed")
C(B, "Z", V, "[[0.0581, -0.0487], [-0.281, -0.0109], [0.222, 0.0595]]", style="hand-matrix")
C(B, "Z", V, "[[0.0581, -0.0487], [-0.281, -0.0109], [0.222, -0.0595]]", "*", style="hand-matrix-one-sign")
C(Q, "W_x", V, "[[-0.191, 0.292], [0.015, 0.512]]", style="hand-matrix")
C(A, "W_q", V, "[[-0.00386, -0.00601], [-0.0328, -0.0510]]", style="hand-matrix")
C(A, "Q[0,0]", V, "-1.62e-2", style="hand")
C(A, "W_q", V, "[[-0.0386, -0.0601], [-0.328, -0.510]]", "scale-factor", style="hand-matrix-times-10")

_round = "b"
# ================================================================ round b: written after round a's fixes, measured before
# fixing anything for them (the second honest estimate)
C(M, "W2", N, ">>> dW2 = A1.T.dot(dZ2)", oracle="A1.T @ dZ2", style="b-doctest")
C(M, "W2", N, "dW2 = A1.T.dot(A2 - Y) * (1. / m)", oracle=W2R, style="b")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=0, keepdims=1) / m", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="b-keepdims-1")
C(M, "b2", N, "db2 = (A2 - Y).sum(axis=0, keepdims=True) / X.shape[0]", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="b")
C(M, "W1", N, "dW1 = X.T @ dZ1 / m", "scale-factor", oracle="X.T @ dZ1 / m", style="b-doubled-m")
C(M, "b1", N, "db1 = np.sum(dZ1)", "*", oracle=None, style="b-sum-all")
C(M, "Z1", N, "dZ1 = dA1 * A1 * (1 - A1)", "wrong-activation-derivative", oracle="dA1 * A1 * (1 - A1)", style="b")
C(M, "Z1", N, "# 反向传播：ReLU 的导数\ndZ1 = dA1 * (Z1 > 0)", oracle="dA1 * (Z1 > 0)", style="b-chinese-comment")
C(M, "W2", N, "dW2 = np.dot(W2.T, dZ2)", "*", oracle=None, style="b-ng-column-major")
C(M, "W2", L, r"\frac{\partial L}{\partial \mathbf{W}^{(2)}} = \frac{1}{m}\mathbf{A}^{(1)\top}(\mathbf{A}^{(2)} - \mathbf{Y})", oracle=W2R, style="b-paren-layer")
C(M, "W2", L, r"\left.\frac{\partial L}{\partial W^{[2]}}\right. = \frac{1}{m} A^{[1]\top}\Big(A^{[2]} - Y\Big)", oracle=W2R, style="b-Big")
C(M, "W2", N, "∂L/∂W2 = (1/m) ⋅ A1ᵀ ⋅ (A2 − Y)", oracle=W2R, style="b-unicode-dot-operator")
C(M, "W2", N, "(1/m) ∙ A1ᵀ(A2 − Y)", oracle=W2R, style="b-unicode-bullet")
C(M, "Z1", N, "δ₁ = δ₂W₂ᵀ ⊙ 1[Z₁ > 0]", oracle="dZ2 @ W2.T * (Z1 > 0)", style="b-unicode-iverson")
C(M, "b2", N, "∂L/∂b₂ = (1/m) ∑ᵢ (a₂⁽ⁱ⁾ − y⁽ⁱ⁾)", oracle="np.sum(A2 - Y) / m", style="b-unicode-per-example")
C(M, "W1[0,1]", V, "0.1356 ± 0.0001", style="b-hand-pm")
C(M, "W1[0,1]", V, "135.6e-3", style="b-hand")
C(M, "W1[0,1]", V, "0.135 6", style="b-hand-grouped")
C(M, "W2", V, "[-0.1763; -0.008985]", style="b-hand-matlab-column")
C(M, "W2", V, "[[-0.1763],\n [-0.008985]]", style="b-hand-multiline")
C(M, "W1", V, r"\begin{bmatrix} -0.0979 & 0.1356 \\ -0.1959 & 0.0791 \end{bmatrix}", style="b-hand-bmatrix")
C(M, "b1", V, "(-0.0979, -0.0181)", style="b-hand-tuple", note="a tuple for the 1×2 row: right if read")
C(T, "w11", V, "-1.367·10^-2", style="b-hand")
C(T, "w11", V, "-13.67e-3", style="b-hand")
C(T, "w11", V, "-1.37E-02", style="b-hand")
C(T, "w11", V, "-0.0137 (to 3 s.f.)", style="b-hand")
C(T, "w11", V, "-0.0273", "scale-factor", style="b-hand")
C(T, "h_raw", N, "dh_raw = (h * (1 - h)) * dh", oracle="dh * h * (1 - h)", style="b")
C(T, "W1", N, "dW1 = np.outer(X, dh_raw)", oracle="X.T @ dh_raw", style="b-outer")
C(T, "W1", N, "dW1 = np.outer(dh_raw, X)", "*", oracle=None, style="b-outer-swapped")
C(E, "w", N, "dw = x * (O - t) * O * (1 - O)  # 链式法则", oracle=EW, style="b-chinese-comment")
C(E, "w", L, r"\frac{\partial E}{\partial w_i} = -(t - O)\,O\,(1 - O)\,x_i", oracle=EW, style="b-generic-index", note="an element-wise formula with a generic index i: right if read, refused naming the index is fair (first labelled \"*\" against that note: it is right)")
C(E, "w", N, "(O - t) * O * (1 - O) * x.T", "*", oracle=None, style="b-column")
C(H, "w", N, ">>> 2 * v * x\n40", oracle="2 * v * x", style="b-doctest-output")
C(H, "w", V, "40 (exactly)", style="b-hand")
C(H, "b", V, "2*v = 20", style="b-hand-working")
C(R, "w1", N, "grad_h = grad_h_relu * (h > 0)\ngrad_w1 = x.T.dot(grad_h)", oracle="x.T @ (dh_relu * (h > 0))", style="b")
C(R, "w2", N, "grad_w2 = h_relu.T.dot(2.0 * (y_pred - y)) / n", "scale-factor", oracle="h_relu.T @ (2 * (y_pred - y)) / n", style="b-mean")
C(S, "W", N, "dW = X.T.dot(P - Y) / X.shape[0]", oracle=SW, style="b")
C(S, "W", N, "dW = X.T.dot(P - Y) / Y.shape[1]", "scale-factor", oracle="X.T @ (P - Y) / k", style="b-size-name")
C(S, "Z", N, "dZ = (P - Y) / len(P)", oracle="(P - Y) / m", style="b")
C(S, "W", L, r"\frac{1}{m}\sum_{i=1}^{m}\mathbf{x}_i^{\top}(\mathbf{p}_i - \mathbf{y}_i)", oracle=SW, style="b-sum-rows")
C(S, "W", L, r"\frac{1}{m} X^\top \left(\operatorname{softmax}(Z) - Y\right)", oracle=SW, style="b")
C(B, "beta", N, "dbeta = dY.sum(0, keepdims=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="b")
C(B, "gamma", N, "dgamma = (dY * (Z - mu) / np.sqrt(var + eps)).sum(0)", oracle="np.sum(dY * Z_hat, axis=0)", style="b")
C(B, "Z", N, "dZ = gamma / np.sqrt(var + eps) * (dY - dY.mean(0) - Z_hat * (dY * Z_hat).mean(0))", oracle=BZ, style="b-means")
C(B, "Z", N, "dZ = gamma / np.sqrt(var + eps) * (dY - dY.mean(0))", "missing-path", oracle="gamma / np.sqrt(var + eps) * (dY - np.mean(dY, axis=0))", style="b-means-no-var")
C(Q, "z_2", N, "dh_raw = (1 - h_2 * h_2) * (h_2 - y)", oracle=QZ2, style="b-karpathy")
C(Q, "W_h", N, "dWhh = h_1.T @ dz_2 + h_0.T @ dz_1", oracle="h_1.T @ dz_2 + h_0.T @ dz_1", style="b-karpathy-names", note="dWhh is not a gradient name of this network: refused or right (first labelled \"*\" against that note: it is right)")
C(Q, "W_h", L, r"\sum_{t=1}^{2} \mathbf{h}_{t-1}^{\top}\,\boldsymbol{\delta}_t", "*", oracle=None, style="b-generic-delta", note="δ_t names no tensor: refused is fair")
C(Q, "W_x[0,0]", V, "-1.912E-01", style="b-hand")
C(A, "S", N, "dS = dA * A - A * (dA * A).sum(-1)[:, None]", oracle=AS, style="b")
C(A, "Q", N, "dQ = (dS @ K) / math.sqrt(d)", oracle="dS @ K / np.sqrt(d)", style="b")
C(A, "Q", L, r"\frac{1}{\sqrt{d_k}}\,\frac{\partial L}{\partial S}K", oracle="dS @ K / np.sqrt(d)", style="b-d_k", note="d_k is not this network's size name: refused or right (first labelled \"*\" against that note: it is right)")
C(A, "V", V, "[[-0.2272, 0.2730], [-0.1944, 0.2396]]", style="b-hand-matrix")
C(W, "Z2", N, "dZ2 = (A2 - Y) / m\ndZ2 = dZ2 * np.where(Y == 1, w, 1)", "*", oracle=None, style="b-binary-where", note="right only for 0/1 labels")
C(W, "b2", V, "-3.643e-1", style="b-hand")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c5-{_k:03d}"
_SEEN = {(c["net"], c["wrt"], c["kind"], c["text"].strip()) for c in corpus2.load() + corpus3.load() + corpus4.load()}
# cases that happen to repeat corpus 2, 3 or 4 word for word are left out; ids stay as written
CASES: list[dict] = [c for c in _rows if (c["net"], c["wrt"], c["kind"], c["text"].strip()) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


run = corpus2.run
judge = corpus2.judge
