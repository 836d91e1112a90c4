"""Branch heldnets15 (issue 9's held-out course networks, pass 15): what the first pass of new
course networks found. Each network's OWN text runs in PyTorch float64 (tests/spelled_oracle.py)
and must agree with derive's loss and every gradient:

- knowledge distillation with a sparse teacher, ``F.kl_div(log_softmax(z), target)`` where the
  target has exact zeros, was refused ("log of 0.0"): PyTorch's KL divergence is
  ``xlogy(target, target) − target·input``, 0 where the target is 0;
- CS231n's ``temporal_softmax_loss``, ``probs[np.arange(N * T), y]`` of rows declared
  ``["N * T", …]``, was refused ("np.arange(N * T) must count the 4 rows … (write np.arange(N *
  T))"): a size expression of [dims] names is its value;
- CS230/Coursera's ``np.linalg.norm(w, ord=1)`` of the weight column ``w = [n, 1]`` was refused
  (NumPy's matrix 1-norm): of one column, row or a 1-D vector it is the vector norm;
- Géron's Keras ``huber_fn``, a comparison on a line of its own (``is_small_error = tf.abs(error)
  < 1``) then ``tf.where(is_small_error, …)``, was refused ("'Compare' is not allowed"): the line
  is its 0/1 mask;
- the oracle itself: a NumPy-only text's bare ``H.std(axis=0)`` ran as PyTorch's (n − 1) where
  derive rightly reads NumPy's n (the lost pass 14's finding), and ``math.cos``/``tf.abs`` were
  missing from its shims."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

from derive.errors import DeriveError
from derive.lang import spec as spec_mod

pytest.importorskip("torch")


def _agree(text: str, name: str) -> None:
    out = oracle_text(text, name)
    assert out.status == "agree", (out.status, out.reason)


_KL = """
[dims]
n = 3
d = 2
C = 3
[inputs]
X = ["n", "d"]
target = ["n", "C"]
[params]
W = ["d", "C"]
[forward]
logits = "X @ W"
loss = "{loss}"
[values]
target = [[0.0, 0.7, 0.3], [1.0, 0.0, 0.0], [0.25, 0.25, 0.5]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.kl_div(F.log_softmax(logits, dim=1), target, reduction='batchmean')",
        "F.kl_div(torch.log_softmax(logits, -1), target, reduction='sum')",
        "torch.nn.functional.kl_div(F.log_softmax(logits / 2.0, dim=1), target) * 4.0",
    ],
)
def test_kl_div_of_a_target_with_zeros_is_pytorchs_xlogy(loss: str) -> None:
    _agree(_KL.format(loss=loss), "kl0")


_TEMPORAL = """
[dims]
N = 2
T = 2
H = 3
V = 4
[inputs]
h_flat = ["N * T", "H"]
y_flat = ["N * T"]
mask_flat = ["N * T"]
[params]
W_vocab = ["H", "V"]
[forward]
x_flat = "h_flat.dot(W_vocab)"
probs = "np.exp(x_flat) / np.sum(np.exp(x_flat), axis=1, keepdims=True)"
loss = "-np.sum(mask_flat * np.log(probs[{arange}, y_flat])) / N"
[values]
y_flat = [1, 3, 0, 2]
mask_flat = [1.0, 1.0, 1.0, 0.0]
"""


@pytest.mark.parametrize("arange", ["np.arange(N * T)", "np.arange(T * N)", "range(2 * T)"])
def test_arange_of_a_size_expression_counts_the_rows(arange: str) -> None:
    _agree(_TEMPORAL.format(arange=arange), "temporal")


def test_arange_of_a_wrong_size_expression_is_still_refused() -> None:
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_TEMPORAL.format(arange="np.arange(N * T - 1)"), "bad")
    assert "must count the 4 rows" in str(err.value)


_NORM = """
[dims]
m = 4
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
w = {w}
[constants]
lambd = 0.1
[forward]
r = "{r}"
cost = "np.mean(r ** 2) + {penalty}"
"""


