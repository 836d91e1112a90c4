"""Round 24 (branch spellings24), issue 9's leftovers of passes 22–23, each read as its library
defines it:

1. ``sinc`` (``torch.sinc``/``np.sinc``) and ``i0`` (``torch.special.i0``/``np.i0``, derivative
   ``torch.special.i1``) as op rows of their own: sinc 0 = 1 with derivative 0 there (PyTorch's
   value and autograd), where the quotient sin(πx)/(πx) was refused as a division by 0;
   ``torch.special.i0e`` = e^{−|x|}·I₀(x).
2. ``torch.stack``/``np.stack``/``jnp.stack`` of rows or columns of matrices (``Z[:, 0]``), and
   a slice of an expression inside a join, read with their sizes (were "name the expression on
   a line first").
3. A step function's input on a jump inside ``.detach()`` is refused naming the user's own line
   (not derive's ``<name>_detached``); round's jumps are the halves.
4. Keras' per-example losses not read before (``tf.keras.losses``/``keras.losses``/``tf.losses``:
   ``log_cosh``, ``kl_divergence``, ``poisson``, ``cosine_similarity``, ``categorical_hinge``,
   ``mean_absolute_percentage_error``, ``mean_squared_logarithmic_error`` with their aliases, and
   the classes ``LogCosh`` … called at once) with Keras' clipping (ε = 1e-7) and reductions.

Every spec's own text runs in PyTorch float64 (tests/spelled_oracle.py) and must agree with
derive's reading at held-out names, sizes and values; ``derive verify`` must pass against PyTorch
and finite differences; what is not read is exit 2 naming the form, in English and Chinese."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from spelled_oracle import oracle_text

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec as spec_mod
from derive.locale import catalog
from derive.numeric import fuzz
from derive.numeric import verify as numeric
from derive.numeric.example import Example

torch = pytest.importorskip("torch")

# held-out names and sizes: a 4 × 3 batch with exact zeros (sinc's and i0's 0), a 3 × 3 weight
_NET = """
[dims]
B = 4
C = 3
[inputs]
Xb = ["B", "C"]
Yt = ["B", "C"]
[params]
Wq = ["C", "C"]
[forward]
{lines}
[values]
Xb = [[0.0, -0.7, 1.1], [0.9, 0.0, -0.4], [-1.2, 0.5, 0.6], [0.1, 0.8, -0.9]]
Yt = [[0.2, 0.5, 0.3], [0.6, 0.1, 0.3], [0.0, 0.0, 1.0], [0.25, 0.25, 0.5]]
Wq = [[1.0, -0.3, 0.2], [0.0, 0.5, -0.6], [0.0, 0.3, 0.7]]
"""


@functools.lru_cache(maxsize=None)
def _derived(text: str):
    return derive(spec_mod.parse(text, "spellings24"))


def _agree_and_verify(lines: str) -> None:
    text = _NET.format(lines=lines)
    out = oracle_text(text, "spellings24", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    report = numeric.verify(_derived(text), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def _refused(lines: str, lang: str) -> str:
    """The exit-2 message of deriving ``lines`` in the net, in ``lang``."""
    with pytest.raises(DeriveError) as err:
        numeric.verify(derive(spec_mod.parse(_NET.format(lines=lines), "refused")), points=1)
    assert err.value.exit_code == 2
    return catalog.localized(err.value, lang)


# Xb @ Wq has exact zeros in its first column (Xb[0, 0] = 0 and Wq's first column e₁)
_SINC_BESSEL = [
    'Zz = "Xb @ Wq"\nloss = "torch.sum(torch.sinc(Zz) * Yt)"',
    'Zz = "Xb @ Wq"\nloss = "np.sum(np.sinc(Zz) ** 2) + np.sum(np.sinc(Xb) * Zz)"',
    'Zz = "Xb @ Wq"\nloss = "torch.sum(Zz.sinc() * torch.tanh(Zz))"',
    'Zz = "Xb @ Wq"\nloss = "torch.sum(torch.special.i0(Zz) * Yt)"',
    'Zz = "Xb @ Wq"\nloss = "np.sum(np.i0(Zz) - np.i0(Xb) * Zz)"',
    'Zz = "Xb @ Wq"\nloss = "torch.sum(torch.special.i0e(Zz + 0.25) * Yt)"',
    'Zz = "Xb @ Wq"\nloss = "np.sum(scipy.special.i0e(Zz - 0.9) ** 2)"',
    'Zz = "Xb @ Wq"\nloss = "torch.sum(sinc(Zz) + i0(torch.sinc(Zz)))"',
]


def test_sinc_at_exactly_0_is_1_in_the_walkthrough() -> None:
    """An entry exactly 0 is no longer a division by 0: the node is sinc(Z) itself, its exact
    example value there 1 (torch.sinc's), its neighbours sin(πz)/(πz)."""
    d = _derived(_NET.format(lines='Zz = "Xb @ Wq"\nSs = "torch.sinc(Zz)"\nloss = "torch.sum(Ss * Yt)"'))
    node = next(n for n in d.graph.nodes if n.name == "Ss")
    example = Example(d)
    assert example.value(node.definition[0]) == 1  # Zz[0, 0] = 0·1 + (−0.7)·0 + 1.1·0
    at = torch.tensor(-0.7 * 0.5 + 1.1 * 0.3, dtype=torch.float64)  # Zz[0, 1] = −0.02
    assert abs(float(example.value(node.definition[1])) - float(torch.sinc(at))) < 1e-12


_PROBS = 'Zz = "Xb @ Wq"\nPp = "torch.softmax(Zz, dim=1)"\n'
_KERAS = [
    'Zz = "Xb @ Wq"\nloss = "tf.reduce_mean(tf.keras.losses.log_cosh(Yt, Zz))"',
    'Zz = "Xb @ Wq"\nloss = "tf.reduce_sum(keras.losses.logcosh(Yt, Zz))"',
    _PROBS + 'loss = "tf.reduce_mean(tf.keras.losses.kl_divergence(Yt, Pp))"',
    _PROBS + 'loss = "tf.reduce_mean(tf.keras.losses.KLD(Yt, Pp))"',
    _PROBS + 'loss = "tf.reduce_sum(tf.losses.poisson(Yt, Pp))"',
    'Zz = "Xb @ Wq"\nloss = "tf.reduce_mean(tf.keras.losses.cosine_similarity(Yt, Zz))"',
    'Zz = "Xb @ Wq"\nloss = "tf.reduce_mean(tf.keras.losses.categorical_hinge(Yt, Zz + Xb))"',
    'Zz = "Xb @ Wq"\nloss = "tf.reduce_mean(tf.keras.losses.MAPE(Yt + 1.0, Zz))"',
    _PROBS + 'loss = "tf.reduce_mean(tf.keras.losses.msle(Yt, Pp))"',
    _PROBS + 'loss = "tf.keras.losses.KLDivergence()(Yt, Pp)"',
    'Zz = "Xb @ Wq"\nloss = "tf.keras.losses.LogCosh(reduction=\\"sum\\")(Yt, Zz)"',
    'Zz = "Xb @ Wq"\nloss = "tf.keras.losses.CosineSimilarity()(Yt, Zz)"',
    _PROBS + 'loss = "tf.keras.losses.Poisson()(Yt, Pp)"',
    _PROBS + 'loss = "keras.losses.MeanSquaredLogarithmicError()(Yt, Pp)"',
    'Zz = "Xb @ Wq"\nloss = "tf.keras.losses.MeanAbsolutePercentageError()(Yt - 2.0, Zz)"',
    'Zz = "Xb @ Wq"\nloss = "tf.keras.losses.CategoricalHinge()(Yt, Zz + Xb)"',
    # PyTorch's cosine similarity keeps its own sign outside Keras' losses module
    'Zz = "Xb @ Wq"\nloss = "torch.mean(F.cosine_similarity(Yt, Zz))"',
]


@pytest.mark.parametrize("lang, words", [("en", "last axis"), ("zh", "最后一个轴")])
def test_a_keras_loss_along_another_axis_is_refused(lang: str, words: str) -> None:
    msg = _refused('Zz = "Xb @ Wq"\nloss = "tf.reduce_mean(tf.keras.losses.poisson(Yt, Zz, axis=0))"', lang)
    assert "poisson" in msg and words in msg, msg


def test_atan2_at_x_exactly_0_is_read() -> None:  # read since spellings25 (half-angle)
    _agree_and_verify('Zz = "Xb @ Wq"\nloss = "torch.sum(torch.atan2(Zz + 0.5, Xb))"')


_JOINED = [
    # a stack of columns / rows of matrices (1-D parts), read by a size-aware function after it
    'Zz = "Xb @ Wq"\nloss = "torch.sum(torch.cumsum(torch.stack([Zz[:, 0], Xb[:, 2]], dim=1), dim=1) ** 2)"',
    'Zz = "Xb @ Wq"\nloss = "np.sum(np.stack([Zz[:, -1], Xb[:, 0], Zz[:, 1]]) ** 3)"',
    'Zz = "Xb @ Wq"\nloss = "torch.sum(torch.stack((Zz[1, :], Xb[3, :]), -1) * Yt[0:3, 0:2])"',
    'Zz = "Xb @ Wq"\nloss = "jnp.sum(jnp.cumprod(jnp.stack([Zz[2, :], Zz[0, :]], axis=0), axis=1) * Yt[1:3, :])"',
    # a slice of an expression (not of a named matrix) inside a join
    'Zz = "Xb @ Wq"\nloss = "torch.sum(torch.cumsum(torch.cat([(Zz * 2)[:, 0:2], Xb], dim=1), dim=1) ** 2)"',
    _PROBS + 'loss = "torch.sum(torch.cumprod(torch.cat([torch.ones(4, 1), (1 - Pp)[:, :-1]], -1), -1) * Yt)"',
]


@pytest.mark.parametrize("lines", [*_SINC_BESSEL, *_KERAS, *_JOINED])
def test_spelling_agrees_with_the_library_running_the_text(lines: str) -> None:
    _agree_and_verify(lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_stack_of_whole_matrices_stays_refused(lang: str) -> None:
    """Stacking matrices makes a 3-D tensor: refused as before, naming concat."""
    assert "concat" in _refused('Zz = "Xb @ Wq"\nloss = "torch.sum(torch.stack([Zz, Xb]) ** 2)"', lang)


# a straight-through estimator whose step input sits on a jump: held-out names, a 2 × 3 batch
_STE = """
[dims]
N = 2
D = 3
[inputs]
Xs = ["N", "D"]
Tq = ["N", "D"]
[params]
Ws = ["D", "D"]
[forward]
Hs = "Xs @ Ws"
Qz = "Hs + ({f}(Hs * {k}) / {k} - Hs).detach()"
loss = "torch.sum(Qz * Tq)"
[values]
Xs = [[1, 0, 0], [0, 1, 0]]
Tq = [[1, 2, 3], [4, 5, 6]]
Ws = {W}
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_jump_inside_a_detach_names_the_users_own_line(lang: str) -> None:
    """0.29·100 is exactly 29 but 28.999999999999996 in float64: floor steps the other way. The
    refusal names the user's line ``Qz`` (and its .detach()), not derive's ``Hs_detached``."""
    text = _STE.format(f="np.floor", k=100, W=[[0.25, 0.29, 0.5], [0.3, 0.6, 0.125], [0.1, 0.2, 0.4]])
    with pytest.raises(DeriveError) as err:
        numeric.verify(derive(spec_mod.parse(text, "ste")), points=1)
    assert err.value.exit_code == 2
    msg = catalog.localized(err.value, lang)
    assert "[forward] Qz" in msg and "_detached" not in msg and "[0, 1]" in msg, msg
    assert ".detach()" in msg and "floor" in msg


@pytest.mark.parametrize(("w", "refused"), [
    # 0.545·100 = 54.5 exactly, 54.50000000000001 in float64: round goes up, half-even down
    ([[0.25, 0.545, 0.125], [0.3, 0.6, 0.25], [0.1, 0.2, 0.4]], True),
    # 0.025·100, 0.125·100, 0.065·100 … ties exact in float64 too: half to even, as torch.round
    ([[0.025, 0.125, 0.035], [0.145, 0.065, 0.75], [0.1, 0.2, 0.4]], False),
])
def test_round_ties_are_its_jumps(w: list, refused: bool) -> None:
    """round's jumps are the halves: a tie exact in float64 too is read (half to even, the
    value PyTorch computes: checked by running the text); one float64 puts beside the half is
    refused naming the user's line."""
    text = _STE.format(f="torch.round", k=100, W=w)
    if refused:
        with pytest.raises(DeriveError) as err:
            numeric.verify(derive(spec_mod.parse(text, "ties")), points=1)
        assert "[forward] Qz" in str(err.value) and "round" in str(err.value)
        return
    out = oracle_text(text, "ties", 1e-9)
    assert out.status == "agree", (out.status, out.reason)
    assert numeric.verify(_derived(text), points=1).ok


@pytest.mark.parametrize("lang, words", [("en", "log needs a positive argument"), ("zh", "log 需要正的参数")])
def test_a_keras_poisson_of_a_negative_prediction_is_refused(lang: str, words: str) -> None:
    """Keras' poisson takes log(y_pred + ε): a given prediction below −ε is outside log's domain
    (NaN in TensorFlow), exit 2 naming the line, the entry and the domain."""
    msg = _refused('Zz = "Xb @ Wq"\nloss = "tf.reduce_mean(tf.keras.losses.poisson(Yt, Zz))"', lang)
    assert "[forward] loss" in msg and "[0, 1]" in msg and words in msg, msg


def test_exp_minus_x_times_i0_verifies_at_random_points() -> None:
    text = fuzz.random_spec(5, max_dim=3)
    text = "\n".join(
        'N3 = "torch.exp(-A3) * torch.special.i0(A3)"' if line.startswith("N3 = ") else line
        for line in text.splitlines()
    )
    assert numeric.verify(derive(spec_mod.parse(text, "i0e")), points=1).ok


@pytest.mark.parametrize("x", [0.5, -3.0, 47.0, 299.5, -640.0, 709.0])
def test_the_numpy_i1_helper_is_accurate_where_its_series_terms_grow(x: float) -> None:
    """I₁ (I₀'s derivative) in NumPy: its series' terms grow while k < |x|/2, so a fixed number
    of terms cut it short at large |x| (−100 % at x = 600: the cause of the mismatch above)."""
    import mpmath

    from derive.lang import ops

    got = float(ops.get("bessel_i1").numpy(np.array([x]))[0])
    want = float(mpmath.besseli(1, x))
    assert abs(got - want) <= 1e-13 * abs(want)
