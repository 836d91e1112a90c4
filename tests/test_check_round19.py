"""Checker messages fixed in round 19 (issue 11): a one-digit number that is not the value at
any rounding is wrong (not 'too few digits'); a gradient's ``.shape`` is its tensor's; an error
without a column is said once; the reader's own form of ``np.ones((r, c))`` is never echoed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from derive.checker.check import check
from derive.checker.checknet import net_for
from derive.checker.formtree import formula_text
from derive.engine import mform as mf

torch = pytest.importorskip("torch")
COURSE = Path(__file__).parent / "specs_course"


def _tiny_w11() -> float:
    """∂L/∂W1[0,0] of tiny-mlp by PyTorch (float64), from the network's own example values."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    g = derive(spec.load("tiny-mlp")).graph
    return float(np.asarray(numeric.gradients_torch(g, numeric.example_point(g))["W1"])[0, 0])


@pytest.mark.parametrize(
    "value, code",
    [
        ("-0.01", "too-few-digits"),  # -0.0137 at one digit
        ("-0.02", "too-few-digits"),  # within one unit of its digit
        ("0.5", "unknown"),  # no rounding of -0.0137 gives 0.5
        ("0.01", "sign"),
        ("3", "unknown"),
        ("-0.0137", None),  # enough digits: right
    ],
)
def test_one_digit_numbers(value: str, code: str | None) -> None:
    exact = _tiny_w11()
    r = check("tiny-mlp", "W1[0,0]", value=value)
    assert abs(r.exact - exact) < 1e-12  # type: ignore[operator]
    assert r.code == code, r.text()
    assert r.ok is (code is None)
    if code == "unknown":
        assert "any rounding" in r.text() and "-0.01" in r.text()


def test_one_digit_wrong_in_chinese() -> None:
    r = check("tiny-mlp", "W1[0,0]", value="0.5", lang="zh")
    assert "无论怎样舍入都不对" in r.text()


def test_a_gradients_shape_is_its_tensors() -> None:
    r = check("mlp-bce", "W1", "X.T @ (dA1 * (Z1 > 0)) / dZ1.shape[0]")
    assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()  # dA1 has the 1/m
    assert check("mlp-bce", "W2", "A1.T @ (A2 - Y) / dZ2.shape[0]").ok
    assert check("mlp-bce", "W2", "A1.T @ (A2 - Y) / len(dA2)").ok


