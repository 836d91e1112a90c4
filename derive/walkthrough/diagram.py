"""The network as a graph to draw: nodes in layers, edges labelled with the parameters.

Two levels, both derived from the :class:`~derive.engine.graph.Graph` (never from user prose):

- **entry level** for small single-example networks (``tiny-mlp``, ``neuron``, ``chain``): one
  node per entry; an edge ``x_i → h_j`` labelled ``w_ij`` because the term ``x_i·w_ij`` appears in
  ``h_j``'s definition; an element-wise activation is an edge labelled with the function;
- **tensor level** otherwise: ``X —W1, b1→ Z1 —ReLU→ A1 …``.

Labels come in two spellings: ``text`` (identifiers, indices, ``σ``: safe for Mermaid) and ``tex``
(printer-made LaTeX for TikZ). Layout (``layer``, ``row``) is the longest path from a source.

Geometry for TikZ (:func:`place`): every node and edge label gets a box in centimetres, from a
conservative estimate of its LaTeX's width (:func:`tex_size`); the layers are spread until no
label box meets a node box or another label (tensor level: a label in the middle of its edge;
entry level, where edges cross in the middle: just past the source node). ``overlaps`` lists what
still meets — empty for every drawing we make (a test checks the built-ins and user specs).
An entry-level drawing whose edges run through other nodes (:func:`crossings`) gives way to the
tensor level when that one has fewer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import sympy as sp

from derive.engine.graph import Graph
from derive.lang import expr as ex

MAX_ENTRY_NODES = 24  # larger networks are drawn tensor by tensor
FUNC_LABEL = {  # (text, LaTeX) of element-wise functions and losses on edges
    "sigmoid": ("σ", "\\sigma"),
    "relu": ("ReLU", "\\operatorname{ReLU}"),
    "tanh": ("tanh", "\\tanh"),
    "exp": ("exp", "\\exp"),
    "log": ("log", "\\log"),
    "leaky_relu": ("LeakyReLU", "\\operatorname{LeakyReLU}"),
    "elu": ("ELU", "\\operatorname{ELU}"),
    "selu": ("SELU", "\\operatorname{SELU}"),
    "softmax": ("softmax", "\\operatorname{softmax}"),
    "mse": ("MSE", "\\operatorname{MSE}"),
    "sse": ("SSE", "\\operatorname{SSE}"),
    "bce": ("BCE", "\\operatorname{BCE}"),
    "bce_logits": ("BCE", "\\operatorname{BCE}"),
    "cross_entropy": ("CE", "\\operatorname{CE}"),
    "sum": ("sum", "\\sum"),
    "mean": ("mean", "\\operatorname{mean}"),
}


_SUP = dict(zip("0123456789+-=()[]abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
               "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ"))
_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "varepsilon": "ε", "epsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
    "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
    "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "top": "ᵀ",
}  # fmt: skip
_ACCENT = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303"}


def unicode_label(tex: str, fallback: str) -> str:
    """Printer-made LaTeX of a name (``W^{[1]}``, ``w^{[1]}_{12}``, ``\\hat{Y}``, ``\\sigma``) as
    Unicode text for a diagram label (``W⁽¹⁾``, ``w⁽¹⁾₁₂``, ``Ŷ``, ``σ``), so labels agree with
    the formulas where no math can be typeset; ``fallback`` when a character has no Unicode
    form (a word in a subscript: ``y_{\\text{pred}}``)."""
    out: list[str] = []
    i = 0

    def group(j: int) -> tuple[str, int]:
        if j < len(tex) and tex[j] == "{":
            depth, k = 0, j
            while k < len(tex):
                depth += (tex[k] == "{") - (tex[k] == "}")
                k += 1
                if depth == 0:
                    return tex[j + 1 : k - 1], k
            return "", -1
        m = re.match(r"\\[A-Za-z]+|.", tex[j:])
        return (m.group(0), j + len(m.group(0))) if m else ("", -1)

    while i < len(tex):
        c = tex[i]
        if c in "^_":
            body, i = group(i + 1)
            inner = unicode_label(body, "")
            table = _SUP if c == "^" else _SUB
            if (
                i < 0
                or not inner
                or "\\text" in body  # a word in a script reads better as the identifier
                or any(ch not in table and ch != "ᵀ" for ch in inner)
            ):
                return fallback
            out.append("".join(ch if ch == "ᵀ" else table[ch] for ch in inner))
            continue
        m = re.match(r"\\([A-Za-z]+)", tex[i:])
        if m:
            word = m.group(1)
            i += len(m.group(0))
            if word in _ACCENT:
                body, i = group(i)
                inner = unicode_label(body, "")
                if i < 0 or len(inner) != 1:
                    return fallback
                out.append(inner + _ACCENT[word])
            elif word in ("left", "right"):
                continue
            elif word in ("text", "operatorname", "mathrm", "mathbf", "boldsymbol"):
                body, i = group(i)
                inner = unicode_label(body, "")
                if i < 0 or not inner:
                    return fallback
                out.append(inner)
            elif word in _GREEK:
                out.append(_GREEK[word])
            else:
                return fallback
            continue
        if c in "{}":
            i += 1
            continue
        if not (c.isalnum() or c in "[], "):
            return fallback
        out.append(c)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class DNode:
    id: str  # n0, n1, … (safe in Mermaid and TikZ)
    text: str
    tex: str
    kind: str  # input | param | node | loss
    layer: int
    row: int
    rows: int  # nodes in this layer
    y: float  # vertical position, layers centred on 0 (rows grow downwards)
    x: float = 0.0  # TikZ position in cm (set by :func:`place`)
    w: float = 0.0  # estimated box width and height in cm (an upper bound)
    h: float = 0.0

    @property
    def pos(self) -> tuple[float, float]:
        """The TikZ coordinate in cm."""
        return (self.x, round(self.y * STEP_Y, 3))

    @property
    def label(self) -> str:
        """The label in the formulas' notation, as Unicode text (for Mermaid)."""
        return unicode_label(self.tex, self.text)


