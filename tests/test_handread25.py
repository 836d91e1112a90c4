"""Handouts a lecturer hands out unchanged, pass 25 (issue 12): the pages of TFT, DeepFM and the
GRU, handread24's leftovers and a first read of three course specs.

- A long code line that inlines a forward computation a dozen times (LayerNorm's backward from
  ``F.layer_norm``) names the repeated pieces beside the forward line that makes them, and runs
  to the same numbers;
- a δ step that is its twin's with the tensors renamed, up to the order of a sum of tensors
  (DeepFM's δe₂ as δe₃: ``e₁ + e₂ + e₃`` in both), is written compactly;
- the symmetric start of a layer of three units or more shows unit 2 below ``--detail full``;
- a clamp with [constants] bounds is taught as a clip between them, not as ReLU's kink;
- columns a network pools in its forward pass are not "examples";
- a sum's ``0 · X`` terms are left out (a where's derivative);
- a bias inside a nested layer collects the blame that reaches its own sum, not δS;
- a weight's blame through a 1-D output sums over its entries.

Each asserted on built text (Markdown en and zh, the code lines run) of specs written here (held
out)."""

from __future__ import annotations

import functools
import re

import numpy as np
import pytest

# held out: a layer norm written with F.layer_norm after a gated unit (a small gated residual)
LAYERNORM = """
[network]
name = "gated-layernorm"
[dims]
n = 3
d = 4
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
A = ["d", "d"]
B = ["d", "d"]
v = ["d", 1]
[forward]
g = "torch.sigmoid(x @ A) * (x @ B)"
h = "F.layer_norm(x + g, (d,))"
out = "h @ v"
L = "((out - y) ** 2).mean()"
[values]
x = [[0.5, -1.0, 0.3, 0.8], [1.2, 0.4, -0.6, 0.1], [-0.3, 0.8, 1.1, -0.9]]
y = [[0.3], [-0.2], [0.7]]
A = [[0.2, -0.4, 0.6, 0.1], [0.5, 0.1, -0.3, 0.2], [-0.2, 0.7, 0.4, -0.5], [0.3, 0.3, -0.1, 0.6]]
B = [[0.1, 0.3, -0.2, 0.4], [-0.5, 0.2, 0.6, 0.1], [0.4, -0.3, 0.2, 0.7], [0.2, 0.5, -0.4, -0.1]]
v = [[0.6], [-0.4], [0.3], [0.9]]
"""

# held out: a factorisation machine over three embedded fields (the pairwise term by the
# square of the sum minus the sum of squares), with a linear head
FM = """
[network]
name = "fm-three-fields"
[dims]
b = 3
v = 4
k = 2
[inputs]
f1 = ["b", "v"]
f2 = ["b", "v"]
f3 = ["b", "v"]
y = ["b", 1]
[params]
E = ["v", "k"]
[forward]
e1 = "f1 @ E"
e2 = "f2 @ E"
e3 = "f3 @ E"
sq = "(e1 + e2 + e3) ** 2"
ss = "e1 ** 2 + e2 ** 2 + e3 ** 2"
pair = "(sq - ss).sum(axis=1, keepdims=True) / 2"
L = "((pair - y) ** 2).mean()"
[values]
f1 = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]
f2 = [[0, 1, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0]]
f3 = [[0, 0, 0, 1], [1, 0, 0, 0], [0, 0, 1, 0]]
y = [[0.5], [-0.2], [0.1]]
E = [[0.3, -0.5], [0.8, 0.2], [-0.4, 0.6], [0.1, -0.7]]
"""

# held out: a tanh layer of four units, a linear head (the zero-initialisation lesson)
FOUR_UNITS = """
[network]
name = "four-tanh-units"
[dims]
n = 3
d = 2
h = 4
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W1 = ["d", "h"]
b1 = ["h"]
W2 = ["h", 1]
[forward]
H = "torch.tanh(x @ W1 + b1)"
out = "H @ W2"
L = "((out - y) ** 2).mean()"
[values]
x = [[0.5, -1.0], [1.2, 0.4], [-0.3, 0.8]]
y = [[0.3], [-0.2], [0.7]]
W1 = [[0.2, -0.4, 0.6, 0.1], [0.5, 0.1, -0.3, 0.2]]
b1 = [0.1, -0.1, 0.05, 0.0]
W2 = [[0.6], [-0.4], [0.3], [0.9]]
"""

# held out: a ratio clipped between [constants] bounds (a trust-region surrogate)
CLIP_CONSTANTS = """
[network]
name = "clipped-ratio-constants"
[dims]
n = 4
d = 2
[inputs]
x = ["n", "d"]
a = ["n", 1]
[params]
w = ["d", 1]
[constants]
eps = 0.3
[forward]
r = "torch.exp(x @ w)"
c = "torch.clamp(r, 1 - eps, 1 + eps)"
L = "-(a * c).mean()"
[values]
x = [[0.5, -1.0], [0.2, 0.1], [-0.3, 0.4], [0.1, -0.2]]
a = [[1.0], [-0.5], [0.8], [0.3]]
w = [[0.4], [0.6]]
"""

