"""Round 50 (lead): the checker's diagnoses reach inside a correlation, a pool and a slice.

The mistake library (derive.checker.mutations) builds each mistake at a node upstream of the
gradient asked for and substitutes it into that gradient's formula. The walk that finds those
nodes (checknet.Target.upstream) stopped at a correlation, so for ∂L/∂K = correlate2d(X, δZ)
no mistake made at Z, A, P … was ever tried: a student's conv gradient with the activation's
slope left out was "unknown" (corpus 49's c49-142/157). Held-out networks written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check

pytestmark = pytest.mark.slow

CONV_SIGMOID_AVGPOOL = """
[network]
name = "r50-conv-sigmoid-avgpool"
[inputs]
X = [6, 6]
Y = [2, 2]
[params]
K = [3, 3]
b = []
[forward]
Z = "signal.correlate2d(X, K, mode='valid') + b"
A = "sigmoid(Z)"
P = "F.avg_pool2d(A[None, None], 2)[0, 0]"
loss = "0.5 * np.sum((P - Y) ** 2)"
"""

CONV_TANH_MAXPOOL = """
[network]
name = "r50-conv-tanh-maxpool"
[inputs]
X = [5, 5]
y = []
[params]
K = [2, 2]
v = [4]
[forward]
Z = "F.conv2d(X[None, None], K[None, None])[0, 0]"
A = "torch.tanh(Z)"
P = "F.max_pool2d(A[None, None], 2)[0, 0]"
s = "P.flatten() @ v"
loss = "(s - y) ** 2"
"""

UP = "dA = np.kron(dP, np.ones((2, 2))) / 4\n"


def _spec(tmp_path: Path, text: str) -> str:
    path = tmp_path / "net.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("wrt", "answer", "code"),
    [
        # σ' left out inside the correlation (on the base: "unknown")
        ("K", "dP = P - Y\n" + UP + "dK = signal.correlate2d(X, dA, mode='valid')", "missing-activation-derivative"),
        # σ' written with the input Z where the output A belongs
        ("K", "dP = P - Y\n" + UP + "dK = signal.correlate2d(X, dA * Z * (1 - Z), mode='valid')",
         "wrong-activation-derivative"),
        ("K", "dP = P - Y\n" + UP + "dK = signal.correlate2d(X, dA * A * (1 - A), mode='valid')", None),
        ("b", "dP = P - Y\n" + UP + "db = np.sum(dA * A * (1 - A))", None),
    ],
)
def test_conv_gradient_mistakes_are_named(tmp_path: Path, wrt: str, answer: str, code: str | None) -> None:
    r = check(_spec(tmp_path, CONV_SIGMOID_AVGPOOL), wrt, answer)
    assert r.ok is (code is None), (r.ok, [d.code for d in r.diagnoses])
    if code is not None:
        assert [d.code for d in r.diagnoses][:1] == [code], [(d.code, str(d.message)) for d in r.diagnoses]
        assert "sigmoid" in str(r.diagnoses[0].message)


def test_mistake_behind_a_max_pool_is_named(tmp_path: Path) -> None:
    """tanh' left out behind a max pool and a linear head, the rest written as the walkthrough
    writes it (the pool's routing right, the slope missing): named, not "unknown"; the same
    chain with the slope is right."""
    path = _spec(tmp_path, CONV_TANH_MAXPOOL)
    from derive.checker.checknet import net_for

    net = net_for(path, 0)
    t = net.target("K")
    upstream = t.upstream()
    assert upstream[:2] == ["K", "Z"] and "A" in upstream and "P" in upstream, upstream
    wrong = t.expected.replace("dZ", "dA")
    lines = [f"d{n} = {net.target(n).expected}" for n in reversed(upstream[2:])]
    r = check(path, "K", "\n".join([*lines, f"dK = {wrong}"]))
    assert not r.ok
    assert r.diagnoses[0].code == "missing-activation-derivative", [(d.code, str(d.message)) for d in r.diagnoses]
    assert check(path, "K", "\n".join([*lines, f"dZ = {net.target('Z').expected}", f"dK = {t.expected}"])).ok


I0E_FAR = """
[network]
name = "r50-i0e-far"
[inputs]
X = [2, 2]
Y = [2, 2]
[params]
W = [2, 2]
[forward]
Z = "X @ W"
S = "{call}(Z)"
loss = "torch.sum((S - Y) ** 2)"
[values]
X = [[400.0, 3.0], [-2.0, 500.0]]
W = [[2.0, -0.5], [0.25, 1.5]]
Y = [[0.1, 0.2], [0.0, 0.05]]
"""


@pytest.mark.parametrize("call", ["torch.special.i0e", "scipy.special.i0e"])
def test_i0e_far_from_0_is_finite_and_verified(call: str) -> None:
    """e^{−|x|}·I₀(x) is a row of its own, computed scaled: at Z = 800.75 the two factors apart
    are 0 · ∞ (NaN: the spec was refused, fuzz seed 500018), PyTorch's i0e is 0.0141."""
    from derive.engine.backprop import derive
    from derive.lang import spec as spec_mod
    from derive.numeric import verify as numeric

    d = derive(spec_mod.parse(I0E_FAR.replace("{call}", call), "i0e-far"))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:2]
    assert {c.param for c in report.comparisons} == {"W"}


