"""Random networks over the whole spec language, checked against PyTorch and finite differences.

:func:`random_spec` writes a spec (TOML text) from a seed: 1–5 layers; every element-wise
function, softmax/log_softmax, reductions over everything or along an axis (by keyword or
position, with NumPy's negative axes and ``keepdims``), ``maximum``/``square`` spellings, row /
column / scalar broadcasting, fractional and negative powers, every loss
(including targets that depend on parameters); with full, partial or no ``[values]``.
:func:`run` derives and verifies one and classifies the outcome:

- ``match``: every step verified and every gradient agrees (ours, PyTorch, finite differences,
  element-wise) at every point;
- ``refused``: the spec was refused with a one-line message (exit 2), e.g. no example values
  inside every domain exist — not a failure of the engine, but counted separately;
- ``mismatch``: some comparison failed (a false failure unless a rule is really wrong);
- ``error``: any other exception (a traceback for the user).

Used by ``tests/test_fuzz.py`` (a fixed-seed sample) and ``bench/bench_fuzz.py`` (500).
"""

from __future__ import annotations

import random
import re
import time
import traceback
from dataclasses import dataclass

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

ACTIVATIONS = (
    "sigmoid({x})",
    "tanh({x})",
    "relu({x})",
    "leaky_relu({x}, 0.1)",
    "exp({x} / 4)",
    "softplus({x})",
    "abs({x})",
    "sqrt({x} * {x} + 1)",
    "log({x} * {x} + 1)",
    "({x} * {x} + 1) ** 0.5",
    "({x} * {x} + 2) ** -1",
    "({x} * {x} + 1) ** 1.5",
    "{x} ** 2",
    "softmax({x})",
    "log_softmax({x})",
    "{x}",
    "erf({x})",
    "{x} * np.max({x}, axis=1, keepdims=True)",
    "{x} - {x}.min(0, keepdim=True).values",
)


@dataclass(frozen=True)
class Outcome:
    seed: int
    kind: str  # match | refused | mismatch | error
    seconds: float
    detail: str = ""


def random_spec(seed: int, max_dim: int = 4, max_layers: int = 5) -> str:
    """A random, valid spec (TOML text); deterministic in ``seed``."""
    rng = random.Random(f"derive-fuzz:{seed}")
    m = rng.randint(1, max_dim)
    layers = rng.randint(1, max_layers)
    widths = [rng.randint(1, max_dim) for _ in range(layers + 1)]
    dims = {"m": m, **{f"n{k}": w for k, w in enumerate(widths)}}
    inputs = {"X": '["m", "n0"]'}
    params: dict[str, str] = {}
    forward: list[tuple[str, str]] = []
    prev = "X"
    for k in range(1, layers + 1):
        params[f"W{k}"] = f'["n{k - 1}", "n{k}"]'
        z = f"{prev} @ W{k}"
        bias = rng.choice(("row", "row", "none", "scalar", "column"))
        if bias == "row":
            params[f"b{k}"] = f'[1, "n{k}"]'
            z += f" + b{k}"
        elif bias == "scalar":
            params[f"s{k}"] = "[]"
            z += rng.choice((f" + s{k}", f" * s{k}"))
        elif bias == "column":
            params[f"c{k}"] = '["m", 1]'
            z += f" - c{k}"
        forward.append((f"Z{k}", z))
        act = rng.choice(ACTIVATIONS).format(x=f"Z{k}")
        extra = rng.random()
        if extra < 0.15:  # a reduction along an axis broadcast back (normalisation-like)
            axis = rng.choice(("axis=1", "1", "axis=0", "0"))
            red = rng.choice(("mean", "sum"))
            forward.append((f"R{k}", f"{red}(Z{k}, {axis})"))
            act = rng.choice(ACTIVATIONS).format(x=f"(Z{k} - R{k})")
        elif extra < 0.22 and k > 1:  # a residual connection (two paths)
            if widths[k] == widths[k - 1]:
                act = f"{rng.choice(ACTIVATIONS).format(x=f'Z{k}')} + {prev}"
        forward.append((f"A{k}", act))
        prev = f"A{k}"
    out = prev
    loss = rng.choice(("mse", "sse", "bce", "bce_logits", "cross_entropy", "mean", "sum", "dep"))
    n = f"n{layers}"
    if loss in ("mse", "sse"):
        inputs["Y"] = f'["m", "{n}"]'
        forward.append(("L", f"{loss}({out}, Y)"))
    elif loss == "bce":
        inputs["Y"] = f'["m", "{n}"]'
        forward.append(("P", f"sigmoid({out})"))
        weight = rng.choice(("", ", pos_weight=3"))
        forward.append(("L", f"bce(P, Y{weight})"))
    elif loss == "bce_logits":
        inputs["Y"] = f'["m", "{n}"]'
        forward.append(("L", f"bce_logits({out}, Y)"))
    elif loss == "cross_entropy":
        inputs["Y"] = f'["m", "{n}"]'
        forward.append(("P", f"softmax({out})"))
        forward.append(("L", "cross_entropy(P, Y)"))
    elif loss == "dep":  # a target that depends on parameters
        params["V"] = f'["n0", "{n}"]'
        forward.append(("T", "tanh(X @ V)"))
        forward.append(("L", f"mse({out}, T)"))
    else:
        forward.append(("L", f"{loss}({out} * {out})"))
    forward = _respell(forward, random.Random(f"derive-fuzz-spelling:{seed}"))
    lines = ["[network]", f'name = "fuzz-{seed}"', "", "[dims]"]
    lines += [f"{k} = {v}" for k, v in dims.items()]
    lines += ["", "[inputs]"] + [f"{k} = {v}" for k, v in inputs.items()]
    lines += ["", "[params]"] + [f"{k} = {v}" for k, v in params.items()]
    lines += ["", "[forward]"] + [f'{k} = "{v}"' for k, v in forward]
    mode = rng.choice(("none", "partial", "full"))
    if mode != "none":
        shapes = {**inputs, **params}
        given = [k for k in shapes if k != "Y"] if mode == "full" else ["X"]
        lines += ["", "[values]"]
        for name in given:
            r, c = _shape(shapes[name], dims)
            rows = [
                [rng.choice((-1, 1)) * rng.randint(1, 9) / 10 for _ in range(c)] for _ in range(r)
            ]
            lines.append(f"{name} = {rows}")
    return "\n".join(lines) + "\n"


