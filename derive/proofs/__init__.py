"""Size-independent proofs of the backpropagation rules, each a chain of verified steps.

``core`` holds the index-notation machinery (worlds, the index checker, the proof builder); the
proofs live by topic in ``linear``, ``activations``, ``losses``, ``normalisation`` and
``initialisation``; ``registry`` names them, links the engine's rules to them and prints them;
``proven`` reads the proofs shipped as the engine proved them (``python -m derive.proofs``).
"""

from derive.proofs.core import Proof, title
from derive.proofs.registry import (
    ELEMENTARY,
    PROOF_OF_RULE,
    PROOFS,
    format_text,
    get_proof,
    note_text,
    proof_for,
    proof_names,
    reason_text,
    shared_proofs,
)

__all__ = [
    "ELEMENTARY",
    "PROOFS",
    "PROOF_OF_RULE",
    "Proof",
    "format_text",
    "get_proof",
    "note_text",
    "proof_for",
    "proof_names",
    "reason_text",
    "shared_proofs",
    "title",
]
