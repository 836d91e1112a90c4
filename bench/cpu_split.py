"""CPU of one ``derive`` command split into this process and its children (the PyTorch worker,
the proofs child), with its wall time (not a test):

    DERIVE_CACHE=$(mktemp -d) PYTHONPATH=. python bench/cpu_split.py build -o /tmp/out

On a loaded machine the wall time cannot show the overlap; the split gives the critical path an
idle 2-core machine would see (about the larger of the two, when the children run beside it).
"""

from __future__ import annotations

import resource
import sys
import time

from derive.cli import main


def run(args: list[str]) -> None:
    start = time.perf_counter()
    try:
        main(args)
    except SystemExit as e:
        assert not e.code, e.code
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"CPU parent {me.ru_utime + me.ru_stime:.2f} s, children "
        f"{kids.ru_utime + kids.ru_stime:.2f} s, wall {time.perf_counter() - start:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    run(sys.argv[1:])
