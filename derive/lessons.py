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

from derive import expr as ex
from derive import mform as mf
from derive.backprop import Derivation
from derive.codegen import DEFAULT_LR, scaled_loss, torch_code
from derive.example import fmt
from derive.printing import latex
from derive.steps import Checker, Term, prove
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
        if v.rule not in ("sigmoid-bce", "weighted-bce", "softmax-ce"):
            continue
        z = g.tensors[v.name]
        a = g.tensors[g.consumers[v.name][0]]
        y = _target(d)
        m = mf.Scalar(g.count((z.shape[0],)).expr, g.scalar_names())
        eqs = []
        if v.rule in ("sigmoid-bce", "softmax-ce"):
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
    shared = _shared_weight(d)
    if shared is not None:
        t = g.tensors[shared.name]
        vals = [pc.values(c.step.lhs.tex, c.elementwise) for c in reversed(shared.contributions)]
        vals.append(pc.values(grad_tex(d, shared.name), t.grads))
        out.append(
            Lesson(
                "bptt",
                (("W", Math(t.tex)), ("uses", Math(str(len(shared.contributions))))),
                (pc.eq(shared.total, t.shape),) if shared.total is not None else (),
                tuple(vals),
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
    if len(weights) >= 2:
        out.append(Lesson("zero-init", proofs=("zero-init",)))
    lr = fmt(Fraction(repr(float(spec.train.get("lr", DEFAULT_LR))))).tex
    out.append(
        Lesson(
            "sgd", (("lr", Math(lr)),), code=tuple(f"{p} = {p} - lr * d{p}" for p in spec.params)
        )
    )
    return out


def _shared_weight(d: Derivation) -> Any:
    """A parameter used by several assignments (a weight shared across the steps of an unrolled
    recurrent network): preferably one that meets its own earlier output (``h_1 @ W_h``), the
    recurrent weight; ``None`` when no parameter is shared."""
    g = d.graph
    shared = [v for v in d.backward if v.kind == "param" and len(v.contributions) > 1]
    if not shared:
        return None
    deps: dict[str, set[str]] = {}
    for name, tree in g.spec.forward:
        deps[name] = set()
        for n in ex.names(tree):
            deps[name] |= {n} | deps.get(n, set())

    trees = dict(g.spec.forward)

    def meets_own_output(tree: ex.Node, p: str) -> bool:  # p @ (…) with (…) depending on p
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.BinOp) and n.op == "@" and ex.Name(p) in (n.left, n.right):
                other = n.right if n.left == ex.Name(p) else n.left
                if any(p in deps.get(x, set()) for x in ex.names(other)):
                    return True
            stack.extend(ex.children(n))
        return False

    def recurrent(v: Any) -> bool:
        return any(meets_own_output(trees[c.source], v.name) for c in v.contributions)

    return next((v for v in shared if recurrent(v)), shared[0])


def _target(d: Derivation) -> Any:
    """The target ``Y`` of the loss call, in matrix form."""
    from derive.graph import forward_ir

    loss = d.graph.nodes[-1].tree
    return forward_ir(loss.args[1], d.graph)  # type: ignore[union-attr]


def _symbols(m: mf.MExpr) -> sp.MatrixBase:
    """The entry symbols of a tensor reference (the loss target ``Y``)."""
    assert isinstance(m, mf.Ref)
    return m.symbols
