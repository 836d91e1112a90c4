"""heldnets47: readings and refusals of round 47's held-out course networks.

Apache MXNet's NDArray (and Symbol) functions written as PyTorch's calls of the
same values, as :mod:`derive.lang.spelling` does for Paddle's and MindSpore's.

Only functions whose MXNet definition (mxnet.apache.org, the 1.x ``mx.nd`` API) is a formula of
the language are read; each is written with its own defaults, where MXNet's differ from
PyTorch's: ``softmax``/``log_softmax`` along ``axis=-1`` with an optional ``temperature``,
``concat`` along ``dim=1``, ``LeakyReLU`` with ``slope=0.25``, ``FullyConnected``'s weight
stored ``[num_hidden, in]`` (``x @ W.T + b``), ``smooth_l1``'s ``scalar`` σ (quadratic below
``1/σ²``, not PyTorch's β), ``norm`` over every entry. Anything else under an MXNet module is
refused naming the functions read; MXNet's fused output layers (``SoftmaxOutput`` …), whose
backward is not the gradient of their forward value, get a sentence of their own.
"""

from __future__ import annotations

import ast

from derive.lang import spelling as sp
from derive.locale import catalog

# ``import mxnet as mx`` then ``mx.nd``/``mx.ndarray``/``mx.sym``; ``from mxnet import nd``
MODULES = frozenset(
    {
        "mx.nd", "mxnet.nd", "mx.ndarray", "mxnet.ndarray", "mx.sym", "mxnet.sym", "mx.symbol",
        "mxnet.symbol", "nd", "mx.nd.linalg", "mxnet.nd.linalg", "nd.linalg",
    }
)
# element-wise functions whose MXNet definition is PyTorch's function of this path
SAME = {
    **{f: f"torch.{f}" for f in (
        "exp", "log", "log1p", "expm1", "sqrt", "rsqrt", "abs", "square", "tanh", "sin", "cos",
        "sigmoid", "relu", "reciprocal", "erf", "log2", "log10", "sinh", "cosh",
    )},
    "negative": "torch.neg",
    "arctan": "torch.atan",
    "softsign": "F.softsign",
}
_BINARY = {
    "add": ast.Add(), "subtract": ast.Sub(), "multiply": ast.Mult(), "divide": ast.Div(),
    "power": ast.Pow(),
    "broadcast_add": ast.Add(), "broadcast_plus": ast.Add(), "broadcast_sub": ast.Sub(),
    "broadcast_minus": ast.Sub(), "broadcast_mul": ast.Mult(), "broadcast_div": ast.Div(),
    "broadcast_power": ast.Pow(),
    "elemwise_add": ast.Add(), "elemwise_sub": ast.Sub(), "elemwise_mul": ast.Mult(),
    "elemwise_div": ast.Div(),
}
# Activation(act_type=…): MXNet's activation kinds read
_ACTIVATION = {
    "relu": "torch.relu", "sigmoid": "torch.sigmoid", "tanh": "torch.tanh",
    "softrelu": "F.softplus", "softsign": "F.softsign", "log_sigmoid": "F.logsigmoid",
    "mish": "F.mish",
}
READ = frozenset(
    {*SAME, *_BINARY, "dot", "gemm2", "FullyConnected", "sum", "mean", "softmax", "log_softmax",
     "Activation", "LeakyReLU", "clip", "transpose", "smooth_l1", "norm", "concat"}
)
# output layers whose backward is a loss's gradient, not their forward value's
FUSED = frozenset(
    {"SoftmaxOutput", "LogisticRegressionOutput", "LinearRegressionOutput", "MAERegressionOutput",
     "SVMOutput"}
)


def _attr_call(path: str, args: list[ast.expr], **kw: ast.expr | None) -> ast.Call:
    head, *rest = path.split(".")
    node: ast.expr = ast.Name(head, ast.Load())
    for part in rest:
        node = ast.Attribute(node, part, ast.Load())
    return ast.Call(node, args, [ast.keyword(k, v) for k, v in kw.items() if v is not None])


def _flag(v: ast.expr | None, default: bool, name: str, arg: str) -> bool:
    if v is None:
        return default
    if isinstance(v, ast.Constant) and type(v.value) is bool:
        return v.value
    raise sp.SpellingError(catalog.said("spec.heldnets47.mxnet_flag", name=name, arg=arg))


def _text(v: ast.expr | None, default: str, name: str, arg: str) -> str:
    if v is None:
        return default
    if isinstance(v, ast.Constant) and isinstance(v.value, str):
        return v.value
    raise sp.SpellingError(catalog.said("spec.heldnets47.mxnet_flag", name=name, arg=arg))


def _axis(v: ast.expr | None, name: str) -> ast.expr | None:
    """An axis MXNet's reductions take: ``None``/``()`` is every entry, a whole number one axis;
    a tuple of axes is refused."""
    if sp._is_none(v) or isinstance(v, ast.Tuple) and not v.elts:
        return None
    assert v is not None
    if sp._int_literal(v) is None:
        raise sp.SpellingError(catalog.said("spec.heldnets47.mxnet_axis", name=name))
    return v


