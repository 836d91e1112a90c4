"""The held-out-style corpus of issue 11, seventh round: right and wrong derivations as lecture
notes, students and course code write them, about 60 % LaTeX and 40 % NumPy/PyTorch code and hand
numbers, over the ten built-ins and a few course networks (tests/specs_course/), NOT in corpus 2-6.
New this round: index notation (`\\delta_j = \\sum_k w_{kj} \\delta_k \\sigma'(z_j)`,
`\\frac{\\partial L}{\\partial w_{ij}} = x_i \\delta_j`), NumPy indexing of a 1×n tensor (`x[0]`,
`x[0, :]`, `W[:, 0]`), clamp masks (`torch.clamp(Z, min=0)`, `h.clamp(min=0) > 0`), CS231n's
`dscores[range(N), y] -= 1` cells, LaTeX `bmatrix` blocks, `\\operatorname{diag}`,
`\\mathrm{softmax}`, `\\text{}` words, `\\bigl(`/`\\Bigl[`, `\\tfrac`, `\\sum_{i=1}^{m}`,
`\\mathbf{1}^\\top`, `\\mathbb{E}`, `\\partial L / \\partial W` inline, `{}^{T}`, `\\dot\\sigma`,
primes on functions, batch norm's compact backward, attention's softmax Jacobian, BPTT sums over
t — and wrong answers for each classic mistake with its expected code.

Same format as tests/corpus6b.py (``lang`` "zh": run with ``lang="zh"``). Expectations were
written before the checker was run on any of them (bench/RESULTS.md, "corpus 7": the first
measurement); where the checker was right and the expectation wrong, the case was fixed and says
so in ``note``.
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

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
COURSE = Path(__file__).resolve().parent / "specs_course"
CSV = str(COURSE / "cs231n_softmax_vec.toml")
TMC = str(COURSE / "torch_mlp_ce.toml")
NQ = str(COURSE / "nielsen_quadratic.toml")
CS229L = str(COURSE / "cs229_logreg_theta.toml")
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
# LaTeX
C(M, "W2", L, r"\frac{\partial \mathcal{L}}{\partial W^{[2]}} = \frac{1}{m}\,\bigl(A^{[1]}\bigr)^{\top}\bigl(\hat{Y} - Y\bigr)", oracle=W2R, style="bigl-hat")
C(M, "W2", L, r"\frac{1}{m}\, A^{[1]}{}^{T} \left(A^{[2]} - Y\right)", oracle=W2R, style="empty-group-T")
C(M, "W2", L, r"\partial L / \partial W^{[2]} = \tfrac{1}{m} A^{[1]\top}(A^{[2]} - Y)", oracle=W2R, style="inline-slash-lhs")
C(M, "W2", L, r"\frac{1}{m}\sum_{i=1}^{m} \left(a^{[2](i)} - y^{(i)}\right) a^{[1](i)\top}", oracle=W2R, style="per-example-scalar-first")
C(M, "W2", L, r"\frac{1}{m}\sum_{i=1}^{m} a^{[1](i)\top}\left(a^{[2](i)} - y^{(i)}\right)", oracle=W2R, style="per-example")
C(M, "W2", L, r"\mathbb{E}_{i}\left[a^{[1](i)\top}\left(a^{[2](i)} - y^{(i)}\right)\right]", oracle=W2R, style="expectation", note="the batch mean written as an expectation over examples: right if read; a clear refusal is counted as a failure")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}\left(A^{[2]} - Y\right) + \frac{1}{m} W^{[2]}", "*", oracle="A1.T @ (A2 - Y) / m + W2 / m", style="extra-term")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}\left(A^{[2]} - Y\right)^{\top}", "*", oracle=None, style="extra-transpose-inside")
C(M, "W2", L, r"\frac{1}{2m} A^{[1]\top}\left(A^{[2]} - Y\right)", "scale-factor", oracle="A1.T @ (A2 - Y) / (2 * m)", style="half")
C(M, "W2", L, r"\frac{1}{m} \Bigl[A^{[1]}\Bigr]^{\top} \Bigl[\sigma(Z^{[2]}) - Y\Bigr]", oracle=W2R, style="Bigl-sigma-Z2")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}\left(\sigma(Z^{[1]}) - Y\right)", "*", oracle=None, style="sigma-of-wrong-layer")
C(M, "W2", L, r"\frac{1}{m}\,\mathbf{A}^{[1]\,\mathsf{T}} \text{ times } (\mathbf{A}^{[2]} - \mathbf{Y})", oracle=W2R, style="text-times", note="a word between factors: right if read")
C(M, "W2", L, r"dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]} \quad\text{where } dZ^{[2]} = A^{[2]} - Y", oracle=W2R, style="where-defines")
C(M, "W2", L, r"\frac{1}{m} A^{[2]\top}\left(A^{[2]} - Y\right)", "*", oracle=None, style="A2-for-A1", note="A2 is m×1: the product is 1×1")
C(M, "b2", L, r"\frac{1}{m}\,\mathbf{1}_m^{\top}\left(\mathbf{a}^{[2]} - \mathbf{y}\right)", oracle=B2R, style="ones-subscript-m")
C(M, "b2", L, r"\frac{1}{m}\sum_{i=1}^{m}\left(\sigma\bigl(z^{[2](i)}\bigr) - y^{(i)}\right)", oracle=B2R, style="sum-sigma-per-example")
C(M, "b2", L, r"\sum_{i=1}^{m}\left(a^{[2](i)} - y^{(i)}\right)", "scale-factor", oracle="np.sum(A2 - Y)", style="sum-no-m")
C(M, "b2", L, r"\frac{1}{m}\left(A^{[2]} - Y\right)", "bias-not-summed", oracle=None, style="unsummed")
C(M, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\bigl(\sigma(Z^{[2]}) - Y\bigr)", oracle="(A2 - Y) / m", style="sigma-Z2")
C(M, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\bigl(Y - \sigma(Z^{[2]})\bigr)", "sign", oracle="(Y - A2) / m", style="sigma-Z2-sign")
C(M, "Z2", L, r"\frac{\partial L}{\partial A^{[2]}} \odot \dot{\sigma}(Z^{[2]})", oracle="dA2 * A2 * (1 - A2)", style="dot-sigma")
C(M, "Z1", L, r"\delta^{[1]} = \bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \mathbf{1}\bigl[Z^{[1]} > 0\bigr]", oracle=Z1R, style="bigl-indicator")
C(M, "Z1", L, r"\delta^{[1]} = \bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \mathbf{1}\bigl[Z^{[1]} \ge 0\bigr]", "relu-at-zero", oracle=None, style="ge-indicator")
C(M, "Z1", L, r"\delta^{[1]} = \bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \mathbf{1}\bigl[A^{[2]} > 0\bigr]", "*", oracle=None, style="mask-on-A2", note="A2 > 0 always: no mask at all")
C(M, "Z1", L, r"\delta^{[1]} = \bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \operatorname{ReLU}'\bigl(Z^{[2]}\bigr)", "*", oracle=None, style="relu-prime-wrong-tensor")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \odot f'(Z^{[1]})", oracle=Z1R, style="f-prime", note="f' for the layer's activation: right if read as g'")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \odot \sigma(Z^{[1]})\odot(1 - \sigma(Z^{[1]}))", "wrong-activation-derivative", oracle="dZ2 @ W2.T * (1 / (1 + np.exp(-Z1))) * (1 - 1 / (1 + np.exp(-Z1)))", style="sigmoid-prime-expanded-for-relu")
C(M, "Z1", L, r"\delta^{[1]}_{ij} = \sum_k \delta^{[2]}_{ik} W^{[2]}_{jk}\, \mathbb{1}\left[Z^{[1]}_{ij} > 0\right]", oracle=Z1R, style="index-notation")
C(M, "Z1", L, r"\delta^{[1]}_{ij} = \sum_k \delta^{[2]}_{ik} W^{[2]}_{kj}\, \mathbb{1}\left[Z^{[1]}_{ij} > 0\right]", "*", oracle=None, style="index-notation-transposed")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}_{jk}} = \sum_{i=1}^{m} X_{ij}\, \delta^{[1]}_{ik}", oracle="X.T @ dZ1", style="index-notation-sum")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Bigl[\bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \operatorname{diag}\bigl(\mathbb{1}[Z^{[1]} > 0]\bigr)\Bigr]", "*", oracle=None, style="diag-of-mask", note="diag(·) of an m×n_h matrix is not the mask: wrong or refused")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\Bigl[\bigl(\delta^{[2]} W^{[2]\top}\bigr) \odot \mathbb{1}[Z^{[1]} > 0]\Bigr]", "scale-factor", oracle="X.T @ (dZ2 @ W2.T * (Z1 > 0)) / m", style="delta-doubled-m")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Bigl[\tfrac{1}{m}(\hat{Y} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\Bigr]", oracle=W1R, style="tfrac-inside")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\Bigl[\tfrac{1}{m}(\hat{Y} - Y) W^{[2]\top}\Bigr]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) / m @ W2.T)", style="tfrac-no-mask")
C(M, "W1", L, r"\frac{\partial L}{\partial W^{[1]}} = A^{[1]\top}\Bigl[\tfrac{1}{m}(\hat{Y} - Y) W^{[2]\top} \odot \mathbb{1}[Z^{[1]} > 0]\Bigr]", "wrong-layer", oracle="A1.T @ ((A2 - Y) / m @ W2.T * (Z1 > 0))", style="wrong-layer")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \mathbf{1}^{\top}\delta^{[1]}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="ones-top")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}} = \delta^{[1]}\mathbf{1}^{\top}", "*", oracle=None, style="ones-wrong-side")
C(M, "b1", L, r"\frac{\partial L}{\partial b^{[1]}_j} = \sum_{i=1}^{m} \delta^{[1]}_{ij}", oracle="np.sum(dZ1, axis=0, keepdims=True)", style="index-sum")
C(M, "A1", L, r"\frac{\partial L}{\partial A^{[1]}} = \frac{\partial L}{\partial Z^{[2]}}\,{W^{[2]}}^{\top}", oracle="dZ2 @ W2.T", style="braced-W-T")
C(M, "A1", L, r"\frac{\partial L}{\partial A^{[1]}} = {W^{[2]}}^{\top}\frac{\partial L}{\partial Z^{[2]}}", "*", oracle=None, style="column-major-order")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y)", lang="zh", oracle=W2R, style="zh-plain")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}}=\frac{1}{m}X^{\top}(A^{[2]}-Y)", "wrong-layer", lang="zh", oracle=None, style="zh-wrong-layer")
C(M, "Z1", L, r"\delta^{[1]}=\delta^{[2]}W^{[2]\top}\odot\mathbb{1}(Z^{[1]}>0)\text{（逐元素乘）}", lang="zh", oracle=Z1R, style="zh-text-remark")
# NumPy / PyTorch
C(M, "W2", N, "dW2 = (A1.T @ (A2 - Y)) * (1.0 / m)", oracle=W2R, style="times-inverse")
C(M, "W2", N, "dW2 = A1.T.dot(A2 - Y) / m + 0.01 * W2", "*", oracle="A1.T @ (A2 - Y) / m + 0.01 * W2", style="decay-not-in-net")
C(M, "W2", N, "dW2 = np.dot(X.T, A2 - Y) / m", "wrong-layer", oracle="X.T @ (A2 - Y) / m", style="wrong-layer")
C(M, "W2", N, "dW2 = A1.T @ (A2 - Y) / m * 2", "scale-factor", oracle="A1.T @ (A2 - Y) / m * 2", style="times-2")
C(M, "W2", N, "grad_W2 = A1.T.mm(A2 - Y).div(m)", oracle=W2R, style="torch-mm-div")
C(M, "W2", N, "grad_W2 = A1.T.mm(A2 - Y).div(m).t()", "*", oracle=None, style="torch-transposed-result")
C(M, "W2", N, "grad_W2 = torch.matmul(A1.transpose(0, 1), A2 - Y) / A1.size(0)", oracle=W2R, style="torch-size0")
C(M, "W2", N, "dZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / Y.shape[0]", oracle=W2R, style="cell-shape0-of-Y")
C(M, "b2", N, "db2 = np.sum(A2 - Y, keepdims=True) / m", oracle="np.sum(A2 - Y, keepdims=True) / m", style="sum-all-keepdims")
C(M, "b2", N, "db2 = (A2 - Y).sum() / len(X)", oracle=B2R, style="len-X")
C(M, "b2", N, "db2 = (A2 - Y).sum() / X.shape[1]", "scale-factor", oracle="np.sum(A2 - Y) / n_in", style="shape1")
C(M, "A1", N, "dA1 = dZ2 * W2[:, 0]", oracle="dZ2 @ W2.T", style="column-slice-broadcast", note="dZ2 is m×1 and W2[:, 0] the 1-D column: the broadcast is dZ2 @ W2.T")
C(M, "A1", N, "dA1 = dZ2 * W2[0]", "*", oracle="dZ2 * W2[0]", style="row-index-of-column")
C(M, "Z1", N, "dZ1 = dA1 * np.maximum(0, np.sign(Z1))", oracle=Z1R, style="max-sign")
C(M, "Z1", N, "dZ1 = dA1 * (Z1 > 0).astype(np.float32)", oracle=Z1R, style="astype-float32")
C(M, "Z1", N, "dZ1 = dA1 * (A1 > 0.5)", "*", oracle="dA1 * (A1 > 0.5)", style="threshold-half")
C(M, "Z1", N, "dZ1 = dA1 * torch.clamp(Z1, min=0)", "*", oracle="dA1 * np.maximum(Z1, 0)", style="clamp-value-for-mask")
C(M, "Z1", N, "dZ1 = dA1 * (torch.clamp(Z1, min=0) > 0)", oracle=Z1R, style="clamp-mask")
C(M, "Z1", N, "dZ1 = dA1 * (Z1 >= 0.0)", "relu-at-zero", oracle=None, style="nonstrict-float")
C(M, "Z1", N, "dZ1 = dA1 * Z1.clamp(min=0).sign()", oracle=Z1R, style="clamp-sign")
C(M, "W1", N, "dW1 = np.dot(X.T, dZ1) / m", "scale-factor", oracle="X.T @ dZ1 / m", style="doubled-m")
C(M, "b1", N, "db1 = np.sum(dZ1, axis=0)", oracle="np.sum(dZ1, axis=0)", style="sum-1d")
C(M, "b1", N, "db1 = np.sum(dZ1, axis=1)", "*", oracle=None, style="sum-wrong-axis-1d")
# hand numbers: dW2 = [[-0.176283], [-0.008985]], db1 = [[-0.097935, -0.018113]], dZ2 = [[-0.19587], [0.25625]]
C(M, "W2[0,0]", V, "-0.1763", style="hand-4sf")
C(M, "W2[0,0]", V, "-0.176", style="hand-3sf")
C(M, "W2[0,0]", V, "-0.3526", "scale-factor", style="hand-no-m")
C(M, "W2[0,0]", V, "-0.00898", "*", style="hand-other-entry")
C(M, "b1[0,0]", V, "-0.09794", style="hand-4sf")
C(M, "b1[0,0]", V, "≈ −0.098", style="hand-2sf-pasted")
C(M, "Z2[0,0]", V, "-0.1959", style="hand")
C(M, "Z2[0,0]", V, "0.1959", "sign", style="hand-sign")
C(M, "b1", V, "[[-0.0979, -0.0181]]", style="hand-row-matrix")
C(M, "W2", V, "[[-0.17628], [-0.00898]]", style="hand-column-5sf")

# ================================================================ mlp-bce-weighted
W = "mlp-bce-weighted"
WZ2 = "((1 - Y) * A2 - w * Y * (1 - A2)) / m"
C(W, "Z2", L, r"\frac{1}{m}\Bigl[\hat{Y}\odot(1 - Y) - w\,(1 - \hat{Y})\odot Y\Bigr]", oracle=WZ2, style="Bigl")
C(W, "Z2", L, r"\tfrac{1}{m}\bigl(\hat{Y} \odot (1 - Y + wY) - wY\bigr)", oracle=WZ2, style="collected")
C(W, "Z2", L, r"\tfrac{1}{m}\bigl(\hat{Y} \odot (1 - Y + wY) - Y\bigr)", "*", oracle="(A2 * (1 - Y + w * Y) - Y) / m", style="collected-slip")
C(W, "Z2", L, r"\frac{1}{m}\,w\,(\hat{Y} - Y)", "*", oracle="w * (A2 - Y) / m", style="weight-everywhere")
C(W, "Z2", L, r"\frac{1}{m}\left(\hat{Y} - Y\right) \odot \left(Y (w - 1) + 1\right)", "weighted-loss-not-simplifiable", oracle="(A2 - Y) * (Y * (w - 1) + 1) / m", style="binary-only")
C(W, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top}\,\frac{\partial L}{\partial Z^{[2]}}", oracle="A1.T @ dZ2", style="leibniz-inline")
C(W, "b2", L, r"\frac{1}{m}\,\mathbf{1}^{\top}\Bigl[(1 - Y)\odot\hat{Y} - w\,Y\odot(1 - \hat{Y})\Bigr]", oracle="np.sum(" + WZ2 + ")", style="ones")
C(W, "b2", L, r"\mathbf{1}^{\top}\Bigl[(1 - Y)\odot\hat{Y} - w\,Y\odot(1 - \hat{Y})\Bigr]", "scale-factor", oracle="np.sum((1 - Y) * A2 - w * Y * (1 - A2))", style="ones-no-m")
C(W, "Z2", N, "dZ2 = (A2 * (1 - Y + w * Y) - w * Y) / m", oracle=WZ2, style="collected")
C(W, "Z2", N, "dZ2 = np.where(Y == 1, w * (A2 - 1), A2) / m", "weighted-loss-not-simplifiable", oracle="np.where(Y == 1, w * (A2 - 1), A2) / m", style="where-binary")
C(W, "Z2", N, "dZ2 = (A2 - Y) / m", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="unweighted")
C(W, "W2", N, "dZ2 = ((1 - Y) * A2 - w * Y * (1 - A2)) / m\ndW2 = A1.T @ dZ2", oracle="A1.T @ " + WZ2, style="cell")
C(W, "W2", N, "dZ2 = ((1 - Y) * A2 - 3 * Y * (1 - A2)) / m\ndW2 = A1.T @ dZ2", "*", oracle=None, style="literal-3")
C(W, "b2", N, "db2 = np.mean((1 - Y) * A2 - w * Y * (1 - A2))", oracle="np.sum(" + WZ2 + ")", style="mean-all")
C(W, "b2", V, "-0.3643", style="hand")
C(W, "b2", V, "-0.36", style="hand-2sf")
C(W, "b2", V, "0.3643", "sign", style="hand-sign")
C(W, "W2[1,0]", V, "-0.3069", style="hand")

# ================================================================ softmax-regression
S = "softmax-regression"
SW = "X.T @ (P - Y) / m"
SB = "np.sum(P - Y, axis=0, keepdims=True) / m"
C(S, "W", L, r"\frac{1}{m} X^{\top}\bigl(\mathrm{softmax}(XW + b) - Y\bigr)", oracle=SW, style="mathrm-softmax")
C(S, "W", L, r"\frac{1}{m} X^{\top}(P - Y) \quad \text{with } P = \mathrm{softmax}(Z)", oracle=SW, style="text-with")
C(S, "W", L, r"\frac{1}{m} X^{\top}(P - Y) \quad \text{for one-hot } Y", oracle=SW, style="text-for")
C(S, "W", L, r"\frac{1}{m}\sum_{i=1}^{m} \mathbf{x}^{(i)\top}\left(\mathrm{softmax}(\mathbf{z}^{(i)}) - \mathbf{y}^{(i)}\right)", oracle=SW, style="per-example-softmax")
C(S, "W", L, r"\partial L / \partial W = X^{\top}(P - Y)/m", oracle=SW, style="inline-slash")
C(S, "W", L, r"\frac{1}{m} X^{\top}(P - Y)/m", "scale-factor", oracle="X.T @ (P - Y) / m ** 2", style="doubled-m-slash")
C(S, "W", L, r"\frac{1}{m} X^{\top}\left(P \odot (P - Y)\right)", "*", oracle="X.T @ (P * (P - Y)) / m", style="extra-P")
C(S, "W", L, r"\frac{1}{n} X^{\top}\left(P - Y\right)", "scale-factor", oracle="X.T @ (P - Y) / n", style="n-for-m", note="m = n = 2 at the example")
C(S, "W", L, r"\frac{1}{m} X^{\top}\left(\operatorname{diag}(P) - P P^{\top}\right)", "*", oracle=None, style="jacobian-alone")
C(S, "Z", L, r"\frac{\partial L}{\partial \mathbf{z}^{(i)}} = \frac{1}{m}\left(\operatorname{diag}(\mathbf{p}^{(i)}) - \mathbf{p}^{(i)}\mathbf{p}^{(i)\top}\right)\frac{\partial L}{\partial \mathbf{p}^{(i)}}", "*", oracle=None, style="jacobian-per-example", note="first labelled right: per example i the softmax Jacobian times ∂L/∂p is ∂L/∂z^{(i)}, but ∂L/∂p already carries the mean's 1/m, so the extra 1/m is a doubled mean (a labelling slip found while fixing, before the checker read it; it is still refused, a failure either way)")
C(S, "Z", L, r"\frac{1}{m}\left(P - Y\right)", oracle="(P - Y) / m", style="plain")
C(S, "Z", L, r"\left(P - Y\right)", "scale-factor", oracle="P - Y", style="plain-no-m")
C(S, "Z", L, r"\frac{\partial L}{\partial P} \odot P \odot (1 - P)", "*", oracle="dP * P * (1 - P)", style="diag-only-jacobian")
C(S, "b", L, r"\frac{1}{m}\,\mathbf{1}^\top\!\left(\mathrm{softmax}(Z) - Y\right)", oracle=SB, style="ones-softmax")
C(S, "b", L, r"\frac{1}{m}\,\mathbf{1}^\top\!\left(\mathrm{softmax}(Z) - Y\right)^{\top}", "*", oracle=None, style="ones-transposed")
C(S, "b", L, r"\mathbb{E}_i\left[\mathbf{p}^{(i)} - \mathbf{y}^{(i)}\right]", oracle=SB, style="expectation", note="the batch mean as an expectation: right if read; a clear refusal is counted as a failure")
C(S, "W", L, r"\nabla_W L = \frac{1}{m}X^{\mathsf T}(P - Y)", lang="zh", oracle=SW, style="zh")
C(S, "W", L, r"\nabla_W L = \frac{1}{m}X^{\mathsf T}(Y - P)", "sign", lang="zh", oracle="X.T @ (Y - P) / m", style="zh-sign")
C(S, "W", N, "dZ = P.copy()\ndZ[range(m), y] -= 1\ndZ /= m\ndW = X.T @ dZ", oracle=SW, style="cs231n-range-y", note="y: the class indices of the one-hot Y")
C(S, "W", N, "dZ = P.copy()\ndZ[np.arange(m), Y.argmax(axis=1)] -= 1\ndW = X.T.dot(dZ) / m", oracle=SW, style="cs231n-arange-argmax")
C(S, "W", N, "dZ = P.copy()\ndZ[range(m), y] -= 1\ndW = X.T @ dZ", "scale-factor", oracle="X.T @ (P - Y)", style="cs231n-no-mean")
C(S, "W", N, "dZ = P.copy()\ndZ[range(m), y] += 1\ndZ /= m\ndW = X.T @ dZ", "*", oracle="X.T @ (P + Y) / m", style="cs231n-plus")
C(S, "b", N, "dZ = P.copy()\ndZ[range(m), y] -= 1\ndZ /= m\ndb = np.sum(dZ, axis=0, keepdims=True)", oracle=SB, style="cs231n-db")
C(S, "W", N, "dW = X.T @ (P - Y) / Y.shape[1]", "scale-factor", oracle="X.T @ (P - Y) / k", style="k-for-m")
C(S, "W", N, "dW = X.T @ (P * (1 - P)) / m", "*", oracle="X.T @ (P * (1 - P)) / m", style="sigmoid-habit")
C(S, "W", N, "grad_W = X.t() @ (torch.softmax(Z, dim=1) - Y) / X.size(0)", oracle=SW, style="torch-size")
C(S, "W", N, "grad_W = X.t() @ (torch.softmax(Z, dim=0) - Y) / X.size(0)", "*", oracle=None, style="torch-softmax-dim0")
C(S, "b", N, "grad_b = (P - Y).mean(dim=0, keepdim=True)", oracle=SB, style="torch-mean-dim")
C(S, "b", N, "dZ = (P - Y) / m\ndb = dZ.sum(axis=0)", oracle="np.sum(P - Y, axis=0) / m", style="sum-1d")
C(S, "W[1,2]", V, "-0.7428", style="hand")
C(S, "W[1,2]", V, "-1.486", "scale-factor", style="hand-no-m")
C(S, "b[0,1]", V, "0.3709", style="hand")
C(S, "b[0,1]", V, "0.37", style="hand-2sf")

# ================================================================ neuron
E = "neuron"
EW = "(O - t) * O * (1 - O) * x"
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\dot{\sigma}(z)\,\mathbf{x}", oracle=EW, style="dot-sigma")
C(E, "w", L, r"(O - t)\,O(1 - O)\begin{bmatrix} x_0 & x_1 & x_2 \end{bmatrix}", oracle=EW, style="bmatrix-row")
C(E, "w", L, r"(O - t)\,O(1 - O)\begin{bmatrix} x_0 \\ x_1 \\ x_2 \end{bmatrix}", "*", oracle=None, style="bmatrix-column", note="a column where w is a row")
C(E, "w", L, r"\begin{bmatrix} \frac{\partial L}{\partial w_0} & \frac{\partial L}{\partial w_1} & \frac{\partial L}{\partial w_2} \end{bmatrix} = (O - t)\,O(1 - O)\,\mathbf{x}", oracle=EW, style="bmatrix-lhs")
C(E, "w", L, r"\frac{\partial L}{\partial w_j} = (O - t)\,\sigma'(z)\,x_j", oracle=EW, style="index-j")
C(E, "w", L, r"\frac{\partial L}{\partial w_j} = (O - t)\,\sigma'(z)\,w_j", "*", oracle="(O - t) * O * (1 - O) * w", style="index-j-w-for-x")
C(E, "w", L, r"\frac{\partial L}{\partial w_j} = (O - t)\,x_j", "missing-activation-derivative", oracle="(O - t) * x", style="index-j-no-sigma")
C(E, "w", L, r"(O - t)\,\sigma(z)\,\mathbf{x}", "*", oracle="(O - t) * O * x", style="sigma-not-prime")
C(E, "w", L, r"\frac{\partial L}{\partial O}\,\frac{\mathrm{d}O}{\mathrm{d}z}\,\frac{\partial z}{\partial \mathbf{w}}", oracle=EW, style="leibniz-mixed-d")
C(E, "w", L, r"2(O - t)\,\sigma'(z)\,\mathbf{x}", "scale-factor", oracle="2 * " + EW, style="factor-2")
C(E, "z", L, r"\frac{\partial L}{\partial z} = (O - t)\,\sigma(z)\bigl(1 - \sigma(z)\bigr)", oracle="(O - t) * O * (1 - O)", style="z-bigl")
C(E, "z", L, r"\frac{\partial L}{\partial z} = (O - t)\,\bigl(1 - \tanh^2(z)\bigr)", "wrong-activation-derivative", oracle="(O - t) * (1 - np.tanh(z) ** 2)", style="tanh-for-sigma")
C(E, "w1", L, r"\frac{\partial L}{\partial w_1} = (O - t)\,O(1 - O)\,x_1", oracle=None, style="elementwise", note="repeats no case: the left side differs")
C(E, "w", L, r"\frac{\partial L}{\partial \mathbf{w}} = (O - t)\,\sigma'(z)\,\mathbf{x}", lang="zh", oracle=EW, style="zh")
C(E, "w", N, "dz = (O - t) * O * (1 - O)\ndw = dz * x[0]", oracle=EW, style="x0-row", note="x[0] on a 1×n tensor is its row")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x[0, :]", oracle=EW, style="x0-colon")
C(E, "w", N, "dw = ((O - t) * O * (1 - O)) @ x", oracle=EW, style="matmul-1x1")
C(E, "w", N, "dw = (O - t) * x[0]", "missing-activation-derivative", oracle="(O - t) * x", style="x0-no-sigma")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * w[0]", "*", oracle="(O - t) * O * (1 - O) * w", style="w0-for-x0")
C(E, "w", N, "dw = (O - t) * O * (1 - O) * x[:, 0]", "*", oracle=None, style="first-entry-only")
C(E, "w", N, "dw = np.outer((O - t) * O * (1 - O), x[0])", oracle=EW, style="outer-x0")
C(E, "w[0,2]", V, "-0.02449", style="hand")
C(E, "w[0,2]", V, "-0.0245", style="hand-3sf")
C(E, "w[0,2]", V, "-0.0490", "scale-factor", style="hand-factor-2")
C(E, "w[0,1]", V, "-0.03674", style="hand")
C(E, "w[0,1]", V, "0.03674", "sign", style="hand-sign")

# ================================================================ tiny-mlp
T = "tiny-mlp"
TW1 = "X.T @ dh_raw"
C(T, "W1", L, r"\delta_j = (y_{pred} - y_{target})\, v_j\, h_j (1 - h_j), \quad \frac{\partial L}{\partial w_{ij}} = x_i \delta_j", oracle=TW1, style="index-ij")
C(T, "W1", L, r"\frac{\partial L}{\partial w_{ij}} = x_i\,(y_{pred} - y_{target})\, v_j\, h_j (1 - h_j)", oracle=TW1, style="index-ij-inline")
C(T, "W1", L, r"\frac{\partial L}{\partial w_{ij}} = x_j\,(y_{pred} - y_{target})\, v_i\, h_i (1 - h_i)", "*", oracle=None, style="index-ij-swapped")
C(T, "W1", L, r"\frac{\partial L}{\partial w_{ij}} = x_i\,(y_{pred} - y_{target})\, v_j", "missing-activation-derivative", oracle=None, style="index-no-sigma")
C(T, "W1", L, r"\begin{bmatrix} x_1 \delta_1 & x_1 \delta_2 \\ x_2 \delta_1 & x_2 \delta_2 \end{bmatrix}", oracle=TW1, style="bmatrix-deltas", note="δ_j, the gradient of h_j_raw: right if read; refused naming δ_1 is counted as a failure")
C(T, "W2", L, r"\begin{bmatrix} (y_{pred} - y_{target})\, h_1 \\ (y_{pred} - y_{target})\, h_2 \end{bmatrix}", oracle="h.T @ (y_pred - y_target)", style="bmatrix-W2")
C(T, "W2", L, r"\begin{bmatrix} (y_{pred} - y_{target})\, h_1 & (y_{pred} - y_{target})\, h_2 \end{bmatrix}", "*", oracle=None, style="bmatrix-W2-row")
C(T, "W2", L, r"\begin{pmatrix} (y_{pred} - y_{target})\, h_2 \\ (y_{pred} - y_{target})\, h_1 \end{pmatrix}", "*", oracle=None, style="pmatrix-W2-swapped")
C(T, "W1", L, r"X^{\top}\left[(y_{pred} - y_{target})\,W_2^{\top}\odot \sigma'(h_{raw})\right]", lang="zh", oracle=TW1, style="zh-W1")
C(T, "w12", L, r"\frac{\partial L}{\partial w_{12}} = (\hat{y} - y)\, v_2\, \sigma'(h_{2,raw})\, x_1", style="elementwise-hat")
C(T, "w12", L, r"\frac{\partial L}{\partial w_{12}} = (\hat{y} - y)\, v_1\, \sigma'(h_{1,raw})\, x_2", "*", style="elementwise-transposed-entry")
C(T, "v2", L, r"\frac{\partial L}{\partial v_{2}} = (y_{pred} - y_{target})\, h_{2}", lang="zh", style="zh-elementwise")
C(T, "W1", N, "dW1 = np.outer(X[0], dh_raw[0])", oracle=TW1, style="outer-row0")
C(T, "W1", N, "dW1 = np.outer(X[0, :], dh * h * (1 - h))", oracle=TW1, style="outer-row0-colon")
C(T, "W1", N, "dW1 = np.outer(dh_raw[0], X[0])", "*", oracle="dh_raw.T @ X", style="outer-swapped", note="n_in = n_h: the transposed matrix fits")
C(T, "W2", N, "dW2 = h[0][:, None] * dy_pred", oracle="h.T @ dy_pred", style="row0-newaxis")
C(T, "W2", N, "dW2 = h[0] * dy_pred", "*", oracle=None, style="row0-row")
C(T, "W2", N, "dW2 = h.T * (y_pred - y_target)", oracle="h.T @ (y_pred - y_target)", style="broadcast")
C(T, "W1[1,0]", N, "(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0]) * X[0, 1]", style="entry-indices")
C(T, "W1[1,0]", N, "(y_pred - y_target) * W2[0, 0] * h[0, 0] * (1 - h[0, 0]) * X[0, 0]", "*", style="entry-indices-wrong-input")
C(T, "w22", N, "dL_dy = y_pred - y_target\ndL_dw22 = dL_dy * v2 * h2 * (1 - h2) * x2", style="elementwise-cell")
C(T, "w22", N, "dL_dy = y_pred - y_target\ndL_dw22 = dL_dy * v2 * h2 * (1 - h2)", "missing-factor", style="elementwise-cell-missing-x")
C(T, "W2[1,0]", V, "v2: -0.1172", style="hand-labelled")
C(T, "W1[1,1]", V, "w22 ≈ -0.00327", style="hand-labelled")
C(T, "W1[1,1]", V, "-0.0033", style="hand-2sf")
C(T, "W1[0,1]", V, "-0.01635", style="hand")
C(T, "W1[0,1]", V, "-0.00327", "*", style="hand-other-entry")

# ================================================================ chain
H = "chain"
C(H, "w", L, r"\frac{dL}{dw} = \frac{dL}{dv}\,\frac{dv}{du}\,\frac{du}{dw} = 2v\cdot 1\cdot x", oracle="2 * v * x", style="leibniz-d")
C(H, "w", L, r"L'(w) = 2(wx + b)\,x", oracle="2 * v * x", style="prime-lagrange")
C(H, "w", L, r"L'(w) = 2(wx + b)", "*", oracle="2 * v", style="prime-lagrange-missing-x")
C(H, "b", L, r"\frac{\partial L}{\partial b} = 2(wx + b)\cdot 1", oracle="2 * v", style="b-times-one")
C(H, "b", L, r"\frac{\partial L}{\partial b} = (wx + b)", "scale-factor", oracle="v", style="b-no-2")
C(H, "u", L, r"\frac{\partial L}{\partial u} = 2v", oracle="2 * v", style="u")
C(H, "x", L, r"\frac{\partial L}{\partial x} = 2v\,x", "*", oracle="2 * v * x", style="x-for-w")
C(H, "w", N, "dv = 2 * v\ndu = dv\ndw = du * x", oracle="2 * v * x", style="micrograd-steps")
C(H, "w", N, "dw = 2 * (w * x + b)", "*", oracle="2 * v", style="missing-x")
C(H, "w", N, "dw = (w * x + b) * x", "scale-factor", oracle="v * x", style="missing-2")
C(H, "b", V, "20", style="hand-exact")
C(H, "b", V, "20.0", style="hand-exact-1dp")
C(H, "b", V, "40", "*", style="hand-dw-for-db")
C(H, "u", V, "2e1", style="hand-sci")

# ================================================================ relu-mlp
R = "relu-mlp"
RW2 = "h_relu.T @ (2 * (y_pred - y))"
RW1 = "x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))"
C(R, "w2", L, r"\frac{\partial \ell}{\partial w_2} = 2\,h_{relu}^{\top}\left(\hat{y} - y\right)", oracle=RW2, style="hat")
C(R, "w2", L, r"\frac{\partial \ell}{\partial w_2} = 2\,h^{\top}\left(\hat{y} - y\right)", "*", oracle="h.T @ (2 * (y_pred - y))", style="pre-activation")
C(R, "w2", L, r"\frac{\partial \ell}{\partial w_2} = \frac{2}{n}\,h_{relu}^{\top}\left(\hat{y} - y\right)", "scale-factor", oracle=RW2 + " / n", style="mean-habit")
C(R, "w1", L, r"2\,x^{\top}\Bigl[\bigl(\hat{y} - y\bigr) w_2^{\top} \odot \mathbb{1}[h > 0]\Bigr]", oracle=RW1, style="Bigl")
C(R, "w1", L, r"2\,x^{\top}\Bigl[\bigl(\hat{y} - y\bigr) w_2^{\top} \odot \mathbb{1}[x > 0]\Bigr]", "*", oracle=None, style="mask-on-input")
C(R, "w1", L, r"2\,x^{\top}\Bigl[\bigl(\hat{y} - y\bigr) w_2 \odot \mathbb{1}[h > 0]\Bigr]", "*", oracle=None, style="missing-transpose-w2")
C(R, "h", L, r"\frac{\partial \ell}{\partial h} = \frac{\partial \ell}{\partial h_{relu}} \odot \operatorname{ReLU}'(h)", oracle="dh_relu * (h > 0)", style="relu-prime")
C(R, "h_relu", L, r"\frac{\partial \ell}{\partial h_{relu}} = 2\,(\hat{y} - y)\, w_2^{\top}", oracle="2 * (y_pred - y) @ w2.T", style="h_relu")
C(R, "w2", N, "grad_w2 = h_relu.T @ (y_pred - y) * 2 / n", "scale-factor", oracle=RW2 + " / n", style="mean-habit")
C(R, "w1", N, "grad_w1 = x.T @ (2 * (y_pred - y) @ w2 * (h > 0))", "*", oracle=None, style="missing-transpose")
C(R, "h", N, "grad_h = torch.clamp(grad_h_relu, min=0)", "*", oracle="np.maximum(dh_relu, 0)", style="clamp-gradient")
C(R, "h", N, "grad_h = grad_h_relu * (h.clamp(min=0) > 0)", oracle="dh_relu * (h > 0)", style="clamp-mask")
C(R, "h", N, "grad_h = grad_h_relu * (h.clamp(min=0) >= 0)", "missing-activation-derivative", oracle="dh_relu", style="clamp-mask-always-true", note="clamp(h) ≥ 0 everywhere: no mask")
C(R, "h_relu", N, "grad_h_relu = np.outer(grad_y_pred[:, 0], w2[:, 0]) + np.outer(grad_y_pred[:, 1], w2[:, 1])", "*", style="outer-per-output", note="first labelled right (PyTorch agrees at relu-mlp's D_out = 2); but the sum over the outputs is written out term by term for D_out = 2 only, so at another D_out it is not the gradient (issue 11, 'sizes told apart': a formula right only at the example sizes is wrong, as corpus 17's per-example sum); relabelled by branch checkgaps8")
C(R, "h_relu", N, "grad_h_relu = np.outer(grad_y_pred[:, 0], w2[:, 0])", "*", oracle="np.outer(dy_pred[:, 0], w2[:, 0])", style="outer-first-output-only")
C(R, "w1[0,0]", V, "1.407", style="hand")
C(R, "w1[0,0]", V, "0.7036", "scale-factor", style="hand-missing-2")
C(R, "w2[2,1]", V, "-2.036", style="hand")

# ================================================================ batchnorm
B = "batchnorm"
BZ = "gamma / np.sqrt(var + eps) / m * (m * dY - np.sum(dY, axis=0) - Z_hat * np.sum(dY * Z_hat, axis=0))"
C(B, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{1}{m}\,\gamma\,(\sigma^2 + \epsilon)^{-1/2}\left(m\,\delta_Y - \mathbf{1}^{\top}\delta_Y - (Z - \mu)\odot(\sigma^2 + \epsilon)^{-1}\odot\mathbf{1}^{\top}\bigl(\delta_Y \odot (Z - \mu)\bigr)\right)", oracle=BZ, style="kratzert-compact")
C(B, "Z", L, r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}}\left(m\,\delta_Y - \sum_{i=1}^{m}\delta_{Y}^{(i)} - \hat{Z}\odot\sum_{i=1}^{m}\delta_{Y}^{(i)}\odot\hat{z}^{(i)}\right)", oracle=BZ, style="compact-sums")
C(B, "Z", L, r"\frac{\gamma}{\sqrt{\sigma^2 + \epsilon}}\left(\delta_Y - \frac{1}{m}\hat{Z}\odot\mathbf{1}^{\top}(\delta_Y\odot\hat{Z})\right)", "missing-path", oracle="gamma / np.sqrt(var + eps) * (dY - Z_hat * np.sum(dY * Z_hat, axis=0) / m)", style="no-mean-term")
C(B, "Z", L, r"\frac{\gamma}{\sqrt{\sigma^2 + \epsilon}}\,\delta_Y", "missing-path", oracle="gamma / np.sqrt(var + eps) * dY", style="no-batch-paths")
C(B, "Z", L, r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}}\left(m\,\delta_Y - \mathbf{1}^{\top}\delta_Y - \hat{Z}\odot\mathbf{1}^{\top}(\delta_Y\odot\hat{Z})\right)", oracle=BZ, style="compact-ones-broadcast")
C(B, "Z", L, r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}}\left(m\,\delta_Y - \mathbf{1}^{\top}\delta_Y + \hat{Z}\odot\mathbf{1}^{\top}(\delta_Y\odot\hat{Z})\right)", "*", oracle="gamma / np.sqrt(var + eps) / m * (m * dY - np.sum(dY, axis=0) + Z_hat * np.sum(dY * Z_hat, axis=0))", style="compact-sign-slip")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \gamma \odot \frac{\partial L}{\partial Y}", oracle="dY * gamma", style="Z_hat")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m}\delta_Y^{(i)} \odot \hat{z}^{(i)}", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="gamma-per-example")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \mathbf{1}^{\top}\delta_Y", "*", oracle="np.sum(dY, axis=0, keepdims=True)", style="gamma-for-beta")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \mathbf{1}^{\top}\frac{\partial L}{\partial Y}", oracle="np.sum(dY, axis=0, keepdims=True)", style="beta")
C(B, "Y", L, r"\frac{\partial L}{\partial Y} = \frac{2}{mn}\,(Y - T)", lang="zh", oracle="2 * (Y - T) / (m * n)", style="zh-dY")
C(B, "Y", L, r"\frac{\partial L}{\partial Y} = \frac{2}{m}\,(Y - T)", "scale-factor", lang="zh", oracle="2 * (Y - T) / m", style="zh-dY-missing-n")
C(B, "Z", N, "dxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(axis=0) - Z_hat * (dxhat * Z_hat).sum(axis=0)) / (m * np.sqrt(var + eps))", oracle=BZ, style="cs231n-alt")
C(B, "Z", N, "dxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(axis=0)) / (m * np.sqrt(var + eps))", "missing-path", oracle="(m * dY * gamma - np.sum(dY * gamma, axis=0)) / (m * np.sqrt(var + eps))", style="cs231n-alt-no-var-path")
C(B, "Z", N, "dxhat = dY * gamma\ndZ = (m * dxhat - dxhat.sum(axis=1, keepdims=True) - Z_hat * (dxhat * Z_hat).sum(axis=0)) / (m * np.sqrt(var + eps))", "*", oracle=None, style="cs231n-alt-wrong-axis")
C(B, "gamma", N, "dgamma = (dY * Z_hat).sum(axis=0, keepdims=True)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="method-sum")
C(B, "gamma", N, "dgamma = (dY * Z).sum(axis=0, keepdims=True)", "*", oracle="np.sum(dY * Z, axis=0, keepdims=True)", style="Z-for-Z_hat")
C(B, "beta", N, "dbeta = dY.sum(0, keepdims=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="positional")
C(B, "gamma[0,1]", V, "1.264", style="hand")
C(B, "beta[0,1]", V, "-8/15", style="hand-fraction")
C(B, "beta[0,1]", V, "-0.5333", style="hand")
C(B, "beta[0,1]", V, "-0.5", "too-few-digits", style="hand-1sf")
C(B, "W[0,0]", V, "-0.3047", style="hand")

# ================================================================ rnn
Q = "rnn"
QZ2 = "(h_2 - y) * (1 - h_2 ** 2)"
C(Q, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} h_{t-1}^{\top}\,\frac{\partial L}{\partial z_t}", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="bptt-sum-leibniz")
C(Q, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{T} h_{t-1}^{\top}\,\delta_{z_t}", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="bptt-sum-T", note="T = 2 steps: right if read; T names nothing in this network")
C(Q, "W_h", L, r"\sum_{t=1}^{2} h_{t}^{\top}\,\delta_{z_t}", "*", oracle="h_1.T @ dz_1 + h_2.T @ dz_2", style="bptt-index-off-by-one")
C(Q, "W_h", L, r"\frac{\partial L}{\partial W_h} = h_1^{\top}\,\frac{\partial L}{\partial z_2}", "missing-path", oracle="h_1.T @ dz_2", style="bptt-last-step")
C(Q, "W_h", L, r"h_1^{\top}\,\Bigl[(h_2 - y)\odot(1 - h_2^2)\Bigr]", "missing-path", oracle="h_1.T @ " + QZ2, style="bptt-last-step-expanded")
C(Q, "W_x", L, r"\sum_{t=1}^{2} x_t^{\top}\delta_{z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="W_x-sum")
C(Q, "W_x", L, r"x_2^{\top}\delta_{z_2}", "missing-path", oracle="x_2.T @ dz_2", style="W_x-last-step")
C(Q, "b", L, r"\sum_{t=1}^{2}\delta_{z_t}", "bias-not-summed", oracle="dz_1 + dz_2", style="b-sum-t", note="m = 1 at the example, so the batch sum is the row itself there, but not at other sizes (first labelled right; the PyTorch oracle said wrong before the checker ran)")
C(Q, "z_1", L, r"\delta_{z_1} = \bigl(\delta_{z_2} W_h^{\top}\bigr) \odot \bigl(1 - \tanh^2(z_1)\bigr)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="z1-tanh2")
C(Q, "z_1", L, r"\delta_{z_1} = \bigl(\delta_{z_2} W_h\bigr) \odot \bigl(1 - h_1^2\bigr)", "*", oracle="dz_2 @ W_h * (1 - h_1 ** 2)", style="z1-missing-transpose", note="W_h is square: fits")
C(Q, "z_2", L, r"\delta_{z_2} = (h_2 - y) \odot \tanh'(z_2)", oracle=QZ2, style="tanh-prime")
C(Q, "z_2", L, r"\delta_{z_2} = (h_2 - y) \odot (1 - h_2)", "*", oracle="(h_2 - y) * (1 - h_2)", style="half-derivative")
C(Q, "h_1", L, r"\frac{\partial L}{\partial h_1} = \delta_{z_2}\,W_h^{\top}", lang="zh", oracle="dz_2 @ W_h.T", style="zh-h1")
C(Q, "W_h", N, "dW_h = h_1.T @ dz_2", "missing-path", oracle="h_1.T @ dz_2", style="last-step")
C(Q, "W_h", N, "dW_h = h_0.T @ dz_1 + h_1.T @ dz_2", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="sum")
C(Q, "W_h", N, "dW_h = h_1.T @ dz_1 + h_2.T @ dz_2", "*", oracle="h_1.T @ dz_1 + h_2.T @ dz_2", style="off-by-one")
C(Q, "z_1", N, "dh_1 = dz_2 @ W_h.T\ndz_1 = dh_1 * (1 - h_1 ** 2)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="cell")
C(Q, "z_1", N, "dh_1 = dz_2 @ W_h.T\ndz_1 = dh_1 * (1 - np.tanh(h_1) ** 2)", "*", oracle="dz_2 @ W_h.T * (1 - np.tanh(h_1) ** 2)", style="tanh-of-h")
C(Q, "b", N, "db = dz_1 + dz_2", "bias-not-summed", oracle="dz_1 + dz_2", style="b", note="right only for a batch of one (m = 1 at the example; first labelled right, the PyTorch oracle said wrong before the checker ran)")
C(Q, "b", N, "db = dz_2", "missing-path", oracle="dz_2", style="b-last-step")
C(Q, "b", V, "[[-0.2234, 0.5557]]", style="hand-row")
C(Q, "b[0,1]", V, "0.556", style="hand-3sf")
C(Q, "b[0,1]", V, "0.5", "too-few-digits", style="hand-1sf")
C(Q, "W_h[1,1]", V, "-0.2742", style="hand")

# ================================================================ attention
A = "attention"
AS = "A * (dA - np.sum(A * dA, axis=1, keepdims=True))"
C(A, "S", L, r"\frac{\partial L}{\partial S} = A \odot \Bigl(\frac{\partial L}{\partial A} - \bigl(A \odot \frac{\partial L}{\partial A}\bigr)\mathbf{1}\mathbf{1}^{\top}\Bigr)", oracle=AS, style="ones-leibniz")
C(A, "S", L, r"\frac{\partial L}{\partial \mathbf{s}_i} = \left(\operatorname{diag}(\mathbf{a}_i) - \mathbf{a}_i\mathbf{a}_i^{\top}\right)\frac{\partial L}{\partial \mathbf{a}_i}", oracle=AS, style="jacobian-per-row", note="row i of S and A as columns: right if read; a clear refusal is counted as a failure")
C(A, "S", L, r"\frac{\partial L}{\partial S_{ij}} = A_{ij}\left(\frac{\partial L}{\partial A_{ij}} - \sum_{k} A_{ik}\frac{\partial L}{\partial A_{ik}}\right)", oracle=AS, style="index-notation")
C(A, "S", L, r"\frac{\partial L}{\partial S} = A \odot \frac{\partial L}{\partial A} - A \odot A \odot \frac{\partial L}{\partial A}", "*", oracle="A * dA - A * A * dA", style="diagonal-only-jacobian")
C(A, "S", L, r"\frac{\partial L}{\partial S} = A \odot \Bigl(\frac{\partial L}{\partial A} - \mathbf{1}\mathbf{1}^{\top}\bigl(A \odot \frac{\partial L}{\partial A}\bigr)\Bigr)", "*", oracle="A * (dA - np.sum(A * dA, axis=0, keepdims=True))", style="column-sums-for-row-sums")
C(A, "A", L, r"\frac{\partial L}{\partial A} = \frac{\partial L}{\partial O}\,V^{\top}", lang="zh", oracle="dO @ V.T", style="zh-A")
C(A, "A", L, r"\frac{\partial L}{\partial A} = V^{\top}\,\frac{\partial L}{\partial O}", "*", oracle=None, style="A-order", note="n = d: fits, but not the gradient")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \tfrac{1}{\sqrt{d}}\,\frac{\partial L}{\partial S}\,K", oracle="dS @ K / np.sqrt(d)", style="tfrac-sqrt")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \tfrac{1}{\sqrt{d}}\,\frac{\partial L}{\partial S}^{\top}\,K", "*", oracle="dS.T @ K / np.sqrt(d)", style="transposed-dS")
C(A, "K", L, r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}}\left(\frac{\partial L}{\partial S}\right)^{\top} Q", oracle="dS.T @ Q / np.sqrt(d)", style="K")
C(A, "K", L, r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}}\left(\frac{\partial L}{\partial S}\right)^{\top} K", "*", oracle="dS.T @ K / np.sqrt(d)", style="K-for-Q")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^{\top}\frac{\partial L}{\partial V}", oracle="X.T @ dV", style="W_v")
C(A, "W_q", L, r"\frac{\partial L}{\partial W_q} = \frac{1}{\sqrt{d}} X^{\top}\frac{\partial L}{\partial S} X W_k", oracle="X.T @ dS @ X @ W_k / np.sqrt(d)", style="W_q-expanded-K")
C(A, "W_q", L, r"\frac{\partial L}{\partial W_q} = \frac{1}{\sqrt{d}} X^{\top}\frac{\partial L}{\partial S} X W_q", "*", oracle="X.T @ dS @ X @ W_q / np.sqrt(d)", style="W_q-for-W_k")
C(A, "O", L, r"\frac{\partial L}{\partial O} = \frac{2}{nd}\,(O - T)", lang="zh", oracle="2 * (O - T) / (n * d)", style="zh-O")
C(A, "S", N, "dS = A * (dA - (A * dA).sum(axis=1, keepdims=True))", oracle=AS, style="method-sum")
C(A, "S", N, "dS = A * (dA - (A * dA).sum(axis=0, keepdims=True))", "*", oracle="A * (dA - np.sum(A * dA, axis=0, keepdims=True))", style="method-sum-axis0")
C(A, "S", N, "dS = A * (dA - (A * dA).sum(axis=1))", "*", oracle=None, style="no-keepdims", note="without keepdims the row sums broadcast as a row: wrong (n = d = 2 hides it in shape)")
C(A, "S", N, "dS = A * dA - A * np.einsum('ij,ij->i', A, dA)[:, None]", oracle=AS, style="einsum-rows")
C(A, "Q", N, "dQ = dS @ K / np.sqrt(d)", oracle="dS @ K / np.sqrt(d)", style="Q")
C(A, "Q", N, "dQ = dS @ K / np.sqrt(K.shape[0])", "scale-factor", oracle="dS @ K / np.sqrt(n)", style="shape0-for-d", note="n = d = 2 at the example")
C(A, "K", N, "dK = dS.T @ Q / math.sqrt(d)", oracle="dS.T @ Q / np.sqrt(d)", style="math-sqrt")
C(A, "V", N, "dV = A.T @ dO", oracle="A.T @ dO", style="V")
C(A, "V", N, "dV = A @ dO", "*", oracle=None, style="V-no-transpose")
C(A, "W_v[1,1]", V, "0.3761", style="hand")
C(A, "W_q[0,0]", V, "-0.00386", style="hand-3sf")
C(A, "W_q[0,0]", V, "-3.862e-3", style="hand-sci")
C(A, "W_q[0,0]", V, "0.00386", "sign", style="hand-sign")
C(A, "W_q[0,1]", V, "-0.006007", style="hand")

# ================================================================ course networks
# CS231n's softmax_loss_vectorized (one-hot Y declared; y: its class indices), reg·ΣW²
C(CSV, "W", N, "num_train = X.shape[0]\ndscores = probs.copy()\ndscores[range(num_train), y] -= 1\ndscores /= num_train\ndW = X.T.dot(dscores) + 2 * reg * W", style="cs231n-softmax-vectorized")
C(CSV, "W", N, "dscores = probs\ndscores[np.arange(N), y] -= 1\ndW = X.T.dot(dscores) / N + 2 * reg * W", style="cs231n-no-copy")
C(CSV, "W", N, "dscores = probs.copy()\ndscores[range(N), y] -= 1\ndscores /= N\ndW = X.T.dot(dscores) + reg * W", "loss-term-factor", style="cs231n-reg-no-2")
C(CSV, "W", N, "dscores = probs.copy()\ndscores[range(N), y] -= 1\ndscores /= N\ndW = X.T.dot(dscores)", "missing-loss-term", style="cs231n-reg-forgotten")
C(CSV, "W", N, "dscores = probs.copy()\ndscores[range(N), y] -= 1\ndW = X.T.dot(dscores) + 2 * reg * W", "*", style="cs231n-no-mean")
C(CSV, "W", L, r"\frac{1}{N} X^{\top}(P - Y) + 2\lambda W", style="latex-lambda-for-reg", note="λ for reg: right if read; refused naming λ is counted as a failure")
# PyTorch's learning-by-example MLP with clamp(min=0): PyTorch's clamp passes the gradient at 0
C(TMC, "h", N, "grad_h = grad_h_relu.clone()\ngrad_h[h < 0] = 0", style="torch-clamp-tutorial", note="clamp(min=0)'s gradient is 1 at 0: zeroing h < 0 is PyTorch's")
C(TMC, "h", N, "grad_h = grad_h_relu * (h >= 0)", style="torch-clamp-ge")
C(TMC, "h", N, "grad_h = grad_h_relu * (h > 0)", "*", style="torch-clamp-gt", note="differs from PyTorch's clamp only at h = 0")
C(TMC, "h", N, "grad_h = grad_h_relu * (h_relu > 0)", "*", style="torch-clamp-mask-on-output", note="differs from PyTorch's clamp only at h = 0")
C(TMC, "h", N, "grad_h = grad_h_relu", "missing-activation-derivative", style="torch-clamp-no-mask")
# Nielsen's quadratic network, column vectors, index notation
C(NQ, "z1", L, r"\delta^{1}_j = \sum_k w^{2}_{kj}\,\delta^{2}_k\,\sigma'(z^{1}_j)", style="nielsen-index", note="δ^2_k = ∂C/∂z2_k (Nielsen's BP2 in components): right if read")
C(NQ, "z1", L, r"\delta^{1} = \left((w^{2})^{T}\delta^{2}\right) \odot \sigma'(z^{1})", style="nielsen-bp2")
C(NQ, "z1", L, r"\delta^{1} = \left(w^{2}\delta^{2}\right) \odot \sigma'(z^{1})", "*", style="nielsen-bp2-no-transpose")
C(NQ, "w2", L, r"\frac{\partial C}{\partial w^{2}_{jk}} = a^{1}_k\,\delta^{2}_j", style="nielsen-bp4-index")
C(NQ, "w2", L, r"\frac{\partial C}{\partial w^{2}_{jk}} = a^{1}_j\,\delta^{2}_k", "*", style="nielsen-bp4-index-swapped")
C(NQ, "w2", L, r"\frac{\partial C}{\partial w^{2}} = \delta^{2}\,(a^{1})^{T}", style="nielsen-bp4")
C(NQ, "b2", L, r"\frac{\partial C}{\partial b^{2}} = (a^{2} - y) \odot \sigma'(z^{2})", style="nielsen-bp1")
C(NQ, "b2", L, r"\frac{\partial C}{\partial b^{2}} = (a^{2} - y)", "missing-activation-derivative", style="nielsen-bp1-ce-habit")
C(CS229L, "theta", L, r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^{m}\left(h^{(i)} - y^{(i)}\right)x^{(i)}_j", style="cs229-index-j")
C(CS229L, "theta", L, r"\frac{\partial J}{\partial \theta_j} = \sum_{i=1}^{m}\left(h^{(i)} - y^{(i)}\right)x^{(i)}_j", "scale-factor", style="cs229-index-j-no-m")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c7-{_k:03d}"
_SEEN = {
    (c["net"], c["wrt"], c["kind"], c["text"].strip())
    for c in corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load() + corpus6a.load() + corpus6b.load()
}
# cases that happen to repeat corpus 2-6 word for word are left out; ids stay as written
CASES: list[dict] = [c for c in _rows if (c["net"], c["wrt"], c["kind"], c["text"].strip()) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


run = corpus6b.run
judge = corpus2.judge
