"""Branch heldnets33 (issue 9's held-out course networks, pass 33 of the specs, hn33_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- Kipf & Welling's GCN with the degrees computed in the forward pass,
  ``torch.diag(deg.pow(-0.5))`` on its own line, was refused: the length of ``deg.pow(-0.5)``
  was not known because ``-0.5`` is a unary minus of a number, not a number node (``deg ** -0.5``
  was read); and the refusal's sentence was English inside the Chinese message;
- ``torch.diag`` of a matrix product whose sizes do not match stopped with an internal error
  (AttributeError, exit 70) instead of naming the mismatch;
- word2vec's negatives ``torch.index_select(W_out, 0, torch.tensor([1, 2, 5]))`` were "unknown
  function" with the whole list; ``W[[1, 2, 5]]``, ``np.take(W, idx, axis=0)`` and
  ``tf.gather(W, idx)`` were not read either: rows picked by whole numbers are ``W[idx]``, the
  lookup an integer tensor already had;
- ``torchvision.ops.sigmoid_focal_loss(…)`` called as a function (round 32's leftover) was not
  read ("'torchvision.ops' is not a module derive reads"): it is Optax's per-entry focal loss
  with torchvision's α-weighting (α ≥ 0) and reduction.
"""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

from derive.errors import DeriveError
from derive.lang import spec as spec_mod

torch = pytest.importorskip("torch")


# ---- a diagonal matrix of a 1-D method call on its own line (GCN's D^{-1/2}) ---------------------

_GCN = """
[dims]
N = 3
f = 2
k = 2
[inputs]
A = {{ shape = ["N", "N"], kind = "binary" }}
X = ["N", "f"]
y = ["N"]
[params]
W = ["f", "k"]
[forward]
{lines}
H = "{norm} @ X @ W"
loss = "F.cross_entropy(H, y)"
[values]
A = [[0, 1, 1], [1, 0, 0], [1, 0, 0]]
X = [[0.3, -1.2], [0.8, 0.5], [-0.6, 1.1]]
y = [1, 0, 1]
"""


@pytest.mark.parametrize(
    "lines, norm",
    [
        ('S = "A + torch.eye(3)"\nd = "S.sum(dim=1)"\nD = "torch.diag(d.pow(-0.5))"', "D @ S @ D"),
        ('S = "A + torch.eye(3)"\nd = "S.sum(1)"\nD = "torch.diag(torch.pow(d, -0.5))"', "D @ S @ D"),
        ('S = "A + torch.eye(3)"\nd = "torch.sum(S, dim=0)"\nD = "torch.diag_embed(d.pow(-1/2))"',
         "D @ S @ D"),
        ('S = "A + torch.eye(3)"\nd = "S.sum(dim=1)"\nD = "torch.diag(d.pow(-1))"', "D @ S"),
        ('S = "A + np.eye(3)"\nd = "S.sum(axis=1)"\nD = "np.diag(np.power(d, -0.5))"', "D @ S @ D"),
    ],
    ids=["pow-method", "torch-pow", "diag-embed-minus-half", "random-walk", "numpy-power"],
)
def test_a_diagonal_of_a_negative_power_on_its_own_line_is_read(lines: str, norm: str) -> None:
    _both(_GCN.format(lines=lines, norm=norm), "gcn")


def test_the_diag_refusal_is_said_in_chinese() -> None:
    text = _GCN.format(lines='S = "A + torch.eye(3)"\nD = "torch.diag(X)"', norm="D @ S @ D")
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "np.diag(v) / torch.diag(v) of a 1-D v" in en
    assert "读作矩阵乘积的一侧" in zh and "is read as one side" not in zh, zh


def test_a_diagonal_of_a_mismatched_product_names_the_mismatch() -> None:
    """It was an AttributeError (exit 70) in the diagonal's length."""
    text = _GCN.format(lines='D = "torch.diag(X @ W @ X)"', norm="D @ A")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "mismatch")
    assert "shape mismatch" in str(err.value)


# ---- rows picked by whole numbers (word2vec's negatives) -----------------------------------------

