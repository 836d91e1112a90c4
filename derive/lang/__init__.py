"""The language a network is written in: the operation table, expressions and spec files.

Public interface:

- :mod:`derive.lang.ops` — the operation table (``OPS``, ``get``, ``using``, ``register``);
- :mod:`derive.lang.expr` — ``parse`` (text → expression tree, never evaluated), ``ExprError``;
- :mod:`derive.lang.spelling` — NumPy/PyTorch spellings (``np.dot``, ``F.mse_loss``, ``dim=``)
  rewritten exactly into the language (used by ``expr``);
- :mod:`derive.lang.spec` — ``load`` (built-in name or path), ``parse`` (TOML text), ``NetSpec``,
  ``builtin_names``, ``SpecError``;
- :mod:`derive.lang.domains` — which values each operation accepts (checking user values,
  drawing example values).

Nothing here imports the engine; user text never reaches ``sympify`` or ``eval``.
"""
