"""The held-out-style corpus of issue 11, thirty-seventh round, text side (``c37t``): LaTeX, plain
text and hand numbers in the notations of sources no corpus had used — Deisenroth, Faisal & Ong's
*Mathematics for Machine Learning* (ch. 5: ``\\frac{\\mathrm{d}L}{\\mathrm{d}\\boldsymbol{w}}`` with an
upright d, Leibniz chains over every node), Murphy's *Probabilistic Machine Learning*
(``\\nabla_{\\boldsymbol W} \\mathrm{NLL}``, per-example sums in the column convention), Karpathy's
micrograd in prose ("the local gradient times the global gradient", ``w.grad = 40.0``), CS231n's
prose "dL/dw = …" with inline ``$\\frac{…}{…}$``, Word's equation editor pasted as Unicode
(``∂𝐿∕∂𝑊``, math-italic ``𝑊``, ``ℎ`` the Planck constant, ``𝑦̂``, ``⁽²⁾``, ``⋅``, ``∑ᵢ``),
AsciiMath (``dL/dW = X^T(hat y - y)/m``, ``sum_(i=1)^m``, ``odot``), Jupyter Markdown cells
(headings, ``$…$`` inline in prose), Overleaf macros (``\\newcommand{\\pd}[2]{…}``, ``\\def``,
``\\DeclareMathOperator``), 《深度学习》花书 / 考研 / 期末 answers (解：/ 答：, full-width
brackets, ``\\mathbb{I}``), hand numbers in scientific notation (``-1.635 \\times 10^{-2}``,
``−3.67 × 10⁻²``), fractions of exact values (``−2041/500``), percentages (refused by the written
policy), whole matrices as grids, tab-separated rows, ``pmatrix``; entry formulas by label
(``--wrt w22``, ``--wrt v2``); ``--rtol``/``--digits``; answer keys of three exercise variants; six
course networks no corpus had used (Ng's ex5 regularised linear regression with ``np.c_``, an
L2-SVM with an elastic-net penalty, Keras' log-cosh plus Charbonnier, Hinton's distillation with
``T²``, BPR with log-sigmoid, mixup with the batch flipped); Chinese answers.

``verdict``/``code`` as in corpus33 (``"*"`` any code); every expectation was written from the
mathematics before the checker ran on any case (bench/RESULTS.md, "heldtex37"). Oracles: PyTorch
float64 (tests/check_oracle.py) on built-ins, the spec's own text run in PyTorch on course
networks (tests/spelled_oracle.py); hand numbers computed in PyTorch float64 at derive's example
point or at an answer key's ``values`` (recomputed outside derive) and rounded by hand.
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
NG = str(COURSE / "hn36_ng_ex1_np_c_ones_column_reg.toml")
SV = str(COURSE / "hn36_l2svm_squared_hinge_elastic_net.toml")
LC = str(COURSE / "hn36_keras_log_cosh_charbonnier_tf.toml")
KD = str(COURSE / "hn36_distillation_kl_batchmean_t_squared.toml")
BP = str(COURSE / "bpr_logsigmoid.toml")
MX = str(COURSE / "hn36_mixup_flip_batch_soft_targets.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

T, E, CH, M, MW, R = "tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp"
S, B, R2, A = "softmax-regression", "batchnorm", "rnn", "attention"


def K(net: str, variant: int, seed: int) -> dict:  # noqa: N802
    """Grade against the answer key of ``net``'s exercise variant (``--answers``)."""
    return {"answers": (net, variant, seed)}


# chain v2/7: x = 2, w = -0.3, b = -0.1 (v = -0.7); neuron v4/3: x = [0.7, 0.1, 0.2], w = [0.3, -0.4, 0.6],
# t = 0.3; batchnorm v1/5 (values in the key): gradients by PyTorch float64 at those values
KC, KN, KB = K(CH, 2, 7), K(E, 4, 3), K(B, 1, 5)

from corpus20 import B2R, EW, RW1, RW2, SB, SW, TW1, TW2, W1R, W2R  # noqa: E402

TDH = "((y_pred - y_target) * W2.T * h * (1 - h))"
B1R = "np.sum((A2 - Y) @ W2.T * (Z1 > 0), axis=0, keepdims=True) / m"

