"""A mask spelled ``x == 0`` / ``x != 0`` (``masked_fill(tril == 0, -1e9)``) reaches the entries
as two ReLU slopes, ``c·1[x > 0] + c·1[−x > 0] − c``; the LaTeX printer writes the pair as one
indicator, ``c·1[x ≠ 0]`` and ``−c·1[x = 0]`` (it printed ``wei₁₁·(1[−tril₁₁ > 0] + 1[tril₁₁ >
0]) + 10⁹·1[−tril₁₁ > 0] + 10⁹·1[tril₁₁ > 0] − 10⁹`` in a GPT head's hand calculation). The
rewrite is display only: the placeholders' meaning gives the same number at every point."""

from __future__ import annotations

from pathlib import Path

import sympy as sp

from derive.engine.printing import entry_masks, latex
from derive.lang.ops import relu_grad

SPEC = Path(__file__).parent / "specs_course" / "nanogpt_head_masked_fill.toml"


def test_the_pair_prints_as_one_indicator_and_means_the_same_number() -> None:
    t, w = sp.symbols("t w")
    c = sp.Integer(10**9)
    e = w * (relu_grad(-t) + relu_grad(t)) + c * relu_grad(-t) + c * relu_grad(t) - c
    tex = latex(e)
    assert "t \\neq 0" in tex and "t = 0" in tex and "- t > 0" not in tex, tex
    found: list = []
    inner = entry_masks(relu_grad(-t) + relu_grad(t), found)
    outer = entry_masks(sp.Add(w * inner, c * relu_grad(-t), c * relu_grad(t), -c), found)
    for tv in (-2, -1, 0, 1, 3):
        meaning = {m: (sp.Integer(tv != 0) if op != "=" else sp.Integer(tv == 0)) for m, op, _ in found}
        assert outer.subs(meaning).subs({t: tv, w: 5}) == e.subs({t: tv, w: 5}), tv
    # unequal coefficients (abs's sign: 1[x > 0] − 1[−x > 0]) are not a mask
    assert entry_masks(relu_grad(t) - relu_grad(-t), []) is None


def test_a_gpt_heads_hand_calculation_prints_the_mask() -> None:
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run(
            [sys.executable, "-m", "derive", "build", str(SPEC), "-f", "md", "--lang", "en", "-o", out],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stderr
        md = next(Path(out).rglob("walkthrough.md")).read_text()
    assert "\\mathrm{tril}_{11} \\neq 0" in md and "\\mathrm{tril}_{11} = 0" in md
    assert "- \\mathrm{tril}_{11} > 0" not in md
