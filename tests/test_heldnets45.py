"""Branch heldnets45 (issue 9's held-out course networks, pass 45 of the specs, hn45_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- a reduction along axis 0 WITH keepdims of a 1-D vector — ``F.normalize(u, dim=0)``,
  ``u.norm(dim=0, keepdim=True)``, ``np.sum(u ** 2, axis=0, keepdims=True)``,
  ``tf.nn.l2_normalize(u, axis=0)``, ``u.mean(0, keepdim=True)`` — was read along axis 0 of the
  row the language keeps a 1-D vector as, so every entry was its own "norm" (``u / |u|``) and
  ``derive verify`` printed ✓ (a wrong ✓: its PyTorch reference is built from the same reading).
  Axis 0 of a 1-D vector is its only axis; read so now. ``F.normalize`` of a 1-D vector is 1-D
  (spectral normalisation's power step ``torch.mv(W, v)`` of it was a shape mismatch);
- TRL's ``torch.gather(logps, dim=1, index=tok)`` with ``tok`` an input column ``[N, 1]`` of
  token ids was refused (only the 1-D labels' ``y.unsqueeze(1)`` was read): the column is the
  index PyTorch takes, each row's entry at its label;
- ``mint.nn.functional.linear`` (and more of mint's PyTorch-named functions) was refused;
- ``jax.lax.scan`` was refused as a jax.lax function "to write in its jnp. form": it is a loop,
  and now says so (unroll the steps)."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")

_VEC = """
[dims]
o = 3
d = 2
[inputs]
u = ["o"]
[params]
W = ["o", "d"]
[forward]
{lines}
[values]
u = [1.5, -0.4, 0.7]
W = [[0.3, -1.1], [0.8, 0.2], [-0.5, 0.6]]
"""


@pytest.mark.parametrize(
    "a",
    [
        "F.normalize(u, dim=0)",
        "F.normalize(u, p=2, dim=0, eps=1e-12)",
        "u / u.norm(dim=0, keepdim=True)",
        "u / torch.linalg.vector_norm(u, dim=0, keepdim=True)",
        "u / np.sqrt(np.sum(u ** 2, axis=0, keepdims=True))",
        "u / np.linalg.norm(u, axis=0, keepdims=True)",
        "tf.nn.l2_normalize(u, axis=0)",
        "u - u.mean(0, keepdim=True)",
        "u - torch.mean(u, 0, True)",
        "u - u.var(0, False, True)",
        "u / u.abs().max(dim=0, keepdim=True).values",
        "u - torch.logsumexp(u, dim=0, keepdim=True)",
    ],
)
def test_a_reduction_along_axis_0_with_keepdims_of_a_1d_vector_is_along_its_only_axis(a: str) -> None:
    """On a3ff9732 the first nine were read as u / |u| (or u − u, u − 0) and verified ✓."""
    text = _VEC.format(lines=f'a = "{a}"\nloss = "(a @ W).sum() + (W ** 2).sum()"')
    _both(text, "vec-keepdims")


def test_axis_0_with_keepdims_of_a_matrix_is_unchanged() -> None:
    lines = 'a = "W - W.mean(0, keepdim=True)"\nloss = "(a * a * torch.arange(2)).sum()"'
    _both(_VEC.format(lines=lines), "matrix-keepdims")


def test_spectral_norm_power_step_of_normalized_vectors() -> None:
    """torch.nn.utils.spectral_norm's training step: v and u are detached unit vectors."""
    lines = "\n".join([
        'v = "F.normalize(torch.mv(W.t(), u), dim=0, eps=1e-12).detach()"',
        'u2 = "F.normalize(torch.mv(W, v), dim=0).detach()"',
        'sigma = "torch.dot(u2, torch.mv(W, v))"',
        'loss = "((W / sigma) ** 2).sum() + torch.tanh(W).sum()"',
    ])
    _both(_VEC.format(lines=lines), "spectral")


