"""Code lines of a walkthrough: NumPy forward/backward from the verified matrix forms, and the
PyTorch equivalent of the forward pass.

- NumPy: ``Z1 = X @ W1 + b1`` is ``node.forward.code()``, ``dZ2 = (A2 - Y) / m`` is
  ``visit.formula.code()`` — the very expressions the engine proved and ran
  (:func:`derive.numeric.verify.gradients_matrix`), in the order of ``d.backward``;
- PyTorch: the spec's expression tree printed with ``torch``/``F`` calls that mirror
  :func:`derive.numeric.verify.torch_forward`, so autograd (not our rules) differentiates it.

Names in the lines are spec identifiers, made safe for Python in ONE place (:func:`safe_names`):
a name that is a Python keyword or soft keyword, a builtin (``print``, ``float``, ``bool``…) or a
name the generated script itself uses (``np``, ``sys``, helper functions), or whose gradient name
``d<name>`` is one, gets ``_`` appended until it is none of these and no other spec name. Every
line of :class:`Code` goes through the same mapping, so the script parses and runs for any valid
spec name.
"""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass, replace
from fractions import Fraction

import numpy as np

from derive.engine import mform as mf
from derive.engine import tolerance as tol
from derive.engine.backprop import Derivation
from derive.engine.graph import concat_axis, logsumexp_parts
from derive.lang import domains as domain
from derive.lang import expr as ex
from derive.lang import ops
from derive.lang.spec import SizeExpr
from derive.numeric.verify import at_kink, exact_zeros, example_point, gradients_matrix, targets
from derive.walkthrough.shared import share
from derive.walkthrough.tidy import tidy


def helper_names() -> tuple[str, ...]:
    """The helper functions a generated script may define (:func:`ops.numpy_helpers`)."""
    return tuple(ops.numpy_helpers())


DEFAULT_LR = 0.01
TRAIN_LR = 1e-3  # derive.numeric.verify.train's default
_ATOM, _POW, _NEG, _MUL, _ADD = 5, 4, 3, 2, 1


@dataclass(frozen=True)
class Code:
    """Everything a generated script needs, as lines of Python."""

    scalars: tuple[str, ...]  # "m = 2"
    values: tuple[tuple[str, str], ...]  # ("X", "np.array([[0.5, 0.1]])")
    forward: tuple[str, ...]  # "Z1 = X @ W1 + b1"
    backward: tuple[str, ...]  # "dZ2 = (A2 - Y) / m"
    torch_forward: tuple[str, ...]  # "L = F.binary_cross_entropy(A2, Y)"
    torch_backward: str  # "L.sum().backward()"
    bare_loss: str  # "F.mse_loss(O, t)" when the loss scales a PyTorch loss, else ""
    bare_scale: str  # "0.5": the factor in front of it
    helpers: tuple[str, ...]  # helper functions the NumPy lines call
    inputs: tuple[str, ...]
    params: tuple[str, ...]
    loss: str
    lr: str
    sgd: tuple[str, ...]  # "W1 = W1 - lr * dW1"
    lab: Lab | None = None  # the lab script's pieces (backprop.py and the notebook)
    dloss: str = ""  # the name of ∂L/∂L in the lines ("dL"), seeded 1.0 where a line reads it
    # the stop-gradient nodes (NetSpec.detached): the finite differences hold them at their values
    detached: tuple[str, ...] = ()

    @property
    def helper_sources(self) -> tuple[tuple[str, ...], ...]:
        """The definitions of :attr:`helpers` (``def sigmoid(x): …``), line by line."""
        return tuple(tuple(src.splitlines()) for src in helper_sources(self.helpers))


@dataclass(frozen=True)
class LabStep:
    """One step of the lab's backward pass: a comment (locale key of ``[lab.notes]`` and its
    values) and the code lines it explains."""

    note: str
    args: tuple[tuple[str, str], ...]
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Draw:
    """A random tensor of the training run: ``X = rng.standard_normal((m, n_in))``."""

    name: str
    shape: str  # "(m, n_in)"
    uniform: bool  # loss targets are drawn in [0, 1)
    # as derive's own training run draws it (verify.random_point): "normal", "binary" (0/1),
    # "one-hot" (rows of np.eye(cols)), "positive" (in [0.1, 2)); rows and cols in code
    kind: str = "normal"
    rows: str = ""
    cols: str = ""


@dataclass(frozen=True)
class Lab:
    """``backprop.py`` as a lab: forward, backward in backward order with each local derivative
    named, finite differences of every parameter, training. Our own identifiers are in
    ``names`` (``names.loss_at`` …): the readable name, or ``_``-prefixed when the spec uses it."""

    values: tuple[tuple[str, str], ...]  # ("x", "2.0") scalars as floats, else np.array(...)
    backward: tuple[LabStep, ...]
    grads: tuple[tuple[str, str], ...]  # (param, its gradient variable), in backward order
    names: dict[str, str]
    train_sizes: tuple[str, ...]  # "m = 64" (the training run's sizes)
    draws: tuple[Draw, ...]
    steps: int
    seed: int
    lr: str
    sgd: tuple[str, ...]  # "W1 = W1 - lr * dW1", in backward order
    # why the lab prints its finite differences but does not judge by them: "kink", the example
    # values put a ReLU/leaky-ReLU/abs input that a parameter moves at its kink (a central
    # difference straddles the two one-sided slopes; derive verify leaves them out there too);
    # "loss", the loss is so large that float64 keeps too few of its digits for a difference of
    # two nearby values to resolve the tolerance (a score masked with -1e9 in the true class)
    fd_skip: str = ""
    # the relative tolerance of the lab's comparison with PyTorch autograd: 1e-9, or looser where
    # an op's row says PyTorch's own backward is less accurate (``torch_rtol``: torch.digamma's
    # backward, PyTorch's ψ₁, is off by up to ~1e-9)
    torch_rtol: str = "1e-9"


