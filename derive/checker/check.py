"""Check a hand-derived gradient — a formula or a hand-computed number — and name the mistake.

``check(net, wrt, formula)`` answers whether ``formula`` equals ``∂L/∂wrt`` of network ``net``
for *all* values, and if not, what is wrong with it, in plain words, with the corrected formula.

**Formulas** are written in the spec's expression language (:mod:`derive.lang.expr`: ``@ * / + -``,
``.T``, ``sum(x, axis=0)``, ``sigmoid``, ``relu``, ``relu_grad`` or ``(Z1 > 0)``, numbers, and
dims such as ``m`` by name), or in LaTeX (:mod:`derive.checker.latexin`). Names are the network's tensors;
``dX`` means the true ``∂L/∂X`` (what the walkthrough calls ``dZ2``, ``dA1``), so a student can
check one step at a time; ``Yhat`` means the prediction (the loss's first argument). NumPy
spellings (``np.sum(x, axis=0, keepdims=True)``, ``x.sum(axis=0)``, ``np.dot``, ``.astype``) are
rewritten to the language first. An optional ``dW2 =`` in front is allowed (and names ``wrt``).

**Verdict** (exact): the formula and the true gradient (the ``grads`` symbols, whose values come
from ``Derivation.defs``) are evaluated in 50-digit arithmetic at random rational points
(:class:`derive.engine.steps.Checker`; 4 points, 12 when the formula has comparisons), so a formula that
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
label such as ``w11``, or a scalar parameter) is judged against its exact value by the written
policy of :func:`derive.checker.handcalc.check_value` (rounded to the digits given; one unit in the last
digit with >= 3 digits; a simulated hand calculation rounding every intermediate; fewer than 2
digits cannot be judged); ``rtol``/``digits`` replace it.

**Sizes**: a verdict of "correct" also holds at points where every size and constant takes
another value (all different), so ``/ n_in`` for ``/ m`` is wrong even where ``m = n_in``.

**Limits** (formulas are untrusted): no ``eval``/``sympify`` of user text; length, nesting,
parts and exponents capped by :mod:`derive.lang.expr`; a formula whose evaluation would cost more than
:data:`derive.checker.formula.MAX_COST` scalar operations is refused; ``exp`` of huge arguments is
treated as overflow; the repair search stops after :data:`derive.checker.repair.MAX_CANDIDATES` candidates. Each
network is derived once per process.

**Modules**, imports running one way (each imports only those after it): this one (:func:`check`,
the verdict on a formula); :mod:`derive.checker.handcalc` (numbers); :mod:`derive.checker.diagnose`,
:mod:`derive.checker.repair`, :mod:`derive.checker.mutations` (what is wrong); :mod:`derive.checker.formula` (reading);
:mod:`derive.checker.checknet` (the derived network, its points and targets); :mod:`derive.checker.evaluate`
(50-digit and float64 values); :mod:`derive.checker.formtree` (tree helpers, printing);
:mod:`derive.checker.verdict` (the records).
"""

from __future__ import annotations

import contextvars
import dataclasses
import math
import os
import random
import re
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import replace
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from derive.checker import evaluate as evaluate_module
from derive.checker import formula as formula_module
from derive.checker import guards, latexin, legacy44, legacy50, normnames, textbox
from derive.checker.checknet import (
    DIAG_POINTS,
    POINTS,
    POINTS_PIECEWISE,
    Net,
    Target,
    distribution_row,
    net_for,
    resized_one_hot,
    window_text,
    softmax_targets,
)
from derive.checker.diagnose import (
    _activation_of,
    _ex_nodes,
    _factor_diagnoses,
    _ratio,
    diagnose,
    factor_refs,
    factor_text,
    missing_term,
    relu_at_zero,
    shape_problem,
    term_factor,
)
from derive.checker.evaluate import System, _Undefined, evaluate, floats, same
from derive.checker.formtree import (
    formula_text,
    num_text,
    positions,
    rebuild,
    subtrees,
    tree_text,
)
from derive.checker.formula import (
    Convert,
    ShapeError,
    _statements,
    columns_read,
    flat_read,
    has_row_sum,
    numpy_1d_products,
    read,
    resolve_products,
    wrt_from,
)
from derive.checker.handcalc import _entry, check_matrix_value, check_value, is_matrix
from derive.checker.handcalc import significant as _significant
from derive.checker.mutations import library
from derive.checker import names
from derive.checker.names import looks_latex
from derive.checker.verdict import (
    CODES,
    CheckResult,
    Diagnosis,
    FormulaError,
    Msg,
    grad_name,
    msg,
    shape_text,
)
from derive.engine import mform as mf
from derive.engine.backprop import Derivation
from derive.engine.printing import latex as tex_of
from derive.engine.steps import Checker
from derive.engine.tolerance import CHECK_FLOAT_ATOL, CHECK_FLOAT_RTOL
from derive.lang import domains
from derive.lang import expr as ex
from derive.lang import ops
from derive.lang.spec import Dim, NetSpec, SizeExpr, SpecError
from derive.locale import catalog
from derive.numeric.verify import exact_zeros, example_point, filled_targets, spelled_ties

__all__ = ["CODES", "CheckResult", "Diagnosis", "FormulaError", "check"]


def check(
    net: str | os.PathLike[str] | NetSpec | Derivation,
    wrt: str | None = None,
    formula: str | None = None,
    *,
    value: str | float | None = None,
    latex: bool = False,
    allow_upstream: bool = True,
    seed: int = 0,
    lang: str = "en",
    rtol: float | None = None,
    digits: int | None = None,
) -> CheckResult:
    """Check a hand-derived ``formula`` for ``∂L/∂wrt`` (or a hand-computed number ``value`` of
    one entry, ``wrt="W1[0,0]"``) on ``net`` (a built-in name, a spec path, a ``NetSpec`` or a
    ``Derivation``; derived once and cached).

    ``wrt`` is a parameter or a node (``"Z2"`` means ``∂L/∂Z2``); it may be left out when the
    formula starts with ``dW2 = …``. ``latex`` reads the formula as LaTeX. With
    ``allow_upstream=False`` the names ``dX`` are refused (autograders that want every step
    written out). Raises :class:`FormulaError` for unreadable input and
    :class:`derive.lang.spec.SpecError` for an unknown network; never evaluates user text.
    ``lang`` (``"en"``, ``"zh"``) is the language of the messages, notes and ``text()``; the
    codes and verdicts are identifiers and stay English (``FormulaError.localized(lang)``
    gives an error's message in ``lang``). ``rtol`` / ``digits`` replace the hand-number policy
    (README): accept within that relative tolerance, or compare at that many significant digits."""

    catalog.catalogue(lang)  # ValueError for an unknown language, before any work
    n = _with_input_gradient(net_for(net, seed), wrt, seed)
    if (formula is None) == (value is None):
        raise FormulaError(msg("error.formula_or_value"))
    args = (wrt, formula, value, latex, allow_upstream, lang, rtol, digits)
    result = _check_any(n, seed, args)
    if result.ok:
        return result
    return _without_guards(n, seed, result, args)


def _without_guards(n: Net, seed: int, result: CheckResult, args: tuple[Any, ...]) -> CheckResult:
    """A rejected answer judged again on the network with every numerical guard at its limit
    (README, "Numerical guards"; :mod:`derive.checker.guards`): right there, it is right with a
    note naming the guard and the difference it makes at the example; wrong there too, the
    diagnosis that names a mistake (not ``unknown``) is kept, the exact network's first."""
    made = _GUARD_FREE.get(id(n.spec))
    if made is None or made[0] is not n.spec:
        made = _GUARD_FREE[id(n.spec)] = (n.spec, guards.guard_free(n.spec))
    if made[1] is None:
        return result
    free_spec, eps = made[1]
    try:
        other = _check_any(net_for(free_spec, seed), seed, args)
    except (FormulaError, SpecError):
        return result
    if not other.ok:
        named = {None, "unknown"}
        return other if result.code in named and other.code not in named else result
    size = guards.eps_text(eps[-1])
    if other.exact is not None and result.exact is not None:
        diff = abs(other.exact - result.exact)
    else:
        diff = _guard_difference(n, net_for(free_spec, seed), other.wrt)
    note = msg("checkgaps10.guard", eps=size) if diff is None else msg(
        "checkgaps10.guard_diff", eps=size, diff=f"{diff:.1g}"
    )
    notes = (*other.note_msgs, note)
    return replace(other, note_msgs=notes, notes=tuple(m.render(other.lang) for m in notes))


_GUARD_FREE: dict[int, tuple[NetSpec, Any]] = {}


def _guard_difference(n: Net, free: Net, wrt: str) -> float | None:
    """The largest difference between ∂L/∂wrt and its guard-free form at the example values."""
    name = re.sub(r"\[.*", "", wrt or "").strip()
    try:
        a = np.asarray(n.float_env[n.spec.gkey(name)], float)
        b = np.asarray(free.float_env[free.spec.gkey(name)], float)
        diff = float(np.max(np.abs(a - b)))
    except (KeyError, AttributeError, ValueError, TypeError):
        return None
    return diff if math.isfinite(diff) else None


def _check_any(n: Net, seed: int, args: tuple[Any, ...]) -> CheckResult:
    """:func:`check` on the network ``n`` (with its name aliases and Ng's pre-activations);
    ``args``: :func:`_check_on`'s from ``wrt`` on."""
    wrt, formula, value, latex = args[:4]
    try:
        return _check_on(n, *args)
    except FormulaError as plain:
        aliased = _with_norm_names(n, formula, latex)
        if aliased is not None:  # CS231n's xhat, ivar: the normalisation's parts, defined
            try:
                return _check_on(n, wrt, aliased, *args[2:])
            except FormulaError:
                pass
        named = _with_preactivations(n, seed)
        if named is None:
            raise
        try:  # Ng's dZ2 for the argument of A2 = sigmoid(D1 @ W2 + b2), no node Z2 of its own
            return _check_on(named, *args)
        except FormulaError:
            raise plain from None


def _check_on(
    n: Net,
    wrt: str | None,
    formula: str | None,
    value: str | float | None,
    latex: bool,
    allow_upstream: bool,
    lang: str,
    rtol: float | None,
    digits: int | None,
) -> CheckResult:
    """:func:`check` on the derived network ``n``."""
    wrt, wrt_zero = zero_based_wrt(n, wrt)
    result = _check_entry_on(n, wrt, formula, value, latex, allow_upstream, lang, rtol, digits)
    if wrt_zero is not None and not any(m.key == wrt_zero.key for m in result.note_msgs):
        result = _with_note(result, wrt_zero)
    return result


def _with_note(result: CheckResult, note: Msg) -> CheckResult:
    """``result`` with ``note`` said first among its notes (in the result's language)."""
    notes = (note, *result.note_msgs)
    return replace(result, note_msgs=notes, notes=tuple(m.render(result.lang) for m in notes))


# --wrt theta0, theta_0, θ₀, w01, dw_{01}: an entry named by 0-based indices
_WRT_ZERO = re.compile(
    r"(?P<d>d?)(?P<base>[A-Za-z]+|[\u0370-\u03ff])\s*(?:_\s*\{?\s*(?P<i>\d)\s*,?\s*(?P<j>\d)?\s*\}?"
    r"|(?P<k>\d)(?P<l>\d)?|(?P<u>[₀-₉]{1,2}))"
)


def zero_based_wrt(n: Net, wrt: str | None) -> tuple[str | None, Msg | None]:
    """``--wrt theta0`` (Ng's θ₀, the intercept): an entry named with the index 0 where the
    network has no such label is read 0-based, as an answer that writes θ₀ is (the lead's
    round-38 rule): ``theta0`` is the entry derive names ``theta1``, and the verdict says so. A
    label spelled with a subscript (``θ₁``, ``theta_1``, ``w_{12}``) is that label."""
    m = _WRT_ZERO.fullmatch(wrt.strip()) if isinstance(wrt, str) else None
    if m is None or not n.label_at or wrt.strip() in n.g.tensors:
        return wrt, None
    base = _GREEK_SPELLED.get(m.group("base"), m.group("base"))
    if m.group("u"):
        digits = m.group("u").translate(_SUBSCRIPT_DIGITS)
    else:
        digits = (m.group("i") or m.group("k")) + (m.group("j") or m.group("l") or "")
    shifted = base + "".join(str(int(c) + 1) for c in digits)
    if base + digits in n.label_at:  # θ₁, theta_1, theta_{1}: derive's own label theta1
        return m.group("d") + base + digits, None
    if "0" not in digits or shifted not in n.label_at:
        return wrt, None
    return m.group("d") + shifted, msg("heldtex38.zero_based", zero=wrt.strip())


def _check_entry_on(
    n: Net,
    wrt: str | None,
    formula: str | None,
    value: str | float | None,
    latex: bool,
    allow_upstream: bool,
    lang: str,
    rtol: float | None,
    digits: int | None,
) -> CheckResult:
    if value is not None:
        if wrt is None:
            raise FormulaError(msg("error.value_needs_wrt"))
        if rtol is not None and not (0 <= rtol < 1):
            raise FormulaError(msg("error.rtol", rtol=rtol))
        if digits is not None and not (1 <= digits <= 15):
            raise FormulaError(msg("error.digits", digits=digits))
        # given values at a tie whose spelling has another convention there, or where PyTorch's
        # value is not finite there (a -inf fill under F.cross_entropy)
        spelled_ties(n.d, example_point(n.d.graph), exact_zeros(n.d))
        filled_targets(n.d, example_point(n.d.graph))
        value = textbox.unwrap_value(str(value))  # "答：[…，…]", a fenced number
        if is_matrix(str(value)):  # a whole gradient as a matrix of hand numbers
            result = check_matrix_value(n, wrt, str(value), rtol=rtol, digits=digits)
        else:
            result = check_value(n, wrt, str(value), rtol=rtol, digits=digits)
    else:
        assert formula is not None
        otimes = "\\otimes" in formula or "⊗" in formula  # read as ⊙ (latexin.HADAMARD): said
        formula = textbox.unwrap(formula, latex, lambda name, axis: _size_name(n, name, axis))
        # P − label with integer labels, in code or typed maths: read as the walkthrough writes it
        # (label its one-hot rows), with a note naming one_hot(label) for code
        labels_note = None if latex else formula_module.bare_class_labels(n, legacy44.class_vectors(
            formula, legacy44.declared_labels(n.spec.source, n.spec.class_labels)))
        formula, zero_based = _zero_based(n, formula)
        _environments_closed(formula)
        numbers = _numbers_answer(formula) if wrt is not None else None
        if numbers is not None:  # dW2 = [[-0.176], [-0.009]]: hand numbers, by the number policy
            return _check_on(n, wrt, None, numbers, False, allow_upstream, lang, rtol, digits)
        formula, stated = textbox.stated_value(formula)
        _no_update_step(formula)
        formula, rate = _folded_rate(n, formula)
        printed = evaluate_module.PRINTED.set(bool(_PRINTED_DECIMAL.search(formula)))
        try:
            result, latex = _check_text(n, wrt, formula, latex, allow_upstream)
        finally:
            evaluate_module.PRINTED.reset(printed)
        if rate is not None:
            result = _with_rate(result, rate)
        if stated is not None and result.ok:
            result = _stated_number(n, wrt, result, stated, rtol, digits)
        if zero_based is not None:
            result = _with_note(result, zero_based)
        if otimes:
            result = _with_note(result, msg("round39.otimes"))
        if labels_note is not None:
            result = _with_note(result, labels_note)
    if latex and formula is not None:
        result = _in_latex(n, result)
    return result if lang == "en" else result.localized(lang)