# ================================================================ Mathematics for Machine Learning (ch. 5): upright d, bold vectors
C(E, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{w}} = (O - t)\, O (1 - O)\, \boldsymbol{x}", oracle=EW, style="mml-upright-d-neuron")
C(E, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{w}} = \frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial \boldsymbol{w}} = (O - t)\,\sigma(z)\big(1 - \sigma(z)\big)\,\boldsymbol{x}", oracle=EW, style="mml-chain-then-product")
C(E, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{w}} = \frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial \boldsymbol{w}} = (O - t)\,\sigma(z)\,\boldsymbol{x}", "wrong-activation-derivative", oracle="(O - t) * O * x", style="mml-sigma-for-sigma-prime")
C(E, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{w}} = (t - O)\, O (1 - O)\, \boldsymbol{x}", "sign", oracle=f"-{EW}", style="mml-neuron-sign")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = \frac{\mathrm{d}L}{\mathrm{d}v}\frac{\mathrm{d}v}{\mathrm{d}u}\frac{\mathrm{d}u}{\mathrm{d}w} = 2v \cdot 1 \cdot x", oracle="2 * v * x", style="mml-chain-upright-product")
C(CH, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = \frac{\mathrm{d}L}{\mathrm{d}v}\frac{\mathrm{d}v}{\mathrm{d}u}\frac{\mathrm{d}u}{\mathrm{d}w} = 2v \cdot 1 \cdot w", "*", oracle="2 * v * w", style="mml-chain-local-gradient-wrong")
C(CH, "b", L, r"\frac{\mathrm{d}L}{\mathrm{d}b} = 2\,(wx + b)", oracle="2 * (w * x + b)", style="mml-chain-b")
C(CH, "x", L, r"\frac{\mathrm{d}L}{\mathrm{d}x} = 2\,(wx + b)\,w", oracle="2 * (w * x + b) * w", style="mml-chain-x")
C(CH, "x", L, r"\frac{\mathrm{d}L}{\mathrm{d}x} = 2\,(wx + b)\,x", "*", oracle="2 * (w * x + b) * x", style="mml-chain-x-wrong-factor")
C(T, "W2", L, r"\frac{\partial L}{\partial \boldsymbol{W}_2} = \boldsymbol{h}^{\top}(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, style="mml-tiny-W2-boldsymbol")
C(T, "W1", L, r"\frac{\partial L}{\partial \boldsymbol{W}_1} = \boldsymbol{x}^{\top}\Big((y_{\mathrm{pred}} - y_{\mathrm{target}})\,\boldsymbol{W}_2^{\top} \odot \boldsymbol{h} \odot (\boldsymbol{1} - \boldsymbol{h})\Big)", oracle=TW1, style="mml-tiny-W1-Big")
C(T, "W1", L, r"\frac{\partial L}{\partial \boldsymbol{W}_1} = \boldsymbol{x}\Big((y_{\mathrm{pred}} - y_{\mathrm{target}})\,\boldsymbol{W}_2^{\top} \odot \boldsymbol{h} \odot (\boldsymbol{1} - \boldsymbol{h})\Big)", "*", style="mml-tiny-W1-x-untransposed")
C(S, "W", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{W}} = \frac{1}{m}\boldsymbol{X}^{\top}(\boldsymbol{P} - \boldsymbol{Y})", oracle=SW, style="mml-softmax-W")
C(S, "W", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{W}} = \frac{1}{m}(\boldsymbol{P} - \boldsymbol{Y})^{\top}\boldsymbol{X}", "*", style="mml-softmax-W-numerator-layout")
C(R, "h", L, r"\frac{\mathrm{d}\,\mathrm{loss}}{\mathrm{d}\boldsymbol{h}} = 2(\boldsymbol{y}_{\mathrm{pred}} - \boldsymbol{y})\,\boldsymbol{w}_2^{\top} \odot \mathbb{1}(\boldsymbol{h} > 0)", oracle="2 * (y_pred - y) @ w2.T * (h > 0)", style="mml-relu-h")
C(M, "b1", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{b}_1} = \frac{1}{m}\boldsymbol{1}^{\top}\left[(\boldsymbol{A}_2 - \boldsymbol{Y})\,\boldsymbol{W}_2^{\top} \odot \mathbb{1}(\boldsymbol{Z}_1 > 0)\right]", oracle=B1R, style="mml-mlp-b1-ones")
C(M, "b1", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{b}_1} = \frac{1}{m}\left[(\boldsymbol{A}_2 - \boldsymbol{Y})\,\boldsymbol{W}_2^{\top} \odot \mathbb{1}(\boldsymbol{Z}_1 > 0)\right]", "bias-not-summed", style="mml-mlp-b1-unsummed")
C(A, "W_v", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{W}_v} = \frac{2}{nd}\,\boldsymbol{X}^{\top}\boldsymbol{A}^{\top}(\boldsymbol{O} - \boldsymbol{T})", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", style="mml-attention-Wv")
C(A, "W_v", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{W}_v} = \frac{2}{nd}\,\boldsymbol{X}^{\top}(\boldsymbol{O} - \boldsymbol{T})", "*", oracle="X.T @ (2 * (O - T) / (n * d))", style="mml-attention-Wv-no-A")
C(B, "beta", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{\beta}} = \frac{2}{mn}\,\boldsymbol{1}^{\top}(\boldsymbol{Y} - \boldsymbol{T})", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="mml-bn-beta")
C(B, "beta", L, r"\frac{\mathrm{d}L}{\mathrm{d}\boldsymbol{\beta}} = \frac{2}{m}\,\boldsymbol{1}^{\top}(\boldsymbol{Y} - \boldsymbol{T})", "scale-factor", oracle="np.sum(2 * (Y - T) / m, axis=0, keepdims=True)", style="mml-bn-beta-m-only")

# ================================================================ Murphy's PML: ∇ with a bold subscript, NLL, per-example sums
C(S, "W", L, r"\nabla_{\boldsymbol W} \mathrm{NLL}(\boldsymbol W) = \frac{1}{m} \boldsymbol X^\top (\boldsymbol P - \boldsymbol Y)", oracle=SW, style="murphy-nabla-nll")
C(S, "W", L, r"\nabla_{\boldsymbol W} \mathrm{NLL}(\boldsymbol W) = \frac{1}{m} \boldsymbol X^\top (\boldsymbol Y - \boldsymbol P)", "sign", oracle="X.T @ (Y - P) / m", style="murphy-nabla-nll-sign")
C(S, "W", L, r"\nabla_{\boldsymbol W} \mathrm{NLL} = \frac{1}{m}\sum_{i=1}^{m} \boldsymbol x_i (\boldsymbol p_i - \boldsymbol y_i)^\top", oracle=SW, style="murphy-sum-outer-column-convention")
C(S, "W", L, r"\nabla_{\boldsymbol W} \mathrm{NLL} = \sum_{i=1}^{m} \boldsymbol x_i (\boldsymbol p_i - \boldsymbol y_i)^\top", "scale-factor", oracle="X.T @ (P - Y)", style="murphy-sum-outer-no-m")
C(S, "b", L, r"\nabla_{\boldsymbol b} \mathrm{NLL} = \frac{1}{m}\sum_{i=1}^{m} (\boldsymbol p_i - \boldsymbol y_i)", oracle=SB, style="murphy-b-sum")
C(R, "w2", L, r"\nabla_{\boldsymbol W_2} \ell = 2\,\boldsymbol h_{\mathrm{relu}}^\top (\boldsymbol y_{\mathrm{pred}} - \boldsymbol y)", oracle=RW2, style="murphy-relu-w2")
C(R, "w2", L, r"\nabla_{\boldsymbol W_2} \ell = \boldsymbol h_{\mathrm{relu}}^\top (\boldsymbol y_{\mathrm{pred}} - \boldsymbol y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="murphy-relu-w2-no-2")
C(MW, "Z2", L, r"\nabla_{Z^{[2]}} L = \frac{1}{m}\left(A^{[2]} - Y + (w - 1)\, Y \odot (A^{[2]} - 1)\right)", oracle="((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="murphy-weighted-rearranged")
C(MW, "Z2", L, r"\nabla_{Z^{[2]}} L = \frac{1}{m}\left(A^{[2]} - Y\right)", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="murphy-weighted-unweighted-form")

# ================================================================ Karpathy's micrograd in prose (chain: x = 2, w = 3, b = 4, v = 10)
C(CH, "w", N, "The local gradient du/dw is x and the global gradient dL/du is 2v, so by the chain rule dL/dw = 2 * v * x", oracle="2 * v * x", style="micrograd-prose-local-global")
C(CH, "w", N, "The local gradient du/dw is x and the global gradient dL/du is 2v, so by the chain rule dL/dw = 2 * v * w", "*", oracle="2 * v * w", style="micrograd-prose-wrong-local")
C(CH, "b", N, "a plus node just routes the gradient through: dL/db = dL/dv = 2v", oracle="2 * v", style="micrograd-prose-plus-routes")
C(CH, "b", N, "a plus node just routes the gradient through: dL/db = dL/dv = 2v * b", "*", oracle="2 * v * b", style="micrograd-prose-plus-times-b")
C(CH, "w", V, "w.grad = 40.0", style="micrograd-w-grad")
C(CH, "x", V, "x.grad = 60.0", style="micrograd-x-grad")
C(CH, "b", V, "b.grad = 40.0", "*", style="micrograd-b-grad-is-w")

# ================================================================ CS231n's notes: prose with df/dx, inline LaTeX in Markdown
C(CH, "w", N, "dL/du = 2v, du/dw = x, therefore dL/dw = 2v x", oracle="2 * v * x", style="cs231n-prose-chain")
C(CH, "w", N, "dL/du = 2v, du/dw = x, therefore dL/dw = 2v", "*", oracle="2 * v", style="cs231n-prose-dropped-local")
C(E, "w", N, "the sigmoid gate's local gradient is (1 - O) * O, so dL/dw = (O - t) * (1 - O) * O * x", oracle=EW, style="cs231n-sigmoid-gate")
C(E, "w", N, "the sigmoid gate's local gradient is (1 - O) * O, so dL/dw = (O - t) * x", "missing-activation-derivative", oracle="(O - t) * x", style="cs231n-sigmoid-gate-dropped")
C(S, "W", N, "the gradient on the scores is (P - Y)/m, and dL/dW = X^T (P - Y)/m", oracle=SW, style="cs231n-scores-prose")
C(S, "W", N, "the gradient on the scores is (P - Y)/m, and dL/dW = X^T (P - Y)", "scale-factor", oracle="X.T @ (P - Y)", style="cs231n-scores-prose-no-m")
C(S, "W", L, r"The gradient is $\frac{\partial L}{\partial W} = \frac{1}{m} X^T (P - Y)$ where $P$ holds the class probabilities.", oracle=SW, style="cs231n-inline-latex-prose")
C(S, "b", L, r"The bias gets $\frac{\partial L}{\partial b} = \frac{1}{m}\sum_i (P_i - Y_i)$, one entry per class.", oracle=SB, style="cs231n-inline-latex-b")
C(S, "b", L, r"The bias gets $\frac{\partial L}{\partial b} = \frac{1}{m}(P - Y)$, one entry per class.", "bias-not-summed", style="cs231n-inline-latex-b-unsummed")

# ================================================================ Word's equation editor pasted as Unicode
C(T, "W2", N, "∂𝐿∕∂𝑊₂ = ℎᵀ(𝑦̂ − 𝑦)", oracle=TW2, style="word-math-italic-planck-h")
C(T, "W2", N, "∂𝐿∕∂𝑊₂ = ℎ(𝑦̂ − 𝑦)", "*", style="word-h-untransposed")
C(S, "W", N, "∂𝐿∕∂𝑊 = (1∕𝑚)𝑋ᵀ(𝑃 − 𝑌)", oracle=SW, style="word-division-slash")
C(S, "W", N, "∂𝐿∕∂𝑊 = 𝑋ᵀ(𝑃 − 𝑌)", "scale-factor", oracle="X.T @ (P - Y)", style="word-no-m")
C(M, "W2", N, "∂𝐿∕∂𝑊⁽²⁾ = (1∕𝑚)𝐴⁽¹⁾ᵀ(𝐴⁽²⁾ − 𝑌)", oracle=W2R, style="word-superscript-parens")
C(M, "W2", N, "∂𝐿∕∂𝑊⁽²⁾ = (1∕𝑚)𝐴⁽¹⁾ᵀ(𝑌 − 𝐴⁽²⁾)", "sign", oracle="A1.T @ (Y - A2) / m", style="word-superscript-parens-sign")
C(E, "w", N, "∂𝐿∕∂𝒘 = (𝑂 − 𝑡)⋅𝑂(1 − 𝑂)⋅𝒙", oracle=EW, style="word-bold-italic-dot-operator")
C(S, "b", N, "∂𝐿∕∂𝑏 = (1∕𝑚)∑ᵢ(𝑃ᵢ − 𝑌ᵢ)", oracle=SB, style="word-nary-sum")
C(R, "w1", N, "∂loss∕∂𝑤₁ = 𝑥ᵀ[2(𝑦̂ − 𝑦)𝑤₂ᵀ ⊙ 𝟙(ℎ > 0)]", oracle=RW1, style="word-double-struck-one")
C(R, "w1", N, "∂loss∕∂𝑤₁ = 𝑥ᵀ[2(𝑦̂ − 𝑦)𝑤₂ᵀ]", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="word-relu-no-mask")
C(B, "gamma", N, "∂𝐿∕∂𝛾 = (2∕(𝑚𝑛))⋅𝟏ᵀ[(𝑌 − 𝑇) ⊙ 𝑍̂]", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="word-bn-gamma-zhat")
C(B, "gamma", N, "∂𝐿∕∂𝛾 = (2∕(𝑚𝑛))⋅𝟏ᵀ(𝑌 − 𝑇)", "*", oracle="np.sum(2 * (Y - T) / (m * n), axis=0, keepdims=True)", style="word-bn-gamma-no-zhat")
C(A, "V", N, "∂𝐿∕∂𝑉 = (2∕(𝑛𝑑))𝐴ᵀ(𝑂 − 𝑇)", oracle="2 * A.T @ (O - T) / (n * d)", style="word-attention-V")
C(T, "h", N, "∂𝐿∕∂ℎ = (𝑦̂ − 𝑦)𝑊₂ᵀ", oracle="(y_pred - y_target) * W2.T", style="word-tiny-h")
C(R2, "h_2", N, "∂𝐿∕∂ℎ₂ = ℎ₂ − 𝑦", oracle="h_2 - y", style="word-rnn-h2")
C(R2, "h_2", N, "∂𝐿∕∂ℎ₂ = 2(ℎ₂ − 𝑦)", "scale-factor", oracle="2 * (h_2 - y)", style="word-rnn-h2-doubled")
C(S, "W", N, "∂𝐿∕∂𝑊 = (1∕𝑚)𝑋ᵀ(⬚ − 𝑌)", REFUSE, style="word-empty-placeholder", note="Word's empty slot left in the pasted equation")

# ================================================================ AsciiMath
C(M, "W2", N, "dL/dW2 = A1^T(A2 - Y)/m", oracle=W2R, style="ascii-W2")
C(S, "W", N, "dL/dW = X^T(hat y - y)/m", oracle=SW, style="ascii-hat-y")
C(S, "W", N, "dL/dW = X^T(y - hat y)/m", "sign", oracle="X.T @ (Y - P) / m", style="ascii-hat-y-sign")
C(E, "w", N, "dL/dw = (O - t) sigma(z)(1 - sigma(z)) x", oracle=EW, style="ascii-sigma-words")
C(S, "W", N, "dL/dW = 1/m X^T (P - Y)", oracle=SW, style="ascii-leading-fraction")
C(S, "b", N, "dL/db = 1/m sum_(i=1)^m (P_i - Y_i)", oracle=SB, style="ascii-sum-limits")
C(S, "b", N, "dL/db = sum_(i=1)^m (P_i - Y_i)", "scale-factor", oracle="np.sum(P - Y, axis=0, keepdims=True)", style="ascii-sum-limits-no-m")
C(T, "h_raw", N, "dL/dh_raw = (y_pred - y_target) W2^T odot h odot (1 - h)", oracle=TDH, style="ascii-odot")
C(T, "h_raw", N, "dL/dh_raw = (y_pred - y_target) W2^T odot h", "wrong-activation-derivative", oracle="(y_pred - y_target) * W2.T * h", style="ascii-odot-h-only")
C(R, "w1", N, "dL/dw1 = x^T (2(y_pred - y) w2^T odot (h > 0))", oracle=RW1, style="ascii-relu-w1")
C(S, "W", N, "dL/dW = X^T(P - Y/m", REFUSE, style="ascii-unclosed-paren")

# ================================================================ Jupyter Markdown cells
C(M, "W1", L, "From the backward pass, $\\delta^{[1]} = (A^{[2]} - Y) W^{[2]T} \\odot g'(Z^{[1]})$, so the gradient is $\\frac{\\partial L}{\\partial W^{[1]}} = \\frac{1}{m} X^T \\delta^{[1]}$.", oracle=W1R, style="jupyter-prose-delta-g-prime")
C(M, "W1", L, "From the backward pass, $\\delta^{[1]} = (A^{[2]} - Y) W^{[2]T} \\odot g'(Z^{[1]})$, so the gradient is $\\frac{\\partial L}{\\partial W^{[1]}} = X^T \\delta^{[1]}$.", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="jupyter-prose-delta-no-m")
C(S, "W", L, "### Gradient\nThe loss gradient w.r.t. the weights is\n\n$$\\nabla_W L = \\frac{1}{m} X^\\top (P - Y)$$\n\nwhere $P = \\mathrm{softmax}(XW + b)$.", oracle=SW, style="jupyter-heading-display-where")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top}\left(\mathrm{softmax}(XW + b) - Y\right)", oracle=SW, style="jupyter-softmax-written")
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{1}{m} X^{\top}\left(\mathrm{softmax}(XW) - Y\right)", "*", style="jupyter-softmax-bias-forgotten")
C(M, "b2", L, "**Gradient of the output bias:**\n\n$\\frac{\\partial L}{\\partial b^{[2]}} = \\frac{1}{m}\\sum_{i=1}^{m}(A^{[2]}_i - Y_i)$", oracle=B2R, style="jupyter-bold-label-inline")
C(M, "b2", L, "**Gradient of the output bias:**\n\n$\\frac{\\partial L}{\\partial b^{[2]}} = \\sum_{i=1}^{m}(A^{[2]}_i - Y_i)$", "scale-factor", oracle="np.sum(A2 - Y, axis=0, keepdims=True)", style="jupyter-bold-label-inline-no-m")
C(M, "W2", L, "**Gradient of the output weights:** the error times the hidden activations, averaged over the batch.", REFUSE, style="jupyter-prose-only", note="words, no formula")

# ================================================================ Overleaf macros
C(S, "W", L, r"\newcommand{\R}{\mathbb{R}} \newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}} \pd{L}{W} = \frac{1}{m} X^\top (P - Y) \in \R^{n \times k}", oracle=SW, style="overleaf-pd-macro-in-R")
C(S, "W", L, r"\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}} \pd{L}{W} = \frac{1}{m} X^\top (Y - P)", "sign", oracle="X.T @ (Y - P) / m", style="overleaf-pd-macro-sign")
C(S, "W", L, r"\pd{L}{W} = \frac{1}{m} X^\top (P - Y)", REFUSE, style="overleaf-macro-never-defined", note="the macro's definition was left in the preamble: an unknown command")
C(E, "w", L, r"\newcommand{\vx}{\mathbf{x}}\newcommand{\vw}{\mathbf{w}} \frac{\partial L}{\partial \vw} = (O - t)\,O(1 - O)\,\vx", oracle=EW, style="overleaf-vector-macros")
C(E, "w", L, r"\newcommand{\vx}{\mathbf{x}}\newcommand{\vw}{\mathbf{w}} \frac{\partial L}{\partial \vw} = (O - t)\,O(1 - O)\,\vw", "*", oracle="(O - t) * O * (1 - O) * w", style="overleaf-vector-macros-w-for-x")
C(M, "W2", L, r"\newcommand{\T}{\top} \frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\T}(A^{[2]} - Y)", oracle=W2R, style="overleaf-T-macro")
C(E, "w", L, r"\def\sig{\sigma} \frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sig(z)(1 - \sig(z))\,\mathbf{x}", oracle=EW, style="overleaf-def-sig")
C(T, "h_raw", L, r"\DeclareMathOperator{\diag}{diag} \frac{\partial L}{\partial h_{\mathrm{raw}}} = (\hat y - y)\, W_2^\top \diag\big(h \odot (1 - h)\big)", oracle=TDH, style="overleaf-declare-diag")
C(R, "w2", L, r"\newcommand{\relu}{h_{\mathrm{relu}}} \frac{\partial\,\mathrm{loss}}{\partial w_2} = 2\,\relu^{\top}(y_{\mathrm{pred}} - y)", oracle=RW2, style="overleaf-relu-macro")
C(R, "w2", L, r"\newcommand{\relu}{h_{\mathrm{relu}}} \frac{\partial\,\mathrm{loss}}{\partial w_2} = 2\,\relu^{\top}(y_{\mathrm{pred}} - y", REFUSE, style="overleaf-relu-macro-unclosed")

# ================================================================ Chinese: 花书, 考研/期末 (解：/ 答：), full-width brackets
C(S, "W", L, "解：由链式法则，$\\nabla_{\\boldsymbol{W}} J = \\frac{1}{m}\\boldsymbol{X}^{\\top}(\\boldsymbol{P} - \\boldsymbol{Y})$。", oracle=SW, lang=Z, style="zh-huashu-nabla-J")
C(S, "W", L, "解：由链式法则，$\\nabla_{\\boldsymbol{W}} J = \\frac{1}{m}\\boldsymbol{X}^{\\top}(\\boldsymbol{Y} - \\boldsymbol{P})$。", "sign", oracle="X.T @ (Y - P) / m", lang=Z, style="zh-huashu-nabla-J-sign")
C(CH, "w", L, r"答：$\frac{\partial L}{\partial w} = 2x(wx+b)$", oracle="2 * x * (w * x + b)", lang=Z, style="zh-exam-answer-latex")
C(CH, "w", N, "答：∂L/∂w = 2x(wx+b) = 40", lang=Z, style="zh-exam-formula-then-number")
C(CH, "w", N, "答：∂L/∂w = 2x(wx+b) = 48", "*", lang=Z, style="zh-exam-formula-right-number-wrong")
C(T, "W2", L, r"解：\frac{\partial L}{\partial W_2} = \boldsymbol{h}^{\mathrm T}(y_{\mathrm{pred}} - y_{\mathrm{target}})", oracle=TW2, lang=Z, style="zh-final-exam-W2")
C(T, "W2", L, r"解：\frac{\partial L}{\partial W_2} = \boldsymbol{h}(y_{\mathrm{pred}} - y_{\mathrm{target}})", "*", lang=Z, style="zh-final-exam-W2-no-T")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m}X^{\top}\boldsymbol{\delta}^{[1]}，其中 \boldsymbol{\delta}^{[1]} = (A^{[2]} - Y)W^{[2]\top} \odot \mathbb{I}(Z^{[1]} > 0)", oracle=W1R, lang=Z, style="zh-qizhong-mathbb-I")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m}X^{\top}\boldsymbol{\delta}^{[1]}，其中 \boldsymbol{\delta}^{[1]} = (A^{[2]} - Y)W^{[2]\top}", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", lang=Z, style="zh-qizhong-no-mask")
C(T, "W2[0,0]", V, "答：约为 −0.114", lang=Z, style="zh-v-about")
C(T, "W2[1,0]", V, "答：−0.114（四舍五入）", "wrong-entry", lang=Z, style="zh-v-other-entry")
C(S, "b", L, "解：$\\frac{\\partial J}{\\partial \\boldsymbol{b}} = \\frac{1}{m}\\sum_{i=1}^{m}(\\boldsymbol{p}^{(i)} - \\boldsymbol{y}^{(i)})$", oracle=SB, lang=Z, style="zh-huashu-b-superscript-i")
C(S, "b", L, "解：$\\frac{\\partial J}{\\partial \\boldsymbol{b}} = \\sum_{i=1}^{m}(\\boldsymbol{p}^{(i)} - \\boldsymbol{y}^{(i)})$", "scale-factor", oracle="np.sum(P - Y, axis=0, keepdims=True)", lang=Z, style="zh-huashu-b-no-m")
C(CH, "w", N, "解：∂L/∂w = 2x（wx + b）", oracle="2 * x * (w * x + b)", lang=Z, style="zh-full-width-parens")
C(CH, "b", N, "解：∂L/∂b = 2（wx + b）x", "*", oracle="2 * (w * x + b) * x", lang=Z, style="zh-full-width-parens-wrong")
RN_D2 = "((h_2 - y) * (1 - h_2 ** 2))"
RN_D1 = f"({RN_D2} @ W_h.T * (1 - h_1 ** 2))"
C(R2, "b", L, r"\frac{\partial L}{\partial \boldsymbol{b}} = \boldsymbol{\delta}_2 + \boldsymbol{\delta}_1，其中 \boldsymbol{\delta}_2 = (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2^{2})，\boldsymbol{\delta}_1 = \boldsymbol{\delta}_2 \boldsymbol{W}_h^{\top} \odot (1 - \boldsymbol{h}_1^{2})", "bias-not-summed", oracle=f"{RN_D2} + {RN_D1}", lang=Z, style="zh-rnn-b-two-deltas-fullwidth", note="first labelled right (m = 1 in the spec); relabelled after the oracle run: the gradient is judged at every size, and at m > 1 the rows of δ₂ + δ₁ must be summed (corpus 36t writes 1ᵀ(δ₂ + δ₁))")
C(R2, "b", L, r"\frac{\partial L}{\partial \boldsymbol{b}} = \boldsymbol{\delta}_2，其中 \boldsymbol{\delta}_2 = (\boldsymbol{h}_2 - \boldsymbol{y}) \odot (1 - \boldsymbol{h}_2^{2})", "*", oracle=RN_D2, lang=Z, style="zh-rnn-b-last-step")
C(B, "gamma[0,0]", V, "0.727（保留三位有效数字）", lang=Z, style="zh-v-3sf-note")
C(B, "beta[0,0]", V, "答：1/10", lang=Z, style="zh-v-fraction-answer")
C(CH, "x", V, "60（填空）", lang=Z, style="zh-v-fill-in")

# ================================================================ hand numbers: scientific notation, fractions, percentages, grids
# tiny-mlp W1 = [[-0.0136681, -0.0163477], [-0.00273362, -0.00326955]]; mlp-bce b2 = 0.0603782, W2 = [[-0.176283], [-0.00898499]]
C(T, "W1[0,0]", V, "-1.367e-2", style="v-e-notation-4sf")
C(T, "W1[0,1]", V, "-1.63 × 10⁻²", style="v-times-ten-superscript")
C(T, "W1[0,1]", V, r"-1.635 \times 10^{-2}", style="v-latex-times-ten")
C(T, "W1[0,1]", V, "1.635e-2", "sign", style="v-e-notation-sign")
C(T, "W1[1,0]", V, "-2.73e-3", style="v-e-notation-small")
C(T, "W1[1,0]", V, "-2.73e-2", "*", style="v-e-notation-exponent-off")
C(M, "b2[0,0]", V, "0.0604", style="v-mlp-b2")
C(M, "b2[0,0]", V, "6.04%", REFUSE, style="v-percent", note="README's written policy: a percentage is refused, the message naming the decimal")
C(M, "b2[0,0]", V, r"6.04\%", REFUSE, style="v-latex-percent", note="as the plain percentage")
C(M, "W2[1,0]", V, "-8.98e-3", style="v-mlp-W2-10-e")
C(M, "W2[1,0]", V, "-0.009", "too-few-digits", style="v-one-digit")
C(B, "beta[0,1]", V, "-0.533", style="v-bn-beta-3sf")
C(B, "beta[0,0]", V, "0.10", style="v-bn-beta-2sf-exact")
C(S, "W", V, "0.585 -0.0903 -0.495\n0.347 0.396 -0.743", style="v-grid-softmax-W")
C(S, "W", V, "\\begin{pmatrix} 0.585 & -0.0903 & -0.495 \\\\ 0.347 & 0.396 & -0.743 \\end{pmatrix}", style="v-pmatrix-softmax-W")
C(S, "W", V, "0.585 0.347\n-0.0903 0.396\n-0.495 -0.743", "shape-mismatch", style="v-grid-softmax-W-transposed")
C(S, "W", V, "0.585 0.0903 -0.495\n0.347 0.396 -0.743", "*", style="v-grid-one-entry-sign")
C(M, "W1", V, "-0.0979\t0.1356\n-0.1959\t0.0791", style="v-tab-separated")
C(R2, "W_h", V, "[[-0.0579, 0.2192], [0.0491, -0.2742]]", style="v-rnn-Wh-list")
C(R2, "W_h", V, "[[0.2192, -0.0579], [-0.2742, 0.0491]]", "*", style="v-rnn-Wh-columns-swapped")
C(A, "W_q[1,1]", V, "-0.0510", style="v-attn-Wq-11")
C(A, "W_q[1,1]", V, "-5.1e-2", style="v-attn-Wq-11-2sf-e")
C(A, "W_q[0,0]", V, "-0.00386", style="v-attn-Wq-00")
C(A, "W_q[0,0]", V, "-0.0386", "*", style="v-attn-Wq-00-times-ten")
C(MW, "W2[1,0]", V, "-0.31", opts={"rtol": 0.02}, style="v-rtol-2pct")
C(MW, "W2[1,0]", V, "-0.30", "*", opts={"rtol": 0.02}, style="v-rtol-2pct-off")
C(R2, "W_x[0,0]", V, "-0.191", opts={"digits": 3}, style="v-digits-3")
C(R2, "W_x[0,0]", V, "-0.19", "too-few-digits", opts={"digits": 3}, style="v-digits-3-given-2")
C(R2, "W_x[0,1]", V, "0.2924", style="v-rnn-Wx-01")
C(R2, "W_x[0,1]", V, "-0.2924", "sign", style="v-rnn-Wx-01-sign")
C(E, "w[0,2]", V, "-2.449e-2", style="v-neuron-e")
C(E, "w[0,1]", V, "−3.67 × 10⁻²", style="v-neuron-unicode-times-ten")
C(E, "w[0,1]", V, "-0.0612", "wrong-entry", style="v-neuron-other-entry")
C(E, "w[0,1]", V, "~~ -0.03674", style="v-asciimath-approx")

# ================================================================ Leibniz chains and entry formulas
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{\partial L}{\partial y_{\mathrm{pred}}}\frac{\partial y_{\mathrm{pred}}}{\partial h}\frac{\partial h}{\partial h_{\mathrm{raw}}}\frac{\partial h_{\mathrm{raw}}}{\partial W_1}", style="leibniz-tiny-W1-full")
C(T, "W1", L, r"\frac{\partial L}{\partial W_1} = \frac{\partial L}{\partial y_{\mathrm{pred}}}\frac{\partial y_{\mathrm{pred}}}{\partial h}\frac{\partial h_{\mathrm{raw}}}{\partial W_1}", "*", style="leibniz-tiny-W1-missing-link")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \frac{\partial L}{\partial A^{[2]}}\frac{\partial A^{[2]}}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial A^{[1]}}", "*", style="leibniz-mlp-W2-ends-at-A1")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = (\hat{y} - y)\, v_2\, h_2 (1 - h_2)\, x_2", style="entry-w22")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = (\hat{y} - y)\, v_1\, h_2 (1 - h_2)\, x_2", "*", style="entry-w22-wrong-v")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="entry-W1-10-labels")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "*", style="entry-W1-10-wrong-input")
C(E, "w2", N, "∂L/∂w2 = (O − t)·O·(1 − O)·x2", style="entry-neuron-w2")
C(E, "w1", N, "∂L/∂w1 = (O − t)·O·(1 − O)·x2", "*", style="entry-neuron-w1-wrong-x")
C(T, "v2", N, "∂L/∂v₂ = (ŷ − y)·h₂", style="entry-tiny-v2")
C(T, "v2", N, "∂L/∂v₂ = (ŷ − y)·h₁", "*", style="entry-tiny-v2-wrong-h")