_SGNS = """
[dims]
V = 5
d = 2
[inputs]
c = {{ shape = [1, "V"], kind = "one-hot" }}
[params]
E = ["V", "d"]
O = ["V", "d"]
[forward]
v = "c @ E"
U = "{pick}"
loss = "-F.logsigmoid(-(U @ v.T)).sum()"
[values]
c = [[0, 1, 0, 0, 0]]
"""


@pytest.mark.parametrize(
    "pick",
    [
        "torch.index_select(O, 0, torch.tensor([3, 0, 3]))",
        "O.index_select(0, torch.tensor([4, 2]))",
        "torch.index_select(O, dim=0, index=torch.tensor([1, 4]))",
        "O[[0, 2, 4]]",
        "O[[4, 1], :]",
        "np.take(O, np.array([2, 3]), axis=0)",
        "jnp.take(O, jnp.array([0, 4]), axis=0)",
        "tf.gather(O, [3, 1, 0])",
    ],
)
def test_rows_picked_by_whole_numbers_are_read(pick: str) -> None:
    _both(_SGNS.format(pick=pick), "sgns")


@pytest.mark.parametrize(
    "pick",
    ["torch.index_select(O, 1, torch.tensor([0]))", "np.take(O, [1, 2])", "O.T.index_select(1, torch.tensor([1]))"],
)
def test_a_pick_along_another_axis_is_refused_naming_the_row_form(pick: str) -> None:
    text = _SGNS.format(pick=pick)
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "picking rows is read as W[idx]" in en and "Fix:" in en, en
    assert "取行读作 W[idx]" in zh, zh


# ---- torchvision.ops.sigmoid_focal_loss called as a function -------------------------------------

_FOCAL = """
[dims]
n = 3
f = 2
K = 3
[inputs]
x = ["n", "f"]
t = {{ shape = ["n", "K"], kind = "binary" }}
[params]
W = ["f", "K"]
[forward]
z = "x @ W"
loss = "{loss}"
[values]
x = [[1.1, -0.4], [0.2, 0.9], [-0.7, 0.3]]
t = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "torchvision.ops.sigmoid_focal_loss(z, t, reduction='sum')",
        "torchvision.ops.sigmoid_focal_loss(z, t, alpha=0.6, gamma=1.5, reduction='mean')",
        "torchvision.ops.sigmoid_focal_loss(z, t, alpha=-1, gamma=3).mean()",
        "torchvision.ops.focal_loss.sigmoid_focal_loss(inputs=z, targets=t, gamma=0).sum() / 3",
    ],
)
def test_torchvisions_sigmoid_focal_loss_is_read(loss: str) -> None:
    _both(_FOCAL.format(loss=loss), "focal")


@pytest.mark.parametrize(
    "loss, said_en, said_zh",
    [
        ("torchvision.ops.sigmoid_focal_loss(z, t, alpha=a, reduction='mean')",
         "alpha is read as a number written in the line", "alpha 须是写在这一行里的数字"),
        ("torchvision.ops.sigmoid_focal_loss(z, t, reduction='batchmean')",
         "reduction is 'none', 'mean' or 'sum'", "reduction 须是字符串"),
    ],
)
def test_torchvisions_focal_loss_refuses_what_it_cannot_read(loss: str, said_en: str, said_zh: str) -> None:
    text = _FOCAL.format(loss=loss).replace("[forward]", "[constants]\na = 0.25\n[forward]")
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert said_en in en and said_zh in zh, (en, zh)


# ---- cross_entropy with weight= and label_smoothing= together (second probe) ---------------------

_CE = """
[dims]
m = 4
p = 2
C = 3
[inputs]
x = ["m", "p"]
c = ["m"]
q = ["m", "C"]
[params]
W = ["p", "C"]
b = ["C"]
[forward]
z = "x @ W + b"
loss = "{loss}"
[values]
x = [[0.9, -0.3], [0.1, 1.4], [-1.2, 0.5], [0.4, 0.4]]
c = [2, 2, 0, 1]
q = [[0.1, 0.2, 0.7], [0.0, 0.5, 0.5], [1.0, 0.0, 0.0], [0.3, 0.3, 0.4]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.cross_entropy(z, c, weight=torch.tensor([0.3, 1.0, 2.5]), label_smoothing=0.15)",
        "F.cross_entropy(z, c, weight=torch.tensor([1.5, 0.5, 1.0]), label_smoothing=0.2, reduction='sum')",
        "F.cross_entropy(z, c, weight=torch.tensor([2.0, 1.0, 1.0]), label_smoothing=0.1, reduction='none').max()",
        "F.cross_entropy(z, q, weight=torch.tensor([0.3, 1.0, 2.5]), label_smoothing=0.25)",
        "nn.CrossEntropyLoss(weight=torch.tensor([1.0, 4.0, 0.5]), label_smoothing=0.05)(z, c)",
    ],
    ids=["indices-mean", "indices-sum", "indices-none", "probabilities-mean", "module"],
)
def test_cross_entropy_with_weight_and_label_smoothing_is_pytorchs(loss: str) -> None:
    _both(_CE.format(loss=loss), "ce")


