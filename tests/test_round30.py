"""Round 30 (issue 11): what a student writes on a one-example network and on a logits loss.

- **The column convention of written maths.** 邱锡鹏 §4.4 derives a two-layer network on one
  example with column vectors: ``δ^{(1)} = (1 − a^{(1)2}) ⊙ w_2 (p − y)``, then
  ``∂L/∂W_1 = δ^{(1)} x^⊤`` — an outer product. The checker holds a spec's 1-D vectors as rows,
  so it read ``δ x^⊤`` as a row by a column, broadcast, and judged the right answer
  "shape-mismatch" (and accepted the transposed mistake ``x δ^⊤`` the same way). A LaTeX
  derivation is now read again with the network's 1-D vectors as columns where the rows reading
  does not give the gradient's shape (``formula._columns_first``); a row juxtaposed with a column
  is no longer a broadcast (written maths has no such product).
- **ŷ of a logits loss.** With ``F.binary_cross_entropy_with_logits(z, Y)`` the checker read ŷ as
  the logits z, so the right ``Xᵀ(ŷ − y)/m`` was "unknown"; with ``F.cross_entropy(logits, Y)``
  (no softmax node) ŷ and P were unknown names. ŷ is now σ(z), softmax(z) there
  (``checknet._prediction_of_logits``), also for a loss written ``−Σ y ⊙ log_softmax(z)``.

Every verdict is also computed independently: the formula's meaning written in NumPy (column
vectors as ``(n, 1)`` arrays), the gradient by PyTorch autograd of the network in PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
from test_round29 import _truth

torch = pytest.importorskip("torch")

# ---- 邱锡鹏 §4.4: one example, 1-D vectors, a logistic output, every size different ------------

_QIU = """
[dims]
d = 3
h = 4
[inputs]
x = ["d"]
y = []
[params]
W1 = ["h", "d"]
b1 = ["h"]
w2 = ["h"]
b2 = []
[forward]
z1 = "W1 @ x + b1"
a1 = "np.tanh(z1)"
z2 = "w2 @ a1 + b2"
p = "1 / (1 + np.exp(-z2))"
L = "-(y * np.log(p) + (1 - y) * np.log(1 - p))"
[values]
x = [0.5, -1.0, 2.0]
y = 1
W1 = [[0.1, -0.2, 0.3], [0.4, 0.1, -0.5], [-0.3, 0.2, 0.1], [0.2, 0.3, -0.1]]
b1 = [0.1, -0.1, 0.2, 0.0]
w2 = [0.5, -0.4, 0.3, 0.2]
b2 = 0.1
"""
_QV = {
    "x": [0.5, -1.0, 2.0],
    "y": 1.0,
    "W1": [[0.1, -0.2, 0.3], [0.4, 0.1, -0.5], [-0.3, 0.2, 0.1], [0.2, 0.3, -0.1]],
    "b1": [0.1, -0.1, 0.2, 0.0],
    "w2": [0.5, -0.4, 0.3, 0.2],
    "b2": 0.1,
}


def _qiu_torch(t: dict) -> torch.Tensor:
    a1 = torch.tanh(t["W1"] @ t["x"] + t["b1"])
    p = torch.sigmoid(t["w2"] @ a1 + t["b2"])
    return -(t["y"] * torch.log(p) + (1 - t["y"]) * torch.log(1 - p))


def _qiu_columns(v: dict) -> dict:
    """The network's values as written maths holds them: vectors as (n, 1) columns."""
    x = np.asarray(v["x"], dtype=float)[:, None]
    W1, b1 = np.asarray(v["W1"], dtype=float), np.asarray(v["b1"], dtype=float)[:, None]
    w2 = np.asarray(v["w2"], dtype=float)[:, None]
    a1 = np.tanh(W1 @ x + b1)
    p = 1 / (1 + np.exp(-(w2.T @ a1 + v["b2"])))
    return {"x": x, "y": v["y"], "W1": W1, "w2": w2, "a1": a1, "p": p}


