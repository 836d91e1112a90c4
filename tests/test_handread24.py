"""Handouts a lecturer hands out unchanged, pass 24 (issues 12 and 9): handread23's leftovers.
A maximum (or minimum) of two tensors — maxout's ``torch.max(p, q)`` — taught with the mask a
lecturer writes, δ ⊙ (1[p > q] + ½·1[p = q]) (PyTorch gives each side half the gradient at a
tie, measured), not as (p + q)/2 + |p − q|/2 with ½δ ⊙ sign(p − q): every changed formula is a
step the engine proved again (tidy), and the code line is run against PyTorch at a tie; a
threshold added inside a sigmoid not said to be "added to every row of" the sigmoid's output.
Each asserted on built text (Markdown en and zh) of specs written here (held out)."""

from __future__ import annotations

import functools
import re

import pytest

# held out: two linear pieces and a maximum of them (torch.max of two tensors), then a head
MAXOUT = """
[network]
name = "maxout-named-pieces"
[dims]
n = 4
d = 3
k = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
A = ["d", "k"]
B = ["d", "k"]
v = ["k", 1]
[forward]
p = "x @ A"
q = "x @ B"
h = "torch.max(p, q)"
out = "h @ v"
L = "((out - y) ** 2).mean()"
[values]
x = [[1, -0.5, 0.2], [0.3, 0.8, -0.6], [-1.2, 0.4, 0.9], [0.5, 0.5, -0.1]]
y = [[0.5], [-1], [0.2], [0.3]]
A = [[0.6, -0.9], [-0.4, 0.7], [0.2, 0.1]]
B = [[0.1, 0.3], [0.5, -0.2], [-0.3, 0.4]]
v = [[0.8], [-0.5]]
"""

# held out: a minimum of a tensor and a linear map (np.minimum), a squared loss
MINIMUM = """
[network]
name = "minimum-cap"
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
c = ["n", 1]
y = ["n", 1]
[params]
w = ["d", 1]
[forward]
s = "x @ w"
m = "np.minimum(s, c)"
L = "((m - y) ** 2).sum()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
c = [[0.2], [0.1], [-0.3]]
y = [[0.5], [-1], [0.2]]
w = [[0.6], [-0.4]]
"""

# held out: ordered classes with two thresholds inside sigmoids (a cumulative-logit model)
ORDINAL = """
[network]
name = "ordinal-two-thresholds"
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
Y = { shape = ["n", 3], kind = "one-hot" }
[params]
w = ["d", 1]
t1 = []
t2 = []
[forward]
f = "x @ w"
c1 = "torch.sigmoid(t1 - f)"
c2 = "torch.sigmoid(t2 - f)"
p = "torch.cat([c1, c2 - c1, 1 - c2], dim=1)"
loss = "-(Y * torch.log(p)).sum(dim=1).mean()"
[values]
t1 = -0.4
t2 = 0.9
x = [[0.5, -1.0], [1.2, 0.3], [-0.7, 0.6]]
Y = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
w = [[0.4], [-0.3]]
"""


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source))


@functools.cache
def _md(source: str, lang: str = "en", detail: str = "standard") -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
    return render.render("md/walkthrough.md.j2", w, lang)


def _backward(md: str) -> str:
    return md.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]


def _code(md: str, name: str) -> str:
    """The backward pass's code line ``name = …`` (its right side)."""
    found = re.findall(rf"(?:In code|代码)[^`]*`({re.escape(name)} = [^`]*)`", _backward(md))
    assert found, f"no code line for {name}"
    return found[0].split(" = ", 1)[1]


MASK = re.compile(r"\\mathbf\{1\}(\\left)?\[[^\]]*?(>|<)[^\]]*?\]")


# ---- a maximum / minimum of two tensors: a mask, not a sign ----------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_maximum_gradient_is_a_mask(lang: str) -> None:
    back = _backward(_md(MAXOUT, lang))
    assert "operatorname{sign}" not in back
    # δp's and δq's masks, ½ at a tie as PyTorch gives it: ½(1[p ≥ q] + 1[p > q])
    assert "\\mathbf{1}[p \\geq q] + \\mathbf{1}[p > q]" in back
    assert "\\mathbf{1}[p \\leq q] + \\mathbf{1}[p < q]" in back


