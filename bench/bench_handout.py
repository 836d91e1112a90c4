"""The lecturer's edit loop (not a test): rebuild one handout, and the full default build.

    python bench/bench_handout.py [--runs 3] [--write]

Each measurement is the wall time of a fresh interpreter (start-up and imports included), the
median of ``--runs`` runs, with ``OMP_WAIT_POLICY=PASSIVE`` and one BLAS/torch thread:

- ``bare``: ``python -c "import sympy, jinja2, numpy"`` — the floor every build pays;
- ``one``: ``derive build tiny-mlp -f md --lang en`` into an empty folder (caches warm: an
  unchanged rebuild), the same with ``DERIVE_CACHE=off``, and a freshly edited copy of the spec
  (the real edit loop: nothing of it cached but the proofs document), with PyTorch imported by
  the worker process (``derive/numeric/worker.py``) and without it (``DERIVE_WORKER=off``), and
  a copy with a new title (the numbers cache leaves out the prose, so no PyTorch); for
  the worker, also the critical path an idle 2-core machine would see, from the CPU times of the
  two processes (``max(parent until it asks, fork + child) + parent after the answer``);
  and the edited copy with the warm server (``derive/numeric/server.py``, ``DERIVE_SERVER=on``:
  a first build starts it, then each edited build asks it; its CPU per build from /proc);
- ``full``: ``derive build`` (all built-ins, md/tex/ipynb/py, en and zh) into an empty folder;
  and again with an empty cache each run (a fresh machine's first build: nothing cached, the
  shipped general proofs only), its CPU split into the parent and its children;
- ``watch``: ``derive build SPEC -f md --lang en --watch`` running; the wall time from saving an
  edited SPEC (a new example value) to the handout rewritten (its progress line), median over
  ``--runs`` × 3 edits (the 0.1 s polling interval included);
- ``torch``: ``python -c "import torch"``, the floor of any fresh process that computes PyTorch's
  reference gradients.

Targets (issue 12): ``one`` ≤ 3× ``bare``, ``full`` ≤ 6× ``bare``. ``--write`` adds the figures
as the newest entry of the section ``## derive build (edit loop)`` of ``bench/RESULTS.md`` (the
earlier entries stay).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## derive build (edit loop)"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OMP_WAIT_POLICY="PASSIVE",
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        PYTHONPATH=str(ROOT),
        DERIVE_SERVER="off",  # only the row that measures it uses the warm server
    )
    return env


def timed(args: list[str], runs: int, **env: str) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, the child's) of ``python ARGS``
    over ``runs`` runs, each into a fresh folder. On a shared machine the CPU time is the
    steadier measure; the wall time is what a lecturer waits."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
            cmd = [sys.executable, *[a.replace("{out}", out) for a in args]]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, env={**_env(), **env}, check=True, capture_output=True, cwd=ROOT)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


# runs `derive ARGS` and prints the CPU times of the worker design (see the module's docstring)
CRITICAL = """
import resource, sys, time
from derive.numeric import worker as W
seen = {}
start, ask = W.TorchWorker.start.__func__, W.TorchWorker.__call__
def timed_start(cls):
    seen["fork"] = time.process_time()
    return start(cls)
def timed_ask(self, *args):
    seen["ask"] = time.process_time()
    answer = ask(self, *args)
    seen["got"] = time.process_time()
    return answer
