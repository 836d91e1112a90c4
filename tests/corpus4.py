"""The held-out-style corpus of issue 11, fourth round: right and wrong derivations over the ten
built-ins (and two course networks with a weight-decay term), written by hand in styles that
corpus 2 and corpus 3 do NOT cover: PyTorch tensor code (`torch.mm`, `.t()`, `.mT`,
`.transpose(0, 1)`, `torch.sum(x, dim=0, keepdim=True)`, `.div(`, `.mul(`, `torch.outer`),
JAX-style `jnp.`, Einstein sums, multi-line code with temporaries and `#` comments, other courses'
variable names (`delta2`, `d_out`, `grad_h`, `dL_dW1`, `dscores`, `dhidden`), LaTeX from other
textbooks (`\\nabla_{W} L`, `\\mathbf{X}^\\intercal`, `\\operatorname{diag}`, `\\mathbb{1}[z>0]`,
`\\tfrac`, `\\dfrac`, `\\bigl(`, `\\!`, `\\;`, `\\text{}`, `\\tag{3}`, `&=` chains), Unicode maths
pasted from PDFs (`∂L/∂W₁`, `W₂ᵀ`, `σ′`, `⊙`, `∘`, `·`, `×`, `½`, superscript digits, full-width
parentheses, Chinese punctuation), hand numbers with rounding marks (`≈`, `…`, `×10⁻²`, fractions),
element-wise answers, and wrong answers for each classic mistake (weight decay left out or
doubled, gradient-ascent sign, wrong layer's activation derivative, softmax Jacobian diagonal
only, batch norm without the mean/variance paths, BPTT through the last step only, attention
without 1/√d).

Same format as tests/corpus3.py: net, wrt, kind (numpy | latex | value), text, verdict, code
(None: right; "*": any code, only the verdict is judged), oracle (a NumPy translation checked
against PyTorch by tests/check_oracle.py, never by the checker; None where the verdict rests on a
convention, an element-wise label, a hand number or a network the oracle does not know), style.
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

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
_NOT_NUMPY = ("torch", "jnp", ".t()", ".mT", ".mm(", ".mul(", ".div(", ".transpose(", "#", "∂", "ᵀ", "@=")
COURSE = Path(__file__).resolve().parent / "specs_course"
L2 = str(COURSE / "l2logistic.toml")


def C(net, wrt, kind, text, code=None, oracle="", style="", note=""):  # noqa: N802
    if (
        oracle == ""
        and kind == N
        and "\n" not in text
        and ";" not in text
        and "[" not in wrt
        and not any(s in text for s in _NOT_NUMPY)
        and text.isascii()
    ):
        oracle = text
    _rows.append(
        dict(
            net=net,
            wrt=wrt,
            kind=kind,
            text=text,
            verdict="correct" if code is None else "incorrect",
            code=code,
            oracle=oracle or None,
            style=style,
            note=note,
            round=_round,
        )
    )


# ================================================================ mlp-bce
M = "mlp-bce"
# PyTorch tensor code
C(M, "W2", N, "torch.mm(A1.t(), A2 - Y) / m", oracle="A1.T @ (A2 - Y) / m", style="torch")
C(M, "W2", N, "A1.mT @ (A2 - Y) / m", oracle="A1.T @ (A2 - Y) / m", style="torch-mT")
C(M, "W2", N, "A1.transpose(0, 1) @ (A2 - Y).div(m)", oracle="A1.T @ (A2 - Y) / m", style="torch")
C(M, "W2", N, "A1.transpose(1,0).mm((A2 - Y) / m)", oracle="A1.T @ (A2 - Y) / m", style="torch")
C(M, "W2", N, "torch.matmul(A1.transpose(-2, -1), dZ2)", oracle="A1.T @ dZ2", style="torch")
C(M, "W2", N, "A1.t() @ (A2 - Y)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="torch")
C(M, "W2", N, "A1.mm((A2 - Y).t()) / m", "*", oracle="A1 @ (A2 - Y).T / m", style="torch")
C(M, "b2", N, "torch.sum(dZ2, dim=0, keepdim=True)", oracle="np.sum(dZ2, axis=0, keepdims=True)", style="torch")
C(M, "b2", N, "(A2 - Y).sum(0, keepdim=True).div(m)", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="torch")
C(M, "b2", N, "(A2 - Y).mean(dim=0, keepdim=True)", oracle="np.mean(A2 - Y, axis=0, keepdims=True)", style="torch")
C(M, "b1", N, "dZ1.sum(0)", oracle="dZ1.sum(0)", style="torch")
C(M, "b1", N, "torch.sum(dZ1, dim=1, keepdim=True)", "wrong-sum-axis", oracle="np.sum(dZ1, axis=1, keepdims=True)", style="torch")
C(M, "Z1", N, "dZ2.mm(W2.t()).mul((Z1 > 0).float())", oracle="dZ2 @ W2.T * (Z1 > 0)", style="torch")
C(M, "Z1", N, "(dZ2 @ W2.T) * (Z1 > 0).to(Z1.dtype)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="torch")
C(M, "Z1", N, "(dZ2 @ W2.T).mul(torch.sigmoid(Z1) * (1 - torch.sigmoid(Z1)))", "wrong-activation-derivative", oracle="dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))", style="torch")
C(M, "Z1", N, "dZ2 @ W2.T * torch.heaviside(Z1, torch.tensor(0.0))", oracle="dZ2 @ W2.T * (Z1 > 0)", style="torch")
C(M, "Z2", N, "(A2 - Y).div(m)", oracle="(A2 - Y) / m", style="torch")
C(M, "Z2", N, "(A2 - Y).div(X.shape[0])", oracle="(A2 - Y) / m", style="torch")
C(M, "Z2", N, "(A2 - Y).div(X.shape[1])", "scale-factor", oracle="(A2 - Y) / n_in", style="torch-size-name")
# JAX / einsum
C(M, "W2", N, "jnp.dot(A1.T, A2 - Y) / m", oracle="A1.T @ (A2 - Y) / m", style="jax")
C(M, "W2", N, "np.einsum('ij,ik->jk', A1, A2 - Y) / m", oracle="np.einsum('ij,ik->jk', A1, A2 - Y) / m", style="einsum")
C(M, "W1", N, "np.einsum('ij,jk->ik', X.T, dZ1)", oracle="X.T @ dZ1", style="einsum")
C(M, "W1", N, "np.einsum('ij,ik->jk', X, dZ1)", oracle="X.T @ dZ1", style="einsum")
C(M, "W1", N, "np.einsum('ij,jk->ik', X, dZ1)", "*", oracle=None, style="einsum", note="X (m×n_in) times dZ1 (m×n_h) as ij,jk: shapes do not fit")
C(M, "b2", N, "jnp.sum(A2 - Y, axis=0, keepdims=True) / m", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="jax")
# multi-line with temporaries, comments, other names
C(M, "W2", N, "delta2 = A2 - Y   # output error\ngrad_W2 = A1.T @ delta2 / m", oracle="A1.T @ (A2 - Y) / m", style="comments")
C(M, "W1", N, "# backward pass\ndelta2 = (A2 - Y) / m\ndelta1 = (delta2 @ W2.T) * (Z1 > 0)  # relu'\ndL_dW1 = X.T @ delta1", oracle="X.T @ ((A2 - Y) / m @ W2.T * (Z1 > 0))", style="comments")
C(M, "W1", N, "delta2 = (A2 - Y) / m\ndelta1 = (delta2 @ W2.T) * A2 * (1 - A2)\ndL_dW1 = X.T @ delta1", "*", oracle="X.T @ ((A2 - Y) / m @ W2.T * A2 * (1 - A2))", style="wrong-layer-activation")
C(M, "W1", N, "delta2 = (A2 - Y) / m\ndelta1 = (delta2 @ W2.T) * A1 * (1 - A1)\ndL_dW1 = X.T @ delta1", "wrong-activation-derivative", oracle="X.T @ ((A2 - Y) / m @ W2.T * A1 * (1 - A1))", style="wrong-activation")
C(M, "b1", N, "d_out = (A2 - Y) / m\ndhidden = d_out.dot(W2.T)\ndhidden[Z1 <= 0] = 0\ndb1 = dhidden.sum(axis=0, keepdims=True)", oracle="np.sum((A2 - Y) / m @ W2.T * (Z1 > 0), axis=0, keepdims=True)", style="cs231n-names")
C(M, "Z1", N, "grad_h = dZ2 @ W2.T\ngrad_h = grad_h * (Z1 > 0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="reassign")
C(M, "Z1", N, "grad_h = dZ2 @ W2.T\ngrad_h *= (Z1 > 0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="inplace")
C(M, "W2", N, "dL_dZ2 = A2 - Y\ndL_dW2 = A1.T @ dL_dZ2\ndL_dW2 /= m", oracle="A1.T @ (A2 - Y) / m", style="dL_d")
C(M, "W2", N, "dL_dZ2 = A2 - Y; dL_dW2 = A1.T @ dL_dZ2 / m", oracle="A1.T @ (A2 - Y) / m", style="semicolon")
C(M, "W2", N, "dZ2 = A2 - Y\n\ndW2 = A1.T @ dZ2  # forgot 1/m? no: mean is taken later\n", "scale-factor", oracle="A1.T @ (A2 - Y)", style="comments")
# LaTeX from other textbooks
C(M, "W2", L, r"\nabla_{W^{[2]}} \mathcal{L} = \tfrac{1}{m}\, \mathbf{A}^{[1]\intercal} \bigl(\mathbf{A}^{[2]} - \mathbf{Y}\bigr)", oracle="A1.T @ (A2 - Y) / m", style="intercal")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = \dfrac{1}{m} A^{[1]\top}\!\left(A^{[2]} - Y\right) \tag{3}", oracle="A1.T @ (A2 - Y) / m", style="tag")
C(M, "W2", L, r"\begin{aligned} \frac{\partial L}{\partial W^{[2]}} &= A^{[1]\top} \delta^{[2]} \\ &= \frac{1}{m} A^{[1]\top} (A^{[2]} - Y) \end{aligned}", oracle="A1.T @ (A2 - Y) / m", style="aligned-chain")
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m} A^{[1]\top} dZ^{[2]} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle="A1.T @ (A2 - Y) / m", style="multi-equals", note="the last right side is the answer")
C(M, "W2", L, r"\frac{1}{m}\; A^{[1]\top} \cdot \bigl(A^{[2]} - Y\bigr) \quad \text{(averaged over the batch)}", oracle="A1.T @ (A2 - Y) / m", style="text-words")
C(M, "Z1", L, r"\delta^{[1]} = \bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \mathbb{1}[Z^{[1]} > 0]", oracle="dZ2 @ W2.T * (Z1 > 0)", style="iverson")
C(M, "Z1", L, r"\delta^{[2]} W^{[2]\top} \operatorname{diag}\!\left(\mathbb{1}[Z^{[1]}>0]\right)", "*", oracle=None, style="operatorname-diag", note="diag of a matrix: not a row-vector Jacobian; refused or wrong is fair")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \odot \sigma'\!\left(Z^{[2]}\right)", "*", oracle="dZ2 @ W2.T * sigmoid(Z2) * (1 - sigmoid(Z2))", style="wrong-layer-activation")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \odot \operatorname{ReLU}'\!\left(Z^{[1]}\right)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="operatorname")
C(M, "b2", L, r"\frac{1}{m}\mathbf 1^\top (A^{[2]} - Y)", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="ones-row")
C(M, "b1", L, r"\mathbf{1}^{\top} \delta^{[1]}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="ones-row")
C(M, "b1", L, r"\delta^{[1]\top} \mathbf{1}", "*", oracle=None, style="ones-col", note="a column where a row belongs")
C(M, "W1", L, r"\mathbf{X}^\intercal \left[ \tfrac{1}{m}(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0] \right]", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="intercal")
C(M, "W1", L, r"\mathbf{X}^\intercal \left[ (A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0] \right]", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="intercal")
C(M, "W1", L, r"X^{\top} \left[ \delta^{[2]} W^{[2]\top} \right]", "missing-activation-derivative", oracle="X.T @ (dZ2 @ W2.T)", style="no-derivative")
# Unicode pasted from PDFs
C(M, "W2", N, "(1/m)·A₁ᵀ(A₂ − Y)", oracle="A1.T @ (A2 - Y) / m", style="unicode-subscripts")
C(M, "W2", N, "A⁽¹⁾ᵀ(A⁽²⁾ − Y)/m", oracle="A1.T @ (A2 - Y) / m", style="unicode-superscripts")
C(M, "W2", N, "∂L/∂W₂ = A₁ᵀ·δ₂", oracle="A1.T @ dZ2", style="unicode-leibniz-lhs")
C(M, "Z1", N, "δ₂W₂ᵀ ⊙ 𝟙(Z₁ > 0)", oracle="dZ2 @ W2.T * (Z1 > 0)", style="unicode")
C(M, "Z1", N, "(δ₂ W₂ᵀ) ∘ σ′(Z₁)", "wrong-activation-derivative", oracle="dZ2 @ W2.T * sigmoid(Z1) * (1 - sigmoid(Z1))", style="unicode")
C(M, "Z2", N, "（A2 − Y）/m", oracle="(A2 - Y) / m", style="fullwidth-parens")
C(M, "Z2", N, "(A2 − Y)/m。", oracle="(A2 - Y) / m", style="chinese-fullstop")
C(M, "W2", N, "A1ᵀ × (A2 − Y) ÷ m", oracle=None, style="times-divide", note="first labelled wrong by mistake (the note said unreadable or right are both defensible): × read as the matrix product, it is right")
# hand numbers: W1[0,1] = 0.1356358, W2[1,0] = -0.0089850, b1[0,1] = -0.0181135
for t in ["≈ 0.1356", "0.13564", "1.356e-1", "1.356×10⁻¹", "0.135636…", "＋0.1356", "0.1356。", "≈0.136"]:
    C(M, "W1[0,1]", V, t, style="hand4")
C(M, "W1[0,1]", V, "-0.1356", "sign", style="hand4")
C(M, "W1[0,1]", V, "0.2713", "scale-factor", style="hand4")
C(M, "W1[0,1]", V, "0.14", style="hand4", note="2 significant digits, 0.1356 rounds to 0.14")
C(M, "W1[0,1]", V, "0.1", "too-few-digits", style="hand4")
C(M, "W1[0,1]", V, "0.1402", "*", style="hand4")
for t in ["-0.008985", "-8.985e-3", "−8.98×10⁻³", "-0.00898"]:
    C(M, "W2[1,0]", V, t, style="hand4")
C(M, "W2[1,0]", V, "0.008985", "sign", style="hand4")
C(M, "W2[1,0]", V, "-0.01797", "scale-factor", style="hand4")
for t in ["-0.01811", "-1.811e-2", "≈ −0.0181"]:
    C(M, "b1[0,1]", V, t, style="hand4")
C(M, "b1[0,1]", V, "0.01811", "sign", style="hand4")

# ================================================================ mlp-bce-weighted
W = "mlp-bce-weighted"
C(W, "Z2", N, "(w * Y * (A2 - 1) + (1 - Y) * A2).div(m)", oracle="(w * Y * (A2 - 1) + (1 - Y) * A2) / m", style="torch")
C(W, "Z2", N, "torch.where(Y > 0.5, w * (A2 - 1), A2) / m", "*", oracle="np.where(Y > 0.5, w * (A2 - 1), A2) / m", style="binary-labels-only")
C(W, "Z2", N, "pos = w * Y * (A2 - 1)  # positive term\nneg = (1 - Y) * A2\ndZ2 = (pos + neg) / m", oracle="(w * Y * (A2 - 1) + (1 - Y) * A2) / m", style="temporaries")
C(W, "Z2", N, "pos = w * Y * (1 - A2)\nneg = (1 - Y) * A2\ndZ2 = (neg - pos) / m", oracle="((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="temporaries")
C(W, "Z2", N, "pos = w * Y * (1 - A2)\nneg = (1 - Y) * A2\ndZ2 = (pos - neg) / m", "sign", oracle="(w * Y * (1 - A2) - (1 - Y) * A2) / m", style="temporaries")
C(W, "Z2", N, "(Y * (A2 - 1) + (1 - Y) * A2) / m", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="weight-dropped")
C(W, "W2", N, "A1.t().mm(w * Y * (A2 - 1) + (1 - Y) * A2) / m", oracle="A1.T @ (w * Y * (A2 - 1) + (1 - Y) * A2) / m", style="torch")
C(W, "W2", N, "A1.mT @ ((A2 - Y) / m)", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="torch-mT")
C(W, "b2", N, "torch.mean((1 - Y) * A2 - w * Y * (1 - A2), dim=0, keepdim=True)", oracle="np.mean((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True)", style="torch")
C(W, "A2", N, "(-(w * Y) / A2 + (1 - Y) / (1 - A2)).div(m)", oracle="(-(w * Y) / A2 + (1 - Y) / (1 - A2)) / m", style="torch")
C(W, "A2", N, "(-Y / A2 + (1 - Y) / (1 - A2)) / m", "*", style="weight-dropped")
C(W, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \tfrac{1}{m}\bigl[\, w\, Y \odot (A^{[2]} - \mathbf{1}) + (\mathbf{1} - Y) \odot A^{[2]} \bigr]", oracle="(w * Y * (A2 - 1) + (1 - Y) * A2) / m", style="bold-ones")
C(W, "Z2", L, r"\dfrac{1}{m}\left(A^{[2]} - Y\right) \tag{7}", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="tag")
C(W, "Z2", N, "(1/m)·[w·Y⊙(A₂ − 1) + (1 − Y)⊙A₂]", oracle="(w * Y * (A2 - 1) + (1 - Y) * A2) / m", style="unicode")
for t in ["≈ -0.4415", "-4.415e-1", "−0.44154…", "-0.442"]:
    C(W, "W1[0,0]", V, t, style="hand4")
C(W, "W1[0,0]", V, "0.4415", "sign", style="hand4")
for t in ["-0.3069", "−3.069×10⁻¹"]:
    C(W, "W2[1,0]", V, t, style="hand4")
C(W, "W2[1,0]", V, "-0.6138", "scale-factor", style="hand4")

# ================================================================ tiny-mlp
T = "tiny-mlp"
C(T, "W1", N, "torch.outer(X[0], (dy_pred * W2.T * h * (1 - h))[0])", oracle="X.T @ (dy_pred * W2.T * h * (1 - h))", style="torch-outer")
C(T, "W1", N, "np.outer(X, dh_raw)", oracle="np.outer(X, dh_raw)", style="outer")
C(T, "W1", N, "X.T @ dh_raw", style="plain")
C(T, "W1", N, "X.mT @ (dh * h * (1 - h))", oracle="X.T @ (dh * h * (1 - h))", style="torch-mT")
C(T, "W1", N, "X.T @ (dh * h_raw * (1 - h_raw))", "*", style="pre-activation")
C(T, "W1", N, "X.T @ (dy_pred * W2.T)", "missing-activation-derivative", style="no-derivative")
C(T, "W2", N, "torch.mm(h.t(), dy_pred)", oracle="h.T @ dy_pred", style="torch")
C(T, "W2", N, "h.T * (y_pred - y_target)", oracle="h.T * (y_pred - y_target)", style="broadcast")
C(T, "W2", N, "h.T * (y_target - y_pred)", "sign", style="broadcast")
C(T, "h", N, "dy_pred * W2.T", style="plain")
C(T, "h", N, "dy_pred @ W2.T", style="plain")
C(T, "h", N, "dy_pred * W2", "*", oracle=None, style="no-transpose", note="W2 is n_h×1; a column where a row belongs")
C(T, "h_raw", N, "grad_h = dy_pred * W2.T\ngrad_h_raw = grad_h * h * (1 - h)  # sigma'", oracle="dy_pred * W2.T * h * (1 - h)", style="comments")
C(T, "h_raw", N, "dh * torch.sigmoid(h_raw) * (1 - torch.sigmoid(h_raw))", oracle="dh * h * (1 - h)", style="torch")
C(T, "h_raw", N, "dh.mul(h).mul(1 - h)", oracle="dh * h * (1 - h)", style="torch")
C(T, "y_pred", N, "y_pred - y_target", style="plain")
C(T, "y_pred", N, "2 * (y_pred - y_target)", "scale-factor", style="half-forgotten")
# element-wise, --wrt an entry or its label
C(T, "W1[0,1]", N, "dy_pred * v2 * h2 * (1 - h2) * x1", oracle=None, style="entry-wrt")
C(T, "W1[0,1]", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", oracle=None, style="entry-wrt")
C(T, "W1[0,1]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "wrong-entry", oracle=None, style="entry-wrt")
C(T, "W1[1,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", oracle=None, style="entry-wrt")
C(T, "w12", N, "δ * v2 * h2 * (1 - h2) * x1", "*", oracle=None, style="undefined-delta", note="δ names no tensor here: unreadable (exit 2 naming it) counts as a failure, but is the honest answer")
C(T, "w12", N, "(y_pred - y_target) · v2 · h2(1 − h2) · x1", oracle=None, style="unicode-entry")
C(T, "w12", N, "(y_pred - y_target) * v2 * h2 * x1", "wrong-activation-derivative", oracle=None, style="sigma-not-prime")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", oracle=None, style="entry-label")
C(T, "v1", N, "(y_pred - y_target) * h1", oracle=None, style="entry-label")
C(T, "v1", N, "(y_target - y_pred) * h1", "sign", oracle=None, style="entry-label")
C(T, "w12", L, r"\frac{\partial L}{\partial w_{12}} = (y_{pred} - y_{target})\, v_2\, \sigma'(h_{2,raw})\, x_1", oracle=None, style="entry-latex")
C(T, "w12", L, r"(y_{\text{pred}} - y_{\text{target}}) \cdot v_{2} \cdot h_{2}(1-h_{2}) \cdot x_{1}", oracle=None, style="entry-latex-text")
C(T, "w12", L, r"(y_{\text{pred}} - y_{\text{target}}) \cdot v_{2} \cdot h_{2}(1-h_{2}) \cdot x_{2}", "wrong-entry", oracle=None, style="entry-latex-text")
C(T, "W1", L, r"\mathbf{x}^\intercal \bigl( \delta_{y_{pred}} \mathbf{W}_2^\intercal \odot \mathbf{h} \odot (\mathbf 1 - \mathbf{h}) \bigr)", oracle="X.T @ (dy_pred * W2.T * h * (1 - h))", style="intercal", note="first labelled wrong by mistake (the note said unreadable is fair): x and W_2 read as X and W2, it is right")
C(T, "W1", L, r"X^{\top} \left( \delta_{y_{pred}} W2^{\top} \odot h \odot (1 - h) \right)", oracle="X.T @ (dy_pred * W2.T * h * (1 - h))", style="plain-names")
C(T, "W1", L, r"X^{\top} \left( \delta_{y_{pred}} W2^{\top} \odot h \right)", "wrong-activation-derivative", oracle="X.T @ (dy_pred * W2.T * h)", style="sigma-not-prime")
C(T, "h_raw", L, r"\delta_{h} \odot \sigma'(h_{raw})", oracle="dh * h * (1 - h)", style="sigma-prime")
C(T, "h_raw", L, r"\delta_{h}\, \operatorname{diag}\bigl(h \odot (1 - h)\bigr)", oracle="dh * h * (1 - h)", style="operatorname-diag")
C(T, "h_raw", L, r"\delta_{h} \odot h \odot (1 - h) \; .", oracle="dh * h * (1 - h)", style="trailing-dot")
C(T, "W2", L, r"h^{\top}\,(y_{pred} - y_{target})", oracle="h.T @ (y_pred - y_target)", style="plain")
# hand numbers: w12 = -0.0163477, w21 = -0.00273362, v1 = -0.113898
for t in ["≈ -0.0163", "-1.635e-2", "−1.635×10⁻²", "-0.016348…", "-0.01635 ", "w12 ≈ -0.01635", "∂L/∂w12 = -0.0163", "-0.016"]:
    C(T, "w12", V, t, style="hand4")
C(T, "w12", V, "0.01635", "sign", style="hand4")
C(T, "w12", V, "-0.0327", "scale-factor", style="hand4")
C(T, "w12", V, "-0.01367", "wrong-entry", style="hand4")
C(T, "w12", V, "-0.02", "too-few-digits", style="hand4")
for t in ["-0.002734", "-2.73e-3", "−2.734×10⁻³", "-0.00273"]:
    C(T, "W1[1,0]", V, t, style="hand4")
C(T, "W1[1,0]", V, "0.002734", "sign", style="hand4")
for t in ["-0.1139", "-0.11390", "−0.114"]:
    C(T, "v1", V, t, style="hand4")
C(T, "v1", V, "-0.1172", "wrong-entry", style="hand4")
C(T, "v1", V, "-0.1239", "*", style="hand4")

# ================================================================ neuron (西瓜书 sign convention and others)
E = "neuron"
C(E, "w", N, "g = O * (1 - O) * (t - O)   # 西瓜书 (5.10)\ndw = -g * x", oracle="-(O * (1 - O) * (t - O)) * x", style="xigua-g")
C(E, "w", N, "g = O * (1 - O) * (t - O)\ndw = g * x", "sign", oracle="O * (1 - O) * (t - O) * x", style="xigua-g")
C(E, "w", N, "(O - t) * O * (1 - O) * x  # dE/dw", oracle="(O - t) * O * (1 - O) * x", style="comments")
C(E, "w", N, "torch.mul((O - t) * O * (1 - O), x)", oracle="(O - t) * O * (1 - O) * x", style="torch")
C(E, "w", N, "((O - t) * torch.sigmoid(z) * (1 - torch.sigmoid(z))).mul(x)", oracle="(O - t) * O * (1 - O) * x", style="torch")
C(E, "w", N, "(O - t) * (1 - O) * x", "*", style="half-derivative")
C(E, "w", N, "2 * (O - t) * O * (1 - O) * x", "scale-factor", style="mse-without-half")
C(E, "w", N, "(O - t) * O * (1 - O) * x.T", "*", oracle=None, style="transposed-input", note="x is 1×n; x.T gives an n×1 column, broadcast to 1×n? no: scalar times column: the shape is n×1 where 1×n belongs")
C(E, "w", N, "(O - t) * O * (1 - O) * w", "*", style="wrong-tensor")
C(E, "z", N, "(O - t) * O * (1 - O)", style="plain")
C(E, "z", N, "(O - t) * σ′(z)", oracle="(O - t) * O * (1 - O)", style="unicode-prime")
C(E, "z", N, "(O − t)·O·(1 − O)", oracle="(O - t) * O * (1 - O)", style="unicode-dot")
C(E, "w", N, "(O − t)·O(1 − O)·x", oracle="(O - t) * O * (1 - O) * x", style="unicode-juxtaposed")
C(E, "w", L, r"\nabla_{\mathbf{w}} L = (O - t)\, O\, (1 - O)\, \mathbf{x}", oracle="(O - t) * O * (1 - O) * x", style="nabla-bold")
C(E, "w", L, r"\frac{\partial E}{\partial \mathbf{w}} = -(t - O)\,O\,(1-O)\,\mathbf{x} \tag{5.7}", oracle="(O - t) * O * (1 - O) * x", style="xigua-latex-tag")
C(E, "w", L, r"\eta\, g\, \mathbf{x}", "*", oracle=None, style="update-not-gradient", note="η and g are not names of the network: unreadable is fair")
C(E, "w", L, r"O(1 - O)(t - O)\,\mathbf{x}", "sign", oracle="O * (1 - O) * (t - O) * x", style="xigua-ascent")
C(E, "w", L, r"\left(O - t\right)\sigma\!\left(z\right)\left(1-\sigma(z)\right) \mathbf x", oracle="(O - t) * O * (1 - O) * x", style="thin-space")
C(E, "w", L, r"(O - t) \cdot \sigma(z) \cdot \mathbf{x}", "wrong-activation-derivative", oracle="(O - t) * O * x", style="sigma-not-prime")
C(E, "z", L, r"\frac{\partial L}{\partial O}\cdot\frac{\mathrm{d}O}{\mathrm{d}z}", oracle="dO * O * (1 - O)", style="leibniz-mathrm-d")
C(E, "w1", N, "(O - t) * O * (1 - O) * x1", oracle=None, style="entry-label")
C(E, "w[0,1]", N, "(O - t) * O * (1 - O) * x1", oracle=None, style="entry-wrt")
C(E, "w[0,1]", N, "(O - t) * O * (1 - O) * x2", "wrong-entry", oracle=None, style="entry-wrt")
C(E, "w2", L, r"(O - t)\, O\, (1 - O)\, x_2", oracle=None, style="entry-latex")
C(E, "w2", L, r"(t - O)\, O\, (1 - O)\, x_2", "sign", oracle=None, style="entry-latex")
# hand numbers: w1 = -0.0367354, w0 = -0.0612257
for t in ["≈ -0.0367", "-3.674e-2", "−3.67×10⁻²", "-0.036735…", "-0.03674。"]:
    C(E, "w1", V, t, style="hand4")
C(E, "w1", V, "0.03674", "sign", style="hand4")
C(E, "w1", V, "-0.07347", "scale-factor", style="hand4")
for t in ["-0.06123", "−6.12×10⁻²", "-0.0612"]:
    C(E, "w[0,0]", V, t, style="hand4")
C(E, "w[0,0]", V, "-0.1225", "scale-factor", style="hand4")

# ================================================================ chain
H = "chain"
C(H, "w", N, "dv = 2 * v  # dL/dv\ndu = dv  # v = u + b\ndw = du * x", oracle="2 * v * x", style="micrograd-comments")
C(H, "w", N, "grad_v = 2 * v\ngrad_u = grad_v * 1.0\ngrad_w = grad_u * x", oracle="2 * v * x", style="grad-names")
C(H, "w", N, "dL_dw = 2 * (u + b) * x", oracle="2 * (u + b) * x", style="dL_d")
C(H, "w", N, "2 * v * w", "*", style="wrong-factor")
C(H, "w", N, "v * x", "scale-factor", style="half-forgotten")
C(H, "w", N, "2·v·x", oracle="2 * v * x", style="unicode")
C(H, "w", N, "∂L/∂v · ∂v/∂u · ∂u/∂w", oracle="2 * v * x", style="unicode-leibniz")
C(H, "x", N, "∂L/∂v · ∂v/∂u · ∂u/∂x", oracle="2 * v * w", style="unicode-leibniz")
C(H, "b", N, "2 * v * 1", oracle="2 * v", style="plain")
C(H, "b", N, "2 * v * x", "*", style="wrong-factor")
C(H, "u", N, "2*v", style="plain")
C(H, "w", L, r"\frac{\mathrm{d}L}{\mathrm{d}w} = 2v \cdot x", oracle="2 * v * x", style="mathrm-d")
C(H, "w", L, r"\frac{\partial L}{\partial w} &= \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot x", oracle="2 * v * x", style="aligned-chain")
C(H, "w", L, r"2\,(w x + b)\, x", oracle="2 * (w * x + b) * x", style="thin-space")
C(H, "w", L, r"2 \left(u + b\right) w", "*", oracle="2 * (u + b) * w", style="wrong-factor")
C(H, "x", L, r"2v\,w", oracle="2 * v * w", style="plain")
C(H, "x", L, r"2 v \times w", oracle="2 * v * w", style="times")
for t in ["20", "20.0", "2.0e1", "2×10¹"]:
    C(H, "u", V, t, style="hand4")
C(H, "u", V, "-20", "sign", style="hand4")
C(H, "u", V, "10", "scale-factor", style="hand4")
for t in ["60", "60.00", "≈ 60"]:
    C(H, "x", V, t, style="hand4")
C(H, "x", V, "30", "scale-factor", style="hand4")
C(H, "x", V, "40", "*", style="hand4", note="first expected wrong-entry; 40 is ∂L/∂w, another tensor's gradient, not another entry of ∂L/∂x (a scalar has none): any code")

# ================================================================ relu-mlp (PyTorch tensors tutorial)
R = "relu-mlp"
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.t().mm(grad_y_pred)", oracle="h_relu.T @ (2 * (y_pred - y))", style="torch-tutorial")
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.mT @ grad_y_pred", oracle="h_relu.T @ (2 * (y_pred - y))", style="torch-mT")
C(R, "w2", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.transpose(1,0).mm(grad_y_pred)", oracle="h_relu.T @ (2 * (y_pred - y))", style="torch-transpose10")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_h = grad_h_relu.clone()\ngrad_h[h < 0] = 0\ngrad_w1 = x.t().mm(grad_h)", "relu-at-zero", oracle=None, style="torch-tutorial")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_h = grad_h_relu * (h > 0)\ngrad_w1 = x.t().mm(grad_h)", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="torch-tutorial")
C(R, "w1", N, "grad_y_pred = 2.0 * (y_pred - y)\ngrad_h_relu = grad_y_pred.mm(w2.t())\ngrad_w1 = x.t().mm(grad_h_relu)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="torch-tutorial")
C(R, "w1", N, "x.T @ (dy_pred @ w2.T * (h_relu > 0))", oracle="x.T @ (dy_pred @ w2.T * (h > 0))", style="mask-from-output")
C(R, "w1", N, "x.T @ (dy_pred @ w2.T * np.heaviside(h, 0))", oracle="x.T @ (dy_pred @ w2.T * (h > 0))", style="heaviside")
C(R, "w1", N, "x.T @ (dy_pred @ w2.T * np.heaviside(h, 1))", "relu-at-zero", oracle=None, style="heaviside")
C(R, "h_relu", N, "(2 * (y_pred - y)).mm(w2.T)", oracle="2 * (y_pred - y) @ w2.T", style="torch")
C(R, "h_relu", N, "torch.mm(grad_y_pred, w2)", "*", oracle=None, style="torch-no-transpose", note="grad_y_pred (n×D_out) times w2 (H×D_out): shapes do not fit")
C(R, "y_pred", N, "2.0 * (y_pred - y)", style="plain")
C(R, "y_pred", N, "(y_pred - y)", "scale-factor", style="half-forgotten")
C(R, "y_pred", N, "2 * (y - y_pred)", "sign", style="sign")
C(R, "w2", N, "jnp.dot(h_relu.T, 2 * (y_pred - y))", oracle="h_relu.T @ (2 * (y_pred - y))", style="jax")
C(R, "w2", N, "np.einsum('ni,nj->ij', h_relu, dy_pred)", oracle="np.einsum('ni,nj->ij', h_relu, dy_pred)", style="einsum")
C(R, "w2", N, "np.einsum('ni,nj->ji', h_relu, dy_pred)", "*", oracle=None, style="einsum", note="the transpose (D_out×H)")
C(R, "w2", L, r"\nabla_{W_2} L = h_{relu}^\intercal\, 2\,(\hat{y} - y)", oracle="h_relu.T @ (2 * (y_pred - y))", style="nabla-W_2", note="first labelled wrong by mistake (\"*\" where the note meant 'right if read'): it is right")
C(R, "w2", L, r"2\, h_{relu}^{\top} (y_{pred} - y)", oracle="2 * h_relu.T @ (y_pred - y)", style="plain")
C(R, "w1", L, r"x^{\top}\Bigl[\, 2(y_{pred}-y)\, w_2^{\top} \odot \mathbb{1}[h > 0] \Bigr]", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="Bigl")
C(R, "w1", L, r"x^{\top}\Bigl[\, 2(y_{pred}-y)\, w_2^{\top} \Bigr]", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="Bigl")
C(R, "h", L, r"\delta_{h_{relu}} \odot \mathbb{1}[h \ge 0]", "relu-at-zero", oracle=None, style="iverson-ge")
C(R, "w2[0,0]", V, "-0.7479", style="hand4")
C(R, "w2[0,0]", V, "≈ −0.748", style="hand4")
C(R, "w2[0,0]", V, "0.7479", "sign", style="hand4")
C(R, "w2[0,0]", V, "-0.3740", "scale-factor", style="hand4")

# ================================================================ softmax-regression
S = "softmax-regression"
C(S, "W", N, "dscores = probs - Y", "*", oracle=None, style="undefined-name", note="probs is not a name here: unreadable naming it is fair")
C(S, "W", N, "dscores = P - Y  # softmax grad\ndscores /= m\ndW = X.T.dot(dscores)\ndW += 0  # no reg", oracle="X.T @ (P - Y) / m", style="cs231n-comments")
C(S, "W", N, "torch.mm(X.t(), (P - Y).div(m))", oracle="X.T @ (P - Y) / m", style="torch")
C(S, "W", N, "X.mT @ (torch.softmax(Z, dim=1) - Y) / m", oracle="X.T @ (P - Y) / m", style="torch-mT")
C(S, "W", N, "X.transpose(1,0) @ (P - Y) / m", oracle="X.T @ (P - Y) / m", style="torch-transpose10")
C(S, "W", N, "X.transpose(0, 1) @ (P - Y)", "scale-factor", oracle="X.T @ (P - Y)", style="torch")
C(S, "W", N, "jnp.einsum('mn,mk->nk', X, P - Y) / m", oracle="np.einsum('mn,mk->nk', X, P - Y) / m", style="jax-einsum")
C(S, "W", N, "np.einsum('ij,ik->jk', X, P - Y) / X.shape[0]", oracle="X.T @ (P - Y) / m", style="einsum")
C(S, "W", N, "X.T @ (Y - P) / m", "sign", style="ascent")
C(S, "W", N, "X.T @ (P * (1 - P)) / m", "*", style="softmax-diagonal")
C(S, "b", N, "torch.sum(P - Y, dim=0, keepdim=True) / m", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="torch")
C(S, "b", N, "(P - Y).sum(0).div(m)", oracle="np.sum(P - Y, axis=0) / m", style="torch")
C(S, "b", N, "(P - Y).mean(0)", oracle="np.mean(P - Y, axis=0)", style="torch-mean")
C(S, "b", N, "(P - Y).sum(1) / m", "wrong-sum-axis", oracle=None, style="torch")
C(S, "b", N, "(P - Y) / m", "bias-not-summed", style="not-summed")
C(S, "Z", N, "dscores = P.copy()\ndscores[np.arange(m), labels] -= 1", "*", oracle=None, style="cs231n-labels", note="labels is not a name here (one-hot Y): unreadable naming it is fair")
C(S, "Z", N, "dscores = P - Y\ndscores = dscores / m", oracle="(P - Y) / m", style="cs231n")
C(S, "Z", N, "P * (dP - (dP * P).sum(dim=1, keepdim=True))", oracle="P * (dP - np.sum(dP * P, axis=1, keepdims=True))", style="torch-jacobian")
C(S, "Z", N, "dP * P * (1 - P)", "*", style="softmax-diagonal")
C(S, "P", N, "-Y / P / m", style="plain")
C(S, "P", N, "-Y / P", "scale-factor", style="plain")
C(S, "W", L, r"\nabla_{\mathbf W} J = \frac{1}{m}\,\mathbf{X}^{\intercal}\bigl(\hat{\mathbf{Y}} - \mathbf{Y}\bigr)", oracle="X.T @ (P - Y) / m", style="intercal")
C(S, "W", L, r"\frac{1}{m}\sum_{i=1}^{m} \mathbf{x}^{(i)} \left(\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\right)^{\top}", oracle="X.T @ (P - Y) / m", style="column-per-example", note="column-vector per-example convention x p^T (CS229's softmax-regression gradient): first labelled wrong as a row-major network's rows; an example's vector has no orientation of its own, the checker reads x^(i) as a column in every per-example sum (README), and only that reading makes the product defined — right (relabelled in round 21, heldcheck21)")
C(S, "W", L, r"\tfrac{1}{m} X^{\top} (P - Y) \;\; \text{where } P = \operatorname{softmax}(XW + b)", oracle="X.T @ (P - Y) / m", style="text-where")
C(S, "Z", L, r"\frac{1}{m}\left(P - Y\right) \, ,", oracle="(P - Y) / m", style="trailing-comma")
C(S, "Z", L, r"\frac{1}{m} \left( P \odot (1 - P) \right) \odot \frac{\partial L}{\partial P}", "*", oracle=None, style="softmax-diagonal")
C(S, "Z", L, r"P \odot \left( \delta_P - (\delta_P \odot P)\mathbf{1}\mathbf{1}^{\top} \right)", oracle="P * (dP - np.sum(dP * P, axis=1, keepdims=True))", style="ones-outer")
C(S, "b", L, r"\frac{1}{m}\,\mathbf 1^\top \left(P - Y\right)", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="ones-row")
C(S, "W", N, "(1/m)·Xᵀ(P − Y)", oracle="X.T @ (P - Y) / m", style="unicode")
C(S, "W", N, "Xᵀ（P − Y）/m", oracle="X.T @ (P - Y) / m", style="fullwidth-parens")
C(S, "W", N, "⅓·Xᵀ(P − Y)", "*", oracle=None, style="unicode-fraction", note="⅓ is not 1/m (m = 2): wrong")
C(S, "W", N, "½·Xᵀ(P − Y)", "*", oracle=None, style="unicode-fraction", note="½ equals 1/m only at m = 2: wrong with a size note")
# hand numbers: W[0,1] = -0.0902688, b[0,0] = -0.0734609
for t in ["-0.09027", "≈ −0.0903", "-9.027e-2", "−9.03×10⁻²", "-0.090269…"]:
    C(S, "W[0,1]", V, t, style="hand4")
C(S, "W[0,1]", V, "0.09027", "sign", style="hand4")
C(S, "W[0,1]", V, "-0.1805", "scale-factor", style="hand4")
for t in ["-0.07346", "-7.35e-2"]:
    C(S, "b[0,0]", V, t, style="hand4")
C(S, "b[0,0]", V, "-0.1469", "scale-factor", style="hand4")

# ================================================================ batchnorm
B = "batchnorm"
C(B, "Z", N, "dZ_hat = gamma * dY\ndZ = dZ_hat / np.sqrt(var + eps)", "*", oracle="gamma * dY / np.sqrt(var + eps)", style="bn-no-mean-var-paths")
C(B, "Z", N, "dZ_hat = gamma * dY\ndZ = (dZ_hat - dZ_hat.mean(axis=0)) / np.sqrt(var + eps)", "*", oracle="(gamma * dY - np.mean(gamma * dY, axis=0)) / np.sqrt(var + eps)", style="bn-no-var-path")
C(B, "Z", N, "dZ_hat = gamma * dY\ndZ = (dZ_hat - dZ_hat.mean(axis=0) - Z_hat * (dZ_hat * Z_hat).mean(axis=0)) / np.sqrt(var + eps)", oracle="(gamma * dY - np.mean(gamma * dY, axis=0) - Z_hat * np.mean(gamma * dY * Z_hat, axis=0)) / np.sqrt(var + eps)", style="bn-mean-form")
C(B, "Z", N, "# Kratzert, step by step\nstd = np.sqrt(var + eps)\ndxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(axis=0) - Z_hat * (dxhat * Z_hat).sum(axis=0)) / (m * std)", oracle="(m * dY * gamma - np.sum(dY * gamma, axis=0) - Z_hat * np.sum(dY * gamma * Z_hat, axis=0)) / (m * np.sqrt(var + eps))", style="kratzert-comments")
C(B, "Z", N, "std = torch.sqrt(var + eps)\ndxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(dim=0, keepdim=True) - Z_hat * (dxhat * Z_hat).sum(dim=0, keepdim=True)) / (m * std)", oracle="(m * dY * gamma - np.sum(dY * gamma, axis=0) - Z_hat * np.sum(dY * gamma * Z_hat, axis=0)) / (m * np.sqrt(var + eps))", style="torch")
C(B, "Z", N, "std = np.sqrt(var + eps)\ndxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(axis=0) - Z_hat * (dxhat * Z_hat).sum(axis=0)) / std", "scale-factor", oracle="(m * dY * gamma - np.sum(dY * gamma, axis=0) - Z_hat * np.sum(dY * gamma * Z_hat, axis=0)) / np.sqrt(var + eps)", style="kratzert-no-m")
C(B, "Z", N, "std = np.sqrt(var + eps)\ndxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(axis=1, keepdims=True) - Z_hat * (dxhat * Z_hat).sum(axis=0)) / (m * std)", "wrong-sum-axis", oracle="(m * dY * gamma - np.sum(dY * gamma, axis=1, keepdims=True) - Z_hat * np.sum(dY * gamma * Z_hat, axis=0)) / (m * np.sqrt(var + eps))", style="kratzert")
C(B, "mu", N, "-np.sum(dZ_c, axis=0, keepdims=True)", "*", oracle=None, style="mu-direct-only", note="∂L/∂μ through Z_c only, without var's path; var's path is zero at μ (Σ(Z−μ) = 0), so this may be right: verdict not predicted")
C(B, "gamma", N, "(dY * Z_hat).sum(dim=0, keepdim=True)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="torch")
C(B, "gamma", N, "torch.sum(dY * Z_hat, 0)", oracle="np.sum(dY * Z_hat, axis=0)", style="torch")
C(B, "gamma", N, "np.einsum('ij,ij->j', dY, Z_hat)", oracle="np.einsum('ij,ij->j', dY, Z_hat)", style="einsum")
C(B, "gamma", N, "(dY * Z_hat).sum(1)", "wrong-sum-axis", oracle=None, style="torch")
C(B, "gamma", N, "(dY * Z_c).sum(0)", "*", style="unnormalised")
C(B, "beta", N, "dY.sum(dim=0, keepdim=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="torch")
C(B, "beta", N, "dY", "bias-not-summed", style="not-summed")
C(B, "Y", N, "2 * (Y - T) / Y.numel()", oracle="2 * (Y - T) / Y.size", style="torch-numel")
C(B, "Y", N, "2 * (Y - T) / (m * n)", style="plain")
C(B, "Y", N, "2 * (Y - T) / m", "scale-factor", style="mean-over-rows")
C(B, "W", N, "X.t() @ dZ", oracle="X.T @ dZ", style="torch")
C(B, "W", N, "X.T @ (gamma * dY / np.sqrt(var + eps))", "*", style="bn-no-mean-var-paths")
C(B, "Z_hat", N, "dY.mul(gamma)", oracle="dY * gamma", style="torch")
C(B, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{1}{m}\,\gamma \odot (\sigma^2 + \epsilon)^{-1/2} \odot \Bigl( m\,\delta_Y - \mathbf{1}\mathbf{1}^\top \delta_Y - \hat{Z} \odot \mathbf{1}\mathbf{1}^{\top}(\delta_Y \odot \hat{Z}) \Bigr)", oracle="gamma / (m * np.sqrt(var + eps)) * (m * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))", style="ones-outer")
C(B, "Z", L, r"\frac{\gamma}{\sqrt{\mathrm{var} + \epsilon}} \odot \delta_Y", "*", oracle="gamma / np.sqrt(var + eps) * dY", style="bn-no-mean-var-paths")
C(B, "Z", L, r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}} \odot \left( m\,\delta_Y - \sum_{i=1}^{m} \delta_Y \right)", "*", oracle="gamma / (m * np.sqrt(var + eps)) * (m * dY - np.sum(dY, axis=0))", style="bn-no-var-path")
C(B, "gamma", L, r"\sum_{i=1}^{m} \frac{\partial L}{\partial Y} \odot \hat{Z}", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="plain")
C(B, "gamma", L, r"\mathbf{1}^\top\!\left(\delta_Y \odot \hat{Z}\right)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="ones-row")
C(B, "beta", L, r"\sum_{i} \delta_{Y} \tag{9}", oracle="np.sum(dY, axis=0, keepdims=True)", style="tag")
C(B, "Z_hat", L, r"\gamma \odot \delta_Y", oracle="gamma * dY", style="plain")
C(B, "W", L, r"X^{\top} \frac{\partial L}{\partial Z}", oracle="X.T @ dZ", style="plain")
# hand numbers: gamma[0,1] = 1.264444, W[0,0] = -0.304686, beta[0,0] = 0.1 (exact)
for t in ["1.264", "≈ 1.2644", "1.26444…", "1.264×10⁰", "1.26"]:
    C(B, "gamma[0,1]", V, t, style="hand4")
C(B, "gamma[0,1]", V, "-1.264", "sign", style="hand4")
C(B, "gamma[0,1]", V, "2.529", "scale-factor", style="hand4")
for t in ["-0.3047", "−3.047×10⁻¹", "-0.30469"]:
    C(B, "W[0,0]", V, t, style="hand4")
C(B, "W[0,0]", V, "0.3047", "sign", style="hand4")
for t in ["0.1", "1/10", "0.10"]:
    C(B, "beta[0,0]", V, t, style="hand4")
C(B, "beta[0,0]", V, "0.2", "too-few-digits", style="hand4", note="first expected scale-factor; one significant digit is too-few-digits by the README's policy, whatever the ratio")
C(B, "beta[0,0]", V, "0.11", style="hand4", note="first expected wrong; by the README's policy it is right: a hand calculation rounding every intermediate to 2 digits gives 0.11")

# ================================================================ rnn
Q = "rnn"
C(Q, "W_h", N, "dW_h = h_1.T @ dz_2  # only the last step", "*", oracle="h_1.T @ dz_2", style="bptt-last-step")
C(Q, "W_h", N, "dW_h = h_0.T @ dz_1 + h_1.T @ dz_2  # both steps", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="comments")
C(Q, "W_h", N, "torch.mm(h_0.t(), dz_1) + torch.mm(h_1.t(), dz_2)", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="torch")
C(Q, "W_h", N, "h_0.mT @ dz_1 + h_1.mT @ dz_2", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="torch-mT")
C(Q, "W_h", N, "h_1.T @ dz_1 + h_2.T @ dz_2", "*", oracle="h_1.T @ dz_1 + h_2.T @ dz_2", style="off-by-one-step")
C(Q, "W_h", N, "dh_next = np.zeros_like(h_0)\ndW_h = np.zeros_like(W_h)\ndh = (h_2 - y) + dh_next\ndz = (1 - h_2 ** 2) * dh\ndW_h += h_1.T @ dz\ndh_next = dz @ W_h.T\ndh = dh_next\ndz = (1 - h_1 ** 2) * dh\ndW_h += h_0.T @ dz", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="karpathy-loop-unrolled")
C(Q, "W_x", N, "x_1.t().mm(dz_1) + x_2.t().mm(dz_2)", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="torch")
C(Q, "W_x", N, "x_2.T @ dz_2", "*", oracle="x_2.T @ dz_2", style="bptt-last-step")
C(Q, "W_x", N, "np.einsum('bi,bj->ij', x_1, dz_1) + np.einsum('bi,bj->ij', x_2, dz_2)", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="einsum")
C(Q, "b", N, "torch.sum(dz_1 + dz_2, dim=0, keepdim=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="torch")
C(Q, "b", N, "(dz_1 + dz_2).sum(0, keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="numpy-method")
C(Q, "b", N, "dz_2.sum(axis=0, keepdims=True)", "*", oracle="np.sum(dz_2, axis=0, keepdims=True)", style="bptt-last-step")
C(Q, "z_1", N, "dh_1 * (1 - torch.tanh(z_1) ** 2)", oracle="dh_1 * (1 - h_1 ** 2)", style="torch")
C(Q, "z_1", N, "dh_1 * (1 - h_2 ** 2)", "wrong-layer", style="wrong-step-activation")
C(Q, "z_1", N, "dh_1 * (1 - h_1)", "*", style="tanh-wrong")
C(Q, "z_1", N, "dh_1 * h_1 * (1 - h_1)", "wrong-activation-derivative", style="sigmoid-for-tanh")
C(Q, "z_2", N, "(h_2 - y) * (1 - h_2 ** 2)", style="plain")
C(Q, "z_2", N, "(h_2 - y) * (1 - h_2 * h_2)  # tanh' = 1 - tanh^2", oracle="(h_2 - y) * (1 - h_2 * h_2)", style="comments")
C(Q, "z_2", N, "(y - h_2) * (1 - h_2 ** 2)", "sign", style="sign")
C(Q, "h_1", N, "dz_2.mm(W_h.t())", oracle="dz_2 @ W_h.T", style="torch")
C(Q, "h_1", N, "dz_2 @ W_h", "missing-transpose", style="no-transpose")
C(Q, "h_2", N, "h_2 - y", style="plain")
C(Q, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} \mathbf{h}_{t-1}^{\top}\, \boldsymbol{\delta}_{z_t}", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="bptt-bold")
C(Q, "W_h", L, r"h_1^{\top} \delta_{z_2}", "*", oracle="h_1.T @ dz_2", style="bptt-last-step")
C(Q, "W_h", L, r"h_0^{\intercal}\,\delta_{z_1} + h_1^{\intercal}\,\delta_{z_2}", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="intercal")
C(Q, "W_x", L, r"\sum_{t=1}^{2} x_t^\top \frac{\partial L}{\partial z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="bptt-sum")
C(Q, "z_1", L, r"\bigl(\delta_{z_2} W_h^{\top}\bigr) \odot \bigl(1 - h_1 \odot h_1\bigr)", oracle="dz_2 @ W_h.T * (1 - h_1 * h_1)", style="Bigl")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top}\, \operatorname{diag}\!\left(1 - h_1^{2}\right)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="operatorname-diag")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top} \odot \left(1 - h_2^{2}\right)", "wrong-layer", oracle="dz_2 @ W_h.T * (1 - h_2 ** 2)", style="wrong-step-activation")
C(Q, "b", L, r"\mathbf 1^\top (\delta_{z_1} + \delta_{z_2})", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="ones-row")
C(Q, "z_2", N, "(h₂ − y) ⊙ (1 − h₂²)", oracle="(h_2 - y) * (1 - h_2 ** 2)", style="unicode-superscript")
C(Q, "z_2", N, "(h₂ − y)·(1 − tanh²(z₂))", oracle="(h_2 - y) * (1 - h_2 ** 2)", style="unicode-superscript")
# hand numbers: W_h[0,1] = 0.219232, b[0,0] = -0.223447, W_x[1,1] = 0.511885
for t in ["0.2192", "≈ 0.219", "2.192e-1", "2.19×10⁻¹", "0.21923…"]:
    C(Q, "W_h[0,1]", V, t, style="hand4")
C(Q, "W_h[0,1]", V, "-0.2192", "sign", style="hand4")
for t in ["-0.2234", "−0.223"]:
    C(Q, "b[0,0]", V, t, style="hand4")
C(Q, "b[0,0]", V, "-0.4469", "scale-factor", style="hand4")
for t in ["0.5119", "0.512"]:
    C(Q, "W_x[1,1]", V, t, style="hand4")

# ================================================================ attention
A = "attention"
C(A, "Q", N, "dS @ K", "scale-factor", style="no-sqrt-d")
C(A, "Q", N, "dS.mm(K) / math.sqrt(d)", oracle="dS @ K / np.sqrt(d)", style="math-module", note="first labelled wrong by mistake (\"*\" where the note meant 'right if read'): it is right")
C(A, "Q", N, "torch.mm(dS, K) / d ** 0.5", oracle="dS @ K / d ** 0.5", style="torch")
C(A, "Q", N, "dS @ K / torch.sqrt(torch.tensor(d))", oracle="dS @ K / np.sqrt(d)", style="torch-tensor-d")
C(A, "Q", N, "(dS @ K).div(np.sqrt(d))", oracle="dS @ K / np.sqrt(d)", style="torch")
C(A, "Q", N, "dS @ K / d", "scale-factor", style="d-not-sqrt")
C(A, "K", N, "dS.mT @ Q / np.sqrt(d)", oracle="dS.T @ Q / np.sqrt(d)", style="torch-mT")
C(A, "K", N, "dS.transpose(1,0) @ Q / np.sqrt(d)", oracle="dS.T @ Q / np.sqrt(d)", style="torch-transpose10")
C(A, "K", N, "dS.transpose(0, 1) @ Q", "scale-factor", oracle="dS.T @ Q", style="no-sqrt-d")
C(A, "K", N, "dS @ Q / np.sqrt(d)", "*", style="no-transpose")
C(A, "S", N, "dA * A * (1 - A)", "*", style="softmax-diagonal")
C(A, "S", N, "A * (dA - (dA * A).sum(dim=-1, keepdim=True))", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="torch")
C(A, "S", N, "A * (dA - torch.sum(dA * A, dim=1, keepdim=True))", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="torch")
C(A, "S", N, "A * (dA - np.einsum('ij,ij->i', dA, A)[:, None])", oracle="A * (dA - np.einsum('ij,ij->i', dA, A)[:, None])", style="einsum")
C(A, "S", N, "A * (dA - (dA * A).sum(dim=0, keepdim=True))", "wrong-sum-axis", oracle="A * (dA - np.sum(dA * A, axis=0, keepdims=True))", style="torch")
C(A, "S", N, "dA * A - A * (dA * A).sum(axis=-1, keepdims=True)", oracle="dA * A - A * np.sum(dA * A, axis=-1, keepdims=True)", style="expanded")
C(A, "A", N, "dO @ V.T", style="plain")
C(A, "A", N, "dO.mm(V.t())", oracle="dO @ V.T", style="torch")
C(A, "A", N, "V.T @ dO", "*", oracle=None, style="operand-order", note="d×d times n×d: shapes do not fit at other sizes")
C(A, "V", N, "A.t() @ dO", oracle="A.T @ dO", style="torch")
C(A, "V", N, "A.transpose(-1, -2) @ dO", oracle="A.T @ dO", style="torch")
C(A, "W_v", N, "X.T @ A.T @ dO", oracle="X.T @ A.T @ dO", style="plain")
C(A, "W_q", N, "X.T @ dS @ K", "scale-factor", style="no-sqrt-d")
C(A, "W_q", N, "dQ = dS @ K / np.sqrt(d)  # 1/sqrt(d) from the scaling\ndW_q = X.T @ dQ", oracle="X.T @ dS @ K / np.sqrt(d)", style="comments")
C(A, "W_k", N, "dK = dS.T @ Q / np.sqrt(d)\ndW_k = X.T @ dK", oracle="X.T @ dS.T @ Q / np.sqrt(d)", style="statements")
C(A, "W_k", N, "dK = dS @ Q / np.sqrt(d)\ndW_k = X.T @ dK", "*", oracle="X.T @ dS @ Q / np.sqrt(d)", style="statements")
C(A, "O", N, "2 * (O - T) / O.numel()", oracle="2 * (O - T) / O.size", style="torch-numel")
C(A, "O", N, "2 * (O - T) / (n * d)", style="plain")
C(A, "O", N, "2 * (O - T) / n", "scale-factor", style="mean-over-rows")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt{d}}\,\frac{\partial L}{\partial S}\,K", oracle="dS @ K / np.sqrt(d)", style="leibniz")
C(A, "Q", L, r"\frac{\partial L}{\partial S}\,K", "scale-factor", oracle="dS @ K", style="no-sqrt-d")
C(A, "Q", L, r"\tfrac{1}{\sqrt{d}}\; \delta_S\, K", oracle="dS @ K / np.sqrt(d)", style="tfrac")
C(A, "Q", L, r"d^{-1/2}\, \delta_S K", oracle="dS @ K / np.sqrt(d)", style="power")
C(A, "K", L, r"\frac{1}{\sqrt{d}}\,\delta_S^{\top} Q", oracle="dS.T @ Q / np.sqrt(d)", style="plain")
C(A, "K", L, r"\frac{1}{\sqrt{d}}\,\delta_S Q", "*", oracle="dS @ Q / np.sqrt(d)", style="no-transpose")
C(A, "S", L, r"A \odot \left( \delta_A - \left(\delta_A \odot A\right) \mathbf{1} \mathbf{1}^{\top} \right)", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="ones-outer")
C(A, "S", L, r"\delta_A \odot A \odot (1 - A)", "*", oracle="dA * A * (1 - A)", style="softmax-diagonal")
C(A, "S", L, r"A \odot \left(\delta_A - \operatorname{rowsum}(\delta_A \odot A)\right)", "*", oracle=None, style="rowsum", note="rowsum is not a known function: refused naming it, or right if read")
C(A, "V", L, r"A^{\intercal} \frac{\partial L}{\partial O}", oracle="A.T @ dO", style="intercal")
C(A, "O", L, r"\frac{2}{nd}\,(O - T)", oracle="2 * (O - T) / (n * d)", style="plain")
C(A, "O", L, r"\dfrac{2}{n}\,(O - T)", "scale-factor", oracle="2 * (O - T) / n", style="mean-over-rows")
C(A, "Q", N, "δ_S·K/√d", oracle="dS @ K / np.sqrt(d)", style="unicode-sqrt")
C(A, "Q", N, "(1/√d)·dS @ K", oracle="dS @ K / np.sqrt(d)", style="unicode-sqrt")
# hand numbers: W_q[0,0] = -0.00386179, W_v[1,1] = 0.376075, W_k[0,1] = -0.0301994
for t in ["-0.003862", "≈ −0.00386", "-3.862e-3", "−3.86×10⁻³"]:
    C(A, "W_q[0,0]", V, t, style="hand4")
C(A, "W_q[0,0]", V, "0.003862", "sign", style="hand4")
C(A, "W_q[0,0]", V, "-0.005461", "*", style="hand4", note="√2 × the right value: the 1/√d left out")
for t in ["0.3761", "0.376", "3.761e-1"]:
    C(A, "W_v[1,1]", V, t, style="hand4")
C(A, "W_v[1,1]", V, "-0.3761", "sign", style="hand4")
for t in ["-0.0302", "-0.03020"]:
    C(A, "W_k[0,1]", V, t, style="hand4")

# ================================================================ weight decay (course network l2logistic: L = bce + λ/(2m) Σ w²)
C(L2, "w", N, "X.T @ (p - y) / m + lam / m * w", oracle=None, style="weight-decay")
C(L2, "w", N, "X.T @ (p - y) / m + (lam / m) * w", oracle=None, style="weight-decay")
C(L2, "w", N, "(X.T @ (p - y) + lam * w) / m", oracle=None, style="weight-decay")
C(L2, "w", N, "dz = (p - y) / m\ndw = X.T @ dz\ndw += lam / m * w  # L2", oracle=None, style="weight-decay-inplace")
C(L2, "w", N, "X.t().mm(p - y).div(m) + lam * w / m", oracle=None, style="weight-decay-torch")
C(L2, "w", N, "X.T @ (p - y) / m", "missing-loss-term", oracle=None, style="weight-decay-missing")
C(L2, "w", N, "dz = (p - y) / m\ndw = X.T @ dz", "missing-loss-term", oracle=None, style="weight-decay-missing")
C(L2, "w", N, "X.T @ (p - y) / m + 2 * lam / m * w", "*", oracle=None, style="weight-decay-doubled")
C(L2, "w", N, "X.T @ (p - y) / m + lam / (2 * m) * w", "*", oracle=None, style="weight-decay-halved")
C(L2, "w", N, "X.T @ (p - y) / m + lam * w", "*", oracle=None, style="weight-decay-no-m")
C(L2, "w", N, "X.T @ (p - y) / m - lam / m * w", "*", oracle=None, style="weight-decay-sign")
C(L2, "w", L, r"\frac{1}{m} X^{\top}(p - y) + \frac{\lambda}{m} w", oracle=None, style="weight-decay-latex", note="first labelled wrong by mistake (\"*\" where the note meant 'right if read'): it is right")
C(L2, "w", L, r"\frac{1}{m}\left( X^{\top}(p - y) + \mathrm{lam}\, w \right)", oracle=None, style="weight-decay-latex")
C(L2, "w", L, r"\frac{1}{m} X^{\top}(p - y)", "missing-loss-term", oracle=None, style="weight-decay-latex-missing")
C(L2, "b", N, "np.sum(p - y) / m", oracle=None, style="weight-decay-bias")
C(L2, "b", N, "np.sum(p - y) / m + lam / m * b", "*", oracle=None, style="bias-decayed")

_round = "b"
# ================================================================ round b: written after round a's fixes, measured before
# fixing anything for them (the second honest estimate)
C(M, "W2", N, "torch.t(A1) @ (A2 - Y) / m", oracle="A1.T @ (A2 - Y) / m", style="b-torch")
C(M, "W2", N, "torch.transpose(A1, 0, 1) @ dZ2", oracle="A1.T @ dZ2", style="b-torch")
C(M, "W2", N, "A1.permute(1, 0) @ dZ2", oracle="A1.T @ dZ2", style="b-torch")
C(M, "W2", N, "torch.einsum('ij,ik->jk', A1, dZ2)", oracle="A1.T @ dZ2", style="b-torch-einsum")
C(M, "W2", N, "torch.div(A1.T @ (A2 - Y), m)", oracle="A1.T @ (A2 - Y) / m", style="b-torch")
C(M, "W2", N, "np.true_divide(A1.T @ (A2 - Y), len(Y))", oracle="A1.T @ (A2 - Y) / m", style="b")
C(M, "W2", N, "A1.T @ (A2 - Y) / Y.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y)", style="b-size-name")
C(M, "b2", N, "np.sum(dZ2, 0, keepdims=True)", oracle="np.sum(dZ2, axis=0, keepdims=True)", style="b")
C(M, "b2", N, "dZ2.sum(axis=0)[None, :]", oracle="np.sum(dZ2, axis=0)[None, :]", style="b")
C(M, "b1", N, "np.mean(dA1 * (Z1 > 0), axis=0, keepdims=True) * m", oracle="np.sum(dA1 * (Z1 > 0), axis=0, keepdims=True)", style="b")
C(M, "Z1", N, "dA1 * np.greater(Z1, 0).astype(np.float32)", oracle="dA1 * (Z1 > 0)", style="b")
C(M, "Z1", N, "dA1 * (A1 > 0) * 1.0", oracle="dA1 * (Z1 > 0)", style="b")
C(M, "Z1", N, "dA1 * (1 - A1 ** 2)", "wrong-activation-derivative", oracle="dA1 * (1 - A1 ** 2)", style="b-tanh-copied")
C(M, "Z2", N, "A2 - Y / m", "*", style="b-precedence", note="(A2) − (Y/m): a precedence slip")
C(M, "W2", L, r"\partial_{W^{[2]}} L = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle="A1.T @ (A2 - Y) / m", style="b-partial-sub")
C(M, "W2", L, r"\frac{1}{m} \left(A^{[1]}\right)^{\mathrm{T}} \left(A^{[2]} - Y\right)", oracle="A1.T @ (A2 - Y) / m", style="b-mathrmT")
C(M, "W2", L, r"\mathrm{d}W^{[2]} = \frac{1}{m} A^{[1]\top} \left(A^{[2]} - Y\right)", oracle="A1.T @ (A2 - Y) / m", style="b-mathrm-d")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \left(\sigma(Z^{[2]}) - Y\right)", oracle="A1.T @ (A2 - Y) / m", style="b-sigma")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \left(\hat{Y} - Y\right)", oracle="A1.T @ (A2 - Y) / m", style="b-hat")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} \left(Y - \hat{Y}\right)", "sign", oracle="A1.T @ (Y - A2) / m", style="b-hat")
C(M, "Z1", L, r"\left(\delta^{[2]} W^{[2]\top}\right) \odot \operatorname{step}\!\left(Z^{[1]}\right)", oracle=None, style="b-step", note="step(·) for relu': right (the unit step is read as the indicator Z > 0)")
C(M, "W2", N, "A₁ᵀ(A₂ − Y)/m", oracle="A1.T @ (A2 - Y) / m", style="b-unicode")
C(M, "W2", N, "A1⊤ (A2 − Y) / m", oracle="A1.T @ (A2 - Y) / m", style="b-unicode-top")
C(M, "b2", N, "Σ(A2 − Y)/m", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="b-unicode-sigma")
C(M, "W1[0,1]", V, "1.356E-1", style="b-hand")
C(M, "W1[0,1]", V, "0.1356 (4 s.f.)", style="b-hand")
C(M, "W1[0,1]", V, "0,1356", style="b-hand-comma", note="decimal comma: right if read as 0.1356, refused is fair (relabelled by heldcheck3, which reads the decimal comma: \"*\" had made it wrong)")
C(T, "h_raw", N, "dh * np.exp(-h_raw) / np.square(1 + np.exp(-h_raw))", oracle="dh * h * (1 - h)", style="b")
C(T, "h_raw", L, r"\delta_h \odot \frac{e^{-h_{raw}}}{\left(1 + e^{-h_{raw}}\right)^{2}}", oracle="dh * h * (1 - h)", style="b-exp")
C(T, "W1", N, "X.T @ (dy_pred @ W2.T * h * (1 - h))", oracle="X.T @ (dy_pred @ W2.T * h * (1 - h))", style="b")
C(T, "W1", N, "X.T @ (dy_pred @ W2.T * h * (1 + h))", "*", style="b")
C(T, "w12", V, "-1.635E-02", style="b-hand")
C(T, "w12", V, "≈−0.01635", style="b-hand")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top} \odot \operatorname{sech}^2(z_1)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="b-sech")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top} \odot \left(1 - \tanh^{2}(z_1)\right)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="b")
C(Q, "z_1", L, r"\delta_{z_2} W_h^{\top} \odot \tanh'(z_1)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="b-tanh-prime")
C(Q, "z_1", N, "dh_1 * (1 - np.tanh(z_1) ** 2)", oracle="dh_1 * (1 - h_1 ** 2)", style="b")
C(Q, "z_1", N, "dh_1 / np.cosh(z_1) ** 2", oracle="dh_1 / np.cosh(z_1) ** 2", style="b-cosh", note="first labelled wrong by mistake (\"*\" where the note said right): sech² = 1 − tanh²")
C(Q, "W_x", N, "sum(x_t.T @ dz_t for t in (1, 2))", "*", oracle=None, style="b-generator", note="a generator over steps: refused is fair")
C(Q, "W_x", N, "x_1.T @ dz_1 + x_2.T @ dz_2  # BPTT: both steps", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="b")
C(Q, "W_x", N, "x_2.T @ dz_2 * 2", "*", oracle="x_2.T @ dz_2 * 2", style="b-bptt-doubled")
C(Q, "h_1", L, r"\frac{\partial L}{\partial z_2} \frac{\partial z_2}{\partial h_1}", oracle="dz_2 @ W_h.T", style="b-leibniz")
C(A, "Q", N, "torch.matmul(dS, K) * (1.0 / math.sqrt(d))", oracle="dS @ K / np.sqrt(d)", style="b")
C(A, "Q", N, "dS @ K * d ** (-1/2)", oracle="dS @ K / np.sqrt(d)", style="b")
C(A, "Q", N, "dS @ K / np.sqrt(n)", "scale-factor", style="b-size-name")
C(A, "S", N, "A * (dA - (A * dA).sum(-1, keepdims=True))", oracle="A * (dA - np.sum(A * dA, axis=-1, keepdims=True))", style="b")
C(A, "S", N, "A * dA - A * (A * dA).sum(axis=1, keepdims=True)", oracle="A * dA - A * np.sum(A * dA, axis=1, keepdims=True)", style="b")
C(A, "S", N, "np.diag(A) - A.T @ A", "*", oracle=None, style="b-jacobian-matrix", note="the softmax Jacobian itself, not the gradient")
C(A, "K", L, r"\frac{1}{\sqrt{d}} \left(\frac{\partial L}{\partial S}\right)^{\!\top} Q", oracle="dS.T @ Q / np.sqrt(d)", style="b")
C(A, "V", L, r"\mathbf{A}^\top \boldsymbol{\delta}_O", oracle="A.T @ dO", style="b-bold", note="first labelled wrong by mistake (\"*\" where the note said right if read): it is right")
C(S, "W", N, "X.T @ (P - Y) / m + 0 * W", oracle="X.T @ (P - Y) / m", style="b")
C(S, "W", L, r"\frac{1}{m} \sum_{i=1}^{m} \mathbf{x}^{(i)\top} \left(\operatorname{softmax}(\mathbf{z}^{(i)}) - \mathbf{y}^{(i)}\right)", oracle="X.T @ (P - Y) / m", style="b-per-example")
C(S, "Z", L, r"\frac{1}{m}\left(\operatorname{softmax}(Z) - Y\right)", oracle="(P - Y) / m", style="b")
C(S, "b", N, "np.mean(P - Y, axis=0, keepdims=True)", oracle="np.mean(P - Y, axis=0, keepdims=True)", style="b")
C(B, "beta", L, r"\sum_{i=1}^{m} \frac{\partial L}{\partial y_i}", oracle="np.sum(dY, axis=0, keepdims=True)", style="b-per-example-sub", note="first labelled wrong by mistake (\"*\" where the note said right if read): it is right")
C(B, "gamma", N, "np.sum(dY * (Z - mu) / np.sqrt(var + eps), axis=0)", oracle="np.sum(dY * (Z - mu) / np.sqrt(var + eps), axis=0)", style="b")
C(B, "gamma", N, "np.sum(dY * (Z - mu) / np.sqrt(var), axis=0)", "*", oracle=None, style="b-no-eps", note="without ε: wrong, but only just")
C(B, "Z_hat", N, "dY * gamma", style="b")
C(E, "w", N, "(O - t) * O * (1 - O) @ x", oracle="(O - t) * O * (1 - O) @ x", style="b-matmul-scalar", note="first labelled wrong by mistake (\"*\" where the note said right): 1×1 @ 1×n is right")
C(E, "w", L, r"(O - t)\,O(1 - O)\,\mathbf{x}^{\mathsf T}", "*", oracle=None, style="b-column-x", note="x is a row here: xᵀ is a column, the wrong shape")
C(E, "w1", V, "-0.0367 (3 s.f.)", style="b-hand")
C(H, "w", N, "2 * v * x  # chain rule: dL/dv * dv/du * du/dw", oracle="2 * v * x", style="b")
C(H, "b", L, r"\frac{\partial L}{\partial b} = 2v = 2(wx + b)", oracle="2 * v", style="b-chain")
C(H, "u", V, "20 (exact)", style="b-hand")
C(W, "Z2", N, "(A2 - Y) * (1 + (w - 1) * Y) / m", "*", oracle=None, style="b-binary-only", note="equal to the true form only where Y ∈ {0, 1}: wrong for soft labels")
C(W, "b2", N, "np.sum((1 - Y) * A2 - w * Y * (1 - A2)) / m", oracle="np.sum((1 - Y) * A2 - w * Y * (1 - A2)) / m", style="b")
C(R, "w1", N, "x.T.dot(2 * (y_pred - y).dot(w2.T) * (h > 0))", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="b")
C(R, "w1", N, "x.T.dot(2 * (y_pred - y).dot(w2.T) * (h_relu > 0))", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="b")
C(L2, "w", N, "X.T @ (p - y) / m + lam * w / m", oracle=None, style="b-weight-decay")
C(L2, "w", N, "(X.T.dot(p - y) + lam * w) / len(y)", oracle=None, style="b-weight-decay")
C(L2, "w", N, "X.T @ (p - y) / m + lam * np.sum(w) / m", "*", oracle=None, style="b-weight-decay-summed")
C(L2, "w", L, r"\frac{1}{m}\left[X^{\top}(p - y) + \lambda w\right]", oracle=None, style="b-weight-decay-latex")
C(L2, "w", L, r"\frac{1}{m}X^{\top}(p - y) + \frac{\lambda}{2m} w", "loss-term-factor", oracle=None, style="b-weight-decay-halved")
C(L2, "w", L, r"\frac{1}{m}X^{\top}(y - p) + \frac{\lambda}{m} w", "*", oracle=None, style="b-weight-decay-sign")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c4-{_k:03d}"
_SEEN = {(c["net"], c["wrt"], c["kind"], c["text"].strip()) for c in corpus2.load() + corpus3.load()}
# cases that happen to repeat corpus 2 or 3 word for word are left out; ids stay as written
CASES: list[dict] = [c for c in _rows if (c["net"], c["wrt"], c["kind"], c["text"].strip()) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


run = corpus2.run
judge = corpus2.judge
