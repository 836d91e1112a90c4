"""Check a hand-derived gradient — a formula or a hand-computed number — and name the mistake.

``check(net, wrt, formula)`` answers whether ``formula`` equals ``∂L/∂wrt`` of network ``net``
for *all* values, and if not, what is wrong with it, in plain words, with the corrected formula.

**Formulas** are written in the spec's expression language (:mod:`derive.expr`: ``@ * / + -``,
``.T``, ``sum(x, axis=0)``, ``sigmoid``, ``relu``, ``relu_grad`` or ``(Z1 > 0)``, numbers, and
dims such as ``m`` by name), or in LaTeX (:mod:`derive.latexin`). Names are the network's tensors;
``dX`` means the true ``∂L/∂X`` (what the walkthrough calls ``dZ2``, ``dA1``), so a student can
check one step at a time; ``Yhat`` means the prediction (the loss's first argument). NumPy
spellings (``np.sum(x, axis=0, keepdims=True)``, ``x.sum(axis=0)``, ``np.dot``, ``.astype``) are
rewritten to the language first. An optional ``dW2 =`` in front is allowed (and names ``wrt``).

**Verdict** (exact): the formula and the true gradient (the ``grads`` symbols, whose values come
from ``Derivation.defs``) are evaluated in 50-digit arithmetic at random rational points
(:class:`derive.steps.Checker`; 4 points, 12 when the formula has comparisons), so a formula that
is right only at the example values is judged wrong. Then:

- *ReLU at zero*: formulas equal at random points can still differ where a ReLU input is exactly 0
  (``Z1 >= 0`` vs ``Z1 > 0``). We construct a point where entries of each ReLU input are exactly
  zero (dyadic values, solved for one parameter) and evaluate there. PyTorch's convention
  ``relu'(0) = 0`` is the reference: a formula that differs there is **incorrect** with code
  ``relu-at-zero`` (explained as a convention, not an algebra mistake).
- *Numeric confirmation*: the formula is also run in float64 at the example values on the
  matrix-form forward/backward pass and compared with our float64 gradient; a disagreement
  is reported as a note (the exact test decides).
- *Literal sizes*: a formula that writes ``2`` for ``m = 2`` is correct for this network; a note
  says it would not hold for other sizes (we re-evaluate with the dims set to other values).

**Diagnosis** (when wrong): the formula's values are compared (float64, shapes first) with a
library of mutations of the correct matrix-form result — built from the derivation's own visits,
including those of upstream nodes (dropped/extra transposes, swapped ``@`` operands, signs,
unreduced bias gradients, missing or wrong activation derivatives, the unweighted ``(Ŷ − Y)/m``
under a weighted BCE) — and a constant ratio is reported as a scale factor (``m`` told apart from
``2`` by re-evaluating at other dims). A formula whose shapes do not fit is repaired by trying
transposes and operand swaps on *the user's own formula*. Codes: see :data:`CODES`.

**Numbers** (``value=``): one gradient entry at the example values (``W1[0,0]``, zero-based, a
label such as ``w11``, or a scalar parameter) is judged against its exact value. Tolerance from the
digits given: within half a unit of the last digit is right; a larger difference is still right if
rounding every intermediate value to as many significant digits as the answer has (at least 3)
can explain it (first-order bound, summed over the intermediates); otherwise wrong, with a
reason (code ``rounding`` when it takes one digit fewer, else sign, factor, another entry, …).

**Limits** (formulas are untrusted): no ``eval``/``sympify`` of user text; length, nesting,
parts and exponents capped by :mod:`derive.expr`; a formula whose evaluation would cost more than
:data:`MAX_COST` scalar operations is refused; ``exp`` of huge arguments is treated as overflow;
the repair search stops after :data:`REPAIR_SECONDS`. Each network is derived once per process.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import math
import os
import random
import re
import sys
import time
import types
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from derive import expr as ex
from derive import latexin
from derive import mform as mf
from derive.backprop import BackwardVisit, Derivation, derive
from derive.spec import NetSpec, builtin_names, load
from derive.steps import DPS, Checker, StepError

__all__ = ["CODES", "CheckResult", "Diagnosis", "FormulaError", "check"]

CODES = {
    "shape-mismatch": "the result (or a product inside it) has the wrong shape",
    "missing-transpose": "a factor must be transposed",
    "extra-transpose": "a factor must not be transposed",
    "operand-order": "the operands of a product are swapped (or the result is transposed)",
    "scale-factor": "off by a constant factor (1/m, 2 from ½, …)",
    "sign": "off by a sign",
    "missing-activation-derivative": "the activation's derivative (σ', relu') is left out",
    "wrong-activation-derivative": "the derivative of another activation is used",
    "bias-not-summed": "a bias gradient is not summed over the batch",
    "wrong-sum-axis": "a sum runs over the wrong axis",
    "weighted-loss-not-simplifiable": "(Ŷ − Y)/m used under a weighted BCE",
    "relu-at-zero": "differs from PyTorch's relu'(0) = 0 exactly where the ReLU input is 0",
    "circular": "the formula uses the gradient it is supposed to compute",
    "rounding": "a number off by more than its digits allow, explained by rounding",
    "wrong-entry": "a number that is another entry of the gradient",
    "unknown": "wrong, no known pattern",
}

POINTS = 4  # random points for the exact verdict
POINTS_PIECEWISE = 12  # … when the formula compares (Z > c): thresholds need more samples
DIAG_POINTS = 6  # points compared when diagnosing (float64): piecewise factors need several
TOLERANCE = mpmath.mpf(10) ** -40  # relative, for 50-digit values
MAX_COST = 200_000  # scalar operations for one evaluation of a formula
REPAIR_SECONDS = 0.3  # the repair search gives up after this
MAX_PAIR_EDITS = 16  # two-edit repairs only for formulas with at most this many edits
EXP_CAP = 10**6  # |x| beyond which exp overflows (and σ, tanh saturate)
CACHE_SIZE = 8
MIN_CARRIED = 3  # a hand calculation carries at least this many significant digits


# ---- public records -----------------------------------------------------------------------------


class FormulaError(ex.ExprError):
    """An unreadable formula or bad ``wrt``/``value`` (exit 2). ``col`` is 1-based in ``text``
    (0 when unknown)."""

    def __init__(self, message: str, col: int = 0, text: str = "") -> None:
        super().__init__(message, col)
        self.text = text

    def pointer(self) -> str:
        """The message under the formula with a caret at the column."""
        if not self.text or not 0 < self.col <= len(self.text) + 1 or "\n" in self.text:
            return self.message
        return f"  {self.text}\n  {' ' * (self.col - 1)}^ {self.message}"


@dataclass(frozen=True)
class Diagnosis:
    """One finding: ``code`` (a key of :data:`CODES`), a plain-English ``message``, the
    corrected formula ``fix`` (input language) and, for ``scale-factor``, the ``factor``
    (``"m"``, ``"2"``)."""

    code: str
    message: str
    fix: str | None = None
    factor: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fix is not None:
            out["fix"] = self.fix
        if self.factor is not None:
            out["factor"] = self.factor
        return out


@dataclass(frozen=True)
class CheckResult:
    """The answer to one check. ``verdict`` is ``"correct"`` or ``"incorrect"``; ``expected`` is
    the corrected formula in the input language (in the walkthrough's step form, with upstream
    names such as ``dZ2``) or, for a number, the exact value; ``shape`` that of the gradient."""

    network: str
    wrt: str
    submitted: str
    verdict: str
    diagnoses: tuple[Diagnosis, ...]
    expected: str
    shape: tuple[int, int]
    read_as: str | None = None  # the formula as understood (input language)
    expanded: str | None = None  # ``expected`` with upstream gradients written out
    expected_tex: str | None = None
    notes: tuple[str, ...] = ()
    exact: float | None = None  # value mode: the exact value
    tolerance: float | None = None  # value mode: the accepted difference

    @property
    def ok(self) -> bool:
        return self.verdict == "correct"

    @property
    def code(self) -> str | None:
        """The main diagnosis code (``None`` when correct)."""
        return self.diagnoses[0].code if self.diagnoses else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "diagnoses": [d.as_dict() for d in self.diagnoses],
            "expected": self.expected,
            "shape": list(self.shape),
            "network": self.network,
            "wrt": self.wrt,
            "submitted": self.submitted,
        }
        for key in ("read_as", "expanded", "expected_tex", "exact", "tolerance"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["notes"] = list(self.notes)
        return out

    def text(self) -> str:
        """A short plain-text report for the terminal."""
        grad = _grad_name(self.wrt)
        lines = []
        if self.exact is not None:
            mark = "✓ correct" if self.ok else "✗ incorrect"
            head = f"{mark}: {grad} ≈ {self.submitted}"
            lines.append(head if self.ok else f"{head} — {self.diagnoses[0].code}")
            for d in self.diagnoses:
                lines.append(f"  {d.message}")
            lines.append(f"  exact value: {self.expected}")
        elif self.ok:
            lines.append(f"✓ correct: {grad} = {self.read_as}")
            lines.append(
                f"  equals {grad} (shape {_shape_text(self.shape)}) for all values "
                "(exact random-point identity test, confirmed in float64)"
            )
        else:
            first = self.diagnoses[0]
            lines.append(f"✗ incorrect — {first.code}: {first.message}")
            for d in self.diagnoses[1:]:
                lines.append(f"  also {d.code}: {d.message}")
            lines.append(f"  yours:   {self.read_as}")
            fix = (
                self.expected
                if self.expanded in (None, self.expected)
                else (f"{self.expected}   (= {self.expanded})")
            )
            lines.append(f"  correct: {self.wrt_symbol()} = {fix}")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def wrt_symbol(self) -> str:
        return "d" + self.wrt


def _grad_name(wrt: str) -> str:
    return f"∂L/∂{wrt}"


def _shape_text(shape: tuple[int, ...]) -> str:
    return f"({', '.join(str(int(s)) for s in shape)})"


# ---- public API ---------------------------------------------------------------------------------


def check(
    net: str | os.PathLike[str] | NetSpec | Derivation,
    wrt: str | None = None,
    formula: str | None = None,
    *,
    value: str | float | None = None,
    latex: bool = False,
    allow_upstream: bool = True,
    seed: int = 0,
) -> CheckResult:
    """Check a hand-derived ``formula`` for ``∂L/∂wrt`` (or a hand-computed number ``value`` of
    one entry, ``wrt="W1[0,0]"``) on ``net`` (a built-in name, a spec path, a ``NetSpec`` or a
    ``Derivation``; derived once and cached).

    ``wrt`` is a parameter or a node (``"Z2"`` means ``∂L/∂Z2``); it may be left out when the
    formula starts with ``dW2 = …``. ``latex`` reads the formula as LaTeX. With
    ``allow_upstream=False`` the names ``dX`` are refused (autograders that want every step
    written out). Raises :class:`FormulaError` for unreadable input and
    :class:`derive.spec.SpecError` for an unknown network; never evaluates user text."""
    n = _net_for(net, seed)
    if (formula is None) == (value is None):
        raise FormulaError("give either a formula or a value (--value) to check")
    if value is not None:
        if wrt is None:
            raise FormulaError("--value needs --wrt naming one entry, e.g. W1[0,0] or w11")
        return _check_value(n, wrt, str(value))
    assert formula is not None
    tree, lhs, shown = _read(n, formula, latex)
    target = n.target(_wrt_from(n, wrt, lhs, formula))
    return _check_formula(n, target, formula, shown, tree, allow_upstream)


# ---- networks (derived once) --------------------------------------------------------------------

_CACHE: OrderedDict[tuple[Any, ...], _Net] = OrderedDict()


def _net_for(net: Any, seed: int) -> _Net:
    if isinstance(net, Derivation):
        key: tuple[Any, ...] = ("derivation", id(net), seed)
    elif isinstance(net, NetSpec):
        key = ("spec", id(net), seed)
    else:
        text = os.fspath(net)
        if text in builtin_names():
            key = ("builtin", text, seed)
        else:
            path = Path(text)
            try:
                st = path.stat()
                key = ("file", str(path.resolve()), st.st_mtime_ns, st.st_size, seed)
            except OSError:
                key = ("missing", text, seed)
    hit = _CACHE.get(key)
    if hit is not None and (key[0] not in ("derivation", "spec") or hit.source is net):
        _CACHE.move_to_end(key)
        return hit
    if isinstance(net, Derivation):
        d = net
    else:
        d = derive(net if isinstance(net, NetSpec) else load(os.fspath(net)))
    made = _Net(d, seed, net if key[0] in ("derivation", "spec") else None)
    _CACHE[key] = made
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return made


class _Net:
    """One derived network and what all checks on it share: name table, checkers, targets."""

    def __init__(self, d: Derivation, seed: int, source: Any) -> None:
        self.d, self.g, self.spec, self.source = d, d.graph, d.graph.spec, source
        self.seed = seed
        self.visits = {v.name: v for v in d.backward}
        self.rand = Checker(defs=dict(d.defs), points=POINTS_PIECEWISE, seed=seed)
        self.names: dict[str, mf.MExpr] = {}
        self.label_at: dict[str, tuple[str, int, int]] = {}
        self._targets: dict[str, _Target] = {}
        self._lazy: dict[str, Any] = {}
        self._build_names()

    # names ------------------------------------------------------------------------------
    def _build_names(self) -> None:
        g, loss_tex = self.g, self.g.loss_tex
        for tensor, rows in self.spec.labels.items():
            t = g.tensors[tensor]
            for i, row in enumerate(rows):
                for j, label in enumerate(row):
                    s = t.symbols[i, j]
                    self.names[label] = mf.Ref(
                        label, "value", sp.ImmutableMatrix([[s]]), g.symbol_tex[s], loss_tex, (1, 1)
                    )
                    if t.grads is not None:
                        self.names["d" + label] = mf.Ref(
                            label,
                            "grad",
                            sp.ImmutableMatrix([[t.grads[i, j]]]),
                            g.symbol_tex[s],
                            loss_tex,
                            (1, 1),
                        )
                    self.label_at[label] = (tensor, i, j)
        for name, t in g.tensors.items():
            self.names[name] = t.value_ref(loss_tex)
            if t.grads is not None:
                self.names["d" + name] = t.grad_ref(loss_tex)
        names = g.scalar_names()
        for name, sym in g.scalars.items():
            self.names[name] = mf.Scalar(sym, names)
        loss = self.spec.forward[-1][1]
        if (
            isinstance(loss, ex.Call)
            and loss.func in ex.LOSSES
            and isinstance(loss.args[0], ex.Name)
        ):
            for alias in ("Yhat", "Y_hat", "yhat", "y_hat"):
                if alias not in self.names:
                    self.names[alias] = self.names[loss.args[0].id]
                    self.names.setdefault("d" + alias, self.names.get("d" + loss.args[0].id))

    def resolve(self, name: str) -> tuple[str, mf.MExpr] | None:
        """A user's name → (canonical name, leaf), trying the spellings LaTeX produces."""
        tries = [name]
        if name.startswith("delta_"):
            tries.append("d" + name[6:])
        if name.startswith("d_"):
            tries.append("d" + name[2:])
        tries.append(name.replace("_", ""))
        m = re.fullmatch(r"(\w+?)_[ijkn]", name)
        if m:
            tries.append(m.group(1))
        for t in tries:
            leaf = self.names.get(t)
            if leaf is not None:
                return t, leaf
        return None

    def known(self, name: str) -> bool:
        return self.resolve(name) is not None

    # targets ----------------------------------------------------------------------------
    def target(self, name: str) -> _Target:
        hit = self._targets.get(name)
        if hit is None:
            hit = self._targets[name] = _Target(self, name)
        return hit

    # extra points (built on first use) ------------------------------------------------------
    def free_symbols(self) -> list[tuple[str, sp.Symbol]]:
        return [
            (n, s)
            for n in list(self.spec.inputs) + list(self.spec.params)
            for s in self.g.tensors[n].symbols
        ]

    @property
    def example(self) -> Checker:
        """The spec's example values (exact)."""
        if "example" not in self._lazy:
            defs = dict(self.d.defs)
            for name, rows in self.spec.values.items():
                flat = [v for row in rows for v in row]
                for s, v in zip(self.g.tensors[name].symbols, flat, strict=True):
                    defs[s] = sp.Rational(v.numerator, v.denominator)
            self._lazy["example"] = Checker(defs=defs, points=1, seed=self.seed)
        return self._lazy["example"]

    @property
    def other_dims(self) -> Checker:
        """Random points with every dim and constant set to another value (tells ``m`` from 2)."""
        if "dims" not in self._lazy:
            defs = dict(self.d.defs)
            primes = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
            used = {int(v) for v in self.g.scalar_values.values() if v.is_Integer}
            free = iter(p for p in primes if p not in used)
            for sym, v in self.g.scalar_values.items():
                defs[sym] = sp.Integer(next(free, 53)) if v.is_Integer else v + sp.Rational(1, 7)
            self._lazy["dims"] = Checker(defs=defs, points=DIAG_POINTS, seed=self.seed + 7)
        return self._lazy["dims"]

    @property
    def zero(self) -> Checker | None:
        if "zero" not in self._lazy:
            self._lazy["zero"] = _zero_point(self)
        return self._lazy["zero"]

    @property
    def float_env(self) -> dict[str, np.ndarray]:
        """float64 forward values and gradients at the example values (matrix form)."""
        if "float" not in self._lazy:
            from derive import numeric

            with np.errstate(all="ignore"):
                point = numeric.example_point(self.g)
                env = numeric.forward_numeric(self.d, point)
                scal = numeric.scalar_values(self.g)
                env["d" + self.spec.loss] = np.ones((1, 1))
                for visit in self.d.backward:
                    v = np.asarray(visit.formula.numeric(env, scal), float)
                    env["d" + visit.name] = (
                        np.broadcast_to(v, env[visit.name].shape).copy()
                        if visit.name in env
                        else np.atleast_2d(v)
                    )
            self._lazy["float"] = (env, scal)
        return self._lazy["float"][0]

    @property
    def float_scalars(self) -> dict[sp.Symbol, float]:
        self.float_env  # noqa: B018 - builds both
        return self._lazy["float"][1]

    def float_leaf(self, r: mf.Ref) -> np.ndarray:
        env = self.float_env
        key = r.name if r.kind == "value" else "d" + r.name
        if key in env:
            return np.atleast_2d(np.asarray(env[key], float))
        tensor, i, j = self.label_at[r.name]
        src = env[tensor if r.kind == "value" else "d" + tensor]
        return np.array([[float(src[i, j])]])


