"""Round 23 (branch spellings23), issue 9's leftovers of passes 21–22, each read as its library
defines it:

1. replication — ``np.tile``, ``np.repeat`` along an axis, PyTorch's ``x.repeat``, ``.expand``,
   ``.expand_as``, ``torch.repeat_interleave``, ``np.broadcast_to`` — as concatenations of copies
   or products with a block of ones (a row copied down is ``𝟙 c``, sized by its [dims] name);
   ``np.kron`` of small operands; ``np.cross``/``torch.cross``/``torch.linalg.cross`` of
   3-vectors (:mod:`derive.lang.replicate`).

Every spec's own text runs in PyTorch float64 (tests/spelled_oracle.py) and must agree with
derive's reading at held-out names, sizes and values; ``derive verify`` must pass against PyTorch
and finite differences; what is not read is exit 2 naming the form, in English and Chinese."""

from __future__ import annotations

import functools

import pytest
from spelled_oracle import oracle_text

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec as spec_mod
from derive.locale import catalog
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

# held-out names and sizes: a 5 × 3 batch, a 3 × 2 weight, a bias row, a 1-D vector of 3
_NET = """
[dims]
N = 5
D = 3
K = 2
[inputs]
Xs = ["N", "D"]
Tg = ["N", "K"]
v = ["D"]
[params]
Wm = ["D", "K"]
bb = [1, "K"]
[forward]
Hh = "Xs @ Wm + bb"
{lines}
[values]
Xs = [[0.7, -1.3, 0.4], [-0.2, 0.9, 1.6], [1.1, 0.3, -0.8], [-1.5, -0.6, 0.2], [0.5, 0.8, -1.1]]
Wm = [[0.45, -0.35], [0.15, 0.65], [-0.55, 0.25]]
bb = [[0.05, -0.15]]
Tg = [[0.3, -0.1], [0.8, 0.2], [-0.4, 0.6], [0.1, -0.9], [0.7, 0.35]]
v = [0.6, -0.25, 1.2]
"""


@functools.lru_cache(maxsize=None)
def _derived(text: str):
    return derive(spec_mod.parse(text, "spellings23"))


