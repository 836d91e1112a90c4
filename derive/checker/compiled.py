"""The SymPy-free compiled form of a network for ``derive check``'s fast path
(:mod:`derive.checker.fastpath`): everything the verdict "correct" on a formula reads, as numbers.

A formula is correct when it equals ∂L/∂X at random exact points (50 digits), at the ReLU zero
point, on the network at other sizes (float64) or at points with other dims, and agrees in
float64 at the example values (:func:`derive.checker.check._check_formula`). Those tests read
only the values of the network's names (tensors, their gradients, entry labels, dims and
constants) at those points — so they are stored here: exact values as binary mpmath numbers
(``[mantissa, exponent]``, exactly the numbers the slow path computes), float64 values as
JSON floats, plus the name table, the targets' printed formulas and the few limits of the
reader. JSON only (never pickle): a bad file can at worst be refused; the cache keeps it
owner-only under a key of derive's source and the spec's text (:mod:`derive.cache`).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import mpmath
import numpy as np

from derive.checker import guards, latexin
from derive.checker.check import (
    _entry_labels,
    _entry_names,
    _tex_msg,
    _tex_of,
    binary_points,
    data_counts,
    onehot_points,
)
from derive.checker.checknet import DIAG_POINTS, POINTS, POINTS_PIECEWISE, Net, Target
from derive.checker.diagnose import averaged
from derive.checker.evaluate import ExactSystem, System, evaluate, floats
from derive.checker.fastpath import FORMAT
from derive.checker.fastvalue import MAX_SIM_DIGITS
from derive.checker.formtree import derivative_text, shape_ok
from derive.checker.formula import (
    _NUMPY_MODULES,
    _PLAIN_LEIBNIZ,
    _PRIME,
    MAX_COST,
    _latex_vectors,
    Convert,
    FormulaError,
    ShapeError,
    tensor_of,
)
from derive.checker.handcalc import root_sizes, simulate
from derive.checker.mutations import library
from derive.checker.repair import scalar_names
from derive.checker.verdict import Msg
from derive.engine import mform as mf
from derive.engine.backprop import sym_shape
from derive.engine.printing import latex as tex_of
from derive.engine.steps import DPS, ComplexArgument
from derive.engine.tolerance import (
    CHECK_FD_ATOL,
    CHECK_FD_RTOL,
    CHECK_FLOAT_ATOL,
    CHECK_FLOAT_RTOL,
    CHECK_RATIO_RTOL,
    CHECK_RTOL,
    ROUNDING_SLACK,
    TINY,
)
from derive.errors import DeriveError
from derive.lang import expr as ex
from derive.lang import ops
from derive.numeric.verify import exact_zeros, example_point, filled_targets, spelled_ties

MAX_VALUES = 60_000  # exact values stored at most (a larger network has no fast path)


def _mpf(v: Any) -> list[int] | None:
    if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
        return None
    sign, man, exp, _ = v._mpf_
    return [-int(man) if sign else int(man), int(exp)]


def _grid(rows: Any) -> list[list[Any]] | None:
    """Exact values → ``[[[man, exp], …], …]``, or None when one is not a finite number."""
    out = []
    for row in rows:
        r = [_mpf(v) for v in row]
        if any(v is None for v in r):
            return None
        out.append(r)
    return out


def _floats(a: Any) -> list[list[float]]:
    return np.atleast_2d(np.asarray(a, dtype=float)).tolist()  # type: ignore[no-any-return]


def _msg(m: Msg) -> dict[str, Any]:
    """A message as JSON (:func:`derive.checker.fastpath.render` prints it); ValueError when an
    argument is not a text, a whole number or a nested message."""
    args: list[list[Any]] = []
    for k, v in m.args:
        if isinstance(v, Msg):
            v = _msg(v)
        elif isinstance(v, bool) or not isinstance(v, str | int):
            raise ValueError(f"message argument {k}={v!r}")
        args.append([k, v])
    return {"key": m.key, "args": args}


def _float_grid(a: Any) -> list[list[float]] | None:
    f = floats(a)
    return None if f is None else f.tolist()  # type: ignore[no-any-return]


def _diagnosis(net: Net, t: Target) -> dict[str, Any] | None:
    """What :func:`derive.checker.diagnose.diagnose` reads besides the formula: the gradient's
    and its mutation library's float64 values at the diagnosis points and at other dims, the
    mutations' codes and messages; and for the notes of a wrong formula the exact values at the
    example and at the 0/1-label points. None when a message cannot be stored."""
    lib = []
    try:
        for m in library(t):
            dims = [_float_grid(evaluate_at(m.expr, net.other_dims, k)) for k in range(2)]
            lib.append(
                {
                    "code": m.code,
                    "msg": _msg(m.message),
                    "shape": list(m.expr.shape),
                    "values": [v.tolist() for v in m.values],
                    "dims": dims if shape_ok(m.expr) else None,
                }
            )
    except ValueError:
        return None
    binary = binary_points(net)
    return {
        "truth": [_float_grid(t.truth(k)) for k in range(DIAG_POINTS)],
        "dims": [_float_grid(t.truth(k, "dims")) for k in range(2)] if shape_ok(t.ref) else None,
        "library": lib,
        "example": _exact_grid(t.truth(0, "example")),
        "binary": None
        if binary is None
        else [_exact_grid(evaluate_at(t.ref, ck, 0)) for ck in binary],
        "onehot": onehot_points(net) is not None,  # a one-hot-only formula: the slow path says so
        "counts": bool(data_counts(net)),  # a count from the data left out: the slow path names it
    }


def _exact_grid(v: Any) -> list[Any] | None:
    return None if v is None else _grid(v)


def evaluate_at(e: mf.MExpr, checker: Any, k: int) -> Any:
    """``e``'s exact value at point ``k`` of ``checker`` (None where undefined)."""
    return evaluate(e, System(checker, k))