W.TorchWorker.start = classmethod(timed_start)
W.TorchWorker.__call__ = timed_ask
from derive.cli import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    assert not e.code, e.code
end = time.process_time()
kid = resource.getrusage(resource.RUSAGE_CHILDREN)
child = kid.ru_utime + kid.ru_stime
path = max(seen["ask"], seen["fork"] + child) + end - seen["got"]
print("CRITICAL", path, end + child, seen["fork"], child, file=sys.stderr)
"""


def _edited(out: str, title: bool = False) -> list[str]:
    """``derive build SPEC -f md --lang en -o OUT/o``, SPEC a copy of tiny-mlp in ``out`` with
    one example value changed to a value not used before (so nothing of it is cached), or with
    ``title`` a new title instead (its numbers are cached, its files are not)."""
    text = (ROOT / "derive" / "lang" / "specs" / "tiny-mlp.toml").read_text("utf-8")
    value = f"0.{time.time_ns() % 10**6:06d}1"  # unique: never in the cache
    spec = Path(out) / "tiny-mlp.toml"
    if title:
        old = next(line for line in text.splitlines() if line.startswith("title"))
        text = text.replace(old, f'title = "Week 3, take {value}"', 1)
    else:
        text = text.replace("X = [[0.5", f"X = [[{value}", 1)
    spec.write_text(text, "utf-8")
    cmd = ["build", str(spec), "-f", "md", "--lang", "en", "-o", str(Path(out) / "o")]
    return cmd


def timed_edited(runs: int, title: bool = False, **env: str) -> tuple[float, float]:
    """Like :func:`timed` for a freshly edited tiny-mlp (:func:`_edited`)."""
    import resource

    walls, cpus = [], []
    if title:  # the numbers of the unedited copy are in the cache (a build before the edit)
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
            spec = Path(out) / "tiny-mlp.toml"
            spec.write_text((ROOT / "derive/lang/specs/tiny-mlp.toml").read_text("utf-8"))
            cmd = [sys.executable, "-m", "derive", "build", str(spec), "-f", "md", "-o", out]
            subprocess.run(cmd, env=_env(), check=True, capture_output=True, cwd=ROOT)
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
            cmd = [sys.executable, "-m", "derive", *_edited(out, title)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, env={**_env(), **env}, check=True, capture_output=True, cwd=ROOT)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _server_cpu(env: dict[str, str]) -> tuple[int, float] | None:
    """(pid, CPU seconds so far) of the warm server this environment's build would use."""
    code = (
        "from derive.numeric import server as S\n"
        "print(*[i['pid'] for i in S.running() if i['current']])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT
    )
    pids = done.stdout.split()
    if len(pids) != 1:
        return None
    fields = Path(f"/proc/{pids[0]}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return int(pids[0]), (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def timed_served(runs: int) -> tuple[float, float, float]:
    """Median wall and CPU time of an edited build with the warm server, and the server's
    median CPU per build. A first edited build starts the server; the measured builds begin
    once it is warm; it is stopped at the end."""
    import resource

    env = {**_env(), "DERIVE_SERVER": "on", "DERIVE_SERVER_IDLE": "300"}
    walls, cpus, served = [], [], []
    try:
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
            cmd = [sys.executable, "-m", "derive", *_edited(out)]
            subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT)
        deadline = time.monotonic() + 300
        while _server_cpu(env) is None:
            assert time.monotonic() < deadline, "the first build started no server"
            time.sleep(0.2)
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
                cmd = [sys.executable, "-m", "derive", *_edited(out)]
                server = _server_cpu(env)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT)
                walls.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
                now = _server_cpu(env)
                assert server is not None and now is not None and now[0] == server[0]
                served.append(now[1] - server[1])
    finally:
        subprocess.run(
            [sys.executable, "-m", "derive", "server", "stop"], env=env, capture_output=True,
            cwd=ROOT,
        )
    return statistics.median(walls), statistics.median(cpus), statistics.median(served)


