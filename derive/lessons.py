"""Teaching points of the source texts, found in what a derivation contains (never by network
name), each with its verified equations and numbers.

========================  =======================================================================
``factor-two``            the loss scales a library loss (``½·MSE``): PyTorch's bare
                          ``F.mse_loss`` gives 2× our gradient — compare like with like
``batch-mean``            sigmoid + mean BCE: where ``1/m`` lives (``m·δ_Z = Ŷ − Y`` per sample,
                          and the parameter gradients with ``1/m`` written out)
``weighted-bce``          the weighted BCE does not simplify to ``Ŷ − Y`` (numbers side by side)
``relu-zero``             ``ReLU'(0) = 0`` as in PyTorch (the NumPy text lets 0 through)
``transpose-order``       why ``Xᵀ·δ_Z`` and not another order: the shapes decide
``zero-init``             all-zero initialisation never breaks the symmetry (two weight layers)
``sgd``                   the gradient-descent update, as code
========================  =======================================================================

Equations made here are proved with the engine's :class:`~derive.steps.Checker` over the
derivation's definitions, exactly like the derivation's own steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy as sp

from derive import mform as mf
from derive.backprop import Derivation
from derive.codegen import DEFAULT_LR, scaled_loss, torch_code
from derive.example import fmt
from derive.printing import latex
from derive.steps import Checker, StepError, Term, prove
from derive.walkthrough import Eq, Math, Pieces, Values, grad_tex


@dataclass(frozen=True)
class Lesson:
    """``key`` selects the prose (locale ``lessons.<key>``); ``math`` fills its placeholders;
    ``eqs``, ``values`` and ``code`` are shown with it; ``proofs`` are linked."""

    key: str
    math: tuple[tuple[str, str], ...] = ()
    eqs: tuple[Eq, ...] = ()
    values: tuple[Values, ...] = ()
    code: tuple[str, ...] = ()
    proofs: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # further catalogue keys of the lesson, shown after it
    parts: tuple[tuple[str, tuple[Eq, ...]], ...] = ()  # (catalogue key, its equations), after


def _term(m: mf.MExpr) -> Term:
    return Term(m, m.tex(), m.text(), m.shape)


def _substitute(m: Any, name: str, by: mf.MExpr) -> Any:
    """``m`` with the gradient reference of ``name`` replaced by ``by``."""
    if isinstance(m, mf.Ref):
        return by if (m.name, m.kind) == (name, "grad") else m
    if not isinstance(m, mf.MExpr):
        return m
    changes = {}
    for key, value in vars(m).items():
        if isinstance(value, tuple):
            changes[key] = tuple(
                (v[0], _substitute(v[1], name, by))
                if isinstance(v, tuple)
                else _substitute(v, name, by)
                for v in value
            )
        else:
            changes[key] = _substitute(value, name, by)
    return type(m)(**changes)


def lessons(d: Derivation, pc: Pieces, report: Any) -> list[Lesson]:
    """The lessons that apply to ``d``, in reading order."""
    g, spec = d.graph, d.spec
    checker = Checker(defs=dict(d.defs))
    out: list[Lesson] = []
    found = scaled_loss(spec.forward[-1][1])
    if found is not None:
        scale, call = found
        p = g.tensors[next(iter(spec.params))]
        ratio = 1 / scale
        math = [
            ("scale", latex(sp.Rational(scale.numerator, scale.denominator))),
            ("ratio", latex(sp.Rational(ratio.numerator, ratio.denominator))),
            ("param", p.tex),
        ]
        after: tuple[str, ...] = ()
        if report is not None and report.loss_scale is not None:
            math.append(("measured", f"{report.loss_scale[1]:.6g}"))
            after = ("measured",)
        bare = Math(
            f"\\frac{{\\partial}}{{\\partial {p.tex}}} \\operatorname{{{mf.LOSS_TEX[call.func]}}}"
        )
        out.append(
            Lesson(
                "factor-two",
                tuple((k, Math(v)) for k, v in math),
                (),
                (
                    pc.values(grad_tex(d, p.name), p.grads),
                    pc.values(bare, p.grads * sp.Rational(ratio.numerator, ratio.denominator)),
                ),
                (f"{spec.loss} = {torch_code(spec.forward[-1][1])}", f"bare = {torch_code(call)}"),
                after=after,
            )
        )
    for v in d.backward:
        if v.rule not in ("sigmoid-bce", "weighted-bce"):
            continue
        z = g.tensors[v.name]
        a = g.tensors[g.consumers[v.name][0]]
        y = _target(d)
        m = mf.Scalar(g.count((z.shape[0],)).expr, g.scalar_names())
        eqs = []
        if v.rule == "sigmoid-bce":
            lhs = mf.mul(m, z.grad_ref(g.loss_tex))
            step = prove(
                checker,
                _term(lhs),
                _term(mf.sub(a.value_ref(g.loss_tex), y)),
                v.rule,
                "lesson.per-sample",
            )
            eqs.append(pc.eq(step, z.shape))
        for w in d.backward:
            if w.kind == "param" and any(c.source == v.name for c in w.contributions):
                rhs = _substitute(w.formula, v.name, v.formula)
                t = g.tensors[w.name]
                step = prove(
                    checker,
                    _term(t.grad_ref(g.loss_tex)),
                    _term(rhs),
                    w.rule,
                    "lesson.substitute",
                    via=v.name,
                )
                eqs.append(pc.eq(step, t.shape))
        math = (("m", Math(m.tex())), ("Z", Math(z.tex)), ("A", Math(a.tex)), ("Y", Math(y.tex())))
        out.append(Lesson("batch-mean", math, tuple(eqs)))
        if v.rule == "weighted-bce":
            out.append(
                Lesson(
                    "weighted-bce",
                    math,
                    (),
                    (
                        pc.values(f"{m.tex()} \\cdot {grad_tex(d, v.name)}", z.grads * m.expr),
                        pc.values(f"{a.tex} - {y.tex()}", a.symbols - _symbols(y)),
                    ),
                )
            )
    rules = {r for v in d.backward for c in v.contributions for r in c.rules}
    if "relu-derivative" in rules:
        out.append(Lesson("relu-zero"))
    weights = [v for v in d.backward if v.kind == "param" and v.rule == "linear-weight"]
    wide = [
        v
        for v in weights
        if min(int(x) for x in g.tensors[v.name].shape) > 1 or len(g.tensors[v.name].symbols) > 1
    ]
    if wide:
        v = wide[-1]
        c = v.contributions[0]
        out.append(
            Lesson(
                "transpose-order",
                (("W", Math(g.tensors[v.name].tex)),),
                (pc.eq(c.step, g.tensors[v.name].shape, "linear-weight"),),
                proofs=("linear-weight",),
            )
        )
    found_sym = symmetry(d, pc)
    if found_sym is not None:
        out.append(found_sym)
    elif len(weights) >= 2:
        out.append(Lesson("zero-init", proofs=("zero-init",)))
    lr = fmt(Fraction(repr(float(spec.train.get("lr", DEFAULT_LR))))).tex
    out.append(
        Lesson(
            "sgd", (("lr", Math(lr)),), code=tuple(f"{p} = {p} - lr * d{p}" for p in spec.params)
        )
    )
    return out


def _target(d: Derivation) -> Any:
    """The target ``Y`` of the loss call, in matrix form."""
    from derive.graph import forward_ir

    loss = d.graph.nodes[-1].tree
    return forward_ir(loss.args[1], d.graph)  # type: ignore[union-attr]


def _symbols(m: mf.MExpr) -> sp.MatrixBase:
    """The entry symbols of a tensor reference (the loss target ``Y``)."""
    assert isinstance(m, mf.Ref)
    return m.symbols


# ---- symmetric (zero) initialisation, on this network ------------------------------------------


def _column(entries: Any, col: int) -> Math:
    """LaTeX of column ``col`` of a grid of entry LaTeX: the entry, or a column vector."""
    cells = [row[col] for row in entries]
    if len(cells) == 1:
        return Math(cells[0])
    return Math("\\begin{bmatrix} " + " \\\\ ".join(cells) + " \\end{bmatrix}")


def _hidden_layer(d: Derivation) -> tuple[str, list[str], str, list[str]] | None:
    """``(W1, biases, W2, hidden nodes)``: the first weight matrix, the bias rows added in its
    node, the next weight matrix that reads the hidden units, and the node tensors in between
    (one column per hidden unit); ``None`` when the network has no hidden layer."""
    g, spec = d.graph, d.spec
    linear = {v.name for v in d.backward if v.kind == "param" and v.rule == "linear-weight"}
    w1 = next((p for p in spec.params if p in linear), None)
    if w1 is None:
        return None
    units = g.tensors[w1].shape[1]
    if units < 2:
        return None
    z1 = g.consumers[w1][0]
    below: set[str] = set()
    todo = [z1]
    while todo:  # every tensor computed from W1's node
        n = todo.pop()
        if n not in below:
            below.add(n)
            todo += list(g.consumers[n])
    for w2 in spec.params:
        if w2 == w1 or w2 not in linear or g.tensors[w2].shape[0] != units:
            continue
        z2 = g.consumers[w2][0]
        if z2 not in below:
            continue
        feeds = [n for n in below if z2 in g.consumers[n] and g.tensors[n].shape[1] == units]
        if not feeds:
            continue
        hidden: list[str] = []
        todo = list(feeds)
        while todo:  # the hidden tensors: from W1's node up to what W2 multiplies
            n = todo.pop()
            if n in hidden or n not in below or g.tensors[n].shape[1] != units:
                continue
            hidden.append(n)
            todo += [m for m in below if n in g.consumers[m]]
        order = [n.name for n in g.nodes]
        hidden.sort(key=order.index)
        biases = [
            p
            for p in spec.params
            if p not in (w1, w2) and g.tensors[p].shape == (1, units) and z1 in g.consumers[p]
        ]
        return w1, biases, w2, hidden
    return None


def symmetry(d: Derivation, pc: Pieces) -> Lesson | None:
    """Symmetric initialisation on this network: if every hidden unit starts with the same
    weights (all zero is the special case), every hidden unit computes the same value and gets
    the same gradient, so gradient descent never separates them. Each equation is proved with
    the engine's checker over the derivation's definitions, the parameters tied by the
    symmetric start (``W1[i, j] = u_i``, ``b1[j] = c``, ``W2[j, k] = v_k``) — on this network,
    for all inputs and all values of ``u``, ``c``, ``v``. Then, with every parameter 0, the
    gradients that vanish."""
    found = _hidden_layer(d)
    if found is None:
        return None
    w1n, biases, w2n, hidden = found
    g = d.graph
    w1, w2 = g.tensors[w1n], g.tensors[w2n]
    units = w1.shape[1]
    ties: dict[sp.Symbol, sp.Expr] = {}
    for i in range(w1.shape[0]):
        u = sp.Symbol(f"sym_u{i}")
        for j in range(units):
            ties[w1.symbols[i, j]] = u
    for b in biases:
        c = sp.Symbol(f"sym_c_{b}")
        for j in range(units):
            ties[g.tensors[b].symbols[0, j]] = c
    for k in range(w2.shape[1]):
        v = sp.Symbol(f"sym_v{k}")
        for j in range(units):
            ties[w2.symbols[j, k]] = v
    tied = Checker(defs={**d.defs, **ties}, seed=7)

    def same(grid: sp.MatrixBase, texs: Any, j: int, by_row: bool = False) -> Eq:
        if by_row:  # W2: row j against row 1
            lhs, rhs = grid[j, :], grid[0, :]
            lt = Math(" & ".join(texs[j]))
            rt = Math(" & ".join(texs[0]))
            if len(texs[0]) > 1:
                lt = Math(f"\\begin{{bmatrix}} {lt} \\end{{bmatrix}}")
                rt = Math(f"\\begin{{bmatrix}} {rt} \\end{{bmatrix}}")
        else:
            lhs, rhs = grid[:, j], grid[:, 0]
            lt, rt = _column(texs, j), _column(texs, 0)
        step = prove(
            tied,
            Term(sp.ImmutableMatrix(lhs), lt, lt, lhs.shape),
            Term(sp.ImmutableMatrix(rhs), rt, rt, rhs.shape),
            "symmetric-init",
            "lesson.symmetry",
        )
        return pc.eq(step, lhs.shape)

    def grad_texs(t: Any) -> tuple[tuple[str, ...], ...]:
        return tuple(
            tuple(g.symbol_tex[t.grads[r, c]] for c in range(t.shape[1])) for r in range(t.shape[0])
        )

    def setting(t: Any, by_row: bool) -> Eq:
        r, c = t.shape
        sym = sp.ImmutableMatrix(t.symbols)
        tex = [[ties[sym[i, j]] for j in range(c)] for i in range(r)]
        names = {
            **{sp.Symbol(f"sym_u{i}"): f"u_{{{i + 1}}}" for i in range(w1.shape[0])},
            **{sp.Symbol(f"sym_c_{b}"): "c" if len(biases) == 1 else f"c_{{{n + 1}}}"
               for n, b in enumerate(biases)},
            **{sp.Symbol(f"sym_v{k}"): "v" if w2.shape[1] == 1 else f"v_{{{k + 1}}}"
               for k in range(w2.shape[1])},
        }
        body = " \\\\ ".join(" & ".join(names[x] for x in row) for row in tex)
        rhs_tex = Math(f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}")
        step = prove(
            tied,
            Term(sym, t.tex, t.name, t.shape),
            Term(sp.ImmutableMatrix(tex), rhs_tex, rhs_tex, t.shape),
            "symmetric-init",
            "lesson.symmetry",
        )
        return pc.eq(step, t.shape)

    start = [setting(w1, False)]
    start += [setting(g.tensors[b], False) for b in biases]
    start.append(setting(w2, True))
    forward = [
        same(g.tensors[n].symbols, g.tensors[n].entry_texs, j) for n in hidden for j in range(1, units)
    ]
    backward = [same(w2.grads, grad_texs(w2), j, by_row=True) for j in range(1, units)]
    backward += [same(w1.grads, grad_texs(w1), j) for j in range(1, units)]
    for b in biases:
        t = g.tensors[b]
        backward += [same(t.grads, grad_texs(t), j) for j in range(1, units)]
    # every parameter 0: which gradients vanish (for every input)
    zeros = {s: sp.Integer(0) for p in d.spec.params for s in g.tensors[p].symbols}
    zero = Checker(defs={**d.defs, **zeros}, seed=11)
    vanish: list[Eq] = []
    moving: list[str] = []
    for p in d.spec.params:
        t = g.tensors[p]
        nought = sp.zeros(*t.shape)
        lhs_tex = grad_tex(d, p)
        try:
            step = prove(
                zero,
                Term(sp.ImmutableMatrix(t.grads), lhs_tex, p, t.shape),
                Term(sp.ImmutableMatrix(nought), Math("0"), "0", t.shape),
                "symmetric-init",
                "lesson.zero",
            )
        except StepError:  # a gradient that does not vanish is not shown as 0
            moving.append(t.tex)
            continue
        vanish.append(pc.eq(step, t.shape))
    math = (
        ("W1", Math(w1.tex)),
        ("W2", Math(w2.tex)),
        ("units", Math(str(units))),
    )
    parts = [("sym_start", tuple(start)), ("sym_forward", tuple(forward))]
    parts.append(("sym_backward", tuple(backward)))
    parts.append(("sym_step", ()))
    if vanish:
        parts.append(("sym_zero", tuple(vanish)))
        if moving:
            math += (("moving", Math(", ".join(moving))),)
            parts.append(("sym_zero_moving", ()))
        else:
            parts.append(("sym_zero_stuck", ()))
    parts.append(("sym_end", ()))
    return Lesson("symmetry", math, parts=tuple(parts))
