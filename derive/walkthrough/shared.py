"""Named shared pieces of a long code line (issue 12, handread25).

A backward line that inlines a forward computation many times (LayerNorm's backward written from
``F.layer_norm``: the centred input and its spread appear a dozen times in ``dglu``) reads as a
lecturer would write it once the repeated piece has a name: ``out_num = a + glu - (a +
glu).mean(axis=1, keepdims=True)`` next to the forward line that computes it, then ``dglu = dout /
out_den + …``. Only pieces made of forward values are named (no gradient in them), only pieces the
forward line of a node contains (the name says where it comes from: ``<node>_num`` and
``<node>_den`` for the numerator and denominator of a quotient, ``<node>_in`` for the argument of
its outer function, ``<node>_part``, ``<node>_part2`` … otherwise), and only in a line longer than
:data:`LONG` characters; every occurrence is replaced where it is a whole sub-expression of a line
(never inside a larger product, so the values are the same, to the bit: the same operations on the
same arrays). The lines run as before (``tests/test_handread25.py`` runs both).
"""

from __future__ import annotations

import ast
import re

LONG = 400  # characters of a backward line: four lines of a handout's code listing and more
SHORTEST = 24  # characters of a piece worth a name
_CALLER = re.compile(r"[\w)\]]$")


def _rhs(line: str) -> tuple[str, str] | None:
    if " = " not in line:
        return None
    left, right = line.split(" = ", 1)
    return (left, right) if left.isidentifier() else None


def _pieces(code: str) -> list[tuple[int, int, str]]:
    """The sub-expressions of ``code`` as ``(start, end, text)`` (compound ones only)."""
    try:
        tree = ast.parse(code, mode="eval")
    except SyntaxError:
        return []
    out = []
    for n in ast.walk(tree):
        if isinstance(n, (ast.BinOp, ast.Call, ast.UnaryOp)) and n.end_col_offset is not None:
            out.append((n.col_offset, n.end_col_offset, code[n.col_offset : n.end_col_offset]))
    return out


def _replace(code: str, text: str, name: str) -> str:
    """``code`` with every whole sub-expression spelled ``text`` replaced by ``name`` (the
    outermost ones; a pair of grouping parentheses around one dropped)."""
    spans = sorted({(a, b) for a, b, t in _pieces(code) if t == text})
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b))
    for a, b in reversed(kept):
        if a > 0 and code[a - 1] == "(" and code[b : b + 1] == ")" and not _CALLER.search(code[: a - 1]):
            a, b = a - 1, b + 1
        code = code[:a] + name + code[b:]
    return code


def _count(code: str, text: str) -> int:
    return sum(1 for _, _, t in _pieces(code) if t == text)


def _role(node: str, forward: str, text: str, taken: set[str]) -> str:
    try:
        tree = ast.parse(forward, mode="eval").body
    except SyntaxError:
        tree = None
    role = _shape_role(text) or "part"
    if role != "part":
        pass
    elif isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Div):
        if ast.get_source_segment(forward, tree.left) == text:
            role = "num"
        elif ast.get_source_segment(forward, tree.right) == text:
            role = "den"
    elif isinstance(tree, ast.Call) and tree.args and ast.get_source_segment(forward, tree.args[0]) == text:
        role = "in"
    name, k = f"{node}_{role}", 2
    while name in taken:
        name, k = f"{node}_{role}{k}", k + 1
    return name


_MEAN = re.compile(r"^(.+) - \(?(.+?)\)?\.mean\(axis=-?\d+, keepdims=True\)$")
_MEAN_SQUARE = re.compile(
    r"^\(.+ \*\* 2\)\.(mean\(axis=-?\d+, keepdims=True\)|sum\(axis=-?\d+, keepdims=True\) / .+)( \+ .+)?$"
)


def _shape_role(text: str) -> str | None:
    """A name for the pieces every normalisation has: ``x - x.mean(…)`` its centred input
    (``c``), ``(c ** 2).mean(…) + eps`` (or ``.sum(…) / (N - 1)``) its variance (``var``), ``np.sqrt(…)`` its spread
    (``sd``)."""
    m = _MEAN.match(text)
    if m and m.group(1) == m.group(2):
        return "c"
    if _MEAN_SQUARE.match(text):
        return "var"
    if text.startswith("np.sqrt(") and text.endswith(")"):
        return "sd"
    return None


def share(
    forward: tuple[str, ...], backward: tuple[str, ...], grads: set[str], taken: set[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``forward`` and ``backward`` with the shared forward pieces of every long backward line
    named (see the module docstring). ``grads``: the gradient names (a piece holding one is not a
    forward value); ``taken``: every name the script uses already."""
    fwd, bwd, taken = list(forward), list(backward), set(taken)
    owner: dict[str, str] = {}  # a named piece → the node whose forward line it came from
    grad_word = re.compile(r"\b(" + "|".join(map(re.escape, sorted(grads))) + r")\b") if grads else None
    for i in range(len(bwd)):
        while len(bwd[i]) > LONG:
            line = _rhs(bwd[i])
            if line is None:
                break
            best = None
            for _, _, text in _pieces(line[1]):
                if len(text) < SHORTEST or (grad_word and grad_word.search(text)):
                    continue
                times = _count(line[1], text)
                if times < 3:
                    continue
                home = next(
                    (j for j, f in enumerate(fwd) if (r := _rhs(f)) and _count(r[1], text)), None
                )
                if home is None:
                    continue
                score = (len(text) * (times - 1), text)
                if best is None or score > best[0]:
                    best = (score, text, home)
            if best is None:
                break
            _, text, home = best
            node, expr = _rhs(fwd[home])  # type: ignore[misc]
            name = _role(owner.get(node, node), expr, text, taken)
            taken.add(name)
            owner[name] = owner.get(node, node)
            fwd = [f if (r := _rhs(f)) is None else f"{r[0]} = {_replace(r[1], text, name)}" for f in fwd]
            fwd.insert(home, f"{name} = {text}")
            bwd = [b if (r := _rhs(b)) is None else f"{r[0]} = {_replace(r[1], text, name)}" for b in bwd]
    return tuple(fwd), tuple(bwd)
