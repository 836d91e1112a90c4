"""Branch heldnets4's fixes, found by a fourth held-out pass of course networks (issue 9):
sizes written as arithmetic on [dims] names (``W = ["d + h", "h"]``)."""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

# an Elman RNN step on the concatenated [x, h0], one weight of d + h rows (colah / Karpathy)
RNN = """
[dims]
m = 2
d = 3
h = 2
[inputs]
x = ["m", "d"]
h0 = ["m", "h"]
y = ["m", "h"]
[params]
W = [{rows}, "h"]
b = [1, "h"]
[forward]
h1 = "np.tanh(np.concatenate((x, h0), axis=1) @ W + b)"
loss = "0.5 * np.sum((h1 - y) ** 2)"
{extra}
"""


@pytest.mark.parametrize("rows", ['"d + h"', '"h + d - 0"', '"(d + h) * 1"', '"2*h + 1"'])
def test_a_size_may_be_arithmetic_on_dims_names(rows: str) -> None:
    s = spec.parse(RNN.format(rows=rows, extra=""), source="rnn")
    assert int(s.params["W"][0]) == 5
    assert isinstance(s.params["W"][0], spec.SizeExpr)
    assert s.params["W"][0].at({"d": 4, "h": 3}) == 7  # recomputed at other sizes


def test_arithmetic_sizes_verify_at_the_example_and_at_full_size() -> None:
    """[full_dims] changes d and h: W is drawn with d + h rows there, and the concatenation's
    backward block (cols d+1 … d+h of the upstream gradient) moves with them."""
    text = RNN.format(rows='"d + h"', extra="")
    text = text.replace("[forward]", "[full_dims]\nd = 6\nh = 4\nm = 5\n[forward]")
    d = derive(spec.parse(text, source="rnn"))
    report = numeric.verify(d, points=1, full=True)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {"example", "full size"} <= {c.point for c in report.comparisons}


@pytest.mark.parametrize(
    "rows, says",
    [
        ('"d + k"', "unknown dimension 'k'"),
        ('"d / h"', "only + - * // of [dims] names"),
        ('"len(d)"', "only + - * // of [dims] names"),
        ('"d - 3"', "size 'd - 3' is 0"),
        ('"d +"', "not a size expression"),
        ('"__import__(\'os\')"', "only + - * // of [dims] names"),
        ('"d ** h"', "only + - * // of [dims] names"),
    ],
)
def test_a_bad_size_expression_is_one_clear_line(rows: str, says: str) -> None:
    with pytest.raises(spec.SpecError) as err:
        spec.parse(RNN.format(rows=rows, extra=""), source="rnn")
    msg = str(err.value)
    assert "[params] W" in msg and says in msg and "\n" not in msg


# d2l's squared_loss: (y_hat - y.reshape(y_hat.shape)) ** 2 / 2, and fast.ai's squeeze(-1)
RESHAPE = """
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
y = ["m"]
c = ["m", 1]
[params]
w = ["n", 1]
[forward]
p = "X @ w"
L = "{loss}"
"""


@pytest.mark.parametrize(
    "loss, same",
    [
        ("np.sum((p - c.reshape(p.shape)) ** 2)", "np.sum((p - c) ** 2)"),
        ("np.sum((p - y.reshape(-1, 1)) ** 2)", "np.sum((p - y[:, None]) ** 2)"),
        ("np.sum((p - y.reshape(m, 1)) ** 2)", "np.sum((p - y[:, None]) ** 2)"),
        ("np.sum((p - np.reshape(y, (X.shape[0], 1))) ** 2)", "np.sum((p - y[:, None]) ** 2)"),
        ("np.sum((p.squeeze(-1) - y) ** 2)", "np.sum((p.T - y) ** 2)"),  # 1-D: a row
        ("np.sum((p.view(-1) - y) ** 2)", "np.sum((p.T - y) ** 2)"),
        ("np.sum((p.flatten() - y) ** 2)", "np.sum((p.T - y) ** 2)"),
        ("np.sum((p - c.view(3, 1)) ** 2)", "np.sum((p - c) ** 2)"),
    ],
)
def test_a_reshape_that_keeps_the_entries_is_the_tensor_or_its_transpose(
    loss: str, same: str
) -> None:
    a = spec.parse(RESHAPE.format(loss=loss), source="reshape")
    b = spec.parse(RESHAPE.format(loss=same), source="reshape")
    assert a.forward[-1][1] == b.forward[-1][1]