# an entry written with its indices: w_{01}, W_{0,2}, x_0, \theta_0, θ₀, w₀₁, theta_0 (a letter name,
# LaTeX's or Unicode's subscript, one or two indices)
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_ENTRY_INDEX = re.compile(
    r"(?<![A-Za-z\\])(?P<base>\\?[A-Za-z]+|[\u0370-\u03ff])"
    r"(?:\s*_\s*(?:\{\s*(?P<i>\d)\s*,?\s*(?P<j>\d)?\s*\}|(?P<k>\d)(?P<l>\d)?(?![\d.]))|(?P<u>[₀-₉]{1,2})(?![₀-₉]))"
)
_LETTER_AND_INDEX = re.compile(
    r"(?<![A-Za-z\\])(?P<base>[A-Za-z]\w*)\s*_\s*\{\s*(?:[a-z]\s*,?\s*(?P<d>\d)|(?P<e>\d)\s*,?\s*[a-z])\s*\}"
)
_GREEK_SPELLED = {"θ": "theta", "β": "beta", "γ": "gamma", "α": "alpha", "δ": "delta", "ω": "omega"}


def _zero_based(n: Net, formula: str) -> tuple[str, Msg | None]:
    """The lead's round-38 rule for 0-based indices: derive names entries 1-based (tiny-mlp's
    ``w11`` is W1[0,0]); an answer that uses the index 0 for an entry (``w_{01}``, ``θ₀``,
    ``W_{0,2}``) where the network has no such label is read 0-based as a whole — every entry
    index shifted by one, with a note saying so — and one that uses 0 together with an index
    past the end read so (``x_0`` and ``x_2`` of a 2-vector) is refused with a sentence.
    Networks that declare 0-based labels (neuron's ``w0``) are read by their labels."""
    if not isinstance(formula, str) or not n.label_at or not re.search(r"[0₀]", formula):
        return formula, None
    tokens = []
    for m in _ENTRY_INDEX.finditer(formula):
        base = m.group("base").lstrip("\\")
        base = _GREEK_SPELLED.get(base, base)
        if m.group("u"):
            digits = m.group("u").translate(_SUBSCRIPT_DIGITS)
        else:
            digits = (m.group("i") or m.group("k")) + (m.group("j") or m.group("l") or "")
        same = base + digits
        shifted = base + "".join(str(int(d) + 1) for d in digits)
        if same in n.label_at or shifted in n.label_at:
            tokens.append((m, digits, same in n.label_at, shifted in n.label_at))
    zero = next((m.group() for m, digits, same, shifted in tokens if "0" in digits and not same and shifted), None)
    if zero is None:
        return formula, None
    for m, digits, same, shifted in tokens:
        if not shifted:
            raise FormulaError(msg("heldtex38.zero_mixed", zero=zero, token=m.group()))
    # an index beside a summed letter, X_{i,0} under \sum_i: its number counted from 0 as well
    for m in _LETTER_AND_INDEX.finditer(formula):
        t = n.g.tensors.get(m.group("base").lstrip("\\"))
        axis, digit = (1, m.group("d")) if m.group("d") else (0, m.group("e"))
        if t is not None and len(t.shape) == 2 and int(digit) + 1 <= int(t.shape[axis]):
            tokens.append((m, digit, False, True))
        elif t is not None:
            raise FormulaError(msg("heldtex38.zero_mixed", zero=zero, token=m.group()))
    tokens.sort(key=lambda k: k[0].start())
    out, pos = [], 0
    for m, _, _, _ in tokens:
        start = m.start() + len(m.group("base"))
        tail = re.sub(r"[0-9₀-₉]", lambda d: _shift_digit(d.group()), formula[start : m.end()])
        out.append(formula[pos:start] + tail)
        pos = m.end()
    return "".join(out) + formula[pos:], msg("heldtex38.zero_based", zero=zero)


def _shift_digit(d: str) -> str:
    """A 0-based index digit as the 1-based one (``0`` → ``1``, ``₀`` → ``₁``)."""
    if d in "₀₁₂₃₄₅₆₇₈₉":
        return "₀₁₂₃₄₅₆₇₈₉"[int(d.translate(_SUBSCRIPT_DIGITS)) + 1]
    return str(int(d) + 1)


_BEGIN_END = re.compile(r"\\(begin|end)\s*\{\s*([A-Za-z]+\*?)\s*\}")


def _environments_closed(formula: str) -> None:
    """Refuse LaTeX whose environments do not nest (``\\begin{aligned} … \\end{align}``): it
    does not compile, and reading past the slip would judge a text nobody can typeset. An
    ``\\end`` with no ``\\begin`` before it (``… (A - Y) \\end{aligned}``, a block's first line
    left out of the paste) is refused too: it was read as if no environment were there, and a
    right-looking rest was ✓. A ``\\begin`` never closed (``\\begin{align*} dW &= … \\\\``, the
    paste cut before the block's end) is refused as well: its rest may be missing, and what is
    there was ✓ (c36t-147)."""
    if not isinstance(formula, str) or "\\begin" not in formula and "\\end" not in formula:
        return
    open_: list[tuple[str, int]] = []
    for m in _BEGIN_END.finditer(formula):
        if m.group(1) == "begin":
            open_.append((m.group(2), m.start() + 1))
        elif not open_:
            col = m.start() + 1
            raise FormulaError(msg("heldtex35.end_alone", end=m.group(2), col=col), col, formula)
        elif open_[-1][0] != m.group(2):
            col = m.start() + 1
            raise FormulaError(
                msg("heldtex34.environment", begin=open_[-1][0], end=m.group(2), col=col), col, formula
            )
        elif open_:
            open_.pop()
    if open_:
        begin, col = open_[0]
        raise FormulaError(msg("heldtex36.begin_open", begin=begin, col=col), col, formula)


# the left side of an answer that is only numbers: a name (dW2, grad_W2), Ng's dW^{[2]}, ∂L/∂W in
# LaTeX or text, ∇_W L
_LEFT_SIDE_ONLY = re.compile(
    r"\s*(?:[A-Za-z_][\w.]*(?:\^\{[^{}=]*\}|_\{[^{}=]*\}|_\w)*"
    r"|\\frac\{\s*\\partial\s*[^{}=]*\}\{\s*\\partial\s*(?:[^{}=]|\{[^{}=]*\})*\}"
    r"|∂\s*\w+\s*/\s*∂\s*[\w\[\],]+|\\nabla_\{?[^{}=]*\}?\s*\w*)\s*"
)


def _numbers_answer(formula: str) -> str | None:
    """The numbers of an answer that gives only numbers for the gradient (``dW2 = [[-0.1763],
    [-0.00899]]``, ``\\frac{\\partial L}{\\partial W^{[2]}} \\approx \\begin{bmatrix} … \\end{bmatrix}``,
    as the walkthroughs print it), or a bare ``[[…]]``: a matrix, or a number with a decimal
    point, after left sides only; None for a formula (whole numbers such as ``dW = 0`` stay formulas: exact)."""
    if not isinstance(formula, str) or "\n" in formula.strip():
        return None
    sides, _ = textbox._sides(formula.strip())
    if not all(_LEFT_SIDE_ONLY.fullmatch(side) for side in sides[:-1]):
        return None
    last = sides[-1].strip()
    bare = re.sub(
        r"\\(?:begin|end)\{\w+\}(?:\{[lcr|]*\})?|\\left|\\right|\\\\|\b(?:np|numpy|torch|jnp|tf)\.\w+"
        r"|\b(?:array|tensor|float64|float32|dtype)\b|\d[eE][-+]?\d",
        "",
        last,
    )
    if re.search(r"[A-Za-z\\]", bare):
        return None  # names or commands among the entries: a formula written as a matrix
    if is_matrix(last) or re.fullmatch(r"[-−+]?\d*\.\d+(?:[eE][-−+]?\d+)?", last):
        return last
    return None


# a learning rate as a factor of a gradient (dW2 = lr * …, \alpha \frac{1}{m} …): not a name of
# the network, the step size of an update rule (textbox._code_update reads those)
_RATE_FACTOR = re.compile(
    r"(?<![\w.\\])(lr|learning_rate|eta|alpha|step_size|η|α)\s*(?:\*|·)\s*"
    r"|(?<!_\{)(?<!_)\\(eta|alpha)(?![A-Za-z])(?!\s*[\^_'])\s*(?:\\[,;: ]|\\cdot)?\s*"
)


# the text before a rate that steps a parameter: "w \leftarrow w -", "W := W +", "θ ← θ −"
_UPDATED = r"(?:\\(?:boldsymbol|mathbf|bm)\s*\{\s*\\?[A-Za-z]\w*\s*\}|\\?[A-Za-z]\w*)(?:_\{[^{}]*\}|_\w)?(?:\^\{[^{}]*\})?"
_IN_UPDATE = re.compile(rf"({_UPDATED})\s*(?:\\leftarrow|\\gets|←|:=|=)\s*\1\s*[-+−]\s*$")


# 西瓜书's Δw = η g b, ΔW = −η ∂L/∂W: a left side that names the update step, not the gradient
_DELTA_LHS = re.compile(r"^\s*(?:Δ|\\Delta\s*)\s*([A-Za-z_][\w{}^\[\]]*)\s*(?:=|:=|←|\\leftarrow)", re.M)


def _no_update_step(formula: str) -> None:
    """Refuse (exit 2, with a sentence) an answer that states the update step ``Δw = …``: it is
    −η times the gradient (西瓜书's ``Δw = η g b`` with g the negative gradient), and which sign
    and rate were meant cannot be told; the checker asks for the gradient itself."""
    m = _DELTA_LHS.search(formula) if isinstance(formula, str) else None
    if m is not None:
        raise FormulaError(msg("heldcheck13.update_step", name=m.group(1)), m.start() + 1, formula)


def _folded_rate(n: Net, formula: str) -> tuple[str, str | None]:
    """``formula`` without a learning rate written as a factor of it, and that rate (None where
    there is none, or the network has a name so spelled: then it is that name)."""
    if not isinstance(formula, str):
        return formula, None
    # the step size of an update rule stated beside the gradient (w \leftarrow w - \alpha \nabla_w L,
    # W := W + α …) is no factor of the gradient: textbox's update rules read those; nor is the
    # step of an in-place update line after the gradient (heldcheck39: W2.sub_(lr * dW2))
    m = next(
        (
            r
            for r in _RATE_FACTOR.finditer(formula)
            if not _IN_UPDATE.search(formula[: r.start()])
            and not _in_place_step_line_heldcheck39(formula, r.start())
            and not _added_term_r46(formula, r.start())
        ),
        None,
    )
    if m is None:
        return formula, None
    rate = m.group(1) or m.group(2)
    rate = {"α": "alpha", "η": "eta"}.get(rate, rate)  # heldtex40: α in text is the network's alpha where it has one
    taken = (*n.g.tensors, *n.spec.constants, *n.spec.dims)
    if any(name == rate or name.startswith(rate) and name[len(rate) :].isdigit() for name in taken):
        return formula, None  # the network's alpha (alpha2, alpha3 of \alpha^{[2]}): that name
    if any(rate in name.split("_") for name in taken):
        return formula, None  # w_alpha, alpha_h: the letter is part of the network's names
    return formula[: m.start()] + formula[m.end() :], {"eta": "η", "alpha": "α"}.get(rate, rate)


def _added_term_r46(formula: str, at: int) -> bool:
    """Round 46: a rate that opens a term added to the rest (``… + \alpha W_2``, ``… - lr * W``)
    scales that term only — a regularisation coefficient, not the step size of the whole
    gradient; its name is then read as any other (an unknown one is refused naming it). A rate
    after ``=``, an opening bracket or at the start (``-η ∂L/∂W``) stays a factor of it all."""
    before = formula[:at].rstrip()
    if before.endswith("+"):
        return True
    if before.endswith(("-", "−")):
        rest = before[:-1].rstrip()
        return bool(rest) and not rest.endswith(("=", "(", "[", "{", "\\left(", ":"))
    return False


# heldcheck39: PyTorch's in-place step W2.sub_(lr * dW2) (W2.data.add_(-lr * dW2)) on a line of its own
_IN_PLACE_STEP = re.compile(r"^\s*[A-Za-z_][\w.]*\.(?:sub_|add_)\(.*\)\s*$")


def _in_place_step_line_heldcheck39(formula: str, at: int) -> bool:
    """Is position ``at`` of ``formula`` on a line that is an in-place update step (``W2.sub_(lr *
    dW2)``)? Its rate scales the step, not the answer (cells leaves the step out)."""
    start = formula.rfind("\n", 0, at) + 1
    end = formula.find("\n", at)
    return bool(_IN_PLACE_STEP.match(formula[start : end if end >= 0 else len(formula)]))


def _with_rate(result: CheckResult, rate: str) -> CheckResult:
    """The check of a gradient written times a learning rate: wrong (``scale-factor``, the
    rate named), and the formula without it judged as well (its own mistakes after)."""
    m = msg("heldcheck13.learning_rate", rate=rate)
    first = Diagnosis.of("scale-factor", m, result.expected, factor=rate)
    return replace(result, verdict="incorrect", diagnoses=(first, *result.diagnoses))


def _stated_number(
    n: Net, wrt: str | None, result: CheckResult, stated: str, rtol: float | None, digits: int | None
) -> CheckResult:
    """A right formula given with the number it comes to (``… ≈ [[-0.176], [-0.00899]]``): right
    when the number is right too by the hand-number policy, else the number's own verdict (a
    wrong number stated for a right formula is a wrong answer)."""
    wrt = wrt or result.wrt
    if not wrt:
        return result
    try:
        if is_matrix(stated):
            number = check_matrix_value(n, wrt, stated, rtol=rtol, digits=digits)
        else:
            number = check_value(n, wrt, stated, rtol=rtol, digits=digits)
    except FormulaError:
        return result  # the number cannot be judged alone (a matrix for an entry): the formula
    # a one-digit number says too little to overrule a right formula (and is often another
    # quantity: "# since dv/du = 1")
    few = number.code == "too-few-digits" or (not is_matrix(stated) and _significant(stated) < 2)
    return result if number.ok or few else number


def _size_name(n: Net, name: str, axis: int) -> str | None:
    """The size name (or the number) of axis ``axis`` of the network's tensor ``name``
    (Octave's ``size(X, 1)``); None where the network has no such tensor."""
    t = n.g.tensors.get(name)
    if t is None or len(t.shape) <= axis:
        return None
    size = t.shape[axis]
    label = getattr(size, "label", None)
    return str(label) if label else str(int(size))


# a decimal of 15+ significant digits: a float64 printed (derive's own √(2/π) = 0.7978845608028654),
# or a library's float64 constant (np.pi, math.e: the spec language reads them as NumPy does, so
# np.sqrt(2 * np.pi) is a float64 number, not the exact √(2π) of erf's slope; norm.pdf holds one)
_PRINTED_DECIMAL = re.compile(
    r"(?<![\w.])\d*\.?\d{15,}|\b(?:np|numpy|math|torch|jnp|tf)\s*\.\s*(?:pi|e)\b"
    # SciPy's/JAX's norm.pdf and norm.logpdf: the density with the float64 π inside
    r"|\bnorm\s*\.\s*(?:log)?pdf\s*\("
)