_GATHER = """
[dims]
G = 4
d = 2
V = 3
[inputs]
h = ["G", "d"]
tok = ["G", 1]
[params]
W = ["d", "V"]
[forward]
lp = "(h @ W).log_softmax(dim=-1)"
picked = "{pick}"
loss = "-(picked * torch.arange(1, 5).unsqueeze(1)).mean()"
[values]
h = [[0.5, -1.2], [1.1, 0.3], [-0.7, 0.9], [0.2, -0.4]]
tok = [[1], [2], [0], [2]]
"""


@pytest.mark.parametrize(
    "pick",
    [
        "torch.gather(lp, dim=1, index=tok)",
        "torch.gather(lp, -1, tok)",
        "lp.gather(1, tok)",
        "lp.gather(dim=-1, index=tok)",
        "torch.take_along_dim(lp, tok, dim=1)",
    ],
)
def test_gather_by_a_label_column_is_each_rows_entry(pick: str) -> None:
    """On a3ff9732 refused ("gather() is read as PyTorch's pick of class labels …")."""
    _both(_GATHER.format(pick=pick), "gather-column")


def test_gather_by_a_column_along_rows_stays_refused() -> None:
    """dim=0 picks a row per column: not the labels' pick (still the parser's refusal)."""
    text = _GATHER.format(pick="torch.gather(lp, 0, tok)")
    assert "gather()" in _refusal(text, "en")


_MINT = """
[dims]
N = 3
d = 4
C = 3
[inputs]
x = ["N", "d"]
label = ["N"]
[params]
W = ["C", "d"]
b = ["C"]
[forward]
{lines}
[values]
x = [[0.9, -0.4, 1.5, 0.2], [-1.1, 0.6, 0.3, 0.8], [0.4, 1.2, -0.9, -0.5]]
label = [2, 0, 1]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'z = "mint.nn.functional.linear(x, W, b)"\nloss = "mint.nn.functional.cross_entropy(z, label)"',
        'z = "mint.nn.functional.mish(mint.nn.functional.linear(x, W, bias=b))"\n'
        'loss = "mint.nn.functional.cross_entropy(z, label)"',
        'z = "mint.nn.functional.normalize(mint.matmul(x, W.T) + b, dim=-1)"\n'
        'loss = "mint.nn.NLLLoss()(mint.nn.LogSoftmax(dim=1)(z * 3.0), label)"',
        'z = "mint.mm(x, W.t()) + b"\nloss = "mint.std(z) + mint.nn.functional.cross_entropy(z, label)"',
    ],
    ids=["linear", "mish", "normalize-nll", "mm-std"],
)
def test_more_mint_names_read_as_pytorch(lines: str) -> None:
    _both(_MINT.format(lines=lines), "mint45")


def test_a_mint_name_not_read_is_still_refused_naming_those_read() -> None:
    text = _MINT.format(lines='loss = "mint.nn.functional.ctc_loss(x, label, 1, 1)"')
    for lang in ("en", "zh"):
        said = _refusal(text, lang)
        assert "mint.nn.functional.ctc_loss" in said and "linear" in said


def test_jax_lax_scan_is_refused_as_a_loop() -> None:
    text = _VEC.format(lines='loss = "jax.lax.scan(lambda c, x: (c + x, None), 0.0, u)[0]"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "a loop is not read (lax.scan(…))" in en and "each step on its own line" in en
    assert "lax.scan(…)" in zh and "循环" in zh


def test_oracle_sees_the_old_misreading() -> None:
    """The oracle's own check: u / |u| (the old reading) disagrees with F.normalize(u, dim=0)."""
    spec = _VEC.format(lines='a = "F.normalize(u, dim=0)"\nloss = "(a @ W).sum()"')
    run = _VEC.format(lines='a = "u / u.abs()"\nloss = "(a @ W).sum()"')
    assert oracle_text(spec, "seen", run=run).status == "DISAGREE"


@pytest.mark.parametrize("f", ["torch.linalg.matrix_exp", "scipy.linalg.expm", "scipy.linalg.sqrtm"])
def test_a_matrix_function_is_refused_as_one_not_as_a_decomposition(f: str) -> None:
    text = _VEC.format(lines=f'loss = "{f}(W @ W.T).sum()"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "is a function of a whole matrix" in en and "decomposition" not in en
    assert "整个矩阵的函数" in zh
