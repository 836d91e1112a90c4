"""The engine: every step is verified, a false rule is caught, all spec functions work."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derive.engine import mform
from derive.engine.backprop import MAX_DIRECT_NODES, MAX_DIRECT_PARAMS, _expanded_size, derive
from derive.engine.steps import Checker, StepError, Term, prove
from derive.lang import ops, spec
from derive.numeric import verify as numeric


def test_every_step_of_every_builtin_was_checked(derived):
    for name in spec.builtin_names():
        d = derived[name]
        steps = d.steps()
        assert len(steps) > 10
        assert all(s.points >= 3 for s in steps), name
        params = sum(len(d.graph.tensors[p].symbols) for p in d.spec.params)
        # the direct-differentiation cross-check runs wherever the network is small
        small = params <= MAX_DIRECT_PARAMS and _expanded_size(d.graph, MAX_DIRECT_NODES) <= MAX_DIRECT_NODES
        assert len(d.checks) == (len(d.spec.params) if small else 0)


def test_matrix_rules_as_expected_for_mlp_bce():
    d = derive(spec.load("mlp-bce"))
    codes = {b.name: b.formula.code() for b in d.backward}
    assert codes == {
        "A2": "(-Y / A2 + (1 - Y) / (1 - A2)) / m",
        "Z2": "(A2 - Y) / m",
        "A1": "dZ2 @ W2.T",
        "Z1": "dA1 * (Z1 > 0)",
        "W1": "X.T @ dZ1",
        "b1": "dZ1.sum(axis=0, keepdims=True)",
        "W2": "A1.T @ dZ2",
        "b2": "dZ2.sum(axis=0, keepdims=True)",
    }
    rules = {b.name: b.rule for b in d.backward}
    assert rules["W1"] == "linear-weight" and rules["A1"] == "linear-input"
    assert rules["b1"] == "bias-sum" and rules["Z2"] == "sigmoid-bce"
    assert rules["Z1"] == "relu-derivative"


def test_weighted_bce_ends_in_the_w_dependent_form():
    d = derive(spec.load("mlp-bce-weighted"))
    z2 = d.gradient("Z2")
    assert z2.rule == "weighted-bce"
    assert z2.simplified[-1].rhs.text == "1/m·(A2 - Y + (w - 1)·(Y ⊙ (A2 - 1)))"


def test_a_false_step_raises():
    x, a = sp.symbols("x a")
    checker = Checker(defs={a: ops.sigmoid(x)})
    prove(
        checker,
        Term(sp.diff(ops.sigmoid(x), x), "", ""),
        Term(a * (1 - a), "", ""),
        "ok",
        "k",
    )
    with pytest.raises(StepError, match="false step"):
        prove(checker, Term(a, "", ""), Term(a * (1 - a), "", ""), "bad", "k")


def test_a_wrong_derivative_rule_is_caught(monkeypatch):
    # σ' = σ(1 − σ) replaced by σ: the element-wise truth no longer matches the matrix rule
    monkeypatch.setattr(ops.sigmoid, "fdiff", lambda self, argindex=1: self)
    with pytest.raises(StepError):
        derive(spec.load("tiny-mlp"))


def test_a_wrong_matrix_rule_is_caught(monkeypatch):
    # a linear-weight rule that forgets the transpose: X·δZ instead of Xᵀ·δZ
    monkeypatch.setattr(mform, "transpose", lambda x, general=False: x)
    with pytest.raises(StepError):
        derive(spec.load("mlp-bce"))


def test_verify_fails_with_exit_1_on_a_wrong_gradient(monkeypatch):
    from click.testing import CliRunner

    from derive.cli import main

    real = numeric.gradients_matrix

    def off_by_a_little(d, point, sizes=None, **kw):
        grads, loss = real(d, point, sizes, **kw)
        return {k: v * (1 + 1e-6) for k, v in grads.items()}, loss

    monkeypatch.setattr(numeric, "gradients_matrix", off_by_a_little)
    result = CliRunner().invoke(main, ["verify", "tiny-mlp", "--points", "1"])
    assert result.exit_code == 1, result.output
    assert "✗" in result.output


def test_verify_fails_with_exit_1_on_a_false_step(monkeypatch):
    from click.testing import CliRunner

    from derive.cli import main

    monkeypatch.setattr(mform, "transpose", lambda x, general=False: x)
    result = CliRunner().invoke(main, ["verify", "mlp-bce"])
    assert result.exit_code == 1
    assert "failed verification" in result.output


USER_SPEC = """
[network]
name = "user-softmax"
title = "tanh → softmax → cross-entropy, plus every other function"
[dims]
m = 3
n = 2
k = 3
[inputs]
X = ["m", "n"]
Y = ["m", "k"]
T = ["m", 1]
[params]
W = ["n", "k"]
c = [1, "k"]
V = ["k", 1]
[constants]
slope = 0.1
[forward]
H = "tanh(X @ W + c)"
P = "softmax(H)"
G = "leaky_relu(H, 0.1) * 2 - exp(H) / 4"
R = "sigmoid(G @ V)"
U = "log(R) + mean(G, axis=0) @ V - sum(H, axis=1) / m"
L1 = "cross_entropy(P, Y) + 0.5 * mse(R, T) + sse(U, T) / 10"
L = "L1 + bce_logits(G @ V, T) + bce(R, T, pos_weight=slope) + mean(G ** 2)"
[values]
Y = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
T = [[1], [0], [1]]
"""


@pytest.mark.slow  # every function of the language against PyTorch
def test_a_user_spec_with_every_function_verifies(tmp_path):
    path = tmp_path / "user.toml"
    path.write_text(USER_SPEC)
    d = derive(spec.load(str(path)))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok]
    # the cross-check against d/dp of the expanded loss is skipped when that expression is
    # large (it grows exponentially: 11 of this spec's 18 s); every step is still verified,
    # and small graphs keep it (tests/test_engine_trust.py)

    assert _expanded_size(d.graph, MAX_DIRECT_NODES) > MAX_DIRECT_NODES and d.checks == ()


def test_user_spec_via_cli(tmp_path):
    from conftest import invoke_cli

    path = tmp_path / "user.toml"
    path.write_text(USER_SPEC)
    proc = invoke_cli("verify", str(path), "--points", "1")
    assert proc.returncode == 0, proc.stderr
    assert "user-softmax" in proc.stdout and "✗" not in proc.stdout


def test_elementwise_and_matrix_form_agree_at_random_points():
    d = derive(spec.load("relu-mlp"))
    for seed in range(3):
        pt = numeric.random_point(d.graph, seed)
        ew = numeric.gradients_elementwise(d, pt)
        mx, _ = numeric.gradients_matrix(d, pt)
        for p in d.spec.params:
            np.testing.assert_allclose(ew[p], mx[p], rtol=1e-10, atol=1e-12)


def test_matrix_rules_link_to_general_proofs(derived):
    from derive.proofs import ELEMENTARY, proof_for

    linked = set()
    for name in spec.builtin_names():
        d = derived[name]
        for b in d.backward:
            for rule in {b.rule} | {c.step.rule for c in b.contributions}:
                proof = proof_for(rule)
                assert proof is not None or rule in ELEMENTARY, (name, b.name, rule)
                linked.add(proof)
    assert {
        "linear-weight",
        "linear-input",
        "bias-sum",
        "relu-derivative",
        "sigmoid-derivative",
        "sigmoid-bce",
        "weighted-bce",
        "mse",
    } <= linked
    assert derive(spec.load("neuron")).gradient("w").rule == "linear-weight"


def test_finite_differences_are_not_used_at_a_relu_kink():
    # Z1[0,0] = 1·0.1 + 2·(−0.05) + 0 = 0 exactly: the central difference straddles the kink
    from importlib import resources

    text = (resources.files("derive.lang") / "specs" / "mlp-bce.toml").read_text("utf-8")
    text = text.replace("W1 = [[0.3, -0.2], [0.3, 0.4]]", "W1 = [[0.1, -0.2], [-0.05, 0.4]]")
    assert "[-0.05, 0.4]" in text
    d = derive(spec.parse(text))
    point = numeric.example_point(d.graph)
    assert numeric.forward_numeric(d, point)["Z1"][0, 0] == 0
    assert numeric.at_kink(d, point)
    comps = numeric.compare(d, point, "example")
    w1 = next(c for c in comps if c.param == "W1")
    assert w1.kink and w1.ok
    assert w1.ours_vs_fd[0] > 1e-3  # the straddling difference really is off …
    assert w1.ours_vs_torch[0] < 1e-12  # … while PyTorch (relu'(0) = 0) agrees exactly
    assert not numeric.at_kink(d, numeric.random_point(d.graph, seed=1))


BATCH_OF_ONE = """
[network]
name = "batch-of-one"
[dims]
m = 1
n = 2
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W = ["n", 1]
b = [1, 1]
c = []
[forward]
Z = "X @ W + b + c"
L = "mse(tanh(Z), Y)"
[full_dims]
m = 5
n = 3
"""


def test_a_bias_over_a_named_batch_of_one_is_summed_over_the_batch():
    """m = 1 at the example, but the rule shown must hold for every m: the [1, 1] bias and the
    scalar collect the batch sum, checked at [full_dims] m = 5 against PyTorch."""
    from derive.numeric import verify as numeric

    d = derive(spec.parse(BATCH_OF_ONE))
    code = {v.name: v.formula.code() for v in d.backward}
    assert ".sum(axis=0" in code["b"], code["b"]
    assert "np.sum(" in code["c"] or ".sum()" in code["c"], code["c"]
    report = numeric.verify(d, points=1)
    assert report.ok and any(c.point == "full size" for c in report.comparisons)


def test_a_one_by_one_tensor_with_named_sizes_keeps_its_transpose():
    """x declared ["m", "n"] with m = n = 1 is 1 x 1 here only: ∂L/∂W1 = xᵀ·δ (not x·δ), so the
    rule shown, and a student's formula read by derive check, mean the same at every size."""
    from pathlib import Path

    from derive.checker.check import check

    spec = Path(__file__).parent / "specs_course" / "batch_of_one.toml"
    assert check(spec, "W1", "x.T @ (da * (1 - a ** 2))").ok
    r = check(spec, "W1", "x @ (da * (1 - a ** 2))")
    assert not r.ok and r.code == "missing-transpose"


