"""The held-out-style corpus of issue 11, sixth round, LaTeX share (6b): right and wrong
derivations written as lecture notes and students write them in LaTeX or pasted maths — Ng's
`dZ^{[2]} = A^{[2]} - Y` cells as `aligned` rows, Nielsen's `\\delta^{(l)}` / `\\delta^L`, CS229's
`\\theta` and `h_\\theta`, the 西瓜书's `\\frac{\\partial E_k}{\\partial w_{hj}}` with g_j / e_h, 邱锡鹏's
column-major softmax, d2l's `\\mathbf{o}` / `\\hat{\\mathbf{y}}`, Goodfellow's `\\nabla_{\\boldsymbol{W}}J`,
element-wise formulas with subscripts (`--wrt w12` / `W1[0,1]`), Leibniz chain products (`\\cdot`,
`\\times`, juxtaposition, `\\dfrac`), `$…$` and `\\[…\\]`, Unicode pasted from PDFs (−, ᵀ, ⊙, σ′, ·,
∑, ₁), Chinese punctuation around formulas, `--lang zh`, and wrong answers for each classic
mistake (missing or doubled 1/m, a transpose, another layer's input, a sign, σ′ for tanh′, the
ReLU mask on the wrong tensor, mse's factor 2, a wrong size name, the 0/1-label simplification
of the weighted loss, `P - Y` where the targets are not one-hot, a factor missing on one term of
a sum) — each with its expected diagnosis code.

Same format as tests/corpus5.py, plus an optional ``lang`` ("zh": run with ``lang="zh"``).
Expectations were written before the checker was run on any of them (bench/RESULTS.md: the
first measurement); where the checker was right and the expectation wrong, the case was fixed
and says so in ``note``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus2  # noqa: E402
import corpus3  # noqa: E402
import corpus4  # noqa: E402
import corpus5  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
COURSE = Path(__file__).resolve().parent / "specs_course"
CS229S = str(COURSE / "cs229_softmax_theta.toml")
CS229L = str(COURSE / "cs229_logreg_theta.toml")
QIU = str(COURSE / "qiu_softmax_regression.toml")
GOOD = str(COURSE / "goodfellow_mlp.toml")


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


# ================================================================ mlp-bce
M = "mlp-bce"
W2R = "A1.T @ (A2 - Y) / m"
B2R = "np.sum(A2 - Y) / m"
Z1R = "(A2 - Y) / m @ W2.T * (Z1 > 0)"
W1R = "X.T @ ((A2 - Y) / m @ W2.T * (Z1 > 0))"
B1R = "np.sum((A2 - Y) / m @ W2.T * (Z1 > 0), axis=0, keepdims=True)"
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m} A^{[1]T} \left( A^{[2]} - Y \right)", oracle=W2R, style="ng-batch-first")
C(M, "W2", L, r"\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]} \end{aligned}", oracle=W2R, style="ng-aligned-rows")
C(M, "b2", L, r"\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ db^{[2]} &= \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)} \end{aligned}", oracle=B2R, style="ng-aligned-per-example")
C(M, "W2", L, r"\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= A^{[1]T} dZ^{[2]} \end{aligned}", "scale-factor", oracle="A1.T @ (A2 - Y)", style="ng-aligned-missing-m")
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m}\, A^{[1]T}\, \delta^{[2]}", "scale-factor", oracle="A1.T @ dZ2 / m", style="doubled-m", note="δ^{[2]} is ∂L/∂Z2, already averaged")
C(M, "W2", L, r"$\frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m}(A^{[1]})^\top (A^{[2]} - Y)$", oracle=W2R, style="dollars")
C(M, "W2", L, r"\[ \frac{\partial L}{\partial W_2} = \frac{1}{m} A_1^{\top} (A_2 - Y) \]", oracle=W2R, style="display-brackets-subscripts")
C(M, "W2", L, r"\frac{1}{m} A_1^{T}(A_2 - Y)，", oracle=W2R, style="chinese-comma-after")
C(M, "W2", L, r"由链式法则，$\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}A^{[1]\top}(A^{[2]}-Y)$。", oracle=W2R, style="chinese-sentence-around")
C(M, "W2", L, r"\frac{1}{m} A^{[1]} (A^{[2]} - Y)", "shape-mismatch", oracle=None, style="missing-transpose-shape", note="A1 is m×n_h: without the transpose the product does not fit")
C(M, "W2", L, r"\frac{1}{m} (A^{[2]} - Y)^\top A^{[1]}", "*", oracle=None, style="transposed-result")
C(M, "W2", L, r"\frac{1}{m} X^{\top}(A^{[2]} - Y)", "wrong-layer", oracle=None, style="wrong-layer-input", note="X is m×n_in, A1 m×n_h: the same shape only because n_in = n_h")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}(Y - A^{[2]})", "sign", oracle="A1.T @ (Y - A2) / m", style="sign")
C(M, "W2", L, r"\frac{1}{n_{in}} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y) / n_in", style="wrong-size-name")
C(M, "W2", L, r"\frac{1}{n_h} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="wrong-size-name")
C(M, "W2", L, r"\frac{\partial L}{\partial Z^{[2]}} \frac{\partial Z^{[2]}}{\partial W^{[2]}}", oracle="A1.T @ dZ2", style="leibniz-two")
C(M, "W2", L, r"\frac{\partial L}{\partial A^{[2]}} \cdot \frac{\partial A^{[2]}}{\partial Z^{[2]}} \cdot \frac{\partial Z^{[2]}}{\partial W^{[2]}}", oracle="A1.T @ dZ2", style="leibniz-three")
C(M, "W2", L, r"\dfrac{\partial L}{\partial Z^{[2]}}\,\dfrac{\partial Z^{[2]}}{\partial W^{[2]}} = A^{[1]\top}\left(\frac{A^{[2]}-Y}{m}\right)", oracle=W2R, style="leibniz-dfrac-equals")
C(M, "W2", L, r"\frac{1}{m}\mathbf{A}^{[1]\intercal}\left(\mathbf{A}^{[2]} - \mathbf{Y}\right)", oracle=W2R, style="intercal")
C(M, "W2", L, r"\frac{1}{m}\sum_{i=1}^{m} \mathbf{a}^{[1](i)} (a^{[2](i)} - y^{(i)})", oracle=None, style="per-example-column", note="a^{[1](i)}, example i's activations, is a column as in Ng's notes: the sum is A1ᵀ(A2 − Y)/m, right (read as the row of A1 and judged a shape-mismatch until the lead's per-example fix, 2026-12-02)")
C(M, "b2", L, r"\frac{1}{m}\mathbf{1}^\top (A^{[2]} - Y)", oracle=B2R, style="ones-row")
C(M, "b2", L, r"db^{[2]} = \frac{1}{m}\,\mathrm{np.sum}(dZ^{[2]})", "*", oracle=None, style="np-in-latex")
C(M, "b2", L, r"\frac{1}{m} \sum_i \left(\hat y_i - y_i\right)", oracle=B2R, style="sum-i")
C(M, "b2", L, r"\sum_i \left(\hat y^{(i)} - y^{(i)}\right)", "scale-factor", oracle="np.sum(A2 - Y)", style="sum-missing-m")
C(M, "b2", L, r"\frac{1}{m} \sum_i \left(y^{(i)} - \hat y^{(i)}\right)", "sign", oracle="np.sum(Y - A2) / m", style="sum-sign")
C(M, "Z2", L, r"\frac{1}{m}\left(\hat{\mathbf{y}} - \mathbf{y}\right)", oracle="(A2 - Y) / m", style="bold-hat")
C(M, "Z2", L, r"\frac{1}{m}(A^{[2]} - Y) \odot A^{[2]} \odot (1 - A^{[2]})", "*", oracle="(A2 - Y) * A2 * (1 - A2) / m", style="extra-sigmoid-derivative")
C(M, "Z2", L, r"\frac{\partial L}{\partial A^{[2]}} \odot \sigma'(Z^{[2]})", oracle="dA2 * A2 * (1 - A2)", style="sigma-prime-node")
C(M, "A2", L, r"\frac{1}{m}\left(-\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}\right)", oracle="(-Y / A2 + (1 - Y) / (1 - A2)) / m", style="ng-dA")
C(M, "A2", L, r"-\frac{Y}{A^{[2]}} + \frac{1 - Y}{1 - A^{[2]}}", "scale-factor", oracle="-Y / A2 + (1 - Y) / (1 - A2)", style="ng-dA-missing-m")
C(M, "A2", L, r"\frac{1}{m}\left(\frac{Y}{A^{[2]}} - \frac{1 - Y}{1 - A^{[2]}}\right)", "sign", oracle="(Y / A2 - (1 - Y) / (1 - A2)) / m", style="ng-dA-sign")
C(M, "Z1", L, r"\delta^{[1]} = \left(\delta^{[2]} W^{[2]\top}\right) \odot \mathbb{1}\{Z^{[1]} > 0\}", oracle=Z1R, style="indicator-braces")
C(M, "Z1", L, r"dZ^{[1]} = dZ^{[2]} W^{[2]T} \odot g^{[1]'}(Z^{[1]})", oracle=Z1R, style="g-prime-quote")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]T} \odot \mathrm{ReLU}'(Z^{[1]})", oracle=Z1R, style="relu-prime-mathrm")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]T} \odot \operatorname{relu}'(Z^{[1]})", oracle=Z1R, style="relu-prime-operatorname")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]T} \odot \mathbb{1}(A^{[1]} > 0)", oracle=Z1R, style="mask-on-A1", note="A1 > 0 exactly where Z1 > 0: right")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]T} \odot \mathbb{1}(Z^{[2]} > 0)", "*", oracle="dZ2 @ W2.T * (Z2 > 0)", style="mask-wrong-tensor")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]T}", "missing-activation-derivative", oracle="dZ2 @ W2.T", style="no-mask")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]T} \odot A^{[1]}(1 - A^{[1]})", "wrong-activation-derivative", oracle="dZ2 @ W2.T * A1 * (1 - A1)", style="sigmoid-derivative-for-relu")
C(M, "Z1", L, r"W^{[2]T} \delta^{[2]} \odot \mathbb{1}(Z^{[1]} > 0)", "*", oracle=None, style="column-major-order", note="shapes do not fit batch-first")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]} \odot \mathbb{1}(Z^{[1]} > 0)", "*", oracle=None, style="missing-transpose-W2")
C(M, "W1", L, r"\frac{1}{m} X^{\top}\left[ (A^{[2]} - Y) W^{[2]\top} \odot \mathbf{1}_{Z^{[1]} > 0} \right]", oracle=W1R, style="indicator-subscript")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top} \delta^{[1]}", oracle="X.T @ dZ1", style="delta")
C(M, "W1", L, r"X^{\top} \delta^{[1]} / m", "scale-factor", oracle="X.T @ dZ1 / m", style="delta-doubled-m")
C(M, "W1", L, r"\frac{\partial L}{\partial Z^{[1]}}\frac{\partial Z^{[1]}}{\partial W^{[1]}}", oracle="X.T @ dZ1", style="leibniz")
C(M, "W1", L, r"\frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial A^{[1]}}\frac{\partial A^{[1]}}{\partial Z^{[1]}}\frac{\partial Z^{[1]}}{\partial W^{[1]}}", oracle="X.T @ dZ1", style="leibniz-four")
C(M, "W1", L, r"A^{[1]\top} \delta^{[1]}", "wrong-layer", oracle="A1.T @ dZ1", style="wrong-layer-input", note="A1 for X: same shape only because n_in = n_h = m")
C(M, "W1", L, r"\frac{1}{m} X^{\top}\left[ (A^{[2]} - Y) W^{[2]\top} \odot \mathbf{1}_{Z^{[1]} \geq 0} \right]", "relu-at-zero", oracle=None, style="geq-zero", note="corpus 3's convention: PyTorch's relu'(0) = 0")
C(M, "b1", L, r"\sum_{i=1}^{m} \delta^{[1](i)}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="per-example-delta")
C(M, "b1", L, r"\mathbf{1}^{\top}\delta^{[1]}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="ones-delta")
C(M, "b1", L, r"\delta^{[1]}", "bias-not-summed", oracle=None, style="unsummed")
C(M, "b1", L, r"\delta^{[1]}\mathbf{1}", "*", oracle=None, style="wrong-axis-ones")
C(M, "A1", L, r"\delta^{[2]} \left(W^{[2]}\right)^{\mathsf T}", oracle="dZ2 @ W2.T", style="mathsf")
C(M, "A1", L, r"\delta^{[2]} W^{[2]} ", "*", oracle=None, style="missing-transpose")
C(M, "W2", N, "∂L/∂W⁽²⁾ = (1/m) A⁽¹⁾ᵀ (A⁽²⁾ − Y)", oracle=W2R, style="unicode-superscript-parens")
C(M, "W2", N, "dW2 = (1/m)·A1ᵀ·(Ŷ − Y)。", oracle=W2R, style="unicode-chinese-period")
C(M, "W2", N, "dW₂ = A₁ᵀ(A₂ − Y)/m", oracle=W2R, style="unicode-subscripts")
C(M, "W2", N, "dW₂ = A₁ᵀ(A₂ − Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="unicode-missing-m")
C(M, "Z1", N, "δ⁽¹⁾ = δ⁽²⁾ W⁽²⁾ᵀ ⊙ 𝟙(Z⁽¹⁾ > 0)", oracle=Z1R, style="unicode-double-struck-one")
C(M, "Z1", N, "dZ1 = dZ2·W2ᵀ ⊙ σ′(Z1)", "wrong-activation-derivative", oracle="dZ2 @ W2.T * A1 * (1 - A1)", style="unicode-sigma-prime")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", lang="zh", oracle=W2R, style="zh")
C(M, "W2", L, r"A^{[1]\top}(A^{[2]} - Y)", "scale-factor", lang="zh", oracle="A1.T @ (A2 - Y)", style="zh-missing-m")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top} \odot \sigma'(Z^{[1]})", "wrong-activation-derivative", lang="zh", oracle="dZ2 @ W2.T * A1 * (1 - A1)", style="zh")

# ================================================================ mlp-bce-weighted
W = "mlp-bce-weighted"
WZ2 = "((1 - Y) * A2 - w * Y * (1 - A2)) / m"
C(W, "Z2", L, r"\frac{1}{m}\left[(1 - Y)\odot A^{[2]} - w\,Y \odot (1 - A^{[2]})\right]", oracle=WZ2, style="weighted")
C(W, "Z2", L, r"\frac{1}{m}\left[A^{[2]} - Y + (1 - w)\, Y \odot (1 - A^{[2]})\right]", oracle=WZ2, style="weighted-rearranged")
C(W, "Z2", L, r"\frac{1}{m}\left(w Y + 1 - Y\right) \odot \left(A^{[2]} - Y\right)", "weighted-loss-not-simplifiable", oracle="(w * Y + 1 - Y) * (A2 - Y) / m", style="binary-only", note="right for 0/1 labels only")
C(W, "Z2", L, r"\frac{1}{m}\left(A^{[2]} - Y\right)", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="unweighted")
C(W, "Z2", L, r"\frac{1}{m}\left[(1 - Y)\odot A^{[2]} - Y \odot (1 - A^{[2]})\right]", "*", oracle="((1 - Y) * A2 - Y * (1 - A2)) / m", style="weight-dropped-on-one-term")
C(W, "Z2", L, r"\frac{1}{m}\left[w(1 - Y)\odot A^{[2]} - Y \odot (1 - A^{[2]})\right]", "*", oracle="(w * (1 - Y) * A2 - Y * (1 - A2)) / m", style="weight-on-wrong-term")
C(W, "Z2", L, r"\left[(1 - Y)\odot A^{[2]} - w\,Y \odot (1 - A^{[2]})\right]", "scale-factor", oracle="(1 - Y) * A2 - w * Y * (1 - A2)", style="weighted-missing-m")
C(W, "Z2", L, r"\frac{1}{m}\left[(1 - Y)\odot A^{[2]} - 3\,Y \odot (1 - A^{[2]})\right]", "*", oracle=None, style="literal-3", note="3 written for the constant w: corpus 2's convention")
C(W, "W2", L, r"\frac{1}{m} A^{[1]\top}\left[(1 - Y)\odot \hat{Y} - w\, Y\odot(1 - \hat{Y})\right]", oracle="A1.T @ " + WZ2, style="weighted-W2")
C(W, "W2", L, r"A^{[1]\top}\delta^{[2]}", oracle="A1.T @ dZ2", style="delta")
C(W, "W2", L, r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", "weighted-loss-not-simplifiable", oracle=W2R, style="unweighted-W2")
C(W, "b2", L, r"\frac{1}{m}\sum_{i}\left[(1 - y_i)\hat y_i - w\, y_i (1 - \hat y_i)\right]", oracle="np.sum(" + WZ2 + ")", style="sum")
C(W, "b2", N, "∂L/∂b₂ = (1/m) Σᵢ [(1 − yᵢ) ŷᵢ − w yᵢ (1 − ŷᵢ)]", oracle="np.sum(" + WZ2 + ")", style="unicode-sum")
C(W, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \odot [Z^{[1]} > 0]", oracle="dZ2 @ W2.T * (Z1 > 0)", style="iverson")

# ================================================================ softmax-regression
S = "softmax-regression"
SW = "X.T @ (P - Y) / m"
C(S, "W", L, r"\nabla_W J = \frac{1}{m} X^T (P - Y)", oracle=SW, style="nabla-J")
C(S, "W", L, r"\frac{1}{m}\sum_{i=1}^{m} \mathbf{x}^{(i)\top}\left(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\right)", oracle=SW, style="per-example-sum")
C(S, "W", L, r"\frac{1}{m} X^{\top}\left(\operatorname{softmax}(XW + \mathbf{b}) - Y\right)", oracle=SW, style="softmax-expanded")
C(S, "W", L, r"\frac{1}{m} X^{\top}\left(\hat{Y} - Y\right)", oracle=SW, style="hat")
C(S, "W", L, r"X^{\top}\left(\hat{Y} - Y\right)", "scale-factor", oracle="X.T @ (P - Y)", style="missing-m")
C(S, "W", L, r"\frac{1}{k} X^{\top}\left(P - Y\right)", "scale-factor", oracle="X.T @ (P - Y) / k", style="wrong-size-k")
C(S, "W", L, r"\frac{1}{m} (P - Y)^{\top} X", "*", oracle=None, style="transposed-result")
C(S, "W", L, r"\frac{1}{m} X^{\top}\left(Y - P\right)", "sign", oracle="X.T @ (Y - P) / m", style="sign")
C(S, "W", L, r"\frac{1}{m}X^{\top}\left(P \odot (1 - P) \odot (P - Y)\right)", "*", oracle="X.T @ (P * (1 - P) * (P - Y)) / m", style="extra-diag-jacobian")
C(S, "W", L, r"\frac{\partial L}{\partial Z}\frac{\partial Z}{\partial W}", oracle="X.T @ dZ", style="leibniz")
C(S, "W", L, r"\frac{\partial J}{\partial W} = X^{\top}\frac{\partial J}{\partial Z}", oracle="X.T @ dZ", style="J-leibniz-inline")
C(S, "Z", L, r"\frac{\partial L}{\partial \mathbf{Z}} = \frac{1}{m}(\mathbf{P} - \mathbf{Y})", oracle="(P - Y) / m", style="bold")
C(S, "Z", L, r"\frac{1}{m}(\mathbf{P} - \mathbf{Y}) \odot \mathbf{P} \odot (1 - \mathbf{P})", "*", oracle="(P - Y) * P * (1 - P) / m", style="sigmoid-style")
C(S, "Z", L, r"\frac{1}{m}(\operatorname{softmax}(Z) - Y)", oracle="(P - Y) / m", style="softmax-Z")
C(S, "b", L, r"\frac{1}{m}\mathbf{1}^{\top}(P - Y)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="ones")
C(S, "b", L, r"\frac{1}{m}\sum_{i=1}^{m}\left(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\right)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="per-example")
C(S, "b", L, r"\frac{1}{m}(P - Y)", "bias-not-summed", oracle=None, style="unsummed")
C(S, "b", L, r"\frac{1}{m}(P - Y)\mathbf{1}", "*", oracle=None, style="row-sums")
C(S, "W", N, "∇_W L = (1/m) Xᵀ (P − Y)", oracle=SW, style="unicode-nabla")
C(S, "W", N, "∂L/∂W = Xᵀ(P − Y)/m，其中 P = softmax(Z)", oracle=SW, style="unicode-chinese-where")
C(S, "W", L, r"\frac{1}{m} X^{\top}(P - Y)", lang="zh", oracle=SW, style="zh")
C(S, "W", L, r"\frac{1}{m} X (P - Y)", "*", lang="zh", oracle=None, style="zh-missing-transpose")

# ================================================================ neuron (西瓜书-ish, Nielsen)
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma'(z)\,\mathbf{x}", oracle=EW, style="sigma-prime-z")
C(E, "w", L, r"(O - t)\,\sigma(z)\left(1 - \sigma(z)\right)\mathbf{x}", oracle=EW, style="sigma-expanded")
C(E, "w", L, r"\delta = (O - t)\,O(1 - O),\quad \frac{\partial L}{\partial \mathbf{w}} = \delta\,\mathbf{x}", oracle=EW, style="nielsen-delta-defined")
C(E, "w", L, r"\frac{\partial E}{\partial \mathbf{w}} = -\left(t - O\right)O\left(1 - O\right)\mathbf{x}", oracle=EW, style="xigua")
C(E, "w", L, r"(O - t)\,O(1 - O)\,\mathbf{x}^{\top}", "*", oracle=None, style="transposed-x")
C(E, "w", L, r"(O - t)\,\mathbf{x}", "missing-activation-derivative", oracle="(O - t) * x", style="no-sigma-prime")
C(E, "w", L, r"2(O - t)\,O(1 - O)\,\mathbf{x}", "scale-factor", oracle="2 * " + EW, style="factor-2")
C(E, "w", L, r"(O - t)\,(1 - O^2)\,\mathbf{x}", "wrong-activation-derivative", oracle="(O - t) * (1 - O ** 2) * x", style="tanh-prime-for-sigma")
C(E, "w", L, r"(t - O)\,O(1 - O)\,\mathbf{x}", "sign", oracle="-(" + EW + ")", style="sign")
C(E, "w", L, r"\frac{\partial L}{\partial O}\frac{\partial O}{\partial z}\frac{\partial z}{\partial \mathbf{w}}", oracle=EW, style="leibniz")
C(E, "w", L, r"\frac{\partial L}{\partial O}\times\frac{\partial O}{\partial z}\times\frac{\partial z}{\partial w}", oracle=EW, style="leibniz-times")
C(E, "z", L, r"\frac{\partial L}{\partial z} = (O - t)\,O\,(1 - O)", oracle="(O - t) * O * (1 - O)", style="z")
C(E, "z", L, r"(O - t)\,\sigma'(O)", "*", oracle=None, style="sigma-prime-of-output")
C(E, "O", L, r"O - t", oracle="O - t", style="O")
C(E, "w1", L, r"(O - t)\,O\,(1 - O)\,x_1", oracle=None, style="elementwise")
C(E, "w1", L, r"\frac{\partial L}{\partial w_1} = (O - t)\,\sigma'(z)\,x_{1}", oracle=None, style="elementwise-sigma")
C(E, "w1", L, r"(O - t)\,O\,(1 - O)\,x_2", "*", oracle=None, style="elementwise-wrong-input")
C(E, "w1", L, r"(O - t)\,O\,(1 - O)\,w_1", "*", oracle=None, style="elementwise-w-for-x")
C(E, "w", N, "∂L/∂w = (O − t)·O·(1 − O)·x", oracle=EW, style="unicode")
C(E, "w", N, "∂L/∂w = (O − t)·σ′(z)·x", oracle=EW, style="unicode-sigma-prime")
C(E, "w", N, "∂L/∂w = (O − t)·σ′(z)", "*", oracle=None, style="unicode-missing-x")
C(E, "w", L, r"-(t - O)\,O(1 - O)\,\mathbf{x}", lang="zh", oracle=EW, style="zh")
C(E, "w", L, r"(t - O)\,O(1 - O)\,\mathbf{x}", "sign", lang="zh", oracle="-(" + EW + ")", style="zh-sign")

# ================================================================ tiny-mlp (element-wise)
T = "tiny-mlp"
TW1 = "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))"
C(T, "w11", L, r"(y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_1", style="elementwise")
C(T, "w12", L, r"(y_{pred} - y_{target})\, v_2\, h_2 (1 - h_2)\, x_1", style="elementwise")
C(T, "w21", L, r"(y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_2", style="elementwise")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = (y_{pred} - y_{target})\cdot v_2\cdot h_2(1-h_2)\cdot x_2", style="elementwise-cdot")
C(T, "w12", L, r"(y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_1", "*", style="elementwise-wrong-unit")
C(T, "w21", L, r"(y_{pred} - y_{target})\, v_1\, h_1 (1 - h_1)\, x_1", "*", style="elementwise-wrong-input")
C(T, "w11", L, r"(y_{pred} - y_{target})\, v_1\, x_1", "missing-activation-derivative", style="elementwise-no-sigma-prime")
C(T, "w11", L, r"(y_{target} - y_{pred})\, v_1\, h_1 (1 - h_1)\, x_1", "sign", style="elementwise-sign")
C(T, "w11", L, r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h_1}\frac{\partial h_1}{\partial h_{1,raw}}\frac{\partial h_{1,raw}}{\partial w_{11}}", style="leibniz-elementwise")
C(T, "W1[0,0]", L, r"\delta_{h_{1,\text{raw}}} \cdot x_{1}", style="elementwise-delta-walkthrough")
C(T, "W1[0,1]", L, r"(y_{pred} - y_{target})\, v_2\, \sigma'(h_{2,\mathrm{raw}})\, x_1", style="elementwise-W-index")
C(T, "v1", L, r"(y_{pred} - y_{target})\, h_1", style="elementwise-v")
C(T, "v2", L, r"(y_{pred} - y_{target})\, h_1", "*", style="elementwise-v-wrong-unit")
C(T, "v1", L, r"\frac{\partial L}{\partial v_1} = (\hat{y} - y)\, h_1", style="elementwise-hat-y")
C(T, "W2", L, r"\mathbf{h}^{\top}(y_{pred} - y_{target})", oracle="h.T @ (y_pred - y_target)", style="W2")
C(T, "W2", L, r"(y_{pred} - y_{target})\,\mathbf{h}", "*", oracle=None, style="W2-row")
C(T, "W1", L, r"X^{\top}\left[(y_{pred} - y_{target})\,W_2^{\top}\odot h\odot(1-h)\right]", oracle=TW1, style="W1")
C(T, "W1", L, r"X^{\top}\left[(y_{pred} - y_{target})\,W_2^{\top}\odot \sigma'(h_{raw})\right]", oracle=TW1, style="W1-sigma-prime")
C(T, "W1", L, r"X^{\top}\left[(y_{pred} - y_{target})\,W_2^{\top}\odot \sigma'(h)\right]", "*", oracle=None, style="W1-sigma-prime-of-h")
C(T, "h_raw", L, r"\frac{\partial L}{\partial h} \odot h \odot (1 - h)", oracle="dh * h * (1 - h)", style="h_raw")
C(T, "h", L, r"(y_{pred} - y_{target})\,W_2^{\top}", oracle="(y_pred - y_target) * W2.T", style="h")
C(T, "w11", N, "∂L/∂w₁₁ = (y_pred − y_target)·v₁·h₁(1 − h₁)·x₁", style="unicode-elementwise")
C(T, "w11", N, "(y_pred − y_target)·v₁·h₁(1 − h₁)·x₂", "*", style="unicode-elementwise-wrong-input")
C(T, "w12", L, r"(y_{pred} - y_{target})\, v_2\, h_2 (1 - h_2)\, x_1", lang="zh", style="zh-elementwise")

# ================================================================ chain
H = "chain"
C(H, "w", L, r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot x = 2(wx + b)x", oracle="2 * v * x", style="leibniz-chain-expanded")
C(H, "w", L, r"2(wx+b)x", oracle="2 * v * x", style="expanded")
C(H, "w", L, r"2(wx+b)", "*", oracle="2 * v", style="missing-x")
C(H, "w", L, r"(wx+b)x", "scale-factor", oracle="v * x", style="missing-2")
C(H, "w", L, r"2 v w", "*", oracle="2 * v * w", style="w-for-x")
C(H, "b", L, r"\frac{\partial L}{\partial b} = 2v", oracle="2 * v", style="b")
C(H, "b", L, r"\frac{dL}{dv}\frac{dv}{db}", oracle="2 * v", style="leibniz-d")
C(H, "b", L, r"2 v x", "*", oracle="2 * v * x", style="b-with-x")
C(H, "x", L, r"2 v w", oracle="2 * v * w", style="x")
C(H, "u", L, r"\frac{\partial L}{\partial v} \cdot \frac{\partial v}{\partial u}", oracle="2 * v", style="u-leibniz")
C(H, "w", N, "∂L/∂w = ∂L/∂v · ∂v/∂u · ∂u/∂w = 2v · x", oracle="2 * v * x", style="unicode-leibniz")
C(H, "w", L, r"2v\cdot x", lang="zh", oracle="2 * v * x", style="zh")
C(H, "w", L, r"v\cdot x", "scale-factor", lang="zh", oracle="v * x", style="zh-missing-2")

# ================================================================ relu-mlp
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
C(R, "w2", L, r"2\,h_{relu}^{\top}(y_{pred} - y)", oracle=RW2, style="w2")
C(R, "w2", L, r"h_{relu}^{\top}(y_{pred} - y)", "scale-factor", oracle="h_relu.T @ (y_pred - y)", style="missing-2")
C(R, "w2", L, r"\frac{2}{n}\,h_{relu}^{\top}(y_{pred} - y)", "scale-factor", oracle="h_relu.T @ (2 * (y_pred - y)) / n", style="mean-for-sum")
C(R, "w2", L, r"2\,h^{\top}(y_{pred} - y)", "*", oracle="h.T @ (2 * (y_pred - y))", style="pre-activation")
C(R, "w1", L, r"x^{\top}\left[2(y_{pred} - y) w_2^{\top} \odot \mathbb{1}[h > 0]\right]", oracle=RW1, style="w1")
C(R, "w1", L, r"x^{\top}\left[2(y_{pred} - y) w_2^{\top} \odot \mathbb{1}[h_{relu} > 0]\right]", oracle=RW1, style="w1-mask-on-relu")
C(R, "w1", L, r"x^{\top}\left[2(y_{pred} - y) w_2^{\top}\right]", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="no-mask")
C(R, "w1", L, r"x^{\top}\left[2(y_{pred} - y) w_2^{\top} \odot h_{relu}\right]", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="relu-for-mask")
C(R, "h", L, r"\frac{\partial \ell}{\partial h_{relu}} \odot \mathbb{1}[h > 0]", oracle="dh_relu * (h > 0)", style="h")
C(R, "y_pred", L, r"2(\hat{y} - y)", oracle="2 * (y_pred - y)", style="y_pred-hat")
C(R, "y_pred", L, r"\hat{y} - y", "scale-factor", oracle="y_pred - y", style="y_pred-missing-2")
C(R, "w2", N, "∂ℓ/∂w₂ = 2 h_reluᵀ (y_pred − y)", oracle=RW2, style="unicode")

# ================================================================ batchnorm
B = "batchnorm"
BZ = "gamma / np.sqrt(var + eps) / m * (m * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))"
C(B, "gamma", L, r"\sum_{i=1}^{m} \frac{\partial L}{\partial y_i}\,\hat{z}_i", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="ioffe-szegedy")
C(B, "beta", L, r"\sum_{i=1}^{m} \frac{\partial L}{\partial y_i}", oracle="np.sum(dY, axis=0, keepdims=True)", style="ioffe-szegedy")
C(B, "gamma", L, r"\mathbf{1}^\top (\delta_Y \odot \hat{Z})", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="ones")
C(B, "gamma", L, r"\delta_Y \odot \hat{Z}", "bias-not-summed", oracle=None, style="unsummed")
C(B, "beta", L, r"\delta_Y", "bias-not-summed", oracle=None, style="unsummed")
C(B, "Z_hat", L, r"\delta_Y \odot \gamma", oracle="dY * gamma", style="Z_hat")
C(B, "Z", L, r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}} \odot \left(m\,\delta_Y - \mathbf{1}\mathbf{1}^{\top}\delta_Y - \hat{Z} \odot \mathbf{1}\mathbf{1}^{\top}(\delta_Y \odot \hat{Z})\right)", oracle=BZ, style="compact-ones")
C(B, "Z", L, r"\frac{\gamma}{\sqrt{\sigma^2 + \epsilon}} \odot \left(\delta_Y - \frac{1}{m}\mathbf{1}\mathbf{1}^{\top}\delta_Y\right)", "missing-path", oracle="gamma / np.sqrt(var + eps) * (dY - np.sum(dY, axis=0) / m)", style="no-var-path")
C(B, "Y", L, r"\frac{2}{mn}(Y - T)", oracle="2 * (Y - T) / (m * n)", style="dY")
C(B, "Y", L, r"\frac{2}{m}(Y - T)", "scale-factor", oracle="2 * (Y - T) / m", style="dY-missing-n")
C(B, "Y", L, r"\frac{1}{mn}(Y - T)", "scale-factor", oracle="(Y - T) / (m * n)", style="dY-missing-2")

# ================================================================ rnn
Q = "rnn"
QZ2 = "(h_2 - y) * (1 - h_2 ** 2)"
QZ1 = "(" + QZ2 + ") @ W_h.T * (1 - h_1 ** 2)"
C(Q, "z_2", L, r"(h_2 - y) \odot (1 - h_2^2)", oracle=QZ2, style="z2")
C(Q, "z_2", L, r"(h_2 - y) \odot (1 - h_2 \odot h_2)", oracle=QZ2, style="z2-hadamard-square")
C(Q, "z_2", L, r"(h_2 - y) \odot h_2 \odot (1 - h_2)", "wrong-activation-derivative", oracle="(h_2 - y) * h_2 * (1 - h_2)", style="sigma-prime-for-tanh")
C(Q, "z_2", L, r"(h_2 - y) \odot \sigma'(z_2)", "wrong-activation-derivative", oracle="(h_2 - y) * h_2 * (1 - h_2)", style="sigma-prime-for-tanh", note="σ′(z_2) = σ(z_2)(1 − σ(z_2)), not h_2(1 − h_2): the oracle's formula is only a label")
C(Q, "z_2", L, r"(h_2 - y) \odot \left(1 - \tanh^2(z_2)\right)", oracle=QZ2, style="tanh-squared")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top} \odot (1 - h_1^2)", oracle=QZ1, style="z1")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top} \odot (1 - h_2^2)", "*", oracle="dz_2 @ W_h.T * (1 - h_2 ** 2)", style="z1-wrong-step")
C(Q, "z_1", L, r"\delta_{z_2} W_x^{\top} \odot (1 - h_1^2)", "*", oracle=None, style="z1-W_x", note="W_x is n_x×n_h, W_h n_h×n_h: same shape only here")
C(Q, "W_h", L, r"\sum_{t=1}^{2} h_{t-1}^{\top}\,\delta_{z_t}", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="bptt-sum")
C(Q, "W_h", L, r"h_1^{\top}\delta_{z_2}", "missing-path", oracle="h_1.T @ dz_2", style="last-step-only")
C(Q, "W_x", L, r"x_1^{\top}\delta_{z_1} + x_2^{\top}\delta_{z_2}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="W_x")
C(Q, "W_x", L, r"x_1^{\top}\delta_{z_2} + x_2^{\top}\delta_{z_1}", "*", oracle="x_1.T @ dz_2 + x_2.T @ dz_1", style="W_x-crossed")
C(Q, "b", L, r"\mathbf{1}^{\top}\left(\delta_{z_1} + \delta_{z_2}\right)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="b")
C(Q, "b", L, r"\mathbf{1}^{\top}\delta_{z_2}", "missing-path", oracle="np.sum(dz_2, axis=0, keepdims=True)", style="b-last-step")
C(Q, "h_1", L, r"\frac{\partial L}{\partial z_2}\frac{\partial z_2}{\partial h_1}", oracle="dz_2 @ W_h.T", style="leibniz")
C(Q, "z_2", N, "δ₂ = (h₂ − y) ⊙ (1 − h₂²)", oracle=QZ2, style="unicode-delta-subscript", note="δ₂ in an RNN: δ of step 2 = ∂L/∂z_2; refused naming δ₂ is fair too", code=None)

# ================================================================ attention
A = "attention"
AS = "A * (dA - np.sum(A * dA, axis=1, keepdims=True))"
C(A, "V", L, r"A^{\top}\frac{\partial L}{\partial O}", oracle="A.T @ dO", style="V")
C(A, "V", L, r"\frac{\partial L}{\partial O} A^{\top}", "*", oracle=None, style="V-order")
C(A, "A", L, r"\frac{\partial L}{\partial O} V^{\top}", oracle="dO @ V.T", style="A")
C(A, "S", L, r"A \odot \left(\delta_A - \left(A \odot \delta_A\right)\mathbf{1}\mathbf{1}^{\top}\right)", oracle=AS, style="S-ones")
C(A, "S", L, r"A \odot \delta_A", "*", oracle="A * dA", style="S-diag-only")
C(A, "Q", L, r"\frac{1}{\sqrt{d}}\,\delta_S K", oracle="dS @ K / np.sqrt(d)", style="Q")
C(A, "Q", L, r"\delta_S K", "scale-factor", oracle="dS @ K", style="Q-no-sqrt")
C(A, "Q", L, r"\frac{1}{d}\,\delta_S K", "scale-factor", oracle="dS @ K / d", style="Q-d-not-sqrt")
C(A, "K", L, r"\frac{1}{\sqrt{d}}\,\delta_S^{\top} Q", oracle="dS.T @ Q / np.sqrt(d)", style="K")
C(A, "K", L, r"\frac{1}{\sqrt{d}}\,\delta_S Q", "*", oracle=None, style="K-missing-transpose")
C(A, "W_v", L, r"X^{\top} A^{\top} \frac{\partial L}{\partial O}", oracle="X.T @ A.T @ dO", style="W_v")
C(A, "W_q", L, r"\frac{1}{\sqrt{d}} X^{\top} \delta_S K", oracle="X.T @ dS @ K / np.sqrt(d)", style="W_q")
C(A, "O", L, r"\frac{2}{nd}(O - T)", oracle="2 * (O - T) / (n * d)", style="O")
C(A, "O", L, r"\frac{2}{n}(O - T)", "scale-factor", oracle="2 * (O - T) / n", style="O-missing-d")

# ================================================================ course networks (spec files)
C(CS229S, "theta", L, r"\frac{1}{m} X^{\top}\left(p - Y\right)", style="cs229-softmax-soft-targets", note="Y is not declared one-hot here, but its given [values] are one-hot rows against a softmax: P − Y is right, as PyTorch finds (wrong with the one-hot note before checkgaps9)")
C(CS229S, "theta", L, r"\frac{1}{m} X^{\top}\left(p \odot (Y\mathbf{1})\mathbf{1}^{\top} - Y\right)", style="cs229-softmax-general", note="p scaled by each row's target sum: right for any Y (first labelled \"*\": a labelling slip, (p Σ_k y_k − y)/m is the gradient)")
C(CS229L, "theta", L, r"\frac{1}{m} X^{\top}(h - y)", style="cs229-logreg")
C(CS229L, "theta", L, r"\nabla_{\theta} J(\theta) = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x^{(i)}", style="cs229-logreg-per-example", note="h_θ(x^{(i)}) and the column x^{(i)}: Xᵀ(h − y)/m, right (was a shape-mismatch until the lead's per-example fix, 2026-12-02)")
C(CS229L, "theta", L, r"X^{\top}(h - y)", "scale-factor", style="cs229-logreg-missing-m")
C(CS229L, "theta", L, r"\frac{1}{m} X^{\top}(y - h)", "sign", style="cs229-logreg-sign")
C(CS229L, "theta", L, r"\frac{1}{n} X^{\top}(h - y)", "scale-factor", style="cs229-logreg-wrong-size")
C(QIU, "W", L, r"-\frac{1}{N} X (Y - \hat{Y})^{\top} + \lambda W", style="qiu", note="邱锡鹏 (3.39) with the weight-decay term λW: right for one-hot Y only; this spec does not declare Y one-hot, but its given [values] are one-hot columns against a softmax (first labelled right, then wrong with the one-hot note, right again in checkgaps9)")
C(QIU, "W", L, r"-\frac{1}{N} X (Y - \hat{Y})^{\top}", "missing-loss-term", style="qiu-no-decay", note="also right for one-hot Y only (two mistakes)")
C(QIU, "W", L, r"-\frac{1}{N} X (Y - \hat{Y})^{\top} + 2\lambda W", "loss-term-factor", style="qiu-decay-2")
C(QIU, "W", L, r"-\frac{1}{N} X (Y - \hat{Y})^{\top} + \frac{\lambda}{N} W", "loss-term-factor", style="qiu-decay-over-N")
C(GOOD, "W2", L, r"H^{\top}\frac{\partial J_{MLE}}{\partial U_2} + 2\lambda W_2", style="goodfellow-decay")
C(GOOD, "W2", L, r"H^{\top}\frac{\partial J_{MLE}}{\partial U_2}", "missing-loss-term", style="goodfellow-no-decay")

# ================================================================ more LaTeX spellings (round a, continued)
C(M, "W2", L, r"\frac{1}{m}\,{A^{[1]}}^{\top}\,(A^{[2]} - Y)", oracle=W2R, style="braced-transpose")
C(M, "W2", L, r"\frac{1}{m}\,\left(A^{[1]}\right)^{\!\top}\!\left(A^{[2]} - Y\right)", oracle=W2R, style="negative-space")
C(M, "W2", L, r"m^{-1} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="m-inverse")
C(M, "W2", L, r"\tfrac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="tfrac")
C(M, "W2", L, r"\frac{A^{[1]\top}(A^{[2]} - Y)}{m}", oracle=W2R, style="frac-over-m")
C(M, "W2", L, r"\frac{A^{[1]\top}(A^{[2]} - Y)}{m^2}", "scale-factor", oracle="A1.T @ (A2 - Y) / m ** 2", style="frac-over-m2")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \cdot (A^{[2]} - Y)", oracle=W2R, style="cdot-matmul")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \times (A^{[2]} - Y)", oracle=W2R, style="times-matmul")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \odot (A^{[2]} - Y)", "*", oracle=None, style="odot-for-matmul")
C(M, "W2", L, r"\frac{1}{m} A^{[1]'}(A^{[2]} - Y)", oracle=None, style="prime-for-transpose", note="MATLAB's ' for ᵀ (Ng's Octave notes): right if read (first labelled \"*\": a labelling slip, it is right)")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \times \mathbb{1}(Z^{[1]} > 0)", oracle=Z1R, style="times-for-odot")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \ast \mathbb{1}(Z^{[1]} > 0)", oracle=Z1R, style="ast-for-odot")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \cdot H(Z^{[1]})", oracle=None, style="heaviside-H", note="H(·), the Heaviside step, where the network has no H: right if read (first labelled \"*\": a labelling slip)")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top} \odot \frac{\partial A^{[1]}}{\partial Z^{[1]}}", oracle=Z1R, style="leibniz-local-elementwise")
C(S, "W", L, r"\frac{1}{m} \mathbf{X}^{\!\top}\!\left(\boldsymbol{P} - \boldsymbol{Y}\right)", oracle=SW, style="boldsymbol")
C(S, "Z", L, r"\frac{\partial L}{\partial P}\frac{\partial P}{\partial Z}", oracle="dZ", style="leibniz-softmax")
C(E, "w", L, r"\frac{\partial E}{\partial w} = \frac{\partial E}{\partial O}\cdot\frac{\partial O}{\partial z}\cdot\frac{\partial z}{\partial w} = (O - t)\cdot O(1 - O)\cdot x", oracle=EW, style="xigua-chain-expanded")
C(E, "w", L, r"\frac{\partial E}{\partial O}\cdot\frac{\partial O}{\partial z}", "*", oracle=None, style="xigua-chain-missing-last")
C(H, "w", L, r"\frac{\partial L}{\partial v}\frac{\partial v}{\partial w}", oracle=None, style="leibniz-skip-not-input", note="∂v/∂w = x through u, so the product is 2v·x: right (first labelled \"*\"); the README refuses a derivative that is not local (exit 2)")


_round = "b"
# ================================================================ round b: written after round a's fixes, measured before
# fixing anything for them (the second honest estimate)
C(M, "W2", L, r"\nabla_{W^{[2]}}\mathcal{J} = \frac{1}{m}\bigl(A^{[1]}\bigr)^{\!\mathsf{T}}\bigl(A^{[2]} - Y\bigr)", oracle=W2R, style="b-bigl-mathcal-J")
C(M, "W2", L, r"\mathrm{d}\mathbf{W}^{[2]} = \tfrac{1}{m}\,\mathbf{A}^{[1]\top}\,\mathrm{d}\mathbf{Z}^{[2]}", "scale-factor", oracle="A1.T @ dZ2 / m", style="b-mathrm-d-doubled-m", note="dZ^{[2]} without a definition is ∂L/∂Z2, already averaged")
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{Z}^{[2]}} \left(\mathbf{A}^{[1]}\right)^{\mathsf{T}}", "*", oracle=None, style="b-column-major-order", note="column-major order on a batch-first network: shapes do not fit")
C(M, "W2", L, r"\frac{1}{m}\, A^{[1]^{\prime}} \left(A^{[2]} - Y\right)", oracle=W2R, style="b-octave-prime-cmd")
C(M, "b2", L, r"\frac{\partial J}{\partial b^{[2]}} = \frac{1}{m}\,\mathbf{1}^{\mathsf T}\left(\hat{\mathbf{y}} - \mathbf{y}\right)", oracle=B2R, style="b-ones-bold")
C(M, "b2", L, r"\frac{1}{m}\mathbf{1}^{\mathsf T}\left(\mathbf{y} - \hat{\mathbf{y}}\right)", "sign", oracle="np.sum(Y - A2) / m", style="b-ones-sign")
C(M, "Z1", L, r"\mathrm{d}Z^{[1]} = \mathrm{d}Z^{[2]}\, W^{[2]\mathsf{T}} \odot \mathbb{1}\left\{Z^{[1]} > 0\right\}", oracle=Z1R, style="b-mathrm-d-indicator")
C(M, "Z1", L, r"\boldsymbol{\delta}^{[1]} = \boldsymbol{\delta}^{[2]}\mathbf{W}^{[2]\top} \odot \operatorname{ReLU}'\!\left(\mathbf{Z}^{[1]}\right)", oracle=Z1R, style="b-operatorname-ReLU-prime")
C(M, "Z1", L, r"\boldsymbol{\delta}^{[1]} = \boldsymbol{\delta}^{[2]}\mathbf{W}^{[2]\top} \odot \operatorname{ReLU}'\!\left(\mathbf{A}^{[1]}\right)", oracle=Z1R, style="b-relu-prime-of-A", note="relu'(A1) = relu'(Z1) since A1 > 0 exactly where Z1 > 0")
C(M, "Z1", L, r"\boldsymbol{\delta}^{[1]} = \boldsymbol{\delta}^{[2]}\mathbf{W}^{[2]\top} \odot \tanh'\!\left(\mathbf{Z}^{[1]}\right)", "wrong-activation-derivative", oracle="dZ2 @ W2.T * (1 - np.tanh(Z1) ** 2)", style="b-tanh-prime-for-relu")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\mathsf T}\Bigl[\bigl(\delta^{[2]} W^{[2]\mathsf T}\bigr) \odot \mathbb{1}\bigl[Z^{[1]} > 0\bigr]\Bigr]", oracle=W1R, style="b-Bigl")
C(M, "W1", L, r"X^{\mathsf T}\Bigl[\bigl(\delta^{[2]} W^{[2]\mathsf T}\bigr) \odot \mathbb{1}\bigl[Z^{[2]} > 0\bigr]\Bigr]", "*", oracle=None, style="b-mask-Z2")
C(M, "W1", N, "dW⁽¹⁾ = Xᵀ · (δ⁽²⁾ W⁽²⁾ᵀ ⊙ 𝟙[Z⁽¹⁾ > 0])", oracle=W1R, style="b-unicode-W1")
C(M, "W1", N, "dW⁽¹⁾ = Xᵀ · (δ⁽²⁾ W⁽²⁾ᵀ)", "missing-activation-derivative", oracle="X.T @ (dZ2 @ W2.T)", style="b-unicode-W1-no-mask")
C(M, "b1", L, r"\frac{\partial L}{\partial \mathbf{b}^{[1]}} = \sum_{i=1}^{m}\boldsymbol{\delta}^{[1](i)}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="b-bold-per-example")
C(M, "W2", L, r"$$\frac{\partial L}{\partial W^{[2]}}=\frac{1}{m}A^{[1]T}\left(A^{[2]}-Y\right)$$，", lang="zh", oracle=W2R, style="b-zh-display-comma")
C(M, "b2", L, r"\frac{\partial L}{\partial b^{[2]}}=\sum_{i=1}^{m}\left(a^{[2](i)}-y^{(i)}\right)", "scale-factor", lang="zh", oracle="np.sum(A2 - Y)", style="b-zh-sum-missing-m")
C(M, "Z1", L, r"\delta^{[1]}=\delta^{[2]}W^{[2]T}\odot\mathbb{1}(Z^{[1]}>0)；", lang="zh", oracle=Z1R, style="b-zh-semicolon")
C(W, "Z2", L, r"\frac{1}{m}\Bigl[\hat{Y} - Y + (w - 1)\,Y \odot (\hat{Y} - 1)\Bigr]", oracle=WZ2, style="b-weighted-rearranged")
C(W, "Z2", L, r"\frac{1}{m}\Bigl[\hat{Y} - Y + (w - 1)\,Y \odot \hat{Y}\Bigr]", "*", oracle="(A2 - Y + (w - 1) * Y * A2) / m", style="b-weighted-slip")
C(W, "Z2", L, r"\frac{1}{m}\,\bigl(\hat{Y} - Y\bigr) \odot \bigl(1 + (w - 1)Y\bigr)", "weighted-loss-not-simplifiable", oracle="(A2 - Y) * (1 + (w - 1) * Y) / m", style="b-binary-only")
C(S, "Z", L, r"\partial_{\mathbf{o}} l = \operatorname{softmax}(\mathbf{o}) - \mathbf{y}", "*", oracle=None, style="b-d2l-partial-o", note="d2l's per-example ∂_o l (o, y of one example): read as Z and Y it has no 1/m (wrong); refused naming o is counted as a failure")
C(S, "W", L, r"\frac{\partial \ell}{\partial \mathbf{W}} = \frac{1}{m}\mathbf{X}^{\top}\left(\operatorname{softmax}(\mathbf{Z}) - \mathbf{Y}\right)", oracle=SW, style="b-ell-softmax")
C(S, "W", L, r"\frac{1}{m}\mathbf{X}^{\top}\left(\operatorname{softmax}(\mathbf{X}) - \mathbf{Y}\right)", "*", oracle=None, style="b-softmax-of-X")
C(S, "b", L, r"\frac{1}{m}\sum_{i}\left(\hat{\mathbf{y}}^{(i)} - \mathbf{y}^{(i)}\right)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b-sum-hat")
C(S, "b", L, r"\frac{1}{m}\sum_{i}\left(\hat{\mathbf{y}}^{(i)} - \mathbf{y}^{(i)}\right)", lang="zh", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b-zh-sum-hat")
C(S, "W", N, "∂J/∂W = (1/m) · Xᵀ · (softmax(Z) − Y)", oracle=SW, style="b-unicode-J")
C(S, "W", N, "∂J/∂W = Xᵀ · (softmax(Z) − Y)", "scale-factor", oracle="X.T @ (P - Y)", style="b-unicode-J-missing-m")
C(E, "w", L, r"\frac{\partial E}{\partial w_i} = (O - t)\,\sigma(z)\,(1 - \sigma(z))\,x_i", oracle=EW, style="b-generic-index-sigma")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma'(z)\,\mathbf{x}^{\mathsf T}", "*", oracle=None, style="b-x-transposed")
C(E, "w2", L, r"\frac{\partial L}{\partial w_2} = (O - t)\,O\,(1 - O)\,x_2", oracle=None, style="b-elementwise")
C(E, "w0", L, r"(O - t)\,O\,(1 - O)\,x_0", oracle=None, style="b-elementwise-index-0")
C(E, "w0", L, r"(O - t)\,O\,(1 - O)\,x_1", "*", oracle=None, style="b-elementwise-off-by-one", note="x_1 for x_0: the label one place off")
C(E, "w", N, "∂E/∂w = −(t − O)·O(1 − O)·x。", lang="zh", oracle=EW, style="b-zh-unicode-period")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = (\hat{y} - y)\,v_1\,\sigma(h_{1,raw})\bigl(1 - \sigma(h_{1,raw})\bigr)\,x_1", style="b-elementwise-sigma-expanded")
C(T, "w22", L, r"(y_{pred} - y_{target})\,v_2\,h_2\,(1 - h_2)\,x_2 \cdot 2", "scale-factor", style="b-elementwise-extra-2")
C(T, "v2", L, r"\frac{\partial L}{\partial v_2} = (y_{pred} - y_{target})\,h_2", style="b-elementwise-v2")
C(T, "W2", L, r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial W_2}", oracle="h.T @ (y_pred - y_target)", style="b-leibniz-W2")
C(H, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = \frac{\mathrm{d}L}{\mathrm{d}v}\frac{\mathrm{d}v}{\mathrm{d}u}\frac{\mathrm{d}u}{\mathrm{d}w} = 2v\,x", oracle="2 * v * x", style="b-mathrm-d-chain")
C(H, "b", L, r"2\left(wx + b\right)", oracle="2 * v", style="b-expanded")
C(H, "b", L, r"2\left(wx + b\right) \times 1", oracle="2 * v", style="b-times-1")
C(H, "w", L, r"2\,u\,x", "*", oracle="2 * u * x", style="b-u-for-v", note="u = wx, v = u + b: b dropped")
C(R, "w2", L, r"2\,\mathbf{h}_{relu}^{\mathsf T}\left(\hat{\mathbf{y}} - \mathbf{y}\right)", oracle=RW2, style="b-bold-hat")
C(R, "w1", L, r"2\,x^{\mathsf T}\left[(y_{pred} - y)\,w_2^{\mathsf T} \odot H(h)\right]", oracle=RW1, style="b-heaviside")
C(R, "w1", L, r"2\,x^{\mathsf T}\left[(y_{pred} - y)\,w_2^{\mathsf T} \odot \mathbb{1}[h \geq 0]\right]", "relu-at-zero", oracle=None, style="b-geq")
C(B, "gamma", L, r"\frac{\partial \ell}{\partial \gamma} = \sum_{i=1}^{m}\frac{\partial \ell}{\partial y_i}\cdot\hat{x}_i", oracle=None, style="b-ioffe-x-hat", note="x̂ for Ẑ (the paper's name): right if read; refused naming x̂ is counted as a failure")
C(B, "beta", L, r"\mathbf{1}^{\mathsf T}\,\frac{\partial \ell}{\partial \mathbf{Y}}", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-ell")
C(B, "Z", L, r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}} \odot \left(\delta_Y - \mathbf{1}\mathbf{1}^{\top}\delta_Y - \hat{Z} \odot \mathbf{1}\mathbf{1}^{\top}(\delta_Y \odot \hat{Z})\right)", "*", oracle="gamma / np.sqrt(var + eps) / m * (dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))", style="b-missing-m-on-one-term")
C(Q, "z_2", L, r"\left(\mathbf{h}_2 - \mathbf{y}\right) \odot \left(1 - \tanh^2(\mathbf{z}_2)\right)", oracle=QZ2, style="b-bold-tanh2")
C(Q, "W_x", L, r"\sum_{t=1}^{2} \mathbf{x}_t^{\mathsf T}\,\boldsymbol{\delta}_{z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="b-sum-bold")
C(Q, "b", L, r"\sum_{t=1}^{2}\mathbf{1}^{\top}\delta_{z_t}", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="b-sum-ones")
C(Q, "W_h", L, r"h_0^{\top}\delta_{z_1} + 2\,h_1^{\top}\delta_{z_2}", "*", oracle="h_0.T @ dz_1 + 2 * h_1.T @ dz_2", style="b-extra-factor-one-term")
C(A, "V", L, r"\mathbf{A}^{\!\top}\,\boldsymbol{\delta}_{O}", oracle="A.T @ dO", style="b-bold-delta-O")
C(A, "Q", L, r"\frac{\partial L}{\partial S}\frac{\partial S}{\partial Q}", oracle="dS @ K / np.sqrt(d)", style="b-leibniz-Q")
C(A, "K", L, r"\frac{1}{\sqrt{d}}\,\boldsymbol{\delta}_{S}^{\!\top}\mathbf{Q}", lang="zh", oracle="dS.T @ Q / np.sqrt(d)", style="b-zh-K")
C(CS229L, "theta", L, r"\nabla_\theta J = \frac{1}{m} X^{\mathsf T}\left(\sigma(X\theta) - y\right)", style="b-cs229-sigma-Xtheta")
C(CS229L, "theta", L, r"\nabla_\theta J = \frac{1}{m} X^{\mathsf T}\left(\sigma(X\theta) - y\right)", lang="zh", style="b-zh-cs229")
C(CS229L, "theta", L, r"\frac{1}{m} X^{\mathsf T}\left(h - y\right) \odot h \odot (1 - h)", "*", style="b-cs229-extra-sigma-prime")

_round = "c"
# ================================================================ round c: written after round b's fixes, measured before
# fixing anything for them (the third honest estimate)
C(M, "W2", N, "∂L/∂W₂＝(1/m)A₁ᵀ(A₂−Y)", oracle=W2R, style="c-fullwidth-equals")
C(M, "W2", L, r"\frac{1}{m} \cdot A^{[1]\top} \cdot \left(A^{[2]} - Y\right)", oracle=W2R, style="c-cdot-everywhere")
C(M, "W2", L, r"\left(A^{[1]}\right)^{T} \frac{A^{[2]} - Y}{m}", oracle=W2R, style="c-frac-operand")
C(M, "W2", L, r"\mathbf{A}^{[1]\top}\!\cdot\!\frac{\mathbf{A}^{[2]}-\mathbf{Y}}{m}", oracle=W2R, style="c-negspace-cdot")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\,T}(A^{[2]} - Y)", oracle=W2R, style="c-space-before-T")
C(M, "W2", L, r"\frac{2}{m} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="2 * A1.T @ (A2 - Y) / m", style="c-factor-2")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y) + \frac{\lambda}{m} W^{[2]}", "*", oracle=None, style="c-decay-not-in-net", note="λ is not a name of this network: wrong if read as a constant; refused naming λ is counted as a failure")
C(M, "W2", L, r"\frac{1}{m}\left(A^{[2]} - Y\right)^{\top}A^{[1]}", "*", oracle=None, style="c-transposed-result")
C(M, "W1", L, r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^\top\left(\boldsymbol{\delta}_2\mathbf{W}_2^\top \odot \mathbf{1}_{\mathbf{Z}_1>0}\right)", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0))", style="c-subscript-layers")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}}=X^{T}\delta^{[1]}", lang="zh", oracle="X.T @ dZ1", style="c-zh-W1")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}}=X\,\delta^{[1]}", "*", lang="zh", oracle=None, style="c-zh-W1-no-transpose")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \mathbf{1}^{T}\left(\delta^{[2]}W^{[2]T} \odot \mathbb{1}[Z^{[1]}>0]\right)", oracle="np.sum(dZ2 @ W2.T * (Z1 > 0), axis=0, keepdims=True)", style="c-ones-T")
C(M, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{\partial L}{\partial A^{[2]}} \odot A^{[2]} \odot (1 - A^{[2]})", oracle="dA2 * A2 * (1 - A2)", style="c-lhs-leibniz-factor")
C(W, "Z2", L, r"\frac{1}{m}\left[w\,Y \odot (\hat{Y} - 1) + (1 - Y) \odot \hat{Y}\right]", oracle=WZ2, style="c-weighted-other-order")
C(W, "Z2", L, r"\frac{1}{m}\left[w\,Y \odot (\hat{Y} - 1) + (1 - Y) \odot \hat{Y}\right]", lang="zh", oracle=WZ2, style="c-zh-weighted")
C(S, "W", L, r"\frac{1}{m}\, \mathbf{X}^{\mathrm{T}} (\mathbf{P}-\mathbf{Y})", oracle=SW, style="c-mathrm-T")
C(S, "W", L, r"\frac{1}{m}\, \mathbf{X}^{\mathrm{T}} (\mathbf{P}-\mathbf{Y}) + \mathbf{b}", "*", oracle=None, style="c-plus-b")
C(S, "Z", L, r"\nabla_{\mathbf{Z}} L = \tfrac{1}{m}\,(\hat{\mathbf{Y}} - \mathbf{Y})", oracle="(P - Y) / m", style="c-nabla-Z")
C(S, "Z", L, r"\nabla_{\mathbf{z}} \ell = \hat{\mathbf{y}} - \mathbf{y}", "scale-factor", oracle="P - Y", style="c-d2l-nabla-z", note="read as the batch's Z: no 1/m")
C(E, "z", L, r"\frac{\partial L}{\partial z} = (O - t)\,\sigma'(z)", oracle="(O - t) * O * (1 - O)", style="c-z-sigma-prime")
C(E, "z", L, r"\frac{\partial L}{\partial z} = (O - t)\,\sigma(z)", "*", oracle="(O - t) * O", style="c-z-sigma-not-prime")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = \left(O - t\right)O\left(1 - O\right)\mathbf{x}", lang="zh", oracle=EW, style="c-zh-neuron")
C(T, "w21", L, r"\frac{\partial L}{\partial w_{21}} = \delta_{h_{1,\text{raw}}}\, x_2", style="c-elementwise-delta")
C(T, "w21", L, r"\frac{\partial L}{\partial w_{21}} = \delta_{h_{2,\text{raw}}}\, x_2", "*", style="c-elementwise-delta-wrong-unit")
C(H, "x", L, r"\frac{\partial L}{\partial x} = 2(wx + b)\,w", oracle="2 * v * w", style="c-x")
C(R, "w2", L, r"2\,h_{relu}^{\top}(y - y_{pred})", "sign", oracle="h_relu.T @ (2 * (y - y_pred))", style="c-sign")
C(R, "h_relu", L, r"\frac{\partial \ell}{\partial h_{relu}} = 2(y_{pred} - y)\,w_2^{\top}", oracle="2 * (y_pred - y) @ w2.T", style="c-h_relu")
C(B, "beta", L, r"\frac{\partial L}{\partial \boldsymbol{\beta}} = \mathbf{1}^{\top}\boldsymbol{\delta}_{Y}", oracle="np.sum(dY, axis=0, keepdims=True)", style="c-bold-beta")
C(B, "gamma", L, r"\frac{\partial L}{\partial \boldsymbol{\gamma}} = \mathbf{1}^{\top}\left(\boldsymbol{\delta}_{Y} \odot \hat{\mathbf{Z}}\right)", lang="zh", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="c-zh-gamma")
C(Q, "z_2", L, r"\delta_{z_2} = (h_2 - y) \odot (1 - h_2^{2})", oracle=QZ2, style="c-lhs-delta")
C(Q, "z_2", L, r"\delta_{z_2} = (h_2 - y) \odot (1 - h_2)^{2}", "*", oracle="(h_2 - y) * (1 - h_2) ** 2", style="c-square-outside")
C(A, "V", L, r"\frac{\partial L}{\partial V} = A^{\top} \frac{\partial L}{\partial O}", oracle="A.T @ dO", style="c-lhs-V")
C(A, "V", L, r"\frac{\partial L}{\partial V} = A \frac{\partial L}{\partial O}", "*", oracle=None, style="c-lhs-V-no-transpose", note="A is n×n: fits, but not the gradient")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c6b-{_k:03d}"
_SEEN = {
    (c["net"], c["wrt"], c["kind"], c["text"].strip())
    for c in corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load()
}
# cases that happen to repeat corpus 2–5 word for word are left out; ids stay as written
CASES: list[dict] = [
    c for c in _rows if (c["net"], c["wrt"], c["kind"], c["text"].strip()) not in _SEEN
]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


def run(case: dict) -> tuple[str, str | None, str]:
    """(verdict, code, message) as corpus2.run, in the case's language."""
    from derive.checker.check import FormulaError, check

    lang = case.get("lang", "en")
    try:
        if case["kind"] == "value":
            r = check(case["net"], case["wrt"], value=case["text"], lang=lang)
        else:
            latex = case["kind"] == "latex"
            r = check(case["net"], case["wrt"], case["text"], latex=latex, lang=lang)
    except FormulaError as e:
        return "unreadable", None, e.localized(lang) if hasattr(e, "localized") else e.message
    except Exception as e:  # noqa: BLE001 - a crash is counted as unreadable, and shown
        return "unreadable", None, f"CRASH {type(e).__name__}: {e}"
    return r.verdict, r.code, r.text()


judge = corpus2.judge
