"""heldnets50: readings of round 50's held-out course networks.

Each reading writes a call as the text of the same value derive already reads (as
:mod:`derive.lang.spelling49` does):

- OneFlow (``import oneflow as flow``): OneFlow's Python API is PyTorch's, function for function
  and default for default (its ``nn/functional`` modules say "ref pytorch" and keep PyTorch's
  parameters), so ``flow.<f>`` / ``oneflow.<f>`` / ``flow.nn.functional.<f>`` are read as
  ``torch.<f>`` / ``torch.nn.functional.<f>`` — and refused where PyTorch's would be. A tensor
  named ``flow`` (an optical flow, a normalising flow) stays a tensor.
- Jittor (``import jittor as jt``; ``from jittor import nn``): a few functions whose Jittor
  definition is PyTorch's (python/jittor/__init__.py, nn.py): ``jt.matmul``, ``jt.sigmoid``,
  ``jt.tanh``, ``jt.exp``, ``jt.log``, ``jt.sqrt``, ``jt.abs``, ``jt.concat`` (``torch.cat``),
  ``jt.sum``/``jt.mean`` (Jittor's ``dims=``/``keepdims=`` read as ``dim=``/``keepdim=``),
  ``jt.nn.relu``, ``jt.nn.leaky_relu(x, scale=0.01)``. ``jt.nn.softmax``/``log_softmax`` only with
  the axis written: without it, Jittor's releases differ (older ones take every entry at once,
  later ones PyTorch's implicit axis). Another Jittor function is refused naming those read.
- ``ops.stop_gradient(x)`` of Keras 3 (``keras.ops``) and MindSpore (``mindspore.ops``): the
  value with no gradient, ``jax.lax.stop_gradient(x)``, written before the stop-gradient reader
  takes the lines (the later ops readings come after it).
- MindSpore's activation cells whose defaults are not PyTorch's (docs/api/api_python/nn of the
  mindspore repository): ``nn.GELU(approximate=True)`` — the tanh form by default, where
  PyTorch's ``nn.GELU()`` is exact — and ``nn.LeakyReLU(alpha=0.2)``, where PyTorch's slope is
  0.01. ``mindspore.nn.``/``ms.nn.`` always, a bare ``nn.`` where the lines are MindSpore's (the
  marks by which the MindSpore reading takes a bare ``ops.``): written as ``F.gelu(x,
  approximate='tanh')`` / ``F.leaky_relu(x, negative_slope=0.2)``.
- A custom ``torch.autograd.Function`` called by ``Name.apply(…)`` (DANN's gradient reversal
  layer, a straight-through estimator) is refused in its own words: its backward is written by
  hand, so what derive would derive from its forward need not be what it computes.
- A ``[labels]`` entry of numbers under a name no tensor has (``spk = [0, 0, 1, 1]``: class
  labels) is refused before the lines are read, saying that class labels are an input.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from derive.lang import spelling as sp
from derive.locale import catalog

ONEFLOW = frozenset({"flow", "oneflow"})
_ONEFLOW_USE = re.compile(r"(?<![\w.])(?:one)?flow\s*\.")
JITTOR = frozenset({"jt", "jittor"})
_JITTOR_USE = re.compile(r"(?<![\w.])(?:jt|jittor)\s*\.")
# python/jittor: the functions whose definition is PyTorch's (element-wise, or a matrix product)
JITTOR_SAME = {
    "matmul": "torch.matmul", "sigmoid": "torch.sigmoid", "tanh": "torch.tanh",
    "exp": "torch.exp", "log": "torch.log", "sqrt": "torch.sqrt", "abs": "torch.abs",
    "concat": "torch.cat", "sum": "torch.sum", "mean": "torch.mean",
}
JITTOR_NN = {"relu": "F.relu", "leaky_relu": "F.leaky_relu"}
JITTOR_AXIS = {"softmax": "torch.softmax", "log_softmax": "torch.log_softmax"}
# Jittor's reductions spell PyTorch's keywords NumPy's way
_JITTOR_KEYWORDS = {"dims": "dim", "keepdims": "keepdim", "scale": "negative_slope"}
# Keras 3's and MindSpore's ops modules, whose stop_gradient is jax.lax's (read before the
# stop-gradient reader takes the lines, which the later ops readings are not)
OPS_MODULES = frozenset(
    {"ops", "keras.ops", "tf.keras.ops", "mindspore.ops", "ms.ops", "mindspore.ops.functional"}
)
_OPS_USE = re.compile(r"\bops\s*\.\s*stop_gradient\s*\(")
_APPLY = re.compile(r"(?<![\w.])[A-Z]\w*\s*\.\s*apply\s*\(")
# names a forward line may call .apply on that are modules, never an autograd Function
_NOT_FUNCTIONS = frozenset({"F", "K", "T"})


class _Read(ast.NodeTransformer):
    def __init__(self, taken: frozenset[str], functions: bool = False) -> None:
        self.taken, self.functions = taken, functions

    def visit_Call(self, n: ast.Call) -> ast.AST:
        self.generic_visit(n)
        f = n.func
        if not isinstance(f, ast.Attribute):
            return n
        path = sp._module_path(f.value)
        if not path or path.split(".")[0] in self.taken:
            return n
        root = path.split(".")[0]
        if self.functions:
            if f.attr == "apply" and isinstance(f.value, ast.Name) and root[:1].isupper() and (
                root not in _NOT_FUNCTIONS
            ):
                raise sp.SpellingError(catalog.said("spec.heldnets50.autograd_function", x=root))
            return n
        if root in JITTOR:
            return ast.copy_location(_jittor(n, path, f.attr), n)
        if path in OPS_MODULES and f.attr == "stop_gradient" and len(n.args) == 1 and not (
            n.keywords
        ):  # keras/src/ops/core.py, mindspore.ops: the value, no gradient
            return ast.copy_location(ast.Call(sp._attr("jax.lax.stop_gradient"), n.args, []), n)
        return n

    def visit_Attribute(self, n: ast.Attribute) -> ast.AST:
        self.generic_visit(n)
        if not self.functions and isinstance(n.value, ast.Name) and n.value.id in ONEFLOW and n.value.id not in self.taken:
            return ast.copy_location(ast.Attribute(ast.Name("torch", ast.Load()), n.attr, n.ctx), n)
        return n


def _jittor(n: ast.Call, path: str, name: str) -> ast.expr:
    """One Jittor call as PyTorch's call of the same value, or a refusal naming those read."""
    nn = path in ("jt.nn", "jittor.nn")
    keywords = [ast.keyword(_JITTOR_KEYWORDS.get(k.arg or "", k.arg), k.value) for k in n.keywords]
    if path in JITTOR and name in JITTOR_SAME:
        return ast.Call(sp._attr(JITTOR_SAME[name]), n.args, keywords)
    if (nn or path in JITTOR) and name in JITTOR_NN:
        return ast.Call(sp._attr(JITTOR_NN[name]), n.args, keywords)
    if (nn or path in JITTOR) and name in JITTOR_AXIS:
        if len(n.args) + len(keywords) < 2:
            raise sp.SpellingError(catalog.said("spec.heldnets50.jittor_softmax", x=name))
        return ast.Call(sp._attr(JITTOR_AXIS[name]), n.args, keywords)
    read = sorted({*(f"jt.{k}" for k in JITTOR_SAME), *(f"jt.nn.{k}" for k in JITTOR_NN),
                   *(f"jt.nn.{k}(x, dim)" for k in JITTOR_AXIS)})
    raise sp.SpellingError(
        catalog.said("spec.heldnets50.jittor_unread", x=f"{path}.{name}", read=", ".join(read))
    )