def test_the_expanded_gradient_is_sympys_diff():
    """The direct cross-check's derivatives (reverse accumulation over the expanded loss) are
    SymPy's own ``diff`` of it, weight by weight, at random points: on the built-ins the direct
    check runs on, and on the kinds of node it differentiates whole (Max, Piecewise, a power
    with a weight in its exponent)."""
    from derive.engine.backprop import expanded_gradient
    from derive.engine.graph import build

    cases = []
    for name in ("mlp-bce", "relu-mlp", "softmax-regression", "rnn", "neuron"):
        g = build(spec.load(name))
        full = g.nodes[-1].definition[0]
        for node in reversed(g.nodes[:-1]):
            full = full.xreplace(
                dict(zip(g.tensors[node.name].symbols, node.definition, strict=True))
            )
        cases.append((full, [s for p in g.spec.params for s in g.tensors[p].symbols]))
    x, y, z = sp.symbols("x y z", positive=True)
    other = (
        sp.Max(x * y, z) * sp.exp(x) + sp.Piecewise((x**2, y > 1), (y, True)) + x**y
        + ops.sigmoid(x * z) ** 3 / (1 + y)
    )
    cases.append((other, [x, y, z]))
    rng = np.random.default_rng(5)
    for full, wrt in cases:
        ours = expanded_gradient(full, wrt)
        theirs = [full.diff(s) for s in wrt]
        assert len(ours) == len(wrt)
        free = sorted(full.free_symbols, key=str)
        for _ in range(3):  # rational points, 30 digits
            at = {s: sp.Rational(int(rng.integers(1, 90)), 37) for s in free}
            for a, b in zip(ours, theirs, strict=True):
                va, vb = sp.N(a.xreplace(at), 30), sp.N(b.xreplace(at), 30)
                assert abs(va - vb) <= sp.Float("1e-20", 30) * (1 + abs(vb)), (a, b)
