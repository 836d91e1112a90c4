"""Spec files (TOML, format v1) → validated :class:`NetSpec`.

Everything is checked here, before any SymPy work: names, shapes of every expression (``@``,
broadcasting ``+``), function names and arities, the scalar loss, ``[values]`` shapes. Errors are
:class:`SpecError` and name the file, the table/key and the fix.
"""

from __future__ import annotations

import ast
import copy
import keyword
import os
import math
import random
import re
import tomllib
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from derive.errors import BadInput, LimitError
from derive.files import NotAFile, read_capped
from derive.lang import domains as domain
from derive.lang import expr as ex
from derive.lang import (
    channels48, ops, replicate, spelling, spelling47, spelling48, spelling49, spelling50, splits,
)
from derive.locale import catalog

IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,31}\Z")  # \Z: "W\n" is not a name
NET_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}\Z")
TABLES = (
    "network",
    "dims",
    "inputs",
    "params",
    "constants",
    "forward",
    "values",
    "labels",
    "full_dims",
    "train",
)
MAX_DIM = 4096
# [inputs] X = { shape = [...], kind = "one-hot" }; "one-hot-columns": Ng's layout (a column
# per example), drawn so when [values] does not give it (given one-hot columns under "one-hot"
# are read so too); "binary": entries 0 or 1 (BCE targets, which the loss also implies), checked
# against the given [values] and drawn so; "distribution": each row a probability distribution
# (entries ≥ 0 summing to 1: soft labels, label smoothing, a teacher's probabilities), checked
# and drawn so (round 45)
KINDS = ("data", "one-hot", "one-hot-columns", "binary", "distribution")
MAX_ENTRIES = 1_000_000
NETWORK_KEYS = ("name", "title", "description")
TRAIN_KEYS = ("steps", "lr", "seed", "every")

# ---- resource limits (README "What derive promises"; measured in bench/RESULTS.md) ------------
# The spec file is read up to MAX_SPEC_BYTES + 1 bytes (``derive verify /dev/zero`` answers fast).
MAX_SPEC_BYTES = 1_000_000
# Element-wise derivation: every entry of every tensor becomes a SymPy expression and every term
# of every matrix product a product term; their count predicts time and memory. Measured here
# (2 cores): a 32x32x32 MLP (4,261 entries, 35,968 terms) derives in ~4 s unloaded and 140 MB;
# 48x48x48 (~115k terms) and 64x64x64 (~270k terms) did not finish in 150 s.
MAX_ELEMENTWISE_TERMS = 60_000
MAX_ELEMENTWISE_ENTRIES = 12_000
# [full_dims] (training at full size, NumPy): per tensor, and multiply-adds of all steps
MAX_FULL_ENTRIES = 4_000_000
MAX_TRAIN_WORK = 100_000_000_000  # ~30x the built-in relu-mlp (500 steps of 6.5M)
# [train]
MAX_STEPS = 10_000
MAX_LR = 10.0
MAX_SEED = 2**32 - 1

Shape = tuple[int, ...]  # () scalar, (r, c) matrix

# Unicode categories never copied into any output: control (NUL, ESC, …), format (zero-width
# joiner, bidi overrides, soft hyphen, BOM), line/paragraph separators, private use, surrogates,
# unassigned
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})


def clean_text(text: str) -> str:
    """``text`` without invisible/control characters (whitespace controls become spaces)."""
    return "".join(
        " " if c in "\t\n\r\f\v" else c
        for c in str(text)
        if c in "\t\n\r\f\v" or unicodedata.category(c) not in _INVISIBLE
    )


# ``$…$`` in a description is LaTeX math (shown by KaTeX in Markdown and notebooks, by TeX in a
# PDF, as plain text in code comments): a small grammar of ASCII characters and the commands a
# formula about a network needs — never a command that reads or writes files or defines macros.
_MATH_CHARS = re.compile(r"[A-Za-z0-9\s+\-*/=(),.;:!'<>\[\]^_{}\\]*\Z")
_MATH_COMMANDS = frozenset(
    """alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu
    xi pi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma
    Phi Psi Omega sum prod frac tfrac dfrac sqrt hat tilde bar vec dot ddot mathbf mathrm
    mathit mathcal boldsymbol operatorname text log ln exp tanh sigma max min top odot oslash
    otimes cdot times circ partial nabla left right big Big lVert rVert lvert rvert vert Vert
    langle rangle quad qquad ldots cdots dots le leq ge geq ne neq approx equiv in to mapsto
    infty prime mid displaystyle tag""".split()
)
_MATH_COMMAND = re.compile(r"\\([A-Za-z]+|.)")


def prose_parts(text: str) -> list[tuple[bool, str]]:
    """``text`` as (is it math, content) parts: ``$…$`` spans are math, ``\\$`` a dollar sign.
    Raises ``ValueError`` with the reason when a span is not the safe math subset."""
    parts: list[tuple[bool, str]] = []
    plain, k = "", 0
    while k < len(text):
        if text.startswith("\\$", k):
            plain, k = plain + "$", k + 2
            continue
        if text[k] != "$":
            plain, k = plain + text[k], k + 1
            continue
        end = text.find("$", k + 1)
        if end < 0:
            raise Refused(catalog.said("spec.more.prose_dollar"))
        math = text[k + 1 : end].strip()
        if not math:
            raise Refused(catalog.said("spec.more.prose_empty"))
        if not _MATH_CHARS.match(math):
            bad = next(c for c in math if not _MATH_CHARS.match(c))
            raise Refused(catalog.said("spec.more.prose_ascii", bad=bad, math=math))
        if "^^" in math:  # TeX reads ^^5c as a backslash
            raise Refused(catalog.said("spec.more.prose_carets", math=math))
        for name in _MATH_COMMAND.findall(math):
            if name.isalpha() and name not in _MATH_COMMANDS:
                raise Refused(catalog.said("spec.more.prose_command", name=name, math=math))
        depth = 0
        for c in re.sub(r"\\[{}]", "", math):
            depth += {"{": 1, "}": -1}.get(c, 0)
            if depth < 0:
                break
        if depth:
            raise Refused(catalog.said("spec.more.prose_braces", math=math))
        if plain:
            parts.append((False, plain))
        parts.append((True, math))
        plain, k = "", end + 1
    if plain:
        parts.append((False, plain))
    return parts


def plain_prose(text: str) -> str:
    """``text`` with its math as written (for code comments and one-line listings)."""
    return "".join(t for _, t in prose_parts(text))


def _only_made(tree: ast.AST, y: str) -> bool:
    """Whether ``y`` appears in the Python ``tree`` and only inside one-hot constructions of it
    (:func:`derive.lang.expr.one_hot_label`)."""
    uses = sum(isinstance(n, ast.Name) and n.id == y for n in ast.walk(tree))
    made = 0
    for n in ast.walk(tree):
        m = ex.one_hot_label(n)
        made += m is not None and m[0] == y
    return 0 < uses == made


def _made_not_factor(tree: ast.AST, y: str) -> int:
    """How many one-hot constructions of ``y`` (:func:`derive.lang.expr.one_hot_label`) in the
    Python ``tree`` are not a factor of a ``*`` with a non-number."""

    def made(n: ast.AST) -> bool:
        m = ex.one_hot_label(n)
        return m is not None and m[0] == y

    factors = sum(
        made(side) and not isinstance(other, ast.Constant)
        for n in ast.walk(tree)
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult)
        for side, other in ((n.left, n.right), (n.right, n.left))
    )
    # the labels of TensorFlow's/Optax's softmax cross-entropy, read as y * log_softmax(z)
    labels = sum(
        made(_labels_argument(n))
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
        and n.func.attr in _SOFTMAX_CE_LABELS
    )
    return sum(made(n) for n in ast.walk(tree)) - factors - labels


# TensorFlow's and Optax's softmax cross-entropy on logits, whose labels are a factor of
# y * log_softmax(z) as the language reads them
_SOFTMAX_CE_LABELS = frozenset(
    {
        "softmax_cross_entropy_with_logits",
        "softmax_cross_entropy_with_logits_v2",
        "softmax_cross_entropy",
    }
)


def _labels_argument(call: ast.Call) -> ast.AST | None:
    """The ``labels`` of such a call: TensorFlow's keyword, Optax's second argument."""
    kw = {k.arg: k.value for k in call.keywords}
    if "labels" in kw:
        return kw["labels"]
    return call.args[1] if len(call.args) > 1 else None


def _none_or_off(node: ast.AST | None) -> bool:
    """An argument left out, ``None``, ``False`` or ``0`` (``dropout_p=0.0``)."""
    if node is None:
        return True
    return isinstance(node, ast.Constant) and node.value in (None, False, 0)


#: the modules whose ``ones`` makes a tensor of ones (``np.ones((m, 1))``, ``torch.ones(m, 1)``)
# step functions to whole numbers: PyTorch's gradient through them is 0 everywhere, read only
# where no gradient flows (the straight-through estimator's x + (torch.round(x) - x).detach())
_STEPS = frozenset({"round", "floor", "ceil", "trunc"})
ONES_MODULES = ("np", "numpy", "torch", "jnp", "tf")
EYE_MODULES = ("np", "numpy", "torch", "jnp", "jax.numpy", "tf")
TRI_KEYS = ("diagonal", "k")  # PyTorch's and NumPy's name of tril's/triu's offset


class Dim(int):
    """A size that remembers its [dims] name, so ``mean`` can print ``1/m``, not ``1/2``."""

    label: str

    def __new__(cls, value: int, label: str) -> Dim:
        obj = super().__new__(cls, value)
        obj.label = label
        return obj

    def __reduce__(self):
        return (Dim, (int(self), self.label))


class SizeExpr(int):
    """A size written as arithmetic on [dims] names (``"d + h"``, ``"2*h"``, ``"h + 1"``): its
    value here, and the text, so other sizes (``[full_dims]``, the checker's resized points)
    and the generated code recompute it from the names."""

    text: str
    env: tuple[tuple[str, int], ...]  # the [dims] names it uses, with their declared values

    def __new__(cls, value: int, text: str, env: tuple[tuple[str, int], ...]) -> SizeExpr:
        obj = super().__new__(cls, value)
        obj.text, obj.env = text, env
        return obj

    def __reduce__(self):
        return (SizeExpr, (int(self), self.text, self.env))

    def at(self, sizes: dict[str, int]) -> int:
        """Its value where the named sizes take ``sizes`` (the others as declared)."""
        return _size_value(ast.parse(self.text, mode="eval").body, {**dict(self.env), **sizes})


# + - * and parentheses on [dims] names and whole numbers: enough for [d + h, h], [2*h, 1],
# [h + 1, k]; no division (a size must stay whole), no calls, no other names
_SIZE_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}
MAX_SIZE_TEXT = 60


def _size_value(n: ast.AST, sizes: dict[str, int]) -> int:
    """The value of a checked size expression (see :func:`size_expr`)."""
    if isinstance(n, ast.Constant):
        return int(n.value)
    if isinstance(n, ast.Name):
        return int(sizes[n.id])
    assert isinstance(n, ast.BinOp)
    return _SIZE_OPS[type(n.op)](_size_value(n.left, sizes), _size_value(n.right, sizes))


def _floor_size(text: str, dims: dict[str, int]) -> int | None:
    """The value of a size with ``//`` (``"D // 2"``, NumPy's integer division of sizes; 0 for
    a division by 0, refused by the caller as a size out of range), or ``None`` without one.
    Such a size is kept as its number: a quotient does not resize as a polynomial does."""
    if "//" not in text:
        return None

    def value(n: ast.AST) -> int:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.FloorDiv):
            a, b = value(n.left), value(n.right)
            return a // b if b > 0 else 0
        if isinstance(n, ast.BinOp):
            return _SIZE_OPS[type(n.op)](value(n.left), value(n.right))
        return int(n.value) if isinstance(n, ast.Constant) else int(dims[n.id])  # type: ignore[attr-defined]

    return value(ast.parse(text.strip(), mode="eval").body)


def moved_by(forward: Any, names: Any, detached: Any = ()) -> set[str]:
    """``names`` and the [forward] lines whose value depends on them, not through a
    stop-gradient's line (:attr:`NetSpec.detached`)."""
    out = set(names)
    for k, node in forward:
        if k not in detached and out.intersection(ex.names(node)):
            out.add(k)
    return out


def graded(forward: Any, params: Any, detached: Any = ()) -> set[str]:
    """The parameters and the [forward] lines a gradient flows through (:meth:`NetSpec.graded`)."""
    return set(params) | (moved_by(forward, params, detached) & reaching(forward, detached))


def reaching(forward: Any, detached: Any = ()) -> set[str]:
    """The loss and the names it reads, through every [forward] line but a stop-gradient's."""
    reach = {forward[-1][0]} if forward else set()
    for k, node in reversed(forward):
        if k in reach and k not in detached:
            reach.update(ex.names(node))
    return reach


# heldnets37: the row-wise marks of each row's largest entry (max_mask, of one_hot(argmax(S)) and
# the inside of a max): constant wherever no entries tie, so no gradient flows through their input
_ARGMAX_MARKS_HN37 = frozenset({"max_mask", "max_share", "max_share_all"})


def reaching_hn37(forward: Any, detached: Any = ()) -> set[str]:
    """:func:`reaching`, with the input of an argmax's mark (:data:`_ARGMAX_MARKS_HN37`) read as
    a constant: ``max(X)`` is ``sum(X ⊙ max_mask(X))``, and X reaches the loss through the product,
    but ``F.one_hot(S.argmax(1), k)`` is the mark alone, through which nothing reaches S."""

    def outside(node: Any) -> list[str]:
        out: list[str] = []
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Call) and n.func in _ARGMAX_MARKS_HN37:
                continue
            if isinstance(n, ex.Name):
                out.append(n.id)
            stack.extend(ex.children(n))
        return out

    reach = {forward[-1][0]} if forward else set()
    for k, node in reversed(forward):
        if k in reach and k not in detached:
            reach.update(outside(node))
    return reach


def _leaves(key: str, forward: Any) -> set[str]:
    """The names that [forward] line ``key`` reads, through the earlier lines it names: the
    inputs, parameters, sizes and constants its value depends on."""
    table = dict(forward)
    seen: set[str] = set()
    out: set[str] = set()
    stack = [key]
    while stack:
        k = stack.pop()
        if k in seen:
            continue
        seen.add(k)
        if k in table:
            stack.extend(ex.names(table[k]))
        else:
            out.add(k)
    return out


def _floor_sizes(text: str, dims: dict[str, Any]) -> str:
    """``D // 2`` in a [forward] line: the [dims] names under ``//`` as their numbers, so the
    parser reads the quotient as the whole number it is (``X.shape[1] // 2`` it reads itself);
    ``text`` unchanged without ``//``."""
    if "//" not in text:
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text
    changed = False

    class Sizes(ast.NodeTransformer):
        def visit_Name(self, n: ast.Name) -> ast.AST:
            nonlocal changed
            if n.id in dims:
                changed = True
                return ast.copy_location(ast.Constant(int(dims[n.id])), n)
            return n

    for n in ast.walk(tree):
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.FloorDiv):
            n.left, n.right = Sizes().visit(n.left), Sizes().visit(n.right)
    return ast.unparse(tree) if changed else text


_SIZE_WORDS = "only + - * // of [dims] names and whole numbers are allowed in a size"


def size_names(text: str, dims: dict[str, int]) -> tuple[str, ...] | str | catalog.Said:
    """The [dims] names a size expression uses, or why it is not one (a sentence)."""
    if len(text) > MAX_SIZE_TEXT:
        return f"longer than {MAX_SIZE_TEXT} characters"
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError):
        return "not a size expression"
    names: list[str] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.BinOp):
            if type(n.op) not in _SIZE_OPS and not isinstance(n.op, ast.FloorDiv):
                return _SIZE_WORDS
        elif isinstance(n, ast.Name):
            if n.id not in dims:
                return catalog.said("spec.unknown_dimension", name=n.id)
            if n.id not in names:
                names.append(n.id)
        elif isinstance(n, ast.Constant):
            if type(n.value) is not int:
                return _SIZE_WORDS
        elif not isinstance(n, ast.operator | ast.expr_context):
            return _SIZE_WORDS
    return tuple(names)


def resize(d: int, sizes: dict[str, int]) -> int:
    """A declared size at other [dims] values (``sizes``; names not in it keep their value)."""
    if isinstance(d, Dim):
        return int(sizes.get(d.label, d))
    if isinstance(d, SizeExpr):
        return d.at(sizes)
    return int(d)


def gradient_keys(order: list[str], graded: set[str], taken: set[str]) -> dict[str, str]:
    """``{X: key}`` for each tensor X with a gradient whose usual name ``dX`` is taken by a
    spec name (``dout`` next to ``out``): the first free of ``d_X``, ``grad_X``, ``d_X_``, …;
    in declaration order, so the choice is deterministic."""
    out: dict[str, str] = {}
    used = set(taken) | {f"d{k}" for k in graded}
    for k in order:
        if k not in graded or f"d{k}" not in taken:
            continue
        cands = [f"d_{k}", f"grad_{k}"] + [f"d_{k}" + "_" * i for i in range(1, 64)]
        out[k] = next(c for c in cands if c not in used)
        used.add(out[k])
    return out


class Refused(ValueError):
    """A helper's refusal (a slice bound, a ``$…$`` in prose): ``str()`` is English, and
    :attr:`spoken` the catalogue sentence a :class:`SpecError` says in the command's language."""

    def __init__(self, said: catalog.Said) -> None:
        super().__init__(said.render("en"))
        self.spoken = said


def _spoken(err: Exception) -> str | catalog.Said:
    """``err``'s message: its catalogue sentence where it has one, else its English text."""
    return err.spoken if isinstance(err, Refused) else str(err)


class SpecError(BadInput, ValueError):
    """A spec that cannot be used. ``str()`` is the one-line message for the user."""

    def __init__(
        self, source: str, where: str, message: str | catalog.Said, fix: str | catalog.Said = ""
    ) -> None:
        """``message`` and ``fix`` from the catalogues (a :class:`catalog.Said`) are said in the
        command's language (``catalog.localized``); ``str()`` and the attributes are English."""
        said = catalog.said(
            "spec.frame" + ("_where" if where else "") + ("_fix" if fix else ""),
            where=where,
            message=message,
            fix=fix,
        )
        message, fix = _english(message), _english(fix)
        self.source, self.where, self.message, self.fix = source, where, message, fix
        text = f"{source}: {where}: {message}" if where else f"{source}: {message}"
        super().__init__(f"{text}. Fix: {fix}" if fix else text)
        if isinstance(said.args[1][1], catalog.Said) or isinstance(said.args[2][1], catalog.Said):
            self.said = (f"{source}: ", said, "")


def _english(text: str | catalog.Said) -> str:
    """``text``, or a catalogue sentence in English."""
    return text.render("en") if isinstance(text, catalog.Said) else text


@dataclass(frozen=True)
class NetSpec:
    """A validated network. Shapes are resolved to ints: ``()`` scalar, ``(rows, cols)``."""

    name: str
    title: dict[str, str]
    description: dict[str, str]
    dims: dict[str, int]
    inputs: dict[str, Shape]
    params: dict[str, Shape]
    constants: dict[str, Fraction]
    forward: tuple[tuple[str, ex.Node], ...]
    forward_text: dict[str, str]
    shapes: dict[str, Shape]  # every tensor: inputs, params and forward nodes
    values: dict[str, tuple[tuple[Fraction, ...], ...]]  # inputs and params, as 2-D
    labels: dict[str, tuple[tuple[str, ...], ...]]
    source: str
    full_dims: dict[str, int] = field(default_factory=dict)
    train: dict[str, float] = field(default_factory=dict)
    # inputs declared ``{ shape = [...], kind = "one-hot" }``: every row has one 1, the rest 0
    one_hot: tuple[str, ...] = ()
    # inputs one-hot in columns (``kind = "one-hot-columns"``, or one-hot columns given under
    # ``kind = "one-hot"``): every column has one 1 — Ng's layout, one example per column
    one_hot_columns: tuple[str, ...] = ()
    # of ``one_hot``, the inputs declared ``kind = "distribution"``: every row sums to 1 (all
    # the fused softmax + cross-entropy step uses), its entries any numbers ≥ 0, not only 0/1
    distributions: tuple[str, ...] = ()
    generated: tuple[str, ...] = ()  # inputs/params whose [values] were made up (none given)
    # round 46: constants defined by others, ``confidence = "1 - smoothing"`` ((name, text), in
    # the order they are computed; their values are in ``constants``): wherever constants or
    # sizes are moved (derive check's re-check), these follow (:func:`relation_value`)
    relations: tuple[tuple[str, str], ...] = ()
    # inputs made from ``np.ones((m, 1))`` / ``torch.ones(m, 1)`` (Coursera ML's bias column
    # ``[ones(m, 1) X]``): every entry is 1, at the example and at every random point
    ones: tuple[str, ...] = ()
    # inputs made from ``np.eye(n)`` / ``torch.eye(n)`` (a ridge term λI, an orthogonality
    # penalty ‖WWᵀ − I‖²): the identity, at the example and at every random point and size
    eyes: tuple[str, ...] = ()
    # values of ``torch.distributions.Bernoulli(…).log_prob(y)``: 0 or 1, as PyTorch's class
    # validates them (given values refused otherwise, drawn ones in {0, 1})
    bernoulli: tuple[str, ...] = ()
    # inputs made from an array written out in a line (``np.array([1.0, 2.0])``: round 28), their
    # values the numbers written; derive check reads the same array in an answer as that input
    literals: tuple[str, ...] = ()
    # every input the reader made from the text itself, not from [inputs]: literals, the
    # ``torch.arange(N)`` targets (``arange_N``), ``np.ones``/``torch.zeros``/``np.eye``/``tril``
    # tensors — their values are the text's, so an exercise variant keeps them (exercises32)
    made: tuple[str, ...] = ()
    # the name of ∂L/∂X in code, the lab and derive check where it is not dX: a spec name dX
    # already stands for something else (CS231n's upstream gradient dout next to a node out)
    grad_keys: dict[str, str] = field(default_factory=dict)
    # one-hot inputs given as integer class labels and read by P[np.arange(N), y] (printed
    # P_{i, y_i}); their [values] were the labels
    class_labels: tuple[str, ...] = ()
    # tensors NumPy keeps 1-D (declared ["h"], or a forward line of one): ``A @ v`` of one is the
    # matrix-vector product (derive.lang.expr.parse's ``one_d``)
    one_d: tuple[str, ...] = ()
    # of those, the lines 1-D only as a reduction or reshape spelled without keepdims
    # (``np.sum(H, axis=1)``, ``z.flatten()``): the walkthrough's formulas write their gradients
    # as rows (``ds.T`` a column), so derive check reads them so too
    one_d_spelled: tuple[str, ...] = ()
    # makemore's C[Xb] of labels Xb [N, B] (B characters of context): Xb's columns, each an input
    # of class labels (Xb_0 …), the lookup their concatenated lookups (Validator.lookups_2d)
    label_blocks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # forward nodes that are a stop-gradient (``x.detach()``, ``jax.lax.stop_gradient(x)``,
    # ``tf.stop_gradient(x)`` of parameters): the value of their expression, treated as a
    # constant at that value — no gradient flows through them to what they read
    detached: tuple[str, ...] = ()
    # spellings24: each stop-gradient line derive made (``q_detached``) → the user's [forward]
    # line whose ``.detach()`` it is, so a refusal names the user's own line
    detached_in: tuple[tuple[str, str], ...] = ()

    @property
    def loss(self) -> str:
        return self.forward[-1][0]

    def moved_by(self, names: Any) -> set[str]:
        """``names`` and the forward nodes whose value moves when they move: a detached node's
        does not (a stop-gradient is a constant at its value, so finite differences and the
        gradient both treat it as fixed)."""
        return moved_by(self.forward, names, self.detached)

    def graded(self) -> set[str]:
        """The parameters and the forward nodes a gradient flows through: they depend on a
        parameter and reach the loss, neither through a detached node."""
        return graded(self.forward, self.params, self.detached)

    def gkey(self, name: str) -> str:
        """The name of ∂L/∂``name`` in code and environments: ``d<name>`` unless taken."""
        return self.grad_keys.get(name, f"d{name}")

    def shape2d(self, name: str) -> tuple[int, int]:
        s = self.shapes[name]
        return (1, 1) if s == () else (s[0], s[1])


# ---- loading ------------------------------------------------------------------------------


def builtin_names() -> list[str]:
    folder = resources.files("derive.lang") / "specs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load(net: str) -> NetSpec:
    """``net`` is a built-in name or a path to a ``.toml`` spec."""
    if isinstance(net, os.PathLike):
        net = os.fspath(net)
    if not isinstance(net, str):
        raise TypeError(f"load() takes a network name or a path, not {type(net).__name__}")
    if not net.strip():
        raise SpecError(
            repr(net),
            "",
            catalog.said("spec.read.load_1"),
            catalog.said("spec.read.load_1_fix", x=", ".join(builtin_names())),
        )
    if NET_NAME.match(net) and net in builtin_names():
        text = (resources.files("derive.lang") / "specs" / f"{net}.toml").read_text("utf-8")
        return parse(text, source=f"built-in '{net}'")
    path = Path(net)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError) as err:  # a name too long for the file system, …
        raise SpecError(
            net[:200], "", catalog.said("spec.read.load_3", x=getattr(err, "strerror", None) or err)
        ) from None
    if not exists:
        known = ", ".join(builtin_names())
        error = SpecError(
            net,
            "",
            "no such built-in network or file",
            f"use one of: {known}, or a path to a .toml spec file",
        )
        said = catalog.said("check.heldcheck8.no_network", net=net, names=known)
        raise catalog.refusal(lambda _: error, said)
    if is_dir:
        raise SpecError(
            net, "", catalog.said("spec.read.load_2"), catalog.said("spec.read.load_2_fix")
        )
    try:
        data = read_capped(path, MAX_SPEC_BYTES, kind="spec file")
        if len(data) > MAX_SPEC_BYTES:
            said = catalog.said("spec.more.limit_file", net=net, limit=f"{MAX_SPEC_BYTES:,}")
            raise catalog.refusal(LimitError, said)
        text = data.decode("utf-8-sig")  # Windows editors save a byte-order mark
    except NotAFile as err:
        raise SpecError(net, "", str(err), catalog.said("spec.read.load_4_fix")) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SpecError(
            net,
            "",
            catalog.said(
                "spec.read.load_5", x=getattr(err, "strerror", None) or err.__class__.__name__
            ),
            catalog.said("spec.read.load_5_fix"),
        ) from None
    return parse(text, source=str(path))


_STOP_GRADIENT = frozenset({"jax.lax", "lax", "tf", "tensorflow"})


def _subtrees(n: ex.Node) -> Iterator[ex.Node]:
    yield n
    for c in ex.children(n):
        yield from _subtrees(c)


def _names_in(n: ast.AST) -> list[str]:
    """The names ``n`` reads, in the order they are written."""
    out = []

    class Names(ast.NodeVisitor):
        def visit_Name(self, m: ast.Name) -> None:
            out.append(m.id)

    Names().visit(n)
    return out


def _idents(n: ast.AST) -> set[str]:
    return {m.id for m in ast.walk(n) if isinstance(m, ast.Name)}


def _stopped(n: ast.AST) -> ast.expr | None:
    """The argument of ``x.detach()`` / ``torch.detach(x)`` / ``jax.lax.stop_gradient(x)`` /
    ``tf.stop_gradient(x)``, or ``None``."""
    if not isinstance(n, ast.Call) or not isinstance(n.func, ast.Attribute) or n.keywords:
        return None
    f = n.func
    if f.attr == "detach":
        if not n.args and spelling.module_of(f.value) != "torch":
            return f.value
        return n.args[0] if len(n.args) == 1 and spelling.module_of(f.value) == "torch" else None
    receiver = f.value
    if f.attr != "stop_gradient" or len(n.args) != 1:
        return None
    if not isinstance(receiver, ast.Name | ast.Attribute):
        return None  # (unparsing a method's receiver, a 2000-part sum, would recurse too deep)
    return n.args[0] if ast.unparse(f.value) in _STOP_GRADIENT else None


def parse(text: str, source: str = "<spec>") -> NetSpec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SpecError(
            source,
            "",
            catalog.said("spec.read.parse_1", err=_toml_detail(str(err))),
            _toml_fix(text, str(err)),
        ) from None
    except RecursionError:  # tomllib is recursive: [[[[…]]]] thousands deep
        raise SpecError(
            source, "", catalog.said("spec.read.parse_2"), catalog.said("spec.read.parse_2_fix")
        ) from None
    except ValueError as err:  # an integer of more than 4,300 digits (sys.get_int_max_str_digits)
        text = _one_line(str(err))[:120]
        fix = catalog.said("spec.read.parse_3_fix")
        error = SpecError(source, "", catalog.said("spec.read.parse_3", x=text), fix)
        limit = _int_limit(text)
        if limit is not None:  # said whole in other languages (English keeps Python's words)
            message = catalog.said("spec.read.parse_3", x=limit)
            sentence = catalog.said("spec.frame_fix", message=message, fix=fix)
            error.said = (f"{source}: ", sentence, "")
        raise error from None
    data = _channels_shape48(source, data)
    shadow = spelling.SHADOWED_HN31.set(_shadowing_names_hn31(data))
    try:
        s = _parsed(source, data)
    finally:
        spelling.SHADOWED_HN31.reset(shadow)
    net = data.get("network")
    given = isinstance(net, dict) and "title" in net or "title" in data
    said = None if given else comment_title(text)
    if said is None:
        return s
    return replace(s, title={**s.title, **said})


# a comment title's brackets, which must close within it (a colon inside them is no head's end)
_TITLE_PAIRS = ("()", "[]", "（）", "《》", "{}", "“”")
_HAS_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MAX_COMMENT_TITLE = 80
# where a long head may be cut: before a clause (", ", "; ", " (", " — ", " - ", "，", "；", "（")
_CLAUSE = re.compile(r",\s|;\s|\s\(|\s[—–-]\s|[，；（]")
# else before a phrase ("… loss with F.pairwise_distance where an anchor …")
_PHRASE = re.compile(r"\s(?:where|with|via|for|using|and|in|on|as|of)\s")


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and all(text.count(a) == text.count(b) for a, b in _TITLE_PAIRS)


def _depths(text: str) -> list[int]:
    """The bracket and quote depth before each character of ``text``."""
    out, depth, quoted = [], 0, False
    for c in text:
        out.append(depth + quoted)
        if c == '"':
            quoted = not quoted
        elif any(c == a for a, _ in _TITLE_PAIRS):
            depth += 1
        elif any(c == b for _, b in _TITLE_PAIRS):
            depth = max(depth - 1, 0)
    return out


def _title_head(words: str) -> str | None:
    """The head of a first comment line: its words before the first colon outside brackets and
    quotes (``: `` or a colon ending the line, or 「：」), else the whole line; a head longer
    than :data:`MAX_COMMENT_TITLE` letters (a Chinese character two) is cut before its last
    clause that fits ("DQN with a target network (its weights given as data), target .detach()
    as in tutorials" → "DQN with a target network (its weights given as data)"), else before its
    first phrase ("… triplet loss with F.pairwise_distance where …" → "… triplet loss"), keeping
    at least three words; None where no such head is left."""
    depth = _depths(words)
    end = len(words)
    for k, c in enumerate(words):
        if depth[k] == 0 and (c == "：" or c == ":" and words[k + 1 : k + 2] in ("", " ", "\t")):
            end = k
            break
    head = words[:end].strip().rstrip(".。,，;；")
    if _width(head) <= MAX_COMMENT_TITLE and _balanced(head):
        return _with_subject(head, words[end:]) if head else None
    clauses = [head[: m.start()] for m in _CLAUSE.finditer(head)]
    phrases = [head[: m.start()] for m in _PHRASE.finditer(head)]
    # the longest clause that fits, else the shortest phrase of three words or more
    for cuts in (clauses[::-1], phrases):
        for cut in cuts:
            cut = cut.strip().rstrip(".。,，;；")
            fits = _width(cut) <= MAX_COMMENT_TITLE and depth[len(cut)] == 0 and _balanced(cut)
            if fits and (len(cut.split()) >= 3 or _HAS_CJK.search(cut) and _width(cut) >= 8):
                return cut
    return None


# code in a comment's words (``F.log_softmax(O, dim=1)``, ``x_uij = <u, i>``): no title's words
_CODE = re.compile(r"[=()\[\]_*/^<>{}|\\]|\w\.\w")


def _with_subject(head: str, rest: str) -> str:
    """A short head naming a source ("CS229 notes", 「动手学深度学习」) with the subject its
    colon introduces, up to the subject's first clause when that is words, not code ("CS229
    notes: softmax regression with theta (k classes)" → "CS229 notes: softmax regression with
    theta"; 「动手学深度学习：多层感知机，F.log_softmax 加 …」 → 「动手学深度学习：多层感知机」); a
    longer head ("Quiz 2 (week 7)") is the title as it is."""
    short = len(head.split()) <= 2 if not _HAS_CJK.search(head) else _width(head) <= 16
    if not rest or not short:
        return head
    colon, subject = rest[0], rest[1:].strip()
    first = _CLAUSE.search(subject)
    subject = (subject[: first.start()] if first else subject).strip().rstrip(".。,，;；")
    title = head + ("：" if colon == "：" else ": ") + subject
    if not subject or _CODE.search(subject) or _width(title) > MAX_COMMENT_TITLE or not _balanced(subject):
        return head
    return title


def _width(text: str) -> int:
    """``text``'s width in letters: a Chinese character is two."""
    return len(text) + len(_HAS_CJK.findall(text))


def comment_title(text: str) -> dict[str, str] | None:
    """A handout's title from the spec's first comment, for a spec with no ``title``: the
    comment's first line up to its first colon ("# Quiz 2 (week 7): a leaky-ReLU layer …" →
    "Quiz 2 (week 7)"; 「# 周志华《机器学习》5.5.4 级联相关网络：…」 → its words before the
    「：」), or the whole line when it has no colon (:func:`_title_head`; a long one cut before a
    clause). Only a comment above every table counts (the file's own heading, not a remark on a
    line), and only a head of at most 80 characters with its brackets closed. It titles the
    handouts of its own language (Chinese characters: zh, else en); the other language keeps the
    heading derive writes."""
    for line in text.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            return None
        words = clean_text(stripped.lstrip("#")).strip()
        if not words or "-*-" in words or words.startswith(("!", "vim:")):
            continue
        title = _title_head(words)
        if title is None or not re.search(r"\w", title):
            return None
        return {"zh" if _HAS_CJK.search(title) else "en": title}
    return None


def _shadowing_names_hn31(data: Any) -> frozenset[str]:
    """heldnets31: the names of [inputs], [params] and [forward] that are also a module alias
    (``K``, ``F``): Python binds them to the tensor, so ``K.ravel()`` is the tensor's method."""
    names: set[str] = set()
    for table in ("inputs", "params", "forward"):
        part = data.get(table) if isinstance(data, dict) else None
        if isinstance(part, dict):
            names |= {k for k in part if isinstance(k, str)}
    return frozenset(names & spelling.MODULES)


def _channels_shape48(source: str, data: Any) -> Any:
    """shape48: a multi-channel convolution's tables and lines as per-channel 2-D maps
    (:mod:`derive.lang.channels48`); a spelling of it that is not read is exit 2 in one line."""
    try:
        return channels48.expanded(data)
    except channels48.ChannelError as err:
        raise SpecError(source, err.where, err.said, err.fix) from None


def _parsed(source: str, data: Any) -> NetSpec:
    s = _Validator(source, data).run()
    if not spelling.EXACT_BOUNDS.get() and _moved_bounds(s):
        token = spelling.EXACT_BOUNDS.set(True)
        values = spelling.BOUND_VALUES.set({**s.dims, **s.constants})
        try:
            return _Validator(source, data).run()
        finally:
            spelling.BOUND_VALUES.reset(values)
            spelling.EXACT_BOUNDS.reset(token)
    return s


def _moved_bounds(s: NetSpec) -> bool:
    """Given values on a two-sided clamp's upper bound where float64's ``lo + (x − lo)`` misses
    x (``domains.moved_bounds``): the spec is read again with the clamps in the form whose float
    comparisons are PyTorch's (``spelling.EXACT_BOUNDS``), so derive agrees with PyTorch there
    instead of refusing."""
    scalars = {k: float(v) for k, v in {**s.dims, **s.constants}.items()}
    point = {k: np.array([[float(v) for v in r] for r in rows]) for k, rows in s.values.items()}
    return domain.moved_bounds(s.forward, scalars, point, {**s.dims, **s.constants})


_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)")
_BARE_WORDS = re.compile(r"\[\s*[A-Za-z_]\w*\s*(,|\])")


# tomllib's words for a syntax error, each a key of [spec.toml.errors]
_TOML_ERRORS = {
    "Cannot overwrite a value": "overwrite",
    "Expected '=' after a key in a key/value pair": "equals",
    "Expected ']' at the end of a table declaration": "table_end",
    "Expected ']]' at the end of an array declaration": "array_table_end",
    "Expected newline or end of document after a statement": "newline",
    "Invalid initial character for a key part": "key_start",
    "Invalid statement": "statement",
    "Invalid value": "value",
    "Unclosed array": "array",
    "Unclosed inline table": "inline_table",
    "Unterminated string": "string",
}
_TOML_ERROR = re.compile(r"(.+) \(at line (\d+), column (\d+)\)")


def _toml_detail(error: str) -> str | catalog.Said:
    """tomllib's ``error`` (``Invalid value (at line 3, column 5)``) as a catalogue sentence
    where its words are known; else as it is."""
    m = _TOML_ERROR.fullmatch(error)
    end = error.removesuffix(" (at end of document)")
    if m and m.group(1) in _TOML_ERRORS:
        what = catalog.said(f"spec.toml2.errors.{_TOML_ERRORS[m.group(1)]}")
        said = catalog.said("spec.toml2.at", what=what, line=m.group(2), col=m.group(3))
    elif end != error and end in _TOML_ERRORS:
        said = catalog.said(
            "spec.toml2.at_end", what=catalog.said(f"spec.toml2.errors.{_TOML_ERRORS[end]}")
        )
    else:
        return error
    return said if said.render("en") == error else error


_INT_LIMIT = re.compile(
    r"Exceeds the limit \((\d+) digits\) for integer string conversion: value has (\d+) digits"
)


def _int_limit(error: str) -> catalog.Said | None:
    """Python's refusal of an integer of thousands of digits (cut to 120 characters, as
    shown) as a catalogue sentence; else ``None``."""
    m = _INT_LIMIT.match(error)
    if not m:
        return None
    return catalog.said("spec.toml2.int_limit", limit=m.group(1), digits=m.group(2))


