"""Exercises sweep, three variants (labs16, issue 12 item 7): ``-f exercises --variant 1-3
--seed 11`` (en, zh) per spec; (a) every variant builds; (b) every key answer of every variant is
graded correct by ``derive grade``; (c) perturbed answers of variant 3 are graded incorrect (a
sign flip, a number ×1.1, a formula with a ``/ m`` dropped); (d) the variants ask the same
questions with other values, and each input keeps the kind of the spec's own values (0/1 masks
stay 0/1, rows summing to 1 keep summing to 1, positive stays positive, BCE targets in {0, 1}),
and no drawn input is the same in all three variants. One JSON record per line on stdout.

    PYTHONPATH=$PWD DERIVE_CACHE=off python bench/labs16_exercises_sweep.py A.toml,B.toml OUT
    (… OUT --kinds-only: the kinds check again on variants already built in OUT)
"""

import csv
import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

from derive.lang import spec as specs
from derive.render import build as builder
from derive.render import exercises

SPECS = sys.argv[1].split(",")
OUT = Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
VARIANTS = (1, 2, 3)


def rec(**r):
    print(json.dumps(r, ensure_ascii=False)[:1500], flush=True)


def kind_of(rows):
    flat = [Fraction(v) for row in rows for v in row]
    if set(flat) <= {0, 1} and len(set(flat)) == 2:
        ints = [[int(Fraction(v)) for v in row] for row in rows]
        if len(ints) > 1 and len(ints[0]) > 1 and all(r == sorted(r, reverse=True) for r in ints):
            return "prefix"  # causal masks, ordinal levels: rows of ones then zeros
        return "mask"
    if min(flat) >= 0 and len(rows[0]) > 1 and all(sum(map(Fraction, r)) == 1 for r in rows):
        return "distribution"
    return "positive" if min(flat) > 0 else "nonnegative" if min(flat) == 0 else "real"


def keeps(kind, rows):
    flat = [Fraction(v) for row in rows for v in row]
    return {
        "mask": set(flat) <= {0, 1},
        "binary": set(flat) <= {0, 1},
        "distribution": all(sum(map(Fraction, r)) == 1 and min(map(Fraction, r)) >= 0 for r in rows),
        "positive": min(flat) > 0,
        "nonnegative": min(flat) >= 0,
        "real": True,
        "prefix": set(flat) <= {0, 1}
        and all([Fraction(x) for x in r] == sorted(map(Fraction, r), reverse=True) for r in rows),
        "onehot": all(sorted(map(Fraction, r)) == [0] * (len(r) - 1) + [1] for r in rows),
        "onehot-columns": all(
            sorted(map(Fraction, c)) == [0] * (len(c) - 1) + [1] for c in zip(*rows)
        ),
        "ones": set(flat) == {1},
    }[kind]


def perturbed(q, dims):
    exp = q["expected"]
    out = []
    if q["kind"] == "value":
        out.append(("sign", exp[1:] if exp.startswith("-") else "-" + exp, "sign"))
        out.append(("x1.1", repr(q["float"] * 1.1), ""))
    else:
        out.append(("sign", f"-({exp})", "sign"))
        for dn in dims:
            if re.search(rf"/ {dn}\b", exp):
                out.append(("nomean", re.sub(rf" / {dn}\b", "", exp, count=1), "mean|scale"))
                break
    return out


KINDS_ONLY = len(sys.argv) > 3 and sys.argv[3] == "--kinds-only"  # re-check built variants

