"""heldnets49: readings of round 49's held-out course networks.

Each reading writes a call as the text of the same value derive already reads (as
:mod:`derive.lang.spelling48` does):

- Flax's activations (``import flax.linen as nn``; ``flax.linen``, ``linen``, ``flax.nnx``,
  ``nnx``): flax/linen/activation.py re-exports jax.nn's functions under their own names and
  ``jax.numpy.tanh`` as ``tanh`` (``normalize`` is ``standardize``), so ``nn.relu(x)`` is
  ``jax.nn.relu(x)`` and ``nn.tanh(x)`` is ``jnp.tanh(x)`` — with jax.nn's defaults (``nn.gelu``
  the tanh approximation). PyTorch's ``torch.nn`` has no lower-case functions of these names
  (its activations are ``nn.ReLU()`` classes and ``nn.functional.relu``), so the reading takes
  nothing of PyTorch's; a tensor named ``nn`` stays a tensor. jax.nn's ``soft_sign``,
  ``hard_sigmoid``, ``hard_silu``/``hard_swish`` (so Flax's too) are PyTorch's softsign,
  hardsigmoid and hardswish (the same definitions), which the language reads.
- Paddle's ``var``/``std`` (python/paddle/tensor/stat.py: ``var(x, axis=None, unbiased=True,
  keepdim=False, name=None)``, divisor N − 1 when ``unbiased``): PyTorch's ``torch.var``/
  ``torch.std`` with ``dim``/``unbiased``/``keepdim`` — the same value.
- ``x.gelu()`` as a method is refused: PyTorch's, NumPy's and JAX's arrays have no such method;
  tinygrad's ``Tensor.gelu`` is the tanh approximation and other small autograd engines' the exact
  form, so which one is meant is not in the text (``F.gelu(x)`` / ``jax.nn.gelu(x)`` say it).
- A stack of numbers computed by earlier lines (``jnp.stack([r1, r2])`` of two risks, V-REx):
  NumPy's 1-D vector of them, written as the row ``np.concatenate([r1 * np.ones((1, 1)), …],
  axis=1)`` the reader joins (the line stays 1-D: its written text is a stack of numbers).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from derive.lang import spelling as sp
from derive.lang import spelling50, splits
from derive.locale import catalog

# flax/linen/activation.py (and flax.nnx): jax.nn's functions re-exported under their names
FLAX = frozenset({"nn", "flax.linen", "linen", "flax.nnx", "nnx"})
FLAX_JAX_NN = frozenset({
    "celu", "elu", "gelu", "glu", "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh",
    "leaky_relu", "log_sigmoid", "log_softmax", "logsumexp", "one_hot", "relu", "relu6", "selu",
    "sigmoid", "silu", "soft_sign", "softmax", "softplus", "standardize", "swish",
})
FLAX_RENAMED = {"tanh": "jnp.tanh", "normalize": "jax.nn.standardize"}
_FLAX_CALL = re.compile(
    r"(?<![\w.])(?:flax\.)?(?:nn|linen|nnx)\.(?:"
    + "|".join(sorted(FLAX_JAX_NN | set(FLAX_RENAMED)))
    + r")\s*\("
)
# jax.nn's functions whose PyTorch namesakes the language reads bare (jax/_src/nn/functions.py:
# soft_sign x / (|x| + 1); hard_sigmoid relu6(x + 3) / 6; hard_silu = hard_swish x · hard_sigmoid)
JAX_NN = frozenset({"jax.nn", *FLAX})
JAX_NN_RENAMED = {
    "soft_sign": "softsign", "hard_sigmoid": "hardsigmoid", "hard_silu": "hardswish",
    "hard_swish": "hardswish",
}
_JAX_NN_CALL = re.compile(r"\.(?:" + "|".join(JAX_NN_RENAMED) + r")\s*\(")
_GELU_METHOD = re.compile(r"[\w)\]]\s*\.\s*gelu\s*\(")
_PADDLE_STAT_CALL = re.compile(r"(?<![\w.])paddle(?:\.tensor(?:\.stat)?)?\.(?:var|std)\s*\(")
PADDLE = frozenset({"paddle", "paddle.tensor", "paddle.tensor.stat"})
# paddle.var / paddle.std's parameters in order, and PyTorch's keyword for each
_PADDLE_STAT = (("x", None), ("axis", "dim"), ("unbiased", "unbiased"), ("keepdim", "keepdim"))
# the stacks whose parts may be numbers computed by earlier lines (JAX's jnp.array keeps the
# gradient of traced values; torch.tensor / np.array copy values and are left to their readings)
STACKS = frozenset({"stack", "hstack"})
STACK_MODULES = frozenset({"np", "numpy", "jnp", "jax.numpy", "torch", "tf"})
JAX_ARRAYS = frozenset({"array", "asarray"})


class _Read(ast.NodeTransformer):
    def __init__(self, taken: frozenset[str]) -> None:
        self.taken = taken

    def visit_Call(self, n: ast.Call) -> ast.AST:
        self.generic_visit(n)
        f = n.func
        if not isinstance(f, ast.Attribute):
            return n
        path, name = sp._module_path(f.value), f.attr
        if not path or path.split(".")[0] in self.taken:
            return n
        if path in JAX_NN and name in JAX_NN_RENAMED and len(n.args) == 1 and not n.keywords:
            return ast.copy_location(ast.Call(sp._attr(JAX_NN_RENAMED[name]), n.args, []), n)
        if path in FLAX and (name in FLAX_JAX_NN or name in FLAX_RENAMED):
            target = FLAX_RENAMED.get(name, f"jax.nn.{name}")
            return ast.copy_location(ast.Call(sp._attr(target), n.args, n.keywords), n)
        if path in PADDLE and name in ("var", "std"):
            return _paddle_stat(n, name)
        return n

    def visit_Attribute(self, n: ast.Attribute) -> ast.AST:
        self.generic_visit(n)
        path = sp._module_path(n.value)
        if n.attr == "gelu" and (not path or path.split(".")[0] in self.taken):
            # x.gelu(): no method of PyTorch's, NumPy's or JAX's arrays; tinygrad's Tensor.gelu
            # is the tanh approximation, other autograd engines' the exact form
            raise sp.SpellingError(catalog.said("spec.heldnets49.gelu_method", x=ast.unparse(n)))
        return n


def _paddle_stat(n: ast.Call, name: str) -> ast.AST:
    """``paddle.var(x, axis, unbiased, keepdim)`` as ``torch.var(x, dim=…, unbiased=…,
    keepdim=…)`` (the same defaults: every entry, unbiased, no kept axis); a call it cannot bind
    is left as written for the Paddle reading to refuse."""
    given: dict[str, ast.expr] = {}
    if len(n.args) > len(_PADDLE_STAT) or any(isinstance(a, ast.Starred) for a in n.args):
        return n
    for (param, _), a in zip(_PADDLE_STAT, n.args, strict=False):
        given[param] = a
    for k in n.keywords:
        if k.arg == "name":
            continue
        if k.arg is None or k.arg in given or k.arg not in dict(_PADDLE_STAT):
            return n
        given[k.arg] = k.value
    if "x" not in given:
        return n
    keywords = [
        ast.keyword(torch_kw, given[param])
        for param, torch_kw in _PADDLE_STAT[1:]
        if param in given and torch_kw is not None
    ]
    return ast.copy_location(ast.Call(sp._attr(f"torch.{name}"), [given["x"]], keywords), n)


def respelled_hn49(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """[forward] lines with Flax's activations and Paddle's var/std written as the calls of the
    same value derive reads; a ``.gelu()`` method (whose form differs between the autograd
    libraries that have one) is refused (:class:`SpellingError` with ``.key``)."""

    uses = (_FLAX_CALL, _PADDLE_STAT_CALL, _GELU_METHOD, _JAX_NN_CALL)
    return spelling50.lines_rewritten(
        fwd, lambda text: any(r.search(text) for r in uses), lambda: _Read(taken)
    )


def stacked_numbers_hn49(
    text: str, number: Callable[[str], bool], scalar: Callable[[str], bool]
) -> str:
    """``text`` — a whole line that is a stack of numbers some of which are earlier lines'
    numbers (``jnp.stack([r1, r2])``, ``torch.stack((loss_a, loss_b))``, JAX's
    ``jnp.array([r1, r2])``) — written as the row of them, ``np.concatenate([r1 * np.ones((1,
    1)), …], axis=1)``: NumPy's 1-D vector of the numbers, which the reader keeps as a row and
    the line's written text marks 1-D (so later axes, indices and products are NumPy's).
    ``number(part)`` tells a part is one number by its form (the reader's 0-D test);
    ``scalar(name)`` that a name is a number computed or given (not a [constants] name). A stack
    inside a longer expression (whose 1-D axis the reader would not know), along another axis,
    of other parts, or whose parts the reader already joins (reductions written inline) is left
    as written."""
    if "stack" not in text and "array" not in text:
        return text
    tree = sp.parsed(text)
    if tree is None:
        return text
    parts = _numbers_stack(tree.body, number, scalar)
    if parts is None:
        for m in ast.walk(tree.body):
            if m is not tree.body and _numbers_stack(m, number, scalar) is not None:
                raise sp.SpellingError(
                    catalog.said("spec.heldnets49.stack_inline", stack=ast.unparse(m))
                )
        return text
    ones = ast.Call(
        sp._attr("np.ones"), [ast.Tuple([ast.Constant(1), ast.Constant(1)], ast.Load())], []
    )
    row = [ast.BinOp(p, ast.Mult(), ones) for p in parts]
    made = ast.Call(
        sp._attr("np.concatenate"),
        [ast.List(row, ast.Load())],
        [ast.keyword("axis", ast.Constant(1))],
    )
    return ast.unparse(ast.fix_missing_locations(made))


def _numbers_stack(
    n: ast.AST, number: Callable[[str], bool], scalar: Callable[[str], bool]
) -> list[ast.expr] | None:
    """The parts of ``n`` when it is a stack of numbers (axis 0) of which one at least is
    arithmetic of a number computed or given (no call: reductions the reader joins itself)."""
    if not isinstance(n, ast.Call) or not isinstance(n.func, ast.Attribute):
        return None
    f = n.func
    path = sp._module_path(f.value)
    jax_array = path in ("jnp", "jax.numpy") and f.attr in JAX_ARRAYS
    if not (path in STACK_MODULES and f.attr in STACKS) and not jax_array:
        return None
    first = n.args[0] if n.args else None
    if not isinstance(first, ast.List | ast.Tuple) or len(first.elts) < 2:
        return None
    rest = [*n.args[1:], *(k.value for k in n.keywords)]
    if jax_array and rest:
        return None  # dtype=…: left to the literal's reading
    if any(k.arg not in ("axis", "dim") for k in n.keywords) or len(rest) > 1:
        return None
    if rest and splits._whole(rest[0]) not in (0, -1):
        return None  # numbers have no other axis
    parts = list(first.elts)
    if any(isinstance(p, ast.Starred) for p in parts):
        return None
    if not all(number(ast.unparse(p)) for p in parts):
        return None
    names = [{m.id for m in ast.walk(p) if isinstance(m, ast.Name)} for p in parts]
    if not any(
        ns and any(scalar(m) for m in ns) and not _calls(p)
        for ns, p in zip(names, parts, strict=True)
    ):
        return None
    return parts


def _calls(node: ast.AST) -> bool:
    return any(isinstance(m, ast.Call) for m in ast.walk(node))
