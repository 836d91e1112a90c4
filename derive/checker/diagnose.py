"""Diagnosing a wrong formula: which mistake it is, in plain words, with the corrected formula.

:func:`diagnose` compares the formula's float64 values (shapes first) at
:data:`~derive.checker.checknet.DIAG_POINTS` random points with the gradient and with its mutation library
(:mod:`derive.checker.mutations`): a constant ratio is a scale factor (``m`` told apart from ``2`` by
evaluating again with the dims set to other values), a match names the mistake, and otherwise a
repair of the user's own formula (:mod:`derive.checker.repair`) or the first differing entry is reported.
:func:`shape_problem` does the same for a formula whose shapes do not fit, :func:`relu_at_zero`
for one that differs only where a ReLU input is exactly 0. Codes: :data:`derive.checker.verdict.CODES`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from derive.checker import fastdiag, names
from derive.checker.checknet import DIAG_POINTS, Net, Target, formula_text
from derive.checker.evaluate import System, _Undefined, close, evaluate, floats, same
from derive.checker.formtree import (
    fits,
    positions,
    replace_at,
    shape_ok,
    subtrees,
    tree_text,
    written_names,
)
from derive.checker.formula import Convert
from derive.checker.mutations import Mutation, library
from derive.checker.repair import _edits, _tidy, axis_repair, repair, scalar_names
from derive.checker.verdict import Diagnosis, Msg, grad_name, msg, shape_text
from derive.engine import mform as mf
from derive.engine.steps import Checker
from derive.engine.tolerance import (
    CHECK_FLOAT_ATOL,
    CHECK_FLOAT_RTOL,
    CHECK_RATIO_RTOL,
    TINY,
)
from derive.lang import expr as ex
from derive.lang import ops


def diagnose(
    net: Net,
    target: Target,
    user: mf.MExpr,
    tree: ex.Node,
    conv: Convert,
    raw: ex.Node | None = None,
) -> list[Diagnosis]:
    """Why ``user`` (converted by ``conv`` from ``tree``) is not ``∂L/∂target``: one diagnosis,
    or a mistake and a scale factor, most specific first; each with the corrected formula."""
    vals = [floats(evaluate(user, System(net.rand, k))) for k in range(DIAG_POINTS)]
    fix = target.expected
    if any(v is None for v in vals):
        return _partly_defined(net, target, user, vals, conv, fix)
    uvals: list[np.ndarray] = vals  # type: ignore[assignment]
    truth = [floats(target.truth(k)) for k in range(DIAG_POINTS)]
    if user.shape == target.shape and all(t is not None for t in truth):
        c = _ratio(uvals, truth)  # type: ignore[arg-type]
        if c is not None:
            return _factor_diagnoses(net, target, user, target.ref, c, conv, fix, None)
    for m in library(target):
        if m.expr.shape == user.shape and all(
            close(u, v) for u, v in zip(uvals, m.values, strict=True)
        ):
            if m.code == "shape-mismatch":  # the whole result transposed: repair the user's own
                repaired = repair(net, target, tree, conv.allow_upstream)
                if repaired:
                    problem = msg(
                        "diag.transposed",
                        shape=shape_text(user.shape),
                        grad=grad_name(target.name),
                        want=shape_text(target.shape),
                    )
                    return [Diagnosis.of(m.code, _repaired(problem, repaired), repaired[2])]
            if m.code == "sign" and user.shape == target.shape:
                # a sign flipped inside a kink that zeroes a whole term (relu(col_sq + c) with
                # col_sq ≥ 0 < c): the term left out is what the formula says, not the sign
                dropped = missing_term(net, target, uvals, truth, fix, user=user) or missing_paths(
                    net, target, uvals, truth, fix
                )
                if dropped is not None and dropped.code in ("missing-loss-term", "missing-path"):
                    return [dropped]  # (a term times −1 stays a sign)
            if m.code == "bias-not-summed":  # summed, but over the wrong axis?
                axis = axis_repair(net, target, tree, conv.allow_upstream)
                if axis:
                    how = msg("diag.repair", how=axis[1], fix=axis[2])
                    return [Diagnosis.of("wrong-sum-axis", how, axis[2])]
            return [Diagnosis.of(m.code, _with_shapes(m, user, target), fix)]
    for m in library(target):
        if m.expr.shape == user.shape:
            c = _ratio(uvals, list(m.values))
            if c is not None:
                return _factor_diagnoses(net, target, user, m.expr, c, conv, fix, m)
    small = searchable(tree)
    if user.shape == target.shape:
        term = (
            missing_term(net, target, uvals, truth, fix, user=user)
            or missing_paths(net, target, uvals, truth, fix)
            or (term_factor(net, target, user, uvals, truth) if small else None)
            or extra_penalty(net, target, uvals, truth, fix)
        )
        if term is not None:
            return [term]
    # ``raw``: as written, before g'(Z) and Leibniz factors were resolved (g'(Z2) in layer 1)
    raw = raw if raw is not None else tree
    # substitutions of whole names, bounded by a count: run on a long formula too (fewer tries,
    # as many parts evaluated in all), where the searches that edit each part are left out
    if user.shape == target.shape and small and net.masks:
        # a 0/1 mask left out before the substitutions: h for h_drop = h * mask / p inside
        # (h > 0) also makes it right, but only because the mask is 0/1 (CS231n's dropout)
        masked = missing_mask(net, target, user)
        if masked is not None:
            return [masked]
    layer = wrong_layer(net, target, raw, conv.allow_upstream, layer_tries(tree))
    if layer is not None:
        return layer
    if user.shape == target.shape and small:
        pair = _edit_and_mutation(net, target, tree, conv.allow_upstream)
        if pair:
            return pair
    repaired = repair(net, target, tree, conv.allow_upstream) if small else None
    if user.shape != target.shape:
        problem = msg(
            "diag.shape",
            shape=shape_text(user.shape),
            grad=grad_name(target.name),
            name=target.name,
            want=shape_text(target.shape),
        )
        if repaired:
            # a sum over the wrong axis is the mistake also when the repair drops the .T that a
            # NumPy 1-D row sum reads as ((P - Y).sum(1) for a bias: "remove-T+axis")
            code = "wrong-sum-axis" if "axis" in repaired[0].split("+") else "shape-mismatch"
            return [Diagnosis.of(code, _repaired(problem, repaired), repaired[2])]
        return [Diagnosis.of("shape-mismatch", msg("diag.shape_unfixed", problem=problem), fix)]
    if repaired:
        code = {
            "add-T": "missing-transpose",
            "remove-T": "extra-transpose",
            "swap": "operand-order",
            "transpose-result": "operand-order",
            "axis": "wrong-sum-axis",
        }[repaired[0].split("+")[0]]
        return [
            Diagnosis.of(code, msg("diag.repair", how=repaired[1], fix=repaired[2]), repaired[2])
        ]
    if user.shape == target.shape:
        missing = missing_factor(net, target.name, uvals, truth, fix) or (
            missing_mask(net, target, user) if small else None
        )
        if missing is not None:
            return [missing]
    return [_unknown(net, target, user, uvals, truth)]


SEARCH_PARTS = ex.MAX_NODES  # the edit searches run on formulas of at most this many parts


def layer_tries(tree: ex.Node) -> int:
    """The substitutions :func:`wrong_layer` may try on ``tree``: :data:`MAX_LAYER_TRIES` up to
    :data:`SEARCH_PARTS` parts, then fewer, so that the parts evaluated stay about the same (a
    1,600-part formula: 15 tries, ~2 s). A count, never seconds."""
    count, todo = 0, [tree]
    while todo:
        count += 1
        todo.extend(ex.children(todo.pop()))
    return MAX_LAYER_TRIES if count <= SEARCH_PARTS else MAX_LAYER_TRIES * SEARCH_PARTS // count


def searchable(tree: ex.Node) -> bool:
    """Is ``tree`` small enough for the searches that edit the student's formula (a repair, a
    wrong layer, an edit and a mistake, a term's factor)? Each tries its parts one by one and
    evaluates the whole formula for each: seconds on a gradient written out to the loss in ~800
    parts (``formula.MAX_EXPANDED`` are read). The verdict does not depend on them."""
    count, todo = 0, [tree]
    while todo and count <= SEARCH_PARTS:
        count += 1
        todo.extend(ex.children(todo.pop()))
    return count <= SEARCH_PARTS


def factor_refs(net: Net, tensor: str, shape: tuple[int, int]) -> list[tuple[str, mf.Ref]]:
    """The tensors (and entries) a chain-rule product for ``∂L/∂tensor`` may lack, by the name
    a derivation writes, most likely first: the gradient at a node that uses ``tensor``, other
    nodes' gradients, the other gradients, then values; of ``shape`` or 1×1, not the loss."""
    users = {n for n, tree in net.spec.forward if tensor in ex.names(tree)}
    nodes = {n for n, _ in net.spec.forward}
    refs = {
        r.key: r
        for r in net.names.values()
        if isinstance(r, mf.Ref) and r.name != net.spec.loss and r.shape in (shape, (1, 1))
    }

    def rank(item: tuple[str, mf.Ref]) -> tuple[int, str]:
        name, r = item
        owner = net.label_at.get(r.name, (r.name,))[0]
        if r.kind != "grad":
            return 3, name
        return (0 if owner in users else 1 if owner in nodes else 2), name

    return sorted(refs.items(), key=rank)


def missing_factor(
    net: Net, tensor: str, uvals: list[np.ndarray], truth: list[np.ndarray | None], fix: str
) -> Diagnosis | None:
    """``missing-factor``: the formula times one tensor of the network (an upstream gradient
    first, then a value; element-wise, or a 1×1 one as a scalar) is the gradient at every
    diagnosis point — the chain-rule product lacks that factor (``x`` for ``∂L/∂w = δ_v·x``)."""
    if any(t is None for t in truth) or any(not np.all(np.abs(u) > TINY) for u in uvals):
        return None
    ratio = [t / u for t, u in zip(truth, uvals, strict=True)]  # type: ignore[operator]
    if all(np.allclose(r, ratio[0].flat[0], rtol=CHECK_FLOAT_RTOL, atol=0) for r in ratio):
        return None  # a constant: the scale factors' case
    for name, r in factor_refs(net, tensor, uvals[0].shape):
        vals = [floats(evaluate(r, System(net.rand, k))) for k in range(len(ratio))]
        if all(
            v is not None and np.allclose(q, v, rtol=CHECK_FLOAT_RTOL, atol=CHECK_FLOAT_ATOL)
            for q, v in zip(ratio, vals, strict=True)
        ):
            key = "diag.missing_grad" if r.kind == "grad" else "diag.missing_value"
            return Diagnosis.of("missing-factor", msg(key, name=name), fix)
    return None


