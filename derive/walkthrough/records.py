"""The records a walkthrough is made of (``Math``, ``Eq``, ``Calc``, ``Values``, the forward,
backward and proof items, ``Walkthrough`` itself) and the small LaTeX helpers they share.

Plain frozen data: everything is already printed by the engine's printers or
:class:`~derive.numeric.example.Example`; templates only lay it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import BackwardVisit, Contribution, Derivation
from derive.engine.printing import display_width, latex, name_tex
from derive.engine.steps import Step
from derive.lang import expr as ex
from derive.lang.spec import SizeExpr, relation_value
from derive.numeric.example import Example, fmt
from derive.numeric.verify import targets
from derive.walkthrough.codegen import Code, grad_line
from derive.walkthrough.diagram import Diagram
from derive.walkthrough import named as naming
from derive.walkthrough.lazy import Lazy

MAX_MATRIX = 6  # rows/cols of a value matrix shown in full; larger ones are cut with dots

# a general proof's reason values that are math ("(D×N)(N×M)", "σ(z)·(1 − σ(z))", "1[z > 0]"),
# plain text for `derive prove` in a terminal: typeset as math in the documents
_PROOF_MATH_KEYS = frozenset(
    {"product", "result", "derivative", "u", "du", "num", "den", "var", "factor", "via", "f"}
    | {"param", "index"}
)
_PLAIN_TEX = (
    (re.compile(r"exp\(([^()]*)\)"), r"e^{\1}"),
    (re.compile(r"×"), r" \\times "),
    (re.compile(r"·"), r"\\thinspace "),
    (re.compile(r"−"), "-"),
    (re.compile(r"²"), "^{2}"),
    (re.compile(r"σ"), r"\\sigma"),
    (re.compile(r"\btanh\b"), r"\\tanh"),
    (re.compile(r"\b(ReLU|clamp)\b"), r"\\operatorname{\1}"),
    (re.compile(r"\b1\["), r"\\mathbf{1}["),
    (re.compile(r"Ŷ"), r"\\hat{Y}"),
    (re.compile(r"x̂"), r"\\hat{x}"),
)


def proof_math(key: str, value: Any) -> Any:
    """A general proof's reason value as shown: the math ones (:data:`_PROOF_MATH_KEYS`) as
    ``Math`` written from their plain-text form, the others (proof names, counts) unchanged."""
    if key not in _PROOF_MATH_KEYS or not isinstance(value, str):
        return value
    tex = value
    for pattern, repl in _PLAIN_TEX:
        tex = pattern.sub(repl, tex)
    return Math(" ".join(tex.split()))


def compared(g: Any) -> set[str]:
    """Inputs the loss line compares with a computed tensor by a difference — the target of a
    loss spelled out (tiny-mlp's ``0.5 * (y_pred - y_target) ** 2``, an ``abs(y - p)``), as
    much a target as a loss call's second argument (:func:`targets`). An input that only
    weights or masks the loss is not compared, so it stays an input."""
    kinds = {n: t.kind for n, t in g.tensors.items()}
    found: set[str] = set()
    stack = [tree for name, tree in g.spec.forward if name == g.spec.loss]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.BinOp) and n.op == "-":
            sides = (n.left, n.right)
            named = [s.id for s in sides if isinstance(s, ex.Name)]
            if len(named) == 2 and {kinds.get(named[0]), kinds.get(named[1])} == {"input", "node"}:
                found.update(x for x in named if kinds[x] == "input")
        stack.extend(ex.children(n))
    return found


class Math(str):
    """LaTeX math made by our printers (never user text): the only text a template may emit
    unescaped, and only as math."""


@dataclass(frozen=True)
class Eq:
    """A verified step as shown: ``lhs = rhs``, its one-sentence reason (locale key + values),
    the shapes of the tensors in it, and the general proof that justifies it (or "")."""

    lhs: Math
    rhs: Math
    reason: str
    args: tuple[tuple[str, str], ...]  # placeholder → Math (a tensor) or plain text
    shapes: Math  # "" for scalar equations
    proof: str = ""
    shape_rows: tuple[tuple[Math, Math], ...] = ()  # the shapes as a small table: names, shape
    hint: Math = Math("")  # an exercise's shape hint: the operands' shapes, not their arrangement
    # the pieces a long rhs repeats, named once (walkthrough.named): (letter, its LaTeX); the
    # rhs above is written with the letters
    named: tuple[tuple[Math, Math], ...] = ()



@dataclass(frozen=True)
class Calc:
    """A hand calculation ``lhs = formula = numbers = … = value``: ``chain`` holds
    ``(relation, LaTeX)`` pairs after ``lhs``."""

    lhs: Math
    chain: tuple[tuple[Math, Math], ...]
    # "" a full working; "numbers" or "formula": too long to follow, cut to the formula and its
    # value, or to the value alone (Working.cut): the handout says so under it
    cut: str = ""
    # the formula written with an index over the batch's rows (Working.index_tex), or ""
    index: Math = Math("")


class Calcs(Lazy):
    """The hand calculations of a tensor's entries (:class:`Calc`), each worked out when it is
    first read: a handout works out a few entries by hand (``environment._few``), and printing
    the working of every entry of a deep network was most of its build (bench/RESULTS.md, gaps10
    item 3)."""


@dataclass(frozen=True)
class Values:
    """``lhs rel value``: a tensor's numbers at the example (``rel`` is ``=`` or ``\\approx``)."""

    lhs: Math
    rel: Math
    value: Math


@dataclass(frozen=True)
class TensorRow:
    name: str
    tex: Math
    kind: str  # input | param | node | loss
    shape: Math  # "m \times n_{\text{in}}"
    size: Math  # "2 \times 2"
    value: Values | None  # example values of inputs and parameters
    entries: Math = Math("")  # the entries by symbol (x_1, w_{11} …), "" for a scalar or a big one


@dataclass(frozen=True)
class ForwardItem:
    name: str
    tex: Math
    eq: Eq  # V = matrix form
    calcs: Sequence[Calc]  # each entry by hand (small tensors): Calcs, worked out when read
    value: Values
    code: str  # "Z1 = X @ W1 + b1"
    detached: bool = False  # a stop-gradient (NetSpec.detached): a constant in the backward pass
    like: Any = None  # the step(s) before have exactly its form (derive.walkthrough.layers.Like)
    # a recurrence's step as the one shown first with t as the index (BackwardItem.at_step)
    at_step: Any = None
    every: Any = None


@dataclass(frozen=True)
class PathItem:
    """What the tensor receives through the node ``source`` (one path of the chain rule)."""

    source: str
    source_tex: Math
    upstream: Values | None  # None when the source is the loss (∂L/∂L = 1)
    local: Eq | None  # the general rule giving the local derivative (a proof's statement)
    eq: Eq
    # the general proofs cited beside the step's own (``eq.proof``): an activation's path cites
    # the element-wise rule δ_Z = δ_A ⊙ f′(Z) before the proof of f′
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class BackwardItem:
    name: str
    kind: str
    tex: Math  # ∂L/∂W or δ_Z
    paths: tuple[PathItem, ...]
    total: Eq | None  # sum over paths
    simplified: tuple[Eq, ...]
    calcs: Sequence[Calc]  # every entry by hand (small tensors): Calcs, worked out when read
    value: Values
    code: str  # "dW1 = X.T @ dZ1"
    proofs: tuple[str, ...]
    closed: Eq | None = None  # a parameter's gradient in forward values only
    words: tuple[Any, ...] = ()  # the "in words" paragraph (derive.walkthrough.intuition.Words)
    short: Calc | None = None  # the first entry by the simplified formula (δ_Z = (P − Y)/m)
    # the proof of the simplification (sigmoid + BCE, softmax + CE, batch norm's compact
    # form) when no path cites it: cited after the simplified lines
    rule_proof: str = ""
    deep: bool = False  # the closed form carries another parameter (weights on the way back)
    # the stop-gradient nodes that read this tensor (NetSpec.detached): no path through them
    stopped: Math | None = None
    # the closed form is left out: in forward values only it is too long to read
    # (context.MAX_CLOSED_TEX); the handout says so where it would be
    closed_long: bool = False
    # the closed form is left out below ``full`` detail only (context.STANDARD_CLOSED_TEX): the
    # handout says so, and that ``--detail full`` writes it
    closed_cut: bool = False
    # the run of steps above has exactly this step's form (derive.walkthrough.layers.Like): a
    # standard handout writes it compactly, naming the run it repeats
    like: Any = None
    # the closed form is the one of the weight above (its gradient as shown) with the values it
    # multiplies replaced by 𝟙 (the substitution as shown): a standard handout names it
    # (derive.walkthrough.layers.ones_closed)
    closed_ones: tuple[Math, Math] | None = None
    # an unrolled recurrence's step written as an earlier step with t as the index, proven
    # (derive.walkthrough.recur.AtStep); ``every``: on that earlier step, its formula with t and
    # the steps that are it at other t, as ((position, t), …)
    at_step: Any = None
    every: Any = None  # derive.walkthrough.recur.Every


@dataclass(frozen=True)
class ProofItem:
    name: str
    title: Mapping[str, str]
    statement: Eq
    steps: tuple[Eq, ...]
    assumptions: tuple[str, ...]  # catalogue keys (proof_notes)
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Cited:
    """A general proof a handout relies on, cited by name (its text lives in the proofs
    document at ``standard``/``brief`` detail)."""

    name: str
    title: Mapping[str, str]


DETAILS = ("brief", "standard", "full")


@dataclass(frozen=True)
class Walkthrough:
    name: str
    title: Mapping[str, str]  # user text: escaped by the renderer
    description: Mapping[str, str]
    loss: str
    loss_tex: Math
    tensors: tuple[TensorRow, ...]
    equations: tuple[tuple[Math, Math], ...]  # the forward pass at a glance
    diagram: Diagram
    forward: tuple[ForwardItem, ...]
    backward: tuple[BackwardItem, ...]
    proofs: tuple[ProofItem, ...]
    lessons: tuple[Any, ...]  # derive.walkthrough.lessons.Lesson
    verification: Any  # derive.walkthrough.evidence.Verification
    code: Code
    training: Any  # derive.walkthrough.evidence.Training | None
    steps_verified: int
    rounded: bool  # some numbers are shown rounded (≈)
    detail: str = "full"  # brief | standard | full (DETAILS)
    cited: tuple[Cited, ...] = ()  # the general proofs this handout uses, in order of use
    # conv44: "conv", "pool", "both" or "": a convolution's/pooling's rules are used, which no
    # general proof covers (verified for this network's sizes only: section 4 says so)
    unproven: str = ""
    generated: Math = Math("")  # "x, y": tensors whose example values were made up
    unmasked: tuple[tuple[Math, Math], ...] = ()  # ReLU (output, input) that masks nothing here
    scientific: bool = False  # some number is shown as a × 10^k (7 significant digits)
    loss_formula: Eq | None = None  # the library loss written out (Σ over the entries)
    layered: bool = False  # linear layers and activations only (lessons.layered)
    views: bool = False  # tensors numbered side by side, x1, x2 (graph.parallel_views): branches
    ones: str = ""  # where 𝟙 (a column of ones) is first shown: "forward", "backward" or ""
    constants: Math = Math("")  # "\\varepsilon = 0.00001": the spec's [constants], or ""
    route: Math = Math("")  # "y, h, z": the computed tensors in the order backprop reaches them
    shares: tuple[tuple[Math, Math], ...] = ()  # (parameter, the node(s) it enters), same order

    @property
    def sized(self) -> bool:
        """Whether the tensor table needs its "Size here" column: some shape is written with a
        [dims] name. A spec of numbers only would print the same sizes twice, column by column."""
        return any(t.shape != t.size for t in self.tensors)


# ---- shapes -------------------------------------------------------------------------------------


def dim_tex(d: object) -> str:
    """A size as LaTeX: its [dims] name when it has one (``n_{\\text{in}}``), its arithmetic
    on [dims] names (``d + h``), else the number."""
    if isinstance(d, SizeExpr):
        tex = re.sub(r"[A-Za-z_]\w*", lambda m: name_tex(m.group()), d.text).replace("*", " ")
        return f"({tex})" if re.search(r"[+-]", d.text) else tex  # (d + h) × h
    label = getattr(d, "label", None)
    return name_tex(label) if label else str(int(d))  # type: ignore[call-overload]


def shape_tex(shape: tuple) -> Math:
    return Math(f"{dim_tex(shape[0])} \\times {dim_tex(shape[1])}")


def size_tex(shape: tuple) -> Math:
    return Math(f"{int(shape[0])} \\times {int(shape[1])}")


def walk(m: object, visit: Callable[[object], None]) -> None:
    """Call ``visit`` on every node of a matrix-form expression."""
    visit(m)
    if not is_dataclass(m):
        return
    for f in fields(m):
        value = getattr(m, f.name)
        for item in value if isinstance(value, tuple) else (value,):
            item = item[1] if isinstance(item, tuple) and len(item) == 2 else item
            if isinstance(item, mf.MExpr):
                walk(item, visit)


def shape_rows(lhs: tuple[str, tuple] | None, rhs: object) -> tuple[tuple[Math, Math], ...]:
    """:func:`shapes_line` as rows of a small table: ``(δ_Z, A, Y; m × 1)``, …, and for a
    product ``(X^⊤ δ_Z; (n × m)(m × 1) → n × 1)``; () when everything is a scalar."""
    refs: list[mf.Ref] = []
    walk(rhs, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)  # type: ignore
    items = ([lhs] if lhs else []) + [(r.tex(), r.shape) for r in refs]
    if all(tuple(int(x) for x in s) == (1, 1) for _, s in items):
        return ()
    groups: dict[str, list[str]] = {}
    for tex, shape in items:
        names = groups.setdefault(shape_tex(shape), [])
        if tex not in names:
            names.append(tex)
    rows = [(Math(", ".join(names)), Math(shape)) for shape, names in groups.items()]
    if isinstance(rhs, mf.MatMul):
        product = rhs.tex()
        rows.append(
            (
                Math(product if display_width(product) <= 24 else ""),
                Math(
                    f"\\left({shape_tex(rhs.a.shape)}\\right)\\left({shape_tex(rhs.b.shape)}"
                    f"\\right) \\to {shape_tex(rhs.shape)}"
                ),
            )
        )
    return tuple(rows)


def shapes_line(lhs: tuple[str, tuple] | None, rhs: object) -> Math:
    """``δ_Z, A, Y: m × 1 \\quad W: n × 1``, plus ``(a×b)(b×c) → a×c`` for a product; ""
    when everything is a scalar."""
    refs: list[mf.Ref] = []
    walk(rhs, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)  # type: ignore
    items = ([lhs] if lhs else []) + [(r.tex(), r.shape) for r in refs]
    if all(tuple(int(x) for x in s) == (1, 1) for _, s in items):
        return Math("")
    groups: dict[str, list[str]] = {}
    for tex, shape in items:
        names = groups.setdefault(shape_tex(shape), [])
        if tex not in names:
            names.append(tex)
    parts = [f"{', '.join(names)}: {shape}" for shape, names in groups.items()]
    if isinstance(rhs, mf.MatMul):
        parts.append(
            f"\\left({shape_tex(rhs.a.shape)}\\right)\\left({shape_tex(rhs.b.shape)}"
            f"\\right) \\to {shape_tex(rhs.shape)}"
        )
    return Math(" \\quad ".join(parts))


def _is_gradient(tex: str) -> bool:
    return tex.startswith(("\\delta", "\\frac{\\partial"))


def operand_shapes(lhs: tuple[str, tuple] | None, rhs: object) -> Math:
    """An exercise's shape hint: the result's shape, then the shapes of the tensors the formula
    uses — gradients first, then the forward values by name — so that the hint names what to
    combine without giving away the order of the factors or where a transpose goes (no
    ``(a×b)(b×c) → a×c``); "" when everything is a scalar."""
    refs: list[mf.Ref] = []
    walk(rhs, lambda n: refs.append(n) if isinstance(n, mf.Ref) else None)  # type: ignore
    by_name = {r.tex(): r.shape for r in refs}
    operands = sorted(by_name.items(), key=lambda t: (not _is_gradient(t[0]), t[0]))
    items = ([lhs] if lhs else []) + operands
    if all(tuple(int(x) for x in s) == (1, 1) for _, s in items):
        return Math("")
    groups: dict[str, list[str]] = {}
    for tex, shape in items:
        names = groups.setdefault(shape_tex(shape), [])
        if tex not in names:
            names.append(tex)
    return Math(" \\quad ".join(f"{', '.join(names)}: {shape}" for shape, names in groups.items()))


def constants_tex(d: Derivation) -> Math:
    """The spec's ``[constants]`` as ``ε = 0.00001, …`` (the formulas use them: a handout or an
    exercise sheet defines each with the example values), or ``""``."""
    g = d.graph
    written = dict(d.spec.relations)  # round 46: confidence = 1 − smoothing = 0.9

    def one(name: str, value: Any) -> str:
        head = g.symbol_tex[g.scalars[name]]
        if name in written:
            return f"{head} = {relation_tex(d, written[name])} = {fmt(value).tex}"
        return f"{head} = {fmt(value).tex}"

    return Math(", ".join(one(name, value) for name, value in d.spec.constants.items()))


def relation_tex(d: Derivation, text: str) -> str:
    """A constant's relation (``"1 - smoothing"``, :attr:`NetSpec.relations`) in LaTeX with
    the network's own symbols: the reader's own evaluation of it (:func:`relation_value`, no
    parsing of user text by SymPy) at the network's scalar symbols."""
    g = d.graph
    return latex(sp.sympify(relation_value(text, g.scalars)), g.symbol_tex)


def grad_tex(d: Derivation, name: str) -> Math:
    """``\\frac{∂L}{∂W}`` for a parameter, ``δ_{Z}`` for a node (the engine's notation)."""
    g = d.graph
    t = g.tensors[name]
    if t.kind == "param":
        return Math(f"\\frac{{\\partial {g.loss_tex}}}{{\\partial {t.tex}}}")
    return Math(f"\\delta_{{{t.tex}}}")


# ---- pieces -------------------------------------------------------------------------------------


# the fused simplifications a course computes entry by entry in their short form (p − y)/m;
# the weighted BCE and the batch-norm formula are shown in matrix form only
SHORT_RULES = ("sigmoid-bce", "softmax-ce")


class _Symbolic(mf.MpmathSystem):
    """The matrix-form evaluator's arithmetic on SymPy entries (for :meth:`Pieces.short`):
    sums, products, powers and reductions; functions, losses and comparisons are refused."""

    def __init__(self) -> None:
        super().__init__(lambda e: e)

    @staticmethod
    def _grid(t: Any, shape: tuple[int, int]) -> Any:
        return [
            [t[i if len(t) > 1 else 0][j if len(t[0]) > 1 else 0] for j in range(shape[1])]
            for i in range(shape[0])
        ]

    def ones(self, shape: tuple[int, int]) -> Any:
        return [[sp.Integer(1)] * shape[1] for _ in range(shape[0])]

    def matmul(self, a: Any, b: Any) -> Any:
        cols = list(zip(*b, strict=True))
        return [[sp.Add(*(x * y for x, y in zip(r, c, strict=True))) for c in cols] for r in a]

    def add(self, terms: list[Any], shape: tuple[int, int]) -> Any:
        grids = [self._grid(t, shape) for t in terms]
        return [[sp.Add(*(g[i][j] for g in grids)) for j in range(shape[1])] for i in range(shape[0])]

    def binary(self, op: Any, a: Any, b: Any, shape: tuple[int, int]) -> Any:
        A, B = self._grid(a, shape), self._grid(b, shape)
        return [[op(x, y) for x, y in zip(ra, rb, strict=True)] for ra, rb in zip(A, B, strict=True)]

    def power(self, x: Any, n: Any) -> Any:
        return [[v**n for v in row] for row in x]

    def sum_rows(self, x: Any) -> Any:
        return [[sp.Add(*col) for col in zip(*x, strict=True)]]

    def sum_cols(self, x: Any) -> Any:
        return [[sp.Add(*row)] for row in x]

    def sum_all(self, x: Any) -> Any:
        return [[sp.Add(*(v for row in x for v in row))]]

    def _refuse(self, *args: Any) -> Any:
        raise NotImplementedError("not read entry by entry here")

    func = rowwise = reduce = loss = compare = concat = slice = _refuse


class Pieces:
    """Turns steps, entries and tensors of one derivation into context records."""

    def __init__(self, d: Derivation, ex: Example, proofs: Mapping[str, Any]) -> None:
        self.d, self.ex, self.g, self.proofs = d, ex, d.graph, proofs

    def eq(
        self, step: Step, lhs_shape: tuple | None = None, proof: str = "", tensors: bool = True
    ) -> Eq:
        """``step`` as shown; with ``tensors``, reason values naming a tensor of this network
        become its LaTeX (a proof's values are its own symbols, kept as text)."""
        shape = lhs_shape if lhs_shape is not None else step.lhs.shape
        lhs = (step.lhs.tex, shape) if shape is not None else None
        rhs = step.rhs.value
        shapes = shapes_line(lhs, rhs) if isinstance(rhs, mf.MExpr) else Math("")
        table = shape_rows(lhs, rhs) if isinstance(rhs, mf.MExpr) else ()
        hint = operand_shapes(lhs, rhs) if isinstance(rhs, mf.MExpr) else Math("")
        if not proof and step.rule in self.proofs:
            proof = step.rule
        args = []
        for key, value in step.args:
            t = self.g.tensors.get(value) if tensors else None
            shown = value if tensors else proof_math(key, value)
            args.append((key, Math(t.tex) if t is not None else shown))
        rhs_tex, defs = step.rhs.tex, ()
        if tensors and isinstance(rhs, mf.MExpr) and len(rhs_tex) > naming.LONG:
            short, pieces = naming.named(rhs)
            if pieces:  # display only: the letters stand for the very sub-trees of the proven rhs
                rhs_tex = short.tex()
                defs = tuple((Math(n.tex()), Math(m.tex())) for n, m in pieces)
        return Eq(
            Math(step.lhs.tex),
            Math(rhs_tex),
            step.reason,
            tuple(args),
            shapes,
            proof,
            table,
            hint,
            defs,
        )

    def calc(self, step: Step) -> Calc:
        w = self.ex.working(step.lhs.value, step.rhs.value)
        # long terms are broken into rows by the renderer for its page or screen (``fit``)
        chain = tuple((Math(r), Math(t)) for r, t in w.chain())
        return Calc(Math(w.lhs_tex), chain, w.cut, Math(w.index_tex))

    def values(self, lhs: str, symbols: sp.MatrixBase) -> Values:
        """The numbers of ``symbols``; matrices beyond :data:`MAX_MATRIX` are cut with dots."""
        r, c = symbols.shape
        rr, cc = (r, c) if max(r, c) <= MAX_MATRIX else (min(r, 4), min(c, 4))
        nums = self.ex.matrix(symbols[:rr, :cc])
        exact = all(n.exact for row in nums for n in row)
        rel = Math("=" if exact else "\\approx")
        if (r, c) == (1, 1):
            return Values(Math(lhs), rel, Math(nums[0][0].tex))
        rows = [[n.tex for n in row] + (["\\cdots"] if cc < c else []) for row in nums]
        if rr < r:
            rows.append(["\\vdots"] * cc + (["\\ddots"] if cc < c else []))
        body = " \\\\ ".join(" & ".join(row) for row in rows)
        return Values(Math(lhs), rel, Math(f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}"))

    def proof_of(self, rules: tuple[str, ...]) -> str:
        """The most specific rule on a path that has a general proof. The proof of an
        element-wise activation ``A = f(Z)`` justifies a path that is one (its first rule),
        not a √ inside another node's formula: batchnorm's ∂L/∂var (quotient, sum over the
        batch, √) cites the sum over the batch, not "Element-wise activation"."""
        return next(
            (
                r
                for r in reversed(rules)
                if r in self.proofs and (r != "elementwise" or rules[0] == "elementwise")
            ),
            "",
        )

    def tensor(self, name: str) -> TensorRow:
        t = self.g.tensors[name]
        kind = "loss" if name == self.g.spec.loss else t.kind
        only_loss = tuple(self.g.consumers[name]) == (self.g.spec.loss,)
        if kind == "input" and only_loss and name in targets(self.g) | compared(self.g):
            kind = "target"  # an input only the loss reads: the labels, not data fed forward
        if kind in ("input", "target") and name in self.g.spec.distributions:
            kind = "distribution"  # declared kind = "distribution": its rows sum to 1
        value = self.values(t.tex, t.symbols) if t.kind in ("input", "param") else None
        entries = Math("")
        if value is not None and t.shape != (1, 1) and max(t.shape) <= MAX_MATRIX:
            body = " \\\\ ".join(" & ".join(row) for row in t.entry_texs)
            entries = Math(f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}")
        return TensorRow(
            name, Math(t.tex), kind, shape_tex(t.shape), size_tex(t.shape), value, entries
        )

    def forward(self, visit: Any) -> ForwardItem:
        t = self.g.tensors[visit.name]
        node = next(n for n in self.g.nodes if n.name == visit.name)
        return ForwardItem(
            visit.name,
            Math(t.tex),
            self.eq(visit.step, t.shape),
            Calcs(visit.entries, self.calc),
            self.values(t.tex, t.symbols),
            f"{node.name} = {node.forward.code()}",
            node.name in self.g.spec.detached,
        )

    def path(self, c: Contribution, full: bool = True) -> PathItem:
        src = self.g.tensors[c.source]
        upstream = None
        if c.source != self.g.spec.loss:
            upstream = self.values(grad_tex(self.d, c.source), src.grads)
        name = self.proof_of(c.rules)
        local = None
        if name and full:  # the general rule's statement: building it builds the proof
            local = self.eq(self.proofs[name].statement, proof=name, tensors=False)
        also = ()
        if c.rules[:1] == ("elementwise",) and name not in ("", "elementwise"):
            also = tuple(r for r in ("elementwise",) if r in self.proofs)
        return PathItem(
            c.source,
            Math(src.tex),
            upstream,
            local,
            self.eq(c.step, self.g.tensors[c.target].shape, name),
            also,
        )

    def backward(self, v: BackwardVisit, full: bool = True) -> BackwardItem:
        t = self.g.tensors[v.name]
        paths = tuple(self.path(c, full) for c in v.contributions)
        names: list[str] = []
        # an activation path cites the rule δ_Z = δ_A ⊙ f′(Z) as well as the proof of f′
        rules = ["elementwise" for c in v.contributions if c.rules[:1] == ("elementwise",)]
        for name in [*rules, *(p.eq.proof for p in paths), v.rule]:
            if name in self.proofs and name not in names:
                names.append(name)
        gt = grad_tex(self.d, v.name)
        by_paths = {n for p in paths for n in (*p.also, p.eq.proof)}
        rule_proof = v.rule if v.rule in self.proofs and v.rule not in by_paths else ""
        return BackwardItem(
            v.name,
            v.kind,
            gt,
            paths,
            self.eq(v.total, t.shape) if v.total else None,
            tuple(self.eq(s, t.shape) for s in v.simplified),
            Calcs(v.entries, self.calc),
            self.values(gt, t.grads),
            grad_line(self.d, v),
            tuple(names),
            short=self.short(v),
            rule_proof=rule_proof if v.rule != "elementwise" else "",
            stopped=self.stopped(v.name),
        )

    def stopped(self, name: str) -> Math | None:
        """The stop-gradient nodes reading ``name`` (``q_detached = q``), or ``None``."""
        g = self.g
        found = [g.tensors[c].tex for c in g.consumers.get(name, ()) if c in g.spec.detached]
        return Math(",\\; ".join(found)) if found else None

    def short(self, v: BackwardVisit) -> Calc | None:
        """The first entry worked out by the last simplified formula, as a course computes it
        (``δ_Z₁₁ = (P₁₁ − Y₁₁)/m``) after the chain-rule form; ``None`` without a simplification
        or for a formula this entry-wise reading does not cover. The number is checked against
        the entry's own value before it is shown."""
        if (
            not v.simplified
            or v.simplified[-1].rule not in SHORT_RULES
            or not isinstance(v.simplified[-1].rhs.value, mf.MExpr)
        ):
            return None
        lhs = self.g.tensors[v.name].grads[0, 0]
        try:
            expr = sp.sympify(mf.Evaluator(_Symbolic()).run(v.simplified[-1].rhs.value)[0][0])
            a, b = self.ex.value(expr), self.ex.value(lhs)
        except (NotImplementedError, TypeError, AttributeError, ValueError, IndexError):
            return None
        if abs(a - b) > 1e-20 * (1 + abs(b)):
            return None
        w = self.ex.working(lhs, expr)
        if w.cut:  # the course's short form is for a formula a reader follows
            return None
        return Calc(Math(w.lhs_tex), tuple((Math(r), Math(t)) for r, t in w.chain()))

    def proof(self, name: str) -> ProofItem:
        p = self.proofs[name]
        return ProofItem(
            name,
            p.title,
            self.eq(p.statement, proof=name, tensors=False),
            tuple(self.eq(s, proof=name, tensors=False) for s in p.steps),
            tuple(p.assumptions),
            tuple(p.notes),
        )


# ---- the walkthrough ----------------------------------------------------------------------------


