"""Round 22 (branch spellings22), issue 9's one-line leftovers of passes 19–20, each made real as
its library defines it:

1. element-wise rows ``asinh``, ``acosh`` (x > 1), ``atanh`` and ``erfinv`` (−1 < x < 1), with
   their NumPy/PyTorch/JAX/TensorFlow/SciPy spellings; ``atan2(y, x)`` (``np.arctan2``) read as
   atan(y/x) shifted by ±π left of the y axis; ``sinc`` as sin(πx)/(πx);
2. library helpers (Optax, JAX, TensorFlow, Keras, torch.distributions);
3. structural ops (flip, roll, cumprod, diff with prepend/append);
4. exact constants in the walkthrough.

Every spec's own text runs in PyTorch float64 (tests/spelled_oracle.py) and must agree with
derive's reading at held-out names, sizes and values; ``derive verify`` must pass against PyTorch
and finite differences; a given value outside a domain is exit 2 naming the tensor, the entry and
the domain, in English and Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest
from spelled_oracle import oracle_text

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import ops
from derive.lang import spec as spec_mod
from derive.locale import catalog
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")


def _agree(text: str, name: str, rel: float = 1e-9) -> None:
    out = oracle_text(text, name, rel)
    assert out.status == "agree", (out.status, out.reason)


def _verified(text: str, name: str) -> None:
    d = derive(spec_mod.parse(text, name))
    report = numeric.verify(d, points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def _refused(text: str, lang: str) -> str:
    """The exit-2 message of deriving and verifying ``text``, in ``lang``."""
    with pytest.raises(DeriveError) as err:
        numeric.verify(derive(spec_mod.parse(text, "refused")), points=1)
    assert err.value.exit_code == 2
    return catalog.localized(err.value, lang)


# held-out names and sizes: a 4 × 3 batch, a 3 × 2 weight, a bias row
_NET = """
[dims]
B = 4
F = 3
H = 2
[inputs]
Xb = ["B", "F"]
T = ["B", "H"]
[params]
Wq = ["F", "H"]
c = [1, "H"]
[forward]
U = "Xb @ Wq + c"
{lines}
[values]
Xb = [[0.7, -1.3, 0.4], [-0.2, 0.9, 1.6], [1.1, 0.3, -0.8], [-1.5, -0.6, 0.2]]
Wq = [[0.45, -0.35], [0.15, 0.65], [-0.55, 0.25]]
c = [[0.05, -0.15]]
T = [[0.3, -0.1], [0.8, 0.2], [-0.4, 0.6], [0.1, -0.9]]
"""

_ELEMENTWISE = [
    'R = "torch.asinh(U)"\nloss = "torch.mean((R - T) ** 2)"',
    'loss = "np.mean((np.arcsinh(U) - T) ** 2)"',
    'loss = "((U * 3).arcsinh() * T).sum()"',
    'loss = "jnp.sum(jnp.arccosh(U * U + 1.25) * T)"',
    'loss = "torch.sum(torch.acosh(torch.exp(U) + 1) * T)"',
    'loss = "tf.reduce_sum(tf.math.acosh(tf.math.square(U) + 2.0) * T)"',
    'loss = "torch.sum(torch.atanh(torch.tanh(U) * 0.75) * T)"',
    'loss = "np.sum(np.arctanh(0.6 * np.tanh(U)) * T)"',
    'loss = "tf.reduce_mean(tf.math.atanh(tf.math.tanh(U) / 2) - T)"',
    'loss = "torch.sum(torch.arctanh(torch.sigmoid(U) - 0.5) ** 2)"',
    'loss = "torch.sum(torch.erfinv(torch.tanh(U) * 0.9) * T)"',
    'loss = "torch.sum(torch.special.erfinv(torch.sigmoid(U) * 2 - 1) * T)"',
    'loss = "np.sum(scipy.special.erfinv(np.tanh(U) * 0.5) * T)"',
    'loss = "jnp.mean((jax.scipy.special.erfinv(jnp.tanh(U) * 0.8) - T) ** 2)"',
    'loss = "tf.reduce_sum(tf.math.erfinv(tf.math.tanh(U) * 0.7) * T)"',
    'loss = "(torch.tanh(U) * 0.4).erfinv().mean() + U.asinh().sum()"',
    # atan2: the right half plane, the left one (±π by the sign of y), and both mixed
    'loss = "torch.sum(torch.atan2(U, T + 2) * T)"',
    'loss = "torch.sum(torch.atan2(U, -(T * T) - 0.5) ** 2)"',
    'loss = "np.sum(np.arctan2(T, U) * U)"',
    'loss = "torch.sum(torch.arctan2(U * 2, T) ** 2)"',
    'loss = "jnp.sum(jnp.arctan2(U, T - 0.25) * T)"',
    'loss = "tf.reduce_sum(tf.math.atan2(T, U) ** 2)"',
    'loss = "torch.sum(torch.sinc(U) * T)"',
    'loss = "np.sum(np.sinc(U * 1.5) ** 2)"',
]


@pytest.mark.parametrize("lines", _ELEMENTWISE)
def test_inverse_functions_agree_with_pytorch_running_the_text(lines: str) -> None:
    text = _NET.format(lines=lines)
    _agree(text, "inverse")
    _verified(text, "inverse")


@pytest.mark.parametrize(
    "lines",
    [
        'loss = "torch.sum(torch.asinh(U) * T)"',
        'loss = "torch.sum(torch.atanh(torch.tanh(U) * 0.75) * T)"',
        'loss = "torch.sum(torch.erfinv(torch.tanh(U) * 0.9) * T)"',
        'loss = "torch.sum(torch.atan2(U, T) * T)"',
    ],
)
def test_the_oracle_is_not_blind_to_a_misreading(lines: str) -> None:
    """A near miss of the text (another function, the arguments swapped, a sign) disagrees."""
    text = _NET.format(lines=lines)
    other = (
        text.replace("torch.asinh", "torch.atan")
        .replace("torch.atanh", "torch.asinh")
        .replace("torch.erfinv", "torch.erf")
        .replace("torch.atan2(U, T)", "torch.atan(U / T)")
    )
    assert other != text
    assert oracle_text(text, "blind", run=other).status == "DISAGREE"


def test_random_points_stay_inside_the_domains() -> None:
    """Without [values], an input read directly by acosh is drawn > 1 and one read by atanh or
    erfinv inside (−1, 1): verify compares at random points too."""
    text = """
