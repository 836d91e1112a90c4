"""The errors a user can see, and their exit codes (one hierarchy; the CLI maps them by type).

=====  =======================================================================================
exit   meaning
=====  =======================================================================================
0      everything verified / written
1      a check failed: gradients disagree, a step failed verification, a student's answer is wrong
2      bad input: spec, values, formula, options, output path, templates, names, limits
3      an external tool (LaTeX, PyTorch) is missing or failed
70     an internal error (a bug in derive): one line, "rerun with --debug" for the traceback
130    interrupted (Ctrl-C)
=====  =======================================================================================

Every exception meant for the user derives from :class:`DeriveError`; its ``str()`` is the
one-line message and its class attribute ``exit_code`` the code. Anything else that escapes is an
internal error. This module imports nothing, so the CLI can classify errors without loading
SymPy, NumPy or PyTorch.
"""

from __future__ import annotations

OK, FAILED, BAD_INPUT, TOOL, INTERNAL, INTERRUPTED = 0, 1, 2, 3, 70, 130


class DeriveError(Exception):
    """Base of every user-facing error; ``exit_code`` says how the CLI exits and ``prefix``
    what the CLI prints before the message."""

    exit_code: int = BAD_INPUT
    prefix: str = ""
    #: a message from the catalogues (``derive.locale.catalog.refusal``): the text before it,
    #: the sentence (a ``catalog.Said``) and the text after it; ``None``: English only
    said: tuple[str, object, str] | None = None


class BadInput(DeriveError):
    """Bad input (exit 2): the message names what is wrong and the fix."""

    exit_code = BAD_INPUT


class OptionError(BadInput):
    """A bad command-line option value (format, language, --points, …)."""


class OutputPathError(BadInput):
    """The output folder cannot be created or written (checked before anything is written)."""


class TemplateError(BadInput):
    """A ``--templates`` folder or one of its templates is unusable (names file:line)."""


class LimitError(BadInput):
    """Input beyond a documented resource limit (sizes, steps, file size)."""


class CheckFailed(DeriveError):
    """A check failed (exit 1): gradients disagree, a derivation step failed verification."""

    exit_code = FAILED


class ToolError(DeriveError):
    """An external tool (LaTeX, PyTorch) is missing or failed (exit 3)."""

    exit_code = TOOL


class Failure(DeriveError):
    """A failure with an explicit exit code and message (used by the CLI itself)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = code
        self.code = code