def missing_mask(net: Net, target: Target, user: mf.MExpr) -> Diagnosis | None:
    """``missing-factor``: a 0/1 mask of the network (:func:`~derive.checker.checknet.implied_masks`:
    AutoRec's observed ratings, a dropout mask) left out of one part of the formula — that part
    times the mask, entry by entry, makes the formula the gradient here and at other sizes."""
    if not net.masks:
        return None
    for path, part in positions(user):
        if not isinstance(part, mf.MExpr) or isinstance(part, mf.Scalar):
            continue
        for name in net.masks:
            ref = net.names.get(name)
            if not isinstance(ref, mf.Ref) or not fits(tuple(part.shape), tuple(ref.shape)):
                continue
            if tuple(mf.mul(part, ref).shape) != tuple(part.shape):
                continue
            fixed = replace_at(user, path, mf.mul(part, ref))
            if shape_ok(fixed) and _equals_gradient(net, target, fixed):
                text = formula_text(part)
                m = msg("diag.missing_mask", name=name, part=text, fix=formula_text(fixed))
                return Diagnosis.of("missing-factor", m, formula_text(fixed))
    return None


def missing_term(
    net: Net,
    target: Target,
    uvals: list[np.ndarray],
    truth: list[np.ndarray | None],
    fix: str,
    points: list[Checker] | None = None,
    user: mf.MExpr | None = None,
) -> Diagnosis | None:
    """A gradient that sums several contributions (a parameter in a loss term of its own, such as
    weight decay ``λ/(2m) Σ w²``, and in the data term; a tensor used at two time steps; batch
    norm's paths through μ and var): the formula equals the gradient with one contribution left
    out (``missing-loss-term`` for the loss's own term, ``missing-path`` for a use of the tensor),
    or with the loss's own term multiplied by a constant other than 1 (``loss-term-factor``:
    ``λ`` for ``λ/m``, ``2λ/m`` for the gradient of ``λ/(2m) Σ w²``). ``points``: other points
    than the diagnosis points (where ``uvals`` and ``truth`` were taken); ``user``: the formula,
    evaluated again at other sizes to name a size in the factor (``1/n``)."""
    contribs = _by_source(target.visit.contributions)
    apart = _own_terms_apart(net, contribs)
    if len(contribs) + len(apart) < 2 or any(t is None for t in truth):
        return None
    contribs += apart
    at = (
        [System(p, 0) for p in points]
        if points
        else [System(net.rand, k) for k in range(DIAG_POINTS)]
    )
    for c in contribs:
        part = [floats(evaluate(c.formula, where)) for where in at]
        if any(v is None or v.shape != u.shape for v, u in zip(part, uvals, strict=True)):
            continue
        rest = [t - v for t, v in zip(truth, part, strict=True)]  # type: ignore[operator]
        if all(np.allclose(v, 0, atol=TINY) for v in part):
            continue
        term = formula_text(target.shown(c.formula))
        own = _own_term(net, c.source)
        if all(close(u, r) for u, r in zip(uvals, rest, strict=True)):
            if own:
                m = msg("heldcheck2.missing_loss_term", name=target.name, term=term)
                return Diagnosis.of("missing-loss-term", m, fix)
            m = msg("heldcheck2.missing_path", name=target.name, source=c.source, term=term)
            return Diagnosis.of("missing-path", m, fix)
        if not own:
            continue
        k = _ratio([u - r for u, r in zip(uvals, rest, strict=True)], part)  # type: ignore[misc]
        if k is not None and abs(k - 1) > 1e-6 and abs(k) > 1e-9:
            factor = _term_factor_text(net, target, user, c.formula, k) if user else factor_text(k)
            m = msg("heldcheck2.loss_term_factor", name=target.name, term=term, factor=factor)
            return Diagnosis.of("loss-term-factor", m, fix, factor)
    return None


def extra_penalty(
    net: Net, target: Target, uvals: list[np.ndarray], truth: list[np.ndarray | None], fix: str
) -> Diagnosis | None:
    """``extra-loss-term``: the formula is the gradient plus ``k·θ`` (θ the parameter itself, one
    constant k) on every entry, or on the same entries at every point — the gradient of a weight
    decay the loss does not have: on a bias (``db1 + λ/m·b1``), on the intercept θ₀ that the
    loss's penalty leaves out (``theta[1:]``), on a parameter with no penalty at all."""
    ref = net.names.get(target.name)
    if target.name not in net.spec.params or not isinstance(ref, mf.Ref) or ref.kind != "value":
        return None
    if any(t is None for t in truth):
        return None
    ks: list[float] = []
    on: np.ndarray | None = None
    for k, (u, t) in enumerate(zip(uvals, truth, strict=True)):
        p = floats(evaluate(ref, System(net.rand, k)))
        if p is None or p.shape != u.shape:
            return None
        d = u - t  # type: ignore[operator]
        here = ~np.isclose(u, t, rtol=CHECK_FLOAT_RTOL, atol=CHECK_FLOAT_ATOL)  # type: ignore[arg-type]
        if not here.any() or (on is not None and (here != on).any()):
            return None
        if np.any(np.abs(p[here]) < TINY):
            return None
        on = here
        ks.extend((d[here] / p[here]).ravel().tolist())
    if not ks or not np.allclose(ks, ks[0], rtol=CHECK_RATIO_RTOL, atol=0) or abs(ks[0]) < TINY:
        return None
    assert on is not None
    entries = "" if on.all() else _entries_text(target.name, on)
    term = f"{_named_factor(net, ks[0])} * {target.name}"
    if entries:
        m = msg("round35.extra_penalty_entries", name=target.name, term=term, entries=entries)
    else:
        m = msg("round35.extra_penalty", name=target.name, term=term)
    return Diagnosis.of("extra-loss-term", m, fix)


def _entries_text(name: str, on: np.ndarray) -> str:
    """The entries ``on`` marks, as NumPy indexes them: whole columns (Ng's bias column,
    ``Theta2[:, 0]``) or rows by their index, else up to four entries."""
    rows, cols = on.shape
    if rows > 1 and cols > 1:
        whole_cols = [j for j in range(cols) if on[:, j].all()]
        if whole_cols and on.sum() == rows * len(whole_cols):
            return ", ".join(f"{name}[:, {j}]" for j in whole_cols)
        whole_rows = [i for i in range(rows) if on[i, :].all()]
        if whole_rows and on.sum() == cols * len(whole_rows):
            return ", ".join(f"{name}[{i}, :]" for i in whole_rows)
    at = [
        f"{name}[{i}, {j}]" if rows > 1 and cols > 1 else f"{name}[{i if rows > 1 else j}]"
        for i, j in zip(*np.nonzero(on), strict=True)
    ]
    return ", ".join(at[:4]) + (", …" if len(at) > 4 else "")


def _named_factor(net: Net, k: float) -> str:
    """``k`` as the spec's constants and sizes write it where one product does (``lambd / m``,
    ``lambd / (2 * m)``, ``lambd``), else as a number."""
    consts = [(n, float(v)) for n, v in net.spec.constants.items()] + [("", 1.0)]
    sizes = [(n, float(v)) for n, v in net.spec.dims.items()] + [("", 1.0)]
    found = []
    for c, cv in consts:
        for s, sv in sizes:
            for r in (1.0, 0.5, 2.0):
                if not (c or s) or not math.isclose(k, cv / sv * r, rel_tol=1e-9):
                    continue
                top = " * ".join(x for x in ("2" if r == 2.0 else "", c) if x) or "1"
                bottom = " * ".join(x for x in ("2" if r == 0.5 else "", s) if x)
                found.append(f"{top} / ({bottom})" if " " in bottom else f"{top} / {bottom}" if bottom else top)
    named = [f for f in found if any(c and c in f for c, _ in consts)] or found
    return named[0] if len(named) == 1 else factor_text(k)  # λ/m over 1/m where λ = 1


def _own_term(net: Net, source: str) -> bool:
    """Is a contribution from ``source`` the parameter's own term of the loss: the loss itself
    (``λ/(2m) Σ w²`` written in it), or a node that the loss adds as a term of its own (a
    summand, or one times a number) and that reads no input of the network, as course code names
    its penalty (Ng's ``cost = cross_entropy_cost + L2_regularization_cost``)? A parameter-only
    node used inside the data term (a tied or normalised weight) is not."""
    if source == net.spec.loss:
        return True
    trees = dict(net.spec.forward)
    if source not in trees:
        return False
    todo = [source]
    if source not in _summands(trees.get(net.spec.loss)):
        # inside a penalty term of its own (Goodfellow's max-norm penalty μ Σ relu(‖W_j‖² − c)²
        # beside the data term): every top-level term of the loss that reads it, read whole
        terms = _terms(trees.get(net.spec.loss))
        holding = [t for t in terms if source in ex.names(t)]
        if not holding or len(holding) == len(terms):
            return False
        todo = [n for t in holding for n in ex.names(t)]
    return not _reach_input(net, todo)


def _reach_input(net: Net, names: list[str]) -> bool:
    """Do ``names`` (nodes or leaves of the network) read one of its inputs, through the
    forward pass?"""
    trees = dict(net.spec.forward)
    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in net.spec.inputs:
            return True
        if name in trees:
            todo.extend(ex.names(trees[name]))
    return False


def _terms(tree: ex.Node | None) -> list[ex.Node]:
    """The top-level terms ``tree`` adds: ``a + b - mu * sum(c)`` → [a, b, mu * sum(c)]."""
    if isinstance(tree, ex.BinOp) and tree.op in "+-":
        return _terms(tree.left) + _terms(tree.right)
    if isinstance(tree, ex.Neg):
        return _terms(tree.operand)
    return [] if tree is None else [tree]


