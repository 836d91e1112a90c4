"""Round 26 (branch spellings26), issue 9: functions and spellings courses use, each read as its
library computes it.

1. ``atan2(y, x)`` (``torch.atan2``, ``np.arctan2``, ``tf.math.atan2``, ``jnp.arctan2``, the
   method ``y.atan2(x)``) is one row of the operation table, a function of two tensors broadcast
   as ``y + x`` with both partial derivatives x/(x² + y²) and −y/(x² + y²) — it was a half-angle
   formula with indicators (spellings25), correct but several times longer in the walkthrough.
   The origin is refused naming the entry (en/zh); on the negative x axis, where the value
   jumps by 2π, finite differences are not used.
2. The functions found unknown in pass 24: the trapezoid rule (``np.trapz``/``np.trapezoid``,
   ``torch.trapezoid``/``torch.trapz``, ``dx=`` or ``x=``), ``torch.var_mean(…)[k]``,
   ``np.take_along_axis`` with class indices, ``F.pdist`` (a 1-D row of the n(n − 1)/2
   distances), ``arange(K + 1)``, ``diag(v)`` of a vector whose length an expression gives;
   ``F.local_response_norm`` (3-D input only in PyTorch) and the other forms are refused in one
   line, en and zh.

Every spec's own text runs in PyTorch float64 (tests/spelled_oracle.py, which learned
np.trapz/trapezoid, np.diagonal, np.take_along_axis and NumPy's arctan2 keywords) and must agree
with derive's reading at held-out names, sizes and values; ``derive verify`` must pass against
PyTorch and finite differences."""

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


@functools.lru_cache(maxsize=None)
def _derived(text: str):
    return derive(spec_mod.parse(text, "spellings26"))