OWN = (
    "loss_at",
    "numerical_gradient",
    "finite_difference_check",
    "train",
    "losses",
    "torch_gradients",
    "compare_with_torch",
    "report",
    "plt",
    "rng",
    "step",
    "lr",
    "eps",
    "sys",
    "json",
    "name",
    "params",
    "grad",
    "plus",
    "minus",
    "i",
    "steps",
    "seed",
    "bare",
    "ok",
    "same",
    "ours",
    "theirs",
    "diff",
    "as_json",
    "result",
    "plot_losses",
    "path",
)


# names a generated script (backprop.py, notebook cells) uses besides the spec's own
SCRIPT_NAMES = frozenset(
    {"np", "torch", "F", "sys", "json", "lr", "tanh", "exp", "log", "leaky_relu", "relu_grad"}
    | set(ops.OPS)  # every function of the language may be a helper in the script
    | set(ops.numpy_helpers())
)
UNSAFE = (
    frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | set(dir(builtins)) | SCRIPT_NAMES
)
_IDENT = re.compile(r"(?<![.\w])[A-Za-z_]\w*")


_MODULES = frozenset({"np", "torch", "F", "math"})  # module aliases of the generated script


def safe_names(names: list[str], gkeys: dict[str, str] | None = None) -> dict[str, str]:
    """Spec name → Python identifier for generated code: unchanged unless it (or its gradient
    name ``d<name>``) is unsafe (see the module docstring); deterministic and collision-free.
    ``gkeys``: gradients not named ``d<name>`` (:meth:`NetSpec.gkey`), renamed alike."""
    taken = set(names)
    out: dict[str, str] = {}
    for n in names:
        cand = n
        while cand in UNSAFE or f"d{cand}" in UNSAFE or (cand != n and cand in taken):
            cand += "_"
        taken.add(cand)
        out[n] = cand
    gkeys = gkeys or {}
    for n in list(out):
        g = gkeys.get(n, f"d{n}")
        out[g] = g if out[n] == n else g.replace(n, out[n], 1)
    return out


def _rename(line: str, names: dict[str, str]) -> str:
    """``line`` with every identifier that is a spec name (not an attribute ``.T``, not a
    keyword argument ``axis=``) replaced by its safe name."""

    def one(m: re.Match[str]) -> str:
        word, end = m.group(), m.end()
        if line[end : end + 1] == "=" and line[end : end + 2] != "==":
            return word  # a keyword argument name
        if word in _MODULES and re.match(r"\.(?!T\b|reshape\()\w", line[end:]):
            return word  # F.mse_loss, np.tanh: the module, even where a tensor or size is F
        return names.get(word, word)

    return _IDENT.sub(one, line)


def number(v: Fraction | float) -> str:
    """A Python literal: ``2``, ``0.5``, ``-0.2`` (floats by ``repr``: round-trip exact)."""
    v = Fraction(v) if not isinstance(v, Fraction) else v
    k = len(str(abs(v.numerator))) - 1
    if v.denominator == 1 and k >= 6 and abs(v.numerator) == 10**k:  # a mask's fill, -1e9
        return f"{'-' if v < 0 else ''}10**{k}"
    return str(v.numerator) if v.denominator == 1 else repr(float(v))


def _array(rows: tuple[tuple[Fraction, ...], ...]) -> str:
    body = ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in rows)
    return f"np.array([{body}])"


def _value(spec, name: str) -> str:
    """A tensor's example value in code; class labels as the one-hot rows of their integers,
    ``np.eye(C)[[2, 0, 1]]`` (what ``P[np.arange(N), y]`` reads them as)."""
    rows = spec.values[name]
    if name not in spec.class_labels:
        return _array(rows)
    classes = spec.shapes[name][1]
    labels = ", ".join(str(list(r).index(1)) for r in rows)
    return f"np.eye({getattr(classes, 'label', None) or int(classes)})[[{labels}]]"


def code(d: Derivation) -> Code:
    """The code lines of ``d`` (see the module docstring)."""
    spec = d.spec
    scalars = tuple(f"{k} = {v}" for k, v in spec.dims.items())
    written = dict(spec.relations)  # round 46: confidence = 1 - smoothing, as the spec says
    scalars += tuple(
        f"{k} = {written[k]}" if k in written else f"{k} = {number(v)}" for k, v in spec.constants.items()
    )
    values = tuple((k, _value(spec, k)) for k in (*spec.inputs, *spec.params))
    forward = tuple(forward_line(n) for n in d.graph.nodes)
    backward = tuple(grad_line(d, v) for v in backward_order(d))
    if any(re.search(rf"\b{spec.gkey(spec.loss)}\b", line) for line in backward):
        backward = (f"{spec.gkey(spec.loss)} = 1.0", *backward)
    used = " ".join(forward + backward)
    helpers = tuple(h for h in helper_names() if re.search(rf"\b{h}\(", used))
    helpers = _with_callees(helpers)  # (pool46's pool_windows, i0e's scaled_bessel_far …)
    # the names that hold tensors in the PyTorch code: a [forward] line of sizes and constants
    # only (d_k = "dk" for math.sqrt(d_k)) is a Python number there, which torch's functions
    # do not take
    held = {*spec.inputs, *spec.params}
    for name, tree in spec.forward:
        if any(n in held for n in ex.names(tree)):
            held.add(name)
    tensors = frozenset(held)
    torch_forward = tuple(
        f"{name} = ({torch_code(tree, tensors)}).detach()"
        if name in spec.detached
        else f"{name} = {torch_code(tree, tensors)}"
        for name, tree in spec.forward
    )
    bare, scale = "", ""
    found = scaled_loss(spec.forward[-1][1])
    if found is not None:
        scale, bare = number(found[0]), torch_code(found[1], tensors)
    lr = number(spec.train.get("lr", DEFAULT_LR))
    sgd = tuple(f"{p} = {p} - lr * {spec.gkey(p)}" for p in spec.params)
    c = _safe(
        spec,
        Code(
            scalars,
            values,
            forward,
            backward,
            torch_forward,
            f"{spec.loss}.sum().backward()",
            bare,
            scale,
            helpers,
            tuple(spec.inputs),
            tuple(spec.params),
            spec.loss,
            lr,
            sgd,
            lab(d),
            spec.gkey(spec.loss),
            tuple(spec.detached),
        ),
    )
    # a long backward line's repeated forward pieces named (derive.walkthrough.shared)
    words = set(_IDENT.findall(" ".join((*c.scalars, *c.forward, *c.backward, *c.sgd))))
    grads = {ln.split(" = ", 1)[0] for ln in c.backward}
    words |= grads | set(helper_names()) | set(UNSAFE)
    forward, backward = share(c.forward, c.backward, grads, words)
    return replace(c, forward=forward, backward=backward)


