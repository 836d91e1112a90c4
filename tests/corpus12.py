"""The held-out-style corpus of issue 11, twelfth round: the six older built-ins weighted most
(mlp-bce, tiny-mlp, relu-mlp, neuron, mlp-bce-weighted, chain), then the four newer ones, then a
lecturer's own networks (tests/specs_course/: an L2-regularised logistic regression, a leaky-ReLU
MLP with BCE on logits, a layer norm, a self-attention head), written where corpus 7-11 did not
go: answers pasted from Gradescope/Moodle text boxes (a sentence around the formula, "Answer:",
Markdown code fences, ``$$ … $$`` with ``\\begin{aligned}`` ``&=`` chains whose LAST right side is
the answer), ``\\left(``/``\\right)``, ``\\cdot``/``\\times``/juxtaposition, ``\\operatorname{diag}``,
``\\mathrm{sigmoid}``, ``\\sigma(z)(1-\\sigma(z))``; multi-cell notebook exports (``# In[3]:``,
``# %%``, imports and helpers, only one cell defining the asked gradient); MATLAB/Octave (``'``,
``.'``, ``sum(dZ, 1)``, ``size(X, 1)``, ``%`` comments); PyTorch code computing gradients by hand
(``h_relu.t().mm(grad_y_pred)``, ``.clamp(min=0)``, ``.clone()``, ``grad_h[h < 0] = 0``);
``np.dot``/``np.multiply`` chains; hand numbers as fractions, with an uncertainty in the last
digit, and whole matrices with one entry wrong; ``--lang zh`` with 「答：」, 全角括号 and 全角逗号.
Wrong answers as students make them: missing or doubled 1/m, transposes, the wrong layer, a
forgotten derivative, σ′ written σ, tanh′ written 1 − tanh, sign flips, a factor 2, SSE vs MSE,
another loss's formula, the bias summed over the wrong axis, a shape-correct wrong product order,
in-place masking with the wrong comparison or on the wrong tensor.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any); ``opts`` carries ``rtol``/``digits``. Every expectation was written before the
checker was run on any of them (bench/RESULTS.md, "corpus 12": the first measurement). Built-in
cases with an ``oracle`` (a NumPy expression of the text's meaning) are confirmed by PyTorch
(tests/check_oracle.py); course-network cases by the spec's own text run in PyTorch
(tests/spelled_oracle.py, see tests/test_check_corpus12.py). Hand numbers were computed in
PyTorch float64 (check_oracle.exact_value) and rounded by hand.
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
L2 = str(COURSE / "l2logistic.toml")
LK = str(COURSE / "leakybce.toml")
LN = str(COURSE / "layernorm.toml")
AT = str(COURSE / "attention2.toml")


C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816


# ================================================================ mlp-bce: text boxes, fences, notebooks
M, MW = "mlp-bce", "mlp-bce-weighted"
W2R, W1R = "A1.T @ (A2 - Y) / m", "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
B2R, B1R = "np.sum(A2 - Y, axis=0, keepdims=True) / m", "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"
C(M, "W2", N, "Answer: dW2 = A1.T @ (A2 - Y) / m", oracle=W2R, style="gs-answer-prefix")
C(M, "W2", N, "answer: A1.T @ (A2 - Y) / m", oracle=W2R, style="gs-answer-lower-bare")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m, since dZ2 = A2 - Y for a sigmoid output with BCE", oracle=W2R, style="gs-sentence-after")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y), since dZ2 = A2 - Y for a sigmoid output with BCE", "scale-factor", oracle="A1.T @ (A2 - Y)", style="gs-sentence-after-no-m")
C(M, "W2", N, "We get dW2 = A1.T @ (A2 - Y) / m.", oracle=W2R, style="gs-sentence-around")
C(M, "W2", L, r"dW2 = A1^T (A2 - Y)/m, since dZ2 = A2 - Y for sigmoid + BCE.", oracle=W2R, style="gs-latexish-sentence")
C(M, "W2", L, r"dW2 = A1^T (Y - A2)/m, since dZ2 = Y - A2.", "sign", oracle="A1.T @ (Y - A2) / m", style="gs-latexish-sentence-sign")
C(M, "W2", L, r"The gradient is $\frac{1}{m} A^{[1]T}(A^{[2]} - Y)$ by the chain rule.", oracle=W2R, style="gs-inline-math-in-prose")
C(M, "W2", N, "```python\ndW2 = A1.T @ (A2 - Y) / m\n```", oracle=W2R, style="md-fence-python")
C(M, "W2", N, "```\ndZ2 = A2 - Y\ndW2 = np.dot(A1.T, dZ2) / m\n```", oracle=W2R, style="md-fence-bare")
C(M, "W1", N, "```py\ndZ2 = A2 - Y\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m\n```", oracle=W1R, style="md-fence-py")
C(M, "W1", N, "```python\ndZ2 = A2 - Y\ndZ1 = dZ2 @ W2.T\ndW1 = X.T @ dZ1 / m\n```", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="md-fence-no-mask")
C(M, "W1", N, "My answer:\n\n```python\ndZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m\n```\n\nThe mask is ReLU's derivative.", oracle=W1R, style="md-fence-with-prose")
_NB = (
    "#!/usr/bin/env python\n# coding: utf-8\n\n"
    "# In[1]:\n\n\nimport numpy as np\n\n\n"
    "# In[2]:\n\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n\n"
    "# In[3]:\n\n\nm = X.shape[0]\ndZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m\n\n\n"
    "# In[4]:\n\n\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m\n"
)
C(M, "W2", N, _NB, oracle=W2R, style="nb-export-W2")
C(M, "W1", N, _NB, oracle=W1R, style="nb-export-W1")
C(M, "W1", N, _NB.replace("dZ2 @ W2.T * (Z1 > 0)", "dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))"), "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="nb-export-sigmoid-prime")
C(M, "W2", N, _NB.replace("m = X.shape[0]", "m = X.shape[1]"), "scale-factor", style="nb-export-shape1")
_PCT = (
    "# %%\nimport numpy as np\n\n# %% [markdown]\n# Backward pass\n\n"
    "# %%\ndZ2 = A2 - Y\ndb2 = np.sum(dZ2, axis=0, keepdims=True) / m\n\n"
    "# %%\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True) / m\n"
)
C(M, "b2", N, _PCT, oracle=B2R, style="vscode-cells-b2")
C(M, "b1", N, _PCT, oracle=B1R, style="vscode-cells-b1")
C(M, "b1", N, _PCT.replace("np.sum(dZ1, axis=0, keepdims=True)", "np.sum(dZ1, axis=1, keepdims=True)"), "wrong-sum-axis", style="vscode-cells-b1-axis1")
C(M, "b1", N, _PCT.replace("np.sum(dZ1, axis=0, keepdims=True) / m", "np.sum(dZ1, axis=0, keepdims=True) / m / m"), "scale-factor", style="vscode-cells-b1-double-m")
# np.dot / np.multiply chains
C(M, "W1", N, "dW1 = np.dot(X.T, np.multiply(np.dot(A2 - Y, W2.T), np.int64(Z1 > 0))) / m", oracle=W1R, style="npdot-multiply-chain")
C(M, "W1", N, "dW1 = X.T.dot((A2 - Y).dot(W2.T) * (Z1 > 0)) / m", oracle=W1R, style="dot-method-chain")
C(M, "W1", N, "dW1 = np.dot(np.dot(X.T, A2 - Y), W2.T) * (Z1 > 0) / m", "*", style="npdot-mask-outside", note="the mask applied after the product with X.T: (n_in x n_h) * (m x n_h) only fits as m = n_in")
C(M, "W1", N, "dW1 = np.matmul(X.T, np.multiply((A2 - Y) @ W2.T, Z1 > 0)) / m", oracle=W1R, style="matmul-multiply-bool")
C(M, "W1", N, "dW1 = np.dot(X.T, np.dot(A2 - Y, W2.T)) / m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="npdot-no-mask")
C(M, "W1", N, "dW1 = np.dot(X, np.multiply(np.dot(A2 - Y, W2.T), Z1 > 0)) / m", "missing-transpose", style="npdot-X-no-T")
C(M, "W2", N, "dW2 = np.dot(A2 - Y, A1.T) / m", "*", style="npdot-order-swapped", note="(m,1)@(n_h,m) does not fit batch-first")
C(M, "W2", N, "dW2 = np.dot(A1.T, A2 - Y) / m / m", "scale-factor", oracle="A1.T @ (A2 - Y) / m / m", style="npdot-double-m")
C(M, "W2", N, "dW2 = np.dot(Z1.T, A2 - Y) / m", "*", oracle="Z1.T @ (A2 - Y) / m", style="npdot-pre-activation", note="Z1 where A1 belongs: the ReLU left out")
C(M, "W2", N, "dW2 = np.dot(A1.T, (A2 - Y) * A2 * (1 - A2)) / m", "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="npdot-mse-chain-for-bce", note="the MSE chain through σ′ where BCE's σ′ cancels")
C(M, "W2", N, "dW2 = np.dot(A1.T, -Y / A2 + (1 - Y) / (1 - A2)) / m", "missing-activation-derivative", oracle="A1.T @ (-Y / A2 + (1 - Y) / (1 - A2)) / m", style="npdot-dA2-for-dZ2")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=1, keepdims=True) / m", "wrong-sum-axis", style="b2-axis1")
C(M, "b1", N, "db1 = np.sum(np.dot(A2 - Y, W2.T) * (Z1 > 0), axis=0) / m", oracle=B1R, style="b1-npdot-no-keepdims")
C(M, "b1", N, "db1 = np.sum(np.dot(A2 - Y, W2.T), axis=0, keepdims=True) / m", "missing-activation-derivative", oracle="np.sum((A2 - Y) @ W2.T, axis=0, keepdims=True) / m", style="b1-no-mask")
# MATLAB / Octave
C(M, "W2", N, "% gradient of the output layer\ndZ2 = A2 - Y;\ndW2 = (1/m) * A1' * dZ2;", oracle=W2R, style="octave-percent-comment")
C(M, "W2", N, "m = size(X, 1);\ndZ2 = A2 - Y;\ndW2 = A1' * dZ2 / m;", oracle=W2R, style="octave-size-1")
C(M, "W2", N, "m = size(X, 2);\ndZ2 = A2 - Y;\ndW2 = A1' * dZ2 / m;", "scale-factor", style="octave-size-2")
C(M, "W2", N, "dW2 = A1.' * (A2 - Y) / m;", oracle=W2R, style="octave-dot-quote")
C(M, "W2", N, "dW2 = transpose(A1) * (A2 - Y) / m;", oracle=W2R, style="octave-transpose-fn")
C(M, "b2", N, "db2 = sum(A2 - Y, 1) / m;", oracle=B2R, style="octave-sum-dim1")
C(M, "b1", N, "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\ndb1 = sum(dZ1, 1) / m;", oracle=B1R, style="octave-sum-dim1-b1")
C(M, "b1", N, "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\ndb1 = sum(dZ1, 2) / m;", "wrong-sum-axis", style="octave-sum-dim2-b1")
C(M, "b2", N, "db2 = mean(A2 - Y);", oracle=B2R, style="octave-mean")
C(M, "W1", N, "dZ1 = ((A2 - Y) * W2') .* sigmoid(Z1) .* (1 - sigmoid(Z1));\ndW1 = X' * dZ1 / m;", "wrong-activation-derivative", style="octave-sigmoid-prime-for-relu")
C(M, "W1", N, "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\ndW1 = dZ1' * X / m;", "*", style="octave-W1-transposed", note="n_h x n_in: the transpose, square at the example")
# LaTeX display math from notes and text boxes
C(M, "W2", L, r"$$\begin{aligned} \frac{\partial L}{\partial W^{[2]}} &= \frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial W^{[2]}} \\ &= \frac{1}{m} A^{[1]\top}\left(A^{[2]} - Y\right) \end{aligned}$$", oracle=W2R, style="aligned-chain-last-rhs")
C(M, "W2", L, r"$$\begin{aligned} \frac{\partial L}{\partial W^{[2]}} &= A^{[1]\top} \frac{\partial L}{\partial Z^{[2]}} \\ &= A^{[1]\top}\left(A^{[2]} - Y\right) \end{aligned}$$", "scale-factor", oracle="A1.T @ (A2 - Y)", style="aligned-chain-last-rhs-no-m")
C(M, "Z2", L, r"$$\begin{aligned} \frac{\partial L}{\partial Z^{[2]}} &= \frac{1}{m}\left(-\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}\right) \odot A^{[2]} \odot \left(1 - A^{[2]}\right) \\ &= \frac{1}{m}\left(A^{[2]} - Y\right) \end{aligned}$$", oracle="(A2 - Y) / m", style="aligned-simplify-dZ2")
C(M, "Z2", L, r"$$\begin{aligned} \frac{\partial L}{\partial Z^{[2]}} &= \frac{1}{m}\left(-\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}\right) \odot A^{[2]} \odot \left(1 - A^{[2]}\right) \\ &= \frac{1}{m}\left(Y - A^{[2]}\right) \end{aligned}$$", "sign", oracle="(Y - A2) / m", style="aligned-simplify-dZ2-sign-at-end", note="right first line, the sign lost simplifying: the last line is the answer")
C(M, "W1", L, r"$$\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left( \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right)$$", oracle=W1R, style="display-left-right")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \cdot \left( \left(A^{[2]} - Y\right) \cdot W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right)", oracle=W1R, style="cdot-as-matmul")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \times \left( \left(A^{[2]} - Y\right) \times W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right)", oracle=W1R, style="times-as-matmul")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left( \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathrm{sigmoid}(Z^{[1]})\left(1 - \mathrm{sigmoid}(Z^{[1]})\right) \right)", "wrong-activation-derivative", style="mathrm-sigmoid-prime-for-relu")
C(M, "A2", L, r"\frac{\partial L}{\partial A^{[2]}} = \frac{1}{m}\left(\frac{1 - Y}{1 - A^{[2]}} - \frac{Y}{A^{[2]}}\right)", oracle="((1 - Y) / (1 - A2) - Y / A2) / m", style="dA2-left-right")
C(M, "A2", L, r"\frac{\partial L}{\partial A^{[2]}} = \frac{1}{m}\left(A^{[2]} - Y\right)", "*", style="dA2-as-dZ2", note="dZ2's formula for dA2")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \left(A^{[2]} - Y\right)^{\top} A^{[1]}", "*", style="latex-W2-product-reversed", note="1 x n_h: the transpose of the gradient")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m} \sum_{i=1}^{m} \left(A^{[2]}_{i} - Y_{i}\right)", oracle=B2R, style="latex-b2-sum-left-right")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m} \mathbf{1}^{\top} \left( \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right)", oracle=B1R, style="latex-b1-ones-row")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m} \left( \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right) \mathbf{1}", "*", style="latex-b1-ones-column", note="sums over the hidden units, not the batch")
# zh
C(M, "W2", N, "答：dW2 = A1.T @ （A2 - Y） / m", lang=Z, oracle=W2R, style="zh-answer-fullwidth-parens")
C(M, "W2", N, "答：dW2 = A1.T @ （A2 - Y）", "scale-factor", lang=Z, style="zh-answer-fullwidth-parens-no-m")
C(M, "W2", L, r"解：由链式法则，$\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}A^{[1]\top}\left(A^{[2]} - Y\right)$，其中 $m$ 为批量大小。", lang=Z, oracle=W2R, style="zh-jie-sentence")
C(M, "b1", V, "[-0.0979，-0.0181]", lang=Z, style="zh-hand-fullwidth-comma-list")
C(M, "b1", V, "答：[-0.0979，0.0181]", "*", lang=Z, style="zh-hand-one-sign-wrong")
C(M, "W2[0,0]", V, "答：约为 -0.176", lang=Z, style="zh-hand-yuewei")
# hand numbers: whole matrices with one entry wrong, fractions, uncertainty in the last digit
C(M, "W1", V, "[[-0.0979, 0.136], [-0.196, -0.0791]]", "*", style="hand-W1-one-entry-sign")
C(M, "W1", V, "[[-0.0979, 0.136], [-0.0979, 0.0791]]", "*", style="hand-W1-one-entry-copied")
C(M, "W1", V, "[[-0.0979, 0.136], [-0.196, 0.0791]]", style="hand-W1-all-right-3sf")
C(M, "W2", V, "[[-0.176], [-0.00899]]", style="hand-W2-column")
C(M, "W2", V, "[[-0.176], [-0.0899]]", "*", style="hand-W2-decimal-slip")
C(M, "W2[0,0]", V, "-0.1763(1)", style="hand-concise-uncertainty")
C(M, "W2[0,0]", V, "-0.176 ± 0.001", style="hand-plus-minus")
C(M, "W2[0,0]", V, "-0.186 ± 0.001", "*", style="hand-plus-minus-off")
C(M, "b2[0,0]", V, "0.0604 (to 3 s.f.)", style="hand-sf-to")
C(M, "b2[0,0]", V, "0.0640", "*", style="hand-b2-digits-swapped")

# ================================================================ mlp-bce-weighted
WZ2 = "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m"
C(MW, "W2", N, "Answer: dW2 = A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle="A1.T @ " + WZ2, style="w-answer-prefix")
C(MW, "W2", N, "```python\ndZ2 = (A2 * (1 - Y) - w * Y * (1 - A2)) / m\ndW2 = np.dot(A1.T, dZ2)\n```", oracle="A1.T @ " + WZ2, style="w-fence")
C(MW, "W2", N, "```python\ndZ2 = (A2 - Y) / m\ndW2 = np.dot(A1.T, dZ2)\n```", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="w-fence-unweighted")
C(MW, "Z2", N, "dZ2 = (A2 - w * Y + (w - 1) * Y * A2) / m", oracle=WZ2, style="w-dZ2-expanded")
C(MW, "Z2", N, "dZ2 = (A2 - w * Y + (w - 1) * Y * A2)", "scale-factor", oracle="((1 - Y) * A2 - 3 * Y * (1 - A2))", style="w-dZ2-expanded-no-m")
C(MW, "Z2", N, "dZ2 = (A2 - w * Y - (w - 1) * Y * A2) / m", "*", oracle="(A2 - 3 * Y - 2 * Y * A2) / m", style="w-dZ2-expanded-sign-slip")
C(MW, "Z2", L, r"$$\begin{aligned} \frac{\partial L}{\partial Z^{[2]}} &= \frac{1}{m}\left(-\frac{wY}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}\right) \odot A^{[2]}\left(1 - A^{[2]}\right) \\ &= \frac{1}{m}\left((1 - Y) \odot A^{[2]} - wY \odot (1 - A^{[2]})\right) \end{aligned}$$", oracle=WZ2, style="w-aligned-chain")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left(w\,(1 - Y) \odot A^{[2]} - Y \odot (1 - A^{[2]})\right)", "*", oracle="(3 * (1 - Y) * A2 - Y * (1 - A2)) / m", style="w-weight-on-negatives-latex")
C(MW, "b2", N, "db2 = sum((1 - Y) .* A2 - w * Y .* (1 - A2), 1) / m;", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="w-octave-b2")
C(MW, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T\ndZ1[Z1 <= 0] = 0\ndW1 = X.T @ dZ1", oracle="X.T @ (" + WZ2 + " @ W2.T * (Z1 > 0))", style="w-inplace-mask")
C(MW, "W1", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndZ1 = dZ2 @ W2.T\ndZ1[Z1 > 0] = 0\ndW1 = X.T @ dZ1", "*", style="w-inplace-mask-wrong-side")
C(MW, "W2[0,0]", V, "-0.4236(1)", style="w-hand-concise")
C(MW, "W2", V, "[[-0.424], [-0.370]]", "*", style="w-hand-one-entry-wrong")
C(MW, "b1", V, "[[-0.182, 0.109]]", style="w-hand-b1")
C(MW, "b1[0,0]", V, "-0.0979", "*", style="w-hand-unweighted-number", note="mlp-bce's value: the weight left out")
C(MW, "W2", N, "答：dW2 = A1.T @ （(1 - Y) * A2 - w * Y * (1 - A2)） / m", lang=Z, oracle="A1.T @ " + WZ2, style="zh-w-answer")
C(MW, "W2", N, "答：dW2 = A1.T @ （A2 - Y） / m，因为标签是 0 或 1", "weighted-loss-not-simplifiable", lang=Z, style="zh-w-answer-unweighted")

# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
C(T, "W1", N, "Answer: dW1 = X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="t-answer-prefix")
C(T, "W1", N, "```python\ndelta_out = y_pred - y_target\ndelta_h = delta_out * W2.T * h * (1 - h)\ndW1 = np.outer(X, delta_h)\n```", oracle=TW1, style="t-fence-outer")
C(T, "W1", N, "```python\ndelta_out = y_pred - y_target\ndelta_h = delta_out * W2.T * h\ndW1 = np.outer(X, delta_h)\n```", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="t-fence-sigma-for-prime")
C(T, "W1", N, "dW1 = np.dot(X.T, np.multiply(np.dot(y_pred - y_target, W2.T), h * (1 - h)))", oracle=TW1, style="t-npdot-multiply")
C(T, "W1", N, "dW1 = np.dot(X.T, np.multiply(np.dot(y_pred - y_target, W2.T), 1 - h))", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h))", style="t-npdot-one-minus")
C(T, "W1", N, "dW1 = np.dot(X.T, np.multiply(np.dot(y_pred - y_target, W2.T), h_raw * (1 - h_raw)))", "wrong-activation-derivative", style="t-npdot-prime-of-raw")
C(T, "W1", N, "dW1 = np.dot(h.T, np.multiply(np.dot(y_pred - y_target, W2.T), h * (1 - h)))", "wrong-layer", style="t-npdot-wrong-layer")
C(T, "W1", N, "dW1 = np.dot(np.multiply(np.dot(y_pred - y_target, W2.T), h * (1 - h)).T, X)", "*", style="t-npdot-transposed-result", note="square: the transpose")
C(T, "W1", N, "dW1 = 2 * np.dot(X.T, np.multiply(np.dot(y_pred - y_target, W2.T), h * (1 - h)))", "scale-factor", oracle="2 * " + TW1, style="t-npdot-factor-2", note="the ½ of the loss forgotten")
C(T, "W1", N, "% tiny MLP\ndh = (y_pred - y_target) * W2' .* h .* (1 - h);\ndW1 = X' * dh;", oracle=TW1, style="t-octave")
C(T, "W1", N, "dh = (y_pred - y_target) * W2' .* h .* (1 - h);\ndW1 = dh' * X;", "*", style="t-octave-transposed")
C(T, "W2", N, "dW2 = h' * (y_pred - y_target);", oracle=TW2, style="t-octave-W2")
C(T, "W2", N, "dW2 = h_raw' * (y_pred - y_target);", "wrong-layer", style="t-octave-W2-pre-activation", note="first labelled missing-activation-derivative; main's 3b44f34 (c11-315) settled it: a pre-activation where its activation's output belongs is wrong-layer")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{pred} - y_{target})\, W_2^{\top} \operatorname{diag}\left(h \odot (1 - h)\right)\right]", oracle=TW1, style="t-operatorname-diag")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{pred} - y_{target})\, W_2^{\top} \operatorname{diag}\left(h\right)\right]", "wrong-activation-derivative", style="t-operatorname-diag-sigma")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{pred} - y_{target})\, W_2^{\top} \odot \sigma(h_{raw})\left(1 - \sigma(h_{raw})\right)\right]", oracle=TW1, style="t-sigma-times-one-minus-sigma")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{pred} - y_{target})\, W_2^{\top} \odot \mathrm{sigmoid}(h_{raw})\left(1 - \mathrm{sigmoid}(h_{raw})\right)\right]", oracle=TW1, style="t-mathrm-sigmoid")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\cdot\left[(y_{pred} - y_{target}) \cdot W_2^{\top} \odot h \odot (1 - h)\right]", oracle=TW1, style="t-cdot")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{target} - y_{pred})\, W_2^{\top} \odot h \odot (1 - h)\right]", "sign", style="t-latex-sign")
C(T, "W1", L, r"$$\begin{aligned} \frac{\partial L}{\partial W_1} &= \frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial h} \frac{\partial h}{\partial h_{raw}} \frac{\partial h_{raw}}{\partial W_1} \\ &= X^{\top}\left[(y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h)\right] \end{aligned}$$", oracle=TW1, style="t-aligned-leibniz-then-formula")
C(T, "W1", L, r"$$\begin{aligned} \frac{\partial L}{\partial W_1} &= \frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial h} \frac{\partial h}{\partial h_{raw}} \frac{\partial h_{raw}}{\partial W_1} \\ &= X^{\top}\left[(y_{pred} - y_{target}) W_2^{\top}\right] \end{aligned}$$", "missing-activation-derivative", style="t-aligned-leibniz-then-formula-no-prime")
C(T, "W2", L, r"The answer is $\frac{\partial L}{\partial W_2} = h^{\top}\left(y_{pred} - y_{target}\right)$.", oracle=TW2, style="t-prose-W2")
C(T, "W2", L, r"$$\frac{\partial L}{\partial W_2} = h^{\top} \times \left(y_{pred} - y_{target}\right)$$", oracle=TW2, style="t-times-W2")
C(T, "W2", L, r"$$\frac{\partial L}{\partial W_2} = h_{raw}^{\top} \left(y_{pred} - y_{target}\right)$$", "wrong-layer", style="t-latex-W2-raw", note="first labelled missing-activation-derivative; main's 3b44f34 (c11-315) settled it: a pre-activation where its activation's output belongs is wrong-layer")
C(T, "W2", L, r"$$\frac{\partial L}{\partial W_2} = 2\, h^{\top} \left(y_{pred} - y_{target}\right)$$", "scale-factor", style="t-latex-W2-factor-2")
C(T, "w11", N, "Answer: dL/dw11 = (y_pred - y_target) * v1 * h1 * (1 - h1) * x1", style="t-entry-answer")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = \left(y_{pred} - y_{target}\right) \cdot v_2 \cdot h_2 \left(1 - h_2\right) \cdot x_2", style="t-entry-cdot")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = \left(y_{pred} - y_{target}\right) \cdot v_2 \cdot h_2 \cdot x_2", "wrong-activation-derivative", style="t-entry-cdot-sigma")
C(T, "v1", L, r"\frac{\partial L}{\partial v_{1}} = \left(y_{pred} - y_{target}\right) h_1", style="t-entry-v1")
C(T, "W1", V, "[[-0.0137, -0.0163], [-0.00273, -0.00372]]", "*", style="t-hand-one-entry-digits-swapped")
C(T, "W1", V, "[[-0.0137, -0.0163], [-0.00273, -0.00327]]  (rounded to 3 s.f.)", style="t-hand-matrix-remark")
C(T, "W1[0,0]", V, "-0.01367(1)", style="t-hand-concise")
C(T, "W1[0,0]", V, "-0.0137 ± 0.0001", style="t-hand-pm")
C(T, "W1[0,0]", V, "Answer: -0.0137", style="t-hand-answer-prefix")
C(T, "W1[0,0]", V, "-0.02734", "scale-factor", style="t-hand-doubled-4sf")
C(T, "W2[1,0]", V, "-0.117", style="t-hand-W2-10")
C(T, "W2[1,0]", V, "-0.0117", "*", style="t-hand-W2-10-decimal-slip")
C(T, "W1", N, "答：dW1 = X.T @ （(y_pred - y_target) * W2.T * h * (1 - h)）", lang=Z, oracle=TW1, style="zh-t-answer")
C(T, "W1", N, "答：dW1 = X.T @ （(y_pred - y_target) * W2.T * h）", "wrong-activation-derivative", lang=Z, style="zh-t-answer-sigma")
C(T, "W1[0,0]", V, "答：-0.0137（保留三位有效数字）", lang=Z, style="zh-t-hand-remark")

# ================================================================ relu-mlp (PyTorch warm-up, by hand)
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
_PT = (
    "# Backprop to compute gradients of w1 and w2 with respect to loss\n"
    "grad_y_pred = 2.0 * (y_pred - y)\n"
    "grad_w2 = h_relu.t().mm(grad_y_pred)\n"
    "grad_h_relu = grad_y_pred.mm(w2.t())\n"
    "grad_h = grad_h_relu.clone()\n"
    "grad_h[h < 0] = 0\n"
    "grad_w1 = x.t().mm(grad_h)\n"
)
C(R, "w1", N, _PT, "relu-at-zero", style="pt-warmup-w1", note="first labelled right; README's policy: PyTorch's relu'(0) = 0, so a mask that keeps the gradient where h = 0 is the relu-at-zero slip (the brief's '<= vs <')")
C(R, "w2", N, _PT, oracle=RW2, style="pt-warmup-w2")
C(R, "w1", N, _PT.replace("grad_h[h < 0] = 0", "grad_h[h <= 0] = 0"), oracle=RW1, style="pt-warmup-le")
C(R, "w1", N, _PT.replace("grad_h[h < 0] = 0", "grad_h[h > 0] = 0"), "*", style="pt-warmup-mask-wrong-side")
C(R, "w1", N, _PT.replace("grad_h[h < 0] = 0", "grad_h[h_relu < 0] = 0"), "missing-activation-derivative", style="pt-warmup-mask-on-output", note="h_relu is never negative: nothing is masked")
C(R, "w1", N, _PT.replace("grad_h[h < 0] = 0", "grad_h[h_relu <= 0] = 0"), oracle=RW1, style="pt-warmup-mask-on-output-le", note="h_relu <= 0 exactly where h <= 0")
C(R, "w1", N, _PT.replace("grad_h[h < 0] = 0\n", ""), "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="pt-warmup-no-mask")
C(R, "w1", N, _PT.replace("2.0 * (y_pred - y)", "(y_pred - y)"), "scale-factor", style="pt-warmup-no-2")
C(R, "w1", N, _PT.replace("2.0 * (y_pred - y)", "2.0 * (y_pred - y) / y.numel()"), "scale-factor", style="pt-warmup-mse-numel")
C(R, "w2", N, _PT.replace("h_relu.t().mm(grad_y_pred)", "h.t().mm(grad_y_pred)"), "wrong-layer", style="pt-warmup-w2-pre-relu", note="first labelled missing-activation-derivative; main's 3b44f34 (c11-315) settled it: a pre-activation where its activation's output belongs is wrong-layer")
C(R, "w2", N, _PT.replace("h_relu.t().mm(grad_y_pred)", "grad_y_pred.t().mm(h_relu)"), "*", style="pt-warmup-w2-reversed", note="D_out x H")
C(R, "w1", N, _PT.replace("x.t().mm(grad_h)", "grad_h.t().mm(x)"), "*", style="pt-warmup-w1-reversed", note="H x D_in")
C(R, "w1", N, "h_relu = h.clamp(min=0)\ngrad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * (h > 0).double()\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="pt-clamp-double-mask")
C(R, "w1", N, "grad_h = (2.0 * (y_pred - y)).mm(w2.t()).clamp(min=0)\ngrad_w1 = x.t().mm(grad_h)", "*", style="pt-clamp-gradient", note="clamps the gradient, not the mask: another function")
C(R, "w1", N, "grad_h = torch.where(h > 0, 2 * (y_pred - y) @ w2.T, torch.zeros_like(h))\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="pt-torch-where-zeros-like")
C(R, "w1", N, "grad_w1 = torch.mm(x.t(), torch.mm(2 * (y_pred - y), w2.t()) * (h > 0).float())", oracle=RW1, style="pt-torch-mm-float")
C(R, "w2", N, "grad_w2 = torch.mm(h_relu.t(), 2 * (y_pred - y)) / (n * D_out)", "scale-factor", style="pt-mse-for-sse")
C(R, "w2", N, "grad_w2 = h_relu.T.dot(2 * (y_pred - y))  # same as the numpy warm-up", oracle=RW2, style="np-warmup-w2-comment")
C(R, "w2", N, "grad_w2 = h_relu.T.dot(y_pred - y) * 2", oracle=RW2, style="np-warmup-w2-times-2")
C(R, "w2", N, "grad_w2 = h_relu.T.dot(y_pred - y) * 4", "scale-factor", style="np-warmup-w2-times-4")
C(R, "w1", N, "grad_h_relu = 2 * (y_pred - y) @ w2.T\ngrad_h = grad_h_relu * (h_relu > 0)\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="np-mask-on-output-gt")
C(R, "w1", N, "grad_h_relu = 2 * (y_pred - y) @ w2.T\ngrad_h = grad_h_relu * (x > 0)\ngrad_w1 = x.T @ grad_h", "*", style="np-mask-on-input", note="x is n x D_in, grad_h_relu n x H: fits only where D_in = H")
C(R, "w1", N, "```python\ngrad_h = 2 * (y_pred - y) @ w2.T\ngrad_h[h < 0] = 0\ngrad_w1 = x.T @ grad_h\n```", "relu-at-zero", style="md-fence-inplace-mask", note="first labelled right; README's policy: PyTorch's relu'(0) = 0, so a mask that keeps the gradient where h = 0 is the relu-at-zero slip (the brief's '<= vs <')")
C(R, "w2", N, "grad_w2 = h_relu' * (2 * (y_pred - y));", oracle=RW2, style="octave-w2")
C(R, "w2", N, "grad_w2 = h_relu' * (y_pred - y);", "scale-factor", style="octave-w2-no-2")
C(R, "w1", N, "grad_h = (2 * (y_pred - y) * w2') .* (h > 0);\ngrad_w1 = x' * grad_h;", oracle=RW1, style="octave-w1")
C(R, "w1", N, "grad_h = (2 * (y_pred - y) * w2') .* (h >= 0);\ngrad_w1 = x' * grad_h;", "relu-at-zero", style="octave-w1-ge", note="first labelled right; README's policy: PyTorch's relu'(0) = 0, so a mask that keeps the gradient where h = 0 is the relu-at-zero slip (the brief's '<= vs <')")
C(R, "w1", L, r"$$\frac{\partial\, \mathrm{loss}}{\partial w_1} = x^{\top}\left(2\left(y_{\mathrm{pred}} - y\right) w_2^{\top} \odot \mathbb{1}\left[h > 0\right]\right)$$", oracle=RW1, style="latex-display-w1")
C(R, "w1", L, r"$$\frac{\partial\, \mathrm{loss}}{\partial w_1} = x^{\top}\left(2\left(y_{\mathrm{pred}} - y\right) w_2^{\top} \odot \operatorname{diag}\left(\mathbb{1}\left[h > 0\right]\right)\right)$$", "*", style="latex-display-w1-diag-of-matrix", note="diag of an n x H matrix is not the mask")
C(R, "w1", L, r"$$\frac{\partial\, \mathrm{loss}}{\partial w_1} = x^{\top}\left(2\left(y_{\mathrm{pred}} - y\right) w_2^{\top} \odot h_{\mathrm{relu}}\right)$$", "wrong-activation-derivative", style="latex-relu-for-relu-prime")
C(R, "w2", L, r"\frac{\partial\, \mathrm{loss}}{\partial w_2} = 2\, h_{\mathrm{relu}}^{\top} \times \left(y_{\mathrm{pred}} - y\right)", oracle=RW2, style="latex-times-w2")
C(R, "w2", L, r"\frac{\partial\, \mathrm{loss}}{\partial w_2} = 2\, x^{\top} \left(y_{\mathrm{pred}} - y\right)", "*", style="latex-w2-wrong-layer-x", note="x is n x D_in: D_in x D_out, not H x D_out")
C(R, "w2", V, "[[-0.748, -2.51], [-0.219, -0.480], [-0.804, -2.40]]", "*", style="hand-w2-one-entry-digits-swapped")
C(R, "w2[0,1]", V, "-2.511", style="hand-w2-01-4sf")
C(R, "w2[0,1]", V, "-2.511(1)", style="hand-w2-01-concise")
C(R, "w1[0,0]", V, "1.41", style="hand-w1-3sf")
C(R, "w1[0,0]", V, "0.704", "scale-factor", style="hand-w1-halved")
C(R, "w1[2,1]", V, "0/1", style="hand-zero-fraction")
C(R, "w1", N, "答：grad_w1 = x.T @ （2 * (y_pred - y) @ w2.T * (h > 0)）", lang=Z, oracle=RW1, style="zh-r-answer")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T\ngrad_h[h_relu < 0] = 0  # ReLU 的导数\ngrad_w1 = x.T @ grad_h", "missing-activation-derivative", lang=Z, style="zh-r-mask-on-output")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", N, "Answer: dw = (O - t) * O * (1 - O) * x", oracle=EW, style="n-answer-prefix")
C(E, "w", N, "```python\ndz = (O - t) * O * (1 - O)\ndw = dz * x\n```", oracle=EW, style="n-fence")
C(E, "w", N, "dw = np.multiply((O - t) * O * (1 - O), x)", oracle=EW, style="n-np-multiply")
C(E, "w", N, "dw = np.dot((O - t) * O * (1 - O), x)", oracle=EW, style="n-npdot-1x1")
C(E, "w", N, "dw = (O - t) * (1 - O) * x", "wrong-activation-derivative", oracle="(O - t) * (1 - O) * x", style="n-one-minus-only")
C(E, "w", N, "dw = (O - t) * z * (1 - z) * x", "wrong-activation-derivative", oracle="(O - t) * z * (1 - z) * x", style="n-prime-of-pre-activation")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x * 2", "scale-factor", oracle="2 * " + EW, style="n-factor-2")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * w", "*", style="n-weight-for-input-2")
C(E, "w", N, "dw = ((O - t) * O * (1 - O))' * x;", oracle=EW, style="n-octave-quote-scalar")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \left(O - t\right) \sigma(z)\left(1 - \sigma(z)\right) \mathbf{x}", oracle=EW, style="n-latex-sigma-one-minus-sigma")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \left(O - t\right) \mathrm{sigmoid}(z)\left(1 - \mathrm{sigmoid}(z)\right) \cdot \mathbf{x}", oracle=EW, style="n-latex-mathrm-sigmoid")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \left(O - t\right) \left(1 - \sigma(z)\right) \cdot \mathbf{x}", "wrong-activation-derivative", style="n-latex-one-minus-sigma")
C(E, "w", L, r"$$\begin{aligned} \frac{\partial L}{\partial \mathbf{w}} &= \frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial \mathbf{w}} \\ &= (O - t)\cdot O(1 - O)\cdot \mathbf{x} \end{aligned}$$", oracle=EW, style="n-aligned-chain")
C(E, "w", L, r"$$\begin{aligned} \frac{\partial L}{\partial \mathbf{w}} &= \frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial \mathbf{w}} \\ &= (O - t)\cdot \mathbf{x} \end{aligned}$$", "missing-activation-derivative", style="n-aligned-chain-then-drop")
C(E, "w", L, r"The gradient is $(O - t)\,O(1 - O)\,\mathbf{x}$, since $\sigma'(z) = \sigma(z)(1 - \sigma(z))$.", oracle=EW, style="n-prose-with-identity")
C(E, "w[0,1]", V, "-0.0367(1)", style="n-hand-concise")
C(E, "w", V, "[-0.0612, -0.0367, -0.0254]", "*", style="n-hand-one-entry-digits-swapped")
C(E, "w", V, "[-0.0612，-0.0367，-0.0245]", lang=Z, style="zh-n-hand-fullwidth-commas")
C(E, "w", N, "答：dw = (O - t) * O * (1 - O) * x", lang=Z, oracle=EW, style="zh-n-answer")
C(E, "w", N, "答：dw = (O - t) * O * x", "wrong-activation-derivative", lang=Z, style="zh-n-answer-sigma")

# ================================================================ chain
CH = "chain"
C(CH, "w", N, "Answer: dw = 2 * v * x", oracle="2 * v * x", style="ch-answer")
C(CH, "w", N, "dw = 2 * (u + b) * x  # since dv/du = 1", oracle="2 * v * x", style="ch-comment")
C(CH, "w", N, "dw = 2 * v", "*", style="ch-no-x-2")
C(CH, "w", N, "dw = v ** 2 * x", "*", oracle="v ** 2 * x", style="ch-loss-for-derivative")
C(CH, "b", N, "db = 2 * v * x", "*", oracle="2 * v * x", style="ch-db-with-x")
C(CH, "w", L, r"$$\begin{aligned} \frac{dL}{dw} &= \frac{dL}{dv}\frac{dv}{du}\frac{du}{dw} \\ &= 2v \cdot 1 \cdot x \end{aligned}$$", oracle="2 * v * x", style="ch-aligned")
C(CH, "w", L, r"$$\begin{aligned} \frac{dL}{dw} &= \frac{dL}{dv}\frac{dv}{du}\frac{du}{dw} \\ &= 2v \cdot 1 \cdot w \end{aligned}$$", "*", style="ch-aligned-w-for-x")
C(CH, "w", V, "80/2", style="ch-hand-fraction")
C(CH, "w", V, "40 (exact)", style="ch-hand-exact-remark")
C(CH, "w", V, "40.4", "*", style="ch-hand-off")
C(CH, "b", V, "答：20", lang=Z, style="zh-ch-hand")
C(CH, "x", V, "120/2", style="ch-hand-x-fraction")

# ================================================================ the four newer built-ins
S, RN, A, B = "softmax-regression", "rnn", "attention", "batchnorm"
SW = "X.T @ (P - Y) / m"
C(S, "W", N, "Answer: dW = X.T @ (P - Y) / m", oracle=SW, style="s-answer")
C(S, "W", N, "```python\ndZ = (P - Y) / m\ndW = np.dot(X.T, dZ)\ndb = np.sum(dZ, axis=0, keepdims=True)\n```", oracle=SW, style="s-fence")
C(S, "b", N, "```python\ndZ = (P - Y) / m\ndW = np.dot(X.T, dZ)\ndb = np.sum(dZ, axis=1, keepdims=True)\n```", "wrong-sum-axis", style="s-fence-b-axis1")
C(S, "W", N, "dW = X' * (P - Y) / m;", oracle=SW, style="s-octave")
C(S, "W", N, "dW = X' * (P - Y);", "scale-factor", style="s-octave-no-m")
C(S, "W", N, "dW = X.T @ (P - Y) / (m * k)", "scale-factor", style="s-over-mk")
C(S, "W", N, "dW = X.T @ (P * (1 - P)) / m", "*", oracle="X.T @ (P * (1 - P)) / m", style="s-softmax-prime-only")
C(S, "W", L, r"$$\frac{\partial J}{\partial W} = \frac{1}{m} X^{\top}\left(\mathrm{softmax}(Z) - Y\right)$$", oracle=SW, style="s-latex-mathrm-softmax")
C(S, "W", L, r"$$\frac{\partial J}{\partial W} = \frac{1}{m} X^{\top}\left(\operatorname{softmax}(XW + b) - Y\right)$$", oracle=SW, style="s-latex-operatorname-softmax-inline")
C(S, "W", L, r"$$\frac{\partial J}{\partial W} = \frac{1}{m} \left(P - Y\right)^{\top} X$$", "*", style="s-latex-reversed", note="k x n")
C(S, "W[0,0]", V, "0.585", style="s-hand")
C(S, "W", V, "[[0.585, -0.0903, -0.495], [0.347, 0.396, -0.743]]", style="s-hand-matrix")
C(S, "W", V, "[[0.585, -0.0903, -0.495], [0.347, 0.396, 0.743]]", "*", style="s-hand-matrix-one-sign")
C(RN, "W_x", N, "```python\ndz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2\n```", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="rn-fence")
C(RN, "W_x", N, "dz_2 = (h_2 - y) * (1 - np.tanh(z_2))\ndz_1 = dz_2 @ W_h.T * (1 - np.tanh(z_1))\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2", "wrong-activation-derivative", style="rn-one-minus-tanh")
C(RN, "W_x", N, "dz_2 = (h_2 - y) * (1 - np.tanh(z_2) ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - np.tanh(z_1) ** 2)\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="rn-tanh-squared")
C(RN, "W_x", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndW_x = x_2.T @ dz_2", "*", style="rn-last-step-only", note="truncated BPTT: the first step's term left out")
C(RN, "W_h", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1 ** 2)\ndW_h = dz_1.T @ h_0 + dz_2.T @ h_1", "*", style="rn-W_h-reversed", note="square: the transpose")
C(RN, "b", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - h_1 ** 2)\ndb = dz_1 + dz_2", "bias-not-summed", style="rn-b", note="first labelled right; m = 1 at the example, and every verdict also holds where m > 1 (README): the batch sum is needed")
C(RN, "b", L, r"$$\frac{\partial L}{\partial b} = \sum_{t=1}^{2} \delta_{z_t}$$", "bias-not-summed", style="rn-latex-b", note="first labelled right; m = 1 at the example, and every verdict also holds where m > 1 (README): the batch sum is needed")
C(RN, "W_x[0,0]", V, "-0.191", style="rn-hand")
C(A, "W_v", N, "```python\ndV = A.T @ dO\ndW_v = X.T @ dV\n```", oracle="X.T @ (A.T @ dO)", style="a-fence")
C(A, "W_v", N, "dO = (O - T) / (n * d)\ndW_v = X.T @ A.T @ dO", "scale-factor", style="a-mse-half", note="mse's 2 left out")
C(A, "W_v", N, "dO = 2 * (O - T)\ndW_v = X.T @ A.T @ dO", "scale-factor", style="a-sse-for-mse")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ A.T @ dO", oracle="X.T @ (A.T @ dO)", style="a-mse-explicit")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ A @ dO", "*", style="a-A-not-transposed")
C(A, "W_v[0,0]", V, "-0.130", style="a-hand")
C(B, "beta", N, "dbeta = np.sum(dY, axis=0, keepdims=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-dbeta")
C(B, "beta", N, "dbeta = np.sum(dY, axis=1, keepdims=True)", "wrong-sum-axis", style="b-dbeta-axis1")
C(B, "gamma", N, "dgamma = np.sum(dY * Z_c, axis=0, keepdims=True)", "*", style="b-dgamma-centred-only")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * n), axis=0)", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-dbeta-mse-explicit")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / m, axis=0)", "scale-factor", style="b-dbeta-mse-over-m-only")
C(B, "beta[0,1]", V, "-8/15", style="b-hand-fraction")
C(B, "beta[0,0]", V, "1/10", style="b-hand-fraction-tenth")
C(B, "beta[0,1]", V, "-1/2", "*", style="b-hand-fraction-off")
C(B, "beta[0,1]", V, "-0.5333...", style="b-hand-ellipsis")
C(B, "beta", V, "[[1/10, -8/15]]", style="b-hand-fraction-row")

# ================================================================ a lecturer's own networks
L2W = "X.T @ (p - y) / m + lam / m * w"
C(L2, "w", N, "dw = X.T @ (p - y) / m + lam / m * w", oracle=L2W, style="u-l2-w")
C(L2, "w", N, "Answer: dw = (1/m) * X.T @ (p - y) + (lam/m) * w", oracle=L2W, style="u-l2-w-answer")
C(L2, "w", N, "dw = X.T @ (p - y) / m", "missing-loss-term", oracle="X.T @ (p - y) / m", style="u-l2-w-no-reg")
C(L2, "w", N, "dw = X.T @ (p - y) / m + lam * w", "loss-term-factor", oracle="X.T @ (p - y) / m + lam * w", style="u-l2-w-reg-no-m")
C(L2, "w", N, "dw = X.T @ (p - y) / m + lam / (2 * m) * w", "loss-term-factor", oracle="X.T @ (p - y) / m + lam / (2 * m) * w", style="u-l2-w-reg-half")
C(L2, "w", N, "dw = X.T @ (p - y) / m - lam / m * w", "*", oracle="X.T @ (p - y) / m - lam / m * w", style="u-l2-w-reg-sign")
C(L2, "w", N, "dw = X.T @ (y - p) / m + lam / m * w", "*", oracle="X.T @ (y - p) / m + lam / m * w", style="u-l2-w-data-sign")
C(L2, "w", N, "dw = X' * (p - y) / m + lam / m * w;", oracle=L2W, style="u-l2-w-octave")
C(L2, "w", L, r"$$\nabla_{\mathbf{w}} J = \frac{1}{m} X^{\top}\left(\sigma(X\mathbf{w} + b) - \mathbf{y}\right) + \frac{\lambda}{m}\mathbf{w}$$", oracle=L2W, style="u-l2-w-latex")
C(L2, "w", L, r"$$\nabla_{\mathbf{w}} J = \frac{1}{m} X^{\top}\left(\sigma(X\mathbf{w} + b) - \mathbf{y}\right)$$", "missing-loss-term", style="u-l2-w-latex-no-reg")
C(L2, "b", N, "db = np.sum(p - y) / m", oracle="np.sum(p - y) / m", style="u-l2-b")
C(L2, "b", N, "db = np.sum(p - y) / m + lam / m * b", "*", oracle="np.sum(p - y) / m + lam / m * b", style="u-l2-b-regularised")
LKW2 = "A1.T @ (1 / (1 + np.exp(-Z2)) - Y) / m"
LKW1 = "X.T @ (((1 / (1 + np.exp(-Z2)) - Y) / m) @ W2.T * np.where(Z1 > 0, 1, 0.01))"
C(LK, "W2", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndW2 = A1.T @ dZ2", oracle=LKW2, style="u-leaky-W2")
C(LK, "W2", N, "dW2 = A1.T @ (sigmoid(Z2) - Y)", "scale-factor", oracle="A1.T @ (1 / (1 + np.exp(-Z2)) - Y)", style="u-leaky-W2-no-m")
C(LK, "W1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * np.where(Z1 > 0, 1, 0.01)\ndW1 = X.T @ dZ1", oracle=LKW1, style="u-leaky-W1-where")
C(LK, "W1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T\ndZ1[Z1 < 0] *= 0.01\ndW1 = X.T @ dZ1", "relu-at-zero", style="u-leaky-W1-inplace-scale", note="first labelled right; PyTorch's leaky_relu'(0) is the slope 0.01, and Z1 < 0 keeps 1 there: the relu-at-zero slip")
C(LK, "W1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1", "wrong-activation-derivative", oracle="X.T @ (((1 / (1 + np.exp(-Z2)) - Y) / m) @ W2.T * (Z1 > 0))", style="u-leaky-W1-relu-mask")
C(LK, "W1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * np.where(A1 > 0, 1, 0.01)\ndW1 = X.T @ dZ1", oracle=LKW1, style="u-leaky-W1-mask-on-output", note="leaky ReLU keeps the sign: A1 > 0 where Z1 > 0")
C(LK, "W1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * np.where(Z1 > 0, 0.01, 1)\ndW1 = X.T @ dZ1", "wrong-activation-derivative", style="u-leaky-W1-slopes-swapped")
C(LK, "b1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * np.where(Z1 > 0, 1, 0.01)\ndb1 = np.sum(dZ1, axis=0, keepdims=True)", oracle="np.sum(((1 / (1 + np.exp(-Z2)) - Y) / m) @ W2.T * np.where(Z1 > 0, 1, 0.01), axis=0, keepdims=True)", style="u-leaky-b1")
C(LK, "b1", N, "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * np.where(Z1 > 0, 1, 0.01)\ndb1 = np.sum(dZ1, axis=1, keepdims=True)", "wrong-sum-axis", style="u-leaky-b1-axis1")
C(LK, "W1", L, r"$$\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left(\left(\sigma(Z^{[2]}) - Y\right) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right)$$", "wrong-activation-derivative", style="u-leaky-latex-relu-mask")
LNG = "np.sum(2 * (Y - T) / (m * d) * xhat, axis=0, keepdims=True)"
LNB = "np.sum(2 * (Y - T) / (m * d), axis=0, keepdims=True)"
C(LN, "gamma", N, "dY = 2 * (Y - T) / (m * d)\ndgamma = np.sum(dY * xhat, axis=0, keepdims=True)", oracle=LNG, style="u-ln-gamma")
C(LN, "gamma", N, "dY = 2 * (Y - T) / (m * d)\ndgamma = np.sum(dY * xhat, axis=1, keepdims=True)", "*", style="u-ln-gamma-axis1", note="m x 1 for a 1 x d parameter")
C(LN, "gamma", N, "dY = 2 * (Y - T) / (m * d)\ndgamma = np.sum(dY * xc, axis=0, keepdims=True)", "*", oracle="np.sum(2 * (Y - T) / (m * d) * xc, axis=0, keepdims=True)", style="u-ln-gamma-centred")
C(LN, "gamma", N, "dY = 2 * (Y - T) / m\ndgamma = np.sum(dY * xhat, axis=0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T) / m * xhat, axis=0, keepdims=True)", style="u-ln-gamma-over-m-only")
C(LN, "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * d), axis=0, keepdims=True)", oracle=LNB, style="u-ln-beta")
C(LN, "beta", N, "dbeta = np.sum(2 * (Y - T), axis=0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T), axis=0, keepdims=True)", style="u-ln-beta-sse")
C(LN, "beta", L, r"$$\frac{\partial L}{\partial \beta} = \frac{2}{md}\sum_{i=1}^{m}\left(Y_{i} - T_{i}\right)$$", oracle=LNB, style="u-ln-beta-latex")
ATV = "X.T @ (A.T @ (2 * (O - Y) / (T * dk)))"
C(AT, "Wv", N, "dO = 2 * (O - Y) / (T * dk)\ndV = A.T @ dO\ndWv = X.T @ dV", oracle=ATV, style="u-attn-Wv")
C(AT, "Wv", N, "dO = 2 * (O - Y) / (T * d)\ndV = A.T @ dO\ndWv = X.T @ dV", "scale-factor", style="u-attn-Wv-wrong-size-d")
C(AT, "Wv", N, "dO = 2 * (O - Y) / (T * dk)\ndV = A @ dO\ndWv = X.T @ dV", "*", style="u-attn-Wv-A-not-T")
C(AT, "Wv", N, "dO = 2 * (O - Y) / (T * dk)\ndWv = X.T @ dO", "*", oracle="X.T @ (2 * (O - Y) / (T * dk))", style="u-attn-Wv-A-forgotten")
C(AT, "Wv", L, r"$$\frac{\partial L}{\partial W_v} = \frac{2}{T d_k} X^{\top} A^{\top} \left(O - Y\right)$$", oracle=ATV, style="u-attn-Wv-latex")

# ================================================================ round b (written after round a's fixes,
# before running the checker on any of these): the same forms on other networks
_round = "b"
CLOG = str(COURSE / "coursera_ml_logreg_reg.toml")
C(S, "W", N, "Answer: dW = np.dot(X.T, P - Y) / m", oracle=SW, style="b-s-answer-npdot")
C(S, "W", N, "```python\ndW = X.T @ (P - Y)\n```", "scale-factor", oracle="X.T @ (P - Y)", style="b-s-fence-no-m")
C(S, "b", N, "db = sum(P - Y, 1) / m;", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b-s-octave-sum-1")
C(S, "b", N, "db = sum(P - Y, 2) / m;", "*", style="b-s-octave-sum-2")
C(S, "W", N, "答：dW = X.T @ （P - Y） / m", lang=Z, oracle=SW, style="zh-b-s-answer")
C(S, "W", N, "dW = X.T @ (P - Y) / m, because softmax with cross-entropy gives P - Y", oracle=SW, style="b-s-because")
C(S, "W", L, "dW = X^T (P - Y)/m, since the softmax Jacobian cancels.", oracle=SW, style="b-s-latexish-since")
C(B, "gamma", N, "```python\ndgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)\n```", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="b-bn-fence")
C(B, "beta", N, "Answer: dbeta = np.sum(dY, axis=1, keepdims=True)", "wrong-sum-axis", style="b-bn-answer-axis1")
C(B, "beta", V, "[[0.10，-0.533]]", lang=Z, style="zh-b-bn-fullwidth-comma")
C(RN, "W_h", N, "Answer: dW_h = h_0.T @ dz_1 + h_1.T @ dz_2", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="b-rn-answer")
C(RN, "W_h", N, "```python\ndW_h = h_1.T @ dz_1 + h_2.T @ dz_2\n```", "*", oracle="h_1.T @ dz_1 + h_2.T @ dz_2", style="b-rn-fence-off-by-one")
C(RN, "W_x", N, "% BPTT\ndz_2 = (h_2 - y) .* (1 - h_2 .^ 2);\ndz_1 = (dz_2 * W_h') .* (1 - h_1 .^ 2);\ndW_x = x_1' * dz_1 + x_2' * dz_2;", style="b-rn-octave")
C(A, "W_v", N, "Answer: dW_v = X.T @ (A.T @ dO)", oracle="X.T @ (A.T @ dO)", style="b-a-answer")
C(A, "W_v", N, "dW_v = X' * (A' * dO);", oracle="X.T @ (A.T @ dO)", style="b-a-octave")
C(A, "W_v", N, "dW_v = X' * (A * dO);", "*", oracle="X.T @ (A @ dO)", style="b-a-octave-A-not-T")
C(CH, "b", N, "```python\ndb = 2 * v\n```", oracle="2 * v", style="b-ch-fence")
C(CH, "b", N, "Answer: db = 2 * v * x", "*", oracle="2 * v * x", style="b-ch-answer-x")
C(CH, "w", N, "答：dw = 2 * v * x，因为 dv/du = 1", lang=Z, oracle="2 * v * x", style="zh-b-ch-because")
C(E, "w", N, "% one neuron\ndz = (O - t) .* O .* (1 - O);\ndw = dz * x;", oracle=EW, style="b-n-octave")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x, since σ'(z) = O(1 - O)", oracle=EW, style="b-n-since-unicode")
C(E, "w", V, "答：[-0.0612，-0.0367，-0.0245]", lang=Z, style="zh-b-n-hand")
C(T, "W2", N, "```python\ndW2 = h.T @ (y_pred - y_target) * 2\n```", "scale-factor", oracle="2 * " + TW2, style="b-t-fence-factor-2")
C(T, "W1", N, "m = size(X, 1);\ndh = (y_pred - y_target) * W2' .* h .* (1 - h);\ndW1 = X' * dh / m;", style="b-t-octave-size-one", note="size(X, 1) is 1: one example")
C(R, "w2", N, "Answer: grad_w2 = h_relu.t().mm(grad_y_pred)", style="b-r-answer-grad-name")
C(R, "w1", N, "```python\ngrad_h = grad_y_pred.mm(w2.t())\ngrad_h[h <= 0] = 0\ngrad_w1 = x.t().mm(grad_h)\n```", style="b-r-fence-le")
C(MW, "b2", N, "Answer: db2 = np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) / m", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="b-w-answer-b2")
C(L2, "w", N, "```python\ndw = X.T @ (p - y) / m + lam / m * w\n```", oracle=L2W, style="b-u-l2-fence")
C(L2, "w", N, "答：dw = X.T @ （p - y） / m", "missing-loss-term", lang=Z, oracle="X.T @ (p - y) / m", style="zh-b-u-l2-no-reg")
C(LN, "beta", N, "dbeta = sum(2 * (Y - T) / (m * d), 1);", oracle=LNB, style="b-u-ln-octave-sum")
C(AT, "Wv", N, "Answer: dWv = X.T @ A.T @ (2 * (O - Y) / (T * dk))", oracle=ATV, style="b-u-attn-answer")
C(AT, "Wv", N, "dWv = X' * A' * (O - Y) * 2 / (T * dk);", oracle=ATV, style="b-u-attn-octave")
C(LK, "W2", N, "```python\ndW2 = A1.T @ (sigmoid(Z2) - Y)\n```", "scale-factor", oracle="A1.T @ (1 / (1 + np.exp(-Z2)) - Y)", style="b-u-leaky-fence-no-m")
C(CLOG, "theta", N, "Answer: grad = (1 / m) * X.T @ (h - y) + (lambda_ / m) * theta", style="b-u-coursera-answer")
C(M, "W1", L, r"$$\begin{aligned} \frac{\partial L}{\partial W^{[1]}} &= X^{\top}\frac{\partial L}{\partial Z^{[1]}} \\ &= \frac{1}{m} X^{\top}\left(\left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right]\right) \end{aligned}$$", oracle=W1R, style="b-aligned-W1")

_key = corpus10._key


def _earlier() -> set[tuple]:
    return corpus_common.earlier_keys("corpus12", _key)


# cases that happen to repeat corpus 2-11 word for word are left out; ids stay as written
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus12", "c12", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