def test_minimum_gradient_is_a_mask() -> None:
    back = _backward(_md(MINIMUM))
    assert "operatorname{sign}" not in back
    assert MASK.search(back)


@pytest.mark.parametrize("name", ["dp", "dq"])
def test_maximum_code_agrees_with_torch_at_a_tie(name: str) -> None:
    """The code line, run at values where p and q tie in some entries, gives PyTorch's gradient
    (torch.max(a, b) passes half of the gradient to each side at a tie)."""
    import numpy as np
    import torch

    code = _code(_md(MAXOUT), name)
    assert "np.sign" not in code and "np.abs" not in code
    p = torch.tensor([[0.5, -1.0], [0.2, 0.2], [1.0, 0.0], [-0.3, 0.7]], dtype=torch.float64,
                     requires_grad=True)
    q = torch.tensor([[0.5, 0.3], [0.1, 0.2], [1.5, 0.0], [-0.3, -0.2]], dtype=torch.float64,
                     requires_grad=True)
    up = torch.tensor([[1.0, -2.0], [0.5, 3.0], [-1.0, 4.0], [2.0, 0.25]], dtype=torch.float64)
    (torch.max(p, q) * up).sum().backward()
    want = (p if name == "dp" else q).grad.numpy()
    names = {"np": np, "dh": up.numpy(), "p": p.detach().numpy(), "q": q.detach().numpy()}
    got = eval(code, names)  # test code only: derive's own generated line
    assert np.array_equal(np.asarray(got, dtype=float), want)


def test_maximum_words_name_the_larger_piece() -> None:
    back = _backward(_md(MAXOUT))
    assert "The slope of $|x|$ is the sign of $x$" not in back


# ---- a threshold inside a sigmoid is not "added to every row" of the sigmoid's output --------


def test_threshold_inside_sigmoid_is_not_added_to_its_output() -> None:
    en, zh = _backward(_md(ORDINAL)), _backward(_md(ORDINAL, "zh"))
    assert not re.search(r"\$t_\{2\}\$ is added to every row \(example\) of \$c_\{2\}\$", en)
    assert not re.search(r"\$t_\{1\}\$ is added to every row \(example\) of \$c_\{1\}\$", en)
    assert "$t_{2}$ 加到 $c_{2}$ 的每一行" not in zh
    # what is summed is the blame of t₂ − f (δc₂ times the sigmoid's slope), not δc₂ itself
    assert "$\\delta_{c_{2}}$ summed over the batch" not in en


# ---- pages: a row sum of three long terms written once with an index (found on TFT's read) ----

# held out: a gated unit over a batch of three, the features also three (n = d = 3: the weights'
# rows are not the batch's), its weight's entries sums of three long terms
GATED3 = """
[network]
name = "gated-three-rows"
[dims]
n = 3
d = 3
[inputs]
a = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", "d"]
V = ["d", "d"]
u = ["d", 1]
[forward]
g = "torch.sigmoid(a @ W) * torch.tanh(a @ V)"
pred = "g @ u"
loss = "((pred - y) ** 2).mean()"
[values]
a = [[0.5, -1.0, 0.3], [1.2, 0.3, -0.4], [-0.7, 0.6, 0.9]]
y = [[0.2], [-0.4], [0.1]]
W = [[0.4, -0.8, 0.1], [0.6, 0.2, -0.5], [-0.3, 0.7, 0.2]]
V = [[0.3, 0.5, -0.2], [-0.6, 0.1, 0.4], [0.2, -0.3, 0.8]]
u = [[0.3], [-0.7], [0.9]]
"""


def _section(md: str, title: str) -> str:
    return md.split(title, 1)[1].split("\n### ", 1)[0]


def test_row_sum_of_three_is_written_with_an_index() -> None:
    """∂L/∂W₁₁ = Σᵢ δg_{i1} … once with the index i over the n rows, then its value (the
    lead's rule of round 39), also where the batch has three rows and d = n = 3."""
    md = _md(GATED3)
    sec = _section(md, "\\frac{\\partial \\mathrm{loss}}{\\partial W}$\n")
    assert "\\sum_{i=1}^{n}" in sec
    full = _section(_md(GATED3, detail="full"), "\\frac{\\partial \\mathrm{loss}}{\\partial W}$\n")
    assert "\\sum_{i=1}^{n}" not in full  # full detail keeps every term with its numbers


