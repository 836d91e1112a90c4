"""Branch heldnets32 (issue 9's held-out course networks, pass 32 of the specs, hn32_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- ``derive build`` of MobileNetV3's squeeze-and-excitation gate (a hard-sigmoid of a product
  with a ReLU'd row) crashed with a TypeError (exit 70): the printer's clamp test sorted the
  weighted ReLU terms of ``3 + w1·relu(a) + w2·relu(b)`` by their symbolic coefficients;
- SimCLR's NT-Xent with the self-similarity masked by ``masked_fill(torch.eye(4,
  dtype=torch.bool), -1e9)`` was refused (the eye with a boolean dtype was not a mask), and with
  ``torch.eye(4).bool()`` stopped with "a derivation step failed verification": the softmax's
  ``e^{x_k − x_j}`` meets +1e9, beyond the identity checker's argument cap for every function;
  exp's own cap is now 1e12 (``e^{1e9}`` is an mpf at once);
- Ng's ex4 unrolling ``np.r_[Theta1[:, 1:].ravel(), Theta2[:, 1:].ravel()]`` was refused as
  "indexing by labels": ``np.r_`` of arrays is ``np.concatenate``; and a flattened column inside
  a 1-D join lost its 1-D reading (``concat(…, axis=0) needs the same number of columns``);
- FPP's exponential-smoothing weights ``alpha * (1 - alpha) ** np.arange(k)`` were refused
  ("concat() joins matrices; one argument is a scalar"): one number raised to an arange is
  NumPy's 1-D vector of its powers;
- ``F.gumbel_softmax`` was "unknown function" with the whole list: it draws Gumbel noise, refused
  as every random draw is, saying to give the noise as an input.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from test_heldnets21 import _both, _refusal

from derive.engine import printing
from derive.lang.ops import relu

torch = pytest.importorskip("torch")

ROOT = Path(__file__).resolve().parent.parent


# ---- the printer's clamp test on weighted ReLUs --------------------------------------------------


def test_a_number_plus_two_weighted_relus_prints_as_a_sum() -> None:
    a, b, x, y = sp.symbols("a b x y")
    tex = printing.latex(3 + a * relu(x) + b * relu(y))
    assert "clip" not in tex and tex.count("ReLU") == 2


_SE = """
[dims]
n = 3
c = 3
r = 2
[inputs]
x = ["n", "c"]
y = ["n"]
[params]
W = ["c", "c"]
W_a = ["c", "r"]
W_b = ["r", "c"]
[forward]
h = "F.hardswish(x @ W)"
gate = "{gate}"
logits = "h * gate"
loss = "F.cross_entropy(logits, y)"
[values]
x = [[0.8, -0.4, 1.3], [-1.1, 0.6, 0.3], [0.4, 1.5, -0.7]]
y = [1, 0, 2]
"""


@pytest.mark.parametrize(
    "gate",
    [
        "F.hardsigmoid(F.relu(h.mean(dim=0, keepdim=True) @ W_a) @ W_b)",
        "F.relu6(torch.relu(h.sum(0, keepdim=True) @ W_a) @ W_b + 3) / 6",
    ],
    ids=["hardsigmoid", "relu6-by-hand"],
)
def test_a_hard_gate_after_a_relu_builds(gate: str, tmp_path: Path) -> None:
    text = _SE.format(gate=gate)
    _both(text, "se-gate")
    spec = tmp_path / "se_gate.toml"
    spec.write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DERIVE_CACHE=str(tmp_path / "cache"))
    out = subprocess.run(
        [sys.executable, "-m", "derive", "build", str(spec), "-f", "md", "-o", str(tmp_path / "o")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert list((tmp_path / "o").rglob("*.md"))


# ---- a mask of -1e9 on the logits of a softmax cross-entropy --------------------------------------

_NTX = """
[dims]
n2 = {n2}
d = 3
[inputs]
h = ["n2", "d"]
[params]
W = ["d", "d"]
[constants]
tau = {tau}
[forward]
z = "F.normalize(h @ W, dim=1)"
sim = "z @ z.T / tau"
logits = "{masked}"
loss = "F.cross_entropy(logits, torch.tensor({pos}))"
[values]
h = {h}
"""

_H4 = "[[1.0, 0.2, -0.5], [0.3, -1.0, 0.8], [0.9, 0.4, -0.3], [0.1, -0.8, 1.1]]"
_H6 = ("[[1.0, 0.2, -0.5], [0.3, -1.0, 0.8], [-0.6, 0.5, 0.9], [0.9, 0.4, -0.3], "
       "[0.1, -0.8, 1.1], [-0.4, 0.7, 1.2]]")


@pytest.mark.parametrize(
    "n2, tau, masked, pos, h",
    [
        (4, 0.2, "sim.masked_fill(torch.eye(n2, dtype=torch.bool), -1e9)", "[2, 3, 0, 1]", _H4),
        (4, 0.5, "sim.masked_fill(torch.eye(4).bool(), -1e9)", "[2, 3, 0, 1]", _H4),
        (6, 0.1, "sim - 1e9 * torch.eye(6)", "[3, 4, 5, 0, 1, 2]", _H6),
        (6, 0.5, "torch.where(torch.eye(6, dtype=torch.bool), -1e9, sim)", "[3, 4, 5, 0, 1, 2]", _H6),
    ],
    ids=["eye-dtype-bool", "eye-bool-method", "additive-6", "where-eye-bool"],
)
def test_ntxent_with_its_diagonal_masked_verifies(n2: int, tau: float, masked: str, pos: str, h: str) -> None:
    _both(_NTX.format(n2=n2, tau=tau, masked=masked, pos=pos, h=h), "ntxent")


# ---- np.r_ and 1-D joins of flattened blocks --------------------------------------------------------

_UNROLL = """
[dims]
m = 3
[inputs]
X = ["m", 2]
[params]
T1 = [2, 3]
T2 = [1, 3]
b = [3, 1]
[forward]
H = "np.tanh(X @ T1 + b.T) @ T2.T"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'p = "np.r_[T1[:, 1:].ravel(), T2[:, 1:].ravel()]"\nloss = "np.sum(H ** 2) + 0.1 * np.sum(p ** 2)"',
        'p = "np.r_[T1.ravel(), b.ravel(), T2.flatten()]"\nloss = "np.mean(H) + np.sum(p ** 2) / 2"',
        'p = "jnp.r_[b.ravel(), T1[0]]"\nloss = "jnp.sum(H) * jnp.dot(p, p)"',
        'p = "np.concatenate([b.ravel(), T2.ravel()])"\nloss = "np.sum(H) + p @ p"',
        'p = "np.r_[T1, T2]"\nloss = "np.sum(H) + np.sum(p ** 3)"',
    ],
    ids=["ng-ex4-slices", "three-parts-column", "jnp-r-row-pick", "concatenate-column", "r-of-matrices"],
)
def test_np_r_joins_as_numpy_does(lines: str) -> None:
    _both(_UNROLL.format(lines=lines), "unroll")