def _toml_fix(text: str, error: str) -> catalog.Said:
    """The fix for a TOML syntax error, from the line it names: the usual slips in a spec are
    a formula or size names without quotes and a non-ASCII key."""
    found = _TOML_AT.search(error)
    lines = text.splitlines()
    if not found or not 1 <= int(found.group(1)) <= len(lines):
        return catalog.said("spec.toml.fix")
    number = int(found.group(1))
    line = lines[number - 1].strip()
    shown = line if len(line) <= 60 else line[:57] + "..."
    key, eq, value = line.partition("=")
    key, value = key.strip(), value.strip()
    at = {"number": number, "shown": shown}
    if eq and "," in key and not key.startswith(("[", "#", '"', "'")):
        return catalog.said("spec.toml.split_key", **at, key=key)
    if eq and key and not key.startswith(("[", "#", '"', "'")) and not key.isascii():
        spelled = _spelled_greek(key)  # quoted, the key would parse but not be a valid name
        if spelled:
            return catalog.said("spec.toml.non_ascii_key", **at, key=key, spelled=spelled)
        return catalog.said("spec.toml.non_ascii_key_other", **at, key=key)
    if eq and _BARE_WORDS.search(value):
        return catalog.said("spec.toml.size_quotes", **at)
    if eq and value[:1] in ('"', "'") and value.count(value[0]) % 2:
        return catalog.said("spec.toml.close_quote", **at)
    if eq and value and value[0] not in "\"'[{+-.0123456789" and value not in ("true", "false"):
        return catalog.said("spec.toml.formula_quotes", **at, key=key, value=value)
    return catalog.said("spec.toml.fix_at", **at)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---- validation ---------------------------------------------------------------------------


def _spelled_greek(name: str) -> str:
    """``theta`` for ``θ``: ``name`` with its Greek letters spelled out, when that makes it a
    valid name; else ``""``."""
    import unicodedata

    out = []
    for ch in name:
        word = unicodedata.name(ch, "")
        if word.startswith("GREEK ") and " LETTER " in word:
            spelled = word.rsplit(" ", 1)[-1].lower()
            if spelled == "lamda":  # Unicode's spelling; lambda is a keyword, lam prints as λ
                spelled = "lambda" if "CAPITAL" in word else "lam"
            out.append(spelled.capitalize() if "CAPITAL" in word else spelled)
        else:
            out.append(ch)
    spelled = "".join(out)
    if spelled == name or not IDENT.match(spelled):
        return ""
    return spelled