@pytest.mark.parametrize("nu", [0, 1])
def test_scaled_bessel_helpers_match_mpmath_everywhere(nu: int) -> None:
    """The NumPy helpers (the lab's and derive's numbers) against mpmath at 50 digits, across
    both forms' border (700 for I₀, 50 for I₁) and far beyond."""
    import mpmath
    import numpy as np

    from derive.lang import ops

    f = ops.get("i0e" if nu == 0 else "bessel_i1e").numpy
    xs = np.concatenate([np.linspace(-900.0, 900.0, 721), [1e-3, 49.99, 50.01, 699.99, 700.01, 1e5]])
    with mpmath.workdps(50):
        exact = np.array([float(mpmath.exp(-abs(mpmath.mpf(x))) * mpmath.besseli(nu, x)) for x in xs])
    ok = exact != 0
    assert np.max(np.abs(f(xs)[ok] - exact[ok]) / np.abs(exact[ok])) < 1e-14


TORCH_HEAD = "ds = 2 * (s - y)\ndP = (ds * v).reshape(2, 2)\n"


@pytest.mark.parametrize(
    ("up", "conv", "slope", "ok"),
    [
        # an average pool's gradient spread by NumPy's function form and by PyTorch's repeat_interleave
        ("np.repeat(np.repeat(dP, 2, axis=0), 2, axis=1) / 4", "signal.correlate2d(X, {d}, mode='valid')", True, True),
        ("np.repeat(np.repeat(dP, 2, 0), 2, 1) / 4", "signal.correlate2d(X, {d}, mode='valid')", False, False),
        ("dP.repeat_interleave(2, dim=0).repeat_interleave(2, dim=1) / 4",
         "F.conv2d(X[None, None], ({d})[None, None])[0, 0]", True, True),
        ("torch.repeat_interleave(torch.repeat_interleave(dP, 2, dim=0), 2, dim=1) / 4",
         "F.conv2d(X[None, None], ({d})[None, None])[0, 0]", False, False),
    ],
)
def test_pool_and_conv_gradients_as_pytorch_and_numpy_users_write_them(
    up: str, conv: str, slope: bool, ok: bool
) -> None:
    """A kernel's gradient written with PyTorch's conv2d of the two maps (a cross-correlation,
    ``F.conv2d(X[None, None], dZ[None, None])[0, 0]``) and an average pool's gradient spread with
    ``np.repeat``/``repeat_interleave``: read (were "not supported"), right with tanh', the slope
    left out named."""
    path = str(Path(__file__).parent / "specs_course" / "cv43_conv_tanh_avgpool_linear.toml")
    d = "dA * (1 - A ** 2)" if slope else "dA"
    r = check(path, "K", TORCH_HEAD + f"dA = {up}\ndK = " + conv.format(d=d))
    assert r.ok is ok, [(x.code, str(x.message)) for x in r.diagnoses]
    if not ok:
        assert r.diagnoses[0].code == "missing-activation-derivative"


def test_a_padded_pytorch_conv_in_a_formula_is_not_taken_for_the_valid_one() -> None:
    from derive.checker.verdict import FormulaError

    path = str(Path(__file__).parent / "specs_course" / "cv43_conv_tanh_avgpool_linear.toml")
    with pytest.raises(FormulaError, match="F.conv2d"):
        check(path, "K", "dK = F.conv2d(X[None, None], dZ[None, None], padding=1)[0, 0]")


TIED_IN_FLOAT_TWO_WAYS = """
[network]
name = "r50-tie-broken-two-ways"
[dims]
m = 7
n0 = 5
n1 = 6
n2 = 6
[inputs]
X = ["m", "n0"]
[params]
W1 = ["n0", "n1"]
W2 = ["n1", "n2"]
V = ["n0", "n2"]
[forward]
Z1 = "torch.matmul(X, W1)"
R1 = "torch.mean(Z1, dim=1)"
A1 = "((Z1 - R1.unsqueeze(1)) * (Z1 - R1.unsqueeze(1)) + 1) ** 0.5"
N1 = "torch.min(A1, torch.tensor(0.5055))"
Z2 = "np.dot(N1, W2)"
A2 = "Z2 * np.max(Z2, axis=1, keepdims=True)"
T = "np.tanh(X.dot(V))"
L = "mse(A2, T)"
[values]
X = [[0.5, -0.4, 0.3, -0.3, -0.2], [-0.9, 0.6, -0.3, -0.4, 0.3], [-0.9, 0.8, -0.7, -0.6, -0.3], [0.8, -0.8, 0.2, -0.9, -0.2], [0.9, -0.9, 0.2, 0.1, -0.5], [0.8, -0.3, -0.1, -0.2, 0.9], [0.9, 0.2, -0.6, -0.3, 0.9]]
W1 = [[0.6, 0.8, -0.2, -0.4, -0.5, 0.0], [0.1, 0.7, -0.9, -0.6, 0.7, 0.5], [0.5, 0.5, -0.8, 0.5, -0.7, 0.8], [0.7, -0.9, 0.8, -0.2, -0.7, 0.9], [0.3, -0.8, -0.5, -0.7, 0.4, 0.8]]
W2 = [[-0.5, 0.2, -0.2, 0.1, 0.2, -0.3], [-0.7, -0.3, 0.5, -0.6, -0.2, 0.8], [0.6, -0.5, 0.7, -0.2, 0.4, -0.6], [0.0, -0.2, -0.6, 0.0, -0.8, -0.3], [0.0, -0.6, 0.2, 0.9, 0.9, 0.6], [-0.7, 0.3, -0.1, -0.2, 0.0, -0.5]]
V = [[-0.8, -0.8, 0.3, -0.7, -0.8, -0.3], [0.1, 0.0, 0.5, 0.4, -0.4, 0.2], [-0.8, -0.4, -0.3, 0.8, 0.9, -0.5], [-0.8, 0.6, -0.7, 0.5, -0.8, -0.7], [0.7, -0.2, -0.9, 0.4, 0.5, -0.9]]
"""


