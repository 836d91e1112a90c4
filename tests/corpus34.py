"""The held-out-style corpus of issue 11, thirty-fourth round: CODE only — whole answers as they
are handed in to autograders (functions with docstrings, type hints and ``assert x.shape ==``
lines, ``### START CODE HERE ###`` / ``# YOUR CODE HERE`` markers left in, ``print`` lines,
``return grads`` / ``return dW, db``, names reassigned several times, in-place ``+=``/``*=``/``/=``,
``np.copy``/``.copy()``, ``del``, per-example ``for i in range(m)`` loops accumulating into
``np.zeros_like``, ``zip`` over layers, list comprehensions), the matrix product in every spelling
(``@``, ``np.dot``, ``np.matmul``, ``.dot``, ``np.einsum``, ``torch.mm``, ``torch.bmm`` of batch 1,
``torch.einsum``, ``jnp``, ``tf.matmul(…, transpose_a=True)``), students' real mistakes (the wrong
sum axis for the layout, ``keepdims`` missing where it broadcasts, ``W.T @ dZ`` for ``dZ @ W.T``,
1/m twice, σ′ of the wrong tensor, tanh's slope for the sigmoid's, a ReLU mask of the wrong layer,
regularisation on the bias, λ/m vs λ/(2m), softmax without the one-hot subtraction), on the
built-ins and on sixteen lecturer networks no corpus had used; Chinese comments with ``--lang zh``.

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written from the mathematics before the checker was run on any
of them (bench/RESULTS.md, "heldcheck34"). Built-in cases carry a PyTorch oracle
(tests/check_oracle.py); course-network cases are confirmed by the spec's own text run in PyTorch
(tests/spelled_oracle.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus_common  # noqa: E402

_rows: list[dict] = []
N = "numpy"
_round = "a"
REFUSE = "REFUSE"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"


def _spec(name: str) -> str:
    return str(COURSE / f"{name}.toml")


CMU = _spec("hn31_cmu11785_bn_relu_softmax_onehot_np")
RC = _spec("hn29_ng_c5_rnn_cell_colmajor")
UVA = _spec("hn31_uva_tutorial2_xor_bcelogits_squeeze")
GE = _spec("hn32_geron_np_c_bias_column_mse")
QX = _spec("hn31_qiu_xor_sigmoid_sse_colmajor_cn")
SV = _spec("hn33_l2svm_squared_hinge_tf")
SK = _spec("hn30_sklearn_mlp_regressor_ravel")
AE = _spec("hn31_torch_autoencoder_mse_sum_per_batch")
NB = _spec("hn30_ng_c2w3_batchnorm_colmajor")
EX4 = _spec("hn32_ng_ex4_unrolled_np_r_regularised")
KS = _spec("hn29_keras_sparse_cce_logits_l2")
EN = _spec("hn33_sklearn_elastic_net_objective_np")
SW3 = _spec("swiglu_ffn")
BG = _spec("makemore_bigram")
LN = _spec("hn33_transformer_ffn_gelu_tanh_layernorm_by_hand")
PG = _spec("hn32_jax_poisson_glm_full_nll_gammaln")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816


def J(*lines: str) -> str:  # noqa: N802
    """A script, one argument a line."""
    return "\n".join(lines)


T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

# ---- oracles (PyTorch float64, tests/check_oracle.py)
from corpus20 import B1R, B2R, EW, RW1, RW2, SW, TW1, TW2, W1R, W2R  # noqa: E402
from corpus22 import AT_DO, BN_DY, R2_D1, R2_D2  # noqa: E402

RWX = f"x_2.T @ {R2_D2} + x_1.T @ {R2_D1}"
RWH = f"h_1.T @ {R2_D2} + h_0.T @ {R2_D1}"
RB = f"np.sum({R2_D2} + {R2_D1}, axis=0, keepdims=True)"
BGM = f"np.sum({BN_DY} * Z_hat, axis=0, keepdims=True)"
BBT = f"np.sum({BN_DY}, axis=0, keepdims=True)"
AWV = f"X.T @ (A.T @ {AT_DO})"

# ================================================================ mlp-bce: autograder answers, whole
HEAD = J(
    "def backward_propagation(X: np.ndarray, Y: np.ndarray, cache: dict) -> dict:",
    '    """Backward pass of the two-layer network.',
    "",
    "    Returns grads, a dict with dW1, db1, dW2, db2.",
    '    """',
    "    m = X.shape[0]",
    '    A1, A2 = cache["A1"], cache["A2"]',
    "    ### START CODE HERE ### (≈ 6 lines of code)",
)
BODY = J(
    "    dZ2 = A2 - Y",
    "    dW2 = A1.T @ dZ2 / m",
    "    db2 = np.sum(dZ2, axis=0, keepdims=True) / m",
    "    dZ1 = dZ2 @ W2.T * (Z1 > 0)",
    "    dW1 = X.T @ dZ1 / m",
    "    db1 = np.sum(dZ1, axis=0, keepdims=True) / m",
)
TAIL = J(
    "    ### END CODE HERE ###",
    "    assert dW1.shape == W1.shape",
    "    assert db1.shape == b1.shape",
    '    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}',
    "    return grads",
)
C(M, "W1", N, J(HEAD, BODY, TAIL), oracle=W1R, style="autograder-whole-W1")
C(M, "b1", N, J(HEAD, BODY, TAIL), oracle=B1R, style="autograder-whole-b1")
C(M, "W2", N, J(HEAD, BODY, TAIL), oracle=W2R, style="autograder-whole-W2")
C(M, "b2", N, J(HEAD, BODY, TAIL), oracle=B2R, style="autograder-whole-b2")
C(M, "W1", N, J(HEAD, BODY.replace("dZ2 @ W2.T * (Z1 > 0)", "dZ2 @ W2.T"), TAIL), "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="autograder-whole-no-relu")
C(M, "W2", N, J(HEAD, BODY.replace("A1.T @ dZ2 / m", "A1.T @ dZ2"), TAIL), "scale-factor", oracle="A1.T @ (A2 - Y)", style="autograder-whole-W2-no-m")
C(M, "b1", N, J(HEAD, BODY.replace("np.sum(dZ1, axis=0, keepdims=True) / m", "np.sum(dZ1, axis=1, keepdims=True) / m"), TAIL), "*", style="autograder-whole-b1-axis1", note="axis=1 of a row-major dZ1: the units summed (m × 1, not 1 × n_h); the assert would fail")
C(M, "W1", N, J(
    "# YOUR CODE HERE",
    "dZ2 = A2 - Y",
    "print(dZ2.shape)",
    "dA1 = np.dot(dZ2, W2.T)",
    "print('dA1', dA1)",
    "dZ1 = dA1 * (Z1 > 0)",
    "dW1 = np.dot(X.T, dZ1) / m",
    "print(dW1.shape, W1.shape)",
    "# raise NotImplementedError()",
), oracle=W1R, style="your-code-here-prints")
C(M, "b1", N, J(
    "def grads_layer1(dZ2, W2, Z1, X):",
    "    m = X.shape[0]",
    "    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)",
    "    dW1 = X.T @ dZ1 / m",
    "    db1 = dZ1.sum(axis=0, keepdims=True) / m",
    "    return dW1, db1",
    "dW1, db1 = grads_layer1(A2 - Y, W2, Z1, X)",
), oracle=B1R, style="helper-return-tuple")
C(M, "W1", N, J(
    "dZ = A2 - Y",
    "dW2 = np.dot(A1.T, dZ) / m",
    "dZ = np.dot(dZ, W2.T)",
    "dZ = dZ * (Z1 > 0)",
    "dW1 = np.dot(X.T, dZ) / m",
), oracle=W1R, style="dZ-reassigned-three-times")
C(M, "W1", N, J(
    "dZ = A2 - Y",
    "dW2 = np.dot(A1.T, dZ) / m",
    "dZ = np.dot(dZ, W2.T)",
    "dZ = dZ * (A1 > 0)",
    "dZ = dZ / m",
    "dW1 = np.dot(X.T, dZ) / m",
), "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m ** 2", style="dZ-reassigned-m-twice")
C(M, "W1", N, J(
    "dZ1 = np.dot(A2 - Y, W2.T)",
    "dZ1 *= (Z1 > 0)",
    "dW1 = np.dot(X.T, dZ1)",
    "dW1 /= m",
), oracle=W1R, style="inplace-times-divide")
C(M, "W2", N, J(
    "dW2 = np.zeros_like(W2)",
    "dW2 += A1.T @ (A2 - Y)",
    "dW2 /= m",
), oracle=W2R, style="zeros-like-plus-divide")
C(M, "W1", N, J(
    "dW1 = np.zeros_like(W1)",
    "for i in range(m):",
    "    x_i = X[i:i+1]",
    "    dz2 = A2[i:i+1] - Y[i:i+1]",
    "    dz1 = dz2 @ W2.T * (Z1[i:i+1] > 0)",
    "    dW1 += x_i.T @ dz1",
    "dW1 /= m",
), oracle=W1R, style="per-example-loop-slices")
C(M, "W1", N, J(
    "dW1 = np.zeros_like(W1)",
    "for i in range(m):",
    "    x_i = X[i:i+1]",
    "    dz2 = A2[i:i+1] - Y[i:i+1]",
    "    dz1 = dz2 @ W2.T * (Z1[i:i+1] > 0)",
    "    dW1 += x_i.T @ dz1",
), "scale-factor", oracle=f"m * {W1R}", style="per-example-loop-no-divide")
C(M, "W2", N, J(
    "dW2 = np.zeros((2, 1))",
    "for i in range(m):",
    "    dW2 += np.outer(A1[i], A2[i] - Y[i]) / m",
), oracle=W2R, style="per-example-outer-1d")
C(M, "b2", N, J(
    "db2 = 0",
    "for i in range(m):",
    "    db2 += (A2[i] - Y[i]) / m",
), oracle=B2R, style="per-example-scalar-bias")
C(M, "W1", N, "dW1 = np.divide(np.dot(np.transpose(X), np.multiply(np.dot(np.subtract(A2, Y), np.transpose(W2)), Z1 > 0)), m)", oracle=W1R, style="np-function-spellings")
C(M, "W1", N, J("dZ1 = np.matmul(A2 - Y, W2.transpose()) * np.greater(Z1, 0)", "dW1 = np.matmul(X.transpose(), dZ1) / m"), oracle=W1R, style="matmul-transpose-method-greater")
C(M, "W1", N, J("dZ1 = (A2 - Y).dot(W2.T) * (Z1 > 0).astype(float)", "dW1 = X.T.dot(dZ1) / m"), oracle=W1R, style="dot-method-astype")
C(M, "W1", N, J("dZ1 = (A2 - Y) * W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), oracle=W1R, style="broadcast-column-times-row", note="(m × 1) * (1 × n_h) is the outer product = (A2 − Y) @ W2ᵀ: right")
C(M, "W1", N, J("dZ1 = np.dot(W2, (A2 - Y).T) * (Z1 > 0)", "dW1 = np.dot(X.T, dZ1) / m"), "*", style="W-dZ-order-square", note="W2 (A2 − Y)ᵀ is dA1 transposed (2 × 2, square here): wrong")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = dZ1.T @ X / m"), "*", oracle=f"({W1R}).T", style="transposed-square-W1", note="dZ1ᵀ X is dW1ᵀ, 2 × 2 like W1")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = np.einsum('ij,ik->jk', X, dZ1) / m"), oracle=W1R, style="einsum-jk")
C(M, "W1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = np.einsum('ij,ik->kj', X, dZ1) / m"), "*", oracle=f"({W1R}).T", style="einsum-kj-transposed")
C(M, "W2", N, J("dZ2 = (A2 - Y) / m", "dW2 = A1.T @ dZ2 / m"), "scale-factor", oracle=f"{W2R} / m", style="m-twice-W2")
C(M, "W2", N, J("dA2 = -(Y / A2 - (1 - Y) / (1 - A2)) / m", "dZ2 = dA2 * sigmoid(A2) * (1 - sigmoid(A2))", "dW2 = A1.T @ dZ2"), "wrong-layer", style="sigmoid-of-A2", note="σ′ taken at the activation's own output, a node of its own: wrong-layer by corpora 5 and 15's policy (mutations._AT_OUTPUT; relabelled from wrong-activation-derivative after the first pass)")
C(M, "W2", N, J("dA2 = -(Y / A2 - (1 - Y) / (1 - A2)) / m", "dZ2 = dA2 * (1 - A2 ** 2)", "dW2 = A1.T @ dZ2"), "wrong-activation-derivative", oracle="A1.T @ (-(Y / A2 - (1 - Y) / (1 - A2)) / m * (1 - A2 ** 2))", style="tanh-slope-for-sigmoid")
C(M, "W2", N, J("dA2 = -(Y / A2 - (1 - Y) / (1 - A2)) / m", "dZ2 = dA2 * A2 * (1 - A2)", "dW2 = A1.T @ dZ2"), oracle=W2R, style="dA2-sigmoid-slope")
C(M, "W1", N, J("dZ2 = A2 - Y", "dZ1 = dZ2 @ W2.T * (X > 0)", "dW1 = X.T @ dZ1 / m"), "*", style="relu-mask-of-X")
C(M, "W1", N, J("dZ2 = A2 - Y", "dZ1 = dZ2 @ W2.T * (A2 > 0)", "dW1 = X.T @ dZ1 / m"), "*", style="relu-mask-of-A2", note="A2 = σ(·) > 0 everywhere: the mask keeps every entry, ReLU's slope missing")
C(M, "W2", N, J("import torch", "dZ2 = A2 - Y", "dW2 = torch.mm(A1.t(), dZ2) / m"), oracle=W2R, style="torch-mm-t")
C(M, "W2", N, "dW2 = torch.bmm(A1.T.unsqueeze(0), (A2 - Y).unsqueeze(0)).squeeze(0) / m", oracle=W2R, style="torch-bmm-batch-one")
C(M, "W1", N, J("dZ1 = torch.einsum('ik,jk->ij', A2 - Y, W2) * (Z1 > 0)", "dW1 = torch.einsum('ij,ik->jk', X, dZ1) / m"), oracle=W1R, style="torch-einsum-both")
C(M, "W2", N, "dW2 = jnp.dot(A1.T, A2 - Y) / m", oracle=W2R, style="jnp-dot")
C(M, "W2", N, "dW2 = tf.matmul(A1, A2 - Y, transpose_a=True) / m", oracle=W2R, style="tf-transpose-a")
C(M, "W2", N, "dW2 = tf.matmul(A2 - Y, A1, transpose_a=True) / m", "*", style="tf-transpose-a-swapped", note="(A2 − Y)ᵀ A1 is 1 × 2: W2's 2 × 1 transposed")
C(M, "b2", N, "db2 = tf.reduce_sum(A2 - Y, axis=0, keepdims=True) / m", oracle=B2R, style="tf-reduce-sum-keepdims")
C(M, "b2", N, "db2 = np.squeeze(np.sum(A2 - Y, axis=0, keepdims=True)) / m", oracle=B2R, style="np-squeeze-bias")
C(M, "b2", N, "db2 = np.mean(A2 - Y, axis=0)", oracle=B2R, style="np-mean-axis0")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.mean(dZ1, axis=0, keepdims=True)"), oracle=B1R, style="np-mean-b1")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.mean(dZ1)"), "*", style="np-mean-all-b1", note="the mean of every entry: one number for two biases, divided by m·n_h")
C(M, "b1", N, J("dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)", "db1 = np.sum(dZ1, axis=0) / m"), oracle=B1R, style="no-keepdims-1d-bias", note="(n_h,) for a 1 × n_h bias: the same numbers, as corpus 33's CS231n db")
C(M, "W2", N, J("dZ2 = (A2 - Y).reshape(-1, 1)", "dW2 = A1.T @ dZ2 / m"), oracle=W2R, style="reshape-minus-one")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = np.copy(dZ2 @ W2.T)",
    "dZ1[Z1 <= 0] = 0",
    "del dZ2",
    "dW1 = X.T @ dZ1 / m",
), oracle=W1R, style="np-copy-mask-del")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dA1 = dZ2 @ W2.T",
    "dZ1 = dA1.copy()",
    "dZ1[A1 == 0] = 0",
    "dW1 = X.T @ dZ1 / m",
), oracle=W1R, style="copy-mask-A1-eq-0")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = dZ2 @ W2.T * (Z1 > 0)",
    "grads = {}",
    "for name, a, d in zip(['dW1', 'dW2'], [X, A1], [dZ1, dZ2]):",
    "    grads[name] = a.T @ d / m",
    "dW1 = grads['dW1']",
), oracle=W1R, style="zip-over-layers")
C(M, "W2", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = dZ2 @ W2.T * (Z1 > 0)",
    "dW1, dW2 = [a.T @ d / m for a, d in ((X, dZ1), (A1, dZ2))]",
), oracle=W2R, style="list-comprehension-layers")
C(M, "W1", N, J(
    "dZ2 = A2 - Y",
    "dZ1 = dZ2 @ W2.T * (Z1 > 0)",
    "dW1, dW2 = [a.T @ d for a, d in ((X, dZ1), (A1, dZ2))]",
), "scale-factor", oracle=f"m * {W1R}", style="list-comprehension-no-m")
C(M, "W1", N, J("dW1 = ...  # YOUR CODE HERE"), REFUSE, style="ellipsis-left")
C(M, "W1", N, J("### START CODE HERE ###", "dW1 = None", "### END CODE HERE ###"), REFUSE, style="none-left")
C(M, "W1", N, J("def backward_propagation(parameters, cache, X, Y):", "    # YOUR CODE HERE", "    raise NotImplementedError()"), REFUSE, style="not-implemented-left")
C(M, "b1", N, J("dA1 = (A2 - Y) @ W2.T", "dZ1 = relu_backward(dA1, cache)", "db1 = np.sum(dZ1, axis=0, keepdims=True) / m"), REFUSE, style="undefined-helper")
C(M, "W1", N, J("dZ1 = ((A2 - Y) @ W2.T * (Z1 > 0)", "dW1 = X.T @ dZ1 / m"), REFUSE, style="unbalanced-paren")
C(M, "W2", N, J("# 输出层：sigmoid 与交叉熵合并后 dZ2 = A2 - Y", "dZ2 = A2 - Y", "dW2 = A1.T @ dZ2 / m  # 除以样本数 m"), lang=Z, oracle=W2R, style="zh-comment-W2")
C(M, "W1", N, J("# 反向传播到隐藏层", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)  # ReLU 的导数", "dW1 = X.T @ dZ1  # 忘了除以 m"), "scale-factor", lang=Z, oracle=f"m * {W1R}", style="zh-comment-W1-no-m")
C(M, "b2", N, J("# 偏置的梯度：按样本求和", "db2 = np.sum(A2 - Y, axis=0, keepdims=True) / m"), lang=Z, oracle=B2R, style="zh-comment-b2")

# ================================================================ mlp-bce-weighted (pos_weight w = 3)
WDZ = "((1 - Y) * A2 - w * Y * (1 - A2))"
C(MW, "W2", N, J("dZ2 = (A2 * (1 - Y) - w * Y * (1 - A2)) / m", "dW2 = A1.T @ dZ2"), oracle=f"A1.T @ {WDZ} / m", style="w-dZ2-expanded")
C(MW, "W2", N, J("dZ2 = A2 * (w * Y + 1 - Y) - w * Y", "dW2 = np.dot(A1.T, dZ2) / m"), oracle=f"A1.T @ {WDZ} / m", style="w-dZ2-factored")
C(MW, "W2", N, J("dZ2 = A2 - Y", "dW2 = np.dot(A1.T, dZ2) / m"), "*", oracle="A1.T @ (A2 - Y) / m", style="w-weight-ignored")
C(MW, "b2", N, J("dZ2 = A2 * (w * Y + 1 - Y) - w * Y", "db2 = np.sum(dZ2, axis=0, keepdims=True) / m"), oracle=f"np.sum({WDZ}, axis=0, keepdims=True) / m", style="w-b2")

# ================================================================ tiny-mlp
C(T, "W1", N, J(
    "def backward(X: np.ndarray, h: np.ndarray, W2: np.ndarray, err: float) -> tuple[np.ndarray, np.ndarray]:",
    '    """err = y_pred - y_target"""',
    "    dW2 = h.T * err",
    "    dh = err * W2.T",
    "    dW1 = X.T @ (dh * h * (1 - h))",
    "    assert dW1.shape == (2, 2)",
    "    return dW1, dW2",
    "dW1, dW2 = backward(X, h, W2, y_pred - y_target)",
), oracle=TW1, style="tiny-typed-helper")
C(T, "W2", N, J("err = y_target - y_pred", "dW2 = -h.T * err"), oracle=TW2, style="tiny-err-reversed-minus")
C(T, "W2", N, J("err = y_target - y_pred", "dW2 = h.T * err"), "sign", oracle=f"-{TW2}", style="tiny-err-reversed-sign")
C(T, "W1", N, J("d = (y_pred - y_target) * W2.T", "dW1 = X.T @ (d * (1 - h ** 2))"), "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h ** 2))", style="tiny-tanh-slope")
C(T, "W1", N, J("d = (y_pred - y_target) * W2.T", "dW1 = X.T @ (d * sigmoid(h) * (1 - sigmoid(h)))"), "wrong-layer", style="tiny-sigmoid-of-h", note="σ′ taken at the activation's own output, a node of its own: wrong-layer by corpora 5 and 15's policy (mutations._AT_OUTPUT; relabelled from wrong-activation-derivative after the first pass)")
C(T, "W1", N, J("dh = np.outer(y_pred - y_target, W2)", "dh_raw = np.multiply(dh, h * (1 - h))", "dW1 = np.dot(X.T, dh_raw)"), oracle=TW1, style="tiny-outer-multiply")
C(T, "W1", N, J("dh = (y_pred - y_target) * W2.T", "dh *= h", "dh *= 1 - h", "dW1 = X.T @ dh"), oracle=TW1, style="tiny-inplace-chain")
C(T, "W1", N, J("dh = (y_pred - y_target) * W2", "dW1 = X.T @ (dh * h * (1 - h))"), "*", style="tiny-W2-not-transposed", note="(y_pred − y_target)·W2 is 2 × 1; times h (1 × 2) broadcasts to 2 × 2 and X.T @ (2 × 2) is 2 × 2: wrong numbers")

# ================================================================ neuron
C(E, "w", N, J("delta = (O - t) * O * (1 - O)", "dw = delta * x"), oracle=EW, style="neuron-delta")
C(E, "w", N, "dw = np.multiply((O - t) * O * (1 - O), x)", oracle=EW, style="neuron-np-multiply")
C(E, "w", N, "dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="neuron-no-slope")
C(E, "w", N, "dw = (O - t) * (1 - O ** 2) * x", "wrong-activation-derivative", oracle="(O - t) * (1 - O ** 2) * x", style="neuron-tanh-slope")
C(E, "w", N, "dw = (t - O) * O * (1 - O) * x", "sign", oracle=f"-{EW}", style="neuron-sign")
C(E, "w", N, "dw = 2 * (O - t) * O * (1 - O) * x", "scale-factor", oracle=f"2 * {EW}", style="neuron-half-forgotten")
C(E, "w", N, J("def grad_w(x: float, O: float, t: float) -> float:", "    return (O - t) * O * (1 - O) * x", "dw = grad_w(x, O, t)"), oracle=EW, style="neuron-typed-return")
C(E, "w", N, J("# sigmoid 的导数是 O(1-O)", "dw = (O - t) * O * (1 - O) * x"), lang=Z, oracle=EW, style="neuron-zh")

# ================================================================ chain
C(CH, "w", N, J("v = w * x + b", "dv = 2 * v", "dw = dv * x"), style="chain-plain")
C(CH, "w", N, J("v = w * x + b", "dw = 2 * v"), "*", style="chain-db-for-dw", note="2v is ∂L/∂b: the answer for the wrong parameter")
C(CH, "b", N, J("v = w * x + b", "db = 2 * v * x"), "*", style="chain-dw-for-db")
C(CH, "b", N, J("def grad_b(w, x, b):", "    v = w * x + b", "    return 2 * v", "db = grad_b(w, x, b)"), style="chain-helper-b")
C(CH, "w", N, J("grad = 0.0", "grad += 2 * (w * x + b)", "grad *= x", "dw = grad"), style="chain-inplace")

# ================================================================ relu-mlp (PyTorch tutorial)
C(R, "w2", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_w2 = torch.mm(h_relu.t(), grad_y_pred)"), oracle=RW2, style="relu-mm-t")
C(R, "w2", N, J("grad_y_pred = y_pred - y", "grad_w2 = torch.mm(h_relu.t(), grad_y_pred)"), "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="relu-no-two")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h_relu = grad_y_pred.mm(w2.t())", "grad_h = grad_h_relu.clone()", "grad_h[h_relu < 0] = 0", "grad_w1 = x.t().mm(grad_h)"), "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="relu-mask-on-h-relu", note="h_relu < 0 never holds: the mask does nothing")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h = grad_y_pred @ w2.T", "grad_h = grad_h * (h > 0)", "grad_w1 = x.T @ grad_h"), oracle=RW1, style="relu-mask-mult")
C(R, "w1", N, J("g = 2.0 * (y_pred - y)", "g = g @ w2.T", "g *= (h > 0).float()", "grad_w1 = torch.einsum('ni,nj->ij', x, g)"), oracle=RW1, style="relu-einsum-inplace")
C(R, "w1", N, J("grad_y_pred = 2.0 * (y_pred - y)", "grad_h = w2 @ grad_y_pred.T", "grad_w1 = x.T @ (grad_h.T * (h > 0))"), oracle=RW1, style="relu-double-transpose", note="(w2 Gᵀ)ᵀ = G w2ᵀ: right")

# ================================================================ softmax-regression
C(S, "W", N, J("dscores = P.copy()", "dscores[np.arange(m), Y.argmax(axis=1)] -= 1", "dscores /= m", "dW = X.T @ dscores"), oracle=SW, style="s-argmax-index-minus")
C(S, "W", N, "dW = X.T @ P / m", "*", oracle="X.T @ P / m", style="s-no-onehot-subtraction")
C(S, "W", N, "dW = tf.matmul(X, P - Y, transpose_a=True) / m", oracle=SW, style="s-tf-transpose-a")
C(S, "b", N, "db = tf.reduce_sum(P - Y, axis=1, keepdims=True) / m", "*", style="s-tf-wrong-axis", note="a sum over classes: 0 for every row (m × 1)")
C(S, "W", N, J("probs = np.exp(Z) / np.sum(np.exp(Z), axis=1)", "dW = X.T @ (probs - Y) / m"), "*", style="s-softmax-no-keepdims", note="(m × k) / (m,) does not broadcast (2 × 3 by 2): never ✓")
C(S, "W", N, J(
    "def softmax_grad(X: np.ndarray, P: np.ndarray, Y: np.ndarray) -> np.ndarray:",
    '    """Gradient of the mean cross-entropy w.r.t. W."""',
    "    m = X.shape[0]",
    "    dW = X.T @ (P - Y) / m",
    "    assert dW.shape == (X.shape[1], Y.shape[1])",
    "    return dW",
    "dW = softmax_grad(X, P, Y)",
), oracle=SW, style="s-typed-function")
C(S, "W", N, J("dW = np.zeros_like(W)", "for i in range(m):", "    dW += np.outer(X[i], P[i] - Y[i])", "dW /= m"), oracle=SW, style="s-per-example-outer")
C(S, "W", N, J("dW = np.zeros_like(W)", "for i in range(m):", "    dW += np.outer(P[i] - Y[i], X[i])", "dW /= m"), "*", style="s-per-example-outer-swapped", note="3 × 2 into a 2 × 3 zeros: does not broadcast; never ✓")
C(S, "W", N, J("# softmax 与交叉熵合并：梯度是 P - Y", "dW = X.T @ (P - Y) / m"), lang=Z, oracle=SW, style="s-zh")

# ================================================================ rnn (two steps)
C(R2, "W_x", N, J(
    "dh_next = np.zeros_like(h_2)",
    "dW_x = np.zeros_like(W_x)",
    "for x_t, h_t, dy in [(x_2, h_2, h_2 - y), (x_1, h_1, 0)]:",
    "    dz = (dy + dh_next) * (1 - h_t ** 2)",
    "    dW_x += x_t.T @ dz",
    "    dh_next = dz @ W_h.T",
), oracle=RWX, style="rnn-loop-tuples")
C(R2, "W_x", N, J(
    "dz2 = (h_2 - y) * (1 - h_2 ** 2)",
    "dW_x = x_2.T @ dz2",
    "dz1 = (dz2 @ W_h.T) * (1 - h_1 ** 2)",
    "dW_x += x_1.T @ dz1",
), oracle=RWX, style="rnn-inplace-accumulate")
C(R2, "W_x", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dW_x = x_2.T @ dz2"), "missing-path", oracle=f"x_2.T @ {R2_D2}", style="rnn-last-step-only")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "dW_h = h_1.T @ dz2 + h_0.T @ dz1"), oracle=RWH, style="rnn-Wh")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2) ** 2", "dz1 = dz2 @ W_h.T * (1 - h_1) ** 2", "dW_h = h_1.T @ dz2 + h_0.T @ dz1"), "wrong-activation-derivative", style="rnn-tanh-slope-squared-wrong")
C(R2, "b", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = dz2 @ W_h.T * (1 - h_1 ** 2)", "db = np.sum(dz2 + dz1, axis=0, keepdims=True)"), oracle=RB, style="rnn-b")
C(R2, "W_h", N, J("dz2 = (h_2 - y) * (1 - h_2 ** 2)", "dz1 = W_h @ dz2.T * (1 - h_1 ** 2).T", "dW_h = h_1.T @ dz2 + h_0.T @ dz1.T"), oracle=RWH, style="rnn-Wh-transposed-twice", note="(W_h dz2ᵀ)ᵀ = dz2 W_hᵀ: right — first labelled wrong (\"only for a symmetric W_h\", my slip: the product is transposed back by dz1.T); relabelled after the first pass")

# ================================================================ attention
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dV = A.T @ dO", "dW_v = X.T @ dV"), oracle=AWV, style="att-size")
C(A, "W_v", N, J("dO = 2 * (O - T) / O.size", "dV = A @ dO", "dW_v = X.T @ dV"), "*", style="att-A-not-transposed", note="A is 2 × 2 and not symmetric: A dO ≠ Aᵀ dO")
C(A, "W_v", N, J("dO = 2 * (O - T) / n", "dW_v = X.T @ (A.T @ dO)"), "scale-factor", oracle=f"d * {AWV}", style="att-over-n")
C(A, "W_v", N, "dW_v = torch.einsum('ni,mn,md->id', X, A, 2 * (O - T) / O.numel())", oracle=AWV, style="att-torch-einsum-three")

# ================================================================ batchnorm
C(B, "gamma", N, J("dY = 2 * (Y - T) / Y.size", "dgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)"), oracle=BGM, style="bn-gamma-size")
C(B, "gamma", N, J("dY = 2 * (Y - T) / Y.size", "dgamma = np.sum(dY, axis=0, keepdims=True)"), "*", style="bn-gamma-no-zhat")
C(B, "beta", N, J("dY = 2 * (Y - T) / Y.size", "dbeta = np.sum(dY, axis=1, keepdims=True)"), "*", style="bn-beta-axis1")
C(B, "gamma", N, J("dY = 2 * (Y - T) / Y.size", "dgamma = np.mean(dY * Z_hat, axis=0, keepdims=True)"), "scale-factor", oracle=f"{BGM} / m", style="bn-gamma-mean")
C(B, "beta", N, J("dY = 2 * (Y - T) / (m * n)", "dbeta = dY.sum(axis=0, keepdims=True)"), oracle=BBT, style="bn-beta")

_round = "b"
# ================================================================ CMU 11-785 HW1: BN, ReLU, softmax (W1 is H × D, used as A0 @ W1.T)
CMU_DZ2 = "((A - Y) / N)"
CMU_DBZ = f"({CMU_DZ2} @ W2 * (BZ > 0))"
CMU_DNZ = f"({CMU_DBZ} * BW)"
CMU_DZ = f"((N * {CMU_DNZ} - {CMU_DNZ}.sum(0, keepdims=True) - NZ * ({CMU_DNZ} * NZ).sum(0, keepdims=True)) / (N * np.sqrt(V + eps)))"
CMU_H = J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2", "dLdBZ = dLdA1 * (BZ > 0)")
C(CMU, "W2", N, J("dLdZ2 = (A - Y) / N", "dLdW2 = dLdZ2.T @ A1"), oracle=f"{CMU_DZ2}.T @ A1", style="cmu-dW2")
C(CMU, "W2", N, J("dLdZ2 = (A - Y) / N", "dLdW2 = A1.T @ dLdZ2"), "*", style="cmu-dW2-transposed", note="H × C for a C × H weight (4 × 3 vs 3 × 4): the layout is W1.T's")
C(CMU, "W2", N, J("dLdZ2 = A / N", "dLdW2 = dLdZ2.T @ A1"), "*", oracle="(A / N).T @ A1", style="cmu-dW2-no-Y")
C(CMU, "W2", N, J("dLdZ2 = A - Y", "dLdW2 = dLdZ2.T @ A1"), "scale-factor", oracle="(A - Y).T @ A1", style="cmu-dW2-no-N")
C(CMU, "b2", N, J("dLdZ2 = (A - Y) / N", "dLdb2 = np.sum(dLdZ2, axis=0, keepdims=True)"), oracle=f"{CMU_DZ2}.sum(0, keepdims=True)", style="cmu-db2")
C(CMU, "b2", N, J("dLdZ2 = (A - Y) / N", "dLdb2 = np.sum(dLdZ2, axis=1, keepdims=True)"), "*", style="cmu-db2-axis1", note="N × 1 of zeros (a softmax row minus a one-hot row sums to 0)")
C(CMU, "Bb", N, J(CMU_H, "dLdBb = np.sum(dLdBZ, axis=0, keepdims=True)"), oracle=f"{CMU_DBZ}.sum(0, keepdims=True)", style="cmu-dBb")
C(CMU, "BW", N, J(CMU_H, "dLdBW = np.sum(dLdBZ * NZ, axis=0, keepdims=True)"), oracle=f"({CMU_DBZ} * NZ).sum(0, keepdims=True)", style="cmu-dBW")
C(CMU, "BW", N, J(CMU_H, "dLdBW = np.sum(dLdBZ * Z, axis=0, keepdims=True)"), "*", style="cmu-dBW-Z-not-NZ")
C(CMU, "BW", N, J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2", "dLdBZ = dLdA1 * (Z > 0)", "dLdBW = np.sum(dLdBZ * NZ, axis=0, keepdims=True)"), "*", style="cmu-relu-mask-of-Z", note="the mask of the pre-BN Z, not of BZ: other signs")
C(CMU, "Bb", N, J("dLdZ2 = (A - Y) / N", "dLdA1 = dLdZ2 @ W2.T", "dLdBZ = dLdA1 * (BZ > 0)", "dLdBb = np.sum(dLdBZ, axis=0, keepdims=True)"), "*", style="cmu-W2-transposed-shape", note="W2.T is H × C: (N × C) @ (H × C) does not multiply (C = 3, H = 4); never ✓")
C(CMU, "W1", N, J(
    CMU_H,
    "dLdNZ = dLdBZ * BW",
    "dLdV = np.sum(dLdNZ * (Z - M) * -0.5 * (V + eps) ** -1.5, axis=0, keepdims=True)",
    "dLdM = -np.sum(dLdNZ / np.sqrt(V + eps), axis=0, keepdims=True) - 2 / N * dLdV * np.sum(Z - M, axis=0, keepdims=True)",
    "dLdZ = dLdNZ / np.sqrt(V + eps) + dLdV * 2 * (Z - M) / N + dLdM / N",
    "dLdW1 = dLdZ.T @ A0",
), oracle=f"{CMU_DZ}.T @ A0", style="cmu-dW1-hw1-formulas")
C(CMU, "W1", N, J(CMU_H, "dLdNZ = dLdBZ * BW", "dLdZ = dLdNZ / np.sqrt(V + eps)", "dLdW1 = dLdZ.T @ A0"), "*", oracle=f"({CMU_DNZ} / np.sqrt(V + eps)).T @ A0", style="cmu-dW1-bn-as-scale", note="the batch statistics treated as constants")
C(CMU, "b1", N, J(
    CMU_H,
    "dLdNZ = dLdBZ * BW",
    "dLdZ = (N * dLdNZ - dLdNZ.sum(0, keepdims=True) - NZ * (dLdNZ * NZ).sum(0, keepdims=True)) / (N * np.sqrt(V + eps))",
    "dLdb1 = np.sum(dLdZ, axis=0, keepdims=True)",
), oracle=f"{CMU_DZ}.sum(0, keepdims=True)", style="cmu-db1-compact-bn", note="0 in every entry: a bias before batch norm does not change the loss")
C(CMU, "b1", N, J("### START CODE HERE ###", "dLdb1 = np.zeros_like(b1)  # BN removes the mean: b1 has no effect", "### END CODE HERE ###"), oracle="np.zeros((1, H))", style="cmu-db1-zeros")
C(CMU, "b1", N, J(CMU_H, "dLdb1 = np.sum(dLdBZ, axis=0, keepdims=True)"), "*", style="cmu-db1-as-Bb", note="BN's shift's gradient given for the bias before BN (whose gradient is 0)")
C(CMU, "W2", N, J("# 交叉熵对 Z2 的梯度", "dLdZ2 = (A - Y) / N", "dLdW2 = dLdZ2.T @ A1  # 形状 C×H"), lang=Z, oracle=f"{CMU_DZ2}.T @ A1", style="cmu-zh")

# ================================================================ Ng course 5 rnn cell (column-major, two steps)
# y1, y2 are neither declared one-hot nor given: the softmax-CE error is yt·Σy − y, column by column
RC_D2 = "((yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)"
RC_D1 = "((yt1 * y1.sum(axis=0, keepdims=True) - y1) / m)"
RC_T2 = f"((Wya.T @ {RC_D2}) * (1 - a2 ** 2))"
RC_T1 = f"((Wya.T @ {RC_D1} + Waa.T @ {RC_T2}) * (1 - a1 ** 2))"
C(RC, "Wya", N, J("dz1 = (yt1 - y1) / m", "dz2 = (yt2 - y2) / m", "dWya = np.dot(dz1, a1.T) + np.dot(dz2, a2.T)"), "*", oracle="(yt1 - y1) @ a1.T / m + (yt2 - y2) @ a2.T / m", style="rc-Wya-onehot-habit", note="y1, y2 are not declared one-hot (nor given): ∂/∂z of −Σ y log softmax(z) is softmax(z)·Σy − y; yt − y holds only where each column sums to 1 (relabelled: first written right)")
C(RC, "Wya", N, J("dz2 = (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m", "dWya = np.dot(dz2, a2.T)"), "missing-path", oracle=f"{RC_D2} @ a2.T", style="rc-Wya-last-only")
C(RC, "by", N, J("dby = np.sum(yt1 * y1.sum(axis=0) - y1, axis=1, keepdims=True) / m", "dby += np.sum(yt2 * y2.sum(axis=0) - y2, axis=1, keepdims=True) / m"), oracle=f"np.sum({RC_D1} + {RC_D2}, axis=1, keepdims=True)", style="rc-by-inplace")
C(RC, "by", N, "dby = np.sum(yt1 * y1.sum(0) - y1 + yt2 * y2.sum(0) - y2, axis=0, keepdims=True) / m", "*", style="rc-by-axis0", note="axis=0 of a column-major output: sums over classes (1 × m for n_y × 1)")
C(RC, "Wax", N, J(
    "def rnn_cell_backward(da_next, a_next, xt, a_prev, Waa, Wax):",
    "    dtanh = (1 - a_next ** 2) * da_next",
    "    dxt = np.dot(Wax.T, dtanh)",
    "    dWax = np.dot(dtanh, xt.T)",
    "    da_prev = np.dot(Waa.T, dtanh)",
    "    dWaa = np.dot(dtanh, a_prev.T)",
    "    dba = np.sum(dtanh, axis=1, keepdims=True)",
    "    return dxt, da_prev, dWax, dWaa, dba",
    "da2 = np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "_, da1_rec, dWax_2, dWaa_2, dba_2 = rnn_cell_backward(da2, a2, x2, a1, Waa, Wax)",
    "da1 = np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m) + da1_rec",
    "_, _, dWax_1, dWaa_1, dba_1 = rnn_cell_backward(da1, a1, x1, a0, Waa, Wax)",
    "dWax = dWax_1 + dWax_2",
), oracle=f"{RC_T1} @ x1.T + {RC_T2} @ x2.T", style="rc-ng-cell-helper-twice")
C(RC, "Wax", N, J(
    "dtanh2 = (1 - a2 ** 2) * np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "dtanh1 = (1 - a1 ** 2) * np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m)",
    "dWax = np.dot(dtanh1, x1.T) + np.dot(dtanh2, x2.T)",
), "missing-path", oracle=f"((Wya.T @ {RC_D1}) * (1 - a1 ** 2)) @ x1.T + {RC_T2} @ x2.T", style="rc-Wax-no-recurrent")
C(RC, "Waa", N, J(
    "dtanh2 = (1 - a2 ** 2) * np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "da1 = np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m) + np.dot(Waa.T, dtanh2)",
    "dtanh1 = (1 - a1 ** 2) * da1",
    "dWaa = np.dot(dtanh1, a0.T) + np.dot(dtanh2, a1.T)",
), oracle=f"{RC_T1} @ a0.T + {RC_T2} @ a1.T", style="rc-Waa")
C(RC, "Waa", N, J(
    "dtanh2 = (1 - a2 ** 2) * np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "da1 = np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m) + np.dot(Waa.T, dtanh2)",
    "dtanh1 = (1 - a1 ** 2) * da1",
    "dWaa = np.dot(a0, dtanh1.T) + np.dot(a1, dtanh2.T)",
), "*", style="rc-Waa-transposed-square", note="n_a × n_a: a dtanhᵀ is dWaa transposed")
C(RC, "ba", N, J(
    "dtanh2 = (1 - a2 ** 2) * np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "da1 = np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m) + np.dot(Waa.T, dtanh2)",
    "dtanh1 = (1 - a1 ** 2) * da1",
    "dba = np.sum(dtanh1 + dtanh2, axis=1, keepdims=True)",
), oracle=f"np.sum({RC_T1} + {RC_T2}, axis=1, keepdims=True)", style="rc-ba")
C(RC, "ba", N, J(
    "dtanh2 = (1 - a2 ** 2) * np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "da1 = np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m) + np.dot(Waa.T, dtanh2)",
    "dtanh1 = (1 - a1 ** 2) * da1",
    "dba = np.sum(dtanh1 + dtanh2, axis=1, keepdims=True) / m",
), "scale-factor", oracle=f"np.sum({RC_T1} + {RC_T2}, axis=1, keepdims=True) / m", style="rc-ba-m-twice")
C(RC, "ba", N, J(
    "dtanh2 = (1 - a2) ** 2 * np.dot(Wya.T, (yt2 * y2.sum(axis=0, keepdims=True) - y2) / m)",
    "da1 = np.dot(Wya.T, (yt1 * y1.sum(axis=0, keepdims=True) - y1) / m) + np.dot(Waa.T, dtanh2)",
    "dtanh1 = (1 - a1) ** 2 * da1",
    "dba = np.sum(dtanh1 + dtanh2, axis=1, keepdims=True)",
), "wrong-activation-derivative", style="rc-ba-tanh-slope-wrong")
C(RC, "Wya", N, J("# 两个时间步的输出层梯度相加", "dWya = np.dot((yt1 - y1) / m, a1.T) + np.dot((yt2 - y2) / m, a2.T)"), "*", lang=Z, oracle="(yt1 - y1) @ a1.T / m + (yt2 - y2) @ a2.T / m", style="rc-zh-onehot-habit", note="as rc-Wya-onehot-habit (relabelled: first written right)")
C(RC, "by", N, J("dby = 0", "for yt, yy in zip([yt1, yt2], [y1, y2]):", "    dby = dby + np.sum(yt * yy.sum(axis=0) - yy, axis=1, keepdims=True) / m"), oracle=f"np.sum({RC_D1} + {RC_D2}, axis=1, keepdims=True)", style="rc-by-zip-loop")