# ---- reading formulas ---------------------------------------------------------------------------


def _read(net: _Net, text: str, latex: bool) -> tuple[ex.Node, str | None, str]:
    """Parse ``text`` → (tree, left-hand-side name or None, the text the tree came from)."""
    if not isinstance(text, str):
        raise FormulaError("a formula must be a string")
    if len(text) > ex.MAX_LENGTH:
        raise FormulaError(f"formula is {len(text)} characters long; the limit is {ex.MAX_LENGTH}")
    if latex:
        from derive import latexin

        try:
            tree, lhs = latexin.parse(text, known=net.known)
        except latexin.LatexError as err:
            raise FormulaError(err.message, err.col, text) from None
        name = None
        if lhs is not None:
            if not isinstance(lhs, ex.Name):
                raise FormulaError(
                    "the left side of '=' must name the gradient, e.g. dW^{[2]} = …", 1, text
                )
            name = lhs.id
        return tree, name, text
    lhs = None
    body, offset = text, 0
    m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)", text)
    if m:
        lhs, body, offset = m.group(1), text[m.end() :], m.end()
    lead = len(body) - len(body.lstrip())
    try:
        return ex.parse(body, allow_compare=True), lhs, text
    except ex.ExprError as err:
        alt = _numpy_normalise(body)
        if alt is not None:
            try:
                return ex.parse(alt, allow_compare=True), lhs, alt
            except ex.ExprError:
                pass
        col = offset + lead + err.col if err.col else 0
        msg = re.sub(r"column \d+", f"column {col}", err.message) if col else err.message
        raise FormulaError(msg, col, text) from None


_NUMPY_MODULES = ("np", "numpy", "torch")


class _Numpy(ast.NodeTransformer):
    """NumPy spellings → the expression language (pure tree rewriting, nothing is run)."""

    changed = False

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        kws = [k for k in node.keywords if k.arg not in ("keepdims", "keepdim")]
        if len(kws) != len(node.keywords):
            self.changed = True
        node.keywords = kws
        f, args = node.func, node.args
        if not isinstance(f, ast.Attribute):
            return node
        base = f.value
        if isinstance(base, ast.Name) and base.id in _NUMPY_MODULES:
            self.changed = True
            name = f.attr
            if name in ("dot", "matmul") and len(args) == 2:
                return ast.BinOp(args[0], ast.MatMult(), args[1])
            if name == "multiply" and len(args) == 2:
                return ast.BinOp(args[0], ast.Mult(), args[1])
            if name == "transpose" and len(args) == 1:
                return ast.Attribute(args[0], "T", ast.Load())
            if name == "maximum" and len(args) == 2:
                zero = [a for a in args if isinstance(a, ast.Constant) and a.value == 0]
                other = [a for a in args if a not in zero]
                if zero and len(other) == 1:
                    return ast.Call(ast.Name("relu", ast.Load()), other, [])
            if (
                name == "heaviside"
                and len(args) == 2
                and isinstance(args[1], ast.Constant)
                and args[1].value in (0, 1)
            ):
                op: ast.cmpop = ast.GtE() if args[1].value == 1 else ast.Gt()
                return ast.Compare(args[0], [op], [ast.Constant(0)])
            if (
                name == "where"
                and len(args) == 3
                and isinstance(args[0], ast.Compare)
                and all(isinstance(a, ast.Constant) for a in args[1:])
                and [args[1].value, args[2].value] == [1, 0]
            ):  # type: ignore[attr-defined]
                return args[0]
            if name in ("sum", "mean") and len(args) == 2:
                node.keywords = [ast.keyword("axis", args[1]), *node.keywords]
                args = node.args = [args[0]]
            node.func = ast.Name(name, ast.Load())
            return node
        if f.attr in ("sum", "mean"):
            self.changed = True
            if len(args) == 1:
                kws = [ast.keyword("axis", args[0]), *kws]
            return ast.Call(ast.Name(f.attr, ast.Load()), [base], kws)
        if f.attr in ("dot", "matmul") and len(args) == 1:
            self.changed = True
            return ast.BinOp(base, ast.MatMult(), args[0])
        if f.attr == "astype":
            self.changed = True
            return base
        if f.attr == "transpose" and not args:
            self.changed = True
            return ast.Attribute(base, "T", ast.Load())
        return node


def _numpy_normalise(text: str) -> str | None:
    """``np.sum(dZ, axis=0, keepdims=True)`` → ``sum(dZ, axis=0)`` etc.; ``None`` if nothing
    changed or ``text`` is not Python syntax."""
    if len(text) > ex.MAX_LENGTH:
        return None
    try:
        tree = ast.parse(text.strip(), mode="eval")
        fixer = _Numpy()
        new = fixer.visit(tree)
        if not fixer.changed:
            return None
        return ast.unparse(ast.fix_missing_locations(new))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _wrt_from(net: _Net, wrt: str | None, lhs: str | None, formula: str) -> str:
    """The tensor whose gradient is checked, from ``--wrt`` and/or ``dW2 = …``."""
    if wrt is None and lhs is None:
        raise FormulaError("say which gradient this is: --wrt W2, or write 'dW2 = …'")
    names = [n for n in (wrt, lhs) if n is not None]
    out = []
    for text in names:
        name = _tensor_of(net, text)
        if name is None:
            grads = [
                n for n, t in net.g.tensors.items() if t.grads is not None and n != net.spec.loss
            ]
            raise FormulaError(
                f"'{text}' is not a tensor with a gradient in "
                f"{net.spec.name}; use one of: {', '.join(grads)}"
            )
        out.append(name)
    if len(set(out)) > 1:
        raise FormulaError(
            f"the formula's left side is d{out[1]} but --wrt is {out[0]}", 1, formula
        )
    return out[0]


