"""Per-entry loss formulas: the single definition used by the graph and by the proofs.

Each ``*_term`` is the loss contributed by one entry (or one row, for cross-entropy); the graph
sums them and divides by the count for the mean losses. PyTorch equivalents: ``mse`` =
``F.mse_loss`` (mean), ``sse`` = ``F.mse_loss(reduction="sum")``, ``bce`` =
``F.binary_cross_entropy`` (mean; ``pos_weight`` multiplies the positive term), ``bce_logits`` =
``F.binary_cross_entropy_with_logits``, ``cross_entropy`` = mean over rows of ``−Σ_j y_j log p_j``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from derive.functions import sigmoid


def mse_term(p: sp.Expr, y: sp.Expr) -> sp.Expr:
    return (p - y) ** 2


def bce_term(p: sp.Expr, y: sp.Expr, pos_weight: sp.Expr = sp.Integer(1)) -> sp.Expr:
    return -(pos_weight * y * sp.log(p) + (1 - y) * sp.log(1 - p))


def bce_logits_term(z: sp.Expr, y: sp.Expr) -> sp.Expr:
    return bce_term(sigmoid(z), y)


def softmax_row(z: Sequence[sp.Expr]) -> list[sp.Expr]:
    total = sp.Add(*(sp.exp(v) for v in z))
    return [sp.exp(v) / total for v in z]


def cross_entropy_row(p: Sequence[sp.Expr], y: Sequence[sp.Expr]) -> sp.Expr:
    return -sp.Add(*(yj * sp.log(pj) for pj, yj in zip(p, y, strict=True)))
