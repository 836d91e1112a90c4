"""Exercises sweep (labs13, issue 12 item 7): ``-f exercises --variant 2-3 --seed 11`` (en, zh;
PDFs for the specs named third), variants 2 and 3 ask the same questions with other values, and
``derive grade`` on variant 3's key: every key answer correct, a sign flip and a missing 1/m
rejected with the sign / mean or scale-factor code. One JSON record per line on stdout.

    PYTHONPATH=$PWD DERIVE_CACHE=off python bench/labs_exercises_sweep.py A.toml,B.toml OUT [A,B]
"""

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

from derive.lang import spec as specs
from derive.render import build as builder

SPECS = sys.argv[1].split(",")
OUT = Path(sys.argv[2])
PDF = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()
OUT.mkdir(parents=True, exist_ok=True)


def rec(**r):
    print(json.dumps(r, ensure_ascii=False)[:900], flush=True)


for sp in SPECS:
    stem = Path(sp).stem
    fmts = ["exercises,pdf"] if stem in PDF else ["exercises"]
    out = OUT / stem
    try:
        files = builder.build(builder.plan([sp], fmts, ["en", "zh"], out, variant="2-3", seed=11))
    except Exception as e:
        rec(spec=stem, stage="build", ok=False, kind=type(e).__name__, detail=str(e)[-500:])
        continue
    s = specs.load(sp)
    base = out / s.name / "seed-11"
    need = [
        f"variant-{v}/{lg}/{f}.{x}"
        for v in (2, 3)
        for lg in ("en", "zh")
        for f in ("exercises", "solutions")
        for x in (["md", "tex"] + (["pdf"] if stem in PDF else []))
    ]
    missing = [n for n in need if not (base / n).is_file()]
    rec(
        spec=stem,
        stage="build",
        ok=not missing,
        kind="missing" if missing else "",
        detail=str(missing),
    )
    keys = {v: json.loads((base / f"variant-{v}/answers.json").read_text()) for v in (2, 3)}
    ids2 = [(q["id"], q["kind"], q["wrt"]) for q in keys[2]["questions"]]
    ids3 = [(q["id"], q["kind"], q["wrt"]) for q in keys[3]["questions"]]
    same_struct = ids2 == ids3
    differ = keys[2]["values"] != keys[3]["values"] and any(
        a["expected"] != b["expected"]
        for a, b in zip(keys[2]["questions"], keys[3]["questions"])
        if a["kind"] == "value"
    )

    # the sheets: same structure (numbers masked), different text
    def skel(t):
        return re.sub(r"-?\d+(\.\d+)?", "#", t)

    sheets = {v: (base / f"variant-{v}/en/exercises.md").read_text() for v in (2, 3)}
    rec(
        spec=stem,
        stage="variants",
        ok=same_struct and differ and sheets[2] != sheets[3],
        kind="",
        detail=f"same_struct={same_struct} differ={differ} "
        f"skel_equal={skel(sheets[2]) == skel(sheets[3])}",
    )
    dims = dict(s.dims) if hasattr(s, "dims") else {}
    rows = []
    for q in keys[3]["questions"]:
        exp = q["expected"]
        col = "value" if q["kind"] == "value" else "formula"
        rows.append((f"{q['id']}|own", q["wrt"], col, exp, "correct", None))
        rows.append(
            (
                f"{q['id']}|sign",
                q["wrt"],
                col,
                (exp[1:] if exp.startswith("-") else "-" + exp) if col == "value" else f"-({exp})",
                "incorrect",
                "sign",
            )
        )
        if col == "formula":
            for dn in dims:
                if re.search(rf"/ {dn}\b", exp):
                    rows.append(
                        (
                            f"{q['id']}|nomean",
                            q["wrt"],
                            col,
                            re.sub(rf" / {dn}\b", "", exp, count=1),
                            "incorrect",
                            "mean|scale",
                        )
                    )
                    break
        else:
            m = None
            for qq in keys[3]["questions"]:
                if qq["kind"] == "formula":
                    mm = re.search(r"/ (\w+)\b", qq["expected"])
                    if mm and mm.group(1) in dims:
                        m = dims[mm.group(1)]
                        break
            if m and m != 1:
                rows.append(
                    (
                        f"{q['id']}|nomean",
                        q["wrt"],
                        col,
                        repr(q["float"] * m),
                        "incorrect",
                        "mean|scale",
                    )
                )
    subs = out / "subs.csv"
    with subs.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "network", "wrt", "formula", "value", "variant", "seed"])
        for i, wrt, col, ans, _, _ in rows:
            w.writerow(
                [
                    i,
                    str(Path(sp).resolve()),
                    wrt,
                    ans if col == "formula" else "",
                    ans if col == "value" else "",
                    3,
                    11,
                ]
            )
    for lang in ("en", "zh"):
        p = subprocess.run(
            [
                sys.executable,
                "-m",
                "derive",
                "grade",
                str(subs),
                "-o",
                str(out / f"report-{lang}.json"),
                "--quiet",
                "--lang",
                lang,
            ],
            capture_output=True,
            text=True,
        )
        if p.returncode != 0:
            rec(
                spec=stem,
                stage="grade",
                lang=lang,
                ok=False,
                kind=f"rc{p.returncode}",
                detail=p.stderr[-500:],
            )
            continue
        got = {r["id"]: r for r in json.loads((out / f"report-{lang}.json").read_text())["results"]}
        bad = []
        for i, wrt, col, ans, verdict, code in rows:
            r = got[i]
            codes = r.get("codes") or ""
            codes = " ".join(codes) if isinstance(codes, list) else str(codes)
            if r["verdict"] != verdict or (code and not re.search(code, codes)):
                bad.append(f"{i}: {r['verdict']} [{codes}] {r.get('message', '')[:150]}")
        rec(
            spec=stem,
            stage="grade",
            lang=lang,
            ok=not bad,
            kind=f"{len(bad)}/{len(rows)} wrong",
            detail=" || ".join(bad),
        )
