"""``derive check`` on answers written the way students and course notes write them (issue 11):
one table of right and wrong cases per point of the issue, each with its verdict and code,
plus the batch grader. ``None`` as the code means correct; ``"unreadable"`` means exit 2 (a
:class:`FormulaError`)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.checker.check import FormulaError, check
from derive.cli import main

Case = tuple[str, str, str, str, str, str | None]  # net, wrt, kind, text, verdict, code


def run(net: str, wrt: str, kind: str, text: str, **kw):  # type: ignore[no-untyped-def]
    if kind == "value":
        return check(net, wrt, value=text, **kw)
    return check(net, wrt, text, latex=kind == "latex", **kw)


def verdict_of(case: Case) -> tuple[str, str | None]:
    net, wrt, kind, text, _, _ = case
    try:
        r = run(net, wrt, kind, text)
    except FormulaError:
        return "unreadable", "unreadable"
    return r.verdict, r.code


def _ids(cases: list[Case]) -> list[str]:
    return [f"{c[0]}:{c[1]}:{c[3][:40]}" for c in cases]


# ---- 1. Leibniz notation means what it says -----------------------------------------------------

LEIBNIZ: list[Case] = [
    # the issue's example: a chain-rule product, then σ' written out
    (
        "tiny-mlp",
        "h_raw",
        "latex",
        r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h} h (1-h)",
        "correct",
        None,
    ),
    (
        "tiny-mlp",
        "h_raw",
        "latex",
        r"\frac{\partial L}{\partial h} \odot \frac{\partial h}{\partial h_{raw}}",
        "correct",
        None,
    ),
    (
        "tiny-mlp",
        "W2",
        "latex",
        r"\frac{\partial L}{\partial y_{pred}} \frac{\partial y_{pred}}{\partial W_2}",
        "correct",
        None,
    ),
    (
        "tiny-mlp",
        "W1",
        "latex",
        r"\frac{\partial L}{\partial h_{raw}} \frac{\partial h_{raw}}{\partial W_1}",
        "correct",
        None,
    ),
    (
        "mlp-bce",
        "W2",
        "latex",
        r"\frac{\partial L}{\partial Z^{[2]}} \frac{\partial Z^{[2]}}{\partial W^{[2]}}",
        "correct",
        None,
    ),
    # denominator-layout order: the local factor first
    (
        "mlp-bce",
        "W2",
        "latex",
        r"\frac{\partial Z^{[2]}}{\partial W^{[2]}} \frac{\partial L}{\partial Z^{[2]}}",
        "correct",
        None,
    ),
    (
        "mlp-bce",
        "b1",
        "latex",
        r"\frac{\partial L}{\partial Z^{[1]}} \frac{\partial Z^{[1]}}{\partial b^{[1]}}",
        "correct",
        None,
    ),
    (
        "mlp-bce",
        "Z1",
        "latex",
        r"\frac{\partial L}{\partial A^{[1]}} \frac{\partial A^{[1]}}{\partial Z^{[1]}}",
        "correct",
        None,
    ),
    (
        "mlp-bce",
        "W1",
        "latex",
        r"\frac{\partial L}{\partial A^{[2]}} \frac{\partial A^{[2]}}{\partial Z^{[2]}} "
        r"\frac{\partial Z^{[2]}}{\partial A^{[1]}} \frac{\partial A^{[1]}}{\partial Z^{[1]}} "
        r"\frac{\partial Z^{[1]}}{\partial W^{[1]}}",
        "correct",
        None,
    ),
    ("mlp-bce", "W2", "latex", r"\frac{dL}{dZ^{[2]}} \frac{dZ^{[2]}}{dW^{[2]}}", "correct", None),
    ("mlp-bce", "W2", "numpy", "∂L/∂Z2 ∂Z2/∂W2", "correct", None),
    (
        "neuron",
        "w",
        "latex",
        r"\frac{\partial L}{\partial O} \frac{\partial O}{\partial z} \frac{\partial z}{\partial w}",
        "correct",
        None,
    ),
    (
        "chain",
        "w",
        "latex",
        r"\frac{\partial L}{\partial v} \frac{\partial v}{\partial u} x",
        "correct",
        None,
    ),
    # wrong chains are judged, not excused
    (
        "mlp-bce",
        "W2",
        "latex",
        r"\frac{\partial L}{\partial A^{[2]}} \frac{\partial Z^{[2]}}{\partial W^{[2]}}",
        "incorrect",
        "missing-activation-derivative",
    ),
    (
        "tiny-mlp",
        "h_raw",
        "latex",
        r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h}",
        "incorrect",
        "missing-activation-derivative",
    ),
    # ∂Z2/∂W1: W1 is upstream of Z2 (through A1), the derivative through the nodes in between,
    # so the product is ∂L/∂W1, where W2 is asked: the wrong layer (heldcheck18; was exit 2)
    (
        "mlp-bce",
        "W2",
        "latex",
        r"\frac{\partial L}{\partial Z^{[2]}} \frac{\partial Z^{[2]}}{\partial W^{[1]}}",
        "incorrect",
        "wrong-layer",
    ),
    # a B that A does not depend on, or a name that is no node: exit 2 naming it
    (
        "mlp-bce",
        "W1",
        "latex",
        r"\frac{\partial L}{\partial Z^{[1]}} \frac{\partial Z^{[1]}}{\partial W^{[2]}}",
        "unreadable",
        "unreadable",
    ),
    (
        "mlp-bce",
        "W2",
        "latex",
        r"\frac{\partial L}{\partial Z^{[2]}} \frac{\partial Q}{\partial W^{[2]}}",
        "unreadable",
        "unreadable",
    ),
]


@pytest.mark.parametrize("case", LEIBNIZ, ids=_ids(LEIBNIZ))
def test_leibniz(case: Case) -> None:
    assert verdict_of(case) == case[4:]


def test_leibniz_names_what_is_not_a_node() -> None:
    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "W2", r"\frac{\partial Z^{[2]}}{\partial Q} \delta^{[2]}", latex=True)
    assert "'Q'" in info.value.message
    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "W1", r"dZ^{[1]} \frac{\partial Z^{[1]}}{\partial W^{[2]}}", latex=True)
    assert "W2 is not an input of Z1" in info.value.message


# ---- 2. sizes told apart -----------------------------------------------------------------------

SIZES: list[Case] = [  # mlp-bce: m = n_in = n_h = 2; relu-mlp: n = H = 3
    ("mlp-bce", "W2", "numpy", "A1.T @ (A2 - Y) / m", "correct", None),
    ("mlp-bce", "W2", "numpy", "A1.T @ (A2 - Y) / n_in", "incorrect", "scale-factor"),
    ("mlp-bce", "W2", "numpy", "A1.T @ (A2 - Y) / n_h", "incorrect", "scale-factor"),
    ("mlp-bce", "W2", "numpy", "A1.T @ (A2 - Y) / X.shape[1]", "incorrect", "scale-factor"),
    ("mlp-bce", "W2", "numpy", "A1.T @ (A2 - Y) / X.shape[0]", "correct", None),
    ("mlp-bce", "W2", "numpy", "A1.T @ (A2 - Y) / Y.shape[0]", "correct", None),
    (
        "mlp-bce",
        "b2",
        "numpy",
        "np.sum(A2 - Y, axis=0, keepdims=True) / n_h",
        "incorrect",
        "scale-factor",
    ),
    ("mlp-bce", "Z2", "numpy", "(A2 - Y) / 2", "incorrect", "scale-factor"),
    ("mlp-bce", "Z2", "latex", r"\frac{1}{n_{in}} (A^{[2]} - Y)", "incorrect", "scale-factor"),
    ("mlp-bce", "Z2", "latex", r"\frac{1}{m} (A^{[2]} - Y)", "correct", None),
    ("mlp-bce", "b1", "numpy", "mean(dZ1 * m, axis=0)", "correct", None),
    ("relu-mlp", "y_pred", "numpy", "2 * (y_pred - y)", "correct", None),
    ("relu-mlp", "y_pred", "numpy", "2 * (y_pred - y) / n", "incorrect", "scale-factor"),
]


@pytest.mark.parametrize("case", SIZES, ids=_ids(SIZES))
def test_sizes(case: Case) -> None:
    assert verdict_of(case) == case[4:]


def test_wrong_size_names_both_sizes() -> None:
    r = check("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_in")
    message = r.diagnoses[0].message
    assert "n_in" in message and "m belongs" in message
    assert any("example sizes" in n for n in r.notes)
    r = check("mlp-bce", "Z2", "(A2 - Y) / 2")
    assert "2 for m" in r.diagnoses[0].message


# ---- 3. hand-computed numbers ------------------------------------------------------------------

# tiny-mlp ∂L/∂w11 = −0.0136680920634764, ∂L/∂v1 = −0.113898237742525; a hand calculation rounding
# every intermediate to 3 digits gives −0.01375 (w11); mlp-bce ∂L/∂W1[0,0] = −0.0979352 (W1[0,0] = 0.3: one Z1 entry masked)
GELU = str(Path(__file__).resolve().parent / "specs_course" / "gelu_default.toml")
NUMBERS: list[Case] = [
    ("tiny-mlp", "w11", "value", "-0.014", "correct", None),  # rounded to 2 digits
    ("tiny-mlp", "w11", "value", "-0.0137", "correct", None),  # rounded to 3 digits
    ("tiny-mlp", "w11", "value", "-0.01367", "correct", None),
    ("tiny-mlp", "w11", "value", "−0.0136681", "correct", None),  # Unicode minus
    ("tiny-mlp", "w11", "value", "-0.0136", "correct", None),  # one unit, 3 digits
    ("tiny-mlp", "w11", "value", "-0.0138", "correct", None),  # the 3-digit hand calculation
    ("tiny-mlp", "w11", "value", "-0.01", "incorrect", "too-few-digits"),  # issue: 27 % off
    ("tiny-mlp", "w11", "value", "-0.0135", "incorrect", "rounding"),  # intermediates to 2 digits
    ("tiny-mlp", "w11", "value", "-0.01372", "incorrect", "rounding"),
    ("tiny-mlp", "w11", "value", "-0.0139", "incorrect", "unknown"),
    ("tiny-mlp", "w11", "value", "-0.015", "incorrect", "unknown"),
    ("tiny-mlp", "w11", "value", "0.0137", "incorrect", "sign"),
    ("tiny-mlp", "w11", "value", "-0.02734", "incorrect", "scale-factor"),
    ("tiny-mlp", "w11", "value", "-0.002734", "incorrect", "wrong-entry"),
    ("tiny-mlp", "v1", "value", "-0.114", "correct", None),
    ("tiny-mlp", "v1", "value", "-0.11", "correct", None),
    ("tiny-mlp", "v1", "value", "-0.13", "incorrect", "unknown"),
    ("tiny-mlp", "v1", "value", "-0.1172", "incorrect", "wrong-entry"),  # that is v2
    ("tiny-mlp", "v1", "value", "0.1139", "incorrect", "sign"),
    ("mlp-bce", "W1[0,0]", "value", "-0.09794", "correct", None),
    ("mlp-bce", "W1[0,0]", "value", "-0.0979", "correct", None),
    ("mlp-bce", "W1[0,0]", "value", "-0.1", "incorrect", "too-few-digits"),
    ("mlp-bce", "W1[0,0]", "value", "0.09794", "incorrect", "sign"),
    ("chain", "w", "value", "40", "correct", None),  # exact
    ("chain", "w", "value", "40.4", "incorrect", "unknown"),  # exact intermediates: no allowance
    ("chain", "w", "value", "41", "incorrect", "unknown"),
    ("chain", "b", "value", "40", "incorrect", "scale-factor"),
    # gelu's erf: a simulation has nothing to round, yet the intermediates are not exact, so
    # one unit of the last digit is allowed (was: no allowance, and "operand-order")
    (GELU, "W[0,0]", "value", "0.05237", "correct", None),
    (GELU, "W[0,0]", "value", "0.05236", "correct", None),
    (GELU, "W[0,0]", "value", "0.05238", "incorrect", "unknown"),
    ("tiny-mlp", "w11", "value", "−1.37 × 10^{-2}", "correct", None),
    ("tiny-mlp", "w11", "value", "-1.37e-2", "correct", None),
    ("tiny-mlp", "w11", "value", "$-0.0137$", "correct", None),
    ("tiny-mlp", "w11", "value", "≈ -0.0137", "correct", None),  # as a hand calculation ends
    ("tiny-mlp", "w11", "value", r"\approx -0.0137", "correct", None),
    ("tiny-mlp", "w11", "value", "-0.0137.", "correct", None),  # a sentence's full stop
    ("tiny-mlp", "w11", "value", "≈ -0.0139.", "incorrect", "unknown"),
    ("tiny-mlp", "w11", "value", "1" * 60, "unreadable", "unreadable"),
    ("tiny-mlp", "w11", "value", "1e5000", "unreadable", "unreadable"),
    ("tiny-mlp", "w11", "value", "about -0.01", "incorrect", "too-few-digits"),  # "about" read
    ("tiny-mlp", "w11", "value", "about 0.01", "incorrect", "sign"),  # one digit, sign flipped
]


@pytest.mark.parametrize("case", NUMBERS, ids=_ids(NUMBERS))
def test_numbers(case: Case) -> None:
    assert verdict_of(case) == case[4:]


def test_number_policy_overrides() -> None:
    assert check("tiny-mlp", "w11", value="-0.01", rtol=0.3).ok  # a lenient course
    assert not check("tiny-mlp", "w11", value="-0.0139", rtol=0.01).ok
    assert check("tiny-mlp", "w11", value="-0.0137", digits=3).ok
    r = check("tiny-mlp", "w11", value="-0.014", digits=3)
    assert r.code == "too-few-digits"
    assert not check("tiny-mlp", "w11", value="-0.0136", digits=3).ok  # exact rounding only
    with pytest.raises(FormulaError):
        check("tiny-mlp", "w11", value="-0.0136", rtol=5)


def test_too_few_digits_is_never_right_and_says_why() -> None:
    r = check("tiny-mlp", "w11", value="-0.01")
    assert not r.ok and "too few digits" in r.diagnoses[0].message
    assert check("chain", "w", value="40").ok  # an exact answer needs no more digits


def test_rounding_is_only_said_when_a_simulation_explains_it() -> None:
    r = check("tiny-mlp", "w11", value="-0.01372")
    assert "-0.01375" in r.diagnoses[0].message  # the 3-digit hand calculation
    assert check("tiny-mlp", "w11", value="-0.015").code != "rounding"


def test_saturated_value_and_huge_numbers_exit_cleanly(tmp_path: Path) -> None:
    spec = tmp_path / "sat.toml"
    spec.write_text(
        '[network]\nname = "sat"\ntitle = { en = "s", zh = "s" }\n[dims]\nn = 1\n'
        '[inputs]\nx = []\ny = []\n[params]\nw = []\n[forward]\nz = "x * w"\n'
        'p = "sigmoid(z)"\nL = "bce(p, y)"\n[values]\nx = 37\nw = 1\ny = 1\n',
        "utf-8",
    )
    runner = CliRunner()
    for value, code in (("-3.2e-15", 0), ("-3.0e-15", 1), ("1" * 5000, 2), ("9e9999", 2)):
        res = runner.invoke(main, ["check", str(spec), "--wrt", "w", f"--value={value}"])
        assert res.exit_code == code, res.output
        assert "Traceback" not in res.output


# ---- 4. element-wise formulas ------------------------------------------------------------------

ELEMENTWISE: list[Case] = [
    ("tiny-mlp", "w11", "numpy", "dh1_raw * x1", "correct", None),
    ("tiny-mlp", "W1[0,0]", "numpy", "dh1_raw * x1", "correct", None),
    ("tiny-mlp", "w11", "numpy", "(y_pred - y_target) * v1 * h1 * (1 - h1) * x1", "correct", None),
    ("tiny-mlp", "w11", "numpy", "dy_pred * v1 * h1 * (1 - h1) * x1", "correct", None),
    ("tiny-mlp", "w21", "numpy", "dh1_raw * x2", "correct", None),
    ("tiny-mlp", "w12", "numpy", "dh2_raw * x1", "correct", None),
    ("tiny-mlp", "v2", "numpy", "dy_pred * h2", "correct", None),
    ("tiny-mlp", "w11", "latex", r"\delta_{h_{1,\text{raw}}} \cdot x_{1}", "correct", None),
    ("tiny-mlp", "w11", "latex", r"v_1 h_1 (1-h_1) x_1 (y_{pred} - y_{target})", "correct", None),
    (
        "tiny-mlp",
        "w11",
        "latex",
        r"\frac{\partial L}{\partial w_{11}} = \delta_{y_{\text{pred}}} \, v_{1} \, h_{1} (1 - h_{1}) x_{1}",
        "correct",
        None,
    ),
    ("tiny-mlp", "w11", "numpy", "dh1_raw * x2", "incorrect", "wrong-entry"),
    ("tiny-mlp", "w11", "numpy", "-dh1_raw * x1", "incorrect", "sign"),
    ("tiny-mlp", "w11", "numpy", "2 * dh1_raw * x1", "incorrect", "scale-factor"),
    ("tiny-mlp", "w11", "numpy", "dy_pred * v1 * x1", "incorrect", "missing-activation-derivative"),
    (
        "tiny-mlp",
        "w11",
        "latex",
        r"v_1 h_1 x_1 (y_{pred} - y_{target})",
        "incorrect",
        "wrong-activation-derivative",
    ),
    ("tiny-mlp", "v1", "numpy", "dy_pred * h2", "incorrect", "wrong-entry"),
    ("neuron", "w1", "numpy", "(O - t) * O * (1 - O) * x1", "correct", None),
    ("neuron", "w1", "numpy", "(O - t) * x1", "incorrect", "missing-activation-derivative"),
    ("neuron", "w0", "numpy", "(O - t) * O * (1 - O) * x1", "incorrect", "wrong-entry"),
    ("tiny-mlp", "w11", "numpy", "dh_raw @ X.T", "incorrect", "unknown"),
    ("tiny-mlp", "w11", "numpy", "dh_raw", "incorrect", "shape-mismatch"),
]


@pytest.mark.parametrize("case", ELEMENTWISE, ids=_ids(ELEMENTWISE))
def test_elementwise(case: Case) -> None:
    assert verdict_of(case) == case[4:]


# ---- 5. NumPy and LaTeX coverage ---------------------------------------------------------------

COVERAGE: list[Case] = [
    ("mlp-bce", "Z1", "numpy", "dA1 * np.where(Z1 > 0, 1, 0)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "np.where(Z1 > 0, dA1, 0)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * np.sign(A1)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * np.greater(Z1, 0)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * np.int64(Z1 > 0)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z1 > 0).astype(float)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z1 > 0).astype(np.float64)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z1 > 0).astype('float32')", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z1 > 0).astype(int)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (A1 != 0)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * A1.astype(bool)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "np.multiply(dA1, np.heaviside(Z1, 0))", "correct", None),
    ("mlp-bce", "b1", "numpy", "np.ones((1, m)) @ dZ1", "correct", None),
    ("mlp-bce", "b1", "numpy", "np.ones((1, X.shape[0])) @ dZ1", "correct", None),
    ("mlp-bce", "b1", "numpy", "np.ones((1, n_h)) @ dZ1", "incorrect", "scale-factor"),
    ("mlp-bce", "b1", "numpy", "np.ones((n_in, 1)).T @ dZ1", "incorrect", "scale-factor"),
    ("mlp-bce", "b1", "numpy", "np.ones((m, 1)).T @ dZ1", "correct", None),
    ("mlp-bce", "W2", "numpy", "np.dot(A1.T, A2 - Y) / len(Y)", "correct", None),
    ("mlp-bce", "W2", "numpy", "A1.T.dot(dZ2)", "correct", None),
    ("mlp-bce", "b2", "numpy", "np.sum(dZ2).item()", "correct", None),
    ("neuron", "w", "numpy", "np.outer(dz, x)", "correct", None),
    ("mlp-bce", "W2", "numpy", "torch.mm(A1.t(), dZ2)", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z1 > 0).float()", "correct", None),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z1 != 0)", "incorrect", "missing-activation-derivative"),
    ("mlp-bce", "Z1", "numpy", "dA1 * np.where(Z1 >= 0, 1, 0)", "incorrect", "relu-at-zero"),
    ("mlp-bce", "Z1", "numpy", "dA1 * np.foo(Z1)", "unreadable", "unreadable"),
    (
        "mlp-bce",
        "Z1",
        "numpy",
        "dA1 * (Z1 > 0).astype(__import__('os'))",
        "unreadable",
        "unreadable",
    ),
    ("mlp-bce", "Z1", "numpy", "dA1 * Z1.astype(int)", "unreadable", "unreadable"),
    # LaTeX
    (
        "mlp-bce",
        "Z1",
        "latex",
        r"\boldsymbol{\delta}^{[2]} W^{[2]\top} \odot g'(Z^{[1]})",
        "correct",
        None,
    ),
    ("mlp-bce", "Z1", "latex", r"dA^{[1]} \odot g^{[1]\prime}(Z^{[1]})", "correct", None),
    ("mlp-bce", "Z1", "latex", r"dA^{[1]} \odot [Z^{[1]} > 0]", "correct", None),
    ("mlp-bce", "Z1", "latex", r"dA^{[1]} \odot [Z^{[1]} \geq 0]", "incorrect", "relu-at-zero"),
    ("mlp-bce", "Z1", "latex", r"dA^{[1]} \odot g'(X)", "unreadable", "unreadable"),
    ("mlp-bce", "Z2", "latex", r"$\frac{1}{m}(A^{[2]} - Y)$.", "correct", None),
    ("mlp-bce", "Z2", "latex", r"\frac{1}{m}\left(A^{[2]} − Y\right)\,.", "correct", None),
    ("mlp-bce", "Z2", "latex", r"\( \frac{1}{m}(\hat{Y} - Y) \)", "correct", None),
    ("mlp-bce", "W2", "latex", r"A^{[1]ᵀ} dZ^{[2]}", "correct", None),
    ("mlp-bce", "W2", "latex", r"A^{[1]}ᵀ dZ^{[2]}", "correct", None),
    ("mlp-bce", "W2", "latex", r"\frac{1}{m} A^{(1)T} (A^{(2)} - Y)", "correct", None),
    ("mlp-bce", "W2", "latex", r"dW^{[2]} = \frac{1}{m} A^{[1]T} (A^{[2]} - Y)", "correct", None),
    ("mlp-bce", "W2", "latex", r"a^{[1](i)} dz^{[2](i)}", "unreadable", "unreadable"),
    ("mlp-bce", "Z1", "latex", r"dA^{[1]} \odot 1_{Z^{[1]} > 0}", "correct", None),
    ("mlp-bce", "Z1", "latex", r"dA^{[1]} * \operatorname{relu}'(Z^{[1]})", "correct", None),
    ("mlp-bce", "W2", "latex", r"(A^{[1]})^T \delta^{[2]}", "correct", None),
    ("mlp-bce", "W2", "latex", r"A^{[1]^T} dZ^{[2]}", "correct", None),
    (
        "mlp-bce",
        "Z1",
        "latex",
        r"\left( \delta^{[2]} W^{[2]T} \right) \odot \mathbb{1}\{Z^{[1]} > 0\}",
        "correct",
        None,
    ),
    (
        "mlp-bce",
        "W1",
        "latex",
        r"\frac{1}{m} X^T [(A^{[2]} - Y) W^{[2]T} \odot (Z^{[1]} > 0)]",
        "correct",
        None,
    ),
    ("mlp-bce", "Z1", "numpy", "dA1 * np.array(Z1 > 0, dtype=float)", "correct", None),
    ("mlp-bce", "W2", "numpy", "(1./m) * A1.T.dot(A2 - Y)", "correct", None),
    ("mlp-bce", "W2", "numpy", "np.divide(np.dot(A1.T, A2 - Y), m)", "correct", None),
    ("mlp-bce", "b2", "numpy", "dZ2.mean(axis=0)", "incorrect", "scale-factor"),
    ("mlp-bce", "Z1", "numpy", "relu_backward(dA1, Z1)", "correct", None),
    ("mlp-bce", "Z2", "numpy", "sigmoid_backward(dA2, Z2)", "correct", None),
    (
        "mlp-bce",
        "Z1",
        "numpy",
        "sigmoid_backward(dA1, Z1)",
        "incorrect",
        "wrong-activation-derivative",
    ),
    ("mlp-bce", "Z1", "numpy", "np.where(Z1 <= 0, 0, dA1)", "correct", None),
    (
        "mlp-bce",
        "W2",
        "latex",
        r"\mathbf{A}^{[1]\intercal} \mathrm{d}\mathbf{Z}^{[2]}",
        "correct",
        None,
    ),
    ("tiny-mlp", "w11", "numpy", "dL/dw11 = dh1_raw * x1", "correct", None),
    ("neuron", "w", "latex", r"(O - t) \sigma'(z) x", "correct", None),
    ("chain", "w", "latex", r"2 (wx + b) x", "correct", None),
    ("relu-mlp", "w1", "numpy", "x.T @ ((2 * (y_pred - y) @ w2.T) * (h > 0))", "correct", None),
    ("relu-mlp", "w2", "numpy", "h_relu @ dy_pred", "incorrect", "missing-transpose"),  # n = H
]


@pytest.mark.parametrize("case", COVERAGE, ids=_ids(COVERAGE))
def test_coverage(case: Case) -> None:
    assert verdict_of(case) == case[4:]


def test_unsupported_call_is_named_with_the_supported_list() -> None:
    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "Z1", "dA1 * np.foo(Z1)")
    assert "np.foo" in info.value.message and "np.where" in info.value.message


def test_astype_argument_is_read() -> None:
    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "Z1", "dA1 * (Z1 > 0).astype(__import__('os'))")
    assert "dtype" in info.value.message


def test_per_example_notation_explains_the_vectorised_form() -> None:
    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "W2", r"a^{[1](i)} dz^{[2](i)}", latex=True)
    assert "vectorised" in info.value.message


# ---- 6. messages -------------------------------------------------------------------------------

MESSAGES: list[Case] = [
    ("mlp-bce", "W2", "numpy", "X.T @ dZ2", "incorrect", "wrong-layer"),
    ("mlp-bce", "W1", "numpy", "A1.T @ dZ1", "incorrect", "wrong-layer"),
    ("mlp-bce", "Z1", "numpy", "dA1 * (Z2 > 0)", "incorrect", "wrong-layer"),
    ("mlp-bce", "W1", "latex", r"A^{[1]T} dZ^{[1]}", "incorrect", "wrong-layer"),
    (
        "mlp-bce-weighted",
        "Z2",
        "numpy",
        "3 * (A2 - Y) / m",
        "incorrect",
        "weighted-loss-not-simplifiable",
    ),
    ("mlp-bce-weighted", "Z2", "numpy", "(A2 - Y + (w - 1) * Y * (A2 - 1)) / m", "correct", None),
    (
        "mlp-bce-weighted",
        "Z2",
        "numpy",
        "(A2 - Y + (pos_weight - 1) * Y * (A2 - 1)) / m",
        "correct",
        None,
    ),
    (
        "mlp-bce-weighted",
        "Z2",
        "numpy",
        "(A2 - Y + (3 - 1) * Y * (A2 - 1)) / m",
        "incorrect",
        "unknown",
    ),
]


@pytest.mark.parametrize("case", MESSAGES, ids=_ids(MESSAGES))
def test_messages(case: Case) -> None:
    assert verdict_of(case) == case[4:]


def test_two_independent_mistakes_are_both_reported_in_order() -> None:
    r = check("mlp-bce", "W2", "dZ2.T @ A1 / m")
    assert [d.code for d in r.diagnoses] == ["shape-mismatch", "scale-factor"]


@pytest.mark.parametrize(
    ("wrt", "formula", "codes"),
    [
        ("W2", "A1 @ dZ2 / m", ["missing-transpose", "scale-factor"]),
        ("W2", "-A1 @ dZ2", ["missing-transpose", "sign"]),
        ("W2", "-(dZ2.T @ A1)", ["shape-mismatch", "sign"]),
        ("b1", "dZ1 / m", ["bias-not-summed", "scale-factor"]),
        ("W1", "X @ (dZ2 @ W2.T)", ["missing-transpose", "missing-activation-derivative"]),
        ("W1", "-X.T @ (dZ2 @ W2.T)", ["missing-activation-derivative", "sign"]),
    ],
)
def test_independent_mistakes(wrt: str, formula: str, codes: list[str]) -> None:
    assert [d.code for d in check("mlp-bce", wrt, formula).diagnoses] == codes


def test_no_false_secondary_diagnosis_under_the_weighted_loss() -> None:
    r = check("mlp-bce-weighted", "Z2", "3 * (A2 - Y) / m")
    assert [d.code for d in r.diagnoses] == ["weighted-loss-not-simplifiable"]


def test_constants_are_called_constants() -> None:
    r = check("mlp-bce-weighted", "Z2", "(A2 - Y + (3 - 1) * Y * (A2 - 1)) / m")
    message = r.diagnoses[0].message
    assert "constant w" in message and "size" not in message


def test_binary_labels_only_is_wrong_with_a_note() -> None:
    r = check("mlp-bce-weighted", "Z2", "(A2 - Y) * (1 + (w - 1) * Y) / m")
    assert not r.ok
    assert any("0 or 1" in n for n in r.notes)
    assert not any("0 or 1" in n for n in check("mlp-bce", "Z2", "A2 - Y").notes)


def test_latex_input_gets_a_latex_fix() -> None:
    r = check("mlp-bce", "W2", r"A^{[1]} dZ^{[2]}", latex=True)
    assert r.code == "missing-transpose"
    assert "\\top" in r.expected and "@" not in r.expected
    assert r.diagnoses[0].fix is not None and "@" not in r.diagnoses[0].fix
    assert "A^{[1]\\top}" in r.diagnoses[0].message  # the formula in the message, too
    assert "A^{[1]\\top}" in r.localized("zh").diagnoses[0].message
    n = check("mlp-bce", "W2", "A1 @ dZ2")
    assert n.expected == "A1.T @ dZ2" and "A1.T @ dZ2" in n.diagnoses[0].message


def test_a_scalar_written_before_a_shape_mismatch_scales_in_the_message() -> None:
    """A LaTeX product with a scalar side is scaling, also where the formula as a whole does
    not fit: never ``(1 / m) @ …`` in what the student reads; the fix is LaTeX."""
    r = check("mlp-bce", "W2", r"\frac{1}{m} (A^{[2]} - Y) A^{[1]}", latex=True)
    assert r.code == "shape-mismatch"
    assert "m) @" not in r.read_as and "m) @" not in r.diagnoses[0].message
    assert "1 / m * (A2 - Y)" in r.read_as
    assert r.diagnoses[0].fix is not None and "\\top" in r.diagnoses[0].fix


@pytest.mark.parametrize(
    ("formula", "latex"),
    [
        ("A3.T @ dZ2", False),
        ("(A1", False),
        ("A1.foo", False),
        (r"\foo{Z}", True),
        (r"a^{[1](i)}", True),
        ("dA1 * np.foo(Z1)", False),
    ],
)
def test_every_error_speaks_chinese(formula: str, latex: bool) -> None:
    import re

    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "W2", formula, latex=latex)
    zh = info.value.localized("zh")
    assert re.search(r"[\u4e00-\u9fff]", zh.replace("无法读取", ""))
    res = CliRunner().invoke(
        main,
        [
            "check",
            "mlp-bce",
            "--wrt",
            "W2",
            "--lang",
            "zh",
            *(["--latex"] if latex else []),
            "--",
            formula,
        ],
    )
    assert res.exit_code == 2 and zh in res.output


def test_leaky_relu_slope_comes_from_the_network(tmp_path: Path) -> None:
    spec = tmp_path / "leaky.toml"
    spec.write_text(
        '[network]\nname = "leaky"\ntitle = { en = "l", zh = "l" }\n[dims]\nm = 2\nn = 3\n'
        '[inputs]\nX = ["m", "n"]\n[params]\nW = ["n", "n"]\n[forward]\nZ = "X @ W"\n'
        'A = "leaky_relu(Z, 0.2)"\nL = "sum(A)"\n',
        "utf-8",
    )
    assert check(str(spec), "Z", "dA * ((Z > 0) + 0.2 * (Z <= 0))").ok
    assert (
        check(str(spec), "Z", "dA * ((Z > 0) + 0.01 * (Z <= 0))").code
        == "wrong-activation-derivative"
        or not check(str(spec), "Z", "dA * ((Z > 0) + 0.01 * (Z <= 0))").ok
    )
    assert check(str(spec), "Z", "dA").code == "missing-activation-derivative"


# ---- 7. batch grading --------------------------------------------------------------------------


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "network", "wrt", "formula", "value", "kind"])
        w.writeheader()
        w.writerows(rows)


GRADE_ROWS = [
    dict(id="a", network="mlp-bce", wrt="W2", formula="A1.T @ dZ2", value="", kind=""),
    dict(id="b", network="mlp-bce", wrt="W2", formula="A1 @ dZ2", value="", kind=""),
    dict(
        id="c",
        network="mlp-bce",
        wrt="Z1",
        formula=r"dA^{[1]} \odot g'(Z^{[1]})",
        value="",
        kind="",
    ),
    dict(id="d", network="tiny-mlp", wrt="w11", formula="", value="-0.0137", kind=""),
    dict(id="e", network="no-such-net", wrt="W2", formula="A1.T @ dZ2", value="", kind=""),
    dict(id="f", network="mlp-bce", wrt="W2", formula="A3.T @ dZ2", value="", kind=""),
    dict(id="g", network="mlp-bce", wrt="W2", formula="", value="", kind=""),
    dict(
        id="h",
        network="mlp-bce",
        wrt="W2",
        formula="A1.T @ (A2 - Y) / n_in",
        value="",
        kind="numpy",
    ),
    dict(id="i", network="tiny-mlp", wrt="w11", formula="", value="-0.01", kind="value"),
    dict(id="j", network="mlp-bce", wrt="W2", formula="A1 @ dZ2", value="", kind="haskell"),
]
GRADE_WANT = {
    "a": ("correct", []),
    "b": ("incorrect", ["missing-transpose"]),
    "c": ("correct", []),
    "d": ("correct", []),
    "e": ("error", []),
    "f": ("unreadable", []),
    "g": ("error", []),
    "h": ("incorrect", ["scale-factor"]),
    "i": ("incorrect", ["too-few-digits"]),
    "j": ("error", []),
}


def test_grade_csv_to_csv_with_summary(tmp_path: Path) -> None:
    src, out = tmp_path / "subs.csv", tmp_path / "report.csv"
    _write_csv(src, GRADE_ROWS)
    res = CliRunner().invoke(main, ["grade", str(src), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8") as f:
        got = {r["id"]: (r["verdict"], r["codes"].split()) for r in csv.DictReader(f)}
    assert got == GRADE_WANT
    summary = (tmp_path / "report.summary.md").read_text("utf-8")
    assert "| `missing-transpose` | 1 |" in summary and "| correct | 3 |" in summary
    assert "| mistake code |" in res.output


def test_grade_jsonl_to_json_in_parallel(tmp_path: Path) -> None:
    from derive.checker.grade import grade_all

    src, out = tmp_path / "subs.jsonl", tmp_path / "report.json"
    rows = GRADE_ROWS * 6  # 60 rows: the pool is used
    lines = [json.dumps({**r, "id": f"{r['id']}{k}"}) for k, r in enumerate(rows)]
    lines.insert(3, "{not json")
    src.write_text("\n".join(lines) + "\n", "utf-8")
    res = CliRunner().invoke(main, ["grade", str(src), "-o", str(out), "--jobs", "2"])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text("utf-8"))
    results = data["results"]
    assert len(results) == 61
    assert results[3]["verdict"] == "error" and "not JSON" in results[3]["message"]
    byid = {r["id"]: (r["verdict"], r["codes"]) for r in results}
    for k, r in enumerate(rows):
        assert byid[f"{r['id']}{k}"] == GRADE_WANT[r["id"]]
    assert data["summary"]["codes"]["missing-transpose"] == 6
    serial = grade_all([json.loads(x) for x in lines if x.startswith('{"')], jobs=1)
    assert [(r["verdict"], r["codes"]) for r in serial] == [
        (r["verdict"], r["codes"]) for r in results if r["id"] != "line 4"
    ]


def test_grade_bad_input_exits_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert (
        runner.invoke(
            main, ["grade", str(tmp_path / "none.csv"), "-o", str(tmp_path / "r.csv")]
        ).exit_code
        == 2
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", "utf-8")
    assert runner.invoke(main, ["grade", str(bad), "-o", str(tmp_path / "r.csv")]).exit_code == 2
    good = tmp_path / "g.csv"
    _write_csv(good, GRADE_ROWS[:1])
    res = runner.invoke(main, ["grade", str(good), "-o", str(tmp_path / "no" / "r.csv")])
    assert res.exit_code == 2 and not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("wrt", "formula", "ok"),
    [
        ("W2", "np.einsum('ij,jk->ik', A1.T, dZ2)", True),
        ("W2", "np.einsum('ji,jk->ik', A1, dZ2)", True),
        ("W2", "np.einsum('ij,ik->jk', A1, dZ2)", True),
        ("W2", "np.einsum('ki,kj->ij', dZ2, A1).T", True),
        ("W2", "np.einsum('ij,ik->kj', A1, dZ2)", False),  # the transpose of the answer
        ("b2", "np.einsum('ij->j', dZ2)", True),
        ("b1", "np.einsum('ij->j', dZ1)", True),
        ("b1", "np.einsum('ij->i', dZ1)", False),
        ("Z1", "np.einsum('ij,ij->ij', dA1, (Z1 > 0))", True),
    ],
)
def test_einsum_is_read_as_the_product_it_spells(wrt, formula, ok) -> None:
    r = check("mlp-bce", wrt, formula)
    assert r.ok is ok, (r.verdict, r.code)


def test_an_einsum_that_is_not_read_names_the_forms_that_are() -> None:
    with pytest.raises(FormulaError) as err:
        check("mlp-bce", "W2", "np.einsum('ijk,kl->il', A1, dZ2)")
    assert "einsum" in str(err.value) and "'ij,jk->ik'" in str(err.value)


@pytest.mark.parametrize(
    ("wrt", "formula", "latex", "ok"),
    [
        ("W2", "dZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m", False, True),
        ("W2", "dZ2 = A2 - Y; dW2 = A1.T @ dZ2", False, False),  # the 1/m lost on the way
        ("b2", "dZ2 = (A2 - Y) / m\ndW2 = A1.T @ dZ2\ndb2 = np.sum(dZ2, axis=0)", False, True),
        (None, "# layer 2\ndZ2 = (A2 - Y) / m  # fused\ndW2 = np.dot(A1.T,\n    dZ2)", False, True),
        ("W1", "dZ2 = (A2 - Y) / m\ndA1 = dZ2 @ W2.T\ndZ1 = dA1 * (Z1 > 0)\ndW1 = X.T @ dZ1", False, True),
        ("W1", "dZ2 = (A2 - Y) / m\ndA1 = dZ2 @ W2.T\ndZ1 = dA1 * (Z1 < 0)\ndW1 = X.T @ dZ1", False, False),
        (
            None,
            r"\begin{aligned} dZ^{[2]} &= \frac{1}{m}(A^{[2]} - Y) \\ "
            r"dW^{[2]} &= A^{[1]T} dZ^{[2]} \end{aligned}",
            True,
            True,
        ),
        ("W2", r"dZ^{[2]} = A^{[2]} - Y \\ dW^{[2]} = A^{[1]T} dZ^{[2]}", True, False),
        # course code's ReLU backward: a copy, then a masked assignment
        ("Z1", "dZ1 = np.array(dA1, copy=True)\ndZ1[Z1 <= 0] = 0", False, True),
        ("Z1", "dZ1 = dA1.copy(); dZ1[A1 == 0] = 0", False, True),
        ("Z1", "dZ1 = dA1.copy(); dZ1[Z1 > 0] = 0", False, False),
        ("W1", "dZ1 = np.copy(dA1); dZ1[Z1 <= 0] = 0; dW1 = X.T @ dZ1", False, True),
    ],
)
def test_a_derivation_in_several_statements_is_checked_as_its_answer(wrt, formula, latex, ok):
    """Each step's name stands for its definition in the later ones, as when the code runs."""
    r = check("mlp-bce", wrt, formula, latex=latex)
    assert r.ok is ok, (r.verdict, r.code, r.read_as)


