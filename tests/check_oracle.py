"""An independent oracle for the checker's red-team corpus (tests/data/check_corpus2.jsonl).

Each built-in network is written again here by hand in PyTorch (float64), NOT read from the spec
or from derive's engine, so the corpus' verdicts do not come from the code under test. A case's
``oracle`` is a NumPy expression (trusted test data written by us, never student text) over the
network's tensors, ``dNAME`` for the true gradient of NAME, ``m``-style size names and ``np``;
it is right when it equals PyTorch's gradient at random values and at sizes that all differ.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
import torch

Tensors = dict[str, torch.Tensor]


def _mse(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return ((a - b) ** 2).mean()


def _chain(t: Tensors, d: dict[str, int]) -> Tensors:
    u = t["w"] * t["x"]
    v = u + t["b"]
    return {"u": u, "v": v, "L": v**2}


def _neuron(t: Tensors, d: dict[str, int]) -> Tensors:
    z = t["x"] @ t["w"].T
    O = torch.sigmoid(z)
    return {"z": z, "O": O, "L": 0.5 * _mse(O, t["t"])}


def _tiny(t: Tensors, d: dict[str, int]) -> Tensors:
    h_raw = t["X"] @ t["W1"]
    h = torch.sigmoid(h_raw)
    y_pred = h @ t["W2"]
    return {
        "h_raw": h_raw,
        "h": h,
        "y_pred": y_pred,
        "L": (0.5 * (y_pred - t["y_target"]) ** 2).sum(),
    }


def _mlp(weight: float | None) -> Callable[[Tensors, dict[str, int]], Tensors]:
    def f(t: Tensors, d: dict[str, int]) -> Tensors:
        Z1 = t["X"] @ t["W1"] + t["b1"]
        A1 = torch.relu(Z1)
        Z2 = A1 @ t["W2"] + t["b2"]
        A2 = torch.sigmoid(Z2)
        Y = t["Y"]
        w = 1.0 if weight is None else weight
        L = -(w * Y * torch.log(A2) + (1 - Y) * torch.log(1 - A2)).mean()
        return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "L": L}

    return f


def _relu_mlp(t: Tensors, d: dict[str, int]) -> Tensors:
    h = t["x"] @ t["w1"]
    h_relu = torch.relu(h)
    y_pred = h_relu @ t["w2"]
    return {"h": h, "h_relu": h_relu, "y_pred": y_pred, "loss": ((y_pred - t["y"]) ** 2).sum()}


def _softmax_reg(t: Tensors, d: dict[str, int]) -> Tensors:
    Z = t["X"] @ t["W"] + t["b"]
    P = torch.softmax(Z, dim=1)
    L = -(t["Y"] * torch.log(P)).sum() / Z.shape[0]
    return {"Z": Z, "P": P, "L": L}


def _batchnorm(t: Tensors, d: dict[str, int]) -> Tensors:
    Z = t["X"] @ t["W"]
    mu = Z.mean(dim=0, keepdim=True)
    Z_c = Z - mu
    var = (Z_c**2).mean(dim=0, keepdim=True)
    Z_hat = Z_c / torch.sqrt(var + 1e-5)
    Y = t["gamma"] * Z_hat + t["beta"]
    return {"Z": Z, "mu": mu, "Z_c": Z_c, "var": var, "Z_hat": Z_hat, "Y": Y, "L": _mse(Y, t["T"])}


def _rnn(t: Tensors, d: dict[str, int]) -> Tensors:
    z_1 = t["x_1"] @ t["W_x"] + t["h_0"] @ t["W_h"] + t["b"]
    h_1 = torch.tanh(z_1)
    z_2 = t["x_2"] @ t["W_x"] + h_1 @ t["W_h"] + t["b"]
    h_2 = torch.tanh(z_2)
    return {"z_1": z_1, "h_1": h_1, "z_2": z_2, "h_2": h_2, "L": 0.5 * ((h_2 - t["y"]) ** 2).sum()}


def _attention(t: Tensors, d: dict[str, int]) -> Tensors:
    Q = t["X"] @ t["W_q"]
    K = t["X"] @ t["W_k"]
    V = t["X"] @ t["W_v"]
    S = Q @ K.T / math.sqrt(d["d"])
    A = torch.softmax(S, dim=1)
    O = A @ V
    return {"Q": Q, "K": K, "V": V, "S": S, "A": A, "O": O, "L": _mse(O, t["T"])}


# name -> (forward, shapes of leaves, the sizes used for the oracle (all different), prediction, extras)
NETS: dict[str, tuple] = {
    "chain": (_chain, {"x": (), "w": (), "b": ()}, {}, "v"),
    "neuron": (_neuron, {"x": (1, "n"), "w": (1, "n"), "t": ()}, {"n": 5}, "O"),
    "tiny-mlp": (
        _tiny,
        {"X": (1, "n_in"), "W1": ("n_in", "n_h"), "W2": ("n_h", 1), "y_target": ()},
        {"n_in": 3, "n_h": 4},
        "y_pred",
    ),
    "mlp-bce": (
        _mlp(None),
        {
            "X": ("m", "n_in"),
            "Y": ("m", 1),
            "W1": ("n_in", "n_h"),
            "b1": (1, "n_h"),
            "W2": ("n_h", 1),
            "b2": (1, 1),
        },
        {"m": 5, "n_in": 3, "n_h": 4},
        "A2",
    ),
    "mlp-bce-weighted": (
        _mlp(3.0),
        {
            "X": ("m", "n_in"),
            "Y": ("m", 1),
            "W1": ("n_in", "n_h"),
            "b1": (1, "n_h"),
            "W2": ("n_h", 1),
            "b2": (1, 1),
        },
        {"m": 5, "n_in": 3, "n_h": 4},
        "A2",
    ),
    "relu-mlp": (
        _relu_mlp,
        {"x": ("n", "D_in"), "y": ("n", "D_out"), "w1": ("D_in", "H"), "w2": ("H", "D_out")},
        {"n": 5, "D_in": 3, "H": 4, "D_out": 2},
        "y_pred",
    ),
    "softmax-regression": (
        _softmax_reg,
        {"X": ("m", "n"), "Y": ("m", "k"), "W": ("n", "k"), "b": (1, "k")},
        {"m": 5, "n": 3, "k": 4},
        "P",
    ),
    "batchnorm": (
        _batchnorm,
        {"X": ("m", "n"), "T": ("m", "n"), "W": ("n", "n"), "gamma": (1, "n"), "beta": (1, "n")},
        {"m": 5, "n": 3},
        "Y",
    ),
    "rnn": (
        _rnn,
        {
            "x_1": ("m", "n_x"),
            "x_2": ("m", "n_x"),
            "h_0": ("m", "n_h"),
            "y": ("m", "n_h"),
            "W_x": ("n_x", "n_h"),
            "W_h": ("n_h", "n_h"),
            "b": (1, "n_h"),
        },
        {"m": 2, "n_x": 3, "n_h": 4},
        "h_2",
    ),
    "attention": (
        _attention,
        {"X": ("n", "d"), "T": ("n", "d"), "W_q": ("d", "d"), "W_k": ("d", "d"), "W_v": ("d", "d")},
        {"n": 3, "d": 4},
        "O",
    ),
}
CONSTANTS = {"mlp-bce-weighted": {"w": 3.0}, "batchnorm": {"eps": 1e-5}}


def grads(
    net: str, seed: int, sizes: dict[str, int] | None = None
) -> tuple[dict[str, np.ndarray], dict[str, int]]:
    """Every tensor of ``net`` and ``dNAME`` for each (PyTorch autograd) at random values."""
    fwd, shapes, dims, pred = NETS[net]
    dims = dict(sizes or dims)
    g = torch.Generator().manual_seed(seed)
    leaves: Tensors = {}
    for name, shape in shapes.items():
        shp = tuple(dims[s] if isinstance(s, str) else s for s in shape)
        v = torch.randn(shp, generator=g, dtype=torch.float64)
        if (
            net.startswith("mlp-bce") and name == "Y"
        ):  # soft labels: formulas right only for 0/1 fail
            v = torch.rand(shp, generator=g, dtype=torch.float64)
        if net == "softmax-regression" and name == "Y":
            v = torch.nn.functional.one_hot(
                torch.randint(0, shp[1], (shp[0],), generator=g), shp[1]
            ).double()
        leaves[name] = v.requires_grad_(True)
    nodes = fwd(leaves, dims)
    for v in nodes.values():
        if v.requires_grad:
            v.retain_grad()
    L = [v for k, v in nodes.items() if k in ("L", "loss")][0]
    L.backward()
    env: dict[str, object] = {}
    for k, v in {**leaves, **nodes}.items():
        env[k] = v.detach().numpy()
        if v.grad is not None:
            env["d" + k] = v.grad.numpy()
    env["Yhat"] = env[pred]
    env.update(dims)
    env.update(CONSTANTS.get(net, {}))
    return env, dims


def oracle_ok(net: str, wrt: str, oracle: str, trials: int = 3) -> bool:
    """Is the NumPy expression ``oracle`` equal to ∂L/∂wrt at random values (sizes all different)?"""
    sizes = None
    if "[" in wrt:  # an entry's formula is written for the example's sizes
        from derive.lang.spec import load

        sizes = {k: int(v) for k, v in load(net).dims.items()}
    for seed in range(trials):
        env, _ = grads(net, seed, sizes)
        if "[" in wrt:  # one entry: W1[0,1]
            name, idx = wrt.split("[")
            i, j = (int(k) for k in idx.rstrip("]").split(","))
            want = np.asarray(env["d" + name])[i, j].reshape(1, 1)
        else:
            want = np.asarray(env["d" + wrt])
        expr = (
            oracle.split("=", 1)[1]
            if oracle.lstrip().startswith("d") and " = " in oracle
            else oracle
        )
        try:  # our own test data (never student text)
            got = np.asarray(
                eval(expr, {"np": np, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}, dict(env))
            )
        except ValueError:  # shapes that do not fit at these sizes: not the gradient
            return False
        if got.shape != want.shape and (
            got.size == want.size == 1 or (got.ndim == 1 and want.shape[0] == 1)
        ):
            # 1 x 1, or NumPy's 1-D row from sum(axis=0) without keepdims (course code's bias gradients)
            got = got.reshape(want.shape)
        if got.shape != want.shape or not np.allclose(got, want, rtol=1e-9, atol=1e-12):
            return False
    return True


def exact_value(net: str, wrt: str, i: int = 0, j: int = 0) -> float:
    """∂L/∂wrt[i, j] at the spec's example values (PyTorch float64), for hand-number cases."""
    from derive.lang.spec import load  # only the example VALUES are read from the spec

    spec = load(net)
    fwd, shapes, dims, pred = NETS[net]
    leaves = {
        k: torch.tensor(
            np.asarray([[float(v) for v in row] for row in spec.values[k]]).reshape(
                tuple(spec.dims[s] if isinstance(s, str) else s for s in shapes[k])
            ),
            dtype=torch.float64,
            requires_grad=True,
        )
        for k in shapes
    }
    nodes = fwd(leaves, dict(spec.dims))
    for v in nodes.values():
        if v.requires_grad:
            v.retain_grad()
    [v for k, v in nodes.items() if k in ("L", "loss")][0].backward()
    t = {**leaves, **nodes}[wrt]
    gr = t.grad
    return float(
        gr.reshape(-1)[0] if gr.dim() == 0 else gr.reshape(gr.shape[0] if gr.dim() else 1, -1)[i, j]
    )
