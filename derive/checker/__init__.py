"""``derive check`` and ``derive grade``: is a hand-derived gradient right, and which mistake is it?

Public interface: :func:`derive.checker.check.check` (also ``derive.check(...)``) →
``CheckResult``; :mod:`derive.checker.grade` (batch grading). Uses ``lang``, ``engine`` and
``numeric`` only.
"""
