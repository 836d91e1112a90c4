"""Numbers: exact example values, PyTorch and finite differences, training, fuzzing.

Public interface:

- :mod:`derive.numeric.example` — ``Example`` (exact values and hand-calculation working);
- :mod:`derive.numeric.verify` — ``verify(Derivation) -> Report``, ``train``, ``TorchMissing``;
- :mod:`derive.numeric.fuzz` — random specs over the whole language, for tests and ``bench/``.
"""
