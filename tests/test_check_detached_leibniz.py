"""Leibniz notation across a stop-gradient (checkgaps9's item 5): a node used only detached
(``M.detach()``) passes no gradient back, so ∂A/∂B along every path leaves the paths through
it out (as PyTorch does), and a factor ∂M/∂B of a detached M is refused with a sentence saying
why (en and zh), exit 2 — never read as a gradient that flows."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.checker.check import check
from derive.cli import main
from derive.errors import DeriveError

SPEC = """
[network]
name = "detached-path"
[dims]
m = 3
n = 4
k = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "k"]
[forward]
Z = "X @ W"
M = "torch.tanh(Z) * {scale}"
V = "Z + M.detach()"
L = "(V ** 2).sum() / 2"
"""

SUPCON = Path(__file__).resolve().parent / "specs_course" / "hn15_supcon_detach.toml"


@pytest.fixture(params=[3, 0.5], ids=["scale3", "scale0.5"])
def net(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    p = tmp_path / "detached.toml"
    p.write_text(SPEC.format(scale=request.param))
    return p


CASES = [
    # (wrt, LaTeX, verdict, code): the path through M is cut, so ∂L/∂W = Xᵀ δ_V
    ("W", r"\frac{\partial L}{\partial V}\frac{\partial V}{\partial W}", "correct", None),
    ("W", r"X^{\top} \frac{\partial L}{\partial V}", "correct", None),
    ("Z", r"\frac{\partial L}{\partial V}\frac{\partial V}{\partial Z}", "correct", None),
    ("W", r"X^{\top} \left(\delta_V + \delta_V \odot 3 (1 - \tanh^2(Z))\right)", "incorrect", None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}:{c[1]}")
def test_a_path_through_a_detached_node_adds_nothing(net: Path, case: tuple) -> None:
    wrt, text, verdict, code = case
    r = check(net, wrt, text, latex=True)
    assert ("correct" if r.ok else "incorrect") == verdict, r
    if code is not None:
        assert r.code == code


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_factor_of_a_detached_node_is_refused_with_the_reason(net: Path, lang: str) -> None:
    text = r"\frac{\partial L}{\partial V}\frac{\partial V}{\partial M}\frac{\partial M}{\partial Z}"
    res = CliRunner().invoke(
        main, ["check", str(net), "--wrt", "Z", "--latex", text, "--lang", lang]
    )
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and "M.detach()" in res.output
    words = ("stop-gradient", "PyTorch") if lang == "en" else ("停止梯度", "PyTorch")
    assert all(w in res.output for w in words), res.output


def test_the_course_network_names_its_detached_max(tmp_path: Path) -> None:
    text = (
        r"\frac{\partial L}{\partial \mathrm{logits\_max}}"
        r"\frac{\partial \mathrm{logits\_max}}{\partial \mathrm{anchor\_dot\_contrast}}"
    )
    with pytest.raises(DeriveError) as err:
        check(SUPCON, "anchor_dot_contrast", text, latex=True)
    assert "logits_max.detach()" in str(err.value)


def test_pytorch_leaves_the_detached_path_out() -> None:
    torch = pytest.importorskip("torch")
    torch.manual_seed(1)
    X = torch.randn(3, 4, dtype=torch.float64)
    W = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
    Z = X @ W
    V = Z + (torch.tanh(Z) * 3).detach()
    ((V**2).sum() / 2).backward()
    assert torch.allclose(W.grad, X.T @ V.detach())
