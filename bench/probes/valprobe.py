"""Probe: hand numbers around each built-in entry (rounded to 2-5 digits, moved by units of the last digit) against the written number policy.

PYTHONPATH=. python bench/probes/valprobe.py
"""

import collections
import math
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "tests"))
import check_oracle as co

from derive.checker.check import FormulaError, check
from derive.lang.spec import load


def fmt(x, k):
    return f"{x:.{k}g}" if abs(x) >= 1e-4 else f"{x:.{k - 1}e}"


stats = collections.Counter()
odd = []
for net in [
    "tiny-mlp",
    "mlp-bce",
    "neuron",
    "relu-mlp",
    "softmax-regression",
    "batchnorm",
    "mlp-bce-weighted",
    "attention",
]:
    spec = load(net)
    for p in spec.params:
        shape = co.NETS[net][1][p]
        dims = {k: int(v) for k, v in spec.dims.items()}
        r, c = [dims[s] if isinstance(s, str) else s for s in shape] if shape else (1, 1)
        for i in range(min(r, 2)):
            for j in range(min(c, 2)):
                v = co.exact_value(net, p, i, j)
                if v == 0:
                    continue
                for k in (2, 3, 4, 5):
                    base = float(f"{v:.{k}g}")
                    e = math.floor(math.log10(abs(base))) - (k - 1)
                    ulp = 10.0**e
                    for m in (0, 1, -1, 2, -2, 3, 5, -5, 10, 30):
                        x = base + m * ulp
                        if x == 0:
                            continue
                        text = f"{x:.{max(0, -e)}f}" if e < 0 else str(int(round(x)))
                        try:
                            res = check(net, f"{p}[{i},{j}]", value=text)
                            verdict = res.verdict
                        except FormulaError:
                            verdict = "refused"
                        except Exception as err:
                            verdict = "CRASH"
                            odd.append((net, p, i, j, text, repr(err)))
                        stats[(k, m, verdict)] += 1
                        dev = abs(x - v) / ulp
                        if verdict == "correct" and dev > 1.0 + 1e-9 and k >= 3:
                            odd.append(
                                (
                                    net,
                                    p,
                                    i,
                                    j,
                                    text,
                                    v,
                                    round(dev, 2),
                                    res.text().splitlines()[-1][:160],
                                )
                            )
                        if verdict == "correct" and k == 2 and dev > 0.5 + 1e-9:
                            odd.append(
                                (
                                    net,
                                    p,
                                    i,
                                    j,
                                    text,
                                    v,
                                    round(dev, 2),
                                    res.text().splitlines()[-1][:160],
                                )
                            )
                        if (
                            verdict != "correct"
                            and dev <= 0.5 - 1e-9
                            and sum(ch.isdigit() for ch in text.lstrip("-0.")) >= 2
                        ):
                            odd.append(("REJECTED-ROUNDED", net, p, i, j, text, v, verdict))
for k in sorted(stats):
    print(k, stats[k])
for o in odd:
    print(o)
