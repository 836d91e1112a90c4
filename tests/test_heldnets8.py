"""Branch heldnets8 (issue 9's held-out course networks, pass 8): where derive's reading may differ
from NumPy/PyTorch semantics — 1-D vectors (1-D biases and targets, reshapes, ``[:, None]``,
squeezes), reductions without keepdims (along ``axis=-1``, of a reduction, transposed, reshaped),
``@`` between 1-D and 2-D both ways, ties and kinks in given values, sizes of one, scalar
parameters. Each network is compared with PyTorch float64 running the user's ORIGINAL code (1-D
tensors where NumPy/PyTorch have them), loss and every gradient, at the spec's given values:
derive's own PyTorch reference runs derive's reading, so only this catches a wrong orientation."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")
F = torch.nn.functional

SIZES = {"N": 4, "d": 3, "k": 2, "h": 3, "one": 1}


def _shape(dims: tuple) -> tuple[int, ...]:
    return tuple(SIZES[s] if isinstance(s, str) else s for s in dims)


def _value(name: str, dims: tuple) -> np.ndarray:
    """Deterministic two-decimal values, away from 0 (no kink unless a case gives its own)."""
    rng = np.random.default_rng(sum(map(ord, name)))
    a = np.round(rng.uniform(0.1, 1.0, _shape(dims)), 2) * rng.choice([-1.0, 1.0], _shape(dims))
    return a


def _toml(a: np.ndarray) -> str:
    if a.ndim == 0:
        return repr(float(a))
    return "[" + ", ".join(_toml(r) for r in a) + "]"


class Case:
    """One network: its declarations, its [forward] lines and the original code in PyTorch."""

    def __init__(self, name: str, inputs: dict, params: dict, forward: list[tuple[str, str]],
                 fn: Callable, given: dict | None = None) -> None:
        self.name, self.inputs, self.params = name, inputs, params
        self.forward, self.fn = forward, fn
        self.values = {k: _value(k, v) for k, v in {**inputs, **params}.items()}
        self.values.update({k: np.asarray(v, dtype=float) for k, v in (given or {}).items()})

    def text(self) -> str:
        used = {s for v in {**self.inputs, **self.params}.values() for s in v if isinstance(s, str)}
        lines = ["[dims]"] + [f"{s} = {SIZES[s]}" for s in sorted(used)]
        for table, decl in (("inputs", self.inputs), ("params", self.params)):
            lines.append(f"[{table}]")
            lines += [f"{k} = {list(v)!r}".replace("'", '"') for k, v in decl.items()]
        lines.append("[forward]")
        lines += [f'{k} = "{v}"' for k, v in self.forward]
        lines.append("[values]")
        lines += [f"{k} = {_toml(v)}" for k, v in self.values.items()]
        return "\n".join(lines) + "\n"

    def derive(self) -> tuple[dict, float]:
        d = derive(spec.parse(self.text(), source=self.name))
        return numeric.gradients_matrix(d, numeric.example_point(d.graph))

    def torch(self) -> tuple[float, dict]:
        t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=k in self.params)
             for k, v in self.values.items()}
        with warnings.catch_warnings():  # PyTorch deprecates .T of a 1-D tensor (a no-op)
            warnings.simplefilter("ignore", UserWarning)
            loss = self.fn(t)
        loss.backward()
        return float(loss.detach()), {k: t[k].grad.numpy() for k in self.params}


def _c(name, inputs, params, forward, fn, given=None) -> Case:
    return Case(name, inputs, params, forward, fn, given)


X, N_, D = ("N", "d"), ("N",), ("d",)
CASES = [
    # A [N, 1] prediction minus a 1-D target: NumPy's N x N outer difference (the classic bug).
    _c("col_minus_1d_target", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("err", "X @ W - y"), ("loss", "np.mean(err ** 2)")],
       lambda t: ((t["X"] @ t["W"] - t["y"]) ** 2).mean()),
    # ... and the 1-D target on the left.
    _c("1d_target_minus_col", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("loss", "np.mean((y - np.dot(X, W)) ** 2)")],
       lambda t: ((t["y"] - t["X"] @ t["W"]) ** 2).mean()),
    # y.reshape(-1, 1) makes the column: element-wise.
    _c("target_reshape_col", {"X": X, "y": N_}, {"W": ("d", 1), "b": ()},
       [("pred", "X @ W + b"), ("loss", "np.mean((pred - y.reshape(-1, 1)) ** 2)")],
       lambda t: ((t["X"] @ t["W"] + t["b"] - t["y"].reshape(-1, 1)) ** 2).mean()),
    _c("target_none_index", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("loss", "((X @ W - y[:, None]) ** 2).sum() / X.shape[0]")],
       lambda t: ((t["X"] @ t["W"] - t["y"][:, None]) ** 2).sum() / 4),
    _c("target_newaxis", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("loss", "np.mean(np.abs(X @ W - y[:, np.newaxis]))")],
       lambda t: (t["X"] @ t["W"] - t["y"][:, None]).abs().mean()),
    # view(-1) / flatten() / squeeze of a column into a 1-D prediction.
    _c("view_minus1_bce", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("p", "torch.sigmoid(X @ W).view(-1)"), ("loss", "F.binary_cross_entropy(p, y)")],
       lambda t: F.binary_cross_entropy(torch.sigmoid(t["X"] @ t["W"]).view(-1), t["y"]),
       given={"y": [1.0, 0.0, 0.0, 1.0]}),
    _c("flatten_then_weight", {"X": X, "w": N_}, {"W": ("d", 1)},
       [("z", "(X @ W).flatten()"), ("loss", "np.sum(z * w) ** 2")],
       lambda t: ((t["X"] @ t["W"]).flatten() * t["w"]).sum() ** 2),
    _c("np_squeeze_err", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("z", "np.squeeze(X @ W)"), ("loss", "np.mean((z - y) ** 2)")],
       lambda t: ((torch.squeeze(t["X"] @ t["W"]) - t["y"]) ** 2).mean()),
    # Column-major (Ng) layer with a 1-D bias made a column by [:, None] / reshape(-1, 1).
    _c("colmajor_bias_none", {"Xc": ("d", "N"), "Y": (1, "N")}, {"W": ("h", "d"), "b": ("h",),
                                                                   "v": (1, "h")},
       [("A", "np.tanh(W @ Xc + b[:, None])"), ("loss", "np.mean((v @ A - Y) ** 2)")],
       lambda t: ((t["v"] @ torch.tanh(t["W"] @ t["Xc"] + t["b"][:, None]) - t["Y"]) ** 2).mean()),
    _c("colmajor_bias_reshape", {"Xc": ("d", "N"), "Y": (1, "N")}, {"W": ("h", "d"), "b": ("h",),
                                                                      "v": (1, "h")},
       [("A", "np.tanh(W @ Xc + b.reshape(-1, 1))"), ("loss", "np.mean((v @ A - Y) ** 2)")],
       lambda t: ((t["v"] @ torch.tanh(t["W"] @ t["Xc"] + t["b"].reshape(-1, 1)) - t["Y"]) ** 2)
       .mean()),
    # Reductions along axis=-1 without keepdims are 1-D (a row).
    _c("sum_last_axis_weighted", {"X": X, "Y": ("N", "k"), "w": N_}, {"W": ("d", "k")},
       [("per", "((X @ W - Y) ** 2).sum(-1)"), ("loss", "(per * w).sum()")],
       lambda t: (((t["X"] @ t["W"] - t["Y"]) ** 2).sum(-1) * t["w"]).sum()),
    _c("np_mean_axis_minus1", {"X": X, "Y": ("N", "k"), "w": N_}, {"W": ("d", "k")},
       [("per", "np.mean(np.abs(X @ W - Y), axis=-1)"), ("loss", "np.dot(per, w)")],
       lambda t: torch.dot((t["X"] @ t["W"] - t["Y"]).abs().mean(-1), t["w"])),
    # A reduction of a reduction: axis 0 of a 1-D result is one number.
    _c("sum_of_row_sums", {"X": X}, {"W": ("d", "k")},
       [("r", "np.sum(np.tanh(X @ W), axis=1)"), ("loss", "np.sum(r ** 2, axis=0) + r.mean(0)")],
       lambda t: ((torch.tanh(t["X"] @ t["W"]).sum(1)) ** 2).sum(0)
       + torch.tanh(t["X"] @ t["W"]).sum(1).mean(0)),
    _c("axis0_of_row_sums_times_w", {"X": X, "w": N_}, {"W": ("d", "k")},
       [("r", "np.sum(X @ W, axis=1)"), ("loss", "np.sum(np.sum(r ** 2, axis=0) * w)")],
       lambda t: (((t["X"] @ t["W"]).sum(1) ** 2).sum(0) * t["w"]).sum()),
    _c("mean0_of_col_means_times_v", {"X": X, "v": ("k",)}, {"W": ("d", "k")},
       [("m", "torch.tanh(X @ W).mean(0)"), ("loss", "(m.mean(0) * v + m).sum()")],
       lambda t: (torch.tanh(t["X"] @ t["W"]).mean(0).mean(0) * t["v"]
                  + torch.tanh(t["X"] @ t["W"]).mean(0)).sum()),
    _c("max_values_T", {"X": X, "y": N_}, {"W": ("d", "k")},
       [("mx", "torch.max(X @ W, dim=1).values"), ("loss", "((mx.T - y) ** 2).mean()")],
       lambda t: ((torch.max(t["X"] @ t["W"], dim=1).values.T - t["y"]) ** 2).mean()),
    _c("pairwise_distance_T", {"A": X, "B": X, "y": N_}, {"W": ("d", "k")},
       [("dist", "F.pairwise_distance(A @ W, B @ W)"), ("loss", "((dist.T - y) ** 2).mean()")],
       lambda t: ((F.pairwise_distance(t["A"] @ t["W"], t["B"] @ t["W"]).T - t["y"]) ** 2).mean()),
    _c("squeeze_T", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("z", "np.squeeze(X @ W)"), ("loss", "np.mean((z.T - y) ** 2)")],
       lambda t: ((torch.squeeze(t["X"] @ t["W"]).T - t["y"]) ** 2).mean()),
    _c("squeeze_name_T", {"X": X, "Yc": ("N", 1)}, {"w": D},
       [("pred", "X @ w"), ("loss", "np.mean((pred - Yc.squeeze(1).T) ** 2)")],
       lambda t: ((t["X"] @ t["w"] - t["Yc"].squeeze(1).T) ** 2).mean()),
    _c("flatten_name_T", {"X": X, "y": N_}, {"W": ("d", 1)},
       [("z", "X @ W"), ("zf", "z.flatten()"), ("loss", "torch.sum((zf.T - y) ** 2)")],
       lambda t: (((t["X"] @ t["W"]).flatten().T - t["y"]) ** 2).sum()),
    _c("cosine_T_at_matrix", {"A": X, "B": X, "U": ("N", "h")}, {"W": ("d", "k")},
       [("c", "F.cosine_similarity(A @ W, B @ W)"), ("loss", "np.sum((U.T @ c) ** 2)")],
       lambda t: ((t["U"].T @ F.cosine_similarity(t["A"] @ t["W"], t["B"] @ t["W"])) ** 2).sum()),
    _c("ce_none_T_weighted", {"X": X, "Y": ("N", "k"), "w": N_}, {"W": ("d", "k")},
       [("l", "F.cross_entropy(X @ W, Y, reduction='none')"), ("loss", "np.sum(l.T * w)")],
       lambda t: (F.cross_entropy(t["X"] @ t["W"], t["Y"], reduction="none").T * t["w"]).sum(),
       given={"Y": [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]]}),
    _c("entry_of_col_sums", {"X": X}, {"W": ("d", "h")},
       [("a", "np.tanh(X @ W)"), ("s0", "np.sum(a, axis=0)"),
        ("loss", "s0[0] * 2 + np.sum(s0 ** 2)")],
       lambda t: torch.tanh(t["X"] @ t["W"]).sum(0)[0] * 2
       + (torch.tanh(t["X"] @ t["W"]).sum(0) ** 2).sum()),
    # .T of a 1-D reduction is itself; reshape(-1, 1) of it the column.
    _c("T_of_row_sum", {"X": X, "y": N_}, {"W": ("d", "k")},
       [("s", "(X @ W).sum(1).T"), ("loss", "((s - y) ** 2).mean()")],
       lambda t: (((t["X"] @ t["W"]).sum(1).T - t["y"]) ** 2).mean()),
    _c("reshape_of_row_sum", {"X": X}, {"W": ("d", "k")},
       [("H", "X @ W"), ("s", "H.sum(1).reshape(-1, 1)"), ("loss", "((H - s) ** 2).mean()")],
       lambda t: ((t["X"] @ t["W"] - (t["X"] @ t["W"]).sum(1).reshape(-1, 1)) ** 2).mean()),
    _c("keepdim_squeeze", {"X": X, "y": N_}, {"W": ("d", "k")},
       [("s", "(X @ W).sum(1, keepdim=True).squeeze()"), ("loss", "torch.mean((s - y) ** 2)")],
       lambda t: (((t["X"] @ t["W"]).sum(1, keepdim=True).squeeze() - t["y"]) ** 2).mean()),
    # Matrix @ a 1-D reduction (matrix-vector), a 1-D reduction @ matrix.
    _c("matrix_at_col_means", {"X": X, "V": ("h", "k")}, {"W": ("d", "k")},
       [("H", "np.tanh(X @ W)"), ("m", "H.mean(axis=0)"), ("z", "V @ m"),
        ("loss", "np.sum(z ** 2) + np.sum(H @ m)")],
       lambda t: ((t["V"] @ torch.tanh(t["X"] @ t["W"]).mean(0)) ** 2).sum()
       + (torch.tanh(t["X"] @ t["W"]) @ torch.tanh(t["X"] @ t["W"]).mean(0)).sum()),
    _c("row_sums_at_matrix", {"X": X}, {"W": ("d", "k"), "U": ("N", "h")},
       [("r", "np.sum(X @ W, axis=1)"), ("z", "r @ U"), ("loss", "np.dot(z, z)")],
       lambda t: torch.dot((t["X"] @ t["W"]).sum(1) @ t["U"], (t["X"] @ t["W"]).sum(1) @ t["U"])),
    # Centering with the 1-D column means, per-example dot products by einsum/elementwise sum.
    _c("center_by_axis0_mean", {"X": X}, {"W": ("d", "k")},
       [("H", "X @ W"), ("Hc", "H - np.mean(H, axis=0)"), ("loss", "np.mean(Hc ** 2)")],
       lambda t: ((t["X"] @ t["W"] - (t["X"] @ t["W"]).mean(0)) ** 2).mean()),
    _c("rowwise_dot_linreg", {"X": X, "y": N_}, {"w": D, "b": ()},
       [("pred", "np.sum(X * w, axis=1) + b"), ("loss", "np.mean((pred - y) ** 2)")],
       lambda t: (((t["X"] * t["w"]).sum(1) + t["b"] - t["y"]) ** 2).mean()),
    _c("einsum_rowwise_dot", {"X": X, "y": N_}, {"W": ("d", "d")},
       [("q", "np.einsum('ij,ij->i', X @ W, X)"), ("loss", "np.mean((q - y) ** 2)")],
       lambda t: ((torch.einsum("ij,ij->i", t["X"] @ t["W"], t["X"]) - t["y"]) ** 2).mean()),
    # Row norms and variances without keepdims are 1-D.
    _c("row_norm_weighted", {"X": X, "w": N_}, {"W": ("d", "k")},
       [("n", "np.linalg.norm(X @ W, axis=1)"), ("loss", "np.sum(n * w)")],
       lambda t: (torch.linalg.norm(t["X"] @ t["W"], dim=1) * t["w"]).sum()),
    _c("row_var_weighted", {"X": X, "w": N_}, {"W": ("d", "h")},
       [("v", "np.var(X @ W, axis=1)"), ("loss", "np.sum(v * w)")],
       lambda t: ((t["X"] @ t["W"]).var(1, unbiased=False) * t["w"]).sum()),
    _c("pairwise_distance_weighted", {"A": X, "B": X, "w": N_}, {"W": ("d", "k")},
       [("dist", "F.pairwise_distance(A @ W, B @ W)"), ("loss", "(dist * w).mean()")],
       lambda t: (F.pairwise_distance(t["A"] @ t["W"], t["B"] @ t["W"]) * t["w"]).mean()),
    # Per-row losses with reduction='none' then .mean(1): 1-D.
    _c("mse_none_mean1_weighted", {"X": X, "Y": ("N", "k"), "w": N_}, {"W": ("d", "k")},
       [("per", "F.mse_loss(X @ W, Y, reduction='none').mean(1)"), ("loss", "(per * w).sum()")],
       lambda t: (F.mse_loss(t["X"] @ t["W"], t["Y"], reduction="none").mean(1) * t["w"]).sum()),
    # torch.sum over both dims, x.mean(0).sum(), integer division in a size.
    _c("sum_dims_tuple", {"X": X}, {"W": ("d", "k")},
       [("S", "torch.sigmoid(X @ W)"),
        ("loss", "torch.sum(S, dim=(0, 1)) / X.shape[0]"
                 " + np.mean(S ** 2, axis=(-1, 0)) * S.sum((1, 0))")],
       lambda t: torch.sigmoid(t["X"] @ t["W"]).sum(dim=(0, 1)) / 4
       + (torch.sigmoid(t["X"] @ t["W"]) ** 2).mean(dim=(-1, 0))
       * torch.sigmoid(t["X"] @ t["W"]).sum((1, 0))),
    _c("floor_div_size", {"X": X}, {"W": ("d", "k")},
       [("loss", "torch.sum(torch.sigmoid(X @ W)) / (X.shape[0] // 2)")],
       lambda t: torch.sigmoid(t["X"] @ t["W"]).sum() / (4 // 2)),
    _c("mean0_sum", {"X": X, "Y": ("N", "k")}, {"W": ("d", "k")},
       [("loss", "((X @ W - Y) ** 2).mean(0).sum()")],
       lambda t: ((t["X"] @ t["W"] - t["Y"]) ** 2).mean(0).sum()),
    # Precedence: -a ** 2 is -(a ** 2); a / b / c; 2 ** -x.
    _c("precedence", {"X": X}, {"W": ("d", "k")},
       [("a", "X @ W"), ("loss", "np.mean(-a ** 2 / 2 / 3 + 2 ** -a - 1 / 2 * a)")],
       lambda t: (-(t["X"] @ t["W"]) ** 2 / 2 / 3 + 2 ** -(t["X"] @ t["W"])
                  - 1 / 2 * (t["X"] @ t["W"])).mean()),
    # Ties: x.max(1).values gives the first maximum the gradient, torch.amax splits it.
    _c("max_values_tie", {"X": X}, {"W": ("d", "k")},
       [("loss", "(X @ W).max(1).values.sum() + torch.amax(X @ W, dim=1).sum()")],
       lambda t: (t["X"] @ t["W"]).max(1).values.sum() + torch.amax(t["X"] @ t["W"], dim=1).sum(),
       given={"W": [[0.5, 0.5], [-0.25, -0.25], [1.0, 1.0]]}),
    # A ReLU input exactly 0 at the given values (PyTorch: relu'(0) = 0).
    _c("relu_exact_zero", {"X": X, "y": N_}, {"W": ("d", "h"), "v": ("h",)},
       [("Hh", "np.maximum(0, X @ W)"), ("loss", "np.mean((Hh @ v - y) ** 2)")],
       lambda t: ((torch.relu(t["X"] @ t["W"]) @ t["v"] - t["y"]) ** 2).mean(),
       given={"X": [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.0, 1.0, -1.0], [0.25, 0.0, 1.0]],
              "W": [[0.0, 0.5, -0.5], [0.5, -0.25, 0.25], [0.5, 0.25, 1.0]]}),
    # Sizes of one: one example, one feature, scalar parameters.
    _c("one_example", {"X": ("one", "d"), "y": ("one",)}, {"w": D, "b": ()},
       [("z", "X @ w + b"), ("loss", "np.mean(np.log(1 + np.exp(-y * z)))")],
       lambda t: torch.log(1 + torch.exp(-t["y"] * (t["X"] @ t["w"] + t["b"]))).mean()),
    _c("one_feature_scalars", {"x": ("N", "one"), "y": N_}, {"a": (), "c": (), "w": ("one",)},
       [("z", "a * (x @ w) ** 2 + c"), ("loss", "((z - y) ** 2).mean() + 0.5 * a ** 2")],
       lambda t: ((t["a"] * (t["x"] @ t["w"]) ** 2 + t["c"] - t["y"]) ** 2).mean()
       + 0.5 * t["a"] ** 2),
    # A 1-D hidden layer (one example) through 1-D biases and W.T @.
    _c("single_example_1d_mlp", {"x": D, "y": ("k",)}, {"W1": ("h", "d"), "b1": ("h",),
                                                         "W2": ("k", "h"), "b2": ("k",)},
       [("a", "np.tanh(W1 @ x + b1)"), ("o", "W2 @ a + b2"),
        ("loss", "0.5 * np.sum((o - y) ** 2) + np.sum(W2.T @ o)")],
       lambda t: 0.5 * ((t["W2"] @ torch.tanh(t["W1"] @ t["x"] + t["b1"]) + t["b2"] - t["y"]) ** 2)
       .sum() + (t["W2"].T @ (t["W2"] @ torch.tanh(t["W1"] @ t["x"] + t["b1"]) + t["b2"])).sum()),
]


# Refused, each naming what is read (NumPy/PyTorch compute these; derive does not read them yet).
# (empty since branch ops10: the reshape of a row sum, einsum's row-wise dot, // of sizes and
# 2 ** -a of a tensor are read)
REFUSED: dict[str, str] = {}


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.name not in REFUSED],
    ids=[c.name for c in CASES if c.name not in REFUSED],
)
def test_derive_equals_pytorch_running_the_original_code(case: Case) -> None:
    grads, loss = case.derive()
    ref_loss, ref = case.torch()
    assert loss == pytest.approx(ref_loss, rel=1e-10, abs=1e-12)
    for name, g in ref.items():
        np.testing.assert_allclose(np.asarray(grads[name], dtype=float).reshape(g.shape), g,
                                   rtol=1e-9, atol=1e-12, err_msg=name)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_what_is_not_read_is_refused_naming_it(name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    case.torch()  # the original code runs in PyTorch
    with pytest.raises(spec.SpecError) as err:
        case.derive()
    assert REFUSED[name] in str(err.value) and "\n" not in str(err.value)
