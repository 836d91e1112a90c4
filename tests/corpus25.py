"""The held-out-style corpus of issue 11, twenty-fifth round: answers pasted from a Jupyter
notebook with ``In [3]:``/``Out[3]:`` or ``>>>`` prompts, a gradient as a Python function body
(``def backward(...): ... return dW``), ``np.einsum`` with the student's own letters, ``@``/
``np.dot``/``.dot()``/``np.matmul`` mixed in one line, ``np.transpose(X, (1, 0))``,
``X.swapaxes(0, 1)``, ``np.concatenate``/``np.hstack`` of two inputs, ``[:, None]`` and
``reshape(-1, 1)`` columns, TF's ``tf.matmul(…, transpose_a=True)`` and JAX's ``jax.nn``; LaTeX
with ``\\left(``/``\\right)``, ``\\big(``, ``\\cdot`` and ``\\times`` for products, ``\\circ`` for
the Hadamard product, ``\\mathrm{diag}``, ``\\operatorname{sigmoid}``, ``\\mathbb{1}[z>0]``,
``\\text{…}`` remarks inside the math; hand numbers as a NumPy array printout in ``e-02``
notation, a matrix with one entry wrong; classic mistakes (the wrong layer's activation, σ′ of the
activation taken as σ′ of the pre-activation, the softmax Jacobian as diag(p), the ReLU mask of the
wrong layer, 1/m twice, sign, a factor ½ or 2 dropped, a gate or a temperature forgotten, the
straight-through estimator's identity replaced by a mask). Thirteen lecturer networks no earlier
corpus used (tests/specs_course/hn22_*).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation of round a was written before the checker was run on any of them
and before its code was read this round (bench/RESULTS.md, "heldcheck25": the first
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
BN = str(COURSE / "hn22_beta_nll_detach.toml")
BC = str(COURSE / "hn22_binary_concrete_relaxed.toml")
CC = str(COURSE / "hn22_ccc_concordance_loss.toml")
CR = str(COURSE / "hn22_crps_gaussian_erf.toml")
DI = str(COURSE / "hn22_din_activation_unit_cn.toml")
EB = str(COURSE / "hn22_einsum_three_operand_bilinear.toml")
ED = str(COURSE / "hn22_energy_distance_cdist.toml")
GD = str(COURSE / "hn22_gdn_balle_normalisation.toml")
HS = str(COURSE / "hn22_heaviside_ste_binary.toml")
JF = str(COURSE / "hn22_jax_flax_dense_written_out.toml")
LN = str(COURSE / "hn22_log_ndtr_probit.toml")
MD = str(COURSE / "hn22_multi_dot_vector_norm_ae.toml")
NC = str(COURSE / "hn22_nca_softmin_cn.toml")
NR = str(COURSE / "hn22_nerf_volume_render_gray.toml")
RD = str(COURSE / "hn22_rdrop_symmetric_kl.toml")
SS = str(COURSE / "hn22_simsiam_stopgrad.toml")
TA = str(COURSE / "hn22_tf_transpose_b_attention.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py): the built-ins' as corpus 20 wrote them
from corpus20 import B1R, DZ1, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R, WDZ  # noqa: E402

# ================================================================ mlp-bce, code pasted from a notebook
C(M, "W2", N, "In [12]: dZ2 = A2 - Y\nIn [13]: dW2 = np.dot(A1.T, dZ2) / m\nIn [14]: dW2.shape\nOut[14]: (2, 1)", oracle=W2R, style="ipython-in-out-prompts")
C(M, "W2", N, ">>> dZ2 = A2 - Y\n>>> dW2 = A1.T.dot(dZ2) / m\n>>> dW2\narray([[-0.1763],\n       [-0.009 ]])", oracle=W2R, style="doctest-prompts-with-output")
C(M, "W2", N, "def backward(X, Y, A1, A2, W2):\n    m = X.shape[0]\n    dZ2 = A2 - Y\n    dW2 = A1.T @ dZ2 / m\n    return dW2", oracle=W2R, style="def-backward-return")
C(M, "W1", N, "def backward(X, Y, Z1, A1, A2, W2):\n    dZ2 = A2 - Y\n    dZ1 = dZ2 @ W2.T * (Z1 > 0)\n    dW1 = X.T @ dZ1 / m\n    return dW1", oracle=W1R, style="def-backward-W1")
C(M, "W2", N, "def backward(X, Y, Z1, A1, A2, W2):\n    dZ2 = A2 - Y\n    dW2 = A1.T @ dZ2 / m\n    db2 = dZ2.sum(axis=0, keepdims=True) / m\n    dZ1 = dZ2 @ W2.T * (Z1 > 0)\n    dW1 = X.T @ dZ1 / m\n    db1 = dZ1.sum(axis=0, keepdims=True) / m\n    return dW1, db1, dW2, db2", oracle=W2R, style="def-returns-tuple")
C(M, "W1", N, "dW1 = np.einsum('ni,nh->ih', X, (A2 - Y) @ W2.T * (Z1 > 0)) / m", oracle=W1R, style="einsum-own-letters")
C(M, "W1", N, "dW1 = np.einsum('ni,nh->hi', X, (A2 - Y) @ W2.T * (Z1 > 0)) / m", "*", oracle=f"(X.T @ {DZ1} / m).T", style="einsum-output-transposed")
C(M, "W1", N, "dW1 = np.matmul(np.transpose(X, (1, 0)), np.dot((A2 - Y), W2.T) * (Z1 > 0)) / m", oracle=W1R, style="matmul-transpose-axes-dot-mix")
C(M, "W2", N, "dW2 = A1.swapaxes(0, 1) @ (A2 - Y) / m", oracle=W2R, style="swapaxes")
C(M, "W1", N, "dW1 = X.T.dot((A2 - Y).dot(W2.T) * (A1 > 0)) / m", oracle=W1R, style="method-dot-mask-on-A1")
C(M, "W1", N, "dZ1 = (A2 - Y) @ W2.T * A1 * (1 - A1)\ndW1 = X.T @ dZ1 / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="sigmoid-prime-on-relu-layer")
C(M, "b1", N, "db1 = np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0) / m", oracle=B1R, style="b1-no-keepdims")
C(M, "b1", N, "db1 = np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=1, keepdims=True) / m", "*", style="b1-wrong-axis")
C(M, "W2", N, "In [5]: dW2 = (1/m) * np.dot(A1.T, A2 - Y) / m", "scale-factor", oracle=W2R + " / m", style="prompt-m-twice")
C(M, "W2", N, "dW2 = np.matmul(A1.T, A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="matmul-no-m")
C(M, "W2", N, "dW2 = np.dot(A1.T, Y - A2) / m", "sign", oracle="A1.T @ (Y - A2) / m", style="dot-sign")
C(M, "W2", N, "dW2 = np.dot((A2 - Y).T, A1) / m", "*", style="dW2-transposed")
C(M, "W2", N, "dW2 = X.T @ (A2 - Y) / m", "*", oracle="X.T @ (A2 - Y) / m", style="wrong-layer-input")
C(M, "W2", N, "dZ2 = A2 * (1 - A2)\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ (A2 * (1 - A2)) / m", style="loss-derivative-forgotten")
C(M, "b2", N, "db2 = (A2 - Y).sum() / m", oracle="np.sum(A2 - Y) / m", style="b2-sum-all")
C(M, "W2", N, "# 反向传播\ndZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m  # 除以样本数", lang=Z, oracle=W2R, style="zh-comments")
C(M, "W2", N, "In [3]: dW2 = ???  # ran out of time", REFUSE, style="question-marks")

# ================================================================ mlp-bce, LaTeX
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}\left(A^{[1]}\right)^{\top} \cdot \left(A^{[2]} - Y\right)", oracle=W2R, style="cdot-matrix-product")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\big((A^{[2]} - Y) W^{[2]\top} \circ \mathbb{1}[Z^{[1]} > 0]\big)", oracle=W1R, style="big-paren-circ-indicator")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \circ \operatorname{sigmoid}(Z^{[1]}) \circ \left(1 - \operatorname{sigmoid}(Z^{[1]})\right)\right]", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))) / m", style="operatorname-sigmoid-on-relu")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \circ \mathbb{1}[Z^{[1]} > 0]\right] \quad \text{(ReLU mask from the forward pass)}", oracle=W1R, style="text-remark-in-math")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top} \times (A^{[2]} - Y)", oracle=W2R, style="times-matrix-product")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \frac{1}{m}\mathbf{1}^{\top}\left[(A^{[2]} - Y)W^{[2]\top} \circ \mathbb{1}[Z^{[1]} > 0]\right]", oracle=B1R, style="ones-row-sum")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \circ \mathbb{1}[A^{[2]} > 0]\right]", "*", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="mask-of-output-layer")
C(M, "W2", L, r"解：由链式法则，$\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}\left(A^{[1]}\right)^{\mathsf{T}}\left(A^{[2]} - Y\right)$。", lang=Z, oracle=W2R, style="zh-chain-rule")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}\left[\left(A^{[2]} - Y\right) \circ \sigma'\left(Z^{[2]}\right)\right]", "*", oracle="A1.T @ ((A2 - Y) * sigmoid(Z2) * (1 - sigmoid(Z2))) / m", style="extra-sigma-prime-latex")

# ================================================================ mlp-bce, hand numbers (NumPy printouts in e-notation)
C(M, "W1", V, "array([[-9.7935e-02,  1.3564e-01],\n       [-1.9587e-01,  7.9085e-02]])", style="v-W1-np-sci")
C(M, "W2", V, "array([[-1.7628e-01],\n       [-8.985e-03]])", style="v-W2-np-sci")
C(M, "b1", V, "[[-9.79e-02, -1.81e-02]]", style="v-b1-sci-list")
C(M, "W1", V, "array([[-9.7935e-02,  1.3564e-01],\n       [-1.9587e-01,  7.9085e-01]])", "*", style="v-W1-np-sci-one-exponent")
C(M, "b2", V, "Out[7]: array([[0.06038]])", style="v-b2-out-prompt")
C(M, "W2[0,0]", V, "-1.763e-01", style="v-W2-00-sci")
C(M, "W2[1,0]", V, "-8.985e-02", "*", style="v-W2-10-exponent-off")

# ================================================================ mlp-bce-weighted (w = 3)
C(MW, "W2", N, "In [4]: dZ2 = A2 - w * Y + (w - 1) * Y * A2\nIn [5]: dW2 = A1.T @ dZ2 / m", oracle=f"A1.T @ {WDZ} / m", style="w-expanded-prompts")
C(MW, "W2", N, "def grad_W2(A1, A2, Y, w):\n    return A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle=f"A1.T @ {WDZ} / m", style="w-def-return")
C(MW, "W2", N, "dW2 = A1.T @ ((1 - Y) * A2 - Y * (1 - A2)) / m", "*", oracle="A1.T @ ((1 - Y) * A2 - Y * (1 - A2)) / m", style="w-weight-forgotten")
C(MW, "b2", V, "-3.643e-01", style="v-w-b2-sci")
C(MW, "W1", V, "[[-0.4415, 0.2649], [-0.5589, 0.3353]]", style="v-w-W1")
C(MW, "b2", N, "db2 = np.einsum('ij->j', (1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle=f"np.sum({WDZ}, axis=0) / m", style="w-einsum-sum")

# ================================================================ tiny-mlp
C(T, "W2", N, ">>> delta = y_pred - y_target\n>>> dW2 = np.dot(h.T, delta)\n>>> dW2\narray([[-0.1139],\n       [-0.1172]])", oracle=TW2, style="t-doctest")
C(T, "W1", N, "def backward(X, h, y_pred, y_target, W2):\n    d = (y_pred - y_target) * W2.T * h * (1 - h)\n    return X.T @ d", oracle=TW1, style="t-def")
C(T, "W1", N, "dW1 = np.einsum('ai,aj->ij', X, (y_pred - y_target) @ W2.T * h * (1 - h))", oracle=TW1, style="t-einsum")
C(T, "W1", N, "dW1 = X.T @ ((y_pred - y_target) @ W2.T * sigmoid(h) * (1 - sigmoid(h)))", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="t-sigma-prime-of-activation")
C(T, "W1", N, "dW1 = np.outer(X, (y_pred - y_target) * W2.T * h * (1 - h))", oracle=TW1, style="t-outer")
C(T, "W2", N, "dW2 = h.T @ (y_pred - y_target) / 2", "scale-factor", oracle=TW2 + " / 2", style="t-half-again")
C(T, "W2", N, "dW2 = h_raw.T @ (y_pred - y_target)", "*", oracle="h_raw.T @ (y_pred - y_target)", style="t-preactivation-input")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = h^{\top}\left(y_{pred} - y_{target}\right)", oracle=TW2, style="t-latex-W2")
C(T, "W1", L, r"\frac{\partial E}{\partial W_1} = X^{\top}\left[\left(y_{pred} - y_{target}\right) W_2^{\top} \circ h \circ (1 - h)\right]", oracle=TW1, style="t-latex-circ")
C(T, "W1", L, r"\frac{\partial E}{\partial W_1} = X^{\top}\left(y_{pred} - y_{target}\right) W_2^{\top}\,\mathrm{diag}\left(h \circ (1 - h)\right)", oracle=TW1, style="t-latex-diag")
C(T, "W1", V, "array([[-1.3668e-02, -1.6348e-02],\n       [-2.734e-03, -3.270e-03]])", style="v-t-W1-sci")
C(T, "W1", V, "array([[-1.3668e-02, -1.6348e-02],\n       [-2.734e-03, -3.270e-02]])", "*", style="v-t-W1-sci-one-off")
C(T, "W2[0,0]", V, "-0.1139", style="v-t-W2-00")
C(T, "W1", N, "def backward(X, h, W2):\n    pass", REFUSE, style="t-def-pass")

# ================================================================ neuron
C(E, "w", N, "In [2]: dz = (O - t) * O * (1 - O)\nIn [3]: dw = dz * x", oracle=EW, style="n-prompts")
C(E, "w", N, "def grad_w(x, O, t):\n    return (O - t) * O * (1 - O) * x", oracle=EW, style="n-def")
C(E, "w", N, "dw = (O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", "*", oracle="(O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", style="n-sigma-prime-of-O")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle="2 * " + EW, style="n-half-dropped")
C(E, "w", L, r"\frac{\partial L}{\partial w} = (O - t) \cdot O \cdot (1 - O) \cdot x", oracle=EW, style="n-cdot")
C(E, "w", L, r"\frac{\partial L}{\partial w} = (O - t) \times \sigma'(z) \times x", oracle=EW, style="n-times-sigma-prime-z")
C(E, "w", L, r"\frac{\partial L}{\partial w} = (O - t)\,\sigma'(O)\,x", "*", oracle="(O - t) * sigmoid(O) * (1 - sigmoid(O)) * x", style="n-sigma-prime-of-O-latex")
C(E, "w", V, "array([-6.1226e-02, -3.6735e-02, -2.449e-02])", style="v-n-sci")
C(E, "w", V, "[-0.0612, -0.0367, 0.0245]", "*", style="v-n-one-sign")
C(E, "w[0,1]", V, "约为 -3.67e-2", lang=Z, style="zh-v-n")
C(E, "w", N, ">>> dw = ...", REFUSE, style="n-ellipsis")

# ================================================================ chain: L = (w x + b)^2, dL/dw = 40, dL/db = 20
C(CH, "w", N, ">>> dv = 2 * v\n>>> dw = dv * x\n>>> dw\n40.0", oracle="2 * v * x", style="ch-doctest")
C(CH, "w", N, "def backward(x, v):\n    dv = 2 * v\n    return dv * x", oracle="2 * v * x", style="ch-def")
C(CH, "b", N, "db = 2 * v * x", "*", oracle="2 * v * x", style="ch-b-with-x")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = \frac{\partial L}{\partial v}\cdot\frac{\partial v}{\partial b} = 2v \cdot 1", oracle="2 * v", style="ch-b-cdot-chain")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = v \cdot x", "scale-factor", oracle="v * x", style="ch-w-2-dropped")
C(CH, "w", V, "4.0e+01", style="v-ch-w-sci")
C(CH, "b", V, "Out[9]: 20.0", style="v-ch-b-out")
C(CH, "w", V, "Out[9]: 20.0", "*", style="v-ch-w-out-wrong")

# ================================================================ relu-mlp
C(R, "w2", N, "In [21]: grad_y_pred = 2.0 * (y_pred - y)\nIn [22]: grad_w2 = h_relu.T.dot(grad_y_pred)", oracle=RW2, style="r-prompts-method-dot")
C(R, "w1", N, "def backward(x, h, h_relu, y_pred, y, w2):\n    g = 2.0 * (y_pred - y)\n    gh = g.dot(w2.T)\n    gh[h < 0] = 0\n    return x.T.dot(gh)", "relu-at-zero", style="r-def-inplace-mask", note="relabelled after the first pass: the README's policy (PyTorch's relu'(0) = 0) makes the tutorial's h < 0 mask the relu-at-zero slip, as corpus 12 relabelled it")
C(R, "w1", N, "grad_w1 = np.einsum('nd,nh->dh', x, 2 * (y_pred - y) @ w2.T * (h > 0))", oracle=RW1, style="r-einsum")
C(R, "w1", N, "grad_w1 = np.matmul(x.T, np.matmul(2 * (y_pred - y), w2.T) * (h_relu > 0))", oracle=RW1, style="r-matmul-mask-on-hrelu")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2.T)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="r-mask-forgotten")
C(R, "w2", N, "grad_w2 = h_relu.T @ (y_pred - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="r-2-dropped")
C(R, "w2", N, "grad_w2 = np.transpose(h_relu, (1, 0)) @ (2 * (y_pred - y))", oracle=RW2, style="r-transpose-axes")
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = x^{\top}\left[2\left(y_{pred} - y\right)w_2^{\top} \circ \mathbb{1}[h > 0]\right]", oracle=RW1, style="r-latex-circ-indicator")
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = 2\, h_{relu}^{\top}\big(y_{pred} - y\big)", oracle=RW2, style="r-latex-big")
C(R, "w2", L, r"\frac{\partial L}{\partial w_2} = 2\, h^{\top}\left(y_{pred} - y\right) \quad \text{where } h \text{ is the hidden layer}", "*", oracle="2 * h.T @ (y_pred - y)", style="r-latex-preactivation-text")
C(R, "w1", V, "array([[ 1.4073e+00,  2.4108e-01, -1.3977e+00],\n       [-1.5880e+00, -2.7552e-01,  1.2665e+00],\n       [ 4.2420e-02,  0.0000e+00,  1.4298e-01],\n       [-1.4826e+00, -2.4108e-01,  1.1330e+00]])", style="v-r-w1-np-sci")
C(R, "w1", V, "array([[ 1.4073e+00,  2.4108e-01,  1.3977e+00],\n       [-1.5880e+00, -2.7552e-01,  1.2665e+00],\n       [ 4.2420e-02,  0.0000e+00,  1.4298e-01],\n       [-1.4826e+00, -2.4108e-01,  1.1330e+00]])", "*", style="v-r-w1-np-sci-one-sign")
C(R, "w2[0,1]", V, "-2.511", style="v-r-w2-01")
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = \text{see my notes from the tutorial}", REFUSE, style="r-text-only")

# ================================================================ softmax-regression
C(S, "W", N, "In [8]: dZ = (P - Y) / m\nIn [9]: dW = np.dot(X.T, dZ)\nIn [10]: db = np.sum(dZ, axis=0, keepdims=True)", oracle=SW, style="s-prompts-W")
C(S, "b", N, "In [8]: dZ = (P - Y) / m\nIn [9]: dW = np.dot(X.T, dZ)\nIn [10]: db = np.sum(dZ, axis=0, keepdims=True)", oracle=SB, style="s-prompts-b")
C(S, "W", N, "def softmax_backward(X, P, Y):\n    m = X.shape[0]\n    return X.T @ (P - Y) / m", oracle=SW, style="s-def")
C(S, "W", N, "dW = np.einsum('nd,nk->dk', X, P - Y) / m", oracle=SW, style="s-einsum")
C(S, "W", N, "dW = np.einsum('nd,nk->kd', X, P - Y) / m", "*", style="s-einsum-transposed")
C(S, "W", N, "dZ = P * (1 - P) * (-Y / P) / m\ndW = X.T @ dZ", "*", oracle="X.T @ (P * (1 - P) * (-Y / P)) / m", style="s-jacobian-diag-p")
C(S, "W", N, "dW = X.T @ (P - Y)", "scale-factor", oracle="X.T @ (P - Y)", style="s-no-m")
C(S, "W", N, "dW = X.T.dot(Y - P) / m", "sign", oracle="X.T @ (Y - P) / m", style="s-sign-method-dot")
C(S, "b", N, "db = np.sum(P - Y, axis=1, keepdims=True) / m", "*", style="s-b-wrong-axis")
C(S, "W", N, "dW = X.T @ (P - Y) / m / m", "scale-factor", oracle=SW + " / m", style="s-m-twice")
C(S, "W", N, "dW = torch.func.grad(loss_fn)(W)", REFUSE, style="s-torch-func-grad")
C(S, "W", L, r"\nabla_{W} L = \frac{1}{m} X^{\top}\left(\operatorname{softmax}(XW + b) - Y\right)", oracle=SW, style="s-operatorname-softmax")
C(S, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{m}\mathbf{1}^{\top}(P - Y)", oracle=SB, style="s-b-ones-row")
C(S, "W", L, r"答：$\frac{\partial L}{\partial W}=\frac{1}{m}X^{\top}\left(P-Y\right)$，这里 $P$ 是 softmax 的输出。", lang=Z, oracle=SW, style="zh-s-here-P")
C(S, "W", V, "array([[ 5.8487e-01, -9.0269e-02, -4.9460e-01],\n       [ 3.4683e-01,  3.9597e-01, -7.4280e-01]])", style="v-s-W-np-sci")
C(S, "b", V, "[[-0.0735, 0.3709, -0.2975]]", style="v-s-b")
C(S, "b", V, "[[-0.0735, 0.3709, 0.2975]]", "*", style="v-s-b-one-sign")

# ================================================================ batchnorm, rnn, attention
BN_DY = "(2 * (Y - T) / (m * n))"
R2_D2 = "((h_2 - y) * (1 - h_2 ** 2))"
R2_D1 = f"({R2_D2} @ W_h.T * (1 - h_1 ** 2))"
AT_DO = "(2 * (O - T) / (n * d))"
AT_DA = f"({AT_DO} @ V.T)"
AT_DS = f"(A * ({AT_DA} - ({AT_DA} * A).sum(1, keepdims=True)))"
C(B, "beta", N, "In [3]: dY = 2 * (Y - T) / (m * n)\nIn [4]: dbeta = dY.sum(axis=0, keepdims=True)", oracle=f"np.sum({BN_DY}, axis=0, keepdims=True)", style="b-prompts-beta")
C(B, "gamma", N, "dgamma = np.einsum('ij,ij->j', 2 * (Y - T) / (m * n), Z_hat)", oracle=f"np.sum({BN_DY} * Z_hat, axis=0)", style="b-gamma-einsum")
C(B, "gamma", N, "dgamma = np.sum(2 * (Y - T) * Z_hat, axis=0) / m", "scale-factor", oracle="np.sum(2 * (Y - T) * Z_hat, axis=0) / m", style="b-gamma-n-forgotten")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * n), axis=1)", "*", style="b-beta-axis-1")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \frac{2}{mn}\mathbf{1}^{\top}\left[(Y - T) \circ \hat{Z}\right]", oracle=f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)", style="b-gamma-latex-ones")
C(B, "beta", V, "array([ 1.0000e-01, -5.3333e-01])", style="v-b-beta-sci")
C(B, "gamma[0,1]", V, "1.264", style="v-b-gamma-01")
C(R2, "W_h", N, "def bptt(x_1, x_2, h_0, h_1, h_2, y, W_h):\n    d2 = (h_2 - y) * (1 - h_2 ** 2)\n    d1 = d2 @ W_h.T * (1 - h_1 ** 2)\n    return h_1.T @ d2 + h_0.T @ d1", oracle=f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}", style="rnn-def-bptt")
C(R2, "W_h", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\ndW_h = h_1.T @ d2", "missing-path", oracle=f"h_1.T @ {R2_D2}", style="rnn-Wh-last-step-only")
C(R2, "W_x", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\nd1 = d2 @ W_h * (1 - h_1 ** 2)\ndW_x = x_1.T @ d1 + x_2.T @ d2", "*", oracle=f"x_1.T @ ({R2_D2} @ W_h * (1 - h_1 ** 2)) + x_2.T @ {R2_D2}", style="rnn-Wh-not-transposed")
C(R2, "W_h", V, "array([[-5.7933e-02,  2.1923e-01],\n       [ 4.9135e-02, -2.7425e-01]])", style="v-rnn-Wh-sci")
C(A, "W_v", N, "In [6]: dO = 2 * (O - T) / (n * d)\nIn [7]: dV = A.T @ dO\nIn [8]: dW_v = X.T @ dV", oracle=f"X.T @ (A.T @ {AT_DO})", style="a-prompts-Wv")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ (A @ dO)", "*", oracle=f"X.T @ (A @ {AT_DO})", style="a-A-not-transposed")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.T\ndS = A * dA\ndW_q = X.T @ (dS @ K) / np.sqrt(d)", "*", oracle=f"X.T @ ((A * {AT_DA}) @ K) / np.sqrt(d)", style="a-Wq-jacobian-diag")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.T\ndS = A * (dA - np.sum(dA * A, axis=1, keepdims=True))\ndW_q = X.T @ dS @ K / np.sqrt(d)", oracle=f"X.T @ ({AT_DS} @ K) / np.sqrt(d)", style="a-Wq")
C(A, "W_v[1,1]", V, "3.761e-01", style="v-a-Wv-11-sci")
C(A, "W_q", V, "array([[-3.862e-03, -6.007e-03],\n       [-3.2774e-02, -5.0982e-02]])", style="v-a-Wq-sci")
C(A, "W_q", N, "dW_q = np.linalg.pinv(X) @ dQ", REFUSE, style="a-undefined-dQ")

# ================================================================ beta-NLL (beta = 0.5, var.detach() ** 0.5 weights), N = 4
BN_G = "(0.5 * (1 / var - (y - mean) ** 2 / var ** 2))"
C(BN, "w_mu", N, "s = np.sqrt(var)  # the detached weight\ndw_mu = h.T @ ((mean - y) / var * s) / N", oracle="h.T @ ((mean - y) / var * np.sqrt(var)) / N", style="bn-w-mu")
C(BN, "w_mu", N, "dw_mu = h.T @ ((mean - y) / var) / N", "*", oracle="h.T @ ((mean - y) / var) / N", style="bn-w-mu-weight-forgotten")
C(BN, "w_mu", N, "dw_mu = h.T @ ((mean - y) / np.sqrt(var)) / N", oracle="h.T @ ((mean - y) / var * np.sqrt(var)) / N", style="bn-w-mu-simplified")
C(BN, "w_var", N, "g = 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) * np.sqrt(var)\ndw_var = h.T @ (g * sigmoid(h @ w_var)) / N", oracle=f"h.T @ ({BN_G} * np.sqrt(var) * sigmoid(h @ w_var)) / N", style="bn-w-var")
C(BN, "w_var", N, "g = 0.5 * (1 / var - (y - mean) ** 2 / var ** 2) * np.sqrt(var) + nll * 0.5 / np.sqrt(var)\ndw_var = h.T @ (g * sigmoid(h @ w_var)) / N", "*", oracle=f"h.T @ (({BN_G} * np.sqrt(var) + nll * 0.5 / np.sqrt(var)) * sigmoid(h @ w_var)) / N", style="bn-w-var-weight-not-detached")
C(BN, "w_mu", V, "array([[-5.2262e-02],\n       [ 1.3764e-02],\n       [ 1.2607e-01]])", style="v-bn-w-mu-sci")
C(BN, "w_mu[2,0]", V, "0.126", style="v-bn-w-mu-20")
C(BN, "w_mu", L, r"\nabla_{w_{\mu}} L = \frac{1}{N} h^{\top}\left(\frac{\mathrm{mean} - y}{\sqrt{\mathrm{var}}}\right)", oracle="h.T @ ((mean - y) / var * np.sqrt(var)) / N", style="bn-latex-sqrt")

# ================================================================ Binary Concrete gates (tau = 0.5), B = 3
BC_R = "(2 * (pred - y) / B)"
BC_LA = f"({BC_R} * x * w.T * g * (1 - g) / 0.5).sum(0)"
BC_REG = "0.01 * sigmoid(log_alpha) * (1 - sigmoid(log_alpha))"
BC_CELL = "r = 2 * (pred - y) / B\ndg = r * x * w.T\n"
C(BC, "w", N, "dw = (x * g).T @ (2 * (pred - y) / B)", oracle=f"(x * g).T @ {BC_R}", style="bc-w")
C(BC, "w", N, "dw = x.T @ (2 * (pred - y) / B)", "*", oracle=f"x.T @ {BC_R}", style="bc-w-gate-forgotten")
C(BC, "w", N, "dw = (x * g).T @ (pred - y) / B", "scale-factor", oracle="(x * g).T @ (pred - y) / B", style="bc-w-2-dropped")
C(BC, "log_alpha", N, BC_CELL + "dlog_alpha = (dg * g * (1 - g) / 0.5).sum(0) + 0.01 * sigmoid(log_alpha) * (1 - sigmoid(log_alpha))", oracle=f"{BC_LA} + {BC_REG}", style="bc-log-alpha")
C(BC, "log_alpha", N, BC_CELL + "dlog_alpha = (dg * g * (1 - g)).sum(0) + 0.01 * sigmoid(log_alpha) * (1 - sigmoid(log_alpha))", "*", oracle=f"({BC_R} * x * w.T * g * (1 - g)).sum(0) + {BC_REG}", style="bc-log-alpha-temperature-dropped")
C(BC, "log_alpha", N, BC_CELL + "dlog_alpha = (dg * g * (1 - g) / 0.5).sum(0)", "*", oracle=BC_LA, style="bc-log-alpha-penalty-forgotten")
C(BC, "w", V, "[[-0.0621], [-0.3162], [0.1153], [0.4079]]", style="v-bc-w")
C(BC, "log_alpha", V, "array([ 0.08793, -0.07186, -0.05603,  0.10494])", style="v-bc-log-alpha")

# ================================================================ concordance correlation loss (hand numbers)
C(CC, "b", V, "-0.286", style="v-cc-b")
C(CC, "b", V, "0.286", "sign", style="v-cc-b-sign")
C(CC, "w", V, "[[-0.04203], [0.01622], [0.1869]]", style="v-cc-w")

# ================================================================ closed-form Gaussian CRPS, N = 4
CR_S = "(2 * phi - 1 / np.sqrt(np.pi))"
C(CR, "w_mu", N, "dw_mu = x.T @ (1 - 2 * Phi) / N", oracle="x.T @ (1 - 2 * Phi) / N", style="cr-w-mu")
C(CR, "w_mu", N, "dw_mu = x.T @ (2 * Phi - 1) / N", "sign", oracle="x.T @ (2 * Phi - 1) / N", style="cr-w-mu-sign")
C(CR, "w_s", N, "ds = 2 * phi - 1 / np.sqrt(np.pi)\ndw_s = x.T @ (ds * sigmoid(x @ w_s + b_s)) / N", oracle=f"x.T @ ({CR_S} * sigmoid(x @ w_s + b_s)) / N", style="cr-w-s")
C(CR, "w_s", N, "ds = 2 * phi - 1 / np.sqrt(np.pi)\ndw_s = x.T @ ds / N", "*", oracle=f"x.T @ {CR_S} / N", style="cr-w-s-softplus-prime-forgotten")
C(CR, "w_mu", L, r"\frac{\partial L}{\partial w_{\mu}} = \frac{1}{N} x^{\top}\left(1 - 2\Phi\right)", oracle="x.T @ (1 - 2 * Phi) / N", style="cr-latex")
C(CR, "w_mu", V, "[[-0.1992], [0.004238], [0.2809]]", style="v-cr-w-mu")
C(CR, "b_s", V, "-0.0508", style="v-cr-b-s")

# ================================================================ DIN's local activation unit (one example)
C(DI, "w_out", N, "dlogit = sigmoid(logit) - click\ndw_out = np.concatenate([user, a], axis=1).T @ dlogit", oracle="np.concatenate([user, a], axis=1).T @ (sigmoid(logit) - click)", style="di-concatenate")
C(DI, "w_out", N, "dw_out = np.hstack([user, a]).T @ (sigmoid(logit) - click)", oracle="np.concatenate([user, a], axis=1).T @ (sigmoid(logit) - click)", style="di-hstack")
C(DI, "w_out", N, "dw_out = np.hstack([user, a]).T @ (click - sigmoid(logit))", "sign", oracle="np.concatenate([user, a], axis=1).T @ (click - sigmoid(logit))", style="di-hstack-sign")
C(DI, "w_out", L, r"解：$\frac{\partial L}{\partial w_{out}} = \left[\,\mathrm{user},\ a\,\right]^{\top}\left(\sigma(\mathrm{logit}) - \mathrm{click}\right)$", lang=Z, oracle="np.concatenate([user, a], axis=1).T @ (sigmoid(logit) - click)", style="zh-di-latex-concat")
C(DI, "w_out", V, "[[-0.1562], [-0.2368], [0.2005], [-0.2005]]", style="v-di-w-out")
C(DI, "w_out[2,0]", V, "-0.2005", "sign", style="v-di-w-out-20-sign")

# ================================================================ three-operand einsum bilinear score, B = 3
EB_W = "np.einsum('bi,b,bj->ij', x, sigmoid(s) - t, e) / B"
C(EB, "W", N, "dW = np.einsum('bi,b,bj->ij', x, sigmoid(s) - t, e) / B", oracle=EB_W, style="eb-einsum-three")
C(EB, "W", N, "ds = (sigmoid(s) - t) / B\ndW = x.T @ (ds[:, None] * e)", oracle=EB_W, style="eb-none-column")
C(EB, "W", N, "ds = sigmoid(s) - t\ndW = x.T @ (ds.reshape(-1, 1) * e)", "scale-factor", oracle=EB_W + " * B", style="eb-reshape-no-B")
C(EB, "W", N, "dW = np.einsum('bi,b,bj->ji', x, sigmoid(s) - t, e) / B", "*", style="eb-einsum-transposed")
C(EB, "W", N, "dW = np.einsum('bi,bj->ij', x, e) * np.mean(sigmoid(s) - t)", "*", oracle="np.einsum('bi,bj->ij', x, e) * np.mean(sigmoid(s) - t)", style="eb-mean-factored-out")
C(EB, "W", V, "[[-0.08915, 0.2293], [-0.08285, -0.0246], [-0.03345, 0.06115], [-0.07346, 0.1467]]", style="v-eb-W")

# ================================================================ energy distance (hand numbers)
C(ED, "g0", V, "[-0.0379, -1.2016]", style="v-ed-g0")
C(ED, "G[1,1]", V, "0.1193", style="v-ed-G-11")
C(ED, "g0", V, "[-0.0379, 1.2016]", "*", style="v-ed-g0-one-sign")

# ================================================================ GDN, MSE over N * C = 9 entries
C(GD, "D", N, "dD = y.T @ (2 * (y @ D - x)) / (N * C)", oracle="y.T @ (2 * (y @ D - x)) / (N * C)", style="gd-D")
C(GD, "D", N, "dD = y.T @ (2 * (y @ D - x)) / N", "scale-factor", oracle="y.T @ (2 * (y @ D - x)) / N", style="gd-D-mean-over-rows")
C(GD, "D", N, "dD = z.T @ (2 * (y @ D - x)) / (N * C)", "*", oracle="z.T @ (2 * (y @ D - x)) / (N * C)", style="gd-D-unnormalised-input")
C(GD, "D[1,0]", V, "0.5284", style="v-gd-D-10")
C(GD, "beta_raw", V, "[-0.01178, -0.1061, -0.01817]", style="v-gd-beta-raw")

# ================================================================ Heaviside with the straight-through estimator, B = 2
HS_DH = "((sigmoid(logit) - y) / B @ v.T)"
C(HS, "v", N, "dlogit = (sigmoid(logit) - y) / B\ndv = h.T @ dlogit", oracle="h.T @ (sigmoid(logit) - y) / B", style="hs-v")
C(HS, "W", N, "dh = (sigmoid(logit) - y) / B @ v.T\ndW = x.T @ dh  # straight-through: dh/da = 1", oracle=f"x.T @ {HS_DH}", style="hs-W-ste")
C(HS, "W", N, "dh = (sigmoid(logit) - y) / B @ v.T\ndW = x.T @ (dh * (a > 0))", "*", oracle=f"x.T @ ({HS_DH} * (a > 0))", style="hs-W-mask-for-identity")
C(HS, "W", N, "dW = np.zeros_like(W)  # heaviside has zero derivative", "*", oracle="np.zeros_like(W)", style="hs-W-zero")
C(HS, "b", N, "db = ((sigmoid(logit) - y) / B @ v.T).sum(0)", oracle=f"{HS_DH}.sum(0)", style="hs-b")
C(HS, "v", V, "[[0.2369], [0.2993], [-0.1249]]", style="v-hs-v")
C(HS, "W[1,2]", V, "0.479", style="v-hs-W-12")

# ================================================================ Flax Dense written out, SiLU, log_sigmoid BCE, B = 3
JF_U = "(x @ kernel1 + bias1)"
JF_DZ = "((sigmoid(z) - y) / B)"
C(JF, "kernel2", N, "dz = (jax.nn.sigmoid(z) - y) / B\ndkernel2 = jnp.dot(h.T, dz)", oracle=f"h.T @ {JF_DZ}", style="jf-kernel2")
C(JF, "bias2", N, "dbias2 = jnp.mean(jax.nn.sigmoid(z) - y)", oracle="np.mean(sigmoid(z) - y)", style="jf-bias2")
C(JF, "kernel1", N, "u = jnp.dot(x, kernel1) + bias1\ndsilu = jax.nn.sigmoid(u) * (1 + u * (1 - jax.nn.sigmoid(u)))\ndkernel1 = x.T @ ((jax.nn.sigmoid(z) - y) / B @ kernel2.T * dsilu)", oracle=f"x.T @ ({JF_DZ} @ kernel2.T * sigmoid({JF_U}) * (1 + {JF_U} * (1 - sigmoid({JF_U}))))", style="jf-kernel1")
C(JF, "kernel1", N, "u = jnp.dot(x, kernel1) + bias1\ndkernel1 = x.T @ ((jax.nn.sigmoid(z) - y) / B @ kernel2.T * jax.nn.sigmoid(u))", "*", oracle=f"x.T @ ({JF_DZ} @ kernel2.T * sigmoid({JF_U}))", style="jf-kernel1-silu-prime-as-sigmoid")
C(JF, "kernel2", N, "dkernel2 = jnp.dot(h.T, y - jax.nn.sigmoid(z)) / B", "sign", oracle="h.T @ (y - sigmoid(z)) / B", style="jf-kernel2-sign")
C(JF, "bias2", V, "0.5475", style="v-jf-bias2")
C(JF, "kernel2", V, "[[0.5497], [0.2684], [-0.1344], [-0.1168], [-0.116]]", style="v-jf-kernel2")

# ================================================================ probit with log_ndtr (hand numbers)
C(LN, "b", V, "1.423", style="v-ln-b")
C(LN, "w", V, "[[-0.312], [-0.7022], [0.5421]]", style="v-ln-w")
C(LN, "w", V, "[[-0.312], [-0.7022], [-0.5421]]", "*", style="v-ln-w-one-sign")

# ================================================================ linear autoencoder with multi_dot and row norms, N = 4
MD_U = "((X_hat - X) / err[:, None])"
C(MD, "W_dec", N, "R = X_hat - X\ndW_dec = (X @ W_enc).T @ (R / np.linalg.norm(R, axis=1, keepdims=True)) / N", oracle=f"(X @ W_enc).T @ {MD_U} / N", style="md-W-dec")
C(MD, "W_dec", N, "R = X_hat - X\ndW_dec = (X @ W_enc).T @ (2 * R) / N", "*", oracle="(X @ W_enc).T @ (2 * (X_hat - X)) / N", style="md-W-dec-squared-norm-habit")
C(MD, "W_enc", N, "R = X_hat - X\ndW_enc = X.T @ (R / err[:, None]) @ W_dec.T / N + 0.02 * W_enc", oracle=f"X.T @ {MD_U} @ W_dec.T / N + 0.02 * W_enc", style="md-W-enc")
C(MD, "W_enc", N, "R = X_hat - X\ndW_enc = X.T @ (R / err[:, None]) @ W_dec.T / N + 0.01 * W_enc", "*", oracle=f"X.T @ {MD_U} @ W_dec.T / N + 0.01 * W_enc", style="md-W-enc-penalty-2-dropped")
C(MD, "W_enc[1,0]", V, "0.1796", style="v-md-W-enc-10")
C(MD, "W_dec", N, "dW_dec = tf.GradientTape().gradient(loss, W_dec)", REFUSE, style="md-gradient-tape")

# ================================================================ NCA with softmin (hand numbers)
C(NC, "A[0,0]", V, "0.3628", style="v-nc-A-00")
C(NC, "A", V, "[[0.3628, -0.4475], [0.916, -1.928], [-0.2078, 1.047]]", style="v-nc-A")
C(NC, "A[1,1]", V, "-1.93", style="v-nc-A-11-3sf")
C(NC, "A[0,1]", V, "约 -0.448", lang=Z, style="zh-v-nc-A-01")

# ================================================================ NeRF volume rendering, R-Drop, SimSiam, TF attention
C(NR, "Ws[0,0]", V, "0.0458", style="v-nr-Ws-00")
C(NR, "Ws[1,1]", V, "0.000", style="v-nr-Ws-11-dead-relu")
C(NR, "Wc[0,2]", V, "0.01356", style="v-nr-Wc-02")
C(RD, "W2[1,0]", V, "-0.3209", style="v-rd-W2-10")
C(RD, "W2", V, "[[0, 0, 0], [-0.3209, 0.0364, 0.2845], [0, 0, 0], [-0.4722, 0.3757, 0.0965]]", style="v-rd-W2-zero-rows")
C(SS, "Wh2[0,0]", V, "-0.8116", style="v-ss-Wh2-00")
TA_DP = "(2 * (pred - y) / T)"
C(TA, "w_out", N, "dpred = 2 * (pred - y) / T\ndw_out = tf.matmul(ctx, dpred, transpose_a=True)", oracle=f"ctx.T @ {TA_DP}", style="ta-w-out")
C(TA, "w_out", N, "dw_out = tf.matmul(ctx, pred - y, transpose_a=True) / T", "scale-factor", oracle="ctx.T @ (pred - y) / T", style="ta-w-out-2-dropped")
C(TA, "Wv", N, "dctx = 2 * (pred - y) / T @ tf.transpose(w_out)\ndv = tf.matmul(attn, dctx, transpose_a=True)\ndWv = tf.matmul(x, dv, transpose_a=True)", oracle=f"x.T @ (attn.T @ ({TA_DP} @ w_out.T))", style="ta-Wv")
C(TA, "Wv", N, "dctx = 2 * (pred - y) / T @ tf.transpose(w_out)\ndWv = tf.matmul(x, tf.matmul(attn, dctx), transpose_a=True)", "*", oracle=f"x.T @ (attn @ ({TA_DP} @ w_out.T))", style="ta-Wv-attn-not-transposed")
C(TA, "Wv[3,2]", V, "0.1107", style="v-ta-Wv-32")
C(TA, "w_out", V, "[[-0.1749], [-0.214], [-0.1125], [-0.101]]", style="v-ta-w-out")

# ================================================================ more slips, written with the rest of round a
C(M, "W1", N, "dW1 = np.einsum('ni,nh->ih', X, (A2 - Y) @ W2.T * (A2 > 0.5)) / m", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (A2 > 0.5)) / m", style="einsum-mask-of-output-layer")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top}\left[P \circ \left(-\frac{Y}{P}\right)\right]", "*", oracle="X.T @ (-Y) / m", style="s-latex-jacobian-diag-p")
C(R2, "b", N, "d2 = (h_2 - y) * (1 - h_2 ** 2)\nd1 = d2 @ W_h.T * (1 - h_1 ** 2)\ndb = np.sum(d1 + d2, axis=0, keepdims=True) * 2", "scale-factor", oracle=f"np.sum({R2_D1} + {R2_D2}, axis=0, keepdims=True) * 2", style="rnn-b-half-dropped")
C(T, "W2", L, r"\frac{\partial E}{\partial W_2} = 2\,h^{\top}\left(y_{pred} - y_{target}\right)", "scale-factor", oracle="2 * " + TW2, style="t-latex-half-dropped")
C(B, "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * n), axis=0) / m", "scale-factor", oracle=f"np.sum({BN_DY}, axis=0) / m", style="b-beta-m-twice")
C(E, "w", N, "In [4]: dw = (O - t) * O * (1 - O) * z", "*", style="n-z-for-x")
C(A, "W_v", V, "[[-0.1300, 0.1532], [-0.3080, -0.3761]]", "*", style="v-a-Wv-one-sign")

# ================================================================ round b: written after round a's fixes, before any run of these
_round = "b"
EB_W2 = "np.einsum('bi,b,bj->ij', x, sigmoid(s) - t, e) / B"
C(M, "b2", N, 'def grad_b2(A2, Y):\n    """dL/db2."""\n    return (A2 - Y).mean(axis=0, keepdims=True)', oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="b-def-docstring-mean")
C(S, "b", N, "def grad_b(P, Y):\n    return np.sum(Y - P, axis=0, keepdims=True) / m", "sign", oracle="np.sum(Y - P, axis=0, keepdims=True) / m", style="b-def-sign")
C(EB, "W", N, "dW = np.einsum('ni,n,nj->ij', x, sigmoid(s) - t, e) / len(t)", oracle=EB_W2, style="b-eb-einsum-n-len")
C(EB, "W", N, "ds = sigmoid(s) - t\ndW = np.einsum('ni,n,nj->ij', x, ds, e) / B / B", "scale-factor", oracle=EB_W2 + " / B", style="b-eb-einsum-B-twice")
C(R, "w2", N, "grad_w2 = np.transpose(h_relu, axes=(1, 0)).dot(2.0 * (y_pred - y))", oracle=RW2, style="b-r-transpose-axes-kw")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = np.transpose(X, (1, 0)) @ np.transpose(A, (1, 0)) @ dO", oracle=f"X.T @ (A.T @ {AT_DO})", style="b-a-transpose-axes")
C(A, "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = np.transpose(X, (1, 0)) @ A @ dO", "*", oracle=f"X.T @ (A @ {AT_DO})", style="b-a-transpose-axes-A-kept")
C(EB, "W", N, "dW = x.T @ np.diag(sigmoid(s) - t) @ e / B", oracle=EB_W2, style="b-eb-diag")
C(EB, "W", N, "D = np.diag(sigmoid(s) - t)\ndW = e.T @ D @ x / B", "*", style="b-eb-diag-named-transposed")
C(M, "W1", V, "Out[12]:\narray([[-0.0979,  0.1356],\n       [-0.1959,  0.0791]])", style="b-v-out-newline")
C(T, "W2", V, "Out[3]: array([[-0.1139], [-0.1172]])", style="b-v-t-out")
C(T, "W2", V, "Out[3]: array([[-0.1139], [0.1172]])", "*", style="b-v-t-out-one-sign")
C(S, "W", N, "dW = X.T @ (P - Y) / m\nprint(dW.shape)\ndW.dtype", oracle=SW, style="b-s-dtype-display")
C(E, "w", N, "def dL_dw(x, O, t):\n    delta = (O - t) * O * (1 - O)\n    return delta * x * 2", "scale-factor", oracle="2 * " + EW, style="b-n-def-times-2")
C(M, "W2", N, "# 梯度函数\ndef grad_W2(A1, A2, Y):\n    return A1.T @ (A2 - Y) / m", lang=Z, oracle=W2R, style="b-zh-def")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c25-000, … as written; cases that happen to repeat corpus 2-24 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus25", "c25", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
