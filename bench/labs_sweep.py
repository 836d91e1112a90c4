"""Labs sweep (labs13, issue 12 items 6-7): for each spec and language, build py+ipynb, run
``python backprop.py --json`` (exit 0, finite differences ok, PyTorch ok, rounded printing, no
plumbing; ``--train --plot`` where the script trains), execute the notebook with nbclient and
check its images are attachments. One JSON record per line on stdout.

    PYTHONPATH=$PWD DERIVE_CACHE=off python bench/labs_sweep.py A.toml,B.toml OUT en,zh
"""

import json
import os
import re
import subprocess
import sys
import traceback
from pathlib import Path

import nbclient
import nbformat

from derive.render import build as builder

SPECS = sys.argv[1].split(",")
OUT = Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
LANGS = sys.argv[3].split(",") if len(sys.argv) > 3 else ["en", "zh"]
NB = os.environ.get("NB", "1") == "1"
results = []


def rec(spec, lang, stage, ok, kind="", detail=""):
    r = dict(spec=spec, lang=lang, stage=stage, ok=ok, kind=kind, detail=detail[-600:])
    results.append(r)
    print(json.dumps(r, ensure_ascii=False), flush=True)


for sp in SPECS:
    path = Path(sp)
    name = None
    for lang in LANGS:
        out = OUT / path.stem
        try:
            files = builder.build(builder.plan([str(path)], ["py,ipynb"], [lang], out))
        except Exception as e:
            rec(path.stem, lang, "build", False, type(e).__name__, traceback.format_exc())
            continue
        folders = {f.parent for f in files if f.name == "backprop.py"}
        if not folders:
            rec(path.stem, lang, "build", False, "nofile", str(files))
            continue
        folder = folders.pop()
        rec(path.stem, lang, "build", True)
        script = (folder / "backprop.py").read_text("utf-8")
        plumb = [w for w in ("_VALUES", "_TEXT", "broadcast_to", "_GRADIENTS") if w in script]
        if plumb:
            rec(path.stem, lang, "plumbing", False, "plumbing", str(plumb))
        args = ["--json"] + (["--train", "--plot"] if "def train(" in script else [])
        p = subprocess.run(
            [sys.executable, "backprop.py", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
        )
        text = p.stdout
        if p.returncode != 0:
            kind = (p.stderr.strip().splitlines() or [f"rc{p.returncode}"])[-1][:120]
            rec(path.stem, lang, "py", False, kind, p.stdout[-300:] + p.stderr)
        else:
            try:
                rep = json.loads(text.strip().splitlines()[-1])
            except Exception:
                rec(path.stem, lang, "py", False, "json", text[-500:])
                rep = None
            if rep is not None:
                probs = []
                if rep.get("finite_differences_ok") is not True:
                    probs.append("fd")
                if rep.get("torch") not in ("ok",):
                    probs.append(f"torch={rep.get('torch')}")
                body = "\n".join(text.strip().splitlines()[:-1])
                if "np.float64(" in body:
                    probs.append("np.float64")
                if "✗" in body:
                    probs.append("cross")
                if re.search(r"\d\.\d{9,}", body):
                    probs.append("unrounded")
                if p.stderr.strip():
                    probs.append("stderr:" + p.stderr.strip().splitlines()[-1][:100])
                rec(path.stem, lang, "py", not probs, ",".join(probs), body[-400:] if probs else "")
        if not NB:
            continue
        nbf = folder / "walkthrough.ipynb"
        try:
            nb = nbformat.read(nbf, as_version=4)
            nbformat.validate(nb)
        except Exception as e:
            rec(path.stem, lang, "nbread", False, type(e).__name__, str(e))
            continue
        links = [
            m
            for c in nb.cells
            if c.cell_type == "markdown"
            for m in re.findall(r"\]\(([^)#]+\.(?:svg|png|pdf))\)", c.source)
        ]
        bad = [link for link in links if not link.startswith("attachment:")]
        if bad:
            rec(path.stem, lang, "attach", False, "link", str(bad))
        try:
            nbclient.NotebookClient(
                nb,
                timeout=600,
                kernel_name="python3",
                resources={"metadata": {"path": str(folder)}},
            ).execute()
            outs = "".join(
                o.get("text", "") + json.dumps(o.get("data", {}))
                for c in nb.cells
                if c.cell_type == "code"
                for o in c.outputs
            )
            probs = []
            if "np.float64(" in outs:
                probs.append("np.float64")
            if "✗" in outs:
                probs.append("cross")
            if re.search(r"\d\.\d{9,}", outs):
                probs.append("unrounded")
            if "stderr" in json.dumps(
                [
                    o
                    for c in nb.cells
                    if c.cell_type == "code"
                    for o in c.outputs
                    if o.get("name") == "stderr"
                ]
            ):
                probs.append("stderr")
            rec(path.stem, lang, "nb", not probs, ",".join(probs), outs[-400:] if probs else "")
        except Exception as e:
            msg = str(e).strip().splitlines()
            kind = [m for m in msg if re.match(r"^\w+(Error|Exception)", m)]
            rec(
                path.stem,
                lang,
                "nb",
                False,
                (kind[-1] if kind else type(e).__name__)[:120],
                str(e)[-1500:],
            )
json.dump(results, open(OUT / "results.json", "w"), indent=1, ensure_ascii=False)
