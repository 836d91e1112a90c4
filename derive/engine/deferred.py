"""Identity tests run on the other core while the caller goes on (``derive verify``).

:func:`derive.engine.backprop.derive_deferred` derives a network with its checker recording the
steps' identities instead of testing them (:meth:`~derive.engine.steps.Checker.defer`). It then
hands them to :class:`PendingChecks`, which forks a child that tests them all, in the order they
were made, with the same checker (its definitions, points and digits), while the parent goes on
with the numeric comparisons. Nothing made from the derivation may be shown or written before
:meth:`PendingChecks.settle`, which waits for the child and raises the :class:`StepError` of the
first false step — the error the derivation would have raised at that step. So every step is
still proven by the random-point identity test before it counts; only *when* it is tested moves.

Rules it keeps (as :mod:`derive.numeric.worker`):

- the first identities are tested here, up to :data:`HERE_FIRST` seconds of CPU: a small
  network's tests all fit (the ten built-ins' take 0.07 s together; a child costs more than
  that to fork, start and answer), and only what is left goes to a child;
- the child starts only on Linux with ``fork`` and two usable CPUs, and not with
  ``DERIVE_WORKER=off``; otherwise (and whenever the child fails, dies or answers anything but a
  verdict) :meth:`~PendingChecks.settle` tests the identities in this process, so every error
  is the one it always was;
- the child runs under what is left of the derivation's CPU-time budget
  (:mod:`derive.engine.budget`); it leaves through ``os._exit`` only and writes nothing; the
  parent reaps it, and the kernel ends it when the parent ends.
"""

from __future__ import annotations

import time
from multiprocessing.connection import Connection
from typing import Any

from derive import forks
from derive.engine.budget import MAX_DERIVE_CPU_SECONDS, cpu_budget
from derive.engine.steps import Checker, StepError

ENV = "DERIVE_WORKER"  # "off" (or 0/no): test in this process (as derive.numeric.worker)
# CPU seconds of identity tests run in this process before the rest goes to a child: a forked
# child costs about 15 ms of CPU to start, test and answer even when it has little to test
HERE_FIRST = 0.02


def cpu_used() -> float:
    """This process's CPU seconds (user and system), read before every identity test here:
    ``time.process_time`` (0.3 µs), not ``getrusage`` (30 µs, 0.2 ms in a process of SymPy's
    size — it also gathers the memory figures — and several ms on a loaded machine: 284 calls
    took 1.0 s of a cold build's profile at load 12)."""
    return time.process_time()


def _wanted() -> bool:
    return forks.usable(ENV)


def run_all(checker: Checker, jobs: list[tuple[Any, Any, str]]) -> None:
    """Test ``jobs`` in order; the first false one raises its :class:`StepError`."""
    for lhs, rhs, label in jobs:
        checker.check_now(lhs, rhs, label)


class PendingChecks:
    """Identities recorded by a deferring checker, tested by a child process (or here)."""

    def __init__(self, checker: Checker, jobs: list[tuple[Any, Any, str]], what: str) -> None:
        self.checker, self.jobs, self.what = checker, jobs, what
        self.budget = MAX_DERIVE_CPU_SECONDS  # CPU seconds left for the tests
        self.pid: int | None = None
        self.conn: Connection | None = None
        self.done = not jobs
        self.tested = 0  # the first jobs, tested here (:meth:`start`)
        self.false: StepError | None = None  # the first false step among them

    def start(self, budget: float) -> PendingChecks:
        """Test the first identities here (:data:`HERE_FIRST`), then fork the child that tests
        the rest (where wanted); returns ``self``."""
        self.budget = budget
        if self.done or not _wanted():
            return self
        self._test_here(HERE_FIRST)
        if self.done or self.false is not None:
            return self
        child = forks.fork(lambda conn: conn.send(self._verdict()), duplex=False)
        if child is not None:
            self.pid, self.conn = child
        return self

    def _test_here(self, seconds: float) -> None:
        """Test jobs in order until ``seconds`` of CPU are used: a false step is kept for
        :meth:`settle` to raise; any other error stops here, and the job is tested again by the
        child or :meth:`settle` (which report it as always)."""
        start = cpu_used()
        try:
            with cpu_budget(self.what, max(self.budget, 0.5)):
                for lhs, rhs, label in self.jobs:
                    if cpu_used() - start >= seconds:
                        return
                    self.checker.check_now(lhs, rhs, label)
                    self.tested += 1
        except StepError as err:
            self.false = err
        except Exception:  # noqa: BLE001 - raised again where it was always raised
            pass
        finally:
            self.jobs = self.jobs[self.tested :]
            self.tested = 0
            self.budget -= cpu_used() - start
            self.done = not self.jobs and self.false is None

    def _verdict(self) -> tuple[str, Any]:
        try:
            with cpu_budget(self.what, max(self.budget, 0.5)):
                run_all(self.checker, self.jobs)
        except StepError as err:
            return ("false", err.args)
        except BaseException:  # noqa: BLE001 - anything else is reproduced by the parent
            return ("other", None)
        return ("ok", None)

    def settle(self) -> None:
        """Wait for the verdict; raise the first false step's :class:`StepError`. Once settled
        (true), calling it again does nothing."""
        if self.false is not None:
            raise self.false
        if self.done:
            return
        answer: tuple[str, Any] | None = None
        if self.conn is not None:
            try:
                answer = self.conn.recv()
            except (EOFError, OSError):
                answer = None
            finally:
                self.close()
        if answer is not None and answer[0] == "ok":
            self.done = True
            return
        if answer is not None and answer[0] == "false":
            raise StepError(*answer[1])
        # no child, or it could not say: test here (the same tests, the same errors)
        with cpu_budget(self.what, max(self.budget, 0.5)):
            run_all(self.checker, self.jobs)
        self.done = True

    def close(self) -> None:
        """End the child (if it still runs) and reap it."""
        pid, conn, self.pid, self.conn = self.pid, self.conn, None, None
        forks.reap(pid, conn)


def budget_left(start_cpu: float) -> float:
    """CPU seconds of the derivation's budget left after what was used since ``start_cpu``."""
    return MAX_DERIVE_CPU_SECONDS - (cpu_used() - start_cpu)
