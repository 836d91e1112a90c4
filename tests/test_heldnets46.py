"""Branch heldnets46 (issue 9's held-out course networks, pass 46 of the specs, hn46_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the spec that showed them:

- Paddle's ``paddle.norm(feat, p=2, axis=1)`` (Ring loss' feature norm, a 飞桨 course's
  spelling) was refused ("paddle.norm() is not read"): ``paddle.norm`` / ``paddle.linalg.norm``
  with p ``'fro'`` (2.x's default), ``None`` (3.x's) or 2 over everything or along one axis is
  the 2-norm ``sqrt(sum(x ** 2))``, p=1 ``sum(abs(x))``, ``keepdim`` kept; other orders and a
  list of axes stay refused naming what is read. Its root is NumPy's ``sqrt`` (Paddle's p_norm
  gradient of a zero vector divides by 0), so a zero vector is exit 2 naming it, not a ✓.

Found by the probe of the families after the first pass (~70 spellings):

- ``jax.scipy.special.rel_entr(p, m)`` (a JS divergence as JAX courses write it) was refused
  ("unknown function 'rel_entr'"): x·log x − x·log y, each 0 where x = 0, as SciPy/JAX define it;
  a negative argument, or y = 0 under x > 0 (+inf), is a non-finite value refused naming it;
- ``torch.distributions.NegativeBinomial(…).log_prob(y)`` (any distribution class derive does not
  read: ``tfd.Poisson``, ``D.Laplace``, ``Gamma(…).rsample()``) was refused by the generic "only
  calls of named functions are allowed" sentence: it now names the distributions read and says
  to write the log-density with the language's functions (a negative binomial's as example);
- **a wrong ✓**: ``scipy.special.kl_div(q, p)`` (also ``jax.scipy.special.kl_div``, ``from scipy
  import special``) — SciPy's element-wise x·log(x/y) − x + y — was read as PyTorch's loss
  ``F.kl_div(input=q, target=p)`` = mean(p·(log p − q)) and ``derive verify`` printed ✓ (loss
  −0.574 where SciPy's is 0.251). It is now SciPy's function."""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")

_RING = """
[dims]
N = 3
d = 3
f = 2
[inputs]
x = ["N", "d"]
[params]
W = ["d", "f"]
R = []
[forward]
{lines}
[values]
x = [[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]]
W = [[0.5, -0.2], [0.3, 0.6], [-0.4, 0.1]]
R = 1.3
"""


@pytest.mark.parametrize(
    "norm",
    [
        "paddle.norm(h, p=2, axis=1)",
        "paddle.norm(h, axis=-1)",
        "paddle.norm(h, p='fro', axis=1, keepdim=True)",
        "paddle.linalg.norm(h, p=2, axis=1)",
        "paddle.linalg.norm(h, p=None, axis=0)",
        "paddle.norm(h)",
        "paddle.norm(h, p=1, axis=1)",
        "paddle.norm(h, 2, 1)",
    ],
)
def test_paddle_norm_is_read_as_paddle_defines_it(norm: str) -> None:
    """On 22887035 each was refused: 'paddle.norm() is not read'."""
    lines = "\n".join([
        'h = "paddle.nn.functional.tanh(paddle.matmul(x, W))"',
        f'n = "{norm}"',
        'loss = "paddle.mean((n - R) ** 2) / 2"',
    ])
    _both(_RING.format(lines=lines), "paddle-norm")


@pytest.mark.parametrize(
    "norm",
    [
        "paddle.norm(h, p=float('inf'), axis=1)",
        "paddle.norm(h, p=3, axis=1)",
        "paddle.norm(h, p='nuc')",
        "paddle.norm(h, p=2, axis=[0, 1])",
    ],
)
def test_other_paddle_norms_are_refused_naming_what_is_read(norm: str) -> None:
    lines = f'h = "paddle.matmul(x, W)"\nloss = "paddle.mean(({norm} - R) ** 2)"'
    for lang in ("en", "zh"):
        said = _refusal(_RING.format(lines=lines), lang)
        assert "norm()" in said and "sqrt(sum(x ** 2))" in said and len(said.splitlines()) == 1, said