# held out: one example's feature map (channels × positions), pooled over its positions
POOLED = """
[network]
name = "channel-gate-pooled"
[dims]
c_in = 2
C = 3
P = 4
[inputs]
X = ["c_in", "P"]
t = ["C", "P"]
[params]
W0 = ["C", "c_in"]
W1 = ["C", "C"]
[forward]
M = "torch.relu(W0 @ X)"
z = "M.mean(dim=1)"
s = "torch.sigmoid(W1 @ z)"
out = "M * s[:, None]"
loss = "F.mse_loss(out, t)"
[values]
X = [[0.5, -1.0, 0.3, 0.8], [1.2, 0.4, -0.6, 0.1]]
t = [[0.1, 0.2, 0.0, 0.3], [0.5, -0.1, 0.2, 0.4], [0.0, 0.3, 0.1, -0.2]]
W0 = [[0.6, -0.2], [0.3, 0.5], [-0.4, 0.7]]
W1 = [[0.2, -0.1, 0.4], [0.3, 0.2, -0.5], [0.1, 0.6, 0.2]]
"""

# held out: a robust loss by torch.where over an absolute error, a small MLP on one line
WHERE_MLP = """
[network]
name = "where-robust-mlp"
[dims]
n = 4
d = 3
h = 3
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W1 = ["d", "h"]
b1 = ["h"]
W2 = ["h", 1]
b2 = [1]
[constants]
k = 1.5
[forward]
pred = "torch.relu(x @ W1 + b1) @ W2 + b2"
e = "torch.abs(pred - y)"
losses = "torch.where(e < k, e ** 2 / 2, k * e - k ** 2 / 2)"
L = "torch.mean(losses)"
[values]
x = [[0.8, -0.3, 1.5], [-1.2, 0.6, 0.2], [0.4, 1.9, -0.7], [2.5, -1.4, 0.9]]
y = [[3.0], [0.5], [-2.0], [0.2]]
W1 = [[0.2, -0.4, 0.6], [0.5, 0.1, -0.3], [-0.2, 0.7, 0.4]]
b1 = [0.1, -0.1, 0.05]
W2 = [[0.6], [-0.4], [0.3]]
b2 = [0.1]
"""

# held out: a 1-D output per example, pred = phi @ w + b (a kernel regression's last layer)
ONE_D = """
[network]
name = "kernel-regression-1d"
[dims]
N = 4
D = 2
M = 3
[inputs]
x = ["N", "D"]
y = ["N"]
[params]
V = ["D", "M"]
w = ["M"]
b = [1]
[forward]
phi = "torch.exp(-(x @ V) ** 2)"
pred = "phi @ w + b"
loss = "((pred - y) ** 2).mean()"
[values]
x = [[0.5, -1.0], [1.2, 0.4], [-0.3, 0.8], [0.1, 0.2]]
y = [0.3, -0.2, 0.7, 0.1]
V = [[0.2, -0.4, 0.6], [0.5, 0.1, -0.3]]
w = [0.6, -0.4, 0.3]
b = [0.1]
"""

