"""Random networks over the whole spec language, checked against PyTorch and finite differences.

:func:`random_spec` writes a spec (TOML text) from a seed: 1–5 layers; every element-wise
function, softmax/log_softmax, reductions over everything or along an axis (by keyword or
position, with NumPy's negative axes and ``keepdims``), concatenation along either axis,
``maximum``/``square`` spellings, row /
column / scalar broadcasting, 1-D biases and 1-D reductions without keepdims broadcast back (as a
column through ``[:, None]``/``unsqueeze``/``expand_dims``, or as the row they are), a gated
layer's halves from a split (``np.split``/``torch.chunk``/``torch.split``), clips at their kinks,
PyTorch's ``gather`` of class labels, fractional and negative powers, every loss
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
from derive.errors import BadInput
from derive.lang import expr as ex
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
    # concatenation draws from its own stream, so the networks of seeds without one are the
    # same as before it existed (tests/test_fuzz.py pins some seeds)
    crng = random.Random(f"derive-fuzz-concat2:{seed}")
    cat_layer = crng.randint(2, layers) if layers > 1 and crng.random() < 0.12 else 0
    stat_layer = crng.randint(1, layers) if crng.random() < 0.06 else 0
    # slices and class labels: their own stream too (seeds without them are unchanged)
    srng = random.Random(f"derive-fuzz-slice:{seed}")
    gate_layer = srng.randint(1, layers) if srng.random() < 0.12 else 0
    int_labels = srng.random() < 0.4
    # 1-D biases and reductions, splits, clips, gathers: their own stream too
    orng = random.Random(f"derive-fuzz-1d:{seed}")
    verbatim: set[str] = set()  # lines the spellings below leave as written
    # branch ops11's functions: their own stream too
    nrng = random.Random(f"derive-fuzz-ops11:{seed}")
    # round 27's families (spellings27): their own stream too
    x27 = random.Random(f"derive-fuzz-s27:{seed}")
    domain_layer = x27.randint(1, layers) if x27.random() < 0.25 else 0
    domain_values: dict[str, tuple[float, float]] = {}
    for k in range(1, layers + 1):
        gated = k == gate_layer and k != cat_layer
        wide = f"2*n{k}" if gated else f"n{k}"  # a gated layer: one matrix for both halves
        params[f"W{k}"] = f'["n{k - 1}", "{wide}"]'
        z = f"{prev} @ W{k}"
        if k == cat_layer:  # the layer reads [A, X] (d2l's cat([X, H]) @ W)
            params[f"W{k}"] = f'[{widths[k - 1] + widths[0]}, "n{k}"]'
            z = f"concat({prev}, X, axis=-1) @ W{k}"
        bias = rng.choice(("row", "row", "none", "scalar", "column"))
        if bias == "row":
            # a 1-D bias ["n"] (NumPy broadcasts it as a row) a third of the time
            params[f"b{k}"] = f'["{wide}"]' if orng.random() < 0.3 else f'[1, "{wide}"]'
            z += f" + b{k}"
        elif bias == "scalar":
            params[f"s{k}"] = "[]"
            z += rng.choice((f" + s{k}", f" * s{k}"))
        elif bias == "column":
            params[f"c{k}"] = '["m", 1]'
            z += f" - c{k}"
        forward.append((f"Z{k}", z))
        template = rng.choice(ACTIVATIONS)
        act = template.format(x=f"Z{k}")
        extra = rng.random()
        if orng.random() < 0.08:  # a clip (kinks at its bounds, PyTorch's convention there)
            template = orng.choice(_CLIPS)
            act = template.format(x=f"Z{k}")
        if gated and orng.random() < 0.5:  # the same unit from a split into two halves
            gate, other = f"G{k}", f"H{k}"
            split = orng.choice(_SPLITS).format(z=f"Z{k}", n=f"n{k}")
            forward.append((f"{gate}, {other}", split))
            verbatim.add(f"{gate}, {other}")
            act = f"sigmoid({gate}) * ({template.format(x=other)})"
        elif gated:  # a gated unit on column blocks: σ(Z[:, :n]) ⊙ f(Z[:, n:]) (GLU, LSTM gates)
            other = srng.choice((f"Z{k}[:, n{k}:]", f"Z{k}[:, -n{k}:]", f"Z{k}[:, n{k}:2*n{k}]"))
            act = f"sigmoid(Z{k}[:, :n{k}]) * ({template.format(x=other)})"
        elif extra < 0.15 and orng.random() < 0.5:  # a 1-D reduction (no keepdims) broadcast
            red, back = orng.choice(_ONE_D_REDUCTIONS)
            forward.append((f"R{k}", red.format(z=f"Z{k}")))
            verbatim.add(f"R{k}")
            act = rng.choice(ACTIVATIONS).format(x=f"(Z{k} - {back.format(r=f'R{k}')})")
        elif extra < 0.15:  # a reduction along an axis broadcast back (normalisation-like)
            axis = rng.choice(("axis=1", "1", "axis=0", "0"))
            red = rng.choice(("mean", "sum"))
            forward.append((f"R{k}", f"{red}(Z{k}, {axis})"))
            act = rng.choice(ACTIVATIONS).format(x=f"(Z{k} - R{k})")
        elif extra < 0.22 and k > 1:  # a residual connection (two paths)
            if widths[k] == widths[k - 1]:
                act = f"{rng.choice(ACTIVATIONS).format(x=f'Z{k}')} + {prev}"
        if k == stat_layer:  # a column statistic over the batch stacked on its square
            # (of a gated layer, of the half its unit has: Z's 2n columns do not add to n)
            zs = f"Z{k}[:, :n{k}]" if gated else f"Z{k}"
            act = f"{act} + mean(concat({zs}, {zs} * {zs}, axis=-2), axis=0)"
        forward.append((f"A{k}", act))
        prev = f"A{k}"
        if nrng.random() < 0.3:  # one of branch ops11's functions of A, on a line of its own
            # (kept as written: the other lines and their spellings are those of before)
            pick = nrng.choice(_NEW_ACTIVATIONS if nrng.random() < 0.6 else _BLOCK_ACTIVATIONS)
            forward.append((f"N{k}", pick.format(x=prev)))
            verbatim.add(f"N{k}")
            prev = f"N{k}"
        prev = _s27_block(x27, forward, verbatim, prev, k, m, widths[k], f"n{k}")
        if k == domain_layer:  # a function with a domain of a tensor of its own, directly
            call, lo, hi = x27.choice(_S27_DOMAIN)
            u = f"U{k}"
            (inputs if x27.random() < 0.5 else params)[u] = f'["m", "n{k}"]'
            domain_values[u] = (lo, hi)
            op = x27.choice(("*", "+"))
            forward.append((f"D{k}", f"{prev} {op} ({call.format(u=u)})"))
            verbatim.add(f"D{k}")
            prev = f"D{k}"
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
    elif loss == "cross_entropy" and int_labels and widths[layers] > 1:
        # CS231n's integer labels: -mean(log(P[np.arange(m), y])), y drawn (or given) in range
        inputs["y"] = '["m"]'
        forward.append(("P", f"softmax({out})"))
        pick = srng.choice(("np.arange(m)", "range(m)", "torch.arange(m)"))
        forward.append(("L", f"-mean(log(P[{pick}, y]))"))
        if pick != "np.arange(m)" and orng.random() < 0.6:  # PyTorch's gather of the labels
            forward[-1] = ("L", f"-mean(log({orng.choice(_GATHERS)}))")
            verbatim.add("L")
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
    if x27.random() < 0.35:
        _s27_loss(x27, forward, verbatim, loss, out, "y" in inputs, f"n{layers}")
    forward = _respell(forward, random.Random(f"derive-fuzz-spelling:{seed}"), verbatim)
    lines = ["[network]", f'name = "fuzz-{seed}"', "", "[dims]"]
    lines += [f"{k} = {v}" for k, v in dims.items()]
    lines += ["", "[inputs]"] + [f"{k} = {v}" for k, v in inputs.items()]
    lines += ["", "[params]"] + [f"{k} = {v}" for k, v in params.items()]
    lines += ["", "[forward]"] + [f'{_key(k)} = "{v}"' for k, v in forward]
    mode = rng.choice(("none", "partial", "full"))
    if mode != "none":
        shapes = {**inputs, **params}
        given = [k for k in shapes if k not in ("Y", "y")] if mode == "full" else ["X"]
        lines += ["", "[values]"]
        if "y" in inputs and mode == "full":  # integer class labels
            lines.append(f"y = {[srng.randrange(widths[layers]) for _ in range(m)]}")
        given += [u for u in domain_values if u not in given and x27.random() < 0.5]
        for name in given:
            r, c = _shape(shapes[name], dims)
            rows = [
                [rng.choice((-1, 1)) * rng.randint(1, 9) / 10 for _ in range(c)] for _ in range(r)
            ]
            if name in domain_values:  # inside the function's domain, one decimal
                lo, hi = domain_values[name]
                steps = round((hi - lo) * 10)
                rows = [
                    [round(lo + x27.randint(0, steps) / 10, 1) for _ in range(c)] for _ in range(r)
                ]
            one_d = shapes[name].count(",") == 0 and shapes[name] != "[]"
            lines.append(f"{name} = {rows[0] if one_d else rows}")  # a 1-D bias: a flat list
    return "\n".join(lines) + "\n"


# NumPy and PyTorch spellings of the same operations, as course code writes them (the parser
# rewrites them into the table's ops: derive/lang/spelling.py); a separate random stream picks
# them, so a seed's network is the same function as before they existed. Each row: a pattern and
# its spellings, one of which replaces the first match half of the time. ``_F`` matches a bare
# call of the language's function (not ``np.exp`` written by an earlier row); ``_ARG`` one
# argument: a name or a parenthesised expression without nested parentheses.
_F = r"(?<![\w.])"
_ARG = r"(\w+|\([^()]*\))"
_SPELLINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_F + r"relu\(", ("maximum(0, ", "F.relu(", "torch.relu(", "np.maximum(0, ")),
    (r"^(\w+) \*\* 2$", (r"square(\1)", r"np.square(\1)", r"\1.pow(2)", r"np.power(\1, 2)")),
    (r", axis=1\)", (", axis=-1, keepdims=True)", ", dim=1, keepdim=True)")),
    (r", 1\)", (", -1)",)),
    (r", axis=0\)", (", axis=0, keepdims=False)", ", dim=0)")),
    (r", 0\)", (", -2)",)),
    (_F + r"leaky_relu\(" + _ARG + r", 0\.1\)", (
        r"F.leaky_relu(\1, negative_slope=0.1)",
        r"np.where(\1 > 0, \1, 0.1 * \1)",
    )),
    (_F + r"sigmoid\(" + _ARG + r"\)", (
        r"torch.sigmoid(\1)",
        r"1 / (1 + np.exp(-\1))",
        r"scipy.special.expit(\1)",
    )),
    (_F + r"tanh\(", ("np.tanh(", "torch.tanh(")),
    (_F + r"concat\((\w+), (\w+), axis=-1\)", (
        r"torch.cat([\1, \2], dim=1)",
        r"np.concatenate((\1, \2), axis=-1)",
        r"np.hstack([\1, \2])",
    )),
    (_F + r"concat\((\w+), (\w+ \* \w+), axis=-2\)", (
        r"np.vstack((\1, \2))",
        r"torch.cat([\1, \2])",
    )),
    (_F + r"softplus\(" + _ARG + r"\)", (r"F.softplus(\1)", r"np.log1p(np.exp(\1))")),
    (_F + r"abs\(", ("np.abs(", "torch.abs(")),
    (_F + r"sqrt\(", ("np.sqrt(", "torch.sqrt(")),
    (_F + r"log\(" + _ARG + r" \* " + _ARG + r" \+ 1\)", (r"np.log1p(\1 * \2)",)),
    (_F + r"log\(", ("np.log(", "torch.log(")),
    (_F + r"exp\(", ("np.exp(", "torch.exp(")),
    (r"\(([^()]*)\) \*\* 0\.5", (r"np.sqrt(\1)", r"torch.pow(\1, 0.5)")),
    (r"\(([^()]*)\) \*\* -1\b", (r"np.reciprocal(\1)", r"1 / (\1)")),
    (r"\(([^()]*)\) \*\* 1\.5", (r"np.power(\1, 1.5)", r"(\1).pow(1.5)")),
    (_F + r"softmax\(" + _ARG + r"\)", (
        r"F.softmax(\1, dim=1)",
        r"torch.softmax(\1, dim=-1)",
        r"np.exp(\1) / np.sum(np.exp(\1), axis=1, keepdims=True)",
    )),
    (_F + r"log_softmax\(" + _ARG + r"\)", (
        r"F.log_softmax(\1, dim=1)",
        r"\1 - torch.logsumexp(\1, dim=1, keepdim=True)",
    )),
    (r"\b(\w+) @ (\w+)", (r"np.dot(\1, \2)", r"torch.matmul(\1, \2)", r"\1.dot(\2)")),
    # a spelled reduction along an axis keeps it (keepdims=True): without it NumPy's and
    # PyTorch's result along axis 1 is 1-D, a row, which is not the language's column
    (_F + r"(sum|mean)\((\w+), (.*keepdim.*)\)$", (
        r"np.\1(\2, \3)", r"\2.\1(\3)", r"torch.\1(\2, \3)",
    )),
    (_F + r"(sum|mean)\((\w+), ((?:(?!keepdim).)*)\)$", (
        r"np.\1(\2, \3, keepdims=True)",
        r"\2.\1(\3, keepdims=True)",
        r"torch.\1(\2, \3, keepdim=True)",
    )),
    (_F + r"(sum|mean)\((?!\w+, (?:axis=)?-?1\))", (r"np.\1(",)),
    (r"^mse\((\w+), (\w+)\)$", (r"F.mse_loss(\1, \2)", r"np.mean((\1 - \2) ** 2)")),
    (r"^sse\((\w+), (\w+)\)$", (
        r"np.sum((\1 - \2) ** 2)",
        r"F.mse_loss(\1, \2, reduction='sum')",
    )),
    (r"^bce\((\w+), (\w+)\)$", (
        r"F.binary_cross_entropy(\1, \2)",
        r"-np.mean(\2 * np.log(\1) + (1 - \2) * np.log(1 - \1))",
    )),
    (r"^bce_logits\((\w+), (\w+)\)$", (r"F.binary_cross_entropy_with_logits(\1, \2)",)),
)


# 1-D reductions without keepdims (NumPy's/PyTorch's 1-D result) and how each is broadcast
# back: along axis 1 a 1-D vector of the m rows, made a column; along axis 0 one of the columns,
# broadcast as a row as it is. Written so that no spelling row above matches them.
_ONE_D_REDUCTIONS = (
    ("{z}.sum(1)", "{r}[:, None]"),
    ("torch.mean({z}, dim=1)", "{r}.unsqueeze(1)"),
    ("np.sum({z}, axis=-1)", "np.expand_dims({r}, -1)"),
    ("{z}.mean(axis=1)", "{r}[:, np.newaxis]"),
    ("{z}.mean(0)", "{r}"),
    ("np.sum({z}, axis=-2)", "{r}"),
    ("torch.sum({z}, dim=0, keepdim=False)", "{r}"),
)
# bounds of three decimals: example values have one, so a clip's input (two decimals at most
# where it is X @ W + b) never lands exactly on a bound, where float64 would put it a rounding
# error to one side (derive refuses that, exit 2: fuzz seed 31 with -0.75)
_CLIPS = (
    "np.clip({x}, -0.755, 0.845)",
    "torch.clamp({x}, min=-0.655)",
    "{x}.clamp(-0.955, 0.555)",
    "F.hardtanh({x}, -1.005, 0.995)",
)
# branch ops11: more of PyTorch's/NumPy's element-wise functions (derive/lang/spelling.py);
# thresholds of four decimals: example values have one, so X @ W · s has three at most and no
# input lands exactly on a kink
_NEW_ACTIVATIONS = (
    "torch.sin({x})",
    "np.cos({x})",
    "torch.atan({x})",
    "np.arctan({x})",
    "torch.tan(torch.tanh({x}))",
    "torch.sign({x}) * {x}",
    "F.tanhshrink({x})",
    "F.softshrink({x}, 0.3555)",
    "F.hardshrink({x}, 0.2555)",
    "F.threshold({x}, 0.1555, -0.5)",
    "F.softmin({x}, dim=1)",
    "torch.logit(torch.sigmoid({x}))",
    "torch.fmax({x}, torch.tensor(0.1055))",
    "torch.min({x}, torch.tensor(0.5055))",
    "torch.xlogy({x} * {x}, torch.sigmoid({x}))",
    # pass 17's rows: log Γ, ψ (positive arguments) and a tensor's power of a tensor
    "torch.lgamma({x} * {x} + 1)",
    "torch.digamma({x} * {x} + 1.5)",
    "scipy.special.gammaln(torch.sigmoid({x}) + 0.5)",
    "({x} * {x} + 1) ** torch.sigmoid({x})",
    # round 21's rows: the normal CDF (its own rows, exact in the tails) and its log
    "torch.special.ndtr({x})",
    "torch.special.log_ndtr({x} - 2)",
    "torch.erfc({x})",
    "scipy.stats.norm.logpdf({x}, scale=1.5)",
    # round 22's rows (spellings22): the inverse hyperbolic functions, erfinv, atan2
    "torch.asinh({x}) + np.arccosh({x} * {x} + 1.25)",
    "torch.atanh(torch.tanh({x}) * 0.75) * torch.erfinv(torch.tanh({x}) * 0.85)",
    "torch.atan2({x}, {x} * {x} + 0.5)",
    # round 23's rows (spellings23): NumPy's cube root, xlog1py, floor as a straight-through
    # estimator's forward (quarters are exact in float64 too), frac (by 2.7183: no whole numbers)
    "np.cbrt({x} * {x} + 0.25) * torch.special.xlog1py({x}, {x} * {x})",
    "{x} + (torch.floor({x} * 4) / 4 - {x}).detach() + torch.frac({x} * 2.7183)",
    # round 24's rows (spellings24): sinc and I0 as op rows (sinc's derivative at 0 is 0, not
    # 0/0). (An e^{-x}·I0(x) of fuzz seed 5 disagreed at a random point until NumPy's I1
    # summed its series past its largest term: tests/test_spellings24.py.)
    "torch.sinc({x}) * np.i0({x} * 0.5)",
    "torch.special.i0({x} + 0.0707) + np.sinc({x} * {x})",
)
# read by blocks of a named tensor, or a float cast of a comparison
_BLOCK_ACTIVATIONS = (
    "torch.cumsum({x}, dim=1)",
    "np.cumsum({x}, axis=0)",
    "{x} * torch.prod({x}, dim=1, keepdim=True)",
    "({x} > 0.0505).float() * {x}",
    "({x} <= -0.1505).astype(float) + {x}",
)
# a gated layer's two halves as the parts of a split (derive/lang/splits.py)
_SPLITS = (
    "np.split({z}, 2, axis=-1)",
    "torch.chunk({z}, 2, dim=-1)",
    "{z}.chunk(2, dim=1)",
    "torch.split({z}, {n}, dim=1)",
)
_GATHERS = (
    "P.gather(1, y.unsqueeze(1))",
    "torch.gather(P, 1, y[:, None])",
    "P.gather(-1, y.view(-1, 1))",
)


# ---- round 27 (spellings27): the families added since the generator was written ---------------
# Each row: the lines of a block on an [m, n] tensor {x} (n its width's dim name {n}), the last
# of which is the block's [m, n] result; {l0}, {l1} … name the block's earlier lines; and what it
# needs of the sizes ("m2": m ≥ 2, "n2": n ≥ 2). Constants of four decimals keep inputs off
# kinks and jumps (example values have one decimal). Every family of spellings (PyTorch, NumPy,
# TensorFlow, JAX; keyword and positional axes; a 1-D result broadcast back as a row or column).
_S27_BLOCKS: tuple[tuple[tuple[str, ...], str], ...] = (
    # atan2, every spelling (x > 0: away from the negative x axis and the origin)
    (("np.arctan2({x}, {x} * {x} + 0.5)",), ""),
    (("tf.math.atan2(y={x}, x=1.25 + tf.math.square({x}))",), ""),
    (("jnp.arctan2({x} - 0.0505, jnp.exp({x}))",), ""),
    (("{x}.atan2(torch.sigmoid({x}) + 0.1)",), ""),
    # the inverse sine and cosine (|argument| < 1 by construction)
    (("np.arcsin(np.tanh({x}) * 0.8)",), ""),
    (("torch.acos(0.9 * torch.tanh({x}))",), ""),
    (("torch.asin(torch.sigmoid({x}) - 0.5) + torch.arccos(torch.tanh({x}) * 0.5)",), ""),
    (("np.arcsinh({x}) * np.arctanh(np.tanh({x}) * 0.7)",), ""),
    # step functions (derivative 0; thresholds of four decimals), sign
    # (as a straight-through estimator's forward: PyTorch's gradient of a step alone is 0,
    # which derive refuses to derive through, exit 2, saying to detach it)
    (("{x} + (torch.round({x} * 4) / 4 - {x}).detach()",), ""),
    (("{x} * (np.ceil({x} * 1.4142) + torch.trunc({x} * 3.1416)).detach()",), ""),
    (("torch.sign({x} - 0.0505) * {x} * {x}",), ""),
    # triangles and diagonals of a square matrix made of {x}
    (("torch.tril({x} @ {x}.T) @ torch.tanh({x}) / {m}",), ""),
    (("np.triu(np.dot(np.tanh({x}), np.tanh({x}).T), 1) @ {x} / {m} + {x}",), ""),
    (("np.tanh({x}) @ jnp.tril({x}.T @ {x}, k=-1) / ({m} * {n}) + {x}",), ""),
    (("{x} @ {x}.T", "np.diag(np.diag({l0})) @ {x}"), ""),
    (("{x} @ {x}.T", "{x} * torch.diagonal({l0}).unsqueeze(1)"), ""),
    (("{x}.T @ {x}", "{x} @ torch.diag(torch.exp(torch.diagonal({l0})))"), ""),
    (("{x} / (1 + torch.trace({x}.T @ {x}))",), ""),
    # ramps from arange (sizes of the [dims])
    (("{x} * np.arange(1, {n} + 1) / {n}",), ""),
    (("{x} + torch.arange({n}) * 0.25",), ""),
    # the trapezoid rule along either axis, NumPy's and PyTorch's
    (("{x} - np.trapz({x}, dx=0.5)[:, None]",), "n2"),
    (("{x} * np.trapezoid({x}, axis=0)",), "m2"),
    (("{x} + torch.trapezoid({x}, dim=1).unsqueeze(1)",), "n2"),
    # moments: var_mean / std_mean indexed, var / std with ddof, covariance
    (("{x} / (1 + torch.var_mean({x}, dim=0)[0])",), "m2"),
    (("{x} - torch.std_mean({x}, dim=1, keepdim=True)[1]",), ""),
    (("({x} - {x}.mean(axis=0)) / np.sqrt(np.var({x}, axis=0) + 0.5)",), ""),
    (("{x} * torch.std({x}, dim=1, keepdim=True)",), "n2"),
    (("{x} @ np.cov({x}, rowvar=False)",), "m2 n2"),
    (("{x} @ torch.cov({x}.T) * 0.5",), "m2 n2"),
    # distances and similarities (of rows that differ by construction)
    (("torch.cdist({x}, {x}.T @ {x} + 1)",), ""),
    # never a zero row (a ReLU's output can be one: the norm's sqrt at 0, refused at given values)
    (("{x} * F.cosine_similarity({x} * {x} + 1, {x} + 2, dim=1)[:, None]",), ""),
    (("{x} + torch.arange({m})[:, None]", "{x} * torch.sum(F.pdist({l0}))"), "m2"),
    (("{x} * F.pairwise_distance({x}, {x} * 0.5 + 1).unsqueeze(-1)",), ""),
    # norms
    (("{x} / (1 + np.linalg.norm({x}, axis=1, keepdims=True))",), ""),
    (("{x} * torch.linalg.vector_norm({x} + 1, ord=2, dim=0)",), ""),
    (("F.normalize({x} + 2, dim=1)",), ""),
    (("{x} * tf.norm({x} - 3, axis=-1, keepdims=True)",), ""),
    (("{x} + torch.norm({x} + 1.5)",), ""),
    # logsumexp along either axis, every library
    (("{x} - torch.logsumexp({x}, dim=0)",), ""),
    (("{x} - scipy.special.logsumexp({x}, axis=1, keepdims=True)",), ""),
    (("{x} - jax.nn.logsumexp({x}, axis=-1, keepdims=True)",), ""),
    (("{x} - tf.reduce_logsumexp({x}, axis=1, keepdims=True)",), ""),
    # clamps and wheres (bounds of four decimals)
    (("torch.clamp_min({x}, -0.3055) + {x}.clamp_max(0.4055)",), ""),
    (("tf.clip_by_value({x}, -0.5055, 0.6055)",), ""),
    (("jnp.clip({x}, a_min=-0.7055)",), ""),
    (("np.where({x} > 0.0505, {x}, 0.3 * {x})",), ""),
    (("torch.where({x} < -0.1505, torch.exp({x}) - 1, {x})",), ""),
    (("tf.where({x} >= 0.2505, {x} * {x}, -{x})",), ""),
    # stacks and concatenations of blocks, slices, flips, rolls
    (("{x} + torch.stack([{x}.sum(1), {x}.mean(1)], dim=1).sum(1, keepdim=True)",), ""),
    (("{x} * np.column_stack(({x}.max(axis=1), {x}.min(axis=1))).mean(axis=1, keepdims=True)",),
     ""),
    (("torch.cat([{x}[:, :1], {x}[:, 1:] * 2], dim=1)",), "n2"),
    (("np.concatenate([{x}[1:], {x}[:1]], axis=0) + {x}",), "m2"),
    (("{x}[:, ::-1] * {x}",), ""),
    (("torch.flip({x}, dims=[0]) + {x}",), ""),
    (("np.roll({x}, 1, axis=1) * {x}",), ""),
    (("{x} + {x}[:, -1:]",), ""),
    # running sums and products, differences
    (("torch.cumprod(torch.sigmoid({x}), dim=1)",), ""),
    (("np.cumsum({x}, axis=1) - {x}",), ""),
    (("torch.logcumsumexp({x}, dim=0)",), ""),
    (("np.diff({x}, axis=1, prepend=0)",), ""),
    # reductions with max/min along an axis, TensorFlow and JAX
    (("{x} - tf.reduce_max({x}, axis=1, keepdims=True)",), ""),
    (("{x} - jnp.amin({x}, axis=0)",), ""),
    (("{x} * tf.reduce_mean({x}, 0)",), ""),
    (("{x} - torch.max({x}, dim=1, keepdim=True).values",), ""),
    (("{x} + tf.reduce_sum({x}, axis=-1, keepdims=True)",), ""),
    (("{x} * jnp.mean({x}, 1, keepdims=True)",), ""),
    # TensorFlow's and JAX's activations
    (("tf.nn.relu({x}) + tf.math.sigmoid({x})",), ""),
    (("jax.nn.relu({x}) * jnp.tanh({x})",), ""),
    (("tf.nn.softmax({x}, axis=-1)",), ""),
    (("jax.nn.log_softmax({x}, axis=1)",), ""),
    (("jax.nn.gelu({x}, approximate=False) + jax.nn.silu({x})",), ""),
    (("F.elu({x}) + F.selu({x}) + F.celu({x}, alpha=0.5)",), ""),
    (("F.gelu({x}, approximate='tanh') * F.mish({x})",), ""),
    (("F.hardswish({x} * 3) + F.relu6({x} * 4) + F.softsign({x})",), ""),
    (("torch.expm1(torch.tanh({x})) + np.log2({x} * {x} + 1) + torch.log10(2 + torch.tanh({x}))",),
     ""),
    (("np.sinh(np.tanh({x})) * np.cosh(np.tanh({x})) + torch.rsqrt({x} * {x} + 1)",), ""),
    (("tf.math.log1p(tf.math.exp({x})) + tf.math.softplus({x})",), ""),
    (("F.logsigmoid({x}) + torch.special.expit({x})",), ""),
    (("torch.hypot({x}, {x} * 0 + 1) + np.logaddexp({x}, 0.5)",), ""),
    # special functions at positive arguments
    (("torch.polygamma(1, {x} * {x} + 1)",), ""),
    (("scipy.special.psi({x} * {x} + 1) + torch.special.i0e({x})",), ""),
    (("torch.special.entr(torch.sigmoid({x}))",), ""),
    # element-wise binaries by name
    (("torch.mul({x}, {x}) + np.subtract({x}, 1) + torch.div({x}, 2)",), ""),
    (("torch.addcmul({x}, {x}, {x}, value=0.5)",), ""),
    (("torch.lerp({x}, {x} * {x}, 0.25)",), ""),
    # a softmax with a mask (causal: the lower triangle of the batch)
    (("torch.softmax(({x} @ {x}.T).masked_fill(torch.triu(torch.ones({m}, {m}), 1) == 1, "
      "float('-inf')), dim=-1) @ {x}",), ""),
    # an einsum, a matrix product spelled by name
    (("np.einsum('ij,jk->ik', {x}, {x}.T @ {x}) * 0.25",), ""),
    (("torch.mm({x}, torch.t({x}) @ {x}) * 0.25",), ""),
    (("tf.matmul({x}, {x}, transpose_b=True) @ {x} * 0.25",), ""),
    # round 27's second batch: binaries and reductions by name, shapes, copies, products
    (("torch.add({x}, {x}, alpha=0.5) - torch.sub({x}, 1) * np.multiply({x}, 0.5)",), ""),
    (("np.true_divide({x}, 2) + np.divide({x}, {x} * {x} + 1) - torch.neg({x}) "
      "+ np.negative({x})",), ""),
    (("torch.rsub({x}, 1) * torch.float_power({x} * {x} + 1, 0.5) + np.exp2(torch.tanh({x}))",),
     ""),
    (("np.minimum({x}, 0.3055) + np.maximum({x}, -0.2055)",), ""),
    (("{x}.reshape({n}, {m}).T * {x}.flatten().sum() + {x}.view(-1, {n})",), ""),
    (("{x} * {x}.sum(1).reshape(-1, 1) + np.tile({x}[:1], ({m}, 1)) + np.reshape({x}, ({n}, {m})).T",), "m2"),
    # conv42: a stride-1 valid cross-correlation (F.conv2d of one image of one channel) and a
    # true 1-D convolution (np.convolve), image and kernel both from the network
    # (conv43, inside the same two blocks so the other seeds draw as before: a strided, padded
    # convolution of a 2 x 2 block and 2 x 2 average and max pooling; conv44: 2 x 2 average and
    # max pooling with stride 1, overlapping windows, of a padded convolution's 3 x 3 map)
    (("{x} + F.conv2d({x}[None, None], {x}[:2, :2][None, None]).squeeze().sum() * 0.25 "
      "+ np.convolve({x}[0], {x}[1, :2], 'valid').sum() * 0.25 + F.conv2d({x}[:2, :2][None, None], "
      "({x}[:2, :2] * 0.5)[None, None], stride=2, padding=1)[0, 0].sum() * 0.25 "
      "+ F.avg_pool2d({x}[:2, :2][None, None], 2).squeeze() * 0.5 + F.avg_pool2d(F.conv2d({x}[:2, :2][None, None], "
      "({x}[:2, :2] * 0.5)[None, None], padding=1), kernel_size=2, stride=1)[0, 0].sum() * 0.25",), "m2 n2"),
    (("{x} * np.convolve({x}[0], {x}[1, :2]).mean() "
      "+ scipy.signal.correlate2d({x}, {x}[:2, :1] * 0.5, mode='full')[1:, :] "
      "+ F.max_pool2d({x}[:2, :2][None, None], kernel_size=2)[0, 0] * 0.5 + F.max_pool2d(F.conv2d({x}[:2, :2][None, None], "
      "({x}[:2, :2] * 0.5)[None, None], padding=1), 2, stride=1)[0, 0].sum() * 0.25",), "m2 n2"),
    (("{x}.mean(0, keepdim=True)", "{x}.sum(0)",
      "{x} + {l0}.expand({m}, {n}) + torch.broadcast_to({l1}, ({m}, {n}))"), ""),
    (("{x}.transpose(0, 1).T * {x} + torch.permute({x}, (1, 0)).T + np.swapaxes({x}, 0, 1).T",),
     ""),
    (("{x}.clone() * {x}.contiguous()",), ""),
    (("np.nansum({x}, axis=1, keepdims=True) + np.nanmean({x}) + np.average({x}, axis=0)",), ""),
    (("{x} - torch.amax({x}, dim=1, keepdim=True) + tf.reduce_min({x}, axis=0, keepdims=True)",),
     ""),
    (("{x} * tf.reduce_prod(torch.sigmoid({x}) + 0.5, axis=1, keepdims=True)",), ""),
    (("{x} / (1 + tf.math.reduce_std({x}, axis=0) "
      "+ tf.math.reduce_variance({x}, axis=1, keepdims=True))",), "m2"),
    (("{x} / (1 + torch.linalg.matrix_norm({x} + 1))",), ""),
    (("np.linalg.multi_dot([{x}, {x}.T, {x}]) * 0.1",), ""),
    (("np.tensordot({x}, {x}.T @ {x}, axes=1) * 0.1",), ""),
    (("{x} * np.vdot({x}, {x} + 1) * 0.1 + {x} * np.inner({x}[0], {x}[0])",), "m2"),
    (("{x} + np.outer({x}.sum(axis=1), {x}.mean(axis=0))",), ""),
    (("F.hardsigmoid({x} * 2) + F.logsigmoid({x}) + tf.nn.swish({x}) + jax.nn.log_sigmoid({x})",),
     ""),
    (("F.prelu({x}, torch.tensor([0.25])) + F.rrelu({x}, training=False) "
      "+ F.dropout({x}, training=False)",), ""),
    (("torch.special.i0e({x}) + scipy.special.loggamma({x} * {x} + 1) "
      "+ scipy.special.log_expit({x})",), ""),
    (("scipy.stats.norm.cdf({x}) + scipy.stats.norm.logcdf({x}) + scipy.stats.norm.sf({x}) "
      "+ norm.pdf({x}, loc=0.5)",), ""),
    (("np.nan_to_num({x}) + tf.math.divide_no_nan({x}, {x} * {x} + 1)",), ""),
    (("tf.math.l2_normalize({x} + 2, axis=1) + tf.nn.l2_loss({x})",), ""),
    (("F.linear({x}, {x}.T @ {x}, {x}[0]) * 0.1",), "m2"),
    (("torch.addmm({x}[0], {x}, {x}.T @ {x}, beta=0.5, alpha=0.25)",), "m2"),
    (("{x} * torch.mv({x}, {x}[0])[:, None]",), "m2"),
    (("{x} @ torch.eye({n}) + {x} * np.ones(({m}, {n})) + np.zeros_like({x}) "
      "+ torch.ones_like({x})",), ""),
    (("np.fliplr({x}) * np.flipud({x})",), ""),
    (("tf.add_n([{x}, {x} * {x}, tf.nn.bias_add({x}, {x}[0])])",), "m2"),
    (("{x} * np.ptp({x}, axis=1, keepdims=True)",), ""),
    (("jax.nn.standardize({x} + np.arange({n}), axis=-1)",), ""),
    (("F.layer_norm({x} + torch.arange({n}), ({n},))",), ""),
    (("F.glu(torch.cat([{x}, {x} * {x}], dim=1), dim=1)",), ""),
    (("tf.math.cumulative_logsumexp({x}, axis=1)",), ""),
    (("{x} * np.heaviside({x} - 0.0505, 0.5) + {x}",), ""),
    (("{x} * {x}.numel() + {x} * len({x}) + {x} * {x}.size(1)",), ""),
)
# functions with a domain, of a tensor of the [inputs] or [params] directly: the engine picks
# example values inside the domain when none are given, else the generator writes them inside:
# (the call, the domain's low and high ends of the drawn values)
_S27_DOMAIN: tuple[tuple[str, float, float], ...] = (
    ("np.log({u})", 0.1, 2.0),
    ("torch.sqrt({u})", 0.1, 2.0),
    ("torch.lgamma({u})", 0.2, 2.0),
    ("torch.digamma({u})", 0.2, 2.0),
    ("np.arccosh({u})", 1.1, 2.5),
    ("torch.atanh({u})", -0.9, 0.9),
    ("np.arcsin({u})", -0.9, 0.9),
    ("torch.acos({u})", -0.9, 0.9),
    ("torch.erfinv({u})", -0.9, 0.9),
    ("torch.rsqrt({u})", 0.1, 2.0),
    ("torch.special.polygamma(1, {u})", 0.2, 2.0),
    ("torch.log2({u}) + np.log10({u})", 0.1, 2.0),
    ("{u} ** 0.5 + {u} ** -1.5", 0.1, 2.0),
    ("torch.xlogy({u}, {u})", 0.1, 2.0),
)
# losses, each family's other spellings: (the loss the main stream drew, its new text, the
# target's kind). {o} the network's output, {t} the target.
_S27_LOSSES: dict[str, tuple[str, ...]] = {
    "mse": (
        "F.l1_loss({o}, {t})",
        "F.smooth_l1_loss({o}, {t}, beta=0.5)",
        "F.huber_loss({o}, {t}, delta=0.75)",
        "tf.reduce_mean(tf.square({o} - {t}))",
        "jnp.mean((jnp.asarray({o}) - {t}) ** 2)",
        "tf.reduce_mean(tf.keras.losses.MSE({t}, {o}))",
        "torch.mean(torch.abs({o} - {t}))",
        "tf.reduce_mean(tf.math.squared_difference({o}, {t}))",
        "F.mse_loss({o}, {t}, reduction='sum') / {m}",
        "tf.reduce_mean(tf.keras.losses.MAE({t}, {o}))",
        "tf.reduce_mean(tf.keras.losses.huber({t}, {o}, delta=0.5))",
        "tf.reduce_mean(tf.keras.losses.log_cosh({t}, {o}))",
        "F.gaussian_nll_loss({o}, {t}, torch.ones_like({o}) * 0.5)",
        "F.margin_ranking_loss({o}, {t}, torch.ones_like({t}), margin=0.1055)",
        "F.triplet_margin_loss({o}, {t}, {t} * 0.5, margin=1.0055)",
        "F.cosine_embedding_loss({o}, {t} + 2, torch.ones({m}))",
        "F.kl_div(F.log_softmax({o}, dim=1), F.softmax({t}, dim=1), reduction='batchmean')",
        "F.poisson_nll_loss({o}, {t} * {t})",
        "tf.reduce_mean(tf.keras.losses.MSLE({t} * {t}, {o} * {o}))",
        "tf.reduce_mean(tf.keras.losses.poisson({t} * {t}, tf.exp({o})))",
        "tf.reduce_mean(tf.keras.losses.KLD(tf.nn.softmax({t}), tf.nn.softmax({o})))",
        "F.soft_margin_loss({o}, torch.sign({t}))",
        "F.hinge_embedding_loss({o}, torch.sign({t}), margin=0.5055)",
    ),
    "bce_logits": (
        "tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels={t}, logits={o}))",
        "F.binary_cross_entropy_with_logits({o}, {t}, pos_weight=torch.tensor(2.0))",
        "torch.mean(F.softplus({o}) - {t} * {o})",
        "tf.reduce_mean(tf.nn.weighted_cross_entropy_with_logits(labels={t}, logits={o}, "
        "pos_weight=2.0))",
        "tf.reduce_mean(tf.keras.losses.binary_crossentropy({t}, {o}, from_logits=True))",
        "K.mean(K.binary_crossentropy({t}, K.sigmoid({o})))",
        "F.multilabel_soft_margin_loss({o}, {t})",
    ),
    "cross_entropy": (
        "tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels={t}, logits={o}))",
        "-(({t}) * jax.nn.log_softmax({o})).sum(1).mean()",
        "F.cross_entropy({o}, {t}.argmax(dim=1))",
        "F.nll_loss(F.log_softmax({o}, dim=1), torch.argmax({t}, dim=1))",
        "-np.mean(np.sum({t} * np.log(np.exp({o}) / np.exp({o}).sum(axis=1, keepdims=True)), "
        "axis=1))",
        "tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels={t}, logits={o}))",
        "tf.reduce_mean(tf.keras.losses.categorical_crossentropy({t}, tf.nn.softmax({o})))",
        "K.mean(K.categorical_crossentropy({t}, K.softmax({o})))",
        "tf.reduce_mean(tf.keras.losses.categorical_hinge({t}, {o}))",
        "F.cross_entropy({o}, {t}, label_smoothing=0.1)",
    ),
    "labels": (
        "F.cross_entropy({o}, {t})",
        "F.nll_loss(torch.log_softmax({o}, dim=-1), {t})",
        "-np.mean(np.log(np.take_along_axis(P, {t}[:, None], axis=1)))",
        "-torch.mean(torch.log(torch.take_along_dim(P, {t}.view(-1, 1), dim=1)))",
        "F.multi_margin_loss({o}, {t})",
        "F.cross_entropy({o}, {t}, label_smoothing=0.1)",
        "optax.softmax_cross_entropy({o}, jax.nn.one_hot({t}, {n})).mean()",
        "optax.softmax_cross_entropy_with_integer_labels({o}, {t}).mean()",
        "F.cross_entropy({o}, {t}, reduction='sum') / {m}",
    ),
}


def _s27_block(
    rng: random.Random, forward: list, verbatim: set[str], x: str, k: int, m: int, n: int,
    n_name: str,
) -> str:
    """A block of round 27's families on ``x`` ([m, n]) a third of the time; its result's name."""
    if rng.random() >= 0.33:
        return x
    lines, needs = rng.choice(_S27_BLOCKS)
    if "m2" in needs and m < 2 or "n2" in needs and n < 2:
        return x
    names = [f"B{k}" if i == len(lines) - 1 else f"B{k}_{i}" for i in range(len(lines))]
    for i, (name, line) in enumerate(zip(names, lines)):
        earlier = {f"l{j}": names[j] for j in range(i)}
        forward.append((name, line.format(x=x, n=n_name, m="m", **earlier)))
        verbatim.add(name)
    return names[-1]


def _s27_loss(
    rng: random.Random, forward: list, verbatim: set[str], loss: str, out: str, labels: bool,
    n_name: str,
) -> None:
    """The network's loss in another of its family's spellings (in place)."""
    family = {"sse": "mse", "dep": "mse"}.get(loss, loss)
    if loss == "cross_entropy" and labels:
        family = "labels"
    if family not in _S27_LOSSES:
        return
    text = rng.choice(_S27_LOSSES[family])
    target = "y" if family == "labels" else "T" if loss == "dep" else "Y"
    keep_p = "P," in text or "(P," in text
    if loss == "cross_entropy" and not keep_p:  # the loss of the logits: no softmax line
        forward[:] = [(k, v) for k, v in forward if k != "P"]
    forward[:] = [(k, v) for k, v in forward if k != "L"]
    forward.append(("L", text.format(o=out, t=target, m="m", n=n_name)))
    verbatim.add("L")


# op rows only a rewrite or a derivative writes (abs's sign, a variance's guard, the indicators):
# the rows a spec's author calls are the table's others (bench/fuzz_coverage.py, tests)
INTERNAL_ROWS = frozenset(
    {"relu_grad", "clamp0_grad", "leaky_grad", "elu_grad", "sqrt0_grad", "sinc_slope", "bessel_i1", "bessel_i1e",
     "assert_nonneg", "assert_count", "max_share_all", "tetragamma", "sign", "rot180",
     # conv43: pieces of a convolution's or a pooling layer's gradient, read in formulas only
     "dilate", "upsample", "pool_mask", "flip_rows", "flip_cols",
     # conv44: overlapping max pooling's gradient, read in formulas only
     "pool_route",
     # pool46: average pooling's gradient over padded, cut or rectangular windows
     "pool_spread"}
)


def rows_in(text: str) -> set[str]:
    """The op rows a spec's [forward] trees call, as derive reads them (raises BadInput when
    the spec is refused)."""
    found: set[str] = set()
    for _, tree in spec.parse(text).forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call):
                found.add(n.func)
            stack.extend(ex.children(n))
    return found


def _key(name: str) -> str:
    """A [forward] key; one that unpacks a split, ``G1, H1``, is quoted."""
    return f'"{name}"' if "," in name else name


def _respell(
    forward: list[tuple[str, str]], rng: random.Random, verbatim: set[str] = frozenset()
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, text in forward:
        if name in verbatim:
            out.append((name, text))
            continue
        for pattern, spellings in _SPELLINGS:
            if re.search(pattern, text) and rng.random() < 0.5:
                text = re.sub(pattern, rng.choice(spellings), text, count=1)
        out.append((name, text))
    # softmax followed by cross_entropy is F.cross_entropy of the logits (PyTorch's spelling)
    if len(out) >= 2 and out[-1][1] == "cross_entropy(P, Y)" and rng.random() < 0.4:
        logits = re.fullmatch(_F + r"softmax\((\w+)\)", out[-2][1])
        if logits:
            out[-2:] = [("L", f"F.cross_entropy({logits.group(1)}, Y)")]
    return out


def _shape(text: str, dims: dict[str, int]) -> tuple[int, int]:
    items = [t.strip().strip('"') for t in text.strip("[]").split(",") if t.strip()]
    if not items:
        return (1, 1)
    if len(items) == 1:  # 1-D: its entries as one row
        items = ["1", *items]
    vals = [
        dims[t] if t in dims else 2 * dims[t[2:]] if t.startswith("2*") else int(t) for t in items
    ]
    return (vals[0], vals[1])


def run(seed: int, *, max_dim: int = 4, points: int = 2, use_torch: bool = True) -> Outcome:
    """Derive and verify the network of ``seed``; never raises."""
    text = random_spec(seed, max_dim=max_dim)
    return run_text(text, seed, f"fuzz-{seed}", points=points, use_torch=use_torch)


def run_text(
    text: str, seed: int, source: str, *, points: int = 2, use_torch: bool = True
) -> Outcome:
    """:func:`run` of a spec's text (a network as an earlier generator made it:
    tests/specs_fuzz/); never raises."""
    start = time.perf_counter()
    try:
        s = spec.parse(text, source=source)
        d = derive(s)
        report = numeric.verify(d, points=points, use_torch=use_torch)
    except BadInput as err:  # the spec, or its example values, refused: exit 2, one line
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