def _agree_and_verify(lines: str) -> None:
    text = _NET.format(lines=lines)
    out = oracle_text(text, "spellings23", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(_derived(text), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def _refused(lines: str, lang: str) -> str:
    """The exit-2 message of deriving ``lines`` in the net, in ``lang``."""
    with pytest.raises(DeriveError) as err:
        numeric.verify(derive(spec_mod.parse(_NET.format(lines=lines), "refused")), points=1)
    assert err.value.exit_code == 2
    return catalog.localized(err.value, lang)


_REPLICATED = [
    # a row copied down by its [dims] name, a number, another tensor's shape
    'loss = "np.sum(np.tile(bb, (N, 1)) * Tg) + np.sum(Hh ** 2)"',
    'loss = "torch.sum(bb.expand(5, 2) * torch.tanh(Hh))"',
    'loss = "torch.sum(bb.expand(N, -1) * Hh * Tg)"',
    'loss = "torch.sum((bb * bb).expand_as(Tg) * Hh)"',
    'loss = "np.sum(np.broadcast_to(bb, Hh.shape) * Hh)"',
    'loss = "np.sum(np.broadcast_to(bb, (N, K)) ** 2 * Tg) + np.mean(Hh)"',
    'loss = "torch.sum(torch.broadcast_to(Hh[:, 1:2], (N, K)) * Tg)"',
    'loss = "torch.sum(Hh[:, 0:1].expand_as(Tg) * Tg)"',
    'loss = "np.sum(np.broadcast_to(v, (N, D)) * (Xs @ Wm @ Wm.T)) + np.sum(Hh)"',
    # copies of a matrix: tile, PyTorch's repeat, NumPy's repeat / repeat_interleave per slice
    'loss = "np.sum(np.tile(Hh, (2, 3)) * np.sum(np.tile(Hh, 2)))"',
    'loss = "torch.sum(Hh.repeat(2, 1) ** 3)"',
    'loss = "torch.sum(torch.tile(Hh, (1, 2)) * torch.cat([Tg, Tg], dim=1))"',
    'loss = "np.sum(np.repeat(Hh, 2, axis=1) * np.repeat(Tg, 2, axis=1) ** 2)"',
    'loss = "torch.sum(torch.repeat_interleave(Hh, 2, dim=0)[3:7, :] ** 2)"',
    'loss = "torch.sum(Hh.repeat_interleave(3, dim=1) * torch.sigmoid(Hh).repeat(1, 3))"',
    'loss = "np.sum(np.repeat(v, 2) ** 2) + np.sum(Hh * Tg)"',
    # Kronecker products of small operands, cross products of 3-vectors along an axis
    'loss = "np.sum(np.kron(bb, Tg) ** 2) + np.sum(Hh)"',
    'loss = "np.sum(np.kron(Hh[0:2, :], Wm) * np.kron(Tg[0:2, :], Wm))"',
    'loss = "torch.sum(torch.kron(bb, torch.tanh(Hh)) ** 2)"',
    'loss = "torch.sum(torch.cross(Xs, torch.tanh(Xs @ Wm @ Wm.T), dim=1) * Xs) + torch.sum(Hh)"',
    'loss = "torch.sum(torch.linalg.cross(Xs @ Wm @ Wm.T, Xs) ** 2) + torch.sum(Hh)"',
    'loss = "np.sum(np.cross(Xs, np.exp(Xs @ Wm @ Wm.T)) * Xs) + np.sum(Hh)"',
]


@pytest.mark.parametrize("lines", _REPLICATED)
def test_replication_agrees_with_the_library_running_the_text(lines: str) -> None:
    _agree_and_verify(lines)


def test_a_row_copied_down_is_a_product_with_ones_sized_by_its_dims_name() -> None:
    """``np.broadcast_to(bb, (N, K))`` is ``ones @ bb`` with ones of N rows (a [dims] size), so
    the walkthrough prints the column sums, not five copies joined."""
    text = _NET.format(lines='loss = "np.sum(np.broadcast_to(bb, (N, K)) * Hh)"')
    spec = spec_mod.parse(text, "ones")
    assert "ones" in spec.inputs and str(spec.inputs["ones"][0]) == "5"
    assert getattr(spec.inputs["ones"][0], "label", None) == "N"


@pytest.mark.parametrize(
    "lines, words",
    [
        ('loss = "np.sum(np.repeat(Hh, 2) ** 2)"', ("repeat()", "axis")),
        ('loss = "np.sum(np.broadcast_to(Hh, (N, 4)) ** 2)"', ("broadcast_to()", "size 1")),
        ('loss = "np.sum(np.tile(Hh, (8, 1)) ** 2)"', ("tile()", "32")),
        ('loss = "np.sum(np.cross(Hh, Hh * 2) ** 2)"', ("cross()", "3")),
        ('loss = "np.sum(np.tile(Hh, (1, 1.5)) ** 2)"', ("tile()", "whole-number")),
    ],
)
def test_replication_not_read_is_refused_naming_the_form(lines: str, words: tuple) -> None:
    en, zh = _refused(lines, "en"), _refused(lines, "zh")
    for w in words:
        assert w in en, en
    assert words[0] in zh and zh != en and any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh


_FUNCTIONS = [
    # NumPy's/SciPy's real cube root sign(x)·|x|^(1/3); x·log(1 + y), 0 where x = 0
    'loss = "np.sum(np.cbrt(Hh) * Tg)"',
    'loss = "np.sum(scipy.special.cbrt(Hh * 2 - 0.1) ** 2)"',
    'loss = "torch.sum(torch.special.xlog1py(Tg * Tg, Hh * Hh))"',
    'loss = "np.sum(scipy.special.xlog1py(Tg, torch.sigmoid(Hh)) * Hh)"',
    # the 1- and ∞-norms of a vector, a column and a row as NumPy's and PyTorch's linalg.norm
    'loss = "np.linalg.norm(bb, np.inf) + np.linalg.norm(bb.T, np.inf) + np.sum(Hh)"',
    "loss = \"torch.linalg.norm(bb.T, ord=float('inf')) + torch.linalg.norm(bb, ord=1) + torch.sum(Hh)\"",
    'loss = "np.linalg.norm(v, ord=np.inf) + np.linalg.norm(v, 1) + np.sum(Hh ** 2)"',
    # roll by a [dims] name or another tensor's size
    'loss = "torch.sum(torch.roll(Hh, K, dims=0) * Tg)"',
    'loss = "np.sum(np.roll(Hh, shift=N, axis=0) * Tg) + np.sum(np.roll(Xs, Wm.shape[1], axis=1) ** 2)"',
]


@pytest.mark.parametrize("lines", _FUNCTIONS)
def test_functions_agree_with_the_library_running_the_text(lines: str) -> None:
    _agree_and_verify(lines)


# a named 3 × 3 matrix of literal size, a 2 × 2 one, a right side of N columns, a 1-D one
_LINALG_NET = """
[dims]
N = 4
[inputs]
Kx = [3, 3]
Yr = [3, "N"]
r = [3]
[params]
Am = [3, 3]
Bs = [2, 2]
[forward]
{lines}
[values]
Kx = [[2.0, 0.3, -0.2], [0.3, 1.5, 0.4], [-0.2, 0.4, 1.8]]
Am = [[0.9, 0.1, -0.3], [0.2, 1.1, 0.25], [-0.15, 0.3, 1.2]]
Bs = [[1.3, 0.2], [-0.4, 0.8]]
Yr = [[0.3, -0.1, 0.5, 0.2], [0.8, 0.2, -0.7, 0.1], [-0.4, 0.6, 0.3, -0.2]]
r = [0.5, -1.0, 0.25]
"""

_LINALG = [
    # a GP's negative log marginal likelihood: ½ yᵀ C⁻¹ y + ½ log det C, C an earlier line
    'Cm = "Am @ Am.T + Kx"\nloss = "0.5 * torch.sum(Yr * torch.linalg.solve(Cm, Yr)) + 0.5 * '
    'torch.logdet(Cm) + torch.det(Bs)"',
    # matrices given as expressions (lines of their own), a 1-D right side, det, inv, slogdet
    'loss = "torch.logdet(Bs @ Bs.T + 0.5 * torch.eye(2)) + torch.sum(torch.linalg.solve(Bs.T @ '
    'Bs, Yr[0:2, :]) * Yr[0:2, :]) + torch.sum(torch.linalg.inv(Bs @ Bs.T)) + torch.det(Am)"',
    'loss = "np.linalg.slogdet(Bs @ Bs.T)[1] - np.sum(np.linalg.solve(Am, r) * r)"',
]


@functools.lru_cache(maxsize=None)
def _linalg_text(lines: str) -> str:
    return _LINALG_NET.format(lines=lines)


@pytest.mark.parametrize("lines", _LINALG)
def test_small_linear_algebra_agrees_with_the_library_running_the_text(lines: str) -> None:
    text = _linalg_text(lines)
    out = oracle_text(text, "linalg23", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(_derived(text), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def test_a_log_determinant_of_a_negative_determinant_is_refused_naming_it() -> None:
    """torch.logdet of a matrix whose determinant is negative is NaN: exit 2, not a ✓."""
    text = _linalg_text('loss = "torch.logdet(Am - 2 * Kx) + torch.det(Bs)"')
    for lang in ("en", "zh"):
        with pytest.raises(DeriveError) as err:
            numeric.verify(derive(spec_mod.parse(text, "logdet")), points=1)
        assert err.value.exit_code == 2
        said = catalog.localized(err.value, lang)
        assert "log" in said and "-12.667" in said, said


# a MultivariateNormal's precision matrix, and a covariance given as an expression
_MVN_NET = """
[dims]
M = 4
[inputs]
Xq = ["M", 2]
Zq = ["M", 2]
[params]
Wd = [2, 2]
Lf = [2, 2]
Pr = [2, 2]
pv = [2]
[forward]
mu = "Xq @ Wd"
loss = "{loss} + 0.01 * ((Lf * Lf).sum() + (Pr * Pr).sum() + (pv * pv).sum())"
[values]
Wd = [[0.6, -0.2], [0.3, 0.9]]
Lf = [[1.1, 0.0], [0.35, 0.7]]
Pr = [[1.4, -0.3], [-0.3, 0.9]]
pv = [0.8, 1.7]
"""

_MVNS = [
    "-torch.distributions.MultivariateNormal(mu, precision_matrix=Pr).log_prob(Zq).mean()",
    "-D.MultivariateNormal(loc=mu, precision_matrix=torch.diag(pv ** 2)).log_prob(Zq).sum()",
    "D.MultivariateNormal(mu, precision_matrix=Pr).entropy().sum() + torch.sum(Lf)",
    "-D.MultivariateNormal(mu, covariance_matrix=Lf @ Lf.T + 0.1 * torch.eye(2)).log_prob(Zq)"
    ".mean()",
    "-D.MultivariateNormal(mu, Lf @ Lf.T + Pr @ Pr.T).log_prob(Zq).mean() - "
    "D.MultivariateNormal(mu, precision_matrix=Pr.T @ Pr).entropy().mean()",
]


@pytest.mark.parametrize("loss", _MVNS)
def test_multivariate_normal_precision_and_expressions_agree_with_pytorch(loss: str) -> None:
    text = _MVN_NET.format(loss=loss)
    out = oracle_text(text, "mvn23", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(_derived(text), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


_STEPS = [
    # floor/ceil/trunc as the straight-through estimator's forward (round's rule), and on data
    'Q = "Hh + (torch.floor(Hh * 4) / 4 - Hh).detach()"\nloss = "torch.sum((Q - Tg) ** 2)"',
    'Q = "Hh + (torch.ceil(Hh * 2.5) / 2.5 - Hh).detach()"\nloss = "torch.sum(Q * Tg) + '
    'torch.sum(torch.trunc(Xs * 2.1))"',
    'loss = "np.sum(Hh * np.floor(Tg * 3)) + np.sum(np.ceil(Xs) * np.trunc(Xs * 1.7))"',
    # frac: x − trunc(x), gradient 1 as PyTorch's
    'loss = "torch.sum(torch.frac(Hh * 3) * Tg)"',
    'loss = "torch.sum((Hh * 2.5 - 0.3).frac() ** 2)"',
]


@pytest.mark.parametrize("lines", _STEPS)
def test_step_functions_agree_with_pytorch(lines: str) -> None:
    _agree_and_verify(lines)


@pytest.mark.parametrize("f", ["floor", "ceil", "trunc"])
def test_a_step_function_where_a_gradient_flows_is_refused_naming_it(f: str) -> None:
    """PyTorch's gradient through floor/ceil/trunc is 0 everywhere: as round, refused where a
    gradient would flow through it, naming the function and the straight-through form."""
    lines = f'loss = "torch.sum(torch.{f}(Hh * 3) * Hh)"'
    en, zh = _refused(lines, "en"), _refused(lines, "zh")
    assert f"{f}() is a step function" in en and f"torch.{f}(x)" in en, en
    assert f"{f}() 是阶梯函数" in zh, zh


def test_a_step_function_given_a_value_at_a_jump_is_refused_naming_it() -> None:
    """Hh·3 is a whole number at entry [4, 0] exactly (float64 lands beside it): ceil's jump,
    where float64 PyTorch and the exact value part ways — exit 2 naming the entry."""
    lines = 'Q = "Hh + (torch.ceil(Hh * 3) / 3 - Hh).detach()"\nloss = "torch.sum(Q * Tg)"'
    en, zh = _refused(lines, "en"), _refused(lines, "zh")
    assert "ceil" in en and "[4, 0]" in en, en
    assert "ceil" in zh and "[4, 0]" in zh and zh != en, zh
