"""Handouts a lecturer hands out unchanged, pass 21 (issues 12 and 9): the handouts derive writes
for networks a user brings (a VAE, distillation at temperature T, RMSNorm with Swish-β, an SE
gate, maxout, a post-LN attention block, a quiz with weight decay), and handread20's leftovers.
A tensor scaled inside a function (``exp(0.5 * logvar)``, ``σ(β h)``, ``log_softmax(s / T)``),
a factor that is also inside the other factor (``h * σ(β h)``, softsign's ``h / (1 + |h|)``) and
a divisor inside a log (``log(ρ / ρ̂)``) are said as they are, not "S multiplies T by other
factors"; a cross-entropy of one row says no "mean over 1 rows" and names the scores' rows, not
the weights'; ε = 10⁻⁶ prints ``10^{-6}`` (``1e-6`` in code), not 0.000001; an exact 0 reached
through an irrational factor prints 0, not ±10⁻³² of arithmetic noise. Each asserted on built
text (Markdown en and zh, backprop.py) of specs written here (held out), numbers checked
against PyTorch."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest

# held out: a Gaussian bottleneck with a fixed noise (the reparameterisation), a squared error
REPARAM = """
[network]
name = "reparam-quiz"
[dims]
n = 2
d = 3
k = 2
[inputs]
x = ["n", "d"]
noise = ["n", "k"]
t = ["n", "k"]
[params]
Wm = ["d", "k"]
Ws = ["d", "k"]
[forward]
m = "x @ Wm"
ls = "x @ Ws"
sd = "torch.exp(0.25 * ls)"
z = "m + noise * sd"
L = "((z - t) ** 2).sum() / 2"
[values]
x = [[1, -0.5, 0.2], [0.3, 0.8, -1]]
noise = [[0.5, -1], [1.5, 0.2]]
t = [[0.1, 0.4], [-0.2, 0.3]]
Wm = [[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]]
Ws = [[0.1, 0.2], [-0.3, 0.1], [0.2, -0.4]]
"""

# held out: a learned gain inside a gate that multiplies its own input, a squared error
GATED = """
[network]
name = "self-gate-quiz"
[dims]
n = 2
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", "d"]
g = []
v = ["d", 1]
[forward]
u = "x @ W"
q = "u * torch.sigmoid(g * u)"
L = "((q @ v - y) ** 2).mean()"
[values]
x = [[1, -1], [0.5, 2]]
y = [[0.5], [-1]]
W = [[0.3, -0.2], [0.1, 0.4]]
g = 1.5
v = [[0.7], [-0.4]]
"""

# held out: a target distribution against a batch mean (a log of a quotient), sigmoid units
RATIO = """
[network]
name = "ratio-quiz"
[dims]
n = 3
d = 2
k = 2
[inputs]
x = ["n", "d"]
[params]
W = ["d", "k"]
[constants]
r = 0.2
[forward]
a = "torch.sigmoid(x @ W)"
q = "a.mean(dim=0)"
kl = "torch.sum(r * torch.log(r / q))"
L = "kl + 0.1 * torch.sum(W * W)"
[values]
x = [[1, -1], [0.5, 2], [-0.3, 0.4]]
W = [[0.3, -0.2], [0.1, 0.4]]
"""

# held out: one example (a row of features) pooled, a linear head read by cross-entropy
POOLED = """
[network]
name = "pooled-head-quiz"
[dims]
P = 3
C = 2
K = 3
[inputs]
F = ["P", "C"]
y = { shape = [1, "K"], kind = "one-hot" }
[params]
Wh = ["C", "K"]
[forward]
f = "F.mean(dim=0, keepdim=True)"
loss = "torch.nn.functional.cross_entropy(f @ Wh, y)"
[values]
F = [[1, -0.5], [0.2, 0.8], [-0.4, 0.3]]
y = [[0, 1, 0]]
Wh = [[0.2, -0.1, 0.4], [0.3, 0.5, -0.2]]
"""

# held out: a root-mean-square normalisation with ε = 1e-6 and a learned scale; the second row
# of x is orthogonal to w, so h's second entry is exactly 0 (times an irrational 1/√(ms + ε))
RMS = """
[network]
name = "rms-quiz"
[dims]
n = 2
d = 4
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
s = ["d"]
w = ["d", 1]
[forward]
ms = "torch.mean(x * x, dim=1, keepdim=True)"
xn = "x / torch.sqrt(ms + 1e-6) * s"
h = "xn @ w"
L = "((h - y) ** 2).mean()"
[values]
x = [[0.3, -0.2, 0.3, 0.1], [0.2, -0.1, -0.5, 0.5]]
y = [[0.5], [-0.2]]
s = [1.0, 1.0, 1.0, 1.0]
w = [[0.5], [-0.5], [0.7], [0.4]]
"""


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source))


@functools.cache
def _built(source: str, template: str, lang: str) -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render(template, w, lang)


def _md(source: str, lang: str) -> str:
    return _built(source, "md/walkthrough.md.j2", lang)


def _words(md: str, heading: str) -> str:
    """The "in words" paragraph of the section whose heading holds ``heading``."""
    section = md.split(heading, 1)[1].split("\n### ", 1)[0]
    return next(line for line in section.splitlines() if line.startswith(("**In words.**", "**这一步")))


OTHER_FACTORS = ("by other factors", "与其他因子相乘")


# ---- a factor inside a function, twice, a divisor --------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_tensor_scaled_inside_a_function_is_not_multiplied_by_the_node(lang: str) -> None:
    """sd = exp(0.25·ls): the handout said "sd multiplies ls by other factors" (sd multiplies
    nothing: ls is scaled by 1/4, then exp acts)."""
    md = _md(REPARAM, lang)
    words = _words(md, "\\delta_{\\mathrm{ls}}")
    assert not any(s in words for s in OTHER_FACTORS), words
    said = "is multiplied by $\\frac{1}{4}$ before $\\exp$" if lang == "en" else "先乘以 $\\frac{1}{4}$，再经过 $\\exp$"
    assert said in words, words


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_factor_also_inside_the_other_factor_gets_two_shares(lang: str) -> None:
    """q = u·σ(g u): "q multiplies u by other factors" (u is also inside σ) and "q multiplies g
    by other factors" (g is inside σ) — the product rule's two shares, and g scaled inside σ."""
    md = _md(GATED, lang)
    du, dg = _words(md, "\\delta_{u}"), _words(md, "\\partial g}")
    assert not any(s in du + dg for s in OTHER_FACTORS), (du, dg)
    assert ("enters $q$ twice" if lang == "en" else "在 $q$ 中出现两次") in du, du
    assert ("$g$ is multiplied by $u$ before $\\sigma$" if lang == "en" else "$g$ 先乘以 $u$，再经过 $\\sigma$") in dg, dg


