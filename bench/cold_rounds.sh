#!/bin/bash
# One round of the cold build's A/B (not a test): for each tree given (detached worktrees, e.g.
# main and a branch), a cold full build (empty cache, no bytecode: a fresh machine's first
# build) split into CPU parent + children by bench/cpu_split.py, then two builds of one
# tiny-mlp handout after a value edit (a new X[0,0] each time, the tree's cache warm); then the
# bare `import sympy, jinja2, numpy`. Alternate the trees' order between rounds:
#   for i in 1 2 3 4 5 6; do bench/cold_rounds.sh /tmp/main /tmp/branch; done   (or reversed)
# With BYTECODE=1 the cold build writes derive's bytecode as Python does by default (a fresh
# machine's first `derive build` after `pip install -e .`), and the value edits after it read
# it, as a lecturer's edit loop does; without, nothing is written (the edits compile too).
export OMP_WAIT_POLICY=PASSIVE PYTHONDONTWRITEBYTECODE=1
BC=""; [ "${BYTECODE:-0}" = 1 ] && unset PYTHONDONTWRITEBYTECODE && BC=" (bytecode written)"
EDIT='import os, resource, sys, time
from derive import cli
t = time.perf_counter()
def split():
    me, kid = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"EDIT parent {me.ru_utime + me.ru_stime:.2f} children {kid.ru_utime + kid.ru_stime:.2f}"
          f" wall {time.perf_counter() - t:.2f}", file=sys.stderr, flush=True)
if hasattr(cli, "run"):  # as the derive script: the process ends in run (no teardown)
    real_exit, top = os._exit, os.getpid()
    def report_then_exit(status):
        if os.getpid() == top:
            split()
        real_exit(status)
    os._exit = report_then_exit
    cli.run()
try:
    cli.main(sys.argv[1:])
except SystemExit as e:
    assert not e.code, e.code
split()'
for t in "$@"; do
  cd "$t" || exit 1
  find . -name __pycache__ -prune -exec rm -rf {} +
  D=$(mktemp -d); O=$(mktemp -d)
  L=$(cut -d' ' -f1 /proc/loadavg)
  R=$( { /usr/bin/time -f "whole %e cpu %U+%S" env PYTHONPATH="$t" DERIVE_CACHE=$D \
        python bench/cpu_split.py build -o $O 2>&1 >/dev/null; } 2>&1 \
      | grep -E "CPU parent|whole" | tr '\n' ' ')
  echo "$(basename "$t") cold load $L $R$BC"
  for k in 1 2; do
    E=$(mktemp -d); V="0.$(date +%N)1"
    sed "s/X = \[\[0.5/X = [[$V/" derive/lang/specs/tiny-mlp.toml > $E/tiny-mlp.toml
    R=$( { /usr/bin/time -f "whole %e cpu %U+%S" env PYTHONPATH="$t" DERIVE_CACHE=$D OMP_NUM_THREADS=1 \
          OPENBLAS_NUM_THREADS=1 DERIVE_SERVER=off python -c "$EDIT" \
          build $E/tiny-mlp.toml -f md --lang en -o $E/o 2>&1 >/dev/null; } 2>&1 \
        | grep -E "EDIT|whole" | tr '\n' ' ')
    echo "$(basename "$t") edit load $(cut -d' ' -f1 /proc/loadavg) $R"
    rm -rf $E
  done
  rm -rf $D $O
  find . -name __pycache__ -prune -exec rm -rf {} +
done
/usr/bin/time -f "bare wall %e cpu %U+%S" python -c "import sympy, jinja2, numpy"
