"""What the templates read: frozen records built from verified steps only.

Public interface: :func:`derive.walkthrough.context.build` (``Derivation`` + ``Report`` + proofs
→ ``Walkthrough``); :mod:`~derive.walkthrough.lessons` (teaching points, each extra equation
proven), :mod:`~derive.walkthrough.evidence` (the verification table),
:mod:`~derive.walkthrough.diagram` (Mermaid/TikZ), :mod:`~derive.walkthrough.codegen` (NumPy and
PyTorch code, the lab).
"""
