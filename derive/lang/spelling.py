"""NumPy and PyTorch spellings of the expression language, read exactly as the table's ops.

Course code writes ``np.dot(w.T, X)``, ``torch.softmax(S, dim=-1)``, ``F.mse_loss(y, t)``,
``Z.exp()``, ``x.pow(2)``, ``np.where(Z > 0, Z, a * Z)``, ``np.clip(p, 0, 1)``; a spec may too.
:func:`respell` rewrites one such call (a Python ``ast`` node, nothing evaluated) into the
language: operators, the table's ops, and the parser's own sugar (``maximum``/``minimum``/
``square``). Every rewrite is an identity as NumPy and PyTorch define the function (same values,
same derivatives away from ties and kinks; PyTorch's conventions at kinks come with the table's
``relu``/``abs``), so the derivation built from it is the network the course wrote — and it is
still verified step by step and against PyTorch. ``derive.lang.expr`` calls this module; it
holds no SymPy and reads no spec.

What a rewrite cannot express (``ignore_index``, ``weight`` with ``label_smoothing``) raises
:class:`SpellingError` with the supported form.
"""

from __future__ import annotations

import ast
import contextvars
import copy
import math
from collections.abc import Callable, Collection, Mapping
from fractions import Fraction
from typing import Any

from derive.lang import ops
from derive.locale import catalog

# module paths whose functions are the language's: np.tanh(Z) is tanh(Z); nothing is imported
MODULES = frozenset(
    {
        "np",
        "numpy",
        "torch",
        "F",
        "math",
        "nn.functional",
        "torch.nn.functional",
        "np.linalg",
        "numpy.linalg",
        "torch.linalg",
        "torch.special",
        "scipy.special",
        "special",
        "K",
        "keras.backend",
        "tf.keras.backend",
        # Keras' losses module: only its categorical/binary cross-entropies (KERAS_LOSSES)
        "keras.losses",
        "tf.keras.losses",
        "tf.losses",  # TensorFlow 2's alias of tf.keras.losses (spellings24)
        # Keras' activations module: the functions of KERAS_ACTIVATIONS_READ
        "keras.activations",
        "tf.keras.activations",
        # TensorFlow and JAX (tf.matmul, tf.nn.relu, tf.math.log, jnp.dot, jax.nn.log_softmax)
        "tf",
        "tf.math",
        "tf.nn",
        "tensorflow",
        "tensorflow.math",
        "tensorflow.nn",
        "tf.linalg",
        "tensorflow.linalg",
        "jnp",
        "jax.numpy",
        "jnp.linalg",
        "jax.numpy.linalg",
        "jax.nn",
        "jax.scipy.special",
        # SciPy's and JAX's standard normal (norm.cdf, norm.logcdf …: NORM_READ)
        "scipy.stats.norm",
        "stats.norm",
        "jax.scipy.stats.norm",
        "jsp.stats.norm",
    }
)
# the normal distribution's functions (``from scipy.stats import norm``: ``norm.cdf(x, loc,
# scale)``), read as the table's ndtr / log_ndtr and the density written out
NORM_DIST = frozenset({"scipy.stats.norm", "stats.norm", "jax.scipy.stats.norm", "jsp.stats.norm"})
NORM_READ = ("cdf", "logcdf", "sf", "logsf", "pdf", "logpdf")
TENSORFLOW = frozenset(
    {"tf", "tf.math", "tf.nn", "tf.linalg", "tensorflow", "tensorflow.math", "tensorflow.nn",
     "tensorflow.linalg"}
)
JAX = frozenset({"jnp", "jax.numpy", "jax.nn", "jax.scipy.special"})
# the Keras backend (K.clip, K.log, K.mean …, and K.epsilon() = 1e-7)
KERAS = frozenset({"K", "keras.backend", "tf.keras.backend"})
# Keras' losses functions (per example, label_smoothing=): the two cross-entropies are read
KERAS_LOSSES = frozenset({"keras.losses", "tf.keras.losses", "tf.losses"})
# spellings24: Keras' other per-example losses (keras/src/losses/losses.py), each with its aliases
KERAS_MORE_LOSSES = {
    "log_cosh": "log_cosh", "logcosh": "log_cosh",
    "kl_divergence": "kl_divergence", "kld": "kl_divergence", "KLD": "kl_divergence",
    "kullback_leibler_divergence": "kl_divergence",
    "poisson": "poisson",
    "cosine_similarity": "cosine_similarity",
    "categorical_hinge": "categorical_hinge",
    "mean_absolute_percentage_error": "mape", "mape": "mape", "MAPE": "mape",
    "mean_squared_logarithmic_error": "msle", "msle": "msle", "MSLE": "msle",
}
KERAS_LOSSES_READ = (
    "categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy",
    "mean_squared_error", "mean_absolute_error", "MSE", "MAE", "huber", *KERAS_MORE_LOSSES,
)
# Keras' activations (tf.keras.activations.relu …): the ones whose Keras 2 and Keras 3 definitions
# agree and are the language's (gelu's default there is the exact form, approximate=False;
# softmax along the last axis); hard_sigmoid (0.2x + 0.5 in Keras 2, relu6(x + 3)/6 in Keras 3),
# exponential and linear are not read
KERAS_ACTIVATIONS = frozenset({"keras.activations", "tf.keras.activations"})
KERAS_ACTIVATIONS_READ = (
    "relu", "sigmoid", "tanh", "softmax", "log_softmax", "softplus", "softsign", "elu", "selu",
    "gelu", "silu", "swish", "mish", "relu6",
)
# modules of which only some functions are read, and those functions
READ_ONLY = {
    **{m: KERAS_LOSSES_READ for m in KERAS_LOSSES},
    **{m: KERAS_ACTIVATIONS_READ for m in KERAS_ACTIVATIONS},
    **{m: NORM_READ for m in NORM_DIST},
}
# PyTorch's functional modules: there ``cross_entropy`` takes logits (as F.cross_entropy does)
TORCH_FUNCTIONAL = frozenset({"F", "nn.functional", "torch.nn.functional"})
# np.pi, math.e …: the float64 numbers NumPy/PyTorch compute with (kept exactly)
NUMBERS = {"pi": math.pi, "e": math.e}

# keyword spellings: PyTorch's dim/keepdim are NumPy's axis/keepdims
_KEYWORDS = {"dim": "axis", "keepdim": "keepdims"}
_OP_KEYWORDS = {
    "leaky_relu": {"negative_slope": "slope", "alpha": "slope"},
    "elu": {"alpha": "slope"},
}
# a keyword ``keywords`` adds to var()/std() written with PyTorch's dim=/keepdim=
_TORCH_MARK = "_torch_keywords"
# a keyword ``class_indices`` adds to cross_entropy() whose target is class indices
_INDEX_MARK = "_class_indices"

# torch's SELU constants (torch.nn.SELU)


class SpellingError(ValueError):
    """A NumPy/PyTorch call the language cannot express; the message names what it can (a
    catalogue sentence, :attr:`spoken`, where it is one; ``str()`` is English)."""

    def __init__(self, message: str | catalog.Said) -> None:
        said = isinstance(message, catalog.Said)
        super().__init__(message.render("en") if said else message)
        self.spoken: str | catalog.Said = message


# ---- small AST builders ----------------------------------------------------------------------

# The longest line the parser reads (``expr.MAX_LENGTH``): the passes before it leave a longer
# line alone, so that the parser names the limit (a pass's own ``ast.unparse`` of a deep tree
# would end in a RecursionError).
MAX_TEXT = 2000


def parsed(text: str) -> ast.Expression | None:
    """``text`` parsed as one Python expression, or ``None`` where it is not one: the passes
    that rewrite a line before the parser proper leave such text as it is, and the parser
    names the problem."""
    if len(text) > MAX_TEXT:
        return None
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return tree if _depth_within(tree, MAX_TREE_DEPTH) else None


# Deeper than this, a line is past the parser's own nesting bound (``expr.MAX_DEPTH`` levels of
# its tree, fewer than of Python's): the passes leave it alone (they recurse) and the parser
# names the bound.
MAX_TREE_DEPTH = 200


def _depth_within(tree: ast.AST, limit: int) -> bool:
    """Whether no path from ``tree`` down is longer than ``limit`` nodes (without recursion)."""
    level, todo = 0, [tree]
    while todo:
        level += 1
        if level > limit:
            return False
        todo = [c for n in todo for c in ast.iter_child_nodes(n)]
    return True


_AXIS_CALLS_R45 = frozenset({"squeeze", "unsqueeze", "expand_dims"})


def positional_axes_r45(text: str) -> str:
    """Round 45: the axis of a squeeze/unsqueeze given by keyword — ``x.squeeze(dim=1)``,
    ``torch.squeeze(h @ v, dim=1)``, ``tf.squeeze(z, axis=1)``, ``torch.unsqueeze(o, dim=-1)``,
    ``np.expand_dims(a, axis=0)`` — written by position, as the reader reads them everywhere
    (the keyword spelling of an expression's squeeze was refused). Other text unchanged."""
    if not any(name in text for name in _AXIS_CALLS_R45) or "=" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text
    changed = False
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr not in _AXIS_CALLS_R45 or len(node.keywords) != 1:
            continue
        k = node.keywords[0]
        method = not module_of(node.func.value)
        if k.arg not in ("dim", "axis") or len(node.args) != (0 if method else 1):
            continue
        node.args = [*node.args, k.value]
        node.keywords = []
        changed = True
    return ast.unparse(tree) if changed else text


# round 46: PyTorch's resampling calls; nearest upsampling by whole factors is read (each entry
# copied into a block: repeat_interleave along both axes), the other modes are refused
RESAMPLING_R46 = frozenset(
    {"interpolate", "upsample", "upsample_nearest", "upsample_bilinear", "Upsample",
     "UpsamplingNearest2d", "UpsamplingBilinear2d"}
)
_NEAREST_R46 = ("nearest", "nearest-exact")


def nearest_upsampling_r46(text: str) -> str:
    """Round 46: nearest-neighbour upsampling of one map by whole factors, as course code writes
    it on a batch of one image with one channel — ``F.interpolate(A[None, None], scale_factor=2
    )[0, 0]``, ``mode='nearest'``, ``F.upsample(…)``, ``F.upsample_nearest(…)``,
    ``nn.Upsample(scale_factor=(2, 3))(A.unsqueeze(0).unsqueeze(0)).squeeze()`` — is each entry
    copied into a kh × kw block, ``A.repeat_interleave(kh, 0).repeat_interleave(kw, 1)`` (which
    the reader reads, with its gradient: the block sums). Other modes (bilinear: weights that
    depend on the sizes and ``align_corners``), a ``size=`` or a factor that is not whole are
    refused naming that spelling. Other text unchanged."""
    if not any(name in text for name in RESAMPLING_R46):
        return text
    tree = parsed(text)
    if tree is None:
        return text
    changed = False

    class Rewrite(ast.NodeTransformer):
        def swap(self, node: ast.AST) -> ast.AST:  # A resampled, then [0, 0] or .squeeze()
            nonlocal changed
            out = _upsampled_r46(node)
            if out is None:
                return self.generic_visit(node)
            changed = True
            return self.generic_visit(out)

        visit_Subscript = visit_Call = swap

    tree = Rewrite().visit(tree)
    return ast.unparse(tree) if changed else text


def _resample_call_r46(node: ast.AST) -> tuple[str, ast.expr, dict[str, ast.expr]] | None:
    """(its name, its image, its keywords) of ``F.interpolate(x, …)`` / ``nn.Upsample(…)(x)``."""
    if not isinstance(node, ast.Call):
        return None
    f = node.func
    if isinstance(f, ast.Call) and isinstance(f.func, ast.Attribute | ast.Name):  # nn.Upsample(…)(x)
        name = f.func.attr if isinstance(f.func, ast.Attribute) else f.func.id
        if name not in ("Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d") or len(node.args) != 1:
            return None
        words = ("size", "scale_factor", "mode", "align_corners")
        kw = dict(zip(words, f.args))
        kw.update({k.arg: k.value for k in f.keywords if k.arg})
        if name != "Upsample":
            kw.setdefault("mode", ast.Constant("bilinear" if "Bilinear" in name else "nearest"))
        return name, node.args[0], kw
    if not isinstance(f, ast.Attribute) or f.attr not in RESAMPLING_R46 or not node.args:
        return None
    if not module_of(f.value):
        return None
    words = ("size", "scale_factor", "mode", "align_corners")
    kw = dict(zip(words, node.args[1:]))
    kw.update({k.arg: k.value for k in node.keywords if k.arg})
    if f.attr == "upsample_bilinear":
        kw.setdefault("mode", ast.Constant("bilinear"))
    return f.attr, node.args[0], kw


def _one_image_r46(x: ast.expr) -> ast.expr | None:
    """``A`` of ``A[None, None]`` / ``A[None, None, :, :]`` / ``A.unsqueeze(0).unsqueeze(0)``."""
    if isinstance(x, ast.Subscript) and isinstance(x.slice, ast.Tuple):
        items = x.slice.elts
        nones = [i for i in items if isinstance(i, ast.Constant) and i.value is None]
        rest = [i for i in items if i not in nones]
        if len(nones) == 2 and items[:2] == nones and all(
            isinstance(i, ast.Slice) and i.lower is i.upper is i.step is None for i in rest
        ) and len(rest) <= 2:
            return x.value
    if (
        isinstance(x, ast.Call) and isinstance(x.func, ast.Attribute) and x.func.attr == "unsqueeze"
        and len(x.args) == 1 and isinstance(x.args[0], ast.Constant) and x.args[0].value == 0
    ):
        inner = x.func.value
        if (
            isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute)
            and inner.func.attr == "unsqueeze" and len(inner.args) == 1
            and isinstance(inner.args[0], ast.Constant) and inner.args[0].value == 0
        ):
            return inner.func.value
    return None


def _upsampled_r46(node: ast.AST) -> ast.expr | None:
    """The repeat_interleave form of ``<resampling>[0, 0]`` / ``<resampling>.squeeze()``, or
    None where ``node`` is no such unwrapping of a resampling call (a refusal where it is one
    that is not read)."""
    if isinstance(node, ast.Subscript):
        idx = node.slice
        if not (
            isinstance(idx, ast.Tuple) and len(idx.elts) == 2
            and all(isinstance(i, ast.Constant) and i.value == 0 for i in idx.elts)
        ):
            return None
        call = node.value
    elif (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and node.func.attr == "squeeze" and not node.args and not node.keywords
    ):
        call = node.func.value
    else:
        return None
    found = _resample_call_r46(call)
    if found is None:
        return None
    name, x, kw = found
    image = _one_image_r46(x)
    fix = "A.repeat_interleave(2, 0).repeat_interleave(2, 1)"
    if image is None:
        raise SpellingError(catalog.said("spec.round46.resample_image", f=name, fix=fix))
    mode = kw.get("mode", ast.Constant("nearest"))
    if not (isinstance(mode, ast.Constant) and mode.value in _NEAREST_R46):
        said = mode.value if isinstance(mode, ast.Constant) else ast.unparse(mode)
        raise SpellingError(catalog.said("spec.round46.resample_mode", f=name, mode=str(said), fix=fix))
    if "size" in kw and not (isinstance(kw["size"], ast.Constant) and kw["size"].value is None):
        raise SpellingError(catalog.said("spec.round46.resample_size", f=name, fix=fix))
    factor = kw.get("scale_factor")
    pair = factor.elts if isinstance(factor, ast.Tuple | ast.List) else [factor, factor]

    def whole(v: ast.expr | None) -> int | None:
        if isinstance(v, ast.Constant) and not isinstance(v.value, bool) and isinstance(v.value, int | float):
            if float(v.value).is_integer() and 1 <= v.value <= 64:
                return int(v.value)
        return None

    ks = [whole(v) for v in pair]
    if len(ks) != 2 or None in ks:
        raise SpellingError(catalog.said("spec.round46.resample_factor", f=name, fix=fix))
    out: ast.expr = image
    for axis, k in enumerate(ks):
        if k != 1:
            out = ast.Call(
                ast.Attribute(out, "repeat_interleave", ast.Load()),
                [ast.Constant(k), ast.Constant(axis)], [],
            )
    return out


def parsed_body(text: str) -> ast.expr | None:
    """The expression of :func:`parsed` (``None`` where ``text`` is not one)."""
    tree = parsed(text)
    return None if tree is None else tree.body


def module_of(node: ast.AST) -> str:
    """The module path ``node`` spells (``np``, ``torch.nn.functional``) if it is one of
    :data:`MODULES`, or ``""``."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id in SHADOWED_HN31.get():
        return ""
    path = ".".join([node.id, *reversed(parts)])
    return path if path in MODULES else ""


# heldnets31: the spec's own tensor names that spell a module alias (d2l's kernel K, Keras'
# backend alias): the tensor, as Python binds the name (K.ravel() is the kernel's, not Keras')
SHADOWED_HN31: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "shadowed_hn31", default=frozenset()
)


def _num(v: float) -> ast.Constant:
    return ast.Constant(v)


def _call(name: str, *args: ast.expr, **kw: ast.expr) -> ast.Call:
    return ast.Call(
        ast.Name(name, ast.Load()), list(args), [ast.keyword(k, v) for k, v in kw.items()]
    )


def _bin(a: ast.expr, op: ast.operator, b: ast.expr) -> ast.BinOp:
    return ast.BinOp(a, op, b)


def _add(a: ast.expr, b: ast.expr) -> ast.BinOp:
    return _bin(a, ast.Add(), b)


def _sub(a: ast.expr, b: ast.expr) -> ast.BinOp:
    return _bin(a, ast.Sub(), b)


def _mul(a: ast.expr, b: ast.expr) -> ast.BinOp:
    return _bin(a, ast.Mult(), b)


def _div(a: ast.expr, b: ast.expr) -> ast.BinOp:
    return _bin(a, ast.Div(), b)


def _neg(a: ast.expr) -> ast.UnaryOp:
    return ast.UnaryOp(ast.USub(), a)


def _is_none(v: ast.expr | None) -> bool:
    return v is None or (isinstance(v, ast.Constant) and v.value is None)


def _text(v: ast.expr | None, default: str, what: str) -> str:
    if v is None:
        return default
    if isinstance(v, ast.Constant) and isinstance(v.value, str):
        return v.value
    raise SpellingError(catalog.said("spec.spelling.text_1", what=what, default=default))


def _bound(
    node: ast.Call, name: str, params: tuple[str, ...], required: int
) -> dict[str, ast.expr]:
    """The call's arguments by parameter name (positional in ``params`` order, then keywords)."""
    if any(isinstance(a, ast.Starred) for a in node.args) or any(
        k.arg is None for k in node.keywords
    ):
        raise SpellingError(catalog.said("spec.spelling.bound_1", name=name))
    if len(node.args) > len(params):
        raise SpellingError(catalog.said("spec.spelling.bound_2", name=name, x=len(params)))
    out = dict(zip(params, node.args, strict=False))
    for k in node.keywords:
        if k.arg not in params:
            raise SpellingError(
                catalog.said("spec.spelling.bound_4", name=name, arg=k.arg, x=", ".join(params))
            )
        if k.arg in out:
            raise SpellingError(catalog.said("spec.spelling.bound_5", name=name, arg=k.arg))
        out[k.arg] = k.value
    missing = [p for p in params[:required] if p not in out]
    if missing:
        raise SpellingError(catalog.said("spec.spelling.bound_3", name=name, x=', '.join(missing)))
    return out


def _axis_kw(axis: ast.expr | None, keepdims: ast.expr | None) -> dict[str, ast.expr]:
    kw: dict[str, ast.expr] = {}
    if not _is_none(axis):
        kw["axis"] = axis  # type: ignore[assignment]
    if keepdims is not None:
        kw["keepdims"] = keepdims
    return kw


def _axis_value(axis: ast.expr | None) -> int | None:
    if _is_none(axis):
        return None
    v = axis
    sign = 1
    if isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub):
        sign, v = -1, v.operand
    if isinstance(v, ast.Constant) and type(v.value) is int and sign * v.value in (0, 1, -1, -2):
        return (sign * v.value) % 2
    raise SpellingError(catalog.said("spec.spelling.axis_value_1"))


# ---- the rewrites ----------------------------------------------------------------------------


def _reduce(elem: ast.expr, reduction: str, name: str) -> ast.expr:
    """The element-wise loss ``elem`` reduced as PyTorch's ``reduction`` says ('none': the tensor
    of per-entry losses, for a later weighting such as a focal factor; the last line of
    [forward] must still be one number)."""
    if reduction == "mean":
        return _call("mean", elem)
    if reduction == "sum":
        return _call("sum", elem)
    if reduction == "none":
        return elem
    raise SpellingError(catalog.said("spec.spelling.reduce_1", name=name, reduction=reduction))


def _rowwise(op: str) -> Callable[[ast.Call, str], ast.expr | None]:
    """softmax / log_softmax along an axis: along rows (1, -1) is the language's; along columns
    (0, -2) is the row-wise op of the transpose, transposed back."""

    def rewrite(node: ast.Call, how: str) -> ast.expr | None:
        a = _bound(node, op, ("x", "axis", "dtype"), 1)
        if "axis" not in a and "dtype" not in a:
            return None
        if not _is_none(a.get("dtype")):
            raise SpellingError(catalog.said("spec.spelling.rewrite_2", op=op))
        x = a["x"]
        if _axis_value(a.get("axis")) == 0:
            return ast.Attribute(_call(op, ast.Attribute(x, "T", ast.Load())), "T", ast.Load())
        return _call(op, x)

    return rewrite


def _where(node: ast.Call, how: str) -> ast.expr:
    """``where(l > r, a, b)`` as ``g·a + (1 − g)·b`` with the indicator ``g = 1[l − r > 0]``
    (``relu_grad``, derivative 0: no gradient flows through a condition, as in PyTorch)."""
    a = _bound(node, "where", ("condition", "x", "y"), 3)
    cond, x, y = condition_hn24(a["condition"]), a["x"], a["y"]
    if not (isinstance(cond, ast.Compare) and len(cond.ops) == 1):
        raise SpellingError(catalog.said("spec.spelling.where_1"))
    left, op, right = cond.left, cond.ops[0], cond.comparators[0]
    zero = isinstance(right, ast.Constant) and right.value == 0
    if isinstance(op, ast.Gt | ast.LtE):  # l > r  ⇔  l − r > 0
        diff = left if zero else _sub(left, right)
    elif isinstance(op, ast.Lt | ast.GtE):  # l < r  ⇔  r − l > 0
        diff = _neg(left) if zero else _sub(right, left)
    elif isinstance(op, ast.Eq | ast.NotEq):
        # 1[l = r] = 1 − 1[l − r > 0] − 1[r − l > 0] (exact for every real l, r: a mask of
        # labels, torch.where(y == 1, 1 - p, p)); l ≠ r is the opposite case
        d = left if zero else _sub(left, right)
        g = _sub(_sub(_num(1), _call("relu_grad", d)), _call("relu_grad", _neg(d)))
        if isinstance(op, ast.NotEq):
            x, y = y, x
        return _where_mix(g, x, y)
    else:
        raise SpellingError(catalog.said("spec.spelling.where_2"))
    if isinstance(op, ast.LtE | ast.GtE):  # the indicator is of the opposite case
        x, y = y, x
    if zero and isinstance(op, ast.Gt | ast.LtE) and (alpha := _elu_side(left, x, y)) is not None:
        return _elu(left, alpha)  # where(z > 0, z, α·expm1(z)): ELU, α at 0 as both give it
    return _where_mix(_call("relu_grad", diff), x, y)


def _func_name(n: ast.expr) -> str:
    f = n.func if isinstance(n, ast.Call) else None
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _elu_side(z: ast.expr, x: ast.expr, y: ast.expr) -> ast.expr | None:
    """α where ``where(z > 0, x, y)`` is ELU written out, ``x = z`` and ``y = α·(eᶻ − 1)``
    (``α * expm1(z)``, ``α * (exp(z) - 1)``, either order; α a number or a name): the same values
    and gradient, α at z = 0 (the where takes its second branch there, as F.elu's backward);
    else None. Taught as ELU, not as a ReLU's mask and a second branch."""
    same = ast.dump(x) == ast.dump(z)

    def expm1(n: ast.expr) -> bool:
        if isinstance(n, ast.Call) and _func_name(n) == "expm1" and len(n.args) == 1:
            return not n.keywords and ast.dump(n.args[0]) == ast.dump(z)
        return (
            isinstance(n, ast.BinOp) and isinstance(n.op, ast.Sub)
            and isinstance(n.right, ast.Constant) and n.right.value == 1
            and isinstance(n.left, ast.Call) and _func_name(n.left) == "exp"
            and len(n.left.args) == 1 and not n.left.keywords
            and ast.dump(n.left.args[0]) == ast.dump(z)
        )

    if not same or not (isinstance(y, ast.BinOp) and isinstance(y.op, ast.Mult)):
        return None
    for alpha, e in ((y.left, y.right), (y.right, y.left)):
        number = isinstance(alpha, ast.Constant) and isinstance(alpha.value, int | float)
        if (number and alpha.value > 0 or isinstance(alpha, ast.Name)) and expm1(e):
            return alpha
    return None


# heldnets29: a comprehension over a fixed, written-out list (``for p in [W1, W2]``,
# ``for i in range(3)``): at most this many items are unrolled
UNROLL_MAX_HN29 = 32


def _unrolled_items_hn29(
    comp: ast.ListComp | ast.GeneratorExp, size: Callable[[ast.expr], int | None] | None = None
) -> list[ast.expr] | None:
    """The items of ``[e for v in (a, b, …)]`` / ``(e for v in range(k))`` — each ``for`` over a
    list or tuple written out, or ``range`` of whole numbers, no ``if``, one name bound — each
    ``e`` with ``v`` replaced by the item; ``None`` for anything else (a loop over data or a
    model's parameters stays the parser's refusal). heldnets31: several ``for``s (CS231n's
    im2col ``[X[i:i+2, j:j+2].ravel() for i in range(3) for j in range(3)]``) run as Python
    nests them, the first outermost; an inner ``range`` may use an outer name (``range(i)``);
    whole-number arithmetic of the bound names is folded (``X[1:1 + 2]`` is ``X[1:3]``)."""
    if not comp.generators or any(
        g.ifs or g.is_async or not isinstance(g.target, ast.Name) for g in comp.generators
    ):
        return None
    names = [g.target.id for g in comp.generators]  # type: ignore[attr-defined]
    if len(set(names)) != len(names) or any(
        isinstance(n, ast.SetComp | ast.DictComp | ast.Lambda | ast.NamedExpr)
        or isinstance(n, ast.ListComp | ast.GeneratorExp) and not _inner_comp_hn31(n, names)
        for n in ast.walk(comp.elt)
    ):
        return None  # a name bound inside (u := f(u), an iteration): left as written
    bindings: list[dict[str, ast.expr]] = [{}]
    for gen in comp.generators:
        nxt: list[dict[str, ast.expr]] = []
        for bound in bindings:
            items = _loop_items_hn31(_put_hn31(gen.iter, bound), size)
            if items is None:
                return None
            nxt.extend({**bound, gen.target.id: item} for item in items)  # type: ignore[attr-defined]
            if len(nxt) > UNROLL_MAX_HN29:
                return None
        bindings = nxt
    if not 1 <= len(bindings) <= UNROLL_MAX_HN29:
        return None
    return [_put_hn31(comp.elt, bound) for bound in bindings]


def _inner_comp_hn31(n: ast.ListComp | ast.GeneratorExp, outer: list[str]) -> bool:
    """heldnets31: a comprehension inside another's item (``[[f(i, j) for j in range(3)] for i
    in range(3)]``, a matrix of numbers) whose own loops rebind none of the outer names: the
    outer loop's items are put in and the inner one is unrolled in turn."""
    return all(
        isinstance(g.target, ast.Name) and g.target.id not in outer and not g.ifs
        for g in n.generators
    )


def _loop_items_hn31(
    it: ast.expr, size: Callable[[ast.expr], int | None] | None
) -> list[ast.expr] | None:
    """The items one ``for`` runs over: a list or tuple written out, or ``range`` of whole
    numbers (or of sizes ``size`` knows); ``None`` otherwise."""
    if isinstance(it, ast.List | ast.Tuple) and not any(isinstance(e, ast.Starred) for e in it.elts):
        return list(it.elts)
    if (
        isinstance(it, ast.Call)
        and isinstance(it.func, ast.Name)
        and it.func.id == "range"
        and not it.keywords
        and 1 <= len(it.args) <= 3
        and None not in (bounds := [_range_bound_hn30(a, size) for a in it.args])
        and (len(bounds) < 3 or bounds[2] != 0)
    ):
        return [ast.Constant(i) for i in range(*bounds)]  # type: ignore[arg-type]
    return None


_FOLD_HN31: dict[type, Callable[[int, int], int]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.FloorDiv: lambda a, b: a // b,
}


def _put_hn31(node: ast.expr, bound: dict[str, ast.expr]) -> ast.expr:
    """``node`` (copied) with each bound loop name replaced by its item, whole-number + - * //
    of two numbers folded (only where a loop name was replaced: the user's own ``2 * 3`` stays)."""
    if not bound:
        return node

    class _Put(ast.NodeTransformer):
        def visit_Name(self, n: ast.Name) -> ast.AST:
            if n.id in bound:
                item = copy.deepcopy(bound[n.id])
                item.hn31_item = True  # type: ignore[attr-defined]
                return item
            return n

        def visit_BinOp(self, n: ast.BinOp) -> ast.AST:
            self.generic_visit(n)
            a, b, fold = n.left, n.right, _FOLD_HN31.get(type(n.op))
            if (
                fold is not None
                and (getattr(a, "hn31_item", False) or getattr(b, "hn31_item", False))
                and isinstance(a, ast.Constant) and type(a.value) is int
                and isinstance(b, ast.Constant) and type(b.value) is int
                and not (isinstance(n.op, ast.FloorDiv) and b.value == 0)
            ):
                out = ast.Constant(fold(a.value, b.value))
                out.hn31_item = True  # type: ignore[attr-defined]
                return out
            return n

    return _Put().visit(copy.deepcopy(node))


def _range_bound_hn30(a: ast.expr, size: Callable[[ast.expr], int | None] | None) -> int | None:
    """A bound of ``range(…)``: a whole number written out, or (heldnets30) a size the caller
    knows (``x.shape[1]``, ``len(v)`` of a tensor whose size is a number; ``size``)."""
    if isinstance(a, ast.Constant) and type(a.value) is int:
        return a.value
    return None if size is None else size(a)


def unrolled_hn29(text: str, size: Callable[[ast.expr], int | None] | None = None) -> str:
    """heldnets29: ``text`` with comprehensions over a fixed list unrolled, as Python runs them:
    ``sum(p.pow(2).sum() for p in [W1, W2])`` (PyTorch's weight decay over named weights) is
    ``(W1.pow(2).sum() + W2.pow(2).sum())`` — Python's ``sum`` adds the items from 0 — and a list
    comprehension elsewhere (``torch.stack([h[:, i] for i in range(3)], 1)``) the list of its
    items. Any other comprehension is left for the parser to refuse ("a loop is not read").
    heldnets30: ``size`` reads a bound such as ``range(x.shape[1])`` (the caller's sizes).
    heldnets31: ``np.array`` of computed entries is their stack (:func:`_computed_array_hn31`)."""
    if " for " not in text and "array" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class _Unroll(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            if (
                isinstance(n.func, ast.Name)
                and n.func.id == "sum"
                and not n.keywords
                and (len(n.args) == 1 or len(n.args) == 2 and _is_zero(n.args[1]))
                and isinstance(n.args[0], ast.ListComp | ast.GeneratorExp)
            ):
                comp = n.args[0]
                comp.elt = self.visit(comp.elt)
                items = _unrolled_items_hn29(comp, size)
                if items is not None:
                    total = items[0]
                    for item in items[1:]:
                        total = ast.BinOp(total, ast.Add(), item)
                    return total
            self.generic_visit(n)
            n.args = [self.listed(a) if isinstance(a, ast.ListComp) else a for a in n.args]
            return _computed_array_hn31(n)

        def listed(self, n: ast.ListComp) -> ast.expr:
            """A list comprehension passed to a call (torch.stack, np.hstack, …): the list
            of its items; elsewhere it is left for the parser's loop refusal. heldnets31: an
            item that is a comprehension itself (a matrix's rows) is unrolled in turn."""
            items = _unrolled_items_hn29(n, size)
            if items is None:
                return n
            items = [self.listed(i) if isinstance(i, ast.ListComp) else i for i in items]
            return ast.List(items, ast.Load())

    try:
        return ast.unparse(_Unroll().visit(tree))
    except RecursionError:
        return text


def _computed_array_hn31(n: ast.Call) -> ast.Call:
    """heldnets31: ``np.array([…])`` / ``jnp.array`` of a list (or a list of equal-length
    lists) whose entries are all computed (no number or name among them) — window sums ``np.sum(X[0:2, 0:2] * w)``, a pooling's
    ``Z[0:2, 0:2].max()`` — is the stack of them, ``np.stack([np.stack(row), …])``, as NumPy
    builds it (an array of numbers is the literal's reading; PyTorch's ``torch.tensor`` of
    tensors would leave the graph and is not read this way)."""
    f = n.func
    if (
        not isinstance(f, ast.Attribute)
        or f.attr not in ("array", "asarray")
        or module_of(f.value) not in ("np", "numpy", "jnp", "jax.numpy")
        or len(n.args) != 1
        or n.keywords
        or not isinstance(n.args[0], ast.List | ast.Tuple)
        or not n.args[0].elts
    ):
        return n
    rows = n.args[0].elts
    nested = all(isinstance(r, ast.List | ast.Tuple) for r in rows)
    entries = [e for r in rows for e in r.elts] if nested else list(rows)  # type: ignore[attr-defined]
    if nested and len({len(r.elts) for r in rows}) != 1:  # type: ignore[attr-defined]
        return n
    if any(
        isinstance(e, ast.List | ast.Tuple | ast.Starred | ast.Constant | ast.Name)
        or isinstance(e, ast.UnaryOp) and isinstance(e.operand, ast.Constant | ast.Name)
        for e in entries
    ):
        return n  # numbers and names (also beside computed entries): the literal's reading

    def stack(parts: list[ast.expr]) -> ast.Call:
        return ast.Call(ast.Attribute(f.value, "stack", ast.Load()), [ast.List(parts, ast.Load())], [])

    if not nested:
        return stack(list(rows))
    return stack([stack(list(r.elts)) for r in rows])  # type: ignore[attr-defined]


def _is_zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and not isinstance(node.value, bool) and node.value == 0


def named_masks(text: str, masks: set[str], key: str) -> str:
    """A [forward] line that is one comparison, Géron's ``is_small_error = tf.abs(error) < 1``,
    is its 0/1 mask (the indicator :func:`_where` reads a condition as; ``key`` is added to
    ``masks``), and ``where(m, a, b)`` of such a line's name ``m`` in a later line is ``m·a +
    (1 − m)·b`` — the same numbers and, since no gradient flows through a condition, the same
    gradients as PyTorch's ``torch.where`` of the boolean tensor. ``text`` unchanged otherwise."""
    body = parsed_body(text)
    if isinstance(body, ast.Compare) and len(body.ops) == 1:
        masks.add(key)
        cond = _where(_call("where", body, _num(1), _num(0)), "")
        return ast.unparse(cond)
    if not masks or body is None or "where" not in text:
        return text
    changed = False

    class Where(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            nonlocal changed
            self.generic_visit(n)
            f = n.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name != "where" or len(n.args) != 3 or n.keywords:
                return n
            m = n.args[0]
            if not (isinstance(m, ast.Name) and m.id in masks):
                return n
            changed = True
            return ast.copy_location(_where_mix(m, n.args[1], n.args[2]), n)

    out = Where().visit(body)
    return ast.unparse(out) if changed else text


def _where_mix(g: ast.expr, x: ast.expr, y: ast.expr) -> ast.expr:
    """``g·x + (1 − g)·y`` for an indicator ``g`` (a term with a 0 branch left out)."""
    zx = isinstance(x, ast.Constant) and x.value == 0
    zy = isinstance(y, ast.Constant) and y.value == 0
    first = _mul(g, x)
    second = _mul(_sub(_num(1), g), y)
    if zy:
        return first
    if zx:
        return second
    return _add(first, second)


_INF_MODULES = frozenset({"math", "np", "numpy", "torch", "jnp"})


def _infinity(node: ast.expr | None) -> int:
    """+1 or −1 for an infinity written as a bound (``float('inf')``, ``float("-inf")``,
    ``math.inf``, ``np.inf``, ``torch.inf``, ``jnp.inf``, each negated), else 0."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _infinity(node.operand)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.Attribute) and node.attr == "inf":
        return 1 if isinstance(node.value, ast.Name) and node.value.id in _INF_MODULES else 0
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "float"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        text = node.args[0].value.strip().lower()
        sign = -1 if text.startswith("-") else 1
        return sign if text.lstrip("+-") in ("inf", "infinity") else 0
    return 0


def infinity(node: ast.expr | None) -> int:
    """:func:`_infinity` for the expression reader (``np.linalg.norm(v, ord=np.inf)``)."""
    return _infinity(node)


def _clip(lo: ast.expr | None, hi: ast.expr | None, x: ast.expr, name: str) -> ast.expr:
    """``torch.clamp``/``np.clip`` with the table's ``clamp0`` (PyTorch's ``clamp(min=0)``):
    max(x, lo) as ``clamp0(x)`` (lo = 0) or ``lo + clamp0(x − lo)``, then min(y, hi) as ``hi −
    clamp0(hi − y)`` — exactly min(max(x, lo), hi), with PyTorch's derivative at a bound: clamp
    passes the gradient on lo ≤ x ≤ hi (clamp0'(0) = 1), so it is 1 at x = lo and at x = hi."""
    given = not _is_none(lo) or not _is_none(hi)
    lo = None if _infinity(lo) == -1 else lo  # clamp(x, 1, float('inf')): no upper bound
    hi = None if _infinity(hi) == 1 else hi
    if _is_none(lo) and _is_none(hi):
        if given:  # both bounds infinite, outward: x itself
            return x
        raise SpellingError(catalog.said("spec.spelling.clip_1", name=name))
    if not _is_none(lo) and not _is_none(hi) and not _zero(lo) and EXACT_BOUNDS.get():
        return _between_bounds(lo, hi, x, "clamp0", "relu")  # type: ignore[arg-type]
    out = x
    if not _is_none(lo):
        zero = isinstance(lo, ast.Constant) and lo.value == 0
        low = _call("clamp0", out if zero else _sub(out, lo))  # type: ignore[arg-type]
        out = low if zero else _add(lo, low)  # type: ignore[arg-type]
    if not _is_none(hi):
        out = _sub(hi, _call("clamp0", _sub(hi, out)))  # type: ignore[arg-type]
    return out


def _hardclip(lo: ast.expr, hi: ast.expr, x: ast.expr) -> ast.expr:
    """``hardtanh``/``relu6`` (and ``hardsigmoid``, ``hardswish`` through relu6): max(x, lo) as
    ``lo + relu(x − lo)`` (``relu(x)`` for lo = 0), then ``hi − relu(hi − y)`` — the same values
    as clamp, with PyTorch's derivative at a bound: hardtanh passes the gradient only on
    lo < x < hi, so it is 0 at x = lo and at x = hi."""
    if _zero(lo):
        return _sub(hi, _call("relu", _sub(hi, _call("relu", x))))
    if EXACT_BOUNDS.get():
        return _between_bounds(lo, hi, x, "relu", "clamp0")
    return _sub(hi, _call("relu", _sub(hi, _add(lo, _call("relu", _sub(x, lo))))))


def _zero(v: ast.expr) -> bool:
    return isinstance(v, ast.Constant) and v.value == 0


# A spec whose given values put a two-sided clamp's input on its upper bound where float64's
# ``lo + (x − lo)`` misses x (derive.lang.domains.moved_bounds) is read again with this set
# (derive.lang.spec.parse): its clamps in the form whose float comparisons are PyTorch's.
EXACT_BOUNDS: contextvars.ContextVar[bool] = contextvars.ContextVar("exact_bounds", default=False)
# With EXACT_BOUNDS, the exact [constants] (and [dims]): a bound written with their names
# (``torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)``) is read as its number, so that ``x − hi``
# is one float64 subtraction, as PyTorch compares x with hi (SymPy would regroup
# ``ratio − (1 + clip_eps)`` as ``ratio − 1 − clip_eps``, an ulp off 0 at ratio = 1.2).
BOUND_VALUES: contextvars.ContextVar[Mapping[str, Fraction]] = contextvars.ContextVar(
    "bound_values", default={}
)


def _bound_number(bound: ast.expr) -> ast.expr:
    """``bound`` as its exact number when it is an expression of numbers and
    :data:`BOUND_VALUES` names only (else ``bound`` itself): 1.2 for ``1 + clip_eps``."""
    values = BOUND_VALUES.get()
    if not values or isinstance(bound, ast.Constant):
        return bound

    def value(n: ast.expr) -> Fraction | None:
        if isinstance(n, ast.Constant) and type(n.value) in (int, float):
            return Fraction(repr(n.value)) if isinstance(n.value, float) else Fraction(n.value)
        if isinstance(n, ast.Name):
            return Fraction(values[n.id]) if n.id in values else None
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub | ast.UAdd):
            v = value(n.operand)
            return None if v is None else (-v if isinstance(n.op, ast.USub) else v)
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
            a, b = value(n.left), value(n.right)
            if a is None or b is None or (isinstance(n.op, ast.Div) and b == 0):
                return None
            return a + b if isinstance(n.op, ast.Add) else a - b if isinstance(
                n.op, ast.Sub
            ) else a * b if isinstance(n.op, ast.Mult) else a / b
        return None

    v = value(bound)
    if v is None:
        return bound
    if Fraction(repr(float(v))) == v:
        return _num(float(v)) if v.denominator != 1 else _num(int(v))
    return _div(_num(v.numerator), _num(v.denominator))


def _between_bounds(lo: ast.expr, hi: ast.expr, x: ast.expr, f: str, g: str) -> ast.expr:
    """min(max(x, lo), hi) as ``lo + F(x − lo) − G(x − hi)``: exactly the clamp, and in float64
    too each bound is decided by the sign of ``x − lo`` or ``x − hi``, which rounding never
    changes (x − hi is 0 exactly when x is hi), so the branch is PyTorch's ``x < lo``/``x >
    hi`` with the same float64 bounds (``lo + (x − lo)`` can miss x by an ulp: −0.3 + 0.7 is
    0.39999999999999997). F = clamp0, G = relu for clamp (gradient 1 at both bounds), F = relu,
    G = clamp0 for hardtanh (0 at both). Used only where that ulp moves a given value (see
    :data:`EXACT_BOUNDS`): the nested form prints as clip(x, lo, hi) with one indicator, this one
    as the two max(·, 0) it is."""
    lo, hi = _bound_number(lo), _bound_number(hi)
    return _sub(_add(lo, _call(f, _sub(x, lo))), _call(g, _sub(x, hi)))


def _elu(x: ast.expr, alpha: ast.expr) -> ast.expr:
    """The language's ``elu(x, α)`` (the operation table's row: x for x > 0, α(eˣ − 1) below,
    PyTorch's gradient α at 0). (Before round 39 it was spelled relu(x) + α(exp(x − relu(x)) −
    1): right numbers, but the handouts taught a ReLU unit and a three-term slope.)"""
    return ast.Call(ast.Name("elu", ast.Load()), [x, alpha], [])


def _gelu(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "gelu", ("x", "approximate"), 1)
    x = a["x"]
    given = a.get("approximate")
    if isinstance(given, ast.Constant) and isinstance(given.value, bool):
        # TensorFlow's and JAX's approximate=True/False (JAX's default is True: the tanh form)
        given = ast.Constant("tanh" if given.value else "none")
    form = _text(given, "tanh" if how in JAX else "none", "gelu(approximate=…)")
    if form == "none":  # PyTorch's default: the exact x·Φ(x) = x/2·(1 + erf(x/√2))
        # √2 exact (PyTorch multiplies by the float64 M_SQRT1_2, one rounding away): the
        # textbook slope Φ(x) + x·e^{−x²/2}/√(2π) a student writes is then exactly derive's
        return _mul(_mul(_num(0.5), x), _add(_num(1), _call("erf", _div(x, _call("sqrt", _num(2))))))
    if form != "tanh":
        raise SpellingError(catalog.said("spec.spelling.gelu_1"))
    c = _bin(_div(_num(2), _num(math.pi)), ast.Pow(), _num(0.5))
    inner = _mul(c, _add(x, _mul(_num(0.044715), _bin(x, ast.Pow(), _num(3)))))
    return _mul(_mul(_num(0.5), x), _add(_num(1), _call("tanh", inner)))


def _norm(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "norm", ("x", "ord", "axis", "keepdims", "p"), 1)
    order = a.get("ord", a.get("p"))
    fro = isinstance(order, ast.Constant) and order.value == "fro"
    two = isinstance(order, ast.Constant) and order.value == 2
    # PyTorch's norm (torch.norm, x.norm(): NumPy arrays have no such method; p= is PyTorch's
    # keyword) of p=2 over everything is the Frobenius norm; NumPy's ord=2 of a matrix is not
    torch = how in ("torch", "method") or "p" in a
    # p=1 (L1 regularisation's torch.norm(w, 1), w.norm(p=1)): PyTorch's over everything and
    # NumPy's along an axis are sum(|x|); NumPy's ord=1 of a whole matrix (the largest column
    # sum) is not
    one = isinstance(order, ast.Constant) and order.value == 1 and type(order.value) is not bool
    vector = not _is_none(a.get("axis")) or torch
    if one and vector:
        return _call("sum", _call("abs", a["x"]), **_axis_kw(a.get("axis"), a.get("keepdims")))
    if not (_is_none(order) or fro or (two and vector)):
        raise SpellingError(catalog.said("spec.norm_order"))
    sq = _bin(a["x"], ast.Pow(), _num(2))
    root = _norm_root(how in ("torch", "method", "torch.linalg") or "p" in a)
    return _call(root, _call("sum", sq, **_axis_kw(a.get("axis"), a.get("keepdims"))))


def _norm_root(torch: bool) -> str:
    """The square root of a 2-norm: PyTorch's norms (``torch.norm``, ``torch.linalg.norm``/
    ``vector_norm``, ``x.norm()``) give a zero vector the gradient 0, so theirs is the table's
    ``sqrt0`` (√, with derivative 0 at 0); NumPy's, JAX's and TensorFlow's are ``sqrt`` (JAX's
    and TensorFlow's gradient there is NaN; a zero vector is refused naming it)."""
    return "sqrt0" if torch else "sqrt"


def _normalize(node: ast.Call, how: str) -> ast.expr:
    """``F.normalize(x, p=2, dim=1)``: x divided by the 2-norms along ``dim`` (its ``eps``, a
    floor of 1e-12 on the norm, is left out as cosine_similarity's is: a norm that small is a
    non-finite value, refused anyway)."""
    a = _bound(node, "normalize", ("x", "p", "axis", "eps"), 1)
    p = a.get("p")
    ax = a.get("axis", ast.Constant(1))
    if _p_one(p):  # the 1-norm sum(|x|): abs's kink at 0 with PyTorch's 0, as its p=1 norm
        l1 = _call("sum", _call("abs", a["x"]), axis=ax, keepdims=ast.Constant(True))
        return _div(a["x"], l1)
    if not (_is_none(p) or isinstance(p, ast.Constant) and p.value == 2):
        raise SpellingError(catalog.said("spec.spelling.normalize_1"))
    sq = _bin(a["x"], ast.Pow(), _num(2))
    norm = _call("sqrt", _call("sum", sq, axis=ax, keepdims=ast.Constant(True)))
    return _div(a["x"], norm)


def _epsilon(node: ast.Call, how: str) -> ast.expr | None:
    """Keras' ``K.epsilon()``: its default fuzz factor 1e-7."""
    if how not in KERAS or node.args or node.keywords:
        return None
    return _num(1e-7)


def _keras_args(node: ast.Call, how: str, name: str, backend: tuple[str, ...]) -> dict:
    """The arguments of a Keras cross-entropy by the backend's names (target, output, …): the
    losses module's ``(y_true, y_pred, from_logits, label_smoothing, axis)`` renamed."""
    if how not in KERAS_LOSSES:
        return _bound(node, name, backend, 2)
    a = _bound(node, name, ("y_true", "y_pred", "from_logits", "label_smoothing", "axis"), 2)
    a["target"], a["output"] = a.pop("y_true"), a.pop("y_pred")
    return a


def _smoothing(a: dict) -> ast.expr | None:
    """``label_smoothing=`` of Keras' losses functions, ``None`` where it is absent or 0."""
    eps = a.get("label_smoothing")
    if _is_none(eps) or isinstance(eps, ast.Constant) and eps.value == 0:
        return None
    return eps


def _keras_cce(node: ast.Call, how: str) -> ast.expr:
    """Keras' ``K.categorical_crossentropy(target, output)`` (per row, 1-D: a row), as its
    backend computes it: the rows of ``output`` scaled to sum to 1, clipped to [ε, 1 − ε] with
    ε = ``K.epsilon()`` = 1e-7, then ``−Σ target·log``; ``from_logits=True``: ``−Σ target ·
    log_softmax(output)``. ``keras.losses.categorical_crossentropy(y_true, y_pred, from_logits,
    label_smoothing=ε)`` is the same of the target ``(1 − ε)·y + ε/K`` (K classes), so each row's
    loss is ``(1 − ε)·(−Σ y·log p) − ε·mean(log p)``."""
    backend = ("target", "output", "from_logits", "axis")
    a = _keras_args(node, how, "categorical_crossentropy", backend)
    if _axis_value(a.get("axis", _num(-1))) != 1:
        raise SpellingError(catalog.said("spec.spelling.keras_cce_1"))
    y, out = a["target"], a["output"]
    if _flag(a.get("from_logits"), False, "categorical_crossentropy(from_logits=…)"):
        logp = _call("log_softmax", out)
    else:
        rows = _div(out, _call("sum", out, axis=_num(1), keepdims=ast.Constant(True)))
        logp = _call("log", _call("clip", rows, _num(1e-7), _num(1 - 1e-7)))
    row = _neg(_call("sum", _mul(y, logp), axis=_num(1)))
    eps = _smoothing(a)
    if eps is not None:
        row = _sub(_mul(_sub(_num(1), eps), row), _mul(eps, _call("mean", logp, axis=_num(1))))
    return _t(row)


def _keras_sparse_cce_hn29(node: ast.Call, how: str) -> ast.expr:
    """heldnets29: Keras' ``sparse_categorical_crossentropy(y_true, y_pred, from_logits=False,
    ignore_class=None, axis=-1)`` (``K.sparse_categorical_crossentropy(target, output, …)``):
    the per-row loss of class indices ``y_true``, 1-D as Keras returns it. From logits it is
    ``F.cross_entropy(z, y, reduction='none')``; from probabilities the rows of ``y_pred`` are
    scaled to sum to 1 and clipped to [ε, 1 − ε] (ε = 1e-7), as categorical_crossentropy does,
    and the class's ``−log`` is picked (``F.nll_loss(…, reduction='none')``)."""
    if how in KERAS_LOSSES:
        names = ("y_true", "y_pred", "from_logits", "ignore_class", "axis")
        a = _bound(node, "sparse_categorical_crossentropy", names, 2)
        a["target"], a["output"] = a.pop("y_true"), a.pop("y_pred")
        if not _is_none(a.get("ignore_class")):
            raise SpellingError(catalog.said("spec.spelling.keras_sparse_ignore_hn29"))
    else:
        backend = ("target", "output", "from_logits", "axis")
        a = _bound(node, "sparse_categorical_crossentropy", backend, 2)
    if _axis_value(a.get("axis", _num(-1))) != 1:
        raise SpellingError(catalog.said("spec.spelling.keras_cce_1"))
    y, out = a["target"], a["output"]
    if isinstance(y, ast.Name):
        # heldnets43: Keras takes the class indices [N] or [N, 1] (its usual layout, a column
        # squeezed when its rank is y_pred's): PyTorch's 1-D targets, y.squeeze(-1)
        # (Spec.column_labels_hn43); unsqueezed, a column was broadcast over the classes: ✓ on a
        # wrong value
        y = ast.Call(ast.Attribute(y, "squeeze", ast.Load()), [ast.Constant(-1)], [])
    none = [ast.keyword("reduction", ast.Constant("none"))]
    if _flag(a.get("from_logits"), False, "sparse_categorical_crossentropy(from_logits=…)"):
        f = ast.Attribute(ast.Name("F", ast.Load()), "cross_entropy", ast.Load())
        return ast.Call(f, [out, y], none)
    rows = _div(out, _call("sum", out, axis=_num(1), keepdims=ast.Constant(True)))
    logp = _call("log", _call("clip", rows, _num(1e-7), _num(1 - 1e-7)))
    f = ast.Attribute(ast.Name("F", ast.Load()), "nll_loss", ast.Load())
    return ast.Call(f, [logp, y], none)


def _keras_bce(node: ast.Call, how: str) -> ast.expr:
    """Keras' ``K.binary_crossentropy(target, output)`` (per entry; the target FIRST), as the
    ``tf.keras`` backend computes it: ``output`` clipped to [ε, 1 − ε] with ε = ``K.epsilon()``
    = 1e-7, then ``−(target·log(p + ε) + (1 − target)·log(1 − p + ε))``; ``from_logits=True``:
    TensorFlow's ``sigmoid_cross_entropy_with_logits``, ``softplus(output) − target·output``.
    ``keras.losses.binary_crossentropy(y_true, y_pred, from_logits, label_smoothing=ε)``: the
    target ``(1 − ε)·y + ε/2``, and the mean over the last axis (per row, 1-D: a row)."""
    a = _keras_args(node, how, "binary_crossentropy", ("target", "output", "from_logits"))
    y, out = a["target"], a["output"]
    eps = _smoothing(a)
    if eps is not None:
        y = _add(_mul(_sub(_num(1), eps), y), _div(eps, _num(2)))  # type: ignore[arg-type]
    if _flag(a.get("from_logits"), False, "binary_crossentropy(from_logits=…)"):
        elem = _sub(_call("softplus", out), _mul(y, out))
    else:
        e = _num(1e-7)
        p = _call("clip", out, e, _num(1 - 1e-7))
        pos = _mul(y, _call("log", _add(p, e)))
        neg = _mul(_sub(_num(1), y), _call("log", _add(_sub(_num(1), p), e)))
        elem = _neg(_add(pos, neg))
    if how not in KERAS_LOSSES:
        return elem
    if _axis_value(a.get("axis", _num(-1))) != 1:
        raise SpellingError(catalog.said("spec.spelling.keras_bce_axis"))
    return _t(_call("mean", elem, axis=_num(1)))


def _keras_mean_error(power: int) -> Callable[[ast.Call, str], ast.expr]:
    """Keras' ``keras.losses.mean_squared_error(y_true, y_pred)`` (``MSE``) and
    ``mean_absolute_error`` (``MAE``): per example, the mean over the last axis of
    ``(y_true − y_pred)²`` or ``|y_true − y_pred|`` (1-D: a row, as the cross-entropies)."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, "mean_squared_error" if power == 2 else "mean_absolute_error",
                   ("y_true", "y_pred"), 2)
        r = _sub(a["y_true"], a["y_pred"])
        elem = _bin(r, ast.Pow(), _num(2)) if power == 2 else _call("abs", r)
        return _t(_call("mean", elem, axis=_num(1)))

    return rewrite


def _keras_per_example_loss(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """Keras' per-example losses as ``keras/src/losses/losses.py`` (and tf.keras 2) define them,
    ε = ``K.epsilon()`` = 1e-7, each a row of per-example values (1-D: a row) reduced over the
    last axis: ``log_cosh`` mean(x + softplus(−2x) − log 2) of x = y_pred − y_true;
    ``kl_divergence`` Σ t·log(t/p) of both clipped to [ε, 1]; ``poisson`` mean(p − t·log(p + ε));
    ``cosine_similarity`` −Σ of the two l2-normalised along ``axis`` (−1); ``categorical_hinge``
    max(0, max((1 − t)·p) − Σ t·p + 1); ``mape`` 100·mean|(t − p)/max(|t|, ε)|; ``msle``
    mean((log(max(p, ε) + 1) − log(max(t, ε) + 1))²)."""
    kind = KERAS_MORE_LOSSES[name]

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("y_true", "y_pred", "axis"), 2)
        if _axis_value(a.get("axis", _num(-1))) != 1:
            raise SpellingError(catalog.said("spec.spellings24.keras_axis", name=name))
        t, p = a["y_true"], a["y_pred"]
        eps = _num(1e-7)
        last = {"axis": _num(1)}
        if kind == "log_cosh":
            x = _sub(p, t)
            elem = _sub(_add(x, _call("softplus", _mul(_num(-2.0), x))), _call("log", _num(2.0)))
            return _t(_call("mean", elem, **last))
        if kind == "kl_divergence":
            tc, pc = _call("clip", t, eps, _num(1)), _call("clip", p, eps, _num(1))
            return _t(_call("sum", _mul(tc, _call("log", _div(tc, pc))), **last))
        if kind == "poisson":
            elem = _sub(p, _mul(_count(t), _call("log", _add(p, eps))))
            return _t(_call("mean", elem, **last))
        if kind == "cosine_similarity":
            def unit(v: ast.expr) -> ast.expr:
                sq = _call("sum", _bin(v, ast.Pow(), _num(2)), axis=_num(1), keepdims=ast.Constant(True))
                return _div(v, _call("sqrt", _call("maximum", sq, _num(1e-12))))
            return _t(_neg(_call("sum", _mul(unit(t), unit(p)), **last)))
        if kind == "categorical_hinge":
            pos = _call("sum", _mul(t, p), **last)
            neg = _call("amax", _mul(_sub(_num(1), t), p), **last)  # reduce_max: ties share
            # Keras' maximum(·, 0.0): TensorFlow gives a tie's gradient to the first side,
            # PyTorch and JAX split it — read as relu, a tie at given values refused (round 47)
            return _t(_call("maximum", _add(_sub(neg, pos), _num(1)), _num(0.0)))
        if kind == "mape":
            diff = _call("abs", _div(_sub(t, p), _call("maximum", _call("abs", t), eps)))
            return _t(_mul(_num(100.0), _call("mean", diff, **last)))
        first = _call("log", _add(_call("maximum", p, eps), _num(1.0)))
        second = _call("log", _add(_call("maximum", t, eps), _num(1.0)))
        return _t(_call("mean", _bin(_sub(first, second), ast.Pow(), _num(2)), **last))

    return rewrite


def _add_n(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.add_n([a, b, …])``: ``a + b + …`` (a list or tuple written out)."""
    a = _bound(node, "add_n", ("inputs", "name"), 1)
    terms = a["inputs"]
    if not isinstance(terms, ast.List | ast.Tuple) or not terms.elts:
        raise SpellingError(catalog.said("spec.spelling.add_n_1"))
    out = terms.elts[0]
    for t in terms.elts[1:]:
        out = _add(out, t)
    return out


def _diff(node: ast.Call, how: str) -> ast.expr:
    """NumPy's ``np.diff(a, n=1, axis=-1)`` and PyTorch's ``torch.diff(x, n=1, dim=-1)``
    (``x.diff(dim=0)``): neighbouring differences along the axis, ``x[..., 1:] − x[..., :-1]``
    (along axis 0 ``x[1:] − x[:-1]``), ``n`` times; ``prepend=``/``append=`` (a tensor, or
    NumPy's number) joined to x along the axis first, as both libraries do."""
    a = _bound(node, "diff", ("x", "n", "axis", "prepend", "append"), 1)
    times = a.get("n", _num(1))
    if not (isinstance(times, ast.Constant) and type(times.value) is int and 1 <= times.value <= 3):
        raise SpellingError(catalog.said("spec.spelling.diff_1"))
    along = _axis_value(a.get("axis", _num(-1)))
    x = a["x"]
    ends = [a.get(k) for k in ("prepend", "append")]
    if any(not _is_none(e) for e in ends):  # joined to x along the axis, then differenced
        before, after = (None if _is_none(e) else _diff_end(e, x, along) for e in ends)
        parts = [p for p in (before, x, after) if p is not None]
        x = _call("concat", *parts, axis=_num(0 if along == 0 else 1))

    def cut(x: ast.expr, lo: int | None, hi: int | None) -> ast.expr:
        part = ast.Slice(None if lo is None else _num(lo), None if hi is None else _num(hi))
        if along == 0:
            return ast.Subscript(x, part, ast.Load())
        index = ast.Tuple([ast.Constant(...), part], ast.Load())
        return ast.Subscript(x, index, ast.Load())

    out = x
    for _ in range(times.value):
        out = _sub(cut(out, 1, None), cut(out, None, -1))
    return out


def _diff_end(end: ast.expr, x: ast.expr, along: int | None) -> ast.expr:
    """What ``prepend=``/``append=`` joins to ``x``: a tensor as it is; a number (NumPy
    broadcasts it to one slice along the axis) as a slice of x times 0 plus the number — its
    value the number, no gradient to x."""
    number = isinstance(end, ast.Constant) or (
        isinstance(end, ast.UnaryOp) and isinstance(end.operand, ast.Constant)
    )
    if not number:
        return end
    first = ast.Slice(_num(0), _num(1))
    index = first if along == 0 else ast.Tuple([ast.Constant(...), first], ast.Load())
    return _add(_mul(ast.Subscript(x, index, ast.Load()), _num(0)), end)


def _number_cast(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """NumPy's ``np.float64(0.5)`` / ``np.float32(x)``: the value itself (derive computes exactly;
    a cast to float32 is read in float64, as ``.float()`` is)."""
    return _one(name, lambda x: x)


def _cosine(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "cosine_similarity", ("x1", "x2", "axis", "eps"), 2)
    ax = a.get("axis", _num(1))
    x1, x2 = a["x1"], a["x2"]

    def s(e: ast.expr) -> ast.expr:
        return _call("sum", e, axis=ax, keepdims=ast.Constant(True))

    n1 = _call("sqrt", s(_bin(x1, ast.Pow(), _num(2))))
    n2 = _call("sqrt", s(_bin(x2, ast.Pow(), _num(2))))
    cos = _div(s(_mul(x1, x2)), _mul(n1, n2))
    # PyTorch's result drops the axis: along rows it is 1-D, a row (times a 1-D weight:
    # element-wise); along columns the [1, k] row is that already
    return _t(cos) if _axis_value(ax) == 1 else cos


# losses whose ``weight=`` the rewrite reads (a rescaling of each entry or class)
_WEIGHTED = frozenset(
    {"binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy", "nll_loss",
     "multilabel_soft_margin_loss"}
)


def _loss2(
    name: str, params: tuple[str, ...], build: Callable[[dict[str, ast.expr], str], ast.expr]
) -> Callable[[ast.Call, str], ast.expr]:
    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, params, 2)
        if name in _WEIGHTED and _is_none(a.get("weight")):
            a.pop("weight", None)
        if _no_label(a.get("ignore_index")):
            a.pop("ignore_index")  # PyTorch's default −100: no class label equals it
        if _is_none(a.get("ignore_index")):
            a.pop("ignore_index", None)
        elif name in ("cross_entropy", "nll_loss") and _INDEX_MARK in a:
            a["ignore_index"] = _num(_ignored_class(a["ignore_index"], name))
        for bad in ("weight", "size_average", "reduce", "ignore_index"):
            if bad == "weight" and name in _WEIGHTED:
                continue
            if bad == "ignore_index" and name in ("cross_entropy", "nll_loss") and bad in a:
                if _INDEX_MARK in a:
                    continue
                raise SpellingError(catalog.said("spec.spelling.rewrite_8", name=name))
            if bad == "ignore_index" and not _is_none(a.get(bad)):
                raise SpellingError(catalog.said("spec.spelling.rewrite_9", name=name))
            if not _is_none(a.get(bad)):
                raise SpellingError(catalog.said("spec.spelling.rewrite_10", name=name, bad=bad))
        target = a.get("target")
        if name in ("cross_entropy", "nll_loss") and target is not None and _arange(target):
            raise SpellingError(
                catalog.said(
                    "spec.spelling.rewrite_3", name=name, x=ast.unparse(target), name2=name
                )
            )
        return build(a, _text(a.get("reduction"), "mean", f"{name}(reduction=…)"))

    return rewrite


def _ignored_class(v: ast.expr, name: str) -> int:
    """The class ``k ≥ 0`` of ``ignore_index=k`` (a whole number written in the text)."""
    if isinstance(v, ast.Constant) and type(v.value) is int and v.value >= 0:
        return v.value
    raise SpellingError(catalog.said("spec.spelling.ignored_class_1", name=name))


def _kept_rows(y: ast.expr, k: int) -> ast.expr:
    """``1 − y[:, k:k+1]``: 1 for the rows whose class (one-hot row of ``y``) is not ``k``, the
    rows PyTorch's ``ignore_index=k`` keeps (an ``[m, 1]`` column)."""
    col = ast.Subscript(
        y,
        ast.Tuple([ast.Slice(), ast.Slice(_num(k), _num(k + 1))], ast.Load()),
        ast.Load(),
    )
    return _sub(_num(1), col)


def _no_label(v: ast.expr | None) -> bool:
    """``ignore_index=-100`` (PyTorch's default) or any negative number: no class label is
    negative, so nothing is ignored."""
    return (
        isinstance(v, ast.UnaryOp)
        and isinstance(v.op, ast.USub)
        and isinstance(v.operand, ast.Constant)
        and type(v.operand.value) is int
        and v.operand.value > 0
    )


def _arange(v: ast.expr | None) -> bool:
    """``torch.arange(N)``, ``np.arange(N)``, ``range(N)``."""
    if not isinstance(v, ast.Call):
        return False
    f = v.func
    return (isinstance(f, ast.Attribute) and f.attr == "arange") or (
        isinstance(f, ast.Name) and f.id in ("arange", "range")
    )


def _mse(a: dict[str, ast.expr], r: str) -> ast.expr:
    if r == "mean":
        return _call("mse", a["input"], a["target"])
    if r == "sum":
        return _call("sse", a["input"], a["target"])
    return _reduce(_bin(_sub(a["input"], a["target"]), ast.Pow(), _num(2)), r, "mse_loss")


def _l1(a: dict[str, ast.expr], r: str) -> ast.expr:
    return _reduce(_call("abs", _sub(a["input"], a["target"])), r, "l1_loss")


def _soft_margin(a: dict[str, ast.expr], r: str) -> ast.expr:
    """``F.soft_margin_loss(x, y)`` (±1 labels): ``log(1 + exp(−y·x))`` = ``softplus(−y·x)``
    per entry, reduced."""
    elem = _call("softplus", _neg(_mul(a["target"], a["input"])))
    return _reduce(elem, r, "soft_margin_loss")


def _hinge_embedding(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``hinge_embedding_loss(x, y, margin=1)`` as it computes it for any label:
    ``where(y != 1, clamp_min(margin − x, 0), 0) + where(y != −1, x, 0)`` per entry (so
    ``x`` for y = 1 and ``max(0, margin − x)`` for y = −1; gradient 1 at exactly 0, as
    PyTorch's ``clamp_min``), reduced."""
    x, y = a["input"], a["target"]
    m = a.get("margin", _num(1.0))
    hinge = _clip(_num(0), None, _sub(m, x), "hinge_embedding_loss")  # type: ignore[arg-type]
    where = ast.Name("where", ast.Load())

    def unless(label: float, v: ast.expr) -> ast.expr:
        cond = ast.Compare(y, [ast.NotEq()], [_num(label)])
        return _where(ast.Call(where, [cond, v, _num(0)], []), "")

    return _reduce(_add(unless(1, hinge), unless(-1, x)), r, "hinge_embedding_loss")


def _multilabel_soft_margin(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``multilabel_soft_margin_loss(x, y)``: per row, the mean over the classes of
    ``−[y·log σ(x) + (1 − y)·log σ(−x)]`` = ``y·softplus(−x) + (1 − y)·softplus(x)``; 'mean'
    averages the rows (the mean of every entry), 'sum' adds them. heldnets37: ``weight=w``
    (one per class, a row) rescales each entry's loss before the mean over the classes, as
    torch/nn/functional.py computes it; 'none' is the 1-D loss of each row."""
    x, y = a["input"], a["target"]
    elem = _add(
        _mul(y, _call("softplus", _neg(x))), _mul(_sub(_num(1), y), _call("softplus", x))
    )
    if "weight" in a:
        elem = _mul(elem, a["weight"])
    if r == "mean":
        return _call("mean", elem)
    row = _call("mean", elem, axis=_num(1), keepdims=_num(True))
    return _per_row(row, r, "multilabel_soft_margin_loss")


def _flag(v: ast.expr | None, default: bool, what: str) -> bool:
    if v is None:
        return default
    if isinstance(v, ast.Constant) and isinstance(v.value, bool):
        return v.value
    raise SpellingError(catalog.said("spec.spelling.flag_1", what=what))


def _poisson(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``poisson_nll_loss``: ``exp(x) − y·x`` for a log rate (``log_input=True``, the
    default), ``x − y·log(x + eps)`` for a rate; ``full=True`` adds Stirling's term where the
    target is above 1 (:func:`_stirling`)."""
    x, y = a["input"], _count(a["target"])
    if _flag(a.get("log_input"), True, "poisson_nll_loss(log_input=…)"):
        elem = _sub(_call("exp", x), _mul(y, x))
    else:
        eps = a.get("eps", _num(1e-8))
        elem = _sub(x, _mul(y, _call("log", _add(x, eps))))
    if _flag(a.get("full"), False, "poisson_nll_loss(full=…)"):
        elem = _add(elem, _stirling(y))
    return _reduce(elem, r, "poisson_nll_loss")


def _count(y: ast.expr) -> ast.expr:
    """A Poisson loss's target read through ``assert_count`` (an identity whose domain, ≥ 0, is
    checked entry by entry: with a negative target the loss has no minimum, yet every number
    stays finite and the frameworks accept it). Applied once: a target already so read is kept."""
    if isinstance(y, ast.Call) and isinstance(y.func, ast.Name) and y.func.id == "assert_count":
        return y
    return _call("assert_count", y)


def _stirling(y: ast.expr) -> ast.expr:
    """Stirling's approximation of log(y!), ``y·log y − y + ½·log(2π·y)``, where the target ``y``
    is above 1 and 0 elsewhere — PyTorch's ``poisson_nll_loss(full=True)`` (``target > 1``) and
    TensorFlow's ``log_poisson_loss(compute_full_loss=True)`` (0 for 0 ≤ y ≤ 1). Written
    ``g·(y·log m − y + ½·log(2π·m))`` with ``g = 1[y − 1 > 0]`` and ``m = y + 1 − g``: m is y
    where the term counts and y + 1 elsewhere, so a count of 0 takes no log of 0. The term
    reads no parameter: it moves the loss, not the gradient."""
    g = _call("relu_grad", _sub(y, _num(1)))
    m = _sub(_add(y, _num(1)), g)
    half_log = _mul(_num(0.5), _call("log", _mul(_num(2 * math.pi), m)))
    return _mul(g, _add(_sub(_mul(y, _call("log", m)), y), half_log))


def _tf_log_poisson(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.nn.log_poisson_loss(targets, log_input, compute_full_loss=False)``: per
    entry ``exp(x) − y·x`` of the log rate x, plus Stirling's term with the full loss; reduce it
    with ``tf.reduce_mean``."""
    name = "log_poisson_loss"
    a = _bound(node, name, ("targets", "log_input", "compute_full_loss", "name"), 2)
    y, x = _count(a["targets"]), a["log_input"]
    elem = _sub(_call("exp", x), _mul(y, x))
    if _flag(a.get("compute_full_loss"), False, "log_poisson_loss(compute_full_loss=…)"):
        elem = _add(elem, _stirling(y))
    return elem


def _rrelu(node: ast.Call, how: str) -> ast.expr:
    """PyTorch's ``F.rrelu(x, lower=1/8, upper=1/3, training=False)``: in evaluation (its
    default) a leaky ReLU of the fixed slope (lower + upper) / 2; in training the slope is drawn
    at random for each entry, which no derivation can state — refused."""
    a = _bound(node, "rrelu", ("x", "lower", "upper", "training", "inplace"), 1)
    if _flag(a.get("training"), False, "rrelu(training=…)"):
        raise SpellingError(catalog.said("spec.spelling.rrelu_training"))
    lower, upper = a.get("lower", _num(1 / 8)), a.get("upper", _num(1 / 3))
    return ast.Call(ast.Name("leaky_relu", ast.Load()), [a["x"], _div(_add(lower, upper), _num(2))], [])


def _bce_terms(p: ast.expr, y: ast.expr) -> ast.expr:
    return _neg(
        _add(
            _mul(y, _call("log", p)),
            _mul(_sub(_num(1), y), _call("log", _sub(_num(1), p))),
        )
    )


def _bce(a: dict[str, ast.expr], r: str) -> ast.expr:
    if "weight" in a:  # PyTorch rescales each entry's loss; 'mean' still divides by the count
        elem = _mul(a["weight"], _bce_terms(a["input"], a["target"]))
        return _reduce(elem, r, "binary_cross_entropy")
    if r == "mean":
        return _call("bce", a["input"], a["target"])
    return _reduce(_bce_terms(a["input"], a["target"]), r, "binary_cross_entropy")


def _bce_logits(a: dict[str, ast.expr], r: str) -> ast.expr:
    z, y, w = a["input"], a["target"], a.get("pos_weight")
    if "weight" in a:  # each entry's loss rescaled, as _bce
        b = {k: v for k, v in a.items() if k != "weight"}
        elem = _mul(a["weight"], _bce_logits(b, "none"))
        return _reduce(elem, r, "binary_cross_entropy_with_logits")
    if r == "mean" and _is_none(w):
        return _call("bce_logits", z, y)
    if r == "mean":
        return _call("bce", _call("sigmoid", z), y, pos_weight=w)  # type: ignore[arg-type]
    # per entry, stably: −(w·y·log σ(z) + (1 − y)·log(1 − σ(z))) = w·y·softplus(−z) +
    # (1 − y)·softplus(z), which is softplus(z) − y·z when w = 1
    if _is_none(w):
        elem = _sub(_call("softplus", z), _mul(y, z))
    else:
        elem = _add(
            _mul(_mul(w, y), _call("softplus", _neg(z))),  # type: ignore[arg-type]
            _mul(_sub(_num(1), y), _call("softplus", z)),
        )
    return _reduce(elem, r, "binary_cross_entropy_with_logits")


def _per_row(row: ast.expr, r: str, name: str) -> ast.expr:
    """Per-row losses computed as an ``[m, 1]`` column, reduced as ``reduction`` says; 'none'
    gives PyTorch's 1-D result, which broadcasts as a row (``per * w`` with ``w`` 1-D is
    element-wise there, not an outer product)."""
    return _t(row) if r == "none" else _reduce(row, r, name)


def _ce(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's cross_entropy takes logits; with probability (one-hot) targets it is
    −Σ y·log_softmax(z), divided by the batch size for 'mean'."""
    z, y = a["input"], a["target"]
    eps = a.get("label_smoothing")
    unsmoothed = _is_none(eps) or (isinstance(eps, ast.Constant) and eps.value == 0)
    ignored = a.get("ignore_index")
    if ignored is not None and not unsmoothed:
        raise SpellingError(catalog.said("spec.spelling.ce_1"))
    if "weight" in a and not unsmoothed:
        return _ce_weighted_smoothed_hn33(z, y, a["weight"], eps, r, _INDEX_MARK in a)  # type: ignore[arg-type]
    if "weight" in a or ignored is not None:  # (ignore_index with label_smoothing: refused above)
        keep = None if ignored is None else _kept_rows(y, ignored.value)  # type: ignore[attr-defined]
        return _ce_weighted(z, y, a.get("weight"), r, _INDEX_MARK in a, keep)
    if unsmoothed:
        if r == "mean":
            return _call("cross_entropy", _call("softmax", z), y)
        if r == "sum":
            return _neg(_call("sum", _mul(y, _call("log_softmax", z))))
        return _per_row(
            _neg(_call("sum", _mul(y, _call("log_softmax", z)), axis=_num(1))), r, "cross_entropy"
        )
    # label smoothing ε: the target (1 − ε)·y + ε/K, so each row's loss is
    # (1 − ε)·(−Σ y·log_softmax(z)) − ε·mean(log_softmax(z) of the row)
    smooth = _mul(eps, _call("mean", _call("log_softmax", z), axis=_num(1)))  # type: ignore[arg-type]
    if r == "mean":
        return _sub(
            _mul(_sub(_num(1), eps), _call("cross_entropy", _call("softmax", z), y)),  # type: ignore[arg-type]
            _mul(eps, _call("mean", _call("log_softmax", z))),  # type: ignore[arg-type]
        )
    row = _sub(
        _neg(_mul(_sub(_num(1), eps), _call("sum", _mul(y, _call("log_softmax", z)), axis=_num(1)))),  # type: ignore[arg-type]
        smooth,
    )
    return _per_row(row, r, "cross_entropy")


def _ce_weighted(
    z: ast.expr,
    y: ast.expr,
    w: ast.expr | None,
    r: str,
    indices: bool,
    keep: ast.expr | None = None,
) -> ast.expr:
    """``cross_entropy(z, y, weight=w)``: each row's loss −Σ_j w_j·y_ij·log_softmax(z)_ij. PyTorch's
    'mean' divides by the summed weights of the targets' classes Σ_i w_(y_i) for class indices,
    by the batch size for probability (one-hot) rows. ``keep``: the rows ``ignore_index`` keeps
    (:func:`_kept_rows`), whose weight is 0 elsewhere (left out of the sum and of the count)."""
    wy = y if w is None else _mul(w, y)
    if keep is not None:
        wy = _mul(keep, wy)
    row = _neg(_call("sum", _mul(wy, _call("log_softmax", z)), axis=_num(1)))
    if r == "mean" and indices:
        return _div(_call("sum", row), _call("sum", wy))
    return _per_row(row, r, "cross_entropy")


def _ce_weighted_smoothed_hn33(
    z: ast.expr, y: ast.expr, w: ast.expr, eps: ast.expr, r: str, indices: bool
) -> ast.expr:
    """heldnets33: ``cross_entropy(z, y, weight=w, label_smoothing=ε)`` as PyTorch computes it
    (aten LossNLL.cpp): each row's loss (1 − ε)·(−Σ_c w_c·y_ic·log_softmax(z)_ic) −
    ε·mean_c(w_c·log_softmax(z)_ic) — the weighted loss of the smoothed target (1 − ε)·y + ε/K;
    'mean' divides the sum by Σ_i w_(y_i) for class indices (as the weighted loss does, the
    smoothing term too), by the batch size for probability rows."""
    ls = _call("log_softmax", z)
    wy = _mul(w, y)
    hit = _neg(_call("sum", _mul(wy, ls), axis=_num(1)))
    row = _sub(_mul(_sub(_num(1), eps), hit), _mul(eps, _call("mean", _mul(w, ls), axis=_num(1))))
    if r == "mean" and indices:
        return _div(_call("sum", row), _call("sum", wy))
    return _per_row(row, r, "cross_entropy")


def _argmax_rows_hn25(node: ast.expr) -> ast.expr | None:
    """X of ``X.argmax(dim=1)`` / ``torch.argmax(X, dim=-1)`` / ``np.argmax(X, axis=1)`` /
    ``tf.argmax(X, 1)`` (the class of each row, not kept as a column), else ``None``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    if node.func.attr != "argmax":
        return None
    method = not module_of(node.func.value)
    args = [node.func.value, *node.args] if method else list(node.args)
    kw = {k.arg: k.value for k in node.keywords}
    axis = args[1] if len(args) > 1 else kw.get("dim", kw.get("axis"))
    keep = kw.get("keepdim", kw.get("keepdims"))
    if len(args) not in (1, 2) or set(kw) - {"dim", "axis", "keepdim", "keepdims"}:
        return None
    if keep is not None and not (isinstance(keep, ast.Constant) and keep.value is False):
        return None
    try:
        along = None if axis is None else _axis_value(axis)
    except SpellingError:
        return None
    return args[0] if along == 1 and axis is not None else None


def argmax_rows_hn37(node: ast.expr) -> ast.expr | None:
    """X of the class indices ``X.argmax(dim=1)`` (:func:`_argmax_rows_hn25`), else ``None``."""
    return _argmax_rows_hn25(node)


def argmax_labels_hn25(node: ast.Call) -> ast.Call:
    """``cross_entropy(z, Y.argmax(dim=1))`` / ``nll_loss(…)``: class indices taken from a one-hot
    (or score) matrix are read as the one-hot rows of each row's first largest entry,
    ``max_mask(Y)`` — PyTorch's argmax (the first of tied entries), constant as indices are —
    marked as class indices (PyTorch's weighted 'mean' divides by the summed weights). An
    ``ignore_index`` is left to the argmax refusal (it compares the indices themselves).
    heldnets34: ``multi_margin_loss(z, Y.argmax(1))`` (CS231n's SVM loss of one-hot targets), the
    same class indices."""
    if not isinstance(node.func, ast.Name) or node.func.id not in (
        "cross_entropy", "nll_loss", "multi_margin_loss"
    ):
        return node
    if any(k.arg == "ignore_index" for k in node.keywords):
        return node
    args, kws = list(node.args), list(node.keywords)
    if len(args) > 1:
        rows = _argmax_rows_hn25(args[1])
        if rows is not None:
            args[1] = _call("max_mask", rows)
    else:
        hit = next((k for k in kws if k.arg == "target"), None)
        rows = _argmax_rows_hn25(hit.value) if hit is not None else None
        if rows is not None:
            kws = [ast.keyword("target", _call("max_mask", rows)) if k is hit else k for k in kws]
    if rows is None:
        return node
    if all(k.arg != _INDEX_MARK for k in kws):
        kws.append(ast.keyword(_INDEX_MARK, ast.Constant(True)))
    return ast.copy_location(ast.Call(node.func, args, kws), node)


def class_indices(node: ast.Call, picks: dict[str, tuple[str, int]]) -> ast.Call:
    """``cross_entropy(z, y, weight=…)`` with ``y`` class indices (a name of ``picks``, read as
    one-hot rows): marked, since PyTorch's weighted 'mean' then divides by the summed weights."""
    assert isinstance(node.func, ast.Name)
    margin = node.func.id == "multi_margin_loss"  # reads its target only as class indices
    marked = ("weight", "ignore_index")  # what reads the class of each row
    if not margin and (
        node.func.id not in ("cross_entropy", "nll_loss")
        or all(k.arg not in marked for k in node.keywords)
    ):
        return node
    kw = {k.arg: k.value for k in node.keywords}
    y = node.args[1] if len(node.args) > 1 else kw.get("target")
    if not isinstance(y, ast.Name) or y.id not in picks:
        return node
    # ignore_index=k of a class beyond the last (k ≥ C): no label equals it, nothing is left out
    kws = [
        k
        for k in node.keywords
        if not (
            k.arg == "ignore_index"
            and isinstance(k.value, ast.Constant)
            and type(k.value.value) is int
            and k.value.value >= picks[y.id][1]
        )
    ]
    kws = [*kws, ast.keyword(_INDEX_MARK, ast.Constant(True))]
    return ast.copy_location(ast.Call(node.func, node.args, kws), node)


def _multi_margin(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``multi_margin_loss(x, y, p=1, margin=1)`` (the multiclass SVM loss of CS231n)
    with class indices ``y`` read as one-hot rows ``Y``: per row, the mean over the classes of
    ``max(0, margin − x_y + x_j)^p``, the true class left out; ``relu`` has PyTorch's gradient
    0 at the hinge."""
    if _INDEX_MARK not in a:
        raise SpellingError(catalog.said("spec.spelling.multi_margin_1"))
    x, y = a["input"], a["target"]
    p = a.get("p")
    if p is not None and not (isinstance(p, ast.Constant) and p.value in (1, 2)):
        raise SpellingError(catalog.said("spec.spelling.multi_margin_2"))
    margin = a.get("margin", _num(1))
    picked = _call("sum", _mul(x, y), axis=_num(1))  # x_y, an [N, 1] column
    hinge = _call("relu", _add(_sub(margin, picked), x))
    if isinstance(p, ast.Constant) and p.value == 2:
        hinge = _bin(hinge, ast.Pow(), _num(2))
    # the mean over all classes less the true class's term (y only ever a factor of a product)
    row = _sub(_call("mean", hinge, axis=_num(1)), _call("mean", _mul(hinge, y), axis=_num(1)))
    return _per_row(row, r, "multi_margin_loss")


def _huber(scale_by_beta: bool) -> Callable[[dict[str, ast.expr], str], ast.expr]:
    def build(a: dict[str, ast.expr], r: str) -> ast.expr:
        d = a.get("beta" if scale_by_beta else "delta", _num(1.0))
        res = _call("abs", _sub(a["input"], a["target"]))
        if scale_by_beta and isinstance(d, ast.Constant) and d.value == 0:
            return _reduce(res, r, "smooth_l1_loss")  # PyTorch: beta = 0 is the L1 loss
        q = _call("minimum", res, d)
        elem: ast.expr = _add(_mul(_num(0.5), _bin(q, ast.Pow(), _num(2))), _mul(d, _sub(res, q)))
        if scale_by_beta:
            elem = _div(elem, d)
        return _reduce(elem, r, "smooth_l1_loss" if scale_by_beta else "huber_loss")

    return build


def _dropout(node: ast.Call, how: str) -> ast.expr:
    """``F.dropout(x, p, training=False)`` (a model in evaluation mode) and a rate of 0: ``x``
    itself. In training mode it zeroes random entries, which no derivation can follow: refused
    naming the form that can (a mask given as data, scaled by 1/(1 − p))."""
    a = _bound(node, "dropout", ("input", "p", "training"), 1)
    training, p = a.get("training"), a.get("p")
    off = isinstance(training, ast.Constant) and training.value is False
    if off or (isinstance(p, ast.Constant) and p.value == 0):
        return a["input"]
    raise SpellingError(catalog.said("spec.spelling.dropout_1"))


def _kl(a: dict[str, ast.expr], r: str) -> ast.expr:
    """F.kl_div(input, target): input holds log-probabilities; Σ target·(log target − input)."""
    logq, p = a["input"], a["target"]
    log_target = a.get("log_target")
    if isinstance(log_target, ast.Constant) and log_target.value is True:
        elem = _mul(_call("exp", p), _sub(p, logq))
    else:  # PyTorch's xlogy(target, target) − target·input: 0 where the target is 0
        elem = _sub(_x_log_y(p, p), _mul(p, logq))
    if r == "batchmean":
        return _call("mean", _call("sum", elem, axis=_num(1)))
    return _reduce(elem, r, "kl_div")


def _one(name: str, build: Callable[[ast.expr], ast.expr]) -> Callable[[ast.Call, str], ast.expr]:
    def rewrite(node: ast.Call, how: str) -> ast.expr:
        return build(_bound(node, name, ("x",), 1)["x"])

    return rewrite


def _two(name: str, op: ast.operator) -> Callable[[ast.Call, str], ast.expr]:
    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("x1", "x2"), 2)
        return _bin(a["x1"], op, a["x2"])

    return rewrite


def _alpha(name: str, op: ast.operator) -> Callable[[ast.Call, str], ast.expr]:
    """``torch.add(x, y, alpha=a)`` / ``x.sub(y, alpha=a)``: PyTorch's ``x ± a·y`` (NumPy's
    ``np.add``/``np.subtract`` have no alpha; without it, ``x ± y``)."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("x1", "x2", "alpha"), 2)
        y = a["x2"] if _is_none(a.get("alpha")) else _mul(a["alpha"], a["x2"])
        return _bin(a["x1"], op, y)

    return rewrite


def _rsub(node: ast.Call, how: str) -> ast.expr:
    """``torch.rsub(x, y, alpha=1)`` = ``y − alpha·x`` (PyTorch's reversed subtraction)."""
    a = _bound(node, "rsub", ("x1", "x2", "alpha"), 2)
    x = a["x1"] if _is_none(a.get("alpha")) else _mul(a["alpha"], a["x1"])
    return _sub(a["x2"], x)


def _lerp(node: ast.Call, how: str) -> ast.expr:
    """``torch.lerp(a, b, w)`` = ``a + w·(b − a)`` (a number or a tensor weight; PyTorch's
    two-branch formula has the same value and derivatives)."""
    a = _bound(node, "lerp", ("x", "end", "weight"), 3)
    return _add(a["x"], _mul(a["weight"], _sub(a["end"], a["x"])))


def _hypot(node: ast.Call, how: str) -> ast.expr:
    """``torch.hypot(a, b)`` / ``np.hypot`` = ``sqrt(a² + b²)``."""
    a = _bound(node, "hypot", ("x1", "x2"), 2)
    sq = _add(_bin(a["x1"], ast.Pow(), _num(2)), _bin(a["x2"], ast.Pow(), _num(2)))
    return _call("sqrt", sq)


def _addc(name: str, op: ast.operator) -> Callable[[ast.Call, str], ast.expr]:
    """``torch.addcmul(x, t1, t2, value=v)`` = ``x + v·t1·t2``; ``addcdiv``: ``x + v·t1/t2``."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("x", "tensor1", "tensor2", "value"), 3)
        term = _bin(a["tensor1"], op, a["tensor2"])
        if not _is_none(a.get("value")):
            term = _mul(a["value"], term)
        return _add(a["x"], term)

    return rewrite


def _dist(node: ast.Call, how: str) -> ast.expr:
    """``torch.dist(a, b, p=2)``: the p-norm of ``a − b`` over all entries, p = 2 (the
    Euclidean distance) or p = 1 (the sum of |a − b|, abs's kink at 0 with PyTorch's 0)."""
    a = _bound(node, "dist", ("x", "other", "p"), 2)
    p = a.get("p")
    diff = _sub(a["x"], a["other"])
    if _p_one(p):
        return _call("sum", _call("abs", diff))
    if not (_is_none(p) or isinstance(p, ast.Constant) and p.value in (2, 2.0)):
        raise SpellingError(catalog.said("spec.spelling.dist_1"))
    return _call("sqrt", _call("sum", _bin(diff, ast.Pow(), _num(2))))


def _transpose(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "transpose", ("x", "dim0", "dim1"), 1)
    dims = [_axis_value(a[k]) for k in ("dim0", "dim1") if k in a]
    if len(dims) == 1 or (len(dims) == 2 and dims[0] == dims[1]):
        raise SpellingError(catalog.said("spec.spelling.transpose_1"))
    return ast.Attribute(a["x"], "T", ast.Load())


def _permute(node: ast.Call, how: str) -> ast.expr:
    """``x.permute(1, 0)`` (also ``permute((1, 0))``) of a matrix is ``x.T``; ``(0, 1)`` is x."""
    args = list(node.args)
    if len(args) == 2 and isinstance(args[1], ast.Tuple | ast.List):
        args = [args[0], *args[1].elts]
    if node.keywords or len(args) != 3 or [_axis_value(a) for a in args[1:]] not in (
        [1, 0], [0, 1], [-1, -2], [-2, -1]
    ):
        raise SpellingError(catalog.said("spec.spelling.permute_1"))
    if _axis_value(args[1]) in (1, -1):
        return ast.Attribute(args[0], "T", ast.Load())
    return args[0]


def _detach(node: ast.Call, how: str) -> ast.expr:
    raise SpellingError(catalog.said("spec.spelling.detach_1"))


def _clip_call(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "clip", ("x", "min", "max", "a_min", "a_max"), 1)
    return _clip(a.get("min", a.get("a_min")), a.get("max", a.get("a_max")), a["x"], "clip")


def _clamp_min(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "clamp_min", ("x", "min"), 2)
    return _clip(a["min"], None, a["x"], "clamp_min")


def _clamp_max(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "clamp_max", ("x", "max"), 2)
    return _clip(None, a["max"], a["x"], "clamp_max")


def _hardtanh(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "hardtanh", ("x", "min_val", "max_val"), 1)
    return _hardclip(a.get("min_val", _num(-1.0)), a.get("max_val", _num(1.0)), a["x"])


def _elu_call(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "elu", ("x", "alpha"), 1)
    return _elu(a["x"], a.get("alpha", _num(1.0)))


def _celu(node: ast.Call, how: str) -> ast.expr:
    """PyTorch's ``celu(x, alpha) = max(0, x) + min(0, alpha·(exp(x/alpha) − 1))``, that is
    ``α·elu(x/α, 1)`` (slope 1 at 0, PyTorch's); ``alpha = 1`` is ``elu(x, 1)`` itself."""
    a = _bound(node, "celu", ("x", "alpha"), 1)
    x, alpha = a["x"], a.get("alpha", _num(1.0))
    if isinstance(alpha, ast.Constant) and alpha.value == 1:
        return _elu(x, _num(1.0))
    return _mul(alpha, _elu(_div(x, alpha), _num(1.0)))


def _prelu(node: ast.Call, how: str) -> ast.expr:
    """PyTorch's ``prelu(x, a)`` (a learned slope: ``x`` for x > 0, ``a·x`` below) as
    ``a·x + (1 − a)·relu(x)``: the value and both derivatives PyTorch gives, ∂/∂x = a at 0 (its
    backward takes the slope side unless x > 0, as relu′(0) = 0 leaves ``a`` here) and
    ∂/∂a = min(x, 0)."""
    a = _bound(node, "prelu", ("x", "weight"), 2)
    x, w = a["x"], a["weight"]
    return _add(_mul(w, x), _mul(_sub(_num(1), w), _call("relu", x)))


def _hardsigmoid(x: ast.expr) -> ast.expr:
    """PyTorch's ``hardsigmoid(x) = relu6(x + 3) / 6`` (0 below −3, 1 above 3)."""
    return _div(_hardclip(_num(0), _num(6), _add(x, _num(3))), _num(6))


def _lse(x: ast.expr, axis: ast.expr | None, keepdims: ast.expr | None) -> ast.expr:
    """``logsumexp(x, axis)`` as ``mean(x − log_softmax(x), axis)``: exactly log Σ exp(x) (every
    entry of ``x − log_softmax(x)`` along the axis is that number), evaluated as stably as
    PyTorch's (log_softmax shifts by the maximum), so inputs ≥ 710, where ``exp`` overflows
    float64, stay finite. Along columns, log_softmax of the transpose; over everything, the
    logsumexp along axis 0 of the rows' logsumexps (a column)."""
    along = _axis_value(axis)

    def lsm(v: ast.expr, ax: int) -> ast.expr:
        if ax == 0:
            return _t(_call("log_softmax", _t(v)))
        return _call("log_softmax", v)

    if along is None:
        rows = _call("mean", _sub(x, lsm(x, 1)), axis=_num(1), keepdims=ast.Constant(True))
        return _call("mean", _sub(rows, lsm(rows, 0)), **_axis_kw(None, keepdims))
    return _call("mean", _sub(x, lsm(x, along)), **_axis_kw(axis, keepdims))


def _logsumexp(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "logsumexp", ("x", "axis", "keepdims"), 1)
    return _lse(a["x"], a.get("axis"), a.get("keepdims"))


def _whole_index(node: ast.AST) -> int | None:
    """A whole number written as such (``1``, ``-1``), else ``None``."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return None


def _vector_block(part: ast.expr) -> tuple[ast.expr, int] | None:
    """A 1-D part of a stack written as one row or column of a matrix — ``E[:, k]`` (a column,
    axis 0 of the part's own) or ``E[k, :]`` (a row) with ``k`` a whole number — as the block
    that keeps its axis (``E[:, k:k+1]``, ``E[k:k+1, :]``) and which of the two it is (1: a
    column, 0: a row); ``None`` for any other part (its number of axes is not known here).
    heldnets31: a window flattened (``X[0:2, 1:3].ravel()``, CS231n's im2col) is a row."""
    flat = _raveled_window_hn31(part)
    if flat is not None:
        return flat, 0
    if not isinstance(part, ast.Subscript) or not isinstance(part.slice, ast.Tuple):
        return None
    idx = part.slice.elts
    if len(idx) != 2:
        return None
    full = [isinstance(i, ast.Slice) and i.lower is None and i.upper is None and i.step is None
            for i in idx]
    for kept, (at, whole) in enumerate(((1, full[0]), (0, full[1]))):
        k = _whole_index(idx[at]) if whole else None
        if k is None:
            continue
        bounds = ast.Slice(_num(k), None if k == -1 else _num(k + 1), None)
        pick = [ast.Slice(None, None, None), ast.Slice(None, None, None)]
        pick[at] = bounds
        return ast.Subscript(part.value, ast.Tuple(pick, ast.Load()), ast.Load()), 1 - kept
    return None


def joined(parts: list[ast.expr], axis: int) -> ast.expr:
    """``concat(*parts, axis=axis)``, nested by eights (concat takes at most 8 tensors)."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) > 8:
        parts = [joined(parts[:7], axis), joined(parts[7:], axis)]
    kw = [ast.keyword("axis", ast.Constant(axis))]
    return ast.Call(ast.Name("concat", ast.Load()), parts, kw)


def _raveled_window_hn31(part: ast.expr) -> ast.expr | None:
    """heldnets31: ``X[r0:r1, c0:c1].ravel()`` (``.flatten()``, ``.reshape(-1)``, ``.view(-1)``,
    ``np.ravel(…)``, ``torch.flatten(…)``) of a window whose row bounds are whole numbers: NumPy
    flattens it row by row (C order), so it is the [1, k] row that joins the window's rows
    along axis 1, ``concat(X[r0:r0+1, c0:c1], X[r0+1:r0+2, c0:c1], …, axis=1)``; ``None`` for
    anything else."""
    inner: ast.expr | None = None
    if isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and not part.keywords:
        f = part.func
        if f.attr in ("ravel", "flatten") and not part.args:
            inner = f.value
        elif f.attr in ("reshape", "view") and len(part.args) == 1 and _whole_index(part.args[0]) == -1:
            inner = f.value
        elif (
            f.attr in ("ravel", "flatten")
            and len(part.args) == 1
            and isinstance(f.value, ast.Name)
            and f.value.id in ("np", "numpy", "jnp", "torch")
        ):
            inner = part.args[0]
    if not isinstance(inner, ast.Subscript) or not isinstance(inner.slice, ast.Tuple):
        return None
    idx = inner.slice.elts
    if len(idx) != 2 or not all(isinstance(i, ast.Slice) and i.step is None for i in idx):
        return None
    rows = idx[0]
    lo = 0 if rows.lower is None else _whole_index(rows.lower)  # type: ignore[union-attr]
    hi = None if rows.upper is None else _whole_index(rows.upper)  # type: ignore[union-attr]
    if lo is None or hi is None or not 0 <= lo < hi or hi - lo > UNROLL_MAX_HN29:
        return None
    pieces = [
        ast.Subscript(
            copy.deepcopy(inner.value),
            ast.Tuple([ast.Slice(_num(r), _num(r + 1), None), copy.deepcopy(idx[1])], ast.Load()),
            ast.Load(),
        )
        for r in range(lo, hi)
    ]
    return joined(pieces, 1)


def stack_of_vectors(node: ast.Call) -> ast.expr | None:
    """``torch.stack([a, b, …], dim)`` / ``np.stack(…, axis)`` / ``jnp.stack`` of 1-D parts each
    written as a row or a column of a matrix (spellings24): the matrix whose rows (axis 0, the
    default) or columns (axis 1, -1) are the parts, the language's ``concat`` of their blocks,
    each block a column (``E[:, k:k+1]``) or a row turned to lie along the new axis. ``None``
    (refused as before) for parts whose number of axes is not known from the text."""
    first = node.args[0] if node.args else None
    kws = {k.arg: k.value for k in node.keywords}
    if not isinstance(first, ast.List | ast.Tuple) or len(first.elts) < 2 or len(node.args) > 2:
        return None
    if set(kws) - {"axis", "dim"} or any(isinstance(p, ast.Starred) for p in first.elts):
        return None
    given = node.args[1] if len(node.args) == 2 else kws.get("axis", kws.get("dim"))
    axis = 0 if given is None else _whole_index(given)
    if axis not in (0, 1, -1, -2):
        return None
    axis %= 2
    blocks = [_vector_block(p) for p in first.elts]
    if any(b is None for b in blocks):
        return None
    # stacked along axis 1 the parts are columns, along axis 0 rows: a block lying the other
    # way is transposed
    parts = [b if lies == axis else _t(b) for b, lies in blocks]  # type: ignore[misc]
    return joined(parts, axis)


def _concat(node: ast.Call, how: str) -> ast.expr | None:
    """``torch.cat([A, B], dim=1)``, ``np.concatenate((A, B), axis=1)``, ``np.hstack([A, B])``
    (axis 1), ``np.vstack((A, B))`` / ``np.row_stack`` (axis 0), ``tf.concat([A, B], 1)`` as the
    language's ``concat(A, B, axis=k)`` (NumPy's and PyTorch's default axis is 0, the Keras
    backend's ``K.concatenate`` -1). The
    language's own ``concat(A, B, axis=1)`` (no list) is left as it is."""
    name = node.func.id  # type: ignore[union-attr]
    if name == "stack":
        stacked = stack_of_vectors(node)
        if stacked is None:
            raise SpellingError(catalog.said("spec.spelling.concat_1"))
        return stacked
    if any(isinstance(a, ast.Starred) for a in node.args) or any(
        k.arg is None for k in node.keywords
    ):
        raise SpellingError(catalog.said("spec.spelling.concat_2", name=name))
    first = node.args[0] if node.args else None
    if not isinstance(first, ast.List | ast.Tuple):
        if name == "concat":
            return None  # the language's own form
        tail = ", axis=1)" if name not in ("hstack", "vstack", "row_stack") else ")"
        raise SpellingError(catalog.said("spec.spelling2.list_of_tensors", name=name, tail=tail))
    parts = list(first.elts)
    if len(parts) < 2:
        raise SpellingError(catalog.said("spec.spelling.concat_4", name=name))
    rest = node.args[1:]
    kws = {k.arg: k.value for k in node.keywords}
    extra = sorted(set(kws) - {"axis"})
    if extra:
        raise SpellingError(catalog.said("spec.spelling.concat_5", name=name, x=extra[0]))
    if name in ("hstack", "vstack", "row_stack"):
        if rest or kws:
            raise SpellingError(catalog.said("spec.spelling.concat_6", name=name))
        axis: ast.expr = ast.Constant(1 if name == "hstack" else 0)
    else:
        if len(rest) > 1 or (rest and "axis" in kws):
            raise SpellingError(catalog.said("spec.spelling.concat_7", name=name))
        # the Keras backend's K.concatenate(tensors, axis=-1) joins along the last axis
        default = ast.Constant(-1 if how in KERAS else 0)
        axis = rest[0] if rest else kws.get("axis", default)
    return _call("concat", *parts, axis=axis)


def _nan_to_num(node: ast.Call, how: str) -> ast.expr:
    """``nan_to_num(x)`` is ``x`` wherever ``x`` is finite; derive refuses a non-finite value
    anyway (exit 2 naming it), so the identity is exact wherever derive answers."""
    a = _bound(node, "nan_to_num", ("x", "copy", "nan", "posinf", "neginf"), 1)
    return a["x"]


def _logaddexp(node: ast.Call, how: str) -> ast.expr:
    """``np.logaddexp(a, b)`` = log(eˢ + eᵇ) exactly; with one side 0 it is ``softplus`` of the
    other (the stable logistic loss ``np.logaddexp(0, -y * z)``)."""
    a = _bound(node, "logaddexp", ("x1", "x2"), 2)
    x1, x2 = a["x1"], a["x2"]
    for zero, other in ((x1, x2), (x2, x1)):
        if isinstance(zero, ast.Constant) and zero.value == 0:
            return _call("softplus", other)
    return _call("log", _add(_call("exp", x1), _call("exp", x2)))


def _outer(node: ast.Call, how: str) -> ast.expr:
    """``np.outer(u, v)``: the column of u's entries times the row of v's (NumPy flattens both,
    so a row or a column vector reads the same)."""
    a = _bound(node, "outer", ("a", "b"), 2)
    column = ast.Call(ast.Attribute(a["a"], "reshape", ast.Load()), [_num(-1), _num(1)], [])
    row = ast.Call(ast.Attribute(a["b"], "reshape", ast.Load()), [_num(1), _num(-1)], [])
    return _bin(column, ast.MatMult(), row)


def _trace(node: ast.Call, how: str) -> ast.expr:
    """``np.trace(A @ B)`` = Σ_ij A_ij B_ji = ``sum(A * B.T)`` exactly (tr(WᵀW) is the squared
    Frobenius norm); the trace of anything but a product is refused."""
    a = _bound(node, "trace", ("x",), 1)
    x = a["x"]
    if isinstance(x, ast.Call) and isinstance(x.func, ast.Attribute) and x.func.attr in (
        "dot",
        "matmul",
        "mm",
    ) and not x.keywords:
        args = x.args if len(x.args) == 2 else [x.func.value, *x.args]
        if len(args) == 2:
            x = _bin(args[0], ast.MatMult(), args[1])
    if not (isinstance(x, ast.BinOp) and isinstance(x.op, ast.MatMult)):
        raise SpellingError(catalog.said("spec.spelling.trace_1"))
    return _call("sum", _mul(x.left, _t(x.right)))


def _last_axis_shape(v: ast.expr) -> bool:
    """A ``normalized_shape`` that names one size (the last axis): ``C``, ``4``, ``(C,)``,
    ``[C]``, ``weight.shape``, ``x.shape[-1:]``."""
    if isinstance(v, ast.Tuple | ast.List):
        return len(v.elts) == 1 and _last_axis_shape(v.elts[0])
    if isinstance(v, ast.Name):
        return True
    if isinstance(v, ast.Constant):
        return type(v.value) is int
    if isinstance(v, ast.Attribute):
        return v.attr == "shape"
    if isinstance(v, ast.Subscript) and isinstance(v.value, ast.Attribute):
        s = v.slice
        last = isinstance(s, ast.Slice) and s.upper is None and s.step is None
        return v.value.attr == "shape" and last and _axis_value(s.lower) == 1  # type: ignore[union-attr]
    return False


def _layer_norm(node: ast.Call, how: str) -> ast.expr:
    """``F.layer_norm(x, normalized_shape, weight, bias, eps=1e-5)`` over the last axis:
    ``(x − mean) / sqrt(var + eps) · weight + bias`` with the biased variance (divide by n), as
    PyTorch computes it."""
    a = _bound(node, "layer_norm", ("input", "normalized_shape", "weight", "bias", "eps"), 2)
    if not _last_axis_shape(a["normalized_shape"]):
        raise SpellingError(catalog.said("spec.spelling.layer_norm_1"))
    return _normalised(a, 1)


def _rms_norm_hn32(node: ast.Call, how: str) -> ast.expr:
    """heldnets32: ``F.rms_norm(x, normalized_shape, weight=None, eps=None)`` over the last axis
    (PyTorch 2.4; LLaMA's RMSNorm): ``x / sqrt(mean(x², last axis) + eps) · weight`` — PyTorch's
    ``x · rsqrt(…)``; ``eps=None`` is ``torch.finfo(x.dtype).eps``, float64's here, the dtype
    derive's numbers and verify's PyTorch reference are computed in."""
    a = _bound(node, "rms_norm", ("input", "normalized_shape", "weight", "eps"), 2)
    if not _last_axis_shape(a["normalized_shape"]):
        raise SpellingError(catalog.said("spec.heldnets32.rms_norm"))
    x = a["input"]
    eps = a.get("eps")
    if _is_none(eps):
        eps = _num(2.0**-52)  # torch.finfo(torch.float64).eps
    squares = _call("mean", _bin(x, ast.Pow(), _num(2)), axis=_num(1))
    return _affine(_div(x, _call("sqrt", _add(squares, eps))), {"weight": a.get("weight")})


def _normalised(a: dict[str, ast.expr], axis: int) -> ast.expr:
    """``(x − mean) / sqrt(var + eps) · weight + bias`` along ``axis`` with the biased variance
    (divide by n), PyTorch's layer_norm (axis 1) and batch_norm in training (axis 0); a weight or
    bias of ``None`` is left out."""
    x = a["input"]
    row = {"axis": _num(axis)}
    xc = _sub(x, _call("mean", x, **row))
    var = _call("mean", _bin(xc, ast.Pow(), _num(2)), **row)
    return _affine(_div(xc, _call("sqrt", _add(var, a.get("eps", _num(1e-5))))), a)


def _affine(out: ast.expr, a: dict[str, ast.expr]) -> ast.expr:
    """``out · weight + bias`` of a normalisation, each left out when ``None``."""
    if not _is_none(a.get("weight")):
        out = _mul(out, a["weight"])
    if not _is_none(a.get("bias")):
        out = _add(out, a["bias"])
    return out


def _batch_norm(node: ast.Call, how: str) -> ast.expr:
    """``F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)`` of
    a [batch, features] matrix (BatchNorm1d, 李宏毅's HW2): in training the batch's own mean and
    biased variance over axis 0 (the running statistics are only updated, which changes no
    value of this forward pass); otherwise the given running statistics. PyTorch refuses
    ``training=False`` without them, and so does derive."""
    params = (
        "input", "running_mean", "running_var", "weight", "bias", "training", "momentum", "eps"
    )
    a = _bound(node, "batch_norm", params, 3)
    training = a.get("training", ast.Constant(False))
    if not (isinstance(training, ast.Constant) and type(training.value) is bool):
        raise SpellingError(catalog.said("spec.spelling.batch_norm_training"))
    if training.value:
        return _normalised(a, 0)
    if _is_none(a["running_mean"]) or _is_none(a["running_var"]):
        raise SpellingError(catalog.said("spec.spelling.batch_norm_running"))
    centred = _sub(a["input"], a["running_mean"])
    scale = _call("sqrt", _add(a["running_var"], a.get("eps", _num(1e-5))))
    return _affine(_div(centred, scale), a)


def _p_one(p: ast.expr | None) -> bool:
    """``p`` is the number 1 (not ``True``)."""
    return isinstance(p, ast.Constant) and type(p.value) in (int, float) and p.value == 1


def _p_two(a: dict[str, ast.expr], name: str) -> None:
    p = a.get("p")
    if not (_is_none(p) or isinstance(p, ast.Constant) and p.value in (2, 2.0)):
        raise SpellingError(catalog.said("spec.spelling.p_two_1", name=name))


def _distance(x1: ast.expr, x2: ast.expr, eps: ast.expr) -> ast.expr:
    """PyTorch's ``pairwise_distance``: ‖x1 − x2 + eps‖₂ of each row, as an ``[N, 1]`` column."""
    sq = _bin(_add(_sub(x1, x2), eps), ast.Pow(), _num(2))
    return _call("sqrt", _call("sum", sq, axis=_num(1), keepdims=ast.Constant(True)))


def _row_distance_hn25(a: dict[str, ast.expr], x1: ast.expr, x2: ast.expr, name: str) -> ast.expr:
    """PyTorch's ``pairwise_distance(x1, x2, p, eps)`` of each row as an ``[N, 1]`` column, for
    p = 2 (the default) or p = 1, ‖x1 − x2 + eps‖₁ (abs's kink with PyTorch's 0): shared by
    ``pairwise_distance`` and ``triplet_margin_loss``, which PyTorch computes with it."""
    eps = a.get("eps", _num(1e-6))
    if _p_one(a.get("p")):
        return _call("sum", _call("abs", _add(_sub(x1, x2), eps)), axis=_num(1),
                     keepdims=ast.Constant(True))
    _p_two(a, name)
    return _distance(x1, x2, eps)


def _pairwise_distance(node: ast.Call, how: str) -> ast.expr:
    a = _bound(node, "pairwise_distance", ("x1", "x2", "p", "eps", "keepdims"), 2)
    d = _row_distance_hn25(a, a["x1"], a["x2"], "pairwise_distance")
    keep = a.get("keepdims")
    # without keepdim PyTorch's result is 1-D: a row, as derive reads 1-D vectors
    return d if isinstance(keep, ast.Constant) and keep.value is True else _t(d)


def _cdist(node: ast.Call, how: str) -> ast.expr:
    """``torch.cdist(x1, x2)`` (p = 2, courses' pairwise distances): entry (i, j) is ‖x1_i −
    x2_j‖₂, the rows' distances, written as ``sqrt0(Σ x1_i² + Σ x2_j² − 2 x1_i·x2_j)`` — the
    square root whose derivative at 0 is 0, as PyTorch's cdist gives a zero distance (measured:
    that pair adds nothing to either gradient). Other ``p`` are refused naming the written-out
    form; ``compute_mode`` changes only PyTorch's float rounding."""
    a = _bound(node, "cdist", ("x1", "x2", "p", "compute_mode"), 2)
    p = a.get("p")
    if not (_is_none(p) or isinstance(p, ast.Constant) and type(p.value) in (int, float)
            and p.value == 2):
        raise SpellingError(catalog.said("spec.spelling.gaps9_cdist_p"))
    x1, x2 = a["x1"], a["x2"]

    def sq(x: ast.expr) -> ast.expr:
        return _call("sum", _bin(x, ast.Pow(), _num(2)), axis=_num(1), keepdims=ast.Constant(True))

    dots = _bin(x1, ast.MatMult(), _t(x2))
    return _call("sqrt0", _sub(_add(sq(x1), _t(sq(x2))), _mul(_num(2), dots)))


def _row_losses(elem: ast.expr, r: str, name: str) -> ast.expr:
    """Per-row losses computed as an ``[N, 1]`` column, reduced; 'none' gives PyTorch's 1-D
    result, a row."""
    return _t(elem) if r == "none" else _reduce(elem, r, name)


def _triplet(a: dict[str, ast.expr], r: str) -> ast.expr:
    """``F.triplet_margin_loss(a, p, n, margin=1, p=2, eps=1e-6, swap=False)``: ``clamp_min(margin
    + d(a, p) − d(a, n), 0)`` with PyTorch's ``pairwise_distance`` (p = 2 or 1; gradient 1 at
    exactly 0, as ``clamp_min``'s); ``swap=True`` takes min(d(a, n), d(p, n)) for d(a, n)."""
    pos = _row_distance_hn25(a, a["anchor"], a["positive"], "triplet_margin_loss")
    neg = _row_distance_hn25(a, a["anchor"], a["negative"], "triplet_margin_loss")
    swap = a.get("swap")
    if not _is_none(swap) and not (isinstance(swap, ast.Constant) and swap.value is False):
        if not (isinstance(swap, ast.Constant) and swap.value is True):
            raise SpellingError(catalog.said("spec.spelling.triplet_1"))
        # heldnets25: the distance swap (Balntas et al. 2016), PyTorch's torch.min(d(a, n),
        # d(p, n)): the nearer of the negative's distances to the anchor and to the positive
        swapped = _row_distance_hn25(a, a["positive"], a["negative"], "triplet_margin_loss")
        neg = _call("minimum", neg, swapped)
    elem = _add(a.get("margin", _num(1.0)), _sub(pos, neg))
    return _row_losses(_clip(_num(0), None, elem, "triplet_margin_loss"), r, "triplet_margin_loss")


def _triplet_distance_hn37(a: dict[str, ast.expr], r: str) -> ast.expr:
    """heldnets37: ``F.triplet_margin_with_distance_loss(a, p, n, *, distance_function=None,
    margin=1, swap=False)``: with no distance function PyTorch's ``pairwise_distance`` (p = 2,
    eps = 1e-6), so :func:`_triplet`'s loss; another distance function is refused naming that
    form (write the distances out and the loss as ``clamp_min(margin + d_ap − d_an, 0)``)."""
    if not _is_none(a.get("distance_function")):
        raise SpellingError(catalog.said("spec.heldnets37.triplet_distance"))
    return _triplet({k: v for k, v in a.items() if k != "distance_function"}, r)


# PyTorch's EPSILON in cosine_embedding_loss (added to each squared norm)
_COS_EMBED_EPS = 1e-12


def _cosine_embedding(a: dict[str, ast.expr], r: str) -> ast.expr:
    """``F.cosine_embedding_loss(x1, x2, y, margin=0)``: per row ``1 − cos`` where y = 1 and
    ``clamp_min(cos − margin, 0)`` where y = −1, with PyTorch's cosine (1e-12 added to each
    squared norm); ``y`` is 1-D, one label per row."""
    x1, x2 = a["input1"], a["input2"]

    def s(e: ast.expr) -> ast.expr:
        return _call("sum", e, axis=_num(1), keepdims=ast.Constant(True))

    eps = _num(_COS_EMBED_EPS)
    mag = _mul(_add(s(_mul(x1, x1)), eps), _add(s(_mul(x2, x2)), eps))
    # the rows' cosines as PyTorch's 1-D result (a row), beside the 1-D labels
    cos = _t(_div(s(_mul(x1, x2)), _call("sqrt", mag)))
    y = a["target"]
    neg = _clip(_num(0), None, _sub(cos, a.get("margin", _num(0.0))), "cosine_embedding_loss")

    def on(label: int, loss: ast.expr) -> ast.expr:
        cond = ast.Compare(y, [ast.Eq()], [_num(label)])
        return _where(_call("where", cond, loss, _num(0)), "")

    elem = _add(on(1, _sub(_num(1), cos)), on(-1, neg))
    return _reduce(elem, r, "cosine_embedding_loss")


def _infinite(v: ast.expr) -> bool:
    """``float('-inf')``, ``-np.inf``, ``-math.inf``, ``torch.finfo(…).min``: a value derive's
    finite arithmetic cannot hold."""
    for n in ast.walk(v):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and "inf" in n.value.lower():
            return True
        if isinstance(n, ast.Attribute) and n.attr in ("inf", "infty", "Inf", "finfo", "NINF"):
            return True
    return False


# what -inf before a softmax is read as: exp(-8192 - max) is exactly 0 in float64, as exp(-inf)
# (scores above -7400); this small, not -1e9: the identity tests' 50-digit exp takes it (an
# argument beyond 1e6 is redrawn, so a mask on a parameter, A > 0, never verified with -1e9), and
# the exact example values stay within tolerance.EXAMPLE_MAX_DPS (|z| ≤ 1e4). Not -1e4: that is
# a fill users write themselves (masked_fill(mask, -1e4)), finite in PyTorch, and the checks that
# tell the -inf fill by its value (domains.masked_rows, verify.filled_targets) must not take it
# for -inf; -2**13 is a number no course writes as a fill.
MASK_FILL = -8192.0
_SOFTMAX = frozenset({"softmax"})


def _infinite_fill(node: ast.AST) -> ast.expr | None:
    """The value of ``x.masked_fill(mask, -inf)`` / ``torch.masked_fill(x, mask, -inf)`` /
    ``np.where(mask, x, -inf)`` (either branch) when it is infinite, else ``None``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    name, method = node.func.attr, not module_of(node.func.value)
    args = [*node.args, *(k.value for k in node.keywords if k.arg == "value")]
    if name == "masked_fill":
        values = args[1:2] if method else args[2:3]
    elif name == "where" and not method and len(node.args) == 3:
        values = node.args[1:3]
    else:
        return None
    return next((v for v in values if _infinite(v)), None)


def _softmax_argument(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """``node`` is what a softmax is taken of: ``F.softmax(node, dim=-1)``, ``node.softmax(-1)``,
    the logits of PyTorch's ``F.cross_entropy(node, y)`` (a softmax inside)."""
    up = parents.get(id(node))
    if isinstance(up, ast.Call) and up.args and up.args[0] is node:
        f = up.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        method = isinstance(f, ast.Attribute) and not module_of(f.value)
        if name == "cross_entropy":
            return isinstance(f, ast.Attribute) and not method  # F.cross_entropy: on logits
        return name in _SOFTMAX and not method
    if isinstance(up, ast.Attribute) and up.value is node and up.attr in _SOFTMAX:
        return isinstance(parents.get(id(up)), ast.Call)
    return False


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}


def fills_before_softmax(key: str, text: str, later: list[str]) -> str:
    """``wei.masked_fill(tril == 0, float('-inf'))`` taken a softmax of (in the same line, or
    on its own line ``key`` whose every later use is a softmax of it: nanoGPT's causal head):
    ``text`` with the -inf as :data:`MASK_FILL`, which the softmax turns into the same exact 0s
    in float64 (every row keeps an entry: a causal mask keeps the diagonal). Other infinite fills
    are left for :func:`_masked_fill` to refuse."""
    if "inf" not in text and "finfo" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text
    parents = _parents(tree)
    fills = [n for n in ast.walk(tree) if _infinite_fill(n) is not None]
    if not fills:
        return text
    whole = tree.body in fills and _only_softmax_of(key, later)
    changed = False
    for n in fills:
        if not (whole and n is tree.body or _softmax_argument(n, parents)):
            continue
        value = _infinite_fill(n)
        for k in (n.args, [kw.value for kw in n.keywords]):
            for i, a in enumerate(k):
                if a is value:
                    k[i] = _num(MASK_FILL)
        for kw in n.keywords:
            if kw.value is value:
                kw.value = _num(MASK_FILL)
        changed = True
    return ast.unparse(tree) if changed else text


def _only_softmax_of(key: str, later: list[str]) -> bool:
    """Every use of the line ``key`` in the ``later`` lines is a softmax of it (and one is)."""
    used = False
    for text in later:
        if not isinstance(text, str) or key not in text:
            continue
        tree = parsed(text)
        if tree is None:
            return False
        parents = _parents(tree)
        for n in ast.walk(tree):
            if isinstance(n, ast.Name) and n.id == key:
                if not _softmax_argument(n, parents):
                    return False
                used = True
    return used


def _masked_fill(node: ast.Call, how: str) -> ast.expr:
    """``x.masked_fill(cond, v)``: ``v`` where the comparison holds, ``x`` elsewhere (as
    ``where(cond, v, x)``: no gradient to the filled entries, as in PyTorch)."""
    a = _bound(node, "masked_fill", ("x", "mask", "value"), 3)
    if _infinite(a["value"]):
        raise SpellingError(catalog.said("spec.masked_fill_inf"))
    mask = condition_hn24(a["mask"])
    if not isinstance(mask, ast.Compare):
        raise SpellingError(catalog.said("spec.masked_fill_mask"))
    return _where(_call("where", mask, a["value"], a["x"]), how)


def _nansum(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """``np.nansum``/``np.nanmean`` are ``sum``/``mean`` wherever every entry is finite; derive
    refuses a non-finite value anyway (exit 2 naming it), so the identity is exact there."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, f"nan{name}", ("x", "axis", "dtype", "out", "keepdims"), 1)
        if not _is_none(a.get("dtype")) or not _is_none(a.get("out")):
            raise SpellingError(catalog.said("spec.spelling.rewrite_4", name=name))
        return _call(name, a["x"], **_axis_kw(a.get("axis"), a.get("keepdims")))

    return rewrite


def _average(node: ast.Call, how: str) -> ast.expr:
    """NumPy's ``np.average(x, axis)`` without weights is ``np.mean(x, axis)``; with
    ``weights=w`` it is ``sum(x * w, axis) / sum(w, axis)`` — over everything (NumPy: ``w`` the
    shape of ``x``) or along the last axis (``w`` of ``x``'s shape, or 1-D along that axis: a
    row, as the language holds it). Along axis 0 a 1-D ``w`` is a column in NumPy but a row
    here, so that form is refused with the sum written out."""
    a = _bound(node, "average", ("x", "axis", "weights", "returned", "keepdims"), 1)
    weights, axis = a.get("weights"), a.get("axis")
    if not _is_none(a.get("returned")):
        raise SpellingError(catalog.said("spec.spelling.average_1"))
    kw = _axis_kw(axis, a.get("keepdims"))
    if _is_none(weights):
        return _call("mean", a["x"], **kw)
    if not _is_none(axis) and _axis_value(axis) != 1:  # along axis 0 (or −2)
        raise SpellingError(catalog.said("spec.spelling.average_1"))
    assert weights is not None
    return _div(_call("sum", _mul(a["x"], weights), **kw), _call("sum", weights, **kw))


def _vector_norm(node: ast.Call, how: str) -> ast.expr:
    """``torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False)``: the 2-norm (or, with
    ord=1, the 1-norm) of all entries or along ``dim``."""
    a = _bound(node, "vector_norm", ("x", "ord", "axis", "keepdims", "dtype"), 1)
    order = a.get("ord")
    value = order.value if isinstance(order, ast.Constant) else None
    if not _is_none(a.get("dtype")) or not (_is_none(order) or value in (1, 2)):
        raise SpellingError(catalog.said("spec.spelling.vector_norm_1"))
    kw = _axis_kw(a.get("axis"), a.get("keepdims"))
    if value == 1:
        return _call("sum", _call("abs", a["x"]), **kw)
    return _call(_norm_root(True), _call("sum", _bin(a["x"], ast.Pow(), _num(2)), **kw))


def _reduce_tf(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """TensorFlow's ``tf.reduce_sum``/``reduce_mean``/``reduce_max``/``reduce_min``/
    ``reduce_logsumexp``/``reduce_prod(x, axis=None, keepdims=False)``: NumPy's sum, mean, max
    (the gradient split among tied entries, as TensorFlow does), min, logsumexp and prod."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        params = ("x", "axis", "keepdims", "name", "reduction_indices", "keep_dims")
        a = _bound(node, f"reduce_{name}", params, 1)
        # TF1's reduction_indices=[1] and keep_dims (the MNIST tutorial): axis and keepdims
        for old, new in (("reduction_indices", "axis"), ("keep_dims", "keepdims")):
            if old in a:
                if new in a:
                    raise SpellingError(
                        catalog.said("spec.spelling.bound_5", name=f"reduce_{name}", arg=old)
                    )
                a[new] = a.pop(old)
        axis, keep = a.get("axis"), a.get("keepdims")
        if isinstance(axis, ast.List | ast.Tuple) and len(axis.elts) == 1:
            axis = axis.elts[0]  # axis=[1]: one axis
        if name in ("max", "min"):
            return _max_of(a["x"], _axis_value(axis), keep, 1 if name == "max" else -1)
        if name == "logsumexp":
            return _lse(a["x"], axis, keep)
        if name == "prod":  # read as NumPy's np.prod (a product of named entries or blocks)
            kw = [ast.keyword(k, v) for k, v in _axis_kw(axis, keep).items()]
            np_prod = ast.Attribute(ast.Name("np", ast.Load()), "prod", ast.Load())
            return ast.Call(np_prod, [a["x"]], kw)
        return _call(name, a["x"], **_axis_kw(axis, keep))

    return rewrite


def _matmul(node: ast.Call, how: str) -> ast.expr:
    """``matmul(a, b)`` as ``a @ b``; TensorFlow's ``transpose_a``/``transpose_b`` transpose an
    operand first (``tf.matmul(Q, K, transpose_b=True)`` is ``Q @ K.T``)."""
    a = _bound(node, "matmul", ("a", "b", "transpose_a", "transpose_b"), 2)
    left, right = a["a"], a["b"]
    if _flag(a.get("transpose_a"), False, "matmul(transpose_a=…)"):
        left = _t(left)
    if _flag(a.get("transpose_b"), False, "matmul(transpose_b=…)"):
        right = _t(right)
    return _bin(left, ast.MatMult(), right)


def _matvec(node: ast.Call, how: str) -> ast.expr:
    """heldnets30: TensorFlow's ``tf.linalg.matvec(a, b)`` is ``a @ b`` of a matrix and a 1-D
    vector (``transpose_a=True``: ``a.T @ b``)."""
    a = _bound(node, "matvec", ("a", "b", "transpose_a"), 2)
    left = _t(a["a"]) if _flag(a.get("transpose_a"), False, "matvec(transpose_a=…)") else a["a"]
    return _bin(left, ast.MatMult(), a["b"])


def _linear(node: ast.Call, how: str) -> ast.expr:
    """PyTorch's ``F.linear(x, W, b)`` is ``x @ W.T + b``: the weight is stored
    [out_features, in_features], as nn.Linear keeps it."""
    a = _bound(node, "linear", ("input", "weight", "bias"), 2)
    out = _bin(a["input"], ast.MatMult(), _t(a["weight"]))
    return out if _is_none(a.get("bias")) else _add(out, a["bias"])  # type: ignore[arg-type]


def _addmm(node: ast.Call, how: str) -> ast.expr:
    """PyTorch's ``torch.addmm(b, x, W, beta=β, alpha=α)`` (nn.Linear's own call, with
    ``W.t()``) is ``β·b + α·(x @ W)``."""
    a = _bound(node, "addmm", ("input", "mat1", "mat2", "beta", "alpha"), 3)
    out: ast.expr = _bin(a["mat1"], ast.MatMult(), a["mat2"])
    if "alpha" in a:
        out = _mul(a["alpha"], out)
    b = a["input"] if "beta" not in a else _mul(a["beta"], a["input"])
    return _add(b, out)


def _einsum(node: ast.Call, how: str) -> ast.expr:
    """``np.einsum``/``torch.einsum`` of one or two matrices (``->`` written or implicit): a matrix
    product (``'ij,jk->ik'``, with either side transposed), an element-wise product
    (``'ij,ij->ij'``), a transpose (``'ij->ji'``), or the sum of everything (``'ij,ij->'``)."""
    usage = (
        "einsum() is read for one or two matrices or 1-D vectors with '->': 'ij,jk->ik' (a "
        "matrix product, either side transposed), 'ij,ij->ij', 'ij->ji', 'ij,ij->' (everything "
        "summed), 'ij,ij->i' (row-wise dot), 'ij->j', 'ij,j->i', 'i,i->', 'i,j->ij'"
    )
    if node.keywords or not node.args or not isinstance(node.args[0], ast.Constant):
        raise SpellingError(usage)
    text = einsum_explicit(node.args[0].value)  # 'ij,jk' is 'ij,jk->ik', as NumPy reads it
    ops_ = list(node.args[1:])
    if len(ops_) == 1 and isinstance(ops_[0], (ast.List, ast.Tuple)):
        ops_ = list(ops_[0].elts)  # torch.einsum('ij,jk->ik', [A, B])
    if not isinstance(text, str) or "->" not in text:
        raise SpellingError(usage)
    lhs, out = text.replace(" ", "").split("->")
    subs = lhs.split(",")
    if len(subs) >= 3 and len(subs) == len(ops_):
        return _einsum_chain(subs, out, ops_)
    vectors = (
        _einsum_vectors(subs, out, ops_)
        if len(subs) == len(ops_) and all(k.isalpha() and len(set(k)) == len(k) for k in subs)
        else None
    )
    if vectors is not None:
        return vectors
    ok = all(len(k) == 2 and k.isalpha() and k[0] != k[1] for k in subs)
    if not ok or len(subs) != len(ops_) or len(subs) not in (1, 2) or len(set(out)) != len(out):
        raise SpellingError(usage)

    def oriented(x: ast.expr, have: str, want: str) -> ast.expr:
        return x if have == want else _t(x)

    a, sa = ops_[0], subs[0]
    if len(subs) == 1:
        if len(out) == 2 and set(out) == set(sa):
            return oriented(a, sa, out)
        if out == "":
            return _call("sum", a)
        raise SpellingError(usage)
    b, sb = ops_[1], subs[1]
    shared = set(sa) & set(sb)
    if len(shared) == 2:  # element-wise
        prod = _mul(a, oriented(b, sb, sa))
        if out == "":
            return _call("sum", prod)
        if len(out) == 2 and set(out) == set(sa):
            return oriented(prod, sa, out)
        raise SpellingError(usage)
    if len(shared) != 1:
        raise SpellingError(usage)
    (k,) = shared
    i, j = sa.replace(k, ""), sb.replace(k, "")
    if set(out) != {i, j} or len(out) != 2:
        raise SpellingError(usage)
    prod = _bin(oriented(a, sa, i + k), ast.MatMult(), oriented(b, sb, k + j))
    return oriented(prod, i + j, out)


def _einsum_chain(subs: list[str], out: str, args: list[ast.expr]) -> ast.expr:
    """An einsum of three or more operands, contracted left to right in pairs: each pair keeps
    the letters a later operand or the output still needs (``'ij,jk,kl->il'`` is
    ``'ik,kl->il'`` of ``'ij,jk->ik'``; ``'bi,ij,bj->'`` is ``'bj,bj->'`` of ``'bi,ij->bj'``)
    — the same sum of products, regrouped; each pair is read as a two-operand einsum."""
    if len(subs) > 6 or not all(k.isalpha() for k in subs):
        raise SpellingError(catalog.said("spec.spelling.einsum_chain_1"))
    np_ = ast.Name("np", ast.Load())
    acc, have = args[0], subs[0]
    for i in range(1, len(subs)):
        later = set(out).union(*subs[i + 1 :])
        pair = have + subs[i]
        keep = "".join(dict.fromkeys(c for c in pair if c in later)) if i < len(subs) - 1 else out
        if len(keep) > 2:
            raise SpellingError(
                catalog.said("spec.spelling.einsum_chain_2", have=have, x=subs[i], keep=keep)
            )
        spec = ast.Constant(f"{have},{subs[i]}->{keep}")
        acc = ast.Call(ast.Attribute(np_, "einsum", ast.Load()), [spec, acc, args[i]], [])
        have = keep
    return acc


# heldnets33: a catalogue sentence (the Chinese message had this English one inside it)
DIAG_REFUSAL = catalog.said("spec.heldnets33.diag")


def _diag(node: ast.Call, how: str) -> ast.expr:
    """``np.diag(v)`` outside a matrix product (the parser reads it there): the diagonal of a
    matrix product, ``np.diag(A @ B)`` = Σ_j A_ij B_ji, NumPy's 1-D ``np.sum(A * B.T, axis=1)``;
    anything else refused."""
    product = _matrix_product(node)
    if product is None:
        raise SpellingError(DIAG_REFUSAL)
    a, b = product
    np_sum = ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load())
    return ast.Call(np_sum, [_mul(a, _t(b))], [ast.keyword("axis", _num(1))])


def _matrix_product(node: ast.Call) -> tuple[ast.expr, ast.expr] | None:
    """(A, B) of ``diag(A @ B)`` / ``diag(A.dot(B))`` / ``diag(np.matmul(A, B))`` (one argument,
    no keyword), else ``None``."""
    if len(node.args) != 1 or node.keywords:
        return None
    x = node.args[0]
    if isinstance(x, ast.BinOp) and isinstance(x.op, ast.MatMult):
        return x.left, x.right
    if isinstance(x, ast.Call) and isinstance(x.func, ast.Attribute) and not x.keywords:
        if x.func.attr in ("dot", "matmul", "mm"):
            args = x.args if module_of(x.func.value) else [x.func.value, *x.args]
            if len(args) == 2:
                return args[0], args[1]
    return None


def _expand_dims(node: ast.Call, how: str) -> ast.expr:
    """``np.expand_dims(x, 1)`` is ``x.unsqueeze(1)`` (a new axis of length 1 at that place;
    the parser reads it of a 1-D vector)."""
    a = _bound(node, "expand_dims", ("x", "axis"), 2)
    return ast.Call(ast.Attribute(a["x"], "unsqueeze", ast.Load()), [a["axis"]], [])


def einsum_explicit(text: object) -> object:
    """An ``einsum`` subscript string in implicit mode (no ``->``) with its output written out,
    by NumPy's and PyTorch's rule: the letters that appear once, in alphabetical order
    (``'ij,jk'`` is ``'ij,jk->ik'``, ``'ij,ij'`` is ``'ij,ij->'``, ``'ji'`` is ``'ji->ij'``); any
    other text as it is."""
    if not isinstance(text, str) or "->" in text or "." in text:
        return text
    letters = text.replace(" ", "").replace(",", "")
    return text + "->" + "".join(sorted(k for k in set(letters) if letters.count(k) == 1))


def einsum_one_d(text: object) -> bool:
    """``einsum(text, …)`` gives NumPy/PyTorch a 1-D result: one output letter (``'ij,ij->i'``,
    ``'ij->j'``, ``'ij,j->i'``)."""
    text = einsum_explicit(text)
    if not isinstance(text, str) or "->" not in text:
        return False
    out = text.replace(" ", "").split("->", 1)[1]
    return len(out) == 1 and out.isalpha()


def _einsum_vectors(subs: list[str], out: str, args: list[ast.expr]) -> ast.expr | None:
    """The einsum forms with a 1-D operand or result: a row-wise dot ``'ij,ij->i'`` (and
    ``'ij,ji->i'``), a sum along an axis ``'ij->j'``/``'ij->i'``, a matrix-vector product
    ``'ij,j->i'``/``'j,ij->i'``/``'i,ij->j'``, an inner product ``'i,i->'``, an outer product
    ``'i,j->ij'``, a sum ``'i->'``; ``None`` for other forms. A 1-D result is spelled as NumPy's
    reduction without keepdims (``np.sum(…, axis=1)``), which the parser reads as NumPy's 1-D
    vector."""
    np_ = ast.Name("np", ast.Load())

    def np_sum(x: ast.expr, axis: int) -> ast.expr:
        axis_kw = [ast.keyword("axis", _num(axis))]
        return ast.Call(ast.Attribute(np_, "sum", ast.Load()), [x], axis_kw)

    def dot(a: ast.expr, b: ast.expr) -> ast.expr:
        return ast.Call(ast.Attribute(np_, "dot", ast.Load()), [a, b], [])

    if len(subs) == 1:
        (sa,), (a,) = subs, args
        if len(sa) == 2 and len(out) == 1 and out in sa:
            return np_sum(a, sa.index(out) ^ 1)
        if len(sa) == 1 and out == "":
            return _call("sum", a)
        return None
    if len(subs) != 2:
        return None
    (sa, sb), (a, b) = subs, args
    if len(sa) == len(sb) == 2 and set(sa) == set(sb) and len(out) == 1 and out in sa:
        prod = _mul(a, b if sa == sb else _t(b))
        return np_sum(prod, sa.index(out) ^ 1)
    if len(sa) == len(sb) == 1:
        if sa == sb and out == "":
            return _call("sum", _mul(a, b))
        if sa != sb and out == sa + sb:
            return _outer(_call("outer", a, b), "np")
        return None
    if {len(sa), len(sb)} == {1, 2} and len(out) == 1:
        mat, mk, vec, vk = (a, sa, b, sb) if len(sa) == 2 else (b, sb, a, sa)
        if vk in mk and out in mk and out != vk:
            return dot(mat, vec) if mk == out + vk else dot(vec, mat)
    return None


def _softplus(node: ast.Call, how: str) -> ast.expr | None:
    """``F.softplus(x, beta=β)`` is ``softplus(β·x)/β``. PyTorch's ``threshold`` (default 20)
    returns x where β·x exceeds it, which differs from softplus by less than e^(−20) (2·10⁻⁹)
    in value and slope; a threshold below 20 is refused, as that difference would show."""
    a = _bound(node, "softplus", ("x", "beta", "threshold"), 1)
    if "beta" not in a and "threshold" not in a:
        return None
    t = a.get("threshold")
    if t is not None and not (isinstance(t, ast.Constant) and _real(t.value) and t.value >= 20):
        raise SpellingError(catalog.said("spec.spelling.softplus_1"))
    beta = a.get("beta")
    if _is_none(beta) or (isinstance(beta, ast.Constant) and beta.value == 1):
        return _call("softplus", a["x"])
    return _div(_call("softplus", _mul(beta, a["x"])), beta)  # type: ignore[arg-type]


def _real(v: object) -> bool:
    return type(v) in (int, float)


def _l2_loss(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.nn.l2_loss(t)`` is ``sum(t ** 2) / 2``."""
    a = _bound(node, "l2_loss", ("t", "name"), 1)
    return _div(_call("sum", _bin(a["t"], ast.Pow(), _num(2))), _num(2))


def _tf_logits_loss(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """TensorFlow's per-example losses on logits: ``tf.nn.sigmoid_cross_entropy_with_logits(
    labels=y, logits=z)`` (per entry, ``softplus(z) − y·z``) and
    ``tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=z)`` (per row, ``−Σ y ·
    log_softmax(z)``, 1-D in TensorFlow: a row); reduce them with ``tf.reduce_mean``."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("labels", "logits", "axis", "name"), 2)
        y, z = a["labels"], a["logits"]
        if name.startswith("sigmoid"):
            return _sub(_call("softplus", z), _mul(y, z))
        if _axis_value(a.get("axis", _num(-1))) != 1:
            raise SpellingError(catalog.said("spec.spelling.rewrite_5", name=name))
        return _t(_neg(_call("sum", _mul(y, _call("log_softmax", z)), axis=_num(1))))

    return rewrite


def _tf_weighted_ce(node: ast.Call, how: str) -> ast.expr:
    """``tf.nn.weighted_cross_entropy_with_logits(labels=y, logits=z, pos_weight=q)``: per entry
    ``q·y·softplus(−z) + (1 − y)·softplus(z)`` (TensorFlow's ``(1 − y)·z + (1 + (q − 1)·y)·
    log(1 + e^{−z})``, the same numbers); reduce it with ``tf.reduce_mean``."""
    name = "weighted_cross_entropy_with_logits"
    a = _bound(node, name, ("labels", "logits", "pos_weight", "name"), 3)
    y, z, q = a["labels"], a["logits"], a["pos_weight"]
    return _add(
        _mul(_mul(q, y), _call("softplus", _neg(z))),
        _mul(_sub(_num(1), y), _call("softplus", z)),
    )


def _polygamma(node: ast.Call, how: str) -> ast.expr:
    """``torch.polygamma(n, x)`` (``scipy.special.polygamma``, ``x.polygamma(n)``): ψ for n = 0
    (the table's digamma), ψ₁ for n = 1 (trigamma); a higher order, or an order that is not a
    whole number written in the text, is refused naming the two that are read."""
    params = ("input", "n") if how == "method" else ("n", "input")
    a = _bound(node, "polygamma", params, 2)
    n = a["n"]
    order = n.value if isinstance(n, ast.Constant) else None
    if type(order) is float and order.is_integer():
        order = int(order)
    if type(order) is not int or order not in (0, 1):
        raise SpellingError(catalog.said("spec.spelling.polygamma_1", n=ast.unparse(n)))
    return _call("digamma" if order == 0 else "trigamma", a["input"])


def _bias_add(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.nn.bias_add(value, bias)``: ``value + bias``, the bias broadcast over
    the rows (the last axis, TensorFlow's default data format)."""
    a = _bound(node, "bias_add", ("value", "bias", "data_format", "name"), 2)
    if not _is_none(a.get("data_format")):
        raise SpellingError(catalog.said("spec.spelling.bias_add_1"))
    return _add(a["value"], a["bias"])


# Optax's losses (JAX courses: optax.softmax_cross_entropy(logits, labels).mean()), each the
# spelling derive reads with the same numbers; the call's arguments as Optax names them
_OPTAX = {
    "softmax_cross_entropy": ("logits", "labels"),
    "softmax_cross_entropy_with_integer_labels": ("logits", "labels"),
    "sigmoid_binary_cross_entropy": ("logits", "labels"),
    "l2_loss": ("predictions", "targets"),
    "squared_error": ("predictions", "targets"),
    "huber_loss": ("predictions", "targets", "delta"),
    "log_cosh": ("predictions", "targets"),
    "hinge_loss": ("predictor_outputs", "targets"),
    "cosine_similarity": ("predictions", "targets"),
    "cosine_distance": ("predictions", "targets"),
    "kl_divergence": ("log_predictions", "targets", "axis"),
    "kl_divergence_with_log_targets": ("log_predictions", "log_targets", "axis"),
    "sigmoid_focal_loss": ("logits", "labels", "alpha", "gamma"),
    "smooth_labels": ("labels", "alpha"),
    # heldnets47 (optax/losses/_classification.py): the softmax cross-entropy with 0·log 0 = 0
    # (the same value and gradient at finite logits), PolyLoss-1 and the perceptron loss
    "safe_softmax_cross_entropy": ("logits", "labels"),
    "poly_loss_cross_entropy": ("logits", "labels", "epsilon", "axis"),
    "perceptron_loss": ("predictor_outputs", "targets"),
}


def _huber_elem(err: ast.expr, delta: ast.expr) -> ast.expr:
    """The Huber loss of an error, entry by entry: 0.5·min(|e|, δ)² + δ·(|e| − min(|e|, δ)), as
    Optax writes it (Keras' where(|e| ≤ δ, e²/2, δ|e| − δ²/2) is the same function)."""
    q = _call("minimum", _call("abs", err), delta)
    linear = _mul(delta, _sub(_call("abs", err), q))
    return _add(_mul(_num(0.5), _bin(q, ast.Pow(), _num(2))), linear)


def _keras_huber(node: ast.Call, how: str) -> ast.expr:
    """``keras.losses.huber(y_true, y_pred, delta=1.0)``: per example, the mean over the last
    axis of the Huber loss of ``y_pred − y_true`` (1-D: a row, as Keras' other losses)."""
    a = _bound(node, "huber", ("y_true", "y_pred", "delta"), 2)
    elem = _huber_elem(_sub(a["y_pred"], a["y_true"]), a.get("delta", _num(1.0)))
    return _t(_call("mean", elem, axis=_num(1)))


def _keras_huber_object(node: ast.Call) -> ast.expr:
    """``tf.keras.losses.Huber(delta=1.0)(y_true, y_pred)``: the loss object's default reduction
    (``sum_over_batch_size``), the mean of the per-example losses — the mean over every entry;
    another ``reduction=`` or a ``sample_weight`` is refused naming the function form."""
    make = node.func
    assert isinstance(make, ast.Call)
    opts = _bound(make, "Huber", ("delta", "reduction", "name"), 0)
    call = _bound(node, "Huber", ("y_true", "y_pred", "sample_weight"), 2)
    reduction = opts.get("reduction")
    if not _is_none(call.get("sample_weight")) or not (
        reduction is None
        or isinstance(reduction, ast.Constant) and reduction.value == "sum_over_batch_size"
    ):
        raise SpellingError(catalog.said("spec.spelling.keras_huber"))
    elem = _huber_elem(_sub(call["y_pred"], call["y_true"]), opts.get("delta", _num(1.0)))
    return _call("mean", elem)


def _one_hot_classes(node: ast.expr) -> ast.expr | None:
    """C of ``one_hot(y, C)`` (``jax.nn.one_hot(y, num_classes=C)``, ``tf.one_hot(y, depth=C)``,
    ``F.one_hot``), else ``None``."""
    if not isinstance(node, ast.Call):
        return None
    f = node.func
    if (f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")) != "one_hot":
        return None
    kw = {k.arg: k.value for k in node.keywords}
    return node.args[1] if len(node.args) > 1 else kw.get("num_classes", kw.get("depth"))


def _smooth_labels(a: dict[str, ast.expr]) -> ast.expr:
    """``optax.smooth_labels(labels, alpha)`` (optax/_src/loss.py): ``(1 − alpha)·labels +
    alpha/K``, K the size of the labels' last axis (``labels.shape[-1]``: the labels a tensor
    of the spec)."""
    labels, alpha = a["labels"], a["alpha"]
    classes = _one_hot_classes(labels)
    if classes is None and not isinstance(labels, ast.Name):
        raise SpellingError(catalog.said("spec.spelling.smooth_labels"))
    if classes is None:
        classes = ast.Subscript(ast.Attribute(labels, "shape", ast.Load()), _num(-1), ast.Load())
    return _add(_mul(_sub(_num(1), alpha), labels), _div(alpha, classes))


def _optax_more_hn47(name: str, a: dict[str, ast.expr], z: ast.expr, y: ast.expr) -> ast.expr | None:
    """heldnets47: Optax's ``poly_loss_cross_entropy(logits, labels, epsilon=2.0)`` — the
    softmax cross-entropy plus ε·Σ labels·(1 − softmax(logits)) along the last axis, one number
    per row — and ``perceptron_loss(outputs, targets)`` = max(0, −outputs·targets) per entry."""
    if name == "perceptron_loss":
        return _call("maximum", _neg(_mul(z, y)), _num(0.0))
    if name != "poly_loss_cross_entropy":
        return None
    axis = a.get("axis")
    if not (_is_none(axis) or _int_literal(axis) in (-1, 1)):
        raise SpellingError(catalog.said("spec.spelling.optax_axis", name=name))
    f = ast.Attribute(ast.Attribute(ast.Name("tf", ast.Load()), "nn", ast.Load()),
                      "softmax_cross_entropy_with_logits", ast.Load())
    ce = ast.Call(f, [], [ast.keyword("labels", y), ast.keyword("logits", z)])
    soft = ast.Call(ast.Attribute(ast.Name("torch", ast.Load()), "softmax", ast.Load()), [z],
                    [ast.keyword("dim", _num(1))])
    rest = _t(_call("sum", _mul(y, _sub(_num(1.0), soft)), axis=_num(1)))
    return _add(ce, _mul(a.get("epsilon", _num(2.0)), rest))


def _optax_call(node: ast.Call) -> ast.expr:
    """One ``optax.<loss>(…)`` call in a spelling derive reads: per-example losses, 1-D per row
    (a row) or per entry, as Optax returns them."""
    name = node.func.attr  # type: ignore[attr-defined]
    if name == "smooth_labels":
        return _smooth_labels(_bound(node, "optax.smooth_labels", _OPTAX[name], 2))
    a = _bound(node, f"optax.{name}", _OPTAX[name], 1)
    z, y = a[_OPTAX[name][0]], a.get(_OPTAX[name][1])
    if name.startswith(("softmax", "sigmoid", "hinge", "cosine", "kl", "safe", "poly", "perceptron")) and y is None:
        raise SpellingError(catalog.said("spec.spelling.optax_call_1", name=name))
    extra = _optax_more_hn47(name, a, z, y)  # type: ignore[arg-type]
    if extra is not None:
        return extra
    if name == "safe_softmax_cross_entropy":
        name = "softmax_cross_entropy"
    if name.startswith("kl"):  # summed along the last axis: one number per row
        axis = a.get("axis")
        if not (_is_none(axis) or _int_literal(axis) in (-1, 1)):
            raise SpellingError(catalog.said("spec.spelling.optax_axis", name=name))
        if name == "kl_divergence":  # targets·(log targets − log p), 0 where a target is 0
            elem = _sub(_x_log_y(y, y), _mul(y, z))  # type: ignore[arg-type]
        else:  # both in log space: e^{log t}·(log t − log p)
            elem = _mul(_call("exp", y), _sub(y, z))  # type: ignore[arg-type]
        return _t(_call("sum", elem, axis=_num(1)))
    if name == "sigmoid_focal_loss":  # Lin et al.'s focal loss, per entry, as Optax computes it
        return _focal(z, y, a.get("alpha"), a.get("gamma", _num(2.0)))  # type: ignore[arg-type]
    if name == "softmax_cross_entropy_with_integer_labels":  # F.cross_entropy's class indices
        f = ast.Attribute(ast.Name("F", ast.Load()), "cross_entropy", ast.Load())
        return ast.Call(f, [z, y], [ast.keyword("reduction", ast.Constant("none"))])
    if name.startswith(("softmax", "sigmoid")):
        tf = "softmax" if name.startswith("softmax") else "sigmoid"
        f = ast.Attribute(ast.Name("tf", ast.Load()), "nn", ast.Load())
        f = ast.Attribute(f, f"{tf}_cross_entropy_with_logits", ast.Load())
        return ast.Call(f, [], [ast.keyword("labels", y), ast.keyword("logits", z)])
    if name == "hinge_loss":  # jnp.maximum(0, 1 − outputs·targets)
        return _call("maximum", _sub(_num(1), _mul(z, y)), _num(0.0))  # type: ignore[arg-type]
    if name.startswith("cosine"):  # along the last axis, epsilon = 0: one number per row
        keep = {"axis": _num(1), "keepdims": ast.Constant(True)}
        unit = [
            _div(v, _call("sqrt", _call("sum", _bin(v, ast.Pow(), _num(2)), **keep)))
            for v in (z, y)  # type: ignore[misc]
        ]
        cos = _t(_call("sum", _mul(unit[0], unit[1]), axis=_num(1)))
        return cos if name == "cosine_similarity" else _sub(_num(1.0), cos)
    err = z if y is None else _sub(z, y)
    if name == "huber_loss":
        return _huber_elem(err, a.get("delta", _num(1.0)))
    if name == "log_cosh":  # logaddexp(e, −e) − log 2 = softplus(2e) − e − log 2
        return _sub(_sub(_call("softplus", _mul(_num(2), err)), err), _num(math.log(2.0)))
    sq = _bin(err, ast.Pow(), _num(2))
    return _mul(_num(0.5), sq) if name == "l2_loss" else sq


def _standardize(node: ast.Call, how: str) -> ast.expr:
    """``jax.nn.standardize(x, axis=-1, mean=None, variance=None, epsilon=1e-5)``:
    (x − mean)/√(variance + ε), the mean and the variance along ``axis`` (kept) unless given;
    JAX's variance is mean(x²) − mean², the population variance up to round-off."""
    a = _bound(node, "standardize", ("x", "axis", "mean", "variance", "epsilon", "where"), 1)
    if not _is_none(a.get("where")):
        raise SpellingError(catalog.said("spec.spelling.standardize_where"))
    x = a["x"]
    kw = _axis_kw(a.get("axis", _num(-1)), ast.Constant(True))
    mean = a.get("mean")
    mean = _call("mean", x, **kw) if _is_none(mean) else mean
    variance = a.get("variance")
    if _is_none(variance):
        if _is_none(a.get("mean")):
            variance = _call("var", x, **kw, ddof=_num(0))
        else:
            variance = _sub(
                _call("mean", _bin(x, ast.Pow(), _num(2)), **kw), _bin(mean, ast.Pow(), _num(2))
            )
    eps = a.get("epsilon", _num(1e-5))
    return _div(_sub(x, mean), _call("sqrt", _add(variance, eps)))  # type: ignore[arg-type]


def moment_parts_s26(tree: ast.AST) -> tuple[ast.Call, ast.Call] | None:
    """``(torch.var(…), torch.mean(…))`` of a call ``torch.var_mean(x, dim, …)`` (``std_mean``:
    ``torch.std``), the two results PyTorch returns, each with the call's arguments (the mean
    with the dim and keepdim only); ``None`` for anything else."""
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Attribute)):
        return None
    f = tree.func
    if f.attr == "moments" and _module_path(f.value) in ("tf.nn", "tensorflow.nn"):
        return _tf_moments_hn34(tree)
    if f.attr not in ("var_mean", "std_mean") or _module_path(f.value) != "torch":
        return None
    args, owner = list(tree.args), f.value
    if not args:
        return None
    first = ast.Call(ast.Attribute(owner, f.attr.split("_")[0], ast.Load()), args, tree.keywords)
    kept = [k for k in tree.keywords if k.arg in ("dim", "keepdim", "axis", "keepdims")]
    mean = ast.Call(ast.Attribute(owner, "mean", ast.Load()), args[:2], kept)
    return first, mean


def moment_part_s26(node: ast.AST) -> ast.Call | None:
    """``torch.var_mean(x, dim)[0]`` (the variance) or ``[1]`` (the mean), spellings26."""
    if not isinstance(node, ast.Subscript):
        return None
    parts = moment_parts_s26(node.value)
    k = _int_literal(node.slice)
    if parts is None or k not in (0, 1, -1, -2):
        return None
    return parts[k % 2]


def moment_pair(text: str) -> tuple[str, str] | None:
    """``torch.var_mean(x, dim, correction=…, keepdim=…)`` (also ``std_mean``; PyTorch has no
    such tensor method) unpacked into two names: the texts of its two results,
    ``torch.var(…)`` with the same arguments and ``torch.mean(x, dim, keepdim=…)``; ``None`` for
    anything else."""
    parts = moment_parts_s26(parsed_body(text))
    return None if parts is None else (ast.unparse(parts[0]), ast.unparse(parts[1]))


def _int_literal(v: ast.expr) -> int | None:
    """The whole number ``v`` spells (``1``, ``-1``), else ``None``."""
    if isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub):
        inner = _int_literal(v.operand)
        return None if inner is None else -inner
    return v.value if isinstance(v, ast.Constant) and type(v.value) is int else None


def _focal(z: ast.expr, y: ast.expr, alpha: ast.expr | None, gamma: ast.expr) -> ast.expr:
    """``optax.sigmoid_focal_loss(logits, labels, alpha=None, gamma=2)``: the sigmoid
    cross-entropy per entry times (1 − p_t)^γ, 1 − p_t = (1 − y)·σ(z) + y·σ(−z) (Optax's
    log-space form has the same value), times α·y + (1 − α)·(1 − y) when α is given."""
    f = ast.Attribute(ast.Name("tf", ast.Load()), "nn", ast.Load())
    f = ast.Attribute(f, "sigmoid_cross_entropy_with_logits", ast.Load())
    ce = ast.Call(f, [], [ast.keyword("labels", y), ast.keyword("logits", z)])
    miss = _add(_mul(_sub(_num(1.0), y), _call("sigmoid", z)), _mul(y, _call("sigmoid", _neg(z))))
    loss = _mul(ce, _bin(miss, ast.Pow(), gamma))
    if _is_none(alpha):
        return loss
    assert alpha is not None
    return _mul(_add(_mul(alpha, y), _mul(_sub(_num(1.0), alpha), _sub(_num(1.0), y))), loss)


def _torchvision_focal_hn33(node: ast.Call) -> ast.expr:
    """heldnets33: ``torchvision.ops.sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2,
    reduction="none")`` (torchvision/ops/focal_loss.py): Optax's per-entry focal loss
    (:func:`_focal`), the α-weighting applied only when α ≥ 0 (α a number, as torchvision tests
    it), then the reduction ("none", "mean" or "sum")."""
    name = "torchvision.ops.sigmoid_focal_loss"
    a = _bound(node, name, ("inputs", "targets", "alpha", "gamma", "reduction"), 2)
    alpha = a.get("alpha", _num(0.25))
    try:
        weighted = float(ast.literal_eval(alpha)) >= 0
    except (ValueError, TypeError, SyntaxError):
        raise SpellingError(catalog.said("spec.heldnets33.focal_alpha", x=ast.unparse(alpha))) from None
    reduction = a.get("reduction", ast.Constant("none"))
    how = reduction.value if isinstance(reduction, ast.Constant) else None
    if how not in ("none", "mean", "sum"):
        raise SpellingError(catalog.said("spec.heldnets33.focal_reduction", x=ast.unparse(reduction)))
    loss = _focal(a["inputs"], a["targets"], alpha if weighted else None, a.get("gamma", _num(2)))
    return loss if how == "none" else _call(how, loss)


# TensorFlow's softmax cross-entropy with class indices (MIT 6.S191's policy-gradient lab):
# labels=, logits= as TensorFlow names them, one loss per row
_TF_SPARSE = "sparse_softmax_cross_entropy_with_logits"


def _module_path(node: ast.expr) -> str:
    """``tf.nn`` of the attribute chain ``tf.nn`` ("" for anything but names and attributes)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _module_path(node.value)
        return f"{head}.{node.attr}" if head else ""
    return ""


def _tf_sparse_ce(node: ast.Call) -> ast.expr:
    """``tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=z)``: the per-row
    cross-entropy of class indices ``y``, ``F.cross_entropy(z, y, reduction='none')`` (1-D as
    TensorFlow returns it: a row)."""
    a = _bound(node, f"tf.nn.{_TF_SPARSE}", ("labels", "logits", "name"), 2)
    f = ast.Attribute(ast.Name("F", ast.Load()), "cross_entropy", ast.Load())
    return ast.Call(
        f, [a["logits"], a["labels"]], [ast.keyword("reduction", ast.Constant("none"))]
    )


# PyTorch's module classes called at once, ``nn.MSELoss()(y_pred, y)``, ``nn.LeakyReLU(0.2)(z)``:
# class → (its torch.nn.functional function, the constructor's parameters in order — passed on
# as keywords; positional ones only where the class's first parameters are the function's)
NN_MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "MSELoss": ("F.mse_loss", ()),
    "L1Loss": ("F.l1_loss", ()),
    "SmoothL1Loss": ("F.smooth_l1_loss", ()),
    "HuberLoss": ("F.huber_loss", ()),
    "BCELoss": ("F.binary_cross_entropy", ()),
    "BCEWithLogitsLoss": ("F.binary_cross_entropy_with_logits", ()),
    "CrossEntropyLoss": ("F.cross_entropy", ()),
    "NLLLoss": ("F.nll_loss", ()),
    "KLDivLoss": ("F.kl_div", ()),
    "PoissonNLLLoss": ("F.poisson_nll_loss", ()),
    "GaussianNLLLoss": ("F.gaussian_nll_loss", ()),
    "SoftMarginLoss": ("F.soft_margin_loss", ()),
    "MultiLabelSoftMarginLoss": ("F.multilabel_soft_margin_loss", ()),
    "MarginRankingLoss": ("F.margin_ranking_loss", ()),
    "HingeEmbeddingLoss": ("F.hinge_embedding_loss", ()),
    "CosineEmbeddingLoss": ("F.cosine_embedding_loss", ()),
    "TripletMarginLoss": ("F.triplet_margin_loss", ()),
    "TripletMarginWithDistanceLoss": ("F.triplet_margin_with_distance_loss", ()),  # heldnets40
    "MultiMarginLoss": ("F.multi_margin_loss", ()),
    # conv45: pooling modules, read as the functional call (what is not read, padding=1 or
    # ceil_mode=True, is then refused by that call's one line)
    "MaxPool2d": ("F.max_pool2d", ("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode")),
    "AvgPool2d": ("F.avg_pool2d", ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override")),
    "AdaptiveAvgPool2d": ("F.adaptive_avg_pool2d", ("output_size",)),
    "AdaptiveMaxPool2d": ("F.adaptive_max_pool2d", ("output_size", "return_indices")),
    "ReLU": ("F.relu", ()),
    "Sigmoid": ("torch.sigmoid", ()),
    "Tanh": ("torch.tanh", ()),
    "LeakyReLU": ("F.leaky_relu", ("negative_slope",)),
    "GELU": ("F.gelu", ()),
    "ELU": ("F.elu", ("alpha",)),
    "SELU": ("F.selu", ()),
    "CELU": ("F.celu", ("alpha",)),
    "SiLU": ("F.silu", ()),
    "Mish": ("F.mish", ()),
    "Softplus": ("F.softplus", ("beta", "threshold")),
    "Softmax": ("F.softmax", ("dim",)),
    "LogSoftmax": ("F.log_softmax", ("dim",)),
    "Softmin": ("F.softmin", ("dim",)),
    "Softsign": ("F.softsign", ()),
    "Hardtanh": ("F.hardtanh", ("min_val", "max_val")),
    "ReLU6": ("F.relu6", ()),
    "Hardsigmoid": ("F.hardsigmoid", ()),
    "Hardswish": ("F.hardswish", ()),
    "LogSigmoid": ("F.logsigmoid", ()),
    "Tanhshrink": ("F.tanhshrink", ()),
    "Softshrink": ("F.softshrink", ("lambd",)),
    "Hardshrink": ("F.hardshrink", ("lambd",)),
    "Threshold": ("F.threshold", ("threshold", "value")),
    "RReLU": ("F.rrelu", ("lower", "upper")),
    "PairwiseDistance": ("F.pairwise_distance", ("p", "eps")),
    "Identity": ("", ()),
}
_NN_PATHS = ("nn", "torch.nn")
# heldnets30: layer classes with weights of their own (PyTorch's, Keras', Flax's, Haiku's), built and
# called in a [forward] line — nn.Linear(D, H)(x), tf.keras.layers.Dense(10)(h): refused naming
# where the weights must go (Spec.weighted_modules_hn30)
WEIGHTED_MODULES_HN30 = frozenset(
    {"Linear", "LazyLinear", "Bilinear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d",
     "ConvTranspose2d", "Embedding", "EmbeddingBag", "RNN", "LSTM", "GRU", "RNNCell", "LSTMCell",
     "GRUCell", "BatchNorm1d", "BatchNorm2d", "LayerNorm", "GroupNorm", "InstanceNorm1d", "PReLU",
     "MultiheadAttention", "TransformerEncoderLayer", "Dense", "Conv1D", "Conv2D", "SimpleRNN",
     "BatchNormalization", "LayerNormalization", "MultiHeadAttention", "DenseGeneral"}
)  # fmt: skip
_WEIGHTED_PATHS_HN30 = (
    "nn", "torch.nn", "layers", "tf.keras.layers", "keras.layers", "tf.layers", "hk", "flax.linen",
)  # fmt: skip


def weighted_module_hn30(text: str) -> str | None:
    """heldnets30: ``nn.Linear`` of ``nn.Linear(D, H)(x)`` — a layer with weights of its own
    constructed and called in the line (:data:`WEIGHTED_MODULES_HN30`) — as written; else
    ``None``."""
    if ")(" not in text.replace(" ", ""):
        return None
    tree = parsed(text)
    if tree is None:
        return None
    for n in ast.walk(tree):
        made = n.func if isinstance(n, ast.Call) else None
        if isinstance(made, ast.Call) and isinstance(made.func, ast.Attribute):
            path = _module_path(made.func.value)
            if path in _WEIGHTED_PATHS_HN30 and made.func.attr in WEIGHTED_MODULES_HN30:
                return f"{path}.{made.func.attr}"
    return None
# Keras' loss classes called at once, ``keras.losses.BinaryCrossentropy(from_logits=True)(y, z)``:
# the loss function of the same name per example, then the class's reduction (Keras' default
# "sum_over_batch_size": the mean of the per-example losses; "sum"; "none")
KERAS_LOSS_CLASSES = {
    "MeanSquaredError": "mean_squared_error",
    "MeanAbsoluteError": "mean_absolute_error",
    "BinaryCrossentropy": "binary_crossentropy",
    "CategoricalCrossentropy": "categorical_crossentropy",
    "SparseCategoricalCrossentropy": "sparse_categorical_crossentropy",  # heldnets29
    # spellings24
    "LogCosh": "log_cosh",
    "KLDivergence": "kl_divergence",
    "Poisson": "poisson",
    "CosineSimilarity": "cosine_similarity",
    "CategoricalHinge": "categorical_hinge",
    "MeanAbsolutePercentageError": "mean_absolute_percentage_error",
    "MeanSquaredLogarithmicError": "mean_squared_logarithmic_error",
}
# constructor arguments that are no part of the computation
_NN_IGNORED = frozenset({"inplace"})


# heldnets29: Keras' weight penalties called at once, tf.keras.regularizers.l2(0.01)(W): each
# name → (its coefficients in order, their defaults; None: no default — the versions differ)
KERAS_REGULARIZERS_HN29 = frozenset({"keras.regularizers", "tf.keras.regularizers"})
_REGULARIZERS_HN29: dict[str, tuple[tuple[str, float | None], ...]] = {
    "l1": (("l1", 0.01),),
    "L1": (("l1", 0.01),),
    "l2": (("l2", 0.01),),
    "L2": (("l2", 0.01),),
    # tf.keras 2's function l1_l2 defaults to 0.01 each, the class L1L2 (Keras 3's both) to 0
    "l1_l2": (("l1", None), ("l2", None)),
    "L1L2": (("l1", None), ("l2", None)),
}


def _keras_regularizer_hn29(made: ast.Call, n: ast.Call) -> ast.expr:
    """``keras.regularizers.l2(λ)(W)``: the penalty Keras adds, ``λ·Σ W²`` (``l1``: ``λ·Σ|W|``,
    ``l1_l2(l1=a, l2=b)``: both, each coefficient written — tf.keras 2 and Keras 3 default
    them differently)."""
    assert isinstance(made.func, ast.Attribute)
    cls = made.func.attr
    params = _REGULARIZERS_HN29.get(cls)
    read = ", ".join(_REGULARIZERS_HN29)
    if (
        params is None
        or len(made.args) > len(params)
        or any(k.arg not in dict(params) for k in made.keywords)
        or len(n.args) != 1
        or n.keywords
    ):
        raise SpellingError(catalog.said("spec.heldnets29.regularizer", cls=cls, read=read))
    given = {p: a for (p, _), a in zip(params, made.args, strict=False)}
    given |= {k.arg: k.value for k in made.keywords if k.arg}
    w = n.args[0]
    terms: list[ast.expr] = []
    for p, default in params:
        coef = given.get(p)
        if coef is None and default is None:
            raise SpellingError(catalog.said("spec.heldnets29.regularizer", cls=cls, read=read))
        coef = _num(default) if coef is None else coef  # type: ignore[arg-type]
        inner = _call("abs", w) if p == "l1" else _bin(w, ast.Pow(), _num(2))
        terms.append(_mul(coef, _call("sum", inner)))
    return terms[0] if len(terms) == 1 else _add(terms[0], terms[1])


def _keras_loss_class(made: ast.Call, n: ast.Call) -> ast.expr:
    """``keras.losses.<Class>(**kw)(y_true, y_pred)``: ``tf.reduce_mean`` (or ``reduce_sum``) of
    ``keras.losses.<function>(y_true, y_pred, **kw)``, as the class's ``__call__`` reduces."""
    assert isinstance(made.func, ast.Attribute)
    cls = made.func.attr
    if cls == "Huber":  # read by optax_losses (_keras_huber_object), after this pass
        return n
    if cls not in KERAS_LOSS_CLASSES or made.args or any(k.arg is None for k in made.keywords):
        raise SpellingError(
            catalog.said(
                "spec.spelling.keras_loss_class",
                cls=cls,
                read=", ".join(sorted([*KERAS_LOSS_CLASSES, "Huber"])),
            )
        )
    reduce = "reduce_mean"
    kws = []
    for k in made.keywords:
        if k.arg == "reduction":
            how = k.value.value if isinstance(k.value, ast.Constant) else "?"
            if how in ("sum_over_batch_size", "auto"):
                continue
            if how == "sum":
                reduce = "reduce_sum"
                continue
            if how in ("none", None):
                reduce = ""
                continue
            raise SpellingError(catalog.said("spec.spelling.keras_loss_class", cls=cls, read=cls))
        if k.arg != "name":
            kws.append(k)
    if n.keywords or len(n.args) != 2:  # sample_weight and the like
        raise SpellingError(
            catalog.said(
                "spec.spelling.keras_loss_class",
                cls=cls,
                read=", ".join(sorted([*KERAS_LOSS_CLASSES, "Huber"])),
            )
        )
    f = ast.Attribute(made.func.value, KERAS_LOSS_CLASSES[cls], ast.Load())
    per_example = ast.Call(f, list(n.args), kws)
    if not reduce:
        return per_example
    tf_reduce = ast.Attribute(ast.Name("tf", ast.Load()), reduce, ast.Load())
    return ast.Call(tf_reduce, [per_example], [])


def distance_functions_hn40(text: str) -> str:
    """heldnets40: ``F.triplet_margin_with_distance_loss(a, p, n, distance_function=D,
    margin=m, swap=s, reduction=r)`` with a distance function given — a lambda of two arguments
    (``lambda x, y: 1.0 - F.cosine_similarity(x, y)``, PyTorch's own example), a function named
    without a call (``F.pairwise_distance``) or a module (``nn.PairwiseDistance(p=1)``) — written
    out as PyTorch's ``forward`` computes it: ``clamp_min(m + D(a, p) − D(a, n), 0)`` (with
    ``swap=True`` the negative's distance is ``minimum(D(a, n), D(p, n))``), reduced. The
    lambda's body is read with its two arguments replaced by the tensors (a rewrite of the
    parsed text, never run); D's result is PyTorch's 1-D tensor of the rows' distances. Any other
    distance function is left to heldnets37's refusal naming the written-out form."""
    if "distance_function" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    def applied(d: ast.expr, x: ast.expr, y: ast.expr) -> ast.expr | None:
        if isinstance(d, ast.Lambda):
            args = d.args
            names = [a.arg for a in args.args]
            if (
                len(names) != 2 or args.posonlyargs or args.kwonlyargs or args.vararg
                or args.kwarg or args.defaults or any(isinstance(n, ast.Lambda) for n in ast.walk(d.body))
            ):
                return None
            put = dict(zip(names, (x, y), strict=True))

            class Put(ast.NodeTransformer):
                def visit_Name(self, n: ast.Name) -> ast.AST:
                    return copy.deepcopy(put[n.id]) if n.id in put else n

            return Put().visit(copy.deepcopy(d.body))
        if isinstance(d, ast.Attribute) and _module_path(d):  # F.pairwise_distance
            return ast.Call(copy.deepcopy(d), [copy.deepcopy(x), copy.deepcopy(y)], [])
        if (  # nn.PairwiseDistance(p=1): called, then read as its functional call
            isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
            and _module_path(d.func.value) in _NN_PATHS
        ):
            return ast.Call(copy.deepcopy(d), [copy.deepcopy(x), copy.deepcopy(y)], [])
        return None

    class Triplets(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name != "triplet_margin_with_distance_loss":
                return n
            params = ("anchor", "positive", "negative")
            if len(n.args) > 3 or any(k.arg is None for k in n.keywords):
                return n
            a = dict(zip(params, n.args, strict=False))
            kw = {k.arg: k.value for k in n.keywords}
            a.update({k: v for k, v in kw.items() if k in params})
            rest = {k: v for k, v in kw.items() if k not in params}
            d = rest.get("distance_function")
            if len(a) != 3 or d is None or _is_none(d) or set(rest) - {
                "distance_function", "margin", "swap", "reduction"
            }:
                return n
            pos = applied(d, a["anchor"], a["positive"])
            neg = applied(d, a["anchor"], a["negative"])
            if pos is None or neg is None:
                return n
            swap = rest.get("swap")
            if not (_is_none(swap) or isinstance(swap, ast.Constant) and swap.value is False):
                if not (isinstance(swap, ast.Constant) and swap.value is True):
                    return n
                other = applied(d, a["positive"], a["negative"])
                neg = ast.Call(
                    ast.Attribute(ast.Name("torch", ast.Load()), "minimum", ast.Load()),
                    [neg, other], [],
                )
            margin = rest.get("margin", _num(1.0))
            elem = ast.Call(
                ast.Attribute(ast.Name("torch", ast.Load()), "clamp_min", ast.Load()),
                [_add(margin, _sub(pos, neg)), _num(0)], [],
            )
            r = rest.get("reduction")
            how = "mean" if _is_none(r) else r.value if isinstance(r, ast.Constant) else None
            if how == "none":
                return elem
            if how not in ("mean", "sum"):
                return n
            return ast.Call(ast.Attribute(elem, how, ast.Load()), [], [])

    try:
        return ast.unparse(Triplets().visit(tree))
    except RecursionError:
        return text


def module_calls(text: str) -> str:
    """``text`` with PyTorch module classes constructed and called at once —
    ``nn.MSELoss()(y_pred, y)``, ``torch.nn.CrossEntropyLoss(label_smoothing=0.1)(z, y)``,
    ``nn.LeakyReLU(0.2)(z)`` — as the functional call each module's ``forward`` makes
    (``F.mse_loss(y_pred, y)``, ``F.leaky_relu(z, negative_slope=0.2)``): the constructor's
    arguments become the function's keywords. A module with a weight of its own
    (``nn.PReLU()``, ``nn.Linear``) or one not in :data:`NN_MODULES` is refused naming what to
    write."""
    if not any(w in text for w in ("nn.", "losses.", "regularizers.")) or ")(" not in text.replace(
        " ", ""
    ):
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Modules(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            made = n.func
            if not (isinstance(made, ast.Call) and isinstance(made.func, ast.Attribute)):
                return n
            if _module_path(made.func.value) in KERAS_LOSSES:
                return _keras_loss_class(made, n)
            if _module_path(made.func.value) in KERAS_REGULARIZERS_HN29:
                return _keras_regularizer_hn29(made, n)
            if _module_path(made.func.value) not in _NN_PATHS:
                return n
            cls = made.func.attr
            if cls not in NN_MODULES:
                raise SpellingError(
                    catalog.said("spec.spelling.nn_module", cls=cls, read=", ".join(sorted(NN_MODULES)))
                )
            func, params = NN_MODULES[cls]
            if len(made.args) > len(params) or any(k.arg is None for k in made.keywords):
                raise SpellingError(catalog.said("spec.spelling.nn_module_args", cls=cls, func=func))
            kws = [ast.keyword(p, a) for p, a in zip(params, made.args, strict=False)]
            kws += [k for k in made.keywords if k.arg not in _NN_IGNORED]
            if not func:  # nn.Identity()(x): x
                if len(n.args) != 1 or n.keywords or kws:
                    raise SpellingError(catalog.said("spec.spelling.nn_module_args", cls=cls, func="x"))
                return n.args[0]
            head, _, name = func.partition(".")
            f = ast.Attribute(ast.Name(head, ast.Load()), name, ast.Load())
            return ast.Call(f, list(n.args), [*n.keywords, *kws])

    try:
        return ast.unparse(Modules().visit(tree))
    except RecursionError:
        return text


_CALLABLE_ROOTS_HN39 = frozenset({"optax", "jax", "jnp", "tf", "torch", "np", "F", "nn", "keras"})


def callable_line_hn39(text: str) -> bool:
    """heldnets39: a [forward] line whose value is a function, not a tensor — as course code
    binds a loss or an activation once and calls it later (``criterion = nn.HuberLoss(delta=0.5)``
    … ``criterion(pred, y)``): a module class constructed (PyTorch's ``nn.X(…)``, Keras'
    ``tf.keras.losses.X(…)`` or ``regularizers.l2(…)``, a layer with weights — refused where it
    is called) or a library function named without a call (``F.mse_loss``, ``torch.tanh``,
    ``optax.l2_loss``)."""
    body = parsed_body(text)
    if isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute):
        path, cls = _module_path(body.func.value), body.func.attr
        if path in KERAS_REGULARIZERS_HN29:
            return True
        classes = (*_NN_PATHS, *KERAS_LOSSES, *_WEIGHTED_PATHS_HN30)
        return path in classes and cls[:1].isupper()
    if isinstance(body, ast.Attribute):
        path = _module_path(body)
        return bool(path) and path.split(".")[0] in _CALLABLE_ROOTS_HN39 and not path.endswith(
            (".pi", ".e", ".inf", ".nan", ".newaxis", ".float32", ".float64")
        )
    return False


def optax_losses(text: str) -> str:
    """``text`` with Optax's loss calls (``optax.softmax_cross_entropy_with_integer_labels(z,
    y)``, ``optax.softmax_cross_entropy``, ``optax.sigmoid_binary_cross_entropy``,
    ``optax.l2_loss``, ``optax.squared_error``, ``huber_loss``, ``log_cosh``, ``hinge_loss``,
    ``cosine_similarity``, ``cosine_distance``, ``kl_divergence`` (also with log targets),
    ``sigmoid_focal_loss``) written as the spellings derive reads; any other
    ``optax.`` call is left for the parser to refuse."""
    if not any(
        w in text for w in ("optax", _TF_SPARSE, "Huber(", "sparse_categorical_cross", "focal")
    ):
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Optax(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if (
                isinstance(f, ast.Attribute)
                and _module_path(f.value) in ("optax", "optax.losses")  # heldnets47: .losses
                and f.attr in _OPTAX
            ):
                return _optax_call(n)
            if (
                isinstance(f, ast.Attribute)
                and f.attr == "sigmoid_focal_loss"
                and _module_path(f.value) in ("torchvision.ops", "torchvision.ops.focal_loss")
            ):
                return _torchvision_focal_hn33(n)
            if (
                isinstance(f, ast.Call)
                and isinstance(f.func, ast.Attribute)
                and f.func.attr == "Huber"
                and _module_path(f.func.value) in KERAS_LOSSES
            ):
                return _keras_huber_object(n)
            if isinstance(f, ast.Attribute) and f.attr == _TF_SPARSE and _module_path(f.value) in (
                "tf.nn",
                "tf.compat.v1.nn",
            ):
                return _tf_sparse_ce(n)
            if isinstance(f, ast.Attribute) and f.attr == "sparse_categorical_crossentropy":
                how = _module_path(f.value)
                if how in KERAS or how in KERAS_LOSSES:
                    return _keras_sparse_cce_hn29(n, how)
            return n

    try:
        return ast.unparse(Optax().visit(tree))
    except RecursionError:  # the line's own parse names its limits
        return text


def _gaussian_nll(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``gaussian_nll_loss(input, target, var)``: ``(log var + (input − target)² /
    var) / 2`` (plus ½·log 2π with ``full=True``). PyTorch's floor of var at ``eps`` (its value
    only, the gradient straight through) is read before, on the line's text
    (:func:`gaussian_floor_text`)."""
    x, y, var = a["input"], a["target"], a["var"]
    elem = _mul(
        _num(0.5), _add(_call("log", var), _div(_bin(_sub(x, y), ast.Pow(), _num(2)), var))
    )
    if _flag(a.get("full"), False, "gaussian_nll_loss(full=…)"):
        elem = _add(elem, _num(0.5 * math.log(2 * math.pi)))
    return _reduce(elem, r, "gaussian_nll_loss")


def gaussian_floor_text(text: str, flowing: Collection[str]) -> str:
    """PyTorch's ``gaussian_nll_loss`` clamps var at ``eps`` (default 1e-6) for the value only:
    ``var = var.clone(); with torch.no_grad(): var.clamp_(min=eps)`` — below eps the loss reads
    eps and the gradient passes to var straight through (``∂/∂var`` of ``log v + r²/v`` at v =
    eps), and a negative entry raises. Each call's var ``V`` (``F.gaussian_nll_loss(μ, y, V,
    eps=…)``, ``nn.GaussianNLLLoss(eps=…)(μ, y, V)``) as ``V + relu(eps −
    assert_nonneg(V)).detach()`` (= clamp(V, min=eps) − V, V's shortfall below eps), the
    stop-gradient line the spec reader's ``stops`` hoists (run
    after this); of data only (no name in ``flowing``) as the clamp itself. ``assert_nonneg``
    is the identity whose domain (≥ 0) refuses a negative var as PyTorch does."""
    if "gaussian_nll_loss" not in text and "GaussianNLLLoss" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    def named(f: ast.expr, name: str) -> bool:
        return (isinstance(f, ast.Name) and f.id == name) or (
            isinstance(f, ast.Attribute) and f.attr == name
        )

    def floored(var: ast.expr, eps: ast.expr | None) -> ast.expr:
        if any(isinstance(n, ast.Call) and named(n.func, "assert_nonneg") for n in ast.walk(var)):
            return var  # read once already
        low = eps if eps is not None else _num(1e-6)
        clamp = ast.Call(
            ast.Attribute(ast.Name("torch", ast.Load()), "clamp", ast.Load()),
            [_call("assert_nonneg", var)],
            [ast.keyword("min", low)],
        )
        if not {n.id for n in ast.walk(var) if isinstance(n, ast.Name)} & set(flowing):
            return clamp
        # heldnets30: clamp(V, min=eps) − V is exactly max(eps − V, 0), the amount V falls short
        # of eps: written so, the walkthrough's stop-gradient line reads as a teacher's floor
        # (V + that shortfall, detached), not eps + max(V − eps, 0) − V
        short = _call("relu", _sub(low, _call("assert_nonneg", var)))
        stop = ast.Call(ast.Attribute(short, "detach", ast.Load()), [], [])
        return _add(var, stop)

    def set_var(call: ast.Call, at: int, eps: ast.expr | None) -> None:
        for k in call.keywords:
            if k.arg == "var":
                k.value = floored(k.value, eps)
                return
        if len(call.args) > at and not isinstance(call.args[at], ast.Starred):
            call.args[at] = floored(call.args[at], eps)

    def eps_of(call: ast.Call, at: int | None) -> ast.expr | None:
        for k in call.keywords:
            if k.arg == "eps":
                return k.value
        return call.args[at] if at is not None and len(call.args) > at else None

    class Floor(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            if named(n.func, "gaussian_nll_loss"):
                set_var(n, 2, eps_of(n, 4))
            elif isinstance(n.func, ast.Call) and named(n.func.func, "GaussianNLLLoss"):
                set_var(n, 2, eps_of(n.func, None))
            return n

    try:
        return ast.unparse(ast.fix_missing_locations(Floor().visit(tree.body)))
    except RecursionError:  # the line's own parse names its limits
        return text


def _margin_ranking(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``margin_ranking_loss(x1, x2, y, margin=0)``: ``(−y·(x1 − x2) + margin)``
    clamped at 0 from below (``clamp_min``: gradient 1 at exactly 0, as PyTorch's)."""
    m = a.get("margin", _num(0.0))
    elem = _add(_mul(_neg(a["target"]), _sub(a["input1"], a["input2"])), m)  # type: ignore[arg-type]
    return _reduce(_clip(_num(0), None, elem, "margin_ranking_loss"), r, "margin_ranking_loss")


def _loss3(
    name: str, params: tuple[str, ...], build: Callable[[dict[str, ast.expr], str], ast.expr]
) -> Callable[[ast.Call, str], ast.expr]:
    """A PyTorch loss of three tensors (``gaussian_nll_loss``, ``margin_ranking_loss``)."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, params, 3)
        for bad in ("size_average", "reduce"):
            if bad == "ignore_index" and not _is_none(a.get(bad)):
                raise SpellingError(catalog.said("spec.spelling.rewrite_11", name=name))
            if not _is_none(a.get(bad)):
                raise SpellingError(catalog.said("spec.spelling.rewrite_12", name=name, bad=bad))
        return build(a, _text(a.get("reduction"), "mean", f"{name}(reduction=…)"))

    return rewrite


def _nll(a: dict[str, ast.expr], r: str) -> ast.expr:
    """PyTorch's ``nll_loss(LP, y)``: −LP[i, y_i] per row, with the class indices ``y`` read as
    one-hot rows (the spec declares them 1-D, ``y = ["N"]``; see ``spec.integer_targets``):
    −Σ_j LP_ij y_ij."""
    y = a["target"]
    ignored = a.get("ignore_index")
    if ignored is not None:  # the rows of class k left out of the sum and of the count
        y = _mul(_kept_rows(y, ignored.value), y)  # type: ignore[attr-defined]
    w = a.get("weight")
    if w is not None:  # class weights, as cross_entropy's: 'mean' over Σ_i w_(y_i)
        if _INDEX_MARK not in a:
            raise SpellingError(catalog.said("spec.spelling.nll_weight_1"))
        y = _mul(w, y)
    row = _neg(_call("sum", _mul(a["input"], y), axis=_num(1)))
    if (ignored is not None or w is not None) and r == "mean":
        return _div(_call("sum", row), _call("sum", y))
    return _per_row(row, r, "nll_loss")


def _is_axis(v: ast.expr) -> bool:
    if isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub):
        v = v.operand
    return isinstance(v, ast.Constant) and type(v.value) is int


def _t(x: ast.expr) -> ast.expr:
    return ast.Attribute(x, "T", ast.Load())


def _row_max(x: ast.expr, mask: str = "max_share", **kw: ast.expr) -> ast.expr:
    """The largest entry of each row: ``sum(x ⊙ mask(x), axis=1)``; its gradient is the upstream
    gradient at the argmax (the mask's own derivative is 0): split evenly among tied entries
    (``max_share``, torch.amax's convention) or all to the first of them (``max_mask``, the
    convention of PyTorch's max along a dim, which returns that entry's index)."""
    return _call("sum", _mul(x, _call(mask, x)), axis=_num(1), **kw)


def _max_of(
    x: ast.expr, axis: int | None, keepdims: ast.expr | None, sign: int, mask: str = "max_share"
) -> ast.expr:
    """max (``sign`` 1) or min (−1, as −max(−x)) along an axis, or of everything."""
    if sign < 0:
        x = _neg(x)
    kw = {"keepdims": keepdims} if keepdims is not None else {}
    if axis == 1:
        out = _row_max(x, mask, **kw)
    elif axis == 0:  # column maxima: the row maxima of the transpose, as a [1, k] row
        out = _call("sum", _mul(x, _t(_call(mask, _t(x)))), axis=_num(0), **kw)
    else:  # everything: the max of the row maxima (a tie across rows: see max_share_all)
        col = _row_max(x)
        out = _call("sum", _mul(col, _t(_call("max_share_all", _t(col)))))
    return _neg(out) if sign < 0 else out


def _max(name: str, sign: int) -> Callable[[ast.Call, str], ast.expr]:
    """``np.max``/``np.amax``/``torch.amax``/``torch.max``/``X.max(axis=1, keepdims=True)`` (and
    the ``min`` family): a reduction whose gradient goes to the argmax. ``torch.max(a, b)`` of two
    tensors is the element-wise ``maximum``. At a tie, PyTorch's conventions: ``torch.max(x,
    dim)``/``x.max(dim)`` (which return the index of the first largest entry) give the gradient to
    that entry; ``amax``/``amin``, NumPy's ``np.max`` (as JAX and TensorFlow differentiate it) and
    a max of everything split it evenly among the tied entries."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        if name in ("max", "min") and how == "" and len(node.args) == 2 and not node.keywords:
            # Python's max(a, 0) of two numbers (a micrograd-style scalar graph): element-wise
            return _call("maximum" if sign > 0 else "minimum", *node.args)
        a = _bound(node, name, ("x", "axis", "keepdims", "out", "initial", "where"), 1)
        for k in ("out", "initial", "where"):
            if not _is_none(a.get(k)):
                raise SpellingError(catalog.said("spec.spelling.rewrite_13", name=name, k=k))
        axis = a.get("axis")
        if axis is not None and not _is_none(axis) and not _is_axis(axis):
            if a.get("keepdims") is not None or name.startswith("a"):
                raise SpellingError(catalog.said("spec.spelling.rewrite_14", name=name))
            # torch.max(a, b) / torch.min(a, b): element-wise
            return _call("maximum" if sign > 0 else "minimum", a["x"], axis)
        along = _axis_value(axis)
        first = along is not None and not name.startswith("a") and how in ("torch", "method")
        mask = "max_mask" if first else "max_share"
        return _max_of(a["x"], along, a.get("keepdims"), sign, mask)

    return rewrite


def _torch_var_positional(node: ast.Call) -> ast.Call:
    """PyTorch's ``torch.var(x, dim, unbiased, keepdim)`` / ``x.std(0, False)`` with the flags
    given by position: a True/False third argument (NumPy's dtype there is never a bool) is
    ``unbiased``, a fourth ``keepdims``."""
    args = node.args
    flag = args[2] if len(args) > 2 else None
    if not (isinstance(flag, ast.Constant) and isinstance(flag.value, bool)) or len(args) > 4:
        return node
    kw = [ast.keyword("unbiased", flag)]
    if len(args) == 4:
        kw.append(ast.keyword("keepdims", args[3]))
    return ast.copy_location(ast.Call(node.func, args[:2], [*node.keywords, *kw]), node)


def _var(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """``np.var``/``torch.var``/``X.var(…)`` and ``std`` (its square root): the mean squared
    deviation from the mean along an axis, divided by n − ddof. NumPy's default is ddof=0,
    PyTorch's the unbiased n − 1 (``correction=1``); a method call says which by its keywords."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        node = _torch_var_positional(node)
        a = _bound(
            node,
            name,
            ("x", "axis", "dtype", "out", "ddof", "keepdims", "unbiased", "correction", _TORCH_MARK),
            1,
        )
        if not _is_none(a.get("dtype")) or not _is_none(a.get("out")):
            raise SpellingError(catalog.said("spec.spelling.rewrite_6", name=name))
        given = [k for k in ("ddof", "unbiased", "correction") if k in a]
        if len(given) > 1:
            raise SpellingError(catalog.said("spec.spelling.rewrite_7", name=name))
        if given:
            v = a[given[0]]
            if not (isinstance(v, ast.Constant) and type(v.value) in (int, bool)):
                raise SpellingError(catalog.said("spec.spelling.rewrite_15", name=name, x=given[0]))
            ddof = int(v.value)
        elif how in ("torch",) or _TORCH_MARK in a:
            ddof = 1
        elif how in ("np", "numpy", "jnp", "jax.numpy"):  # jnp.var: NumPy's ddof=0 (heldnets34)
            ddof = 0
        else:
            raise SpellingError(
                catalog.said("spec.spelling.rewrite_17", name=name, name2=name, name3=name)
            )
        x = a["x"]
        axis = _axis_value(a.get("axis"))
        kw = _axis_kw(a.get("axis"), None)
        dev = _bin(_sub(x, _call("mean", x, **kw)), ast.Pow(), _num(2))
        keep = {"keepdims": a["keepdims"]} if "keepdims" in a else {}
        if ddof == 0:
            var = _call("mean", dev, **kw, **keep)
        else:
            if not isinstance(x, ast.Name):
                raise SpellingError(catalog.said("spec.spelling.rewrite_16", name=name))
            shape = ast.Attribute(x, "shape", ast.Load())

            def size(i: int) -> ast.expr:
                return ast.Subscript(shape, ast.Constant(i), ast.Load())

            # all entries: x.size, read as its entries (a 1-D x = ["T"] has T, not T·T)
            n = ast.Attribute(x, "size", ast.Load()) if axis is None else size(axis)
            var = _div(_call("sum", dev, **kw, **keep), _sub(n, _num(ddof)))
        return _call("sqrt", var) if name == "std" else var

    return rewrite


# name → rewrite(node, how); ``how`` is the module path, "method" or "" (a bare call)
REWRITES: dict[str, Callable[[ast.Call, str], ast.expr | None]] = {
    "dot": _two("dot", ast.MatMult()),
    "matmul": _matmul,
    "linear": _linear,
    "addmm": _addmm,
    "einsum": _einsum,
    "softplus": _softplus,
    "float": _one("float", lambda x: x),  # float(cost) of a one-number cost is the cost
    "item": _one("item", lambda x: x),
    "average": _average,
    "vector_norm": _vector_norm,
    "nansum": _nansum("sum"),
    "nanmean": _nansum("mean"),
    "reduce_sum": _reduce_tf("sum"),
    "reduce_mean": _reduce_tf("mean"),
    "reduce_max": _reduce_tf("max"),
    "reduce_min": _reduce_tf("min"),
    "reduce_logsumexp": _reduce_tf("logsumexp"),
    "l2_loss": _l2_loss,
    "sigmoid_cross_entropy_with_logits": _tf_logits_loss("sigmoid_cross_entropy_with_logits"),
    "softmax_cross_entropy_with_logits": _tf_logits_loss("softmax_cross_entropy_with_logits"),
    "softmax_cross_entropy_with_logits_v2": _tf_logits_loss(
        "softmax_cross_entropy_with_logits_v2"
    ),
    "weighted_cross_entropy_with_logits": _tf_weighted_ce,
    "bias_add": _bias_add,
    "categorical_crossentropy": _keras_cce,
    "mean_squared_error": _keras_mean_error(2),
    "MSE": _keras_mean_error(2),
    "mean_absolute_error": _keras_mean_error(1),
    "huber": _keras_huber,
    "MAE": _keras_mean_error(1),
    **{name: _keras_per_example_loss(name) for name in KERAS_MORE_LOSSES},
    "add_n": _add_n,
    "diff": _diff,
    "reduce_prod": _reduce_tf("prod"),
    "float64": _number_cast("float64"),
    "float32": _number_cast("float32"),
    "log_expit": _one("log_expit", lambda x: _neg(_call("softplus", _neg(x)))),
    "hard_tanh": _hardtanh,
    "binary_crossentropy": _keras_bce,
    "gaussian_nll_loss": _loss3(
        "gaussian_nll_loss",
        ("input", "target", "var", "full", "eps", "reduction"),
        _gaussian_nll,
    ),
    "margin_ranking_loss": _loss3(
        "margin_ranking_loss",
        ("input1", "input2", "target", "margin", "size_average", "reduce", "reduction"),
        _margin_ranking,
    ),
    "mm": _two("mm", ast.MatMult()),
    "mv": _two("mv", ast.MatMult()),  # torch.mv(A, v): A @ v with v 1-D
    "matvec": _matvec,
    "expand_dims": _expand_dims,
    "diag": _diag,
    "diagflat": _diag,
    "diagonal": _diag,  # torch.diagonal(A @ B), np.diagonal, (A @ B).diagonal(): the same
    "add": _alpha("add", ast.Add()),
    "subtract": _alpha("subtract", ast.Sub()),
    "sub": _alpha("sub", ast.Sub()),
    "rsub": _rsub,
    "lerp": _lerp,
    "hypot": _hypot,
    "addcmul": _addc("addcmul", ast.Mult()),
    "addcdiv": _addc("addcdiv", ast.Div()),
    "dist": _dist,
    "float_power": _two("float_power", ast.Pow()),
    "multiply": _two("multiply", ast.Mult()),
    "mul": _two("mul", ast.Mult()),
    "divide": _two("divide", ast.Div()),
    "true_divide": _two("true_divide", ast.Div()),
    "div": _two("div", ast.Div()),
    "power": _two("power", ast.Pow()),
    "pow": _two("pow", ast.Pow()),
    "negative": _one("negative", _neg),
    "neg": _one("neg", _neg),
    "reciprocal": _one("reciprocal", lambda x: _div(_num(1), x)),
    "rsqrt": _one("rsqrt", lambda x: _bin(x, ast.Pow(), _num(-0.5))),
    "log1p": _one("log1p", lambda x: _call("log", _add(_num(1), x))),
    # log10/log2 (PSNR = 10·log10(1/MSE)) and exp2: through log and exp with the exact ln 10 /
    # ln 2 (log of the number), not a float64 rounding of it: a student's ``/ np.log(2)`` is
    # then the same number to every digit (the float64 ln 2 differs from it by 1e-17, and the
    # checker compares at 50 digits: Xigua's log-surrogate SVM gradient was "sign")
    "log10": _one("log10", lambda x: _div(_call("log", x), _call("log", _num(10)))),
    "log2": _one("log2", lambda x: _div(_call("log", x), _call("log", _num(2)))),
    "exp2": _one("exp2", lambda x: _call("exp", _mul(x, _call("log", _num(2))))),
    "expm1": _one("expm1", lambda x: _sub(_call("exp", x), _num(1))),
    "cosh": _one("cosh", lambda x: _div(_add(_call("exp", x), _call("exp", _neg(x))), _num(2))),
    "sinh": _one("sinh", lambda x: _div(_sub(_call("exp", x), _call("exp", _neg(x))), _num(2))),
    "expit": _one("expit", lambda x: _call("sigmoid", x)),
    "silu": _one("silu", lambda x: _mul(x, _call("sigmoid", x))),
    "swish": _one("swish", lambda x: _mul(x, _call("sigmoid", x))),  # jax.nn / tf.nn
    "mish": _one("mish", lambda x: _mul(x, _call("tanh", _call("softplus", x)))),
    "logsigmoid": _one("logsigmoid", lambda x: _neg(_call("softplus", _neg(x)))),
    "log_sigmoid": _one("log_sigmoid", lambda x: _neg(_call("softplus", _neg(x)))),
    "softsign": _one("softsign", lambda x: _div(x, _add(_num(1), _call("abs", x)))),
    "relu6": _one("relu6", lambda x: _hardclip(_num(0), _num(6), x)),
    "selu": _one("selu", lambda x: ast.Call(ast.Name("selu", ast.Load()), [x], [])),
    "elu": _elu_call,
    "celu": _celu,
    "prelu": _prelu,
    "rrelu": _rrelu,
    "hardsigmoid": _one("hardsigmoid", _hardsigmoid),
    "hardswish": _one("hardswish", lambda x: _mul(x, _hardsigmoid(x))),
    # a tensor of zeros/ones shaped like x (d2l's relu: torch.max(X, torch.zeros_like(X))):
    # 0·x and 0·x + 1 keep x's shape; no gradient flows through them
    "zeros_like": _one("zeros_like", lambda x: _mul(_num(0), x)),
    "ones_like": _one("ones_like", lambda x: _add(_mul(_num(0), x), _num(1))),
    "gelu": _gelu,
    "hardtanh": _hardtanh,
    "clip": _clip_call,
    "clamp": _clip_call,
    "clamp_min": _clamp_min,
    "clamp_max": _clamp_max,
    "where": _where,
    "norm": _norm,
    "logsumexp": _logsumexp,
    "softmax": _rowwise("softmax"),
    "log_softmax": _rowwise("log_softmax"),
    "cosine_similarity": _cosine,
    "normalize": _normalize,
    "epsilon": _epsilon,
    "transpose": _transpose,
    "swapaxes": _transpose,
    "permute": _permute,
    "t": _transpose,
    # copies that keep the values and the gradient (course code's x.clone(), .contiguous())
    "clone": _one("clone", lambda x: x),
    "contiguous": _one("contiguous", lambda x: x),
    "detach": _detach,
    "mse_loss": _loss2(
        "mse_loss", ("input", "target", "size_average", "reduce", "reduction"), _mse
    ),
    "l1_loss": _loss2("l1_loss", ("input", "target", "size_average", "reduce", "reduction"), _l1),
    "multi_margin_loss": _loss2(
        "multi_margin_loss",
        (
            "input", "target", "p", "margin", "weight", "size_average", "reduce", "reduction",
            _INDEX_MARK,
        ),
        _multi_margin,
    ),
    "soft_margin_loss": _loss2(
        "soft_margin_loss", ("input", "target", "size_average", "reduce", "reduction"),
        _soft_margin,
    ),
    "multilabel_soft_margin_loss": _loss2(
        "multilabel_soft_margin_loss",
        ("input", "target", "weight", "size_average", "reduce", "reduction"),
        _multilabel_soft_margin,
    ),
    "hinge_embedding_loss": _loss2(
        "hinge_embedding_loss",
        ("input", "target", "margin", "size_average", "reduce", "reduction"),
        _hinge_embedding,
    ),
    "poisson_nll_loss": _loss2(
        "poisson_nll_loss",
        ("input", "target", "log_input", "full", "size_average", "eps", "reduce", "reduction"),
        _poisson,
    ),
    "binary_cross_entropy": _loss2(
        "binary_cross_entropy",
        ("input", "target", "weight", "size_average", "reduce", "reduction"),
        _bce,
    ),
    "binary_cross_entropy_with_logits": _loss2(
        "binary_cross_entropy_with_logits",
        ("input", "target", "weight", "size_average", "reduce", "reduction", "pos_weight"),
        _bce_logits,
    ),
    "dropout": _dropout,
    "huber_loss": _loss2("huber_loss", ("input", "target", "reduction", "delta"), _huber(False)),
    "smooth_l1_loss": _loss2(
        "smooth_l1_loss",
        ("input", "target", "size_average", "reduce", "reduction", "beta"),
        _huber(True),
    ),
    "kl_div": _loss2(
        "kl_div", ("input", "target", "size_average", "reduce", "reduction", "log_target"), _kl
    ),
    "nll_loss": _loss2(
        "nll_loss",
        (
            "input", "target", "weight", "size_average", "ignore_index", "reduce", "reduction",
            _INDEX_MARK,
        ),
        _nll,
    ),
    "nan_to_num": _nan_to_num,
    "logaddexp": _logaddexp,
    "outer": _outer,
    "trace": _trace,
    "layer_norm": _layer_norm,
    "rms_norm": _rms_norm_hn32,
    "batch_norm": _batch_norm,
    "log_poisson_loss": _tf_log_poisson,
    "pairwise_distance": _pairwise_distance,
    "cdist": _cdist,
    "masked_fill": _masked_fill,
    "triplet_margin_with_distance_loss": _loss3(
        "triplet_margin_with_distance_loss",
        ("anchor", "positive", "negative", "distance_function", "margin", "swap", "reduction"),
        _triplet_distance_hn37,
    ),
    "triplet_margin_loss": _loss3(
        "triplet_margin_loss",
        (
            "anchor", "positive", "negative", "margin", "p", "eps", "swap", "size_average",
            "reduce", "reduction",
        ),
        _triplet,
    ),
    "cosine_embedding_loss": _loss3(
        "cosine_embedding_loss",
        ("input1", "input2", "target", "margin", "size_average", "reduce", "reduction"),
        _cosine_embedding,
    ),
    "cat": _concat,
    "concat": _concat,
    "concatenate": _concat,
    "hstack": _concat,
    "vstack": _concat,
    "row_stack": _concat,
    "stack": _concat,
    "max": _max("max", 1),
    "amax": _max("amax", 1),
    "min": _max("min", -1),
    "amin": _max("amin", -1),
    "var": _var("var"),
    "std": _var("std"),
}
# rewrites read only with a module prefix or as a method (a bare t(x) or cross_entropy(P, Y)
# keeps the language's meaning)
_QUALIFIED = {
    "categorical_crossentropy": (*KERAS, *KERAS_LOSSES),
    "mean_squared_error": tuple(KERAS_LOSSES),
    "MSE": tuple(KERAS_LOSSES),
    "mean_absolute_error": tuple(KERAS_LOSSES),
    "MAE": tuple(KERAS_LOSSES),
    "huber": tuple(KERAS_LOSSES),
    **{name: tuple(KERAS_LOSSES) for name in KERAS_MORE_LOSSES if name != "cosine_similarity"},
    "add_n": tuple(TENSORFLOW),
    "diff": ("np", "numpy", "jnp", "jax.numpy", "torch", "method"),
    "reduce_prod": tuple(TENSORFLOW),
    "float64": ("np", "numpy", "jnp", "jax.numpy"),
    "float32": ("np", "numpy", "jnp", "jax.numpy"),
    "log_expit": ("scipy.special", "special", "jax.scipy.special"),
    "hard_tanh": ("jax.nn",),
    "binary_crossentropy": (*KERAS, *KERAS_LOSSES),
    "t": ("method", "torch"),  # torch.t(x) too (spellings27)
    "average": ("np", "numpy", "jnp", "jax.numpy"),
    "vector_norm": ("torch.linalg",),
    "swapaxes": ("method", "np", "numpy", "torch"),
    "permute": ("method", "torch"),
    "clone": ("method", "torch"),
    "contiguous": ("method",),
    "detach": ("method", "torch"),
    "transpose": ("method", "np", "numpy", "torch", *TENSORFLOW, *JAX),
    "float": ("",),
    "item": ("method",),
    "linear": tuple(TORCH_FUNCTIONAL),
    "addmm": ("torch", "method"),
    "einsum": ("np", "numpy", "torch"),
    "tensordot": ("np", "numpy", "torch"),
    "diag": ("np", "numpy", "torch", "method"),
    "diagonal": ("np", "numpy", "torch", "method"),
    "diagflat": ("np", "numpy", "torch"),
    "cross_entropy": tuple(TORCH_FUNCTIONAL),
    "cdist": ("torch",),
    "batch_norm": tuple(TORCH_FUNCTIONAL),
    "log_poisson_loss": tuple(TENSORFLOW),
    "rrelu": (*TORCH_FUNCTIONAL, "torch"),
}
_LOSSES = frozenset(
    {
        "mse_loss",
        "l1_loss",
        "soft_margin_loss",
        "hinge_embedding_loss",
        "multilabel_soft_margin_loss",
        "multi_margin_loss",
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "huber_loss",
        "smooth_l1_loss",
        "kl_div",
        "nll_loss",
        "cross_entropy",
        "poisson_nll_loss",
        "cosine_similarity",
        "gaussian_nll_loss",
        "margin_ranking_loss",
        "triplet_margin_loss",
        "cosine_embedding_loss",
        "pairwise_distance",
        "layer_norm",
        "rms_norm",
        "batch_norm",
        "sigmoid_cross_entropy_with_logits",
        "softmax_cross_entropy_with_logits",
        "softmax_cross_entropy_with_logits_v2",
        "weighted_cross_entropy_with_logits",
        "bias_add",
        "categorical_crossentropy",
        "binary_crossentropy",
        "l2_loss",
        "linear",
        "float",
    }
)
REWRITES["cross_entropy"] = _loss2(
    "cross_entropy",
    (
        "input",
        "target",
        "weight",
        "size_average",
        "ignore_index",
        "reduce",
        "reduction",
        "label_smoothing",
        _INDEX_MARK,
    ),
    _ce,
)



# ---- more element-wise functions of PyTorch/NumPy, each an identity in the language ----------


def _nonzero(x: ast.expr) -> ast.expr:
    """The indicator 1[x ≠ 0] = 1[x > 0] + 1[−x > 0] (``relu_grad``, derivative 0)."""
    return _add(_call("relu_grad", x), _call("relu_grad", _neg(x)))


def _sign(x: ast.expr) -> ast.expr:
    """``np.sign(x)`` / ``torch.sign(x)`` = 1[x > 0] − 1[−x > 0]: 0 at 0, and derivative 0
    (PyTorch's gradient of sign), with a jump at 0 (relu_grad's kink: example values avoid it)."""
    return _sub(_call("relu_grad", x), _call("relu_grad", _neg(x)))


def _xlogy(node: ast.Call, how: str) -> ast.expr:
    """``torch.xlogy(x, y)`` (also ``torch.special.xlogy``, ``scipy.special.xlogy``): x·log y,
    and 0 where x = 0 — PyTorch's convention for the gradient too: ∂/∂x = 1[x ≠ 0]·log y.
    Read as ``x·(1[x > 0] + 1[−x > 0])·log(y)`` (the indicator of x ≠ 0, derivative 0), so the
    value and both partial derivatives are PyTorch's wherever y > 0 (log's domain). Where x = 0
    the log is taken of y + 1 instead (``log(y + 1 − 1[x ≠ 0])``), so that the entropy of
    targets with zeros, ``xlogy(q, q)``, is 0 there as in PyTorch, not log 0."""
    a = _bound(node, "xlogy", ("x", "y"), 2)
    return _x_log_y(a["x"], a["y"])


def _x_log_y(x: ast.expr, y: ast.expr) -> ast.expr:
    """x·log y, 0 where x = 0 (see :func:`_xlogy`): also F.kl_div's target·log(target)."""
    if isinstance(x, ast.Constant):  # a number: its indicator is a number too
        return _mul(x, _call("log", y))
    nonzero = _nonzero(x)
    return _mul(_mul(x, nonzero), _call("log", _add(y, _sub(_num(1), _nonzero(x)))))


def _rel_entr(node: ast.Call, how: str) -> ast.expr:
    """heldnets46: ``scipy.special.rel_entr(x, y)`` / ``jax.scipy.special.rel_entr``: x·log(x/y),
    0 where x = 0 (and y ≥ 0), +inf elsewhere. Read as x·log x − x·log y, each 0 where x = 0
    (:func:`_x_log_y`), so a negative x or y is a non-finite value, refused naming its entry,
    never a number (x/y of two negatives would be one)."""
    a = _bound(node, "rel_entr", ("x", "y"), 2)
    return _sub(_x_log_y(a["x"], a["x"]), _x_log_y(a["x"], a["y"]))


def _xlog1py(node: ast.Call, how: str) -> ast.expr:
    """``torch.special.xlog1py(x, y)`` / ``scipy.special.xlog1py``: x·log(1 + y), 0 where x = 0
    with PyTorch's gradients there (:func:`_x_log_y` of 1 + y)."""
    a = _bound(node, "xlog1py", ("x", "y"), 2)
    return _x_log_y(a["x"], _add(_num(1), a["y"]))


def _softmin(node: ast.Call, how: str) -> ast.expr:
    """``F.softmin(x, dim)`` = ``softmax(−x, dim)`` (PyTorch's definition)."""
    a = _bound(node, "softmin", ("x", "axis", "_stacklevel", "dtype"), 1)
    if not _is_none(a.get("dtype")):
        raise SpellingError(catalog.said("spec.spelling.softmin_1"))
    kw = {"axis": a["axis"]} if not _is_none(a.get("axis")) else {}
    if not kw:
        raise SpellingError(catalog.said("spec.spelling.softmin_2"))
    return _call("softmax", _neg(a["x"]), **kw)


def _logit(node: ast.Call, how: str) -> ast.expr:
    """``torch.logit(p)`` = log(p / (1 − p)) = ``log(p) − log(1 − p)`` (p in (0, 1), log's
    domain on both terms); ``eps=`` clamps p and is refused."""
    a = _bound(node, "logit", ("x", "eps"), 1)
    if not _is_none(a.get("eps")):
        raise SpellingError(catalog.said("spec.spelling.logit_1"))
    x = a["x"]
    return _sub(_call("log", x), _call("log", _sub(_num(1), x)))


def _tensor(node: ast.Call, how: str) -> ast.expr:
    """``torch.tensor(0.5)`` of a number is that number (it broadcasts as one), and so is
    ``torch.tensor([2.0])``, a list of one number (``pos_weight=torch.tensor([2.0])``)."""
    a = _bound(node, "tensor", ("data", "dtype", "device", "requires_grad"), 1)
    v = a["data"]
    if isinstance(v, ast.List | ast.Tuple) and len(v.elts) == 1:
        v = v.elts[0]
    number = v.operand if isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub) else v
    if not (isinstance(number, ast.Constant) and type(number.value) in (int, float)):
        raise SpellingError(catalog.said("spec.spelling.tensor_1"))
    return v


def _threshold(node: ast.Call, how: str) -> ast.expr:
    """``F.threshold(x, t, v)``: x where x > t, else v; gradient 1[x > t] (PyTorch's, 0 at
    x = t). Read as ``g·x + (1 − g)·v`` with ``g = relu_grad(x − t)``."""
    a = _bound(node, "threshold", ("x", "threshold", "value", "inplace"), 3)
    x = a["x"]
    g = _call("relu_grad", _sub(x, a["threshold"]))
    return _add(_mul(g, x), _mul(_sub(_num(1), g), a["value"]))


def _shrink(name: str) -> Callable[[ast.Call, str], ast.expr]:
    """``F.softshrink(x, λ)`` = relu(x − λ) − relu(−x − λ); ``F.hardshrink(x, λ)`` = x where
    |x| > λ, else 0: ``x·(1[x − λ > 0] + 1[−x − λ > 0])`` (λ = 0.5 by default; PyTorch's
    gradient is 0 at ±λ, as relu's at 0)."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("x", "lambd"), 1)
        x, lam = a["x"], a.get("lambd", _num(0.5))
        if name == "softshrink":
            return _sub(_call("relu", _sub(x, lam)), _call("relu", _sub(_neg(x), lam)))
        inside = _add(_call("relu_grad", _sub(x, lam)), _call("relu_grad", _sub(_neg(x), lam)))
        return _mul(x, inside)

    return rewrite


def _heaviside(node: ast.Call, how: str) -> ast.expr:
    """``torch.heaviside(x, v)`` / ``np.heaviside``: 1 for x > 0, 0 for x < 0, v at 0 — a
    constant mask (derivative 0): ``1[x > 0] + v·(1 − 1[x > 0] − 1[−x > 0])``."""
    a = _bound(node, "heaviside", ("x", "values"), 2)
    x, v = a["x"], a["values"]
    pos, neg = _call("relu_grad", x), _call("relu_grad", _neg(x))
    if isinstance(v, ast.Constant) and v.value == 0:
        return pos
    return _add(pos, _mul(v, _sub(_sub(_num(1), pos), neg)))


def _ptp(node: ast.Call, how: str) -> ast.expr:
    """``np.ptp(x, axis)``: the range, max − min (each max's gradient to its argmax)."""
    a = _bound(node, "ptp", ("x", "axis", "out", "keepdims"), 1)
    if not _is_none(a.get("out")):
        raise SpellingError(catalog.said("spec.spelling.ptp_1"))
    axis, keep = _axis_value(a.get("axis")), a.get("keepdims")
    return _sub(_max_of(a["x"], axis, keep, 1), _max_of(a["x"], axis, keep, -1))


def _vdot(node: ast.Call, how: str) -> ast.expr:
    """``np.vdot(a, b)`` of real tensors of one shape: Σ a ⊙ b (NumPy flattens both)."""
    a = _bound(node, "vdot", ("a", "b"), 2)
    return _call("sum", _mul(a["a"], a["b"]))


def _tensordot(node: ast.Call, how: str) -> ast.expr:
    """``np.tensordot(a, b, axes=…)`` of two matrices contracting one axis of each: ``axes=1``
    (the default) or ``([1], [0])`` is ``a @ b``, ``([0], [0])`` is ``a.T @ b`` (``X.T @ dZ``
    as tensordot writes it), ``([1], [1])`` is ``a @ b.T``, ``([0], [1])`` is ``a.T @ b.T``."""
    a = _bound(node, "tensordot", ("a", "b", "axes"), 2)
    pair = _tensordot_axes(a.get("axes"))
    if pair is None:
        raise SpellingError(catalog.said("spec.spelling.tensordot_1"))
    left = _t(a["a"]) if pair[0] == 0 else a["a"]
    right = _t(a["b"]) if pair[1] == 1 else a["b"]
    return _bin(left, ast.MatMult(), right)


def _tensordot_axes(axes: ast.expr | None) -> tuple[int, int] | None:
    """The contracted axes of a tensordot of matrices, (a's, b's), or None where not one of each."""
    if axes is None:
        return 1, 0
    if isinstance(axes, ast.Constant) and axes.value == 1 and type(axes.value) is int:
        return 1, 0
    if not isinstance(axes, (ast.Tuple, ast.List)) or len(axes.elts) != 2:
        return None
    got = []
    for side in axes.elts:
        if isinstance(side, (ast.Tuple, ast.List)) and len(side.elts) == 1:
            side = side.elts[0]
        if isinstance(side, ast.UnaryOp) and isinstance(side.op, ast.USub):  # heldnets41: [-1]
            side = ast.Constant(-side.operand.value) if isinstance(side.operand, ast.Constant) else side
        if not (isinstance(side, ast.Constant) and type(side.value) is int and side.value in (0, 1, -1, -2)):
            return None
        got.append(side.value % 2)
    return got[0], got[1]


def _inner(node: ast.Call, how: str) -> ast.expr:
    """``np.inner(a, b)`` / ``torch.inner``: sums over the last axis, ``a @ b.T`` (of 1-D
    vectors their dot product)."""
    a = _bound(node, "inner", ("a", "b"), 2)
    return _bin(a["a"], ast.MatMult(), _t(a["b"]))


def _nan_max(name: str, sugar: str) -> Callable[[ast.Call, str], ast.expr]:
    """``torch.fmax``/``np.fmax`` (and fmin): NaN-ignoring maximum/minimum (a NaN is refused
    anyway), with PyTorch's derivative at a tie, which is not ``torch.maximum``'s half to each
    side: all of it goes to the first argument (``fmax``'s ``self >= other``, ``fmin``'s ``self
    <= other``). Written with the table's ``clamp0`` (derivative 1 at 0): ``fmax(a, b) = b +
    clamp0(a − b)``, ``fmin(a, b) = b − clamp0(b − a)`` (``clamp0(a)``, ``−clamp0(−a)`` for
    ``b = 0``)."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("x1", "x2"), 2)
        x1, x2 = a["x1"], a["x2"]
        zero = isinstance(x2, ast.Constant) and x2.value == 0
        if sugar == "maximum":
            return _call("clamp0", x1) if zero else _add(x2, _call("clamp0", _sub(x1, x2)))
        if zero:
            return _neg(_call("clamp0", _neg(x1)))
        return _sub(x2, _call("clamp0", _sub(x2, x1)))

    return rewrite


def _refuse(message: str | catalog.Said) -> Callable[[ast.Call, str], ast.expr]:
    """A function with no gradient derive could show: refused with what it is and what to
    write instead (a catalogue message, said in the reader's language)."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        raise SpellingError(message)

    return rewrite


def _clip_by_value(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.clip_by_value(t, lo, hi)`` (TF1 courses' ``tf.log(tf.clip_by_value(y,
    1e-10, 1.0))``): NumPy's clip, with PyTorch's gradient at the bounds."""
    a = _bound(node, "clip_by_value", ("t", "clip_value_min", "clip_value_max", "name"), 3)
    return _clip(a["clip_value_min"], a["clip_value_max"], a["t"], "clip_by_value")


def _squared_difference(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.math.squared_difference(x, y)``: ``(x − y) ** 2`` per entry."""
    a = _bound(node, "squared_difference", ("x", "y", "name"), 2)
    return _bin(_sub(a["x"], a["y"]), ast.Pow(), _num(2))


def _tf_moment(name: str, base: str) -> Callable[[ast.Call, str], ast.expr]:
    """TensorFlow's ``tf.math.reduce_variance``/``reduce_std(x, axis=None, keepdims=False)``:
    the biased moment (divided by n), NumPy's ``var``/``std`` with ddof=0."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, name, ("x", "axis", "keepdims", "name"), 1)
        kw = _axis_kw(a.get("axis"), a.get("keepdims"))
        return _call(base, a["x"], ddof=_num(0), **kw)

    return rewrite


def _l2_normalize(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.nn.l2_normalize(x, axis=None, epsilon=1e-12)``: ``x / √max(Σx², ε)``
    along ``axis`` (TensorFlow multiplies by the reciprocal root: the same number to one ulp);
    without an axis, by the norm of the whole tensor."""
    a = _bound(node, "l2_normalize", ("x", "axis", "epsilon", "name", "dim"), 1)
    if "axis" in a and "dim" in a:
        raise SpellingError(catalog.said("spec.spelling.bound_5", name="l2_normalize", arg="dim"))
    axis = a.get("axis", a.get("dim"))
    kw = _axis_kw(axis, ast.Constant(True)) if not _is_none(axis) else {}
    sq = _call("sum", _bin(a["x"], ast.Pow(), _num(2)), **kw)
    eps = a.get("epsilon", _num(1e-12))
    return _div(a["x"], _call("sqrt", _call("maximum", sq, eps)))


def _norm_dist(kind: str) -> Callable[[ast.Call, str], ast.expr]:
    """SciPy's/JAX's ``norm.<kind>(x, loc=0, scale=1)`` of the normal distribution: with
    z = (x − loc)/scale, ``cdf`` Φ(z) (the table's ndtr), ``logcdf`` log Φ(z), ``sf`` Φ(−z),
    ``logsf`` log Φ(−z), ``pdf`` e^{−z²/2}/(√(2π)·scale), ``logpdf`` its log."""

    def rewrite(node: ast.Call, how: str) -> ast.expr:
        a = _bound(node, kind, ("x", "loc", "scale"), 1)
        z, loc, scale = a["x"], a.get("loc"), a.get("scale")
        if loc is not None and not _zero(loc):
            z = _sub(z, loc)
        if scale is not None:
            z = _div(z, scale)
        if kind in ("cdf", "sf"):
            return _call("ndtr", z if kind == "cdf" else _neg(z))
        if kind in ("logcdf", "logsf"):
            return _call("log_ndtr", z if kind == "logcdf" else _neg(z))
        half_square = _div(_bin(z, ast.Pow(), _num(2)), _num(2))
        root = _call("sqrt", _mul(_num(2), _num(math.pi)))
        if kind == "pdf":
            density = _div(_call("exp", _neg(half_square)), root)
            return density if scale is None else _div(density, scale)
        log_density = _sub(_neg(half_square), _call("log", root))
        return log_density if scale is None else _sub(log_density, _call("log", scale))

    return rewrite


def _atan2(node: ast.Call, how: str) -> ast.expr | None:
    """``torch.atan2(y, x)`` / ``np.arctan2`` (``tf.math.atan2``, ``jnp.arctan2``, ``math.atan2``):
    the angle of (x, y), read as the table's own two-argument row ``atan2(y, x)`` (spellings26;
    its partial derivatives x/(x² + y²) and −y/(x² + y²), PyTorch's, also at x = 0 or y = 0).
    The arguments by position or by each library's keywords (PyTorch's ``input``/``other``,
    NumPy's ``x1``/``x2``, TensorFlow's ``y``/``x``); the origin, where atan2 has no derivative,
    is refused where the values are known (:mod:`derive.lang.domains`)."""
    if node.func.id == "atan2" and len(node.args) == 2 and not node.keywords:  # type: ignore[attr-defined]
        return None  # the language's own call
    given = {k.arg for k in node.keywords}
    names = next(
        (p for p in (("input", "other"), ("x1", "x2"), ("y", "x")) if given <= set(p)),
        ("input", "other"),
    )
    a = _bound(node, "atan2", names, 2)
    return _call("atan2", a[names[0]], a[names[1]])


def trapezoid_s26(node: ast.Call, vector: Callable[[ast.AST], bool], module: str) -> ast.expr:
    """``np.trapz``/``np.trapezoid(y, x=None, dx=1.0, axis=-1)`` and ``torch.trapezoid``/
    ``torch.trapz(y, x, *, dx, dim=-1)``: the trapezoid rule along the axis, as both libraries
    compute it — Σ (y[i+1] + y[i])/2 · d[i] with d = dx, or d = x[i+1] − x[i] (``x`` of ``y``'s
    shape, or 1-D laid along the axis: NumPy's reshape, PyTorch's rule). Read with keepdims
    (the converter turns a reduction along axis 1 into NumPy's 1-D row); a 1-D ``y`` (``vector``
    says so) gives one number. ``x`` and ``dx`` together: NumPy uses ``x`` (``dx`` only "when x
    is None"), PyTorch raises, so refused there; another axis is refused."""
    a = _bound(node, "trapezoid", ("y", "x", "dx", "axis", "dim"), 1)
    if not _is_none(a.get("axis")) and not _is_none(a.get("dim")):
        raise SpellingError(catalog.said("spec.spelling.bound_5", name="trapezoid", arg="dim"))
    k = _int_literal(a.get("axis", a.get("dim", _num(-1))))
    if k not in (0, 1, -1, -2):
        raise SpellingError(catalog.said("spec.spellings26.trapezoid_axis"))
    y, x, dx = a["y"], a.get("x"), a.get("dx")
    if not _is_none(x) and not _is_none(dx) and module.split(".")[0] == "torch":
        raise SpellingError(catalog.said("spec.spellings26.trapezoid_both"))
    one = vector(y)
    along = 0 if one else k % 2
    turned = along == 0 and not one and not _is_none(x) and vector(x)
    if turned:  # a 1-D x along axis 0: the rule along axis 1 of yᵀ (x a row there), transposed
        y, along = ast.Attribute(y, "T", ast.Load()), 1

    def cut(t: ast.expr, lo: int | None, hi: int | None, flat: bool) -> ast.expr:
        part = ast.Slice(None if lo is None else _num(lo), None if hi is None else _num(hi))
        index = part if along == 0 or flat else ast.Tuple([ast.Slice(), part], ast.Load())
        return ast.Subscript(t, index, ast.Load())

    mean = _div(_add(cut(y, 1, None, one), cut(y, None, -1, one)), _num(2))
    if _is_none(x):
        step = _num(1) if _is_none(dx) else dx
    elif vector(x):  # 1-D: laid along the axis
        step = _sub(cut(x, 1, None, True), cut(x, None, -1, True))
    else:
        step = _sub(cut(x, 1, None, one), cut(x, None, -1, one))
    body = _mul(mean, step)  # type: ignore[arg-type]
    if one:
        return _call("sum", body)
    out = _call("sum", body, axis=_num(along), keepdims=ast.Constant(True))
    return ast.Attribute(out, "T", ast.Load()) if turned else out


MAX_PDIST_PAIRS = 120  # F.pdist of up to 16 rows: each pair's distance is written out


def pdist_s26(node: ast.Call, rows: int | None) -> ast.expr:
    """PyTorch's ``F.pdist(x, p=2)`` (``torch.pdist``): the distances ‖x_i − x_j‖_p of the rows
    i < j in PyTorch's order (row-major: (0, 1), (0, 2), …, (1, 2), …), a 1-D vector of
    n(n − 1)/2 entries, read as a row [1, n(n − 1)/2] (derive's 1-D vectors are rows) joined from
    each pair's distance: p = 2 by ``sqrt0`` (PyTorch's gradient 0 at a zero distance, measured),
    p = 1 by ``abs`` (0 at a tie). ``rows``: x's rows, from the shapes."""
    a = _bound(node, "pdist", ("input", "p"), 1)
    p = a.get("p", _num(2))
    order = p.value if isinstance(p, ast.Constant) and type(p.value) in (int, float) else None
    if order not in (1, 2):
        raise SpellingError(catalog.said("spec.spellings26.pdist_p"))
    if rows is None or not 2 <= rows or rows * (rows - 1) // 2 > MAX_PDIST_PAIRS:
        n = "?" if rows is None else str(rows)
        raise SpellingError(
            catalog.said("spec.spellings26.pdist_rows", rows=n, most=str(MAX_PDIST_PAIRS))
        )
    x = a["input"]

    def row(i: int) -> ast.expr:
        part = ast.Slice(_num(i), _num(i + 1))
        return ast.Subscript(x, ast.Tuple([part, ast.Slice()], ast.Load()), ast.Load())

    parts: list[ast.expr] = []
    for i in range(rows):
        for j in range(i + 1, rows):
            gap = _sub(row(i), row(j))
            term = _call("abs", gap) if order == 1 else _bin(gap, ast.Pow(), _num(2))
            total = _call("sum", term, axis=_num(1), keepdims=ast.Constant(True))
            parts.append(total if order == 1 else _call("sqrt0", total))
    most = ops.get("concat").nargs[1]  # joined in groups the language's concat takes
    while len(parts) > 1:
        parts = [
            group[0] if len(group) == 1 else _call("concat", *group, axis=_num(1))
            for group in (parts[k : k + most] for k in range(0, len(parts), most))
        ]
    return parts[0]


def _divide_no_nan(node: ast.Call, how: str) -> ast.expr:
    """TensorFlow's ``tf.math.divide_no_nan(x, y)``: x/y, and 0 where y = 0 (both gradients 0
    there too, as TensorFlow's): ``x·1[y ≠ 0] / (y + 1 − 1[y ≠ 0])`` — the indicator has
    derivative 0, so elsewhere the value and both partial derivatives are x/y's. A y given
    exactly 0 reaches the indicator's kink and is refused (exit 2) naming the entry."""
    a = _bound(node, "divide_no_nan", ("x", "y", "name"), 2)
    x, y = a["x"], a["y"]
    nonzero = _nonzero(y)
    return _div(_mul(x, nonzero), _add(y, _sub(_num(1), _nonzero(y))))


REWRITES.update(
    {
        "xlogy": _xlogy,
        "clip_by_value": _clip_by_value,
        "squared_difference": _squared_difference,
        "reduce_variance": _tf_moment("reduce_variance", "var"),
        "reduce_std": _tf_moment("reduce_std", "std"),
        "l2_normalize": _l2_normalize,
        # −x·log x (torch.special.entr, scipy.special.entr); at x = 0 log's domain refuses it
        "entr": _one("entr", lambda x: _neg(_mul(x, _call("log", x)))),
        "rel_entr": _rel_entr,
        "sign": _one("sign", _sign),
        "softmin": _softmin,
        "logit": _logit,
        "tensor": _tensor,
        "threshold": _threshold,
        "softshrink": _shrink("softshrink"),
        "hardshrink": _shrink("hardshrink"),
        "tanhshrink": _one("tanhshrink", lambda x: _sub(x, _call("tanh", x))),
        "heaviside": _heaviside,
        "tan": _one("tan", lambda x: _div(_call("sin", x), _call("cos", x))),
        "arctan": _one("arctan", lambda x: _call("atan", x)),
        # spellings22: NumPy's (and PyTorch's alias) names of the inverse hyperbolic rows
        "arcsinh": _one("arcsinh", lambda x: _call("asinh", x)),
        "arccosh": _one("arccosh", lambda x: _call("acosh", x)),
        "arctanh": _one("arctanh", lambda x: _call("atanh", x)),
        # heldnets25: NumPy's names of the inverse sine and cosine rows
        "arcsin": _one("arcsin", lambda x: _call("asin", x)),
        "arccos": _one("arccos", lambda x: _call("acos", x)),
        "atan2": _atan2,
        "arctan2": _atan2,
        # spellings27: an array of a tensor is the tensor (np.asarray(A), jnp.asarray(A),
        # torch.as_tensor(A)): the same values, and the gradient flows through
        "asarray": _one("asarray", lambda x: x),
        "as_tensor": _one("as_tensor", lambda x: x),
        "divide_no_nan": _divide_no_nan,
        # spellings23: NumPy's/SciPy's real cube root sign(x)·|x|^(1/3) (PyTorch has none), and
        # x·log(1 + y), 0 where x = 0 as PyTorch's torch.special.xlog1py
        "cbrt": _one("cbrt", lambda x: _mul(_sign(x), _bin(_call("abs", x), ast.Pow(), _div(_num(1), _num(3))))),
        "xlog1py": _xlog1py,
        # log Γ and ψ as SciPy and torch.special name them (the table's lgamma, digamma)
        "gammaln": _one("gammaln", lambda x: _call("lgamma", x)),
        "loggamma": _one("loggamma", lambda x: _call("lgamma", x)),
        "psi": _one("psi", lambda x: _call("digamma", x)),
        "polygamma": _polygamma,
        # spellings24: e^{−|x|}·I₀(x), the exponentially scaled I₀ (torch.special.i0e,
        # scipy.special.i0e): |x|'s kink at 0 as the language's abs has it
        "i0e": _one("i0e", lambda x: _mul(_call("exp", _neg(_call("abs", x))), _call("i0", x))),
        **{kind: _norm_dist(kind) for kind in NORM_READ},
        "standardize": _standardize,
        "fmax": _nan_max("fmax", "maximum"),
        "fmin": _nan_max("fmin", "minimum"),
        "ptp": _ptp,
        "vdot": _vdot,
        "inner": _inner,
        "tensordot": _tensordot,
        "argmax": _refuse(catalog.said("spec.heldnets23.indices", name="argmax")),
        "argmin": _refuse(catalog.said("spec.heldnets23.indices", name="argmin")),
        "median": _refuse(catalog.said("spec.heldnets23.middle", name="median")),
        "nanmedian": _refuse(catalog.said("spec.heldnets23.middle", name="nanmedian")),
        # heldnets36: a quantile is an entry picked by its rank, not the middle one
        **{
            name: _refuse(catalog.said("spec.heldnets36.rank", name=name))
            for name in ("quantile", "percentile", "nanquantile", "nanpercentile")
        },
    }
)
_QUALIFIED.update(
    {
        "relu": tuple(KERAS_ACTIVATIONS),
        "tensor": ("torch",),
        "threshold": tuple(TORCH_FUNCTIONAL),
        "xlogy": (
            "torch", "torch.special", "scipy.special", "special", "method", "jax.scipy.special",
            "tf", "tf.math", "tensorflow", "tensorflow.math",
        ),
        "clip_by_value": tuple(TENSORFLOW),
        "squared_difference": tuple(TENSORFLOW),
        "reduce_variance": tuple(TENSORFLOW),
        "reduce_std": tuple(TENSORFLOW),
        "l2_normalize": tuple(TENSORFLOW),
        "entr": ("torch.special", "scipy.special", "special", "jax.scipy.special"),
        "rel_entr": ("scipy.special", "special", "jax.scipy.special"),  # heldnets46
        "gammaln": ("torch.special", "scipy.special", "special", "jax.scipy.special"),
        "loggamma": ("scipy.special", "special"),
        "psi": ("torch.special", "scipy.special", "special", "jax.scipy.special"),
        **{kind: tuple(NORM_DIST) for kind in NORM_READ},
        "standardize": ("jax.nn",),
        "divide_no_nan": tuple(TENSORFLOW),
        "cbrt": ("np", "numpy", "jnp", "jax.numpy", "scipy.special", "special"),
        "asarray": ("np", "numpy", "jnp", "jax.numpy"),
        "as_tensor": ("torch",),
        "xlog1py": ("torch.special", "scipy.special", "special", "jax.scipy.special"),
        "i0e": ("torch.special", "scipy.special", "special", "jax.scipy.special"),
        "polygamma": (
            "torch", "torch.special", "scipy.special", "special", "jax.scipy.special", "method"
        ),
    }
)

# table ops whose PyTorch spelling still needs reading (an axis, logits)
_OVER_TABLE = frozenset(
    {"softmax", "log_softmax", "cross_entropy", "concat", "softplus", "relu", "atan2"}
)


def _keras_relu(node: ast.Call, how: str) -> ast.expr:
    """Keras' ``activations.relu(x, alpha=0.0, max_value=None, threshold=0.0)`` (Keras 3 names
    the slope ``negative_slope``): the ReLU, a leaky ReLU of slope ``alpha`` or a ReLU capped at
    ``max_value`` (relu6's form: PyTorch's derivative 0 at the cap); a threshold, or a slope and
    a cap together, are refused naming what to write."""
    a = _bound(node, "relu", ("x", "alpha", "max_value", "threshold", "negative_slope"), 1)
    slope = a.get("alpha", a.get("negative_slope"))
    cap = None if _is_none(a.get("max_value")) else a.get("max_value")
    threshold = a.get("threshold")
    if threshold is not None and not _zero(threshold) or (
        slope is not None and not _zero(slope) and cap is not None
    ):
        raise SpellingError(catalog.said("spec.spelling.keras_relu"))
    if slope is not None and not _zero(slope):
        return ast.Call(ast.Name("leaky_relu", ast.Load()), [a["x"], slope], [])
    if cap is not None:
        return _hardclip(_num(0), cap, a["x"])
    return _call("relu", a["x"])


def method(name: str) -> bool:
    """Whether ``x.<name>(…)`` is read as ``<name>(x, …)``: NumPy/PyTorch tensor methods of the
    language's element-wise, row-wise and reduction functions and of the rewrites above."""
    op = ops.OPS.get(name)  # the active table (a test may register an op)
    if op is not None and not op.extra.get("internal"):
        return op.kind != ops.LOSS
    return name in REWRITES and name not in _LOSSES or name in (
        "square", "maximum", "minimum", "cumsum", "diagonal", "prod",
        "cumprod", "flip", "fliplr", "flipud", "roll",  # spellings22: PyTorch's tensor methods
    )


def keywords(node: ast.Call) -> ast.Call:
    """PyTorch's keyword names as NumPy's (``dim`` → ``axis``, ``keepdim`` → ``keepdims``;
    ``negative_slope`` → ``slope`` of leaky_relu)."""
    assert isinstance(node.func, ast.Name)
    if any(_inplace_flag(k) for k in node.keywords):  # F.relu(x, inplace=True): the same values
        kept = [k for k in node.keywords if not _inplace_flag(k)]
        node = ast.copy_location(ast.Call(node.func, node.args, kept), node)
    names = {**_KEYWORDS, **_OP_KEYWORDS.get(node.func.id, {})}
    if not any(k.arg in names for k in node.keywords):
        return node
    kws = [ast.keyword(names.get(k.arg, k.arg), k.value) for k in node.keywords]  # type: ignore[arg-type]
    if node.func.id in ("var", "std") and any(k.arg in _KEYWORDS for k in node.keywords):
        # X.var(dim=0) is PyTorch's: unbiased unless told otherwise
        kws.append(ast.keyword(_TORCH_MARK, ast.Constant(True)))
    return ast.copy_location(ast.Call(node.func, node.args, kws), node)


def _inplace_flag(k: ast.keyword) -> bool:
    """PyTorch's ``inplace=True``/``False`` keyword of an activation (``F.relu(x, inplace=True)``,
    ``F.dropout``): where to write the result, not what it is."""
    return k.arg == "inplace" and isinstance(k.value, ast.Constant) and type(k.value.value) is bool


def respell(node: ast.Call, how: str) -> ast.expr | None:
    """The language form of ``node`` (a call of a bare name, after the module prefix or method
    receiver was moved into it; ``how`` says which), or ``None`` when it is the language's own."""
    assert isinstance(node.func, ast.Name)
    name = node.func.id
    rewrite = REWRITES.get(name)
    if rewrite is None:
        return None
    allowed = _QUALIFIED.get(name)
    if allowed is not None and how not in allowed:
        return None
    if name in ops.OPS and name not in _OVER_TABLE and not ops.OPS[name].extra.get("internal"):
        return None  # an op of the active table keeps its own row (a test may register one)
    return rewrite(node, how)

REWRITES["relu"] = _keras_relu


def _cosine_or_keras(node: ast.Call, how: str) -> ast.expr:
    """``cosine_similarity``: Keras' per-example loss (−cos, l2-normalised) in its losses module
    (spellings24), PyTorch's/the language's similarity (+cos) everywhere else."""
    if how in KERAS_LOSSES:
        return _keras_per_example_loss("cosine_similarity")(node, how)
    return _cosine(node, how)


REWRITES["cosine_similarity"] = _cosine_or_keras

# heldnets46: SciPy's (and JAX's) special.kl_div is another function under PyTorch's loss name
_SCIPY_SPECIAL_HN46 = ("scipy.special", "special", "jax.scipy.special")
_kl_div_torch = REWRITES["kl_div"]


def _kl_div_or_scipy(node: ast.Call, how: str) -> ast.expr | None:
    """``kl_div``: PyTorch's loss ``F.kl_div(input, target)`` (input log-probabilities, a
    reduction) everywhere but SciPy's/JAX's ``special``, whose ``kl_div(x, y)`` is the
    element-wise x·log(x/y) − x + y (y where x = 0, +inf elsewhere): ``rel_entr(x, y) − x + y``
    (:func:`_rel_entr`). On 22887035 ``scipy.special.kl_div(q, p)`` was read as PyTorch's
    mean(p·(log p − q)) and verified ✓ (a wrong ✓)."""
    if how in _SCIPY_SPECIAL_HN46:
        a = _bound(node, "kl_div", ("x", "y"), 2)
        rel = _rel_entr(ast.Call(ast.Name("rel_entr", ast.Load()), [a["x"], a["y"]], []), how)
        return _add(_sub(rel, a["x"]), a["y"])
    return _kl_div_torch(node, how)


REWRITES["kl_div"] = _kl_div_or_scipy


# ---- probability distributions (torch.distributions, TensorFlow Probability, distrax) ---------

# module paths of the distribution classes (``import torch.distributions as D``, ``tfd``)
DIST_MODULES = frozenset(
    {
        "torch.distributions",
        "distributions",
        "dist",
        "dists",
        "D",
        "td",
        "tfd",
        "tfp.distributions",
        "distrax",
        "torch.distributions.normal",
        "torch.distributions.bernoulli",
        "torch.distributions.categorical",
        "torch.distributions.kl",
    }
)
DIST_KINDS = ("Normal", "Bernoulli", "Categorical")
DIST_METHODS = ("log_prob", "prob", "cdf", "log_cdf", "entropy")
_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)  # PyTorch's math.log(math.sqrt(2 * math.pi))


def _distribution(node: ast.AST, taken: frozenset[str]) -> tuple[str, dict[str, ast.expr]] | None:
    """``(kind, arguments)`` of ``torch.distributions.Normal(mu, sigma)`` (``D.Bernoulli(logits=
    z)``, ``tfd.Categorical(probs=P)``, a bare ``Normal(…)`` where no tensor has the name), or
    ``None``. ``Independent(base, 1)`` is ``("Independent:" + kind, …)`` of its base."""
    if not isinstance(node, ast.Call):
        return None
    f = node.func
    if isinstance(f, ast.Attribute) and _module_path(f.value) in DIST_MODULES:
        kind = f.attr
    elif isinstance(f, ast.Name) and f.id not in taken:
        kind = f.id
    else:
        return None
    if kind == "Independent":
        a = _bound(node, "Independent", ("base_distribution", "reinterpreted_batch_ndims"), 2)
        base = _distribution(a["base_distribution"], taken)
        if base is None or _int_literal(a["reinterpreted_batch_ndims"]) != 1:
            raise SpellingError(catalog.said("spec.spelling.dist_independent"))
        return "Independent:" + base[0], base[1]
    if kind not in DIST_KINDS:
        return None
    if kind == "Normal":
        a = _bound(node, kind, ("loc", "scale", "validate_args"), 2)
    else:
        a = _bound(node, kind, ("probs", "logits", "validate_args"), 0)
        if (a.get("probs") is None) == (a.get("logits") is None):
            raise SpellingError(catalog.said("spec.spelling.dist_probs", kind=kind))
    return kind, a


def _dist_method(kind: str, a: dict[str, ast.expr], method: str, value: ast.expr | None) -> str:
    """The text of ``<kind>(a).<method>(value)`` as PyTorch computes it (its
    torch/distributions source), in spellings derive reads."""
    u = ast.unparse
    if kind == "Normal":
        loc, scale = f"({u(a['loc'])})", f"({u(a['scale'])})"
        z = f"(({u(value)}) - {loc}) / {scale}" if value is not None else ""
        if method in ("log_prob", "prob"):
            lp = (
                f"(-(({u(value)}) - {loc}) ** 2 / (2 * {scale} ** 2) - torch.log({scale})"
                f" - {_HALF_LOG_2PI!r})"
            )
            return lp if method == "log_prob" else f"torch.exp{lp}"
        if method == "cdf":
            return f"torch.special.ndtr({z})"
        if method == "log_cdf":
            return f"torch.special.log_ndtr({z})"
        return f"({0.5 + _HALF_LOG_2PI!r} + torch.log({scale}))"  # entropy
    if kind == "Bernoulli":
        logits = a.get("logits")
        if method in ("log_prob", "prob"):
            y = f"({u(value)})"
            # y·log p + (1 − y)·log(1 − p): the form that marks y a label in {0, 1} (the values
            # PyTorch's Bernoulli accepts), p = σ(logits) for logits
            p = f"torch.sigmoid({u(logits)})" if logits is not None else f"({u(a['probs'])})"
            lp = f"({y} * torch.log({p}) + (1 - {y}) * torch.log(1 - {p}))"
            return lp if method == "log_prob" else f"torch.exp{lp}"
        if method == "entropy":
            if logits is not None:
                z = f"({u(logits)})"
                return f"(F.softplus({z}) - {z} * torch.sigmoid({z}))"
            p = f"({u(a['probs'])})"
            return f"(-({p} * torch.log({p}) + (1 - {p}) * torch.log(1 - {p})))"
    if kind == "Categorical":
        logits = a.get("logits")
        if logits is not None:
            logp = f"F.log_softmax({u(logits)}, dim=-1)"
        else:
            p = f"({u(a['probs'])})"
            logp = f"torch.log({p} / {p}.sum(-1, keepdim=True))"
        if method in ("log_prob", "prob") and value is not None:
            if logits is not None:
                lp = f"(-F.cross_entropy({u(logits)}, {u(value)}, reduction='none'))"
            else:
                lp = f"(-F.nll_loss({logp}, {u(value)}, reduction='none'))"
            return lp if method == "log_prob" else f"torch.exp{lp}"
        if method == "entropy":
            return f"(-(torch.exp({logp}) * {logp}).sum(-1))"
    raise SpellingError(catalog.said("spec.spelling.dist_method", kind=kind, method=method))


def _kl_normal_normal(p: dict[str, ast.expr], q: dict[str, ast.expr]) -> str:
    """KL(p ‖ q) of two normals as torch.distributions.kl._kl_normal_normal computes it."""
    u = ast.unparse
    ratio = f"(({u(p['scale'])}) / ({u(q['scale'])})) ** 2"
    t1 = f"((({u(p['loc'])}) - ({u(q['loc'])})) / ({u(q['scale'])})) ** 2"
    return f"(0.5 * ({ratio} + {t1} - 1 - torch.log({ratio})))"


def bernoulli_values(text: str, taken: frozenset[str] = frozenset()) -> set[str]:
    """Names ``y`` of ``Bernoulli(…).log_prob(y)`` / ``.prob(y)`` (also under ``Independent``,
    ``y.T``, ``y.float()``): PyTorch's Bernoulli validates its argument against its support and
    refuses any value but 0 or 1 (``ValueError: Expected value argument … within the support
    (Boolean())``), where the formula it computes, y log p + (1 − y) log(1 − p), would take
    any number. So a given value of ``y`` outside {0, 1} is refused as PyTorch refuses it."""
    if "Bernoulli" not in text or (tree := parsed(text)) is None:
        return set()
    out: set[str] = set()
    for n in ast.walk(tree):
        if not (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in ("log_prob", "prob")
            and len(n.args) == 1
        ):
            continue
        try:
            kind = _distribution(n.func.value, taken)
        except SpellingError:
            continue
        if kind is None or kind[0].removeprefix("Independent:") != "Bernoulli":
            continue
        v = n.args[0]
        while True:  # y.T, y.float(), y.double(), torch.transpose-free wrappers
            if isinstance(v, ast.Attribute) and v.attr in ("T", "mT"):
                v = v.value
            elif (
                isinstance(v, ast.Call)
                and isinstance(v.func, ast.Attribute)
                and v.func.attr in ("float", "double", "t")
                and not v.args
            ):
                v = v.func.value
            else:
                break
        if isinstance(v, ast.Name):
            out.add(v.id)
    return out
# torch.distributions.MultivariateNormal of a covariance or a scale given as a named matrix of a
# literal size up to MVN_MAX × MVN_MAX (or as a diagonal, torch.diag(v)): the covariance's
# inverse is a line of its own (a 3 × 3 one written out has 326 parts of a line's 400)
MVN_MAX = 3
_MVN_KEYS = ("covariance_matrix", "scale_tril", "precision_matrix")


def _mvn_of(node: ast.AST, taken: frozenset[str]) -> dict[str, ast.expr] | None:
    """The arguments of ``torch.distributions.MultivariateNormal(loc, covariance_matrix=S)``
    (``D.MultivariateNormal``, ``tfd``'s is another class), or ``None``."""
    if not isinstance(node, ast.Call):
        return None
    f = node.func
    named = isinstance(f, ast.Name) and f.id == "MultivariateNormal" and f.id not in taken
    if not named and not (
        isinstance(f, ast.Attribute)
        and f.attr == "MultivariateNormal"
        and _module_path(f.value) in DIST_MODULES
    ):
        return None
    a = _bound(node, "MultivariateNormal", ("loc", *_MVN_KEYS, "validate_args"), 1)
    given = [k for k in _MVN_KEYS if not _is_none(a.get(k))]
    if len(given) != 1:
        raise SpellingError(catalog.said("spec.spelling.mvn_args", n=str(MVN_MAX)))
    return a


def _diagonal_of(node: ast.expr) -> ast.expr | None:
    """``v`` of ``torch.diag(v)`` / ``torch.diag_embed(v)`` / ``np.diag(v)`` (a diagonal matrix
    of the vector ``v``), else ``None``."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("diag", "diag_embed", "diagflat")
        and len(node.args) == 1
        and not node.keywords
    ):
        return node.args[0]
    return None


def diagonal_of(node: ast.expr) -> ast.expr | None:
    """:func:`_diagonal_of` for the spec reader (a diagonal covariance stays as it is)."""
    return _diagonal_of(node)


def multivariate_normal(
    text: str, key: str, shapes: Mapping[str, tuple[Any, ...]], taken: frozenset[str]
) -> tuple[list[tuple[str, str]], str]:
    """``MultivariateNormal(loc, covariance_matrix=S | scale_tril=L).log_prob(x)`` and
    ``.entropy()`` as torch/distributions/multivariate_normal.py computes them: with d = x − loc
    (a line ``<key>_diff``), log p = −½(k·log 2π + M) − ½log det Σ, entropy ½k(1 + log 2π) +
    ½log det Σ. M, the Mahalanobis term, is Σⱼ dⱼ²/vⱼ for a diagonal ``torch.diag(v)``
    (Σⱼ (dⱼ/sⱼ)² for a scale ``torch.diag(s)``); ``(d @ S⁻¹ ⊙ d)`` summed along the row, S⁻¹
    a line ``<key>_prec`` written out entry by entry, for a named covariance S; for a named
    ``scale_tril`` L, ‖z‖² with L z = d solved by forward substitution on L's lower triangle
    (PyTorch's solve_triangular reads no other entry), log det Σ = 2 Σⱼ log Lⱼⱼ. Returns the
    lines to put before ``key`` and ``text`` reading them."""
    if "MultivariateNormal" not in text:
        return [], text
    tree = parsed(text)
    if tree is None:
        return [], text
    extra: list[tuple[str, str]] = []
    names = set(taken)

    def fresh(stem: str) -> str:
        name, k = f"{key}_{stem}", 2
        while name in names:
            name, k = f"{key}_{stem}{k}", k + 1
        names.add(name)
        return name

    class Mvn(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            f = n.func
            a = _mvn_of(f.value, frozenset(taken)) if isinstance(f, ast.Attribute) else None
            if a is None:
                return self.generic_visit(n)
            if f.attr not in ("log_prob", "entropy") or n.keywords or len(n.args) != (
                f.attr == "log_prob"
            ):
                raise SpellingError(catalog.said("spec.spelling.mvn_args", n=str(MVN_MAX)))
            value = self.visit(n.args[0]) if n.args else None
            return parsed_body(_mvn_text(a, f.attr, value, shapes, fresh, extra)) or n

    out = ast.unparse(Mvn().visit(tree))
    return extra, out


def _mvn_text(
    a: dict[str, ast.expr],
    method: str,
    value: ast.expr | None,
    shapes: Mapping[str, tuple[Any, ...]],
    fresh: Callable[[str], str],
    extra: list[tuple[str, str]],
) -> str:
    """The text of one MultivariateNormal's ``log_prob(value)`` or ``entropy()`` (see
    :func:`multivariate_normal`), adding the lines it reads to ``extra``."""
    u = ast.unparse
    tril = not _is_none(a.get("scale_tril"))
    precision = not _is_none(a.get("precision_matrix"))  # spellings23: P = Σ⁻¹
    given = a["scale_tril"] if tril else a["precision_matrix"] if precision else a[
        "covariance_matrix"
    ]
    diagonal = _diagonal_of(given)
    sign = "-" if precision else ""  # ½ log det Σ = −½ log det P
    if diagonal is not None:
        v = f"({u(diagonal)})"
        k = _last_size(diagonal, shapes)
        half_log_det = f"torch.log({v}).sum()" if tril else f"({sign}0.5 * torch.log({v}).sum())"
    else:
        k = _named_square(given, shapes)
        g = u(given)
        if tril:
            half_log_det = " + ".join(f"torch.log({g}[{j}, {j}])" for j in range(k))
        else:
            half_log_det = f"({sign}0.5 * torch.logdet({g}))"
    log_2pi = f"{k} * math.log(2 * math.pi)"
    if method == "entropy":  # one number per row of loc (PyTorch's batch shape)
        rows = f"torch.ones_like(({u(a['loc'])}).sum(-1))"
        return f"(0.5 * {k} * (1.0 + math.log(2 * math.pi)) + ({half_log_det})) * {rows}"
    assert value is not None
    diff = fresh("diff")
    extra.append((diff, f"({u(value)}) - ({u(a['loc'])})"))
    if diagonal is not None:
        term = f"({diff} / {v}) ** 2" if tril else f"{diff} ** 2 * {v}" if precision else (
            f"{diff} ** 2 / {v}"
        )
        maha = f"({term}).sum(-1)"
    elif precision:
        maha = f"(({diff} @ {u(given)}) * {diff}).sum(-1)"
    elif tril:
        maha = " + ".join(f"({z}) ** 2" for z in _forward_substitution(diff, u(given), k))
    else:
        prec = fresh("prec")
        extra.append((prec, f"torch.linalg.inv({u(given)})"))
        maha = f"(({diff} @ {prec}) * {diff}).sum(-1)"
    return f"(-0.5 * ({log_2pi} + ({maha})) - ({half_log_det}))"


def _forward_substitution(d: str, tril: str, k: int) -> list[str]:
    """z with L z = d for each row of ``d`` (columns ``d[:, j]``), L the lower triangle of
    ``tril``: zⱼ = (dⱼ − Σ_{i<j} Lⱼᵢ zᵢ)/Lⱼⱼ."""
    zs: list[str] = []
    for j in range(k):
        top = f"{d}[:, {j}]"
        for i, z in enumerate(zs):
            top = f"{top} - {tril}[{j}, {i}] * ({z})"
        zs.append(f"({top}) / {tril}[{j}, {j}]")
    return zs


def _named_square(node: ast.expr, shapes: Mapping[str, tuple[Any, ...]]) -> int:
    """k of a name declared k × k, k a number up to :data:`MVN_MAX`; else refused."""
    shape = shapes.get(node.id) if isinstance(node, ast.Name) else None
    if (
        shape is None
        or len(shape) != 2
        or any(getattr(d, "label", None) or getattr(d, "env", None) for d in shape)
        or int(shape[0]) != int(shape[1])
        or not 1 <= int(shape[0]) <= MVN_MAX
    ):
        raise SpellingError(catalog.said("spec.spelling.mvn_args", n=str(MVN_MAX)))
    return int(shape[0])


def _last_size(node: ast.expr, shapes: Mapping[str, tuple[Any, ...]]) -> str:
    """The length of the vector ``node`` of a diagonal (its last axis, the first declared
    tensor it reads), as text: a [dims] name or a number; a vector of no tensor is refused."""
    named = [n for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in shapes]
    if not named:  # torch.diag(sd ** 2): the vector's own name gives its length
        raise SpellingError(catalog.said("spec.spelling.mvn_args", n=str(MVN_MAX)))
    d = shapes[named[0].id][-1]
    return str(getattr(d, "label", None) or int(d))


def _unread_distribution_hn46(f: ast.expr) -> str | None:
    """heldnets46: the class name of ``torch.distributions.NegativeBinomial(…).log_prob(y)``
    (``tfd.Poisson(…).prob``, any method of a distribution class of a module of
    :data:`DIST_MODULES` or under ``torch.distributions.``) that derive does not read, else
    ``None``: it was refused by the generic "only calls of named functions" sentence."""
    if not (
        isinstance(f, ast.Attribute)
        and isinstance(f.value, ast.Call)
        and isinstance(f.value.func, ast.Attribute)
    ):
        return None
    cls = f.value.func
    path = _module_path(cls.value)
    if not (path in DIST_MODULES or path.startswith("torch.distributions.")):
        return None
    if not cls.attr[:1].isupper() or cls.attr in (*DIST_KINDS, "Independent", "MultivariateNormal"):
        return None
    return cls.attr


def distributions(text: str, taken: frozenset[str] = frozenset()) -> str:
    """``text`` with calls of probability distributions — ``Normal(loc, scale).log_prob(x)``
    (also ``.cdf``, ``.entropy()``; TFP's ``.prob``, ``.log_cdf``), ``Bernoulli(probs=p |
    logits=z)``, ``Categorical(probs=P | logits=Z).log_prob(a)`` of class indices,
    ``Independent(base, 1)`` (summed over the last axis), ``kl_divergence(Normal, Normal)`` —
    written as PyTorch computes them, in spellings derive reads. ``taken``: the spec's names (a
    tensor called ``Normal`` is not the class). Sampling (``rsample``) and other methods or
    distributions: :class:`SpellingError` naming what is read."""
    if not any(k in text for k in (*DIST_KINDS, "Independent", "kl_divergence")) and not any(
        f"{m}." in text for m in DIST_MODULES
    ):
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Dists(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            f = n.func
            unread = _unread_distribution_hn46(f)
            if unread is not None:
                raise SpellingError(catalog.said(
                    "spec.heldnets46.dist_unread", kind=unread, method=getattr(f, "attr", ""),
                    read=", ".join(DIST_KINDS),
                ))
            if isinstance(f, ast.Attribute) and _distribution(f.value, taken) is not None:
                kind, a = _distribution(f.value, taken)  # type: ignore[misc]
                if f.attr in ("sample", "sample_n") and kind in ("Categorical", "Bernoulli"):
                    # heldnets38: REINFORCE's actions = Categorical(logits).sample() — drawn
                    # classes, no reparametrisation: the sample is data the run gives
                    raise SpellingError(
                        catalog.said("spec.heldnets38.discrete_sample", kind=kind, method=f.attr)
                    )
                if f.attr not in DIST_METHODS:
                    raise SpellingError(
                        catalog.said("spec.spelling.dist_method", kind=kind, method=f.attr)
                    )
                value = n.args[0] if n.args else None
                if (value is None) != (f.attr == "entropy") or n.keywords or len(n.args) > 1:
                    raise SpellingError(
                        catalog.said("spec.spelling.dist_method", kind=kind, method=f.attr)
                    )
                base = kind.removeprefix("Independent:")
                out = _dist_method(base, a, f.attr, self.visit(value) if value else None)
                if kind.startswith("Independent:"):
                    if f.attr not in ("log_prob", "entropy"):
                        raise SpellingError(
                            catalog.said("spec.spelling.dist_method", kind=kind, method=f.attr)
                        )
                    out = f"({out}).sum(-1)"
                return parsed_body(out) or n
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name == "kl_divergence" and len(n.args) == 2 and not n.keywords:
                p, q = (_distribution(x, taken) for x in n.args)
                if p is not None and q is not None:
                    if p[0] != "Normal" or q[0] != "Normal":
                        raise SpellingError(catalog.said("spec.spelling.dist_kl"))
                    return parsed_body(_kl_normal_normal(p[1], q[1])) or n
            return self.generic_visit(n)

    try:
        return ast.unparse(Dists().visit(tree))
    except RecursionError:
        return text


# ---- heldnets23: linear algebra spellings of held-out course networks (issue 9, pass 22) -----

_LINALG_HN23 = ("torch.linalg", "np.linalg", "numpy.linalg", "jnp.linalg", "jax.numpy.linalg")


def _multi_dot_hn23(node: ast.Call, how: str) -> ast.expr:
    """``torch.linalg.multi_dot([A, B, C])`` / ``np.linalg.multi_dot``: the chained product
    ``A @ B @ C`` (the libraries only choose the cheapest bracketing; the value is the same, a
    1-D first or last factor a row or a column as ``@`` reads it)."""
    a = _bound(node, "multi_dot", ("tensors", "out"), 1)
    listed = a["tensors"]
    if not _is_none(a.get("out")) or not isinstance(listed, ast.List | ast.Tuple) or len(
        listed.elts
    ) < 2 or any(isinstance(t, ast.Starred) for t in listed.elts):
        raise SpellingError(catalog.said("spec.heldnets23.multi_dot"))
    out = listed.elts[0]
    for factor in listed.elts[1:]:
        out = _bin(out, ast.MatMult(), factor)
    return out


def _matrix_norm_hn23(node: ast.Call, how: str) -> ast.expr:
    """``torch.linalg.matrix_norm(A)`` / ``np.linalg.matrix_norm`` with the default (or written)
    ``ord='fro'`` over both axes: the Frobenius norm ``sqrt(sum(A ** 2))`` (PyTorch's root has the
    gradient 0 at a zero matrix, :func:`_norm_root`). The nuclear and spectral norms, ord=±1/±inf
    and a kept (1, 1) shape are refused naming the form that is read."""
    a = _bound(node, "matrix_norm", ("x", "ord", "axis", "keepdims", "dtype"), 1)
    order, axes = a.get("ord"), a.get("axis")
    fro = _is_none(order) or isinstance(order, ast.Constant) and order.value == "fro"
    both = _is_none(axes) or isinstance(axes, ast.List | ast.Tuple) and sorted(
        _axis_value(k) for k in axes.elts  # type: ignore[type-var]
    ) == [0, 1]
    if not fro or not both or _flag(a.get("keepdims"), False, "matrix_norm(keepdim=…)") or (
        not _is_none(a.get("dtype"))
    ):
        raise SpellingError(catalog.said("spec.heldnets23.matrix_norm"))
    sq = _bin(a["x"], ast.Pow(), _num(2))
    return _call(_norm_root(how == "torch.linalg"), _call("sum", sq))


REWRITES.update({"multi_dot": _multi_dot_hn23, "matrix_norm": _matrix_norm_hn23})
_QUALIFIED.update({"multi_dot": _LINALG_HN23, "matrix_norm": _LINALG_HN23})


# ---- heldnets24: spellings of held-out course networks (issue 9, pass 23) --------------------


def _logcumsumexp_hn24(node: ast.Call, how: str) -> ast.expr:
    """``torch.logcumsumexp(x, dim)`` / ``x.logcumsumexp(dim)`` / TensorFlow's
    ``tf.math.cumulative_logsumexp(x, axis, reverse=…)``: ``log(cumsum(exp(x), axis))``, the
    same value and gradient (the libraries only shift by the running maximum to avoid overflow,
    which derive refuses anyway as a non-finite value). ``reverse=True`` — DeepSurv's risk sets,
    everyone from patient i on — is the flip, the running sum, the flip back; an exclusive sum
    (its first entry log 0) is refused."""
    tf_form = how in TENSORFLOW
    params = ("x", "axis", "exclusive", "reverse", "name") if tf_form else ("x", "axis")
    a = _bound(node, "logcumsumexp", params, 1)
    axis = a.get("axis", _num(0)) if tf_form else a.get("axis")
    if _is_none(axis) or _flag(a.get("exclusive"), False, "cumulative_logsumexp(exclusive=…)"):
        raise SpellingError(catalog.said("spec.heldnets24.logcumsumexp"))
    reverse = _flag(a.get("reverse"), False, "cumulative_logsumexp(reverse=…)")
    x = _np_call_hn24("flip", a["x"], axis) if reverse else a["x"]
    out = _call("log", _np_call_hn24("cumsum", _call("exp", x), axis))
    return _np_call_hn24("flip", out, axis) if reverse else out


def _np_call_hn24(name: str, x: ast.expr, axis: ast.expr) -> ast.Call:
    """``np.<name>(x, axis=axis)``: NumPy's spelling, which the parser reads by slices."""
    func = ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load())
    return ast.Call(func, [x], [ast.keyword("axis", axis)])


def _tensordot_hn24(node: ast.Call, how: str) -> ast.expr:
    """``tensordot`` with PyTorch's ``dims=`` read as NumPy's ``axes=`` (:func:`_tensordot`);
    without either the libraries' default is 2 — both axes contracted, ``(a * b).sum()`` — which
    the one-axis reading would take for ``a @ b``: refused, saying so."""
    renamed = [ast.keyword("axes" if k.arg == "dims" else k.arg, k.value) for k in node.keywords]
    node = ast.copy_location(ast.Call(node.func, node.args, renamed), node)
    a = _bound(node, "tensordot", ("a", "b", "axes"), 2)
    if "axes" not in a:
        raise SpellingError(catalog.said("spec.heldnets24.tensordot_default"))
    return _tensordot(node, how)


REWRITES.update({"logcumsumexp": _logcumsumexp_hn24, "cumulative_logsumexp": _logcumsumexp_hn24,
                 "tensordot": _tensordot_hn24})
_QUALIFIED.update({
    "logcumsumexp": ("torch", "method"),
    "cumulative_logsumexp": tuple(TENSORFLOW),
    "tensordot": ("np", "numpy", "torch", "jnp", "jax.numpy"),
    # heldnets34: tf.einsum / tf.linalg.einsum, the same subscripts and operands
    "einsum": ("np", "numpy", "torch", "jnp", "jax.numpy", *TENSORFLOW),
})

# ``x.bool()``, ``x.astype(bool)``, ``x.to(torch.bool)``: the entries that are not 0
_TRUTH_CASTS_HN24 = frozenset({"bool", "astype", "to", "type"})
_NEGATED_HN24 = {ast.Gt: ast.LtE, ast.LtE: ast.Gt, ast.Lt: ast.GtE, ast.GtE: ast.Lt,
                 ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}


def _bool_type_hn24(node: ast.expr) -> bool:
    """Whether ``node`` names the boolean type: ``bool``, ``torch.bool``, ``np.bool_``,
    ``tf.bool``, ``'bool'``."""
    if isinstance(node, ast.Constant):
        return node.value == "bool"
    if isinstance(node, ast.Name):
        return node.id == "bool"
    return isinstance(node, ast.Attribute) and node.attr in ("bool", "bool_") and bool(
        module_of(node.value)
    )


bool_type_hn32 = _bool_type_hn24  # heldnets32: spec's eye_made reads dtype=torch.bool too


def condition_hn24(cond: ast.expr) -> ast.expr:
    """A where/masked_fill condition as the one comparison :func:`_where` reads: a 0/1 mask cast
    to booleans (``mask.bool()``, ``mask.astype(bool)``, ``mask.to(torch.bool)``, ``tf.cast(mask,
    tf.bool)``) is ``mask != 0`` — exactly its truth value —, and a negation (``~c``,
    ``torch.logical_not(c)``; Python's ``not`` of a tensor is an error in PyTorch) of one
    comparison is the opposite comparison. Anything else is
    returned as it is (and refused there, naming the one comparison read)."""
    if isinstance(cond, ast.UnaryOp) and isinstance(cond.op, ast.Invert):
        return _negated_hn24(condition_hn24(cond.operand), cond)
    if _named_tensor_hn34(cond):
        # heldnets34: a mask named on a line of its own (mask = torch.triu(…).bool(), or an input
        # of 0/1 entries): its truth value, the entries that are not 0 — as PyTorch's
        # masked_fill/where and NumPy's where read a mask
        return ast.Compare(cond, [ast.NotEq()], [_num(0)])
    if not isinstance(cond, ast.Call) or not isinstance(cond.func, ast.Attribute):
        return cond
    f, args = cond.func, cond.args
    if f.attr == "logical_not" and module_of(f.value) and len(args) == 1 and not cond.keywords:
        return _negated_hn24(condition_hn24(args[0]), cond)
    if f.attr == "cast" and module_of(f.value) in TENSORFLOW and len(args) == 2 and (
        _bool_type_hn24(args[1])
    ):
        return ast.Compare(args[0], [ast.NotEq()], [_num(0)])
    receiver = f.value
    if f.attr not in _TRUTH_CASTS_HN24 or module_of(receiver) or cond.keywords:
        return cond
    if (f.attr == "bool" and not args) or (len(args) == 1 and _bool_type_hn24(args[0])):
        return ast.Compare(receiver, [ast.NotEq()], [_num(0)])
    return cond


def _named_tensor_hn34(node: ast.expr) -> bool:
    """A tensor by name (``mask``), or a block of one (``mask[:, 0:3]``, ``m.T``), not a module."""
    while isinstance(node, ast.Subscript) or (
        isinstance(node, ast.Attribute) and node.attr == "T"
    ):
        node = node.value
    return isinstance(node, ast.Name)


def _negated_hn24(inner: ast.expr, written: ast.expr) -> ast.expr:
    """The comparison opposite to ``inner`` (one comparison), else ``written`` unchanged."""
    if isinstance(inner, ast.Compare) and len(inner.ops) == 1:
        return ast.Compare(inner.left, [_NEGATED_HN24[type(inner.ops[0])]()], inner.comparators)
    return written


def _corrcoef_hn24(node: ast.Call, how: str) -> ast.expr:
    """``torch.corrcoef(X)`` / ``np.corrcoef(X)`` (each row a variable, its columns the
    observations; NumPy's ``np.corrcoef(x, y)`` the rows of both, ``rowvar=False`` the columns):
    Pearson's r of every pair of rows, ``Xc @ Xc.T / (s @ s.T)`` with ``Xc`` the rows centred and
    ``s`` their root sums of squares — the libraries' value (their 1/(n−1) factors cancel)."""
    a = _bound(node, "corrcoef", ("x", "y", "rowvar"), 1)
    if how == "torch" and (not _is_none(a.get("y")) or "rowvar" in a):
        raise SpellingError(catalog.said("spec.heldnets24.corrcoef"))
    rows = a["x"] if _flag(a.get("rowvar"), True, "corrcoef(rowvar=…)") else _t(a["x"])
    if not _is_none(a.get("y")):
        other = a["y"] if _flag(a.get("rowvar"), True, "corrcoef(rowvar=…)") else _t(a["y"])
        rows = _call("concat", rows, other, axis=_num(0))
    centred = _sub(rows, _call("mean", rows, axis=_num(1)))
    spread = _call("sqrt", _call("sum", _bin(centred, ast.Pow(), _num(2)), axis=_num(1)))
    return _div(_bin(centred, ast.MatMult(), _t(centred)), _bin(spread, ast.MatMult(), _t(spread)))


REWRITES["corrcoef"] = _corrcoef_hn24
_QUALIFIED["corrcoef"] = ("np", "numpy", "torch", "jnp", "jax.numpy", "method")


# ---- spellings25: Keras' hinge and squared_hinge, their labels decided from the data ---------

# the per-example hinge losses of keras/src/losses/losses.py (tf.keras 2's losses.py): the power
# of max(1 − t·p, 0) averaged along the last axis
KERAS_HINGES_S25 = {"hinge": 1, "squared_hinge": 2}
KERAS_LOSS_CLASSES.update({"Hinge": "hinge", "SquaredHinge": "squared_hinge"})


def keras_hinges_s25(text: str, binary: Callable[[ast.expr], bool | None]) -> str:
    """``text`` with Keras' ``hinge(y_true, y_pred)`` / ``squared_hinge`` (``keras.losses``,
    ``tf.keras.losses``, ``tf.losses``; the classes arrive here as these calls) written out as
    Keras computes them: ``mean(max(1 − t·p, 0)^k, axis=-1)`` per example, where t is y_true
    turned into ±1 as ``2·y − 1`` when EVERY label is 0 or 1 (Keras' ``_maybe_convert_labels``
    / ``convert_binary_labels_to_hinge``: a decision on the data) and y_true itself otherwise.
    ``binary(y_true)`` makes that decision from the spec's given values (``None``: it cannot —
    the labels are not an input with given [values]), which is refused naming why."""
    if "hinge" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Hinges(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if not (isinstance(f, ast.Attribute) and f.attr in KERAS_HINGES_S25
                    and _module_path(f.value) in KERAS_LOSSES):
                return n
            a = _bound(n, f.attr, ("y_true", "y_pred"), 2)
            decided = binary(a["y_true"])
            if decided is None:
                raise SpellingError(catalog.said("spec.spellings25.keras_hinge", name=f.attr))
            t = _sub(_mul(_num(2.0), a["y_true"]), _num(1.0)) if decided else a["y_true"]
            margin = _call("maximum", _sub(_num(1.0), _mul(t, a["y_pred"])), _num(0.0))  # as Keras: a tie refused
            if KERAS_HINGES_S25[f.attr] == 2:
                margin = _bin(margin, ast.Pow(), _num(2))
            return _t(_call("mean", margin, axis=_num(1)))

    try:
        return ast.unparse(Hinges().visit(tree))
    except RecursionError:
        return text


# ---- round 25: a library function the library does not have ----------------------------------

#: the libraries whose namespace is checked (imported anyway: NumPy is a dependency)
_CHECKED_LIBRARIES = {"np": "NumPy", "numpy": "NumPy", "math": "math"}
#: what runs in that library instead, for the names students reach for most
_INSTEAD = {
    "sigmoid": "1 / (1 + np.exp(-z))",
    "relu": "np.maximum(z, 0)",
    "softmax": "np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)",
    "log_softmax": "z - np.log(np.exp(z).sum(axis=1, keepdims=True))",
    "softplus": "np.logaddexp(0, z)",
    "rsqrt": "1 / math.sqrt(x)",
}


def missing_library_functions(text: str) -> list[tuple[str, str, str]]:
    """Calls in ``text`` of a NumPy or ``math`` function that the library does not have
    (``np.sigmoid``, ``np.relu``, ``math.rsqrt``): derive reads them as the language's function
    of that name (the meaning is plain), but the line would not run in NumPy — a warning, not a
    refusal. Each as (the call as written, the library, what runs there instead or "")."""
    import importlib

    tree = parsed(text)
    out: list[tuple[str, str, str]] = []
    if tree is None:
        return out
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    for node in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):  # in the text's order
        if not isinstance(node.func, ast.Attribute):
            continue
        path: list[str] = []
        f: ast.AST = node.func
        while isinstance(f, ast.Attribute):
            path.append(f.attr)
            f = f.value
        if not isinstance(f, ast.Name) or f.id not in _CHECKED_LIBRARIES:
            continue
        obj: object = importlib.import_module("numpy" if f.id in ("np", "numpy") else f.id)
        for part in reversed(path):
            if not hasattr(obj, part):
                written = ".".join([f.id, *reversed(path)])
                if written not in (w for w, _, _ in out):
                    out.append((written, _CHECKED_LIBRARIES[f.id], _INSTEAD.get(path[0], "")))
                break
            obj = getattr(obj, part)
    return out


# ---- heldnets27: argmax/argmin indices used only to pick ------------------------------------
#
# Double DQN's ``Q_target(s').gather(1, Q_online(s').argmax(1, keepdim=True))`` and VQ-VAE's
# ``E[torch.argmin(dist, dim=1)]``: the indices of each row's largest (smallest) entry, used
# only to pick an entry of each row or a row of a table. Indices carry no gradient (PyTorch's,
# JAX's), and the pick by them is exactly the product with their one-hot rows, ``max_mask(X)``
# (the first of tied entries, as torch/np.argmax return it; ``max_mask(-X)`` for argmin) — a
# constant — so the pick's gradient flows to the picked tensor only, as the libraries' does.
# Any other use of the indices (a comparison, arithmetic) leaves the lines as written (argmax's
# own refusal then).

_ARG_MODULES_HN27 = frozenset({"torch", "np", "numpy", "jnp", "tf", "tf.math"})
_COLUMN_VIEWS_HN27 = (("unsqueeze", (1,)), ("unsqueeze", (-1,)), ("view", (-1, 1)),
                      ("reshape", (-1, 1)))
_VECTOR_VIEWS_HN27 = (("squeeze", (1,)), ("squeeze", (-1,)), ("squeeze", ()), ("view", (-1,)),
                      ("reshape", (-1,)), ("flatten", ()))


def _ints_hn27(args: list[ast.expr]) -> tuple[int, ...] | None:
    out = []
    for a in args:
        sign = 1
        if isinstance(a, ast.UnaryOp) and isinstance(a.op, ast.USub):
            sign, a = -1, a.operand
        if not (isinstance(a, ast.Constant) and type(a.value) is int):
            return None
        out.append(sign * a.value)
    return tuple(out)


def arg_index_hn27(node: ast.AST) -> tuple[ast.expr, bool, bool] | None:
    """``(X, smallest, keepdim)`` of the row-wise indices ``X.argmax(dim=1)``,
    ``torch.argmin(X, dim=-1, keepdim=True)``, ``np.argmax(X, axis=1)``, ``tf.argmax(X, 1)``,
    ``X.max(1)[1]``, ``X.max(dim=1).indices``, ``torch.min(X, 1)[1]``; else ``None``."""
    if isinstance(node, ast.Subscript) and _ints_hn27([node.slice]) == (1,):
        inner = arg_index_hn27(_as_indices_hn27(node.value))
        return inner
    if isinstance(node, ast.Attribute) and node.attr == "indices":
        return arg_index_hn27(_as_indices_hn27(node.value))
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    f = node.func
    if f.attr not in ("argmax", "argmin"):
        return None
    mod = module_of(f.value)
    if mod and mod not in _ARG_MODULES_HN27:
        return None
    args = list(node.args) if mod else [f.value, *node.args]
    kw = {k.arg: k.value for k in node.keywords}
    if None in kw or set(kw) - {"dim", "axis", "keepdim", "keepdims"} or len(args) > 3:
        return None
    axis = args[1] if len(args) > 1 else kw.get("dim", kw.get("axis"))
    keep = args[2] if len(args) > 2 else kw.get("keepdim", kw.get("keepdims"))
    if axis is None or _ints_hn27([axis]) not in ((1,), (-1,)) or not args:
        return None
    if keep is not None and not (isinstance(keep, ast.Constant) and type(keep.value) is bool):
        return None
    return args[0], f.attr == "argmin", bool(keep is not None and keep.value)


def _as_indices_hn27(node: ast.AST) -> ast.AST:
    """``X.max(1)`` / ``torch.min(X, dim=1)`` (values, indices) as the argmax/argmin call of
    the same row-wise indices; anything else unchanged (and then not an index)."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return node
    f = node.func
    if f.attr not in ("max", "min") or node.keywords and any(
        k.arg not in ("dim",) for k in node.keywords
    ):
        return node
    mod = module_of(f.value)
    if mod and mod != "torch":
        return node
    args = list(node.args) if mod else [f.value, *node.args]
    dims = args[1:] + [k.value for k in node.keywords]
    if len(args) < 1 or len(dims) != 1:
        return node
    call = ast.Attribute(args[0], "arg" + f.attr, ast.Load())
    return ast.Call(call, [dims[0]], [])


def _view_hn27(node: ast.AST, views: tuple) -> ast.AST | None:
    """The tensor of ``t.unsqueeze(1)``/``t.view(-1, 1)``… (``views``), ``t[:, None]`` (a column
    view) or ``t[:, 0]`` (a vector view), or ``None``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.keywords:
        got = (node.func.attr, _ints_hn27(list(node.args)))
        return node.func.value if got in views else None
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple):
        parts = node.slice.elts
        full = len(parts) == 2 and isinstance(parts[0], ast.Slice) and (
            parts[0].lower is parts[0].upper is parts[0].step is None
        )
        if full and views is _COLUMN_VIEWS_HN27 and isinstance(parts[1], ast.Constant):
            return node.value if parts[1].value is None else None
        if full and views is _VECTOR_VIEWS_HN27 and _ints_hn27([parts[1]]) == (0,):
            return node.value
    return None


def _mask_hn27(x: ast.expr, smallest: bool) -> ast.expr:
    return _call("max_mask", ast.UnaryOp(ast.USub(), x) if smallest else x)


def _index_of_hn27(node: ast.AST, lines: dict[str, tuple], column: bool) -> ast.expr | None:
    """The one-hot rows standing for the indices ``node`` (a column of them with ``column``, a
    vector else): an index line by name (in the view its keepdim asks), or an argmax written
    inline; ``None`` otherwise."""
    views = _COLUMN_VIEWS_HN27 if column else _VECTOR_VIEWS_HN27
    for cand, viewed in ((node, False), (_view_hn27(node, views), True)):
        if cand is None:
            continue
        if isinstance(cand, ast.Name) and cand.id in lines:
            if lines[cand.id][2] != (column != viewed):  # keepdim says the written view
                continue
            return ast.Name(cand.id, ast.Load())
        got = arg_index_hn27(cand)
        if got is not None and got[2] == (column != viewed):
            return _mask_hn27(got[0], got[1])
    return None


def _picked_hn27(node: ast.AST, lines: dict[str, tuple]) -> ast.expr | None:
    """The language's reading of one pick by argmax indices, or ``None``: a gather of each row's
    entry (``P.gather(1, i)``, ``torch.gather(P, 1, i)``, ``np.take_along_axis(P, i, axis=1)``,
    ``torch.take_along_dim``) is ``sum(P * M, axis=1)``, a column; ``P[np.arange(n), i]`` its
    1-D form; a row lookup (``E[i]``, ``F.embedding(i, E)``, ``tf.nn.embedding_lookup(E, i)``,
    ``jnp.take(E, i, axis=0)``, ``torch.index_select(E, 0, i)``) is ``M @ E``."""
    if isinstance(node, ast.Subscript):
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(parts) == 1:
            m = _index_of_hn27(parts[0], lines, column=False)
            return None if m is None else ast.BinOp(m, ast.MatMult(), node.value)
        if len(parts) == 2 and _arange_like_hn27(parts[0]):
            m = _index_of_hn27(parts[1], lines, column=False)
            if m is not None:
                prod = ast.BinOp(node.value, ast.Mult(), m)
                return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load()),
                                [prod], [ast.keyword("axis", ast.Constant(1))])
        return None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    f, mod = node.func, module_of(node.func.value)
    args = list(node.args) if mod else [f.value, *node.args]
    kw = {k.arg: k.value for k in node.keywords}
    if None in kw:
        return None
    if f.attr in ("gather", "take_along_axis", "take_along_dim"):
        keys = {"gather": ("input", "dim", "index"), "take_along_axis": ("arr", "indices", "axis"),
                "take_along_dim": ("input", "indices", "dim")}[f.attr]
        bound = dict(zip(keys, args, strict=False))
        if set(kw) - set(keys) or set(kw) & set(bound) or len(args) > 3:
            return None
        bound.update(kw)
        if len(bound) != 3 or _ints_hn27([bound[keys[1] if f.attr == "gather" else keys[2]]]) not in (
            (1,), (-1,)
        ):
            return None
        p = bound[keys[0]]
        m = _index_of_hn27(bound[keys[2] if f.attr == "gather" else keys[1]], lines, column=True)
        if m is None:
            return None
        prod = ast.BinOp(p, ast.Mult(), m)
        return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load()), [prod],
                        [ast.keyword("axis", ast.Constant(1)),
                         ast.keyword("keepdims", ast.Constant(True))])
    table = index = None
    if f.attr == "embedding" and mod and len(args) == 2 and not kw:
        index, table = args
    elif f.attr == "embedding_lookup" and mod and len(args) == 2 and not kw:
        table, index = args
    elif f.attr in ("take", "index_select") and len(args) >= 2:
        bound = dict(zip(("t", "a", "b"), args, strict=False))
        axis = bound.get("b") if f.attr == "take" else bound.get("a")
        axis = kw.get("axis", kw.get("dim", axis))
        if set(kw) - {"axis", "dim"} or axis is None or _ints_hn27([axis]) != (0,):
            return None
        table = bound["t"]
        index = bound["a"] if f.attr == "take" else bound.get("b", kw.get("index"))
    if table is None or index is None:
        return None
    m = _index_of_hn27(index, lines, column=False)
    return None if m is None else ast.BinOp(m, ast.MatMult(), table)


def _arange_like_hn27(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or len(node.args) != 1 or node.keywords:
        return False
    f = node.func
    return (isinstance(f, ast.Name) and f.id == "range") or (
        isinstance(f, ast.Attribute) and f.attr == "arange" and bool(module_of(f.value))
    )


def argmax_picks_hn27(fwd: dict[str, Any]) -> dict[str, Any]:
    """The [forward] lines with argmax/argmin indices used only to pick read as their one-hot
    rows (see above): an index line ``i = "X.argmax(1)"`` becomes ``max_mask(X)`` and each pick
    by it the product with those rows; picks by an argmax written inline too. Lines unchanged
    where any use of an index line is not a pick."""
    import copy

    trees: dict[str, ast.Expression] = {}
    for key, text in fwd.items():
        if isinstance(text, str) and "," not in key and (
            "arg" in text or ".max(" in text or ".min(" in text
            or any(isinstance(t, str) and key in t for t in fwd.values())
        ):
            tree = parsed(text)
            if tree is not None:
                trees[key] = tree
    lines = {k: got for k, t in trees.items() if (got := arg_index_hn27(t.body)) is not None}
    if not lines and not any(".gather(" in t or "[" in t or "take" in t or "embedding" in t
                             for t in (ast.unparse(t) for t in trees.values())):
        return fwd

    def rewritten(tree: ast.Expression, known: dict[str, tuple]) -> tuple[ast.AST, bool]:
        changed = [False]

        class _Picks(ast.NodeTransformer):
            def generic_visit(self, node: ast.AST) -> ast.AST:
                node = super().generic_visit(node)
                new = _picked_hn27(node, known)
                if new is not None:
                    changed[0] = True
                    for k in ast.walk(new):
                        if isinstance(k, ast.Name) and k.id in known:
                            k.hn27 = True  # type: ignore[attr-defined]
                    return ast.copy_location(new, node)
                return node

        return _Picks().visit(copy.deepcopy(tree)).body, changed[0]

    def stray(name: str) -> bool:
        """A use of the index line ``name`` that is not a pick."""
        for key, text in fwd.items():
            if key == name or not isinstance(text, str) or name not in _names_hn27(text):
                continue
            if key not in trees:
                return True
            body, _ = rewritten(trees[key], lines)
            if any(isinstance(k, ast.Name) and k.id == name and not getattr(k, "hn27", False)
                   for k in ast.walk(body)):
                return True
        return False

    while any(stray(n) for n in lines):
        lines = {n: v for n, v in lines.items() if not stray(n)}
    out = dict(fwd)
    for key, tree in trees.items():
        if key in lines:
            x, smallest, _ = lines[key]
            out[key] = ast.unparse(_mask_hn27(x, smallest))
            continue
        try:
            body, changed = rewritten(tree, lines)
            if changed:
                out[key] = ast.unparse(body)
        except RecursionError:
            continue
    return out


def _names_hn27(text: str) -> set[str]:
    tree = parsed(text)
    return set() if tree is None else {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


# ---- heldnets34: tf.nn.moments and tf.nn.batch_normalization, JAX's jax.lax element-wise --------


def _tf_moments_hn34(tree: ast.Call) -> tuple[ast.Call, ast.Call] | None:
    """``tf.nn.moments(x, axes, shift=None, keepdims=False)``: ``(mean, variance)`` as TensorFlow
    returns them, ``tf.reduce_mean(x, axis)`` and the biased ``tf.math.reduce_variance(x, axis)``
    (TensorFlow divides by n); ``axes=[0]`` (the list it takes) is the one axis 0. ``None`` for
    a call whose arguments are not these (another reading refuses it)."""
    try:
        a = _bound(tree, "moments", ("x", "axes", "shift", "keepdims", "name"), 2)
    except SpellingError:
        return None
    if not _is_none(a.get("shift")):
        return None
    axes = a["axes"]
    if isinstance(axes, ast.List | ast.Tuple):
        if len(axes.elts) != 1:
            return None
        axes = axes.elts[0]
    kw = [ast.keyword("axis", axes)]
    if "keepdims" in a:
        kw.append(ast.keyword("keepdims", a["keepdims"]))
    tf = ast.Name("tf", ast.Load())
    mean = ast.Call(ast.Attribute(tf, "reduce_mean", ast.Load()), [a["x"]], kw)
    math_ = ast.Attribute(tf, "math", ast.Load())
    variance = ast.Call(ast.Attribute(math_, "reduce_variance", ast.Load()), [a["x"]], kw)
    return mean, variance


def _tf_batch_normalization_hn34(node: ast.Call, how: str) -> ast.expr:
    """``tf.nn.batch_normalization(x, mean, variance, offset, scale, variance_epsilon)``
    (tensorflow/python/ops/nn_impl.py): ``x · inv + (offset − mean · inv)`` with ``inv =
    rsqrt(variance + ε) · scale``, that is ``(x − mean)/√(variance + ε) · scale + offset``;
    ``offset``/``scale`` of ``None`` are left out, as TensorFlow leaves them."""
    a = _bound(
        node,
        "batch_normalization",
        ("x", "mean", "variance", "offset", "scale", "variance_epsilon", "name"),
        6,
    )
    out: ast.expr = _div(
        _sub(a["x"], a["mean"]), _call("sqrt", _add(a["variance"], a["variance_epsilon"]))
    )
    if not _is_none(a["scale"]):
        out = _mul(out, a["scale"])
    if not _is_none(a["offset"]):
        out = _add(out, a["offset"])
    return out


REWRITES["batch_normalization"] = _tf_batch_normalization_hn34
_QUALIFIED["batch_normalization"] = tuple(TENSORFLOW)

# jax.lax's element-wise functions that NumPy spells the same (jnp.<name>), and the others with
# their NumPy/JAX names: lax.logistic is σ, lax.max/min the element-wise maximum/minimum
JAX_LAX_SAME_HN34 = frozenset(
    {
        "exp", "log", "log1p", "expm1", "tanh", "sqrt", "rsqrt", "cbrt", "abs", "sign", "sin",
        "cos", "tan", "sinh", "cosh", "asin", "acos", "atan", "asinh", "acosh", "atanh", "erf",
        "erfc", "square", "atan2", "dot",
    }
)
JAX_LAX_RENAMED_HN34 = {
    "logistic": "jax.nn.sigmoid",
    "max": "jnp.maximum",
    "min": "jnp.minimum",
    "pow": "jnp.power",
    "erf_inv": "jax.scipy.special.erfinv",
    "select": "jnp.where",
}
_JAX_LAX_ARITH_HN34 = {"add": ast.Add, "sub": ast.Sub, "mul": ast.Mult, "div": ast.Div}
JAX_LAX_READ_HN34 = (
    sorted(JAX_LAX_SAME_HN34 | set(JAX_LAX_RENAMED_HN34) | set(_JAX_LAX_ARITH_HN34))
    + ["clamp", "integer_pow", "neg", "stop_gradient"]
)


# heldnets45: jax.lax's loops (an RNN by lax.scan): refused as a loop, with the unrolling fix
JAX_LAX_LOOPS_HN45 = frozenset({"scan", "fori_loop", "while_loop", "map", "associative_scan"})


def _jax_lax_call_hn34(n: ast.Call, taken: frozenset[str]) -> str | None:
    """The function name of ``jax.lax.<f>(…)`` or ``lax.<f>(…)`` (``from jax import lax``, where
    no tensor is named ``lax``), else ``None``."""
    f = n.func
    if not isinstance(f, ast.Attribute):
        return None
    path = _module_path(f.value)
    if path == "jax.lax" or (path == "lax" and "lax" not in taken):
        return f.attr
    return None


def jax_lax_hn34(text: str, taken: frozenset[str] = frozenset()) -> str:
    """``text`` with JAX's ``jax.lax`` element-wise functions in their ``jnp`` spelling, each the
    same function of its arguments: ``lax.rsqrt(v + eps)`` (JAX's LayerNorm) is
    ``jnp.rsqrt(…)``, ``lax.logistic`` σ, ``lax.max(a, b)`` ``jnp.maximum``, ``lax.clamp(lo, x,
    hi)`` — the bounds first — ``jnp.clip(x, lo, hi)``, ``lax.integer_pow(x, 3)`` ``x ** 3``,
    ``lax.neg`` a minus, ``lax.add/sub/mul/div`` the operators, ``lax.select(c, a, b)``
    ``jnp.where``; ``stop_gradient`` is left to the stop-gradient reader. Another jax.lax
    function is refused in one line naming those read."""
    if "lax." not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Lax(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            name = _jax_lax_call_hn34(n, taken)
            if name is None or name == "stop_gradient":
                return n
            if name in JAX_LAX_LOOPS_HN45:  # heldnets45: a loop, not a function to respell
                raise SpellingError(catalog.said("spec.heldnets23.loop", text=f"lax.{name}(…)"))
            args = list(n.args)
            known = name in JAX_LAX_READ_HN34
            if known and (n.keywords or any(isinstance(x, ast.Starred) for x in args)):
                raise SpellingError(catalog.said("spec.heldnets34.lax_keywords", name=name))
            out = _jax_lax_form_hn34(name, args) if known else None
            if out is None:
                raise SpellingError(
                    catalog.said(
                        "spec.heldnets34.lax", name=name, read=", ".join(JAX_LAX_READ_HN34)
                    )
                )
            return ast.copy_location(out, n)

    return ast.unparse(Lax().visit(tree))


def _jax_lax_form_hn34(name: str, args: list[ast.expr]) -> ast.expr | None:
    """The NumPy-spelled form of ``jax.lax.<name>(*args)``, ``None`` when not read."""
    def attr(path: str) -> ast.expr:
        node: ast.expr = ast.Name(path.split(".")[0], ast.Load())
        for part in path.split(".")[1:]:
            node = ast.Attribute(node, part, ast.Load())
        return node

    if name in JAX_LAX_SAME_HN34:
        return ast.Call(attr(f"jnp.{name}"), args, [])
    if name in JAX_LAX_RENAMED_HN34:
        return ast.Call(attr(JAX_LAX_RENAMED_HN34[name]), args, [])
    if name in _JAX_LAX_ARITH_HN34 and len(args) == 2:
        return _bin(args[0], _JAX_LAX_ARITH_HN34[name](), args[1])
    if name == "neg" and len(args) == 1:
        return _neg(args[0])
    if name == "integer_pow" and len(args) == 2 and _int_literal(args[1]) is not None:
        return _bin(args[0], ast.Pow(), args[1])
    if name == "clamp" and len(args) == 3:  # lax.clamp(min, x, max): the bounds around x
        return ast.Call(attr("jnp.clip"), [args[1], args[0], args[2]], [])
    return None


# ---- heldnets34: entries picked where a condition holds (a shape decided by the data) ---------

_PICKERS_HN34 = frozenset({"nonzero", "argwhere", "flatnonzero"})


def selects_by_condition_hn34(index: ast.expr) -> bool:
    """Whether an index picks the entries where a condition holds — ``s[y == 1]``, ``s[mask]``
    of a comparison, ``s[torch.nonzero(y).squeeze(1)]``, ``s[np.where(y == 1)[0]]``,
    ``s[y.nonzero(as_tuple=True)]`` —: how many it keeps depends on the data."""
    for n in ast.walk(index):
        if isinstance(n, ast.Compare):
            return True
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute | ast.Name):
            name = n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id
            if name in _PICKERS_HN34 or (name == "where" and len(n.args) == 1 and not n.keywords):
                return True
    return False


def _masked_select_hn34(node: ast.Call, how: str) -> ast.expr:
    """``torch.masked_select(x, m)`` / ``tf.boolean_mask(x, m)``: the entries where ``m``
    holds, as many as the data says — refused in one line saying to weight by the mask."""
    raise SpellingError(catalog.said("spec.heldnets34.mask_pick"))


REWRITES.update({"masked_select": _masked_select_hn34, "boolean_mask": _masked_select_hn34})
_QUALIFIED.update({"masked_select": ("torch", "method"), "boolean_mask": tuple(TENSORFLOW)})


# ---- heldnets34: comparisons spelled as functions and methods --------------------------------

_COMPARE_OPS_HN34: dict[str, type[ast.cmpop]] = {
    "gt": ast.Gt, "greater": ast.Gt, "lt": ast.Lt, "less": ast.Lt, "ge": ast.GtE,
    "greater_equal": ast.GtE, "le": ast.LtE, "less_equal": ast.LtE, "eq": ast.Eq,
    "equal": ast.Eq, "ne": ast.NotEq, "not_equal": ast.NotEq,
}
_COMPARE_MODULES_HN34 = frozenset({"torch", "np", "numpy", "jnp", "jax.numpy", *TENSORFLOW})


def comparisons_hn34(text: str) -> str:
    """``text`` with comparisons spelled as calls written as the operators they are:
    ``torch.gt(a, b)``, ``a.gt(b)``, ``np.greater(a, b)``, ``tf.math.less(a, b)``,
    ``x.ge(0)`` … are ``a > b``, ``a < b``, ``x >= 0`` (element-wise, the same booleans), so a
    float cast of one is the 0/1 mask ``(a > b).float()`` is and a where/masked_fill condition
    reads it. ``torch.equal(a, b)`` — one Python bool, whether the tensors are equal — is left
    as written, and so is a call with keywords."""
    if not any(w in text for w in _COMPARE_OPS_HN34):
        return text
    tree = parsed(text)
    if tree is None:
        return text
    changed = False

    class Compares(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            nonlocal changed
            self.generic_visit(n)
            f = n.func
            if not isinstance(f, ast.Attribute) or f.attr not in _COMPARE_OPS_HN34 or n.keywords:
                return n
            module = _module_path(f.value)
            if module in _COMPARE_MODULES_HN34 and len(n.args) == 2:
                if module == "torch" and f.attr == "equal":
                    return n
                left, right = n.args
            elif not module_of(f.value) and len(n.args) == 1 and f.attr != "equal":
                left, right = f.value, n.args[0]  # a.gt(b), PyTorch's a.greater(b) (a.equal(b): a bool)
            else:
                return n
            if any(isinstance(a, ast.Starred) for a in (left, right)):
                return n
            changed = True
            op = _COMPARE_OPS_HN34[f.attr]()
            return ast.copy_location(ast.Compare(left, [op], [right]), n)

    try:
        tree = Compares().visit(tree)
    except RecursionError:
        return text
    return ast.unparse(tree) if changed else text


# ---- heldnets35: spellings of held-out course networks (issue 9, pass 35) ---------------------

# the module of vecdot → the module and the keyword of its sum along an axis
_VECDOT_HN35 = {
    "torch.linalg": ("torch", "dim"), "np": ("np", "axis"), "numpy": ("np", "axis"),
    "np.linalg": ("np", "axis"), "numpy.linalg": ("np", "axis"), "jnp": ("jnp", "axis"),
    "jax.numpy": ("jnp", "axis"), "jnp.linalg": ("jnp", "axis"), "jax.numpy.linalg": ("jnp", "axis"),
}
# the module of count_nonzero → the module, the sum's name and its axis keyword
_COUNT_NONZERO_HN35 = {
    "torch": ("torch", "sum", "dim"), "np": ("np", "sum", "axis"), "numpy": ("np", "sum", "axis"),
    "jnp": ("jnp", "sum", "axis"), "jax.numpy": ("jnp", "sum", "axis"),
    "tf": ("tf", "reduce_sum", "axis"), "tf.math": ("tf", "reduce_sum", "axis"),
    "tensorflow": ("tf", "reduce_sum", "axis"), "tensorflow.math": ("tf", "reduce_sum", "axis"),
}


def _module_call_hn35(module: str, name: str, args: list[ast.expr], **kw: ast.expr) -> ast.Call:
    return ast.Call(
        ast.Attribute(ast.Name(module, ast.Load()), name, ast.Load()),
        args,
        [ast.keyword(k, v) for k, v in kw.items()],
    )


def sums_spelled_hn35(text: str, taken: frozenset[str] = frozenset()) -> str:
    """``text`` with two sums along an axis written as the sums they are, before the line's
    shape is read (so a 1-D result is 1-D as for ``torch.sum(…, dim=1)``):

    - ``torch.linalg.vecdot(x, y, dim=-1)`` / NumPy 2's ``np.vecdot(x1, x2, axis=-1)`` (also
      ``np.linalg.vecdot``, ``jnp.vecdot``): ``Σ conj(x)·y`` along the axis, for real tensors
      ``torch.sum(x * y, dim=-1)`` — one number per row of two matrices (a two-tower model's
      scores), the inner product of two 1-D vectors;
    - ``torch.count_nonzero(m, dim=None)``, ``np.count_nonzero(m, axis=None, keepdims=False)``,
      ``tf.math.count_nonzero(m, axis=None, keepdims=False)``, ``m.count_nonzero()``: how many
      entries are not 0, ``torch.sum(m != 0, …)`` — a count, constant in every tensor, so a
      masked mean ``(e * mask).sum() / torch.count_nonzero(mask)`` divides by the number kept.
    """
    if "vecdot" not in text and "count_nonzero" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Sums(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if not isinstance(f, ast.Attribute) or f.attr not in ("vecdot", "count_nonzero"):
                return n
            path = _module_path(f.value)
            method = not module_of(f.value) or path in taken
            if f.attr == "vecdot" and not method and path in _VECDOT_HN35:
                module, axis = _VECDOT_HN35[path]
                a = _bound(n, "vecdot", ("x", "y", axis), 2)
                out = _module_call_hn35(
                    module, "sum", [_mul(a["x"], a["y"])], **{axis: a.get(axis, _num(-1))}
                )
            elif f.attr == "count_nonzero" and (method or path in _COUNT_NONZERO_HN35):
                module, total, axis = (
                    ("", "sum", "dim") if method else _COUNT_NONZERO_HN35[path]
                )
                params: tuple[str, ...] = ("x", axis) if axis == "dim" else ("x", axis, "keepdims")
                if module == "tf":  # tf.math.count_nonzero's dtype (int64) and name
                    params = (*params, "dtype", "name")
                called = ast.Call(f, [f.value, *n.args], n.keywords) if method else n
                a = _bound(called, "count_nonzero", params, 1)
                kw: dict[str, ast.expr] = {}
                if not _is_none(a.get(axis)):
                    kw[axis] = a[axis]
                if _flag(a.get("keepdims"), False, "count_nonzero(keepdims=…)"):
                    kw["keepdims"] = ast.Constant(True)
                mask = ast.Compare(a["x"], [ast.NotEq()], [_num(0)])
                if method:
                    out = ast.Call(
                        ast.Attribute(mask, "sum", ast.Load()), [],
                        [ast.keyword(k, v) for k, v in kw.items()],
                    )
                else:
                    out = _module_call_hn35(module, total, [mask], **kw)
            else:
                return n
            return ast.copy_location(out, n)

    return ast.unparse(Sums().visit(tree))


# Keras 3's backend-agnostic ops (``from keras import ops``; keras/src/ops/numpy.py, nn.py,
# math.py): the NumPy-like ones are NumPy's functions (ops.mean(x, axis, keepdims), ops.var with
# ddof 0 …), the activations jax.nn's (ops.gelu's approximate=True default as jax.nn.gelu's);
# ops.leaky_relu's default slope is 0.2 (jax.nn's 0.01), written out
KERAS_OPS_NUMPY_HN35 = frozenset(
    {
        "matmul", "dot", "sum", "mean", "max", "min", "amax", "amin", "var", "std", "square",
        "sqrt", "exp", "log", "log1p", "expm1", "abs", "absolute", "tanh", "sin", "cos", "sign",
        "maximum", "minimum", "clip", "where", "transpose", "power", "multiply", "add",
        "subtract", "divide", "negative", "concatenate", "stack", "einsum", "reshape", "squeeze",
        "expand_dims", "prod", "cumsum", "logaddexp", "reciprocal", "erf", "arctan", "tensordot",
        "outer", "diagonal", "trace", "ones_like", "zeros_like",
    }
)
KERAS_OPS_NN_HN35 = frozenset(
    {
        "relu", "relu6", "sigmoid", "softplus", "softsign", "silu", "gelu", "elu", "selu",
        "log_sigmoid", "softmax", "log_softmax", "logsumexp", "leaky_relu",
    }
)
KERAS_OPS_RENAMED_HN35 = {"swish": "jax.nn.silu", "norm": "jnp.linalg.norm"}


def keras_ops_hn35(text: str, taken: frozenset[str] = frozenset()) -> str:
    """``text`` with Keras 3's ``keras.ops.<f>`` (and ``ops.<f>`` of ``from keras import ops``,
    where no tensor is named ``ops``) in the spelling derive reads with the same definition:
    NumPy's functions as ``jnp.<f>``, the activations as ``jax.nn.<f>``, ``ops.leaky_relu`` with
    its default ``negative_slope=0.2`` written. Another ``ops`` function is refused in one line
    naming those read."""
    if "ops." not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Ops(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if not isinstance(f, ast.Attribute):
                return n
            path = _module_path(f.value)
            if path not in ("keras.ops", "keras.ops.nn", "keras.ops.numpy", "keras.ops.math",
                            "tf.keras.ops") and not (path == "ops" and "ops" not in taken):
                return n
            name, keywords = f.attr, list(n.keywords)
            if name in KERAS_OPS_NUMPY_HN35:
                module = "jnp"
            elif name in KERAS_OPS_NN_HN35:
                module = "jax.nn"
                if name == "leaky_relu" and len(n.args) < 2 and "negative_slope" not in {
                    k.arg for k in keywords
                }:
                    keywords.append(ast.keyword("negative_slope", _num(0.2)))
            elif name == "hard_sigmoid" and len(n.args) == 1 and not keywords:
                # keras/src/ops/nn.py: relu6(x + 3) / 6
                relu6 = ast.Attribute(
                    ast.Attribute(ast.Name("jax", ast.Load()), "nn", ast.Load()), "relu6",
                    ast.Load(),
                )
                six = ast.Call(relu6, [_add(n.args[0], _num(3))], [])
                return ast.copy_location(_div(six, _num(6)), n)
            elif name in KERAS_OPS_RENAMED_HN35:
                module, name = KERAS_OPS_RENAMED_HN35[name].rsplit(".", 1)
            elif name in _KERAS_OPS_LOSSES_HN36:
                return ast.copy_location(_keras_ops_loss_hn36(name, n), n)
            elif name == "sparse_categorical_crossentropy":
                # heldnets37: Keras 3's (target, output, from_logits=False, axis=-1), computed as
                # keras/src/backend/jax/nn.py does: the one-hot rows of the class indices against
                # log_softmax, or the rows divided by their sum and clipped — the backend form
                # heldnets29 reads (per example, no reduction)
                return ast.copy_location(_keras_sparse_cce_hn29(n, "keras.ops"), n)
            else:
                read = sorted(
                    KERAS_OPS_NUMPY_HN35 | KERAS_OPS_NN_HN35
                    | {*KERAS_OPS_RENAMED_HN35, "hard_sigmoid", *_KERAS_OPS_LOSSES_HN36,
                       "sparse_categorical_crossentropy"}
                )
                raise SpellingError(
                    catalog.said("spec.heldnets35.keras_ops", name=name, read=", ".join(read))
                )
            head: ast.expr = ast.Name(module.split(".")[0], ast.Load())
            for part in module.split(".")[1:]:
                head = ast.Attribute(head, part, ast.Load())
            return ast.copy_location(
                ast.Call(ast.Attribute(head, name, ast.Load()), n.args, keywords), n
            )

    return ast.unparse(Ops().visit(tree))


# heldnets36: Keras 3's losses in keras.ops, as keras/src/backend/jax/nn.py computes them (the
# probabilities clipped to [ε, 1 − ε] with Keras' ε = 1e-7; categorical's rows first divided by
# their sum), per example: no reduction
_KERAS_OPS_LOSSES_HN36 = {
    "binary_crossentropy": (
        "-1.0 * {t} * jax.nn.log_sigmoid({o}) - (1.0 - {t}) * jax.nn.log_sigmoid(-({o}))",
        "-({t} * jnp.log(jnp.clip({o}, 1e-07, 1.0 - 1e-07))"
        " + (1.0 - {t}) * jnp.log(1.0 - jnp.clip({o}, 1e-07, 1.0 - 1e-07)))",
    ),
    "categorical_crossentropy": (
        "-jnp.sum({t} * jax.nn.log_softmax({o}, axis={axis}), axis={axis})",
        "-jnp.sum({t} * jnp.log(jnp.clip(({o}) / jnp.sum({o}, axis={axis}, keepdims=True),"
        " 1e-07, 1.0 - 1e-07)), axis={axis})",
    ),
}


def _keras_ops_loss_hn36(name: str, n: ast.Call) -> ast.expr:
    """``keras.ops.binary_crossentropy(target, output, from_logits=False)`` /
    ``categorical_crossentropy(target, output, from_logits=False, axis=-1)`` written out as
    Keras 3 computes them (:data:`_KERAS_OPS_LOSSES_HN36`); ``from_logits`` must be True or
    False and ``axis`` a whole number, as written."""
    params = ("target", "output", "from_logits") + (("axis",) if name.startswith("cat") else ())
    a = _bound(n, f"keras.ops.{name}", params, 2)
    logits = a.get("from_logits", ast.Constant(False))
    axis = a.get("axis", ast.Constant(-1))
    if isinstance(axis, ast.UnaryOp) and isinstance(axis.op, ast.USub):
        axis = ast.Constant(-axis.operand.value) if isinstance(axis.operand, ast.Constant) else axis
    if not (isinstance(logits, ast.Constant) and type(logits.value) is bool) or not (
        isinstance(axis, ast.Constant) and type(axis.value) is int
    ):
        raise SpellingError(catalog.said("spec.heldnets36.keras_loss_args", name=name))
    form = _KERAS_OPS_LOSSES_HN36[name][0 if logits.value else 1]
    t, o = (ast.unparse(a[k]) for k in ("target", "output"))
    made = parsed_body(form.format(t=f"({t})", o=f"({o})", axis=axis.value))
    if made is None:  # too long or deep once written out: the parser names the limit
        raise SpellingError(catalog.said("spec.heldnets36.keras_loss_args", name=name))
    return made


# calls whose result leaves autograd (.numpy(), .tolist(); .item() is Spec.items_detached_hn30's)
# or whose size the data decides (unique): refused naming why and what to write
_LEAVES_AUTOGRAD_HN35 = frozenset({"numpy", "tolist"})
_DATA_SIZED_HN35 = frozenset({"unique", "unique_consecutive", "bincount"})
# heldnets36: a bucket index of the input (whole numbers, no gradient through them)
_BUCKETS_HN36 = frozenset({"bucketize", "searchsorted", "digitize", "histc", "histogram"})
# heldnets42: of those, the ones that return how many entries fall in each bin (not an index)
_COUNTS_HN42 = frozenset(
    {"histc", "histogram", "histogram2d", "histogramdd", "histogram_fixed_width"}
)
# heldnets38: library calls on 3-D tensors (a weight [out, in1, in2], an input [N, C, L]): a
# sentence saying what to write with matrices, not "unknown function"
_THREE_D_HN38 = {
    "bilinear": "spec.heldnets38.bilinear",
    "instance_norm": "spec.heldnets38.instance_norm",
    "conv1d": "spec.heldnets38.conv1d",
}


def refused_hn35(text: str) -> None:
    """Raise for ``x.numpy()`` / ``x.tolist()`` of a tensor in a line (autograd stops there: no
    line before it gets a gradient through it) and for ``torch.unique`` / ``np.unique`` /
    ``bincount`` (how many values they return depends on the data)."""
    words = (*_LEAVES_AUTOGRAD_HN35, *_DATA_SIZED_HN35, *_BUCKETS_HN36, *_THREE_D_HN38, *_COUNTS_HN42)
    if not any(w in text for w in words):
        return
    tree = parsed(text)
    if tree is None:
        return
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call) or not isinstance(n.func, ast.Attribute):
            continue
        name = n.func.attr
        if name in _LEAVES_AUTOGRAD_HN35 and not n.args and not n.keywords and not module_of(
            n.func.value
        ):
            raise SpellingError(catalog.said("spec.heldnets35.leaves_autograd", name=name))
        if name in _DATA_SIZED_HN35:
            raise SpellingError(catalog.said("spec.heldnets35.data_sized", name=name))
        # heldnets42: counts, not indices (also PyTorch's method x.histc(bins))
        if name in _COUNTS_HN42 and (module_of(n.func.value) or name == "histc"):
            raise SpellingError(catalog.said("spec.heldnets42.counts", name=name))
        if name in _BUCKETS_HN36 and module_of(n.func.value):
            raise SpellingError(catalog.said("spec.heldnets36.buckets", name=name))
        if name in _THREE_D_HN38 and module_of(n.func.value):
            raise SpellingError(catalog.said(_THREE_D_HN38[name]))


# ---- heldnets35: a matrix reshaped to three sizes, read as its column blocks ------------------

# reductions read along a 3-D tensor's last axis (per block: along the block's columns)
_GROUP_REDUCTIONS_HN35 = frozenset({"mean", "sum", "var", "std", "amax", "amin", "logsumexp"})
_GROUP_ALONG_HN35 = frozenset({"softmax", "log_softmax"})  # along the last axis, shape kept


class _Grouped:
    """A 3-D value of :func:`grouped_3d_hn35`: its blocks' expressions, rows and block width."""

    def __init__(self, parts: list[ast.expr], rows: int, width: int) -> None:
        self.parts, self.rows, self.width = parts, rows, width


def reshape_orders_hn40(text: str) -> str:
    """heldnets40: a reshape with NumPy's (JAX's) ``order=`` keyword — ``np.reshape(v, (m, k),
    order='F')``, ``x.reshape(m, k, order='F')``. ``order='C'`` is the default row-major fill
    (the keyword dropped). ``order='F'`` fills column by column: for a 1-D array, a row, a column
    or a matrix, ``reshape(A, (r, c), order='F')`` is ``reshape(A.T, (c, r)).T`` (A's entries
    in column-major order are those of A.T in row-major order), written so; any other order
    ('A', 'K', a name) is refused naming the two that are read."""
    if "order" not in text:
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Orders(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if not (isinstance(f, ast.Attribute) and f.attr == "reshape"):
                return n
            kw = [k for k in n.keywords if k.arg == "order"]
            if not kw or len(n.keywords) != 1:
                return n
            order = kw[0].value
            how = order.value if isinstance(order, ast.Constant) else None
            if how not in ("C", "F"):
                raise SpellingError(
                    catalog.said("spec.heldnets40.reshape_order", order=ast.unparse(order))
                )
            plain = ast.Call(f, list(n.args), [])
            if how == "C":
                return plain
            got = reshape_operands(plain)
            if got is None:
                return plain
            x, sizes = got
            if len(sizes) != 2:
                raise SpellingError(
                    catalog.said("spec.heldnets40.reshape_order", order=ast.unparse(order))
                )
            back = ast.Tuple([copy.deepcopy(sizes[1]), copy.deepcopy(sizes[0])], ast.Load())
            xt = ast.Attribute(copy.deepcopy(x), "T", ast.Load())
            if module_of(f.value):  # np.reshape(A.T, (c, r)).T
                inner = ast.Call(copy.deepcopy(f), [xt, back], [])
            else:  # A.T.reshape(c, r).T
                inner = ast.Call(ast.Attribute(xt, "reshape", ast.Load()), list(back.elts), [])
            return ast.Attribute(inner, "T", ast.Load())

    try:
        return ast.unparse(Orders().visit(tree))
    except RecursionError:
        return text


def reshape_operands(call: ast.Call) -> tuple[ast.expr, list[ast.expr]] | None:
    """``(x, sizes)`` of ``x.reshape(a, b)`` / ``x.view((a, b))`` / ``np.reshape(x, (a, b))`` /
    ``torch.reshape(x, …)`` (the sizes as written), else ``None``."""
    f = call.func
    if not isinstance(f, ast.Attribute) or f.attr not in ("reshape", "view") or call.keywords:
        return None
    if module_of(f.value):
        if f.attr != "reshape" or len(call.args) != 2:
            return None
        x, sizes = call.args[0], [call.args[1]]
    else:
        x, sizes = f.value, list(call.args)
    if len(sizes) == 1 and isinstance(sizes[0], ast.Tuple | ast.List):
        sizes = list(sizes[0].elts)
    return x, sizes


def _sizes_hn35(call: ast.Call, dims: dict[str, int]) -> tuple[ast.expr, list[int | None]] | None:
    """``(x, sizes)`` of a reshape (:func:`reshape_operands`), each size a whole number, a [dims]
    name or -1 (``None`` for -1), else ``None``."""
    got = reshape_operands(call)
    if got is None:
        return None
    x, sizes = got
    out: list[int | None] = []
    for s in sizes:
        v = _int_literal(s) if not isinstance(s, ast.Name) else dims.get(s.id)
        if v is None:
            return None
        out.append(None if v == -1 else v)
    return x, out


def grouped_3d_hn35(
    key: str,
    text: str,
    groups: dict[str, _Grouped],
    shapes: dict[str, tuple[int, ...]],
    dims: dict[str, int],
    scalars: frozenset[str],
    taken: frozenset[str] = frozenset(),
) -> list[tuple[str, str]] | None:
    """Wu & He's group norm as its code writes it, ``x.reshape(N, G, -1)`` then statistics along
    the last axis and ``.reshape(N, C)``: an [a, g·k] matrix reshaped to ``(a, g, k)`` (NumPy's
    row-major fill: entry (i, j, l) is x[i, j·k + l]) is read as its g column blocks
    ``x[:, j·k:(j+1)·k]``, one line each (``{key}{j+1}``, or ``{key}_g{j}`` where a name of the
    spec, ``taken``, is one of those); a line of that 3-D value is read
    block by block where each block is what PyTorch/NumPy computes: arithmetic with numbers,
    element-wise functions, reductions along the last axis with keepdim (and softmax along it),
    and a reshape back to two sizes (a, g·w), the blocks joined column-wise. Anything else of a
    3-D value is refused in one line naming what is read. Returns the lines to read instead of
    ``key = text`` (``None``: the line is not one of these)."""
    if not groups and "reshape" not in text and "view" not in text:
        return None
    tree = parsed(text)
    if tree is None:
        return None

    def refuse(node: ast.AST) -> SpellingError:
        return SpellingError(catalog.said("spec.heldnets35.grouped", x=ast.unparse(node)))

    def scalar(node: ast.AST) -> bool:
        return all(
            not isinstance(n, ast.Name) or n.id in scalars or module_of(n)
            for n in ast.walk(node)
        ) and not any(isinstance(n, ast.Subscript) for n in ast.walk(node))

    def axis_last(v: ast.expr | None) -> bool:
        k = _int_literal(v) if v is not None else None
        return k in (-1, 2)

    def conv(node: ast.expr) -> ast.expr | _Grouped:
        if isinstance(node, ast.Name) and node.id in groups:
            g = groups[node.id]
            return _Grouped(list(g.parts), g.rows, g.width)
        if not any(isinstance(n, ast.Name) and n.id in groups for n in ast.walk(node)):
            if isinstance(node, ast.Call):
                made = _sizes_hn35(node, dims)
                if made is not None and len(made[1]) == 3:
                    return split(node, *made)
            return node
        if isinstance(node, ast.BinOp):
            a, b = conv(node.left), conv(node.right)
            if isinstance(a, _Grouped) and isinstance(b, _Grouped):
                if a.rows != b.rows or len(a.parts) != len(b.parts):
                    raise refuse(node)
                width = a.width if b.width == 1 else b.width
                if 1 not in (a.width, b.width) and a.width != b.width:
                    raise refuse(node)
                parts = [_bin(x, node.op, y) for x, y in zip(a.parts, b.parts, strict=True)]
                return _Grouped(parts, a.rows, width)
            if not isinstance(a, _Grouped) and not isinstance(b, _Grouped):
                return _bin(a, node.op, b)  # 2-D both, after a reshape back
            g, other = (a, b) if isinstance(a, _Grouped) else (b, a)
            assert isinstance(g, _Grouped)
            if isinstance(node.op, ast.MatMult) or not (scalar(other) or row(other, g.width)):
                raise refuse(node)
            parts = [_bin(p, node.op, other) if g is a else _bin(other, node.op, p) for p in g.parts]
            return _Grouped(parts, g.rows, g.width)
        if isinstance(node, ast.UnaryOp):
            g = conv(node.operand)
            if not isinstance(g, _Grouped):
                return ast.UnaryOp(node.op, g)
            return _Grouped([ast.UnaryOp(node.op, p) for p in g.parts], g.rows, g.width)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return call(node)
        return rebuilt(node)

    def flat(node: ast.expr) -> ast.expr:
        out = conv(node)
        if isinstance(out, _Grouped):
            raise refuse(node)
        return out

    def rebuilt(node: ast.expr) -> ast.expr:
        """``node`` with each sub-expression read, each 2-D (a 3-D one is refused)."""
        new = copy.copy(node)
        for field, value in ast.iter_fields(node):
            if isinstance(value, ast.expr) and not isinstance(value, ast.expr_context):
                setattr(new, field, flat(value))
            elif isinstance(value, list):
                setattr(new, field, [flat(v) if isinstance(v, ast.expr) else rebuilt_kw(v)
                                     for v in value])
        return new

    def rebuilt_kw(v: Any) -> Any:
        if isinstance(v, ast.keyword):
            return ast.keyword(v.arg, flat(v.value))
        return v

    def row(node: ast.expr, width: int) -> bool:
        """A 1-D vector or a [1, k] row of the blocks' width: PyTorch/NumPy broadcast it along
        the last axis, so each block gets all of it."""
        return isinstance(node, ast.Name) and shapes.get(node.id) == (1, width)

    def call(node: ast.Call) -> ast.expr | _Grouped:
        f = node.func
        assert isinstance(f, ast.Attribute)
        made = _sizes_hn35(node, dims)
        if made is not None:
            g = conv(made[0])
            sizes = made[1]
            if not isinstance(g, _Grouped) or len(sizes) != 2:
                raise refuse(node)
            full = len(g.parts) * g.width
            if sizes[0] not in (g.rows, None) or sizes[1] not in (full, None) or sizes == [None, None]:
                raise refuse(node)
            return _call("concat", *g.parts, axis=_num(1)) if len(g.parts) > 1 else g.parts[0]
        method = not module_of(f.value)
        args = ([f.value] if method else []) + list(node.args)
        if not args:
            return rebuilt(node)
        g = conv(args[0])
        rest = args[1:]
        if not isinstance(g, _Grouped):
            return rebuilt(node)
        if not all(scalar(r) for r in rest):
            raise refuse(node)
        kws = {k.arg: k.value for k in node.keywords}
        if f.attr in ("sum", "mean") and not rest and not kws:  # all of it: the blocks' sum
            whole = [ast.Call(ast.Attribute(p, f.attr, ast.Load()), [], []) if method
                     else ast.Call(f, [p], []) for p in g.parts]
            total = whole[0]
            for w in whole[1:]:
                total = _add(total, w)
            return total if f.attr == "sum" or len(whole) == 1 else _div(total, _num(len(whole)))
        axis_kw = "dim" if "dim" in kws else "axis" if "axis" in kws else None
        width = g.width
        keywords = [k for k in node.keywords if k.arg != axis_kw]
        positional = list(node.args)
        if f.attr in _GROUP_REDUCTIONS_HN35 | _GROUP_ALONG_HN35:
            axis = kws.get(axis_kw) if axis_kw else (rest[0] if rest else None)
            if not axis_last(axis):
                raise refuse(node)
            if not axis_kw:
                positional = positional[1:] if method else positional[:1] + positional[2:]
            if f.attr in _GROUP_REDUCTIONS_HN35:
                keep = kws.get("keepdim", kws.get("keepdims"))
                if not (isinstance(keep, ast.Constant) and keep.value is True):
                    raise refuse(node)
                width = 1
            keywords.append(ast.keyword(axis_kw or ("dim" if method else "axis"), _num(-1)))
        elif axis_kw is not None:
            raise refuse(node)
        parts = []
        for p in g.parts:
            if method:
                parts.append(ast.Call(ast.Attribute(p, f.attr, ast.Load()), positional, keywords))
            else:
                parts.append(ast.Call(f, [p, *positional[1:]], keywords))
        return _Grouped(parts, g.rows, width)

    def split(node: ast.Call, x: ast.expr, sizes: list[int | None]) -> _Grouped:
        shape = shapes.get(x.id) if isinstance(x, ast.Name) else None
        if shape is None or len(shape) != 2 or sizes.count(None) > 1:
            raise SpellingError(catalog.said("spec.heldnets35.grouped_source", x=ast.unparse(node)))
        rows, cols = shape
        known = [s for s in sizes if s is not None]
        total = known[0] * known[1] if len(known) == 2 else known[0] * known[1] * known[2]
        if rows * cols % max(total, 1):
            raise SpellingError(catalog.said("spec.heldnets35.grouped_source", x=ast.unparse(node)))
        a, g, k = (s if s is not None else rows * cols // total for s in sizes)
        if a != rows or g * k != cols or g < 1 or k < 1 or g > 64:
            raise SpellingError(catalog.said("spec.heldnets35.grouped_source", x=ast.unparse(node)))
        parts = [parsed_body(f"{x.id}[:, {j * k}:{(j + 1) * k}]") for j in range(g)]
        return _Grouped([p for p in parts if p is not None], a, k)

    out = conv(tree.body)
    if not isinstance(out, _Grouped):
        if out is tree.body and not any(
            isinstance(n, ast.Name) and n.id in groups for n in ast.walk(tree)
        ):
            return None
        return [(key, ast.unparse(out))]
    # the groups numbered from 1 as a lecturer writes them, hg₁ and hg₂ (``hg1``, printed
    # \mathrm{hg}_{1}), unless a name of the spec is one of those: then ``hg_g0``, ``hg_g1``
    names = [f"{key}{j + 1}" for j in range(len(out.parts))]
    if taken.intersection(names) or key[-1:].isdigit():
        names = [f"{key}_g{j}" for j in range(len(out.parts))]
    groups[key] = _Grouped([ast.Name(n, ast.Load()) for n in names], out.rows, out.width)
    return [(n, ast.unparse(p)) for n, p in zip(names, out.parts, strict=True)]


# ---- heldnets41: PaddlePaddle's spellings ----------------------------------------------------

# Paddle's module paths (``import paddle``, ``import paddle.nn.functional as F``); ``F`` is
# PyTorch's by default and is Paddle's only for the functions PyTorch's F does not have
PADDLE_MODULES_HN41 = frozenset(
    {"paddle", "paddle.nn.functional", "paddle.tensor", "paddle.tensor.math", "paddle.fluid.layers",
     "paddle.linalg"}  # heldnets46: paddle.linalg.norm
)
# element-wise functions and activations whose Paddle definition is PyTorch's (same name, same
# parameters; Paddle's docs' "api_difference" pages list them as identical or differing only in
# the name of an argument): the torch function they are
_PADDLE_SAME_HN41 = {
    **{f: f"torch.{f}" for f in (
        "exp", "log", "log1p", "log2", "log10", "sqrt", "rsqrt", "abs", "square", "tanh", "sin",
        "cos", "erf", "reciprocal", "sigmoid", "relu", "atan", "sinh", "cosh",
        "expm1", "sign",  # heldnets49: paddle.sign (0 at 0, a zero gradient, as torch.sign)
    )},
    **{f: f"F.{f}" for f in ("softplus", "leaky_relu", "elu", "selu", "silu", "mish", "relu6",
                             "softsign", "celu")},
    "swish": "F.silu",
    "log_sigmoid": "F.logsigmoid",
}
_PADDLE_READ_HN41 = (
    *_PADDLE_SAME_HN41, "gelu", "softmax", "log_softmax", "sum", "mean", "logsumexp",
    "matmul", "mm", "add", "subtract", "multiply", "divide", "pow", "clip", "concat", "stack", "t",
    "transpose", "unsqueeze", "squeeze", "to_tensor", "square_error_cost", "mse_loss", "l1_loss",
    "smooth_l1_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy",
    "log_loss", "hardtanh", "norm",
)
# not read: Paddle's maximum/minimum give a tie wholly to y (MaxGradXYFunctor: dx = dout·[x > y],
# dy = dout·[x ≤ y]) and its max/min along an axis the whole gradient to every tied entry, where
# PyTorch (whose conventions derive states) splits both
# the functions of Paddle's F that PyTorch's F does not have (``F.square_error_cost`` is Paddle's)
_PADDLE_ONLY_HN41 = frozenset({"square_error_cost", "log_loss"})


def _attr(path: str) -> ast.expr:
    head, *rest = path.split(".")
    node: ast.expr = ast.Name(head, ast.Load())
    for part in rest:
        node = ast.Attribute(node, part, ast.Load())
    return node


def _paddle_call_hn41(n: ast.Call, name: str) -> ast.expr:
    """One Paddle call written as PyTorch's call of the same value (its keywords Paddle's)."""

    def torch_call(path: str, args: list[ast.expr], **kw: ast.expr | None) -> ast.Call:
        kws = [ast.keyword(k, v) for k, v in kw.items() if v is not None]
        return ast.Call(_attr(path), args, kws)

    def flag(v: ast.expr | None, default: bool, what: str) -> bool:
        if v is None:
            return default
        if isinstance(v, ast.Constant) and type(v.value) is bool:
            return v.value
        raise SpellingError(catalog.said("spec.heldnets41.paddle_flag", name=name, arg=what))

    if name in _PADDLE_SAME_HN41:
        kws = [k for k in n.keywords if k.arg != "name"]
        return ast.Call(_attr(_PADDLE_SAME_HN41[name]), list(n.args), kws)
    if name == "norm":
        # heldnets46: paddle.norm / paddle.linalg.norm(x, p='fro', axis=None, keepdim=False):
        # p 'fro' (2.x's default), None (3.x's) or 2 is sqrt(sum(x ** 2)) over everything or
        # along an int axis, p=1 sum(abs(x)); its root is NumPy's sqrt, not PyTorch's sqrt0 —
        # Paddle's p_norm gradient of a zero vector is x / 0, so a zero vector is refused
        a = _bound(n, name, ("x", "p", "axis", "keepdim", "name"), 1)
        p, axis = a.get("p"), a.get("axis")
        order = None if _is_none(p) else getattr(p, "value", p)
        if isinstance(order, bool) or order not in (None, "fro", 1, 2) or not (
            _is_none(axis) or _int_literal(axis) is not None
        ):
            raise SpellingError(catalog.said("spec.norm_order"))
        kw = _axis_kw(axis, a.get("keepdim"))
        if order == 1:
            return _call("sum", _call("abs", a["x"]), **kw)
        return _call("sqrt", _call("sum", _bin(a["x"], ast.Pow(), _num(2)), **kw))
    if name == "hardtanh":
        a = _bound(n, name, ("x", "min", "max", "name"), 1)
        return torch_call("F.hardtanh", [a["x"]], min_val=a.get("min"), max_val=a.get("max"))
    if name == "gelu":
        a = _bound(n, name, ("x", "approximate", "name"), 1)
        tanh = flag(a.get("approximate"), False, "approximate")
        return torch_call("F.gelu", [a["x"]], approximate=ast.Constant("tanh") if tanh else None)
    if name in ("softmax", "log_softmax"):
        a = _bound(n, name, ("x", "axis", "dtype", "name"), 1)
        return torch_call(f"torch.{name}", [a["x"]], dim=a.get("axis", ast.Constant(-1)))
    if name in ("sum", "mean", "logsumexp"):
        a = _bound(n, name, ("x", "axis", *(("dtype",) if name == "sum" else ()), "keepdim", "name"), 1)
        if _is_none(a.get("axis")):
            if name == "logsumexp":  # of every entry
                return torch_call("torch.logsumexp", [torch_call("torch.flatten", [a["x"]])],
                                  dim=ast.Constant(0))
            return torch_call(f"torch.{name}", [a["x"]])
        return torch_call(f"torch.{name}", [a["x"]], dim=a["axis"], keepdim=a.get("keepdim"))
    if name in ("matmul", "mm"):
        params = ("x", "y", "transpose_x", "transpose_y", "name") if name == "matmul" else ("input", "mat2", "name")
        a = _bound(n, name, params, 2)
        x, y = a.get("x", a.get("input")), a.get("y", a.get("mat2"))
        x = _t(x) if flag(a.get("transpose_x"), False, "transpose_x") else x
        y = _t(y) if flag(a.get("transpose_y"), False, "transpose_y") else y
        return _bin(x, ast.MatMult(), y)
    if name in ("add", "subtract", "multiply", "divide", "pow"):
        a = _bound(n, name, ("x", "y", "name"), 2)
        op = {"add": ast.Add(), "subtract": ast.Sub(), "multiply": ast.Mult(), "divide": ast.Div(),
              "pow": ast.Pow()}[name]
        return _bin(a["x"], op, a["y"])
    if name == "clip":
        a = _bound(n, name, ("x", "min", "max", "name"), 1)
        return torch_call("torch.clamp", [a["x"]], min=a.get("min"), max=a.get("max"))
    if name in ("concat", "stack"):
        a = _bound(n, name, ("x", "axis", "name"), 1)
        return torch_call("torch.cat" if name == "concat" else "torch.stack", [a["x"]],
                          dim=a.get("axis", ast.Constant(0)))
    if name == "t":
        return _t(_bound(n, name, ("input", "name"), 1)["input"])
    if name == "transpose":
        a = _bound(n, name, ("x", "perm", "name"), 2)
        perm = a["perm"]
        if not (isinstance(perm, ast.List | ast.Tuple) and [_int_literal(p) for p in perm.elts] == [1, 0]):
            raise SpellingError(catalog.said("spec.heldnets41.paddle_perm"))
        return _t(a["x"])
    if name in ("unsqueeze", "squeeze"):
        a = _bound(n, name, ("x", "axis", "name"), 1)
        return torch_call(f"torch.{name}", [a["x"]], **({"dim": a["axis"]} if "axis" in a else {}))
    if name == "to_tensor":
        return _bound(n, name, ("data", "dtype", "place", "stop_gradient"), 1)["data"]
    if name == "square_error_cost":
        a = _bound(n, name, ("input", "label"), 2)
        return _bin(_sub(a["input"], a["label"]), ast.Pow(), _num(2))
    if name == "log_loss":  # −y log(p + ε) − (1 − y) log(1 − p + ε), per entry
        a = _bound(n, name, ("input", "label", "epsilon", "name"), 2)
        p, y, eps = a["input"], a["label"], a.get("epsilon", _num(1e-4))
        pos = _mul(y, torch_call("torch.log", [_add(p, eps)]))
        neg = _mul(_sub(_num(1), y), torch_call("torch.log", [_add(_sub(_num(1), p), eps)]))
        return _sub(_neg(pos), neg)
    if name in ("mse_loss", "l1_loss"):
        a = _bound(n, name, ("input", "label", "reduction", "name"), 2)
        return torch_call(f"F.{name}", [a["input"], a["label"]], reduction=a.get("reduction"))
    if name == "smooth_l1_loss":  # Paddle's smooth L1 is the Huber loss with its delta
        a = _bound(n, name, ("input", "label", "reduction", "delta", "name"), 2)
        return torch_call("F.huber_loss", [a["input"], a["label"]], reduction=a.get("reduction"),
                          delta=a.get("delta"))
    if name == "binary_cross_entropy":
        a = _bound(n, name, ("input", "label", "weight", "reduction", "name"), 2)
        return torch_call("F.binary_cross_entropy", [a["input"], a["label"]], weight=a.get("weight"),
                          reduction=a.get("reduction"))
    if name == "binary_cross_entropy_with_logits":
        a = _bound(n, name, ("logit", "label", "weight", "reduction", "pos_weight", "name"), 2)
        return torch_call("F.binary_cross_entropy_with_logits", [a["logit"], a["label"]],
                          weight=a.get("weight"), reduction=a.get("reduction"),
                          pos_weight=a.get("pos_weight"))
    if name == "cross_entropy":
        a = _bound(n, name, ("input", "label", "weight", "ignore_index", "reduction", "soft_label",
                             "axis", "use_softmax", "label_smoothing", "name"), 2)
        axis = a.get("axis")
        plain = (
            "weight" not in a and "ignore_index" not in a and flag(a.get("use_softmax"), True, "use_softmax")
            and (axis is None or _int_literal(axis) in (-1, 1))
        )
        if not plain:
            raise SpellingError(catalog.said("spec.heldnets41.paddle_cross_entropy"))
        label = a["label"]
        if not flag(a.get("soft_label"), False, "soft_label") and isinstance(label, ast.Name):
            # heldnets43: hard labels are class indices, Paddle's of shape [N, 1] (or [N]): as
            # PyTorch's 1-D targets, label.squeeze(-1) (the input read as 1-D labels by
            # Spec.column_labels_hn43); soft labels are probability rows, PyTorch's reading too
            label = ast.Call(ast.Attribute(label, "squeeze", ast.Load()), [ast.Constant(-1)], [])
        return torch_call("F.cross_entropy", [a["input"], label], reduction=a.get("reduction"),
                          label_smoothing=a.get("label_smoothing"))
    raise AssertionError(name)


def paddle_hn41(text: str) -> str:
    """heldnets41: ``text`` with PaddlePaddle's calls (``paddle.matmul(x, W, transpose_y=True)``,
    ``paddle.nn.functional.square_error_cost(p, y)``, ``paddle.mean(c)``, ``F.sigmoid`` …) written
    as PyTorch's calls of the same values (:func:`_paddle_call_hn41`); a Paddle function outside
    :data:`_PADDLE_READ_HN41` is refused naming the ones read. Text without ``paddle`` or a
    Paddle-only ``F.`` function is returned as it is."""
    if "paddle" not in text and not any(f"F.{f}" in text for f in _PADDLE_ONLY_HN41):
        return text
    tree = parsed(text)
    if tree is None:
        return text

    class Paddle(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            if not isinstance(n.func, ast.Attribute):
                return n
            path, name = _module_path(n.func.value), n.func.attr
            if path == "F" and name in _PADDLE_ONLY_HN41:
                path = "paddle.nn.functional"
            if path not in PADDLE_MODULES_HN41:
                return n
            if name not in _PADDLE_READ_HN41:
                raise SpellingError(catalog.said(
                    "spec.heldnets41.paddle_unread", name=f"{path}.{name}",
                    read=", ".join(sorted(_PADDLE_READ_HN41)),
                ))
            return _paddle_call_hn41(n, name)

    try:
        return ast.unparse(Paddle().visit(tree))
    except RecursionError:
        return text


# ---- heldnets42: MindSpore's functional ops ----------------------------------------------------

# MindSpore's module paths (``import mindspore.ops as ops``, ``from mindspore import ops``,
# ``import mindspore as ms``); a bare ``ops.`` is Keras 3's unless the lines name a MindSpore-only
# function or keyword (:func:`mindspore_ops_hn42`)
MINDSPORE_MODULES_HN42 = frozenset(
    {"mindspore.ops", "ms.ops", "mindspore.ops.functional", "mindspore.ops.function"}
)
# element-wise functions whose MindSpore definition (mindspore.cn api_python/ops) is PyTorch's
_MINDSPORE_SAME_HN42 = {
    **{f: f"torch.{f}" for f in (
        "exp", "log", "log1p", "expm1", "sqrt", "rsqrt", "abs", "square", "tanh", "sin", "cos",
        "erf", "reciprocal", "sigmoid", "relu", "neg",
    )},
    **{f: f"F.{f}" for f in ("silu", "softsign", "relu6", "selu", "mish")},
}
# each MindSpore function read: its parameters in MindSpore's order (the aliases of 2.x
# releases after a slash: ops.mean(x, axis, keep_dims) / ops.sum(input, dim, keepdim))
_MINDSPORE_PARAMS_HN42 = {
    "matmul": ("input", "other"),
    "add": ("input", "other"), "sub": ("input", "other"), "mul": ("input", "other"),
    "div": ("input", "other"), "pow": ("input", "exponent"),
    "mean": ("input", "axis", "keep_dims"), "sum": ("input", "dim", "keepdim", "dtype"),
    "logsumexp": ("input", "axis", "keep_dims"),
    "softmax": ("input", "axis", "dtype"), "log_softmax": ("logits", "axis"),
    "leaky_relu": ("input", "alpha"), "elu": ("input_x", "alpha"),
    "gelu": ("input", "approximate"), "softplus": ("input", "beta", "threshold"),
    "clamp": ("input", "min", "max"), "clip": ("input", "min", "max"),
    "cat": ("tensors", "axis"), "concat": ("tensors", "axis"),
    "transpose": ("input", "input_perm"),
    "mse_loss": ("input", "target", "reduction"), "l1_loss": ("input", "target", "reduction"),
    "smooth_l1_loss": ("input", "target", "beta", "reduction"),
    "binary_cross_entropy": ("logits", "labels", "weight", "reduction"),
    "binary_cross_entropy_with_logits": ("logits", "label", "weight", "pos_weight", "reduction"),
    "cross_entropy": ("input", "target", "weight", "ignore_index", "reduction", "label_smoothing"),
    # heldnets43: the element-wise larger (smaller) of two tensors or a tensor and a number
    "maximum": ("input", "other"), "minimum": ("input", "other"),
}
_MINDSPORE_SPELLINGS_HN42 = (
    ("input", "x", "input_x", "logits"), ("target", "label", "labels"), ("axis", "dim"),
    ("keep_dims", "keepdim"),
)
_MINDSPORE_READ_HN42 = frozenset({*_MINDSPORE_SAME_HN42, *_MINDSPORE_PARAMS_HN42})
# the names and keywords that say a bare ``ops.`` is MindSpore's: not in Keras 3's ops
_MINDSPORE_KEYWORDS_HN42 = frozenset({"keep_dims", "input_perm", "input_x"})
# MindSpore's primitive classes, constructed and called at once (``ops.ReLU()(x)``,
# ``ops.MatMul(transpose_b=True)(x, W)``, ``ops.ReduceMean(keep_dims=True)(x, 1)``): the
# function each is, and the constructor's parameters (mindspore.cn api_python/ops)
_MINDSPORE_CLASSES_HN42 = {
    **{c: (c.lower(), ()) for c in (
        "ReLU", "Sigmoid", "Tanh", "Exp", "Log", "Sqrt", "Square", "Abs", "ReLU6", "Softsign",
        "Erf", "Neg", "Reciprocal", "Rsqrt", "Add", "Sub", "Mul", "Div", "Pow", "Softplus",
    )},
    "MatMul": ("matmul", ("transpose_a", "transpose_b")),
    "ReduceMean": ("mean", ("keep_dims",)), "ReduceSum": ("sum", ("keep_dims",)),
    "Softmax": ("softmax", ("axis",)), "LogSoftmax": ("log_softmax", ("axis",)),
    "BinaryCrossEntropy": ("binary_cross_entropy", ("reduction",)),
    "SigmoidCrossEntropyWithLogits": ("binary_cross_entropy_with_logits", ()),
    # also mindspore.nn's cell of the name: reduction 'none' by default (PyTorch's: 'mean')
    "SmoothL1Loss": ("smooth_l1_loss", ("beta", "reduction")),
    "Maximum": ("maximum", ()), "Minimum": ("minimum", ()),  # heldnets43
}
# mindspore.nn's loss cell without a PyTorch class of the name: (sparse=False, reduction='none')
_MINDSPORE_NN_HN42 = frozenset({"nn", "mindspore.nn", "ms.nn"})
# heldnets43: mindspore.nn's loss cells whose definition and defaults (mindspore.cn api_python/nn:
# reduction 'mean'; BCELoss of probabilities; CrossEntropyLoss of logits with weight,
# ignore_index, label_smoothing) are PyTorch's class of the name: spelled out, read as nn.<Cell>
_MINDSPORE_NN_SHARED_HN43 = frozenset(
    {"MSELoss", "L1Loss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss"}
)


def _mindspore_param_hn42(arg: str | None, params: tuple[str, ...]) -> str | None:
    """The parameter of ``params`` a keyword names under another release's spelling."""
    if arg in params:
        return arg
    group = next((g for g in _MINDSPORE_SPELLINGS_HN42 if arg in g), ())
    return next((p for p in params if p in group), arg)


def _mindspore_call_hn42(n: ast.Call, name: str) -> ast.expr:
    """One MindSpore call written as PyTorch's call of the same value."""

    def torch_call(path: str, args: list[ast.expr], **kw: ast.expr | None) -> ast.Call:
        return ast.Call(_attr(path), args, [ast.keyword(k, v) for k, v in kw.items() if v is not None])

    params = _MINDSPORE_PARAMS_HN42.get(name, ("input",))
    # MindSpore's releases name the first argument input, x, input_x or logits, the axis axis or
    # dim, keep_dims or keepdim, the target target, label or labels: each read in its place
    spelled = ast.Call(n.func, list(n.args), [
        ast.keyword(_mindspore_param_hn42(k.arg, params), k.value) for k in n.keywords
    ])
    if name in _MINDSPORE_SAME_HN42:
        return torch_call(_MINDSPORE_SAME_HN42[name], [_bound(spelled, f"ops.{name}", params, 1)["input"]])
    a = _bound(spelled, f"ops.{name}", params, 1)
    x = a[params[0]]
    reduction = {"smooth_l1_loss": "none"}.get(name, "mean")
    if name == "matmul":
        return _bin(x, ast.MatMult(), _bound(spelled, "ops.matmul", params, 2)["other"])
    if name in ("maximum", "minimum"):
        # heldnets43: MindSpore's MaximumGrad/MinimumGrad kernels (CPU, and the GPU's since 2022)
        # give each side half of the gradient at a tie, as torch.maximum/minimum do
        other = _bound(spelled, f"ops.{name}", params, 2)["other"]
        return torch_call(f"torch.{name}", [x, other])
    if name in ("add", "sub", "mul", "div", "pow"):
        other = _bound(spelled, f"ops.{name}", params, 2)[params[1]]
        op = {"add": ast.Add(), "sub": ast.Sub(), "mul": ast.Mult(), "div": ast.Div(),
              "pow": ast.Pow()}[name]
        return _bin(x, op, other)
    if name in ("mean", "sum", "logsumexp"):
        axis = a.get("axis", a.get("dim"))
        keep = a.get("keep_dims", a.get("keepdim"))
        if _is_none(axis):
            if name == "logsumexp":
                return torch_call("torch.logsumexp", [torch_call("torch.flatten", [x])],
                                  dim=ast.Constant(0))
            return torch_call(f"torch.{name}", [x])
        return torch_call(f"torch.{name}", [x], dim=axis, keepdim=keep)
    if name in ("softmax", "log_softmax"):
        return torch_call(f"torch.{name}", [x], dim=a.get("axis", ast.Constant(-1)))
    if name == "leaky_relu":
        return torch_call("F.leaky_relu", [x], negative_slope=a.get("alpha", _num(0.2)))
    if name == "elu":
        return torch_call("F.elu", [x], alpha=a.get("alpha"))
    if name == "gelu":  # approximate='none' (erf) by default, 'tanh' the tanh form
        how = _text(a.get("approximate"), "none", "approximate")
        if how not in ("none", "tanh"):
            raise SpellingError(catalog.said("spec.heldnets42.mindspore_gelu"))
        return torch_call("F.gelu", [x], approximate=ast.Constant("tanh") if how == "tanh" else None)
    if name == "softplus":
        return torch_call("F.softplus", [x], beta=a.get("beta"), threshold=a.get("threshold"))
    if name in ("clamp", "clip"):
        return torch_call("torch.clamp", [x], min=a.get("min"), max=a.get("max"))
    if name in ("cat", "concat"):
        return torch_call("torch.cat", [x], dim=a.get("axis", ast.Constant(0)))
    if name == "transpose":
        perm = _bound(spelled, "ops.transpose", params, 2)["input_perm"]
        if not (isinstance(perm, ast.List | ast.Tuple) and [_int_literal(p) for p in perm.elts] == [1, 0]):
            raise SpellingError(catalog.said("spec.heldnets42.mindspore_perm"))
        return _t(x)
    target = _bound(spelled, f"ops.{name}", params, 2)[params[1]]
    red = a.get("reduction", ast.Constant(reduction))
    if name in ("mse_loss", "l1_loss"):
        return torch_call(f"F.{name}", [x, target], reduction=red)
    if name == "smooth_l1_loss":  # beta as PyTorch's; MindSpore's default reduction is 'none'
        return torch_call("F.smooth_l1_loss", [x, target], beta=a.get("beta"), reduction=red)
    if name == "binary_cross_entropy":  # logits are the probabilities, as MindSpore's docs say
        return torch_call("F.binary_cross_entropy", [x, target], weight=a.get("weight"), reduction=red)
    if name == "binary_cross_entropy_with_logits":
        return torch_call("F.binary_cross_entropy_with_logits", [x, target], weight=a.get("weight"),
                          pos_weight=a.get("pos_weight"), reduction=red)
    if name == "cross_entropy":
        if not _is_none(a.get("weight")) or "ignore_index" in a:
            raise SpellingError(catalog.said("spec.heldnets42.mindspore_cross_entropy"))
        return torch_call("F.cross_entropy", [x, target], reduction=red,
                          label_smoothing=a.get("label_smoothing"))
    raise AssertionError(name)


def _mindspore_class_hn42(n: ast.Call, name: str) -> ast.expr:
    """``ops.<Class>(…)(…)``: the primitive's function of the same value (its constructor's
    arguments moved to where the function takes them)."""
    ctor = n.func
    assert isinstance(ctor, ast.Call)
    func, params = _MINDSPORE_CLASSES_HN42[name]
    c = _bound(ctor, f"ops.{name}", params, 0)
    args, kws = list(n.args), list(n.keywords)
    head = _attr(f"ops.{func}")
    if name == "MatMul":
        a = _bound(n, "ops.MatMul()", ("x", "y"), 2)
        x, y = a["x"], a["y"]
        for key, side in (("transpose_a", "x"), ("transpose_b", "y")):
            v = c.get(key)
            if v is not None and not (isinstance(v, ast.Constant) and type(v.value) is bool):
                raise SpellingError(catalog.said("spec.heldnets42.mindspore_flag", name=name, arg=key))
            if v is not None and v.value:  # type: ignore[attr-defined]
                x, y = (_t(x), y) if side == "x" else (x, _t(y))
        return _bin(x, ast.MatMult(), y)
    if name in ("ReduceMean", "ReduceSum"):
        a = _bound(n, f"ops.{name}()", ("x", "axis"), 1)
        axis = a.get("axis")
        if isinstance(axis, ast.Tuple | ast.List) and not axis.elts:
            axis = None  # axis=(): every entry
        kw = [ast.keyword("keep_dims", c["keep_dims"])] if "keep_dims" in c else []
        axis = ast.Constant(None) if axis is None else axis
        return _mindspore_call_hn42(ast.Call(head, [a["x"], axis], kw), func)
    if name == "SigmoidCrossEntropyWithLogits":  # per entry, no reduction
        kws.append(ast.keyword("reduction", ast.Constant("none")))
    kws += [ast.keyword(k, v) for k, v in c.items()]
    return _mindspore_call_hn42(ast.Call(head, args, kws), func)


def _mindspore_nn_loss_hn42(n: ast.Call) -> ast.expr:
    """``nn.SoftmaxCrossEntropyWithLogits(sparse=…, reduction=…)(logits, labels)``: PyTorch's
    cross-entropy of the logits (class indices when sparse, else probability rows); MindSpore's
    default reduction is 'none'."""
    ctor = n.func
    assert isinstance(ctor, ast.Call)
    c = _bound(ctor, "nn.SoftmaxCrossEntropyWithLogits", ("sparse", "reduction"), 0)
    sparse = c.get("sparse")
    if sparse is not None and not (isinstance(sparse, ast.Constant) and type(sparse.value) is bool):
        raise SpellingError(catalog.said(
            "spec.heldnets42.mindspore_flag", name="SoftmaxCrossEntropyWithLogits", arg="sparse"
        ))
    a = _bound(n, "nn.SoftmaxCrossEntropyWithLogits()", ("logits", "labels"), 2)
    return ast.Call(_attr("F.cross_entropy"), [a["logits"], a["labels"]],
                    [ast.keyword("reduction", c.get("reduction", ast.Constant("none")))])


def _mindspore_bare_hn42(texts: list[str]) -> bool:
    """Whether the bare ``ops.`` of these lines is MindSpore's: some call names a function
    MindSpore has and Keras 3's ops has not, or a MindSpore-only keyword (keep_dims=,
    input_perm=, input_x=)."""
    keras = {*KERAS_OPS_NUMPY_HN35, *KERAS_OPS_NN_HN35, *KERAS_OPS_RENAMED_HN35, "hard_sigmoid",
             *_KERAS_OPS_LOSSES_HN36, "sparse_categorical_crossentropy"}
    for text in texts:
        if "ops." not in text or (tree := parsed(text)) is None:
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and _module_path(
                n.func.value
            ) == "ops" and (
                (n.func.attr in _MINDSPORE_READ_HN42 and n.func.attr not in keras)
                or n.func.attr in _MINDSPORE_CLASSES_HN42
                or any(k.arg in _MINDSPORE_KEYWORDS_HN42 for k in n.keywords)
            ):
                return True
    return False


def mindspore_ops_hn42(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """heldnets42: [forward] lines with MindSpore's functional ops (``mindspore.ops.matmul``,
    ``ops.binary_cross_entropy(p, y)``, ``ops.mean(x, 1, keep_dims=True)`` …) written as
    PyTorch's calls of the same values (:func:`_mindspore_call_hn42`); a MindSpore function
    not read is refused naming those read (:class:`SpellingError` with ``.key`` the line's key).
    A bare ``ops.`` (no tensor named ``ops``) is MindSpore's only when some line says so
    (:func:`_mindspore_bare_hn42`); else it stays Keras 3's."""
    texts = [v for v in fwd.values() if isinstance(v, str)]
    bare = "ops" not in taken and _mindspore_bare_hn42(texts)
    marks = ("mindspore", "ms.ops", "ms.nn", "SoftmaxCrossEntropyWithLogits", "keep_dims")
    if not bare and not any(m in t for t in texts for m in marks):
        return fwd

    class Ops(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            if isinstance(n.func, ast.Call) and isinstance(n.func.func, ast.Attribute):
                path, name = _module_path(n.func.func.value), n.func.func.attr
                nn_loss = name == "SoftmaxCrossEntropyWithLogits" and path in _MINDSPORE_NN_HN42
                # MindSpore's nn.SmoothL1Loss where the lines are MindSpore's (else PyTorch's)
                cell = name == "SmoothL1Loss" and (
                    path in ("mindspore.nn", "ms.nn") or (bare and path == "nn")
                )
                if path in ("mindspore.nn", "ms.nn") and name in _MINDSPORE_NN_SHARED_HN43:
                    n.func.func = ast.Attribute(ast.Name("nn", ast.Load()), name, ast.Load())
                if nn_loss or cell or name in _MINDSPORE_CLASSES_HN42 and (
                    path in MINDSPORE_MODULES_HN42 or (bare and path == "ops")
                ):  # the constructor's arguments are options; the call's are read first
                    n.args = [self.visit(a) for a in n.args]
                    for k in n.keywords:
                        k.value = self.visit(k.value)
                    out = _mindspore_nn_loss_hn42(n) if nn_loss else _mindspore_class_hn42(n, name)
                    return ast.copy_location(out, n)
            self.generic_visit(n)
            if not isinstance(n.func, ast.Attribute):
                return n
            path, name = _module_path(n.func.value), n.func.attr
            if name == "mean" and not module_of(n.func.value) and any(
                k.arg == "keep_dims" for k in n.keywords
            ):  # MindSpore's Tensor.mean(axis, keep_dims): NumPy's keepdims
                n.keywords = [ast.keyword("keepdims" if k.arg == "keep_dims" else k.arg, k.value)
                              for k in n.keywords]
                return n
            if path not in MINDSPORE_MODULES_HN42 and not (bare and path == "ops"):
                return n
            if name not in _MINDSPORE_READ_HN42:
                raise SpellingError(catalog.said(
                    "spec.heldnets42.mindspore_unread", name=f"{path}.{name}",
                    read=", ".join(sorted(_MINDSPORE_READ_HN42)),
                ))
            return ast.copy_location(_mindspore_call_hn42(n, name), n)

    return _lines_respelled_hn44(
        fwd, lambda text: "ops." in text or any(m in text for m in marks), Ops
    )


def _lines_respelled_hn44(
    fwd: dict[str, object], wanted: Callable[[str], bool], visitor: type[ast.NodeTransformer]
) -> dict[str, object]:
    """Each [forward] line that ``wanted`` picks as ``visitor`` rewrites it (a line too deep
    to rewrite left as it is, for the parse to name); a :class:`SpellingError` carries the
    line's key as ``.key``."""
    out: dict[str, object] = {}
    for key, text in fwd.items():
        tree = parsed(text) if isinstance(text, str) and wanted(text) else None
        if tree is None:
            out[key] = text
            continue
        try:
            out[key] = ast.unparse(visitor().visit(tree))
        except SpellingError as err:
            err.key = key  # type: ignore[attr-defined]
            raise
        except RecursionError:
            out[key] = text
    return out


# heldnets44: MindSpore 2.3+'s ``mindspore.mint`` ("from mindspore import mint"), whose API pages
# (mindspore.cn api_python/mint) give each function PyTorch's name, parameters and defaults:
# read as the PyTorch call of the same name. Only the names below; any other mint name is refused
# naming these.
_MINT_TORCH_HN44 = frozenset({
    "matmul", "add", "sub", "mul", "div", "neg", "exp", "log", "log1p", "sqrt", "rsqrt", "abs",
    "square", "pow", "sigmoid", "tanh", "sin", "cos", "erf", "sum", "mean", "prod", "logsumexp",
    "clamp", "maximum", "minimum", "cat", "stack", "where", "transpose", "max", "min",
    # heldnets45: more of mint's functions (PyTorch's names and parameters)
    "mm", "expm1", "reciprocal", "cumsum", "atan2", "sinh", "cosh", "tan", "log2", "log10",
    "std", "var",
})
_MINT_F_HN44 = frozenset({
    "relu", "gelu", "silu", "sigmoid", "tanh", "softmax", "log_softmax", "softplus", "leaky_relu",
    "elu", "dropout", "layer_norm", "binary_cross_entropy", "binary_cross_entropy_with_logits",
    "cross_entropy", "nll_loss", "mse_loss", "l1_loss", "smooth_l1_loss",
    # heldnets45: nn.functional.linear (weight [out, in], as PyTorch's), normalize, more
    # activations, kl_div
    "linear", "normalize", "mish", "selu", "hardswish", "hardsigmoid", "hardtanh", "relu6",
    "logsigmoid", "kl_div",
})
_MINT_NN_HN44 = frozenset({
    "MSELoss", "L1Loss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss", "ReLU", "GELU",
    "SiLU", "Sigmoid", "Tanh",
    # heldnets45
    "Softmax", "LogSoftmax", "SmoothL1Loss", "NLLLoss", "KLDivLoss", "Mish", "SELU", "Hardswish",
    "LeakyReLU", "ELU", "Hardsigmoid", "Hardtanh", "ReLU6", "LogSigmoid",
})
_MINT_PATHS_HN44 = {"mint": "torch", "mint.nn.functional": "F", "mint.nn": "nn"}


def _mint_path_hn44(path: str) -> str | None:
    """The mint module ``path`` names (``mint``, ``mint.nn.functional``, ``mint.nn``; also
    under ``mindspore.``/``ms.``), else ``None``."""
    for head in ("mindspore.", "ms.", ""):
        if path.startswith(head) and path[len(head):] in _MINT_PATHS_HN44:
            return path[len(head):]
    return None


def mindspore_mint_hn44(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """heldnets44: [forward] lines with MindSpore's ``mint`` functions written with PyTorch's
    module names (``mint.matmul`` → ``torch.matmul``, ``mint.nn.functional.relu`` → ``F.relu``,
    ``mint.nn.MSELoss()`` → ``nn.MSELoss()``), so PyTorch's reading — keywords, defaults,
    reductions — applies; a mint name not listed is refused naming those read
    (:class:`SpellingError` with ``.key`` the line's key). A tensor named ``mint`` is left alone."""
    if "mint" in taken:
        return fwd

    class Mint(ast.NodeTransformer):
        def visit_Attribute(self, n: ast.Attribute) -> ast.AST:
            mod = _mint_path_hn44(_module_path(n.value))
            if mod is None:
                return self.generic_visit(n)
            read = {"mint": _MINT_TORCH_HN44, "mint.nn.functional": _MINT_F_HN44,
                    "mint.nn": _MINT_NN_HN44}[mod]
            if n.attr not in read and not (mod == "mint" and n.attr == "nn"):
                raise SpellingError(catalog.said(
                    "spec.heldnets44.mint_unread", name=f"{mod}.{n.attr}", mod=mod,
                    read=", ".join(sorted(read)),
                ))
            if mod == "mint" and n.attr == "nn":
                return n  # the head of mint.nn.<…>, read as a whole above
            return ast.copy_location(_attr(f"{_MINT_PATHS_HN44[mod]}.{n.attr}"), n)

    return _lines_respelled_hn44(fwd, lambda text: "mint." in text, Mint)