@dataclass(frozen=True)
class DEdge:
    src: str
    dst: str
    text: str
    tex: str
    lx: float = 0.0  # label centre in cm (set by :func:`place`)
    ly: float = 0.0
    lw: float = 0.0  # estimated label box (an upper bound)
    lh: float = 0.0

    @property
    def lpos(self) -> tuple[float, float]:
        """The TikZ coordinate of the label's centre in cm."""
        return (self.lx, self.ly)

    @property
    def label(self) -> str:
        """The label in the formulas' notation, as Unicode text (for Mermaid)."""
        return unicode_label(self.tex, self.text)


@dataclass(frozen=True)
class Diagram:
    level: str  # "entry" | "tensor"
    nodes: tuple[DNode, ...]
    edges: tuple[DEdge, ...]

    @property
    def functions(self) -> bool:
        """Whether a function (an activation or a loss) labels an edge: the lead-in sentence
        of a drawing without one (``chain``) does not speak of activations."""
        names = {text for text, _ in FUNC_LABEL.values()}
        return any(e.text in names for e in self.edges)


def diagram(g: Graph) -> Diagram:
    """The drawing of ``g`` (see the module docstring for the two levels), placed."""
    single = all(g.tensors[n].shape[0] == 1 for n in g.spec.inputs)
    entries = sum(len(g.tensors[n.name].symbols) for n in g.nodes)
    if not (single and entries <= MAX_ENTRY_NODES):
        return _untangle(_layout("tensor", _tensor_edges(g)))
    entry = place(_layout("entry", _entry_edges(g)))
    crossed = len(crossings(entry))
    if not crossed:
        return entry
    # one node per number, unless its edges then run through other nodes (rnn's biases and
    # second input across the first step) where the tensor drawing's do not
    tensor = _untangle(_layout("tensor", _tensor_edges(g)))
    return entry if crossed <= len(crossings(tensor)) else tensor


# ---- geometry (TikZ) ---------------------------------------------------------------------------

PT = 2.54 / 72.27  # cm per TeX point
FONT = 10.0  # the handout's font size in pt (the largest we use: 11 pt at full detail is scaled
FONT_FULL = 11.0  # by the adjustbox like everything else, so we size for 11 pt)
LABEL_FONT = 8.0  # \scriptsize at 11 pt
STEP_Y = 1.7  # cm between rows
MIN_GAP = 2.2  # cm between layer centres at least
PAD = 0.12  # cm of clearance between a label and anything else
# TikZ styles of the template, in cm: (inner sep, minimum width, minimum height)
STYLE = {
    "node": (3 * PT, 0.0, 0.6),
    "loss": (3 * PT, 0.0, 0.6),
    "input": (1.5 * PT, 0.7, 0.7),
    "param": (2 * PT, 0.0, 0.0),
}
LABEL_SEP = 1 * PT