def _safe(spec, c: Code) -> Code:
    """``c`` with every spec name replaced by its Python-safe name (:func:`safe_names`)."""
    names = safe_names(
        [*spec.dims, *spec.constants, *spec.inputs, *spec.params, *(k for k, _ in spec.forward)],
        spec.grad_keys,
    )
    if all(k == v for k, v in names.items()):
        return c

    def fix(x: str) -> str:
        return _rename(x, names)

    def many(xs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(fix(x) for x in xs)

    return replace(
        c,
        scalars=many(c.scalars),
        values=tuple((fix(k), v) for k, v in c.values),
        forward=many(c.forward),
        backward=many(c.backward),
        torch_forward=many(c.torch_forward),
        torch_backward=fix(c.torch_backward),
        bare_loss=fix(c.bare_loss),
        inputs=many(c.inputs),
        params=many(c.params),
        loss=fix(c.loss),
        detached=many(c.detached),
        sgd=many(c.sgd),
        dloss=fix(c.dloss),
        lab=None
        if c.lab is None
        else replace(
            c.lab,
            values=tuple((fix(k), v) for k, v in c.lab.values),
            backward=tuple(replace(s, lines=many(s.lines)) for s in c.lab.backward),
            grads=tuple((fix(p), fix(g)) for p, g in c.lab.grads),
            train_sizes=many(c.lab.train_sizes),
            draws=tuple(replace(w, name=fix(w.name), shape=fix(w.shape)) for w in c.lab.draws),
            sgd=many(c.lab.sgd),
        ),
    )


# ---- the lab ----------------------------------------------------------------------------------


def backward_order(d: Derivation) -> list:
    """The backward visits in the order backprop computes them: a parameter's gradient right
    after the gradient it is pulled from (``dW2`` before ``dA1``, ``dW1`` last)."""
    params = [v for v in d.backward if v.kind == "param"]
    done = {d.spec.loss}
    out: list = []

    def ready() -> None:
        for v in list(params):
            if all(c.source in done for c in v.contributions):
                out.append(v)
                done.add(v.name)
                params.remove(v)

    ready()
    for v in d.backward:
        if v.kind != "param":
            out.append(v)
            done.add(v.name)
            ready()
    return out + params


def _split_mul(formula: object, up: str) -> str | None:
    """The local factor of ``upstream ⊙ local`` (``None`` when ``formula`` is not that)."""
    if isinstance(formula, mf.Ref) and formula.code() == up:
        return "1.0"
    if isinstance(formula, mf.Mul) and not isinstance(formula.a, mf.Scalar):
        for a, b in ((formula.a, formula.b), (formula.b, formula.a)):
            if isinstance(a, mf.Ref) and a.code() == up:
                return b.code()
    return None


def _boolean(e: mf.MExpr) -> bool:
    """Whether NumPy computes ``e`` as a boolean array: an indicator such as ``(Z > 0)`` (relu's
    derivative) or a product of indicators."""
    if isinstance(e, mf.Func):
        return e.name in ("relu_grad", "clamp0_grad")
    if isinstance(e, mf.Indicator):
        return True
    if isinstance(e, mf.Mul):
        return _boolean(e.a) and _boolean(e.b)
    return False


def _assign(target: str, e: mf.MExpr, shape: str = "") -> str:
    """``target = code``; a boolean value is stored as 0.0/1.0: ``-d`` or ``d + d`` of a stored
    boolean array is an error or a logical or in NumPy (the triplet loss's ``-dbasic``). A
    ``shape`` (:func:`constant_shape`) makes a gradient that is a plain number an array."""
    code = e.code()
    if shape:
        return f"{target} = np.full({shape}, {code})"
    return f"{target} = 1.0 * {code}" if _boolean(e) else f"{target} = {code}"


def constant_shape(d: Derivation, name: str, code: str) -> str:
    """``"(1, 1)"`` where the gradient of the 1 × 1 tensor ``name`` is a number that names no
    tensor (``dsse = 1/(C*N)`` of a course's ``mse = sse / (N*C)``, ``sse`` computed as
    ``Ones_N.T @ se @ Ones_C``): NumPy must hold it as an array, since the next line multiplies
    it with ``@``; "" otherwise (a declared scalar, or an expression of tensors)."""
    spec, g = d.spec, d.graph
    if name not in g.tensors:
        return ""
    if spec.shapes.get(name) == ():  # a NumPy scalar, unless a later line applies @ to it
        return "(1, 1)" if _in_a_matrix_product(d, spec.gkey(name)) else ""
    names = {*g.tensors, *(spec.gkey(n) for n in g.tensors)}
    if any(re.search(rf"\b{re.escape(n)}\b", code) for n in names):
        return ""
    shape = f"({', '.join(_size_code(x) for x in g.tensors[name].shape)})"
    # np.ones((n, 1)) / n (the gradient of a mean) is that array already
    return "" if f"np.ones({shape})" in code else shape


def _indicators(m: object) -> int:
    """How many ``==``/``!=`` indicators the matrix form ``m`` holds."""
    if isinstance(m, mf.Indicator):
        return int(m.op in ("==", "!=")) + _indicators(m.a) + _indicators(m.b)
    if not isinstance(m, mf.MExpr):
        return 0
    return sum(
        _indicators(v[1] if isinstance(v, tuple) and len(v) == 2 else v)
        for value in vars(m).values()
        for v in (value if isinstance(value, tuple) else (value,))
    )


class _LabPrinter(mf.NumpyPrinter):
    """The forward lines of the lab: a square root inside a norm or a distance (``sqrt0``, whose
    argument is a sum of squares) of its argument clipped at 0 — in floating point the squared
    distance of a point to itself (cdist's diagonal) comes out as −1e-17, whose square root is
    NaN, and the lab's finite differences were NaN (hn22_energy_distance_cdist, round 45)."""

    def _print_Func(self, e: mf.Func) -> str:
        if e.name == "sqrt0":
            return f"np.sqrt(np.maximum({self.doprint(e.x)}, 0))"
        return super()._print_Func(e)


def forward_line(n: object) -> str:
    """The code line of forward node ``n``: a mask spelled with two ReLU slopes as the walkthrough
    shows it (:func:`~derive.walkthrough.tidy.tidy`, the same matrix entry by entry),
    ``-10**9 * (tril == 0) + (tril != 0) * wei``, and a fill ``10**9`` (not ``1000000000``);
    every other line from the matrix form as it is (its grouping kept: tidying it does not read
    better, and a sum of two boolean arrays is no number in NumPy)."""
    m = n.forward  # type: ignore[attr-defined]
    tidied = tidy(m)
    code, shown = _LabPrinter().doprint(m), _LabPrinter().doprint(tidied)
    powers = re.sub(r"10\*\*(\d+)", lambda k: str(10 ** int(k.group(1))), shown)
    if powers == code or _indicators(tidied) > _indicators(m):
        code, m = shown, tidied
    if isinstance(m, mf.Indicator) or isinstance(m, mf.Func) and m.name in ("relu_grad", "clamp0_grad"):
        # a node that is a comparison holds numbers, as in the spec (np.where(y == 2, 1.0,
        # 0.0)): NumPy's boolean array would refuse the next line's -t
        code = f"{code if _one_group(code) else f'({code})'}.astype(float)"
    return f"{n.name} = {code}"  # type: ignore[attr-defined]


def _one_group(code: str) -> bool:
    """Whether ``code`` is one parenthesised group, ``(a == b)`` (not ``(a) + (b)``)."""
    if not (code.startswith("(") and code.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(code):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(code) - 1:
            return False
    return True


def _in_a_matrix_product(d: Derivation, key: str) -> bool:
    """Whether a backward formula of ``d`` applies ``@`` to the gradient ``key``: the engine
    holds the gradient of a scalar (``gold = (…).sum()``) as a 1 × 1 matrix, and
    ``dgold @ y2`` fails on the NumPy scalar ``dgold = -1`` (a CRF's gold-path score)."""
    k = re.escape(key)
    pattern = re.compile(rf"\b{k}\s*@|@\s*{k}\b")
    formulas = [
        f for v in d.backward for f in (v.formula, *(c.formula for c in v.contributions))
    ]
    return any(pattern.search(f.code()) for f in formulas)


def grad_line(d: Derivation, v: object) -> str:
    """The code line of the gradient of backward visit ``v``: ``dW = X.T @ dZ``."""
    code = v.formula.code()  # type: ignore[attr-defined]
    shape = constant_shape(d, v.name, code)  # type: ignore[attr-defined]
    code = f"np.full({shape}, {code})" if shape else code
    return f"{d.spec.gkey(v.name)} = {code}"  # type: ignore[attr-defined]


def lab(d: Derivation) -> Lab:
    spec, g = d.spec, d.graph
    taken = {*spec.dims, *spec.constants, *spec.shapes, *(spec.gkey(n) for n in spec.shapes)}
    taken |= set(ops.OPS) | set(ops.numpy_helpers()) | {"np", "torch", "F"}
    names = {n: (n if n not in taken else f"_{n}") for n in OWN}
    defs = {n.name: forward_line(n) for n in g.nodes}

    tgt = targets(g)
    numbers = plain_numbers(spec, tgt)
    values = []
    for k in (*spec.inputs, *spec.params):
        if k in numbers:
            values.append((k, repr(float(spec.values[k][0][0]))))
        else:
            values.append((k, _value(spec, k)))
    steps: list[LabStep] = []
    for v in backward_order(d):
        var = spec.gkey(v.name)
        via = []
        for c in v.contributions:
            up = spec.gkey(c.source)
            target = var if len(v.contributions) == 1 else f"{var}_via_{c.source}"
            args = (
                ("via", c.source),
                ("dvia", up),
                ("target", v.name),
                ("forward", defs.get(c.source, "")),
            )
            rule = next((r for r in c.rules if r in LAB_RULES), c.rules[-1] if c.rules else "")
            local = _split_mul(c.formula, up) if c.source != spec.loss else None
            if c.source == spec.loss:
                shape = constant_shape(d, v.name, c.formula.code())
                steps.append(LabStep("loss", args, (_assign(target, c.formula, shape),)))
            elif local is not None:
                name = f"d{c.source}_d{v.name}"
                name = name if name not in taken else f"_{name}"
                steps.append(
                    LabStep(
                        "local",
                        (*args, ("local", name)),
                        (f"{name} = {local}", f"{target} = {up} * {name}"),
                    )
                )
            else:
                fused = next((r for r in c.rules if r in LAB_FUSED), None)
                if fused and not re.search(rf"\b{re.escape(up)}\b", c.formula.code()):
                    # σ(…) (softmax) into the cross-entropy in one line: the code uses the
                    # plain error the text proves, not the upstream gradient times the slope
                    steps.append(LabStep(f"fused.{LAB_FUSED[fused]}", args, ()))
                key = rule if rule in LAB_RULES else "other"
                if key == "bias-sum":
                    key = _sum_note(c.rules, c.formula)
                elif key == "other" and tuple(c.rules) in (("mean",), ("softmax-jacobian",)):
                    key = c.rules[0]  # a mean's 1/m per entry; softmax's Jacobian, row by row
                    if key == "mean":
                        args = (*args, ("n", _mean_count(dict(spec.forward)[c.source], g, v.name)))
                if key == "linear-weight" and g.tensors[v.name].kind != "param":
                    key = "linear-weight.product"  # attention's V, K: a factor, not a weight
                if key == "linear-input":
                    w = matmul_partner(dict(spec.forward)[c.source], v.name)
                    if w is not None and g.tensors[w].kind != "param":
                        key, args = "linear-input.product", (*args, ("other", w))
                steps.append(LabStep(key, (*args, ("rule", rule)), (_assign(target, c.formula),)))
            via.append(target)
        chain = " + ".join(via)
        if len(via) > 1:
            steps.append(LabStep("sum", (("target", v.name),), (f"{var} = {chain}",)))
        final = v.formula.code()
        single = v.contributions[0].formula.code() if len(v.contributions) == 1 else None
        if final != single and (len(via) > 1 or steps[-1].lines[-1] != _assign(var, v.formula)):
            step = _assign(var, v.formula)
            steps.append(LabStep("simplified", (("target", v.name), ("rule", v.rule)), (step,)))
    grads = tuple((v.name, spec.gkey(v.name)) for v in backward_order(d) if v.kind == "param")
    sizes = dict(spec.dims)
    sizes.update(spec.full_dims or {})
    train_sizes = tuple(f"{k} = {v}" for k, v in sizes.items())
    draws = []
    roles = domain.roles(spec.forward, spec.one_hot, spec.bernoulli)
    for k in (*spec.inputs, *spec.params):
        dims = g.tensors[k].shape
        shape = ", ".join(_size_code(x) for x in dims)
        kind = roles.get(k, "normal")
        kind = kind if kind in ("binary", "one-hot", "positive") and len(dims) == 2 else "normal"
        rows, cols = (_size_code(dims[0]), _size_code(dims[1])) if len(dims) == 2 else ("", "")
        draws.append(Draw(k, f"({shape})", k in tgt and kind == "normal", kind, rows, cols))
    return Lab(
        tuple(values),
        tuple(steps),
        grads,
        names,
        train_sizes,
        tuple(draws),
        int(spec.train.get("steps", 500)),
        int(spec.train.get("seed", 0)),
        number(spec.train.get("lr", TRAIN_LR)),
        tuple(f"{p} = {p} - {names['lr']} * {gp}" for p, gp in grads),
        fd_skip(d),
        torch_rtol(d),
    )


def torch_rtol(d: Derivation) -> str:
    """:attr:`Lab.torch_rtol`: the loosest ``torch_rtol`` of the ops the forward pass calls."""
    found = [1e-9]
    stack: list[object] = [tree for _, tree in d.spec.forward]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.Call) and n.func in ops.OPS:
            found.append(float(ops.OPS[n.func].extra.get("torch_rtol", 1e-9)))
        if isinstance(n, tuple):
            stack.extend(n)
        elif hasattr(n, "__dataclass_fields__"):
            stack.extend(getattr(n, f) for f in n.__dataclass_fields__)
    return repr(max(found))


#: finite differences of the lab: its step and the round-off of one loss value in units of
#: |L|·u (a few operations' worth); the lab judges |fd − ours| ≤ 1e-6·(1 + max|ours|)
LAB_FD_STEP, LAB_FD_ULPS = 1e-6, 8.0


def fd_skip(d: Derivation) -> str:
    """Why the lab's finite differences are printed but not judged ("" when they are judged):
    see :attr:`Lab.fd_skip`."""
    g = d.graph
    point = example_point(g)
    moving = set(d.spec.params)
    for name, tree in d.spec.forward:
        if set(ex.names(tree)) & moving:
            moving.add(name)
    if at_kink(d, point, zeros=exact_zeros(d), moving=frozenset(moving)):
        return "kink"
    grads, loss = gradients_matrix(d, point)
    smallest = min((float(np.max(np.abs(v))) for v in grads.values()), default=0.0)
    noise = LAB_FD_ULPS * abs(float(np.sum(loss))) * tol.U / LAB_FD_STEP
    return "loss" if noise > 1e-6 * (1 + smallest) else ""


def plain_numbers(spec, tgt: set[str]) -> set[str]:
    """The scalar inputs and parameters the lab writes as plain numbers (``w = 0.1``; a 0-d
    tensor in its PyTorch part). A scalar loss target stays a 1 × 1 array, the shape of what
    it is compared with (the neuron's ``O = sigmoid(x @ w.T)``), unless every prediction it is
    compared with is computed from plain numbers only: ``F.mse_loss(a, y)`` warns of
    broadcasting a 0-d ``a`` against a 1 × 1 ``y`` (a scalar ReLU unit's lab)."""
    numbers = {k for k in (*spec.inputs, *spec.params) if spec.shapes[k] == ()}
    sizes = {*spec.dims, *spec.constants}
    while True:
        plain = numbers - tgt
        for name, tree in spec.forward:
            if all(n in plain or n in sizes for n in ex.names(tree)):
                plain.add(name)
        mixed = set()
        for _, tree in spec.forward:
            stack = [tree]
            while stack:
                n = stack.pop()
                if isinstance(n, ex.Call) and _is_loss(n.func) and len(n.args) > 1:
                    y = n.args[1]
                    if isinstance(y, ex.Name) and y.id in numbers & tgt:
                        if not all(m in plain or m in sizes for m in ex.names(n.args[0])):
                            mixed.add(y.id)
                stack.extend(ex.children(n))
        if not mixed:
            return numbers
        numbers -= mixed


LAB_RULES = ("linear-weight", "linear-input", "bias-sum", "sum-broadcast", "transpose")
# the simplifications a line's code may use in place of its upstream gradient (their notes)
LAB_FUSED = {
    "sigmoid-bce": "sigmoid",
    "weighted-bce": "sigmoid",
    "softmax-ce": "softmax",
    "softmax-ce-soft": "softmax-soft",
}


def _size_code(x: int) -> str:
    """A declared size in the lab: its [dims] name, its arithmetic (``d + h``, recomputed at
    the training sizes), or the number."""
    if isinstance(x, SizeExpr):
        return x.text
    return getattr(x, "label", "") or str(int(x))


def _mean_count(tree: ex.Node, g, name: str) -> str:
    """How many entries the mean ``tree`` of ``name`` averages, as the lab names the sizes
    (``m``, ``m*n``)."""
    shape = g.tensors[name].shape
    axis = tree.kwarg("axis") if isinstance(tree, ex.Call) else None
    sizes = shape if axis is None else shape[:1] if axis.value == 0 else shape[1:]
    return "*".join(getattr(k, "label", None) or str(int(k)) for k in sizes)


def _sum_note(rules: tuple[str, ...], formula: mf.MExpr) -> str:
    """The note of a gradient summed over the rows: ``bias-sum`` only for a tensor added to
    every row; one subtracted (``Z - mu``) passes ``-d…``; one that scales or divides every row
    (``gamma * Z_hat``, ``Z_c / sqrt(var + eps)``) sends back its local derivative per row."""
    if [r for r in rules if r != "bias-sum"]:
        return "bias-sum.through"
    if isinstance(formula, mf.SumRows) and isinstance(formula.x, mf.Neg):
        return "bias-sum.minus"
    return "bias-sum"


def matmul_partner(tree: ex.Node, name: str) -> str | None:
    """The tensor that ``name`` is matrix-multiplied with in ``tree`` (``W`` in ``X @ W``, ``K``
    in ``Q @ K.T``), when that other factor is a plain tensor; ``None`` otherwise."""
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.BinOp) and n.op == "@":
            for mine, other in ((n.left, n.right), (n.right, n.left)):
                if ex_uses(mine, name) and not ex_uses(other, name):
                    if isinstance(other, ex.Transpose):
                        other = other.operand
                    return other.id if isinstance(other, ex.Name) else None
        stack.extend(ex.children(n))
    return None