[dims]
n = 3
[inputs]
P = ["n", "n"]
Q = ["n", "n"]
[params]
V = ["n", "n"]
[forward]
loss = "torch.sum(torch.acosh(P) * V) + torch.sum(torch.atanh(Q) * V ** 2) + torch.sum(torch.erfinv(Q) * V)"
"""
    d = derive(spec_mod.parse(text, "drawn"))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    pt = numeric.example_point(d.graph)
    assert np.all(np.asarray(pt["P"], dtype=float) > 1)
    assert np.all(np.abs(np.asarray(pt["Q"], dtype=float)) < 1)


_GIVEN = """
[dims]
n = 2
[inputs]
S = ["n", "n"]
[params]
G = ["n", "n"]
[forward]
E = "S * G"
loss = "{call}"
[values]
S = [[0.5, -0.25], [0.75, 1.5]]
G = [[0.5, 1.0], [2.0, 0.5]]
"""


@pytest.mark.parametrize(
    "call, entry, words_en, words_zh",
    [
        ("torch.sum(torch.acosh(E + 1))", "[0, 1]", "acosh of 0.75", "大于 1"),
        ("torch.sum(torch.atanh(E))", "[1, 0]", "atanh of 1.5", "严格介于 -1 与 1 之间"),
        ("torch.sum(torch.erfinv(E / 2 + 0.25))", "[1, 0]", "erfinv of 1.0", "严格介于 -1 与 1 之间"),
        ("np.sum(np.arccosh(E + 0.5))", "[0, 0]", "acosh of 0.75", "acosh 的参数为 0.75"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_given_value_outside_the_domain_is_refused(
    call: str, entry: str, words_en: str, words_zh: str, lang: str
) -> None:
    msg = _refused(_GIVEN.format(call=call), lang)
    assert entry in msg and "loss" in msg
    if lang == "en":
        assert words_en in msg and "needs an argument" in msg and "[values]" in msg
    else:
        assert words_zh in msg and "需要" in msg


_EDGES = [-1 + 1e-15, -0.999999999, -0.99, -0.3, -1e-8, 0.0, 1e-5, 0.49, 0.5, 0.51, 0.9999, 1 - 1e-12]


def test_erfinv_numpy_helper_is_exact_to_the_edges() -> None:
    """The generated scripts' erfinv (Newton on erf, on erfc near ±1) and derive's NumPy one
    (the same text) against mpmath at 30 digits, to 1e-15 of the edges."""
    op = ops.get("erfinv")
    env: dict = {"np": np}
    exec(op.numpy_helper, env)  # noqa: S102 (the table's own helper text)
    xs = np.array(_EDGES)
    with mpmath.workdps(30):
        want = np.array([float(mpmath.erfinv(mpmath.mpf(v))) for v in _EDGES])
    for got in (op.numpy(xs), env["erfinv"](xs), op.torch(torch.tensor(xs)).numpy()):
        np.testing.assert_allclose(got, want, rtol=4e-15, atol=1e-300)


@pytest.mark.parametrize("name", ["asinh", "acosh", "atanh", "erfinv"])
def test_row_derivatives_agree_with_pytorch_autograd(name: str) -> None:
    import sympy as sp

    x = sp.Symbol("x", real=True)
    xs = {"acosh": [1.001, 1.5, 3.0, 40.0]}.get(name, [-0.97, -0.4, 0.0, 0.3, 0.95])
    op = ops.get(name)
    t = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    op.torch(t).sum().backward()
    dv = [float(sp.N(op.derivative(x).subs(x, sp.Float(v, 30)), 25)) for v in xs]
    np.testing.assert_allclose(t.grad.numpy(), dv, rtol=1e-12)


# ---- 3. library helpers ----------------------------------------------------------------------

_CLASSES = """
[dims]
m = 5
p = 3
K = 4
[inputs]
Xc = ["m", "p"]
lab = ["m"]
[params]
Wc = ["p", "K"]
[forward]
Z = "Xc @ Wc"
{lines}
[values]
lab = [3, 0, 2, 1, 3]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'T = "optax.smooth_labels(jax.nn.one_hot(lab, K), 0.1)"\n'
        'loss = "-jnp.mean(jnp.sum(T * jax.nn.log_softmax(Z), axis=-1))"',
        'Y1 = "jax.nn.one_hot(lab, K)"\nT = "optax.smooth_labels(Y1, alpha=0.25)"\n'
        'loss = "optax.softmax_cross_entropy(Z, T).mean()"',
        'Y1 = "tf.one_hot(lab, depth=K)"\n'
        'loss = "tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=Y1, logits=Z))"',
        'Y1 = "jax.nn.one_hot(lab, num_classes=K)"\n'
        'loss = "-jnp.mean(jnp.sum(Y1 * jax.nn.log_softmax(Z), axis=-1))"',
    ],
)
def test_label_helpers_agree_with_pytorch(lines: str) -> None:
    text = _CLASSES.format(lines=lines)
    _agree(text, "labels")
    _verified(text, "labels")