_COMMAND = re.compile(r"\\([A-Za-z]+)")
_SPACING = {"left", "right", "thinspace", "medspace", "thickspace", "quad", "qquad"}
_ROMAN = {"operatorname", "text", "mathrm"}
_GREEK_WORDS = set(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi"
    " pi rho sigma tau upsilon phi varphi chi psi omega".split()
)
SCRIPT = 0.75  # a sub/superscript's size relative to its base (TeX: 0.7)


def _glyph(ch: str, roman: bool) -> float:
    """An upper bound of one glyph's width in em (Computer Modern / Latin Modern): math italic
    capitals run to 1.08 em with the italic correction (W), roman ones to 0.75 em."""
    if ch.isupper():
        return 0.8 if roman else 1.1
    if ch in "mwMW":
        return 0.9
    if ch.isalpha():
        return 0.6 if roman else 0.65
    if ch.isdigit():
        return 0.55
    if ch in ",.;":
        return 0.45  # with the space after it
    if ch in "[]()|":
        return 0.45
    if ch in "+-=<>":
        return 1.3  # with the spaces around a binary operator
    return 0.8


def tex_size(tex: str, font: float) -> tuple[float, float]:
    """An upper bound of the ``(width, height)`` in cm of inline math ``tex`` at ``font`` pt
    (glyph widths from :func:`_glyph`, sub/superscripts at :data:`SCRIPT` of their base size,
    commands like ``\\sigma`` as a wide lower-case glyph), plus 10 %."""
    em = font * PT
    width = 0.0
    depth = 0
    script: list[int] = []  # brace depths at which a sub/superscript group opened
    roman: list[int] = []  # brace depths at which an upright (\operatorname) group opened
    raised = lowered = False
    pending_script = pending_roman = False
    i = 0
    while i < len(tex):
        ch = tex[i]
        scale = SCRIPT if (script or pending_script) else 1.0
        if ch == "\\":
            m = _COMMAND.match(tex, i)
            if m is None:  # \, \; \{ …
                i += 2
                width += 0.3 * em * scale
                continue
            i = m.end()
            name = m.group(1)
            if name in _ROMAN:
                pending_roman = True
            elif name in _SPACING:
                width += 0.25 * em * scale
            elif name in ("hat", "bar", "tilde", "mathbf", "boldsymbol"):
                pass
            elif name.lower() in _GREEK_WORDS or name in ("top", "prime", "cdot", "odot"):
                width += 0.8 * em * scale
            else:  # \tanh, \exp, \log, \sum: a word in upright letters
                width += 0.65 * len(name) * em * scale
            if pending_script and name not in _ROMAN:
                pending_script = False
            continue
        if ch in "^_":
            raised |= ch == "^"
            lowered |= ch == "_"
            i += 1
            if i < len(tex) and tex[i] != "{":  # x^2: one glyph
                if tex[i] == "\\":
                    pending_script = True
                    continue
                width += _glyph(tex[i], bool(roman)) * SCRIPT * em
                i += 1
            else:
                pending_script = True
            continue
        if ch == "{":
            depth += 1
            if pending_script:
                script.append(depth)
                pending_script = False
            if pending_roman:
                roman.append(depth)
                pending_roman = False
            i += 1
            continue
        if ch == "}":
            if script and script[-1] == depth:
                script.pop()
            if roman and roman[-1] == depth:
                roman.pop()
            depth -= 1
            i += 1
            continue
        i += 1
        if ch == " ":
            continue
        width += _glyph(ch, bool(roman)) * scale * em
    height = 1.0 * em + (0.5 * em if raised else 0.0) + (0.4 * em if lowered else 0.0)
    return 1.1 * width, 1.1 * height


