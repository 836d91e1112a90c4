"""A leaky ReLU's slope in what derive check reads and what the walkthrough prints (heldnets15's
WGAN critic, slope 0.2): the expected formula printed ``leaky_relu(x, 1/5)``, which the NumPy
reader refused ("leaky_relu's slope must be a number"), and its LaTeX
``\\operatorname{LeakyReLU}(x)`` without the slope, an unknown name to the LaTeX reader — and, to
a student, PyTorch's default slope 0.01. The slope is now arithmetic of numbers in code, a
subscript in LaTeX (``\\operatorname{LeakyReLU}_{0.2}``, printed in the matrix form as in the
entries), and a wrong slope is still wrong."""

from __future__ import annotations

import pytest

from derive.checker.check import check
from derive.checker.checknet import net_for
from derive.errors import DeriveError

_NET = """
[network]
name = "leaky-critic"
[dims]
m = 3
n = 2
h = 3
[inputs]
X = ["m", "n"]
[params]
W1 = ["n", "h"]
w2 = ["h", 1]
[forward]
H = "X @ W1"
S = "F.leaky_relu(H, negative_slope={slope}) @ w2"
L = "S.mean()"
"""


@pytest.fixture(params=["0.2", "0.25"])
def net(request, tmp_path):
    p = tmp_path / "critic.toml"
    p.write_text(_NET.format(slope=request.param), encoding="utf-8")
    return str(p), request.param


def test_the_printed_formulas_read_back_as_right(net) -> None:
    path, _ = net
    n = net_for(path, 0)
    for p in ("W1", "w2"):
        t = n.target(p)
        assert check(path, p, t.expected).verdict == "correct", t.expected
        assert check(path, p, t.tex, latex=True).verdict == "correct", t.tex
    assert "LeakyReLU}_{" in n.target("w2").tex  # the slope printed in the matrix form


def test_slopes_written_as_students_write_them(net) -> None:
    path, slope = net
    ratio = {"0.2": "1/5", "0.25": "1/4"}[slope]
    dec = slope
    frac = {"0.2": r"\frac{1}{5}", "0.25": r"\frac{1}{4}"}[slope]
    right = [
        (f"leaky_relu(H, {ratio}).T @ dS", False),
        (f"leaky_relu(X @ W1, {dec}).T @ dS", False),
        (rf"\operatorname{{LeakyReLU}}_{{{dec}}}(X W^{{[1]}})^\top \delta_S", True),
        (rf"\operatorname{{LeakyReLU}}_{{{frac}}}\left(H\right)^{{\top}} \delta_{{S}}", True),
    ]
    for text, latex in right:
        assert check(path, "w2", text, latex=latex).verdict == "correct", text
    wrong = [  # the default slope 0.01, or another one
        ("leaky_relu(H).T @ dS", False),
        ("leaky_relu(H, 1/10).T @ dS", False),
        (r"\operatorname{LeakyReLU}(H)^\top \delta_S", True),
        (r"\operatorname{LeakyReLU}_{0.3}(H)^\top \delta_S", True),
    ]
    for text, latex in wrong:
        assert check(path, "w2", text, latex=latex).verdict == "incorrect", text


def test_a_slope_that_is_not_a_number_is_refused(net) -> None:
    path, _ = net
    with pytest.raises(DeriveError, match="slope"):
        check(path, "w2", "leaky_relu(H, m).T @ dS")
    with pytest.raises(DeriveError, match="slope"):
        check(path, "w2", r"\operatorname{LeakyReLU}_{m}(H)^\top \delta_S", latex=True)


def test_the_slope_refusal_is_in_chinese_under_lang_zh(net) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    path, _ = net
    tex = r"\operatorname{LeakyReLU}_{m}(H)^\top \delta_S"
    out = CliRunner().invoke(main, ["check", path, "--wrt", "w2", "--latex", tex, "--lang", "zh"])
    assert out.exit_code == 2 and "斜率" in out.output and "slope" not in out.output, out.output


@pytest.mark.parametrize("slope", ["negative_slope=1/5", "1 / 5", "negative_slope=-(-2) / 10"])
def test_a_spec_may_write_the_slope_as_arithmetic_of_numbers(tmp_path, slope: str) -> None:
    """The spec language too (it said "leaky_relu's slope must be a number or a [constants]
    name"): the same network as with 0.2, and PyTorch running the text agrees."""
    pytest.importorskip("torch")
    from spelled_oracle import oracle_text

    from derive.engine.backprop import derive
    from derive.lang import spec as spec_mod
    from derive.numeric import verify as numeric

    text = _NET.format(slope="0").replace("negative_slope=0", slope)
    assert oracle_text(text, "leaky").status == "agree"
    d = derive(spec_mod.parse(text, "leaky"))
    point = numeric.example_point(d.graph)
    ref = derive(spec_mod.parse(_NET.format(slope="0.2"), "leaky"))
    a, _ = numeric.gradients_matrix(d, point)
    b, _ = numeric.gradients_matrix(ref, point)
    assert all((a[p] == b[p]).all() for p in a)
