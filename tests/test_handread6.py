"""The handouts as a lecturer reads them (issue 12, pass 6): no pointer at material a standard
handout does not contain, the network's own symbols in the reasons, math in Chinese prose."""

from __future__ import annotations

import re

import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.render import environment as render
from derive.render.build import shared_proofs
from derive.walkthrough.context import build


def _md(name: str, lang: str, detail: str = "standard") -> str:
    d = derive(spec.load(name))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
    return render.render("md/walkthrough.md.j2", w, lang)


def _section(md: str, heading: str) -> str:
    start = md.index(heading)
    end = md.find("\n### ", start + 1)
    return md[start : end if end >= 0 else len(md)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_factor_two_lesson_shows_its_own_pytorch_lines(lang: str) -> None:
    """"the PyTorch code of section 6 keeps the factor": a standard handout's section 6 has
    NumPy only. The lesson points at the two PyTorch lines it shows itself."""
    md = _md("neuron", lang)
    code = md[md.index("\n## 6.") : md.index("\n## 7.")]
    assert "F.mse_loss" not in code and "torch" not in code
    lesson = _section(md, "### 7.1")
    assert "section 6" not in lesson and "第 6 节" not in lesson, lesson
    assert re.search(r"```python\nL = 0\.5 \* F\.mse_loss\(O, t\)\nbare = F\.mse_loss", lesson)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_bce_simplification_names_the_networks_prediction(lang: str) -> None:
    """The reasons of δ_Z2's simplification said ŷ, a symbol mlp-bce never defines; the
    weighted lesson defines ŷ and y before it uses them."""
    md = _md("mlp-bce", lang)
    assert "\\hat{y}" not in md
    assert "A^{[2]}\\thinspace (1 - A^{[2]})" in md
    weighted = _md("mlp-bce-weighted", lang)
    first = weighted.index("\\hat{y}")
    assert re.search(r"\\hat\{y\}\$ (an entry of|为) \$A\^\{\[2\]\}\$", weighted[first - 5 :])


def test_chinese_sigmoid_reason_keeps_one_minus_a_in_math() -> None:
    """「乘以 A 与 (1 − A)」 had its parentheses and minus sign as text around the math."""
    md = _md("mlp-bce", "zh")
    assert "与 $\\left(1 - A^{[2]}\\right)$" in md
    assert "(1 − $" not in md