def test_paddle_norm_of_a_zero_row_is_exit_2_naming_it(tmp_path) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    text = _RING.format(lines='h = "paddle.matmul(x, W)"\nloss = "paddle.mean((paddle.norm(h, axis=1) - R) ** 2)"')
    text = text.replace("x = [[0.7, -0.1, 0.4]", "x = [[0.0, 0.0, 0.0]")
    path = tmp_path / "zero.toml"
    path.write_text('[network]\nname = "zero-row"\n' + text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2, res.output
    assert "sqrt of 0.0 at entry [0, 0]" in res.output and "Traceback" not in res.output


def test_a_tensor_named_norm_beside_paddle_is_still_a_tensor() -> None:
    lines = 'norm = "paddle.matmul(x, W)"\nloss = "paddle.sum(norm ** 2) + R ** 2"'
    _both(_RING.format(lines=lines), "norm-name")


_JS = """
[dims]
N = 3
C = 3
d = 2
[inputs]
x = ["N", "d"]
x2 = ["N", "d"]
q = ["N", "C"]
[params]
W = ["d", "C"]
[forward]
{lines}
[values]
x = [[0.6, -0.2], [-0.4, 0.8], [0.2, 0.5]]
x2 = [[0.1, 0.4], [0.7, -0.6], [-0.5, 0.3]]
q = [[1.0, 0.0, 0.0], [0.2, 0.3, 0.5], [0.0, 0.5, 0.5]]
W = [[0.5, -0.3, 0.2], [0.1, 0.7, 0.6]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'p = "jax.nn.softmax(x @ W)"\nr = "jax.nn.softmax(x2 @ W)"\nm = "(p + r) / 2"\n'
        'loss = "jnp.mean(jnp.sum(jax.scipy.special.rel_entr(p, m) + jax.scipy.special.rel_entr(r, m), axis=-1)) / 2"',
        'p = "jax.nn.softmax(x @ W)"\nloss = "jnp.sum(jax.scipy.special.rel_entr(q, p)) / N"',
        'p = "torch.softmax(x @ W, dim=1)"\nloss = "scipy.special.rel_entr(q, p).sum() / N"',
    ],
)
def test_rel_entr_is_read_as_scipy_and_jax_define_it(lines: str) -> None:
    """On 22887035: "unknown function 'rel_entr'". The second and third have targets with zeros."""
    _both(_JS.format(lines=lines), "rel-entr")


@pytest.mark.parametrize(
    "lines, said",
    [
        ('p = "jax.nn.softmax(x @ W)"\nloss = "jnp.sum(jax.scipy.special.rel_entr(p, q))"', "log of 0.0"),
        ('p = "x @ W"\nloss = "jnp.sum(jax.scipy.special.rel_entr(p, q + 0.1))"', "log of -"),
    ],
)
def test_rel_entr_outside_its_domain_is_refused_not_a_number(lines: str, said: str) -> None:
    """SciPy's value there is +inf: never a finite number and a ✓."""
    from derive.engine.backprop import derive
    from derive.errors import DeriveError
    from derive.lang import spec as spec_mod
    from derive.numeric import verify as numeric

    with pytest.raises(DeriveError) as err:
        numeric.verify(derive(spec_mod.parse(_JS.format(lines=lines), "rel-entr")), points=1)
    assert said in str(err.value), str(err.value)


@pytest.mark.parametrize(
    "call, kind",
    [
        ("torch.distributions.NegativeBinomial(total_count=2.0, probs=mu / (mu + 2.0)).log_prob(yc)",
         "NegativeBinomial(…).log_prob()"),
        ("tfd.Poisson(rate=mu).log_prob(yc)", "Poisson(…).log_prob()"),
        ("torch.distributions.poisson.Poisson(mu).log_prob(yc)", "Poisson(…).log_prob()"),
        ("D.Laplace(mu, 1.0).log_prob(yc)", "Laplace(…).log_prob()"),
        ("torch.distributions.Gamma(mu, 1.0).rsample()", "Gamma(…).rsample()"),
    ],
)
def test_an_unread_distribution_is_refused_naming_those_read(call: str, kind: str) -> None:
    text = "\n".join([
        "[dims]", "N = 3", "d = 2", "[inputs]", 'x = ["N", "d"]', 'yc = ["N", 1]', "[params]",
        'V = ["d", 1]', "[forward]", 'mu = "F.softplus(x @ V)"', f'loss = "-({call}).mean()"',
    ])
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert f"{kind} is not read" in en and "Normal, Bernoulli, Categorical" in en and "lgamma(y + r)" in en, en
    assert f"不读取 {kind}" in zh and "lgamma(y + r)" in zh, zh
    assert len(en.splitlines()) == 1 and len(zh.splitlines()) == 1


def test_the_distributions_read_are_unchanged() -> None:
    lines = 'mu = "x @ W"\nloss = "-D.Normal(mu, 1.0).log_prob(q).mean() - torch.distributions.Categorical(logits=x2 @ W).entropy().mean()"'
    _both(_JS.format(lines=lines), "dists")


@pytest.mark.parametrize(
    "loss",
    [
        "np.sum(scipy.special.kl_div(q, p))",
        "jnp.sum(jax.scipy.special.kl_div(q, p)) / N",
        "special.kl_div(q, p).sum()",
        "scipy.special.kl_div(p, q + 0.1).mean()",
    ],
)
def test_scipy_kl_div_is_scipys_elementwise_function_not_pytorchs_loss(loss: str) -> None:
    """On 22887035 each was read as F.kl_div(q, p) (a mean of p·(log p − q)) and verified ✓."""
    _both(_JS.format(lines=f'p = "torch.softmax(x @ W, dim=1)"\nloss = "{loss}"'), "scipy-kl-div")


def test_pytorchs_kl_div_is_unchanged() -> None:
    lines = 'p = "F.log_softmax(x @ W, dim=1)"\nloss = "F.kl_div(p, q, reduction=\'batchmean\') + torch.kl_div(p, q).mean()"'
    _both(_JS.format(lines=lines), "torch-kl-div")
