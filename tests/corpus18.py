"""The held-out-style corpus of issue 11, eighteenth round: answers as course notes and students
write them, in forms corpora 2–17 did not use — multi-line ``\\begin{aligned}`` derivations
(``&=`` rows, ``\\\\`` breaks, named intermediates), prose around the formula in English and
Chinese ("The gradient … is $…$, where …", ``解：``, ``答：``, ``其中 …``), ``\\cdot`` against
juxtaposition, ``\\frac{\\mathrm{d}L}{\\mathrm{d}w}``, JAX's ``jnp.``/``jax.nn.``, PyTorch's
``.t()``, ``.mm``, ``.div``, ``.float()``, ``torch.einsum``, CS231n's ``grads['W2'] = …`` and
``dZ1[Z1 < 0] = 0`` on one line with ``;``, Nielsen's and Ng's rebinding of ``delta``/``dA1``,
``np.where`` for a ReLU mask, the full softmax Jacobian-vector product written by hand; hand
numbers with the student's rounding note ("(3 s.f.)", "to 4 significant figures", "(3 d.p.)",
"保留三位有效数字", ``×10⁻²``), ``--digits``/``--rtol`` overrides; element-wise formulas with
``\\cdot``. Twelve lecturer networks no earlier corpus used (tests/specs_course/: CS231n's affine
backward with an upstream ``dout``, d2l's MLP, CMU's ones-vector MLP, fast.ai's ``lin``, the bias
trick, 邱锡鹏's softplus MLP, a micrograd-style tanh neuron, manual label smoothing, a linear SVM,
Ng's column-major softmax and dropout, Nielsen's column-vector softmax, MIT 6.S191's
sigmoid-CE layer, a softmax MLP). Mistakes: the missing 1/m, the wrong size name (also where
sizes are equal), the wrong transpose, the wrong layer, a missing σ′, a sign, a factor 2, the
bias summed over the wrong axis, the binary-label-only weighted BCE gradient (``np.where(Y ==
1, …)``, ``w ** Y``), the diagonal-only softmax Jacobian, label smoothing ignored, dropout's
``1/keep_prob`` dropped. Unreadable: autodiff calls, a conditional expression, an unsupported
function, a name that is no node.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
and before its code was read this round; round b's after round a's fixes, before running them (bench/RESULTS.md, "heldcheck17": the first measurement). Built-in
matrix cases carry a PyTorch oracle (tests/check_oracle.py); course-network cases are confirmed by
the spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers were computed in
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
CSA = str(COURSE / "cs231n_affine_dout.toml")
DM = str(COURSE / "d2l_mlp_zeros_like.toml")
CM = str(COURSE / "cmu_mlp_ones.toml")
FL = str(COURSE / "fastai_lin.toml")
BT = str(COURSE / "bias_trick_augmented.toml")
QS = str(COURSE / "qiu_mlp_softplus.toml")
TN = str(COURSE / "tanh_neuron_torch.toml")
LS = str(COURSE / "label_smoothing_manual.toml")
SV = str(COURSE / "svm_hinge.toml")
NSC = str(COURSE / "ng_softmax_columns.toml")
NI = str(COURSE / "nielsen_softmax_colmajor.toml")
TF = str(COURSE / "tf_mit6s191_dense.toml")
SM = str(COURSE / "softmaxmlp.toml")
ND = str(COURSE / "ng_dropout_fixed.toml")

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

# ================================================================ \begin{aligned} derivations
C(M, "W2", L, r"\begin{aligned} \delta^{[2]} &= A^{[2]} - Y \\ \frac{\partial L}{\partial W^{[2]}} &= \frac{1}{m} A^{[1]\top} \delta^{[2]} \end{aligned}", oracle=W2R, style="aligned-delta-then-gradient")
C(M, "W2", L, r"\begin{aligned} \delta^{[2]} &= A^{[2]} - Y \\ \frac{\partial L}{\partial W^{[2]}} &= A^{[1]\top} \delta^{[2]} \end{aligned}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="aligned-no-m")
C(S, "W", L, "\\begin{aligned}\n\\frac{\\partial L}{\\partial Z} &= \\frac{1}{m}(P - Y) \\\\\n\\frac{\\partial L}{\\partial W} &= X^{\\top} \\frac{\\partial L}{\\partial Z}\n\\end{aligned}", oracle=SW, style="aligned-multiline-leibniz-reuse")
C(T, "W1", L, r"\begin{aligned} \delta_{y} &= y_{pred} - y_{target} \\ \delta_{h} &= \delta_{y} W_2^{\top} \odot h \odot (1 - h) \\ \nabla_{W_1} L &= X^{\top} \delta_{h} \end{aligned}", oracle=TW1, style="aligned-three-rows")
C(T, "W1", L, r"\begin{aligned} \delta_{y} &= y_{pred} - y_{target} \\ \delta_{h} &= \delta_{y} W_2^{\top} \\ \nabla_{W_1} L &= X^{\top} \delta_{h} \end{aligned}", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="aligned-three-rows-no-sigma-prime")
C(R, "w1", L, r"\begin{aligned} G &= 2(y_{pred} - y) \\ \frac{\partial L}{\partial w_1} &= x^{\top}\left(G\, w_2^{\top} \odot [h > 0]\right) \end{aligned}", oracle=RW1, style="aligned-G-iverson")
C(E, "w", L, r"解：\begin{aligned} \frac{\partial L}{\partial O} &= O - t \\ \frac{\partial L}{\partial w} &= (O - t)\, O (1 - O)\, x \end{aligned}", lang=Z, oracle=EW, style="aligned-zh-jie")
C(M, "b2", L, r"\begin{aligned} dZ^{[2]} &= A^{[2]} - Y, \\ db^{[2]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)}. \end{aligned}", oracle=B2R, style="aligned-ng-db-sum-i")
C(S, "b", L, r"\begin{aligned} \frac{\partial L}{\partial b} &= \frac{1}{m}\mathbf{1}^{\top}(P - Y) \\ &= \frac{1}{m}\sum_{i}(P_{i} - Y_{i}) \end{aligned}", oracle=SB, style="aligned-second-row-continues")
C(MW, "b2", L, r"\begin{aligned} \delta &= (1 - Y) \odot A^{[2]} - w\, Y \odot (1 - A^{[2]}) \\ \frac{\partial L}{\partial b^{[2]}} &= \frac{1}{m}\mathbf{1}^{\top}\delta \end{aligned}", oracle="np.sum(" + WDZ + ", axis=0, keepdims=True) / m", style="aligned-weighted-b2")

# ================================================================ prose around the formula
C(S, "W", L, r"The gradient of the loss with respect to $W$ is $\frac{1}{m}X^\top(P - Y)$, where $P$ is the softmax output.", oracle=SW, style="prose-en-where")
C(S, "W", L, r"所以 $\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top}(P - Y)$，其中 $P=\mathrm{softmax}(Z)$。", lang=Z, oracle=SW, style="prose-zh-qizhong")
C(M, "W2", N, "Answer: dW2 = A1.T @ (A2 - Y) / m  # shape (n_h, 1)", oracle=W2R, style="prose-answer-comment")
C(E, "w", N, "答：dw = (O - t) * O * (1 - O) * x", lang=Z, oracle=EW, style="prose-zh-da")
C(T, "W2", L, r"The gradient is $\frac{\partial L}{\partial W_2} = h^\top (y_{pred} - y_{target})$, where $h = \sigma(XW_1)$.", oracle=TW2, style="prose-en-where-def")
C(T, "W2", L, r"The gradient is $\frac{\partial L}{\partial W_2} = h^\top (y_{target} - y_{pred})$, where $h = \sigma(XW_1)$.", "sign", oracle="h.T @ (y_target - y_pred)", style="prose-en-where-sign")
C(M, "W1", L, r"对 $W^{[1]}$ 求导得 $\frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}(Z^{[1]} > 0)\right]$。", lang=Z, oracle=W1R, style="prose-zh-qiudao-de")
C(M, "W1", L, r"对 $W^{[1]}$ 求导得 $\frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top}\right]$。", "missing-activation-derivative", lang=Z, oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="prose-zh-qiudao-no-mask")
C(CH, "b", N, "The answer is dL/db = 2 * (w * x + b).", oracle="2 * v", style="prose-the-answer-is")

# ================================================================ \cdot against juxtaposition, \mathrm{d}
C(CH, "w", L, r"2 \cdot v \cdot x", oracle="2 * v * x", style="cdot-scalars")
C(CH, "w", L, r"2\left(w \cdot x + b\right) \cdot x", oracle="2 * v * x", style="cdot-expanded")
C(CH, "w", L, r"2\left(w \cdot x + b\right)", "*", oracle="2 * v", style="cdot-missing-x")
C(E, "w", L, r"(O - t) \cdot O \cdot (1 - O) \cdot x", oracle=EW, style="cdot-neuron")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \cdot (A^{[2]} - Y)", oracle=W2R, style="cdot-matrix-product")
C(S, "W", L, r"\frac{1}{m} X^{\top} \cdot \left(P - Y\right)", oracle=SW, style="cdot-softmax")
C(S, "W", L, r"\frac{1}{m} X^{\top} \cdot \left(Y - P\right)", "sign", oracle="X.T @ (Y - P) / m", style="cdot-softmax-sign")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = 2vx", oracle="2 * v * x", style="mathrm-d-frac")
C(CH, "b", L, r"\frac{\mathrm{d}L}{\mathrm{d}b} = 2v", oracle="2 * v", style="mathrm-d-frac-b")
C(T, "W2", L, r"\frac{\mathrm{d}L}{\mathrm{d}W_2} = h^{\top}\left(y_{pred} - y_{target}\right)", oracle=TW2, style="mathrm-d-tiny")
C(E, "w", L, r"\frac{\mathrm{d}\mathcal{L}}{\mathrm{d}\mathbf{w}} = (O - t)\,O(1 - O)\,\mathbf{x}", oracle=EW, style="mathrm-d-bold")
C(E, "w", L, r"\frac{\mathrm{d}\mathcal{L}}{\mathrm{d}\mathbf{w}} = 2(O - t)\,O(1 - O)\,\mathbf{x}", "scale-factor", oracle="2 * " + EW, style="mathrm-d-bold-factor-2")

# ================================================================ NumPy / PyTorch / JAX styles, mlp-bce
C(M, "W2", N, "dscores = A2 - Y\ndscores /= m\ndW2 = np.dot(A1.T, dscores)", oracle=W2R, style="cs231n-dscores-np-dot")
C(M, "W2", N, "grads = {}\ngrads['W2'] = A1.T @ (A2 - Y) / m", oracle=W2R, style="cs231n-grads-dict")
C(M, "W2", N, "torch.mm(A1.T, A2 - Y) / Y.shape[0]", oracle=W2R, style="torch-mm-Y-shape")
C(M, "W2", N, "(A1.t() @ (A2 - Y)).div(m)", oracle=W2R, style="torch-t-div")
C(M, "W2", N, "A1.t().mm(A2 - Y) / m", oracle=W2R, style="torch-t-mm-method")
C(M, "W2", N, "torch.einsum('ij,ik->jk', A1, A2 - Y) / m", oracle=W2R, style="torch-einsum")
C(M, "W2", N, "jnp.dot(A1.T, A2 - Y) / m", oracle=W2R, style="jax-jnp-dot")
C(M, "W2", N, "np.matmul(A1.transpose(), A2 - Y) / A2.shape[0]", oracle=W2R, style="np-transpose-method")
C(M, "W2", N, "dW2 = A1 @ (A2 - Y) / m", "missing-transpose", oracle="A1 @ (A2 - Y) / m", style="no-transpose-square")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / n_h", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="wrong-size-n_h")
C(M, "W2", N, "jnp.dot(A1.T, A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="jax-no-m")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = dA1.copy(); dZ1[Z1 < 0] = 0\ndW1 = X.T @ dZ1 / m", "relu-at-zero", style="cs231n-semicolon-mask", note="first labelled right (oracle W1R); README's policy: PyTorch's relu'(0) = 0, so a mask that zeroes only Z1 < 0 keeps the gradient where Z1 = 0: the relu-at-zero slip, as corpus 12 found (corrected after the first run)")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = np.where(Z1 > 0, dA1, 0)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="np-where-mask")
C(M, "W1", N, "dA1 = (A2 - Y) @ W2.T\ndZ1 = np.where(Z1 > 0, dA1, 0)\ndW1 = X.T @ dZ1", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="np-where-mask-no-m")
C(M, "W1", N, "jnp.matmul(X.T, (A2 - Y) @ W2.T * jnp.heaviside(Z1, 0)) / m", oracle=W1R, style="jax-heaviside")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (A1 > 0) * A1\ndW1 = X.T @ dZ1 / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (A1 > 0) * A1) / m", style="mask-times-A1")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = A1.T @ dZ1 / m", "wrong-layer", oracle="A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="A1-for-X-code")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2 * (Z1 > 0)\ndW1 = X.T @ dZ1 / m", "*", style="W2-not-transposed", note="(m,1) @ (n_h,1): the shapes do not multiply")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = dZ1.mean(axis=0, keepdims=True)", oracle=B1R, style="b1-mean-method")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = dZ1.mean(axis=1, keepdims=True)", "wrong-sum-axis", style="b1-mean-axis1")
C(M, "b2", N, "jnp.mean(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="jax-mean-b2")
C(M, "b2", N, "np.sum(A2 - Y, axis=1, keepdims=True) / m", "wrong-sum-axis", style="b2-axis1")
C(M, "b2", N, "np.sum(A2 - Y, axis=0, keepdims=True)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="b2-no-m")
C(M, "W2", N, "(A2 - Y).T @ A1 / m", "shape-mismatch", style="numerator-layout-code")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "dZ2 = A2 - Y + (w - 1) * Y * (A2 - 1)\ndW2 = A1.T @ dZ2 / m", oracle="A1.T @ " + WDZ + " / m", style="w-regrouped")
C(MW, "W2", N, "dZ2 = np.where(Y == 1, w * (A2 - 1), A2)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", oracle="A1.T @ np.where(Y == 1, w * (A2 - 1), A2) / m", style="w-np-where-binary")
C(MW, "W2", N, "dZ2 = (A2 - Y) * w ** Y\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", oracle="A1.T @ ((A2 - Y) * w ** Y) / m", style="w-power-Y-binary")
C(MW, "W2", N, "dZ2 = w * (A2 - Y)\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ (w * (A2 - Y)) / m", style="w-times-everything")
C(MW, "b1", N, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndb1 = np.mean(dZ2 @ W2.T * (Z1 > 0), axis=0, keepdims=True)", oracle="np.sum(" + WDZ + " @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m", style="w-b1-mean")
C(MW, "b1", N, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndb1 = np.mean(dZ2 @ W2.T * (Z1 > 0), axis=1, keepdims=True)", "wrong-sum-axis", style="w-b1-mean-axis1")
C(MW, "W2", L, r"\frac{1}{m} A^{[1]\top}\left[A^{[2]} - wY + (w - 1)\, Y \odot A^{[2]}\right]", oracle="A1.T @ " + WDZ + " / m", style="w-latex-expanded")
C(MW, "W2", L, r"\frac{1}{m} A^{[1]\top}\left[A^{[2]} - wY\right]", "*", oracle="A1.T @ (A2 - w * Y) / m", style="w-latex-dropped-term")

# ================================================================ tiny-mlp, neuron, chain, relu-mlp
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T)", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T)", style="t-no-sigma-prime")
C(T, "W1", N, "dh = (y_pred - y_target) @ W2.T\ndh_raw = dh * jax.nn.sigmoid(h_raw) * (1 - jax.nn.sigmoid(h_raw))\ndW1 = X.T @ dh_raw", oracle=TW1, style="t-jax-nn-sigmoid")
C(T, "W1", N, "dW1 = np.outer(X, (y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="t-outer-2d")
C(T, "W2", N, "dW2 = X.T @ (y_pred - y_target)", "wrong-layer", oracle="X.T @ (y_pred - y_target)", style="t-X-for-h")
C(T, "W2", N, "dW2 = h.T.dot(y_pred - y_target) * 2", "scale-factor", oracle="2 * h.T @ (y_pred - y_target)", style="t-factor-2")
C(T, "W2", N, "dW2 = torch.mm(h.t(), y_pred - y_target)", oracle=TW2, style="t-torch-mm-t")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = dz @ x", oracle=EW, style="n-matmul-1x1-by-row", note="(1,1) @ (1,n): the row dw")
C(E, "w", N, "dw = (O - t) * jax.nn.sigmoid(z) * (1 - jax.nn.sigmoid(z)) * x", oracle=EW, style="n-jax-sigmoid-z")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x.T", "shape-mismatch", style="n-x-transposed", note="(1,1) * (n,1): a column for the row w")
C(E, "w", N, "dw = (t - O) * O * (1 - O) * x", "sign", oracle="(t - O) * O * (1 - O) * x", style="n-sign")
C(CH, "x", N, "dL_dx = 2 * (w * x + b) * w", oracle="2 * v * w", style="ch-x-expanded-code")
C(CH, "x", N, "dL_dx = 2 * (w * x + b) * x", "*", oracle="2 * v * x", style="ch-x-gets-x")
C(CH, "w", N, "grad_w = 2.0 * v * x", oracle="2 * v * x", style="ch-float-literal")
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)", oracle=RW2, style="r-pytorch-tutorial-t-mm")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_h = grad_h_relu.clone()\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-pytorch-tutorial-clone")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_w1 = x.t().mm(grad_h_relu)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-pytorch-tutorial-no-clone")
C(R, "w2", N, "grad_w2 = 2 * h_relu.T @ (y_pred - y) / n", "scale-factor", oracle="2 * h_relu.T @ (y_pred - y) / n", style="r-extra-n")
C(R, "w2", N, "grad_w2 = 2 * h_relu.T @ (y - y_pred)", "sign", oracle="2 * h_relu.T @ (y - y_pred)", style="r-sign")
C(R, "w1", N, "dw1 = x.T @ (2 * (y_pred - y) @ w2.T * np.where(h > 0, 1, 0))", oracle=RW1, style="r-np-where-01")
C(R, "w1", N, "dw1 = x.T @ (2 * (y_pred - y) @ w2.T * (h_relu > 0))", oracle=RW1, style="r-mask-of-h-relu-code")
C(R, "w2", L, r"\frac{\partial \ell}{\partial w_2} = 2\, h_{relu}^{\top} \cdot (y_{pred} - y)", oracle=RW2, style="r-ell-cdot")

# ================================================================ the four newer built-ins
C(S, "W", N, "dZ = P - Y\ndZ /= m\ndW = X.T.dot(dZ)", oracle=SW, style="s-divide-equals")
C(S, "W", N, "jnp.dot(X.T, jax.nn.softmax(Z, axis=1) - Y) / m", oracle=SW, style="s-jax-softmax")
C(S, "W", N, "dZ = (P - Y) * P * (1 - P) / m\ndW = X.T @ dZ", "*", oracle="X.T @ ((P - Y) * P * (1 - P) / m)", style="s-jacobian-diagonal-extra")
C(S, "W", N, "dP = -Y / P / m\ndZ = dP * P * (1 - P)\ndW = X.T @ dZ", "*", oracle="X.T @ (-Y / P / m * P * (1 - P))", style="s-jacobian-diagonal-only")
C(S, "W", N, "dP = -Y / P / m\ndZ = P * (dP - np.sum(dP * P, axis=1, keepdims=True))\ndW = X.T @ dZ", oracle=SW, style="s-jacobian-full-jvp")
C(S, "W", N, "dP = -Y / P / m\ndZ = P * (dP - np.sum(dP * P, axis=0, keepdims=True))\ndW = X.T @ dZ", "*", oracle="X.T @ (P * (-Y / P / m - np.sum(-Y / P / m * P, axis=0, keepdims=True)))", style="s-jacobian-jvp-axis0")
C(S, "b", N, "db = np.sum(P - Y, axis=1, keepdims=True) / m", "wrong-sum-axis", style="s-b-axis1")
C(S, "b", N, "db = (P - Y).mean(axis=0)", oracle=SB, style="s-b-mean-1d")
C(S, "W", N, "dW = X.T @ (P - Y) / n", "scale-factor", oracle="X.T @ (P - Y) / n", style="s-wrong-size-n-equal", note="n = m = 2 at the example")
C(B, "beta", N, "dbeta = dY.sum(axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="b-dY-sum-keepdims")
C(B, "gamma", N, "dgamma = np.sum(dY * (Z - mu) / np.sqrt(var + eps), axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="b-gamma-spelled-Zhat")
C(B, "gamma", N, "dgamma = np.sum(dY * Z, axis=0, keepdims=True)", "*", oracle="np.sum(2 * (Y - T) / (m * n) * Z, axis=0, keepdims=True)", style="b-gamma-Z-not-Zhat")
C(R2, "b", N, "db = np.sum(dz_1, axis=0, keepdims=True) + np.sum(dz_2, axis=0, keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="rnn-b-two-sums")
C(R2, "W_x", N, "dW_x = x_1.T @ dz_1", "missing-path", oracle="x_1.T @ dz_1", style="rnn-Wx-first-step-only")
C(A, "W_q", N, "dA = dO @ V.T\ndS = A * (dA - np.sum(dA * A, axis=1, keepdims=True))\ndW_q = X.T @ (dS @ K) / np.sqrt(d)", oracle="X.T @ dS @ K / np.sqrt(d)", style="a-Wq-softmax-jvp")
C(A, "W_q", N, "dA = dO @ V.T\ndS = dA * A * (1 - A)\ndW_q = X.T @ (dS @ K) / np.sqrt(d)", "*", oracle="X.T @ ((dO @ V.T) * A * (1 - A)) @ K / np.sqrt(d)", style="a-Wq-softmax-diagonal")

# ================================================================ hand numbers with the rounding the student states
C(T, "W1[0,0]", V, "-0.0137 (3 s.f.)", style="v-3sf-note")
C(T, "W1[0,0]", V, "≈ -1.37e-2", style="v-approx-sci")
C(T, "W1[0,0]", V, "-0.01367 (to 4 significant figures)", style="v-4sf-words")
C(T, "W1[0,0]", V, "-0.014 (3 d.p.)", style="v-3dp")
C(T, "W1[0,0]", V, "-0.0137（保留三位有效数字）", lang=Z, style="v-zh-3sf")
C(T, "W1[0,0]", V, "-1.4 × 10⁻²", style="v-unicode-superscript")
C(T, "W1[0,0]", V, "-0.01 (2 d.p.)", "too-few-digits", style="v-2dp-1sf")
C(T, "W1[0,0]", V, "-13.7e-3", style="v-engineering")
C(T, "W2[1,0]", V, "-0.117 (3 s.f.)", style="v-W2-3sf")
C(T, "W2[1,0]", V, "≈ −0.12", style="v-W2-approx-2sf")
C(T, "W2[1,0]", V, "-0.2343 (4 s.f.)", "scale-factor", style="v-W2-doubled-note")
C(M, "W2[0,0]", V, "-0.1763", style="v-m-4sf")
C(M, "W2[0,0]", V, "-0.177", style="v-m-one-unit", note="0.72 units of the last digit off, 3 s.f.")
C(M, "W2[0,0]", V, "-0.3526", "scale-factor", style="v-m-before-m")
C(M, "W2[0,0]", V, "0.1763", "sign", style="v-m-sign")
C(M, "W2[0,0]", V, "-0.18 (2 s.f.)", style="v-m-2sf-note")
C(M, "b2", V, "6.04e-2", style="v-m-b2-sci")
C(M, "b2", V, "0.1208", "scale-factor", style="v-m-b2-before-m")
C(M, "b2", V, "0.06", "too-few-digits", style="v-m-b2-1sf")
C(M, "W1[0,1]", V, "0.1356", style="v-m-W1-4sf")
C(M, "W1[0,1]", V, "0.1356", opts={"digits": 4}, style="v-m-W1-digits4")
C(M, "W1[0,1]", V, "0.136", "too-few-digits", opts={"digits": 4}, style="v-m-W1-digits4-3sf")
C(M, "W1[0,1]", V, "0.14", opts={"rtol": 0.05}, style="v-m-W1-rtol5pc")
C(M, "W1[0,1]", V, "0.2713", "scale-factor", style="v-m-W1-before-m")
C(E, "w[0,2]", V, "-0.02449", style="v-n-4sf")
C(E, "w[0,2]", V, "-0.0490", "scale-factor", style="v-n-doubled")
C(S, "W[0,1]", V, "-0.0903", style="v-s-3sf")
C(S, "W[0,1]", V, "-0.090", style="v-s-2sf-trailing-zero")
C(S, "W[0,1]", V, "-0.1805", "scale-factor", style="v-s-before-m")
C(S, "b", V, "[-0.073, 0.371, -0.297]", style="v-s-b-1d-list")
C(R, "w2[2,1]", V, "-2.036", style="v-r-4sf")
C(R, "w2[2,1]", V, "-1.018", "scale-factor", style="v-r-no-2")
C(R, "w1[3,0]", V, "-1.48", style="v-r-w1-3sf")
C(B, "beta[0,1]", V, "−0.53", style="v-b-2sf-unicode")
C(B, "beta[0,1]", V, "-1.6", "scale-factor", style="v-b-times-m")
C(R2, "W_x[1,1]", V, "0.51189", style="v-rnn-5sf")
C(A, "W_v[1,0]", V, "-0.3080", style="v-a-4sf-trailing-zero")
C(A, "W_v[1,0]", V, "-0.616", "scale-factor", style="v-a-doubled")
C(CH, "x", V, "60.0", style="v-ch-decimal")
C(CH, "x", V, "59.9", "*", style="v-ch-exact-off", note="the intermediates are exact integers: no rounding allowance")
C(CH, "x", V, "120", "scale-factor", style="v-ch-doubled")
C(MW, "W2[1,0]", V, "-0.307", style="v-w-3sf")
C(MW, "W2[1,0]", V, "-0.6138", "scale-factor", style="v-w-before-m")

# ================================================================ element-wise formulas
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", style="e-t-w12-names")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "wrong-entry", style="e-t-w21-gets-x1")
C(T, "w12", L, r"(y_{\text{pred}} - y_{\text{target}}) \cdot v_{2} \cdot h_{2}(1 - h_{2}) \cdot x_{1}", style="e-t-w12-latex-cdot")
C(T, "w12", L, r"(y_{\text{pred}} - y_{\text{target}}) \cdot v_{2} \cdot x_{1}", "missing-activation-derivative", style="e-t-w12-latex-no-prime")
C(E, "w1", N, "(O - t) * O * (1 - O) * x1", style="e-n-w1")
C(E, "w1", N, "(O - t) * x1", "missing-activation-derivative", style="e-n-w1-no-prime")
C(S, "W[1,2]", N, "np.sum(X[:, 1] * (P[:, 2] - Y[:, 2])) / m", oracle="X[:, 1] @ (P[:, 2] - Y[:, 2]) / m", style="e-s-sum-of-products")
C(R, "w2[0,1]", N, "2 * sum(h_relu[i, 0] * (y_pred[i, 1] - y[i, 1]) for i in range(n))", style="e-r-generator-sum")

# ================================================================ a lecturer's networks
# CS231n affine_backward with an upstream gradient dout (N = 2, D = 3, M = 2)
C(CSA, "w", N, "dw = x.T.dot(dout)", oracle="x.T @ dout", style="csa-w")
C(CSA, "w", N, "dw = x.reshape(x.shape[0], -1).T.dot(dout)", oracle="x.T @ dout", style="csa-w-reshape")
C(CSA, "w", N, "dw = dout.T.dot(x)", "shape-mismatch", style="csa-w-transposed")
C(CSA, "b", N, "db = np.sum(dout, axis=0)", oracle="np.sum(dout, axis=0)", style="csa-b")
C(CSA, "b", N, "db = np.sum(dout, axis=1)", "wrong-sum-axis", oracle="np.sum(dout, axis=1)", style="csa-b-axis1-equal-sizes", note="N = M = 2: the shape is right, the values are not")
C(CSA, "w", L, r"\frac{\partial L}{\partial w} = x^{\top}\,\mathrm{dout}", oracle="x.T @ dout", style="csa-latex-mathrm-name")
# d2l MLP from scratch (n = 3, num_inputs = 4, num_hiddens = 3, num_outputs = 3)
DMS = "np.exp(O) / np.exp(O).sum(axis=1, keepdims=True)"
C(DM, "W2", N, "dO = torch.softmax(O, dim=1) - Y\ndW2 = H.T @ dO / n", oracle=f"H.T @ ({DMS} - Y) / n", style="dm-W2")
C(DM, "W2", N, "dO = torch.softmax(O, dim=1) - Y\ndW2 = H.T @ dO / num_outputs", "scale-factor", style="dm-W2-wrong-size-equal", note="n = num_outputs = 3 at the example: an oracle at the example point cannot tell them apart (no oracle); issue 11 item 2 makes it wrong")
C(DM, "b2", N, "(torch.softmax(O, dim=1) - Y).mean(dim=0)", oracle=f"np.mean({DMS} - Y, axis=0)", style="dm-b2-mean-dim")
C(DM, "W1", N, "dO = (torch.softmax(O, dim=1) - Y) / n\ndH = dO @ W2.T\ndH[H <= 0] = 0\ndW1 = X.T @ dH", oracle=f"X.T @ (({DMS} - Y) / n @ W2.T * (H > 0))", style="dm-W1-mask-assign")
C(DM, "W1", N, "dO = (torch.softmax(O, dim=1) - Y) / n\ndH = dO @ W2.T\ndW1 = X.T @ dH", "missing-activation-derivative", style="dm-W1-no-mask", note="H > 0 everywhere at the example, so the mask is all ones there: right at the example only (no oracle at the example point can tell)")
C(DM, "W2", N, "P = torch.softmax(O, dim=1)\ndW2 = H.T @ ((P - Y) * P * (1 - P)) / n", "*", oracle=f"H.T @ (({DMS} - Y) * {DMS} * (1 - {DMS})) / n", style="dm-W2-jacobian-diagonal")
# CMU's MLP with ones vectors, weights laid out (out, in) (N = 3, C0 = 2, C1 = 3, C = 2)
CMD = "(2 * (Z2 - Y) / (N * C))"
C(CM, "W2", N, "dZ2 = 2 * (Z2 - Y) / (N * C)\ndW2 = dZ2.T @ A1", oracle=f"{CMD}.T @ A1", style="cm-W2")
C(CM, "W2", N, "dZ2 = 2 * (Z2 - Y) / (N * C)\ndW2 = A1.T @ dZ2", "shape-mismatch", style="cm-W2-transposed")
C(CM, "b2", N, "dZ2 = 2 * (Z2 - Y) / (N * C)\ndb2 = dZ2.T @ Ones_N", oracle=f"{CMD}.T @ Ones_N", style="cm-b2-ones")
C(CM, "b2", N, "dZ2 = 2 * (Z2 - Y) / N\ndb2 = dZ2.T @ Ones_N", "scale-factor", oracle="(2 * (Z2 - Y) / N).T @ Ones_N", style="cm-b2-over-N-only")
C(CM, "W1", N, "dZ2 = 2 * (Z2 - Y) / (N * C)\ndZ1 = dZ2 @ W2 * A1 * (1 - A1)\ndW1 = dZ1.T @ A0", oracle=f"({CMD} @ W2 * A1 * (1 - A1)).T @ A0", style="cm-W1")
C(CM, "W1", N, "dZ2 = 2 * (Z2 - Y) / (N * C)\ndZ1 = dZ2 @ W2\ndW1 = dZ1.T @ A0", "missing-activation-derivative", oracle=f"({CMD} @ W2).T @ A0", style="cm-W1-no-sigma-prime")
# fast.ai's lin / relu - 0.5 / mse (n = 4, m = 5, nh = 3)
FLD = "(2 * (out - y) / n)"
C(FL, "w2", N, "dout = 2. * (out - y) / out.shape[0]\ndw2 = l2.t() @ dout", oracle=f"l2.T @ {FLD}", style="fl-w2")
C(FL, "w2", N, "dout = 2. * (out - y) / out.shape[0]\ndw2 = l1.t() @ dout", "*", oracle=f"l1.T @ {FLD}", style="fl-w2-pre-activation")
C(FL, "w2", N, "dw2 = l2.t() @ (out - y) / out.shape[0]", "scale-factor", oracle="l2.T @ (out - y) / n", style="fl-w2-no-2")
C(FL, "b2", N, "dout = 2. * (out - y) / out.shape[0]\ndb2 = dout.sum(0)", oracle=f"np.sum({FLD}, axis=0)", style="fl-b2-sum0")
C(FL, "w1", N, "dout = 2. * (out - y) / out.shape[0]\ndl2 = dout @ w2.t()\ndl1 = dl2 * (l1 > 0).float()\ndw1 = x.t() @ dl1", "relu-at-zero", style="fl-w1-float-mask", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy (corrected after the first run)")
C(FL, "w1", N, "dout = 2. * (out - y) / out.shape[0]\ndl2 = dout @ w2.t()\ndl1 = dl2 * (l2 > 0).float()\ndw1 = x.t() @ dl1", "*", oracle=f"x.T @ ({FLD} @ w2.T * (l2 > 0))", style="fl-w1-mask-of-shifted", note="l2 = relu(l1) - 0.5 > 0 means l1 > 0.5, not l1 > 0")
# the bias trick: a column of ones appended to X (m = 3, n = 2, k = 3)
C(BT, "W", N, "dW = Xb.T @ (P - Y) / m", oracle="Xb.T @ (P - Y) / m", style="bt-W")
C(BT, "W", N, "dW = np.hstack([X, ones]).T @ (P - Y) / m", oracle="Xb.T @ (P - Y) / m", style="bt-W-hstack")
C(BT, "W", N, "dW = X.T @ (P - Y) / m", "wrong-layer", style="bt-W-no-bias-row", note="first labelled shape-mismatch; the checker names the mistake more exactly: X stands where the augmented Xb belongs (the column of ones forgotten), corrected after the first run")
C(BT, "W", N, "dW = Xb.T @ (P - Y) / k", "scale-factor", style="bt-W-wrong-size-equal", note="m = k = 3 at the example: no oracle at the example point can tell them apart; issue 11 item 2 makes it wrong")
# 邱锡鹏's MLP with a softplus hidden layer (N = 3, D = 2, M = 3)
QSD = "((y_hat - y) / N @ w2.T * (1 / (1 + np.exp(-z1))))"
C(QS, "W1", N, "dz2 = (y_hat - y) / N\ndz1 = dz2 @ w2.T * sigmoid(z1)\ndW1 = X.T @ dz1", oracle=f"X.T @ {QSD}", style="qs-W1-softplus-prime")
C(QS, "W1", N, "dz2 = (y_hat - y) / N\ndz1 = dz2 @ w2.T * sigmoid(z1) * (1 - sigmoid(z1))\ndW1 = X.T @ dz1", "wrong-activation-derivative", oracle="X.T @ ((y_hat - y) / N @ w2.T * (1 / (1 + np.exp(-z1))) * (1 - 1 / (1 + np.exp(-z1))))", style="qs-W1-sigmoid-prime")
C(QS, "W1", L, r"\frac{\partial R}{\partial W_1} = \frac{1}{N} X^{\top}\left[(\hat{y} - y)\, w_2^{\top} \odot \sigma(z_1)\right]", oracle=f"X.T @ {QSD}", style="qs-W1-latex-hat")
C(QS, "b2", N, "db2 = np.mean(y_hat - y)", oracle="np.mean(y_hat - y)", style="qs-b2")
C(QS, "w2", N, "dw2 = a1.T @ (y_hat - y)", "scale-factor", oracle="a1.T @ (y_hat - y)", style="qs-w2-no-N")
# a micrograd-style tanh neuron with L2 on w (w is 1-D of 3)
C(TN, "w", N, "2 * (o - 1) * (1 - o ** 2) * x + 0.02 * w", oracle="2 * (o - 1) * (1 - o ** 2) * x + 0.02 * w", style="tn-w")
C(TN, "w", N, "2 * (o - 1) * (1 - o ** 2) * x", "missing-loss-term", oracle="2 * (o - 1) * (1 - o ** 2) * x", style="tn-w-no-reg")
C(TN, "w", N, "2 * (o - 1) * (1 - o ** 2) * x + 0.01 * w", "loss-term-factor", oracle="2 * (o - 1) * (1 - o ** 2) * x + 0.01 * w", style="tn-w-reg-half")
C(TN, "b", N, "2 * (o - 1) * (1 - np.tanh(n) ** 2)", oracle="2 * (o - 1) * (1 - o ** 2)", style="tn-b-tanh-of-n")
C(TN, "b", N, "2 * (o - 1) * (1 - o)", "wrong-activation-derivative", oracle="2 * (o - 1) * (1 - o)", style="tn-b-1-minus-o")
# label smoothing written out (N = 3, D = 2, K = 3, eps = 0.1)
LSP = "(np.exp(logp) - ((1 - eps) * Y + eps / K))"
C(LS, "W", N, "dW = X.T @ (np.exp(logp) - ((1 - eps) * Y + eps / K)) / N", oracle=f"X.T @ {LSP} / N", style="ls-W")
C(LS, "W", N, "P = np.exp(logp)\ndW = X.T @ (P - y_ls) / N", oracle=f"X.T @ {LSP} / N", style="ls-W-y_ls")
C(LS, "W", N, "dW = X.T @ (np.exp(logp) - Y) / N", "*", oracle="X.T @ (np.exp(logp) - Y) / N", style="ls-W-smoothing-ignored")
C(LS, "W", N, "dW = X.T @ (np.exp(logp) - y_ls)", "scale-factor", oracle="X.T @ (np.exp(logp) - y_ls)", style="ls-W-no-N")
C(LS, "W", L, r"\frac{1}{N} X^{\top}\left(\operatorname{softmax}(XW) - (1-\varepsilon)Y - \frac{\varepsilon}{K}\right)", oracle=f"X.T @ {LSP} / N", style="ls-W-latex-varepsilon")
# a linear SVM: lam ||w||^2 + C mean(hinge) (m = 4, n = 2)
SVW = "2 * lam * w - C * X.T @ (y * (margin < 1)) / m"
C(SV, "w", N, "dw = 2 * lam * w - C * X.T @ (y * (margin < 1)) / m", oracle=SVW, style="sv-w")
C(SV, "w", N, "dw = 2 * lam * w + C * np.mean(-(y * X) * (margin < 1), axis=0, keepdims=True).T", oracle=SVW, style="sv-w-mean-T")
C(SV, "w", N, "dw = lam * w - C * X.T @ (y * (margin < 1)) / m", "loss-term-factor", oracle="lam * w - C * X.T @ (y * (margin < 1)) / m", style="sv-w-reg-no-2")
C(SV, "w", N, "dw = 2 * lam * w - C * X.T @ y / m", "*", style="sv-w-no-indicator", note="every margin is below 1 at the example, so the indicator is all ones there: right at the example only (no oracle at the example point can tell)")
C(SV, "b", N, "db = -C * np.mean(y * (margin < 1))", oracle="-C * np.mean(y * (margin < 1))", style="sv-b")
# Ng's column-major softmax network (n_x = 3, n_h = 2, n_y = 3, m = 2)
C(NSC, "W2", N, "dZ2 = A2 - Y\ndW2 = 1. / m * np.dot(dZ2, A1.T)", oracle="(A2 - Y) @ A1.T / m", style="nsc-W2")
C(NSC, "W2", N, "dZ2 = A2 - Y\ndW2 = 1. / n_h * np.dot(dZ2, A1.T)", "scale-factor", style="nsc-W2-n_h-equal", note="n_h = m = 2 at the example: no oracle at the example point can tell them apart; issue 11 item 2 makes it wrong")
C(NSC, "W2", N, "dZ2 = (A2 - Y) * A2 * (1 - A2)\ndW2 = np.dot(dZ2, A1.T) / m", "*", oracle="((A2 - Y) * A2 * (1 - A2)) @ A1.T / m", style="nsc-W2-jacobian-diagonal")
C(NSC, "b2", N, "dZ2 = A2 - Y\ndb2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)", oracle="np.sum(A2 - Y, axis=1, keepdims=True) / m", style="nsc-b2")
C(NSC, "b2", N, "dZ2 = A2 - Y\ndb2 = 1. / m * np.sum(dZ2, axis=0, keepdims=True)", "wrong-sum-axis", style="nsc-b2-axis0")
C(NSC, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * np.int64(A1 > 0)\ndW1 = 1. / m * np.dot(dZ1, X.T)", oracle="(W2.T @ (A2 - Y) * (A1 > 0)) @ X.T / m", style="nsc-W1-int64")
C(NSC, "W1", N, "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))\ndW1 = 1. / m * np.dot(dZ1, X.T)", "wrong-activation-derivative", oracle="(W2.T @ (A2 - Y) * (1 - A1 ** 2)) @ X.T / m", style="nsc-W1-tanh-prime")
# Nielsen's one-example column vectors, softmax + log-likelihood (n_in = 3, n_h = 2, n_out = 3)
C(NI, "w2", N, "delta = a2 - y\nnabla_w2 = np.dot(delta, a1.transpose())", oracle="(a2 - y) @ a1.T", style="ni-w2")
C(NI, "w1", N, "delta = a2 - y\nsp = a1 * (1 - a1)\ndelta = np.dot(w2.transpose(), delta) * sp\nnabla_w1 = np.dot(delta, x.transpose())", oracle="(w2.T @ (a2 - y) * a1 * (1 - a1)) @ x.T", style="ni-w1-delta-rebound")
C(NI, "w2", N, "delta = (a2 - y) * a2 * (1 - a2)\nnabla_w2 = np.dot(delta, a1.transpose())", "*", oracle="((a2 - y) * a2 * (1 - a2)) @ a1.T", style="ni-w2-quadratic-cost-delta")
C(NI, "b2", N, "nabla_b2 = a2 - y", oracle="a2 - y", style="ni-b2")
C(NI, "b1", N, "nabla_b1 = np.dot(w2.transpose(), a2 - y)", "missing-activation-derivative", oracle="w2.T @ (a2 - y)", style="ni-b1-no-sp")
# MIT 6.S191's dense layer with sigmoid cross-entropy (batch = 4, d = 2, n_out = 3)
C(TF, "W", N, "dW = tf.matmul(x, tf.sigmoid(z) - labels, transpose_a=True) / (batch * n_out)", oracle="x.T @ (1 / (1 + np.exp(-z)) - labels) / (batch * n_out)", style="tf-matmul-transpose_a")
C(TF, "W", N, "dW = x.T @ (sigmoid(z) - labels) / batch", "scale-factor", oracle="x.T @ (1 / (1 + np.exp(-z)) - labels) / batch", style="tf-W-mean-over-batch-only")
C(TF, "b", N, "db = np.mean(sigmoid(z) - labels, axis=0, keepdims=True) / n_out", oracle="np.mean(1 / (1 + np.exp(-z)) - labels, axis=0, keepdims=True) / n_out", style="tf-b-mean-over-n_out")
# a softmax MLP, JAX-style (m = 4, n = 3, h = 5, k = 3)
C(SM, "W2", N, "dZ = (P - Y) / m\ndW2 = jnp.dot(H.T, dZ)", oracle="H.T @ (P - Y) / m", style="sm-jax-W2")
C(SM, "W1", N, "dW1 = X.T @ (((P - Y) / m) @ W2.T * jnp.where(H > 0, 1.0, 0.0))", oracle="X.T @ ((P - Y) / m @ W2.T * (H > 0))", style="sm-jax-W1-where")
C(SM, "b2", N, "db2 = jnp.sum((P - Y) / m, axis=1, keepdims=True)", "wrong-sum-axis", style="sm-b2-axis1")
C(SM, "b1", N, "db1 = jnp.sum(((P - Y) / m) @ W2.T * (H > 0), axis=0)", oracle="np.sum((P - Y) / m @ W2.T * (H > 0), axis=0)", style="sm-b1-1d")
C(SM, "W2", N, "dW2 = H.T @ (P - Y) / h", "scale-factor", oracle="H.T @ (P - Y) / h", style="sm-W2-wrong-size")
# Ng's dropout assignment (n_x = 3, n_h = 4, m = 2, keep_prob = 0.8)
NDD = "(W2.T @ (A2 - Y) * D1 / keep_prob * (A1 > 0))"
C(ND, "W2", N, "dZ2 = A2 - Y\ndW2 = 1./m * np.dot(dZ2, A1d.T)", oracle="(A2 - Y) @ A1d.T / m", style="nd-W2")
C(ND, "W2", N, "dZ2 = A2 - Y\ndW2 = 1./m * np.dot(dZ2, A1.T)", "*", oracle="(A2 - Y) @ A1.T / m", style="nd-W2-undropped")
C(ND, "W1", N, "dZ2 = A2 - Y\ndA1 = np.dot(W2.T, dZ2)\ndA1 = dA1 * D1\ndA1 = dA1 / keep_prob\ndZ1 = np.multiply(dA1, np.int64(A1 > 0))\ndW1 = 1./m * np.dot(dZ1, X.T)", oracle=f"{NDD} @ X.T / m", style="nd-W1-rebound")
C(ND, "W1", N, "dZ2 = A2 - Y\ndA1 = np.dot(W2.T, dZ2)\ndA1 = dA1 * D1\ndZ1 = np.multiply(dA1, np.int64(A1 > 0))\ndW1 = 1./m * np.dot(dZ1, X.T)", "scale-factor", oracle="(W2.T @ (A2 - Y) * D1 * (A1 > 0)) @ X.T / m", style="nd-W1-no-keep-prob")
C(ND, "W1", N, "dZ2 = A2 - Y\ndA1 = np.dot(W2.T, dZ2)\ndA1 = dA1 / keep_prob\ndZ1 = np.multiply(dA1, np.int64(A1 > 0))\ndW1 = 1./m * np.dot(dZ1, X.T)", "*", oracle="(W2.T @ (A2 - Y) / keep_prob * (A1 > 0)) @ X.T / m", style="nd-W1-no-D1")

# ================================================================ unreadable: must be refused (exit 2)
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m if m > 0 else 0", REFUSE, style="x-conditional-expression")
C(M, "W2", N, "dW2 = torch.autograd.grad(L, W2)[0]", REFUSE, style="x-torch-autograd")
C(M, "W2", N, "dW2 = np.linalg.pinv(A1) @ (A2 - Y)", REFUSE, must=("pinv",), style="x-unsupported-pinv")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y^{[3]})", REFUSE, style="x-no-such-Y3")
C(CH, "w", L, r"\frac{\partial L}{\partial q} = 2v", REFUSE, style="x-leibniz-not-a-node")
C(T, "W1[0,0]", V, "-0.0137 or -0.0136", REFUSE, style="x-value-two-numbers")
C(S, "W", N, "dW = X.T @ (P - Y) / m\ndW = ", REFUSE, style="x-incomplete-line")
C(E, "w", N, "dw = grad(loss)(w)", REFUSE, style="x-grad-call")


# ================================================================ round b: written after round a's fixes, before running them
_round = "b"
CE1 = str(COURSE / "cmu_softmax_ce_ones.toml")
XL = str(COURSE / "hn13_xigua_logit_beta.toml")
C(S, "W", L, r"Hence $\nabla_W J = \frac{1}{m} X^{\top} (P - Y)$ where $P = \mathrm{softmax}(XW + b)$.", oracle=SW, style="b-prose-hence-where-def")
C(S, "W", L, r"Hence $\nabla_W J = \frac{1}{m} X^{\top} (P - Y)$ where $P = \mathrm{softmax}(XW)$.", "*", style="b-prose-where-wrong-def", note="the definition after 'where' drops the bias: a false statement the answer rests on")
C(T, "W1", L, r"我们有 $\delta = (y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h)$，于是 $\frac{\partial L}{\partial W_1} = X^{\top}\delta$。", lang=Z, oracle=TW1, style="b-prose-zh-women-you")
C(E, "w", L, r"Since $O = \sigma(z)$, we have $\frac{\partial L}{\partial w} = (O - t) O (1 - O) x$.", oracle=EW, style="b-prose-since-we-have")
C(E, "w", L, r"Since $O = \sigma(z)$, we have $\frac{\partial L}{\partial w} = (O - t) x$.", "missing-activation-derivative", oracle="(O - t) * x", style="b-prose-since-no-prime")
C(CH, "w", L, r"With $v = wx + b$ we get $\frac{\partial L}{\partial w} = 2vx$.", oracle="2 * v * x", style="b-prose-with-we-get")
C(R, "w2", L, r"Therefore $\frac{\partial \mathcal{L}}{\partial w_2} = 2 h_{relu}^{\top}(y_{pred} - y)$, as expected.", oracle=RW2, style="b-prose-as-expected")
C(M, "b2", L, r"For the output bias $b^{[2]}$ the gradient is $\frac{1}{m}\mathbf{1}^{\top}(A^{[2]} - Y)$.", oracle=B2R, style="b-prose-for-the-bias")
C(T, "W2", L, r"\sigma(XW_{1})^{\top}(y_{pred} - y_{target})", oracle=TW2, style="b-juxt-braced-subscript")
C(M, "W2", L, r"\frac{1}{m}\,\mathrm{relu}(XW^{[1]} + b^{[1]})^{\top}(A^{[2]} - Y)", oracle=W2R, style="b-juxt-layer-superscript")
C(R, "w1", L, r"x^{\top}\left(2(y_{pred} - y)w_2^{\top} \odot \mathbb{1}[xw_1 > 0]\right)", oracle=RW1, style="b-juxt-in-indicator")
C(CH, "x", N, "The gradient is dL/dx = 2 * v * w.", oracle="2 * v * w", style="b-lead-the-gradient-is")
C(S, "b", N, "The result is db = np.mean(P - Y, axis=0, keepdims=True)", oracle=SB, style="b-lead-the-result-is")
C(M, "W2", N, "The final answer is dW2 = A1.T @ (A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="b-lead-final-answer-no-m")
C(T, "W1", L, r"\frac{\partial L}{\partial U} = X^{\top}\delta_h", REFUSE, style="b-leibniz-U-no-node")
C(S, "W", L, r"\frac{\partial J}{\partial \theta} = \frac{1}{m}X^\top(P - Y)", REFUSE, style="b-leibniz-theta-no-node")
C(QS, "W1", N, "dz2 = (y_hat - y) / N\ndz1 = dz2 @ w2.T * (1 - np.tanh(z1) ** 2)\ndW1 = X.T @ dz1", "wrong-activation-derivative", oracle="X.T @ ((y_hat - y) / N @ w2.T * (1 - np.tanh(z1) ** 2))", style="b-qs-tanh-prime-for-softplus")
C(QS, "b1", N, "dz2 = (y_hat - y) / N\ndb1 = np.sum(dz2 @ w2.T * a1, axis=0, keepdims=True)", "wrong-activation-derivative", oracle="np.sum((y_hat - y) / N @ w2.T * a1, axis=0, keepdims=True)", style="b-qs-softplus-itself")
C(QS, "b1", N, "dz2 = (y_hat - y) / N\ndb1 = np.sum(dz2 @ w2.T / (1 + np.exp(-z1)), axis=0, keepdims=True)", oracle="np.sum((y_hat - y) / N @ w2.T / (1 + np.exp(-z1)), axis=0, keepdims=True)", style="b-qs-b1-sigmoid-spelled")
CES = "(softmax - Y) / N"
C(CE1, "W2", N, "dW2 = ((softmax - Y) / N).T.dot(A1)", oracle=f"({CES}).T @ A1", style="b-ce1-W2-dot")
C(CE1, "b1", N, "dZ2 = (softmax - Y) / N\ndZ1 = dZ2 @ W2 * (1 - A1 ** 2)\ndb1 = dZ1.T @ Ones_N", oracle=f"(({CES}) @ W2 * (1 - A1 ** 2)).T @ Ones_N", style="b-ce1-b1-ones")
C(CE1, "b1", N, "dZ2 = (softmax - Y) / N\ndZ1 = dZ2 @ W2 * (1 - A1 ** 2)\ndb1 = dZ1.T @ Ones_N * N", "scale-factor", oracle=f"(({CES}) @ W2 * (1 - A1 ** 2)).T @ Ones_N * N", style="b-ce1-b1-times-N")
C(XL, "beta", N, "x_hat.T @ (1 / (1 + np.exp(-z)) - y)", oracle="x_hat.T @ (1 / (1 + np.exp(-z)) - y)", style="b-xl-beta")
C(XL, "beta", N, "x.T @ (1 / (1 + np.exp(-z)) - y)", "*", style="b-xl-beta-no-ones-row")
C(CSA, "w", N, "dw = np.dot(x.reshape(x.shape[0], -1).T, dout)", oracle="x.T @ dout", style="b-csa-np-dot-reshape")
C(CSA, "w", N, "dw = x.reshape(N, D).T.dot(dout)", oracle="x.T @ dout", style="b-csa-reshape-N-D")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}A^{[1]\top}\delta, \quad \delta = A^{[2]} - Y", oracle=W2R, style="b-bare-delta-after-quad")
C(M, "W2", L, r"\frac{1}{m}A^{[1]\top}\delta \\ \delta = Y - A^{[2]}", "sign", oracle="A1.T @ (Y - A2) / m", style="b-bare-delta-after-row-sign")
C(T, "W1[0,1]", V, "-0.0163 (3sf)", style="b-v-3sf-compact")
C(T, "W1[0,1]", V, "−1.635×10^-2", style="b-v-times-caret")
C(S, "b[0,1]", V, "0.371 (to 3 s.f.)", style="b-v-to-3sf")
C(S, "b[0,1]", V, "0.742", "scale-factor", style="b-v-doubled")
C(MW, "b1[0,0]", V, "-0.182", style="b-v-w-b1")
C(MW, "b1[0,0]", V, "-0.364", "scale-factor", style="b-v-w-b1-before-m")
C(A, "S", N, "dS = A * (dA - (dA * A).sum(axis=1, keepdims=True))", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="b-a-softmax-jvp-method")
C(A, "S", N, "dS = A * (dA - (dA * A).sum(axis=0, keepdims=True))", "*", oracle="A * (dA - np.sum(dA * A, axis=0, keepdims=True))", style="b-a-softmax-jvp-axis0")
C(S, "Z", N, "dP = -Y / (m * P)\ndZ = P * dP - P * np.sum(P * dP, axis=1, keepdims=True)", oracle="(P - Y) / m", style="b-s-jvp-expanded")
C(S, "Z", N, "dP = -Y / (m * P)\ndZ = P * dP", "*", oracle="P * (-Y / (m * P))", style="b-s-jvp-diagonal-only")
C(LS, "W", N, "smooth = Y * (1 - eps) + eps / K\ndW = X.T @ (np.exp(logp) - smooth) / N", oracle=f"X.T @ {LSP} / N", style="b-ls-smooth-name")
C(LS, "W", N, "smooth = Y * (1 - eps) + eps\ndW = X.T @ (np.exp(logp) - smooth) / N", "*", oracle="X.T @ (np.exp(logp) - (Y * (1 - eps) + eps)) / N", style="b-ls-eps-not-over-K")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c18-000, … as written; cases that happen to repeat corpus 2-17 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus18", "c18", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