def _tensor_of(net: _Net, text: str) -> str | None:
    text = text.strip()
    for cand in (
        text,
        text[1:] if text.startswith("d") else None,
        text[6:] if text.startswith("delta_") else None,
    ):
        if (
            cand
            and cand in net.g.tensors
            and net.g.tensors[cand].grads is not None
            and cand != net.spec.loss
        ):
            return cand
    return None


# ---- formula trees → matrix form ----------------------------------------------------------------


@dataclass(frozen=True)
class _Indicator(mf.MExpr):
    """``(a > b)`` as 1/0 entries: ``Z1 > 0`` is ``relu_grad(Z1)``."""

    op: str
    a: mf.MExpr
    b: mf.MExpr

    @property
    def shape(self):  # type: ignore[override]
        return mf._bshape(self.a.shape, self.b.shape)


@dataclass(frozen=True)
class _RPow(mf.MExpr):
    """A power with a non-integer exponent (``x ** 0.5``)."""

    x: mf.MExpr
    n: Fraction

    @property
    def shape(self):  # type: ignore[override]
        return self.x.shape


class _ShapeError(Exception):
    """A formula whose shapes do not fit (a wrong formula, not an unreadable one)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _fits(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return all(x == y or x == 1 or y == 1 for x, y in zip(a, b, strict=True))


class _Convert:
    """Expression tree (from text) → :mod:`derive.mform` expression over the network's symbols.
    Also returns the tree with LaTeX products resolved to ``@``/``*``."""

    def __init__(self, net: _Net, text: str, allow_upstream: bool = True) -> None:
        self.net, self.text, self.allow_upstream = net, text, allow_upstream
        self.grads_used: set[str] = set()
        self.literals: set[Fraction] = set()
        self.piecewise = False
        self.cost = 0

    def __call__(self, node: ex.Node) -> tuple[mf.MExpr, ex.Node]:
        out = self.convert(node)
        if self.cost > MAX_COST:
            raise FormulaError(
                f"formula is too expensive to evaluate ({self.cost} operations; "
                f"the limit is {MAX_COST})"
            )
        return out

    def count(self, shape: tuple[int, int], inner: int = 1) -> None:
        self.cost += int(shape[0]) * int(shape[1]) * int(inner)
        if self.cost > 50 * MAX_COST:
            raise FormulaError(
                f"formula is too expensive to evaluate (limit {MAX_COST} operations)"
            )

    def column(self, name: str) -> int:
        m = re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", self.text)
        return m.start() + 1 if m else 0

    def name(self, node: ex.Name) -> tuple[mf.MExpr, ex.Node]:
        if node.id == latexin.ONES:  # \mathbf{1} on its own (LaTeX): 1, broadcast
            return mf.Scalar(sp.Integer(1)), ex.Num(Fraction(1))
        found = self.net.resolve(node.id)
        if found is None:
            col = self.column(node.id)
            near = difflib.get_close_matches(node.id, list(self.net.names), n=3, cutoff=0.5)
            hint = f"; did you mean {' or '.join(near)}?" if near else ""
            g = self.net.g
            known = ", ".join([*g.tensors, *g.scalars])
            where = f" (column {col})" if col else ""
            raise FormulaError(
                f"unknown name '{node.id}'{where}{hint} Known: {known}; dX for ∂L/∂X",
                col,
                self.text,
            )
        canonical, leaf = found
        if isinstance(leaf, mf.Ref) and leaf.kind == "grad":
            if not self.allow_upstream:
                col = self.column(node.id)
                raise FormulaError(
                    f"'{node.id}' (an upstream gradient) is not allowed here: "
                    "write the formula in terms of forward values",
                    col,
                    self.text,
                )
            tensor = self.net.label_at.get(leaf.name, (leaf.name,))[0]
            self.grads_used.add(tensor)
        return leaf, ex.Name(canonical)

    def convert(self, node: ex.Node) -> tuple[mf.MExpr, ex.Node]:
        if isinstance(node, ex.Num):
            if node.value not in (0, 1, -1):
                self.literals.add(abs(node.value))
            return mf.Scalar(sp.Rational(node.value.numerator, node.value.denominator)), node
        if isinstance(node, ex.Name):
            return self.name(node)
        if isinstance(node, ex.Neg):
            x, n = self.convert(node.operand)
            self.count(x.shape)
            return mf.neg(x), ex.Neg(n)
        if isinstance(node, ex.Transpose):
            x, n = self.convert(node.operand)
            return (x if x.shape == (1, 1) else mf.T(x)), ex.Transpose(n)
        if isinstance(node, ex.Pow):
            x, n = self.convert(node.base)
            self.count(x.shape, 8)
            e = node.exponent
            out = mf.Pow(x, int(e)) if e.denominator == 1 else _RPow(x, e)
            return out, ex.Pow(n, e)
        if isinstance(node, ex.BinOp):
            return self.binop(node)
        if isinstance(node, ex.Compare):
            a, na = self.convert(node.left)
            b, nb = self.convert(node.right)
            if not _fits(a.shape, b.shape):
                raise _ShapeError(
                    f"`{tree_text(node)}` compares shapes {_shape_text(a.shape)} "
                    f"and {_shape_text(b.shape)}"
                )
            self.piecewise = True
            out = _Indicator(node.op, a, b)
            self.count(out.shape)
            return out, ex.Compare(node.op, na, nb)
        if isinstance(node, ex.Call):
            return self.call(node)
        raise FormulaError(f"'{type(node).__name__}' is not allowed in a formula", 0, self.text)

    def binop(self, node: ex.BinOp) -> tuple[mf.MExpr, ex.Node]:
        if node.op in ("·", "@") and node.right == ex.Name(latexin.ONES):  # X 𝟙: row sums
            x, nx = self.convert(node.left)
            self.count(x.shape)
            return mf.SumCols(x), ex.Call("sum", (nx,), (("axis", ex.Num(Fraction(1))),))
        a, na = self.convert(node.left)
        b, nb = self.convert(node.right)
        op = node.op
        if op == "·":  # a LaTeX product: matrix product when the sizes fit, else scaling
            if isinstance(a, mf.Scalar | mf.Ones) or (1, 1) in (a.shape, b.shape):
                op = "*"
            elif a.shape[1] == b.shape[0]:
                op = "@"
            else:
                raise _ShapeError(
                    f"the product `{tree_text(na)} · {tree_text(nb)}` multiplies shapes "
                    f"{_shape_text(a.shape)} and {_shape_text(b.shape)}: the inner sizes "
                    f"{a.shape[1]} and {b.shape[0]} differ"
                )
        shown = ex.BinOp(op, na, nb)
        if op == "@":
            if isinstance(a, mf.Scalar) or isinstance(b, mf.Scalar):
                raise _ShapeError(
                    f"`{tree_text(shown)}`: '@' needs two matrices; use * to scale by a number"
                )
            if a.shape[1] != b.shape[0]:
                raise _ShapeError(
                    f"in `{tree_text(shown)}` the left factor is {_shape_text(a.shape)} and the "
                    f"right is {_shape_text(b.shape)}: the inner sizes {a.shape[1]} and "
                    f"{b.shape[0]} differ"
                )
            out: mf.MExpr = mf.MatMul(a, b)
            self.count(out.shape, a.shape[1])
            return out, shown
        if not _fits(a.shape, b.shape):
            raise _ShapeError(
                f"in `{tree_text(shown)}` the shapes {_shape_text(a.shape)} and "
                f"{_shape_text(b.shape)} do not broadcast"
            )
        if op == "/" and isinstance(b, mf.Scalar) and b.expr == 0:
            out = mf.Div(a, b)  # undefined everywhere: evaluation says so
        else:
            out = {"+": mf.add, "-": mf.sub, "*": mf.mul, "/": mf.div}[op](a, b)
        self.count(out.shape)
        return out, shown

    def call(self, node: ex.Call) -> tuple[mf.MExpr, ex.Node]:
        f = node.func
        args = [self.convert(a) for a in node.args]
        x, nx = args[0]
        self.count(x.shape, 4)
        if f in ("sigmoid", "relu", "tanh", "exp", "log", "relu_grad"):
            if f == "relu_grad":
                self.piecewise = True
            return mf.Func(f, x), ex.Call(f, (nx,))
        if f == "leaky_relu":
            slope = sp.Rational(1, 100)
            if len(node.args) > 1:
                if not isinstance(node.args[1], ex.Num):
                    raise FormulaError("leaky_relu's slope must be a number", 0, self.text)
                v = node.args[1].value
                slope = sp.Rational(v.numerator, v.denominator)
            self.piecewise = True
            return mf.Func("leaky_relu", x, slope), ex.Call(f, (nx, *node.args[1:]))
        if f == "softmax":
            return mf.Call("softmax", (x,), (), x.shape), ex.Call(f, (nx,))
        if f in ("sum", "mean"):
            axis = node.kwarg("axis")
            if axis is not None and not (isinstance(axis, ex.Num) and axis.value in (0, 1)):
                raise FormulaError(f"{f}(…, axis=…) must be axis=0 or axis=1", 0, self.text)
            shown = ex.Call(f, (nx,), node.kwargs)
            r, c = x.shape
            if axis is None:
                out, count = mf.SumAll(x), (r, c)
            elif axis.value == 0:
                out, count = mf.SumRows(x), (r,)
            else:
                out, count = mf.SumCols(x), (c,)
            if f == "mean":
                out = mf.div(out, self.net.g.count(count))  # type: ignore[arg-type]
            return out, shown
        # a loss inside a gradient formula: allowed, evaluated as the spec would
        kwargs = tuple((k, self.convert(v)[0]) for k, v in node.kwargs)
        y = args[1][0]
        if x.shape != y.shape and {x.shape, y.shape} != {(1, 1)}:
            raise _ShapeError(
                f"{f}() needs two tensors of the same shape, got "
                f"{_shape_text(x.shape)} and {_shape_text(y.shape)}"
            )
        return mf.Call(f, (x, y), kwargs, (1, 1)), ex.Call(f, (nx, args[1][1]), node.kwargs)


# ---- evaluation: 50-digit exact points and float64 ----------------------------------------------


class _Undefined(Exception):
    """The formula has no finite value at a point (division by zero, log of a negative …)."""


def _vec(f: Callable[..., Any], n: int = 1) -> Callable[..., np.ndarray]:
    u = np.frompyfunc(f, n, 1)

    def run(*xs: np.ndarray) -> np.ndarray:
        return np.asarray(u(*xs), dtype=object).reshape(
            np.broadcast_shapes(*(np.shape(x) for x in xs))
        )

    return run


class _System:
    """How leaves and functions evaluate: at one exact checker point, or in float64."""

    def __init__(self, checker: Checker | None, k: int, net: _Net | None = None) -> None:
        self.checker, self.k, self.net = checker, k, net
        self.mp = checker is not None
        self.one = mpmath.mpf(1) if self.mp else 1.0
        self.zero = mpmath.mpf(0) if self.mp else 0.0
        m = mpmath if self.mp else math
        one, zero = self.one, self.zero

        def exp(x: Any) -> Any:
            if x > EXP_CAP:
                raise _Undefined("exp overflows")
            return zero if x < -EXP_CAP else m.exp(x)

        def sigmoid(x: Any) -> Any:
            if abs(x) > EXP_CAP:
                return one if x > 0 else zero
            return one / (one + m.exp(-x)) if x >= 0 else m.exp(x) / (one + m.exp(x))

        def tanh(x: Any) -> Any:
            return m.tanh(x) if abs(x) <= EXP_CAP else (one if x > 0 else -one)

        def log(x: Any) -> Any:
            if not x > 0:
                raise _Undefined("log of a number ≤ 0")
            return m.log(x)

        self.funcs: dict[str, Callable[..., np.ndarray]] = {
            "sigmoid": _vec(sigmoid),
            "tanh": _vec(tanh),
            "exp": _vec(exp),
            "log": _vec(log),
            "relu": _vec(lambda x: x if x > 0 else zero),
            "relu_grad": _vec(lambda x: one if x > 0 else zero),
        }

    def leaf(self, r: mf.Ref) -> np.ndarray:
        if self.checker is not None:
            ev = self.checker._eval
            m = r.symbols
            return np.array(
                [[ev(m[i, j], self.k) for j in range(m.cols)] for i in range(m.rows)], dtype=object
            )
        assert self.net is not None
        return self.net.float_leaf(r).astype(object)

    def scalar(self, e: sp.Expr) -> Any:
        if self.checker is not None:
            return self.checker._eval(e, self.k)
        assert self.net is not None
        return float(e.xreplace(self.net.float_scalars))

    def number(self, v: Any) -> Any:
        return mpmath.mpf(v) if self.mp else float(v)


def _compare(op: str, one: Any, zero: Any) -> Callable[..., np.ndarray]:
    tests = {
        ">": lambda x, y: x > y,
        ">=": lambda x, y: x >= y,
        "<": lambda x, y: x < y,
        "<=": lambda x, y: x <= y,
    }
    t = tests[op]
    return _vec(lambda x, y: one if t(x, y) else zero, 2)


def _ev(e: mf.MExpr, s: _System) -> np.ndarray:
    """``e`` as a 2-D object array of numbers in system ``s``; raises :class:`_Undefined`."""
    if isinstance(e, mf.Ref):
        return s.leaf(e)
    if isinstance(e, mf.Scalar):
        return np.array([[s.scalar(e.expr)]], dtype=object)
    if isinstance(e, mf.Ones):
        return np.full(e.shape, s.one, dtype=object)
    if isinstance(e, mf.T):
        return _ev(e.x, s).T
    if isinstance(e, mf.MatMul):
        return _ev(e.a, s) @ _ev(e.b, s)
    if isinstance(e, mf.Add):
        total = _ev(e.terms[0], s)
        for t in e.terms[1:]:
            total = total + _ev(t, s)
        return total
    if isinstance(e, mf.Neg):
        return -_ev(e.x, s)
    if isinstance(e, mf.Mul):
        return _ev(e.a, s) * _ev(e.b, s)
    if isinstance(e, mf.Div):
        return _ev(e.a, s) / _ev(e.b, s)
    if isinstance(e, mf.Pow):
        return _ev(e.x, s) ** e.n
    if isinstance(e, _RPow):
        x = _ev(e.x, s)
        p = s.number(e.n.numerator) / s.number(e.n.denominator)
        if any(not v > 0 for v in x.flat):
            raise _Undefined("a fractional power of a number ≤ 0")
        return _vec(lambda v: v**p)(x)
    if isinstance(e, mf.Func):
        x = _ev(e.x, s)
        if e.name in ("leaky_relu", "leaky_grad"):
            a = s.scalar(e.slope)  # type: ignore[arg-type]
            if e.name == "leaky_relu":
                return _vec(lambda v: v if v > 0 else a * v)(x)
            return _vec(lambda v: s.one if v > 0 else a)(x)
        return s.funcs[e.name](x)
    if isinstance(e, _Indicator):
        return _compare(e.op, s.one, s.zero)(_ev(e.a, s), _ev(e.b, s))
    if isinstance(e, mf.SumRows):
        return _ev(e.x, s).sum(axis=0, keepdims=True)
    if isinstance(e, mf.SumCols):
        return _ev(e.x, s).sum(axis=1, keepdims=True)
    if isinstance(e, mf.SumAll):
        return np.array([[_ev(e.x, s).sum()]], dtype=object)
    if isinstance(e, mf.Call):
        if e.name == "softmax":
            x = _ev(e.args[0], s)
            out = []
            for row in x:
                top = max(row)
                ex_ = s.funcs["exp"](np.array([v - top for v in row], dtype=object))
                total = ex_.sum()
                out.append([v / total for v in ex_])
            return np.array(out, dtype=object)
        if e.name in ("sum", "mean"):
            x = _ev(e.args[0], s)
            axis = e._axis()
            out = (
                np.array([[x.sum()]], dtype=object)
                if axis is None
                else x.sum(axis=axis, keepdims=True)
            )
            n = x.size if axis is None else x.shape[axis]
            return out if e.name == "sum" else out / s.number(n)
        if s.checker is not None:  # losses: the mform evaluation (used rarely)
            ck, k = s.checker, s.k
            with mpmath.workdps(DPS):
                return np.array(e.evaluate(lambda v: ck._eval(v, k)), dtype=object)
        assert s.net is not None
        with np.errstate(all="ignore"):
            val = e.numeric(s.net.float_env, s.net.float_scalars)
        return np.atleast_2d(np.asarray(val, float)).astype(object)
    raise _Undefined(f"cannot evaluate {type(e).__name__}")


def _evaluate(e: mf.MExpr, s: _System) -> np.ndarray | None:
    """Values of ``e`` (2-D object array), or ``None`` where it is undefined."""
    try:
        if s.mp:
            with mpmath.workdps(DPS):
                out = _ev(e, s)
        else:
            out = _ev(e, s)
        out = np.asarray(out, dtype=object).reshape(e.shape)
    except (_Undefined, StepError, ZeroDivisionError, OverflowError, ValueError, TypeError):
        return None
    for v in out.flat:
        if s.mp:
            if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
                return None
        elif not isinstance(v, float | int) or not math.isfinite(v):
            return None
    return out


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Exact-point equality (50 digits, relative :data:`TOLERANCE`)."""
    if a is None or b is None or a.shape != b.shape:
        return False
    with mpmath.workdps(DPS):
        for x, y in zip(a.flat, b.flat, strict=True):
            if not abs(x - y) <= TOLERANCE * max(1, abs(x), abs(y)):
                return False
    return True


