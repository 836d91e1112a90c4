"""The checker reads π, 1/√2 and √(2/π) as the float64 numbers the network computes with where
the handouts print those numbers so (``math.pi``, F.gelu's 0.7071067811865476, the tanh GELU's
np.sqrt(2 / np.pi)): a reader who copies the handout, or writes π for np.pi, is right. A
different number (π/2, 1/√3) is still wrong, and the exact constants of a derivative rule (erf's
2/√π) stay exact. A batch norm's nodes printed ``\\mathrm{mean}^{[1]}`` are names, not calls of
mean (the merged full suite of round 18 found both: the handouts had started printing float
constants as a reader writes them, and the checker read them exactly)."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check
from derive.checker.checknet import net_for

COURSE = Path(__file__).parent / "specs_course"
VON_MISES = str(COURSE / "hn17_von_mises_fixed_kappa.toml")  # mu = tanh(X @ W) * math.pi
GELU = str(COURSE / "gelu_default.toml")  # F.gelu: x/2 (1 + erf(x/√2)), √2 exact (round 42)
GELU_TANH = str(COURSE / "transformer_ffn.toml")  # tanh GELU: np.sqrt(2 / np.pi)
RESNET_BN = str(COURSE / "hn15_d2l_resnet_bn.toml")


@pytest.mark.parametrize(
    "text, latex, ok",
    [
        (
            r"X^{\top} \left(\pi \delta_{\mu} \odot \left(1 - \tanh^{2}(X W)\right)\right)",
            True,
            True,
        ),
        ("X.T @ (np.pi * dmu * (1 - np.tanh(X @ W) ** 2))", False, True),
        ("X.T @ (pi * dmu * (1 - np.tanh(X @ W) ** 2))", False, True),
        (
            r"X^{\top} \left(\frac{\pi}{2} \delta_{\mu} \odot \left(1 - \tanh^{2}(X W)\right)\right)",
            True,
            False,
        ),
        ("X.T @ (3.14 * dmu * (1 - np.tanh(X @ W) ** 2))", False, False),
    ],
)
def test_pi_written_for_math_pi(text: str, latex: bool, ok: bool) -> None:
    assert check(VON_MISES, "W", text, latex=latex).ok is ok


def test_the_handouts_constants_read_back_and_others_do_not() -> None:
    for path, p in ((GELU, "W"), (GELU_TANH, "W1"), (RESNET_BN, "gamma1")):
        t = net_for(path, 0).target(p)
        assert check(path, p, t.tex, latex=True).ok, (path, p)
        assert check(path, p, t.expected).ok, (path, p)
    t = net_for(GELU, 0).target("W")
    # x/√2 exact since round 42 (F.gelu's float64 1/√2 before); erf's 2/√π exact, folded with
    # the ½ of x·Φ'(x) into 1/√π since round 44 (handread28: a Hadamard product's numbers in front),
    # and with the chain rule's 1/√2 into one number in front since round 45 (handread29: not
    # \frac{\frac{1}{\sqrt{\pi}} …}{\sqrt{2}})
    folded = r"\frac{\sqrt{2}}{2 \cdot \sqrt{\pi}}"
    assert r"}{\sqrt{2}}" in t.tex and folded in t.tex and r"\frac{\frac" not in t.tex
    wrong = t.tex.replace(r"}{\sqrt{2}}", r"}{\sqrt{3}}")
    assert not check(GELU, "W", wrong, latex=True).ok
    doubled = t.tex.replace(folded, r"\frac{\sqrt{2}}{\sqrt{\pi}}")  # the ½ forgotten
    assert not check(GELU, "W", doubled, latex=True).ok
    t = net_for(GELU_TANH, 0).target("W1")
    assert r"\sqrt{2/\pi}" in t.tex
    assert not check(
        GELU_TANH, "W1", t.tex.replace(r"\sqrt{2/\pi}", r"\sqrt{3/\pi}"), latex=True
    ).ok


def test_a_layer_marked_mean_is_the_node_and_mean_of_a_bracket_the_function() -> None:
    t = net_for(RESNET_BN, 0).target("gamma1")
    assert r"\mathrm{mean}^{[1]}" in t.tex
    assert check(RESNET_BN, "gamma1", t.tex, latex=True).ok
