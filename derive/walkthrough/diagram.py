"""The network as a graph to draw: nodes in layers, edges labelled with the parameters.

Two levels, both derived from the :class:`~derive.engine.graph.Graph` (never from user prose):

- **entry level** for small single-example networks (``tiny-mlp``, ``neuron``, ``chain``): one
  node per entry; an edge ``x_i → h_j`` labelled ``w_ij`` because the term ``x_i·w_ij`` appears in
  ``h_j``'s definition; an element-wise activation is an edge labelled with the function;
- **tensor level** otherwise: ``X —W1, b1→ Z1 —ReLU→ A1 …``.

Labels come in two spellings: ``text`` (identifiers, indices, ``σ``: safe for Mermaid) and ``tex``
(printer-made LaTeX for TikZ). Layout (``layer``, ``row``) is the longest path from a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

    @property
    def label(self) -> str:
        """The label in the formulas' notation, as Unicode text (for Mermaid)."""
        return unicode_label(self.tex, self.text)


@dataclass(frozen=True)
class Diagram:
    level: str  # "entry" | "tensor"
    nodes: tuple[DNode, ...]
    edges: tuple[DEdge, ...]


def diagram(g: Graph) -> Diagram:
    """The drawing of ``g`` (see the module docstring for the two levels)."""
    single = all(g.tensors[n].shape[0] == 1 for n in g.spec.inputs)
    entries = sum(len(g.tensors[n.name].symbols) for n in g.nodes)
    if single and entries <= MAX_ENTRY_NODES:
        return _layout("entry", _entry_edges(g))
    return _layout("tensor", _tensor_edges(g))


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
        for src in sources:
            if src in params:
                b.node(src, src, g.tensors[src].tex, "param")
                b.edge(src, node.name)
            elif params:
                for p in params:
                    b.edge(src, node.name, p, g.tensors[p].tex)
            else:  # a loss target gets a plain edge; the function labels its main argument
                b.edge(src, node.name, *(label if src in first else ("", "")))
    return b


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