def ex_uses(tree: ex.Node, name: str) -> bool:
    return name in ex.names(tree)


def scaled_loss(tree: ex.Node) -> tuple[Fraction, ex.Call] | None:
    """``0.5 * mse(O, t)`` → ``(1/2, mse(O, t))``: a scaled library loss (the factor-2 lesson)."""
    if isinstance(tree, ex.BinOp) and tree.op == "*":
        for c, call in ((tree.left, tree.right), (tree.right, tree.left)):
            if isinstance(c, ex.Num) and isinstance(call, ex.Call) and _is_loss(call.func):
                return c.value, call
    return None


def _is_loss(name: str) -> bool:
    return name in ops.OPS and ops.get(name).kind == ops.LOSS


def _with_callees(helpers: tuple[str, ...]) -> tuple[str, ...]:
    """``helpers`` and every helper their definitions call (i0e's scaled_bessel_far, the
    scaled I₁'s bessel_i1), in table order."""
    table = ops.numpy_helpers()
    want, todo = set(helpers), list(helpers)
    while todo:
        src = table[todo.pop()]
        for h in table:
            if h not in want and re.search(rf"\b{h}\(", src.split("\n", 1)[1]):
                want.add(h)
                todo.append(h)
    return tuple(h for h in table if h in want)


def helper_sources(helpers: tuple[str, ...]) -> tuple[str, ...]:
    """The definitions of ``helpers`` (from the operation table), for the generated script."""
    table = ops.numpy_helpers()
    return tuple(table[h] for h in helpers)


