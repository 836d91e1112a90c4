"""The held-out-style corpus of issue 11, eighth round: right and wrong derivations on the networks
no earlier corpus covers — slices of a fused weight or a fused pre-activation (an LSTM step as in
CS231n's ``lstm_step_backward``, a fused-weight LSTM, a GRU whose gates share a weight, row and
column blocks), class-label indexing (CS231n's ``dscores[np.arange(N), y] -= 1``, the SVM's
``binary[np.arange(N), y] = -row_sum``, makemore's ``dlogits[range(n), Yb] -= 1``, ``np.eye(C)[y]``,
``F.one_hot``), TensorFlow / JAX / ``F.linear`` spellings, and the built-ins batchnorm, attention,
rnn and softmax-regression in LaTeX as lecture notes write them, plus a few hand numbers.
Wrong answers carry the classic mistakes: a missing 1/N, a gate's derivative or block swapped,
only one time step, a transposed block, the wrong layer's input.

Same format as tests/corpus7.py. Expectations were written before the checker was run on any of
them (bench/RESULTS.md, "corpus 8": the first measurement); where the checker was right and the
expectation wrong, the case was fixed and says so in ``note``. Course networks have no PyTorch
oracle in tests/check_oracle.py: their right answers were checked by hand against PyTorch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus2  # noqa: E402
import corpus3  # noqa: E402
import corpus4  # noqa: E402
import corpus5  # noqa: E402
import corpus6a  # noqa: E402
import corpus6b  # noqa: E402
import corpus7  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
COURSE = Path(__file__).resolve().parent / "specs_course"
LSTMF = str(COURSE / "lstm_fused_slices.toml")
LSTM = str(COURSE / "cs231n_lstm_step.toml")
GRU = str(COURSE / "gru_weight_slices.toml")
ROWS = str(COURSE / "row_blocks.toml")
CIDX = str(COURSE / "cs231n_class_index.toml")
SVM = str(COURSE / "cs231n_svm_labels.toml")
NLL = str(COURSE / "nll_int_targets.toml")
MAKE = str(COURSE / "makemore_int_targets.toml")
TFM = str(COURSE / "tf_mlp_square.toml")
TFS = str(COURSE / "tf_softmax_reduce_sum.toml")
JAXM = str(COURSE / "jax_mlp_logsoftmax.toml")
JAXL = str(COURSE / "jax_linreg_1d.toml")
FLIN = str(COURSE / "torch_f_linear.toml")


def C(net, wrt, kind, text, code=None, oracle=None, style="", note="", lang="en"):  # noqa: N802
    _rows.append(
        dict(
            net=net,
            wrt=wrt,
            kind=kind,
            text=text,
            verdict="correct" if code is None else "incorrect",
            code=code,
            oracle=oracle,
            style=style,
            note=note,
            round=_round,
            lang=lang,
        )
    )


# ================================================================ LSTM with a fused weight
# g = [x, h_prev] @ W; i, f, o, u from the four column blocks of g; L = Σ(hh − y)²
_GATES = (
    "dhh = 2 * (hh - y)\n"
    "do = dhh * np.tanh(c)\n"
    "dc = dhh * o * (1 - np.tanh(c) ** 2)\n"
    "di = dc * u\n"
    "df = dc * c_prev\n"
    "du = dc * i\n"
)
_DG = "dg = np.hstack((di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), du * (1 - u ** 2)))\n"
C(LSTMF, "W", N, _GATES + _DG + "dW = np.concatenate([x, h_prev], axis=1).T @ dg", style="fused-cell")
C(LSTMF, "W", N, _GATES + _DG.replace("di * i * (1 - i), df * f * (1 - f)", "df * f * (1 - f), di * i * (1 - i)") + "dW = np.concatenate([x, h_prev], axis=1).T @ dg", "*", style="fused-cell-gates-swapped")
C(LSTMF, "W", N, _GATES.replace("2 * (hh - y)", "hh - y") + _DG + "dW = np.concatenate([x, h_prev], axis=1).T @ dg", "scale-factor", style="fused-cell-no-2")
C(LSTMF, "W", N, _GATES.replace(" * (1 - np.tanh(c) ** 2)", "") + _DG + "dW = np.concatenate([x, h_prev], axis=1).T @ dg", "*", style="fused-cell-no-tanh-prime")
C(LSTMF, "W", N, "np.hstack([x, h_prev]).T @ dg", style="hstack-dg")
C(LSTMF, "W", N, "x.T @ dg", "*", style="x-only", note="only the x rows of the fused weight: (d)×4h for (d+h)×4h")
C(LSTMF, "c", N, "2 * (hh - y) * o * (1 - np.tanh(c) ** 2)", style="dc")
C(LSTMF, "c", N, "2 * (hh - y) * o", "missing-activation-derivative", style="dc-no-tanh-prime")
C(LSTMF, "c", L, r"\frac{\partial L}{\partial c} = 2(\mathrm{hh} - y)\odot o \odot \left(1 - \tanh^{2}(c)\right)", style="latex-dc")
C(LSTMF, "g", L, r"\frac{\partial L}{\partial g} = \begin{bmatrix} \delta_i \odot i \odot (1 - i) & \delta_f \odot f \odot (1 - f) & \delta_o \odot o \odot (1 - o) & \delta_u \odot (1 - u^{2}) \end{bmatrix}", style="bmatrix-blocks")
C(LSTMF, "g", L, r"\frac{\partial L}{\partial g} = \begin{bmatrix} \delta_i \odot i \odot (1 - i) & \delta_f \odot f \odot (1 - f) & \delta_o \odot o \odot (1 - o) & \delta_u \odot u \odot (1 - u) \end{bmatrix}", "*", style="bmatrix-sigmoid-prime-for-tanh")

# ================================================================ CS231n lstm_step_backward
_CS = (
    "dnext_h = g_next_h\n"
    "dnext_c = dnext_h * o * (1 - np.tanh(next_c) ** 2)\n"
    "di = dnext_c * g\n"
    "df = dnext_c * prev_c\n"
    "do = dnext_h * np.tanh(next_c)\n"
    "dg = dnext_c * i\n"
    "dai = di * i * (1 - i)\n"
    "daf = df * f * (1 - f)\n"
    "dao = do * o * (1 - o)\n"
    "dag = dg * (1 - g ** 2)\n"
)
_DA = "da = np.hstack((dai, daf, dao, dag))\n"
C(LSTM, "Wx", N, _CS + _DA + "dWx = x.T.dot(da)", style="cs231n-lstm")
C(LSTM, "Wh", N, _CS + _DA + "dWh = prev_h.T.dot(da)", style="cs231n-lstm-Wh")
C(LSTM, "b", N, _CS + _DA + "db = np.sum(da, axis=0)", style="cs231n-lstm-b")
C(LSTM, "Wx", N, _CS + _DA.replace("dai, daf", "daf, dai") + "dWx = x.T.dot(da)", "*", style="cs231n-lstm-i-f-swapped")
C(LSTM, "Wx", N, _CS + "da = np.hstack((dai, dao, daf, dag))\ndWx = x.T.dot(da)", "*", style="cs231n-lstm-o-f-swapped")
C(LSTM, "Wx", N, _CS.replace("dg * (1 - g ** 2)", "dg * (1 - g)") + _DA + "dWx = x.T.dot(da)", "*", style="cs231n-lstm-tanh-prime-wrong")
C(LSTM, "Wx", N, _CS.replace("di * i * (1 - i)", "di * (1 - i)") + _DA + "dWx = x.T.dot(da)", "*", style="cs231n-lstm-sigmoid-prime-wrong")
C(LSTM, "Wx", N, _CS.replace("dg = dnext_c * i", "dg = dnext_c * f") + _DA + "dWx = x.T.dot(da)", "*", style="cs231n-lstm-gate-swapped")
C(LSTM, "Wx", N, _CS.replace(" * (1 - np.tanh(next_c) ** 2)", "") + _DA + "dWx = x.T.dot(da)", "*", style="cs231n-lstm-no-tanh-prime")
C(LSTM, "Wx", N, _CS + "da = np.hstack((di, df, do, dg))\ndWx = x.T.dot(da)", "missing-activation-derivative", style="cs231n-lstm-no-gate-derivatives")
C(LSTM, "Wx", N, "dWx = x.T @ da", style="dWx")
C(LSTM, "Wx", N, "dWx = da.T @ x", "*", style="dWx-transposed")
C(LSTM, "Wh", N, "dWh = x.T.dot(da)", "*", style="dWh-from-x", note="D×4H for H×4H")
C(LSTM, "b", N, "db = da.sum(axis=1)", "*", style="db-axis1")
C(LSTM, "b", N, "db = da.sum(axis=0) / N", "scale-factor", style="db-mean")
C(LSTM, "next_c", N, "g_next_h * o * (1 - np.tanh(next_c) ** 2)", style="dnext_c")
C(LSTM, "next_c", N, "g_next_h * (1 - np.tanh(next_c) ** 2)", "*", style="dnext_c-no-o")
C(LSTM, "Wx", L, r"\frac{\partial L}{\partial W_x} = x^{\top}\,\frac{\partial L}{\partial a}", style="latex-dWx")
C(LSTM, "Wx", L, r"\frac{\partial L}{\partial W_x} = \left(\frac{\partial L}{\partial a}\right)^{\top} x", "*", style="latex-dWx-transposed")
C(LSTM, "a", L, r"\delta_a = \begin{bmatrix} \delta_i \odot i \odot (1 - i) & \delta_f \odot f \odot (1 - f) & \delta_o \odot o \odot (1 - o) & \delta_g \odot (1 - g^{2}) \end{bmatrix}", style="latex-da-blocks")
C(LSTM, "Wh", L, r"\frac{\partial L}{\partial W_h} = h_{t-1}^{\top}\,\delta_a", style="latex-h-prev-as-t-1", note="prev_h written h_{t-1}: right if read; a refusal naming h_{t-1} is counted as a failure")
C(LSTM, "Wx", L, r"\frac{\partial L}{\partial W_x}=x^{\top}\delta_a", lang="zh", style="zh-dWx")

# ================================================================ GRU gates sharing W and U
_ZP = "dz * z * (1 - z)"
_RP = "dr * r * (1 - r)"
C(GRU, "W", N, f"np.hstack((x.T @ ({_ZP}), x.T @ ({_RP})))", style="gru-hstack")
C(GRU, "W", N, f"x.T @ np.concatenate([{_ZP}, {_RP}], axis=1)", style="gru-concat-inside")
C(GRU, "W", N, "np.hstack((x.T @ dz, x.T @ dr))", "missing-activation-derivative", style="gru-no-sigmoid-prime")
C(GRU, "W", N, f"np.hstack((x.T @ ({_RP}), x.T @ ({_ZP})))", "*", style="gru-blocks-swapped")
C(GRU, "U", N, f"h0.T @ np.hstack(({_ZP}, {_RP}))", style="gru-U")
C(GRU, "U", N, f"np.hstack(({_ZP}, {_RP})).T @ h0", "*", style="gru-U-transposed")
C(GRU, "Wc", N, "x.T @ (dcand * (1 - cand ** 2))", style="gru-Wc")
C(GRU, "Wc", N, "x.T @ dcand", "missing-activation-derivative", style="gru-Wc-no-tanh-prime")
C(GRU, "Uc", N, "(r * h0).T @ (dcand * (1 - cand ** 2))", style="gru-Uc")
C(GRU, "Uc", N, "h0.T @ (dcand * (1 - cand ** 2))", "*", style="gru-Uc-no-reset")
C(GRU, "z", N, "dh1 * (cand - h0)", style="gru-dz")
C(GRU, "z", N, "dh1 * (h0 - cand)", "sign", style="gru-dz-sign")
C(GRU, "h1", N, "np.vstack([np.zeros((m - 1, h)), 2 * (last - t)])", style="gru-last-row")
C(GRU, "h1", N, "2 * (h1 - t)", "*", style="gru-every-row", note="the loss reads only the last row")
C(GRU, "z", L, r"\frac{\partial L}{\partial z} = \frac{\partial L}{\partial h_1} \odot \left(\mathrm{cand} - h_0\right)", style="latex-gru-dz")

# ================================================================ row and column blocks
C(ROWS, "Z", N, "np.hstack([last, first])", style="blocks-crossed")
C(ROWS, "Z", N, "np.hstack([first, last])", "*", style="blocks-not-crossed")
C(ROWS, "Z", N, "np.concatenate((Z[:, 2:], Z[:, :2]), axis=1)", style="blocks-of-Z")
C(ROWS, "A", N, "np.vstack([2 * top, np.ones((m - 1, n)) / ((m - 1) * n)]) + dZ @ V.T", style="row-blocks")
C(ROWS, "A", N, "np.vstack([2 * top, np.ones((m - 1, n))]) + dZ @ V.T", "*", style="row-blocks-no-mean")
C(ROWS, "A", N, "np.vstack([2 * top, np.ones((m - 1, n)) / (m * n)]) + dZ @ V.T", "*", style="row-blocks-mean-over-all")
C(ROWS, "A", N, "dA = dZ @ V.T\ndA[0:1] += 2 * top\ndA[1:] += 1 / ((m - 1) * n)", style="row-blocks-inplace")
C(ROWS, "W", N, "X.T @ (dA * (1 - A ** 2))", style="tanh-W")
C(ROWS, "W", N, "X.T @ dA", "missing-activation-derivative", style="tanh-W-no-prime")
C(ROWS, "top", N, "2 * top", style="top")
C(ROWS, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\left(\delta_A \odot (1 - A^{2})\right)", style="latex-tanh")
C(ROWS, "W", L, r"\frac{\partial L}{\partial W} = X^{\top}\left(\delta_A \odot (1 - A)^{2}\right)", "*", style="latex-tanh-square-misplaced")

# ================================================================ class labels as indices
C(CIDX, "W", N, "dscores = probs.copy()\ndscores[np.arange(N), y] -= 1\ndscores /= N\ndW = X.T.dot(dscores)", style="cs231n-cell")
C(CIDX, "W", N, "dscores = probs.copy()\ndscores[np.arange(N), y] -= 1\ndW = X.T.dot(dscores)", "scale-factor", style="cs231n-cell-no-N")
C(CIDX, "W", N, "dscores = probs.copy()\ndscores[np.arange(N), y] += 1\ndscores /= N\ndW = X.T.dot(dscores)", "*", style="cs231n-cell-plus")
C(CIDX, "scores", N, "dscores = probs.copy()\ndscores[range(N), y] -= 1\ndscores = dscores / N", style="cs231n-dscores")
C(CIDX, "scores", N, "(probs - 1) / N", "*", style="minus-one-everywhere")
C(CIDX, "W", N, "X.T @ (probs - np.eye(C)[y]) / N", style="eye-one-hot")
C(CIDX, "W", N, "X.T @ (probs - np.eye(C)[y])", "scale-factor", style="eye-one-hot-no-N")
C(CIDX, "W", N, "X.T @ (probs - F.one_hot(torch.tensor(y), num_classes=C).numpy()) / N", style="torch-one-hot", note="a mixed NumPy/PyTorch spelling: right if read")
C(CIDX, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N} X^{\top}\left(P - Y\right)", style="latex-Y-one-hot-of-y", note="Y for the one-hot of y: right if read; a clear refusal is counted as a failure")
C(SVM, "W", N, "binary = (margins > 0).astype(float)\nbinary[np.arange(N), y] = 0\nrow_sum = binary.sum(axis=1)\nbinary[np.arange(N), y] = -row_sum\ndW = X.T.dot(binary) / N + 2 * reg * W", style="cs231n-svm")
C(SVM, "W", N, "binary = (margins > 0).astype(float)\nrow_sum = binary.sum(axis=1)\nbinary[np.arange(N), y] = -row_sum\ndW = X.T.dot(binary) / N + 2 * reg * W", "*", style="cs231n-svm-correct-class-counted")
C(SVM, "W", N, "binary = (margins > 0).astype(float)\nbinary[np.arange(N), y] = 0\nrow_sum = binary.sum(axis=1)\nbinary[np.arange(N), y] = -row_sum\ndW = X.T.dot(binary) / N + reg * W", "loss-term-factor", style="cs231n-svm-reg-no-2")
C(SVM, "W", N, "binary = (margins > 0).astype(float)\nbinary[np.arange(N), y] = 0\nrow_sum = binary.sum(axis=1)\nbinary[np.arange(N), y] = -row_sum\ndW = X.T.dot(binary) + 2 * reg * W", "*", style="cs231n-svm-no-N")
C(SVM, "scores", N, "ds = (margins > 0).astype(float)\nds[np.arange(N), y] = 0\nds[np.arange(N), y] = -ds.sum(axis=1)\nds /= N", style="cs231n-svm-dscores")
C(NLL, "z", N, "dz = torch.softmax(z, dim=1)\ndz[range(N), y] -= 1\ndz /= N", style="torch-cell")
C(NLL, "W", N, "X.T @ (torch.softmax(z, dim=1) - F.one_hot(y, C)) / N", style="torch-one-hot-W")
C(NLL, "b", N, "(torch.softmax(z, dim=1) - F.one_hot(y, C)).sum(0) / N", style="torch-one-hot-b")
C(NLL, "b", N, "(torch.softmax(z, dim=1) - F.one_hot(y, C)).sum(1) / N", "*", style="torch-one-hot-b-dim1")
C(NLL, "logp", N, "-F.one_hot(y, C) / N", style="dlogp")
C(NLL, "z", N, "torch.exp(logp) - F.one_hot(y, C)", "scale-factor", style="exp-logp-no-N")
_MK = "dlogits = F.softmax(logits, 1)\ndlogits[range(batch), Y] -= 1\ndlogits /= batch\n"
C(MAKE, "logits", N, _MK.rstrip(), style="makemore-dlogits")
C(MAKE, "W", N, _MK + "dW = X.T @ dlogits", style="makemore-dW")
C(MAKE, "W", N, _MK.replace("dlogits /= batch\n", "") + "dW = X.T @ dlogits", "scale-factor", style="makemore-dW-no-n")
C(MAKE, "b", N, _MK + "db = dlogits.sum(0)", style="makemore-db")
C(MAKE, "b", N, _MK + "db = dlogits.sum(1)", "*", style="makemore-db-dim1")

# ================================================================ TF / JAX / F.linear spellings
C(TFM, "W2", N, "tf.matmul(H, -2 * (y - y_hat) * y_hat * (1 - y_hat) / m, transpose_a=True)", style="tf-transpose-a")
C(TFM, "W2", N, "H.T @ (2 * (y_hat - y) * y_hat * (1 - y_hat)) / m", style="tf-net-numpy")
C(TFM, "W2", N, "H.T @ (2 * (y_hat - y)) / m", "missing-activation-derivative", style="tf-no-sigmoid-prime")
C(TFM, "b1", N, "tf.reduce_sum(dH * tf.cast(H > 0, tf.float32), axis=0)", style="tf-cast-mask")
C(TFM, "b1", N, "tf.reduce_mean(dH * tf.cast(H > 0, tf.float32), axis=0)", "scale-factor", style="tf-reduce-mean-bias")
C(TFS, "W", N, "tf.matmul(tf.transpose(x), y - y_) / batch + beta * W", style="tf-l2-loss")
C(TFS, "W", N, "tf.matmul(tf.transpose(x), y - y_) / batch + 2 * beta * W", "loss-term-factor", style="tf-l2-loss-doubled")
C(TFS, "W", N, "tf.matmul(tf.transpose(x), y - y_) + beta * W", "*", style="tf-no-mean")
C(JAXM, "w2", N, "jnp.dot(activations.T, (jax.nn.softmax(logits) - targets) / batch)", style="jax-w2")
C(JAXM, "w2", N, "jnp.dot(activations.T, jnp.exp(log_probs) - targets)", "scale-factor", style="jax-w2-no-mean")
C(JAXM, "w1", N, "images.T @ (dactivations * (activations > 0))", style="jax-w1")
C(JAXM, "logits", N, "(jnp.exp(log_probs) - targets) / n_classes", "scale-factor", style="jax-wrong-size")
C(JAXL, "W", N, "2 * jnp.dot(feats.T, preds - targets) / n", style="jax-1d")
C(JAXL, "W", N, "2 * jnp.dot(inputs.T, preds - targets) / n", "*", style="jax-1d-inputs-for-feats")
C(JAXL, "b", N, "jnp.mean(preds - targets)", "scale-factor", style="jax-1d-b-no-2")
C(FLIN, "W2", N, "dout.T @ h", style="f-linear-W2")
C(FLIN, "W2", N, "h.T @ dout", "*", style="f-linear-W2-transposed")
C(FLIN, "W2", N, "2 * (out - y).T @ h / batch", "scale-factor", style="f-linear-mse-batch-only")
C(FLIN, "W1", N, "(dh * (h > 0)).T @ x", style="f-linear-W1")

# ================================================================ built-ins in LaTeX
B = "batchnorm"
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \mathbf{1}^{\top}\left(\frac{\partial L}{\partial Y} \odot \hat{Z}\right)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="bn-gamma")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \mathbf{1}^{\top}\frac{\partial L}{\partial Y}", "*", oracle="np.sum(dY, axis=0, keepdims=True)", style="bn-gamma-is-beta")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \mathbf{1}^{\top}\frac{\partial L}{\partial Y}", oracle="np.sum(dY, axis=0, keepdims=True)", style="bn-beta")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \frac{\partial L}{\partial Y} \odot \gamma", oracle="dY * gamma", style="bn-zhat")
C(B, "Y", L, r"\frac{\partial L}{\partial Y} = \frac{2}{mn}\left(Y - T\right)", oracle="2 * (Y - T) / (m * n)", style="bn-Y")
C(B, "Y", L, r"\frac{\partial L}{\partial Y} = \frac{2}{m}\left(Y - T\right)", "scale-factor", oracle="2 * (Y - T) / m", style="bn-Y-per-batch")
C(B, "Z", L, r"\frac{1}{m\sqrt{\sigma^{2}+\epsilon}}\left(m\,\delta_{\hat{Z}} - \mathbf{1}^{\top}\delta_{\hat{Z}} - \hat{Z}\odot\mathbf{1}^{\top}\left(\delta_{\hat{Z}}\odot\hat{Z}\right)\right)", oracle="(m * dZ_hat - np.sum(dZ_hat, axis=0) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0)) / (m * np.sqrt(var + eps))", style="bn-compact-zhat")
C(B, "Z", L, r"\frac{1}{m\sqrt{\sigma^{2}+\epsilon}}\left(m\,\delta_{\hat{Z}} - \mathbf{1}^{\top}\delta_{\hat{Z}}\right)", "missing-path", oracle="(m * dZ_hat - np.sum(dZ_hat, axis=0)) / (m * np.sqrt(var + eps))", style="bn-compact-no-var-path")
C(B, "var", L, r"\frac{\partial L}{\partial \sigma^{2}} = -\frac{1}{2}\,\mathbf{1}^{\top}\left(\delta_{\hat{Z}} \odot Z_c\right)\left(\sigma^{2}+\epsilon\right)^{-3/2}", oracle="-0.5 * np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * (var + eps) ** -1.5", style="bn-dvar")
C(B, "var", L, r"\frac{\partial L}{\partial \sigma^{2}} = \frac{1}{2}\,\mathbf{1}^{\top}\left(\delta_{\hat{Z}} \odot Z_c\right)\left(\sigma^{2}+\epsilon\right)^{-3/2}", "sign", oracle="0.5 * np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * (var + eps) ** -1.5", style="bn-dvar-sign")
C(B, "gamma[0,1]", V, "1.264", style="hand-4sf")
C(B, "gamma[0,1]", V, "1", "too-few-digits", style="hand-1sf")
A = "attention"
C(A, "V", L, r"\frac{\partial L}{\partial V} = A^{\top}\,\frac{\partial L}{\partial O}", oracle="A.T @ dO", style="att-V")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\top} A^{\top}\,\delta_O", oracle="X.T @ A.T @ dO", style="att-Wv")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\top}\,\delta_O", "*", oracle="X.T @ dO", style="att-Wv-no-A")
C(A, "O", L, r"\frac{\partial \mathcal{L}}{\partial O} = \tfrac{2}{nd}(O - T)", oracle="2 * (O - T) / (n * d)", style="att-O")
C(A, "K", L, r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}}\,\delta_S^{\top} Q", oracle="dS.T @ Q / np.sqrt(d)", style="att-K")
C(A, "K", L, r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}}\,\delta_S Q", "*", oracle="dS @ Q / np.sqrt(d)", style="att-K-no-transpose")
C(A, "W_v[0,1]", V, "0.1532", style="hand-4sf")
R = "rnn"
C(R, "W_x", L, r"\frac{\partial L}{\partial W_x} = \sum_{t=1}^{2} x_t^{\top}\,\delta_{z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="rnn-bptt-sum")
C(R, "W_x", L, r"\frac{\partial L}{\partial W_x} = x_2^{\top}\,\delta_{z_2}", "*", oracle="x_2.T @ dz_2", style="rnn-one-step")
C(R, "z_1", L, r"\delta_{z_1} = \left(\delta_{z_2} W_h^{\top}\right)\odot\left(1 - h_1^{2}\right)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="rnn-dz1")
C(R, "z_1", L, r"\delta_{z_1} = \left(\delta_{z_2} W_h\right)\odot\left(1 - h_1^{2}\right)", "*", oracle="dz_2 @ W_h * (1 - h_1 ** 2)", style="rnn-dz1-no-transpose")
C(R, "b", L, r"\frac{\partial L}{\partial b} = \mathbf{1}^{\top}\left(\delta_{z_1} + \delta_{z_2}\right)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="rnn-b", note="summed over the batch: the oracle's sizes make m > 1")
C(R, "b", L, r"\frac{\partial L}{\partial b} = \delta_{z_2}", "*", oracle="dz_2", style="rnn-b-one-step")
C(R, "h_2", L, r"\frac{\partial L}{\partial h_2} = 2\left(h_2 - y\right)", "scale-factor", oracle="2 * (h_2 - y)", style="rnn-h2-doubled")
C(R, "z_2", L, r"\frac{\partial L}{\partial z_2} = \left(h_2 - y\right)\odot\left(1 - \tanh^{2}(z_2)\right)", oracle="(h_2 - y) * (1 - np.tanh(z_2) ** 2)", style="rnn-tanh2")
C(R, "z_2", L, r"\frac{\partial L}{\partial z_2} = \left(h_2 - y\right)\odot\left(1 - h_2\right)^{2}", "*", oracle="(h_2 - y) * (1 - h_2) ** 2", style="rnn-tanh-prime-misplaced")
C(R, "W_h[0,1]", V, "0.2192", style="hand-4sf")
C(R, "W_h[0,1]", V, "0.22", style="hand-2sf")
S = "softmax-regression"
C(S, "W", L, r"\frac{\partial J}{\partial W} = \frac{1}{m}\,X^{\top}\left(\operatorname{softmax}(XW + b) - Y\right)", oracle="X.T @ (P - Y) / m", style="sr-softmax-inline")
C(S, "W", L, r"\frac{\partial J}{\partial W} = \frac{1}{m}\,X^{\top}\left(Y - P\right)", "sign", oracle="X.T @ (Y - P) / m", style="sr-sign")
C(S, "W", L, r"\frac{\partial J}{\partial W} = \frac{1}{m}\left(P - Y\right)^{\top} X", "*", oracle=None, style="sr-transposed")
C(S, "b", L, r"\frac{\partial J}{\partial b} = \frac{1}{m}\,\mathbf{1}^{\top}\left(P - Y\right)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="sr-b")
C(S, "b", L, r"\frac{\partial J}{\partial b} = \frac{1}{m}\left(P - Y\right)", "bias-not-summed", oracle=None, style="sr-b-unsummed")
C(S, "Z", L, r"\frac{\partial J}{\partial Z} = P - Y", "scale-factor", oracle="P - Y", style="sr-Z-no-m")
C(S, "W", L, r"\frac{\partial J}{\partial W}=\frac{1}{m}X^{\top}\left(\hat{Y}-Y\right)", lang="zh", oracle="X.T @ (P - Y) / m", style="zh-sr-hat")
C(S, "W[0,0]", V, "0.5849", style="hand-4sf")
C(S, "W[0,0]", V, "0.5749", "*", style="hand-digit-wrong")
C(S, "b[0,2]", V, "0.2975", "sign", style="hand-sign")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c8-{_k:03d}"
_SEEN = {
    (c["net"], c["wrt"], c["kind"], c["text"].strip())
    for c in corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load() + corpus6a.load()
    + corpus6b.load() + corpus7.load()
}
# cases that happen to repeat corpus 2-7 word for word are left out; ids stay as written
CASES: list[dict] = [c for c in _rows if (c["net"], c["wrt"], c["kind"], c["text"].strip()) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


run = corpus6b.run
judge = corpus2.judge
