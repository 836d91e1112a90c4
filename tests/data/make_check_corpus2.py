"""Writes tests/data/check_corpus2.jsonl: the red-team corpus of issue 11 (second round).

Written by hand in the styles of well-known courses (deeplearning.ai adapted to row-major, CS231n,
the PyTorch "NumPy by hand" tutorial, d2l, lecture-note LaTeX) over all ten built-ins. Each row:
net, wrt, kind (numpy | latex | value), text, verdict, code ("*" = any code, only the verdict is
judged), oracle (our own NumPy translation checked against PyTorch by tests/check_oracle.py; null
where the verdict rests on a convention such as relu'(0) = 0 or the example sizes), style.
Run: python tests/data/make_check_corpus2.py  (hand numbers are derived from PyTorch here).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

rows: list[dict] = []


def C(net, wrt, kind, text, code=None, oracle="", style=""):  # noqa: N802
    """code None: correct; otherwise the expected diagnosis code ("*" any). oracle "" = same as text."""
    if oracle == "" and kind == "numpy":
        oracle = text
    rows.append(
        dict(
            net=net,
            wrt=wrt,
            kind=kind,
            text=text,
            verdict="correct" if code is None else "incorrect",
            code=code,
            oracle=oracle or None,
            style=style,
        )
    )


N, L = "numpy", "latex"

# ---------------------------------------------------------------- mlp-bce (deeplearning.ai, row-major)
M = "mlp-bce"
for t in [
    "A1.T @ (A2 - Y) / m",
    "1/m * A1.T @ (A2 - Y)",
    "np.dot(A1.T, A2 - Y) / m",
    "A1.T.dot(dZ2)",
    "A1.T @ dZ2",
    "np.matmul(A1.T, A2 - Y) / X.shape[0]",
    "(1. / m) * np.dot(A1.T, (A2 - Y))",
    "A1.T @ (A2 - Y) / len(Y)",
    "dW2 = 1/m * A1.T @ (A2 - Y)",
    "np.transpose(A1) @ dZ2",
    "((A2 - Y).T @ A1).T / m",
    "A1.T @ (Yhat - Y) / m",
]:
    C(M, "W2", N, t, style="ng-rowmajor")
C(M, "W2", N, "A1.T @ (A2 - Y)", "scale-factor", style="ng-rowmajor")
C(M, "W2", N, "1/m * A1.T @ dZ2", "scale-factor", style="ng-dz-unnormalised")
C(M, "W2", N, "1/m * dZ2 @ A1.T", "shape-mismatch", style="ng-colmajor-verbatim")
C(M, "W2", N, "dZ2.T @ A1", "shape-mismatch")
C(M, "W2", N, "A1.T @ (Y - A2) / m", "sign")
C(M, "W2", N, "X.T @ dZ2", "wrong-layer")
C(M, "W2", N, "A1.T @ (A2 - Y) / n_h", "scale-factor")
C(M, "W2", N, "A1.T @ (A2 - Y) / X.shape[1]", "scale-factor")
C(M, "W2", N, "A1 @ dZ2", "missing-transpose")
C(M, "W2", N, "2 * A1.T @ dZ2", "scale-factor")
C(M, "W2", N, "Z1.T @ dZ2", "*")
C(M, "W2", N, "A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", "*")
for t in [
    "np.sum(dZ2, axis=0, keepdims=True)",
    "1/m * np.sum(A2 - Y, axis=0, keepdims=True)",
    "dZ2.sum(axis=0, keepdims=True)",
    "np.mean(A2 - Y, axis=0, keepdims=True)",
    "np.ones((1, m)) @ dZ2",
    "np.sum(A2 - Y) / m",
    "dZ2.sum(axis=0)",
]:
    C(M, "b2", N, t)
C(M, "b2", N, "np.sum(dZ2, axis=1, keepdims=True)", "wrong-sum-axis", style="ng-colmajor-verbatim")
C(M, "b2", N, "dZ2", "bias-not-summed")
C(M, "b2", N, "np.sum(A2 - Y, axis=0, keepdims=True)", "scale-factor")
for t in [
    "(A2 - Y) / m",
    "1/m * (A2 - Y)",
    "dA2 * A2 * (1 - A2)",
    "dA2 * sigmoid(Z2) * (1 - sigmoid(Z2))",
    "(A2 - Y) / Y.shape[0]",
]:
    C(M, "Z2", N, t)
C(M, "Z2", N, "A2 - Y", "scale-factor", style="ng-colmajor-verbatim")
C(M, "Z2", N, "(Y - A2) / m", "sign")
C(M, "Z2", N, "(A2 - Y) * A2 * (1 - A2) / m", "*")
C(M, "Z2", N, "dA2 * (Z2 > 0)", "wrong-activation-derivative")
C(M, "Z2", N, "dA2", "missing-activation-derivative")
for t in [
    "(-(Y / A2) + (1 - Y) / (1 - A2)) / m",
    "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)) / m",
    "(A2 - Y) / (A2 * (1 - A2)) / m",
]:
    C(M, "A2", N, t, style="ng-dAL")
C(M, "A2", N, "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))", "scale-factor", style="ng-dAL")
C(M, "A2", N, "(Y / A2 - (1 - Y) / (1 - A2)) / m", "sign")
for t in ["dZ2 @ W2.T", "np.dot(dZ2, W2.T)", "(A2 - Y) @ W2.T / m"]:
    C(M, "A1", N, t)
C(M, "A1", N, "dZ2 @ W2", "shape-mismatch")  # a product inside has the wrong shape
C(M, "A1", N, "(A2 - Y) @ W2.T", "scale-factor")
C(M, "A1", N, "W2.T @ dZ2", "*")
for t in [
    "dA1 * (Z1 > 0)",
    "np.multiply(dA1, np.int64(A1 > 0))",
    "dZ2 @ W2.T * (Z1 > 0)",
    "np.where(Z1 > 0, dA1, 0)",
    "dA1 * (A1 > 0)",
    "dA1 * (Z1 > 0).astype(float)",
    "np.dot(dZ2, W2.T) * np.greater(Z1, 0)",
    "dA1 * np.heaviside(Z1, 0)",
]:
    C(M, "Z1", N, t, style="ng-rowmajor")
C(M, "Z1", N, "dA1 * (Z1 >= 0)", "relu-at-zero", oracle=None)
C(M, "Z1", N, "dA1 * A1 * (1 - A1)", "wrong-activation-derivative")
C(M, "Z1", N, "dZ2 @ W2.T * (1 - A1 ** 2)", "wrong-activation-derivative", style="ng-tanh-copied")
C(M, "Z1", N, "dA1", "missing-activation-derivative")
C(M, "Z1", N, "dZ2 @ W2.T", "missing-activation-derivative")
C(M, "Z1", N, "dZ2 @ W2.T * A2 * (1 - A2)", "wrong-layer")
C(M, "Z1", N, "dZ2 @ W2.T * (Z2 > 0)", "wrong-layer")
C(M, "Z1", N, "dZ2 @ W2 * (Z1 > 0)", "shape-mismatch")
C(M, "Z1", N, "dA1 * Z1", "*")
for t in [
    "X.T @ dZ1",
    "X.T @ (dZ2 @ W2.T * (Z1 > 0))",
    "np.dot(X.T, np.dot(dZ2, W2.T) * (Z1 > 0))",
    "X.T.dot((A2 - Y).dot(W2.T) * (A1 > 0)) / m",
    "1/m * X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))",
]:
    C(M, "W1", N, t)
C(M, "W1", N, "X.T @ dZ1 / m", "scale-factor", style="ng-dz-unnormalised")
C(M, "W1", N, "X @ dZ1", "missing-transpose")
C(M, "W1", N, "A1.T @ dZ1", "wrong-layer")
C(M, "W1", N, "X.T @ (dZ2 @ W2.T)", "missing-activation-derivative")
C(M, "W1", N, "dZ1.T @ X", "operand-order")
C(M, "W1", N, "X.T @ (dZ2 @ W2.T * A1 * (1 - A1))", "wrong-activation-derivative")
C(M, "W1", N, "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", "scale-factor")
for t in [
    "np.sum(dZ1, axis=0, keepdims=True)",
    "dZ1.sum(axis=0, keepdims=True)",
    "np.ones((1, m)) @ dZ1",
]:
    C(M, "b1", N, t)
C(M, "b1", N, "np.sum(dZ1, axis=1, keepdims=True)", "wrong-sum-axis")
C(M, "b1", N, "dZ1", "bias-not-summed")
C(M, "b1", N, "np.sum(dZ1, axis=0, keepdims=True) / m", "scale-factor")
# LaTeX (lecture notes)
for t, o in [
    (r"\frac{1}{m} A^{[1]T} (A^{[2]} - Y)", "A1.T @ (A2 - Y) / m"),
    (r"\frac{1}{m} (A^{[1]})^{\top} (A^{[2]} - Y)", "A1.T @ (A2 - Y) / m"),
    (r"A^{[1]\top} \delta^{[2]}", "A1.T @ dZ2"),
    (
        r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} {A^{[1]}}^{\mathsf T} (A^{[2]} - Y)",
        "A1.T @ (A2 - Y) / m",
    ),
    (r"dW^{[2]} = \frac{1}{m} A^{[1]T} \left( A^{[2]} - Y \right)", "A1.T @ (A2 - Y) / m"),
    (r"$\frac{1}{m} A^{[1]^T} dZ^{[2]} \cdot m$", "A1.T @ dZ2"),
    (r"\frac{1}{m} A^{[1]\top} (\hat{Y} - Y)", "A1.T @ (A2 - Y) / m"),
]:
    C(M, "W2", L, t, oracle=o, style="notes")
C(M, "W2", L, r"A^{[1]\top} (A^{[2]} - Y)", "scale-factor", "A1.T @ (A2 - Y)")
C(M, "W2", L, r"\frac{1}{m} (A^{[2]} - Y) A^{[1]\top}", "shape-mismatch", "(A2 - Y) @ A1.T / m")
C(M, "W2", L, r"\frac{1}{m} X^{\top} (A^{[2]} - Y)", "wrong-layer", "X.T @ (A2 - Y) / m")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} (Y - A^{[2]})", "sign", "A1.T @ (Y - A2) / m")
C(M, "W2", L, r"\frac{1}{m} A^{[1]} (A^{[2]} - Y)", "missing-transpose", "A1 @ (A2 - Y) / m")
for t, o in [
    (r"\frac{1}{m} \sum_{i} (A^{[2]} - Y)", "np.sum(A2 - Y, axis=0, keepdims=True) / m"),
    (r"\sum_i \delta^{[2]}", "np.sum(dZ2, axis=0, keepdims=True)"),
    (r"\mathbf{1}^{\top} \delta^{[2]}", "np.sum(dZ2, axis=0, keepdims=True)"),
]:
    C(M, "b2", L, t, oracle=o, style="notes")
C(M, "b2", L, r"\delta^{[2]}", "bias-not-summed", "dZ2")
C(M, "b2", L, r"\sum_i (A^{[2]} - Y)", "scale-factor", "np.sum(A2 - Y, axis=0, keepdims=True)")
for t, o in [
    (r"\delta^{[2]} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]", "dZ2 @ W2.T * (Z1 > 0)"),
    (r"dZ^{[2]} W^{[2]T} \circ g'(Z^{[1]})", "dZ2 @ W2.T * (Z1 > 0)"),
    (r"\frac{\partial L}{\partial A^{[1]}} \odot \mathbb{1}\{Z^{[1]} > 0\}", "dA1 * (Z1 > 0)"),
    (r"dA^{[1]} * g^{[1]\prime}(Z^{[1]})", "dA1 * (Z1 > 0)"),
    (
        r"\frac{1}{m} (A^{[2]} - Y) (W^{[2]})^{T} \odot [Z^{[1]} > 0]",
        "(A2 - Y) @ W2.T / m * (Z1 > 0)",
    ),
]:
    C(M, "Z1", L, t, oracle=o, style="notes")
C(
    M,
    "Z1",
    L,
    r"\delta^{[2]} W^{[2]\top} \odot \sigma'(Z^{[1]})",
    "wrong-activation-derivative",
    "dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))",
)
C(
    M,
    "Z1",
    L,
    r"\delta^{[2]} W^{[2]\top} \odot g'(Z^{[2]})",
    "wrong-layer",
    "dZ2 @ W2.T * sigmoid(Z2) * (1 - sigmoid(Z2))",
)
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top}", "missing-activation-derivative", "dZ2 @ W2.T")
C(
    M,
    "Z1",
    L,
    r"\delta^{[2]} W^{[2]} \odot \mathbb{1}[Z^{[1]} > 0]",
    "missing-transpose",
    "dZ2 @ W2 * (Z1 > 0)",
)
for t, o in [
    (r"X^T \delta^{[1]}", "X.T @ dZ1"),
    (
        r"X^{\top} \left( \delta^{[2]} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0] \right)",
        "X.T @ (dZ2 @ W2.T * (Z1 > 0))",
    ),
    (
        r"\frac{1}{m} X^{\mathsf T} \left[ (A^{[2]} - Y) W^{[2]\mathsf T} \odot \mathbf{1}(Z^{[1]} > 0) \right]",
        "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m",
    ),
]:
    C(M, "W1", L, t, oracle=o, style="notes")
C(
    M,
    "W1",
    L,
    r"X^{\top} \left( \delta^{[2]} W^{[2]\top} \odot g'(Z^{[2]}) \right)",
    "wrong-layer",
    "X.T @ (dZ2 @ W2.T * sigmoid(Z2) * (1 - sigmoid(Z2)))",
)
C(M, "W1", L, r"A^{[1]\top} \delta^{[1]}", "wrong-layer", "A1.T @ dZ1")
C(M, "W1", L, r"\frac{1}{m} X^{\top} \delta^{[1]}", "scale-factor", "X.T @ dZ1 / m")
C(
    M,
    "A2",
    L,
    r"\frac{1}{m} \left( -\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}} \right)",
    None,
    "(-(Y / A2) + (1 - Y) / (1 - A2)) / m",
)
C(M, "Z2", L, r"\frac{1}{m}(\hat{Y} - Y)", None, "(A2 - Y) / m")
C(
    M,
    "Z2",
    L,
    r"\frac{\partial L}{\partial A^{[2]}} \odot A^{[2]} \odot (1 - A^{[2]})",
    None,
    "dA2 * A2 * (1 - A2)",
)
C(M, "Z2", L, r"\hat{Y} - Y", "scale-factor", "A2 - Y")

# ---------------------------------------------------------------- mlp-bce-weighted
W = "mlp-bce-weighted"
for t in [
    "((1 - Y) * A2 - w * Y * (1 - A2)) / m",
    "(A2 - Y + (1 - w) * Y * (1 - A2)) / m",
    "(A2 * (1 + (w - 1) * Y) - w * Y) / m",
    "dA2 * A2 * (1 - A2)",
    "(w * A2 * Y + A2 - w * Y - Y * A2) / m",
]:
    C(W, "Z2", N, t)
C(W, "Z2", N, "(A2 - Y) / m", "weighted-loss-not-simplifiable")
# the constant's value written for its name: right only for this value (the project's rule, as 2 for m)
C(W, "Z2", N, "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m", "unknown", oracle=None)
C(W, "Z2", N, "3 * (A2 - Y) / m", "weighted-loss-not-simplifiable")
C(W, "Z2", N, "(A2 - Y) * (1 + (w - 1) * Y) / m", "*", oracle=None, style="binary-labels-only")
C(W, "Z2", N, "(w * Y * (1 - A2) - (1 - Y) * A2) / m", "sign")
C(W, "Z2", N, "(1 - Y) * A2 - w * Y * (1 - A2)", "scale-factor")
C(W, "Z2", N, "(A2 - w * Y) / m", "*")
for t in [
    "(-w * Y / A2 + (1 - Y) / (1 - A2)) / m",
    "-(w * np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)) / m",
]:
    C(W, "A2", N, t)
C(W, "A2", N, "(-Y / A2 + (1 - Y) / (1 - A2)) / m", "*")
C(W, "W2", N, "A1.T @ dZ2")
C(W, "W2", N, "A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m")
C(W, "W2", N, "A1.T @ (A2 - Y) / m", "weighted-loss-not-simplifiable")
C(W, "b2", N, "np.sum(dZ2, axis=0, keepdims=True)")
C(W, "b2", N, "np.sum(A2 - Y, axis=0, keepdims=True) / m", "weighted-loss-not-simplifiable")
C(W, "W1", N, "X.T @ (dZ2 @ W2.T * (Z1 > 0))")
C(W, "Z1", N, "dZ2 @ W2.T * (Z1 > 0)")
C(W, "Z1", N, "dZ2 @ W2.T * A1 * (1 - A1)", "wrong-activation-derivative")
C(
    W,
    "Z2",
    L,
    r"\frac{1}{m}\left[(1 - Y) \odot A^{[2]} - w\, Y \odot (1 - A^{[2]})\right]",
    None,
    "((1 - Y) * A2 - w * Y * (1 - A2)) / m",
)
C(W, "Z2", L, r"\frac{1}{m}(A^{[2]} - Y)", "weighted-loss-not-simplifiable", "(A2 - Y) / m")

# ---------------------------------------------------------------- tiny-mlp (hand-computed numbers, Mazur style)
T = "tiny-mlp"
for t in ["y_pred - y_target", "dL = y_pred - y_target"[5:]]:
    C(T, "y_pred", N, t)
C(T, "y_pred", N, "y_target - y_pred", "sign")
C(T, "y_pred", N, "2 * (y_pred - y_target)", "scale-factor")
for t in [
    "h.T @ (y_pred - y_target)",
    "h.T * (y_pred - y_target)",
    "(y_pred - y_target) * h.T",
    "dy_pred * h.T",
    "h.T @ dy_pred",
]:
    C(T, "W2", N, t)
C(T, "W2", N, "h * (y_pred - y_target)", "*")
C(T, "W2", N, "h_raw.T @ dy_pred", "*")
C(T, "W2", N, "2 * h.T @ (y_pred - y_target)", "scale-factor")
for t in ["dy_pred @ W2.T", "(y_pred - y_target) * W2.T"]:
    C(T, "h", N, t)
C(T, "h", N, "(y_pred - y_target) * W2", "*")
for t in [
    "dh * h * (1 - h)",
    "(y_pred - y_target) * W2.T * h * (1 - h)",
    "dh * sigmoid(h_raw) * (1 - sigmoid(h_raw))",
]:
    C(T, "h_raw", N, t)
C(T, "h_raw", N, "dh", "missing-activation-derivative")
C(T, "h_raw", N, "dh * (h_raw > 0)", "wrong-activation-derivative")
C(T, "h_raw", N, "dh * (1 - h ** 2)", "wrong-activation-derivative")
C(T, "h_raw", N, "dh * h_raw * (1 - h_raw)", "*")
for t in [
    "X.T @ dh_raw",
    "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))",
    "np.outer(X, dh_raw)",
    "X.T @ (dy_pred @ W2.T * h * (1 - h))",
]:
    C(T, "W1", N, t)
C(T, "W1", N, "X.T @ dh", "missing-activation-derivative")
C(T, "W1", N, "dh_raw.T @ X", "operand-order")
C(T, "W1", N, "X.T @ (dy_pred @ W2.T)", "missing-activation-derivative")
C(T, "W1", N, "X.T @ (dy_pred @ W2.T * (1 - h) ** 2)", "*")
# element-wise, exactly the walkthrough's labels
for t in [
    "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1",
    "v1 * h1 * (1 - h1) * x1 * (y_pred - y_target)",
]:
    C(T, "w11", N, t, oracle=None, style="elementwise")
C(
    T,
    "W1[0,0]",
    N,
    "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1",
    oracle=None,
    style="elementwise",
)
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", oracle=None, style="elementwise")
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", oracle=None, style="elementwise")
C(
    T,
    "w11",
    N,
    "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2",
    "*",
    oracle=None,
    style="elementwise",
)
C(
    T,
    "w11",
    N,
    "(y_pred - y_target) * v2 * h1 * (1 - h1) * x1",
    "*",
    oracle=None,
    style="elementwise",
)
C(
    T,
    "w11",
    N,
    "(y_pred - y_target) * v1 * x1",
    "missing-activation-derivative",
    oracle=None,
    style="elementwise",
)
C(T, "v1", N, "(y_pred - y_target) * h1", oracle=None, style="elementwise")
C(T, "v2", N, "(y_pred - y_target) * h1", "*", oracle=None, style="elementwise")
C(
    T,
    "w11",
    L,
    r"(y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_1",
    oracle=None,
    style="elementwise",
)
C(T, "w22", L, r"(y_{pred} - y_{target}) v_2 h_2 (1 - h_2) x_2", oracle=None, style="elementwise")
C(
    T,
    "w11",
    L,
    r"(y_{pred} - y_{target}) v_1 \sigma'(h_{1,raw}) x_1",
    oracle=None,
    style="elementwise",
)
for t, o in [
    (r"h^{\top} (y_{pred} - y_{target})", "h.T @ (y_pred - y_target)"),
    (
        r"\frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial W_2}",
        "h.T @ dy_pred",
    ),
    (
        r"X^{\top} \left( (y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h) \right)",
        "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))",
    ),
]:
    C(T, "W1" if t.startswith("X") else "W2", L, t, oracle=o, style="notes")
C(T, "h_raw", L, r"\frac{\partial L}{\partial h} \odot \sigma'(h_{raw})", None, "dh * h * (1 - h)")
C(T, "h_raw", L, r"\frac{\partial L}{\partial h} \odot h \odot (1 - h)", None, "dh * h * (1 - h)")
C(T, "h_raw", L, r"\frac{\partial L}{\partial h}", "missing-activation-derivative", "dh")

# ---------------------------------------------------------------- neuron
E = "neuron"
for t in [
    "(O - t) * O * (1 - O) * x",
    "dz * x",
    "dO * O * (1 - O) * x",
    "(O - t) * sigmoid(z) * (1 - sigmoid(z)) * x",
    "x * (O - t) * O * (1 - O)",
]:
    C(E, "w", N, t)
C(E, "w", N, "(O - t) * x", "missing-activation-derivative")
C(E, "w", N, "(O - t) * O * (1 - O) * x.T", "*")
C(E, "w", N, "2 * (O - t) * O * (1 - O) * x", "scale-factor", style="mse-without-half")
C(E, "w", N, "(t - O) * O * (1 - O) * x", "sign")
C(E, "w", N, "(O - t) * O * (1 - O) * w", "*")
C(E, "z", N, "(O - t) * O * (1 - O)")
C(E, "z", N, "O - t", "missing-activation-derivative")
C(E, "O", N, "O - t")
C(E, "O", N, "2 * (O - t)", "scale-factor")
for t, o in [
    (r"(O - t)\, O (1 - O)\, x", "(O - t) * O * (1 - O) * x"),
    (r"\frac{\partial L}{\partial O}\frac{\partial O}{\partial z} x", "dO * O * (1 - O) * x"),
    (r"(O - t)\,\sigma'(z)\, x", "(O - t) * O * (1 - O) * x"),
    (r"(O-t)\sigma(z)\left(1-\sigma(z)\right)\mathbf{x}", "(O - t) * O * (1 - O) * x"),
]:
    C(E, "w", L, t, oracle=o, style="notes")
C(E, "z", L, r"(O - t) \cdot \sigma(z) \cdot (1 - \sigma(z))", None, "(O - t) * O * (1 - O)")
C(E, "w", L, r"(O - t)\, x", "missing-activation-derivative", "(O - t) * x")
C(E, "w", L, r"2 (O - t) O (1 - O) x", "scale-factor", "2 * (O - t) * O * (1 - O) * x")
C(E, "w0", N, "(O - t) * O * (1 - O) * x0", oracle=None, style="elementwise")
C(E, "w2", N, "(O - t) * O * (1 - O) * x2", oracle=None, style="elementwise")
C(E, "w1", N, "(O - t) * O * (1 - O) * x2", "*", oracle=None, style="elementwise")

# ---------------------------------------------------------------- chain
H = "chain"
for t in ["2 * v * x", "2 * (w * x + b) * x", "2 * (u + b) * x", "2*x*v", "dv * x", "du * x"]:
    C(H, "w", N, t)
C(H, "w", N, "v * x", "scale-factor")
C(H, "w", N, "-2 * v * x", "sign")
C(H, "w", N, "2 * v", "*")
C(H, "w", N, "2 * v * w", "*")
for t in ["2 * v", "2 * (u + b)", "dv", "2 * (w * x + b)"]:
    C(H, "b", N, t)
C(H, "b", N, "2 * v * x", "*")
C(H, "b", N, "v", "scale-factor")
C(H, "u", N, "2 * v")
C(H, "u", N, "2 * v * x", "*")
C(H, "v", N, "2 * v")
C(H, "v", N, "v ** 2", "*")
for t, o in [
    (r"2 v x", "2 * v * x"),
    (r"2(wx + b)x", "2 * (w * x + b) * x"),
    (
        r"\frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w}",
        "2 * v * x",
    ),
    (r"2 \cdot v \cdot x", "2 * v * x"),
]:
    C(H, "w", L, t, oracle=o, style="notes")
C(H, "b", L, r"2v", None, "2 * v")
C(H, "w", L, r"v x", "scale-factor", "v * x")

# ---------------------------------------------------------------- relu-mlp (PyTorch tutorial "NumPy by hand")
R = "relu-mlp"
for t in ["2.0 * (y_pred - y)", "2 * (y_pred - y)"]:
    C(R, "y_pred", N, t, style="pytorch-tutorial")
C(R, "y_pred", N, "y_pred - y", "scale-factor")
C(R, "y_pred", N, "2 * (y - y_pred)", "sign")
C(R, "y_pred", N, "2 * (y_pred - y) / n", "scale-factor")
for t in ["h_relu.T.dot(2.0 * (y_pred - y))", "h_relu.T @ dy_pred", "np.dot(h_relu.T, dy_pred)"]:
    C(R, "w2", N, t, style="pytorch-tutorial")
C(R, "w2", N, "h.T @ dy_pred", "*")
C(R, "w2", N, "h_relu.T @ (y_pred - y)", "scale-factor")
C(R, "w2", N, "dy_pred.T @ h_relu", "shape-mismatch")
C(R, "w2", N, "h_relu @ dy_pred", "missing-transpose")
C(R, "w2", N, "h_relu.T @ dy_pred / D_out", "scale-factor")
C(R, "w2", N, "x.T @ dy_pred", "*")
for t in ["dy_pred.dot(w2.T)", "dy_pred @ w2.T", "2 * (y_pred - y) @ w2.T"]:
    C(R, "h_relu", N, t)
C(R, "h_relu", N, "dy_pred @ w2", "shape-mismatch")
for t in [
    "dh_relu * (h > 0)",
    "np.where(h > 0, dh_relu, 0)",
    "dh_relu * (h_relu > 0)",
    "dh_relu * np.sign(h_relu)",
    "dh_relu * (h > 0).astype(np.float64)",
]:
    C(R, "h", N, t)
C(R, "h", N, "dh_relu", "missing-activation-derivative")
C(R, "h", N, "dh_relu * h_relu", "*")
C(R, "h", N, "dh_relu * (h >= 0)", "relu-at-zero", oracle=None)
for t in [
    "x.T.dot(dh)",
    "x.T @ (dy_pred @ w2.T * (h > 0))",
    "x.T @ ((2 * (y_pred - y)) @ w2.T * (h > 0))",
]:
    C(R, "w1", N, t, style="pytorch-tutorial")
C(R, "w1", N, "x.T @ dh_relu", "missing-activation-derivative")
C(R, "w1", N, "x.T @ dh / n", "scale-factor")
C(R, "w1", N, "h.T @ dh", "*")
C(R, "w1", N, "x.T @ ((y_pred - y) @ w2.T * (h > 0))", "scale-factor")
C(
    R,
    "w1",
    L,
    r"x^{\top} \left( 2 (\hat{y} - y) w_2^{\top} \odot \mathbb{1}[h > 0] \right)",
    None,
    "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))",
)
C(R, "w2", L, r"h_{relu}^{\top} \cdot 2 (y_{pred} - y)", None, "h_relu.T @ (2 * (y_pred - y))")

# ---------------------------------------------------------------- softmax-regression (CS231n)
S = "softmax-regression"
for t in [
    "(P - Y) / m",
    "1/m * (P - Y)",
    "(P - Y) / X.shape[0]",
    "dP * P - P * np.sum(dP * P, axis=1, keepdims=True)",
    "P * (dP - np.sum(dP * P, axis=1, keepdims=True))",
]:
    C(S, "Z", N, t, style="cs231n")
C(S, "Z", N, "P - Y", "scale-factor")
C(S, "Z", N, "(Y - P) / m", "sign")
C(S, "Z", N, "(P - Y) / k", "scale-factor")
C(S, "Z", N, "(P - Y) / n", "scale-factor")
C(S, "Z", N, "dP * P * (1 - P)", "*")
for t in ["X.T @ (P - Y) / m", "np.dot(X.T, dZ)", "X.T.dot(dZ)", "1/m * X.T @ (P - Y)"]:
    C(S, "W", N, t, style="cs231n")
C(S, "W", N, "X.T @ (P - Y)", "scale-factor")
C(S, "W", N, "(P - Y).T @ X / m", "shape-mismatch")
C(S, "W", N, "X @ dZ", "missing-transpose")
C(S, "W", N, "X.T @ (Y - P) / m", "sign")
for t in [
    "np.sum(dZ, axis=0, keepdims=True)",
    "np.mean(P - Y, axis=0, keepdims=True)",
    "dZ.sum(axis=0)",
]:
    C(S, "b", N, t, style="cs231n")
C(S, "b", N, "np.sum(dZ, axis=1, keepdims=True)", "wrong-sum-axis")
C(S, "b", N, "dZ", "bias-not-summed")
C(S, "b", N, "np.sum(P - Y, axis=0, keepdims=True)", "scale-factor")
C(S, "P", N, "-Y / P / m")
C(S, "P", N, "-Y / P", "scale-factor")
C(S, "P", N, "-Y / (m * P)")
for t, o in [
    (r"\frac{1}{m} X^{\top} (P - Y)", "X.T @ (P - Y) / m"),
    (r"\frac{1}{m} X^T (\hat{Y} - Y)", "X.T @ (P - Y) / m"),
]:
    C(S, "W", L, t, oracle=o, style="notes")
C(S, "Z", L, r"\frac{1}{m}(P - Y)", None, "(P - Y) / m")
C(S, "Z", L, r"\frac{P - Y}{m}", None, "(P - Y) / m")
C(S, "b", L, r"\frac{1}{m} \sum_{i} (P - Y)", None, "np.sum(P - Y, axis=0, keepdims=True) / m")
C(S, "W", L, r"X^{\top} (P - Y)", "scale-factor", "X.T @ (P - Y)")

# ---------------------------------------------------------------- batchnorm (Kratzert / CS231n assignment 2)
B = "batchnorm"
COMPACT = "gamma / (m * np.sqrt(var + eps)) * (m * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))"
for t in ["np.sum(dY, axis=0, keepdims=True)", "dY.sum(axis=0)"]:
    C(B, "beta", N, t, style="cs231n")
C(B, "beta", N, "np.sum(dY, axis=1, keepdims=True)", "wrong-sum-axis")
C(B, "beta", N, "dY", "bias-not-summed")
C(B, "beta", N, "np.mean(dY, axis=0, keepdims=True)", "scale-factor")
for t in ["np.sum(dY * Z_hat, axis=0, keepdims=True)", "(dY * Z_hat).sum(axis=0)"]:
    C(B, "gamma", N, t, style="cs231n")
C(B, "gamma", N, "np.sum(dY, axis=0, keepdims=True)", "*")
C(B, "gamma", N, "np.sum(dY * Z_c, axis=0, keepdims=True)", "*")
C(B, "gamma", N, "dY * Z_hat", "bias-not-summed")
C(B, "Y", N, "2 * (Y - T) / (m * n)")
C(
    B, "Y", N, "2 * (Y - T) / Y.size", None, oracle=None
)  # .size is not m*n in every reader; see test
rows.pop()
C(B, "Y", N, "2 * (Y - T) / m", "scale-factor")
C(B, "Y", N, "(Y - T) / (m * n)", "scale-factor")
C(B, "Z_hat", N, "dY * gamma")
C(B, "Z_hat", N, "dY", "*")
C(B, "W", N, "X.T @ dZ")
C(B, "W", N, "dZ.T @ X", "operand-order")
C(B, "W", N, "X.T @ dZ_hat", "*")
C(B, "Z", N, COMPACT, style="kratzert-compact")
C(
    B,
    "Z",
    N,
    "(1 / m) * gamma / np.sqrt(var + eps) * (m * dY - dY.sum(axis=0) - Z_hat * (dY * Z_hat).sum(axis=0))",
    style="kratzert-compact",
)
C(
    B,
    "Z",
    N,
    "(m * dZ_hat - np.sum(dZ_hat, axis=0) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0)) / (m * np.sqrt(var + eps))",
    style="cs231n-compact",
)
C(B, "Z", N, "dZ_hat / np.sqrt(var + eps) + dvar * 2 * Z_c / m + dmu / m", style="kratzert-staged")
C(B, "Z", N, "gamma / np.sqrt(var + eps) * dY", "*")
C(
    B,
    "Z",
    N,
    "gamma / np.sqrt(var + eps) * (m * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))",
    "scale-factor",
)
C(
    B,
    "var",
    N,
    "np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * -0.5 * (var + eps) ** -1.5",
    style="kratzert",
)
C(B, "var", N, "np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * 0.5 * (var + eps) ** -1.5", "sign")
C(B, "mu", N, "-np.sum(dZ_c, axis=0, keepdims=True)")
C(B, "mu", N, "np.sum(-dZ_hat / np.sqrt(var + eps), axis=0, keepdims=True)", style="kratzert")
C(B, "Z_c", N, "dZ_hat / np.sqrt(var + eps) + dvar * 2 * Z_c / m", style="kratzert")
C(B, "Z_c", N, "dZ_hat / np.sqrt(var + eps)", "*")
C(
    B,
    "gamma",
    L,
    r"\sum_{i} \frac{\partial L}{\partial Y} \odot \hat{Z}",
    None,
    "np.sum(dY * Z_hat, axis=0, keepdims=True)",
)
C(
    B,
    "beta",
    L,
    r"\sum_{i=1}^{m} \frac{\partial L}{\partial Y}",
    None,
    "np.sum(dY, axis=0, keepdims=True)",
)
C(B, "W", L, r"X^{\top} \frac{\partial L}{\partial Z}", None, "X.T @ dZ")

# ---------------------------------------------------------------- rnn (BPTT)
Q = "rnn"
C(Q, "h_2", N, "h_2 - y")
C(Q, "h_2", N, "2 * (h_2 - y)", "scale-factor")
C(Q, "h_2", N, "y - h_2", "sign")
for t in [
    "dh_2 * (1 - h_2 ** 2)",
    "(h_2 - y) * (1 - h_2 ** 2)",
    "dh_2 * (1 - np.tanh(z_2) ** 2)",
    "dh_2 * (1 - h_2 * h_2)",
    "(h_2 - y) * (1 - np.square(h_2))",
]:
    C(Q, "z_2", N, t)
C(Q, "z_2", N, "dh_2 * h_2 * (1 - h_2)", "wrong-activation-derivative")
C(Q, "z_2", N, "dh_2", "missing-activation-derivative")
C(Q, "z_2", N, "dh_2 * (1 - h_1 ** 2)", "wrong-layer")
C(Q, "z_2", N, "dh_2 * (1 - h_2) ** 2", "*")
C(Q, "h_1", N, "dz_2 @ W_h.T")
C(Q, "h_1", N, "dz_2 @ W_h", "missing-transpose")
C(Q, "z_1", N, "dh_1 * (1 - h_1 ** 2)")
C(Q, "z_1", N, "(dz_2 @ W_h.T) * (1 - h_1 ** 2)")
C(Q, "z_1", N, "dz_2 * (1 - h_1 ** 2)", "*")
C(Q, "z_1", N, "dh_1 * (1 - h_2 ** 2)", "wrong-layer")
for t in ["x_1.T @ dz_1 + x_2.T @ dz_2", "np.dot(x_1.T, dz_1) + np.dot(x_2.T, dz_2)"]:
    C(Q, "W_x", N, t)
C(Q, "W_x", N, "x_2.T @ dz_2", "*")
C(Q, "W_x", N, "x_1.T @ dz_2 + x_2.T @ dz_1", "*")
C(Q, "W_h", N, "h_0.T @ dz_1 + h_1.T @ dz_2")
C(Q, "W_h", N, "h_1.T @ dz_2", "*")
C(Q, "W_h", N, "h_1.T @ dz_1 + h_2.T @ dz_2", "*")
C(Q, "W_h", N, "dz_1.T @ h_0 + dz_2.T @ h_1", "operand-order")
for t in ["np.sum(dz_1 + dz_2, axis=0, keepdims=True)", "dz_1.sum(axis=0) + dz_2.sum(axis=0)"]:
    C(Q, "b", N, t)
# right only while the batch is one sequence (m = 1): at sizes that all differ it is not summed
C(Q, "b", N, "dz_1 + dz_2", "bias-not-summed")
C(Q, "b", N, "np.sum(dz_2, axis=0, keepdims=True)", "*")
C(Q, "z_2", L, r"\frac{\partial L}{\partial h_2} \odot (1 - h_2^2)", None, "dh_2 * (1 - h_2 ** 2)")
C(Q, "z_2", L, r"(h_2 - y) \odot (1 - h_2 \odot h_2)", None, "(h_2 - y) * (1 - h_2 * h_2)")
C(
    Q,
    "W_h",
    L,
    r"h_0^{\top} \frac{\partial L}{\partial z_1} + h_1^{\top} \frac{\partial L}{\partial z_2}",
    None,
    "h_0.T @ dz_1 + h_1.T @ dz_2",
)
C(Q, "W_h", L, r"h_1^{\top} \frac{\partial L}{\partial z_2}", "*", "h_1.T @ dz_2")

# ---------------------------------------------------------------- attention
A = "attention"
C(A, "O", N, "2 * (O - T) / (n * d)")
C(A, "O", N, "2 * (O - T) / n", "scale-factor")
C(A, "O", N, "(O - T) / (n * d)", "scale-factor")
C(A, "V", N, "A.T @ dO")
C(A, "V", N, "A @ dO", "missing-transpose")
C(A, "A", N, "dO @ V.T")
C(A, "A", N, "dO @ V", "missing-transpose")
C(A, "W_v", N, "X.T @ dV")
C(A, "W_v", N, "X.T @ A.T @ dO")
C(A, "W_v", N, "X.T @ A @ dO", "*")
C(A, "W_v", N, "X.T @ dV / n", "scale-factor")
for t in [
    "A * (dA - np.sum(dA * A, axis=1, keepdims=True))",
    "A * (dA - (dA * A).sum(axis=1, keepdims=True))",
    "A * dA - A * np.sum(A * dA, axis=-1, keepdims=True)",
]:
    C(A, "S", N, t)
C(A, "S", N, "A * (1 - A) * dA", "*")
C(A, "S", N, "A * (dA - np.sum(dA * A, axis=0, keepdims=True))", "wrong-sum-axis")
for t in ["dS @ K / np.sqrt(d)", "dS @ K / d ** 0.5", "np.dot(dS, K) / np.sqrt(d)"]:
    C(A, "Q", N, t)
C(A, "Q", N, "dS @ K", "scale-factor")
C(A, "Q", N, "dS @ K / d", "scale-factor")
C(A, "K", N, "dS.T @ Q / np.sqrt(d)")
C(A, "K", N, "dS @ Q / np.sqrt(d)", "missing-transpose")
C(A, "W_q", N, "X.T @ dQ")
C(A, "W_k", N, "X.T @ dK")
C(A, "W_k", N, "X.T @ dQ", "*")
C(A, "W_q", N, "X.T @ dS @ K / np.sqrt(d)")
C(A, "V", L, r"A^{\top} \frac{\partial L}{\partial O}", None, "A.T @ dO")
C(A, "Q", L, r"\frac{1}{\sqrt{d}} \frac{\partial L}{\partial S} K", None, "dS @ K / np.sqrt(d)")
C(A, "Q", L, r"\frac{\partial L}{\partial S} K", "scale-factor", "dS @ K")
C(A, "W_v", L, r"X^{\top} A^{\top} \frac{\partial L}{\partial O}", None, "X.T @ A.T @ dO")

# ---------------------------------------------------------------- round 2: spellings found by probing
for t in ["A1.transpose() @ dZ2", "A1.T.dot(A2 - Y) * (1/m)", "np.divide(A1.T @ (A2 - Y), m)",
          "A1.T @ (A2 - Y) / Y.size", "(dZ2.T @ A1).T", "np.mean(A1 * (A2 - Y), axis=0, keepdims=True).T"]:
    C(M, "W2", N, t, style="probe")
C(M, "W2", N, "A1.T @ (A2 - Y) / X.size", "scale-factor", style="probe")
for t in ["dA1 * (Z1 > 0) * 1.0", "dA1 * np.where(Z1 > 0, 1, 0)", "dA1 * np.where(Z1 <= 0, 0, 1)",
          "np.multiply(dA1, Z1 > 0)", "dA1 * (A1 != 0)"]:
    C(M, "Z1", N, t, style="probe")
C(M, "Z2", N, "A2 - Y / m", "*", style="precedence")
C(M, "Z2", N, "np.subtract(A2, Y) / m", style="probe")
for t, o in [(r"\frac{\hat{y} - y}{m}", "(A2 - Y) / m"), (r"\frac{1}{m}(a^{[2]} - y)", "(A2 - Y) / m"),
             (r"\frac{1}{m}\left(\sigma(Z^{[2]}) - Y\right)", "(A2 - Y) / m")]:
    C(M, "Z2", L, t, oracle=o, style="notes-lowercase")
C(M, "Z2", L, r"\frac{1}{m}(A^{[2]} - Y) \odot \sigma'(Z^{[2]})", "*", "(A2 - Y) / m * A2 * (1 - A2)")
for t, o in [(r"\tfrac{1}{m} A^{[1]\top}(A^{[2]}-Y)", "A1.T @ (A2 - Y) / m"),
             (r"m^{-1} A^{[1]\top}(A^{[2]}-Y)", "A1.T @ (A2 - Y) / m"),
             (r"\frac{1}{m} A_1^\top (A_2 - Y)", "A1.T @ (A2 - Y) / m"),
             (r"\frac{1}{m} \mathbf{A}^{[1]\top} (\mathbf{A}^{[2]} - \mathbf{Y})", "A1.T @ (A2 - Y) / m"),
             (r"\nabla_{W^{[2]}} L = \frac{1}{m} A^{[1]\top} (A^{[2]} - Y)", "A1.T @ (A2 - Y) / m"),
             (r"\frac{1}{m} A^{[1]\mathsf{T}} (A^{[2]} - Y)", "A1.T @ (A2 - Y) / m"),
             (r"\frac{1}{m} (A^{[1]})^{\intercal} (A^{[2]} - Y)", "A1.T @ (A2 - Y) / m")]:
    C(M, "W2", L, t, oracle=o, style="notes")
for t, o in [(r"X^\top \left[ \delta^{[2]} (W^{[2]})^\top \odot \mathbb{I}(Z^{[1]} > 0) \right]", "X.T @ (dZ2 @ W2.T * (Z1 > 0))"),
             (r"X^\top \left( \delta^{[2]} W^{[2]\top} \odot \text{ReLU}'(Z^{[1]}) \right)", "X.T @ (dZ2 @ W2.T * (Z1 > 0))")]:
    C(M, "W1", L, t, oracle=o, style="notes")
for t, o in [(r"\mathbf{1}_m^\top \delta^{[1]}", "np.sum(dZ1, axis=0, keepdims=True)"),
             (r"\mathbf{1}^T dZ^{[1]}", "np.sum(dZ1, axis=0, keepdims=True)")]:
    C(M, "b1", L, t, oracle=o, style="notes")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top} \odot \mathbb{1}_{Z^{[1]} > 0}", None, "dZ2 @ W2.T * (Z1 > 0)")
C(S, "b", N, "np.mean(P - Y, axis=1, keepdims=True)", "wrong-sum-axis")
C(S, "b", N, "dZ.sum(axis=-2)")
C(A, "S", N, "A * (dA - (dA * A).sum(-1, keepdims=True))")
C(A, "S", N, "A * (dA - (dA * A).sum(axis=-2, keepdims=True))", "wrong-sum-axis")
C(B, "Y", N, "2 * (Y - T) / Y.size")
C(B, "Z", N, "gamma / (n * np.sqrt(var + eps)) * (n * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))", "*")
C(E, "w", N, "(O - t) * O * (1 - O) * X", oracle="(O - t) * O * (1 - O) * x")
C(W, "Z2", N, "((1 - Y) * A2 - 3 * Y * (1 - A2)) / 2", "*", oracle=None)

# round 2, second probe: function names in fonts, powers of functions, tutorial names
C(S, "Z", L, r"\frac{1}{m}(\mathrm{softmax}(Z) - Y)", None, "(P - Y) / m")
C(S, "W", L, r"\frac{1}{m} X^{\top}(\operatorname{softmax}(XW + b) - Y)", None, "X.T @ (P - Y) / m")
C(S, "P", L, r"-\frac{1}{m} Y \oslash P", None, "-Y / P / m")
C(Q, "z_2", L, r"\frac{\partial L}{\partial h_2} \odot \left(1 - \tanh^2(z_2)\right)", None, "dh_2 * (1 - h_2 ** 2)")
C(Q, "z_2", L, r"(h_2 - y) \odot \tanh'(z_2)", None, "(h_2 - y) * (1 - h_2 ** 2)")
C(Q, "z_2", L, r"(h_2 - y) \odot \tanh(z_2)^2", "*", "(h_2 - y) * h_2 ** 2")
C(A, "Q", N, "dS @ K / math.sqrt(d)", oracle="dS @ K / np.sqrt(d)")
C(R, "w2", N, "h_relu.T.dot(grad_y_pred)", oracle="h_relu.T @ dy_pred", style="pytorch-tutorial")
C(R, "w1", N, "x.T.dot(grad_h)", oracle="x.T @ dh", style="pytorch-tutorial")
C(R, "h_relu", N, "grad_y_pred.dot(w2.T)", oracle="dy_pred @ w2.T", style="pytorch-tutorial")
C(R, "w1", N, "x.T.dot(grad_h_relu)", "missing-activation-derivative", oracle="x.T @ dh_relu")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top} \odot \mathrm{relu}'(Z^{[1]})", None, "dZ2 @ W2.T * (Z1 > 0)")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top} \odot \mathrm{sigmoid}'(Z^{[1]})", "wrong-activation-derivative",
  "dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))")

# element-wise formulas on networks without [labels]: the walkthrough's own notation, NumPy entries
for wrt, text, code, o in [
    ("W1[0,0]", r"\delta_{Z^{[1]}_{11}} \cdot X_{11} + \delta_{Z^{[1]}_{21}} \cdot X_{21}", None,
     "dZ1[0,0] * X[0,0] + dZ1[1,0] * X[1,0]"),
    ("W1[1,0]", r"\delta_{Z^{[1]}_{11}} X_{12} + \delta_{Z^{[1]}_{21}} X_{22}", None,
     "dZ1[0,0] * X[0,1] + dZ1[1,0] * X[1,1]"),
    ("b1[0,1]", r"\delta_{Z^{[1]}_{12}} + \delta_{Z^{[1]}_{22}}", None, "dZ1[0,1] + dZ1[1,1]"),
    ("W2[1,0]", r"A^{[1]}_{12} \delta_{Z^{[2]}_{1}} + A^{[1]}_{22} \delta_{Z^{[2]}_{2}}", None,
     "A1[0,1] * dZ2[0,0] + A1[1,1] * dZ2[1,0]"),
]:
    C(M, wrt, L, text, code, o, style="elementwise-walkthrough")
for wrt, text, code in [
    ("W1[0,0]", "X[0,0]*dZ1[0,0] + X[1,0]*dZ1[1,0]", None),
    ("W2[0,0]", "A1[0,0]*dZ2[0] + A1[1,0]*dZ2[1]", None),
    ("W1[0,1]", "X[0,0]*dZ1[0,0] + X[1,0]*dZ1[1,0]", "*"),
    ("b2[0,0]", "dZ2[0] + dZ2[1]", None),
]:
    C(M, wrt, N, text, code, style="elementwise-numpy")
C(S, "W[1,2]", N, "X[0,1]*dZ[0,2] + X[1,1]*dZ[1,2]", style="elementwise-numpy")
C(Q, "W_h[0,1]", N, "h_0[0,0]*dz_1[0,1] + h_1[0,0]*dz_2[0,1]", style="elementwise-numpy")

# ---------------------------------------------------------------- hand numbers (exact values from PyTorch)
from check_oracle import exact_value  # noqa: E402


def sig(x: float, digits: int) -> str:
    return f"{x:.{digits}g}" if abs(x) >= 1e-4 else f"{x:.{digits - 1}e}"


def numbers(net, wrt, label=None, other=None):
    idx = re.findall(r"\d+", wrt.split("[")[1]) if "[" in wrt else ["0", "0"]
    v = exact_value(net, wrt.split("[")[0], int(idx[0]), int(idx[1]))
    name = label or wrt
    for dg in (3, 4, 6):
        rows.append(
            dict(
                net=net,
                wrt=name,
                kind="value",
                text=sig(v, dg),
                verdict="correct",
                code=None,
                oracle=None,
                style="hand",
                exact=v,
            )
        )
    rows.append(
        dict(
            net=net,
            wrt=name,
            kind="value",
            text=sig(-v, 4),
            verdict="incorrect",
            code="sign",
            oracle=None,
            style="hand",
            exact=v,
        )
    )
    rows.append(
        dict(
            net=net,
            wrt=name,
            kind="value",
            text=sig(2 * v, 4),
            verdict="incorrect",
            code="scale-factor",
            oracle=None,
            style="hand",
            exact=v,
        )
    )
    rows.append(
        dict(
            net=net,
            wrt=name,
            kind="value",
            text=sig(v * 1.07, 4),
            verdict="incorrect",
            code="*",
            oracle=None,
            style="hand",
            exact=v,
        )
    )
    if other is not None:
        o = exact_value(net, wrt.split("[")[0], *other)
        rows.append(
            dict(
                net=net,
                wrt=name,
                kind="value",
                text=sig(o, 4),
                verdict="incorrect",
                code="wrong-entry",
                oracle=None,
                style="hand",
                exact=v,
            )
        )


numbers("tiny-mlp", "W1[0,0]", "w11", other=(1, 1))
numbers("tiny-mlp", "W2[1,0]", "v2", other=(0, 0))
numbers("mlp-bce", "W1[0,0]", other=(0, 1))
numbers("mlp-bce", "W2[0,0]")
numbers("neuron", "w[0,1]", "w1", other=(0, 2))
numbers("softmax-regression", "W[0,2]", other=(1, 2))
numbers("chain", "w")
rows.append(
    dict(
        net="tiny-mlp",
        wrt="w11",
        kind="value",
        text="-0.01",
        verdict="incorrect",
        code="too-few-digits",
        oracle=None,
        style="hand",
    )
)
rows.append(
    dict(
        net="chain",
        wrt="w",
        kind="value",
        text="40.4",
        verdict="incorrect",
        code="*",
        oracle=None,
        style="hand",
    )
)
rows.append(
    dict(
        net="chain",
        wrt="b",
        kind="value",
        text="20",
        verdict="correct",
        code=None,
        oracle=None,
        style="hand",
    )
)

for k, r in enumerate(rows):
    r["id"] = f"c2-{k:03d}"
with open(HERE / "check_corpus2.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "cases")
