"""Branch heldnets24 (issue 9's held-out course networks, pass 23 of the specs, hn23_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- d2l's masked softmax ``torch.where(mask.bool(), scores, -1e6)`` was refused ("the condition is
  one comparison"): a 0/1 mask cast to booleans is ``mask != 0`` and a negated comparison (``~``,
  ``logical_not``) the opposite one, in where and masked_fill;
- DeepSurv's ``torch.logcumsumexp(risk.flip(0), dim=0).flip(0)`` was an unknown function, and a
  flip of a running sum of an expression had no known size: ``log(cumsum(exp(x)))`` (TensorFlow's
  ``cumulative_logsumexp(…, reverse=True)`` too), and a flip/roll/cumsum keeps its tensor's size;
- ``F.group_norm``, ``torch.corrcoef``, ``jnp.tensordot`` and ``jnp.einsum`` were unknown
  functions; ``tensordot`` without ``axes`` was read as ``a @ b`` where the libraries contract
  both axes (their default, 2): now refused, and PyTorch's ``dims=`` is read;
- ``slogdet(W).logabsdet`` of a [dims]-sized W said "attribute '.logabsdet' is not allowed"
  (now the size message ``slogdet(W)[1]`` gets); a data-dependent ``a if c else b`` said
  "'IfExp' is not allowed", ``torch.multinomial`` "unknown function", ``torch.autograd.grad``
  "only calls of named functions": each now names why it is outside the language (en/zh)."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")

_ATT = """
[dims]
Q = {q}
K = 3
D = 2
[inputs]
qs = ["Q", "D"]
ks = ["K", "D"]
vs = ["K", "D"]
valid = ["Q", "K"]
t = ["Q", "D"]
[params]
Wq = ["D", "D"]
[forward]
s = "(qs @ Wq) @ ks.T"
{line}
out = "torch.softmax(m, dim=1) @ vs"
loss = "((out - t) ** 2).mean()"
[values]
valid = {valid}
"""
_VALID2 = "[[1.0, 0.0, 0.0], [1.0, 1.0, 0.0]]"
_VALID3 = "[[1.0, 1.0, 1.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0]]"


@pytest.mark.parametrize(
    "q, valid, line",
    [
        (2, _VALID2, 'm = "torch.where(valid.bool(), s, torch.tensor(-1e6))"'),
        (3, _VALID3, 'm = "s.masked_fill(~valid.bool(), -1e9)"'),
        (2, _VALID2, 'm = "np.where(valid.astype(bool), s, -1e6)"'),
        (3, _VALID3, 'm = "torch.where(torch.logical_not(valid.to(torch.bool)), -1e4, s)"'),
        (2, _VALID2, 'm = "s.masked_fill(~(valid > 0.5), -1e6)"'),
    ],
)
def test_a_mask_cast_to_booleans_is_its_nonzero_entries(q: int, valid: str, line: str) -> None:
    _both(_ATT.format(q=q, valid=valid, line=line), "att")


def test_a_negated_mask_is_not_the_mask() -> None:
    """The oracle sees the negation: the mask read without its ``~`` disagrees."""
    text = _ATT.format(q=2, valid=_VALID2, line='m = "s.masked_fill(~valid.bool(), -1e9)"')
    other = text.replace("~valid.bool()", "valid.bool()")
    assert oracle_text(text, "att", run=other).status == "DISAGREE"


_SURV = """
[dims]
N = {n}
D = 2
[inputs]
x = ["N", "D"]
e = ["N", 1]
[params]
w = ["D", 1]
[forward]
r = "torch.tanh(x @ w)"
{line}
loss = "-((r - lse) * e).sum() / e.sum()"
[values]
e = {e}
"""


@pytest.mark.parametrize(
    "n, e, line",
    [
        (3, "[[1.0], [0.0], [1.0]]", 'lse = "torch.logcumsumexp(r.flip(0), dim=0).flip(0)"'),
        (3, "[[0.0], [1.0], [1.0]]", 'lse = "tf.math.cumulative_logsumexp(r, axis=0, reverse=True)"'),
        (3, "[[1.0], [1.0], [0.0]]", 'lse = "r.logcumsumexp(0)"'),
        (2, "[[1.0], [1.0]]",
         'lse = "torch.log(torch.flip(torch.cumsum(torch.flip(torch.exp(r), dims=[0]), dim=0), dims=[0]))"'),
    ],
)
def test_a_reversed_running_log_sum_is_the_librarys(n: int, e: str, line: str) -> None:
    _both(_SURV.format(n=n, e=e, line=line), "surv")


def test_a_reversal_by_a_step_slice() -> None:  # read since spellings25
    line = 'lse = "np.log(np.cumsum(np.exp(r)[::-1], axis=0)[::-1])"'
    _both(_SURV.format(n=3, e="[[1.0], [0.0], [1.0]]", line=line), "surv")


_ROWS = """
[dims]
B = 2
D = 3
[inputs]
x = ["B", "D"]
[params]
W = ["D", 4]
[forward]
loss = "{loss}"
"""


@pytest.mark.parametrize(
    "loss",
    [
        "torch.logcumsumexp(x @ W, dim=1).sum()",
        "(torch.cumsum(torch.sigmoid(x @ W), 1).flip(1) * x[:, 0:1]).sum()",
        "torch.roll(torch.cumprod(torch.sigmoid(x @ W), dim=1), 1, dims=1)[:, 0:1].sum()",
    ],
)
def test_a_running_sum_of_an_expression_keeps_its_size(loss: str) -> None:
    _both(_ROWS.format(loss=loss), "rows")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_logcumsumexp_without_an_axis_or_exclusive_is_refused(lang: str) -> None:
    for loss in ("torch.logcumsumexp(x @ W).sum()",
                 "tf.math.cumulative_logsumexp(x @ W, axis=1, exclusive=True).sum()"):
        assert "logcumsumexp()" in _refusal(_ROWS.format(loss=loss), lang)


_GN = """
[dims]
B = {b}
D = 2
[inputs]
x = ["B", "D"]
y = ["B", 1]
[params]
W = ["D", {c}]
g = [{c}]
v = [{c}, 1]
[forward]
h = "x @ W"
n = "{line}"
loss = "F.mse_loss(torch.tanh(n) @ v, y)"
"""


@pytest.mark.parametrize(
    "b, c, line",
    [
        (3, 4, "F.group_norm(h, 2, weight=g, eps=1e-3)"),
        (2, 6, "F.group_norm(h, num_groups=3, weight=g, bias=g * 0.5)"),
        (2, 4, "torch.nn.functional.group_norm(h, 1, g) + 0 * g"),
        (3, 3, "F.group_norm(h * 1.5 + x[:, 1:2], 3, g, None, 1e-5)"),
    ],
)
def test_group_norm_normalises_each_group_of_channels(b: int, c: int, line: str) -> None:
    _both(_GN.format(b=b, c=c, line=line), "gn")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_group_norm_of_uneven_groups_is_refused(lang: str) -> None:
    said = _refusal(_GN.format(b=2, c=4, line="F.group_norm(h, 3, g)"), lang)
    assert "group_norm()" in said


_COR = """
[dims]
N = {n}
D = 2
[inputs]
x = ["N", "D"]
y = ["N", 1]
[params]
w = ["D", 1]
[forward]
p = "torch.sigmoid(x @ w)"
loss = "{loss}"
"""


@pytest.mark.parametrize(
    "n, loss",
    [
        (5, "1 - torch.corrcoef(torch.cat([p.T, y.T], dim=0))[0, 1]"),
        (4, "1 - np.corrcoef(p.T, y.T)[1, 0]"),
        (4, "-np.corrcoef(np.concatenate([p, y, p * y], axis=1), rowvar=False).sum()"),
        (3, "(1 - torch.corrcoef(torch.cat([y.T, p.T ** 2], 0))) .pow(2).sum()"),
    ],
)
def test_corrcoef_is_pearsons_r_of_the_rows(n: int, loss: str) -> None:
    _both(_COR.format(n=n, loss=loss), "cor")


_DOT = """
[dims]
N = 3
D = 4
H = 2
[inputs]
x = ["N", "D"]
y = ["N", 1]
[params]
W = ["D", "H"]
v = ["H", 1]
[forward]
h = "jax.nn.gelu({first}, approximate=True)"
loss = "jnp.mean((jnp.tensordot(h, v, axes=([1], [0])) - y) ** 2)"
"""


@pytest.mark.parametrize(
    "first",
    [
        "jnp.tensordot(x, W, axes=1)",
        "jnp.einsum('nd,dh->nh', x, W)",
        "torch.tensordot(x, W, dims=1)",
        "torch.tensordot(W, x, dims=([0], [1])).T",
    ],
)
def test_tensordot_and_einsum_in_jax_and_torch_spelling(first: str) -> None:
    _both(_DOT.format(first=first), "dot")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tensordot_without_axes_is_refused_not_read_as_a_product(lang: str) -> None:
    """NumPy's and PyTorch's default contracts both axes: ``(a * b).sum()``, not ``a @ b``
    (the two differ: the oracle runs the library's default)."""
    text = _DOT.format(first="x @ W").replace("loss = ", 'k = "np.tensordot(W, W.T @ W)"\nloss = ')
    assert "axes=2" in _refusal(text, lang)
    a, b = torch.arange(4.0).reshape(2, 2), torch.arange(4.0, 8.0).reshape(2, 2)
    assert float(torch.tensordot(a, b)) == float((a * b).sum()) != float((a @ b).sum())


_FLOW = """
[dims]
N = 3
C = 2
[inputs]
x = ["N", 2]
[params]
W = [{side}, {side}]
[forward]
z = "x @ W"
loss = "0.5 * (z ** 2).sum(dim=1).mean() - {logdet}"
[values]
W = [[1.0, 0.5], [-0.3, 0.8]]
"""


def test_slogdet_logabsdet_of_a_number_sized_matrix_is_read() -> None:
    _both(_FLOW.format(side=2, logdet="torch.linalg.slogdet(W).logabsdet"), "flow")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slogdet_logabsdet_of_a_dims_sized_matrix_names_the_size(lang: str) -> None:
    said = _refusal(_FLOW.format(side='"C"', logdet="torch.linalg.slogdet(W).logabsdet"), lang)
    assert "slogdet()" in said and "'.logabsdet'" not in said


_OUT = """
[dims]
B = 2
D = 3
[inputs]
x = ["B", "D"]
y = ["B", 1]
[params]
W = ["D", "D"]
v = ["D", 1]
[forward]
h = "torch.tanh(x @ W)"
{line}
loss = "F.mse_loss(g @ v, y)"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "line, words",
    [
        # (an `if` on one number, h.abs().max() < 1e-3, is torch.where of it since branch
        # heldnets30, as Python runs it: tests/test_heldnets30.py; on a matrix Python raises)
        ('g = "h if h < 1e-3 else torch.tanh(h @ W)"',
         {"en": "a choice by a condition is not read", "zh": "不读取按条件作出的选择"}),
        ('g = "h * torch.bernoulli(torch.sigmoid(h))"',
         {"en": "bernoulli() draws a random sample", "zh": "bernoulli() 抽取随机样本"}),
        ('g = "h * jax.random.categorical(key, h)"',
         {"en": "jax.random.categorical() draws a random sample", "zh": "抽取随机样本"}),
        ('g = "torch.autograd.grad(h.sum(), x, create_graph=True)[0] @ W"',
         {"en": "takes a gradient inside the network", "zh": "在网络内部求梯度"}),
        ('g = "jax.grad(lambda u: u.sum())(h)"',
         {"en": "jax.grad() takes a gradient", "zh": "二次反向传播"}),
    ],
)
def test_outside_the_language_is_named(line: str, words: dict[str, str], lang: str) -> None:
    said = _refusal(_OUT.format(line=line), lang)
    assert words[lang] in said
    assert "IfExp" not in said and "unknown function" not in said
