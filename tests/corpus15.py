"""The held-out-style corpus of issue 11, fifteenth round: the six older built-ins weighted most
(mlp-bce, tiny-mlp, relu-mlp, neuron, mlp-bce-weighted, chain), then the four newer ones, then a
lecturer's own networks written from textbooks (tests/specs_course/: Goodfellow's MLP, Bishop's
PRML 5.3, Nielsen's quadratic-cost network, 邱锡鹏's δ network, 西瓜书's BP network), written
where corpus 7-14 did not go: answers the way TEXTBOOKS write them — Goodfellow's algorithm 6.4
with one ``g`` reassigned line by line (``g ← ∇_ŷ J``, ``g ← g ⊙ f′(a)``, ``∇_W J = hᵀ g``),
Bishop's ``δ_k = y_k − t_k``, ``δ_j = h′(a_j) Σ_k w_kj δ_k``, ``∂E/∂w_ji = δ_j z_i`` per unit,
Nielsen's BP1-BP4 and his ``network.py`` (``sigmoid_prime``, ``np.dot(delta, a.transpose())``),
西瓜书's ``g_j = ŷ_j(1 − ŷ_j)(y_j − ŷ_j)`` (the negative gradient) and ``Δw = η g b`` (an update,
not a gradient: refused with a sentence), 邱锡鹏's column-major δ — Greek names in code
(``δ2 = A2 − Y``); answers as UPDATE rules (``W2 -= lr * …``, ``W ← W − η …``, ``W := W − α dW``,
``w += lr * (t − O) …``: the gradient part is read); a transposed gradient stated as such
(``(∂L/∂W)ᵀ = …``); numerator-layout answers (the transpose: wrong, ``operand-order`` where
square); ``np.einsum('ij,ik->jk', …)``, ``np.tensordot``, ``torch.autograd.grad``/``.backward()``
and Python ``for`` loops (refused); index sums with explicit bounds; Chinese prose around the
formula (``答：``, ``所以``, ``解：``, full-width ``（）``，``：``＝``－``); hand numbers with
``≈``/``~``, 2 decimals vs 2 significant digits, negative zero, fractions of an exact integer
value. Wrong answers as students make them: the classic slips plus Bishop's and 西瓜书's sign
convention, the learning rate folded into the gradient, the layout transposed, the wrong sum
bound, h′ evaluated at the activation (σ′(a) for σ′(z)).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written before the checker was run on any of them
(bench/RESULTS.md, "corpus 15": the first measurement). Built-in cases with an ``oracle`` are
confirmed by PyTorch (tests/check_oracle.py); course-network cases by the spec's own text run in
PyTorch (tests/spelled_oracle.py, see tests/test_check_corpus15.py). Hand numbers were computed
in PyTorch float64 (check_oracle.exact_value) and rounded by hand.
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
GF = str(COURSE / "goodfellow_mlp.toml")
BP = str(COURSE / "bishop_prml53.toml")
NQ = str(COURSE / "nielsen_quadratic.toml")
QD = str(COURSE / "qiu_delta_mlp.toml")
XG = str(COURSE / "xigua_bp.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

# ================================================================ mlp-bce
M, MW = "mlp-bce", "mlp-bce-weighted"
W2R, W1R = "A1.T @ (A2 - Y) / m", "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
B1R = "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"
# Goodfellow's algorithm 6.4: one g reassigned line by line
_G2 = r"g \leftarrow \frac{1}{m}(A^{[2]} - Y) \\ \nabla_{W^{[2]}} J = A^{[1]\top} g"
C(M, "W2", L, _G2, oracle=W2R, style="gf-leftarrow-W2")
C(M, "W2", L, _G2.replace(r"\frac{1}{m}", ""), "scale-factor", oracle="A1.T @ (A2 - Y)", style="gf-leftarrow-W2-no-m")
_G1 = (r"g \leftarrow \frac{1}{m}(A^{[2]} - Y) \\ g \leftarrow g W^{[2]\top} \\ "
       r"g \leftarrow g \odot \mathbb{1}[Z^{[1]} > 0] \\ \nabla_{W^{[1]}} J = X^\top g")
C(M, "W1", L, _G1, oracle=W1R, style="gf-leftarrow-W1")
C(M, "W1", L, _G1.replace(r"g \leftarrow g \odot \mathbb{1}[Z^{[1]} > 0] \\ ", ""), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="gf-leftarrow-W1-no-mask")
C(M, "W1", L, _G1.replace("Z^{[1]} > 0", "A^{[1]} > 0"), oracle=W1R, style="gf-leftarrow-W1-mask-of-A1", note="relu: A1 > 0 exactly where Z1 > 0")
C(M, "W2", L, r"g \leftarrow \frac{1}{m}(A^{[2]} - Y) \\ \nabla_{W^{[2]}} J = g A^{[1]\top}", "*", style="gf-column-major-as-printed", note="Goodfellow's g h^T on a row-major network: (m x 1)(n_h x m)")
C(M, "W1", N, "g = (A2 - Y) / m\ng = g @ W2.T\ng = g * (Z1 > 0)\ndW1 = X.T @ g", oracle=W1R, style="gf-numpy-g-reassigned")
C(M, "W1", N, "g = (A2 - Y) / m\ng = g @ W2.T\ndW1 = X.T @ g", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="gf-numpy-g-no-mask")
C(M, "b1", N, "g = (A2 - Y) / m\ng = g @ W2.T * (Z1 > 0)\ndb1 = g.sum(axis=0, keepdims=True)", oracle=B1R, style="gf-numpy-b1")
C(M, "b1", N, "g = (A2 - Y) / m\ng = g @ W2.T * (Z1 > 0)\ndb1 = g.sum(axis=1, keepdims=True)", "wrong-sum-axis", style="gf-numpy-b1-axis1")
# Bishop / Nielsen with Greek names in code
C(M, "W1", N, "δ2 = A2 − Y\nδ1 = (δ2 @ W2.T) * (Z1 > 0)\ndW1 = X.T @ δ1 / m", oracle=W1R, style="bishop-greek-code")
C(M, "W1", N, "δ2 = Y − A2\nδ1 = (δ2 @ W2.T) * (Z1 > 0)\ndW1 = X.T @ δ1 / m", "sign", oracle="X.T @ ((Y - A2) @ W2.T * (Z1 > 0)) / m", style="bishop-greek-code-t-minus-y")
C(M, "W2", N, "delta2 = A2 - Y\nnabla_W2 = np.dot(A1.transpose(), delta2) / m", oracle=W2R, style="nielsen-code-transpose-method")
C(M, "W1", N, "delta2 = A2 - Y\ndelta1 = np.dot(delta2, W2.transpose()) * (Z1 > 0)\nnabla_W1 = np.dot(X.transpose(), delta1) / m", oracle=W1R, style="nielsen-code-W1")
# update rules: the gradient part is read
C(M, "W2", N, "W2 -= lr * A1.T @ (A2 - Y) / m", oracle=W2R, style="update-minus-equals")
C(M, "W2", N, "W2 = W2 - alpha * (1/m) * A1.T @ (A2 - Y)", oracle=W2R, style="update-alpha")
C(M, "W2", L, r"W^{[2]} \leftarrow W^{[2]} - \eta \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="update-latex-eta")
C(M, "W2", L, r"W^{[2]} := W^{[2]} - \alpha \, dW^{[2]}, \quad dW^{[2]} = \frac{1}{m} A^{[1]T}(A^{[2]} - Y)", oracle=W2R, style="update-latex-colon-eq-then-def")
C(M, "W2", N, "W2 -= lr * A1.T @ (A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="update-no-m")
C(M, "W2", N, "W2 += lr * A1.T @ (A2 - Y) / m", "sign", oracle="-A1.T @ (A2 - Y) / m", style="update-ascent")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\nW1 = W1 - learning_rate * X.T @ dZ1 / m", oracle=W1R, style="update-W1-after-dZ1")
C(M, "b2", N, "b2 -= lr * np.mean(A2 - Y, axis=0, keepdims=True)", oracle="np.mean(A2 - Y, axis=0, keepdims=True)", style="update-b2-mean")
# the learning rate folded into the gradient
C(M, "W2", N, "dW2 = lr * A1.T @ (A2 - Y) / m", "*", style="lr-folded")
C(M, "W2", L, r"dW^{[2]} = \alpha \frac{1}{m} A^{[1]T}(A^{[2]} - Y)", "*", style="lr-folded-latex")
# a transposed gradient stated as such; numerator layout
C(M, "W2", L, r"\left(\frac{\partial L}{\partial W^{[2]}}\right)^T = \frac{1}{m}(A^{[2]} - Y)^T A^{[1]}", oracle=W2R, style="transposed-lhs-stated")
C(M, "W2", N, "dW2 = (A2 - Y).T @ A1 / m", "*", style="numerator-layout-W2", note="the Jacobian's layout: 1 x n_h for the n_h x 1 gradient")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = dZ1.T @ X / m", "operand-order", style="numerator-layout-W1-square")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} dZ^{[1]\top} X, \quad dZ^{[1]} = (A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]", "operand-order", style="numerator-layout-W1-latex")
# index sums with explicit bounds
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m}(A^{[2]}_i - Y_i)", oracle="np.sum(A2 - Y) / m", style="index-sum-bounds-b2")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{n_h}(A^{[2]}_i - Y_i)", "*", style="index-sum-wrong-bound")
C(M, "W2[0,0]", L, r"\frac{1}{m}\sum_{i=1}^{m} A^{[1]}_{i1}(A^{[2]}_{i1} - Y_{i1})", style="index-sum-entry-one-based")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}_{jk}} = \frac{1}{m} A^{[1]}_{ij}(A^{[2]}_{ik} - Y_{ik})", style="einstein-implicit-sum", note="first labelled a refusal; the checker reads Einstein's implicit sum by its indices (a swapped index is operand-order), and it is right")
# einsum, tensordot, autograd, loops
C(M, "W2", N, "dW2 = np.einsum('ij,ik->jk', A1, A2 - Y) / m", oracle=W2R, style="einsum")
C(M, "W2", N, "dW2 = np.einsum('ij,ik->kj', A1, A2 - Y) / m", "*", style="einsum-transposed-out")
C(M, "W2", N, "dW2 = np.tensordot(A1, A2 - Y, axes=([0], [0])) / m", oracle=W2R, style="tensordot")
C(M, "W1", N, "dW1 = np.einsum('ij,ik->jk', X, (A2 - Y) @ W2.T * (Z1 > 0)) / m", oracle=W1R, style="einsum-W1")
C(M, "W1", N, "dW1 = np.einsum('ij,ik->jk', A1, (A2 - Y) @ W2.T * (Z1 > 0)) / m", "wrong-layer", style="einsum-W1-wrong-layer")
C(M, "W2", N, "dW2 = torch.autograd.grad(L, W2)[0]", REFUSE, style="autograd-grad")
C(M, "W2", N, "L.backward()\ndW2 = W2.grad", REFUSE, style="backward-dot-grad")
C(M, "W2", N, "for j in range(n_h):\n    dW2[j, 0] = np.sum(A1[:, j] * (A2[:, 0] - Y[:, 0])) / m", REFUSE, style="python-for-loop")
# Chinese prose around the formula
C(M, "W2", N, "答：∂L/∂W2 = A1ᵀ(A2 − Y)/m", oracle=W2R, lang=Z, style="zh-da")
C(M, "W2", N, "所以 dW2 = A1.T @ (A2 - Y) / m。", oracle=W2R, lang=Z, style="zh-suoyi-full-stop")
C(M, "W2", N, "解：dZ2 = A2 − Y，dW2 = （1/m）A1ᵀ dZ2", oracle=W2R, lang=Z, style="zh-jie-fullwidth")
C(M, "W2", N, "答：∂L/∂W2 = A1ᵀ（A2 − Y）", "scale-factor", oracle="A1.T @ (A2 - Y)", lang=Z, style="zh-da-no-m")
C(M, "W2", N, "因为 dZ2 = A2 − Y，所以 dW2 = A1ᵀ·dZ2 / m。", oracle=W2R, lang=Z, style="zh-yinwei-suoyi")
C(M, "W2", L, r"答：$\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)$", oracle=W2R, lang=Z, style="zh-da-inline-math")
C(M, "W1", N, "答：dW1 = Xᵀ·[(A2 − Y)W2ᵀ ⊙ (Z1 > 0)]/m", oracle=W1R, lang=Z, style="zh-da-W1")
C(M, "W1", N, "答：dW1 = Xᵀ·[(A2 − Y)W2ᵀ]/m", "missing-activation-derivative", lang=Z, style="zh-da-W1-no-mask")
# hand numbers: ≈, ~, 2 decimals vs 2 significant digits, negative zero
C(M, "W2[0,0]", V, "≈ -0.18", style="hand-2dp")
C(M, "W2[0,0]", V, "~ -0.176", style="hand-tilde")
C(M, "W2[0,0]", V, "-0.17", "*", style="hand-truncated")
C(M, "W2[0,0]", V, "0.176", "sign", style="hand-sign")
C(M, "W2[0,0]", V, "−0,18", style="hand-unicode-minus-comma")
C(M, "W2[1,0]", V, "-0.0090", style="hand-2sf-small")
C(M, "W2[1,0]", V, "-0.01", "too-few-digits", style="hand-2dp-1sf")
C(M, "W2[1,0]", V, "≈ -0.009", "too-few-digits", style="hand-approx-1sf")
C(M, "W1[0,1]", V, "0.14", style="hand-W1-2dp")
C(M, "W1[1,1]", V, "0.08", "too-few-digits", style="hand-W1-2dp-1sf")
C(M, "W1[1,1]", V, "0.079", style="hand-W1-2sf")
C(M, "Z1[1,0]", V, "-0.0", style="hand-negative-zero", note="the unit is off: exactly 0")
C(M, "Z1[1,0]", V, "-0", style="hand-negative-zero-int")
C(M, "b2[0,0]", V, "0.06", "too-few-digits", style="hand-b2-1sf")
C(M, "b2[0,0]", V, "6.0 × 10⁻²", style="hand-b2-times-superscript")
C(M, "W1", V, "答：[[-0.0979, 0.136], [-0.196, 0.0791]]", lang=Z, style="hand-zh-da-matrix")
C(M, "W2", V, "[[-0.0176], [-0.000899]]", "*", style="hand-lr-folded", note="η = 0.1 times the gradient")

# ================================================================ mlp-bce-weighted
WZ2 = "((1 - Y) * A2 - 3 * Y * (1 - A2)) / m"
C(MW, "W2", L, r"g \leftarrow \frac{1}{m}\left[(1-Y)\odot A^{[2]} - w\,Y\odot(1-A^{[2]})\right] \\ \nabla_{W^{[2]}} J = A^{[1]\top} g", oracle="A1.T @ " + WZ2, style="w-gf-leftarrow")
C(MW, "W2", N, "W2 -= lr * A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle="A1.T @ " + WZ2, style="w-update")
C(MW, "W2", N, "W2 -= lr * A1.T @ (A2 - Y) / m", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="w-update-unweighted")
C(MW, "Z2", N, "答：dZ2 = ((1 − Y)⊙A2 − w·Y⊙(1 − A2))/m", oracle=WZ2, lang=Z, style="w-zh-da")
C(MW, "W2", N, "dW2 = np.einsum('ij,ik->jk', A1, ((1 - Y) * A2 - w * Y * (1 - A2)) / m)", oracle="A1.T @ " + WZ2, style="w-einsum")
C(MW, "W2", N, "δ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndW2 = -A1.T @ δ2", "sign", oracle="-A1.T @ " + WZ2, style="w-greek-sign")
C(MW, "W2", N, "dW2 = X.T @ (((1 - Y) * A2 - w * Y * (1 - A2)) / m)", "wrong-layer", style="w-wrong-layer")
C(MW, "W1", N, "δ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\nδ1 = δ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ δ1", oracle="X.T @ (" + WZ2 + " @ W2.T * (Z1 > 0))", style="w-greek-W1")
C(MW, "b2[0,0]", V, "≈ -0.36", style="w-hand-2dp")
C(MW, "b2[0,0]", V, "-0.37", "*", style="w-hand-2dp-wrong")
C(MW, "b2[0,0]", V, "−0.364", style="w-hand-unicode-minus")
C(MW, "W2[1,0]", V, "-0.31", style="w-hand-W2-2dp")
C(MW, "W2[0,0]", V, "~ -0.42", style="w-hand-W2-tilde")
C(MW, "b1", V, "[-0.18, 0.11]", style="w-hand-b1-2dp")

# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
TW2 = "h.T @ (y_pred - y_target)"
# Bishop per unit
C(T, "w12", N, "d = y_pred - y_target\nd2 = h2*(1-h2)*v2*d\ndw12 = d2*x1", style="bishop-unit-w12")
C(T, "w12", L, r"\delta_k = y_{pred} - y_{target}, \quad \delta_2 = h_2(1-h_2)\, v_2\, \delta_k, \quad \frac{\partial E}{\partial w_{12}} = \delta_2 x_1", style="bishop-unit-latex")
C(T, "w12", N, "d = y_pred - y_target\nd1 = h1*(1-h1)*v1*d\ndw12 = d1*x2", "*", style="bishop-index-order", note="Bishop's w_ji (to j from i) read as ours: w21's formula")
C(T, "w12", N, "d = y_target - y_pred\ndw12 = h2*(1-h2)*v2*d*x1", "sign", style="bishop-t-minus-y")
C(T, "w12", N, "d = y_pred - y_target\nd2 = sigmoid(h2)*(1-sigmoid(h2))*v2*d\ndw12 = d2*x1", "wrong-layer", style="bishop-h-prime-at-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
# Nielsen's network.py
C(T, "W2", N, "delta = (y_pred - y_target)\nnabla_w2 = np.dot(h.transpose(), delta)", oracle=TW2, style="nielsen-code-W2")
C(T, "W1", N, "delta = y_pred - y_target\ndelta_h = np.dot(W2, delta) * (h * (1 - h)).T\nnabla_W1 = np.dot(delta_h, X)", "operand-order", style="nielsen-code-column-major", note="Nielsen's column layout on a row-major network: the transpose")
C(T, "W1", N, "delta = y_pred - y_target\ndelta_h = np.dot(W2, delta) * (h * (1 - h)).T\nnabla_W1 = np.dot(X.T, delta_h.T)", oracle=TW1, style="nielsen-code-column-then-T")
C(T, "W1", N, "delta_h = (y_pred - y_target) * W2.T * sigmoid_prime(h_raw)\ndW1 = X.T @ delta_h", oracle=TW1, style="nielsen-sigmoid-prime")
C(T, "W1", N, "delta_h = (y_pred - y_target) * W2.T * sigmoid_prime(h)\ndW1 = X.T @ delta_h", "wrong-layer", style="nielsen-sigmoid-prime-of-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
# Goodfellow
_TG = r"g \leftarrow \hat{y} - y \\ g \leftarrow g W_2^\top \\ g \leftarrow g \odot \sigma'(h_{raw}) \\ \nabla_{W_1} J = X^\top g"
C(T, "W1", L, _TG, oracle=TW1, style="gf-tiny")
C(T, "W1", L, _TG.replace(r"X^\top g", r"g X^\top"), "*", style="gf-tiny-column-major", note="(1 x n_h)(n_in x 1)")
C(T, "W1", L, _TG.replace(r"\sigma'(h_{raw})", r"\sigma'(h)"), "wrong-layer", style="gf-tiny-prime-at-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
# 西瓜书 on tiny-mlp: g = y - ŷ for a linear output, e_h = b_h(1 - b_h) v_h g
C(T, "W1", N, "g = y_target - y_pred\ne = h * (1 - h) * W2.T * g\ndW1 = -X.T @ e", oracle=TW1, style="xigua-neg-gradient")
C(T, "W1", N, "g = y_target - y_pred\ne = h * (1 - h) * W2.T * g\ndW1 = X.T @ e", "sign", style="xigua-sign-dropped")
# update rules
C(T, "W1", N, "W1 -= lr * X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="update-W1")
C(T, "W1", L, r"W_1 \leftarrow W_1 - \eta\, X^\top\left[(\hat y - y) W_2^\top \odot h \odot (1-h)\right]", oracle=TW1, style="update-W1-latex")
C(T, "w11", N, "w11 ← w11 − η (y_pred − y_target) v1 h1 (1 − h1) x1", style="update-entry")
C(T, "W2", N, "W2 -= lr * h.T @ (y_pred - y_target) * h * (1 - h)", "*", style="update-W2-extra-prime")
# einsum, Chinese
C(T, "W1", N, "dW1 = np.einsum('ij,ik->jk', X, (y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="einsum")
C(T, "v1", N, "答：∂L/∂v1 = (y_pred − y_target)·h1", lang=Z, style="zh-da-entry")
C(T, "w11", N, "所以 ∂L/∂w11 = (y_pred − y_target)·v1·h1·(1 − h1)·x1。", lang=Z, style="zh-suoyi-entry")
C(T, "w11", N, "所以 ∂L/∂w11 = (y_pred − y_target)·v1·h1·x1。", "*", lang=Z, style="zh-suoyi-entry-no-prime")
# hand numbers
C(T, "W1[0,0]", V, "≈ -0.014", style="hand-2sf")
C(T, "W1[0,0]", V, "-0.01", "too-few-digits", style="hand-2dp")
C(T, "W1[0,0]", V, "-0.013", "*", style="hand-truncated")
C(T, "W2[0,0]", V, "-0.11", style="hand-W2-2dp")
C(T, "W2[1,0]", V, "~ -0.12", style="hand-W2-tilde")
C(T, "W2[1,0]", V, "-0.11", "*", style="hand-W2-other-entry-2dp")

# ================================================================ relu-mlp
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.T.dot(grad_y_pred)\nw2 -= learning_rate * grad_w2", oracle=RW2, style="update-after-gradient")
C(R, "w2", N, "w2 -= learning_rate * h_relu.T @ (2 * (y_pred - y))", oracle=RW2, style="update-inline")
C(R, "w2", N, "w2 -= 1e-6 * h_relu.T @ (2 * (y_pred - y))", oracle=RW2, style="update-numeric-lr")
C(R, "w1", N, "w1 -= learning_rate * x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", oracle=RW1, style="update-w1")
C(R, "w1", N, "w1 -= learning_rate * x.T @ (2 * (y_pred - y) @ w2.T)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="update-w1-no-mask")
C(R, "w1", N, "grad_w1 = np.einsum('ni,nj->ij', x, 2 * (y_pred - y) @ w2.T * (h > 0))", oracle=RW1, style="einsum-n")
C(R, "w1", N, "grad_w1 = np.einsum('ni,nj->ji', x, 2 * (y_pred - y) @ w2.T * (h > 0))", "*", style="einsum-n-transposed")
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)", oracle=RW2, style="torch-t-mm")
C(R, "w2", N, "loss.backward()\ngrad_w2 = w2.grad", REFUSE, style="backward")
C(R, "w2", L, r"g \leftarrow 2(\hat{y} - y) \\ \nabla_{w_2} J = h_{relu}^\top g", oracle=RW2, style="gf-w2")
C(R, "w1", L, r"g \leftarrow 2(\hat{y} - y) \\ \nabla_{w_1} J = x^\top (g w_2^\top \odot \mathbb{1}[h > 0])", oracle=RW1, style="gf-w1")
C(R, "w1", N, "grad_h = 2*(y_pred-y) @ w2.T * (h_relu > 0)\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="mask-of-activation", note="relu: h_relu > 0 exactly where h > 0")
C(R, "w2[0,1]", N, "2 * sum(h_relu[n, 0] * (y_pred[n, 1] - y[n, 1]) for n in range(3))", style="generator-sum",
  note="relabelled in round 50 (heldcheck50): the loop over range(3) is unrolled, the sum of the three examples' terms "
       "that derive's own entry formula for w2[0,1] writes out (an entry's formula is of the example's sizes)")
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = grad_y_pred.T @ h_relu", "*", style="numerator-layout")
C(R, "w2", N, "答：grad_w2 = h_relu.T @ (2 * (y_pred - y))", oracle=RW2, lang=Z, style="zh-da-code")
C(R, "w2", N, "答：grad_w2 = h_relu.T @ (y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", lang=Z, style="zh-da-code-no-2")
C(R, "w2[0,0]", V, "≈ -0.75", style="hand-2dp")
C(R, "w2[0,0]", V, "-0.74", "*", style="hand-2dp-wrong")
C(R, "w1[2,1]", V, "-0.0", style="hand-negative-zero")
C(R, "w1[2,1]", V, "0.00", style="hand-zero-2dp")
C(R, "w1[0,0]", V, "1.4", style="hand-2sf")
C(R, "w2[0,1]", V, "−2.5", style="hand-unicode-minus-2sf")
C(R, "w2[0,1]", V, "-2.6", "*", style="hand-2sf-wrong")
C(R, "w2[0,0]", V, "-7.479e-7", "*", style="hand-lr-folded", note="1e-6 times the gradient")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", L, r"\delta = (O - t) \odot \sigma'(z), \quad \frac{\partial C}{\partial w} = \delta\, x", oracle=EW, style="nielsen-bp1-bp4")
C(E, "w", L, r"\delta = (O - t) \odot \sigma'(O), \quad \frac{\partial C}{\partial w} = \delta\, x", "wrong-layer", style="nielsen-prime-at-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
C(E, "w", N, "delta = (O - t) * sigmoid_prime(z)\nnabla_w = delta * x", oracle=EW, style="nielsen-code")
C(E, "w", N, "delta = (O - t) * sigmoid_prime(O)\nnabla_w = delta * x", "wrong-layer", style="nielsen-code-prime-of-O", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
C(E, "w", N, "g = O * (1 - O) * (t - O)\ndw = -g * x", oracle=EW, style="xigua-g")
C(E, "w", N, "g = O * (1 - O) * (t - O)\ndw = g * x", "sign", style="xigua-g-sign")
C(E, "w", N, "g = O * (1 - O) * (t - O)\nΔw = η * g * x", REFUSE, style="xigua-delta-w-update", note="Δw = η g x is the update, not the gradient")
C(E, "w0", L, r"\Delta w_0 = \eta\, O(1-O)(t-O)\, x_0", REFUSE, style="xigua-delta-w-entry")
C(E, "w", N, "δ = t − O\n∂E/∂w = δ·O·(1 − O)·x", "sign", style="bishop-t-minus-y")
C(E, "w", N, "w -= lr * (O - t) * O * (1 - O) * x", oracle=EW, style="update")
C(E, "w", L, r"w \leftarrow w - \eta\, (O - t)\, O (1 - O)\, x", oracle=EW, style="update-latex")
C(E, "w", N, "w += lr * (t - O) * O * (1 - O) * x", oracle=EW, style="update-plus-negated")
C(E, "w", N, "dw = eta * (O - t) * O * (1 - O) * x", "*", style="lr-folded")
C(E, "w", N, "答：∂L/∂w = (O − t)·O·(1 − O)·x", oracle=EW, lang=Z, style="zh-da")
C(E, "w", N, "所以∂L/∂w＝（O－t）O（1－O）x", oracle=EW, lang=Z, style="zh-fullwidth-eq-minus")
C(E, "w", N, "所以∂L/∂w＝（t－O）O（1－O）x", "sign", oracle="(t - O) * O * (1 - O) * x", lang=Z, style="zh-fullwidth-sign")
C(E, "w[0,0]", V, "≈ -0.061", style="hand-2sf")
C(E, "w[0,0]", V, "-0.06", "too-few-digits", style="hand-2dp")
C(E, "w[0,1]", V, "-0.037", style="hand-w1-2sf")
C(E, "w[0,2]", V, "−6.1e−2", "*", style="hand-wrong-entry-unicode", note="w[0,0]'s number for w[0,2]")
C(E, "w[0,0]", V, "−6.1e−2", style="hand-unicode-sci")

# ================================================================ chain
CH = "chain"
C(CH, "w", L, r"g \leftarrow 2v \\ g \leftarrow g \cdot 1 \\ \frac{dL}{dw} = g\, x", oracle="2 * v * x", style="gf-scalar")
C(CH, "w", N, "w ← w − η·2v·x", oracle="2 * v * x", style="update-unicode")
C(CH, "w", N, "w -= lr * 2 * v * x", oracle="2 * v * x", style="update")
C(CH, "w", N, "w -= lr * 2 * v", "missing-factor", oracle="2 * v", style="update-missing-x")
C(CH, "w", V, "120/3", style="hand-fraction")
C(CH, "w", V, "≈ 40.0", style="hand-approx")
C(CH, "w", V, "39.99", "*", style="hand-near")
C(CH, "b", V, "41/2", "*", style="hand-fraction-wrong")
C(CH, "x", V, "60.00", style="hand-x")
C(CH, "w", V, "4.0", "*", style="hand-lr-folded")
C(CH, "w", N, "答：dL/dw = 2v·x = 40", lang=Z, oracle="2 * v * x", style="zh-da-with-value")
C(CH, "b", N, "所以 dL/db = 2(u + b) = 20。", lang=Z, oracle="2 * (u + b)", style="zh-suoyi-with-value")
C(CH, "w", N, "torch.autograd.grad(L, w)", REFUSE, style="autograd")

# ================================================================ the four newer built-ins
S, RN, A, B = "softmax-regression", "rnn", "attention", "batchnorm"
SW = "X.T @ (P - Y) / m"
C(S, "W", L, r"g \leftarrow \frac{1}{m}(P - Y) \\ \nabla_W J = X^\top g", oracle=SW, style="s-gf")
C(S, "W", N, "dW = -X.T @ (Y - P) / m", oracle=SW, style="s-qiu-negated")
C(S, "W", N, "dW = -(Y - P).T @ X / m", "*", style="s-qiu-column-major")
C(S, "W", N, "W -= lr * X.T @ (P - Y) / m", oracle=SW, style="s-update")
C(S, "W", N, "dW = np.einsum('ij,ik->jk', X, P - Y) / m", oracle=SW, style="s-einsum")
C(S, "b", N, "答：db = np.sum(P - Y, axis=0) / m", oracle="np.sum(P - Y, axis=0) / m", lang=Z, style="s-zh-da")
C(S, "b[0,1]", V, "≈ 0.37", style="s-hand-2dp")
C(S, "W[0,0]", V, "0.57", "*", style="s-hand-wrong")
RNX = "x_1.T @ dz_1 + x_2.T @ dz_2"
C(RN, "W_x", N, "W_x -= lr * (x_1.T @ dz_1 + x_2.T @ dz_2)", oracle=RNX, style="rn-update")
C(RN, "W_x", N, "dz2=(h_2-y)*(1-np.tanh(h_2)**2)\ndz1=dz2@W_h.T*(1-h_1**2)\ndW_x=x_1.T@dz1+x_2.T@dz2", "wrong-layer", style="rn-tanh-prime-of-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
C(RN, "b", N, "答：db = np.sum(dz_1 + dz_2, axis=0, keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", lang=Z, style="rn-zh-da")
C(A, "W_v", N, "W_v -= lr * X.T @ (A.T @ dO)", oracle="X.T @ (A.T @ dO)", style="a-update")
C(A, "W_v", N, "dW_v = np.einsum('ni,nj->ij', X, A.T @ dO)", oracle="X.T @ (A.T @ dO)", style="a-einsum")
C(B, "gamma", N, "gamma -= lr * np.sum(dY * Z_hat, axis=0)", oracle="np.sum(dY * Z_hat, axis=0)", style="b-update")
C(B, "beta", N, "dbeta = np.einsum('ij->j', dY)", oracle="np.sum(dY, axis=0)", style="b-einsum")

# ================================================================ a lecturer's own networks, from textbooks
GSM = "(np.exp(U2) / np.exp(U2).sum(axis=1, keepdims=True) - y) / m"
GW2 = "H.T @ (" + GSM + ") + 2 * lambda_ * W2"
GW1 = "X.T @ ((" + GSM + ") @ W2.T * (U1 > 0)) + 2 * lambda_ * W1"
C(GF, "W2", N, "g = (softmax(U2) - y) / m\ndW2 = H.T @ g + 2 * lambda_ * W2", oracle=GW2, style="u-gf-W2")
C(GF, "W2", N, "g = (softmax(U2) - y) / m\ndW2 = H.T @ g + lambda_ * W2", "loss-term-factor", oracle="H.T @ (" + GSM + ") + lambda_ * W2", style="u-gf-W2-lambda-factor")
C(GF, "W2", N, "g = (softmax(U2) - y) / m\ndW2 = H.T @ g", "missing-loss-term", oracle="H.T @ (" + GSM + ")", style="u-gf-W2-no-decay")
C(GF, "W1", N, "g = (softmax(U2) - y) / m\ng = g @ W2.T\ng = g * (U1 > 0)\ndW1 = X.T @ g + 2 * lambda_ * W1", oracle=GW1, style="u-gf-W1-g-reassigned")
C(GF, "W1", N, "g = (softmax(U2) - y) / m\ng = g @ W2.T\ng = g * (H > 0)\ndW1 = X.T @ g + 2 * lambda_ * W1", oracle=GW1, style="u-gf-W1-mask-of-H")
C(GF, "W1", N, "g = (softmax(U2) - y) / m\ng = g @ W2.T\ndW1 = X.T @ g + 2 * lambda_ * W1", "missing-activation-derivative", style="u-gf-W1-no-mask")
BPW1 = "x.T @ ((1 - z**2) * ((y - t) @ w2.T))"
C(BP, "w1", N, "delta_k = y - t\ndelta_j = (1 - z**2) * (delta_k @ w2.T)\ndw1 = x.T @ delta_j", oracle=BPW1, style="u-bishop-w1")
C(BP, "w1", N, "delta_k = t - y\ndelta_j = (1 - z**2) * (delta_k @ w2.T)\ndw1 = x.T @ delta_j", "sign", oracle="-" + BPW1, style="u-bishop-w1-t-minus-y")
C(BP, "w1", N, "delta_k = y - t\ndelta_j = (1 - a**2) * (delta_k @ w2.T)\ndw1 = x.T @ delta_j", "wrong-activation-derivative", style="u-bishop-w1-prime-at-pre-activation-as-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer; round 39 (heldcheck39) back to wrong-activation-derivative by the lead's round-38 decision (a slope written with the activation's input where its output belongs)")
C(BP, "w2", L, r"\frac{\partial E}{\partial w_2} = z^\top (y - t)", oracle="z.T @ (y - t)", style="u-bishop-w2-latex")
C(BP, "w2", N, "δ = y − t\n∂E/∂w2 = zᵀ δ", oracle="z.T @ (y - t)", style="u-bishop-w2-greek")
NQW2 = "((a2 - y) * a2 * (1 - a2)) @ a1.T"
NQW1 = "((w2.T @ ((a2 - y) * a2 * (1 - a2))) * a1 * (1 - a1)) @ x.T"
C(NQ, "w2", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndw2 = delta2 @ a1.T", oracle=NQW2, style="u-nielsen-w2")
C(NQ, "w2", N, "delta = (a2 - y) * sigmoid_prime(z2)\nnabla_w = np.dot(delta, a1.transpose())", oracle=NQW2, style="u-nielsen-network-py")
C(NQ, "w2", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndw2 = a1 @ delta2.T", "*", style="u-nielsen-w2-layout", note="n1 x n2 for n2 x n1")
C(NQ, "w1", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndelta1 = (w2.T @ delta2) * a1 * (1 - a1)\ndw1 = delta1 @ x.T", oracle=NQW1, style="u-nielsen-w1")
C(NQ, "w1", N, "delta2 = (a2 - y) * a2 * (1 - a2)\ndelta1 = (w2.T @ delta2) * sigmoid(a1) * (1 - sigmoid(a1))\ndw1 = delta1 @ x.T", "wrong-layer", style="u-nielsen-w1-prime-at-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
C(NQ, "w2", L, r"\delta^L = (a^L - y) \odot \sigma'(z^L), \quad \frac{\partial C}{\partial w^L} = \delta^L (a^{L-1})^T", oracle=NQW2, style="u-nielsen-bp1-bp4-latex")
QD2 = "(a2 - y) / N"
QW1 = "(a1 * (1 - a1) * (W2.T @ (" + QD2 + "))) @ a0.T + lam * W1"
C(QD, "W1", N, "delta2 = (a2 - y) / N\ndelta1 = a1 * (1 - a1) * (W2.T @ delta2)\ndW1 = delta1 @ a0.T + lam * W1", "scale-factor", style="u-qiu-W1", note="first labelled correct; the loss takes np.mean over M2 x N entries: / N holds only for M2 = 1 (the checker is right)")
C(QD, "W1", N, "delta2 = (a2 - y) / N\ndelta1 = a1 * (1 - a1) * (W2.T @ delta2)\ndW1 = delta1 @ a0.T", "missing-loss-term", style="u-qiu-W1-no-decay")
C(QD, "W2", L, r"\delta^{(2)} = \frac{1}{N}(a^{(2)} - y), \quad \frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} (a^{(1)})^\top + \lambda W^{(2)}", "scale-factor", style="u-qiu-W2-latex", note="first labelled correct; the loss takes np.mean over M2 x N entries: / N holds only for M2 = 1 (the checker is right)")
C(QD, "W2", N, "delta2 = (a2 - y) / N\ndW2 = a1 @ delta2.T + lam * W2", "*", style="u-qiu-W2-layout")
XGG = "y_hat * (1 - y_hat) * (y - y_hat)"
XGE = "b * (1 - b) * ((" + XGG + ") @ w.T)"
C(XG, "w", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\ndw = -b.T @ g", oracle="-b.T @ (" + XGG + ")", style="u-xigua-w")
C(XG, "w", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\ndw = b.T @ g", "sign", oracle="b.T @ (" + XGG + ")", style="u-xigua-w-sign-from-update")
C(XG, "theta", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\ndtheta = g", oracle=XGG, style="u-xigua-theta")
C(XG, "gamma", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\ne = b * (1 - b) * (g @ w.T)\ndgamma = e", oracle=XGE, style="u-xigua-gamma")
C(XG, "v", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\ne = b * (1 - b) * (g @ w.T)\ndv = -x.T @ e", oracle="-x.T @ (" + XGE + ")", style="u-xigua-v")
C(XG, "w", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\nΔw = η * b.T @ g", REFUSE, style="u-xigua-delta-w")

C(M, "W2", N, "W2 -= lr * X.T @ (A2 - Y) / m", "wrong-layer", style="update-wrong-layer")
C(M, "W2[0,0]", V, "≈ -1.8e-1", style="hand-approx-sci-2sf")
C(M, "W2[0,0]", V, "−0.176（保留三位）", lang=Z, style="hand-zh-parenthetical")
C(M, "Z1[1,0]", V, "0.0", style="hand-zero")
C(T, "W2", N, "W2 ← W2 − η hᵀ(ŷ − y)", oracle=TW2, style="t-update-unicode")
C(T, "W2", N, "ΔW2 = -η * h.T @ (y_pred - y_target)", REFUSE, style="t-delta-update")
C(T, "W1[0,0]", V, "所以 w11 ≈ -0.0137", lang=Z, style="t-hand-zh-suoyi-label")
C(R, "w2", L, r"w_2 \leftarrow w_2 - \eta\, h_{relu}^\top \cdot 2(\hat y - y)", oracle=RW2, style="r-update-latex")
C(R, "w2", N, "w2 -= learning_rate * h.T @ (2 * (y_pred - y))", "wrong-layer", style="r-update-wrong-layer")
C(E, "w", N, "w = w - lr * (O - t) * O * (1 - O) * x.T", "*", style="n-update-x-T")
C(S, "W", N, "W = W - lr * X.T @ (P - Y)", "scale-factor", oracle="X.T @ (P - Y)", style="s-update-no-m")
C(BP, "w1", N, "dw1 = x.T @ ((1 - np.tanh(z)**2) * ((y - t) @ w2.T))", "wrong-layer", style="u-bishop-tanh-of-activation", note="first labelled wrong-activation-derivative; relabelled as corpus 5 did: the activation where its input belongs is wrong-layer")
C(NQ, "b2", N, "delta = (a2 - y) * sigmoid_prime(z2)\nnabla_b = delta", oracle="(a2 - y) * a2 * (1 - a2)", style="u-nielsen-network-py-b")
C(XG, "theta", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\ndtheta = -g", "sign", oracle="-(" + XGG + ")", style="u-xigua-theta-sign")

# ================================================================ round b (written after round a's fixes,
# before running the checker on any of these): the same forms on other networks and tensors
_round = "b"
C(M, "b2", N, "b2 -= learning_rate * np.sum(A2 - Y, axis=0, keepdims=True) / m", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="b-update-b2")
_BW1 = r"W^{[1]} \leftarrow W^{[1]} - \alpha \frac{1}{m} X^\top \left((A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\right)"
C(M, "W1", L, _BW1, oracle=W1R, style="b-update-latex-W1")
C(M, "W1", L, _BW1.replace(r" \odot \mathbb{1}[Z^{[1]} > 0]", ""), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="b-update-latex-W1-no-mask")
C(M, "b1", N, "db1 = lr * np.sum(dZ1, axis=0, keepdims=True)", "*", style="b-lr-folded-b1")
C(M, "W2", N, "所以 dW2 = A1ᵀ(A2 − Y)。", "scale-factor", oracle="A1.T @ (A2 - Y)", lang=Z, style="b-zh-suoyi-no-m")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}\sum_{i=1}^{n_{in}} a^{[1](i)\top}(a^{[2](i)} - y^{(i)})", "scale-factor", style="b-sum-bound-n_in")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{n_h}\sum_{i=1}^{m}(A^{[2]}_i - Y_i)", "scale-factor", oracle="np.sum(A2 - Y) / n_h", style="b-sum-over-n_h")
C(M, "W2", N, "dW2 = np.tensordot(A1, A2 - Y, axes=([0], [0]))", "scale-factor", oracle="A1.T @ (A2 - Y)", style="b-tensordot-no-m")
C(MW, "b2", N, "b2 -= lr * np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) / m", oracle="np.sum(" + WZ2 + ", axis=0, keepdims=True)", style="b-w-update-b2")
C(MW, "W2", N, "δ2 = (A2 - Y) / m\ndW2 = A1.T @ δ2", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="b-w-greek-unweighted")
C(T, "W2", N, "W2 = W2 - learning_rate * h.T @ (y_pred - y_target)", oracle=TW2, style="b-t-update-W2")
C(T, "W1", N, "δ = (y_pred - y_target) * W2.T * h * (1 - h)\ndW1 = X.T @ δ", oracle=TW1, style="b-t-greek")
C(T, "W1", N, "delta_h = (y_pred - y_target) * W2.T * sigmoid_prime(h)\nW1 -= lr * X.T @ delta_h", "wrong-layer", style="b-t-update-prime-of-activation")
C(T, "w21", N, "所以 ∂L/∂w21 = (y_pred − y_target)·v1·h1·(1 − h1)·x2。", lang=Z, style="b-t-zh-entry")
C(T, "W1", N, "dW1 = eta * X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))", "*", style="b-t-lr-folded")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T * (h > 0)\nw1 -= learning_rate * grad_h.T @ x", "*", style="b-r-update-transposed")
C(R, "w2", N, "w2 += learning_rate * h_relu.T @ (2 * (y - y_pred))", oracle=RW2, style="b-r-update-plus-negated")
C(R, "w1", N, "grad_w1 = np.tensordot(x, 2 * (y_pred - y) @ w2.T * (h > 0), axes=([0], [0]))", oracle=RW1, style="b-r-tensordot")
C(R, "w2", N, "答：w2 ← w2 − η·h_reluᵀ·2(y_pred − y)", oracle=RW2, lang=Z, style="b-r-zh-update")
C(E, "w", N, "w -= lr * (O - t) * sigmoid_prime(O) * x", "wrong-layer", style="b-n-update-prime-of-O")
C(E, "w", N, "δ = (O − t)·O·(1 − O)\n∂C/∂w = δ·x", oracle=EW, style="b-n-greek-maths")
C(E, "w", L, r"w := w - \alpha (O - t) O (1 - O) x", oracle=EW, style="b-n-update-colon-eq")
C(E, "w", N, "w += lr * (O - t) * O * (1 - O) * x", "sign", oracle="-(" + EW + ")", style="b-n-update-ascent")
C(CH, "b", N, "b -= lr * 2 * v", oracle="2 * v", style="b-ch-update-b")
C(CH, "x", N, "所以 dL/dx = 2v·w = 60。", oracle="2 * v * w", lang=Z, style="b-ch-zh-x")
C(CH, "w", L, r"w \leftarrow w - \eta \cdot 2v \cdot x", oracle="2 * v * x", style="b-ch-update-latex")
C(S, "b", N, "b -= lr * np.sum(P - Y, axis=0, keepdims=True) / m", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b-s-update-b")
C(S, "W", N, "dW = lr * X.T @ (P - Y) / m", "*", style="b-s-lr-folded")
C(RN, "b", N, "b -= lr * np.sum(dz_1 + dz_2, axis=0, keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="b-rn-update-b")
C(NQ, "w2", N, "delta = (a2 - y) * sigmoid_prime(a2)\nnabla_w = np.dot(delta, a1.transpose())", "wrong-layer", style="b-u-nielsen-prime-of-a2")
C(GF, "W2", N, "g = (softmax(U2) - y) / m\nW2 -= lr * (H.T @ g + 2 * lambda_ * W2)", oracle=GW2, style="b-u-gf-update-bracketed")
C(BP, "w2", N, "δ = y − t\nw2 -= η * z.T @ δ", oracle="z.T @ (y - t)", style="b-u-bishop-update-greek")
C(XG, "w", N, "g = y_hat * (1 - y_hat) * (y - y_hat)\nw += eta * b.T @ g", oracle="-b.T @ (" + XGG + ")", style="b-u-xigua-update-ascent-of-g", note="西瓜书's w ← w + Δw, Δw = η g b: the step along −∂E/∂w")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c15-{_k:03d}"


def _key(c: dict) -> tuple:
    return corpus10._key(c)


def _earlier() -> set[tuple]:
    return corpus_common.earlier_keys("corpus15", _key)


_SEEN = _earlier()
# cases that happen to repeat corpus 2-14 word for word are left out; ids stay as written
CASES: list[dict] = [c for c in _rows if _key(c) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