def _summands(tree: ex.Node | None) -> set[str]:
    """The names the expression ``tree`` adds as terms: ``a + b - 0.5 * c`` → {a, b, c}."""
    if isinstance(tree, ex.Name):
        return {tree.id}
    if isinstance(tree, ex.Neg):
        return _summands(tree.operand)
    if isinstance(tree, ex.BinOp) and tree.op in "+-":
        return _summands(tree.left) | _summands(tree.right)
    if isinstance(tree, ex.BinOp) and tree.op in "*/":
        if isinstance(tree.right, ex.Num):
            return _summands(tree.left)
        if isinstance(tree.left, ex.Num) and tree.op == "*":
            return _summands(tree.right)
    return set()


@dataclass(frozen=True)
class _Contribution:
    source: str
    formula: mf.MExpr


def _by_source(contribs: Any) -> list[_Contribution]:
    """The contributions to a gradient, those of one source added up: the loss term
    ``reg/2 · Σ W ⊙ W`` gives ``reg/2 · W`` twice, one term ``reg · W`` for the student."""
    grouped: dict[str, list[mf.MExpr]] = {}
    for c in contribs:
        grouped.setdefault(c.source, []).append(c.formula)
    return [_Contribution(src, mf.add(*fs)) for src, fs in grouped.items()]


def _own_terms_apart(net: Net, contribs: list[_Contribution]) -> list[_Contribution]:
    """The penalties of a parameter one by one, where the loss's line holds several terms of it
    (sklearn's elastic net ``α ρ ‖w‖₁ + α (1 − ρ)/2 ‖w‖²``, CS230's L1 + L2 penalty, a data term
    and two penalties in one line): one penalty left out is ``missing-loss-term``, one with
    another factor ``loss-term-factor``, as for a penalty node of its own. A penalty is a term
    of the loss's own contribution that reads no data (no input, no gradient); the uses of one
    term that give the same formula (``W ⊙ W``'s two halves) stay together."""
    terms: list[mf.MExpr] = []
    for c in contribs:
        if _own_term(net, c.source):
            terms.extend(c.formula.terms if isinstance(c.formula, mf.Add) else (c.formula,))
    groups: list[list[mf.MExpr]] = []
    for t in terms:
        same = next((g for g in groups if g[0] == t), None)
        if same is None:
            groups.append([t])
        else:
            same.append(t)
    if len(groups) + len(contribs) < 3:  # one own term and nothing else, or one source whole
        return []
    src = net.spec.loss
    return [_Contribution(src, mf.add(*g)) for g in groups if not _reads_data(net, g[0])]


def _reads_data(net: Net, e: mf.MExpr) -> bool:
    """Does ``e`` read an input of the network or a gradient (the data term's share)?"""
    refs = [part for _, part in positions(e) if isinstance(part, mf.Ref)]
    return any(r.kind == "grad" for r in refs) or _reach_input(net, [r.name for r in refs])


MAX_CUTS = 24  # sets of nodes tried by missing_paths (a count, not seconds)


# one branch left out inside a node's expression: (node, source, formula) — what ``source``
# passes back to ``node`` replaced by ``formula`` (None: nothing)
_Drop = tuple[str, str, "mf.MExpr | None"]


def _paths_without(
    net: Net,
    name: str,
    cut: frozenset[str],
    memo: dict[str, mf.MExpr | None],
    drop: _Drop | None = None,
) -> mf.MExpr | None:
    """∂L/∂name summed over the paths to the loss that avoid the nodes in ``cut`` (and, with
    ``drop``, with one contribution replaced: a branch inside one node's expression left out),
    as a matrix form over the true gradients of the nodes below which nothing is cut; None
    where no path is left."""
    if name in memo:
        return memo[name]
    memo[name] = None  # a cycle cannot happen (a DAG); this only guards re-entry
    try:
        contribs = net.target(name).visit.contributions
    except Exception:  # noqa: BLE001 - a node without a gradient (an input)
        return None
    terms = []
    for c in contribs:
        formula = c.formula
        if drop is not None and (name, c.source) == drop[:2]:
            formula = drop[2]
        if c.source in cut or formula is None:
            continue
        terms.append(_replace_grads(formula, lambda ref: _below(net, ref.name, cut, memo, drop)))
        if terms[-1] is None:
            terms.pop()
    out = mf.add(*terms) if terms else None
    memo[name] = out
    return out


def _below(
    net: Net, name: str, cut: frozenset[str], memo: dict[str, mf.MExpr | None], drop: _Drop | None = None
) -> mf.MExpr | None | bool:
    """What replaces the true ∂L/∂name: True (itself, nothing is cut below it), None (every
    path from it is cut) or its paths that avoid ``cut``."""
    if not _reaches(net, name, cut, at=drop[0] if drop else None):
        return True
    return _paths_without(net, name, cut, memo, drop)


def _reaches(
    net: Net, name: str, cut: frozenset[str], seen: set[str] | None = None, at: str | None = None
) -> bool:
    """Does a path from ``name`` to the loss pass through a node of ``cut`` (or through the
    node ``at``, whose contribution is changed)?"""
    seen = set() if seen is None else seen
    if name == at:
        return True
    if name in seen or name == net.spec.loss:
        return False
    seen.add(name)
    try:
        contribs = net.target(name).visit.contributions
    except Exception:  # noqa: BLE001
        return False
    return any(c.source in cut or _reaches(net, c.source, cut, seen, at) for c in contribs)


def _replace_grads(e: mf.MExpr, swap) -> mf.MExpr | None:  # type: ignore[no-untyped-def]
    """``e`` with each gradient reference replaced by ``swap(ref)`` (True: keep it; None: the
    term it is in is left out, as zero)."""
    import dataclasses

    if isinstance(e, mf.Ref):
        if e.kind != "grad":
            return e
        new = swap(e)
        return e if new is True else new
    if not dataclasses.is_dataclass(e):
        return e
    changes = {}
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        if isinstance(v, mf.MExpr):
            nv = _replace_grads(v, swap)
            if nv is None:
                return None
            changes[f.name] = nv
        elif isinstance(v, tuple) and v and all(isinstance(x, mf.MExpr) for x in v):
            parts = [_replace_grads(x, swap) for x in v]
            if isinstance(e, mf.Add):
                parts = [x for x in parts if x is not None]
                if not parts:
                    return None
            elif any(x is None for x in parts):
                return None
            changes[f.name] = tuple(parts)
    return dataclasses.replace(e, **changes) if changes else e


def missing_paths(
    net: Net,
    target: Target,
    uvals: list[np.ndarray],
    truth: list[np.ndarray | None],
    fix: str,
    points: list[Checker] | None = None,
) -> Diagnosis | None:
    """The formula is the gradient along some of the paths from the tensor to the loss only
    (batch norm's ∂L/∂Z without the paths through μ and var, which hold them constant): for
    each set of one or two nodes below the tensor, the sum over the paths that avoid them."""
    if any(t is None for t in truth):
        return None
    below: list[str] = []
    stack = [target.name]
    while stack:
        x = stack.pop()
        try:
            contribs = net.target(x).visit.contributions
        except Exception:  # noqa: BLE001
            continue
        for c in contribs:
            if c.source != net.spec.loss and c.source not in below:
                below.append(c.source)
                stack.append(c.source)
    sets = [frozenset([a]) for a in below] + [
        frozenset([a, b]) for k, a in enumerate(below) for b in below[k + 1 :]
    ]

    def matches(e: mf.MExpr | None) -> bool | None:
        """The user's values are those of ``e`` (paths left out) and not the gradient's; None
        where ``e`` cannot be evaluated."""
        if e is None or e.shape != target.shape:
            return False
        try:
            part = [floats(evaluate(e, System(net.rand, k))) for k in range(DIAG_POINTS)]
        except Exception:  # noqa: BLE001 - a form the evaluator does not take: no finding
            return None
        if any(v is None or v.shape != u.shape for v, u in zip(part, uvals, strict=True)):
            return False
        if all(close(v, t) for v, t in zip(part, truth, strict=True)):
            return False  # the cut paths carry nothing here
        return all(close(u, v) for u, v in zip(uvals, part, strict=True))

    for cut in sets[:MAX_CUTS]:
        found = matches(_paths_without(net, target.name, cut, {}))
        if found is None:
            return None
        if found:
            m = msg("heldcheck3.missing_paths", name=target.name, through=", ".join(sorted(cut)))
            return Diagnosis.of("missing-path", m, fix)
    for node, c, left, dropped in _branches(net, [target.name, *below]):
        if matches(_paths_without(net, target.name, frozenset(), {}, (node, c.source, left))):
            return Diagnosis.of("missing-path", _branch_message(net, node, c.source, dropped), fix)
    return None


MAX_BRANCHES = 24  # branches inside one node's expression tried by missing_paths (a count)


def _branches(net: Net, nodes: list[str]) -> Iterator[tuple[str, Any, mf.MExpr | None, mf.MExpr]]:
    """Each branch inside one node's expression that a student may leave out: a whole
    contribution of a node with several (a highway's carry ``x * (1 − T)`` beside the paths
    through H and T), or one summand of a contribution (ReZero's ``h2 = h1 + α relu(h1 W2)``
    passes back ``δ2 + α (δ2 ⊙ 1[h1 W2 > 0]) W2ᵀ``: the skip or the branch), also inside a
    product (a gate's ``δ ⊙ (relu(x W) − x)``). Yields (node, contribution, what is left,
    what is dropped), at most MAX_BRANCHES."""
    n = 0
    for node in nodes:
        try:
            contribs = net.target(node).visit.contributions
        except Exception:  # noqa: BLE001 - an input without a gradient
            continue
        for c in contribs:
            options = [(None, c.formula)] if len(contribs) > 1 else []
            if _reads_twice(net, c.source, node):  # a summand or factor of its own per use
                options += list(_without_one_term(c.formula))
            for left, dropped in options:
                if n >= MAX_BRANCHES:
                    return
                n += 1
                yield node, c, left, dropped


def _reads_twice(net: Net, source: str, node: str) -> bool:
    """Does ``source``'s [forward] line read ``node`` more than once (``h1 + α relu(h1 W2)``,
    a gate's ``σ(e W4) * (e W5)``)? Only then is a term of what it passes back a path of its
    own; the terms of softmax's Jacobian (``δP − …``) are not."""
    import ast

    try:
        tree = ast.parse(net.spec.forward_text.get(source, ""), mode="eval")
    except SyntaxError:
        return False
    return sum(isinstance(x, ast.Name) and x.id == node for x in ast.walk(tree)) >= 2