def _floats(a: np.ndarray | None) -> np.ndarray | None:
    """float64 copy of exact values; ``None`` if undefined or beyond float64's range."""
    if a is None:
        return None
    try:
        out = np.array([[float(v) for v in row] for row in a], dtype=float)
    except (OverflowError, ValueError, TypeError):
        return None
    return out if bool(np.all(np.isfinite(out))) else None


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    if a.shape != b.shape:
        return False
    scale = max(float(np.max(np.abs(b), initial=0.0)), 1e-300)
    return bool(np.all(np.abs(a - b) <= 1e-9 * np.abs(b) + 1e-12 * scale))


# ---- printing in the input language -------------------------------------------------------------

_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2, "·": 2}


def _num_text(v: Fraction) -> tuple[str, int]:
    if v.denominator == 1:
        return str(v.numerator), 5 if v >= 0 else 3
    d = v.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:  # a terminating decimal
        text = f"{float(v)!r}"
        return text, 5 if v >= 0 else 3
    return f"{v.numerator}/{v.denominator}", 2


def tree_text(n: ex.Node, parent: int = 0) -> str:
    """An expression tree in the input language (``A1.T @ dZ2 / m``)."""
    if isinstance(n, ex.Num):
        s, prec = _num_text(n.value)
    elif isinstance(n, ex.Name):
        s, prec = n.id, 5
    elif isinstance(n, ex.BinOp):
        prec = _PREC[n.op]
        op = "@" if n.op == "·" else n.op
        left = prec + 1 if _mixes(op, n.left) else prec  # (A @ B) * C: never rely on ties
        s = f"{tree_text(n.left, left)} {op} {tree_text(n.right, prec + 1)}"
    elif isinstance(n, ex.Neg):
        s, prec = f"-{tree_text(n.operand, 3)}", 3
    elif isinstance(n, ex.Pow):
        e, _ = _num_text(n.exponent)
        s, prec = f"{tree_text(n.base, 5)} ** {e if n.exponent >= 0 else f'({e})'}", 4
    elif isinstance(n, ex.Transpose):
        s, prec = f"{tree_text(n.operand, 5)}.T", 5
    elif isinstance(n, ex.Call):
        parts = [tree_text(a) for a in n.args] + [f"{k}={tree_text(v)}" for k, v in n.kwargs]
        s, prec = f"{n.func}({', '.join(parts)})", 5
    elif isinstance(n, ex.Compare):
        s, prec = f"{tree_text(n.left, 1)} {n.op} {tree_text(n.right, 1)}", 0
    else:  # pragma: no cover - Index is not allowed in formulas
        s, prec = str(n), 5
    return f"({s})" if prec < parent else s


def _mixes(op: str, child: ex.Node) -> bool:
    """``@`` next to ``*``/``/`` (same Python precedence): parenthesise for the reader."""
    if not isinstance(child, ex.BinOp) or child.op not in ("@", "·", "*", "/"):
        return False
    return (op == "@") != (child.op in ("@", "·"))


def formula_text(e: mf.MExpr, parent: int = 0) -> str:
    """A matrix-form expression in the input language, so it can be pasted back as a formula."""
    s, prec = _formula(e)
    return f"({s})" if prec < parent else s


def _scalar_text(expr: sp.Expr) -> tuple[str, int]:
    if expr.is_Integer:
        return str(expr), 5 if expr >= 0 else 3
    if expr.is_Rational:
        return _num_text(Fraction(int(expr.p), int(expr.q)))
    if expr.is_Symbol:
        return expr.name, 5
    text = sp.sstr(expr)
    if expr.is_Add:
        return text, 1
    return text, 2


def _inverse(e: mf.MExpr) -> str | None:
    """``1/m`` → ``"m"``: a scaling printed as a division."""
    if not isinstance(e, mf.Scalar):
        return None
    x = e.expr
    if x.is_Rational and x.p == 1 and x.q != 1:
        return str(x.q)
    if x.is_Pow and x.exp == -1:
        return _scalar_text(x.base)[0] if x.base.is_Atom else f"({sp.sstr(x.base)})"
    return None