def test_a_step_without_a_name_is_refused_naming_it() -> None:
    with pytest.raises(FormulaError, match="statement 1"):
        check("mlp-bce", "W2", "A2 - Y\ndW2 = A1.T @ dZ2 / m")


def test_a_right_answer_with_a_regulariser_holds_at_other_sizes() -> None:
    """The L2 term's rule has a fixed-size 𝟙, so at other sizes its gradient comes from central
    differences — of every entry, not a sample standing for all (a right answer was rejected as
    'right only at the example sizes')."""
    net = str(Path(__file__).parent / "specs_course" / "l2logistic.toml")
    assert check(net, "w", "X.T @ (p - y) / m + lam / m * w").ok
    assert check(net, "w", "1/m * (X.T @ (p - y) + lam * w)").ok
    assert not check(net, "w", "X.T @ (p - y) / m + lam * w").ok
    assert not check(net, "w", "X.T @ (p - y) / n + lam / m * w").ok


def test_a_constant_gradient_may_be_written_as_a_constant() -> None:
    """∂L/∂margins = 1/N in every entry: ``1 / N`` and ``\\frac{1}{N} \\mathbf{1}`` broadcast
    as NumPy would; a wrong constant is still wrong."""
    net = str(Path(__file__).parent / "specs_course" / "hinge.toml")
    assert check(net, "margins", "1 / N").ok
    assert check(net, "margins", r"\frac{1}{N} \mathbf{1}", latex=True).ok
    assert check(net, "margins", "1").code == "scale-factor"
    assert not check(net, "margins", "1 / C").ok


@pytest.mark.parametrize(
    ("formula", "latex"),
    [
        ("(A1.T @ dZ2", False),
        ("A1.T @ dZ2)", False),
        ("A1.T @ [dZ2)", False),
        ("A1.T @@ dZ2", False),
        (r"\frac{1}{m} A^{[1]\top} \left(A^{[2]} - Y", True),
    ],
)
def test_parser_details_in_chinese_have_no_english_left(formula: str, latex: bool) -> None:
    """Python's own syntax-error details and the LaTeX reader's bracket pairing are translated:
    no English phrase inside a Chinese message."""
    import re

    with pytest.raises(FormulaError) as info:
        check("mlp-bce", "W2", formula, latex=latex)
    zh = info.value.localized("zh")
    english = re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{2,})+", zh)
    assert not english, zh