def _node_box(kind: str, tex: str) -> tuple[float, float]:
    sep, min_w, min_h = STYLE.get(kind, STYLE["node"])
    w, h = tex_size(tex, FONT_FULL)
    w, h = w + 2 * sep, h + 2 * sep
    if kind == "input":  # a circle around the text box
        d = max(min_w, math.hypot(w, h))
        return d, d
    if kind == "param":  # the trapezium's slanted sides add about a height each side
        return w + 2 * h * math.tan(math.radians(15)) + 0.1, h
    return max(w, min_w) + 0.06, max(h, min_h) + 0.06  # + line width and rounding


def _exit(cx: float, cy: float, w: float, h: float, dx: float, dy: float) -> float:
    """Distance from a box centre to its border along the unit direction ``(dx, dy)``."""
    tx = (w / 2) / abs(dx) if dx else math.inf
    ty = (h / 2) / abs(dy) if dy else math.inf
    return min(tx, ty)


def _meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Two boxes ``(cx, cy, w, h)`` overlap (with :data:`PAD` of clearance)."""
    return (
        abs(a[0] - b[0]) < (a[2] + b[2]) / 2 + PAD - 1e-9
        and abs(a[1] - b[1]) < (a[3] + b[3]) / 2 + PAD - 1e-9
    )


def overlaps(dg: Diagram) -> list[tuple[str, str]]:
    """Pairs ``(label of edge src→dst, node id or other label)`` whose boxes meet."""
    nodes = {n.id: (n.x, n.y * STEP_Y, n.w, n.h) for n in dg.nodes}
    labels = [(f"{e.src}->{e.dst}", (e.lx, e.ly, e.lw, e.lh)) for e in dg.edges if e.tex]
    out = []
    for k, (name, box) in enumerate(labels):
        out += [(name, nid) for nid, nb in nodes.items() if _meet(box, nb)]
        out += [(name, other) for other, ob in labels[k + 1 :] if _meet(box, ob)]
    return out


def crossings(dg: Diagram) -> list[tuple[str, str]]:
    """Pairs ``(edge src→dst, node id)`` where an edge's straight line runs through a node that
    is neither of its ends (a reader would take the edge for one of that node's)."""
    boxes = {n.id: (n.x, n.y * STEP_Y, n.w, n.h) for n in dg.nodes}
    out = []
    for e in dg.edges:
        (ax, ay, _, _), (bx, by, _, _) = boxes[e.src], boxes[e.dst]
        for nid, (cx, cy, w, h) in boxes.items():
            if nid in (e.src, e.dst):
                continue
            steps = 64
            for k in range(1, steps):
                t = k / steps
                x, y = ax + t * (bx - ax), ay + t * (by - ay)
                if abs(x - cx) < w / 2 and abs(y - cy) < h / 2:
                    out.append((f"{e.src}->{e.dst}", nid))
                    break
    return out


def _untangle(dg: Diagram) -> Diagram:
    """``dg`` placed, with nodes that an edge runs through moved a row up or down (batch
    normalisation's ``Z → Z_c`` past ``μ``), as long as that removes crossings."""
    best = place(dg)
    bad = crossings(best)
    for _ in range(6):
        if not bad:
            break
        hit = {nid for _, nid in bad}
        tried = []
        for shift in (1.0, -1.0):
            moved = replace(
                dg, nodes=tuple(replace(n, y=n.y + shift) if n.id in hit else n for n in dg.nodes)
            )
            placed = place(moved)
            tried.append((len(crossings(placed)), shift, moved, placed))
        count, _, moved, placed = min(tried, key=lambda t: (t[0], -t[1]))
        if count >= len(bad):
            break
        dg, best, bad = moved, placed, crossings(placed)
    return best


def place(dg: Diagram) -> Diagram:
    """Positions in cm for the nodes and the edge labels (see the module docstring)."""
    sizes = {n.id: _node_box(n.kind, n.tex) for n in dg.nodes}
    layers = sorted({n.layer for n in dg.nodes})
    gaps = {lay: MIN_GAP for lay in layers[1:]}  # distance from the previous layer
    by_id = {n.id: n for n in dg.nodes}
    for _ in range(60):
        xs: dict[int, float] = {}
        x = 0.0
        for lay in layers:
            x += gaps.get(lay, 0.0)
            xs[lay] = x
        nodes = tuple(
            replace(n, x=round(xs[n.layer], 3), w=sizes[n.id][0], h=sizes[n.id][1])
            for n in dg.nodes
        )
        pos = {n.id: n for n in nodes}
        boxes = [(n.x, n.y * STEP_Y, n.w, n.h) for n in nodes]
        edges = []
        for e in dg.edges:
            if not e.tex:
                edges.append(e)
                continue
            a, b = pos[e.src], pos[e.dst]
            ax, ay, bx, by = a.x, a.y * STEP_Y, b.x, b.y * STEP_Y
            length = math.hypot(bx - ax, by - ay) or 1.0
            dx, dy = (bx - ax) / length, (by - ay) / length
            lw, lh = tex_size(e.tex, LABEL_FONT)
            lw, lh = lw + 2 * LABEL_SEP, lh + 2 * LABEL_SEP
            start = _exit(ax, ay, a.w, a.h, dx, dy)
            end = length - _exit(bx, by, b.w, b.h, dx, dy)
            # the label's centre may go from ``lo`` to ``hi`` without leaving the visible edge
            lo = start + _exit(0, 0, lw, lh, dx, dy)
            hi = max(lo, end - _exit(0, 0, lw, lh, dx, dy))
            # preferred: the middle (tensor level); just past the source where edges cross in
            # the middle (entry level); then the free place nearest to it
            want = (lo + hi) / 2 if dg.level == "tensor" else lo
            steps = int((hi - lo) / 0.05) + 1
            ts = sorted((lo + k * 0.05 for k in range(steps)), key=lambda t: (abs(t - want), t))
            t = next(
                (
                    t
                    for t in ts
                    if not any(_meet((ax + t * dx, ay + t * dy, lw, lh), b) for b in boxes)
                ),
                want,
            )
            edges.append(
                replace(e, lx=round(ax + t * dx, 3), ly=round(ay + t * dy, 3), lw=lw, lh=lh)
            )
            boxes.append((edges[-1].lx, edges[-1].ly, lw, lh))
        placed = Diagram(dg.level, nodes, tuple(edges))
        bad = overlaps(placed)
        if not bad:
            return placed
        for name, _other in bad:  # widen the layers the crowded edge spans
            src, dst = name.split("->")
            lo, hi = sorted((by_id[src].layer, by_id[dst].layer))
            for lay in layers:
                if lo < lay <= hi:
                    gaps[lay] += 0.15
    return placed


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, tuple[str, str, str]] = {}  # key → (text, tex, kind)
        self.edges: dict[tuple[str, str], tuple[list[str], list[str]]] = {}

    def node(self, key: str, text: str, tex: str, kind: str) -> str:
        self.nodes.setdefault(key, (text, tex, kind))
        return key

    def edge(self, src: str, dst: str, text: str = "", tex: str = "") -> None:
        texts, texs = self.edges.setdefault((src, dst), ([], []))
        if text and text not in texts:
            texts.append(text)
            texs.append(tex)