def _wrong(name: str, arg: str) -> sp.SpellingError:
    return sp.SpellingError(catalog.said("spec.heldnets47.mxnet_arg", name=name, arg=arg))


def call(n: ast.Call, name: str) -> ast.expr:
    """One MXNet call written as PyTorch's call (or the language's expression) of its value."""
    if name in SAME:
        a = sp._bound(n, name, ("data", "name"), 1)
        return _attr_call(SAME[name], [a["data"]])
    if name in _BINARY:
        params = ("base", "exp", "name") if name == "power" else ("lhs", "rhs", "name")
        a = sp._bound(n, name, params, 2)
        return sp._bin(a[params[0]], _BINARY[name], a[params[1]])
    if name in ("dot", "gemm2"):
        params = ("lhs", "rhs", "transpose_a", "transpose_b", "name")
        if name == "gemm2":
            params = ("A", "B", "transpose_a", "transpose_b", "alpha", "name")
        a = sp._bound(n, name, params, 2)
        x, y = a[params[0]], a[params[1]]
        x = sp._t(x) if _flag(a.get("transpose_a"), False, name, "transpose_a") else x
        y = sp._t(y) if _flag(a.get("transpose_b"), False, name, "transpose_b") else y
        out: ast.expr = sp._bin(x, ast.MatMult(), y)
        return out if a.get("alpha") is None else sp._mul(a["alpha"], out)
    if name == "FullyConnected":
        # data @ weight.T + bias: MXNet stores the weight [num_hidden, in]; flatten only
        # changes data of more than two axes, which the language does not have
        a = sp._bound(n, name, ("data", "weight", "bias", "num_hidden", "no_bias", "flatten",
                                "name"), 2)
        out = sp._bin(a["data"], ast.MatMult(), sp._t(a["weight"]))
        if _flag(a.get("no_bias"), False, name, "no_bias") or sp._is_none(a.get("bias")):
            return out
        return sp._add(out, a["bias"])
    if name in ("sum", "mean"):
        a = sp._bound(n, name, ("data", "axis", "keepdims", "exclude", "name"), 1)
        if _flag(a.get("exclude"), False, name, "exclude"):
            raise _wrong(name, "exclude=True")
        axis = _axis(a.get("axis"), name)
        if axis is None:
            return _attr_call(f"torch.{name}", [a["data"]])
        return _attr_call(f"torch.{name}", [a["data"]], dim=axis, keepdim=a.get("keepdims"))
    if name in ("softmax", "log_softmax"):
        a = sp._bound(n, name, ("data", "axis", "temperature", "dtype", "name"), 1)
        x = a["data"]
        if not sp._is_none(a.get("temperature")):
            x = sp._div(x, a["temperature"])
        axis = a.get("axis", ast.Constant(-1))
        if sp._int_literal(axis) is None:
            raise sp.SpellingError(catalog.said("spec.heldnets47.mxnet_axis", name=name))
        return _attr_call(f"torch.{name}", [x], dim=axis)
    if name == "Activation":
        a = sp._bound(n, name, ("data", "act_type", "name"), 2)
        kind = _text(a["act_type"], "", name, "act_type")
        if kind not in _ACTIVATION:
            raise _wrong(name, f"act_type='{kind}'")
        return _attr_call(_ACTIVATION[kind], [a["data"]])
    if name == "LeakyReLU":
        a = sp._bound(n, name, ("data", "gamma", "act_type", "slope", "lower_bound",
                                "upper_bound", "name"), 1)
        kind = _text(a.get("act_type"), "leaky", name, "act_type")
        slope = a.get("slope", sp._num(0.25))  # MXNet's default slope, not PyTorch's 0.01
        if "gamma" in a or "lower_bound" in a or "upper_bound" in a or kind not in (
            "leaky", "elu", "selu"
        ):
            raise _wrong(name, f"act_type='{kind}'")
        if kind == "leaky":
            return _attr_call("F.leaky_relu", [a["data"], slope])
        if kind == "elu":
            return _attr_call("F.elu", [a["data"]], alpha=slope)
        return _attr_call("F.selu", [a["data"]])
    if name == "clip":
        a = sp._bound(n, name, ("data", "a_min", "a_max", "name"), 3)
        return _attr_call("torch.clamp", [a["data"]], min=a["a_min"], max=a["a_max"])
    if name == "transpose":
        a = sp._bound(n, name, ("data", "axes", "name"), 1)
        axes = a.get("axes")
        if not (sp._is_none(axes) or isinstance(axes, ast.Tuple | ast.List) and (
            not axes.elts or [sp._int_literal(e) for e in axes.elts] == [1, 0]
        )):
            raise _wrong(name, "axes")
        return sp._t(a["data"])
    if name == "smooth_l1":
        # MXNet: 0.5·(σx)² where |x| < 1/σ², else |x| − 0.5/σ² (σ = scalar, default 1) —
        # PyTorch's smooth_l1_loss(x, 0, beta=1/σ²) entry by entry, written with where
        a = sp._bound(n, name, ("data", "scalar", "name"), 1)
        x, s = a["data"], a.get("scalar", sp._num(1.0))
        inv = sp._div(sp._num(1.0), sp._bin(s, ast.Pow(), sp._num(2)))
        small = sp._mul(sp._num(0.5), sp._bin(sp._mul(s, x), ast.Pow(), sp._num(2)))
        large = sp._sub(sp._call("abs", x), sp._mul(sp._num(0.5), inv))
        cond = ast.Compare(sp._call("abs", x), [ast.Lt()], [inv])
        return sp._call("where", cond, small, large)
    if name == "norm":
        # ord 2 (the default) over every entry or along one axis is sqrt(sum(x²)), ord 1
        # sum(|x|); the root is NumPy's sqrt (MXNet's norm gradient of a zero vector is x / 0)
        a = sp._bound(n, name, ("data", "ord", "axis", "keepdims", "out_dtype", "name"), 1)
        order = sp._int_literal(a["ord"]) if "ord" in a else 2
        if order not in (1, 2):
            raise sp.SpellingError(catalog.said("spec.norm_order"))
        axis = _axis(a.get("axis"), name)
        kw = sp._axis_kw(axis, a.get("keepdims"))
        if order == 1:
            return sp._call("sum", sp._call("abs", a["data"]), **kw)
        return sp._call("sqrt", sp._call("sum", sp._bin(a["data"], ast.Pow(), sp._num(2)), **kw))
    if name == "concat":
        # concat(*data, dim=1): MXNet's default axis is 1, PyTorch's cat's 0
        if any(isinstance(x, ast.Starred) for x in n.args) or any(
            k.arg not in ("dim", "num_args", "name") for k in n.keywords
        ):
            raise _wrong(name, "*data")
        dim = next((k.value for k in n.keywords if k.arg == "dim"), ast.Constant(1))
        return _attr_call("torch.cat", [ast.List(list(n.args), ast.Load())], dim=dim)
    raise AssertionError(name)