# held out: features standardised over the batch with the unbiased spread (torch.std)
STANDARDISED = """
[network]
name = "standardised-features"
[dims]
N = 4
d = 3
[inputs]
x = ["N", "d"]
t = ["N", "d"]
[params]
W = ["d", "d"]
[forward]
z = "x @ W"
zn = "(z - z.mean(0)) / torch.std(z, dim=0)"
L = "(zn * t).sum()"
[values]
x = [[0.5, -1.0, 0.3], [1.2, 0.4, -0.6], [-0.3, 0.8, 1.1], [0.1, 0.2, -0.9]]
t = [[0.3, -0.2, 0.7], [0.1, 0.5, -0.4], [-0.6, 0.2, 0.3], [0.4, -0.1, 0.2]]
W = [[0.2, -0.4, 0.6], [0.5, 0.1, -0.3], [-0.2, 0.7, 0.4]]
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


def _listing(md: str) -> list[str]:
    """The lines of the Code section's listing."""
    code = md.split("## 6. ", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    return code.strip().splitlines()


def _section(md: str, symbol: str) -> str:
    """The backward step whose heading holds ``symbol``."""
    parts = re.split(r"\n### ", _backward(md))
    found = [p for p in parts if symbol in p.split("\n", 1)[0]]
    assert found, f"no step {symbol}"
    return found[0]


# ---- the code listing: repeated forward pieces named ------------------------------------------


def test_layernorm_code_names_its_centred_input_and_variance() -> None:
    lines = _listing(_md(LAYERNORM))
    dg = next(x for x in lines if x.startswith("dg = "))
    assert dg.count(".mean(axis=1, keepdims=True)") <= 2, dg
    assert len(dg) < 600, len(dg)
    names = [x.split(" = ", 1)[0] for x in lines]
    assert "h_c" in names and "h_var" in names
    assert names.index("h_c") < names.index("h_var") < names.index("h")


def test_layernorm_code_runs_to_the_engines_numbers() -> None:
    """The listing, run line by line, gives the gradients the engine verified."""
    from derive.lang import spec
    from derive.walkthrough.codegen import helper_sources

    d = _derivation(LAYERNORM)
    md = _md(LAYERNORM)
    env: dict = {"np": np}
    for src in helper_sources(tuple(__import__("derive.lang.ops", fromlist=["x"]).numpy_helpers())):
        exec(src, env)  # noqa: S102 - the generated helpers
    s = spec.parse(LAYERNORM)
    for k, v in s.dims.items():
        env[k] = int(v)
    for k in (*s.inputs, *s.params):
        env[k] = np.array([[float(x) for x in row] for row in s.values[k]])
    for line in _listing(md):
        exec(line, env)  # noqa: S102 - the handout's own code
    # the gradient of A against central differences of the forward lines
    fwd = [x for x in _listing(md) if not x.startswith("d")]
    base = env["A"].copy()
    num = np.zeros_like(base)
    for i in range(base.shape[0]):
        for j in range(base.shape[1]):
            for sgn in (1, -1):
                e2 = dict(env)
                a = base.copy()
                a[i, j] += sgn * 1e-6
                e2["A"] = a
                for line in fwd:
                    exec(line, e2)  # noqa: S102
                num[i, j] += sgn * float(e2["L"]) / 2e-6
    assert np.allclose(env["dA"], num, atol=1e-6)
    assert d is not None


def test_unbiased_spread_is_named_a_variance() -> None:
    lines = _listing(_md(STANDARDISED))
    names = [x.split(" = ", 1)[0] for x in lines]
    assert names[:4] == ["z", "zn_c", "zn_var", "zn"], names
    dz = next(x for x in lines if x.startswith("dz = "))
    assert ".mean(axis=0" not in dz and "zn_c" in dz and "zn_var" in dz


# ---- a twin δ step up to the order of a sum ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_twin_steps_through_a_sum_of_tensors_are_compact(lang: str) -> None:
    md = _md(FM, lang)
    e2, e1 = _section(md, "e_{2}"), _section(md, "e_{1}")
    again = "again" if lang == "en" else "相同"
    assert again in e2.split("\n\n", 2)[1] or again in e2[:600], e2[:600]
    # no hand working of its entries: the step above has it
    hand = "Entry by entry" if lang == "en" else "逐元素代入"
    assert hand not in e2 and hand not in e1
    assert hand in _section(md, "e_{3}")


# ---- the symmetric start at standard detail ----------------------------------------------------


def test_symmetric_start_shows_unit_two_below_full() -> None:
    std, full = _md(FOUR_UNITS), _md(FOUR_UNITS, detail="full")
    notes = std.split("## 7. ", 1)[1]
    assert "H_{14}" not in notes and "H_{13}" not in notes and "H_{12}" in notes
    assert "Units 3 to $4$" in notes
    assert "H_{14}" in full.split("## 7. ", 1)[1]


def test_symmetric_start_in_chinese() -> None:
    notes = _md(FOUR_UNITS, "zh").split("## 7. ", 1)[1]
    assert "第 3 至第 $4$ 个单元" in notes and "H_{14}" not in notes


# ---- handread24's leftovers ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_clamp_with_constant_bounds_is_a_clip(lang: str) -> None:
    md = _md(CLIP_CONSTANTS, lang)
    words = _section(md, "\\delta_{r}")
    assert "1 - \\varepsilon" in words or "1 - \\mathrm{eps}" in words, words[:800]
    assert "slope of $\\operatorname{clamp}$" not in words
    notes = md.split("## 7. ", 1)[1]
    assert "max(0, z)" not in notes  # no ReLU kink note for a clip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pooled_columns_are_not_examples(lang: str) -> None:
    md = _md(POOLED, lang)
    w0 = _section(md, "W^{[0]}")
    assert "columns (examples)" not in w0 and "列（样本）" not in w0
    assert ("not examples" in w0) if lang == "en" else ("并非样本" in w0)


# ---- the fresh read -----------------------------------------------------------------------------


def test_where_derivative_has_no_zero_terms() -> None:
    md = _md(WHERE_MLP)
    de = _section(md, "\\delta_{e}")
    assert not re.search(r"[-+=] 0 \\left\(", de), de[:1500]
    assert not re.search(r"-0 \\left\(", de)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bias_of_a_nested_layer_sums_its_own_blame(lang: str) -> None:
    md = _md(WHERE_MLP, lang)
    b1 = _section(md, "b^{[1]}").split("**", 3)[2]
    assert "summed over the batch." not in b1 or "reaches" in b1
    assert "x \\thinspace W^{[1]} + b^{[1]}" in b1
    if lang == "en":
        assert "not to the rows of $\\mathrm{pred}$" in b1
    else:
        assert "而不是直接加在 $\\mathrm{pred}$ 的行上" in b1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_weight_through_a_one_d_output_sums_its_entries(lang: str) -> None:
    md = _md(ONE_D, lang)
    w = _section(md, "\\partial w}")
    assert ("entries of $\\mathrm{pred}$" in w) if lang == "en" else ("个元素" in w)
    assert "a weight whose input was 0 made no difference" not in w
