"""Branch heldnets36 (issue 9's held-out course networks, pass 36 of the specs, hn36_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- CLIP's ``labels = torch.arange(n)`` as a line of its own, then ``F.cross_entropy(logits,
  labels)``, was "unknown function 'arange'" (written inside the loss it was read): a line that
  is one arange, read by the others as class indices or an index, is read where it is used;
- PyTorch's VAE example ``z = eps.mul(std).add_(mu)`` was refused as an in-place change: an
  in-place method on a tensor the line itself has just made (a sum, product, difference) changes
  nothing another line reads, and is its function; a name, a view, a tensor autograd saved
  (``torch.exp(x)``) or an in-place result PyTorch would have to broadcast larger stays refused;
- ``torch.bucketize`` was "unknown function" and ``np.percentile`` "picks the middle entry": each
  is now one line saying why (bucket indices have no gradient; a quantile is picked by rank) and
  what to write, en and zh.
"""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")


_NET = """
[dims]
n = 3
d = 4
e = 3
[inputs]
X = ["n", "d"]
Z = ["n", "e"]
c = ["n", 1]
y = ["n"]
[params]
W = ["d", "e"]
V = ["d", "e"]
[forward]
{lines}
[values]
X = [[0.4, -1.1, 0.2, 0.9], [1.3, 0.5, -0.7, 0.1], [-0.2, 0.8, 0.7, -0.5]]
Z = [[0.3, 0.2, -0.6], [0.6, -0.2, 0.5], [-0.9, 0.4, 0.1]]
c = [[0.5], [-0.3], [0.8]]
y = [2, 0, 1]
"""


def _net(lines: str) -> str:
    text = _NET.format(lines=lines)
    return text if "V" in lines else text.replace('V = ["d", "e"]\n', "")


# ---- a line that is one arange, read where it is used --------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        'S = "torch.tanh(X @ W) @ torch.tanh(X @ V).T"\nlabels = "torch.arange(n)"\n'
        'loss = "(F.cross_entropy(S, labels) + F.cross_entropy(S.T, labels)) / 2"',
        'S = "(X @ W) @ (X @ V).T / 0.5"\ntargets = "torch.arange(n)"\n'
        'loss = "F.nll_loss(F.log_softmax(S, dim=1), targets)"',
        'H = "X @ W"\nidx = "np.arange(n)"\nP = "np.exp(H) / np.sum(np.exp(H), axis=1, keepdims=True)"\n'
        'loss = "-np.mean(np.log(P[idx, y]))"',
        'S = "jnp.dot(X, W) @ jnp.dot(X, V).T"\nlab = "jnp.arange(n)"\n'
        'loss = "optax.softmax_cross_entropy_with_integer_labels(S, lab).mean()"',
    ],
    ids=["clip-symmetric", "shape-nll", "np-index", "jax-optax"],
)
def test_a_line_of_one_arange_is_read_where_it_is_used(lines: str) -> None:
    _both(_net(lines), "arange-line")


def test_an_arange_line_read_in_arithmetic_stays_a_ramp() -> None:
    # guard (spellings26's ramp): the same line read as numbers, not as indices
    _both(_net('r = "torch.arange(e)"\nloss = "((X @ W) * r).sum()"'), "arange-ramp")


# ---- an in-place method on a tensor the line itself made ----------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        'std = "torch.exp(0.5 * (X @ V))"\nz = "Z.mul(std).add_(X @ W)"\nloss = "(z ** 2).mean()"',
        'loss = "(X @ W * Z).clamp_(min=0).sum()"',
        'loss = "torch.mul(X @ W, Z).sub_(c).pow_(2).mean()"',
        'h = "(X @ W).div_(2.0)"\nloss = "(torch.tanh(h) * Z).sum()"',
        'h = "(X @ W - Z).sigmoid_()"\nloss = "(h * Z).sum()"',
        'loss = "(-(X @ W)).mul_(Z).exp_().sum()"',
        'loss = "(X @ W * 1.0).add_(Z).add_(Z).sum() + (X @ V).pow_(2).sum()"',
    ],
    ids=["vae-eps-mul-add", "clamp", "torch-mul-sub-pow", "div-number", "sigmoid", "neg-mul-exp",
         "chained"],
)
def test_an_in_place_method_on_the_lines_own_new_tensor_is_its_function(lines: str) -> None:
    _both(_net(lines), "fresh-in-place")