# ---- PyTorch printer --------------------------------------------------------------------------


def torch_code(tree: ex.Node, tensors: frozenset[str] | None = None) -> str:
    """``tree`` as a PyTorch expression (``torch`` and ``F = torch.nn.functional``).
    ``tensors``: the names that hold tensors (others are Python numbers: sizes, constants);
    ``None`` takes every name for a tensor."""
    return _t(tree, tensors)[0]


def _wrap(part: tuple[str, int], level: int) -> str:
    return part[0] if part[1] >= level else f"({part[0]})"


def _equal_zero(n: ex.Node) -> ex.Node | None:
    """``x`` where ``n`` is ``1 − 1[x > 0] − 1[−x > 0]``, the mask ``x == 0`` as the spec reader
    spells it (``masked_fill(tril == 0, …)``); else ``None``."""
    if not (isinstance(n, ex.BinOp) and n.op == "-" and isinstance(n.left, ex.BinOp)):
        return None
    inner, second = n.left, n.right
    if not (inner.op == "-" and inner.left == ex.Num(Fraction(1))):
        return None
    first = inner.right
    if not all(isinstance(c, ex.Call) and c.func == "relu_grad" for c in (first, second)):
        return None
    x = first.args[0]  # type: ignore[union-attr]
    return x if second.args[0] == ex.Neg(x) else None  # type: ignore[union-attr]