def _formula(e: mf.MExpr) -> tuple[str, int]:
    f = formula_text
    if isinstance(e, mf.Ref):
        return (e.name if e.kind == "value" else "d" + e.name), 5
    if isinstance(e, mf.Scalar):
        return _scalar_text(e.expr)
    if isinstance(e, mf.Ones):
        return "1", 5
    if isinstance(e, mf.T):
        return f"{f(e.x, 5)}.T", 5
    if isinstance(e, mf.MatMul):
        return f"{f(e.a, 3 if isinstance(e.a, mf.Mul | mf.Div) else 2)} @ {f(e.b, 3)}", 2
    if isinstance(e, mf.Mul):
        for scale, other in ((e.a, e.b), (e.b, e.a)):
            den = _inverse(scale)
            if den is not None:
                return f"{f(other, 3 if isinstance(other, mf.MatMul) else 2)} / {den}", 2
        return f"{f(e.a, 3 if isinstance(e.a, mf.MatMul) else 2)} * {f(e.b, 3)}", 2
    if isinstance(e, mf.Div):
        return f"{f(e.a, 3 if isinstance(e.a, mf.MatMul) else 2)} / {f(e.b, 3)}", 2
    if isinstance(e, mf.Add):
        out = ""
        for k, t in enumerate(e.terms):
            if isinstance(t, mf.Scalar) and t.expr.is_Number and t.expr < 0:
                t = mf.Neg(mf.Scalar(-t.expr))
            if isinstance(t, mf.Neg):
                s = f(t.x, 2)
                out += f" - {s}" if k else f"-{s}"
            else:
                s = f(t, 1)
                out += f" + {s}" if k else s
        return out, 1
    if isinstance(e, mf.Neg):
        return f"-{f(e.x, 3)}", 3
    if isinstance(e, mf.Pow):
        return f"{f(e.x, 5)} ** {e.n if e.n >= 0 else f'({e.n})'}", 4
    if isinstance(e, _RPow):
        return f"{f(e.x, 5)} ** ({e.n})", 4
    if isinstance(e, mf.Func):
        x = f(e.x)
        if e.name == "relu_grad":
            return f"({x} > 0)", 5
        if e.name == "leaky_grad":
            return f"((({x}) > 0) + {e.slope} * (({x}) <= 0))", 5
        if e.name == "leaky_relu":
            return f"leaky_relu({x}, {e.slope})", 5
        return f"{e.name}({x})", 5
    if isinstance(e, _Indicator):
        return f"({f(e.a, 1)} {e.op} {f(e.b, 1)})", 5
    if isinstance(e, mf.SumRows):
        return f"sum({f(e.x)}, axis=0)", 5
    if isinstance(e, mf.SumCols):
        return f"sum({f(e.x)}, axis=1)", 5
    if isinstance(e, mf.SumAll):
        return f"sum({f(e.x)})", 5
    if isinstance(e, mf.Call):
        parts = [f(a) for a in e.args]
        axis = e._axis() if e.name in ("sum", "mean") else None
        if axis is not None:
            parts.append(f"axis={axis}")
        parts += [f"{k}={f(v)}" for k, v in e.kwargs if k != "axis"]
        return f"{e.name}({', '.join(parts)})", 5
    return e.code(), 2


# ---- matrix-form trees: positions, rebuilding, shape validity -----------------------------------


def _kids(e: mf.MExpr) -> tuple[mf.MExpr, ...]:
    if isinstance(
        e, mf.T | mf.Neg | mf.Pow | mf.Func | mf.SumRows | mf.SumCols | mf.SumAll | _RPow
    ):
        return (e.x,)
    if isinstance(e, mf.MatMul | mf.Mul | mf.Div | _Indicator):
        return (e.a, e.b)
    if isinstance(e, mf.Add):
        return e.terms
    if isinstance(e, mf.Call):
        return e.args
    return ()


def _rebuild(e: mf.MExpr, kids: tuple[mf.MExpr, ...]) -> mf.MExpr:
    if isinstance(
        e, mf.T | mf.Neg | mf.Pow | mf.Func | mf.SumRows | mf.SumCols | mf.SumAll | _RPow
    ):
        return dataclasses.replace(e, x=kids[0])
    if isinstance(e, mf.MatMul | mf.Mul | mf.Div | _Indicator):
        return dataclasses.replace(e, a=kids[0], b=kids[1])
    if isinstance(e, mf.Add):
        return mf.Add(tuple(kids))
    if isinstance(e, mf.Call):
        return dataclasses.replace(e, args=tuple(kids))
    return e


def _positions(
    e: mf.MExpr, path: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], mf.MExpr]]:
    yield path, e
    for i, k in enumerate(_kids(e)):
        yield from _positions(k, (*path, i))


def _replace(e: mf.MExpr, path: tuple[int, ...], new: mf.MExpr) -> mf.MExpr:
    if not path:
        return new
    kids = list(_kids(e))
    kids[path[0]] = _replace(kids[path[0]], path[1:], new)
    return _rebuild(e, tuple(kids))


def _shape_ok(e: mf.MExpr) -> bool:
    if not all(_shape_ok(k) for k in _kids(e)):
        return False
    if isinstance(e, mf.MatMul):
        return e.a.shape[1] == e.b.shape[0]
    if isinstance(e, mf.Add):
        return all(_fits(t.shape, e.shape) for t in e.terms)
    if isinstance(e, mf.Mul | mf.Div | _Indicator):
        return _fits(e.a.shape, e.b.shape)
    return True


# ---- the truth for one gradient, and its mutation library ---------------------------------------


@dataclass(frozen=True)
class _Mutation:
    code: str
    message: str
    expr: mf.MExpr
    values: tuple[np.ndarray, ...]


ACTIVATIONS = ("relu", "sigmoid", "tanh", "leaky_relu")
PRIORITY = [
    "weighted-loss-not-simplifiable",
    "missing-activation-derivative",
    "wrong-activation-derivative",
    "bias-not-summed",
    "wrong-sum-axis",
    "missing-transpose",
    "extra-transpose",
    "operand-order",
    "sign",
    "shape-mismatch",
]


class _Target:
    """``∂L/∂name``: its true values at the exact points, formulas and mutation library."""

    def __init__(self, net: _Net, name: str) -> None:
        self.net, self.name = net, name
        self.visit: BackwardVisit = net.visits[name]
        self.formula = self.visit.formula
        t = net.g.tensors[name]
        self.ref = t.grad_ref(net.g.loss_tex)
        self.shape = (int(t.shape[0]), int(t.shape[1]))
        self._truth: dict[tuple[str, int], np.ndarray | None] = {}
        self._mutations: list[_Mutation] | None = None
        self.expected = formula_text(self.formula)
        self.expanded = formula_text(self.expand(self.formula))
        self.tex = self.formula.tex()

    def truth(self, k: int, where: str = "rand") -> np.ndarray | None:
        key = (where, k)
        if key not in self._truth:
            self._truth[key] = _evaluate(self.ref, _System(self.checker(where), k))
        return self._truth[key]

    def checker(self, where: str) -> Checker:
        n = self.net
        if where == "rand":
            return n.rand
        if where == "example":
            return n.example
        if where == "dims":
            return n.other_dims
        assert where == "zero" and n.zero is not None
        return n.zero

    def expand(self, e: mf.MExpr) -> mf.MExpr:
        """``e`` with every upstream gradient replaced by its formula (forward values only)."""
        if isinstance(e, mf.Ref) and e.kind == "grad" and e.name in self.net.visits:
            return self.expand(self.net.visits[e.name].formula)
        kids = _kids(e)
        return _rebuild(e, tuple(self.expand(k) for k in kids)) if kids else e

    # mutations ----------------------------------------------------------------------------
    def mutations(self) -> list[_Mutation]:
        if self._mutations is None:
            self._mutations = self._build_mutations()
        return self._mutations

    def _build_mutations(self) -> list[_Mutation]:
        raw: list[tuple[str, str, mf.MExpr]] = []
        for node in self.upstream():
            for code, message, local in _local_mutations(self.net, node, node == self.name):
                full = local if node == self.name else self.substitute(self.formula, node, local)
                if full is not None:
                    raw.append((code, message, full))
        raw.sort(key=lambda r: PRIORITY.index(r[0]) if r[0] in PRIORITY else len(PRIORITY))
        truth = [_floats(self.truth(k)) for k in range(DIAG_POINTS)]
        out: list[_Mutation] = []
        for code, message, e in raw:
            if not _shape_ok(e):
                continue
            vals = [_floats(_evaluate(e, _System(self.net.rand, k))) for k in range(DIAG_POINTS)]
            if any(v is None for v in vals):
                continue
            if not any(np.any(v != 0) for v in vals):  # type: ignore[union-attr]
                continue  # zero at every point here: it would match anything that is zero
            if e.shape == self.shape and all(
                t is not None and _close(v, t) for v, t in zip(vals, truth, strict=True)
            ):
                continue  # not a mistake after all (e.g. relu' vs relu on A)
            if any(
                m.expr.shape == e.shape
                and all(_close(a, b) for a, b in zip(vals, m.values, strict=True))
                for m in out
            ):
                continue
            out.append(_Mutation(code, message, e, tuple(vals)))  # type: ignore[arg-type]
        return out

    def upstream(self) -> list[str]:
        """This visit and the visits its formula reads, nearest first."""
        order, todo = [], [self.name]
        while todo:
            n = todo.pop(0)
            if n in order or n not in self.net.visits:
                continue
            order.append(n)
            for _, e in _positions(self.net.visits[n].formula):
                if isinstance(e, mf.Ref) and e.kind == "grad":
                    todo.append(e.name)
        return order

    def substitute(self, e: mf.MExpr, node: str, local: mf.MExpr) -> mf.MExpr | None:
        """``e`` with ``∂L/∂node`` replaced by ``local``, through the chain of visits."""
        if isinstance(e, mf.Ref) and e.kind == "grad":
            if e.name == node:
                return local
            if e.name in self.net.visits and node in self.net.target(e.name).upstream():
                return self.substitute(self.net.visits[e.name].formula, node, local)
            return e
        kids = _kids(e)
        if not kids:
            return e
        new = [self.substitute(k, node, local) for k in kids]
        if any(k is None for k in new):
            return None
        return _rebuild(e, tuple(new))  # type: ignore[arg-type]


