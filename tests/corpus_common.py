"""What every written corpus's tests share: no case repeats an earlier corpus, and each
oracle-backed verdict is PyTorch's, not the checker's."""

from __future__ import annotations

import warnings
from collections.abc import Iterable


def _key(c: dict) -> tuple[str, str, str, str]:
    return (c["net"], c["wrt"], c["kind"], c["text"].strip())


def repeats(cases: Iterable[dict], earlier: Iterable[dict]) -> list[str]:
    """The ids of ``cases`` that repeat a case of ``earlier`` word for word."""
    seen = {_key(c) for c in earlier}
    return [c["id"] for c in cases if _key(c) in seen]


def oracle_agrees(case: dict) -> bool:
    """Does the PyTorch oracle give the verdict the corpus states for ``case``?"""
    import check_oracle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return check_oracle.oracle_ok(case["net"], case["wrt"], case["oracle"]) == (
            case["verdict"] == "correct"
        )
