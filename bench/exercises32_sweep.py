"""Exercises sweep (exercises32, issue 12 item 7) on held-out course specs: ``derive build SPEC
-f exercises --variant 0-3 --seed 7`` (en, zh; variant 1's sheets compiled to PDF for the specs named third) run as a judge
would, checking per spec: exit 0 or a clear exit 2 (no traceback); two builds byte-identical;
variants 1-3 differ; every variant's values respect the spec's domains (the checks below, written
before derive ran: labels in {0, 1} with both classes, one-hot rows, no kink input exactly 0,
positive log/sqrt arguments); every value answer of every key equals PyTorch float64 autograd of
the spec's OWN text (tests/spelled_oracle.py) at the key's values; the key's own answers grade
correct and variant 0's number given for another variant incorrect; PDFs with 0 overfull boxes.
One JSON record per line on stdout.

    PYTHONPATH=$PWD DERIVE_CACHE=$(mktemp -d) python bench/exercises32_sweep.py A.toml,B.toml OUT [a,b]
"""

import filecmp
import json
import re
import subprocess
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import spelled_oracle as so  # noqa: E402

from derive.lang import spec as specs  # noqa: E402
from derive.render import exercises, grading  # noqa: E402

SPECS = sys.argv[1].split(",")
OUT = Path(sys.argv[2])
PDF = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()
VARIANTS = (0, 1, 2, 3)
SEED = 7


def rec(**r):
    print(json.dumps(r, ensure_ascii=False)[:1200], flush=True)


def arr(rows):
    return np.array([[float(Fraction(v)) for v in row] for row in rows])


# --- domain checks (held out: written from the specs' mathematics, before derive ran) ---------
def binary_both(a):
    a = a.ravel()
    return bool(np.isin(a, (0, 1)).all() and (a.size < 2 or len(set(a)) == 2))


def one_hot_rows(a):
    return bool(np.isin(a, (0, 1)).all() and (a.sum(axis=1) == 1).all())


def no_zero(a):
    return bool((a != 0).all())


def relu_in(v, f):
    """the kink input has no exact 0 (exact arithmetic, Fractions)"""
    return all(x != 0 for x in np.ravel(f(v)))


def fr(rows):
    return np.array([[Fraction(x) for x in row] for row in rows], dtype=object)


DOMAINS = {
    "hn17_uva_xor_bcelogits": lambda v: binary_both(arr(v["data_labels"])),
    "cs224n_naive_softmax": lambda v: one_hot_rows(arr(v["y"])),
    "cs231n_class_index": lambda v: one_hot_rows(arr(v["y"])) if np.ndim(arr(v["y"])) == 2
    and arr(v["y"]).shape[1] > 1 else bool(np.isin(arr(v["y"]), (0, 1, 2)).all()),
    "goodfellow_mlp": lambda v: one_hot_rows(arr(v["y"]))
    and relu_in(v, lambda v: fr(v["X"]).dot(fr(v["W1"]))),
    "hn21_rrelu_eval_mlp": lambda v: relu_in(
        v, lambda v: fr(v["x"]).dot(fr(v["W1"])) + fr(v["b1"]).reshape(1, -1)
    ),
    "elastic_net": lambda v: no_zero(arr(v["w"])),
    "bishop_gaussian_nll": lambda v: True,
    "charbonnier": lambda v: True,
    "hn31_pytorch_rnncell_many_to_one_1d": lambda v: True,
    "cmu_batchnorm": lambda v: bool((arr(v["X"]).dot(arr(v["W"])).std(axis=0) > 0).all()),
    "cs231n_sigmoid_gate": lambda v: True,
    "hn13_glove_weighted": lambda v: bool((arr(v["Xco"]) > 0).all() and (arr(v["Xco"]) != 10).all()),
    "hn17_beta_regression": lambda v: bool(((arr(v["y"]) > 0) & (arr(v["y"]) < 1)).all()),
    "clip_arange_targets": lambda v: True,
    "hn28_class_weighted_softmax_np_array": lambda v: one_hot_rows(arr(v["Y"])),
    "hn30_d2l_poly_power_arange": lambda v: True,
    "hn17_cs231n_inverted_dropout": lambda v: bool(np.isin(arr(v["mask"]), (0, 1)).all())
    and relu_in(v, lambda v: fr(v["X"]).dot(fr(v["W1"])) + fr(v["b1"]).reshape(1, -1)),
    "hn20_tukey_biweight_regression": lambda v: True,
    "softmax_int_labels_values": lambda v: one_hot_rows(arr(v["y"])),
}

INDEX = re.compile(r"^(\w+)(?:\[(\d+)(?:,\s*(\d+))?\])?$")


def oracle_grads(sp, key):
    """PyTorch float64 autograd of the spec's own [forward] text at the key's values."""
    raw = tomllib.loads(Path(sp).read_text(encoding="utf-8"))
    s = specs.load(sp)
    point = {k: arr(rows) for k, rows in key["values"].items()}
    loss, ns = so.execute(s, raw, point)
    loss.backward()
    return float(loss), ns


def torch_value(ns, wrt, loss):
    m = INDEX.match(wrt.replace(" ", ""))
    if not m:
        return None
    name, i, j = m.groups()
    if name not in ns:
        return None
    t = ns[name]
    g = t.grad
    if g is None:
        return 0.0
    g = g.detach().numpy()
    if i is None:
        return float(g) if g.size == 1 else None
    if g.ndim == 2:
        return float(g[int(i), int(j or 0)])
    if g.ndim == 1:  # derive's 2-D index of a 1-D tensor: a row or column of its entries
        return float(g[int(j) if j is not None and int(i) == 0 else int(i)])
    return float(g.reshape(-1)[0])