class _Validator:
    def __init__(self, source: str, data: dict[str, Any]) -> None:
        self.source = source
        self.data = data

    def err(self, where: str, message: str, fix: str = "") -> SpecError:
        # a line derive made for a stop-gradient (W.grad.data's W_detached) is named by the
        # user's own line, as written
        made = re.match(r"\[forward\] (\w+)\b", where)
        user = getattr(self, "hoisted_stops", {}).get(made.group(1)) if made else None
        text = (self.data.get("forward") or {}).get(user) if user else None
        if isinstance(text, str):
            where = f'[forward] {user} = "{text.strip()}"'
        return SpecError(self.source, where, message, fix)

    def table(self, name: str, required: bool = True) -> dict[str, Any]:
        value = self.data.get(name)
        if value is None:
            if required:
                raise self.err(
                    f"[{name}]",
                    catalog.said("spec.table_missing"),
                    catalog.said("spec.table_missing_fix", name=name),
                )
            return {}
        if not isinstance(value, dict):
            raise self.err(
                f"[{name}]",
                catalog.said("spec.not_table"),
                catalog.said("spec.not_table_fix", name=name),
            )
        return value

    def ident(self, where: str, name: str) -> None:
        if not IDENT.match(name):
            message = catalog.said("spec.bad_name", name=name)
            if spelled := _spelled_greek(name):
                fix = catalog.said("spec.bad_name_greek_fix", spelled=spelled, name=name)
                raise self.err(where, message, fix)
            error = self.err(where, message, catalog.said("spec.bad_name_fix"))
            # a Chinese name (权重, 损失) is the likely one: said in the user's language
            said = catalog.said("refuse.name", where=where, name=name)
            raise catalog.refusal(lambda _: error, said)
        if ex.reserved(name):
            raise self.err(
                where,
                catalog.said("spec.reserved", name=name),
                # courses' L2 weight lambda: lam is the name that prints as λ
                catalog.said(
                    "spec.reserved_fix_lambda" if name == "lambda" else "spec.reserved_fix",
                    name=name,
                ),
            )

    def network(self) -> dict[str, Any]:
        """The [network] table. ``name``/``title``/``description`` written above every table
        (TOML's top level) belong to it; without a name the file's stem is the name."""
        net = dict(self.table("network", required=False))
        for key in NETWORK_KEYS:
            if key in self.data and not isinstance(self.data[key], dict):
                if key in net:
                    raise self.err(
                        key,
                        catalog.said("spec.read.network_2"),
                        catalog.said("spec.read.network_2_fix"),
                    )
                net[key] = self.data[key]
        if "name" not in net:
            stem = re.sub(r"[^a-z0-9-]+", "-", Path(self.source).stem.lower()).strip("-")[:48]
            if not NET_NAME.match(stem):
                raise self.err(
                    "[network] name",
                    catalog.said("spec.read.network_1"),
                    catalog.said("spec.read.network_1_fix"),
                )
            net["name"] = stem
        return net

    def run(self) -> NetSpec:
        unknown = sorted(
            k for k in set(self.data) - set(TABLES)
            if k not in NETWORK_KEYS or isinstance(self.data[k], dict)
        )
        if unknown:
            if not isinstance(self.data[unknown[0]], dict):
                raise self.err(
                    unknown[0],
                    catalog.said("spec.read.run_6"),
                    catalog.said("spec.read.run_6_fix", x=", ".join(TABLES)),
                )
            raise self.err(
                f"[{unknown[0]}]",
                catalog.said("spec.read.run_1"),
                catalog.said("spec.read.run_1_fix", x=", ".join(TABLES)),
            )
        net = self.network()
        for key in net:
            if key not in NETWORK_KEYS:
                raise self.err(
                    f"[network] {key}",
                    catalog.said("spec.read.run_7"),
                    catalog.said("spec.read.run_7_fix", x=", ".join(NETWORK_KEYS)),
                )
        name = net.get("name")
        if not isinstance(name, str) or not NET_NAME.match(name):
            raise self.err(
                "[network] name",
                catalog.said("spec.read.run_2", name=repr(name)),
                catalog.said("spec.read.run_2_fix"),
            )
        title = self.langs("[network] title", net.get("title", name))
        description = self.langs("[network] description", net.get("description", ""))
        for lang, text in description.items():
            try:
                prose_parts(text)
            except ValueError as err:
                raise self.err(
                    f"[network] description ({lang})",
                    _spoken(err),
                    catalog.said("spec.read.run_12_fix"),
                ) from None
        dims = self.dims("dims", required=False)
        full_dims = self.dims("full_dims", required=False)
        for key in full_dims:
            if key not in dims:
                raise self.err(
                    f"[full_dims] {key}",
                    catalog.said("spec.read.run_8"),
                    catalog.said("spec.read.run_8_fix", x=", ".join(dims)),
                )
        self.names: dict[str, str] = {k: "dims" for k in dims}
        self.one_hot: list[str] = []
        self.hot_columns: list[str] = []  # one-hot columns (Ng's layout): drawn so, nothing else
        self.distributions: list[str] = []  # kind = "distribution": rows summing to 1 (in one_hot)
        self.one_d: dict[str, str] = {}  # tensors declared 1-D (["h"]): rows [1, h]
        self.one_d_spelled: set[str] = set()  # Spec.one_d_spelled
        self.zero_d: set[str] = set()  # heldnets27: [forward] lines that are one number (0-D)
        self.label_columns: dict[str, int] = {}  # class-label inputs read as one-hot rows
        self.one_label: set[str] = set()  # … of one example (unbatched F.cross_entropy(z, y))
        self.target_shapes: dict[str, tuple[int, int]] = {}  # of F.cross_entropy(Z, y)'s y
        self.made_labels: dict[str, list[int]] = {}  # torch.arange(N) targets, as inputs
        self.made_ones: dict[tuple[int, int, bool], str] = {}  # np.ones((m, 1)): inputs of ones
        self.made_zeros_hn23: dict[tuple[int, int, bool], str] = {}  # torch.zeros(m, 1), alike
        self.made_aranges_hn25: dict[tuple[int, int], str] = {}  # torch.arange(n) in arithmetic
        self.made_eyes: dict[int, str] = {}  # np.eye(n): inputs holding the identity
        self.bernoulli_support: set[str] = set()  # values of Bernoulli(…).log_prob: 0 or 1
        self.declared_binary: set[str] = set()  # [inputs] … kind = "binary": 0 or 1 too
        self.made_tris: dict[tuple[str, int, int, int], str] = {}  # torch.tril(torch.ones(T, T))
        self.label_blocks: dict[str, tuple[str, ...]] = {}  # Xb [N, B] of C[Xb]: its columns
        self.weighted_modules_hn30()
        inputs = self.tensors("inputs", dims)
        self.inputs_hn38 = frozenset(inputs)  # heldnets38: whose integer casts are labels'
        params = self.tensors("params", dims, required=True)
        if not params:
            raise self.err(
                "[params]", catalog.said("spec.read.run_3"), catalog.said("spec.read.run_3_fix")
            )
        constants = {}
        written: dict[str, str] = {}  # round 46: confidence = "1 - smoothing"
        for key, value in self.table("constants", required=False).items():
            self.declare("constants", key)
            if isinstance(value, dict):  # heldnets30: word_to_ix = { hello = 0, world = 1 }
                raise self.err(
                    f"[constants] {key}",
                    catalog.said("spec.heldnets30.table_constant", x=key),
                    catalog.said("spec.heldnets30.table_constant_fix"),
                )
            if isinstance(value, str):
                written[key] = value
                constants[key] = Fraction(0)  # its place in the table's order; set below
                continue
            constants[key] = self.number(f"[constants] {key}", value)
        relations = self.relations_r46(written, constants, dims)
        shapes: dict[str, Shape] = {
            **inputs,
            **params,
            **{k: () for k in constants},
            **{k: () for k in dims},
        }
        fwd = self.table("forward")
        self.written_hn29 = {k: v for k, v in fwd.items() if isinstance(v, str)}  # as the user wrote
        labelled = spelling50.class_labels_hn50(  # heldnets50: class labels under [labels]
            self.table("labels", required=False), frozenset(shapes) | frozenset(fwd)
        )
        if labelled is not None:
            raise self.err(
                f"[labels] {labelled}", catalog.said("spec.heldnets50.class_labels", x=labelled),
                catalog.said(
                    "spec.heldnets50.class_labels_fix", x=labelled,
                    v=self.table("labels", required=False)[labelled],
                ),
            )
        if not fwd:
            raise self.err(
                "[forward]", catalog.said("spec.read.run_4"), catalog.said("spec.read.run_4_fix")
            )
        forward = []
        self.picks: dict[str, tuple[str, int]] = {}  # class labels y of P[np.arange(N), y]
        self.masks: set[str] = set()  # lines that are one comparison (named_masks)
        self.fwd: dict[str, Any] = {}  # each [forward] line, unpacked keys one name a line
        # the one array library the lines are written with, if one: whose x.std(0) it is
        fwd = self.respelled_hn44(  # heldnets48: einops, Paddle's cosine embedding, Keras' focal
            spelling48.respelled_hn48, fwd, frozenset(shapes), "spec.heldnets48.fix"
        )
        fwd = self.respelled_hn44(  # heldnets48: ODE solvers and samplers in their own words
            spelling48.solvers_hn48, fwd, frozenset(shapes), "spec.heldnets48.solver_fix"
        )
        fwd = self.respelled_hn44(
            spelling48.samplers_hn48, fwd, frozenset(shapes), "spec.heldnets48.sampler_fix"
        )
        fwd = self.respelled_hn44(  # heldnets49: Flax's activations, Paddle's var/std
            spelling49.respelled_hn49, fwd, frozenset(shapes), "spec.heldnets49.fix"
        )
        fwd = self.respelled_hn44(  # heldnets50: OneFlow's and Jittor's calls, autograd Functions
            spelling50.respelled_hn50, fwd, frozenset(shapes), "spec.heldnets50.fix"
        )
        fwd = self.respelled_hn44(
            spelling50.functions_hn50, fwd, frozenset(shapes), "spec.heldnets50.function_fix"
        )
        fwd = spelling50.mindspore_cells_hn50(fwd, frozenset(shapes) | frozenset(fwd))
        fwd = self.paddle_hn41(fwd)  # heldnets41: PaddlePaddle's calls as PyTorch's
        fwd = self.mindspore_hn42(fwd, frozenset(shapes))  # heldnets42: MindSpore's ops so too
        fwd = self.mint_hn44(fwd, frozenset(shapes))  # heldnets44: and mindspore.mint's
        fwd = self.respelled_hn44(  # heldnets47: and MXNet's NDArray functions
            spelling47.mxnet_hn47, fwd, frozenset(shapes), "spec.heldnets47.mxnet_fix"
        )
        fwd = self.respelled_hn44(  # heldnets47: a matching solver refused in its own words
            spelling47.matching_hn47, fwd, frozenset(shapes), "spec.heldnets47.matching_fix"
        )
        dialect = ex.dialect_of(str(v) for v in fwd.values())
        # heldnets27: argmax/argmin indices used only to pick: their one-hot rows
        fwd = spelling.argmax_picks_hn27(fwd)
        self.stopped: list[str] = []  # NetSpec.detached
        self.hoisted_stops: dict[str, str] = {}  # NetSpec.detached_in: hoisted line → user's line
        loss_key = list(fwd)[-1] if fwd else ""
        self.dims_hn35, self.loss_key_hn35 = dims, loss_key
        for key, text in self.unpacked(fwd, shapes, params):
            where = f"[forward] {key}"
            self.declare("forward", key)
            if not isinstance(text, str):
                raise self.err(
                    where,
                    catalog.said("spec.read.run_9"),
                    catalog.said("spec.read.run_9_fix", key=key),
                )
            text = self.spelled_hn35(f'{where} = "{text}"', text, shapes)
            text = spelling.positional_axes_r45(text)  # x.squeeze(dim=1): x.squeeze(1)
            try:  # round 46: F.interpolate(A[None, None], scale_factor=2)[0, 0]
                text = spelling.nearest_upsampling_r46(text)
            except spelling.SpellingError as e:
                raise self.err(f'{where} = "{text}"', e.spoken, catalog.said("spec.fix_readme")) from None
            written = text  # before the rewrites: a squeeze there makes the line 1-D
            squeezed_one_d = False  # shape47: Spec.squeezed's marker on the line's result
            try:
                if len(text) <= ex.MAX_LENGTH:  # else the parse below names the limit
                    text = self.items_detached_hn30(key, text, dialect, params, loss_key)
                    text = self.flat_inner_hn30(text, shapes)
                    # sum(f(p) for p in [W1, W2]); heldnets30: range(x.shape[1]) of a known size
                    text = spelling.unrolled_hn29(
                        text, lambda a, w=where, t=text: self.loop_bound_hn30(w, t, a, shapes, dims)
                    )
                    text = ex.axis_lists(text)
                    text = ex.pairwise_squares_hn41(  # heldnets41: A[:, None, :] - B[None]
                        text, lambda n: len(shapes.get(n, ())) == 2 and n not in self.one_d
                    )
                    text = _r_joins_hn32(text)
                    text = _row_picks_hn33(text, shapes)
                    text = _stack_reduced_hn32(text, shapes)
                    text = self.jax_lax_hn34(f'{where} = "{text}"', text, shapes)
                    text = self.reshape_orders_hn40(f'{where} = "{text}"', text)
                    text = self.modules(f'{where} = "{text}"', text)
                    text = self.optax(f'{where} = "{text}"', text)
                    text = self.keras_hinges_s25(f'{where} = "{text}"', text, inputs)
                    text = self.dists(f'{where} = "{text}"', text, shapes)
                    text = spelling.named_masks(text, self.masks, key)
                    text = self.lookups_2d(f'{where} = "{text}"', key, text, fwd, inputs, shapes)
                    text = self.arange_targets(f'{where} = "{text}"', text, inputs, shapes, dims)
                    text = self.argmax_targets(text)
                    text = self.replicas(text, shapes, dims, dialect)
                    # before tri_made: is_causal=True is written out with torch.tril(torch.ones(…))
                    text = self.sdpa(f'{where} = "{text}"', text, shapes, constants, dims, dialect)
                    text = self.tri_made(f'{where} = "{text}"', text, inputs, shapes, dims)
                    text = self.stacked_numbers_hn49(where, text, shapes, constants)
                    text = self.literals_made_s28(
                        f'{where} = "{text}"', text, inputs, shapes, constants
                    )
                    text = self.arange_powers_hn30(text, shapes, dims)
                    text = self.inserts_hn30(text, shapes)
                    text = self.ones_made(f'{where} = "{text}"', text, inputs, shapes, dims)
                    text = self.pads_hn27(f'{where} = "{text}"', text, shapes, constants, dims)
                    text = self.zeros_made_hn23(f'{where} = "{text}"', text, inputs, shapes, dims)
                    text = self.arange_made_hn25(text, inputs, shapes, dims, key, fwd)
                    text = self.diag_made_hn25(text, inputs, shapes)
                    text = self.eye_made(f'{where} = "{text}"', text, inputs, shapes, dims)
                    text = self.folded_hn31(f'{where} = "{text}"', text, shapes, constants, dims)
                    self.squeezed_one_d_shape47 = False
                    text = self.squeezed(f'{where} = "{text}"', text, shapes, constants, dims)
                    squeezed_one_d = self.squeezed_one_d_shape47
                    text = self.fills(key, text, fwd)
                    text = self.detached(f'{where} = "{text}"', text, params, forward)
                    text = _floor_sizes(text, dims)
                    text = self.column_labels_hn43(
                        f'{where} = "{text}"', text, inputs, shapes, constants, dims
                    )
                self.integer_targets(f'{where} = "{text}"', text, inputs, shapes, constants, dims)
                self.class_labels(f'{where} = "{text}"', inputs, shapes, forward)
                node = ex.parse(
                    text,
                    constants=constants,
                    shapes=shapes,
                    one_d=frozenset(self.one_d),
                    picks=self.picks,
                    dialect=dialect,
                    scalars=frozenset(self.zero_d),
                )
            except ex.ExprError as e:
                quoted, spoken = self.as_written_hn29(key, text, e)
                raise self.err(
                    f'{where} = "{quoted}"', spoken, catalog.said("spec.fix_readme")
                ) from None
            self.class_labels(f'{where} = "{text}"', inputs, shapes, forward)
            node = log_picks(node, dict(forward), set(self.picks))
            shapes[key] = _Shapes(self, f'{where} = "{text}"', shapes, constants, dims).infer(node)
            scalars = frozenset(k for k, v in shapes.items() if not v) | self.zero_d
            if tuple(int(k) for k in shapes[key]) == (1, 1) and ex.is_zero_dimensional(
                text, frozenset(self.one_d), scalars, shapes
            ):
                self.zero_d.add(key)  # C[0, 1], x.sum(), logsumexp(v, dim=0): one number
            if len(shapes[key]) == 2 and shapes[key][0] == 1:
                if squeezed_one_d or any(
                    ex.is_one_dimensional(t, frozenset(self.one_d), scalars, shapes)
                    for t in (text, written)
                ):
                    self.one_d[key] = str(shapes[key][1])  # a 1-D vector, as NumPy keeps it
                    if not ex.is_one_dimensional(
                        text, frozenset(self.one_d) - self.one_d_spelled - {key}, scalars,
                        spelled=False,
                    ):
                        self.one_d_spelled.add(key)
            forward.append((key, node))
        self.labels_only_picked(forward)
        # the tensors that get a gradient, named d<name>
        moving = moved_by(forward, params, self.stopped)
        grad_keys = gradient_keys([*params, *(k for k, _ in forward)], moving, set(shapes))
        loss = forward[-1][0]
        if shapes[loss] not in ((), (1, 1)):
            raise self.err(
                f"[forward] {loss}",
                catalog.said("spec.read.run_5", x=shapes[loss]),
                catalog.said("spec.read.run_5_fix"),
            )
        used = {n for _, node in forward for n in ex.names(node)}
        for key, _ in forward[:-1]:
            if key not in used:
                raise self.err(
                    f"[forward] {key}",
                    catalog.said("spec.read.run_10", key=key),
                    catalog.said("spec.read.run_10_fix", key=key),
                )
        for p in params:
            if p not in used:
                raise self.err(
                    f"[params] {p}",
                    catalog.said("spec.read.run_11"),
                    catalog.said("spec.read.run_11_fix"),
                )
        flowing = graded(forward, params, self.stopped)
        for k, node in forward:
            if k in flowing and any(
                isinstance(n, ex.Call) and n.func in _STEPS and flowing & set(ex.names(n))
                for n in _subtrees(node)
            ):  # a step function: PyTorch's gradient through it is 0 everywhere
                f = next(
                    n.func for n in _subtrees(node)
                    if isinstance(n, ex.Call) and n.func in _STEPS and flowing & set(ex.names(n))
                )
                raise self.err(
                    f'[forward] {k} = "{self.fwd.get(k, "")}"',
                    catalog.said("spec.round_gradient", f=f),
                    catalog.said("spec.round_gradient_fix", f=f),
                )
        reach = reaching(forward, self.stopped)
        for p in params:
            if p not in reach:  # read only through a detach: PyTorch's .grad stays None
                raise self.err(
                    f"[params] {p}",
                    catalog.said("spec.stop_gradient_only", p=p),
                    catalog.said("spec.stop_gradient_only_fix", p=p),
                )
        marked = reaching_hn37(forward, self.stopped)
        for p in params:
            if p not in marked:  # heldnets37: read only through an argmax (hard attention)
                raise self.err(
                    f"[params] {p}",
                    catalog.said("spec.heldnets37.argmax_only", p=p),
                    catalog.said("spec.heldnets37.argmax_only_fix", p=p),
                )
        self.params = params
        self.limits(forward, shapes, dims, full_dims, {**inputs, **params})
        values = self.values(inputs, params, shapes, name, tuple(forward), dims, constants)
        labels = self.labels(shapes)
        train = self.train()
        return NetSpec(
            name=name,
            title=title,
            description=description,
            dims=dims,
            inputs=inputs,
            params=params,
            constants=constants,
            relations=relations,
            forward=tuple(forward),
            forward_text={k: v.strip() for k, v in self.fwd.items()},
            shapes=shapes,
            values=values,
            labels=labels,
            source=self.source,
            full_dims=full_dims,
            train=train,
            one_hot=tuple(self.one_hot),
            one_hot_columns=tuple(self.hot_columns),
            distributions=tuple(self.distributions),
            class_labels=tuple(self.label_columns),
            one_d=tuple(sorted(self.one_d)),
            one_d_spelled=tuple(sorted(self.one_d_spelled)),
            label_blocks=tuple(self.label_blocks.items()),
            grad_keys=grad_keys,
            detached=tuple(k for k, _ in forward if k in self.stopped),
            detached_in=tuple(sorted(self.hoisted_stops.items())),
            generated=tuple(k for k in (*inputs, *params) if k not in self.given_values()),
            ones=tuple(self.made_ones.values()),
            eyes=tuple(self.made_eyes.values()),
            bernoulli=tuple(sorted(self.bernoulli_support)),
            literals=tuple(getattr(self, "made_literals", {}).values()),
            made=tuple(
                k
                for k in getattr(self, "made_labels", {})
                if k in inputs and not any(k in parts for parts in self.label_blocks.values())
            ),
        )

    def unpacked(
        self, fwd: dict[str, Any], shapes: dict[str, Shape], params: dict[str, Shape]
    ) -> Iterator[tuple[str, Any]]:
        """The [forward] lines, one name each: a quoted key that unpacks a split, ``"i, f, o, g"
        = "np.split(a, 4, axis=1)"``, is the lines ``i = "np.split(a, 4, axis=1)[0]"`` … (read
        as slices). Lazy, so a split sees the shapes of the lines before it."""
        groups: dict[str, Any] = {}  # heldnets35: 3-D values (a reshape to three sizes)
        aranges: dict[str, str] = {}  # heldnets36: labels = "torch.arange(n)", read where used
        unfolds: dict[str, str] = {}  # heldnets38: windows = "x.unfold(1, 3, 1)", read where used
        bound: dict[str, str] = {}  # heldnets39: criterion = "nn.HuberLoss()", read where called
        for key, text in fwd.items():
            if isinstance(text, str) and len(text) <= ex.MAX_LENGTH and "," not in key:
                if self.callable_line_hn39(key, text, fwd):
                    bound[key] = text
                    continue
                text = self.called_hn39(f'[forward] {key} = "{text}"', text, bound)
                if _unfold_of_hn38(spelling.parsed_body(text)) is not None:
                    unfolds[key] = text
                    continue
                text = self.unfolds_hn38(f'[forward] {key} = "{text}"', text, unfolds, shapes)
                text = self.convolutions_cv42(f'[forward] {key} = "{text}"', text, shapes)
                text = _inlined_hn36(text, aranges)
                if self.index_line_hn36(key, text, fwd, shapes):
                    aranges[key] = text
                    continue
            if isinstance(text, str) and len(text) <= ex.MAX_LENGTH and "," not in key:
                grouped = self.grouped_hn35(key, text, groups, shapes, frozenset(fwd))
                if grouped is not None and key in groups:  # a 3-D line: its blocks' lines
                    for k, t in grouped:
                        self.fwd[k] = t
                        yield k, t
                    continue
                if grouped is not None:  # a line of 2-D result: the blocks joined back
                    text = grouped[0][1]
            if isinstance(text, str) and len(text) <= ex.MAX_LENGTH:
                text = _data_detached_hn33(text)  # old PyTorch's target.data: a detach
                text = spelling.comparisons_hn34(text)  # torch.gt(a, b), a.ge(0): a > b, a >= 0
                text = ex.strip_casts(text)  # F.one_hot(y, C).float(): y's one-hot rows
                labels = {*self.one_d, *self.picks}  # heldnets39: x[idx, :] is x[idx]
                text = _row_lookups_hn39(text, shapes, self.one_d, labels, self.inputs_hn38)
                text = ex.label_casts_hn38(text, self.inputs_hn38)  # gather(1, y.long()[:, None])
                text = ex.whole_reductions(text, shapes, frozenset(self.one_d))  # z.flatten().sum()
                before, text = self.mvn(key, text, fwd, shapes)
                for k, t in before:  # a MultivariateNormal's x − loc and Σ⁻¹, lines of their own
                    self.fwd[k] = t = ex.small_linalg(t, shapes)
                    yield k, t
                solves, text = ex.hoisted_linalg(key, text, shapes, frozenset({*fwd, *shapes}))
                for k, t in solves:  # a solve's inverse, a determinant's matrix: own lines
                    self.fwd[k] = t = ex.small_linalg(t, shapes)
                    yield k, t
                text = ex.small_linalg(text, shapes)  # torch.det(W) of a 2 × 2 W, entry by entry
                moved, text = ex.hoisted_entrywise_s25(
                    key, text, shapes, frozenset({*fwd, *shapes, *self.fwd}), frozenset(self.one_d)
                )
                for k, t in moved:  # a flip/cumsum's expression, a line of its own (spellings25)
                    self.fwd[k] = t
                    yield k, t
                text = replicate.frac_text(text)  # torch.frac(x): its whole part stopped
                # gaussian_nll_loss's var floored at eps for the value only (a stop-gradient)
                text = spelling.gaussian_floor_text(text, self.flowing_hn26(params))
            if "," not in key:
                if isinstance(text, str) and len(text) <= ex.MAX_LENGTH:
                    *hoisted, (key, text) = self.stops(key, text, fwd, params, shapes)
                    for k, t in hoisted:
                        self.fwd[k] = t
                        yield k, t
                self.fwd[key] = text
                yield key, text
                continue
            names = [n.strip() for n in key.split(",")]
            where = f'[forward] "{key}"'
            if not isinstance(text, str):
                raise self.err(
                    where,
                    catalog.said("spec.read.unpacked_1"),
                    catalog.said("spec.read.unpacked_1_fix", key=key),
                )
            for n in names:
                self.ident(where, n)
            pair = spelling.moment_pair(text) if len(names) == 2 else None
            if pair is not None:  # "v, mu" = "torch.var_mean(h, dim=1)": two lines
                for name, part in zip(names, pair, strict=True):
                    self.fwd[name] = part
                    yield name, part
                continue
            hidden = self.hoist_split(names, text, fwd, shapes)
            if hidden is not None:  # "a, g" = "torch.chunk(X @ W, 2, dim=1)"
                key_h, expr, read = hidden
                self.fwd[key_h] = expr
                yield key_h, expr
            else:
                read = text
            try:
                count = ex.split_count(read, shapes, frozenset(self.one_d))
            except ex.ExprError as e:
                raise self.err(
                    f'{where} = "{text}"', e.spoken, catalog.said("spec.fix_readme")
                ) from None
            first = names[0] or "i"
            called = spelling.parsed_body(read)
            outside = ex.outside_hn26(called.func) if isinstance(called, ast.Call) else None
            if count is None and outside is not None:  # "D, V" = "torch.linalg.eigh(S)"
                raise self.err(f'{where} = "{text}"', outside, catalog.said("spec.fix_readme"))
            if count is None:
                raise self.err(
                    f'{where} = "{text}"',
                    catalog.said("spec.read.unpacked_2"),
                    catalog.said("spec.read.unpacked_2_fix", first=first),
                )
            if count != len(names):
                raise self.err(
                    f'{where} = "{text}"',
                    catalog.said("spec.read.unpacked_3", count=count, x=len(names)),
                    catalog.said(
                        "spec.read.unpacked_3_fix", count=count, first=first, x=text.strip()
                    ),
                )
            for j, name in enumerate(names):
                self.fwd[name] = f"{read.strip()}[{j}]"
                yield name, self.fwd[name]

    def flowing_hn26(self, params: dict[str, Shape]) -> set[str]:
        """The parameters and the [forward] lines read so far that a gradient reaches (not
        through a stop-gradient line)."""
        flowing = set(params)
        for k, t in self.fwd.items():
            tree = spelling.parsed(t) if isinstance(t, str) else None
            if k not in self.stopped and tree is not None and flowing & _idents(tree):
                flowing.add(k)
        return flowing

    def fills(self, key: str, text: str, fwd: dict[str, Any]) -> str:
        """``masked_fill(…, float('-inf'))`` a softmax is taken of (nanoGPT's causal mask), with
        a finite fill giving the same exact 0s (:func:`spelling.fills_before_softmax`)."""
        keys = list(fwd)
        later = keys[keys.index(key) + 1 :] if key in fwd else []
        return spelling.fills_before_softmax(key, text, [fwd[k] for k in later])

    def detached(
        self, where: str, text: str, params: dict[str, Shape], forward: list[tuple[str, Any]]
    ) -> str:
        """``target.detach()``, ``torch.detach(x)``, ``jax.lax.stop_gradient(x)``,
        ``tf.stop_gradient(x)`` of an expression that depends on no parameter (DQN's target from
        a target network given as data): no gradient flows there anyway, so it is the expression
        itself. Of an expression of parameters (semi-gradient TD) it stops a gradient, which
        derive does not model (its finite-difference check would see the dependence): refused."""
        tree = spelling.parsed(text)
        if tree is None or not any(_stopped(n) for n in ast.walk(tree)):
            return text
        graded = moved_by(forward, params, self.stopped)
        spec = self

        class Unstop(ast.NodeTransformer):
            def visit_Call(self, n: ast.Call) -> ast.AST:
                self.generic_visit(n)
                arg = _stopped(n)
                if arg is None:
                    return n
                used = {m.id for m in ast.walk(arg) if isinstance(m, ast.Name)} & graded
                if used:
                    raise spec.err(
                        where,
                        catalog.said(
                            "spec.stop_gradient",
                            f=ast.unparse(n.func),
                            names=", ".join(sorted(used)),
                        ),
                        catalog.said("spec.stop_gradient_fix"),
                    )
                return arg

        return ast.unparse(Unstop().visit(tree.body))

    def stops(
        self,
        key: str,
        text: str,
        fwd: dict[str, Any],
        params: dict[str, Shape],
        shapes: dict[str, Shape],
    ) -> list[tuple[str, str]]:
        """A stop-gradient of an expression of parameters (``x.detach()``, ``torch.detach(x)``,
        ``jax.lax.stop_gradient(x)``, ``tf.stop_gradient(x)``): forward the identity, no gradient
        through it. Line ``key`` as lines: the detached expressions first, each a line of its own
        (``<name>_detached``, in :attr:`NetSpec.detached`), then ``key`` reading them. A line
        that is one detach is itself detached; a line ``m`` whose every later read is
        ``m.detach()`` (SupContrast's ``logits_max``) is detached and read as it is. A detach
        of data only is left for :meth:`detached` (the expression itself)."""
        tree = spelling.parsed(text)
        if tree is None or not any(_stopped(n) for n in ast.walk(tree)):
            return [(key, text)]
        flowing = set(params)
        for k, t in self.fwd.items():
            t_tree = spelling.parsed(t) if isinstance(t, str) else None
            if k not in self.stopped and t_tree is not None and flowing & _idents(t_tree):
                flowing.add(k)
        taken = {*fwd, *shapes, *self.fwd}
        hoisted: list[tuple[str, str]] = []
        spec = self

        def all_reads_detached(name: str) -> bool:
            later = list(fwd)[list(fwd).index(name) + 1 :] if name in fwd else []
            for k in later:
                t_tree = spelling.parsed(fwd[k]) if isinstance(fwd[k], str) else None
                if t_tree is None:
                    return False
                reads = sum(isinstance(n, ast.Name) and n.id == name for n in ast.walk(t_tree))
                stops = sum(
                    isinstance(a := _stopped(n), ast.Name) and a.id == name
                    for n in ast.walk(t_tree)
                )
                if reads != stops:
                    return False
            return True

        class Hoist(ast.NodeTransformer):
            def visit_Call(self, n: ast.Call) -> ast.AST:
                self.generic_visit(n)
                arg = _stopped(n)
                if arg is None or not flowing & _idents(arg):
                    return n  # data only: read as the expression (Validator.detached)
                if n is tree.body:
                    spec.stopped.append(key)
                    return arg
                if isinstance(arg, ast.Name) and arg.id in spec.fwd and all_reads_detached(arg.id):
                    if arg.id not in spec.stopped:
                        spec.stopped.append(arg.id)
                    flowing.discard(arg.id)
                    return arg
                read = [m for m in dict.fromkeys(_names_in(arg)) if m in spec.fwd or m in params]
                base = read[0] if len(read) == 1 else key  # (s + 1).detach(): s_detached
                name, i = f"{base}_detached", 1
                while name in taken or ex.reserved(name):
                    i += 1
                    name = f"{base}_detached{i}"
                taken.add(name)
                hoisted.append((name, ast.unparse(arg)))
                spec.stopped.append(name)
                spec.hoisted_stops[name] = key
                return ast.Name(name, ast.Load())

        body = Hoist().visit(tree.body)
        return [*hoisted, (key, ast.unparse(body))]

    def hoist_split(
        self, names: list[str], text: str, fwd: dict[str, Any], shapes: dict[str, Shape]
    ) -> tuple[str, str, str] | None:
        """A split of an expression unpacked into ``names`` (``"a, g" = "torch.chunk(X @ W, 2,
        dim=1)"``, as GLU/LSTM code writes it): the expression gets a line of its own, named
        from the parts (``a_g``), and the split reads that tensor — ``(name, expression, the
        split of name)``; ``None`` when ``text`` is not such a split."""
        if len(text) > ex.MAX_LENGTH:
            return None
        base = "_".join(n for n in names if n.isidentifier())
        base = base if IDENT.match(base) and len(base) <= 24 else "parts"
        taken = {*shapes, *fwd, *self.fwd}
        name = base
        while name in taken or not name.isidentifier() or ex.reserved(name):
            name += "_"
        tree = spelling.parsed(text)
        if tree is None:
            return None  # the parser names the problem
        found = splits.hoisted(tree.body, name)
        if found is None:
            return None
        expr, split = found
        return name, ast.unparse(expr), ast.unparse(split)

    def items_detached_hn30(self, key: str, text: str, dialect: str, params, loss_key: str) -> str:
        """heldnets30: in PyTorch text (or text naming no library), ``b.item()`` and ``float(b)``
        of something a parameter moves are Python numbers — out of autograd's graph, so PyTorch
        gives no gradient through them, where derive would read ``b``: refused (en/zh), naming
        why (a stop-gradient of what the parameters move is not derived). The whole loss line
        ``loss = (…).item()`` stays the loss (derive's reading of a cost printed as a number), and
        NumPy's text keeps ``float(b)`` as b's value with its gradient (no graph to leave)."""
        if dialect not in ("torch", "") or ("item" not in text and "float(" not in text):
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text
        flowing = self.flowing_hn26(params)

        def inner(n: ast.AST) -> ast.expr | None:
            if not isinstance(n, ast.Call) or n.keywords:
                return None
            f = n.func
            if isinstance(f, ast.Attribute) and f.attr == "item" and not n.args:
                x = f.value
            elif isinstance(f, ast.Name) and f.id == "float" and len(n.args) == 1:
                x = n.args[0]
            else:
                return None
            if key == loss_key and n is tree.body:
                return None  # the loss itself, printed as a number
            if not _idents(x) & flowing:
                return None  # float('-inf'), float(D): numbers
            raise self.err(
                f'[forward] {key} = "{text}"',
                catalog.said("spec.heldnets30.item_param", x=ast.unparse(n)),
                catalog.said("spec.heldnets30.item_param_fix", x=ast.unparse(x)),
            )

        return _replaced(text, tree, inner)

    def inserts_hn30(self, text: str, shapes) -> str:
        """heldnets30: NumPy's ``np.insert(X, i, c, axis=1)`` of a number ``c`` (Ng's bias
        column, ``np.insert(X, 0, 1, axis=1)``) is ``X``'s columns before ``i``, a column of
        ``c``, and the columns from ``i`` (axis 0: rows); ``np.append(a, b, axis=k)`` is
        ``np.concatenate((a, b), axis=k)``. ``X`` a tensor named in the spec, ``i`` a whole
        number within its size; other forms (no axis: NumPy flattens) are left as written."""
        if "insert" not in text and "append" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text

        def module(f: ast.expr, name: str) -> bool:
            return (
                isinstance(f, ast.Attribute) and f.attr == name
                and isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy", "jnp")
            )

        def joined(parts: list[ast.expr], axis: int) -> ast.expr:
            cat = ast.Attribute(ast.Name("np", ast.Load()), "concatenate", ast.Load())
            return ast.Call(cat, [ast.Tuple(parts, ast.Load())], [ast.keyword("axis", ast.Constant(axis))])

        def size_of(k: Any) -> ast.expr:
            if isinstance(k, Dim):
                return ast.Name(k.label, ast.Load())
            if isinstance(k, SizeExpr):
                return spelling.parsed(k.text) or ast.Constant(int(k))  # type: ignore[return-value]
            return ast.Constant(int(k))

        def rewrite(node: ast.AST) -> ast.expr | None:
            if not isinstance(node, ast.Call):
                return None
            appending = module(node.func, "append")
            names = ("arr", "values", "axis") if appending else ("arr", "obj", "values", "axis")
            bound = dict(zip(names, node.args, strict=False))
            bound.update({k.arg: k.value for k in node.keywords if k.arg})
            if any(k.arg is None for k in node.keywords) or set(bound) - set(names):
                return None
            axis = ex.int_index(bound["axis"]) if "axis" in bound else None
            if appending:
                if axis is None or "arr" not in bound or "values" not in bound:
                    return None
                return joined([bound["arr"], bound["values"]], axis)
            if not module(node.func, "insert") or axis not in (0, 1, -1, -2):
                return None
            x, at, value = bound.get("arr"), bound.get("obj"), bound.get("values")
            if not isinstance(x, ast.Name) or x.id not in shapes or len(shapes[x.id]) != 2:
                return None
            if x.id in self.one_d or at is None or ex.int_index(at) is None:
                return None
            number = value is not None and ex.int_index(value) is not None or (
                isinstance(value, ast.Constant) and type(value.value) in (int, float)
            )
            if not number:
                return None
            axis %= 2
            shape = shapes[x.id]
            i = ex.int_index(at)
            if not 0 <= i <= int(shape[axis]):  # type: ignore[operator]
                return None
            ones_shape = [size_of(shape[0]), ast.Constant(1)] if axis == 1 else [
                ast.Constant(1), size_of(shape[1])
            ]
            ones = ast.Call(
                ast.Attribute(ast.Name("np", ast.Load()), "ones", ast.Load()),
                [ast.Tuple(ones_shape, ast.Load())],
                [],
            )
            fill = ones if ex.int_index(value) == 1 else ast.BinOp(ones, ast.Mult(), value)  # type: ignore[arg-type]

            def part(lo: int | None, hi: int | None) -> ast.expr:
                cut = ast.Slice(
                    None if lo is None else ast.Constant(lo), None if hi is None else ast.Constant(hi)
                )
                idx = [ast.Slice(), cut] if axis == 1 else [cut, ast.Slice()]
                return ast.Subscript(x, ast.Tuple(idx, ast.Load()), ast.Load())

            parts = ([part(None, i)] if i > 0 else []) + [fill]
            parts += [part(i, None)] if i < int(shape[axis]) else []
            return joined(parts, axis)

        return _replaced(text, tree, rewrite)

    def flat_inner_hn30(self, text: str, shapes) -> str:
        """heldnets30: the inner product of two flattened tensors of one shape — scikit-learn's
        ``np.dot(W.ravel(), W.ravel())`` (its MLP's L2 term), ``torch.dot(A.view(-1),
        B.view(-1))``, ``A.flatten() @ B.flatten()`` — is ``sum(A * B)`` exactly (the Frobenius
        inner product), a reduction that holds at every size, where the flatten read as rows
        joined would fix the number of rows. Shapes not known or different: left as written."""
        if not any(w in text for w in ("ravel", "flatten", "reshape", "view")):
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text

        def inner(node: ast.AST) -> ast.expr | None:
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
                pair = [node.left, node.right]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.keywords:
                f = node.func
                if f.attr not in ("dot", "vdot", "inner", "matmul"):
                    return None
                pair = list(node.args) if ex.dialect_module_hn25(f.value) else [f.value, *node.args]
            else:
                return None
            if len(pair) != 2:
                return None
            flat = [_flattened_hn30(k) for k in pair]
            if None in flat:
                return None
            a, b = flat
            sa, sb = ex._ast_shape(a, shapes), ex._ast_shape(b, shapes)  # type: ignore[arg-type]
            if sa is None or sa != sb:
                return None
            return ast.Call(ast.Name("sum", ast.Load()), [ast.BinOp(a, ast.Mult(), b)], [])

        return _replaced(text, tree, inner)

    def loop_bound_hn30(self, where: str, text: str, a: ast.expr, shapes, dims) -> int | None:
        """heldnets30: the bound of ``range(x.shape[1])`` / ``range(len(v))`` / ``range(X.size(0))``
        / ``range(K)`` in a comprehension, when the size is a number written in the shapes: the
        loop is then unrolled as Python runs it. A size that is a [dims] name is refused (en/zh):
        derive checks the network at other sizes too, where the unrolled terms would be too few
        or too many; ``None`` where the bound is not a size (the loop stays refused)."""
        if isinstance(a, ast.Call) and getattr(a.func, "id", "") == "len" and len(a.args) == 1:
            v = a.args[0]
            if isinstance(v, ast.Name) and v.id in self.one_d and v.id in shapes:
                found = shapes[v.id][1]  # len(v) of a 1-D vector: its length
            else:
                found = self._ones_size(a, shapes, dims)
        elif (
            isinstance(a, ast.Subscript)
            and isinstance(a.value, ast.Attribute)
            and a.value.attr == "shape"
            and isinstance(a.value.value, ast.Name)
            and a.value.value.id in self.one_d
            and ex.int_index(a.slice) in (0, -1)
        ):
            found = shapes[a.value.value.id][1]  # v.shape[0] of a 1-D vector: its length
        else:
            found = self._ones_size(a, shapes, dims)
        if found is None:
            return None
        if isinstance(found, Dim | SizeExpr) or any(
            isinstance(n, ast.Name) and n.id in dims for n in ast.walk(a)
        ):
            raise self.err(
                f'{where} = "{text}"',
                catalog.said("spec.heldnets30.loop_size", text=ast.unparse(a), size=str(int(found))),
                catalog.said("spec.heldnets30.loop_size_fix"),
            )
        return int(found)

    def weighted_modules_hn30(self) -> None:
        """heldnets30: a [forward] line that builds and calls a layer with weights of its own
        (``nn.Linear(D, H)(x)``, Keras' ``Dense(10)(h)``) is refused first, naming where the
        weights go — before a missing [params] table (such a spec often has none) is named."""
        fwd = self.data.get("forward")
        if not isinstance(fwd, dict):
            return
        for key, text in fwd.items():
            if not isinstance(text, str):
                continue
            cls = spelling.weighted_module_hn30(text)
            if cls is not None:
                raise self.err(
                    f'[forward] {key} = "{text}"',
                    catalog.said("spec.heldnets30.weighted_module", cls=cls),
                    catalog.said("spec.heldnets30.weighted_module_fix"),
                )

    def reshape_orders_hn40(self, where: str, text: str) -> str:
        """heldnets40: NumPy's ``reshape(…, order='C'/'F')`` (``spelling.reshape_orders_hn40``):
        the column-major fill written as a transpose of the row-major one; other orders refused."""
        try:
            return spelling.reshape_orders_hn40(text)
        except spelling.SpellingError as err:
            raise self.err(
                where, err.spoken, catalog.said("spec.heldnets40.reshape_order_fix")
            ) from None

    def paddle_hn41(self, fwd: dict[str, Any]) -> dict[str, Any]:
        """heldnets41: each [forward] line's PaddlePaddle calls written as PyTorch's calls of the
        same values (``spelling.paddle_hn41``); a Paddle function not read is refused."""
        out = {}
        for key, text in fwd.items():
            try:
                out[key] = spelling.paddle_hn41(text) if isinstance(text, str) else text
            except spelling.SpellingError as err:
                raise self.err(
                    f'[forward] {key} = "{text}"', err.spoken,
                    catalog.said("spec.heldnets41.paddle_fix"),
                ) from None
        return out

    def mindspore_hn42(self, fwd: dict[str, Any], taken: frozenset[str]) -> dict[str, Any]:
        """heldnets42: MindSpore's functional ops written as PyTorch's calls of the same values
        (``spelling.mindspore_ops_hn42``); a MindSpore function not read is refused."""
        return self.respelled_hn44(
            spelling.mindspore_ops_hn42, fwd, taken, "spec.heldnets42.mindspore_fix"
        )

    def mint_hn44(self, fwd: dict[str, Any], taken: frozenset[str]) -> dict[str, Any]:
        """heldnets44: MindSpore's ``mint`` functions as PyTorch's calls of the same name
        (``spelling.mindspore_mint_hn44``); a mint name not read is refused naming those read."""
        return self.respelled_hn44(
            spelling.mindspore_mint_hn44, fwd, taken, "spec.heldnets44.mint_fix"
        )

    def respelled_hn44(
        self, respell: Callable[[dict[str, Any], frozenset[str]], dict[str, Any]],
        fwd: dict[str, Any], taken: frozenset[str], fix: str,
    ) -> dict[str, Any]:
        """The [forward] lines as ``respell`` writes them (the names ``taken`` by tensors and
        the lines' own names not modules); its refusal names the line and the ``fix`` key."""
        try:
            return respell(fwd, taken | frozenset(fwd))
        except spelling.SpellingError as err:
            key = getattr(err, "key", "")
            raise self.err(
                f'[forward] {key} = "{fwd.get(key, "")}"', err.spoken, catalog.said(fix)
            ) from None

    def stacked_numbers_hn49(self, where: str, text: str, shapes, constants) -> str:
        """heldnets49: a stack of numbers computed by earlier lines (V-REx's
        ``jnp.stack([r1, r2])``) as the row the reader joins (``spelling49``); stacks of
        [constants] alone are left to the literal's reading, and numbers kept as [1, 1]
        (``C[0, 1]``) to the stack's own."""
        scalars = frozenset(k for k, v in shapes.items() if not v) | self.zero_d
        one_d = frozenset(self.one_d)
        try:
            return spelling49.stacked_numbers_hn49(
                text,
                lambda part: ex.is_zero_dimensional(part, one_d, scalars, shapes),
                lambda name: shapes.get(name) == () and name not in constants,
            )
        except spelling.SpellingError as err:
            raise self.err(
                f'{where} = "{text}"', err.spoken, catalog.said("spec.heldnets49.stack_inline_fix")
            ) from None

    def modules(self, where: str, text: str) -> str:
        """PyTorch's ``nn.MSELoss()(y_pred, y)`` / ``nn.ReLU()(z)``: the module constructed and
        called at once, as its functional call (``spelling.module_calls``)."""
        try:
            # a distance module inside a triplet module: the outer module read first, then
            # the distance written out (heldnets40), then the distance module it calls
            once = spelling.module_calls(text)
            return spelling.module_calls(spelling.distance_functions_hn40(once))
        except spelling.SpellingError as err:
            penalty = getattr(err.spoken, "key", "") == "spec.heldnets29.regularizer"
            fix = "spec.heldnets29.regularizer_fix" if penalty else "spec.nn_module_fix"
            raise self.err(where, err.spoken, catalog.said(fix)) from None

    def keras_hinges_s25(self, where: str, text: str, inputs: dict[str, Any]) -> str:
        """Keras' ``hinge``/``squared_hinge`` (``spelling.keras_hinges_s25``): Keras turns labels
        into ±1 only when every label is 0 or 1, so the labels must be an input whose [values]
        are given — then that decision is made here, and a 0/1 input keeps 0/1 at every random
        point of ``derive verify`` (drawn as Bernoulli values are)."""
        given = self.given_values()

        def binary(y: ast.expr) -> bool | None:
            if not isinstance(y, ast.Name) or y.id not in inputs or y.id not in given:
                return None
            flat = np.ravel(np.asarray(given[y.id], dtype=object))
            decided = all(isinstance(v, int | float) and v in (0, 1) for v in flat)
            if decided:
                self.bernoulli_support.add(y.id)
            return decided

        try:
            return spelling.keras_hinges_s25(text, binary)
        except spelling.SpellingError as err:
            raise self.err(where, err.spoken, catalog.said("spec.spellings25.keras_hinge_fix")) from None

    def as_written_hn29(self, key: str, text: str, e: ex.ExprError) -> tuple[str, Any]:
        """heldnets29: the line a parse error quotes and its sentence. Where the passes before
        the parser rewrote the line (Ng's ``np.random.rand(…) < keep_prob`` became
        ``relu_grad(…) * 1``), the user's own text is quoted, and a column — counted in the
        rewritten text — is left out; else the parsed text and the sentence as they are."""
        own = self.written_hn29.get(key)
        if own is None or own == text:
            return text, e.spoken
        spoken = e.spoken
        if isinstance(spoken, catalog.Said) and spoken.key == "spec.column":
            spoken = dict(spoken.args)["message"]
        return own, spoken

    def jax_lax_hn34(self, where: str, text: str, shapes: dict[str, Shape]) -> str:
        """heldnets34: JAX's ``jax.lax`` element-wise functions (``lax.rsqrt(var + eps)``) in
        their ``jnp`` spelling (``spelling.jax_lax_hn34``)."""
        try:
            return spelling.jax_lax_hn34(text, frozenset({*shapes, *self.fwd}))
        except spelling.SpellingError as err:
            raise self.err(where, err.spoken, catalog.said("spec.fix_readme")) from None

    def grouped_hn35(
        self,
        key: str,
        text: str,
        groups: dict[str, Any],
        shapes: dict[str, Shape],
        lines: frozenset[str] = frozenset(),
    ) -> list[tuple[str, str]] | None:
        """heldnets35: a matrix reshaped to three sizes (a group norm's ``x.reshape(N, G, -1)``)
        and the lines of that 3-D value, read as its column blocks
        (``spelling.grouped_3d_hn35``; ``lines``: the names of all the [forward] lines, which
        the blocks' names must not take); ``None`` for any other line."""
        scalars = frozenset(k for k, v in shapes.items() if not v)
        try:
            lines = spelling.grouped_3d_hn35(
                key, text, groups, shapes, getattr(self, "dims_hn35", {}), scalars,
                frozenset({*shapes, *self.fwd, *lines}),
            )
        except spelling.SpellingError as err:
            raise self.err(
                f'[forward] {key} = "{text}"', err.spoken, catalog.said("spec.fix_readme")
            ) from None
        if lines is not None and key in groups and key == self.loss_key_hn35:
            raise self.err(
                f'[forward] {key} = "{text}"',
                catalog.said("spec.heldnets35.grouped", x=text),
                catalog.said("spec.fix_readme"),
            )
        return lines

    def spelled_hn35(self, where: str, text: str, shapes: dict[str, Shape]) -> str:
        """heldnets35: Keras 3's ``keras.ops`` in the spellings derive reads, ``vecdot`` and
        ``count_nonzero`` as the sums they are (``spelling.keras_ops_hn35``,
        ``sums_spelled_hn35``), and the calls that leave autograd or size a result by the data
        refused in one line (``spelling.refused_hn35``) — before the line's shape is read."""
        if len(text) > ex.MAX_LENGTH:
            return text  # the parse names the limit
        taken = frozenset({*shapes, *self.fwd})
        try:
            spelling.refused_hn35(text)
        except spelling.SpellingError as err:  # shown as the user wrote the line
            key = where.split(" = ", 1)[0].removeprefix("[forward] ")
            shown = self.written_hn29.get(key, text)
            raise self.err(
                f'[forward] {key} = "{shown}"', err.spoken, catalog.said("spec.fix_readme")
            ) from None
        try:
            text = spelling.sums_spelled_hn35(spelling.keras_ops_hn35(text, taken), taken)
        except spelling.SpellingError as err:
            raise self.err(where, err.spoken, catalog.said("spec.fix_readme")) from None
        # heldnets36: eps.mul(std).add_(mu): an in-place method on the line's own new tensor
        return ex.fresh_in_place_hn36(text, shapes, frozenset(self.one_d))

    def optax(self, where: str, text: str) -> str:
        """JAX courses' ``optax.softmax_cross_entropy(logits, labels)`` and Optax's other losses,
        as the spellings derive reads (``spelling.optax_losses``)."""
        try:
            return spelling.optax_losses(text)
        except spelling.SpellingError as err:
            raise self.err(where, err.spoken, catalog.said("spec.optax_fix")) from None

    def mvn(
        self, key: str, text: str, fwd: dict[str, Any], shapes: dict[str, Shape]
    ) -> tuple[list[tuple[str, str]], str]:
        """``MultivariateNormal(loc, covariance_matrix=S).log_prob(x)`` (``scale_tril=L``, a
        diagonal ``torch.diag(v)``; ``entropy()``) as PyTorch computes it, with the lines it
        reads (``spelling.multivariate_normal``)."""
        taken = frozenset({*fwd, *shapes, *self.fwd})
        made, text = ex.mvn_matrices(key, text, shapes, taken)  # a covariance expression
        sized = {**shapes, **{name: (k, k) for name, _, k in made}}
        try:
            before, text = spelling.multivariate_normal(
                text, key, sized, taken | {name for name, _, _ in made}
            )
            return [(name, t) for name, t, _ in made] + before, text
        except spelling.SpellingError as err:
            where = f'[forward] {key} = "{text}"'
            raise self.err(where, err.spoken, catalog.said("spec.dist_fix")) from None

    def dists(self, where: str, text: str, shapes) -> str:
        """``torch.distributions.Normal(mu, sigma).log_prob(a)`` and the other distribution
        calls of ``spelling.distributions`` (RL and VAE courses), as PyTorch computes them."""
        try:
            self.bernoulli_support |= spelling.bernoulli_values(text, frozenset(shapes))
            return spelling.distributions(text, frozenset(shapes))
        except spelling.SpellingError as err:
            raise self.err(where, err.spoken, catalog.said("spec.dist_fix")) from None

    def folded_hn31(self, where: str, text: str, shapes, constants, dims) -> str:
        """heldnets31: a 1-D vector (or a row or column) reshaped to a matrix of r > 1 rows and
        c > 1 columns — CS231n's im2col output ``(cols @ w.ravel() + b).reshape(3, 3)``,
        ``np.reshape(v, (2, 3))``, ``v.view(2, -1)`` — is NumPy's row-major fill: row k holds
        entries k·c … k·c + c − 1, written ``concat(v[0:c], v[c:2c], …, axis=0)`` (a row's
        ``v[:, a:b]``, a column's ``v[a:b, :].T``). Only when the length, read from the shapes,
        is r·c (else left for the parser's refusal)."""
        if "reshape" not in text and "view" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text

        def fold(node: ast.AST) -> ast.expr | None:
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                return None
            got = spelling.reshape_operands(node)
            if got is None:
                return None
            e, sizes = got
            asked = [_reshape_size_hn31(a, dims) for a in sizes]
            other = sizes[0] if len(sizes) == 1 else None
            if (  # .reshape(Z.shape) of a matrix Z named earlier
                isinstance(other, ast.Attribute)
                and other.attr == "shape"
                and isinstance(other.value, ast.Name)
                and len(shapes.get(other.value.id, ())) == 2
            ):
                asked = [int(k) for k in shapes[other.value.id]]
                sizes = [_size_ast_r41(k) for k in shapes[other.value.id]]
            if len(asked) != 2 or any(not isinstance(k, int) or k == 0 or k < -1 for k in asked):
                return None
            shape = self.shape_of_hn31(where, e, shapes, constants, dims)
            if shape is None or len(shape) != 2:
                return None
            whole = 1 not in shape  # heldnets40: a matrix to other sizes
            n = shape[0] * shape[1]
            r, c = asked
            if r == -1 and c > 0 and n % c == 0:
                r = n // c
            elif c == -1 and r > 0 and n % r == 0:
                c = n // r
            if r * c != n:  # reshape41: refused by the node's shape, naming the entries
                return ast.Call(ast.Name(ex.RESHAPED, ast.Load()), [e, *sizes], [])
            if r < 2 or c < 2:
                return None
            if whole and (r, c) == shape:
                return None  # the matrix itself: the parser reads it so
            split = _stack_rows_hn31(e, r, c)
            if split is not None:
                return split  # a stack of r·c numbers: r stacks of c (no copy of the whole)
            # reshape41: one node, NumPy's row-major order (ops.RESHAPE), its sizes as written
            # (names move with the sizes; -1 is worked out from the shape of e)
            return ast.Call(ast.Name(ex.RESHAPED, ast.Load()), [e, *sizes], [])

        return _replaced(text, tree, fold)

    def shape_of_hn31(self, where: str, e: ast.AST, shapes, constants, dims) -> tuple[int, ...] | None:
        """The shape of the expression ``e`` as the parser reads it (``None`` where it does
        not: the whole line's parse names why)."""
        try:
            node = ex.parse(
                ast.unparse(e), constants=constants, shapes=shapes, one_d=frozenset(self.one_d)
            )
        except ex.ExprError:
            return None
        try:
            shape = _Shapes(self, where, shapes, constants, dims).infer(node)
        except SpecError:
            return None
        return tuple(int(k) for k in shape)

    def squeezed(self, where: str, text: str, shapes, constants, dims) -> str:
        """``(X @ w + b).squeeze(1)`` of an expression (PyTorch code's ``model(x).squeeze()``):
        from its shape, the column's 1-D result is its transpose (a row, as NumPy broadcasts a
        1-D array) and a row or one number is itself (PyTorch's squeeze of an axis longer than
        1 changes nothing). ``text`` with those calls replaced; a name's squeeze is the
        parser's."""
        if not any(w in text for w in ("squeeze", "flatten", "ravel", "view", "reshape")):
            return text  # nothing this pass rewrites
        tree = spelling.parsed(text)
        if tree is None:
            return text
        spec = self

        class Squeeze(ast.NodeTransformer):
            def visit_Attribute(self, n: ast.Attribute) -> ast.AST:
                inner = self.visit(n.value)
                if n.attr == "T" and getattr(inner, "one_d", False):
                    return inner  # .T of NumPy's/PyTorch's 1-D squeeze is itself
                n.value = inner  # type: ignore[assignment]
                if n.attr == "values" and getattr(inner, "zero_d", False):
                    n.zero_d = True  # type: ignore[attr-defined]  # shape47: v.max(0).values, one number
                return n

            def shape_of(self, e: ast.AST) -> tuple[int, ...] | None:
                return spec.shape_of_hn31(where, e, shapes, constants, dims)

            def joined_hn32(self, n: ast.Call) -> ast.AST | None:
                """heldnets32: ``np.concatenate([W1.ravel(), W2[:, 1:].ravel()])`` (Ng's ex4
                unrolling its parameters) after the flattenings above: a column's 1-D result is
                written as its transpose, a row, which the parser no longer knows to be 1-D.
                When a part was so rewritten and every part is 1-D, NumPy's join along the only
                axis is the rows side by side, ``concat(…, axis=1)`` (1-D itself)."""
                f = n.func
                if not (
                    isinstance(f, ast.Attribute)
                    and f.attr in ("concatenate", "cat", "concat")
                    and ex.module_of(f.value)
                    and n.args
                    and isinstance(n.args[0], ast.List | ast.Tuple)
                    and len(n.args[0].elts) >= 2
                    and len(n.args) + len(n.keywords) <= 2
                ):
                    return None
                given = n.args[1] if len(n.args) == 2 else None
                for k in n.keywords:
                    if k.arg not in ("axis", "dim"):
                        return None
                    given = k.value
                if given is not None and ex.int_index(given) not in (0, -1):
                    return None
                parts = list(n.args[0].elts)
                marked = [getattr(p, "one_d", False) for p in parts]
                if not any(marked):
                    return None
                scalars = frozenset(constants) | {k for k, v in shapes.items() if not v}
                if not all(
                    m or ex.one_dimensional(p, frozenset(spec.one_d), frozenset(scalars), shapes)
                    for p, m in zip(parts, marked, strict=True)
                ):
                    return None
                out = spelling.joined(parts, 1)
                out.one_d = True  # type: ignore[attr-defined]
                return out

            def flat(self, n: ast.Call, e: ast.AST) -> ast.AST:
                """``(X @ w).flatten()``, ``.ravel()``, ``.view(-1)``, ``.reshape(-1)`` of a column
                or a row: NumPy's 1-D result, a row (marked 1-D); ``.view(-1, 1)`` of a column:
                itself. Anything else is left for the parser to refuse."""
                f = n.func
                assert isinstance(f, ast.Attribute)
                args = list(n.args)
                if len(args) == 1 and isinstance(args[0], ast.Tuple | ast.List):
                    args = list(args[0].elts)
                sizes = [ex.int_index(a) for a in args]
                if n.keywords or sizes not in ([], [-1], [-1, 1]) or (
                    (f.attr in ("flatten", "ravel")) != (sizes == [])
                ):
                    return n
                shape = self.shape_of(e)
                if shape is None or len(shape) != 2:
                    return n
                rows, cols = shape
                if sizes == [-1, 1]:
                    return e if cols == 1 else n
                if rows == 1:
                    out = e
                elif cols == 1:
                    out = ast.Attribute(e, "T", ast.Load())
                else:
                    return n
                out.one_d = True  # type: ignore[attr-defined]
                return out

            def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
                said = ast.unparse(n)
                self.generic_visit(n)
                if getattr(n.value, "zero_d", False) and ex.int_index(n.slice) == 0:
                    n.zero_d = True  # type: ignore[attr-defined]  # shape47: v.max(0)[0], one number
                if not getattr(n.value, "one_d", False):
                    return n
                if _three_d_shape48(n.slice):  # v[:, None, None]: 3-D, quoted as the user wrote it
                    raise spec.err(where, catalog.said("spec.shape48.new_axes", text=said), catalog.said("spec.shape47.axis_fix"))
                if isinstance(n.slice, ast.Tuple) and _new_axes_shape47(n.slice) is None and not any(
                    isinstance(e, ast.Constant) and e.value is None or isinstance(e, ast.Attribute) and e.attr == "newaxis"
                    for e in n.slice.elts
                ):  # v[:, 0] of a 1-D v: PyTorch's and NumPy's "too many indices"
                    shape = self.shape_of(n.value)
                    raise spec.err(
                        where,
                        catalog.said("spec.shape47.index", x=said, n=int(shape[-1]) if shape else "n", k=len(n.slice.elts)),
                        catalog.said("spec.shape47.axis_fix"),
                    )
                axes = _new_axes_shape47(n.slice)
                if axes == "row":  # v[None], v[None, :], v[np.newaxis]: the row (1, n)
                    return _row_shape47(n.value)
                if axes == "column":  # v[:, None], v[..., None]: the column (n, 1)
                    return _column_shape47(n.value)
                row = _row_shape47(n.value)
                if ex.int_index(n.slice) is not None:  # v[i]: one entry of the 1-D vector
                    return ast.Subscript(row, ast.Tuple([ast.Constant(0), n.slice], ast.Load()), ast.Load())
                if isinstance(n.slice, ast.Slice):  # v[a:b]: 1-D still
                    whole = ast.Slice(None, None, None)
                    out = ast.Subscript(row, ast.Tuple([whole, n.slice], ast.Load()), ast.Load())
                    out.one_d = True  # type: ignore[attr-defined]
                    return out
                return n

            def one_d_axis(self, n: ast.Call, said: str) -> ast.AST | None:
                """shape47: a reduction, softmax or cumsum along the only axis of an expression
                this pass made 1-D (``(h @ v).squeeze(1).sum(0)``, ``F.softmax(e.squeeze(1),
                dim=0)``): its axis 0 is the row form's axis 1 (-1 stays), the result one number
                (a reduction) or 1-D again; another axis is PyTorch's and NumPy's error, refused."""
                f = n.func
                if not isinstance(f, ast.Attribute) or f.attr not in _AXIS_CALLS_SHAPE47:
                    return None
                mod = ex.module_of(f.value)
                x = (n.args[0] if n.args else None) if mod else f.value
                if x is None or not getattr(x, "one_d", False):
                    return None
                at = 1 if mod else 0  # the axis by position: after the tensor
                given = next((k for k in n.keywords if k.arg in ("dim", "axis")), None)
                node = given.value if given is not None else (n.args[at] if len(n.args) > at and f.attr != "norm" else None)
                if node is None:
                    return None  # no axis: all of the 1-D vector, the row form's reading
                axis = ex.int_index(node)
                if axis is None:
                    return None
                if axis not in (0, -1):
                    shape = self.shape_of(x)
                    raise spec.err(
                        where,
                        catalog.said("spec.shape47.axis", f=f.attr, x=said or ast.unparse(n), n=int(shape[-1]) if shape else "n", axis=axis, axes="0, -1"),
                        catalog.said("spec.shape47.axis_fix"),
                    )
                out = copy.copy(n)
                if given is not None:
                    out.keywords = [ast.keyword(k.arg, ast.Constant(1)) if k is given else k for k in n.keywords]
                else:
                    out.args = [ast.Constant(1) if i == at else a for i, a in enumerate(n.args)]
                if f.attr in _AXIS_KEEPS_SHAPE47:
                    out.one_d = True  # type: ignore[attr-defined]  # softmax, cumsum: 1-D again
                else:
                    out.zero_d = True  # type: ignore[attr-defined]  # a reduction: one number
                return out

            def visit_UnaryOp(self, n: ast.UnaryOp) -> ast.AST:
                self.generic_visit(n)
                if getattr(n.operand, "one_d", False):
                    n.one_d = True  # type: ignore[attr-defined]  # -v: 1-D
                return n

            def visit_BinOp(self, n: ast.BinOp) -> ast.AST:
                """shape47: arithmetic on expressions this pass made 1-D — ``u @ v`` of two is
                NumPy's inner product (one number), ``v @ A`` / ``A @ v`` the 1-D products, ``+ - * /
                **`` with another 1-D vector or a number 1-D again (so a later unsqueeze reads it)."""
                self.generic_visit(n)
                left, right = (getattr(k, "one_d", False) for k in (n.left, n.right))
                if not (left or right):
                    return n
                if isinstance(n.op, ast.MatMult):
                    if left and right:  # NumPy's inner product: one number
                        inner = ast.BinOp(_row_shape47(n.left), ast.MatMult(), _column_shape47(n.right))
                        inner.zero_d = True  # type: ignore[attr-defined]
                        return inner
                    if left:
                        out = ast.BinOp(_row_shape47(n.left), ast.MatMult(), n.right)
                    else:
                        out = ast.Attribute(ast.BinOp(n.left, ast.MatMult(), _column_shape47(n.right)), "T", ast.Load())
                    out.one_d = True  # type: ignore[attr-defined]
                    return out
                if all(getattr(k, "one_d", False) or self.number(k) for k in (n.left, n.right)):
                    n.one_d = True  # type: ignore[attr-defined]
                return n

            def number(self, e: ast.AST) -> bool:
                if getattr(e, "zero_d", False):
                    return True
                if isinstance(e, ast.UnaryOp):
                    return self.number(e.operand)
                return isinstance(e, ast.Constant) and type(e.value) in (int, float) or (
                    isinstance(e, ast.Name) and (e.id in constants or e.id in dims)
                )

            def one_d_call(self, n: ast.Call, said: str, inner: str) -> ast.AST | None:
                """shape47: a squeeze, unsqueeze, flatten or reshape of an expression this pass
                made 1-D (``(h @ v).squeeze(1).unsqueeze(-1)``): NumPy's/PyTorch's meaning —
                ``unsqueeze(1)``/``(-1)``, ``np.expand_dims(…, 1)``, ``reshape(-1, 1)`` the column,
                ``unsqueeze(0)``/``(-2)``, ``reshape(1, -1)`` the row, ``flatten()``, ``view(-1)``,
                ``squeeze()``/``squeeze(0)`` itself (1-D); an axis a 1-D tensor does not have is
                PyTorch's and NumPy's error, refused in one line. None: not such a call."""
                f = n.func
                if not isinstance(f, ast.Attribute) or f.attr not in _ONE_D_CALLS_SHAPE47:
                    return None
                name, mod = f.attr, ex.module_of(f.value)
                if mod:
                    if not n.args:
                        return None
                    x, rest = n.args[0], list(n.args[1:])
                elif name == "expand_dims":
                    return None
                else:
                    x, rest = f.value, list(n.args)
                if not getattr(x, "one_d", False):
                    return None
                for k in n.keywords:
                    if k.arg in ("dim", "axis", "shape") and not rest:
                        rest = [k.value]
                    else:
                        return None
                if len(rest) == 1 and isinstance(rest[0], ast.Tuple | ast.List) and name in ("view", "reshape"):
                    rest = list(rest[0].elts)
                sizes = [ex.int_index(a) for a in rest]
                if None in sizes:
                    return None
                shape = self.shape_of(x)
                length = int(shape[-1]) if shape else None
                numpy = mod in ("np", "numpy", "jnp")

                def out_of_range(axis: int, axes: str) -> Exception:
                    return spec.err(
                        where,
                        catalog.said("spec.shape47.axis", f=name, x=said, n=length if length is not None else "n", axis=axis, axes=axes),
                        catalog.said("spec.shape47.axis_fix"),
                    )

                if name in ("unsqueeze", "expand_dims"):
                    if len(sizes) != 1:
                        return None
                    if sizes[0] in (0, -2):
                        return _row_shape47(x)
                    if sizes[0] in (1, -1):
                        return _column_shape47(x)
                    raise out_of_range(sizes[0], "0, 1, -1, -2")
                if name == "squeeze":
                    if not sizes:
                        return x
                    if len(sizes) != 1:
                        return None
                    if sizes[0] not in (0, -1):
                        raise out_of_range(sizes[0], "0, -1")
                    if numpy and length != 1:
                        raise spec.err(
                            where,
                            catalog.said("spec.expr.squeeze_axis", x=inner, x2=[length], axis=sizes[0]),
                            catalog.said("spec.fix_readme"),
                        )
                    return x  # PyTorch: squeezing an axis longer than 1 leaves the tensor
                if name in ("flatten", "ravel"):
                    return x if not sizes else None
                if sizes in ([-1], [length]):
                    return x
                if sizes in ([-1, 1], [length, 1]):
                    return _column_shape47(x)
                if sizes in ([1, -1], [1, length]):
                    return _row_shape47(x)
                known = [k for k in sizes if k != -1]
                if length is not None and known and all(k > 0 for k in known) and (
                    length % math.prod(known) or -1 not in sizes and math.prod(known) != length
                ):  # NumPy's and PyTorch's error: the entries do not fill the shape asked
                    raise spec.err(
                        where,
                        catalog.said("spec.expr.target_shape_2", x=length, asked=tuple(sizes)),
                        catalog.said("spec.shape47.axis_fix"),
                    )
                return None  # another reshape: the parser's

            def visit_Call(self, n: ast.Call) -> ast.AST:
                said = inner = ""  # shape47: the user's text of the call and its tensor, for a refusal
                if isinstance(n.func, ast.Attribute) and n.func.attr in _ONE_D_CALLS_SHAPE47:
                    said = ast.unparse(n)
                    inner = ast.unparse(n.args[0] if ex.module_of(n.func.value) and n.args else n.func.value)
                self.generic_visit(n)
                f = n.func
                made = self.one_d_call(n, said, inner)
                if made is not None:
                    return made
                made = self.one_d_axis(n, said)
                if made is not None:
                    return made
                if n.args and any(getattr(a, "one_d", False) for a in n.args) and ex.elementwise_call_shape47(n) and all(
                    getattr(a, "one_d", False) or self.number(a) for a in n.args
                ):
                    n.one_d = True  # type: ignore[attr-defined]  # torch.tanh(v) of a 1-D v: 1-D
                    return n
                joined = self.joined_hn32(n)
                if joined is not None:
                    return joined
                if (
                    isinstance(f, ast.Attribute)
                    and f.attr in ("flatten", "ravel", "view", "reshape")
                    and isinstance(f.value, ast.Name)
                    and f.value.id in spec.one_d
                    and not n.keywords
                    and [ex.int_index(a) for a in n.args] in ([], [-1])
                    and (f.attr in ("flatten", "ravel")) == (not n.args)
                ):
                    # nanoGPT's targets.view(-1) of 1-D labels: a 1-D tensor's own entries
                    return f.value
                if (
                    isinstance(f, ast.Attribute)
                    and f.attr in ("flatten", "ravel", "view", "reshape")
                    and not ex.module_of(f.value)
                    and not isinstance(f.value, ast.Name)
                    and ex.gather_label(f.value) is None
                ):
                    return self.flat(n, f.value)
                if not (isinstance(f, ast.Attribute) and f.attr == "squeeze") or n.keywords:
                    return n
                if ex.module_of(f.value):  # np.squeeze(e), torch.squeeze(e, 1)
                    e, rest, torch = (n.args[0] if n.args else None), n.args[1:], f.value
                else:
                    e, rest, torch = f.value, n.args, None
                if e is None or isinstance(e, ast.Name) or ex.gather_label(e) is not None:
                    return n
                axes = [ex.int_index(a) for a in rest]
                if axes not in ([], [0], [1], [-1], [-2]):
                    return n
                try:
                    node = ex.parse(
                        ast.unparse(e), constants=constants, shapes=shapes,
                        one_d=frozenset(spec.one_d),
                    )
                except ex.ExprError:
                    return n  # the whole line's parse names it
                shape = _Shapes(spec, where, shapes, constants, dims).infer(node)
                if len(shape) != 2:
                    return e
                rows, cols = int(shape[0]), int(shape[1])
                numpy = torch is not None and ex.module_of(torch) in ("np", "numpy", "jnp")
                if axes and axes[0] in (0, -2) and rows != 1 or axes and axes[0] in (1, -1) and (
                    cols != 1
                ):
                    if numpy:
                        return n  # NumPy refuses to squeeze an axis longer than 1: so does derive
                    return e  # PyTorch: a no-op
                out = ast.Attribute(e, "T", ast.Load()) if cols == 1 and rows > 1 else e
                out.one_d = rows == 1 or cols == 1  # type: ignore[attr-defined]
                return out

        try:
            before = ast.dump(tree)
            new = Squeeze().visit(tree)
            # shape47: the line's result is 1-D by this pass's marker ((u @ u) * u of squeezes)
            self.squeezed_one_d_shape47 = bool(getattr(new.body, "one_d", False))
            return text if ast.dump(new) == before else ast.unparse(new)
        except RecursionError:  # too deep to rewrite: the line's own parse names its limits
            return text

    def lookups_2d(self, where: str, key: str, text: str, fwd, inputs, shapes) -> str:
        """makemore part 2's ``emb = C[Xb]`` with ``Xb`` a matrix of integer labels ``[N, B]`` (B
        characters of context) and ``emb.view(N, -1)`` after it: NumPy's ``[N, B, d]`` lookup,
        flattened, is the B lookups of Xb's columns side by side. Xb becomes the label inputs
        ``Xb_0 … Xb_{B-1}`` (its [values] columns), and the line their
        ``concat(C[Xb_0], …, axis=1)`` ``[N, B·d]``, which every later use must reshape to
        ``(N, -1)`` (so a use of the 3-D array itself cannot be misread). ``text`` unchanged
        for any other line."""
        tree = spelling.parsed_body(text)
        if tree is None:
            return text
        looked = ex.embedding_lookup(tree)
        if looked is None:
            return text
        table, y = looked
        shape = shapes.get(y)
        if y not in inputs or y in self.one_d or y in self.one_hot or shape is None:
            return text
        if len(shape) != 2 or table not in shapes or len(shapes[table]) != 2:
            return text
        n, blocks = shape
        if int(blocks) > 16:
            raise self.err(
                where,
                catalog.said("spec.read.lookups_2d_1", table=table, y=y, x=int(blocks)),
                catalog.said("spec.read.lookups_2d_1_fix"),
            )
        self.reshaped_only(where, key, fwd)
        parts = []
        for j in range(int(blocks)):
            part = f"{y}_{j}"
            while part in self.names or part in shapes:
                part += "_"
            self.names[part] = "inputs"
            inputs[part] = shapes[part] = (1, n)
            self.one_d[part] = str(n)
            parts.append(part)
        given = self.table("values", required=False).get(y)
        if given is not None:
            rows = self.grid(f"[values] {y}", given, int(n), int(blocks))
            for j, part in enumerate(parts):
                self.made_labels[part] = [row[j] for row in rows]
        del inputs[y], shapes[y]
        self.label_blocks[y] = tuple(parts)
        return f"concat({', '.join(f'{table}[{p}]' for p in parts)}, axis=1)"

    def reshaped_only(self, where: str, key: str, fwd) -> None:
        """Every use of the line ``key`` (a 3-D lookup in NumPy) after it is ``key.view(N, -1)``
        or ``key.reshape(…)`` (the parser then checks the sizes); else refused."""
        later = list(fwd)[list(fwd).index(key) + 1 :] if key in fwd else []
        used = False
        for other in later:
            text = fwd[other]
            if not isinstance(text, str) or key not in text:
                continue
            tree = spelling.parsed(text)
            if tree is None:
                return
            parents = {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
            for n in ast.walk(tree):
                if not (isinstance(n, ast.Name) and n.id == key):
                    continue
                up = parents.get(id(n))
                if isinstance(up, ast.Attribute) and up.attr == "shape":
                    continue  # emb.shape[0]: its rows
                ok = isinstance(up, ast.Attribute) and up.attr in ("view", "reshape")
                if not ok or not isinstance(parents.get(id(up)), ast.Call):
                    raise self.err(
                        where,
                        catalog.said("spec.read.reshaped_only_2", key=key),
                        catalog.said("spec.read.reshaped_only_2_fix", key=key, key2=key),
                    )
                used = True
        if not used:
            raise self.err(
                where,
                catalog.said("spec.read.reshaped_only_1", key=key),
                catalog.said("spec.read.reshaped_only_1_fix", key=key, key2=key),
            )

    def arange_targets(self, where: str, text: str, inputs, shapes, dims) -> str:
        """``F.cross_entropy(logits, torch.arange(N))`` (CLIP, SimCLR: row i's class is i): the
        targets become an input of integer labels ``0 … N − 1`` named ``arange_N``, read as class
        labels as any other (``text`` is returned with the name in place of the call)."""
        if "range" not in text:
            return text

        def label_of(n: ast.Call) -> ast.expr | None:
            if len(n.args) < 2 or not ex.is_arange(n.args[1]):
                return None
            count = n.args[1].args[0]  # type: ignore[attr-defined]
            if isinstance(count, ast.Name) and count.id in dims:
                size: int = Dim(dims[count.id], count.id)
            elif isinstance(count, ast.Constant) and type(count.value) is int and count.value > 0:
                size = count.value
            else:
                raise self.err(
                    where,
                    catalog.said("spec.read.arange_targets_1", x=ast.unparse(n.args[1])),
                    catalog.said("spec.read.arange_targets_1_fix"),
                )
            label = f"arange_{ast.unparse(count)}"
            while label in shapes and label not in self.made_labels:
                label += "_"
            if label not in self.made_labels:
                inputs[label] = shapes[label] = (1, size)
                self.one_d[label] = str(size)
                self.made_labels[label] = list(range(int(size)))
            return ast.Name(label, ast.Load())

        return _new_targets(text, ("cross_entropy", "nll_loss"), label_of)

    def argmax_targets(self, text: str) -> str:
        """``F.cross_entropy(z, Y.argmax(dim=1))`` and ``F.nll_loss(logp, Y.argmax(1))`` (also
        ``torch.argmax(Y, 1)``, ``np.argmax(Y, axis=-1)``) with ``Y`` an input declared
        ``kind = "one-hot"``: the class indices of one-hot rows, so the target is ``Y`` itself
        (PyTorch's cross-entropy of a probability target equals that of the row's class index for
        a one-hot row; the negative log-likelihood picks the same entry of each row). Only without
        ``weight=``/``ignore_index=``/``label_smoothing=``, whose 'mean' differs between the two
        target forms; anything else is left for argmax's own refusal."""
        if "argmax" not in text or not self.one_hot:
            return text

        def hot_rows(n: ast.Call) -> ast.expr | None:
            if any(k.arg not in ("input", "target", "reduction") for k in n.keywords):
                return None
            hot = _argmax_of(n.args[1], self.one_hot) if len(n.args) > 1 else None
            return None if hot is None else ast.Name(hot, ast.Load())

        return _new_targets(text, ("cross_entropy", "nll_loss"), hot_rows)

    def sdpa(self, where: str, text: str, shapes, constants, dims, dialect: str) -> str:
        """PyTorch 2's ``F.scaled_dot_product_attention(q, k, v)`` (``scale=`` too) as its
        definition, ``softmax(q @ k.T * scale) @ v`` with PyTorch's default scale 1/√d, d the
        columns of ``q`` (a [dims] name where it has one). A mask, ``is_causal`` or dropout is
        refused naming the written-out form (``+ mask`` before the softmax)."""
        if "scaled_dot_product_attention" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem
        return _replaced(
            text, tree, lambda c: self._sdpa_call(where, c, shapes, constants, dims, dialect)
        )

    def _sdpa_call(
        self, where: str, node: ast.AST, shapes, constants, dims, dialect: str
    ) -> ast.expr | None:
        """The written-out form of one ``scaled_dot_product_attention`` call, or ``None``."""
        if not isinstance(node, ast.Call):
            return None
        f = node.func
        if getattr(f, "attr", None) != "scaled_dot_product_attention":
            return None
        params = ("query", "key", "value", "attn_mask", "dropout_p", "is_causal", "scale")
        if len(node.args) > len(params) or any(k.arg not in params for k in node.keywords):
            raise self.err(
                where, catalog.said("spec.read.sdpa_1"), catalog.said("spec.read.sdpa_1_fix")
            )
        a = dict(zip(params, node.args, strict=False))
        a.update({k.arg: k.value for k in node.keywords if k.arg})
        causal = a.get("is_causal")
        causal_on = isinstance(causal, ast.Constant) and causal.value is True
        mask = a.get("attn_mask")
        mask = None if _none_or_off(mask) else mask
        if any(p not in a for p in params[:3]) or not _none_or_off(a.get("dropout_p")) or not (
            _none_or_off(causal) or causal_on
        ) or (mask is not None and causal_on):  # PyTorch refuses both together
            raise self.err(
                where, catalog.said("spec.read.sdpa_1"), catalog.said("spec.read.sdpa_1_fix")
            )
        q, k, v = a["query"], a["key"], a["value"]

        def shape_of(t: ast.expr) -> tuple | None:
            try:
                tree = ex.parse(
                    ast.unparse(t),
                    constants=constants,
                    shapes=shapes,
                    one_d=frozenset(self.one_d),
                    picks=self.picks,
                    dialect=dialect,
                )
            except ex.ExprError:
                return None  # the line's own parse names the problem
            return _Shapes(self, where, shapes, constants, dims).infer(tree)

        def size(d: Any) -> ast.expr:
            return ast.Name(d.label, ast.Load()) if isinstance(d, Dim) else ast.Constant(int(d))

        scale = a.get("scale")
        if _none_or_off(scale):
            shape = shape_of(q)
            if shape is None:
                return None
            scale = ast.BinOp(
                ast.Constant(1),
                ast.Div(),
                ast.BinOp(size(shape[-1] if shape else 1), ast.Pow(), ast.Constant(0.5)),
            )
        scores = ast.BinOp(
            ast.BinOp(q, ast.MatMult(), ast.Attribute(k, "T", ast.Load())), ast.Mult(), scale
        )
        if causal_on:  # PyTorch's is_causal: the scores above the diagonal set to -inf
            rows, cols = shape_of(q), shape_of(k)
            if not rows or not cols or len(rows) != 2 or len(cols) != 2:
                raise self.err(
                    where, catalog.said("spec.read.sdpa_1"), catalog.said("spec.read.sdpa_1_fix")
                )
            ones = ast.Call(
                ast.Attribute(ast.Name("torch", ast.Load()), "ones", ast.Load()),
                [size(rows[0]), size(cols[0])],
                [],
            )
            tril = ast.Call(
                ast.Attribute(ast.Name("torch", ast.Load()), "tril", ast.Load()), [ones], []
            )
            above = ast.Compare(tril, [ast.Eq()], [ast.Constant(0)])
            minus_inf = ast.Call(ast.Name("float", ast.Load()), [ast.Constant("-inf")], [])
            scores = ast.Call(
                ast.Attribute(scores, "masked_fill", ast.Load()), [above, minus_inf], []
            )
        if mask is not None:
            scores = self._sdpa_masked(where, scores, mask)
        softmax = ast.Call(ast.Name("softmax", ast.Load()), [scores], [])
        return ast.BinOp(softmax, ast.MatMult(), v)

    def _sdpa_masked(self, where: str, scores: ast.expr, mask: ast.expr) -> ast.expr:
        """The scores under PyTorch's ``attn_mask``: a boolean mask says which scores take part
        (the others set to −inf: ``masked_fill`` where it is False), a float mask is added. A
        comparison (``pad > 0``) or ``x.bool()`` is boolean, any other expression a float
        mask (the spec's tensors are float64, as PyTorch reads a float ``attn_mask``)."""
        flips = {
            ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.GtE, ast.GtE: ast.Lt,
            ast.Gt: ast.LtE, ast.LtE: ast.Gt,
        }
        off: ast.expr | None = None
        if isinstance(mask, ast.Compare) and len(mask.ops) == 1 and type(mask.ops[0]) in flips:
            off = ast.Compare(mask.left, [flips[type(mask.ops[0])]()], mask.comparators)
        elif (
            isinstance(mask, ast.Call)
            and isinstance(mask.func, ast.Attribute)
            and mask.func.attr == "bool"
            and not mask.args
        ):
            off = ast.Compare(mask.func.value, [ast.Eq()], [ast.Constant(0)])
        elif isinstance(mask, ast.UnaryOp | ast.BoolOp) or (
            isinstance(mask, ast.Compare) and len(mask.ops) != 1
        ):
            raise self.err(
                where, catalog.said("spec.read.sdpa_1"), catalog.said("spec.read.sdpa_1_fix")
            )
        if off is None:
            return ast.BinOp(scores, ast.Add(), mask)
        minus_inf = ast.Call(ast.Name("float", ast.Load()), [ast.Constant("-inf")], [])
        return ast.Call(ast.Attribute(scores, "masked_fill", ast.Load()), [off, minus_inf], [])

    def replicas(self, text: str, shapes, dims, dialect: str) -> str:
        """``np.tile``, ``np.repeat``, ``torch.repeat_interleave``, ``x.repeat``, ``x.expand``,
        ``np.broadcast_to``, ``np.kron``, ``np.cross`` as concatenations and products with a
        block of ones (:mod:`derive.lang.replicate`), before the ones are made inputs."""
        return replicate.replicated_text(
            text, shapes, self.one_d, lambda a: self._ones_size(a, shapes, dims), dialect
        )

    def ones_made(self, where: str, text: str, inputs, shapes, dims) -> str:
        """``np.ones((m, 1))`` / ``torch.ones(m, 1)`` / ``np.ones(m)`` (Coursera ML's bias column,
        ``a1 = [ones(m, 1) X]``, as ``np.hstack((np.ones((m, 1)), X))``): an input of ones of that
        shape, named ``ones`` (``ones_2`` … for another shape), its [values] all 1 and kept 1 at
        every random point (a constant, not data). ``text`` is returned with the name in place."""
        if "ones" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem

        def ones(child: ast.AST) -> ast.expr | None:
            made = self._ones_shape(where, child, shapes, dims)
            if made is None:
                return None
            return ast.Name(self._ones_input(made[0], made[1], inputs, shapes), ast.Load())

        return _replaced(text, tree, ones)

    def _ones_shape(
        self, where: str, node: ast.AST, shapes, dims, attr: str = "ones"
    ) -> tuple[tuple[Any, Any], bool] | None:
        """The (rows, cols) of ``np.ones((r, c))``/``torch.ones(r, c)``/``np.ones(c)`` (1-D, a
        row ``(1, c)``: ``True``), or ``None`` where ``node`` is no such call (``attr="zeros"``:
        of ``np.zeros``/``torch.zeros`` alike)."""
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            return None
        if node.func.attr != attr or ex.module_of(node.func.value) not in ONES_MODULES:
            return None
        if any(k.arg not in ("dtype", "device", "requires_grad") for k in node.keywords):
            return None
        args = list(node.args)
        if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
            args = list(args[0].elts)
        sizes = [self._ones_size(a, shapes, dims) for a in args]
        if not 1 <= len(sizes) <= 2 or any(v is None for v in sizes):
            raise self.err(
                where,
                catalog.said("spec.read.ones_1", x=ast.unparse(node)),
                catalog.said("spec.read.ones_1_fix"),
            )
        return ((1, sizes[0]), True) if len(sizes) == 1 else ((sizes[0], sizes[1]), False)

    @staticmethod
    def _ones_size(a: ast.AST, shapes, dims) -> Any:
        """A size of ``np.ones``: a [dims] name, a positive whole number, ``X.shape[0]``,
        ``len(X)`` or ``X.size(0)`` of a tensor named in the spec."""
        if isinstance(a, ast.Name) and a.id in dims:
            return Dim(dims[a.id], a.id)
        if isinstance(a, ast.Constant) and type(a.value) is int and a.value > 0:
            return a.value
        if isinstance(a, ast.BinOp) and type(a.op) in _SIZE_OPS:
            # spellings26: K + 1, 2 * n, X.shape[1] - 1: + - * of sizes, its whole value ≥ 1 (a
            # SizeExpr where only [dims] names and numbers are in it, so it moves with them)
            sides = [_Validator._ones_size(k, shapes, dims) for k in (a.left, a.right)]
            sides = [
                s if s is not None else k.value
                if isinstance(k, ast.Constant) and type(k.value) is int else None
                for s, k in zip(sides, (a.left, a.right), strict=True)
            ]
            if any(s is None for s in sides):
                return None
            value = _SIZE_OPS[type(a.op)](int(sides[0]), int(sides[1]))
            if value < 1:
                return None
            names = [n.id for n in ast.walk(a) if isinstance(n, ast.Name)]
            if all(k in dims for k in names) and not any(
                isinstance(n, ast.Subscript | ast.Call) for n in ast.walk(a)
            ):
                text = ast.unparse(a)
                return SizeExpr(value, text, tuple((k, dims[k]) for k in dict.fromkeys(names)))
            return value
        axis, of = None, None
        if (
            isinstance(a, ast.Subscript)
            and isinstance(a.value, ast.Attribute)
            and a.value.attr == "shape"
        ):
            axis, of = ex.int_index(a.slice), a.value.value
        elif isinstance(a, ast.Call) and getattr(a.func, "id", "") == "len" and len(a.args) == 1:
            axis, of = 0, a.args[0]
        elif (
            isinstance(a, ast.Call)
            and isinstance(a.func, ast.Attribute)
            and a.func.attr == "size"
            and len(a.args) == 1
        ):
            axis, of = ex.int_index(a.args[0]), a.func.value
        if isinstance(of, ast.Name) and of.id in shapes and axis in (0, 1, -1, -2):
            shape = shapes[of.id]
            if len(shape) == 2:
                return shape[axis]
        return None

    def _ones_input(self, shape: tuple[Any, Any], one_d: bool, inputs, shapes) -> str:
        """The input of ones of ``shape`` (made on first use; ``one_d``: NumPy's 1-D)."""
        key = (int(shape[0]), int(shape[1]), one_d)
        if key in self.made_ones:
            return self.made_ones[key]
        label, k = "ones", 1
        while label in shapes:
            k += 1
            label = f"ones_{k}"
        inputs[label] = shapes[label] = shape
        self.names[label] = "inputs"
        if one_d:
            self.one_d[label] = str(shape[1])
            self.made_labels[label] = [1] * key[1]
        else:
            self.made_labels[label] = [[1] * key[1] for _ in range(key[0])]
        self.made_ones[key] = label
        return label

    def tri_made(self, where: str, text: str, inputs, shapes, dims) -> str:
        """``torch.tril(torch.ones(T, T))`` / ``np.triu(np.ones((n, n)), k=1)`` (Karpathy's causal
        mask, ``wei.masked_fill(tril == 0, float('-inf'))``): an input holding that triangle of
        ones, named ``tril``/``triu`` (``tril_2`` … where taken), its [values] the triangle, given
        as a declared mask is. ``text`` is returned with the name in place."""
        if "tril" not in text and "triu" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem

        def tri(child: ast.AST) -> ast.expr | None:
            if not isinstance(child, ast.Call) or not isinstance(child.func, ast.Attribute):
                return None
            f = child.func
            if f.attr not in ("tril", "triu"):
                return None
            args = list(child.args)
            if self._ones_shape(where, f.value, shapes, dims) is not None:
                args = [f.value, *args]  # torch.ones(T, T).tril(): the method of the ones
            elif ex.module_of(f.value) not in EYE_MODULES:
                args = [f.value, *args]  # heldnets25: A.tril(), the method of a matrix
            made = self._ones_shape(where, args[0], shapes, dims) if args else None
            offset = [*args[1:], *(k.value for k in child.keywords if k.arg in TRI_KEYS)]
            k = ex.int_index(offset[0]) if len(offset) == 1 else 0 if not offset else None
            masked = self._tri_of_matrix_hn25(f.attr, args, made, k, child, inputs, shapes)
            if masked is not None:
                return masked
            if made is None or made[1] or k is None or len(args) + len(child.keywords) > 2:
                raise self.err(
                    where,
                    catalog.said("spec.read.tri_1", x=ast.unparse(child)),
                    catalog.said("spec.read.tri_1_fix", name=f.attr),
                )
            return ast.Name(self._tri_input(f.attr, made[0], k, inputs, shapes), ast.Load())

        return _replaced(text, tree, tri)

    def literals_made_s28(self, where: str, text: str, inputs, shapes, constants) -> str:
        """An array written out in a line — ``np.array([1.0, 2.0])`` (class weights),
        ``torch.tensor([[1., 0.], [0., -1.]])`` (a fixed kernel), ``tf.constant(…)``,
        ``jnp.array(…)`` — of numbers and [constants] names: an input holding those numbers
        (``const``, ``const_2`` … where taken), 1-D for a flat list as in NumPy, its [values]
        the numbers, as ``np.eye(n)`` is read. An entry that is not a number is refused
        (``torch.tensor`` copies values and carries no gradient: ``torch.stack`` joins computed
        ones). ``text`` is returned with the names in place."""
        if "[" not in text and "(" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem

        def lit(child: ast.AST) -> ast.expr | None:
            rank = ex.array_literal_s28(child)
            if not rank:
                return None
            numbers = ex.literal_entries_s28(child, constants)  # type: ignore[arg-type]
            if numbers is None:
                raise self.err(
                    where,
                    catalog.said("spec.round28.literal_numbers", x=ast.unparse(child)),
                    catalog.said("spec.round28.literal_numbers_fix"),
                )
            if sum(len(r) for r in numbers) > ex.MAX_LITERAL_S28:
                raise self.err(
                    where,
                    catalog.said("spec.round28.literal_big", n=ex.MAX_LITERAL_S28),
                    catalog.said("spec.round28.literal_big_fix"),
                )
            values = [[float(v) if v.denominator != 1 else int(v) for v in r] for r in numbers]
            return ast.Name(self._literal_input(values, rank == 1, inputs, shapes), ast.Load())

        return _replaced(text, tree, lit)

    def _literal_input(self, values: list[list[int | float]], one_d: bool, inputs, shapes) -> str:
        """The input holding the numbers ``values`` (made on first use of the same numbers)."""
        made = self.__dict__.setdefault("made_literals", {})
        key = (one_d, tuple(tuple(r) for r in values))
        if key in made:
            return made[key]
        label, k = "const", 1
        while label in shapes or label in self.names:
            k += 1
            label = f"const_{k}"
        shape = (len(values), len(values[0]))
        inputs[label] = shapes[label] = shape
        self.names[label] = "inputs"
        if one_d:
            self.one_d[label] = str(shape[1])
            self.made_labels[label] = list(values[0])
        else:
            self.made_labels[label] = [list(r) for r in values]
        made[key] = label
        return label

    def _tri_of_matrix_hn25(self, name: str, args, made, k, call: ast.Call, inputs, shapes):
        """``torch.tril(A)`` / ``np.triu(A @ B, k=1)`` / ``A.tril(-1)`` of a matrix that is not
        a block of ones (a Cholesky factor's lower triangle, a strictly upper part): the matrix
        times the triangle of ones of its size, ``A * tril`` — PyTorch's value, and its gradient
        the triangle of the upstream one. ``None`` where the size is not known from the shapes
        (the caller's refusal then names the forms read)."""
        if made is not None or not args or k is None or len(args) + len(call.keywords) > 2:
            return None
        shape = ex._ast_shape(args[0], shapes)
        if shape is None:
            return None
        label = self._tri_input(name, shape, k, inputs, shapes)
        return ast.BinOp(args[0], ast.Mult(), ast.Name(label, ast.Load()))

    def _tri_input(self, name: str, shape: tuple[Any, Any], k: int, inputs, shapes) -> str:
        """The input holding ``name`` (tril: entries with j − i ≤ k, triu: j − i ≥ k) of a
        ``shape`` block of ones (made on first use)."""
        key = (name, int(shape[0]), int(shape[1]), k)
        if key in self.made_tris:
            return self.made_tris[key]
        label, n = name, 1
        while label in shapes or label in self.names:
            n += 1
            label = f"{name}_{n}"
        inputs[label] = shapes[label] = shape
        self.names[label] = "inputs"
        keep = (lambda d: d <= k) if name == "tril" else (lambda d: d >= k)
        rows, cols = range(int(shape[0])), range(int(shape[1]))
        self.made_labels[label] = [[int(keep(j - i)) for j in cols] for i in rows]
        self.made_tris[key] = label
        return label

    def arange_made_hn25(self, text: str, inputs, shapes, dims, key="", fwd=None) -> str:
        """``torch.arange(n)`` / ``np.arange(a, b)`` / ``jnp.arange(n, dtype=…)`` in arithmetic (ALiBi's
        distances ``torch.arange(K) - torch.arange(Q)[:, None]``, a position ramp): a 1-D input
        holding ``a, a + 1, …, b − 1`` named ``arange_n`` (``arange_a_b``), given as the identity
        is, so every point keeps it. An arange indexing a tensor (``P[np.arange(N), y]``, read as
        class labels), inside a loss or another call that reads class indices (PyTorch's arange
        is integers there), or in a line of integers alone (``labels = "torch.arange(N)"``, which
        a later line may use as class labels) is left as it is; Python's ``range`` too. ``text``
        is returned with the name in place. spellings26: a line of integers alone that the other
        lines read only in arithmetic (``r = "np.arange(K + 1)"``, then ``h * r``) is a ramp
        too: no line reads it as indices."""
        if "arange" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text
        if not self._tensor_outside_aranges_hn25(tree, shapes, dims) and not _read_as_numbers_s26(
            key, fwd or {}
        ):
            return text  # integers alone (labels = "torch.arange(N)") may be class indices
        indexing = _indexing_ids(tree)

        def ramp(child: ast.AST) -> ast.expr | None:
            bounds = None if id(child) in indexing else self._arange_bounds_hn25(child, shapes, dims)
            if bounds is None:
                return None
            label = self.made_aranges_hn25.get(bounds)
            if label is None:
                lo, hi = bounds
                label = f"arange_{hi}" if lo == 0 else f"arange_{lo}_{hi}"
                while label in shapes or label in self.names:
                    label += "_"
                inputs[label] = shapes[label] = (1, hi - lo)
                self.names[label] = "inputs"
                self.one_d[label] = str(hi - lo)
                self.made_labels[label] = list(range(lo, hi))
                self.made_aranges_hn25[bounds] = label
            return ast.Name(label, ast.Load())

        return _replaced(text, tree, ramp)

    def convolutions_cv42(self, where: str, text: str, shapes: Mapping[str, Shape] | None = None) -> str:
        """conv42: a single-channel stride-1 'valid' convolution as course code writes it —
        ``scipy.signal.correlate2d(X, K, mode='valid')``, ``np.correlate(x, w, 'valid')``,
        ``F.conv2d(X[None, None], K[None, None]).squeeze()`` (``.view(1, 1, H, W)``, ``[0, 0]``,
        ``F.conv1d``) — read as the node ``correlate2d(X, K)``; ``np.convolve``/``convolve2d``
        (the kernel rotated by 180°) as ``convolve2d(X, K)``. Another mode, a stride, padding,
        dilation or groups is refused in one line naming what is read (en/zh). conv43: ``stride=``
        and ``padding=`` (a number, a pair of equal numbers, ``'valid'``, ``'same'``) of
        ``F.conv2d`` and SciPy's/NumPy's ``mode='same'`` (a square kernel of odd size, declared
        by name in ``shapes``: (k − 1)/2 zeros on each side) are read as ``correlate2d(X, K,
        stride=s, padding=p)``."""
        if not any(k in text for k in ("correlate", "convolve", "conv1d", "conv2d", "pool2d", "Pool2d", "reshape", "tf.nn.")):
            return text
        tree = spelling.parsed_body(text)
        if tree is None:
            return text

        def refuse(node: ast.AST, what: str) -> SpecError:
            if not what:  # a 4-D tensor (several images or channels) where a matrix is read
                text = node.value if isinstance(node, ast.Constant) else ast.unparse(node)
                if "conv1d" in text:  # F.conv1d(X, W): a 3-D input and weight (round 42)
                    return self.err(where, catalog.said("spec.heldnets38.conv1d"))
                return self.err(
                    where,
                    catalog.said("spec.conv42.four_d", text=text),
                    catalog.said("spec.conv42.four_d_fix"),
                )
            return self.err(
                where,
                catalog.said("spec.conv42.unsupported", text=ast.unparse(node), what=what),
                catalog.said("spec.conv42.unsupported_fix"),
            )

        def same(node: ast.AST, kernel: ast.expr) -> int | tuple[int, int]:
            """'same' zeros on each side: (k − 1)/2 of a declared square kernel of odd size.
            conv44: of a 1-D signal of n samples and a 1-D kernel of k ≤ n taps (both declared
            by name), NumPy's and SciPy's 'same' is the 'full' result's n entries from
            (k − 1)//2 on (any k, odd or even): ``(start, n)``, read as a slice of the full one."""
            shape = shapes.get(kernel.id) if shapes is not None and isinstance(kernel, ast.Name) else None
            signal = node.args[0] if isinstance(node, ast.Call) and node.args else None
            if shape is not None and isinstance(signal, ast.Name) and kernel.id in self.one_d and signal.id in self.one_d:
                k, n = _int_size_cv44(shape[-1]), _int_size_cv44(shapes.get(signal.id, (0, 0))[-1])
                if k is not None and n is not None and 1 <= k <= n:
                    return ((k - 1) // 2, n)
                raise self.err(
                    where,
                    catalog.said("spec.conv44.same_1d", text=ast.unparse(node), k=shape[-1], n=shapes.get(signal.id, ("?", "?"))[-1]),
                    catalog.said("spec.conv44.same_1d_fix"),
                )
            if shape is not None and len(set(int(k) for k in shape)) == 1 and int(shape[0]) % 2 == 1:
                return (int(shape[0]) - 1) // 2
            raise self.err(
                where,
                catalog.said("spec.conv43.same_kernel", text=ast.unparse(node), shape=list(shape) if shape is not None else ast.unparse(kernel)),
                catalog.said("spec.conv43.same_kernel_fix"),
            )

        before = ast.unparse(tree)
        def pool_refusal(node: ast.AST, what: str) -> SpecError:
            return self.err(
                where,
                catalog.said("spec.conv43.pool", text=ast.unparse(node), what=what),
                catalog.said("spec.conv43.pool_fix"),
            )

        out = _ConvCV42(refuse, same, pool_refusal, shapes or {}, getattr(self, "dims_hn35", None)).visit(ast.Expression(tree))
        made = next((n for n in ast.walk(out) if isinstance(n, ast.Call) and called_name(n) == _CONV4_CV42), None)
        if made is not None:  # F.conv2d's 4-D result used as it is
            raise refuse(made.args[2], "")
        written = ast.unparse(out.body)
        return text if written == before else written

    def unfolds_hn38(
        self, where: str, text: str, unfolds: Mapping[str, str], shapes: dict[str, Shape]
    ) -> str:
        """heldnets38: a 1-D convolution written as im2col, ``x.unfold(1, 3, 1) @ w`` (PyTorch's
        sliding windows of each row, a 3-D tensor, times a kernel of the window's width): the
        sum of the shifted slices it is, ``x[:, 0:L - 2] * w[0] + x[:, 1:L - 1] * w[1] + x[:, 2:L]
        * w[2]`` (stride 1). The windows may be a line of their own (``windows = "x.unfold(1, 3,
        1)"``, read where used). A width that is a [dims] size is refused, as a loop's length
        is (derive checks other sizes too), and so is any other use of the windows (en/zh)."""
        if "unfold" not in text and not any(k in text for k in unfolds):
            return text
        text = _inlined_hn36(text, unfolds)
        tree = spelling.parsed_body(text)
        if tree is None:
            return text

        def refuse(node: ast.AST, size: str | None = None) -> SpecError:
            text = ast.unparse(node)
            if size is None:
                return self.err(
                    where,
                    catalog.said("spec.heldnets38.unfold_use", text=text),
                    catalog.said("spec.heldnets38.unfold_use_fix"),
                )
            return self.err(
                where,
                catalog.said("spec.heldnets38.unfold_size", text=text, size=size),
                catalog.said("spec.heldnets38.unfold_size_fix"),
            )

        def convolved(n: ast.AST) -> ast.expr | None:
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult):
                left, right = n.left, n.right
            elif (
                isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute)
                and n.func.attr == "matmul"
                and _module_of_hn38(n.func.value)
                and len(n.args) == 2
                and not n.keywords
            ):
                left, right = n.args
            else:
                return None
            got = _unfold_of_hn38(left)
            if got is None:
                return None
            x, dim, width, step = got
            xs = shapes.get(x.id) if isinstance(x, ast.Name) else None
            if xs is None or len(xs) != 2 or x.id in self.one_d or dim not in (1, -1):
                raise refuse(left)
            if not (isinstance(width, ast.Constant) and type(width.value) is int):
                raise refuse(left, ast.unparse(width))
            k = width.value
            ws = shapes.get(right.id) if isinstance(right, ast.Name) else None
            if step != 1 or k < 1 or ws is None or right.id not in self.one_d or int(ws[1]) != k:
                raise refuse(left)
            if isinstance(ws[1], Dim | SizeExpr):
                raise refuse(left, str(k))
            cols = xs[1]
            if int(cols) < k:
                raise refuse(left)
            name = cols.label if isinstance(cols, Dim) else (
                f"({cols.text})" if isinstance(cols, SizeExpr) else None
            )
            terms = []
            for j in range(k):
                back = k - 1 - j
                if name is None:
                    upper = str(int(cols) - back)
                else:
                    upper = f"{name} - {back}" if back else name
                terms.append(f"{x.id}[:, {j}:{upper}] * {right.id}[{j}]")
            made = spelling.parsed_body("(" + " + ".join(terms) + ")")
            assert made is not None
            return made

        class Windows(ast.NodeTransformer):
            def visit(self, n: ast.AST) -> ast.AST:
                made = convolved(n)
                return made if made is not None else super().visit(n)

        tree = Windows().visit(tree)
        for n in ast.walk(tree):
            if _unfold_of_hn38(n) is not None:
                raise refuse(n)
        return ast.unparse(tree)

    def callable_line_hn39(self, key: str, text: str, fwd: Mapping[str, Any]) -> bool:
        """heldnets39: a [forward] line whose value is a function (``spelling.callable_line_hn39``:
        ``criterion = nn.HuberLoss(delta=0.5)``, ``act = torch.tanh``), not the loss, that the
        later lines only call (``criterion(pred, y)``): its text is read in each call's place, as
        if written there (``nn.HuberLoss(delta=0.5)(pred, y)``). A name used otherwise keeps the
        line as it is (read as a tensor, or refused)."""
        if key == self.loss_key_hn35 or not spelling.callable_line_hn39(text):
            return False
        keys = list(fwd)
        calls = 0
        for later in keys[keys.index(key) + 1 :]:
            tree = spelling.parsed(fwd[later]) if isinstance(fwd[later], str) else None
            if tree is None:
                continue
            funcs = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
            for n in ast.walk(tree):
                if isinstance(n, ast.Name) and n.id == key:
                    if id(n) not in funcs:
                        return False
                    calls += 1
        return calls > 0

    def called_hn39(self, where: str, text: str, lines: Mapping[str, str]) -> str:
        """``text`` with each call of a function line (:meth:`callable_line_hn39`) written as a
        call of that line's text; a layer with weights of its own so called is refused as
        :meth:`weighted_modules_hn30` refuses it written at once."""
        made = _inlined_hn36(text, lines, calls_only=True)
        cls = spelling.weighted_module_hn30(made) if made != text else None
        if cls is not None:
            raise self.err(
                where,
                catalog.said("spec.heldnets30.weighted_module", cls=cls),
                catalog.said("spec.heldnets30.weighted_module_fix"),
            )
        return made

    def index_line_hn36(self, key: str, text: str, fwd: Mapping[str, Any], shapes) -> bool:
        """heldnets36: a [forward] line that is one ``torch.arange(n)`` / ``np.arange(n)`` alone
        (CLIP's ``labels = torch.arange(n)``) which the other lines read as class indices or an
        index (not in arithmetic: that is a ramp, :meth:`arange_made_hn25`), and not the loss:
        its text is read in their place, as if written there, where an arange of class indices
        is read (``F.cross_entropy(logits, torch.arange(n))``)."""
        if key == self.loss_key_hn35 or "arange" not in text:
            return False
        tree = spelling.parsed(text)
        if tree is None or not isinstance(tree, ast.Expression):
            return False
        if self._arange_bounds_hn25(tree.body, shapes, self.dims_hn35) is None:
            return False
        used = any(
            isinstance(t, str) and k != key and key in _names_in(spelling.parsed(t) or ast.Constant(0))
            for k, t in fwd.items()
        )
        return used and not _read_as_numbers_s26(key, fwd)

    def arange_powers_hn30(self, text: str, shapes, dims) -> str:
        """heldnets30: a column raised to a row of whole numbers — d2l's polynomial features
        ``np.power(x, np.arange(4).reshape(1, -1))``, ``x ** torch.arange(1, 4)``, ``x.pow(…)``
        — is the matrix whose column j is ``x ** e_j`` for each whole number e_j: written so
        (``concat(np.ones((n, 1)), x, x ** 2, …, axis=1)``), a power by a number as every power is, where
        the arange read as an exponent tensor would be ``exp(e · log x)`` and refuse x ≤ 0.
        The base must be a column of known size [n, 1] (or a matrix of as many columns as
        the exponents, taken column by column); other forms are left to the arange's reading."""
        if "arange" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text

        def powered(node: ast.AST) -> ast.expr | None:
            parts = _power_parts_hn30(node)
            if parts is None:
                return None
            base, expo = parts
            bounds = self._arange_bounds_hn25(_arange_of_row_hn30(expo), shapes, dims)
            shape = ex._ast_shape(base, shapes)
            inner = _column_of_1d_hn30(base)
            if shape is None and inner is not None:
                if ex.one_dimensional(inner, frozenset(self.one_d), frozenset(), shapes):
                    n = ex.vector_length_s26(inner, shapes)  # v[:, None] of a 1-D v: a column
                    shape = None if n is None else (n, 1)
            if bounds is None or shape is None or len(shape) != 2:
                return None
            lo, hi = bounds
            if hi - lo > ex.MAX_BLOCKS or shape[1] not in (1, hi - lo):
                return None
            if _scalar_form_hn32(base, shapes, self.zero_d):
                # heldnets32: one number raised to an arange (FPP's exponential-smoothing
                # weights alpha * (1 - alpha) ** np.arange(k)) is NumPy's 1-D vector of its
                # powers: a row of [1, 1] entries (concat joins matrices, not numbers)
                ones = ast.Call(
                    ast.Attribute(ast.Name("np", ast.Load()), "ones", ast.Load()),
                    [ast.Tuple([ast.Constant(1), ast.Constant(1)], ast.Load())], [],
                )
                row = [
                    copy.deepcopy(ones) if e == 0 else ast.BinOp(
                        copy.deepcopy(ones), ast.Mult(),
                        base if e == 1 else ast.BinOp(base, ast.Pow(), ast.Constant(e)),
                    )
                    for e in range(lo, hi)
                ]
                return row[0] if len(row) == 1 else spelling.joined(row, 1)
            if shape[1] > 1 and ex.one_dimensional(base, frozenset(self.one_d), frozenset(), shapes):
                return None  # v ** arange of a 1-D v: entry by entry, left to the arange's reading
            cols = []
            for j, e in enumerate(range(lo, hi)):
                b = base if shape[1] == 1 else ast.Subscript(
                    base,
                    ast.Tuple([ast.Slice(), ast.Slice(ast.Constant(j), ast.Constant(j + 1))], ast.Load()),
                    ast.Load(),
                )
                if e == 0:  # x ** 0 is 1 (also at x = 0, where 0 · x⁻¹ is no derivative)
                    # the rows' [dims] name where the base declares one (n, not the example's 5)
                    declared = shapes.get(base.id) if isinstance(base, ast.Name) else None
                    first = declared[0] if declared else None
                    label = first if isinstance(first, str) else getattr(first, "label", None)
                    rows = ast.Name(label, ast.Load()) if label in dims else ast.Constant(int(shape[0]))
                    ones = ast.Tuple([rows, ast.Constant(1)], ast.Load())
                    np_ones = ast.Attribute(ast.Name("np", ast.Load()), "ones", ast.Load())
                    cols.append(ast.Call(np_ones, [ones], []))
                else:
                    cols.append(b if e == 1 else ast.BinOp(b, ast.Pow(), ast.Constant(e)))
            if len(cols) == 1:
                return cols[0]
            return ast.Call(
                ast.Name("concat", ast.Load()), cols, [ast.keyword("axis", ast.Constant(1))]
            )

        return _replaced(text, tree, powered)

    def _tensor_outside_aranges_hn25(self, tree: ast.AST, shapes, dims) -> bool:
        """The line reads a tensor of the spec (not a size, not a made input) outside its
        aranges: its value is then that tensor's floats, not integers alone."""
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "arange":
                continue
            if isinstance(n, ast.Name) and n.id in shapes and n.id not in dims:
                if n.id not in self.made_labels:
                    return True
            stack.extend(ast.iter_child_nodes(n))
        return False

    def diag_made_hn25(self, text: str, inputs, shapes) -> str:
        """``torch.diag(v)`` / ``np.diag(v)`` / ``torch.diag_embed(v)`` of a 1-D vector whose length
        the shapes give, outside a matrix product (a Cholesky factor's ``tril(A, -1) +
        diag(exp(v))``): the diagonal matrix ``I * v`` with the made identity (v a row, so
        column j is scaled by v_j). In a product it is left to the product's own reading."""
        if "diag" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text
        in_product = {
            id(side) for n in ast.walk(tree)
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult)
            for side in (n.left, n.right)
        }
        scalars = frozenset(k for k, v in shapes.items() if not v)

        def diagonal(child: ast.AST) -> ast.expr | None:
            if id(child) in in_product or not isinstance(child, ast.Call):
                return None
            f = child.func
            if not (isinstance(f, ast.Attribute) and f.attr in ("diag", "diag_embed")
                    and ex.module_of(f.value) in EYE_MODULES):
                return None
            if len(child.args) != 1 or child.keywords:
                return None
            v = child.args[0]
            size = ex._ast_shape(v, shapes)
            if size is None:  # spellings26: diag(exp(diagonal(A))), diag(log1p(v))
                n = ex.vector_length_s26(v, shapes)
                size = None if n is None else (1, n)
            try:
                flat = ex.is_one_dimensional(ast.unparse(v), frozenset(self.one_d), scalars, shapes)
            except (SyntaxError, ex.ExprError):
                return None
            if size is None or size[0] != 1 or not flat:
                return None
            eye = ast.Name(self._eye_input(size[1], inputs, shapes), ast.Load())
            return ast.BinOp(eye, ast.Mult(), v)

        return _replaced(text, tree, diagonal)

    def _arange_bounds_hn25(self, node: ast.AST, shapes, dims) -> tuple[int, int] | None:
        """(a, b) of a module's ``arange(b)`` / ``arange(a, b)`` (sizes as ``np.ones`` takes
        them; a ``dtype=`` only), with a < b, else ``None``."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            return None
        if node.func.attr != "arange" or not ex.dialect_module_hn25(node.func.value):
            return None
        if any(k.arg != "dtype" for k in node.keywords) or not 1 <= len(node.args) <= 2:
            return None
        ends = [self._ones_size(a, shapes, dims) for a in node.args]
        if len(ends) == 2 and isinstance(node.args[0], ast.Constant) and node.args[0].value == 0:
            ends[0] = 0
        if any(v is None for v in ends):
            return None
        lo, hi = (0, int(ends[0])) if len(ends) == 1 else (int(ends[0]), int(ends[1]))
        return (lo, hi) if lo < hi else None

    def pads_hn27(self, where: str, text: str, shapes, constants, dims) -> str:
        """heldnets27: a constant padding of a matrix (or a 1-D vector) whose size the shapes
        give — PyTorch's ``F.pad(x, (left, right[, top, bottom]), value=c)``, NumPy's/JAX's
        ``np.pad(x, ((top, bottom), (left, right)), constant_values=c)``, TensorFlow's
        ``tf.pad(x, [[top, bottom], [left, right]])`` — read as ``x`` joined to blocks of zeros
        (+ c), which the zeros reader makes inputs: a TCN's causal padding. Refused (en/zh)
        otherwise: another mode, widths that are not whole numbers, a size not known."""
        if "pad" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem

        def padded(node: ast.AST) -> ast.expr | None:
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                return None
            f = node.func
            mod = spelling.module_of(f.value)
            if f.attr != "pad" or not mod:
                return None
            torch_form = mod not in ("np", "numpy", "jnp", "jax.numpy", "tf", "tf.compat.v1")
            keys = ("input", "pad", "mode", "value") if torch_form else (
                ("tensor", "paddings", "mode", "constant_values") if mod.startswith("tf")
                else ("array", "pad_width", "mode", "constant_values")
            )
            bound = dict(zip(keys, node.args, strict=False))
            for k in node.keywords:
                if k.arg not in keys or k.arg in bound:
                    raise self.err(where, catalog.said("spec.heldnets27.pad"))
                bound[k.arg] = k.value
            mode = bound.get(keys[2])
            if mode is not None and not (
                isinstance(mode, ast.Constant) and str(mode.value).lower() == "constant"
            ):
                raise self.err(where, catalog.said("spec.heldnets27.pad"))
            x, widths, fill = bound.get(keys[0]), bound.get(keys[1]), bound.get(keys[3])
            shape = ex._ast_shape(x, shapes) if x is not None else None
            if shape is None and x is not None:  # an expression: its shape as the parser reads it
                try:
                    read = ex.parse(ast.unparse(x), constants=constants, shapes=shapes,
                                    one_d=frozenset(self.one_d))
                    got = _Shapes(self, where, shapes, constants, dims).infer(read)
                    shape = (got[0], got[1]) if len(got) == 2 else None
                except (ex.ExprError, SpecError):
                    shape = None
            scalars = frozenset(k for k, v in shapes.items() if not v) | self.zero_d
            one_d = x is not None and ex.one_dimensional(x, frozenset(self.one_d), scalars, shapes)
            sides = _pad_sides_hn27(widths, torch_form, one_d)
            if shape is None or sides is None or (fill is not None and not _plain_number(fill)):
                raise self.err(where, catalog.said("spec.heldnets27.pad"))
            (top, bottom), (left, right) = sides
            rows, cols = shape
            r_text = getattr(shapes.get(x.id, (None, None))[0], "label", None) if (
                isinstance(x, ast.Name) and not one_d
            ) else None
            r_text = r_text or str(int(rows))

            def block(r: str, c: int) -> ast.expr:
                size = [ast.Constant(c)] if one_d else [spelling.parsed_body(r), ast.Constant(c)]
                z = ast.Call(ast.Attribute(ast.Name("torch", ast.Load()), "zeros", ast.Load()),
                             size, [])
                return z if fill is None else ast.BinOp(z, ast.Add(), fill)

            def joined(parts: list[ast.expr], dim: int) -> ast.expr:
                if len(parts) == 1:
                    return parts[0]
                cat = ast.Attribute(ast.Name("torch", ast.Load()), "cat", ast.Load())
                return ast.Call(cat, [ast.List(parts, ast.Load())],
                                [ast.keyword("dim", ast.Constant(dim))])

            mid = [p for p, w in ((block(r_text, left), left), (x, 1), (block(r_text, right), right))
                   if w]
            out = joined(mid, 0 if one_d else 1)
            if one_d or not (top or bottom):
                return out
            width = int(cols) + left + right
            rows_parts = [p for p, w in ((block(str(top), width), top), (out, 1),
                                         (block(str(bottom), width), bottom)) if w]
            return joined(rows_parts, 0)

        return _replaced(text, tree, padded)

    def zeros_made_hn23(self, where: str, text: str, inputs, shapes, dims) -> str:
        """``torch.zeros(r, 1)`` / ``np.zeros((r, 1))`` / ``np.zeros(c)`` written in a line (the
        zero column that starts an exclusive cumsum, a zero padding joined to a matrix): an
        input of zeros of that shape named ``zeros`` (``zeros_2`` … for another shape), given as
        the identity is, so every point keeps it 0. ``text`` is returned with the name in place."""
        if "zeros" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem

        def zeros(child: ast.AST) -> ast.expr | None:
            made = self._ones_shape(where, child, shapes, dims, attr="zeros")
            if made is None:
                return None
            (r, c), one_d = made
            key = (int(r), int(c), one_d)
            label = self.made_zeros_hn23.get(key)
            if label is None:
                label, k = "zeros", 1
                while label in shapes or label in self.names:
                    k += 1
                    label = f"zeros_{k}"
                inputs[label] = shapes[label] = (r, c)
                self.names[label] = "inputs"
                if one_d:
                    self.one_d[label] = str(c)
                    self.made_labels[label] = [0] * key[1]
                else:
                    self.made_labels[label] = [[0] * key[1] for _ in range(key[0])]
                self.made_zeros_hn23[key] = label
            return ast.Name(label, ast.Load())

        return _replaced(text, tree, zeros)

    def eye_made(self, where: str, text: str, inputs, shapes, dims) -> str:
        """``np.eye(n)`` / ``torch.eye(n)`` / ``np.identity(n)`` (n a [dims] name, a number,
        ``X.shape[1]`` …; ``np.eye(n, n)``): an input holding the n × n identity, named ``I``
        (``eye``, ``eye_2`` … where ``I`` is taken), its [values] the identity and kept so at
        every random point and size. ``text`` is returned with the name in place."""
        if "eye" not in text and "identity" not in text:
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text  # the parser names the problem
        # np.eye(C)[y]: one-hot rows of class labels (ex.one_hot_label), not an identity
        indexed = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}

        def eye(child: ast.AST) -> ast.expr | None:
            if not isinstance(child, ast.Call) or not isinstance(child.func, ast.Attribute):
                return None
            if id(child) in indexed:
                return None
            f = child.func
            if f.attr not in ("eye", "identity") or ex.module_of(f.value) not in EYE_MODULES:
                return None
            sizes = [self._ones_size(a, shapes, dims) for a in child.args]
            square = len(sizes) == 1 or len(sizes) == 2 and sizes[1] == sizes[0]
            if (
                not square
                or any(v is None for v in sizes)
                or any(k.arg not in ("dtype", "device", "requires_grad") for k in child.keywords)
            ):
                raise self.err(
                    where,
                    catalog.said("spec.read.eye_1", x=ast.unparse(child)),
                    catalog.said("spec.read.eye_1_fix"),
                )
            made = ast.Name(self._eye_input(sizes[0], inputs, shapes), ast.Load())
            if any(k.arg == "dtype" and spelling.bool_type_hn32(k.value) for k in child.keywords):
                # heldnets32: torch.eye(n, dtype=torch.bool) (SimCLR's self-similarity mask):
                # the entries that are not 0, as a where/masked_fill condition reads a mask
                return ast.Compare(made, [ast.NotEq()], [ast.Constant(0)])
            return made

        return _replaced(text, tree, eye)

    def _eye_input(self, n: Any, inputs, shapes) -> str:
        """The input holding the ``n`` × ``n`` identity (made on first use)."""
        if int(n) in self.made_eyes:
            return self.made_eyes[int(n)]
        label, k = "I", 1
        while label in shapes or label in self.names:
            k += 1
            label = "eye" if k == 2 else f"eye_{k - 1}"
        inputs[label] = shapes[label] = (n, n)
        self.names[label] = "inputs"
        self.made_labels[label] = [[int(i == j) for j in range(int(n))] for i in range(int(n))]
        self.made_eyes[int(n)] = label
        return label

    def integer_targets(self, where: str, text: str, inputs, shapes, constants, dims) -> None:
        """``F.cross_entropy(Z, y)`` / ``F.nll_loss(LP, y)`` with ``y`` an input declared 1-D
        (``y = ["N"]``): PyTorch's class indices. They become one-hot rows of ``Z``'s columns
        (read as the class labels of ``P[np.arange(N), y]`` are), so the loss is the language's
        exactly. ``Z``'s shape comes from reading that argument alone."""
        tree = spelling.parsed(text)
        if tree is None:
            return  # the parser names the problem
        for n in ast.walk(tree):
            made = ex.one_hot_label(n)
            if made is not None and made[0] in self.one_d and made[0] in inputs:
                self.one_hot_made(where, made, shapes, dims)
            looked = ex.embedding_lookup(n)
            if looked is not None:
                self.lookup_labels(where, looked, inputs, shapes)
            if not isinstance(n, ast.Call):
                continue
            f = n.func
            name = getattr(f, "attr", None) or getattr(f, "id", "")
            gathered = ex.gather_label(n)
            if gathered is not None:  # P.gather(1, y.unsqueeze(1)): y picks from P's columns
                z, y = gathered[0], ast.Name(gathered[1], ast.Load())
                if y.id not in self.one_d or y.id not in inputs:
                    continue
            elif name not in ("cross_entropy", "nll_loss", "multi_margin_loss"):
                continue
            else:
                kw = {k.arg: k.value for k in n.keywords}
                z = n.args[0] if n.args else kw.get("input")
                y = n.args[1] if len(n.args) > 1 else kw.get("target")
            if not isinstance(y, ast.Name) or z is None or y.id not in inputs:
                continue
            scalars = frozenset(k for k, v in shapes.items() if not v)
            unbatched = gathered is None and ex.one_dimensional(z, frozenset(self.one_d), scalars)
            # PyTorch's unbatched F.cross_entropy(z, y) of a 1-D z: a 0-d y is one class index
            index = unbatched and shapes.get(y.id) == () and name in ("cross_entropy", "nll_loss")
            if y.id not in self.one_d and not index:
                continue
            if unbatched and not index:
                continue  # unbatched F.cross_entropy(z, y), z and y 1-D: y holds probabilities
            if y.id in self.picks:
                if gathered is not None:
                    self.same_classes(where, y.id, z, shapes, constants, dims)
                continue
            zs = self.shape_of_hn43(where, z, shapes, constants, dims)
            if zs is None:
                return  # the whole line's parse names it
            if len(zs) != 2 or int(zs[0]) != (1 if index else int(shapes[y.id][1])):
                raise self.err(
                    where,
                    catalog.said("spec.read.integer_targets_1", id=y.id, x=ast.unparse(z), zs=zs),
                    catalog.said("spec.read.integer_targets_1_fix", id=y.id, id2=y.id),
                )
            self.picks[y.id] = (ast.unparse(z), int(zs[1]))
            self.target_shapes[y.id] = (zs[0], zs[1])

    def column_labels_hn43(self, where: str, text: str, inputs, shapes, constants, dims) -> str:
        """heldnets43: the class labels of a cross-entropy (nll_loss, multi_margin_loss) given as
        a column ``y = ["N", 1]`` and squeezed to PyTorch's 1-D targets in the call —
        ``y.squeeze(1)``, ``y.view(-1)``, ``y.flatten()``, ``y[:, 0]``, ``torch.squeeze(y)`` (and
        Paddle's ``label`` of shape [N, 1], written so by ``spelling.paddle_hn41``) — are the
        input read as declared 1-D (``y = ["N"]``, its [values] a column of whole numbers): the
        squeeze is the labels themselves. A squeeze to 1-D of a 1-D input is that input."""
        words = ("_entropy", "nll_loss", "multi_margin", "range(", "gather", "take_along")
        if not any(k in text for k in words):
            return text
        tree = spelling.parsed(text)
        if tree is None:
            return text
        changed = False
        for n in ast.walk(tree):
            if isinstance(n, ast.Subscript):
                changed = self.picked_column_hn44(n, inputs, shapes) or changed
                continue
            if not isinstance(n, ast.Call):
                continue
            if self.gathered_by_column_hn45(n, inputs, shapes):
                changed = True
                continue
            name = getattr(n.func, "attr", None) or getattr(n.func, "id", "")
            if name not in ("cross_entropy", "nll_loss", "multi_margin_loss"):
                continue
            at = 1 if len(n.args) > 1 else None
            kw = next((k for k in n.keywords if k.arg == "target"), None)
            target = n.args[1] if at is not None else (kw.value if kw is not None else None)
            if isinstance(target, ast.Name) and name != "multi_margin_loss":
                z = n.args[0] if n.args else next(
                    (k.value for k in n.keywords if k.arg == "input"), None
                )
                self.column_target_hn43(where, name, z, target.id, inputs, shapes, constants, dims)
                continue
            label = self.squeezed_label_hn44(target, inputs, shapes)
            if label is None:
                continue
            if at is not None:
                n.args[1] = ast.Name(label, ast.Load())
            elif kw is not None:
                kw.value = ast.Name(label, ast.Load())
            changed = True
        return ast.unparse(tree) if changed else text

    def squeezed_label_hn44(self, target: ast.expr | None, inputs, shapes) -> str | None:
        """The input ``y`` of a squeeze of the class labels to 1-D (``_squeezed_label_hn43``),
        now read as declared 1-D when it was a column ``[N, 1]``; ``None`` when ``target`` is no
        such squeeze of an input."""
        y = _squeezed_label_hn43(target)
        if y is None or y[0] not in inputs or y[0] not in shapes:
            return None
        label, subscript = y
        shape = shapes[label]
        if label in self.one_d:
            if subscript or int(shape[1]) < 2:
                return None  # y[:, 0] of a 1-D y is PyTorch's error; a [1] one squeezes to 0-d
        elif len(shape) != 2 or int(shape[1]) != 1 or label in self.one_hot:
            return None
        else:
            inputs[label] = shapes[label] = (shape[1], shape[0])
            self.one_d[label] = str(shape[0])
        return label

    def gathered_by_column_hn45(self, n: ast.Call, inputs, shapes) -> bool:
        """heldnets45: TRL's ``torch.gather(logps, dim=1, index=tok)`` (``P.gather(-1, tok)``,
        ``torch.take_along_dim(P, tok, dim=1)``, ``np.take_along_axis(P, y, axis=1)``) with the
        index an input column ``tok = ["N", 1]`` of class labels is each row's entry at its label,
        the ``[N, 1]`` column — the pick of the labels read as declared 1-D, written
        ``tok.unsqueeze(1)`` (``tok[:, None]``) as ``expr.gather_label`` reads it. Whether it
        changed ``n``."""
        f = n.func
        if not isinstance(f, ast.Attribute) or f.attr not in ("gather", "take_along_dim", "take_along_axis"):
            return False
        module = ex.module_of(f.value)
        if f.attr == "gather" and module not in ("", "torch"):
            return False  # tf.gather: a row lookup, read elsewhere
        if f.attr != "gather" and not module:
            return False
        keys = {
            "gather": ("input", "dim", "index") if module else ("dim", "index"),
            "take_along_dim": ("input", "indices", "dim"),
            "take_along_axis": ("arr", "indices", "axis"),
        }[f.attr]
        if len(n.args) > len(keys) or any(k.arg not in keys for k in n.keywords):
            return False
        bound = {**dict(zip(keys, n.args)), **{k.arg: k.value for k in n.keywords}}
        index_key = "index" if f.attr == "gather" else "indices"
        y, dim = bound.get(index_key), bound.get(keys[2] if f.attr != "gather" else "dim")
        if not isinstance(y, ast.Name) or dim is None or ex.int_index(dim) not in (1, -1):
            return False
        shape = shapes.get(y.id)
        if (
            y.id not in inputs or y.id in self.one_d or y.id in self.one_hot or shape is None
            or len(shape) != 2 or int(shape[1]) != 1
        ):
            return False
        inputs[y.id] = shapes[y.id] = (shape[1], shape[0])
        self.one_d[y.id] = str(shape[0])
        column = ast.Call(ast.Attribute(ast.Name(y.id, ast.Load()), "unsqueeze", ast.Load()),
                          [ast.Constant(1)], [])
        if f.attr != "gather":
            column = ast.Subscript(  # type: ignore[assignment]
                ast.Name(y.id, ast.Load()),
                ast.Tuple([ast.Slice(None, None, None), ast.Constant(None)], ast.Load()),
                ast.Load(),
            )
        at = keys.index(index_key)
        if len(n.args) > at:
            n.args[at] = column
        else:
            next(k for k in n.keywords if k.arg == index_key).value = column
        return True

    def picked_column_hn44(self, n: ast.Subscript, inputs, shapes) -> bool:
        """heldnets44: CS231n's pick ``P[np.arange(N), y.ravel()]`` (``y.squeeze(1)``,
        ``y[:, 0]``, ``y.flatten()`` … of labels given as an ``[N, 1]`` column, as
        ``np.loadtxt`` gives them) is ``P[np.arange(N), y]`` with ``y`` read as declared 1-D, as
        a squeezed cross-entropy target is (heldnets43's Left). Whether it changed ``n``."""
        parts = n.slice.elts if isinstance(n.slice, ast.Tuple) else []
        if len(parts) != 2 or not ex.is_arange(parts[0]):
            return False
        label = self.squeezed_label_hn44(parts[1], inputs, shapes)
        if label is None:
            return False
        n.slice.elts[1] = ast.Name(label, ast.Load())  # type: ignore[union-attr]
        return True

    def shape_of_hn43(self, where: str, z: ast.expr, shapes, constants, dims) -> Shape | None:
        """The shape of the expression ``z`` alone (None where it does not parse: the whole
        line's parse names the problem)."""
        try:
            zt = ex.parse(
                ast.unparse(z), constants=constants, shapes=shapes, one_d=frozenset(self.one_d)
            )
        except ex.ExprError:
            return None
        return _Shapes(self, where, shapes, constants, dims).infer(zt)

    def column_target_hn43(
        self, where: str, name: str, z: ast.expr | None, y: str, inputs, shapes, constants, dims
    ) -> None:
        """heldnets43: ``F.cross_entropy(z, y)`` (nll_loss) of an input column ``y = ["N", 1]``
        beside scores ``[N, K]``, K > 1, is PyTorch's error at every reduction (class indices are
        1-D; probabilities have the scores' shape). With reduction 'sum' or 'none' it was read
        as the column broadcast over the classes and verified: a ✓ on what PyTorch refuses."""
        shape = shapes.get(y)
        if (
            z is None or y not in inputs or y in self.one_d or y in self.one_hot
            or shape is None or len(shape) != 2 or int(shape[1]) != 1
        ):
            return
        zs = self.shape_of_hn43(where, z, shapes, constants, dims)
        if zs is not None and len(zs) == 2 and int(zs[1]) > 1 and int(zs[0]) == int(shape[0]):
            raise self.err(
                where,
                catalog.said("spec.heldnets43.label_column", f=name, a=zs, b=shape),
                catalog.said("spec.heldnets43.label_column_fix", f=name),
            )

    def lookup_labels(self, where: str, looked: tuple[str, str], inputs, shapes) -> None:
        """``E[y]`` with ``y`` an input declared 1-D: its integer labels become one-hot rows of
        as many columns as ``E`` has rows, so the lookup is ``y @ E``."""
        table, y = looked
        if y not in inputs or y not in self.one_d or table not in shapes:
            return  # the parser names what is wrong
        shape = shapes[table]
        if len(shape) != 2:
            raise self.err(
                where, catalog.said("spec.read.lookup_labels_1", table=table, y=y, table2=table)
            )
        # a 1-D table (a bias per user, b_u[users]): its entries are the classes
        rows = shape[1] if table in self.one_d else shape[0]
        known = self.picks.get(y)
        if known is not None and known[1] != int(rows):
            raise self.err(
                where,
                catalog.said(
                    "spec.read.lookup_labels_2", y=y, x=known[1], x2=int(rows), table=table
                ),
                catalog.said("spec.read.lookup_labels_2_fix"),
            )
        self.picks[y] = (f"{table}[{y}]", int(rows))
        self.target_shapes[y] = (shapes[y][1], rows)

    def same_classes(self, where: str, y: str, z: ast.expr, shapes, constants, dims) -> None:
        """Labels ``y`` picked again (a gather beside a cross-entropy): from as many columns."""
        try:
            zt = ex.parse(
                ast.unparse(z), constants=constants, shapes=shapes, one_d=frozenset(self.one_d)
            )
        except ex.ExprError:
            return  # the whole line's parse names it
        zs = _Shapes(self, where, shapes, constants, dims).infer(zt)
        if len(zs) != 2 or int(zs[1]) != self.picks[y][1]:
            raise self.err(
                where,
                catalog.said(
                    "spec.read.same_classes_1", y=y, x=self.picks[y][1], x2=ast.unparse(z), zs=zs
                ),
                catalog.said("spec.read.same_classes_1_fix"),
            )

    def one_hot_made(self, where: str, made: tuple[str, ast.expr], shapes, dims) -> None:
        """``np.eye(C)[y]`` / ``F.one_hot(y, C)`` of an input ``y`` declared 1-D: its integer
        class labels become one-hot rows of ``C`` columns (as a pick's labels do), and the
        construction is ``y`` itself."""
        y, c = made
        if isinstance(c, ast.Name) and c.id in dims:
            cols: int = Dim(dims[c.id], c.id)
        elif isinstance(c, ast.Constant) and type(c.value) is int and c.value > 0:
            cols = c.value
        else:
            raise self.err(
                where,
                catalog.said("spec.read.one_hot_made_2", x=ast.unparse(c)),
                catalog.said("spec.read.one_hot_made_2_fix", y=y),
            )
        known = self.picks.get(y)
        if known is not None and known[1] != int(cols):
            raise self.err(
                where,
                catalog.said("spec.read.one_hot_made_1", y=y, x=known[1], x2=int(cols)),
                catalog.said("spec.read.one_hot_made_1_fix"),
            )
        self.picks[y] = (f"one_hot({y})", int(cols))
        self.target_shapes[y] = (shapes[y][1], cols)

    def class_labels(self, where: str, inputs, shapes, forward) -> None:
        """Class labels ``y`` read by ``P[np.arange(N), y]`` on this line are one-hot rows from
        now on: ``y`` becomes the input ``[N, C]`` of kind one-hot (its [values], integers,
        are turned into those rows by :meth:`values`)."""
        for y, (p, _) in self.picks.items():
            if y in self.one_hot:
                continue
            one_index = y in inputs and shapes.get(y) == () and y in self.target_shapes
            if y not in inputs or (y not in self.one_d and not one_index):
                raise self.err(
                    where,
                    catalog.said("spec.read.class_labels_1", y=y, p=p, y2=y),
                    catalog.said("spec.read.class_labels_1_fix", y=y, p=p),
                )
            if any(ex.Name(y) in _nodes(node) for _, node in forward):
                raise self.err(
                    where,
                    catalog.said("spec.read.class_labels_2", y=y),
                    catalog.said("spec.read.class_labels_2_fix", y=y, p=p, y2=y),
                )
            shape = self.target_shapes.get(y) or (shapes[p][0], shapes[p][1])
            inputs[y] = shapes[y] = shape
            if one_index:
                self.one_label.add(y)  # one example's class index: its [values] one integer
            else:
                del self.one_d[y]
            self.one_hot.append(y)
            self.label_columns[y] = int(shape[1])

    def labels_only_picked(self, forward) -> None:
        """Class labels appear only in their picks (read as ``Σ_j P_ij y_ij``): anywhere else
        the one-hot rows would silently stand for the integers."""
        fwd = self.fwd
        for y, (p, _) in self.picks.items():
            for key, node in forward:
                tree = ast.parse(fwd[key].strip(), mode="eval")
                if _only_made(tree, y):
                    # every y on the line is np.eye(C)[y] / F.one_hot(y, C): the one-hot rows
                    # themselves, whatever is done with them (SCE's clamp(one_hot, 1e-4, 1),
                    # whose rewrite names them twice)
                    continue
                total = sum(1 for n in _nodes(node) if n == ex.Name(y))
                # np.eye(C)[y] / F.one_hot(y, C) on this line: y itself, read as one-hot rows
                # (one that is a factor of a product is counted as a pick below already)
                total -= _made_not_factor(tree, y)
                picked = sum(  # P * y of a pick or nll_loss, y * log_softmax(z), CE's target
                    (
                        isinstance(n, ex.BinOp)
                        and n.op == "*"
                        and ex.Name(y) in (n.left, n.right)
                        and not any(isinstance(k, ex.Num) for k in (n.left, n.right))
                    )
                    + (  # y @ E of an embedding lookup E[y]
                        isinstance(n, ex.BinOp)
                        and n.op == "@"
                        and n.left == ex.Name(y)
                        and p.endswith(f"[{y}]")
                    )
                    + (
                        isinstance(n, ex.Call)
                        and n.func == "cross_entropy"
                        and n.args[1:2] == (ex.Name(y),)
                    )
                    + (  # y[:, k:k+1] of ignore_index=k: the rows whose class is k
                        isinstance(n, ex.Call)
                        and n.func == "slice"
                        and n.args == (ex.Name(y),)
                        and n.kwarg("axis") == ex.Num(1)
                    )
                    for n in _nodes(node)
                )
                if total != picked:
                    form = (
                        f"np.eye(C)[{y}] or F.one_hot({y}, C)"
                        if p.startswith("one_hot(")
                        else p
                        if p.endswith(f"[{y}]")
                        else f"{p}[np.arange(N), {y}]"
                    )
                    raise self.err(
                        f"[forward] {key}",
                        catalog.said("spec.read.labels_only_picked_1", y=y, form=form),
                        catalog.said("spec.read.labels_only_picked_1_fix", y=y, y2=y),
                    )

    def declare(self, table: str, key: str) -> None:
        self.ident(f"[{table}] {key}", key)
        if keyword.iskeyword(key):
            raise self.err(
                f"[{table}] {key}",
                catalog.said("spec.read.declare_1", key=key),
                catalog.said("spec.read.declare_1_fix", key=key),
            )
        if key in self.names:
            raise self.err(
                f"[{table}] {key}",
                catalog.said("spec.read.declare_2", key=key, x=self.names[key]),
                catalog.said("spec.read.declare_2_fix"),
            )
        self.names[key] = table

    def langs(self, where: str, value: Any) -> dict[str, str]:
        if isinstance(value, str):
            value = {"en": value, "zh": value}
        key = where.split()[-1]
        if (
            not isinstance(value, dict)
            or not all(isinstance(v, str) for v in value.values())
            or (not value and key == "title")
        ):
            raise self.err(
                where,
                catalog.said("spec.read.langs_1"),
                catalog.said("spec.read.langs_1_fix", key=key),
            )
        unknown = sorted(set(value) - {"en", "zh"})
        if unknown:
            raise self.err(
                where,
                catalog.said("spec.read.langs_2", x=repr(unknown[0])),
                catalog.said("spec.read.langs_2_fix", key=key),
            )
        if any(len(v) > 300 for v in value.values()):
            raise self.err(
                where, catalog.said("spec.read.langs_3"), catalog.said("spec.read.langs_3_fix")
            )
        value = {k: clean_text(v) for k, v in value.items()}  # no NUL/ESC/bidi in any output
        en = value.get("en", next(iter(value.values()), ""))
        return {"en": en, "zh": value.get("zh", en)}

    def dims(self, table: str, required: bool = True) -> dict[str, int]:
        out = {}
        for key, value in self.table(table, required).items():
            self.ident(f"[{table}] {key}", key)
            if type(value) is not int or not 1 <= value <= MAX_DIM:
                raise self.err(
                    f"[{table}] {key}",
                    catalog.said("spec.read.dims_1", MAX_DIM=MAX_DIM, value=repr(value)),
                    catalog.said("spec.read.dims_1_fix", key=key),
                )
            out[key] = value
        return out

    def tensors(self, table: str, dims: dict[str, int], required: bool = False):
        out: dict[str, Shape] = {}
        for key, value in self.table(table, required).items():
            where = f"[{table}] {key}"
            self.declare(table, key)
            if isinstance(value, dict) and table == "inputs":
                value = self.input_kind(where, key, value)
            if isinstance(value, list) and len(value) == 1:
                # a 1-D shape ["h"] (PyTorch's nn.Linear bias): NumPy broadcasts a 1-D array as
                # a row, so it is the row [1, "h"]
                value = [1, value[0]]
                self.one_d[key] = str(value[1])
            if isinstance(value, list) and len(value) > 2:
                # images, video, a batch of sequences: a 3-D convolution's 5 axes
                forward = self.data.get("forward")
                lines = " ".join(str(v) for v in forward.values()) if isinstance(forward, dict) else ""
                channels = len(value) in (3, 4) and any(w in lines for w in ("conv", "correlate", "pool"))
                raise self.err(
                    where,
                    catalog.said("spec.read.tensors_rank", value=repr(value), n=len(value)),
                    # conv44: channels of a convolution: the per-channel sum that is read
                    catalog.said("spec.conv44.channels_fix", key=key) if channels else catalog.said("spec.read.tensors_rank_fix", key=key),
                )
            if not isinstance(value, list) or len(value) not in (0, 2):
                raise self.err(
                    where,
                    catalog.said("spec.read.tensors_1", value=repr(value)),
                    catalog.said("spec.read.tensors_1_fix", key=key),
                )
            shape = []
            for d in value:
                if isinstance(d, str) and d in dims:
                    shape.append(Dim(dims[d], d))
                elif isinstance(d, str):
                    shape.append(self.size_expr(where, d, dims))
                elif type(d) is int and 1 <= d <= MAX_DIM:
                    shape.append(d)
                else:
                    raise self.err(
                        where,
                        catalog.said("spec.read.tensors_4", d=repr(d)),
                        catalog.said("spec.read.tensors_4_fix"),
                    )
            if shape and shape[0] * shape[1] > MAX_ENTRIES:
                raise self.err(
                    where,
                    catalog.said("spec.read.tensors_2"),
                    catalog.said("spec.read.tensors_2_fix", MAX_ENTRIES=MAX_ENTRIES),
                )
            if key in getattr(self, "one_hot", ()) and (not shape or shape[1] < 2):
                raise self.err(
                    where,
                    catalog.said("spec.read.tensors_3"),
                    catalog.said("spec.read.tensors_3_fix", key=key),
                )
            out[key] = tuple(shape)
        return out

    def size_expr(self, where: str, text: str, dims: dict[str, int]) -> SizeExpr:
        """A size written as ``"d + h"``, ``"2*h"``, ``"h + 1"``: + - * // of [dims] names and whole
        numbers, parsed with ``ast`` (never evaluated as Python), 1 … MAX_DIM."""
        names = size_names(text, dims)
        if not isinstance(names, tuple):
            known = ", ".join(dims) or catalog.said("spec.none_declared")
            raise self.err(
                where,
                catalog.said("spec.size", text=text, why=names),
                catalog.said("spec.size_fix", known=known),
            )
        value = _floor_size(text, dims)
        if value is None:
            value = _size_value(ast.parse(text.strip(), mode="eval").body, dims)
        if not 1 <= value <= MAX_DIM:
            raise self.err(
                where,
                catalog.said("spec.read.size_expr_2", text=text, value=value),
                catalog.said("spec.read.size_expr_2_fix", MAX_DIM=MAX_DIM),
            )
        if "//" in text:
            return value  # type: ignore[return-value]  # D // 2: the whole number it gives
        return SizeExpr(value, " ".join(text.split()), tuple((k, dims[k]) for k in names))

    def input_kind(self, where: str, key: str, value: dict[str, Any]) -> Any:
        """``{ shape = [...], kind = "one-hot" }``: the shape, remembering the kind."""
        extra = sorted(set(value) - {"shape", "kind"})
        if extra or "shape" not in value:
            raise self.err(
                where,
                catalog.said("spec.more.unknown_key", key=extra[0])
                if extra
                else catalog.said("spec.more.no_shape"),
                catalog.said("spec.read.input_kind_1_fix", key=key, key2=key),
            )
        kind = value.get("kind", "data")
        if kind not in KINDS:
            raise self.err(
                where,
                catalog.said("spec.read.input_kind_2", kind=repr(kind)),
                catalog.said("spec.read.input_kind_2_fix", x=", ".join(repr(k) for k in KINDS)),
            )
        if kind == "one-hot":
            self.one_hot.append(key)
        if kind == "distribution":  # the engine's one-hot rows are rows summing to 1 already
            self.one_hot.append(key)
            self.distributions.append(key)
        if kind == "one-hot-columns":
            self.hot_columns.append(key)
        if kind == "binary":  # entries 0 or 1, as a Bernoulli's value: checked, drawn so
            self.bernoulli_support.add(key)
            self.declared_binary.add(key)
        return value["shape"]

    def relations_r46(
        self, written: dict[str, str], constants: dict[str, Fraction], dims: Mapping[str, int]
    ) -> tuple[tuple[str, str], ...]:
        """Constants written as arithmetic of others (``confidence = "1 - smoothing"``: timm's
        label smoothing, where the textbook P − Ỹ holds only with confidence + smoothing = 1):
        each read (never evaluated as code) and its value computed exactly into ``constants``,
        in an order where every name it uses is known; ``(name, text)`` in that order."""
        trees: dict[str, ast.expr] = {}
        for key, text in written.items():
            where = f"[constants] {key}"
            try:
                tree = ast.parse(text.strip(), mode="eval").body if len(text) <= 200 else None
            except SyntaxError:
                tree = None
            bad = tree is None or _relation_problem(tree)
            if bad:
                raise self.err(
                    where,
                    catalog.said("spec.round46.relation", x=key, text=text),
                    catalog.said("spec.round46.relation_fix", x=key),
                )
            for n in ast.walk(tree):
                if isinstance(n, ast.Name) and n.id not in constants and n.id not in dims:
                    raise self.err(
                        where,
                        catalog.said("spec.round46.relation_name", x=key, name=n.id),
                        catalog.said("spec.round46.relation_name_fix", x=key, name=n.id),
                    )
            trees[key] = tree
        known: dict[str, Fraction] = {
            **{k: Fraction(v) for k, v in dims.items()},
            **{k: v for k, v in constants.items() if k not in written},
        }
        order: list[tuple[str, str]] = []
        while len(order) < len(trees):
            ready = [
                k for k, t in trees.items()
                if k not in known and all(
                    n.id in known for n in ast.walk(t) if isinstance(n, ast.Name)
                )
            ]
            if not ready:
                key = next(k for k in trees if k not in known)
                raise self.err(
                    f"[constants] {key}",
                    catalog.said("spec.round46.relation_cycle", x=key),
                    catalog.said("spec.round46.relation_cycle_fix", x=key),
                )
            for key in ready:
                try:
                    value = relation_value(trees[key], known)
                except ZeroDivisionError:
                    raise self.err(
                        f"[constants] {key}",
                        catalog.said("spec.round46.relation_zero", x=key, text=written[key]),
                        catalog.said("spec.round46.relation_zero_fix", x=key),
                    ) from None
                known[key] = constants[key] = Fraction(value)
                order.append((key, ast.unparse(trees[key])))
        return tuple(order)

    def number(self, where: str, value: Any) -> Fraction:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.err(
                where,
                catalog.said("spec.read.number_1", value=repr(value)),
                catalog.said("spec.read.number_1_fix"),
            )
        if isinstance(value, float) and value != value or abs(value) > 1e12:
            raise self.err(
                where, catalog.said("spec.read.number_2"), catalog.said("spec.read.number_2_fix")
            )
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)

    def distribution_given(self, where: str, key: str, rows: tuple[tuple[Fraction, ...], ...]) -> None:
        """The given rows of an input declared ``kind = "distribution"``: entries ≥ 0, each row
        summing to 1 exactly (as written: 0.2 + 0.3 + 0.5), else the row and the fix."""
        for n, row in enumerate(rows):
            if min(row) < 0 or sum(row) != 1:
                raise self.err(
                    where,
                    catalog.said(
                        "spec.round45.distribution_row",
                        x=n + 1, row=[float(v) for v in row], key=key, total=float(sum(row)),
                    ),
                    catalog.said("spec.round45.distribution_row_fix", key=key),
                )

    def columns_hot(self, key: str) -> None:
        """``key``, declared ``kind = "one-hot"``, is given with one-hot columns (examples in
        columns, as in Ng's courses): read as one-hot columns (a softmax down the columns under
        a cross-entropy against them reaches ``(P − Y)/m``, :meth:`_Deriver.written_softmax`)."""
        self.one_hot.remove(key)
        self.hot_columns.append(key)

    def given_values(self) -> dict[str, Any]:
        given = {**self.table("values", required=False), **getattr(self, "made_labels", {})}
        return {k: v for k, v in given.items() if k not in getattr(self, "label_blocks", {})}

    def bernoulli_given(self, where: str, key: str, rows) -> None:
        """A value of ``Bernoulli(…).log_prob(key)`` must be 0 or 1, as PyTorch's Bernoulli
        validates it (``spelling.bernoulli_values``): the first other entry is exit 2."""
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if v not in (0, 1):
                    said = "binary_value" if key in self.declared_binary else "bernoulli_value"
                    raise self.err(
                        where,
                        catalog.said(
                            f"spec.read.{said}", key=key, entry=[i, j], value=f"{float(v):g}"
                        ),
                        catalog.said(f"spec.read.{said}_fix", key=key),
                    )

    def values(
        self, inputs, params, shapes, name, forward, dims, constants
    ) -> dict[str, tuple[tuple[Fraction, ...], ...]]:
        """The user's ``[values]`` (checked against every operation's domain) completed with
        drawn values that respect the domains (BCE targets in {0, 1}, one-hot cross-entropy
        targets, positive log arguments, non-zero divisors, no kink input at 0)."""

        given = self.given_values()
        given = {
            k: self.label_rows(k, v) if k in self.label_columns else v for k, v in given.items()
        }
        for key in given:
            if key not in inputs and key not in params:
                raise self.err(
                    f"[values] {key}",
                    catalog.said("spec.read.values_1"),
                    catalog.said(
                        "spec.read.values_1_fix", x=", ".join(list(inputs) + list(params))
                    ),
                )
        fixed = {}
        # spellings27: entries given as -0.0, kept as negative zeros in the float64 domain check
        # (atan2 on its cut reads the sign of a zero y, as PyTorch does: refused there)
        signed_zeros: dict[str, list[tuple[int, int]]] = {}
        for key in list(inputs) + list(params):
            if key in given:
                r, c = (1, 1) if shapes[key] == () else shapes[key]
                where = f"[values] {key}"
                rows = self.grid(where, given[key], r, c)
                fixed[key] = tuple(tuple(self.number(where, v) for v in row) for row in rows)
                signed_zeros[key] = [
                    (i, j)
                    for i, row in enumerate(rows)
                    for j, v in enumerate(row)
                    if isinstance(v, float) and v == 0 and math.copysign(1.0, v) < 0
                ]
                if key in self.bernoulli_support:
                    self.bernoulli_given(where, key, fixed[key])
                if key in self.distributions:
                    self.distribution_given(where, key, fixed[key])
                elif key in self.one_hot:
                    one_hot_columns = r > 1 and all(
                        sorted(col) == [0] * (r - 1) + [1] for col in zip(*fixed[key], strict=True)
                    )
                    rows_hot = all(sorted(row) == [0] * (c - 1) + [1] for row in fixed[key])
                    if one_hot_columns and not rows_hot:
                        self.columns_hot(key)
                        continue
                    for n, row in enumerate(fixed[key]):
                        if sorted(row) != [0] * (c - 1) + [1]:
                            raise self.err(
                                where,
                                catalog.said(
                                    "spec.read.values_2",
                                    x=n + 1,
                                    x2=[float(v) for v in row],
                                    key=key,
                                ),
                                catalog.said("spec.read.values_2_fix"),
                            )
        rows_given, columns_given = _given_softmax_targets(forward, fixed)
        for key in rows_given:
            if key in inputs and key not in self.one_hot and key not in self.hot_columns:
                self.one_hot.append(key)
        for key in columns_given:
            if key in inputs and key not in self.one_hot and key not in self.hot_columns:
                self.hot_columns.append(key)
        missing = [k for k in list(inputs) + list(params) if k not in fixed]
        roles = domain.roles(forward, self.one_hot, self.bernoulli_support)
        compared = domain.equality_classes(forward)
        scalars = {k: float(v) for k, v in {**dims, **constants}.items()}

        def make(k: int) -> dict[str, tuple[tuple[Fraction, ...], ...]]:
            # attempt 0 draws exactly as earlier versions did (committed walkthroughs keep their
            # numbers); later attempts use their own seeds
            rng = random.Random(f"derive-values:{name}" if k == 0 else f"derive-values:{name}:{k}")
            out = dict(fixed)
            for key in missing:
                r, c = (1, 1) if shapes[key] == () else shapes[key]
                if key in self.hot_columns:  # one-hot columns: the transpose of one-hot rows
                    rows = [list(col) for col in zip(*domain.draw(rng, "one-hot", c, r))]
                    out[key] = tuple(tuple(row) for row in rows)
                    continue
                rows = None
                if key in self.distributions:  # rows of tenths summing to 1
                    out[key] = tuple(tuple(row) for row in domain.draw(rng, "distribution", r, c))
                    continue
                if key in compared and key in inputs:
                    rows = domain.draw_classes(rng, compared[key], roles.get(key), r, c)
                if rows is None:
                    rows = domain.draw(rng, roles.get(key), r, c, first=k == 0)
                out[key] = tuple(tuple(row) for row in rows)
            return {key: out[key] for key in list(inputs) + list(params)}

        def arrays(vals):
            out = {k: np.array([[float(v) for v in r] for r in rows]) for k, rows in vals.items()}
            for k, entries in signed_zeros.items():
                for i, j in entries:
                    out[k][i, j] = -0.0
            return out

        # the user's own values: any value outside a domain is an error naming it
        first = make(0)
        problem = domain.check(forward, scalars, arrays(first))
        if problem is not None and (
            not missing
            or problem.direct in fixed
            or problem.node in dict(forward)
            and not _leaves(problem.node, forward) & set(missing)
        ):  # no drawn value reaches the node (np.log(X) of a given X): change [values]
            raise self._domain_error(problem, fixed, forward)
        if not missing:
            return first
        last: list[dict] = []

        def make_arrays(k: int):
            last[:] = [make(k)]
            return arrays(last[0])

        point, problem = domain.find_point(forward, scalars, make_arrays, kinks=True)
        if point is None:
            # no draw avoids the kinks: accept one inside the domains
            point, problem2 = domain.find_point(forward, scalars, make_arrays, kinks=False)
            if point is None:
                assert problem2 is not None

                def same(k: int) -> bool:  # the same node, entry and value at another draw
                    p = domain.check(forward, scalars, make_arrays(k), kinks=False)
                    return p is not None and (p.node, p.entry, p.value) == (
                        problem2.node,
                        problem2.entry,
                        problem2.value,
                    )

                # drawn values that do not move the entry (log(y / mu) at a given y = 0, whatever
                # mu is drawn) cannot fix it: the fix names only the user's values
                unmoved = all(same(k) for k in (1, 2, 3))
                raise self._domain_error(problem2, fixed, forward, drawn=True, unmoved=unmoved)
        return last[0]

    def _domain_error(
        self, problem, fixed, forward, drawn: bool = False, unmoved: bool = False
    ) -> SpecError:
        text = dict(forward)
        if problem.direct is not None and problem.direct in fixed:
            e = problem.entry
            error = self.err(
                f"[values] {problem.direct}",
                f"entry [{e[0]}, {e[1]}] is {problem.value:g}: {problem.message}",
                "give values inside the domain (BCE targets 0 or 1, cross-entropy targets "
                "one-hot rows)",
            )
            if problem.said is None:
                return error
            plain = catalog.Said(problem.said.key, (*problem.said.args, ("at", "")))
            said = catalog.said(
                "refuse.domain_values",
                name=problem.direct,
                entry=[e[0], e[1]],
                value=f"{problem.value:g}",
                problem=plain,
            )
            return catalog.refusal(lambda _: error, said)
        where = f"[forward] {problem.node}"
        if problem.node in text:
            where += " at the example values"
        goal = "goal_max" if "a max of everything whose largest value" in problem.message else "goal"
        made = set(getattr(self, "made_literals", {}).values())  # written in a line, not [values]
        yours = [k for k in problem.sources if k in fixed and k not in made]
        drew = [k for k in problem.sources if k not in fixed]
        if unmoved and yours:  # the drawn tensors do not change the failing entry
            drew = []
        if not yours and not drew:  # no tensor found: as before, by how the values came
            (drew if drawn else yours).append("")
        key = "fix_both" if yours and drew else "fix_drawn" if drew else "fix_yours"
        fix_said = catalog.said(
            f"refuse.{key}",
            yours=", ".join(yours) or "[values]",
            drew=", ".join(drew) or "[values]",
            goal=catalog.said(f"refuse.{goal}"),
        )
        fix = fix_said.render("en")
        sentence = problem.sentence()
        if sentence is None:
            return self.err(where, problem.where(), fix)
        said = catalog.said(
            "refuse.domain",
            where=catalog.said(
                "refuse.domain_where" if problem.node in text else "refuse.domain_where_line",
                node=problem.node,
            ),
            problem=sentence,
            fix=fix_said,
        )
        return catalog.refusal(lambda _: self.err(where, problem.where(), fix), said)

    def label_rows(self, key: str, raw: Any) -> list[list[int]]:
        """Integer class labels ``[2, 0, 1]`` as the one-hot rows they are read as."""
        classes = self.label_columns[key]
        where = f"[values] {key}"
        if isinstance(raw, list) and all(isinstance(v, list) and len(v) == 1 for v in raw):
            raw = [v[0] for v in raw]  # a column of labels, one per row: [[2], [0], [1]]
        if key in self.one_label and not isinstance(raw, list):
            raw = [raw]  # one example's class index, y = 2
        if not isinstance(raw, list):
            raise self.err(
                where,
                catalog.said("spec.labels_whole", raw=repr(raw)),
                catalog.said("spec.labels_whole_fix", last=classes - 1),
            )
        for i, v in enumerate(raw):
            if not _whole_label(v):
                raise self.err(
                    where,
                    catalog.said("spec.label_not_whole", i=i, v=repr(v)),
                    catalog.said("spec.labels_whole_fix", last=classes - 1),
                )
        raw = [int(v) for v in raw]  # 2.0, as NumPy prints a float array of labels, is label 2
        bad = [v for v in raw if not 0 <= v < classes]
        if bad:
            raise self.err(
                where,
                catalog.said("spec.label_class", label=bad[0], n=classes, last=classes - 1),
                catalog.said("spec.label_class_fix", last=classes - 1),
            )
        return [[int(j == v) for j in range(classes)] for v in raw]

    def grid(self, where: str, raw: Any, r: int, c: int) -> list[list[Any]]:
        want = (
            catalog.said("spec.a_scalar")
            if (r, c) == (1, 1)
            else catalog.said("spec.an_array", r=r, c=c)
        )
        if not isinstance(raw, list):
            raw = [[raw]]
        elif raw and not isinstance(raw[0], list):
            raw = [raw] if r == 1 else [[v] for v in raw] if c == 1 else raw
        ok = len(raw) == r and all(isinstance(row, list) and len(row) == c for row in raw)
        if not ok:
            got = catalog.said(
                "spec.rows_of_lengths",
                n=len(raw),
                lengths=[len(x) if isinstance(x, list) else 1 for x in raw],
            )
            raise self.err(
                where,
                catalog.said("spec.read.grid_1", want=want, r=r, c=c, got=got),
                catalog.said("spec.read.grid_1_fix", r=r, c=c),
            )
        return raw

    def labels(self, shapes) -> dict[str, tuple[tuple[str, ...], ...]]:
        out = {}
        seen: set[str] = set()
        for key, raw in self.table("labels", required=False).items():
            where = f"[labels] {key}"
            if key not in shapes:
                raise self.err(
                    where,
                    catalog.said("spec.read.labels_1"),
                    catalog.said("spec.read.labels_1_fix"),
                )
            r, c = (1, 1) if shapes[key] == () else shapes[key]
            rows = self.grid(where, raw, r, c)
            for row in rows:
                for label in row:
                    if not isinstance(label, str):
                        raise self.err(
                            where,
                            catalog.said("spec.read.labels_2", label=repr(label)),
                            catalog.said("spec.read.labels_2_fix"),
                        )
                    self.ident(where, label)
                    if label in shapes and not (label == key and shapes[key] in ((), (1, 1))):
                        raise self.err(
                            where,
                            catalog.said("spec.read.labels_3", label=label),
                            catalog.said("spec.read.labels_3_fix"),
                        )
                    if label in seen:
                        raise self.err(
                            where,
                            catalog.said("spec.read.labels_4", label=label),
                            catalog.said("spec.read.labels_4_fix"),
                        )
                    seen.add(label)
            out[key] = tuple(tuple(row) for row in rows)
        return out

    def train(self) -> dict[str, float]:
        raw = self.table("train", required=False)
        out = {}
        for key, value in raw.items():
            where = f"[train] {key}"
            if key not in TRAIN_KEYS:
                raise self.err(
                    where,
                    catalog.said("spec.read.train_2"),
                    catalog.said("spec.read.train_2_fix", x=", ".join(TRAIN_KEYS)),
                )
            v = float(self.number(where, value))
            if key == "lr" and not 0 < v <= MAX_LR:
                raise self.err(
                    where,
                    catalog.said("spec.read.train_3", MAX_LR=format(MAX_LR, "g"), v=format(v, "g")),
                    catalog.said("spec.read.train_3_fix"),
                )
            if key != "lr":
                top = {"steps": MAX_STEPS, "every": MAX_STEPS, "seed": MAX_SEED}[key]
                low = 0 if key == "seed" else 1
                if type(value) is not int or not low <= value <= top:
                    raise self.err(
                        where,
                        catalog.said(
                            "spec.read.train_4", low=low, top=format(top, ","), value=repr(value)
                        ),
                        catalog.said(
                            "spec.read.train_4_fix",
                            key=key,
                            x=dict(steps=500, every=10, seed=0)[key],
                        ),
                    )
            out[key] = v
        if out.get("every", 1) > out.get("steps", 500):
            raise self.err(
                "[train] every",
                catalog.said("spec.read.train_1"),
                catalog.said("spec.read.train_1_fix"),
            )
        return out

    def limits(self, forward, shapes, dims, full_dims, leaves) -> None:
        """Refuse, up front, sizes the element-wise derivation or full-size training would not
        finish in about a minute / fit in about 2 GB (the MAX_* constants above)."""
        entries, terms = elementwise_size(forward, shapes)
        if terms > MAX_ELEMENTWISE_TERMS or entries > MAX_ELEMENTWISE_ENTRIES:
            said = catalog.said(
                "spec.more.limit_elementwise",
                source=self.source,
                entries=f"{entries:,}",
                terms=f"{terms:,}",
                max_entries=f"{MAX_ELEMENTWISE_ENTRIES:,}",
                max_terms=f"{MAX_ELEMENTWISE_TERMS:,}",
            )
            raise catalog.refusal(LimitError, said)
        if not full_dims:
            return
        full = {k: full_dims.get(k, v) for k, v in dims.items()}

        def resize_shape(shape: Shape) -> Shape:
            return tuple(resize(d, full) for d in shape)

        for key, shape in leaves.items():
            r, c = (1, 1) if shape == () else resize_shape(shape)
            if r * c > MAX_FULL_ENTRIES:
                said = catalog.said(
                    "spec.more.limit_full",
                    source=self.source,
                    key=key,
                    n=f"{r * c:,}",
                    limit=f"{MAX_FULL_ENTRIES:,}",
                )
                raise catalog.refusal(LimitError, said)
        steps = int(self.data.get("train", {}).get("steps", 500)) if "train" in self.data else 0
        work = _product_terms(forward, shapes, resize_shape) * max(steps, 1)
        if work > MAX_TRAIN_WORK:
            said = catalog.said(
                "spec.more.limit_train",
                source=self.source,
                work=f"{work:.2g}",
                steps=steps,
                limit=f"{MAX_TRAIN_WORK:.0e}",
            )
            raise catalog.refusal(LimitError, said)