# ================================================================ UvA tutorial 2: XOR, BCEWithLogits, squeeze (PyTorch)
UV_D = "((sigmoid(preds) - data_labels[:, None]) / N)"
UV_H = f"({UV_D} @ W2 * (1 - x ** 2))"
C(UVA, "W2", N, J("dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N", "dW2 = dpreds.T @ x"), oracle=f"{UV_D}.T @ x", style="uva-W2")
C(UVA, "W2", N, J("dpreds = (torch.sigmoid(preds_s) - data_labels.float()) / N", "dW2 = dpreds.unsqueeze(0) @ x"), oracle=f"{UV_D}.T @ x", style="uva-W2-unsqueeze")
C(UVA, "W2", N, J("dpreds = (torch.sigmoid(preds) - data_labels) / N", "dW2 = dpreds.T @ x"), "*", style="uva-broadcast-4x4", note="(N × 1) − (N,) broadcasts to N × N: a 4 × 4 grid, not the error")
C(UVA, "W2", N, J("dpreds = (preds - data_labels[:, None]) / N", "dW2 = dpreds.T @ x"), "*", oracle="((preds - data_labels[:, None]) / N).T @ x", style="uva-no-sigmoid")
C(UVA, "b2", N, J("dpreds = (torch.sigmoid(preds) - data_labels.view(-1, 1)) / N", "db2 = dpreds.sum(0)"), oracle=f"{UV_D}.sum(0)", style="uva-b2-view")
C(UVA, "b2", N, "db2 = (torch.sigmoid(preds_s) - data_labels).mean().reshape(1)", oracle=f"{UV_D}.sum(0)", style="uva-b2-mean")
C(UVA, "W1", N, J(
    "dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N",
    "dx = dpreds @ W2",
    "dpre = dx * (1 - x ** 2)",
    "dW1 = dpre.T @ data_inputs",
), oracle=f"{UV_H}.T @ data_inputs", style="uva-W1")
C(UVA, "W1", N, J(
    "dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N",
    "dx = dpreds @ W2",
    "dpre = dx * x * (1 - x)",
    "dW1 = dpre.T @ data_inputs",
), "wrong-activation-derivative", oracle=f"({UV_D} @ W2 * x * (1 - x)).T @ data_inputs", style="uva-W1-sigmoid-slope")
C(UVA, "W1", N, J(
    "dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N",
    "dx = dpreds @ W2",
    "dpre = dx * (1 - x ** 2)",
    "dW1 = data_inputs.T @ dpre",
), "*", style="uva-W1-transposed", note="2 × 4 for a 4 × 2 weight (the nn.Linear layout)")
C(UVA, "b1", N, J(
    "dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N",
    "dpre = (dpreds @ W2) * (1 - torch.tanh(data_inputs @ W1.T + b1) ** 2)",
    "db1 = dpre.sum(dim=0)",
), oracle=f"{UV_H}.sum(0)", style="uva-b1-tanh-recomputed")
C(UVA, "b1", N, J(
    "dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N",
    "dpre = (dpreds @ W2) * (1 - x ** 2)",
    "db1 = dpre.sum(dim=1)",
), "*", style="uva-b1-dim1", note="dim=1 sums the hidden units: N entries, not 4 biases' numbers (N = 4 = hidden: same shape, other numbers)")
C(UVA, "b1", N, J("# BCEWithLogits 的梯度是 sigmoid(preds) - 标签", "dpreds = (torch.sigmoid(preds) - data_labels[:, None]) / N", "db1 = ((dpreds @ W2) * (1 - x ** 2)).sum(0)"), lang=Z, oracle=f"{UV_H}.sum(0)", style="uva-zh")

