"""Round 29 (issue 11, and a spelling for issue 9): a derivation whose steps are 1-D vectors, as
西瓜书's BP (g_j, e_h) and 邱锡鹏's attention are written in NumPy with 1-D arrays.

- ``g = y_hat * (1 - y_hat) * (y - y_hat)`` then ``e = b * (1 - b) * (w @ g)``: NumPy's ``w @ g``
  is a matrix-vector product, 1-D. The checker's rows reading took g for a row, so ``w @ g``
  was a column and e broadcast to a (q, q) matrix (or did not read at all): a right answer was
  "shape-mismatch". The derivation is now read again with NumPy's meaning of its 1-D steps
  where the rows reading does not read or has not the gradient's shape (``formula._numpy_first``).
- ``np.outer(X.T @ ds, q)`` of such a step was refused; its rewrite is now ``np.atleast_2d`` of
  each factor, which the language reads (a 1-D vector's (1, k) row, no longer 1-D by its form,
  so its ``.T`` is the column in both readings); ``np.atleast_2d`` in a spec line likewise.
- A transpose kept on a 1 × 1 factor (1 × 1 only at the example's sizes) was dropped when the
  product around it was transposed (``(w @ gᵀ)ᵀ`` became ``gᵀ @ wᵀ``): right at the example,
  wrong at other sizes, so a right answer was "right at the example's sizes only".

Every verdict here is also computed independently: the student's code run in NumPy at the spec's
values, the gradient by PyTorch autograd of the network written in PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
from test_heldnets21 import _both

torch = pytest.importorskip("torch")

# ---- 西瓜书's BP with thresholds, 1-D vectors, every size different ------------------------

_XIGUA = """
[dims]
d = 3
q = 4
l = 2
[inputs]
x = ["d"]
y = ["l"]
[params]
v = ["d", "q"]
gamma = ["q"]
w = ["q", "l"]
theta = ["l"]
[forward]
b = "1 / (1 + np.exp(-(x @ v - gamma)))"
y_hat = "1 / (1 + np.exp(-(np.dot(b, w) - theta)))"
E = "0.5 * np.sum((y_hat - y) ** 2)"
[values]
x = [0.6, -0.2, 0.9]
y = [1, 0]
v = [[0.1, -0.3, 0.5, 0.2], [0.4, 0.1, -0.2, 0.3], [-0.5, 0.2, 0.1, -0.1]]
gamma = [0.1, -0.2, 0.3, 0.05]
w = [[0.3, -0.1], [0.2, 0.4], [-0.6, 0.1], [0.5, -0.3]]
theta = [0.2, -0.1]
"""
_XV = {
    "x": [0.6, -0.2, 0.9],
    "y": [1.0, 0.0],
    "v": [[0.1, -0.3, 0.5, 0.2], [0.4, 0.1, -0.2, 0.3], [-0.5, 0.2, 0.1, -0.1]],
    "gamma": [0.1, -0.2, 0.3, 0.05],
    "w": [[0.3, -0.1], [0.2, 0.4], [-0.6, 0.1], [0.5, -0.3]],
    "theta": [0.2, -0.1],
}


def _xigua_torch(t: dict) -> torch.Tensor:
    b = torch.sigmoid(t["x"] @ t["v"] - t["gamma"])
    y_hat = torch.sigmoid(b @ t["w"] - t["theta"])
    return 0.5 * torch.sum((y_hat - t["y"]) ** 2)


def _xigua_env(t: dict) -> dict:
    b = 1 / (1 + np.exp(-(t["x"] @ t["v"] - t["gamma"])))
    return {"b": b, "y_hat": 1 / (1 + np.exp(-(b @ t["w"] - t["theta"])))}


_G = "g = y_hat * (1 - y_hat) * (y - y_hat)\n"
_E = _G + "e = b * (1 - b) * (w @ g)\n"
XIGUA_CASES = [
    ("v", _E + "dv = -np.outer(x, e)", True),
    ("v", _G + "e = b * (1 - b) * np.dot(w, g)\ndv = -np.outer(x, e)", True),
    ("v", _E + "dv = np.outer(x, e)", False),  # the sign of g's (y - ŷ) kept
    ("v", _G + "e = w @ g\ndv = -np.outer(x, e)", False),  # b(1 − b) forgotten
    ("gamma", _E + "dgamma = e", True),
    ("gamma", _E + "dgamma = -e", False),
    ("w", _G + "dw = -np.outer(b, g)", True),
    ("w", _G + "dw = -np.outer(g, b)", False),  # the transpose
    ("theta", _G + "dtheta = g", True),
]


def _numpy_run(code: str, env: dict, wrt: str) -> np.ndarray:
    """The student's code (this test's own text) run in NumPy: the independent verdict."""
    scope = {"np": np, **env}
    exec(code, scope)  # noqa: S102 (the test's own fixed strings, never user input)
    return np.asarray(scope["d" + wrt], dtype=float)


def _truth(forward, values: dict, wrt: str) -> np.ndarray:
    t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in values.items()}
    forward(t).backward()
    return t[wrt].grad.numpy()


@pytest.mark.parametrize(("wrt", "code", "right"), XIGUA_CASES)
def test_xigua_one_d_steps(wrt: str, code: str, right: bool) -> None:
    _judged(_XIGUA, _XV, _xigua_env, _xigua_torch, wrt, code, right)


def _judged(spec: str, values: dict, forward_np, forward_torch, wrt: str, code: str, right: bool) -> None:
    """The student's ``code`` right exactly when NumPy running it agrees with PyTorch autograd,
    and derive check says so."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    env = {k: np.asarray(v, dtype=float) for k, v in values.items()}
    mine = _numpy_run(code, {**env, **forward_np(env)}, wrt)
    truth = _truth(forward_torch, values, wrt)
    assert (mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)) == right
    r = check(spec_mod.parse(spec, "one-d-steps"), wrt, code)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