def _entries(shape: Shape) -> int:
    return 1 if shape == () else shape[0] * shape[1]


def elementwise_size(forward, shapes: dict[str, Shape]) -> tuple[int, int]:
    """``(entries, terms)`` of the element-wise derivation: entries of every tensor (inputs,
    parameters, forward nodes) and the scalar terms of every forward expression (a matrix
    product ``(r×k) @ (k×c)`` has ``r·k·c``, anything else one per entry of each operand)."""
    entries = sum(_entries(s) for s in shapes.values())
    return entries, _product_terms(forward, shapes, lambda s: s)


def _product_terms(forward, shapes: dict[str, Shape], resize) -> int:
    def walk(n: ex.Node) -> tuple[Shape, int]:
        if isinstance(n, ex.Name):
            return resize(shapes.get(n.id, ())), 0
        if isinstance(n, ex.BinOp):
            (a, ta), (b, tb) = walk(n.left), walk(n.right)
            if n.op == "@" and a and b:
                return (a[0], b[1]), ta + tb + a[0] * a[1] * b[1]
            out = a if _entries(a) >= _entries(b) else b
            return out, ta + tb + _entries(out)
        kids = [walk(k) for k in _children(n)]
        work = sum(t for _, t in kids) + sum(_entries(s) for s, _ in kids)
        if isinstance(n, ex.Transpose) and kids and kids[0][0]:
            return (kids[0][0][1], kids[0][0][0]), work
        return (kids[0][0] if kids else ()), work

    total = 0
    for key, node in forward:
        total += walk(node)[1]
    return total