# NumPy spellings of the same operations (the parser rewrites them into the table's ops); a
# separate random stream picks them, so a seed's network is the same as before they existed
_SPELLINGS = (
    (r"\brelu\(", "maximum(0, "),
    (r"^(\w+) \*\* 2$", r"square(\1)"),
    (r", axis=1\)", ", axis=-1, keepdims=True)"),
    (r", 1\)", ", -1)"),
    (r", axis=0\)", ", axis=0, keepdims=False)"),
    (r", 0\)", ", -2)"),
)


def _respell(forward: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for name, text in forward:
        for pattern, new in _SPELLINGS:
            if re.search(pattern, text) and rng.random() < 0.5:
                text = re.sub(pattern, new, text, count=1)
        out.append((name, text))
    return out


def _shape(text: str, dims: dict[str, int]) -> tuple[int, int]:
    items = [t.strip().strip('"') for t in text.strip("[]").split(",") if t.strip()]
    if not items:
        return (1, 1)
    vals = [dims[t] if t in dims else int(t) for t in items]
    return (vals[0], vals[1])


def run(seed: int, *, max_dim: int = 4, points: int = 2, use_torch: bool = True) -> Outcome:
    """Derive and verify the network of ``seed``; never raises."""

    text = random_spec(seed, max_dim=max_dim)
    start = time.perf_counter()
    try:
        s = spec.parse(text, source=f"fuzz-{seed}")
        d = derive(s)
        report = numeric.verify(d, points=points, use_torch=use_torch)
    except spec.SpecError as err:
        return Outcome(seed, "refused", time.perf_counter() - start, str(err))
    except Exception:  # noqa: BLE001 - the point is to catch everything
        return Outcome(seed, "error", time.perf_counter() - start, traceback.format_exc(limit=6))
    kind = "match" if report.ok else "mismatch"
    bad = [c for c in report.comparisons if not c.ok]
    detail = "; ".join(
        f"{c.param}@{c.point}: torch={c.ours_vs_torch} fd={c.ours_vs_fd} "
        f"ew={c.elementwise_vs_matrix} {c.problem}"
        for c in bad[:3]
    )
    return Outcome(seed, kind, time.perf_counter() - start, detail)