def _check_text(
    n: Net, wrt: str | None, formula: str, latex: bool, allow_upstream: bool
) -> tuple[CheckResult, bool]:
    """:func:`check` of a formula: the result, and whether it was LaTeX (fixes in LaTeX)."""
    latex = latex or looks_latex(formula)
    try:
        tree, lhs, shown = read(n, formula, latex, wrt)
    except FormulaError as plain:
        if latex:
            raise
        try:  # A1^T dZ2, A1ᵀ(A2 − Y)/m: maths as typed or pasted, not code; LaTeX reads it
            tree, lhs, shown = read(n, formula, True, wrt)
        except FormulaError:
            raise plain from None
        latex = looks_latex(formula) or "^" in formula  # fixes in LaTeX only for LaTeX
    columns, flat = columns_read(), flat_read()
    if columns:  # δ x^⊤ of 1-D vectors: said, since the reading writes them as rows
        note = msg("round30.columns", names=", ".join(columns), first=columns[0])
    elif flat is not None:  # (…).ravel() as the whole answer: compared entry by entry
        name, shape = flat
        key = "round31.flat_column" if shape[1] == 1 < shape[0] else "round31.flat"
        size = shape[0] * shape[1]
        note = msg(key, n=size, grad=grad_name(name), shape=shape_text(shape), name=name)
    else:
        return _check_read(n, wrt, formula, latex, allow_upstream, tree, lhs, shown)
    res, latex = _check_read(n, wrt, formula, latex, allow_upstream, tree, lhs, shown)
    notes = (*res.note_msgs, note)
    return replace(res, note_msgs=notes, notes=tuple(m.render(res.lang) for m in notes)), latex


def _check_read(
    n: Net,
    wrt: str | None,
    formula: str,
    latex: bool,
    allow_upstream: bool,
    tree: ex.Node,
    lhs: str | None,
    shown: str,
) -> tuple[CheckResult, bool]:
    """:func:`_check_text` of the formula as :func:`read` read it."""
    entry = _entry_wrt(n, wrt, lhs)
    if entry is not None:
        res = _check_entry(n, entry, formula, shown, tree, allow_upstream, latex)
        res = _claimed_steps(n, formula, res, latex, allow_upstream)
        return _chain_steps(n, wrt, formula, res, latex, allow_upstream), latex
    if wrt is not None and re.fullmatch(r"\s*\w+\s*\[[\s\d,\]\[]*\]\s*", wrt):
        wrt = wrt.split("[")[0].strip()  # b2[0,0] of a 1 x 1 tensor: the tensor
    target = n.target(wrt_from(n, wrt, lhs, formula))
    res = _check_formula(n, target, formula, shown, tree, allow_upstream)
    res = _claimed_steps(n, formula, res, latex, allow_upstream)
    return _chain_steps(n, wrt, formula, res, latex, allow_upstream), latex


# a statement that claims a gradient in Leibniz or ∇ notation: \frac{\partial L}{\partial Z^{[2]}} = …
_CLAIM_LHS = re.compile(
    r"\s*(?:\\frac\s*\{\s*\\partial\s*[^{}=]*\}\s*\{\s*\\partial\s*(?:[^{}=]|\{[^{}=]*\})*\}|\\nabla_)[^=]*=(?!=)"
)


# Ng's d-name of a gradient on a statement's left side: dZ^{[2]} = …, \mathrm{d}W = …, dW2 = …
_D_CLAIM_LHS = re.compile(r"\s*(?:\\mathrm\{d\}|d)\s*(?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z][^=]*=(?!=)")


_DIFFERENTIALS = re.compile(
    r"\\operatorname\s*\{\s*tr\s*\}|\\mathrm\s*\{\s*tr\s*\}|\\text\s*\{\s*tr\s*\}|\\tr\b|(?<![A-Za-z])tr\s*\("
    r"|(?:^|[\s$,;，；])(?:\\mathrm\{d\}|d)\s*(?:L|J|E|\\ell|\\mathcal\{L\})\s*="
)


_JUDGING_STEPS: contextvars.ContextVar[bool] = contextvars.ContextVar("judging_steps", default=False)

# (a δ stated, δ_h = …, is no claim judged: notes write δ_h for the gradient of h's pre-activation)


def _parameter_differential(n: Net, rhs: str) -> bool:
    """Does ``rhs`` hold a parameter's d-name (``dZ = X\\,dW``)? A parameter's gradient is never
    a factor of another gradient, so there ``d`` is a differential (matrix calculus), not Ng's
    gradient name: such a statement is no claim about a gradient."""
    bare = re.sub(r"\\mathrm\{d\}\s*", "d", re.sub(r"\\[,;:! ]", " ", rhs))
    for p in n.spec.params:
        m = re.fullmatch(r"([A-Za-z]+)_?(\d+)", p)
        spelled = {p} | ({f"{m[1]}^{{[{m[2]}]}}", f"{m[1]}_{m[2]}", f"{m[1]}_{{{m[2]}}}"} if m else set())
        for form in spelled:
            if re.search(r"(?<![A-Za-z\\])d" + re.escape(form) + r"(?![A-Za-z0-9_])", bare):
                return True
    return False


def _claimed_steps(
    n: Net, formula: str, res: CheckResult, latex: bool, allow_upstream: bool
) -> CheckResult:
    """A right answer derived in statements (``由链式法则 … 又 ∂L/∂Z^{[2]} = …，故 ∂L/∂W^{[2]} =
    …``): each statement before the answer that claims a gradient in Leibniz or ∇ notation is
    judged as an answer for that gradient too; a wrong one makes the answer wrong (with its own
    diagnosis and a note naming it). A claim off only by the batch size (``∂L/∂Z^{[2]} = A^{[2]} -
    Y``, the per-example or course-notes convention, with the mean's 1/m put in later) is said
    in a note; one the checker cannot read is said in a note."""
    if not latex or not res.ok or not isinstance(formula, str) or formula.count("=") < 2:
        return res
    if _JUDGING_STEPS.get():
        return res  # a step being judged: its own steps are not judged again
    parts = _statements(formula, True)
    if len(parts) < 2:
        return res
    token = _JUDGING_STEPS.set(True)
    try:
        return _claims_judged(n, formula, parts, res, allow_upstream)
    finally:
        _JUDGING_STEPS.reset(token)


def _claims_judged(
    n: Net, formula: str, parts: list[str], res: CheckResult, allow_upstream: bool
) -> CheckResult:
    """:func:`_claimed_steps` of the statements ``parts``."""
    unread: list[str] = []
    convention: list[str] = []
    # dL = tr(G^T dZ), dZ = X dW: a derivation in differentials, where d-names are no gradients
    differentials = bool(_DIFFERENTIALS.search(formula))
    for k, part in enumerate(parts):
        tests = []  # (the statement judged, said in a note when it cannot be read)
        members = latexin.chain_members(part, known=n.known, loss=n.spec.loss)
        head = members[0] if members else ""
        for m in members[1:-1]:  # dW = … = …, a row
            if _GRADIENT_NAMED.fullmatch(m):  # δ₂ = ∂J/∂z^{(1)} = …: the gradient δ₂ names
                head = m
                continue
            tests.append((f"{head} = {m}", True))
        if members and head != members[0]:
            tests.append((f"{head} = {members[-1]}", True))
        last = k == len(parts) - 1  # the answer, or a definition after it that it does not use
        if _CLAIM_LHS.match(part):
            tests.append((part, not last))
        elif (
            _D_CLAIM_LHS.match(part)
            and not differentials
            and not _parameter_differential(n, part.split("=", 1)[1])
        ):
            tests.append((part, False))  # dZ^{[2]} = …: Ng's names (a d-name of no gradient: skip)
        # the definitions after it too (a where-clause: δ₂ = ∂J/∂z^{(1)} = δ₁ W^⊤ ∘ …, \quad δ₁ = …)
        later = [q for q in parts[k + 1 : -1] if not _CLAIM_LHS.match(q)]
        for claim, say in tests:
            try:  # in its context: the names the statements before it define stand for them
                step, _ = _check_text(n, None, "\n".join([*parts[:k], *later, claim]), True, allow_upstream)
            except (FormulaError, ShapeError):
                if say:
                    unread.append(claim)
                continue
            if step.ok or (last and step.wrt == res.wrt and claim == part):
                continue  # (the answer itself: judged already, with the statements after it)
            first = step.diagnoses[0].msg if step.diagnoses else None
            why = str(getattr(dict(first.args).get("why") if first is not None else None, "key", ""))
            if why.startswith("factor.missing_size") or why == "factor.extra_size_up":
                convention.append(claim)  # per example, or dZ = A - Y: the 1/m put in elsewhere
                continue
            return _wrong_step(step, res, msg("round27.claim_step", step=claim))
    return _steps_noted(res, "claim_convention", convention, unread, "; ")


def _wrong_step(step: CheckResult, res: CheckResult, note: Msg) -> CheckResult:
    """The answer ``res`` judged by its wrong ``step``: the step's verdict and diagnoses, with
    ``note`` naming it first."""
    notes = (note, *step.note_msgs)
    return replace(
        step,
        wrt=res.wrt,
        submitted=res.submitted,
        note_msgs=notes,
        notes=tuple(m.render(step.lang) for m in notes),
    )


def _steps_noted(
    res: CheckResult, key: str, convention: list[str], unread: list[str], sep: str
) -> CheckResult:
    """``res`` with notes naming the steps read in the course-notes convention (``key``) and
    the steps not read."""
    notes = res.note_msgs
    if convention:
        notes = (*notes, msg(f"round27.{key}", steps=sep.join(convention)))
    if unread:
        notes = (*notes, msg("round27.chain_unread", steps=sep.join(unread)))
    if notes == res.note_msgs:
        return res
    return replace(res, note_msgs=notes, notes=tuple(m.render(res.lang) for m in notes))


# a member of a chain that only names a gradient: \frac{\partial J}{\partial z}, \nabla_{W} J
_GRADIENT_NAMED = re.compile(
    r"\s*(?:\\frac\s*\{\s*\\partial\s*(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*\\partial\s*(?:[^{}]|\{[^{}]*\})*\}"
    r"|\\nabla_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w)\s*(?:\\mathcal\s*\{\s*\w+\s*\}|\\\w+|\w+))\s*"
)


def _chain_steps(
    n: Net, wrt: str | None, formula: str, res: CheckResult, latex: bool, allow_upstream: bool
) -> CheckResult:
    """A right answer written as a chain of equalities, ``∂L/∂W = X^T δ = X^T (A - Y)/m``: a
    chain claims that every member equals the gradient, so each middle member is judged as
    ``left side = member`` too; the first one that is wrong makes the answer wrong, with that
    member's own diagnosis and a note naming it. A member the checker cannot read is left to
    the last one (working notation: words, a shorthand of the student's own)."""
    if not latex or not res.ok or not isinstance(formula, str) or formula.count("=") < 2:
        return res
    if _JUDGING_STEPS.get():
        return res
    parts = _statements(formula, True)
    if len(parts) != 1:
        return res  # rows of a derivation (dZ = …, dW = …): each row defines a name
    members = latexin.chain_members(parts[0], known=n.known, loss=n.spec.loss)
    unread: list[str] = []
    convention: list[str] = []
    for member in members[1:-1]:
        if _GRADIENT_NAMED.fullmatch(member):
            continue  # CS224n's δ₁ = ∂J/∂z = ŷ − y: the middle member names the gradient, no claim
        try:
            step, _ = _check_text(n, wrt, f"{members[0]} = {member}", True, allow_upstream)
        except (FormulaError, ShapeError):
            unread.append(member)
            continue
        first = step.diagnoses[0].msg if step.diagnoses else None
        why = dict(first.args).get("why") if first is not None else None
        if not step.ok and getattr(why, "key", None) == "factor.extra_size_up":
            if "\\partial" not in member:
                # 1/m A^T dZ = 1/m A^T (A - Y): the chain itself says dZ = A - Y (the
                # course-notes convention dZ = m · ∂L/∂Z), so the step agrees with the last
                convention.append(member)
                continue
        if not step.ok:
            return _wrong_step(step, res, msg("round27.chain_step", step=member, last=members[-1]))
    return _steps_noted(res, "chain_convention", convention, unread, ", ")


_INPUT_SPECS: dict[tuple[int, str], tuple[NetSpec, NetSpec]] = {}


def _with_input_gradient(n: Net, wrt: str | None, seed: int) -> Net:
    """``--wrt x`` for an input ``x`` (chain's ∂L/∂x, a saliency ∂L/∂X): the same network with
    ``x`` derived as if it were a parameter (same values, same graph), so its gradient exists.
    One-hot labels are not differentiable inputs and stay as they are; an entry's label
    (neuron's ``x1``) stands for its tensor."""
    m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[|$)", wrt or "")
    spec = n.spec
    name = _labelled_tensor(n, m.group(1)) if m else None
    if name is None or name not in spec.inputs or name in spec.one_hot:
        return n
    key = (id(spec), name)
    hit = _INPUT_SPECS.get(key)
    if hit is None or hit[0] is not spec:
        inputs = {k: v for k, v in spec.inputs.items() if k != name}
        made = replace(spec, inputs=inputs, params={**spec.params, name: spec.inputs[name]})
        hit = _INPUT_SPECS[key] = (spec, made)
    return net_for(hit[1], seed)


def _labelled_tensor(n: Net, name: str) -> str:
    """The tensor ``name`` names: itself, or the tensor of the entry it labels (``x1`` → ``x``)."""
    if name in n.spec.inputs or name in n.spec.params or name not in n.label_at:
        return name
    return n.label_at[name][0]


_PRE_SPECS: dict[int, tuple[NetSpec, NetSpec | None]] = {}
_NG_LETTERS = {"A": "Z", "a": "z"}  # Ng's notation: A = g(Z), a = g(z)
# the sigmoid written out, 1 / (1 + np.exp(-(z))) (邱锡鹏's and Ng's NumPy): group 2 its argument
_WRITTEN_SIGMOID = re.compile(
    r"\s*1(?:\.0*)?\s*/\s*\(\s*1(?:\.0*)?\s*\+\s*(?:np|jnp|torch|math)\.(exp)\(\s*-\s*\((.*)\)\s*\)\s*\)\s*", re.S
)


def _with_norm_names(n: Net, formula: str | None, latex: bool) -> str | None:
    """``formula`` with the course names of a batch normalisation's parts it uses undefined
    (``xhat``, ``ivar``, …; LaTeX's ``\\hat{x}``: :mod:`derive.checker.normnames`) defined
    first, or None."""
    if formula is None:
        return None
    if latex or looks_latex(formula):
        return normnames.latex_definitions(n.spec.forward_text, n.known, formula)
    return normnames.definitions(n.spec.forward_text, n.known, formula)


def _with_preactivations(n: Net, seed: int) -> Net | None:
    """The same network with Ng's pre-activation ``Zk`` named where the spec writes it inline:
    ``A2 = sigmoid(D1 @ W2 + b2)`` becomes ``Z2 = D1 @ W2 + b2``, ``A2 = sigmoid(Z2)`` (same
    values, same loss), so a formula in ``dZ2`` / ``Z2`` reads as a student of that notation means
    it. Only for a node ``Ak`` (``ak``) that is an element-wise activation of an expression, where
    the network has no ``Zk`` (``zk``) of its own; None where there is none."""
    spec = n.spec
    hit = _PRE_SPECS.get(id(spec))
    if hit is None or hit[0] is not spec:
        taken = set(spec.inputs) | set(spec.params) | set(spec.shapes) | set(spec.dims)
        taken |= set(spec.constants)
        forward: list[tuple[str, ex.Node]] = []
        text, shapes, one_d = dict(spec.forward_text), dict(spec.shapes), list(spec.one_d)
        for name, tree in spec.forward:
            z = _NG_LETTERS.get(name[:1], "") + name[1:]
            call = re.fullmatch(r"([\w.]+)\((.*)\)", text[name], re.S) or _WRITTEN_SIGMOID.fullmatch(
                text[name]
            )
            if (
                name[:1] in _NG_LETTERS
                and z not in taken
                and call is not None
                and isinstance(tree, ex.Call)
                and tree.func in ops.activations()
                and len(tree.args) == 1
                and not tree.kwargs
                and not isinstance(tree.args[0], ex.Name)
            ):
                forward.append((z, tree.args[0]))
                head, arg = call.group(1), call.group(2)
                text[z] = arg.strip()
                text[name] = f"{head}({z})" if call.re is not _WRITTEN_SIGMOID else (
                    text[name][: call.start(2)] + z + text[name][call.end(2) :]
                )
                shapes[z] = shapes[name]
                one_d += [z] if name in one_d else []
                tree = replace(tree, args=(ex.Name(z),))
                taken.add(z)
            forward.append((name, tree))
        made = None
        if len(forward) > len(spec.forward):
            made = replace(
                spec, forward=tuple(forward), forward_text=text, shapes=shapes, one_d=tuple(one_d)
            )
        hit = _PRE_SPECS[id(spec)] = (spec, made)
    return None if hit[1] is None else net_for(hit[1], seed)


