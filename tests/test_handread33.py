"""Handouts a lecturer hands out unchanged, pass 33 (issue 12): DeepFM's English handout over
its 9 pages, measured section by section; two general cuts and one false display found there.

Specs written here (held out; other names and sizes than the course specs read):

- a shared weight's gradient written as a Σ over its branches set the gradient's numbers beside
  the LAST branch's term (``∂L/∂T|₁ = a₁ᵀδu₁ ≈ [the whole gradient]``: false, that term alone
  is another matrix; the built-in rnn's ∂L/∂W_x and ∂L/∂b too): the numbers now stand beside
  the Σ, which is the gradient;
- an entry of ``ReLU(x W₁ + b₁) W₂`` too long to follow with its numbers put in was still
  spelt as a formula over several rows (DeepFM's ``deep``: 21 products, 13 printed lines) that
  no one follows without numbers: at standard detail its values alone, with the sentence that
  says so (``--detail full`` keeps the formula);
- LRU's δλ of ``γ = √(1 − λ²)`` said "γ squares λ: the slope 2λ" (the formula carries −2λ);
- MGU's gate ``f₂``, read by ``hc₂ = tanh(… + (f₂ ⊙ h₁) W_hh)`` at its own step, was told "one
  step back in time … handed to the step before" (that is the state ``h₁``)."""

from __future__ import annotations

import functools
import re

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.render import environment as render
from derive.render.build import shared_proofs
from derive.walkthrough.context import build

# held out: two one-hot lookups of one table, scored by a linear head, σ + BCE
LOOKUPS = """
[network]
name = "held-two-lookups"
[dims]
N = 2
V = 4
E = 2
[inputs]
a1 = ["N", "V"]
a2 = ["N", "V"]
y = ["N", 1]
[params]
T = ["V", "E"]
w = ["E", 1]
[forward]
u1 = "a1 @ T"
u2 = "a2 @ T"
z = "(u1 + u2) @ w"
p = "torch.sigmoid(z)"
loss = "nn.functional.binary_cross_entropy(p, y)"
[values]
a1 = [[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]
a2 = [[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]]
y = [[1.0], [0.0]]
"""

# held out: a two-layer scorer written in one line (no node for the hidden layer), seven inputs
ONELINE = """
[network]
name = "held-one-line-scorer"
[dims]
B = 2
D = 7
H = 3
[inputs]
x = ["B", "D"]
y = ["B", 1]
[params]
W1 = ["D", "H"]
b1 = ["H"]
W2 = ["H", 1]
[forward]
score = "torch.relu(x @ W1 + b1) @ W2"
p = "torch.sigmoid(score)"
loss = "nn.functional.binary_cross_entropy(p, y)"
"""


@functools.cache
def _walk(source: str, detail: str):
    d = derive(spec.parse(source))
    return build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)


@functools.cache
def _out(source: str, family: str, lang: str = "en", detail: str = "standard") -> str:
    return render.render(f"{family}/walkthrough.{family}.j2", _walk(source, detail), lang)


def _part(text: str, heading: str, marker: str) -> str:
    """The piece of ``text`` split at ``heading`` whose first line holds ``marker``."""
    found = [p for p in re.split(heading, text) if marker in p.split("\n", 1)[0]]
    assert found, marker
    return found[0]


def _step(tex: str, name: str) -> str:
    """The backward subsection of the gradient of ``name`` in the LaTeX handout."""
    return _part(tex.split("\\section{", 4)[3], r"\\subsection\{", f"\\partial {name}}}")


def test_a_shared_tables_numbers_stand_beside_its_sum_not_beside_one_branch() -> None:
    for lang in ("en", "zh"):
        step = _step(_out(LOOKUPS, "tex", lang), "T")
        assert "\\sum_{t=1}^{2}" in step, step
        sigma = next(line for line in step.splitlines() if "\\sum_{t=1}^{2}" in line)
        assert "\\approx" in sigma, sigma  # the Σ is the gradient: its numbers beside it
        for line in step.splitlines():
            # a branch's term ∂L/∂T|_{u_t} = a_tᵀ δ_{u_t} is never followed by a value
            assert not ("\\right|_{" in line and "\\approx" in line), line


def test_the_branches_under_the_sum_share_one_row_when_they_fit() -> None:
    step = _step(_out(LOOKUPS, "tex"), "T")
    rows = [line for line in step.splitlines() if "\\right|_{u_{" in line]
    assert len(rows) == 1 and rows[0].count("\\right|_{u_{") == 2, rows
    assert "\\begin{aligned}" not in step