def test_a_tie_float64_breaks_two_ways_is_refused_as_a_kink(tmp_path: Path) -> None:
    """Fuzz seed 500069: N1 clamps every entry to 0.5055, so each row of Z2 is 0.5055 times
    W2's column sums, two of which are exactly 0.5 — a row max tied exactly, broken one way by
    NumPy's products and another by PyTorch's: the exact derivation, the float code and PyTorch
    gave three gradients (each a subgradient), printed as "some gradients disagree" (exit 1).
    It is the example-values-at-a-kink refusal now: exit 2 naming ∂L/∂W2 and the fix."""
    from click.testing import CliRunner

    from derive.cli import main

    res = CliRunner().invoke(main, ["verify", _spec(tmp_path, TIED_IN_FLOAT_TWO_WAYS)])
    assert res.exit_code == 2, res.output
    assert "∂L/∂W2 sits at a kink" in res.output and "Fix: change [values]" in res.output, res.output


TIED_ONLY_PYTORCH_OTHERWISE = """
[network]
name = "r50-tie-pytorch-otherwise"
[dims]
m = 4
n0 = 8
n1 = 4
n2 = 6
[inputs]
X = ["m", "n0"]
Y = ["m", "n2"]
[params]
W1 = ["n0", "n1"]
W2 = ["n1", "n2"]
c2 = ["m", 1]
[forward]
Z1 = "torch.matmul(X, W1)"
A1 = "np.clip(Z1, -0.755, 0.845)"
B1 = "A1 * A1.max(axis=1, keepdims=True)"
Z2 = "B1 @ W2 - c2"
A2 = "(Z2 * Z2 + 1).pow(1.5)"
L = "-((Y) * jax.nn.log_softmax(A2)).sum(1).mean()"
[values]
X = [[0.1, 0.9, -0.5, 0.6, 0.6, 0.7, -0.6, -0.4], [-0.8, -0.3, -0.6, -0.7, -0.9, 0.9, 0.7, -0.2], [-0.7, -0.2, 0.4, -0.8, 0.8, 0.9, 0.9, 0.2], [-0.2, -0.2, -0.1, 0.7, 0.4, -0.8, -0.7, -0.9]]
Y = [[0.6, -0.8, 0.2, 0.4, 0.9, -0.8], [0.2, -0.8, -0.7, -0.9, 0.1, -0.2], [0.4, 0.9, -0.2, -0.6, 0.1, -0.2], [0.2, 0.5, -0.7, -0.5, 0.7, -0.6]]
W1 = [[-0.3, 0.8, 0.3, 0.6], [0.7, 0.0, -0.3, 0.0], [0.9, 0.0, 0.6, -0.7], [-0.6, 0.2, -0.6, 0.4], [0.4, 0.6, 0.8, 0.4], [-0.1, 0.5, -0.3, 0.0], [-0.4, 0.4, 0.3, 0.5], [0.4, -0.5, 0.6, 0.7]]
W2 = [[0.5, 0.8, 0.3, -0.9, -0.9, -0.2], [-0.5, 0.4, -0.2, -0.5, 0.6, -0.6], [0.8, 0.5, 0.1, 0.3, 0.8, 0.0], [0.9, 0.5, 0.9, -0.9, -0.9, 0.5]]
c2 = [[0.7], [-0.3], [0.7], [0.1]]
"""


def test_a_tie_only_pytorch_breaks_otherwise_is_refused_as_a_kink(tmp_path: Path) -> None:
    """Fuzz seed 500308: Z1[1, 1] = Z1[1, 3] = −0.49 exactly, a row max tied; the exact derivation
    and NumPy's float code take the first, PyTorch's argmax the one its float64 makes larger (W1
    off by 0.63): "some gradients disagree" (exit 1) before, the kink refusal now (exit 2)."""
    from click.testing import CliRunner

    from derive.cli import main

    res = CliRunner().invoke(main, ["verify", _spec(tmp_path, TIED_ONLY_PYTORCH_OTHERWISE)])
    assert res.exit_code == 2, res.output
    assert "∂L/∂W1 sits at a kink" in res.output, res.output