def _local_mutations(net: _Net, node: str, top: bool) -> Iterator[tuple[str, str, mf.MExpr]]:
    """Typical mistakes in the visit of ``node``: (code, message, wrong formula for ∂L/∂node)."""
    g = net.g
    visit = net.visits[node]
    F = visit.formula
    grad = _grad_name(node)
    one = mf.Scalar(sp.Integer(1))
    cons = g.consumers.get(node, ())
    # the weighted BCE does not simplify to (Ŷ − Y)/m
    if visit.rule == "weighted-bce" and len(cons) == 1:
        loss = g.spec.forward[-1][1]
        if isinstance(loss, ex.Call) and isinstance(loss.args[1], ex.Name):
            a = g.tensors[cons[0]].value_ref(g.loss_tex)
            y = g.tensors[loss.args[1].id].value_ref(g.loss_tex)
            plain = mf.div(mf.sub(a, y), g.count(a.shape))
            yield (
                "weighted-loss-not-simplifiable",
                f"with a weighted BCE (pos_weight) {grad} does not simplify to "
                f"{formula_text(plain)}; it is {formula_text(F)}",
                plain,
            )
    # activation derivatives: V → C = f(V)
    tree = next((t for n, t in g.spec.forward if n == cons[0]), None) if len(cons) == 1 else None
    if (
        isinstance(tree, ex.Call)
        and tree.func in ACTIVATIONS
        and tree.args[0] == ex.Name(node)
        and g.tensors[cons[0]].grads is not None
    ):
        C = cons[0]
        up = g.tensors[C].grad_ref(g.loss_tex)
        v = g.tensors[node].value_ref(g.loss_tex)
        c = g.tensors[C].value_ref(g.loss_tex)
        f = tree.func
        sig = mf.Func("sigmoid", v)
        true_local = {
            "relu": mf.Func("relu_grad", v),
            "sigmoid": mf.mul(c, mf.sub(one, c)),
            "tanh": mf.sub(one, mf.Pow(c, 2)),
            "leaky_relu": mf.Func("leaky_grad", v, sp.Rational(1, 100)),
        }[f]
        deriv = {"relu": "relu'", "sigmoid": "σ'", "tanh": "tanh'", "leaky_relu": "leaky_relu'"}[f]
        right = f"{grad} = d{C} * {formula_text(true_local, 2)}"
        yield (
            "missing-activation-derivative",
            f"the derivative of {C} = {f}({node}) is left out: {right} ({deriv}({node}))",
            up,
        )
        alts = [
            ("relu_grad", f"relu'({node}) = ({node} > 0)", mf.Func("relu_grad", v)),
            ("sigmoid", f"σ'({node}) = σ({node}) * (1 - σ({node}))", mf.mul(sig, mf.sub(one, sig))),
            (
                "sigmoid-out",
                f"{C} * (1 - {C}), the sigmoid's derivative",
                mf.mul(c, mf.sub(one, c)),
            ),
            ("tanh", f"1 - {C} ** 2, the tanh's derivative", mf.sub(one, mf.Pow(c, 2))),
            ("itself", f"the activation {C} itself instead of its derivative", c),
            (
                "pre",
                f"{node} * (1 - {node}), σ(x)(1 − σ(x)) applied to {node} instead of σ({node})",
                mf.mul(v, mf.sub(one, v)),
            ),
            ("pre-itself", f"{node} itself instead of {deriv}({node})", v),
        ]
        for _key, desc, alt in alts:
            yield (
                "wrong-activation-derivative",
                f"wrong derivative of {C} = {f}({node}): you used {desc}; {right}",
                mf.mul(up, alt),
            )
        if visit.simplified:
            yield (
                "wrong-activation-derivative",
                f"{deriv}({node}) is counted twice: {grad} = {formula_text(F)} already "
                f"contains it (sigmoid and BCE simplify together)",
                mf.mul(F, true_local),
            )
    # structural slips in the visit's own formula
    for path, e in _positions(F):
        if isinstance(e, mf.T):
            yield (
                "missing-transpose",
                f"{formula_text(e.x, 5)} must be transposed here: {grad} = {formula_text(F)}",
                _replace(F, path, e.x),
            )
        if isinstance(e, mf.MatMul):
            yield (
                "operand-order",
                f"the factors of {formula_text(e)} are in the wrong order",
                _replace(F, path, mf.MatMul(e.b, e.a)),
            )
            for side, x in ((0, e.a), (1, e.b)):
                if not isinstance(x, mf.T) and x.shape != (1, 1):
                    wrapped = mf.MatMul(mf.T(x), e.b) if side == 0 else mf.MatMul(e.a, mf.T(x))
                    yield (
                        "extra-transpose",
                        f"{formula_text(x, 5)} must not be transposed here: {grad} = "
                        f"{formula_text(F)}",
                        _replace(F, path, wrapped),
                    )
        if isinstance(e, mf.Neg):
            yield ("sign", f"a minus sign is missing in {formula_text(e)}", _replace(F, path, e.x))
        if isinstance(e, mf.Add):
            for i, t in enumerate(e.terms):
                flipped = list(e.terms)
                flipped[i] = mf.neg(t)
                yield (
                    "sign",
                    f"a sign inside {formula_text(e)} is wrong",
                    _replace(F, path, mf.Add(tuple(flipped))),
                )
        if isinstance(e, mf.SumRows | mf.SumAll):
            yield (
                "bias-not-summed",
                f"{grad} must be summed over the batch (the {node} is shared by every "
                f"example): {grad} = {formula_text(F)}",
                _replace(F, path, e.x),
            )
        if isinstance(e, mf.SumRows):
            for other, what in ((mf.SumCols(e.x), "axis=1"), (mf.SumAll(e.x), "all entries")):
                yield (
                    "wrong-sum-axis",
                    f"the sum over the batch runs down the rows (axis=0), not over {what}: "
                    f"{grad} = {formula_text(F)}",
                    _replace(F, path, other),
                )
    if top and F.shape != (1, 1):
        square = F.shape[0] == F.shape[1]
        yield (
            "operand-order" if square else "shape-mismatch",
            f"your result is the transpose of {grad}: the factors of the product are in the "
            f"wrong order ((AB)ᵀ = BᵀAᵀ); {grad} has the layout of {node}",
            mf.T(F),
        )


# ---- the special point where ReLU inputs are exactly zero ---------------------------------------


def _zero_point(net: _Net) -> Checker | None:
    """A point where entries of each ReLU input are exactly 0 (PyTorch: relu'(0) = 0), or
    ``None`` when the network has no ReLU or no such point could be built exactly."""
    from derive.numeric import targets

    g = net.g
    relu_in = [
        t.args[0].id
        for _, t in g.spec.forward
        if isinstance(t, ex.Call)
        and t.func in ("relu", "leaky_relu")
        and isinstance(t.args[0], ex.Name)
        and t.args[0].id in g.tensors
    ]
    if not relu_in:
        return None
    rng = random.Random(f"derive-check-zero:{net.spec.name}")
    tgt = targets(g)
    values: dict[sp.Symbol, sp.Rational] = {}
    for name, s in net.free_symbols():
        if name in tgt:
            values[s] = sp.Rational(rng.randint(1, 7), 8)
        elif name in g.spec.inputs:  # powers of two: solving for a weight stays exact
            values[s] = sp.Rational(rng.choice([-2, -1, 1, 2]), rng.choice([1, 2]))
        else:
            values[s] = sp.Rational(rng.choice([k for k in range(-12, 13) if k]), 8)
    defs = {**net.d.defs, **values}
    params = {s for n in g.spec.params for s in g.tensors[n].symbols}
    free = [s for n, s in net.free_symbols() if n not in tgt]
    free.sort(key=lambda s: (s not in params, str(s)))
    fixed: set[sp.Symbol] = set()
    memo: dict[sp.Symbol, sp.Expr] = {}

    def exact(e: sp.Expr) -> sp.Expr:
        subs = {}
        for s in e.free_symbols:
            if s not in memo:
                d = defs.get(s)
                memo[s] = exact(d) if d is not None else s
            subs[s] = memo[s]
        return e.xreplace(subs)

    for name in relu_in:
        node = next(n for n in g.nodes if n.name == name)
        r, c = node.definition.shape
        for i, j in dict.fromkeys([(0, 0), (r - 1, c - 1)]):
            D = node.definition[i, j]
            for s in free:
                if s in fixed or s not in D.free_symbols:
                    continue
                coeff = D.diff(s)
                if s in coeff.free_symbols:
                    continue
                cv, rv = exact(coeff), exact(D.xreplace({s: 0}))
                if not (cv.is_Rational and rv.is_Rational) or cv == 0:
                    continue
                new = -rv / cv
                if new.q & (new.q - 1):  # not dyadic: would round in binary
                    continue
                defs[s] = values[s] = new
                fixed.add(s)
                memo.clear()
                break
    ck = Checker(defs=defs, points=1, seed=net.seed)
    with mpmath.workdps(DPS):
        hit = any(ck._eval(s, 0) == 0 for n in relu_in for s in g.tensors[n].symbols)
    return ck if hit else None


# ---- checking a formula -------------------------------------------------------------------------


def _check_formula(
    net: _Net, target: _Target, submitted: str, shown: str, tree: ex.Node, allow_upstream: bool
) -> CheckResult:
    conv = _Convert(net, shown, allow_upstream)
    base = dict(
        network=net.spec.name,
        wrt=target.name,
        submitted=submitted,
        expected=target.expected,
        shape=target.shape,
        expanded=target.expanded,
        expected_tex=target.tex,
    )
    try:
        user, resolved = conv(tree)
    except _ShapeError as err:
        diags = _shape_problem(net, target, tree, err.message)
        return CheckResult(
            verdict="incorrect", diagnoses=tuple(diags), read_as=tree_text(tree), **base
        )  # type: ignore[arg-type]
    read_as = tree_text(resolved)
    if target.name in conv.grads_used:
        diag = Diagnosis(
            "circular",
            f"the formula uses d{target.name}, the gradient it should "
            "compute; write it with the upstream gradients or forward values",
            target.expected,
        )
        return CheckResult(verdict="incorrect", diagnoses=(diag,), read_as=read_as, **base)  # type: ignore[arg-type]
    notes: list[str] = []
    right = user.shape == target.shape
    points = POINTS_PIECEWISE if conv.piecewise else POINTS
    values: dict[int, np.ndarray | None] = {}
    if right:
        for k in range(points):
            values[k] = _evaluate(user, _System(net.rand, k))
            if not _same(values[k], target.truth(k)):
                right = False
                break
    if right:
        zero = net.zero
        if zero is not None:
            mine = _evaluate(user, _System(zero, 0))
            if not _same(mine, target.truth(0, "zero")):
                diag = _relu_at_zero(net, target, resolved, mine)
                return CheckResult(
                    verdict="incorrect",
                    diagnoses=(diag,),
                    read_as=read_as,
                    notes=tuple(notes),
                    **base,
                )  # type: ignore[arg-type]
        notes += _confirm(net, target, user)
        if conv.literals:
            notes += _literal_note(net, target, user, conv.literals)
        return CheckResult(
            verdict="correct", diagnoses=(), read_as=read_as, notes=tuple(notes), **base
        )  # type: ignore[arg-type]
    diags = _diagnose(net, target, user, resolved, conv)
    if user.shape == target.shape:
        at_example = _evaluate(user, _System(net.example, 0))
        if _same(at_example, target.truth(0, "example")):
            notes.append(
                "your formula gives the right numbers at the example values, but not "
                "at other values — it is not the gradient in general"
            )
    return CheckResult(
        verdict="incorrect", diagnoses=tuple(diags), read_as=read_as, notes=tuple(notes), **base
    )  # type: ignore[arg-type]


def _confirm(net: _Net, target: _Target, user: mf.MExpr) -> list[str]:
    """float64 at the example values, on the matrix-form pass: a second, independent opinion."""
    mine = _floats(_evaluate(user, _System(None, 0, net)))
    want = np.broadcast_to(np.asarray(net.float_env["d" + target.name], float), target.shape)
    if mine is None:
        return [
            "float64 evaluation at the example values overflows or divides by zero; "
            "the exact test above decides"
        ]
    if not np.allclose(mine, want, rtol=1e-9, atol=1e-12):
        err = float(np.max(np.abs(mine - want)))
        return [
            f"float64 evaluation at the example values differs by {err:.2e} (round-off); "
            "the exact test above decides"
        ]
    return []


def _literal_note(net: _Net, target: _Target, user: mf.MExpr, literals: set[Fraction]) -> list[str]:
    """A note when a number in the formula stands for a size (``2`` for ``m = 2``)."""
    if all(
        _same(_evaluate(user, _System(net.other_dims, k)), target.truth(k, "dims"))
        for k in range(2)
    ):
        return []
    hits = []
    for name, sym in net.g.scalars.items():
        v = net.g.scalar_values[sym]
        value = Fraction(int(v.p), int(v.q))
        for lit in sorted(literals):
            if lit != value and (value == 0 or lit != 1 / value):
                continue
            # does changing only this size break the formula? then the number stands for it
            alone = Checker(
                defs={**net.d.defs, sym: net.other_dims.defs[sym]}, points=1, seed=net.seed
            )
            ref = _evaluate(target.ref, _System(alone, 0))
            if not _same(_evaluate(user, _System(alone, 0)), ref):
                hits.append(f"{_num_text(lit)[0]} for {'' if lit == value else '1/'}{name}")
    which = f" (you wrote {', '.join(hits)})" if hits else ""
    return [
        f"right for this network's sizes only{which}: write the name of the size so the "
        "formula holds for any size"
    ]


def _relu_at_zero(net: _Net, target: _Target, tree: ex.Node, mine: np.ndarray | None) -> Diagnosis:
    ops = [n.op for n in _ex_nodes(tree) if isinstance(n, ex.Compare)]
    how = ""
    if any(op in (">=", "<=") for op in ops):
        how = " (a non-strict comparison such as Z >= 0 gives relu'(0) = 1)"
    undefined = " — your formula is undefined there" if mine is None else ""
    return Diagnosis(
        "relu-at-zero",
        f"equal to {_grad_name(target.name)} wherever the ReLU input is nonzero, but not where it "
        f"is exactly 0{undefined}{how}. ReLU has no derivative at 0; PyTorch (and this tool) "
        "use relu'(0) = 0, i.e. a strict (Z > 0)",
        target.expected,
    )


def _ex_nodes(n: ex.Node) -> Iterator[ex.Node]:
    yield n
    for c in ex.children(n):
        yield from _ex_nodes(c)