_CLAMP_CODE = {"clamp0": "torch.clamp({x}, {lo}, {hi})", "relu": "F.hardtanh({x}, {lo}, {hi})"}


def _step_of(n: ex.Node) -> tuple[str, ex.Node] | None:
    """``(F, u)`` when ``n`` is ``F(u)`` with F relu or clamp0 (max(·, 0), gradient 0 or 1 at 0)."""
    if isinstance(n, ex.Call) and n.func in _CLAMP_CODE and len(n.args) == 1 and not n.kwargs:
        return n.func, n.args[0]
    return None


def _two_sided(n: ex.Node) -> tuple[ex.Node, ex.Node, ex.Node, str] | None:
    """``(x, lo, hi, F)`` when ``n`` is a two-sided clamp as the spec reader spells it
    (derive.lang.spelling's _clip/_hardclip/_between_bounds): ``hi − F(hi − F(x))`` (lo = 0),
    ``hi − F(hi − (lo + F(x − lo)))``, or ``lo + F(x − lo) − G(x − hi)``; F = clamp0 is
    ``torch.clamp`` (gradient 1 at a bound), F = relu ``F.hardtanh`` (0 there), as the spec's
    own call was."""
    if not (isinstance(n, ex.BinOp) and n.op == "-"):
        return None
    outer = _step_of(n.right)
    if outer is not None and isinstance(outer[1], ex.BinOp) and outer[1].op == "-":
        f, inner = outer[0], outer[1]
        hi = n.left
        if inner.left != hi:
            return None
        low = inner.right
        if (step := _step_of(low)) is not None and step[0] == f:
            return step[1], ex.Num(Fraction(0)), hi, f
        if isinstance(low, ex.BinOp) and low.op == "+":
            step = _step_of(low.right)
            if step is not None and step[0] == f and isinstance(step[1], ex.BinOp):
                d = step[1]
                if d.op == "-" and d.right == low.left:
                    return d.left, low.left, hi, f
        return None
    # lo + F(x − lo) − G(x − hi), F ≠ G
    g = _step_of(n.right)
    if g is None or not (isinstance(n.left, ex.BinOp) and n.left.op == "+"):
        return None
    lo, f = n.left.left, _step_of(n.left.right)
    if f is None or f[0] == g[0]:
        return None
    fx, gx = f[1], g[1]
    if not all(isinstance(k, ex.BinOp) and k.op == "-" for k in (fx, gx)):
        return None
    if fx.left != gx.left or fx.right != lo:  # type: ignore[union-attr]
        return None
    return fx.left, lo, gx.right, f[0]  # type: ignore[union-attr]