@pytest.mark.parametrize(
    "loss, says",
    [
        # a sum of everything of a reshape that fits is the sum of the tensor since ops11
        # (X.reshape(2, 3) and (X * 2).reshape(-1, 3) of the [3, 2] X, refused here until round
        # 40, are read since branch heldnets40 — a matrix reshaped to other sizes is NumPy's
        # row-major fill of its flatten — and checked against PyTorch in tests/test_heldnets40.py)
        ("np.sum(p.reshape(-1, 2))", "cannot reshape 3 entries into [-1, 2]"),
        ("np.sum(p.reshape(q))", "reshape sizes are numbers, -1, [dims] names or X.shape"),
    ],
)
def test_a_reshape_that_moves_entries_is_refused_in_one_line(loss: str, says: str) -> None:
    with pytest.raises(spec.SpecError) as err:
        spec.parse(RESHAPE.format(loss=loss), source="reshape")
    assert says in str(err.value) and "\n" not in str(err.value)


ADALINE = """
[dims]
n = 4
d = 2
[inputs]
X = ["n", "d"]
y = ["n"]
[params]
w_ = ["d"]
b_ = []
[forward]
net_input = "np.dot(X, w_) + b_"
errors = "y - net_input"
cost = "(errors ** 2).sum() / 2.0"
[values]
X = [[1.0, 2.0], [-0.5, 0.3], [2.0, -1.0], [0.1, 0.4]]
y = [1, -1, -1, 1]
w_ = [0.2, -0.7]
b_ = 0.1
"""


def test_a_1d_weight_on_the_right_of_matmul_is_numpys_matrix_vector_product() -> None:
    """Raschka's Adaline: X (n, d) @ w_ (d,) is 1-D (n,) in NumPy, a row next to the 1-D y;
    the loss and gradients equal PyTorch's on 1-D tensors (the spec's own reading, a row w_
    as a [1, d] matrix, would not even multiply)."""
    torch = pytest.importorskip("torch")
    d = derive(spec.parse(ADALINE, source="adaline"))
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    rows = [[1.0, 2.0], [-0.5, 0.3], [2.0, -1.0], [0.1, 0.4]]
    t = {"X": torch.tensor(rows, dtype=torch.float64)}
    t["y"] = torch.tensor([1.0, -1, -1, 1], dtype=torch.float64)
    w = torch.tensor([0.2, -0.7], dtype=torch.float64, requires_grad=True)
    b = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
    cost = ((t["y"] - (t["X"] @ w + b)) ** 2).sum() / 2.0
    cost.backward()
    assert loss == pytest.approx(float(cost.detach()), rel=1e-12)
    assert grads["w_"].ravel() == pytest.approx(w.grad.numpy(), rel=1e-12)
    assert float(np.asarray(grads["b_"]).ravel()[0]) == pytest.approx(float(b.grad), rel=1e-12)


# CS231n's gradient check: the upstream gradient is the input dout, next to the node out
DOUT = """
[dims]
N = 2
D = 3
M = 2
[inputs]
x = ["N", "D"]
dout = ["N", "M"]
[params]
w = ["D", "M"]
b = ["M"]
[forward]
out = "x.dot(w) + b"
loss = "np.sum(out * dout)"
"""