def _hand_values(net: Net, tensors: list[str]) -> dict[str, Any]:
    """For hand numbers (:mod:`derive.checker.fastvalue`): each gradient entry's exact value at
    the example values (as :func:`derive.checker.handcalc.check_value` computes it) with its
    15-digit text, None where it is undefined; the tensor's shape and entry labels. All None
    where the slow path refuses the example values for hand numbers (a tie whose spelling has
    another convention, a -inf fill PyTorch cannot compute: :func:`derive.checker.check.check`),
    so the fast path leaves them to it."""
    out: dict[str, Any] = {}
    try:
        point = example_point(net.g)
        spelled_ties(net.d, point, exact_zeros(net.d))
        filled_targets(net.d, point)
        refused = False
    except DeriveError:
        refused = True
    with mpmath.workdps(DPS):
        for name in tensors:
            t = net.g.tensors[name]
            r, c = (int(x) for x in t.shape)
            rows = []
            for i in range(r):
                row: list[Any] = []
                for j in range(c):
                    try:
                        v = None if refused else net.example._eval(t.grads[i, j], 0)  # type: ignore[index]
                    except (ZeroDivisionError, OverflowError, ValueError):
                        v = None
                    ok = isinstance(v, mpmath.mpf) and mpmath.isfinite(v)
                    row.append([_mpf(v), mpmath.nstr(v, 15)] if ok else None)
                rows.append(row)
            labels = net.spec.labels.get(name)
            out[name] = {
                "shape": [r, c],
                "labels": [list(map(str, lr)) for lr in labels] if labels else None,
                "exact": rows,
            }
    return out


def _strings(m: dict[str, Any], out: set[str]) -> None:
    """Every text argument of a stored message record (nested ones too)."""
    for _, v in m["args"]:
        if isinstance(v, dict):
            _strings(v, out)
        elif isinstance(v, str):
            out.add(v)