# ---- 邱锡鹏's bilinear attention, 1-D steps, np.outer of an expression ------------------------

_QIU = """
[dims]
N = 5
D = 2
[inputs]
X = ["N", "D"]
q = ["D"]
t = ["D"]
[params]
W = ["D", "D"]
[forward]
s = "X @ W @ q"
alpha = "np.exp(s) / np.sum(np.exp(s))"
att = "alpha @ X"
loss = "0.5 * np.sum((att - t) ** 2)"
[values]
X = [[0.5, -1.0], [0.2, 0.3], [-0.4, 0.8], [1.0, 0.1], [0.0, -0.6]]
q = [0.7, -0.3]
t = [0.2, 0.1]
W = [[0.3, -0.2], [0.5, 0.1]]
"""
_QV = {
    "X": [[0.5, -1.0], [0.2, 0.3], [-0.4, 0.8], [1.0, 0.1], [0.0, -0.6]],
    "q": [0.7, -0.3],
    "t": [0.2, 0.1],
    "W": [[0.3, -0.2], [0.5, 0.1]],
}


def _qiu_torch(t: dict) -> torch.Tensor:
    alpha = torch.softmax(t["X"] @ t["W"] @ t["q"], dim=0)
    return 0.5 * torch.sum((alpha @ t["X"] - t["t"]) ** 2)


def _qiu_env(t: dict) -> dict:
    s = t["X"] @ t["W"] @ t["q"]
    alpha = np.exp(s) / np.sum(np.exp(s))
    return {"alpha": alpha, "att": alpha @ t["X"]}