def timed_watch(edits: int) -> float:
    """Median wall time from saving an edited spec to ``derive build --watch`` having written
    the new handout (see the module's docstring)."""
    import signal

    text = (ROOT / "derive" / "lang" / "specs" / "tiny-mlp.toml").read_text("utf-8")
    times = []
    with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
        spec, log = Path(out) / "tiny-mlp.toml", Path(out) / "log"
        spec.write_text(text, "utf-8")
        cmd = [sys.executable, "-m", "derive", "build", str(spec), "-f", "md", "--lang", "en"]
        cmd += ["-o", str(Path(out) / "o"), "--watch"]
        with log.open("w") as err:
            proc = subprocess.Popen(
                cmd, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                start_new_session=True,
            )
        try:
            def builds() -> int:
                return log.read_text("utf-8").count("watching")

            while builds() < 1:
                assert proc.poll() is None, log.read_text("utf-8")
                time.sleep(0.01)
            time.sleep(5)  # the worker has imported PyTorch
            for _ in range(edits):
                done = builds()
                value = f"0.{time.time_ns() % 10**6:06d}1"
                spec.write_text(text.replace("X = [[0.5", f"X = [[{value}", 1), "utf-8")
                start = time.perf_counter()
                while builds() == done:
                    assert proc.poll() is None, log.read_text("utf-8")
                    time.sleep(0.002)
                times.append(time.perf_counter() - start)
            assert "error" not in log.read_text("utf-8")
        finally:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=60)
    return statistics.median(times)


def critical_edited(runs: int) -> tuple[float, float, float, float]:
    """Medians of (critical path, total CPU, parent CPU at the fork, child CPU) of the edited
    build with the worker, from CPU times (a loaded machine stretches wall times, not these)."""
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as out:
            cmd = [sys.executable, "-c", CRITICAL, *_edited(out)]
            done = subprocess.run(cmd, env=_env(), check=True, capture_output=True, cwd=ROOT)
            line = [x for x in done.stderr.decode().splitlines() if x.startswith("CRITICAL")]
            rows.append([float(x) for x in line[-1].split()[1:]])
    return tuple(statistics.median(col) for col in zip(*rows))  # type: ignore[return-value]


