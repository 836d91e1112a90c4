"""The self-probe of issue 11's bullets on the four newer built-ins (rnn, batchnorm, attention,
softmax-regression) and 11 course specs (branch checkgaps6): right and wrong answers written the
ways students write them (NumPy, LaTeX, element-wise in the walkthroughs' notation, Leibniz
chains, hand numbers from PyTorch, --lang zh) BEFORE the checker ran on them. ``expect``: "ok" a
right answer, "wrong" any incorrect verdict, else the diagnosis code. Results: bench/RESULTS.md
"checker leftovers, pass 6".

python bench/probe_checkgaps6.py [en|zh]"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from derive.checker.check import FormulaError, check  # noqa: E402

C = str(ROOT / "tests" / "specs_course") + "/"
N, L, V = "numpy", "latex", "value"
RNN_DEF = "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h.T * (1 - h_1 ** 2)\n"
S, R, A, B = "softmax-regression", "rnn", "attention", "batchnorm"
# first batch (the numbers in "value" cases are PyTorch's, rounded by hand)
CASES = [
 # ---- rnn
 ("rnn", "W_h", N, RNN_DEF + "dW_h = h_1.T @ dz2 + h_0.T @ dz1", "ok"),
 ("rnn", "W_h", N, RNN_DEF + "dWh = h_0.T @ dz1 + h_1.T @ dz2", "ok"),
 ("rnn", "W_h", N, "dW_h = h_1.T @ ((h_2 - y) * (1 - h_2 ** 2))", "wrong"),
 ("rnn", "W_h", N, "dz2 = (h_2 - y) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h.T\ndW_h = h_1.T @ dz2 + h_0.T @ dz1", "missing-activation-derivative"),
 ("rnn", "W_x", N, "dh2 = h_2 - y\ndz2 = dh2 * (1 - h_2 ** 2)\ndh1 = dz2 @ W_h.T\ndz1 = dh1 * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz1 + x_2.T @ dz2", "ok"),
 ("rnn", "W_x", N, "dz2 = (y - h_2) * (1 - h_2 ** 2)\ndz1 = dz2 @ W_h.T * (1 - h_1 ** 2)\ndW_x = x_1.T @ dz1 + x_2.T @ dz2", "sign"),
 ("rnn", "b", N, RNN_DEF + "db = np.sum(dz1 + dz2, axis=0, keepdims=True)", "ok"),
 ("rnn", "b", N, RNN_DEF + "db = dz2", "wrong"),
 ("rnn", "W_h", N, RNN_DEF + "dW_h = dz2.T @ h_1 + dz1.T @ h_0", "wrong"),
 ("rnn", "W_h", N, RNN_DEF + "dW_h = dz1 @ h_0.T + dz2 @ h_1.T", "wrong"),
 ("rnn", "W_x", L, r"\frac{\partial L}{\partial W_x} = \sum_{t=1}^{2} x_t^\top \left(\frac{\partial L}{\partial h_t} \odot (1 - h_t^2)\right)", "ok"),
 ("rnn", "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t} h_{t-1}^\top \left(\frac{\partial L}{\partial h_t} \odot (1 - h_t^2)\right)", "ok"),
 ("rnn", "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} h_{t}^\top \left(\frac{\partial L}{\partial h_t} \odot (1 - h_t^2)\right)", "wrong"),
 ("rnn", "b", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2^2), \quad \delta_1 = \delta_2 W_h^\top \odot (1 - h_1^2), \quad \frac{\partial L}{\partial b} = \delta_1 + \delta_2", "ok"),
 ("rnn", "b", L, r"\delta_2 = (h_2 - y) \odot (1 - h_2^2), \quad \delta_1 = \delta_2 W_h^\top \odot (1 - h_1^2), \quad \frac{\partial L}{\partial b} = \delta_2", "wrong"),
 ("rnn", "z_2", N, "dL/dh_2 * dh_2/dz_2", "ok"),
 ("rnn", "z_2", L, r"\frac{\partial L}{\partial z_2} = \frac{\partial L}{\partial h_2} \odot \frac{\partial h_2}{\partial z_2}", "ok"),
 ("rnn", "z_2", N, "(h_2 - y) * (1 - h_2) * h_2", "wrong-activation-derivative"),
 ("rnn", "W_x[0,0]", V, "-0.191", "ok"),
 ("rnn", "W_x[0,0]", V, "0.191", "sign"),
 ("rnn", "W_h[0,1]", V, "0.219", "ok"),
 ("rnn", "b[0,0]", V, "-0.223", "ok"),
 ("rnn", "b[0,0]", V, "-0.232", "wrong"),
 ("rnn", "W_x", N, "答：dW_x = x_1.T @ dz1 + x_2.T @ dz2，其中 dz2 = (h_2 - y) * (1 - h_2**2)", "ok"),
 # ---- batchnorm
 ("batchnorm", "gamma", N, "dY = 2 * (Y - T) / (m * n)\ndgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)", "ok"),
 ("batchnorm", "gamma", N, "dout = 2 * (Y - T) / (m * n)\ndgamma = np.sum(dout * xhat, axis=0)", "ok"),
 ("batchnorm", "gamma", N, "dout = 2 * (Y - T) / Y.size\nxhat = Z_hat\ndgamma = np.sum(dout * xhat, axis=0)", "ok"),
 ("batchnorm", "gamma", N, "dY = (Y - T) / (m * n)\ndgamma = np.sum(dY * Z_hat, axis=0, keepdims=True)", "scale-factor"),
 ("batchnorm", "gamma", N, "dY = 2 * (Y - T) / (m * n)\ndgamma = np.sum(dY * Z, axis=0, keepdims=True)", "wrong"),
 ("batchnorm", "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * n), axis=0)", "ok"),
 ("batchnorm", "beta", N, "dbeta = np.sum(2 * (Y - T) / (m * n), axis=1)", "wrong-sum-axis"),
 ("batchnorm", "Z", N, "dout = 2 * (Y - T) / (m * n)\nxhat = Z_hat\nivar = 1 / np.sqrt(var + eps)\ndxhat = dout * gamma\ndZ = (1. / m) * ivar * (m * dxhat - np.sum(dxhat, axis=0) - xhat * np.sum(dxhat * xhat, axis=0))", "ok"),
 ("batchnorm", "Z", N, "dout = 2 * (Y - T) / (m * n)\ndxhat = dout * gamma\ndZ = (1. / m) * ivar * (m * dxhat - np.sum(dxhat, axis=0) - xhat * np.sum(dxhat * xhat, axis=0))", "ok"),
 ("batchnorm", "Z", N, "dZ = dY * gamma / np.sqrt(var + eps)", "wrong"),
 ("batchnorm", "Z", N, "dxhat = dY * gamma\ndZ = (1. / m) / np.sqrt(var + eps) * (m * dxhat - np.sum(dxhat, axis=0))", "wrong"),
 ("batchnorm", "Z", N, "dxhat = dY * gamma\ndZ = (1. / m) / np.sqrt(var + eps) * (m * dxhat - np.sum(dxhat, axis=0) + Z_hat * np.sum(dxhat * Z_hat, axis=0))", "wrong"),
 ("batchnorm", "W", N, "dW = X.T @ dZ", "ok"),
 ("batchnorm", "W", N, "dW = dZ @ X.T", "wrong"),
 ("batchnorm", "gamma", L, r"\frac{\partial L}{\partial \gamma} = \mathbf{1}^\top \left(\frac{\partial L}{\partial Y} \odot \hat{Z}\right)", "ok"),
 ("batchnorm", "gamma", L, r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} \frac{\partial L}{\partial y_i} \odot \hat{z}_i", "ok"),
 ("batchnorm", "Z", L, r"\frac{\partial L}{\partial Z} = \frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}} \odot \left( m \frac{\partial L}{\partial Y} - \mathbf{1}\mathbf{1}^\top \frac{\partial L}{\partial Y} - \hat{Z} \odot \mathbf{1}\mathbf{1}^\top\left(\frac{\partial L}{\partial Y} \odot \hat{Z}\right)\right)", "ok"),
 ("batchnorm", "gamma[0,0]", V, "0.727", "ok"),
 ("batchnorm", "W[0,0]", V, "-0.305", "ok"),
 ("batchnorm", "beta[0,1]", V, "-8/15", "ok"),
 ("batchnorm", "beta[0,1]", V, "-0.267", "wrong"),
 # ---- attention
 ("attention", "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ A.T @ dO", "ok"),
 ("attention", "W_v", N, "dO = 2 * (O - T) / (n * d)\ndW_v = X.T @ A @ dO", "missing-transpose"),
 ("attention", "S", N, "dA = dO @ V.T\ndS = A * (dA - np.sum(dA * A, axis=1, keepdims=True))", "ok"),
 ("attention", "S", N, "dA = dO @ V.T\ndS = A * dA - A * np.sum(A * dA, axis=1, keepdims=True)", "ok"),
 ("attention", "S", N, "dA = dO @ V.T\ndS = dA * A * (1 - A)", "wrong"),
 ("attention", "S", N, "dA = dO @ V.T\ndS = A * (dA - np.sum(dA * A, axis=0, keepdims=True))", "wrong"),
 ("attention", "S", N, "dS = np.stack([dA[i] @ (np.diag(A[i]) - np.outer(A[i], A[i])) for i in range(n)])", "ok"),
 ("attention", "S", L, r"\frac{\partial L}{\partial S} = A \odot \left(\frac{\partial L}{\partial A} - \left(\frac{\partial L}{\partial A} \odot A\right)\mathbf{1}\mathbf{1}^\top\right)", "ok"),
 ("attention", "W_q", N, "dS = A * (dA - np.sum(dA * A, axis=1, keepdims=True))\ndW_q = X.T @ (dS @ K) / np.sqrt(d)", "ok"),
 ("attention", "W_q", N, "dS = A * (dA - np.sum(dA * A, axis=1, keepdims=True))\ndW_q = X.T @ (dS @ K)", "scale-factor"),
 ("attention", "W_k", N, "dW_k = X.T @ dS.T @ Q / np.sqrt(d)", "ok"),
 ("attention", "W_k", N, "dW_k = X.T @ dS @ Q / np.sqrt(d)", "wrong"),
 ("attention", "W_v", L, r"\frac{\partial L}{\partial W_v} = X^\top A^\top \frac{2}{nd}(O - T)", "ok"),
 ("attention", "W_v", L, r"\frac{\partial L}{\partial W_v} = X^\top A^\top \frac{2}{n}(O - T)", "scale-factor"),
 ("attention", "W_v[0,0]", V, "-0.130", "ok"),
 ("attention", "W_q[1,0]", V, "-0.0328", "ok"),
 ("attention", "W_k[0,1]", V, "-0.0302", "ok"),
 ("attention", "W_k[0,1]", V, "0.0302", "sign"),
 # ---- softmax-regression
 ("softmax-regression", "W", N, "dW = X.T @ (P - Y) / m", "ok"),
 ("softmax-regression", "W", N, "dW = (1/m) * np.dot(X.T, P - Y)", "ok"),
 ("softmax-regression", "W", N, "dW = X.T @ (P - Y)", "scale-factor"),
 ("softmax-regression", "W", N, "dW = X.T @ (Y - P) / m", "sign"),
 ("softmax-regression", "W", N, "dW = (P - Y).T @ X / m", "wrong"),
 ("softmax-regression", "Z", N, "dZ = (P * np.sum(Y, axis=1, keepdims=True) - Y) / m", "ok"),
 ("softmax-regression", "Z", N, "dZ = P - Y", "scale-factor"),
 ("softmax-regression", "b", N, "db = np.mean(P - Y, axis=0)", "ok"),
 ("softmax-regression", "b", N, "db = np.sum(P - Y) / m", "wrong"),
 ("softmax-regression", "W", L, r"\nabla_W J = \frac{1}{m} X^\top (P - Y)", "ok"),
 ("softmax-regression", "Z", L, r"\frac{\partial L}{\partial Z} = \frac{1}{m}(P - Y)", "ok"),
 ("softmax-regression", "Z", L, r"\frac{\partial L}{\partial Z} = \frac{1}{m}(P - 1)", "wrong"),
 ("softmax-regression", "Z", N, "dZ = (P - 1) / m", "wrong"),
 ("softmax-regression", "W[0,2]", V, "-0.495", "ok"),
 ("softmax-regression", "W[0,2]", V, "-0.459", "wrong"),
 ("softmax-regression", "b[0,0]", V, "-0.0735", "ok"),
 ("softmax-regression", "W", N, "答：dW = X.T @ (P - Y) / m", "ok"),
 # ---- course specs
 (C+"cs231n_two_layer.toml", "W2", N, "dscores = (np.exp(log_probs) - y) / N\ndW2 = hidden.T.dot(dscores) + reg * W2", "ok"),
 (C+"cs231n_two_layer.toml", "W2", N, "dscores = (np.exp(log_probs) - y) / N\ndW2 = hidden.T.dot(dscores)", "wrong"),
 (C+"cs231n_two_layer.toml", "b2", N, "db2 = np.sum((np.exp(log_probs) - y) / N, axis=0)", "ok"),
 (C+"d2l_softmax_scratch.toml", "W", N, "dW = X.T @ (y_hat - y) / batch", "ok"),
 (C+"d2l_softmax_scratch.toml", "W", N, "dW = X.T @ (y_hat - y)", "scale-factor"),
 (C+"d2l_softmax_scratch.toml", "W", L, r"\frac{\partial \ell}{\partial \mathbf{W}} = \frac{1}{|\mathcal{B}|}\mathbf{X}^\top(\hat{\mathbf{y}} - \mathbf{y})", "ok"),
 (C+"coursera_ml_logreg_reg.toml", "theta", N, "grad = (1 / m) * X.T @ (h - y) + (lambda_ / m) * theta", "ok"),
 (C+"coursera_ml_logreg_reg.toml", "theta", N, "grad = (1 / m) * X.T @ (h - y)", "wrong"),
 (C+"cs229_logreg_theta.toml", "theta", N, "grad = X.T @ (h - y) / m", "ok"),
 (C+"cs229_logreg_theta.toml", "theta", L, r"\nabla_\theta J = \frac{1}{m} X^T (h_\theta(X) - y)", "ok"),
 (C+"cs229_logreg_theta.toml", "theta", N, "grad = X.T @ (y - h) / m", "sign"),
 (C+"cmu_batchnorm.toml", "V2", N, "dV2 = A.T @ (2 * (out - Y) / N)", "ok"),
 (C+"cmu_batchnorm.toml", "V2", N, "dV2 = A.T @ (out - Y) / N", "scale-factor"),
 (C+"cmu_batchnorm.toml", "BW", N, "dBZ = 2 * (out - Y) / N @ V2.T * (BZ > 0)\ndBW = np.sum(dBZ * NZ, axis=0, keepdims=True)", "ok"),
 (C+"cmu_batchnorm.toml", "Bb", N, "dBZ = 2 * (out - Y) / N @ V2.T * (BZ > 0)\ndBb = np.sum(dBZ, axis=1, keepdims=True)", "wrong"),
 (C+"d2l_rnn_scratch.toml", "W_hq", N, "dO1 = (torch.softmax(O1, 1) - Y1) / (2 * batch)\ndO2 = (torch.softmax(O2, 1) - Y2) / (2 * batch)\ndW_hq = H1.T @ dO1 + H2.T @ dO2", "ok"),
 (C+"d2l_rnn_scratch.toml", "W_hq", N, "dO2 = (torch.softmax(O2, 1) - Y2) / (2 * batch)\ndW_hq = H2.T @ dO2", "wrong"),
 (C+"cs231n_affine_relu.toml", "w", N, "da = upstream * (a > 0)\ndw = x.T.dot(da)", "ok"),
 (C+"cs231n_affine_relu.toml", "w", N, "dw = x.T.dot(upstream)", "missing-activation-derivative"),
 (C+"cs231n_affine_relu.toml", "b", N, "db = np.sum(upstream * (a > 0), axis=0)", "ok"),
 (C+"d2l_mlp_weight_decay.toml", "W2", N, "dW2 = H.T @ (y_hat - y) / n + lambd * W2", "ok"),
 (C+"d2l_mlp_weight_decay.toml", "W2", N, "dW2 = H.T @ (y_hat - y) / n", "wrong"),
 (C+"elman_rnn3.toml", "Why", N, "dlogits = (softmax(logits) - y) / B\ndWhy = h3.T @ dlogits", "ok"),
 (C+"elman_rnn3.toml", "Why", L, r"\frac{\partial L}{\partial W_{hy}} = \frac{1}{|B|} h_3^\top (\mathrm{softmax}(logits) - y)", "ok"),
 (C+"elman_rnn3.toml", "by", N, "dby = np.sum(softmax(logits) - y, axis=0) / B", "ok"),
]
# second batch: entry-wise, Leibniz chains, per-example course LaTeX
CASES2 = [
 (S, "b[0,0]", L, r"\frac{\partial L}{\partial b_{1}} = \delta_{Z_{11}} + \delta_{Z_{21}}", "ok"),
 (S, "b[0,0]", L, r"\frac{\partial L}{\partial b_{1}} = \delta_{Z_{11}}", "wrong"),
 (S, "W[0,0]", N, "(X11*(P11 - Y11) + X21*(P21 - Y21)) / 2", "ok"),
 (S, "W[0,0]", N, "(X11*(P11 - Y11) + X21*(P21 - Y21)) / m", "ok"),
 (S, "W[0,0]", N, "X11*(P11 - Y11) + X21*(P21 - Y21)", "wrong"),
 (S, "W[0,0]", N, "(X11*(P11 - Y11) + X12*(P21 - Y21)) / m", "wrong"),
 (S, "W[0,0]", L, r"\frac{\partial L}{\partial W_{11}} = \frac{1}{m}\left(X_{11}(P_{11} - Y_{11}) + X_{21}(P_{21} - Y_{21})\right)", "ok"),
 (S, "W11", N, "X11*dZ11 + X21*dZ21", "ok"),
 (R, "W_x[0,0]", L, r"\frac{\partial L}{\partial \left(W_{\text{x}}\right)_{11}} = \delta_{\left(z_{1}\right)_{1}} \cdot \left(x_{1}\right)_{1} + \delta_{\left(z_{2}\right)_{1}} \cdot \left(x_{2}\right)_{1}", "ok"),
 (R, "W_x[0,0]", L, r"\frac{\partial L}{\partial \left(W_{\text{x}}\right)_{11}} = \delta_{\left(z_{2}\right)_{1}} \cdot \left(x_{2}\right)_{1}", "wrong"),
 (R, "W_x[0,0]", N, "dz_11 * x_11 + dz_21 * x_21", "ok"),
 (R, "W_x[0,0]", N, "dz_21 * x_21", "wrong"),
 (R, "h_1", L, r"\frac{\partial L}{\partial h_1} = \frac{\partial L}{\partial z_2}\frac{\partial z_2}{\partial h_1}", "ok"),
 (R, "h_1", N, "dh_1 = dz_2 @ W_h.T", "ok"),
 (R, "h_1", N, "dh_1 = dz_2 @ W_h", "wrong"),
 (A, "V", N, "dV = A.T @ dO", "ok"),
 (A, "V", N, "dV = A @ dO", "wrong"),
 (A, "A", L, r"\frac{\partial L}{\partial A} = \frac{\partial L}{\partial O} V^\top", "ok"),
 (A, "W_v[0,0]", V, "-0.13", "ok"),
 (A, "Q", N, "dQ = dS @ K / np.sqrt(d)", "ok"),
 (A, "K", N, "dK = dS.T @ Q / np.sqrt(d)", "ok"),
 (A, "K", N, "dK = dS @ Q / np.sqrt(d)", "wrong"),
 (A, "Q", L, r"\frac{\partial L}{\partial Q} = \frac{\partial L}{\partial S}\frac{K}{\sqrt{d}}", "ok"),
 (B, "beta", L, r"\frac{\partial L}{\partial \beta} = \sum_{i=1}^{m} \frac{\partial L}{\partial y_i}", "ok"),
 (B, "Z_hat", N, "dZ_hat = dY * gamma", "ok"),
 (B, "gamma[0,0]", V, "0.73", "ok"),
 (B, "gamma[0,0]", V, "0.7", "too-few-digits"),
 (B, "Y", N, "dY = 2 * (Y - T) / m", "scale-factor"),
 (B, "Y", N, "dY = 2 * (Y - T) / (m * n)", "ok"),
 (C+"d2l_linreg.toml", "b", L, r"\frac{\partial \ell}{\partial b} = \frac{1}{|\mathcal{B}|}\sum_{i \in \mathcal{B}} (\hat{y}^{(i)} - y^{(i)})", "ok"),
 (C+"d2l_linreg.toml", "w", L, r"\frac{\partial \ell}{\partial \mathbf{w}} = \frac{1}{|\mathcal{B}|} \sum_{i \in \mathcal{B}} \mathbf{x}^{(i)} \left(\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}\right)", "ok"),
 (C+"cs229_logreg_theta.toml", "theta", L, r"\nabla_\theta J = \frac{1}{m}\sum_{i=1}^{m} (h_\theta(x^{(i)}) - y^{(i)}) x^{(i)}", "ok"),
 (C+"coursera_ml_logreg_reg.toml", "theta", N, "grad = X.T @ (h - y) / m + lambda_ / m * theta", "ok"),
 (C+"coursera_ml_logreg_reg.toml", "theta0", N, "grad0 = np.sum(h - y) / m", "ok"),
 (C+"coursera_ml_logreg_reg.toml", "theta0", N, "grad0 = np.sum(h - y) / m + lambda_ / m * theta0", "wrong"),
 (C+"cs231n_two_layer.toml", "W1", N, "dscores = (np.exp(log_probs) - y) / N\ndhidden = dscores.dot(W2.T)\ndhidden[hidden <= 0] = 0\ndW1 = X.T.dot(dhidden) + reg * W1", "ok"),
 (C+"cs231n_two_layer.toml", "W1", N, "dscores = (np.exp(log_probs) - y) / N\ndhidden = dscores.dot(W2.T)\ndW1 = X.T.dot(dhidden) + reg * W1", "missing-activation-derivative"),
 (C+"d2l_mlp_weight_decay.toml", "W1", N, "dy_hat = (y_hat - y) / n\ndH = dy_hat @ W2.T * (H > 0)\ndW1 = X.T @ dH + lambd * W1", "ok"),
 (C+"cs231n_affine_relu.toml", "x", N, "dx = (upstream * (a > 0)).dot(w.T)", "ok"),
]

# what the probe got wrong itself (confirmed by tests/spelled_oracle.py): elman_rnn3's
# cross_entropy(logits, y) takes probabilities, so softmax(logits) - y is NOT its gradient
PROBE_ERRORS = {"elman_rnn3.toml"}


def run(c: tuple, lang: str = "en") -> tuple[str, str | None, str]:
    net, wrt, kind, text, _ = c
    try:
        if kind == V:
            r = check(net, wrt, value=text, lang=lang)
        else:
            r = check(net, wrt, text, latex=kind == L, lang=lang)
    except FormulaError as e:
        return "unreadable", None, e.localized(lang)
    return r.verdict, r.code, r.text().split("\n")[0]


def judge(want: str, got: tuple) -> bool:
    v, code, _ = got
    if want == "ok":
        return v == "correct"
    if want == "wrong":
        return v == "incorrect"
    return v == "incorrect" and code == want


def main(lang: str) -> None:
    for name, cases in (("first batch", CASES), ("second batch", CASES2)):
        bad = accepted = unreadable = 0
        for i, c in enumerate(cases):
            got = run(c, lang)
            accepted += got[0] == "correct" and c[4] != "ok"
            unreadable += got[0] == "unreadable"
            if not judge(c[4], got):
                bad += 1
                print(f"  [{i}] {c[0].split('/')[-1]} {c[1]} want={c[4]} got={got[0]}/{got[1]}")
                print(f"       {c[3][:90]!r}\n       {got[2][:160]}")
        print(f"{name} ({lang}): {len(cases)} cases, {len(cases) - bad} as expected, {bad} not; "
              f"{accepted} wrong accepted; {unreadable} unreadable")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
