"""Time to derive + verify the networks of issues 9.11 / 10.5 (one process, torch imported
first so its import is not counted):

    OMP_WAIT_POLICY=PASSIVE python bench/bench_trust.py

- sm2: two softmax layers of width 4 (was 30 s);
- chain100: a 100-line chain of sigmoid nodes (was a RecursionError);
- mlp32-novalues: the (32, 32, 32) ReLU→sigmoid BCE MLP without [values] (goal ≤ 5 s);
- fuzz-4layer: random 4-layer networks with every dim ≤ 4 (was 76 s in the derivation).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import torch  # noqa: F401

    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import fuzz
    from derive.numeric import verify as numeric

    cases = [(p.stem, spec.load(str(p))) for p in sorted((ROOT / "bench" / "specs").glob("*.toml"))]
    four = [
        s
        for s in range(200)
        if fuzz.random_spec(s, max_dim=4).count("@ W4") == 1
        and "W5" not in fuzz.random_spec(s, max_dim=4)
    ][:5]
    cases += [
        (f"fuzz-{s} (4 layers, dims ≤ 4)", spec.parse(fuzz.random_spec(s, max_dim=4))) for s in four
    ]
    for name, s in cases:
        t0 = time.perf_counter()
        d = derive(s)
        t1 = time.perf_counter()
        report = numeric.verify(d, points=3)
        t2 = time.perf_counter()
        print(
            f"{name}: derive {t1 - t0:.2f} s, verify {t2 - t1:.2f} s, total {t2 - t0:.2f} s, "
            f"{'✓' if report.ok else '✗'}",
            flush=True,
        )


if __name__ == "__main__":
    main()
