"""Round 42 (lead): exact GELU.

``F.gelu(x)`` (PyTorch's default, the exact x·Φ(x)) is read with the exact √2 —
``x/2·(1 + erf(x/√2))`` — where it was read with the float64 1/√2 (0.7071067811865476, PyTorch's
M_SQRT1_2). The numbers PyTorch computes differ by one rounding at most (verify agrees as before),
and the textbook slope a student writes, Φ(u) + u·e^{−u²/2}/√(2π), is now exactly derive's:
``derive check`` no longer needs the float in the student's text to accept it (corpus 40's _GELU
cases). A rounded pasted constant (0.3989 for 1/√(2π)) is read as the exact constant it rounds,
SciPy's ``norm.pdf`` (a density with the float64 π inside) is compared at the printed-decimal
tolerance, and the handout's GELU sentence still finds the unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp

from derive.checker.check import check, net_for

SPEC = str(Path(__file__).resolve().parent / "specs_course" / "gelu_default.toml")
SLOPE = "u = x @ W\ndW = x.T @ ((np.sign(a @ v - y) / n) @ v.T * ({}))"


def test_gelu_is_read_with_the_exact_root_of_two() -> None:
    n = net_for(SPEC, 0)
    assert n.float_constants() == ()  # no float64 1/√2 left in the forward or the gradients
    defs = [e for e in n.d.defs.values() if isinstance(e, sp.Basic)]
    assert any(e.has(sp.sqrt(2)) for e in defs)


@pytest.mark.parametrize(
    "slope",
    [
        "0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u ** 2 / 2) / np.sqrt(2 * np.pi)",
        "norm.cdf(u) + u * norm.pdf(u)",  # SciPy's density: the float64 π inside
        "0.5 * (1 + erf(u / np.sqrt(2))) + u * norm.pdf(u)",
        "0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u ** 2 / 2) * 0.3989",  # 1/√(2π) rounded
        "0.5 * (1 + erf(0.7071 * u)) + u * np.exp(-u ** 2 / 2) / 2.5066",
    ],
)
def test_the_textbook_gelu_slope_is_accepted(slope: str) -> None:
    text = ("from scipy.stats import norm\n" if "norm." in slope else "") + SLOPE.format(slope)
    r = check(SPEC, "W", text)
    assert r.verdict == "correct", (r.verdict, [d.code for d in r.diagnoses])


@pytest.mark.parametrize(
    "slope",
    [
        "0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u ** 2 / 2) * 0.3999",  # not 1/√(2π)
        "0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u ** 2 / 2) / np.sqrt(np.pi)",  # √2 lost
        "norm.cdf(u)",  # x read once: the slope of Φ alone
    ],
)
def test_a_wrong_gelu_slope_stays_wrong(slope: str) -> None:
    text = ("from scipy.stats import norm\n" if "norm." in slope else "") + SLOPE.format(slope)
    r = check(SPEC, "W", text)
    assert r.verdict == "incorrect"


def _md(path: str, lang: str = "en") -> str:
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.parse(Path(path).read_text(encoding="utf-8")))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render("md/walkthrough.md.j2", w, lang)


def test_the_handout_still_names_gelu() -> None:
    """The unit's own sentence (GELU gates the blame by Φ(x) + xφ(x)), not erf's generic one:
    the handout finds F.gelu written with the exact √2."""
    md = _md(SPEC)
    assert "GELU, $x\\thinspace \\Phi(x)$" in md
    assert "\\operatorname{erf}\\left(\\frac{x \\thinspace W}{\\sqrt{2}}\\right)" in md
    assert "0.7071" not in md


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_only_a_true_convolution_turns_the_kernels_blame_back(lang: str) -> None:
    """np.convolve turns the kernel: its kernel's blame is the correlation turned back by 180°;
    correlate2d (a CNN's convolution) turns nothing, and its sentence says no such thing."""
    course = Path(__file__).resolve().parent / "specs_course"
    turned = {"en": "turned back by 180°", "zh": "再转回 180°"}[lang]
    assert turned in _md(str(course / "cv42_numpy_convolve_1d_linear_mse.toml"), lang)
    assert turned not in _md(str(course / "cv42_scipy_correlate2d_relu_sq.toml"), lang)


def test_a_wrong_pasted_constant_is_named_with_a_short_factor() -> None:
    """0.3999 for 1/√(2π) ≈ 0.39894: the term is 1.0024 × what it should be — six digits, not
    the fraction 464522134/463409651 of two float ratios."""
    text = SLOPE.format("0.5 * (1 + erf(u / np.sqrt(2))) + u * np.exp(-u ** 2 / 2) * 0.3999")
    r = check(SPEC, "W", text)
    assert [d.code for d in r.diagnoses] == ["scale-factor"]
    assert "1.0024 ×" in r.diagnoses[0].message
    assert "/463409651" not in r.diagnoses[0].message


COURSE = Path(__file__).resolve().parent / "specs_course"


@pytest.mark.parametrize(
    ("spec", "wrt", "text"),
    [
        # F.silu spelled u·σ(u): its slope σ(u) + u·σ(u)(1 − σ(u)) is two terms through dhidden
        ("hn39_huber_module_silu_regression", "W1",
         "dW1 = x.T @ np.outer(np.clip(pred - y, -0.5, 0.5) / N, w2)"),
        # F.gelu, u/2·(1 + erf(u/√2)): the slope's ½ sits outside the product with da
        ("gelu_default", "W", "dW = x.T @ ((np.sign(a @ v - y) / n) @ v.T)"),
        # F.mish, u·tanh(softplus(u)) of an inline h1 @ W2
        ("hn21_tanhshrink_mish_mlp", "W2", "dW2 = h1.T @ (2 * (h2 @ w3 - y) / y.size @ w3.T)"),
    ],
)
def test_an_inline_activations_whole_slope_left_out_is_named(spec: str, wrt: str, text: str) -> None:
    r = check(str(COURSE / f"{spec}.toml"), wrt, text)
    assert r.verdict == "incorrect"
    assert [d.code for d in r.diagnoses][:1] == ["missing-activation-derivative"]


def test_the_slope_kept_and_another_mistake_is_not_called_a_missing_slope() -> None:
    spec = str(COURSE / "hn39_huber_module_silu_regression.toml")
    slope = "u = x @ W1 + b1\ns = 1 / (1 + np.exp(-u))\ndW1 = x.T @ (np.outer(np.clip(pred - y, -0.5, 0.5){}, w2) * (s + u * s * (1 - s)))"
    assert check(spec, "W1", slope.format(" / N")).verdict == "correct"
    r = check(spec, "W1", slope.format(""))  # the 1/N of the mean left out
    assert [d.code for d in r.diagnoses] == ["scale-factor"]
