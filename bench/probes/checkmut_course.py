"""Probe: the right NumPy answers of corpora 10-26 on course networks, edited the student way, judged by the spec text run in PyTorch (tests/spelled_oracle.py, at the example) and by derive check.

PYTHONPATH=. python bench/probes/checkmut_course.py [EDITS_PER_CASE] [SEED]
"""

import functools
import importlib
import json
import random
import re
import sys
import tomllib
import warnings
from pathlib import Path

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "tests"))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
warnings.filterwarnings("ignore")
import corpus_common as cc
import numpy as np
import spelled_oracle as so
import torch
from checkmut import judge, mutants, new_stats, sig


@functools.lru_cache(maxsize=None)
def env_of(path):
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    s, point = cc._course_spec_and_point(path)
    ns = so.namespace(s, raw, point)
    dt = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        for key, text in raw["forward"].items():
            ns[key] = eval(compile(text, key, "eval"), ns)
    finally:
        torch.set_default_dtype(dt)
    ns[list(raw["forward"])[-1]].backward()
    env = {k: v.detach().numpy() for k, v in ns.items() if isinstance(v, torch.Tensor)}
    grads = {
        k: v.grad.numpy()
        for k, v in ns.items()
        if isinstance(v, torch.Tensor) and v.grad is not None
    }
    env.update({k: int(v) for k, v in s.dims.items()})
    env.update({k: float(v) for k, v in (raw.get("constants") or {}).items()})
    return env, grads


def oracle(path, wrt, text):
    try:
        env, grads = env_of(path)
    except Exception:
        return None
    if wrt not in grads:
        return None
    want = grads[wrt]
    ns = dict(env)
    ns.update(np=np, sigmoid=sig)
    loc = dict(ns)
    try:
        exec(
            compile(text, "<t>", "exec"),
            {"__builtins__": {"range": range, "len": len, "sum": sum, "float": float, "abs": abs}},
            loc,
        )
        assigned = re.findall(r"^\s*([A-Za-z_]\w*)\s*(?:\+|-|/|\*)?=(?!=)", text, re.M)
        got = loc.get(assigned[-1]) if assigned else eval(text, {"__builtins__": {}}, dict(ns))
        got = np.asarray(got, float)
    except Exception:
        return None
    if got.shape != want.shape and got.size == want.size and (got.ndim < 2 or 1 in want.shape):
        got = got.reshape(want.shape)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-7, atol=1e-10))


def main(limit=8, seed=0):
    rng = random.Random(seed)
    cs = []
    for n in range(10, 27):
        try:
            m = importlib.import_module(f"corpus{n}")
        except ImportError:
            continue
        cs += [
            c
            for c in m.load()
            if c.get("kind") == "numpy"
            and c.get("verdict") == "correct"
            and c["net"].endswith(".toml")
            and "[" not in c["wrt"]
            and not c.get("opts")
        ]
    print("cases", len(cs), flush=True)
    st, bad = new_stats(), []
    for c in cs:
        if oracle(c["net"], c["wrt"], c["text"]) is not True:
            continue
        env, grads = env_of(c["net"])
        shape = grads[c["wrt"]].shape
        near = [
            k
            for k, v in env.items()
            if isinstance(v, np.ndarray)
            and v.ndim == 2
            and len(shape) == 2
            and (v.shape == shape or v.shape[0] == shape[0] or v.shape[1] == shape[1])
        ]
        for t in mutants(c["text"], "mlp-bce", rng, near or None)[:limit]:
            o = oracle(c["net"], c["wrt"], t)
            if o is None:
                st["oracle_unrun"] += 1
                continue
            judge(c, t, o, st, bad)
    for b in bad:
        print(b)
    print(json.dumps(st), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8, int(sys.argv[2]) if len(sys.argv) > 2 else 0)