def _squeezed_label_hn43(t: ast.expr | None) -> tuple[str, bool] | None:
    """The name ``y`` of a squeeze of a column to 1-D (``y.squeeze(1)``, ``y.squeeze(-1)``,
    ``y.squeeze()``, ``y.view(-1)``, ``y.reshape(-1)``, ``y.flatten()``, ``y.ravel()``,
    ``torch.squeeze(y, 1)``, ``torch.flatten(y)``, ``y[:, 0]``) and whether it is the subscript."""
    if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
        sl = t.slice
        if (
            isinstance(sl, ast.Tuple) and len(sl.elts) == 2 and isinstance(sl.elts[0], ast.Slice)
            and sl.elts[0].lower is None and sl.elts[0].upper is None and sl.elts[0].step is None
            and isinstance(sl.elts[1], ast.Constant) and sl.elts[1].value == 0
            and type(sl.elts[1].value) is int
        ):
            return t.value.id, True
        return None
    if not isinstance(t, ast.Call) or not isinstance(t.func, ast.Attribute):
        return None
    how, args = t.func.attr, list(t.args)
    if isinstance(t.func.value, ast.Name) and t.func.value.id in _LABEL_MODULES_HN44:
        if not args or not isinstance(args[0], ast.Name):
            return None
        if how not in ("squeeze", "flatten", "ravel", "reshape"):
            return None
        y, args = args[0].id, args[1:]
    elif isinstance(t.func.value, ast.Name):
        y = t.func.value.id
    else:
        return None
    kws = {k.arg: k.value for k in t.keywords}
    axis = args[0] if args else kws.get("dim", kws.get("axis"))
    whole = spelling._int_literal
    ints = [whole(a) for a in args]
    if how == "squeeze" and len(args) + len(kws) <= 1 and (axis is None or whole(axis) in (1, -1)):
        return y, False
    if how in ("flatten", "ravel") and not args and not kws:
        return y, False
    shape = args[0] if len(args) == 1 and not kws else kws.get("shape") if len(kws) == 1 else None
    if how in ("view", "reshape") and shape is not None and (
        ints == [-1] or (isinstance(shape, (ast.Tuple, ast.List))
                         and [whole(e) for e in shape.elts] == [-1])
    ):
        return y, False  # heldnets44: also tf.reshape(y, [-1]), jnp.reshape(y, (-1,))
    return None


