"""heldnets49: readings of round 49's held-out course networks.

Each reading writes a call as the text of the same value derive already reads (as
:mod:`derive.lang.spelling48` does):

- Flax's activations (``import flax.linen as nn``; ``flax.linen``, ``linen``, ``flax.nnx``,
  ``nnx``): flax/linen/activation.py re-exports jax.nn's functions under their own names and
  ``jax.numpy.tanh`` as ``tanh`` (``normalize`` is ``standardize``), so ``nn.relu(x)`` is
  ``jax.nn.relu(x)`` and ``nn.tanh(x)`` is ``jnp.tanh(x)`` — with jax.nn's defaults (``nn.gelu``
  the tanh approximation). PyTorch's ``torch.nn`` has no lower-case functions of these names
  (its activations are ``nn.ReLU()`` classes and ``nn.functional.relu``), so the reading takes
  nothing of PyTorch's; a tensor named ``nn`` stays a tensor.
- Paddle's ``var``/``std`` (python/paddle/tensor/stat.py: ``var(x, axis=None, unbiased=True,
  keepdim=False, name=None)``, divisor N − 1 when ``unbiased``): PyTorch's ``torch.var``/
  ``torch.std`` with ``dim``/``unbiased``/``keepdim`` — the same value.
- A stack of numbers computed by earlier lines (``jnp.stack([r1, r2])`` of two risks, V-REx):
  NumPy's 1-D vector of them, written as the row ``np.concatenate([r1 * np.ones((1, 1)), …],
  axis=1)`` the reader joins (the line stays 1-D: its written text is a stack of numbers).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from derive.lang import spelling as sp

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
_PADDLE_STAT_CALL = re.compile(r"(?<![\w.])paddle(?:\.tensor(?:\.stat)?)?\.(?:var|std)\s*\(")
PADDLE = frozenset({"paddle", "paddle.tensor", "paddle.tensor.stat"})
# paddle.var / paddle.std's parameters in order, and PyTorch's keyword for each
_PADDLE_STAT = (("x", None), ("axis", "dim"), ("unbiased", "unbiased"), ("keepdim", "keepdim"))
# the stacks whose parts may be numbers computed by earlier lines (JAX's jnp.array keeps the
# gradient of traced values; torch.tensor / np.array copy values and are left to their readings)
STACKS = frozenset({"stack", "hstack"})
STACK_MODULES = frozenset({"np", "numpy", "jnp", "jax.numpy", "torch", "tf"})
JAX_ARRAYS = frozenset({"array", "asarray"})


def _path(path: str) -> ast.expr:
    head, *rest = path.split(".")
    node: ast.expr = ast.Name(head, ast.Load())
    for part in rest:
        node = ast.Attribute(node, part, ast.Load())
    return node


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
        if path in FLAX and (name in FLAX_JAX_NN or name in FLAX_RENAMED):
            target = FLAX_RENAMED.get(name, f"jax.nn.{name}")
            return ast.copy_location(ast.Call(_path(target), n.args, n.keywords), n)
        if path in PADDLE and name in ("var", "std"):
            return _paddle_stat(n, name)
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
    return ast.copy_location(ast.Call(_path(f"torch.{name}"), [given["x"]], keywords), n)


def respelled_hn49(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """[forward] lines with Flax's activations and Paddle's var/std written as the calls of the
    same value derive reads."""

    def wanted(text: str) -> bool:
        return _FLAX_CALL.search(text) is not None or _PADDLE_STAT_CALL.search(text) is not None

    class Read(_Read):
        def __init__(self) -> None:
            super().__init__(taken)

    return sp._lines_respelled_hn44(fwd, wanted, Read)


def stacked_numbers_hn49(text: str, number: Callable[[str], bool], scalar: Callable[[str], bool]) -> str:
    """``text`` with each stack of numbers some of which are earlier lines' numbers
    (``jnp.stack([r1, r2])``, ``torch.stack((loss_a, loss_b))``, JAX's ``jnp.array([r1, r2])``)
    written as the row of them, ``np.concatenate([r1 * np.ones((1, 1)), …], axis=1)`` — NumPy's
    1-D vector of the numbers, which the reader keeps as a row. ``number(part)`` tells a part is
    one number by its form (the reader's 0-D test); ``scalar(name)`` that a name is a number
    (a scalar line, input or constant). Stacks of other parts, along another axis, or whose parts
    the reader already joins (reductions written inline) are left as written."""
    if "stack" not in text and "array" not in text:
        return text
    tree = sp.parsed(text)
    if tree is None:
        return text

    class Stack(ast.NodeTransformer):
        changed = False

        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            f = n.func
            if not isinstance(f, ast.Attribute):
                return n
            path = sp._module_path(f.value)
            jax_array = path in ("jnp", "jax.numpy") and f.attr in JAX_ARRAYS
            if not (path in STACK_MODULES and f.attr in STACKS) and not jax_array:
                return n
            first = n.args[0] if n.args else None
            if not isinstance(first, ast.List | ast.Tuple) or len(first.elts) < 2:
                return n
            rest = [*n.args[1:], *(k.value for k in n.keywords)]
            if jax_array and rest:
                return n  # dtype=…: left to the literal's reading
            if any(k.arg not in ("axis", "dim") for k in n.keywords) or len(rest) > 1:
                return n
            if rest and not (
                isinstance(rest[0], ast.Constant) and rest[0].value in (0, -1)
                or isinstance(rest[0], ast.UnaryOp) and isinstance(rest[0].op, ast.USub)
                and isinstance(rest[0].operand, ast.Constant) and rest[0].operand.value == 1
            ):
                return n  # another axis of numbers does not exist
            parts = list(first.elts)
            if any(isinstance(p, ast.Starred) for p in parts):
                return n
            if not all(number(ast.unparse(p)) for p in parts):
                return n
            names = [{m.id for m in ast.walk(p) if isinstance(m, ast.Name)} for p in parts]
            if not any(ns and any(scalar(m) for m in ns) and not _calls(p)
                       for ns, p in zip(names, parts, strict=True)):
                return n  # numbers the reader already joins (reductions written inline)
            ones = ast.Call(
                _path("np.ones"), [ast.Tuple([ast.Constant(1), ast.Constant(1)], ast.Load())], []
            )
            row = [ast.BinOp(p, ast.Mult(), ones) for p in parts]
            made = ast.Call(
                _path("np.concatenate"), [ast.List(row, ast.Load())],
                [ast.keyword("axis", ast.Constant(1))],
            )
            self.changed = True
            return ast.copy_location(made, n)

    reader = Stack()
    out = reader.visit(tree)
    if not reader.changed:
        return text
    return ast.unparse(ast.fix_missing_locations(out))


def _calls(node: ast.AST) -> bool:
    return any(isinstance(m, ast.Call) for m in ast.walk(node))