@pytest.mark.parametrize("r", ["np.r_[0:3]", "np.r_[T1.ravel(), 1.0]"], ids=["slice", "number"])
def test_np_r_of_a_slice_or_a_number_is_refused_naming_it(r: str) -> None:
    text = _UNROLL.format(lines=f'p = "{r}"\nloss = "np.sum(H) * np.sum(p)"')
    for lang, word in (("en", "np.concatenate"), ("zh", "np.concatenate")):
        said = _refusal(text, lang)
        assert "np.r_" in said and word in said
    assert "读作" in _refusal(text, "zh")


# ---- one number raised to an arange -----------------------------------------------------------------

_POWERS = """
[dims]
n = 3
k = 4
[inputs]
Y = ["n", "k"]
y = ["n"]
[params]
a = []
v = ["k"]
[forward]
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'w = "a * (1 - a) ** np.arange(k)"\nloss = "np.mean((Y @ w - y) ** 2) + np.sum(v ** 2)"',
        'w = "torch.pow(a, torch.arange(1, 5))"\nloss = "((Y @ w - y) ** 2).sum() + v.sum()"',
        'w = "0.9 ** np.arange(k) * v"\nloss = "np.mean((Y @ w - y) ** 2) * a"',
        'w = "v * jnp.power(a / 2, jnp.arange(k))"\nloss = "jnp.sum(jnp.tanh(Y @ w - y))"',
        'w = "v ** np.arange(k)"\nloss = "np.mean((Y @ w - y) ** 2) + a ** 2"',
    ],
    ids=["ses-weights", "torch-pow-1-to-4", "number-base", "jnp-power-scaled", "vector-base"],
)
def test_a_number_raised_to_an_arange_is_the_vector_of_its_powers(lines: str) -> None:
    _both(_POWERS.format(lines=lines), "powers")


# ---- a random draw refused as one -------------------------------------------------------------------


def test_gumbel_softmax_is_refused_as_a_random_draw() -> None:
    text = """