# heldnets44: the modules whose squeeze of a label column is read (TensorFlow's
# tf.squeeze(y, axis=-1) in Keras' sparse cross-entropy, jnp.ravel(y), paddle.squeeze(label, 1))
_LABEL_MODULES_HN44 = ("torch", "np", "numpy", "tf", "jnp", "paddle")


def log_picks(n: ex.Node, defs: dict[str, ex.Node], labels: set[str]) -> ex.Node:
    """``log(P[np.arange(N), y])`` of probabilities ``P = softmax(…)`` (read as ``log(Σ_j P_ij
    y_ij)``, see ``expr._Converter.pick``) is ``Σ_j y_ij log P_ij``: the same number for one-hot
    rows y, as the labels are; so CS231n's ``-np.mean(np.log(probs[np.arange(N), y]))`` is the
    cross-entropy whose softmax backward is the textbook ``(P − Y)/N``. Only for a softmax's
    ``P``, also written out (:func:`_probabilities`: no entry is 0, so every ``log P_ij`` is
    finite)."""

    def walk(k: ex.Node) -> ex.Node:
        if isinstance(k, ex.Call) and k.func == "log" and len(k.args) == 1 and not k.kwargs:
            arg, row = k.args[0], isinstance(k.args[0], ex.Transpose)
            pick = arg.operand if isinstance(arg, ex.Transpose) else arg
            if (
                isinstance(pick, ex.Call)
                and pick.func == "sum"
                and pick.kwargs == (("axis", ex.Num(Fraction(1))),)
                and isinstance(pick.args[0], ex.BinOp)
                and pick.args[0].op == "*"
                and isinstance(pick.args[0].left, ex.Name)
                and isinstance(pick.args[0].right, ex.Name)
                and pick.args[0].right.id in labels
                and _probabilities(defs.get(pick.args[0].left.id), defs)
            ):
                p, y = pick.args[0].left, pick.args[0].right
                out = ex.Call("sum", (ex.BinOp("*", y, ex.Call("log", (p,))),), pick.kwargs)
                return ex.Transpose(out) if row else out
        return ex.rebuild(k, walk)

    return walk(n)


def _probabilities(d: ex.Node | None, defs: dict[str, ex.Node]) -> bool:
    """Whether ``d`` defines probabilities with no entry 0: ``softmax(…)``, or a softmax written
    out, exponentials over something (D2L's ``X_exp / partition``, ``np.exp(s) / np.sum(…)``)."""
    if isinstance(d, ex.Call) and d.func == "softmax":
        return True
    if not (isinstance(d, ex.BinOp) and d.op == "/"):
        return False
    top = d.left
    if isinstance(top, ex.Name):
        top = defs.get(top.id)
    return isinstance(top, ex.Call) and top.func == "exp"


def _nodes(n: ex.Node):
    """Every node of the tree ``n`` (keyword values included)."""
    yield n
    for k in ex.children(n):
        yield from _nodes(k)


def _calls(n: ex.Node):
    """Every call in the tree ``n``."""
    if isinstance(n, ex.Call):
        yield n
    for k in _children(n) + ([n.left, n.right] if isinstance(n, ex.BinOp) else []):
        yield from _calls(k)


def _children(n: ex.Node) -> list[ex.Node]:
    if isinstance(n, ex.Call):
        return list(n.args)
    for attr in ("operand", "base"):
        if hasattr(n, attr):
            return [getattr(n, attr)]
    return []


class _Shapes:
    """Shape inference over an expression tree, with messages naming both shapes."""

    def __init__(
        self, v: _Validator, where: str, shapes: dict[str, Shape], constants, dims=None
    ) -> None:
        self.v, self.where, self.shapes, self.constants = v, where, shapes, constants
        self.dims: dict[str, int] = dims or {}

    def fail(self, message: str, fix: str) -> SpecError:
        return self.v.err(self.where, message, fix)

    def infer(self, n: ex.Node) -> Shape:
        if isinstance(n, ex.Num):
            return ()
        if isinstance(n, ex.Name):
            if n.id not in self.shapes:
                known = ", ".join(self.shapes)
                raise self.fail(
                    catalog.said("spec.undefined", name=n.id),
                    catalog.said("spec.undefined_fix", known=known),
                )
            return self.shapes[n.id]
        if isinstance(n, ex.Neg):
            return self.infer(n.operand)
        if isinstance(n, ex.Pow):
            return self.infer(n.base)
        if isinstance(n, ex.Transpose):
            s = self.infer(n.operand)
            return (s[1], s[0]) if s else s
        if isinstance(n, ex.BinOp):
            a, b = self.infer(n.left), self.infer(n.right)
            if n.op == "@":
                if not a or not b:
                    raise self.fail(
                        catalog.said("spec.matmul_scalar"), catalog.said("spec.matmul_scalar_fix")
                    )
                if a[1] != b[0]:
                    raise self.fail(
                        catalog.said("spec.matmul_shapes", a=a, b=b, inner_a=a[1], inner_b=b[0]),
                        catalog.said("spec.matmul_shapes_fix"),
                    )
                return (a[0], b[1])
            return self.broadcast(a, b, n.op)
        if isinstance(n, ex.Call):
            return self.call(n)
        raise self.fail(
            catalog.said("spec.node_not_allowed", kind=type(n).__name__),
            catalog.said("spec.remove_it"),
        )

    def broadcast(self, a: Shape, b: Shape, op: str) -> Shape:
        if not a:
            return b
        if not b:
            return a
        out = []
        for x, y in zip(a, b, strict=True):
            if x != y and 1 not in (x, y):
                row_of_rows = any(
                    int(r[0]) == 1 and int(r[1]) == int(m[0]) != 1 for r, m in ((a, b), (b, a))
                )
                raise self.fail(
                    catalog.said("spec.broadcast", op=op, a=a, b=b),
                    catalog.said("spec.broadcast_fix" + ("_rows" if row_of_rows else "")),
                )
            out.append(max(x, y))
        return tuple(out)

    def call(self, n: ex.Call) -> Shape:
        shapes = [self.infer(a) for a in n.args]
        if ops.get(n.func).kind == ops.SLICE:
            return self.slice(n, shapes[0])
        if ops.get(n.func).kind == ops.RESHAPE:
            return self.reshaped(shapes[0], n)
        if ops.get(n.func).kind == ops.CORR2D:
            return self.corr2d_cv42(n, shapes)
        if ops.get(n.func).kind == ops.ROT180:
            return shapes[0]
        op = ops.get(n.func)
        if op.kind == ops.DILATE or op.kind == ops.POOL2D and op.extra["what"] in ("up", "mask", "route", "spread"):
            # conv43: a gradient's piece, not a layer
            raise self.fail(catalog.said("spec.conv43.formula_only", f=n.func), catalog.said("spec.conv43.formula_only_fix"))
        if op.kind == ops.POOL2D:  # conv43: k × k windows side by side, the sizes multiples of k
            k = ops.pool_k(n)
            extra = [*n.args[1:], *(v for key, v in n.kwargs if key in ("k", "stride", "kw", "sw"))]
            # pool46: padding, ceil and count_pad may be 0
            extra0 = [v for key, v in n.kwargs if key not in ("k", "stride", "kw", "sw")]
            if len(shapes[0]) != 2 or any(not (isinstance(v, ex.Num) and v.value.denominator == 1 and v.value >= 1) for v in extra) or any(
                not (isinstance(v, ex.Num) and v.value.denominator == 1 and v.value >= 0) for v in extra0
            ):
                raise self.fail(
                    catalog.said("spec.conv43.pool", text=n.func + "()", what=f"{len(shapes[0])}-D"),
                    catalog.said("spec.conv43.pool_fix"),
                )
            stride = ops.pool_s(n)  # conv44: windows stride apart (overlapping when < k)
            geom = ops.pool_geom(n)
            if not geom.plain:  # pool46: padded, cut or rectangular windows over a map of known size
                try:
                    a, b = (int(d) for d in shapes[0])
                    return (ops.pool_extent(a, geom.kh, geom.sh, geom.pt, geom.pb, geom.ceil),
                            ops.pool_extent(b, geom.kw, geom.sw, geom.pl, geom.pr, geom.ceil))
                except (TypeError, ValueError):
                    raise self.fail(
                        catalog.said("spec.conv43.pool", text=n.func + "()", what=f"{list(shapes[0])}"),
                        catalog.said("spec.conv43.pool_fix"),
                    ) from None
            try:
                return tuple(pool_size(d, k, stride, self.dims) for d in shapes[0])
            except ValueError:
                if stride != k:
                    raise self.fail(
                        catalog.said("spec.conv44.pool_stride", f=n.func, a=list(shapes[0]), k=k, s=stride),
                        catalog.said("spec.conv44.pool_stride_fix", k=k, s=stride),
                    ) from None
                raise self.fail(
                    catalog.said("spec.conv43.pool_sizes", f=n.func, a=list(shapes[0]), k=k),
                    catalog.said("spec.conv43.pool_sizes_fix", k=k),
                ) from None
        for key, value in n.kwargs:
            if not isinstance(value, ex.Num) and not (
                isinstance(value, ex.Name) and value.id in self.constants
            ):
                raise self.fail(
                    catalog.said("spec.kwarg_number", f=n.func, key=key),
                    catalog.said("spec.kwarg_number_fix", key=key),
                )
        op = ops.get(n.func)
        if op.kind == ops.CONCAT:
            return self.concat(n, shapes)
        if op.kind == ops.BINARY:  # atan2(y, x): entry by entry, broadcast as y + x is
            return self.broadcast(shapes[0], shapes[1], n.func)
        for extra in n.args[1:] if op.kind in (ops.ELEMENTWISE, ops.ROWWISE) else ():
            if not isinstance(extra, ex.Num) and not (
                isinstance(extra, ex.Name) and extra.id in self.constants
            ):
                said = (
                    catalog.said("spec.param_number", f=n.func, param=op.params[0][0])
                    if op.params
                    else catalog.said("spec.param_number_plain", f=n.func)
                )
                raise self.fail(said, catalog.said("spec.param_number_fix", f=n.func))
        if op.kind == ops.ROWWISE and not shapes[0]:
            raise self.fail(
                catalog.said("spec.rowwise_matrix", f=n.func),
                catalog.said("spec.rowwise_matrix_fix"),
            )
        if op.kind in (ops.ELEMENTWISE, ops.ROWWISE):
            return shapes[0]
        if op.kind == ops.REDUCTION:
            axis = n.kwarg("axis")
            if axis is None:
                return ()
            if not (isinstance(axis, ex.Num) and axis.value in (0, 1)) or not shapes[0]:
                raise self.fail(
                    catalog.said("spec.axis", f=n.func), catalog.said("spec.axis_fix", f=n.func)
                )
            r, c = shapes[0]
            return (1, c) if axis.value == 0 else (r, 1)
        a, b = shapes[0], shapes[1]
        column = len(a) == 2 and len(b) == 2 and int(b[1]) == 1 and int(a[1]) > 1
        if n.func in ("cross_entropy", "nll_loss") and column and int(a[0]) == int(b[0]):
            # heldnets43: class indices given as a column [N, 1] (Paddle's and Keras' layout)
            raise self.fail(
                catalog.said("spec.heldnets43.label_column", f=n.func, a=a, b=b),
                catalog.said("spec.heldnets43.label_column_fix", f=n.func),
            )
        if a != b and {a, b} != {(), (1, 1)}:
            raise self.fail(
                catalog.said("spec.loss_shapes", f=n.func, a=a, b=b),
                catalog.said("spec.loss_shapes_fix"),
            )
        return ()

    def concat(self, n: ex.Call, shapes: list[Shape]) -> Shape:
        """``concat(A, B, …, axis=k)``: matrices whose other size agrees; the sizes along ``k``
        add (the result's size is a number; a tensor it meets may declare it by a [dims] name)."""
        axis = n.kwarg("axis")
        k = 0 if axis is None else axis.value if isinstance(axis, ex.Num) else None
        if k not in (0, 1):
            raise self.fail(catalog.said("spec.concat_axis"), catalog.said("spec.concat_axis_fix"))
        if any(len(s) != 2 for s in shapes):
            raise self.fail(
                catalog.said("spec.concat_matrices"), catalog.said("spec.concat_matrices_fix")
            )
        other = 1 - int(k)
        if len({s[other] for s in shapes}) > 1:
            raise self.fail(
                catalog.said(
                    "spec.concat_rows" if other == 0 else "spec.concat_columns",
                    k=k,
                    shapes=", ".join(str(tuple(s)) for s in shapes),
                ),
                catalog.said("spec.concat_size_fix"),
            )
        size = sum_size([s[int(k)] for s in shapes], self.dims)
        return (size, shapes[0][1]) if k == 0 else (shapes[0][0], size)

    def reshaped(self, shape: Shape, n: ex.Call) -> Shape:
        """``reshaped(A, r, c)`` (``A.view(r, c)``, row by row): sizes that hold A's entries."""
        have = tuple(shape) if len(shape) == 2 else (1, shape[0]) if shape else (1, 1)
        try:
            return reshape_sizes(n, have, self.dims)  # type: ignore[arg-type]
        except ValueError as err:
            raise self.fail(_spoken(err), catalog.said("spec.reshape41.sizes_fix")) from None

    def corr2d_cv42(self, n: ex.Call, shapes: list[Shape]) -> Shape:
        """``correlate2d(X, K)`` / ``convolve2d(X, K)`` ('valid', stride 1): two matrices, or two
        1-D signals, the kernel no larger than the image; the result's sizes ``H - kh + 1`` keep
        their [dims] names."""
        a, b = shapes
        full = bool(ops.get(n.func).extra.get("full"))
        numbers = all(isinstance(v, ex.Num) and v.value.denominator == 1 and v.value >= 0 and key != "same" for key, v in n.kwargs)
        if len(a) != len(b) or len(a) not in (1, 2) or full and n.kwargs or not numbers:
            raise self.fail(
                catalog.said("spec.conv42.operands", f=n.func, a=list(a), b=list(b)),
                catalog.said("spec.conv42.operands_fix"),
            )
        stride, pad = ops.corr_opts(n)  # conv43: windows stride apart, pad zeros on each side
        if stride < 1 or pad and (len(a) == 1 or any(pad > int(k) - 1 for k in b)):
            raise self.fail(
                catalog.said("spec.conv43.padding", f=n.func, p=pad, b=list(b)),
                catalog.said("spec.conv43.padding_fix"),
            )
        sizes = []
        for x, k in zip(a, b, strict=True):
            if int(k) > int(x) + 2 * pad and not full or int(k) < 1:
                raise self.fail(
                    catalog.said("spec.conv42.kernel_larger", f=n.func, a=list(a), b=list(b)),
                    catalog.said("spec.conv42.operands_fix"),
                )
            try:
                sizes.append(corr_size(x, k, full, self.dims, stride, pad))
            except ValueError:
                raise self.fail(
                    catalog.said("spec.conv43.stride", f=n.func, s=stride, p=pad, a=list(a), b=list(b)),
                    catalog.said("spec.conv43.stride_fix"),
                ) from None
        return tuple(sizes)

    def slice(self, n: ex.Call, shape: Shape) -> Shape:
        """``A[:, lo:hi]`` (``slice(A, start=lo, stop=hi, axis=1)``): the block's bounds are whole
        numbers or + - * // of [dims] names, inside the tensor, not empty."""
        if len(shape) != 2:
            raise self.fail(
                catalog.said("spec.slice_matrix"), catalog.said("spec.slice_matrix_fix")
            )
        k = int(n.kwarg("axis").value)  # type: ignore[union-attr]
        try:
            lo, hi = slice_bounds(n, shape[k], self.dims)
        except ValueError as err:
            what = catalog.said("spec.rows" if k == 0 else "spec.columns")
            raise self.fail(
                _spoken(err),
                catalog.said("spec.read.slice_2_fix", x=shape[k], what=what),
            ) from None
        size = block_size(lo, hi, self.dims)
        return (size, shape[1]) if k == 0 else (shape[0], size)


# ---- slices: bounds as polynomials in the [dims] names ------------------------------------------

Poly = dict[tuple[str, ...], int]  # monomial (sorted [dims] names) → whole coefficient


def _poly(n: ex.Node, dims: dict[str, int]) -> Poly:
    """A slice bound as a polynomial; ``ValueError`` names what is not allowed."""
    if isinstance(n, ex.Num):
        if n.value.denominator != 1:
            raise Refused(catalog.said("spec.more.bound_whole", value=f"{float(n.value):g}"))
        return {(): int(n.value)} if n.value else {}
    if isinstance(n, ex.Name):
        if n.id not in dims:
            raise Refused(catalog.said("spec.more.bound_name", name=n.id))
        return {(n.id,): 1}
    if isinstance(n, ex.Neg):
        return {m: -c for m, c in _poly(n.operand, dims).items()}
    if isinstance(n, ex.BinOp) and n.op in "+-*":
        a, b = _poly(n.left, dims), _poly(n.right, dims)
        if n.op == "*":
            out: Poly = {}
            for ma, ca in a.items():
                for mb, cb in b.items():
                    m = tuple(sorted(ma + mb))
                    out[m] = out.get(m, 0) + ca * cb
        else:
            out = dict(a)
            for m, c in b.items():
                out[m] = out.get(m, 0) + (c if n.op == "+" else -c)
        return {m: c for m, c in out.items() if c}
    raise Refused(catalog.said("spec.more.bound_form"))


def _size_poly(d: int) -> Poly:
    """A declared size as a polynomial (a [dims] name, a size expression or a number)."""
    if isinstance(d, Dim):
        return {(d.label,): 1}
    if isinstance(d, SizeExpr):
        return _poly(ex.parse(d.text), dict(d.env))
    return {(): int(d)} if int(d) else {}


def _poly_value(p: Poly, dims: dict[str, int]) -> int:
    total = 0
    for m, c in p.items():
        for name in m:
            c *= dims[name]
        total += c
    return total


def _poly_text(p: Poly) -> str:
    """``2*h``, ``d + h``, ``4*h - 1``: positive terms first, so the text is a size expression."""
    terms = sorted(p.items(), key=lambda t: (t[1] < 0, -len(t[0]), t[0]))
    out = ""
    for m, c in terms:
        body = "*".join(m)
        mag = abs(c)
        word = body if (mag == 1 and body) else f"{mag}*{body}" if body else str(mag)
        if not out:
            out = word if c > 0 else f"0 - {word}"
        else:
            out = f"{out} {'+' if c > 0 else '-'} {word}"
    return out or "0"


def _as_size(p: Poly, dims: dict[str, int]) -> int:
    """A [dims] name (:class:`Dim`), a size expression (:class:`SizeExpr`) or a number."""
    value = _poly_value(p, dims)
    names = sorted({n for m in p for n in m})
    if not names:
        return value
    if len(p) == 1 and next(iter(p.items())) == ((names[0],), 1):
        return Dim(value, names[0])
    return SizeExpr(value, _poly_text(p), tuple((k, dims[k]) for k in names))


def slice_bounds(n: ex.Call, full: int, dims: dict[str, int]) -> tuple[int, int]:
    """``(lo, hi)`` of ``slice(A, start, stop, axis)`` along an axis of ``full`` entries, as
    sizes that keep their [dims] names (recomputed at other sizes); a negative bound counts from
    the end, as in NumPy. ``ValueError`` when a bound is outside, reversed or not a size."""
    total = _size_poly(full)
    dims = {**dims, **{k: v for d in (full,) for k, v in getattr(d, "env", ())}}
    if isinstance(full, Dim):
        dims.setdefault(full.label, int(full))
    out = []
    for key, default in (("start", {}), ("stop", total)):
        node = n.kwarg(key)
        p = default if node is None else _poly(node, dims)
        value = _poly_value(p, dims)
        if value < 0:  # from the end
            p = {m: total.get(m, 0) + p.get(m, 0) for m in {*total, *p}}
            p = {m: c for m, c in p.items() if c}
            value = _poly_value(p, dims)
        if not 0 <= value <= int(full):
            raise Refused(
                catalog.said("spec.more.bound_outside", key=key, value=value, full=int(full))
            )
        out.append(p)
    lo, hi = (_poly_value(p, dims) for p in out)
    if hi <= lo:
        raise Refused(catalog.said("spec.more.slice_empty", lo=lo, hi=hi))
    return _as_size(out[0], dims), _as_size(out[1], dims)


