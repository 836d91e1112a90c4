"""Probe (issue 11, zero wrong answers accepted): the right NumPy answers of corpora 2-26 on the built-ins, edited the student way, judged by the independent oracle (tests/check_oracle.py) and by derive check.

PYTHONPATH=. python bench/probes/checkmut.py [EDITS_PER_CASE] [SEED]
"""

import importlib
import json
import random
import re
import sys
import warnings

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "tests"))
warnings.filterwarnings("ignore")
import check_oracle as co
import numpy as np

from derive.checker.check import FormulaError, check


def corpus_cases(last=26):
    """Every case of corpora 2..last (tests/corpusN.py, with their a/b rounds)."""
    for n in range(2, last + 1):
        for suffix in ("", "a", "b"):
            try:
                m = importlib.import_module(f"corpus{n}{suffix}")
            except ImportError:
                continue
            if hasattr(m, "load"):
                yield from m.load()


def cases():
    return [
        c
        for c in corpus_cases()
        if c.get("kind") == "numpy"
        and c.get("verdict") == "correct"
        and c["net"] in co.NETS
        and "[" not in c["wrt"]
        and not c.get("opts")
    ]


IDENT = re.compile(r"\b[A-Za-z_]\w*\b")


def mutants(text, net, rng, names=None):
    names = names or [k for k in co.NETS[net][1]] + [
        "A1",
        "A2",
        "Z1",
        "Z2",
        "h",
        "y_pred",
        "P",
        "S",
        "A",
        "O",
        "Q",
        "K",
        "V",
        "h_1",
        "h_2",
        "xhat",
        "Y",
    ]
    edits = []
    for m in re.finditer(r"\.T\b", text):
        edits.append(text[: m.start()] + text[m.end() :])
    for m in re.finditer(r"\s*/\s*(?:m|n|\d+|len\(\w+\)|\w+\.shape\[\d\])", text):
        edits.append(text[: m.start()] + text[m.end() :])
    for m in re.finditer(r"(?<=\s)[-+](?=\s)", text):
        edits.append(text[: m.start()] + ("+" if m.group() == "-" else "-") + text[m.end() :])
    for m in re.finditer(r"axis\s*=\s*([01])|dim\s*=\s*([01])", text):
        s = m.group(0)
        s2 = s[:-1] + ("1" if s[-1] == "0" else "0")
        edits.append(text[: m.start()] + s2 + text[m.end() :])
    for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])", text):
        v = m.group(1)
        for w in ("2", "0.5", "3") if v not in ("0", "1") else (("1",) if v == "0" else ("2",)):
            edits.append(text[: m.start()] + w + text[m.end() :])
    for m in IDENT.finditer(text):
        if m.group() in names:
            for other in rng.sample(names, min(3, len(names))):
                if other != m.group():
                    edits.append(text[: m.start()] + other + text[m.end() :])
    for m in re.finditer(r"\b(\w+)\s*\.T\s*@\s*(\w+)", text):
        edits.append(text[: m.start()] + f"{m.group(2)}.T @ {m.group(1)}" + text[m.end() :])
    for m in re.finditer(r"\(1\s*-\s*(\w+)\)", text):
        edits.append(text[: m.start()] + m.group(1) + text[m.end() :])
    rng.shuffle(edits)
    return edits


def sig(z):
    return 1 / (1 + np.exp(-z))


def oracle(net, wrt, text, seeds=(0, 1)):
    """True/False, or None when the text cannot be run by NumPy here."""
    for seed in seeds:
        env, _ = co.grads(net, seed)
        if "d" + wrt not in env:
            return None
        want = np.asarray(env["d" + wrt])
        ns = {k: v for k, v in env.items() if not k.startswith("d")}
        ns.update(
            np=np,
            sigmoid=sig,
            relu=lambda z: np.maximum(z, 0),
            tanh=np.tanh,
            exp=np.exp,
            log=np.log,
        )
        set(ns)
        try:
            tree = compile(text, "<t>", "exec")
            loc = dict(ns)
            exec(
                tree,
                {
                    "__builtins__": {
                        "range": range,
                        "len": len,
                        "sum": sum,
                        "float": float,
                        "int": int,
                        "abs": abs,
                    }
                },
                loc,
            )
        except Exception:
            try:
                loc = {"_r": eval(text, {"__builtins__": {}}, dict(ns))}
            except Exception:
                return None
        assigned = re.findall(r"^\s*([A-Za-z_]\w*)\s*(?:\+|-)?=(?!=)", text, re.M)
        if "_r" in loc:
            got = loc["_r"]
        elif assigned:
            got = loc.get(assigned[-1])
        else:
            return None
        try:
            got = np.asarray(got, float)
        except Exception:
            return None
        if got.shape != want.shape and got.size == want.size and (got.ndim < 2 or 1 in want.shape):
            got = got.reshape(want.shape)
        if got.shape != want.shape or not np.allclose(got, want, rtol=1e-7, atol=1e-10):
            return False
    return True


def judge(c, t, o, stats, bad):
    """``derive check`` on mutant ``t`` of case ``c``, counted against the oracle's ``o``."""
    stats["mutants"] += 1
    try:
        r = check(c["net"], c["wrt"], t)
        v = r.verdict
    except FormulaError:
        v = "unreadable"
    except Exception as e:
        stats["crash"] += 1
        bad.append(("CRASH", c["id"], t, repr(e)[:200]))
        return
    if v == "correct" and o is False:
        stats["wrong_acc"] += 1
        bad.append(("WRONG-ACCEPTED", c["id"], c["net"], c["wrt"], t))
    elif v == "unreadable":
        stats["unread"] += 1
    elif v != "correct" and o is True:
        stats["right_rej"] += 1
        bad.append(("right-rejected?", c["id"], c["net"], c["wrt"], t, v, r.code))


def new_stats():
    return dict(mutants=0, oracle_unrun=0, wrong_acc=0, right_rej=0, crash=0, unread=0)


def main(limit_per_case=6, seed=0):
    rng = random.Random(seed)
    cs = cases()
    print("cases", len(cs), flush=True)
    stats, bad = new_stats(), []
    for c in cs:
        if oracle(c["net"], c["wrt"], c["text"]) is not True:
            continue  # the oracle cannot run the original: skip
        for t in mutants(c["text"], c["net"], rng)[:limit_per_case]:
            o = oracle(c["net"], c["wrt"], t)
            if o is None:
                stats["oracle_unrun"] += 1
                continue
            judge(c, t, o, stats, bad)
        print(json.dumps(stats), flush=True)
    for b in bad:
        print(b)
    print(json.dumps(stats))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6, int(sys.argv[2]) if len(sys.argv) > 2 else 0)
