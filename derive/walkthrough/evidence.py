"""The numeric evidence of a walkthrough: the verification table and the training history.

Printed so that a rebuild on another machine gives the same bytes: gradient values at the
example point rounded to 7 significant digits (ours, PyTorch, finite differences), differences
at the example point as a bound bucket (``< 1e-12``), and for the other points (random, full
size — where BLAS summation order moves the last bits) only whether every entry met the stated
tolerance. Losses of the training run are shown to 4 significant digits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from derive.engine.backprop import Derivation
from derive.engine.printing import name_tex
from derive.numeric import verify as numeric
from derive.walkthrough.records import Math

MAX_ROWS = 16  # entries per parameter in the example table
FLOOR = 1e-12  # smallest difference bucket shown


@dataclass(frozen=True)
class CheckRow:
    param: str
    entry: Math
    ours: str
    torch: str  # "" when PyTorch is missing
    fd: str


@dataclass(frozen=True)
class CheckSummary:
    param: str
    tex: Math
    points: int
    torch: str  # bound bucket of |ours − PyTorch| at the example ("" without PyTorch)
    fd: str  # bound bucket of |ours − finite differences| at the example
    ok: bool  # every point within tolerance


@dataclass(frozen=True)
class Verification:
    torch_version: str  # "" when PyTorch is missing
    rows: tuple[CheckRow, ...]
    hidden: int  # example entries not listed (large tensors)
    summary: tuple[CheckSummary, ...]
    random_points: int
    full_dims: Math  # sizes of the full-size check ("N = 64, …"), "" when there is none
    tolerances: tuple[tuple[str, Math], ...]  # ("torch", "10^{-9}|g| + 10^{-12}"), ("fd", …)
    ok: bool


@dataclass(frozen=True)
class Training:
    steps: int
    lr: Math
    dims: Math  # "N = 64, D_{\\text{in}} = 1000, …"
    rows: tuple[tuple[int, Math], ...]  # (step, loss) at selected steps
    plot: str  # file name of the plot next to the walkthrough ("" if none)
    coords: str  # "(0,3.374e7) (5,…)": every 5th loss, for pgfplots
    first: Math
    last: Math
    own_size: bool = False  # no [full_dims]: trained at the handout's own sizes


def sig(x: float, digits: int = 7) -> str:
    """``x`` to ``digits`` significant digits, plain text (``-0.01366809``, ``3.374e+07``)."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else "—" if math.isnan(x) else str(x)
    return f"{x:.{digits}g}"


def sci(x: float, digits: int = 4) -> Math:
    """``x`` to ``digits`` significant digits as LaTeX (``3.374 \\times 10^{7}``)."""
    if not math.isfinite(x):  # a diverging training run: say so, never crash
        return Math("\\mathrm{NaN}" if x != x else ("-" if x < 0 else "") + "\\infty")
    s = f"{x:.{digits - 1}e}"
    mant, exp = s.split("e")
    e = int(exp)
    if -3 <= e < 4:
        return Math(f"{x:.{max(digits - 1 - e, 0)}f}")
    return Math(f"{mant} \\times 10^{{{e}}}")


def bucket(diff: float) -> str:
    """The smallest power of ten above ``diff`` (at least :data:`FLOOR`): ``< 1e-12``."""
    if diff < FLOOR:
        return f"< {FLOOR:.0e}"
    return f"< 1e{math.floor(math.log10(diff)) + 1}"


def sizes(dims: dict[str, int]) -> Math:
    """``N = 64, D_{\\text{in}} = 1000``."""
    return Math(",\\thickspace ".join(f"{name_tex(k)} = {v}" for k, v in dims.items()))


def _tol(kind: str) -> Math:
    rtol, atol = numeric.TOL[kind]
    return Math(
        f"10^{{{round(math.log10(rtol))}}} \\lvert g \\rvert + 10^{{{round(math.log10(atol))}}}"
    )


def verification(d: Derivation, report: Any) -> Verification:
    """The table of our gradients vs PyTorch vs finite differences (``report`` from
    :func:`derive.numeric.verify.verify`; its ``torch_version`` is ``None`` when PyTorch was skipped)."""
    g = d.graph
    point = numeric.example_point(g)
    zeros = numeric.exact_zeros(d)  # exact kinks: the table follows the derivation's side
    ours, _ = numeric.gradients_matrix(d, point, zeros=zeros)
    fd = numeric.gradients_fd(d, point)
    if numeric.at_kink(d, point, zeros=zeros):  # a central difference straddles the kink
        fd = {p: np.full_like(v, np.nan) for p, v in fd.items()}
    has_torch = report.torch_version is not None
    tt = None
    if has_torch:  # computed by verify (and so cached with the report), else here
        tt = dict(getattr(report, "torch_example", ())) or numeric.gradients_torch(
            g, point, zeros=zeros
        )
    rows, hidden, summary = [], 0, []
    for p in g.spec.params:
        t = g.tensors[p]
        flat = [(i, j) for i in range(t.shape[0]) for j in range(t.shape[1])]
        hidden += max(0, len(flat) - MAX_ROWS)
        for i, j in flat[:MAX_ROWS]:
            rows.append(
                CheckRow(
                    p,
                    Math(t.entry_texs[i][j]),
                    sig(ours[p][i, j]),
                    sig(tt[p][i, j]) if tt is not None else "",
                    sig(fd[p][i, j]),
                )
            )
        comps = [c for c in report.comparisons if c.param == p]
        summary.append(
            CheckSummary(
                p,
                Math(t.tex),
                len(comps),
                bucket(float(np.max(np.abs(ours[p] - tt[p])))) if tt is not None else "",
                bucket(float(np.nanmax(np.abs(ours[p] - fd[p]))))
                if np.any(np.isfinite(fd[p]))
                else "—",
                all(c.ok for c in comps),
            )
        )
    full = sizes(g.spec.full_dims)
    randoms = len({c.point for c in report.comparisons if c.point.startswith("random")})
    tols = (("torch", _tol("torch")), ("fd", _tol("fd")))
    return Verification(
        report.torch_version or "",
        tuple(rows),
        hidden,
        tuple(summary),
        randoms,
        full,
        tols,
        report.ok,
    )


def training(d: Derivation, history: list[tuple[int, float]], plot: str) -> Training:
    """The loss curve of :func:`derive.numeric.verify.train` as table rows and plot coordinates."""
    spec = d.spec
    n = len(history)
    marks = sorted({s for s in (0, 1, 2, 5, 10, 20, 50, 100, 200, 300, 400, n - 1) if s < n})
    rows = tuple((history[s][0], sci(history[s][1])) for s in marks)
    coords = " ".join(
        f"({s},{float(sig(loss, 4)):.4g})"
        for s, loss in history[::5]
        if math.isfinite(loss) and loss > 0  # a log axis; a diverging run leaves gaps
    )
    dims = sizes(spec.full_dims or spec.dims)  # verify.train's sizes
    lr = float(spec.train.get("lr", 1e-3))
    return Training(
        n,
        sci(lr, 1),
        dims,
        rows,
        plot,
        coords,
        sci(history[0][1]),
        sci(history[-1][1]),
        not spec.full_dims,
    )