[inputs]
x = [3, 4]
[params]
W = [4, 3]
[forward]
r = "F.gumbel_softmax(x @ W, tau=0.5, hard=False)"
loss = "r.sum()"
"""
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "gumbel_softmax() draws a random sample" in en and "allowed:" not in en
    assert "gumbel_softmax() 抽取随机样本" in zh


# ---- NumPy's positional Z.max(0) in a column-major softmax (the oracle ran PyTorch's max) ------------

_COLMAJOR = """
[dims]
c = 3
d = 2
m = 4
[inputs]
X = ["d", "m"]
Y = {{ shape = ["c", "m"], kind = "one-hot-columns" }}
[params]
W = ["c", "d"]
[forward]
Z = "W @ X"
E = "np.exp(Z - {mx})"
P = "E / E.sum({ax})"
loss = "-np.sum(Y * np.log(P)) / m"
"""


@pytest.mark.parametrize(
    "mx, ax",
    [("Z.max(0)", "0"), ("Z.max(0, keepdims=True)", "axis=0"), ("np.max(Z, 0)", "0")],
    ids=["positional", "keepdims", "np-max"],
)
def test_a_column_major_softmax_shifted_by_numpys_column_max(mx: str, ax: str) -> None:
    _both(_COLMAJOR.format(mx=mx, ax=ax), "colmajor")


# ---- second probe: PyTorch 2.4's F.rms_norm ----------------------------------------------------------

_RMS = """
[dims]
n = 2
d = 4
[inputs]
tok = ["n", 3]
[params]
W = [3, "d"]
g = ["d"]
[forward]
x = "tok @ W"
h = "{h}"
loss = "{loss}"
"""


@pytest.mark.parametrize(
    "h, loss",
    [
        ("F.rms_norm(x, (d,), weight=g, eps=1e-6)", "(h ** 2).sum() + h[0, 1]"),
        ("F.rms_norm(x, x.shape[-1:], g)", "torch.tanh(h).sum()"),
        ("torch.nn.functional.rms_norm(x, [d], eps=0.1) * g", "h.pow(3).mean()"),
    ],
    ids=["weight-eps", "default-eps-float64", "no-weight"],
)
def test_f_rms_norm_is_pytorchs(h: str, loss: str) -> None:
    _both(_RMS.format(h=h, loss=loss), "rms")


def test_f_rms_norm_over_more_than_the_last_axis_is_refused() -> None:
    text = _RMS.format(h="F.rms_norm(x, (n, d))", loss="h.sum()")
    assert "rms_norm() is read over the last axis" in _refusal(text, "en")
    assert "rms_norm() 只读取沿最后一个轴" in _refusal(text, "zh")


# ---- second probe: maxout as a reduction along a stack's new axis ------------------------------------

_MAXOUT = """
[inputs]
x = [2, 2]
[params]
A = [2, 2]
B = [2, 2]
[forward]
za = "x @ A"
zb = "x @ B"
M = "{m}"
loss = "(M * torch.tensor([[1.0, 2.0], [3.0, -1.0]])).sum() + (M ** 2).sum()"
[values]
x = [[1.0, 0.5], [-0.5, 1.0]]
{values}
"""
# entries [0, 0] and [1, 0] of za and zb tie exactly at x = I
_TIES = """A = [[0.5, 1.0], [2.0, -1.0]]
B = [[0.5, 0.0], [2.0, -3.0]]"""


@pytest.mark.parametrize(
    "m, values",
    [
        ("torch.stack([za, zb], dim=0).max(dim=0).values", ""),
        ("np.max(np.stack([za, zb, za * 2]), axis=0)", ""),
        ("torch.stack([zb, za]).min(0)[0]", ""),
        ("torch.amax(torch.stack((za, zb)), dim=0)", ""),
        ("jnp.stack([za, zb]).mean(axis=0) + jnp.stack([za, zb]).sum(0)", ""),
        ("torch.stack([za, zb]).max(dim=0).values", _TIES),
        ("torch.amin(torch.stack([za, zb]), 0)", _TIES),
    ],
    ids=["torch-max-values", "np-max-three", "min-index-0", "amax", "jnp-mean-sum",
         "max-ties", "amin-ties"],
)
def test_a_reduction_along_a_stacks_new_axis_is_entry_by_entry(m: str, values: str) -> None:
    text = _MAXOUT.format(m=m, values=values)
    if values == _TIES:
        text = text.replace("x = [[1.0, 0.5], [-0.5, 1.0]]", "x = [[1.0, 0.0], [0.0, 1.0]]")
    _both(text, "maxout")


def test_a_stack_reduced_over_everything_stays_refused() -> None:
    text = _MAXOUT.format(m="np.stack([za, zb]).max()", values="")
    assert "stack()" in _refusal(text, "en")


def test_amax_of_a_stack_of_three_stays_refused() -> None:
    """torch.amax shares a three-way tie evenly, which nested maximum does not: not read."""
    text = _MAXOUT.format(m="torch.amax(torch.stack([za, zb, za + zb]), dim=0)", values="")
    # round 40: the refusal says why (was the parser's "stack() makes a new axis")
    assert "stack of 3 parts is not read" in _refusal(text, "en")


def test_a_stack_of_parts_of_different_shapes_stays_refused() -> None:
    """torch.stack raises for parts of different shapes; the entry-by-entry form would broadcast."""
    text = _MAXOUT.format(m="torch.stack([za, za[:, 0:1]]).max(dim=0).values", values="")
    assert "stack()" in _refusal(text, "en")
