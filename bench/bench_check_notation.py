"""The notation sweep (tests/notation_sweep.py): right answers to every built-in's parameters in
NumPy, PyTorch, lecture-note LaTeX and Chinese-note spellings — how many ``derive check`` reads
and how many it accepts, per source kind, with the CLI's fast path first (every network compiled
into a temporary cache) and the full checker where it does not answer.

python bench/bench_check_notation.py [-v] [--slow]   (-v: every case not accepted; --slow: the
right ones the full checker answered)"""

from __future__ import annotations

import collections
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import notation_sweep  # noqa: E402


def main() -> None:
    from derive import cache
    from derive.checker import compiled, fastpath
    from derive.checker.check import FormulaError, check
    from derive.checker.checknet import net_for

    os.environ["DERIVE_CACHE"] = tempfile.mkdtemp()
    for net in sorted({c[0] for c in notation_sweep.CASES}):
        text = fastpath.spec_text(net)
        key = fastpath.name_for(text)
        data = compiled.build(net_for(net, 0), key)
        if data is not None:
            cache.write(fastpath.KIND, f"{key}.json", data)
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    total: collections.Counter = collections.Counter()
    for net, wrt, text, kind in notation_sweep.CASES:
        group = kind.split("-")[0]
        fast = fastpath.answer(net, wrt, text)
        if fast is not None:
            ok, read, how, why = fast[1] == 0, True, "fast", fast[0]
        else:
            try:
                r = check(net, wrt, text)
                ok, read, how, why = r.ok, True, "slow", r.text()
            except FormulaError as err:
                ok, read, how, why = False, False, "slow", err.localized("en")
        for c in (by_kind[group], total):
            c["cases"] += 1
            c["read"] += read
            c["accepted"] += ok
            c["fast"] += how == "fast"
        if "--slow" in sys.argv and how == "slow" and ok:
            print(f"  slow-ok {net}:{wrt} [{kind}] {text!r}")
        if not ok and "-v" in sys.argv:
            line = why.splitlines()[-1] if not read else why.splitlines()[0]
            print(f"  {how:4} {net}:{wrt} [{kind}] {text!r}\n       {line[:200]}")
    for group, c in sorted(by_kind.items()):
        print(
            f"  {group:8} {c['cases']:3} cases: read {c['read']}, accepted {c['accepted']}, "
            f"fast {c['fast']}"
        )
    print(
        f"notation sweep: {total['cases']} right answers, read {total['read']}, accepted "
        f"{total['accepted']} ({100 * total['accepted'] / total['cases']:.1f} %), answered by the "
        f"fast path {total['fast']}"
    )


if __name__ == "__main__":
    main()