for sp in SPECS:
    stem = Path(sp).stem
    out = OUT / stem
    try:
        if KINDS_ONLY:
            raise FileExistsError
        builder.build(builder.plan([sp], ["exercises"], ["en", "zh"], out, variant="1-3", seed=11))
    except FileExistsError:
        pass
    except Exception as e:
        rec(spec=stem, stage="build", ok=False, kind=type(e).__name__, detail=str(e)[-700:])
        continue
    s = specs.load(sp)
    base = out / s.name / "seed-11"
    need = [
        f"variant-{v}/{lg}/{f}.{x}"
        for v in VARIANTS
        for lg in ("en", "zh")
        for f in ("exercises", "solutions")
        for x in ("md", "tex")
    ]
    missing = [n for n in need if not (base / n).is_file()]
    rec(spec=stem, stage="build", ok=not missing, kind="missing" if missing else "", detail=str(missing))
    if missing:
        continue
    keys = {v: json.loads((base / f"variant-{v}/answers.json").read_text()) for v in VARIANTS}
    ids = {v: [(q["id"], q["kind"], q["wrt"]) for q in keys[v]["questions"]] for v in VARIANTS}
    same_struct = ids[1] == ids[2] == ids[3]
    differ = all(
        keys[a]["values"] != keys[b]["values"] for a, b in ((1, 2), (2, 3), (1, 3))
    )
    sheets = {v: (base / f"variant-{v}/en/exercises.md").read_text() for v in VARIANTS}
    rec(
        spec=stem,
        stage="variants",
        ok=same_struct and differ and len(set(sheets.values())) == 3,
        kind="" if same_struct and differ else "structure" if not same_struct else "same-values",
        detail=f"same_struct={same_struct} differ={differ}",
    )
    # (d) kinds kept, nothing drawn fixed
    targets = exercises._target_kinds(s)
    bad = []
    for name in s.inputs:
        if name not in keys[1]["values"]:
            continue
        given = name in s.values and name not in s.generated  # made-up values: any real
        own = [[str(v) for v in row] for row in s.values[name]] if given else None
        kind = kind_of(own) if own else "real"
        if targets.get(name) == "binary" and kind != "prefix":
            kind = "binary"
        if targets.get(name) == "onehot" or name in s.one_hot:
            kind = "onehot"
        elif name in s.one_hot_columns:
            kind = "onehot-columns"
        elif name in getattr(s, "ones", ()):
            kind = "ones"
        for v in VARIANTS:
            if not keeps(kind, keys[v]["values"][name]):
                bad.append(f"{name} ({kind}) not kept in variant {v}: {keys[v]['values'][name]}")
        flat = [x for row in keys[1]["values"][name] for x in row]
        if len(flat) > 1 and keys[1]["values"][name] == keys[2]["values"][name] == keys[3]["values"][name]:
            bad.append(f"{name} ({kind}) the same in all three variants")
    rec(spec=stem, stage="kinds", ok=not bad, kind="kinds" if bad else "", detail=" || ".join(bad))
    if KINDS_ONLY:
        continue
    dims = dict(s.dims) if hasattr(s, "dims") else {}
    rows = []
    for v in VARIANTS:
        for q in keys[v]["questions"]:
            col = "value" if q["kind"] == "value" else "formula"
            rows.append((f"v{v}|{q['id']}|own", v, q["wrt"], col, q["expected"], "correct", None))
            if v == 3:
                for tag, ans, code in perturbed(q, dims):
                    rows.append((f"v{v}|{q['id']}|{tag}", v, q["wrt"], col, ans, "incorrect", code))
    for lang in ("en", "zh"):
        lrows = rows if lang == "en" else [r for r in rows if r[1] == 3]
        subs = out / f"subs-{lang}.csv"
        with subs.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "network", "wrt", "formula", "value", "variant", "seed"])
            for i, v, wrt, col, ans, _, _ in lrows:
                w.writerow([i, str(Path(sp).resolve()), wrt, ans if col == "formula" else "",
                            ans if col == "value" else "", v, 11])
        p = subprocess.run(
            [sys.executable, "-m", "derive", "grade", str(subs), "-o",
             str(out / f"report-{lang}.json"), "--quiet", "--lang", lang],
            capture_output=True, text=True,
        )
        if p.returncode != 0:
            rec(spec=stem, stage="grade", lang=lang, ok=False, kind=f"rc{p.returncode}", detail=p.stderr[-500:])
            continue
        got = {r["id"]: r for r in json.loads((out / f"report-{lang}.json").read_text())["results"]}
        badkey, badpert, soft = [], [], []
        for i, v, wrt, col, ans, verdict, code in lrows:
            r = got[i]
            codes = r.get("codes") or ""
            codes = " ".join(codes) if isinstance(codes, list) else str(codes)
            msg = f"{i}: {r['verdict']} [{codes}] {r.get('message', '')[:200]}"
            if r["verdict"] != verdict:
                (badkey if verdict == "correct" else badpert).append(msg)
            elif code and not re.search(code, codes):
                soft.append(msg)
        rec(spec=stem, stage="grade", lang=lang, ok=not badkey and not badpert,
            kind=f"key {len(badkey)} wrong, perturbed {len(badpert)} accepted, {len(soft)} other code, of {len(lrows)}",
            detail=" || ".join(badkey + badpert + soft))