def _without_one_term(e: mf.MExpr) -> Iterator[tuple[mf.MExpr, mf.MExpr]]:
    """``e`` with one summand left out — of a sum, or of a sum inside a product, a matrix
    product, a quotient's numerator, a negation or a transpose: (what is left, the summand)."""
    import dataclasses

    if isinstance(e, mf.Add):
        for k, t in enumerate(e.terms):
            left = mf.add(*e.terms[:k], *e.terms[k + 1 :])
            if _reads(t) and _reads(left):  # not the 1 of 1 − tanh²: a branch reads a tensor
                yield left, t
            for inner, dropped in _without_one_term(t):
                yield mf.add(*e.terms[:k], inner, *e.terms[k + 1 :]), dropped
        return
    fields = ("a", "b") if isinstance(e, mf.Mul | mf.MatMul) else ("a",) if isinstance(e, mf.Div) else ()
    if isinstance(e, mf.Neg | mf.T):
        fields = ("x",)
    for f in fields:
        for inner, dropped in _without_one_term(getattr(e, f)):
            yield dataclasses.replace(e, **{f: inner}), dropped


def _branch_message(net: Net, node: str, source: str, dropped: mf.MExpr) -> Msg:
    """Which branch of ``source``'s expression is missing, in the network's own notation: the
    summand of its [forward] line that reads ``node`` and the same other names as the left-out
    term (``alpha2 * torch.relu(h1 @ W2)`` for ``alpha2 * ((dh2 ⊙ …) @ W2.T)``)."""
    text = net.spec.forward_text.get(source, "")
    term = formula_text(dropped)
    branch = _summand_of(net, text, node, dropped)
    if branch is None:
        return msg("checkgaps11.missing_term", node=node, source=source, text=text, term=term)
    return msg("checkgaps11.missing_branch", node=node, source=source, text=text, term=term, branch=branch)


def _summand_of(net: Net, text: str, node: str, dropped: mf.MExpr) -> str | None:
    """The one summand of the forward line ``text`` that reads ``node`` and whose other names of
    the network are those of the left-out term; None where none or several are."""
    import ast

    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        return None
    summands: list[ast.expr] = []

    def flatten(x: ast.expr) -> None:
        if isinstance(x, ast.BinOp) and isinstance(x.op, ast.Add | ast.Sub):
            flatten(x.left)
            flatten(x.right)
        else:
            summands.append(x)

    flatten(tree)
    if len(summands) < 2:
        return None  # a product's factors: the term is named, not a summand
    known = set(net.g.tensors) | set(net.spec.constants)
    want = _term_names(dropped) & known - {node}
    hits = []
    for part in summands:
        names = {x.id for x in ast.walk(part) if isinstance(x, ast.Name)} & known
        if node in names and names - {node} == want:
            hits.append(ast.get_source_segment(text, part))
    return hits[0] if len(hits) == 1 else None


def _reads(e: Any) -> bool:
    """Does the matrix form read a tensor (a value or a gradient)?"""
    import dataclasses

    if isinstance(e, mf.Ref):
        return True
    if not dataclasses.is_dataclass(e):
        return False
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        if any(isinstance(x, mf.MExpr) and _reads(x) for x in (v if isinstance(v, tuple) else (v,))):
            return True
    return False


def _term_names(e: Any) -> set[str]:
    """The value names a matrix form reads (not the gradients it passes back)."""
    import dataclasses

    if isinstance(e, mf.Ref):
        return set() if e.kind == "grad" else {e.name}
    if isinstance(e, mf.Scalar):
        return {str(n) for n in e.expr.free_symbols}
    out: set[str] = set()
    if dataclasses.is_dataclass(e):
        for f in dataclasses.fields(e):
            v = getattr(e, f.name)
            for x in v if isinstance(v, tuple) else (v,):
                if isinstance(x, mf.MExpr):
                    out |= _term_names(x)
    return out


MAX_PAIR_TRIES = 24  # single edits tried by _edit_and_mutation (a count, not seconds)


def _edit_and_mutation(
    net: Net, target: Target, tree: ex.Node, allow_upstream: bool
) -> list[Diagnosis]:
    """Two independent mistakes: one transpose/swap on the user's formula makes it equal to a
    known mistake of the library (``X @ (dZ2 @ W2.T)``: a missing transpose *and* a missing
    activation derivative). Both are reported, the structural one first."""

    codes = {
        "add-T": "missing-transpose",
        "remove-T": "extra-transpose",
        "swap": "operand-order",
        "transpose-result": "operand-order",
        "axis": "wrong-sum-axis",
    }
    muts = [
        m for m in library(target) if m.expr.shape == target.shape and m.code != "shape-mismatch"
    ]
    for n, (kind, desc, t) in enumerate(_edits(tree)):
        if n >= MAX_PAIR_TRIES:
            break
        try:
            e, _ = Convert(net, "", allow_upstream)(t)
        except Exception:  # noqa: BLE001 - an edit that does not convert is no answer
            continue
        if e.shape != target.shape:
            continue
        vals = [floats(evaluate(e, System(net.rand, k))) for k in range(DIAG_POINTS)]
        if any(v is None for v in vals):
            continue
        for m in muts:
            if all(close(u, v) for u, v in zip(vals, m.values, strict=True)):  # type: ignore[arg-type]
                first = Diagnosis.of(
                    codes[kind],
                    msg("diag.repair", how=desc, fix=tree_text(_tidy(t, scalar_names(net)))),
                    target.expected,
                )
                return [first, Diagnosis.of(m.code, m.message, target.expected)]
    return []


MAX_LAYER_TRIES = 60  # substitutions tried by wrong_layer (a count, not seconds)


def _subst(node: ex.Node, old: str, new: str) -> ex.Node:
    """``node`` with every ``Name(old)`` replaced by ``Name(new)``."""
    if isinstance(node, ex.Name):
        return ex.Name(new) if node.id == old else node
    if isinstance(node, ex.BinOp):
        return ex.BinOp(node.op, _subst(node.left, old, new), _subst(node.right, old, new))
    if isinstance(node, ex.Neg):
        return ex.Neg(_subst(node.operand, old, new))
    if isinstance(node, ex.Transpose):
        return ex.Transpose(_subst(node.operand, old, new))
    if isinstance(node, ex.Pow):
        return ex.Pow(_subst(node.base, old, new), node.exponent)
    if isinstance(node, ex.Compare):
        return ex.Compare(node.op, _subst(node.left, old, new), _subst(node.right, old, new))
    if isinstance(node, ex.Call):
        return ex.Call(
            node.func,
            tuple(_subst(a, old, new) for a in node.args),
            tuple((k, _subst(v, old, new)) for k, v in node.kwargs),
        )
    return node


def wrong_layer(
    net: Net,
    target: Target,
    tree: ex.Node,
    allow_upstream: bool,
    max_tries: int | None = None,
) -> list[Diagnosis] | None:
    """``wrong-layer``: one tensor of the network standing where another of the same shape
    belongs (``X.T @ dZ2`` for ``A1.T @ dZ2``, ``g'(Z2)`` in layer 1), found by substituting
    each and re-checking at random points (at most :data:`MAX_LAYER_TRIES` substitutions).
    When no substitution alone makes it right, one that turns it into a known mistake of the
    library (``A2 * (1 - A2)`` in layer 1: σ' of layer 2 → σ' of layer 1, still the wrong
    activation's derivative) is reported with that mistake second. ``max_tries``: fewer
    substitutions for a long formula (:func:`layer_tries`)."""
    limit = MAX_LAYER_TRIES if max_tries is None else max_tries
    g = net.g
    shapes: dict[str, tuple[int, int]] = {}
    for name, t in g.tensors.items():
        if name == net.spec.loss:
            continue
        shapes[name] = (int(t.shape[0]), int(t.shape[1]))
        if t.grads is not None:
            shapes["d" + name] = shapes[name]
    spelled: dict[str, str] = {}  # the network's name -> as written (LaTeX's h_{2} is h2)
    for raw in dict.fromkeys(ex.names(tree)):
        canon = raw if raw in shapes else names.resolve(shapes.__contains__, net.spec.constants, raw)
        if canon is not None and canon not in spelled:
            spelled[canon] = raw
    slope = _slope_at_input_heldcheck39(net, target, tree, spelled, allow_upstream)
    if slope is not None:
        return slope
    valued = set(written_names(tree))
    used = [n for n in spelled if shapes[n] != (1, 1) and spelled[n] in valued]
    tries = 0
    near: tuple[str, str, ex.Node, Mutation] | None = None
    muts = [m for m in library(target) if m.code != "shape-mismatch"]
    pairs = [
        (old, new)
        for old in used
        for new in shapes
        if new != old
        and new.startswith("d") == old.startswith("d")
        and not (shapes[new] != shapes[old] and (1, 1) in (shapes[new], shapes[old]))
        and new != "d" + target.name
    ]
    if limit < MAX_LAYER_TRIES:  # fewer tries (a long formula): a tensor of the same role first
        pairs.sort(key=lambda p: not _same_role(net, *p))
    for old, new in pairs:
        tries += 1
        if tries > limit:
            break
        cand = _subst(tree, spelled[old], new)
        try:
            e, shown = Convert(net, "", allow_upstream)(cand)
        except Exception:  # noqa: BLE001 - a candidate that does not convert is no answer
            continue
        if e.shape != target.shape:
            continue
        if all(
            close_exact(evaluate(e, System(net.rand, k)), target.truth(k)) for k in range(3)
        ):

            fix = tree_text(shown)
            act = _activation_upstream(net, old, new)
            if act is not None:  # dh_2 for dz_2 where h_2 = tanh(z_2): σ' left out
                C, f, V = act
                m = msg("heldcheck8.missing_derivative", C=C, f=f, node=V, fix=fix)
                return [Diagnosis.of("missing-activation-derivative", m, fix)]
            f = _activation_of(net, new, old)
            if f is not None:  # h for h_relu = relu(h): the activation itself left out
                m = msg("diag.pre_activation", used=old, right=new, f=f, fix=fix)
            else:
                m = msg("diag.wrong_layer", used=old, right=new, fix=fix)
            return [Diagnosis.of("wrong-layer", m, fix)]
        if near is None and old[:1] not in "d" and _same_role(net, old, new):
            vals = [floats(evaluate(e, System(net.rand, k))) for k in range(DIAG_POINTS)]
            if all(v is not None for v in vals):
                for mu in muts:
                    if mu.expr.shape == e.shape and all(
                        close(u, v) for u, v in zip(vals, mu.values, strict=True)  # type: ignore[arg-type]
                    ):
                        near = (old, new, shown, mu)
                        break
    every = _all_activation_upstreams(net, target, tree, spelled, allow_upstream)
    if every is not None:
        return every
    inside = _activation_of_output(net, target, tree, spelled, allow_upstream)
    if inside is not None:
        return inside
    once = _one_use_wrong(net, target, tree, spelled, shapes, allow_upstream, limit)
    if once is not None:
        return once
    if near is not None:
        old, new, shown, mu = near
        fix = target.expected
        m = msg("diag.wrong_layer", used=old, right=new, fix=tree_text(shown))
        return [Diagnosis.of("wrong-layer", m, fix), Diagnosis.of(mu.code, mu.message, fix)]
    return None


