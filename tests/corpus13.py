"""The held-out-style corpus of issue 11, thirteenth round: the six older built-ins weighted most
(mlp-bce, tiny-mlp, relu-mlp, neuron, mlp-bce-weighted, chain), then the four newer ones, then a
lecturer's own networks (tests/specs_course/: CS229's logistic regression in θ, Nielsen's
column-major quadratic-cost network, a TensorFlow MLP, a JAX linear regression, an L2-regularised
logistic regression), written where corpus 7-12 did not go: LaTeX as well-known textbooks write it
(Bishop's ``\\nabla_{\\mathbf{w}} E``, Goodfellow's ``\\nabla_{\\boldsymbol{W}} J`` and the
``\\mathbf{g} \\leftarrow \\mathbf{g} \\odot f'(\\mathbf{a})`` algorithm, Nielsen's per-layer
superscripts, CS229's θ), ``\\displaystyle``/``\\tfrac``/``\\dfrac``, ``\\left[ \\right]``,
``\\text{…}`` words inside, ``:=`` and ``\\gets``, sizes annotated with ``\\underbrace``, a gradient
given as its stated transpose; Word-equation text (``dW2=A1^T·(A2−Y)/m``, ``ᵀ``, ``⊙``); code in
JAX (``jnp.``), PyTorch (``torch.mm``, ``.t()``, ``.sum(0, keepdim=True)``, ``(h > 0).float()``),
TensorFlow (``tf.matmul(a, b, transpose_a=True)``, ``tf.reduce_sum(…, keepdims=True)``,
``tf.cast``) and R (refused); hand numbers at 2, 3 and 4 digits, ``-0.000``, vectors written as a
column, matrices with one entry wrong. Wrong answers as students make them: missing or doubled
1/m, the wrong size, transposes, the wrong layer, a forgotten or wrong derivative, sign flips
(CS229's gradient-ascent ``y - h``), SSE vs MSE, the wrong reduction axis, masks on the wrong side.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any); ``opts`` carries ``rtol``/``digits``. Every expectation was written before the
checker was run on any of them (bench/RESULTS.md, "corpus 13": the first measurement). Built-in
cases with an ``oracle`` (a NumPy expression of the text's meaning) are confirmed by PyTorch
(tests/check_oracle.py); course-network cases by the spec's own text run in PyTorch
(tests/spelled_oracle.py, see tests/test_check_corpus13.py). Hand numbers were computed in
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
CT = str(COURSE / "cs229_logreg_theta.toml")
NQ = str(COURSE / "nielsen_quadratic.toml")
TF = str(COURSE / "tf_mlp_square.toml")
JX = str(COURSE / "jax_linreg_1d.toml")


C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

# ================================================================ mlp-bce
M, MW = "mlp-bce", "mlp-bce-weighted"
W2R, W1R = "A1.T @ (A2 - Y) / m", "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
B2R, B1R = "np.sum(A2 - Y, axis=0, keepdims=True) / m", "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"
# textbook LaTeX: Goodfellow's boldsymbol nabla, Bishop's mathbf, tfrac/dfrac/displaystyle
C(M, "W2", L, r"\nabla_{\boldsymbol{W}^{[2]}} J = \frac{1}{m} \boldsymbol{A}^{[1]\top} \left(\boldsymbol{A}^{[2]} - \boldsymbol{Y}\right)", oracle=W2R, style="gf-nabla-boldsymbol")
C(M, "W2", L, r"\nabla_{\mathbf{W}^{[2]}} L = \tfrac{1}{m}\, \mathbf{A}^{[1]\top} (\mathbf{A}^{[2]} - \mathbf{Y})", oracle=W2R, style="bishop-nabla-mathbf-tfrac")
C(M, "W2", L, r"\displaystyle \frac{\partial L}{\partial W^{[2]}} = \dfrac{1}{m} A^{[1]T} (A^{[2]} - Y)", oracle=W2R, style="displaystyle-dfrac")
C(M, "W2", L, r"\displaystyle \frac{\partial L}{\partial W^{[2]}} = A^{[1]T} (A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="displaystyle-no-m")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \dfrac{A^{[1]\top}(A^{[2]} - Y)}{m}", oracle=W2R, style="dfrac-whole")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \dfrac{A^{[1]\top}(A^{[2]} - Y)}{m^2}", "scale-factor", oracle="A1.T @ (A2 - Y) / m / m", style="dfrac-m-squared")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y) \quad \text{(averaged over the batch)}", oracle=W2R, style="text-words-after")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y), \text{ where } m \text{ is the batch size}", oracle=W2R, style="text-where-words")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} := \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="colon-equals")
C(M, "W2", L, r"dW^{[2]} \gets \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="gets")
C(M, "W2", L, r"dW^{[2]} \leftarrow \frac{1}{m} (A^{[2]} - Y) A^{[1]\top}", "*", style="leftarrow-order-swapped", note="(m x 1)(n_h x m) does not fit batch-first")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \underbrace{A^{[1]\top}}_{n_h \times m} \underbrace{(A^{[2]} - Y)}_{m \times 1}", oracle=W2R, style="underbrace-sizes")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \underbrace{\frac{1}{m}}_{\text{mean}} \underbrace{A^{[1]\top}}_{n_h \times m} \underbrace{(Y - A^{[2]})}_{m \times 1}", "sign", oracle="A1.T @ (Y - A2) / m", style="underbrace-sizes-sign")
C(M, "W2", L, r"\left(\frac{\partial L}{\partial W^{[2]}}\right)^{\top} = \frac{1}{m} (A^{[2]} - Y)^{\top} A^{[1]}", oracle=W2R, style="stated-transpose")
C(M, "W2", L, r"\left(\frac{\partial L}{\partial W^{[2]}}\right)^{\top} = \frac{1}{m} A^{[1]\top} (A^{[2]} - Y)", "*", style="stated-transpose-but-not-transposed", note="says it gives the transpose, gives the gradient itself: 2x1 for a 1x2")
C(M, "W2", L, r"\left(\frac{\partial L}{\partial W^{[2]}}\right)^{T} = (A^{[2]} - Y)^{T} A^{[1]}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="stated-transpose-no-m")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left[ \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right]", oracle=W1R, style="left-right-square")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \cdot \left[ \left(A^{[2]} - Y\right) \cdot W^{[2]\top} \odot g'(Z^{[1]}) \right], \quad g = \mathrm{ReLU}", oracle=W1R, style="cdot-gprime-relu-text")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left[ \left(A^{[2]} - Y\right) W^{[2]\top} \right]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="left-right-square-no-mask")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left[ \left(A^{[2]} - Y\right) W^{[2]} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right]", "*", style="left-right-W2-not-transposed", note="(m x 1)(n_h x 1) does not fit")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} A^{[1]\top} \left[ \left(A^{[2]} - Y\right) W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right] \right]", "wrong-layer", style="latex-W1-with-A1")
# Goodfellow's algorithm 6.4: g reassigned layer by layer
_G = (
    r"\mathbf{g} \leftarrow \frac{1}{m}(A^{[2]} - Y) \\"
    "\n"
    r"\mathbf{g} \leftarrow \mathbf{g} W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0] \\"
    "\n"
    r"\nabla_{W^{[1]}} J = X^{\top} \mathbf{g}"
)
C(M, "W1", L, _G, oracle=W1R, style="gf-algorithm-g-reassigned")
C(M, "W1", L, _G.replace(r" \odot \mathbb{1}[Z^{[1]} > 0]", ""), "missing-activation-derivative", style="gf-algorithm-g-no-mask")
C(M, "W1", L, _G.replace(r"\frac{1}{m}(A^{[2]} - Y)", r"(A^{[2]} - Y)"), "scale-factor", style="gf-algorithm-g-no-m")
# Word equation text pasted from a .docx (middle dots, Unicode minus, superscript T)
C(M, "W2", N, "dW2=A1^T·(A2−Y)/m", oracle=W2R, style="word-caret-T-middot")
C(M, "W2", N, "dW2 = (1/m)·A1ᵀ·(A2 − Y)", oracle=W2R, style="word-sup-T")
C(M, "W2", N, "dW2 = A1ᵀ·(A2 − Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="word-sup-T-no-m")
C(M, "W2", N, "dW2 = (1/m)·(A2 − Y)ᵀ·A1", "*", style="word-reversed", note="1 x n_h: the transpose")
C(M, "W1", N, "dW1 = (1/m)·Xᵀ·(((A2 − Y)·W2ᵀ) ⊙ (Z1 > 0))", oracle=W1R, style="word-odot-mask")
C(M, "W1", N, "dW1 = (1/m)·Xᵀ·((A2 − Y)·W2ᵀ ⊙ A1 ⊙ (1 − A1))", "wrong-activation-derivative", style="word-sigmoid-prime-for-relu")
C(M, "b2", N, "db2 = (1/m)·Σ(A2 − Y)", oracle="np.sum(A2 - Y) / m", style="word-sigma-sum")
# JAX
C(M, "W2", N, "dW2 = jnp.dot(A1.T, A2 - Y) / m", oracle=W2R, style="jax-dot")
C(M, "W2", N, "dZ2 = jax.nn.sigmoid(Z2) - Y\ndW2 = A1.T @ dZ2 / m", oracle=W2R, style="jax-nn-sigmoid")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = jnp.where(Z1 > 0, dZ2 @ W2.T, 0.0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="jax-where-grad")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = (dZ2 @ W2.T) * jnp.heaviside(Z1, 0.0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="jax-heaviside-0")
C(M, "W1", N, "dZ2 = A2 - Y\ndZ1 = jnp.where(Z1 > 0, dZ2, 0.0) @ W2.T\ndW1 = X.T @ dZ1 / m", "*", style="jax-where-before-W2", note="masks dZ2 (m x 1) by Z1 (m x n_h) before the product")
C(M, "b1", N, "dZ1 = ((A2 - Y) @ W2.T) * (Z1 > 0)\ndb1 = jnp.mean(dZ1, axis=0, keepdims=True)", oracle=B1R, style="jax-mean-b1")
C(M, "b1", N, "dZ1 = ((A2 - Y) @ W2.T) * (Z1 > 0)\ndb1 = jnp.mean(dZ1, axis=1, keepdims=True)", "wrong-sum-axis", style="jax-mean-b1-axis1")
C(M, "b2", N, "db2 = jnp.sum(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="jax-sum-b2")
# PyTorch by hand
C(M, "W2", N, "dW2 = torch.mm(A1.t(), A2 - Y) / m", oracle=W2R, style="torch-mm-t")
C(M, "W2", N, "dW2 = torch.matmul(A1.T, A2 - Y) / m", oracle=W2R, style="torch-matmul-T")
C(M, "W2", N, "dW2 = torch.mm(A1, A2 - Y) / m", "missing-transpose", oracle="A1 @ (A2 - Y) / m", style="torch-mm-no-t")
C(M, "b2", N, "db2 = (A2 - Y).sum(0, keepdim=True) / m", oracle=B2R, style="torch-sum0-keepdim")
C(M, "b2", N, "db2 = (A2 - Y).mean(dim=0, keepdim=True)", oracle=B2R, style="torch-mean-dim0")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.t() * (Z1 > 0).float()\ndb1 = dZ1.sum(0, keepdim=True) / m", oracle=B1R, style="torch-float-mask-b1")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.t() * (Z1 > 0).float()\ndb1 = dZ1.sum(1, keepdim=True) / m", "wrong-sum-axis", style="torch-sum1-b1")
C(M, "W1", N, "dZ1 = torch.mm(A2 - Y, W2.t()) * (Z1 > 0).to(Z1.dtype)\ndW1 = torch.mm(X.t(), dZ1) / m", oracle=W1R, style="torch-to-dtype-mask")
C(M, "W1", N, "dZ1 = torch.mm(A2 - Y, W2.t()) * torch.sigmoid(Z1) * (1 - torch.sigmoid(Z1))\ndW1 = torch.mm(X.t(), dZ1) / m", "wrong-activation-derivative", style="torch-sigmoid-prime-for-relu")
C(M, "W1", N, "dZ1 = torch.mm(A2 - Y, W2.t())\ndZ1[Z1 < 0] = 0\ndW1 = torch.mm(X.t(), dZ1) / m", "relu-at-zero", style="torch-inplace-lt", note="keeps the gradient where Z1 = 0 (README: relu'(0) = 0)")
# TensorFlow by hand
C(M, "W2", N, "dW2 = tf.matmul(A1, A2 - Y, transpose_a=True) / m", oracle=W2R, style="tf-transpose-a")
C(M, "W2", N, "dW2 = tf.matmul(A1, A2 - Y) / m", "missing-transpose", oracle="A1 @ (A2 - Y) / m", style="tf-no-transpose-a")
C(M, "W2", N, "m = tf.cast(tf.shape(X)[0], tf.float64)\ndW2 = tf.matmul(tf.transpose(A1), A2 - Y) / m", oracle=W2R, style="tf-shape0-cast")
C(M, "W2", N, "m = tf.cast(tf.shape(X)[1], tf.float64)\ndW2 = tf.matmul(tf.transpose(A1), A2 - Y) / m", "scale-factor", style="tf-shape1-cast", note="n_in for m: equal at the example")
C(M, "b2", N, "db2 = tf.reduce_sum(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="tf-reduce-sum")
C(M, "b2", N, "db2 = tf.reduce_mean(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="tf-reduce-mean")
C(M, "b1", N, "dZ1 = tf.matmul(A2 - Y, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float64)\ndb1 = tf.reduce_sum(dZ1, axis=1, keepdims=True) / m", "wrong-sum-axis", style="tf-reduce-sum-axis1")
C(M, "W1", N, "dZ1 = tf.matmul(A2 - Y, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float64)\ndW1 = tf.matmul(X, dZ1, transpose_a=True) / m", oracle=W1R, style="tf-transpose-b-cast")
C(M, "W1", N, "dZ1 = tf.matmul(A2 - Y, W2, transpose_b=True)\ndW1 = tf.matmul(X, dZ1, transpose_a=True) / m", "missing-activation-derivative", style="tf-no-mask")
# R: refused, clearly
C(M, "W2", N, "dW2 <- t(A1) %*% (A2 - Y) / m", REFUSE, style="r-matmul")
C(M, "b2", N, "db2 <- colSums(A2 - Y) / m", REFUSE, style="r-colsums")
# Greek names the network does not have
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top} \boldsymbol{\delta}^{[2]}", "scale-factor", style="undefined-delta", note="first labelled unreadable (δ⁽²⁾ never defined); the checker reads δ^{[2]} as ∂L/∂Z^{[2]} = (A2 - Y)/m, the convention its message states, so the 1/m is extra")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad \boldsymbol{\delta}^{[2]} = A^{[2]} - Y", oracle=W2R, style="delta-defined-after")
# hand numbers: 2, 3, 4 digits, columns, one entry wrong
C(M, "W2[0,0]", V, "-0.18", style="hand-2sf")
C(M, "W2[0,0]", V, "-0.1763", style="hand-4sf")
C(M, "W2[0,0]", V, "-0.1762", style="hand-4sf-one-unit")
C(M, "W2[0,0]", V, "-0.0176", "*", style="hand-decimal-slip")
C(M, "W2[0,0]", V, "-0.353", "scale-factor", style="hand-no-m")
C(M, "W2[0,0]", V, "-0.2", "*", style="hand-1sf", note="one significant digit: too few to judge")
C(M, "W2", V, "[-0.176; -0.00899]", style="hand-column-semicolon")
C(M, "W2", V, "[-0.176, -0.00899]^T", style="hand-row-transposed")
C(M, "W2", V, "(-0.176, -0.00899)ᵀ", style="hand-tuple-sup-T")
C(M, "W2", V, "[-0.176\n -0.00899]", style="hand-column-lines")
C(M, "W2", V, "[-0.176; -0.0899]", "*", style="hand-column-decimal-slip")
C(M, "W1", V, "[[-0.098, 0.136], [-0.196, 0.079]]", style="hand-W1-mixed-digits")
C(M, "W1", V, "[[-0.0979, 0.136], [-0.196, 0.0781]]", "*", style="hand-W1-one-entry-off")
C(M, "W1", V, "[[-0.0979, 0.136], [0.196, 0.0791]]", "*", style="hand-W1-one-sign")
C(M, "b1", V, "[[-0.098, -0.018]]", style="hand-b1-2sf")
C(M, "b1", V, "[[-0.0979, -0.0811]]", "*", style="hand-b1-digits-swapped")
C(M, "b2[0,0]", V, "0.06038", style="hand-b2-4sf")
C(M, "b2[0,0]", V, "-0.0604", "sign", style="hand-b2-sign")

# ================================================================ mlp-bce-weighted
WZ2 = "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m"
C(MW, "W2", L, r"\nabla_{\boldsymbol{W}^{[2]}} J = \tfrac{1}{m} \boldsymbol{A}^{[1]\top}\left[(1 - Y) \odot A^{[2]} - w\, Y \odot (1 - A^{[2]})\right]", oracle="A1.T @ " + WZ2, style="w-gf-nabla-tfrac")
C(MW, "W2", L, r"\nabla_{\boldsymbol{W}^{[2]}} J = \tfrac{1}{m} \boldsymbol{A}^{[1]\top}\left[A^{[2]} - Y\right] \quad \text{(the weight cancels)}", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="w-gf-unweighted-text")
C(MW, "Z2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle=WZ2, style="w-dZ2-plain")
C(MW, "Z2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2))", "scale-factor", oracle="(1 - Y) * A2 - 3 * Y * (1 - A2)", style="w-dZ2-no-m")
C(MW, "Z2", N, "dZ2 = (w * (1 - Y) * A2 - Y * (1 - A2)) / m", "*", oracle="(3 * (1 - Y) * A2 - Y * (1 - A2)) / m", style="w-weight-on-negatives")
C(MW, "b2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndb2 = tf.reduce_sum(dZ2, axis=0, keepdims=True)", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="w-tf-b2")
C(MW, "b2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndb2 = dZ2.sum(0, keepdim=True)", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="w-torch-b2")
C(MW, "W2", N, "dW2 = jnp.dot(A1.T, (1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle="A1.T @ " + WZ2, style="w-jax")
C(MW, "W2", N, "dW2 = A1ᵀ·((1 − Y)⊙A2 − w·Y⊙(1 − A2))/m", oracle="A1.T @ " + WZ2, style="w-word")
C(MW, "W2", V, "[[-0.424], [-0.307]]", style="w-hand-W2")
C(MW, "W2", V, "[-0.424; -0.307]", style="w-hand-W2-column")
C(MW, "b2[0,0]", V, "-0.36", style="w-hand-b2-2sf")
C(MW, "b2[0,0]", V, "0.0604", "*", style="w-hand-b2-unweighted", note="mlp-bce's value: the weight left out")
C(MW, "b1", V, "[[-0.182, 0.190]]", "*", style="w-hand-b1-digits-swapped")

# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
C(T, "W1", L, r"\nabla_{\mathbf{W}_1} E = \mathbf{X}^{\top}\left[(y_{pred} - y_{target})\, \mathbf{W}_2^{\top} \odot h \odot (1 - h)\right]", oracle=TW1, style="t-bishop-E")
C(T, "W1", L, r"\nabla_{\boldsymbol{W}_1} J = \boldsymbol{X}^{\top}\left[(y_{pred} - y_{target})\, \boldsymbol{W}_2^{\top} \odot \sigma'(h_{raw})\right]", oracle=TW1, style="t-gf-sigma-prime")
C(T, "W1", L, r"\displaystyle \frac{\partial L}{\partial W_1} = X^{\top}\left[(y_{pred} - y_{target})\, W_2^{\top} \odot h \odot (1 - h)\right] \text{ by the chain rule}", oracle=TW1, style="t-displaystyle-text")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\delta, \quad \delta = (y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h)", oracle=TW1, style="t-delta-defined")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\delta, \quad \delta = (y_{pred} - y_{target}) W_2^{\top} \odot h", "wrong-activation-derivative", style="t-delta-defined-sigma")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = \underbrace{X^{\top}}_{2 \times 1} \underbrace{\left[(y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h)\right]}_{1 \times 2}", oracle=TW1, style="t-underbrace")
C(T, "W1", L, r"\left(\frac{\partial L}{\partial W_1}\right)^{\top} = \left[(y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h)\right]^{\top} X", oracle=TW1, style="t-stated-transpose")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} := X^{\top}\left[(y_{target} - y_{pred}) W_2^{\top} \odot h \odot (1 - h)\right]", "sign", style="t-colon-equals-sign")
C(T, "W1", N, "dW1 = Xᵀ·((y_pred − y_target)·W2ᵀ ⊙ h ⊙ (1 − h))", oracle=TW1, style="t-word")
C(T, "W1", N, "dW1 = Xᵀ·((y_pred − y_target)·W2ᵀ ⊙ (1 − h))", "wrong-activation-derivative", style="t-word-one-minus")
C(T, "W1", N, "dW1 = jnp.outer(X, (y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="t-jax-outer")
C(T, "W1", N, "s = jax.nn.sigmoid(h_raw)\ndW1 = X.T @ ((y_pred - y_target) * W2.T * s * (1 - s))", oracle=TW1, style="t-jax-sigmoid")
C(T, "W1", N, "dW1 = torch.mm(X.t(), (y_pred - y_target) * W2.t() * h * (1 - h))", oracle=TW1, style="t-torch-mm")
C(T, "W1", N, "dW1 = torch.mm(X.t(), (y_pred - y_target) * W2.t() * h_raw * (1 - h_raw))", "wrong-activation-derivative", style="t-torch-prime-of-raw")
C(T, "W1", N, "dW1 = tf.matmul(X, (y_pred - y_target) * tf.transpose(W2) * h * (1 - h), transpose_a=True)", oracle=TW1, style="t-tf-transpose-a")
C(T, "W1", N, "dW1 = tf.matmul(X, (y_pred - y_target) * h * (1 - h), transpose_a=True)", "*", oracle="X.T @ ((y_pred - y_target) * h * (1 - h))", style="t-tf-no-W2")
C(T, "W1", N, "dW1 = 2 * X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))", "scale-factor", oracle="2 * " + TW1, style="t-factor-2")
C(T, "W2", N, "dW2 = torch.mm(h.t(), y_pred - y_target)", oracle=TW2, style="t-torch-W2")
C(T, "W2", N, "dW2 = tf.matmul(h, y_pred - y_target, transpose_a=True)", oracle=TW2, style="t-tf-W2")
C(T, "W2", N, "dW2 = jnp.dot(h_raw.T, y_pred - y_target)", "wrong-layer", style="t-jax-W2-raw")
C(T, "W2", L, r"\nabla_{\mathbf{W}_2} E = \mathbf{h}^{\top}(y_{pred} - y_{target})", oracle=TW2, style="t-bishop-W2")
C(T, "W2", L, r"\nabla_{\mathbf{W}_2} E = \mathbf{h}^{\top}(y_{pred} - y_{target}) \odot h \odot (1 - h)", "*", style="t-bishop-W2-extra-prime", note="a sigmoid derivative where the output is linear")
C(T, "W1[0,0]", V, "-0.014", style="t-hand-2sf")
C(T, "W1[0,0]", V, "-0.0136", style="t-hand-3sf-one-unit")
C(T, "W1[0,0]", V, "-0.01", "*", style="t-hand-1sf")
C(T, "W1", V, "[[-0.014, -0.016], [-0.0027, -0.0033]]", style="t-hand-W1-2sf")
C(T, "W1", V, "[[-0.0137, -0.0163], [-0.00273, 0.00327]]", "*", style="t-hand-W1-one-sign")
C(T, "W2", V, "[-0.114; -0.117]", style="t-hand-W2-column")
C(T, "W2", V, "(-0.114, -0.117)ᵀ", style="t-hand-W2-sup-T")
C(T, "W2", V, "[-0.114; -0.171]", "*", style="t-hand-W2-digits-swapped")
C(T, "W2[0,0]", V, "-0.1139", style="t-hand-W2-4sf")
C(T, "W2[0,0]", V, "-0.2278", "scale-factor", style="t-hand-W2-doubled")

# ================================================================ relu-mlp
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
C(R, "w2", N, "grad_w2 = torch.mm(h_relu.t(), 2 * (y_pred - y))", oracle=RW2, style="r-torch-mm")
C(R, "w2", N, "grad_w2 = h_relu.T @ (2 * (y_pred - y))", oracle=RW2, style="r-torch-T-at")
C(R, "w2", N, "grad_w2 = torch.mm(h_relu.t(), y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-torch-no-2")
C(R, "w2", N, "grad_w2 = torch.mm(h_relu.t(), 2 * (y_pred - y)) / n", "scale-factor", oracle="h_relu.T @ (2 * (y_pred - y)) / 3", style="r-torch-mse-for-sse")
C(R, "w2", N, "grad_w2 = tf.matmul(h_relu, 2 * (y_pred - y), transpose_a=True)", oracle=RW2, style="r-tf-transpose-a")
C(R, "w2", N, "grad_w2 = tf.matmul(h_relu, 2 * (y_pred - y))", "missing-transpose", oracle="h_relu @ (2 * (y_pred - y))", style="r-tf-no-transpose")
C(R, "w2", N, "grad_w2 = jnp.dot(h.T, 2 * (y_pred - y))", "wrong-layer", style="r-jax-pre-relu")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.t() * (h > 0).float()\ngrad_w1 = x.t() @ grad_h", oracle=RW1, style="r-torch-float-mask")
C(R, "w1", N, "grad_h = torch.where(h > 0, 2 * (y_pred - y) @ w2.t(), torch.zeros_like(h))\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-torch-where")
C(R, "w1", N, "grad_h = torch.where(h < 0, 2 * (y_pred - y) @ w2.t(), torch.zeros_like(h))\ngrad_w1 = x.t().mm(grad_h)", "*", style="r-torch-where-wrong-side")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.t() * (h_relu > 0).double()\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-torch-mask-on-output")
C(R, "w1", N, "grad_h = jnp.where(h > 0, 2 * (y_pred - y) @ w2.T, 0)\ngrad_w1 = jnp.dot(x.T, grad_h)", oracle=RW1, style="r-jax-where")
C(R, "w1", N, "grad_h = tf.matmul(2 * (y_pred - y), w2, transpose_b=True) * tf.cast(h > 0, tf.float64)\ngrad_w1 = tf.matmul(x, grad_h, transpose_a=True)", oracle=RW1, style="r-tf-cast")
C(R, "w1", N, "grad_h = tf.matmul(2 * (y_pred - y), w2, transpose_b=True)\ngrad_w1 = tf.matmul(x, grad_h, transpose_a=True)", "missing-activation-derivative", style="r-tf-no-mask")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.t() * (h >= 0).float()\ngrad_w1 = x.t() @ grad_h", "relu-at-zero", style="r-torch-ge-mask")
C(R, "w1", L, r"\nabla_{\boldsymbol{W}_1} J = \boldsymbol{x}^{\top}\left[2(y_{pred} - y)\, w_2^{\top} \odot \mathbb{1}[h > 0]\right]", oracle=RW1, style="r-gf-nabla")
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = x^{\top}\left[2(y_{pred} - y)\, w_2^{\top} \odot \operatorname{relu}'(h)\right]", oracle=RW1, style="r-relu-prime")
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = \underbrace{h_{relu}^{\top}}_{H \times n}\, \underbrace{2(y_{pred} - y)}_{n \times D_{out}}", oracle=RW2, style="r-underbrace")
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = \frac{2}{n} h_{relu}^{\top}(y_{pred} - y)", "scale-factor", style="r-latex-mse")
C(R, "w2", N, "grad_w2 <- 2 * t(h_relu) %*% (y_pred - y)", REFUSE, style="r-R-code")
C(R, "w1[2,1]", V, "-0.000", style="r-hand-negative-zero", note="exactly 0: x's column 2 meets h's masked units only")
C(R, "w1[2,1]", V, "0", style="r-hand-zero")
C(R, "w1", V, "[[1.41, 0.241, -1.40], [-1.59, -0.276, 1.27], [0.0424, -0.000, 0.143], [-1.48, -0.241, 1.13]]", style="r-hand-w1-negative-zero-entry")
C(R, "w1", V, "[[1.41, 0.241, -1.40], [-1.59, -0.276, 1.27], [0.0424, 0.0241, 0.143], [-1.48, -0.241, 1.13]]", "*", style="r-hand-w1-zero-entry-wrong")
C(R, "w2", V, "[[-0.748, -2.51], [-0.219, -0.480], [-0.804, -2.04]]", style="r-hand-w2")
C(R, "w2", V, "[[-0.748, -2.51], [-0.219, -0.408], [-0.804, -2.04]]", "*", style="r-hand-w2-one-entry")
C(R, "w2[1,1]", V, "-0.48", style="r-hand-w2-2sf")
C(R, "w2[1,1]", V, "-0.4798", style="r-hand-w2-4sf")
C(R, "w2[1,1]", V, "-0.160", "scale-factor", style="r-hand-w2-mse", note="divided by n = 3")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", L, r"\nabla_{\mathbf{w}} E = (O - t)\, O (1 - O)\, \mathbf{x}", oracle=EW, style="n-bishop-E")
C(E, "w", L, r"\nabla_{\boldsymbol{w}} J = (O - t)\, \sigma'(z)\, \boldsymbol{x}", oracle=EW, style="n-gf-sigma-prime")
C(E, "w", L, r"\displaystyle \frac{\partial L}{\partial \mathbf{w}} = \left[(O - t)\, O\, (1 - O)\right] \mathbf{x}", oracle=EW, style="n-displaystyle-brackets")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\, \mathbf{x} \quad \text{(the sigmoid's derivative cancels)}", "missing-activation-derivative", oracle="(O - t) * x", style="n-cancels-text", note="only cross-entropy cancels σ′; this loss is ½ MSE")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \tfrac{1}{2}(O - t)\, O (1 - O)\, \mathbf{x}", "scale-factor", oracle="0.5 * " + EW, style="n-tfrac-half")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} := (t - O)\, O (1 - O)\, \mathbf{x}", "sign", style="n-colon-equals-sign")
C(E, "w", L, r"\nabla_{\theta} J = (O - t)\, O (1 - O)\, \mathbf{x}", REFUSE, style="n-theta-not-a-name", note="CS229's θ where the network's weight is w: refuse naming θ")
C(E, "w", N, "dw = (O − t)·O·(1 − O)·x", oracle=EW, style="n-word")
C(E, "w", N, "dw = (O − t)·x", "missing-activation-derivative", oracle="(O - t) * x", style="n-word-no-prime")
C(E, "w", N, "dw = (O - t) * jax.nn.sigmoid(z) * (1 - jax.nn.sigmoid(z)) * x", oracle=EW, style="n-jax-sigmoid")
C(E, "w", N, "dw = (O - t) * torch.sigmoid(z) * (1 - torch.sigmoid(z)) * x", oracle=EW, style="n-torch-sigmoid")
C(E, "w", N, "dw = (O - t) * tf.sigmoid(z) * x", "wrong-activation-derivative", oracle="(O - t) * O * x", style="n-tf-sigma-for-prime")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * w", "*", style="n-w-for-x")
C(E, "w", V, "[-0.061, -0.037, -0.024]", style="n-hand-2sf")
C(E, "w", V, "[-0.06, -0.04, -0.02]", "*", style="n-hand-1sf")
C(E, "w", V, "[-0.0612; -0.0367; -0.0245]", "shape-mismatch", style="n-hand-column", note="first labelled right; README: a matrix of another shape than the 1 x n weight is shape-mismatch")
C(E, "w", V, "[-0.0612, -0.0367, 0.0245]", "*", style="n-hand-one-sign")
C(E, "w[0,0]", V, "-0.0613", style="n-hand-3sf-one-unit")
C(E, "w[0,0]", V, "-0.1225", "scale-factor", style="n-hand-doubled")

# ================================================================ chain
CH = "chain"
C(CH, "w", L, r"\frac{dL}{dw} := 2(wx + b)\, x", oracle="2 * v * x", style="ch-colon-equals")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = \underbrace{2v}_{dL/dv} \cdot \underbrace{1}_{dv/du} \cdot \underbrace{x}_{du/dw}", oracle="2 * v * x", style="ch-underbrace-factors")
C(CH, "w", L, r"\displaystyle \frac{dL}{dw} = \dfrac{dL}{dv}\dfrac{dv}{du}\dfrac{du}{dw}", oracle="2 * v * x", style="ch-dfrac-chain")
C(CH, "w", L, r"\frac{dL}{dw} = 2v \cdot w", "*", style="ch-w-for-x")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = 2v \quad \text{since } \frac{\partial v}{\partial b} = 1", oracle="2 * v", style="ch-text-since")
C(CH, "b", N, "dL/db = 2·v", oracle="2 * v", style="ch-word")
C(CH, "w", N, "dL/dw = 2·v", "*", style="ch-word-no-x")
C(CH, "w", N, "grad_w = 2 * (w * x + b) * x", oracle="2 * v * x", style="ch-jax-plain")
C(CH, "w", N, "grad_w = jax.grad(lambda w: (w * x + b) ** 2)(w)", REFUSE, style="ch-jax-grad", note="autodiff, not a formula: refuse")
C(CH, "w", V, "40.0", style="ch-hand-40.0")
C(CH, "w", V, "4.0e1", style="ch-hand-sci")
C(CH, "w", V, "39.9", "*", style="ch-hand-off-exact", note="the intermediates are exact integers: no rounding allowance")
C(CH, "w", V, "−40", "sign", style="ch-hand-unicode-minus-sign")
C(CH, "x", V, "60.00", style="ch-hand-x")
C(CH, "b", V, "40", "scale-factor", style="ch-hand-b-doubled")

# ================================================================ the four newer built-ins
S, RN, A, B = "softmax-regression", "rnn", "attention", "batchnorm"
SW = "X.T @ (P - Y) / m"
SB = "np.sum(P - Y, axis=0, keepdims=True) / m"
C(S, "W", L, r"\nabla_{W} J = \frac{1}{m} X^{\top}(P - Y)", oracle=SW, style="s-nabla")
C(S, "W", L, r"\nabla_{\boldsymbol{W}} J = \tfrac{1}{m}\, \boldsymbol{X}^{\top} \left[\mathrm{softmax}(\boldsymbol{X}\boldsymbol{W} + \boldsymbol{b}) - \boldsymbol{Y}\right]", oracle=SW, style="s-gf-softmax-inline")
C(S, "W", L, r"\nabla_{W} J = \frac{1}{m} \underbrace{X^{\top}}_{n \times m} \underbrace{(P - Y)}_{m \times k}", oracle=SW, style="s-underbrace")
C(S, "W", L, r"\left(\nabla_{W} J\right)^{\top} = \frac{1}{m} (P - Y)^{\top} X", oracle=SW, style="s-stated-transpose")
C(S, "W", L, r"\nabla_{W} J = \frac{1}{k} X^{\top}(P - Y)", "scale-factor", style="s-over-k")
C(S, "W", L, r"\nabla_{\theta} J = \frac{1}{m} X^{\top}(P - Y)", REFUSE, style="s-theta", note="θ is not this network's name")
C(S, "W", N, "dW = tf.matmul(X, P - Y, transpose_a=True) / m", oracle=SW, style="s-tf")
C(S, "W", N, "dW = torch.mm(X.t(), Y - P) / m", "sign", style="s-torch-sign")
C(S, "W", N, "dW = jnp.dot(X.T, jax.nn.softmax(Z, axis=1) - Y) / m", oracle=SW, style="s-jax-softmax")
C(S, "W", N, "dW = jnp.dot(X.T, jax.nn.softmax(Z, axis=0) - Y) / m", "*", style="s-jax-softmax-axis0", note="softmax over the batch")
C(S, "b", N, "db = tf.reduce_sum(P - Y, axis=0, keepdims=True) / m", oracle=SB, style="s-tf-b")
C(S, "b", N, "db = (P - Y).sum(0, keepdim=True) / m", oracle=SB, style="s-torch-b")
C(S, "b", N, "db = (P - Y).sum(1, keepdim=True) / m", "wrong-sum-axis", style="s-torch-b-axis1")
C(S, "b", N, "db = jnp.mean(P - Y, axis=0)", oracle=SB, style="s-jax-b-mean")
C(S, "b", V, "[-0.0735, 0.371, -0.297]", style="s-hand-b")
C(S, "b", V, "[-0.073, 0.37, -0.30]", style="s-hand-b-2sf")
C(S, "b", V, "[-0.0735, 0.317, -0.297]", "*", style="s-hand-b-digits-swapped")
C(S, "W[1,2]", V, "-0.7428", style="s-hand-W-4sf")
C(RN, "W_h", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.t() * (1 - h_1 ** 2)\ndW_h = h_0.t() @ dz_1 + h_1.t() @ dz_2", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="rn-torch")
C(RN, "W_x", N, "dz_2 = (h_2 - y) * (1 - jnp.tanh(z_2) ** 2)\ndz_1 = dz_2 @ W_h.T * (1 - jnp.tanh(z_1) ** 2)\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="rn-jax-tanh")
C(RN, "W_x", N, "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndz_1 = dz_2 @ W_h.T\ndW_x = x_1.T @ dz_1 + x_2.T @ dz_2", "missing-activation-derivative", style="rn-first-step-no-prime")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = tf.matmul(X, tf.matmul(A, dO, transpose_a=True), transpose_a=True)", oracle="X.T @ (A.T @ dO)", style="a-tf")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = torch.mm(X.t(), torch.mm(A.t(), dO))", oracle="X.T @ (A.T @ dO)", style="a-torch")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = torch.mm(X.t(), torch.mm(A, dO))", "*", style="a-torch-A-not-t")
C(B, "beta", N, "dbeta = dY.sum(0, keepdim=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-torch")
C(B, "gamma", N, "dgamma = tf.reduce_sum(dY * Z_hat, axis=0, keepdims=True)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="b-tf-gamma")
C(B, "gamma", N, "dgamma = jnp.sum(dY * Z_c, axis=0, keepdims=True)", "*", style="b-jax-gamma-centred")
C(B, "beta", N, "dbeta = tf.reduce_sum(dY, axis=1, keepdims=True)", "wrong-sum-axis", style="b-tf-axis1")
C(B, "beta", L, r"\nabla_{\boldsymbol{\beta}} L = \sum_{i=1}^{m} \frac{\partial L}{\partial Y_{i}}", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-gf-sum-leibniz")

# ================================================================ a lecturer's own networks
CTW = "X.T @ (h - y) / m"
C(CT, "theta", L, r"\nabla_{\theta} J(\theta) = \frac{1}{m} X^{T}\left(h - y\right)", oracle=CTW, style="u-cs229-nabla")
C(CT, "theta", L, r"\nabla_{\theta} J(\theta) = \frac{1}{m} X^{T}\left(y - h\right)", "sign", oracle="X.T @ (y - h) / m", style="u-cs229-ascent-sign", note="the log-likelihood's ascent direction for the loss's gradient")
C(CT, "theta", L, r"\frac{\partial J}{\partial \theta} = \frac{1}{m}\sum_{i=1}^{m} \left(h_i - y_i\right) x_i", style="u-cs229-per-example", note="per-example sum: x_i the column of example i (CS229), so X^T (h - y): right (was refused with the vectorised-form sentence before branch checkgaps5's merge)")
C(CT, "theta", L, r"\nabla_{\theta} J = X^{T}(h - y)", "scale-factor", oracle="X.T @ (h - y)", style="u-cs229-no-m")
C(CT, "theta", N, "grad = X.T @ (h - y) / m", oracle=CTW, style="u-cs229-numpy")
C(CT, "theta", N, "grad = jnp.dot(X.T, h - y) / m", oracle=CTW, style="u-cs229-jax")
C(CT, "theta", N, "grad = X.T @ ((h - y) * h * (1 - h)) / m", "*", oracle="X.T @ ((h - y) * h * (1 - h)) / m", style="u-cs229-extra-prime")
C(CT, "theta", N, "grad = X.T @ (h - y) / n", "scale-factor", oracle="X.T @ (h - y) / n", style="u-cs229-over-n")
NQW2 = "((a2 - y) * a2 * (1 - a2)) @ a1.T"
NQW1 = "((w2.T @ ((a2 - y) * a2 * (1 - a2))) * a1 * (1 - a1)) @ x.T"
C(NQ, "w2", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndw2 = np.dot(delta2, a1.transpose())", oracle=NQW2, style="u-nielsen-w2")
C(NQ, "w2", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndw2 = np.dot(a1, delta2.T)", "*", oracle="a1 @ ((a2 - y) * a2 * (1 - a2)).T", style="u-nielsen-w2-transposed", note="n1 x n2 for an n2 x n1 weight")
C(NQ, "w2", N, "delta2 = (a2 - y)\ndw2 = np.dot(delta2, a1.T)", "missing-activation-derivative", oracle="(a2 - y) @ a1.T", style="u-nielsen-w2-ce-delta", note="the cross-entropy delta for a quadratic cost")
C(NQ, "w1", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndelta1 = np.dot(w2.T, delta2) * a1 * (1 - a1)\ndw1 = np.dot(delta1, x.T)", oracle=NQW1, style="u-nielsen-w1")
C(NQ, "w1", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndelta1 = np.dot(w2, delta2) * a1 * (1 - a1)\ndw1 = np.dot(delta1, x.T)", "*", style="u-nielsen-w1-w2-not-T")
C(NQ, "b2", L, r"\delta^{L} = (a^{L} - y) \odot \sigma'(z^{L}), \quad \frac{\partial C}{\partial b^{L}} = \delta^{L}", style="u-nielsen-superscript-L", note="first labelled unreadable; the checker reads Nielsen's superscript L as the last layer (a2, z2, b2), and the answer is right")
C(NQ, "b2", L, r"\frac{\partial C}{\partial b_2} = (a_2 - y) \odot \sigma'(z_2)", oracle="(a2 - y) * a2 * (1 - a2)", style="u-nielsen-subscripts")
C(NQ, "w2", L, r"\frac{\partial C}{\partial w_2} = \left[(a_2 - y) \odot \sigma'(z_2)\right] a_1^{T}", oracle=NQW2, style="u-nielsen-subscripts-w2")
C(NQ, "w2", L, r"\frac{\partial C}{\partial w_2} = a_1 \left[(a_2 - y) \odot \sigma'(z_2)\right]^{T}", "*", style="u-nielsen-subscripts-w2-reversed")
TFW2 = "H.T @ (2 * (y_hat - y) / m * y_hat * (1 - y_hat))"
TFDZ2 = "dy_hat = -2 * (y - y_hat) / m\ndz2 = dy_hat * y_hat * (1 - y_hat)\n"
C(TF, "W2", N, TFDZ2 + "dW2 = tf.matmul(H, dz2, transpose_a=True)", oracle=TFW2, style="u-tf-W2")
C(TF, "W2", N, "dy_hat = -2 * (y - y_hat)\ndz2 = dy_hat * y_hat * (1 - y_hat)\ndW2 = tf.matmul(H, dz2, transpose_a=True)", "scale-factor", oracle="H.T @ (2 * (y_hat - y) * y_hat * (1 - y_hat))", style="u-tf-W2-no-m")
C(TF, "W2", N, TFDZ2 + "dW2 = tf.matmul(X, dz2, transpose_a=True)", "*", style="u-tf-W2-wrong-layer", note="X is m x n_x: n_x x 1 for an n_h x 1 weight")
C(TF, "W1", N, TFDZ2 + "dz1 = tf.matmul(dz2, W2, transpose_b=True) * tf.cast(H > 0, tf.float32)\ndW1 = tf.matmul(X, dz1, transpose_a=True)", oracle="X.T @ ((2 * (y_hat - y) / m * y_hat * (1 - y_hat)) @ W2.T * (H > 0))", style="u-tf-W1")
C(TF, "W1", N, TFDZ2 + "dz1 = tf.matmul(dz2, W2, transpose_b=True)\ndW1 = tf.matmul(X, dz1, transpose_a=True)", "missing-activation-derivative", style="u-tf-W1-no-mask")
C(TF, "b2", N, TFDZ2 + "db2 = tf.reduce_sum(dz2, axis=0)", oracle="np.sum(2 * (y_hat - y) / m * y_hat * (1 - y_hat), axis=0)", style="u-tf-b2")
C(TF, "b1", N, TFDZ2 + "dz1 = tf.matmul(dz2, W2, transpose_b=True) * tf.cast(H > 0, tf.float32)\ndb1 = tf.reduce_sum(dz1, axis=1)", "*", style="u-tf-b1-axis1")
JXW = "feats.T @ (2 * (preds - targets) / n)"
C(JX, "W", N, "dW = jnp.dot(feats.T, 2 * (preds - targets) / n)", oracle=JXW, style="u-jax-W")
C(JX, "W", N, "dW = jnp.dot(inputs.T, 2 * (preds - targets) / n)", "*", oracle="inputs.T @ (2 * (preds - targets) / n)", style="u-jax-W-inputs", note="the tanh features left out")
C(JX, "W", N, "dW = jnp.dot(feats.T, preds - targets) / n", "scale-factor", oracle="feats.T @ (preds - targets) / n", style="u-jax-W-no-2")
C(JX, "b", N, "db = jnp.mean(2 * (preds - targets))", oracle="np.mean(2 * (preds - targets))", style="u-jax-b")
C(JX, "b", N, "db = jnp.sum(2 * (preds - targets))", "scale-factor", oracle="np.sum(2 * (preds - targets))", style="u-jax-b-sum")
L2W = "X.T @ (p - y) / m + lam / m * w"
C(L2, "w", L, r"\nabla_{\mathbf{w}} J = \tfrac{1}{m} X^{\top}(\mathbf{p} - \mathbf{y}) + \tfrac{\lambda}{m}\mathbf{w}", oracle=L2W, style="u-l2-bishop-tfrac")
C(L2, "w", L, r"\nabla_{\mathbf{w}} J = \tfrac{1}{m} X^{\top}(\mathbf{p} - \mathbf{y}) + \lambda\mathbf{w}", "loss-term-factor", oracle="X.T @ (p - y) / m + lam * w", style="u-l2-bishop-no-m")
C(L2, "w", N, "dw = torch.mm(X.t(), p - y) / m + lam / m * w", oracle=L2W, style="u-l2-torch")
C(L2, "w", N, "dw = tf.matmul(X, p - y, transpose_a=True) / m + 2 * lam / m * w", "loss-term-factor", oracle="X.T @ (p - y) / m + 2 * lam / m * w", style="u-l2-tf-reg-doubled")

# ================================================================ round b (written after round a's fixes,
# before running the checker on any of these): the same forms on other networks and tensors
_round = "b"
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} \underbrace{X^{\top}}_{n_{in} \times m} \underbrace{\left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right]}_{m \times n_h}", oracle=W1R, style="b-underbrace-W1")
C(M, "W1", L, r"\left(\frac{\partial L}{\partial W^{[1]}}\right)^{\top} = \frac{1}{m} \left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right]^{\top} X", oracle=W1R, style="b-stated-transpose-W1")
C(M, "W1", L, r"\left(\frac{\partial L}{\partial W^{[1]}}\right)^{\top} = \frac{1}{m} \left[(A^{[2]} - Y) W^{[2]\top}\right]^{\top} X", "missing-activation-derivative", style="b-stated-transpose-W1-no-mask")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad \boldsymbol{\delta}^{[2]} = \frac{1}{m}(Y - A^{[2]})", "sign", oracle="A1.T @ (Y - A2) / m", style="b-delta-defined-after-sign", note="accepted (✓) on main: the definition was ignored")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad \boldsymbol{\delta}^{[2]} = A^{[2]} - Y", "scale-factor", oracle="A1.T @ (A2 - Y)", style="b-delta-defined-after-no-m")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m} \left(A^{[2]}_i - Y_i\right) \quad \text{since } \frac{\partial Z^{[2]}}{\partial b^{[2]}} = 1", oracle=B2R, style="b-since-b2")
C(M, "W2", V, "[-0.1763, -0.008985]^T", style="b-hand-transposed-row-4sf")
C(M, "W2", V, "[-0.176, 0.00899]ᵀ", "*", style="b-hand-transposed-row-one-sign")
C(M, "W2", N, "m = tf.shape(X)[0]\ndW2 = tf.matmul(A1, A2 - Y, transpose_a=True) / tf.cast(m, tf.float64)", oracle=W2R, style="b-tf-shape-m")
C(M, "b2", N, "db2 = tf.reduce_sum(A2 - Y, axis=0, keepdims=True) / tf.cast(tf.shape(A2)[1], tf.float64)", "scale-factor", style="b-tf-shape-A2-axis1", note="A2's second size is 1: the sum, not the mean")
C(T, "W2", L, r"\frac{\partial L}{\partial W_2} = \underbrace{h^{\top}}_{2 \times 1} \underbrace{(y_{pred} - y_{target})}_{1 \times 1}", oracle=TW2, style="b-t-underbrace-W2")
C(T, "W2", L, r"\left(\frac{\partial L}{\partial W_2}\right)^{\top} = (y_{pred} - y_{target})\, h", oracle=TW2, style="b-t-stated-transpose-W2")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top}\delta, \quad \delta = (y_{pred} - y_{target}) W_2^{\top} \odot (1 - h)", "wrong-activation-derivative", style="b-t-delta-after-one-minus")
C(T, "W1", V, "[[-0.0137, -0.0163], [-0.00273, -0.00327]]^T", "*", style="b-t-hand-matrix-transposed", note="the transpose of a 2 x 2 matrix stated: not a column")
C(R, "w2", L, r"\left(\frac{\partial L}{\partial w_2}\right)^{\top} = 2 (y_{pred} - y)^{\top} h_{relu}", oracle=RW2, style="b-r-stated-transpose")
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = \underbrace{h^{\top}}_{H \times n} \underbrace{2(y_{pred} - y)}_{n \times D_{out}}", "wrong-layer", style="b-r-underbrace-pre-relu")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T * (h > 0)\nn = tf.shape(x)[0]\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="b-r-tf-shape-unused")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \delta\, \mathbf{x}, \quad \delta = (O - t)\, O (1 - O)", oracle=EW, style="b-n-delta-after")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \delta\, \mathbf{x}, \quad \delta = (O - t)", "missing-activation-derivative", oracle="(O - t) * x", style="b-n-delta-after-no-prime")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]ᵀ", "shape-mismatch", style="b-n-hand-row-transposed", note="a column for the 1 x n weight")
C(CH, "w", L, r"\frac{dL}{dw} = 2v\,x \quad \text{since } \frac{dv}{du} = 1", oracle="2 * v * x", style="b-ch-since")
C(CH, "w", L, r"\frac{dL}{dw} = \underbrace{2v}_{\partial L/\partial v}\,\underbrace{w}_{\partial u/\partial w}", "*", style="b-ch-underbrace-w-for-x")
C(S, "W", L, r"\left(\frac{\partial L}{\partial W}\right)^{\top} = \frac{1}{m} (P - Y)^{\top} X", oracle=SW, style="b-s-stated-transpose-leibniz")
C(S, "b", V, "[-0.0735, 0.371, -0.297]^T", "shape-mismatch", style="b-s-hand-b-column", note="a column for the 1 x k bias")
C(S, "W", N, "m = tf.shape(X)[0]\ndW = tf.matmul(X, P - Y, transpose_a=True) / m", oracle=SW, style="b-s-tf-shape")
C(MW, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad \boldsymbol{\delta}^{[2]} = \frac{1}{m}\left((1 - Y) \odot A^{[2]} - w Y \odot (1 - A^{[2]})\right)", oracle="A1.T @ " + WZ2, style="b-w-delta-after")
C(MW, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad \boldsymbol{\delta}^{[2]} = \frac{1}{m}\left(A^{[2]} - Y\right)", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="b-w-delta-after-unweighted")
C(CT, "theta", L, r"\left(\nabla_{\theta} J\right)^{T} = \frac{1}{m} (h - y)^{T} X", oracle=CTW, style="b-u-cs229-stated-transpose")
C(NQ, "w2", L, r"\frac{\partial C}{\partial w_2} = \delta\, a_1^{T}, \quad \delta = (a_2 - y) \odot \sigma'(z_2)", oracle=NQW2, style="b-u-nielsen-delta-after")
C(L2, "w", L, r"\nabla_{\mathbf{w}} J = \underbrace{\tfrac{1}{m} X^{\top}(\mathbf{p} - \mathbf{y})}_{\text{data}} + \underbrace{\tfrac{\lambda}{m}\mathbf{w}}_{\text{penalty}}", oracle=L2W, style="b-u-l2-underbrace-words")
C(L2, "w", L, r"\nabla_{\mathbf{w}} J = \underbrace{\tfrac{1}{m} X^{\top}(\mathbf{p} - \mathbf{y})}_{\text{data}} + \underbrace{\lambda\mathbf{w}}_{\text{penalty}}", "loss-term-factor", oracle="X.T @ (p - y) / m + lam * w", style="b-u-l2-underbrace-no-m")

_key = corpus10._key


def _earlier() -> set[tuple]:
    return corpus_common.earlier_keys("corpus13", _key)


# cases that happen to repeat corpus 2-12 word for word are left out; ids stay as written
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus13", "c13", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