def _tex_args(net: Net, targets: dict[str, Any]) -> dict[str, str]:
    """The LaTeX form of every text a fast diagnosis may put into a message, as
    :func:`derive.checker.check._tex_msg` writes it with no fix to swap in (its own code, one
    text at a time): the library's message arguments, every gradient's name, ``∂L/∂X`` and
    expected formula, every size and the size factors the diagnosis names. For a wrong LaTeX
    formula (:func:`derive.checker.fastdiag.tex_msg`); a text not here goes to the slow path."""
    texts: set[str] = set()
    for name, t in targets.items():
        texts |= {name, f"∂L/∂{name}", t["expected"]}
        for m in (t["diag"] or {}).get("library", ()):
            _strings(m["msg"], texts)
    for size in net.spec.dims:
        texts |= {size, f"1/{size}", f"{size}**2", f"1/{size}**2"}
    out: dict[str, str] = {}
    for text in sorted(texts):
        if not re.search(r"[A-Za-z]", text):
            continue  # _tex_msg leaves it as it is
        try:
            v = _tex_msg(net, Msg("x", (("v", text),)), {}).args[0][1]
        except Exception:  # noqa: BLE001 - a text the slow path cannot print: not stored
            continue
        if isinstance(v, str):
            out[text] = v
    return out


def _derivatives() -> dict[str, str]:
    """Each activation's derivative in the input language (``x``: its argument, ``y``: its
    value), for ``sigmoid_prime(z)`` / ``relu_backward(dA, z)`` as the NumPy reader rewrites
    them (:func:`derive.checker.formula._derivative_ast`); one that cannot be written is left
    out (its helpers go to the slow path)."""
    out = {}
    for act in ops.activations():
        try:
            out[act] = derivative_text(act)
        except Exception:  # noqa: BLE001 - no fast path for this helper then
            continue
    return out


def _indicator() -> str | None:
    """``relu_grad`` when the table has it as the indicator 1[x > 0] (np.where's spelling)."""
    if "relu_grad" not in ops.OPS:
        return None
    op = ops.get("relu_grad")
    if op.kind != ops.ELEMENTWISE or op.params or op.formula_src != "({x} > 0)" or not op.kinks:
        return None
    return "relu_grad"


def _calls(net: Net, table: dict[str, int], leaves: list[dict[str, Any]]) -> dict[str, Any]:
    """``f(Z)`` in a formula, for an element-wise function ``f`` of the table with its default
    parameters and a node ``A = f(Z)`` of the network: ``{f: {"kinks": bool, "of": {Z's leaf:
    A's leaf}}}``. The slow path evaluates ``f`` at ``Z``'s values — the values the network
    gives ``A`` at every point (:func:`derive.checker.fastpath._Plan.convert` reads ``A``'s)."""
    out: dict[str, Any] = {}
    for name, tree in net.spec.forward:
        if not (
            isinstance(tree, ex.Call)
            and tree.func in ops.OPS
            and ops.get(tree.func).kind == ops.ELEMENTWISE
            and len(tree.args) == 1
            and not tree.kwargs
            and isinstance(tree.args[0], ex.Name)
        ):
            continue
        arg = tree.args[0].id
        if name not in table or arg not in table:
            continue
        try:  # read back as the call itself (no respelling by the language)
            if ex.parse(f"{tree.func}({arg})") != ex.Call(tree.func, (ex.Name(arg),)):
                continue
        except ex.ExprError:
            continue
        a, z = table[name], table[arg]
        if leaves[a]["kind"] != "value" or leaves[z]["kind"] != "value":
            continue
        f = out.setdefault(tree.func, {"kinks": bool(ops.get(tree.func).kinks), "of": {}})
        f["of"][str(z)] = a
    return out


def _latex_texts(net: Net, t: Target) -> dict[str, str]:
    """The expected and expanded formulas of a LaTeX answer (as derive.checker.check._in_latex
    writes them), for :func:`derive.checker.fastpath._latex_answer`."""
    expected = t.tex or _tex_of(net, t.expected) or t.expected
    expanded = _tex_of(net, t.expanded) if t.expanded else None
    return {"expected": expected, "expanded": expanded or expected}


MAX_ENTRIES = 256  # entries of one gradient whose texts are stored (element-wise formulas)