# ---- diagnosis ----------------------------------------------------------------------------------


def _diagnose(
    net: _Net, target: _Target, user: mf.MExpr, tree: ex.Node, conv: _Convert
) -> list[Diagnosis]:
    vals = [_floats(_evaluate(user, _System(net.rand, k))) for k in range(DIAG_POINTS)]
    fix = target.expected
    if any(v is None for v in vals):
        return [
            Diagnosis(
                "unknown",
                "your formula is undefined (division by zero, log of a "
                "number ≤ 0, overflow) at values where the gradient is defined",
                fix,
            )
        ]
    uvals: list[np.ndarray] = vals  # type: ignore[assignment]
    truth = [_floats(target.truth(k)) for k in range(DIAG_POINTS)]
    if user.shape == target.shape and all(t is not None for t in truth):
        c = _ratio(uvals, truth)  # type: ignore[arg-type]
        if c is not None:
            return _factor_diagnoses(net, target, user, target.ref, c, conv, fix, None)
    for m in target.mutations():
        if m.expr.shape == user.shape and all(
            _close(u, v) for u, v in zip(uvals, m.values, strict=True)
        ):
            if m.code == "shape-mismatch":  # the whole result transposed: repair the user's own
                repaired = _repair(net, target, tree, conv.allow_upstream)
                if repaired:
                    return [
                        Diagnosis(
                            m.code,
                            f"your result has shape {_shape_text(user.shape)}"
                            f", {_grad_name(target.name)} has "
                            f"{_shape_text(target.shape)}; {repaired[1]}: "
                            f"{repaired[2]}",
                            repaired[2],
                        )
                    ]
            return [Diagnosis(m.code, _with_shapes(m, user, target), fix)]
    for m in target.mutations():
        if m.expr.shape == user.shape:
            c = _ratio(uvals, list(m.values))
            if c is not None:
                return _factor_diagnoses(net, target, user, m.expr, c, conv, fix, m)
    repaired = _repair(net, target, tree, conv.allow_upstream)
    if user.shape != target.shape:
        msg = (
            f"your result has shape {_shape_text(user.shape)}, but {_grad_name(target.name)} "
            f"has the shape of {target.name}, {_shape_text(target.shape)}"
        )
        if repaired:
            return [
                Diagnosis("shape-mismatch", f"{msg}; {repaired[1]}: {repaired[2]}", repaired[2])
            ]
        return [Diagnosis("shape-mismatch", f"{msg}; no single transpose or swap fixes it", fix)]
    if repaired:
        code = {
            "add-T": "missing-transpose",
            "remove-T": "extra-transpose",
            "swap": "operand-order",
            "transpose-result": "operand-order",
        }[repaired[0].split("+")[0]]
        return [Diagnosis(code, f"{repaired[1]}: {repaired[2]}", repaired[2])]
    return [_unknown(net, target, user, uvals, truth)]


def _with_shapes(m: _Mutation, user: mf.MExpr, target: _Target) -> str:
    if user.shape == target.shape:
        return m.message
    return (
        f"{m.message} (your result has shape {_shape_text(user.shape)}; "
        f"{_grad_name(target.name)} has {_shape_text(target.shape)})"
    )


def _ratio(u: list[np.ndarray], t: list[np.ndarray]) -> float | None:
    """The constant ``c`` with ``u = c·t`` at every point and entry (``c ≠ 1``), else ``None``."""
    if any(a.shape != b.shape for a, b in zip(u, t, strict=True)):
        return None
    us = np.concatenate([a.ravel() for a in u])
    ts = np.concatenate([b.ravel() for b in t])
    scale = max(float(np.max(np.abs(ts), initial=0.0)), 1e-300)
    mask = np.abs(ts) > 1e-9 * scale
    if not mask.any() or np.any(np.abs(us[~mask]) > 1e-9 * scale):
        return None
    r = us[mask] / ts[mask]
    c = float(r[0])
    if not np.allclose(r, c, rtol=1e-7, atol=0) or math.isclose(c, 1, rel_tol=1e-9) or c == 0:
        return None
    return c


def _factor_text(c: float) -> str:
    q = Fraction(c).limit_denominator(1000)
    if math.isclose(float(q), c, rel_tol=1e-9):
        return str(q)
    return f"{c:.6g}"


def _factor_diagnoses(
    net: _Net,
    target: _Target,
    user: mf.MExpr,
    ref: mf.MExpr,
    c: float,
    conv: _Convert,
    fix: str,
    m: _Mutation | None,
) -> list[Diagnosis]:
    out: list[Diagnosis] = []
    if m is not None:
        out.append(Diagnosis(m.code, m.message, fix))
    if c < 0:
        out.append(
            Diagnosis(
                "sign",
                f"your result is the negative of {_grad_name(target.name)}"
                " (e.g. Y − Ŷ for Ŷ − Y, or a dropped minus in the loss's "
                "derivative)",
                fix,
            )
        )
        c = -c
        if math.isclose(c, 1, rel_tol=1e-9):
            return out
    # tell 1/m from 1/2: evaluate again with the dims set to other values
    other = None
    if all(_shape_ok(x) for x in (user, ref)):
        u2 = [_floats(_evaluate(user, _System(net.other_dims, k))) for k in range(2)]
        t2 = [_floats(_evaluate(ref, _System(net.other_dims, k))) for k in range(2)]
        if all(x is not None for x in u2 + t2):
            other = _ratio(u2, t2)  # type: ignore[arg-type]
            other = abs(other) if other is not None else None
    factor, why = _factor_text(c), ""
    for name, sym in net.g.scalars.items():
        if name not in net.spec.dims or other is None:
            continue
        v = float(net.g.scalar_values[sym])
        v2 = float(net.other_dims.defs[sym])
        for k in (1, -1, 2, -2):
            q, q2 = c / v**k, other / v2**k
            if math.isclose(q, q2, rel_tol=1e-7):
                power = (
                    name
                    if k == 1
                    else f"1/{name}"
                    if k == -1
                    else (f"{name}**2" if k == 2 else f"1/{name}**2")
                )
                factor = power if math.isclose(q, 1, rel_tol=1e-9) else f"{_factor_text(q)}*{power}"
                if k == 1 and factor == name:
                    why = (
                        f"missing 1/{name}: your result is {name} × the gradient — the loss "
                        f"is a mean over the {name} examples, so the gradient carries 1/{name}"
                    )
                    if target.name not in net.spec.params:
                        why += (
                            f" (course notes often write d{target.name} without the 1/{name}"
                            f" and divide later, in the weight gradients; ∂L/∂{target.name} "
                            f"itself includes it)"
                        )
                elif k == -1 and factor == power:
                    ups = sorted(conv.grads_used)
                    why = f"an extra 1/{name}: your result is the gradient divided by {name}"
                    if ups:
                        u = ups[0]
                        why += (
                            f"; here d{u} means ∂L/∂{u} = {net.target(u).expected}, which "
                            f"already contains the mean's 1/{name}. (With the course-notes "
                            f"convention d{u} = {name} · ∂L/∂{u}, your formula would be "
                            "right.)"
                        )
                break
        if why or factor != _factor_text(c):
            break
    if not why:
        if (
            other is not None
            and not math.isclose(other, c, rel_tol=1e-7)
            and factor == _factor_text(c)
        ):
            why = (
                f"your result is {factor} × the gradient here, and a different multiple at "
                "other sizes"
            )
        elif factor == "2":
            why = (
                "your result is 2 × the gradient (e.g. the ½ in ½(y − t)² cancels the 2 of "
                "the square; or mse vs ½·mse)"
            )
        elif factor == "1/2":
            why = "your result is half the gradient (e.g. a dropped 2 from d(x²)/dx = 2x)"
        else:
            why = f"your result is {factor} × the gradient"
    out.append(Diagnosis("scale-factor", f"off by a factor {factor}: {why}", fix, factor))
    return out


def _unknown(
    net: _Net,
    target: _Target,
    user: mf.MExpr,
    uvals: list[np.ndarray],
    truth: list[np.ndarray | None],
) -> Diagnosis:
    where = "at the example values"
    mine = _floats(_evaluate(user, _System(net.example, 0)))
    want = _floats(target.truth(0, "example"))
    if mine is None or want is None or _close(mine, want):
        where, mine, want = "at a random point", uvals[0], truth[0]
    assert mine is not None and want is not None
    diff = np.argwhere(~np.isclose(mine, want, rtol=1e-9, atol=1e-12))
    if not len(diff):
        return Diagnosis("unknown", f"not equal to {_grad_name(target.name)}", target.expected)
    i, j = (int(x) for x in diff[0])
    a, b = float(mine[i, j]), float(want[i, j])
    ratio = f", ratio {a / b:.4g}" if b != 0 else ""
    return Diagnosis(
        "unknown",
        f"not equal to {_grad_name(target.name)} and no known mistake "
        f"pattern matches; first difference {where}: entry [{i}, {j}] is "
        f"{a:.6g}, expected {b:.6g}{ratio} ({len(diff)} of {mine.size} entries "
        "differ)",
        target.expected,
    )


def _shape_problem(net: _Net, target: _Target, tree: ex.Node, problem: str) -> list[Diagnosis]:
    repaired = _repair(net, target, tree, True)
    if repaired:
        return [
            Diagnosis("shape-mismatch", f"{problem}; {repaired[1]}: {repaired[2]}", repaired[2])
        ]
    return [
        Diagnosis(
            "shape-mismatch",
            f"{problem}. {_grad_name(target.name)} has shape "
            f"{_shape_text(target.shape)}: {target.expected}",
            target.expected,
        )
    ]


# -- repairs on the user's own formula ------------------------------------------------------


def _ex_positions(
    n: ex.Node, path: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], ex.Node]]:
    yield path, n
    for i, c in enumerate(_ex_kids(n)):
        yield from _ex_positions(c, (*path, i))


def _ex_kids(n: ex.Node) -> tuple[ex.Node, ...]:
    if isinstance(n, ex.BinOp | ex.Compare):
        return (n.left, n.right)
    if isinstance(n, ex.Neg | ex.Transpose):
        return (n.operand,)
    if isinstance(n, ex.Pow):
        return (n.base,)
    if isinstance(n, ex.Call):
        return n.args
    return ()


def _ex_replace(n: ex.Node, path: tuple[int, ...], new: ex.Node) -> ex.Node:
    if not path:
        return new
    kids = list(_ex_kids(n))
    kids[path[0]] = _ex_replace(kids[path[0]], path[1:], new)
    if isinstance(n, ex.BinOp | ex.Compare):
        return dataclasses.replace(n, left=kids[0], right=kids[1])
    if isinstance(n, ex.Neg | ex.Transpose):
        return dataclasses.replace(n, operand=kids[0])
    if isinstance(n, ex.Pow):
        return dataclasses.replace(n, base=kids[0])
    assert isinstance(n, ex.Call)
    return dataclasses.replace(n, args=tuple(kids))


def _edits(tree: ex.Node) -> Iterator[tuple[str, str, ex.Node]]:
    """Single repairs, most natural first: swaps, transposes added/dropped, the whole."""
    nodes = list(_ex_positions(tree))
    for path, n in nodes:
        if isinstance(n, ex.BinOp) and n.op in ("@", "·"):
            yield (
                "swap",
                f"swap the factors of {tree_text(n)}",
                _ex_replace(tree, path, ex.BinOp(n.op, n.right, n.left)),
            )
    for path, n in nodes:
        if isinstance(n, ex.Transpose):
            yield (
                "remove-T",
                f"drop the transpose of {tree_text(n.operand, 5)}",
                _ex_replace(tree, path, n.operand),
            )
        elif isinstance(n, ex.Name | ex.Call) or isinstance(n, ex.BinOp) and n.op in "@·":
            yield "add-T", f"transpose {tree_text(n, 5)}", _ex_replace(tree, path, ex.Transpose(n))
    yield "transpose-result", "transpose the whole result", ex.Transpose(tree)


