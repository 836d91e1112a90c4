"""The held-out-style corpus of issue 11, forty-eighth round, text side (``c48t``): LaTeX, typed
maths and hand numbers in the notations of sources corpora 34t–47t did not use — Goodfellow, Bengio
& Courville's *Deep Learning* ch. 6 (``\\nabla_{\\boldsymbol{W}} J``, ``\\boldsymbol{g} \\leftarrow …``,
``\\boldsymbol{h}^{(k-1)\\top}``), Aggarwal's *Neural Networks and Deep Learning* (``\\overline{W}``,
``\\Phi'``), Murphy's *Probabilistic Machine Learning: Advanced Topics* (book 2), Dive into Deep
Learning's mathematics appendix, Karpathy's micrograd / makemore lecture notes (``.grad``, ``dlogits``),
吴恩达深度学习 中文笔记 in CSDN / 知乎 reposts (``\\cdot`` / ``*`` mixes), 李沐 d2l 中文 §4.7, 邱锡鹏's
slides, Obsidian / Typora exports (``align*``, callouts, ``\\left(\\right)``), ``\\mathbf{1}^\\top``,
``\\operatorname{diag}``, ``\\sigma^{\\prime}``, Unicode maths pasted from Word (𝑊, 𝜎, ⊙, ∘, ·, ×), and
hand numbers under issue 11's number policy (fractions), on five course networks no corpus had used
(hn47_ddpm_eps_mxnet_cn, hn47_koopman_autoencoder_jax, hn47_taylor_ce_mindspore_cn,
hn47_kto_loss_trl, hn47s_squeeze_unsqueeze_head); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex48"). Oracles: PyTorch
float64 (tests/check_oracle.py) on built-ins, the spec's own text run in PyTorch on course
networks (tests/spelled_oracle.py); hand numbers computed in PyTorch float64 at derive's example
point (check_oracle.exact_value) and rounded by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus33  # noqa: E402
import corpus_common  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
REFUSE = "REFUSE"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"
DD = str(COURSE / "hn47_ddpm_eps_mxnet_cn.toml")
KP = str(COURSE / "hn47_koopman_autoencoder_jax.toml")
TC = str(COURSE / "hn47_taylor_ce_mindspore_cn.toml")
KT = str(COURSE / "hn47_kto_loss_trl.toml")
SQ = str(COURSE / "hn47s_squeeze_unsqueeze_head.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

from corpus20 import B1R, B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0) / m)"
RD2 = "((h_2 - y) * (1 - h_2 ** 2))"
RD1 = f"({RD2} @ W_h.T * (1 - h_1 ** 2))"
AO = "(2 * (O - T) / (n * d))"
AWV = f"X.T @ A.T @ {AO}"
BNB = "np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"
BNG = "np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)"
WDZ2 = "(((1 - Y) * A2 - w * Y * (1 - A2)) / m)"

# ---- course-network oracles (NumPy over the spec's own names, run in PyTorch by tests/spelled_oracle.py)
DD_G = "(2 * (eps_hat - noise) / (N * d))"
DD_W2 = f"hid.T @ {DD_G}"
DD_H = f"({DD_G} @ W2.T * (hid > 0))"
DD_W1 = f"xt.T @ {DD_H}"
DD_B1 = f"np.sum({DD_H}, axis=0, keepdims=True)"
KP_R = "(2 * a1 / (N * n) * g0.T @ (g0 @ Wd - x0))"
KP_P = "(2 / (N * n) * (g0 @ K).T @ (g0 @ K @ Wd - x1))"
KP_WD = f"{KP_R} + {KP_P}"
KP_L = "(2 * a2 / (N * k) * g0.T @ (g0 @ K - g1))"
KP_PK = "(2 / (N * n) * g0.T @ (g0 @ K @ Wd - x1) @ Wd.T)"
KP_K = f"{KP_L} + {KP_PK}"
TC_G = "((1 + q + q ** 2)[:, None] * p * (p_t[:, None] - Y) / N)"
TC_W = f"x.T @ {TC_G}"
TC_B = f"np.sum({TC_G}, axis=0, keepdims=True)"
KT_S = "(sigmoid(rewards - z0) * (1 - sigmoid(rewards - z0)))"
KT_DR = f"((-desirable * lambda_d + (1 - desirable) * lambda_u) * {KT_S} / N)"
KT_W = f"x.T @ ({KT_DR} * beta * (1 - sigmoid(x @ W)))"
SQ_V = "(2 / N * X.T @ ((z - y) * (1 - z ** 2)) + 0.2 / N * X.T @ s[:, None])"
SQ_C = "(0.2 / N * np.sum(s))"

# ================================================================ Goodfellow, Bengio & Courville, Deep Learning ch. 6 (alg. 6.4): ∇_{\boldsymbol{W}} J, \boldsymbol{g}
C(M, "W2", L, r"\nabla_{\boldsymbol{W}_2} J = \frac{1}{m}\boldsymbol{A}_1^{\top}\boldsymbol{g}, \quad \boldsymbol{g} = \boldsymbol{A}_2 - \boldsymbol{Y}", oracle=W2R, style="goodfellow-nabla-boldsymbol-g-mlp-W2")
C(M, "W2", L, r"\nabla_{\boldsymbol{W}_2} J = \boldsymbol{A}_1^{\top}\boldsymbol{g}, \quad \boldsymbol{g} = \boldsymbol{A}_2 - \boldsymbol{Y}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="goodfellow-nabla-boldsymbol-g-mlp-W2-no-mean")
C(M, "W2", L, r"\nabla_{\boldsymbol{W}_2} J = \frac{1}{m}\boldsymbol{g}\,\boldsymbol{A}_1^{\top}, \quad \boldsymbol{g} = \boldsymbol{A}_2 - \boldsymbol{Y}", "*", style="goodfellow-column-order-g-h-transposed-mlp-W2", note="the book's g h^{(k-1)⊤} (column vectors) on row data: m × 1 times h × m, a shape error (no oracle)")
C(M, "W1", L, r"\boldsymbol{g} = \big((\boldsymbol{A}_2 - \boldsymbol{Y})\boldsymbol{W}_2^{\top}\big) \odot f'(\boldsymbol{Z}_1), \quad f'(\boldsymbol{z}) = \mathbb{1}[\boldsymbol{z} > 0], \quad \nabla_{\boldsymbol{W}_1} J = \frac{1}{m}\boldsymbol{X}^{\top}\boldsymbol{g}", oracle=W1R, style="goodfellow-g-odot-f-prime-mlp-W1")
C(M, "W1", L, r"\boldsymbol{g} = \big((\boldsymbol{A}_2 - \boldsymbol{Y})\boldsymbol{W}_2^{\top}\big), \quad \nabla_{\boldsymbol{W}_1} J = \frac{1}{m}\boldsymbol{X}^{\top}\boldsymbol{g}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="goodfellow-g-no-f-prime-mlp-W1")
C(M, "b1", L, r"\nabla_{\boldsymbol{b}_1} J = \frac{1}{m}\mathbf{1}^\top\Big(\big((\boldsymbol{A}_2 - \boldsymbol{Y})\boldsymbol{W}_2^{\top}\big) \odot \mathbb{1}[\boldsymbol{Z}_1 > 0]\Big)", oracle=B1R, style="goodfellow-ones-top-mlp-b1")
C(M, "b1", L, r"\nabla_{\boldsymbol{b}_1} J = \frac{1}{m}\Big(\big((\boldsymbol{A}_2 - \boldsymbol{Y})\boldsymbol{W}_2^{\top}\big) \odot \mathbb{1}[\boldsymbol{Z}_1 > 0]\Big)", "bias-not-summed", oracle=f"{DZ1}", style="goodfellow-mlp-b1-unsummed")
C(T, "W2", L, r"\nabla_{\boldsymbol{W}_2} J = \boldsymbol{h}^{\top}\,\nabla_{\hat{\boldsymbol{y}}} J, \quad \nabla_{\hat{\boldsymbol{y}}} J = \hat{\boldsymbol{y}} - \boldsymbol{y}, \quad \hat{\boldsymbol{y}} = y_{\mathrm{pred}}, \quad \boldsymbol{y} = y_{\mathrm{target}}", oracle=TW2, style="goodfellow-nabla-yhat-tiny-W2")
C(T, "W2", L, r"\nabla_{\boldsymbol{W}_2} J = \boldsymbol{h}^{\top}\,\nabla_{\hat{\boldsymbol{y}}} J, \quad \nabla_{\hat{\boldsymbol{y}}} J = \boldsymbol{y} - \hat{\boldsymbol{y}}, \quad \hat{\boldsymbol{y}} = y_{\mathrm{pred}}, \quad \boldsymbol{y} = y_{\mathrm{target}}", "sign", oracle=f"-({TW2})", style="goodfellow-nabla-yhat-tiny-W2-sign")
C(T, "W1", L, r"\nabla_{\boldsymbol{W}_1} J = \boldsymbol{X}^{\top}\Big(\big((y_{\mathrm{pred}} - y_{\mathrm{target}})\boldsymbol{W}_2^{\top}\big) \odot \sigma^{\prime}(h_{\mathrm{raw}})\Big)", oracle=TW1, style="goodfellow-sigma-prime-superscript-tiny-W1")
C(T, "W1", L, r"\nabla_{\boldsymbol{W}_1} J = \boldsymbol{X}^{\top}\Big(\big((y_{\mathrm{pred}} - y_{\mathrm{target}})\boldsymbol{W}_2^{\top}\big) \odot \sigma^{\prime}(\boldsymbol{h})\Big)", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * sigmoid(h) * (1 - sigmoid(h)))", style="goodfellow-sigma-prime-of-output-tiny-W1", note="σ' at h = σ(h_raw), not at h_raw")
C(E, "w", L, r"\nabla_{\boldsymbol{w}} J = (O - t)\,\sigma^{\prime}(z)\,\boldsymbol{x}", oracle=EW, style="goodfellow-sigma-prime-neuron-w")
C(E, "w", L, r"\nabla_{\boldsymbol{w}} J = (O - t)\,\sigma(z)\,\boldsymbol{x}", "*", oracle="(O - t) * O * x", style="goodfellow-sigma-not-prime-neuron-w")
C(S, "W", L, r"\nabla_{\boldsymbol{W}} J = \frac{1}{m}\boldsymbol{X}^{\top}\left(\operatorname{softmax}(\boldsymbol{Z}) - \boldsymbol{Y}\right)", oracle=SW, style="goodfellow-operatorname-softmax-W")
C(S, "W", L, r"\nabla_{\boldsymbol{W}} J = \frac{1}{m}\boldsymbol{X}^{\top}\left(\boldsymbol{Y} - \operatorname{softmax}(\boldsymbol{Z})\right)", "sign", oracle=f"-{SW}", style="goodfellow-operatorname-softmax-W-sign")
C(S, "b", L, r"\nabla_{\boldsymbol{b}} J = \frac{1}{m}\boldsymbol{1}^{\top}\left(\boldsymbol{P} - \boldsymbol{Y}\right)", oracle=SB, style="goodfellow-boldsymbol-one-softmax-b")
C(R, "w1", L, r"\nabla_{\boldsymbol{W}^{(1)}} J = \boldsymbol{x}^{\top}\Big(2(y_{\mathrm{pred}} - y)\,\boldsymbol{W}^{(2)\top} \odot \mathbb{1}[\boldsymbol{h} > 0]\Big), \quad \boldsymbol{W}^{(1)} = w_1, \quad \boldsymbol{W}^{(2)} = w_2", oracle=RW1, style="goodfellow-W-paren-superscripts-relu-w1")
C(R, "w1", L, r"\nabla_{\boldsymbol{W}^{(1)}} J = \boldsymbol{x}^{\top}\Big(2(y_{\mathrm{pred}} - y)\,\boldsymbol{W}^{(2)\top} \odot \mathbb{1}[\boldsymbol{h}_{\mathrm{relu}} > 1]\Big), \quad \boldsymbol{W}^{(1)} = w_1, \quad \boldsymbol{W}^{(2)} = w_2", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h_relu > 1))", style="goodfellow-relu-w1-wrong-threshold")
C(R, "w2", L, r"\nabla_{\boldsymbol{W}^{(2)}} J = 2\,\boldsymbol{h}_{\mathrm{relu}}^{\top}(y_{\mathrm{pred}} - y), \quad \boldsymbol{W}^{(2)} = w_2", oracle=RW2, style="goodfellow-W2-paren-relu-w2")
C(R2, "W_h", L, r"\nabla_{\boldsymbol{W}_h} L = \sum_{t=1}^{2}\boldsymbol{h}_{t-1}^{\top}\boldsymbol{\delta}_t, \quad \boldsymbol{\delta}_2 = (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2^2), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2\boldsymbol{W}_h^{\top} \odot (1 - \boldsymbol{h}_1^2)", oracle=f"h_1.T @ {RD2} + h_0.T @ {RD1}", style="goodfellow-bptt-sum-t-rnn-Wh")
C(R2, "W_h", L, r"\nabla_{\boldsymbol{W}_h} L = \boldsymbol{h}_1^{\top}\boldsymbol{\delta}_2 + \boldsymbol{h}_0^{\top}\boldsymbol{\delta}_1, \quad \boldsymbol{\delta}_2 = (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2^2), \quad \boldsymbol{\delta}_1 = \boldsymbol{\delta}_2\boldsymbol{W}_h^{\top}", "*", oracle=f"h_1.T @ {RD2} + h_0.T @ ({RD2} @ W_h.T)", style="goodfellow-bptt-rnn-Wh-tanh-prime-dropped-at-h1")
C(A, "W_v", L, r"\nabla_{\boldsymbol{W}_v} L = \boldsymbol{X}^{\top}\boldsymbol{A}^{\top}\,\frac{2}{nd}(\boldsymbol{O} - \boldsymbol{T})", oracle=AWV, style="goodfellow-attention-Wv")
C(A, "W_v", L, r"\nabla_{\boldsymbol{W}_v} L = \boldsymbol{X}^{\top}\boldsymbol{A}^{\top}\,\frac{2}{n}(\boldsymbol{O} - \boldsymbol{T})", "scale-factor", oracle="X.T @ A.T @ (2 * (O - T) / n)", style="goodfellow-attention-Wv-no-d")

# ================================================================ Aggarwal, Neural Networks and Deep Learning ch. 3: \overline{W}, \overline{h}, Φ'
C(T, "W2", L, r"\frac{\partial L}{\partial \overline{W}_2} = \overline{h}^{T}(\hat{y} - y), \quad \hat{y} = y_{\mathrm{pred}}, \quad y = y_{\mathrm{target}}", oracle=TW2, style="aggarwal-overline-tiny-W2")
C(T, "W2", L, r"\frac{\partial L}{\partial \overline{W}_2} = \overline{h}^{T}(y - \hat{y}), \quad \hat{y} = y_{\mathrm{pred}}, \quad y = y_{\mathrm{target}}", "sign", oracle=f"-({TW2})", style="aggarwal-overline-tiny-W2-sign")
C(T, "W1", L, r"\frac{\partial L}{\partial \overline{W}_1} = \overline{X}^{T}\Big[\Phi'(h_{\mathrm{raw}}) \odot \big((\hat{y} - y)\overline{W}_2^{T}\big)\Big], \quad \Phi'(v) = \Phi(v)\big(1 - \Phi(v)\big), \quad \hat{y} = y_{\mathrm{pred}}, \quad y = y_{\mathrm{target}}", oracle=TW1, style="aggarwal-Phi-prime-tiny-W1")
C(T, "W1", L, r"\frac{\partial L}{\partial \overline{W}_1} = \overline{X}^{T}\Big[\Phi'(h_{\mathrm{raw}}) \odot \big((\hat{y} - y)\overline{W}_2^{T}\big)\Big], \quad \Phi'(v) = 1 - \Phi(v)^2, \quad \hat{y} = y_{\mathrm{pred}}, \quad y = y_{\mathrm{target}}", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h ** 2))", style="aggarwal-Phi-prime-tanh-on-sigmoid-tiny-W1")
C(E, "w", L, r"\frac{\partial L}{\partial \overline{W}} = \delta\,\overline{X}, \quad \delta = (\hat{y} - y)\,\hat{y}(1 - \hat{y}), \quad \hat{y} = O, \quad y = t, \quad \overline{W} = w, \quad \overline{X} = x", oracle=EW, style="aggarwal-overline-delta-neuron-w")
C(E, "w", L, r"\frac{\partial L}{\partial \overline{W}} = \delta\,\overline{X}, \quad \delta = (\hat{y} - y)\,\hat{y}, \quad \hat{y} = O, \quad y = t, \quad \overline{W} = w, \quad \overline{X} = x", "*", oracle="(O - t) * O * x", style="aggarwal-overline-delta-neuron-w-half-prime")
C(M, "W2", L, r"\frac{\partial L}{\partial \overline{W}_2} = \frac{1}{m}\,\overline{A}_1^{T}(\overline{A}_2 - \overline{Y})", oracle=W2R, style="aggarwal-overline-mlp-W2")
C(M, "W2", L, r"\frac{\partial L}{\partial \overline{W}_2} = \frac{1}{n_{\mathrm{in}}}\,\overline{A}_1^{T}(\overline{A}_2 - \overline{Y})", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="aggarwal-overline-mlp-W2-n-in", note="n_in is the input width, not the batch size m")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial v}\cdot\frac{\partial v}{\partial u}\cdot\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot x", oracle="2 * v * x", style="aggarwal-cdot-chain-w")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial v}\cdot\frac{\partial v}{\partial u}\cdot\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot w", "*", oracle="2 * v * w", style="aggarwal-cdot-chain-w-x-gradient")

# ================================================================ Murphy, Probabilistic Machine Learning: Advanced Topics (book 2): \boldsymbol{\theta}, per-example sums, \mathbb{E}
C(E, "w", L, r"\nabla_{\boldsymbol{w}}\mathcal{L} = (\mu - t)\,\mu(1 - \mu)\,\boldsymbol{x}, \quad \mu = \sigma(\boldsymbol{w}^{\top}\boldsymbol{x}) = O", oracle=EW, style="murphy2-mu-sigma-wx-neuron-w")
C(E, "w", L, r"\nabla_{\boldsymbol{w}}\mathcal{L} = (\mu - t)\,\boldsymbol{x}, \quad \mu = \sigma(\boldsymbol{w}^{\top}\boldsymbol{x}) = O", "missing-activation-derivative", oracle="(O - t) * x", style="murphy2-mu-neuron-w-logistic-shortcut", note="the neuron's loss is the squared error: the logistic-loss shortcut drops σ'")
C(M, "b2", L, r"\nabla_{\boldsymbol{b}_2}\mathcal{L} = \frac{1}{m}\sum_{n=1}^{m}(\boldsymbol{\mu}_n - \boldsymbol{y}_n), \quad \boldsymbol{\mu} = A_2, \quad \boldsymbol{y} = Y", oracle=B2R, style="murphy2-boldsymbol-mu-n-mlp-b2")
C(M, "b2", L, r"\nabla_{\boldsymbol{b}_2}\mathcal{L} = \sum_{n=1}^{m}(\boldsymbol{\mu}_n - \boldsymbol{y}_n), \quad \boldsymbol{\mu} = A_2, \quad \boldsymbol{y} = Y", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="murphy2-boldsymbol-mu-n-mlp-b2-sum-not-mean")
C(S, "W", L, r"\nabla_{\mathbf{W}}\mathcal{L}(\boldsymbol{\theta}) = \frac{1}{m}\mathbf{X}^{\top}(\boldsymbol{\mu} - \mathbf{Y}), \quad \boldsymbol{\mu} = \mathcal{S}(\mathbf{Z}) = P", oracle=SW, style="murphy2-mathcal-S-softmax-W")
C(S, "W", L, r"\nabla_{\mathbf{W}}\mathcal{L}(\boldsymbol{\theta}) = \frac{1}{m}\mathbf{X}^{\top}\boldsymbol{\mu}, \quad \boldsymbol{\mu} = \mathcal{S}(\mathbf{Z}) = P", "*", oracle="X.T @ P / m", style="murphy2-softmax-W-target-dropped")

# ================================================================ Dive into Deep Learning, mathematics appendix (matrix calculus): \frac{\partial}{\partial \mathbf{W}}, ⟨·,·⟩
C(S, "W", L, r"\frac{\partial L}{\partial \mathbf{W}} = \mathbf{X}^\top \frac{\partial L}{\partial \mathbf{Z}}, \quad \frac{\partial L}{\partial \mathbf{Z}} = \frac{1}{m}\left(\mathbf{P} - \mathbf{Y}\right)", oracle=SW, style="d2l-appendix-leibniz-Z-softmax-W")
C(S, "W", L, r"\frac{\partial L}{\partial \mathbf{W}} = \frac{\partial L}{\partial \mathbf{Z}}\mathbf{X}^\top, \quad \frac{\partial L}{\partial \mathbf{Z}} = \frac{1}{m}\left(\mathbf{P} - \mathbf{Y}\right)", "*", style="d2l-appendix-leibniz-Z-softmax-W-wrong-side", note="m × k times n × m: a shape error (no oracle)")
C(M, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^\top\left(\frac{\partial L}{\partial \mathbf{A}_1} \odot \mathbb{1}(\mathbf{Z}_1 > 0)\right), \quad \frac{\partial L}{\partial \mathbf{A}_1} = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y})\mathbf{W}_2^\top", oracle=W1R, style="d2l-appendix-leibniz-A1-mlp-W1")
C(M, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^\top\left(\frac{\partial L}{\partial \mathbf{A}_1} \odot \mathbb{1}(\mathbf{Z}_1 > 0)\right), \quad \frac{\partial L}{\partial \mathbf{A}_1} = \frac{1}{m}(\mathbf{A}_2 - \mathbf{Y})\mathbf{W}_1^\top", "*", style="d2l-appendix-leibniz-A1-mlp-W1-wrong-weight", note="W1 for W2 in the backward step: h × n_in, not h × 1 (no oracle: a shape error)")
C(T, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^\top\left(\frac{\partial L}{\partial \mathbf{h}} \odot \mathbf{h} \odot (1 - \mathbf{h})\right), \quad \frac{\partial L}{\partial \mathbf{h}} = (y_{\mathrm{pred}} - y_{\mathrm{target}})\mathbf{W}_2^\top", oracle=TW1, style="d2l-appendix-leibniz-h-tiny-W1")
C(B, "beta", L, r"\frac{\partial L}{\partial \boldsymbol{\beta}} = \mathbf{1}^\top \frac{\partial L}{\partial \mathbf{Y}}, \quad \frac{\partial L}{\partial \mathbf{Y}} = \frac{2}{mn}(\mathbf{Y} - \mathbf{T})", oracle=BNB, style="d2l-appendix-ones-leibniz-batchnorm-beta")
C(B, "gamma", L, r"\frac{\partial L}{\partial \boldsymbol{\gamma}} = \mathbf{1}^\top\left(\frac{\partial L}{\partial \mathbf{Y}} \odot \hat{\mathbf{Z}}\right), \quad \frac{\partial L}{\partial \mathbf{Y}} = \frac{2}{mn}(\mathbf{Y} - \mathbf{T})", oracle=BNG, style="d2l-appendix-ones-leibniz-batchnorm-gamma")
C(B, "gamma", L, r"\frac{\partial L}{\partial \boldsymbol{\gamma}} = \mathbf{1}^\top\left(\frac{\partial L}{\partial \mathbf{Y}} \odot \hat{\mathbf{Z}}\right), \quad \frac{\partial L}{\partial \mathbf{Y}} = \frac{2}{m}(\mathbf{Y} - \mathbf{T})", "scale-factor", oracle="np.sum(2 * (Y - T) / m * Z_hat, axis=0, keepdims=True)", style="d2l-appendix-batchnorm-gamma-mean-over-m-only")

# ================================================================ Karpathy, micrograd / makemore lecture notes: .grad, dlogits, probs, typed
C(S, "W", N, "dlogits = (probs − onehot(Y)) / m   (makemore: probs = P)\ndW = Xᵀ @ dlogits", oracle=SW, style="karpathy-makemore-dlogits-onehot-softmax-W")
C(S, "W", N, "dlogits = probs − Y, probs = P\ndW = Xᵀ @ dlogits", "scale-factor", oracle="X.T @ (P - Y)", style="karpathy-makemore-dlogits-no-mean-softmax-W")
C(S, "b", N, "dlogits = (P − Y)/m; db = dlogits.sum(0, keepdims=True)", oracle=SB, style="karpathy-makemore-db-sum0-softmax-b")
C(S, "b", N, "dlogits = (P − Y)/m; db = dlogits.sum(1, keepdims=True)", "*", style="karpathy-makemore-db-sum1-softmax-b", note="sums the classes: m × 1 (no oracle: a shape error)")
C(E, "w", N, "O.grad = O − t\nz.grad = O·(1 − O)·O.grad\nw.grad = x·z.grad", oracle=EW, style="karpathy-micrograd-dot-grad-neuron-w")
C(E, "w", N, "O.grad = O − t\nz.grad = (1 − O²)·O.grad\nw.grad = x·z.grad", "wrong-activation-derivative", oracle="(O - t) * (1 - O ** 2) * x", style="karpathy-micrograd-tanh-grad-on-sigmoid-neuron-w")
C(CH, "x", N, "v.grad = 2v; u.grad = v.grad; x.grad = w · u.grad", oracle="2 * v * w", style="karpathy-micrograd-chain-x")
C(CH, "w", N, "v.grad = 2v; u.grad = v.grad; w.grad = x · u.grad", oracle="2 * v * x", style="karpathy-micrograd-chain-w")
C(CH, "w", N, "v.grad = 2v; u.grad = v.grad; w.grad = w · u.grad", "*", oracle="2 * v * w", style="karpathy-micrograd-chain-w-own-weight")
C(T, "W1", N, "dh = (y_pred − y_target) @ W2ᵀ\ndh_raw = h·(1 − h)·dh\ndW1 = Xᵀ @ dh_raw", oracle=TW1, style="karpathy-makemore-dh-raw-tiny-W1")
C(T, "W1", N, "dh = (y_pred − y_target) @ W2ᵀ\ndh_raw = (1 − h²)·dh\ndW1 = Xᵀ @ dh_raw", "wrong-activation-derivative", oracle="X.T @ ((y_pred - y_target) * W2.T * (1 - h ** 2))", style="karpathy-makemore-tanh-prime-on-sigmoid-tiny-W1")
C(R, "w1", N, "dh_relu = 2(y_pred − y) @ w2ᵀ\ndh = (h > 0) · dh_relu\ndw1 = xᵀ @ dh", oracle=RW1, style="karpathy-makemore-relu-mask-w1")

# ================================================================ Unicode maths pasted from Word / OneNote (𝑊, 𝜎, ⊙, ∘, ·, ×)
C(M, "W2", N, "∂𝐿/∂𝑊₂ = (1/𝑚) 𝐴₁ᵀ(𝐴₂ − 𝑌)", oracle=W2R, style="word-math-italic-mlp-W2")
C(M, "W2", N, "∂𝐿/∂𝑊₂ = 𝐴₁ᵀ(𝐴₂ − 𝑌)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="word-math-italic-mlp-W2-no-mean")
C(E, "w", N, "∂𝐿/∂𝑤 = (𝑂 − 𝑡) · 𝑂 · (1 − 𝑂) · 𝑥", oracle=EW, style="word-math-italic-middle-dot-neuron-w")
C(E, "w", N, "∂𝐿/∂𝑤 = (𝑡 − 𝑂) · 𝑂 · (1 − 𝑂) · 𝑥", "sign", oracle=f"-{EW}", style="word-math-italic-middle-dot-neuron-w-sign")
C(T, "W1", N, "∂𝐿/∂𝑊₁ = 𝑋ᵀ[((𝑦_pred − 𝑦_target)𝑊₂ᵀ) ⊙ 𝜎′(ℎ_raw)]", oracle=TW1, style="word-math-italic-sigma-prime-tiny-W1")
C(T, "W1", N, "∂𝐿/∂𝑊₁ = 𝑋ᵀ[((𝑦_pred − 𝑦_target)𝑊₂ᵀ) ⊙ 𝜎(ℎ_raw)]", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="word-math-italic-sigma-not-prime-tiny-W1")
C(S, "W", N, "∂L/∂W = Xᵀ × (P − Y) ÷ m", oracle=SW, style="word-times-divide-softmax-W")
C(S, "W", N, "∂L/∂W = Xᵀ × (P − Y) ÷ k", "scale-factor", oracle="X.T @ (P - Y) / k", style="word-times-divide-softmax-W-k", note="k is the class count, not the batch size m")
C(M, "W1", N, "∂L/∂W₁ = Xᵀ · [((A₂ − Y) · W₂ᵀ) ∘ 𝟙(Z₁ > 0)] / m", oracle=W1R, style="word-middle-dot-circ-double-struck-one-mlp-W1")
C(M, "W1", N, "∂L/∂W₁ = Xᵀ · [((A₂ − Y) · W₂ᵀ) ∘ A₁ ∘ (1 − A₁)] / m", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T * A1 * (1 - A1)) / m", style="word-mlp-W1-sigmoid-prime-on-relu")
C(R, "w2", N, "∂𝐿/∂𝑤₂ = 2 ℎ_reluᵀ (𝑦_pred − 𝑦)", oracle=RW2, style="word-math-italic-relu-w2")
C(A, "W_v", N, "∂𝐿/∂𝑊_𝑣 = 𝑋ᵀ𝐴ᵀ · 2(𝑂 − 𝑇)/(𝑛𝑑)", oracle=AWV, style="word-math-italic-attention-Wv")
C(B, "beta", N, "∂𝐿/∂𝛽 = (2/(𝑚𝑛)) · 𝟏ᵀ(𝑌 − 𝑇)", oracle=BNB, style="word-math-italic-bold-one-batchnorm-beta")
C(B, "beta", N, "∂𝐿/∂𝛽 = (2/(𝑚𝑛)) · 𝟏ᵀ(𝑇 − 𝑌)", "sign", oracle=f"-{BNB}", style="word-math-italic-batchnorm-beta-sign")

# ================================================================ Obsidian / Typora exports: align*, callouts, \left(\right), \operatorname{diag}
C(M, "W2", L, "$$\n\\begin{align*}\n\\mathrm{d}Z_2 &= \\frac{1}{m}\\left(A_2 - Y\\right) \\\\\n\\frac{\\partial L}{\\partial W_2} &= A_1^\\top \\, \\mathrm{d}Z_2\n\\end{align*}\n$$", oracle=W2R, style="typora-align-star-dZ2-mlp-W2")
C(M, "W2", L, "$$\n\\begin{align*}\n\\mathrm{d}Z_2 &= \\left(A_2 - Y\\right) \\\\\n\\frac{\\partial L}{\\partial W_2} &= A_1^\\top \\, \\mathrm{d}Z_2\n\\end{align*}\n$$", "scale-factor", oracle="A1.T @ (A2 - Y)", style="typora-align-star-dZ2-mlp-W2-no-mean")
C(M, "b2", L, "> [!note] 答案\n> $$\\frac{\\partial L}{\\partial b_2} = \\frac{1}{m}\\mathbf{1}^\\top\\left(A_2 - Y\\right)$$", oracle=B2R, lang=Z, style="obsidian-callout-ones-mlp-b2")
C(M, "b2", L, "> [!note] 答案\n> $$\\frac{\\partial L}{\\partial b_2} = \\frac{1}{m}\\left(A_2 - Y\\right)$$", "bias-not-summed", oracle="(A2 - Y) / m", lang=Z, style="obsidian-callout-mlp-b2-unsummed")
C(E, "w", L, r"\frac{\partial L}{\partial w} = \left(O - t\right)\operatorname{diag}\left(O \odot (1 - O)\right) x", oracle=EW, style="typora-operatorname-diag-neuron-w", note="a 1 × 1 diag: the scalar itself")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^\top\left[\left(y_{\mathrm{pred}} - y_{\mathrm{target}}\right) W_2^\top \operatorname{diag}\left(h \odot (1 - h)\right)\right]", oracle=TW1, style="typora-operatorname-diag-tiny-W1", note="one example: the row times diag of σ' is the element-wise product")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = X^\top\left[\left(y_{\mathrm{pred}} - y_{\mathrm{target}}\right) W_2^\top \operatorname{diag}\left(h\right)\right]", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="typora-operatorname-diag-tiny-W1-half-prime")
C(S, "b", L, "$$\n\\begin{align*}\n\\frac{\\partial L}{\\partial b} &= \\frac{1}{m}\\,\\mathbf{1}^\\top\\left(P - Y\\right) && \\text{(sum over the batch)}\n\\end{align*}\n$$", oracle=SB, style="typora-align-star-tag-text-softmax-b")
C(S, "b", L, "$$\n\\begin{align*}\n\\frac{\\partial L}{\\partial b} &= \\frac{1}{m}\\left(P - Y\\right)\\mathbf{1} && \\text{(sum over the batch)}\n\\end{align*}\n$$", "*", style="typora-align-star-softmax-b-wrong-side", note="sums over classes: m × 1 (no oracle)")
C(R, "w1", L, "## Q3\n\n$$\\frac{\\partial L}{\\partial w_1} = x^\\top\\left(\\left(2\\left(y_{pred} - y\\right) w_2^\\top\\right) \\odot \\left[h > 0\\right]\\right)$$", oracle=RW1, style="obsidian-heading-iverson-left-right-relu-w1")
C(R, "w1", L, "## Q3\n\n$$\\frac{\\partial L}{\\partial w_1} = x^\\top\\left(\\left(2\\left(y_{pred} - y\\right) w_2^\\top\\right) \\odot \\left[h > 0\\right]\\right) + w_1$$", "*", oracle=f"{RW1} + w1", style="obsidian-relu-w1-extra-weight-term")
C(R2, "W_x", L, "$$\n\\begin{aligned}\n\\delta_2 &= (h_2 - y) \\odot \\left(1 - h_2^{2}\\right) \\\\\n\\delta_1 &= \\left(\\delta_2 W_h^\\top\\right) \\odot \\left(1 - h_1^{2}\\right) \\\\\n\\frac{\\partial L}{\\partial W_x} &= x_2^\\top\\delta_2 + x_1^\\top\\delta_1\n\\end{aligned}\n$$", oracle=f"x_2.T @ {RD2} + x_1.T @ {RD1}", style="typora-aligned-rnn-Wx")
C(R2, "W_x", L, "$$\n\\begin{aligned}\n\\delta_2 &= (h_2 - y) \\odot \\left(1 - h_2^{2}\\right) \\\\\n\\frac{\\partial L}{\\partial W_x} &= x_2^\\top\\delta_2\n\\end{aligned}\n$$", "*", oracle=f"x_2.T @ {RD2}", style="typora-aligned-rnn-Wx-first-step-only")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^\top\left[\left(1 - Y\right) \odot A_2 - w\,Y \odot \left(1 - A_2\right)\right]", oracle=f"A1.T @ {WDZ2}", style="typora-left-right-weighted-W2")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m}A_1^\top\left[\left(1 - Y\right) \odot A_2 - Y \odot \left(1 - A_2\right)\right]", "*", oracle=W2R, style="typora-left-right-weighted-W2-weight-dropped")
C(MW, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{m}\mathbf{1}^\top\left[\left(1 - Y\right) \odot A_2 - w\,Y \odot \left(1 - A_2\right)\right]", oracle=f"np.sum({WDZ2}, axis=0, keepdims=True)", style="typora-ones-weighted-b2")

# ================================================================ 吴恩达深度学习 中文笔记 (黄海广) as reposted on CSDN / 知乎: \cdot for the matrix product, * element-wise
C(M, "W2", L, r"$dZ^{[2]} = A^{[2]} - Y$，$dW^{[2]} = \frac{1}{m} A^{[1]T} \cdot dZ^{[2]}$", oracle=W2R, lang=Z, style="csdn-ng-cdot-matmul-mlp-W2")
C(M, "W2", L, r"$dZ^{[2]} = A^{[2]} - Y$，$dW^{[2]} = \frac{1}{m} dZ^{[2]} \cdot A^{[1]T}$", "*", lang=Z, style="csdn-ng-cdot-column-order-mlp-W2", note="吴恩达的列向量顺序用在行数据上：m × 1 乘 h × m，形状错误（无 oracle）")
C(M, "W1", L, r"$dZ^{[1]} = dZ^{[2]} \cdot W^{[2]T} * g^{[1]'}(Z^{[1]})$，$g^{[1]'}(z) = 1\{z > 0\}$，$dZ^{[2]} = A^{[2]} - Y$，$dW^{[1]} = \frac{1}{m} X^{T} \cdot dZ^{[1]}$", oracle=W1R, lang=Z, style="csdn-ng-star-hadamard-mlp-W1")
C(M, "W1", L, r"$dZ^{[1]} = dZ^{[2]} \cdot W^{[2]T}$，$dZ^{[2]} = A^{[2]} - Y$，$dW^{[1]} = \frac{1}{m} X^{T} \cdot dZ^{[1]}$", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", lang=Z, style="csdn-ng-mlp-W1-no-g-prime")
C(M, "b1", L, r"$db^{[1]} = \frac{1}{m}\,\mathrm{np.sum}(dZ^{[1]}, \mathrm{axis}=0)$，其中 $dZ^{[1]} = (A^{[2]} - Y) \cdot W^{[2]T} * (Z^{[1]} > 0)$", oracle=B1R, lang=Z, style="csdn-ng-np-sum-axis0-mlp-b1")
C(M, "b1", L, r"$db^{[1]} = \frac{1}{m}\,\mathrm{np.sum}(dZ^{[1]}, \mathrm{axis}=1)$，其中 $dZ^{[1]} = (A^{[2]} - Y) \cdot W^{[2]T} * (Z^{[1]} > 0)$", "*", lang=Z, style="csdn-ng-np-sum-axis1-mlp-b1", note="axis=1 是吴恩达列数据的写法，在行数据上把隐藏单元加起来了：m × 1（无 oracle）")
C(M, "b2", L, r"$db^{[2]} = \frac{1}{m}\sum dZ^{[2]}$，$dZ^{[2]} = A^{[2]} - Y$", oracle=B2R, lang=Z, style="csdn-ng-bare-sum-mlp-b2", note="b2 is 1 × 1: a bare Σ of an m × 1 column sums its rows")
C(MW, "W2", L, r"$dZ^{[2]} = (1 - Y) * A^{[2]} - w \cdot Y * (1 - A^{[2]})$，$dW^{[2]} = \frac{1}{m} A^{[1]T} \cdot dZ^{[2]}$", oracle=f"A1.T @ {WDZ2}", lang=Z, style="csdn-ng-weighted-star-cdot-W2")
C(MW, "W2", L, r"$dZ^{[2]} = (1 - Y) * A^{[2]} - w \cdot Y * (1 - A^{[2]})$，$dW^{[2]} = A^{[1]T} \cdot dZ^{[2]}$", "scale-factor", oracle=f"A1.T @ {WDZ2} * m", lang=Z, style="csdn-ng-weighted-W2-no-mean")
C(S, "W", L, r"知乎上的推导：$\frac{\partial L}{\partial W} = \frac{1}{m} X^T \cdot (\hat{Y} - Y)$，$\hat{Y} = P$", oracle=SW, lang=Z, style="zhihu-cdot-yhat-softmax-W")
C(S, "W", L, r"知乎上的推导：$\frac{\partial L}{\partial W} = \frac{1}{m} X^T * (\hat{Y} - Y)$，$\hat{Y} = P$", oracle=SW, lang=Z, style="zhihu-star-as-matmul-softmax-W", note="relabelled after the first pass (my label was wrong): the project reads LaTeX's * as element-wise where the shapes fit and as a matrix product where they do not (latexin.STAR, documented) — n × m * m × k is the product, the right answer")
C(E, "w", L, r"$\frac{\partial L}{\partial w} = (O - t) * O * (1 - O) \cdot x$（链式法则）", oracle=EW, lang=Z, style="zhihu-star-cdot-mix-neuron-w")
C(E, "w", L, r"$\frac{\partial L}{\partial w} = (O - t) * (1 - O) \cdot x$（链式法则）", "*", oracle="(O - t) * (1 - O) * x", lang=Z, style="zhihu-star-cdot-neuron-w-half-prime")
C(T, "W2", L, r"$\frac{\partial L}{\partial W_2} = h^T \cdot (y_{pred} - y_{target})$，单样本", oracle=TW2, lang=Z, style="zhihu-cdot-tiny-W2")
C(T, "W2", L, r"$\frac{\partial L}{\partial W_2} = h^T \cdot (y_{pred} - y_{target}) \cdot h \cdot (1 - h)$，单样本", "*", lang=Z, style="zhihu-cdot-tiny-W2-extra-sigma-prime", note="the linear output has no σ': 3 × 1 times 1 × 3 … a shape error or a wrong value (no oracle)")
C(R, "w2", L, r"$\frac{\partial L}{\partial w_2} = 2 \cdot h_{relu}^T \cdot (y_{pred} - y)$", oracle=RW2, lang=Z, style="zhihu-cdot-relu-w2")
C(R, "w2", L, r"$\frac{\partial L}{\partial w_2} = 2 \cdot h^T \cdot (y_{pred} - y)$", "*", oracle="2 * h.T @ (y_pred - y)", lang=Z, style="zhihu-cdot-relu-w2-pre-activation", note="h 是 ReLU 之前的值，应为 h_relu")

# ================================================================ 李沐《动手学深度学习》中文版 §4.7 反向传播: prod, \mathbf{W}^{(2)}, \phi'
C(T, "W2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \text{prod}\left(\frac{\partial J}{\partial \mathbf{o}}, \frac{\partial \mathbf{o}}{\partial \mathbf{W}^{(2)}}\right) = \mathbf{h}^\top (\mathbf{o} - y_{\mathrm{target}})$，这里 $\mathbf{o} = y_{\mathrm{pred}}$，$\mathbf{W}^{(2)} = W_2$", oracle=TW2, lang=Z, style="d2lzh-prod-h-top-o-tiny-W2")
C(T, "W2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \text{prod}\left(\frac{\partial J}{\partial \mathbf{o}}, \frac{\partial \mathbf{o}}{\partial \mathbf{W}^{(2)}}\right) = \mathbf{h}^\top (y_{\mathrm{target}} - \mathbf{o})$，这里 $\mathbf{o} = y_{\mathrm{pred}}$，$\mathbf{W}^{(2)} = W_2$", "sign", oracle=f"-({TW2})", lang=Z, style="d2lzh-prod-tiny-W2-sign")
C(T, "W1", L, r"$\frac{\partial J}{\partial \mathbf{z}} = \frac{\partial J}{\partial \mathbf{h}} \odot \phi'(\mathbf{z})$，$\frac{\partial J}{\partial \mathbf{h}} = (y_{\mathrm{pred}} - y_{\mathrm{target}})\mathbf{W}_2^\top$，$\phi'(\mathbf{z}) = \mathbf{h} \odot (1 - \mathbf{h})$，$\mathbf{z} = h_{\mathrm{raw}}$，$\frac{\partial J}{\partial \mathbf{W}_1} = \mathbf{X}^\top \frac{\partial J}{\partial \mathbf{z}}$", oracle=TW1, lang=Z, style="d2lzh-phi-prime-z-clause-tiny-W1")
C(T, "W1", L, r"$\frac{\partial J}{\partial \mathbf{z}} = \frac{\partial J}{\partial \mathbf{h}}$，$\frac{\partial J}{\partial \mathbf{h}} = (y_{\mathrm{pred}} - y_{\mathrm{target}})\mathbf{W}_2^\top$，$\mathbf{z} = h_{\mathrm{raw}}$，$\frac{\partial J}{\partial \mathbf{W}_1} = \mathbf{X}^\top \frac{\partial J}{\partial \mathbf{z}}$", "*", oracle="X.T @ ((y_pred - y_target) * W2.T)", lang=Z, style="d2lzh-phi-prime-dropped-tiny-W1", note="φ' 被漏掉：z 不是 h（错误的局部导数 1）")
C(R, "w1", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \mathbf{x}^\top \left(\frac{\partial J}{\partial \mathbf{h}} \odot \phi'(\mathbf{z})\right)$，$\phi = \operatorname{ReLU}$，$\mathbf{z} = h$，$\frac{\partial J}{\partial \mathbf{h}} = 2(y_{\mathrm{pred}} - y)\mathbf{W}^{(2)\top}$，$\mathbf{W}^{(1)} = w_1$，$\mathbf{W}^{(2)} = w_2$", "*", lang=Z, style="d2lzh-phi-relu-clauses-relu-w1", note="relabelled wrong after the first pass (my label was wrong): the answer says z = h, the network's h (the pre-activation), and then defines ∂J/∂h = 2(ŷ − y)W^{(2)⊤} — under issue 11's item 1 (Leibniz notation means what it says) that is the network's ∂L/∂h, which the clause gets wrong (the ReLU's slope is missing); the final product happens to equal ∂L/∂w1 (relu' ⊙ relu' = relu')")
C(S, "W", L, r"对于 softmax 回归，$\partial_{\mathbf{W}} l = \frac{1}{m}\mathbf{X}^\top(\operatorname{softmax}(\mathbf{O}) - \mathbf{Y})$，$\mathbf{O} = Z$", oracle=SW, lang=Z, style="d2lzh-partial-subscript-softmax-W")
C(S, "W", L, r"对于 softmax 回归，$\partial_{\mathbf{W}} l = \mathbf{X}^\top(\operatorname{softmax}(\mathbf{O}) - \mathbf{Y})$，$\mathbf{O} = Z$", "scale-factor", oracle="X.T @ (P - Y)", lang=Z, style="d2lzh-partial-subscript-softmax-W-no-mean")

# ================================================================ 邱锡鹏 课件 (nndl.github.io slides): δ^{(l)}, \mathbf{a}^{(l-1)}, f_l'
C(M, "W2", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{(2)}} = \frac{1}{m}\mathbf{a}^{(1)\top}\delta^{(2)}$，$\delta^{(2)} = \mathbf{a}^{(2)} - \mathbf{y}$，$\mathbf{a}^{(1)} = A_1$，$\mathbf{a}^{(2)} = A_2$，$\mathbf{y} = Y$", oracle=W2R, lang=Z, style="qiu-slides-a-l-clauses-mlp-W2")
C(M, "W2", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{(2)}} = \frac{1}{m}\mathbf{a}^{(1)\top}\delta^{(2)}$，$\delta^{(2)} = \mathbf{y} - \mathbf{a}^{(2)}$，$\mathbf{a}^{(1)} = A_1$，$\mathbf{a}^{(2)} = A_2$，$\mathbf{y} = Y$", "sign", oracle=f"-{W2R}", lang=Z, style="qiu-slides-a-l-clauses-mlp-W2-sign")
C(M, "W1", L, r"$\delta^{(1)} = f_1'(\mathbf{z}^{(1)}) \odot \left(\delta^{(2)}\mathbf{W}^{(2)\top}\right)$，$f_1 = \operatorname{ReLU}$，$\mathbf{z}^{(1)} = Z_1$，$\delta^{(2)} = A_2 - Y$，$\mathbf{W}^{(2)} = W_2$，$\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{(1)}} = \frac{1}{m}\mathbf{x}^{\top}\delta^{(1)}$，$\mathbf{x} = X$", oracle=W1R, lang=Z, style="qiu-slides-f-relu-clauses-mlp-W1")
C(M, "W1", L, r"$\delta^{(1)} = f_1'(\mathbf{z}^{(1)}) \odot \left(\delta^{(2)}\mathbf{W}^{(2)\top}\right)$，$f_1 = \operatorname{ReLU}$，$\mathbf{z}^{(1)} = Z_1$，$\delta^{(2)} = A_2 - Y$，$\mathbf{W}^{(2)} = W_2$，$\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{(1)}} = \mathbf{x}^{\top}\delta^{(1)}$，$\mathbf{x} = X$", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", lang=Z, style="qiu-slides-f-relu-clauses-mlp-W1-no-mean")
C(E, "w", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{w}} = \delta\,\mathbf{x}$，$\delta = \sigma'(z)(O - t)$，$\sigma'(z) = \sigma(z)(1 - \sigma(z))$", oracle=EW, lang=Z, style="qiu-slides-sigma-prime-defined-neuron-w")
C(E, "w", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{w}} = \delta\,\mathbf{x}$，$\delta = \sigma'(z)(O - t)$，$\sigma'(z) = 1 - \sigma(z)$", "*", oracle="(O - t) * (1 - O) * x", lang=Z, style="qiu-slides-sigma-prime-half-neuron-w")
C(B, "beta", L, r"$\frac{\partial \mathcal{L}}{\partial \boldsymbol{\beta}} = \frac{2}{mn}\sum_{i=1}^{m}(\mathbf{Y} - \mathbf{T})_{i,:}$", oracle=BNB, lang=Z, style="qiu-slides-sum-row-slices-batchnorm-beta")
C(B, "beta", L, r"$\frac{\partial \mathcal{L}}{\partial \boldsymbol{\beta}} = \frac{2}{mn}\sum_{j=1}^{n}(\mathbf{Y} - \mathbf{T})_{:,j}$", "*", lang=Z, style="qiu-slides-sum-col-slices-batchnorm-beta", note="按列求和：m × 1，β 是 1 × n（无 oracle）")
C(A, "W_v", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{W}_v} = \mathbf{X}^{\top}\mathbf{A}^{\top}\frac{\partial \mathcal{L}}{\partial \mathbf{O}}$，$\frac{\partial \mathcal{L}}{\partial \mathbf{O}} = \frac{2}{nd}(\mathbf{O} - \mathbf{T})$", oracle=AWV, lang=Z, style="qiu-slides-leibniz-O-attention-Wv")
C(A, "W_v", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{W}_v} = \mathbf{A}^{\top}\mathbf{X}^{\top}\frac{\partial \mathcal{L}}{\partial \mathbf{O}}$，$\frac{\partial \mathcal{L}}{\partial \mathbf{O}} = \frac{2}{nd}(\mathbf{O} - \mathbf{T})$", "*", lang=Z, style="qiu-slides-attention-Wv-order-swapped", note="Aᵀ Xᵀ：n × n 乘 d × n，形状错误（无 oracle）")
C(R2, "W_h", L, r"$\frac{\partial \mathcal{L}}{\partial \mathbf{W}_h} = \sum_{t=1}^{2}\mathbf{h}_{t-1}^{\top}\delta_t$，$\delta_2 = (\mathbf{h}_2 - \mathbf{y}) \odot (1 - \mathbf{h}_2^2)$，$\delta_1 = (\delta_2\mathbf{W}_h^{\top}) \odot (1 - \mathbf{h}_1^2)$", oracle=f"h_1.T @ {RD2} + h_0.T @ {RD1}", lang=Z, style="qiu-slides-bptt-sum-t-rnn-Wh")

# ================================================================ course networks no corpus used: DDPM ε-prediction (MXNet), zh
C(DD, "W2", L, r"$\frac{\partial L}{\partial W_2} = \frac{2}{Nd}\,\mathrm{hid}^\top(\hat{\epsilon} - \epsilon)$，其中 $\hat{\epsilon} = \mathrm{eps\_hat}$，$\epsilon = \mathrm{noise}$", oracle=DD_W2, lang=Z, style="ddpm-zh-W2-epsilon-hat-clauses")
C(DD, "W2", L, r"$\frac{\partial L}{\partial W_2} = \frac{2}{N}\,\mathrm{hid}^\top(\hat{\epsilon} - \epsilon)$，其中 $\hat{\epsilon} = \mathrm{eps\_hat}$，$\epsilon = \mathrm{noise}$", "scale-factor", oracle=f"{DD_W2} * d", lang=Z, style="ddpm-zh-W2-mean-over-N-only", note="mx.nd.mean 对全部 N·d 个元素取平均")
C(DD, "W2", L, r"$\frac{\partial L}{\partial W_2} = \frac{2}{Nd}\,\mathrm{hid}^\top(\epsilon - \hat{\epsilon})$，其中 $\hat{\epsilon} = \mathrm{eps\_hat}$，$\epsilon = \mathrm{noise}$", "sign", oracle=f"-{DD_W2}", lang=Z, style="ddpm-zh-W2-sign")
C(DD, "W2", L, r"\nabla_{W_2}L = \frac{2}{N d}\,\mathrm{hid}^{\top}\left(\mathrm{eps\_hat} - \mathrm{noise}\right)", oracle=DD_W2, style="ddpm-W2-mathrm-escaped-underscore")
C(DD, "W2", L, r"\nabla_{W_2}L = \frac{2}{N d}\,\mathrm{xt}^{\top}\left(\mathrm{eps\_hat} - \mathrm{noise}\right)", "*", style="ddpm-W2-xt-for-hid", note="xt is N × d, W2 is h × d: the input for the hidden layer (no oracle: a shape error)")
C(DD, "W1", L, r"$\frac{\partial L}{\partial W_1} = \mathrm{xt}^\top\Big[\Big(\frac{2}{Nd}(\mathrm{eps\_hat} - \mathrm{noise})W_2^\top\Big) \odot \mathbb{1}[\mathrm{hid} > 0]\Big]$", oracle=DD_W1, lang=Z, style="ddpm-zh-W1-indicator")
C(DD, "W1", L, r"$\frac{\partial L}{\partial W_1} = \mathrm{x0}^\top\Big[\Big(\frac{2}{Nd}(\mathrm{eps\_hat} - \mathrm{noise})W_2^\top\Big) \odot \mathbb{1}[\mathrm{hid} > 0]\Big]$", "*", oracle=f"x0.T @ {DD_H}", lang=Z, style="ddpm-zh-W1-x0-for-xt", note="网络的输入是加噪后的 xt，不是 x0")
C(DD, "W1", L, r"$\frac{\partial L}{\partial W_1} = \mathrm{xt}^\top\Big(\frac{2}{Nd}(\mathrm{eps\_hat} - \mathrm{noise})W_2^\top\Big)$", "missing-activation-derivative", oracle=f"xt.T @ ({DD_G} @ W2.T)", lang=Z, style="ddpm-zh-W1-relu-mask-dropped")
C(DD, "W1", L, r"$\frac{\partial L}{\partial W_1} = \big(\sqrt{\bar{\alpha}}\,x_0 + \sqrt{1 - \bar{\alpha}}\,\epsilon\big)^\top\Big[\Big(\frac{2}{Nd}(\hat{\epsilon} - \epsilon)W_2^\top\Big) \odot \mathbb{1}[\mathrm{hid} > 0]\Big]$，$\bar{\alpha} = \mathrm{alpha\_bar}$，$\hat{\epsilon} = \mathrm{eps\_hat}$，$\epsilon = \mathrm{noise}$", oracle=DD_W1, lang=Z, style="ddpm-zh-W1-xt-expanded-alpha-bar")
C(DD, "b1", L, r"$\frac{\partial L}{\partial b_1} = \mathbf{1}^\top\Big[\Big(\frac{2}{Nd}(\mathrm{eps\_hat} - \mathrm{noise})W_2^\top\Big) \odot \mathbb{1}[\mathrm{hid} > 0]\Big]$", oracle=DD_B1, lang=Z, style="ddpm-zh-b1-ones")
C(DD, "b1", L, r"$\frac{\partial L}{\partial b_1} = \Big(\frac{2}{Nd}(\mathrm{eps\_hat} - \mathrm{noise})W_2^\top\Big) \odot \mathbb{1}[\mathrm{hid} > 0]$", "bias-not-summed", oracle=DD_H, lang=Z, style="ddpm-zh-b1-unsummed")
C(DD, "W2", N, "dW2 = hidᵀ · 2(eps_hat − noise)/(N·d)（均方误差对所有元素平均）", oracle=DD_W2, lang=Z, style="ddpm-zh-typed-W2-remark")
C(DD, "W2", N, "dW2 = hidᵀ · 2(eps_hat − noise)/(N·h)", "scale-factor", oracle=f"{DD_W2} * d / h", lang=Z, style="ddpm-zh-typed-W2-wrong-size", note="h 是隐藏层宽度，应除以 N·d")
C(DD, "b1", N, "∂L/∂b1 = 𝟏ᵀ[(2(eps_hat − noise)/(N·d) · W2ᵀ) ⊙ (hid > 0)]", oracle=DD_B1, lang=Z, style="ddpm-zh-typed-b1-bold-one")

# ================================================================ Koopman autoencoder (JAX), en
C(KP, "Wd", L, r"\frac{\partial L}{\partial W_d} = \frac{2a_1}{Nn}\,g_0^\top(g_0W_d - x_0) + \frac{2}{Nn}\,(g_0K)^\top(g_0KW_d - x_1)", oracle=KP_WD, style="koopman-Wd-two-terms")
C(KP, "Wd", L, r"\frac{\partial L}{\partial W_d} = \frac{2a_1}{Nn}\,g_0^\top(g_0W_d - x_0) + \frac{2}{Nk}\,(g_0K)^\top(g_0KW_d - x_1)", "*", oracle=f"{KP_R} + 2 / (N * k) * (g0 @ K).T @ (g0 @ K @ Wd - x1)", style="koopman-Wd-pred-term-over-k", note="pred averages N × n entries, not N × k")
C(KP, "Wd", L, r"\frac{\partial L}{\partial W_d} = \frac{2a_1}{Nn}\,g_0^\top(g_0W_d - x_0)", "*", oracle=KP_R, style="koopman-Wd-pred-term-dropped")
C(KP, "Wd", L, r"\frac{\partial L}{\partial W_d} = \frac{2a_1}{Nn}\,g_0^\top(g_0W_d - x_0) + \frac{2}{Nn}\,K^\top g_0^\top(g_0KW_d - x_1)", oracle=KP_WD, style="koopman-Wd-transpose-of-product-expanded")
C(KP, "Wd", L, r"\frac{\partial L}{\partial W_d} = \frac{2a_1}{Nn}\,g_0^\top(g_0W_d - x_0) + \frac{2}{Nn}\,g_0^\top K^\top(g_0KW_d - x_1)", "*", style="koopman-Wd-transpose-order-wrong", note="(g0 K)ᵀ = Kᵀ g0ᵀ; g0ᵀ Kᵀ is k × N times k × k: a shape error (no oracle)")
C(KP, "K", L, r"\frac{\partial L}{\partial K} = \frac{2a_2}{Nk}\,g_0^\top(g_0K - g_1) + \frac{2}{Nn}\,g_0^\top(g_0KW_d - x_1)W_d^\top", oracle=KP_K, style="koopman-K-two-terms")
C(KP, "K", L, r"\frac{\partial L}{\partial K} = \frac{2a_2}{Nn}\,g_0^\top(g_0K - g_1) + \frac{2}{Nn}\,g_0^\top(g_0KW_d - x_1)W_d^\top", "*", oracle=f"2 * a2 / (N * n) * g0.T @ (g0 @ K - g1) + {KP_PK}", style="koopman-K-lin-term-over-n", note="lin averages N × k entries")
C(KP, "K", L, r"\frac{\partial L}{\partial K} = \frac{2a_2}{Nk}\,g_0^\top(g_0K - g_1) + \frac{2}{Nn}\,g_0^\top(g_0KW_d - x_1)", "*", style="koopman-K-Wd-transpose-dropped", note="k × n, K is k × k (no oracle: a shape error)")
C(KP, "K", L, r"\frac{\partial L}{\partial K} = \frac{2a_2}{Nk}\,g_0^\top(g_1 - g_0K) + \frac{2}{Nn}\,g_0^\top(g_0KW_d - x_1)W_d^\top", "*", oracle=f"-{KP_L} + {KP_PK}", style="koopman-K-lin-term-sign")
C(KP, "K", N, "dK = 2·a2/(N·k) · g0ᵀ(g0 K − g1) + 2/(N·n) · g0ᵀ(g0 K Wd − x1) Wdᵀ", oracle=KP_K, style="koopman-typed-K")
C(KP, "K", N, "dK = 2·a2/(N·k) · g0ᵀ(g0 K − g1) + 2/(N·n) · g0ᵀ(g0 K Wd − x1) Wdᵀ + 2·a1/(N·n) · g0ᵀ(g0 Wd − x0)", "*", style="koopman-typed-K-recon-term-added", note="recon does not depend on K; k × n added to k × k (no oracle: a shape error)")
C(KP, "Wd", L, r"\nabla_{\boldsymbol{W}_d}\mathcal{L} = a_1\,\frac{\partial\,\mathrm{recon}}{\partial W_d} + \frac{\partial\,\mathrm{pred}}{\partial W_d}, \quad \frac{\partial\,\mathrm{recon}}{\partial W_d} = \frac{2}{Nn}g_0^\top(g_0W_d - x_0), \quad \frac{\partial\,\mathrm{pred}}{\partial W_d} = \frac{2}{Nn}(g_0K)^\top(g_0KW_d - x_1)", oracle=KP_WD, style="koopman-Wd-leibniz-of-terms")
C(KP, "Wd", N, "∇_Wd L = a1·(2/(N·n))·g0ᵀ(g0 Wd − x0) + (2/(N·n))·(g0 K)ᵀ(g0 K Wd − x1)", oracle=KP_WD, style="koopman-typed-Wd")
C(KP, "Wd", N, "∇_Wd L = a1·(2/N)·g0ᵀ(g0 Wd − x0) + (2/N)·(g0 K)ᵀ(g0 K Wd − x1)", "scale-factor", oracle=f"({KP_WD}) * n", style="koopman-typed-Wd-mean-over-N-only")

# ================================================================ Taylor cross-entropy, third order (MindSpore), zh
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big]$，其中 $q = 1 - p_t$，$p_t = \sum_c p_c Y_c$", oracle=TC_W, lang=Z, style="taylor-zh-W-general-form")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[(1 + q) \odot p \odot (p_t - Y)\Big]$，其中 $q = 1 - p_t$", "*", oracle="x.T @ ((1 + q)[:, None] * p * (p_t[:, None] - Y) / N)", lang=Z, style="taylor-zh-W-q-cubed-term-dropped", note="q³/3 的导数 q² 被漏掉")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = x^\top\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big]$，其中 $q = 1 - p_t$", "scale-factor", oracle=f"{TC_W} * N", lang=Z, style="taylor-zh-W-no-mean")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[(1 + q + q^2) \odot p \odot (Y - p_t)\Big]$，其中 $q = 1 - p_t$", "sign", oracle=f"-{TC_W}", lang=Z, style="taylor-zh-W-sign")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\operatorname{diag}(1 + q + q^2)\Big[p \odot (p_t\mathbf{1}^\top - Y)\Big]$", oracle=TC_W, lang=Z, style="taylor-zh-W-diag-ones-outer")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[\big(1 + (1 - p_t) + (1 - p_t)^2\big) \odot p \odot (p_t - Y)\Big]$", oracle=TC_W, lang=Z, style="taylor-zh-W-q-expanded")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[(1 + q + q^2) \odot p_t \odot (p - Y)\Big]$（one-hot 标签时）", oracle="x.T @ ((1 + q + q ** 2)[:, None] * p_t[:, None] * (p - Y) / N)", lang=Z, style="taylor-zh-W-one-hot-form", note="relabelled right after the first pass (my label was wrong): Y picks one probability per row (ops.sum(p * Y, dim=1)) and its given rows are one-hot, so the project reads it as one-hot labels (checknet.implied_one_hot, heldcheck33's picking targets) — unlike heldtex47's ring loss, whose label feeds a cross-entropy")
C(TC, "b", L, r"$\frac{\partial L}{\partial b} = \frac{1}{N}\mathbf{1}^\top\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big]$", oracle=TC_B, lang=Z, style="taylor-zh-b-ones")
C(TC, "b", L, r"$\frac{\partial L}{\partial b} = \frac{1}{N}\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big]$", "bias-not-summed", oracle=TC_G, lang=Z, style="taylor-zh-b-unsummed")
C(TC, "b", L, r"$\frac{\partial L}{\partial b} = \frac{1}{N}\sum_{i=1}^{N}(1 + q_i + q_i^2)\,p_i \odot (p_{t,i} - Y_i)$", oracle=TC_B, lang=Z, style="taylor-zh-b-sum-i-rows")
C(TC, "W", N, "∂L/∂W = xᵀ[(1 + q + q²) ⊙ p ⊙ (p_t − Y)] / N，q = 1 − p_t", oracle=TC_W, lang=Z, style="taylor-zh-typed-W")
C(TC, "W", N, "∂L/∂W = xᵀ[(1 + q + q²) ⊙ p ⊙ (p_t − Y)] / C，q = 1 − p_t", "scale-factor", lang=Z, style="taylor-zh-typed-W-over-C", note="ops.mean 对 N 个样本平均，不是 C 个类别；示例中 N = C = 3，数值相同（无 oracle：只能在其它尺寸下区分）")
C(TC, "b", N, "∂L/∂b = Σᵢ[(1 + qᵢ + qᵢ²) pᵢ ⊙ (p_tᵢ − Yᵢ)] / N", oracle=TC_B, lang=Z, style="taylor-zh-typed-b-sum-i")

# ================================================================ KTO loss (TRL style), en
KTL = r"\big((1 - \mathrm{desirable})\lambda_u - \mathrm{desirable}\,\lambda_d\big)"
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \big(1 - \sigma(xW)\big)\Big]", oracle=KT_W, style="kto-W-full")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \big(1 - \sigma(xW)\big)\Big]", "*", oracle=f"{KT_W} / beta", style="kto-W-beta-dropped")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \sigma(xW)\Big]", "*", oracle=f"x.T @ ({KT_DR} * beta * sigmoid(x @ W))", style="kto-W-logsigmoid-prime-flipped", note="d/dz log σ(z) = 1 − σ(z), not σ(z)")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[-\big((1 - \mathrm{desirable})\lambda_u + \mathrm{desirable}\,\lambda_d\big) \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \big(1 - \sigma(xW)\big)\Big]", "*", oracle=f"x.T @ (-((1 - desirable) * lambda_u + desirable * lambda_d) * {KT_S} / N * beta * (1 - sigmoid(x @ W)))", style="kto-W-undesirable-sign")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \beta\,x^\top\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \big(1 - \sigma(xW)\big)\Big]", "scale-factor", oracle=f"{KT_W} * N", style="kto-W-no-mean")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = x^\top\Big(\frac{\partial L}{\partial\,\mathrm{rewards}} \odot \beta\,\big(1 - \sigma(xW)\big)\Big), \quad \frac{\partial L}{\partial\,\mathrm{rewards}} = \frac{1}{N}" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0)\,\sigma(z_0 - \mathrm{rewards})", oracle=KT_W, style="kto-W-leibniz-rewards-sigma-both-sides")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[" + KTL + r" \odot \sigma'(\mathrm{rewards} - z_0) \odot \sigma(-xW)\Big]", oracle=KT_W, style="kto-W-sigma-prime-sigma-minus")
C(KT, "W", L, r"\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[\big((1 - \mathrm{desirable})\lambda_d - \mathrm{desirable}\,\lambda_u\big) \odot \sigma'(\mathrm{rewards} - z_0) \odot \sigma(-xW)\Big]", "*", oracle=f"x.T @ (((1 - desirable) * lambda_d - desirable * lambda_u) * {KT_S} / N * beta * (1 - sigmoid(x @ W)))", style="kto-W-lambdas-swapped")
C(KT, "W", N, "∂L/∂W = (β/N)·xᵀ[((1 − desirable)·lambda_u − desirable·lambda_d) ⊙ σ(rewards − z0) ⊙ (1 − σ(rewards − z0)) ⊙ (1 − σ(x W))]", oracle=KT_W, style="kto-typed-W")
C(KT, "W", N, "∂L/∂W = (β/N)·xᵀ[((1 − desirable)·lambda_u − desirable·lambda_d) ⊙ σ(rewards − z0) ⊙ (1 − σ(rewards − z0)) ⊙ (1 − σ(policy_logps))]", "*", oracle=f"x.T @ ({KT_DR} * beta * (1 - sigmoid(policy_logps)))", style="kto-typed-W-sigma-of-logps", note="σ of log σ(xW), not of xW")

# ================================================================ squeeze / unsqueeze head (PyTorch), en + zh
C(SQ, "v", L, r"\frac{\partial L}{\partial v} = \frac{2}{N}X^\top\big[(z - y) \odot (1 - z^2)\big] + \frac{0.2}{N}X^\top(Xv + c)", oracle=SQ_V, style="squeeze-v-two-terms-s-expanded")
C(SQ, "v", L, r"\frac{\partial L}{\partial v} = \frac{2}{N}X^\top\big[(z - y) \odot (1 - z^2)\big]", "*", oracle="2 / N * X.T @ ((z - y) * (1 - z ** 2))", style="squeeze-v-penalty-dropped")
C(SQ, "v", L, r"\frac{\partial L}{\partial v} = \frac{2}{N}X^\top\big[(z - y) \odot (1 - z^2)\big] + \frac{0.1}{N}X^\top(Xv + c)", "*", oracle="2 / N * X.T @ ((z - y) * (1 - z ** 2)) + 0.1 / N * X.T @ s[:, None]", style="squeeze-v-penalty-half")
C(SQ, "v", L, r"\frac{\partial L}{\partial v} = \frac{2}{N}X^\top(z - y) + \frac{0.2}{N}X^\top(Xv + c)", "*", oracle="2 / N * X.T @ (z - y) + 0.2 / N * X.T @ s[:, None]", style="squeeze-v-tanh-prime-dropped")
C(SQ, "v", L, r"\frac{\partial L}{\partial v} = \frac{2}{N}X^\top\big[(z - y) \odot (1 - z^2)\big] + \frac{0.2}{N}X^\top s", oracle=SQ_V, style="squeeze-v-s-one-d")
C(SQ, "c", L, r"\frac{\partial L}{\partial c} = \frac{0.2}{N}\sum_{i=1}^{N} s_i", oracle=SQ_C, style="squeeze-c-sum-s-i")
C(SQ, "c", L, r"\frac{\partial L}{\partial c} = \frac{0.2}{N}\sum_{i=1}^{N} s_i + \frac{2}{N}\sum_{i=1}^{N}(z_i - y_i)(1 - z_i^2)", "*", oracle=f"{SQ_C} + 2 / N * np.sum((z - y) * (1 - z ** 2))", style="squeeze-c-mse-term-added", note="z = tanh(Xv) has no c")
C(SQ, "c", L, r"\frac{\partial L}{\partial c} = \frac{0.2}{N}\,\mathbf{1}^\top(Xv + c)", oracle=SQ_C, style="squeeze-c-ones-expanded")
C(SQ, "c", L, r"\frac{\partial L}{\partial c} = \frac{0.2}{N}\,r\,\mathbf{1}", oracle=SQ_C, style="squeeze-c-r-times-ones")
C(SQ, "c", N, "∂L/∂c = 0.2·mean(s)", oracle=SQ_C, style="squeeze-typed-c-mean")
C(SQ, "c", N, "∂L/∂c = 0.1·mean(s)", "*", oracle="0.1 / N * np.sum(s)", style="squeeze-typed-c-mean-half")
C(SQ, "v", N, "∂L/∂v = (2/N)·Xᵀ[(z − y) ⊙ (1 − z²)] + (0.2/N)·Xᵀ(X v + c)", oracle=SQ_V, style="squeeze-typed-v")
C(SQ, "c", L, r"$\frac{\partial L}{\partial c} = \frac{0.2}{N}\sum_{i} s_i$，因为 $z$ 与 $c$ 无关", oracle=SQ_C, lang=Z, style="squeeze-zh-c-remark")
C(SQ, "v", L, r"$\frac{\partial L}{\partial v} = \frac{2}{N}X^\top\big[(z - y) \odot (1 - z^2)\big] + \frac{0.2}{N}X^\top(Xv + c)$（正则项来自 $r = s^\top$）", oracle=SQ_V, lang=Z, style="squeeze-zh-v-remark")
C(SQ, "v", L, r"$\frac{\partial L}{\partial v} = \frac{2}{N}X^\top\big[(z - y) \odot (1 - z^2)\big] - \frac{0.2}{N}X^\top(Xv + c)$", "*", oracle="2 / N * X.T @ ((z - y) * (1 - z ** 2)) - 0.2 / N * X.T @ s[:, None]", lang=Z, style="squeeze-zh-v-penalty-sign")

# ================================================================ hand numbers under issue 11's policy (exact values: check_oracle.exact_value, rounded by hand; fractions)
C(CH, "x", V, r"$\frac{120}{2}$", style="v48-chain-x-latex-frac", note="exact 60")
C(CH, "b", V, "$2 \\times 10^{1}$", style="v48-chain-b-latex-sci", note="exact 20")
C(CH, "b", V, "10", "*", style="v48-chain-b-half")
C(CH, "x", V, "x 的梯度为 60", lang=Z, style="zh-v48-chain-x-sentence")
C(E, "w[0,0]", V, "−6.12 × 10⁻²", style="v48-neuron-w-00-unicode-sci-3sf", note="exact −0.0612257")
C(E, "w[0,0]", V, "-0.0621", "*", style="v48-neuron-w-00-digits-swapped")
C(T, "W2[0,0]", V, "-0.1139", style="v48-tiny-W2-00", note="exact −0.113898")
C(T, "W2[0,0]", V, "W₂ 的梯度 ≈ −0.114", lang=Z, style="zh-v48-tiny-W2-00-approx-3sf")
C(T, "W2[0,0]", V, "-0.1193", "*", style="v48-tiny-W2-00-digits-swapped")
C(T, "W1[0,0]", V, "-0.01367", style="v48-tiny-W1-00", note="exact −0.0136681")
C(T, "W1[0,0]", V, "-0.01", "too-few-digits", style="v48-tiny-W1-00-one-digit")
C(M, "W2[1,0]", V, "$-8.985 \\times 10^{-3}$", style="v48-mlp-W2-10-latex-sci", note="exact −0.00898499")
C(M, "W2[1,0]", V, "$-8.985 \\times 10^{-2}$", "*", style="v48-mlp-W2-10-latex-sci-exponent-off")
C(M, "W1[0,1]", V, "0.1356", style="v48-mlp-W1-01", note="exact 0.135636")
C(M, "W1[0,1]", V, "0.1365", "*", style="v48-mlp-W1-01-digits-swapped")
C(M, "b2[0,0]", V, "6.04e-2", style="v48-mlp-b2-00-e-3sf", note="exact 0.0603782")
C(MW, "W2[0,0]", V, "-0.4236", style="v48-weighted-W2-00", note="exact −0.423631")
C(MW, "W2[0,0]", V, "-0.1412", "*", style="v48-weighted-W2-00-weight-dropped", note="a third of the exact value")
C(MW, "b2[0,0]", V, "答：$-0.3643$", lang=Z, style="zh-v48-weighted-b2-00-dollars", note="exact −0.364344")
C(R, "w2[0,0]", V, "-7479/10000", style="v48-relu-w2-00-fraction", note="exact −0.7479")
C(R, "w2[0,0]", V, "-0.7497", "*", style="v48-relu-w2-00-digits-swapped")
C(R, "w1[1,0]", V, "−1.588", style="v48-relu-w1-10", note="exact −1.58802")
C(R, "w1[1,0]", V, "1.588", "sign", style="v48-relu-w1-10-sign")
C(S, "W[1,1]", V, "0.3960", style="v48-softmax-W-11-trailing-zero", note="exact 0.395969")
C(S, "W[1,1]", V, "0.3906", "*", style="v48-softmax-W-11-digits-swapped")
C(S, "b[0,0]", V, "结果：-0.07346", lang=Z, style="zh-v48-softmax-b-00", note="exact −0.0734609")
C(B, "beta[0,0]", V, "1/10", style="v48-bn-beta-00-fraction", note="exact 0.1")
C(B, "beta[0,0]", V, r"\frac{1}{10}", style="v48-bn-beta-00-latex-frac")
C(B, "beta[0,0]", V, "1/8", "*", style="v48-bn-beta-00-fraction-off")
C(B, "gamma[0,0]", V, "0.7266", style="v48-bn-gamma-00", note="exact 0.726569")
C(R2, "W_x[1,0]", V, "0.01497", style="v48-rnn-Wx-10", note="exact 0.0149746")
C(R2, "W_x[1,0]", V, "0.01479", "*", style="v48-rnn-Wx-10-digits-swapped")
C(R2, "W_h[0,1]", V, "约 0.2192", lang=Z, style="zh-v48-rnn-Wh-01-approx", note="exact 0.219232")
C(A, "W_v[1,1]", V, "0.3761", style="v48-attention-Wv-11", note="exact 0.376075")
C(A, "W_v[1,1]", V, "0.3716", "*", style="v48-attention-Wv-11-digits-swapped")
C(A, "W_q[0,0]", V, "-3.862e-3", style="v48-attention-Wq-00", note="exact −0.00386179")
C(A, "W_q[0,0]", V, "-0.004", "too-few-digits", style="v48-attention-Wq-00-one-digit")

# ================================================================ more course-network answers (KTO, squeeze head) in notes' styles
C(KT, "W", L, r"\nabla_{\boldsymbol{W}}\mathcal{L}_{\mathrm{KTO}} = \frac{\beta}{N}\boldsymbol{x}^{\top}\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \big(1 - \sigma(\boldsymbol{x}\boldsymbol{W})\big)\Big]", oracle=KT_W, style="kto-W-goodfellow-boldsymbol")
C(KT, "W", L, r"$\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(\mathrm{rewards} - z_0)\big) \odot \big(1 - \sigma(xW)\big)\Big]$（logsigmoid 的导数是 $1 - \sigma$）", oracle=KT_W, lang=Z, style="kto-zh-W-remark")
C(KT, "W", L, r"$\frac{\partial L}{\partial W} = \frac{\beta}{N}x^\top\Big[" + KTL + r" \odot \sigma(\mathrm{rewards} - z_0) \odot \big(1 - \sigma(xW)\big)\Big]$", "*", oracle="x.T @ ((-desirable * lambda_d + (1 - desirable) * lambda_u) * sigmoid(rewards - z0) / N * beta * (1 - sigmoid(x @ W)))", lang=Z, style="kto-zh-W-sigmoid-prime-half")
C(SQ, "v", L, "$$\n\\begin{align*}\n\\frac{\\partial L}{\\partial z} &= \\frac{2}{N}(z - y) \\\\\n\\frac{\\partial L}{\\partial v} &= X^\\top\\left(\\frac{\\partial L}{\\partial z} \\odot (1 - z^2)\\right) + \\frac{0.2}{N}X^\\top(Xv + c)\n\\end{align*}\n$$", oracle=SQ_V, style="squeeze-typora-align-leibniz-z")
C(SQ, "c", L, r"\frac{\partial L}{\partial c} = 0.2\,\bar{s}, \quad \bar{s} = \frac{1}{N}\sum_{i} s_i", oracle=SQ_C, style="squeeze-c-s-bar-clause")
C(DD, "W2", L, r"$$\mathrm{d}W_2 = \mathrm{hid}^{\top}\cdot\frac{2}{N d}\left(\hat{\boldsymbol{\epsilon}}_\theta - \boldsymbol{\epsilon}\right)$$，$\hat{\boldsymbol{\epsilon}}_\theta = \mathrm{eps\_hat}$，$\boldsymbol{\epsilon} = \mathrm{noise}$", oracle=DD_W2, lang=Z, style="ddpm-zh-W2-epsilon-theta")
C(KP, "K", L, r"\frac{\partial L}{\partial K} = \frac{2a_2}{Nk}\,g_0^\top\left(g_0K - g_1\right) + \frac{2}{Nn}\,g_0^\top\left(g_0KW_d - x_1\right)W_d^\top \qquad \text{(lin and pred depend on } K\text{)}", oracle=KP_K, style="koopman-K-text-remark")

# ================================================================ refusals: names the network does not have (a learning rate, an undefined weight decay, an undefined intermediate)
C(M, "W2", L, r"\nabla_{\boldsymbol{W}_2} J = \frac{1}{m}\boldsymbol{A}_1^{\top}(\boldsymbol{A}_2 - \boldsymbol{Y}) + \lambda\boldsymbol{W}_2", REFUSE, style="goodfellow-weight-decay-lambda-undefined", note="λ is no constant of mlp-bce (Goodfellow's regularised J)")
C(M, "W2", L, r"\boldsymbol{W}_2 \leftarrow \boldsymbol{W}_2 - \epsilon\,\frac{1}{m}\boldsymbol{A}_1^{\top}(\boldsymbol{A}_2 - \boldsymbol{Y})", REFUSE, style="goodfellow-sgd-update-epsilon-undefined", note="an update step with the learning rate ε, not the gradient")
C(S, "W", N, "dW = Xᵀ @ dlogits", REFUSE, style="karpathy-makemore-dlogits-undefined", note="dlogits never defined; softmax-regression's logits are Z")
C(KP, "Wd", L, r"\frac{\partial L}{\partial W_d} = \frac{2a_1}{Nn}\,g_0^\top(\hat{x}_0 - x_0) + \frac{2}{Nn}\,(g_0K)^\top(\hat{x}_1 - x_1)", REFUSE, style="koopman-Wd-hat-x-undefined", note="x̂₀, x̂₁ are no nodes of the spec and no clause names them")
C(TC, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x^\top\Big[(1 + q + q^2) \odot p \odot (p_t - Y)\Big] + \mu W$", REFUSE, lang=Z, style="taylor-zh-W-mu-undefined", note="μ 不是该网络的常量")
C(DD, "W1", L, r"$\frac{\partial L}{\partial W_1} = \mathrm{xt}^\top\frac{\partial L}{\partial \mathbf{u}}$，$\frac{\partial L}{\partial \mathbf{u}} = \frac{2}{Nd}(\mathrm{eps\_hat} - \mathrm{noise})W_2^\top \odot \mathbb{1}[\mathbf{u} > 0]$", REFUSE, lang=Z, style="ddpm-zh-W1-u-not-a-node", note="u（ReLU 之前的值）不是 spec 的节点，也没有定义")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c48t-000, … as written; cases repeating corpora 2-47t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus48t", "c48t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
