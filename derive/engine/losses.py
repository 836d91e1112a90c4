"""Per-entry loss formulas: the single definition used by the graph and by the proofs.

They live in the loss rows of :mod:`derive.lang.ops` (the operation table); this module re-exports
them. Each ``*_term`` is the loss contributed by one entry (or one row, for cross-entropy); the
graph sums them and divides by the count for the mean losses. PyTorch equivalents: ``mse`` =
``F.mse_loss`` (mean), ``sse`` = ``F.mse_loss(reduction="sum")``, ``bce`` =
``F.binary_cross_entropy`` (mean; ``pos_weight`` multiplies the positive term), ``bce_logits`` =
``F.binary_cross_entropy_with_logits``, ``cross_entropy`` = mean over rows of ``−Σ_j y_j log p_j``.
"""

from __future__ import annotations


from derive.lang.ops import (
    bce_logits_term,
    bce_term,
    cross_entropy_row,
    log_softmax_row,
    mse_term,
    softmax_row,
)

__all__ = [
    "bce_logits_term",
    "bce_term",
    "cross_entropy_row",
    "log_softmax_row",
    "mse_term",
    "softmax_row",
]
