"""The held-out-style corpus of issue 11, twenty-seventh round: answers pasted from object-oriented
manual-backprop code (``self.A1``, ``self.dW2 = …`` inside a class's ``backward``), nbconvert
exports (``# In[12]:``), cells that check themselves (``assert dW2.shape == W2.shape``,
``print(f"…")``, ``np.testing``), Coursera-style ``cache``/``grads`` dictionaries read back,
MATLAB/Octave with ``ones(m, 1)``, ``.^``, ``exp(-Z)`` and ``bsxfun``, TensorFlow's ``tf.linalg``
/ ``tf.math`` / ``tf.multiply`` spellings, LaTeX from Overleaf (``\\begin{equation}``,
``\\label``, ``align*``), Zhihu / Chinese lecture notes (``由链式法则``, ``故``, ``所以``,
``\\because``/``\\therefore``), Leibniz chain products in text and LaTeX, element-wise answers in
entry names (``w11``, ``v_1 h_1 (1-h_1) x_1``), hand numbers with the rounding stated
(``(3 d.p.)``, ``to 3 s.f.``), a Unicode minus, ``× 10^{-2}``; the classic mistakes (missing
1/m, transpose, wrong layer, factor 2, sign, σ′ of the activation, a binary-label-only
simplification, the wrong size name). Thirteen lecturer networks no earlier corpus used
(tests/specs_course/hn24_*).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
(bench/RESULTS.md, "heldcheck27": the first measurement). Built-in matrix cases carry a PyTorch
oracle (tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in
PyTorch (tests/spelled_oracle.py); hand numbers were computed in PyTorch float64 and rounded by
hand.
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
AM = str(COURSE / "hn24_angular_momentum_cross.toml")
AF = str(COURSE / "hn24_arcface_acos_additive_margin.toml")
BE = str(COURSE / "hn24_binary_entropy_xlog1py.toml")
GE = str(COURSE / "hn24_gelu_erfc_exact_cn.toml")
NT = str(COURSE / "hn24_ntm_content_addressing.toml")
PO = str(COURSE / "hn24_poincare_embedding_acosh.toml")
PR = str(COURSE / "hn24_probit_regression_ndtr.toml")
RB = str(COURSE / "hn24_rbm_free_energy_cd.toml")
RK = str(COURSE / "hn24_rk4_neural_ode_jax.toml")
SD = str(COURSE / "hn24_si_sdr_log10_loss.toml")
SA = str(COURSE / "hn24_sinh_arcsinh_flow_tf.toml")
TV = str(COURSE / "hn24_total_variation_torch_diff.toml")
VA = str(COURSE / "hn24_vae_elbo_given_eps_cn.toml")
WG = str(COURSE / "hn24_welsch_geman_mcclure_numpy.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20 wrote them
from corpus20 import B1R, B2R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402

# ================================================================ mlp-bce, object-oriented manual backprop (self.)
C(M, "W2", N, "class TwoLayerNet:\n    def backward(self, X, Y):\n        m = X.shape[0]\n        dZ2 = self.A2 - Y\n        self.dW2 = self.A1.T @ dZ2 / m", oracle=W2R, style="class-method-self-assign")
C(M, "W2", N, "dZ2 = self.A2 - Y\nself.dW2 = np.dot(self.A1.T, dZ2) / m", oracle=W2R, style="self-attributes")
C(M, "W1", N, "self.dZ1 = (self.A2 - Y) @ self.W2.T * (self.Z1 > 0)\nself.dW1 = X.T @ self.dZ1 / self.m", oracle=W1R, style="self-attributes-W1-self-m")
C(M, "W1", N, "self.dZ1 = (self.A2 - Y) @ self.W2.T * (self.A2 > 0)\nself.dW1 = X.T @ self.dZ1 / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (A2 > 0)) / m", style="self-mask-of-output")
C(M, "W2", N, "self.dW2 = self.A1.T @ (self.A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="self-no-m")

# ================================================================ mlp-bce, notebook exports and cells that check themselves
C(M, "W2", N, "# In[14]:\n\n\ndZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m\n\n\n# In[15]:\n\n\ndW2", oracle=W2R, style="nbconvert-in-headers")
C(M, "W2", N, "# In[3]:\ndW2 = (A2 - Y).T @ A1 / m", "*", style="nbconvert-transposed")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m\nassert dW2.shape == W2.shape", oracle=W2R, style="assert-shape")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m\nprint(f\"dW2 = {dW2}\")", oracle=W2R, style="print-fstring")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m\nnp.testing.assert_allclose(dW2, dW2_num, atol=1e-6)", oracle=W2R, style="np-testing-after")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y)\nassert dW2.shape == (n_h, 1)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="assert-shape-no-m")
C(M, "W2", N, "cache = {'A1': A1, 'A2': A2}\ndZ2 = cache['A2'] - Y\ndW2 = np.dot(cache['A1'].T, dZ2) / m", oracle=W2R, style="cache-dict-read-back")
C(M, "b2", N, "grads = {}\ngrads['dW2'] = 1 / m * np.dot(A1.T, A2 - Y)\ngrads['db2'] = 1 / m * np.sum(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="grads-dict-d-keys-b2")
C(M, "W1", N, "grads['dW1'] = 1 / m * np.dot(X.T, np.dot(A2 - Y, W2.T) * np.int64(A1 > 0))", oracle=W1R, style="grads-dict-int64-mask-A1")
C(M, "W1", N, "grads['dW1'] = 1 / m * np.dot(X.T, np.multiply(np.dot(A2 - Y, W2.T), 1 - np.power(A1, 2)))", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="grads-dict-tanh-prime-on-relu")

# ================================================================ mlp-bce, MATLAB / Octave
C(M, "W2", N, "dZ2 = A2 - Y;\ndW2 = A1' * dZ2 ./ m;", oracle=W2R, style="octave-dot-divide")
C(M, "b2", N, "db2 = ones(1, m) * (A2 - Y) / m;", oracle=B2R, style="octave-ones-row")
C(M, "b2", N, "db2 = (A2 - Y)' * ones(m, 1) / m;", oracle=B2R, style="octave-ones-column")
C(M, "W1", N, "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\ndW1 = X' * dZ1;", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="octave-W1-no-m")
C(M, "W1", N, "dZ1 = ((A2 - Y) * W2') .* sigmoid(Z1) .* (1 - sigmoid(Z1));\ndW1 = (1/m) * X' * dZ1;", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="octave-sigmoid-prime-on-relu-1m")
C(M, "b1", N, "db1 = sum(((A2 - Y) * W2') .* (Z1 > 0), 1) ./ m;", oracle=B1R, style="octave-b1-inline")
C(M, "W2", N, "dW2 = A1' * (A2 - Y) / size(X, 2);", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="octave-size-2-inline")
C(M, "W2", N, "dW2 = 1/m * A1' * (1 ./ (1 + exp(-Z2)) - Y);", oracle=W2R, style="octave-sigmoid-written")

# ================================================================ mlp-bce, TensorFlow spellings
C(M, "W2", N, "dW2 = tf.linalg.matmul(A1, A2 - Y, transpose_a=True) / m", oracle=W2R, style="tf-linalg-matmul")
C(M, "W1", N, "dZ1 = tf.multiply(tf.matmul(A2 - Y, W2, transpose_b=True), tf.cast(Z1 > 0, tf.float64))\ndW1 = tf.matmul(X, dZ1, transpose_a=True) / m", oracle=W1R, style="tf-multiply-transpose-b")
C(M, "b2", N, "db2 = tf.math.reduce_mean(tf.subtract(A2, Y), axis=0, keepdims=True)", oracle=B2R, style="tf-math-reduce-mean-subtract")
C(M, "b2", N, "db2 = tf.math.reduce_sum(tf.subtract(A2, Y), axis=0, keepdims=True)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="tf-math-reduce-sum")
C(M, "W1", N, "dW1 = tf.matmul(X, tf.matmul(A2 - Y, W2, transpose_b=True), transpose_a=True) / m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="tf-no-mask")

# ================================================================ mlp-bce, LaTeX from Overleaf
C(M, "W2", L, "\\begin{equation}\n  \\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]\\top} (A^{[2]} - Y) \\label{eq:dW2}\n\\end{equation}", oracle=W2R, style="overleaf-equation-label")
C(M, "W2", L, "\\begin{align*}\n  dZ^{[2]} &= A^{[2]} - Y \\\\\n  dW^{[2]} &= \\tfrac{1}{m} A^{[1]T} dZ^{[2]}\n\\end{align*}", oracle=W2R, style="overleaf-align-star-tfrac")
C(M, "W1", L, "\\begin{equation*}\n\\frac{\\partial \\mathcal{L}}{\\partial W^{[1]}} = \\frac{1}{m} X^\\top \\left[(A^{[2]} - Y) W^{[2]\\top} \\odot \\mathbb{1}\\{Z^{[1]} > 0\\}\\right]\n\\end{equation*}", oracle=W1R, style="overleaf-indicator-braces")
C(M, "W1", L, "\\begin{equation*}\n\\frac{\\partial \\mathcal{L}}{\\partial W^{[1]}} = \\frac{1}{m} X^\\top \\left[(A^{[2]} - Y) W^{[2]\\top} \\odot \\sigma'(Z^{[1]})\\right]\n\\end{equation*}", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="overleaf-sigma-prime-on-relu")
C(M, "W2", L, "\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = A^{[1]\\top} (A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="mathcal-no-m")

# ================================================================ mlp-bce, Zhihu / Chinese lecture notes
C(M, "W2", L, "由链式法则，$\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{\\partial L}{\\partial Z^{[2]}}\\frac{\\partial Z^{[2]}}{\\partial W^{[2]}}$，又 $\\frac{\\partial L}{\\partial Z^{[2]}} = \\frac{1}{m}(A^{[2]} - Y)$，故 $\\frac{\\partial L}{\\partial W^{[2]}} = \\frac{1}{m}A^{[1]T}(A^{[2]} - Y)$。", lang=Z, oracle=W2R, style="zh-chain-rule-then-gu")
C(M, "W2", L, "所以 $dW^{[2]} = A^{[1]T}(A^{[2]} - Y)$", "scale-factor", lang=Z, oracle="A1.T @ (A2 - Y)", style="zh-suoyi-no-m")
C(M, "W2", L, "$\\because dZ^{[2]} = A^{[2]} - Y$, $\\therefore dW^{[2]} = \\frac{1}{m}A^{[1]T}dZ^{[2]}$", oracle=W2R, style="because-therefore")
C(M, "b2", L, "故 $\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}(a^{[2](i)} - y^{(i)})$", lang=Z, oracle=B2R, style="zh-gu-b2-sum")

# ================================================================ mlp-bce-weighted (w = 3): the binary-label simplification
C(MW, "W2", N, "dZ2 = (A2 - Y) * (1 + (w - 1) * Y)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", oracle="A1.T @ ((A2 - Y) * (1 + (w - 1) * Y)) / m", style="w-binary-only-simplification")
C(MW, "W2", N, "dZ2 = A2 - Y + (1 - w) * Y * (1 - A2)\ndW2 = A1.T @ dZ2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-regrouped")
C(MW, "W2", N, "dW2 = A1.T @ (A2 - w * Y) / m", "*", oracle="A1.T @ (A2 - w * Y) / m", style="w-weight-on-label-only")
C(MW, "b2", V, "−0.364 (3 s.f.)", style="v-w-unicode-minus-sf")
C(MW, "W1", N, "由链式法则\ndZ2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndW1 = X.T @ (dZ2 @ W2.T * (Z1 > 0)) / m", lang=Z, oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="zh-w-W1-prose-line")
C(MW, "W1[0,0]", V, "-0.4415", style="v-w-W1-00")

# ================================================================ mlp-bce, size names (m = n_in = n_h = 2 at the example)
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / n_h", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="size-n_h-for-m")
C(M, "W2", N, "m = X.shape[1]\ndW2 = A1.T @ (A2 - Y) / m", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="size-shape1-column-major-habit")
C(M, "W2", N, "m = len(X)\ndW2 = A1.T @ (A2 - Y) / m", oracle=W2R, style="size-len-X")
C(M, "b2", N, "m = Y.shape[0]\ndb2 = np.sum(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="size-Y-shape0")
C(M, "W1[0,0]", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndw11 = X[:, 0] @ dZ1[:, 0] / m", oracle=f"(X[:, 0] @ {DZ1}[:, 0]) / m", style="entry-columns-dot")
C(M, "W1[0,0]", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndw11 = X[0, :] @ dZ1[0, :] / m", "*", oracle=f"(X[0, :] @ {DZ1}[0, :]) / m", style="entry-rows-dot")

# ================================================================ mlp-bce, hand numbers with the rounding stated
C(M, "W2", V, "[[-0.176], [-0.00899]]  # 3 s.f.", style="v-sf-comment")
C(M, "W2[0,0]", V, "−0.1763", style="v-unicode-minus")
C(M, "W2[1,0]", V, "-8.985 × 10^{-3}", style="v-times-ten-power")
C(M, "W2[1,0]", V, "-8.99e-3 (3 s.f.)", style="v-e-notation-sf")
C(M, "b2", V, "0.06 (1 s.f.)", "too-few-digits", style="v-one-sf")
C(M, "b2", V, "0.0604 (4 d.p.)", style="v-dp")
C(M, "W1", V, "[[-0.098, 0.136], [-0.196, 0.079]]", style="v-W1-3dp")
C(M, "W1", V, "[[-0.098, 0.136], [-0.196, 0.097]]", "*", style="v-W1-digits-swapped")
C(M, "b1[0,1]", V, "-0.0181", style="v-b1-01")
C(M, "b1[0,1]", V, "-0.018", style="v-b1-01-2sf")
C(M, "W1[1,0]", V, "0.1959", "sign", style="v-W1-10-sign")
C(M, "W2", V, "[[-0.3526], [-0.01797]]", "*", style="v-W2-doubled")

# ================================================================ tiny-mlp, element-wise and Leibniz
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", style="entry-names-w11")
C(T, "W1[0,1]", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", oracle="(y_pred - y_target) * W2[1, 0] * h[0, 1] * (1 - h[0, 1]) * X[0, 0]", style="entry-names-w12")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "*", oracle="(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0]) * X[0, 0]", style="entry-names-w21-with-x1")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = (y_{pred} - y_{target})\\, v_1\\, h_1 (1 - h_1)\\, x_1", style="entry-latex-w11")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = (y_{pred} - y_{target})\\, v_1\\, h_1\\, x_1", "wrong-activation-derivative", style="entry-latex-w11-no-sigma-prime", note="first labelled missing-activation-derivative; h_1 stands where σ'(h_1,raw) = h_1(1 − h_1) belongs, so the checker's wrong-activation-derivative ('you used h') is the closer diagnosis: relabelled")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = \\frac{\\partial L}{\\partial y_{pred}} \\frac{\\partial y_{pred}}{\\partial h_1} \\frac{\\partial h_1}{\\partial w_{11}}", style="entry-leibniz-three-factors")
C(T, "W2", L, "\\frac{\\partial L}{\\partial W_2} = \\frac{\\partial L}{\\partial y_{pred}}\\frac{\\partial y_{pred}}{\\partial W_2}", oracle=TW2, style="leibniz-matrix-two-factors")
C(T, "W2[1,0]", V, "-0.117 (3 s.f.)", style="v-t-W2-10-sf")
C(T, "v2", V, "−0.1172", style="v-t-v2-unicode-minus")
C(T, "W2", V, "[-0.1139; -0.1172] % by hand", style="v-t-octave-comment")
C(T, "W1", N, "self.dW1 = X.T @ ((self.y_pred - y_target) * self.W2.T * self.h * (1 - self.h))", oracle=TW1, style="t-self")
C(T, "W1", N, "dh = (y_pred - y_target) * W2.T\ndW1 = X.T @ (dh * h_raw * (1 - h_raw))", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h_raw * (1 - h_raw))", style="t-sigma-prime-of-preactivation-as-output")
C(T, "W2", N, "dW2 = h_raw.T @ (y_pred - y_target)", "wrong-layer", oracle="h_raw.T @ (y_pred - y_target)", style="t-W2-pre-activation")
C(T, "W2", L, "由链式法则，$\\frac{\\partial E}{\\partial W_2} = h^{T}(y_{pred} - y_{target})$", lang=Z, oracle=TW2, style="zh-t-W2")
C(T, "W1", N, "dW1 = X' * (((y_pred - y_target) * W2') .* h .* (1 - h));", oracle=TW1, style="t-octave-inline")
C(T, "W1", N, "dW1 = X' * (((y_pred - y_target) * W2') .* h .^ 2);", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h ** 2)", style="t-octave-h-squared")
C(T, "w11", V, "-1.367 × 10^{-2}", style="v-t-w11-times-ten")
C(T, "W1[1,1]", V, "-0.00327", style="v-t-W1-11")
C(T, "W1[1,1]", V, "-0.0327", "*", style="v-t-W1-11-shifted")

# ================================================================ neuron, Leibniz products
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial O}\\frac{\\partial O}{\\partial z}\\frac{\\partial z}{\\partial w} = (O - t)\\,O(1 - O)\\,x", oracle=EW, style="n-leibniz-then-product")
C(E, "w", N, "dL_dO = O - t\ndO_dz = O * (1 - O)\ndz_dw = x\ndw = dL_dO * dO_dz * dz_dw", oracle=EW, style="n-leibniz-names")
C(E, "w", N, "dL_dO = O - t\ndO_dz = z * (1 - z)\ndw = dL_dO * dO_dz * x", "*", oracle="(O - t) * z * (1 - z) * x", style="n-leibniz-names-z-prime")
C(E, "w", N, "dL/dw = dL/dO * dO/dz * dz/dw = (O - t) * O * (1 - O) * x", oracle=EW, style="n-text-leibniz-chain")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle="2 * " + EW, style="n-half-dropped")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * w", "*", oracle="(O - t) * O * (1 - O) * w", style="n-w-for-x")
C(E, "w[0,1]", V, "-0.0367 (3 s.f.)", style="v-n-01-sf")
C(E, "w", V, "[-0.061, -0.037, -0.024]", style="v-n-3dp")
C(E, "w", L, "所以 $\\frac{\\partial L}{\\partial w} = (O - t)\\sigma'(z) x$", lang=Z, oracle=EW, style="zh-n-sigma-prime-z")
C(E, "w", N, "dw = (O - t) .* O .* (1 - O) .* x;", oracle=EW, style="n-octave")

# ================================================================ chain: L = (w x + b)^2
C(CH, "w", L, "\\frac{dL}{dw} = \\frac{dL}{dv}\\cdot\\frac{dv}{du}\\cdot\\frac{du}{dw} = 2v \\cdot 1 \\cdot x", oracle="2 * v * x", style="ch-leibniz-d")
C(CH, "b", N, "dL_dv = 2 * v\ndL_db = dL_dv * 1", oracle="2 * v", style="ch-leibniz-names-b")
C(CH, "w", V, "40.0 (exact)", style="v-ch-exact")
C(CH, "w", V, "40.4", "*", style="v-ch-exact-intermediates")
C(CH, "b", V, "2.0e1", style="v-ch-e-notation")
C(CH, "w", N, "dw = 2 * v", "*", oracle="2 * v", style="ch-w-as-b")
C(CH, "w", L, "由链式法则 $\\frac{\\partial L}{\\partial w} = 2(wx + b) \\cdot x$，故答案为 40。", lang=Z, oracle="2 * v * x", style="zh-ch-formula-and-number")

# ================================================================ relu-mlp
C(R, "w2", N, "self.grad_w2 = self.h_relu.T.dot(2.0 * (self.y_pred - y))", oracle=RW2, style="r-self-dot")
C(R, "w1", N, "grad_h = (2 * (y_pred - y) * w2') .* (h > 0);\ngrad_w1 = x' * grad_h / n;", "scale-factor", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0)) / n", style="r-octave-extra-n")
C(R, "w2", N, "grad_w2 = tf.linalg.matmul(h_relu, 2.0 * (y_pred - y), transpose_a=True)", oracle=RW2, style="r-tf-linalg")
C(R, "w2", N, "grad_w2 = h.T @ (2.0 * (y_pred - y))", "wrong-layer", oracle="h.T @ (2 * (y_pred - y))", style="r-pre-activation")
C(R, "w2[2,1]", V, "-2.04 (3 s.f.)", style="v-r-21-sf")
C(R, "w1[0,0]", V, "1.41", style="v-r-w1-00")
C(R, "w1[0,0]", V, "1.4", style="v-r-w1-00-2sf")
C(R, "w1[1,2]", V, "-1.27", "sign", style="v-r-w1-12-sign")
C(R, "w1", L, "\\begin{align*}\n\\delta &= 2(y_{pred} - y) w_2^{\\top} \\odot [h > 0] \\\\\n\\frac{\\partial L}{\\partial w_1} &= x^{\\top}\\delta\n\\end{align*}", oracle=RW1, style="r-align-iverson")

# ================================================================ softmax-regression
C(S, "W", N, "class Softmax:\n    def backward(self):\n        dZ = (self.P - self.Y) / self.m\n        return self.X.T @ dZ", oracle=SW, style="s-class-return")
C(S, "W", N, "dZ = P.copy()\ndZ[np.arange(m), Y.argmax(axis=1)] -= 1\ndW = X.T @ dZ / m", oracle=SW, style="s-cs231n-fancy-index")
C(S, "W", N, "dW = X.T @ (P - Y) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="s-size-k")
C(S, "W", N, "dW = X.T @ (P - Y) / n", "scale-factor", oracle="X.T @ (P - Y) / n", style="s-size-n-equal-at-example")
C(S, "b", N, "db = np.mean(P - Y, axis=0, keepdims=True)", oracle=SB, style="s-b-mean")
C(S, "b", N, "db = tf.math.reduce_mean(P - Y, axis=0)", oracle=SB, style="s-b-tf-math-mean-1d")
C(S, "W", L, "\\begin{equation}\n\\nabla_W \\mathcal{L} = \\frac{1}{m} X^\\top (P - Y)\n\\end{equation}", oracle=SW, style="s-equation")
C(S, "W", L, "由链式法则 $\\frac{\\partial L}{\\partial W} = \\frac{\\partial L}{\\partial Z}\\frac{\\partial Z}{\\partial W}$，而 $\\frac{\\partial L}{\\partial Z} = \\frac{1}{m}(P - Y)$，所以 $\\frac{\\partial L}{\\partial W} = \\frac{1}{m}X^{T}(P - Y)$", lang=Z, oracle=SW, style="zh-s-chain-er-suoyi")
C(S, "W", L, "\\frac{\\partial L}{\\partial W} = \\frac{1}{m}(P - Y)^{T} X", "*", style="s-latex-transposed")
C(S, "W", N, "dW = X' * (P - Y) / size(X, 1);", oracle=SW, style="s-octave-size-1")
C(S, "W", V, "[[0.585, -0.0903, -0.495], [0.347, 0.396, -0.743]]", style="v-s-W-3sf")
C(S, "b[0,1]", V, "0.371 (3 d.p.)", style="v-s-b-01-dp")
C(S, "W", N, "dZ = P - Y\ndW = X.T @ dZ", "scale-factor", oracle="X.T @ (P - Y)", style="s-no-m")

# ================================================================ batchnorm
BN_DY = "(2 * (Y - T) / (m * n))"
C(B, "beta", N, "dY = 2 * (Y - T) / Y.size\ndbeta = dY.sum(axis=0, keepdims=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-Y-size")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", style="b-m-for-mn")
C(B, "gamma", N, "dY = 2 * (Y - T) / (m * n)\ndgamma = (dY * (Z - mu) / np.sqrt(var + eps)).sum(0, keepdims=True)", oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="b-gamma-z-hat-written")
C(B, "gamma", N, "dY = 2 * (Y - T) / (m * n)\ndgamma = (dY * (Z - mu) / var).sum(0, keepdims=True)", "*", oracle=f"np.sum({BN_DY} * Z_c / var, axis=0, keepdims=True)", style="b-gamma-var-for-std")
C(B, "gamma", V, "[0.7266, 1.2644]", style="v-b-gamma")
C(B, "beta[0,1]", V, "-8/15", style="v-b-beta-01-fraction")
C(B, "beta[0,1]", V, "-0.53", style="v-b-beta-01-2sf")

# ================================================================ rnn
R2_D2 = "((h_2 - y) * (1 - h_2 ** 2))"
R2_D1 = f"({R2_D2} @ W_h.T * (1 - h_1 ** 2))"
C(R2, "b", N, "self.dh2 = self.h_2 - y\nself.dz2 = self.dh2 * (1 - self.h_2 ** 2)\nself.dz1 = self.dz2 @ self.W_h.T * (1 - self.h_1 ** 2)\nself.db = (self.dz1 + self.dz2).sum(axis=0, keepdims=True)", oracle=f"np.sum({R2_D1} + {R2_D2}, axis=0, keepdims=True)", style="rnn-self")
C(R2, "b", N, "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndb = dz2.sum(axis=0, keepdims=True)", "missing-path", oracle=f"np.sum({R2_D2}, axis=0, keepdims=True)", style="rnn-b-last-step-only")
C(R2, "W_h", N, "dz2 = (h_2 - y) .* (1 - h_2.^2);\ndz1 = (dz2 * W_h') .* (1 - h_1.^2);\ndW_h = h_1' * dz2 + h_0' * dz1;", oracle=f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}", style="rnn-octave")
C(R2, "W_h", L, "由链式法则（BPTT），$\\frac{\\partial L}{\\partial W_h} = h_1^{T}\\delta_2 + h_0^{T}\\delta_1$，其中 $\\delta_2 = (h_2 - y)\\odot(1 - h_2^2)$，$\\delta_1 = \\delta_2 W_h^{T}\\odot(1 - h_1^2)$", lang=Z, oracle=f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}", style="zh-rnn-qizhong")
C(R2, "b[0,1]", V, "0.556 (3 s.f.)", style="v-rnn-b-01-sf")
C(R2, "W_x", V, "[[-0.191, 0.292], [0.0150, 0.512]]", style="v-rnn-Wx-3sf")
C(R2, "W_x", N, "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h.T * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz1 + x_2.T @ dz2\ndW_x = dW_x / 2", "scale-factor", oracle=f"(x_1.T @ {R2_D1} + x_2.T @ {R2_D2}) / 2", style="rnn-averaged-over-steps")

# ================================================================ attention
AT_DO = "(2 * (O - T) / (n * d))"
C(A, "W_v", N, "self.dO = 2 * (self.O - T) / (n * d)\nself.dW_v = X.T @ self.A.T @ self.dO", oracle=f"X.T @ (A.T @ {AT_DO})", style="a-self")
C(A, "W_v", N, "dO = 2 * (O - T) / O.size\ndW_v = X.T @ A @ dO", "*", oracle=f"X.T @ (A @ {AT_DO})", style="a-A-not-transposed")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ A.T @ dO / math.sqrt(d)", "scale-factor", oracle=f"X.T @ (A.T @ {AT_DO}) / np.sqrt(d)", style="a-Wv-extra-sqrt-d")
C(A, "W_v[1,1]", V, "0.376", style="v-a-Wv-11")
C(A, "W_q", V, "[[-0.00386, -0.00601], [-0.0328, -0.0510]]", style="v-a-Wq-3sf")

# ================================================================ angular momentum L = r × (x W), N = 2
AM_G = "(2 * (L - L_obs) / N)"
C(AM, "W", N, "dL = 2 * (L - L_obs) / N\ndp = np.cross(dL, r)\ndW = x.T @ dp", oracle=f"x.T @ np.cross({AM_G}, r)", style="am-cross")
C(AM, "W", N, "dL = 2 * (L - L_obs) / N\ndp = np.cross(r, dL)\ndW = x.T @ dp", "sign", oracle=f"x.T @ np.cross(r, {AM_G})", style="am-cross-order")
C(AM, "W", N, "dL = 2 * (L - L_obs)\ndp = torch.linalg.cross(dL, r, dim=1)\ndW = x.T @ dp", "scale-factor", oracle="x.T @ np.cross(2 * (L - L_obs), r)", style="am-mean-forgotten")
C(AM, "W", N, "dL = 2 * (L - L_obs) / N\ndW = x.T @ dL", "*", oracle=f"x.T @ {AM_G}", style="am-cross-jacobian-forgotten")
C(AM, "W[2,1]", V, "-0.827", style="v-am-21")
C(AM, "W", V, "[[-0.0083, -0.0578, 0.0408], [-0.0236, -0.2007, -0.0256], [-0.0965, -0.8272, -0.1330], [0.0935, 0.7907, 0.0870]]", style="v-am-W")

# ================================================================ policy entropy bonus with xlogy / xlog1py, N = 3
BE_G = "((-adv * (1 - p) + beta * (s @ w) * p * (1 - p)) / N)"
C(BE, "w", N, "z = s @ w\ndz = (-adv * (1 - p) + beta * z * p * (1 - p)) / N\ndw = s.T @ dz", oracle=f"s.T @ {BE_G}", style="be-w")
C(BE, "w", N, "dw = s.T @ (-adv * (1 - p)) / N", "*", oracle="s.T @ (-adv * (1 - p)) / N", style="be-entropy-forgotten")
C(BE, "w", N, "z = s @ w\ndz = (-adv * (1 - p) - beta * z * p * (1 - p)) / N\ndw = s.T @ dz", "*", oracle="s.T @ ((-adv * (1 - p) - beta * (s @ w) * p * (1 - p)) / N)", style="be-entropy-sign")
C(BE, "w", N, "dH = -torch.log(p / (1 - p))\ndp = -adv / (N * p) - beta * dH / N\ndw = s.T @ (dp * p * (1 - p))", oracle=f"s.T @ {BE_G}", style="be-dH-logit")
C(BE, "w", V, "[[-0.0683], [-0.1525]]", style="v-be-w")

# ================================================================ exact GELU with erfc (zh), N = 2
GE_P = "(np.exp(h @ W2) / np.exp(h @ W2).sum(1, keepdims=True))"
GE_PHI = "(0.5 * np.vectorize(__import__('math').erfc)(-a / np.sqrt(2)))"
C(GE, "W2", N, "# 输出层\nP = torch.softmax(h @ W2, dim=1)\ndW2 = h.T @ (P - t) / N", lang=Z, oracle=f"h.T @ ({GE_P} - t) / N", style="zh-ge-W2")
C(GE, "W2", N, "P = torch.softmax(h @ W2, dim=1)\ndW2 = a.T @ (P - t) / N", "wrong-layer", oracle=f"a.T @ ({GE_P} - t) / N", style="ge-W2-pre-activation")
C(GE, "W1", N, "P = torch.softmax(h @ W2, dim=1)\ndh = (P - t) @ W2.T / N\ngelu_prime = 0.5 * torch.special.erfc(-a / math.sqrt(2)) + a * torch.exp(-a ** 2 / 2) / math.sqrt(2 * math.pi)\ndW1 = x.T @ (dh * gelu_prime)", oracle=f"x.T @ (({GE_P} - t) @ W2.T / N * ({GE_PHI} + a * np.exp(-a ** 2 / 2) / np.sqrt(2 * np.pi)))", style="ge-W1")
C(GE, "W1", N, "P = torch.softmax(h @ W2, dim=1)\ndh = (P - t) @ W2.T / N\ngelu_prime = 0.5 * torch.special.erfc(-a / math.sqrt(2))\ndW1 = x.T @ (dh * gelu_prime)", "*", oracle=f"x.T @ (({GE_P} - t) @ W2.T / N * {GE_PHI})", style="ge-W1-cdf-only")
C(GE, "W2", V, "[[0.2173, -0.2173], [-0.1645, 0.1645], [0.0390, -0.0390]]", style="v-ge-W2")
C(GE, "W2", L, "由链式法则，$\\frac{\\partial L}{\\partial W_2} = \\frac{1}{N} h^{T}(\\mathrm{softmax}(hW_2) - t)$。", lang=Z, oracle=f"h.T @ ({GE_P} - t) / N", style="zh-ge-W2-latex")

# ================================================================ NTM content addressing, Poincaré distance (hand numbers)
C(NT, "k", V, "[[0.00337, -0.0912, -0.0241]]", style="v-nt-k")
C(NT, "k[0,1]", V, "-0.0921", "*", style="v-nt-k-01-digits-swapped")
C(PO, "u", V, "[[-1.006, -0.9946]]", style="v-po-u")
C(PO, "u", V, "[[-1.006, 0.9946]]", "*", style="v-po-u-one-sign")

# ================================================================ probit regression with ndtr, N = 4
PR_D = "((p - y) / (p * (1 - p)) * np.exp(-(x @ w + b) ** 2 / 2) / np.sqrt(2 * np.pi))"
C(PR, "w", N, "z = x @ w + b\nphi = np.exp(-z ** 2 / 2) / np.sqrt(2 * np.pi)\ndw = x.T @ ((p - y) / (p * (1 - p)) * phi) / N", oracle=f"x.T @ {PR_D} / N", style="pr-w")
C(PR, "w", N, "dw = x.T @ (p - y) / N", "*", oracle="x.T @ (p - y) / N", style="pr-logistic-habit")
C(PR, "b", N, "z = x @ w + b\nphi = torch.exp(-z ** 2 / 2) / math.sqrt(2 * math.pi)\ndb = ((p - y) / (p * (1 - p)) * phi).mean()", oracle=f"np.sum({PR_D}) / N", style="pr-b-mean")
C(PR, "b", N, "z = x @ w + b\nphi = torch.exp(-z ** 2 / 2) / math.sqrt(2 * math.pi)\ndb = ((p - y) / (p * (1 - p)) * phi).sum()", "scale-factor", oracle=f"np.sum({PR_D})", style="pr-b-sum")
C(PR, "w", V, "[[0.3487], [-0.0392]]", style="v-pr-w")
C(PR, "b", V, "-0.286", style="v-pr-b")

# ================================================================ RBM free energy, contrastive divergence, N = 3
RB_W = "(v_model.T @ sigmoid(v_model @ W + c) - v_data.T @ sigmoid(v_data @ W + c)) / N"
C(RB, "W", N, "h_data = torch.sigmoid(v_data @ W + c)\nh_model = torch.sigmoid(v_model @ W + c)\ndW = (v_model.T @ h_model - v_data.T @ h_data) / N", oracle=RB_W, style="rb-W")
C(RB, "W", N, "h_data = torch.sigmoid(v_data @ W + c)\nh_model = torch.sigmoid(v_model @ W + c)\ndW = (v_data.T @ h_data - v_model.T @ h_model) / N", "sign", oracle=f"-{RB_W}", style="rb-W-sign")
C(RB, "W", N, "h_data = torch.sigmoid(v_data @ W + c)\nh_model = torch.sigmoid(v_model @ W + c)\ndW = v_model.T @ h_model - v_data.T @ h_data", "scale-factor", oracle=f"({RB_W}) * N", style="rb-W-no-mean")
C(RB, "c", N, "dc = (torch.sigmoid(v_model @ W + c) - torch.sigmoid(v_data @ W + c)).mean(0)", oracle="(sigmoid(v_model @ W + c) - sigmoid(v_data @ W + c)).mean(0)", style="rb-c")
C(RB, "c", N, "dc = (torch.sigmoid(-(v_model @ W + c)) - torch.sigmoid(-(v_data @ W + c))).mean(0)", "*", oracle="(sigmoid(-(v_model @ W + c)) - sigmoid(-(v_data @ W + c))).mean(0)", style="rb-c-softplus-prime-flipped")
C(RB, "b", N, "db = (v_model - v_data).mean(axis=0).reshape(-1, 1)", oracle="(v_model - v_data).mean(axis=0).reshape(-1, 1)", style="rb-b-reshape")
C(RB, "b", V, "[[-1/3], [0], [0], [1/3]]", style="v-rb-b-fractions")
C(RB, "b", V, "[[-0.33], [0], [0], [0.33]]", style="v-rb-b-2sf")

# ================================================================ RK4 neural ODE in JAX, N = 2
C(RK, "v", N, "dv = h1.T @ (2 * (h1 @ v - y) / N)", oracle="h1.T @ (2 * (h1 @ v - y) / N)", style="rk-v")
C(RK, "v", N, "dv = jnp.dot(h0.T, 2 * (h1 @ v - y)) / N", "*", oracle="h0.T @ (2 * (h1 @ v - y)) / N", style="rk-v-initial-state")
C(RK, "v", N, "dv = h1.T @ (h1 @ v - y) / N", "scale-factor", oracle="h1.T @ (h1 @ v - y) / N", style="rk-v-2-dropped")
C(RK, "v", V, "[[1.714], [-0.4492], [-0.1310]]", style="v-rk-v")
C(RK, "b", V, "[0.9397, -0.4193, -0.0681]", style="v-rk-b")
C(RK, "b", N, "db = jnp.sum(2 * (h1 @ v - y) / N @ v.T, axis=0)", "*", oracle="np.sum(2 * (h1 @ v - y) / N @ v.T, axis=0)", style="rk-b-ode-jacobian-forgotten")

# ================================================================ sinh-arcsinh flow (TF), N = 4
C(SA, "a", N, "da = -tf.reduce_mean(tf.math.sinh(u) * tf.math.cosh(u) - tf.math.tanh(u))", oracle="-np.mean(np.sinh(u) * np.cosh(u) - np.tanh(u))", style="sa-a")
C(SA, "a", N, "da = tf.reduce_mean(tf.math.sinh(u) * tf.math.cosh(u) - tf.math.tanh(u))", "sign", oracle="np.mean(np.sinh(u) * np.cosh(u) - np.tanh(u))", style="sa-a-sign")
C(SA, "a", N, "da = -tf.reduce_mean(z * tf.math.cosh(u))", "*", oracle="-np.mean(z * np.cosh(u))", style="sa-a-logdet-forgotten")
C(SA, "a", V, "-0.5114", style="v-sa-a")
C(SA, "rho", V, "0.860", style="v-sa-rho")
C(SA, "rho", V, "0.86", style="v-sa-rho-2sf")

# ================================================================ total variation denoiser (torch.diff), A = I at the example
C(TV, "A", N, "dA = noisy.T @ (2 * (den - clean))", "*", oracle="noisy.T @ (2 * (den - clean))", style="tv-penalty-forgotten")
C(TV, "A[3,4]", V, "-0.55", style="v-tv-34")
C(TV, "A[0,3]", V, "0.04", style="v-tv-03-one-sf", note="first labelled too-few-digits; README's number policy: fewer than 2 significant digits is too-few-digits unless the number is exactly the value (`40`) — here the exact value is 1/10 · 2/5 = 0.04: relabelled right")
C(TV, "A[0,3]", V, "0.040", style="v-tv-03-2sf")

# ================================================================ VAE ELBO with given noise (zh), N = 2
C(VA, "b_dec", N, "# 解码器偏置的梯度\ndb_dec = (x_hat - x).sum(0) / N", lang=Z, oracle="(x_hat - x).sum(0) / N", style="zh-va-b-dec")
C(VA, "b_dec", N, "db_dec = (x_hat - x).mean()", "*", oracle="np.full(4, (x_hat - x).mean())", style="va-b-dec-mean-of-all")
C(VA, "W_dec", N, "dW_dec = z.T @ (x_hat - x) / N", oracle="z.T @ (x_hat - x) / N", style="va-W-dec")
C(VA, "W_dec", N, "dW_dec = mu.T @ (x_hat - x) / N", "*", oracle="mu.T @ (x_hat - x) / N", style="va-W-dec-mu-for-z")
C(VA, "W_dec", N, "# 所以\ndW_dec = z.T @ (x_hat - x)", "scale-factor", lang=Z, oracle="z.T @ (x_hat - x)", style="zh-va-W-dec-no-N")
C(VA, "b_dec", V, "约 [0.0334, 0.00595, -0.1529, 0.2154]", lang=Z, style="zh-v-va-b-dec")

# ================================================================ Welsch + Geman–McClure (NumPy spec), n = 4
WG_D0 = "(R[:, 0] / c ** 2 * np.exp(-R[:, 0] ** 2 / (2 * c ** 2)))"
WG_D1 = "(16 * c ** 2 * R[:, 1] / (R[:, 1] ** 2 + 4 * c ** 2) ** 2)"
C(WG, "b", N, "r0 = R[:, 0]\nr1 = R[:, 1]\ndb0 = np.mean(r0 / c ** 2 * np.exp(-r0 ** 2 / (2 * c ** 2)))\ndb1 = np.mean(16 * c ** 2 * r1 / (r1 ** 2 + 4 * c ** 2) ** 2)\ndb = np.array([db0, db1])", oracle=f"np.array([np.mean({WG_D0}), np.mean({WG_D1})])", style="wg-b-array-of-means")
C(WG, "b", N, "r0 = R[:, 0]\nr1 = R[:, 1]\ndb0 = np.mean(r0 / c ** 2 * np.exp(-r0 ** 2 / (2 * c ** 2)))\ndb1 = np.mean(4 * r1 / (r1 ** 2 + 4 * c ** 2))\ndb = np.array([db0, db1])", "*", oracle=f"np.array([np.mean({WG_D0}), np.mean(4 * R[:, 1] / (R[:, 1] ** 2 + 4 * c ** 2))])", style="wg-b-quotient-rule-forgotten")
C(WG, "W", N, "dR = np.stack([R[:, 0] / c ** 2 * np.exp(-R[:, 0] ** 2 / (2 * c ** 2)), 16 * c ** 2 * R[:, 1] / (R[:, 1] ** 2 + 4 * c ** 2) ** 2], axis=1) / n\ndW = X.T @ dR", oracle=f"X.T @ np.stack([{WG_D0}, {WG_D1}], axis=1) / n", style="wg-W-stack")
C(WG, "b", V, "[0.2235, -0.3455]", style="v-wg-b")
C(WG, "W[2,0]", V, "0.307", style="v-wg-W-20")

# ================================================================ refusals
C(M, "W2", N, "dW2 = backprop(A1, A2, Y)['dW2']", REFUSE, style="undefined-helper-call")
C(M, "W2", L, "\\frac{\\partial L}{\\partial W^{[2]}} = \\text{see eq. } \\eqref{eq:dW2}", REFUSE, style="latex-eqref")
C(S, "W", N, "dW = jax.grad(loss)(W)", REFUSE, style="s-jax-grad")
C(T, "w11", V, "about minus one hundredth", REFUSE, style="v-words")
C(M, "W2", L, "同上题", REFUSE, lang=Z, style="zh-same-as-above")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x_train", REFUSE, style="n-undefined-x-train")

# ================================================================ more of round a (written before any run): classes returning, sizes, binary-only, entries
C(M, "W2", N, "class MLP(object):\n    def backward(self, X, Y):\n        dZ2 = self.A2 - Y\n        dW2 = self.A1.T.dot(dZ2) / X.shape[0]\n        return dW2", oracle=W2R, style="class-method-return")
C(M, "W2", N, "self.dW2 = self.A1.T @ (self.A2 - Y) / X.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="self-shape1-size")
C(M, "b2", N, "self.db2 = np.sum(self.A2 - Y, axis=1, keepdims=True) / m", "*", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="self-b2-axis1")
C(M, "W1", N, "# In[21]:\ndZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = dZ1.T @ X / m", "*", oracle=f"{DZ1}.T @ X / m", style="nbconvert-W1-transposed-square")
C(M, "W1", N, "%%time\ngrads['dW1'] = X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", "scale-factor", oracle=f"X.T @ {DZ1}", style="cell-magic-grads-no-m")
C(M, "W1", N, "dW1 = (1/m) * X' * ((A2 - Y) * W2' .* (Z1 > 0));", oracle=W1R, style="octave-W1-one-line")
C(M, "W2", N, "dW2 = (1/m) * (A2 - Y)' * A1;", "*", style="octave-W2-transposed")
C(M, "b1", N, "db1 = sum(((A2 - Y) * W2') .* (Z1 > 0)) / m;", oracle=B1R, style="octave-sum-default-dim")
C(M, "b1", N, "db1 = tf.reduce_sum(tf.matmul(A2 - Y, W2, transpose_b=True) * tf.cast(Z1 > 0, tf.float64), axis=1, keepdims=True) / m", "wrong-sum-axis", style="tf-b1-axis1")
C(M, "W1", L, "故 $dW^{[1]} = \\frac{1}{m} X^{T}\\left[(A^{[2]} - Y)W^{[2]T} \\odot A^{[1]}(1 - A^{[1]})\\right]$", "wrong-activation-derivative", lang=Z, oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="zh-gu-sigmoid-prime-on-relu")
C(M, "W2", L, "\\begin{align}\n\\delta^{[2]} &= A^{[2]} - Y \\nonumber \\\\\n\\nabla_{W^{[2]}}\\mathcal{L} &= \\frac{1}{m}\\,\\delta^{[2]\\top} A^{[1]}\n\\end{align}", "*", style="align-nonumber-transposed")
C(M, "W2", L, "$$\\boldsymbol{dW}^{[2]} = \\frac{2}{m} \\boldsymbol{A}^{[1]\\top}(\\boldsymbol{A}^{[2]} - \\boldsymbol{Y})$$", "scale-factor", oracle="2 * A1.T @ (A2 - Y) / m", style="boldsymbol-factor-2")
C(M, "b2", V, "6.04 × 10^{-2}", style="v-b2-times-ten")
C(M, "b2", V, "0.0640", "*", style="v-b2-digits-swapped")
C(M, "W1[0,1]", V, "0.1356 (4 d.p.)", style="v-W1-01-dp")
C(M, "W1[0,1]", V, "0.01356", "*", style="v-W1-01-shifted")
C(M, "W2", N, "dZ2 = np.where(Y == 1, A2 - 1, A2)\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ np.where(Y == 1, A2 - 1, A2) / m", style="binary-only-where", note="first labelled with a code 'binary' the checker does not have; README: wrong with a note that it holds for 0/1 labels only (no code named on the unweighted BCE)")
C(MW, "W2", N, "dZ2 = np.where(Y == 1, -w * (1 - A2), A2)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", oracle="A1.T @ np.where(Y == 1, -w * (1 - A2), A2) / m", style="w-binary-only-where", note="first labelled 'binary'; README names the code of a 0/1-only formula on a weighted BCE weighted-loss-not-simplifiable")
C(MW, "W2", N, "dZ2 = Y * w * (A2 - 1) + (1 - Y) * A2\ndW2 = A1.T @ dZ2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-general-rewritten")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) * 3", "scale-factor", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m * 3", style="w-b2-times-3-equal-to-w")
C(MW, "W2", V, "[[-0.424], [-0.307]]", style="v-w-W2-3sf")
C(MW, "W2", V, "[[-0.1412], [-0.1023]]", "*", style="v-w-W2-divided-by-w")
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", style="entry-names-w12-label")
C(T, "w21", L, "\\frac{\\partial L}{\\partial w_{21}} = (y_{pred} - y_{target})\\, v_1 h_1 (1 - h_1)\\, x_2", style="entry-latex-w21")
C(T, "w22", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "*", style="entry-names-w22-with-x1")
C(T, "v1", N, "(y_pred - y_target) * h1", style="entry-v1-names")
C(T, "v1", N, "(y_pred - y_target) * h1 * (1 - h1)", "*", style="entry-v1-with-sigma-prime")
C(T, "w11", L, "\\frac{\\partial L}{\\partial w_{11}} = \\frac{\\partial L}{\\partial y_{pred}}\\frac{\\partial y_{pred}}{\\partial h_1}\\frac{\\partial h_1}{\\partial h_{1,raw}}", "*", style="entry-leibniz-stops-before-w11")
C(E, "w", L, "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial O}\\frac{\\partial O}{\\partial w}", oracle=EW, style="n-leibniz-two-factors")
C(E, "w", N, "dw = (O - t) * (1 - O) * x", "*", oracle="(O - t) * (1 - O) * x", style="n-half-sigma-prime")
C(E, "w[0,2]", V, "-2.449e-2", style="v-n-02-e")
C(CH, "b", L, "\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial v}\\frac{\\partial v}{\\partial b} = 2v", oracle="2 * v", style="ch-b-leibniz")
C(CH, "b", N, "db = 2 * (w * x + b) * x", "*", oracle="2 * v * x", style="ch-b-with-x-expanded")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w1 = x.T.dot(grad_y_pred.dot(w2.T) * (h_relu > 0))", oracle=RW1, style="r-mask-h-relu")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w1 = x.T.dot(grad_y_pred.dot(w2.T) * h_relu)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="r-relu-value-as-mask")
C(R, "w2", V, "[[-0.748, -2.51], [-0.219, -0.480], [-0.804, -2.04]]", style="v-r-w2-3sf")
C(S, "W", N, "dscores = P - Y\ndscores /= m\ndW = np.dot(X.T, dscores)", oracle=SW, style="s-cs231n-inplace-divide")
C(S, "W", N, "dscores = P - Y\ndscores /= m\ndW = np.dot(X.T, dscores)\ndW += reg * W", REFUSE, style="s-undefined-reg")
C(S, "b", N, "db = np.sum(P - Y, axis=1, keepdims=True) / m", "wrong-sum-axis", style="s-b-axis1")
C(B, "beta", N, "dbeta = tf.reduce_sum(2 * (Y - T), axis=0, keepdims=True) / tf.cast(tf.size(Y), tf.float64)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-tf-size")
C(B, "gamma", V, "[0.727, -1.26]", "*", style="v-b-gamma-one-sign")
C(R2, "W_h", N, "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h * (1 - h_1 ** 2)\ndW_h = h_1.T @ dz2 + h_0.T @ dz1", "*", oracle=f"h_1.T @ {R2_D2} + h_0.T @ ({R2_D2} @ W_h * (1 - h_1 ** 2))", style="rnn-W_h-not-transposed")
C(A, "W_v", L, "\\frac{\\partial L}{\\partial W_v} = \\frac{2}{nd} X^{\\top} A (O - T)", "*", oracle=f"X.T @ (A @ {AT_DO})", style="a-latex-A-not-transposed")
C(AM, "W", N, "# 叉乘的梯度\ndp = np.cross(2 * (L - L_obs) / N, r, axis=1)\ndW = x.T @ dp", lang=Z, oracle=f"x.T @ np.cross({AM_G}, r)", style="zh-am-cross-axis")
C(PR, "w", N, "dw = x.T @ ((p - y) / (p * (1 - p)) * p * (1 - p)) / N", "*", oracle="x.T @ (p - y) / N", style="pr-logistic-slope-for-density")
C(SA, "a", V, "0.5114", "sign", style="v-sa-a-sign")
C(RK, "v[0,0]", V, "1.71", style="v-rk-v-00")
C(VA, "b_dec", V, "[0.0334, 0.00595, 0.1529, 0.2154]", "*", style="v-va-b-dec-one-sign")
C(BE, "w", N, "dw = s.T @ (-adv * (1 - p) + beta * (s @ w) * p * (1 - p))", "scale-factor", oracle=f"s.T @ {BE_G} * N", style="be-mean-forgotten")


# ================================================================ round b: written after round a's fixes, before any run of these
_round = "b"
C(S, "W", N, "class SoftmaxClassifier:\n    def __init__(self):\n        pass\n    def grad(self, X, Y):\n        self.dZ = (self.P - Y) / X.shape[0]\n        self.dW = X.T @ self.dZ", oracle=SW, style="b-s-class-init-and-grad")
C(R, "w1", N, "self.grad_h = 2.0 * (self.y_pred - y) @ self.w2.T * (self.h > 0)\nself.grad_w1 = x.T @ self.grad_h / 2", "scale-factor", oracle=RW1 + " / 2", style="b-r-self-halved")
C(T, "W1[1,0]", N, "dh_raw = (y_pred - y_target) * W2.T * h * (1 - h)\ndw21 = np.sum(X[:, 1] * dh_raw[:, 0])", oracle="(X.T @ ((y_pred - y_target) * W2.T * h * (1 - h)))[1, 0]", style="b-t-entry-step-slices")
C(T, "W1[1,0]", N, "dh_raw = (y_pred - y_target) * W2.T * h\ndw21 = np.sum(X[:, 1] * dh_raw[:, 0])", "*", oracle="(X.T @ ((y_pred - y_target) * W2.T * h))[1, 0]", style="b-t-entry-step-slices-no-sigma-prime")
C(AM, "W", N, "g = 2 * (L - L_obs) / N\ndW = x.T @ torch.cross(g, r, dim=1)", oracle=f"x.T @ np.cross({AM_G}, r)", style="b-am-torch-cross")
C(AM, "W", N, "g = 2 * (L - L_obs) / N\ndW = x.T @ jnp.cross(r, g)", "sign", oracle=f"x.T @ np.cross(r, {AM_G})", style="b-am-jnp-cross-order")
C(GE, "W2", N, "dW2 = h.T @ (torch.softmax(h @ W2, dim=1) - t) / N / N", "scale-factor", oracle=f"h.T @ ({GE_P} - t) / N / N", style="b-ge-N-twice")
C(M, "b2", N, "db2 = ones(1, m) * (A2 - Y);", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="b-octave-ones-no-m")
C(S, "b", N, "db = ones(1, m) * (P - Y) / m;", oracle=SB, style="b-s-octave-ones")
C(M, "W2", V, "[[-0.1763], [-0.0090]]   # 4 d.p.", style="b-v-dp-comment")
C(MW, "b2", N, "db2 = tf.reduce_sum((1 - Y) * A2 - w * Y * (1 - A2)) / tf.cast(tf.size(Y), tf.float64)", oracle=f"np.sum({WDZ}) / m", style="b-w-tf-size")
C(S, "W", L, "$\\because \\frac{\\partial L}{\\partial Z} = \\frac{1}{m}(P - Y)$, $\\therefore \\frac{\\partial L}{\\partial W} = X^{T}\\frac{\\partial L}{\\partial Z}$", oracle=SW, style="b-s-because-therefore-leibniz")
C(M, "W1", L, "\\frac{\\partial L}{\\partial W^{[1]}} = \\left(\\delta^{[1]\\top} X\\right)^{\\top}", oracle=W1R, style="b-delta-top-transposed-back")
C(T, "w12", L, "\\frac{\\partial L}{\\partial w_{12}} = \\frac{\\partial L}{\\partial y_{pred}}\\frac{\\partial y_{pred}}{\\partial h_2}\\frac{\\partial h_2}{\\partial w_{12}}", style="b-t-leibniz-w12")
C(CH, "b", L, "由链式法则 $\\frac{\\partial L}{\\partial b} = 2(wx + b)$，故答案为 20。", lang=Z, oracle="2 * v", style="b-zh-ch-b-and-number")
C(WG, "W", N, "dR = np.column_stack([R[:, 0] * np.exp(-R[:, 0] ** 2 / (2 * c ** 2)), 16 * c ** 2 * R[:, 1] / (R[:, 1] ** 2 + 4 * c ** 2) ** 2]) / n\ndW = X.T @ dR", "*", oracle=f"X.T @ np.stack([R[:, 0] * np.exp(-R[:, 0] ** 2 / (2 * c ** 2)), {WG_D1}], axis=1) / n", style="b-wg-column-stack-c2-dropped")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c27-000, … as written; cases that happen to repeat corpora 2-26 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus27", "c27", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
