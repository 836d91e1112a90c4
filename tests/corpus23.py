"""The held-out-style corpus of issue 11, twenty-third round: answers as course notes and
students write them, in forms corpora 2–22 did not use — ``np.subtract``/``np.multiply``/
``np.true_divide``/``np.matmul``/``np.square``/``np.tensordot``/``np.outer``, einsum with an
ellipsis (``'...i,...j->...ij'`` then ``.sum(axis=0)``, ``'ij,i...->j...'``), ``.mT``,
``torch.mm``/``torch.matmul(…).div(m)``, Karpathy's makemore-4 ``dlogits[range(n), Yb] -= 1;
dlogits /= n``, in-place ``/=``/``-=``, chained assignments ``a = b = …``, helper functions
(Ng's ``relu_backward`` with ``np.array(dA, copy=True)``, a default argument), lambdas, comments
and a docstring in the cell, an ``import`` line, the expectile weight ``|τ − 1(u < 0)|``,
softplus' written ``1 − exp(−softplus)``, SiLU' written through its output; LaTeX ``\\mathrm{d}``,
``\\nabla_{W}``, ``\\partial_{W}``, ``\\tfrac``/``\\dfrac``/``\\frac1m``, ``\\cdot`` for a product,
``*`` for ⊙, ``^{\\mathsf T}``, ``{A}^{\\top}``, ``\\operatorname{ReLU}'``, ``align*`` chains whose
last line is the answer, ``\\text{…}`` remarks, per-example sums in the column convention, index
notation on the right side with and without a Kronecker delta, Chinese prose ``由链式法则得``;
hand numbers as pasted (``≈``, ``-.0181``, ``−1.81e-2``, MATLAB ``[a b; c d]`` and ``[a; b]``,
``np.array(…)``, exact zeros and fractions); element-wise formulas; classic slips (a missing
transpose, the wrong layer's input, 1/m missing or doubled, MSE's factor 2, signs, σ for σ′,
a ReLU mask on the wrong tensor, a sum over the wrong axis, a binary-only weighted BCE).
Thirteen lecturer networks no earlier corpus used (tests/specs_course/hn20_*: CMU 10-414's hw0
two-layer softmax, expectile regression, fast.ai part 2's forward/backward, Flax/Optax SiLU
BCE + l2_loss, TF's weighted CE with logits and ELU, NMF through softplus, Bishop's perceptron
criterion, Kendall's uncertainty weighting, Tukey's biweight, Xigua's log-surrogate SVM,
Goodfellow's denoising autoencoder, a logistic-hazard survival model, RL names with entropy).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
and before its code was read this round (bench/RESULTS.md, "heldcheck23": the first
measurement). Built-in matrix cases carry a PyTorch oracle (tests/check_oracle.py); course-network
cases are confirmed by the spec's own text run in PyTorch (tests/spelled_oracle.py); hand numbers
were computed in PyTorch float64 and rounded by hand.
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
CM = str(COURSE / "hn20_cmu10414_hw0_nn_epoch.toml")
EX = str(COURSE / "hn20_expectile_regression.toml")
FA = str(COURSE / "hn20_fastai_p2_forward_backward.toml")
FO = str(COURSE / "hn20_flax_optax_sigmoid_bce_l2.toml")
TW = str(COURSE / "hn20_tf_weighted_ce_with_logits.toml")
NM = str(COURSE / "hn20_nmf_frobenius.toml")
BP = str(COURSE / "hn20_bishop_perceptron_criterion.toml")
KD = str(COURSE / "hn20_kendall_uncertainty_weighting.toml")
TK = str(COURSE / "hn20_tukey_biweight_regression.toml")
XS = str(COURSE / "hn20_xigua_svm_log_surrogate.toml")
GD = str(COURSE / "hn20_goodfellow_denoising_ae.toml")
LH = str(COURSE / "hn20_logistic_hazard_survival.toml")
UR = str(COURSE / "hn20_unusual_names_rl.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20 wrote them
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402

# ================================================================ mlp-bce, NumPy / PyTorch
C(M, "W2", N, "dZ2 = np.subtract(A2, Y)\ndW2 = np.matmul(A1.T, dZ2) / m", oracle=W2R, style="np-subtract-matmul")
C(M, "W2", N, "dW2 = np.true_divide(np.dot(A1.T, A2 - Y), m)", oracle=W2R, style="np-true-divide")
C(M, "W2", N, "dW2 = np.tensordot(A1, A2 - Y, axes=([0], [0])) / m", oracle=W2R, style="tensordot-axes-lists")
C(M, "W2", N, "dW2 = np.tensordot(A1, A2 - Y, axes=(0, 0))", "scale-factor", oracle="A1.T @ (A2 - Y)", style="tensordot-no-m")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.einsum('...i,...j->...ij', A1, dZ2).sum(axis=0) / m", oracle=W2R, style="einsum-ellipsis-batched-outer")
C(M, "W2", N, "dW2 = np.einsum('ij,i...->j...', A1, A2 - Y) / m", oracle=W2R, style="einsum-ellipsis-trailing")
C(M, "W2", N, "dW2 = A1.mT @ (A2 - Y) / m", oracle=W2R, style="mT")
C(M, "W2", N, "dW2 = A1.T.dot(A2 - Y) / m / m", "scale-factor", oracle="A1.T @ (A2 - Y) / m / m", style="m-doubled")
C(M, "W2", N, "dZ2 = A2 - Y\ndZ2 /= m\ndW2 = A1.T @ dZ2", oracle=W2R, style="in-place-divide")
C(M, "W2", N, "dZ2 = A2 - Y\ndZ2 /= m\ndW2 = A1.T @ dZ2 / m", "scale-factor", oracle="A1.T @ (A2 - Y) / m / m", style="in-place-divide-then-m-again")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = np.multiply(1 / m, A1.T @ dZ2)", oracle=W2R, style="np-multiply-scalar")
C(M, "W2", N, "dZ2 = delta2 = A2 - Y\ndW2 = A1.T @ delta2 / m", oracle=W2R, style="chained-assignment")
C(M, "W2", N, "dZ2 = torch.sigmoid(Z2) - Y\ndW2 = torch.mm(A1.t(), dZ2) / m", oracle=W2R, style="torch-mm")
C(M, "W2", N, "dW2 = torch.matmul(A1.T, A2 - Y).div(m)", oracle=W2R, style="torch-matmul-div")
C(M, "W2", N, "dA2 = (A2 - Y) / (A2 * (1 - A2)) / m\ndZ2 = A2 * (1 - A2) * dA2\ndW2 = A1.T @ dZ2", oracle=W2R, style="karpathy-dA2-collected")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = dZ2.T @ A1 / m", "*", style="transposed-result")
C(M, "W2", N, "def linear_backward(dZ, A_prev, m=m):\n    return A_prev.T @ dZ / m\ndW2 = linear_backward(A2 - Y, A1)", oracle=W2R, style="helper-default-argument")
C(M, "W2", N, "import numpy as np\ndW2 = np.dot(A1.T, (A2 - Y)) / m", oracle=W2R, style="import-line")
C(M, "W2", N, "dZ2 = A2 - Y  # sigmoid + BCE cancel\ndW2 = 2 * A1.T @ dZ2 / m  # MSE habit", "scale-factor", oracle="2 * A1.T @ (A2 - Y) / m", style="mse-factor-2-with-comments")
C(M, "b2", N, "db2 = np.sum(A2 - Y, axis=0, keepdims=True) * (1.0 / m)", oracle=B2R, style="b2-times-reciprocal")
C(M, "b2", N, "dZ2 = A2 - Y\ndb2 = np.mean(dZ2, axis=0, keepdims=True) / m", "scale-factor", oracle=B2R + " / m", style="b2-mean-and-m")
C(M, "b2", N, "db2 = np.reciprocal(float(m)) * np.sum(A2 - Y, axis=0, keepdims=True)", oracle=B2R, style="np-reciprocal")
C(M, "W1", N, "dA1 = np.dot(A2 - Y, W2.T)\ndZ1 = np.multiply(dA1, (A1 > 0).astype(np.float64))\ndW1 = np.dot(X.T, dZ1) / m", oracle=W1R, style="astype-float64")
C(M, "W1", N, "relu_grad = lambda z: (z > 0).astype(float)\ndZ1 = (A2 - Y) @ W2.T * relu_grad(Z1)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="lambda-relu-grad")
C(M, "W1", N, "def relu_backward(dA, Z):\n    dZ = np.array(dA, copy=True)\n    dZ[Z <= 0] = 0\n    return dZ\ndZ1 = relu_backward((A2 - Y) @ W2.T, Z1)\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="ng-relu-backward-helper")
C(M, "W1", N, '"""Backprop through the hidden ReLU layer."""\ndZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m  # first layer', oracle=W1R, style="docstring-and-comment")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (A2 > 0)\ndW1 = X.T @ dZ1 / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (A2 > 0)) / m", style="mask-on-output")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X @ dZ1 / m", "missing-transpose", oracle="X @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="X-not-transposed")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * A1 * (1 - A1)\ndW1 = X.T @ dZ1 / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="sigmoid-prime-on-relu")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T\ndZ1 *= Z1 > 0\ndW1 = X.T @ dZ1 / m", oracle=W1R, style="in-place-times-mask")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = A1.T @ dZ1 / m", "*", oracle="A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="A1-for-X")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=0, keepdims=True) / m", oracle=B1R, style="b1-keepdims")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.sum(dZ1, axis=1, keepdims=True) / m", "*", style="b1-axis1-keepdims")
C(M, "b1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.mean(dZ1, axis=0, keepdims=True) / m", "scale-factor", oracle=B1R + " / m", style="b1-mean-and-m")

# ================================================================ mlp-bce, LaTeX
C(M, "W2", L, r"\mathrm{d}W^{[2]} = \frac1m A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="mathrm-d-frac1m")
C(M, "W2", L, r"\nabla_{W^{[2]}}\mathcal{L} = \tfrac{1}{m}\,A^{[1]\mathsf T}\left(A^{[2]} - Y\right)", oracle=W2R, style="nabla-tfrac-mathsf")
C(M, "W2", L, r"\partial_{W^{[2]}} L = \dfrac{1}{m} {A^{[1]}}^{\top} (A^{[2]} - Y)", oracle=W2R, style="partial-sub-dfrac-braced-top")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \cdot A^{[1]T} \cdot \left(A^{[2]} - Y\right)", oracle=W2R, style="cdot-products")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{2}{m} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="2 * A1.T @ (A2 - Y) / m", style="latex-mse-2")
C(M, "W2", L, r"\begin{align*} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]} \\ &= \frac{1}{m} A^{[1]T}(A^{[2]} - Y) \end{align*}", oracle=W2R, style="align-star-continued")
C(M, "W2", L, r"\begin{align*} \frac{\partial L}{\partial W^{[2]}} &= A^{[1]\top} \frac{\partial L}{\partial Z^{[2]}} \\ &= A^{[1]\top}(A^{[2]} - Y) \end{align*}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="align-star-last-line-drops-m")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} * \mathbb{1}(Z^{[1]} > 0)\right]", oracle=W1R, style="star-for-hadamard")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \operatorname{ReLU}'(Z^{[1]})\right]", oracle=W1R, style="operatorname-relu-prime")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}(A^{[2]} > 0)\right]", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (A2 > 0)) / m", style="latex-mask-on-output")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot A^{[1]}\right]", "*", oracle="X.T @ ((A2 - Y) @ W2.T * A1) / m", style="latex-activation-for-mask")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{m}\left(a^{[2](i)} - y^{(i)}\right) \text{ (a sum over the batch)}", oracle=B2R, style="text-remark")
C(M, "W2", L, r"由链式法则得 $\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} (A^{[1]})^{\mathsf{T}} (A^{[2]} - Y)$。", lang=Z, oracle=W2R, style="zh-chain-rule")
C(M, "W2", L, r"由链式法则得 $dW^{[2]} = \frac{1}{m} (A^{[2]} - Y)^{\top} A^{[1]}$", "*", lang=Z, style="zh-transposed-result")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m}\mathbf{1}^{\top}\left[(A^{[2]} - Y)W^{[2]\top} \odot \mathbb{1}\{Z^{[1]} > 0\}\right]", oracle=B1R, style="b1-ones-row")

# ================================================================ mlp-bce, hand numbers (W1 = [[-0.0979352, 0.135636], [-0.195870, 0.0790850]], b1 = [[-0.0979352, -0.0181135]], W2 = [[-0.176283], [-0.00898499]], b2 = 0.0603782)
C(M, "b1[0,1]", V, "≈ -0.0181", style="v-approx")
C(M, "b1[0,1]", V, "-.0181", style="v-leading-dot")
C(M, "b1[0,1]", V, "−1.81e-2", style="v-unicode-minus-sci")
C(M, "b1[0,1]", V, "0.0181", "sign", style="v-b1-sign")
C(M, "b1[0,1]", V, "-0.0362", "scale-factor", style="v-b1-doubled")
C(M, "W2", V, "[-0.1763; -0.0090]", style="v-matlab-column")
C(M, "W2", V, "[-0.1763, -0.0090]", "*", style="v-W2-as-row")
C(M, "W2[1,0]", V, "-0.00898", style="v-W2-3sf")
C(M, "W2[1,0]", V, "-0.009", "too-few-digits", style="v-W2-1sf")
C(M, "W1[1,1]", V, "0.07908", style="v-W1-4sf")
C(M, "W1", V, "[-0.0979 0.1356; -0.1959 0.0791]", style="v-W1-matlab")
C(M, "W1", V, "np.array([[-0.0979, 0.1356], [-0.1959, 0.0791]])", style="v-W1-np-array")
C(M, "b2[0,0]", V, "0.06038", style="v-b2-4sf")
C(M, "b2[0,0]", V, "-0.0604", "sign", style="v-b2-sign")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "dZ2 = (A2 - Y) * (w * Y + 1 - Y)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", style="w-factored-binary-only")
C(MW, "W2", N, "dZ2 = np.where(Y == 1, w * (A2 - 1), A2)\ndW2 = A1.T @ dZ2 / m", "weighted-loss-not-simplifiable", style="w-where-binary-only")
C(MW, "W2", N, "dZ2 = A2 - w * Y + (w - 1) * Y * A2\ndW2 = A1.T @ dZ2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-expanded")
C(MW, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)", oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="w-b2-mean")
C(MW, "W2", N, "dW2 = A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / (m * w)", "*", oracle=f"A1.T @ {WDZ} / (m * w)", style="w-normalised-by-w")
C(MW, "W1", N, "dZ2 = (1 - Y) * A2 - w * Y * (1 - A2)\ndZ1 = dZ2 @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m", oracle=f"X.T @ ({WDZ} @ W2.T * (Z1 > 0)) / m", style="w-W1")
C(MW, "W1", N, "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndW1 = X.T @ dZ1 / m", "*", oracle=W1R, style="w-W1-unweighted")
C(MW, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}\left[(1 - Y) \odot A^{[2]} - w\, Y \odot (1 - A^{[2]})\right]", oracle=f"A1.T @ {WDZ} / m", style="w-latex")
C(MW, "W2[1,0]", V, "-0.3069", style="v-w-W2-10")
C(MW, "b2[0,0]", V, "-0.364", style="v-w-b2-3sf")
C(MW, "W1[0,1]", V, "0.2649", style="v-w-W1-01")
C(MW, "W1[0,1]", V, "0.0883", "*", style="v-w-W1-divided-by-w")

# ================================================================ tiny-mlp
C(T, "W2", N, "dy = y_pred - y_target\ndW2 = np.matmul(h.T, dy)", oracle=TW2, style="t-np-matmul")
C(T, "W2", N, "dW2 = np.outer(h, y_pred - y_target)", oracle=TW2, style="t-np-outer")
C(T, "W1", N, "dW1 = np.outer(X, (y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="t-np-outer-W1")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T * (h - np.square(h)))", oracle=TW1, style="t-np-square")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T * (np.square(h) - h))", "sign", oracle=f"-({TW1})", style="t-np-square-sign")
C(T, "W1", N, "sigma_prime = lambda z: sigmoid(z) * (1 - sigmoid(z))\ndW1 = X.T @ ((y_pred - y_target) * W2.T * sigma_prime(h_raw))", oracle=TW1, style="t-lambda-sigma-prime")
C(T, "W1", N, "sigma_prime = lambda z: sigmoid(z) * (1 - sigmoid(z))\ndW1 = X.T @ ((y_pred - y_target) * W2.T * sigma_prime(h))", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="t-sigma-prime-of-h")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) * W2.T * sigmoid(h_raw))", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * sigmoid(h_raw))", style="t-sigma-for-sigma-prime")
C(T, "W1", N, "dW1 = np.dot(X.T, np.multiply((y_target - y_pred) * W2.T, h * (1 - h)))", "sign", oracle=f"-({TW1})", style="t-np-multiply-sign")
C(T, "W2", N, "dW2 = h_raw.T @ (y_pred - y_target) * h.T * (1 - h.T)", "*", style="t-W2-extra-sigma-prime")
C(T, "w12", N, "x1 * h2 * (1 - h2) * v2 * (y_pred - y_target)", style="e-t-w12-reordered")
C(T, "v1", N, "(y_pred - y_target) * h1", style="e-t-v1")
C(T, "v1", N, "(y_pred - y_target) * h1 * (1 - h1)", "*", style="e-t-v1-extra-sigma-prime")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "wrong-entry", style="e-t-w21-gets-w11")
C(T, "v2", L, r"\frac{\partial L}{\partial v_{2}} = (y_{pred} - y_{target})\,h_{2}", style="e-t-v2-latex")
C(T, "W1[0,0]", V, "-1.367e-2", style="v-t-sci-4sf")
C(T, "W2[0,0]", V, "−0.1139", style="v-t-W2-unicode-minus")
C(T, "W2", V, "[[-0.1139], [-0.1172]]", style="v-t-W2-column")
C(T, "W1[0,1]", V, "-0.0163", style="v-t-W1-01")
C(T, "W1[0,1]", V, "-0.0327", "scale-factor", style="v-t-W1-01-doubled")
C(T, "W1[1,0]", V, "-0.0027", style="v-t-W1-10-2sf")
C(T, "W1[1,0]", V, "0.00273", "sign", style="v-t-W1-10-sign")

# ================================================================ neuron
C(E, "w", N, "dw = np.multiply((O - t) * O * (1 - O), x)", oracle=EW, style="n-np-multiply")
C(E, "w", N, "dw = np.dot((O - t) * O * (1 - O), x)", oracle=EW, style="n-np-dot-1x1")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle=f"2 * {EW}", style="n-mse-2")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * w", "*", oracle="(O - t) * O * (1 - O) * w", style="n-w-for-x")
C(E, "w", N, "dw = (O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", "*", oracle="(O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", style="n-sigma-prime-of-O")
C(E, "w", N, "err = O - t\ndz = err * O\ndz *= 1 - O\ndw = dz * x", oracle=EW, style="n-in-place-times")
C(E, "w", L, r"\nabla_{\mathbf{w}} L = (O - t)\,\sigma'(z)\,\mathbf{x}", oracle=EW, style="n-sigma-prime-z")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma(z)\,\mathbf{x}", "*", oracle="(O - t) * O * x", style="n-sigma-for-sigma-prime")
C(E, "w2", N, "(O - t) * O * (1 - O) * x2", style="e-n-w2")
C(E, "w[0,0]", V, "-0.06123", style="v-n-4sf")
C(E, "w[0,0]", V, "-6.12e-2", style="v-n-sci")
C(E, "w[0,1]", V, "≈ −0.0367", style="v-n-approx-unicode")
C(E, "w", V, "[-0.0612, -0.0367, -0.0245]", style="v-n-row-list")
C(E, "w", V, "[-0.0612, -0.0367, 0.0245]", "*", style="v-n-row-list-one-sign")

# ================================================================ chain: L = (w x + b)^2, dL/dw = 40, dL/db = 20
C(CH, "w", N, "dL_dv = 2 * v\ndL_du = dL_dv\ndw = dL_du * x", oracle="2 * v * x", style="ch-named-steps")
C(CH, "b", N, "db = 2 * u", "*", oracle="2 * u", style="ch-b-u-for-v")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = 2v\,x", oracle="2 * v * x", style="ch-mathrm-d")
C(CH, "b", L, r"\frac{dL}{db} = 2\left(wx + b\right)", oracle="2 * v", style="ch-b-spelled")
C(CH, "w", V, "40.0", style="v-ch-40.0")
C(CH, "b", V, "2e1", style="v-ch-b-sci")
C(CH, "b", V, "19.99", "*", style="v-ch-b-near-exact")

# ================================================================ relu-mlp
C(R, "w2", N, "grad_w2 = np.dot(np.transpose(h_relu), 2 * (y_pred - y))", oracle=RW2, style="r-np-transpose")
C(R, "w2", N, "grad_w2 = np.einsum('ni,nj->ij', h_relu, 2 * (y_pred - y))", oracle=RW2, style="r-einsum")
C(R, "w2", N, "grad_w2 = h_relu.T @ (2 * (y_pred - y)) / n", "scale-factor", oracle=RW2 + " / n", style="r-sse-as-mean")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * np.sign(h_relu))", oracle=RW1, style="r-sign-of-relu")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="r-activation-for-mask")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-mask-forgotten")
C(R, "w1", N, "grad_h = 2 * (y_pred - y) @ w2.T\ngrad_h -= grad_h * (h <= 0)\ngrad_w1 = x.T @ grad_h", oracle=RW1, style="r-in-place-minus-mask")
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = x^{\top}\left(2(\hat{y} - y)w_2^{\top} \odot \mathbb{1}[h > 0]\right)", oracle=RW1, style="r-latex-hat-y")
C(R, "w1[0,1]", V, "0.2411", style="v-r-w1-01")
C(R, "w1[2,1]", V, "0.0", style="v-r-w1-exact-zero")
C(R, "w2[2,1]", V, "-2.036", style="v-r-w2-21")
C(R, "w2[2,1]", V, "-4.073", "scale-factor", style="v-r-w2-21-doubled")

# ================================================================ softmax-regression
C(S, "W", N, "dZ = F.softmax(Z, 1)\ndZ[range(m), Y.argmax(1)] -= 1\ndZ /= m\ndW = X.T @ dZ", oracle=SW, style="s-karpathy-makemore")
C(S, "W", N, "dlogits = F.softmax(Z, 1)\ndlogits[range(m), Y.argmax(1)] -= 1\ndW = X.T @ dlogits", "scale-factor", oracle="X.T @ (P - Y)", style="s-karpathy-no-n")
C(S, "W", N, "dZ = np.exp(Z) / np.sum(np.exp(Z), axis=1, keepdims=True)\ndZ -= Y\ndW = X.T @ dZ / m", oracle=SW, style="s-in-place-minus-Y")
C(S, "W", N, "dW = -np.dot(X.T, Y - P) / m", oracle=SW, style="s-minus-Y-minus-P")
C(S, "W", N, "dW = X.T @ (P * (1 - P)) / m", "*", oracle="X.T @ (P * (1 - P)) / m", style="s-sigmoid-habit")
C(S, "W", N, "dW = X.T @ (P - 1) / m", "*", oracle="X.T @ (P - 1) / m", style="s-P-minus-one-everywhere")
C(S, "b", N, "db = np.mean(np.subtract(P, Y), axis=0)", oracle=SB, style="s-b-mean-subtract")
C(S, "b", N, "db = np.mean(P - Y, axis=1, keepdims=True)", "*", style="s-b-axis1-keepdims")
C(S, "W", L, r"\nabla_W L = \frac{1}{m}\sum_{i=1}^{m} x^{(i)}\left(p^{(i)} - y^{(i)}\right)^{\top}", oracle=SW, style="s-column-convention-sum")
C(S, "W", L, r"\frac{\partial L}{\partial W_{jk}} = \frac{1}{m}\sum_{i=1}^{m} x_{ij}\left(p_{ik} - y_{ik}\right)", oracle=SW, style="s-index-notation-right")
C(S, "b", L, r"\frac{\partial L}{\partial b_{k}} = \frac{1}{m}\sum_{i=1}^{m}\left(p_{ik} - \sum_{c} y_{ic}\,\delta_{ck}\right)", oracle=SB, style="s-kronecker-b")
C(S, "W", L, r"\frac{\partial L}{\partial W_{jk}} = \frac{1}{m}\sum_{i=1}^{m} x_{ij}\left(p_{ik} - \delta_{jk}\right)", "*", style="s-kronecker-wrong-index")
C(S, "b", L, r"由链式法则得 $\nabla_{b} L = \frac{1}{m}\mathbf{1}^{\top}(P - Y)$", lang=Z, oracle=SB, style="zh-s-b-ones")
C(S, "W[0,1]", V, "-0.09027", style="v-s-W01")
C(S, "b[0,0]", V, "-0.0735", style="v-s-b00")
C(S, "b[0,0]", V, "-0.1469", "scale-factor", style="v-s-b00-doubled")
C(S, "b", V, "[-0.0735, 0.3709, -0.2975]", style="v-s-b-list")
C(S, "W", V, "[[0.5849, 0.3468], [-0.0903, 0.3960], [-0.4946, -0.7428]]", "*", style="v-s-W-transposed")

# ================================================================ batchnorm, rnn, attention
BN_DY = "(2 * (Y - T) / (m * n))"
BN_DZH = f"({BN_DY} * gamma)"
C(B, "beta", N, "dY = 2 * (Y - T) / Y.size\ndbeta = np.sum(dY, axis=0, keepdims=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-beta-Y-size")
C(B, "gamma", N, "dgamma = np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0)", oracle=f"np.sum({BN_DY} * Z_hat, axis=0)", style="b-gamma-1d")
C(B, "gamma", N, "dgamma = np.sum(2 * (Y - T) / (m * n) * Z_c, axis=0)", "*", oracle=f"np.sum({BN_DY} * Z_c, axis=0)", style="b-gamma-centred")
C(B, "beta", N, "dbeta = np.mean(2 * (Y - T), axis=0, keepdims=True)", "scale-factor", oracle="np.mean(2 * (Y - T), axis=0, keepdims=True)", style="b-beta-mean-over-m-only")
C(B, "W", N, "dZ_hat = 2 * (Y - T) / (m * n) * gamma\ndZ = (1 / m) / np.sqrt(var + eps) * (m * dZ_hat - dZ_hat.sum(0) - Z_hat * (dZ_hat * Z_hat).sum(0))\ndW = X.T @ dZ", oracle=f"X.T @ (({BN_DZH} - {BN_DZH}.mean(0, keepdims=True) - Z_hat * ({BN_DZH} * Z_hat).mean(0, keepdims=True)) / np.sqrt(var + eps))", style="b-W-compact-ioffe")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \frac{2}{mn}\sum_{i=1}^{m}\left(y^{(i)} - t^{(i)}\right)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-latex-per-example")
C(B, "gamma[0,1]", V, "1.264", style="v-b-gamma-01")
C(B, "beta[0,0]", V, "0.1", style="v-b-beta-exact-1sf")
C(B, "beta[0,0]", V, "1/10", style="v-b-beta-fraction")
R2_D2 = "((h_2 - y) * (1 - h_2 ** 2))"
R2_D1 = f"({R2_D2} @ W_h.T * (1 - h_1 ** 2))"
C(R2, "b", N, "dz2 = (h_2 - y) * (1 - np.square(h_2))\ndz1 = (dz2 @ W_h.T) * (1 - np.square(h_1))\ndb = np.sum(dz1 + dz2, axis=0, keepdims=True)", oracle=f"np.sum({R2_D1} + {R2_D2}, axis=0, keepdims=True)", style="rnn-b-np-square")
C(R2, "W_h", N, "dz2 = (h_2 - y) * (1 - np.square(h_2))\ndW_h = h_1.T @ dz2", "missing-path", oracle=f"h_1.T @ {R2_D2}", style="rnn-Wh-last-step")
C(R2, "W_x", N, "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz1 + x_2.T @ dz2", "*", oracle=f"x_1.T @ ({R2_D2} @ W_h * (1 - h_1 ** 2)) + x_2.T @ {R2_D2}", style="rnn-Wh-not-transposed")
C(R2, "W_h", L, r"\frac{\partial L}{\partial W_h} = h_1^{\top}\delta_2 + h_0^{\top}\delta_1 \text{ with } \delta_2 = (h_2 - y)\odot(1 - h_2 \odot h_2),\ \delta_1 = (\delta_2 W_h^{\top})\odot(1 - h_1 \odot h_1)", oracle=f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}", style="rnn-latex-with")
C(R2, "W_h[0,1]", V, "0.2192", style="v-rnn-Wh-01")
C(R2, "b[0,1]", V, "-0.5557", "sign", style="v-rnn-b-sign")
C(R2, "W_x", V, "[[-0.1912, 0.2924], [0.0150, 0.5119]]", style="v-rnn-Wx-list")
AT_DO = "(2 * (O - T) / (n * d))"
AT_DA = f"({AT_DO} @ V.T)"
AT_DS = f"(A * ({AT_DA} - ({AT_DA} * A).sum(1, keepdims=True)))"
C(A, "W_v", N, "dO = 2 * (O - T) / np.size(O)\ndV = A.T @ dO\ndW_v = X.T @ dV", oracle=f"X.T @ (A.T @ {AT_DO})", style="a-Wv-np-size")
C(A, "W_v", N, "dW_v = X.T @ A @ (2 * (O - T) / (n * d))", "*", oracle=f"X.T @ A @ {AT_DO}", style="a-Wv-A-not-transposed")
C(A, "W_v", N, "dW_v = X.T @ A.T @ (O - T) / (n * d)", "scale-factor", oracle="X.T @ A.T @ (O - T) / (n * d)", style="a-Wv-no-2")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.T\ndS = A * (dA - np.sum(dA * A, axis=-1, keepdims=True))\ndW_q = X.T @ dS @ K * d ** -0.5", oracle=f"X.T @ ({AT_DS} @ K / np.sqrt(d))", style="a-Wq-d-power")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.T\ndS = A * (dA - np.sum(dA * A, axis=0, keepdims=True))\ndW_q = X.T @ dS @ K * d ** -0.5", "*", oracle=f"X.T @ ((A * ({AT_DA} - ({AT_DA} * A).sum(0, keepdims=True))) @ K / np.sqrt(d))", style="a-Wq-softmax-axis0")
C(A, "W_v[1,1]", V, "0.3761", style="v-a-Wv-11")
C(A, "W_q[0,0]", V, "-3.86e-3", style="v-a-Wq-sci")
C(A, "W_k[1,0]", V, "0.0107", "scale-factor", style="v-a-Wk-doubled")

# ================================================================ CMU 10-414 hw0: relu two-layer softmax (hand-written normalize)
CM_DZ = "((np.exp(Z) / np.exp(Z).sum(1, keepdims=True) - Iy) / batch)"
CM_W1 = f"X.T @ ({CM_DZ} @ W2.T * (Z1 > 0))"
C(CM, "W2", N, "G2 = np.exp(Z1 @ W2)\nG2 = G2 / np.sum(G2, axis=1, keepdims=True) - Iy\ndW2 = Z1.T @ G2 / batch", oracle=f"Z1.T @ {CM_DZ}", style="cm-W2-normalize-reassigned")
C(CM, "W2", N, "G2 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Iy\ndW2 = Z1.T @ G2", "scale-factor", oracle=f"Z1.T @ {CM_DZ} * batch", style="cm-W2-no-batch")
C(CM, "W2", N, "G2 = np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True) - Iy\ndW2 = Z1.T @ G2 / batch", "*", oracle="Z1.T @ (np.exp(Z) / np.exp(Z).sum(0, keepdims=True) - Iy) / batch", style="cm-W2-normalize-axis0")
C(CM, "W1", N, "G2 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Iy\nG1 = (Z1 > 0) * (G2 @ W2.T)\ndW1 = X.T @ G1 / batch", oracle=CM_W1, style="cm-W1-hw0")
C(CM, "W1", N, "G2 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Iy\nG1 = (X @ W1 > 0) * (G2 @ W2.T)\ndW1 = X.T @ G1 / batch", oracle=CM_W1, style="cm-W1-mask-from-pre")
C(CM, "W1", N, "G2 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Iy\nG1 = G2 @ W2.T\ndW1 = X.T @ G1 / batch", "missing-activation-derivative", oracle=f"X.T @ ({CM_DZ} @ W2.T)", style="cm-W1-mask-forgotten")
C(CM, "W1", N, "G2 = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Iy\nG1 = (Z1 > 0) * (G2 @ W2)\ndW1 = X.T @ G1 / batch", "*", style="cm-W1-W2-not-transposed")
C(CM, "W2", L, r"\nabla_{W_2}\ell = \frac{1}{m} Z_1^{\top}\left(\mathrm{softmax}(Z_1 W_2) - I_y\right)", oracle=f"Z1.T @ {CM_DZ}", style="cm-latex-W2")
C(CM, "W1[1,4]", V, "-0.4021", style="v-cm-W1-14")
C(CM, "W2[4,2]", V, "0.2540", style="v-cm-W2-42")

# ================================================================ expectile regression (τ = 0.7)
EX_W = "-2 * states.T @ (weight * diff) / B"
C(EX, "w", N, "dw = -2 * states.T @ (weight * diff) / B", oracle=EX_W, style="ex-w")
C(EX, "w", N, "dw = 2 * states.T @ (weight * diff) / B", "sign", oracle=f"-({EX_W})", style="ex-w-sign")
C(EX, "w", N, "dw = -2 * states.T @ diff / B", "*", oracle="-2 * states.T @ diff / B", style="ex-w-weight-forgotten")
C(EX, "w", N, "dw = -states.T @ (weight * diff) / B", "scale-factor", oracle="-states.T @ (weight * diff) / B", style="ex-w-no-2")
C(EX, "w", N, "tau_w = np.abs(expectile - (diff < 0))\ndw = -2 * states.T @ (tau_w * diff) / B", oracle=EX_W, style="ex-w-abs-tau-indicator")
C(EX, "w", N, "wt = np.where(diff > 0, 1 - expectile, expectile)\ndw = -2 * states.T @ (wt * diff) / B", "*", oracle="-2 * states.T @ (np.where(diff > 0, 1 - expectile, expectile) * diff) / B", style="ex-w-tau-swapped")
C(EX, "b", N, "db = -2 * np.mean(weight * diff)", oracle="-2 * np.mean(weight * diff)", style="ex-b-mean")
C(EX, "w[0,0]", V, "0.4902", style="v-ex-w00")
C(EX, "b[0]", V, "-0.5764", style="v-ex-b")

# ================================================================ fast.ai part 2: forward/backward by hand (.g attributes)
FA_D = "(2 * (out - y_train[:, None]) / n)"
FA_L1 = f"({FA_D} @ w2.T * (l1 > 0))"
C(FA, "w2", N, "out.g = 2. * (out.squeeze() - y_train).unsqueeze(-1) / x_train.shape[0]\nw2.g = l2.t() @ out.g", oracle=f"l2.T @ {FA_D}", style="fa-w2-squeeze-unsqueeze")
C(FA, "w2", N, "out.g = (out[:, 0] - y_train)[:, None] / n\nw2.g = l2.t() @ out.g", "scale-factor", oracle="l2.T @ ((out - y_train[:, None]) / n)", style="fa-w2-no-2")
C(FA, "w2", N, "out.g = 2 * (out[:, 0] - y_train)[:, None] / m\nw2.g = l2.t() @ out.g", "scale-factor", oracle=f"l2.T @ {FA_D} * n / m", style="fa-w2-m-for-n")
C(FA, "w1", N, "out.g = 2. * (out.squeeze() - y_train).unsqueeze(-1) / n\nl2.g = out.g @ w2.t()\nl1.g = l2.g * (l1 > 0).float()\nw1.g = x_train.t() @ l1.g", "relu-at-zero", style="fa-w1-chain", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy, as corpus 18's fl-w1-float-mask (relabelled after the first run; no oracle: the example point has no zero)")
C(FA, "w1", N, "out.g = 2. * (out.squeeze() - y_train).unsqueeze(-1) / n\nl1.g = (l2 > 0).float() * (out.g @ w2.t())\nw1.g = x_train.t() @ l1.g", "relu-at-zero", style="fa-w1-mask-from-l2", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy, as corpus 18's fl-w1-float-mask (relabelled after the first run; no oracle: the example point has no zero)")
C(FA, "w1", N, "out.g = 2. * (out.squeeze() - y_train).unsqueeze(-1) / n\nl1.g = out.g @ w2.t()\nw1.g = x_train.t() @ l1.g", "missing-activation-derivative", oracle=f"x_train.T @ ({FA_D} @ w2.T)", style="fa-w1-mask-forgotten")
C(FA, "b1", N, "out.g = 2. * (out.squeeze() - y_train).unsqueeze(-1) / n\nl1.g = (l1 > 0).float() * (out.g @ w2.t())\nb1.g = l1.g.sum(0)", "relu-at-zero", style="fa-b1", note="first labelled right; the spec's ReLU is PyTorch's clamp_min(0.), whose gradient at exactly 0 is 1, so (l1 > 0) differs from PyTorch where l1 = 0: the README's relu-at-zero policy, as corpus 18's fl-w1-float-mask (relabelled after the first run; no oracle: the example point has no zero)")
C(FA, "w2", N, "out.g = 2. * (out.squeeze() - y_train).unsqueeze(-1) / n\nw2.g = out.g.t() @ l2", "*", style="fa-w2-transposed")
C(FA, "w2[3,0]", V, "-0.8736", style="v-fa-w2-30")
C(FA, "b2[0]", V, "-0.576", style="v-fa-b2")

# ================================================================ Flax/Optax: SiLU hidden layer, sigmoid BCE + wd * l2_loss(kernel1)
FO_D = "((sigmoid(logits) - labels) / batch)"
FO_PRE = "(x @ kernel1 + bias1)"
FO_SP = f"(sigmoid({FO_PRE}) * (1 + {FO_PRE} * (1 - sigmoid({FO_PRE}))))"
FO_K1 = f"x.T @ ({FO_D} @ kernel2.T * {FO_SP})"
C(FO, "kernel2", N, "dlogits = (jax.nn.sigmoid(logits) - labels) / batch\ndkernel2 = h.T @ dlogits", oracle=f"h.T @ {FO_D}", style="fo-kernel2")
C(FO, "kernel2", N, "dkernel2 = h.T @ (jax.nn.sigmoid(logits) - labels)", "scale-factor", oracle="h.T @ (sigmoid(logits) - labels)", style="fo-kernel2-no-mean")
C(FO, "kernel1", N, "pre = x @ kernel1 + bias1\ns = jax.nn.sigmoid(pre)\ndlogits = (jax.nn.sigmoid(logits) - labels) / batch\ndpre = dlogits @ kernel2.T * (s + h * (1 - s))\ndkernel1 = x.T @ dpre + wd * kernel1", oracle=f"{FO_K1} + wd * kernel1", style="fo-kernel1-silu-prime-from-output")
C(FO, "kernel1", N, "pre = x @ kernel1 + bias1\ns = jax.nn.sigmoid(pre)\ndlogits = (jax.nn.sigmoid(logits) - labels) / batch\ndpre = dlogits @ kernel2.T * (s + h * (1 - s))\ndkernel1 = x.T @ dpre", "missing-loss-term", oracle=FO_K1, style="fo-kernel1-l2-forgotten")
C(FO, "kernel1", N, "pre = x @ kernel1 + bias1\ns = jax.nn.sigmoid(pre)\ndlogits = (jax.nn.sigmoid(logits) - labels) / batch\ndpre = dlogits @ kernel2.T * (s + h * (1 - s))\ndkernel1 = x.T @ dpre + 2 * wd * kernel1", "loss-term-factor", oracle=f"{FO_K1} + 2 * wd * kernel1", style="fo-kernel1-l2-loss-half-forgotten")
C(FO, "kernel1", N, "pre = x @ kernel1 + bias1\ndlogits = (jax.nn.sigmoid(logits) - labels) / batch\ndpre = dlogits @ kernel2.T * jax.nn.sigmoid(pre)\ndkernel1 = x.T @ dpre + wd * kernel1", "*", oracle=f"x.T @ ({FO_D} @ kernel2.T * sigmoid({FO_PRE})) + wd * kernel1", style="fo-kernel1-silu-prime-as-sigmoid")
C(FO, "bias2", N, "dbias2 = jnp.mean(jax.nn.sigmoid(logits) - labels, axis=0)", oracle=f"{FO_D}.sum(0)", style="fo-bias2")
C(FO, "kernel2[1,0]", V, "0.2004", style="v-fo-kernel2-10")
C(FO, "bias2[0]", V, "0.1973", style="v-fo-bias2")

# ================================================================ TF weighted CE with logits (pos_weight = 3), ELU hidden layer
TW_D = "(((1 - y) * sigmoid(logits) - pos_weight * y * (1 - sigmoid(logits))) / (n * L))"
TW_DH = f"({TW_D} @ W2.T * np.where(x @ W1 + b1 > 0, 1.0, np.exp(x @ W1 + b1)))"
C(TW, "W2", N, "p = tf.sigmoid(logits)\ndlogits = ((1 - y) * p - pos_weight * y * (1 - p)) / (n * L)\ndW2 = tf.matmul(h1, dlogits, transpose_a=True)", oracle=f"h1.T @ {TW_D}", style="tw-W2")
C(TW, "W2", N, "p = tf.sigmoid(logits)\ndlogits = ((1 - y) * p - pos_weight * y * (1 - p)) / n\ndW2 = tf.matmul(h1, dlogits, transpose_a=True)", "scale-factor", oracle=f"h1.T @ {TW_D} * L", style="tw-W2-mean-over-n-only")
C(TW, "W2", N, "dlogits = (tf.sigmoid(logits) - y) / (n * L)\ndW2 = tf.transpose(h1) @ dlogits", "*", oracle="h1.T @ ((sigmoid(logits) - y) / (n * L))", style="tw-W2-unweighted")
C(TW, "W2", N, "p = tf.sigmoid(logits)\ndlogits = (pos_weight * (1 - y) * p - y * (1 - p)) / (n * L)\ndW2 = tf.transpose(h1) @ dlogits", "*", oracle="h1.T @ ((pos_weight * (1 - y) * sigmoid(logits) - y * (1 - sigmoid(logits))) / (n * L))", style="tw-W2-weight-on-negatives")
C(TW, "W1", N, "p = tf.sigmoid(logits)\ndlogits = ((1 - y) * p - pos_weight * y * (1 - p)) / (n * L)\ndh1 = dlogits @ tf.transpose(W2)\ndW1 = tf.transpose(x) @ (dh1 * tf.where(h1 > 0, 1.0, h1 + 1.0))", oracle=f"x.T @ {TW_DH}", style="tw-W1-elu-from-output")
C(TW, "b1", N, "p = tf.sigmoid(logits)\ndlogits = ((1 - y) * p - pos_weight * y * (1 - p)) / (n * L)\ndh1 = dlogits @ tf.transpose(W2)\ndb1 = tf.reduce_sum(dh1 * tf.where(h1 > 0, 1.0, h1 + 1.0), axis=0)", oracle=f"{TW_DH}.sum(0)", style="tw-b1")
C(TW, "W2[1,1]", V, "-0.3488", style="v-tw-W2-11")

# ================================================================ NMF through softplus: ||V - W H||_F^2
NM_W = "-2 * ((V - W @ H) @ H.T) * sigmoid(W_raw)"
NM_H = "-2 * (W.T @ (V - W @ H)) * sigmoid(H_raw)"
C(NM, "W_raw", N, "R = V - W @ H\ndW_raw = -2 * (R @ H.T) * sigmoid(W_raw)", oracle=NM_W, style="nm-W")
C(NM, "W_raw", N, "R = V - W @ H\ndW_raw = -2 * (R @ H.T)", "*", oracle="-2 * ((V - W @ H) @ H.T)", style="nm-W-softplus-prime-forgotten")
C(NM, "W_raw", N, "R = V - W @ H\ndW_raw = -(R @ H.T) * sigmoid(W_raw)", "scale-factor", oracle=f"({NM_W}) / 2", style="nm-W-no-2")
C(NM, "W_raw", N, "R = V - W @ H\ndW_raw = 2 * (R @ H.T) * sigmoid(W_raw)", "sign", oracle=f"-({NM_W})", style="nm-W-sign")
C(NM, "H_raw", N, "dH_raw = -2 * (W.T @ (V - W @ H)) * sigmoid(H_raw)", oracle=NM_H, style="nm-H")
C(NM, "H_raw", N, "dH_raw = -2 * W.T @ (V - W @ H) * (1 - np.exp(-H))", oracle=NM_H, style="nm-H-softplus-prime-from-output")
C(NM, "H_raw", N, "dH_raw = -2 * ((V - W @ H) @ W.T) * sigmoid(H_raw)", "*", style="nm-H-wrong-side")
C(NM, "W_raw[1,1]", V, "3.210", style="v-nm-W-11")

# ================================================================ Bishop's perceptron criterion
BP_W = "-Phi.T @ (t * (a * t < 0))"
C(BP, "w", N, "dw = -Phi.T @ (t * (a * t < 0))", oracle=BP_W, style="bp-w")
C(BP, "w", N, "M = (a * t < 0)\ndw = -np.sum(Phi * t * M, axis=0, keepdims=True).T", oracle=BP_W, style="bp-w-sum-over-misclassified")
C(BP, "w", N, "dw = -Phi.T @ t", "*", oracle="-Phi.T @ t", style="bp-w-every-example")
C(BP, "w", N, "dw = Phi.T @ (t * (a * t < 0))", "sign", oracle=f"-({BP_W})", style="bp-w-sign")
C(BP, "w", N, "dw = -Phi.T @ (t * (a * t < 0)) / N", "scale-factor", oracle=f"({BP_W}) / N", style="bp-w-mean-habit")
C(BP, "w", V, "[1.0; 2.0; -0.5]", style="v-bp-w-matlab-column")

# ================================================================ Kendall's uncertainty weighting
KD_P = "(np.exp(shared @ W_cls) / np.exp(shared @ W_cls).sum(1, keepdims=True))"
C(KD, "log_var1", N, "dlog_var1 = 0.5 - 0.5 * torch.exp(-log_var1) * L_reg", oracle="0.5 - 0.5 * np.exp(-log_var1) * L_reg", style="kd-lv1")
C(KD, "log_var1", N, "dlog_var1 = -0.5 * torch.exp(-log_var1) * L_reg", "*", oracle="-0.5 * np.exp(-log_var1) * L_reg", style="kd-lv1-regulariser-forgotten")
C(KD, "log_var1", N, "dlog_var1 = 0.5 + 0.5 * torch.exp(-log_var1) * L_reg", "*", oracle="0.5 + 0.5 * np.exp(-log_var1) * L_reg", style="kd-lv1-exp-sign")
C(KD, "log_var2", N, "dlog_var2 = 1 - torch.exp(-log_var2) * L_cls", "*", oracle="1 - np.exp(-log_var2) * L_cls", style="kd-lv2-half-forgotten")
C(KD, "log_var2", N, "dlog_var2 = 0.5 - torch.exp(-log_var2) * L_cls", oracle="0.5 - np.exp(-log_var2) * L_cls", style="kd-lv2")
C(KD, "w_reg", N, "dw_reg = torch.exp(-log_var1) * shared.T @ (shared @ w_reg - y_reg) / n", oracle="np.exp(-log_var1) * shared.T @ (shared @ w_reg - y_reg) / n", style="kd-w-reg")
C(KD, "w_reg", N, "dw_reg = 2 * shared.T @ (shared @ w_reg - y_reg) / n", "*", oracle="2 * shared.T @ (shared @ w_reg - y_reg) / n", style="kd-w-reg-weight-forgotten")
C(KD, "W_cls", N, "P = torch.softmax(shared @ W_cls, dim=1)\ndW_cls = torch.exp(-log_var2) * shared.T @ (P - y_cls) / n", oracle=f"np.exp(-log_var2) * shared.T @ ({KD_P} - y_cls) / n", style="kd-W-cls")
C(KD, "log_var1[0]", V, "-0.1113", style="v-kd-lv1")
C(KD, "log_var2[0]", V, r"-3.9 \times 10^{-4}", style="v-kd-lv2-times-ten")

# ================================================================ Tukey's biweight (c = 4.685)
TK_PSI = "(r * (1 - (r / c) ** 2) ** 2 * (np.abs(r) <= c))"
C(TK, "beta", N, "psi = r * (1 - (r / c) ** 2) ** 2 * (np.abs(r) <= c)\ndbeta = -X.T @ psi / n", oracle=f"-X.T @ {TK_PSI} / n", style="tk-beta")
C(TK, "beta", N, "psi = r * (1 - (r / c) ** 2) ** 2\ndbeta = -X.T @ psi / n", "*", oracle="-X.T @ (r * (1 - (r / c) ** 2) ** 2) / n", style="tk-beta-outlier-cut-forgotten")
C(TK, "beta", N, "psi = r * (1 - (r / c) ** 2) ** 2 * (np.abs(r) <= c)\ndbeta = X.T @ psi / n", "sign", oracle=f"X.T @ {TK_PSI} / n", style="tk-beta-sign")
C(TK, "beta", N, "psi = r * (1 - (r / c) ** 2) ** 2 * (np.abs(r) <= c)\ndbeta = -X.T @ psi", "scale-factor", oracle=f"-X.T @ {TK_PSI}", style="tk-beta-no-mean")
C(TK, "beta", L, r"\frac{\partial L}{\partial \beta} = -\frac{1}{n} X^{\top}\left[r \odot \left(1 - (r/c)^{2}\right)^{2} \odot \mathbb{1}(|r| \le c)\right]", oracle=f"-X.T @ {TK_PSI} / n", style="tk-latex")
C(TK, "beta[1,0]", V, "-0.2230", style="v-tk-beta-10")

# ================================================================ Xigua's SVM with the log surrogate (base 2)
XS_W = "w - C * X.T @ (y * sigmoid(-z)) / np.log(2)"
C(XS, "w", N, "dw = w - C * X.T @ (y * sigmoid(-z)) / np.log(2)", oracle=XS_W, style="xs-w")
C(XS, "w", N, "dw = w - C * X.T @ (y * sigmoid(-z))", "*", oracle="w - C * X.T @ (y * sigmoid(-z))", style="xs-w-ln2-forgotten")
C(XS, "w", N, "dw = -C * X.T @ (y * sigmoid(-z)) / np.log(2)", "missing-loss-term", oracle="-C * X.T @ (y * sigmoid(-z)) / np.log(2)", style="xs-w-regulariser-forgotten")
C(XS, "w", N, "dw = w - C * X.T @ (y / (1 + np.exp(z))) / np.log(2)", oracle=XS_W, style="xs-w-one-over-one-plus-exp")
C(XS, "b", N, "db = -C * np.sum(y * sigmoid(-z)) / np.log(2)", oracle="-C * np.sum(y * sigmoid(-z)) / np.log(2)", style="xs-b")
C(XS, "w[1,0]", V, "-1.731", style="v-xs-w-10")

# ================================================================ Goodfellow's denoising autoencoder
GD_DR = "((r - x) / m)"
GD_DH = f"({GD_DR} @ W_dec.T * h * (1 - h))"
C(GD, "W_dec", N, "dr = (r - x) / m\ndW_dec = h.T @ dr", oracle=f"h.T @ {GD_DR}", style="gd-Wdec")
C(GD, "W_dec", N, "dr = r - x\ndW_dec = h.T @ dr", "scale-factor", oracle="h.T @ (r - x)", style="gd-Wdec-no-mean")
C(GD, "W_dec", N, "dr = (r - x_tilde) / m\ndW_dec = h.T @ dr", "*", oracle="h.T @ ((r - x_tilde) / m)", style="gd-Wdec-noisy-target")
C(GD, "W_enc", N, "dr = (r - x) / m\ndh = dr @ W_dec.T\ndW_enc = x_tilde.T @ (dh * h * (1 - h))", oracle=f"x_tilde.T @ {GD_DH}", style="gd-Wenc")
C(GD, "W_enc", N, "dr = (r - x) / m\ndh = dr @ W_dec.T\ndW_enc = x.T @ (dh * h * (1 - h))", "*", oracle=f"x.T @ {GD_DH}", style="gd-Wenc-clean-input")
C(GD, "b_dec", N, "dr = (r - x) / m\ndb_dec = dr.sum(axis=0)", oracle=f"{GD_DR}.sum(0)", style="gd-bdec")
C(GD, "W_dec[0,0]", V, "-0.8720", style="v-gd-Wdec-00")

# ================================================================ logistic-hazard survival (at-risk mask)
LH_D = "((sigmoid(phi) - events) * at_risk / n)"
C(LH, "W", N, "dphi = (sigmoid(phi) - events) * at_risk / n\ndW = x.T @ dphi", oracle=f"x.T @ {LH_D}", style="lh-W")
C(LH, "W", N, "dphi = (sigmoid(phi) - events) / n\ndW = x.T @ dphi", "*", oracle="x.T @ ((sigmoid(phi) - events) / n)", style="lh-W-at-risk-forgotten")
C(LH, "W", N, "dphi = (sigmoid(phi) - events) * at_risk / (n * J)\ndW = x.T @ dphi", "scale-factor", oracle=f"x.T @ {LH_D} / J", style="lh-W-mean-over-J")
C(LH, "b", N, "dphi = (sigmoid(phi) - events) * at_risk / n\ndb = np.sum(dphi, axis=0)", oracle=f"{LH_D}.sum(0)", style="lh-b")
C(LH, "W[0,2]", V, "0.2278", style="v-lh-W-02")

# ================================================================ RL with unusual names: REINFORCE + entropy bonus + L2
UR_DZ = "((-gamma_ * sum_r * (a_t - pi) + e * pi * (log_pi + H)) / T)"
C(UR, "theta_pi", N, "dz = (-gamma_ * sum_r * (a_t - pi) + e * pi * (log_pi + H)) / T\ndtheta_pi = s_t.T @ dz + 2 * lambda_ * theta_pi", oracle=f"s_t.T @ {UR_DZ} + 2 * lambda_ * theta_pi", style="ur-full")
C(UR, "theta_pi", N, "dz = -gamma_ * sum_r * (a_t - pi) / T\ndtheta_pi = s_t.T @ dz + 2 * lambda_ * theta_pi", "*", oracle="s_t.T @ (-gamma_ * sum_r * (a_t - pi) / T) + 2 * lambda_ * theta_pi", style="ur-entropy-forgotten")
C(UR, "theta_pi", N, "dz = (-gamma_ * sum_r * (a_t - pi) + e * pi * (log_pi + H)) / T\ndtheta_pi = s_t.T @ dz", "missing-loss-term", oracle=f"s_t.T @ {UR_DZ}", style="ur-l2-forgotten")
C(UR, "theta_pi", N, "dz = (-gamma_ * sum_r * (a_t - pi) + e * pi * (log_pi + H)) / T\ndtheta_pi = s_t.T @ dz + lambda_ * theta_pi", "loss-term-factor", oracle=f"s_t.T @ {UR_DZ} + lambda_ * theta_pi", style="ur-l2-factor")
C(UR, "theta_pi", N, "dz = (-gamma_ * sum_r * (a_t - pi) - e * pi * (log_pi + H)) / T\ndtheta_pi = s_t.T @ dz + 2 * lambda_ * theta_pi", "*", oracle="s_t.T @ ((-gamma_ * sum_r * (a_t - pi) - e * pi * (log_pi + H)) / T) + 2 * lambda_ * theta_pi", style="ur-entropy-sign")
C(UR, "theta_pi[1,1]", V, "-0.03163", style="v-ur-11")

# ================================================================ unreadable
C(M, "W2", N, "dZ2 = A2 - Y\nif m > 0: dZ2 = dZ2 / m\ndW2 = A1.T @ dZ2", REFUSE, style="x-one-line-if")
C(M, "W2", N, 'dW2 = eval("A1.T @ (A2 - Y) / m")', REFUSE, style="x-eval")
C(M, "W2", N, "dW2 = A1.T @ delta / m", REFUSE, style="x-undefined-delta", must=("delta",))
C(M, "W2[0,0]", V, "-0.176 ± 0.001", REFUSE, style="x-plus-minus")
C(M, "W2[0,0]", V, "nan", REFUSE, style="x-nan")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[3]}} = \frac{1}{m} A^{[2]\top}(A^{[3]} - Y)", REFUSE, style="x-layer-3")
C(M, "b1[0,1]", V, "约为负的零点零一八", REFUSE, lang=Z, style="x-zh-words")



# ================================================================ round b: written after round a's fixes, before any run of these
_round = "b"
AL = str(COURSE / "hn20_asymmetric_laplace_nll.toml")
C(M, "W2", N, "dW2 = 1./m * np.dot(A1.T, A2 - Y)", oracle=W2R, style="b-one-dot-over-m")
C(M, "W1", N, "dZ1 = np.dot(A2 - Y, W2.T) * np.where(Z1 > 0, 1, 0)\ndW1 = 1./m * np.dot(X.T, dZ1)", oracle=W1R, style="b-where-1-0")
C(M, "W1", N, 'def relu_deriv(z):\n    """1 where z > 0."""\n    return (z > 0).astype(float)\ndW1 = X.T @ ((A2 - Y) @ W2.T * relu_deriv(Z1)) / m', oracle=W1R, style="b-helper-with-docstring")
C(M, "W1", N, "dZ1 = dA1 = (A2 - Y) @ W2.T\ndZ1 = dZ1 * (Z1 > 0)\ndW1 = X.T @ dA1 / m", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="b-chained-then-rebound")
C(S, "W", N, "dW = np.einsum('...k,...j->kj', X, P - Y) / m", REFUSE, style="x-b-einsum-ellipsis-dropped", note="NumPy itself refuses an ellipsis missing from an explicit output")
C(S, "W", N, "dW = np.einsum('nk,n...->k...', X, P - Y) / m", oracle=SW, style="b-einsum-trailing-ellipsis")
C(S, "b", N, "db = np.sum(P - Y, axis=0, keepdims=True) / np.size(Y, 0)", oracle=SB, style="b-np-size-axis")
C(S, "b", N, "db = np.sum(P - Y, axis=0, keepdims=True) / np.size(Y)", "scale-factor", oracle=f"{SB} / k", style="b-np-size-all")
C(R, "w2", N, "def mse_grad(pred, target, scale=2.0):\n    return scale * (pred - target)\ngrad_w2 = h_relu.T @ mse_grad(y_pred, y)", oracle=RW2, style="b-helper-default-2")
C(R, "w2", N, "def mse_grad(pred, target, scale=1.0):\n    return scale * (pred - target)\ngrad_w2 = h_relu.T @ mse_grad(y_pred, y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="b-helper-default-1")
C(T, "W2", N, "err = delta = y_pred - y_target\ndW2 = h.T @ err", oracle=TW2, style="b-t-chained")
C(CH, "w", N, "dv = 2 * v; du = dv; dw = du * x", oracle="2 * v * x", style="b-ch-semicolons")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = \frac{2}{nd} X^{\top} A^{\top} (O - T)", oracle=f"X.T @ (A.T @ {AT_DO})", style="b-a-latex-Wv")
C(B, "W", N, "def bn_backward(dxhat, xhat, var, eps=eps):\n    N = dxhat.shape[0]\n    return (N * dxhat - dxhat.sum(0) - xhat * (dxhat * xhat).sum(0)) / (N * np.sqrt(var + eps))\ndW = X.T @ bn_backward(2 * (Y - T) / (m * n) * gamma, Z_hat, var)", oracle=f"X.T @ (({BN_DZH} - {BN_DZH}.mean(0, keepdims=True) - Z_hat * ({BN_DZH} * Z_hat).mean(0, keepdims=True)) / np.sqrt(var + eps))", style="b-bn-helper-default-eps")
C(S, "W", L, r"由链式法则得 $\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top}(P - Y)$，其中 $P$ 为 softmax 输出。", lang=Z, oracle=SW, style="b-zh-where-P")
C(M, "W2", N, "dW2 = A1.T @ 误差 / m", REFUSE, lang=Z, style="x-b-zh-identifier")
C(GD, "W_dec", L, r"\frac{\partial L}{\partial W_{dec}} = \frac{1}{m} h^{\top}(r - \tilde{x})", "*", oracle="h.T @ (r - x_tilde) / m", style="b-gd-latex-noisy-target")
C(XS, "w", N, "dw = w - C * X.T @ (y * sigmoid(-z)) * np.log2(np.e)", oracle=XS_W, style="b-xs-log2-e")
C(XS, "w", N, "dw = w - C * X.T @ (y * sigmoid(-z)) / np.log(10)", "*", oracle="w - C * X.T @ (y * sigmoid(-z)) / np.log(10)", style="b-xs-wrong-base")
C(XS, "b", L, r"\frac{\partial L}{\partial b} = -\frac{C}{\ln 2}\sum_{i=1}^{m} y_i\,\sigma(-z_i)", oracle="-C * np.sum(y * sigmoid(-z)) / np.log(2)", style="b-xs-latex-ln2")
AL_MU = "-x.T @ ((tau - (u < 0)) / sigma) / n"
AL_S = "x.T @ ((1 / sigma - check / sigma ** 2) * sigmoid(x @ w_s + b_s)) / n"
C(AL, "w_mu", N, "dw_mu = -x.T @ ((tau - (u < 0)) / sigma) / n", oracle=AL_MU, style="b-al-wmu")
C(AL, "w_mu", N, "dw_mu = -x.T @ (tau / sigma) / n", "*", oracle="-x.T @ (tau / sigma) / n", style="b-al-wmu-one-branch")
C(AL, "w_s", N, "dsig = 1 / sigma - check / sigma ** 2\ndw_s = x.T @ (dsig * sigmoid(x @ w_s + b_s)) / n", oracle=AL_S, style="b-al-ws")
C(AL, "w_s", N, "dsig = 1 / sigma - check / sigma ** 2\ndw_s = x.T @ dsig / n", "*", oracle="x.T @ (1 / sigma - check / sigma ** 2) / n", style="b-al-ws-softplus-prime-forgotten")
C(AL, "w_mu[0,0]", V, "-0.2656", style="v-b-al-wmu")
C(AL, "b_s[0]", V, "0.5271", style="v-b-al-bs")
C(KD, "log_var1[0]", V, "答：-0.111", lang=Z, style="v-b-zh-kd")
C(TW, "W2[1,1]", V, "约 -0.349", lang=Z, style="v-b-zh-tw-approx")
C(NM, "H_raw[0,0]", V, "2.456", style="v-b-nm-H")
C(NM, "H_raw[0,0]", V, "4.912", "scale-factor", style="v-b-nm-H-doubled")
C(LH, "b", N, "db = ((sigmoid(phi) - events) * at_risk).mean(axis=0)", oracle=f"{LH_D}.sum(0)", style="b-lh-b-mean-axis0")
C(LH, "b", N, "db = ((sigmoid(phi) - events) * at_risk).mean()", "*", style="b-lh-b-mean-all")
C(UR, "theta_pi[0,2]", V, "0.02127", style="v-b-ur-02")
C(FO, "kernel1", N, "pre = x @ kernel1 + bias1\ndlogits = (jax.nn.sigmoid(logits) - labels) / batch\ndkernel1 = x.T @ (dlogits @ kernel2.T * jax.grad(jax.nn.silu)(pre)) + wd * kernel1", REFUSE, style="x-b-jax-grad")
C(CM, "W1", V, "[[0.0293, -0.0381, 0.0818, 0.0030, 0.1394], [-0.0469, 0.0609, -0.3021, 0.0672, -0.4021], [0.0059, -0.0076, 0.0495, 0.0029, 0.0859]]", style="v-b-cm-W1-matrix")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c23-000, … as written; cases that happen to repeat corpus 2-22 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus23", "c23", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