# ---- (3) found on the fresh read (hn34 SELU by torch.where): ELU written out is ELU ----------

# held out: ELU written out with np.where and a number α, then a linear head
ELU_WHERE = """
[network]
name = "elu-where-number"
[dims]
n = 3
d = 2
h = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", "h"]
v = ["h", 1]
[forward]
z = "x @ W"
a = "np.where(z > 0, z, 0.7 * (np.exp(z) - 1))"
L = "((a @ v - y) ** 2).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
W = [[0.6, -0.9], [-0.4, 0.7]]
v = [[0.8], [-0.5]]
"""

# held out: SELU written out with torch.where, the branches the other way round, named constants
SELU_WHERE = """
[network]
name = "selu-where-le"
[dims]
n = 3
d = 2
[constants]
lam = 1.0507009873554805
alpha = 1.6732632423543772
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 2]
v = [2, 1]
[forward]
z = "x @ W"
a = "lam * torch.where(z <= 0, alpha * torch.expm1(z), z)"
L = "((a @ v - y) ** 2).sum()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
W = [[0.6, -0.9], [-0.4, 0.7]]
v = [[0.8], [-0.5]]
"""


@pytest.mark.parametrize("source", [ELU_WHERE, SELU_WHERE])
def test_elu_written_with_where_is_taught_as_elu(source: str) -> None:
    md = _md(source)
    back = _backward(md)
    assert "ReLU’s slope" not in back  # there is no ReLU: the negative side passes blame too
    assert "between $0$ and $0$" not in back
    assert "\\operatorname{ELU}" in md.split("## 2. ", 1)[1].split("\n## 3. ", 1)[0]
    assert "\\alpha = \\alpha" not in back


@pytest.mark.parametrize("source", [ELU_WHERE, SELU_WHERE])
def test_elu_written_with_where_agrees_with_its_text_in_torch(source: str) -> None:
    from spelled_oracle import oracle_text

    out = oracle_text(source, "elu-where")
    assert out.status == "agree", out


def test_where_the_other_tie_stays_a_mask() -> None:
    """where(z >= 0, z, α·expm1(z)) takes z's branch at 0 (slope 1, not ELU's α): not ELU."""
    src = SELU_WHERE.replace("torch.where(z <= 0, alpha * torch.expm1(z), z)",
                             "torch.where(z >= 0, z, alpha * torch.expm1(z))")
    md = _md(src)
    assert "\\operatorname{ELU}" not in md
    from spelled_oracle import oracle_text

    assert oracle_text(src, "elu-where-ge").status == "agree"


# held out: the larger of two scores, averaged (PPO's torch.max(l1, l2).mean(): a 1 × 1 blame)
MAX_MEAN = """
[network]
name = "max-mean"
[dims]
n = 4
d = 2
[inputs]
x = ["n", "d"]
[params]
w = ["d", 1]
u = ["d", 1]
[forward]
s = "x @ w"
t = "-(x @ u)"
L = "torch.max(s, t).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4], [0.5, 0.5]]
w = [[0.6], [-0.4]]
u = [[0.1], [0.5]]
"""


def test_maximum_under_a_mean_is_a_mask() -> None:
    md = _md(MAX_MEAN)
    back = _backward(md)
    assert "operatorname{sign}" not in back
    assert "\\mathbf{1}[s > t]" in back and "\\mathbf{1}[s \\geq t]" in back
    assert "np.sign" not in _code(md, "ds")