def test_an_error_without_a_column_is_said_once() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "derive", "check", "mlp-bce", "--wrt", "W1", "Q.shape[0] * A1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.count("is not a tensor of this network") == 1, run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "derive", "check", "mlp-bce", "--wrt", "W1", "A1.T @ ("],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2 and "^" in run.stderr  # a column: the caret under it, then the error


def test_the_readers_ones_block_prints_as_np_ones() -> None:
    n = net_for("mlp-bce", 0)
    x, dz = n.resolve("X")[1], n.resolve("dZ1")[1]
    block = mf.Add((mf.Mul(mf.Scalar(sp.Integer(0)), x), mf.Scalar(sp.Integer(1))))
    assert formula_text(block) == "np.ones((m, n_in))"
    assert formula_text(mf.MatMul(mf.T(block), dz)) == "np.ones((m, n_in)).T @ dZ1"
    assert formula_text(mf.Add((mf.Mul(mf.Scalar(sp.Integer(0)), x), x))) != "np.ones((m, n_in))"


AUTOREC = str(COURSE / "hn16_d2l_autorec.toml")


@pytest.mark.parametrize(
    "text, ok",
    [
        ("dpred = -2 * (R - pred) * mask\ndW_d = hidden.T @ dpred + lambda_ * W_d", True),
        ("dpred = -2 * (R - pred) * mask ** 2\ndW_d = hidden.T @ dpred + lambda_ * W_d", True),
        ("dpred = -2 * (R - pred)\ndW_d = hidden.T @ dpred + lambda_ * W_d", False),
        ("dpred = -2 * (R * mask - pred)\ndW_d = hidden.T @ dpred + lambda_ * W_d", False),
    ],
)
def test_an_undeclared_0_1_mask_is_drawn_0_1(text: str, ok: bool) -> None:
    """AutoRec's observed-ratings mask (given 0s and 1s, used only as a factor): ``* mask`` is
    the gradient for every 0/1 mask — PyTorch agrees on masks drawn at random."""
    assert net_for(AUTOREC, 0).masks == ("mask",)
    assert check(AUTOREC, "W_d", text).ok is ok
    rng = np.random.default_rng(7)
    R = torch.tensor(rng.integers(0, 6, (3, 4)).astype(float))
    We, Wd = (torch.tensor(rng.standard_normal(s), requires_grad=True) for s in ((4, 2), (2, 4)))
    be, bd = (torch.tensor(rng.standard_normal(s), requires_grad=True) for s in ((2,), (4,)))
    for _ in range(5):
        mask = torch.tensor(rng.integers(0, 2, (3, 4)).astype(float))
        hidden = torch.sigmoid(R @ We + be)
        pred = hidden @ Wd + bd
        loss = torch.sum(((R - pred) * mask) ** 2) + 0.01 / 2 * (
            torch.sum(We**2) + torch.sum(Wd**2)
        )
        (g,) = torch.autograd.grad(loss, Wd)
        h, p = hidden.detach(), pred.detach()
        mine = h.T @ (-2 * (R - p) * mask) + 0.01 * Wd.detach()
        assert torch.allclose(g, mine, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(
    "name, masks",
    [
        ("tf_mit6s191_dense", ()),  # labels=… of a sigmoid cross-entropy: a target, not a mask
        ("hn15_mit_dbvae", ()),  # y is a label as well as a weight
        ("hn17_weibull_aft", ("event",)),  # a censoring indicator
        ("cofi_ng_ml", ("R",)),  # Ng's rated-or-not matrix
    ],
)
def test_which_inputs_are_masks(name: str, masks: tuple[str, ...]) -> None:
    path = str(COURSE / f"{name}.toml")
    assert net_for(path, 0).masks == masks
    assert net_for("mlp-bce-weighted", 0).masks == ()  # BCE targets are never masks


@pytest.mark.parametrize(
    "spec, wrt, text, fixed",
    [
        (
            "hn16_d2l_autorec",
            "W_d",
            "hidden.T @ (2 * (pred - R)) + lambda_ * W_d",
            "2 * (pred - R) * mask",
        ),
        (
            "cofi_ng_ml",
            "Theta",
            "(X @ Theta.T - Y).T @ X + lambda_ * Theta",
            "(X @ Theta.T - Y) * R",
        ),
        (
            "d2l_dropout_scratch",
            "W1",
            "X.T @ (dout @ W2.T / (1.0 - dropout) * (X @ W1 + b1 > 0))",
            "* mask",
        ),
    ],
)
def test_a_forgotten_mask_is_named(spec: str, wrt: str, text: str, fixed: str) -> None:
    path = str(COURSE / f"{spec}.toml")
    r = check(path, wrt, text)
    assert (r.verdict, r.code) == ("incorrect", "missing-factor"), r.text()
    assert "0/1 mask" in r.text() and fixed in r.diagnoses[0].fix
    assert check(path, wrt, r.diagnoses[0].fix).ok  # the fix it prints is right
    assert "0/1 掩码" in check(path, wrt, text, lang="zh").text()


@pytest.mark.parametrize(
    "net, wrt, text, ok",
    [
        ("rnn", "b", "np.ones((1, m)) @ dz_2 + np.ones((1, m)) * 1.0 @ dz_1", True),
        ("rnn", "b", "np.ones((1, m)) @ dz_2 + 2 * np.ones((1, m)) @ dz_1", False),  # 2x a term
        ("mlp-bce", "b2", "np.ones((1, m)) / m @ (A2 - Y)", True),
        ("mlp-bce", "b2", "1 / m * np.ones((1, m)) @ (A2 - Y)", True),
        ("mlp-bce", "b1", "0.5 * np.ones((1, m)) @ dZ1", False),
    ],
)
def test_a_number_times_a_block_of_ones_under_matmul(
    net: str, wrt: str, text: str, ok: bool
) -> None:
    """Python reads ``2 * np.ones((1, m)) @ dZ`` as ``(2 * np.ones(…)) @ dZ``: 2 times the column
    sums (with m = 1, rnn's batch, the block is 1 × 1 and was read as the number 1 under @)."""
    r = check(net, wrt, text)
    assert r.ok is ok, r.text()
    if not ok:
        assert r.code == "scale-factor", r.text()


def test_a_block_matrix_of_block_matrices_is_read() -> None:
    """derive prints a concatenation of concatenations as nested bmatrix environments; each
    keeps its own cell and row separators (the outer one was cut at the inner \\end)."""
    from derive.checker import latexin

    nested = r"\begin{bmatrix} \begin{bmatrix} a & b \end{bmatrix} \\ c \end{bmatrix} + \begin{bmatrix} x \\ y \end{bmatrix}"
    assert latexin.protect_matrices(nested) == (
        r"\begin{bmatrix} \begin{bmatrix} a  \mcol  b \end{bmatrix}  \mrow  c \end{bmatrix}"
        r" + \begin{bmatrix} x  \mrow  y \end{bmatrix}"
    )
    glow = str(COURSE / "hn18_glow_actnorm_1x1.toml")
    t = net_for(glow, 0).target("W")
    assert t.tex.count(r"\begin{bmatrix}") > t.tex.count(r"\begin{bmatrix} \mathbf{0}")
    assert check(glow, "W", t.tex, latex=True).ok
    wrong = t.tex.replace(r"-\delta_{\mathrm{det}}", r"\delta_{\mathrm{det}}", 1)
    assert wrong != t.tex and not check(glow, "W", wrong, latex=True).ok


def test_a_kink_outside_the_networks_domain_is_not_tested() -> None:
    """Glow's log|det| has abs's kink at det = 0, where log is undefined: no kink point there
    (its own dW was judged 'relu-at-zero'); a ReLU network keeps its kink point."""
    glow = str(COURSE / "hn18_glow_actnorm_1x1.toml")
    assert net_for(glow, 0).zero is None
    assert check(glow, "W", net_for(glow, 0).target("W").expected).ok
    assert net_for("relu-mlp", 0).zero is not None


def test_a_one_digit_number_after_a_right_formula_does_not_overrule_it() -> None:
    """``dw = 2 * (u + b) * x  # since dv/du = 1``: the 1 is another quantity (corpus 12), and
    one digit is too little to judge a stated result by; a stated number with digits still is."""
    assert check("chain", "w", "dw = 2 * (u + b) * x  # since dv/du = 1").ok
    assert check("chain", "w", "dw = 2 * (u + b) * x = 40").ok
    assert not check("chain", "w", "dw = 2 * (u + b) * x = 41").ok


def test_a_per_example_sum_runs_along_columns_only_for_1d_inputs() -> None:
    """Platt scaling's inputs are declared 1-D (examples along the columns); the neuron's
    x = [1, 3] is one example's three features, where Σ (O − t) O (1 − O) x sums nothing."""
    assert check("neuron", "w", r"\sum (O - t) O (1-O) x", latex=True).ok
    assert not check("neuron", "w", r"(O - t) O (1-O) x \mathbf{1}", latex=True).ok
