"""Branch heldnets5 (issue 9's held-out course networks, pass 5): 1-D NumPy vectors beyond a
declared one — an earlier [forward] line that is 1-D, an element-wise expression of 1-D vectors —
so that ``np.dot`` of two of them is NumPy's inner product (李宏毅's HW2 cross-entropy
``-np.dot(Y, np.log(y_pred))``) and ``W @ h`` of a 1-D ``h`` the matrix-vector product. Each is
compared with PyTorch running the original on 1-D tensors."""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

X = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75], [-0.5, 1.0, 2.0], [0.25, 0.75, -1.25]])
Y = np.array([1.0, 0.0, 0.0, 1.0])
W = np.array([0.3, -0.2, 0.4])
W1 = np.array([[0.5, -0.25, 0.75], [1.0, 0.5, -0.5]])
B1 = np.array([0.1, -0.2])


def _vec(a: np.ndarray) -> str:
    return "[" + ", ".join(repr(float(v)) for v in a) + "]"


def _rows(a: np.ndarray) -> str:
    return "[" + ", ".join(_vec(r) for r in a) + "]"


def _grads(text: str) -> tuple[dict[str, np.ndarray], float]:
    d = derive(spec.parse(text, source="heldnets5"))
    return numeric.gradients_matrix(d, numeric.example_point(d.graph))


def _t(a: np.ndarray, grad: bool = False):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


def test_np_dot_of_two_1d_vectors_is_the_inner_product() -> None:
    grads, loss = _grads(f"""
[dims]
N = 4
d = 3
[inputs]
X = ["N", "d"]
Y = ["N"]
[params]
w = ["d"]
b = []
[forward]
z = "np.matmul(X, w) + b"
y_pred = "1 / (1.0 + np.exp(-z))"
loss = "-np.dot(Y, np.log(y_pred)) - np.dot((1 - Y), np.log(1 - y_pred)) + np.dot(w, w)"
[values]
X = {_rows(X)}
Y = {_vec(Y)}
w = {_vec(W)}
b = 0.25
""")
    w, b = _t(W, True), _t(0.25, True)
    p = torch.sigmoid(_t(X) @ w + b)
    y = _t(Y)
    ref = -torch.dot(y, torch.log(p)) - torch.dot(1 - y, torch.log(1 - p)) + torch.dot(w, w)
    ref.backward()
    assert loss == pytest.approx(float(ref.detach()), rel=1e-12)
    np.testing.assert_allclose(grads["w"].ravel(), w.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(np.ravel(grads["b"]), [float(b.grad)], rtol=1e-10)


def test_matrix_times_a_1d_vector_of_an_earlier_line_is_a_vector() -> None:
    """Column-major code on one example with 1-D vectors: h = tanh(W1 @ x + b1) is 1-D, so
    np.dot(v, h) is a number and W1.T @ h a vector."""
    grads, loss = _grads(f"""
[dims]
d = 3
h = 2
[inputs]
x = ["d"]
[params]
W1 = ["h", "d"]
b1 = ["h"]
v = ["h"]
[forward]
a = "np.tanh(W1 @ x + b1)"
back = "W1.T @ a"
out = "np.dot(v, a) + np.sum(back ** 2)"
loss = "(out - 1) ** 2"
[values]
x = {_vec(X[0])}
W1 = {_rows(W1)}
b1 = {_vec(B1)}
v = [0.5, -1.5]
""")
    w1, b1, v = _t(W1, True), _t(B1, True), _t(np.array([0.5, -1.5]), True)
    a = torch.tanh(w1 @ _t(X[0]) + b1)
    ref = (torch.dot(v, a) + ((w1.T @ a) ** 2).sum() - 1) ** 2
    ref.backward()
    assert loss == pytest.approx(float(ref.detach()), rel=1e-12)
    for name, t in (("W1", w1), ("b1", b1), ("v", v)):
        np.testing.assert_allclose(grads[name].reshape(t.shape), t.grad.numpy(), rtol=1e-10)


@pytest.mark.parametrize(
    "call",
    ["mlx.nn.relu(X @ W)", "cp.dot(X, W)", "Xs.sum(axis=0) + X @ W"],  # keras.ops: read (round 35)
)
def test_an_unknown_module_is_named_not_counted_as_an_argument(call: str) -> None:
    """Before, tf.matmul(x, W) said 'matmul() takes at most 2 arguments here' and jax.nn.relu(z)
    'relu() takes 1 arguments, got 2': the module was read as a tensor whose method is called."""
    text = f"""
[dims]
m = 2
d = 2
[inputs]
X = ["m", "d"]
[params]
W = ["d", 2]
[forward]
z = "{call}"
L = "np.sum(z ** 2)"
"""
    with pytest.raises(spec.SpecError) as err:
        spec.parse(text, source="heldnets5")
    root = call.split("(")[0].rsplit(".", 1)[0]
    assert f"'{root}' in {call.split('(')[0]}(…) is neither a module derive reads" in str(err.value)
    assert "arguments" not in str(err.value)