_D1 = r"\delta^{(1)} = (1 - a_1^2) \odot w_2 (p - y), \quad "
QIU_CASES = [
    # (wrt, LaTeX, its meaning in NumPy with columns — None where it has no shape there)
    ("W1", _D1 + r"\frac{\partial L}{\partial W_1} = \delta^{(1)} x^\top", "d1 @ x.T"),
    ("W1", _D1 + r"\frac{\partial L}{\partial W_1} = x \delta^{(1)\top}", "x @ d1.T"),
    ("W1", _D1 + r"\frac{\partial L}{\partial W_1} = x^\top \delta^{(1)}", None),
    ("W1", r"\frac{\partial L}{\partial W_1} = ((1 - a_1^2) \odot w_2 (p - y)) x^\top", "d1 @ x.T"),
    ("W1", r"\frac{\partial L}{\partial W_1} = (w_2 (p - y)) x^\top", "w2 * (p - y) @ x.T"),
    ("W1", r"\frac{\partial L}{\partial W_1} = ((1 - a_1^2) \odot w_2 (y - p)) x^\top", "-d1 @ x.T"),
    ("b1", _D1 + r"\frac{\partial L}{\partial b_1} = \delta^{(1)}", "d1"),
    ("w2", r"\frac{\partial L}{\partial w_2} = (p - y) a_1", "(p - y) * a1"),
    ("w2", r"\frac{\partial L}{\partial w_2} = p (1 - p) (p - y) a_1", "p * (1 - p) * (p - y) * a1"),
]


@pytest.mark.parametrize(("wrt", "latex", "meaning"), QIU_CASES)
def test_column_convention_of_one_example(wrt: str, latex: str, meaning: str | None) -> None:
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    cols = _qiu_columns(_QV)
    d1 = (1 - cols["a1"] ** 2) * cols["w2"] * (cols["p"] - cols["y"])
    truth = _truth(_qiu_torch, _QV, wrt)
    right = False
    if meaning is not None:
        mine = np.asarray(eval(meaning, {**cols, "d1": d1}))  # noqa: S307 (the test's own strings)
        mine = mine.reshape(truth.shape) if truth.ndim == 1 and 1 in mine.shape else mine
        right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    r = check(spec_mod.parse(_QIU, "qiu-one-example"), wrt, latex, latex=True)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()
    if meaning is None or (not right and mine.shape != truth.shape):
        assert "shape" in r.text()


