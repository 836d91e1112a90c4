"""``NetSpec → Graph``: every tensor as an explicit matrix of symbols at the spec's ``[dims]``.

Each forward assignment becomes a :class:`Node` with
- ``definition``: its entries as SymPy expressions in the *symbols* of the tensors it reads
  (intermediate symbols, so expressions stay small — DESIGN.md §2.3);
- ``forward``: the same computation in matrix form (:mod:`derive.engine.mform`), for display, code and
  full-size numerics.

Symbol names carry a rank prefix so SymPy's canonical ordering prints data before weights
(``x_1 w_{11}``) and gradients first (``δ_{h_1} x_1``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from derive.engine import mform as mf
from derive.engine.printing import entry_tex, name_tex
from derive.lang import expr as ex
from derive.lang import ops
from derive.lang.spec import Dim, NetSpec, SizeExpr, reshape_sizes, slice_bounds, sum_size

RANK = {"delta": 0, "input": 1, "node": 2, "param": 3}


@dataclass(frozen=True)
class Tensor:
    """An input, parameter or forward node. ``symbols``: its entries; ``grads``: the symbols
    standing for ∂L/∂entry (``None`` when no gradient flows to it)."""

    name: str
    kind: str  # "input" | "param" | "node"
    shape: tuple[int, int]
    scalar: bool
    symbols: sp.ImmutableMatrix
    grads: sp.ImmutableMatrix | None
    tex: str  # LaTeX of the whole tensor
    entry_texs: tuple[tuple[str, ...], ...]  # LaTeX of each entry
    gkey: str = ""  # the name of its gradient in code (NetSpec.gkey), when not d<name>

    def value_ref(self, loss_tex: str) -> mf.Ref:
        return mf.Ref(self.name, "value", self.symbols, self.tex, loss_tex, self.shape)

    def grad_ref(self, loss_tex: str) -> mf.Ref:
        assert self.grads is not None
        return mf.Ref(
            self.name,
            "grad",
            self.grads,
            self.tex,
            loss_tex,
            self.shape,
            delta=self.kind == "node",
            gkey=self.gkey,
        )


@dataclass(frozen=True)
class Node:
    name: str
    tree: ex.Node
    text: str
    definition: sp.ImmutableMatrix
    forward: mf.MExpr


@dataclass(frozen=True)
class Graph:
    spec: NetSpec
    tensors: dict[str, Tensor]
    nodes: tuple[Node, ...]
    scalars: dict[str, sp.Symbol]  # dims and constants
    scalar_values: dict[sp.Symbol, sp.Rational]
    symbol_tex: dict[sp.Symbol, str]  # every symbol's LaTeX (entries, gradients, scalars)
    consumers: dict[str, tuple[str, ...]]

    @property
    def loss(self) -> Tensor:
        return self.tensors[self.spec.loss]

    @property
    def loss_tex(self) -> str:
        return self.tensors[self.spec.loss].tex

    def scalar_names(self) -> tuple[tuple[sp.Symbol, str], ...]:
        return tuple((s, self.symbol_tex[s]) for s in self.scalars.values())

    def count(self, shape: tuple[int, int]) -> mf.Scalar:
        """Number of entries of ``shape`` as a symbolic count (``m``, ``m·k``, ``3``)."""
        out = sp.Integer(1)
        for d in shape:
            if isinstance(d, SizeExpr):  # d + h, m - 1: in the size symbols, so it resizes
                out *= _size_symbolic(ex.parse(d.text), self.scalars)
            else:
                out *= self.scalars[d.label] if isinstance(d, Dim) else sp.Integer(int(d))
        return mf.Scalar(out, self.scalar_names())


def _size_symbolic(n: ex.Node, scalars: dict[str, sp.Symbol]) -> sp.Expr:
    """A size expression (+ - * // of [dims] names and whole numbers) in the size symbols."""
    if isinstance(n, ex.Num):
        return sp.Integer(int(n.value))
    if isinstance(n, ex.Name):
        return scalars[n.id]
    if isinstance(n, ex.Neg):
        return -_size_symbolic(n.operand, scalars)
    assert isinstance(n, ex.BinOp)
    a, b = _size_symbolic(n.left, scalars), _size_symbolic(n.right, scalars)
    return a + b if n.op == "+" else a - b if n.op == "-" else a * b


def requires_grad(spec: NetSpec) -> set[str]:
    """Parameters and the nodes that depend on them; with a stop-gradient, not through it and
    only those that reach the loss (:meth:`NetSpec.graded`)."""
    return spec.graded() if spec.detached else spec.moved_by(spec.params)


def _reads(spec: NetSpec) -> dict[str, set[str]]:
    """What each node reads, through the nodes before it."""
    reads: dict[str, set[str]] = {}
    for k, tree in spec.forward:
        direct = set(ex.names(tree))
        reads[k] = direct.union(*(reads.get(n, set()) for n in direct))
    return reads


def parallel_views(spec: NetSpec) -> set[str]:
    """Inputs and nodes numbered side by side, not layer after layer: families ``x1, x2`` (a
    letter stem, two or more numbers) in a network where no numbered node reads an input or node
    of another number (parameters aside: a Siamese network's shared ``W1, W2`` are its layers) —
    a Siamese network's two inputs and embeddings, SimCLR's two views, two attention heads. They
    are printed ``x_{1}``, ``x_{2}``; ``x^{[1]}`` would call them layers. Where any numbered node
    reads another number (Ng's ``Z2 = W2 A1 + b2``, an RNN's ``h2`` reading ``h1``) every number
    is a layer's or a step's, the inputs ``x1, x2`` of the steps too."""
    numbered = {
        n: m.groups()
        for n in (*spec.inputs, *(k for k, _ in spec.forward))
        if (m := re.fullmatch(r"([A-Za-z]+)(\d+)", n))
    }
    trees = dict(spec.forward)
    reads = _reads(spec)
    if any(
        numbered[a][1] != numbered[n][1]
        for n in numbered if n in trees
        for a in reads[n] if a in numbered
    ):
        return set()  # numbered layer after layer (step after step): every number is a layer's
    families: dict[str, list[str]] = {}
    for n, (stem, _) in numbered.items():
        families.setdefault(stem, []).append(n)
    return {n for members in families.values() if len(members) > 1 for n in members}


def recurrence_steps(spec: NetSpec) -> set[str]:
    """Inputs and nodes numbered as the steps of a recurrence, not layers: where a numbered
    node's line is the line of the number before it with every numbered name's number lowered
    by one and no parameter renamed (the same weights at every step) — an Euler integration's
    ``h2 = h1 + dt * tanh(h1 @ W + b)`` after ``h1 = h0 + dt * tanh(h0 @ W + b)``, an RNN's
    ``z2 = x2 @ Wx + h1 @ Wh + b``, each line reading the step before — the families renamed (h, and x and z) are printed as time
    steps, ``h_{1}``, ``h_{2}``; ``h^{[1]}`` would call them layers. A network whose layers have
    weights of their own (``A2 = relu(A1 @ W2 + b2)``) renames a parameter and keeps its
    layers."""
    numbered = {
        n: (m.group(1), int(m.group(2)))
        for n in (*spec.inputs, *(k for k, _ in spec.forward))
        if (m := re.fullmatch(r"([A-Za-z]+)(\d+)", n))
    }
    trees = dict(spec.forward)
    params = set(spec.params)
    steps: set[str] = set()
    for name, tree in trees.items():
        if name not in numbered:
            continue
        stem, k = numbered[name]
        before = f"{stem}{k - 1}"
        previous = [n for n in ex.names(tree) if n in numbered and n not in params]
        if before not in trees or not any(numbered[n][1] == k - 1 for n in previous):
            continue  # a recurrence reads the step before (h2 reads h1; mean2 = Z2.mean(0) does not)
        renamed: set[str] = set()

        def lowered(n: ex.Node) -> ex.Node:
            if isinstance(n, ex.Name) and n.id in numbered and n.id not in params:
                s, j = numbered[n.id]
                if f"{s}{j - 1}" in numbered:
                    renamed.add(s)
                    return ex.Name(f"{s}{j - 1}")
            return ex.rebuild(n, lowered)

        if lowered(tree) == trees[before]:
            steps |= renamed | {stem}
    return {n for n, (s, _) in numbered.items() if s in steps}


def parallel_params(spec: NetSpec) -> set[str]:
    """Parameters numbered side by side, not layer after layer: a family ``W1, W2`` (a letter
    stem, two or more numbers) none of whose members is fed data computed from another member —
    as the other operand of its product, or as the rest of the sum a bias is added to (a sibling
    term's own member factor aside): Bahdanau's ``tanh(H @ W1 + s @ W2)``, a mixture's means
    ``x - mu1`` and ``x - mu2``. They are printed ``W_{1}``, ``μ_{2}``; an MLP's ``A1 @ W2`` and
    ``… + b2`` (A1 made with W1 and b1) keep every member a layer's, ``W^{[2]}``. A family
    numbered like a layered one is layered too (a GRU's ``Un1, Un2`` beside ``Wn1, Wn2``)."""
    numbered = {n: m.group(1) for n in spec.params if (m := re.fullmatch(r"([A-Za-z]+)(\d+)", n))}
    families: dict[str, set[str]] = {}
    for n, stem in numbered.items():
        families.setdefault(stem, set()).add(n)
    families = {s: f for s, f in families.items() if len(f) > 1}
    if not families:
        return set()
    reads = _reads(spec)

    def depends(tree: ex.Node) -> set[str]:
        names = set(ex.names(tree))
        return names.union(*(reads.get(n, set()) for n in names))

    def alone(tree: ex.Node) -> str | None:  # W1, W1.T, -W1: the member this operand is
        own = set(ex.names(tree))
        return own.pop() if len(own) == 1 and next(iter(own)) in numbered else None

    def operands(n: ex.Node) -> list[ex.Node]:
        return [n.left, n.right] if isinstance(n, ex.BinOp) else list(n.args) if isinstance(n, ex.Call) else []

    def terms(n: ex.Node) -> list[ex.Node]:  # a sum's terms, a − b and −b as terms too
        if isinstance(n, ex.BinOp) and n.op in ("+", "-"):
            return terms(n.left) + terms(n.right)
        return terms(n.operand) if isinstance(n, ex.Neg) else [n]

    def brought(term: ex.Node) -> set[str]:
        """What a term of a sum is computed from, its own member factors aside (Bahdanau's
        H W1 beside s W2 brings H; an MLP's A1 W2 beside b2 brings A1, made with W1 and b1)."""
        inner = operands(term) if isinstance(term, ex.BinOp | ex.Call) else [term]
        return set().union(*(depends(q) for q in inner if alone(q) is None))

    fed: dict[str, set[str]] = {m: set() for m in numbered}  # what each member's input is made from
    for _, tree in spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            stack.extend(ex.children(n))
            if isinstance(n, ex.BinOp) and n.op in ("+", "-"):
                ts = terms(n)
                for k, term in enumerate(ts):  # a member added to data: a bias
                    if (member := alone(term)) is not None:
                        fed[member] |= set().union(*(brought(o) for q, o in enumerate(ts) if q != k))
                continue
            ops_ = operands(n)
            for k, o in enumerate(ops_):  # a member applied to data: a weight
                if (member := alone(o)) is not None:
                    fed[member] |= set().union(*(depends(q) for j, q in enumerate(ops_) if j != k))
    sequential = {
        numbered[m] for m, made in fed.items() if made & (families.get(numbered[m], set()) - {m})
    }
    # a family numbered as layers numbers the others alike (a GRU's Un1, Un2 beside Wn1, Wn2)
    numbers = {s: {n[len(s):] for n in families[s]} for s in families}
    sequential |= {s for s in families for q in sequential if numbers[s] <= numbers[q]}
    return {n for stem, members in families.items() if stem not in sequential for n in members}


def build(spec: NetSpec) -> Graph:
    grad = requires_grad(spec)
    tensors: dict[str, Tensor] = {}
    symbol_tex: dict[sp.Symbol, str] = {}
    scalars: dict[str, sp.Symbol] = {}
    values: dict[sp.Symbol, sp.Rational] = {}
    for k, v in spec.dims.items():
        scalars[k] = sp.Symbol(k, positive=True, integer=True)
        symbol_tex[scalars[k]] = name_tex(k)
        values[scalars[k]] = sp.Integer(v)
    for k, v in spec.constants.items():
        scalars[k] = sp.Symbol(k, real=True)
        symbol_tex[scalars[k]] = name_tex(k)
        values[scalars[k]] = sp.Rational(v.numerator, v.denominator)
    loss_tex = name_tex(spec.loss)
    order = [(n, "input") for n in spec.inputs] + [(n, "param") for n in spec.params]
    order += [(n, "node") for n, _ in spec.forward]
    # one notation per network: if a matrix is written W^{[1]}, a scalar b2 is b^{[2]} too
    layered = any(
        re.fullmatch(r"[A-Za-z]+\d+", n) and spec.shapes[n] not in ((), (1, 1)) for n, _ in order
    )
    views = parallel_views(spec) | parallel_params(spec) | recurrence_steps(spec)
    for pos, (name, kind) in enumerate(order):
        shape = spec.shape2d(name)
        scalar = spec.shapes[name] in ((), (1, 1))
        tex = name_tex(name, layer=(not scalar or layered) and name not in views)
        labels = spec.labels.get(name)
        sym_rows, grad_rows, tex_rows = [], [], []
        for i in range(shape[0]):
            srow, grow, trow = [], [], []
            for j in range(shape[1]):
                idx = (j,) if shape[0] == 1 else (i,) if shape[1] == 1 else (i, j)
                etex = name_tex(labels[i][j]) if labels else tex if scalar else entry_tex(tex, idx)
                tag = name if scalar else f"{name}[{i},{j}]"
                s = sp.Symbol(f"{RANK[kind]}{pos:03d}:{tag}", real=True)
                symbol_tex[s] = etex
                srow.append(s)
                trow.append(etex)
                if name in grad:
                    g = sp.Symbol(f"{RANK['delta']}{pos:03d}:d{tag}", real=True)
                    symbol_tex[g] = (
                        f"\\frac{{\\partial {loss_tex}}}{{\\partial {etex}}}"
                        if kind == "param"
                        else f"\\delta_{{{etex}}}"
                    )
                    grow.append(g)
            sym_rows.append(srow)
            grad_rows.append(grow)
            tex_rows.append(tuple(trow))
        tensors[name] = Tensor(
            name,
            kind,
            shape,
            scalar,
            sp.ImmutableMatrix(sym_rows),
            sp.ImmutableMatrix(grad_rows) if name in grad else None,
            tex,
            tuple(tex_rows),
            spec.grad_keys.get(name, ""),
        )
    graph = Graph(spec, tensors, (), scalars, values, symbol_tex, {})
    nodes = []
    consumers: dict[str, list[str]] = {n: [] for n in tensors}
    for name, tree in spec.forward:
        for used in ex.names(tree):
            if used in tensors and name not in consumers[used]:
                consumers[used].append(name)
        definition = sp.ImmutableMatrix(explicit(tree, graph))
        nodes.append(Node(name, tree, spec.forward_text[name], definition, forward_ir(tree, graph)))
    return Graph(
        spec,
        tensors,
        tuple(nodes),
        scalars,
        values,
        symbol_tex,
        {k: tuple(v) for k, v in consumers.items()},
    )


# ---- explicit (element-wise) forward --------------------------------------------------------


def _grid(m: sp.Matrix, shape: tuple[int, int]) -> sp.Matrix:
    """Broadcast ``m`` (1×1, 1×c or r×1) to ``shape``."""
    if m.shape == shape:
        return m
    r, c = shape
    return sp.Matrix(r, c, lambda i, j: m[i if m.rows > 1 else 0, j if m.cols > 1 else 0])


def _elementwise(a: sp.Matrix, b: sp.Matrix, op) -> sp.Matrix:
    shape = (max(a.rows, b.rows), max(a.cols, b.cols))
    a, b = _grid(a, shape), _grid(b, shape)
    return sp.Matrix(shape[0], shape[1], lambda i, j: op(a[i, j], b[i, j]))


def _product(x: sp.Expr, y: sp.Expr) -> sp.Expr:
    """``x·y``; two plain symbols are put in canonical (name) order directly (much faster than
    ``Mul``'s flattening, and the same object)."""
    if x.is_Symbol and y.is_Symbol and x != y:
        comm = True if x.is_commutative and y.is_commutative else None
        return sp.Mul._from_args((x, y) if x.name < y.name else (y, x), is_commutative=comm)
    return x * y


def _matmul(a: sp.Matrix, b: sp.Matrix) -> sp.Matrix:
    return sp.Matrix(
        a.rows, b.cols, lambda i, j: sum_terms([_product(a[i, k], b[k, j]) for k in range(a.cols)])
    )


def sum_terms(terms: list[sp.Expr]) -> sp.Expr:
    """``Add(*terms)``. When every term is a product of the same length led by its own plain
    symbol (``x_ik·w_kj`` in a matrix product, ``δ_{a_i}·x·1[z > 0]`` in a gradient),
    ``Add``'s canonical order is the order of those symbols' names (``Basic.compare`` decides
    at the first factor) and no two terms combine, so the sum is built in that order directly
    instead of by comparing whole products pairwise."""
    if len(terms) > 2:
        first = terms[0]
        n = len(first.args) if first.is_Mul else 0
        lead = first.args[0] if n else None
        if lead is not None and type(lead) is sp.Symbol:
            tail = lead._hashable_content()[1:]
            names = {}
            for t in terms:
                a = t.args[0] if t.is_Mul and len(t.args) == n else None
                if a is None or type(a) is not sp.Symbol or a._hashable_content()[1:] != tail:
                    break
                names[a.name] = t
            else:
                if len(names) == len(terms):
                    return sp.Add._from_args([names[k] for k in sorted(names)])
    return sp.Add(*terms)



def _exact_constants() -> dict[Fraction, sp.Expr]:
    """The float64 numbers of the normal density's constants — ½log 2π (PyTorch's
    ``math.log(math.sqrt(2 * math.pi))`` in Normal.log_prob, F.gaussian_nll_loss(full=True),
    SciPy's norm.logpdf), log 2π (MultivariateNormal), ½ + ½log 2π (a normal's entropy), √(2π)
    and 1/√(2π) — each the correctly rounded value of its exact constant, as written (its
    decimal repr) or computed (its binary value): read as that constant, so a walkthrough shows
    ½ log(2π), not 0.9189385332046727 (the values differ by less than half an ulp)."""
    half_log = sp.log(2 * sp.pi) / 2
    root = math.sqrt(2 * math.pi)
    # each exact constant with the float64 values the libraries compute for it (math.log's
    # ½log 2π is an ulp below the correctly rounded one) and the correctly rounded value
    exact = (
        (half_log, (math.log(root), 0.5 * math.log(2 * math.pi))),
        (2 * half_log, (math.log(2 * math.pi),)),
        (sp.Rational(1, 2) + half_log, (0.5 + math.log(root), 0.5 + 0.5 * math.log(2 * math.pi))),
        (sp.sqrt(2 * sp.pi), (root,)),
        (1 / sp.sqrt(2 * sp.pi), (1 / root,)),
    )
    out: dict[Fraction, sp.Expr] = {}
    for c, floats in exact:
        for f in (*floats, float(c)):
            out[Fraction(repr(f))] = out[Fraction(f)] = c
    return out


EXACT_CONSTANTS = _exact_constants()


def _number(g: Graph, node: ex.Node) -> sp.Expr:
    if isinstance(node, ex.Num):
        exact = EXACT_CONSTANTS.get(abs(node.value))
        if exact is not None:
            return exact if node.value > 0 else -exact
        return sp.Rational(node.value.numerator, node.value.denominator)
    assert isinstance(node, ex.Name)
    return g.scalars[node.id]


def _shape_of(g: Graph, node: ex.Node) -> tuple[int, int]:
    return forward_ir(node, g).shape


def explicit(tree: ex.Node, g: Graph) -> sp.Matrix:
    """The entries of ``tree`` as SymPy expressions over the tensors' symbols."""
    if isinstance(tree, ex.Num):
        return sp.Matrix([[_number(g, tree)]])
    if isinstance(tree, ex.Name):
        if tree.id in g.scalars:
            return sp.Matrix([[g.scalars[tree.id]]])
        return sp.Matrix(g.tensors[tree.id].symbols)
    if isinstance(tree, ex.Neg):
        return -explicit(tree.operand, g)
    if isinstance(tree, ex.Transpose):
        return explicit(tree.operand, g).T
    if isinstance(tree, ex.Pow):
        n = sp.Rational(tree.exponent.numerator, tree.exponent.denominator)
        return explicit(tree.base, g).applyfunc(lambda v: v**n)
    if isinstance(tree, ex.BinOp):
        a, b = explicit(tree.left, g), explicit(tree.right, g)
        if tree.op == "@":
            return _matmul(a, b)
        arith = {
            "+": lambda x, y: x + y,
            "-": lambda x, y: x - y,
            "*": lambda x, y: x * y,
            "/": lambda x, y: x / y,
        }
        return _elementwise(a, b, arith[tree.op])
    assert isinstance(tree, ex.Call)
    op = ops.get(tree.func)
    if op.kind == ops.CONCAT:
        parts = [explicit(a, g) for a in tree.args]
        join = sp.Matrix.col_join if concat_axis(tree) == 0 else sp.Matrix.row_join
        out = parts[0]
        for p in parts[1:]:
            out = join(out, p)
        return out
    if op.kind == ops.SLICE:
        k, lo, hi = slice_span(tree, g)
        x = explicit(tree.args[0], g)
        return x[int(lo) : int(hi), :] if k == 0 else x[:, int(lo) : int(hi)]
    if op.kind == ops.RESHAPE:  # SymPy's reshape is row-major, as NumPy's and PyTorch's
        r, c = reshape_span(tree, g)
        return explicit(tree.args[0], g).reshape(int(r), int(c))
    if op.kind == ops.ROT180:  # conv43: flip_rows/flip_cols reverse one axis
        return explicit(tree.args[0], g)[ops.flip_slices(op.extra.get("axes", (0, 1)))]
    if op.kind == ops.POOL2D:  # conv43: the max (mean) of each k × k window
        # (a window's max is Σ x ⊙ the argmax indicator of ops.max_mask_row: the first largest
        # entry in reading order, as PyTorch routes a tie; its derivative is the indicator)
        x, k, what = explicit(tree.args[0], g), ops.pool_k(tree), op.extra["what"]
        s = ops.pool_s(tree)  # conv44: windows s apart (s < k: overlapping)
        geom = ops.pool_geom(tree)
        if not geom.plain or what == "spread":  # pool46: padded, cut or rectangular windows
            ref = explicit(tree.args[1], g) if what in ("route", "spread") else None
            if what in ("route", "spread"):
                wins = ops.pool_windows(ref.rows, ref.cols, geom)
                out = sp.zeros(ref.rows, ref.cols)
                for i in range(x.rows):
                    for j in range(x.cols):
                        cells, count = wins[i][j]
                        marks = ops.max_mask_row([ref[r, c] for r, c in cells]) if what == "route" else [sp.Rational(1, count)] * len(cells)
                        for (r, c), m in zip(cells, marks, strict=True):
                            out[r, c] += m * x[i, j]
                return out
            wins = ops.pool_windows(x.rows, x.cols, geom)
            if what == "max":
                def top(cells: list[tuple[int, int]]) -> sp.Expr:
                    vals = [x[r, c] for r, c in cells]
                    return sp.Add(*(v * m for v, m in zip(vals, ops.max_mask_row(vals), strict=True)))
                return sp.Matrix(len(wins), len(wins[0]), lambda i, j: top(wins[i][j][0]))
            return sp.Matrix(len(wins), len(wins[0]), lambda i, j: sp.Add(*(x[r, c] for r, c in wins[i][j][0])) / wins[i][j][1])
        if what == "up" and s == k:  # (pieces of a pull; a formula's, never a layer's)
            return sp.Matrix(x.rows * k, x.cols * k, lambda i, j: x[i // k, j // k])
        if what in ("up", "route"):  # conv44: each δ added into its window (to its argmax)
            ref = explicit(tree.args[1], g) if what == "route" else None
            h, w = (ref.rows, ref.cols) if ref is not None else (s * (x.rows - 1) + k, s * (x.cols - 1) + k)
            out = sp.zeros(h, w)
            for i in range(x.rows):
                for j in range(x.cols):
                    window = [(s * i + u, s * j + v) for u in range(k) for v in range(k)]
                    marks = ops.max_mask_row([ref[r, c] for r, c in window]) if ref is not None else [1] * len(window)
                    for (r, c), m in zip(window, marks, strict=True):
                        out[r, c] += m * x[i, j]
            return out
        cells = lambda i, j: [x[s * i + u, s * j + v] for u in range(k) for v in range(k)]  # noqa: E731
        if what == "mask":
            out = sp.zeros(x.rows, x.cols)
            for i in range(x.rows // k):
                for j in range(x.cols // k):
                    for t, m in enumerate(ops.max_mask_row(cells(i, j))):
                        out[k * i + t // k, k * j + t % k] = m
            return out
        rows, cols = (x.rows - k) // s + 1, (x.cols - k) // s + 1
        if what == "max":
            return sp.Matrix(
                rows, cols,
                lambda i, j: sp.Add(*(v * m for v, m in zip(cells(i, j), ops.max_mask_row(cells(i, j)), strict=True))),
            )
        return sp.Matrix(rows, cols, lambda i, j: sp.Add(*cells(i, j)) / (k * k))
    if op.kind == ops.DILATE:  # conv43: stride − 1 zeros between neighbouring entries
        x, s = explicit(tree.args[0], g), ops.corr_opts(tree)[0]
        return sp.Matrix(s * (x.rows - 1) + 1, s * (x.cols - 1) + 1, lambda i, j: 0 if i % s or j % s else x[i // s, j // s])
    if op.kind == ops.CORR2D:  # Z_ij = Σ_uv X_{si+u, sj+v} K_uv (K rotated by 180° to convolve)
        x, k = (explicit(a, g) for a in tree.args)
        s, pad = ops.corr_opts(tree)
        if op.extra.get("flip"):
            k = k[::-1, ::-1]
        r, c = (k.rows - 1 + pad, k.cols - 1 + pad) if op.extra.get("full") else (pad, pad)
        if r or c:  # 'full': x padded with the kernel's size − 1 zeros each side; conv43: padding=
            x = sp.Matrix(x.rows + 2 * r, x.cols + 2 * c, lambda i, j: x[i - r, j - c] if r <= i < r + x.rows and c <= j < c + x.cols else 0)
        rows, cols = (x.rows - k.rows) // s + 1, (x.cols - k.cols) // s + 1
        return sp.Matrix(
            rows,
            cols,
            lambda i, j: sp.Add(
                *(x[s * i + u, s * j + v] * k[u, v] for u in range(k.rows) for v in range(k.cols))
            ),
        )
    if op.kind == ops.ELEMENTWISE:
        params = op_params(g, tree)
        return explicit(tree.args[0], g).applyfunc(lambda v: op.sympy(v, *params))
    if op.kind == ops.BINARY:  # atan2(y, x): entry by entry, broadcast
        return _elementwise(explicit(tree.args[0], g), explicit(tree.args[1], g), op.sympy)
    if op.kind == ops.ROWWISE:
        x = explicit(tree.args[0], g)
        return sp.Matrix([op.sympy(list(x.row(i))) for i in range(x.rows)])
    lse = logsumexp_parts(tree) if op.kind == ops.REDUCTION else None
    if lse is not None and (tree.kwarg("axis") is not None or explicit(lse[0], g).cols == 1):
        # round 48: a logsumexp's entries as log Σ exp (the mean of its reading is n equal terms
        # over the size n: printed 3·log(…)/n_actions), the same values
        x = explicit(lse[0], g)
        if lse[1]:
            x = x.T
        out = sp.Matrix([[sp.log(sp.Add(*(sp.exp(v) for v in x.row(i))))] for i in range(x.rows)])
        return out.T if lse[1] else out
    if op.kind == ops.REDUCTION:
        x = explicit(tree.args[0], g)
        axis = tree.kwarg("axis")
        if axis is None:
            out = sp.Matrix([[sp.Add(*x)]])
            shape = _shape_of(g, tree.args[0])
        elif axis.value == 0:
            out = sp.Matrix([[sp.Add(*x.col(j)) for j in range(x.cols)]])
            shape = (_shape_of(g, tree.args[0])[0],)
        else:
            out = sp.Matrix([[sp.Add(*x.row(i))] for i in range(x.rows)])
            shape = (_shape_of(g, tree.args[0])[1],)
        return out / g.count(shape).expr if tree.func == "mean" else out
    assert op.kind == ops.LOSS
    p, y = explicit(tree.args[0], g), explicit(tree.args[1], g)
    shape = _shape_of(g, tree.args[0])
    params = op_params(g, tree)
    if op.reduce == "rows":
        y = _grid(y, p.shape)
        total = sp.Add(*(op.sympy(list(p.row(i)), list(y.row(i))) for i in range(p.rows)))
        return sp.Matrix([[total / g.count((shape[0],)).expr]])
    total = sp.Add(*(op.sympy(a, b, *params) for a, b in zip(p, _grid(y, p.shape))))
    return sp.Matrix([[total / g.count(shape).expr if op.reduce == "mean" else total]])


def logsumexp_parts(tree: ex.Call) -> tuple[ex.Node, bool] | None:
    """``(x, turned)`` where ``tree`` is the language's reading of a logsumexp
    (derive.lang.spelling._lse): ``mean(x − log_softmax(x), axis=1)`` along rows (``turned``
    False), ``mean(x − log_softmax(xᵀ)ᵀ, axis=0)`` along columns, or ``mean(r − log_softmax(rᵀ)ᵀ)``
    of every entry of a column ``r`` (the rows' logsumexps; ``turned`` True); else None."""
    if tree.func != "mean" or len(tree.args) != 1:
        return None
    arg, axis = tree.args[0], tree.kwarg("axis")
    if not (isinstance(arg, ex.BinOp) and arg.op == "-"):
        return None
    x, right = arg.left, arg.right
    along = None if axis is None else axis.value if isinstance(axis, ex.Num) else -1
    if along == 1 and right == ex.Call("log_softmax", (x,)):
        return x, False
    turned = ex.Transpose(ex.Call("log_softmax", (ex.Transpose(x),)))
    if along in (0, None) and right == turned:
        return x, True
    return None


def concat_axis(tree: ex.Call) -> int:
    """The axis of ``concat(…)``: 0 (rows stacked, NumPy's default) or 1 (side by side)."""
    axis = tree.kwarg("axis")
    return 0 if axis is None else int(axis.value)  # type: ignore[union-attr]


def slice_span(tree: ex.Call, g: Graph) -> tuple[int, int, int]:
    """``(axis, lo, hi)`` of ``slice(A, start, stop, axis)`` (``A[:, lo:hi]``): the bounds as
    sizes that keep their [dims] names, so they print as ``h``, ``2h`` and move with resized
    sizes."""
    k = int(tree.kwarg("axis").value)  # type: ignore[union-attr]
    lo, hi = slice_bounds(tree, forward_ir(tree.args[0], g).shape[k], g.spec.dims)
    return k, lo, hi


def reshape_span(tree: ex.Call, g: Graph) -> tuple[int, int]:
    """``(rows, cols)`` of ``reshaped(A, rows, cols)`` (``A.view(r, c)``): sizes that keep their
    [dims] names, ``-1`` worked out from A's shape, so the reshape moves with resized sizes."""
    return reshape_sizes(tree, forward_ir(tree.args[0], g).shape, g.spec.dims)


def op_params(g: Graph, tree: ex.Call) -> tuple[sp.Expr, ...]:
    """The values of an op's parameters in a call (positional after the tensor arguments, or by
    keyword), defaults from the operation table; parameters left at a default of 1 that the op's
    forms take as optional are omitted (``bce(P, Y)``)."""
    op = ops.get(tree.func)
    tensors = op.nargs[0]
    out = []
    for k, (key, default) in enumerate(op.params):
        node = tree.args[tensors + k] if len(tree.args) > tensors + k else tree.kwarg(key)
        if node is None and op.kind == ops.LOSS:
            break  # losses take their optional parameters as optional arguments
        out.append(_number(g, node) if node is not None else sp.Rational(default))
    return tuple(out)


# ---- matrix-form forward ----------------------------------------------------------------------


def _ref(g: Graph, name: str) -> mf.MExpr:
    if name in g.scalars:
        return mf.Scalar(g.scalars[name], g.scalar_names())
    return g.tensors[name].value_ref(g.loss_tex if g.nodes else name_tex(g.spec.loss))


def forward_ir(tree: ex.Node, g: Graph) -> mf.MExpr:
    """``tree`` in matrix form (``X W^{[1]} + b^{[1]}``)."""
    if isinstance(tree, ex.Num):
        return mf.Scalar(_number(g, tree))
    if isinstance(tree, ex.Name):
        return _ref(g, tree.id)
    if isinstance(tree, ex.Neg):
        return mf.neg(forward_ir(tree.operand, g))
    picked = _pick(tree, g)
    if picked is not None:
        return picked
    if isinstance(tree, ex.Transpose):
        return mf.transpose(forward_ir(tree.operand, g))
    if isinstance(tree, ex.Pow):
        base, n = forward_ir(tree.base, g), mf.exponent(tree.exponent)
        if isinstance(base, mf.Scalar):  # 2 ** 0.5 is the number √2
            return mf.Scalar(base.expr**n, base.symbol_names)
        return mf.Pow(base, n)
    if isinstance(tree, ex.BinOp):
        a, b = forward_ir(tree.left, g), forward_ir(tree.right, g)
        return {"@": mf.MatMul, "+": mf.add, "-": mf.sub, "*": mf.mul, "/": mf.div}[tree.op](a, b)
    assert isinstance(tree, ex.Call)
    op = ops.get(tree.func)
    if op.kind == ops.SLICE:
        k, lo, hi = slice_span(tree, g)
        return mf.Part(forward_ir(tree.args[0], g), k, lo, hi)
    if op.kind == ops.RESHAPE:
        return mf.Reshape(forward_ir(tree.args[0], g), reshape_span(tree, g))
    if op.kind == ops.CORR2D:  # X ⋆ K; a true convolution: X ⋆ rot180(K)
        x, k = (forward_ir(a, g) for a in tree.args)
        s, pad = ops.corr_opts(tree)
        return mf.Corr(x, mf.Rot180(k) if op.extra.get("flip") else k, bool(op.extra.get("full")), s, pad)
    if op.kind == ops.DILATE:
        return mf.Dilate(forward_ir(tree.args[0], g), ops.corr_opts(tree)[0])
    if op.kind == ops.POOL2D:
        k, s = ops.pool_k(tree), ops.pool_s(tree)
        ref = forward_ir(tree.args[1], g) if op.extra["what"] in ("route", "spread") else None
        geom = ops.pool_geom(tree)  # pool46: padded, cut or rectangular windows
        return mf.Pool(forward_ir(tree.args[0], g), k, op.extra["what"], s if s != k else None, ref, None if geom.plain else geom)
    if op.kind == ops.ROT180:
        return mf.Rot180(forward_ir(tree.args[0], g), op.extra.get("axes", (0, 1)))
    if op.kind == ops.ELEMENTWISE:
        params = op_params(g, tree)
        return mf.Func(tree.func, forward_ir(tree.args[0], g), params[0] if params else None)
    return mf.Call(
        tree.func,
        tuple(forward_ir(a, g) for a in tree.args),
        tuple((k, forward_ir(v, g)) for k, v in tree.kwargs),
        _call_shape(g, tree),
    )


def _pick(tree: ex.Node, g: Graph) -> mf.MExpr | None:
    """``P[np.arange(N), y]`` as read (``sum(P * y, axis=1)``, transposed to NumPy's 1-D row
    unless ``[:, None]`` followed) when ``y`` holds class labels: :class:`mf.Pick`, printed
    ``P_{i, y_i}`` as courses write it."""
    row = isinstance(tree, ex.Transpose)
    inner = tree.operand if row else tree  # type: ignore[union-attr]
    if not (
        isinstance(inner, ex.Call)
        and inner.func == "sum"
        and inner.kwarg("axis") == ex.Num(1)
        and len(inner.args) == 1
        and isinstance(inner.args[0], ex.BinOp)
        and inner.args[0].op == "*"
        and isinstance(inner.args[0].left, ex.Name)
        and isinstance(inner.args[0].right, ex.Name)
        and inner.args[0].right.id in g.spec.class_labels
    ):
        return None
    p, y = inner.args[0].left, inner.args[0].right
    return mf.Pick(forward_ir(p, g), forward_ir(y, g), row)


def _call_shape(g: Graph, tree: ex.Call) -> tuple[int, int]:
    first = tree.args[0]
    inner = forward_ir(first, g).shape
    kind = ops.get(tree.func).kind
    if kind in (ops.ELEMENTWISE, ops.ROWWISE):
        return inner
    if kind == ops.BINARY:
        other = forward_ir(tree.args[1], g).shape
        return tuple(b if a == 1 else a for a, b in zip(inner, other, strict=True))  # type: ignore[return-value]
    if kind == ops.CONCAT:
        k = concat_axis(tree)
        sizes = [forward_ir(a, g).shape[k] for a in tree.args]
        total = sum_size(sizes, g.spec.dims)
        return (total, inner[1]) if k == 0 else (inner[0], total)
    axis = tree.kwarg("axis")
    if kind == ops.REDUCTION and axis is not None:
        return (1, inner[1]) if axis.value == 0 else (inner[0], 1)
    return (1, 1)