def _entry_text(g: Graph, name: str, i: int, j: int) -> str:
    labels = g.spec.labels.get(name)
    if labels:
        return labels[i][j]
    r, c = g.tensors[name].shape
    if (r, c) == (1, 1):
        return name
    return f"{name}[{j + 1 if r == 1 else i + 1}]" if 1 in (r, c) else f"{name}[{i + 1},{j + 1}]"


def _entry_edges(g: Graph) -> _Builder:
    b = _Builder()
    owner: dict[sp.Symbol, tuple[str, str, str]] = {}
    for name, t in g.tensors.items():
        kind = "loss" if name == g.spec.loss else t.kind
        for i in range(t.shape[0]):
            for j in range(t.shape[1]):
                s = t.symbols[i, j]
                owner[s] = (_entry_text(g, name, i, j), g.symbol_tex[s], kind)
    for s, (text, tex, kind) in owner.items():
        b.node(str(s), text, tex, kind)  # registration order = tensor order, row by row
    params = {s for p in g.spec.params for s in g.tensors[p].symbols}
    for node in g.nodes:
        func = node.tree.func if isinstance(node.tree, ex.Call) else ""
        label = FUNC_LABEL.get(func, ("", ""))
        for s, definition in zip(g.tensors[node.name].symbols, node.definition, strict=True):
            dst = b.node(str(s), *owner[s])
            for term in sp.Add.make_args(definition):
                syms = sorted(term.free_symbols & set(owner), key=str)
                ws = [x for x in syms if x in params]
                xs = [x for x in syms if x not in params]
                if len(ws) == 1 and len(xs) == 1 and term.is_Mul:
                    b.edge(b.node(str(xs[0]), *owner[xs[0]]), dst, owner[ws[0]][0], owner[ws[0]][1])
                    continue
                for x in xs + ws:
                    b.edge(b.node(str(x), *owner[x]), dst, *label)
    return b