# ================================================================ Géron: linear regression with a bias column (NumPy)
GE_G = "2 / m * X_b.T @ (X_b @ theta - y)"
C(GE, "theta", N, "gradients = 2 / m * X_b.T.dot(X_b.dot(theta) - y)", oracle=GE_G, style="geron-gradients")
C(GE, "theta", N, "gradients = 1 / m * X_b.T.dot(X_b.dot(theta) - y)", "scale-factor", oracle=f"{GE_G} / 2", style="geron-one-over-m")
C(GE, "theta", N, "gradients = 2 / m * X_b.T.dot(y - X_b.dot(theta))", "sign", oracle=f"-{GE_G}", style="geron-sign")
C(GE, "theta", N, "gradients = 2 / m * X.T.dot(X_b.dot(theta) - y)", "*", style="geron-X-without-bias-column", note="n × 1 for an (n + 1) × 1 theta: the bias's row missing")
C(GE, "theta", N, J("X_b = np.c_[np.ones((m, 1)), X]", "error = X_b @ theta - y", "gradients = 2 * X_b.T @ error / len(X_b)"), oracle=GE_G, style="geron-len")
C(GE, "theta", N, J("X_b = np.hstack([np.ones((m, 1)), X])", "gradients = 2 * np.mean(X_b * (X_b @ theta - y), axis=0, keepdims=True).T"), oracle=GE_G, style="geron-hstack-mean-axis0")
C(GE, "theta", N, J("X_b = np.hstack([np.ones((m, 1)), X])", "gradients = 2 * np.mean(X_b * (X_b @ theta - y), axis=1, keepdims=True)"), "*", style="geron-mean-axis1", note="m × 1 for an (n + 1) × 1 theta (5 vs 3)")
C(GE, "theta", N, J(
    "gradients = np.zeros_like(theta)",
    "for i in range(m):",
    "    xi = X_b[i:i+1]",
    "    yi = y[i:i+1]",
    "    gradients += 2 * xi.T.dot(xi.dot(theta) - yi)",
    "gradients /= m",
), oracle=GE_G, style="geron-per-example-loop")
C(GE, "theta", N, J(
    "random_index = 0",
    "xi = X_b[random_index:random_index+1]",
    "yi = y[random_index:random_index+1]",
    "gradients = 2 * xi.T.dot(xi.dot(theta) - yi)",
), "*", style="geron-sgd-one-example", note="the SGD step's gradient: one example's, not the loss's")
C(GE, "theta", N, "gradients = np.einsum('ij,ik->jk', X_b, X_b @ theta - y) * 2 / m", oracle=GE_G, style="geron-einsum")
C(GE, "theta", N, J("# 均方误差对 theta 的梯度", "gradients = 2 / m * X_b.T @ (X_b @ theta - y)"), lang=Z, oracle=GE_G, style="geron-zh")

