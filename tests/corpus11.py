"""The held-out-style corpus of issue 11, eleventh round: the six older built-ins weighted most
(tiny-mlp, neuron, chain, mlp-bce, mlp-bce-weighted, relu-mlp), then the four newer ones, written
where corpus 7-10 did not go: whole derivations submitted at once (a ``def backward(...)`` body
with intermediates dZ2, dA1, dZ1 before the asked gradient, a right answer after a wrong
intermediate it does not use, a wrong intermediate it does use), Jupyter cells with comments and
blank lines, ``aligned`` blocks, CS231n modular layers (``affine_backward``/``relu_backward``
helpers and tuple unpacking), Ng's column-major course code run on the batch-first networks
(``np.dot(dZ1, X.T)``), PyTorch ``.grad``/``grad_w2`` names, index and Einstein notation
(``\\sum_k \\delta_k w_{jk}``, implied sums), MathJax-only macros (``\\bm``, ``\\intercal``,
``{}^\\top``, ``'``), Unicode math pasted from Word/PDF (``∑``, ``·``, ``⊙``, ``σ′``, ``Wᵀ``,
``−``, ``½``, subscript digits) and hand numbers in every spelling (trailing zeros, scientific
notation, fractions, decimal commas, NumPy ``array(...)`` printouts, 1-D lists), wrong sizes named
where the example's sizes coincide (mlp-bce: m = n_in = n_h; relu-mlp: n = H), and ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any); ``opts`` carries ``rtol``/``digits``. Every expectation was written before the
checker was run on any of them (bench/RESULTS.md, "corpus 11": the first measurement). Built-in
matrix cases carry a PyTorch oracle (tests/check_oracle.py) where the text's meaning is a NumPy
expression; hand numbers were computed in PyTorch float64 (check_oracle.exact_value) and rounded
by hand. Decision for European decimal commas: ``-0,0137`` is a decimal (README), ``1,234`` is
refused as ambiguous; a percentage is not a gradient's value and is not used.
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


C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816


# ================================================================ mlp-bce: whole derivations at once
M, MW = "mlp-bce", "mlp-bce-weighted"
W2R, W1R = "A1.T @ (A2 - Y) / m", "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
B2R, B1R = "np.sum(A2 - Y, axis=0, keepdims=True) / m", "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"
_DEF = (
    "def backward_propagation(X, Y, A1, A2, W2):\n"
    "    m = X.shape[0]\n"
    "    dZ2 = A2 - Y\n"
    "    dW2 = (1 / m) * A1.T @ dZ2\n"
    "    db2 = (1 / m) * np.sum(dZ2, axis=0, keepdims=True)\n"
    "    dA1 = dZ2 @ W2.T\n"
    "    dZ1 = dA1 * (Z1 > 0)\n"
    "    dW1 = (1 / m) * X.T @ dZ1\n"
    "    db1 = (1 / m) * np.sum(dZ1, axis=0, keepdims=True)\n"
    "    return dW1, db1, dW2, db2\n"
)
C(M, "W1", N, _DEF, oracle=W1R, style="def-body-W1")
C(M, "W2", N, _DEF, oracle=W2R, style="def-body-W2")
C(M, "b1", N, _DEF, oracle=B1R, style="def-body-b1")
C(M, "b2", N, _DEF, oracle=B2R, style="def-body-b2")
C(M, "W1", N, _DEF.replace("dA1 * (Z1 > 0)", "dA1"), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="def-body-W1-no-mask")
C(M, "W2", N, _DEF.replace("dA1 * (Z1 > 0)", "dA1"), oracle=W2R, style="def-body-W2-wrong-unused-intermediate", note="dZ1 is wrong but dW2 does not use it")
C(M, "W1", N, _DEF.replace("dZ2 @ W2.T", "dZ2 @ W2"), "shape-mismatch", style="def-body-W1-dA1-no-T", note="first labelled missing-transpose; corpus 5's convention (c5 missing-transpose-shape): a product that does not fit is shape-mismatch, its message names the transpose")
C(M, "W1", N, _DEF.replace("(1 / m) * X.T @ dZ1", "X.T @ dZ1"), "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="def-body-W1-no-m")
C(M, "b1", N, _DEF.replace("np.sum(dZ1, axis=0, keepdims=True)", "np.sum(dZ1, axis=1, keepdims=True)"), "wrong-sum-axis", style="def-body-b1-axis1")
C(M, "W2", N, _DEF.replace("m = X.shape[0]", "m = X.shape[1]"), "scale-factor", style="def-body-W2-ng-shape1", note="column-major course code's m = X.shape[1]: n_in here, equal to m at the example")
_CELL = (
    "# Backward pass (vectorised)\n"
    "\n"
    "dZ2 = A2 - Y            # (m, 1)\n"
    "dW2 = A1.T @ dZ2 / m    # (n_h, 1)\n"
    "\n"
    "# hidden layer\n"
    "dA1 = dZ2 @ W2.T        # (m, n_h)\n"
    "dZ1 = dA1 * (Z1 > 0)    # ReLU'\n"
    "dW1 = X.T @ dZ1 / m\n"
)
C(M, "W1", N, _CELL, oracle=W1R, style="jupyter-cell-W1")
C(M, "W2", N, _CELL, oracle=W2R, style="jupyter-cell-W2")
C(M, "W1", N, _CELL.replace("(Z1 > 0)    # ReLU'", "A1 * (1 - A1)    # sigmoid'"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="jupyter-cell-sigmoid-prime-for-relu")
C(M, "W1", N, _CELL.replace("dW1 = X.T @ dZ1 / m", "dW1 = A1.T @ dZ1 / m"), "wrong-layer", oracle="A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="jupyter-cell-W1-wrong-input")
C(M, "W2", N, ">>> dZ2 = A2 - Y\n>>> dW2 = A1.T @ dZ2 / m", oracle=W2R, style="doctest-prompt")
C(M, "W2", N, "In [12]: dW2 = A1.T @ (A2 - Y) / m", oracle=W2R, style="ipython-prompt")
# CS231n modular layers
_AFF = "def affine_backward(dout, x, w):\n    dx = dout @ w.T\n    dw = x.T @ dout\n    db = np.sum(dout, axis=0, keepdims=True)\n    return dx, dw, db\n"
_RB = "def relu_backward(dout, x):\n    dx = dout * (x > 0)\n    return dx\n"
C(M, "W2", N, _AFF + "dA1, dW2, db2 = affine_backward((A2 - Y) / m, A1, W2)", oracle=W2R, style="cs231n-affine-backward-W2")
C(M, "W1", N, _AFF + _RB + "dA1, dW2, db2 = affine_backward((A2 - Y) / m, A1, W2)\ndZ1 = relu_backward(dA1, Z1)\ndX, dW1, db1 = affine_backward(dZ1, X, W1)", oracle=W1R, style="cs231n-modular-W1")
C(M, "b1", N, _AFF + _RB + "dA1, dW2, db2 = affine_backward((A2 - Y) / m, A1, W2)\ndZ1 = relu_backward(dA1, Z1)\ndX, dW1, db1 = affine_backward(dZ1, X, W1)", oracle=B1R, style="cs231n-modular-b1")
C(M, "W1", N, _AFF + _RB + "dA1, dW2, db2 = affine_backward(A2 - Y, A1, W2)\ndZ1 = relu_backward(dA1, Z1)\ndX, dW1, db1 = affine_backward(dZ1, X, W1)", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="cs231n-modular-no-m")
C(M, "W1", N, _AFF + _RB + "dA1, dW2, db2 = affine_backward((A2 - Y) / m, A1, W2)\ndZ1 = relu_backward(dA1, A1)\ndX, dW1, db1 = affine_backward(dZ1, X, W1)", oracle=W1R, style="cs231n-modular-mask-on-A1", note="A1 > 0 exactly where Z1 > 0")
C(M, "W1", N, _AFF + "dA1, dW2, db2 = affine_backward((A2 - Y) / m, A1, W2)\ndX, dW1, db1 = affine_backward(dA1, X, W1)", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="cs231n-modular-relu-skipped")
C(M, "W2", N, "dx, dw, db = dZ2 @ W2.T, A1.T @ dZ2, np.sum(dZ2, axis=0)\ndW2 = dw", oracle="A1.T @ dZ2", style="tuple-assign-inline")
# Ng's column-major course code on a batch-first network
C(M, "W1", N, "dW1 = 1/m * np.dot(dZ1, X.T)", "*", style="ng-column-major-W1", note="two mistakes: the product transposed for batch-first shapes and dZ1 already holds 1/m")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = 1/m * np.dot(dZ2.T, A1)", "*", style="ng-column-major-W2-transposed", note="the gradient's transpose, 1 x n_h")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = 1/m * np.dot(A1.T, dZ2)", oracle=W2R, style="ng-batch-first-W2")
C(M, "b2", N, "dZ2 = A2 - Y\ndb2 = 1/m * np.sum(dZ2, axis=1, keepdims=True)", "wrong-sum-axis", style="ng-column-major-b2-axis1")
C(M, "Z1", N, "dZ1 = np.dot(dZ2, W2.T) * (1 - np.power(A1, 2))", "wrong-activation-derivative", oracle="dZ2 @ W2.T * (1 - A1 ** 2)", style="ng-planar-tanh-prime", note="Ng's planar-data tanh' for a ReLU layer")
C(M, "W1", N, "dZ1 = np.dot(dZ2, W2.T) * np.int64(A1 > 0)\ndW1 = np.dot(X.T, dZ1)", oracle=W1R, style="ng-int64-mask")
C(M, "W1", N, "dZ1 = np.dot(dZ2, W2.T) * np.int64(A1 > 0)\ndW1 = 1./m * np.dot(X.T, dZ1)", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m / m", style="ng-int64-mask-double-m")
# PyTorch / d2l names
C(M, "W2", N, "W2.grad = A1.T @ (A2 - Y) / m", oracle=W2R, style="torch-dot-grad")
C(M, "W2", N, "grad_W2 = A1.t() @ (A2 - Y) / Y.shape[0]", oracle=W2R, style="torch-t-shape0")
C(M, "W2", N, "grad_W2 = A1.t() @ (A2 - Y) / A1.shape[1]", "scale-factor", style="torch-t-shape-wrong-size", note="A1.shape[1] is n_h")
C(M, "W2", N, "A1.T @ (A2 - Y) / n_h", "scale-factor", style="wrong-size-name-nh")
C(M, "b2", N, "np.sum(A2 - Y, axis=0, keepdims=True) / n_in", "scale-factor", style="wrong-size-name-nin")
C(M, "W1", N, "X.T @ (dZ2 * W2.T * (Z1 > 0))", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="outer-by-broadcast", note="dZ2 is m x 1, W2.T 1 x n_h: * is the outer product = @")
C(M, "W1", N, "X.T @ (np.outer(dZ2, W2) * (Z1 > 0))", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="np-outer")
C(M, "W1", N, "X.T @ (dZ2 @ W2.T * np.heaviside(Z1, 0))", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="heaviside")
C(M, "W1", N, "X.T @ dZ1 / m", "scale-factor", oracle="X.T @ dZ1 / m", style="double-m-upstream")
C(M, "W1", N, "dZ1.T @ X", "*", style="W1-product-transposed", note="n_h x n_in; square at the example")
C(M, "W1", N, "X @ dZ1", "missing-transpose", style="W1-no-T")
C(M, "Z1", N, "dA1 * sigmoid(Z1) * (1 - sigmoid(Z1))", "wrong-activation-derivative", oracle="dA1 * (1 / (1 + np.exp(-Z1))) * (1 - 1 / (1 + np.exp(-Z1)))", style="sigmoid-prime-for-relu")
C(M, "Z1", N, "dA1 * np.maximum(Z1, 0)", "wrong-activation-derivative", oracle="dA1 * np.maximum(Z1, 0)", style="relu-for-relu-prime")
C(M, "Z2", N, "(A2 - Y) / m", oracle="(A2 - Y) / m", style="dZ2")
C(M, "Z2", N, "(A2 - Y) * A2 * (1 - A2) / m", "*", oracle="(A2 - Y) * A2 * (1 - A2) / m", style="dZ2-mse-chain")
C(M, "A2", N, "(-Y / A2 + (1 - Y) / (1 - A2)) / m", oracle="(-Y / A2 + (1 - Y) / (1 - A2)) / m", style="dA2")
C(M, "A2", N, "(-Y / A2 + (1 - Y) / (1 - A2))", "scale-factor", oracle="(-Y / A2 + (1 - Y) / (1 - A2))", style="dA2-no-m")
C(M, "A2", N, "(Y / A2 - (1 - Y) / (1 - A2)) / m", "sign", oracle="(Y / A2 - (1 - Y) / (1 - A2)) / m", style="dA2-sign")
C(M, "b1", N, "np.sum(dZ1, axis=0)", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="b1-no-keepdims")
C(M, "b1", N, "dZ1.sum(0, keepdims=True) / m", "scale-factor", oracle="np.sum(dZ1, axis=0, keepdims=True) / m", style="b1-extra-m")
C(M, "b1", N, "dZ1", "bias-not-summed", style="b1-unsummed")
C(M, "b1", N, "np.ones((1, m)) @ dZ1", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="ones-row")
C(M, "b2", N, "np.mean(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="b2-mean")
C(M, "b2", N, "np.mean(A2 - Y)", oracle=B2R, style="b2-mean-all")
C(M, "b2", N, "np.sum(A2 - Y)", "scale-factor", oracle="np.sum(A2 - Y).reshape(1, 1)", style="b2-sum-no-m")

# ================================================================ mlp-bce: LaTeX and notes
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m} A^{[1]T} (A^{[2]} - Y)", oracle=W2R, style="latex-T-letter")
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m} (A^{[1]})^\intercal (A^{[2]} - Y)", oracle=W2R, style="latex-intercal")
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}^{[2]}} = \frac{1}{m} \bm{A}^{[1]\top} (\bm{A}^{[2]} - \bm{Y})", oracle=W2R, style="latex-bm")
C(M, "W2", L, r"\nabla_{W^{[2]}}\mathcal{L} = \frac{1}{m}{A^{[1]}}^{\top}\left(A^{[2]} - Y\right)", oracle=W2R, style="latex-braced-top")
C(M, "W2", L, r"dW^{[2]} = \tfrac{1}{m}\, A^{[1]}{}^{\top} \left(A^{[2]} - Y\right)", oracle=W2R, style="latex-empty-group-top")
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \frac{1}{m} \sum_{i=1}^{m} a^{[1](i)T}\left(a^{[2](i)} - y^{(i)}\right)", oracle=W2R, style="latex-per-example-sum-T")
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \sum_{i=1}^{m} a^{[1](i)T}\left(a^{[2](i)} - y^{(i)}\right)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="latex-per-example-sum-no-m")
C(M, "W2", L, r"\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]\top} dZ^{[2]} \end{aligned}", oracle=W2R, style="latex-aligned-block")
C(M, "W1", L, r"\begin{aligned} \delta^{[2]} &= \frac{1}{m}(A^{[2]} - Y) \\ \delta^{[1]} &= \delta^{[2]} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0] \\ \frac{\partial L}{\partial W^{[1]}} &= X^\top \delta^{[1]} \end{aligned}", oracle=W1R, style="latex-aligned-three-rows")
C(M, "W1", L, r"\begin{aligned} \delta^{[2]} &= \frac{1}{m}(A^{[2]} - Y) \\ \delta^{[1]} &= \delta^{[2]} W^{[2]\top} \\ \frac{\partial L}{\partial W^{[1]}} &= X^\top \delta^{[1]} \end{aligned}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="latex-aligned-no-relu")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}_{jk}} = \sum_{i} X_{ij}\,\delta^{[1]}_{ik}", oracle="X.T @ dZ1", style="index-sum-i")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}_{jk}} = X_{ij}\,\delta^{[1]}_{ik}", oracle="X.T @ dZ1", style="einstein-implied-sum")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}_{jk}} = X_{ik}\,\delta^{[1]}_{ij}", "*", style="einstein-indices-swapped", note="the transpose of the gradient, square at the example")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}_{k}} = \sum_{i} \delta^{[1]}_{ik}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="index-bias")
C(M, "Z1", L, r"\delta^{[1]}_{ij} = \sum_k \delta^{[2]}_{ik} W^{[2]}_{jk}\, \mathbb{1}[Z^{[1]}_{ij} > 0]", oracle="dZ2 @ W2.T * (Z1 > 0)", style="index-backprop-sum-k")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbf{1}\{Z^{[1]} > 0\}\right]", oracle=W1R, style="latex-indicator-braces")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \sigma'(Z^{[1]})\right]", "wrong-activation-derivative", style="latex-sigma-prime-for-relu")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top}\right]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="latex-W1-no-relu")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} \left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right]^{\top} X", "*", style="latex-W1-transposed-order")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]} (A^{[2]} - Y)", "missing-transpose", style="latex-W2-no-T")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(Y - A^{[2]})", "sign", oracle="A1.T @ (Y - A2) / m", style="latex-W2-sign")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{2m} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y) / (2 * m)", style="latex-W2-half")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} X^{\top}(A^{[2]} - Y)", "wrong-layer", oracle="X.T @ (A2 - Y) / m", style="latex-W2-wrong-layer")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{n_h} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", style="latex-W2-wrong-size")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{\partial L}{\partial A^{[2]}}\frac{\partial A^{[2]}}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial W^{[2]}}", oracle=W2R, style="leibniz-three")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{\partial L}{\partial A^{[2]}}\frac{\partial Z^{[2]}}{\partial W^{[2]}}", "missing-factor", style="leibniz-sigmoid-factor-missing")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial A^{[1]}}\frac{\partial A^{[1]}}{\partial Z^{[1]}}\frac{\partial Z^{[1]}}{\partial W^{[1]}}", oracle="X.T @ dZ1", style="leibniz-four")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\mathbf{1}^{\top}\left(A^{[2]} - Y\right)", oracle=B2R, style="latex-b2-ones")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m}\left(a^{[2](i)} - y^{(i)}\right)", oracle=B2R, style="latex-b2-per-example")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\left(A^{[2]} - Y\right)", "bias-not-summed", style="latex-b2-unsummed")
# Unicode pasted from Word / PDF
C(M, "W2", L, "∂L/∂W⁽²⁾ = (1/m) A⁽¹⁾ᵀ (A⁽²⁾ − Y)", oracle=W2R, style="unicode-superscripts")
C(M, "W2", N, "dW2 = (1/m)·A1ᵀ·(A2 − Y)", oracle=W2R, style="unicode-in-code")
C(M, "W2", N, "dW2 = (1/m)·A1ᵀ·(Y − A2)", "sign", style="unicode-in-code-sign")
C(M, "Z1", L, "δ⁽¹⁾ = (δ⁽²⁾ W⁽²⁾ᵀ) ⊙ 1[Z⁽¹⁾ > 0]", oracle="dZ2 @ W2.T * (Z1 > 0)", style="unicode-delta-iverson")
C(M, "Z1", L, "δ⁽¹⁾ = (δ⁽²⁾ W⁽²⁾ᵀ) ⊙ σ′(Z⁽¹⁾)", "wrong-activation-derivative", style="unicode-sigma-prime-for-relu")
C(M, "b2", L, "∂L/∂b⁽²⁾ = (1/m) ∑ᵢ (a⁽²⁾⁽ⁱ⁾ − y⁽ⁱ⁾)", oracle=B2R, style="unicode-sum-per-example")
C(M, "W1", L, "∂L/∂W₁ = Xᵀ[(δ₂ W₂ᵀ) ⊙ 𝟙(Z₁ > 0)]", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="unicode-subscripts-double-struck-one")
# --lang zh
C(M, "W2", L, r"由链式法则，$\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}A^{[1]\mathrm{T}}(A^{[2]} - Y)$。", lang=Z, oracle=W2R, style="zh-W2")
C(M, "W2", L, r"$\frac{\partial L}{\partial W^{[2]}} = A^{[1]\mathrm{T}}(A^{[2]} - Y)$", "scale-factor", lang=Z, style="zh-W2-no-m")
C(M, "W1", N, "dW1 = X.T @ (dZ2 @ W2.T)  # 反向传播到第一层", "missing-activation-derivative", lang=Z, style="zh-W1-comment-no-relu")
C(M, "b1", N, "db1 = np.sum(dZ1, axis=1, keepdims=True)", "wrong-sum-axis", lang=Z, style="zh-b1-axis1")
C(M, "W1[0,0]", V, "-0,0979", lang=Z, style="zh-hand-decimal-comma")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m +", REFUSE, lang=Z, style="zh-syntax-error")
# hand numbers
C(M, "W2[0,0]", V, "-0.176", style="hand-3sf")
C(M, "W2[0,0]", V, "-0.1763", style="hand-4sf")
C(M, "W2[0,0]", V, "-0.18", style="hand-2sf")
C(M, "W2[0,0]", V, "-1.763e-1", style="hand-sci")
C(M, "W2[0,0]", V, "-0.353", "scale-factor", style="hand-no-m", note="×2 = ×m")
C(M, "W2[0,0]", V, "0.176", "sign", style="hand-sign")
C(M, "W2[1,0]", V, "-0.00899", style="hand-3sf-small")
C(M, "W2[1,0]", V, "-0.0090", style="hand-2sf-trailing-zero")
C(M, "W2[1,0]", V, "-0.009", "too-few-digits", style="hand-1sf")
C(M, "W2[1,0]", V, "-0.176", "wrong-entry", style="hand-other-entry")
C(M, "b2", V, "0.0604", style="hand-1x1-no-index")
C(M, "b2[0,0]", V, "0.06038", style="hand-4sf")
C(M, "b2[0,0]", V, "0.121", "scale-factor", style="hand-b2-no-m")
C(M, "b1[0,1]", V, "-0.0181", style="hand-b1")
C(M, "b1", V, "[-0.0979, -0.0181]", style="hand-b1-1d-list")
C(M, "b1", V, "[[-0.0979], [-0.0181]]", "shape-mismatch", style="hand-b1-column")
C(M, "W1", V, "[[-0.0979, 0.136], [-0.196, 0.0791]]", style="hand-W1-matrix")
C(M, "W1", V, "array([[-0.0979,  0.1356],\n       [-0.1959,  0.0791]])", style="hand-W1-numpy-repr")
C(M, "W1", V, "[[-0.0979  0.1356]\n [-0.1959  0.0791]]", style="hand-W1-numpy-print")
C(M, "W1", V, "[[-0.0979, -0.1959], [0.1356, 0.0791]]", "operand-order", style="hand-W1-transposed")
C(M, "W1", V, "[[-0.196, 0.271], [-0.392, 0.158]]", "scale-factor", style="hand-W1-doubled")
C(M, "W1[0,1]", V, "1.356e-01", style="hand-sci-padded-exponent")
C(M, "W1[0,1]", V, "0.13564", style="hand-5sf")
C(M, "W1[0,1]", V, "0.1357", style="hand-4sf-one-unit")
C(M, "W1[1,0]", V, "-0.1959", style="hand-4sf")
C(M, "W1[1,0]", V, "-0.0979", "*", style="hand-W1-10-with-00", note="half the value: X's column is doubled")
C(M, "W1[0,0]", V, "-0.098", style="hand-2sf")
C(M, "W1[0,0]", V, "-0.098", "too-few-digits", opts={"digits": 3}, style="hand-digits3-override")
C(M, "W1[0,0]", V, "-0.0970", opts={"rtol": 0.01}, style="hand-rtol-override")
C(M, "W1[0,0]", V, "-0.0950", "*", opts={"rtol": 0.01}, style="hand-rtol-override-out")

# ================================================================ mlp-bce-weighted
WZ2 = "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m"
C(MW, "W2", N, "dZ2 = (w * Y * (A2 - 1) + (1 - Y) * A2) / m\ndW2 = A1.T @ dZ2", oracle="A1.T @ " + WZ2, style="w-W2-staged")
C(MW, "W2", N, "dZ2 = (3 * Y * (A2 - 1) + (1 - Y) * A2) / m\ndW2 = A1.T @ dZ2", "unknown", style="w-W2-three-for-w", note="first labelled right; corpus 2's convention (c2-132, c5): 3 written for the constant w is right only for this value of it")
C(MW, "W2", N, "A1.T @ (A2 - Y) / m", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="w-W2-unweighted")
C(MW, "W2", N, "A1.T @ ((A2 - Y) * (1 + (w - 1) * Y)) / m", "weighted-loss-not-simplifiable", oracle="A1.T @ ((A2 - Y) * (1 + 2 * Y)) / m", style="w-W2-binary-only", note="right for 0/1 labels only")
C(MW, "W2", N, "A1.T @ (w * (A2 - Y)) / m", "*", oracle="A1.T @ (3 * (A2 - Y)) / m", style="w-W2-weight-everywhere")
C(MW, "W2", N, "A1.T @ (w * Y * (1 - A2) - (1 - Y) * A2) / m", "sign", oracle="A1.T @ (3 * Y * (1 - A2) - (1 - Y) * A2) / m", style="w-W2-sign")
C(MW, "W2", N, "A1.T @ (w * Y * (A2 - 1) + (1 - Y) * A2)", "scale-factor", oracle="A1.T @ (3 * Y * (A2 - 1) + (1 - Y) * A2)", style="w-W2-no-m")
C(MW, "W2", N, "A1.T @ (Y * (A2 - 1) + w * (1 - Y) * A2) / m", "*", oracle="A1.T @ (Y * (A2 - 1) + 3 * (1 - Y) * A2) / m", style="w-W2-weight-on-negatives")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left[(1 - Y)\odot A^{[2]} - w\,Y \odot (1 - A^{[2]})\right]", oracle=WZ2, style="w-latex-dZ2")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left[A^{[2]} \odot (1 - Y + wY) - wY\right]", oracle=WZ2, style="w-latex-dZ2-collected")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left[(1 - Y)\odot A^{[2]} - 3\,Y \odot (1 - A^{[2]})\right]", "unknown", style="w-latex-dZ2-three", note="first labelled right; corpus 2's convention: 3 written for the constant w")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{w}{m}\left(A^{[2]} - Y\right)", "*", style="w-latex-dZ2-w-times-unweighted")
C(MW, "W1", N, "X.T @ (dZ2 @ W2.T * (Z1 > 0))", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="w-W1-upstream")
C(MW, "W1", N, "X.T @ ((A2 - Y) / m @ W2.T * (Z1 > 0))", "weighted-loss-not-simplifiable", oracle="X.T @ ((A2 - Y) / m @ W2.T * (Z1 > 0))", style="w-W1-unweighted-inline")
C(MW, "b2", N, "np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) / m", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="w-b2")
C(MW, "b2", N, "np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)", "scale-factor", style="w-b2-no-m")
C(MW, "b2", L, r"$\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_i \left[(1 - Y_i) A^{[2]}_i - w\, Y_i (1 - A^{[2]}_i)\right]$", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="w-latex-b2-index")
C(MW, "W2[0,0]", V, "-0.424", style="w-hand-3sf")
C(MW, "W2[0,0]", V, "-0.4236", style="w-hand-4sf")
C(MW, "W2[1,0]", V, "-0.307", style="w-hand-3sf")
C(MW, "b2[0,0]", V, "-0.364", style="w-hand-b2")
C(MW, "b2[0,0]", V, "−0.36", style="w-hand-unicode-minus-2sf")
C(MW, "W2", V, "[[-0.424], [-0.307]]", style="w-hand-matrix")
C(MW, "W1[0,0]", V, "-0.442", style="w-hand-W1")
C(MW, "W1[0,0]", V, "0.442", "sign", lang=Z, style="zh-w-hand-sign")
C(MW, "Z2", L, r"$\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}(A^{[2]} - Y)$，因为标签只取 0 或 1。", "weighted-loss-not-simplifiable", lang=Z, style="zh-w-unweighted")
# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
_TDEF = (
    "def backward(X, h, y_pred, y_target, W2):\n"
    "    dy_pred = y_pred - y_target          # dL/dy_pred\n"
    "    dW2 = h.T @ dy_pred\n"
    "    dh = dy_pred @ W2.T\n"
    "    dh_raw = dh * h * (1 - h)            # sigmoid'\n"
    "    dW1 = X.T @ dh_raw\n"
    "    return dW1, dW2\n"
)
C(T, "W1", N, _TDEF, oracle=TW1, style="t-def-body-W1")
C(T, "W2", N, _TDEF, oracle=TW2, style="t-def-body-W2")
C(T, "W1", N, _TDEF.replace("dh * h * (1 - h)", "dh * h"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="t-def-sigma-for-sigma-prime")
C(T, "W1", N, _TDEF.replace("dh * h * (1 - h)", "dh * (1 - h)"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h))", style="t-def-one-minus-only")
C(T, "W1", N, _TDEF.replace("dh * h * (1 - h)", "dh"), "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-def-no-sigma-prime")
C(T, "W1", N, _TDEF.replace("dy_pred @ W2.T", "dy_pred @ W2"), "*", style="t-def-W2-no-T", note="1x1 @ 2x1 does not fit")
C(T, "W2", N, _TDEF.replace("dh * h * (1 - h)", "dh"), oracle=TW2, style="t-def-W2-after-unused-slip")
C(T, "W1", N, TW1, oracle=TW1, style="t-inline-W1")
C(T, "W1", N, "X.T @ ((y_pred - y_target) * W2.T * sigmoid(h_raw) * (1 - sigmoid(h_raw)))", oracle=TW1, style="t-sigmoid-of-raw")
C(T, "W1", N, "np.outer(X, (y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="t-np-outer")
C(T, "W1", N, "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h)) * 2", "scale-factor", oracle="2 * " + TW1, style="t-W1-factor-2")
C(T, "W1", N, "X.T @ ((y_target - y_pred) * W2.T * h * (1 - h))", "sign", oracle="X.T @ ((y_target - y_pred) * W2.T * h * (1 - h))", style="t-W1-sign")
C(T, "W1", N, "h.T @ ((y_pred - y_target) * W2.T * h * (1 - h))", "wrong-layer", style="t-W1-wrong-layer-h")
C(T, "W1", N, "X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", "wrong-activation-derivative", style="t-W1-prime-of-raw")
C(T, "W2", N, "h.T * (y_pred - y_target)", oracle=TW2, style="t-W2-broadcast")
C(T, "W2", N, "(y_pred - y_target) * h", "*", style="t-W2-row", note="1 x n_h: the transpose of the gradient")
C(T, "W2", N, "h_raw.T @ (y_pred - y_target)", "missing-activation-derivative", oracle="h_raw.T @ (y_pred - y_target)", style="t-W2-pre-activation", note="h_raw where h belongs: the sigmoid left out")
C(T, "W2", N, "W2.grad = h.T @ (y_pred - y_target)", oracle=TW2, style="t-W2-dot-grad")
C(T, "h", N, "(y_pred - y_target) * W2.T", oracle="(y_pred - y_target) * W2.T", style="t-dh")
C(T, "h_raw", N, "dh * h * (1 - h)", oracle="dh * h * (1 - h)", style="t-dhraw")
C(T, "h_raw", N, "dh * np.exp(-h_raw) / (1 + np.exp(-h_raw)) ** 2", oracle="dh * np.exp(-h_raw) / (1 + np.exp(-h_raw)) ** 2", style="t-dhraw-exp-form")
C(T, "W1", L, r"\frac{\partial L}{\partial W^{(1)}} = x^{\top}\left[(y_{\text{pred}} - y_{\text{target}})\, W^{(2)\top} \odot h \odot (1 - h)\right]", oracle=TW1, style="t-latex-W1")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{T}\left[(y_{pred} - y_{target}) W_2^{T} \odot \sigma'(h_{raw})\right]", oracle=TW1, style="t-latex-W1-sigma-prime")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{T}\left[(y_{pred} - y_{target}) W_2^{T} \odot \sigma(h_{raw})\right]", "wrong-activation-derivative", style="t-latex-sigma-for-prime")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = h^{\top}(y_{pred} - y_{target})", oracle=TW2, style="t-latex-W2")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{2} h^{\top}(y_{pred} - y_{target})", "scale-factor", style="t-latex-W2-half-kept")
C(T, "W2", L, "∂L/∂W₂ = hᵀ(y_pred − y_target)", oracle=TW2, style="t-unicode-W2")
C(T, "W2", L, "∂L/∂W₂ = ½ hᵀ(y_pred − y_target)", "scale-factor", style="t-unicode-half")
# entries in labels
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", style="t-entry-w11")
C(T, "W1[0,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", style="t-entry-w11-by-index")
C(T, "w11", N, "v1 * h1 * (1 - h1) * x1", "missing-factor", style="t-entry-w11-no-upstream")
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * x1", "wrong-activation-derivative", style="t-entry-w11-sigma-for-prime")
C(T, "w11", N, "(y_pred - y_target) * v1 * (1 - h1) * x1", "*", style="t-entry-w11-one-minus")
C(T, "w11", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "*", style="t-entry-w11-w12s", note="that is w12's gradient")
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", style="t-entry-w12")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="t-entry-w21")
C(T, "w21", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "*", style="t-entry-w21-transposed-label", note="w12's: row/column of the label swapped")
C(T, "w22", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x2", style="t-entry-w22")
C(T, "v2", N, "(y_pred - y_target) * h2", style="t-entry-v2")
C(T, "v2", N, "(y_pred - y_target) * h1", "*", style="t-entry-v2-h1")
C(T, "v2", N, "(y_pred - y_target) * h2_raw", "*", style="t-entry-v2-raw")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = (y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_1", style="t-latex-entry-w11")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = (y_{pred} - y_{target})\, v_1\, \sigma'(h_{1,\text{raw}})\, x_1", style="t-latex-entry-sigma-prime")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = v_1\, h_1 (1 - h_1)\, x_1", "missing-factor", style="t-latex-entry-no-upstream")
C(T, "w11", L, "∂L/∂w₁₁ = (y_pred − y_target)·v₁·h₁(1 − h₁)·x₁", style="t-unicode-entry-w11")
C(T, "w11", L, "∂L/∂w₁₁ = (y_pred − y_target)·v₁·σ′(h1_raw)·x₁", style="t-unicode-entry-sigma-prime")
C(T, "w11", N, "dL/dy_pred * dy_pred/dh1 * dh1/dh1_raw * dh1_raw/dw11", style="t-mazur-plain")
C(T, "w11", N, "dL/dy_pred * dy_pred/dh1 * dh1_raw/dw11", "missing-activation-derivative", style="t-mazur-plain-missing-sigmoid", note="first labelled missing-factor; the factor left out is σ′, and the checker names it so (the more specific code, README)")
C(T, "w21", L, r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h_1}\frac{\partial h_1}{\partial h_{1,raw}}\frac{\partial h_{1,raw}}{\partial w_{21}}", style="t-mazur-latex-w21")
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1  # 梯度", lang=Z, style="zh-t-entry-w12")
C(T, "w12", N, "v2 * h2 * (1 - h2) * x1", "missing-factor", lang=Z, style="zh-t-entry-missing-factor")
# hand numbers
C(T, "W1[0,0]", V, "-1.37e-2", style="t-hand-sci")
C(T, "W1[0,0]", V, "-1.37E-02", style="t-hand-sci-upper")
C(T, "W1[0,0]", V, "-13.7e-3", style="t-hand-sci-engineering")
C(T, "W1[0,0]", V, "-0,0137", style="t-hand-decimal-comma")
C(T, "W1[0,0]", V, "−0.0137", style="t-hand-unicode-minus")
C(T, "W1[0,0]", V, "-0.013668", style="t-hand-5sf")
C(T, "W1[0,0]", V, "-0.01367", style="t-hand-4sf")
C(T, "W1[0,0]", V, "-0.0138", style="t-hand-sim-rounding", note="README's own example of rule 3")
C(T, "W1[0,0]", V, "-0.014", style="t-hand-2sf")
C(T, "W1[0,0]", V, "-0.01", "too-few-digits", style="t-hand-1sf")
C(T, "W1[0,0]", V, "-0.0140", "*", style="t-hand-3sf-off")
C(T, "W1[0,0]", V, "-0.013700", "*", style="t-hand-trailing-zeros", note="6 digits given: -0.0136681 to those is -0.013668")
C(T, "W1[0,0]", V, "0.0137", "sign", style="t-hand-sign")
C(T, "W1[0,0]", V, "-0.0273", "scale-factor", style="t-hand-no-half", note="×2: the ½ of the loss dropped")
C(T, "W1[0,0]", V, "-0.0163", "wrong-entry", style="t-hand-w12-for-w11")
C(T, "w12", V, "w12 ≈ -0.0163", style="t-hand-label-approx")
C(T, "w12", V, "∂L/∂w12 = −0.0163", style="t-hand-leibniz-label")
C(T, "W1[1,0]", V, "-0.00273", style="t-hand-small")
C(T, "W1[1,0]", V, "-2.73e-3", style="t-hand-small-sci")
C(T, "W1[1,0]", V, "-0.0027", style="t-hand-small-2sf")
C(T, "W1[1,0]", V, "-0.0137", "wrong-entry", style="t-hand-w11-for-w21")
C(T, "W1[1,1]", V, "-0.00327", style="t-hand-w22")
C(T, "W2[0,0]", V, "-0.114", style="t-hand-v1")
C(T, "W2[0,0]", V, "-0.1139", style="t-hand-v1-4sf")
C(T, "W2[0,0]", V, "-0.11", style="t-hand-v1-2sf")
C(T, "W2[0,0]", V, "-0.1", "too-few-digits", style="t-hand-v1-1sf")
C(T, "W2[0,0]", V, "-0.228", "scale-factor", style="t-hand-v1-doubled")
C(T, "W2[0,0]", V, "-0.117", "wrong-entry", style="t-hand-v2-for-v1")
C(T, "v2", V, "-0.1172", style="t-hand-v2-label")
C(T, "W2", V, "[[-0.114], [-0.117]]", style="t-hand-W2-matrix")
C(T, "W2", V, "[-0.114, -0.117]", "*", style="t-hand-W2-as-row", note="a 1-D list is one row: 1 x 2 for a 2 x 1 gradient")
C(T, "W1", V, "[[-0.0137, -0.0163], [-0.00273, -0.00327]]", style="t-hand-W1-matrix")
C(T, "W1", V, "array([[-0.0137, -0.0163],\n       [-0.00273, -0.00327]])", style="t-hand-W1-array-repr")
C(T, "W1", V, "[[-0.0137, -0.00273], [-0.0163, -0.00327]]", "operand-order", style="t-hand-W1-transposed")
C(T, "W1", V, "[[0.0137, 0.0163], [0.00273, 0.00327]]", "sign", style="t-hand-W1-all-signs")
C(T, "W1[0,0]", V, "-0.0135", opts={"rtol": 0.02}, style="t-hand-rtol-2pct")
C(T, "W1[0,0]", V, "-0.0130", "*", opts={"rtol": 0.02}, style="t-hand-rtol-2pct-out")
C(T, "W1[0,0]", V, "-0.014", opts={"digits": 2}, style="t-hand-digits2")
C(T, "W1[0,0]", V, "-0.0137", lang=Z, style="zh-t-hand")
C(T, "W1[0,0]", V, "约 -0.0137。", lang=Z, style="zh-t-hand-yue")
C(T, "W1[0,0]", V, "-0.01", "too-few-digits", lang=Z, style="zh-t-hand-1sf")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", N, EW, oracle=EW, style="n-w")
C(E, "w", N, "(O - t) * sigmoid(z) * (1 - sigmoid(z)) * x", oracle=EW, style="n-w-sigmoid-z")
C(E, "w", N, "delta = (O - t) * O * (1 - O)\ndw = delta * x", oracle=EW, style="n-w-staged")
C(E, "w", N, "# one neuron\ndelta = (O - t) * O * (1 - O)   # dL/dz\n\ndw = delta * x    # dL/dw\n", oracle=EW, style="n-w-cell-comments")
C(E, "w", N, "(O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="n-w-no-prime")
C(E, "w", N, "(O - t) * O * x", "wrong-activation-derivative", oracle="(O - t) * O * x", style="n-w-sigma-for-prime")
C(E, "w", N, "(t - O) * O * (1 - O) * x", "sign", oracle="(t - O) * O * (1 - O) * x", style="n-w-sign")
C(E, "w", N, "2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle="2 * " + EW, style="n-w-mse-without-half")
C(E, "w", N, "(O - t) * O * (1 - O) * x / n", "scale-factor", oracle=EW + " / n", style="n-w-over-n", note="the mean is over one output, not the n inputs")
C(E, "w", N, "(O - t) * O * (1 - O) * x.T", "*", style="n-w-column")
C(E, "w", N, "(O - t) * O * (1 - O) * w", "*", oracle="(O - t) * O * (1 - O) * w", style="n-w-weight-for-input")
C(E, "w", N, "(O - t) * x", "missing-activation-derivative", lang=Z, style="zh-n-w-no-prime")
C(E, "z", N, "(O - t) * O * (1 - O)", oracle="(O - t) * O * (1 - O)", style="n-z")
C(E, "O", N, "O - t", oracle="O - t", style="n-O")
C(E, "O", N, "(O - t) / n", "scale-factor", style="n-O-over-n")
C(E, "w", L, r"\frac{\partial L}{\partial w_i} = (O - t)\,O\,(1 - O)\,x_i", oracle=EW, style="n-index-wi")
C(E, "w", L, r"\delta = (O - t)\,\sigma'(z) \\ \nabla_{w} L = \delta\, x", oracle=EW, style="n-two-rows")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma(z)\left(1 - \sigma(z)\right)\mathbf{x}", oracle=EW, style="n-bold")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma(z)\,\mathbf{x}", "wrong-activation-derivative", style="n-latex-sigma-for-prime")
C(E, "w", L, "∂L/∂w = (O − t)·σ′(z)·x", oracle=EW, style="n-unicode")
C(E, "w", L, "∂L/∂w = (O − t)·σ(z)·x", "wrong-activation-derivative", style="n-unicode-sigma-for-prime")
C(E, "w", L, r"\frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial w}", oracle=EW, style="n-leibniz")
C(E, "w", L, r"\frac{\partial L}{\partial O}\frac{\partial z}{\partial w}", "missing-activation-derivative", style="n-leibniz-no-sigmoid", note="first labelled missing-factor; the factor left out is σ′, and the checker names it so")
C(E, "w1", N, "(O - t) * O * (1 - O) * x1", style="n-entry-w1")
C(E, "w1", N, "(O - t) * O * (1 - O) * x0", "*", style="n-entry-w1-x0")
C(E, "w[0,2]", L, r"\frac{\partial L}{\partial w_2} = (O - t)\,O\,(1 - O)\,x_2", style="n-entry-latex-w2")
C(E, "w[0,0]", V, "-0.0612", style="n-hand-w0")
C(E, "w[0,0]", V, "-0.061", style="n-hand-w0-2sf")
C(E, "w[0,0]", V, "-0.06", "too-few-digits", style="n-hand-w0-1sf")
C(E, "w[0,0]", V, "-0.122", "scale-factor", style="n-hand-w0-no-half")
C(E, "w[0,1]", V, "-0.0367", style="n-hand-w1")
C(E, "w[0,2]", V, "-0,0245", style="n-hand-w2-comma")
C(E, "w[0,2]", V, "0.0245", "sign", style="n-hand-w2-sign")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]", style="n-hand-1d")
C(E, "w", V, "array([-0.0612, -0.0367, -0.0245])", style="n-hand-array-1d")
C(E, "w", V, "[-0.0245, -0.0367, -0.0612]", "*", style="n-hand-reversed")

# ================================================================ chain
CH = "chain"
C(CH, "w", N, "2 * (w * x + b) * x", oracle="2 * (w * x + b) * x", style="c-w-expanded")
C(CH, "w", N, "dv = 2 * v\ndu = dv\ndw = du * x", oracle="2 * v * x", style="c-w-staged")
C(CH, "w", N, "v * x", "scale-factor", oracle="v * x", style="c-w-no-2")
C(CH, "w", N, "2 * v * w", "*", oracle="2 * v * w", style="c-w-dx-formula")
C(CH, "w", N, "2 * u * x", "*", oracle="2 * u * x", style="c-w-u-for-v")
C(CH, "w", N, "2 * v", "*", style="c-w-no-x")
C(CH, "x", N, "2 * v * w", oracle="2 * v * w", style="c-x")
C(CH, "b", N, "2 * (u + b)", oracle="2 * v", style="c-b")
C(CH, "b", N, "-2 * v", "sign", oracle="-2 * v", style="c-b-sign")
C(CH, "u", N, "2 * v", oracle="2 * v", style="c-u")
C(CH, "w", L, r"\frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w}", oracle="2 * v * x", style="c-leibniz-w")
C(CH, "w", L, r"\frac{\partial L}{\partial v}\frac{\partial v}{\partial u}", "missing-factor", style="c-leibniz-missing-du-dw", note="2v: the factor ∂u/∂w = x left out")
C(CH, "x", L, r"\frac{dL}{dv}\frac{dv}{du}\frac{du}{dx}", oracle="2 * v * w", style="c-leibniz-d-x")
C(CH, "w", L, r"L'(w) = 2(wx+b)x", oracle="2 * (w * x + b) * x", style="c-lagrange")
C(CH, "w", L, "∂L/∂w = 2v·x", oracle="2 * v * x", style="c-unicode")
C(CH, "w", N, "dL/dv * dv/du * du/dw", oracle="2 * v * x", style="c-plain-leibniz")
C(CH, "w", V, "40.0", style="c-hand-40.0")
C(CH, "w", V, "4.0e1", style="c-hand-sci")
C(CH, "w", V, "39.99", "*", style="c-hand-exact-off")
C(CH, "w", V, "80", "scale-factor", style="c-hand-doubled")
C(CH, "w", V, "-40", "sign", style="c-hand-sign")
C(CH, "b", V, "20", style="c-hand-b")
C(CH, "x", V, "60", style="c-hand-x")
C(CH, "x", V, "40", "*", style="c-hand-x-is-dw")
C(CH, "w", V, "40", lang=Z, style="zh-c-hand")

# ================================================================ relu-mlp (Justin Johnson's tutorial)
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
_JJ = (
    "# Backprop to compute gradients of w1 and w2 with respect to loss\n"
    "grad_y_pred = 2.0 * (y_pred - y)\n"
    "grad_w2 = h_relu.T.dot(grad_y_pred)\n"
    "grad_h_relu = grad_y_pred.dot(w2.T)\n"
    "grad_h = grad_h_relu * (h > 0)\n"
    "grad_w1 = x.T.dot(grad_h)\n"
)
C(R, "w1", N, _JJ, oracle=RW1, style="r-jj-mask-mult")
C(R, "w2", N, _JJ, oracle=RW2, style="r-jj-w2")
C(R, "w1", N, _JJ.replace("2.0 * (y_pred - y)", "(y_pred - y)"), "scale-factor", oracle="x.T @ ((y_pred - y) @ w2.T * (h > 0))", style="r-jj-no-2")
C(R, "w1", N, _JJ.replace("2.0 * (y_pred - y)", "2.0 * (y_pred - y) / n"), "scale-factor", style="r-jj-mse")
C(R, "w2", N, _JJ.replace("2.0 * (y_pred - y)", "2.0 * (y_pred - y) / H"), "scale-factor", style="r-jj-wrong-size-H", note="n = H = 3 at the example")
C(R, "w1", N, _JJ.replace("grad_h_relu * (h > 0)", "grad_h_relu"), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-jj-no-mask")
C(R, "w1", N, _JJ.replace("x.T.dot(grad_h)", "x.dot(grad_h)"), "shape-mismatch", style="r-jj-x-no-T", note="first labelled missing-transpose; corpus 5's convention: x (n × D_in) @ grad_h (n × H) does not fit, shape-mismatch naming the transpose")
C(R, "w2", N, _JJ.replace("h_relu.T.dot(grad_y_pred)", "grad_y_pred.T.dot(h_relu)"), "*", style="r-jj-w2-transposed")
C(R, "w2", N, _JJ.replace("h_relu.T.dot(grad_y_pred)", "h.T.dot(grad_y_pred)"), "wrong-layer", style="r-jj-w2-pre-relu", note="h where h_relu belongs: the relu left out (relabelled by the lead: no code of its own; wrong-layer with a message naming the activation)")
C(R, "w1", N, _JJ.replace("x.T.dot(grad_h)", "h_relu.T.dot(grad_h)"), "*", style="r-jj-w1-wrong-input", note="H x H, not D_in x H")
C(R, "w2", N, "w2.grad = h_relu.t().mm(2 * (y_pred - y))", oracle=RW2, style="r-torch-grad-attr")
C(R, "w2", N, "h_relu.T @ (y_pred - y) * 2", oracle=RW2, style="r-w2-times-2-after")
C(R, "w2", N, "np.dot(h_relu.T, 2 * (y_pred - y)) / n", "scale-factor", style="r-w2-over-n")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T * np.sign(h_relu))", oracle=RW1, style="r-w1-sign-mask")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0).astype(np.float64))", oracle=RW1, style="r-w1-astype")
C(R, "w1", N, "x.T @ np.where(h > 0, 2 * (y_pred - y) @ w2.T, 0)", oracle=RW1, style="r-w1-where")
C(R, "w2", L, r"\frac{\partial\,\text{loss}}{\partial w_2} = h_{\text{relu}}^\top \cdot 2(y_{\text{pred}} - y)", oracle=RW2, style="r-latex-w2-cdot")
C(R, "w2", L, r"\frac{\partial\,\text{loss}}{\partial w_2} = 2\,(y_{\text{pred}} - y)^\top h_{\text{relu}}", "*", style="r-latex-w2-transposed")
C(R, "w1", L, r"\frac{\partial\,\text{loss}}{\partial w_1} = x^\top\left[2(y_{\text{pred}} - y)\,w_2^\top \odot \mathbf{1}[h > 0]\right]", oracle=RW1, style="r-latex-w1")
C(R, "w1", L, r"\frac{\partial\,\text{loss}}{\partial w_1} = x^\top\left[2(y_{\text{pred}} - y)\,w_2^\top\right]", "missing-activation-derivative", style="r-latex-w1-no-mask")
C(R, "w2", L, "∂loss/∂w₂ = 2·h_reluᵀ(y_pred − y)", oracle=RW2, style="r-unicode-w2")
C(R, "w2", L, "∂loss/∂w₂ = h_reluᵀ(y_pred − y)", "scale-factor", style="r-unicode-w2-no-2")
C(R, "w2", L, r"$\frac{\partial \mathrm{loss}}{\partial w_2} = 2 h_{\mathrm{relu}}^{\mathrm{T}} (y_{\mathrm{pred}} - y)$", lang=Z, oracle=RW2, style="zh-r-w2")
C(R, "w2", L, r"$\frac{\partial \mathrm{loss}}{\partial w_2} = \frac{2}{n} h_{\mathrm{relu}}^{\mathrm{T}} (y_{\mathrm{pred}} - y)$", "scale-factor", lang=Z, style="zh-r-w2-mse")
C(R, "w2[0,0]", N, "2 * np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])", style="r-entry-slices")
C(R, "w2[0,0]", N, "np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])", "scale-factor", style="r-entry-slices-no-2")
C(R, "w2[0,0]", V, "-0.748", style="r-hand-3sf")
C(R, "w2[0,0]", V, "-0.7479", style="r-hand-4sf")
C(R, "w2[0,0]", V, "-0.374", "scale-factor", style="r-hand-no-2")
C(R, "w2[0,1]", V, "-2.51", style="r-hand-w2-01")
C(R, "w1[2,1]", V, "0", style="r-hand-exact-zero")
C(R, "w1[2,1]", V, "0.0", style="r-hand-exact-zero-point")
C(R, "w1[0,0]", V, "1,41", style="r-hand-decimal-comma-2dp")
C(R, "w1[0,0]", V, "1.407", style="r-hand-w1-4sf")
C(R, "w1[0,0]", V, "-1.41", "sign", style="r-hand-w1-sign")
C(R, "w2", V, "[[-0.748, -2.51], [-0.219, -0.480], [-0.804, -2.04]]", style="r-hand-w2-matrix")
C(R, "w2", V, "[[-0.748, -0.219, -0.804], [-2.51, -0.480, -2.04]]", "*", style="r-hand-w2-transposed", note="2 x 3: another shape")
# ================================================================ the four newer built-ins
S, RN, A, B = "softmax-regression", "rnn", "attention", "batchnorm"
SW = "X.T @ (P - Y) / m"
C(S, "W", N, "# softmax regression, backward\nm = X.shape[0]\n\ndZ = (P - Y) / m   # (m, k)\ndW = X.T @ dZ      # (n, k)\n", oracle=SW, style="s-cell")
C(S, "W", N, "def softmax_backward(X, P, Y):\n    m = X.shape[0]\n    dZ = P - Y\n    dW = X.T.dot(dZ) / m\n    db = dZ.sum(axis=0, keepdims=True) / m\n    return dW, db\n", oracle=SW, style="s-def-body")
C(S, "W", N, "dW = X.T @ (P - Y) / n", "scale-factor", style="s-wrong-size-n", note="n = m = 2 at the example")
C(S, "W", N, "dW = X.T @ (P - Y) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-over-k")
C(S, "W", N, "dW = X.T @ (P * (1 - P) * (P - Y)) / m", "*", oracle="X.T @ (P * (1 - P) * (P - Y)) / m", style="s-diagonal-jacobian-slip")
C(S, "W", N, "dW = X.T @ (Y - P) / m", "sign", oracle="X.T @ (Y - P) / m", style="s-sign")
C(S, "b", N, "db = np.sum(P - Y, axis=1, keepdims=True) / m", "wrong-sum-axis", style="s-b-axis1")
C(S, "b", N, "db = (P - Y).mean(axis=0, keepdims=True)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="s-b-mean")
C(S, "W", L, r"\nabla_{W} J = \frac{1}{m}\sum_{i=1}^{m} x^{(i)\intercal}\left(p^{(i)} - y^{(i)}\right)", oracle=SW, style="s-latex-per-example-intercal")
C(S, "W", L, r"\frac{\partial J}{\partial W_{jc}} = \frac{1}{m}\sum_{i} X_{ij}\left(P_{ic} - Y_{ic}\right)", oracle=SW, style="s-latex-index")
C(S, "W", L, "∇_W J = (1/m) Xᵀ(P − Y)", oracle=SW, style="s-unicode")
C(S, "W", L, r"$\nabla_{W} J = \frac{1}{m} X^{\mathrm{T}}(Y - P)$", "sign", lang=Z, oracle="X.T @ (Y - P) / m", style="zh-s-sign")
C(S, "W[0,0]", V, "-1,37e-2", "*", style="s-hand-foreign-number", note="tiny-mlp's number on softmax regression")
C(RN, "W_x", N, "# BPTT, two steps\n\ndz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = (dz_2 @ W_h.T) * (1 - h_1 ** 2)\n\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2\n", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="rn-cell")
C(RN, "W_x", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = (dz_2 @ W_h.T) * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_1", "*", style="rn-cell-same-delta")
C(RN, "W_x", L, "∂L/∂W_x = ∑ₜ x_tᵀ δ_{z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="rn-unicode-sum-t")
C(RN, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} h_{t-1}^{\intercal}\,\delta_{z_t}", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="rn-intercal")
C(RN, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} h_{t}^{\intercal}\,\delta_{z_t}", "*", oracle="h_1.T @ dz_1 + h_2.T @ dz_2", style="rn-off-by-one")
C(RN, "z_2", N, "(h_2 - y) * (1 - h_2)", "wrong-activation-derivative", oracle="(h_2 - y) * (1 - h_2)", style="rn-tanh-prime-as-one-minus")
C(RN, "z_2", N, "(h_2 - y) * h_2 * (1 - h_2)", "wrong-activation-derivative", oracle="(h_2 - y) * h_2 * (1 - h_2)", style="rn-sigmoid-prime-for-tanh")
C(RN, "W_x[0,0]", V, "-1.91e-1", style="rn-hand-sci")
C(A, "W_v", N, "dV = A.T @ dO\ndW_v = X.T @ dV", oracle="X.T @ (A.T @ dO)", style="a-staged")
C(A, "W_v", N, "dV = A @ dO\ndW_v = X.T @ dV", "*", oracle="X.T @ (A @ dO)", style="a-staged-A-not-T")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt{d}}\,\frac{\partial L}{\partial S}\,K", oracle="dS @ K / np.sqrt(d)", style="a-latex-dQ")
C(A, "Q", L, "∂L/∂Q = (∂L/∂S) K / √d", oracle="dS @ K / np.sqrt(d)", style="a-unicode-dQ")
C(A, "Q", L, "∂L/∂Q = (∂L/∂S) K", "scale-factor", oracle="dS @ K", style="a-unicode-dQ-no-sqrt")
C(A, "K", N, "dS.T @ Q / d", "scale-factor", oracle="dS.T @ Q / d", style="a-dK-over-d")
C(A, "W_v[0,0]", V, "-1.30e-1", style="a-hand-sci")
C(B, "beta", N, "dbeta = np.sum(dout, axis=0)\n", REFUSE, style="b-cs231n-dout", must=("dout",), note="dout names no tensor of this network")
C(B, "beta", N, "dbeta = np.sum(dY, axis=0)  # CS231n batchnorm_backward", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-dbeta-comment")
C(B, "gamma", N, "dgamma = np.sum(dY * Z_hat, axis=0)\ndbeta = np.sum(dY, axis=0)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="b-two-lines-dgamma-first")
C(B, "gamma", N, "dgamma = np.sum(dY * Z, axis=0)", "*", style="b-dgamma-unnormalised")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} \frac{\partial L}{\partial y_i}\,\hat{z}_i", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="b-latex-ioffe-szegedy")
C(B, "beta", L, "∂L/∂β = ∑ᵢ ∂L/∂yᵢ", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-unicode-beta")
C(B, "beta[0,1]", V, "-0,533", style="b-hand-comma")
C(B, "beta[0,1]", V, "-1,234", REFUSE, style="b-hand-thousands-ambiguous", must=("1,234",))

# ================================================================ round b (written after round a's fixes,
# before running the checker on any of these): do the fixes generalise?
_round = "b"
_NG = (
    "def backward_propagation(parameters, cache, X, Y):\n"
    "    m = X.shape[0]\n"
    "    W2 = parameters['W2']\n"
    "    A1 = cache['A1']\n"
    "    A2 = cache['A2']\n"
    "    dZ2 = A2 - Y\n"
    "    dW2 = 1 / m * np.dot(A1.T, dZ2)\n"
    "    db2 = 1 / m * np.sum(dZ2, axis=0, keepdims=True)\n"
    "    dZ1 = np.dot(dZ2, W2.T) * (A1 > 0)\n"
    "    dW1 = 1 / m * np.dot(X.T, dZ1)\n"
    "    db1 = 1 / m * np.sum(dZ1, axis=0, keepdims=True)\n"
    '    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}\n'
    "    return grads\n"
)
C(M, "W1", N, _NG, oracle=W1R, style="b-ng-grads-dict-W1")
C(M, "b2", N, _NG, oracle=B2R, style="b-ng-grads-dict-b2")
C(M, "W1", N, _NG.replace("1 / m * np.dot(X.T, dZ1)", "np.dot(X.T, dZ1)"), "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="b-ng-grads-dict-W1-no-m")
C(M, "W1", N, _NG.replace("(A1 > 0)", "(1 - np.power(A1, 2))"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="b-ng-grads-dict-tanh-prime")
C(M, "W2", N, "def backward(A1, A2, Y, W2):\n    m = Y.shape[0]\n    dZ2 = (A2 - Y) / m\n    dW2 = A1.T @ dZ2\n    return dW2, dZ2 @ W2.T\n\ndW2, dA1 = backward(A1, A2, Y, W2)", oracle=W2R, style="b-def-called-tuple")
C(M, "W1", N, "A1.T @ (dZ2 @ W2.T * (A1 > 0))", "wrong-layer", oracle="A1.T @ (dZ2 @ W2.T * (A1 > 0))", style="b-one-use-wrong-layer")
C(M, "Z2", N, "dA2 * (1 - A2)", "wrong-activation-derivative", oracle="dA2 * (1 - A2)", style="b-half-sigmoid-prime")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}_{jk}} = \frac{1}{m} X_{ij}\left(A^{[2]}_{i} - Y_{i}\right) W^{[2]}_{k}\,\mathbb{1}\left[Z^{[1]}_{ik} > 0\right]", oracle=W1R, style="b-einstein-three-factors")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}_{j}} = \frac{1}{m} A^{[1]}_{ij}\left(A^{[2]}_{i} - Y_{i}\right)", oracle=W2R, style="b-einstein-vector")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}_{j}} = A^{[1]}_{ij}\left(A^{[2]}_{i} - Y_{i}\right)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="b-einstein-vector-no-m")
C(M, "W2", N, "In [7]: dZ2 = A2 - Y\n   ...: dW2 = A1.T @ dZ2 / m\n\nIn [8]: dW2\nOut[8]: array([[-0.176], [-0.009]])", oracle=W2R, style="b-ipython-continuation")
C(E, "w", N, "def neuron_backward(x, z, O, t):\n    dO = O - t\n    dz = dO * O * (1 - O)\n    dw = dz * x\n    return dw, dz\n", oracle=EW, style="b-neuron-def")
C(E, "w", N, "def neuron_backward(x, z, O, t):\n    dO = O - t\n    dz = dO * (1 - O)\n    dw = dz * x\n    return dw, dz\n", "wrong-activation-derivative", oracle="(O - t) * (1 - O) * x", style="b-neuron-def-half-prime")
C(E, "w", L, "∂L/∂wⱼ = (O − t)·O(1 − O)·xⱼ", oracle=EW, style="b-neuron-unicode-index-j")
C(CH, "w", N, "def chain_backward(x, w, b):\n    u = w * x\n    v = u + b\n    dv = 2 * v\n    du = dv\n    dw = du * x\n    db = dv\n    return dw, db\n", oracle="2 * v * x", style="b-chain-def")
C(CH, "b", N, "def chain_backward(x, w, b):\n    u = w * x\n    v = u + b\n    dv = 2 * v\n    du = dv\n    dw = du * x\n    db = dv * x\n    return dw, db\n", "*", oracle="2 * v * x", style="b-chain-def-db-wrong")
C(R, "w1", N, "def backward(x, y, h, h_relu, y_pred, w2):\n    grad_y_pred = 2.0 * (y_pred - y)\n    grad_w2 = h_relu.T.dot(grad_y_pred)\n    grad_h = grad_y_pred.dot(w2.T) * (h > 0)\n    grad_w1 = x.T.dot(grad_h)\n    return grad_w1, grad_w2\n", oracle=RW1, style="b-relu-def")
C(R, "w2", N, "def backward(x, y, h, h_relu, y_pred, w2):\n    grad_y_pred = (y_pred - y)\n    grad_w2 = h_relu.T.dot(grad_y_pred)\n    return grad_w1, grad_w2\n", "scale-factor", style="b-relu-def-no-2-undefined-return", note="grad_w1 is returned but never computed: the asked gradient is grad_w2")
C(T, "W1", N, "def affine_backward(dout, x, w):\n    return dout @ w.T, x.T @ dout\n\ndef sigmoid_backward(dout, s):\n    return dout * s * (1 - s)\n\ndh, dW2 = affine_backward(y_pred - y_target, h, W2)\ndh_raw = sigmoid_backward(dh, h)\ndX, dW1 = affine_backward(dh_raw, X, W1)", oracle=TW1, style="b-tiny-modular")
C(T, "W1", N, "def affine_backward(dout, x, w):\n    return dout @ w.T, x.T @ dout\n\ndh, dW2 = affine_backward(y_pred - y_target, h, W2)\ndX, dW1 = affine_backward(dh, X, W1)", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="b-tiny-modular-no-sigmoid")
C(T, "W1", N, "X.T @ ((y_pred - y_target) * W2.T * X * (1 - X))", "*", style="b-tiny-prime-of-input")
C(T, "W2", L, "∂L/∂vⱼ = (y_pred − y_target)·hⱼ", oracle=TW2, style="b-tiny-unicode-index")
C(RN, "z_1", N, "dz_2 @ W_h.T * (1 - h_1)", "wrong-activation-derivative", oracle="dz_2 @ W_h.T * (1 - h_1)", style="b-rnn-half-tanh-prime")
C(S, "W", L, r"\frac{\partial J}{\partial W_{jc}} = \frac{1}{m} X_{ij}\left(Y_{ic} - P_{ic}\right)", "sign", oracle="X.T @ (Y - P) / m", style="b-softmax-einstein-sign")
C(S, "b", L, r"\frac{\partial J}{\partial b_{c}} = \frac{1}{m}\sum_{i}\left(P_{ic} - Y_{ic}\right)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b-softmax-bias-index-c")
C(MW, "W2", N, "def weighted_backward(A1, A2, Y):\n    m = Y.shape[0]\n    dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\n    dW2 = A1.T @ dZ2\n    return dW2, dZ2\n", oracle="A1.T @ " + WZ2, style="b-weighted-def")
C(MW, "W2", N, "def weighted_backward(A1, A2, Y):\n    m = Y.shape[0]\n    dZ2 = (A2 - Y) / m\n    dW2 = A1.T @ dZ2\n    return dW2, dZ2\n", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="b-weighted-def-unweighted")
C(M, "W1", N, "def backward(X, Y, A1, A2, W2):\n    dZ2 = A2 - Y\n    dZ1 = dZ2 @ W2.T * (Z1 > 0)\n    dW1 = X.T @ dZ1 / m\n    return dW1\n", lang=Z, oracle=W1R, style="zh-b-def-single-return")
C(M, "W1", N, "def backward(X, Y, A1, A2, W2):\n    dZ2 = A2 - Y\n    dZ1 = dZ2 @ W2.T\n    dW1 = X.T @ dZ1 / m\n    return dW1\n", "missing-activation-derivative", lang=Z, style="zh-b-def-single-return-no-mask")

# ================================================================ round c (written after round b's fix,
# before running the checker on any of these): more notebooks, notations and numbers
_round = "c"
_HINTS = (
    "def backward(X: np.ndarray, Y: np.ndarray, A1: np.ndarray, A2: np.ndarray, W2: np.ndarray) -> dict:\n"
    '    """Return the gradients of the mean BCE."""\n'
    "    m = X.shape[0]\n"
    "    dZ2 = A2 - Y\n"
    "    dW2 = A1.T @ dZ2 / m\n"
    "    assert dW2.shape == W2.shape\n"
    "    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)\n"
    "    dW1 = X.T @ dZ1 / m\n"
    "    print(dW1.shape)\n"
    "    return {'dW1': dW1, 'dW2': dW2}\n"
)
C(M, "W1", N, _HINTS, oracle=W1R, style="c-def-type-hints-dict-return")
C(M, "W1", N, _HINTS.replace("(dZ2 @ W2.T) * (Z1 > 0)", "dZ2 * (Z1 > 0)"), "*", style="c-def-W2-forgotten", note="(m, 1) * (m, n_h) broadcasts: the weight left out")
C(M, "W2", N, "%%time\ndZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m\nprint(dW2)", oracle=W2R, style="c-cell-magic")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\mathsf{T}} (A^{[2]} - Y)", oracle=W2R, style="c-mathsf-T")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \left(A^{[2]} - Y\right)^{\mathsf{T}} A^{[1]}", "*", style="c-mathsf-T-transposed-result")
C(M, "Z1", L, r"\bm{\delta}^{[1]} = \bm{\delta}^{[2]} \bm{W}^{[2]\intercal} \odot \mathbb{1}(\bm{Z}^{[1]} > 0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="c-bm-intercal-delta")
C(M, "Z1", L, r"\bm{\delta}^{[1]} = \bm{\delta}^{[2]} \bm{W}^{[2]\intercal}", "missing-activation-derivative", oracle="dZ2 @ W2.T", style="c-bm-no-mask")
C(T, "W1", L, r"\begin{aligned} \delta_y &= y_{pred} - y_{target} \\ \delta_h &= \delta_y\, W_2^{\top} \odot h \odot (1 - h) \\ \frac{\partial L}{\partial W_1} &= X^{\top} \delta_h \end{aligned}", oracle=TW1, style="c-tiny-aligned-deltas")
C(T, "W1", L, r"\begin{aligned} \delta_y &= y_{pred} - y_{target} \\ \delta_h &= \delta_y\, W_2^{\top} \odot h \\ \frac{\partial L}{\partial W_1} &= X^{\top} \delta_h \end{aligned}", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="c-tiny-aligned-sigma-for-prime")
C(E, "w", L, r"\begin{aligned} \delta &= (O - t)\,O\,(1 - O) \\ \nabla_{\mathbf{w}} L &= \delta\,\mathbf{x} \end{aligned}", oracle=EW, style="c-neuron-aligned")
C(T, "W1[0,0]", V, "-1.37 × 10⁻²", style="c-hand-times-ten-unicode")
C(T, "W1[0,0]", V, "-.0137", style="c-hand-no-leading-zero")
C(T, "W1[0,0]", V, "-0.0136681", style="c-hand-7-digits")
C(T, "W1[0,0]", V, "-0.0136682", "*", style="c-hand-7-digits-one-unit", note="first labelled right from the exact value rounded to -0.0136681; it is -0.01366809…, so -0.0136682 is 1.08 units of its last digit off: wrong by the policy")
C(T, "W1[0,0]", V, "-0.0136781", "*", style="c-hand-7-digits-off", note="100 units off at 6 significant digits")
C(T, "W1[0,0]", V, "-1.4e-2", style="c-hand-sci-2sf")
C(T, "W1", V, "[-0.0137 -0.0163; -0.00273 -0.00327]", style="c-hand-octave-matrix")
C(T, "W1", V, "np.array([[-0.0137, -0.0163], [-0.00273, -0.00327]])", style="c-hand-np-array")
C(M, "W1[0,1]", V, "+0.1356", style="c-hand-plus-sign")
C(M, "W1[0,1]", V, "0,1356", lang=Z, style="zh-c-hand-comma")
C(M, "b1", V, "array([[-0.0979, -0.0181]])", style="c-hand-b1-array")
C(B, "gamma", N, "def batchnorm_backward(dY, Z_hat):\n    dbeta = np.sum(dY, axis=0)\n    dgamma = np.sum(dY * Z_hat, axis=0)\n    return dgamma, dbeta\n", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="c-bn-def")
C(B, "gamma", N, "def batchnorm_backward(dY, Z_hat):\n    dbeta = np.sum(dY, axis=0)\n    dgamma = np.sum(dY * Z_hat, axis=1)\n    return dgamma, dbeta\n", "*", style="c-bn-def-axis1")
C(A, "W_v", N, "def attention_backward(X, A, dO):\n    dV = A.T @ dO\n    dW_v = X.T @ dV\n    return dW_v\n", oracle="X.T @ (A.T @ dO)", style="c-attn-def")
C(R, "w1", N, "w1.grad = x.t() @ (2 * (y_pred - y) @ w2.t() * (h > 0).float())", oracle=RW1, style="c-torch-float-mask")
C(R, "w1", N, "w1.grad = x.t() @ (2 * (y_pred - y) @ w2.t() * (h_relu > 0).float()) / n", "scale-factor", style="c-torch-float-mask-over-n")

# ================================================================ round d (written after round c's fixes,
# before running the checker on any of these): Octave, other derivative notations, more numbers
_round = "d"
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m} A^{[1]'} (A^{[2]} - Y)", oracle=W2R, style="d-octave-prime-latex")
C(M, "W2", N, "dW2 = (1/m) * A1' * (A2 - Y)", oracle=W2R, style="d-octave-code", note="Octave: ' transposes, * is the matrix product")
C(M, "W1", N, "dZ1 = (dZ2 * W2') .* (Z1 > 0);\ndW1 = X' * dZ1;", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="d-octave-code-W1")
C(M, "W1", N, "dZ1 = (dZ2 * W2');\ndW1 = X' * dZ1;", "missing-activation-derivative", oracle="X.T @ (dZ2 @ W2.T)", style="d-octave-code-W1-no-mask")
C(M, "W2", L, r"\partial_{W^{[2]}} L = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="d-partial-subscript")
C(M, "W2", L, r"\mathrm{d}W^{[2]} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="d-mathrm-d")
C(M, "W2", L, r"\frac{\partial \ell}{\partial \mathbf{W}_2} = \frac{1}{m} \mathbf{A}_1^{\top}(\mathbf{A}_2 - \mathbf{Y})", oracle=W2R, style="d-ell-bold-subscript-layers")
C(M, "W2", L, r"\frac{\partial \ell}{\partial \mathbf{W}_2} = \mathbf{A}_1^{\top}(\mathbf{A}_2 - \mathbf{Y})", "scale-factor", style="d-ell-bold-no-m")
C(T, "W1[0,0]", V, "−1.37·10⁻²", style="d-hand-middle-dot-power")
C(T, "W1[0,0]", V, "-1.37x10^-2", style="d-hand-ascii-x-power")
C(T, "W1[0,0]", V, "-1.37*10**-2", style="d-hand-python-power")
C(T, "W1[0,0]", V, "-0.0137 (3 s.f.)", style="d-hand-sf-remark")
C(T, "W1[0,0]", V, "≈−0.014", style="d-hand-approx-2sf")
C(T, "W1[0,0]", V, "-0.0137 (3 s.f.)", lang=Z, style="zh-d-hand-sf-remark")
C(E, "w", V, "[[-0.0612], [-0.0367], [-0.0245]]", "shape-mismatch", style="d-hand-neuron-column")
C(E, "w", V, "[[-0.0612, -0.0367, -0.0245]]", style="d-hand-neuron-row-2d")
C(CH, "u", V, "20", style="d-hand-chain-u")
C(CH, "u", V, "2", "*", style="d-hand-chain-u-dv-du", note="∂v/∂u, the local derivative, not ∂L/∂u")
C(R, "w1", N, "dh = (2 * (y_pred - y)) @ w2.T\ndh[h <= 0] = 0\ndw1 = x.T @ dh", oracle=RW1, style="d-relu-masked-assign-le")
C(R, "w1", N, "dh = (2 * (y_pred - y)) @ w2.T\ndh[h_relu < 0] = 0\ndw1 = x.T @ dh", "missing-activation-derivative", style="d-relu-mask-on-output-never", note="h_relu is never negative: nothing is masked")

# ================================================================ round e (written after round d's fix,
# before running the checker on any of these): library spellings and sizes
_round = "e"
C(M, "W2", N, "dW2 = np.einsum('ij,ik->jk', A1, A2 - Y) / m", oracle=W2R, style="e-einsum-transposed-form")
C(M, "W2", N, "dW2 = np.einsum('ij,ik->kj', A1, A2 - Y) / m", "*", style="e-einsum-wrong-output")
C(M, "W2", N, "dW2 = torch.matmul(A1.T, torch.sigmoid(Z2) - Y) / m", oracle=W2R, style="e-torch-matmul-sigmoid")
C(M, "W2", N, "dW2 = np.matmul(A1.transpose(), A2 - Y) / m", oracle=W2R, style="e-matmul-transpose-method")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / Y.size", oracle=W2R, style="e-Y-size")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / X.size", "scale-factor", oracle="A1.T @ (A2 - Y) / (m * n_in)", style="e-X-size")
C(M, "W2", N, "dW2 = jnp.dot(A1.T, A2 - Y) / A1.shape[0]", oracle=W2R, style="e-jnp-shape0")
C(M, "W2", N, "dW2 = (A2 - Y).T @ A1 / m", "*", style="e-transposed-result")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}\left(A^{[1]}\right)^{\!\top}\left(A^{[2]} - Y\right)", oracle=W2R, style="e-negative-space-top")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top}\cdot\left(A^{[2]}-Y\right)/m", oracle=W2R, style="e-cdot-slash-m")
C(M, "b1", N, "db1 = dZ1.sum(axis=0, keepdims=True)", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="e-method-sum")
C(M, "b1", N, "db1 = dZ1.mean(axis=0, keepdims=True)", "scale-factor", oracle="np.mean(dZ1, axis=0, keepdims=True)", style="e-method-mean")
C(T, "W1[0,0]", V, "-13.67e-3", style="e-hand-eng-4sf")
C(T, "W1[0,0]", V, "-1.366809e-02", style="e-hand-printf")
C(T, "W1[0,0]", V, "-0.01366809206", style="e-hand-many-digits")
C(R, "w2", N, "grad_w2 = np.einsum('ni,nj->ij', h_relu, 2 * (y_pred - y))", oracle=RW2, style="e-relu-einsum")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c11-{_k:03d}"


def _key(c: dict) -> tuple:
    return corpus10._key(c)


def _earlier() -> set[tuple]:
    return corpus_common.earlier_keys("corpus11", _key)


_SEEN = _earlier()
# cases that happen to repeat corpus 2-10 word for word (same language, same overrides) are left
# out; ids stay as written
CASES: list[dict] = [c for c in _rows if _key(c) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
