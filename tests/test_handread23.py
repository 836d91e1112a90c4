"""Handouts a lecturer hands out unchanged, pass 23 (issues 12 and 9): handread22's leftovers.
A softsign's slope written as one fraction, δ/(1 + |z|)² (the product rule's two shares joined
by a proven collect rule, z·sign(z) = |z|); a clip's mask in code as the comparisons a course
writes, ``(-1 < z) & (z < 3)``, and in LaTeX with the clip's own bounds; a clamp whose bound is
written as a sum of numbers (``1 - 1e-4``) read as the clip it is, in words and in its formula;
steps of a recurrence numbered ``h1, h2, h3`` with the same weights at every step printed as time
steps (h₁, h₂), not layers (h⁽¹⁾). Each asserted on built text (Markdown en and zh) of specs
written here (held out); every changed formula is a step the engine proved again (tidy)."""

from __future__ import annotations

import functools
import re

import pytest


# held out: a linear layer through a softsign written out by hand, then a linear head
SOFTSIGN = """
[network]
name = "softsign-by-hand"
[dims]
n = 3
d = 2
k = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", "k"]
v = ["k", 1]
[forward]
z = "x @ W"
a = "z / (1 + torch.abs(z))"
L = "((a @ v - y) ** 2).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
W = [[0.6, -0.9], [-0.4, 0.7]]
v = [[0.8], [-0.5]]
"""

# held out: F.softsign on an affine layer with a bias
SOFTSIGN_F = """
[network]
name = "softsign-layer"
[dims]
n = 2
d = 3
[inputs]
x = ["n", "d"]
t = ["n", 2]
[params]
W = ["d", 2]
c = [2]
[forward]
u = "x @ W + c"
s = "F.softsign(u)"
L = "0.5 * ((s - t) ** 2).sum()"
[values]
x = [[0.4, -1.0, 0.7], [1.1, 0.2, -0.3]]
t = [[0.3, -0.2], [-0.6, 0.1]]
W = [[0.5, -0.3], [-0.2, 0.8], [0.9, 0.1]]
c = [0.1, -0.2]
"""

# held out: a hardtanh to [-1, 3] of an affine layer, inside the head's line
HARDTANH = """
[network]
name = "hardtanh-head"
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 1]
b = [1]
[forward]
out = "F.hardtanh(x @ W + b, min_val=-1.0, max_val=3.0)"
L = "((out - y) ** 2).mean()"
[values]
x = [[1, 2], [-3, 0.5], [4, 1]]
y = [[0.5], [-1], [2]]
W = [[0.9], [0.4]]
b = [0.2]
"""

# held out: torch.clamp (the gradient passes at a bound) to [-0.5, 1.5]
CLAMP = """
[network]
name = "clamp-head"
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 1]
[forward]
h = "torch.clamp(x @ W, min=-0.5, max=1.5)"
L = "((h - y) ** 2).sum()"
[values]
x = [[1, 2], [-3, 0.5], [0.4, 0.1]]
y = [[0.5], [-1], [2]]
W = [[0.9], [0.4]]
"""

# held out: a bag's probability clamped away from 0 and 1 with bounds written as sums, then a
# cross-entropy written out (as AttentionDeepMIL does)
CLAMPED_P = """
[network]
name = "clamped-probability"
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
w = ["d", 1]
[forward]
p = "torch.sigmoid(x @ w)"
q = "torch.clamp(p, min=1e-4, max=1. - 1e-4)"
L = "-1. * (y * torch.log(q) + (1. - y) * torch.log(1. - q)).mean()"
[values]
x = [[0.5, -0.3], [0.9, 0.2], [-0.6, 1.0]]
y = [[1], [0], [1]]
w = [[0.4], [-0.7]]
"""

# held out: an explicit Euler integration of dh/dt = tanh(h W + b), three steps with the same
# weights (h0 given): time steps, not layers
EULER = """
[network]
name = "euler-three-steps"
[dims]
n = 2
k = 2
[inputs]
h0 = ["n", "k"]
y = ["n", "k"]
[params]
W = ["k", "k"]
b = ["k"]
[constants]
dt = 0.2
[forward]
h1 = "h0 + dt * torch.tanh(h0 @ W + b)"
h2 = "h1 + dt * torch.tanh(h1 @ W + b)"
h3 = "h2 + dt * torch.tanh(h2 @ W + b)"
L = "((h3 - y) ** 2).sum()"
[values]
h0 = [[0.5, -1.0], [0.2, 0.7]]
y = [[0.4, -0.6], [0.1, 0.9]]
W = [[0.3, -0.5], [0.8, 0.1]]
b = [0.1, -0.1]
"""

