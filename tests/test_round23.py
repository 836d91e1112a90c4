"""Round 23 on main: numbers a hand calculation shows exactly where the engine can prove them.

- A value whose 30-digit evaluation sits on a short decimal is shown as that decimal when SymPy's
  exact arithmetic at the spec's rational example values reduces the entry to it (batch norm's
  ∂L/∂β = Σᵢ δ_Y: the normalised column sums to 0, so the sum is rational) — never from the
  digits alone.
- A constant that is exactly ±10⁻ᵏ (k ≥ 5) prints as ``10^{-k}`` (ε = 10⁻⁵), as ±10ᵏ already did.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import example as ex

_BN = """
[network]
name = "bn-held"
[dims]
b = {b}
f = {f}
[inputs]
U = ["b", "f"]
R = ["b", "f"]
[params]
M = ["f", "f"]
g = [1, "f"]
s = [1, "f"]
[constants]
delta = {eps}
[forward]
H = "U @ M"
c = "H - mean(H, axis=0)"
v = "mean(c ** 2, axis=0)"
O = "g * c / sqrt(v + delta) + s"
L = "mse(O, R)"
[values]
U = {U}
R = {R}
M = {M}
g = {g}
s = {S}
"""


def _spec(tmp_path, b: int, f: int, seed: int, eps: str = "1e-5"):
    rng = np.random.default_rng(seed)

    def mat(r: int, c: int) -> str:
        return str([[float(x) for x in row] for row in np.round(rng.uniform(-1, 1, (r, c)), 1)])

    text = _BN.format(b=b, f=f, eps=eps, U=mat(b, f), R=mat(b, f), M=mat(f, f), g=mat(1, f),
                      S=mat(1, f))
    p = tmp_path / f"bn_{b}_{f}_{seed}.toml"
    p.write_text(text, encoding="utf-8")
    return spec.load(str(p))


@pytest.mark.parametrize(("q", "tex"), [
    (Fraction(1, 10**5), "10^{-5}"), (Fraction(-1, 10**8), "-10^{-8}"),
    (Fraction(1, 1000), "0.001"), (Fraction(1, 10**4), "0.0001"), (Fraction(3, 10**5), "0.00003"),
])
def test_a_small_power_of_ten_prints_as_one(q: Fraction, tex: str) -> None:
    assert ex.fmt(q).tex == tex and ex.fmt(q).exact


def test_the_constant_line_and_the_working_write_epsilon_as_a_power(tmp_path) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    p = tmp_path / "bn.toml"
    sp_ = _spec(tmp_path, 3, 2, 5, eps="1e-6")
    p.write_text((tmp_path / "bn_3_2_5.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert sp_.constants
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(p), "-f", "md", "--lang", "en", "-o", str(out)])
    assert res.exit_code == 0, res.output
    md = next(out.rglob("walkthrough.md")).read_text(encoding="utf-8")
    assert "10^{-6}" in md and "0.000001" not in md


def _printed_arrays(stdout: str) -> dict[str, list[float]]:
    """``name =\\n[[…]]`` blocks (and ``L = …``) as printed by a lab, each as its numbers."""
    import re

    out: dict[str, list[float]] = {}
    for m in re.finditer(r"^(\w+) =\s*(\[\[.*?\]\]|-?[\d.e+-]+)\s*$", stdout, re.M | re.S):
        out[m.group(1)] = [float(x) for x in re.findall(r"-?\d+\.?\d*(?:e[+-]?\d+)?", m.group(2))]
    return out


@pytest.mark.parametrize("name", ["tiny-mlp", "batchnorm"])
def test_the_lab_prints_the_handouts_digits(tmp_path, name: str) -> None:
    """The lab (backprop.py) prints each gradient to the 7 decimals the handout shows, so a
    student compares them digit for digit: every printed entry equals the handout's number
    rounded to 7 places (the handout's from the 30-digit value; float64 agrees to ~1e-16)."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from derive.cli import main

    res = CliRunner().invoke(main, ["build", name, "-f", "py", "--lang", "en", "-o",
                                    str(tmp_path)])
    assert res.exit_code == 0, res.output
    lab = next(tmp_path.rglob("backprop.py"))
    run = subprocess.run([sys.executable, str(lab)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    printed = _printed_arrays(run.stdout)
    d = derive(spec.load(name))
    e = ex.Example(d)
    seen = 0
    for p in d.spec.params:
        nums = printed.get("d" + p)
        assert nums is not None, (p, run.stdout[:400])
        grads = [s for row in d.graph.tensors[p].grads.tolist() for s in row]
        for got, sym in zip(nums, grads, strict=True):
            assert got == round(float(e.value(sym)), ex.DIGITS), (p, got, e.number(sym).tex)
            seen += 1
    assert seen >= 2


_STEP = """
[network]
name = "jump-held"
[inputs]
X = [2, 2]
T = [2, 2]
[params]
W = [2, 2]
[forward]
H = "X @ W"
Q = "H + ({f}(H * {k}) / {k} - H).detach()"
L = "torch.sum(Q * T)"
[values]
X = [[1, 0], [0, 1]]
T = [[1, 2], [3, 4]]
W = {W}
"""


@pytest.mark.parametrize(("f", "k", "w"), [
    ("torch.floor", 100, [[0.29, 0.5], [0.1, 0.7]]),   # 0.29·100 = 28.999999999999996
    ("np.ceil", 10, [[0.25, 0.7], [0.3, 0.6]]),         # 0.7·10 = 7.000000000000001
    ("torch.floor", 100, [[0.25, 0.5], [0.125, 0.75]]),  # every product exact in float64
    ("torch.trunc", 10, [[-0.3, 0.5], [0.25, 0.7]]),    # −0.3·10 = −3.0000000000000004
])
def test_a_step_input_on_a_jump_is_refused_only_where_float64_steps_the_other_way(
    tmp_path, f: str, k: int, w: list
) -> None:
    """A straight-through estimator of a step (floor, ceil, trunc) whose input is exactly a
    whole number at the example: refused (exit 2, naming the function and the entry) exactly
    when float64's step differs from the exact one — decided here independently, entry by
    entry, with fractions and Python floats."""
    import math

    from derive.errors import DeriveError
    from derive.numeric import verify as numeric

    p = tmp_path / "s.toml"
    p.write_text(_STEP.format(f=f, k=k, W=w), encoding="utf-8")
    step = {"floor": math.floor, "ceil": math.ceil, "trunc": math.trunc}[f.split(".")[-1]]
    bad = [
        (i, j) for i in range(2) for j in range(2)
        if step(Fraction(str(w[i][j])) * k) != step(float(w[i][j]) * k)
    ]
    d = derive(spec.load(str(p)))
    if not bad:
        assert numeric.verify(d, points=1).ok
        return
    with pytest.raises(DeriveError) as err:
        numeric.verify(d, points=1)
    assert err.value.exit_code == 2
    text = str(err.value)
    assert f.split(".")[-1] in text and f"[{bad[0][0]}, {bad[0][1]}]" in text, text