def reshape_sizes(n: ex.Call, shape: tuple[int, int], dims: dict[str, int]) -> tuple[int, int]:
    """``(rows, cols)`` of ``reshaped(A, rows=r, cols=c)`` of an ``A`` of ``shape``: each a size
    that keeps its [dims] names (``n``, ``B*P``), so the reshape moves with the sizes; ``-1``
    is what the other leaves of A's entries (``B*P`` entries in ``B`` rows: ``P``), by the sizes'
    names where the division is exact for every size, else the number. ``Refused`` when the
    sizes do not hold A's entries (NumPy's and PyTorch's error)."""
    env = {**dims}
    for d in shape:
        if isinstance(d, Dim):
            env.setdefault(d.label, int(d))
        env.update(dict(getattr(d, "env", ())))
    total: Poly = {}
    for ma, ca in _size_poly(shape[0]).items():
        for mb, cb in _size_poly(shape[1]).items():
            m = tuple(sorted(ma + mb))
            total[m] = total.get(m, 0) + ca * cb
    entries = int(shape[0]) * int(shape[1])
    asked = [n.kwarg("rows"), n.kwarg("cols")]
    polys: list[Poly | None] = [
        None if node is None or node in (ex.Num(-1), ex.Neg(ex.Num(1))) else _poly(node, env)
        for node in asked
    ]
    values = [None if p is None else _poly_value(p, env) for p in polys]
    if values.count(None) == 2 or any(v is not None and v <= 0 for v in values):
        raise Refused(catalog.said("spec.reshape41.sizes", n=entries, r=str(values[0]), c=str(values[1])))
    for k in (0, 1):
        if polys[k] is None:
            other = values[1 - k]
            if other is None or entries % other:
                raise Refused(catalog.said("spec.reshape41.sizes", n=entries, r=str(values[0] or -1), c=str(values[1] or -1)))
            polys[k] = _quotient(total, polys[1 - k]) or {(): entries // other}  # type: ignore[arg-type]
            values[k] = entries // other
    if values[0] * values[1] != entries:  # type: ignore[operator]
        raise Refused(catalog.said("spec.reshape41.sizes", n=entries, r=str(values[0]), c=str(values[1])))
    return tuple(_reshape_size(p, shape, total, env) for p in polys)  # type: ignore[return-value,arg-type]


def _reshape_size(p: Poly, shape: tuple[int, int], total: Poly, env: dict[str, int]) -> int:
    """One size of a reshape: one of the argument's own sizes where it is that (its text as
    declared), all of its entries as the product of its sizes as written (``n_q * n_docs``),
    else the polynomial's size."""
    for d in shape:
        if _size_poly(d) == p:
            return d
    names = [d for d in shape if _size_poly(d) != {(): 1}]
    if p == total and len(names) == 2 and all(isinstance(d, Dim | SizeExpr) for d in names):
        codes = [d.label if isinstance(d, Dim) else d.text for d in names]
        codes = [c if c.isidentifier() or " " not in c else f"({c})" for c in codes]
        used = sorted({n for m in p for n in m})
        return SizeExpr(int(shape[0]) * int(shape[1]), " * ".join(codes), tuple((k, env[k]) for k in used))
    return _as_size(p, env)


def _quotient(total: Poly, by: Poly) -> Poly | None:
    """``total / by`` as a polynomial of the sizes' names with whole coefficients, where that
    division is exact as polynomials (so at every size); else ``None``."""
    import sympy as sp  # noqa: PLC0415 - only a reshape's -1 needs it

    def expr(p: Poly) -> sp.Expr:
        return sp.Add(*(c * sp.Mul(*(sp.Symbol(k) for k in m)) for m, c in p.items()))

    q = sp.cancel(expr(total) / expr(by)) if by else None
    if q is None or not q.is_polynomial() or sp.denom(q) != 1:
        return None
    out: Poly = {}
    for term in sp.Add.make_args(sp.expand(q)):
        c, rest = term.as_coeff_Mul()
        if not c.is_Integer:
            return None
        names: list[str] = []
        for f in sp.Mul.make_args(rest):
            if f == 1:
                continue
            base, e = f.as_base_exp()
            if not (base.is_Symbol and e.is_Integer and e > 0):
                return None
            names += [base.name] * int(e)
        m = tuple(sorted(names))
        out[m] = out.get(m, 0) + int(c)
    return {m: c for m, c in out.items() if c}


def sum_size(sizes: list[int], dims: dict[str, int]) -> int:
    """The sizes of blocks set side by side (a concat), as a size that keeps its [dims] names:
    ``h[:, :2]`` and ``h[:, 2:]`` of a ``C``-column ``h`` make ``C`` again, ``d`` and ``h``
    make ``d + h`` — so a slice of the result moves with the sizes (an open ``[:, 2:]``)."""
    p: Poly = {}
    env = {**dims}
    for d in sizes:
        for m, c in _size_poly(d).items():
            p[m] = p.get(m, 0) + c
        if isinstance(d, Dim):
            env[d.label] = int(d)
        env.update(dict(getattr(d, "env", ())))
    return _as_size({m: c for m, c in p.items() if c}, env)


def corr_size(x: int, k: int, full: bool, dims: dict[str, int], stride: int = 1, pad: int = 0) -> int:
    """conv42: the size of a stride-1 correlation along one axis of ``x`` entries with a kernel
    of ``k``: ``x − k + 1`` ('valid') or ``x + k − 1`` ('full'), keeping the [dims] names.
    conv43: ``pad`` more zeros on each side (a 'full' one's ``crop`` is a negative ``pad``) and a
    ``stride``: ``(x + 2·pad − k)/stride + 1``; ``ValueError`` where the stride does not divide
    ``x + 2·pad − k`` exactly (for every value of the [dims] names)."""
    p = _size_poly(x)
    for m, c in _size_poly(k).items():
        p[m] = p.get(m, 0) + (c if full else -c)
    p[()] = p.get((), 0) + (-2 if full else 0) + 2 * pad
    if any(c % stride for c in p.values()):
        raise ValueError(f"{stride}")
    p = {m: c // stride for m, c in p.items()}
    p[()] = p.get((), 0) + 1
    p = {m: c for m, c in p.items() if c}
    env = {**dims}
    for d in (x, k):
        if isinstance(d, Dim):
            env[d.label] = int(d)
        env.update(dict(getattr(d, "env", ())))
    return _as_size(p, env)


def pool_size(x: int, k: int, stride: int, dims: dict[str, int] | None = None) -> int:
    """conv43/44: the size of a pooling's output along an axis of ``x`` entries (windows of
    ``k``, ``stride`` apart), keeping the [dims] names (:func:`corr_size`). conv45: an axis
    whose size is a [dims] name (H) that the windows split only at some of its values
    (``A.reshape(H // 2, 2, W // 2, 2)``): the output size as a number where the size's value
    splits exactly, as a declared size ``"H // 2"`` is read; ``ValueError`` otherwise."""
    try:
        return corr_size(x, k, False, dims or {}, stride)
    except ValueError:
        if not isinstance(x, (Dim, SizeExpr)) or int(x) < k or (int(x) - k) % stride:
            raise
        return (int(x) - k) // stride + 1


def scaled_size(x: int, k: int) -> int:
    """conv43: ``k·x``, an upsampled axis, keeping the [dims] names."""
    p = {m: c * k for m, c in _size_poly(x).items()}
    return _as_size(p, dict(getattr(x, "env", ())) | ({x.label: int(x)} if isinstance(x, Dim) else {}))


def dilated_size(x: int, stride: int) -> int:
    """conv43: ``stride·(x − 1) + 1``, the size of ``x`` entries with stride − 1 zeros between
    neighbours, keeping the [dims] names."""
    p = {m: c * stride for m, c in _size_poly(x).items()}
    p[()] = p.get((), 0) - stride + 1
    p = {m: c for m, c in p.items() if c}
    return _as_size(p, dict(getattr(x, "env", ())) | ({x.label: int(x)} if isinstance(x, Dim) else {}))


def block_size(lo: int, hi: int, dims: dict[str, int]) -> int:
    """``hi − lo`` as a size that keeps its [dims] names (``2*h − h`` is ``h``)."""
    p = _size_poly(hi)
    for m, c in _size_poly(lo).items():
        p[m] = p.get(m, 0) - c
    p = {m: c for m, c in p.items() if c}
    env = {**dims}
    for d in (lo, hi):
        if isinstance(d, Dim):
            env[d.label] = int(d)
        env.update(dict(getattr(d, "env", ())))
    return _as_size(p, env)


def _read_as_numbers_s26(key: str, fwd: Mapping[str, Any]) -> bool:
    """The [forward] line ``key`` is read by another line, and every line that reads it reads
    it outside an index and outside a call that reads class indices (a loss, one_hot, gather …):
    its integers are then numbers in arithmetic, as a ramp (spellings26)."""
    used = False
    for other, text in fwd.items():
        if other == key or not isinstance(text, str) or key not in text:
            continue
        tree = spelling.parsed(text)
        if tree is None:
            return False
        names = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == key]
        if not names:
            continue
        used = True
        indexing = _indexing_ids(tree)
        if any(id(n) in indexing for n in names):
            return False
    return used




def _module_of_hn38(node: ast.AST) -> bool:
    """Whether ``node`` names an array library (``torch``, ``np``, ``jnp``), not a tensor."""
    return isinstance(node, ast.Name) and node.id in ("torch", "np", "numpy", "jnp")


def _unfold_of_hn38(node: ast.AST | None) -> tuple[ast.expr, int | None, ast.expr, int | None] | None:
    """``(x, dim, size, step)`` of PyTorch's ``x.unfold(dim, size, step)`` (the sliding windows
    of ``x`` along ``dim``; keywords ``dimension=``, ``size=``, ``step=``), else ``None``."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "unfold"
        and not _module_of_hn38(node.func.value)
        and not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("F", "nn"))
    ):
        return None
    kw = {k.arg: k.value for k in node.keywords}
    bound = dict(zip(("dimension", "size", "step"), node.args)) | kw
    if len(node.args) + len(kw) != 3 or set(bound) != {"dimension", "size", "step"}:
        return None
    return node.func.value, ex.int_index(bound["dimension"]), bound["size"], ex.int_index(
        bound["step"]
    )


def _row_lookups_hn39(
    text: str,
    shapes: Mapping[str, Any],
    one_d: Collection[str],
    labels: Collection[str],
    inputs: Collection[str],
) -> str:
    """heldnets39: ``x[idx, :]`` of a matrix ``x`` by name (not in ``one_d``: NumPy refuses
    two indices of a 1-D array) and a 1-D input ``idx`` (in
    ``labels``: 1-D, or read as class labels already; mixup's ``x[index, :]``) is NumPy's and
    PyTorch's ``x[idx]``, the rows at those indices: written so, where the lookup ``E[y]`` is
    read."""
    if ", :]" not in text.replace(" ", "").replace(",:]", ", :]"):
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text

    def row(child: ast.AST) -> ast.expr | None:
        if not (isinstance(child, ast.Subscript) and isinstance(child.value, ast.Name)):
            return None
        parts = child.slice.elts if isinstance(child.slice, ast.Tuple) else []
        if len(parts) != 2 or not isinstance(parts[0], ast.Name):
            return None
        bare = isinstance(parts[1], ast.Slice) and parts[1].lower is None
        if not bare or parts[1].upper is not None or parts[1].step is not None:
            return None
        table, y = child.value.id, parts[0].id
        shape = shapes.get(table)
        if y not in inputs or y not in labels or table in one_d or shape is None or len(shape) != 2:
            return None
        return ast.copy_location(ast.Subscript(child.value, parts[0], ast.Load()), child)

    return _replaced(text, tree, row)


def _inlined_hn36(text: str, lines: Mapping[str, str], calls_only: bool = False) -> str:
    """``text`` with each name of ``lines`` replaced by its line's expression (heldnets36: an
    index line, ``labels = "torch.arange(n)"``, read where it is used; heldnets39, ``calls_only``:
    a function line, ``criterion = "nn.HuberLoss()"``, where it is called)."""
    if not lines or not any(k in text for k in lines):
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text
    funcs = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}

    def inline(child: ast.AST) -> ast.expr | None:
        called = id(child) in funcs or not calls_only
        if isinstance(child, ast.Name) and child.id in lines and called:
            made = spelling.parsed(lines[child.id])
            return made.body if isinstance(made, ast.Expression) else None
        return None

    return _replaced(text, tree, inline)


def _indexing_ids(tree: ast.AST) -> set[int]:
    """The ids of the nodes of ``tree`` inside an index (``P[np.arange(N), y]``) or inside a call
    that reads class indices or positions (:func:`_takes_indices_hn25`)."""
    return {
        id(n) for sub in ast.walk(tree) if isinstance(sub, ast.Subscript)
        for n in ast.walk(sub.slice)
    } | {
        id(n) for call in ast.walk(tree) if _takes_indices_hn25(call)
        for a in [*call.args, *(k.value for k in call.keywords)] for n in ast.walk(a)
    }


def _takes_indices_hn25(node: ast.AST) -> bool:
    """``node`` is a call that may read integers as class indices or positions (a loss, one_hot,
    gather, an embedding …): an arange inside it keeps PyTorch's integer meaning."""
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
    return (
        "loss" in name.lower() or "entropy" in name.lower() or name in _INDEX_READERS_HN25
    )


_INDEX_READERS_HN25 = frozenset({
    "one_hot", "gather", "take_along_axis", "take", "index_select", "embedding", "scatter",
    "scatter_add", "index_add", "bincount", "CrossEntropyLoss", "NLLLoss",
})


def _r_joins_hn32(text: str) -> str:
    """heldnets32: NumPy's ``np.r_[a, b, …]`` (``jnp.r_``) of arrays joins them along their
    first axis — Ng's ex4 unrolling ``np.r_[Theta1.ravel(), Theta2.ravel()]`` — as
    ``np.concatenate((a, b, …))`` does; one part is itself. Its other uses (a slice
    ``np.r_[0:3]``, a number, a string directive) are left for the parser to refuse naming them."""
    if "r_[" not in text:
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text

    def made(n: ast.AST) -> ast.expr | None:
        if not (
            isinstance(n, ast.Subscript)
            and isinstance(n.value, ast.Attribute)
            and n.value.attr == "r_"
            and ex.module_of(n.value.value) in ("np", "numpy", "jnp")
        ):
            return None
        parts = list(n.slice.elts) if isinstance(n.slice, ast.Tuple) else [n.slice]
        if any(isinstance(p, ast.Slice | ast.Starred | ast.Constant) for p in parts):
            return None
        if len(parts) == 1:
            return parts[0]
        join = ast.Attribute(n.value.value, "concatenate", ast.Load())
        return ast.Call(join, [ast.Tuple(parts, ast.Load())], [])

    return _replaced(text, tree, made)


def _data_detached_hn33(text: str) -> str:
    """heldnets33: pre-0.4 PyTorch's ``x.data`` (a DQN target ``q_next.data.max(1)[0]``, a
    frozen layer's ``h.data``) is the tensor's values outside autograd's graph, as
    ``x.detach()``: read so (then a stop-gradient as every detach). A module's attribute is
    left as it is."""
    if ".data" not in text:
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}

    def made(n: ast.AST) -> ast.expr | None:
        if not (isinstance(n, ast.Attribute) and n.attr == "data" and id(n) not in called):
            return None
        if spelling.module_of(n.value):
            return None
        return ast.Call(ast.Attribute(n.value, "detach", ast.Load()), [], [])

    return _replaced(text, tree, made)


def _row_picks_hn33(text: str, shapes) -> str:
    """heldnets33: rows of a matrix picked by whole numbers — word2vec's negatives
    ``torch.index_select(W_out, 0, torch.tensor([1, 2, 5]))``, ``W.index_select(0, idx)``,
    ``np.take(W, idx, axis=0)`` (``jnp.take``), ``tf.gather(W, idx)`` (axis 0), NumPy's/PyTorch's
    ``W[[1, 2, 5]]`` (``W[[1, 2], :]``) — are ``W[idx]``, the lookup of rows an integer tensor
    already reads (a list of numbers becomes ``np.array([...])``, the literal made an input).
    Only a named matrix of known size, indices whole numbers in range (or an index tensor as
    written); another axis is left for the parser to refuse as before."""
    if not any(w in text for w in ("index_select", "take", "gather", "[[")):
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text

    def rows(x: ast.expr) -> int | None:
        if not isinstance(x, ast.Name):
            return None
        size = ex._ast_shape(x, shapes)
        return size[0] if size is not None and size[0] > 1 else None

    def index(idx: ast.expr, n: int) -> ast.expr | None:
        if isinstance(idx, ast.List):
            if not idx.elts or not all(
                isinstance(e, ast.Constant) and type(e.value) is int and 0 <= e.value < n
                for e in idx.elts
            ):
                return None
            return ast.Call(
                ast.Attribute(ast.Name("np", ast.Load()), "array", ast.Load()), [idx], []
            )
        return idx if isinstance(idx, ast.Call | ast.Name) else None

    def axis_zero(given: ast.expr | None, n_axes: int = 2) -> bool:
        k = ex.int_index(given) if given is not None else 0
        return k in (0, -n_axes)

    def made(node: ast.AST) -> ast.expr | None:
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            sl = node.slice
            if isinstance(sl, ast.Tuple) and len(sl.elts) == 2:
                rest = sl.elts[1]
                if not (isinstance(rest, ast.Slice) and rest.lower is rest.upper is rest.step is None):
                    return None
                sl = sl.elts[0]
            n = rows(node.value)
            if not isinstance(sl, ast.List) or n is None:
                return None
            picked = index(sl, n)
            return None if picked is None else ast.Subscript(node.value, picked, ast.Load())
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            return None
        f, mod = node.func, ex.module_of(node.func.value)
        kw = {k.arg: k.value for k in node.keywords}
        if f.attr == "index_select" and not mod:  # W.index_select(0, idx)
            x, rest, names = f.value, list(node.args), ("dim", "index")
        elif f.attr == "index_select" and mod in ("torch",):
            x, rest, names = (node.args[0] if node.args else kw.get("input")), list(node.args[1:]), ("dim", "index")
        elif f.attr == "take" and mod in ("np", "numpy", "jnp"):
            x, rest, names = (node.args[0] if node.args else kw.get("a")), list(node.args[1:]), ("indices", "axis")
        elif f.attr == "gather" and mod in ("tf",):
            if set(kw) - {"axis", "params", "indices"}:
                return None  # batch_dims: the pick of labels, read elsewhere
            x, rest, names = (node.args[0] if node.args else kw.get("params")), list(node.args[1:]), ("indices", "axis")
        else:
            return None
        if len(rest) > len(names) or set(kw) - {*names, "input", "a", "params"}:
            return None
        bound = dict(zip(names, rest, strict=False))
        bound.update({k: v for k, v in kw.items() if k in names})
        dim = bound.get("dim", bound.get("axis"))
        if f.attr == "take" and dim is None:
            x = None  # no axis: NumPy takes from the flattened array (refused below)
        idx = bound.get("index", bound.get("indices"))
        n = rows(x) if x is not None else None
        ok = n is not None and idx is not None and axis_zero(dim)
        picked = index(idx, n) if ok and (dim is not None or f.attr != "index_select") else None
        if picked is not None:
            return ast.Subscript(x, picked, ast.Load())
        if f.attr == "gather":
            return None  # tf.gather's other forms: the parser names them
        raise ex.ExprError(
            catalog.said("spec.heldnets33.row_pick", x=ast.unparse(node)), node.col_offset + 1
        )

    return _replaced(text, tree, made)


# max(dim)'s gradient at a tie goes to the index it returns, the first (fmax's); amax/amin share
# it evenly (torch.maximum's half to each of two parts)
_STACK_REDUCERS_HN32 = {"max": "fmax", "amax": "maximum", "min": "fmin", "amin": "minimum",
                       "sum": "+", "mean": "+"}


def _stack_reduced_hn32(text: str, shapes) -> str:
    """heldnets32: a reduction along the new axis of a stack — maxout's
    ``torch.stack([z1, z2]).max(dim=0).values``, ``np.max(np.stack([z1, z2]), axis=0)``,
    ``torch.amax(torch.stack(…), 0)``, ``.sum(0)``, ``.mean(0)`` — is entry by entry over the parts:
    ``torch.fmax``/``fmin`` in turn for max/min (PyTorch's gradient at a tie goes to the first
    maximal part, the index max(dim) returns, as fmax's does; ``amax``/``amin`` share it evenly,
    ``torch.maximum``/``minimum``), the parts' sum, or their mean.
    The parts' shapes must be known from the declared shapes and equal (``torch.stack`` raises
    otherwise, where the entry-by-entry form would broadcast). Other stacks (a 3-D tensor) are
    left for the parser to refuse as before."""
    if "stack" not in text:
        return text
    tree = spelling.parsed(text)
    if tree is None:
        return text

    def axis_zero(args: list[ast.expr], kws: list[ast.keyword], names: tuple[str, ...]) -> bool:
        if len(args) > 1 or any(k.arg not in names for k in kws) or len(args) + len(kws) > 1:
            return False
        given = args[0] if args else kws[0].value if kws else None
        return given is None and names == ("axis", "dim") or given is not None and ex.int_index(given) == 0

    def made(n: ast.AST) -> ast.expr | None:
        if isinstance(n, ast.Attribute) and n.attr == "values" or (
            isinstance(n, ast.Subscript) and ex.int_index(n.slice) == 0
        ):
            inner = n.value
            if not isinstance(inner, ast.Call) or reduced(inner) is None:
                return None
            return reduced(inner)
        return reduced(n) if isinstance(n, ast.Call) else None

    def reduced(n: ast.Call) -> ast.expr | None:
        f = n.func
        if not isinstance(f, ast.Attribute) or f.attr not in _STACK_REDUCERS_HN32:
            return None
        if ex.module_of(f.value):  # np.max(np.stack([…]), axis=0)
            stack, args = (n.args[0], list(n.args[1:])) if n.args else (None, [])
        else:  # torch.stack([…]).max(dim=0)
            stack, args = f.value, list(n.args)
        if not (
            isinstance(stack, ast.Call)
            and isinstance(stack.func, ast.Attribute)
            and stack.func.attr == "stack"
            and ex.module_of(stack.func.value)
            and stack.args
            and isinstance(stack.args[0], ast.List | ast.Tuple)
            and 2 <= len(stack.args[0].elts) <= 8
            and not any(isinstance(p, ast.Starred) for p in stack.args[0].elts)
        ):
            return None
        if not axis_zero(list(stack.args[1:]), stack.keywords, ("axis", "dim")):
            return None
        if not args and not n.keywords or not axis_zero(args, n.keywords, ("axis", "dim")):
            return None  # a reduction of everything, or along another axis: not entry by entry
        parts = list(stack.args[0].elts)
        sizes = {ex._ast_shape(p, shapes) for p in parts}
        if len(sizes) != 1 or None in sizes:
            return None
        how = _STACK_REDUCERS_HN32[f.attr]
        if how in ("maximum", "minimum") and len(parts) > 2:
            # amax shares a three-way tie in thirds, nested maximum does not: said, not the
            # parser's "stack() makes a new axis" (two parts, or max(dim=0), are read)
            raise ex.ExprError(catalog.said("spec.spelling.amax_stack", name=f.attr, k=len(parts)))
        out = parts[0]
        for p in parts[1:]:
            if how == "+":
                out = ast.BinOp(out, ast.Add(), p)
            else:
                call = ast.Attribute(ast.Name("torch", ast.Load()), how, ast.Load())
                out = ast.Call(call, [out, p], [])
        if f.attr == "mean":
            out = ast.BinOp(out, ast.Div(), ast.Constant(len(parts)))
        return out

    return _replaced(text, tree, made)


def _scalar_form_hn32(node: ast.AST, shapes, zero_d) -> bool:
    """heldnets32: ``node`` is one number by its form: numbers, names of 0-D tensors, constants
    and sizes (``shapes`` () ) or of lines that are one number (``zero_d``), and ``+ - * / **``
    of them."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float)
    if isinstance(node, ast.Name):
        return node.id in zero_d or node.id in shapes and len(shapes[node.id]) == 0
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return _scalar_form_hn32(node.operand, shapes, zero_d)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div | ast.Pow):
        return _scalar_form_hn32(node.left, shapes, zero_d) and _scalar_form_hn32(
            node.right, shapes, zero_d
        )
    return False


def _power_parts_hn30(node: ast.AST) -> tuple[ast.expr, ast.expr] | None:
    """(base, exponent) of ``a ** b``, ``np.power(a, b)`` / ``torch.pow`` / ``jnp.power`` /
    ``tf.pow`` / ``tf.math.pow``, or the method ``a.pow(b)``; else ``None``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        return node.left, node.right
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)) or node.keywords:
        return None
    f = node.func
    if f.attr not in ("power", "pow"):
        return None
    if ex.dialect_module_hn25(f.value) and len(node.args) == 2:
        return node.args[0], node.args[1]
    if not ex.dialect_module_hn25(f.value) and len(node.args) == 1:
        return f.value, node.args[0]
    return None


def _flattened_hn30(node: ast.AST) -> ast.expr | None:
    """``X`` of a flatten of it — ``X.ravel()``, ``X.flatten()``, ``X.reshape(-1)`` (``((-1,))``),
    ``X.view(-1)``, ``np.ravel(X)`` / ``torch.flatten(X)`` / ``jnp.ravel(X)``, ``tf.reshape(X,
    [-1])`` — else ``None``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)) or node.keywords:
        return None
    f, args = node.func, list(node.args)
    if ex.dialect_module_hn25(f.value):
        if f.attr in ("ravel", "flatten") and len(args) == 1:
            return args[0]
        if f.attr == "reshape" and len(args) == 2:
            x, rest = args[0], [args[1]]
        else:
            return None
    else:
        x, rest = f.value, args
        if f.attr in ("ravel", "flatten") and not rest:
            return x
        if f.attr not in ("reshape", "view"):
            return None
    size = rest[0].elts if len(rest) == 1 and isinstance(rest[0], ast.Tuple | ast.List) else rest
    if len(size) == 1 and ex._int_index(size[0]) == -1:
        return x
    return None


def _column_of_1d_hn30(node: ast.AST) -> ast.AST | None:
    """``v`` of a column made of it — ``v[:, None]``, ``v[:, np.newaxis]``, ``v.reshape(-1, 1)``
    (``((-1, 1))``), ``v.view(-1, 1)``, ``v.unsqueeze(1)`` / ``(-1)`` — else ``None``."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple):
        a, *rest = node.slice.elts
        b = rest[0] if len(rest) == 1 else None
        new = isinstance(b, ast.Constant) and b.value is None
        new = new or isinstance(b, ast.Attribute) and b.attr == "newaxis"
        if isinstance(a, ast.Slice) and a.lower is a.upper is a.step is None and new:
            return node.value
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.keywords:
        args = node.args[0].elts if len(node.args) == 1 and isinstance(node.args[0], ast.Tuple) else node.args
        vals = [ex._int_index(a) for a in args]
        if node.func.attr in ("reshape", "view") and vals == [-1, 1]:
            return node.func.value
        if node.func.attr == "unsqueeze" and vals in ([1], [-1]):
            return node.func.value
    return None


def _arange_of_row_hn30(node: ast.AST) -> ast.AST:
    """The ``arange(…)`` call inside a row made of it (``.reshape(1, -1)``, ``.reshape((1, -1))``,
    ``.view(1, -1)``, ``[None, :]``, ``[None]``, ``.unsqueeze(0)``, ``[np.newaxis, :]``) or the
    node itself: an arange is 1-D, which broadcasts as that row."""
    if isinstance(node, ast.Subscript):
        idx = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        new = [
            isinstance(k, ast.Constant) and k.value is None
            or isinstance(k, ast.Attribute) and k.attr == "newaxis"
            for k in idx
        ]
        if new[:1] == [True] and all(isinstance(k, ast.Slice) for k in idx[1:]) and len(idx) <= 2:
            return node.value
        return node
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.keywords:
        args = node.args[0].elts if len(node.args) == 1 and isinstance(node.args[0], ast.Tuple) else node.args
        vals = [ex._int_index(a) for a in args]
        if node.func.attr in ("reshape", "view") and vals == [1, -1]:
            return node.func.value
        if node.func.attr == "unsqueeze" and vals == [0]:
            return node.func.value
    return node


def _reshape_size_hn31(a: ast.expr, dims: dict[str, int]) -> int | None:
    """A reshape's size at the example: a whole number (``-1``), a [dims] name, or ``+ - *`` of
    them (``B * P``); else ``None``."""
    if isinstance(a, ast.Name):
        return dims.get(a.id)
    if isinstance(a, ast.BinOp) and isinstance(a.op, ast.Add | ast.Sub | ast.Mult):
        x, y = _reshape_size_hn31(a.left, dims), _reshape_size_hn31(a.right, dims)
        if x is None or y is None or x < 0 or y < 0:
            return None
        return x + y if isinstance(a.op, ast.Add) else x - y if isinstance(a.op, ast.Sub) else x * y
    return ex.int_index(a)


def _size_ast_r41(k: int) -> ast.expr:
    """A declared size as the text that recomputes it: its [dims] name, its size expression, or
    the number."""
    if isinstance(k, Dim):
        return ast.Name(k.label, ast.Load())
    if isinstance(k, SizeExpr):
        return ast.parse(k.text, mode="eval").body
    return ast.Constant(int(k))


def _stack_rows_hn31(e: ast.AST, r: int, c: int) -> ast.expr | None:
    """heldnets31: ``np.stack([p0, …, p_{rc−1}])`` (``torch.stack``, ``jnp.stack``; axis 0) of
    r·c parts reshaped to (r, c): row k is the stack of parts k·c … k·c + c − 1, written
    ``np.stack([np.stack(row_0), …])`` — each part once, not the whole stack r times."""
    if not (
        isinstance(e, ast.Call)
        and isinstance(e.func, ast.Attribute)
        and e.func.attr == "stack"
        and ex.module_of(e.func.value)
        and len(e.args) == 1
        and not e.keywords
        and isinstance(e.args[0], ast.List | ast.Tuple)
        and len(e.args[0].elts) == r * c
    ):
        return None
    parts = e.args[0].elts
    rows = [
        ast.Call(e.func, [ast.List(list(parts[k * c:(k + 1) * c]), ast.Load())], [])
        for k in range(r)
    ]
    return ast.Call(e.func, [ast.List(rows, ast.Load())], [])


# conv42: the spellings of a single-channel convolution (module, function) → (language op, the
# library's default mode); a 4-D result of F.conv2d stands as _CONV4_CV42(call, axes) until
# .squeeze() / [0, 0] / .view(h, w) takes its two leading axes away
_CONV_CV42 = {
    ("scipy.signal", "correlate2d"): ("correlate2d", "full"),
    ("signal", "correlate2d"): ("correlate2d", "full"),
    ("", "correlate2d"): ("correlate2d", "full"),
    ("scipy.signal", "convolve2d"): ("convolve2d", "full"),
    ("signal", "convolve2d"): ("convolve2d", "full"),
    ("", "convolve2d"): ("convolve2d", "full"),
    ("scipy.signal", "correlate"): ("correlate2d", "full"),
    ("signal", "correlate"): ("correlate2d", "full"),
    ("scipy.signal", "convolve"): ("convolve2d", "full"),
    ("signal", "convolve"): ("convolve2d", "full"),
    **{(m, "correlate"): ("correlate2d", "valid") for m in ("np", "numpy", "jnp", "jax.numpy")},
    **{(m, "convolve"): ("convolve2d", "full") for m in ("np", "numpy", "jnp", "jax.numpy")},
}
_TORCH_CONV_CV42 = frozenset({"F", "torch.nn.functional", "nn.functional", "torch"})
_CONV4_CV42 = "_conv4_cv42"


def called_name(node: ast.Call) -> str:
    """The dotted name a call calls (``scipy.signal.correlate2d``), or ``""``."""
    return channels48.dotted(node.func)


def _number_cv42(node: ast.AST) -> object:
    """A keyword's value as written: a number, a string, or a tuple of them; else ``None``."""
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
        return None


def _one_size_cv43(value: object) -> object:
    """conv43: ``stride``/``padding`` as one whole number (``2`` or ``(2, 2)``); else as given."""
    if isinstance(value, (tuple, list)) and len(value) == 2 and value[0] == value[1]:
        value = value[0]
    return value if isinstance(value, int) and not isinstance(value, bool) else value if isinstance(value, str) else None


def _unbatched_cv42(node: ast.AST, axes: int) -> ast.expr | None:
    """The 2-D (or 1-D) tensor under ``axes`` leading axes of size 1 that F.conv2d/conv1d needs:
    ``X[None, None]``, ``X[None, None, :, :]``, ``X.view(1, 1, H, W)``, ``X.reshape(1, 1, -1)``,
    ``X.unsqueeze(0).unsqueeze(0)``; ``None`` where it is not one of them."""
    while axes > 0:
        if isinstance(node, ast.Call) and called_name(node) == _CONV4_CV42 and int(node.args[1].value) == axes:  # type: ignore[attr-defined]
            return node.args[0]  # conv44: F.conv2d's own 4-D result, pooled as it is (F.max_pool2d(F.conv2d(…), 2))
        if isinstance(node, ast.Subscript):
            items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            lead = 0
            while lead < len(items) and isinstance(items[lead], ast.Constant) and items[lead].value is None:
                lead += 1
            rest = items[lead:]
            if lead == 0 or any(not (isinstance(r, ast.Slice) and r.lower is r.upper is r.step is None) for r in rest):
                return None
            node, axes = node.value, axes - lead
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, args = node.func.attr, node.args
            if name == "unsqueeze" and len(args) == 1 and _number_cv42(args[0]) == 0 and not node.keywords:
                node, axes = node.func.value, axes - 1
                continue
            if name in ("view", "reshape") and len(args) > axes and not node.keywords:
                if all(_number_cv42(a) == 1 for a in args[:axes]):
                    node, axes = node.func.value, 0
                    continue
        return None
    return node if axes == 0 else None


_ONE_D_CALLS_SHAPE47 = frozenset({"unsqueeze", "expand_dims", "squeeze", "flatten", "ravel", "view", "reshape"})
# shape47: calls that take an axis (by dim=/axis=, or by position after the tensor; norm's second
# argument is its order), and those of them whose result keeps the axis (1-D again)
_AXIS_KEEPS_SHAPE47 = frozenset({"softmax", "log_softmax", "cumsum", "cumprod", "normalize"})
_AXIS_CALLS_SHAPE47 = _AXIS_KEEPS_SHAPE47 | frozenset(
    {"sum", "mean", "max", "min", "prod", "amax", "amin", "logsumexp", "std", "var", "norm", "median", "nansum", "nanmean"}
)


def _row_shape47(x: ast.expr) -> ast.expr:
    """shape47: the row (1, n) of an expression :meth:`Spec.squeezed` made 1-D (``e`` a row, or
    ``e.T`` of a column ``e``): the same node without its 1-D marker."""
    out = copy.copy(x)
    out.__dict__.pop("one_d", None)
    return out


def _column_shape47(x: ast.expr) -> ast.expr:
    """shape47: the column (n, 1) of an expression :meth:`Spec.squeezed` made 1-D: the column it
    was squeezed from (``e`` of ``e.T``), else the row's transpose."""
    if isinstance(x, ast.Attribute) and x.attr == "T" and not getattr(x.value, "one_d", False):
        return x.value
    return ast.Attribute(_row_shape47(x), "T", ast.Load())


