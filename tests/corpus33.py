"""The held-out-style corpus of issue 11, thirty-third round: whole student scripts as they are
handed in — Ng's deeplearning.ai backward passes (``cache`` unpacked, ``grads["dW" + str(l)]``,
``parameters``, L2 regularisation ``lambd / m * W``), CS231n's ``dx, dw, db = …`` layer
functions with ``x.reshape``, Karpathy's micrograd/makemore manual backprop (``dlogits``,
``dhpreact``, ``bnraw``), D2L's from-scratch code, JAX-style ``jnp`` —; twelve lecturer networks no
corpus had used (Ng's 3-layer L2 network, CS231n's multiclass hinge, focal loss, a GRU step, an
LSTM step, makemore's batch norm and MLP, min-char-rnn, CMU's BatchNorm1d, RMSNorm, 李宏毅's
column-major self-attention, a squared-norm weight decay); LaTeX from lecture notes not used so
far (Goodfellow's ∇ notation, CS229's ``x^{(i)}``, 邱锡鹏's ``δ^{(l)}``, ``\\left( \\right)``,
``\\cdot``/``\\circ``/``\\odot``/``\\otimes`` misuse, ``\\text{diag}``, ``\\mathrm{d}``);
hand numbers on course networks and exercise-sheet variants graded against the JSON answer key
(``derive check NET --answers KEY``), Chinese answers with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck33"). Built-in matrix cases carry a PyTorch oracle
(tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in PyTorch
(tests/spelled_oracle.py); hand numbers were computed in PyTorch float64 from the spec's own
forward text (at the example point, or at an answer key's ``values``) and rounded by hand.
``opts`` ``answers`` = (network, variant, seed) grades against that exercise variant's answer key
(``derive build NET -f exercises --variant N --seed S`` then ``derive check NET --answers KEY``).
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
NG = str(COURSE / "ng_c2_l2_nansum.toml")
HG = str(COURSE / "hinge.toml")
FO = str(COURSE / "focal.toml")
GR = str(COURSE / "gru_step.toml")
LS = str(COURSE / "lstm_step.toml")
MB = str(COURSE / "makemore_bn.toml")
MM = str(COURSE / "makemore_mlp.toml")
MC = str(COURSE / "min_char_rnn.toml")
CB = str(COURSE / "cmu_batchnorm.toml")
RM = str(COURSE / "rmsnorm.toml")
LA = str(COURSE / "lhy_self_attention_colmajor.toml")
ND = str(COURSE / "norm_sq_decay.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


KM, KT, KS, KN, KH = K(M, 4, 2026), K(T, 2, 5), K(S, 6, 11), K(NG, 2, 3), K(HG, 1, 9)

# ---- oracles (PyTorch float64, tests/check_oracle.py)
from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402
from corpus22 import AT_DA, AT_DO, AT_DS, BN_DY, BN_DZH, R2_D1, R2_D2  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0))"
RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"
BN_DZ = f"((m * {BN_DZH} - {BN_DZH}.sum(0, keepdims=True) - Z_hat * ({BN_DZH} * Z_hat).sum(0, keepdims=True)) / (m * np.sqrt(var + eps)))"
BW = f"X.T @ {BN_DZ}"
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
AWQ = f"X.T @ ({AT_DS} @ K) / np.sqrt(d)"
AWK = f"X.T @ ({AT_DS}.T @ Q) / np.sqrt(d)"
AWV = f"X.T @ (A.T @ {AT_DO})"

# ================================================================ mlp-bce: Ng's deeplearning.ai scripts (row-major network)
C(M, "W2", N, "def backward_propagation(parameters, cache, X, Y):\n    m = X.shape[0]\n    W1 = parameters[\"W1\"]\n    W2 = parameters[\"W2\"]\n    A1 = cache[\"A1\"]\n    A2 = cache[\"A2\"]\n    dZ2 = A2 - Y\n    dW2 = (1 / m) * np.dot(A1.T, dZ2)\n    db2 = (1 / m) * np.sum(dZ2, axis=0, keepdims=True)\n    dZ1 = np.multiply(np.dot(dZ2, W2.T), np.int64(A1 > 0))\n    dW1 = (1 / m) * np.dot(X.T, dZ1)\n    db1 = (1 / m) * np.sum(dZ1, axis=0, keepdims=True)\n    grads = {\"dW1\": dW1, \"db1\": db1, \"dW2\": dW2, \"db2\": db2}\n    return grads", oracle=W2R, style="ng-function-whole")
C(M, "W1", N, "def backward_propagation(parameters, cache, X, Y):\n    m = X.shape[0]\n    W2 = parameters[\"W2\"]\n    A1 = cache[\"A1\"]\n    A2 = cache[\"A2\"]\n    dZ2 = A2 - Y\n    dZ1 = np.multiply(np.dot(dZ2, W2.T), np.int64(A1 > 0))\n    dW1 = (1 / m) * np.dot(X.T, dZ1)\n    return {\"dW1\": dW1}", oracle=W1R, style="ng-function-W1-int64-mask")
C(M, "W1", N, "def backward_propagation(parameters, cache, X, Y):\n    m = X.shape[0]\n    W2 = parameters[\"W2\"]\n    A1 = cache[\"A1\"]\n    A2 = cache[\"A2\"]\n    dZ2 = A2 - Y\n    dZ1 = np.multiply(np.dot(dZ2, W2.T), 1 - np.power(A1, 2))\n    dW1 = (1 / m) * np.dot(X.T, dZ1)\n    return {\"dW1\": dW1}", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * (1 - A1 ** 2)) / m", style="ng-function-W1-tanh-derivative", note="Ng's planar-data network has tanh: the tanh derivative copied onto a ReLU network")
C(M, "W2", N, "(Z1, A1, W1, b1, Z2, A2, W2, b2) = cache\nm = X.shape[0]\ndZ2 = A2 - Y\ndW2 = 1. / m * np.dot(A1.T, dZ2)", oracle=W2R, style="ng-cache-tuple-unpacked")
C(M, "b2", N, "(Z1, A1, W1, b1, Z2, A2, W2, b2) = cache\nm = X.shape[0]\ndZ2 = A2 - Y\ndb2 = 1. / m * np.sum(dZ2, axis=0, keepdims=True)", oracle=B2R, style="ng-cache-b2")
C(M, "b2", N, "(Z1, A1, W1, b1, Z2, A2, W2, b2) = cache\nm = X.shape[0]\ndZ2 = A2 - Y\ndb2 = 1. / m * dZ2", "bias-not-summed", style="ng-cache-b2-not-summed")
C(M, "W1", N, "grads = {}\nL = 2\ndZ = A2 - Y\ngrads[\"dW\" + str(L)] = np.dot(A1.T, dZ) / m\ndA_prev = np.dot(dZ, W2.T)\ndZ = dA_prev * (Z1 > 0)\ngrads[\"dW\" + str(L - 1)] = np.dot(X.T, dZ) / m\ndW1 = grads[\"dW1\"]", oracle=W1R, style="ng-grads-str-l")
C(M, "W1", N, "parameters = {\"W1\": W1, \"W2\": W2}\ncaches = [(X, Z1), (A1, Z2)]\ngrads = {}\ndZ = A2 - Y\nfor l in reversed(range(2)):\n    A_prev, Z = caches[l]\n    grads[\"dW\" + str(l + 1)] = np.dot(A_prev.T, dZ) / m\n    if l > 0:\n        dZ = np.dot(dZ, parameters[\"W\" + str(l + 1)].T) * (caches[l - 1][1] > 0)\ndW1 = grads[\"dW1\"]", oracle=W1R, style="ng-reversed-range-loop", note="Ng's L_model_backward, written for two layers: caches indexed by l")
C(M, "W1", N, "grads = {}\ndZ = A2 - Y\ngrads[\"dW2\"] = A1.T @ dZ / m\ndZ = dZ @ W2.T\ngrads[\"dW1\"] = X.T @ dZ / m\ndW1 = grads[\"dW1\"]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="ng-grads-no-relu-backward")
C(M, "W2", N, "dAL = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))\ns = 1 / (1 + np.exp(-Z2))\ndZ2 = dAL * s * (1 - s)\ndW2 = np.dot(A1.T, dZ2) / m", oracle=W2R, style="ng-dAL-sigmoid-backward")
C(M, "W2", N, "dAL = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))\ndZ2 = dAL * A2 * (1 - A2)\ndW2 = np.dot(A1.T, dZ2)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="ng-dAL-no-m")
C(M, "W2", N, "dAL = - (np.divide(Y, A2) + np.divide(1 - Y, 1 - A2))\ndZ2 = dAL * A2 * (1 - A2)\ndW2 = np.dot(A1.T, dZ2) / m", "*", oracle="A1.T @ (-(Y / A2 + (1 - Y) / (1 - A2)) * A2 * (1 - A2)) / m", style="ng-dAL-plus-slip")
C(M, "b1", N, "def linear_backward(dZ, A_prev, W):\n    m = A_prev.shape[0]\n    dW = np.dot(A_prev.T, dZ) / m\n    db = np.sum(dZ, axis=0, keepdims=True) / m\n    dA_prev = np.dot(dZ, W.T)\n    return dA_prev, dW, db\ndA1, dW2, db2 = linear_backward(A2 - Y, A1, W2)\ndZ1 = dA1 * (Z1 > 0)\n_, dW1, db1 = linear_backward(dZ1, X, W1)", oracle=B1R, style="ng-linear-backward-helper-defined", note="a helper the student defines and calls: readable in principle")
C(M, "b1", N, "dZ1 = np.dot(A2 - Y, W2.T) * (A1 > 0)\ndb1 = np.sum(dZ1, axis=1, keepdims=True) / m", "*", style="ng-b1-axis1-colmajor-habit", note="Ng's column-major axis=1 on a row-major network: sums over units")
C(M, "W1[0,0]", V, "-0.0979", style="ng-v-W1-00")
C(M, "b2[0,0]", V, "0.06038", style="ng-v-b2")
C(M, "W2[1,0]", V, "-0.008985", style="ng-v-W2-10")
C(M, "W2[1,0]", V, "0.008985", "sign", style="ng-v-W2-10-sign")
C(M, "W2[0,0]", V, "-0.1763", style="ng-v-W2-00")

# ================================================================ Ng's 3-layer L2-regularised network (course 2, column-major)
NGH = "(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\nm = X.shape[1]\ndZ3 = A3 - Y\n"
NG_D3 = "(A3 - Y)"
NG_D2 = f"(W3.T @ {NG_D3} * (A2 > 0))"
NG_D1 = f"(W2.T @ {NG_D2} * (A1 > 0))"
C(NG, "W3", N, NGH + "dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd * W3) / m", oracle=f"{NG_D3} @ A2.T / m + lambd * W3 / m", style="ng2-W3-l2")
C(NG, "W3", N, NGH + "dW3 = 1. / m * np.dot(dZ3, A2.T)", "missing-loss-term", style="ng2-W3-no-l2", note="the L2 term's gradient left out (A2 = 0 at the example: no oracle)")
C(NG, "W3", N, NGH + "dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd * W3) / (2 * m)", "*", oracle=f"{NG_D3} @ A2.T / m + lambd * W3 / (2 * m)", style="ng2-W3-l2-half")
C(NG, "W3", N, NGH + "dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd * W3", "*", oracle=f"{NG_D3} @ A2.T / m + lambd * W3", style="ng2-W3-l2-no-m")
C(NG, "b3", N, NGH + "db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)", oracle=f"np.sum({NG_D3}, axis=1, keepdims=True) / m", style="ng2-b3")
C(NG, "b3", N, NGH + "db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True) + lambd / m * b3", "*", oracle=f"np.sum({NG_D3}, axis=1, keepdims=True) / m + lambd / m * b3", style="ng2-b3-regularised-bias")
C(NG, "W2", N, NGH + "dA2 = np.dot(W3.T, dZ3)\ndZ2 = np.multiply(dA2, np.int64(A2 > 0))\ndW2 = 1. / m * np.dot(dZ2, A1.T) + (lambd * W2) / m", style="ng2-W2-l2")
C(NG, "W2", N, NGH + "dA2 = np.dot(W3.T, dZ3)\ndZ2 = np.multiply(dA2, np.int64(A2 > 0))\ndW2 = 1. / m * np.dot(dZ2, A1.T) + (lambd * W3) / m", "*", style="ng2-W2-l2-wrong-W", note="lambd * W3 (1×2) added to a 2×3 gradient: no broadcast fits — a shape error, refused or judged wrong, never ✓")
C(NG, "W1", N, NGH + "dA2 = np.dot(W3.T, dZ3)\ndZ2 = np.multiply(dA2, np.int64(A2 > 0))\ndA1 = np.dot(W2.T, dZ2)\ndZ1 = np.multiply(dA1, np.int64(A1 > 0))\ndW1 = 1. / m * np.dot(dZ1, X.T) + (lambd * W1) / m", style="ng2-W1-l2")
C(NG, "W1", N, NGH + "dA2 = np.dot(W3.T, dZ3)\ndZ2 = np.multiply(dA2, np.int64(A2 > 0))\ndA1 = np.dot(W2.T, dZ2)\ndZ1 = np.multiply(dA1, np.int64(A1 > 0))\ndW1 = 1. / m * np.dot(dZ1, X.T)", "missing-loss-term", style="ng2-W1-no-l2")
C(NG, "W3", N, "grads = {}\nm = Y.shape[1]\ndZ3 = A3 - Y\ngrads[\"dW\" + str(3)] = np.dot(dZ3, A2.T) / m + lambd / m * W3\ndW3 = grads[\"dW3\"]", style="ng2-W3-grads-str")
C(NG, "W3", L, r"\frac{\partial J}{\partial W^{[3]}} = \frac{1}{m}\, dZ^{[3]} A^{[2]T} + \frac{\lambda}{m} W^{[3]}, \quad dZ^{[3]} = A^{[3]} - Y", style="ng2-latex-W3", note="λ is the spec's lambd")
C(NG, "W3", L, r"\frac{\partial J}{\partial W^{[3]}} = \frac{1}{m}\, dZ^{[3]} A^{[2]T} + \lambda W^{[3]}, \quad dZ^{[3]} = A^{[3]} - Y", "*", style="ng2-latex-W3-no-m")
C(NG, "W3", N, "# L2 正则化：代价里的 λ/(2m)·ΣW² 求导得 λ/m·W\ndZ3 = A3 - Y\ndW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3", lang=Z, style="ng2-zh-W3")
C(NG, "W3[0,0]", V, "-0.1225", style="ng2-v-W3-00-example")
C(NG, "W3[0,0]", V, "-0.7418", opts=KN, style="ng2-key-W3-00")
C(NG, "W3[0,1]", V, "-0.2429", opts=KN, style="ng2-key-W3-01")
C(NG, "b3[0,0]", V, "-0.3130", opts=KN, style="ng2-key-b3")
C(NG, "W1[1,1]", V, "0.6226", opts=KN, style="ng2-key-W1-11")
C(NG, "W3[0,0]", V, "-0.1225", "*", opts=KN, style="ng2-key-base-number", note="the example's number given for variant 2")
C(NG, "W3", N, "dZ3 = A3 - Y\ndW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3", opts=KN, style="ng2-key-W3-formula")

# ================================================================ softmax-regression: CS231n layer functions and D2L from scratch
C(S, "W", N, "def affine_backward(dout, cache):\n    x, w, b = cache\n    dx = dout.dot(w.T).reshape(x.shape)\n    dw = x.reshape(x.shape[0], -1).T.dot(dout)\n    db = np.sum(dout, axis=0)\n    return dx, dw, db\ndscores = (P - Y) / m\n_, dW, db = affine_backward(dscores, (X, W, b))", oracle=SW, style="cs231n-affine-backward-whole")
C(S, "W", N, "dscores = P.copy()\ndscores -= Y\ndscores /= m\ndW = X.reshape(X.shape[0], -1).T.dot(dscores)", oracle=SW, style="cs231n-reshape-dot")
C(S, "b", N, "dscores = P.copy()\ndscores -= Y\ndscores /= m\ndb = np.sum(dscores, axis=0)", oracle="np.sum(P - Y, axis=0) / m", style="cs231n-db-1d")
C(S, "W", N, "dscores = P.copy()\ndscores -= Y\ndW = X.reshape(X.shape[0], -1).T.dot(dscores)", "scale-factor", oracle="X.T @ (P - Y)", style="cs231n-no-divide")
C(S, "W", N, "probs = np.exp(Z - np.max(Z, axis=1, keepdims=True))\nprobs /= np.sum(probs, axis=1, keepdims=True)\ndZ = probs - Y\ndW = X.T.dot(dZ) / m + 0 * W", oracle=SW, style="cs231n-reg-zero")
C(S, "W", N, "probs = np.exp(Z - np.max(Z, axis=1, keepdims=True))\nprobs /= np.sum(probs, axis=0, keepdims=True)\ndZ = probs - Y\ndW = X.T.dot(dZ) / m", "*", style="cs231n-softmax-axis0")
C(S, "W", N, "def softmax(X):\n    X_exp = torch.exp(X)\n    partition = X_exp.sum(1, keepdim=True)\n    return X_exp / partition\ny_hat = softmax(torch.matmul(X, W) + b)\ngrad_W = torch.matmul(X.T, y_hat - Y) / len(Y)", oracle=SW, style="d2l-softmax-defined")
C(S, "W", N, "y_hat = softmax(X @ W + b)\ngrad_W = X.T @ (y_hat - Y) / len(y_hat)", oracle=SW, style="d2l-len-yhat")
C(S, "W", N, "y_hat = softmax(X @ W + b)\ngrad_W = X.T @ (Y - y_hat) / len(y_hat)", "sign", oracle="X.T @ (Y - P) / m", style="d2l-sign")
C(S, "W", N, "import jax.numpy as jnp\nlogits = jnp.dot(X, W) + b\nprobs = jax.nn.softmax(logits, axis=-1)\ndW = jnp.dot(X.T, probs - Y) / X.shape[0]", oracle=SW, style="jax-jnp-dW")
C(S, "b", N, "probs = jax.nn.softmax(jnp.dot(X, W) + b)\ndb = jnp.mean(probs - Y, axis=0, keepdims=True)", oracle=SB, style="jax-jnp-mean-b")
C(S, "b", N, "probs = jax.nn.softmax(jnp.dot(X, W) + b)\ndb = jnp.mean(probs - Y, axis=1, keepdims=True)", "*", style="jax-jnp-mean-b-axis1")
C(S, "W", L, r"\nabla_{W} J(W) = \frac{1}{m}\sum_{i=1}^{m} x^{(i)} \left( p^{(i)} - y^{(i)} \right)^{T}", oracle=SW, style="cs229-sum-xi-outer", note="CS229: x^{(i)} a column, the outer product x (p − y)ᵀ")
C(S, "W", L, r"\nabla_{W} J(W) = \frac{1}{m}\sum_{i=1}^{m} \left( p^{(i)} - y^{(i)} \right) x^{(i)T}", "*", style="cs229-sum-outer-transposed", note="(p − y) x^T is k×n, the transpose of W's n×k: transposed (n = 2, k = 3)")
C(S, "W", L, r"\nabla_{\boldsymbol{W}} L = \frac{1}{m} \boldsymbol{X}^{\top} \left( \mathrm{softmax}(\boldsymbol{Z}) - \boldsymbol{Y} \right)", oracle=SW, style="goodfellow-boldsymbol")
C(S, "b", L, r"\nabla_{\boldsymbol{b}} L = \frac{1}{m} \boldsymbol{1}^{\top} \left( \boldsymbol{P} - \boldsymbol{Y} \right)", oracle=SB, style="goodfellow-ones-b")
C(S, "W", L, r"\frac{\mathrm{d} L}{\mathrm{d} W} = \frac{1}{m} X^{\top} \cdot \left( P - Y \right)", oracle=SW, style="mathrm-d-cdot-matmul")
C(S, "W", L, r"\frac{\mathrm{d} L}{\mathrm{d} W} = \frac{1}{m} X^{\top} \otimes \left( P - Y \right)", "*", style="otimes-misuse", note="⊗ (a Kronecker/outer product) between a 2×2 and a 2×3 matrix: not the matrix product; refused or wrong, never ✓")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top} \circ \left( P - Y \right)", "*", style="circ-misuse", note="∘ (elementwise) between 2×2 and 2×3: no shape fits; refused or wrong")
C(S, "W", V, "0.5849", REFUSE, style="s-v-W-no-entry", note="W has six entries: a number without its entry is refused (README: --value needs an entry)")
C(S, "b[0,1]", V, "0.3709", style="s-v-b01")
C(S, "W[0,0]", V, "0.4297", opts=KS, style="s-key-W00")
C(S, "W[1,2]", V, "-0.06636", opts=KS, style="s-key-W12")
C(S, "b[0,2]", V, "0.6489", opts=KS, style="s-key-b02")
C(S, "b[0,2]", V, "-0.6489", "sign", opts=KS, style="s-key-b02-sign")
C(S, "W[0,0]", V, "0.5849", "*", opts=KS, style="s-key-base-number")
C(S, "W", N, "dZ = (P - Y) / m\ndW = X.T @ dZ", opts=KS, style="s-key-formula")
C(S, "W", N, "dW = X.T @ (P - Y)", "scale-factor", opts=KS, style="s-key-formula-no-m")

# ================================================================ tiny-mlp / neuron / chain: micrograd style and scalar graphs
C(T, "W1", N, "# micrograd-style manual backward\ny_pred_grad = 1.0 * (y_pred - y_target)\nh_grad = y_pred_grad * W2.T\nh_raw_grad = h_grad * h * (1 - h)\nW1_grad = X.T @ h_raw_grad", oracle=TW1, style="micrograd-names-grad")
C(T, "W1", N, "dy_pred = y_pred - y_target\ndh = dy_pred @ W2.T\ndh_raw = dh * (1 - h) * h\ndW1 = np.outer(X, dh_raw)", oracle=TW1, style="np-outer-W1")
C(T, "W1", N, "dy_pred = y_pred - y_target\ndh = dy_pred @ W2.T\ndh_raw = dh * (1 - h) * h\ndW1 = np.outer(dh_raw, X)", "*", style="np-outer-W1-swapped", note="n_in = n_h = 2: the shapes fit, the result is transposed")
C(T, "W1", N, "dy_pred = y_pred - y_target\ndh = dy_pred @ W2.T\ndh_raw = dh * h\ndW1 = X.T @ dh_raw", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="sigmoid-prime-half")
C(T, "W2", N, "dW2 = 0.5 * np.dot(h.T, y_pred - y_target)", "scale-factor", oracle=f"0.5 * {TW2}", style="t-W2-half-kept")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left( \left( y_{pred} - y_{target} \right) W_2^{\top} \odot h \odot (1 - h) \right)", oracle=TW1, style="t-latex-left-right-odot")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left( \left( y_{pred} - y_{target} \right) W_2^{\top} \cdot h \cdot (1 - h) \right)", oracle=TW1, style="t-latex-cdot-for-odot", note="· between a 1×2 row and the 1×2 rows h, 1 − h: only elementwise fits")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left( \left( y_{pred} - y_{target} \right) W_2^{\top} \odot \text{diag}(h \odot (1 - h)) \right)", "*", style="t-latex-odot-diag-mixed", note="⊙ with a 2×2 diag matrix: no shape fits a 1×2 row; refused or wrong")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^{\top} \left( \left( y_{pred} - y_{target} \right) W_2^{\top}\, \text{diag}(h \odot (1 - h)) \right)", oracle=TW1, style="t-latex-times-diag", note="a row times diag(σ′) is the elementwise product")
C(T, "W1[0,0]", V, "-0.01367", style="t-v-W1-00")
C(T, "W2[0,0]", V, "-0.1139", style="t-v-W2-00")
C(T, "W1[1,0]", V, "0.3535", "*", opts=KT, style="t-key-W1-10-wrong-entry", note="variant 2's W1[0,0] given for W1[1,0] (0.4713)")
C(T, "W1[0,0]", V, "0.3535", opts=KT, style="t-key-W1-00")
C(T, "W1[1,0]", V, "0.4713", opts=KT, style="t-key-W1-10")
C(T, "W2[1,0]", V, "-1.698", opts=KT, style="t-key-W2-10")
C(T, "W2[1,0]", V, "-0.1172", "*", opts=KT, style="t-key-W2-10-base-number")
C(T, "W2", N, "dW2 = h.T @ (y_pred - y_target)", opts=KT, style="t-key-W2-formula")
C(T, "W2", N, "dW2 = h @ (y_pred - y_target)", "*", opts=KT, style="t-key-W2-untransposed", note="1×2 @ 1×1 does not fit: refused (shape) or judged wrong, never ✓")
C(E, "w", N, "# micrograd: o.grad = 1; z.grad = o.data * (1 - o.data) * o.grad\no_grad = O - t\nz_grad = O * (1 - O) * o_grad\nw_grad = z_grad * x", oracle=EW, style="n-micrograd")
C(E, "w", N, "o_grad = O - t\nz_grad = (1 - O ** 2) * o_grad\nw_grad = z_grad * x", "wrong-activation-derivative", oracle="(O - t) * (1 - O ** 2) * x", style="n-micrograd-tanh-grad", note="micrograd's tanh backward (1 − t²) on a sigmoid neuron")
C(E, "w", L, r"\frac{\mathrm{d} L}{\mathrm{d} w} = (O - t)\, O (1 - O)\, x", oracle=EW, style="n-latex-mathrm-d")
C(E, "w", L, r"\frac{\mathrm{d} L}{\mathrm{d} w} = (O - t)\, O (1 - O)\, x^{\top}", "*", style="n-latex-x-transposed", note="x is 1×n like w; xᵀ is n×1: the transpose of the answer — wrong or refused, never ✓")
C(E, "w[0,1]", V, "-0.0367", style="n-v-w01")
C(E, "w[0,1]", V, "-0.0245", "*", style="n-v-w01-wrong-entry")
C(CH, "w", N, "# micrograd: L = v**2\nv_grad = 2 * v\nu_grad = v_grad\nw_grad = u_grad * x", oracle="2 * v * x", style="ch-micrograd")
C(CH, "w", N, "v_grad = 2 * v\nu_grad = v_grad\nw_grad = u_grad * w", "*", style="ch-micrograd-w-for-x", note="at the example x = 2, w = 3: 60 ≠ 40")
C(CH, "b", N, "v_grad = 2 * v\nb_grad = v_grad * x", "*", oracle="2 * v * x", style="ch-micrograd-b-times-x")
C(CH, "w", V, "40", style="ch-v-w")
C(CH, "b", V, "20", style="ch-v-b")
C(CH, "b", V, "10", "*", style="ch-v-b-no-2")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = \frac{\mathrm{d}L}{\mathrm{d}v}\cdot\frac{\mathrm{d}v}{\mathrm{d}u}\cdot\frac{\mathrm{d}u}{\mathrm{d}w} = 2v \cdot 1 \cdot x", oracle="2 * v * x", style="ch-latex-chain-written")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = 2v \cdot 1 \cdot w", "*", style="ch-latex-w")

# ================================================================ relu-mlp: PyTorch manual (no autograd), register_hook-free
C(R, "w1", N, "h = x.mm(w1)\nh_relu = h.clamp(min=0)\ny_pred = h_relu.mm(w2)\nloss = (y_pred - y).pow(2).sum()\ngrad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_h = grad_h_relu * (h > 0).float()\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-torch-whole-forward-backward")
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = torch.matmul(h.transpose(0, 1), grad_y_pred)", "*", oracle="2 * h.T @ (y_pred - y)", style="r-h-for-hrelu")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * torch.heaviside(h, torch.tensor(0.0))\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-heaviside-0")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * torch.sign(h_relu)\ngrad_w1 = x.t().mm(grad_h)", oracle=RW1, style="r-sign-of-hrelu")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * torch.sign(h)\ngrad_w1 = x.t().mm(grad_h)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * np.sign(h))", style="r-sign-of-h", note="sign(h) is −1 where h < 0: wrong")
C(R, "w1", N, "grad_y_pred = (y_pred - y)\ngrad_h = grad_y_pred.mm(w2.t()) * (h > 0)\ngrad_w1 = x.t().mm(grad_h)", "scale-factor", oracle=f"0.5 * {RW1}", style="r-no-2")
C(R, "w2", L, r"\nabla_{w_2} \ell = 2\, h_{relu}^{\top} (\hat{y} - y)", oracle=RW2, style="r-latex-nabla-hat-y", note="ŷ read as y_pred")
C(R, "w2[0,1]", V, "-2.511", style="r-v-w2-01")
C(R, "w2[2,0]", V, "-0.8038", style="r-v-w2-20")
C(R, "w2[2,0]", V, "-0.4019", "*", style="r-v-w2-20-half")

# ================================================================ mlp-bce-weighted, rnn, attention, batchnorm: scripts
C(MW, "W2", N, "pos_weight = w\ndZ2 = (1 - Y) * A2 - pos_weight * Y * (1 - A2)\ndW2 = A1.T @ dZ2 / m", oracle="A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="mw-pos-weight-alias")
C(MW, "W2", N, "dZ2 = A2 - w * Y\ndW2 = A1.T @ dZ2 / m", "*", oracle="A1.T @ (A2 - w * Y) / m", style="mw-naive-weight")
C(R2, "W_h", N, "def rnn_step_backward(dnext_h, cache):\n    x, prev_h, Wx, Wh, next_h = cache\n    dtanh = dnext_h * (1 - next_h ** 2)\n    dWh = prev_h.T.dot(dtanh)\n    dprev_h = dtanh.dot(Wh.T)\n    return dprev_h, dWh\ndh1, dWh2 = rnn_step_backward(h_2 - y, (x_2, h_1, W_x, W_h, h_2))\n_, dWh1 = rnn_step_backward(dh1, (x_1, h_0, W_x, W_h, h_1))\ndW_h = dWh1 + dWh2", oracle=RWH, style="r2-cs231n-step-backward-helper")
C(R2, "W_x", N, "dnext_h = h_2 - y\ndx, dprev_h, dWx, dWh, db = 0, 0, 0, 0, 0\ndtanh = dnext_h * (1 - h_2 ** 2)\ndWx += x_2.T.dot(dtanh)\ndprev_h = dtanh.dot(W_h.T)\ndtanh = dprev_h * (1 - h_1 ** 2)\ndWx += x_1.T.dot(dtanh)\ndW_x = dWx", oracle=RWX, style="r2-cs231n-accumulate-plus-eq")
C(R2, "W_x", N, "dnext_h = h_2 - y\ndtanh = dnext_h * (1 - h_2 ** 2)\ndWx = x_2.T.dot(dtanh)\ndprev_h = dtanh.dot(W_h.T)\ndtanh = dprev_h * (1 - h_1 ** 2)\ndWx = x_1.T.dot(dtanh)\ndW_x = dWx", "missing-path", oracle=f"x_1.T @ {R2_D1}", style="r2-cs231n-overwrite-not-accumulate")
C(R2, "W_x", L, r"\boldsymbol{\delta}^{(2)} = (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2 \odot \boldsymbol{h}_2), \quad \boldsymbol{\delta}^{(1)} = \left(\boldsymbol{\delta}^{(2)} W_h^{\top}\right) \odot (1 - \boldsymbol{h}_1 \odot \boldsymbol{h}_1), \quad \frac{\partial L}{\partial W_x} = \boldsymbol{x}_1^{\top} \boldsymbol{\delta}^{(1)} + \boldsymbol{x}_2^{\top} \boldsymbol{\delta}^{(2)}", oracle=RWX, style="r2-qiu-delta-paren-superscript", note="邱锡鹏's δ^{(l)} per step")
C(R2, "W_x", L, r"\boldsymbol{\delta}^{(2)} = (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2 \odot \boldsymbol{h}_2), \quad \boldsymbol{\delta}^{(1)} = \left(\boldsymbol{\delta}^{(2)} W_h^{\top}\right) \odot (1 - \boldsymbol{h}_1 \odot \boldsymbol{h}_1), \quad \frac{\partial L}{\partial W_x} = \boldsymbol{x}_2^{\top} \boldsymbol{\delta}^{(2)}", "missing-path", oracle=f"x_2.T @ {R2_D2}", style="r2-qiu-delta-last-only")
C(R2, "W_h[0,1]", V, "0.2192", style="r2-v-Wh01")
C(R2, "W_h[0,1]", V, "0.0491", "*", style="r2-v-Wh01-transposed-entry")
C(A, "W_v", N, "def attention_backward(dout, cache):\n    X, A, W_v = cache\n    dV = A.T @ dout\n    dW_v = X.T @ dV\n    return dW_v\ndW_v = attention_backward(2 * (O - T) / (n * d), (X, A, W_v))", oracle=AWV, style="a-helper-defined")
C(A, "W_v", N, "dO = 2 * (O - T) / O.size\ndV = A @ dO\ndW_v = X.T @ dV", "*", oracle=f"X.T @ (A @ {AT_DO})", style="a-A-not-transposed")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.T\ndS = A * (dA - np.einsum('ij,ij->i', dA, A)[:, None])\ndQ = dS @ K / np.sqrt(d)\ndW_q = X.T @ dQ", oracle=AWQ, style="a-einsum-rowdot-newaxis")
C(A, "W_q", N, "dO = 2 * (O - T) / (n * d)\ndA = dO @ V.T\ndS = A * (dA - np.einsum('ij,ij->j', dA, A)[None, :])\ndQ = dS @ K / np.sqrt(d)\ndW_q = X.T @ dQ", "*", oracle=f"X.T @ ((A * ({AT_DA} - ({AT_DA} * A).sum(0, keepdims=True))) @ K) / np.sqrt(d)", style="a-einsum-coldot")
C(A, "W_k", L, r"\frac{\partial L}{\partial W_k} = \frac{1}{\sqrt{d}} X^{\top} \left( \frac{\partial L}{\partial S} \right)^{\top} Q, \quad \frac{\partial L}{\partial S} = A \circ \left( \frac{\partial L}{\partial A} - \mathrm{rowsum}\left( \frac{\partial L}{\partial A} \circ A \right) \right), \quad \frac{\partial L}{\partial A} = \frac{2}{nd} (O - T) V^{\top}", oracle=AWK, style="a-latex-circ-rowsum", note="rowsum(·) a column broadcast over the row")
C(A, "W_v[1,1]", V, "0.3761", style="a-v-Wv11")
C(B, "gamma", N, "def batchnorm_backward(dout, cache):\n    x_hat, gamma, var, eps = cache\n    dgamma = np.sum(dout * x_hat, axis=0)\n    dbeta = np.sum(dout, axis=0)\n    return dgamma, dbeta\ndgamma, dbeta = batchnorm_backward(2 * (Y - T) / (m * n), (Z_hat, gamma, var, eps))", oracle="np.sum((2 * (Y - T) / (m * n)) * Z_hat, axis=0)", style="b-cs231n-helper-defined-dgamma")
C(B, "W", N, "dout = 2 * (Y - T) / (m * n)\nN_ = dout.shape[0]\ndx_hat = dout * gamma\nstd = np.sqrt(var + eps)\ndZ = (1. / N_) / std * (N_ * dx_hat - dx_hat.sum(axis=0) - Z_hat * (dx_hat * Z_hat).sum(axis=0))\ndW = X.T.dot(dZ)", oracle=BW, style="b-cs231n-alt-shape0")
C(B, "W", N, "dout = 2 * (Y - T) / (m * n)\ndx_hat = dout * gamma\nstd = np.sqrt(var + eps)\ndZ = (1. / m) / std * (m * dx_hat - dx_hat.sum(axis=0) - Z_hat * (dx_hat * Z_hat).sum(axis=0))\ndW = X.T.dot(dZ.T)", "*", style="b-cs231n-alt-dZ-transposed", note="n = n square W: X.T (n×m) @ dZ.T (n×m) fits only at m = n (example m = 3, n = 2): refused or wrong, never ✓")
C(B, "beta[0,0]", V, "0.0000", "*", style="b-v-beta-zero", note="a guess of 0; the value is not 0")
C(B, "gamma[0,0]", V, "0.7266", style="b-v-gamma00")

# ================================================================ course: CS231n multiclass hinge (SVM)
HG_B = "((((X @ W) - np.sum((X @ W) * Y, axis=1, keepdims=True) + 1) > 0) * (1 - Y))"
HG_G = f"({HG_B} - Y * {HG_B}.sum(axis=1, keepdims=True))"
HGW = f"X.T @ {HG_G} / N"
C(HG, "W", N, "binary = (margins > 0).astype(float)\nrow_sum = np.sum(binary, axis=1, keepdims=True)\nbinary = binary - Y * row_sum\ndW = X.T.dot(binary) / N", oracle=HGW, style="hg-cs231n-binary-rowsum")
C(HG, "W", N, "binary = (margins > 0).astype(float)\ndW = X.T.dot(binary) / N", "missing-path", oracle=f"X.T @ {HG_B} / N", style="hg-no-correct-class-term")
C(HG, "W", N, "binary = (margins > 0).astype(float)\nrow_sum = np.sum(binary, axis=1, keepdims=True)\nbinary = binary + Y * row_sum\ndW = X.T.dot(binary) / N", "*", oracle=f"X.T @ ({HG_B} + Y * {HG_B}.sum(axis=1, keepdims=True)) / N", style="hg-correct-class-plus")
C(HG, "W", N, "binary = (margins > 0).astype(float)\nrow_sum = np.sum(binary, axis=1, keepdims=True)\nbinary = binary - Y * row_sum\ndW = X.T.dot(binary)", "scale-factor", oracle=f"X.T @ {HG_G}", style="hg-no-N")
C(HG, "W", N, "binary = (margins > 0).astype(float)\nrow_sum = np.sum(binary, axis=0, keepdims=True)\nbinary = binary - Y * row_sum\ndW = X.T.dot(binary) / N", "*", oracle=f"X.T @ ({HG_B} - Y * {HG_B}.sum(axis=0, keepdims=True)) / N", style="hg-rowsum-axis0")
C(HG, "W", N, "dS = (S - correct + 1 > 0) * (1 - Y)\ndS -= Y * dS.sum(1, keepdims=True)\ndW = X.T @ dS / N", oracle=HGW, style="hg-from-S-correct")
C(HG, "W", N, "dS = np.heaviside(margins, 0)\ndS -= Y * dS.sum(1, keepdims=True)\ndW = X.T @ dS / N", oracle=HGW, style="hg-heaviside-margins")
C(HG, "W", L, r"\nabla_{w_j} L_i = \mathbb{1}\left(s_j - s_{y_i} + \Delta > 0\right) x_i, \quad \nabla_{w_{y_i}} L_i = -\left(\sum_{j \neq y_i} \mathbb{1}\left(s_j - s_{y_i} + \Delta > 0\right)\right) x_i", REFUSE, style="hg-cs231n-notes-per-example", note="CS231n's notes per example, Δ and y_i never defined on this network (Y one-hot): refused or judged, never ✓ without the 1/N — labelled a refusal")
C(HG, "W[0,1]", V, "-1.5", style="hg-v-W01")
C(HG, "W[2,2]", V, "0.175", style="hg-v-W22")
C(HG, "W[2,2]", V, "0.7", "*", style="hg-v-W22-no-N", note="0.175 · 4")
C(HG, "W[0,0]", V, "1.375", opts=KH, style="hg-key-W00")
C(HG, "W[1,2]", V, "-1.375", opts=KH, style="hg-key-W12")
C(HG, "W[0,0]", V, "0.375", "*", opts=KH, style="hg-key-base-number")
C(HG, "W", N, "# 合页损失：违反间隔的类 +x，正确类减去违反的个数乘 x\ndS = (margins > 0) * 1.0\ndS = dS - Y * dS.sum(axis=1, keepdims=True)\ndW = X.T @ dS / N", lang=Z, oracle=HGW, style="hg-zh")

# ================================================================ course: focal loss
FO_DZ = "(alpha_t * (gamma * (1 - p_t) ** (gamma - 1) * np.log(p_t) - (1 - p_t) ** gamma / p_t) * (2 * y - 1) * p * (1 - p) / m)"
C(FO, "w", N, "dpt = (2 * y - 1) * p * (1 - p)\ndFL_dpt = alpha_t * (gamma * (1 - p_t) ** (gamma - 1) * np.log(p_t) - (1 - p_t) ** gamma / p_t)\ndz = dFL_dpt * dpt / m\ndw = X.T @ dz", oracle=f"X.T @ {FO_DZ}", style="fo-chain-pt")
C(FO, "w", N, "dz = alpha_t * (2 * y - 1) * (1 - p_t) ** gamma * (gamma * p_t * np.log(p_t) + p_t - 1) / m\ndw = X.T @ dz", "*", style="fo-closed-form", note="first labelled right; README's label policy: the closed form (2y − 1)(1 − p_t)^γ(γ p_t log p_t + p_t − 1) uses p(1 − p) = p_t(1 − p_t), true only at 0/1 labels; focal.toml's y is not declared binary, so a formula right only at 0/1 labels is wrong with the 0/1-labels note (as README's σ(z) − y for labels made ±1) (relabelled after the first run)")
C(FO, "w", N, "dz = alpha_t * (2 * y - 1) * (1 - p_t) ** gamma * (p_t - 1) / m\ndw = X.T @ dz", "*", oracle="X.T @ (alpha_t * (2 * y - 1) * (1 - p_t) ** gamma * (p_t - 1) / m)", style="fo-modulator-constant", note="first labelled missing-path; the closed form is itself right only at 0/1 labels, so no single slip names it (relabelled after the first run); (1 − p_t)^γ treated as a constant weight: the γ p_t log p_t term lost")
C(FO, "w", N, "dz = alpha_t * (1 - p_t) ** gamma * (gamma * p_t * np.log(p_t) + p_t - 1) / m\ndw = X.T @ dz", "*", oracle="X.T @ (alpha_t * (1 - p_t) ** gamma * (gamma * p_t * np.log(p_t) + p_t - 1) / m)", style="fo-sign-factor-forgotten")
C(FO, "w", N, "dz = alpha_t * (2 * y - 1) * (1 - p_t) ** gamma * (gamma * p_t * np.log(p_t) + p_t - 1)\ndw = X.T @ dz", "*", oracle=f"X.T @ {FO_DZ} * m", style="fo-no-mean", note="first labelled scale-factor; the closed form is itself right only at 0/1 labels, so no single slip names it (relabelled after the first run)")
C(FO, "b", N, "dz = alpha_t * (2 * y - 1) * (1 - p_t) ** gamma * (gamma * p_t * np.log(p_t) + p_t - 1) / m\ndb = dz.sum()", "*", style="fo-b-sum", note="first labelled right; README's label policy: the closed form (2y − 1)(1 − p_t)^γ(γ p_t log p_t + p_t − 1) uses p(1 − p) = p_t(1 − p_t), true only at 0/1 labels; focal.toml's y is not declared binary, so a formula right only at 0/1 labels is wrong with the 0/1-labels note (as README's σ(z) − y for labels made ±1) (relabelled after the first run)")
C(FO, "w", N, "dz = (p - y) / m\ndw = X.T @ dz", "*", oracle="X.T @ (p - y) / m", style="fo-as-bce")
C(FO, "w", L, r"\frac{\partial FL}{\partial z_i} = \frac{1}{m}\, \alpha_t (2y_i - 1)(1 - p_t)^{\gamma}\left(\gamma\, p_t \log p_t + p_t - 1\right), \quad \frac{\partial FL}{\partial w} = X^{\top} \frac{\partial FL}{\partial z}", "*", style="fo-latex", note="first labelled right; the closed form (2y − 1)(1 − p_t)^γ(γ p_t log p_t + p_t − 1) is right only at 0/1 labels and focal.toml's y is not declared binary: README's label policy (relabelled after the first run)")
C(FO, "b", V, "-0.03305", style="fo-v-b")
C(FO, "w[0,0]", V, "-0.04048", style="fo-v-w00")
C(FO, "w[0,0]", V, "0.04048", "sign", style="fo-v-w00-sign")
C(FO, "b", L, r"焦点损失对 $b$ 的梯度：$\frac{\partial FL}{\partial b} = \frac{1}{m}\sum_i \alpha_t (2y_i - 1)(1 - p_t)^{\gamma}\left(\gamma p_t \ln p_t + p_t - 1\right)$", "*", lang=Z, style="fo-zh-latex-b", note="first labelled right; README's label policy: the closed form (2y − 1)(1 − p_t)^γ(γ p_t log p_t + p_t − 1) uses p(1 − p) = p_t(1 − p_t), true only at 0/1 labels; focal.toml's y is not declared binary, so a formula right only at 0/1 labels is wrong with the 0/1-labels note (as README's σ(z) − y for labels made ±1) (relabelled after the first run)")

# ================================================================ course: GRU step
GR_DH = "(2 * (h_new - target) / (batch * hidden))"
GR_DZ = f"({GR_DH} * (h_tilde - h) * z * (1 - z))"
GR_DHT = f"({GR_DH} * z * (1 - h_tilde ** 2))"
GR_DR = f"(({GR_DHT} @ U_h.T) * h * r * (1 - r))"
GRH = "dh_new = 2 * (h_new - target) / (batch * hidden)\n"
C(GR, "W_z", N, GRH + "dz = dh_new * (h_tilde - h)\ndz_pre = dz * z * (1 - z)\ndW_z = x.T @ dz_pre", oracle=f"x.T @ {GR_DZ}", style="gr-Wz")
C(GR, "W_z", N, GRH + "dz = dh_new * (h - h_tilde)\ndz_pre = dz * z * (1 - z)\ndW_z = x.T @ dz_pre", "sign", oracle=f"-(x.T @ {GR_DZ})", style="gr-Wz-sign", note="d h_new/d z = h̃ − h, written h − h̃")
C(GR, "W_z", N, GRH + "dz = dh_new * (h_tilde - h)\ndW_z = x.T @ dz", "missing-activation-derivative", oracle=f"x.T @ ({GR_DH} * (h_tilde - h))", style="gr-Wz-no-sigmoid-prime")
C(GR, "W_h", N, GRH + "dh_tilde = dh_new * z\ndh_pre = dh_tilde * (1 - h_tilde ** 2)\ndW_h = x.T @ dh_pre", oracle=f"x.T @ {GR_DHT}", style="gr-Wh")
C(GR, "U_h", N, GRH + "dh_tilde = dh_new * z\ndh_pre = dh_tilde * (1 - h_tilde ** 2)\ndU_h = (r * h).T @ dh_pre", oracle=f"(r * h).T @ {GR_DHT}", style="gr-Uh")
C(GR, "U_h", N, GRH + "dh_tilde = dh_new * z\ndh_pre = dh_tilde * (1 - h_tilde ** 2)\ndU_h = h.T @ dh_pre", "*", oracle=f"h.T @ {GR_DHT}", style="gr-Uh-reset-gate-forgotten")
C(GR, "U_h", N, GRH + "dh_tilde = dh_new * (1 - z)\ndh_pre = dh_tilde * (1 - h_tilde ** 2)\ndU_h = (r * h).T @ dh_pre", "*", oracle=f"(r * h).T @ ({GR_DH} * (1 - z) * (1 - h_tilde ** 2))", style="gr-Uh-one-minus-z")
C(GR, "W_r", N, GRH + "dh_pre = dh_new * z * (1 - h_tilde ** 2)\ndr = (dh_pre @ U_h.T) * h\ndW_r = x.T @ (dr * r * (1 - r))", oracle=f"x.T @ {GR_DR}", style="gr-Wr")
C(GR, "W_r", N, GRH + "dh_pre = dh_new * z * (1 - h_tilde ** 2)\ndr = (dh_pre @ U_h) * h\ndW_r = x.T @ (dr * r * (1 - r))", "*", oracle=f"x.T @ ((({GR_DHT} @ U_h) * h * r * (1 - r)))", style="gr-Wr-Uh-untransposed")
C(GR, "W_z", N, "dh_new = (h_new - target) / (batch * hidden)\ndz_pre = dh_new * (h_tilde - h) * z * (1 - z)\ndW_z = x.T @ dz_pre", "scale-factor", oracle=f"x.T @ {GR_DZ} / 2", style="gr-Wz-mse-2-forgotten")
C(GR, "W_z", L, r"\frac{\partial \mathcal{L}}{\partial W_z} = x^{\top} \left[ \frac{2}{BH}(h_{new} - target) \odot (\tilde{h} - h) \odot z \odot (1 - z) \right]", REFUSE, style="gr-latex-B-H-undefined", note="B and H are no names of the network (batch, hidden): refused naming them")
C(GR, "W_z", L, r"\frac{\partial \mathcal{L}}{\partial W_z} = x^{\top} \left[ \frac{2}{\mathrm{batch} \cdot \mathrm{hidden}}(h_{new} - \mathrm{target}) \odot (\tilde{h} - h) \odot z \odot (1 - z) \right]", oracle=f"x.T @ {GR_DZ}", style="gr-latex-mathrm-dims", note="h̃ read as h_tilde")
C(GR, "W_z[0,1]", V, "0.01838", style="gr-v-Wz01")
C(GR, "U_h[0,0]", V, "0.0782", style="gr-v-Uh00")
C(GR, "W_z", N, "# 更新门的梯度：h_new 对 z 的导数是 h_tilde - h\ndh_new = 2 * (h_new - target) / (batch * hidden)\ndz_pre = dh_new * (h_tilde - h) * z * (1 - z)\ndW_z = x.T @ dz_pre", lang=Z, oracle=f"x.T @ {GR_DZ}", style="gr-zh-Wz")
C(GR, "W_z", N, "# 忘了 sigmoid 的导数\ndh_new = 2 * (h_new - target) / (batch * hidden)\ndW_z = x.T @ (dh_new * (h_tilde - h))", "missing-activation-derivative", lang=Z, oracle=f"x.T @ ({GR_DH} * (h_tilde - h))", style="gr-zh-Wz-no-prime")

# ================================================================ course: LSTM step
LS_DC = "((h_t - y) * o_t * (1 - np.tanh(c_t) ** 2))"
LS_DO = "((h_t - y) * np.tanh(c_t) * o_t * (1 - o_t))"
LS_DF = f"({LS_DC} * c_prev * f_t * (1 - f_t))"
LS_DI = f"({LS_DC} * c_tilde * i_t * (1 - i_t))"
LS_DG = f"({LS_DC} * i_t * (1 - c_tilde ** 2))"
LSH = "dh = h_t - y\ndc = dh * o_t * (1 - np.tanh(c_t) ** 2)\n"
C(LS, "W_f", N, LSH + "df = dc * c_prev\ndf_pre = df * f_t * (1 - f_t)\ndW_f = x_t.T @ df_pre", oracle=f"x_t.T @ {LS_DF}", style="ls-Wf")
C(LS, "W_f", N, LSH + "df = dc * c_tilde\ndW_f = x_t.T @ (df * f_t * (1 - f_t))", "*", oracle=f"x_t.T @ ({LS_DC} * c_tilde * f_t * (1 - f_t))", style="ls-Wf-ctilde-for-cprev")
C(LS, "W_f", N, "dh = h_t - y\ndc = dh * o_t\ndW_f = x_t.T @ (dc * c_prev * f_t * (1 - f_t))", "missing-activation-derivative", oracle="x_t.T @ ((h_t - y) * o_t * c_prev * f_t * (1 - f_t))", style="ls-Wf-no-tanh-prime")
C(LS, "W_i", N, LSH + "di = dc * c_tilde\ndW_i = x_t.T @ (di * i_t * (1 - i_t))", oracle=f"x_t.T @ {LS_DI}", style="ls-Wi")
C(LS, "W_c", N, LSH + "dg = dc * i_t\ndW_c = x_t.T @ (dg * (1 - c_tilde ** 2))", oracle=f"x_t.T @ {LS_DG}", style="ls-Wc")
C(LS, "W_c", N, LSH + "dg = dc * i_t\ndW_c = x_t.T @ (dg * (1 - c_tilde) ** 2)", "*", oracle=f"x_t.T @ ({LS_DC} * i_t * (1 - c_tilde) ** 2)", style="ls-Wc-square-misplaced")
C(LS, "W_o", N, "dh = h_t - y\ndo = dh * np.tanh(c_t)\ndW_o = x_t.T @ (do * o_t * (1 - o_t))", oracle=f"x_t.T @ {LS_DO}", style="ls-Wo")
C(LS, "W_o", N, "dh = h_t - y\ndo = dh * c_t\ndW_o = x_t.T @ (do * o_t * (1 - o_t))", "*", oracle="x_t.T @ ((h_t - y) * c_t * o_t * (1 - o_t))", style="ls-Wo-ct-for-tanh")
C(LS, "b_o", N, "dh = h_t - y\ndo_pre = dh * np.tanh(c_t) * o_t * (1 - o_t)\ndb_o = do_pre", "bias-not-summed", style="ls-bo-not-summed")
C(LS, "b_o", N, "dh = h_t - y\ndo_pre = dh * np.tanh(c_t) * o_t * (1 - o_t)\ndb_o = np.mean(do_pre, axis=0, keepdims=True)", "scale-factor", oracle=f"np.mean({LS_DO}, axis=0, keepdims=True)", style="ls-bo-mean")
C(LS, "W_f", L, r"\delta_c = (h_t - y) \odot o_t \odot \left(1 - \tanh^2(c_t)\right), \quad \frac{\partial L}{\partial W_f} = x_t^{\top} \left( \delta_c \odot c_{t-1} \odot f_t \odot (1 - f_t) \right)", oracle=f"x_t.T @ {LS_DF}", style="ls-latex-c-t-minus-1", note="c_{t-1}, the notes' name for the previous cell state, read as c_prev: right. First labelled a refusal with the note '(or read as c_prev — then right)'; the reading is the network's c_prev, so the formula is the gradient (relabelled after the first run)")
C(LS, "W_f", L, r"\delta_c = (h_t - y) \odot o_t \odot \left(1 - \tanh^2(c_t)\right), \quad \frac{\partial L}{\partial W_f} = x_t^{\top} \left( \delta_c \odot c_{prev} \odot f_t \odot (1 - f_t) \right)", oracle=f"x_t.T @ {LS_DF}", style="ls-latex-c-prev")
C(LS, "W_f[1,1]", V, "-0.03051", style="ls-v-Wf11")
C(LS, "b_o[0,0]", V, "0.1061", style="ls-v-bo00")
C(LS, "W_o", N, "# 输出门：h_t = o_t * tanh(c_t)，所以 dL/do_t = dh * tanh(c_t)\ndh = h_t - y\ndo_pre = dh * np.tanh(c_t) * o_t * (1 - o_t)\ndW_o = x_t.T @ do_pre", lang=Z, oracle=f"x_t.T @ {LS_DO}", style="ls-zh-Wo")

# ================================================================ course: makemore part 3 (batch norm, Karpathy's backprop ninja)
MB_DL = "((np.exp(logits) / np.exp(logits).sum(1, keepdims=True) - Yb) / n)"
MB_DHB = f"({MB_DL} @ W2.T * (1 - h ** 2))"
MB_RAW = "((hpreact - hpreact.mean(0, keepdims=True)) / hpreact.std(0, ddof=1, keepdims=True))"
MB_DHP = f"((bngain / hpreact.std(0, ddof=1, keepdims=True)) / n * (n * {MB_DHB} - {MB_DHB}.sum(0, keepdims=True) - n / (n - 1) * {MB_RAW} * ({MB_DHB} * {MB_RAW}).sum(0, keepdims=True)))"
MBH = "dlogits = F.softmax(logits, 1)\ndlogits -= Yb\ndlogits /= n\n"
C(MB, "W2", N, MBH + "dW2 = h.T @ dlogits", oracle=f"h.T @ {MB_DL}", style="mb-W2-inplace")
C(MB, "b2", N, MBH + "db2 = dlogits.sum(1)", "*", style="mb-b2-sum1", note="a length-4 vector for a length-3 bias: shape error — wrong or refused")
C(MB, "bngain", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\nbnraw = (hpreact - hpreact.mean(0, keepdim=True)) / hpreact.std(0, keepdim=True)\ndbngain = (bnraw * dhpreact_bn).sum(0, keepdim=True)", oracle=f"({MB_DHB} * {MB_RAW}).sum(0, keepdims=True)", style="mb-bngain-bnraw")
C(MB, "bngain", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\nbnraw = (hpreact - hpreact.mean(0, keepdim=True)) / hpreact.std(0, keepdim=True, unbiased=False)\ndbngain = (bnraw * dhpreact_bn).sum(0, keepdim=True)", "*", oracle=f"({MB_DHB} * (hpreact - hpreact.mean(0, keepdims=True)) / hpreact.std(0, keepdims=True)).sum(0, keepdims=True)", style="mb-bngain-biased-std")
C(MB, "bnbias", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\ndbnbias = dhpreact_bn.sum(0, keepdim=True)", oracle=f"{MB_DHB}.sum(0, keepdims=True)", style="mb-bnbias")
C(MB, "bnbias", N, MBH + "dh = dlogits @ W2.T\ndbnbias = dh.sum(0, keepdim=True)", "missing-activation-derivative", oracle=f"({MB_DL} @ W2.T).sum(0, keepdims=True)", style="mb-bnbias-no-tanh-prime")
C(MB, "bnbias", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\ndbnbias = dhpreact_bn", "bias-not-summed", style="mb-bnbias-not-summed")
C(MB, "W1", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\nbnvar_inv = 1.0 / hpreact.std(0, keepdim=True)\nbnraw = (hpreact - hpreact.mean(0, keepdim=True)) * bnvar_inv\ndhpreact = bngain * bnvar_inv / n * (n * dhpreact_bn - dhpreact_bn.sum(0) - n / (n - 1) * bnraw * (dhpreact_bn * bnraw).sum(0))\ndW1 = embcat.T @ dhpreact", oracle=f"embcat.T @ {MB_DHP}", style="mb-W1-ninja-compact")
C(MB, "W1", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\nbnvar_inv = 1.0 / hpreact.std(0, keepdim=True)\nbnraw = (hpreact - hpreact.mean(0, keepdim=True)) * bnvar_inv\ndhpreact = bngain * bnvar_inv / n * (n * dhpreact_bn - dhpreact_bn.sum(0) - bnraw * (dhpreact_bn * bnraw).sum(0))\ndW1 = embcat.T @ dhpreact", "*", style="mb-W1-ninja-bessel-forgotten", note="the n/(n−1) of the unbiased std left out: wrong")
C(MB, "W1", N, MBH + "dh = dlogits @ W2.T\ndhpreact_bn = (1.0 - h**2) * dh\ndhpreact = bngain / hpreact.std(0, keepdim=True) * dhpreact_bn\ndW1 = embcat.T @ dhpreact", "missing-path", style="mb-W1-straight-through")
C(MB, "bnbias[0,1]", V, "0.2423", style="mb-v-bnbias01")
C(MB, "b2[2]", V, "0.5882", style="mb-v-b2-2")
C(MB, "bnbias", N, "# 反向传播到 bnbias：tanh 的导数是 1 - h**2\ndlogits = F.softmax(logits, 1) - Yb\ndlogits /= n\ndhpreact_bn = (1.0 - h**2) * (dlogits @ W2.T)\ndbnbias = dhpreact_bn.sum(0, keepdim=True)", lang=Z, oracle=f"{MB_DHB}.sum(0, keepdims=True)", style="mb-zh-bnbias")

# ================================================================ course: makemore part 2 (MLP with embedding)
MM_DL = "((np.exp(logits) / np.exp(logits).sum(1, keepdims=True) - Ytr) / batch)"
MM_DPRE = f"({MM_DL} @ W2.T * (1 - h ** 2))"
C(MM, "C", N, "dlogits = (F.softmax(logits, 1) - Ytr) / batch\ndh = dlogits @ W2.T\ndhpre = dh * (1 - h ** 2)\ndembcat = dhpre @ W1.T\ndC = Xoh.T @ dembcat", oracle=f"Xoh.T @ ({MM_DPRE} @ W1.T)", style="mm-C-onehot")
C(MM, "C", N, "dlogits = (F.softmax(logits, 1) - Ytr) / batch\ndh = dlogits @ W2.T\ndhpre = dh * (1 - h ** 2)\ndembcat = dhpre @ W1.T\ndC = dembcat.T @ Xoh", "*", style="mm-C-transposed", note="emb × vocab for vocab × emb: transposed")
C(MM, "W1", N, "dlogits = (F.softmax(logits, 1) - Ytr) / batch\ndh = dlogits @ W2.T\ndW1 = embcat.T @ (dh * (1 - h ** 2))", oracle=f"embcat.T @ {MM_DPRE}", style="mm-W1")
C(MM, "W1", N, "dlogits = (F.softmax(logits, 1) - Ytr) / batch\ndh = dlogits @ W2.T\ndW1 = embcat.T @ (dh * (1 - torch.tanh(h) ** 2))", "wrong-activation-derivative", oracle=f"embcat.T @ ({MM_DL} @ W2.T * (1 - np.tanh(h) ** 2))", style="mm-W1-tanh-of-h")
C(MM, "b1", N, "dlogits = F.softmax(logits, 1) - Ytr\ndb1 = ((dlogits @ W2.T) * (1 - h ** 2)).sum(0)", "scale-factor", oracle=f"{MM_DPRE}.sum(0) * batch", style="mm-b1-no-batch")

# ================================================================ course: min-char-rnn (column vectors)
MC_DY = "(ps - t)"
MC_DHR = f"((1 - hs * hs) * (Why.T @ {MC_DY}))"
C(MC, "Why", N, "dy = np.copy(ps)\ndy -= t\ndWhy = np.dot(dy, hs.T)", oracle=f"{MC_DY} @ hs.T", style="mc-Why")
C(MC, "Why", N, "dy = np.copy(ps)\ndy -= t\ndWhy = np.dot(hs, dy.T)", "*", style="mc-Why-transposed", note="hidden × vocab for vocab × hidden")
C(MC, "by", N, "dy = np.copy(ps)\ndy -= t\ndby = dy", oracle=MC_DY, style="mc-by")
C(MC, "by", N, "dy = t - ps\ndby = dy", "sign", oracle=f"-{MC_DY}", style="mc-by-sign")
C(MC, "bh", N, "dy = ps - t\ndh = np.dot(Why.T, dy)\ndhraw = (1 - hs * hs) * dh\ndbh = dhraw", oracle=MC_DHR, style="mc-bh")
C(MC, "bh", N, "dy = ps - t\ndh = np.dot(Why.T, dy)\ndbh = dh", "missing-activation-derivative", oracle=f"Why.T @ {MC_DY}", style="mc-bh-no-tanh-prime")
C(MC, "Wxh", N, "dy = ps - t\ndh = np.dot(Why.T, dy)\ndhraw = (1 - hs * hs) * dh\ndWxh = np.dot(dhraw, x.T)", oracle=f"{MC_DHR} @ x.T", style="mc-Wxh")
C(MC, "Wxh", N, "dy = ps - t\ndh = np.dot(Why, dy)\ndhraw = (1 - hs * hs) * dh\ndWxh = np.dot(dhraw, x.T)", "*", style="mc-Wxh-Why-untransposed", note="Why (4×3) @ dy (4×1) does not fit: a shape error, refused or wrong, never ✓")
C(MC, "Wxh", N, "dWxh, dWhh, dWhy = np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(Why)\ndhnext = np.zeros_like(hprev)\ndy = np.copy(ps)\ndy -= t\ndh = np.dot(Why.T, dy) + dhnext\ndhraw = (1 - hs * hs) * dh\ndWxh += np.dot(dhraw, x.T)", oracle=f"{MC_DHR} @ x.T", style="mc-Wxh-karpathy-zeros-accumulate")
C(MC, "by[2,0]", V, "-0.6354", style="mc-v-by2")
C(MC, "by[2,0]", V, "0.3646", "*", style="mc-v-by2-off-by-one", note="ps without the −1 of the target")
C(MC, "Why[2,1]", V, "0.5475", style="mc-v-Why21")
C(MC, "bh[0,0]", V, "-0.4671", style="mc-v-bh0")
C(MC, "Why", L, r"\frac{\partial L}{\partial W_{hy}} = (p - t)\, h^{\top}", REFUSE, style="mc-latex-short-names", note="W_{hy}, p, h are the notes' names, not this network's (Why, ps, hs): refused naming them")
C(MC, "Why", L, r"\frac{\partial L}{\partial \mathrm{Why}} = (\mathrm{ps} - t)\, \mathrm{hs}^{\top}", oracle=f"{MC_DY} @ hs.T", style="mc-latex-mathrm-names")

# ================================================================ course: CMU 11-785 BatchNorm1d
CB_DO = "(2 * (out - Y) / N)"
CB_DBZ = f"({CB_DO} @ V2.T * (BZ > 0))"
CB_DNZ = f"({CB_DBZ} * BW)"
CB_DZ = f"((N * {CB_DNZ} - {CB_DNZ}.sum(0, keepdims=True) - NZ * ({CB_DNZ} * NZ).sum(0, keepdims=True)) / (N * np.sqrt(V + eps)))"
CBH = "dLdout = 2 * (out - Y) / N\ndLdA = dLdout @ V2.T\ndLdBZ = dLdA * (BZ > 0)\n"
C(CB, "BW", N, CBH + "dLdBW = np.sum(dLdBZ * NZ, axis=0, keepdims=True)", oracle=f"np.sum({CB_DBZ} * NZ, axis=0, keepdims=True)", style="cb-BW")
C(CB, "Bb", N, CBH + "dLdBb = np.sum(dLdBZ, axis=0, keepdims=True)", oracle=f"np.sum({CB_DBZ}, axis=0, keepdims=True)", style="cb-Bb")
C(CB, "BW", N, CBH + "dLdBW = np.sum(dLdBZ * Z, axis=0, keepdims=True)", "*", oracle=f"np.sum({CB_DBZ} * Z, axis=0, keepdims=True)", style="cb-BW-Z-for-NZ")
C(CB, "BW", N, "self.dLdBW = np.sum(dLdBZ * self.NZ, axis=0, keepdims=True)", REFUSE, style="cb-self-attributes-undefined", note="dLdBZ never defined: refused naming it")
C(CB, "V2", N, "dLdout = (out - Y) / N\ndV2 = A.T @ dLdout", "scale-factor", oracle=f"A.T @ {CB_DO} / 2", style="cb-V2-no-2")
C(CB, "W", N, CBH + "dLdNZ = dLdBZ * BW\ndLdV = -0.5 * np.sum(dLdNZ * (Z - M) * (V + eps) ** (-1.5), axis=0, keepdims=True)\ndLdM = -np.sum(dLdNZ * (V + eps) ** (-0.5), axis=0, keepdims=True) - 2 / N * dLdV * np.sum(Z - M, axis=0, keepdims=True)\ndLdZ = dLdNZ * (V + eps) ** (-0.5) + dLdV * (2 / N * (Z - M)) + dLdM / N\ndW = X.T @ dLdZ", oracle=f"X.T @ {CB_DZ}", style="cb-W-hw1-staged")
C(CB, "W", N, CBH + "dLdNZ = dLdBZ * BW\ndLdZ = dLdNZ * (V + eps) ** (-0.5)\ndW = X.T @ dLdZ", "missing-path", oracle=f"X.T @ ({CB_DNZ} / np.sqrt(V + eps))", style="cb-W-straight-through")
C(CB, "BW[0,2]", V, "-1.219", style="cb-v-BW02")
C(CB, "V2[2,0]", V, "-1.403", style="cb-v-V2-20")
C(CB, "V2[2,0]", V, "-0.7016", "*", style="cb-v-V2-20-half")
C(CB, "Bb", N, "# 批归一化的偏移参数：对批求和\ndLdBZ = (2 * (out - Y) / N) @ V2.T * (BZ > 0)\ndLdBb = np.sum(dLdBZ, axis=0, keepdims=True)", lang=Z, oracle=f"np.sum({CB_DBZ}, axis=0, keepdims=True)", style="cb-zh-Bb")

# ================================================================ course: RMSNorm
RM_DO = "(2 * (out - y) / (T * dim))"
RM_R = "(1 / np.sqrt(np.mean(h ** 2, axis=-1, keepdims=True) + eps))"
RM_DN = f"({RM_DO} * weight)"
RM_DH = f"({RM_R} * {RM_DN} - h * {RM_R} ** 3 * np.mean({RM_DN} * h, axis=-1, keepdims=True))"
C(RM, "weight", N, "dout = 2 * (out - y) / (T * dim)\ndweight = (dout * normed).sum(0)", oracle=f"({RM_DO} * normed).sum(0)", style="rm-weight")
C(RM, "weight", N, "dout = 2 * (out - y) / (T * dim)\ndweight = dout * normed", "*", style="rm-weight-not-summed")
C(RM, "W", N, "dout = 2 * (out - y) / (T * dim)\ndnormed = dout * weight\nrstd = torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + eps)\ndh = rstd * dnormed - h * rstd ** 3 * (dnormed * h).mean(-1, keepdim=True)\ndW = x.T @ dh", oracle=f"x.T @ {RM_DH}", style="rm-W-full")
C(RM, "W", N, "dout = 2 * (out - y) / (T * dim)\ndnormed = dout * weight\nrstd = torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + eps)\ndh = rstd * dnormed\ndW = x.T @ dh", "missing-path", oracle=f"x.T @ ({RM_R} * {RM_DN})", style="rm-W-rstd-constant")
C(RM, "W", N, "dout = 2 * (out - y) / (T * dim)\ndnormed = dout * weight\nrstd = torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + eps)\ndh = rstd * dnormed - h * rstd ** 3 * (dnormed * h).sum(-1, keepdim=True)\ndW = x.T @ dh", "*", oracle=f"x.T @ ({RM_R} * {RM_DN} - h * {RM_R} ** 3 * np.sum({RM_DN} * h, axis=-1, keepdims=True))", style="rm-W-sum-for-mean")
C(RM, "weight[3]", V, "0.4112", style="rm-v-weight3")
C(RM, "weight", L, r"\frac{\partial \mathcal{L}}{\partial \boldsymbol{g}} = \sum_{t} \frac{2}{T\,\mathrm{dim}} (\mathrm{out}_t - y_t) \odot \mathrm{normed}_t", REFUSE, style="rm-latex-g-name", note="g is the paper's gain, not this network's weight: refused naming it")
C(RM, "weight", L, r"\frac{\partial \mathcal{L}}{\partial \mathrm{weight}} = \sum_{t} \frac{2}{T\,\mathrm{dim}} (\mathrm{out}_t - y_t) \odot \mathrm{normed}_t", oracle=f"({RM_DO} * normed).sum(0)", style="rm-latex-weight")

# ================================================================ course: 李宏毅's self-attention, column-major
LA_DO = "(2 * (O - T) / (dk * n))"
LA_DAP = f"(V.T @ {LA_DO})"
LA_DA = f"(A_prime * ({LA_DAP} - np.sum(A_prime * {LA_DAP}, axis=0, keepdims=True)))"
C(LA, "Wv", N, "dO = 2 * (O - T) / (dk * n)\ndV = dO @ A_prime.T\ndWv = dV @ I.T", oracle=f"{LA_DO} @ A_prime.T @ I.T", style="la-Wv")
C(LA, "Wv", N, "dO = 2 * (O - T) / (dk * n)\ndV = dO @ A_prime\ndWv = dV @ I.T", "*", oracle=f"{LA_DO} @ A_prime @ I.T", style="la-Wv-Aprime-untransposed")
C(LA, "Wq", N, "dO = 2 * (O - T) / (dk * n)\ndAp = V.T @ dO\ndA = A_prime * (dAp - (A_prime * dAp).sum(axis=0, keepdims=True))\ndQ = K @ dA\ndWq = dQ @ I.T", oracle=f"K @ {LA_DA} @ I.T", style="la-Wq-colsoftmax")
C(LA, "Wq", N, "dO = 2 * (O - T) / (dk * n)\ndAp = V.T @ dO\ndA = A_prime * (dAp - (A_prime * dAp).sum(axis=1, keepdims=True))\ndQ = K @ dA\ndWq = dQ @ I.T", "*", oracle=f"K @ (A_prime * ({LA_DAP} - np.sum(A_prime * {LA_DAP}, axis=1, keepdims=True))) @ I.T", style="la-Wq-row-softmax-habit")
C(LA, "Wk", N, "dO = 2 * (O - T) / (dk * n)\ndAp = V.T @ dO\ndA = A_prime * (dAp - (A_prime * dAp).sum(axis=0, keepdims=True))\ndK = Q @ dA.T\ndWk = dK @ I.T", oracle=f"Q @ {LA_DA}.T @ I.T", style="la-Wk")
C(LA, "Wk", N, "dO = 2 * (O - T) / (dk * n)\ndAp = V.T @ dO\ndA = A_prime * (dAp - (A_prime * dAp).sum(axis=0, keepdims=True))\ndK = Q @ dA\ndWk = dK @ I.T", "*", oracle=f"Q @ {LA_DA} @ I.T", style="la-Wk-dA-untransposed")
C(LA, "Wq", N, "dO = 2 * (O - T) / (dk * n)\ndAp = V.T @ dO\ndA = A_prime * (dAp - (A_prime * dAp).sum(axis=0, keepdims=True))\ndQ = K @ dA / np.sqrt(dk)\ndWq = dQ @ I.T", "scale-factor", oracle=f"K @ {LA_DA} @ I.T / np.sqrt(dk)", style="la-Wq-spurious-sqrt-dk", note="this network has no 1/√d_k scale")
C(LA, "Wv", L, r"\frac{\partial L}{\partial W^{v}} = \frac{2}{d_k n}\left(O - \hat{O}\right) A'^{\top} I^{\top}", REFUSE, style="la-latex-Ohat-target", note="Ô is no name here (the target is T): refused")
C(LA, "Wv", L, r"\frac{\partial L}{\partial W_v} = \frac{2}{dk\, n}\left(O - T\right) A_{prime}^{\top} I^{\top}", oracle=f"{LA_DO} @ A_prime.T @ I.T", style="la-latex-Wv")
C(LA, "Wq", N, "# 李宏毅：按列做 softmax，所以按 axis=0 求和\ndO = 2 * (O - T) / (dk * n)\ndAp = V.T @ dO\ndA = A_prime * (dAp - (A_prime * dAp).sum(axis=0, keepdims=True))\ndWq = K @ dA @ I.T", lang=Z, oracle=f"K @ {LA_DA} @ I.T", style="la-zh-Wq")

# ================================================================ course: squared-norm weight decay
ND_D = "(x.T @ (x @ W - y) / N + 0.2 * W + 0.01 * W / np.linalg.norm(W))"
C(ND, "W", N, "r = x @ W - y\ndW = x.T @ r / N + 0.2 * W + 0.01 * W / np.linalg.norm(W)", oracle=ND_D, style="nd-full")
C(ND, "W", N, "r = x @ W - y\ndW = x.T @ r / N + 0.2 * W", "missing-loss-term", oracle="x.T @ (x @ W - y) / N + 0.2 * W", style="nd-norm-term-dropped")
C(ND, "W", N, "r = x @ W - y\ndW = x.T @ r / N + 0.1 * W + 0.01 * W / np.linalg.norm(W)", "*", oracle="x.T @ (x @ W - y) / N + 0.1 * W + 0.01 * W / np.linalg.norm(W)", style="nd-decay-half")
C(ND, "W", N, "r = x @ W - y\ndW = x.T @ r / N + 0.2 * W + 0.01 * np.sign(W)", "*", oracle="x.T @ (x @ W - y) / N + 0.2 * W + 0.01 * np.sign(W)", style="nd-norm-as-l1")
C(ND, "W", N, "r = x @ W - y\ndW = 2 * x.T @ r / (2 * N) + 2 * 0.1 * W + 0.01 * W / np.sqrt(np.sum(W ** 2))", oracle=ND_D, style="nd-sqrt-sum-sq")
C(ND, "W", L, r"\nabla_W J = \frac{1}{N} x^{\top}(xW - y) + 0.2\, W + 0.01 \frac{W}{\lVert W \rVert_2}", oracle=ND_D, style="nd-latex-lVert")
C(ND, "W", L, r"\nabla_W J = \frac{1}{N} x^{\top}(xW - y) + 0.2\, W + 0.01 \frac{W}{\lVert W \rVert_2^2}", "*", oracle="x.T @ (x @ W - y) / N + 0.2 * W + 0.01 * W / np.sum(W ** 2)", style="nd-latex-norm-squared")
C(ND, "W", L, r"带权重衰减：$\nabla_W J = \frac{1}{N} x^{\top}(xW - y) + 0.2\, W + \frac{0.01\, W}{\|W\|}$", lang=Z, oracle=ND_D, style="nd-zh-latex")

# ================================================================ mlp-bce: LaTeX from lecture notes, Chinese
C(M, "W1", L, r"\delta^{(2)} = a^{(2)} - y, \quad \delta^{(1)} = \left( \delta^{(2)} (W^{(2)})^{\top} \right) \odot f'\left(z^{(1)}\right), \quad \frac{\partial L}{\partial W^{(1)}} = \frac{1}{m} X^{\top} \delta^{(1)}", oracle=W1R, style="m-qiu-f-prime", note="邱锡鹏's f′(z^{(1)}): f the layer's activation, read as the network's ReLU at Z1 — right. First labelled a refusal with the note '(or, read as ReLU, right)'; the reading is the network's own activation, so the formula is the gradient (relabelled after the first run)")
C(M, "W1", L, r"\delta^{(2)} = a^{(2)} - y, \quad \delta^{(1)} = \left( \delta^{(2)} (W^{(2)})^{\top} \right) \odot \mathbb{1}\left[z^{(1)} > 0\right], \quad \frac{\partial L}{\partial W^{(1)}} = \frac{1}{m} X^{\top} \delta^{(1)}", oracle=W1R, style="m-qiu-indicator")
C(M, "W1", L, r"\delta^{(2)} = a^{(2)} - y, \quad \delta^{(1)} = \left( \delta^{(2)} (W^{(2)})^{\top} \right) \odot \mathbb{1}\left[z^{(1)} > 0\right], \quad \frac{\partial L}{\partial W^{(1)}} = X^{\top} \delta^{(1)}", "scale-factor", oracle=f"X.T @ {DZ1}", style="m-qiu-indicator-no-m")
C(M, "W2", L, r"\nabla_{\boldsymbol{W}^{(2)}} J = \frac{1}{m} \boldsymbol{H}^{(1)\top} \left( \hat{\boldsymbol{y}} - \boldsymbol{y} \right)", REFUSE, style="m-goodfellow-H", note="H^{(1)} is Goodfellow's hidden layer, no name of this network (A1): refused naming it")
C(M, "W2", L, r"\nabla_{\boldsymbol{W}^{[2]}} J = \frac{1}{m} \boldsymbol{A}^{[1]\top} \left( \boldsymbol{A}^{[2]} - \boldsymbol{Y} \right)", oracle=W2R, style="m-goodfellow-bold-brackets")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \left( A^{[2]} - Y \right)^{\top} A^{[1]}", "*", style="m-latex-transposed-result", note="1×2 for 2×1: transposed")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m} \sum_{i=1}^{m} \left( a^{[2](i)} - y^{(i)} \right)", oracle=B2R, style="m-latex-sum-examples-superscript")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}} = \sum_{i=1}^{m} \left( a^{[2](i)} - y^{(i)} \right)", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="m-latex-sum-examples-no-m")
C(M, "W2", L, r"由交叉熵与 sigmoid 的组合，$\delta^{[2]} = A^{[2]} - Y$，所以 $\mathrm{d}W^{[2]} = \frac{1}{m} A^{[1]\top} \delta^{[2]}$。", lang=Z, oracle=W2R, style="m-zh-dW-mathrm")
C(M, "W2", L, r"由交叉熵与 sigmoid 的组合，$\delta^{[2]} = Y - A^{[2]}$，所以 $\mathrm{d}W^{[2]} = \frac{1}{m} A^{[1]\top} \delta^{[2]}$。", "sign", lang=Z, oracle=f"-{W2R}", style="m-zh-dW-sign")
C(M, "W1", N, "# 第一层：ReLU 的导数用 Z1 > 0\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = np.dot(X.T, dZ1) / m", lang=Z, oracle=W1R, style="m-zh-W1")
C(M, "W1", N, "# 第一层：忘了除以 m\ndZ2 = A2 - Y\ndZ1 = np.dot(dZ2, W2.T) * (Z1 > 0)\ndW1 = np.dot(X.T, dZ1)", "scale-factor", lang=Z, oracle=f"X.T @ {DZ1}", style="m-zh-W1-no-m")
C(M, "W2", V, "约 -0.1763", REFUSE, lang=Z, style="m-zh-v-W2-no-entry", note="W2 has two entries: a number without its entry is refused, as corpus 32's 约 -0.0612")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m", opts=KM, style="m-key-W2")
C(M, "W2[0,0]", V, "-0.1559", opts=KM, style="m-key-W2-00")
C(M, "W1[1,1]", V, "-0.1299", opts=KM, style="m-key-W1-11")
C(M, "b1[0,1]", V, "-0.08659", opts=KM, style="m-key-b1-01")
C(M, "b1[0,1]", V, "0.08659", "sign", opts=KM, style="m-key-b1-01-sign")
C(M, "W2[0,0]", V, "-0.1763", "*", opts=KM, style="m-key-base-number")
C(M, "W2[0,0]", V, "约 -0.1559", lang=Z, opts=KM, style="m-key-zh-W2-00")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c33-000, … as written; cases that happen to repeat corpora 2-32 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus33", "c33", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge

_KEYS: dict[tuple, str] = {}


def answer_key(net: str, variant: int, seed: int) -> str:
    """The answer key of ``net``'s exercise variant, written once per process by ``derive build
    NET -f exercises --variant N --seed S`` (a fresh process on this checkout)."""
    import json
    import os
    import subprocess
    import tempfile

    if (net, variant, seed) not in _KEYS:
        out = tempfile.mkdtemp(prefix="corpus33-keys-")
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        subprocess.run(
            [sys.executable, "-m", "derive", "build", net, "-f", "exercises", "--lang", "en",
             "--variant", str(variant), "--seed", str(seed), "-o", out],
            check=True, capture_output=True, env=env, timeout=600,
        )
        keys = [p for p in Path(out).rglob("answers.json") if f"variant-{variant}" in str(p)]
        assert len(keys) == 1, keys
        assert json.loads(keys[0].read_text(encoding="utf-8"))["variant"] == variant
        _KEYS[(net, variant, seed)] = str(keys[0])
    return _KEYS[(net, variant, seed)]


def run(case: dict) -> tuple[str, str | None, str]:
    """corpus10.run, and a case with ``opts`` ``answers`` graded as a student's answer is graded
    against an answer key: ``derive check NET --answers KEY --wrt WRT … --json`` in a fresh
    process (exit 2: unreadable, its message)."""
    import json
    import os
    import subprocess

    opts = dict(case.get("opts") or {})
    if "answers" not in opts:
        return corpus10.run(case)
    net, variant, seed = opts.pop("answers")
    key = answer_key(net, variant, seed)
    args = [sys.executable, "-m", "derive", "check", case["net"], "--answers", key, "--wrt", case["wrt"],
            "--json", "--lang", case.get("lang", "en")]
    if case["kind"] == "value":
        args += ["--value", case["text"]]
    else:
        args += (["--latex"] if case["kind"] == "latex" else []) + ["--", case["text"]]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    if done.returncode == 2:
        return "unreadable", None, (done.stderr or done.stdout).strip()
    try:
        out = json.loads(done.stdout)
    except ValueError:
        return "unreadable", None, f"CRASH exit {done.returncode}: {done.stderr.strip()[-400:]}"
    codes = [d["code"] for d in out.get("diagnoses") or []]
    return out["verdict"], codes[0] if codes else None, "\n".join(
        [d.get("message", "") for d in out.get("diagnoses") or []] + list(out.get("notes") or [])
    )
