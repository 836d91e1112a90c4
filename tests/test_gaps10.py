"""Branch gaps10 (issue 9's leftovers): a stop-gradient, cdist's zero distance named.

- ``x.detach()``, ``torch.detach(x)``, ``jax.lax.stop_gradient(x)``, ``tf.stop_gradient(x)`` of
  parameters were refused ("derive does not model a stop-gradient"). Now the detached expression
  is a forward node of its own (``NetSpec.detached``): forward the identity, no gradient through
  it. Judged here against PyTorch running the spec's own text (the spelled oracle, which runs
  ``.detach()`` itself) on nine networks: SupContrast's max shift, DQN's and semi-gradient TD's
  detached targets, a BYOL-style detached target in MSE, a straight-through estimator, a detached
  normaliser, a REINFORCE baseline, a detach of a parameter alone, TensorFlow's stop_gradient.
- Finite differences of the true function do not match a stop-gradient gradient: derive's hold
  the detached nodes at their values (and verify says so); shown to matter here.
- ``torch.cdist`` at a zero distance whose expanded float64 square is not 0 was refused naming a
  ``sqrt0`` the user never wrote.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from spelled_oracle import oracle, oracle_text

from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

HERE = Path(__file__).parent
SPECS = sorted(
    [
        *(HERE / "specs_gaps10").glob("*.toml"),
        HERE / "specs_course" / "hn9_detach.toml",
        HERE / "specs_course" / "hn11_semi_gradient_td.toml",
        HERE / "specs_course" / "hn15_supcon_detach.toml",
    ]
)


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_a_stop_gradient_agrees_with_pytorch_running_the_text(path: Path) -> None:
    s = spec.load(path)
    assert s.detached, "no stop-gradient read"
    out = oracle(path)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(derive(s), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:2]


_NO_DETACH = [
    "hn9_detach",
    "hn11_semi_gradient_td",
    "mse_target_detach",
    "normaliser_detach",
    "reinforce_baseline",
    "param_detach",
    "jax_tf_detach",
    "ste_sign",
]


def _undetached(text: str) -> str:
    text = re.sub(r"\.detach\(\)", "", text)
    return re.sub(r"(jax\.lax|tf)\.stop_gradient", "", text)


@pytest.mark.parametrize("name", _NO_DETACH)
def test_the_stop_gradient_changes_the_gradient(name: str) -> None:
    """Each network's gradient differs from the same text without the detach (so the oracle's
    agreement above can fail), and derive's finite differences, which hold the detached nodes
    at their values, match derive's gradient where differences of the true loss do not."""
    path = next(p for p in SPECS if p.stem == name)
    text = path.read_text(encoding="utf-8")
    d = derive(spec.parse(text, name))
    point = numeric.example_point(d.graph)
    ours, _ = numeric.gradients_matrix(d, point)
    plain = derive(spec.parse(_undetached(text), name))
    true, _ = numeric.gradients_matrix(plain, point)
    assert any(not np.allclose(ours[p], true[p], rtol=1e-6, atol=1e-9) for p in ours)
    fd = numeric.gradients_fd(d, point)
    for p in ours:
        np.testing.assert_allclose(fd[p], ours[p], rtol=1e-5, atol=1e-7)
    fd_true = numeric.gradients_fd(plain, point)
    assert any(not np.allclose(fd_true[p], ours[p], rtol=1e-5, atol=1e-7) for p in ours)
    # PyTorch running the text without the detach disagrees with derive's detached reading
    assert oracle_text(text, name, run=_undetached(text)).status == "DISAGREE"


def test_verify_says_the_finite_differences_hold_the_detached_node() -> None:
    res = CliRunner().invoke(main, ["verify", str(HERE / "specs_course" / "hn9_detach.toml")])
    assert res.exit_code == 0, res.output
    assert "stop-gradient (detach): q_detached is treated as a constant" in res.output
    assert "held at its value" in res.output


def test_hoisting_names_and_forms() -> None:
    """A line that is one detach is itself detached; a line read only detached is detached in
    place (SupContrast's logits_max); an expression gets a line <name>_detached; a detach of
    data only is the expression (no node)."""
    s = spec.load(HERE / "specs_course" / "hn11_semi_gradient_td.toml")
    assert s.detached == ("target",)
    s = spec.load(HERE / "specs_course" / "hn15_supcon_detach.toml")
    assert s.detached == ("logits_max",)
    s = spec.load(HERE / "specs_gaps10" / "ste_sign.toml")
    assert s.detached == ("z_detached",) and s.forward_text["q"] == "z + z_detached"
    # an expression of one tensor is named after it, of several after the line
    two = (HERE / "specs_gaps10" / "ste_sign.toml").read_text(encoding="utf-8")
    two = two.replace('"z + (torch.sign(z) - z).detach()"', '"z + (torch.sign(z) - X @ W).detach()"')
    assert spec.parse(two, "two").detached == ("q_detached",)
    s = spec.load(HERE / "specs_course" / "hn11_dqn_target_detach.toml")
    assert s.detached == ()


_ONLY = """
[dims]
n = 3
d = 2
[inputs]
X = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 1]
V = ["d", 1]
[forward]
z = "torch.sigmoid(X @ V)"
loss = "F.binary_cross_entropy(z, y) + ((X @ W.detach()) ** 2).mean()"
[values]
y = [[1.0], [0.0], [1.0]]
"""


def test_a_parameter_read_only_through_a_detach_is_refused_in_both_languages() -> None:
    with pytest.raises(spec.SpecError) as err:
        spec.parse(_ONLY, "only")
    assert "W reaches the loss only through a stop-gradient" in str(err.value)
    assert "\n" not in str(err.value) and "Fix:" in str(err.value)
    from derive.locale import catalog

    assert "只经过停止梯度" in catalog.localized(err.value, "zh")