def _map_shape48(shapes: Mapping[str, Any], x: ast.AST) -> Any:
    """shape48: the size of a pooled map written as an expression, where it is known — a name's
    declared or read size, kept by element-wise calls (``torch.tanh(Z)``, ``Z.relu()``,
    ``F.leaky_relu(Z, 0.1)``), by signs and by operators with numbers or maps of the same size
    (``2 * Z - 1``, ``Z + B``); else None (the floor stays refused for it)."""
    if isinstance(x, ast.Name):
        return shapes.get(x.id)
    if isinstance(x, ast.Constant) and isinstance(x.value, (int, float)) and not isinstance(x.value, bool):
        return ()
    if isinstance(x, ast.UnaryOp) and isinstance(x.op, (ast.USub, ast.UAdd)):
        return _map_shape48(shapes, x.operand)
    if isinstance(x, ast.BinOp) and isinstance(x.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
        sizes = [_map_shape48(shapes, x.left), _map_shape48(shapes, x.right)]
    elif isinstance(x, ast.Call) and ex.elementwise_call_shape47(x) and not x.keywords:
        if isinstance(x.func, ast.Attribute) and not x.args and not ex.dialect_module_hn25(x.func.value):
            return _map_shape48(shapes, x.func.value)  # Z.relu(), Z.tanh()
        sizes = [_map_shape48(shapes, a) for a in x.args]
    else:
        return None
    if any(s is None for s in sizes):
        return None
    maps = {tuple(s) for s in sizes if s != ()}
    return next(iter(maps)) if len(maps) == 1 else None


def _three_d_shape48(s: ast.expr) -> bool:
    """shape48: an index of a 1-D tensor that adds two axes or more (``v[:, None, None]``,
    ``v[None, None]``): PyTorch's and NumPy's result has three axes."""
    items = s.elts if isinstance(s, ast.Tuple) else [s]
    new = [e for e in items if isinstance(e, ast.Constant) and e.value is None or isinstance(e, ast.Attribute) and e.attr == "newaxis"]
    return len(new) >= 2


def _new_axes_shape47(s: ast.expr) -> str | None:
    """shape47: ``"row"`` for the index of ``v[None]``, ``v[None, :]``, ``v[np.newaxis, ...]``;
    ``"column"`` for ``v[:, None]``, ``v[..., np.newaxis]``; else None (3-D or an entry)."""

    def new(e: ast.expr) -> bool:
        return isinstance(e, ast.Constant) and e.value is None or (
            isinstance(e, ast.Attribute) and e.attr == "newaxis" and bool(ex.module_of(e.value))
        )

    def whole(e: ast.expr) -> bool:
        return isinstance(e, ast.Slice) and e.lower is None and e.upper is None and e.step is None or (
            isinstance(e, ast.Constant) and e.value is Ellipsis
        )

    parts = list(s.elts) if isinstance(s, ast.Tuple) else [s]
    if len(parts) == 1 and new(parts[0]) or len(parts) == 2 and new(parts[0]) and whole(parts[1]):
        return "row"
    if len(parts) == 2 and whole(parts[0]) and new(parts[1]):
        return "column"
    return None


class _ConvCV42(ast.NodeTransformer):
    """conv42: rewrites the convolutions of a line, inside out (see
    :meth:`Spec.convolutions_cv42`); ``refuse(node, what)`` makes the one-line refusal."""

    def __init__(
        self,
        refuse: Callable[[ast.AST, str], Exception],
        same: Callable[[ast.AST, ast.expr], int],
        pool_refusal: Callable[[ast.AST, str], Exception],
        shapes: Mapping[str, Any] | None = None,
        dims: Mapping[str, int] | None = None,
    ) -> None:
        self.shapes = shapes or {}  # conv44: the declared and read shapes (reshape pooling)
        self.dims = dims or {}  # conv45: [dims] sizes a reshape pooling names (A.reshape(H // 2, …))
        self.refuse = refuse
        self.pool_refusal = pool_refusal  # conv43: a pooling keyword that is not read
        self.same = same  # conv43: the 'same' padding of a kernel (or the one-line refusal)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = called_name(node)
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Call) and called_name(f.value) == _CONV4_CV42:
            inner, axes = f.value.args[0], int(f.value.args[1].value)  # type: ignore[attr-defined]
            if f.attr == "squeeze" and not node.args and not node.keywords:
                return inner
            if f.attr == "squeeze" and len(node.args) == 1 and _number_cv42(node.args[0]) in (0, 1):
                return inner if axes == 1 else _conv4(inner, axes - 1, f.value.args[2].value)  # type: ignore[attr-defined]
            if f.attr in ("view", "reshape") and node.args and not node.keywords:
                return inner
            return node
        pooled = _reshape_pool_cv44(node, self.shapes, self.dims)
        if pooled is not None:
            return pooled
        module = _POOL_MODULES_CV45.get(called_name(node.func)) if isinstance(node.func, ast.Call) else None
        if module is not None:  # conv45: nn.MaxPool2d(3, 2)(x) is F.max_pool2d(x, 3, 2)
            func, params = module
            made = node.func
            if len(made.args) > len(params) or any(k.arg is None for k in made.keywords) or len(node.args) != 1 or node.keywords:
                raise self.pool_refusal(node, "")
            keys = [ast.keyword(p, a) for p, a in zip(params, made.args, strict=False)] + list(made.keywords)
            call = ast.Call(ast.Attribute(ast.Name("F", ast.Load()), func, ast.Load()), list(node.args), keys)
            return self.torch_adaptive(call, func) if func.startswith("adaptive") else self.torch_pool(call, func)
        head, _, last = name.rpartition(".")
        marks = [a for a in node.args if _is_conv4_cv44(a)]
        if (  # conv44: an element-wise function of F.conv2d's 4-D result (LeNet's
            # F.max_pool2d(F.relu(F.conv2d(…)), 2)): the same function of the 2-D map, marked
            last in _ELEMENTWISE_CV44 and head in _TORCH_CONV_CV42 and node.args
            and marks == [node.args[0]] and not any(_is_conv4_cv44(k.value) for k in node.keywords)
        ):
            mark = node.args[0]
            inner = ast.Call(node.func, [mark.args[0], *node.args[1:]], node.keywords)  # type: ignore[attr-defined]
            return _conv4(inner, int(mark.args[1].value), mark.args[2].value)  # type: ignore[attr-defined]
        if last in ("conv2d", "conv1d") and head in _TORCH_CONV_CV42:
            return self.torch_conv(node, 2)
        if last in ("max_pool2d", "avg_pool2d") and head in _TORCH_CONV_CV42:
            return self.torch_pool(node, last)
        if last in ("adaptive_max_pool2d", "adaptive_avg_pool2d") and head in _TORCH_CONV_CV42:
            return self.torch_adaptive(node, last)
        got = _CONV_CV42.get((head, last))
        if got is None or len(node.args) < 2:
            return node
        op, default = got
        mode: object = default
        if len(node.args) > 2:
            mode = _number_cv42(node.args[2])
        for kw in node.keywords:
            value = _number_cv42(kw.value)
            if kw.arg == "mode":
                mode = value
            elif not (kw.arg == "boundary" and value == "fill" or kw.arg == "method"):
                raise self.refuse(node, f"{kw.arg}=")
        if len(node.args) > 3:
            raise self.refuse(node, ast.unparse(node.args[3]))
        if mode == "same":  # conv43: (k − 1)/2 zeros around the image, the image's own size
            pad = self.same(node, node.args[1])
            if isinstance(pad, tuple):  # conv44: a 1-D signal: n entries of the full result
                start, n = pad
                cut = ast.Slice(ast.Constant(start), ast.Constant(start + n), None)
                full = ast.Call(ast.Name(op + "_full", ast.Load()), node.args[:2], [])
                return ast.Subscript(full, ast.Tuple([ast.Slice(None, None, None), cut], ast.Load()), ast.Load())
            keys = [ast.keyword("padding", ast.Constant(pad))] if pad else []
            return ast.Call(ast.Name(op, ast.Load()), node.args[:2], keys)
        if mode not in ("valid", "full"):
            raise self.refuse(node, f"mode={mode!r}")
        return ast.Call(ast.Name(op + ("_full" if mode == "full" else ""), ast.Load()), node.args[:2], [])

    def torch_conv(self, node: ast.Call, axes: int) -> ast.AST:
        """``F.conv2d(X[None, None], K[None, None], bias, stride=1, padding=0)``: its 4-D
        result stands as a marker until the two axes are taken away."""
        names = ("input", "weight", "bias", "stride", "padding", "dilation", "groups")
        given = dict(zip(names, node.args, strict=False))
        for kw in node.keywords:
            if kw.arg not in names:
                raise self.refuse(node, f"{kw.arg}=")
            given[kw.arg] = kw.value
        ok = {"dilation": (1, (1, 1), [1, 1]), "groups": (1,)}
        for key, allowed in ok.items():
            if key in given and _number_cv42(given[key]) not in allowed:
                raise self.refuse(node, f"{key}={ast.unparse(given[key])}")
        # conv43: a stride and zero padding, one number for both axes (or a pair of equal ones)
        sizes = {key: _one_size_cv43(_number_cv42(given[key])) if key in given else default for key, default in (("stride", 1), ("padding", 0))}
        if given.get("padding") is not None and _number_cv42(given["padding"]) == "valid":
            sizes["padding"] = 0
        if not (isinstance(sizes["stride"], int) and sizes["stride"] >= 1):
            raise self.refuse(node, f"stride={ast.unparse(given['stride'])}")
        same = given.get("padding") is not None and _number_cv42(given["padding"]) == "same"
        if same and sizes["stride"] != 1:  # PyTorch itself refuses it
            raise self.refuse(node, f"padding='same', stride={ast.unparse(given['stride'])}")
        if not same and not (isinstance(sizes["padding"], int) and sizes["padding"] >= 0):
            raise self.refuse(node, f"padding={ast.unparse(given['padding'])}")
        if "input" not in given or "weight" not in given:
            return node
        x, k = (_unbatched_cv42(given[key], axes) for key in ("input", "weight"))
        if x is None or k is None:
            raise self.refuse(node, "")
        if same:
            sizes["padding"] = self.same(node, k)
        keys = [ast.keyword(key, ast.Constant(v)) for key, v in sizes.items() if v != (1 if key == "stride" else 0)]
        made: ast.expr = ast.Call(ast.Name("correlate2d", ast.Load()), [x, k], keys)
        bias = given.get("bias")
        if bias is not None and not (isinstance(bias, ast.Constant) and bias.value is None):
            made = ast.BinOp(made, ast.Add(), bias)  # one output channel: one number added
        return _conv4(made, axes, ast.unparse(node))

    def torch_pool(self, node: ast.Call, name: str) -> ast.AST:
        """conv43: ``F.max_pool2d(A[None, None], 2)`` / ``F.avg_pool2d(…, kernel_size=2,
        stride=2)``: k × k windows side by side on one map of one channel, as the node
        ``max_pool2d(A, k=2)`` under the 4-D marker (``[0, 0]``/``.squeeze()`` take it away)."""
        names = ["input", "kernel_size", "stride", "padding"]
        names += ["dilation", "ceil_mode", "return_indices"] if name == "max_pool2d" else ["ceil_mode", "count_include_pad", "divisor_override"]
        given = dict(zip(names, node.args, strict=False))
        for kw in node.keywords:
            if kw.arg not in names:
                raise self.pool_refusal(node, f"{kw.arg}=")
            given[kw.arg] = kw.value
        if "input" not in given or "kernel_size" not in given:
            return node
        # pool46: (kh, kw) windows (sh, sw) apart, padding (ph, pw) on each side (−∞ for max,
        # zeros for average), ceil_mode, count_include_pad: ops.PoolGeom's keywords on the node
        ks = _pair_pool46(_number_cv42(given["kernel_size"]))
        if ks is None or min(ks) < 1:
            raise self.pool_refusal(node, f"kernel_size={ast.unparse(given['kernel_size'])}")
        no_stride = given.get("stride") is None or isinstance(given["stride"], ast.Constant) and given["stride"].value is None
        st = ks if no_stride else _pair_pool46(_number_cv42(given["stride"]))
        if st is None or min(st) < 1:
            raise self.pool_refusal(node, f"stride={ast.unparse(given['stride'])}")
        pad = _pair_pool46(_number_cv42(given["padding"])) if "padding" in given else (0, 0)
        if pad is None or min(pad) < 0 or 2 * pad[0] > ks[0] or 2 * pad[1] > ks[1]:  # PyTorch: at most half the window
            raise self.pool_refusal(node, f"padding={ast.unparse(given['padding'])}")
        ok = {"dilation": (1, (1, 1), [1, 1]), "ceil_mode": (False, True), "return_indices": (False,),
              "count_include_pad": (True, False), "divisor_override": (None,)}
        for key, allowed in ok.items():
            if key in given and _number_cv42(given[key]) not in allowed:
                raise self.pool_refusal(node, f"{key}={ast.unparse(given[key])}")
        ceil = "ceil_mode" in given and _number_cv42(given["ceil_mode"]) is True
        cip = not ("count_include_pad" in given and _number_cv42(given["count_include_pad"]) is False) or pad == (0, 0)
        x = _unbatched_cv42(given["input"], 2)
        if x is None:
            raise self.refuse(node, "")
        geom = ops.PoolGeom(ks[0], ks[1], st[0], st[1], pad[0], pad[1], pad[0], pad[1], ceil, cip)
        geom = self.floored_shape47(geom, x)  # a 5 × 5 map, 2 × 2 windows: the last row/column dropped
        made = ast.Call(ast.Name(name, ast.Load()), [x], _pool_keys_pool46(geom))
        return _conv4(made, 2, ast.unparse(node))

    def tf_nhwc(self, node: ast.Call, name: str) -> ast.AST:
        """conv45: TensorFlow's NHWC spelling of one single-channel image, its one output map
        taken by ``[0, :, :, 0]`` — ``tf.nn.conv2d(X[None, :, :, None], K[:, :, None, None],
        strides=1, padding='VALID')`` is ``correlate2d(X, K)`` (TF's conv2d is a
        cross-correlation), ``tf.nn.max_pool2d(A[None, :, :, None], ksize=k, strides=s,
        padding='VALID')`` is ``max_pool2d(A, k=k, stride=s)`` (``avg_pool2d``). 'SAME' padding,
        another stride per axis or dilation is refused in one line."""
        names = ["input", "filters", "strides", "padding", "data_format", "dilations", "name"] if name == "conv" else [
            "input", "ksize", "strides", "padding", "data_format", "name"]
        given = dict(zip(names, node.args, strict=False))
        for kw in node.keywords:
            if kw.arg not in names and not (name == "conv" and kw.arg == "filter"):
                raise (self.refuse if name == "conv" else self.pool_refusal)(node, f"{kw.arg}=")
            given["filters" if kw.arg == "filter" else kw.arg] = kw.value
        fail = self.refuse if name == "conv" else self.pool_refusal
        # shape47: TF conv2d 'SAME' too (stride 1, an odd square kernel: PyTorch's padding='same')
        same = _number_cv42(given.get("padding", ast.Constant("VALID"))) in ("SAME", "same")
        if not same and _number_cv42(given.get("padding", ast.Constant("VALID"))) not in ("VALID", "valid"):
            raise fail(node, f"padding={ast.unparse(given['padding'])}")
        if _number_cv42(given.get("data_format", ast.Constant("NHWC"))) != "NHWC":
            raise fail(node, f"data_format={ast.unparse(given['data_format'])}")
        if given.get("dilations") is not None and _tf_size_cv45(given["dilations"]) != 1:
            raise fail(node, f"dilations={ast.unparse(given['dilations'])}")
        x = _nhwc_cv45(given.get("input"), "N::C")
        if x is None:
            raise fail(node, "")
        stride = _tf_size_cv45(given["strides"]) if "strides" in given else None
        if name == "conv":
            k = _nhwc_cv45(given.get("filters"), "::IO")
            if k is None or stride != 1:
                raise fail(node, f"strides={ast.unparse(given['strides'])}" if k is not None and "strides" in given else "")
            keys = [ast.keyword("padding", ast.Constant(self.same(node, k)))] if same else []
            return ast.Call(ast.Name("correlate2d", ast.Load()), [x, k], keys)
        # shape47: per-axis windows and strides (ksize=[1, kh, kw, 1], strides=[1, sh, sw, 1], [kh, kw])
        ks = _tf_pair_shape47(given["ksize"]) if "ksize" in given else None
        if ks is None or min(ks) < 1:
            raise fail(node, f"ksize={ast.unparse(given['ksize'])}" if "ksize" in given else "ksize")
        st = ks if "strides" not in given else _tf_pair_shape47(given["strides"])
        if st is None or min(st) < 1:
            raise fail(node, f"strides={ast.unparse(given['strides'])}")
        if same:  # pool46: TF's 'SAME': ⌈n/s⌉ windows, the padding split with the larger half below/right,
            # never counted in an average's divisor
            shape = self.shapes.get(x.id) if isinstance(x, ast.Name) else None
            n = [_int_size_cv44(v) for v in shape] if shape is not None and len(shape) == 2 else []
            if len(n) != 2 or None in n:
                raise fail(node, f"padding={ast.unparse(given['padding'])}")
            total = [max((-(-d // s) - 1) * s + k - d, 0) for d, k, s in zip(n, ks, st, strict=True)]
            geom = ops.PoolGeom(ks[0], ks[1], st[0], st[1], total[0] // 2, total[1] // 2, total[0] - total[0] // 2, total[1] - total[1] // 2, False, False)
            return ast.Call(ast.Name(name, ast.Load()), [x], _pool_keys_pool46(geom))
        geom = self.floored_shape47(ops.PoolGeom(ks[0], ks[1], st[0], st[1]), x)
        if not geom.plain:  # shape47: rectangular windows, or windows that do not tile the map
            return ast.Call(ast.Name(name, ast.Load()), [x], _pool_keys_pool46(geom))
        k, stride = ks[0], st[0]
        keys = [ast.keyword("k", ast.Constant(k))] + ([ast.keyword("stride", ast.Constant(stride))] if stride != k else [])
        return ast.Call(ast.Name(name, ast.Load()), [x], keys)

    def floored_shape47(self, geom: ops.PoolGeom, x: ast.AST) -> ops.PoolGeom:
        """shape47: plain windows over a map of known size (a name declared or read) that do not
        reach its last row or column are PyTorch's and TF 'VALID''s floor: ``geom`` marked so
        (:func:`ops.pool_floor_shape47`); else ``geom``."""
        shape = _map_shape48(self.shapes, x)
        n = [_int_size_cv44(v) for v in shape] if shape is not None and len(shape) == 2 else []
        if len(n) != 2 or None in n:
            return geom
        return ops.pool_floor_shape47(geom, n[0], n[1])

    def torch_adaptive(self, node: ast.Call, name: str) -> ast.AST:
        """conv44: ``F.adaptive_avg_pool2d(A[None, None], 1)`` — global average (max) pooling, a
        classifier head's — is the mean (largest entry) of the whole map; an output size o that
        divides a declared or read square map of n × n exactly is PyTorch's k × k windows side by
        side, k = n/o: ``avg_pool2d(A, k=k)``. Other sizes are refused in one line."""
        given = dict(zip(("input", "output_size", "return_indices"), node.args, strict=False))
        for kw in node.keywords:
            if kw.arg not in ("input", "output_size", "return_indices"):
                raise self.pool_refusal(node, f"{kw.arg}=")
            given[kw.arg] = kw.value
        if "input" not in given or "output_size" not in given:
            return node
        if "return_indices" in given and _number_cv42(given["return_indices"]) is not False:
            raise self.pool_refusal(node, f"return_indices={ast.unparse(given['return_indices'])}")
        x = _unbatched_cv42(given["input"], 2)
        if x is None:
            raise self.refuse(node, "")
        o = _one_size_cv43(_number_cv42(given["output_size"]))
        what = "max" if name == "adaptive_max_pool2d" else "mean"
        if o == 1:
            made: ast.expr = ast.Call(ast.Attribute(x, what, ast.Load()), [], [])
            return _conv4(made, 2, ast.unparse(node))
        shape = self.shapes.get(x.id) if isinstance(x, ast.Name) else None
        n = [_int_size_cv44(v) for v in shape] if shape is not None and len(shape) == 2 else []
        # pool46: an output size per axis (o_h, o_w) that divides each axis of the map: windows
        # n_h/o_h × n_w/o_w side by side (PyTorch's adaptive windows are exactly those then)
        oo = _pair_pool46(_number_cv42(given["output_size"]))
        if oo is None or min(oo) < 1 or len(n) != 2 or None in n or n[0] % oo[0] or n[1] % oo[1]:
            raise self.pool_refusal(node, f"output_size={ast.unparse(given['output_size'])}")
        kh, kw = n[0] // oo[0], n[1] // oo[1]
        made = ast.Call(ast.Name(name.replace("adaptive_", ""), ast.Load()), [x], _pool_keys_pool46(ops.PoolGeom(kh, kw, kh, kw)))
        return _conv4(made, 2, ast.unparse(node))

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        """conv44: F.conv2d's 4-D result (marked) plus, times … a tensor of at most two axes:
        broadcast against the leading axes of size 1 it is the same 2-D operation, marked (two
        marked results of as many leading axes: their 2-D operation, marked)."""
        self.generic_visit(node)
        a, b = (_is_conv4_cv44(x) for x in (node.left, node.right))
        if not (a or b):
            return node
        marks = [x for x in (node.left, node.right) if _is_conv4_cv44(x)]
        if a and b and marks[0].args[1].value != marks[1].args[1].value:  # type: ignore[attr-defined]
            return node
        left = node.left.args[0] if a else node.left  # type: ignore[attr-defined]
        right = node.right.args[0] if b else node.right  # type: ignore[attr-defined]
        return _conv4(ast.BinOp(left, node.op, right), int(marks[0].args[1].value), marks[0].args[2].value)  # type: ignore[attr-defined]

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Call) and called_name(node.value) in _TF_CV45 and _nhwc_cv45(node.slice, "0::0"):
            return self.tf_nhwc(node.value, _TF_CV45[called_name(node.value)])
        if not (isinstance(node.value, ast.Call) and called_name(node.value) == _CONV4_CV42):
            return node
        inner, axes = node.value.args[0], int(node.value.args[1].value)  # type: ignore[attr-defined]
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        lead = 0
        while lead < len(items) and _number_cv42(items[lead]) == 0:
            lead += 1
        rest = items[lead:]
        if lead == 0 or any(not (isinstance(r, ast.Slice) and r.lower is r.upper is r.step is None) for r in rest):
            return node
        return inner if lead >= axes else _conv4(inner, axes - lead, node.value.args[2].value)  # type: ignore[attr-defined]


# conv45: TensorFlow's NHWC convolution and pooling of one image of one channel
_TF_CV45 = {
    **{f"{tf}.nn.{f}": "conv" for tf in ("tf", "tensorflow") for f in ("conv2d", "convolution")},
    **{f"{tf}.nn.{f}": "max_pool2d" for tf in ("tf", "tensorflow") for f in ("max_pool2d", "max_pool")},
    **{f"{tf}.nn.{f}": "avg_pool2d" for tf in ("tf", "tensorflow") for f in ("avg_pool2d", "avg_pool")},
}

def _pair_pool46(value: object) -> tuple[int, int] | None:
    """pool46: a pooling's kernel_size/stride/padding/output_size as (rows, columns): ``2`` or
    ``(2, 3)``/``[2, 3]`` of whole numbers; else None."""
    whole = lambda v: isinstance(v, int) and not isinstance(v, bool)  # noqa: E731
    if whole(value):
        return (value, value)  # type: ignore[return-value]
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(whole(v) for v in value):
        return (value[0], value[1])
    return None


def _pool_keys_pool46(g: ops.PoolGeom) -> list[ast.keyword]:
    """pool46: the node's keywords for :class:`ops.PoolGeom` ``g``: ``k`` (and ``stride`` when
    it differs, or whenever the windows are not plain), then ``g.keys()``."""
    if not (g.pt or g.pl or g.pb or g.pr):  # no padding: the divisor is the window's cells either way
        g = g._replace(cip=True)
    keys = [("k", g.kh)] + ([("stride", g.sh)] if g.sh != g.kh or not g.plain else []) + list(g.keys())
    return [ast.keyword(k, ast.Constant(v)) for k, v in keys]



def _tf_size_cv45(node: ast.AST) -> int | None:
    """conv45: TF's ksize/strides/dilations as one whole number: ``2``, ``[2, 2]`` or
    ``[1, 2, 2, 1]`` (batch and channel 1); else None."""
    v = _number_cv42(node)
    if isinstance(v, (list, tuple)) and len(v) == 4 and v[0] == v[3] == 1:
        v = v[1:3]
    if isinstance(v, (list, tuple)) and len(v) == 2 and v[0] == v[1]:
        v = v[0]
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _tf_pair_shape47(node: ast.AST) -> tuple[int, int] | None:
    """shape47: TF's ksize/strides per axis — ``2``, ``[2]``, ``[2, 3]``, ``[1, 2, 3, 1]`` (batch
    and channel 1) — as (rows, columns); else None."""
    v = _number_cv42(node)
    if isinstance(v, (list, tuple)) and len(v) == 4 and v[0] == v[3] == 1:
        v = v[1:3]
    if isinstance(v, (list, tuple)) and len(v) == 1:
        v = v[0]
    if isinstance(v, int) and not isinstance(v, bool):
        return (v, v)
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(a, int) and not isinstance(a, bool) for a in v):
        return (v[0], v[1])
    return None


def _nhwc_cv45(node: ast.AST | None, layout: str) -> Any:
    """conv45: the matrix under TF's axes of size 1 — ``layout`` "N::C": an image
    ``X[None, :, :, None]`` (``X[tf.newaxis, …]``, ``tf.reshape(X, [1, h, w, 1])``), "::IO": a
    filter ``K[:, :, None, None]`` (``tf.reshape(K, [kh, kw, 1, 1])``); "0::0": is ``node`` the
    index ``[0, :, :, 0]`` that takes the one map out (True/False)."""
    if node is None:
        return None
    if layout == "0::0":
        items = node.elts if isinstance(node, ast.Tuple) else [node]
        return len(items) == 4 and all(
            (_number_cv42(i) == 0) if c == "0" else (isinstance(i, ast.Slice) and i.lower is i.upper is i.step is None)
            for c, i in zip(layout, items, strict=True)
        )

    def one(i: ast.AST) -> bool:
        return isinstance(i, ast.Constant) and i.value is None or ast.unparse(i) in ("tf.newaxis", "np.newaxis")

    if isinstance(node, ast.Subscript):
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(items) == 4 and all(
            one(i) if c in "NCIO" else (isinstance(i, ast.Slice) and i.lower is i.upper is i.step is None)
            for c, i in zip(layout, items, strict=True)
        ):
            return node.value
        return None
    if isinstance(node, ast.Call) and called_name(node) in ("tf.reshape", "tensorflow.reshape") and len(node.args) == 2:
        shape = _number_cv42(node.args[1])
        if isinstance(shape, (list, tuple)) and len(shape) == 4 and all(
            (v == 1) if c in "NCIO" else True for c, v in zip(layout, shape, strict=True)
        ):
            return node.args[0]
    return None


_REDUCE_POOL_CV44 = {"max": "max_pool2d", "amax": "max_pool2d", "mean": "avg_pool2d"}
# conv45: PyTorch's pooling modules, called at once (nn.MaxPool2d(3, 2)(x)): the functional call
# and its positional parameters, as derive.lang.spelling.NN_MODULES has them
_POOL_MODULES_CV45 = {
    f"{root}.{cls}": (func, params)
    for root in ("nn", "torch.nn")
    for cls, func, params in (
        ("MaxPool2d", "max_pool2d", ("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode")),
        ("AvgPool2d", "avg_pool2d", ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override")),
        ("AdaptiveAvgPool2d", "adaptive_avg_pool2d", ("output_size",)),
        ("AdaptiveMaxPool2d", "adaptive_max_pool2d", ("output_size", "return_indices")),
    )
}
# conv44: PyTorch's element-wise functions (no axis of their own), read through F.conv2d's 4-D result
_ELEMENTWISE_CV44 = frozenset(
    {"relu", "relu6", "tanh", "sigmoid", "gelu", "elu", "selu", "celu", "leaky_relu", "silu", "softplus",
     "hardtanh", "mish", "abs", "exp", "square"}
)


def _is_conv4_cv44(node: ast.AST) -> bool:
    """conv44: the marker of F.conv2d's 4-D result (see :func:`_conv4`)."""
    return isinstance(node, ast.Call) and called_name(node) == _CONV4_CV42
_NP_CV44 = frozenset({"np", "numpy", "jnp", "jax.numpy", "torch"})


def _whole_cv44(node: ast.AST, dims: Mapping[str, int] | None = None) -> int | None:
    """conv44: a whole number written with + - * // of numbers (``4 // 2``), else None.
    conv45: a [dims] name counts as its size (``H // 2``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name) and dims and node.id in dims:
        return int(dims[node.id])
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)):
        a, b = _whole_cv44(node.left, dims), _whole_cv44(node.right, dims)
        if a is None or b is None or isinstance(node.op, ast.FloorDiv) and b == 0:
            return None
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op), a // b if b else 0)
    return None


def _reshape_pool_cv44(node: ast.Call, shapes: Mapping[str, Any], dims: Mapping[str, int] | None = None) -> ast.expr | None:
    """conv44: max or average pooling as NumPy-only labs write it without loops —
    ``A.reshape(H // k, k, W // k, k).max(axis=(1, 3))`` (``.mean``, ``np.max(…, axis=…)``,
    PyTorch's ``.amax(dim=(1, 3))``): axes 1 and 3 run inside a k × k window, so it is
    ``max_pool2d(A, k=k)`` (``avg_pool2d``) of the declared or read matrix A whose rows and
    columns split exactly that way; else None (the line is read, or refused, as before)."""
    f = node.func
    if not isinstance(f, ast.Attribute) or f.attr not in _REDUCE_POOL_CV44:
        return None
    given = {kw.arg: kw.value for kw in node.keywords}
    args = list(node.args)
    if isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Attribute) and f.value.func.attr == "reshape":
        inner = f.value  # A.reshape(…).max(axis=…)
    elif called_name(node).rpartition(".")[0] in _NP_CV44 and args and isinstance(args[0], ast.Call):
        inner, args = args[0], args[1:]  # np.max(A.reshape(…), axis=…)
        if not (isinstance(inner.func, ast.Attribute) and inner.func.attr == "reshape"):
            return None
    else:
        return None
    axis = args[0] if len(args) == 1 and not given else given.get("axis", given.get("dim")) if len(given) == 1 and not args else None
    axes = _number_cv42(axis) if axis is not None else None
    if not (isinstance(axes, (tuple, list)) and len(axes) == 2 and all(isinstance(a, int) for a in axes)):
        return None
    if sorted(a % 4 for a in axes) != [1, 3]:
        return None
    sizes = inner.args[0].elts if len(inner.args) == 1 and isinstance(inner.args[0], (ast.Tuple, ast.List)) else inner.args
    whole = [_whole_cv44(a, dims) for a in sizes]
    source = inner.func.value  # type: ignore[attr-defined]
    shape = shapes.get(source.id) if isinstance(source, ast.Name) and not inner.keywords else None
    if shape is None or len(whole) != 4 or None in whole or len(shape) != 2:
        return None
    rows, cols = _int_size_cv44(shape[0]), _int_size_cv44(shape[1])
    a, k, b, k2 = whole
    if k != k2 or k < 1 or rows != a * k or cols != b * k:  # type: ignore[operator]
        return None
    return ast.Call(ast.Name(_REDUCE_POOL_CV44[f.attr], ast.Load()), [source], [ast.keyword("k", ast.Constant(k))])


def _int_size_cv44(size: object) -> int | None:
    """conv44: a declared size as a whole number (a [dims] name is not one here), else None."""
    try:
        return int(size)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _conv4(inner: ast.expr, axes: int, text: str) -> ast.Call:
    """The marker of F.conv2d's result with ``axes`` leading axes of size 1 left (``text``: the
    call as written, for the refusal)."""
    return ast.Call(ast.Name(_CONV4_CV42, ast.Load()), [inner, ast.Constant(axes), ast.Constant(text)], [])


def _replaced(text: str, tree: ast.AST, make: Callable[[ast.AST], ast.expr | None]) -> str:
    """``text`` with each node of its parse ``tree`` that ``make`` rewrites (not ``None``) put in
    its place, written back; ``text`` itself where nothing changed."""
    changed = False
    for n in ast.walk(tree):
        for field_name, value in ast.iter_fields(n):
            items = value if isinstance(value, list) else [value]
            for i, child in enumerate(items):
                made = make(child)
                if made is None:
                    continue
                if isinstance(value, list):
                    value[i] = made
                else:
                    setattr(n, field_name, made)
                changed = True
    try:
        return ast.unparse(tree) if changed else text
    except RecursionError:  # too deep to write back: the line's own parse names its limits
        return text


_ARGMAX_MODULES = frozenset({"torch", "np", "numpy", "jnp", "tf", "tf.math"})


def _given_softmax_targets(
    forward: tuple[tuple[str, ex.Node], ...], fixed: dict[str, tuple[tuple[Fraction, ...], ...]]
) -> tuple[list[str], list[str]]:
    """Targets given as one-hot rows though not declared so, that multiply the log of a
    softmax's probabilities (Nielsen's ``-np.sum(y * np.log(a2))``, a cross-entropy written out
    by hand, ``Y * log_softmax(S)``): read as one-hot rows, as ``derive check`` reads them, so the
    walkthrough reaches ``(P − Y)/m`` and every point draws such rows. A softmax down the
    columns (``F.softmax(Z, dim=0)``, ``np.exp(Z) / np.sum(np.exp(Z), axis=0)``, a log-softmax
    written so) with targets given as one-hot columns (Ng's and 邱锡鹏's layout, one example per
    column): read as one-hot columns. A target given other values (soft labels) stays as it
    is. Returns (rows, columns)."""
    trees = dict(forward)

    def exp_in(n: ex.Node) -> bool:
        if isinstance(n, ex.Name) and n.id in trees:
            n = trees[n.id]
        if isinstance(n, ex.Call) and n.func == "exp":
            return True
        return any(exp_in(c) for c in ex.children(n))

    def sum_axis(n: ex.Node) -> int | None:
        """The axis (0 or 1) of ``sum(·, axis)`` over exponentials, else None."""
        if not (isinstance(n, ex.Call) and n.func == "sum" and len(n.args) == 1):
            return None
        axis = n.kwarg("axis")
        if not (isinstance(axis, ex.Num) and axis.value in (0, 1, -1) and exp_in(n.args[0])):
            return None
        return 0 if axis.value == 0 else 1

    def softmax_axis(t: ex.Node) -> int | None:
        if isinstance(t, ex.Call) and t.func == "softmax" and not t.kwargs:
            return 1
        down = isinstance(t, ex.Transpose) and isinstance(t.operand, ex.Call)
        if down and t.operand.func == "softmax" and isinstance(t.operand.args[0], ex.Transpose):
            return 0
        if isinstance(t, ex.BinOp) and t.op == "/" and exp_in(t.left):
            return sum_axis(t.right)
        return None

    def log_probs(n: ex.Node) -> int | None:
        """The axis the probabilities whose log ``n`` is are normalised along, else None."""
        if isinstance(n, ex.Name) and n.id in trees:
            n = trees[n.id]
            if isinstance(n, ex.BinOp) and n.op == "-":  # z − log Σ exp z, written out
                right = n.right
                if isinstance(right, ex.Call) and right.func == "log" and len(right.args) == 1:
                    return sum_axis(right.args[0])
        if isinstance(n, ex.Call) and n.func == "log_softmax" and not n.kwargs:
            return 1
        if isinstance(n, ex.Call) and n.func == "log" and len(n.args) == 1:
            p = n.args[0]
            if isinstance(p, ex.Name) and p.id in trees:
                p = trees[p.id]
            return softmax_axis(p)
        return None

    def hot(lines) -> bool:
        return all(len(r) > 1 and sorted(r) == [0] * (len(r) - 1) + [1] for r in lines)

    rows: list[str] = []
    columns: list[str] = []
    for _, tree in forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            stack.extend(ex.children(n))
            if not (isinstance(n, ex.BinOp) and n.op == "*"):
                continue
            for y, other in ((n.left, n.right), (n.right, n.left)):
                given = fixed.get(y.id) if isinstance(y, ex.Name) else None
                if not given or y.id in rows or y.id in columns:
                    continue
                axis = log_probs(other)
                if axis == 1 and hot(given):
                    rows.append(y.id)
                elif axis == 0 and hot(list(zip(*given, strict=True))) and not hot(given):
                    columns.append(y.id)
    return rows, columns


def _argmax_of(node: ast.expr, one_hot: list[str] | tuple[str, ...]) -> str | None:
    """The name ``Y`` of ``Y.argmax(dim=1)``, ``torch.argmax(Y, dim=1)``, ``np.argmax(Y,
    axis=-1)`` (axis 1 or −1, no keepdim) when ``Y`` is one of the one-hot inputs, else None."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    if node.func.attr != "argmax":
        return None
    owner, args = node.func.value, list(node.args)
    if isinstance(owner, ast.Name) and owner.id in one_hot:
        y = owner.id
    elif ast.unparse(owner) in _ARGMAX_MODULES and args and isinstance(args[0], ast.Name):
        y = args.pop(0).id  # type: ignore[attr-defined]
    else:
        return None
    kw = {k.arg: k.value for k in node.keywords}
    if set(kw) - {"dim", "axis"} or len(args) + len(kw) != 1 or y not in one_hot:
        return None
    axis = args[0] if args else next(iter(kw.values()))
    if isinstance(axis, ast.UnaryOp) and isinstance(axis.op, ast.USub):
        axis = ast.Constant(-axis.operand.value) if isinstance(axis.operand, ast.Constant) else axis
    ok = isinstance(axis, ast.Constant) and type(axis.value) is int and axis.value in (1, -1)
    return y if ok else None


def _new_targets(
    text: str, losses: tuple[str, ...], target: Callable[[ast.Call], ast.expr | None]
) -> str:
    """``text`` with each call of ``losses`` whose ``target(call)`` is not None given that as its
    second argument (the text itself where nothing changes or it does not parse)."""
    tree = spelling.parsed(text)
    if tree is None:
        return text  # the parser names the problem
    changed = False
    for n in ast.walk(tree):
        f = getattr(n, "func", None)
        name = getattr(f, "attr", None) or getattr(f, "id", "")
        if not isinstance(n, ast.Call) or name not in losses:
            continue
        new = target(n)
        if new is not None:
            n.args[1] = new
            changed = True
    try:
        return ast.unparse(tree) if changed else text
    except RecursionError:  # too deep to write back: the line's own parse names its limits
        return text


def _whole_label(v: Any) -> bool:
    """A class label as TOML gives it: an integer, or a float with no fractional part (``2.0``,
    as a label array printed by NumPy reads); never a boolean."""
    if isinstance(v, bool):
        return False
    return isinstance(v, int) or (isinstance(v, float) and v.is_integer())


def _pad_sides_hn27(
    widths: ast.expr | None, torch_form: bool, one_d: bool
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((top, bottom), (left, right)) of a padding's widths: PyTorch's flat (left, right[, top,
    bottom]) from the last axis back, NumPy's/TensorFlow's per-axis pairs (a 1-D vector's one
    pair; NumPy's single pair or number for every axis); ``None`` when not whole numbers ≥ 0."""

    def whole(n: ast.AST) -> int | None:
        ok = isinstance(n, ast.Constant) and type(n.value) is int and n.value >= 0
        return n.value if ok else None  # type: ignore[union-attr]

    if widths is None:
        return None
    seq = widths.elts if isinstance(widths, ast.Tuple | ast.List) else None
    if torch_form:
        flat = [whole(k) for k in seq or []]
        if None in flat or len(flat) not in (2, 4) or (one_d and len(flat) != 2):
            return None
        left, right, top, bottom = (*flat, 0, 0)[:4]  # type: ignore[misc]
        return (top, bottom), (left, right)
    if seq is None:
        n = whole(widths)
        return None if n is None else ((0, 0) if one_d else (n, n), (n, n))
    if all(not isinstance(k, ast.Tuple | ast.List) for k in seq):
        pair = [whole(k) for k in seq]
        if None in pair or len(pair) != 2:
            return None
        return ((0, 0) if one_d else tuple(pair)), tuple(pair)  # type: ignore[return-value]
    pairs = [[whole(k) for k in p.elts] if isinstance(p, ast.Tuple | ast.List) else [None]
             for p in seq]
    if any(len(p) != 2 or None in p for p in pairs) or len(pairs) != (1 if one_d else 2):
        return None
    if one_d:
        return (0, 0), tuple(pairs[0])  # type: ignore[return-value]
    return tuple(pairs[0]), tuple(pairs[1])  # type: ignore[return-value]


def _plain_number(node: ast.AST) -> bool:
    """``node`` is a number written out (``0.5``, ``-1``), a padding's constant."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _relation_problem(tree: ast.expr) -> bool:
    """Anything but arithmetic of numbers and names in a constant's relation (no call, no
    attribute: nothing of the text is run)."""
    for n in ast.walk(tree):
        if isinstance(n, ast.BinOp):
            if not isinstance(n.op, ast.Add | ast.Sub | ast.Mult | ast.Div | ast.Pow):
                return True
            if isinstance(n.op, ast.Pow) and not (
                isinstance(n.right, ast.Constant) and type(n.right.value) is int
                and abs(n.right.value) <= 8
            ):
                return True
        elif isinstance(n, ast.UnaryOp):
            if not isinstance(n.op, ast.USub | ast.UAdd):
                return True
        elif isinstance(n, ast.Constant):
            if isinstance(n.value, bool) or not isinstance(n.value, int | float):
                return True
        elif not isinstance(n, ast.Name | ast.operator | ast.unaryop | ast.Load):
            return True
    return False


def relation_value(tree: ast.expr | str, values: Mapping[str, Any]) -> Any:
    """The value of a constant's relation (:attr:`NetSpec.relations`) at ``values`` of the
    names it uses: exact with :class:`Fraction` values, a float with floats. ``tree`` is the
    relation read by :meth:`_Validator.relations_r46` or its text (already checked there)."""
    if isinstance(tree, str):
        tree = ast.parse(tree, mode="eval").body
    if isinstance(tree, ast.Constant):
        v = tree.value
        return Fraction(repr(v)) if isinstance(v, float) else Fraction(v)
    if isinstance(tree, ast.Name):
        return values[tree.id]
    if isinstance(tree, ast.UnaryOp):
        v = relation_value(tree.operand, values)
        return -v if isinstance(tree.op, ast.USub) else v
    assert isinstance(tree, ast.BinOp)
    a, b = relation_value(tree.left, values), relation_value(tree.right, values)
    if isinstance(tree.op, ast.Add):
        return a + b
    if isinstance(tree.op, ast.Sub):
        return a - b
    if isinstance(tree.op, ast.Mult):
        return a * b
    if isinstance(tree.op, ast.Div):
        return a / b
    return a ** int(b)