# ================================================================ answer keys: chain v2/7, neuron v4/3, batchnorm v1/5 (PyTorch float64 at the keys' values)
C(CH, "w", V, "-2.8", opts=KC, style="key-chain-w")
C(CH, "b", V, "-1.4", opts=KC, style="key-chain-b")
C(CH, "x", V, "0.42", opts=KC, style="key-chain-x")
C(CH, "w", V, "40", "*", opts=KC, style="key-chain-base-number")
C(CH, "w", V, "2.8", "sign", opts=KC, style="key-chain-sign")
C(CH, "b", V, "答：−1.4", opts=KC, lang=Z, style="zh-key-chain-b")
C(E, "w[0,0]", V, "0.0466", opts=KN, style="key-neuron-w00")
C(E, "w[0,1]", V, "0.00666", opts=KN, style="key-neuron-w01")
C(E, "w[0,2]", V, "0.01332", opts=KN, style="key-neuron-w02")
C(E, "w[0,0]", V, "-0.0612", "*", opts=KN, style="key-neuron-base-number")
C(B, "beta[0,0]", V, "-11/15", opts=KB, style="key-bn-beta-fraction")
C(B, "beta[0,1]", V, "-0.4", opts=KB, style="key-bn-beta-exact-one-digit")
C(B, "gamma[0,0]", V, "-0.2940", opts=KB, style="key-bn-gamma-00")
C(B, "gamma[0,1]", V, "-0.07717", opts=KB, lang=Z, style="zh-key-bn-gamma-01")
C(B, "W[0,0]", V, "-0.00648", opts=KB, style="key-bn-W-00")

