"""Probe (issue 11, zero wrong answers accepted): the right LaTeX answers of corpora 2-27, edited the
way students slip (a transpose dropped, 1/m dropped or doubled, a sign flipped, a layer index
swapped, the sigmoid slope's (1 - a) dropped), judged by ``derive check``.

There is no independent LaTeX reader to act as oracle, so every edit that derive accepts as
"correct" is printed for review: each edit changes the value of a generic formula, so an
accepted one is either a formula that stays right (a transpose of a scalar, a sign inside a
term that is squared) or a wrong answer accepted.

PYTHONPATH=. python bench/probes/checkmut_latex.py [EDITS_PER_CASE] [SEED] [MAX_CASES]
"""

import json
import random
import re
import sys
import warnings

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "tests"))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
warnings.filterwarnings("ignore")

from checkmut import corpus_cases  # noqa: E402

from derive.checker.check import FormulaError, check

TRANSPOSE = re.compile(
    r"\^\{?\s*(?:T|\\top|\\mathsf\{T\}|\\mathrm\{T\}|\\intercal|\\mathsf T)\s*\}?|ᵀ"
    r"|(?<=\])\s*(?:\\top|T|\\intercal|')(?=\s*\})"  # A^{[1]\top}, W^{[2]T}
)
SCALE = re.compile(r"\\[dt]?frac\{1\}\{(?:m|N|n|B|\d+)\}\s*|\s*/\s*(?:m|N|n|B)\b")
SIGN = re.compile(r"(?<=[\w})\]])\s*(-|\+)\s*(?=[\w\\({])")
LAYER = re.compile(r"\[(1|2)\]|_\{?(1|2)\}?(?![\w])")
SIZE = re.compile(r"\\[dt]?frac\{1\}\{(m|N|n|B)\}")
ACT = re.compile(r"\\sigma(?![A-Za-z])|\\tanh(?![A-Za-z])")
DIFF = re.compile(r"\(\s*([A-Za-z](?:\^\{\[\d\]\}|_\{?\w+\}?)?)\s*-\s*([A-Za-z](?:\^\{\[\d\]\}|_\{?\w+\}?)?)\s*\)")
SLOPE = re.compile(r"\\?\(\s*1\s*-\s*[^()]{1,30}?\\?\)")


def cases():
    return [
        c
        for c in corpus_cases(27)
        if c.get("kind") == "latex" and c.get("verdict") == "correct" and not c.get("opts")
    ]


def mutants(text):
    edits = []
    for m in TRANSPOSE.finditer(text):
        edits.append(("transpose", text[: m.start()] + text[m.end() :]))
    for m in SCALE.finditer(text):
        edits.append(("scale", text[: m.start()] + text[m.end() :]))
        if m.group().lstrip().startswith("\\"):
            edits.append(("scale2", text[: m.start()] + m.group().replace("{1}", "{2}", 1) + text[m.end() :]))
    for m in SIGN.finditer(text):
        flip = "+" if m.group(1) == "-" else "-"
        edits.append(("sign", text[: m.start()] + f" {flip} " + text[m.end() :]))
    for m in LAYER.finditer(text):
        s = m.group()
        t = s.replace("1", "§").replace("2", "1").replace("§", "2")
        edits.append(("layer", text[: m.start()] + t + text[m.end() :]))
    for m in SLOPE.finditer(text):
        edits.append(("slope", text[: m.start()] + text[m.end() :]))
    for m in SIZE.finditer(text):
        other = {"m": "n", "N": "n", "n": "m", "B": "n"}.get(m.group(1), "m")
        edits.append(("size", text[: m.start(1)] + other + text[m.end(1) :]))
    for m in ACT.finditer(text):
        other = {"\\sigma": "\\tanh", "\\tanh": "\\sigma"}[m.group()]
        edits.append(("activation", text[: m.start()] + other + text[m.end() :]))
    for m in DIFF.finditer(text):  # (A - Y) → (Y - A): the residual's sign, written the other way
        edits.append(("swap", text[: m.start()] + f"({m.group(2)} - {m.group(1)})" + text[m.end() :]))
    return edits


def main(per_case=4, seed=0, max_cases=10**9):
    rng = random.Random(seed)
    cs = cases()
    rng.shuffle(cs)
    cs = cs[:max_cases]
    stats = dict(cases=len(cs), mutants=0, accepted=0, rejected=0, unreadable=0, crash=0)
    acc = []
    for c in cs:
        ms = mutants(c["text"])
        rng.shuffle(ms)
        for kind, t in ms[:per_case]:
            stats["mutants"] += 1
            try:
                r = check(c["net"], c["wrt"], t, latex=True, lang=c.get("lang", "en"))
                v = r.verdict
            except FormulaError:
                stats["unreadable"] += 1
                continue
            except Exception as e:  # a crash is a finding
                stats["crash"] += 1
                acc.append(("CRASH", c["id"], kind, t, repr(e)[:200]))
                print(acc[-1], flush=True)
                continue
            if v == "correct":
                stats["accepted"] += 1
                acc.append(("ACCEPTED", c["id"], c["net"], c["wrt"], kind, t))
                print(acc[-1], flush=True)
            else:
                stats["rejected"] += 1
    print(json.dumps(stats))


if __name__ == "__main__":
    a = sys.argv[1:]
    main(int(a[0]) if a else 4, int(a[1]) if len(a) > 1 else 0, int(a[2]) if len(a) > 2 else 10**9)