def _right_after_swaps(
    net: Net, target: Target, tree: ex.Node, swaps: list[tuple[str, str]], allow_upstream: bool
) -> ex.Node | None:
    """The tree as read (shown) where every name of ``swaps`` (as written -> the network's name)
    replaced at once makes ``tree`` the gradient at three random points; else None."""
    cand = tree
    for old, new in swaps:
        cand = _subst(cand, old, new)
    return _right_tree(net, target, cand, allow_upstream)


def _right_tree(net: Net, target: Target, cand: ex.Node, allow_upstream: bool) -> ex.Node | None:
    """``cand`` as read (shown) where it is the gradient at three random points; else None."""
    try:
        e, shown = Convert(net, "", allow_upstream)(cand)
    except Exception:  # noqa: BLE001 - a candidate that does not convert is no answer
        return None
    if e.shape != target.shape or not all(
        close_exact(evaluate(e, System(net.rand, k)), target.truth(k)) for k in range(3)
    ):
        return None
    return shown


def _one_minus(node: ex.Node) -> bool:
    """Is ``node`` ``1 - …`` (the output form of a derivative: 1 − t², 1 − s)?"""
    return isinstance(node, ex.BinOp) and node.op == "-" and node.left == ex.Num(1)


def _slope_uses(node: ex.Node, name: str, inside: bool = False) -> tuple[int, int]:
    """(uses of ``Name(name)`` in ``node``, of them those inside a derivative's formula in terms
    of an activation's output: under a ``1 - …`` or a factor beside one, ``x * (1 - x)``)."""
    if isinstance(node, ex.Name):
        return (1, int(inside)) if node.id == name else (0, 0)
    if _one_minus(node):
        inside = True
    kids = list(ex.children(node))
    beside = isinstance(node, ex.BinOp) and node.op == "*" and any(_one_minus(k) for k in kids)
    total = slope = 0
    for k in kids:
        t, s = _slope_uses(k, name, inside or beside)
        total, slope = total + t, slope + s
    return total, slope


def _slope_at_input_heldcheck39(
    net: Net, target: Target, tree: ex.Node, spelled: dict[str, str], allow_upstream: bool
) -> list[Diagnosis] | None:
    """``wrong-activation-derivative`` for a derivative written in terms of the activation's
    output with its input put in: makemore's ``(1 - hpreact ** 2)`` for ``h = tanh(hpreact)``,
    an RNN's ``1 - z_t ** 2`` at every step, ``h_raw * (1 - h_raw)`` (round 38's decision: the
    same code on every path; the name-by-name substitution called it ``wrong-layer``). Every
    activation input written only inside such a formula is replaced by its output at once; where
    that makes the answer right, the slope is the mistake (an input used elsewhere, ``h.T @ …``
    for ``h_relu.T @ …``, stays the substitution's ``wrong-layer``)."""
    swap: dict[str, str] = {}
    fs: list[str] = []
    for out, tree_out in net.spec.forward:
        if not (isinstance(tree_out, ex.Call) and tree_out.args and isinstance(tree_out.args[0], ex.Name)):
            continue
        inp = tree_out.args[0].id
        f = _activation_of(net, out, inp)
        if f is None or inp in swap or inp not in spelled:
            continue
        total, slope = _slope_uses(tree, spelled[inp])
        if total and total == slope:
            swap[inp] = out
            fs.append(f)
    if not swap:
        return None
    shown = _right_after_swaps(net, target, tree, [(spelled[i], o) for i, o in swap.items()], allow_upstream)
    if shown is None:
        return None
    fix = tree_text(shown)
    pairs = ", ".join(f"{out} = {f}({inp})" for (inp, out), f in zip(swap.items(), fs, strict=True))
    m = msg(
        "diag.slope_at_input_heldcheck39",
        pairs=pairs,
        used=", ".join(swap),
        right=", ".join(swap.values()),
        fix=fix,
    )
    return [Diagnosis.of("wrong-activation-derivative", m, fix)]


def _uses(node: ex.Node, name: str) -> int:
    """How many times ``Name(name)`` is used in ``node``."""
    here = int(isinstance(node, ex.Name) and node.id == name)
    return here + sum(_uses(c, name) for c in ex.children(node))


def _subst_nth(node: ex.Node, old: str, new: str, k: int) -> ex.Node:
    """``node`` with only the ``k``-th use of ``Name(old)`` (0-based, left to right) replaced."""
    seen = [0]

    def go(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Name):
            if n.id == old:
                seen[0] += 1
                if seen[0] == k + 1:
                    return ex.Name(new)
            return n
        return ex.rebuild(n, go)

    return go(node)


def _one_use_wrong(
    net: Net,
    target: Target,
    tree: ex.Node,
    spelled: dict[str, str],
    shapes: dict[str, tuple[int, int]],
    allow_upstream: bool,
    limit: int = MAX_LAYER_TRIES,
) -> list[Diagnosis] | None:
    """``wrong-layer`` at one use of a name written several times: tiny-mlp's ``h.T @ (… * h *
    (1 - h))`` for ``X.T @ (… * h * (1 - h))`` — the first h stands where X belongs, the others
    are right, so replacing every h finds nothing (at most ``limit`` tries)."""
    tries = 0
    for old, raw in spelled.items():
        uses = _uses(tree, raw)
        if uses < 2 or shapes[old] == (1, 1):
            continue
        for k in range(uses):
            for new in shapes:
                if new == old or new.startswith("d") != old.startswith("d"):
                    continue
                if shapes[new] != shapes[old]:
                    continue
                if new == "d" + target.name:
                    continue
                tries += 1
                if tries > limit:
                    return None
                try:
                    e, shown = Convert(net, "", allow_upstream)(_subst_nth(tree, raw, new, k))
                except Exception:  # noqa: BLE001 - a candidate that does not convert is no answer
                    continue
                if e.shape == target.shape and all(
                    close_exact(evaluate(e, System(net.rand, j)), target.truth(j)) for j in range(3)
                ):
                    fix = tree_text(shown)
                    m = msg("diag.wrong_layer", used=old, right=new, fix=fix)
                    return [Diagnosis.of("wrong-layer", m, fix)]
    return None


def _activation_of_output(
    net: Net, target: Target, tree: ex.Node, spelled: dict[str, str], allow_upstream: bool
) -> list[Diagnosis] | None:
    """``wrong-layer`` for an activation's output inside a call where its input belongs:
    Nielsen's ``sigmoid_prime(O)`` / ``σ'(O)`` for σ'(z), ``1 - np.tanh(h_2)**2`` for tanh'(z_2)
    — h′ evaluated at the activation instead of the pre-activation. The name is replaced inside
    the calls only (it is right elsewhere: ``(O - t) * sigmoid_prime(O)``), one-by-one
    replacement and ``1 × 1`` names being what the searches above leave out."""
    outputs = {
        old: new
        for old in spelled
        for new in net.g.tensors
        if _activation_of(net, old, new) is not None
    }
    if not outputs:
        return None
    raw = {spelled[old]: new for old, new in outputs.items()}

    def go(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Call) and n.args and isinstance(n.args[0], ex.Name):
            if n.args[0].id in raw:
                return ex.Call(n.func, (ex.Name(raw[n.args[0].id]), *n.args[1:]), n.kwargs)
        return ex.rebuild(n, go)

    cand = go(tree)
    if cand == tree:
        return None
    shown = _right_tree(net, target, cand, allow_upstream)
    if shown is None:
        return None
    old, new = next((o, v) for o, v in outputs.items() if _uses_in_calls(tree, spelled[o]))
    fix = tree_text(shown)
    f = _activation_of(net, old, new)
    m = msg("diag.post_activation", used=old, right=new, f=f, fix=fix)
    return [Diagnosis.of("wrong-layer", m, fix)]


def _uses_in_calls(node: ex.Node, name: str) -> bool:
    """Is ``Name(name)`` the first argument of a call somewhere in ``node``?"""
    if isinstance(node, ex.Call) and node.args and node.args[0] == ex.Name(name):
        return True
    return any(_uses_in_calls(c, name) for c in ex.children(node))


def _all_activation_upstreams(
    net: Net, target: Target, tree: ex.Node, spelled: dict[str, str], allow_upstream: bool
) -> list[Diagnosis] | None:
    """``x_1.T @ dh_1 + x_2.T @ dh_2`` for BPTT's W_x: every gradient of an activation's output
    written where the one past the activation belongs (dh_t for dz_t), all its derivatives left
    out — ``missing-activation-derivative`` when putting each right makes the formula right."""
    pairs = []
    for old in spelled:
        for new in spelled.keys() | {"d" + n for n in net.g.tensors}:
            act = _activation_upstream(net, old, new)
            if act is not None and net.g.tensors[new[1:]].grads is not None:
                pairs.append((old, new, act))
    if len(pairs) < 2:
        return None
    shown = _right_after_swaps(net, target, tree, [(spelled[old], new) for old, new, _ in pairs], allow_upstream)
    if shown is None:
        return None
    fix = tree_text(shown)
    C = ", ".join(f"{a[0]} = {a[1]}({a[2]})" for _, _, a in pairs)
    m = msg("checkcodes.missing_masks", masks=C, grad=grad_name(target.name), formula=fix)
    return [Diagnosis.of("missing-activation-derivative", m, fix)]


def _activation_upstream(net: Net, old: str, new: str) -> tuple[str, str, str] | None:
    """``(C, f, V)`` where ``old`` is ``dC`` and ``new`` is ``dV`` for an activation ``C =
    f(V)`` of the network: the gradient reaching the activation's output written where the one
    past it belongs, its derivative f' left out; else None."""
    if not (old.startswith("d") and new.startswith("d")):
        return None
    C, V = old[1:], new[1:]
    f = _activation_of(net, C, V)
    return None if f is None else (C, f, V)