# ================================================================ 邱锡鹏's XOR: sigmoid layers, squared error, column-major (Chinese)
QX_D2 = "((A2 - Y) * A2 * (1 - A2))"
QX_D1 = f"(W2.T @ {QX_D2} * A1 * (1 - A1))"
C(QX, "W2", N, J("# 输出层误差项 δ2", "delta2 = (A2 - Y) * A2 * (1 - A2)", "dW2 = np.dot(delta2, A1.T)"), lang=Z, oracle=f"{QX_D2} @ A1.T", style="qx-zh-W2")
C(QX, "W2", N, J("# 误差项", "delta2 = A2 - Y", "dW2 = np.dot(delta2, A1.T)"), "missing-activation-derivative", lang=Z, oracle="(A2 - Y) @ A1.T", style="qx-zh-W2-bce-habit", note="A2 − Y is the cross-entropy's: here the loss is squared error")
C(QX, "W2", N, J("delta2 = (A2 - Y) * A2 * (1 - A2)", "dW2 = np.dot(delta2, A1.T) / 4"), "scale-factor", oracle=f"{QX_D2} @ A1.T / 4", style="qx-W2-over-m", note="E is a sum, not a mean")
C(QX, "b2", N, J("delta2 = (A2 - Y) * A2 * (1 - A2)", "db2 = np.sum(delta2, axis=1, keepdims=True)"), oracle=f"np.sum({QX_D2}, axis=1, keepdims=True)", style="qx-b2")
C(QX, "b2", N, J("delta2 = (A2 - Y) * A2 * (1 - A2)", "db2 = delta2"), "bias-not-summed", style="qx-b2-not-summed")
C(QX, "W1", N, J("# 反向传播 δ1 = W2ᵀδ2 ⊙ σ'(z1)", "delta2 = (A2 - Y) * A2 * (1 - A2)", "delta1 = np.dot(W2.T, delta2) * A1 * (1 - A1)", "dW1 = np.dot(delta1, X.T)"), lang=Z, oracle=f"{QX_D1} @ X.T", style="qx-zh-W1")
C(QX, "W1", N, J("delta2 = (A2 - Y) * A2 * (1 - A2)", "delta1 = np.dot(W2.T, delta2) * (1 - A1 ** 2)", "dW1 = np.dot(delta1, X.T)"), "wrong-activation-derivative", oracle=f"(W2.T @ {QX_D2} * (1 - A1 ** 2)) @ X.T", style="qx-W1-tanh-slope")
C(QX, "W1", N, J("delta2 = (A2 - Y) * A2 * (1 - A2)", "delta1 = np.dot(W2.T, delta2) * A1 * (1 - A1)", "dW1 = np.dot(X, delta1.T)"), "*", oracle=f"({QX_D1} @ X.T).T", style="qx-W1-transposed-square", note="2 × 2: X δ1ᵀ is dW1 transposed")
C(QX, "b1", N, J("delta2 = (A2 - Y) * A2 * (1 - A2)", "delta1 = (W2.T @ delta2) * A1 * (1 - A1)", "db1 = delta1.sum(axis=1, keepdims=True)"), oracle=f"np.sum({QX_D1}, axis=1, keepdims=True)", style="qx-b1")
C(QX, "b1", N, J("# 隐藏层误差项", "delta2 = (A2 - Y) * A2 * (1 - A2)", "delta1 = (W2.T @ delta2) * A1 * (1 - A1)", "db1 = delta1.sum(axis=0, keepdims=True)"), "*", lang=Z, style="qx-zh-b1-axis0", note="1 × 4 (over units) for a 2 × 1 bias")
C(QX, "W1", N, J("delta2 = (A2 - Y) * sigmoid(A2) * (1 - sigmoid(A2))", "delta1 = np.dot(W2.T, delta2) * A1 * (1 - A1)", "dW1 = np.dot(delta1, X.T)"), "wrong-activation-derivative", style="qx-sigmoid-of-A2")

