"""The held-out-style corpus of issue 11, third round (tests/corpus3.py): right and wrong
derivations in styles not in corpus 2, over all ten built-ins. Each case with an ``oracle`` has
its verdict confirmed against PyTorch by tests/check_oracle.py (not by the checker); then
derive.checker must give that verdict and, where one is named, that diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus3.py, bench/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402
import corpus3  # noqa: E402

CASES = corpus3.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c3-450": "δ_{z_0} names no tensor: exit 2 naming it is the right answer (counted as a failure)",
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{c['net']}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_is_large_and_covers_every_builtin() -> None:
    from derive.lang.spec import builtin_names

    assert len(CASES) >= 250
    assert {c["net"] for c in CASES} == set(builtin_names())
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert sum(c["kind"] == "latex" for c in CASES) >= 60
    assert sum(c["kind"] == "value" for c in CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2() -> None:
    import corpus2

    earlier = corpus2.load()
    assert corpus_common.repeats(CASES, earlier) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus3(case: dict) -> None:
    got = corpus3.run(case)
    assert corpus3.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_numpy_row_sum_without_keepdims_is_a_row() -> None:
    """np.sum(X, axis=1) is 1-D in NumPy and broadcasts as a row: the softmax backward without
    keepdims is wrong (it was accepted), and says why; with keepdims or [:, None] it is right."""
    from derive.checker.check import check

    r = check("attention", "S", "A * (dA - np.sum(dA * A, axis=1))")
    assert not r.ok
    assert any("keepdims" in n for n in r.notes)
    for right in (
        "A * (dA - np.sum(dA * A, axis=1, keepdims=True))",
        "A * (dA - np.sum(dA * A, axis=1)[:, None])",
        "A * (dA - np.sum(dA * A, axis=-1).reshape(-1, 1))",
        "A * (dA - np.expand_dims((dA * A).sum(1), 1))",
    ):
        assert check("attention", "S", right).ok, right
    assert check("softmax-regression", "b", "dZ.sum(axis=1)").code == "wrong-sum-axis"


def test_row_sum_is_left_to_the_slow_path() -> None:
    """The SymPy-free fast path must not answer ✓ for the 1-D row sum."""
    from derive.checker import fastpath

    assert fastpath.check("attention", "S", "A * (dA - np.sum(dA * A, axis=1))") is None


def test_in_place_updates_and_left_side_spellings() -> None:
    from derive.checker.check import check

    assert check("softmax-regression", "W", "dZ = P - Y\ndZ /= m\ndW = X.T @ dZ").ok
    assert not check("softmax-regression", "W", "dZ = P - Y\ndZ *= m\ndW = X.T @ dZ").ok
    acc = "dW_h = np.zeros_like(W_h)\ndW_h += h_1.T @ dz_2\ndW_h += h_0.T @ dz_1"
    assert check("rnn", "W_h", acc).ok
    assert not check("rnn", "W_h", acc.replace("+= h_0", "-= h_0")).ok
    assert check("relu-mlp", "w2", "grad_y = 2 * (y_pred - y)\ngrad_w2 = h_relu.T @ grad_y").ok
    assert check("chain", "w", "dL_dv = 2 * v\ndL_dw = dL_dv * x").ok
    assert check("neuron", "w", "nabla_w = (O - t) * O * (1 - O) * x").ok
    assert check("neuron", "w", "w_grad = (O - t) * O * (1 - O) * x").ok
    # CS231n's buffer: dhidden holds dZ1 after the masking, whatever its name said before
    assert check("mlp-bce", "Z1", "dA1 = dZ2 @ W2.T\ndA1[Z1 <= 0] = 0").ok
    assert check("mlp-bce", "Z1", "dA1 = dZ2 @ W2.T\ndA1[Z1 < 0] = 0").code == "relu-at-zero"


def test_activation_derivative_helpers_from_the_op_table() -> None:
    from derive.checker.check import check

    assert check("tiny-mlp", "h_raw", "dh * sigmoid_prime(h_raw)").ok
    assert check("rnn", "z_2", "dh_2 * tanh_derivative(z_2)").ok
    assert check("mlp-bce", "Z1", "dA1 * relu_prime(Z1)").ok
    r = check("mlp-bce", "Z1", "dA1 * sigmoid_prime(Z1)")
    assert r.code == "wrong-activation-derivative"


def test_exact_hand_calculation_has_no_allowance() -> None:
    """chain's gradient is an exact integer at every step: 40.1 is not 'one unit off', it is wrong;
    a fraction is an exact value."""
    from derive.checker.check import check

    assert not check("chain", "w", value="40.1").ok
    assert check("chain", "w", value="40.0").ok
    assert check("tiny-mlp", "w11", value="-0.01366").ok  # one unit, inexact intermediates
    assert check("batchnorm", "beta[0,1]", value="-8/15").ok
    assert check("batchnorm", "beta[0,1]", value=r"-\frac{8}{15}").ok
    assert not check("batchnorm", "beta[0,1]", value="-7/15").ok


def test_latex_sums_over_examples_and_time_steps() -> None:
    from derive.checker.check import FormulaError, check

    L = True
    assert check("mlp-bce", "b2", r"\frac{1}{m}\sum_{i=1}^{m}(a^{[2](i)} - y^{(i)})", latex=L).ok
    assert check(
        "softmax-regression", "W", r"\frac{1}{m}\sum_{i=1}^{m} x^{(i)\top}(p^{(i)} - y^{(i)})", latex=L
    ).ok
    with pytest.raises(FormulaError, match="vectorised"):
        check("mlp-bce", "b2", r"\frac{1}{m}(a^{[2](i)} - y^{(i)})", latex=L)
    assert check("rnn", "W_h", r"\sum_{t=1}^{2} h_{t-1}^{\top} \delta_{z_t}", latex=L).ok
    assert not check("rnn", "W_h", r"\sum_{t=1}^{2} h_{t}^{\top} \delta_{z_t}", latex=L).ok
    assert check(
        "batchnorm",
        "var",
        r"-\frac{1}{2}\sum_{i}\delta_{\hat{Z}} \odot (Z - \mu) \odot (\sigma^2 + \epsilon)^{-3/2}",
        latex=L,
    ).ok


def test_diag_as_a_factor() -> None:
    from derive.checker.check import FormulaError, check

    assert check("tiny-mlp", "h_raw", r"\delta_{h}\, \mathrm{diag}(h \odot (1 - h))", latex=True).ok
    assert check("rnn", "z_1", r"\delta_{z_2} W_h^{\top} \mathrm{diag}(1 - h_1^2)", latex=True).ok
    assert not check("tiny-mlp", "h_raw", r"\delta_{h}\, \mathrm{diag}(h)", latex=True).ok
    with pytest.raises(FormulaError, match="diag"):
        check("rnn", "z_1", r"\mathrm{diag}(1 - h_1^2)", latex=True)


def test_leibniz_over_entry_labels() -> None:
    """Mazur's element-wise chain rule: each ∂A/∂B over entry labels is the local derivative of
    A's element-wise definition."""
    from derive.checker.check import FormulaError, check

    chain = "∂L/∂y_pred * ∂y_pred/∂h{k} * ∂h{k}/∂h{k}_raw * ∂h{k}_raw/∂w{j}{k}"
    assert check("tiny-mlp", "w11", chain.format(j=1, k=1)).ok
    assert check("tiny-mlp", "w21", chain.format(j=2, k=1)).ok
    assert check("tiny-mlp", "w12", chain.format(j=1, k=2)).ok
    r = check("tiny-mlp", "w11", chain.format(j=2, k=1))
    assert r.code == "wrong-entry"
    with pytest.raises(FormulaError, match="not an input"):
        check("tiny-mlp", "w11", "∂L/∂y_pred * ∂y_pred/∂h2 * ∂h2/∂h2_raw * ∂h2_raw/∂w11")


def test_definitions_and_layer_subscripted_activations() -> None:
    from derive.checker.check import check

    assert check("mlp-bce", "Z2", r"\delta^{[2]} := \frac{1}{m}(A^{[2]} - Y)", latex=True).ok
    assert check("mlp-bce", "Z1", r"\delta^{(2)} W^{(2)\top} \odot f_1'(Z^{(1)})", latex=True).ok
    r = check("mlp-bce", "Z1", r"\delta^{(2)} W^{(2)\top} \odot f_1'(Z^{(2)})", latex=True)
    assert r.code == "wrong-layer"


def test_prediction_alias_inside_a_scaled_loss() -> None:
    """ŷ is the loss's prediction also when the loss is 0.5 * mse(O, t)."""
    from derive.checker.check import check

    r = check("neuron", "w", r"\hat{y}(1-\hat{y})(t-\hat{y})\, x", latex=True)
    assert r.code == "sign"