_LOSSES = [
    'loss = "tf.reduce_sum(tf.math.divide_no_nan(U, T) ** 2)"',
    'loss = "tf.reduce_mean(tf.math.divide_no_nan(T, U + 1.5))"',
    'loss = "tf.reduce_mean(keras.losses.huber(T, U, delta=0.5))"',
    'loss = "tf.reduce_sum(tf.keras.losses.huber(T, U * 2))"',
    'loss = "tf.keras.losses.Huber(delta=0.3)(T, U)"',
    'loss = "keras.losses.Huber(0.25)(T, U) + 0.1 * tf.keras.losses.Huber()(T, U * 3)"',
    'loss = "jnp.mean(optax.huber_loss(U, T, delta=0.4))"',
]


@pytest.mark.parametrize("lines", _LOSSES)
def test_tensorflow_and_keras_losses_agree_with_pytorch(lines: str) -> None:
    text = _NET.format(lines=lines)
    _agree(text, "losses")
    _verified(text, "losses")


def test_divide_no_nan_of_a_given_zero_is_zero_with_zero_gradients() -> None:
    """T has a 0 at [1, 1] here: TensorFlow's 0 there, and no gradient through that entry."""
    text = _NET.format(lines='loss = "tf.reduce_sum(tf.math.divide_no_nan(U, T) ** 2)"').replace(
        "[0.8, 0.2]", "[0.8, 0.0]"
    )
    assert "[0.8, 0.0]" in text
    _agree(text, "no_nan_zero")
    _verified(text, "no_nan_zero")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_huber_object_with_another_reduction_is_refused(lang: str) -> None:
    text = _NET.format(lines='loss = "tf.keras.losses.Huber(0.5, reduction=\'sum\')(T, U)"')
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "huber")
    msg = catalog.localized(err.value, lang)
    assert "keras.losses.huber(y_true, y_pred, delta)" in msg
    assert ("逐样本" in msg) == (lang == "zh")