def _tensor_edges(g: Graph) -> _Builder:
    b = _Builder()
    for name, t in g.tensors.items():
        kind = "loss" if name == g.spec.loss else t.kind
        if kind != "param":
            b.node(name, name, t.tex, kind)
    for node in g.nodes:
        used = [n for n in ex.names(node.tree) if n in g.tensors]
        params = [n for n in used if g.tensors[n].kind == "param"]
        sources = [n for n in used if g.tensors[n].kind != "param"] or params
        tree = node.tree
        first = set(ex.names(tree.args[0])) if isinstance(tree, ex.Call) else set(used)
        label = FUNC_LABEL.get(tree.func, ("", "")) if isinstance(tree, ex.Call) else ("", "")
        partner = _partners(tree, sources, params)
        for src in sources:
            if src in params:
                b.node(src, src, g.tensors[src].tex, "param")
                b.edge(src, node.name)
            elif params:
                # each parameter on the edge of the input it multiplies (x₁ —W_x→, h₀ —W_h→);
                # one added on its own (a bias) on the first input's edge
                for p in params:
                    if partner.get(p, sources[0]) == src:
                        b.edge(src, node.name, p, g.tensors[p].tex)
            else:  # a loss target gets a plain edge; the function labels its main argument
                b.edge(src, node.name, *(label if src in first else ("", "")))
    return b


def _partners(tree: ex.Node, sources: list[str], params: list[str]) -> dict[str, str]:
    """parameter → the one source it multiplies in ``tree`` (``x1 @ Wx + h0 @ Wh + b``:
    ``Wx → x1``, ``Wh → h0``; ``b`` multiplies none and is left out)."""
    out: dict[str, str] = {}

    def walk(n: ex.Node) -> None:
        if isinstance(n, ex.BinOp) and n.op in ("@", "*", "/"):
            names = set(ex.names(n))
            srcs = [x for x in sources if x in names]
            if len(srcs) == 1:
                for p in params:
                    if p in names and p not in out:
                        out[p] = srcs[0]
                return
        for c in ex.children(n):
            walk(c)

    walk(tree)
    return out


def _layout(level: str, b: _Builder) -> Diagram:
    used = {k for edge in b.edges for k in edge}
    keys = [k for k in b.nodes if k in used]
    layer: dict[str, int] = {}
    preds: dict[str, list[str]] = {k: [] for k in keys}
    for src, dst in b.edges:
        preds[dst].append(src)

    def depth(k: str) -> int:
        if k not in layer:
            layer[k] = 1 + max((depth(p) for p in preds[k]), default=-1)
        return layer[k]

    for k in keys:
        depth(k)
    for k in keys:  # a source sits just before its first consumer (y_target next to y_pred)
        if not preds[k]:
            layer[k] = min(layer[d] for s, d in b.edges if s == k) - 1
    by_layer: dict[int, list[str]] = {}
    for k in sorted(keys, key=lambda k: (layer[k] > 0 and not preds[k], keys.index(k))):
        by_layer.setdefault(layer[k], []).append(k)  # late sources below the main path
    ids = {k: f"n{i}" for i, k in enumerate(keys)}
    nodes = []
    for k in keys:
        text, tex, kind = b.nodes[k]
        same = by_layer[layer[k]]
        row = same.index(k)
        nodes.append(
            DNode(ids[k], text, tex, kind, layer[k], row, len(same), (len(same) - 1) / 2 - row)
        )
    edges = tuple(
        DEdge(ids[s], ids[d], ", ".join(t), ", ".join(x)) for (s, d), (t, x) in b.edges.items()
    )
    return Diagram(level, tuple(nodes), edges)