@pytest.mark.parametrize(
    ("w", "r", "penalty"),
    [
        ('["n", 1]', "X @ w - y", "lambd * np.linalg.norm(w, ord=1)"),
        ('["n", 1]', "X @ w - y", "lambd * np.linalg.norm(w, 1) + lambd * np.linalg.norm(w, 2)"),
        ('[1, "n"]', "X @ w.T - y", "lambd * np.linalg.norm(w, 2) ** 2"),
        ('["n"]', "X @ w - y.T", "lambd * np.linalg.norm(np.tanh(w), ord=1)"),
    ],
)
def test_numpy_norm_of_a_vector_with_an_order(w: str, r: str, penalty: str) -> None:
    _agree(_NORM.format(w=w, r=r, penalty=penalty), "norm")


@pytest.mark.parametrize(("w", "r"), [('["n", 2]', "X @ w - y")])
def test_numpy_matrix_one_norm_stays_refused(w: str, r: str) -> None:
    """NumPy's 1-norm of a matrix is its largest column sum: refused."""
    text = _NORM.format(w=w, r=r, penalty="np.linalg.norm(w, ord=1)")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "bad")
    assert "other orders are not supported" in str(err.value)


def test_numpy_one_norm_of_a_row_is_its_largest_entry() -> None:
    """Of a [1, n] row NumPy's 1-norm is its largest |entry| (its columns' sums), not
    sum(|w|): read since round 23 (spellings23), it agrees with the spelled oracle, which runs
    NumPy's matrix definition (torch.linalg.matrix_norm(w, 1)) and tells the two apart."""
    _agree(_NORM.format(w='[1, "n"]', r="X @ w.T - y", penalty="np.linalg.norm(w, ord=1)"), "norm")


_MASK = """
[dims]
n = 4
d = 3
[inputs]
X = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 1]
[forward]
y_pred = "X @ W"
error = "y - y_pred"
mask = "{mask}"
loss = "{loss}"
[values]
X = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-0.75, 2.0, 1.0], [0.1, 0.2, 0.3]]
y = [[1.0], [-2.0], [0.5], [3.0]]
W = [[0.4], [-0.3], [0.8]]
"""


@pytest.mark.parametrize(
    ("mask", "loss"),
    [
        (
            "tf.abs(error) < 1",
            "tf.reduce_mean(tf.where(mask, tf.square(error) / 2, tf.abs(error) - 0.5))",
        ),
        ("error >= 0", "np.mean(np.where(mask, 0.9 * error, -0.1 * error))"),
        ("y > 0", "torch.mean(torch.where(mask, error ** 2, 2 * error ** 2))"),
        ("error > 0.5", "torch.sum(error ** 2 * mask) + torch.sum(torch.where(mask, error, 0.0))"),
    ],
)
def test_a_comparison_on_its_own_line_is_its_mask(mask: str, loss: str) -> None:
    _agree(_MASK.format(mask=mask, loss=loss), "mask")


_STD = """
[dims]
n = 4
d = 2
h = 3
[inputs]
X = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", "h"]
v = ["h", 1]
[forward]
H = "{lib}.tanh(X @ W)"
Hs = "(H - H.mean({axis}0)) / (H.std({axis}0) + 1e-8)"
out = "Hs @ v"
loss = "{lib}.mean((out - y) ** 2) + 0.1 * H.var({axis}0).sum()"
"""


@pytest.mark.parametrize(("lib", "axis"), [("np", "axis="), ("np", ""), ("torch", "")])
def test_the_oracle_runs_a_bare_std_as_the_specs_library(lib: str, axis: str) -> None:
    """derive reads a bare ``x.std(0)`` as the library the spec is written with (NumPy's n,
    PyTorch's n − 1); the oracle now runs it so, and a text with the other divisor disagrees
    (the oracle is not agreeing with itself)."""
    text = _STD.format(lib=lib, axis=axis)
    _agree(text, "std")
    other = "np.std(H, axis=0, ddof=1)" if lib == "np" else "H.std(0, unbiased=False)"
    run = text.replace(f"H.std({axis}0)", other)
    out = oracle_text(text, "std", run=run)
    assert out.status == "DISAGREE", (out.status, out.reason)