def test_a_divisor_inside_a_log_is_said_to_divide() -> None:
    """kl = Σ r·log(r/q): "kl multiplies q by other factors" (q divides, inside a log)."""
    words = _words(_md(RATIO, "en"), "\\delta_{q}")
    assert not any(s in words for s in OTHER_FACTORS), words
    assert "$q$ divides before $\\log$" in words, words


# ---- a cross-entropy of one row --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_loss_of_one_row_says_no_mean_and_names_the_scores(lang: str) -> None:
    """cross_entropy(f @ Wh, y) with one row: "The loss is a mean over 1 rows (examples), so every
    share carries the factor 1/1" (counted over Wh's rows) and "the true class in each row of
    W_h" (W_h holds no probabilities)."""
    words = _words(_md(POOLED, lang), "\\partial W_{h}}")
    assert "\\frac{1}{1}" not in words and "$1$ rows" not in words and "$1$ 行" not in words, words
    row = "each row of $W_{h}$" if lang == "en" else "$W_{h}$ 的每一行"
    assert row not in words, words
    assert "\\mathrm{f} \\thinspace W_{h}" in words or "f \\thinspace W_{h}" in words, words


# ---- ε as 10⁻⁶, an exact zero ----------------------------------------------------------------


def test_a_small_constant_prints_as_a_power_of_ten_and_the_code_agrees(tmp_path: Path) -> None:
    """ε = 1e-6 inside the formula printed 0.000001 in every formula, hand calculation and code
    line; it is 10^{-6} (1e-6 in code), and backprop.py still agrees with PyTorch."""
    md, code = _md(RMS, "en"), _built(RMS, "py/backprop.py.j2", "en")
    assert "0.000001" not in md and "0.000001" not in code
    assert "\\mathrm{ms} + 10^{-6}" in md
    assert re.search(r"ms \+ 1e-6\b", code), code
    script = tmp_path / "backprop.py"
    script.write_text(code, "utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "agree" in run.stdout, run.stdout + run.stderr


def test_an_exact_zero_through_an_irrational_factor_prints_zero() -> None:
    """h₂ = (0.2·0.5 + 0.1·0.5 − 0.5·0.7 + 0.5·0.4)/√(ms₂ + ε) = (0.1 + 0.05 − 0.35 + 0.2)/√(…) is
    exactly 0 (x₂ is orthogonal to w); the handout printed −9.860761 × 10^{-32} (and the gradient
    through it alike), the noise of the 30-digit arithmetic, for a value PyTorch holds as 0."""
    import torch

    x = torch.tensor([[0.3, -0.2, 0.3, 0.1], [0.2, -0.1, -0.5, 0.5]], dtype=torch.float64)
    w = torch.tensor([[0.5], [-0.5], [0.7], [0.4]], dtype=torch.float64)
    ms = (x * x).mean(dim=1, keepdim=True)
    h = (x / torch.sqrt(ms + 1e-6)) @ w
    assert abs(float(h[1, 0])) < 1e-15  # the oracle: 0 up to float64's rounding
    md = _md(RMS, "en")
    assert not re.search(r"10\^\{-(2\d|[3-9]\d)\}", md), re.findall(r".{40}10\^\{-\d\d\}", md)
    together = md.split("### 2.3", 1)[1].split("###", 1)[0]
    row = re.search(r"h \\approx \\begin\{bmatrix\} (.*?) \\end\{bmatrix\}", together)
    assert row is not None, together
    assert row.group(1).split("\\\\")[1].strip() == "0", row.group(1)


# ---- the penalty's share, named -------------------------------------------------------------

# held out: a quiz's tanh layer with weight decay on its weights only (λ/2 Σ W²)
DECAY = """
[network]
name = "decay-quiz"
[dims]
m = 2
a = 2
h = 2
[inputs]
X = ["m", "a"]
y = ["m", 1]
[params]
W = ["a", "h"]
v = ["h", 1]
[constants]
lam = 0.01
[forward]
H = "np.tanh(X @ W)"
p = "H @ v"
J = "np.mean((p - y) ** 2) + 0.5 * lam * np.sum(W * W)"
[values]
X = [[1, -2], [0.5, 1]]
y = [[1], [-1]]
W = [[0.5, -0.3], [0.2, 0.4]]
v = [[1], [-0.5]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_penalty_share_is_named_after_the_two_shares(lang: str) -> None:
    """"W reaches the loss along 2 paths … The gradient is the sum of the two shares. This share
    comes from the penalty term" — which share? It is "the share of the penalty term"."""
    words = _words(_md(DECAY, lang), "{\\partial W}$\n")
    two = "the sum of the two shares" if lang == "en" else "两份"
    assert two in words, words
    assert "This share" not in words and "这一份" not in words, words
    assert ("The share of the penalty term" if lang == "en" else "惩罚项的那一份") in words, words


# ---- soft targets at a temperature -------------------------------------------------------------

# held out: a student matched to fixed soft targets at temperature tau (KL, batchmean, tau²),
# with no hard-label term
SOFT = """
[network]
name = "soft-targets-quiz"
[dims]
n = 3
d = 2
c = 3
[inputs]
x = ["n", "d"]
zt = ["n", "c"]
[params]
V = ["d", "c"]
[constants]
tau = 3.0
[forward]
zs = "x @ V"
L = "F.kl_div(F.log_softmax(zs / tau, dim=1), F.softmax(zt / tau, dim=1), reduction='batchmean') * tau ** 2"
[values]
x = [[1, -1], [0.5, 2], [-0.3, 0.4]]
zt = [[2, -0.5, 0.3], [-1, 0.2, 1.5], [0.1, 1.2, -0.6]]
V = [[0.3, -0.2, 0.1], [0.1, 0.4, -0.3]]
"""


def test_soft_targets_give_the_difference_of_two_softmaxes(tmp_path: Path) -> None:
    """δ_zs of a KL at temperature τ printed (1/τ)(−(1/n)τ²·𝟙 ⊙ softmax(zt/τ) − exp(log softmax(zs/τ))
    ⊙ ((−(1/n)τ²·𝟙 ⊙ softmax(zt/τ)) 𝟙)) and ``np.ones((n, 1))`` in code: a column of ones times a
    matrix, exp of a log-softmax, the row sums of a softmax (each 1) left as they were. It is
    (1/τ)(−(τ²/n) softmax(zt/τ) + (τ²/n) softmax(zs/τ)), and backprop.py agrees with PyTorch."""
    md, code = _md(SOFT, "en"), _built(SOFT, "py/backprop.py.j2", "en")
    step = md.split("\\delta_{\\mathrm{zs}}$", 1)[1].split("\n### ", 1)[0]
    formula = step.split("$$", 2)[1]
    assert "\\mathbf{1}" not in formula and "\\exp\\left(\\log" not in formula, formula
    assert formula.count("\\operatorname{softmax}") == 2, formula
    line = next(x for x in code.splitlines() if x.startswith("dzs = "))
    assert "np.ones" not in line and "log_softmax" not in line, line
    script = tmp_path / "backprop.py"
    script.write_text(code, "utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "agree" in run.stdout, run.stdout + run.stderr


# ---- a clip's convention is at its bounds ------------------------------------------------------

CLIPPED = """
[network]
name = "clipped-quiz"
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 1]
[forward]
o = "F.hardtanh(x @ W, min_val=-1.0, max_val=3.0)"
L = "((o - y) ** 2).sum()"
[values]
x = [[1, -1], [0.5, 2], [-0.3, 0.4]]
y = [[0.5], [-1], [2]]
W = [[0.3], [0.8]]
"""


def _masks_shown(md: str, head: str) -> list[list[float]]:
    item = md.split(head, 1)[1].split("\n**", 1)[0]
    rows = re.findall(r"\\begin\{bmatrix\} (.*?) \\end\{bmatrix\}", item)
    return [[float(v) for v in r.split(" & ")] for r in rows]


@pytest.mark.parametrize(
    ("spelling", "lang"),
    [("F.hardtanh(x @ W, min_val=-1.0, max_val=3.0)", "en"), ("F.hardtanh(x @ W, min_val=-1.0, max_val=3.0)", "zh"),
     ("torch.clamp(x @ W, -1.0, 3.0)", "en")],
)
def test_a_clip_is_not_taught_as_a_relu_at_zero(spelling: str, lang: str) -> None:
    """F.hardtanh(z, −1, 3) (read as two max(0, ·)) got the mistake item "ReLU at exactly zero"
    with z = [0, −1, 1] — a network with no ReLU. Its convention is at the bounds: hardtanh's
    slope there is 0, torch.clamp's 1 (PyTorch measured here), shown at z = [−1, 3, 1]."""
    import torch

    md = _md(CLIPPED.replace("F.hardtanh(x @ W, min_val=-1.0, max_val=3.0)", spelling), lang)
    assert "**ReLU at exactly zero.**" not in md and "**ReLU 在恰好为零处**" not in md
    head = "**A clip at exactly its bounds.**" if lang == "en" else "**截断恰好落在边界上**"
    z, strict, closed = _masks_shown(md, head)
    assert z == [-1.0, 3.0, 1.0]
    zt = torch.tensor(z, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.hardtanh(zt, -1.0, 3.0).sum().backward()
    assert strict == zt.grad.tolist()
    zt.grad = None
    torch.clamp(zt, -1.0, 3.0).sum().backward()
    assert closed == zt.grad.tolist()
    ours = "This handout takes $0$ there" if spelling.startswith("F.") else "as this handout does"
    if lang == "en":
        assert ours in md.split(head, 1)[1].split("\n", 1)[0]


# ---- a hand calculation's row breaks outside a group that fits the next row -----------------


def test_a_short_group_is_not_broken_at_the_phone_column() -> None:
    """A quiz's ∂J/∂W₁₂ worked out on a phone's column broke "0.1928987 · 1 · (1 \\\\ −
    (−0.8336546)²)" inside the parentheses (mlp-bce-weighted's "(A − Y + (w \\\\ − 1)(…))" alike),
    though the whole group fits a row: the row ends before the "·" instead."""
    md = _md(QUIZ, "en")
    rows = [r for r in md.splitlines() if "\\cdot" in r]
    assert rows
    assert not re.search(r"\\left\((1|0\.\d+) \\right\. ", md), [r for r in rows if "\\right. \\\\" in r][:3]
    assert "\\\\ &\\quad \\cdot \\left(1 - \\left(-0.8336546\\right)^{2}\\right)" in md


# held out: the quiz of /tmp/hr21 (written before derive ran on it): tanh, a bias, weight decay
QUIZ = """
[network]
name = "tanh-decay-quiz"
[dims]
m = 2
n_x = 2
n_h = 2
[inputs]
X = ["m", "n_x"]
y = ["m", 1]
[params]
W1 = ["n_x", "n_h"]
b1 = ["n_h"]
w2 = ["n_h", 1]
[constants]
lam = 0.001
[forward]
h = "np.tanh(X @ W1 + b1)"
y_hat = "h @ w2"
loss = "np.mean((y_hat - y) ** 2) + 0.5 * lam * np.sum(W1 * W1)"
[values]
X = [[1.0, -2.0], [0.5, 1.0]]
y = [[1.0], [-1.0]]
W1 = [[0.5, -0.3], [0.2, 0.4]]
b1 = [0.1, -0.1]
w2 = [[1.0], [-0.5]]
"""


# ---- a heading names the network's units, not its loss's inside --------------------------------

LOGITS = """
[network]
name = "logits-quiz"
[dims]
n = 3
d = 2
h = 2
[inputs]
x = ["n", "d"]
t = { shape = ["n", 1], kind = "binary" }
[params]
W = ["d", "h"]
v = ["h", 1]
[forward]
a = "torch.tanh(x @ W)"
z = "a @ v"
l = "F.binary_cross_entropy_with_logits(z, t, reduction='none')"
L = "l.mean()"
[values]
x = [[1, -1], [0.5, 2], [-0.3, 0.4]]
t = [[1], [0], [1]]
W = [[0.3, -0.2], [0.1, 0.4]]
v = [[0.5], [-0.7]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_heading_names_no_softplus_unit_for_a_loss_on_logits(lang: str) -> None:
    """BCE with logits is read as softplus(z) − t z: the heading said "A network of tanh and
    softplus units" (focal loss by line: "sigmoid and softplus units") — softplus is the loss's
    inside, no unit. A softplus layer stays one."""
    head = _md(LOGITS, lang).splitlines()[0]
    assert "oftplus" not in head and ("tanh" in head), head
    layer = LOGITS.replace('"torch.tanh(x @ W)"', '"F.softplus(x @ W)"').replace("logits-quiz", "softplus-layer-quiz")
    assert "oftplus" in _md(layer, lang).splitlines()[0]
