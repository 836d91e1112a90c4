"""Never a ✓ without finite agreement: domains, saturation, exact kinks, parameter targets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import domains as domain
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.numeric.example import Example

SPECS = Path(__file__).parent / "specs_engine"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def verify(name: str, points: int = 1):
    return run("verify", "--points", str(points), str(SPECS / f"{name}.toml"))


@pytest.mark.parametrize(
    ("name", "where", "what"),
    [
        ("logneg", "[forward] A", "log of -"),
        ("divzero", "[forward] Z", "division by 0 at entry [1, 0]"),
        ("bce-bad-target", "[values] Y", "entry [1, 0] is 1.5"),
    ],
)
def test_values_outside_a_domain_are_exit_2_naming_where(name, where, what):
    result = verify(name)
    assert result.exit_code == 2, result.output
    assert where in result.output and what in result.output
    assert "✓" not in result.output and "Traceback" not in result.output


def test_a_nan_is_never_dropped_from_a_comparison():
    a = np.array([[1.0, np.nan]])
    assert not numeric.within(a, a, "torch")
    assert numeric.difference(a, a)[0] == np.inf
    # an entry that finite differences deliberately did not sample is not compared
    assert numeric.within(a, np.array([[1.0, 5.0]]), "fd", mask=np.array([[True, False]]))


@pytest.mark.parametrize("name", ["sat", "big", "ce"])
def test_saturated_examples_verify_finite_and_agree(name):
    d = derive(spec.load(str(SPECS / f"{name}.toml")))
    report = numeric.verify(d, points=1)
    assert report.ok
    for c in report.comparisons:
        assert c.ours_vs_torch is not None and np.isfinite(c.ours_vs_torch[0])
        assert np.isfinite(c.elementwise_vs_matrix[0])


def test_saturated_sigmoid_bce_at_1000_has_the_true_gradient():
    # z = 1000, y = 0: ∂L/∂w = (σ(z) − y)·x = 1000 (PyTorch's plain BCE would clamp it to 0)
    d = derive(spec.load(str(SPECS / "big.toml")))
    pt = numeric.example_point(d.graph)
    ours, loss = numeric.gradients_matrix(d, pt)
    assert ours["w"][0, 0] == pytest.approx(1000.0)
    assert numeric.gradients_torch(d.graph, pt)["w"][0, 0] == pytest.approx(1000.0)
    assert loss == pytest.approx(1000.0)
    # the walkthrough's numbers are finite too (more digits where 30 are not enough)
    import mpmath

    from derive.numeric.example import fmt

    ex = Example(d)
    dp = ex.value(d.graph.tensors["p"].grads[0, 0])  # 1/(1 − σ(1000)) = 1 + e^1000
    assert mpmath.isfinite(dp) and mpmath.log(dp) == pytest.approx(1000)
    assert fmt(dp).tex.endswith("\\times 10^{434}")


def test_exact_zero_kink_follows_exact_arithmetic():
    # z = 3·0.1 − 0.3 is 0 exactly but 5.6e-17 in float: relu'(0) = 0 everywhere
    d = derive(spec.load(str(SPECS / "kink.toml")))
    pt = numeric.example_point(d.graph)
    zeros = numeric.exact_zeros(d)
    assert zeros["z"][0, 0]
    ours, _ = numeric.gradients_matrix(d, pt, zeros=zeros)
    torch = numeric.gradients_torch(d.graph, pt, zeros=zeros)
    exact = numeric.gradients_elementwise(d, pt, exact=True)
    walkthrough = float(Example(d).value(d.graph.tensors["w"].grads[0, 0]))
    assert ours["w"][0, 0] == torch["w"][0, 0] == exact["w"][0, 0] == walkthrough == 0
    # … whereas plain float arithmetic lands on the other side of the kink
    assert numeric.gradients_torch(d.graph, pt)["w"][0, 0] == pytest.approx(-6.0)
    result = verify("kink")
    assert result.exit_code == 0 and "exactly 0" in result.output


def test_exact_zero_kink_inside_an_expression_is_refused_with_the_fix(tmp_path):
    # the same kink written inline, relu(x * w + b): its input has no node that could be set
    # to the exact 0, so float code and PyTorch would disagree with the walkthrough (a false ✗)
    text = (SPECS / "kink.toml").read_text()
    inline = text.replace('z = "x * w + b"\n', "").replace("relu(z)", "relu(x * w + b)")
    assert inline != text and "relu(x * w + b)" in inline
    path = tmp_path / "inline.toml"
    path.write_text(inline)
    result = run("verify", "--points", "1", str(path))
    assert result.exit_code == 2, result.output
    assert "exactly 0" in result.stderr and "its own line" in result.stderr
    # away from the kink the inline form is fine
    path.write_text(inline.replace("b = -0.3", "b = -0.2"))
    assert run("verify", "--points", "1", str(path)).exit_code == 0


def test_target_that_depends_on_parameters_is_differentiated():
    for name in ("tdep", "tdep2"):
        result = verify(name)
        assert result.exit_code == 0, result.output
        assert "✗" not in result.output


def test_bce_without_values_draws_binary_targets_and_verifies():
    s = spec.load(str(SPECS / "novals.toml"))
    assert {v for row in s.values["Y"] for v in row} <= {0, 1}
    assert spec.load(str(SPECS / "novals.toml")).values == s.values  # deterministic
    result = verify("novals")
    assert result.exit_code == 0, result.output


@pytest.mark.slow  # draws values for every domain, then a full verify
def test_drawn_values_respect_every_domain():
    s = spec.load(str(SPECS / "nodomain-values.toml"))
    for row in s.values["Y"]:
        assert sorted(row) == [0] * (len(row) - 1) + [1]  # one-hot
    assert all(v > 0 for row in s.values["Sp"] for v in row)  # log argument
    scal = {k: float(v) for k, v in {**s.dims, **s.constants}.items()}
    pt = {k: np.array([[float(v) for v in r] for r in rows]) for k, rows in s.values.items()}
    assert domain.check(s.forward, scal, pt, kinks=True) is None
    result = verify("nodomain-values")
    assert result.exit_code == 0, result.output


def test_optional_tables():
    s = spec.parse('[network]\nname = "tiny"\n[params]\nw = []\n[forward]\nL = "w * w"\n', "<t>")
    assert s.dims == {} and s.inputs == {} and s.constants == {}
    assert numeric.verify(derive(s), points=1).ok


def test_small_graphs_keep_the_expanded_loss_cross_check():
    for name, n in (("mlp-bce", 4), ("tiny-mlp", 2), ("relu-mlp", 2)):
        assert len(derive(spec.load(name)).checks) == n


UNDEFINED_REGION = """
[network]
name = "undefined-region"
[inputs]
X = [2, 2]
Y = [2, 1]
[params]
W = [2, 1]
b = [1, 1]
[forward]
Z = "X @ W + b"
{body}
[values]
X = [[1, 2], [0.5, 1]]
W = [[0.1], [0.2]]
b = [[0.1]]
Y = [[1], [0]]
"""


@pytest.mark.parametrize(
    "body",
    [
        'A = "sqrt(relu(Z))"\nL = "mse(A, Y)"',  # 0 in a divisor where Z < 0
        'P = "relu(Z)"\nL = "bce(P, Y)"',  # log(0) where Z < 0
        'A = "log(Z) * Z ** 0.5"\nL = "sum(A)"',  # complex where Z < 0
    ],
)
def test_steps_are_proven_where_the_functions_are_defined(tmp_path, body):
    """A random point outside a function's domain proves nothing: the identity test draws
    another one instead of calling the step false (exit 1) or unevaluable."""
    path = tmp_path / "net.toml"
    path.write_text(UNDEFINED_REGION.format(body=body))
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 0, result.output
    assert "✓" in result.output and "✗" not in result.output


def test_a_false_step_is_still_caught_where_a_side_is_undefined_half_the_time():
    import sympy as sp

    from derive.engine.steps import Checker, StepError
    from derive.lang.ops import relu, relu_grad

    z = sp.Symbol("z")
    true = relu_grad(z) / (2 * sp.sqrt(relu(z)))
    c = Checker(points=3)
    assert c.check(sp.diff(sp.sqrt(relu(z)), z), true, "true") == 3
    with pytest.raises(StepError, match="false step"):
        Checker(points=3).check(sp.diff(sp.sqrt(relu(z)), z), relu_grad(z) / sp.sqrt(relu(z)), "x")
    with pytest.raises(StepError, match="cannot evaluate"):  # nowhere defined: not a pass
        Checker(points=1).check(sp.log(-z * z - 1), sp.log(-z * z - 1), "log of a negative")


TINY_ROOT = """
[network]
name = "tiny-root"
[inputs]
x = []
[params]
w = []
[forward]
a = "sqrt(x * w)"
L = "a * a + a"
[values]
x = {v}
w = {v}
"""


def test_a_finite_difference_step_that_leaves_a_domain_is_skipped_and_said(tmp_path):
    """x·w = 1e-20: w − 1e-6 makes sqrt's argument negative; the central difference there is
    not taken (not a ✗), the report names the entry, PyTorch and the exact side still agree."""
    path = tmp_path / "t.toml"
    path.write_text(TINY_ROOT.format(v="1e-10"))
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 0, result.output
    assert "no finite difference at w[0, 0]" in result.output
    report = numeric.verify(derive(spec.parse(TINY_ROOT.format(v="1e-10"))), points=1)
    example = [c for c in report.comparisons if c.point == "example"]
    assert example[0].fd_edge == ((0, 0),) and example[0].ours_vs_torch[1] < 1e-12


def test_a_root_of_a_subnormal_number_is_refused_naming_it(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TINY_ROOT.format(v="1e-160"))  # x·w = 1e-320: 4 digits in float64
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 2, result.output
    assert "1e-320" in result.output and "normal range" in result.output
