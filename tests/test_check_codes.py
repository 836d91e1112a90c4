"""Diagnosis codes and readings measured as gaps on issue 11 (branch ``checkcodes``): each wrong
formula gets the code of its mistake, and each corrected formula the checker proposes is checked
again and accepted (so a proposed fix that does not hold fails the test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check

COURSE = Path(__file__).resolve().parent / "specs_course"
HINGE = str(COURSE / "squared_hinge.toml")  # ½Σw² + C·mean(max(0, 1 − y s)²)
SVM = str(COURSE / "svm_hinge.toml")  # λΣw² + C·mean(max(0, 1 − margin))
DATA = "2 * C * X.T @ (y * np.maximum(0, 1 - y * s))"


@pytest.mark.parametrize(
    ("net", "formula", "factor"),
    [
        (HINGE, f"w - {DATA}", "n"),  # the data term without its 1/n, the penalty right
        (HINGE, f"w - {DATA} / n / 2", "1/2"),  # the data term halved
        (SVM, "2 * lam * w - C * X.T @ (y * (margin < 1))", "m"),
        (SVM, "2 * lam * w - C * X.T @ (y * (margin < 1)) / m**2", "1/m"),
    ],
)
def test_one_term_off_by_a_factor_is_named(net: str, formula: str, factor: str) -> None:
    r = check(net, "w", formula)
    assert not r.ok and r.code == "scale-factor", r.text()
    d = r.diagnoses[0]
    assert d.factor == factor and "the term" in d.message, d.message
    assert check(net, "w", d.fix).ok, d.fix  # the proposed correction is right
    assert "这一项" in check(net, "w", formula, lang="zh").text()


def test_one_term_with_the_wrong_sign_is_a_sign() -> None:
    r = check(HINGE, "w", f"-w - {DATA} / n")
    assert r.code == "sign", r.text()
    assert check(HINGE, "w", r.diagnoses[0].fix).ok


def test_the_penalty_off_by_a_factor_stays_loss_term_factor() -> None:
    assert check(HINGE, "w", f"2 * w - {DATA} / n").diagnoses[0].factor == "2"
    r = check(HINGE, "w", f"w / n - {DATA} / n")  # the penalty divided by n too: named
    assert r.code == "loss-term-factor" and r.diagnoses[0].factor == "1/n", r.text()


def test_a_right_sum_and_a_whole_factor_are_unchanged() -> None:
    assert check(HINGE, "w", f"w - {DATA} / n").ok
    assert check(HINGE, "w", f"(w - {DATA} / n) * n").code == "scale-factor"


LSTMF = str(COURSE / "lstm_fused_slices.toml")  # hh = o * tanh(c): tanh(c) is no node
GRU = str(COURSE / "gru_weight_slices.toml")  # z, r = σ(x W[:, :h] + …), σ(x W[:, h:] + …)
CS_LSTM = str(COURSE / "cs231n_lstm_step.toml")


@pytest.mark.parametrize(
    ("net", "wrt", "formula", "right"),
    [
        # the derivative of an activation inside another node's definition, no node of its own
        (LSTMF, "c", "2 * (hh - y) * o", "2 * (hh - y) * o * (1 - np.tanh(c) ** 2)"),
        # every gate's derivative left out of a concatenation of blocks (two, then four)
        (GRU, "W", "np.hstack((x.T @ dz, x.T @ dr))",
         "np.hstack((x.T @ (dz * z * (1 - z)), x.T @ (dr * r * (1 - r))))"),
        (GRU, "W", "np.hstack((x.T @ dz, x.T @ (dr * r * (1 - r))))",
         "np.hstack((x.T @ (dz * z * (1 - z)), x.T @ (dr * r * (1 - r))))"),
        (CS_LSTM, "a", "np.hstack((di, df, do, dg))",
         "np.hstack((di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g ** 2)))"),
    ],
)
def test_activation_derivatives_left_out_are_named(net, wrt, formula, right) -> None:
    assert check(net, wrt, right).ok  # the same formula with them is right
    r = check(net, wrt, formula)
    assert r.code == "missing-activation-derivative", r.text()


@pytest.mark.parametrize(
    ("net", "wrt", "text"),
    [
        # a time index in a subscript: one step of a cell, course code's names for the steps
        (CS_LSTM, "Wh", r"\frac{\partial L}{\partial W_h} = h_{t-1}^{\top}\,\delta_a"),
        (CS_LSTM, "prev_c", r"\delta_{c_{t-1}} = \delta_{c_t} \odot f"),
        (LSTMF, "W", r"\begin{bmatrix} x & h_{t-1} \end{bmatrix}^\top \delta_g"),
        # the mean over the batch as an expectation, or 1/m Σ_i where the batch is called N
        ("mlp-bce", "b2", r"\mathbb{E}_i[\hat y_i - y_i]"),
        ("mlp-bce", "W2", r"\mathbb{E}_{i}\left[a^{[1](i)\top} (\hat y^{(i)} - y^{(i)})\right]"),
        ("softmax-regression", "W",
         r"\mathbb{E}_{i \sim \mathcal{D}}\left[ x^{(i)\top} (p^{(i)} - y^{(i)}) \right]"),
        (str(COURSE / "cs231n_class_index.toml"), "W",
         r"\frac{1}{m}\sum_{i=1}^{m} x_i^\top (p_i - y_i)"),
    ],
)
def test_course_notation_is_read(net, wrt, text) -> None:
    r = check(net, wrt, text, latex=True)
    assert r.ok, r.text()


def test_a_wrong_mean_is_still_wrong() -> None:
    mean = r"\mathbb{E}_{i}\left[a^{[1](i)\top} (\hat y^{(i)} - y^{(i)})\right]"
    r = check("mlp-bce", "W2", r"2\," + mean)
    assert r.code == "scale-factor", r.text()
    r = check(CS_LSTM, "Wh", r"h_{t}^{\top}\,\delta_a", latex=True)  # next_h for prev_h
    assert not r.ok, r.text()


def test_a_time_index_that_names_nothing_says_so() -> None:
    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError) as err:
        check("rnn", "W_h", r"h_{t-1}^{\top} \delta_{z_t}", latex=True)
    assert "time index 't-1'" in err.value.localized("en")
    assert "时间下标" in err.value.localized("zh")


ROWS = str(COURSE / "row_blocks.toml")  # top = A[0:1, :], rest = A[1:], last/first: Z's columns


@pytest.mark.parametrize(
    ("net", "wrt", "text", "ok"),
    [
        # a block of zeros stacked next to a gradient: its shape from the sizes written in it
        (GRU, "h1", "np.vstack([np.zeros((m - 1, h)), 2 * (last - t)])", True),
        (GRU, "h1", "np.vstack([np.zeros((m - 1, h)), last - t])", False),
        (GRU, "h1", "np.concatenate((2 * (last - t), np.zeros((m - 1, h))), axis=0)", False),
        # in-place updates of row and column slices, as NumPy performs them
        (ROWS, "A", "dA = dZ @ V.T\ndA[0:1] += 2 * top\ndA[1:] += 1 / ((m - 1) * n)", True),
        (ROWS, "A", "dA = dZ @ V.T\ndA[0:1] += 2 * top\ndA[1:] += 1 / (m * n)", False),
        (ROWS, "A", "dA = np.zeros_like(A)\ndA[0:1] += 2 * top\ndA[1:, :] += 1 / ((m - 1) * n)"
         "\ndA += dZ @ V.T", True),
        (ROWS, "Z", "dZ = np.zeros_like(Z)\ndZ[:, -2:] = first\ndZ[:, :2] += last", True),
        (ROWS, "Z", "dZ = np.zeros_like(Z)\ndZ[:, -2:] = last\ndZ[:, :2] += first", False),
    ],
)
def test_blocks_of_zeros_and_slice_updates_are_read(net, wrt, text, ok) -> None:
    r = check(net, wrt, text)
    assert r.ok is ok, r.text()


JAX1D = str(COURSE / "jax_linreg_1d.toml")  # W = ["d"], targets = ["n"], preds = feats @ W + b


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2 * jnp.dot(feats.T, preds - targets) / n", None),  # NumPy's matrix-vector product
        ("2 * feats.T @ (preds - targets) / n", None),
        ("2 * (preds - targets) @ feats / n", None),  # vector-matrix: the same
        ("2 * feats.T @ dpreds", "scale-factor"),  # dpreds is 1-D too (and has the 2/n)
        ("feats.T @ (preds - targets) / n", "scale-factor"),
        ("2 * feats @ (preds - targets) / n", "shape-mismatch"),
    ],
)
def test_a_one_d_vector_on_the_right_of_matmul_is_numpys(text: str, code: str | None) -> None:
    r = check(JAX1D, "W", text)
    assert r.ok is (code is None) and r.code == code, r.text()