# guard: a two-layer network numbered by layer (W1, W2: its own weights each) keeps W^{[1]}
LAYERS = """
[network]
name = "two-layers-numbered"
[dims]
n = 2
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W1 = ["d", 2]
W2 = [2, 1]
[forward]
h1 = "torch.tanh(x @ W1)"
h2 = "h1 @ W2"
L = "((h2 - y) ** 2).sum()"
[values]
x = [[0.5, -1.0], [0.2, 0.7]]
y = [[0.4], [0.1]]
W1 = [[0.3, -0.5], [0.8, 0.1]]
W2 = [[0.2], [-0.4]]
"""


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source))


@functools.cache
def _built(source: str, template: str, lang: str, detail: str = "standard") -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
    return render.render(template, w, lang)


def _md(source: str, lang: str = "en", detail: str = "standard") -> str:
    return _built(source, "md/walkthrough.md.j2", lang, detail)


def _backward(md: str) -> str:
    return md.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]


def _code(md: str, name: str) -> str:
    """The backward pass's code line ``name = …``."""
    found = re.findall(rf"In code: `({re.escape(name)} = [^`]*)`", _backward(md))
    assert found, f"no code line for {name}"
    return found[0]


# ---- softsign: one fraction, no sign(z) ---------------------------------------------------------


@pytest.mark.parametrize("source, z, up", [(SOFTSIGN, "z", "a"), (SOFTSIGN_F, "u", "s")])
def test_softsign_slope_is_one_fraction(source: str, z: str, up: str) -> None:
    md = _md(source)
    back = _backward(md)
    assert "operatorname{sign}" not in back, "z·sign(z) is |z|: the slope is 1/(1 + |z|)²"
    assert f"\\left(1 + \\left|{z}\\right|\\right)^{{2}}" in back
    assert _code(md, f"d{z}") == f"d{z} = d{up} / (1 + np.abs({z})) ** 2"
    assert "np.sign" not in md


def test_softsign_code_agrees_with_torch() -> None:
    """The one-fraction form is the same gradient (the code line run on the example values)."""
    import numpy as np
    import torch

    x = torch.tensor([[1, -0.5], [0.3, 0.8], [-1.2, 0.4]], dtype=torch.float64)
    y = torch.tensor([[0.5], [-1], [0.2]], dtype=torch.float64)
    W = torch.tensor([[0.6, -0.9], [-0.4, 0.7]], dtype=torch.float64, requires_grad=True)
    v = torch.tensor([[0.8], [-0.5]], dtype=torch.float64)
    z = x @ W
    z.retain_grad()
    a = z / (1 + z.abs())
    a.retain_grad()
    ((a @ v - y) ** 2).mean().backward()
    line = _code(_md(SOFTSIGN), "dz")
    rhs = line.split(" = ", 1)[1]
    assert rhs == "da / (1 + np.abs(z)) ** 2"
    got = a.grad.numpy() / (1 + np.abs(z.detach().numpy())) ** 2
    assert np.allclose(got, z.grad.numpy(), rtol=1e-12, atol=1e-14)


# ---- a clip's mask: the comparisons a course writes ---------------------------------------------


def test_hardtanh_mask_code_reads_as_comparisons() -> None:
    md = _md(HARDTANH)
    line = _code(md, "dW")
    assert "relu" not in line, line
    assert "(-1 < x @ W + b) & (x @ W + b < 3)" in line, line
    assert "\\mathbf{1}\\left[-1 < x \\thinspace W + b < 3\\right]" in _backward(md)


def test_clamp_mask_code_keeps_the_bounds() -> None:
    md = _md(CLAMP)
    line = _code(md, "dW")
    assert "relu" not in line and "clamp0" not in line, line
    assert re.search(r"\(-(1/2|0\.5) <= x @ W\) & \(x @ W <= (3/2|1\.5)\)", line), line
    assert "\\le x \\thinspace W \\le" in _backward(md)