def _entry_texts(net: Net, tensor: str) -> list[list[dict[str, str]]] | None:
    """For an element-wise formula (:func:`derive.checker.fastpath._entry_answer`): each entry's
    shown name, expected formula over the entry names and its LaTeX, exactly as
    :func:`derive.checker.check._check_entry` prints them; None for a large tensor."""
    t = net.g.tensors[tensor]
    r, c = (int(x) for x in t.shape)
    if t.grads is None or r * c > MAX_ENTRIES:
        return None
    names, texs = _entry_names(net)
    out = []
    for i in range(r):
        row = []
        for j in range(c):
            sym = t.grads[i, j]
            definition = net.d.defs.get(sym, sym)
            label = str(names[sym.xreplace({})]) if sym in names else f"d{tensor}[{i},{j}]"
            shown = f"{tensor}[{i},{j}]" + (
                f" ({label[1:]})" if not label.startswith(f"d{tensor}[") else ""
            )
            row.append(
                {
                    "wrt": shown,
                    "expected": str(definition.xreplace(names)),
                    "tex": tex_of(definition, texs),
                }
            )
        out.append(row)
    return out


def _declared(net: Net, table: dict[str, int]) -> dict[str, list[Any]] | None:
    """Each name's shape with sizes as declared (``["m", "n_h"]``), as
    ``Convert.declared`` reads it: a LaTeX product is decided by these where they decide
    (:func:`derive.checker.fastpath._product`); None when one cannot be told."""
    shapes = net.spec.shapes
    out: dict[str, list[Any]] = {}
    for name in table:
        plain = name[1:] if name not in shapes and name[1:] in shapes else name  # as declared()
        try:
            dims = sym_shape(ex.Name(plain), net.g)
        except (IndexError, KeyError, TypeError):
            return None
        if not all(isinstance(d, str) or type(d) is int for d in dims):
            return None
        out[name] = list(dims)
    return out


def _size_names(net: Net) -> dict[str, list[str | int]]:
    """Each tensor's sizes as ``X.shape[k]`` reads them (derive.checker.formula._Numpy.dim):
    the size's name (``m``) or its number."""
    return {
        name: [getattr(d, "label", None) or int(d) for d in t.shape]
        for name, t in sorted(net.g.tensors.items())
    }


def _entry_label(net: Net) -> dict[str, str]:
    """``"X[0,1]"`` → the entry's name (``X12``), as the NumPy reader's ``X[0, 1]`` rewrite
    (:meth:`derive.checker.formula._Numpy.entry`) names it."""
    return {f"{name}[{i},{j}]": label for (name, i, j), label in _entry_labels(net).items()}


UP = ["up"]  # the upstream gradient in a Leibniz template (derive.checker.fastpath._Chains)


def _tree(node: ex.Node, up: str) -> list[Any]:
    """A formula tree as the fast path's JSON tree (``["bin", op, a, b]`` …), with the name
    ``up`` as :data:`UP`; ValueError for a node the fast path does not evaluate."""
    if isinstance(node, ex.Num):
        return ["num", str(node.value)]
    if isinstance(node, ex.Name):
        return UP if node.id == up else ["name", node.id]
    if isinstance(node, ex.BinOp) and node.op in ("+", "-", "*", "/", "@"):
        return ["bin", node.op, _tree(node.left, up), _tree(node.right, up)]
    if isinstance(node, ex.Neg):
        return ["neg", _tree(node.operand, up)]
    if isinstance(node, ex.Transpose):
        return ["T", _tree(node.operand, up)]
    if isinstance(node, ex.Pow):
        return ["pow", _tree(node.base, up), str(node.exponent)]
    if isinstance(node, ex.Compare):
        return ["cmp", node.op, _tree(node.left, up), _tree(node.right, up)]
    if isinstance(node, ex.Call) and node.func == "sum" and len(node.args) == 1:
        kwargs = [[k, _tree(v, up)] for k, v in node.kwargs]
        return ["sum", _tree(node.args[0], up), kwargs]
    if isinstance(node, ex.Call) and len(node.args) == 1 and not node.kwargs:
        return ["call", node.func, _tree(node.args[0], up)]
    raise ValueError(node)