# ================================================================ L2-SVM, squared hinge (TensorFlow)
SV_DS = "(-2 * y * margins / n)"
C(SV, "W", N, J("dscores = -2.0 * y * margins / n", "dW = tf.matmul(X, dscores, transpose_a=True) + 2 * C * W"), oracle=f"X.T @ {SV_DS} + 2 * C * W", style="l2svm-W-tf")
C(SV, "W", N, J("dscores = -2.0 * y * margins / n", "dW = tf.matmul(X, dscores, transpose_a=True) + C * W"), "*", oracle=f"X.T @ {SV_DS} + C * W", style="l2svm-W-reg-half")
C(SV, "W", N, J("dscores = -2.0 * y * margins / n", "dW = tf.matmul(X, dscores, transpose_a=True)"), "missing-loss-term", oracle=f"X.T @ {SV_DS}", style="l2svm-W-no-reg")
C(SV, "W", N, J("dscores = -2.0 * y * margins", "dW = tf.matmul(X, dscores, transpose_a=True) + 2 * C * W"), "*", oracle="X.T @ (-2 * y * margins) + 2 * C * W", style="l2svm-W-no-n")
C(SV, "b", N, J("dscores = -2.0 * y * margins / n", "db = tf.reduce_sum(dscores, axis=0)"), oracle=f"np.sum({SV_DS}, axis=0)", style="l2svm-b")
C(SV, "b", N, J("dscores = -2.0 * y * margins / n", "db = tf.reduce_sum(dscores, axis=0) + 2 * C * b"), "*", style="l2svm-b-regularised", note="the bias is not in C·ΣW²")
C(SV, "W", N, J("mask = tf.cast(1.0 - y * scores > 0, tf.float64)", "dscores = -2.0 * y * (1.0 - y * scores) * mask / n", "dW = tf.transpose(X) @ dscores + 2 * C * W"), oracle=f"X.T @ {SV_DS} + 2 * C * W", style="l2svm-W-explicit-mask")
C(SV, "W", N, J("dscores = -2.0 * y * tf.nn.relu(1.0 - y * scores) / n", "dW = tf.matmul(tf.transpose(X), dscores) + 2.0 * C * W"), oracle=f"X.T @ {SV_DS} + 2 * C * W", style="l2svm-W-relu-inline")
C(SV, "W", N, J("dscores = -y * margins / n", "dW = tf.matmul(X, dscores, transpose_a=True) + 2 * C * W"), "*", oracle="X.T @ (-y * margins / n) + 2 * C * W", style="l2svm-W-square-derivative-half")