def test_row_convention_still_read() -> None:
    """The same network in the rows convention (``δᵀ x``, NumPy's ``np.outer(d1, x)``): right."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    net = spec_mod.parse(_QIU, "qiu-one-example")
    for text, latex in (
        (_D1 + r"\frac{\partial L}{\partial W_1} = \delta^{(1)\top} x", True),
        ("d1 = (1 - a1 ** 2) * (w2 * (p - y))\ndW1 = np.outer(d1, x)", False),
    ):
        assert check(net, "W1", text, latex=latex).ok


# ---- a softmax output on one example: every gradient in the column convention ------------------

_SOFT = """
[dims]
d = 3
h = 4
k = 2
[inputs]
x = ["d"]
y = { shape = ["k"], kind = "one-hot" }
[params]
W1 = ["h", "d"]
b1 = ["h"]
W2 = ["k", "h"]
b2 = ["k"]
[forward]
z1 = "W1 @ x + b1"
a1 = "torch.tanh(z1)"
z2 = "W2 @ a1 + b2"
L = "-torch.sum(y * F.log_softmax(z2, dim=0))"
[values]
x = [1.0, -0.5, 0.25]
y = [0, 1]
W1 = [[0.2, -0.1, 0.4], [0.3, 0.5, -0.2], [-0.4, 0.1, 0.2], [0.1, -0.3, 0.3]]
b1 = [0.0, 0.1, -0.1, 0.2]
W2 = [[0.3, -0.2, 0.1, 0.4], [-0.1, 0.2, 0.5, -0.3]]
b2 = [0.1, -0.2]
"""
_SV = {
    "x": [1.0, -0.5, 0.25],
    "y": [0.0, 1.0],
    "W1": [[0.2, -0.1, 0.4], [0.3, 0.5, -0.2], [-0.4, 0.1, 0.2], [0.1, -0.3, 0.3]],
    "b1": [0.0, 0.1, -0.1, 0.2],
    "W2": [[0.3, -0.2, 0.1, 0.4], [-0.1, 0.2, 0.5, -0.3]],
    "b2": [0.1, -0.2],
}


def _soft_torch(t: dict) -> torch.Tensor:
    a1 = torch.tanh(t["W1"] @ t["x"] + t["b1"])
    return -torch.sum(t["y"] * torch.log_softmax(t["W2"] @ a1 + t["b2"], dim=0))


_DS = r"\delta^{(2)} = \hat{y} - y, \quad \delta^{(1)} = (1 - a_1^2) \odot W_2^\top \delta^{(2)}, \quad "
SOFT_CASES = [
    ("W1", r"\delta^{(1)} x^\top", "d1 @ x.T"),
    ("b1", r"\delta^{(1)}", "d1"),
    ("W2", r"\delta^{(2)} a_1^\top", "d2 @ a1.T"),
    ("b2", r"\delta^{(2)}", "d2"),
    ("W2", r"a_1 \delta^{(2)\top}", "a1 @ d2.T"),
    ("W1", r"\delta^{(1)} x", None),
    ("W2", r"(W_2^\top \delta^{(2)}) a_1^\top", None),
]


@pytest.mark.parametrize(("wrt", "answer", "meaning"), SOFT_CASES)
def test_column_convention_softmax(wrt: str, answer: str, meaning: str | None) -> None:
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    x = np.asarray(_SV["x"])[:, None]
    W1, W2 = np.asarray(_SV["W1"]), np.asarray(_SV["W2"])
    a1 = np.tanh(W1 @ x + np.asarray(_SV["b1"])[:, None])
    z2 = W2 @ a1 + np.asarray(_SV["b2"])[:, None]
    d2 = np.exp(z2) / np.exp(z2).sum() - np.asarray(_SV["y"])[:, None]
    d1 = (1 - a1**2) * (W2.T @ d2)
    truth = _truth(_soft_torch, _SV, wrt)
    right = False
    if meaning is not None:
        mine = np.asarray(eval(meaning, {"x": x, "a1": a1, "d1": d1, "d2": d2}))  # noqa: S307
        mine = mine.reshape(truth.shape) if truth.ndim == 1 else mine
        right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    text = _DS + rf"\frac{{\partial L}}{{\partial {wrt[0]}_{wrt[1]}}} = {answer}"
    r = check(spec_mod.parse(_SOFT, "qiu-softmax-one-example"), wrt, text, latex=True)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


# ---- ŷ of a logits loss -----------------------------------------------------------------------

_BCEL = """
[dims]
m = 4
n = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
w = ["n", 1]
b = []
[forward]
z = "X @ w + b"
L = "F.binary_cross_entropy_with_logits(z, Y)"
[values]
X = [[1, 2, 0], [0, -1, 1], [2, 0.5, -1], [-1, 1, 1]]
Y = [[1], [0], [0], [1]]
w = [[0.2], [-0.3], [0.1]]
b = 0.05
"""
_CE = """
[dims]
m = 3
n = 2
k = 3
[inputs]
X = ["m", "n"]
Y = { shape = ["m", "k"], kind = "one-hot" }
[params]
W = ["n", "k"]
[forward]
logits = "X @ W"
L = "F.cross_entropy(logits, Y)"
[values]
X = [[1, 2], [-1, 0.5], [0.3, -2]]
Y = [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
W = [[0.1, -0.2, 0.3], [0.4, 0.2, -0.1]]
"""


def _logits_truth(spec: str) -> np.ndarray:
    values = {
        k: torch.tensor(v, dtype=torch.float64)
        for k, v in {
            "X": [[1, 2, 0], [0, -1, 1], [2, 0.5, -1], [-1, 1, 1]],
            "Y": [[1.0], [0.0], [0.0], [1.0]],
        }.items()
    }
    if spec == "bcel":
        w = torch.tensor([[0.2], [-0.3], [0.1]], dtype=torch.float64, requires_grad=True)
        z = values["X"] @ w + 0.05
        torch.nn.functional.binary_cross_entropy_with_logits(z, values["Y"]).backward()
        return w.grad.numpy()
    X = torch.tensor([[1, 2], [-1, 0.5], [0.3, -2]], dtype=torch.float64)
    W = torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.2, -0.1]], dtype=torch.float64, requires_grad=True)
    torch.nn.functional.cross_entropy(X @ W, torch.tensor([2, 0, 1])).backward()
    return W.grad.numpy()


def _logits_meaning(spec: str, formula: str) -> np.ndarray:
    if spec == "bcel":
        X = np.array([[1, 2, 0], [0, -1, 1], [2, 0.5, -1], [-1, 1, 1]], dtype=float)
        Y = np.array([[1.0], [0.0], [0.0], [1.0]])
        z = X @ np.array([[0.2], [-0.3], [0.1]]) + 0.05
        env = {"X": X, "Y": Y, "z": z, "Yhat": 1 / (1 + np.exp(-z)), "m": 4}
    else:
        X = np.array([[1, 2], [-1, 0.5], [0.3, -2]])
        Y = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0]], dtype=float)
        z = X @ np.array([[0.1, -0.2, 0.3], [0.4, 0.2, -0.1]])
        P = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        env = {"X": X, "Y": Y, "z": z, "Yhat": P, "P": P, "m": 3}
    return np.asarray(eval(formula, env))  # noqa: S307 (the test's own strings)


LOGITS_CASES = [
    # (spec, wrt, written, latex, its meaning in NumPy)
    ("bcel", "w", "X.T @ (Yhat - Y) / m", False, "X.T @ (Yhat - Y) / m"),
    ("bcel", "w", r"\frac{\partial L}{\partial w} = \frac{1}{m} X^\top (\hat{y} - y)", True, "X.T @ (Yhat - Y) / m"),
    ("bcel", "w", r"\frac{1}{m} X^\top (\hat{Y} - Y)", True, "X.T @ (Yhat - Y) / m"),
    ("bcel", "w", "X.T @ (Yhat - Y)", False, "X.T @ (Yhat - Y)"),
    ("bcel", "w", "X.T @ (z - Y) / m", False, "X.T @ (z - Y) / m"),
    ("bcel", "w", "X.T @ (Yhat * (1 - Yhat) * (Yhat - Y)) / m", False, "X.T @ (Yhat * (1 - Yhat) * (Yhat - Y)) / m"),
    ("ce", "W", "X.T @ (P - Y) / m", False, "X.T @ (P - Y) / m"),
    ("ce", "W", r"\frac{\partial L}{\partial W} = \frac{1}{m} X^\top (\hat{Y} - Y)", True, "X.T @ (Yhat - Y) / m"),
    ("ce", "W", "X.T @ (P - Y)", False, "X.T @ (P - Y)"),
    ("ce", "W", "(P - Y).T @ X / m", False, "(P - Y).T @ X / m"),
]


@pytest.mark.parametrize(("spec", "wrt", "written", "latex", "meaning"), LOGITS_CASES)
def test_prediction_of_a_logits_loss(spec: str, wrt: str, written: str, latex: bool, meaning: str) -> None:
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    truth, mine = _logits_truth(spec), _logits_meaning(spec, meaning)
    right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    net = spec_mod.parse(_BCEL if spec == "bcel" else _CE, f"logits-{spec}")
    r = check(net, wrt, written, latex=latex)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


def test_prediction_of_log_softmax_written_out() -> None:
    """``−Σ y ⊙ log_softmax(z2)``: ŷ is softmax(z2), not z2 (a right ``ŷ − y`` was wrong)."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    net = spec_mod.parse(_SOFT, "qiu-softmax-one-example")
    assert check(net, "b2", "db2 = yhat - y").ok
    assert not check(net, "b2", "db2 = z2 - y").ok


# ---- issue 9: F.cross_entropy of one example (unbatched: 1-D scores, 1-D probabilities) ----------

_UNBATCHED = """
[dims]
d = 3
h = 4
k = {k}
[inputs]
x = ["d"]
y = ["k"]
[params]
W1 = ["h", "d"]
W2 = ["k", "h"]
b2 = ["k"]
[forward]
a1 = "torch.tanh(W1 @ x)"
z2 = "W2 @ a1 + b2"
L = "{loss}"
{values}
"""


@pytest.mark.parametrize(
    ("k", "loss", "values"),
    [
        (2, "F.cross_entropy(z2, y)", ""),
        (3, "F.cross_entropy(z2, y)", "[values]\ny = [0.2, 0.5, 0.3]"),
        (3, "F.cross_entropy(input=z2, target=y)", "[values]\ny = [0, 0, 1]"),
        (3, "nn.CrossEntropyLoss()(z2, y)", ""),
    ],
)
def test_cross_entropy_of_one_example(k: int, loss: str, values: str) -> None:
    """PyTorch's unbatched ``F.cross_entropy(z, y)`` with z and y 1-D of the class count: y holds
    class probabilities (was refused: "the class indices 'y' need one per row of the scores").
    The text run in PyTorch agrees with derive's reading, and derive verify passes."""
    from test_heldnets21 import _both

    _both(_UNBATCHED.format(k=k, loss=loss, values=values), "ce-one-example")


# ---- NumPy on the one-example network: einsum of 1-D steps, column reshapes --------------------

_DZ1 = "dz1 = (1 - a1 ** 2) * w2 * (p - y)\n"
QIU_NUMPY = [
    _DZ1 + 'dW1 = np.einsum("i,j->ij", dz1, x)',
    _DZ1 + 'dW1 = np.einsum("i,j->ji", dz1, x)',
    _DZ1 + 'dW1 = np.einsum("i,j->ij", x, dz1)',
    _DZ1 + "dW1 = np.einsum('h,d->hd', dz1, x)",
    _DZ1 + "dW1 = dz1[:, None] @ x[None, :]",
    _DZ1 + "dW1 = dz1.reshape(-1, 1) @ x.reshape(1, -1)",
    _DZ1 + "dW1 = x.reshape(-1, 1) @ dz1.reshape(1, -1)",
    _DZ1 + "dW1 = np.outer(x, dz1).T",
    "dz1 = w2 * (p - y)\ndW1 = np.einsum('i,j->ij', dz1, x)",
]


@pytest.mark.parametrize("code", QIU_NUMPY)
def test_numpy_one_example(code: str) -> None:
    """Right exactly when NumPy running the code (1-D arrays) agrees with PyTorch autograd."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    env = {k: np.asarray(v, dtype=float) for k, v in _QV.items()}
    a1 = np.tanh(env["W1"] @ env["x"] + env["b1"])
    env |= {"a1": a1, "p": 1 / (1 + np.exp(-(env["w2"] @ a1 + env["b2"])))}
    scope = {"np": np, **env}
    exec(code, scope)  # noqa: S102 (the test's own fixed strings, never user input)
    mine, truth = np.asarray(scope["dW1"]), _truth(_qiu_torch, _QV, "W1")
    right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    r = check(spec_mod.parse(_QIU, "qiu-one-example"), "W1", code)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


def test_column_reading_is_said_in_both_languages() -> None:
    """The reading writes vectors as derive holds them (rows), so a column-convention answer's
    ``.T``s are explained by a note, in English and Chinese; a rows-convention answer has none."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    net = spec_mod.parse(_QIU, "qiu-one-example")
    text = _D1 + r"\frac{\partial L}{\partial W_1} = \delta^{(1)} x^\top"
    en, zh = (check(net, "W1", text, latex=True, lang=lang) for lang in ("en", "zh"))
    assert en.ok and zh.ok
    assert any("column convention" in n and "x" in n for n in en.notes), en.notes
    assert any("列向量约定" in n for n in zh.notes), zh.notes
    rows = check(net, "W1", _D1 + r"\frac{\partial L}{\partial W_1} = \delta^{(1)\top} x", latex=True)
    assert rows.ok and not any("column convention" in n for n in rows.notes)


# ---- Goodfellow's algorithm 6.4: g ← …, a name assigned again and again ------------------------

_G2 = r"g \leftarrow (a^{(2)} - y) \odot \sigma'(z^{(2)}), \quad "
GOODFELLOW = [
    # (wrt, LaTeX, its meaning in NumPy over the column-major network)
    ("W2", _G2 + r"\nabla_{W^{(2)}} J = g\, a^{(1)\top}", "g2 @ a1.T"),
    ("W2", _G2.replace(r"\leftarrow", r"\gets") + r"\nabla_{W^{(2)}} J = g a^{(1)\top}", "g2 @ a1.T"),
    ("W1", _G2 + r"g \leftarrow W^{(2)\top} g, \quad g \leftarrow g \odot \sigma'(z^{(1)}), \quad "
     r"\nabla_{W^{(1)}} J = g\, x^\top", "g1 @ x.T"),
    ("W1", _G2 + r"g \leftarrow W^{(2)\top} g, \quad g \leftarrow g \odot \sigma'(z^{(1)}), \quad "
     r"\nabla_{W^{(1)}} J = (x\, g^\top)^\top", "(x @ g1.T).T"),
    ("W1", _G2 + r"g \leftarrow W^{(2)\top} g, \quad g \leftarrow g \odot \sigma'(z^{(1)}), \quad "
     r"\nabla_{W^{(1)}} J = x\, g^\top", "x @ g1.T"),
    ("W1", _G2 + r"g \leftarrow W^{(2)\top} g, \quad \nabla_{W^{(1)}} J = g x^\top", "(W2.T @ g2) @ x.T"),
    ("b1", _G2 + r"g \leftarrow W^{(2)\top} g, \quad g \leftarrow g \odot \sigma'(z^{(1)}), \quad "
     r"\nabla_{b^{(1)}} J = g", "g1"),
]


@pytest.mark.parametrize(("wrt", "latex", "meaning"), GOODFELLOW)
def test_goodfellow_assignments(wrt: str, latex: str, meaning: str) -> None:
    """``g ← …`` statements after ``\\quad`` (they were one statement, unreadable), ``g^⊤`` of
    the assigned g (it was read as the activation g's power)."""
    from pathlib import Path

    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    path = Path(__file__).parent / "specs_course" / "nndl_colmajor_single.toml"
    net = spec_mod.load(str(path))
    rng = np.random.default_rng(3)
    v = {k: rng.normal(size=tuple(int(net.dims[d]) if isinstance(d, str) else d for d in s))
         for k, s in (("x", ("M0", 1)), ("y", ("M2", 1)), ("W1", ("M1", "M0")), ("b1", ("M1", 1)),
                      ("W2", ("M2", "M1")), ("b2", ("M2", 1)))}
    t = {k: torch.tensor(a, requires_grad=True) for k, a in v.items()}
    a1t = torch.sigmoid(t["W1"] @ t["x"] + t["b1"])
    a2t = torch.sigmoid(t["W2"] @ a1t + t["b2"])
    (0.5 * torch.sum((t["y"] - a2t) ** 2)).backward()
    truth = t[wrt].grad.numpy()
    a1 = 1 / (1 + np.exp(-(v["W1"] @ v["x"] + v["b1"])))
    a2 = 1 / (1 + np.exp(-(v["W2"] @ a1 + v["b2"])))
    g2 = (a2 - v["y"]) * a2 * (1 - a2)
    g1 = (v["W2"].T @ g2) * a1 * (1 - a1)
    mine = np.asarray(eval(meaning, {**v, "a1": a1, "g1": g1, "g2": g2}))  # noqa: S307
    right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    r = check(net, wrt, latex, latex=True)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


# ---- the built-ins' row vectors in the textbook's column convention ------------------------------


def _values(net: str) -> dict[str, np.ndarray]:
    from derive.lang.spec import load

    return {k: np.array(v, dtype=float) for k, v in load(net).values.items()}


NEURON = [
    # (LaTeX, its meaning with x, w columns — the gradient of the column w is a column)
    (r"\nabla_{w} L = (O - t) \sigma'(\boldsymbol{w}^\top \boldsymbol{x}) \boldsymbol{x}", "(O - t) * O * (1 - O) * x"),
    (r"\frac{\partial L}{\partial w} = (\sigma(w^\top x) - t) \sigma(w^\top x)(1 - \sigma(w^\top x)) x",
     "(O - t) * O * (1 - O) * x"),
    (r"\frac{\partial L}{\partial w} = (\sigma(w^\top x) - t) \sigma(w^\top x) x", "(O - t) * O * x"),
    (r"\frac{\partial L}{\partial w} = (O - t) x", "(O - t) * x"),
    (r"\frac{\partial L}{\partial w} = (O - t) O (1 - O) x^\top", "(O - t) * O * (1 - O) * x.T"),
    (r"\frac{\partial L}{\partial w} = (O - t) O (1 - O) x", "(O - t) * O * (1 - O) * x"),
]


@pytest.mark.parametrize(("latex", "meaning"), NEURON)
def test_neuron_in_the_column_convention(latex: str, meaning: str) -> None:
    """The neuron's ``x``, ``w`` are declared rows ``[1, "n"]``; the textbook's ``σ(w^⊤ x)`` is
    their dot product (it was the (n, n) outer product of the rows: shape-mismatch)."""
    from derive.checker.check import check
    from derive.lang.spec import load

    v = _values("neuron")
    t = {k: torch.tensor(a, requires_grad=True) for k, a in v.items()}
    out = torch.sigmoid(t["x"] @ t["w"].T)
    (0.5 * torch.nn.functional.mse_loss(out, t["t"])).backward()
    truth = t["w"].grad.numpy().T  # the column convention's gradient of the column w
    x, w = v["x"].T, v["w"].T
    O = 1 / (1 + np.exp(-(w.T @ x)))  # noqa: N806 (the network's name)
    mine = np.asarray(eval(meaning, {"x": x, "w": w, "O": O, "t": v["t"]}))  # noqa: S307
    right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    r = check(load("neuron"), "w", latex, latex=True)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


TINY = [
    # (wrt, LaTeX without --wrt, its meaning with X, h, δ columns)
    ("W1", r"\frac{\partial L}{\partial W_1} = x \delta_{h_{raw}}^\top", "x @ d_raw.T"),
    ("W1", r"\frac{\partial L}{\partial W_1} = \delta_{h_{raw}} x^\top", "d_raw @ x.T"),
    ("W1", r"\frac{\partial L}{\partial W_1} = x \delta_{h}^\top", "x @ d_h.T"),
    # no ^⊤ on a vector: nothing says the declared row h is a column, so the rows convention
    # (the walkthrough's) reads it — h^⊤'s transpose dropped, wrong
    ("W2", r"\frac{\partial L}{\partial W_2} = (y_{pred} - y_{target}) h", "(y_pred - y_target) * h.T"),
    ("W2", r"\frac{\partial L}{\partial W_2} = h (y_{pred} - y_{target})", "h.T * (y_pred - y_target)"),
    # the walkthrough's own rows convention (h a row, h^⊤ its column): read first, and right
    ("W2", r"\frac{\partial L}{\partial W_2} = h^\top (y_{pred} - y_{target})", "h * (y_pred - y_target)"),
]


@pytest.mark.parametrize(("wrt", "latex", "meaning"), TINY)
def test_tiny_mlp_in_the_column_convention(wrt: str, latex: str, meaning: str) -> None:
    """tiny-mlp's one example ``X = [1, "n_in"]`` and its hidden row ``h``: ``x δ^⊤`` of columns
    (no --wrt given: the left side names it). A declared row is read as a column only where the
    formula transposes a vector (the sign of the column convention); 1-D vectors always may be."""
    from derive.checker.check import check
    from derive.lang.spec import load

    v = _values("tiny-mlp")
    t = {k: torch.tensor(a, requires_grad=True) for k, a in v.items()}
    y = torch.sigmoid(t["X"] @ t["W1"]) @ t["W2"]
    (0.5 * (y - t["y_target"]) ** 2).sum().backward()
    truth = t[wrt].grad.numpy()
    x = v["X"].T
    h = 1 / (1 + np.exp(-(v["W1"].T @ x)))
    y_pred = v["W2"].T @ h
    d_h = v["W2"] * (y_pred - v["y_target"])
    env = {"x": x, "h": h, "y_pred": y_pred, "y_target": v["y_target"], "d_h": d_h, "d_raw": d_h * h * (1 - h)}
    mine = np.asarray(eval(meaning, env))  # noqa: S307 (the test's own strings)
    right = mine.shape == truth.shape and np.allclose(mine, truth, rtol=1e-10)
    r = check(load("tiny-mlp"), None, latex, latex=True)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


_INDEX = """
[dims]
d = 3
k = 4
[inputs]
x = ["d"]
y = []
[params]
W = ["k", "d"]
b = ["k"]
[forward]
z = "W @ x + b"
L = "{loss}"
{values}
"""


@pytest.mark.parametrize(
    ("loss", "values"),
    [
        ("F.cross_entropy(z, y)", "[values]\ny = 2"),
        ("F.cross_entropy(z, y)", ""),
        ("F.cross_entropy(input=z, target=y)", "[values]\ny = 0"),
        ("F.nll_loss(F.log_softmax(z, dim=0), y)", "[values]\ny = 3"),
        ("nn.CrossEntropyLoss()(z, y)", "[values]\ny = 1.0"),
    ],
)
def test_cross_entropy_of_one_class_index(loss: str, values: str) -> None:
    """PyTorch's unbatched ``F.cross_entropy(z, y)`` with z 1-D and y one class index (``y = []``,
    an integer): y is that class's one-hot row (was refused: "needs predictions and targets of
    the same shape")."""
    from test_heldnets21 import _both

    _both(_INDEX.format(loss=loss, values=values), "ce-one-index")


def test_one_class_index_outside_the_classes_is_refused() -> None:
    from derive.errors import DeriveError
    from derive.lang import spec as spec_mod

    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_INDEX.format(loss="F.cross_entropy(z, y)", values="[values]\ny = 4"), "bad")
    assert "label 4 is not a class" in str(err.value)
