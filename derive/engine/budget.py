"""A CPU-time budget for the derivation: the last guard against unbounded time.

The spec loader refuses, up front, sizes whose element-wise derivation is known to be too large
(``derive/lang/spec.py``). Its estimate counts entries and product terms; some specs inside those
limits still make SymPy work for minutes (two chained softmax layers of width 16, a softmax over
a row of 128, a 4-layer tanh/sigmoid/softplus/softmax net of width 8). :func:`cpu_budget` stops
such a derivation after :data:`MAX_DERIVE_CPU_SECONDS` of CPU time (not wall time: a loaded
machine does not make it fail) with a :class:`~derive.errors.LimitError` (exit 2) naming the
limit. It uses ``SIGPROF`` and so only acts in the main thread of a process that has no other
profiling timer running; elsewhere it does nothing.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from derive.errors import LimitError
from derive.locale import catalog

MAX_DERIVE_CPU_SECONDS = 60.0
_REPEAT = 0.5  # if library code swallows the first error, the next one comes 0.5 s of CPU later
_SOON = 0.005  # CPU seconds: the next signal after one whose error was lost in a callback


class BudgetExceeded(LimitError):
    """The derivation used up its CPU-time budget (exit 2)."""


@contextmanager
def cpu_budget(what: str, seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` inside the block once it has used ``seconds`` of CPU."""
    seconds = MAX_DERIVE_CPU_SECONDS if seconds is None else seconds
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)  # none running (or nested)
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        sentence = catalog.said("refuse.budget", what=what, seconds=f"{seconds:g}")
        raise catalog.refusal(BudgetExceeded, sentence)

    hook = sys.unraisablehook

    def lost(u: object) -> None:
        # the signal came while the garbage collector ran a __del__ or a weak-reference
        # callback, where a raised error is only printed ("Exception ignored in …"): not
        # printed, and the next signal comes at once, in the code the budget is about
        if isinstance(getattr(u, "exc_value", None), BudgetExceeded):
            signal.setitimer(signal.ITIMER_PROF, _SOON, _REPEAT)
        else:
            hook(u)  # type: ignore[arg-type]

    previous = signal.signal(signal.SIGPROF, expired)
    sys.unraisablehook = lost
    signal.setitimer(signal.ITIMER_PROF, seconds, _REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0.0, 0.0)
        signal.signal(signal.SIGPROF, previous)
        sys.unraisablehook = hook