def _tex_of(net: Net, text: str | None) -> str | None:
    """A formula printed by the checker (the expression language) as LaTeX, or None."""
    if not text:
        return None
    ones: dict[str, str] = {}

    def one_block(m: re.Match[str]) -> str:  # np.ones((m, n)) as the checker prints a 𝟙
        key = f"ones_block_{len(ones)}"
        ones[key] = rf"\mathbf{{1}}_{{{m.group(1)} \times {m.group(2)}}}"
        return key

    plain = re.sub(r"np\.ones\(\(\s*([A-Za-z_0-9]+)\s*,\s*([A-Za-z_0-9]+)\s*\)\)", one_block, text)
    try:
        tree = ex.parse(plain, allow_compare=True, max_parts=ex.MAX_FORMULA_NODES)
    except Exception:  # noqa: BLE001 - a fix that cannot be printed in LaTeX stays as it is
        return None
    try:
        if ones:
            raise ValueError("a block of ones: written as read")
        e, _ = Convert(net, text)(tree)
        return e.tex()
    except Exception:  # noqa: BLE001 - mis-shaped (a student's formula echoed in a shape
        tex = _tree_tex(net, tree)  # message): written term by term, as read
    for key, block in ones.items():
        tex = None if tex is None else re.sub(rf"\b{key}\b", lambda _m, b=block: b, tex)
    return tex


_TEX_FUNCS = {"sum": r"\operatorname{sum}", "mean": r"\operatorname{mean}"}


def _tree_tex(net: Net, n: ex.Node, parent: int = 0) -> str | None:
    """LaTeX of an expression tree as written, without its shapes (a formula whose shapes do
    not fit, which the matrix-form printer cannot take): each name as the network prints it,
    ``@`` a product, ``*`` ⊙ (a number or size times a matrix side by side), ``/`` a fraction,
    ``.T`` ⊤; None for a part it does not print."""
    if isinstance(n, ex.Num):
        s, prec = num_text(n.value)[0], 5
    elif isinstance(n, ex.Name):
        tex = _tex_of(net, n.id) if net.known(n.id) else None
        s, prec = (tex or n.id), 5
    elif isinstance(n, ex.BinOp) and n.op in ("+", "-"):
        a, b = _tree_tex(net, n.left, 1), _tree_tex(net, n.right, 2)
        s, prec = (None if a is None or b is None else f"{a} {n.op} {b}"), 1
    elif isinstance(n, ex.BinOp) and n.op == "/":
        a, b = _tree_tex(net, n.left), _tree_tex(net, n.right)
        s, prec = (None if a is None or b is None else rf"\frac{{{a}}}{{{b}}}"), 5
    elif isinstance(n, ex.BinOp) and n.op in ("@", "·", "*", "∗"):
        a, b = _tree_tex(net, n.left, 2), _tree_tex(net, n.right, 3)
        number = n.op in ("*", "∗") and (_tex_scalar(net, n.left) or _tex_scalar(net, n.right))
        op = " " if number else r" \thinspace " if n.op in ("@", "·") else r" \odot "
        s, prec = (None if a is None or b is None else f"{a}{op}{b}"), 2
    elif isinstance(n, ex.Neg):
        a = _tree_tex(net, n.operand, 3)
        s, prec = (None if a is None else f"-{a}"), 2
    elif isinstance(n, ex.Transpose):
        a = _tree_tex(net, n.operand, 5)
        if a is not None and isinstance(n.operand, ex.Name) and re.search(r"\^\{[^{}]*\}$", a):
            s = a[:-1] + r"\top}"  # A^{[1]} → A^{[1]\top}
        else:
            s = None if a is None else f"{a}^{{\\top}}"
        prec = 5
    elif isinstance(n, ex.Pow):
        a = _tree_tex(net, n.base, 5)
        if a is not None and "^" in a and not a.startswith(r"\left("):
            a = rf"\left({a}\right)"  # a^{[1]}^{2} is no LaTeX: (a^{[1]})^{2}
        s, prec = (None if a is None else f"{a}^{{{num_text(n.exponent)[0]}}}"), 5
    elif isinstance(n, ex.Call) and not n.kwargs and n.func in {*ops.activations(), *_TEX_FUNCS}:
        args = [_tree_tex(net, a) for a in n.args]
        name = _TEX_FUNCS.get(n.func, rf"\operatorname{{{n.func}}}")
        s = None if None in args else rf"{name}\left({', '.join(args)}\right)"  # type: ignore[arg-type]
        prec = 5
    else:
        return None
    if s is None:
        return None
    return rf"\left({s}\right)" if prec < parent else s


def _tex_scalar(net: Net, n: ex.Node) -> bool:
    """A number, a size or a constant (or arithmetic of those): a scalar factor."""
    if isinstance(n, ex.Num):
        return True
    if isinstance(n, ex.Name):
        return n.id in net.spec.dims or n.id in net.spec.constants
    if isinstance(n, ex.BinOp) and n.op in ("+", "-", "*", "/"):
        return _tex_scalar(net, n.left) and _tex_scalar(net, n.right)
    if isinstance(n, ex.Neg):
        return _tex_scalar(net, n.operand)
    return False


def _in_latex(net: Net, result: CheckResult) -> CheckResult:
    """LaTeX input → the corrected formula and every fix in LaTeX (``read_as`` stays in the
    checker's notation, so the reader sees how the LaTeX was understood)."""

    expected = result.expected_tex or _tex_of(net, result.expected) or result.expected
    swaps: dict[str, str] = {}
    if result.expected and expected != result.expected:
        swaps[result.expected] = expected
    diags = []
    for d in result.diagnoses:
        fix = d.fix
        if fix is not None:
            fix = expected if fix == result.expected else (_tex_of(net, fix) or fix)
            if d.fix and fix != d.fix:
                swaps[d.fix] = fix
        diags.append(replace(d, fix=fix))
    # the formulas and tensor names inside the messages, too (A1.T @ dZ2 → A^{[1]\top} …)
    diags = [
        replace(d, message=m.render("en"), msg=m)
        if d.msg is not None and (m := _tex_msg(net, d.msg, swaps)) is not None
        else replace(d, message=_swap_text(d.message, swaps))
        for d in diags
    ]
    expanded = _tex_of(net, result.expanded) if result.expanded else None
    return replace(result, expected=expected, diagnoses=tuple(diags), expanded=expanded or expected)


def _tex_msg(net: Net, m: Msg, swaps: dict[str, str]) -> Msg:
    """``m`` with every argument that is a formula or a tensor name of the network written
    in LaTeX (the fixes by ``swaps``, already converted); numbers, shapes, ∂L/∂X stay."""
    args = []
    for k, v in m.args:
        if isinstance(v, Msg):
            v = _tex_msg(net, v, swaps)
        elif isinstance(v, str):
            g = re.fullmatch(r"∂L/∂(\w+)", v)
            if v in swaps:
                v = f"${swaps[v]}$"
            elif g and net.known(g.group(1)):  # ∂L/∂Z1 → ∂L/∂Z^{[1]}
                tex = _tex_of(net, g.group(1))
                v = f"$\\partial L / \\partial {tex}$" if tex else v
            elif re.fullmatch(r"\w+(?:, \w+)+", v) and all(net.known(w) for w in v.split(", ")):
                # a list of the network's names (the nodes a path avoids: "mu, var")
                v = ", ".join(f"${_tex_of(net, w) or w}$" for w in v.split(", "))
            elif re.search(r"[A-Za-z]", v) and not v.startswith("$"):
                tex = _tex_of(net, v) if _names_of_net(net, v) else None
                v = f"${tex}$" if tex and tex != v else _grad_tex(net, _swap_text(v, swaps))
        args.append((k, v))
    return Msg(*latex_key(m.key, tuple(args)))


def latex_key(key: str, args: tuple[tuple[str, Any], ...]) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """A message's key and arguments for LaTeX input, worded as prose where the English one
    names NumPy's arguments: "sum over axis=1" → "sum each row (over the columns) instead"."""
    if key == "round2.axis":
        given = dict(args)
        rows = int(given.get("axis", 0)) == 1
        return ("checkgaps9.axis_rows" if rows else "checkgaps9.axis_cols"), (("x", given.get("x")),)
    if key in ("mut.axis_1", "mut.axis_all"):
        return f"checkgaps9.{key[4:]}", args
    return key, args


def _grad_tex(net: Net, text: str) -> str:
    """``∂L/∂Z1`` inside a sentence → ``∂L/∂$Z^{[1]}$``."""

    def one(m: re.Match[str]) -> str:
        tex = _tex_of(net, m.group(1)) if net.known(m.group(1)) else None
        return f"∂L/∂${tex}$" if tex else m.group()

    return re.sub(r"∂L/∂([A-Za-z_][A-Za-z0-9_]*)", one, text)


def _names_of_net(net: Net, text: str) -> bool:
    """Does ``text`` (a formula in the expression language) use a name of the network?"""
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)
    return any(net.known(w) for w in words)


def _swap_text(text: str, swaps: dict[str, str]) -> str:
    for old in sorted(swaps, key=len, reverse=True):
        text = text.replace(old, f"${swaps[old]}$")
    return text


def _swap_msg(m: Msg | None, swaps: dict[str, str]) -> Msg | None:
    """``m`` with the NumPy formulas in its arguments replaced by their LaTeX."""
    if m is None:
        return None
    args = []
    for k, v in m.args:
        if isinstance(v, Msg):
            v = _swap_msg(v, swaps)
        elif isinstance(v, str):
            v = _swap_text(v, swaps)
        args.append((k, v))
    return Msg(m.key, tuple(args))


def _result(notes: list[Msg] | tuple[Msg, ...] = (), **kwargs: Any) -> CheckResult:
    """A :class:`CheckResult` with English ``notes`` rendered from ``notes`` (kept for
    :meth:`CheckResult.localized`)."""
    return CheckResult(notes=tuple(m.render("en") for m in notes), note_msgs=tuple(notes), **kwargs)


# ---- the verdict on a formula -------------------------------------------------------------------


def _want_shape(net: Net, target: Target) -> tuple[int, int]:
    """The answer's shape, its sizes the network's (named: they move with resized sizes)."""
    t = net.g.tensors.get(target.name)
    shape = tuple(t.shape) if t is not None else ()
    if len(shape) == 2 and tuple(map(int, shape)) == tuple(map(int, target.shape)):
        return shape  # type: ignore[return-value]
    return target.shape


def _check_formula(
    net: Net, target: Target, submitted: str, shown: str, tree: ex.Node, allow_upstream: bool
) -> CheckResult:
    """:func:`_check_formula_on`, with a note on how NumPy reads each product with a 1-D
    operand of a wrong answer (``h @ w[:, 0]``: a matrix times a column, 1-D)."""
    r = _check_formula_on(net, target, submitted, shown, tree, allow_upstream)
    if r.ok or not isinstance(submitted, str) or looks_latex(submitted):
        return r
    extra = [msg(k, **a) for k, a in numpy_1d_products(net, submitted)]
    if not extra:
        return r
    notes = (*r.note_msgs, *extra)
    return replace(r, notes=tuple(m.render("en") for m in notes), note_msgs=notes)


def _swapped_names_refused(net: Net, tree: ex.Node, err: ShapeError) -> None:
    """A capital name read only as the network's lower-case vector (``W`` as ``w``, [m, 1]) in a
    formula whose shapes then do not fit is refused, naming it: the reader guessed, and CS229's
    ``X^T W (X θ − y)`` means ``W = diag(w)``, a matrix of the student's own — a verdict would
    judge a formula the student did not write. (A lower-case name for a capital tensor, ``y``
    for ``Y``, is how notes write vectors: read, and judged.)"""
    has = lambda t: net.names.get(t) is not None  # noqa: E731
    for raw in dict.fromkeys(ex.names(tree)):
        if names.resolve(has, net.spec.constants, raw, swap=False) is not None:
            continue
        found = net.resolve(raw)
        if found is None or not (raw[:1].isupper() and found[0][:1].islower()):
            continue  # a lower-case y for the network's Y stays a reading (vectors in notes)
        if 1 in tuple(map(int, found[1].shape)) and max(map(int, found[1].shape)) > 1:
            m = msg("round26.swapped_name", name=raw, other=found[0], problem=err.msg)
            raise FormulaError(m, 0, "")


