"""The held-out-style corpus of issue 11, forty-ninth round, text side (``c49t``): LaTeX, typed
maths and hand numbers in notations corpora 34t–48t did not use — Bishop & Bishop's *Deep
Learning: Foundations and Concepts* (2024) index sums (``\\delta_k z_j``, ``h'(a_j)\\sum_k w_{kj}\\delta_k``),
Prince's *Understanding Deep Learning* ch. 7 (``\\partial\\ell_i/\\partial\\mathbf{f}_k``, ``\\boldsymbol\\Omega_k``,
``\\boldsymbol\\beta_k``), Nielsen's BP1–BP4 (``\\delta^l = ((w^{l+1})^T\\delta^{l+1}) \\odot \\sigma'(z^l)``, ``\\nabla_a C``),
CS231n's backprop notes ("dfdx" names typed), Stanford CS229 (``\\frac{\\partial J}{\\partial \\theta}``), 李宏毅 ML 2021
slides (∂C/∂z, σ'(z)), 周志华《机器学习》(西瓜书) §5.3 (g_j, e_h, η, the sign conventions of the book), 动手学深度学习
PyTorch 版 §4.7, MathJax from Jupyter Markdown cells (``\\begin{equation}``, ``\\tag``), Notion equation blocks,
Overleaf macros without ``\\newcommand`` (``\\bm{}``, ``\\vec{}``, ``\\mathrm{d}``, ``\\partial\\mathcal{L}``), tensor index
notation with Einstein's repeated indices, and hand numbers written with digit groups, ``1.2e-3``,
``1.2 × 10^{-3}``, full-width digits and punctuation（，：）, on course networks no corpus had used
(hn48_cpo_loss_trl, hn48_nalu_arith_unit_cn, hn48_fixmatch_optax_jax, hn48_janet_two_steps_jax,
hn48s_tf_nhwc_two_channel, hn48s_numpy_per_channel_cn); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex49"). Oracles: PyTorch
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
CP = str(COURSE / "hn48_cpo_loss_trl.toml")
NA = str(COURSE / "hn48_nalu_arith_unit_cn.toml")
FM = str(COURSE / "hn48_fixmatch_optax_jax.toml")
JN = str(COURSE / "hn48_janet_two_steps_jax.toml")
TN = str(COURSE / "hn48s_tf_nhwc_two_channel.toml")
PC = str(COURSE / "hn48s_numpy_per_channel_cn.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"

from corpus20 import B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T * (Z1 > 0) / m)"
RD2 = "((h_2 - y) * (1 - h_2 ** 2))"
RD1 = f"({RD2} @ W_h.T * (1 - h_1 ** 2))"
AO = "(2 * (O - T) / (n * d))"
AWV = f"X.T @ A.T @ {AO}"
BNB = "np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)"
BNG = "np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)"
WDZ2 = "(((1 - Y) * A2 - w * Y * (1 - A2)) / m)"

# ---- course-network oracles (NumPy over the spec's own names, run in PyTorch by tests/spelled_oracle.py)
CP_G = "((-beta * (1 - label_smoothing) * sigmoid(-beta * logits) + beta * label_smoothing * sigmoid(beta * logits)) / N)"
CP_W = f"(xc.T @ (({CP_G} - cpo_alpha / N) * (1 - sigmoid(xc @ W))) - xr.T @ ({CP_G} * (1 - sigmoid(xr @ W))))"
CP_NO_NLL = f"(xc.T @ ({CP_G} * (1 - sigmoid(xc @ W))) - xr.T @ ({CP_G} * (1 - sigmoid(xr @ W))))"
NA_D = "(2 * (y_hat - y) / (N * k))"
NA_G = f"x.T @ ({NA_D} * (a - m) * g * (1 - g))"
NA_W = f"(x.T @ ({NA_D} * g) + np.log(np.abs(x) + eps).T @ ({NA_D} * (1 - g) * m))"
NA_WH = f"{NA_W} * (1 - np.tanh(W_hat) ** 2) * sigmoid(M_hat)"
NA_MH = f"{NA_W} * np.tanh(W_hat) * sigmoid(M_hat) * (1 - sigmoid(M_hat))"
FM_PL = "(np.exp(x_l @ W + b) / np.exp(x_l @ W + b).sum(1, keepdims=True))"
FM_PS = "(np.exp(x_s @ W + b) / np.exp(x_s @ W + b).sum(1, keepdims=True))"
FM_YL = "np.eye(C)[y_l.astype(int)]"
FM_YS = "np.eye(C)[pseudo.astype(int)]"
FM_GL = f"(({FM_PL} - {FM_YL}) / N)"
FM_GU = f"(lambda_u * mask[:, None] * ({FM_PS} - {FM_YS}) / U)"
FM_W = f"(x_l.T @ {FM_GL} + x_s.T @ {FM_GU})"
FM_B = f"(np.sum({FM_GL}, axis=0, keepdims=True) + np.sum({FM_GU}, axis=0, keepdims=True))"
JN_WO = "c2.T @ (pred - y) / N"
TN_B = "np.sum(2 * (A - Y) * A * (1 - A)) / 16"
PC_B = "np.sum((A - Y) * (Z > 0))"

# ================================================================ Bishop & Bishop, Deep Learning: Foundations and Concepts (2024) §8.1: δ_k, z_j, h'(a_j), index sums
C(E, "w", L, r"\frac{\partial E_n}{\partial w_{i}} = \delta\, x_{i}, \qquad \delta = (y - t)\,h'(a), \quad h'(a) = y(1 - y), \quad y = O, \quad a = z", oracle=EW, style="bishop24-delta-x-i-neuron-w")
C(E, "w", L, r"\frac{\partial E_n}{\partial w_{i}} = \delta\, x_{i}, \qquad \delta = (y - t), \quad y = O", "missing-activation-derivative", oracle="(O - t) * x", style="bishop24-delta-no-h-prime-neuron-w")
C(T, "W2", L, r"\frac{\partial E_n}{\partial w^{(2)}_{kj}} = \delta_k z_j, \qquad \delta_k = y_k - t_k, \quad z = h, \quad y = y_{\mathrm{pred}}, \quad t = y_{\mathrm{target}}", oracle=TW2, style="bishop24-delta-k-z-j-tiny-W2")
C(T, "W2", L, r"\frac{\partial E_n}{\partial w^{(2)}_{kj}} = \delta_k x_j, \qquad \delta_k = y_k - t_k, \quad y = y_{\mathrm{pred}}, \quad t = y_{\mathrm{target}}", "*", style="bishop24-delta-k-x-j-tiny-W2-input", note="x_j for z_j: X is 1 × n_in as W2 is n_h × 1 (no oracle: with n_in = n_h the shapes agree, the values do not; the checker's other sizes tell)")
C(T, "W1", L, r"\delta_j = h'(a_j)\sum_k w^{(2)}_{kj}\delta_k, \quad \frac{\partial E_n}{\partial w^{(1)}_{ji}} = \delta_j x_i, \quad h'(a) = \sigma(a)(1 - \sigma(a)), \quad a = h_{\mathrm{raw}}, \quad \delta_k = y_{\mathrm{pred}} - y_{\mathrm{target}}", oracle=TW1, style="bishop24-hidden-delta-index-sum-tiny-W1")
C(M, "W2", L, r"\nabla_{\mathbf{W}^{(2)}} E = \frac{1}{m}\mathbf{Z}^{(1)\mathsf{T}}\boldsymbol{\Delta}^{(2)}, \quad \boldsymbol{\Delta}^{(2)} = \mathbf{Y}^{(2)} - \mathbf{T}, \quad \mathbf{Z}^{(1)} = A_1, \quad \mathbf{Y}^{(2)} = A_2, \quad \mathbf{T} = Y", oracle=W2R, style="bishop24-capital-delta-mlp-W2")
C(M, "W2", L, r"\nabla_{\mathbf{W}^{(2)}} E = \frac{1}{m}\mathbf{Z}^{(1)\mathsf{T}}\boldsymbol{\Delta}^{(2)}, \quad \boldsymbol{\Delta}^{(2)} = \mathbf{T} - \mathbf{Y}^{(2)}, \quad \mathbf{Z}^{(1)} = A_1, \quad \mathbf{Y}^{(2)} = A_2, \quad \mathbf{T} = Y", "sign", oracle=f"-{W2R}", style="bishop24-capital-delta-mlp-W2-sign")
C(M, "b2", L, r"\nabla_{\mathbf{b}^{(2)}} E = \frac{1}{m}\sum_{n=1}^{m}\boldsymbol{\delta}_n^{(2)}, \quad \boldsymbol{\delta}^{(2)} = A_2 - Y", oracle=B2R, style="bishop24-sum-n-delta-n-mlp-b2")
C(M, "b2", L, r"\nabla_{\mathbf{b}^{(2)}} E = \frac{1}{m}\boldsymbol{\delta}^{(2)}, \quad \boldsymbol{\delta}^{(2)} = A_2 - Y", "bias-not-summed", oracle="(A2 - Y) / m", style="bishop24-mlp-b2-unsummed")
C(S, "W", L, r"\nabla_{\mathbf{W}} E(\mathbf{w}) = \frac{1}{m}\sum_{n=1}^{m}\boldsymbol{\phi}_n(\mathbf{y}_n - \mathbf{t}_n)^{\mathsf{T}}, \quad \boldsymbol{\phi} = X, \quad \mathbf{y} = P, \quad \mathbf{t} = Y", oracle=SW, style="bishop24-phi-n-outer-softmax-W")
C(S, "W", L, r"\nabla_{\mathbf{W}} E(\mathbf{w}) = \sum_{n=1}^{m}\boldsymbol{\phi}_n(\mathbf{y}_n - \mathbf{t}_n)^{\mathsf{T}}, \quad \boldsymbol{\phi} = X, \quad \mathbf{y} = P, \quad \mathbf{t} = Y", "scale-factor", oracle="X.T @ (P - Y)", style="bishop24-phi-n-outer-softmax-W-no-mean")

# ================================================================ Prince, Understanding Deep Learning ch. 7: ∂ℓ/∂f_k, Ω_k, β_k, 𝕀[f > 0]
C(R, "w2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = \mathbf{h}_1^{T}\frac{\partial \ell}{\partial \mathbf{f}_1}, \quad \frac{\partial \ell}{\partial \mathbf{f}_1} = 2(\mathbf{f}_1 - \mathbf{y}), \quad \mathbf{f}_1 = y_{\mathrm{pred}}, \quad \mathbf{h}_1 = h_{\mathrm{relu}}, \quad \boldsymbol{\Omega}_1 = w_2", oracle=RW2, style="udl-omega1-f1-relu-w2")
C(R, "w2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_1} = \mathbf{h}_1^{T}\frac{\partial \ell}{\partial \mathbf{f}_1}, \quad \frac{\partial \ell}{\partial \mathbf{f}_1} = (\mathbf{f}_1 - \mathbf{y}), \quad \mathbf{f}_1 = y_{\mathrm{pred}}, \quad \mathbf{h}_1 = h_{\mathrm{relu}}, \quad \boldsymbol{\Omega}_1 = w_2", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="udl-omega1-f1-relu-w2-half", note="sse: the 2 stays")
C(R, "w1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_0} = \mathbf{x}^{T}\left(\mathbb{I}[\mathbf{f}_0 > 0] \odot \frac{\partial \ell}{\partial \mathbf{h}_1}\right), \quad \frac{\partial \ell}{\partial \mathbf{h}_1} = 2(y_{\mathrm{pred}} - \mathbf{y})\boldsymbol{\Omega}_1^{T}, \quad \mathbf{f}_0 = h, \quad \mathbf{h}_1 = h_{\mathrm{relu}}, \quad \boldsymbol{\Omega}_0 = w_1, \quad \boldsymbol{\Omega}_1 = w_2", oracle=RW1, style="udl-indicator-f0-relu-w1")
C(R, "w1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_0} = \mathbf{x}^{T}\frac{\partial \ell}{\partial \mathbf{h}_1}, \quad \frac{\partial \ell}{\partial \mathbf{h}_1} = 2(y_{\mathrm{pred}} - \mathbf{y})\boldsymbol{\Omega}_1^{T}, \quad \mathbf{h}_1 = h_{\mathrm{relu}}, \quad \boldsymbol{\Omega}_0 = w_1, \quad \boldsymbol{\Omega}_1 = w_2", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="udl-relu-w1-indicator-dropped")
C(M, "b2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\beta}_1} = \frac{1}{m}\mathbf{1}^{T}\frac{\partial \ell}{\partial \mathbf{f}_1}, \quad \frac{\partial \ell}{\partial \mathbf{f}_1} = \operatorname{sig}[\mathbf{f}_1] - \mathbf{y}, \quad \mathbf{f}_1 = Z_2, \quad \mathbf{y} = Y, \quad \boldsymbol{\beta}_1 = b_2", oracle=B2R, style="udl-beta1-sig-bracket-mlp-b2")
C(M, "b2", L, r"\frac{\partial \ell}{\partial \boldsymbol{\beta}_1} = \frac{1}{m}\mathbf{1}^{T}\frac{\partial \ell}{\partial \mathbf{f}_1}, \quad \frac{\partial \ell}{\partial \mathbf{f}_1} = \mathbf{y} - \operatorname{sig}[\mathbf{f}_1], \quad \mathbf{f}_1 = Z_2, \quad \mathbf{y} = Y, \quad \boldsymbol{\beta}_1 = b_2", "sign", oracle=f"-{B2R}", style="udl-beta1-sig-bracket-mlp-b2-sign")
C(M, "W1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_0} = \frac{1}{m}\mathbf{X}^{T}\left(\mathbb{I}[\mathbf{f}_0 > 0] \odot (\mathbf{A}_2 - \mathbf{Y})\boldsymbol{\Omega}_1^{T}\right), \quad \mathbf{f}_0 = Z_1, \quad \boldsymbol{\Omega}_0 = W_1, \quad \boldsymbol{\Omega}_1 = W_2", oracle=W1R, style="udl-indicator-mlp-W1")
C(M, "W1", L, r"\frac{\partial \ell}{\partial \boldsymbol{\Omega}_0} = \frac{1}{m}\mathbf{X}^{T}\left(\mathbb{I}[\mathbf{f}_0 > 0] \odot (\mathbf{A}_2 - \mathbf{Y})\boldsymbol{\Omega}_0^{T}\right), \quad \mathbf{f}_0 = Z_1, \quad \boldsymbol{\Omega}_0 = W_1, \quad \boldsymbol{\Omega}_1 = W_2", "*", style="udl-indicator-mlp-W1-own-weight", note="Ω_0ᵀ is n_h × n_in where Ω_1ᵀ (1 × n_h) belongs (no oracle: m × 1 times n_h × n_in, a shape error)")
C(E, "w", N, "∂ℓ/∂Ω₀ = (O − t)·O·(1 − O)·x，Ω₀ = w", oracle=EW, lang=Z, style="udl-typed-omega0-clause-zh-neuron-w")

# ================================================================ Nielsen, Neural Networks and Deep Learning ch. 2: BP1–BP4
C(T, "W1", L, r"\delta^{1} = \left((w^{2})^{T}\delta^{2}\right) \odot \sigma'(z^{1}), \quad \delta^{2} = \nabla_a C = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial C}{\partial w^{1}} = X^{T}\delta^{1T}, \quad w^{2} = W_2, \quad z^{1} = h_{\mathrm{raw}}", "shape-mismatch", style="nielsen-bp2-column-delta-tiny-W1", note="Nielsen's column vectors: (w²)ᵀδ² is n_h × 1; the answer transposes it back for the row example. First labelled right (oracle TW1); relabelled in round 50 (heldtex50), when δ^{1} and w^{2} came to be read, as the 49t note asked: with the clause w^{2} = W_2 (n_h × 1) on row data, (w^{2})^T δ^{2} is 1 × n_h, δ^{1} a row, and X^T δ^{1T} is (n_in × 1)(n_h × 1) — a shape error as written")
C(T, "W1", L, r"\delta^{1} = \left((w^{2})^{T}\delta^{2}\right) \odot \sigma(z^{1}), \quad \delta^{2} = \nabla_a C = y_{\mathrm{pred}} - y_{\mathrm{target}}, \quad \frac{\partial C}{\partial w^{1}} = X^{T}\delta^{1T}, \quad w^{2} = W_2, \quad z^{1} = h_{\mathrm{raw}}", "*", oracle="X.T @ ((y_pred - y_target) * W2.T * h)", style="nielsen-bp2-sigma-not-prime-tiny-W1")
C(E, "w", L, r"\delta^{L} = \nabla_a C \odot \sigma'(z^{L}), \quad \nabla_a C = (a^{L} - y), \quad \frac{\partial C}{\partial w} = \delta^{L} x, \quad a^{L} = O, \quad y = t, \quad z^{L} = z", oracle=EW, style="nielsen-bp1-bp4-neuron-w")
C(E, "w", L, r"\delta^{L} = \nabla_a C \odot \sigma'(z^{L}), \quad \nabla_a C = (y - a^{L}), \quad \frac{\partial C}{\partial w} = \delta^{L} x, \quad a^{L} = O, \quad y = t, \quad z^{L} = z", "sign", oracle=f"-{EW}", style="nielsen-bp1-bp4-neuron-w-sign")
C(M, "b2", L, r"\frac{\partial C}{\partial b^{2}} = \frac{1}{m}\sum_x \delta^{x,2}, \quad \delta^{2} = a^{2} - y, \quad a^{2} = A_2, \quad y = Y", oracle=B2R, style="nielsen-bp3-sum-over-x-mlp-b2", note="Nielsen's mean over the training inputs x (the cross-entropy's δ^L = a^L − y)")
C(M, "b2", L, r"\frac{\partial C}{\partial b^{2}} = \frac{1}{m}\sum_x \delta^{x,2}, \quad \delta^{2} = (a^{2} - y) \odot \sigma'(z^{2}), \quad a^{2} = A_2, \quad y = Y, \quad z^{2} = Z_2", "*", oracle="np.sum((A2 - Y) * A2 * (1 - A2), axis=0, keepdims=True) / m", style="nielsen-bp3-quadratic-delta-on-bce-mlp-b2", note="the quadratic cost's δ^L on a cross-entropy network: an extra σ'")
C(R2, "W_h", L, r"\delta^{2} = (h_2 - y) \odot (1 - h_2^{2}), \quad \delta^{1} = \left(\delta^{2}W_h^{T}\right) \odot (1 - h_1^{2}), \quad \frac{\partial C}{\partial W_h} = h_1^{T}\delta^{2} + h_0^{T}\delta^{1}", oracle=f"h_1.T @ {RD2} + h_0.T @ {RD1}", style="nielsen-delta-superscripts-rnn-Wh")
C(R2, "W_h", L, r"\delta^{2} = (h_2 - y) \odot (1 - h_2^{2}), \quad \delta^{1} = \left(\delta^{2}W_h^{T}\right) \odot (1 - h_1^{2}), \quad \frac{\partial C}{\partial W_h} = h_1^{T}\delta^{2} + h_1^{T}\delta^{1}", "*", oracle=f"h_1.T @ {RD2} + h_1.T @ {RD1}", style="nielsen-rnn-Wh-h1-for-h0")
C(E, "w", N, "δᴸ = (aᴸ − y) ⊙ σ′(zᴸ)，∂C/∂w = δᴸ·x，aᴸ = O，y = t，zᴸ = z", oracle=EW, lang=Z, style="nielsen-typed-superscript-L-zh-neuron-w")

# ================================================================ CS231n backprop notes ("dfdx" names), typed
C(T, "W2", N, "dy_pred = y_pred − y_target\ndW2 = hᵀ · dy_pred", oracle=TW2, style="cs231n-typed-d-names-tiny-W2")
C(T, "W1", N, "dy_pred = y_pred − y_target\ndh = dy_pred · W2ᵀ\ndh_raw = (1 − h) · h · dh\ndW1 = Xᵀ · dh_raw", oracle=TW1, style="cs231n-typed-sigmoid-gate-tiny-W1")
C(T, "W1", N, "dy_pred = y_pred − y_target\ndh = dy_pred · W2ᵀ\ndh_raw = dh\ndW1 = Xᵀ · dh_raw", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", style="cs231n-typed-tiny-W1-gate-dropped")
C(CH, "w", N, "dLdv = 2v\ndvdu = 1\ndudw = x\ndLdw = dLdv * dvdu * dudw", oracle="2 * v * x", style="cs231n-dfdx-chain-w")
C(CH, "w", N, "dLdv = 2v\ndvdu = 1\ndudw = w\ndLdw = dLdv * dvdu * dudw", "*", oracle="2 * v * w", style="cs231n-dfdx-chain-w-local-wrong")
C(CH, "b", N, "dLdv = 2*v; dvdb = 1; dLdb = dLdv*dvdb", oracle="2 * v", style="cs231n-dfdx-chain-b")
C(CH, "x", N, "dLdv = 2*v; dvdu = 1; dudx = w; dLdx = dLdv*dvdu*dudx", oracle="2 * v * w", style="cs231n-dfdx-chain-x")
C(CH, "x", N, "dLdv = v; dvdu = 1; dudx = w; dLdx = dLdv*dvdu*dudx", "scale-factor", oracle="v * w", style="cs231n-dfdx-chain-x-half")
C(S, "W", N, "dscores = (P − Y)/m\ndW = Xᵀ · dscores", oracle=SW, style="cs231n-dscores-softmax-W")
C(S, "W", N, "dscores = (P − Y)\ndW = Xᵀ · dscores / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="cs231n-dscores-softmax-W-k", note="divides by the class count")
C(S, "b", N, "dscores = (P − Y)/m\ndb = Σ dscores (over rows)", oracle=SB, style="cs231n-dscores-sum-rows-softmax-b")

# ================================================================ Stanford CS229 notes: ∂J/∂θ, W^{[1]}, a^{[1]}, ⊙
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \frac{1}{m}\,{a^{[1]}}^{\top}\left(a^{[2]} - y\right), \quad a^{[1]} = A_1, \quad a^{[2]} = A_2, \quad y = Y", oracle=W2R, style="cs229-braced-a1-transpose-mlp-W2")
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \frac{1}{n_h}\,{a^{[1]}}^{\top}\left(a^{[2]} - y\right), \quad a^{[1]} = A_1, \quad a^{[2]} = A_2, \quad y = Y", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="cs229-mlp-W2-n-h", note="n_h for m: equal at the example (2 = 2), the checker's other sizes tell")
C(M, "W1", L, r"\frac{\partial J}{\partial W^{[1]}} = \frac{1}{m}x^{\top}\left(\left(a^{[2]} - y\right)W^{[2]\top} \odot 1\{z^{[1]} \geq 0\}\right), \quad x = X, \quad a^{[2]} = A_2, \quad y = Y, \quad z^{[1]} = Z_1", "relu-at-zero", style="cs229-indicator-geq-mlp-W1", note="first labelled right (≥ 0 and > 0 agree off the kink, no Z1 entry is 0); relabelled after the first pass: the project's written policy (README's relu-at-zero, PyTorch's relu′(0) = 0) rejects a non-strict mask, as corpora 37t–46t label it (no oracle)")
C(M, "W1", L, r"\frac{\partial J}{\partial W^{[1]}} = \frac{1}{m}x^{\top}\left(\left(a^{[2]} - y\right)W^{[2]\top} \odot 1\{z^{[1]} \leq 0\}\right), \quad x = X, \quad a^{[2]} = A_2, \quad y = Y, \quad z^{[1]} = Z_1", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 <= 0)) / m", style="cs229-indicator-leq-mlp-W1")
C(S, "W", L, r"\frac{\partial J(\theta)}{\partial \theta} = \frac{1}{m}\sum_{i=1}^{m} x^{(i)\top}\left(h_\theta(x^{(i)}) - y^{(i)}\right), \quad h_\theta(x) = \operatorname{softmax}(x\theta + b), \quad \theta = W, \quad x = X, \quad y = Y", oracle=SW, style="cs229-per-example-sum-softmax-W")
C(S, "W", L, r"\frac{\partial J(\theta)}{\partial \theta} = \frac{1}{m}\sum_{i=1}^{m} x^{(i)\top}\left(y^{(i)} - h_\theta(x^{(i)})\right), \quad h_\theta(x) = \operatorname{softmax}(x\theta + b), \quad \theta = W, \quad x = X, \quad y = Y", "sign", oracle=f"-{SW}", style="cs229-per-example-sum-softmax-W-sign")

# ================================================================ 李宏毅 ML 2021 backprop slides: ∂C/∂z, σ'(z), forward/backward pass
C(E, "w", L, r"$\frac{\partial C}{\partial w} = \frac{\partial z}{\partial w}\frac{\partial C}{\partial z}$，$\frac{\partial z}{\partial w} = x$（forward pass），$\frac{\partial C}{\partial z} = \sigma'(z)\frac{\partial C}{\partial O}$，$\frac{\partial C}{\partial O} = O - t$（backward pass）", oracle=EW, lang=Z, style="hylee-forward-backward-pass-neuron-w")
C(E, "w", L, r"$\frac{\partial C}{\partial w} = \frac{\partial z}{\partial w}\frac{\partial C}{\partial z}$，$\frac{\partial z}{\partial w} = x$（forward pass），$\frac{\partial C}{\partial z} = \frac{\partial C}{\partial O}$，$\frac{\partial C}{\partial O} = O - t$（backward pass）", "missing-activation-derivative", oracle="(O - t) * x", lang=Z, style="hylee-backward-pass-neuron-w-sigma-prime-dropped")
C(T, "W1", L, r"$\frac{\partial C}{\partial z} = \sigma'(z)\left[\frac{\partial C}{\partial y_{\mathrm{pred}}} W_2^{\top}\right]$，$z = h_{\mathrm{raw}}$，$\frac{\partial C}{\partial y_{\mathrm{pred}}} = y_{\mathrm{pred}} - y_{\mathrm{target}}$，$\frac{\partial C}{\partial W_1} = X^{\top}\frac{\partial C}{\partial z}$", oracle=TW1, lang=Z, style="hylee-sigma-prime-bracket-tiny-W1")
C(T, "W1", L, r"$\frac{\partial C}{\partial z} = \sigma'(z)\left[\frac{\partial C}{\partial y_{\mathrm{pred}}} W_2^{\top}\right]$，$z = h_{\mathrm{raw}}$，$\frac{\partial C}{\partial y_{\mathrm{pred}}} = y_{\mathrm{target}} - y_{\mathrm{pred}}$，$\frac{\partial C}{\partial W_1} = X^{\top}\frac{\partial C}{\partial z}$", "sign", oracle=f"-({TW1})", lang=Z, style="hylee-sigma-prime-bracket-tiny-W1-sign")
C(R, "w1", L, r"$\frac{\partial C}{\partial w_1} = x^{\top}\left(\frac{\partial C}{\partial h} \right)$，$\frac{\partial C}{\partial h} = \left(2(y_{\mathrm{pred}} - y)w_2^{\top}\right) \odot [h > 0]$（ReLU 的导数是 0 或 1）", oracle=RW1, lang=Z, style="hylee-relu-zero-one-remark-relu-w1")
C(R, "w1", L, r"$\frac{\partial C}{\partial w_1} = x^{\top}\left(\frac{\partial C}{\partial h} \right)$，$\frac{\partial C}{\partial h} = \left(2(y_{\mathrm{pred}} - y)w_2^{\top}\right) \odot h_{\mathrm{relu}}$（ReLU 的导数）", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", lang=Z, style="hylee-relu-w1-activation-for-slope")
C(S, "b", L, r"$\frac{\partial C}{\partial b} = \frac{1}{m}\mathbf{1}^{\top}\frac{\partial C}{\partial Z}$，$\frac{\partial C}{\partial Z} = P - Y$（softmax + cross entropy）", oracle=SB, lang=Z, style="hylee-ones-leibniz-Z-softmax-b")
C(S, "b", L, r"$\frac{\partial C}{\partial b} = \frac{1}{m}\mathbf{1}^{\top}\frac{\partial C}{\partial Z}$，$\frac{\partial C}{\partial Z} = P \odot (1 - P) - Y$", "*", oracle="np.sum(P * (1 - P) - Y, axis=0, keepdims=True) / m", lang=Z, style="hylee-softmax-b-elementwise-prime")

# ================================================================ 周志华《机器学习》(西瓜书) §5.3: g_j, e_h, η, Δw = η g b (the book's signs)
C(E, "w", L, r"$\frac{\partial E_k}{\partial w} = -g\,x$，其中 $g = \hat{y}(1 - \hat{y})(y - \hat{y})$，$\hat{y} = O$，$y = t$", oracle=EW, lang=Z, style="xigua-minus-g-neuron-w", note="西瓜书的 g_j 是负梯度：∂E/∂w = −g·b")
C(E, "w", L, r"$\frac{\partial E_k}{\partial w} = g\,x$，其中 $g = \hat{y}(1 - \hat{y})(y - \hat{y})$，$\hat{y} = O$，$y = t$", "sign", oracle=f"-{EW}", lang=Z, style="xigua-plus-g-neuron-w-sign", note="忘了 g 的符号约定")
C(E, "w", L, r"$\Delta w = \eta\, g\, x$，$g = \hat{y}(1 - \hat{y})(y - \hat{y})$，$\hat{y} = O$，$y = t$", REFUSE, lang=Z, style="xigua-delta-w-eta-update-neuron-w", note="更新量 Δw 带学习率 η，不是梯度；η 不是网络的常量")
C(T, "W2", L, r"$\frac{\partial E_k}{\partial w_{hj}} = -g_j b_h$，$g_j = y_j - \hat{y}_j$（线性输出层，无 sigmoid），$b = h$，$\hat{y} = y_{\mathrm{pred}}$，$y = y_{\mathrm{target}}$", oracle=TW2, lang=Z, style="xigua-linear-output-g-tiny-W2")
C(T, "W2", L, r"$\frac{\partial E_k}{\partial w_{hj}} = -g_j b_h$，$g_j = \hat{y}_j(1 - \hat{y}_j)(y_j - \hat{y}_j)$，$b = h$，$\hat{y} = y_{\mathrm{pred}}$，$y = y_{\mathrm{target}}$", "*", oracle="-(h.T @ (y_pred * (1 - y_pred) * (y_target - y_pred)))", lang=Z, style="xigua-sigmoid-g-on-linear-output-tiny-W2", note="tiny-mlp 的输出是线性的，书里的 ŷ(1−ŷ) 不该出现")
C(T, "W1", L, r"$\frac{\partial E_k}{\partial v_{ih}} = -e_h x_i$，$e_h = b_h(1 - b_h)\sum_{j} w_{hj} g_j$，$g = y_{\mathrm{target}} - y_{\mathrm{pred}}$，$b = h$，$w = W_2$", oracle=TW1, lang=Z, style="xigua-e-h-index-sum-tiny-W1")
C(T, "W1", L, r"$\frac{\partial E_k}{\partial v_{ih}} = e_h x_i$，$e_h = b_h(1 - b_h)\sum_{j} w_{hj} g_j$，$g = y_{\mathrm{target}} - y_{\mathrm{pred}}$，$b = h$，$w = W_2$", "sign", oracle=f"-({TW1})", lang=Z, style="xigua-e-h-tiny-W1-sign")
C(T, "W1", L, r"$\frac{\partial E_k}{\partial v_{ih}} = -e_h x_i$，$e_h = \sum_{j} w_{hj} g_j$，$g = y_{\mathrm{target}} - y_{\mathrm{pred}}$，$w = W_2$", "missing-activation-derivative", oracle="X.T @ ((y_pred - y_target) @ W2.T)", lang=Z, style="xigua-e-h-tiny-W1-b-prime-dropped")
C(M, "b2", L, r"$\frac{\partial E}{\partial \theta} = -\frac{1}{m}\sum_{k} g^{(k)}$，$g = Y - A_2$，$\theta = b_2$（书中 g 是负梯度，所以要取负）", oracle=B2R, lang=Z, style="xigua-minus-mean-g-theta-clause-mlp-b2", note="−(1/m)Σ(Y − A2) = (1/m)Σ(A2 − Y)")
C(M, "b2", L, r"$\frac{\partial E}{\partial \theta} = \frac{1}{m}\sum_{k} g^{(k)}$，$g = Y - A_2$，$\theta = b_2$", "sign", oracle=f"-{B2R}", lang=Z, style="xigua-mean-g-theta-clause-mlp-b2-sign")

# ================================================================ 动手学深度学习 PyTorch 版 §4.7: prod, ∂J/∂o, ϕ', λ (λ = 0 stated)
C(R, "w2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \mathbf{h}^\top\frac{\partial J}{\partial \mathbf{o}}$，$\frac{\partial J}{\partial \mathbf{o}} = 2(\mathbf{o} - \mathbf{y})$，$\mathbf{o} = y_{\mathrm{pred}}$，$\mathbf{h} = h_{\mathrm{relu}}$，$\mathbf{W}^{(2)} = w_2$（本题没有正则项）", oracle=RW2, lang=Z, style="d2l-pt-h-top-o-relu-w2")
C(R, "w2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \frac{\partial J}{\partial \mathbf{o}}\mathbf{h}^\top$，$\frac{\partial J}{\partial \mathbf{o}} = 2(\mathbf{o} - \mathbf{y})$，$\mathbf{o} = y_{\mathrm{pred}}$，$\mathbf{h} = h_{\mathrm{relu}}$，$\mathbf{W}^{(2)} = w_2$", "*", lang=Z, style="d2l-pt-column-order-relu-w2", note="书中是列向量 ∂J/∂o hᵀ；行数据上 n × D_out 乘 H × n，形状错误（无 oracle）")
C(R, "w1", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \mathbf{x}^\top\left(\frac{\partial J}{\partial \mathbf{h}} \odot \phi'(\mathbf{z})\right)$，$\frac{\partial J}{\partial \mathbf{h}} = 2(y_{\mathrm{pred}} - \mathbf{y})w_2^\top$，$\phi'(\mathbf{z}) = \mathbb{1}[\mathbf{z} > 0]$，$\mathbf{z} = h$，$\mathbf{h} = h_{\mathrm{relu}}$，$\mathbf{W}^{(1)} = w_1$", oracle=RW1, lang=Z, style="d2l-pt-phi-prime-indicator-relu-w1")
C(R, "w1", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \mathbf{x}^\top\left(\frac{\partial J}{\partial \mathbf{h}} \odot \phi'(\mathbf{z})\right)$，$\frac{\partial J}{\partial \mathbf{h}} = 2(y_{\mathrm{pred}} - \mathbf{y})w_1^\top$，$\phi'(\mathbf{z}) = \mathbb{1}[\mathbf{z} > 0]$，$\mathbf{z} = h$，$\mathbf{h} = h_{\mathrm{relu}}$，$\mathbf{W}^{(1)} = w_1$", "*", lang=Z, style="d2l-pt-relu-w1-w1-for-w2", note="w1ᵀ 是 H × D_in，应为 w2ᵀ（无 oracle：形状错误）")
C(R, "w2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \mathbf{h}^\top\frac{\partial J}{\partial \mathbf{o}} + \lambda\mathbf{W}^{(2)}$，$\frac{\partial J}{\partial \mathbf{o}} = 2(y_{\mathrm{pred}} - \mathbf{y})$，$\mathbf{h} = h_{\mathrm{relu}}$，$\mathbf{W}^{(2)} = w_2$", REFUSE, lang=Z, style="d2l-pt-lambda-undefined-relu-w2", note="λ 不是网络的常量（该网络没有权重衰减）")
C(M, "W2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \text{prod}\left(\frac{\partial J}{\partial \mathbf{o}}, \mathbf{h}\right) = \frac{1}{m}\mathbf{h}^\top(\sigma(\mathbf{o}) - \mathbf{y})$，$\mathbf{o} = Z_2$，$\mathbf{h} = A_1$，$\mathbf{y} = Y$", oracle=W2R, lang=Z, style="d2l-pt-prod-sigma-o-mlp-W2")
C(M, "W2", L, r"$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \frac{1}{m}\mathbf{h}^\top(\sigma(\mathbf{o}) - \mathbf{y})$，$\mathbf{o} = Z_2$，$\mathbf{h} = Z_1$，$\mathbf{y} = Y$", "*", oracle="Z1.T @ (A2 - Y) / m", lang=Z, style="d2l-pt-mlp-W2-pre-activation-h")

# ================================================================ MathJax from Jupyter Markdown cells: \begin{equation}, \tag, $$ on their own lines
C(M, "W2", L, "$$\n\\begin{equation}\n\\frac{\\partial \\mathcal{L}}{\\partial W_2} = \\frac{1}{m} A_1^{\\top} (A_2 - Y) \\tag{3}\n\\end{equation}\n$$", oracle=W2R, style="jupyter-equation-tag-mlp-W2")
C(M, "W2", L, "$$\n\\begin{equation}\n\\frac{\\partial \\mathcal{L}}{\\partial W_2} = \\frac{1}{m} A_1^{\\top} (A_2 - Y) A_2 (1 - A_2) \\tag{3}\n\\end{equation}\n$$", "*", lang="en", style="jupyter-equation-tag-mlp-W2-extra-sigma-prime", note="an extra σ' on the BCE's output (no oracle: (n_h × 1)(m × 1)… read as written)")
C(T, "W2", L, "**Answer (c).**\n\n$$\\frac{\\partial L}{\\partial W_2} = h^{\\top}\\,(y_{pred} - y_{target})$$\n\nwhere $h = \\sigma(XW_1)$.", oracle=TW2, style="jupyter-answer-bold-where-tiny-W2")
C(T, "W2", L, "**Answer (c).**\n\n$$\\frac{\\partial L}{\\partial W_2} = h^{\\top}\\,(y_{pred} - y_{target})^2$$\n\nwhere $h = \\sigma(XW_1)$.", "*", oracle="h.T @ (y_pred - y_target) ** 2", style="jupyter-answer-bold-tiny-W2-squared")
C(E, "w", L, "$\\frac{\\partial L}{\\partial w} = (O - t)\\,O\\,(1 - O)\\,x$ \u2014 by the chain rule.", oracle=EW, style="jupyter-inline-em-dash-remark-neuron-w")
C(S, "W", L, "In the cell above we found\n$$\n\\nabla_W L = \\tfrac{1}{m}\\, X^{\\top}(P - Y)\n$$", oracle=SW, style="jupyter-sentence-before-display-softmax-W")
C(S, "W", L, "In the cell above we found\n$$\n\\nabla_W L = \\tfrac{1}{m}\\, X(P - Y)^{\\top}\n$$", "*", style="jupyter-sentence-softmax-W-transpose-wrong-side", note="X (P − Y)ᵀ is m × m (no oracle: a shape error)")
C(A, "W_v", L, "$$\\begin{equation*}\\frac{\\partial L}{\\partial W_v} = X^{\\top} A^{\\top} \\frac{2}{n d}(O - T)\\end{equation*}$$", oracle=AWV, style="jupyter-equation-star-attention-Wv")
C(A, "W_v", L, "$$\\begin{equation*}\\frac{\\partial L}{\\partial W_v} = X^{\\top} A \\frac{2}{n d}(O - T)\\end{equation*}$$", "*", oracle="X.T @ A @ (2 * (O - T) / (n * d))", style="jupyter-equation-star-attention-Wv-A-not-transposed")
C(B, "gamma", L, "$$\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i=1}^{m} \\frac{2}{mn}(Y - T)_{i,:} \\odot \\hat{Z}_{i,:}$$", oracle=BNG, style="jupyter-sum-row-slices-batchnorm-gamma")
C(B, "gamma", L, "$$\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i=1}^{m} \\frac{2}{mn}(Y - T)_{i,:} \\odot Z_{i,:}$$", "*", oracle="np.sum(2 * (Y - T) / (m * n) * Z, axis=0, keepdims=True)", style="jupyter-batchnorm-gamma-Z-for-Z-hat")

# ================================================================ Notion equation blocks (KaTeX): \text{}, \cdot, \left. \right|
C(MW, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{m}\sum_{i}\left[(1 - Y_i) A_{2,i} - w\, Y_i (1 - A_{2,i})\right] \quad \text{(pos\_weight } w = 3\text{)}", oracle=f"np.sum({WDZ2}, axis=0, keepdims=True)", style="notion-text-remark-weighted-b2")
C(MW, "b2", L, r"\frac{\partial L}{\partial b_2} = \frac{1}{m}\sum_{i}\left[A_{2,i} - Y_i\right] \quad \text{(pos\_weight } w = 3\text{)}", "*", oracle=B2R, style="notion-weighted-b2-weight-dropped")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m} A_1^{\top}\left[A_2 \odot (1 + (w - 1)Y) - wY\right]", oracle=f"A1.T @ {WDZ2}", style="notion-weighted-W2-factored", note="(1 − Y)A − wY(1 − A) = A(1 + (w − 1)Y) − wY")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m} A_1^{\top}\left[A_2 \odot (1 + wY) - wY\right]", "*", oracle="A1.T @ (A2 * (1 + w * Y) - w * Y) / m", style="notion-weighted-W2-factored-off-by-one")
C(MW, "W2", L, r"\frac{\partial L}{\partial W_2} = \frac{1}{m} A_1^{\top}\left[A_2 - Y\right] \quad \text{(binary labels)}", "*", oracle=W2R, style="notion-weighted-W2-unweighted-binary-remark", note="the weight w is dropped whatever the labels")
C(CH, "w", L, r"\left.\frac{\partial L}{\partial w}\right|_{x=2} = 2v \cdot x", oracle="2 * v * x", style="notion-evaluated-bar-chain-w")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = 2(wx + b)", oracle="2 * v", style="notion-expanded-chain-b")
C(CH, "b", L, r"\frac{\partial L}{\partial b} = 2(wx + b)\,x", "*", oracle="2 * v * x", style="notion-expanded-chain-b-extra-x")
C(R2, "b", L, r"\frac{\partial L}{\partial b} = \delta_2 + \delta_1, \quad \delta_2 = (h_2 - y) \odot (1 - h_2^2), \quad \delta_1 = (\delta_2 W_h^{\top}) \odot (1 - h_1^2)", "bias-not-summed", oracle=f"{RD2} + {RD1}", style="notion-rnn-b-two-deltas", note="labelled right as first written; the oracle (m = 2) said otherwise before any checker run: with one example the sum over the batch is invisible, the corpora's convention is bias-not-summed")
C(R2, "b", L, r"\frac{\partial L}{\partial b} = \delta_2, \quad \delta_2 = (h_2 - y) \odot (1 - h_2^2)", "*", oracle=RD2, style="notion-rnn-b-last-step-only")

# ================================================================ Overleaf without \newcommand: \bm{}, \vec{}, \mathrm{d}, \partial\mathcal{L}
C(M, "W1", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_1} = \frac{1}{m}\bm{X}^{\top}\left[(\bm{A}_2 - \bm{Y})\bm{W}_2^{\top} \odot \mathbb{1}(\bm{Z}_1 > 0)\right]", oracle=W1R, style="overleaf-bm-mlp-W1")
C(M, "W1", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_1} = \frac{1}{m}\bm{X}^{\top}\left[(\bm{A}_2 - \bm{Y})\bm{W}_2^{\top} \odot \mathbb{1}(\bm{A}_1 > 1)\right]", "*", oracle="X.T @ ((A2 - Y) @ W2.T * (A1 > 1)) / m", style="overleaf-bm-mlp-W1-threshold-one")
C(E, "w", L, r"\frac{\mathrm{d}\mathcal{L}}{\mathrm{d}\vec{w}} = (O - t)\,O(1 - O)\,\vec{x}", oracle=EW, style="overleaf-mathrm-d-vec-neuron-w")
C(E, "w", L, r"\frac{\mathrm{d}\mathcal{L}}{\mathrm{d}\vec{w}} = (O - t)\,O(1 - O)\,\vec{w}", "*", oracle="(O - t) * O * (1 - O) * w", style="overleaf-mathrm-d-vec-neuron-w-weight-for-input")
C(T, "W1", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_1} = \bm{X}^{\top}\left[\left((y_{\mathrm{pred}} - y_{\mathrm{target}})\bm{W}_2^{\top}\right) \odot \bm{h} \odot (\bm{1} - \bm{h})\right]", oracle=TW1, style="overleaf-bm-one-tiny-W1")
C(S, "b", L, r"\frac{\partial \mathcal{L}}{\partial \vec{b}} = \frac{1}{m}\,\vec{1}^{\top}(\bm{P} - \bm{Y})", oracle=SB, style="overleaf-vec-one-softmax-b")
C(S, "b", L, r"\frac{\partial \mathcal{L}}{\partial \vec{b}} = \vec{1}^{\top}(\bm{P} - \bm{Y})", "scale-factor", oracle="np.sum(P - Y, axis=0, keepdims=True)", style="overleaf-vec-one-softmax-b-no-mean")
C(B, "beta", L, r"\frac{\partial \mathcal{L}}{\partial \bm{\beta}} = \frac{2}{mn}\,\bm{1}_m^{\top}(\bm{Y} - \bm{T})", oracle=BNB, style="overleaf-bm-one-subscript-m-batchnorm-beta")
C(B, "beta", L, r"\frac{\partial \mathcal{L}}{\partial \bm{\beta}} = \frac{2}{m}\,\bm{1}_m^{\top}(\bm{Y} - \bm{T})", "scale-factor", oracle="np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", style="overleaf-bm-batchnorm-beta-over-m")
C(A, "W_v", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_{\!v}} = \frac{2}{nd}\,\bm{X}^{\top}\bm{A}^{\top}(\bm{O} - \bm{T})", oracle=AWV, style="overleaf-bm-negative-thin-space-attention-Wv")
C(A, "W_v", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_{\!v}} = \frac{2}{nd}\,\bm{X}^{\top}\bm{A}^{\top}(\bm{T} - \bm{O})", "sign", oracle=f"-{AWV}", style="overleaf-bm-attention-Wv-sign")
C(R2, "W_x", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_x} = \sum_{t=1}^{2}\bm{x}_t^{\top}\bm{\delta}_t, \quad \bm{\delta}_2 = (\bm{h}_2 - \bm{y}) \odot (1 - \bm{h}_2^{2}), \quad \bm{\delta}_1 = (\bm{\delta}_2\bm{W}_h^{\top}) \odot (1 - \bm{h}_1^{2})", oracle=f"x_2.T @ {RD2} + x_1.T @ {RD1}", style="overleaf-bm-sum-t-rnn-Wx")
C(R2, "W_x", L, r"\frac{\partial \mathcal{L}}{\partial \bm{W}_x} = \sum_{t=1}^{2}\bm{x}_t^{\top}\bm{\delta}_t, \quad \bm{\delta}_2 = (\bm{h}_2 - \bm{y}), \quad \bm{\delta}_1 = (\bm{\delta}_2\bm{W}_h^{\top})", "missing-activation-derivative", oracle="x_2.T @ (h_2 - y) + x_1.T @ ((h_2 - y) @ W_h.T)", style="overleaf-bm-rnn-Wx-tanh-primes-dropped")

# ================================================================ tensor index notation, Einstein's repeated indices (δ_{ij}, summed k)
C(M, "W2", L, r"\frac{\partial L}{\partial (W_2)_{ij}} = \frac{1}{m}(A_1)_{ki}\,(A_2 - Y)_{kj} \quad \text{(sum over } k\text{)}", oracle=W2R, style="einstein-repeated-k-mlp-W2")
C(M, "W2", L, r"\frac{\partial L}{\partial (W_2)_{ij}} = \frac{1}{m}(A_1)_{ik}\,(A_2 - Y)_{kj} \quad \text{(sum over } k\text{)}", "*", style="einstein-repeated-k-mlp-W2-indices-swapped", note="(A1)_{ik} is A1 as written, not A1ᵀ: m × n_h times m × 1 needs n_h = m (equal at the example); the checker's other sizes tell (no oracle)")
C(S, "W", L, r"\frac{\partial L}{\partial W_{ij}} = \frac{1}{m}X_{ki}(P_{kj} - Y_{kj})", oracle=SW, style="einstein-implicit-k-softmax-W")
C(S, "W", L, r"\frac{\partial L}{\partial W_{ij}} = \frac{1}{m}X_{ki}(Y_{kj} - P_{kj})", "sign", oracle=f"-{SW}", style="einstein-implicit-k-softmax-W-sign")
C(S, "b", L, r"\frac{\partial L}{\partial b_{j}} = \frac{1}{m}\delta_{jl}\sum_{k}(P_{kl} - Y_{kl})", oracle=SB, style="einstein-kronecker-delta-softmax-b")
C(R, "w2", L, r"\frac{\partial L}{\partial (w_2)_{hj}} = 2\,(h_{\mathrm{relu}})_{nh}\,(y_{\mathrm{pred}} - y)_{nj}", oracle=RW2, style="einstein-repeated-n-relu-w2")
C(R, "w2", L, r"\frac{\partial L}{\partial (w_2)_{hj}} = 2\,(h)_{nh}\,(y_{\mathrm{pred}} - y)_{nj}", "*", oracle="2 * h.T @ (y_pred - y)", style="einstein-repeated-n-relu-w2-pre-activation")
C(A, "W_v", L, r"\frac{\partial L}{\partial (W_v)_{ab}} = \frac{2}{nd}X_{ja}A_{ij}(O - T)_{ib}", oracle=AWV, style="einstein-three-indices-attention-Wv")
C(A, "W_v", L, r"\frac{\partial L}{\partial (W_v)_{ab}} = \frac{2}{nd}X_{ja}A_{ji}(O - T)_{ib}", "*", oracle="X.T @ A @ (2 * (O - T) / (n * d))", style="einstein-attention-Wv-A-indices-swapped")
C(E, "w", L, r"\frac{\partial L}{\partial w_{j}} = (O - t)\,O(1 - O)\,x_{j}", oracle=EW, style="einstein-free-index-neuron-w")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta_{j}} = \frac{2}{mn}(Y_{ij} - T_{ij}) \quad \text{(summed over } i\text{)}", oracle=BNB, style="einstein-summed-i-batchnorm-beta")

# ================================================================ hand numbers: digit groups, 1.2e-3, 1.2 × 10^{-3}, full-width digits and punctuation (exact: check_oracle.exact_value)
C(E, "w[0,1]", V, r"$-3.67 \times 10^{-2}$", style="v49-neuron-w-01-latex-sci-3sf", note="exact −0.0367354")
C(E, "w[0,1]", V, "-3.674e-2", style="v49-neuron-w-01-e-4sf")
C(E, "w[0,1]", V, "-3.764e-2", "*", style="v49-neuron-w-01-digits-swapped")
C(E, "w[0,2]", V, "答：－０．０２４４９", lang=Z, style="zh-v49-neuron-w-02-full-width", note="exact −0.0244903; full-width digits, minus and point")
C(E, "w[0,2]", V, "答：－０．０２４９４", "*", lang=Z, style="zh-v49-neuron-w-02-full-width-swapped")
C(T, "W2[1,0]", V, "−0.117 17", style="v49-tiny-W2-10-digit-groups", note="exact −0.117174; ISO digit groups of three")
C(T, "W2[1,0]", V, r"$-0.117\,17$", style="v49-tiny-W2-10-latex-thin-space-groups")
C(T, "W2[1,0]", V, "−0.171 17", "*", style="v49-tiny-W2-10-digit-groups-wrong")
C(T, "W1[1,1]", V, "-3.27e-3", style="v49-tiny-W1-11-e-3sf", note="exact −0.00326955")
C(T, "W1[1,1]", V, "-3.27e-2", "*", style="v49-tiny-W1-11-exponent-off")
C(T, "W1[1,1]", V, "-0.003", "too-few-digits", style="v49-tiny-W1-11-one-digit")
C(M, "W2[0,0]", V, "结果：－０．１７６３", lang=Z, style="zh-v49-mlp-W2-00-full-width-colon", note="exact −0.176283")
C(M, "W2[0,0]", V, "结果：０．１７６３", "sign", lang=Z, style="zh-v49-mlp-W2-00-full-width-sign")
C(M, "W1[0,0]", V, "约为 −0.0979", lang=Z, style="zh-v49-mlp-W1-00-approx-3sf", note="exact −0.0979352")
C(M, "W1[0,0]", V, "约为 −0.0997", "*", lang=Z, style="zh-v49-mlp-W1-00-approx-swapped")
C(M, "b1[0,1]", V, r"$-1.811 \times 10^{-2}$", style="v49-mlp-b1-01-latex-sci", note="exact −0.0181135")
C(M, "b1[0,1]", V, r"$-1.811 \times 10^{-3}$", "*", style="v49-mlp-b1-01-latex-sci-exponent-off")
C(MW, "W1[1,0]", V, "−0.5589", style="v49-weighted-W1-10", note="exact −0.558872")
C(MW, "W1[1,0]", V, "−0.1863", "*", style="v49-weighted-W1-10-weight-dropped-third")
C(MW, "b1[0,0]", V, "梯度为 －0.1822。", lang=Z, style="zh-v49-weighted-b1-00-full-stop", note="exact −0.182172")
C(R, "w2[1,1]", V, "−479.78 × 10⁻³", style="v49-relu-w2-11-milli-sci", note="exact −0.47978")
C(R, "w2[1,1]", V, "−497.78 × 10⁻³", "*", style="v49-relu-w2-11-milli-sci-swapped")
C(R, "w1[0,0]", V, "1,407.3e-3", style="v49-relu-w1-00-thousands-separator-e", note="exact 1.40728; a thousands separator before the decimal point")
C(R, "w1[0,0]", V, "1,470.3e-3", "*", style="v49-relu-w1-00-thousands-separator-swapped")
C(S, "W[0,2]", V, "−4.946 × 10^{-1}", style="v49-softmax-W-02-typed-sci-caret", note="exact −0.494601")
C(S, "W[0,2]", V, "−4.946 × 10^{1}", "*", style="v49-softmax-W-02-typed-sci-exponent-sign")
C(S, "b[0,1]", V, "ｂ的梯度：０.３７０９", lang=Z, style="zh-v49-softmax-b-01-full-width-mixed", note="exact 0.370936")
C(S, "b[0,1]", V, "0.4", "too-few-digits", style="v49-softmax-b-01-one-digit")
C(B, "W[0,0]", V, "-0.3047", style="v49-bn-W-00", note="exact −0.304686")
C(B, "W[0,0]", V, "-0.3074", "*", style="v49-bn-W-00-swapped")
C(B, "gamma[0,1]", V, "1.264 4", style="v49-bn-gamma-01-digit-group", note="exact 1.26444")
C(B, "gamma[0,1]", V, "−1.2644", "sign", style="v49-bn-gamma-01-sign")
C(R2, "b[0,0]", V, "$-2.234\\times10^{-1}$", style="v49-rnn-b-00-latex-sci-tight", note="exact −0.223447")
C(R2, "W_h[1,1]", V, "W_h[1,1] 的梯度约为 －０．２７４２", lang=Z, style="zh-v49-rnn-Wh-11-sentence-full-width", note="exact −0.274246")
C(R2, "W_h[1,1]", V, "－０．２４７２", "*", lang=Z, style="zh-v49-rnn-Wh-11-full-width-swapped")
C(A, "W_k[0,1]", V, "-3.02E-2", style="v49-attention-Wk-01-capital-E", note="exact −0.0301994")
C(A, "W_k[0,1]", V, "-3.2E-2", "*", style="v49-attention-Wk-01-capital-E-wrong")
C(A, "W_v[0,0]", V, "−0.1300", style="v49-attention-Wv-00-trailing-zero", note="exact −0.130038")
C(CH, "w", V, "4.0 × 10¹", style="v49-chain-w-unicode-sci", note="exact 40")
C(CH, "w", V, "４０", lang=Z, style="zh-v49-chain-w-full-width")
C(CH, "x", V, "6.0e1", style="v49-chain-x-e", note="exact 60")
C(CH, "x", V, "6.0e2", "*", style="v49-chain-x-e-exponent-off")

# ================================================================ course network: CPO loss with its NLL term (TRL), Leibniz and typed, zh
CPG = r"g = -\beta(1 - \epsilon)\,\sigma(-\beta u) + \beta\epsilon\,\sigma(\beta u), \quad u = \mathrm{logits}, \quad \epsilon = \mathrm{label\_smoothing}, \quad \alpha = \mathrm{cpo\_alpha}"
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(-\mathrm{xc}\,W)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right], \quad " + CPG, oracle=CP_W, style="cpo-W-logsigmoid-prime-sigma-minus")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \left(1 - \sigma(\mathrm{xc}\,W)\right)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \left(1 - \sigma(\mathrm{xr}\,W)\right)\right], \quad " + CPG, oracle=CP_W, style="cpo-W-one-minus-sigma")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[g \odot \sigma(-\mathrm{xc}\,W)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right], \quad " + CPG, "*", oracle=CP_NO_NLL, style="cpo-W-nll-term-dropped", note="the behaviour-cloning NLL (cpo_alpha = 1) is part of the loss")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(\mathrm{xc}\,W)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(\mathrm{xr}\,W)\right], \quad " + CPG, "*", oracle=f"(xc.T @ (({CP_G} - cpo_alpha / N) * sigmoid(xc @ W))) - xr.T @ ({CP_G} * sigmoid(xr @ W))", style="cpo-W-logsigmoid-prime-sigma-plus", note="d/ds log σ(s) = σ(−s), not σ(s)")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(-\mathrm{xc}\,W)\right] - \mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right], \quad " + CPG, "scale-factor", oracle=f"N * {CP_W}", style="cpo-W-mean-dropped")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(-\mathrm{xc}\,W)\right] + \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right], \quad " + CPG, "*", oracle=f"(xc.T @ (({CP_G} - cpo_alpha / N) * (1 - sigmoid(xc @ W))) + xr.T @ ({CP_G} * (1 - sigmoid(xr @ W))))", style="cpo-W-rejected-sign")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(-\mathrm{xc}\,W)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right], \quad g = -\beta\,\sigma(-\beta u), \quad u = \mathrm{logits}, \quad \alpha = \mathrm{cpo\_alpha}", "*", oracle="(xc.T @ ((-beta * sigmoid(-beta * logits) / N - cpo_alpha / N) * (1 - sigmoid(xc @ W))) - xr.T @ (-beta * sigmoid(-beta * logits) / N * (1 - sigmoid(xr @ W))))", style="cpo-W-label-smoothing-dropped", note="label_smoothing = 0.1 in the spec")
C(CP, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x_c^{\top}\left[(g - \alpha) \odot \sigma(-x_c W)\right] - \frac{1}{N}x_r^{\top}\left[g \odot \sigma(-x_r W)\right]$，其中 $x_c = \mathrm{xc}$，$x_r = \mathrm{xr}$，$" + CPG + "$", oracle=CP_W, lang=Z, style="cpo-zh-W-subscript-names-clauses")
C(CP, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x_c^{\top}\left[(g + \alpha) \odot \sigma(-x_c W)\right] - \frac{1}{N}x_r^{\top}\left[g \odot \sigma(-x_r W)\right]$，其中 $x_c = \mathrm{xc}$，$x_r = \mathrm{xr}$，$" + CPG + "$", "*", oracle=f"(xc.T @ (({CP_G} + cpo_alpha / N) * (1 - sigmoid(xc @ W))) - xr.T @ ({CP_G} * (1 - sigmoid(xr @ W))))", lang=Z, style="cpo-zh-W-nll-sign")
C(CP, "W", N, "∂L/∂W = [xcᵀ((g − α) ⊙ σ(−xc W)) − xrᵀ(g ⊙ σ(−xr W))]/N，g = −β(1 − ε)σ(−β·logits) + βε·σ(β·logits)，ε = label_smoothing，α = cpo_alpha", oracle=CP_W, lang=Z, style="cpo-zh-typed-W")
C(CP, "W", N, "∂L/∂W = [xcᵀ((g − α) ⊙ σ(−xc W)) − xrᵀ(g ⊙ σ(−xr W))]/N，g = β(1 − ε)σ(−β·logits) − βε·σ(β·logits)，ε = label_smoothing，α = cpo_alpha", "*", oracle=f"(xc.T @ ((-{CP_G} - cpo_alpha / N) * (1 - sigmoid(xc @ W))) + xr.T @ ({CP_G} * (1 - sigmoid(xr @ W))))", lang=Z, style="cpo-zh-typed-W-g-sign")
C(CP, "W", L, r"\nabla_W \mathcal{L} = \frac{1}{N}\Big(\mathrm{xc}^{\top}\big[(g - \alpha)\odot(1 - e^{\mathrm{chosen\_logps}})\big] - \mathrm{xr}^{\top}\big[g \odot (1 - e^{\mathrm{rejected\_logps}})\big]\Big), \quad " + CPG, oracle=CP_W, style="cpo-W-exp-logps")
C(CP, "W", L, r"\nabla_W \mathcal{L} = \frac{1}{N}\Big(\mathrm{xc}^{\top}\big[(g - \alpha)\odot e^{\mathrm{chosen\_logps}}\big] - \mathrm{xr}^{\top}\big[g \odot e^{\mathrm{rejected\_logps}}\big]\Big), \quad " + CPG, "*", oracle=f"(xc.T @ (({CP_G} - cpo_alpha / N) * sigmoid(xc @ W))) - xr.T @ ({CP_G} * sigmoid(xr @ W))", style="cpo-W-exp-logps-not-complement")
C(CP, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(-\mathrm{xc}\,W)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right] + \mu W, \quad " + CPG, REFUSE, style="cpo-W-mu-undefined", note="μ is no constant of the network")
C(CP, "W", L, r"$W \leftarrow W - \eta\,\frac{\partial L}{\partial W}$，$\frac{\partial L}{\partial W} = \frac{1}{N}\mathrm{xc}^{\top}\left[(g - \alpha) \odot \sigma(-\mathrm{xc}\,W)\right] - \frac{1}{N}\mathrm{xr}^{\top}\left[g \odot \sigma(-\mathrm{xr}\,W)\right]$", REFUSE, lang=Z, style="cpo-zh-update-eta-g-undefined", note="更新步骤带学习率 η，g 也没有定义")

# ================================================================ course network: NALU (PyTorch), Leibniz and typed, zh
NAD = r"\delta = \frac{2}{Nk}(\hat{y} - y)"
NAW = r"\frac{\partial L}{\partial W} = x^{\top}(\delta \odot g) + \log(|x| + \epsilon)^{\top}\left(\delta \odot (1 - g) \odot m\right)"
C(NA, "G", L, r"\frac{\partial L}{\partial G} = \frac{2}{Nk}\,x^{\top}\left[(\hat{y} - y) \odot (a - m) \odot g \odot (1 - g)\right]", oracle=NA_G, style="nalu-G-gate")
C(NA, "G", L, r"\frac{\partial L}{\partial G} = \frac{2}{Nk}\,x^{\top}\left[(\hat{y} - y) \odot (m - a) \odot g \odot (1 - g)\right]", "sign", oracle=f"-{NA_G}", style="nalu-G-gate-paths-swapped")
C(NA, "G", L, r"\frac{\partial L}{\partial G} = \frac{2}{Nk}\,x^{\top}\left[(\hat{y} - y) \odot (a - m)\right]", "missing-activation-derivative", oracle=f"x.T @ ({NA_D} * (a - m))", style="nalu-G-sigma-prime-dropped")
C(NA, "G", L, r"\frac{\partial L}{\partial G} = \frac{2}{N}\,x^{\top}\left[(\hat{y} - y) \odot (a - m) \odot g \odot (1 - g)\right]", "scale-factor", oracle=f"k * {NA_G}", style="nalu-G-mean-over-N-only", note="F.mse_loss averages all N·k entries")
C(NA, "G", L, r"\frac{\partial L}{\partial G} = \frac{2}{Nk}\,x^{\top}\left[(\hat{y} - y) \odot a \odot g \odot (1 - g)\right]", "*", oracle=f"x.T @ ({NA_D} * a * g * (1 - g))", style="nalu-G-multiplicative-path-dropped")
C(NA, "G", L, r"$\frac{\partial L}{\partial G} = x^{\top}\left[\delta \odot (a - m) \odot g \odot (1 - g)\right]$，$" + NAD + "$", oracle=NA_G, lang=Z, style="nalu-zh-G-delta-clause")
C(NA, "G", N, "dG = xᵀ[δ ⊙ (a − m) ⊙ g ⊙ (1 − g)]，δ = 2(y_hat − y)/(N·k)（门的导数）", oracle=NA_G, lang=Z, style="nalu-zh-typed-G")
C(NA, "G", N, "dG = xᵀ[δ ⊙ (a − m) ⊙ g ⊙ (1 − g)]，δ = 2(y_hat − y)/(N·d)", "scale-factor", oracle=f"{NA_G} * k / d", lang=Z, style="nalu-zh-typed-G-wrong-size", note="d 是输入维度，应为 k")
C(NA, "W_hat", L, NAW + r" , \quad " + NAD + r", \quad \frac{\partial L}{\partial \hat{W}} = \frac{\partial L}{\partial W} \odot \left(1 - \tanh^2(\hat{W})\right) \odot \sigma(\hat{M})", oracle=NA_WH, style="nalu-W-hat-two-paths")
C(NA, "W_hat", L, r"\frac{\partial L}{\partial W} = x^{\top}(\delta \odot g), \quad " + NAD + r", \quad \frac{\partial L}{\partial \hat{W}} = \frac{\partial L}{\partial W} \odot \left(1 - \tanh^2(\hat{W})\right) \odot \sigma(\hat{M})", "*", oracle=f"x.T @ ({NA_D} * g) * (1 - np.tanh(W_hat) ** 2) * sigmoid(M_hat)", style="nalu-W-hat-multiplicative-path-dropped")
C(NA, "W_hat", L, NAW + r" , \quad " + NAD + r", \quad \frac{\partial L}{\partial \hat{W}} = \frac{\partial L}{\partial W} \odot \left(1 - \tanh(\hat{W})\right) \odot \sigma(\hat{M})", "*", oracle=f"{NA_W} * (1 - np.tanh(W_hat)) * sigmoid(M_hat)", style="nalu-W-hat-tanh-prime-wrong")
C(NA, "W_hat", L, NAW + r" , \quad " + NAD + r", \quad \frac{\partial L}{\partial \hat{W}} = \frac{\partial L}{\partial W} \odot \left(1 - \tanh^2(\hat{W})\right)", "*", oracle=f"{NA_W} * (1 - np.tanh(W_hat) ** 2)", style="nalu-W-hat-sigma-M-factor-dropped")
C(NA, "M_hat", L, NAW + r" , \quad " + NAD + r", \quad \frac{\partial L}{\partial \hat{M}} = \frac{\partial L}{\partial W} \odot \tanh(\hat{W}) \odot \sigma(\hat{M}) \odot \left(1 - \sigma(\hat{M})\right)", oracle=NA_MH, style="nalu-M-hat-two-paths")
C(NA, "M_hat", L, NAW + r" , \quad " + NAD + r", \quad \frac{\partial L}{\partial \hat{M}} = \frac{\partial L}{\partial W} \odot \tanh(\hat{W}) \odot \sigma(\hat{M})", "*", oracle=f"{NA_W} * np.tanh(W_hat) * sigmoid(M_hat)", style="nalu-M-hat-sigma-prime-half")
C(NA, "M_hat", L, r"$" + NAW + r"$，$" + NAD + r"$，$\frac{\partial L}{\partial \hat{M}} = \frac{\partial L}{\partial W} \odot \tanh(\hat{W}) \odot \sigma'(\hat{M})$", oracle=NA_MH, lang=Z, style="nalu-zh-M-hat-sigma-prime")
C(NA, "M_hat", L, r"$" + NAW.replace(r"(1 - g)", "g") + r"$，$" + NAD + r"$，$\frac{\partial L}{\partial \hat{M}} = \frac{\partial L}{\partial W} \odot \tanh(\hat{W}) \odot \sigma'(\hat{M})$", "*", oracle=f"(x.T @ ({NA_D} * g) + np.log(np.abs(x) + eps).T @ ({NA_D} * g * m)) * np.tanh(W_hat) * sigmoid(M_hat) * (1 - sigmoid(M_hat))", lang=Z, style="nalu-zh-M-hat-gate-not-complement")
C(NA, "G", L, r"\frac{\partial L}{\partial G} = \frac{2}{Nk}\,x^{\top}\left[(\hat{y} - y) \odot (a - m) \odot \sigma'(\mathbf{z}_g)\right]", REFUSE, style="nalu-G-z-g-undefined", note="z_g (the gate's pre-activation) is no node and no clause names it")

# ================================================================ course network: FixMatch (JAX / Optax), integer labels, the mask
FMC = r"P_l = \operatorname{softmax}(x_l W + b), \quad Y_l = \operatorname{onehot}(y_l), \quad P_s = \operatorname{softmax}(x_s W + b), \quad \tilde{Y} = \operatorname{onehot}(\mathrm{pseudo})"
FMC_ZH = r"$P_l = \operatorname{softmax}(x_l W + b)$，$Y_l = \operatorname{onehot}(y_l)$，$P_s = \operatorname{softmax}(x_s W + b)$，$\tilde{Y} = \operatorname{onehot}(\mathrm{pseudo})$"
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}x_s^{\top}\left[\mathrm{mask} \odot (P_s - \tilde{Y})\right], \quad " + FMC, oracle=FM_W, style="fixmatch-W-mask-odot")
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}x_s^{\top}\operatorname{diag}(\mathrm{mask})(P_s - \tilde{Y}), \quad " + FMC, oracle=FM_W, style="fixmatch-W-diag-mask")
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}x_s^{\top}(P_s - \tilde{Y}), \quad " + FMC, "*", oracle=f"x_l.T @ {FM_GL} + lambda_u * x_s.T @ ({FM_PS} - {FM_YS}) / U", style="fixmatch-W-mask-dropped")
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{\sum_i \mathrm{mask}_i}x_s^{\top}\left[\mathrm{mask} \odot (P_s - \tilde{Y})\right], \quad " + FMC, "*", oracle=f"x_l.T @ {FM_GL} + lambda_u * x_s.T @ (mask[:, None] * ({FM_PS} - {FM_YS})) / mask.sum()", style="fixmatch-W-mean-over-kept", note="the spec's .mean() divides by U, not by the kept count")
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{N}x_s^{\top}\left[\mathrm{mask} \odot (P_s - \tilde{Y})\right], \quad " + FMC, "*", oracle=f"x_l.T @ {FM_GL} + lambda_u * x_s.T @ (mask[:, None] * ({FM_PS} - {FM_YS})) / N", style="fixmatch-W-unlabelled-over-N")
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(Y_l - P_l) + \frac{\lambda_u}{U}x_s^{\top}\left[\mathrm{mask} \odot (\tilde{Y} - P_s)\right], \quad " + FMC, "sign", oracle=f"-{FM_W}", style="fixmatch-W-sign")
C(FM, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}x_s^{\top}\left[\mathrm{mask} \odot (P_s - \tilde{Y})\right]$，其中 " + FMC_ZH + "（伪标签在 stop_gradient 之下）", oracle=FM_W, lang=Z, style="fixmatch-zh-W-remark")
C(FM, "W", L, r"$\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l)$，其中 " + FMC_ZH, "*", oracle=f"x_l.T @ {FM_GL}", lang=Z, style="fixmatch-zh-W-unsupervised-dropped")
C(FM, "W", N, "∂L/∂W = x_lᵀ(softmax(x_l W + b) − onehot(y_l))/N + λ_u·x_sᵀ[mask ⊙ (softmax(x_s W + b) − onehot(pseudo))]/U", oracle=FM_W, lang=Z, style="fixmatch-zh-typed-W")
C(FM, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{N}\mathbf{1}^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}\mathbf{1}^{\top}\left[\mathrm{mask} \odot (P_s - \tilde{Y})\right], \quad " + FMC, oracle=FM_B, style="fixmatch-b-ones")
C(FM, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{N}\mathbf{1}^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}\mathbf{1}^{\top}(P_s - \tilde{Y}), \quad " + FMC, "*", oracle=f"np.sum({FM_GL}, axis=0, keepdims=True) + lambda_u * np.sum({FM_PS} - {FM_YS}, axis=0, keepdims=True) / U", style="fixmatch-b-mask-dropped")
C(FM, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{N}\sum_{i=1}^{N}(P_l - Y_l)_{i,:} + \frac{\lambda_u}{U}\sum_{u=1}^{U}\mathrm{mask}_u\,(P_s - \tilde{Y})_{u,:}, \quad " + FMC, oracle=FM_B, style="fixmatch-b-row-sums-index")
C(FM, "b", N, "db = 𝟏ᵀ(P_l − Y_l)/N + λ_u·𝟏ᵀ(mask ⊙ (P_s − Y_s))/U，P_l = softmax(x_l W + b)，Y_l = onehot(y_l)，P_s = softmax(x_s W + b)，Y_s = onehot(pseudo)", oracle=FM_B, lang=Z, style="fixmatch-zh-typed-b")
C(FM, "b", N, "db = 𝟏ᵀ(P_l − Y_l)/N + λ_u·𝟏ᵀ(mask ⊙ (P_s − Y_s))/N，P_l = softmax(x_l W + b)，Y_l = onehot(y_l)，P_s = softmax(x_s W + b)，Y_s = onehot(pseudo)", "*", oracle=f"np.sum({FM_GL}, axis=0, keepdims=True) + lambda_u * np.sum(mask[:, None] * ({FM_PS} - {FM_YS}), axis=0, keepdims=True) / N", lang=Z, style="fixmatch-zh-typed-b-unlabelled-over-N")
C(FM, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{N}x_l^{\top}(P_l - Y_l) + \frac{\lambda_u}{U}x_s^{\top}\left[\mathrm{mask} \odot (P_w - \tilde{Y})\right], \quad " + FMC, REFUSE, style="fixmatch-W-weak-view-undefined", note="P_w (the weak view's probabilities) is no node and no clause names it")

# ================================================================ course network: JANET read-out (JAX), optax.l2_loss
C(JN, "Wo", L, r"\frac{\partial L}{\partial W_o} = \frac{1}{N}c_2^{\top}(\mathrm{pred} - y)", oracle=JN_WO, style="janet-Wo")
C(JN, "Wo", L, r"\frac{\partial L}{\partial W_o} = \frac{2}{N}c_2^{\top}(\mathrm{pred} - y)", "scale-factor", oracle=f"2 * {JN_WO}", style="janet-Wo-l2-loss-half-forgotten", note="optax.l2_loss is half the squared error")
C(JN, "Wo", L, r"\frac{\partial L}{\partial W_o} = \frac{1}{N}c_1^{\top}(\mathrm{pred} - y)", "*", oracle="c1.T @ (pred - y) / N", style="janet-Wo-first-step-state")
C(JN, "Wo", L, r"\frac{\partial L}{\partial W_o} = \frac{1}{N}c_2^{\top}(y - \mathrm{pred})", "sign", oracle=f"-{JN_WO}", style="janet-Wo-sign")
C(JN, "Wo", L, r"$\frac{\partial L}{\partial W_o} = \frac{1}{N}\mathbf{h}_2^{\top}(\hat{\mathbf{y}} - \mathbf{y})$，$\mathbf{h}_2 = c_2$（JANET 中 $h_t = c_t$），$\hat{\mathbf{y}} = \mathrm{pred}$", oracle=JN_WO, lang=Z, style="janet-zh-Wo-h-equals-c")
C(JN, "Wo", N, "dWo = c2ᵀ(pred − y)/N（optax.l2_loss 带 1/2）", oracle=JN_WO, lang=Z, style="janet-zh-typed-Wo")
C(JN, "Wo", N, "dWo = c2ᵀ(pred − y)", "scale-factor", oracle=f"N * {JN_WO}", lang=Z, style="janet-zh-typed-Wo-no-mean")

# ================================================================ course network: TF NHWC conv + sigmoid, the scalar bias
C(TN, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{8}\sum_{i,j}(A - Y)_{ij}\,A_{ij}(1 - A_{ij})", oracle=TN_B, style="tf-nhwc-b-index-sum")
C(TN, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{16}\sum_{i,j}(A - Y)_{ij}\,A_{ij}(1 - A_{ij})", "scale-factor", oracle=f"{TN_B} / 2", style="tf-nhwc-b-two-dropped")
C(TN, "b", L, r"\frac{\partial L}{\partial b} = \frac{1}{8}\sum_{i,j}(A - Y)_{ij}", "missing-activation-derivative", oracle="np.sum(A - Y) / 8", style="tf-nhwc-b-sigmoid-prime-dropped")
C(TN, "b", N, "∂L/∂b = Σ 2(A − Y) ⊙ A ⊙ (1 − A) / 16", oracle=TN_B, style="tf-nhwc-typed-b")
C(TN, "b", N, "∂L/∂b = Σ 2(A − Y) ⊙ A ⊙ (1 − A)（reduce_mean 的 1/16 已省略）", "scale-factor", oracle=f"16 * {TN_B}", lang=Z, style="tf-nhwc-zh-typed-b-mean-dropped")
C(TN, "b", L, r"$\frac{\partial L}{\partial b} = \mathbf{1}^{\top}\left[\frac{2}{16}(A - Y) \odot \sigma'(Z)\right]\mathbf{1}$", oracle=TN_B, lang=Z, style="tf-nhwc-zh-b-ones-both-sides")

# ================================================================ course network: NumPy per-channel convolution, ReLU, the scalar bias
C(PC, "b", L, r"\frac{\partial L}{\partial b} = \sum_{i,j}(A - Y)_{ij}\,\mathbb{1}[Z_{ij} > 0]", oracle=PC_B, style="per-channel-b-index-indicator")
C(PC, "b", L, r"\frac{\partial L}{\partial b} = \sum_{i,j}(A - Y)_{ij}", "missing-activation-derivative", oracle="np.sum(A - Y)", style="per-channel-b-relu-mask-dropped")
C(PC, "b", L, r"\frac{\partial L}{\partial b} = 2\sum_{i,j}(A - Y)_{ij}\,\mathbb{1}[Z_{ij} > 0]", "scale-factor", oracle=f"2 * {PC_B}", style="per-channel-b-half-forgotten")
C(PC, "b", N, "db = Σ (A − Y) ⊙ (Z > 0)（所有 3×3 个位置求和）", oracle=PC_B, lang=Z, style="per-channel-zh-typed-b")
C(PC, "b", N, "db = mean((A − Y) ⊙ (Z > 0))", "scale-factor", oracle=f"{PC_B} / 9", lang=Z, style="per-channel-zh-typed-b-mean")
C(PC, "b", L, r"$\frac{\partial L}{\partial b} = \mathbf{1}^{\top}\left[(A - Y) \odot \mathbb{1}[Z > 0]\right]\mathbf{1}$（偏置是标量）", oracle=PC_B, lang=Z, style="per-channel-zh-b-ones")
C(PC, "b", L, r"$\frac{\partial L}{\partial b} = \mathbf{1}^{\top}\left[(A - Y) \odot \mathbb{1}[A > 0]\right]\mathbf{1}$", oracle=PC_B, lang=Z, style="per-channel-zh-b-mask-on-A", note="A > 0 exactly where Z > 0")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c49t-000, … as written; cases repeating corpora 2-48t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus49t", "c49t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