def test_clip_mask_code_runs_and_agrees_with_torch() -> None:
    """The generated backprop code, run, gives PyTorch's gradient (hardtanh: 0 at a bound)."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    x = torch.tensor([[1, 2], [-3, 0.5], [4, 1]], dtype=torch.float64)
    y = torch.tensor([[0.5], [-1], [2]], dtype=torch.float64)
    W = torch.tensor([[0.9], [0.4]], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([0.2], dtype=torch.float64, requires_grad=True)
    out = F.hardtanh(x @ W + b, -1.0, 3.0)
    ((out - y) ** 2).mean().backward()
    md = _md(HARDTANH)
    dout = (2 / 3) * (out.detach().numpy() - y.numpy())
    scope = {"np": np, "x": x.numpy(), "W": W.detach().numpy(), "b": b.detach().numpy()[None, :],
             "dout": dout}
    exec(_code(md, "dW"), scope)  # noqa: S102 (our own generated code, on our own numbers)
    assert np.allclose(scope["dW"], W.grad.numpy(), rtol=1e-12, atol=1e-14)


# ---- a clamp with bounds written as sums of numbers --------------------------------------------


def test_clamp_with_summed_bound_is_a_clip_in_words() -> None:
    en, zh = _md(CLAMPED_P, "en"), _md(CLAMPED_P, "zh")
    assert "Clipping passes the blame unchanged where $p$ lies between" in en
    assert "acts entry by entry, so it gates the blame" not in en
    assert "clip 在 $p$ 介于" in zh


def test_clamp_with_summed_bound_is_a_clip_in_its_formula() -> None:
    md = _md(CLAMPED_P)
    forward = md.split("## 2. ", 1)[1].split("\n## 3. ", 1)[0]
    assert "\\operatorname{clip}\\left(p" in forward
    assert "\\max" not in forward


# ---- time steps: h₁ h₂ h₃, not layers -----------------------------------------------------------


def test_euler_steps_are_time_steps() -> None:
    for lang in ("en", "zh"):
        md = _md(EULER, lang)
        assert "h^{[1]}" not in md and "h^{[3]}" not in md
        assert "### 2.1 $h_{1}$" in md and "$\\delta_{h_{3}}$" in md


def test_layers_numbered_by_their_own_weights_stay_layers() -> None:
    md = _md(LAYERS)
    assert "h^{[1]}" in md and "W^{[2]}" in md


# ---- maxout: the mask form, not (a + b)/2 + |a − b|/2 ------------------------------------------

# held out: a maxout unit of two pieces (np.maximum of two linear maps), then a linear head
MAXOUT = """
[network]
name = "maxout-two-pieces"
[dims]
n = 3
d = 2
k = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
A = ["d", "k"]
B = ["d", "k"]
v = ["k", 1]
[forward]
h = "torch.maximum(x @ A, x @ B)"
L = "((h @ v - y) ** 2).sum()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
A = [[0.6, -0.9], [-0.4, 0.7]]
B = [[0.1, 0.3], [0.5, -0.2]]
v = [[0.8], [-0.5]]
"""


def test_maxout_gradient_is_a_mask() -> None:
    md = _md(MAXOUT)
    back = _backward(md)
    assert "operatorname{sign}" not in back
    assert "\\mathbf{1}[x \\thinspace A > x \\thinspace B]" in back
    assert "np.sign" not in _code(md, "dA")


# ---- (4) found on the fresh read (hn37 GeGLU, hn37 Poisson); tests written after the finding ----

# held out: an exact GELU hidden layer (PyTorch's default approximate='none') and a linear head
GELU = """
[network]
name = "gelu-mlp"
[dims]
n = 2
d = 2
h = 3
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W1 = ["d", "h"]
W2 = ["h", 1]
[forward]
a = "F.gelu(x @ W1)"
out = "a @ W2"
L = "((out - y) ** 2).mean()"
[values]
x = [[0.5, -1.0], [1.2, 0.3]]
y = [[0.2], [-0.4]]
W1 = [[0.4, -0.8, 0.1], [0.6, 0.2, -0.5]]
W2 = [[0.3], [-0.7], [0.9]]
"""

# held out: a Poisson regression's rate exp(x w) with a negative log-rate at the example
POISSON = """
[network]
name = "poisson-rate"
[dims]
n = 2
d = 2
[inputs]
x = ["n", "d"]
k = ["n", 1]
[params]
w = ["d", 1]
[forward]
r = "x @ w"
L = "(torch.exp(r) - k * r).mean()"
[values]
x = [[1.0, 0.5], [-0.4, 0.8]]
k = [[2.0], [0.0]]
w = [[-0.6], [0.2]]
"""


def test_exact_gelu_is_named_with_its_own_slope() -> None:
    """GELU's slope Φ(x) + x φ(x), not "the slope of erf": x is read twice (x·Φ(x))."""
    en, zh = _md(GELU, "en"), _md(GELU, "zh")
    assert "the slope of $\\operatorname{erf}$ at that entry" not in en
    assert "GELU, $x\\thinspace \\Phi(x)$" in en and "\\Phi(x) + x\\thinspace \\varphi(x)" in en
    assert "GELU 即" in zh and "的斜率" in zh


def test_a_negative_exponent_has_no_brackets() -> None:
    md = _md(POISSON)
    assert "^{\\left(-" not in md
    assert re.search(r"e\^\{-0\.\d+\}", md)


# ---- (3) the lead's decision: a tall row sum written once with an index at standard detail ----