def _leibniz(net: Net) -> dict[str, Any]:
    """The slow path's reading of each local derivative ∂A/∂B of the network
    (:meth:`derive.checker.formula.Convert.edge`) for the fast path's chain rule: ``{A: {"shape",
    "scalar", "edges": {B: {"alone": tree, "up": tree}}}}`` — the factor on its own and the
    upstream gradient ``up`` (a tree of A's shape, :data:`UP`) pulled back through A's forward
    definition to B. An edge the slow path refuses, or writes with a node the fast path cannot
    evaluate, is left out (the slow path answers)."""
    forward = dict(net.spec.forward)
    out: dict[str, Any] = {}
    for a, definition in net.spec.forward:
        if a not in net.g.tensors:
            continue
        shape = tuple(int(d) for d in net.g.tensors[a].shape)
        conv = Convert(net, "", True)
        conv._atoms = set()
        dims = conv.declared(ex.Name(a))
        entry: dict[str, Any] = {
            "shape": list(shape),
            "scalar": shape == (1, 1) and dims is not None and all(d == 1 for d in dims),
            "elementwise": conv.elementwise(ex.Call(latexin.LEIBNIZ, (ex.Name(a), ex.Name(a)))),
            "edges": {},
        }
        out[a] = entry
        up = "d" + a
        try:
            if up in ex.names(definition) or conv.shape_of(ex.Name(up)) != shape:
                continue
        except FormulaError:  # A without a gradient of its own name: the slow path
            continue
        for b in sorted(ex.names(forward[a])):
            if b not in net.g.tensors:
                continue
            try:
                alone = conv.pull(definition, b, ex.Num(1), a, b)
                pulled = conv.pull(definition, b, ex.Name(up), a, b)
                if alone is None or pulled is None:
                    continue
                entry["edges"][b] = {"alone": _tree(alone, up), "up": _tree(pulled, up)}
            except (FormulaError, ShapeError, ValueError, TypeError, AttributeError, KeyError):
                continue
    return out