@pytest.mark.parametrize(
    "lines",
    [
        'h = "X @ W"\nz = "h.add_(Z)"\nloss = "(h * z).sum()"',  # h itself would change
        'loss = "torch.exp(X @ W).add_(Z).sum()"',  # exp's output is read by its backward
        'loss = "(X @ W).T.mul_(2.0).sum()"',  # a view of the product
        'loss = "(X @ W[:, 0:1]).add_(Z).sum()"',  # [n, 1] would broadcast to [n, e]
        'loss = "(-(X @ W)).exp_().mul_(Z).sum()"',  # exp_'s output is read by its backward
    ],
    ids=["a-name", "saved-output", "a-view", "broadcast-larger", "after-exp"],
)
def test_other_in_place_changes_stay_refused(lines: str) -> None:
    en, zh = _refusal(_net(lines), "en"), _refusal(_net(lines), "zh")
    assert "changes its tensor in place" in en, en
    assert "就地修改" in zh, zh


# ---- refusals that say why: bucket indices, quantiles ---------------------------------------------


@pytest.mark.parametrize(
    "call",
    ["torch.bucketize(X @ W, b)", "torch.searchsorted(b, X @ W)", "np.digitize(X @ W, b)"],
    ids=["bucketize", "searchsorted", "digitize"],
)
def test_bucket_indices_are_one_line_saying_why(call: str) -> None:
    text = _net(f'k = "{call}"\nloss = "(k * Z).sum()"').replace(
        'y = ["n"]', 'y = ["n"]\nb = [3]'
    ).replace("y = [2, 0, 1]", "y = [2, 0, 1]\nb = [-1.0, 0.0, 1.0]")
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    name = call.split("(")[0].split(".")[-1]
    assert f"{name}() returns the indices of the buckets" in en and "sigmoid" in en, en
    assert "区间的下标" in zh, zh
    assert "\n" not in en.strip() and "Traceback" not in en


@pytest.mark.parametrize(
    "call",
    ["np.percentile(X @ W, 90)", "torch.quantile(X @ W, 0.25)", "np.nanquantile(X @ W, 0.75)"],
    ids=["percentile", "quantile", "nanquantile"],
)
def test_a_quantile_is_picked_by_rank(call: str) -> None:
    text = _net(f'q = "{call}"\nloss = "((X @ W - q) * Z).sum()"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "picks an entry by its rank" in en and "middle" not in en, en
    assert "排名" in zh, zh


# ---- Keras 3's losses in keras.ops (heldnets35's leftover) ----------------------------------------


@pytest.mark.parametrize(
    "loss",
    [
        "ops.mean(ops.binary_crossentropy(M, ops.sigmoid(X @ W)))",
        "ops.sum(keras.ops.binary_crossentropy(M, X @ W, from_logits=True))",
        "ops.mean(ops.categorical_crossentropy(Y, ops.softmax(X @ W)))",
        "ops.mean(ops.categorical_crossentropy(Y, X @ W, from_logits=True, axis=-1))",
        "ops.mean(ops.categorical_crossentropy(Y, ops.exp(X @ W)))",  # rows divided by their sum
        "ops.sum(ops.categorical_crossentropy(Y.T, ops.softmax(X @ W, axis=0).T, axis=1))",
    ],
    ids=["bce", "bce-logits", "cce", "cce-logits", "cce-unnormalised", "cce-axis"],
)
def test_keras3_ops_losses_are_read_as_keras_computes_them(loss: str) -> None:
    text = _net(f'loss = "{loss}"').replace(
        'y = ["n"]', 'y = ["n"]\nM = { shape = ["n", "e"], kind = "binary" }\n'
        'Y = { shape = ["n", "e"], kind = "one-hot" }'
    )
    _both(text, "keras-ops-losses")


def test_keras3_ops_loss_needs_a_written_from_logits() -> None:
    text = _net('loss = "ops.mean(ops.binary_crossentropy(Z, X @ W, from_logits=c))"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "from_logits=True or False" in en, en
    assert "from_logits 须直接写 True 或 False" in zh, zh