# ================================================================ scikit-learn MLPRegressor (squared loss / 2, alpha / n)
SK_D = "((y_pred - y) / n)"
SK_H = f"({SK_D} @ W2.T * (hidden > 0))"
C(SK, "W2", N, J(
    "deltas = y_pred - y",
    "coef_grad = hidden.T @ deltas",
    "coef_grad += alpha * W2",
    "coef_grad /= n",
    "dW2 = coef_grad",
), oracle=f"hidden.T @ {SK_D} + alpha * W2 / n", style="sk-inplace-as-sklearn")
C(SK, "W2", N, J(
    "deltas = y_pred - y",
    "coef_grad = hidden.T @ deltas",
    "coef_grad /= n",
    "coef_grad += alpha * W2",
    "dW2 = coef_grad",
), "*", oracle=f"hidden.T @ {SK_D} + alpha * W2", style="sk-alpha-after-divide")
C(SK, "W2", N, J("deltas = y_pred - y", "dW2 = hidden.T @ deltas / n"), "missing-loss-term", oracle=f"hidden.T @ {SK_D}", style="sk-no-alpha")
C(SK, "b2", N, J("deltas = y_pred - y", "db2 = np.mean(deltas, 0)"), oracle=f"np.sum({SK_D}, axis=0)", style="sk-b2-mean")
C(SK, "b2", N, J("deltas = y_pred - y", "db2 = np.mean(deltas, 0) + alpha * b2 / n"), "*", style="sk-b2-regularised")
C(SK, "W1", N, J(
    "deltas = (y_pred - y) / n",
    "deltas_h = deltas @ W2.T",
    "deltas_h[hidden == 0] = 0",
    "dW1 = X.T @ deltas_h + alpha * W1 / n",
), oracle=f"X.T @ {SK_H} + alpha * W1 / n", style="sk-W1-mask-eq0")
C(SK, "W1", N, J(
    "deltas = (y_pred - y) / n",
    "deltas_h = deltas @ W2.T",
    "dW1 = X.T @ deltas_h + alpha * W1 / n",
), "missing-activation-derivative", oracle=f"X.T @ ({SK_D} @ W2.T) + alpha * W1 / n", style="sk-W1-no-mask")
C(SK, "W1", N, J(
    "deltas = (y_pred - y) / n",
    "deltas_h = deltas @ W2.T * (hidden > 0)",
    "dW1 = X.T @ deltas_h + alpha * W1 / (2 * n)",
), "*", oracle=f"X.T @ {SK_H} + alpha * W1 / (2 * n)", style="sk-W1-alpha-2n")
C(SK, "b1", N, J("deltas = (y_pred - y) / n", "db1 = np.sum(deltas @ W2.T * (hidden > 0), axis=0)"), oracle=f"np.sum({SK_H}, axis=0)", style="sk-b1")
C(SK, "W2", N, J("# sklearn：先加 alpha * W 再除以 n", "deltas = y_pred - y", "dW2 = (hidden.T @ deltas + alpha * W2) / n"), lang=Z, oracle=f"hidden.T @ {SK_D} + alpha * W2 / n", style="sk-zh")

# ================================================================ PyTorch autoencoder, MSE summed per batch
AE_DX = "(2 * (x_hat - x) / B)"
AE_DP = f"({AE_DX} * x_hat * (1 - x_hat))"
AE_DE = f"({AE_DP} @ W_dec * (z > 0))"
C(AE, "W_dec", N, J("d_xhat = 2 * (x_hat - x) / x.size(0)", "d_pre = d_xhat * x_hat * (1 - x_hat)", "dW_dec = d_pre.T @ z"), oracle=f"{AE_DP}.T @ z", style="ae-W-dec")
C(AE, "W_dec", N, J("d_xhat = 2 * (x_hat - x) / x.numel()", "d_pre = d_xhat * x_hat * (1 - x_hat)", "dW_dec = d_pre.T @ z"), "scale-factor", oracle=f"{AE_DP}.T @ z / D", style="ae-W-dec-numel")
C(AE, "W_dec", N, J("d_xhat = (x_hat - x) / B", "d_pre = d_xhat * x_hat * (1 - x_hat)", "dW_dec = d_pre.T @ z"), "scale-factor", oracle=f"{AE_DP}.T @ z / 2", style="ae-W-dec-no-two")
C(AE, "W_dec", N, J("d_xhat = 2 * (x_hat - x) / B", "dW_dec = d_xhat.T @ z"), "missing-activation-derivative", oracle=f"{AE_DX}.T @ z", style="ae-W-dec-no-sigmoid")
C(AE, "W_dec", N, J("d_xhat = 2 * (x_hat - x) / B", "d_pre = d_xhat * x_hat * (1 - x_hat)", "dW_dec = z.T @ d_pre"), "*", style="ae-W-dec-transposed", note="k × D for a D × k weight")
C(AE, "b_dec", N, J("d_xhat = 2 * (x_hat - x) / B", "db_dec = (d_xhat * x_hat * (1 - x_hat)).sum(0)"), oracle=f"{AE_DP}.sum(0)", style="ae-b-dec")
C(AE, "W_enc", N, J(
    "d_pre = 2 * (x_hat - x) / B * x_hat * (1 - x_hat)",
    "dz = d_pre @ W_dec",
    "dz = dz * (z > 0).float()",
    "dW_enc = dz.t() @ x",
), oracle=f"{AE_DE}.T @ x", style="ae-W-enc")
C(AE, "W_enc", N, J(
    "d_pre = 2 * (x_hat - x) / B * x_hat * (1 - x_hat)",
    "dz = d_pre @ W_dec.T",
    "dW_enc = (dz * (z > 0)).t() @ x",
), "*", style="ae-W-enc-Wdec-T", note="(B × D) @ (k × D) does not multiply; never ✓")
C(AE, "b_enc", N, J(
    "d_pre = 2 * (x_hat - x) / B * x_hat * (1 - x_hat)",
    "db_enc = torch.where(z > 0, d_pre @ W_dec, torch.zeros_like(z)).sum(dim=0)",
), oracle=f"{AE_DE}.sum(0)", style="ae-b-enc-where")
C(AE, "b_enc", N, J("d_pre = 2 * (x_hat - x) / B * x_hat * (1 - x_hat)", "db_enc = (d_pre @ W_dec).sum(dim=0)"), "missing-activation-derivative", oracle=f"({AE_DP} @ W_dec).sum(0)", style="ae-b-enc-no-relu")