# ================================================================ course: Ng's ex5, regularised linear regression (theta[0] not penalised)
NG_G = "(X_b.T @ (h - y) / m + lambda_ / m * np.vstack([np.zeros((1, 1)), theta[1:]]))"
C(NG, "theta", L, r"\frac{\partial J}{\partial \theta} = \frac{1}{m} X_b^{\top}(X_b\theta - y) + \frac{\lambda}{m}\begin{bmatrix} 0 \\ \theta_{1:} \end{bmatrix}", oracle=NG_G, style="ng-theta-bmatrix-slice")
C(NG, "theta", L, r"\frac{\partial J}{\partial \theta} = \frac{1}{m} X_b^{\top}(X_b\theta - y) + \frac{\lambda}{m}\theta", "*", oracle="X_b.T @ (h - y) / m + lambda_ / m * theta", style="ng-theta-intercept-penalised")
C(NG, "theta", L, r"\frac{\partial J}{\partial \theta} = \frac{1}{m} X_b^{\top}(X_b\theta - y)", "missing-loss-term", oracle="X_b.T @ (h - y) / m", style="ng-theta-no-penalty")
C(NG, "theta", L, r"\frac{\partial J}{\partial \theta} = \frac{1}{m} X_b^{\top}(h - y) + \frac{\lambda}{m}\begin{bmatrix} 0 \\ \theta_{1:} \end{bmatrix}", oracle=NG_G, style="ng-theta-h-node")
C(NG, "theta", L, r"\frac{\partial J}{\partial \theta} = X_b^{\top}(h - y) + \lambda\begin{bmatrix} 0 \\ \theta_{1:} \end{bmatrix}", "scale-factor", oracle="X_b.T @ (h - y) + lambda_ * np.vstack([np.zeros((1, 1)), theta[1:]])", style="ng-theta-no-m")
C(NG, "theta[0,0]", N, "∂J/∂θ₀ = (1/m) Σᵢ (hᵢ − yᵢ)", style="ng-entry-theta0")
C(NG, "theta[0,0]", N, "∂J/∂θ₀ = (1/m) Σᵢ (hᵢ − yᵢ) + (λ/m) θ₀", "*", style="ng-entry-theta0-penalised")
C(NG, "theta[0,0]", V, "-4.082", style="v-ng-theta0")
C(NG, "theta[0,0]", V, "−2041/500", style="v-ng-theta0-fraction")
C(NG, "theta[0,0]", V, "-4", "too-few-digits", style="v-ng-theta0-one-digit")
C(NG, "theta[1,0]", V, "77.86", style="v-ng-theta1")
C(NG, "theta[1,0]", V, "77.62", "*", style="v-ng-theta1-no-penalty")
C(NG, "theta[2,0]", V, "98.83", style="v-ng-theta2")
C(NG, "theta[0,0]", V, "-3.992", "*", style="v-ng-theta0-penalised")
C(NG, "theta", V, "-4.082\n77.863\n98.829", style="v-ng-theta-column-lines")
C(NG, "theta", V, "[-4.082, 77.863, 98.829]", "shape-mismatch", style="v-ng-theta-1d-list")
C(NG, "theta", N, "解：∂J/∂θ = (1/m)·X_bᵀ(h − y)", "missing-loss-term", oracle="X_b.T @ (h - y) / m", lang=Z, style="zh-ng-theta-no-penalty")
C(NG, "theta[1,0]", V, "约 77.9", lang=Z, style="zh-v-ng-theta1-3sf")