def mxnet_hn47(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """[forward] lines with MXNet's calls (``mx.nd.dot(x, W)``, ``nd.relu(z)``,
    ``mx.nd.softmax(z)`` …) written as PyTorch's of the same values (:func:`call`); an MXNet
    function not read is refused naming those read (:class:`SpellingError` with ``.key``). A
    bare ``nd.`` is MXNet's only when no tensor or line is named ``nd``."""
    modules = MODULES - {"nd", "nd.linalg"} if "nd" in taken else MODULES

    def wanted(text: str) -> bool:
        return "mx." in text or "mxnet." in text or ("nd." in text and "nd" not in taken)

    class MXNet(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            if not isinstance(n.func, ast.Attribute):
                return n
            path, name = sp._module_path(n.func.value), n.func.attr
            if path not in modules:
                return n
            if name in FUSED:
                raise sp.SpellingError(catalog.said("spec.heldnets47.mxnet_fused", name=name))
            if name not in READ or (name == "gemm2") != path.endswith("linalg"):
                raise sp.SpellingError(catalog.said(
                    "spec.heldnets47.mxnet_unread", name=f"{path}.{name}",
                    read=", ".join(sorted(READ - {"gemm2"})),
                ))
            return ast.copy_location(call(n, name), n)

    return sp._lines_respelled_hn44(fwd, wanted, MXNet)


# a matching chosen from the data (DETR's Hungarian matching, SciPy's and its JAX/Torch ports)
MATCHING = frozenset({"linear_sum_assignment", "min_weight_full_bipartite_matching"})


def matching_hn47(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """The [forward] lines as written; a call of a matching solver
    (``scipy.optimize.linear_sum_assignment(cost)``, also bare or under another module) is
    refused with its own sentence: the matching is a choice made from the data, so the loss
    is a formula of the matched pairs, given in their matched order."""
    return refused_calls(fwd, taken, MATCHING, "spec.heldnets47.matching")


def refused_calls(
    fwd: dict[str, object], taken: frozenset[str], names: frozenset[str], said: str
) -> dict[str, object]:
    """The [forward] lines as written; a call of a function in ``names`` (under any module or
    bare, a tensor or line of that name aside) is refused with the catalogue's ``said``
    sentence (:class:`SpellingError` with the line's ``.key``)."""
    for key, text in fwd.items():
        tree = sp.parsed(text) if isinstance(text, str) and any(m in text for m in names) else None
        for n in ast.walk(tree) if tree is not None else ():
            if isinstance(n, ast.Call):
                f = n.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if name in names and name not in taken:
                    err = sp.SpellingError(catalog.said(said, name=name))
                    err.key = key  # type: ignore[attr-defined]
                    raise err
    return fwd