_round = "c"
# ================================================================ Ng course 2 week 3: batch norm, column-major, softmax
NB_D2 = "((A2 - Y) / m)"
NB_DT = f"(W2.T @ {NB_D2} * (Z1_tilde > 0))"
C(NB, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(dZ2, A1.T)"), oracle=f"{NB_D2} @ A1.T", style="nb-W2")
C(NB, "W2", N, J("dZ2 = A2 - Y", "dW2 = 1. / m * np.dot(A1, dZ2.T)"), "*", style="nb-W2-transposed", note="n_h × n_y for n_y × n_h (4 × 3 vs 3 × 4)")
C(NB, "b2", N, J("dZ2 = A2 - Y", "db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)"), oracle=f"np.sum({NB_D2}, axis=1, keepdims=True)", style="nb-b2")
C(NB, "b2", N, J("dZ2 = A2 - Y", "db2 = 1. / m * np.sum(dZ2, axis=0, keepdims=True)"), "*", style="nb-b2-axis0", note="column-major: axis=0 sums classes (1 × m zeros)")
C(NB, "beta", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) / m", "dZ1_tilde = dA1 * (Z1_tilde > 0)", "dbeta = np.sum(dZ1_tilde, axis=1, keepdims=True)"), oracle=f"np.sum({NB_DT}, axis=1, keepdims=True)", style="nb-beta")
C(NB, "gamma", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) / m", "dZ1_tilde = dA1 * (Z1_tilde > 0)", "dgamma = np.sum(dZ1_tilde * Z1_norm, axis=1, keepdims=True)"), oracle=f"np.sum({NB_DT} * Z1_norm, axis=1, keepdims=True)", style="nb-gamma")
C(NB, "gamma", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) / m", "dZ1_tilde = dA1 * (A1 > 0)", "dgamma = np.sum(dZ1_tilde * Z1_norm, axis=1, keepdims=True)"), oracle=f"np.sum({NB_DT} * Z1_norm, axis=1, keepdims=True)", style="nb-gamma-mask-A1", note="A1 > 0 exactly where Z1_tilde > 0: right")
C(NB, "gamma", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) / m", "dZ1_tilde = dA1 * (Z1 > 0)", "dgamma = np.sum(dZ1_tilde * Z1_norm, axis=1, keepdims=True)"), "*", style="nb-gamma-mask-Z1", note="the mask of Z1 before the normalisation: other signs")
C(NB, "gamma", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) / m", "dZ1_tilde = dA1 * (Z1_tilde > 0)", "dgamma = np.sum(dZ1_tilde * Z1_norm, axis=1, keepdims=True) / m"), "scale-factor", oracle=f"np.sum({NB_DT} * Z1_norm, axis=1, keepdims=True) / m", style="nb-gamma-m-twice")
C(NB, "beta", N, J("dZ2 = A2 - Y", "dA1 = np.dot(W2.T, dZ2) / m", "dZ1_tilde = dA1 * (Z1_tilde > 0)", "dbeta = np.sum(dZ1_tilde * Z1_norm, axis=1, keepdims=True)"), "*", style="nb-beta-as-gamma")
C(NB, "W1", N, J(
    "dZ2 = A2 - Y",
    "dA1 = np.dot(W2.T, dZ2) / m",
    "dZt = dA1 * (Z1_tilde > 0)",
    "dZn = dZt * gamma",
    "dZ1 = (m * dZn - np.sum(dZn, axis=1, keepdims=True) - Z1_norm * np.sum(dZn * Z1_norm, axis=1, keepdims=True)) / (m * np.sqrt(sigma2 + epsilon))",
    "dW1 = np.dot(dZ1, X.T)",
), oracle=f"((m * ({NB_DT} * gamma) - np.sum({NB_DT} * gamma, axis=1, keepdims=True) - Z1_norm * np.sum({NB_DT} * gamma * Z1_norm, axis=1, keepdims=True)) / (m * np.sqrt(sigma2 + epsilon))) @ X.T", style="nb-W1-compact")
C(NB, "W1", N, J(
    "dZ2 = A2 - Y",
    "dA1 = np.dot(W2.T, dZ2) / m",
    "dZt = dA1 * (Z1_tilde > 0)",
    "dZn = dZt * gamma",
    "dZ1 = (m * dZn - np.sum(dZn, axis=0, keepdims=True) - Z1_norm * np.sum(dZn * Z1_norm, axis=0, keepdims=True)) / (m * np.sqrt(sigma2 + epsilon))",
    "dW1 = np.dot(dZ1, X.T)",
), "*", style="nb-W1-row-major-axis", note="axis=0 (the row-major formula) on a column-major layer: sums over units")
C(NB, "beta", N, J("# 列是样本：按 axis=1 求和", "dA1 = np.dot(W2.T, A2 - Y) / m", "dbeta = np.sum(dA1 * (Z1_tilde > 0), axis=1, keepdims=True)"), lang=Z, oracle=f"np.sum({NB_DT}, axis=1, keepdims=True)", style="nb-zh-beta")

# ================================================================ Ng ex4 (NumPy port): bias columns, regularisation without the bias column
EX_D3 = "(h_x - Y)"
EX_T2 = f"({EX_D3}.T @ a2 / m + lam / m * np.c_[np.zeros((K, 1)), Theta2[:, 1:]])"
EX_D2 = f"(({EX_D3} @ Theta2[:, 1:]) * sigmoid(z2) * (1 - sigmoid(z2)))"
EX_T1 = f"({EX_D2}.T @ a1 / m + lam / m * np.c_[np.zeros((h, 1)), Theta1[:, 1:]])"
C(EX4, "Theta2", N, J(
    "d3 = h_x - Y",
    "Theta2_grad = d3.T @ a2 / m",
    "Theta2_grad[:, 1:] += lam / m * Theta2[:, 1:]",
), oracle=EX_T2, style="ex4-T2-slice-inplace")
C(EX4, "Theta2", N, J("d3 = h_x - Y", "Theta2_grad = d3.T @ a2 / m + lam / m * Theta2"), "*", oracle=f"{EX_D3}.T @ a2 / m + lam / m * Theta2", style="ex4-T2-bias-regularised")
C(EX4, "Theta2", N, J("d3 = h_x - Y", "Theta2_grad = d3.T @ a2 / m"), "missing-loss-term", oracle=f"{EX_D3}.T @ a2 / m", style="ex4-T2-no-reg")
C(EX4, "Theta2", N, J("d3 = h_x - Y", "reg = np.c_[np.zeros((K, 1)), Theta2[:, 1:]]", "Theta2_grad = d3.T @ a2 / m + lam / (2 * m) * reg"), "*", oracle=f"{EX_D3}.T @ a2 / m + lam / (2 * m) * np.c_[np.zeros((K, 1)), Theta2[:, 1:]]", style="ex4-T2-lambda-2m")
C(EX4, "Theta2", N, J(
    "d3 = h_x - Y",
    "Theta2_grad = d3.T @ a2 / m",
    "reg = Theta2.copy()",
    "reg[:, 0] = 0",
    "Theta2_grad += lam / m * reg",
), oracle=EX_T2, style="ex4-T2-copy-zero-col")
C(EX4, "Theta1", N, J(
    "d3 = h_x - Y",
    "d2 = (d3 @ Theta2[:, 1:]) * sigmoid(z2) * (1 - sigmoid(z2))",
    "Theta1_grad = d2.T @ a1 / m",
    "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]",
), oracle=EX_T1, style="ex4-T1")
C(EX4, "Theta1", N, J(
    "d3 = h_x - Y",
    "d2 = (d3 @ Theta2[:, 1:]) * a2[:, 1:] * (1 - a2[:, 1:])",
    "Theta1_grad = d2.T @ a1 / m",
    "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]",
), oracle=EX_T1, style="ex4-T1-a2-slice-slope")
C(EX4, "Theta1", N, J(
    "d3 = h_x - Y",
    "d2 = (d3 @ Theta2[:, 1:]) * sigmoid(a2[:, 1:]) * (1 - sigmoid(a2[:, 1:]))",
    "Theta1_grad = d2.T @ a1 / m",
    "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]",
), "wrong-layer", style="ex4-T1-sigmoid-of-a2", note="σ′ taken at the activation's own output, a node of its own: wrong-layer by corpora 5 and 15's policy (mutations._AT_OUTPUT; relabelled from wrong-activation-derivative after the first pass)")
C(EX4, "Theta1", N, J(
    "Delta1 = np.zeros_like(Theta1)",
    "for t in range(m):",
    "    d3 = h_x[t] - Y[t]",
    "    d2 = (Theta2[:, 1:].T @ d3) * sigmoid(z2[t]) * (1 - sigmoid(z2[t]))",
    "    Delta1 += np.outer(d2, a1[t])",
    "Theta1_grad = Delta1 / m",
    "Theta1_grad[:, 1:] += lam / m * Theta1[:, 1:]",
), oracle=EX_T1, style="ex4-T1-per-example-loop")
C(EX4, "Theta1", N, J(
    "d3 = h_x - Y",
    "d2 = (d3 @ Theta2) * sigmoid(z2) * (1 - sigmoid(z2))",
    "Theta1_grad = d2.T @ a1 / m",
), "*", style="ex4-T1-bias-column-kept", note="d3 Θ2 is m × (h + 1): does not multiply sigmoid(z2)'s m × h; never ✓")
C(EX4, "Theta2", N, J("# 正则项不包括偏置那一列", "d3 = h_x - Y", "Theta2_grad = d3.T @ a2 / m", "Theta2_grad[:, 1:] = Theta2_grad[:, 1:] + lam / m * Theta2[:, 1:]"), lang=Z, oracle=EX_T2, style="ex4-zh")

# ================================================================ Keras sparse categorical CE from logits + l2_loss (TensorFlow)
KS_P = "(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))"
KS_OH = "np.eye(K)[y.astype(int)]"
KS_D = f"(({KS_P} - {KS_OH}) / N)"
C(KS, "W2", N, J(
    "probs = tf.nn.softmax(logits)",
    "dlogits = (probs - tf.one_hot(y, K)) / N",
    "dW2 = tf.matmul(h, dlogits, transpose_a=True) + 1e-3 * W2",
), oracle=f"h.T @ {KS_D} + 1e-3 * W2", style="ks-W2")
C(KS, "W2", N, J(
    "probs = tf.nn.softmax(logits)",
    "dlogits = (probs - tf.one_hot(y, K)) / N",
    "dW2 = tf.matmul(h, dlogits, transpose_a=True) + 2e-3 * W2",
), "*", oracle=f"h.T @ {KS_D} + 2e-3 * W2", style="ks-W2-l2loss-not-halved")
C(KS, "W2", N, J(
    "probs = tf.nn.softmax(logits)",
    "dlogits = (probs - tf.one_hot(y, K)) / N",
    "dW2 = tf.matmul(h, dlogits, transpose_a=True)",
), "missing-loss-term", oracle=f"h.T @ {KS_D}", style="ks-W2-no-reg")
C(KS, "W2", N, J("probs = tf.nn.softmax(logits)", "dW2 = tf.matmul(h, probs / N, transpose_a=True) + 1e-3 * W2"), "*", oracle=f"h.T @ ({KS_P} / N) + 1e-3 * W2", style="ks-W2-no-onehot")
C(KS, "b2", N, J("probs = tf.nn.softmax(logits)", "db2 = tf.reduce_mean(probs - tf.one_hot(y, K), axis=0)"), oracle=f"{KS_D}.sum(0)", style="ks-b2")
C(KS, "b2", N, J("probs = tf.nn.softmax(logits)", "db2 = tf.reduce_mean(probs - tf.one_hot(y, K), axis=0) + 1e-3 * b2"), "*", style="ks-b2-regularised")
C(KS, "W1", N, J(
    "probs = tf.nn.softmax(logits)",
    "dlogits = (probs - tf.one_hot(y, K)) / N",
    "dh = tf.matmul(dlogits, W2, transpose_b=True)",
    "dh = dh * tf.cast(h > 0, tf.float64)",
    "dW1 = tf.matmul(x, dh, transpose_a=True) + 1e-3 * W1",
), oracle=f"x.T @ ({KS_D} @ W2.T * (h > 0)) + 1e-3 * W1", style="ks-W1-transpose-b")
C(KS, "W1", N, J(
    "probs = tf.nn.softmax(logits)",
    "dlogits = (probs - tf.one_hot(y, K)) / N",
    "dh = tf.matmul(dlogits, W2, transpose_b=True)",
    "dW1 = tf.matmul(x, dh, transpose_a=True) + 1e-3 * W1",
), "missing-activation-derivative", oracle=f"x.T @ ({KS_D} @ W2.T) + 1e-3 * W1", style="ks-W1-no-relu")
C(KS, "W1", N, J(
    "probs = tf.nn.softmax(logits)",
    "dlogits = (probs - tf.one_hot(y, K)) / N",
    "dh = tf.matmul(dlogits, W2, transpose_b=True) * tf.cast(h > 0, tf.float64)",
    "dW1 = tf.matmul(x, dh, transpose_a=True) + 1e-3 * W2",
), "*", style="ks-W1-reg-of-W2", note="1e-3·W2 (5 × 3) added to a 3 × 5 gradient: no broadcast; never ✓")

# ================================================================ scikit-learn ElasticNet objective (NumPy)
EN_W = "(-X.T @ resid / n + alpha * l1_ratio * np.sign(w) + alpha * (1 - l1_ratio) * w)"
C(EN, "w", N, "grad_w = -X.T.dot(resid) / len(y) + alpha * l1_ratio * np.sign(w) + alpha * (1 - l1_ratio) * w", oracle=EN_W, style="en-w")
C(EN, "w", N, "grad_w = -X.T.dot(resid) / (2 * len(y)) + alpha * l1_ratio * np.sign(w) + alpha * (1 - l1_ratio) * w", "*", oracle=f"{EN_W} + X.T @ resid / (2 * n)", style="en-w-half-kept")
C(EN, "w", N, "grad_w = -X.T.dot(resid) / len(y) + alpha * (1 - l1_ratio) * w", "missing-loss-term", oracle=f"{EN_W} - alpha * l1_ratio * np.sign(w)", style="en-w-no-l1")
C(EN, "w", N, "grad_w = -X.T.dot(resid) / len(y) + alpha * l1_ratio * np.sign(w) + 0.5 * alpha * (1 - l1_ratio) * w", "*", oracle=f"{EN_W} - 0.5 * alpha * (1 - l1_ratio) * w", style="en-w-l2-half")
C(EN, "w", N, J("grad_w = np.zeros_like(w)", "for j in range(len(w)):", "    grad_w[j] = -np.dot(X[:, j], resid) / len(y) + alpha * l1_ratio * np.sign(w[j]) + alpha * (1 - l1_ratio) * w[j]"), oracle=EN_W, style="en-w-per-coordinate-loop")
C(EN, "b", N, "grad_b = -np.mean(resid)", oracle="-np.sum(resid) / n", style="en-b")
C(EN, "b", N, "grad_b = -np.mean(resid) + alpha * l1_ratio * np.sign(b)", "*", style="en-b-l1-on-intercept", note="the intercept is not penalised")
C(EN, "w", N, J("# 残差 r = y - Xw - b，数据项的梯度是 -Xᵀr/n", "grad_w = -X.T @ resid / len(y) + alpha * l1_ratio * np.sign(w) + alpha * (1 - l1_ratio) * w"), lang=Z, oracle=EN_W, style="en-zh")

# ================================================================ SwiGLU feed-forward (PyTorch), MSE
SG_DO = "(2 * (out - y) / (T * dim))"
SG_A = "(x @ w1)"
SG_S = f"(1 / (1 + np.exp(-{SG_A})))"
SG_SILU = f"({SG_A} * {SG_S})"
SG_DH = f"({SG_DO} @ w2.T)"
C(SW3, "w2", N, J("hid = F.silu(x @ w1) * (x @ w3)", "dout = 2 * (out - y) / out.numel()", "dw2 = hid.T @ dout"), oracle=f"({SG_SILU} * (x @ w3)).T @ {SG_DO}", style="swiglu-w2")
C(SW3, "w2", N, J("hid = F.silu(x @ w1) * (x @ w3)", "dout = 2 * (out - y) / T", "dw2 = hid.T @ dout"), "scale-factor", oracle=f"({SG_SILU} * (x @ w3)).T @ {SG_DO} * dim", style="swiglu-w2-over-T")
C(SW3, "w3", N, J("dout = 2 * (out - y) / out.numel()", "dhid = dout @ w2.T", "dw3 = x.T @ (dhid * F.silu(x @ w1))"), oracle=f"x.T @ ({SG_DH} * {SG_SILU})", style="swiglu-w3")
C(SW3, "w3", N, J("dout = 2 * (out - y) / out.numel()", "dhid = dout @ w2.T", "dw3 = x.T @ (dhid * torch.sigmoid(x @ w1))"), "*", oracle=f"x.T @ ({SG_DH} * {SG_S})", style="swiglu-w3-sigmoid-not-silu")
C(SW3, "w1", N, J(
    "a = x @ w1",
    "s = torch.sigmoid(a)",
    "dout = 2 * (out - y) / out.numel()",
    "dhid = dout @ w2.T",
    "da = dhid * (x @ w3) * s * (1 + a * (1 - s))",
    "dw1 = x.T @ da",
), oracle=f"x.T @ ({SG_DH} * (x @ w3) * {SG_S} * (1 + {SG_A} * (1 - {SG_S})))", style="swiglu-w1-silu-slope")
C(SW3, "w1", N, J(
    "a = x @ w1",
    "s = torch.sigmoid(a)",
    "dout = 2 * (out - y) / out.numel()",
    "dhid = dout @ w2.T",
    "da = dhid * (x @ w3) * s * (1 - s)",
    "dw1 = x.T @ da",
), "*", oracle=f"x.T @ ({SG_DH} * (x @ w3) * {SG_S} * (1 - {SG_S}))", style="swiglu-w1-sigmoid-slope")
C(SW3, "w1", N, J(
    "a = x @ w1",
    "s = torch.sigmoid(a)",
    "dout = 2 * (out - y) / out.numel()",
    "da = (dout @ w2.T) * (x @ w3) * (s + a * s * (1 - s))",
    "dw1 = torch.einsum('ti,tj->ij', x, da)",
), oracle=f"x.T @ ({SG_DH} * (x @ w3) * {SG_S} * (1 + {SG_A} * (1 - {SG_S})))", style="swiglu-w1-einsum-expanded")

# ================================================================ makemore bigram (one-hot inputs, weight decay by mean)
BG_P = "probs"
BG_W = f"xenc.T @ ({BG_P} - yenc) / n + 0.01 * 2 * W / (V * V)"
C(BG, "W", N, J("dlogits = (probs - yenc) / n", "dW = xenc.T @ dlogits + 0.01 * 2 * W / W.numel()"), oracle=BG_W, style="bigram-W")
C(BG, "W", N, J("dlogits = (probs - yenc) / n", "dW = xenc.T @ dlogits + 0.01 * 2 * W"), "*", oracle="xenc.T @ (probs - yenc) / n + 0.02 * W", style="bigram-W-decay-no-mean")
C(BG, "W", N, J("dlogits = (probs - yenc) / n", "dW = xenc.T @ dlogits"), "missing-loss-term", oracle="xenc.T @ (probs - yenc) / n", style="bigram-W-no-decay")
C(BG, "W", N, J("dlogits = probs.clone()", "dlogits[torch.arange(n), yenc.argmax(1)] -= 1", "dlogits /= n", "dW = xenc.T @ dlogits + 0.02 * W / V ** 2"), oracle=BG_W, style="bigram-W-index-minus")
C(BG, "W", N, J("dlogits = (probs - yenc) / n", "dW = dlogits.T @ xenc + 0.02 * W / V ** 2"), "*", style="bigram-W-transposed-square", note="V × V: dlogitsᵀ xenc is the data term transposed")
C(BG, "W", N, J("dW = torch.zeros_like(W)", "for i in range(n):", "    dW[xenc[i].argmax()] += (probs[i] - yenc[i]) / n", "dW += 0.02 * W / V ** 2"), oracle=BG_W, style="bigram-W-row-scatter-loop")
C(BG, "W", N, J("# 每个样本只更新它那一行", "dlogits = (probs - yenc) / n", "dW = xenc.T @ dlogits + 0.02 * W / V ** 2"), lang=Z, oracle=BG_W, style="bigram-zh")

# ================================================================ Transformer FFN, LayerNorm by hand: gamma and beta (PyTorch)
LN_XH = "((h - mu) / np.sqrt(var + 1e-5))"
C(LN, "beta", N, "dbeta = (out - t).sum(0)", oracle="(out - t).sum(0)", style="ln-beta")
C(LN, "beta", N, "dbeta = (out - t).sum(1)", "*", style="ln-beta-dim1", note="n entries for d (2 vs 3)")
C(LN, "beta", N, "dbeta = (out - t).mean(0)", "scale-factor", oracle="(out - t).mean(0)", style="ln-beta-mean")
C(LN, "gamma", N, J("xhat = (h - mu) / torch.sqrt(var + 1e-5)", "dgamma = ((out - t) * xhat).sum(dim=0)"), oracle=f"((out - t) * {LN_XH}).sum(0)", style="ln-gamma")
C(LN, "gamma", N, J("xhat = (out - beta) / gamma", "dgamma = torch.sum((out - t) * xhat, 0)"), oracle=f"((out - t) * {LN_XH}).sum(0)", style="ln-gamma-xhat-recovered")
C(LN, "gamma", N, "dgamma = ((out - t) * (h - mu)).sum(dim=0)", "*", oracle="((out - t) * (h - mu)).sum(0)", style="ln-gamma-not-normalised")
C(LN, "gamma", N, J("xhat = (h - mu) / torch.sqrt(var + 1e-5)", "dgamma = 2 * ((out - t) * xhat).sum(dim=0)"), "scale-factor", oracle=f"2 * ((out - t) * {LN_XH}).sum(0)", style="ln-gamma-two", note="the loss is half the sum of squares")

# ================================================================ Poisson GLM with gammaln (JAX)
PG_B = "X.T @ (np.exp(eta) - counts) / n"
C(PG, "beta", N, "grad_beta = X.T @ (jnp.exp(eta) - counts) / X.shape[0]", oracle=PG_B, style="pg-beta")
C(PG, "beta", N, "grad_beta = X.T @ (eta - counts) / X.shape[0]", "*", oracle="X.T @ (eta - counts) / n", style="pg-beta-no-exp")
C(PG, "beta", N, "grad_beta = X.T @ (counts - jnp.exp(eta)) / X.shape[0]", "sign", oracle=f"-{PG_B}", style="pg-beta-sign")
C(PG, "beta", N, "grad_beta = jnp.mean((jnp.exp(eta) - counts)[:, None] * X, axis=0)", oracle=PG_B, style="pg-beta-none-mean")
C(PG, "beta", N, "grad_beta = jnp.mean((jnp.exp(eta) - counts) * X, axis=0)", "*", style="pg-beta-no-none", note="(n,) * (n × p) does not broadcast (5 vs 3); never ✓")
C(PG, "beta0", N, "grad_beta0 = jnp.mean(jnp.exp(eta) - counts)", oracle="np.mean(np.exp(eta) - counts)", style="pg-beta0")
C(PG, "beta0", N, "grad_beta0 = jnp.mean(jnp.exp(eta) - counts + jax.scipy.special.digamma(counts + 1))", "*", style="pg-beta0-gammaln-differentiated", note="gammaln(counts + 1) does not depend on beta0")
C(PG, "beta", N, J("# 泊松回归：对 eta 的梯度是 exp(eta) - counts", "grad_beta = X.T @ (jnp.exp(eta) - counts) / X.shape[0]"), lang=Z, oracle=PG_B, style="pg-zh")
C(PG, "beta", N, "grad_beta = X.T @ (jnp.exp(eta) - counts) / X.shape[0]  # TODO", oracle=PG_B, style="pg-todo-comment")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c34-000, … as written; cases that happen to repeat corpora 2-33 word for word are
# left out (ids stay as written)
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus34", "c34", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus10.run
