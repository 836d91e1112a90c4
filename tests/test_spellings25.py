"""Round 25 (branch spellings25), issue 9's leftovers of passes 23–24, each read as its library
defines it:

1. A flip/roll/cumsum/cumprod/logcumsumexp/glu/prod (and group_norm/corrcoef/kron) of an
   expression (DeepSurv's
   ``torch.logcumsumexp(risk.flip(0), 0).flip(0)``) was read by slices of the expression, written
   again for every entry (a handout too long for KaTeX): the expression is now a line of its own
   (``<line>_arg``), read once.
2. NumPy's stepped slice (``r[::-1]``, ``x[:, ::-1]``, ``x[::2]``, ``x[3:0:-2]``): the entries
   Python's slice picks, in its order (a reversal is the flip); what is not read says so.

Every spec's own text runs in PyTorch float64 (tests/spelled_oracle.py, which learned NumPy's
negative steps) and must agree with derive's reading at held-out names, sizes and values;
``derive verify`` must pass against PyTorch and finite differences; what is not read is exit 2
naming the form, in English and Chinese."""

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

# held-out names and sizes: 5 patients (an odd count: a step of 2 picks 3), 3 features
_COX = """
[dims]
M = 5
F = 3
[inputs]
xs = ["M", "F"]
ev = ["M", 1]
[params]
Wf = ["F", 2]
vf = [2, 1]
[forward]
hz = "torch.selu(xs @ Wf) @ vf"
{lines}
[values]
ev = [[1.0], [0.0], [1.0], [1.0], [0.0]]
xs = [[0.3, -1.2, 0.5], [1.1, 0.4, -0.7], [-0.6, 0.9, 0.2], [0.05, -0.3, 1.4], [0.8, 0.6, -0.2]]
"""


@functools.lru_cache(maxsize=None)
def _derived(text: str):
    return derive(spec_mod.parse(text, "spellings25"))


def _agree_and_verify(lines: str) -> None:
    _text_agrees_and_verifies(_COX.format(lines=lines))