for sp in SPECS:
    stem = Path(sp).stem
    runs = {}
    for tag, f in (("a", "exercises"), ("b", "exercises")):
        out = OUT / tag / stem
        cmd = [sys.executable, "-m", "derive", "build", sp, "-f", f, "--lang", "en,zh",
               "--variant", "0-3", "--seed", str(SEED), "-o", str(out)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        runs[tag] = (p, out)
    p, out = runs["a"]
    if p.returncode != 0:
        rec(spec=stem, stage="build", ok=p.returncode == 2 and "Traceback" not in p.stderr,
            kind=f"rc{p.returncode}", detail=p.stderr[-600:])
        continue
    s = specs.load(sp)
    base = out / s.name / f"seed-{SEED}"

    def vdir(v):  # variant 0 (the spec's own values) is the plain build's
        return out / s.name if v == 0 else base / f"variant-{v}"

    need = [vdir(v) / lg / f"{n}.{x}" for v in VARIANTS for lg in ("en", "zh")
            for n in ("exercises", "solutions") for x in ("md", "tex")]
    missing = [str(n.relative_to(out)) for n in need if not n.is_file()]
    rec(spec=stem, stage="build", ok=not missing, kind="missing" if missing else "",
        detail=str(missing[:6]))
    # determinism: the text files of the second build byte-identical
    bdir = runs["b"][1]
    diff = []
    for f in sorted(out.rglob("*")):
        if f.is_file() and f.suffix in (".md", ".tex", ".json"):
            g = bdir / f.relative_to(out)
            if not g.is_file() or not filecmp.cmp(f, g, shallow=False):
                diff.append(str(f.relative_to(out)))
    rec(spec=stem, stage="deterministic", ok=not diff, kind="", detail=str(diff[:6]))
    keys = {v: exercises.load_key(vdir(v) / "answers.json") for v in VARIANTS}
    vals = [json.dumps(keys[v]["values"], sort_keys=True) for v in (1, 2, 3)]
    shapes = {v: [(q["id"], q["kind"], q["wrt"]) for q in keys[v]["questions"]] for v in VARIANTS}
    rec(spec=stem, stage="variants", ok=len(set(vals)) == 3
        and all(shapes[v] == shapes[1] for v in (1, 2, 3)),
        kind="", detail=f"distinct values {len(set(vals))}/3; same questions "
        f"{[shapes[v] == shapes[1] for v in (1, 2, 3)]}")
    for v in VARIANTS:
        key = keys[v]
        try:
            dom = DOMAINS[stem](key["values"])
        except Exception as e:  # noqa: BLE001
            dom = f"{type(e).__name__}: {e}"
        rec(spec=stem, stage="domain", variant=v, ok=dom is True, kind="", detail=str(dom)[:300]
            + " " + json.dumps(key["values"])[:300])
        try:
            loss, ns = oracle_grads(sp, key)
        except Exception as e:  # noqa: BLE001
            rec(spec=stem, stage="oracle", variant=v, ok=False, kind=type(e).__name__,
                detail=str(e)[:400])
            continue
        bad, n = [], 0
        for q in key["questions"]:
            if q["kind"] != "value":
                continue
            want = torch_value(ns, q["wrt"], loss)
            if want is None:
                bad.append(f"{q['wrt']}: oracle has no such entry")
                continue
            n += 1
            got = float(q["float"])
            if not abs(got - want) <= 1e-9 * max(1.0, abs(want)):
                bad.append(f"{q['wrt']}: key {got!r} vs torch {want!r}")
            # the printed digits agree too
            if not abs(float(q["expected"]) - want) <= 5e-3 * max(abs(want), 1e-12) + 1e-12 \
                    and not q.get("exact"):
                bad.append(f"{q['wrt']}: printed {q['expected']} vs torch {want!r}")
        rec(spec=stem, stage="oracle", variant=v, ok=not bad and n > 0, kind=f"{n} values",
            detail=" | ".join(bad[:4]))
        # grading: own answers correct; variant 0's numbers given for this variant incorrect
        gb = []
        for q in key["questions"]:
            try:
                r = grading.grade(key, q["id"], q["expected"], spec=sp)
                if not r.ok:
                    gb.append(f"own {q['id']} ✗: {r.message[:120] if hasattr(r, 'message') else ''}")
                if v and q["kind"] == "value":
                    q0 = next(x for x in keys[0]["questions"] if x["id"] == q["id"])
                    if abs(float(q0["float"]) - float(q["float"])) > 1e-3 * max(abs(float(q["float"])), 1e-9):
                        r0 = grading.grade(key, q["id"], q0["expected"], spec=sp)
                        if r0.ok:
                            gb.append(f"base {q['id']}={q0['expected']} ✓ for variant {v}")
            except Exception as e:  # noqa: BLE001
                gb.append(f"{q['id']}: {type(e).__name__}: {str(e)[:150]}")
        rec(spec=stem, stage="grade", variant=v, ok=not gb, kind="", detail=" | ".join(gb[:4]))
    if stem in PDF:  # variant 1's sheets compiled as the build's pdf format does, log read
        from derive.render.pdf import compile_pdf

        for lg in ("en", "zh"):
            for n in ("exercises", "solutions"):
                tex = (vdir(1) / lg / f"{n}.tex").read_text(encoding="utf-8")
                try:
                    log = compile_pdf(tex, OUT / "pdf" / stem / lg / f"{n}.pdf")
                    over = log.count("Overfull")
                    rec(spec=stem, stage="pdf", lang=lg, doc=n, ok=over == 0, kind="",
                        detail=f"overfull={over}")
                except Exception as e:  # noqa: BLE001
                    rec(spec=stem, stage="pdf", lang=lg, doc=n, ok=False, kind=type(e).__name__,
                        detail=str(e)[-400:])