def cold_full(runs: int, **env: str) -> tuple[float, float, float, float]:
    """Medians of (wall, parent CPU, children's CPU, load average) of ``derive build`` (all
    built-ins) with an empty cache each run (a fresh machine's first build), through
    ``bench/cpu_split.py``. On an idle 2-core machine the wall time is about the larger of the
    parent's CPU and half the total (the children run beside the parent)."""
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as tmp:
            cmd = [sys.executable, str(ROOT / "bench" / "cpu_split.py"), "build", "-o", tmp + "/o"]
            done = subprocess.run(
                cmd, env={**_env(), "DERIVE_CACHE": tmp + "/cache", **env}, check=True,
                capture_output=True, text=True, cwd=ROOT,
            )
            found = re.search(
                r"CPU parent ([\d.]+) s, children ([\d.]+) s, wall ([\d.]+) s", done.stderr
            )
            assert found, done.stderr[-2000:]
            parent, children, wall = (float(x) for x in found.groups())
            rows.append((wall, parent, children, os.getloadavg()[0]))
    return tuple(statistics.median(col) for col in zip(*rows))  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    bare = timed(["-c", "import sympy, jinja2, numpy"], a.runs)
    one = timed(
        ["-m", "derive", "build", "tiny-mlp", "-f", "md", "--lang", "en", "-o", "{out}"], a.runs
    )
    one_args = ["-m", "derive", "build", "tiny-mlp", "-f", "md", "--lang", "en", "-o", "{out}"]
    cold = timed(one_args, a.runs, DERIVE_CACHE="off")
    # the real edit loop: the lecturer changed the spec, so its numbers and files are new (a
    # different example value each run, never cached); the proofs document stays cached
    edited = timed_edited(a.runs)
    edited_off = timed_edited(a.runs, DERIVE_WORKER="off")
    served = timed_served(a.runs)
    retitled = timed_edited(a.runs, title=True)
    crit = critical_edited(a.runs)
    full = timed(["-m", "derive", "build", "-o", "{out}"], max(1, a.runs // 2))
    cold_wall, cold_parent, cold_children, cold_load = cold_full(a.runs)
    watch = timed_watch(3 * a.runs)
    torch = timed(["-c", "import torch"], a.runs)
    load = os.getloadavg()[0]

    def row(label: str, t: tuple[float, float], target: str = "") -> str:
        return (
            f"- {label}: wall **{t[0]:.2f} s** = **{t[0] / bare[0]:.1f}×**, CPU **{t[1]:.2f} s** = "
            f"**{t[1] / bare[1]:.1f}×** the bare imports{target}"
        )

    lines = [
        SECTION,
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores (load average {load:.1f} while "
        f"measuring), Python {platform.python_version()}; OMP_WAIT_POLICY=PASSIVE, one thread; "
        f"command: `python bench/bench_handout.py --runs {a.runs}` (medians over fresh "
        "processes; CPU = user + system time of the process).",
        "",
        f"- bare `import sympy, jinja2, numpy`: wall **{bare[0]:.2f} s**, CPU **{bare[1]:.2f} s**",
        row("`derive build tiny-mlp -f md --lang en` (proofs cache warm)", one, " (target ≤ 3×)"),
        row("the same with `DERIVE_CACHE=off` (nothing cached)", cold),
        row(
            "a freshly edited copy of tiny-mlp (its numbers and files not cached yet; PyTorch "
            "imported by the worker process)",
            edited,
            " (target ≤ 3×)",
        ),
        row("the same without the worker (`DERIVE_WORKER=off`)", edited_off),
        row(
            "a freshly edited copy with the warm server (`DERIVE_SERVER=on`: a first build "
            "started it; PyTorch's references from it, no `import torch` in the build)",
            served[:2],
            f" (target ≤ 3×; the server's CPU per build {served[2] * 1000:.0f} ms, not counted)",
        ),
        row(
            "a copy of tiny-mlp with a new title (its numbers cached by the build before the "
            "edit, its files not: no PyTorch import)",
            retitled,
            " (target ≤ 3×)",
        ),
        f"- the edited build with the worker on an idle 2-core machine, from CPU times: critical "
        f"path **{crit[0]:.2f} s** = **{crit[0] / bare[1]:.1f}×** the bare imports' CPU "
        f"(total CPU {crit[1]:.2f} s; the worker forks at {crit[2]:.2f} s and uses "
        f"{crit[3]:.2f} s, most of it `import torch`)",
        row("`derive build` (all built-ins, md/tex/ipynb/py, en + zh)", full, " (target ≤ 6×)"),
        f"- the same with an empty cache each run (a fresh machine's first build; load "
        f"{cold_load:.1f}): wall **{cold_wall:.2f} s** = **{cold_wall / bare[0]:.1f}×**; CPU "
        f"parent {cold_parent:.2f} s + children {cold_children:.2f} s; on an idle 2-core "
        f"machine about max(parent, total/2) = "
        f"**{max(cold_parent, (cold_parent + cold_children) / 2):.2f} s** = "
        f"**{max(cold_parent, (cold_parent + cold_children) / 2) / bare[1]:.1f}×** the bare "
        "imports' CPU (target ≤ 6×)",
        f"- `derive build tiny-mlp.toml -f md --lang en --watch`: from saving an edit to the "
        f"handout rewritten, wall **{watch:.2f} s** = **{watch / bare[0]:.1f}×** the bare imports",
        row("`import torch` alone (the floor of a fresh process that needs PyTorch)", torch),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if a.write:
        write_results(text)


def write_results(text: str) -> None:
    """Put ``text`` (the section's heading, then the figures) at the top of the section
    ``## derive build (edit loop)`` of ``bench/RESULTS.md`` as its newest ``###`` entry; the
    earlier entries (each branch's figures and reasons) stay below it."""
    path = ROOT / "bench" / "RESULTS.md"
    old = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    heading, _, figures = text.partition("\n")
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    entry = f"### `bench/bench_handout.py` ({stamp})\n{figures.rstrip()}\n\n"
    at = re.search(rf"^{re.escape(heading)}\n\n?", old, re.M)
    if at is None:
        new = old.rstrip("\n") + "\n\n" + heading + "\n\n" + entry
    else:
        new = old[: at.end()] + entry + old[at.end():]
    path.write_text(new.rstrip("\n") + "\n", "utf-8")


if __name__ == "__main__":
    main()
