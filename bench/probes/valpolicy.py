"""Probe: hand numbers on course specs (`derive check --value`). True entry from the spec text run in PyTorch (spelled_oracle);
answers: the true entry rounded to 3, 4, 5 and 7 s.f. (must be ✓); to 1 s.f. (never ✓ unless
that is the exact value); ×1.2 and ×0.8 at 3 s.f., sign flipped, ×2 (never ✓).

PYTHONPATH=. python bench/probes/valpolicy.py [SPECS] [SEED]
"""

import math
import random
import sys
import tomllib
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
warnings.filterwarnings("ignore")
import corpus_common as cc
import numpy as np
import spelled_oracle as so
import torch

from derive.checker.check import check


def sig(x, n):
    if x == 0:
        return "0"
    return f"{x:.{n}g}" if abs(x) >= 1e-4 else f"{x:.{n - 1}e}"


def main(n=60, seed=0):  # noqa: C901 (one probe loop)
    rng = random.Random(seed)
    specs = sorted((ROOT / "tests" / "specs_course").glob("*.toml"))
    rng.shuffle(specs)
    stats = {
        "right_ok": 0,
        "right_bad": [],
        "wrong_ok": [],
        "wrong_bad": 0,
        "few_ok": [],
        "errors": [],
    }
    done = 0
    for p in specs:
        if done >= n:
            break
        try:
            raw = tomllib.loads(p.read_text(encoding="utf-8"))
            s, point = cc._course_spec_and_point(str(p))
            loss, ns = so.execute(s, raw, point)
            loss.backward()
        except Exception:
            continue
        params = [
            k for k in s.params if isinstance(ns.get(k), torch.Tensor) and ns[k].grad is not None
        ]
        if not params:
            continue
        wrt = rng.choice(params)
        G = ns[wrt].grad.detach().numpy()
        if G.ndim == 0 or G.size == 1:
            v = float(G.reshape(-1)[0])
            entry = wrt if G.ndim == 0 else wrt + "[0,0]" if G.ndim == 2 else wrt + "[0]"
        else:
            flat = rng.randrange(G.size)
            ij = np.unravel_index(flat, G.shape)
            v = float(G[ij])
            entry = f"{wrt}[{','.join(map(str, ij))}]"
        if v == 0 or not math.isfinite(v) or abs(v) < 1e-8:
            continue
        done += 1
        cases = [(sig(v, k), "right") for k in (3, 4, 5, 7)]
        cases += [
            (sig(v, 1), "few"),
            (sig(v * 1.2, 3), "wrong"),
            (sig(v * 0.8, 3), "wrong"),
            (sig(-v, 4), "wrong"),
            (sig(2 * v, 4), "wrong"),
        ]
        for text, kind in cases:
            try:
                r = check(str(p), entry, value=text)
                verdict = r.verdict
            except SystemExit as e:
                stats["errors"].append((p.name, entry, text, f"exit {e.code}"))
                continue
            except Exception as e:
                stats["errors"].append((p.name, entry, text, f"{type(e).__name__}: {e}"[:200]))
                continue
            tag = (p.name, entry, v, text, verdict)
            if kind == "right":
                if verdict == "correct":
                    stats["right_ok"] += 1
                else:
                    stats["right_bad"].append(
                        tag + (r.diagnoses[0].message[:160] if r.diagnoses else "",)
                    )
            elif kind == "few":
                if verdict == "correct":
                    stats["few_ok"].append(tag)
            else:
                if verdict == "correct":
                    stats["wrong_ok"].append(tag)
                else:
                    stats["wrong_bad"] += 1
    print(
        "specs",
        done,
        "right ok",
        stats["right_ok"],
        "right rejected",
        len(stats["right_bad"]),
        "wrong accepted",
        len(stats["wrong_ok"]),
        "wrong rejected",
        stats["wrong_bad"],
        "1 s.f. accepted",
        len(stats["few_ok"]),
        "errors",
        len(stats["errors"]),
    )
    for k in ("right_bad", "wrong_ok", "few_ok", "errors"):
        for t in stats[k][:25]:
            print(k, t)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
