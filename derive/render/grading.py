"""Grading one answer against an exercise answer key (the Python API for ``derive grade``).

Apart from :mod:`derive.render.exercises`, which every ``derive build`` imports, so that a build
does not import the checker (``derive check``'s readers and diagnosis: about 0.1 s of start-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from derive.checker.check import check
from derive.render.exercises import ExerciseError, key_spec, variant_derivation

__all__ = ["grade"]


def grade(
    key: Mapping[str, Any],
    question: str,
    answer: str,
    lang: str = "en",
    latex=False,
    spec: str | None = None,
):
    """Grade ``answer`` to ``question`` (an id of the key, e.g. ``numbers.W1[0,0]`` or
    ``backward.W2``) with :func:`derive.checker.check.check`; returns its ``CheckResult``.
    ``spec``: the spec file, where the key's own (relative) path is not found from here."""

    q = next((q for q in key["questions"] if q["id"] == question), None)
    if q is None:
        ids = ", ".join(q["id"] for q in key["questions"])
        raise ExerciseError(f"no question '{question}' in the answer key; it has: {ids}")
    s = key_spec(key, spec)
    d = variant_derivation(s, int(key["variant"]), int(key["seed"]))
    if q["kind"] == "value":
        return check(d, q["wrt"], value=answer, lang=lang)
    return check(d, q["wrt"], answer, latex=latex, lang=lang)