def _agrees_and_verifies(text: str) -> None:
    """The spec's own text run in PyTorch agrees with derive's reading; derive verify passes."""
    out = oracle_text(text, "spellings26", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(_derived(text), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def _refusal(text: str) -> tuple[str, str]:
    """The exit-2 message of deriving ``text``, in English and in Chinese."""
    with pytest.raises(DeriveError) as err:
        derive(spec_mod.parse(text, "refused"))
    assert err.value.exit_code == 2
    return catalog.localized(err.value, "en"), catalog.localized(err.value, "zh")


# ---- 1. atan2 as one row ----------------------------------------------------------------------

_PLANE = """
[dims]
M = 3
J = 2
[inputs]
pq = ["M", "J"]
{extra_input}
[params]
Wr = ["J", "J"]
{extra_param}
[forward]
{lines}
[values]
pq = [[0.4, -1.1], [1.5, 0.0], [-0.9, 0.8]]
Wr = [[0.7, -0.2], [0.3, 0.9]]
{extra_values}
"""


def _plane(lines: str, extra_input="", extra_param="", extra_values="") -> str:
    return _PLANE.format(
        lines=lines, extra_input=extra_input, extra_param=extra_param, extra_values=extra_values
    )


_ROW = ('rb = [1, "J"]', "rb = [[0.5, -0.4]]")
_COL = ('cb = ["M", 1]', "cb = [[0.3], [-0.6], [1.2]]")


@pytest.mark.parametrize(
    "lines, param",
    [
        ('loss = "torch.sum(torch.atan2(pq @ Wr, rb) * pq)"', _ROW),  # a row broadcast as x
        ('loss = "np.sum(np.arctan2(cb, pq @ Wr) ** 2)"', _COL),  # a column broadcast as y
        ('t = "torch.atan2(input=pq @ Wr, other=cb)"\nloss = "(t * t).mean()"', _COL),
        ('t = "np.arctan2(x1=cb, x2=pq @ Wr)"\nloss = "t.sum()"', _COL),
        ('t = "tf.math.atan2(y=pq @ Wr, x=rb * 2.0)"\nloss = "tf.reduce_mean(t ** 2)"', _ROW),
        ('t = "jnp.arctan2(jnp.arctan2(pq @ Wr, rb), 0.7)"\nloss = "jnp.sum(t * pq)"', _ROW),
        ('z = "pq @ Wr"\nt = "z.atan2(rb)"\nloss = "(t * pq).sum()"', _ROW),  # the method
        ('h = "torch.tanh(pq @ Wr)"\nt = "torch.atan2(h[:, 0:1], h[:, 1:2])"\n'
         'loss = "torch.mean((t - cb) ** 2)"', _COL),
    ],
)
def test_atan2_row_agrees_with_the_library(lines: str, param: tuple[str, str]) -> None:
    _agrees_and_verifies(_plane(lines, extra_param=param[0], extra_values=param[1]))


def test_atan2_of_two_parameters_without_values() -> None:
    """Random example values (no [values] for the parameters) keep away from the origin and
    from the negative x axis; the gradient reaches both arguments."""
    text = _plane(
        'loss = "torch.sum(torch.atan2(rb, cb) * 1.5) + torch.sum(pq @ Wr)"',
        extra_param=f"{_ROW[0]}\n{_COL[0]}",
    )
    _agrees_and_verifies(text)


def test_atan2_is_one_call_in_the_matrix_form_and_code() -> None:
    """The forward formula is atan2(y, x) itself, not a half-angle formula with indicators;
    each argument's pull is its partial derivative (x/(x² + y²), −y/(x² + y²))."""
    text = _plane(
        'z = "pq @ Wr"\nt = "torch.atan2(z, rb)"\nloss = "torch.sum(t * pq)"',
        extra_param=_ROW[0],
        extra_values=_ROW[1],
    )
    d = _derived(text)
    t = next(n for n in d.graph.nodes if n.name == "t")
    assert t.forward.tex() == r"\operatorname{atan2}\left(z, \mathrm{rb}\right)"
    assert t.forward.code() == "np.arctan2(z, rb)"
    assert "mathbf{1}" not in t.forward.tex() and "arctan" not in t.forward.tex()
    dz = d.gradient("z").formula.code()
    assert dz == "dt * rb / (rb ** 2 + z ** 2)", dz
    drb = d.gradient("rb").formula.code()
    assert drb == "(-dt * z / (rb ** 2 + z ** 2)).sum(axis=0, keepdims=True)", drb


def test_atan2_on_the_negative_x_axis_is_pytorchs() -> None:
    """y exactly 0 with x < 0 (the value jumps from π to −π across it): PyTorch's value π and
    its gradient; finite differences, which straddle the jump, are not used there."""
    text = _plane(
        'loss = "torch.sum(torch.atan2(pq @ Wr, cb) * pq)"',
        extra_param=_COL[0],
        extra_values=_COL[1],
    ).replace("Wr = [[0.7, -0.2], [0.3, 0.9]]", "Wr = [[0.0, -0.2], [0.3, 0.9]]")
    _agrees_and_verifies(text)  # pq[1] = [1.5, 0]: (pq @ Wr)[1, 0] = 0, cb[1] = -0.6


def test_atan2_at_the_origin_is_refused_naming_the_entry() -> None:
    text = _plane('loss = "np.sum(np.arctan2(pq[:, 1:2] * 2.0, pq[:, 1:2] - rb[:, 0:1]) * (pq @ Wr))"',
                  extra_param=_ROW[0], extra_values="rb = [[0.0, 1.0]]")
    en, zh = _refusal(text)
    assert "atan2 of y = 0.0, x = 0.0 at entry [1, 0]" in en, en
    assert "no derivative where y = x = 0" in en, en
    assert "atan2 的参数为 y = 0.0, x = 0.0" in zh and "不可导" in zh, zh


def test_the_oracle_is_not_blind_to_swapped_atan2_arguments() -> None:
    text = _plane('loss = "torch.sum(torch.atan2(pq @ Wr, rb) * pq)"', extra_param=_ROW[0],
                  extra_values=_ROW[1])
    other = text.replace("torch.atan2(pq @ Wr, rb)", "torch.atan2(rb, pq @ Wr)")
    assert oracle_text(text, "blind", run=other).status == "DISAGREE"


# ---- 2. the functions found unknown in pass 24 ------------------------------------------------

_NET = """
[dims]
B = 5
F = 3
[inputs]
xb = ["B", "F"]
{inputs}
[params]
Wb = ["F", "F"]
{params}
[forward]
{lines}
[values]
xb = [[0.4, -1.1, 0.7], [1.5, 0.2, -0.3], [-0.9, 0.8, 0.1], [0.3, 0.6, -1.2], [0.05, -0.4, 0.9]]
Wb = [[0.7, -0.2, 0.1], [0.3, 0.9, -0.5], [0.2, 0.4, 0.6]]
{values}
"""


def _net(lines: str, inputs="", params="", values="") -> str:
    return _NET.format(lines=lines, inputs=inputs, params=params, values=values)


_TB = ('tb = ["B"]', "tb = [0.0, 0.25, 0.75, 1.0, 2.0]")  # sample points along the batch
_TF = ('tf3 = ["F"]', "tf3 = [0.0, 0.5, 1.5]")  # … and along the features
_ROWB = ('rw = ["B"]', "rw = [0.5, -1.0, 2.0, 0.3, 1.1]")


@pytest.mark.parametrize(
    "lines, extra",
    [
        ('h = "torch.tanh(xb @ Wb)"\nloss = "torch.trapezoid(h, dx=0.5).sum()"', None),
        ('h = "np.tanh(xb @ Wb)"\nloss = "np.sum(np.trapz(h, dx=0.1, axis=0) ** 2)"', None),
        # NumPy's 1-D result along axis 1 broadcasts as a row: orientation matters here
        ('h = "np.tanh(xb @ Wb)"\nloss = "np.sum(np.trapezoid(h, axis=1) * rw)"', _ROWB),
        ('h = "torch.tanh(xb @ Wb)"\nloss = "torch.trapezoid(h, x=xb, dim=1).sum()"', None),
        ('h = "torch.tanh(xb @ Wb)"\nloss = "torch.trapz(h, xb @ Wb, dim=0).pow(2).sum()"', None),
        ('h = "np.tanh(xb @ Wb)"\nloss = "np.sum(np.trapz(h, tf3) * rw)"', (_TF, _ROWB)),
        # a 1-D x along axis 0: laid along the rows (NumPy reshapes it), a row of F results
        ('h = "np.tanh(xb @ Wb)"\nloss = "np.sum((np.trapz(h, tb, axis=0) * h) ** 2)"', _TB),
        ('h = "np.tanh(xb @ Wb)"\nloss = "np.sum(np.trapz(h, xb, 0.5))"', None),  # x wins
        ('v = "np.exp(-rw * tb)"\nloss = "np.trapz(v, tb) ** 2 + np.sum(xb @ Wb)"', (_TB, _ROWB)),
    ],
)
def test_the_trapezoid_rule_agrees_with_the_library(lines: str, extra) -> None:
    pairs = [] if extra is None else [extra] if isinstance(extra[0], str) else list(extra)
    inputs = "\n".join(p[0] for p in pairs if p is not _ROWB)
    params = "\n".join(p[0] for p in pairs if p is _ROWB)
    values = "\n".join(p[1] for p in pairs)
    _agrees_and_verifies(_net(lines, inputs, params, values))


@pytest.mark.parametrize(
    "line, en_words, zh_words",
    [
        ('loss = "np.sum(np.trapz(xb @ Wb, dx=0.1, axis=2))"', "axis 0 or 1", "第 0 或第 1 轴"),
        ('loss = "torch.trapezoid(xb @ Wb, xb, dx=0.5).sum()"', "not both", "不能同时给出"),
    ],
)
def test_the_trapezoid_rule_refuses_what_it_does_not_read(line, en_words, zh_words) -> None:
    en, zh = _refusal(_net(line))
    assert en_words in en and zh_words in zh, (en, zh)


@pytest.mark.parametrize(
    "lines",
    [
        'h = "torch.tanh(xb @ Wb)"\nloss = "(torch.var_mean(h, dim=0)[0] * torch.var_mean(h, 0)[1]).sum()"',
        'h = "torch.tanh(xb @ Wb)"\nloss = "(xb.T * torch.std_mean(h, 1, correction=0)[0]).sum()"',
        'h = "torch.tanh(xb @ Wb)"\n"v, m" = "torch.var_mean(h, dim=1, keepdim=True)"\n'
        'loss = "((h - m) / torch.sqrt(v + 1e-5)).pow(2).mean()"',
    ],
)
def test_var_mean_agrees_with_pytorch(lines: str) -> None:
    _agrees_and_verifies(_net(lines))


def test_a_var_mean_line_not_unpacked_is_refused_saying_how() -> None:
    en, zh = _refusal(_net('vm = "torch.var_mean(xb @ Wb, dim=0)"\nloss = "(vm[0] * vm[1]).sum()"'))
    assert "returns a pair" in en and '"v, m" =' in en and "[1] (the mean)" in en, en
    assert "返回一对结果" in zh, zh


_LABELS = ('lab = ["B"]', "lab = [2, 0, 1, 1, 2]")


@pytest.mark.parametrize(
    "lines",
    [
        'lp = "torch.log_softmax(xb @ Wb, dim=1)"\n'
        'loss = "-np.take_along_axis(lp, lab[:, None], axis=1).mean()"',
        'z = "xb @ Wb"\np = "np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)"\n'
        'loss = "-np.mean(np.log(np.take_along_axis(p, np.expand_dims(lab, axis=1), axis=-1)) * xb[:, 0:1])"',
        's = "xb @ Wb"\nloss = "(torch.logsumexp(s, dim=1, keepdim=True) - '
        'torch.take_along_dim(s, lab.view(-1, 1), dim=1)).mean()"',
    ],
)
def test_take_along_axis_by_class_labels_agrees_with_the_library(lines: str) -> None:
    _agrees_and_verifies(_net(lines, inputs=_LABELS[0], values=_LABELS[1]))


def test_take_along_axis_along_another_axis_is_refused() -> None:
    text = _net('loss = "np.take_along_axis(xb @ Wb, lab[:, None], axis=0).sum()"',
                inputs=_LABELS[0], values=_LABELS[1])
    en, zh = _refusal(text)
    assert "take_along_axis() is read as the pick of each row's entry at its class label" in en
    assert "take_along_axis() 按" in zh, zh


_PAIRS = ('wp = [10]', "wp = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]")  # 5·4/2


@pytest.mark.parametrize(
    "lines, param",
    [
        ('loss = "torch.nn.functional.pdist(xb @ Wb).sum()"', None),
        ('h = "torch.tanh(xb @ Wb)"\nd = "F.pdist(h, p=1)"\nloss = "(d * d).mean()"', None),
        ('h = "xb @ Wb"\nloss = "torch.exp(-torch.pdist(h[:, 0:2])).sum()"', None),
        ('loss = "(F.pdist(xb @ Wb) * wp).sum()"', _PAIRS),  # the order of the pairs matters
    ],
)
def test_pdist_agrees_with_pytorch(lines: str, param) -> None:
    params, values = param if param else ("", "")
    _agrees_and_verifies(_net(lines, params=params, values=values))


def test_pdist_of_two_equal_rows_has_pytorchs_zero_gradient() -> None:
    """A zero distance (rows 0 and 1 equal; the rows named on a line, whose float64 values are
    exact): PyTorch's gradient 0 for that pair (sqrt0's, as the norm's)."""
    lines = 'h = "xb @ Wb"\nloss = "(F.pdist(h) * wp).sum()"'
    text = _net(lines, params=_PAIRS[0], values=_PAIRS[1])
    text = text.replace("[1.5, 0.2, -0.3]", "[0.4, -1.1, 0.7]")  # rows 0 and 1 equal
    _agrees_and_verifies(text)


@pytest.mark.parametrize(
    "line, en_words, zh_words",
    [
        ('loss = "F.pdist(xb @ Wb, p=3).sum()"', "p = 2 (the default) and p = 1", "p = 1"),
        ('loss = "F.local_response_norm(xb @ Wb, 2).sum()"', "3-D or 4-D input", "3 维或 4 维"),
    ],
)
def test_pdist_and_local_response_norm_refusals(line, en_words, zh_words) -> None:
    en, zh = _refusal(_net(line))
    assert en_words in en and zh_words in zh, (en, zh)


@pytest.mark.parametrize(
    "lines",
    [
        'h = "xb @ Wb"\nr = "np.arange(F + 1)"\nloss = "np.sum(h * r[1:])"',  # a ramp line alone
        'h = "torch.tanh(xb @ Wb)"\nloss = "(h * torch.arange(1, F + 1)).sum() + '
        '(h[:, 0:2] * torch.arange(2 * F - 4)).sum()"',
        'h = "np.tanh(xb @ Wb)"\nloss = "np.sum(h * np.arange(xb.shape[1] - 1 + 1))"',
    ],
)
def test_arange_of_a_size_expression_agrees_with_the_library(lines: str) -> None:
    _agrees_and_verifies(_net(lines))


def test_an_arange_line_read_as_class_labels_keeps_its_integers() -> None:
    """An arange whose name a loss reads as class indices stays integers (heldnets25's rule):
    F.nll_loss(logp, labels) agrees with PyTorch's integer class indices."""
    lines = ('labels = "torch.arange(F)"\nlp = "torch.log_softmax(xb[0:3] @ Wb, dim=1)"\n'
             'loss = "F.nll_loss(lp, labels)"')
    out = oracle_text(_net(lines), "labels", 1e-9)
    assert out.status in ("agree", "derive-error"), out  # never a wrong float reading
    if out.status == "derive-error":
        assert "arange" in out.reason


@pytest.mark.parametrize(
    "lines",
    [
        'loss = "torch.diag(torch.exp(torch.diagonal(Wb))).sum() + (xb @ Wb).pow(2).mean()"',
        'L = "torch.tril(Wb, -1) + torch.diag(torch.exp(torch.diagonal(Wb)))"\n'
        'loss = "((xb @ L) ** 2).sum()"',
        'loss = "np.sum((np.diag(np.log1p(np.diagonal(Wb) ** 2)) + Wb) @ xb.T)"',
        'loss = "np.sum((xb @ (np.diag(np.log1p(np.sum(Wb * Wb, axis=0))) - Wb)) ** 2)"',
        'L = "torch.tril(Wb, -1) + torch.diag(F.softplus(Wb.diagonal()) + 0.1)"\n'
        'loss = "((xb @ L) ** 2).sum()"',
    ],
)
def test_diag_of_a_vector_of_expression_length_agrees(lines: str) -> None:
    _agrees_and_verifies(_net(lines))
