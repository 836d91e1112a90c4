"""Round 25 on main: identity tests inside a narrow domain.

Every step is proven by random-point identity tests. A network whose expression is defined only
on a small part of the space — ``log(1 − exp(x·w))`` needs x·w < 0, ``sqrt`` of a sum of cubes a
positive sum — left every random draw (and the later positive ones) outside the domain, and
``derive verify`` stopped with exit 1, "a derivation step failed verification", for a network
that is right and whose example values are inside every domain (found by mutating course specs:
``np.log(1 - np.exp(z))``, ``1 / (1 + np.expm1(-X @ theta))``). The checker now draws such a
point near the example values (±0.1 %), where the two sides of a step are still analytic: a false
step still disagrees there. Oracles: the spec's own text in PyTorch float64 and derive verify.
"""

from __future__ import annotations

import pytest
import sympy as sp
from test_heldnets17 import _agree, _verified

from derive.engine.steps import Checker, StepError

torch = pytest.importorskip("torch")

_LOG1MEXP = """
[dims]
B = {b}
[inputs]
feats = ["B", 3]
[params]
theta = [3, 1]
[forward]
s = "feats @ theta"
loss = "-{log}(1 - {exp}(s)).mean()"
[values]
feats = {feats}
theta = [[-0.3], [-0.5], [-0.2]]
"""

_FEATS3 = "[[0.4, 1.2, 0.1], [2.0, 0.3, 0.7], [0.5, 0.5, 0.5]]"
_FEATS4 = "[[0.4, 1.2, 0.1], [2.0, 0.3, 0.7], [0.1, 0.1, 0.9], [1.1, 0.6, 0.2]]"


@pytest.mark.parametrize(
    "b, feats, log, exp",
    [(3, _FEATS3, "torch.log", "torch.exp"), (4, _FEATS4, "np.log", "np.exp")],
)
def test_a_network_defined_only_where_x_w_is_negative_verifies(b, feats, log, exp) -> None:
    text = _LOG1MEXP.format(b=b, feats=feats, log=log, exp=exp)
    _agree(text, "log1mexp")
    _verified(text, "log1mexp")


_CUBES = """
[dims]
P = 5
[inputs]
u = ["P", 2]
v = ["P", 2]
[params]
M = [2, 2]
[forward]
d = "(u @ M - v) ** 3"
loss = "torch.sqrt(d.sum(dim=1) + 0.5).mean()"
[values]
u = [[0.9, 0.2], [0.5, 0.8], [1.0, 0.4], [0.7, 0.7], [0.6, 1.1]]
v = [[0.1, 0.3], [0.2, 0.1], [0.3, 0.2], [0.4, 0.0], [0.2, 0.5]]
M = [[0.8, 0.1], [0.2, 0.9]]
"""


def test_a_root_of_a_sum_of_cubes_verifies_at_given_values() -> None:
    _agree(_CUBES, "cubes")
    _verified(_CUBES, "cubes")


def test_near_the_example_a_true_identity_holds_and_a_false_one_is_caught() -> None:
    """``log(−x − 2)`` needs x < −2, which no draw of (−2, 2) or the positive ones reaches: with
    no example value the true identity cannot be evaluated; near x = −2.5 it holds, and a false
    one that agrees exactly AT the example value (it differs by (x + 2.5)²) is still caught."""
    x = sp.Symbol("x")
    lhs, rhs = sp.log((-x - 2) ** 2), 2 * sp.log(-x - 2)
    with pytest.raises(StepError, match="complex at every point"):
        Checker().check(lhs, rhs, "no anchor")
    assert Checker(anchor={x: -2.5}).check(lhs, rhs, "anchored") >= 1
    with pytest.raises(StepError):
        Checker(anchor={x: -2.5}).check(lhs, rhs + (x + sp.Rational(5, 2)) ** 2, "false")


# ---- class labels as users give them (found by mutating [values]) ------------------------------