def _activation_of(net: Net, out: str, arg: str) -> str | None:
    """The activation ``f`` where the network computes ``out = f(arg)``, else None."""
    tree = dict(net.spec.forward).get(out)
    if (
        isinstance(tree, ex.Call)
        and tree.func in ops.activations()
        and tree.args
        and tree.args[0] == ex.Name(arg)
    ):
        return tree.func
    return None


def _same_role(net: Net, old: str, new: str) -> bool:
    """``A2`` → ``A1`` (:func:`_same_layer_kind`), or two inputs of layers: tensors that each
    multiply a parameter in the forward pass (``A1`` where ``X`` belongs in ``X.T @ …`` for
    ``W1``: ``Z1 = X @ W1``, ``Z2 = A1 @ W2``)."""
    if _same_layer_kind(old, new):
        return True
    inputs = _layer_inputs(net)
    return old in inputs and new in inputs


def _layer_inputs(net: Net) -> frozenset[str]:
    """The tensors that are the other factor of a parameter's matrix product in the forward
    pass (``X`` of ``X @ W1``, ``A1`` of ``A1 @ W2``)."""
    params = set(net.spec.params)
    out: set[str] = set()
    for _, tree in net.spec.forward:
        for _, n in positions(tree):
            if isinstance(n, ex.BinOp) and n.op == "@":
                a, b = n.left, n.right
                for x, w in ((a, b), (b, a)):
                    w = w.operand if isinstance(w, ex.Transpose) else w
                    x = x.operand if isinstance(x, ex.Transpose) else x
                    if isinstance(w, ex.Name) and w.id in params and isinstance(x, ex.Name):
                        out.add(x.id)
    return frozenset(out - params)


def _same_layer_kind(old: str, new: str) -> bool:
    """``A2`` → ``A1``, ``Z^{[2]}`` → ``Z1``: the same letter, another layer number."""
    import re

    a, b = re.fullmatch(r"(\D+?)_?(\d+)", old), re.fullmatch(r"(\D+?)_?(\d+)", new)
    return bool(a and b and a.group(1) == b.group(1))