_DS = "da = X @ (att - t)\nds = alpha * (da - alpha @ da)\n"
QIU_CASES = [
    (_DS + "dW = np.outer(X.T @ ds, q)", True),
    (_DS + "dW = np.outer(np.dot(X.T, ds), q)", True),
    (_DS + "u = X.T @ ds\ndW = np.outer(u, q)", True),
    (_DS + "dW = np.outer(q, X.T @ ds)", False),  # the transpose
    ("da = X @ (att - t)\nds = alpha * da\ndW = np.outer(X.T @ ds, q)", False),  # Jacobian's diagonal only
    (_DS + "dW = -np.outer(X.T @ ds, q)", False),
]


@pytest.mark.parametrize(("code", "right"), QIU_CASES)
def test_qiu_attention_one_d_steps(code: str, right: bool) -> None:
    _judged(_QIU, _QV, _qiu_env, _qiu_torch, "W", code, right)


# ---- np.atleast_2d in a spec line, against PyTorch running the text ---------------------------

_ATLEAST = """
[dims]
d = 3
h = 2
[inputs]
x = ["d"]
T = ["d", "h"]
[params]
W = ["d", "h"]
[forward]
a = "np.tanh(x @ W)"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'P = "np.atleast_2d(x).T @ np.atleast_2d(a)"\nloss = "0.5 * np.sum((P - T) ** 2)"',
        'P = "torch.atleast_2d(x).T * torch.atleast_2d(a)"\nloss = "torch.mean((P - T) ** 2)"',
        'P = "np.atleast_2d(a) * np.atleast_2d(T)"\nloss = "np.sum(P ** 2)"',
        'loss = "np.sum(np.atleast_2d(a) @ W.T)"',
    ],
    ids=["outer", "broadcast-column", "of-a-matrix", "row-times-matrix"],
)
def test_atleast_2d_in_a_spec(lines: str) -> None:
    _both(_ATLEAST.format(lines=lines), "atleast-2d")


# ---- a size dk beside a tensor k: δ_k and ∂L/∂k are the gradient, d_k the size ----------------

_DK = """
[dims]
n = 3
dk = 2
[inputs]
x = ["n", "dk"]
[params]
W = ["dk", "dk"]
[forward]
k = "x @ W"
loss = "0.5 * sum(k ** 2) / dk"
"""


@pytest.mark.parametrize(
    ("text", "latex", "right"),
    [
        ("\\frac{\\partial L}{\\partial W} = x^\\top \\delta_{k}", True, True),
        ("\\frac{\\partial L}{\\partial W} = x^\\top \\frac{\\partial L}{\\partial k}", True, True),
        ("\\frac{\\partial L}{\\partial W} = \\frac{1}{d_k} x^\\top k", True, True),
        ("\\delta_k = k / d_k \\\\ \\frac{\\partial L}{\\partial W} = x^\\top \\delta_k", True, True),
        ("\\frac{\\partial L}{\\partial W} = \\frac{1}{d_k} x^\\top \\delta_{k}", True, False),
        ("\\frac{\\partial L}{\\partial W} = \\frac{1}{\\sqrt{d_k}} x^\\top k", True, False),
        ("dW = x.T @ grad_k", False, True),
        ("dW = x.T @ k / dk", False, True),
        ("dW = x.T @ k", False, False),
    ],
)
def test_a_size_dk_beside_a_tensor_k(text: str, latex: bool, right: bool) -> None:
    """UvA's attention: a [dims] size dk and a tensor k (so derive names ∂L/∂k ``d_k``). LaTeX's
    δ_k was read as the size dk (so derive check could not read back its own LaTeX answer), and
    d_k as the gradient: δ_k, ∂L/∂k are the gradient of k, d_k the size (∂L/∂W = xᵀk / dk)."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    net = spec_mod.parse(_DK, "dk-beside-k")
    assert check(net, "W", text, latex=latex).verdict == ("correct" if right else "incorrect")
    r = check(net, "W", "dW = x.T @ k / dk")  # derive's own answer, text and LaTeX, read back
    assert check(net, "W", r.expected).ok and check(net, "W", r.expected_tex, latex=True).ok