_LABELS = """
[dims]
N = 4
K = 3
[inputs]
feat = ["N", 2]
cls = ["N"]
[params]
P = [2, "K"]
[forward]
scores = "feat @ P"
loss = "F.nll_loss(F.log_softmax(scores, dim=1), cls)"
[values]
feat = [[0.2, -0.4], [1.0, 0.3], [-0.6, 0.8], [0.5, 0.5]]
cls = {cls}
"""


@pytest.mark.parametrize("cls", ["[1.0, 0.0, 2.0, 1.0]", "[[1], [0], [2], [1]]"])
def test_whole_float_labels_and_a_column_of_labels_are_read(cls: str) -> None:
    """``[1.0, 0.0, 2.0]`` (a label array as NumPy prints it) and one label per row as a column
    were refused as "class labels are whole numbers"; they are the labels 1, 0, 2."""
    text = _LABELS.format(cls=cls)
    _agree(text, "labels")
    _verified(text, "labels")


@pytest.mark.parametrize(
    "cls, en, zh",
    [
        ("[1, 0.5, 2, 1]", "entry 1 is 0.5", "第 1 项是 0.5"),
        ("[1, 0, 2, true]", "entry 3 is True", "第 3 项是 True"),
        ("[1, 0, 1000000.0, 1]", "label 1000000 is not a class", "1000000"),
        ("[1, 0, -1.0, 1]", "label -1 is not a class", "-1"),
    ],
)
def test_a_label_that_is_not_a_class_is_named(cls: str, en: str, zh: str) -> None:
    """The message names the entry that is not whole (it said "whole numbers" of 1000000.0 and
    -1.0, which are whole: they are outside the classes)."""
    from test_heldnets21 import _refusal

    text = _LABELS.format(cls=cls)
    assert en in _refusal(text, "en")
    assert zh in _refusal(text, "zh")


# ---- a NumPy/math function the library does not have: read, with a warning --------------------

_NP_MADE_UP = """
[network]
name = "np-made-up"
[dims]
n = 4
[inputs]
feat = ["n", 3]
t = ["n", 1]
[params]
v = [3, 1]
[forward]
s = "feat @ v"
p = "{act}"
loss = "np.mean((p - t) ** 2) + math.sqrt(2.0) * np.linalg.norm(v) ** 2"
"""


@pytest.mark.parametrize(
    "act, call, instead",
    [
        ("np.sigmoid(s)", "np.sigmoid", "1 / (1 + np.exp(-z))"),
        ("np.relu(s) + np.tanh(s)", "np.relu", "np.maximum(z, 0)"),
        ("numpy.softplus(s) * math.rsqrt(4.0)", "numpy.softplus", "np.logaddexp(0, z)"),
    ],
)
def test_a_numpy_function_numpy_lacks_is_read_with_a_warning(tmp_path, act, call, instead) -> None:
    """``np.sigmoid`` (NumPy has none) was read silently as sigmoid: the spec verifies, but a
    student copying the line into NumPy gets an AttributeError. It is still read (and agrees
    with PyTorch), with a warning naming the call and what runs in NumPy; functions NumPy and
    math have (np.tanh, np.linalg.norm, math.sqrt) get none."""
    from click.testing import CliRunner

    from derive.cli import main

    path = tmp_path / "spec.toml"
    path.write_text(_NP_MADE_UP.format(act=act), "utf-8")
    for lang, has in (("en", f"NumPy has no {call}"), ("zh", f"NumPy 中没有 {call}")):
        res = CliRunner().invoke(main, ["verify", str(path), "--no-torch", "--lang", lang])
        assert res.exit_code == 0, res.output
        warnings = [x for x in res.stderr.splitlines() if x.startswith(("warning", "警告"))]
        assert any(has in w and instead in w for w in warnings), res.stderr
        named = [w.replace("；", ";").split(";")[0] for w in warnings]  # "… NumPy has no np.relu"
        assert not any(k in w for w in named for k in ("np.tanh", "linalg.norm", "math.sqrt"))
    if "rsqrt" in act:
        assert "math has no math.rsqrt" in CliRunner().invoke(
            main, ["verify", str(path), "--no-torch"]
        ).stderr