def respelled_hn50(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """[forward] lines with OneFlow's and Jittor's calls written as the PyTorch calls of the same
    value; a Jittor function not read is refused (:class:`SpellingError` with ``.key``)."""
    return _respelled(fwd, taken, (_ONEFLOW_USE, _JITTOR_USE, _OPS_USE), False)


def functions_hn50(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """The [forward] lines, unchanged; a custom autograd Function's ``Name.apply(…)`` refused
    (:class:`SpellingError` with ``.key``)."""
    return _respelled(fwd, taken, (_APPLY,), True)


def _respelled(
    fwd: dict[str, object], taken: frozenset[str], uses: tuple[re.Pattern[str], ...],
    functions: bool,
) -> dict[str, object]:
    return lines_rewritten(
        fwd, lambda text: any(r.search(text) for r in uses), lambda: _Read(taken, functions)
    )


def lines_rewritten(
    fwd: dict[str, object], wanted: Callable[[str], bool],
    transformer: Callable[[], ast.NodeTransformer],
) -> dict[str, object]:
    """Each [forward] line that ``wanted`` picks, parsed and rewritten by a fresh
    ``transformer()``; a line read as written stays as written (its text, not the unparsed
    one). A refusal (:class:`SpellingError`) carries the line's key as ``.key``."""
    out: dict[str, object] = {}
    for key, text in fwd.items():
        tree = sp.parsed(text) if isinstance(text, str) and wanted(text) else None
        if tree is None:
            out[key] = text
            continue
        before = ast.unparse(tree)
        try:
            after = ast.unparse(transformer().visit(tree))
        except sp.SpellingError as err:
            err.key = key  # type: ignore[attr-defined]
            raise
        except RecursionError:
            after = before
        out[key] = text if after == before else after
    return out


def class_labels_hn50(table: dict[str, object], declared: frozenset[str]) -> str | None:
    """The first ``[labels]`` key whose entries are numbers and that no tensor declared so far
    has (class labels written where the walkthrough's entry names go), or ``None``."""
    for key, raw in table.items():
        if key in declared or not isinstance(raw, list) or not raw:
            continue
        flat = [x for row in raw for x in (row if isinstance(row, list) else [row])]
        if flat and all(isinstance(x, int | float) and not isinstance(x, bool) for x in flat):
            return key
    return None


MINDSPORE_NN = frozenset({"mindspore.nn", "ms.nn"})
# the marks by which spelling.mindspore_ops_hn42 reads the lines as MindSpore's
_MINDSPORE_MARKS = ("mindspore", "ms.ops", "ms.nn", "SoftmaxCrossEntropyWithLogits", "keep_dims")
# MindSpore's cells whose default differs from PyTorch's class of the same name: the parameter,
# its default, and PyTorch's function of the same value
_MINDSPORE_CELLS = {"GELU": ("approximate", True), "LeakyReLU": ("alpha", 0.2)}


def mindspore_cells_hn50(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """[forward] lines with MindSpore's ``nn.GELU()(x)`` and ``nn.LeakyReLU()(x)`` written as
    PyTorch's functions with MindSpore's defaults (``mindspore.nn``/``ms.nn`` always; a bare
    ``nn`` where the lines are MindSpore's)."""
    texts = [v for v in fwd.values() if isinstance(v, str)]
    if not any(c in t for t in texts for c in _MINDSPORE_CELLS):
        return fwd
    bare = "nn" not in taken and (
        any(m in t for t in texts for m in _MINDSPORE_MARKS)
        or ("ops" not in taken and sp._mindspore_bare_hn42(texts))
    )

    class Cells(ast.NodeTransformer):
        def visit_Call(self, n: ast.Call) -> ast.AST:
            self.generic_visit(n)
            ctor = n.func
            if not (isinstance(ctor, ast.Call) and isinstance(ctor.func, ast.Attribute)):
                return n
            path, name = sp._module_path(ctor.func.value), ctor.func.attr
            if name not in _MINDSPORE_CELLS or not (
                path in MINDSPORE_NN or (bare and path == "nn")
            ) or path.split(".")[0] in taken - {"nn"} or len(n.args) != 1 or n.keywords:
                return n
            param, value = _MINDSPORE_CELLS[name]
            given = [k.value for k in ctor.keywords if k.arg == param] + list(ctor.args)
            if len(given) > 1 or len(ctor.args) + len(ctor.keywords) > 1:
                return n
            if given:
                if not isinstance(given[0], ast.Constant):
                    return n
                value = given[0].value
            if name == "GELU":
                if not isinstance(value, bool):
                    return n
                kw = [ast.keyword("approximate", ast.Constant("tanh"))] if value else []
                return ast.copy_location(ast.Call(sp._attr("F.gelu"), n.args, kw), n)
            if isinstance(value, bool) or not isinstance(value, int | float):
                return n
            kw = [ast.keyword("negative_slope", ast.Constant(value))]
            return ast.copy_location(ast.Call(sp._attr("F.leaky_relu"), n.args, kw), n)

    return lines_rewritten(fwd, lambda text: any(c in text for c in _MINDSPORE_CELLS), Cells)
