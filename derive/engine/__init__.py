"""The engine: explicit graph, verified steps and symbolic reverse mode.

Public interface:

- :mod:`derive.engine.graph` — ``build(NetSpec) -> Graph`` (a symbol for every entry);
- :mod:`derive.engine.steps` — ``Step``, ``prove`` (the only way to make a step), ``Checker``,
  ``StepError``;
- :mod:`derive.engine.backprop` — ``derive(NetSpec) -> Derivation`` (every gradient, every step
  verified);
- :mod:`derive.engine.mform` — the matrix-form IR, its evaluator (``evaluate`` over 50-digit
  mpmath, NumPy or PyTorch) and printers (LaTeX, text, NumPy);
- :mod:`derive.engine.printing` — the LaTeX printer of our notation;
- :mod:`derive.engine.tolerance` — the numeric tolerances and their reasons.
"""
