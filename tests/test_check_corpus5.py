"""The held-out-style corpus of issue 11, fifth round (tests/corpus5.py): right and wrong
derivations in styles not in corpus 2, 3 or 4 (whole solution cells with helpers defined in them,
CS231n/Ng dictionaries, np.* spellings, forum ASCII maths, matrix-calculus LaTeX, decimal commas,
matrices of hand numbers), over all ten built-ins. Each case with an ``oracle`` has its verdict
confirmed against PyTorch by tests/check_oracle.py (not by the checker); then derive.checker must
give that verdict and, where one is named, that diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus5.py, bench/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402
import corpus5  # noqa: E402

from derive.checker.check import FormulaError, check  # noqa: E402

CASES = corpus5.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c5-123": "\\frac{\\partial}{\\partial y} applied to an expression on the left side is not read",
    "c5-218": "reg names nothing in this network: exit 2 naming it (fair, counted as a failure)",
    "c5-440": "\\boldsymbol{\\delta}_t is read as ∂L/∂z_t (the walkthrough's δ, the pre-activation), so the sum is "
    "accepted as the right gradient; the label (written when δ_t named nothing) says incorrect",
    "c5-353": "Ng's per-example dZ^{[2](i)} (A2 - Y of example i) is read as the mean-loss ∂L/∂Z2: "
    "an extra 1/m by this tool's convention",
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_is_large_and_covers_every_builtin() -> None:
    from derive.lang.spec import builtin_names

    assert len(CASES) >= 300
    assert set(builtin_names()) <= {c["net"] for c in CASES}
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert sum(c["kind"] == "latex" for c in CASES) >= 60
    assert sum(c["kind"] == "value" for c in CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_3_or_4() -> None:
    import corpus2
    import corpus3
    import corpus4

    earlier = corpus2.load() + corpus3.load() + corpus4.load()
    assert corpus_common.repeats(CASES, earlier) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus5(case: dict) -> None:
    got = corpus5.run(case)
    assert corpus5.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_a_whole_gradient_as_a_matrix_of_hand_numbers() -> None:
    right = "[[-0.0979, 0.1356], [-0.1959, 0.0791]]"
    assert check("mlp-bce", "W1", value=right).ok
    assert check("mlp-bce", "W1", value="np.array(" + right + ")").ok
    assert check("mlp-bce", "W1", value="[[-0.0979  0.1356]\n [-0.1959  0.0791]]").ok  # NumPy's print
    assert check("mlp-bce", "W1", value="[[-0.0979, -0.1959], [0.1356, 0.0791]]").code == "operand-order"
    one = check("mlp-bce", "W1", value="[[-0.0979, 0.1356], [-0.1959, 0.0971]]")
    assert not one.ok and "[1,1]" in one.diagnoses[0].message
    assert check("mlp-bce-weighted", "b1", value="[[0.1822, -0.1093]]").code == "sign"
    r = check("attention", "W_q", value="[[-0.0386, -0.0601], [-0.328, -0.510]]")
    assert r.code == "scale-factor" and r.diagnoses[0].factor == "10"
    assert check("neuron", "w", value="[-0.0612, -0.0367, -0.0245]").ok  # 1-D: a row, as NumPy
    assert check("tiny-mlp", "W2", value="[-0.1139, -0.1172]").code == "shape-mismatch"
    assert check("mlp-bce", "W1", value="[[-0.1, 0.1356], [-0.1959, 0.0791]]").code == "too-few-digits"
    with pytest.raises(FormulaError):
        check("mlp-bce", "W1", value="[[-0.0979, 0.1356], [-0.1959]]")
    zh = check("mlp-bce", "W1", value="[[-0.0979, 0.1356], [-0.1959, 0.0971]]", lang="zh").text()
    assert "第 [1,1] 个元素" in zh


def test_a_decimal_comma() -> None:
    assert check("mlp-bce", "W2[0,0]", value="-0,1763").ok
    assert check("tiny-mlp", "w12", value="-1,635 · 10⁻²").ok
    assert check("mlp-bce", "W2[0,0]", value="0,1763").code == "sign"
    with pytest.raises(FormulaError, match="thousands"):
        check("chain", "w", value="1,234")
    assert check("chain", "w", value="40,0").ok


def test_solution_cells_with_helpers() -> None:
    sig = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
    sigp = sig + "def sigmoid_prime(z):\n    return sigmoid(z) * (1 - sigmoid(z))\n"
    relu_b = "def relu_backward(dA, Z):\n    dZ = np.array(dA, copy=True)\n    dZ[Z <= 0] = 0\n    return dZ\n"
    assert check("tiny-mlp", "W1", sigp + "dW1 = X.T @ (dy_pred @ W2.T * sigmoid_prime(h_raw))").ok
    assert not check("tiny-mlp", "W1", sigp + "dW1 = X.T @ (dy_pred @ W2.T * sigmoid_prime(h))").ok
    assert check("mlp-bce", "Z1", relu_b + "dZ1 = relu_backward(np.dot(dZ2, W2.T), Z1)").ok
    assert not check("mlp-bce", "Z1", relu_b + "dZ1 = relu_backward(np.dot(dZ2, W2.T), Z2)").ok
    assert check("mlp-bce", "Z1", "drelu = lambda z: (z > 0).astype(float)\ndZ1 = dZ2 @ W2.T * drelu(Z1)").ok
    with pytest.raises(FormulaError, match="helper"):
        check("mlp-bce", "Z1", "def f(z):\n    if z > 0:\n        return 1\n    return 0\ndZ1 = dZ2 @ W2.T * f(Z1)")
    with pytest.raises(FormulaError, match="arguments"):
        check("mlp-bce", "Z1", "g = lambda a, b: a * b\ndZ1 = g(dZ2 @ W2.T)")


def test_dictionaries_asserts_loops_and_definitions() -> None:
    ng = (
        "dZ2 = A2 - Y\ndW2 = 1/m * np.dot(A1.T, dZ2)\ndb2 = 1/m * np.sum(dZ2, axis=0, keepdims=True)\n"
        "dZ1 = np.dot(dZ2, W2.T) * (A1 > 0)\ndW1 = 1/m * np.dot(X.T, dZ1)\n"
        "db1 = 1/m * np.sum(dZ1, axis=0, keepdims=True)\ngrads = {'dW1': dW1, 'db1': db1}"
    )
    for wrt in ("W2", "b2", "W1", "b1"):
        assert check("mlp-bce", wrt, ng).ok, wrt
    assert check("mlp-bce", "W2", "dscores = (A2 - Y) / m\ngrads = {}\ngrads['W2'] = A1.T.dot(dscores)").ok
    assert check("mlp-bce", "W2", 'dscores = A2 - Y\ngrads["W2"] = A1.T.dot(dscores)').code == "scale-factor"
    assert check("mlp-bce", "W2", "A1 = cache['A1']\ndW2 = np.dot(A1.T, A2 - Y) / m\nassert dW2.shape == W2.shape").ok
    loop = "dW_x = np.zeros_like(W_x)\nfor x_t, dz_t in ((x_1, dz_1), (x_2, dz_2)):\n    dW_x += x_t.T @ dz_t"
    assert check("rnn", "W_x", loop).ok
    assert check("rnn", "W_x", loop.replace("(x_1, dz_1), (x_2, dz_2)", "(x_2, dz_2),")).code == "missing-path"
    with pytest.raises(FormulaError, match="loop"):
        check("rnn", "W_x", "dW_x = 0\nfor t in range(2):\n    dW_x += x_2.T @ dz_2")
    assert check("mlp-bce", "W2", "dW2 := A1.T @ dZ2").ok
    assert not check("mlp-bce-weighted", "Z2", "dZ2 = A2 - Y\ndZ2[Y == 1] *= w\ndZ2 /= m").ok


def test_written_maths_from_forum_posts_and_notes() -> None:
    assert check("mlp-bce", "W2", "dL/dW2 = A1^T * (A2-Y) / m").ok  # '*' as the shapes require
    assert check("attention", "V", "dL/dV = A^T * dO").ok
    assert not check("attention", "V", "dL/dV = A * dO").ok
    assert check("mlp-bce", "b2", "dL/db2 = sum(A2 - Y) / m").ok
    assert check("softmax-regression", "W", "∂L/∂W = (1/m)·Xᵀ·(Ŷ − Y)").ok
    assert check("batchnorm", "gamma", "∂L/∂γ = Σ δY ⊙ Ẑ").ok
    L = True
    assert check("relu-mlp", "w2", r"\nabla_{w_2} \ell = 2\, h_{relu}^{\top} (y_{pred} - y)", latex=L).ok
    assert check("batchnorm", "beta", r"\mathbf{1}^{\mathsf T} \frac{\partial L}{\partial Y}", latex=L).ok
    eq = r"\begin{equation} \frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y) \end{equation}"
    assert check("mlp-bce", "W2", eq, latex=L).ok
    assert check("mlp-bce", "Z1", r"\delta^{[2]} (W^{[2]})^{T} \circ \max(0, Z^{[1]})'", latex=L).ok
    assert not check("mlp-bce", "Z1", r"\delta^{[2]} (W^{[2]})^{T} \circ \max(0, Z^{[2]})'", latex=L).ok
    chain = r"\frac{\partial L}{\partial v}\frac{\partial v}{\partial u}\frac{\partial u}{\partial w} = 2v \cdot 1 \cdot x"
    assert check("chain", "w", chain, latex=L).ok
    assert not check("chain", "w", chain.replace(r"\cdot x", r"\cdot w"), latex=L).ok
    xigua = r"g = O(1 - O)(t - O), \quad \frac{\partial E}{\partial \mathbf{w}} = -g\,\mathbf{x}"
    assert check("neuron", "w", xigua, latex=L).ok
    assert check("neuron", "w", xigua.replace("(t - O)", "(O - t)"), latex=L).code == "sign"


def test_round_b_spellings() -> None:
    """Console transcripts, ⋅/∙, ∑ᵢ and ⁽ⁱ⁾, ±, grouped digits, MATLAB/LaTeX/tuple matrices,
    x_i inside a sum over the batch."""
    assert check("mlp-bce", "W2", ">>> dW2 = A1.T.dot(dZ2)").ok
    assert check("chain", "w", ">>> 2 * v * x\n40").ok
    assert check("mlp-bce", "W2", "∂L/∂W2 = (1/m) ⋅ A1ᵀ ⋅ (A2 − Y)").ok
    assert check("mlp-bce", "b2", "∂L/∂b₂ = (1/m) ∑ᵢ (a₂⁽ⁱ⁾ − y⁽ⁱ⁾)").ok
    assert check("mlp-bce", "b2", "∂L/∂b₂ = ∑ᵢ (a₂⁽ⁱ⁾ − y⁽ⁱ⁾)").code == "scale-factor"
    assert check("mlp-bce", "W1[0,1]", value="0.1356 ± 0.0001").ok
    assert check("mlp-bce", "W1[0,1]", value="0.135 6").ok
    assert check("mlp-bce", "W2", value="[-0.1763; -0.008985]").ok
    bm = r"\begin{bmatrix} -0.0979 & 0.1356 \\ -0.1959 & 0.0791 \end{bmatrix}"
    assert check("mlp-bce", "W1", value=bm).ok
    assert check("mlp-bce", "b1", value="(-0.0979, -0.0181)").ok
    per = r"\frac{1}{m}\sum_{i=1}^{m}\mathbf{x}_i^{\top}(\mathbf{p}_i - \mathbf{y}_i)"
    assert check("softmax-regression", "W", per, latex=True).ok
    assert check("softmax-regression", "W", per.replace("p}_i - \\mathbf{y", "y}_i - \\mathbf{p"), latex=True).code == "sign"


def test_paths_left_out() -> None:
    """Batch norm's ∂L/∂Z along the direct path only, or without the variance path."""
    assert check("batchnorm", "Z", "dY * gamma / np.sqrt(var + eps)").code == "missing-path"
    no_var = "dZ_hat = dY * gamma\ndZ = (1.0 / m) / np.sqrt(var + eps) * (m * dZ_hat - np.sum(dZ_hat, axis=0))"
    r = check("batchnorm", "Z", no_var)
    assert r.code == "missing-path" and "var" in r.diagnoses[0].message
    assert "漏掉" in check("batchnorm", "Z", no_var, lang="zh").text()