# held out: a batch norm written out by hand over five examples, then a linear head
BATCHNORM = """
[network]
name = "bn-by-hand-five"
[dims]
m = 5
d = 2
[inputs]
x = ["m", "d"]
y = ["m", 1]
[params]
W = ["d", "d"]
g = [1, "d"]
v = ["d", 1]
[constants]
eps = 0.00001
[forward]
z = "x @ W"
mu = "z.mean(dim=0, keepdim=True)"
var = "((z - mu) ** 2).mean(dim=0, keepdim=True)"
zn = "g * (z - mu) / torch.sqrt(var + eps)"
L = "((zn @ v - y) ** 2).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4], [0.7, 1.1], [-0.2, -0.9]]
y = [[0.5], [-1], [0.2], [0.9], [-0.3]]
W = [[0.6, -0.9], [-0.4, 0.7]]
g = [[1.2, 0.8]]
v = [[0.8], [-0.5]]
"""


def _var_section(md: str) -> str:
    return md.split("$\\delta_{\\mathrm{var}}$", 1)[1].split("\n### ", 1)[0]


def test_tall_row_sum_is_written_with_an_index() -> None:
    import torch

    md = _md(BATCHNORM3)
    sec = _var_section(md)
    calc = re.search(r"\\delta_\{\\mathrm\{var\}_\{1\}\} &= (.*?)\\\\\n&\\approx (-?[0-9.]+)", sec)
    assert calc, sec[:2000]
    formula, value = calc.groups()
    assert "\\sum_{i=1}^{m}" in formula and "z_{i1}" in formula
    assert "z_{21}" not in formula  # the rows are the index, not written out one by one
    x = torch.tensor([[1, -0.5], [0.3, 0.8], [-1.2, 0.4]], dtype=torch.float64)
    y = torch.tensor([[0.5], [-1], [0.2]], dtype=torch.float64)
    W = torch.tensor([[0.6, -0.9], [-0.4, 0.7]], dtype=torch.float64, requires_grad=True)
    g = torch.tensor([[1.2, 0.8]], dtype=torch.float64)
    v = torch.tensor([[0.8], [-0.5]], dtype=torch.float64)
    z = x @ W
    mu = z.mean(0, keepdim=True)
    var = ((z - mu) ** 2).mean(0, keepdim=True)
    var.retain_grad()
    zn = g * (z - mu) / torch.sqrt(var + 1e-5)
    ((zn @ v - y) ** 2).mean().backward()
    assert abs(float(value) - var.grad[0, 0].item()) < 1e-7


# the same over three examples: its δvar's rows fit a line, so full detail writes them out
BATCHNORM3 = (
    BATCHNORM.replace("m = 5", "m = 3")
    .replace("[-1.2, 0.4], [0.7, 1.1], [-0.2, -0.9]]", "[-1.2, 0.4]]")
    .replace("[0.2], [0.9], [-0.3]]", "[0.2]]")
)


def test_full_detail_keeps_the_rows_written_out() -> None:
    """Standard detail: the first entry as its index form and value, the others as values;
    full detail: every entry's own working, its rows written out."""
    standard = _var_section(_md(BATCHNORM3))
    full = _var_section(_md(BATCHNORM3, detail="full"))
    assert "\\sum_{i=1}^{m}" in standard
    assert "\\delta_{\\mathrm{var}_{2}} &=" not in standard
    assert "\\sum_{i=1}" not in full and "\\delta_{\\mathrm{zn}_{31}}" in full
    assert "\\delta_{\\mathrm{var}_{2}} &=" in full


def test_a_mean_broadcast_inside_the_variance_is_not_a_batch_of_one() -> None:
    """var = mean((z − μ)²) over the rows has one row, but μ is subtracted from each of the m
    rows of z inside it: its share is a sum over those m rows (the handout said "the batch of
    this example has 1 = 1 row")."""
    en, zh = _md(BATCHNORM3, "en"), _md(BATCHNORM3, "zh")
    assert "= 1$ row" not in en and "$1 = 1$" not in zh
    assert "$\\mu$ is broadcast to each of the $m$ rows inside $\\mathrm{var}$" in en
    assert "在 $\\mathrm{var}$ 的内部被广播到全部 $m$ 行上" in zh


def test_softsign_words_name_its_one_slope() -> None:
    """The words say softsign's slope 1/(1 + |z|)², as the formula shows it, not |z|'s sign
    and the product rule's two shares."""
    for source, z in ((SOFTSIGN, "z"), (SOFTSIGN_F, "u")):
        back = _backward(_md(source, "en"))
        words = back.split(f"$\\delta_{{{z}}}$", 1)[1].split("**In words.**", 1)[1].split("\n", 1)[0]
        assert "Softsign, $x/(1 + |x|)$, gates the blame by its slope" in words
        assert "the sign of $x$" not in words and "two shares, the blame of" not in words
        zh = _backward(_md(source, "zh"))
        assert "softsign 即 $x/(1 + |x|)$" in zh