_MVN = """
[dims]
n = 5
k = {k}
[inputs]
Xg = ["n", "k"]
Obs = ["n", "k"]
[params]
Wg = ["k", "k"]
Cov = [{k}, {k}]
Ltri = [{k}, {k}]
sd = ["k"]
[forward]
mu = "Xg @ Wg"
reg = "0.01 * ((Cov * Cov).sum() + (Ltri * Ltri).sum() + (sd * sd).sum())"
loss = "{loss} + reg"
[values]
{values}
"""
_MVN3 = """Cov = [[1.6, 0.2, -0.3], [0.2, 0.9, 0.25], [-0.3, 0.25, 1.3]]
Ltri = [[1.1, 0.0, 0.0], [-0.35, 0.8, 0.0], [0.2, 0.45, 1.3]]
sd = [0.7, 1.2, 0.9]"""
_MVN2 = """Cov = [[0.8, -0.3], [-0.3, 1.4]]
Ltri = [[0.9, 0.0], [0.4, 1.25]]
sd = [1.3, 0.6]"""


@pytest.mark.parametrize("k, values", [(3, _MVN3), (2, _MVN2)])
@pytest.mark.parametrize(
    "loss",
    [
        "-torch.distributions.MultivariateNormal(mu, covariance_matrix=Cov).log_prob(Obs).mean()",
        "-D.MultivariateNormal(mu, scale_tril=Ltri).log_prob(Obs).sum()",
        "-torch.distributions.MultivariateNormal(mu, torch.diag(sd ** 2)).log_prob(Obs).mean()",
        "-dist.MultivariateNormal(loc=mu, scale_tril=torch.diag(sd)).log_prob(Obs).mean()",
        "-D.MultivariateNormal(mu, Cov).entropy().sum() - D.MultivariateNormal(mu, Cov).log_prob(Obs).mean()",
        "D.MultivariateNormal(mu, scale_tril=Ltri).entropy().mean() - D.MultivariateNormal(mu, scale_tril=Ltri).log_prob(Obs).mean()",
    ],
)
def test_multivariate_normal_agrees_with_pytorch(k: int, values: str, loss: str) -> None:
    text = _MVN.format(k=k, values=values, loss=loss)
    _agree(text, "mvn")
    _verified(text, "mvn")


