"""The held-out-style corpus of issue 11, tenth round: the four newer built-ins in depth and every
built-in entry by entry. RNN: BPTT summed over both steps (a step left out, 1/T, the wrong step's
input, tanh' forgotten or taken of the wrong step, ``\\sum_{t=1}^{2}``, Leibniz sums over the two
paths); attention: ∂/∂Q, K, V with the 1/√d (forgotten, 1/d, ×√d), the softmax Jacobian (full,
diagonal only, summed over the wrong axis, without keepdims, ``\\mathbf{1}\\mathbf{1}^\\top``,
``\\frac{\\partial A}{\\partial S}``); batch norm: the compact backward with and without γ, without
the mean/variance paths, γ/β by axis, ``\\sum_{i=1}^{m}`` per example, CS231n's dvar/dmu; softmax
regression: CS231n's ``dscores`` cells, ``X.shape``/``len`` for m, the Jacobian chain and its
diagonal-only slip. Element-wise answers in the walkthroughs' own printed notation
(``\\delta_{\\left(z_{1}\\right)_{1}} \\cdot \\left(x_{1}\\right)_{1}``, ``w^{[1]}_{12}``,
``W^{[2]}_{1}``, ``\\delta_{Y_{11}} \\cdot \\hat{Z}_{11}``), NumPy indices and tiny-mlp labels.
Hand numbers under every branch of the number policy (digits given, one unit with ≥ 3 digits,
simulated hand rounding, exact intermediates, too few digits, exact fractions and exact 1-digit
values, whole matrices) and the ``--rtol``/``--digits`` overrides. Goodfellow's ``\\nabla_{\\mathbf
W} J`` and ``\\mathbf{g}``, ``\\text{diag}``/``\\mathrm{diag}`` Jacobian forms, Chinese lecture
notes (``\\boldsymbol{\\delta}^{(l)}``, ``^{\\mathrm{T}}``) with ``--lang zh`` (every message must be
Chinese, parser errors included), per-example ``(i)`` notation outside a sum, and unsupported calls
(``torch.autograd.grad``, ``np.linalg.pinv``: the message must name the call and list the supported
ones). ``derive grade`` on a batch mixing all kinds is tests/test_check_corpus10.py's.

A case's ``verdict`` is "correct", "incorrect" or "unreadable" (a refusal whose message must contain
every string of ``must``); ``opts`` carries ``rtol``/``digits``. Every expectation was written
before the checker was run on any of them (bench/RESULTS.md, "corpus 10": the first measurement).
Built-in matrix cases carry a PyTorch oracle (tests/check_oracle.py); hand numbers were computed in
PyTorch float64 (check_oracle.exact_value) and rounded by hand.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus2  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
REFUSE = "REFUSE"


def C(net, wrt, kind, text, code=None, oracle=None, style="", note="", lang="en", opts=None, must=()):  # noqa: N802
    verdict = "correct" if code is None else "unreadable" if code == REFUSE else "incorrect"
    _rows.append(
        dict(
            net=net,
            wrt=wrt,
            kind=kind,
            text=text,
            verdict=verdict,
            code=None if code == REFUSE else code,
            oracle=oracle,
            style=style,
            note=note,
            round=_round,
            lang=lang,
            opts=dict(opts or {}),
            must=tuple(must),
        )
    )


# ================================================================ rnn: BPTT over two steps
RN = "rnn"
_CELL = "dz_2 = (h_2 - y) * (1 - h_2 ** 2)\ndh_1 = dz_2 @ W_h.T\ndz_1 = dh_1 * (1 - h_1 ** 2)\n"
C(RN, "W_x", N, "x_1.T @ dz_1 + x_2.T @ dz_2", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="bptt-Wx")
C(RN, "W_x", N, "x_2.T @ dz_2", "missing-path", oracle="x_2.T @ dz_2", style="bptt-Wx-last-step")
C(RN, "W_x", N, "(x_1.T @ dz_1 + x_2.T @ dz_2) / 2", "scale-factor", oracle="(x_1.T @ dz_1 + x_2.T @ dz_2) / 2", style="bptt-Wx-over-T")
C(RN, "W_x", N, "x_1.T @ dz_2 + x_2.T @ dz_1", "*", oracle="x_1.T @ dz_2 + x_2.T @ dz_1", style="bptt-Wx-steps-swapped")
C(RN, "W_h", N, _CELL + "dW_h = h_0.T @ dz_1 + h_1.T @ dz_2", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="bptt-cell-Wh")
C(RN, "W_h", N, _CELL.replace("dh_1 * (1 - h_1 ** 2)", "dh_1") + "dW_h = h_0.T @ dz_1 + h_1.T @ dz_2", "missing-activation-derivative", style="bptt-cell-Wh-no-tanh-prime")
C(RN, "W_h", N, "h_1.T @ dz_1 + h_0.T @ dz_2", "*", oracle="h_1.T @ dz_1 + h_0.T @ dz_2", style="bptt-Wh-inputs-swapped")
C(RN, "W_h", N, "h_1.T @ dz_2 + h_2.T @ dz_1", "*", oracle="h_1.T @ dz_2 + h_2.T @ dz_1", style="bptt-Wh-off-by-one")
C(RN, "W_h", N, "dz_1.T @ h_0 + dz_2.T @ h_1", "*", oracle="dz_1.T @ h_0 + dz_2.T @ h_1", style="bptt-Wh-transposed")
C(RN, "b", N, "np.sum(dz_1 + dz_2, axis=0, keepdims=True)", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="bptt-b")
C(RN, "b", N, "np.sum(dz_2, axis=0, keepdims=True)", "missing-path", oracle="np.sum(dz_2, axis=0, keepdims=True)", style="bptt-b-last-step")
C(RN, "b", N, "dz_1 + dz_2", "bias-not-summed", style="bptt-b-unsummed", note="m = 1 in the example: right only there")
C(RN, "z_2", N, "(h_2 - y) * (1 - np.tanh(z_2) ** 2)", oracle="(h_2 - y) * (1 - np.tanh(z_2) ** 2)", style="dz2-tanh-of-z")
C(RN, "z_2", N, "(h_2 - y) * (1 - h_2) ** 2", "*", oracle="(h_2 - y) * (1 - h_2) ** 2", style="dz2-square-misplaced")
C(RN, "z_2", N, "(h_2 - y) / np.cosh(z_2) ** 2", oracle="(h_2 - y) / np.cosh(z_2) ** 2", style="dz2-sech-squared")
C(RN, "h_1", N, "dz_2 @ W_h.T", oracle="dz_2 @ W_h.T", style="dh1")
C(RN, "h_1", N, "dz_2 @ W_h", "*", oracle="dz_2 @ W_h", style="dh1-no-T")
C(RN, "z_1", N, "dz_2 @ W_h.T * (1 - h_1 ** 2)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="dz1")
C(RN, "z_1", N, "dz_2 @ W_h.T * (1 - h_2 ** 2)", "*", oracle="dz_2 @ W_h.T * (1 - h_2 ** 2)", style="dz1-wrong-step-prime")
C(RN, "W_x", L, r"\frac{\partial L}{\partial W_x} = \sum_{t=1}^{2} x_t^{\top} \delta_{z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="latex-sum-t")
C(RN, "W_x", L, r"\frac{\partial L}{\partial W_x} = \frac{1}{2}\sum_{t=1}^{2} x_t^{\top} \delta_{z_t}", "scale-factor", oracle="(x_1.T @ dz_1 + x_2.T @ dz_2) / 2", style="latex-sum-t-over-T")
C(RN, "W_h", L, r"\frac{\partial L}{\partial W_h} = \frac{\partial L}{\partial z_2}\frac{\partial z_2}{\partial W_h} + \frac{\partial L}{\partial z_1}\frac{\partial z_1}{\partial W_h}", oracle="h_1.T @ dz_2 + h_0.T @ dz_1", style="leibniz-two-paths")
C(RN, "W_h", L, r"\frac{\partial L}{\partial W_h} = \frac{\partial L}{\partial z_2}\frac{\partial z_2}{\partial W_h}", "missing-path", oracle="h_1.T @ dz_2", style="leibniz-one-path")
C(RN, "h_1", L, r"\frac{\partial L}{\partial h_1} = \frac{\partial L}{\partial h_2}\frac{\partial h_2}{\partial z_2}\frac{\partial z_2}{\partial h_1}", oracle="dz_2 @ W_h.T", style="leibniz-dh1")
C(RN, "z_1", L, r"\delta_{z_1} = \left(\delta_{z_2} W_h^{\top}\right) \odot \left(1 - h_1^{2}\right)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="latex-dz1")
C(RN, "z_1", L, r"\delta_{z_1} = \left(\delta_{z_2} W_h^{\top}\right) \odot \left(1 - h_1^{2}\right) \odot \left(1 - h_2^{2}\right)", "*", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2) * (1 - h_2 ** 2)", style="latex-dz1-extra-prime")
C(RN, "z_1", L, r"\delta_{z_1} = \delta_{z_2} W_h^{\top} \mathrm{diag}\left(1 - h_1^{2}\right)", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="latex-dz1-diag")
C(RN, "b", L, r"$\frac{\partial L}{\partial b} = \mathbf{1}^{\top}\left(\delta_{z_1} + \delta_{z_2}\right)$，对两个时间步求和。", lang="zh", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="zh-b-ones")
C(RN, "W_h", L, r"$\frac{\partial L}{\partial W_h} = h_1^{\mathrm{T}}\delta_{z_2}$", "missing-path", lang="zh", oracle="h_1.T @ dz_2", style="zh-Wh-one-step")
C(RN, "W_x[0,0]", L, r"\frac{\partial L}{\partial \left(W_{\text{x}}\right)_{11}} = \delta_{\left(z_{1}\right)_{1}} \cdot \left(x_{1}\right)_{1} + \delta_{\left(z_{2}\right)_{1}} \cdot \left(x_{2}\right)_{1}", style="entry-walkthrough")
C(RN, "W_x[0,0]", L, r"\frac{\partial L}{\partial \left(W_{\text{x}}\right)_{11}} = \delta_{\left(z_{2}\right)_{1}} \cdot \left(x_{2}\right)_{1}", "*", style="entry-walkthrough-one-step")
C(RN, "W_x[0,0]", N, "dz_1[0, 0] * x_1[0, 0] + dz_2[0, 0] * x_2[0, 0]", style="entry-numpy-index")
C(RN, "W_h[1,1]", V, "-0.274", style="hand-3sf")
C(RN, "W_h[1,1]", V, "-0.2742", style="hand-4sf")
C(RN, "W_h[1,1]", V, "-0.2743", style="hand-one-unit")
C(RN, "W_h[1,1]", V, "-0.27", style="hand-2sf")
C(RN, "W_h[1,1]", V, "-0.3", "too-few-digits", style="hand-1sf")
C(RN, "W_h[1,1]", V, "-0.3", "too-few-digits", lang="zh", style="zh-hand-1sf")
C(RN, "W_x[0,0]", V, "-0.191", style="hand-3sf")
C(RN, "W_x[0,0]", V, "-0.0956", "scale-factor", style="hand-halved")
C(RN, "b[0,1]", V, "0.556", style="hand-3sf")
C(RN, "b[0,1]", V, "-0.556", "sign", style="hand-sign")
C(RN, "W_x", V, "[[-0.191, 0.292], [0.0150, 0.512]]", style="hand-matrix")
C(RN, "W_x", V, "[[-0.191, 0.0150], [0.292, 0.512]]", "operand-order", style="hand-matrix-transposed")

# ================================================================ attention
A = "attention"
C(A, "W_v", N, "X.T @ (A.T @ dO)", oracle="X.T @ (A.T @ dO)", style="Wv")
C(A, "W_v", N, "X.T @ A @ dO", "*", oracle="X.T @ A @ dO", style="Wv-A-not-transposed")
C(A, "W_v", N, "X.T @ A.T @ (2 * (O - T) / (n * d))", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", style="Wv-inline")
C(A, "W_v", N, "X.T @ A.T @ (2 * (O - T) / n)", "scale-factor", oracle="X.T @ A.T @ (2 * (O - T) / n)", style="Wv-mean-per-row")
C(A, "W_v", N, "X.T @ A.T @ ((O - T) / (n * d))", "scale-factor", oracle="X.T @ A.T @ ((O - T) / (n * d))", style="Wv-no-2")
C(A, "A", N, "dO @ V.T", oracle="dO @ V.T", style="dA")
C(A, "A", N, "V.T @ dO", "*", style="dA-order")
C(A, "S", N, "dA * A - A * np.sum(dA * A, axis=-1, keepdims=True)", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="softmax-backward-expanded")
C(A, "S", N, "dA * A * (1 - A)", "*", oracle="dA * A * (1 - A)", style="softmax-diagonal-only")
C(A, "S", N, "A * (dA - np.sum(dA * A, axis=0, keepdims=True))", "*", oracle="A * (dA - np.sum(dA * A, axis=0, keepdims=True))", style="softmax-backward-axis0")
C(A, "S", N, "A * (dA - np.sum(dA * A, axis=1))", "*", style="softmax-backward-no-keepdims")
C(A, "Q", N, "dS @ K / d ** 0.5", oracle="dS @ K / np.sqrt(d)", style="dQ-pow")
C(A, "Q", N, "dS @ K / d", "scale-factor", oracle="dS @ K / d", style="dQ-over-d")
C(A, "Q", N, "dS @ K * np.sqrt(d)", "scale-factor", oracle="dS @ K * np.sqrt(d)", style="dQ-times-sqrt")
C(A, "K", N, "dS.T @ Q / np.sqrt(d)", oracle="dS.T @ Q / np.sqrt(d)", style="dK")
C(A, "K", N, "dS @ Q / np.sqrt(d)", "*", oracle="dS @ Q / np.sqrt(d)", style="dK-no-T")
C(A, "W_k", N, "X.T @ (dS.T @ Q) / np.sqrt(d)", oracle="X.T @ (dS.T @ Q) / np.sqrt(d)", style="Wk")
C(A, "W_k", N, "X.T @ (dS.T @ Q)", "scale-factor", oracle="X.T @ (dS.T @ Q)", style="Wk-no-sqrt")
C(A, "W_q", N, "X.T @ dS @ K / math.sqrt(d)", oracle="X.T @ dS @ K / np.sqrt(d)", style="Wq-math-sqrt")
C(A, "W_q", N, "X.T @ dS @ K", "scale-factor", oracle="X.T @ dS @ K", style="Wq-no-sqrt")
C(A, "W_q", N, "X.T @ dS.T @ K / np.sqrt(d)", "*", oracle="X.T @ dS.T @ K / np.sqrt(d)", style="Wq-dS-transposed")
C(A, "V", L, r"\frac{\partial L}{\partial V} = A^{\top}\frac{\partial L}{\partial O}", oracle="A.T @ dO", style="latex-dV")
C(A, "S", L, r"\frac{\partial L}{\partial S} = A \odot \left(\frac{\partial L}{\partial A} - \left(\frac{\partial L}{\partial A} \odot A\right)\mathbf{1}\mathbf{1}^{\top}\right)", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="latex-softmax-ones")
C(A, "S", L, r"\frac{\partial L}{\partial S} = \frac{\partial L}{\partial A} \odot A \odot (1 - A)", "*", oracle="dA * A * (1 - A)", style="latex-softmax-diagonal")
C(A, "S", L, r"\frac{\partial L}{\partial S} = \frac{\partial L}{\partial A}\frac{\partial A}{\partial S}", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="latex-softmax-leibniz")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \frac{\partial L}{\partial S} K", "scale-factor", oracle="dS @ K", style="latex-dQ-no-sqrt")
C(A, "K", L, r"\nabla_{K} L = \frac{(\nabla_{S} L)^{\top} Q}{\sqrt{d}}", oracle="dS.T @ Q / np.sqrt(d)", style="latex-nabla-dK")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = X^\top A^\top \frac{2}{nd}(O - T)", oracle="X.T @ A.T @ (2 * (O - T) / (n * d))", style="latex-Wv-inline")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = \frac{2}{n} X^\top A^\top (O - T)", "scale-factor", oracle="X.T @ A.T @ (2 * (O - T) / n)", style="latex-Wv-per-row")
C(A, "O", L, r"$\frac{\partial L}{\partial O} = \frac{2}{nd}(O - T)$。", lang="zh", oracle="2 * (O - T) / (n * d)", style="zh-dO")
C(A, "Q", L, r"$\frac{\partial L}{\partial Q} = \frac{\partial L}{\partial S} K$", "scale-factor", lang="zh", oracle="dS @ K", style="zh-dQ-no-sqrt")
C(A, "W_v[0,0]", V, "-0.130", style="hand-3sf")
C(A, "W_v[0,0]", V, "-0.13", style="hand-2sf")
C(A, "W_v[0,0]", V, "-0.1", "too-few-digits", style="hand-1sf")
C(A, "W_q[1,1]", V, "-0.0510", style="hand-3sf")
C(A, "W_q[1,1]", V, "-0.0721", "scale-factor", style="hand-no-sqrt", note="×√2: the 1/√d forgotten")
C(A, "W_k[0,0]", V, "-0.0161", style="hand-3sf")
C(A, "W_k[0,0]", V, "0.0161", "sign", style="hand-sign")

# ================================================================ batchnorm
B = "batchnorm"
_CBN = "gamma / (m * np.sqrt(var + eps)) * (m * dY - dY.sum(axis=0, keepdims=True) - Z_hat * (dY * Z_hat).sum(axis=0, keepdims=True))"
C(B, "gamma", N, "(dY * Z_hat).sum(axis=0, keepdims=True)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="gamma")
C(B, "gamma", N, "np.sum(dY, axis=0, keepdims=True)", "*", oracle="np.sum(dY, axis=0, keepdims=True)", style="gamma-beta-formula")
C(B, "gamma", N, "np.sum(dY * Z_hat, axis=1, keepdims=True)", "*", style="gamma-axis1")
C(B, "gamma", N, "np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", oracle="np.sum(2 * (Y - T) / (m * n) * Z_hat, axis=0, keepdims=True)", style="gamma-inline")
C(B, "gamma", N, "np.sum(2 * (Y - T) / m * Z_hat, axis=0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T) / m * Z_hat, axis=0, keepdims=True)", style="gamma-mean-per-row")
C(B, "gamma", N, "np.sum((Y - T) * Z_hat, axis=0, keepdims=True) / (m * n)", "scale-factor", oracle="np.sum((Y - T) * Z_hat, axis=0, keepdims=True) / (m * n)", style="gamma-no-2")
C(B, "beta", N, "np.sum(dY, axis=0, keepdims=True)", oracle="np.sum(dY, axis=0, keepdims=True)", style="beta")
C(B, "beta", N, "dY", "bias-not-summed", style="beta-unsummed")
C(B, "beta", N, "np.mean(dY, axis=0, keepdims=True)", "scale-factor", oracle="np.mean(dY, axis=0, keepdims=True)", style="beta-mean")
C(B, "Z_hat", N, "dY * gamma", oracle="dY * gamma", style="dZhat")
C(B, "Z_hat", N, "dY", "*", oracle="dY", style="dZhat-gamma-forgotten")
C(B, "Z", N, "(m * dZ_hat - np.sum(dZ_hat, axis=0, keepdims=True) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0, keepdims=True)) / (m * np.sqrt(var + eps))", oracle="(m * dZ_hat - np.sum(dZ_hat, axis=0, keepdims=True) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0, keepdims=True)) / (m * np.sqrt(var + eps))", style="compact-dZhat")
C(B, "Z", N, "dZ_hat / np.sqrt(var + eps)", "missing-path", oracle="dZ_hat / np.sqrt(var + eps)", style="no-mean-var-paths")
C(B, "Z", N, "(dZ_hat - np.mean(dZ_hat, axis=0, keepdims=True)) / np.sqrt(var + eps)", "missing-path", oracle="(dZ_hat - np.mean(dZ_hat, axis=0, keepdims=True)) / np.sqrt(var + eps)", style="no-var-path")
C(B, "Z", N, _CBN, oracle=_CBN.replace("dY.sum(axis=0, keepdims=True)", "np.sum(dY, axis=0, keepdims=True)").replace("(dY * Z_hat).sum(axis=0, keepdims=True)", "np.sum(dY * Z_hat, axis=0, keepdims=True)"), style="compact-gamma")
C(B, "Z", N, _CBN.replace("gamma / ", "1 / "), "*", style="compact-gamma-forgotten")
C(B, "Z", N, _CBN.replace("(m * np.sqrt", "((m - 1) * np.sqrt"), "*", style="compact-unbiased")
C(B, "var", N, "np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * -0.5 * (var + eps) ** -1.5", oracle="np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * -0.5 * (var + eps) ** -1.5", style="dvar")
C(B, "var", N, "np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * -0.5 * (var + eps) ** -0.5", "*", oracle="np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * -0.5 * (var + eps) ** -0.5", style="dvar-power")
C(B, "mu", N, "-np.sum(dZ_hat, axis=0, keepdims=True) / np.sqrt(var + eps) + dvar * np.mean(-2 * Z_c, axis=0, keepdims=True)", oracle="-np.sum(dZ_hat, axis=0, keepdims=True) / np.sqrt(var + eps)", style="cs231n-dmu")
C(B, "W", N, "X.T @ (gamma * dY / np.sqrt(var + eps))", "missing-path", oracle="X.T @ (gamma * dY / np.sqrt(var + eps))", style="W-no-mean-var-paths")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} \frac{\partial L}{\partial Y^{(i)}} \odot \hat{Z}^{(i)}", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="latex-gamma-per-example")
C(B, "gamma", L, r"\frac{\partial L}{\partial \boldsymbol{\gamma}} = \mathbf{1}^{\top}\left(\frac{\partial L}{\partial Y} \odot \hat{Z}\right)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="latex-gamma-ones")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \sum_{i=1}^{m} \frac{\partial L}{\partial Y^{(i)}}", oracle="np.sum(dY, axis=0, keepdims=True)", style="latex-beta-per-example")
C(B, "beta", L, r"\frac{\partial L}{\partial \beta} = \frac{1}{m}\sum_{i=1}^{m} \frac{\partial L}{\partial Y^{(i)}}", "scale-factor", oracle="np.mean(dY, axis=0, keepdims=True)", style="latex-beta-mean")
C(B, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}\left(m\,\frac{\partial L}{\partial Y} - \mathbf{1}\mathbf{1}^\top\frac{\partial L}{\partial Y} - \hat{Z}\odot \mathbf{1}\mathbf{1}^\top\left(\frac{\partial L}{\partial Y}\odot\hat{Z}\right)\right)", oracle="(m * dZ_hat - np.sum(dZ_hat, axis=0, keepdims=True) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0, keepdims=True)) / (m * np.sqrt(var + eps))", style="latex-compact")
C(B, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{1}{m\sqrt{\sigma^2+\epsilon}}\left(m\,\frac{\partial L}{\partial Y} - \mathbf{1}\mathbf{1}^\top\frac{\partial L}{\partial Y} - \hat{Z}\odot \mathbf{1}\mathbf{1}^\top\left(\frac{\partial L}{\partial Y}\odot\hat{Z}\right)\right)", "*", style="latex-compact-no-gamma")
C(B, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{\partial L}{\partial \hat{Z}} \frac{1}{\sqrt{\sigma^2 + \epsilon}}", "missing-path", oracle="dZ_hat / np.sqrt(var + eps)", style="latex-no-mean-var-paths")
C(B, "gamma", L, r"$\frac{\partial L}{\partial \gamma}=\sum_{i=1}^{m}\frac{\partial L}{\partial Y^{(i)}}\odot\hat{Z}^{(i)}$，其中求和遍历批量中的样本。", lang="zh", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="zh-gamma")
C(B, "beta", L, r"$\frac{\partial L}{\partial \beta}=\frac{\partial L}{\partial Y}$", "bias-not-summed", lang="zh", style="zh-beta-unsummed")
C(B, "gamma[0,0]", L, r"\frac{\partial L}{\partial \gamma_{1}} = \delta_{Y_{11}} \cdot \hat{Z}_{11} + \delta_{Y_{21}} \cdot \hat{Z}_{21} + \delta_{Y_{31}} \cdot \hat{Z}_{31}", style="entry-walkthrough-gamma")
C(B, "gamma[0,0]", L, r"\frac{\partial L}{\partial \gamma_{1}} = \delta_{Y_{11}} \cdot \hat{Z}_{11} + \delta_{Y_{21}} \cdot \hat{Z}_{21}", "*", style="entry-walkthrough-gamma-two-rows")
C(B, "beta[0,1]", N, "dY[0, 1] + dY[1, 1] + dY[2, 1]", style="entry-beta-index")
C(B, "beta[0,1]", N, "dY[0, 1] + dY[1, 1]", "*", style="entry-beta-index-two-rows")
C(B, "gamma[0,0]", V, "0.727", style="hand-3sf")
C(B, "gamma[0,0]", V, "0.7266", style="hand-4sf")
C(B, "gamma[0,0]", V, "0.726", style="hand-one-unit")
C(B, "gamma[0,1]", V, "1.26", style="hand-3sf")
C(B, "gamma[0,1]", V, "1.2", "*", style="hand-2sf-wrong")
C(B, "beta[0,1]", V, "-8/15", style="hand-fraction")
C(B, "beta[0,1]", V, "-0.533", style="hand-3sf")
C(B, "beta[0,1]", V, "-0.5", "too-few-digits", style="hand-1sf")
C(B, "beta[0,1]", V, "-0.267", "scale-factor", style="hand-no-2")
C(B, "beta[0,0]", V, "0.1", style="hand-exact-1-digit", note="exactly the value: rule 5's exception")
C(B, "W", V, "[[-0.305, -0.114], [0.508, -0.0567]]", style="hand-matrix")
C(B, "gamma", V, "[0.727, 1.26]", style="hand-1d-row")

# ================================================================ softmax-regression
S = "softmax-regression"
_DS = "dscores = P.copy()\ndscores[range(m), Y.argmax(axis=1)] -= 1\n"
C(S, "W", N, "np.dot(X.T, P - Y) / X.shape[0]", oracle="X.T @ (P - Y) / m", style="shape0")
C(S, "W", N, "np.dot(X.T, P - Y) / X.shape[1]", "scale-factor", oracle="X.T @ (P - Y) / n", style="shape1")
C(S, "W", N, "X.T @ (P - Y) / k", "scale-factor", oracle="X.T @ (P - Y) / k", style="over-k")
C(S, "Z", N, "dP * P * (1 - P)", "*", oracle="dP * P * (1 - P)", style="jacobian-diagonal-only")
C(S, "Z", N, "P * (dP - np.sum(dP * P, axis=1, keepdims=True))", oracle="P * (dP - np.sum(dP * P, axis=1, keepdims=True))", style="jacobian-full")
C(S, "Z", N, "(P - Y) / len(X)", oracle="(P - Y) / m", style="len-X")
C(S, "Z", N, "P - Y", "scale-factor", oracle="P - Y", style="no-m")
C(S, "Z", N, "(Y - P) / m", "sign", oracle="(Y - P) / m", style="sign")
C(S, "b", N, "(P - Y).sum(axis=0, keepdims=True) / m", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="b")
C(S, "b", N, "(P - Y).sum(axis=1, keepdims=True) / m", "*", style="b-axis1")
C(S, "W", N, _DS + "dscores /= m\ndW = X.T.dot(dscores)", oracle="X.T @ (P - Y) / m", style="cs231n-argmax-cell")
C(S, "W", N, _DS + "dW = X.T.dot(dscores)", "scale-factor", oracle="X.T @ (P - Y)", style="cs231n-argmax-cell-no-m")
C(S, "W", L, r"\nabla_{\mathbf W} J = \frac{1}{m}\mathbf{X}^\top(\mathbf{P} - \mathbf{Y})", oracle="X.T @ (P - Y) / m", style="goodfellow-nabla")
C(S, "W", L, r"\frac{\partial J}{\partial W} = \frac{1}{m} X^\top \left(\operatorname{softmax}(XW + b) - Y\right)", oracle="X.T @ (P - Y) / m", style="latex-operatorname-softmax")
C(S, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{\partial L}{\partial P}\frac{\partial P}{\partial Z}", oracle="(P - Y) / m", style="leibniz-jacobian")
C(S, "Z", L, r"\frac{\partial L}{\partial Z} = \frac{\partial L}{\partial P} \odot P \odot (1 - P)", "*", oracle="dP * P * (1 - P)", style="latex-jacobian-diagonal")
C(S, "Z", L, r"\frac{\partial L}{\partial \mathbf{z}^{(i)}} = \mathbf{p}^{(i)} - \mathbf{y}^{(i)}", REFUSE, style="per-example-outside-sum", must=("vector",))
C(S, "b", L, r"$\frac{\partial J}{\partial \boldsymbol{b}}=\frac{1}{m}\sum_{i=1}^{m}(\boldsymbol{p}^{(i)}-\boldsymbol{y}^{(i)})$", lang="zh", oracle="np.sum(P - Y, axis=0, keepdims=True) / m", style="zh-b-per-example")
C(S, "W", L, r"$\frac{\partial J}{\partial \boldsymbol{W}}=\boldsymbol{X}^{\mathrm{T}}(\boldsymbol{P}-\boldsymbol{Y})$", "scale-factor", lang="zh", oracle="X.T @ (P - Y)", style="zh-W-no-m")
C(S, "W[0,0]", V, "0.585", style="hand-3sf")
C(S, "W[0,0]", V, "0.5849", style="hand-4sf")
C(S, "W[0,0]", V, "0.58", style="hand-2sf")
C(S, "W[0,0]", V, "0.6", "too-few-digits", style="hand-1sf")
C(S, "W[0,0]", V, "1.17", "scale-factor", style="hand-no-m")
C(S, "b[0,1]", V, "0.371", style="hand-3sf")
C(S, "b[0,1]", V, "0.37", style="hand-2sf")
C(S, "W[0,0]", V, "0.58", "too-few-digits", opts={"digits": 3}, style="digits3-2sf")
C(S, "W[0,0]", V, "0.585", opts={"digits": 3}, style="digits3-3sf")
C(S, "W[0,0]", V, "0.584", "*", opts={"digits": 3}, style="digits3-off-by-one")
C(S, "W[0,0]", V, "0.58", opts={"digits": 2}, style="digits2")
C(S, "W[0,0]", V, "0.59", opts={"rtol": 0.01}, style="rtol1pc-inside")
C(S, "W[0,0]", V, "0.6", "*", opts={"rtol": 0.01}, style="rtol1pc-outside")
C(S, "W[0,0]", V, "0.5849", opts={"rtol": 0.01}, style="rtol1pc-4sf")
C(S, "W[0,0]", L, r"\frac{\partial L}{\partial W_{11}} = \delta_{Z_{11}} \cdot X_{11} + \delta_{Z_{21}} \cdot X_{21}", style="entry-walkthrough")
C(S, "W[0,1]", L, r"\frac{\partial L}{\partial W_{12}} = \delta_{Z_{12}} \cdot X_{12} + \delta_{Z_{22}} \cdot X_{22}", "*", style="entry-walkthrough-W22-for-W12")
C(S, "W[1,2]", N, "(P[0, 2] - Y[0, 2]) * X[0, 1] / m + (P[1, 2] - Y[1, 2]) * X[1, 1] / m", style="entry-index")
C(S, "W[1,2]", N, "(P[0, 2] - Y[0, 2]) * X[0, 1] + (P[1, 2] - Y[1, 2]) * X[1, 1]", "scale-factor", style="entry-index-no-m")

# ================================================================ mlp-bce, weighted: notes' notations
M, MW = "mlp-bce", "mlp-bce-weighted"
C(M, "W2", L, r"\mathbf{g} = \hat{\mathbf{y}} - \mathbf{y} \\ \nabla_{\mathbf{W}^{[2]}} J = \frac{1}{m}\mathbf{A}^{[1]\top}\mathbf{g}", oracle="A1.T @ (A2 - Y) / m", style="goodfellow-g")
C(M, "W2", N, "dscores = A2 - Y\ndscores /= m\ndW2 = np.dot(A1.T, dscores)", oracle="A1.T @ (A2 - Y) / m", style="cs231n-dscores")
C(M, "W2", N, "dscores = A2 - Y\ndW2 = np.dot(A1.T, dscores)", "scale-factor", oracle="A1.T @ (A2 - Y)", style="cs231n-dscores-no-m")
C(M, "W2", N, "dscores = A2 - Y\ndscores /= m\ndW2 = np.dot(A1.T, dscores) / m", "scale-factor", oracle="A1.T @ (A2 - Y) / m / m", style="cs231n-dscores-double-m")
C(M, "b2", N, "dscores = A2 - Y\ndb2 = np.sum(dscores, axis=0, keepdims=True) / m", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="cs231n-db2")
C(M, "Z1", L, r"\boldsymbol{\delta}^{(1)} = g'(\boldsymbol{Z}^{(1)}) \odot \left(\boldsymbol{\delta}^{(2)} (\boldsymbol{W}^{(2)})^{\mathrm{T}}\right)", lang="zh", oracle="dZ2 @ W2.T * (Z1 > 0)", style="zh-qiu-delta")
C(M, "Z1", L, r"\boldsymbol{\delta}^{(1)} = g'(\boldsymbol{Z}^{(1)}) \odot \left(\boldsymbol{\delta}^{(2)} \boldsymbol{W}^{(2)}\right)", "missing-transpose", lang="zh", style="zh-qiu-delta-no-T")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \, \text{diag}(\sigma'(Z^{[1]}))", "wrong-activation-derivative", oracle="dZ2 @ W2.T * (1 / (1 + np.exp(-Z1))) * (1 - 1 / (1 + np.exp(-Z1)))", style="text-diag-sigma-prime")
C(M, "Z1", L, r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \, \text{diag}(g'(Z^{[1]}))", oracle="dZ2 @ W2.T * (Z1 > 0)", style="text-diag-g-prime")
C(M, "W2", L, r"\frac{\partial J}{\partial W^{[2]}} = \frac{2}{m} A^{[1]\top}(A^{[2]} - Y)", "scale-factor", oracle="2 * A1.T @ (A2 - Y) / m", style="latex-factor-2")
C(M, "W2", N, "A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", "*", oracle="A1.T @ ((A2 - Y) * A2 * (1 - A2)) / m", style="mse-formula-for-bce")
C(M, "W2", N, "np.dot(X.T, dZ2)", "wrong-layer", oracle="X.T @ dZ2", style="wrong-layer-X")
C(M, "W2", N, "A1.T @ (A2 - Y) / X.shape[0]", oracle="A1.T @ (A2 - Y) / m", style="shape0")
C(M, "W2", N, "A1.T @ (A2 - Y) / Y.shape[1]", "scale-factor", oracle="A1.T @ (A2 - Y)", style="shape-Y1")
C(M, "W2", N, "A1.T @ (A2 - Y) / len(Y)", oracle="A1.T @ (A2 - Y) / m", style="len-Y")
C(M, "W2[0,0]", L, r"\frac{\partial L}{\partial W^{[2]}_{1}} = \delta_{Z^{[2]}_{1}} \cdot A^{[1]}_{11} + \delta_{Z^{[2]}_{2}} \cdot A^{[1]}_{21}", style="entry-walkthrough")
C(M, "W2[1,0]", L, r"\frac{\partial L}{\partial W^{[2]}_{2}} = \delta_{Z^{[2]}_{1}} \cdot A^{[1]}_{11} + \delta_{Z^{[2]}_{2}} \cdot A^{[1]}_{21}", "*", style="entry-walkthrough-other-entry")
C(M, "W1[0,0]", N, "np.sum(dZ1[:, 0] * X[:, 0])", style="entry-batch-slices")
C(M, "W1[0,0]", N, "np.sum(dZ1[:, 0] * X[:, 0]) / m", "scale-factor", style="entry-batch-slices-extra-m")
C(M, "W1[0,0]", N, "np.sum(dZ1[0, :] * X[0, :])", "*", style="entry-row-slices")
C(M, "W2", L, r"\frac{\partial L}{\partial W^{[2]}} = a^{[1](i)\top}\left(a^{[2](i)} - y^{(i)}\right)", REFUSE, style="per-example-outside-sum", must=("vector",))
C(M, "W2", N, "torch.autograd.grad(L, W2)", REFUSE, style="autograd-call", must=("torch.autograd.grad", "np.sum"))
C(M, "W1", N, "X.T @ (dZ2 @ np.linalg.pinv(W2) * (Z1 > 0))", REFUSE, style="pinv-call", must=("np.linalg.pinv", "np.sum"))
C(M, "W1", N, "X.T @ (dZ2 @ np.linalg.pinv(W2) * (Z1 > 0))", REFUSE, lang="zh", style="zh-pinv-call", must=("np.linalg.pinv",))
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top (A^{[2]} - Y)", REFUSE, lang="zh", style="zh-unbalanced-brace")
C(MW, "Z2", L, r"\frac{\partial L}{\partial Z^{[2]}} = \frac{1}{m}\left(\hat{Y} - Y\right)", "weighted-loss-not-simplifiable", oracle="(A2 - Y) / m", style="latex-unweighted-dz")
C(MW, "W2", N, "A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / (2 * m)", "scale-factor", oracle="A1.T @ ((1 - Y) * A2 - 3 * Y * (1 - A2)) / (2 * m)", style="weighted-W2-over-2m")
C(MW, "W2", N, "A1.T @ ((1 - Y) * A2 - w * Y * (1 - A2)) / m", lang="zh", oracle="A1.T @ ((1 - Y) * A2 - 3 * Y * (1 - A2)) / m", style="zh-weighted-W2")

# ================================================================ relu-mlp, tiny-mlp, neuron, chain: entries and numbers
R, T, E, CH = "relu-mlp", "tiny-mlp", "neuron", "chain"
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = x^\top\left(2(y_{pred} - y) w_2^\top \odot \mathbb{1}[h > 0]\right)", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="latex-w1")
C(R, "w1", L, r"\frac{\partial L}{\partial w_1} = x^\top\left((y_{pred} - y) w_2^\top \odot \mathbb{1}[h > 0]\right)", "scale-factor", oracle="x.T @ ((y_pred - y) @ w2.T * (h > 0))", style="latex-w1-no-2")
C(R, "w2", N, "h_relu.T @ (y_pred - y) * 2 / n", "scale-factor", oracle="h_relu.T @ (y_pred - y) * 2 / n", style="mse-for-sse")
C(R, "w1[0,1]", L, r"\frac{\partial \mathrm{loss}}{\partial w^{[1]}_{12}} = \delta_{h_{12}} \cdot x_{11} + \delta_{h_{22}} \cdot x_{21} + \delta_{h_{32}} \cdot x_{31}", style="entry-walkthrough")
C(R, "w1[0,1]", L, r"\frac{\partial \mathrm{loss}}{\partial w^{[1]}_{12}} = \delta_{h_{12}} \cdot x_{12} + \delta_{h_{22}} \cdot x_{22} + \delta_{h_{32}} \cdot x_{32}", "*", style="entry-walkthrough-wrong-input")
C(T, "w11", N, "dh1_raw * x1", style="entry-label-delta")
C(T, "w11", N, "dh1_raw * x2", "*", style="entry-label-delta-x2")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = (y_{\text{pred}} - y_{\text{target}})\, v_{2}\, h_{2}(1-h_{2})\, x_{2}", style="entry-latex-w22")
C(T, "w22", L, r"\frac{\partial L}{\partial w_{22}} = (y_{\text{pred}} - y_{\text{target}})\, v_{2}\, x_{2}", "*", style="entry-latex-w22-no-prime")
C(T, "v1", N, "dy_pred * h1", style="entry-v1")
C(T, "W1[1,0]", L, r"\frac{\partial L}{\partial w_{21}} = \frac{\partial L}{\partial y_{\text{pred}}}\frac{\partial y_{\text{pred}}}{\partial h_{1}}\frac{\partial h_{1}}{\partial h_{1,\text{raw}}}\frac{\partial h_{1,\text{raw}}}{\partial w_{21}}", style="entry-leibniz-mazur")
C(E, "w2", N, "(O - t) * O * (1 - O) * x2", style="entry-w2")
C(E, "w2", L, r"\frac{\partial L}{\partial w_2} = (O - t)\,O\,(1 - O)\,x_2", style="entry-latex-w2")
C(E, "w2", N, "(O - t) * O * (1 - O) * x1", "*", style="entry-w2-x1")
C(E, "w1", V, "-0.036", style="hand-rounded-intermediates", note="2 digits at every step: O = 0.51, σ' = 0.25, dz = -0.12, × 0.3")
C(CH, "w", L, r"\frac{\partial L}{\partial w} = 2vx", oracle="2 * v * x", style="adjacent-vx")
C(CH, "b", N, "2 * v * x", "*", oracle="2 * v * x", style="db-with-x")
C(CH, "w", V, "39.9", "*", style="hand-exact-one-unit", note="the intermediates are exact: no allowance")
C(CH, "w", V, "4e1", style="hand-exact-exponent")
C(CH, "b", V, "20.1", "*", style="hand-exact-off")

# ================================================================ more, written with the rest (before any run)
C(RN, "W_x", N, "dWx = np.zeros_like(W_x)\ndWx += x_2.T @ dz_2\ndWx += x_1.T @ dz_1", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="cs231n-accumulate")
C(RN, "W_x", N, "dWx = np.zeros_like(W_x)\ndWx += x_2.T @ dz_2", "missing-path", oracle="x_2.T @ dz_2", style="cs231n-accumulate-one-step")
C(RN, "W_x", N, "(x_1.T @ dz_1 + x_2.T @ dz_2) / (m * 2)", "scale-factor", oracle="(x_1.T @ dz_1 + x_2.T @ dz_2) / (m * 2)", style="bptt-over-mT")
C(RN, "W_h", N, "h_0.T.dot(dz_1) + h_1.T.dot(dz_2)", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="bptt-Wh-dot")
C(RN, "W_h", N, "h_1.T.dot(dz_2) + h_0.T.dot(dz_2)", "*", oracle="h_1.T @ dz_2 + h_0.T @ dz_2", style="bptt-Wh-same-delta")
C(RN, "z_2", L, r"\delta_{z_2} = (h_2 - y) \odot \left(1 - \tanh^2(z_2)\right)", oracle="(h_2 - y) * (1 - np.tanh(z_2) ** 2)", style="latex-tanh-squared")
C(RN, "z_2", L, r"\delta_{z_2} = (h_2 - y)\,\text{diag}(1 - h_2^{2})", oracle="(h_2 - y) * (1 - h_2 ** 2)", style="latex-text-diag")
C(RN, "z_2", L, r"\delta_{z_2} = h_2 - y", "missing-activation-derivative", oracle="h_2 - y", style="latex-no-tanh-prime")
C(RN, "h_0", N, "dz_1 @ W_h.T", style="dh0")
C(RN, "W_h[0,1]", L, r"\frac{\partial L}{\partial \left(W_{\text{h}}\right)_{12}} = \delta_{\left(z_{1}\right)_{2}} \cdot \left(h_{0}\right)_{1} + \delta_{\left(z_{2}\right)_{2}} \cdot \left(h_{1}\right)_{1}", style="entry-walkthrough-Wh")
C(RN, "b[0,0]", V, "-0.223", lang="zh", style="zh-hand-3sf")
C(RN, "W_h[0,1]", V, "0.219", style="hand-3sf")
C(RN, "W_h[0,1]", V, "0.2192", style="hand-4sf")
C(RN, "W_h[0,1]", V, "0.220", style="hand-one-unit")
C(RN, "W_h[0,1]", V, "0.22", style="hand-2sf")
C(A, "W_v", N, "X.T.dot(A.T).dot(dO)", oracle="X.T @ A.T @ dO", style="dot-chain")
C(A, "W_v", N, "torch.mm(X.t(), torch.mm(A.t(), dO))", oracle="X.T @ A.T @ dO", style="torch-mm-nested")
C(A, "V", N, "A.T @ (2 * (O - T) / O.numel())", oracle="A.T @ (2 * (O - T) / (n * d))", style="numel")
C(A, "W_q", L, r"\frac{\partial L}{\partial W_q} = \frac{1}{\sqrt{d}} X^\top \frac{\partial L}{\partial S} K", oracle="X.T @ dS @ K / np.sqrt(d)", style="latex-Wq")
C(A, "W_k", L, r"\frac{\partial L}{\partial W_k} = \frac{1}{\sqrt{d}} X^\top \left(\frac{\partial L}{\partial S}\right)^\top Q", oracle="X.T @ dS.T @ Q / np.sqrt(d)", style="latex-Wk")
C(A, "W_k", L, r"\frac{\partial L}{\partial W_k} = X^\top \left(\frac{\partial L}{\partial S}\right)^\top Q", "scale-factor", oracle="X.T @ dS.T @ Q", style="latex-Wk-no-sqrt")
C(A, "W_q[0,0]", V, "-0.00386", style="hand-3sf-small")
C(A, "W_v[1,1]", V, "0.376", style="hand-3sf")
C(A, "W_v[1,1]", V, "0.38", style="hand-2sf")
C(A, "W_v[1,1]", V, "0.4", "too-few-digits", style="hand-1sf")
_BNC = (
    "dZ_hat = dY * gamma\ndvar = np.sum(dZ_hat * Z_c, axis=0, keepdims=True) * -0.5 * (var + eps) ** -1.5\n"
    "dmu = -np.sum(dZ_hat, axis=0, keepdims=True) / np.sqrt(var + eps) + dvar * np.mean(-2 * Z_c, axis=0, keepdims=True)\n"
    "dZ = dZ_hat / np.sqrt(var + eps) + dvar * 2 * Z_c / m + dmu / m"
)
C(B, "gamma", N, "torch.sum(dY * Z_hat, dim=0, keepdim=True)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="torch-sum-gamma")
C(B, "beta", N, "dY.sum(0)", oracle="np.sum(dY, axis=0, keepdims=True)", style="torch-sum0-beta")
C(B, "beta", N, "dY.sum(1)", "*", style="torch-sum1-beta")
C(B, "Z", N, _BNC, oracle="(m * dZ_hat - np.sum(dZ_hat, axis=0, keepdims=True) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0, keepdims=True)) / (m * np.sqrt(var + eps))", style="cs231n-staged")
C(B, "Z", N, _BNC.replace(" + dmu / m", ""), "missing-path", style="cs231n-staged-no-mu-path")
C(B, "Z", N, _BNC.replace(" + dvar * 2 * Z_c / m", ""), "missing-path", style="cs231n-staged-no-var-path")
C(B, "gamma[0,1]", V, "1.264", style="hand-4sf")
C(B, "gamma[0,1]", V, "1.265", style="hand-one-unit")
C(B, "W[1,0]", V, "0.508", style="hand-3sf")
C(B, "W[1,0]", V, "-0.508", "sign", style="hand-sign")
C(B, "W[0,0]", V, "-0.3047", style="hand-4sf")
C(B, "gamma[0,0]", V, "0.73", lang="zh", style="zh-hand-2sf")
C(S, "W", N, "X.T @ (np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Y) / m", oracle="X.T @ (P - Y) / m", style="softmax-by-hand")
C(S, "W", N, "X.T @ (np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True) - Y) / m", "*", style="softmax-by-hand-axis0")
C(S, "W", N, "torch.matmul(X.T, torch.softmax(Z, dim=1) - Y) / X.shape[0]", oracle="X.T @ (P - Y) / m", style="d2l-matmul")
C(S, "b", N, "np.mean(P - Y, axis=0, keepdims=True)", oracle="np.mean(P - Y, axis=0, keepdims=True)", style="b-mean")
C(S, "Z", L, r"\frac{\partial J}{\partial Z} = \frac{1}{m}\left(\operatorname{softmax}(Z) - Y\right)", oracle="(P - Y) / m", style="latex-operatorname-dZ")
C(S, "Z", L, r"\frac{\partial J}{\partial Z} = \operatorname{softmax}(Z) - Y", "scale-factor", oracle="P - Y", style="latex-operatorname-dZ-no-m")
C(S, "W[1,1]", V, "0.396", style="hand-3sf")
C(S, "W[1,1]", V, "0.792", "scale-factor", style="hand-doubled")
C(S, "b[0,2]", V, "-0.297", style="hand-3sf")
C(S, "b[0,2]", V, "-0.2975", style="hand-4sf")
C(M, "b1", L, r"\frac{\partial L}{\partial \mathbf{b}^{[1]}} = \mathbf{1}^\top\left(\boldsymbol{\delta}^{[2]}\mathbf{W}^{[2]\top}\odot\mathbb{1}[\mathbf{Z}^{[1]}>0]\right)", oracle="np.sum(dZ2 @ W2.T * (Z1 > 0), axis=0, keepdims=True)", style="latex-b1-ones")
C(M, "b1", L, r"\frac{\partial L}{\partial \mathbf{b}^{[1]}} = \boldsymbol{\delta}^{[2]}\mathbf{W}^{[2]\top}\odot\mathbb{1}[\mathbf{Z}^{[1]}>0]", "bias-not-summed", style="latex-b1-unsummed")
C(M, "W1[1,1]", V, "0.0791", style="hand-3sf")
C(M, "W1[1,1]", V, "0.079", style="hand-2sf")
C(M, "W1[1,1]", V, "0.08", "too-few-digits", style="hand-1sf")
C(T, "w12", N, "dh2_raw * x1", style="entry-label-delta-w12")
C(T, "W2[0,0]", L, r"\frac{\partial L}{\partial v_{1}} = \delta_{y_{\text{pred}}} \cdot h_{1}", style="entry-walkthrough-v1")
C(T, "W2[0,0]", L, r"\frac{\partial L}{\partial v_{1}} = \delta_{y_{\text{pred}}} \cdot h_{2}", "*", style="entry-walkthrough-v1-h2")
C(T, "w11", V, "-0.01367", style="hand-4sf")
C(E, "w0", L, r"\frac{\partial L}{\partial w_0} = (O - t)\,\sigma'(z)\,x_0", style="entry-latex-sigma-prime")

# ================================================================ round b (written after round a's fixes,
# before running the checker on any of these)
_round = "b"
C(RN, "W_x", L, r"\nabla_{\mathbf{W}_x} L = \mathbf{x}_1^\top \boldsymbol{\delta}_{z_1} + \mathbf{x}_2^\top \boldsymbol{\delta}_{z_2}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="nabla-bold-steps")
C(RN, "W_x", L, r"\frac{\partial L}{\partial W_x} = \sum_{t} x_t^{\top} \delta_{z_t}", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="latex-sum-t-bare")
C(RN, "W_x", L, r"\frac{\partial L}{\partial W_x} = x_2^{\top} \delta_{z_2}", "missing-path", oracle="x_2.T @ dz_2", style="latex-last-step")
C(RN, "b", L, r"\frac{\partial L}{\partial b} = \sum_{t=1}^{2} \mathbf{1}^\top \delta_{z_t}", oracle="np.sum(dz_1 + dz_2, axis=0, keepdims=True)", style="latex-b-sum-t")
C(RN, "h_1", N, "dz_2.dot(W_h.T)", oracle="dz_2 @ W_h.T", style="dh1-dot")
C(RN, "z_1", N, "(dz_2 @ W_h.T) * (1 - np.tanh(z_1) ** 2)", oracle="dz_2 @ W_h.T * (1 - np.tanh(z_1) ** 2)", style="dz1-np-tanh")
C(RN, "z_1", N, "(dz_2 @ W_h.T) * (1 - np.tanh(z_1)) ** 2", "*", oracle="dz_2 @ W_h.T * (1 - np.tanh(z_1)) ** 2", style="dz1-square-misplaced")
C(RN, "z_1", L, r"$\boldsymbol{\delta}_{z_1}=\left(\boldsymbol{\delta}_{z_2}\boldsymbol{W}_h^{\mathrm{T}}\right)\odot\left(1-\boldsymbol{h}_1\odot\boldsymbol{h}_1\right)$", lang="zh", oracle="dz_2 @ W_h.T * (1 - h_1 ** 2)", style="zh-dz1-bold")
C(RN, "W_h", N, "h_0.T @ dz_1 + h_1.T @ dz_2 + h_2.T @ dz_2", "*", oracle="h_0.T @ dz_1 + h_1.T @ dz_2 + h_2.T @ dz_2", style="bptt-extra-step")
C(RN, "W_h[0,0]", V, "-0.0579", style="hand-3sf")
C(RN, "W_h[0,0]", V, "-0.058", style="hand-2sf")
C(RN, "W_h[0,0]", V, "-0.06", "too-few-digits", lang="zh", style="zh-hand-1sf")
C(RN, "W_h[1,0]", V, "0.0491", style="hand-3sf")
C(RN, "W_h[1,0]", V, "0.0492", style="hand-one-unit")
C(RN, "W_h[1,0]", V, "0.0983", "scale-factor", style="hand-doubled")
C(RN, "W_x[1,1]", V, "0.51", style="hand-2sf")
C(RN, "W_x[1,1]", V, "0.51", "too-few-digits", opts={"digits": 3}, style="digits3-2sf")
C(RN, "W_x[1,1]", V, "0.5", opts={"rtol": 0.05}, style="rtol5pc")
C(RN, "W_x[1,1]", V, "-0.512", "sign", style="hand-sign")
C(A, "V", N, "np.dot(A.T, dO)", oracle="A.T @ dO", style="np-dot-dV")
C(A, "V", N, "np.dot(A, dO)", "*", oracle="A @ dO", style="np-dot-dV-no-T")
C(A, "O", N, "2 * (O - T) / O.size", oracle="2 * (O - T) / (n * d)", style="dO-size")
C(A, "O", N, "(O - T) / O.size", "scale-factor", oracle="(O - T) / (n * d)", style="dO-size-no-2")
C(A, "O", N, "2 * (O - T)", "scale-factor", oracle="2 * (O - T)", style="dO-sse")
C(A, "A", N, "dO.dot(V.T)", oracle="dO @ V.T", style="dA-dot")
C(A, "S", N, "A * dA - A * (A * dA).sum(axis=1, keepdims=True)", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="softmax-backward-method-sum")
C(A, "S", N, "A * dA - A * (A * dA).sum(axis=1, keepdims=True) / n", "*", oracle="A * dA - A * np.sum(A * dA, axis=1, keepdims=True) / n", style="softmax-backward-over-n")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \frac{1}{\sqrt{d}}\frac{\partial L}{\partial S}K", oracle="dS @ K / np.sqrt(d)", style="latex-dQ")
C(A, "Q", L, r"\frac{\partial L}{\partial Q} = \frac{1}{d}\frac{\partial L}{\partial S}K", "scale-factor", oracle="dS @ K / d", style="latex-dQ-over-d")
C(A, "K", L, r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}}\frac{\partial L}{\partial S}Q", "*", oracle="dS @ Q / np.sqrt(d)", style="latex-dK-no-T")
C(A, "W_v[0,1]", V, "0.153", style="hand-3sf")
C(A, "W_k[1,1]", V, "0.0101", style="hand-3sf")
C(A, "W_k[1,1]", V, "0.0142", "scale-factor", style="hand-no-sqrt")
C(A, "W_q[0,1]", V, "-0.00601", style="hand-3sf")
C(B, "beta", L, r"\frac{\partial L}{\partial \boldsymbol{\beta}} = \mathbf{1}^{\top}\frac{\partial L}{\partial Y}", oracle="np.sum(dY, axis=0, keepdims=True)", style="latex-beta-ones")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} \frac{\partial L}{\partial Y^{(i)}}", "*", oracle="np.sum(dY, axis=0, keepdims=True)", style="latex-gamma-as-beta")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \frac{\partial L}{\partial Y} \odot \gamma", oracle="dY * gamma", style="latex-dZhat")
C(B, "Z_hat", L, r"\frac{\partial L}{\partial \hat{Z}} = \frac{\partial L}{\partial Y}", "*", oracle="dY", style="latex-dZhat-no-gamma")
C(B, "Y", N, "2 * (Y - T) / Y.size", oracle="2 * (Y - T) / (m * n)", style="dY-size")
C(B, "Y", N, "2 * (Y - T) / m", "scale-factor", oracle="2 * (Y - T) / m", style="dY-rows-only")
C(B, "Y", N, "(Y - T) ** 2 / (m * n)", "*", oracle="(Y - T) ** 2 / (m * n)", style="dY-the-loss")
C(B, "W", N, "X.T @ ((m * dZ_hat - dZ_hat.sum(axis=0) - Z_hat * (dZ_hat * Z_hat).sum(axis=0)) / (m * np.sqrt(var + eps)))", oracle="X.T @ dZ", style="W-compact-1d-sums")
C(B, "W", N, "X.T @ (dZ_hat / np.sqrt(var + eps))", "missing-path", oracle="X.T @ (dZ_hat / np.sqrt(var + eps))", style="W-no-mean-var")
C(B, "gamma[0,1]", V, "1.3", style="hand-2sf")
C(B, "beta[0,0]", V, "0.10", style="hand-exact-2sf")
C(B, "beta[0,0]", V, "0.11", "*", style="hand-exact-off")
C(B, "W[0,1]", V, "-0.114", style="hand-3sf")
C(B, "W[1,1]", V, "-0.0567", style="hand-3sf")
C(B, "W[1,1]", V, "-0.0568", style="hand-one-unit")
C(S, "W", N, "X.T.dot(probs - Y) / m", oracle="X.T @ (P - Y) / m", style="probs-alias")
C(S, "W", N, "X.T.dot(probs - Y) / m + W", "*", oracle="X.T @ (P - Y) / m + W", style="probs-extra-W")
C(S, "Z", N, "probs - Y", "scale-factor", oracle="P - Y", style="probs-no-m")
C(S, "W", L, r"\frac{\partial J}{\partial \mathbf{W}} = \frac{1}{m}\sum_{i=1}^{m} \mathbf{x}^{(i)\top}\left(\operatorname{softmax}(\mathbf{z}^{(i)}) - \mathbf{y}^{(i)}\right)", oracle="X.T @ (P - Y) / m", style="latex-per-example-softmax")
C(S, "W", L, r"\frac{\partial J}{\partial W} = \frac{1}{m} X^{\top}\left(\frac{\partial L}{\partial P}\right)", "*", oracle="X.T @ dP / m", style="latex-dP-for-dZ")
C(S, "Z", L, r"\frac{\partial J}{\partial Z} = \frac{1}{m}(P - Y) \odot P \odot (1 - P)", "*", oracle="(P - Y) * P * (1 - P) / m", style="latex-extra-sigmoid-prime")
C(S, "b[0,0]", V, "-0.0735", style="hand-3sf")
C(S, "b[0,0]", V, "-0.073", style="hand-2sf")
C(S, "b[0,0]", V, "-0.07", "too-few-digits", style="hand-1sf")
C(S, "W[1,2]", V, "-0.743", style="hand-3sf")
C(S, "W[1,2]", V, "-1.49", "scale-factor", style="hand-no-m")
C(S, "W", V, "[[0.585, -0.0903, -0.495], [0.347, 0.396, -0.743]]", lang="zh", style="zh-hand-matrix")
C(M, "W2", L, r"\frac{\partial J}{\partial \mathbf{W}^{[2]}} = \frac{1}{m}\left(\mathbf{A}^{[1]}\right)^{\mathsf{T}}\left(\mathbf{A}^{[2]}-\mathbf{Y}\right)", oracle="A1.T @ (A2 - Y) / m", style="mathsf-T")
C(M, "W1", L, r"\frac{\partial J}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}\{Z^{[1]} > 0\}\right]", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", style="indicator-braces-inline")
C(M, "W1", L, r"\frac{\partial J}{\partial W^{[1]}} = X^{\top}\left[(A^{[2]} - Y) W^{[2]\top} \odot \mathbb{1}\{Z^{[1]} > 0\}\right]", "scale-factor", oracle="X.T @ ((A2 - Y) @ W2.T * (Z1 > 0))", style="indicator-braces-inline-no-m")
C(M, "W1", L, r"\frac{\partial J}{\partial W^{[1]}} = \frac{1}{m} X^{\top}\left[(A^{[2]} - Y) W^{[2]\top}\right]", "missing-activation-derivative", oracle="X.T @ ((A2 - Y) @ W2.T) / m", style="inline-no-mask")
C(M, "b2", L, r"\frac{\partial J}{\partial b^{[2]}} = \frac{1}{m}\mathbf{1}^\top(A^{[2]} - Y)", oracle="np.sum(A2 - Y, axis=0, keepdims=True) / m", style="latex-b2-ones")
C(MW, "Z2", N, "(A2 - w * Y) / m", "*", oracle="(A2 - 3 * Y) / m", style="weighted-naive")
C(MW, "b2", N, "np.sum((1 - Y) * A2 - w * Y * (1 - A2), axis=0, keepdims=True) / m", oracle="np.sum((1 - Y) * A2 - 3 * Y * (1 - A2), axis=0, keepdims=True) / m", style="weighted-b2")
C(T, "w21", N, "dh1_raw * x2", style="entry-label-w21")
C(T, "v2", L, r"\frac{\partial L}{\partial v_{2}} = \delta_{y_{\text{pred}}} \cdot h_{2}", style="entry-walkthrough-v2")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = \delta_{h_{1,\text{raw}}} \cdot x_{1}", style="entry-walkthrough-w11")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = \delta_{h_{1,\text{raw}}} \cdot x_{2}", "*", style="entry-walkthrough-w11-x2")
C(B, "beta[0,0]", L, r"\frac{\partial L}{\partial \beta_{1}} = \delta_{Y_{11}} + \delta_{Y_{21}} + \delta_{Y_{31}}", style="entry-walkthrough-beta")
C(S, "b[0,1]", L, r"\frac{\partial L}{\partial b_{2}} = \delta_{Z_{12}} + \delta_{Z_{22}}", style="entry-walkthrough-b")
C(S, "b[0,1]", L, r"\frac{\partial L}{\partial b_{2}} = \delta_{Z_{21}} + \delta_{Z_{22}}", "*", style="entry-walkthrough-b-row")
C(RN, "b[0,1]", L, r"\frac{\partial L}{\partial b_{2}} = \delta_{\left(z_{1}\right)_{2}} + \delta_{\left(z_{2}\right)_{2}}", style="entry-walkthrough-b")
C(RN, "b[0,1]", L, r"\frac{\partial L}{\partial b_{2}} = \delta_{\left(z_{2}\right)_{2}}", "*", style="entry-walkthrough-b-one-step")
C(M, "W1[1,0]", N, "np.sum(dZ1[:, 0] * X[:, 1])", style="entry-batch-slices")
C(R, "w2[1,0]", N, "2 * np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 1])", style="entry-sse-slices")
C(R, "w2[1,0]", N, "np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 1]) / n", "scale-factor", style="entry-mse-slices")
C(M, "W2", N, "jax.grad(loss)(W2)", REFUSE, style="jax-grad-call", must=("jax.grad",))
C(M, "W2", L, r"$\frac{\partial L}{\partial W^{[2]}}=\boldsymbol{a}^{[1](i)\mathrm{T}}(\hat{y}^{(i)}-y^{(i)})$", REFUSE, lang="zh", style="zh-per-example-outside-sum")

# ================================================================ round c (written after round b's fix,
# before running the checker on any of these)
_round = "c"
C(M, "W2", L, r"\mathbf{g} \leftarrow \hat{\mathbf{y}} - \mathbf{y} \\ \nabla_{\mathbf{W}^{[2]}} J = \frac{1}{m}\mathbf{A}^{[1]\top}\mathbf{g}", oracle="A1.T @ (A2 - Y) / m", style="goodfellow-leftarrow")
C(A, "V", L, r"\frac{\partial L}{\partial V} = \operatorname{softmax}\left(\frac{QK^\top}{\sqrt{d}}\right)^{\top}\frac{\partial L}{\partial O}", oracle="A.T @ dO", style="latex-softmax-scores")
C(A, "V", L, r"\frac{\partial L}{\partial V} = \operatorname{softmax}\left(QK^\top\right)^{\top}\frac{\partial L}{\partial O}", "*", style="latex-softmax-scores-no-sqrt")
C(E, "z", L, r"\frac{\partial L}{\partial z} = \frac{\partial L}{\partial O}\,\sigma'(z)", oracle="dO * O * (1 - O)", style="leibniz-sigma-prime")
C(CH, "x", L, r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial x}", oracle="2 * v * w", style="leibniz-dx")
C(CH, "x", L, r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial v}\frac{\partial v}{\partial u}", "*", oracle="2 * v", style="leibniz-dx-short")
C(CH, "u", V, "20.0", style="hand-exact-decimal")
C(CH, "v", V, "20", style="hand-exact")
C(CH, "v", V, "10", "*", style="hand-v-itself")
C(CH, "w", V, "40.00", style="hand-exact-4sf")
C(E, "w", N, "(O - t) * O * (1 - O) * x / n", "scale-factor", oracle="(O - t) * O * (1 - O) * x / n", style="over-n")
C(E, "w", L, r"\nabla_{\mathbf{w}} L = (O - t)\,\sigma(z)(1 - \sigma(z))\,\mathbf{x}", oracle="(O - t) * O * (1 - O) * x", style="nabla-bold-w")
C(E, "w", L, r"\nabla_{\mathbf{w}} L = (O - t)\,\sigma(z)(1 - \sigma(z))\,\mathbf{w}", "*", oracle="(O - t) * O * (1 - O) * w", style="nabla-bold-w-for-x")
C(R, "w1", N, "x.T.dot(2 * (y_pred - y).dot(w2.T) * (h > 0))", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="w1-inline-dot")
C(R, "w1", N, "x.T.dot(2 * (y_pred - y).dot(w2.T) * (h_relu > 0))", oracle="x.T @ (2 * (y_pred - y) @ w2.T * (h > 0))", style="w1-mask-on-relu")
C(R, "w1", N, "x.T.dot(2 * (y_pred - y).dot(w2.T) * h_relu)", "*", oracle="x.T @ (2 * (y_pred - y) @ w2.T * h_relu)", style="w1-values-for-mask")
C(R, "y_pred", N, "2 * (y_pred - y) / (n * D_out)", "scale-factor", oracle="2 * (y_pred - y) / (n * D_out)", style="mse-for-sse")
C(M, "A2", N, "(A2 - Y) / (A2 * (1 - A2) * m)", oracle="(-Y / A2 + (1 - Y) / (1 - A2)) / m", style="dA2-combined")
C(M, "A2", N, "(A2 - Y) / m", "*", oracle="(A2 - Y) / m", style="dZ2-for-dA2")
C(M, "Z2", N, "(A2 - Y) / m * A2 * (1 - A2)", "*", oracle="(A2 - Y) / m * A2 * (1 - A2)", style="extra-sigma-prime")
C(M, "W1", N, "X.T @ (((A2 - Y) / m) @ W2.T * np.heaviside(Z1, 0))", oracle="X.T @ (((A2 - Y) / m) @ W2.T * (Z1 > 0))", style="heaviside-0")
C(M, "W1", N, "X.T @ (((A2 - Y) / m) @ W2.T * np.heaviside(Z1, 1))", "relu-at-zero", style="heaviside-1")
C(S, "P", N, "-Y / P / m", oracle="-Y / (m * P)", style="dP")
C(S, "P", N, "-Y / P", "scale-factor", oracle="-Y / P", style="dP-no-m")
C(A, "V[0,0]", V, "-0.227", style="hand-3sf")
C(A, "K[0,1]", V, "-0.0201", style="hand-3sf")
C(A, "S[1,1]", V, "0.0775", style="hand-3sf")
C(A, "S[1,1]", V, "0.0776", style="hand-one-unit")
C(A, "S[1,0]", V, "0.0775", "sign", style="hand-sign")
C(B, "var[0,0]", V, "-1.40", style="hand-3sf")
C(B, "var[0,0]", V, "-1.395", style="hand-4sf")
C(B, "var[0,0]", V, "-1.4", style="hand-2sf")
C(B, "mu[0,1]", V, "0.892", style="hand-3sf")
C(RN, "z_2[0,1]", V, "0.526", style="hand-3sf")
C(RN, "h_1[0,0]", V, "-0.190", style="hand-3sf")
C(RN, "W_x", L, r"$\frac{\partial L}{\partial W_x}=x_1^{\mathrm{T}}\delta_{z_2}+x_2^{\mathrm{T}}\delta_{z_1}$", "*", lang="zh", oracle="x_1.T @ dz_2 + x_2.T @ dz_1", style="zh-steps-swapped")
C(A, "W_v", L, r"$\frac{\partial L}{\partial W_v}=X^{\mathrm{T}}A^{\mathrm{T}}\frac{\partial L}{\partial O}$", lang="zh", oracle="X.T @ A.T @ dO", style="zh-Wv")
C(B, "Z", L, r"$\frac{\partial L}{\partial Z}=\frac{\partial L}{\partial \hat{Z}}\cdot\frac{1}{\sqrt{\sigma^2+\epsilon}}$", "missing-path", lang="zh", oracle="dZ_hat / np.sqrt(var + eps)", style="zh-no-mean-var")
C(S, "Z", L, r"$\frac{\partial J}{\partial Z}=\frac{1}{m}(P-Y)$", lang="zh", oracle="(P - Y) / m", style="zh-dZ")
C(T, "w12", V, "-0.0163", lang="zh", style="zh-hand-4sf")
C(T, "w12", V, "约 -0.0163", style="hand-yue")
C(T, "w22", V, "∂L/∂w22 = -0.00327", style="hand-label-partial")
C(M, "W2[0,0]", V, "−0.176", style="hand-unicode-minus")
C(M, "W2[0,0]", V, r"-1.76 \times 10^{-1}", style="hand-latex-times-ten")
C(M, "b2[0,0]", V, "0.0604", style="hand-3sf")
C(M, "b2[0,0]", V, "0.121", "scale-factor", style="hand-doubled")
C(M, "b2[0,0]", V, "0.0302", "scale-factor", style="hand-halved")
C(R, "w1", N, "x.T @ (dh_relu * np.piecewise(h, [h > 0], [1, 0]))", REFUSE, style="piecewise-call", must=("np.piecewise",))

# ================================================================ round d (written after round c's fixes,
# before running the checker on any of these)
_round = "d"
_KR = "(1. / m) * gamma * (var + eps) ** (-1. / 2.) * (m * dY - np.sum(dY, axis=0) - (Z - mu) * (var + eps) ** (-1.0) * np.sum(dY * (Z - mu), axis=0))"
C(S, "W", L, r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial P}\frac{\partial P}{\partial Z}\frac{\partial Z}{\partial W}", oracle="X.T @ (P - Y) / m", style="leibniz-softmax-chain")
C(A, "W_v", L, r"\frac{\partial L}{\partial W_v} = \frac{\partial L}{\partial O}\frac{\partial O}{\partial V}\frac{\partial V}{\partial W_v}", oracle="X.T @ A.T @ dO", style="leibniz-Wv")
C(A, "W_q", L, r"\frac{\partial L}{\partial W_q} = \frac{\partial L}{\partial S}\frac{\partial S}{\partial Q}\frac{\partial Q}{\partial W_q}", oracle="X.T @ dS @ K / np.sqrt(d)", style="leibniz-Wq")
C(A, "W_q", L, r"\frac{\partial L}{\partial W_q} = \frac{\partial L}{\partial A}\frac{\partial S}{\partial Q}\frac{\partial Q}{\partial W_q}", "*", oracle="X.T @ dA @ K / np.sqrt(d)", style="leibniz-Wq-softmax-skipped")
C(B, "gamma", L, r"\frac{\partial L}{\partial \gamma} = \frac{\partial L}{\partial Y}\frac{\partial Y}{\partial \gamma}", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="leibniz-gamma")
C(B, "W", L, r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial Z}\frac{\partial Z}{\partial W}", oracle="X.T @ dZ", style="leibniz-W")
C(RN, "z_2", N, "dL/dh_2 * dh_2/dz_2", oracle="dh_2 * (1 - h_2 ** 2)", style="text-leibniz")
C(RN, "W_h", N, "dL/dz_2 * dz_2/dW_h + dL/dz_1 * dz_1/dW_h", oracle="h_1.T @ dz_2 + h_0.T @ dz_1", style="text-leibniz-two-paths")
C(S, "Z", N, "dL/dP * dP/dZ", oracle="(P - Y) / m", style="text-leibniz-softmax")
C(M, "W2", N, "A1.T @ (A2 - Y) / m  # dW2", oracle="A1.T @ (A2 - Y) / m", style="trailing-comment")
C(M, "W2", N, "dW2 = (1 / m) * A1.T @ (A2 - Y);", oracle="A1.T @ (A2 - Y) / m", style="trailing-semicolon")
C(M, "W2", N, "np.dot(A1.T, A2 - Y) * (1.0 / m)", oracle="A1.T @ (A2 - Y) / m", style="times-one-over-m")
C(M, "W2", N, "np.dot(A1.T, A2 - Y) * (1 / n_h)", "scale-factor", oracle="A1.T @ (A2 - Y) / n_h", style="wrong-size-n_h")
C(S, "W", N, "X.T @ (np.exp(Z - Z.max(axis=1, keepdims=True)) / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True) - Y) / m", oracle="X.T @ (P - Y) / m", style="stable-softmax")
C(A, "S", N, "A * (dA - (dA * A).sum(-1, keepdims=True))", oracle="A * (dA - np.sum(dA * A, axis=1, keepdims=True))", style="softmax-backward-positional-axis")
C(A, "S", N, "(np.diagflat(A) - A.T @ A) @ dA", REFUSE, style="diagflat-call", must=("np.diagflat",))
C(B, "Z", N, _KR, oracle="(m * dZ_hat - np.sum(dZ_hat, axis=0, keepdims=True) - Z_hat * np.sum(dZ_hat * Z_hat, axis=0, keepdims=True)) / (m * np.sqrt(var + eps))", style="kratzert-compact")
C(B, "Z", N, _KR.replace(" * gamma", ""), "*", style="kratzert-compact-no-gamma")
C(B, "gamma", N, "np.sum(dY * (Z - mu) / np.sqrt(var + eps), axis=0)", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="gamma-written-out")
C(B, "gamma", N, "np.sum(dY * (Z - mu), axis=0)", "*", oracle="np.sum(dY * (Z - mu), axis=0, keepdims=True)", style="gamma-unnormalised")
C(RN, "W_x", N, "np.dot(x_1.T, dz_1) + np.dot(x_2.T, dz_2)", oracle="x_1.T @ dz_1 + x_2.T @ dz_2", style="np-dot-steps")
C(RN, "W_x", N, "np.dot(x_1.T, dz_1) + np.dot(x_2.T, dz_2) / 2", "*", oracle="x_1.T @ dz_1 + x_2.T @ dz_2 / 2", style="np-dot-one-step-halved")
C(RN, "z_2", N, "dh_2 * (1 - h_2 * h_2)", oracle="dh_2 * (1 - h_2 ** 2)", style="dz2-h-times-h")
C(RN, "z_2", N, "dh_2 * (1 - h_2 * h_2) / m", "scale-factor", oracle="dh_2 * (1 - h_2 ** 2) / m", style="dz2-extra-m", note="m = 1 in the example: wrong where m differs")
C(RN, "W_h[1,1]", V, "-0.27", opts={"digits": 2}, style="digits2")
C(RN, "W_h[1,1]", V, "-0.28", "*", opts={"digits": 2}, style="digits2-off")
C(RN, "W_h[1,1]", V, "-0.2743", opts={"rtol": 0.001}, style="rtol-0.1pc")
C(RN, "W_h[1,1]", V, "-0.276", "*", opts={"rtol": 0.001}, style="rtol-0.1pc-outside")
C(A, "W_v[1,0]", V, "-0.308", style="hand-3sf")
C(A, "W_v[1,0]", V, "-0.3080", style="hand-4sf-trailing-zero")
C(A, "W_v[1,0]", V, "-3.08e-1", style="hand-exponent")
C(A, "W_v[1,0]", V, "-0.616", "scale-factor", style="hand-doubled")
C(B, "W[0,0]", V, "-0.30", style="hand-2sf")
C(S, "W[0,1]", V, "-0.0903", style="hand-3sf")
C(S, "W[0,1]", V, "-0.090", style="hand-2sf-trailing-zero")
C(S, "W[0,1]", V, "-0.09", "too-few-digits", style="hand-1sf")
C(T, "W1", V, "[[-0.01367, -0.01635], [-0.002734, -0.003270]]", style="hand-matrix-4sf")
C(M, "W1", L, r"$\frac{\partial L}{\partial W^{[1]}}=X^{\mathrm{T}}\left(\delta^{[2]}W^{[2]\mathrm{T}}\odot\sigma'(Z^{[1]})\right)$", "wrong-activation-derivative", lang="zh", style="zh-sigma-prime-for-relu")
C(A, "Q", L, r"$\frac{\partial L}{\partial Q}=\frac{1}{\sqrt{d}}\frac{\partial L}{\partial S}K$，其中 $d$ 是键向量的维度。", lang="zh", oracle="dS @ K / np.sqrt(d)", style="zh-dQ-where")

# ================================================================ round e (written after round d's run,
# before running the checker on any of these): wrong answers that fit the example's square shapes
_round = "e"
C(A, "W_q", N, "X @ dQ", "*", oracle="X @ dQ", style="square-X-not-transposed")
C(A, "W_q", N, "dQ.T @ X", "*", oracle="dQ.T @ X", style="square-transposed-result")
C(A, "W_q", N, "X.T @ dQ.T", "*", oracle="X.T @ dQ.T", style="square-dQ-transposed")
C(A, "W_k", N, "X.T @ dS @ Q / np.sqrt(d)", "*", oracle="X.T @ dS @ Q / np.sqrt(d)", style="square-dS-not-transposed")
C(S, "W", N, "X.T @ (P - Y) / n", "scale-factor", oracle="X.T @ (P - Y) / n", style="n-for-m-equal-sizes")
C(RN, "W_x", N, "h_0.T @ dz_1 + h_1.T @ dz_2", "*", oracle="h_0.T @ dz_1 + h_1.T @ dz_2", style="Wh-formula-for-Wx")
C(RN, "W_x", N, "x_1.T @ dh_1 + x_2.T @ dh_2", "missing-activation-derivative", oracle="x_1.T @ dh_1 + x_2.T @ dh_2", style="dh-for-dz")
C(RN, "W_h", N, "h_0.T @ (dz_2 @ W_h.T) + h_1.T @ dz_2", "*", oracle="h_0.T @ (dz_2 @ W_h.T) + h_1.T @ dz_2", style="step1-no-tanh-prime")
C(B, "beta", N, "np.sum(dY, axis=0, keepdims=True) / n", "scale-factor", oracle="np.sum(dY, axis=0, keepdims=True) / n", style="beta-over-n")
C(B, "gamma", N, "np.sum(2 * (Y - T) / (m * m) * Z_hat, axis=0, keepdims=True)", "scale-factor", oracle="np.sum(2 * (Y - T) / (m * m) * Z_hat, axis=0, keepdims=True)", style="gamma-m-squared")
C(E, "w", N, "(O - t) * O * (1 - O) * x.T", "*", style="neuron-x-transposed")
C(M, "W2", N, "Z1.T @ (A2 - Y) / m", "*", oracle="Z1.T @ (A2 - Y) / m", style="Z1-for-A1")
C(M, "W1", N, "X.T @ (dA1 * (A1 > 0))", oracle="X.T @ (dA1 * (Z1 > 0))", style="mask-on-A1")
C(M, "W1", N, "X.T @ (dA1 * (A1 >= 0))", "*", oracle="X.T @ dA1", style="mask-always-one")
C(M, "b1", N, "np.sum(dZ1, axis=1, keepdims=True).T", "*", oracle="np.sum(dZ1, axis=1, keepdims=True).T", style="b1-axis1-transposed")
C(S, "b", N, "np.sum(P - Y, axis=1, keepdims=True).T / m", "*", style="b-axis1-transposed")
C(T, "W1", N, "X.T @ (dh * h * (1 - h))", style="tiny-W1")
C(T, "W1", N, "X.T @ (dh * h_raw * (1 - h_raw))", "*", style="tiny-W1-prime-of-raw")
C(T, "W1", N, "X.T @ dh", "missing-activation-derivative", style="tiny-W1-no-prime")
C(T, "W2", N, "h.T @ (y_pred - y_target)", style="tiny-W2")
C(T, "W2", N, "h_raw.T @ (y_pred - y_target)", "*", style="tiny-W2-raw")
C(CH, "b", N, "2 * u", "*", oracle="2 * u", style="chain-db-u")
C(CH, "w", N, "2 * v * w", "*", oracle="2 * v * w", style="chain-dw-w")
C(R, "w2", N, "h.T @ (2 * (y_pred - y))", "*", oracle="h.T @ (2 * (y_pred - y))", style="pre-relu-for-relu")
C(R, "w1", N, "x.T @ (2 * (y_pred - y) @ w2.T)", "missing-activation-derivative", oracle="x.T @ (2 * (y_pred - y) @ w2.T)", style="no-relu-mask")
C(MW, "W2", N, "A1.T @ (A2 - Y) / m", "weighted-loss-not-simplifiable", oracle="A1.T @ (A2 - Y) / m", style="unweighted-W2")
C(MW, "W2", N, "w * A1.T @ (A2 - Y) / m", "*", oracle="3 * A1.T @ (A2 - Y) / m", style="weight-everywhere")
C(A, "O", L, r"\frac{\partial L}{\partial O} = \frac{2}{n}(O - T)", "scale-factor", oracle="2 * (O - T) / n", style="latex-dO-rows")
C(A, "V", L, r"\frac{\partial L}{\partial V} = \frac{\partial L}{\partial O} A^{\top}", "*", oracle="dO @ A.T", style="latex-dV-order")
C(B, "W", L, r"\frac{\partial L}{\partial W} = X^{\top} \frac{\partial L}{\partial \hat{Z}}", "missing-path", oracle="X.T @ dZ_hat", style="latex-W-through-Zhat-only")
C(S, "W", L, r"\frac{\partial J}{\partial W} = \frac{1}{m} X^{\top}(Y - P)", "sign", oracle="X.T @ (Y - P) / m", style="latex-sign")
C(RN, "W_h", L, r"\frac{\partial L}{\partial W_h} = \sum_{t=1}^{2} h_{t}^{\top}\delta_{z_t}", "*", oracle="h_1.T @ dz_1 + h_2.T @ dz_2", style="latex-sum-t-off-by-one")

# ================================================================ round f (written after round e's fix,
# before running the checker on any of these): every kind of finding under --lang zh
_round = "f"
Z = "zh"
C(M, "W2", N, "A1 @ dZ2", "missing-transpose", lang=Z, style="zh-missing-transpose")
C(M, "W2", N, "dZ2.T @ A1", "*", lang=Z, style="zh-transposed-result")
C(M, "b2", N, "np.sum(dZ2, axis=1, keepdims=True)", "*", lang=Z, style="zh-sum-axis")
C(M, "b1", N, "dZ1", "bias-not-summed", lang=Z, style="zh-bias-not-summed")
C(M, "W1", N, "X.T @ (dA1 * (Z1 >= 0))", "relu-at-zero", lang=Z, style="zh-relu-at-zero")
C(M, "W2", N, "A1.T @ dW2", "*", lang=Z, style="zh-circular")
C(M, "W2", N, "A1.T @ (A2 - Y) / 2", "*", lang=Z, style="zh-size-as-number")
C(MW, "Z2", N, "(A2 - Y) / m", "weighted-loss-not-simplifiable", lang=Z, style="zh-weighted")
C(T, "w12", N, "v2 * h2 * (1 - h2) * x1", "missing-factor", lang=Z, style="zh-missing-factor")
C(T, "w12", V, "-0.0137", "wrong-entry", lang=Z, style="zh-wrong-entry")
C(T, "w12", V, "-0.02", "too-few-digits", lang=Z, style="zh-too-few-digits")
C(CH, "w", V, "40.4", "*", lang=Z, style="zh-exact-off")
C(S, "W", N, "X @ (P - Y) / m", "*", lang=Z, style="zh-shape")
C(S, "W", L, r"\frac{1}{m} X (P - Y)", "*", lang=Z, style="zh-latex-shape")
C(A, "Q", N, "dS @ K / d", "scale-factor", lang=Z, style="zh-over-d")
C(B, "Z", N, "dZ_hat / np.sqrt(var + eps)", "missing-path", lang=Z, style="zh-missing-path")
C(RN, "W_h", N, "h_1.T @ dz_1 + h_0.T @ dz_2", "*", lang=Z, style="zh-unknown")
C(RN, "W_x", N, "x_1.T @ dh_1 + x_2.T @ dh_2", "missing-activation-derivative", lang=Z, style="zh-bptt-no-tanh-prime")
C(M, "W2", N, "A1.T @ (A2 - Y) / m +", REFUSE, lang=Z, style="zh-syntax-error")
C(M, "W2", N, "A1.T @ dZ3", REFUSE, lang=Z, style="zh-unknown-name")
C(M, "W2", L, r"\frac{1}{m} A^{[1]\top} (A^{[2]} - Y", REFUSE, lang=Z, style="zh-latex-unclosed")
C(T, "w12", V, "-0.0163abc", REFUSE, lang=Z, style="zh-bad-number")

# ================================================================ round g (written after round f's run,
# before running the checker on any of these): entries by index and more hand numbers
_round = "g"
C(A, "W_v[0,0]", N, "(X.T @ A.T @ dO)[0, 0]", style="entry-of-an-expression")
C(B, "gamma[0,1]", N, "np.sum(dY[:, 1] * Z_hat[:, 1])", style="entry-batch-slices")
C(B, "gamma[0,1]", N, "np.sum(dY[:, 1] * Z_hat[:, 0])", "*", style="entry-batch-slices-wrong-column")
C(S, "b[0,2]", N, "np.mean(P[:, 2] - Y[:, 2])", style="entry-mean-slices")
C(S, "b[0,2]", N, "np.sum(P[:, 2] - Y[:, 2])", "scale-factor", style="entry-sum-slices-no-m")
C(RN, "W_h[0,1]", N, "dz_1[0, 1] * h_0[0, 0] + dz_2[0, 1] * h_1[0, 0]", style="entry-index")
C(RN, "W_h[0,1]", N, "dz_1[0, 1] * h_0[0, 1] + dz_2[0, 1] * h_1[0, 1]", "*", style="entry-index-wrong-input")
C(A, "W_q[1,1]", V, "-0.05098", style="hand-4sf")
C(A, "W_q[1,1]", V, "-0.051", style="hand-2sf")
C(A, "W_q[1,1]", V, "-0.05", "too-few-digits", style="hand-1sf")
C(S, "Z[0,0]", V, "0.256", style="hand-3sf")
C(S, "Z[0,0]", V, "0.511", "scale-factor", style="hand-no-m")
C(B, "Z[1,0]", V, "-0.281", style="hand-3sf")
C(B, "Z[1,0]", V, "-0.2805", style="hand-4sf")
C(RN, "z_1[0,0]", V, "-0.159", style="hand-3sf")
C(RN, "z_1[0,0]", V, "-0.1589", style="hand-4sf")
C(RN, "z_1[0,0]", V, "-0.190", "*", style="hand-dh1-for-dz1")
C(M, "b1[0,0]", V, "-0.0979", style="hand-3sf")
C(S, "W", L, r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}} = \mathbf{X}^\intercal \frac{\mathbf{P} - \mathbf{Y}}{m}", oracle="X.T @ (P - Y) / m", style="intercal-fraction")
C(A, "K", L, r"\frac{\partial L}{\partial K} = \frac{1}{\sqrt{d}} \left(\frac{\partial L}{\partial S}\right)^{\!\top} Q", oracle="dS.T @ Q / np.sqrt(d)", style="negative-space-top")
C(B, "gamma", L, r"\frac{\partial \ell}{\partial \gamma} = \sum_{i=1}^{m} \frac{\partial \ell}{\partial y_i} \cdot \hat{x}_i", oracle="np.sum(dY * Z_hat, axis=0, keepdims=True)", style="ioffe-notation", note="the paper's x̂ is this network's Ẑ (the one tensor it normalises): read so since checkgaps6 (was refused, then a fair exit 2)")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c10-{_k:03d}"


def _key(c: dict) -> tuple:
    return (c["net"], c["wrt"], c["kind"], c["text"].strip(), c.get("lang", "en"), tuple(sorted((c.get("opts") or {}).items())))


def _earlier() -> set[tuple]:
    import corpus3
    import corpus4
    import corpus5
    import corpus6a
    import corpus6b
    import corpus7
    import corpus8
    import corpus9

    cases = corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load() + corpus6a.load()
    cases += corpus6b.load() + corpus7.load() + corpus8.load() + corpus9.load()
    return {_key(c) for c in cases}


_SEEN = _earlier()
# cases that happen to repeat corpus 2-9 word for word (same language, same overrides) are left
# out; ids stay as written
CASES: list[dict] = [c for c in _rows if _key(c) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [a-z]+){3}")  # four English words in a row


def chinese_only(message: str) -> bool:
    """Is ``message`` Chinese prose (formulas and code aside): some CJK and no English sentence?"""
    return bool(_CJK.search(message)) and not _ENGLISH.search(message)


def run(case: dict) -> tuple[str, str | None, str]:
    """(verdict, code, message) in the case's language, with its rtol/digits overrides."""
    from derive.checker.check import FormulaError, check

    lang = case.get("lang", "en")
    opts = case.get("opts") or {}
    try:
        if case["kind"] == "value":
            r = check(case["net"], case["wrt"], value=case["text"], lang=lang, **opts)
        else:
            latex = case["kind"] == "latex"
            r = check(case["net"], case["wrt"], case["text"], latex=latex, lang=lang, **opts)
    except FormulaError as e:
        return "unreadable", None, e.localized(lang) if hasattr(e, "localized") else e.message
    except Exception as e:  # noqa: BLE001 - a crash is counted as unreadable, and shown
        return "unreadable", None, f"CRASH {type(e).__name__}: {e}"
    return r.verdict, r.code, r.text()


def judge(case: dict, got: tuple[str, str | None, str]) -> str:
    """corpus2.judge, plus: an expected refusal must be one whose message holds every ``must``
    string, and a ``--lang zh`` message must be Chinese (else "wrong-code": a message fault)."""
    verdict, _, message = got
    if case["verdict"] == "unreadable":
        if verdict == "correct":
            return "wrong-accepted"
        if verdict != "unreadable":
            return "right-rejected"
        if message.startswith("CRASH") or not all(s in message for s in case["must"]):
            return "wrong-code"
    else:
        j = corpus2.judge(case, got)
        if j != "ok":
            return j
    if case.get("lang") == "zh" and not all(chinese_only(m) for m in _prose(message)):
        return "wrong-code"
    return "ok"


def _prose(message: str) -> list[str]:
    """The sentences of a message: itself, or where it is ``--json`` output (the CLI's fast
    path, bench/check_corpus.py --fast) the diagnoses' messages, its notes and error."""
    if not message.lstrip().startswith("{"):
        return [message]
    import json

    d = json.loads(message)
    out = [x["message"] for x in d.get("diagnoses", ())] + list(d.get("notes", ()))
    return out + ([d["error"]] if d.get("error") else [])
