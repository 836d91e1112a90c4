"""Small rewrites of Python syntax trees that the cell readers share (derive/checker/cells.py and
the legacy* modules, which cells imports — so this module imports none of them)."""

from __future__ import annotations

import ast
import copy


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