def close_exact(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    return same(a, b)


def _repaired(problem: Msg, repaired: tuple[str, Msg, str]) -> Msg:
    return msg("diag.repaired", problem=problem, how=repaired[1], fix=repaired[2])


def _with_shapes(m: Mutation, user: mf.MExpr, target: Target) -> Msg:
    if user.shape == target.shape:
        return m.message
    return msg(
        "diag.with_shapes",
        message=m.message,
        shape=shape_text(user.shape),
        grad=grad_name(target.name),
        want=shape_text(target.shape),
    )


def _partly_defined(
    net: Net,
    target: Target,
    user: mf.MExpr,
    vals: list[np.ndarray | None],
    conv: Convert,
    fix: str,
) -> list[Diagnosis]:
    """A formula undefined at some diagnosis points (``exp(log_probs)`` where a random
    ``log_probs`` overflows) that is a constant multiple of the gradient at all the others (at
    least 3): that factor's diagnosis (it was "undefined at values where the gradient is
    defined", a note about the points, not the mistake); else that note."""
    keep = [k for k, v in enumerate(vals) if v is not None]
    truth = {k: floats(target.truth(k)) for k in keep}
    keep = [k for k in keep if truth[k] is not None]
    pairs, need = [(vals[k], truth[k]) for k in keep], 3
    if len(pairs) < 3 and all(floats(target.truth(k)) is None for k in range(len(vals))):
        pairs, need = _inside_the_domain(target, user), 2
    if len(pairs) >= need and user.shape == target.shape:
        c = _ratio([u for u, _ in pairs], [t for _, t in pairs])  # type: ignore[misc]
        if c is not None:
            return _factor_diagnoses(net, target, user, target.ref, c, conv, fix, None)
    if need == 2 and user.shape == target.shape:
        sized = _size_factor_in_domain(net, target, user, conv, fix)
        if sized is not None:
            return sized
    if need == 2 and pairs:  # defined where the gradient is: compared there, not "undefined"
        return [_unknown(net, target, user, [pairs[0][0]], [pairs[0][1]])]
    return [Diagnosis.of("unknown", msg("diag.undefined"), fix)]


def _size_factor_in_domain(
    net: Net, target: Target, user: mf.MExpr, conv: Convert, fix: str
) -> list[Diagnosis] | None:
    """Inside the domain (:func:`_inside_the_domain`) a size's factor differs between the
    example and the other sizes (focal loss' gradient without its 1/m: 4 × at m = 4, another
    multiple there), so no one ratio holds at all those points: the ratio at the example, named
    only where the same power of one size gives the ratio at the other sizes too."""
    ex_point = target.checker("example")
    u, t = floats(evaluate(user, System(ex_point, 0))), floats(target.truth(0, "example"))
    if u is None or t is None:
        return None
    c = _ratio([u], [t])
    if c is None:
        return None
    dims = target.checker("dims")
    inside = [
        (dims, k)
        for k in range(2)
        if floats(evaluate(user, System(dims, k))) is not None
        and floats(target.truth(k, "dims")) is not None
    ]
    if not inside:
        return None
    found = _factor_diagnoses(net, target, user, target.ref, c, conv, fix, None, inside)
    sizes = "|".join(re.escape(d) for d in net.spec.dims)
    named = sizes and any(
        d.code == "scale-factor"
        and d.factor is not None
        and re.fullmatch(rf"(1/)?({sizes})(\*\*2)?", d.factor)
        for d in found
    )
    return found if named else None


def _inside_the_domain(target: Target, user: mf.MExpr) -> list[tuple[np.ndarray, np.ndarray]]:
    """Where the gradient itself is undefined at every random point (the data drawn outside
    the network's domain: focal loss's ``log(p_t)`` with ``p_t = y·p + (1 − y)(1 − p)`` and
    random non-binary ``y``), the points that keep the spec's data — the example values and
    the other-sizes points — where both are defined: a sign flip there is still a sign flip."""
    pairs = []
    for where, k in (("example", 0), ("dims", 0), ("dims", 1)):
        u = floats(evaluate(user, System(target.checker(where), k)))
        t = floats(target.truth(k, where))
        if u is not None and t is not None:
            pairs.append((u, t))
    return pairs


def _ratio(u: list[np.ndarray], t: list[np.ndarray]) -> float | None:
    """The constant ``c`` with ``u = c·t`` at every point and entry (``c ≠ 1``), else ``None``
    (:func:`derive.checker.fastdiag.ratio`, which the fast path uses too)."""
    if any(a.shape != b.shape for a, b in zip(u, t, strict=True)):
        return None
    lists = [a.tolist() for a in u], [b.tolist() for b in t]
    return fastdiag.ratio(*lists, CHECK_FLOAT_RTOL, CHECK_RATIO_RTOL, TINY)


def _constant_factor(
    net: Net, name: str, sym: Any, c: float, other: float, there: dict[Any, float]
) -> tuple[str, Msg] | None:
    """``(factor, why)`` where the formula is the gradient times the constant ``name`` or its
    inverse here and where the sizes and constants take other values (``c`` and ``other`` the
    two ratios; ``there`` those values), else None: ``p`` for a dropout's ``1/p`` left out,
    ``1/w`` for an extra one."""
    if sym not in there or sym not in net.g.scalar_values:
        return None
    v, v2 = float(net.g.scalar_values[sym]), float(there[sym])
    if v in (0.0, 1.0) or math.isclose(v, v2, rel_tol=CHECK_RATIO_RTOL):
        return None
    for k in (1, -1):
        if math.isclose(c, v**k, rel_tol=CHECK_RATIO_RTOL) and math.isclose(
            other, v2**k, rel_tol=CHECK_RATIO_RTOL
        ):
            factor = name if k == 1 else f"1/{name}"
            key = "factor.constant_left_out" if k == 1 else "factor.constant_extra"
            return factor, msg(key, name=name, value=factor_text(v))
    return None


def factor_text(c: float) -> str:
    """A factor as a fraction when it is one (``1/2``), else 6 significant digits."""
    return fastdiag.factor_text(c, CHECK_FLOAT_RTOL)


def averaged(net: Net, size: str) -> bool:
    """Does the loss average (a mean-reducing loss, ``mean``, or ``/ size``)? Read from the
    loss's definition and the scalar nodes it is built from, not from other layers (a batch
    norm's mean over the batch is no mean of the loss)."""
    defs = dict(net.spec.forward)
    todo, seen = [net.spec.loss], set()
    while todo:
        name = todo.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        for _, n in positions(defs[name]):
            if isinstance(n, ex.Call) and (n.func == "mean" or _reduces_mean(n.func)):
                return True
            if isinstance(n, ex.BinOp) and n.op == "/":
                if any(isinstance(k, ex.Name) and k.id == size for _, k in positions(n.right)):
                    return True
            if isinstance(n, ex.Name) and net.spec.shapes.get(n.id) in ((), (1, 1)):
                todo.append(n.id)
    return False


def _reduces_mean(func: str) -> bool:
    try:
        op = ops.get(func)
    except (KeyError, ValueError):
        return False
    return op.kind == ops.LOSS and op.reduce in ("mean", "rows")


def _factor_diagnoses(
    net: Net,
    target: Target,
    user: mf.MExpr,
    ref: mf.MExpr,
    c: float,
    conv: Convert,
    fix: str,
    m: Mutation | None,
    elsewhere: list[tuple[Checker, int]] | None = None,
    resized: list[Any] | None = None,
) -> list[Diagnosis]:
    """``user`` = c × ``ref``: the factor named (a size's power where the ratio at other sizes
    says so). ``elsewhere``: the points with the sizes set to other values (default the
    network's own; the one-hot targets' where the ratio holds only for one-hot targets);
    ``resized``: the network at other sizes with those targets, measured in their place."""
    out: list[Diagnosis] = []
    if m is not None:
        out.append(Diagnosis.of(m.code, m.message, fix))
        if m.code == "weighted-loss-not-simplifiable":
            return out  # a factor on the unweighted form is the weight misapplied, not a second mistake
    if c < 0:
        out.append(Diagnosis.of("sign", msg("diag.negative", grad=grad_name(target.name)), fix))
        c = -c
        if math.isclose(c, 1, rel_tol=CHECK_FLOAT_RTOL):
            return out
    # tell 1/m from 1/2: evaluate again with the dims set to other values — on the same
    # network at other sizes where it can be built and ``ref`` is the gradient (round 47: a
    # size symbol set on matrices that keep their shapes is no network; PaLM's z-loss)
    other = None
    real = None
    if ref is target.ref and (resized or not elsewhere):
        real = _on_resized(net, target, [user], resized if elsewhere else None)
    defs = (elsewhere[0][0] if elsewhere else net.other_dims).defs
    there = {s: float(v) for s, v in defs.items() if s in net.g.scalar_values}
    if real:
        (u_r,), t_r, sizes = real[0]
        other = _ratio([u_r], [t_r])
        if other is None:  # no ratio there (0 at those points): the size symbols' points
            real = None
        else:
            other, there = abs(other), sizes
    if not real and all(shape_ok(x) for x in (user, ref)):
        at = elsewhere or [(net.other_dims, k) for k in range(2)]
        u2 = [floats(evaluate(user, System(ck, k))) for ck, k in at]
        t2 = [floats(evaluate(ref, System(ck, k))) for ck, k in at]
        if all(x is not None for x in u2 + t2):
            other = _ratio(u2, t2)  # type: ignore[arg-type]
            other = abs(other) if other is not None else None
    factor, why = factor_text(c), None
    consts = net.spec.constants or {}
    # on the resized network another size may explain the factor with no number (N where
    # 12/D does too): only the size the plainest explanation names is tried below
    best = _size_power(net, c, other, there) if real and other is not None else None
    for name, sym in net.g.scalars.items():
        if name not in net.spec.dims and name not in consts or other is None:
            continue
        if name in consts:  # a constant's factor (dropout's 1/p left out): named as a constant
            why = _constant_factor(net, name, sym, c, other, there)
            if why is not None:
                factor = why[0]
                why = why[1]
                break
            continue
        if sym not in there:
            continue
        v, v2 = float(net.g.scalar_values[sym]), there[sym]
        if best is not None and best.free_symbols not in (set(), {sym}):
            continue
        for k in (1, -1, 2, -2):
            q, q2 = c / v**k, other / v2**k
            if math.isclose(q, q2, rel_tol=CHECK_RATIO_RTOL):
                power = (
                    name
                    if k == 1
                    else f"1/{name}"
                    if k == -1
                    else (f"{name}**2" if k == 2 else f"1/{name}**2")
                )
                factor = power if math.isclose(q, 1, rel_tol=CHECK_FLOAT_RTOL) else f"{factor_text(q)}*{power}"
                mean = averaged(net, name)
                if k == 1 and factor == name:
                    node = target.name not in net.spec.params
                    key = "factor.missing_size_node" if node else "factor.missing_size"
                    why = msg(key if mean else "factor.size_in_sum", name=name, target=target.name)
                elif k == -1 and factor == power:
                    ups = sorted(conv.grads_used)
                    why = msg("factor.extra_size", name=name)
                    if ups and mean:
                        u = ups[0]
                        why = msg(
                            "factor.extra_size_up",
                            name=name,
                            up=u,
                            formula=net.target(u).expected,
                        )
                break
        if why or factor != factor_text(c):
            break
    if not why and elsewhere and other is not None and factor == factor_text(c):
        # round 47, at one-hot targets (the size swap's own message is for the other cases):
        # one size over another, or over itself less one (N/K: a mean over K where the loss
        # averages over N), measured at the sizes ``there``
        form = _size_ratio(net, c, other, there) if not math.isclose(other, c, rel_tol=CHECK_RATIO_RTOL) else None
        if form is not None:
            factor = str(form)
    if not why:
        if (
            other is not None
            and not math.isclose(other, c, rel_tol=CHECK_RATIO_RTOL)
            and factor == factor_text(c)
        ):
            why = msg("factor.varies", factor=factor)
        elif factor == "2":
            why = msg("factor.two")
        elif factor == "1/2":
            why = msg("factor.half")
        else:
            why = msg("factor.times", factor=factor)
    out.append(
        Diagnosis.of("scale-factor", msg("factor.off_by", factor=factor, why=why), fix, factor)
    )
    return out


def _unknown(
    net: Net,
    target: Target,
    user: mf.MExpr,
    uvals: list[np.ndarray],
    truth: list[np.ndarray | None],
) -> Diagnosis:
    where = msg("diag.at_example")
    mine = floats(evaluate(user, System(net.example, 0)))
    want = floats(target.truth(0, "example"))
    if mine is None or want is None or close(mine, want):
        where, mine, want = msg("diag.at_random"), uvals[0], truth[0]
    assert mine is not None and want is not None
    diff = np.argwhere(~np.isclose(mine, want, rtol=CHECK_FLOAT_RTOL, atol=CHECK_FLOAT_ATOL))
    if not len(diff):
        return Diagnosis.of(
            "unknown", msg("diag.not_equal", grad=grad_name(target.name)), target.expected
        )
    i, j = (int(x) for x in diff[0])
    a, b = float(mine[i, j]), float(want[i, j])
    ratio = msg("diag.ratio", ratio=f"{a / b:.4g}") if b != 0 else ""
    m = msg(
        "diag.unknown",
        grad=grad_name(target.name),
        where=where,
        i=i,
        j=j,
        value=f"{a:.6g}",
        want=f"{b:.6g}",
        ratio=ratio,
        n=len(diff),
        size=mine.size,
    )
    return Diagnosis.of("unknown", m, target.expected)


def shape_problem(net: Net, target: Target, tree: ex.Node, problem: Msg) -> list[Diagnosis]:
    """``shape-mismatch`` for a formula whose shapes do not fit (``problem`` says where), with a
    repair of the user's own formula when one or two edits find it."""
    repaired = repair(net, target, tree, True)
    if repaired:
        return [Diagnosis.of("shape-mismatch", _repaired(problem, repaired), repaired[2])]
    m = msg(
        "diag.shape_problem",
        problem=problem,
        grad=grad_name(target.name),
        want=shape_text(target.shape),
        fix=target.expected,
    )
    return [Diagnosis.of("shape-mismatch", m, target.expected)]


def relu_at_zero(net: Net, target: Target, tree: ex.Node, mine: np.ndarray | None) -> Diagnosis:
    """``relu-at-zero``: right except where a ReLU input is exactly 0 (``mine``, the formula's
    value at that point, ``None`` when undefined), explained as PyTorch's convention."""
    ops = [n.op for n in _ex_nodes(tree) if isinstance(n, ex.Compare)]
    how: Msg | str = ""
    if any(op in (">=", "<=") for op in ops):
        how = msg("diag.relu_nonstrict")
    undefined = msg("diag.relu_undefined") if mine is None else ""
    if target.clamp_differs():  # the network's ReLU is PyTorch's clamp(min=0): 1 at 0
        x = ", ".join(sorted(net.clamped))
        m = msg("heldcheck5.clamp_at_zero", grad=grad_name(target.name), x=x, undefined=undefined)
        return Diagnosis.of("relu-at-zero", m, target.expected)
    m = msg("diag.relu_at_zero", grad=grad_name(target.name), undefined=undefined, how=how)
    return Diagnosis.of("relu-at-zero", m, target.expected)


def _ex_nodes(n: ex.Node) -> Iterator[ex.Node]:
    yield n
    for c in ex.children(n):
        yield from _ex_nodes(c)


_LINEAR = (mf.Add, mf.Neg, mf.Mul, mf.MatMul, mf.T, mf.SumRows, mf.SumCols, mf.SumAll)


def _linear_terms(e: mf.MExpr) -> Iterator[tuple[tuple[int, ...], mf.Add, int]]:
    """Each term of each sum in ``e`` reached through operations linear in it (products,
    transposes, sums, a sign; a quotient through its numerator): (path of the sum, the sum, the
    term's index) — scaling that term scales its share of ``e`` by the same constant."""
    todo: list[tuple[tuple[int, ...], mf.MExpr]] = [((), e)]
    while todo:
        path, x = todo.pop()
        if isinstance(x, mf.Add):
            for i in range(len(x.terms)):
                yield path, x, i
        if isinstance(x, mf.Div):
            todo.append(((*path, 0), x.a))
        elif isinstance(x, _LINEAR):
            todo.extend(((*path, i), k) for i, k in enumerate(subtrees(x)))


MAX_GROUPED_TERMS = 8  # a sum of at most this many terms is also searched two terms at a time


def _linear_groups(e: mf.MExpr) -> Iterator[tuple[tuple[int, ...], mf.Add, tuple[int, ...]]]:
    """:func:`_linear_terms`, each term alone first, then two terms of one sum together — a
    bracket the sum was flattened from (smooth L1's ``(1 - (beta - diff > 0)) / n`` written
    without its ``/ n``: the terms ``1`` and ``-(beta - diff > 0)`` scaled as one)."""
    found = list(_linear_terms(e))
    for path, s, i in found:
        yield path, s, (i,)
    for path, s, i in found:
        if 2 < len(s.terms) <= MAX_GROUPED_TERMS:  # a pair that is not the whole sum
            for j in range(i + 1, len(s.terms)):
                yield path, s, (i, j)


def _size_power(
    net: Net, c: float, other: float | None, there: dict[Any, float] | None = None
) -> sp.Expr | None:
    """The factor ``c`` (``other`` at :attr:`Net.other_dims`, or at the sizes ``there`` of a
    resized network) as a power of a [dims] size times a number (``n``, ``1/n``, ``2*m``), or
    the number itself where it does not move with the sizes; None when it moves but no size
    explains it."""
    if other is not None and math.isclose(other, c, rel_tol=CHECK_RATIO_RTOL):
        return sp.nsimplify(c, rational=True, tolerance=CHECK_RATIO_RTOL)
    if other is None:
        return None
    there = there or {s: float(v) for s, v in net.other_dims.defs.items() if s in net.g.scalar_values}
    found = []  # the simplest explanation first: a resized network's sizes may swap two
    # sizes' values (N: 4 → 3, D: 3 → 4), where 12/D explains a factor N as well
    for order, (name, sym) in enumerate(sorted(net.g.scalars.items())):
        if name not in net.spec.dims or sym not in there:
            continue
        v, v2 = float(net.g.scalar_values[sym]), there[sym]
        for k in (1, -1, 2, -2):
            q, q2 = c / v**k, other / v2**k
            if math.isclose(q, q2, rel_tol=CHECK_RATIO_RTOL):
                coef = sp.nsimplify(q, rational=True, tolerance=CHECK_RATIO_RTOL)
                found.append((_plainness(coef), abs(k), order, coef * sym**k))
    best = min(found, key=lambda f: f[:3]) if found else None
    if best is not None and best[0] == 0:
        return best[3]  # a size's power with no number: n, 1/m
    # then one size over another (N/D where 12/D**2 fits too: N: 4 → 3, D: 3 → 4), then a
    # number times a power
    return _size_ratio(net, c, other, there) or (best[3] if best is not None else None)


def _plainness(coef: sp.Expr) -> int:
    """How plain a size's coefficient is: 1, then small fractions (2, 1/2), then the rest."""
    if coef == 1:
        return 0
    if coef.is_Rational:
        return 1 + abs(int(coef.p)) + int(coef.q)
    return 10**9


def _size_ratio(net: Net, c: float, other: float, there: dict[Any, float]) -> sp.Expr | None:
    """The factor ``c`` (``other`` at the sizes ``there``) as one size over another or over
    itself less one (``m/(m - 1)``: a mean over the rows but the first taken over all ``m``;
    ``n/m``), or None."""
    sizes = [(sym, float(net.g.scalar_values[sym]), there[sym])
             for name, sym in sorted(net.g.scalars.items()) if name in net.spec.dims and sym in there]  # fmt: skip
    forms: list[tuple[sp.Expr, float, float]] = []
    for sym, v, v2 in sizes:
        if v > 1 and v2 > 1:
            forms.append(((sym - 1) / sym, (v - 1) / v, (v2 - 1) / v2))
            forms.append((sym / (sym - 1), v / (v - 1), v2 / (v2 - 1)))
        for sym_b, w, w2 in sizes:
            if sym_b != sym:
                forms.append((sym / sym_b, v / w, v2 / w2))
    for form, here, there in forms:
        if math.isclose(c, here, rel_tol=CHECK_RATIO_RTOL) and math.isclose(
            other, there, rel_tol=CHECK_RATIO_RTOL
        ):
            return form
    return None


def term_factor(
    net: Net,
    target: Target,
    user: mf.MExpr,
    uvals: list[np.ndarray],
    truth: list[Any],
    at_sizes: bool = False,
    here: list[Any] | None = None,
    there: list[Any] | None = None,
    resized: list[Any] | None = None,
) -> Diagnosis | None:
    """One term of a sum off by a constant while the rest is right (the data term of a
    squared-hinge loss without its 1/n next to a right L2 penalty ``w``): ``scale-factor`` (or
    ``sign`` for −1) naming the term, the factor (a size where one explains it) and the formula
    with that term corrected — confirmed equal to the gradient at the diagnosis points and at
    other sizes before it is reported. ``at_sizes``: ``user`` is right at the example's sizes
    (the term's factor is 1 there; a size that is 1 here, read at other sizes). ``here`` /
    ``there``: the points of ``uvals`` and their twins at other sizes (default the diagnosis
    points and :attr:`Net.other_dims`; one-hot targets' points for a formula with the one-hot
    simplification), where the corrected formula must equal the gradient. ``resized``: the
    network at other sizes for ``there`` (default :attr:`Net.resized` where ``there`` is not
    given), measured in place of the size symbols' points wherever it evaluates."""
    if any(t is None for t in truth):
        return None
    at_other = there or [System(net.other_dims, k) for k in range(2)]
    at_here = here or [System(net.rand, k) for k in range(DIAG_POINTS)]
    for path, s, group in _linear_groups(user):
        rest = replace_at(user, path, mf.add(*(t for j, t in enumerate(s.terms) if j not in group)))
        if rest.shape != user.shape or not shape_ok(rest):
            continue
        rvals = [floats(evaluate(rest, p)) for p in at_here]
        if any(v is None for v in rvals):
            continue
        mine = [u - r for u, r in zip(uvals, rvals, strict=True)]  # type: ignore[operator]
        want = [t - r for t, r in zip(truth, rvals, strict=True)]  # type: ignore[operator]
        if any(np.allclose(w, 0, atol=TINY) for w in want):
            continue
        c = 1.0 if at_sizes else _ratio(mine, want)
        if c is None or abs(c) < TINY:
            continue
        pts = resized if there else net.resized
        real = _on_resized(net, target, [mf.sub(user, rest), rest], pts) if pts else None
        if real:  # the same network at other sizes (round 47: a size symbol on matrices that
            # keep their shapes is no network — PaLM's z-loss term read as C/10 × for 1/2 ×)
            (mine_r, rest_r), want_r, sizes = real[0]
            other_r = _ratio([mine_r], [want_r - rest_r])
            if other_r is None:  # no ratio there (the term is 0 at those points): as before
                real = None
            else:
                f = _size_power(net, c, other_r, sizes)
        if not real:
            mine2 = [floats(evaluate(mf.sub(user, rest), p)) for p in at_other]
            want2 = [floats(evaluate(mf.sub(target.ref, rest), p)) for p in at_other]
            ok = all(x is not None for x in mine2 + want2)
            f = _size_power(net, c, _ratio(mine2, want2) if ok else None)  # type: ignore[arg-type]
        if f is None or f == 0:
            continue
        names = tuple((x, x.name) for x in sorted(f.free_symbols, key=str))
        term = mf.add(*(s.terms[j] for j in group))
        right = mf.mul(mf.Scalar(1 / f, names), term)
        kept = [t for j, t in enumerate(s.terms) if j not in group]
        fixed = replace_at(user, path, mf.add(*kept[: group[0]], right, *kept[group[0] :]))
        if real:  # here and on the resized network (the size symbols' points are no network)
            right = _agrees_resized(net, target, fixed, pts) and (
                _equals_gradient(net, target, fixed, symbolic=False)
                if here is None
                else _equals_at(target, fixed, at_here)
            )
        elif here is None:
            right = _equals_gradient(net, target, fixed)
        else:
            right = _equals_at(target, fixed, [*at_here, *at_other])
        if not right:
            continue
        text = formula_text(term.x if isinstance(term, mf.Neg) else term)
        if f == -1:
            return Diagnosis.of("sign", msg("checkcodes.term_sign", term=text), formula_text(fixed))
        # a factor of no short fraction (a constant pasted wrong, 0.3999 for 0.39894…): 6 digits
        odd = f.is_Rational and f.q > 1000
        factor = factor_text(float(f)) if odd else str(f).replace("**", "^")
        m = msg("checkcodes.term_factor", term=text, factor=factor, fix=formula_text(fixed))
        return Diagnosis.of("scale-factor", m, formula_text(fixed), factor)
    return None


def _term_factor_text(
    net: Net, target: Target, user: mf.MExpr, part: mf.MExpr, k: float
) -> str:
    """The factor ``k`` a loss term ``part`` enters ``user`` with, by a size where one explains
    it at other sizes too (``1/n``), else as a number."""
    real = _on_resized(net, target, [user, part])
    if real:  # the same network at other sizes (round 47)
        (u1, p1), t1, sizes = real[0]
        f = _size_power(net, k, _ratio([u1 - (t1 - p1)], [p1]), sizes)
    else:
        at = [System(net.other_dims, j) for j in range(2)]
        u, t, p = ([floats(evaluate(e, w)) for w in at] for e in (user, target.ref, part))
        if any(x is None for x in u + t + p):
            return factor_text(k)
        k2 = _ratio([a - (b - c) for a, b, c in zip(u, t, p, strict=True)], p)  # type: ignore[operator]
        f = _size_power(net, k, k2)
    if f is None or not f.free_symbols:
        return factor_text(k)
    return str(f).replace("**", "^")


def _equals_at(target: Target, e: mf.MExpr, points: list[Any]) -> bool:
    """``e`` equals ∂L/∂target at each of ``points`` (float64)."""
    for at in points:
        v, t = floats(evaluate(e, at)), floats(evaluate(target.ref, at))
        if v is None or t is None or not close(v, t):
            return False
    return True


def _on_resized(
    net: Net, target: Target, exprs: list[mf.MExpr], points: list[Any] | None = None
) -> list[tuple[list[np.ndarray], np.ndarray, dict[Any, float]]] | None:
    """At each float64 point ``points`` of the same network at other sizes (default
    :attr:`Net.resized`): the
    values of ``exprs``, the gradient and the sizes there; None when there are none, the
    gradient there is known only to central differences' precision (a ratio would not be
    exact), or an expression does not evaluate there."""
    out = []
    for p in net.resized if points is None else points:
        want = p.float_env.get(net.spec.gkey(target.name))
        if want is None or target.name in p.loose:
            return None
        try:
            with np.errstate(all="ignore"):
                run = mf.Evaluator(System(None, 0, p)).run
                vals = [np.broadcast_to(np.asarray(run(e), dtype=float), want.shape) for e in exprs]
        except (KeyError, _Undefined, ZeroDivisionError, OverflowError, ValueError, TypeError):
            return None
        if not all(np.all(np.isfinite(v)) for v in vals):
            return None
        sizes = {net.g.scalars[n]: float(v) for n, v in p.sizes.items() if n in net.g.scalars}
        out.append((vals, np.asarray(want, dtype=float), sizes))
    return out or None


def _agrees_resized(net: Net, target: Target, e: mf.MExpr, points: list[Any] | None = None) -> bool:
    """``e`` is the gradient at every point ``points`` of the network at other sizes (default
    :attr:`Net.resized`)."""
    pts = net.resized if points is None else points
    real = _on_resized(net, target, [e], pts)
    return bool(real) and all(p.agrees(target.name, np.asarray(v[0])) for p, (v, _, _) in zip(pts, real, strict=True))


def _equals_gradient(net: Net, target: Target, e: mf.MExpr, symbolic: bool = True) -> bool:
    """``e`` equals ∂L/∂target at the diagnosis points and (``symbolic``) where the size and
    constant symbols take other values (float64)."""
    for where in (net.rand, net.other_dims) if symbolic else (net.rand,):
        for k in range(2):
            at = System(where, k)
            v, t = floats(evaluate(e, at)), floats(evaluate(target.ref, at))
            if v is None or t is None or not close(v, t):
                return False
    return True