def _pair_max(n: ex.Node) -> tuple[str, ex.Node, ex.Node] | None:
    """``("maximum", a, b)`` when ``n`` is ``½·(a + b) + ½·|a − b|`` (``"minimum"`` with ``−``),
    derive's reading of ``torch.maximum(a, b)``: the same values and, at a tie, the same half
    to each side; else ``None``."""
    if not (isinstance(n, ex.BinOp) and n.op in "+-"):
        return None
    half = ex.Num(Fraction(1, 2))
    mean, dev = n.left, n.right
    if not all(isinstance(t, ex.BinOp) and t.op == "*" and t.left == half for t in (mean, dev)):
        return None
    pair, d = mean.right, dev.right  # type: ignore[union-attr]
    if not (isinstance(pair, ex.BinOp) and pair.op == "+"):
        return None
    if not (isinstance(d, ex.Call) and d.func == "abs" and len(d.args) == 1 and not d.kwargs):
        return None
    diff = d.args[0]
    if not (isinstance(diff, ex.BinOp) and diff.op == "-"):
        return None
    if (diff.left, diff.right) not in ((pair.left, pair.right), (pair.right, pair.left)):
        return None
    return ("maximum" if n.op == "+" else "minimum"), pair.left, pair.right


def _tensor_code(n: ex.Node, ts: frozenset[str] | None) -> str:
    """``n`` as a PyTorch tensor: a side of ``torch.maximum``/``minimum`` must be one (PyTorch
    raises on a Python number there), so a side with no tensor in it — Huber's δ in
    ``min(|r|, δ)``, a constant's name — is made a 0-d float64 tensor, which keeps the two-sided
    gradient at a tie that the reading ``½(a + b) ± ½|a − b|`` gives."""
    code = torch_code(n, ts)
    names = set(ex.names(n))
    if names and (ts is None or names & ts):
        return code
    return f"torch.tensor({code}, dtype=torch.float64)"


def _t(n: ex.Node, ts: frozenset[str] | None = None) -> tuple[str, int]:
    pair = _pair_max(n)
    if pair is not None:  # torch.maximum / torch.minimum, as the spec wrote it
        sides = ", ".join(_tensor_code(side, ts) for side in pair[1:])
        return f"torch.{pair[0]}({sides})", _ATOM
    clip = _two_sided(n)
    if clip is not None:  # torch.clamp / F.hardtanh, as the spec wrote it
        x, lo, hi, f = clip
        parts = {"x": torch_code(x, ts), "lo": torch_code(lo, ts), "hi": torch_code(hi, ts)}
        return _CLAMP_CODE[f].format(**parts), _ATOM
    x = _equal_zero(n)
    if x is not None:  # a mask as the spec wrote it, not its two ReLU slopes
        return f"({_wrap(_t(x, ts), _ADD)} == 0).double()", _ATOM
    if (
        isinstance(n, ex.BinOp)
        and n.op == "-"
        and n.left == ex.Num(Fraction(1))
        and (x := _equal_zero(n.right)) is not None
    ):
        return f"({_wrap(_t(x, ts), _ADD)} != 0).double()", _ATOM
    if isinstance(n, ex.Num):
        s = number(n.value)
        return s, _ATOM if not s.startswith("-") else _NEG
    if isinstance(n, ex.Name):
        return n.id, _ATOM
    if isinstance(n, ex.Neg):
        return f"-{_wrap(_t(n.operand, ts), _NEG)}", _NEG
    if isinstance(n, ex.Pow):
        return f"{_wrap(_t(n.base, ts), _ATOM)} ** {number(n.exponent)}", _POW
    if isinstance(n, ex.Transpose):
        return f"{_wrap(_t(n.operand, ts), _ATOM)}.T", _ATOM
    if isinstance(n, ex.BinOp):
        level = _ADD if n.op in "+-" else _MUL
        right = level + 1 if n.op in "-/@" or level == _MUL else level
        left_code, right_code = _wrap(_t(n.left, ts), level), _wrap(_t(n.right, ts), right)
        return f"{left_code} {n.op} {right_code}", level
    assert isinstance(n, ex.Call)
    code = _call(n, ts)
    # an op's template may be an expression (max_share's "(x == x.amax(…)).double() / ….sum(…)"):
    # then it is bracketed wherever it is an operand ((…).T, not ….sum(…).T)
    return code, _ATOM if _primary(code) else 0


def _primary(code: str) -> bool:
    """Whether ``code`` is one operand (a name, call, attribute or bracketed group chained),
    i.e. has no operator outside brackets."""
    depth = 0
    for ch in code:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and ch == " ":
            return False
    return not code.startswith("-")