def test_an_input_named_dout_is_supported_and_the_gradient_of_out_is_d_out(tmp_path) -> None:
    """``dout`` stays the user's input everywhere; ∂L/∂out is ``d_out`` in the generated code
    and the lab (which run and agree with PyTorch), and derive check reads ``dout`` as the
    input and ``d_out`` as the gradient."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from derive.checker.check import check
    from derive.cli import main

    path = tmp_path / "cs231n.toml"
    path.write_text(DOUT, encoding="utf-8")
    d = derive(spec.load(str(path)))
    assert d.spec.gkey("out") == "d_out"
    report = numeric.verify(d, points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    args = ["build", str(path), "-f", "py", "--lang", "en", "-o", str(tmp_path / "o")]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    script = next((tmp_path / "o").rglob("backprop.py"))
    code = script.read_text(encoding="utf-8")
    assert "d_out = dout" in code and "dw = x.T @ d_out" in code
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    # the gradient of out here equals the input dout: both spellings are right, x @ dout is not
    assert check(str(path), "w", "x.T @ dout").ok and check(str(path), "w", "x.T @ d_out").ok
    assert not check(str(path), "w", "x.T @ dout / 2").ok


def test_keras_backend_k_is_a_module_unless_a_tensor_is_named_k() -> None:
    """``K.clip``/``K.epsilon()`` read as Keras' backend; in a spec with attention's keys K,
    ``K.sum(axis=0)`` stays the tensor's method (as before Keras was read)."""
    base = """
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
{k}
[params]
w = ["n", 1]
[forward]
p = "sigmoid(X @ w)"
L = "{loss}"
"""
    keras = spec.parse(base.format(k="", loss="K.mean(K.clip(p, K.epsilon(), 1))"), "k")
    plain = spec.parse(base.format(k="", loss="np.mean(np.clip(p, 1e-7, 1))"), "k")
    assert keras.forward[-1][1] == plain.forward[-1][1]
    text = base.format(k='K = ["m", "n"]', loss="np.sum(p) + K.sum(axis=0).sum()")
    tensor = spec.parse(text, "k")
    same = spec.parse(text.replace("K.sum(axis=0).sum()", "np.sum(np.sum(K, axis=0))"), "k")
    assert tensor.forward[-1][1] == same.forward[-1][1]


@pytest.mark.parametrize(
    "loss, says",
    [
        ("np.sum(sigmoid(p[:, m]))", "the index in p[:, m] is not read"),
        # a whole-number step is read since spellings25; a step by a size name is not
        ("np.sum(sigmoid(p[:, ::m]))", "a slice with a step"),
        ("np.sum(p[np.arange(m), y]) + np.sum(y)", "the class labels 'y' are used here other"),
        ("np.sum(p[np.arange(m), y]) + np.sum(y * 2)", "the class labels 'y' are used here other"),
        ("np.sum(p[np.arange(n), y])", "np.arange(n) must count the 3 rows of 'p'"),
        ("np.sum((p * 2)[np.arange(m), y])", "assign the expression to a name first"),
        # p[[0, 1], 0] (consecutive rows) is a block since ops11
        ("np.sum(p[[0, 2], 0] * p)", "indexing by labels (p[[0, 2], 0]) is not read"),
        ("np.sum(p[0][1] * p)", "indexing (p[0][1]) is not read"),
    ],
)
def test_indexing_in_a_spec_is_refused_saying_what_to_write(loss: str, says: str) -> None:
    text = """
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
y = ["m"]
[params]
w = ["n", 2]
[forward]
p = "X @ w"
L = "{loss}"
"""
    with pytest.raises(spec.SpecError) as err:
        spec.parse(text.format(loss=loss), source="idx")
    assert says in str(err.value) and "\n" not in str(err.value)


def test_an_arithmetic_size_prints_as_written_in_the_shape_table() -> None:
    from derive.walkthrough.records import dim_tex, shape_tex

    s = spec.parse(RNN.format(rows='"d + h"', extra=""), source="rnn")
    assert str(shape_tex(s.params["W"])) == "(d + h) \\times h"
    twice = spec.parse(RNN.format(rows='"2*h + 1"', extra=""), source="rnn")
    assert dim_tex(twice.params["W"][0]) == "(2 h + 1)"