def test_ignore_index_with_label_smoothing_stays_refused() -> None:
    text = _CE.format(loss="F.cross_entropy(z, c, ignore_index=1, label_smoothing=0.1)")
    assert "leave one of them out" in _refusal(text, "en")
    assert "请去掉其中一个" in _refusal(text, "zh")


# ---- old PyTorch's x.data as a detach (second probe) ---------------------------------------------

_DATA = """
[dims]
B = 3
S = 2
A = 3
[inputs]
s = ["B", "S"]
s2 = ["B", "S"]
a = {{ shape = ["B", "A"], kind = "one-hot" }}
r = ["B"]
[params]
W = ["S", "A"]
[forward]
q = "s @ W"
{lines}
[values]
s = [[0.4, -1.1], [1.3, 0.2], [-0.6, 0.8]]
s2 = [[0.5, -0.9], [1.0, 0.6], [-0.2, 0.7]]
a = [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
r = [1.0, -0.5, 0.0]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'q2 = "s2 @ W"\ntarget = "r + 0.95 * q2.data.max(1)[0]"\nloss = "F.mse_loss((q * a).sum(1), target)"',
        'loss = "((q - 0.5 * q.data) ** 2).mean()"',
        'loss = "((q * a).sum(1) - r - q.data.clamp(min=0).mean(1)).pow(2).sum()"',
    ],
    ids=["dqn-target", "half-detached", "clamped"],
)
def test_dot_data_is_a_detach(lines: str) -> None:
    _both(_DATA.format(lines=lines), "data")


# ---- the checker draws Gumbel noise's uniform u inside (0, 1) ------------------------------------

_GUMBEL = """
[dims]
n = 3
d = 2
K = 3
[inputs]
x = ["n", "d"]
u = ["n", "K"]
y = ["n", "K"]
[params]
W = ["d", "K"]
[forward]
g = "{g}"
p = "torch.softmax((x @ W + g) / 0.7, dim=1)"
loss = "((p - y) ** 2).sum()"
[values]
x = [[0.5, -0.2], [1.1, 0.8], [-0.9, 0.4]]
u = [[0.35, 0.8, 0.05], [0.6, 0.15, 0.95], [0.5, 0.5, 0.25]]
"""


@pytest.mark.parametrize("g", ["-torch.log(-torch.log(u))", "-np.log(-np.log(u + 1e-20) + 1e-20)"])
def test_the_checker_reads_back_a_gradient_through_gumbel_noise(g: str, tmp_path) -> None:
    """At random u beyond 1, -log(u) < 0 and log(-log(u)) is undefined: the walkthrough's own
    dW was 'right at the example values, not at other values' (the checker's domain of u was
    (0.1, 2), as for any log's argument)."""
    from derive.checker.check import check
    from derive.checker.checknet import net_for

    path = tmp_path / "gumbel.toml"
    path.write_text(_GUMBEL.format(g=g), encoding="utf-8")
    _both(_GUMBEL.format(g=g), "gumbel")
    t = net_for(str(path), 0).target("W")
    assert check(str(path), "W", t.expected).ok, t.expected
    assert not check(str(path), "W", "x.T @ (p - y)").ok
