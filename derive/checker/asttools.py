"""Small rewrites of Python syntax trees that the cell readers share (derive/checker/cells.py and
the legacy* modules, which cells imports — so this module imports none of them)."""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable


class Subst(ast.NodeTransformer):
    """Every load of a name in ``env`` replaced by a copy of its expression (statements too)."""

    def __init__(self, env: dict[str, ast.expr]) -> None:
        self.env = env

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802 - ast's visitor names
        if isinstance(node.ctx, ast.Load) and node.id in self.env:
            return copy.deepcopy(self.env[node.id])
        return node


def subst(node: ast.AST, env: dict[str, ast.expr]) -> ast.AST:
    """A copy of ``node`` with :class:`Subst` applied (``node`` itself left as it is)."""
    return Subst(env).visit(copy.deepcopy(node))


class Renamed(ast.NodeTransformer):
    """Every name ``alias`` (loaded or stored) renamed ``to`` (``onp`` → ``np``)."""

    def __init__(self, alias: str, to: str = "np") -> None:
        self.alias, self.to = alias, to

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802
        return ast.Name(self.to, node.ctx) if node.id == self.alias else node


def rewritten_by(text: str, spellings: Callable[[list[ast.stmt]], list[ast.stmt]]) -> str:
    """``text`` parsed, its statements passed through ``spellings`` (a copy) and unparsed; ``text``
    itself (the same object) when nothing changes, or it is not Python, or cannot be unparsed."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text
    before = [ast.dump(st) for st in tree.body]
    body = spellings(copy.deepcopy(tree.body))
    if [ast.dump(st) for st in body] == before:
        return text
    try:
        return "\n".join(ast.unparse(st) for st in body)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return text


def in_order(stmts: list[ast.stmt], *passes: Callable[[list[ast.stmt]], list[ast.stmt]]) -> list[ast.stmt]:
    """``stmts`` through each of ``passes`` in turn (locations filled in); where a pass fails on
    code it does not expect, the statements as the passes before it left them."""
    try:
        for rewrite in passes:
            stmts = rewrite(stmts)
    except (RecursionError, ValueError, TypeError, AttributeError):
        return stmts
    for st in stmts:
        ast.fix_missing_locations(st)
    return stmts
