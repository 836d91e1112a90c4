"""The held-out-style corpus of issue 11, sixteenth round: hand NUMBERS and ENTRY formulas only, on
all ten built-ins and six of a lecturer's networks (tests/specs_course/: CS231n's two-layer net,
d2l's linear regression and softmax from scratch, colah's and micrograd's scalar graphs, the
watermelon book's BP network). ``--value`` answers as students give them: rounded to 2, 3 or 4
significant digits, truncated instead of rounded (within one unit of the last digit, or not),
carried through a hand calculation that rounds every intermediate (the policy's simulation), a
sign slip, the value of another entry (``W1[0,1]`` for ``W1[1,0]``), the value before the ``1/m``,
a whole matrix of values, a bias row, exact fractions on integer graphs (chain, colah), one
significant digit. Element-wise formulas (``--wrt W1[0,0]``, ``--wrt w11``, ``--wrt w0``) in the
names the walkthroughs print (``dh1_raw``, ``\\delta_{h_{1,\\text{raw}}}``, ``W^{[1]}_{11}``,
``\\delta_{Z_{11}}``), ASCII, Unicode and LaTeX subscripts, NumPy indices: right, and with the
classic slips (the wrong index, a missing σ′ factor, a missing 1/m, a missing upstream factor).

A case's ``verdict`` is "correct", "incorrect" or "unreadable"; ``code`` the expected diagnosis
("*" = any). Every expectation was written before the checker was run on any of them
(bench/RESULTS.md, "corpus 16": the first measurement). Exact values were computed in PyTorch
float64 (check_oracle.NETS for the built-ins; each course spec's own text for the others) and
rounded or truncated by hand; simulated hand calculations (tiny-mlp at 2 and 4 digits) were done
by hand and are stated in the notes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus10  # noqa: E402
import corpus_common  # noqa: E402

_rows: list[dict] = []
N, L, V = "numpy", "latex", "value"
_round = "a"
Z = "zh"
COURSE = Path(__file__).resolve().parent / "specs_course"
CS2 = str(COURSE / "cs231n_two_layer.toml")
DL = str(COURSE / "d2l_linreg.toml")
DS = str(COURSE / "d2l_softmax_scratch.toml")
CO = str(COURSE / "colah_scalar.toml")
MG = str(COURSE / "micrograd.toml")
XG = str(COURSE / "xigua_bp.toml")

C = corpus_common.adder(_rows, lambda: _round)  # noqa: N816

# ================================================================ tiny-mlp: numbers
# ∂L/∂W1 = [[-0.01366809, -0.01634773], [-0.00273362, -0.00326955]], ∂L/∂W2 = [[-0.11389824], [-0.11717367]]
T = "tiny-mlp"
C(T, "W1[0,0]", V, "-0.014", style="t-2sf-rounded")
C(T, "W1[0,0]", V, "-0.01367", style="t-4sf-rounded")
C(T, "W1[0,0]", V, "-0.0136", style="t-3sf-truncated", note="within one unit of the last digit")
C(T, "W1[0,0]", V, "-0.01366", style="t-4sf-truncated", note="0.0000081 off: within one unit")
C(T, "W1[0,0]", V, "-0.013", "unknown", style="t-2sf-truncated", note="2-digit hand calculation gives -0.014; not rounding")
C(T, "W1[0,0]", V, "-0.01368", style="t-4sf-hand-calc", note="1.2 units off; a 4-digit hand calculation (h1(1-h1)=0.2496, δ=-0.1096) gives -0.01368")
C(T, "W1[0,0]", V, "-0.01375", "*", style="t-4sf-3digit-calc", note="a 3-digit hand calculation's number written with 4 digits: 4-digit intermediates give -0.01368")
C(T, "W1[0,0]", V, "-0.0135", "rounding", style="t-3sf-off", note="1.7 units off. First written as unknown (a 3-digit hand calculation gives -0.0138 or -0.0136); but 2-digit intermediates give δ = -0.027 and -0.027 × 0.5 = -0.0135 exactly, which the policy calls rounding (corrected after the first run, bench/RESULTS.md)")
C(T, "W1[0,0]", V, "0.01367", "sign", style="t-sign-slip")
C(T, "W1[0,0]", V, "-0.01", "too-few-digits", style="t-1sf")
C(T, "W1[1,0]", V, "-0.00273", style="t-w21-3sf")
C(T, "W1[1,0]", V, "-0.0163", "wrong-entry", style="t-w21-gets-w12", note="W1[0,1]'s value for W1[1,0]")
C(T, "W1[0,1]", V, "-0.002734", "wrong-entry", style="t-w12-gets-w21", note="W1[1,0]'s value for W1[0,1]")
C(T, "W1[1,1]", V, "-0.00327", style="t-w22-3sf")
C(T, "W1[1,1]", V, "-0.0033", style="t-w22-2sf")
C(T, "w22", V, "-0.003270", style="t-label-4sf")
C(T, "w12", V, "-1.635e-2", style="t-label-sci")
C(T, "W2[0,0]", V, "-0.1139", style="t-v1-4sf")
C(T, "W2[0,0]", V, "-0.1138", style="t-v1-4sf-truncated", note="0.98 units off")
C(T, "v2", V, "-0.117", style="t-v2-label")
C(T, "v2", V, "0.1172", "sign", style="t-v2-sign")
C(T, "W2", V, "[[-0.1139], [-0.1172]]", style="t-W2-matrix")
C(T, "W1", V, "[[-0.01367, -0.01635], [-0.002734, -0.003270]]", style="t-W1-matrix-4sf")
C(T, "W1", V, "[[0.01367, 0.01635], [0.002734, 0.003270]]", "sign", style="t-W1-matrix-sign")
C(T, "W1", V, "[[-0.0273, -0.0327], [-0.00547, -0.00654]]", "*", style="t-W1-matrix-doubled", note="every entry twice the gradient")

# ================================================================ tiny-mlp: entry formulas
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", style="t-e-ascii")
C(T, "W1[0,0]", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", style="t-e-ascii-index-wrt")
C(T, "w21", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", style="t-e-w21")
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * x2", "wrong-entry", style="t-e-wrong-input-index", note="= dL/dw21")
C(T, "w11", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x1", "wrong-entry", style="t-e-wrong-hidden-index", note="= dL/dw12")
C(T, "w11", N, "(y_pred - y_target) * v1 * x1", "missing-activation-derivative", style="t-e-no-sigma-prime")
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * x1", "wrong-activation-derivative", style="t-e-h-for-sigma-prime")
C(T, "w11", N, "v1 * x1 * h1 * (1 - h1)", "missing-factor", style="t-e-no-upstream")
C(T, "w11", N, "(y_pred - y_target) * v1 * sigmoid(h1_raw) * (1 - sigmoid(h1_raw)) * x1", style="t-e-sigmoid-of-raw")
C(T, "w11", N, "dh1_raw * x2", "wrong-entry", style="t-e-delta-wrong-index")
C(T, "w12", N, "dh2_raw * x1", style="t-e-delta-w12")
C(T, "W1[0,0]", N, "(y_pred - y_target) * W2[0,0] * h[0,0] * (1 - h[0,0]) * X[0,0]", style="t-e-numpy-indices")
C(T, "W1[0,0]", N, "(y_pred - y_target) * W2[0,0] * h[0,0] * (1 - h[0,0]) * X[0,1]", "wrong-entry", style="t-e-numpy-wrong-index")
C(T, "w11", N, "(y_pred − y_target)·v₁·h₁(1 − h₁)·x₁", style="t-e-unicode-subscripts")
C(T, "w11", N, "dL/dy_pred * dy_pred/dh1 * dh1/dh1_raw * dh1_raw/dw11", style="t-e-leibniz-ascii-d")
C(T, "w11", L, r"(y_{pred} - y_{target}) v_1 h_1 (1 - h_1) x_1", style="t-e-latex-bare-subscripts")
C(T, "w11", L, r"\left(y_{\text{pred}} - y_{\text{target}}\right) \cdot v_{1} \cdot h_{1} \left(1 - h_{1}\right) \cdot x_{1}", style="t-e-latex-walkthrough-style")
C(T, "w11", L, r"\frac{\partial L}{\partial w_{11}} = \delta_{h_{1,\text{raw}}} \cdot x_{1}", style="t-e-latex-lhs-delta")
C(T, "w22", L, r"\delta_{h_{2,\text{raw}}} \cdot x_{1}", "wrong-entry", style="t-e-latex-delta-wrong-index", note="= dL/dw12")
C(T, "w11", L, r"(y_{pred} - y_{target}) \, v_1 \, x_1", "missing-activation-derivative", style="t-e-latex-no-sigma-prime")
C(T, "w11", L, r"v_1 h_1 (1 - h_1) x_1", "missing-factor", style="t-e-latex-no-upstream")
C(T, "w11", L, r"(y_{pred} - y_{target}) v_1 \sigma'(h_{1,\text{raw}}) x_1", style="t-e-latex-sigma-prime")
C(T, "v1", N, "(y_pred - y_target) * h1", style="t-e-v1")
C(T, "v1", N, "(y_pred - y_target) * h2", "wrong-entry", style="t-e-v1-h2")
C(T, "v1", N, "y_pred - y_target", "missing-factor", style="t-e-v1-no-h")
C(T, "v2", L, r"\delta_{y_{\text{pred}}} \cdot h_{2}", style="t-e-latex-v2-delta")
C(T, "v2", L, r"\frac{1}{2}(y_{pred} - y_{target}) h_2", "scale-factor", style="t-e-latex-v2-half", note="the 1/2 of the loss kept")

# ================================================================ mlp-bce: numbers
# W1 = [[-0.09793524, 0.13563575], [-0.19587048, 0.07908499]], b1 = [[-0.09793524, -0.01811346]],
# W2 = [[-0.17628344], [-0.00898499]], b2 = 0.06037821; m = 2
M = "mlp-bce"
C(M, "W2[0,0]", V, "-0.18", style="m-2sf")
C(M, "W2[0,0]", V, "-0.176", style="m-3sf")
C(M, "W2[0,0]", V, "-0.1762", style="m-4sf-truncated", note="0.83 units off")
C(M, "W2[0,0]", V, "0.1763", "sign", style="m-sign")
C(M, "W2[0,0]", V, "-0.3526", "scale-factor", style="m-before-1-over-m", note="the sum over the batch: x m = 2")
C(M, "W2[0,0]", V, "-0.2", "too-few-digits", style="m-1sf")
C(M, "W2[1,0]", V, "-0.00898", style="m-W2-1-truncated", note="0.5 units off")
C(M, "W2[1,0]", V, "-0.0090", style="m-W2-1-2sf")
C(M, "W2[1,0]", V, "-0.01797", "scale-factor", style="m-W2-1-before-m")
C(M, "W1[1,0]", V, "0.1356", "wrong-entry", style="m-W1-10-gets-01", note="W1[0,1]'s value for W1[1,0]")
C(M, "W1[0,1]", V, "0.136", style="m-W1-01-3sf")
C(M, "W1[0,1]", V, "0.135", style="m-W1-01-truncated", note="0.64 units off")
C(M, "W1[0,1]", V, "0.2713", "scale-factor", style="m-W1-01-before-m")
C(M, "W1[1,1]", V, "0.07908", style="m-W1-11-4sf")
C(M, "W1[1,1]", V, "0.0791", style="m-W1-11-3sf")
C(M, "W1[1,1]", V, "-0.0791", "sign", style="m-W1-11-sign")
C(M, "b2[0,0]", V, "0.060", style="m-b2-2sf-trailing-zero")
C(M, "b2[0,0]", V, "0.06", "too-few-digits", style="m-b2-1sf")
C(M, "b2", V, "0.1208", "scale-factor", style="m-b2-before-m")
C(M, "W1", V, "[[-0.098, 0.14], [-0.20, 0.079]]", style="m-W1-matrix-2sf")
C(M, "W1", V, "[[-0.0979, 0.135], [-0.195, 0.0790]]", style="m-W1-matrix-truncated", note="each within one unit")
C(M, "W1", V, "[[-0.196, 0.271], [-0.392, 0.158]]", "scale-factor", style="m-W1-matrix-before-m")
C(M, "W1", V, "[[0.0979, -0.136], [0.196, -0.0791]]", "sign", style="m-W1-matrix-sign")
C(M, "W1", V, "[[-0.0979, 0.136], [0.196, 0.0791]]", "*", style="m-W1-matrix-one-sign")
C(M, "b1", V, "[[-0.0979, -0.0181]]", style="m-b1-row")
C(M, "b1", V, "[[-0.196, -0.0362]]", "scale-factor", style="m-b1-row-before-m")
C(M, "b1", V, "[[-0.0979], [-0.0181]]", "shape-mismatch", style="m-b1-column")
C(M, "W2", V, "[[-0.1763], [-0.00898]]", style="m-W2-column")

# ================================================================ mlp-bce: entry formulas
C(M, "W1[0,0]", N, "dZ1[0,0]*X[0,0] + dZ1[1,0]*X[1,0]", style="m-e-dZ1-indices")
C(M, "W1[0,0]", N, "dZ1[0,0]*X[0,1] + dZ1[1,0]*X[1,1]", "wrong-entry", style="m-e-wrong-index", note="= dL/dW1[1,0]")
C(M, "W1[0,0]", N, "dZ1[0,0]*X[0,0]", "*", style="m-e-one-example", note="the second example left out")
C(M, "W2[0,0]", N, "((A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0]) / m", style="m-e-W2-over-m")
C(M, "W2[0,0]", N, "(A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0]", "scale-factor", style="m-e-W2-no-m")
C(M, "W2[0,0]", N, "((A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0]) / 2", "scale-factor", style="m-e-W2-literal-2", note="a number written for the size m")
C(M, "W2[1,0]", N, "((A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0]) / m", "wrong-entry", style="m-e-W2-10-gets-00")
C(M, "W2[0,0]", L, r"\delta_{Z^{[2]}_{1}} \cdot A^{[1]}_{11} + \delta_{Z^{[2]}_{2}} \cdot A^{[1]}_{21}", style="m-e-latex-walkthrough")
C(M, "W2[0,0]", L, r"\delta_{Z^{[2]}_{1}} \cdot A^{[1]}_{12} + \delta_{Z^{[2]}_{2}} \cdot A^{[1]}_{22}", "wrong-entry", style="m-e-latex-wrong-index")
C(M, "W1[0,0]", L, r"\frac{\partial L}{\partial W^{[1]}_{11}} = \delta_{Z^{[1]}_{11}} X_{11} + \delta_{Z^{[1]}_{21}} X_{21}", style="m-e-latex-lhs")
C(M, "b2[0,0]", L, r"\delta_{Z^{[2]}_{1}} + \delta_{Z^{[2]}_{2}}", style="m-e-latex-b2")
C(M, "b2[0,0]", N, "(A2[0,0] - Y[0,0] + A2[1,0] - Y[1,0]) / m", style="m-e-b2-over-m")
C(M, "b2[0,0]", N, "A2[0,0] - Y[0,0] + A2[1,0] - Y[1,0]", "scale-factor", style="m-e-b2-no-m")
C(M, "W1[0,0]", N, "((A2[0,0]-Y[0,0])*W2[0,0]*(Z1[0,0]>0)*X[0,0] + (A2[1,0]-Y[1,0])*W2[0,0]*(Z1[1,0]>0)*X[1,0]) / m", style="m-e-W1-mask")
C(M, "W1[0,0]", N, "((A2[0,0]-Y[0,0])*W2[0,0]*X[0,0] + (A2[1,0]-Y[1,0])*W2[0,0]*X[1,0]) / m", "missing-activation-derivative", style="m-e-W1-no-mask")

# ================================================================ mlp-bce-weighted
# W1 = [[-0.44154241, 0.26492545], [-0.55887156, 0.33532294]], W2 = [[-0.42363142], [-0.30691465]], b2 = -0.36434361
MW = "mlp-bce-weighted"
C(MW, "W2[0,0]", V, "-0.424", style="w-3sf")
C(MW, "W2[0,0]", V, "-0.42", style="w-2sf")
C(MW, "W2[0,0]", V, "-0.4", "too-few-digits", style="w-1sf")
C(MW, "W2[1,0]", V, "-0.3069", style="w-W2-1-4sf")
C(MW, "b2[0,0]", V, "-0.7287", "scale-factor", style="w-b2-before-m")
C(MW, "b2[0,0]", V, "0.3643", "sign", style="w-b2-sign")
C(MW, "W1[1,0]", V, "0.265", "wrong-entry", style="w-W1-10-gets-01")
C(MW, "W1", V, "[[-0.4415, 0.2649], [-0.5589, 0.3353]]", style="w-W1-matrix-4sf")
C(MW, "W1[0,0]", V, "-0.0979", "*", style="w-unweighted-value", note="mlp-bce's number: the weight left out")

# ================================================================ relu-mlp
# w2 = [[-0.7479, -2.51102], [-0.21896, -0.47978], [-0.80384, -2.0364]], w1[2,1] = 0 exactly, w1[0,0] = 1.40728
R = "relu-mlp"
C(R, "w2[1,1]", V, "-0.4798", style="r-4sf")
C(R, "w2[1,1]", V, "-0.48", style="r-2sf")
C(R, "w2[0,1]", V, "-2.511", style="r-4sf-b")
C(R, "w2[0,1]", V, "-1.256", "scale-factor", style="r-half", note="the 2 of the sum of squares left out")
C(R, "w2[0,0]", V, "-0.2190", "wrong-entry", style="r-w2-00-gets-10")
C(R, "w1[2,1]", V, "0", style="r-exact-zero", note="the exact value: a dead unit")
C(R, "w1[2,1]", V, "0.0", style="r-exact-zero-dot")
C(R, "w1[2,1]", V, "0.001", "*", style="r-zero-1sf", note="not the value and one significant digit")
C(R, "w1[0,0]", V, "1.407", style="r-w1-4sf")
C(R, "w1[0,0]", V, "1.4", style="r-w1-2sf")
C(R, "w2[0,0]", N, "np.sum(2 * (y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])", style="r-e-sum-slices")
C(R, "w2[0,0]", N, "np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])", "scale-factor", style="r-e-no-2")
C(R, "w2[0,0]", N, "2 * np.sum((y_pred[:, 1] - y[:, 1]) * h_relu[:, 0])", "wrong-entry", style="r-e-wrong-column", note="= dL/dw2[0,1]")

# ================================================================ neuron (labels w0, w1, w2: 0-based)
# w = [[-0.06122567, -0.0367354, -0.02449027]], x = [[-0.04898054, 0.07347081, -0.01224513]], t = 0.49000133
E = "neuron"
C(E, "w1", V, "-0.0367", style="n-label-w1")
C(E, "w1", V, "-0.0612", "wrong-entry", style="n-label-w1-as-first", note="w1 is the second weight; -0.0612 is w0's")
C(E, "w[0,2]", V, "-0.0245", style="n-index-last")
C(E, "w[0,2]", V, "-0.0244", style="n-index-last-truncated", note="0.9 units off")
C(E, "t", V, "0.490", style="n-t-3sf")
C(E, "t", V, "-0.490", "sign", style="n-t-sign")
C(E, "w", V, "[[-0.06123, -0.03674, -0.02449]]", style="n-w-row-4sf")
C(E, "x", V, "[[-0.0490, 0.0735, -0.0122]]", style="n-x-row")
C(E, "w0", N, "(O - t) * O * (1 - O) * x0", style="n-e-ascii")
C(E, "w0", N, "dz * x0", style="n-e-delta")
C(E, "w0", N, "(O - t) * O * (1 - O) * x1", "wrong-entry", style="n-e-wrong-index")
C(E, "w0", N, "(O - t) * x0", "missing-activation-derivative", style="n-e-no-sigma-prime")
C(E, "w0", L, r"\delta_{z} \cdot x_{0}", style="n-e-latex-walkthrough")
C(E, "w2", L, r"(O - t)\, O (1 - O)\, x_{2}", style="n-e-latex-w2")
C(E, "w2", L, r"(O - t)\, \sigma'(z)\, x_{1}", "wrong-entry", style="n-e-latex-w2-x1")

# ================================================================ chain (every intermediate an integer)
CH = "chain"
C(CH, "w", V, "40.0", style="ch-40-point-0")
C(CH, "w", V, "4e1", style="ch-sci")
C(CH, "w", V, "120/3", style="ch-fraction-equal")
C(CH, "w", V, "3/8", "*", style="ch-fraction-wrong")
C(CH, "w", V, "39.9", "*", style="ch-near-integer", note="no rounding where every intermediate is exact")
C(CH, "w", V, "-40", "sign", style="ch-sign")
C(CH, "w", V, r"\frac{80}{2}", style="ch-latex-fraction")
C(CH, "b", V, "20.0", style="ch-b")
C(CH, "b", V, "41/2", "*", style="ch-b-fraction-near")
C(CH, "x", V, "60", style="ch-x")
C(CH, "x", V, "30", "*", style="ch-x-no-2", note="the 2 of v^2 left out")

# ================================================================ softmax-regression, batchnorm, rnn, attention
S = "softmax-regression"
C(S, "W[0,0]", V, "0.5849", style="s-4sf")
C(S, "W[0,0]", V, "0.58", style="s-2sf")
C(S, "W[0,0]", V, "0.347", "wrong-entry", style="s-W00-gets-10")
C(S, "W[0,0]", V, "-0.585", "sign", style="s-sign")
C(S, "b", V, "[-0.0735, 0.371, -0.297]", style="s-b-1d-row")
C(S, "b", V, "[[-0.147, 0.742, -0.595]]", "scale-factor", style="s-b-before-m")
C(S, "W[0,0]", L, r"\delta_{Z_{11}} \cdot X_{11} + \delta_{Z_{21}} \cdot X_{21}", style="s-e-latex-walkthrough")
C(S, "W[0,0]", L, r"\delta_{Z_{11}} \cdot X_{12} + \delta_{Z_{21}} \cdot X_{22}", "wrong-entry", style="s-e-latex-wrong-index", note="= dL/dW[1,0]")
C(S, "W[0,0]", N, "((P[0,0]-Y[0,0])*X[0,0] + (P[1,0]-Y[1,0])*X[1,0]) / m", style="s-e-P-over-m")
C(S, "W[0,0]", N, "(P[0,0]-Y[0,0])*X[0,0] + (P[1,0]-Y[1,0])*X[1,0]", "scale-factor", style="s-e-P-no-m")
B = "batchnorm"
C(B, "beta[0,0]", V, "0.1", style="b-exact-1sf", note="exactly the value")
C(B, "beta[0,0]", V, "1/10", style="b-fraction")
C(B, "beta[0,1]", V, "-0.533", style="b-3sf")
C(B, "beta[0,1]", V, "-0.5", "too-few-digits", style="b-1sf")
C(B, "beta[0,1]", V, "-1.6", "scale-factor", style="b-before-m", note="x m = 3")
C(B, "gamma[0,0]", V, "0.7266", style="b-gamma-4sf")
C(B, "W[0,0]", V, "-0.304", style="b-W-truncated", note="0.69 units off")
R2 = "rnn"
C(R2, "W_x[0,0]", V, "-0.1912", style="rnn-4sf")
C(R2, "W_x[0,1]", V, "0.0150", "wrong-entry", style="rnn-W_x-01-gets-10")
C(R2, "b", V, "[[-0.223, 0.556]]", style="rnn-b-row")
C(R2, "W_h[1,1]", V, "0.274", "sign", style="rnn-sign")
A = "attention"
C(A, "W_v[1,1]", V, "0.3761", style="a-4sf")
C(A, "W_q[0,0]", V, "-0.0039", style="a-2sf")
C(A, "W_q[0,0]", V, "-0.004", "too-few-digits", style="a-1sf")
C(A, "W_q[1,1]", V, "-0.0509", style="a-truncated", note="0.82 units off")
C(A, "W_k[0,0]", V, "-0.0161", style="a-W_k")

# ================================================================ a lecturer's networks
C(CS2, "W2[0,0]", V, "0.07665", style="u-cs-4sf")
C(CS2, "W2[0,0]", V, "0.0766", style="u-cs-truncated", note="0.54 units off")
C(CS2, "W1[1,0]", V, "0.1099", "wrong-entry", style="u-cs-W1-10-gets-01")
C(CS2, "b2", V, "[[0.644, -0.0819, -0.562]]", style="u-cs-b2-row")
C(CS2, "b2", V, "[[1.93, -0.246, -1.69]]", "scale-factor", style="u-cs-b2-before-N")
C(DL, "w[0,0]", V, "-0.32125", style="u-dl-exact")
C(DL, "w[0,0]", V, "-0.321", style="u-dl-3sf")
C(DL, "w[0,0]", V, "-1.285", "scale-factor", style="u-dl-before-batch", note="x batch_size = 4")
C(DL, "b", V, "-0.475", style="u-dl-b")
C(DL, "w", V, "[[-0.321], [0.523]]", style="u-dl-w-column")
C(DS, "W[0,0]", V, "0.1697", style="u-ds-4sf")
C(DS, "b", V, "[[-0.126, 0.106, 0.0206]]", style="u-ds-b-row")
C(DS, "b", V, "[[-0.506, 0.423, 0.0826]]", "scale-factor", style="u-ds-b-before-batch")
C(CO, "a", V, "4.0", style="u-co-a")
C(CO, "a", V, "8/2", style="u-co-a-fraction")
C(CO, "b", V, "10", style="u-co-b")
C(CO, "b", V, "9.9", "*", style="u-co-b-near", note="integer graph: no rounding allowance")
C(CO, "a", N, "2 * (e - 5) * d", style="u-co-e-formula")
C(CO, "a", N, "(e - 5) * d", "scale-factor", style="u-co-e-no-2")
C(MG, "a", V, "138.8338", style="u-mg-a-micrograd-print")
C(MG, "a", V, "138.8", style="u-mg-a-4sf")
C(MG, "b", V, "645.5773", style="u-mg-b")
C(MG, "a", V, "-138.8338", "sign", style="u-mg-a-sign")
C(XG, "w[0,0]", V, "-0.0561", style="u-xg-w")
C(XG, "theta", V, "[[0.1402, -0.1475]]", style="u-xg-theta-row")
C(XG, "theta[0,0]", V, "-0.1402", "sign", style="u-xg-theta-sign")

# ================================================================ more entries of each network
C(T, "W1[1,1]", V, "-0.003269", style="x-t-w22-4sf-truncated")
C(T, "W1[1,0]", V, "-0.002733", style="x-t-w21-4sf-truncated")
C(T, "W1[1,0]", V, "0.00273", "sign", style="x-t-w21-sign")
C(T, "W1[1,0]", V, "-0.0027", style="x-t-w21-2sf")
C(T, "W2[1,0]", V, "-0.1171", style="x-t-v2-truncated", note="0.74 units off")
C(T, "W2[1,0]", V, "-0.1139", "wrong-entry", style="x-t-v2-gets-v1")
C(T, "w21", N, "(y_pred - y_target) * v2 * h2 * (1 - h2) * x2", "wrong-entry", style="x-t-e-w21-gets-w22")
C(T, "w21", L, r"\delta_{h_{1,\text{raw}}} x_{2}", style="x-t-e-latex-w21")
C(M, "W1[0,0]", V, "-0.09794", style="x-m-W1-00-4sf")
C(M, "W1[0,0]", V, "-0.09793", style="x-m-W1-00-truncated")
C(M, "W1[0,0]", V, "0.0979", "sign", style="x-m-W1-00-sign")
C(M, "b1[0,1]", V, "-0.0181", style="x-m-b1-01")
C(M, "b1[0,1]", V, "-0.03623", "scale-factor", style="x-m-b1-01-before-m")
C(MW, "W1[0,1]", V, "0.2649", style="x-w-W1-01")
C(MW, "W1[1,1]", V, "0.3353", style="x-w-W1-11")
C(MW, "b1", V, "[[-0.182, 0.109]]", style="x-w-b1-row")
C(MW, "b1", V, "[[-0.364, 0.219]]", "scale-factor", style="x-w-b1-row-before-m")
C(R, "w1[1,2]", V, "1.267", style="x-r-w1-12")
C(R, "w1[1,2]", V, "-1.267", "sign", style="x-r-w1-12-sign")
C(R, "w2[2,1]", V, "-2.036", style="x-r-w2-21")
C(R, "w2", V, "[[-0.75, -2.5], [-0.22, -0.48], [-0.80, -2.0]]", style="x-r-w2-matrix-2sf")
C(E, "x[0,1]", V, "0.07347", style="x-n-x-01")
C(E, "x1", V, "0.0735", style="x-n-x1-label")
C(E, "w0", V, "-0.06123", style="x-n-w0-label")
C(S, "W[1,2]", V, "-0.7428", style="x-s-W-12")
C(S, "b[0,1]", V, "0.3709", style="x-s-b-01")
C(B, "gamma[0,1]", V, "1.264", style="x-b-gamma-01")
C(B, "beta", V, "[[0.1, -0.533]]", style="x-b-beta-row")
C(R2, "W_h[0,1]", V, "0.2192", style="x-rnn-W_h-01")
C(A, "W_v", V, "[[-0.130, 0.153], [-0.308, 0.376]]", style="x-a-W_v-matrix")
C(CO, "b", V, "20/2", style="x-co-b-fraction")
C(MG, "a", V, "138.83", style="x-mg-a-5sf")
C(MG, "b", V, "645.6", style="x-mg-b-4sf")
C(DL, "w[1,0]", V, "0.5228", style="x-dl-w-10")

# ================================================================ Chinese
C(T, "W1[0,0]", V, "约 -0.0137", lang=Z, style="zh-t-approx")
C(T, "W1[1,0]", V, "-0.0163", "wrong-entry", lang=Z, style="zh-t-wrong-entry")
C(M, "W2[0,0]", V, "-0.2", "too-few-digits", lang=Z, style="zh-m-1sf")
C(T, "w11", N, "(y_pred - y_target) * v1 * x1", "missing-activation-derivative", lang=Z, style="zh-t-e-no-sigma-prime")

# ================================================================ round b: written after round a's fixes, before running them
_round = "b"
C(MW, "b2[0,0]", N, "((1 - Y[0,0])*A2[0,0] - w*Y[0,0]*(1 - A2[0,0]) + (1 - Y[1,0])*A2[1,0] - w*Y[1,0]*(1 - A2[1,0])) / m", style="b-w-e-weighted-b2")
C(MW, "b2[0,0]", N, "((1 - Y[0,0])*A2[0,0] - 3*Y[0,0]*(1 - A2[0,0]) + (1 - Y[1,0])*A2[1,0] - 3*Y[1,0]*(1 - A2[1,0])) / m", "*", style="b-w-e-literal-constant", note="3 written for the constant w")
C(MW, "b2[0,0]", N, "(A2[0,0] - Y[0,0] + A2[1,0] - Y[1,0]) / m", "weighted-loss-not-simplifiable", style="b-w-e-unweighted")
C(MW, "b2[0,0]", N, "(1 - Y[0,0])*A2[0,0] - w*Y[0,0]*(1 - A2[0,0]) + (1 - Y[1,0])*A2[1,0] - w*Y[1,0]*(1 - A2[1,0])", "scale-factor", style="b-w-e-weighted-no-m")
C(T, "w11", N, "(y_pred - y_target) * 0.5 * h1 * (1 - h1) * x1", "*", style="b-t-e-literal-v1", note="v1's value 0.5 written for v1")
C(T, "w11", N, "(y_pred - y_target) * v1 * h1 * (1 - h1) * 0.5", "*", style="b-t-e-literal-x1")
C(CH, "w", N, "2 * v * 2", "*", style="b-ch-literal-x", note="x = 2 written as a number")
C(B, "beta[0,1]", N, "dY[0,1] + dY[1,1] + dY[2,1]", style="b-b-e-beta")
C(B, "beta[0,1]", N, "dY[0,1] + dY[1,1]", "*", style="b-b-e-beta-two-rows")
C(B, "beta[0,1]", N, "(dY[0,1] + dY[1,1] + dY[2,1]) / m", "scale-factor", style="b-b-e-beta-extra-m")
C(B, "beta[0,0]", N, "dY[0,1] + dY[1,1] + dY[2,1]", "wrong-entry", style="b-b-e-beta-wrong-column")
C(S, "b[0,1]", N, "dZ[0,1] + dZ[1,1]", style="b-s-e-b")
C(S, "b[0,1]", N, "(P[0,1] - Y[0,1] + P[1,1] - Y[1,1]) / m", style="b-s-e-b-P")
C(S, "b[0,1]", N, "(P[0,1] - Y[0,1] + P[1,1] - Y[1,1]) / 2", "scale-factor", style="b-s-e-b-literal-m")
C(S, "b[0,1]", N, "(P[0,1] - Y[0,1] + P[1,1] - Y[1,1]) / k", "scale-factor", style="b-s-e-b-k")
C(S, "b[0,1]", N, "(P[0,1] - Y[0,1] + P[1,1] - Y[1,1]) / n", "scale-factor", style="b-s-e-b-n", note="n = m = 2 here")
C(M, "W2[0,0]", N, "((A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0]) / n_h", "scale-factor", style="b-m-e-n_h")
C(T, "W1[0,0]", V, "-0.0136", "*", opts={"digits": 3}, style="b-t-digits3-truncated", note="first pass: operand-order, a diagnosis that does not hold (fixed)")
C(T, "W1[0,0]", V, "-0.0137", opts={"digits": 3}, style="b-t-digits3")
C(T, "W1[0,0]", V, "-0.0135", opts={"rtol": 0.02}, style="b-t-rtol2")
C(T, "W1[0,0]", V, "-0.013", "*", opts={"rtol": 0.01}, style="b-t-rtol1-off")
C(M, "W2[0,0]", V, "-0.18", "too-few-digits", opts={"digits": 3}, style="b-m-digits3-2sf")
C(M, "W2[0,0]", V, "-0.176", opts={"digits": 3}, style="b-m-digits3")
C(CH, "w", V, "40.4", opts={"rtol": 0.02}, style="b-ch-rtol2")
C(MW, "W2[0,0]", V, "-0.8473", "scale-factor", lang=Z, style="b-zh-w-before-m")
C(E, "x0", N, "(O - t) * O * (1 - O) * w0", style="b-n-e-x0")
C(E, "x[0,2]", N, "(O - t) * O * (1 - O) * w[0,2]", style="b-n-e-x-index")
C(E, "x2", V, "-0.01225", style="b-n-x2-label")
C(T, "x1", V, "-0.00927", style="b-t-x1-label")
C(T, "x1", V, "-0.0213", "wrong-entry", style="b-t-x1-gets-x2")

for _k, _r in enumerate(_rows):
    _r["id"] = f"c16-{_k:03d}"


def _key(c: dict) -> tuple:
    return corpus10._key(c)


def _earlier() -> set[tuple]:
    return corpus_common.earlier_keys("corpus16", _key)


_SEEN = _earlier()
# cases that happen to repeat corpus 2-14 word for word are left out; ids stay as written
CASES: list[dict] = [c for c in _rows if _key(c) not in _SEEN]


def load() -> list[dict]:
    return [dict(c) for c in CASES]


chinese_only = corpus10.chinese_only
run = corpus10.run
judge = corpus10.judge