def test_walkthrough_and_lab_say_what_a_stop_gradient_is(tmp_path: Path) -> None:
    path = HERE / "specs_gaps10" / "ste_sign.toml"
    res = CliRunner().invoke(
        main, ["build", str(path), "-f", "md,py", "--lang", "en,zh", "-o", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    en = (tmp_path / "ste" / "en" / "walkthrough.md").read_text(encoding="utf-8")
    zh = (tmp_path / "ste" / "zh" / "walkthrough.md").read_text(encoding="utf-8")
    assert "treats it as a constant at this value; no gradient flows through it" in en
    assert "没有梯度经过它" in zh
    # the backward step of z names the stop-gradient that reads it
    assert "also reads it, but as a stop-gradient" in en and "也读取了它，但那是停止梯度" in zh
    for lang in ("en", "zh"):
        lab = tmp_path / "ste" / lang / "backprop.py"
        code = lab.read_text(encoding="utf-8")
        assert ".detach()" in code  # PyTorch's part runs the stop-gradient
        run = subprocess.run(
            [sys.executable, str(lab)], capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_numpy_code_of_an_indicator_minus_an_indicator_runs() -> None:
    """sign(z) is (z > 0) − (−z > 0): NumPy refuses − on two boolean arrays."""
    s = spec.load(HERE / "specs_gaps10" / "ste_sign.toml")
    d = derive(s)
    node = next(n for n in d.graph.nodes if n.name == "z_detached")
    code = node.forward.code()
    z = np.array([[0.5], [-1.0], [0.0]])
    got = eval(code, {"np": np, "z": z})  # noqa: S307 (our own generated code)
    np.testing.assert_array_equal(got, np.sign(z) - z)


_CDIST = """
[network]
name = "cdist0"
[dims]
n = 2
m = 2
d = 2
[inputs]
X1 = ["n", "d"]
[params]
W = ["d", "d"]
X2 = ["m", "d"]
[forward]
D = "torch.cdist(X1, X2)"
loss = "(D * D @ W).sum() + D.sum()"
[values]
X1 = [[1.0, 0.2], [0.3, 0.7]]
X2 = [[0.5, -0.4], [0.3, 0.7]]
W = [[0.1, 0.2], [0.3, 0.7]]
"""


def test_a_zero_cdist_distance_is_named_as_the_pair_of_rows(tmp_path: Path) -> None:
    path = tmp_path / "cdist0.toml"
    path.write_text(_CDIST, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2, res.output
    line = [x for x in res.output.splitlines() if x.strip()][-1]
    assert "torch.cdist gives a distance of exactly 0 between the rows X1[1], X2[1]" in line
    assert "sqrt0" not in line and "Fix: change [values]" in line
    from derive.locale import catalog

    with pytest.raises(Exception) as err:
        numeric.verify(derive(spec.load(path)), points=0)
    assert "X1[1], X2[1]" in catalog.localized(err.value, "zh")
    assert "修改 [values]" in catalog.localized(err.value, "zh")


def test_round_is_read_inside_a_stop_gradient_and_refused_outside() -> None:
    """torch.round (a step function, PyTorch's gradient 0 everywhere) is the straight-through
    estimator's forward: read inside a detach (ste_round above agrees with PyTorch); where a
    gradient would flow through it, refused naming the straight-through form, en+zh."""
    text = (HERE / "specs_gaps10" / "ste_round.toml").read_text(encoding="utf-8")
    bad = text.replace('"z + (torch.round(z) - z).detach()"', '"torch.round(z) + z"')
    assert bad != text
    with pytest.raises(spec.SpecError) as err:
        spec.parse(bad, "round")
    said = str(err.value)
    assert "round() is a step function" in said and "(torch.round(x) - x).detach()" in said
    from derive.locale import catalog

    assert "阶梯函数" in catalog.localized(err.value, "zh")
    # of data only (no gradient there) it is read
    data = text.replace('"z + (torch.round(z) - z).detach()"', '"z + torch.round(X @ X.T).sum()"')
    assert not spec.parse(data, "round-data").detached


def test_round_ties_to_even_in_every_number_system() -> None:
    import mpmath
    import sympy as sp
    import torch

    from derive.lang import ops

    op = ops.get("round")
    for v in (-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 0.49, -0.51, 1.7):
        want = float(torch.round(torch.tensor(v, dtype=torch.float64)))
        assert float(np.round(v)) == want
        assert float(op.mpmath(mpmath.mpf(v))) == want
        assert float(op.sympy(sp.Rational(str(v)))) == want
        assert float(op.sympy(sp.Float(v))) == want
    x = sp.Symbol("x")
    assert sp.diff(op.sympy(x), x) == 0


def test_derive_check_judges_a_formula_on_a_detached_target() -> None:
    """DQN's target q.detach(): the gradient without a path through the target is right; the
    one that also differentiates the target (a factor 1 − 0.9) is wrong."""
    path = str(HERE / "specs_course" / "hn9_detach.toml")
    right = CliRunner().invoke(main, ["check", path, "--wrt", "w", "X.T @ (2 * (q - target) / N)"])
    assert right.exit_code == 0 and "correct" in right.output, right.output
    wrong = CliRunner().invoke(
        main, ["check", path, "--wrt", "w", "X.T @ (2 * (q - target) / N) * (1 - 0.9)"]
    )
    assert wrong.exit_code == 1 and "incorrect" in wrong.output, wrong.output