def _tidy(n: ex.Node) -> ex.Node:
    """Push transposes inward for display: ``(B.T @ A).T`` → ``A.T @ B``."""
    kids = _ex_kids(n)
    if kids:
        n = _ex_replace_kids(n, tuple(_tidy(k) for k in kids))
    if not isinstance(n, ex.Transpose):
        return n
    x = n.operand
    if isinstance(x, ex.Transpose):
        return x.operand
    if isinstance(x, ex.Num):
        return x
    if isinstance(x, ex.BinOp) and x.op in ("@", "·"):
        return ex.BinOp(x.op, _tidy(ex.Transpose(x.right)), _tidy(ex.Transpose(x.left)))
    if isinstance(x, ex.Neg):
        return ex.Neg(_tidy(ex.Transpose(x.operand)))
    return n


def _ex_replace_kids(n: ex.Node, kids: tuple[ex.Node, ...]) -> ex.Node:
    for i, k in enumerate(kids):
        n = _ex_replace(n, (i,), k)
    return n


def _repair(
    net: _Net, target: _Target, tree: ex.Node, allow_upstream: bool
) -> tuple[str, str, str] | None:
    """One or two transposes/swaps on the user's formula that make it right:
    ``(kind, description, fixed formula)``."""
    deadline = time.monotonic() + REPAIR_SECONDS
    seen: set[ex.Node] = set()

    def right(t: ex.Node) -> bool:
        if t in seen:
            return False
        seen.add(t)
        try:
            e, _ = _Convert(net, "", allow_upstream)(t)
        except (_ShapeError, FormulaError):
            return False
        if e.shape != target.shape:
            return False
        return all(
            _same(_evaluate(e, _System(net.rand, k)), target.truth(k)) for k in range(DIAG_POINTS)
        )

    first = list(_edits(tree))
    for kind, desc, t in first:
        if time.monotonic() > deadline:
            return None
        if right(t):
            return kind, desc, tree_text(_tidy(t))
    if len(first) > MAX_PAIR_EDITS:  # pairs grow quadratically: small formulas only
        return None
    for kind, desc, t in first:
        for kind2, desc2, t2 in _edits(t):
            if time.monotonic() > deadline:
                return None
            if right(t2):
                return f"{kind}+{kind2}", f"{desc} and {desc2}", tree_text(_tidy(t2))
    return None


# ---- checking a number --------------------------------------------------------------------------

_NUMBER = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?\s*")


def _entry(net: _Net, text: str) -> tuple[str, int, int, str]:
    """``W1[0,0]``, ``dW1[0,0]``, a label (``w11``) or a scalar tensor → (tensor, i, j, shown)."""
    g = net.g
    raw = text.strip()
    name = raw[1:] if raw.startswith("d") and raw[1:] in net.label_at else raw
    if name in net.label_at:
        tensor, i, j = net.label_at[name]
        if g.tensors[tensor].grads is None:
            raise FormulaError(f"'{name}' labels {tensor}, which has no gradient")
        return tensor, i, j, f"{tensor}[{i},{j}] ({name})"
    try:
        node = ex.parse(raw, allow_index=True)
    except ex.ExprError as err:
        raise FormulaError(f"cannot read --wrt '{raw}': {err.message}") from None
    if isinstance(node, ex.Name):
        tensor = _tensor_of(net, node.id)
        if tensor and g.tensors[tensor].shape == (1, 1):
            return tensor, 0, 0, tensor
        raise FormulaError(
            f"--value needs one entry: write {node.id}[i, j] (zero-based) or a label"
        )
    if not isinstance(node, ex.Index):
        raise FormulaError(f"--wrt '{raw}' should name one entry, e.g. W1[0,0] or w11")
    tensor = _tensor_of(net, node.name)
    if tensor is None:
        raise FormulaError(f"'{node.name}' is not a tensor with a gradient in {net.spec.name}")
    r, c = (int(x) for x in g.tensors[tensor].shape)
    idx = node.index
    if len(idx) == 1:
        idx = (0, idx[0]) if r == 1 else (idx[0], 0) if c == 1 else idx
    if len(idx) != 2 or not (idx[0] < r and idx[1] < c):
        raise FormulaError(
            f"index {list(node.index)} is outside {tensor}, whose shape is "
            f"({r}, {c}); indices are zero-based"
        )
    i, j = idx
    labels = net.spec.labels.get(tensor)
    shown = f"{tensor}[{i},{j}]" + (f" ({labels[i][j]})" if labels else "")
    return tensor, i, j, shown


def _digits(text: str) -> tuple[Fraction, int, Fraction]:
    """A decimal → (exact value, significant digits, half a unit of the last digit)."""
    m = _NUMBER.fullmatch(text.replace("−", "-"))
    if m is None or not (m.group(2) or m.group(3)):
        raise FormulaError(f"--value '{text}' is not a decimal number, e.g. -0.01365")
    sign, whole, frac, exp = m.group(1), m.group(2) or "", m.group(3) or "", int(m.group(4) or 0)
    value = Fraction(f"{sign}{whole or '0'}.{frac or '0'}") * Fraction(10) ** exp
    sig = len((whole + frac).lstrip("0")) or 1
    half = Fraction(1, 2) * Fraction(10) ** (exp - len(frac))
    return value, sig, half


def _textbook_defs(net: _Net) -> dict[sp.Symbol, sp.Expr]:
    """Definitions as a hand calculation uses them: σ'(z) from the *written-down* a = σ(z)."""
    g = net.g
    swap: dict[sp.Expr, sp.Symbol] = {}
    own: set[sp.Symbol] = set()
    for node in g.nodes:
        t = node.tree
        if (
            isinstance(t, ex.Call)
            and t.func in ("sigmoid", "tanh", "exp")
            and isinstance(t.args[0], ex.Name)
        ):
            syms = g.tensors[node.name].symbols
            swap.update(zip(node.definition, syms, strict=True))
            own.update(syms)
    return {s: (e if s in own else e.xreplace(swap)) for s, e in net.example.defs.items()}


def _rounding_bound(net: _Net, sym: sp.Symbol, digits: int) -> float:
    """First-order bound on how much rounding every intermediate value to ``digits``
    significant digits can move ``sym`` (at the example values)."""
    defs = _textbook_defs(net)
    free = {s for _, s in net.free_symbols()} | set(net.g.scalar_values)
    deps, todo = [], [sym]
    while todo:
        s = todo.pop()
        for x in sorted(defs[s].free_symbols, key=str) if s in defs else ():
            if x not in free and x not in deps and x in defs:
                deps.append(x)
                todo.append(x)
    base = Checker(defs=defs, points=1)
    with mpmath.workdps(DPS):
        r0 = base._eval(sym, 0)
        total = mpmath.mpf(0)
        for s in deps:
            v = base._eval(s, 0)
            if v == 0:
                continue
            q = mpmath.mpf(10) ** (mpmath.floor(mpmath.log10(abs(v))) - digits + 1) / 2
            moved = Checker(defs={**defs, s: sp.Float(mpmath.nstr(v + q, 40), 40)}, points=1)
            total += abs(moved._eval(sym, 0) - r0)
    return float(total)


def _check_value(net: _Net, wrt: str, text: str) -> CheckResult:
    tensor, i, j, shown = _entry(net, wrt)
    value, sig, half = _digits(text)
    sym = net.g.tensors[tensor].grads[i, j]  # type: ignore[index]
    with mpmath.workdps(DPS):
        exact = net.example._eval(sym, 0)
        diff = float(abs(mpmath.mpf(value.numerator) / value.denominator - exact))
        exact_text = mpmath.nstr(exact, 15)
    exact_f, half_f = float(exact), float(half)
    carried = max(sig, MIN_CARRIED)
    bound = _rounding_bound(net, sym, carried)
    tol = half_f + bound
    base = dict(
        network=net.spec.name,
        wrt=shown,
        submitted=text.strip(),
        expected=exact_text,
        shape=(1, 1),
        exact=exact_f,
        tolerance=tol,
    )
    digits = f"{sig} digit{'s' if sig > 1 else ''}"
    if diff <= half_f * (1 + 1e-12):
        return CheckResult(
            verdict="correct",
            diagnoses=(),
            notes=(f"agrees with the exact value {exact_text}… to the {digits} given",),
            **base,
        )  # type: ignore[arg-type]
    if diff <= tol:
        return CheckResult(
            verdict="correct",
            diagnoses=(),
            notes=(
                f"within rounding: the exact value is {exact_text}…; yours differs by {diff:.2g}, "
                f"which rounding the intermediate values to {carried} significant digits can cause "
                f"(up to {bound:.2g})",
            ),
            **base,
        )  # type: ignore[arg-type]
    loose = half_f + _rounding_bound(net, sym, carried - 1)
    if diff <= loose:
        diag = Diagnosis(
            "rounding",
            f"off by {diff:.2g}: more than the {digits} you gave "
            f"allow, but rounding the intermediate values to {carried - 1} "
            "significant digits explains it — carry more digits; the method is "
            "right",
        )
        return CheckResult(verdict="incorrect", diagnoses=(diag,), **base)  # type: ignore[arg-type]
    diags = _value_diagnoses(net, tensor, i, j, float(value), tol, exact_f)
    return CheckResult(verdict="incorrect", diagnoses=tuple(diags), **base)  # type: ignore[arg-type]


def _value_diagnoses(
    net: _Net, tensor: str, i: int, j: int, v: float, tol: float, exact: float
) -> list[Diagnosis]:
    """Why a hand-computed entry is wrong: sign, factor, another entry, a known mistake."""
    near = lambda x: abs(v - x) <= max(tol, 1e-12 * abs(x))  # noqa: E731
    if near(-exact):
        return [Diagnosis("sign", "the sign is wrong: the magnitude is right")]
    for c, why in ((2.0, "twice"), (0.5, "half")):
        if near(c * exact):
            return [
                Diagnosis(
                    "scale-factor",
                    f"your number is {why} the exact value (a factor "
                    f"{_factor_text(c)}: ½(·)² vs (·)²?)",
                    factor=_factor_text(c),
                )
            ]
    for name, sym in net.g.scalars.items():
        if name in net.spec.dims:
            m = float(net.g.scalar_values[sym])
            if near(m * exact):
                return [
                    Diagnosis(
                        "scale-factor",
                        f"your number is {name} × the exact value: "
                        f"the 1/{name} of the mean is missing",
                        factor=name,
                    )
                ]
            if near(exact / m):
                return [
                    Diagnosis(
                        "scale-factor",
                        f"your number is the exact value divided by "
                        f"{name}: 1/{name} applied twice?",
                        factor=f"1/{name}",
                    )
                ]
    target = net.target(tensor)
    full = _floats(target.truth(0, "example"))
    if full is not None:
        for (a, b), x in np.ndenumerate(full):
            if (a, b) != (i, j) and near(float(x)):
                return [
                    Diagnosis(
                        "wrong-entry",
                        f"that is the value of {tensor}[{a},{b}], "
                        f"not {tensor}[{i},{j}] (indices are zero-based: row, column)",
                    )
                ]
    for mut in target.mutations():
        vals = _floats(_evaluate(mut.expr, _System(net.example, 0)))
        if vals is not None and vals.shape == target.shape and near(float(vals[i, j])):
            return [Diagnosis(mut.code, mut.message)]
    ratio = f"; ratio {v / exact:.4g}" if exact else ""
    return [
        Diagnosis(
            "unknown",
            f"off by {abs(v - exact):.3g}, more than rounding explains "
            f"(tolerance {tol:.2g}){ratio}",
        )
    ]


# ``import derive.check; derive.check(...)`` works as well as ``derive.check.check(...)``:
class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> CheckResult:
        return check(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
