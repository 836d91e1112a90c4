"""Round 43 (lead): an activation written out on a named node — the slope a student uses.

``A = Z * torch.sigmoid(Z)`` (Swish/SiLU spelled out, its input a node of its own): a student
who writes the sigmoid's slope σ(Z)(1 − σ(Z)) for Swish's was told "the activation's derivative
is left out, every term of it through dA (such as Z)" — round 42's check for a slope whose
argument has no node of its own took the name Z for that argument, so a false sentence won
over the slip list that names the slope used. A factor of the product rule dropped
(σ(Z) + σ(Z)(1 − σ(Z)), the Z of u·dv forgotten) was ``unknown``; it is now named.
"""

from __future__ import annotations

import pytest

from derive.checker.check import check

SPEC = """\
[network]
name = "swish-named"
[dims]
m = 3
d = 2
h = 2
[inputs]
X = ["m", "d"]
T = ["m", "h"]
[params]
W1 = ["d", "h"]
W2 = ["h", "h"]
[forward]
Z = "X @ W1"
A = "Z * torch.sigmoid(Z)"
O = "A @ W2"
loss = "((O - T) ** 2).sum() / 2"
"""
UP = "((O - T) @ W2.T)"
S = "torch.sigmoid(Z)"


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> str:
    p = tmp_path_factory.mktemp("r43") / "swish_named.toml"
    p.write_text(SPEC, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("wrt, wrap", [("Z", "{}"), ("W1", "X.T @ ({})")])
def test_the_sigmoids_slope_for_swish_is_named(spec: str, wrt: str, wrap: str) -> None:
    r = check(spec, wrt, wrap.format(f"{UP} * {S} * (1 - {S})"))
    assert r.verdict == "incorrect"
    d = r.diagnoses[0]
    assert d.code == "wrong-activation-derivative", d
    assert "σ'(Z) = σ(Z) * (1 - σ(Z))" in d.message
    assert "such as Z" not in d.message  # Z is no slope


def test_a_factor_of_the_product_rule_left_out_is_named(spec: str) -> None:
    r = check(spec, "Z", f"{UP} * ({S} + {S} * (1 - {S}))")
    assert r.verdict == "incorrect"
    d = r.diagnoses[0]
    assert d.code == "wrong-activation-derivative", d
    assert "the factor Z is left out" in d.message
    zh = r.localized("zh").diagnoses[0].message
    assert "漏掉了因子 Z" in zh


@pytest.mark.parametrize(
    "text",
    [
        f"{UP} * ({S} + Z * {S} * (1 - {S}))",
        f"{UP} * {S} + {UP} * Z * {S} * (1 - {S})",
        f"{UP} * ({S} + A * (1 - {S}))",  # σ + A(1 − σ): the same slope through the output
    ],
)
def test_the_right_swish_slope_stays_right(spec: str, text: str) -> None:
    assert check(spec, "Z", text).verdict == "correct"


def test_the_whole_slope_left_out_keeps_its_sentence(spec: str) -> None:
    r = check(spec, "W1", f"X.T @ {UP}")
    assert r.diagnoses[0].code == "missing-activation-derivative"
    assert "an activation written out" in r.diagnoses[0].message