def build(net: Net, key: str) -> bytes | None:
    """The compiled form of ``net`` (JSON bytes), or None when it has no fast path (a network
    with a numerical guard: its answers are also judged with the guard at its limit, which only
    the slow path does — derive.checker.guards)."""
    if guards.guard_free(net.spec) is not None:
        return None
    leaves: list[dict[str, Any]] = []
    leaf_of: dict[Any, int] = {}
    table: dict[str, int] = {}
    objs: list[Any] = []
    for name, leaf in net.names.items():
        if leaf is None:
            continue
        if isinstance(leaf, mf.Ref):
            k: Any = ("ref", leaf.name, leaf.kind, leaf.symbols)
            info = {"kind": leaf.kind, "shape": list(leaf.shape)}
            if leaf.kind == "grad":
                info["tensor"] = net.label_at.get(leaf.name, (leaf.name,))[0]
            if leaf.name in _latex_vectors(net):  # written maths' column (formula._columns_first)
                info["vector"] = True
        elif isinstance(leaf, mf.Scalar) and leaf.shape == (1, 1):
            k = ("scalar", leaf.expr)
            info = {"kind": "scalar", "shape": [1, 1]}
            info["symbols"] = sorted(str(s) for s in leaf.expr.free_symbols)
            if leaf.expr.is_Symbol:
                info["symbol"] = str(leaf.expr)
        else:  # a name the fast path cannot evaluate: it falls back when it meets it
            k = ("other", name)
            info = {"kind": "other", "shape": list(leaf.shape)}
        if k not in leaf_of:
            leaf_of[k] = len(leaves)
            leaves.append(info)
            objs.append(leaf)
        table[name] = leaf_of[k]
    size = sum(int(i["shape"][0]) * int(i["shape"][1]) for i in leaves)
    if size * (POINTS_PIECEWISE + 9) > MAX_VALUES:  # rand, zero, dead, 2 dims, example, 4 binary
        return None

    def exact(checker: Any, k: int) -> list[Any]:
        out: list[Any] = []
        system = ExactSystem(checker, k)
        with mpmath.workdps(DPS):
            for info, leaf in zip(leaves, objs, strict=True):
                try:
                    if info["kind"] in ("value", "grad"):
                        out.append(_grid(system.ref(leaf)))
                    elif info["kind"] == "scalar":
                        out.append(_grid([[checker._eval(leaf.expr, k)]]))
                    else:
                        out.append(None)
                except (ArithmeticError, ValueError, ComplexArgument):
                    out.append(None)  # undefined there, as derive.checker.evaluate reads it
        return out

    zero = net.zero
    dead = net.dead
    binary = binary_points(net)
    points: dict[str, Any] = {
        "rand": [exact(net.rand, k) for k in range(POINTS_PIECEWISE)],
        "zero": [exact(zero, 0)] if zero is not None else None,
        "dead": [exact(dead, 0)] if dead is not None else None,  # conv45: a dead pooling window
        "dims": [exact(net.other_dims, k) for k in range(2)],
        "example": [exact(net.example, 0)],
        "binary": None if binary is None else [exact(ck, 0) for ck in binary],
    }
    targets: dict[str, Any] = {}
    for tname in net.g.tensors:
        if tensor_of(net, tname) != tname or tname not in net.visits:
            continue
        t = net.target(tname)

        def truth(where: str, n: int, t: Any = t) -> list[Any]:
            out = []
            for k in range(n):
                v = t.truth(k, where)
                out.append(None if v is None else _grid(v))
            return out

        want = np.broadcast_to(np.asarray(net.float_env[net.spec.gkey(tname)], float), t.shape)
        targets[tname] = {
            "shape": list(t.shape),
            "expected": t.expected,
            "expanded": t.expanded,
            "tex": t.tex,
            "rand": truth("rand", POINTS_PIECEWISE),
            "zero": truth("zero", 1) if zero is not None else None,
            "smooth_zero": t.smooth_zero,  # set by truth("zero"): a differentiable kink
            "dead": truth("dead", 1) if net.through_dead(tname) else None,
            "clamp": t.clamp_differs(),  # relu-at-zero of PyTorch's clamp: the slow path's words
            "dims": truth("dims", 2),
            "example": _floats(want),
            "diag": _diagnosis(net, t),
            "entries": _entry_texts(net, tname),
            "latex": _latex_texts(net, t),
        }

    gk = net.spec.gkey

    def floats_at(point: Any) -> dict[str, Any]:
        """float64 leaves at a point (a missing one is a KeyError in the slow path)."""
        values: dict[str, Any] = {}
        scal = dict(point.float_scalars)
        for i, (info, leaf) in enumerate(zip(leaves, objs, strict=True)):
            try:
                if info["kind"] in ("value", "grad"):
                    values[str(i)] = _floats(point.float_leaf(leaf))
                elif info["kind"] == "scalar":
                    values[str(i)] = float(leaf.expr.xreplace(scal))
            except (KeyError, TypeError, ValueError, IndexError):
                continue
        grads = {
            n: _floats(point.float_env[gk(n)]) for n in targets if gk(n) in point.float_env
        }
        return {"leaves": values, "grads": grads, "loose": bool(getattr(point, "loose", False))}

    example = floats_at(net)
    resized = [floats_at(p) for p in net.resized]
    body = {
        "format": FORMAT,
        "key": key,
        "network": net.spec.name,
        "loss": net.spec.loss,
        "constants": sorted(net.spec.constants),
        "params": sorted(net.spec.params),
        "names": table,
        "leaves": leaves,
        "labels": sorted(net.label_at),
        "gradients": sorted(n for n in net.g.tensors if tensor_of(net, n) == n),
        "targets": targets,
        "label_at": {k: list(v) for k, v in sorted(net.label_at.items())},
        "declared": _declared(net, table),
        "tensors": {n: [int(x) for x in t.shape] for n, t in sorted(net.g.tensors.items())},
        "entry_label": _entry_label(net),
        "size_names": _size_names(net),
        "tex_args": _tex_args(net, targets),
        "calls": _calls(net, table, leaves),
        "leibniz": _leibniz(net),
        "scalar_names": sorted(scalar_names(net)),
        "values": _hand_values(net, sorted(n for n in net.g.tensors if tensor_of(net, n) == n)),
        "points": points,
        "example": example,
        "resized": resized,
        "sizes": [  # the named sizes (dims), their values and their values at other dims
            [
                name,
                float(net.g.scalar_values[sym]),
                float(net.other_dims.defs[sym]),
                str(sym),
                averaged(net, name),
            ]
            for name, sym in net.g.scalars.items()
            if name in net.spec.dims
        ],
        "limits": {
            "points": POINTS,
            "points_piecewise": POINTS_PIECEWISE,
            "diag_points": DIAG_POINTS,
            "max_cost": MAX_COST,
            "max_length": ex.MAX_LENGTH,
            "max_nodes": ex.MAX_NODES,
            "max_depth": ex.MAX_DEPTH,
            "max_exponent": ex.MAX_EXPONENT,
            "tolerance": {
                "check_rtol": _mpf(CHECK_RTOL),
                "rtol": CHECK_FLOAT_RTOL,
                "atol": CHECK_FLOAT_ATOL,
                "fd_rtol": CHECK_FD_RTOL,
                "fd_atol": CHECK_FD_ATOL,
                "tiny": TINY,
                "ratio_rtol": CHECK_RATIO_RTOL,
                "rounding_slack": ROUNDING_SLACK,
            },
            "leibniz": _PLAIN_LEIBNIZ.pattern,
            "ones": latexin.ONES,
            "sum": list(ops.signature("sum") or ()),
            "sum_kind": ops.get("sum").kind == ops.REDUCTION,
            "numpy_modules": list(_NUMPY_MODULES),
            "table_functions": sorted(  # LaTeX \mathrm{softmax}(Z): a function (fastlatex)
                f for f in ops.OPS if ops.get(f).kind in (ops.ELEMENTWISE, ops.ROWWISE)
            ),
            "numpy_sum": ops.numpy_name("sum"),
            "mean": ops.numpy_name("mean") == "mean" and ops.get("mean").kind == ops.REDUCTION,
            "indicator": _indicator(),
            "sqrt": "sqrt" in ops.OPS  # \sqrt{d} (fastpath: a square root of a positive number)
            and ops.get("sqrt").kind == ops.ELEMENTWISE
            and not ops.get("sqrt").params
            and not ops.get("sqrt").kinks,
            "derivatives": _derivatives(),
            "prime": _PRIME.pattern,
            "torch_keywords": any(  # does a function of the language take dim/keepdim?
                {"dim", "keepdim"} & set(sig[2])
                for f in ops.language()
                if (sig := ops.signature(f)) is not None
            ),
        },
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return (digest + "\n" + text).encode()


def value_record(net: Net, key: str, tensor: str, i: int, j: int) -> bytes | None:
    """What a hand number for entry ``tensor[i, j]`` needs beyond the compiled form
    (:func:`derive.checker.fastvalue.answer`, as :func:`derive.checker.handcalc.check_value`
    computes it): the simulated hand calculations at 2 … :data:`MAX_SIM_DIGITS` digits (with
    their texts at the digits they are printed with), the sizes, the gradient's other entries and
    the mutation library's values at the example values. JSON bytes, or None."""
    target = net.target(tensor)
    sym = net.g.tensors[tensor].grads[i, j]  # type: ignore[index]
    sims: dict[str, Any] = {}
    with mpmath.workdps(DPS):
        for k in range(2, MAX_SIM_DIGITS + 1):
            for textbook in (True, False):
                try:
                    hand = simulate(net, sym, k, textbook)
                except (ZeroDivisionError, OverflowError, ValueError):
                    sims[f"{k}-{int(textbook)}"] = None
                    continue
                if not (isinstance(hand, mpmath.mpf) and mpmath.isfinite(hand)):
                    return None
                texts = {str(n): mpmath.nstr(hand, n) for n in range(k + 2, MAX_SIM_DIGITS + 3)}
                sims[f"{k}-{int(textbook)}"] = {"v": _mpf(hand), "text": texts}
    full = _float_grid(target.truth(0, "example"))
    muts = []
    try:
        for mut in library(target):
            vals = floats(evaluate(mut.expr, System(net.example, 0)))
            ok = vals is not None and vals.shape == target.shape
            muts.append([mut.code, _msg(mut.message), float(vals[i, j]) if ok else None])  # type: ignore[index]
    except ValueError:
        return None
    body = {
        "format": FORMAT,
        "key": key,
        "entry": [tensor, i, j],
        "sims": sims,
        "dims": [
            [name, float(net.g.scalar_values[s])]
            for name, s in net.g.scalars.items()
            if name in net.spec.dims
        ],
        "roots": root_sizes(net),
        "full": full,
        "mutations": muts,
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (hashlib.sha256(text.encode()).hexdigest() + "\n" + text).encode()