def _forward_step(md: str, name: str) -> str:
    forward = md.split("## 2. ", 1)[1].split("\n## 3. ", 1)[0]
    return _part(forward, r"\n### ", f"\\mathrm{{{name}}}$")


def test_an_entry_too_long_to_follow_is_given_by_its_value_at_standard_detail() -> None:
    from derive.render.environment import catalogue

    for lang in ("en", "zh"):
        step = _forward_step(_out(ONELINE, "md", lang), "score")
        # no entry spelt out: score₁ = W2₁·ReLU(x₁₁·W1₁₁ + …) is 21 products over six rows
        assert "\\operatorname{ReLU}\\left(x_{11}" not in step, step
        said = catalogue(lang)["longwork"]["cut_formula_one"]
        assert said[:16] in step, step
        # the step's matrix form and all its values stay
        assert "\\mathrm{score} = \\operatorname{ReLU}" in step and "\\begin{bmatrix}" in step


def test_full_detail_still_spells_the_entry_out() -> None:
    """Guard: ``--detail full`` keeps the exhaustive form, the entry's formula included."""
    step = _forward_step(_out(ONELINE, "md", "en", "full"), "score")
    assert "\\operatorname{ReLU}\\left(x_{11}" in step, step


# held out: a decay a ∈ (0, 1) and its input norm g = √(1 − a²) (an LRU's form, other names)
DECAY = """
[network]
name = "held-decay-and-norm"
[dims]
N = 2
D = 2
H = 2
[inputs]
u1 = ["N", "D"]
u2 = ["N", "D"]
y = ["N", "H"]
[params]
r = [1, "H"]
V = ["D", "H"]
[forward]
a = "torch.sigmoid(r)"
g = "torch.sqrt(1 - a ** 2)"
s1 = "g * (u1 @ V)"
s2 = "a * s1 + g * (u2 @ V)"
loss = "((s2 - y) ** 2).mean()"
"""

# guard: a square added, not subtracted (g = √(1 + a²)): the slope 2a, no sign turned
PLUS = DECAY.replace("1 - a ** 2", "1 + a ** 2").replace("held-decay-and-norm", "held-decay-plus")


def _words(source: str, name: str) -> dict:
    b = next(x for x in _walk(source, "standard").backward if x.name == name)
    return {w.key: w for w in b.words}


def test_a_subtracted_square_is_said_with_its_minus() -> None:
    """δa of g = √(1 − a²) said "g squares a: the slope 2a" — the formula carries −δg/(2g) ⊙ 2a."""
    from derive.locale import catalog

    words = _words(DECAY, "a")
    assert "power.square.minus" in words and "power.square" not in words, sorted(words)
    w = words["power.square.minus"]
    assert "-2" in catalog.text("handout_intuition.power.square.minus", "en", **w.values)
    md = _out(DECAY, "md", "zh")
    assert "符号翻转" in md and "斜率 $2a$" not in md


def test_an_added_square_keeps_its_slope() -> None:
    words = _words(PLUS, "a")
    assert "power.square" in words and "power.square.minus" not in words, sorted(words)


# held out: a minimal gated unit over two steps (MGU's form, other names): one gate g_t that
# reads the state, the candidate c_t reads g_t ⊙ s_{t−1} through U_c, the state s_t
GATED = """
[network]
name = "held-one-gate-two-steps"
[dims]
N = 2
D = 2
H = 2
[inputs]
u1 = ["N", "D"]
u2 = ["N", "D"]
s0 = ["N", "H"]
y = ["N", "H"]
[params]
Wg = ["D", "H"]
Ug = ["H", "H"]
Wc = ["D", "H"]
Uc = ["H", "H"]
[forward]
g1 = "torch.sigmoid(u1 @ Wg + s0 @ Ug)"
c1 = "torch.tanh(u1 @ Wc + (g1 * s0) @ Uc)"
s1 = "(1 - g1) * s0 + g1 * c1"
g2 = "torch.sigmoid(u2 @ Wg + s1 @ Ug)"
c2 = "torch.tanh(u2 @ Wc + (g2 * s1) @ Uc)"
s2 = "(1 - g2) * s1 + g2 * c2"
loss = "((s2 - y) ** 2).mean()"
"""


def test_a_gate_is_not_the_state_handed_to_the_step_before() -> None:
    """δg₂ said "This is one step back in time … code calls this gradient dhnext: it is handed
    to the step before" — of a gate computed afresh at step 2; the state s₁ keeps it (guard)."""
    assert "through-time" not in _words(GATED, "g2")
    assert "through-time" in _words(GATED, "s1")