@pytest.mark.parametrize(
    "loss",
    [
        # precision_matrix= is read since round 23 (tests/test_spellings23.py); two matrices not
        "-torch.distributions.MultivariateNormal(mu, Cov, precision_matrix=Cov).log_prob(Obs).mean()",
        "-torch.distributions.MultivariateNormal(mu, covariance_matrix=Wg).log_prob(Obs).mean()",
        "-torch.distributions.MultivariateNormal(mu, Cov).cdf(Obs).mean()",
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_other_multivariate_normals_are_refused_naming_what_is_read(loss: str, lang: str) -> None:
    """Two matrices given, a covariance whose size comes from [dims] (Wg is k × k), cdf."""
    text = _MVN.format(k=3, values=_MVN3, loss=loss)
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "mvn")
    msg = catalog.localized(err.value, lang)
    assert "3 × 3" in msg and "MultivariateNormal" in msg
    assert ("具名矩阵" in msg) == (lang == "zh")


@pytest.mark.parametrize(
    "line",
    [
        'loss = "torch.mean((Xg @ torch.linalg.inv(Cov) - Obs) ** 2)"',
        'Ci = "np.linalg.inv(Cov)"\nloss = "np.sum(Ci * Ltri) + np.mean((Xg @ Ltri.inverse() - Obs) ** 2)"',
    ],
)
def test_a_three_by_three_inverse_agrees_with_pytorch(line: str) -> None:
    text = _MVN.format(k=3, values=_MVN3, loss="0 * mu.sum()").replace(
        'loss = "0 * mu.sum() + reg"', 'q = "0 * mu.sum() + reg"\n' + line.replace('"', '"q + ', 1)
    )
    _agree(text, "inv3")
    _verified(text, "inv3")


# ---- 2. structural ops: the same entries in another order, running products, diff's ends -------

_STRUCT = [
    'loss = "torch.sum(torch.flip(U, dims=[1]) * T)"',
    'loss = "np.sum(np.fliplr(U) * T) + np.sum(np.flipud(U) ** 2)"',
    'loss = "np.sum(np.flip(U) * T) + np.sum(np.flip(U, axis=0) * T)"',
    'loss = "torch.sum(torch.flip(Xb @ Wq, [0, 1]) * T) + U.sum()"',
    'loss = "torch.sum(U.flip(0) * T)"',
    'loss = "torch.sum(torch.roll(U, 1, 0) * T)"',
    'loss = "torch.sum(torch.roll(U, shifts=-1, dims=1) * T) + torch.sum(U.roll(2, 0) * T)"',
    'loss = "np.sum(np.roll(U, 5, axis=0) * T)"',
    'loss = "torch.sum(torch.roll(U[1:4], 1, dims=0) * T[0:3])"',
    'loss = "torch.sum(torch.cumprod(U, dim=1) * T)"',
    'loss = "np.sum(np.cumprod(U, axis=0) * T) + torch.sum(U.cumprod(1) ** 2)"',
    'loss = "torch.sum(torch.cumprod(torch.tanh(U), dim=0) * T)"',
    'loss = "torch.sum(torch.diff(U, dim=0, prepend=T[0:1]) ** 2)"',
    'loss = "np.sum(np.diff(U, axis=0, prepend=0) ** 2) + np.sum(np.diff(U, append=1.5) * T)"',
    'loss = "torch.sum(torch.diff(U, n=2, dim=1, prepend=T, append=U) ** 2)"',
    'loss = "np.sum(np.diff(U, axis=-1, prepend=-0.5) * T)"',
]


@pytest.mark.parametrize("lines", _STRUCT)
def test_structural_ops_agree_with_pytorch(lines: str) -> None:
    text = _NET.format(lines=lines)
    _agree(text, "structural")
    _verified(text, "structural")


@pytest.mark.parametrize(
    "lines, other",
    [
        ('loss = "torch.sum(torch.flip(U, dims=[0]) * T)"', "dims=[1]"),
        ('loss = "torch.sum(torch.roll(U, 1, 0) * T)"', "torch.roll(U, -1, 0)"),
        ('loss = "torch.sum(torch.cumprod(U, dim=1) * T)"', "torch.cumprod(U, dim=0)"),
    ],
)
def test_the_oracle_sees_a_wrong_order(lines: str, other: str) -> None:
    text = _NET.format(lines=lines)
    swapped = text.replace("dims=[0]", other) if "dims=[0]" in text else text.replace(
        "torch.roll(U, 1, 0)", other
    ).replace("torch.cumprod(U, dim=1)", other)
    assert swapped != text
    assert oracle_text(text, "order", run=swapped).status == "DISAGREE"


def test_cumprod_through_a_given_zero_has_pytorch_gradient() -> None:
    """A zero in the running product (Wq[0, 0] = 0 here): PyTorch's cumprod backward gives the
    product of the other factors, which the written-out products give too."""
    text = _NET.format(lines='loss = "torch.sum(torch.cumprod(Wq, dim=0) * U[0:3])"')
    text = text.replace("[[0.45, -0.35]", "[[0.0, -0.35]")
    assert "[[0.0, -0.35]" in text
    _agree(text, "cumprod_zero")
    _verified(text, "cumprod_zero")


@pytest.mark.parametrize(
    "line",
    [
        'loss = "torch.sum(torch.roll(U, 1) * T)"',  # no dims: PyTorch rolls the flattened tensor
        'loss = "torch.sum(torch.flip(U, dims=[2]) * T)"',
        'loss = "torch.sum(torch.roll(U, 1.5, 0) * T)"',
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_other_flips_and_rolls_are_refused(line: str, lang: str) -> None:
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_NET.format(lines=line), "order")
    msg = catalog.localized(err.value, lang)
    assert ("torch.roll(x, 1, dims=0)" in msg) and (("需要给出轴" in msg) == (lang == "zh"))


# ---- 4. exact constants in the walkthrough -------------------------------------------------------

_GAUSS = """
[dims]
n = 3
[inputs]
Xn = ["n", 2]
An = ["n", 1]
[params]
Wn = [2, 1]
[constants]
sig = 1.5
[forward]
mu = "Xn @ Wn"
loss = "{loss}"
"""


@pytest.mark.parametrize(
    "loss",
    [
        "-torch.distributions.Normal(mu, sig).log_prob(An).mean()",
        "-torch.distributions.Normal(mu, sig).entropy().mean() + ((mu - An) ** 2).mean()",
        "-scipy.stats.norm.logpdf(An, mu, sig).mean()",
        "F.gaussian_nll_loss(mu, An, torch.ones_like(An) * sig, full=True)",
        "-(-0.5 * (An - mu) ** 2 - math.log(math.sqrt(2 * math.pi))).sum()",
    ],
)
def test_normal_constants_print_exactly(loss: str, tmp_path) -> None:
    """½log(2π) (and ½ + ½log 2π) print as the constant, not 0.9189385332046727; the network
    still agrees with PyTorch running the text."""
    text = _GAUSS.format(loss=loss)
    _agree(text, "gauss")
    spec = tmp_path / "gauss.toml"
    spec.write_text(text, encoding="utf-8")
    env = {"PYTHONPATH": str(Path(__file__).parents[1]), "DERIVE_CACHE": str(tmp_path / "c")}
    run = subprocess.run(
        [sys.executable, "-m", "derive", "build", str(spec), "-f", "md", "--lang", "en", "-o",
         str(tmp_path / "out")],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    md = (tmp_path / "out" / "gauss" / "en" / "walkthrough.md").read_text(encoding="utf-8")
    # (a hand calculation with every number put in may show its value, 0.9189385, rounded)
    assert "0.91893853320" not in md and "1.41893853320" not in md
    assert "\\log{\\left(2 \\cdot \\pi \\right)}" in md
