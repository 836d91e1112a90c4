"""Two-sided clamps print as a lecturer writes them: ``clip(x, lo, hi)`` and its derivative
``𝟙[lo ≤ x ≤ hi]`` (``𝟙[lo < x < hi]`` for hardtanh/relu6, whose gradient is 0 at a bound), in
the matrix form and in the element-wise steps — display only: the printed pieces are evaluated
back (``derive check`` reads the LaTeX) and must equal the derivation's own gradient, and the
conventions at the bounds stay those of tests/test_kink_conventions.py."""

from __future__ import annotations

import re

import pytest

from derive.checker.check import check
from derive.checker.checknet import net_for
from derive.engine.backprop import derive
from derive.engine.printing import latex
from derive.lang import spec

SPEC = """
[network]
name = "clips"
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W1 = ["n", "n"]
W2 = ["n", 1]
[forward]
A = "{first}"
B = "{second}"
L = "F.mse_loss(B, Y)"
[values]
X = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
Y = [[0.5], [-1.0], [1.0]]
W1 = [[0.3, -0.8], [0.6, 0.2]]
W2 = [[0.7], [-0.4]]
"""

CASES = [
    ("np.clip(X @ W1, -1, 1)", "torch.clamp(A @ W2 * 2, min=-1, max=1)", "\\le"),
    ("F.hardtanh(X @ W1)", "F.relu6(A @ W2 + 3)", "<"),
]


@pytest.mark.parametrize("first,second,rel", CASES, ids=["clamp", "hardtanh"])
def test_a_two_sided_clamp_prints_as_clip_and_its_slope_as_one_indicator(
    first, second, rel, tmp_path
) -> None:
    text = SPEC.format(first=first, second=second)
    d = derive(spec.parse(text, "clips"))
    g = d.graph
    a = next(n for n in g.nodes if n.name == "A")
    assert a.forward.tex().startswith("\\operatorname{clip}\\left(X")  # the matrix form
    assert "\\max" not in a.forward.tex() and "ReLU" not in a.forward.tex()
    entry = latex(a.definition[0, 0], g.symbol_tex)  # an element-wise step
    assert entry.startswith("\\operatorname{clip}\\left(") and entry.endswith(", -1, 1\\right)")
    w1 = next(v for v in d.backward if v.name == "W1")
    tex = w1.formula.tex()
    bounds = re.findall(r"\\mathbf\{1\}\\left\[(-?\d+) (\\le|<) .*? (\\le|<) (-?\d+)\\right\]", tex)
    assert ("-1", rel, rel, "1") in bounds, tex
    assert "\\max" not in tex and "ReLU" not in tex
    # read back: the printed formula is the derivation's gradient (also at the bounds)
    path = tmp_path / "clips.toml"
    path.write_text(text)
    net = net_for(str(path), 0)
    for p in ("W1", "W2"):
        t = net.target(p)
        assert "clip" in t.tex or "\\mathbf{1}\\left[" in t.tex, t.tex
        assert check(str(path), p, t.tex, latex=True).ok, t.tex


def test_a_clamp_of_one_side_and_other_sums_print_as_before() -> None:
    text = SPEC.format(first="np.clip(X @ W1, 0, None)", second="torch.clamp(A @ W2, max=1)")
    d = derive(spec.parse(text, "clips"))
    tex = " ".join(n.forward.tex() for n in d.graph.nodes)
    assert "clip" not in tex and "\\max" in tex


def test_the_walkthrough_says_in_words_what_clip_does(tmp_path) -> None:
    """The "in words" paragraph names clip and its bounds (not the two max(·, 0) it is spelled
    with): included for clamp, excluded for hardtanh."""
    from click.testing import CliRunner

    from derive.cli import main

    path = tmp_path / "clips.toml"
    path.write_text(SPEC.format(first=CASES[0][0], second=CASES[1][1]))
    out = tmp_path / "out"
    args = ["build", str(path), "-f", "md", "--lang", "en", "-o", str(out)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    md = (out / "clips" / "en" / "walkthrough.md").read_text()
    assert "ReLU’s slope" not in md
    assert "lies between $-1$ and $1$ (the bounds included" in md  # np.clip(X @ W1, -1, 1)
    assert "lies strictly between $0$ and $6$" in md  # F.relu6(A @ W2 + 3)
