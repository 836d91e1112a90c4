"""Attack harness (issue 10): run hostile cases as real command lines and tabulate wrong
behaviours: a traceback, an unexpected exit code, exit 70, more than one error line, a missing
message fragment, files written on failure, a ✓ next to nan/inf, > 3 s CPU for bad input, > 2 GB,
a hang (killed at the case's timeout; wall time, so a loaded machine inflates it).

Run one family: ``PYTHONPATH=. python bench/attack/cases_spec.py`` (also cases_cli.py,
cases_num.py; each prints one line per case and writes res_<family>.json here). Needs
/usr/bin/time. Run as an unprivileged user: as root, an earlier ``grade -o /dev/null`` replaced
the device (fixed; the case is kept out of these lists). Cases that became tests are in
tests/test_hostile.py (ATTACK_CASES and the tests after it).
"""
from __future__ import annotations
import json, os, re, subprocess, sys, tempfile, threading, time, shutil, signal
from dataclasses import dataclass, field
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

WT = str(Path(__file__).resolve().parents[2])
ENV = dict(os.environ, PYTHONPATH=WT)

@dataclass
class C:
    id: str
    args: list
    codes: tuple = (2,)
    spec: str | None = None
    files: dict = field(default_factory=dict)
    says: str = ""
    pre: str = ""     # shell snippet run in tmp before (e.g. mkfifo)
    timeout: float = 60
    bad: bool = True  # bad input => must be fast (<3 s cpu) and write nothing
    stdin: str | None = None

def run(c: C):
    if any('\x00' in a for a in c.args):
        return dict(id=c.id, rc=None, wall=0, cpu=0, rss=0, problems=[], err='skipped: NUL in argv is impossible', out='')
    d = tempfile.mkdtemp(prefix="atk-")
    tmp, out, cwd = Path(d, "in"), Path(d, "out"), Path(d, "cwd")
    tmp.mkdir(); cwd.mkdir()
    if c.spec is not None:
        (tmp / "spec.toml").write_bytes(c.spec if isinstance(c.spec, bytes) else c.spec.encode("utf-8", "surrogatepass"))
    for rel, content in c.files.items():
        f = tmp / rel; f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(content if isinstance(content, bytes) else content.encode())
    if c.pre:
        subprocess.run(c.pre, shell=True, cwd=tmp)
    args = [a.replace("{spec}", str(tmp / "spec.toml")).replace("{out}", str(out)).replace("{tmp}", str(tmp)) for a in c.args]
    snap = lambda p: {str(x.relative_to(p)) for x in p.rglob("*")} if p.is_dir() and not p.is_symlink() else set()
    b_out, b_in = snap(out), snap(tmp)
    t0 = time.time()
    tf = Path(d, "time.txt")
    try:
      p = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%U %S %M", "-o", str(tf), sys.executable, "-m", "derive", *args], cwd=cwd, env=ENV,
                         stdin=subprocess.PIPE if c.stdin is not None else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except (OSError, ValueError) as err:
        return dict(id=c.id, rc=None, wall=0, cpu=0, rss=0, problems=[], err=f'skipped: {err}'[:100], out='')
    killed = []
    def kill():
        killed.append(1)
        try: os.killpg(p.pid, signal.SIGKILL)
        except Exception: pass
    tm = threading.Timer(c.timeout, kill); tm.start()
    so, se = p.communicate(c.stdin.encode() if c.stdin is not None else None)
    # rusage: not per-child via communicate; approximate via /proc not possible after exit
    tm.cancel()
    wall = time.time() - t0
    try:
        u, sy, rss = tf.read_text().split()[-3:]; cpu = float(u) + float(sy); rss = int(rss) // 1024
    except Exception:
        cpu, rss = -1, -1
    so, se = so.decode(errors="replace"), se.decode(errors="replace")
    a_out, a_in = snap(out), snap(tmp) - {"time.txt"}
    wrote = (a_out != b_out) or (snap(cwd) != set()) or (a_in != b_in)
    problems = []
    if killed: problems.append(f"TIMEOUT>{c.timeout}s")
    if "Traceback" in so + se: problems.append("TRACEBACK")
    if not killed and p.returncode not in c.codes: problems.append(f"EXIT {p.returncode} (want {c.codes})")
    if p.returncode == 70: problems.append("INTERNAL")
    errl = [l for l in se.splitlines() if l.lower().startswith("error")]
    if p.returncode not in (0, 1) and not killed and len(errl) != 1: problems.append(f"ERRLINES {len(errl)}")
    if c.says and not any(c.says.lower() in l.lower() for l in errl): problems.append(f"MSG lacks {c.says!r}")
    if p.returncode not in (0,) and c.bad and wrote: problems.append("WROTE")
    if p.returncode == 0 and re.search(r"\b(nan|inf|-inf)\b", so, re.I) and "✓" in so: problems.append("CHECK-ON-NONFINITE?")
    if c.bad and cpu > 3 and p.returncode == 2: problems.append(f"SLOW cpu {cpu:.1f}s")
    if rss > 2000: problems.append(f"RSS {rss}MB")
    if "Exception ignored" in se or "Warning" in se: problems.append("WARNING-OUTPUT")
    # cleanup
    subprocess.run(["chmod", "-R", "u+w", d], capture_output=True)
    shutil.rmtree(d, ignore_errors=True)
    return dict(id=c.id, rc=p.returncode, wall=round(wall, 2), cpu=cpu, rss=rss, problems=problems,
                err=(errl[0] if errl else se.strip().splitlines()[-1:] and se.strip().splitlines()[-1])[:300] if se.strip() else "",
                out=so[-400:])

def main(cases, outfile, jobs=2):
    ids = [c.id for c in cases]; assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    res = []
    with ThreadPoolExecutor(jobs) as ex:
        for r in ex.map(run, cases):
            res.append(r)
            flag = "BAD " if r["problems"] else "ok  "
            print(f"{flag}{r['id']:40s} rc={r['rc']} {r['wall']:5.1f}s cpu={r['cpu']:.1f} {r['rss']}MB {' '.join(r['problems'])} | {r['err'][:150]}", flush=True)
    Path(outfile).write_text(json.dumps(res, indent=1, ensure_ascii=False))
    bad = [r for r in res if r["problems"]]
    print(f"== {len(res)} attempts, {len(bad)} wrong")