def _text_agrees_and_verifies(text: str) -> None:
    """The spec's own text run in PyTorch agrees with derive's reading; derive verify passes."""
    out = oracle_text(text, "spellings25", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(_derived(text), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def _refused(lines: str, lang: str) -> str:
    """The exit-2 message of reading ``lines`` in the net, in ``lang``."""
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_COX.format(lines=_with_hz(lines)), "refused")
    assert err.value.exit_code == 2
    return catalog.localized(err.value, lang)


_COX_LOSS = 'loss = "-((hz - ls) * ev).sum() / ev.sum()"'
_ENTRYWISE = [
    'ls = "torch.logcumsumexp(hz.flip(0), dim=0).flip(0)"\n' + _COX_LOSS,
    'ls = "tf.math.cumulative_logsumexp(hz * 2.0 - 0.5, axis=0, reverse=True)"\n' + _COX_LOSS,
    'ls = "torch.log(torch.flip(torch.cumsum(torch.exp(hz + 1.0), 0), dims=[0]))"\n' + _COX_LOSS,
    'loss = "(torch.cumsum(torch.sigmoid(xs @ Wf), dim=0).flip(0) * xs[:, 0:2]).sum()"',
    'loss = "np.sum(np.roll(np.tanh(xs @ Wf), 2, axis=0) * xs[:, 1:3])"',
    'loss = "torch.sum(torch.cumprod(torch.sigmoid(xs @ Wf - 0.3), 1) ** 2)"',
    'loss = "torch.sum(F.glu(torch.cat([xs @ Wf, hz * xs[:, 0:2]], 1), dim=1) ** 2)"',
    'loss = "torch.sum(torch.prod(torch.sigmoid(xs @ Wf), 1, keepdim=True))"',
    'loss = "np.sum(np.fliplr(np.cumsum(xs @ Wf + hz, axis=1)) * xs[:, 0:2])"',
    # a stop-gradient inside stays with its line (read as before)
    'loss = "torch.sum(torch.cumsum(torch.sigmoid(xs @ Wf).detach() * (xs @ Wf), 0).flip(0) * xs[:, 0:2])"',
    # read block by block too: a group norm's groups, corrcoef's rows, a Kronecker product
    'loss = "torch.sum(F.group_norm(torch.cat([xs @ Wf, torch.tanh(xs[:, 0:2])], 1), 2) * xs[:, 0:1])"',
    'loss = "torch.sum(torch.corrcoef(torch.sigmoid(xs @ Wf).T) ** 2)"',
    'loss = "torch.sum(torch.kron(torch.sigmoid(xs[0:2, :] @ Wf), Wf[0:1, :] * 2.0) ** 2)"',
]

# NumPy's stepped slices (read as the entries they pick) of names and expressions
_STEPPED = [
    'ls = "np.log(np.cumsum(np.exp(hz)[::-1], axis=0)[::-1])"\n' + _COX_LOSS,
    'ls = "hz[::-1]"\n' + _COX_LOSS,
    'loss = "np.sum((xs @ Wf)[::-1, :] * xs[:, 0:2])"',
    'loss = "np.sum(np.tanh(xs @ Wf)[:, ::-1] * xs[:, 1:3])"',
    'loss = "np.sum(np.tanh(xs[::2] @ Wf) ** 2)"',
    'loss = "np.sum(np.sin(xs @ Wf)[3:0:-2, 0:1] * hz[1:3])"',
    'loss = "np.sum(np.sin(Wf[::-1, ::-1] @ xs[1:3, 0:2]) ** 2) + np.sum(hz[1::2] ** 3)"',
    'sv = "np.sum(xs @ Wf, axis=1)"\nloss = "np.sum(sv[::-1] * sv) + np.sum(sv[::2] ** 2)"',
]


def _with_hz(lines: str) -> str:
    """``lines`` with the loss reading ``hz`` too (every line must feed the loss)."""
    return lines if "hz" in lines else lines[:-1] + ' + (hz * ev).sum()"'


@pytest.mark.parametrize("lines", [*_ENTRYWISE, *_STEPPED])
def test_spelling_agrees_with_the_library_running_the_text(lines: str) -> None:
    _agree_and_verify(_with_hz(lines))


def _calls(node: object, name: str) -> int:
    """How many times the parsed forward node calls ``name``."""
    return repr(node).count(f"'{name}'")


@pytest.mark.parametrize(
    "lines, inner",
    [
        ('loss = "(torch.cumsum(torch.sigmoid(xs @ Wf), dim=0).flip(0) * xs[:, 0:2]).sum()"', "sigmoid"),
        ('ls = "torch.logcumsumexp(torch.tanh(hz).flip(0), dim=0).flip(0)"\n' + _COX_LOSS, "tanh"),
        ('loss = "np.sum(np.sin(xs @ Wf)[::-1, :] ** 2)"', "sin"),
        ('loss = "torch.sum(F.group_norm(torch.sigmoid(torch.cat([xs @ Wf, xs[:, 0:2]], 1)), 2))"',
         "sigmoid"),
    ],
)
def test_an_expression_read_entry_by_entry_is_written_once(lines: str, inner: str) -> None:
    """The expression a flip/running sum/stepped slice reads is a line of its own (named after
    the user's line) and computed once in all the forward lines, not once per entry (5 here)."""
    spec = spec_mod.parse(_COX.format(lines=_with_hz(lines)), "spellings25")
    total = sum(_calls(node, inner) for _, node in spec.forward)
    assert total == 1, [(k, _calls(n, inner)) for k, n in spec.forward]
    user = lines.split(" = ")[0]
    assert any(k.startswith(f"{user}_arg") for k, _ in spec.forward), [k for k, _ in spec.forward]


@pytest.mark.parametrize("lang, words", [("en", "a slice with a step"), ("zh", "带步长的切片")])
@pytest.mark.parametrize(
    "loss",
    [
        'loss = "np.sum(np.sum(xs, axis=1)[::-1] * 2.0)"',  # a 1-D expression
        'loss = "np.sum((xs @ Wf)[::0])"',  # a step of 0
        'loss = "np.sum((xs @ Wf)[::F])"',  # a step by a size name
    ],
)
def test_a_step_not_read_is_refused_naming_the_spelling(loss: str, lang: str, words: str) -> None:
    msg = _refused(loss, lang)  # naming the spelling and what to write instead
    assert words in msg and "::" in msg and "np.flip(x, axis=0)" in msg, msg


# 3. atan2 across the y axis: exact zeros in x (y ≠ 0 there) and in y (x on both sides)
_PLANE = """
[dims]
P = 3
[inputs]
px = ["P", 2]
[params]
Wp = [2, 2]
[forward]
{lines}
[values]
px = [[0.0, 1.3], [-0.8, 0.0], [0.6, -0.4]]
Wp = [[0.7, -0.2], [0.3, 0.9]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'loss = "torch.sum(torch.atan2(px @ Wp + 0.5, px) * px)"',  # x exactly 0 at (0, 0), (1, 1)
        'loss = "np.sum(np.arctan2(px, px @ Wp - 0.2) ** 2)"',  # y 0 with x 0.19 and −0.04
        'ang = "tf.math.atan2(px @ Wp + 0.5, px * 2.0)"\nloss = "tf.reduce_sum(tf.math.tanh(ang) + ang * px)"',
    ],
)
def test_atan2_on_the_axes_is_the_librarys(lines: str) -> None:
    _text_agrees_and_verifies(_PLANE.format(lines=lines))


# 4. Keras' hinge/squared_hinge: labels turned into ±1 only when every one is 0 or 1
_HINGE = """
[dims]
B = 4
C = 2
[inputs]
xb = ["B", 3]
yb = ["B", "C"]
[params]
Wh = [3, "C"]
[forward]
zh = "xb @ Wh"
{line}
[values]
xb = [[0.4, -1.1, 0.7], [1.5, 0.2, -0.3], [-0.9, 0.8, 0.1], [0.3, 0.6, -1.2]]
yb = {labels}
"""
_BINARY = "[[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]"
_SIGNS = "[[-1.0, 1.0], [1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]]"
_MIXED = "[[0.0, 1.0], [1.0, 0.0], [0.5, 1.0], [0.0, 0.0]]"  # not all 0/1: used as given


@pytest.mark.parametrize(
    "labels, line",
    [
        (_BINARY, 'loss = "tf.reduce_mean(tf.keras.losses.hinge(yb, zh))"'),
        (_SIGNS, 'loss = "tf.reduce_mean(tf.keras.losses.hinge(yb, zh))"'),
        (_MIXED, 'loss = "tf.reduce_sum(keras.losses.hinge(yb, zh))"'),
        (_BINARY, 'loss = "tf.reduce_mean(tf.losses.squared_hinge(yb, zh))"'),
        (_MIXED, 'loss = "tf.reduce_sum(tf.keras.losses.squared_hinge(yb, zh * 0.5))"'),
        (_BINARY, 'loss = "tf.keras.losses.Hinge()(yb, zh)"'),
        (_SIGNS, 'loss = "keras.losses.SquaredHinge(reduction=\\"sum\\")(yb, zh)"'),
    ],
)
def test_keras_hinge_decides_the_labels_as_keras(labels: str, line: str) -> None:
    _text_agrees_and_verifies(_HINGE.format(line=line, labels=labels))


@pytest.mark.parametrize("lang, words", [("en", "every label is 0 or 1"), ("zh", "所有标签都是 0 或 1")])
@pytest.mark.parametrize(
    "line",
    [
        'loss = "tf.reduce_mean(tf.keras.losses.hinge(yb * 1.0 + 0.0 * zh, zh))"',  # an expression
        'loss = "tf.keras.losses.SquaredHinge()(yb, zh)"',  # labels without [values] (below)
    ],
)
def test_keras_hinge_without_given_labels_is_refused(line: str, lang: str, words: str) -> None:
    text = _HINGE.format(line=line, labels=_BINARY).replace("yb = [[0.0", "# yb = [[0.0")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "refused")
    assert err.value.exit_code == 2
    msg = catalog.localized(err.value, lang)
    assert words in msg and "hinge" in msg, msg
