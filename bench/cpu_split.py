"""CPU of one ``derive`` command split into this process and its children (the PyTorch worker,
the proofs child), with its wall time (not a test):

    DERIVE_CACHE=$(mktemp -d) PYTHONPATH=. python bench/cpu_split.py build -o /tmp/out

On a loaded machine the wall time cannot show the overlap; the split gives the critical path an
idle 2-core machine would see (about the larger of the two, when the children run beside it).
The command runs as the ``derive`` script does (``derive.cli.run``: it ends the process itself,
without the interpreter's teardown); the split is printed just before that end. A tree without
``run`` (before branch ``coldbuild10``) runs ``main`` and prints the split after it returns.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from derive import cli


def split(start: float) -> str:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        f"CPU parent {me.ru_utime + me.ru_stime:.2f} s, children "
        f"{kids.ru_utime + kids.ru_stime:.2f} s, wall {time.perf_counter() - start:.2f} s"
    )


def run(args: list[str]) -> None:
    start = time.perf_counter()
    if hasattr(cli, "run"):
        real_exit, top = os._exit, os.getpid()

        def report_then_exit(status: int) -> None:
            if os.getpid() == top:  # (the build's forked children end through os._exit too)
                print(split(start), file=sys.stderr, flush=True)
            real_exit(status)

        os._exit = report_then_exit
        sys.argv[1:] = args
        cli.run()  # ends the process
    try:
        cli.main(args)
    except SystemExit as e:
        assert not e.code, e.code
    print(split(start), file=sys.stderr)


if __name__ == "__main__":
    run(sys.argv[1:])