def _call(n: ex.Call, ts: frozenset[str] | None = None) -> str:
    op = ops.get(n.func)
    a = [torch_code(x, ts) for x in n.args]
    x = _wrap(_t(n.args[0], ts), _ATOM)
    if op.kind == ops.CONCAT:
        return op.torch_src.format(x=", ".join(a), axis=concat_axis(n))
    if op.kind == ops.SLICE:  # x[:, h:2 * h], bounds by the sizes' names (the script has them)
        lo, hi = (n.kwarg(k) for k in ("start", "stop"))
        start, stop = ("" if b is None else torch_code(b, ts) for b in (lo, hi))
        part = f"{start}:{stop}"
        return f"{x}[{part}]" if n.kwarg("axis") == ex.Num(0) else f"{x}[:, {part}]"
    if op.kind == ops.RESHAPE:  # x.reshape(B * P, 1), sizes by their names (the script has them)
        sizes = ", ".join(torch_code(n.kwarg(k), ts) for k in ("rows", "cols"))  # type: ignore[arg-type]
        return f"{x}.reshape({sizes})"
    if op.kind == ops.CORR2D:  # conv42: F.conv2d of one image of one channel (true: K turned)
        k = f"torch.flip({a[1]}, (0, 1))" if op.extra.get("flip") else _wrap(_t(n.args[1], ts), _ATOM)
        pad = ""
        stride, extra = ops.corr_opts(n)
        if op.extra.get("full"):  # the kernel's size − 1 zeros on each side
            pad = f", padding=({a[1]}.shape[0] - 1, {a[1]}.shape[1] - 1)"
        elif extra:  # conv43: padding= zeros on each side
            pad = f", padding={extra}"
        if stride != 1:  # conv43: windows stride apart
            pad += f", stride={stride}"
        return f"F.conv2d({x}[None, None], {k}[None, None]{pad})[0, 0]"
    if op.kind == ops.POOL2D and op.extra["what"] in ("max", "avg"):  # conv43: F.max_pool2d
        k, stride = ops.pool_k(n), ops.pool_s(n)
        g = ops.pool_geom(n)
        if not g.plain or not g.cip:  # pool46: PyTorch's own keywords (TF 'SAME''s uneven padding: F.pad)
            size = lambda a, b: str(a) if a == b else f"({a}, {b})"  # noqa: E731
            args = f"{size(g.kh, g.kw)}, stride={size(g.sh, g.sw)}"
            if (g.pt, g.pl) == (g.pb, g.pr):
                args += f", padding={size(g.pt, g.pl)}" if g.pt or g.pl else ""
                args += ", ceil_mode=True" if g.ceil else ""
                args += ", count_include_pad=False" if not g.cip and n.func == "avg_pool2d" else ""
                return f"F.{n.func}({x}[None, None], {args})[0, 0]"
            pads = f"({g.pl}, {g.pr}, {g.pt}, {g.pb})"
            if n.func == "max_pool2d":
                return f"F.max_pool2d(F.pad({x}[None, None], {pads}, value=-float('inf')), {args})[0, 0]"
            total = f"F.avg_pool2d(F.pad({x}[None, None], {pads}), {args}, divisor_override=1)"
            count = f"F.avg_pool2d(F.pad(torch.ones_like({x})[None, None], {pads}), {args}, divisor_override=1)"
            return f"({total} / {count})[0, 0]"
        return f"F.{n.func}({x}[None, None], {k}" + (f", stride={stride})[0, 0]" if stride != k else ")[0, 0]")
    if op.kind == ops.ROT180:
        axes = op.extra.get("axes", (0, 1))
        return f"torch.flip({a[0]}, {axes})" if axes != (0, 1) else f"torch.flip({a[0]}, (0, 1))"
    if op.kind == ops.BINARY:  # torch.atan2(y, x)
        return op.torch_src.format(a=a[0], b=a[1])
    if op.kind == ops.REDUCTION and (lse := logsumexp_parts(n)) is not None:
        return _torch_logsumexp(n, *lse, ts)
    if op.kind == ops.REDUCTION:
        axis = n.kwarg("axis")
        if axis is None:
            return f"{x}.{n.func}()"
        return f"{x}.{n.func}(dim={number(axis.value)}, keepdim=True)"  # type: ignore[union-attr]
    if op.kind in (ops.ELEMENTWISE, ops.ROWWISE):
        holes = {}
        for k, (key, default) in enumerate(op.params):
            given = n.args[1 + k] if len(n.args) > 1 + k else n.kwarg(key)
            holes[key] = torch_code(given, ts) if given is not None else number(default)
        if ts is None or any(name in ts for name in ex.names(n.args[0])):
            return op.torch_src.format(x=a[0], **holes)
        # a function of plain numbers (sqrt(2 / pi)): torch's functions take tensors only
        return op.torch_src.format(x=f"torch.tensor({a[0]}, dtype=torch.float64)", **holes)
    logits = n.args[0]
    if n.func == "cross_entropy" and isinstance(logits, ex.Call) and logits.func == "softmax":
        # PyTorch's own loss on the logits (log-softmax inside): -(y * log(softmax(s))) is
        # 0 · log 0 = nan where a score is masked with -1e9 (SimCLR's self-similarity)
        return f"F.cross_entropy({torch_code(logits.args[0], ts)}, {a[1]})"
    if ts is not None and not any(name in ts for name in ex.names(n.args[1])):
        # a target of plain numbers (y = 1.0 in [constants]): PyTorch's losses take a tensor
        # target of the prediction's shape, as derive reads the number broadcast
        a[1] = f"torch.full_like({a[0]}, {a[1]})"
    yy = _wrap(_t(n.args[1], ts), _MUL + 1)
    w = n.kwarg("pos_weight")
    if w is not None and "torch_src_weighted" in op.extra:
        return op.extra["torch_src_weighted"].format(w=torch_code(w, ts), yy=yy, p=a[0])
    return op.torch_src.format(p=a[0], y=a[1], yy=yy, x=x)


def _torch_logsumexp(n: ex.Call, x: ex.Node, turned: bool, ts: frozenset[str] | None) -> str:
    """``torch.logsumexp`` as the user wrote it, of the language's reading (round 49): along the
    rows, down the columns, or of every entry (of the rows' logsumexps: of the whole ``x``)."""
    if not turned:
        return f"torch.logsumexp({torch_code(x, ts)}, dim=1, keepdim=True)"
    if n.kwarg("axis") is not None:
        return f"torch.logsumexp({torch_code(x, ts)}, dim=0, keepdim=True)"
    inner = logsumexp_parts(x) if isinstance(x, ex.Call) else None
    whole = inner[0] if inner is not None and not inner[1] else x
    return f"torch.logsumexp({torch_code(whole, ts)}, dim=(0, 1))"