def test_the_oracle_runs_math_cos_of_a_constant() -> None:
    """ArcFace's ``cosine * math.cos(m) - sine * math.sin(m)`` with a [constants] margin."""
    text = """
[dims]
n = 3
d = 4
C = 3
[inputs]
X = ["n", "d"]
label = ["n"]
[params]
W = ["C", "d"]
[constants]
s = 8.0
m = 0.5
[forward]
cosine = "F.linear(F.normalize(X), F.normalize(W))"
sine = "torch.sqrt((1.0 - torch.pow(cosine, 2)).clamp(0, 1))"
phi = "cosine * math.cos(m) - sine * math.sin(m)"
one_hot = "F.one_hot(label, C).float()"
output = "(one_hot * phi + (1.0 - one_hot) * cosine) * s"
loss = "F.cross_entropy(output, label)"
[values]
label = [0, 2, 1]
"""
    _agree(text, "arcface")


_CDIST = """
[dims]
n = 3
k = 2
d = 3
e = 2
[inputs]
Xq = ["n", "d"]
C = ["k", "e"]
y = ["n"]
[params]
W = ["d", "e"]
[forward]
zq = "Xq @ W"
dists = "{dists}"
loss = "{loss}"
[values]
y = [0, 1, 1]
"""


@pytest.mark.parametrize(
    ("dists", "loss"),
    [
        ("torch.cdist(zq, C) ** 2", "F.cross_entropy(-dists, y)"),
        ("torch.cdist(zq, C, p=2)", "torch.exp(-dists ** 2 / 2).sum() + dists.mean()"),
        ("torch.cdist(C, zq).T", "F.cross_entropy(-dists, y)"),
        ("torch.cdist(zq, zq[:2]) ** 2", "F.cross_entropy(-dists, y)"),
    ],
)
def test_cdist_is_the_euclidean_distance_of_every_pair_of_rows(dists: str, loss: str) -> None:
    """Prototypical networks' ``-torch.cdist(q, protos) ** 2`` logits (was "unknown function
    'cdist'"); against PyTorch's own ``torch.cdist``."""
    _agree(_CDIST.format(dists=dists, loss=loss), "cdist")


def test_cdist_with_another_p_is_refused_in_one_line() -> None:
    text = _CDIST.format(dists="torch.cdist(zq, C, p=1)", loss="dists.sum()")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "bad")
    assert "p=2" in str(err.value) and "\n" not in str(err.value).strip()


def test_layer_indexed_function_letters_read_back_as_the_networks_tensors() -> None:
    """A network naming its tensors f1, g1, phi1 (Goodfellow-style): the walkthrough prints
    ``g^{[2]\\top} \\delta_{f^{[3]}}``, which the LaTeX reader took for the activation g and
    stopped ("expected the argument of g"); it is the tensor g2 where the network has one, and a
    wrong layer is still wrong."""
    from pathlib import Path

    from derive.checker.check import check

    path = str(Path(__file__).parent / "specs_course" / "hn15_layer_function_names.toml")
    assert check(path, "W3", "g^{[2]\\top} \\thinspace \\delta_{f^{[3]}}", latex=True).ok
    assert check(path, "W2", "\\phi^{[1]\\top} \\delta_{f^{[2]}}", latex=True).ok
    assert not check(path, "W3", "g^{[1]\\top} \\thinspace \\delta_{f^{[3]}}", latex=True).ok
    assert not check(path, "W2", "g^{[1]\\top} \\delta_{f^{[2]}}", latex=True).ok