def _check_formula_on(
    net: Net, target: Target, submitted: str, shown: str, tree: ex.Node, allow_upstream: bool
) -> CheckResult:
    """The verdict on ``tree`` (read from ``shown``, the user's ``submitted`` text): exact at
    random points (more when it compares), then at the ReLU zero point; diagnosed when wrong."""
    conv = Convert(net, shown, allow_upstream, want=_want_shape(net, target))
    base = dict(
        network=net.spec.name,
        wrt=target.name,
        submitted=submitted,
        expected=target.expected,
        shape=target.shape,
        expanded=target.expanded,
        expected_tex=target.tex,
    )
    raw = tree  # as written (g'(Z2) kept: a wrong layer is found by substituting in it)
    try:
        tree = conv.prepare(tree)  # Leibniz notation (∂A/∂B) and g'(Z) resolved
        user, resolved = conv(tree)
        if isinstance(user, mf.Scalar) and target.shape != (1, 1):
            # a constant answer (1/N, \frac{1}{N} 𝟙) for a matrix: the same in every entry,
            # broadcast as NumPy would in W -= lr * dW
            user = mf.Mul(user, mf.Ones(target.shape))
    except ShapeError as err:
        _swapped_names_refused(net, raw, err)
        tree = resolve_products(net, tree, allow_upstream)
        ones = ones_product(net, tree)
        diags = (
            [Diagnosis.of("shape-mismatch", ones, target.expected)]
            if ones is not None
            else shape_problem(net, target, tree, err.msg)
        )
        return _result(
            verdict="incorrect", diagnoses=tuple(diags), read_as=tree_text(ones_shown(net, tree)), **base
        )
    read_as = tree_text(ones_shown(net, resolved))
    if target.name in conv.grads_used:
        diag = Diagnosis.of("circular", msg("diag.circular", name=target.name), target.expected)
        return _result(verdict="incorrect", diagnoses=(diag,), read_as=read_as, **base)
    notes: list[Msg] = list(conv.rounded)  # heldcheck40: constants pasted as rounded decimals
    right = user.shape == target.shape
    points = POINTS_PIECEWISE if conv.piecewise else POINTS
    values: dict[int, np.ndarray | None] = {}
    compared = 0
    if right:
        # a random point outside the network's own domain (the gradient itself undefined there:
        # focal loss' log(p_t) at p_t <= 0) says nothing about the formula: it is skipped, and
        # as many points inside the domain are compared as usual
        for k in range(POINTS_PIECEWISE):
            if compared == points:
                break
            if target.truth(k) is None and k + points - compared < POINTS_PIECEWISE:
                continue  # outside the domain, and enough points are left to skip it
            values[k] = evaluate(user, System(net.rand, k))
            if target.truth(k) is None and values[k] is None:
                continue  # undefined there like the gradient (a zero row under F.normalize)
            compared += 1
            if not same(values[k], target.truth(k)):
                right = False
                break
    if right and compared < min(points, POINTS_PIECEWISE // 2):
        right = False  # too few points inside the network's domain to tell
    if right:
        zero = net.zero
        if zero is not None:
            mine = evaluate(user, System(zero, 0))
            # at a smooth kink the walkthrough's own formula (relu's convention on each piece,
            # what derive's derivation prints) is accepted beside the two-sided slope
            want = target.truth(0, "zero")  # sets the target's zero_convention at a smooth kink
            own = getattr(target, "zero_convention", None)
            if not same(mine, want) and not (own is not None and same(mine, own)):
                diag = (
                    Diagnosis.of(
                        "relu-at-zero",
                        msg("round41.smooth_kink", grad=grad_name(target.name)),
                        target.expected,
                    )
                    if getattr(target, "smooth_zero", False)  # heldtex41: differentiable there
                    else relu_at_zero(net, target, resolved, mine)
                )
                return _result(
                    verdict="incorrect", diagnoses=(diag,), read_as=read_as, notes=notes, **base
                )
        dead = _dead_window(net, target.name, user, lambda: target.truth(0, "dead"))
        if dead is not None:
            return _result(verdict="incorrect", diagnoses=(dead,), read_as=read_as, notes=notes, **base)
        at_dims = _at_other_sizes(net, target, user)
        if (
            at_dims
            and conv.literals
            and _constant_named_in_expected(net, target, conv.literals)
            and (_literal_note(net, target, user, conv.literals) or ("", ""))[1] == "unknown"
        ):
            # heldcheck39: a number for a constant that the resized check let through (nnfs's
            # -(3 * y_true / p - …) for w = 3: its 1/p terms are large at the resized points, and
            # the tolerance scaled with them); changing that constant alone breaks the formula
            # (a constant only: a size changed alone leaves the tensors' shapes as they are)
            at_dims = False
        if at_dims is None:  # no real resize possible: the sizes and constants as symbols
            at_dims = all(
                same(evaluate(user, System(net.other_dims, k)), target.truth(k, "dims"))
                for k in range(2)
            )
        loop = _loop_bound_note(net)  # heldcheck50: range(2) for the batch size m, right here only
        if loop is not None:
            diag = Diagnosis.of("scale-factor", loop[0], target.expected, loop[1])
            return _result(verdict="incorrect", diagnoses=(diag,), read_as=read_as, **base)
        if not at_dims:
            swap = _size_swap(net, target, user, submitted)
            if swap is not None:
                return _result(
                    verdict="incorrect",
                    diagnoses=(swap,),
                    read_as=read_as,
                    notes=[msg("note.example_sizes")],
                    **base,
                )
            if conv.literals:  # a number written for a size or a constant
                literal = _literal_note(net, target, user, conv.literals)
                if literal:
                    m, code, factor = literal
                    diag = Diagnosis.of(code, m, target.expected, factor)
                    return _result(verdict="incorrect", diagnoses=(diag,), read_as=read_as, **base)
            # no diagnose() at the example points: the formula is right there, so any mistake
            # read off them would not hold (Qiu's / N for a mean over M2 × N, M2 = 1 here, was
            # "extra-transpose")
            diags = (
                _resized_diagnosis(net, target, user)
                or _size_factor(net, target, user, conv)
                or _one_term_at_sizes(net, target, user)
                or _transpose_at_sizes(net, target, user, resolved, conv, raw)
                or _smoothing_left_out(net, target, read_as, looks_latex(submitted))
                or [Diagnosis.of("unknown", msg("heldcheck7.sizes_only"), target.expected)]
            )
            notes = [msg("note.example_sizes")]
            return _result(
                verdict="incorrect", diagnoses=tuple(diags), read_as=read_as, notes=notes, **base
            )
        kink = _example_kink(net, target, resolved, user)
        if kink is not None:  # after the other sizes: a mistake they show is named first
            return _result(
                verdict="incorrect", diagnoses=(kink,), read_as=read_as, notes=notes, **base
            )
        notes += _confirm(net, target, user)
        return _result(verdict="correct", diagnoses=(), read_as=read_as, notes=notes, **base)
    diags = diagnose(net, target, user, resolved, conv, raw)
    if all(d.code == "unknown" for d in diags) or (
        len(diags) == 1
        and diags[0].code == "scale-factor"
        and not re.search(r"[A-Za-z]", diags[0].factor or "")
    ):  # a ratio that is a quotient of two sizes (focal's / n for / m: 4/3)
        swap = _size_swap_anywhere(net, target, user, submitted)
        smoothing = [] if swap else _smoothing_left_out(net, target, read_as, looks_latex(submitted))
        if swap is not None or smoothing:
            diags = [swap] if swap is not None else smoothing
        elif all(d.code == "unknown" for d in diags) and (count := _count_factor(net, target, user)):
            diags = [count]
    if has_row_sum(submitted):
        notes.append(msg("heldcheck.row_sum"))
    if user.shape != target.shape and (ones := ones_product(net, resolved)) is not None:
        notes.append(ones)  # np.ones((k, m)) @ B: k copies of B's column sums, not their sum
    if user.shape == target.shape:
        at_example = evaluate(user, System(net.example, 0))
        if _binary_only(net, target, user):
            notes.append(msg("note.binary_labels"))
            code = "weighted-loss-not-simplifiable" if _weighted(net) else "unknown"
            diags = [
                Diagnosis.of(code, msg("diag.binary_only"), d.fix) if d.code == "unknown" else d
                for d in diags
            ]
        elif _onehot_only(net, target, user):
            rows_sum = _onehot_only(net, target, user, spread=True)  # P − Y: any rows summing to 1
            notes.append(msg("note.distribution_labels" if rows_sum else "note.onehot_labels"))
            diags = [
                Diagnosis.of("unknown", msg("diag.distribution_only" if rows_sum else "diag.onehot_only"), d.fix)
                if d.code == "unknown"
                else d
                for d in diags
            ]
        elif all(d.code == "unknown" for d in diags) and (
            hit := _onehot_mistake(net, target, user, diags[0].fix if diags else None, conv)
        ):  # P − Y for a target not declared one-hot, and a second, known mistake: it does
            notes.append(msg("note.onehot_compared"))  # not hold even at one-hot targets
            diags = hit
        elif same(at_example, target.truth(0, "example")):
            notes.append(msg("note.example_only"))
    return _result(
        verdict="incorrect", diagnoses=tuple(diags), read_as=read_as, notes=notes, **base
    )


def _resized_values(net: Net, target: Target, user: mf.MExpr) -> list[tuple[Any, Any]] | None:
    """(the point, the user's float64 value or None where it does not evaluate) at each point
    of the network at other sizes; None when there are none, the gradient is not known there,
    or the formula has a fixed-size 𝟙."""
    pts = net.resized
    if pts and not _reads_values(user) and all(net.spec.gkey(target.name) in p.float_env for p in pts):
        # a number alone (`np.zeros_like(b)`, `0`, `1 / N`): that number (at these sizes) in
        # every entry, whatever size its 𝟙 was read with
        filled: list[tuple[Any, Any]] = []
        for p in pts:
            try:
                with np.errstate(all="ignore"):
                    v = np.asarray(mf.Evaluator(System(None, 0, p)).run(user), dtype=float)
            except (_Undefined, ZeroDivisionError, OverflowError, ValueError):
                break
            if not v.size or not np.all(v == v.flat[0]) or not np.isfinite(v.flat[0]):
                break
            filled.append((p, np.full(p.float_env[net.spec.gkey(target.name)].shape, v.flat[0])))
        else:
            return filled
    if not pts or any(_fixed_ones(e) for _, e in positions(user)):
        return None
    out: list[tuple[Any, Any]] = []
    for p in pts:
        if net.spec.gkey(target.name) not in p.float_env:
            return None
        try:
            with np.errstate(all="ignore"):
                run = mf.Evaluator(System(None, 0, p)).run
                mine = np.atleast_2d(np.asarray(run(user), dtype=float))
        except KeyError:  # an upstream gradient whose rule holds at the example sizes only
            return None
        except (_Undefined, ZeroDivisionError, OverflowError, ValueError):
            mine = None  # ValueError: the formula's shapes do not broadcast at these sizes
        if mine is not None and not np.all(np.isfinite(mine)):
            mine = None
        out.append((p, mine))
    return out


def _fixed_ones(e: Any) -> bool:
    """A 𝟙 with a side of a fixed number above 1 (``np.ones((3, 4))`` read as such): its shape
    does not follow the network to other sizes. A 𝟙 whose sides are the network's sizes
    (``\\mathbf{1}_{n \\times k}``, as the walkthroughs print it) takes them there (round 48:
    derive's own ∂L/∂W with such a 𝟙 was judged "k/4 ×" from the size symbols' points)."""
    return isinstance(e, mf.Ones) and any(
        not isinstance(k, Dim | SizeExpr) and int(k) > 1 for k in e.shape
    )


def _reads_values(e: Any) -> bool:
    """Does ``e`` read any tensor (every field of every node, slices and blocks included)?"""
    if isinstance(e, mf.Ref):
        return True
    if isinstance(e, tuple | list):
        return any(_reads_values(x) for x in e)
    if isinstance(e, mf.MExpr) and dataclasses.is_dataclass(e):
        return any(_reads_values(getattr(e, f.name)) for f in dataclasses.fields(e))
    return False


def _at_other_sizes(net: Net, target: Target, user: mf.MExpr) -> bool | None:
    """Does ``user`` equal the gradient on the same network at other sizes (every size
    different, constants changed)? None when that cannot be tried."""
    vals = _resized_values(net, target, user)
    if vals is None:
        return None
    return all(
        mine is not None
        and (
            p.agrees(target.name, mine)
            or p.agrees(
                target.name, mine, max(_term_scale(user, p), _term_scale(target.formula, p))
            )
        )
        for p, mine in vals
    )


def _term_scale(user: mf.MExpr, p: Any) -> float:
    """The largest magnitude of any part of ``user`` at the float64 point ``p``: the scale of
    the rounding left where large terms cancel (VICReg's ∂L/∂b, exactly 0, is ~1e-7 in float64
    at other sizes from terms of ~100, in the student's formula and in the derivation's rule
    alike; its exact value was compared at the random points). A part that does not evaluate
    here (a rule's fixed-size block) is skipped."""
    run = mf.Evaluator(System(None, 0, p)).run
    big = 0.0
    for _, e in positions(user):
        try:
            with np.errstate(all="ignore"):
                v = np.abs(np.asarray(run(e), dtype=float))
        except (KeyError, _Undefined, ZeroDivisionError, OverflowError, ValueError, TypeError):
            continue
        if v.size and np.all(np.isfinite(v)):
            big = max(big, float(np.max(v)))
    return big


def _resized_diagnosis(net: Net, target: Target, user: mf.MExpr) -> list[Diagnosis]:
    """A formula right at the example sizes but wrong at others: the mistakes that show only
    there (a batch sum left out where the batch has one example, a transpose of a square
    factor), read off the values at other sizes."""
    vals = _resized_values(net, target, user)
    if not vals or any(mine is None for _, mine in vals):
        return []
    name = target.name

    def all_agree(f: Any) -> bool:
        try:
            return all(p.agrees(name, np.atleast_2d(f(mine))) for p, mine in vals)
        except ValueError:
            return False

    if vals[0][1].shape[0] > 1 and all_agree(lambda v: v.sum(axis=0, keepdims=True)):
        fixed = f"sum({formula_text(user)}, axis=0)"
        m = msg("mut.bias", grad=grad_name(name), node=name, formula=fixed)
        return [Diagnosis.of("bias-not-summed", m, fixed)]
    if (
        vals[0][1].ndim == 2
        and vals[0][1].shape[0] != vals[0][1].shape[1]
        and all_agree(lambda v: v.T)
    ):
        m = msg("mut.transposed", grad=grad_name(name), node=name)
        return [Diagnosis.of("operand-order", m, target.expected)]
    return []


def _transpose_at_sizes(
    net: Net, target: Target, user: mf.MExpr, resolved: Any, conv: Any, raw: Any
) -> list[Diagnosis]:
    """Right at the example, where a factor is 1 × 1 or square, but not even fitting at the
    other sizes (``x @ δ`` for ``xᵀ @ δ`` with one example and one feature): the library's
    missing transpose, the one mistake that explains a formula that stops fitting when the sizes
    differ; other diagnoses read off the example points are not given (they need not hold)."""
    vals = _resized_values(net, target, user)
    if not vals or all(mine is not None for _, mine in vals):
        return []
    found = diagnose(net, target, user, resolved, conv, raw)
    return [d for d in found if d.code == "missing-transpose"][:1]


def _size_factor(net: Net, target: Target, user: mf.MExpr, conv: Any) -> list[Diagnosis]:
    """Right at the example, wrong at other sizes by a power of a size that is 1 here
    (``m * dZ`` where the batch has one example): that factor, named."""
    if user.shape != target.shape or not same(
        evaluate(user, System(net.example, 0)), target.truth(0, "example")
    ):
        return []
    diags = _factor_diagnoses(net, target, user, target.ref, 1.0, conv, target.expected, None)
    return diags if diags and diags[-1].factor not in (None, "1") else []


def _one_term_at_sizes(net: Net, target: Target, user: mf.MExpr) -> list[Diagnosis]:
    """Right at the example, wrong at other sizes where one term of a sum misses a size that is
    1 here (Qiu's ``/ N`` on the data term for a mean over M2 × N, M2 = 1): that term and size,
    named where the other sizes confirm it (:func:`term_factor`)."""
    if user.shape != target.shape:
        return []
    uvals = [floats(evaluate(user, System(net.rand, k))) for k in range(DIAG_POINTS)]
    truth = [floats(target.truth(k)) for k in range(DIAG_POINTS)]
    if any(v is None for v in uvals):
        return []
    d = term_factor(net, target, user, uvals, truth, at_sizes=True)  # type: ignore[arg-type]
    return [d] if d is not None and d.factor not in (None, "1") else []


def binary_points(net: Net) -> list[Checker] | None:
    """The points where every label (the loss's second argument) is 0 or 1 — all 0, all 1,
    then two random draws — or None when the loss has no label input."""
    labels = _labels(net)
    if not labels:
        return None
    syms = [s for label in labels for s in net.g.tensors[label].symbols]
    rng = random.Random(f"binary:{net.spec.name}")
    out = []
    for k in range(4):
        bits = {s: sp.Integer(rng.randint(0, 1)) for s in syms}
        if k < 2:
            bits = {s: sp.Integer(k) for s in syms}
        out.append(Checker(defs={**net.rand.defs, **bits}, points=1, seed=net.seed + 11 + k))
    return out


def _labels(net: Net) -> list[str]:
    """The loss's labels: its call's second argument (``bce(A2, Y)``), else — a loss written out
    (TensorFlow's ``weighted_cross_entropy_with_logits`` as its terms) — the inputs the loss's own
    expression names whose example values are all 0 or 1 (not a dropout mask, which is named
    by an earlier node), and the inputs a label is made of in a node that reads no parameter
    (``s = 2 * y - 1``, ``t = torch.where(y == 0, -1.0, 1.0)``: 0/1 labels made ±1) that the
    loss reads, when no node reading a parameter takes them too (the features ``X`` of
    ``X @ W``; a dropout mask)."""
    loss = net.spec.forward[-1][1]
    if isinstance(loss, ex.Call) and len(loss.args) > 1 and isinstance(loss.args[1], ex.Name):
        label = loss.args[1].id
        if label in net.spec.inputs:
            return [label]
    binary = domains.roles(net.spec.forward)  # y == 1 compared in the loss or a label's node
    inputs = set(net.spec.inputs)

    def zero_one(name: str) -> bool:
        given = net.spec.values.get(name)
        return binary.get(name) == "binary" or (given is not None and _bits(given))

    found = {name for name in set(ex.names(loss)) & inputs if zero_one(name)}
    learned: set[str] = set(net.spec.params)  # the nodes that read a parameter
    free: set[str] = set()  # … and those that read none
    for node, tree in net.spec.forward[:-1]:
        (learned if set(ex.names(tree)) & learned else free).add(node)
    read_by_learned = {
        name
        for node, tree in net.spec.forward[:-1]
        if node in learned
        for name in ex.names(tree)
    }
    trees = dict(net.spec.forward)
    reached, todo = set(), [n for n in ex.names(loss) if n in free]
    while todo:  # label nodes the loss reads (not ``Md = M / 0.8`` that a layer reads)
        node = todo.pop()
        if node not in reached:
            reached.add(node)
            todo += [n for n in ex.names(trees[node]) if n in free]
    for node, tree in net.spec.forward[:-1]:
        if node in reached:
            found.update(
                name
                for name in set(ex.names(tree)) & inputs
                if name not in read_by_learned and zero_one(name)
            )
    return sorted(found)


def _bits(rows: Any) -> bool:
    """Are the given values (a number, or rows of them) all 0 or 1, both present?"""
    flat = [v for row in rows for v in (row if isinstance(row, (tuple, list)) else (row,))] if (
        isinstance(rows, (tuple, list))
    ) else [rows]
    return set(flat) == {0, 1}


def _label_weighted(net: Net) -> bool:
    """Does the loss, written out, weight a label by a number other than ±1 or by a constant
    (``3 * y * softplus(-z)``: a pos_weight)?"""
    labels = set(_labels(net))
    for n in _ex_nodes(net.spec.forward[-1][1]) if labels else ():
        if isinstance(n, ex.BinOp) and n.op == "*":
            for a, b in ((n.left, n.right), (n.right, n.left)):
                if isinstance(a, ex.Name) and a.id in labels and (
                    (isinstance(b, ex.Num) and abs(b.value) != 1)
                    or (isinstance(b, ex.Name) and b.id in net.spec.constants)
                ):
                    return True
    return False


def _binary_only(net: Net, target: Target, user: mf.MExpr) -> bool:
    """Is ``user`` right whenever the labels (the loss's second argument) are 0 or 1?"""
    points = binary_points(net)
    if points is None:
        return False
    for ck in points:
        ref = evaluate(target.ref, System(ck, 0))
        if ref is None or not same(evaluate(user, System(ck, 0)), ref):
            return False
    return True


def _weighted(net: Net) -> bool:
    """Is the loss a weighted binary cross-entropy (a formula right only for 0/1 labels is then
    the weighted loss simplified as if it were the plain one)?"""
    return any(v.rule == "weighted-bce" for v in net.visits.values()) or _label_weighted(net)


def one_hot_candidates(net: Net) -> list[str]:
    """The inputs that could be one-hot targets (:func:`onehot_points`)."""
    return sorted(
        {
            name
            for key, tree in net.spec.forward
            if tuple(int(d) for d in net.g.tensors[key].shape) == (1, 1)
            for name in ex.names(tree)
            if name in net.spec.inputs
            and name not in net.spec.one_hot
            and name not in net.spec.one_hot_columns
            and name not in net.hot
            and (
                min(int(d) for d in net.g.tensors[name].shape) > 1
                or name in softmax_targets(net)  # a column against a softmax (Nielsen's y)
            )
        }
    )


def onehot_points(
    net: Net, base: Checker | None = None, spread: bool = False
) -> list[list[Checker]] | None:
    """Points where a target is one-hot — a single 1 in each row, or in each column (a
    column-major course network) —, three of each orientation, or None when no input is a
    target that could be one-hot: an input not declared ``kind = "one-hot"``, with two or more
    rows and columns, named in the expression of a scalar node (the loss, written out or as a
    call: ``-np.sum(Y * np.log(P)) / m``). ``base``: the points' other values (default the
    network's random point; ``net.other_dims`` for the same targets with other sizes).
    ``spread``: rows (columns) of positive rationals summing to 1 instead — probability
    distributions (soft labels, label smoothing, a teacher's probabilities), round 45."""
    labels = one_hot_candidates(net)
    if not labels:
        return None
    rng = random.Random(f"onehot:{net.spec.name}" + (":spread" if spread else ""))
    out: list[list[Checker]] = []
    for axis in (1, 0):
        points = []
        for k in range(3):
            bits: dict[sp.Symbol, sp.Expr] = {}
            for name in labels:
                syms = net.g.tensors[name].symbols
                rows, cols = syms.shape
                for i in range(rows if axis == 1 else cols):
                    n = cols if axis == 1 else rows
                    # one-hot: the draws of earlier rounds, unchanged; spread: a distribution row
                    row = distribution_row(rng, n) if spread else None
                    hot = None if spread else rng.randrange(n)
                    for j in range(n):
                        s = syms[i, j] if axis == 1 else syms[j, i]
                        bits[s] = row[j] if row is not None else sp.Integer(int(j == hot))
            seed = net.seed + 21 + 3 * axis + k + (50 if spread else 0)
            defs = {**(base or net.rand).defs, **bits}
            points.append(Checker(defs=defs, points=1, seed=seed))
        out.append(points)
    return out


def _onehot_only(net: Net, target: Target, user: mf.MExpr, spread: bool = False) -> bool:
    """Is ``user`` right whenever a target is one-hot (in rows, or in columns)? ``spread``:
    whenever its rows (columns) are probability distributions, each summing to 1."""
    for points in onehot_points(net, spread=spread) or ():
        for ck in points:
            ref = evaluate(target.ref, System(ck, 0))
            if ref is None or not same(evaluate(user, System(ck, 0)), ref):
                break
        else:
            return True
    return False


def _onehot_mistake(
    net: Net, target: Target, user: mf.MExpr, fix: Any, conv: Any
) -> list[Diagnosis] | None:
    """The mistake ``user`` makes wherever a target is one-hot — a loss term left out or with
    another factor, one of the library's, or a constant factor (Ng's column-major ``(A − Y)
    Xᵀ`` without the 1/m: m × the gradient, named by the ratio at one-hot targets with other
    sizes) — for a formula with the one-hot simplification and one more slip (邱锡鹏's
    −X(Y − Ŷ)ᵀ/N without the weight decay's λW), or None."""
    every = onehot_points(net) or []
    for o, points in enumerate(every):
        users = [floats(evaluate(user, System(ck, 0))) for ck in points]
        truth = [floats(evaluate(target.ref, System(ck, 0))) for ck in points]
        if any(u is None for u in users) or user.shape != target.shape:
            continue
        found = missing_term(net, target, users, truth, fix, points)  # type: ignore[arg-type]
        if found is not None:
            return [found]
        for m in library(target):
            if m.expr.shape == user.shape and all(
                same(evaluate(user, System(ck, 0)), evaluate(m.expr, System(ck, 0)))
                for ck in points
            ):
                return [Diagnosis.of(m.code, m.message, fix)]
        c = None if any(t is None for t in truth) else _ratio(users, truth)  # type: ignore[arg-type]
        resized = onehot_points(net, net.other_dims)
        elsewhere = resized[o] if resized else None
        # round 47: the same network at other sizes with these targets one-hot, measured in
        # place of the size symbols' points wherever it evaluates (PaLM's z-loss: C/10 × for ½ ×)
        real = resized_one_hot(net, dict.fromkeys(one_hot_candidates(net), o == 1)) if elsewhere else None
        if c is not None:
            at = [(ck, 0) for ck in elsewhere] if elsewhere else None
            return _factor_diagnoses(net, target, user, target.ref, c, conv, fix, None, at, real)
        if elsewhere and all(t is not None for t in truth):
            # one term off by a factor, the others right (UFLDL's (h − y) Xᵀ + λθ without 1/m)
            here = [System(ck, 0) for ck in points]
            there = [System(ck, 0) for ck in elsewhere]
            term = term_factor(net, target, user, users, truth, here=here, there=there, resized=real)  # type: ignore[arg-type]
            if term is not None:
                return [term]
    return None


def _size_swap(net: Net, target: Target, user: mf.MExpr, text: str = "") -> Diagnosis | None:
    """A formula right at the example sizes only because two sizes are equal there: the size
    name it uses and the one that belongs (``n_in`` for ``m``), found by trying each swap at
    points where every size differs."""
    dims = {sym: name for name, sym in net.g.scalars.items() if name in net.spec.dims}
    written = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    used = sorted(  # the sizes the student wrote first
        {s for e in _scalars(user) for s in e.expr.free_symbols if s in dims},
        key=lambda s: (dims[s] not in written, str(s)),
    )
    for a in used:
        for b in sorted(dims, key=str):
            if b == a or net.g.scalar_values[a] != net.g.scalar_values[b]:
                continue
            fixed = _replace_symbol(user, a, b)
            symbolic = all(
                same(evaluate(fixed, System(net.other_dims, k)), target.truth(k, "dims"))
                for k in range(2)
            ) or _one_swapped(net, target, user, a, b)
            # round 46: the network itself at other sizes, where the symbolic points (sizes
            # moved on matrices that keep their shapes) break a formula that needs a size to
            # count entries — label smoothing's ε/C sums to ε over the C columns only there
            real = not symbolic and _at_other_sizes(net, target, fixed)
            if symbolic or real:
                # the factor as measured where the sizes differ (`* n / m**2` is n/m × the
                # gradient there, `/ n` for `/ m` m/n)
                if real:
                    p, got = (_resized_values(net, target, user) or [(None, None)])[0]
                    va, vb = float(p.sizes[dims[a]]), float(p.sizes[dims[b]])
                    want = p.float_env.get(net.spec.gkey(target.name))
                    mine = None if got is None else np.asarray(got, dtype=float)
                    want = None if want is None else np.asarray(want, dtype=float)
                else:
                    there = net.other_dims.defs
                    va, vb = float(there[a]), float(there[b])
                    mine = floats(evaluate(user, System(net.other_dims, 0)))
                    want = floats(target.truth(0, "dims"))
                c = None if mine is None or want is None else _ratio([mine], [want])
                factor = (
                    f"{dims[a]}/{dims[b]}"
                    if c is not None and math.isclose(c, va / vb, rel_tol=1e-6)
                    else f"{dims[b]}/{dims[a]}"
                )
                m = msg(
                    "diag.wrong_size",
                    used=dims[a],
                    right=dims[b],
                    value=int(net.g.scalar_values[a]),
                    factor=factor,
                )
                return Diagnosis.of("scale-factor", m, target.expected, factor=factor)
    return None


def _one_swapped(net: Net, target: Target, user: mf.MExpr, a: Any, b: Any) -> bool:
    """Is ``user`` the gradient times ``a/b`` or ``b/a`` where the sizes differ — the size ``a``
    written in one place where ``b`` belongs, beside a right one (``/ (B * B)`` for ``/ (B * H)``),
    which swapping every ``a`` does not mend?"""
    mine = [floats(evaluate(user, System(net.other_dims, k))) for k in range(2)]
    want = [floats(target.truth(k, "dims")) for k in range(2)]
    if any(v is None for v in mine + want):
        return False
    c = _ratio(mine, want)  # type: ignore[arg-type]
    va, vb = float(net.other_dims.defs[a]), float(net.other_dims.defs[b])
    return c is not None and any(math.isclose(c, r, rel_tol=1e-6) for r in (va / vb, vb / va))


def ones_product(net: Net, tree: ex.Node) -> Msg | None:
    """A block of ones under ``@`` that is not a row on the left (a column on the right) of the
    right length — ``np.ones((m, 1)) @ dZ``, ``np.ones((N, D)) @ W.T``: its shapes, and which
    block of ones sums ``B`` (``np.ones((1, m)) @ B`` down its rows, ``B @ np.ones((k, 1))``
    along them). None where the formula has no such product."""
    conv = Convert(net, "", True)
    for n in _ex_walk(tree):
        if not (isinstance(n, ex.BinOp) and n.op == "@"):
            continue
        for ones, other, left in ((n.left, n.right, True), (n.right, n.left, False)):
            block = _ones_block(net, ones)
            if block is None:
                continue
            a, b = conv.shape_of(ones), conv.shape_of(other)
            if 0 in a or 0 in b:
                continue
            outer, inner, length = (a[0], a[1], b[0]) if left else (a[1], a[0], b[1])
            if outer == 1 and inner == length:
                continue
            size = _side_name(net, other, 0 if left else 1, length) or str(length)
            want = f"np.ones((1, {size}))" if left else f"np.ones(({size}, 1))"
            shown = tree_text(ones_shown(net, n))
            what = "matmul_bad" if inner != length else "matmul_copies"
            return msg(
                f"checkgaps11.ones_{what}",
                formula=shown,
                ones=tree_text(ones_shown(net, ones)),
                a=shape_text(a),
                b=shape_text(b),
                inner=inner,
                length=length,
                outer=outer,
                want=want,
                axis=msg("checkgaps11.ones_down" if left else "checkgaps11.ones_along"),
            )
    return None


def _ex_walk(n: ex.Node) -> Any:
    yield n
    for c in ex.children(n):
        yield from _ex_walk(c)


def _side_name(net: Net, node: ex.Node, axis: int, length: int) -> str | None:
    """The [dims] name of a side of ``node`` of ``length``: the one label that side has in the
    tensors (or gradients, ``dZ1``) it reads (``m`` for the rows of ``A2 - Y``); else None."""
    if isinstance(node, ex.Transpose):
        node, axis = node.operand, 1 - axis
    labels = set()
    for n in _ex_walk(node):
        name = n.id if isinstance(n, ex.Name) else None
        if name is not None and name not in net.g.tensors and name[1:] in net.g.tensors:
            name = name[1:]
        t = net.g.tensors.get(name) if name is not None else None
        if t is not None and len(t.shape) == 2 and int(t.shape[axis]) == length:
            label = getattr(t.shape[axis], "label", None)
            if label:
                labels.add(label)
    return labels.pop() if len(labels) == 1 else None


def _ones_block(net: Net, n: ex.Node) -> bool | None:
    """Is ``n`` a block of ones the reader made of ``np.ones((r, c))`` (or its transpose)?"""
    shown = ones_shown(net, n)
    return True if isinstance(shown, ex.Name) and shown.id.startswith("np.ones((") else None


_ONES = re.compile(r"np\.ones\(\((\w+), (\w+)\)\)")


def ones_shown(net: Net, node: ex.Node) -> ex.Node:
    """``node`` with each block of ones the reader made of ``np.ones((r, c))`` — ``0 * T + 1``
    of a tensor ``T`` of that shape, or ``0 * T[:, 0:1] + 1`` of one side of it (transposed for
    a row) — shown as ``np.ones((r, c))`` again, its sizes by their names: the echo of a
    formula says what the student wrote, not the reader's internal form."""

    def size(d: Any) -> str:
        return getattr(d, "label", None) or str(int(d))

    def shape(n: ex.Node) -> tuple[Any, Any] | None:
        if isinstance(n, ex.Name) and n.id in net.g.tensors:
            t = net.g.tensors[n.id].shape
            return (t[0], t[1]) if len(t) == 2 else None
        if isinstance(n, ex.Call) and n.func == "slice" and n.kwarg("start") == ex.Num(Fraction(0)) \
                and n.kwarg("stop") == ex.Num(Fraction(1)):
            whole = shape(n.args[0])
            if whole is None:
                return None
            return (1, whole[1]) if n.kwarg("axis") == ex.Num(Fraction(0)) else (whole[0], 1)
        return None

    def block(n: ex.Node) -> tuple[Any, Any] | None:
        if (
            isinstance(n, ex.BinOp) and n.op == "+" and n.right == ex.Num(Fraction(1))
            and isinstance(n.left, ex.BinOp) and n.left.op in ("*", "∗")
            and n.left.left == ex.Num(Fraction(0))
        ):
            return shape(n.left.right)
        return None

    def walk(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Transpose) and (b := block(n.operand)) is not None:
            return ex.Name(f"np.ones(({size(b[1])}, {size(b[0])}))")
        if (b := block(n)) is not None:
            return ex.Name(f"np.ones(({size(b[0])}, {size(b[1])}))")
        kids = subtrees(n)
        if not kids:
            return n
        new = tuple(walk(k) for k in kids)  # type: ignore[arg-type]
        if isinstance(n, ex.BinOp) and n.op == "@" and all(isinstance(k, ex.Name) for k in new):
            # a column of ones times a row of ones (the reader's np.ones((m, 2))): one block
            col, row = (_ONES.fullmatch(k.id) for k in new)  # type: ignore[union-attr]
            if col and row and col[2] == "1" and row[1] == "1":
                return ex.Name(f"np.ones(({col[1]}, {row[2]}))")
        return n if new == kids else rebuild(n, new)  # type: ignore[return-value]

    try:
        return walk(node)
    except (TypeError, ValueError, AttributeError):  # a node kind not rebuilt: as it was
        return node


def _scalars(e: mf.MExpr) -> list[mf.Scalar]:

    if isinstance(e, mf.Scalar):
        return [e]
    return [s for k in subtrees(e) for s in _scalars(k)]


def _size_swap_anywhere(net: Net, target: Target, user: mf.MExpr, text: str) -> Diagnosis | None:
    """A wrong formula that one size name written for another makes right everywhere (``/ n``
    where ``/ m`` belongs, the two sizes different here, so the ratio is the quotient m/n): the
    size it uses and the one that belongs, confirmed at the random points (those inside the
    network's domain) and at other sizes."""
    dims = {sym: name for name, sym in net.g.scalars.items() if name in net.spec.dims}
    written = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    used = sorted(
        {s for e in _scalars(user) for s in e.expr.free_symbols if s in dims},
        key=lambda s: (dims[s] not in written, str(s)),
    )
    inside = [k for k in range(POINTS_PIECEWISE) if target.truth(k) is not None]
    if len(inside) < 2:
        return None
    for a in used:
        for b in sorted(dims, key=str):
            if b == a or net.g.scalar_values[a] == net.g.scalar_values[b]:
                continue  # equal here: _size_swap's case
            fixed = _replace_symbol(user, a, b)
            if all(
                same(evaluate(fixed, System(net.rand, k)), target.truth(k)) for k in inside
            ) and _right_at_other_sizes(net, target, fixed):
                va, vb = int(net.g.scalar_values[a]), int(net.g.scalar_values[b])
                mine, want = floats(evaluate(user, System(net.rand, inside[0]))), floats(target.truth(inside[0]))
                c = None if mine is None or want is None else _ratio([mine], [want])
                if c is None or not any(math.isclose(c, q, rel_tol=1e-6) for q in (vb / va, va / vb)):
                    continue  # the size enters some other way: no one factor to name
                factor = f"{dims[b]}/{dims[a]}" if math.isclose(c, vb / va, rel_tol=1e-6) else f"{dims[a]}/{dims[b]}"
                m = msg(
                    "checkgaps8.wrong_size",
                    used=dims[a],
                    right=dims[b],
                    v_used=va,
                    v_right=vb,
                    factor=factor,
                )
                return Diagnosis.of("scale-factor", m, target.expected, factor=factor)
    return None


_SMOOTHED = re.compile(
    r"cross_entropy\(\s*[^,()]+,\s*([A-Za-z_]\w*)\s*,[^)]*label_smoothing\s*=\s*([0-9.eE+-]+|[A-Za-z_]\w*)"
)
# Keras' losses take the target first: categorical_crossentropy(y_true, y_pred, …,
# label_smoothing=ε) smooths towards ε/K, binary_crossentropy(…) towards ε/2 (README)
_SMOOTHED_KERAS = re.compile(
    r"\b(categorical|binary)_crossentropy\(\s*([A-Za-z_]\w*)\s*,[^)]*label_smoothing\s*=\s*([0-9.eE+-]+|[A-Za-z_]\w*)"
)


def _smoothed_targets(text: str) -> Iterator[tuple[str, str, str | None]]:
    """The label-smoothed targets of one [forward] line: (target name, ε, the number of classes
    it is smoothed over — None for the target's number of columns)."""
    for m in _SMOOTHED.finditer(text):
        yield m.group(1), m.group(2), None
    for m in _SMOOTHED_KERAS.finditer(text):
        yield m.group(2), m.group(3), "2" if m.group(1) == "binary" else None


def data_counts(net: Net) -> list[tuple[str, sp.Expr]]:
    """The counts taken from the data in the loss — ``sum(train_mask)``, ``mask.sum()`` of an
    input (a masked mean divides by it) — as (the text, the sum of the input's entries)."""
    out: list[tuple[str, sp.Expr]] = []
    for _, tree in net.spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            stack.extend(ex.children(n))
            if (
                isinstance(n, ex.Call)
                and n.func == "sum"
                and not n.kwargs
                and len(n.args) == 1
                and isinstance(n.args[0], ex.Name)
                and n.args[0].id in net.spec.inputs
            ):
                text = f"sum({n.args[0].id})"
                if text not in [t for t, _ in out]:
                    out.append((text, sp.Add(*net.g.tensors[n.args[0].id].symbols)))
    return out


def _count_factor(net: Net, target: Target, user: mf.MExpr) -> Diagnosis | None:
    """A formula that is the gradient times a count from the data, or divided by it once more,
    at every random point (``-train_mask * Y`` where the loss divides by ``sum(train_mask)``):
    ``scale-factor`` naming the count, its value at the example, and what is off."""
    counts = data_counts(net)
    if not counts or user.shape != target.shape:
        return None
    inside = [k for k in range(POINTS) if target.truth(k) is not None]
    if len(inside) < 2:
        return None
    ratios: list[float] = []
    for k in inside:
        mine, want = floats(evaluate(user, System(net.rand, k))), floats(target.truth(k))
        c = None if mine is None or want is None else _ratio([mine], [want])
        if c is None:
            return None
        ratios.append(c)
    dims = {sym: name for name, sym in net.g.scalars.items() if name in net.spec.dims}
    used = sorted({s for e in _scalars(user) for s in e.expr.free_symbols if s in dims}, key=str)
    for text, expr in counts:
        for a in used:  # a size written where the count belongs (/ N for / sum(train_mask))
            fixed = _replace_symbol(user, a, expr)
            if all(same(evaluate(fixed, System(net.rand, k)), target.truth(k)) for k in inside):
                at = float(net.example.value(expr, 0))
                said = msg(
                    "checkgaps9.count_size",
                    count=text,
                    used=dims[a],
                    v_used=int(net.g.scalar_values[a]),
                    value=num_text(Fraction(at).limit_denominator(10**6))[0],
                )
                return Diagnosis.of("scale-factor", said, target.expected, factor=f"{text}/{dims[a]}")
        values = [float(net.rand.value(expr, k)) for k in inside]
        for power, key in ((1, "checkgaps9.count_missing"), (-1, "checkgaps9.count_twice")):
            if all(
                v != 0 and math.isclose(c, v**power, rel_tol=1e-9)
                for c, v in zip(ratios, values, strict=True)
            ):
                factor = text if power == 1 else f"1/{text}"
                at = float(net.example.value(expr, 0))
                said = msg(key, count=text, factor=factor, value=num_text(Fraction(at).limit_denominator(10**6))[0])
                return Diagnosis.of("scale-factor", said, target.expected, factor=factor)
    return None


def _smoothing_left_out(
    net: Net, target: Target, read_as: str, latex: bool = False
) -> list[Diagnosis]:
    """A cross-entropy with ``label_smoothing=ε`` whose gradient was written for the plain
    target (``softmax(logits) − Y``): right once the target ``Y`` is the smoothed one, (1 − ε)Y +
    ε/K (K its number of columns) — re-checked as written out, so the diagnosis holds; with a
    second, known mistake (a missing 1/N) that one too, as the re-check names it."""
    found = [s for text in net.spec.forward_text.values() for s in _smoothed_targets(text)]
    for y, eps, classes in found:
        if not re.search(rf"\b{y}\b", read_as):
            continue
        t = net.g.tensors.get(y)
        if t is None or len(t.shape) != 2:
            return []
        k = classes or getattr(t.shape[1], "label", None) or str(int(t.shape[1]))
        smoothed = f"((1 - {eps}) * {y} + {eps} / {k})"
        fixed = re.sub(rf"\b{y}\b", smoothed, read_as)
        try:
            again, _ = _check_text(net, target.name, fixed, False, True)
        except FormulaError:
            return []
        if not again.ok and any(d.code in ("unknown", "label-smoothing") for d in again.diagnoses):
            return []
        shown = rf"(1 - {eps}) {y} + \frac{{{eps}}}{{{k}}}" if latex else smoothed
        said = msg("checkgaps8.smoothing", target=y, eps=eps, smoothed=shown)
        return [Diagnosis.of("label-smoothing", said, fixed), *again.diagnoses]
    return []


def _right_at_other_sizes(net: Net, target: Target, e: mf.MExpr) -> bool:
    """``e`` is the gradient on the network at other sizes (float64), else at the symbolic
    other-sizes points inside the domain (at least one)."""
    at = _at_other_sizes(net, target, e)
    if at is not None:
        return at
    inside = [k for k in range(2) if target.truth(k, "dims") is not None]
    return bool(inside) and all(
        same(evaluate(e, System(net.other_dims, k)), target.truth(k, "dims")) for k in inside
    )


def _replace_symbol(e: mf.MExpr, a: Any, b: Any) -> mf.MExpr:

    if isinstance(e, mf.Scalar):
        return mf.Scalar(e.expr.xreplace({a: b}), e.symbol_names, e.shape)
    kids = subtrees(e)
    return rebuild(e, tuple(_replace_symbol(k, a, b) for k in kids)) if kids else e


# ---- element-wise formulas: one entry of a gradient ----------------------------------------------


def _entry_wrt(net: Net, wrt: str | None, lhs: str | None) -> tuple[str, int, int] | None:
    """``--wrt W1[0,0]`` / ``--wrt w11`` / ``dw11 = …``: the entry, or None for a whole tensor
    (a 1×1 tensor is checked as a whole)."""

    found: list[tuple[str, tuple[str, int, int]]] = []
    for text in (wrt, lhs):
        if text is None:
            continue
        raw = text.strip()
        label = raw[1:] if raw.startswith("d") and raw[1:] in net.label_at else raw
        if label in net.label_at or "[" in raw:
            try:
                tensor, i, j, shown = _entry(net, raw)
            except FormulaError:
                if text is wrt or not found:
                    raise
                continue  # a left side that names no entry with a gradient: --wrt's answer
            found.append((shown, (tensor, i, j)))
    if len(found) == 2 and found[0][1] != found[1][1]:
        # ∂L/∂v_1 = … under --wrt v2: an answer written for another entry (or mislabelled)
        raise FormulaError(msg("error.lhs_entry_vs_wrt", lhs=found[1][0], wrt=found[0][0]))
    if not found or net.g.tensors[found[0][1][0]].shape == (1, 1):
        return None
    return found[0][1]


def _entry_names(net: Net) -> tuple[dict[Any, Any], dict[Any, str]]:
    """Symbol → printed name (labels such as ``x1``, ``dh1_raw``; ``W1[0,1]`` without a label)
    and symbol → LaTeX, for the element-wise expected formula."""

    g = net.g
    text: dict[Any, Any] = {}
    for name, t in g.tensors.items():
        labels = net.spec.labels.get(name)
        r, c = t.symbols.shape
        for i in range(r):
            for j in range(c):
                base = (
                    labels[i][j] if labels else (name if (r, c) == (1, 1) else f"{name}[{i},{j}]")
                )
                text[t.symbols[i, j]] = sp.Symbol(base)
                if t.grads is not None:
                    text[t.grads[i, j]] = sp.Symbol("d" + base)
    for name, sym in g.scalars.items():
        text[sym] = sp.Symbol(name)
    return text, dict(g.symbol_tex)


def _check_entry(
    net: Net,
    entry: tuple[str, int, int],
    submitted: str,
    shown: str,
    tree: ex.Node,
    allow_upstream: bool,
    latex: bool,
) -> CheckResult:
    """An element-wise formula for one gradient entry (``v1*h1*(1-h1)*x1`` for ``w11``): exact at
    random points, the ReLU zero point and points where all sizes differ; diagnosed by sign,
    constant factor, another entry of the gradient or a known mistake."""

    tensor, i, j = entry
    full = net.target(tensor)
    sym = net.g.tensors[tensor].grads[i, j]  # type: ignore[index]
    names, texs = _entry_names(net)
    definition = net.d.defs.get(sym, sym)
    label = str(names[sym.xreplace({})]) if sym in names else f"d{tensor}[{i},{j}]"
    expected = str(definition.xreplace(names))
    expected_tex = tex_of(definition, texs)
    fix = expected_tex if latex else expected  # a LaTeX answer's fix in LaTeX
    shown_wrt = f"{tensor}[{i},{j}]" + (
        f" ({label[1:]})" if not label.startswith(f"d{tensor}[") else ""
    )
    base = dict(
        network=net.spec.name,
        wrt=shown_wrt,
        submitted=submitted,
        expected=expected_tex if latex else expected,
        shape=(1, 1),
        expanded=None,
        expected_tex=expected_tex,
    )
    conv = Convert(net, shown, allow_upstream)
    try:
        tree = conv.prepare(tree)
        user, resolved = conv(tree)
    except ShapeError as err:
        d = Diagnosis.of("shape-mismatch", err.msg)
        tree = resolve_products(net, tree, allow_upstream)
        return _result(verdict="incorrect", diagnoses=(d,), read_as=tree_text(tree), **base)
    read_as = tree_text(ones_shown(net, _entries_as_written(net, resolved) if "[" in submitted else resolved))
    if user.shape != (1, 1):
        m = msg("diag.entry_shape", shape=shape_text(user.shape), wrt=shown_wrt)
        d = Diagnosis.of("shape-mismatch", m)
        return _result(verdict="incorrect", diagnoses=(d,), read_as=read_as, **base)
    own = {label, f"d{tensor}"}
    if own & set(ex.names(resolved)):
        d = Diagnosis.of("circular", msg("diag.circular", name=label[1:]), fix)
        return _result(verdict="incorrect", diagnoses=(d,), read_as=read_as, **base)

    def want(k: int, where: str = "rand") -> np.ndarray | None:
        t = full.truth(k, where)
        return None if t is None else t[i : i + 1, j : j + 1]

    points = POINTS_PIECEWISE if conv.piecewise else POINTS
    mine = {k: evaluate(user, System(net.rand, k)) for k in range(points)}
    right = all(same(mine[k], want(k)) for k in range(points))
    notes: list[Msg] = []
    if right:
        zero = net.zero
        if zero is not None and not same(evaluate(user, System(zero, 0)), want(0, "zero")):
            d = Diagnosis.of("relu-at-zero", msg("diag.entry_relu_zero"), fix)
            return _result(verdict="incorrect", diagnoses=(d,), read_as=read_as, **base)
        d = _dead_window(net, full.name, user, lambda: want(0, "dead"))
        if d is not None:
            return _result(verdict="incorrect", diagnoses=(d,), read_as=read_as, **base)
        if all(same(evaluate(user, System(net.other_dims, k)), want(k, "dims")) for k in range(2)):
            return _result(verdict="correct", diagnoses=(), read_as=read_as, **base)
        if not conv.literals:
            notes.append(msg("note.example_sizes"))
            d = Diagnosis.of("scale-factor", msg("diag.entry_size"), fix)
            return _result(
                verdict="incorrect", diagnoses=(d,), read_as=read_as, notes=notes, **base
            )
        literal = _literal_note(net, full, user, conv.literals, entry=(i, j))
        if literal:  # a number written for a size (``/ 2`` for ``m = 2``) or a constant
            m, code, factor = literal
            d = Diagnosis.of(code, m, fix, factor)
            return _result(verdict="incorrect", diagnoses=(d,), read_as=read_as, **base)
        notes.append(msg("note.literal"))
        return _result(verdict="correct", diagnoses=(), read_as=read_as, notes=notes, **base)
    diag = _entry_activation_of_output(
        net, resolved, shown, allow_upstream, want, points, "[" in submitted
    )
    if diag is None:
        diag = _entry_diagnosis(net, full, i, j, user, mine, want, fix, factor_text, library)
    at_example = evaluate(user, System(net.example, 0))
    if same(at_example, want(0, "example")):
        notes.append(msg("note.example_only"))
    return _result(verdict="incorrect", diagnoses=(diag,), read_as=read_as, notes=notes, **base)


def _dead_window(
    net: Net, name: str, user: mf.MExpr, want: Callable[[], np.ndarray | None]
) -> Diagnosis | None:
    """conv45: a formula equal to ∂L/∂name at every drawn point but not at the dead-window point
    (one whole pooling window of a kink input below the kink, :func:`checknet._dead_point`):
    the activation's mask left out before a max pooling, or taken of another tensor. None when
    it agrees there (or the network has no such point, or the gradient does not pass the kink)."""
    if not net.through_dead(name):
        return None
    truth = want()
    if truth is None:
        return None
    mine = evaluate(user, System(net.dead, 0))
    if mine is None or same(mine, truth):
        return None  # undefined there: not judged (as a random point outside the domain)
    z, window, c = net._lazy["dead_windows"][0]
    m = msg("diag.dead_window", grad=grad_name(name), z=z, window=window_text(z, window), c=str(c))
    return Diagnosis.of("wrong-activation-derivative", m, net.target(name).expected)


def _entry_labels(net: Net) -> dict[tuple[str, int, int], str]:
    """Every entry's name as the NumPy reader names ``X[0, 1]``: the spec's ``[labels]``, else
    the walkthrough's (``X12``) — as the compiled form's ``entry_label`` stores them."""
    out: dict[tuple[str, int, int], str] = {}
    for name, t in net.g.tensors.items():
        labels = net.spec.labels.get(name)
        for i in range(int(t.shape[0])):
            for j in range(int(t.shape[1])):
                label = net.entry_name.get((name, i, j)) or (labels[i][j] if labels else None)
                if label:
                    out[(name, i, j)] = str(label)
    return out


def _entries_as_written(net: Net, tree: ex.Node) -> ex.Node:
    """``tree`` with the walkthrough's entry names of tensors without ``[labels]`` (``A111``, made
    by the checker from ``A1[0,0]``) shown as the entries a formula in code names, ``A1[0,0]``:
    the "yours" line of an entry formula written with subscripts echoes the subscripts."""
    back: dict[str, str] = {}
    for (tensor, i, j), label in _entry_labels(net).items():
        back[label], back["d" + label] = f"{tensor}[{i},{j}]", f"d{tensor}[{i},{j}]"

    def shown(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Name) and n.id in back:
            return ex.Name(back[n.id])
        return ex.rebuild(n, shown)

    return shown(tree)


def _entry_activation_of_output(  # type: ignore[no-untyped-def]
    net: Net, tree: ex.Node, shown: str, allow_upstream: bool, want, points: int, indexed: bool
) -> Diagnosis | None:
    """``wrong-layer`` for an entry formula with an activation's output entry inside a call where
    the same entry of its input belongs (Bishop's ``sigmoid(h2)*(1 - sigmoid(h2))`` for
    σ′(h2_raw)): the matrix form's search (diagnose._activation_of_output) on entry names —
    right once those calls take the pre-activation's entry."""
    labels = _entry_labels(net)
    for name, t in net.g.tensors.items():  # a 1 × 1 node is its own entry: O of O = sigmoid(z)
        if tuple(int(d) for d in t.shape) == (1, 1):
            labels.setdefault((name, 0, 0), name)
    at = {label: key for key, label in labels.items()}
    swap: dict[str, tuple[str, str, str]] = {}  # output entry → (input entry, activation, output)
    for label, (tensor, i, j) in at.items():
        forward = dict(net.spec.forward).get(tensor)
        if not (isinstance(forward, ex.Call) and forward.args and isinstance(forward.args[0], ex.Name)):
            continue
        arg = forward.args[0].id
        f = _activation_of(net, tensor, arg)
        inner = labels.get((arg, i, j))
        if f is not None and inner is not None:
            swap[label] = (inner, f, tensor)

    used: list[str] = []

    def go(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Call) and n.args and isinstance(n.args[0], ex.Name):
            hit = swap.get(n.args[0].id)
            if hit is not None:
                used.append(n.args[0].id)
                return ex.Call(n.func, (ex.Name(hit[0]), *n.args[1:]), n.kwargs)
        return ex.rebuild(n, go)

    cand = go(tree)
    if not used:
        return None
    try:
        e, _ = Convert(net, shown, allow_upstream)(cand)
    except Exception:  # noqa: BLE001 - a candidate that does not convert is no answer
        return None
    for k in range(points):
        truth = want(k)
        if truth is None or not same(evaluate(e, System(net.rand, k)), truth):
            return None
    old = used[0]
    right, f, _ = swap[old]
    fix = tree_text(cand)
    if indexed:  # A1[0, :] in code: the entries as written, not the walkthrough's A111
        back = _entries_as_written(net, ex.Call("f", (ex.Name(old), ex.Name(right), cand)))
        old, right, fix = tree_text(back.args[0]), tree_text(back.args[1]), tree_text(back.args[2])
    m = msg("diag.post_activation", used=old, right=right, f=f, fix=fix)
    return Diagnosis.of("wrong-layer", m, fix)


def _entry_diagnosis(net, full, i, j, user, mine, want, expected, factor_text, library):  # type: ignore[no-untyped-def]
    """Why an element-wise formula is wrong (float64 comparisons at random points)."""
    ks = [k for k in mine if mine[k] is not None and want(k) is not None][:4]
    u = [float(mine[k][0, 0]) for k in ks]
    t = [float(want(k)[0, 0]) for k in ks]
    if not ks:
        return Diagnosis.of("unknown", msg("diag.undefined"), expected)
    close = lambda a, b: all(  # noqa: E731
        abs(x - y) <= CHECK_FLOAT_RTOL * max(1.0, abs(y)) for x, y in zip(a, b)
    )
    if close(u, [-x for x in t]):
        return Diagnosis.of("sign", msg("diag.entry_sign"), expected)
    # a constant factor, read where the entry is not 0 (a ReLU zeroes it at some points; there
    # the formula must be 0 too)
    nonzero = [(a, b) for a, b in zip(u, t) if b != 0]
    if len(nonzero) >= 2 and all(a == 0 for a, b in zip(u, t) if b == 0):
        ratios = [a / b for a, b in nonzero]
        same = all(abs(r - ratios[0]) <= CHECK_FLOAT_RTOL * abs(ratios[0]) for r in ratios)
        if same and ratios[0] != 0:
            f = _entry_size_power(net, ratios[0], user, want) or factor_text(ratios[0])
            return Diagnosis.of("scale-factor", msg("diag.entry_factor", factor=f), expected, f)
    fulls = [floats(full.truth(k)) for k in ks]
    if all(f is not None for f in fulls):
        r, c = full.shape
        for a in range(r):
            for b in range(c):
                if (a, b) != (i, j) and close(u, [float(f[a, b]) for f in fulls]):  # type: ignore[index]
                    m = msg("diag.entry_other", tensor=full.name, a=a, b=b, i=i, j=j)
                    return Diagnosis.of("wrong-entry", m, expected)
    for mut in library(full):
        vals = [floats(evaluate(mut.expr, System(net.rand, k))) for k in ks]
        if all(v is not None and v.shape == full.shape for v in vals) and close(
            u,
            [float(v[i, j]) for v in vals],  # type: ignore[index]
        ):
            return Diagnosis.of(mut.code, mut.message, expected)
    missing = _missing_factor(net, full.name, ks, u, t, close)
    if missing is not None:
        return Diagnosis.of("missing-factor", missing, expected)
    return Diagnosis.of("unknown", msg("diag.entry_unknown"), expected)


def _entry_size_power(net: Net, c: float, user: mf.MExpr, want) -> str | None:  # type: ignore[no-untyped-def]
    """The size's power (``m``, ``1/m``, ``m**2``) that an entry formula's constant factor ``c``
    is — the same power of the same size at the points with other sizes — else None (a missing
    1/m is "m ×", not "2 ×" where m = 2)."""
    points = [
        (floats(evaluate(user, System(net.other_dims, k))), want(k, "dims")) for k in range(2)
    ]
    ratios = [
        float(u[0, 0]) / float(t[0, 0])
        for u, t in points
        if u is not None and t is not None and float(t[0, 0]) != 0
    ]
    if not ratios:
        return None
    for name, sym in net.g.scalars.items():
        if name not in net.spec.dims:
            continue
        v, v2 = float(net.g.scalar_values[sym]), float(net.other_dims.defs[sym])
        for k, text in ((1, name), (-1, f"1/{name}"), (2, f"{name}**2"), (-2, f"1/{name}**2")):
            if abs(c - v**k) <= CHECK_FLOAT_RTOL * abs(c) and all(
                abs(r - v2**k) <= CHECK_FLOAT_RTOL * abs(r) for r in ratios
            ):
                return text
    return None


def _missing_factor(net: Net, tensor: str, ks: list[int], u: list[float], t: list[float], close) -> Msg | None:  # type: ignore[no-untyped-def]
    """The one entry of the network (an upstream gradient first, then a value) that the
    formula lacks as a factor — ``v1·h1(1 − h1)·x1`` for ``δ_y·v1·h1(1 − h1)·x1``: its value
    is ``truth / formula`` at every point — or None."""
    if len(ks) < 3 or any(x == 0 for x in u):
        return None
    ratio = [b / a for a, b in zip(u, t, strict=True)]
    if close(ratio, [ratio[0]] * len(ratio)):
        return None  # a constant: the scale factors' case
    for name, r in factor_refs(net, tensor, (1, 1)):
        vals = [floats(evaluate(r, System(net.rand, k))) for k in ks]
        if all(v is not None for v in vals) and close(ratio, [float(v[0, 0]) for v in vals]):  # type: ignore[index]
            key = "diag.entry_missing_grad" if r.kind == "grad" else "diag.entry_missing_value"
            return msg(key, name=name)
    return None


def _example_kink(net: Net, target: Target, tree: ex.Node, user: mf.MExpr) -> Diagnosis | None:
    """A formula right at random points but not, in exact arithmetic, at the spec's given
    values (softshrink's ``|xW| >= 0.5`` where an entry of ``xW`` is exactly 0.5, which random
    points and the ReLU zero point — built for named kink inputs only — never reach):
    ``relu-at-zero`` where the formula compares (the one-sided value at a kink), else
    ``unknown``; None where it agrees there, or either side is undefined there."""
    if not net.spec.values:
        return None
    want = target.truth(0, "example")
    mine = evaluate(user, System(net.example, 0))
    if want is None or mine is None or same(mine, want):
        return None
    grad = grad_name(target.name)
    ops = [n.op for n in _ex_nodes(tree) if isinstance(n, ex.Compare)]
    if not ops:
        return Diagnosis.of("unknown", msg("heldcheck21.example_differs", grad=grad), target.expected)
    how = msg("heldcheck21.example_kink_how") if any(op in (">=", "<=") for op in ops) else ""
    m = msg("heldcheck21.example_kink", grad=grad, how=how)
    return Diagnosis.of("relu-at-zero", m, target.expected)


def _confirm(net: Net, target: Target, user: mf.MExpr) -> list[Msg]:
    """float64 at the example values, on the matrix-form pass: a second, independent opinion."""
    mine = floats(evaluate(user, System(None, 0, net)))
    want = np.broadcast_to(
        np.asarray(net.float_env[net.spec.gkey(target.name)], float), target.shape
    )
    if mine is None:
        return [msg("note.overflow")]
    if not np.allclose(mine, want, rtol=CHECK_FLOAT_RTOL, atol=CHECK_FLOAT_ATOL):
        err = float(np.max(np.abs(mine - want)))
        return [msg("note.roundoff", err=f"{err:.2e}")]
    return []


def _constant_named_in_expected(net: Net, target: Target, literals: set[Fraction]) -> bool:
    """Does derive's own formula for ``target`` write by name a [constants] value that one of
    ``literals`` equals (mlp-bce-weighted's ``w``)? Where it prints the number itself (the focal
    loss' γ = 2 in ``2(1 − p_t)`` and ``(1 − p_t)²``, the exponent's value put in), the same number
    in an answer is read as the walkthrough writes it, not as a constant replaced (round 39)."""
    for name in net.spec.constants:
        sym = net.g.scalars.get(name)
        if sym is None:
            continue
        v = net.g.scalar_values[sym]
        if Fraction(int(v.p), int(v.q)) in literals and re.search(
            rf"(?<![\w.]){re.escape(name)}(?!\w)", target.expanded
        ):
            return True
    return False


def _loop_bound_note(net: Net) -> tuple[Msg, str] | None:
    """heldcheck50 (issue 11 item 2): a per-example loop over a literal ``range(K)`` that the
    reader unrolled (derive/checker/legacy50.py), in a formula right at the example's sizes only:
    the size K stands for — the one labelling the first axis of the tensors the loop indexes,
    whose example value is K — named as a number written for it, with the fix ``range(m)``."""
    hits = []
    for k, rows in legacy50.loop_bounds():
        for name in sorted(rows):
            t = net.g.tensors.get(name)
            label = getattr(t.shape[0], "label", None) if t is not None and len(t.shape) else None
            sym = net.g.scalars.get(label) if label else None
            if sym is not None and net.g.scalar_values[sym] == k:
                hit = msg("note.loop_bound_hit", number=str(k), size=label, tensor=name)
                if hit not in hits:
                    hits.append(hit)
                break
    if not hits:
        return None
    listed = hits[0]
    for hit in hits[1:]:
        listed = msg("note.literal_and", first=listed, next=hit)
    return msg("note.literal_wrote", hits=listed), f"{label}/{k}"


def _literal_note(
    net: Net,
    target: Target,
    user: mf.MExpr,
    literals: set[Fraction],
    entry: tuple[int, int] | None = None,
) -> tuple[Msg, str, str | None] | None:
    """A number in the formula that stands for a size or a constant (``2`` for ``m = 2``):
    the message, the code (``scale-factor`` for a size, ``unknown`` for a constant) and the
    factor, or ``None`` when no single number explains why the formula fails at other sizes.
    ``entry`` (i, j): ``user`` is that one entry of ``target``'s gradient."""
    hits = []
    constants = False
    size_name = None
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
            ref = evaluate(target.ref, System(alone, 0))
            if entry is not None and ref is not None:
                ref = np.atleast_2d(ref)[entry[0] : entry[0] + 1, entry[1] : entry[1] + 1]
            if not same(evaluate(user, System(alone, 0)), ref):
                size = name if lit == value else f"1/{name}"
                if name in net.spec.constants:  # heldcheck40: a rounded decimal as written
                    hits.append(msg("note.literal_const_hit", number=getattr(lit, "written", "") or num_text(lit)[0], name=size))
                    constants = True
                else:
                    hits.append(msg("note.literal_hit", number=num_text(lit)[0], size=size))
                    size_name = size_name or f"{name}/{num_text(lit)[0]}"
    if not hits:
        return None
    listed = hits[0]
    for hit in hits[1:]:
        listed = msg("note.literal_and", first=listed, next=hit)
    if constants:
        return msg("note.literal_const", hits=listed), "unknown", None
    return msg("note.literal_wrote", hits=listed), "scale-factor", size_name


# ``import derive.checker.check; derive.checker.check(...)`` works as well as ``derive.checker.check.check(...)``:
class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> CheckResult:
        return check(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