# held out (found on the hn39 Gaussian NLL read): a bias inside tanh on the layer's one line
TANH_LINE = """
[network]
name = "tanh-one-line"
[dims]
N = 3
d = 2
h = 2
[inputs]
x = ["N", "d"]
y = ["N", 1]
[params]
W1 = ["d", "h"]
b1 = [1, "h"]
w = ["h", 1]
[forward]
hid = "torch.tanh(x @ W1 + b1)"
L = "((hid @ w - y) ** 2).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
W1 = [[0.6, -0.9], [-0.4, 0.7]]
b1 = [[0.1, -0.2]]
w = [[0.8], [-0.5]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bias_inside_tanh_sums_the_gated_blame(lang: str) -> None:
    back = _backward(_md(TANH_LINE, lang))
    words = "\n".join(x for x in back.splitlines() if x.startswith(("**In words", "**这一步")))
    said = {"en": "$\\delta_{\\mathrm{hid}}$ summed over the batch", "zh": "即 $\\delta_{\\mathrm{hid}}$ 沿批量方向求和"}
    assert said[lang] not in words
    assert {"en": "of $x \\thinspace W^{[1]} + b^{[1]}$", "zh": "$x \\thinspace W^{[1]} + b^{[1]}$ 的每一行"}[lang] in words


# held out (found on the hn39 squeeze-and-excitation read): a 1-D mean over dim=1 (read as a row,
# the column of means turned) scaling the channels it was taken from
CHANNEL_MEAN = """
[network]
name = "channel-mean-gate"
[dims]
C = 3
L = 4
[inputs]
F0 = ["C", "L"]
target = ["C", "L"]
[params]
W = ["C", "C"]
[forward]
Fm = "torch.tanh(W @ F0)"
z = "Fm.mean(dim=1)"
g = "torch.sigmoid(z)"
out = "Fm * g[:, None]"
loss = "((out - target) ** 2).mean()"
[values]
F0 = [[0.5, -1.0, 0.3, 0.2], [1.2, 0.3, -0.4, 0.1], [-0.7, 0.6, 0.9, -0.2]]
target = [[0.1, 0.2, 0.0, -0.1], [0.3, -0.2, 0.1, 0.0], [0.2, 0.1, -0.3, 0.4]]
W = [[0.4, -0.8, 0.1], [0.6, 0.2, -0.5], [-0.3, 0.7, 0.2]]
"""


def test_one_dimensional_mean_is_said_as_a_mean() -> None:
    back = _backward(_md(CHANNEL_MEAN))
    assert "the local derivative of $z$ with respect to $\\mathrm{Fm}$" not in back
    assert "$z$ is a mean of $\\mathrm{Fm}$" in back


# held out (found on the hn38 PPO read): a clamp whose bounds are 1 ∓ a [constants] ε
CLIP_EPS = """
[network]
name = "clip-eps-ratio"
[dims]
n = 4
d = 2
[constants]
eps = 0.2
[inputs]
x = ["n", "d"]
adv = ["n", 1]
[params]
w = ["d", 1]
[forward]
r = "torch.exp(x @ w)"
L = "-(adv * torch.clamp(r, 1 - eps, 1 + eps)).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4], [0.5, 0.5]]
adv = [[0.5], [-1], [0.2], [1.5]]
w = [[0.1], [-0.2]]
"""


def test_clip_mask_with_constant_bounds_keeps_the_bounds() -> None:
    """1[1 − ε ≤ r ≤ 1 + ε] as the clamp wrote it, not 1[0 ≤ r + ε − 1 ≤ 2ε]."""
    md = _md(CLIP_EPS)
    code = _code(md, "dr")
    assert "(1 - eps <= r)" in code and "(r <= eps + 1)" in code, code


# held out: two affine pieces with their own biases, the maximum in one line (a bias's sum)
MAXOUT_BIAS = """
[network]
name = "maxout-affine-pieces"
[dims]
n = 3
d = 2
k = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
A = ["d", "k"]
a = [1, "k"]
B = ["d", "k"]
b = [1, "k"]
v = ["k", 1]
[forward]
h = "np.maximum(x @ A + a, x @ B + b)"
L = "((h @ v - y) ** 2).sum()"
[values]
x = [[1, -0.5], [0.3, 0.8], [-1.2, 0.4]]
y = [[0.5], [-1], [0.2]]
A = [[0.6, -0.9], [-0.4, 0.7]]
a = [[0.1, 0.0]]
B = [[0.1, 0.3], [0.5, -0.2]]
b = [[-0.2, 0.1]]
v = [[0.8], [-0.5]]
"""


def test_affine_maximum_bias_sums_a_mask() -> None:
    md = _md(MAXOUT_BIAS)
    back = _backward(md)
    assert "operatorname{sign}" not in back
    for name in ("da", "db", "dA", "dB"):
        assert "np.sign" not in _code(md, name)
    assert "\\mathbf{1}[x \\thinspace A + a > x \\thinspace B + b]" in back