# ================================================================ course: L2-SVM (squared hinge, targets ±1) with an elastic-net penalty on W
SV_G = "(-2 / n * T * np.maximum(0, 1 - T * scores))"
SV_P = "alpha * (l1_ratio * np.sign(W) + (1 - l1_ratio) * W)"
SV_HINGE = r"\left[T \odot \max\left(0, 1 - T \odot \mathrm{scores}\right)\right]"
SV_PEN = r"\alpha\left(\mathrm{l1\_ratio}\,\operatorname{sign}(W) + (1 - \mathrm{l1\_ratio})\, W\right)"
SV_LHS = r"\frac{\partial\,\mathrm{loss}}{\partial W} = "
C(SV, "W", L, SV_LHS + r"-\frac{2}{n} X^{\top}" + SV_HINGE + " + " + SV_PEN, oracle=f"X.T @ {SV_G} + {SV_P}", style="svm-W-full")
C(SV, "W", L, SV_LHS + r"-\frac{1}{n} X^{\top}" + SV_HINGE + " + " + SV_PEN, "*", oracle=f"X.T @ {SV_G} / 2 + {SV_P}", style="svm-W-hinge-square-forgotten")
C(SV, "W", L, SV_LHS + r"-\frac{2}{n} X^{\top}" + SV_HINGE, "missing-loss-term", oracle=f"X.T @ {SV_G}", style="svm-W-no-penalty")
C(SV, "W", L, SV_LHS + r"-\frac{2}{n} X^{\top}" + SV_HINGE + r" + \alpha (1 - \mathrm{l1\_ratio})\, W", "*", oracle=f"X.T @ {SV_G} + alpha * (1 - l1_ratio) * W", style="svm-W-l1-part-dropped")
C(SV, "W", L, SV_LHS + r"\frac{2}{n} X^{\top}" + SV_HINGE + " + " + SV_PEN, "*", oracle=f"-X.T @ {SV_G} + {SV_P}", style="svm-W-hinge-sign")
C(SV, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = -\frac{2}{n}\mathbf{1}^{\top}" + SV_HINGE, oracle=f"np.sum({SV_G}, axis=0, keepdims=True)", style="svm-b-ones")
C(SV, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = -\frac{2}{n}\mathbf{1}^{\top}" + SV_HINGE + r" + \alpha\,\mathrm{l1\_ratio}\operatorname{sign}(b)", "*", oracle=f"np.sum({SV_G}, axis=0, keepdims=True) + alpha * l1_ratio * np.sign(b)", style="svm-b-penalised")
C(SV, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = -\frac{2}{n}" + SV_HINGE, "bias-not-summed", style="svm-b-unsummed")
C(SV, "W", L, r"\frac{\partial\,\mathrm{loss}}{\partial W} = X^{\top}G + " + SV_PEN + r", \quad G = -\frac{2}{n}\, T \odot \left(1 - T \odot \mathrm{scores}\right)_+", oracle=f"X.T @ {SV_G} + {SV_P}", style="svm-W-positive-part-where")
C(SV, "W", L, r"\frac{\partial\,\mathrm{loss}}{\partial W} = X^{\top}G + " + SV_PEN + r", \quad G = -\frac{2}{n}\, T \odot (1 - T \odot \mathrm{scores}) \odot \mathbb{1}[T \odot \mathrm{scores} < 1]", oracle=f"X.T @ {SV_G} + {SV_P}", style="svm-W-indicator-where")
C(SV, "b[0,0]", V, "-0.524", style="v-svm-b0")
C(SV, "b[0,0]", V, "-131/250", style="v-svm-b0-fraction")
C(SV, "b[0,1]", V, "-1.372", style="v-svm-b1")
C(SV, "b[0,2]", V, "-1.62", "sign", style="v-svm-b2-sign")
C(SV, "W[0,0]", V, "1.063", style="v-svm-W00")
C(SV, "b", N, "解：∂loss/∂b = −(2/n)·Σᵢ Tᵢ ⊙ max(0, 1 − Tᵢ ⊙ scoresᵢ)", oracle=f"np.sum({SV_G}, axis=0, keepdims=True)", lang=Z, style="zh-svm-b-unicode")
C(SV, "b", N, "解：∂loss/∂b = −(1/n)·Σᵢ Tᵢ ⊙ max(0, 1 − Tᵢ ⊙ scoresᵢ)", "*", oracle=f"np.sum({SV_G}, axis=0, keepdims=True) / 2", lang=Z, style="zh-svm-b-unicode-half")

# ================================================================ course: Keras log-cosh + 0.5 Charbonnier (TensorFlow)
LC_R = "(y_pred - y_true)"
LC_D = f"((np.tanh({LC_R}) + 0.5 * {LC_R} / np.sqrt({LC_R} ** 2 + eps ** 2)) / (batch * n_out))"
LC_RT = r"(y_{\mathrm{pred}} - y_{\mathrm{true}})"
LC_LHS = r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{kernel}} = "
C(LC, "kernel", L, LC_LHS + r"\frac{1}{\mathrm{batch}\cdot n_{\mathrm{out}}}\, x^{\top}\left[\tanh" + LC_RT + r" + \frac{y_{\mathrm{pred}} - y_{\mathrm{true}}}{2\sqrt{" + LC_RT + r"^2 + \epsilon^2}}\right]", oracle=f"x.T @ {LC_D}", style="lc-kernel-written-out")
C(LC, "kernel", L, LC_LHS + r"\frac{1}{\mathrm{batch}\, n_{\mathrm{out}}}\, x^{\top}\left[\tanh(r) + \frac{r}{2\sqrt{r^2 + \epsilon^2}}\right], \quad r = y_{\mathrm{pred}} - y_{\mathrm{true}}", oracle=f"x.T @ {LC_D}", style="lc-kernel-r-where")
C(LC, "kernel", L, LC_LHS + r"\frac{1}{\mathrm{batch}\, n_{\mathrm{out}}}\, x^{\top}\left[\tanh(r) + \frac{r}{\sqrt{r^2 + \epsilon^2}}\right], \quad r = y_{\mathrm{pred}} - y_{\mathrm{true}}", "*", oracle=f"x.T @ ((np.tanh({LC_R}) + {LC_R} / np.sqrt({LC_R} ** 2 + eps ** 2)) / (batch * n_out))", style="lc-kernel-half-dropped")
C(LC, "kernel", L, LC_LHS + r"\frac{1}{\mathrm{batch}\, n_{\mathrm{out}}}\, x^{\top}\left[\frac{1}{\cosh(r)} + \frac{r}{2\sqrt{r^2 + \epsilon^2}}\right], \quad r = y_{\mathrm{pred}} - y_{\mathrm{true}}", "*", style="lc-kernel-sech-for-tanh")
C(LC, "kernel", L, LC_LHS + r"\frac{1}{\mathrm{batch}}\, x^{\top}\left[\tanh(r) + \frac{r}{2\sqrt{r^2 + \epsilon^2}}\right], \quad r = y_{\mathrm{pred}} - y_{\mathrm{true}}", "scale-factor", oracle=f"x.T @ ({LC_D} * n_out)", style="lc-kernel-batch-only")
C(LC, "bias", L, r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{bias}} = \frac{1}{\mathrm{batch}\, n_{\mathrm{out}}}\sum_{i}\left[\tanh(r_i) + \frac{r_i}{2\sqrt{r_i^2 + \epsilon^2}}\right], \quad r = y_{\mathrm{pred}} - y_{\mathrm{true}}", oracle=f"np.sum({LC_D}, axis=0)", style="lc-bias-sum-rows")
C(LC, "bias", L, r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{bias}} = \frac{1}{\mathrm{batch}\, n_{\mathrm{out}}}\left[\tanh(r) + \frac{r}{2\sqrt{r^2 + \epsilon^2}}\right], \quad r = y_{\mathrm{pred}} - y_{\mathrm{true}}", "bias-not-summed", style="lc-bias-unsummed")
C(LC, "y_pred", N, "∂loss/∂y_pred = [tanh(r) + r/(2√(r² + ε²))]/(batch·n_out), r = y_pred − y_true", oracle=LC_D, style="lc-ypred-unicode-where")
C(LC, "y_pred", N, "∂loss/∂y_pred = [tanh(r) + sign(r)/2]/(batch·n_out), r = y_pred − y_true", "*", style="lc-ypred-sign-approx")
C(LC, "y_pred[0,0]", V, "0.1671", style="v-lc-ypred-00")
C(LC, "y_pred[1,0]", V, "-0.1643", style="v-lc-ypred-10")
C(LC, "kernel[0,0]", V, "-0.1881", style="v-lc-kernel-00")
C(LC, "bias[0]", V, "0.2519", style="v-lc-bias-0")
C(LC, "bias[1]", V, "0.00155", style="v-lc-bias-1")
C(LC, "bias[1]", V, "0.0015", style="v-lc-bias-1-2sf")
C(LC, "kernel[2,1]", V, "0.1192", style="v-lc-kernel-21")
C(LC, "kernel[1,0]", V, "0.148（保留三位有效数字）", lang=Z, style="zh-v-lc-kernel-10")
C(LC, "kernel[1,0]", V, "-0.148", "sign", lang=Z, style="zh-v-lc-kernel-10-sign")

# ================================================================ course: Hinton's distillation (KL batchmean · T², α = 0.7, T = 2)
KD_SM = "(lambda z: np.exp(z - z.max(1, keepdims=True)) / np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True))"
KD_OH = "np.eye(n_classes)[labels.astype(int)]"
KD_G = f"((alpha * T * ({KD_SM}(student_logits / T) - {KD_SM}(teacher_logits / T)) + (1 - alpha) * ({KD_SM}(student_logits) - {KD_OH})) / batch)"
KD_S = r"\operatorname{softmax}\!\left(\frac{\mathrm{student\_logits}}{T}\right)"
KD_T = r"\operatorname{softmax}\!\left(\frac{\mathrm{teacher\_logits}}{T}\right)"
KD_H = r"\frac{1 - \alpha}{\mathrm{batch}}\left(\operatorname{softmax}(\mathrm{student\_logits}) - \operatorname{onehot}(\mathrm{labels})\right)"
KD_LHS = r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{student\_logits}} = "
C(KD, "student_logits", L, KD_LHS + r"\frac{\alpha T}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, oracle=KD_G, style="kd-logits-full")
C(KD, "student_logits", L, KD_LHS + r"\frac{\alpha T^2}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, "*", style="kd-logits-T-squared-kept")
C(KD, "student_logits", L, KD_LHS + r"\frac{\alpha}{T\,\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, "*", style="kd-logits-over-T")
C(KD, "student_logits", L, KD_LHS + r"\frac{\alpha}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, "*", style="kd-logits-no-T")
C(KD, "student_logits", L, KD_LHS + r"\frac{\alpha T}{\mathrm{batch}}\left(" + KD_T + " - " + KD_S + r"\right) + " + KD_H, "*", style="kd-logits-soft-sign")
C(KD, "W", L, r"\frac{\partial\,\mathrm{loss}}{\partial W} = \mathrm{inputs}^{\top} G, \quad G = \frac{\alpha T}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, oracle=f"inputs.T @ {KD_G}", style="kd-W-G-where")
C(KD, "W", L, r"\frac{\partial\,\mathrm{loss}}{\partial W} = G\, \mathrm{inputs}^{\top}, \quad G = \frac{\alpha T}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, "*", style="kd-W-G-wrong-order")
C(KD, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = \mathbf{1}^{\top} G, \quad G = \frac{\alpha T}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, oracle=f"np.sum({KD_G}, axis=0)", style="kd-b-ones-G")
C(KD, "b", L, r"\frac{\partial\,\mathrm{loss}}{\partial b} = G, \quad G = \frac{\alpha T}{\mathrm{batch}}\left(" + KD_S + " - " + KD_T + r"\right) + " + KD_H, "bias-not-summed", style="kd-b-unsummed")
C(KD, "student_logits", N, "∂loss/∂student_logits = (αT·(softmax(student_logits/T) − softmax(teacher_logits/T)) + (1 − α)·(softmax(student_logits) − onehot(labels)))/batch", oracle=KD_G, style="kd-unicode")
C(KD, "student_logits", N, "∂loss/∂student_logits = (αT·(softmax(teacher_logits/T) − softmax(student_logits/T)) + (1 − α)·(softmax(student_logits) − onehot(labels)))/batch", "*", style="kd-unicode-soft-swapped")
C(KD, "W[0,1]", V, "-0.1157", style="v-kd-W01")
C(KD, "W[0,2]", V, "0.1350", style="v-kd-W02")
C(KD, "b[1]", V, "0.06405", style="v-kd-b1")
C(KD, "student_logits[0,0]", V, "-0.1173", style="v-kd-logits-00")
C(KD, "b[0]", V, "答：−0.0458", lang=Z, style="zh-v-kd-b0")
C(KD, "b[0]", V, "答：0.0458", "sign", lang=Z, style="zh-v-kd-b0-sign")

# ================================================================ course: BPR with log-sigmoid and an L2 term (parameters only; I is a parameter, not the identity)
BP_S = "sigmoid(-(x_ui - x_uj))[:, None]"
BP_LHS = r"\frac{\partial\,\mathrm{loss}}{\partial U} = "
C(BP, "U", L, BP_LHS + r"-\frac{1}{B}\operatorname{diag}\big(\sigma(x_{uj} - x_{ui})\big)(I - J) + 2\,\mathrm{reg}\,U", oracle=f"-{BP_S} * (I - J) / B + 2 * reg * U", style="bpr-U-diag-I-param")
C(BP, "U", L, BP_LHS + r"-\frac{1}{B}\operatorname{diag}\big(\sigma(x_{ui} - x_{uj})\big)(I - J) + 2\,\mathrm{reg}\,U", "*", oracle="-sigmoid(x_ui - x_uj)[:, None] * (I - J) / B + 2 * reg * U", style="bpr-U-sigma-of-x")
C(BP, "U", L, BP_LHS + r"-\frac{1}{B}\operatorname{diag}\big(\sigma(x_{uj} - x_{ui})\big)(I - J)", "missing-loss-term", oracle=f"-{BP_S} * (I - J) / B", style="bpr-U-no-reg")
C(BP, "U", L, BP_LHS + r"-\frac{1}{B}\operatorname{diag}\big(\sigma(x_{uj} - x_{ui})\big)(I - J) + \mathrm{reg}\,U", "loss-term-factor", oracle=f"-{BP_S} * (I - J) / B + reg * U", style="bpr-U-reg-half")
C(BP, "J", L, r"\frac{\partial\,\mathrm{loss}}{\partial J} = \frac{1}{B}\operatorname{diag}\big(1 - \sigma(x_{ui} - x_{uj})\big)\, U + 2\,\mathrm{reg}\,J", oracle=f"{BP_S} * U / B + 2 * reg * J", style="bpr-J-one-minus-sigma")
C(BP, "J", L, r"\frac{\partial\,\mathrm{loss}}{\partial J} = -\frac{1}{B}\operatorname{diag}\big(1 - \sigma(x_{ui} - x_{uj})\big)\, U + 2\,\mathrm{reg}\,J", "*", oracle=f"-{BP_S} * U / B + 2 * reg * J", style="bpr-J-sign")
C(BP, "I", L, r"\frac{\partial\,\mathrm{loss}}{\partial I} = -\frac{1}{B}\operatorname{diag}\big(\sigma(x_{uj} - x_{ui})\big)\, U + 2\,\mathrm{reg}\, I", oracle=f"-{BP_S} * U / B + 2 * reg * I", style="bpr-I")
C(BP, "I", N, "∂loss/∂I = −diag(σ(x_uj − x_ui))·U/B + 2·reg·I", oracle=f"-{BP_S} * U / B + 2 * reg * I", style="bpr-I-unicode")
C(BP, "U[0,0]", V, "0.1437", style="v-bpr-U00")
C(BP, "J[2,0]", V, "0.002", style="v-bpr-J20-exact-one-digit")
C(BP, "I[2,0]", V, "-0.008", style="v-bpr-I20-exact-one-digit")
C(BP, "I[2,0]", V, "-0.004", "*", style="v-bpr-I20-half")
C(BP, "U[2,1]", V, "0.2310", lang=Z, style="zh-v-bpr-U21")

# ================================================================ course: mixup with the batch flipped (soft targets y_mix)
MX_SM = KD_SM
MX_D = f"(({MX_SM}(logits) - y_mix) / bs)"
MX_H = r"\tanh(x_{\mathrm{mix}} w_1)"
C(MX, "logits", L, r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{logits}} = \frac{1}{\mathrm{bs}}\left(\operatorname{softmax}(\mathrm{logits}) - y_{\mathrm{mix}}\right)", oracle=MX_D, style="mx-logits")
C(MX, "logits", L, r"\frac{\partial\,\mathrm{loss}}{\partial\,\mathrm{logits}} = \frac{1}{\mathrm{bs}}\left(\operatorname{softmax}(\mathrm{logits}) - y_b\right)", "*", oracle=f"({MX_SM}(logits) - yb) / bs", style="mx-logits-unmixed-targets")
C(MX, "w2", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_2} = \frac{1}{\mathrm{bs}}\, " + MX_H + r"^{\top}\left(\operatorname{softmax}(\mathrm{logits}) - y_{\mathrm{mix}}\right)", oracle=f"np.tanh(x_mix @ w1).T @ {MX_D}", style="mx-w2")
C(MX, "w2", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_2} = " + MX_H + r"^{\top}\left(\operatorname{softmax}(\mathrm{logits}) - y_{\mathrm{mix}}\right)", "scale-factor", oracle=f"np.tanh(x_mix @ w1).T @ {MX_D} * bs", style="mx-w2-no-bs")
C(MX, "w1", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_1} = x_{\mathrm{mix}}^{\top}\left[\frac{1}{\mathrm{bs}}\left(\operatorname{softmax}(\mathrm{logits}) - y_{\mathrm{mix}}\right) w_2^{\top} \odot \left(1 - " + r"\tanh^2(x_{\mathrm{mix}} w_1)" + r"\right)\right]", oracle=f"x_mix.T @ ({MX_D} @ w2.T * (1 - np.tanh(x_mix @ w1) ** 2))", style="mx-w1")
C(MX, "w1", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_1} = x_b^{\top}\left[\frac{1}{\mathrm{bs}}\left(\operatorname{softmax}(\mathrm{logits}) - y_{\mathrm{mix}}\right) w_2^{\top} \odot \left(1 - \tanh^2(x_{\mathrm{mix}} w_1)\right)\right]", "*", oracle=f"xb.T @ ({MX_D} @ w2.T * (1 - np.tanh(x_mix @ w1) ** 2))", style="mx-w1-unmixed-input")
C(MX, "w1", L, r"\frac{\partial\,\mathrm{loss}}{\partial w_1} = x_{\mathrm{mix}}^{\top}\left[\frac{1}{\mathrm{bs}}\left(\operatorname{softmax}(\mathrm{logits}) - y_{\mathrm{mix}}\right) w_2^{\top}\right]", "missing-activation-derivative", oracle=f"x_mix.T @ ({MX_D} @ w2.T)", style="mx-w1-no-tanh-prime")
C(MX, "logits", N, "∂loss/∂logits = (softmax(logits) − y_mix)/bs", oracle=MX_D, lang=Z, style="zh-mx-logits-unicode")
C(MX, "logits[0,1]", V, "-0.1569", style="v-mx-logits-01")
C(MX, "w2[2,1]", V, "0.2765", style="v-mx-w2-21")
C(MX, "w1[0,3]", V, "0.2892", style="v-mx-w1-03")
C(MX, "w1[0,3]", V, "0.2892", "too-few-digits", opts={"digits": 5}, style="v-mx-w1-03-digits5-short", note="--digits 5 and 4 given: too few for the course's own rule")
C(MX, "w2[1,1]", V, "0.04243", lang=Z, style="zh-v-mx-w2-11")


def _key(c: dict) -> tuple:
    return corpus10._key(c)


# numbered c37t-000, … as written; cases repeating corpora 2-36t word for word are left out
CASES: list[dict] = corpus_common.written_cases(_rows, "corpus37t", "c37t", _key)


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
judge = corpus10.judge
run = corpus33.run
