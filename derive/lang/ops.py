"""The operation table: one record per function and per loss of the expression language.

Everything the engine knows about an operation lives in its :class:`Op` row:

- **language**: name, positional arity, keywords, default parameters (leaky ReLU's slope);
- **element-wise SymPy form** (``sympy``) — what graph building puts into each entry — and its
  element-wise derivative (``derivative``, the textbook rule, e.g. ``σ(x)(1 − σ(x))``);
- **matrix-form pull rule** (``pull``) and its rule name (``rule``, the proof that justifies it):
  given the upstream gradient ``up``, the argument ``x`` and the node's own value ``y`` as
  matrix-form expressions, the contribution to ``∂L/∂x`` (``up ⊙ y ⊙ (1 − y)`` for σ);
- **numerics**: a NumPy callable (float64 arrays), an mpmath callable (one entry, 50 digits; for
  row-wise ops one row; for losses whole grids) and a PyTorch callable (autograd reference);
- **source text** for the code generator: ``numpy_src``/``torch_src`` templates with ``{x}``
  (and ``{px}``, ``{x}`` parenthesized as a factor of a product, ``{slope}``, ``{y}``, ``{w}``)
  holes, plus ``numpy_helper``, the definition a generated script needs when ``numpy_src`` calls
  a helper;
- **printing**: ``tex``/``text`` names and the matrix-form templates ``tex_form``/``text_form``;
- **derive check**: ``formula_src``, how the op is written in a formula (``({x} > 0)`` for
  ``relu_grad``; by default ``name({x})``), ``numpy_names``, the ``np.``/``torch.``/method
  spellings a student may use for it, and ``slips``, the wrong derivatives students typically
  write for it (the checker's mutation library names them);
- **sampling**: ``domain`` (one entry per positional argument, a key of :data:`DOMAINS`) and
  ``kinks`` (points of the first argument where the derivative jumps: example values avoid them
  and finite differences are not trusted there).

Callables receive the op's parameters positionally after the tensor arguments. Pull rules receive
the matrix-form module (``m``, i.e. :mod:`derive.engine.mform`) so this table does not import it.

The active table is :data:`OPS`; :func:`using` swaps in another one (tests register an op in a
test-only table and derive a spec with it, touching no other file).

**Adding an op** is adding one row: its SymPy form (built from SymPy functions or one of the
classes below), the pull rule in matrix form, NumPy/mpmath/PyTorch callables, source text, LaTeX.
Every derivation step that uses it is still proven (the pull rule against SymPy's derivative of
the element-wise form, at random points) and verified against PyTorch. A new ``rule`` name needs a
``rule.<name>`` sentence in the ``[reasons]`` table of each locale (or keep ``"elementwise"``).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, NamedTuple

import mpmath
import numpy as np
import sympy as sp
from sympy.core.logic import fuzzy_and

ELEMENTWISE, ROWWISE, REDUCTION, LOSS = "elementwise", "rowwise", "reduction", "loss"
# joins its tensor arguments side by side (axis 1) or on top of each other (axis 0); its pull
# rule is structural: each argument gets its own block (slice) of the upstream gradient
CONCAT = "concat"
# a block of rows or columns of one tensor (``a[:, h:2*h]``); its pull rule is structural too: the
# upstream gradient placed into zeros of the full shape (several blocks of one tensor: their
# concatenation)
SLICE = "slice"
# the same entries in another (rows, cols) shape, read row by row (NumPy's/PyTorch's default
# C order: ``x.view(B, -1)``, ``np.reshape(A, (k, m))``); its pull rule is structural: the
# upstream gradient reshaped back to the argument's shape
RESHAPE = "reshape"
# an element-wise function of two tensors broadcast against each other as ``+`` does (atan2):
# ``sympy(a, b)`` per entry, ``pull(m, up, a, b, y)`` → (contribution to ∂L/∂a, to ∂L/∂b), each
# before the broadcast is summed back; ``numpy_src``/``torch_src`` with ``{a}`` and ``{b}``
BINARY = "binary"
# conv42: a stride-1 "valid" 2-D cross-correlation of one single-channel image with one kernel,
# Z_ij = Σ_ab X_{i+a, j+b} K_ab (``scipy.signal.correlate2d(X, K, 'valid')``, ``F.conv2d`` of
# X[None, None]; a 1-D signal is its one-row case), and the true convolution, the same with the
# kernel rotated by 180° (``np.convolve``, ``convolve2d``); its pull rules are structural: ∂L/∂K
# = X ⋆ δZ, ∂L/∂X = the full ("wide") correlation of δZ with rot180(K)
CORR2D = "corr2d"
# conv42: a matrix turned by 180° (rows and columns reversed): a true convolution's kernel, as a
# formula writes it (np.flip(K), np.rot90(K, 2)); its pull is the upstream gradient turned back
ROT180 = "rot180"
# conv43: a matrix with stride − 1 zeros between its entries (rows and columns): the upstream
# gradient of a strided convolution, before it is correlated as a stride-1 one
DILATE = "dilate"
# conv43: 2-D pooling over non-overlapping k × k windows (stride k): max_pool2d (gradient routed
# to each window's largest entry, the first in reading order on a tie, as PyTorch), avg_pool2d
# (δ/(k·k) spread over each window), and the two pieces their pulls are made of: upsample (each
# entry copied into a k × k block) and pool_mask (1 at each window's largest entry)
POOL2D = "pool2d"

# ---- conv42: the valid/full cross-correlation in the generated script, with NumPy alone ---------
CORRELATE2D_HELPER = (
    "def correlate2d(a, b, mode='valid', stride=1, padding=0, crop=0):\n"
    "    # scipy.signal.correlate2d of two real matrices, NumPy alone: out[i, j] is the sum over\n"
    "    # u, v of a[i*stride + u, j*stride + v] * b[u, v] ('valid': every window inside a, a\n"
    "    # padded first with padding zeros on each side; 'full': a padded with zeros, b's size\n"
    "    # - 1 on each side, then crop rows and columns cut off each side of the result)\n"
    "    a, b = np.atleast_2d(a), np.atleast_2d(b)\n"
    "    kh, kw = b.shape\n"
    "    ph, pw = (kh - 1 - crop, kw - 1 - crop) if mode == 'full' else (padding, padding)\n"
    "    a = np.pad(a, ((ph, ph), (pw, pw)))\n"
    "    rows, cols = (a.shape[0] - kh) // stride + 1, (a.shape[1] - kw) // stride + 1\n"
    "    out = np.zeros((rows, cols))\n"
    "    for u in range(kh):\n"
    "        for v in range(kw):\n"
    "            out += b[u, v] * a[u : u + stride * rows : stride, v : v + stride * cols : stride]\n"
    "    return out\n"
)

# ---- conv43: δZ of a strided convolution with stride − 1 zeros put between its entries ----------
DILATE_HELPER = (
    "def dilate(d, stride):\n"
    "    # the 'dilated' upstream gradient of a convolution with this stride: stride - 1 zeros\n"
    "    # between neighbouring entries (rows and columns), so each entry sits where its window began\n"
    "    d = np.atleast_2d(d)\n"
    "    out = np.zeros((stride * (d.shape[0] - 1) + 1, stride * (d.shape[1] - 1) + 1))\n"
    "    out[::stride, ::stride] = d\n"
    "    return out\n"
)


def pool_k(n: Any) -> int:
    """conv43: the window size k of a POOL2D call (``max_pool2d(A, k=2)``, ``upsample(d, 2)``)."""
    k = n.kwarg("k")
    if k is None and len(n.args) >= 2 and n.func not in ("pool_route", "pool_spread"):
        k = n.args[1]
    if k is None and len(n.args) >= 3 and n.func in ("pool_route", "pool_spread"):  # pool_route(dP, A, 3, 2)
        k = n.args[2]
    return int(k.value) if k is not None else 2


def pool_s(n: Any) -> int:
    """conv44: the stride of a POOL2D call (``max_pool2d(A, k=3, stride=2)``): k when left out
    (windows side by side, conv43's)."""
    s = n.kwarg("stride")
    first = 3 if n.func in ("pool_route", "pool_spread") else 2
    if s is None and len(n.args) > first:
        s = n.args[first]
    return int(s.value) if s is not None else pool_k(n)


def pool_lists(
    x: Any, k: int, what: str, total: Callable[[list[Any]], Any], zero: Any, one: Any, stride: int | None = None, ref: Any = None,
    geom: PoolGeom | None = None,
) -> list[list[Any]]:
    """conv43: a POOL2D op on a 2-D list: 'max'/'avg' of each k × k window, 'mask' (1 at each
    window's largest entry, the first in reading order as PyTorch), 'up' (each entry copied
    into a k × k block). conv44: windows ``stride`` apart (k when None; overlapping when the
    stride is less): 'up' then adds each entry into its whole window (entries of overlapping
    windows collect several), and 'route' sends each entry of ``x`` (the upstream gradient) to
    the largest entry of its window of ``ref`` (the pooled map), added where windows share it.
    pool46: ``geom`` (:class:`PoolGeom`): padded, cut or rectangular windows, 'spread' the
    average's pull."""
    if geom is not None:
        return _pool_general(x, what, total, zero, ref, geom)
    s = stride or k
    rows, cols = len(x), len(x[0])
    if what == "up" and s == k:
        return [[x[i // k][j // k] for j in range(cols * k)] for i in range(rows * k)]
    if what in ("up", "route"):
        h, w = (len(ref), len(ref[0])) if what == "route" else (s * (rows - 1) + k, s * (cols - 1) + k)
        grid: list[list[list[Any]]] = [[[] for _ in range(w)] for _ in range(h)]
        for i in range(rows):
            for j in range(cols):
                cells = [(s * i + u, s * j + v) for u in range(k) for v in range(k)]
                if what == "route":
                    vals = [ref[r][c] for r, c in cells]
                    cells = [cells[max(range(len(vals)), key=lambda t: (vals[t], -t))]]
                for r, c in cells:
                    grid[r][c].append(x[i][j])
        return [[total(g) if g else zero for g in row] for row in grid]
    if what == "mask" and s != k:
        raise ValueError("a mask of overlapping windows")  # their pull is 'route'
    out_r, out_c = (rows - k) // s + 1, (cols - k) // s + 1
    out = [[zero] * cols for _ in range(rows)] if what == "mask" else [[zero] * out_c for _ in range(out_r)]
    for i in range(out_r):
        for j in range(out_c):
            cells = [(s * i + u, s * j + v) for u in range(k) for v in range(k)]
            vals = [x[r][c] for r, c in cells]
            if what == "avg":
                out[i][j] = total(vals) / (k * k)
                continue
            best = max(range(len(vals)), key=lambda t: (vals[t], -t))
            if what == "max":
                out[i][j] = vals[best]
            else:
                r, c = cells[best]
                out[r][c] = one
    return out


def pool_numpy(x: Any, k: int, what: str, stride: int | None = None, ref: Any = None, geom: PoolGeom | None = None) -> Any:
    """:func:`pool_lists` in NumPy (float64)."""
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    if ref is not None:
        ref = np.atleast_2d(np.asarray(ref, dtype=np.float64)).tolist()
    return np.array(pool_lists(x.tolist(), k, what, math.fsum, 0.0, 1.0, stride, ref, geom), dtype=np.float64)


def pool_tie(x: Any, k: int, margin: float, stride: int | None = None, geom: PoolGeom | None = None) -> tuple[int, int] | None:
    """conv43: the first entry of a k × k window that ties its largest value (within ``margin``;
    0 at given values), not counting a window whose largest value is exactly 0 (a ReLU's zeros,
    whose gradient is 0 whichever takes it); ``None`` where every window has one largest entry.
    conv44: windows ``stride`` apart (k when None). pool46: ``geom``'s windows (padding never ties)."""
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    if geom is not None:
        for row in pool_windows(x.shape[0], x.shape[1], geom):
            for cells, _ in row:
                vals = [x[r, c] for r, c in cells]
                top = max(vals)
                near = [cells[t] for t, v in enumerate(vals) if abs(v - top) <= margin]
                if len(near) > 1 and top != 0:
                    return near[1]
        return None
    s = stride or k
    for i in range((x.shape[0] - k) // s + 1):
        for j in range((x.shape[1] - k) // s + 1):
            w = x[s * i : s * i + k, s * j : s * j + k]
            top = w.max()
            near = np.argwhere(np.abs(w - top) <= margin)
            if len(near) > 1 and top != 0:
                return (s * i + int(near[1][0]), s * j + int(near[1][1]))
    return None


class PoolGeom(NamedTuple):
    """pool46: the windows of a POOL2D op — kh × kw windows, sh rows and sw columns apart, pt/pb
    rows and pl/pr columns of padding above/below and left/right (−∞ for max pooling, never the
    largest; zeros for average pooling), ``ceil`` a last window cut at the edge (PyTorch's
    ceil_mode: kept when it starts inside the map or its top/left padding), ``cip`` the average's
    divisor counts the padding (PyTorch's count_include_pad; TF 'SAME' does not)."""

    kh: int
    kw: int
    sh: int
    sw: int
    pt: int = 0
    pl: int = 0
    pb: int = 0
    pr: int = 0
    ceil: bool = False
    cip: bool = True
    floor: bool = False  # shape47: windows that do not tile the map (its last rows/columns dropped)

    @property
    def plain(self) -> bool:
        """conv43/44's square k × k windows s apart, no padding, the last window whole, the
        windows reaching the map's last row and column (shape47: else ``floor``, PyTorch's
        default, through :func:`pool_windows`)."""
        return self.kh == self.kw and self.sh == self.sw and not (self.pt or self.pl or self.pb or self.pr or self.ceil or self.floor)

    def keys(self) -> tuple[tuple[str, int], ...]:
        """The node's keywords beyond k and stride (only those that differ from the default)."""
        out = [("kw", self.kw), ("sw", self.sw), ("pad", self.pt), ("padw", self.pl), ("padb", self.pb), ("padr", self.pr),
               ("ceil", int(self.ceil)), ("count_pad", int(self.cip)), ("floor", int(self.floor))]
        default = {"kw": self.kh, "sw": self.sh, "pad": 0, "padw": self.pt, "padb": self.pt, "padr": self.pl, "ceil": 0, "count_pad": 1,
                   "floor": 0}
        return tuple((k, v) for k, v in out if v != default[k])


POOL_KEYS = ("k", "stride", "kw", "sw", "pad", "padw", "padb", "padr", "ceil", "count_pad", "floor")


def pool_geom(n: Any) -> PoolGeom:
    """pool46: the windows of a POOL2D call (:class:`PoolGeom`): ``k``/``stride`` as conv43/44
    read them, then ``kw``/``sw`` (columns; a left-out ``sw`` is the stride when one is given,
    else ``kw``), ``pad``/``padw``/``padb``/``padr``, ``ceil``, ``count_pad``."""
    k, s = pool_k(n), pool_s(n)
    first = 3 if n.func == "pool_route" or n.func == "pool_spread" else 2

    def get(key: str, default: int) -> int:
        v = n.kwarg(key)
        return int(v.value) if v is not None else default

    has_s = n.kwarg("stride") is not None or len(n.args) > first
    kw = get("kw", k)
    pt = get("pad", 0)
    pl = get("padw", pt)
    return PoolGeom(k, kw, s, get("sw", s if has_s else kw), pt, pl, get("padb", pt), get("padr", pl), bool(get("ceil", 0)), bool(get("count_pad", 1)),
                    bool(get("floor", 0)))


def pool_floor_shape47(g: PoolGeom, rows: Any, cols: Any) -> PoolGeom:
    """shape47: ``g`` marked ``floor`` when its plain windows do not reach the last row or column
    of a map of ``rows`` × ``cols`` (whole numbers; PyTorch's default floor drops them: a 5 × 5
    map, 2 × 2 windows, stride 2 gives 2 × 2); ``g`` itself otherwise."""
    if not g.plain or not isinstance(rows, int) or not isinstance(cols, int) or rows < g.kh or cols < g.kw:
        return g
    return g._replace(floor=True) if (rows - g.kh) % g.sh or (cols - g.kw) % g.sw else g


def pool_extent(n: int, k: int, s: int, lo: int = 0, hi: int = 0, ceil: bool = False) -> int:
    """pool46: how many windows of k, s apart, fit along an axis of n with lo/hi padding
    (PyTorch's rule: ⌊(n + lo + hi − k)/s⌋ + 1, ⌈⌉ with ceil_mode, less a last window that
    would start in the bottom/right padding)."""
    m = n + lo + hi - k
    if m < 0 or k < 1 or s < 1:
        raise ValueError(f"a window of {k} larger than {n} + padding")
    out = (-(-m // s) if ceil else m // s) + 1
    if ceil and (out - 1) * s >= n + lo:
        out -= 1
    return out


def pool_windows(rows: int, cols: int, g: PoolGeom) -> list[list[tuple[list[tuple[int, int]], int]]]:
    """pool46: each output entry's window — the (row, column) cells inside the map, in reading
    order, and the average's divisor (the window clipped to the padded map with
    count_include_pad, else its cells inside the map, as PyTorch and TF 'SAME' divide)."""

    def axis(n: int, k: int, s: int, lo: int, hi: int) -> list[tuple[range, int]]:
        out = []
        for i in range(pool_extent(n, k, s, lo, hi, g.ceil)):
            a = s * i - lo
            inside = range(max(a, 0), min(a + k, n))
            if not inside:
                raise ValueError("a window with no entry of the map")
            out.append((inside, min(a + k, n + hi) - a))
        return out

    down, across = axis(rows, g.kh, g.sh, g.pt, g.pb), axis(cols, g.kw, g.sw, g.pl, g.pr)
    return [
        [([(r, c) for r in rr for c in cc], (nr * nc if g.cip else len(rr) * len(cc))) for cc, nc in across]
        for rr, nr in down
    ]


def _pool_general(x: Any, what: str, total: Callable[[list[Any]], Any], zero: Any, ref: Any, g: PoolGeom) -> list[list[Any]]:
    """pool46: :func:`pool_lists` over :func:`pool_windows` — 'max', 'avg', and the pulls
    'route' (each δ to its window's largest entry of ``ref``) and 'spread' (each δ divided by its
    window's divisor, added into the window's entries; ``ref`` gives the map's size)."""
    rows, cols = len(x), len(x[0])
    if what in ("route", "spread"):
        h, w = len(ref), len(ref[0])
        wins = pool_windows(h, w, g)
        if (len(wins), len(wins[0])) != (rows, cols):
            raise ValueError("the windows do not match the upstream gradient")
        grid: list[list[list[Any]]] = [[[] for _ in range(w)] for _ in range(h)]
        for i in range(rows):
            for j in range(cols):
                cells, count = wins[i][j]
                if what == "route":
                    vals = [ref[r][c] for r, c in cells]
                    r, c = cells[max(range(len(vals)), key=lambda t: (vals[t], -t))]
                    grid[r][c].append(x[i][j])
                else:
                    for r, c in cells:
                        grid[r][c].append(x[i][j] / count)
        return [[total(v) if v else zero for v in row] for row in grid]
    if what not in ("max", "avg"):
        raise ValueError(f"{what} of padded, cut or rectangular windows")
    out = []
    for row in pool_windows(rows, cols, g):
        line = []
        for cells, count in row:
            vals = [x[r][c] for r, c in cells]
            line.append(total(vals) / count if what == "avg" else vals[max(range(len(vals)), key=lambda t: (vals[t], -t))])
        out.append(line)
    return out


POOL_WINDOWS_HELPER = (
    "def pool_windows(n_rows, n_cols, k, stride=None, kw=None, sw=None, pad=0, padw=None, padb=None, padr=None, ceil=0):\n"
    "    # the windows of a pooling along each axis: (first, last + 1) of its entries inside the map and\n"
    "    # its size clipped to the padded map; k x kw windows stride (sw) apart, pad (padb) rows above\n"
    "    # (below), padw (padr) columns left (right); ceil: PyTorch's ceil_mode, a last window cut at\n"
    "    # the edge, kept when it starts inside the map or its top/left padding\n"
    "    def axis(n, k, s, lo, hi):\n"
    "        m = n + lo + hi - k\n"
    "        out = (-(-m // s) if ceil else m // s) + 1\n"
    "        if ceil and (out - 1) * s >= n + lo:\n"
    "            out -= 1\n"
    "        return [(max(s * i - lo, 0), min(s * i - lo + k, n), min(s * i - lo + k, n + hi) - (s * i - lo)) for i in range(out)]\n"
    "    kw, padw = kw or k, pad if padw is None else padw\n"
    "    s, sw = stride or k, sw or stride or kw\n"
    "    padb, padr = pad if padb is None else padb, padw if padr is None else padr\n"
    "    return axis(n_rows, k, s, pad, padb), axis(n_cols, kw, sw, padw, padr)\n"
)


def pool_torch(torch: Any, x: Any, what: str, g: PoolGeom, ref: Any = None) -> Any:
    """pool46: PyTorch's own pooling of one 2-D map over :class:`PoolGeom`'s windows —
    F.max_pool2d / F.avg_pool2d with (kh, kw), (sh, sw), padding, ceil_mode and
    count_include_pad; TF 'SAME''s bottom/right padding (larger than the top/left) by F.pad (−∞
    for max; zeros, the divisor the window's entries in the map, for average); 'route'/'spread'
    (the pulls) are PyTorch's autograd of the forward at ``ref``."""
    F = torch.nn.functional
    if what in ("route", "spread"):
        a = torch.as_tensor(ref, dtype=torch.float64)
        a = (a.reshape(1, -1) if a.ndim < 2 else a).detach().requires_grad_(True)
        d = torch.as_tensor(x, dtype=torch.float64)
        d = d.reshape(1, -1) if d.ndim < 2 else d
        (back,) = torch.autograd.grad(pool_torch(torch, a, "max" if what == "route" else "avg", g), a, d)
        return back
    x = x.reshape(1, -1) if x.ndim < 2 else x
    k, s = (g.kh, g.kw), (g.sh, g.sw)
    if (g.pt, g.pl) == (g.pb, g.pr):
        if what == "max":
            return F.max_pool2d(x[None, None], k, s, (g.pt, g.pl), 1, g.ceil)[0, 0]
        return F.avg_pool2d(x[None, None], k, s, (g.pt, g.pl), g.ceil, g.cip)[0, 0]
    if g.ceil or g.cip and what == "avg":
        raise ValueError("uneven padding with ceil_mode or counted in the divisor")
    pads = (g.pl, g.pr, g.pt, g.pb)
    if what == "max":
        return F.max_pool2d(F.pad(x, pads, value=-math.inf)[None, None], k, s)[0, 0]
    total = F.avg_pool2d(F.pad(x, pads)[None, None], k, s, divisor_override=1)[0, 0]
    count = F.avg_pool2d(F.pad(torch.ones_like(x), pads)[None, None], k, s, divisor_override=1)[0, 0]
    return total / count


def pool_tex_sub(g: PoolGeom, what: str) -> str:
    """pool46: the LaTeX subscript of a pooling over :class:`PoolGeom`'s windows —
    ``3,2;\\thinspace p=1,\\lceil\\rceil``: the window (``2{\\times}3``), the stride (``(1,2)``), the
    padding (``p=1``; ``p=(0,1;0,1)`` top, bottom; left, right when they differ), ceil_mode, and
    ``\\mathrm{excl}`` when an average's divisor leaves the padding out."""
    out = [str(g.kh) if g.kh == g.kw else f"{g.kh}{{\\times}}{g.kw}", str(g.sh) if g.sh == g.sw else f"({g.sh},{g.sw})"]
    extra = []
    if len({g.pt, g.pb, g.pl, g.pr}) == 1 and g.pt:
        extra.append(f"p={g.pt}")
    elif g.pt or g.pb or g.pl or g.pr:
        extra.append(f"p=({g.pt},{g.pb};{g.pl},{g.pr})")
    if g.ceil:
        extra.append("\\lceil\\rceil")
    if g.floor:  # shape47: the last rows/columns no window reaches are left out
        extra.append("\\lfloor\\rfloor")
    if not g.cip and what in ("avg", "spread"):
        extra.append("\\mathrm{excl}")
    return ",".join(out) + (";\\thinspace " + ",".join(extra) if extra else "")


def corr_opts(n: Any) -> tuple[int, int]:
    """conv43: (stride, extra zeros on each side) of a CORR2D call: 'valid' rows read
    ``stride=``/``padding=`` (``padding`` zeros around the image), 'full' rows ``crop=`` (the
    result cut by ``crop`` on each side: the kernel's size − 1 − crop zeros around the image)."""
    stride, pad, crop = (n.kwarg(k) for k in ("stride", "padding", "crop"))
    if stride is None and n.func == "dilate" and len(n.args) == 2:  # dilate(dZ, 2)
        stride = n.args[1]
    s = int(stride.value) if stride is not None else 1
    return s, (int(pad.value) if pad is not None else 0) - (int(crop.value) if crop is not None else 0)


def flip_slices(axes: tuple[int, ...] = (0, 1)) -> tuple[slice, slice]:
    """conv43: the slices that reverse ``axes`` of a matrix (rot180: both; flip_rows: 0)."""
    return tuple(slice(None, None, -1) if k in axes else slice(None) for k in (0, 1))  # type: ignore[return-value]


def corr_pads(full: bool, pad: int, kh: int, kw: int) -> tuple[int, int]:
    """conv43: the zeros on each side of the image, per axis, of a correlation with a kh × kw
    kernel: 'full' the kernel's size − 1 (+ pad, a crop when negative), 'valid' pad."""
    return (kh - 1 + pad, kw - 1 + pad) if full else (pad, pad)


def corr_numpy(a: Any, b: Any, full: bool, stride: int = 1, pad: int = 0) -> Any:
    """The cross-correlation of mform's ``Corr`` in NumPy (float64)."""
    a, b = (np.atleast_2d(np.asarray(x, dtype=np.float64)) for x in (a, b))
    kh, kw = b.shape
    ph, pw = corr_pads(full, pad, kh, kw)
    a = np.pad(a, ((ph, ph), (pw, pw)))
    rows, cols = (a.shape[0] - kh) // stride + 1, (a.shape[1] - kw) // stride + 1
    if rows < 1 or cols < 1:
        raise IndexError(f"a kernel {b.shape} larger than the image {a.shape}")
    out = np.zeros((rows, cols))
    for u in range(kh):
        for v in range(kw):
            out += b[u, v] * a[u : u + stride * rows : stride, v : v + stride * cols : stride]
    return out


def dilate_numpy(x: Any, stride: int) -> Any:
    """mform's ``Dilate`` in NumPy: stride − 1 zeros between neighbouring entries."""
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    out = np.zeros((stride * (x.shape[0] - 1) + 1, stride * (x.shape[1] - 1) + 1))
    out[::stride, ::stride] = x
    return out


# ---- our SymPy functions (textbook derivatives; relu_grad(0) = 0 as in PyTorch) ----------


class sigmoid(sp.Function):  # noqa: N801 - SymPy function classes are lower-case
    """σ(x) = 1 / (1 + e^{−x}); σ'(x) = σ(x)(1 − σ(x))."""

    nargs = 1

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x: sp.Expr, **kwargs: object) -> sp.Expr:
        return 1 / (1 + sp.exp(-x))

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return (1 / (1 + sp.exp(-self.args[0])))._eval_evalf(prec)

    def _eval_is_extended_real(self) -> bool | None:
        # σ of a real x is real: |σ(z) − y|' is a sign, not SymPy's re/im form (F.l1_loss of σ)
        return self.args[0].is_extended_real


class _Step(sp.Function):
    """An indicator of x at the kink 0: 1 for x > 0, 0 for x < 0, :attr:`at_zero` at 0."""

    nargs = 1
    at_zero = 0
    # 0 or 1: stated, so that SymPy's products of indicators (a max mask) do not deduce it
    is_extended_real = True
    is_finite = True
    is_nonnegative = True

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Number:
            return sp.Integer(1 if x > 0 else cls.at_zero if x == 0 else 0)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Integer(0)


class relu_grad(_Step):  # noqa: N801
    """The indicator 1[x > 0]: relu'(x) with the PyTorch convention relu'(0) = 0."""


class clamp0_grad(_Step):  # noqa: N801
    """The indicator 1[x >= 0]: the derivative of PyTorch's ``clamp(x, min=0)``, which passes
    the gradient at the bound (1 at x = 0, where relu'(0) = 0)."""

    at_zero = 1


# the jumps of floor/ceil/trunc: every whole number a course's values reach (a given value there
# is refused naming it: float64 may land on the other side of the jump than the exact value)
WHOLE_JUMPS = tuple(Fraction(k) for k in range(-64, 65))
# round's jumps (ties to even, PyTorch's): every half a course's values reach (spellings24)
HALF_JUMPS = tuple(Fraction(2 * k + 1, 2) for k in range(-65, 64))


class _WholePart(sp.Function):
    """A step function to a whole number (spellings23: floor, ceil, trunc as torch/NumPy compute
    them): derivative 0 wherever it is defined — PyTorch's gradient, 0 everywhere. Read where
    no gradient flows through it, as ``round`` (the spec reader refuses it elsewhere)."""

    nargs = 1
    is_extended_real = True
    is_finite = True
    whole: Callable[[Fraction], int] = staticmethod(math.floor)

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Rational:
            return sp.Integer(cls.whole(Fraction(int(x.p), int(x.q))))
        if x.is_Float:
            return sp.Integer(cls.whole(Fraction(float(x))))
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Integer(0)


class floor_step(_WholePart):  # noqa: N801
    """⌊x⌋ (``torch.floor``, ``np.floor``)."""


class ceil_step(_WholePart):  # noqa: N801
    """⌈x⌉ (``torch.ceil``, ``np.ceil``)."""

    whole = staticmethod(math.ceil)


class trunc_step(_WholePart):  # noqa: N801
    """x rounded toward 0 (``torch.trunc``/``torch.fix``, ``np.trunc``/``np.fix``)."""

    whole = staticmethod(math.trunc)


class round_even(sp.Function):  # noqa: N801
    """Rounding to the nearest whole number, ties to even (``torch.round``, ``np.round``):
    a step function, derivative 0 wherever it is defined (PyTorch's gradient is 0 everywhere).
    Read only where no gradient flows through it (a stop-gradient's straight-through
    estimator, or data): :meth:`derive.lang.spec.Validator` refuses it elsewhere."""

    nargs = 1
    is_extended_real = True
    is_finite = True

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Rational:
            return sp.Integer(round(Fraction(int(x.p), int(x.q))))  # Fraction: ties to even
        if x.is_Float:
            return sp.Integer(round(float(x)))  # float: ties to even
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sp.Integer(0)


class _MaxZero(sp.Function):
    """max(x, 0), whose derivative is the indicator :attr:`step`."""

    nargs = 1
    step: type[_Step] = relu_grad

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Number:
            return x if x > 0 else sp.Integer(0)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return self.step(self.args[0])

    def _eval_is_extended_real(self) -> bool | None:
        return self.args[0].is_extended_real  # max(x, 0) of a real x is real (|·|' is sign)


class relu(_MaxZero):  # noqa: N801
    """max(x, 0); relu'(x) = 1[x > 0]."""


class clamp0(_MaxZero):  # noqa: N801
    """PyTorch's ``clamp(x, min=0)`` = max(x, 0), with clamp's derivative 1[x >= 0]."""

    step = clamp0_grad


class sqrt0_grad(sp.Function):  # noqa: N801
    """1/(2√x) for x > 0 and 0 at x = 0: the derivative of the square root inside PyTorch's
    ``norm`` (``torch.norm``, ``torch.linalg.norm``/``vector_norm``, ``x.norm()``), whose
    backward gives a zero vector the gradient 0 (its subgradient), where √'s is 1/0."""

    nargs = 1

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Number and x >= 0:
            return sp.Integer(0) if x == 0 else 1 / (2 * sp.sqrt(x))
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return -sqrt0_grad(x) / (2 * x)

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        x = self.args[0]._eval_evalf(prec)
        if x is None or not x.is_Number:
            return None
        return sp.Integer(0) if x == 0 else (1 / (2 * sp.sqrt(x)))._eval_evalf(prec)


class sqrt0(sp.Function):  # noqa: N801
    """√x inside PyTorch's norm: the square root, with the derivative :class:`sqrt0_grad` (0 at
    x = 0, PyTorch's gradient of the norm of a zero vector)."""

    nargs = 1
    is_extended_real = True
    is_nonnegative = True

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        if x.is_Number and x >= 0:
            return sp.sqrt(x)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sqrt0_grad(self.args[0])

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        return sp.sqrt(self.args[0])._eval_evalf(prec)


class leaky_relu(sp.Function):  # noqa: N801
    """x for x > 0, slope·x otherwise; derivative 1[x>0] + slope·(1 − 1[x>0])."""

    nargs = 2

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x, slope = self.args
        if argindex != 1:
            raise sp.ArgumentIndexError(self, argindex)
        g = relu_grad(x)
        return g + slope * (1 - g)

    def _eval_is_extended_real(self) -> bool | None:
        x, slope = self.args
        return fuzzy_and([x.is_extended_real, slope.is_extended_real])


class elu(sp.Function):  # noqa: N801
    """ELU with parameter α: x for x > 0, α(eˣ − 1) otherwise; its derivative :class:`elu_grad`
    (α at 0: PyTorch's backward takes the x ≤ 0 branch there). SELU is λ·elu(x, α_s) and CELU
    α·elu(x/α, 1) (:mod:`derive.lang.spelling`): the same op, with PyTorch's gradients at 0."""

    nargs = 2

    @classmethod
    def eval(cls, x: sp.Expr, alpha: sp.Expr) -> sp.Expr | None:
        if x.is_Number and alpha.is_Number:
            return x if x > 0 else alpha * (sp.exp(x) - 1)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        if argindex != 1:
            raise sp.ArgumentIndexError(self, argindex)
        return elu_grad(*self.args)

    def _eval_is_extended_real(self) -> bool | None:
        x, alpha = self.args
        return fuzzy_and([x.is_extended_real, alpha.is_extended_real])


class elu_grad(sp.Function):  # noqa: N801
    """ELU's derivative: 1 for x > 0, α·eˣ for x ≤ 0 (α at 0, as PyTorch); its own derivative
    is α·eˣ below 0 and 0 above, i.e. ``elu_grad(x, α) − 1[x > 0]``."""

    nargs = 2

    @classmethod
    def eval(cls, x: sp.Expr, alpha: sp.Expr) -> sp.Expr | None:
        if x.is_Number and alpha.is_Number:
            return sp.Integer(1) if x > 0 else alpha * sp.exp(x)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        if argindex != 1:
            raise sp.ArgumentIndexError(self, argindex)
        return elu_grad(*self.args) - relu_grad(self.args[0])

    def _eval_is_extended_real(self) -> bool | None:
        x, alpha = self.args
        return fuzzy_and([x.is_extended_real, alpha.is_extended_real])


class lgamma(sp.Function):  # noqa: N801
    """log Γ(x) for x > 0 (PyTorch's ``torch.lgamma``, SciPy's ``gammaln``, ``math.lgamma``);
    its derivative is the digamma function ψ(x) (:class:`digamma`)."""

    nargs = 1
    is_extended_real = True

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return digamma(self.args[0])

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        return sp.loggamma(self.args[0])._eval_evalf(prec)


class ndtr(sp.Function):  # noqa: N801
    """Φ(x), the standard normal CDF (``torch.special.ndtr``, ``scipy.stats.norm.cdf``): its own
    function, not ½(1 + erf(x/√2)), whose float64 value loses every digit below x ≈ −8 (where
    ``log Φ`` would be wrong, not refused); its derivative is the normal density φ(x)."""

    nargs = 1
    is_extended_real = True

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return normal_pdf(self.args[0])

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        return (sp.erfc(-self.args[0] / sp.sqrt(2)) / 2)._eval_evalf(prec)


class log_ndtr(sp.Function):  # noqa: N801
    """log Φ(x) (``torch.special.log_ndtr``, ``scipy.stats.norm.logcdf``), accurate far into
    the lower tail; its derivative is φ(x)/Φ(x)."""

    nargs = 1
    is_extended_real = True

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return normal_pdf(x) / ndtr(x)

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        return sp.log(sp.erfc(-self.args[0] / sp.sqrt(2)) / 2)._eval_evalf(prec)


def normal_pdf(x: sp.Expr) -> sp.Expr:
    """φ(x) = e^{−x²/2}/√(2π), the standard normal density (Φ's derivative)."""
    return sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi)


class _Polygamma(sp.Function):
    """ψ_k(x), the (k + 1)-th derivative of log Γ, for x > 0 (``order`` k); its derivative is
    ψ_{k+1}: the next class of :data:`_NEXT_POLYGAMMA` (SymPy's polygamma past ψ₂)."""

    nargs = 1
    is_extended_real = True
    order = 0

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        nxt = _NEXT_POLYGAMMA.get(self.order)
        x = self.args[0]
        return nxt(x) if nxt is not None else sp.polygamma(self.order + 1, x)

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        return sp.polygamma(self.order, self.args[0])._eval_evalf(prec)


class digamma(_Polygamma):  # noqa: N801
    """ψ(x) = d/dx log Γ(x) (``torch.digamma``, SciPy's ``psi``)."""


class trigamma(_Polygamma):  # noqa: N801
    """ψ₁(x) = d/dx ψ(x) (``torch.polygamma(1, x)``)."""

    order = 1
    is_positive = True


class tetragamma(_Polygamma):  # noqa: N801
    """ψ₂(x) = d/dx ψ₁(x): trigamma's slope (the error bounds of a ψ₁ node)."""

    order = 2
    is_negative = True


_NEXT_POLYGAMMA: dict[int, type[_Polygamma]] = {0: trigamma, 1: tetragamma}


# ---- domains -------------------------------------------------------------------------------

# name → (description for messages, test of one float / of one row)
DOMAINS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "real": ("any real number", lambda v: bool(np.isfinite(v))),
    "positive": ("positive numbers (> 0)", lambda v: bool(v > 0)),
    "nonnegative": ("numbers ≥ 0", lambda v: bool(v >= 0)),  # sqrt0: a sum of squares
    "variance": ("numbers ≥ 0 (a variance)", lambda v: bool(v >= 0)),  # assert_nonneg
    "count": ("numbers ≥ 0 (a count)", lambda v: bool(v >= 0)),  # assert_count: a Poisson target
    "nonzero": ("non-zero numbers", lambda v: bool(v != 0)),
    "unit": ("numbers strictly between 0 and 1", lambda v: bool(0 < v < 1)),
    "binary": ("0 or 1", lambda v: bool(v in (0, 1))),
    "target": ("numbers from 0 to 1", lambda v: bool(0 <= v <= 1)),
    # spellings22: acosh's argument (> 1: its derivative is inf at 1) and atanh's/erfinv's
    "above_one": ("numbers > 1", lambda v: bool(v > 1)),
    "open_unit": ("numbers strictly between -1 and 1", lambda v: bool(-1 < v < 1)),
    "onehot": (
        "one-hot rows (0s and a single 1 per row)",
        lambda row: bool(all(v in (0, 1) for v in row) and sum(row) == 1),
    ),
}
ROW_DOMAINS = frozenset({"onehot"})

# domains the language's structure (not a table row) imposes on an operand
STRUCTURAL_DOMAINS = {
    "divisor": "nonzero",  # the right side of ``/``
    "fractional_power": "positive",  # the base of ``** p/q`` with q > 1 (``x ** 0.5``)
    "negative_power": "nonzero",  # the base of ``** -n``
}


def power_domain(exponent: Fraction) -> str:
    """The domain of the base of ``x ** exponent``."""
    if Fraction(exponent).denominator != 1:
        return STRUCTURAL_DOMAINS["fractional_power"]
    return STRUCTURAL_DOMAINS["negative_power"] if exponent < 0 else "real"


def in_domain(domain: str, value: Any) -> bool:
    """``value`` (a number, or a row for row domains) lies in ``domain``."""
    return DOMAINS[domain][1](value)


# ---- the record ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    name: str
    kind: str  # ELEMENTWISE | ROWWISE | REDUCTION | LOSS
    nargs: tuple[int, int] = (1, 1)  # positional arity (min, max)
    keywords: tuple[str, ...] = ()
    params: tuple[tuple[str, Fraction], ...] = ()  # defaults of positional/keyword parameters
    sympy: Callable[..., Any] | None = None  # entry / row / per-entry loss term, in SymPy
    sympy_class: Any = None  # the SymPy function class ``sympy`` builds (checker evaluation)
    derivative: Callable[..., sp.Expr] | None = None  # element-wise d/dx in textbook form
    pull: Callable[..., Any] | None = None  # (m, up, x, y, *params) → contribution to ∂L/∂x
    rule: str = "elementwise"
    textbook: bool = False  # derivative written with the node's own value (σ' = a(1 − a))
    numpy: Callable[..., Any] | None = None
    mpmath: Callable[..., Any] | None = None
    torch: Callable[..., Any] | None = None
    numpy_src: str = ""
    numpy_helper: str = ""
    torch_src: str = ""
    tex: str = ""
    text: str = ""
    tex_form: str = ""  # matrix-form LaTeX with {x} (and {slope})
    text_form: str = ""
    entry_tex_form: str = ""  # LaTeX of one entry when it differs from tex_form (with {slope})
    domain: tuple[str, ...] = ("real",)
    kinks: tuple[Fraction, ...] = ()
    exponential: bool = False  # grows like e^x: exact evaluators cap the argument (EXP_CAP)
    formula_src: str = ""  # in derive check's formula language, with {x} (and {slope})
    numpy_names: tuple[str, ...] = ()  # np.<name>(x) / torch.<name>(x) / x.<name>() spellings
    slips: tuple[tuple[str, Callable[..., Any]], ...] = ()  # wrong derivatives, see SLIPS
    reduce: str = ""  # losses: "mean" (over entries), "sum", "rows" (mean over rows)
    doc: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def default(self, key: str) -> Fraction | None:
        return dict(self.params).get(key)

    def tex_of(self, x: str, **holes: str) -> str:
        if not self.tex_form:
            return f"{self.tex}\\left({x}\\right)"
        return self.tex_form.format(x=x, **holes)

    def entry_tex_of(self, x: str, **holes: str) -> str:
        """LaTeX of the function applied to one entry (element-wise steps)."""
        if self.entry_tex_form:
            return self.entry_tex_form.format(x=x, **holes)
        return self.tex_of(x, **holes)

    def formula_of(self, x: str, **holes: str) -> str:
        """The op applied to ``x`` in derive check's formula language (pasteable as a formula)."""
        if self.formula_src:
            return self.formula_src.format(x=x, **holes)
        params = "".join(f", {holes[k]}" for k, _ in self.params if k in holes)
        return f"{self.name}({x}{params})"

    def text_of(self, x: str, **holes: str) -> str:
        if not self.text_form:
            return f"{self.text}({x})"
        return self.text_form.format(x=x, **holes)


# ---- numeric helpers (one place) -------------------------------------------------------------


def np_sigmoid(x: np.ndarray) -> np.ndarray:
    """Stable σ: never evaluates exp of a large positive number (in float64, or in long double
    when given long doubles: the element-wise tape's working precision)."""
    x = np.asarray(x)
    x = x if x.dtype == np.longdouble else x.astype(np.float64)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def np_relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def _mp_trunc(x: Any) -> Any:
    """mpmath's x rounded toward 0 (it has floor and ceil only)."""
    return mpmath.floor(x) if x >= 0 else mpmath.ceil(x)


def np_relu_grad(x: np.ndarray) -> np.ndarray:
    return (np.asarray(x) > 0).astype(np.float64)


def np_clamp0_grad(x: np.ndarray) -> np.ndarray:
    return (np.asarray(x) >= 0).astype(np.float64)


def np_sqrt0_grad(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, 0.5 / np.sqrt(np.where(x > 0, x, 1.0)), 0.0)


def torch_sqrt0(x: Any) -> Any:
    """√x whose backward is 0 at x = 0 (PyTorch's norm of a zero vector), not 1/0 · 0."""
    torch = _torch_mod(x)
    pos = x > 0
    return torch.where(pos, x, torch.ones_like(x)).sqrt() * pos.to(x.dtype)


def torch_sqrt0_grad(x: Any) -> Any:
    torch = _torch_mod(x)
    pos = x > 0
    return torch.where(pos, 0.5 / torch.where(pos, x, torch.ones_like(x)).sqrt(), 0.0 * x)


def np_leaky_relu(x: np.ndarray, slope: float) -> np.ndarray:
    return np.where(np.asarray(x) > 0, x, float(slope) * np.asarray(x))


def np_leaky_grad(x: np.ndarray, slope: float) -> np.ndarray:
    return np.where(np.asarray(x) > 0, 1.0, float(slope))


# SELU's constants as float64 holds them (PyTorch's, and Klambauer et al.'s to 17 digits)
SELU_SCALE = sp.Rational("1.0507009873554805")
SELU_ALPHA = sp.Rational("1.6732632423543772")


def np_elu(x: np.ndarray, alpha: float) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x, float(alpha) * np.expm1(np.minimum(x, 0.0)))


def np_elu_grad(x: np.ndarray, alpha: float) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, 1.0, float(alpha) * np.exp(np.minimum(x, 0.0)))


def torch_elu_grad(x: Any, alpha: float) -> Any:
    torch = _torch_mod(x)
    return torch.where(x > 0, torch.ones_like(x), float(alpha) * torch.exp(torch.clamp(x, max=0.0)))


def np_softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def np_log_softmax(x: np.ndarray) -> np.ndarray:
    s = x - x.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


def mp_sigmoid(x: mpmath.mpf) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-x))


def mp_softmax(row: list[Any]) -> list[Any]:
    e = [mpmath.exp(v) for v in row]
    t = mpmath.fsum(e)
    return [v / t for v in e]


def mp_log_softmax(row: list[Any]) -> list[Any]:
    t = mpmath.log(mpmath.fsum(mpmath.exp(v) for v in row))
    return [v - t for v in row]


def np_max_mask(x: np.ndarray) -> np.ndarray:
    """1 at each row's largest entry, 0 elsewhere (in the argument's dtype)."""
    x = np.asarray(x)
    out = np.zeros_like(x)
    out[np.arange(x.shape[0]), np.argmax(x, axis=1)] = 1
    return out


def np_max_share(x: np.ndarray) -> np.ndarray:
    """1/c at each of a row's c largest entries (1 at a unique one), 0 elsewhere."""
    x = np.asarray(x)
    top = (x == np.max(x, axis=1, keepdims=True)).astype(x.dtype)
    return top / np.sum(top, axis=1, keepdims=True)


def mp_max_share(row: list[Any]) -> list[Any]:
    top = max(row)
    count = sum(1 for v in row if v == top)
    return [mpmath.mpf(1) / count if v == top else mpmath.mpf(0) for v in row]


def mp_max_mask(row: list[Any]) -> list[Any]:
    top = max(range(len(row)), key=lambda j: row[j])
    return [mpmath.mpf(1) if j == top else mpmath.mpf(0) for j in range(len(row))]


def np_erf(x: np.ndarray) -> np.ndarray:
    """erf entry by entry (float64: NumPy has no erf; the tape knows a float64 function)."""
    return np.vectorize(math.erf, otypes=[np.float64])(np.asarray(x, dtype=np.float64))


def _pairs(p: list[list[Any]], y: list[list[Any]]) -> list[tuple[Any, Any]]:
    return [(a, b) for ra, rb in zip(p, y, strict=True) for a, b in zip(ra, rb, strict=True)]


def _torch_F(x: Any) -> Any:
    import torch  # only reached with a torch tensor in hand: torch is already imported

    return torch.nn.functional


# the normal CDF and its log, entry by entry from erfc (exact to float64 in the lower tail,
# where ½(1 + erf) keeps no digit); below x = −37, where erfc underflows, log Φ is the
# asymptotic series −x²/2 − log(−x) − ½log 2π + log(1 − 1/x² + 3/x⁴ − …) (8 terms: 1e-19 there)
NDTR_HELPER = (
    "def ndtr(x):\n"
    "    # the standard normal CDF Phi(x), entry by entry (math.erfc: exact in the lower tail)\n"
    "    import math\n\n"
    "    return np.vectorize(lambda v: 0.5 * math.erfc(-v / math.sqrt(2)), otypes=[float])(x)\n"
)
LOG_NDTR_HELPER = (
    "def log_ndtr(x):\n"
    "    # log Phi(x), entry by entry; below -37 (where erfc underflows) the asymptotic series\n"
    "    import math\n\n"
    "    def one(v):\n"
    "        if v > 0:\n"
    "            return math.log1p(-0.5 * math.erfc(v / math.sqrt(2)))\n"
    "        if v > -37:\n"
    "            return math.log(0.5 * math.erfc(-v / math.sqrt(2)))\n"
    "        total, term = 1.0, 1.0\n"
    "        for k in range(1, 9):\n"
    "            term *= -(2 * k - 1) / (v * v)\n"
    "            total += term\n"
    "        return -v * v / 2 - math.log(-v) - 0.5 * math.log(2 * math.pi) + math.log(total)\n\n"
    "    return np.vectorize(one, otypes=[float])(x)\n"
)
ERFC_HELPER = (
    "def erfc(x):\n"
    "    # the complementary error function 1 - erf(x), entry by entry (math.erfc)\n"
    "    import math\n\n"
    "    return np.vectorize(math.erfc, otypes=[float])(x)\n"
)


def _helper_function(src: str, name: str) -> Callable[[np.ndarray], np.ndarray]:
    """The NumPy function a generated script defines (one text: the script's and ours agree),
    compiled on its first call (importing derive compiles nothing: tests/test_bytecode_cache)."""
    made: dict[str, Callable[..., Any]] = {}

    def call(x: np.ndarray) -> np.ndarray:
        if name not in made:
            env: dict[str, Any] = {"np": np}
            exec(compile(src, f"<derive helper {name}>", "exec"), env)  # our own text, no user's
            made[name] = env[name]
        return made[name](np.asarray(x, dtype=np.float64))

    return call


np_ndtr = _helper_function(NDTR_HELPER, "ndtr")
np_log_ndtr = _helper_function(LOG_NDTR_HELPER, "log_ndtr")
np_erfc = _helper_function(ERFC_HELPER, "erfc")


def np_lgamma(x: np.ndarray) -> np.ndarray:
    """log Γ entry by entry (float64: NumPy has none; ``math.lgamma``)."""
    return np.vectorize(math.lgamma, otypes=[np.float64])(np.asarray(x, dtype=np.float64))


def _np_mp(f: Callable[[Any], Any]) -> Callable[[np.ndarray], np.ndarray]:
    """An mpmath function entry by entry, rounded to float64 (NumPy has no ψ, ψ₁)."""

    def g(x: np.ndarray) -> np.ndarray:
        return np.vectorize(lambda v: float(f(float(v))), otypes=[np.float64])(
            np.asarray(x, dtype=np.float64)
        )

    return g


np_digamma = _np_mp(mpmath.digamma)
np_trigamma = _np_mp(lambda v: mpmath.psi(1, v))
np_tetragamma = _np_mp(lambda v: mpmath.psi(2, v))

# the generated scripts' ψ and ψ₁ (NumPy only): the recurrences ψ(x) = ψ(x + 1) − 1/x and
# ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 16, then the asymptotic series (error below 1e-15 there)
DIGAMMA_HELPER = (
    "def digamma(x):\n"
    "    # psi(x) = d/dx log Gamma(x), x > 0: shift x up to 16, then the asymptotic series\n"
    "    x = np.array(x, dtype=float)\n"
    "    out = np.zeros_like(x)\n"
    "    while np.any(x < 16):\n"
    "        small = x < 16\n"
    "        out[small] -= 1 / x[small]\n"
    "        x[small] += 1\n"
    "    f = 1 / (x * x)\n"
    "    series = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))))\n"
    "    series -= 691 / 32760 * f**6\n"
    "    return out + np.log(x) - 0.5 / x - series\n"
)
TRIGAMMA_HELPER = (
    "def trigamma(x):\n"
    "    # psi_1(x) = d/dx psi(x), x > 0: shift x up to 16, then the asymptotic series\n"
    "    x = np.array(x, dtype=float)\n"
    "    out = np.zeros_like(x)\n"
    "    while np.any(x < 16):\n"
    "        small = x < 16\n"
    "        out[small] += 1 / x[small] ** 2\n"
    "        x[small] += 1\n"
    "    f = 1 / (x * x)\n"
    "    series = 1 + f * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f * (1 / 30 - f * 5 / 66))))\n"
    "    series = series / x\n"
    "    return out + 0.5 * f + series\n"
)
TETRAGAMMA_HELPER = (
    "def tetragamma(x):\n"
    "    # psi_2(x) = d/dx psi_1(x), x > 0: shift x up to 16, then the asymptotic series\n"
    "    x = np.array(x, dtype=float)\n"
    "    out = np.zeros_like(x)\n"
    "    while np.any(x < 16):\n"
    "        small = x < 16\n"
    "        out[small] -= 2 / x[small] ** 3\n"
    "        x[small] += 1\n"
    "    f = 1 / (x * x)\n"
    "    series = 1 + 1 / x + f * (1 / 2 - f * (1 / 6 - f * (1 / 6 - f * (3 / 10 - f * 5 / 6))))\n"
    "    return out - f * series\n"
)


def _torch_mod(x: Any) -> Any:
    import torch  # lazy, as above: torch is optional and slow to import

    return torch


# PyTorch's ψ₁ (``torch.polygamma(1, x)``, the backward of ``torch.digamma``) sums its asymptotic
# series from x ≥ 6 with few terms: errors up to ~1e-9 below x ≈ 3 (measured against mpmath,
# bench/RESULTS.md "heldnets17"). The reference shifts the argument by the exact recurrence
# ψ₁(x) = 1/x² + ψ₁(x + 1) until x ≥ 16, where PyTorch's series is exact to float64.
_PSI_SHIFT = 16


def torch_trigamma(x: Any) -> Any:
    """ψ₁(x) in PyTorch, accurate to float64 (see :data:`_PSI_SHIFT`)."""
    torch = _torch_mod(x)
    head = sum((x + k) ** -2 for k in range(_PSI_SHIFT))
    return head + torch.polygamma(1, x + _PSI_SHIFT)


def torch_tetragamma(x: Any) -> Any:
    """ψ₂(x) in PyTorch with the same shift, ψ₂(x) = −2/x³ + ψ₂(x + 1)."""
    torch = _torch_mod(x)
    head = sum(-2 * (x + k) ** -3 for k in range(_PSI_SHIFT))
    return head + torch.polygamma(2, x + _PSI_SHIFT)


def torch_digamma(x: Any) -> Any:
    """``torch.digamma`` whose backward is :func:`torch_trigamma` (PyTorch's own ψ₁ is off by
    up to ~1e-9, more than the comparison's tolerance)."""
    torch = _torch_mod(x)
    fn = _CACHE.get("torch_digamma")
    if fn is None:

        class _Digamma(torch.autograd.Function):
            @staticmethod
            def forward(ctx: Any, t: Any) -> Any:
                ctx.save_for_backward(t)
                return torch.digamma(t)

            @staticmethod
            def backward(ctx: Any, g: Any) -> Any:
                (t,) = ctx.saved_tensors
                return g * torch_trigamma(t)

        fn = _CACHE["torch_digamma"] = _Digamma.apply
    return fn(x)


# ---- SymPy forms -----------------------------------------------------------------------------


def softmax_row(z: list[sp.Expr]) -> list[sp.Expr]:
    total = sp.Add(*(sp.exp(v) for v in z))
    return [sp.exp(v) / total for v in z]


def log_softmax_row(z: list[sp.Expr]) -> list[sp.Expr]:
    total = sp.log(sp.Add(*(sp.exp(v) for v in z)))
    return [v - total for v in z]


def max_mask_row(z: list[sp.Expr]) -> list[sp.Expr]:
    """The indicator of each row's argmax: entry j is Π_{i<j} 1[z_j > z_i] · Π_{i>j} 1[z_j ≥ z_i]
    (1 at the largest entry, 0 elsewhere; at a tie, 1 at the first of the tied entries, as
    NumPy's and PyTorch's argmax pick it, so Σ z ⊙ mask is the max even there — a tie at a random
    point of an identity test, e.g. two rows equal where a ReLU before them is 0, is no false
    step. The gradient at a tie is not unique; example values avoid ties, given ones are
    refused)."""
    return [
        sp.Mul(
            *(relu_grad(v - u) for u in z[:j]),
            *(1 - relu_grad(u - v) for u in z[j + 1 :]),
        )
        for j, v in enumerate(z)
    ]


def max_share_row(z: list[sp.Expr]) -> list[sp.Expr]:
    """The argmax indicator shared among ties: entry j is t_j / Σ_k t_k with t_j = Π_{i≠j}
    1[z_i ≤ z_j] — 1 at a unique largest entry, 1/c at each of c tied ones, so Σ z ⊙ mask is
    the max and its gradient is split evenly among the tied entries, as torch.amax and a max of
    everything split it."""
    top = [
        sp.Mul(*(1 - relu_grad(u - v) for i, u in enumerate(z) if i != j))
        for j, v in enumerate(z)
    ]
    count = sp.Add(*top)
    return [t / count for t in top]


def mse_term(p: sp.Expr, y: sp.Expr) -> sp.Expr:
    return (p - y) ** 2


def bce_term(p: sp.Expr, y: sp.Expr, pos_weight: sp.Expr = sp.Integer(1)) -> sp.Expr:
    return -(pos_weight * y * sp.log(p) + (1 - y) * sp.log(1 - p))


def bce_logits_term(z: sp.Expr, y: sp.Expr) -> sp.Expr:
    return bce_term(sigmoid(z), y)


def cross_entropy_row(p: list[sp.Expr], y: list[sp.Expr]) -> sp.Expr:
    return -sp.Add(*(yj * sp.log(pj) for pj, yj in zip(p, y, strict=True)))


# ---- pull rules (m is derive.engine.mform) ----------------------------------------------------------


def _one(m: Any) -> Any:
    return m.Scalar(sp.Integer(1))


def _half_square_exp(m: Any, x: Any) -> Any:
    """e^{−x²/2} in matrix form (the normal density's numerator: Φ' and (log Φ)')."""
    return m.Func("exp", m.neg(m.mul(m.Scalar(sp.Rational(1, 2)), m.Pow(x, 2))))


def _local(f: Callable[..., Any]) -> Callable[..., Any]:
    """An element-wise rule ``f(m, x, y, *params) = f'`` as a pull: ``up ⊙ f'``."""

    def pull(m: Any, up: Any, x: Any, y: Any, *params: Any) -> Any:
        return m.mul(up, f(m, x, y, *params))

    return pull


# ---- typical wrong derivatives (derive check's mutation library) -----------------------------
# (key of a ``mut.alt.<key>`` sentence in the locales, builder(m, x, y) of the wrong local
# derivative in matrix form: x the op's argument, y its value). Every element-wise activation gets
# the two generic slips; the classic activations also each other's derivatives.


def _sigmoid_at(m: Any, x: Any) -> Any:
    s = m.Func("sigmoid", x)
    return m.mul(s, m.sub(_one(m), s))


GENERIC_SLIPS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("itself", lambda m, x, y: y),
    ("pre_itself", lambda m, x, y: x),
)
CLASSIC_SLIPS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("relu_grad", lambda m, x, y: m.Func("relu_grad", x)),
    ("sigmoid", lambda m, x, y: _sigmoid_at(m, x)),
    ("sigmoid_out", lambda m, x, y: m.mul(y, m.sub(_one(m), y))),
    ("tanh", lambda m, x, y: m.sub(_one(m), m.Pow(y, 2))),
    ("tanh_pre", lambda m, x, y: m.sub(_one(m), m.Pow(m.Func("tanh", x), 2))),
    ("itself", lambda m, x, y: y),
    ("one_minus", lambda m, x, y: m.sub(_one(m), y)),  # σ' as 1 − σ, tanh' as 1 − tanh
    ("pre", lambda m, x, y: m.mul(x, m.sub(_one(m), x))),
    ("pre_itself", lambda m, x, y: x),
    ("sigmoid_value", lambda m, x, y: m.Func("sigmoid", x)),  # σ(Z) for relu'(Z): σ for σ'
    # the derivative's formula applied to the output, already activated (a course's
    # sigmoid_derivative(A) that computes σ again: σ(A)(1 − σ(A)); tanh′ as 1 − tanh(H)²)
    ("sigmoid_of_out", lambda m, x, y: _sigmoid_at(m, y)),
    ("tanh_of_out", lambda m, x, y: m.sub(_one(m), m.Pow(m.Func("tanh", y), 2))),
)
# a leaky ReLU's two slopes swapped (np.where(Z > 0, 0.01, 1)): a if x > 0 else 1
LEAKY_SLIPS: tuple[tuple[str, Callable[..., Any]], ...] = CLASSIC_SLIPS + (
    ("slopes_swapped", lambda m, x, y, a: m.sub(m.Scalar(1 + a), m.Func("leaky_grad", x, a))),
)

# ELU′ = 1 for x > 0, α·eˣ = y + α below: the exponential branch everywhere, or y without α
# ReLU's mask for the slope of an activation that is not ReLU (ELU, SELU)
RELU_MASK_SLIPS: tuple[tuple[str, Callable[..., Any]], ...] = (
    *GENERIC_SLIPS,
    ("relu_grad", lambda m, x, y: m.Func("relu_grad", x)),
)
ELU_SLIPS: tuple[tuple[str, Callable[..., Any]], ...] = (
    *RELU_MASK_SLIPS,
    ("elu_exp_everywhere", lambda m, x, y, a: m.mul(m.Scalar(a), m.Func("exp", x))),
    (
        "elu_out_no_alpha",
        lambda m, x, y: m.add(
            m.Func("relu_grad", x), m.mul(m.sub(_one(m), m.Func("relu_grad", x)), y)
        ),
    ),
)

# ---- the rows --------------------------------------------------------------------------------

_SIGMOID_HELPER = """def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
"""

_ROWS: tuple[Op, ...] = (
    Op(
        "sigmoid",
        ELEMENTWISE,
        sympy=sigmoid,
        sympy_class=sigmoid,
        derivative=lambda x: sigmoid(x) * (1 - sigmoid(x)),
        pull=_local(lambda m, x, y: m.mul(y, m.sub(_one(m), y))),
        rule="sigmoid-derivative",
        textbook=True,
        numpy=np_sigmoid,
        mpmath=mp_sigmoid,
        torch=lambda x: _torch_mod(x).sigmoid(x),
        numpy_src="sigmoid({x})",
        numpy_helper=_SIGMOID_HELPER,
        torch_src="torch.sigmoid({x})",
        tex="\\sigma",
        text="σ",
        numpy_names=("sigmoid",),
        slips=CLASSIC_SLIPS,
    ),
    Op(
        "relu",
        ELEMENTWISE,
        sympy=relu,
        sympy_class=relu,
        derivative=lambda x: relu_grad(x),
        pull=_local(lambda m, x, y: m.Func("relu_grad", x)),
        rule="relu-derivative",
        numpy=np_relu,
        mpmath=lambda x: x if x > 0 else mpmath.mpf(0),
        torch=lambda x: _torch_mod(x).relu(x),
        numpy_src="relu({x})",
        numpy_helper="def relu(x):\n    return np.maximum(x, 0.0)\n",
        torch_src="torch.relu({x})",
        tex="\\operatorname{ReLU}",
        text="relu",
        kinks=(Fraction(0),),
        numpy_names=("relu",),
        slips=CLASSIC_SLIPS,
    ),
    Op(
        "tanh",
        ELEMENTWISE,
        sympy=sp.tanh,
        sympy_class=sp.tanh,
        derivative=lambda x: 1 - sp.tanh(x) ** 2,
        pull=_local(lambda m, x, y: m.sub(_one(m), m.Pow(y, 2))),
        rule="tanh-derivative",
        textbook=True,
        numpy=np.tanh,
        mpmath=mpmath.tanh,
        torch=lambda x: _torch_mod(x).tanh(x),
        numpy_src="np.tanh({x})",
        torch_src="torch.tanh({x})",
        tex="\\tanh",
        text="tanh",
        numpy_names=("tanh",),
        slips=CLASSIC_SLIPS,
    ),
    Op(
        "exp",
        ELEMENTWISE,
        sympy=sp.exp,
        sympy_class=sp.exp,
        derivative=sp.exp,
        pull=_local(lambda m, x, y: y),
        textbook=True,
        numpy=np.exp,
        mpmath=mpmath.exp,
        exponential=True,
        torch=lambda x: _torch_mod(x).exp(x),
        numpy_src="np.exp({x})",
        torch_src="torch.exp({x})",
        tex="\\exp",
        text="exp",
        numpy_names=("exp",),
    ),
    Op(
        "log",
        ELEMENTWISE,
        sympy=sp.log,
        sympy_class=sp.log,
        derivative=lambda x: 1 / x,
        pull=_local(lambda m, x, y: m.Div(_one(m), x)),
        numpy=np.log,
        mpmath=mpmath.log,
        torch=lambda x: _torch_mod(x).log(x),
        numpy_src="np.log({x})",
        torch_src="torch.log({x})",
        tex="\\log",
        text="log",
        domain=("positive",),
        numpy_names=("log",),
    ),
    Op(
        "leaky_relu",
        ELEMENTWISE,
        nargs=(1, 2),
        keywords=("slope",),
        params=(("slope", Fraction(1, 100)),),
        sympy=leaky_relu,
        sympy_class=leaky_relu,
        derivative=lambda x, a: relu_grad(x) + a * (1 - relu_grad(x)),
        pull=_local(lambda m, x, y, a: m.Func("leaky_grad", x, a)),
        numpy=np_leaky_relu,
        mpmath=lambda x, a: x if x > 0 else a * x,
        torch=lambda x, a: _torch_F(x).leaky_relu(x, float(a)),
        numpy_src="np.where({x} > 0, {x}, {slope} * {px})",
        torch_src="F.leaky_relu({x}, {slope})",
        tex="\\operatorname{LeakyReLU}",
        text="leaky_relu",
        # the slope written in the matrix form too, as the entries write it: a reader (and
        # derive check's LaTeX reader) cannot tell LeakyReLU_{1/5} from PyTorch's default 0.01
        tex_form="\\operatorname{{LeakyReLU}}_{{{slope}}}\\left({x}\\right)",
        kinks=(Fraction(0),),
        slips=LEAKY_SLIPS,
    ),
    Op(
        "relu_grad",  # the indicator 1[x > 0]: relu' with PyTorch's relu'(0) = 0
        ELEMENTWISE,
        sympy=relu_grad,
        sympy_class=relu_grad,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np_relu_grad,
        mpmath=lambda x: mpmath.mpf(1) if x > 0 else mpmath.mpf(0),
        torch=lambda x: (x > 0).to(x.dtype),
        numpy_src="({x} > 0)",
        torch_src="({x} > 0).double()",
        tex="\\mathbf{1}",
        text="1",
        tex_form="\\mathbf{{1}}\\left[{x} > 0\\right]",
        text_form="1[{x} > 0]",
        kinks=(Fraction(0),),
        formula_src="({x} > 0)",
    ),
    Op(
        "clamp0",  # PyTorch's clamp(x, min=0); spelled from clamp/clip/clamp_min/clamp_max
        ELEMENTWISE,
        sympy=clamp0,
        sympy_class=clamp0,
        derivative=lambda x: clamp0_grad(x),
        pull=_local(lambda m, x, y: m.Func("clamp0_grad", x)),
        rule="clamp-derivative",
        numpy=np_relu,
        mpmath=lambda x: x if x > 0 else mpmath.mpf(0),
        torch=lambda x: _torch_mod(x).clamp(x, min=0),
        numpy_src="np.maximum({x}, 0.0)",
        torch_src="torch.clamp({x}, min=0)",
        tex="\\operatorname{clamp}",
        text="clamp",
        tex_form="\\max\\left({x}, 0\\right)",
        text_form="max({x}, 0)",
        kinks=(Fraction(0),),
        formula_src="clamp0({x})",
        slips=CLASSIC_SLIPS,
    ),
    Op(
        "clamp0_grad",  # the indicator 1[x >= 0]: clamp's derivative, 1 at the bound
        ELEMENTWISE,
        sympy=clamp0_grad,
        sympy_class=clamp0_grad,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np_clamp0_grad,
        mpmath=lambda x: mpmath.mpf(1) if x >= 0 else mpmath.mpf(0),
        torch=lambda x: (x >= 0).to(x.dtype),
        numpy_src="({x} >= 0)",
        torch_src="({x} >= 0).double()",
        tex="\\mathbf{1}",
        text="1",
        tex_form="\\mathbf{{1}}\\left[{x} \\ge 0\\right]",
        text_form="1[{x} >= 0]",
        kinks=(Fraction(0),),
        extra={"internal": True},
        formula_src="({x} >= 0)",
    ),
    Op(
        "leaky_grad",  # leaky ReLU's derivative; produced by rules, not written in specs
        ELEMENTWISE,
        nargs=(2, 2),
        params=(("slope", Fraction(1, 100)),),
        sympy=lambda x, a: relu_grad(x) + a * (1 - relu_grad(x)),
        derivative=lambda x, a: sp.Integer(0),
        pull=_local(lambda m, x, y, a: m.Scalar(sp.Integer(0))),
        numpy=np_leaky_grad,
        mpmath=lambda x, a: mpmath.mpf(1) if x > 0 else a * 1,
        torch=lambda x, a: (x > 0).to(x.dtype) * (1 - float(a)) + float(a),
        numpy_src="np.where({x} > 0, 1.0, {slope})",
        torch_src="((({x}) > 0).double() * (1 - {slope}) + {slope})",
        tex="\\operatorname{LeakyReLU}'",
        text="leaky_grad",
        tex_form=(
            "\\left(\\mathbf{{1}}\\left[{x} > 0\\right] + {slope} \\thinspace "
            "\\mathbf{{1}}\\left[{x} \\le 0\\right]\\right)"
        ),
        kinks=(Fraction(0),),
        extra={"internal": True},
        formula_src="((({x}) > 0) + {slope} * (({x}) <= 0))",
    ),
    Op(
        "elu",  # F.elu(x, alpha); SELU and CELU are spelled with it (derive.lang.spelling)
        ELEMENTWISE,
        nargs=(1, 2),
        keywords=("slope",),
        params=(("slope", Fraction(1)),),  # α, held as the table's one parameter (as leaky's)
        sympy=elu,
        sympy_class=elu,
        derivative=lambda x, a: elu_grad(x, a),
        pull=_local(lambda m, x, y, a: m.Func("elu_grad", x, a)),
        rule="elu-derivative",
        numpy=np_elu,
        mpmath=lambda x, a: x if x > 0 else a * mpmath.expm1(x),
        torch=lambda x, a: _torch_F(x).elu(x, alpha=float(a)),
        numpy_src="elu({x}, {slope})",
        numpy_helper=(
            "def elu(x, alpha):\n"
            "    # x where x > 0, alpha * (e^x - 1) elsewhere (e^x of the negative part only)\n"
            "    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))\n"
        ),
        torch_src="F.elu({x}, alpha={slope})",
        tex="\\operatorname{ELU}",
        text="elu",
        # α written in the matrix form too, as LeakyReLU's slope (ELU_{1}: the default)
        tex_form="\\operatorname{{ELU}}_{{{slope}}}\\left({x}\\right)",
        text_form="elu({x}, {slope})",
        kinks=(Fraction(0),),
        numpy_names=("elu",),
        slips=ELU_SLIPS,
    ),
    Op(
        "selu",  # F.selu: λ·elu(x, α) with PyTorch's λ and α (as float64 holds them)
        ELEMENTWISE,
        sympy=lambda x: SELU_SCALE * elu(x, SELU_ALPHA),
        derivative=lambda x: SELU_SCALE * elu_grad(x, SELU_ALPHA),
        pull=_local(
            lambda m, x, y: m.mul(m.Scalar(SELU_SCALE), m.Func("elu_grad", x, SELU_ALPHA))
        ),
        rule="selu-derivative",
        numpy=lambda x: float(SELU_SCALE) * np_elu(x, float(SELU_ALPHA)),
        mpmath=lambda x: mpmath.mpf(SELU_SCALE.p) / SELU_SCALE.q
        * (x if x > 0 else mpmath.mpf(SELU_ALPHA.p) / SELU_ALPHA.q * mpmath.expm1(x)),
        torch=lambda x: _torch_F(x).selu(x),
        numpy_src="selu({x})",
        numpy_helper=(
            "def selu(x):\n"
            "    # 1.0507009873554805 * ELU with alpha 1.6732632423543772 (PyTorch's constants)\n"
            "    return 1.0507009873554805 * np.where(\n"
            "        x > 0, x, 1.6732632423543772 * np.expm1(np.minimum(x, 0.0)))\n"
        ),
        torch_src="F.selu({x})",
        tex="\\operatorname{SELU}",
        text="selu",
        kinks=(Fraction(0),),
        numpy_names=("selu",),
        slips=RELU_MASK_SLIPS,
    ),
    Op(
        "elu_grad",  # ELU's derivative: 1 for x > 0, α·eˣ for x ≤ 0 (α at 0, as PyTorch)
        ELEMENTWISE,
        nargs=(2, 2),
        params=(("slope", Fraction(1)),),
        sympy=elu_grad,
        sympy_class=elu_grad,
        derivative=lambda x, a: elu_grad(x, a) - relu_grad(x),
        pull=_local(
            lambda m, x, y, a: m.sub(m.Func("elu_grad", x, a), m.Func("relu_grad", x))
        ),
        numpy=np_elu_grad,
        mpmath=lambda x, a: mpmath.mpf(1) if x > 0 else a * mpmath.exp(x),
        torch=torch_elu_grad,
        numpy_src="np.where({x} > 0, 1.0, {slope} * np.exp(np.minimum({x}, 0.0)))",
        torch_src="torch.where({x} > 0, 1.0, {slope} * torch.exp(torch.clamp({x}, max=0.0)))",
        tex="\\operatorname{ELU}'",
        text="elu_grad",
        tex_form="\\operatorname{{ELU}}'_{{{slope}}}\\left({x}\\right)",
        text_form="elu_grad({x}, {slope})",
        kinks=(Fraction(0),),
        extra={"internal": True},
        formula_src="np.where({x} > 0, 1.0, {slope} * np.exp(np.minimum({x}, 0)))",
    ),
    Op(
        "softmax",
        ROWWISE,
        sympy=softmax_row,
        pull=lambda m, up, x, y: m.mul(y, m.sub(up, m.SumCols(m.mul(up, y)))),
        rule="softmax-jacobian",
        numpy=np_softmax,
        mpmath=mp_softmax,
        torch=lambda x: _torch_mod(x).softmax(x, dim=1),
        numpy_src="softmax({x})",
        numpy_helper=(
            "def softmax(x):\n"
            "    # row by row, shifted by the row maximum\n"
            "    e = np.exp(x - np.max(x, axis=1, keepdims=True))\n"
            "    return e / np.sum(e, axis=1, keepdims=True)\n"
        ),
        torch_src="torch.softmax({x}, dim=1)",
        tex="\\operatorname{softmax}",
        text="softmax",
        numpy_names=("softmax",),
    ),
    Op(
        "sqrt",
        ELEMENTWISE,
        sympy=sp.sqrt,
        derivative=lambda x: 1 / (2 * sp.sqrt(x)),
        pull=lambda m, up, x, y: m.Div(up, m.mul(m.Scalar(sp.Integer(2)), y)),
        rule="sqrt-derivative",
        numpy=np.sqrt,
        mpmath=mpmath.sqrt,
        torch=lambda x: _torch_mod(x).sqrt(x),
        numpy_src="np.sqrt({x})",
        torch_src="torch.sqrt({x})",
        tex="\\sqrt",
        text="sqrt",
        tex_form="\\sqrt{{{x}}}",
        domain=("positive",),
    ),
    Op(
        "sqrt0",  # the square root inside PyTorch's norm spellings (derive.lang.spelling._norm)
        ELEMENTWISE,
        sympy=sqrt0,
        sympy_class=sqrt0,
        derivative=lambda x: sqrt0_grad(x),
        pull=_local(lambda m, x, y: m.Func("sqrt0_grad", x)),
        rule="sqrt-derivative",
        numpy=np.sqrt,
        mpmath=mpmath.sqrt,
        torch=torch_sqrt0,
        domain=("nonnegative",),
        numpy_src="np.sqrt({x})",
        torch_src="(torch.where({x} > 0, {x}, torch.ones_like({x})).sqrt() * ({x} > 0))",
        tex="\\sqrt",
        text="sqrt",
        tex_form="\\sqrt{{{x}}}",
        kinks=(Fraction(0),),
        formula_src="sqrt0({x})",
    ),
    Op(
        "sqrt0_grad",  # sqrt0's derivative: 1/(2√x), 0 at x = 0 (PyTorch's norm backward)
        ELEMENTWISE,
        sympy=sqrt0_grad,
        sympy_class=sqrt0_grad,
        derivative=lambda x: -sqrt0_grad(x) / (2 * x),
        pull=_local(
            lambda m, x, y: m.Div(m.mul(m.Scalar(sp.Rational(-1, 2)), m.Func("sqrt0_grad", x)), x)
        ),
        numpy=np_sqrt0_grad,
        mpmath=lambda x: mpmath.mpf(0) if x == 0 else 1 / (2 * mpmath.sqrt(x)),
        torch=torch_sqrt0_grad,
        domain=("nonnegative",),
        numpy_src="np.where({x} > 0, 0.5 / np.sqrt(np.where({x} > 0, {x}, 1.0)), 0.0)",
        torch_src="torch.where({x} > 0, 0.5 / torch.sqrt(torch.clamp({x}, min=1e-300)), 0.0)",
        tex="\\sqrt",
        text="sqrt0_grad",
        tex_form="\\frac{{1}}{{2\\sqrt{{{x}}}}}",
        text_form="1/(2 sqrt({x}))",
        kinks=(Fraction(0),),
        extra={"internal": True},
        formula_src="(1 / (2 * sqrt({x})))",
    ),
    Op(
        "abs",
        ELEMENTWISE,
        sympy=sp.Abs,
        sympy_class=sp.Abs,
        derivative=sp.sign,  # PyTorch's convention: sign(0) = 0
        pull=_local(lambda m, x, y: m.Func("sign", x)),
        rule="abs-derivative",
        numpy=np.abs,
        mpmath=abs,
        torch=lambda x: _torch_mod(x).abs(x),
        numpy_src="np.abs({x})",
        torch_src="torch.abs({x})",
        tex="\\operatorname{abs}",
        text="abs",
        tex_form="\\left|{x}\\right|",
        text_form="|{x}|",
        kinks=(Fraction(0),),
    ),
    Op(
        "sign",  # abs's derivative; produced by rules (torch.sign is spelled with relu_grad)
        ELEMENTWISE,
        sympy=sp.sign,
        sympy_class=sp.sign,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np.sign,
        mpmath=mpmath.sign,
        torch=lambda x: _torch_mod(x).sign(x),
        numpy_src="np.sign({x})",
        torch_src="torch.sign({x})",
        tex="\\operatorname{sign}",
        text="sign",
        kinks=(Fraction(0),),
        extra={"internal": True},
    ),
    Op(
        "sin",
        ELEMENTWISE,
        sympy=sp.sin,
        sympy_class=sp.sin,
        derivative=sp.cos,
        pull=_local(lambda m, x, y: m.Func("cos", x)),
        rule="sin-derivative",
        numpy=np.sin,
        mpmath=mpmath.sin,
        torch=lambda x: _torch_mod(x).sin(x),
        numpy_src="np.sin({x})",
        torch_src="torch.sin({x})",
        tex="\\sin",
        text="sin",
        numpy_names=("sin",),
    ),
    Op(
        "round",  # ties to even, as torch.round and np.round; only where no gradient flows
        ELEMENTWISE,
        sympy=round_even,
        sympy_class=round_even,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np.round,
        mpmath=lambda x: mpmath.mpf(mpmath.nint(x)),
        torch=lambda x: _torch_mod(x).round(x),
        numpy_src="np.round({x})",
        torch_src="torch.round({x})",
        tex="\\operatorname{round}",
        text="round",
        numpy_names=("round", "rint"),
        kinks=HALF_JUMPS,  # spellings24: round's jumps are the halves (ties to even), not 0
    ),
    Op(
        "floor",  # spellings23: a step to a whole number, only where no gradient flows (round's rule)
        ELEMENTWISE,
        sympy=floor_step,
        sympy_class=floor_step,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np.floor,
        mpmath=lambda x: mpmath.mpf(mpmath.floor(x)),
        torch=lambda x: _torch_mod(x).floor(x),
        numpy_src="np.floor({x})",
        torch_src="torch.floor({x})",
        kinks=WHOLE_JUMPS,
        tex="\\operatorname{floor}",
        text="floor",
        tex_form="\\left\\lfloor {x} \\right\\rfloor",
        numpy_names=("floor",),
    ),
    Op(
        "ceil",  # spellings23: a step to a whole number, only where no gradient flows (round's rule)
        ELEMENTWISE,
        sympy=ceil_step,
        sympy_class=ceil_step,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np.ceil,
        mpmath=lambda x: mpmath.mpf(mpmath.ceil(x)),
        torch=lambda x: _torch_mod(x).ceil(x),
        numpy_src="np.ceil({x})",
        torch_src="torch.ceil({x})",
        kinks=WHOLE_JUMPS,
        tex="\\operatorname{ceil}",
        text="ceil",
        tex_form="\\left\\lceil {x} \\right\\rceil",
        numpy_names=("ceil",),
    ),
    Op(
        "trunc",  # spellings23: a step to a whole number, only where no gradient flows (round's rule)
        ELEMENTWISE,
        sympy=trunc_step,
        sympy_class=trunc_step,
        derivative=lambda x: sp.Integer(0),
        pull=_local(lambda m, x, y: m.Scalar(sp.Integer(0))),
        numpy=np.trunc,
        mpmath=lambda x: mpmath.mpf(_mp_trunc(x)),
        torch=lambda x: _torch_mod(x).trunc(x),
        numpy_src="np.trunc({x})",
        torch_src="torch.trunc({x})",
        kinks=WHOLE_JUMPS,
        tex="\\operatorname{trunc}",
        text="trunc",
        tex_form="\\operatorname{{trunc}}\\left({x}\\right)",
        numpy_names=("trunc",),
    ),
    Op(
        "cos",
        ELEMENTWISE,
        sympy=sp.cos,
        sympy_class=sp.cos,
        derivative=lambda x: -sp.sin(x),
        pull=_local(lambda m, x, y: m.neg(m.Func("sin", x))),
        rule="cos-derivative",
        numpy=np.cos,
        mpmath=mpmath.cos,
        torch=lambda x: _torch_mod(x).cos(x),
        numpy_src="np.cos({x})",
        torch_src="torch.cos({x})",
        tex="\\cos",
        text="cos",
        numpy_names=("cos",),
    ),
    Op(
        "atan",
        ELEMENTWISE,
        sympy=sp.atan,
        sympy_class=sp.atan,
        derivative=lambda x: 1 / (1 + x**2),
        pull=_local(lambda m, x, y: m.Div(_one(m), m.add(_one(m), m.Pow(x, 2)))),
        rule="atan-derivative",
        numpy=np.arctan,
        mpmath=mpmath.atan,
        torch=lambda x: _torch_mod(x).atan(x),
        numpy_src="np.arctan({x})",
        torch_src="torch.atan({x})",
        tex="\\arctan",
        text="atan",
        numpy_names=("atan", "arctan"),
    ),
    Op(
        "softplus",
        ELEMENTWISE,
        sympy=lambda x: sp.log(1 + sp.exp(x)),
        derivative=lambda x: sigmoid(x),
        pull=_local(lambda m, x, y: m.Func("sigmoid", x)),
        rule="softplus-derivative",
        numpy=lambda x: np.logaddexp(0.0, x),
        mpmath=lambda x: mpmath.log(1 + mpmath.exp(x)),
        # threshold 50: PyTorch's linear branch (gradient exactly 1) only where σ(x) rounds to 1
        torch=lambda x: _torch_F(x).softplus(x, threshold=50.0),
        numpy_src="softplus({x})",
        numpy_helper="def softplus(x):\n    return np.logaddexp(0.0, x)\n",
        torch_src="F.softplus({x}, threshold=50.0)",
        tex="\\operatorname{softplus}",
        text="softplus",
    ),
    Op(
        "log_softmax",
        ROWWISE,
        sympy=log_softmax_row,
        pull=lambda m, up, x, y: m.sub(up, m.mul(m.Func("exp", y), m.SumCols(up))),
        rule="log-softmax-jacobian",
        numpy=np_log_softmax,
        mpmath=mp_log_softmax,
        torch=lambda x: _torch_mod(x).log_softmax(x, dim=1),
        numpy_src="log_softmax({x})",
        numpy_helper=(
            "def log_softmax(x):\n"
            "    s = x - np.max(x, axis=1, keepdims=True)\n"
            "    return s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))\n"
        ),
        torch_src="torch.log_softmax({x}, dim=1)",
        extra={"numpy_helpers": {"logsumexp": (  # round 49: logsumexp, read as its log-softmax
            "def logsumexp(x, axis=None, keepdims=False):\n"
            "    top = np.max(x, axis=axis, keepdims=True)\n"
            "    s = top + np.log(np.sum(np.exp(x - top), axis=axis, keepdims=True))\n"
            "    return s if keepdims else np.squeeze(s, axis=axis)\n"
        )}},
        tex="\\log\\operatorname{softmax}",
        text="log_softmax",
    ),
    Op(
        "erf",
        ELEMENTWISE,
        sympy=sp.erf,
        sympy_class=sp.erf,
        derivative=lambda x: 2 / sp.sqrt(sp.pi) * sp.exp(-(x**2)),
        pull=_local(
            lambda m, x, y: m.mul(
                m.Scalar(2 / sp.sqrt(sp.pi)), m.Func("exp", m.neg(m.Pow(x, 2)))
            )
        ),
        rule="erf-derivative",
        numpy=np_erf,
        mpmath=mpmath.erf,
        torch=lambda x: _torch_mod(x).erf(x),
        numpy_src="erf({x})",
        numpy_helper=(
            "def erf(x):\n"
            "    # the error function entry by entry (math.erf; NumPy has none)\n"
            "    import math\n\n"
            "    return np.vectorize(math.erf, otypes=[float])(x)\n"
        ),
        torch_src="torch.erf({x})",
        tex="\\operatorname{erf}",
        text="erf",
        numpy_names=("erf",),
    ),
    Op(
        "erfc",
        ELEMENTWISE,
        sympy=sp.erfc,
        sympy_class=sp.erfc,
        derivative=lambda x: -2 / sp.sqrt(sp.pi) * sp.exp(-(x**2)),
        pull=_local(
            lambda m, x, y: m.mul(
                m.Scalar(-2 / sp.sqrt(sp.pi)), m.Func("exp", m.neg(m.Pow(x, 2)))
            )
        ),
        rule="erfc-derivative",
        numpy=np_erfc,
        mpmath=mpmath.erfc,
        torch=lambda x: _torch_mod(x).erfc(x),
        numpy_src="erfc({x})",
        numpy_helper=ERFC_HELPER,
        torch_src="torch.erfc({x})",
        tex="\\operatorname{erfc}",
        text="erfc",
        numpy_names=("erfc",),
    ),
    Op(
        "ndtr",
        ELEMENTWISE,
        sympy=ndtr,
        sympy_class=ndtr,
        derivative=normal_pdf,
        pull=_local(
            lambda m, x, y: m.mul(m.Scalar(1 / sp.sqrt(2 * sp.pi)), _half_square_exp(m, x))
        ),
        rule="ndtr-derivative",
        numpy=np_ndtr,
        mpmath=mpmath.ncdf,
        # ½ erfc(−x/√2): PyTorch's own torch.special.ndtr keeps no digit below x ≈ −8 in float64
        # (6.1e-16 for 6.22e-16 at −8, 0 at −20: measured, 2.13)
        torch=lambda x: 0.5 * _torch_mod(x).erfc(-x / math.sqrt(2)),
        numpy_src="ndtr({x})",
        numpy_helper=NDTR_HELPER,
        torch_src="(0.5 * torch.erfc(-({x}) / 2 ** 0.5))",
        tex="\\Phi",
        text="ndtr",
        numpy_names=("ndtr",),
    ),
    Op(
        "log_ndtr",
        ELEMENTWISE,
        sympy=log_ndtr,
        sympy_class=log_ndtr,
        derivative=lambda x: normal_pdf(x) / ndtr(x),
        pull=_local(
            lambda m, x, y: m.Div(
                _half_square_exp(m, x), m.mul(m.Scalar(sp.sqrt(2 * sp.pi)), m.Func("ndtr", x))
            )
        ),
        rule="log-ndtr-derivative",
        numpy=np_log_ndtr,
        mpmath=lambda x: mpmath.log(mpmath.ncdf(x)),
        torch=lambda x: _torch_mod(x).special.log_ndtr(x),
        numpy_src="log_ndtr({x})",
        numpy_helper=LOG_NDTR_HELPER,
        torch_src="torch.special.log_ndtr({x})",
        tex="\\log\\Phi",
        text="log_ndtr",
        numpy_names=("log_ndtr",),
    ),
    Op(
        "lgamma",
        ELEMENTWISE,
        sympy=lgamma,
        sympy_class=lgamma,
        derivative=lambda x: digamma(x),
        pull=_local(lambda m, x, y: m.Func("digamma", x)),
        rule="lgamma-derivative",
        numpy=np_lgamma,
        mpmath=mpmath.loggamma,
        torch=lambda x: _torch_mod(x).lgamma(x),
        numpy_src="lgamma({x})",
        numpy_helper=(
            "def lgamma(x):\n"
            "    # log Gamma(x) entry by entry (math.lgamma; NumPy has none)\n"
            "    import math\n\n"
            "    return np.vectorize(math.lgamma, otypes=[float])(x)\n"
        ),
        torch_src="torch.lgamma({x})",
        tex="\\ln\\Gamma",
        text="lgamma",
        domain=("positive",),
        numpy_names=("lgamma",),
    ),
    Op(
        "digamma",
        ELEMENTWISE,
        sympy=digamma,
        sympy_class=digamma,
        derivative=lambda x: trigamma(x),
        pull=_local(lambda m, x, y: m.Func("trigamma", x)),
        rule="digamma-derivative",
        numpy=np_digamma,
        mpmath=mpmath.digamma,
        torch=torch_digamma,
        numpy_src="digamma({x})",
        numpy_helper=DIGAMMA_HELPER,
        torch_src="torch.digamma({x})",
        tex="\\psi",
        text="digamma",
        domain=("positive",),
        numpy_names=("digamma",),
        # PyTorch's backward of torch.digamma, its ψ₁, is off by up to ~1e-9 (the generated
        # lab's comparison with PyTorch allows it; derive verify uses :func:`torch_digamma`)
        extra={"torch_rtol": 1e-7},
    ),
    Op(
        "trigamma",  # ψ₁: digamma's derivative, and torch.polygamma(1, x) of the text
        ELEMENTWISE,
        sympy=trigamma,
        sympy_class=trigamma,
        derivative=lambda x: tetragamma(x),
        pull=_local(lambda m, x, y: m.Func("tetragamma", x)),
        rule="trigamma-derivative",
        numpy=np_trigamma,
        mpmath=lambda x: mpmath.psi(1, x),
        torch=torch_trigamma,
        numpy_src="trigamma({x})",
        numpy_helper=TRIGAMMA_HELPER,
        # PyTorch's polygamma(1, x) shifted by the exact recurrence (see torch_trigamma)
        torch_src="(sum(({x} + k) ** -2 for k in range(16)) + torch.polygamma(1, {x} + 16))",
        tex="\\psi_{1}",
        text="trigamma",
        domain=("positive",),
        numpy_names=("trigamma",),
    ),
    Op(
        "tetragamma",  # trigamma's derivative ψ₂; only the error bounds of a ψ₁ node use it
        ELEMENTWISE,
        sympy=tetragamma,
        sympy_class=tetragamma,
        derivative=lambda x: sp.polygamma(3, x),
        numpy=np_tetragamma,
        mpmath=lambda x: mpmath.psi(2, x),
        torch=torch_tetragamma,
        numpy_src="tetragamma({x})",
        numpy_helper=TETRAGAMMA_HELPER,
        torch_src="(sum(-2 * ({x} + k) ** -3 for k in range(16)) + torch.polygamma(2, {x} + 16))",
        tex="\\psi_{2}",
        text="tetragamma",
        domain=("positive",),
        extra={"internal": True},
    ),
    Op(
        "max_mask",  # the row-wise indicator of the argmax: max(X, axis=1) = sum(X ⊙ mask, 1)
        ROWWISE,
        sympy=max_mask_row,
        pull=lambda m, up, x, y: m.mul(up, m.Scalar(sp.Integer(0))),
        rule="max-mask",
        numpy=np_max_mask,
        mpmath=mp_max_mask,
        torch=lambda x: _torch_mod(x).zeros_like(x).scatter(1, x.argmax(dim=1, keepdim=True), 1.0),
        numpy_src="max_mask({x})",
        numpy_helper=(
            "def max_mask(x):\n"
            "    # 1 at each row's largest entry (the first of tied ones), 0 elsewhere\n"
            "    out = np.zeros_like(x, dtype=float)\n"
            "    out[np.arange(x.shape[0]), np.argmax(x, axis=1)] = 1\n"
            "    return out\n"
        ),
        torch_src="torch.zeros_like({x}).scatter(1, ({x}).argmax(dim=1, keepdim=True), 1.0)",
        tex="\\mathbf{1}_{\\max}",
        text="max_mask",
        extra={"constant": True},
    ),
    Op(
        "max_share",  # max_mask with the gradient split evenly among tied entries (torch.amax)
        ROWWISE,
        sympy=max_share_row,
        pull=lambda m, up, x, y: m.mul(up, m.Scalar(sp.Integer(0))),
        rule="max-share",
        numpy=np_max_share,
        mpmath=mp_max_share,
        torch=lambda x: (lambda t: t / t.sum(dim=1, keepdim=True))(
            (x == x.amax(dim=1, keepdim=True)).to(x.dtype)
        ),
        numpy_src="max_share({x})",
        numpy_helper=(
            "def max_share(x):\n"
            "    # 1 at each row's largest entry (1/c at each of c tied ones), 0 elsewhere\n"
            "    top = (x == np.max(x, axis=1, keepdims=True)).astype(float)\n"
            "    return top / np.sum(top, axis=1, keepdims=True)\n"
        ),
        torch_src=(
            "(({x}) == ({x}).amax(dim=1, keepdim=True)).double() / "
            "(({x}) == ({x}).amax(dim=1, keepdim=True)).double().sum(dim=1, keepdim=True)"
        ),
        tex="\\mathbf{1}_{\\max}",
        text="max_share",
        extra={"constant": True},
    ),
    Op(
        "sum",
        REDUCTION,
        nargs=(1, 2),
        keywords=("axis",),
        rule="sum",
        numpy=lambda x, axis=None: np.sum(x) if axis is None else x.sum(axis=axis, keepdims=True),
        torch=lambda x, axis=None: x.sum() if axis is None else x.sum(dim=axis, keepdim=True),
        numpy_src="np.sum({x})",
        torch_src="{x}.sum()",
        tex="\\sum",
        text="sum",
        numpy_names=("sum",),
    ),
    Op(
        "mean",
        REDUCTION,
        nargs=(1, 2),
        keywords=("axis",),
        rule="mean",
        numpy=lambda x, axis=None: np.mean(x) if axis is None else x.mean(axis=axis, keepdims=True),
        torch=lambda x, axis=None: x.mean() if axis is None else x.mean(dim=axis, keepdim=True),
        numpy_src="np.mean({x})",
        torch_src="{x}.mean()",
        tex="\\operatorname{mean}",
        text="mean",
        numpy_names=("mean",),
    ),
    # ---- losses: sympy = per-entry term (cross_entropy: per row); reduce says how terms
    # combine; pull(m, up, p, y, count, *params) with count("all") / count("rows").
    Op(
        "mse",
        LOSS,
        nargs=(2, 2),
        sympy=mse_term,
        reduce="mean",
        pull=lambda m, up, p, y, count: m.mul(
            up, m.mul(m.div(m.Scalar(sp.Integer(2)), count("all")), m.sub(p, y))
        ),
        rule="mse",
        numpy=lambda p, y: float(np.mean((p - y) ** 2)),
        mpmath=lambda p, y: mpmath.fsum((a - b) ** 2 for a, b in _pairs(p, y)) / len(_pairs(p, y)),
        torch=lambda p, y: _torch_F(p).mse_loss(p, y),
        numpy_src="mse({p}, {y})",
        numpy_helper="def mse(p, y):\n    return np.mean((p - y) ** 2)\n",
        torch_src="F.mse_loss({p}, {y})",
        tex="MSE",
        text="mse",
    ),
    Op(
        "sse",
        LOSS,
        nargs=(2, 2),
        sympy=mse_term,
        reduce="sum",
        pull=lambda m, up, p, y, count: m.mul(up, m.mul(m.Scalar(sp.Integer(2)), m.sub(p, y))),
        rule="sse",
        numpy=lambda p, y: float(np.sum((p - y) ** 2)),
        mpmath=lambda p, y: mpmath.fsum((a - b) ** 2 for a, b in _pairs(p, y)),
        torch=lambda p, y: _torch_F(p).mse_loss(p, y, reduction="sum"),
        numpy_src="sse({p}, {y})",
        numpy_helper="def sse(p, y):\n    return np.sum((p - y) ** 2)\n",
        torch_src='F.mse_loss({p}, {y}, reduction="sum")',
        tex="SSE",
        text="sse",
    ),
    Op(
        "bce",
        LOSS,
        nargs=(2, 3),
        keywords=("pos_weight",),
        params=(("pos_weight", Fraction(1)),),
        sympy=bce_term,
        reduce="mean",
        pull=lambda m, up, p, y, count, w=None: m.mul(
            up,
            m.div(
                m.add(
                    m.neg(m.Div(m.mul(w, y) if w is not None else y, p)),
                    m.Div(m.sub(_one(m), y), m.sub(_one(m), p)),
                ),
                count("all"),
            ),
        ),
        rule="bce",
        numpy=lambda p, y, w=1.0: float(-np.mean(w * y * np.log(p) + (1 - y) * np.log(1 - p))),
        mpmath=lambda p, y, w=1: (
            -mpmath.fsum(
                w * b * mpmath.log(a) + (1 - b) * mpmath.log(1 - a) for a, b in _pairs(p, y)
            )
            / len(_pairs(p, y))
        ),
        torch=lambda p, y, w=1.0: (
            _torch_F(p).binary_cross_entropy(p, y)
            if float(w) == 1
            else -(float(w) * y * _torch_mod(p).log(p) + (1 - y) * _torch_mod(p).log(1 - p)).mean()
        ),
        numpy_src="bce({p}, {y})",
        numpy_helper=(
            "def bce(p, y, pos_weight=1.0):\n"
            "    return -np.mean(pos_weight * y * np.log(p) + (1 - y) * np.log(1 - p))\n"
        ),
        torch_src="F.binary_cross_entropy({p}, {y})",
        tex="BCE",
        text="bce",
        domain=("unit", "binary"),
        extra={
            "torch_src_weighted": (
                "-({w} * {yy} * torch.log({p}) + (1 - {yy}) * torch.log(1 - {p})).mean()"
            )
        },
    ),
    Op(
        "bce_logits",
        LOSS,
        nargs=(2, 2),
        sympy=bce_logits_term,
        reduce="mean",
        pull=lambda m, up, p, y, count: m.mul(
            up, m.div(m.sub(m.Func("sigmoid", p), y), count("all"))
        ),
        rule="bce_logits",
        # stable: max(z, 0) - z·y + log(1 + e^{-|z|})
        numpy=lambda p, y: float(np.mean(np.maximum(p, 0) - p * y + np.log1p(np.exp(-np.abs(p))))),
        mpmath=lambda p, y: (
            -mpmath.fsum(
                b * mpmath.log(mp_sigmoid(a)) + (1 - b) * mpmath.log(1 - mp_sigmoid(a))
                for a, b in _pairs(p, y)
            )
            / len(_pairs(p, y))
        ),
        torch=lambda p, y: _torch_F(p).binary_cross_entropy_with_logits(p, y),
        numpy_src="bce_logits({p}, {y})",
        numpy_helper=(
            "def bce_logits(z, y):\n"
            "    # stable: max(z, 0) - z y + log(1 + exp(-|z|))\n"
            "    return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))\n"
        ),
        torch_src="F.binary_cross_entropy_with_logits({p}, {y})",
        tex="BCEWithLogits",
        text="bce_logits",
        domain=("real", "binary"),
    ),
    Op(
        "cross_entropy",
        LOSS,
        nargs=(2, 2),
        sympy=cross_entropy_row,
        reduce="rows",
        pull=lambda m, up, p, y, count: m.mul(up, m.div(m.neg(m.Div(y, p)), count("rows"))),
        rule="cross_entropy",
        # 0·log p is 0 where the target is 0, even where p underflowed to 0 (as in the sum)
        numpy=lambda p, y: float(-np.sum(y * np.log(np.where(y != 0, p, 1.0))) / p.shape[0]),
        mpmath=lambda p, y: -mpmath.fsum(b * mpmath.log(a) for a, b in _pairs(p, y) if b) / len(p),
        torch=lambda p, y: -(y * _torch_mod(p).log(p)).sum() / p.shape[0],
        numpy_src="cross_entropy({p}, {y})",
        numpy_helper=(
            "def cross_entropy(p, y):\n"
            "    # log p only where y is not 0 (0 log 0 = 0, even if p underflowed to 0)\n"
            "    return -np.sum(y * np.log(np.where(y != 0, p, 1.0))) / p.shape[0]\n"
        ),
        torch_src="-({yy} * torch.log({p})).sum() / {x}.shape[0]",
        tex="CE",
        text="cross_entropy",
        domain=("positive", "onehot"),
        # the cross-entropy of a softmax in generated NumPy (F.cross_entropy(logits, y)): from
        # log softmax(s) = s − max − log Σ exp(s − max), so a probability that underflows to 0
        # (a score masked with -1e9 in the true class) gives its large finite loss, not log 0
        extra={
            "numpy_of_softmax": "softmax_cross_entropy({s}, {y})",
            "numpy_helpers": {
                "softmax_cross_entropy": (
                    "def softmax_cross_entropy(s, y):\n"
                    "    # cross_entropy(softmax(s), y) from log softmax(s): no probability "
                    "underflows to 0 before its log\n"
                    "    z = s - np.max(s, axis=1, keepdims=True)\n"
                    "    log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))\n"
                    "    return -np.sum(y[y != 0] * log_p[y != 0]) / s.shape[0]\n"
                )
            },
        },
    ),
    Op(
        "concat",  # concat(A, B, …, axis=1): [A B] (axis 1, the default here) or [A; B] (axis 0)
        CONCAT,
        nargs=(2, 8),
        keywords=("axis",),
        rule="concat-slice",
        numpy=lambda *xs, axis=1: np.concatenate(xs, axis=axis),
        torch=lambda *xs, axis=1: _torch_mod(xs[0]).cat(xs, dim=axis),
        numpy_src="np.concatenate(({x}), axis={axis})",
        torch_src="torch.cat(({x}), dim={axis})",
        tex="\\begin{bmatrix}",
        text="concat",
        doc="concatenation along axis 1 (columns side by side) or axis 0 (rows stacked); "
        "∂L/∂A is A's block of the upstream gradient",
    ),
    Op(
        "slice",  # slice(A, start=lo, stop=hi, axis=k): what A[:, lo:hi] / A[lo:hi, :] is read as
        SLICE,
        keywords=("start", "stop", "axis"),
        rule="slice-block",
        tex="\\operatorname{cols}",
        text="slice",
        doc="a block of columns (axis 1) or rows (axis 0): A[:, lo:hi]; ∂L/∂A is the upstream "
        "gradient in that block and 0 elsewhere",
        extra={"internal": True},  # written as a subscript, never called by name
    ),
    Op(
        "reshaped",  # reshaped(A, rows=r, cols=c): what x.view(r, c) / np.reshape(x, (r, c)) is read as
        RESHAPE,
        keywords=("rows", "cols"),
        rule="reshape",
        tex="\\operatorname{reshape}",
        text="reshape",
        doc="the entries of A, read row by row, laid out again row by row in r rows of c "
        "columns; ∂L/∂A is the upstream gradient reshaped back to A's shape",
        extra={"internal": True},  # written x.reshape(r, c), never called by name
    ),
    Op(
        "correlate2d",  # correlate2d(X, K): the valid stride-1 cross-correlation (a CNN's conv)
        CORR2D,
        nargs=(2, 2),
        keywords=("stride", "padding", "same"),
        rule="corr2d",
        tex="\\star",
        text="correlate2d",
        numpy_helper=CORRELATE2D_HELPER,
        doc="the 'valid' stride-1 cross-correlation of a matrix X with a kernel K (scipy.signal."
        "correlate2d(X, K, 'valid'), F.conv2d of X[None, None]); ∂L/∂K = X ⋆ δZ, ∂L/∂X = the "
        "full correlation of δZ with K rotated by 180°",
        extra={"flip": False},
    ),
    Op(
        "convolve2d",  # convolve2d(X, K): the valid stride-1 true convolution (kernel rotated)
        CORR2D,
        nargs=(2, 2),
        keywords=("stride", "padding", "same"),
        rule="corr2d",
        tex="\\ast",
        text="convolve2d",
        doc="the 'valid' stride-1 true convolution (np.convolve(x, w, 'valid'), scipy.signal."
        "convolve2d): the cross-correlation with the kernel rotated by 180°",
        extra={"flip": True},
    ),
    Op(
        "correlate2d_full",  # correlate2d(X, K, mode='full'): X padded with kh − 1, kw − 1 zeros
        CORR2D,
        nargs=(2, 2),
        keywords=("crop",),
        rule="corr2d",
        tex="\\tilde{\\star}",
        text="correlate2d_full",
        doc="the 'full' stride-1 cross-correlation (X padded with the kernel's size − 1 zeros on "
        "each side): scipy.signal.correlate2d(X, K, mode='full')",
        extra={"flip": False, "full": True},
    ),
    Op(
        "convolve2d_full",  # np.convolve(x, w) (NumPy's default mode), convolve2d(X, K, 'full')
        CORR2D,
        nargs=(2, 2),
        keywords=("crop",),
        rule="corr2d",
        tex="\\tilde{\\ast}",
        text="convolve2d_full",
        doc="the 'full' stride-1 true convolution: np.convolve(x, w) (mode 'full', NumPy's "
        "default), scipy.signal.convolve2d(X, K)",
        extra={"flip": True, "full": True},
    ),
    Op(
        "rot180",  # rot180(K): K turned by 180°, as a formula writes np.flip(K) / np.rot90(K, 2)
        ROT180,
        rule="rot180",
        tex="\\operatorname{rot180}",
        text="rot180",
        doc="a matrix turned by 180° (rows and columns reversed); ∂L/∂K is the upstream gradient "
        "turned back",
    ),
    Op(
        "dilate",  # dilate(D, stride=s): conv43, s − 1 zeros between D's entries (a strided pull)
        DILATE,
        nargs=(1, 2),
        keywords=("stride",),
        rule="dilate",
        tex="\\operatorname{dilate}",
        text="dilate",
        numpy_helper=DILATE_HELPER,
        doc="the upstream gradient of a strided convolution with stride − 1 zeros put between its "
        "entries (a formula's dilate(dZ, 2)); read in derive check's formulas",
        extra={"unlisted": True},  # a checker formula's name, not offered to specs
    ),
    Op(
        "max_pool2d",  # conv43: F.max_pool2d(A[None, None], 2)[0, 0], stride = window, no padding
        POOL2D,
        nargs=(1, 3),
        keywords=POOL_KEYS,
        rule="pool-max",
        tex="\\operatorname{maxpool}",
        text="max_pool2d",
        numpy_helper=(
            "def max_pool2d(a, k, stride=None, kw=None, sw=None, pad=0, padw=None, padb=None, padr=None, ceil=0):\n"
            "    # the largest entry of each k x k window, windows stride apart (k when left out:\n"
            "    # side by side; a smaller stride makes neighbouring windows overlap); kw, sw, pad, ceil:\n"
            "    # see pool_windows (padding is -inf here, never the largest)\n"
            "    a = np.atleast_2d(a)\n"
            "    rows, cols = pool_windows(*a.shape, k, stride, kw, sw, pad, padw, padb, padr, ceil)\n"
            "    return np.array([[a[r0:r1, c0:c1].max() for c0, c1, _ in cols] for r0, r1, _ in rows])\n"
        ),
        doc="the largest entry of each k × k window, windows side by side (F.max_pool2d(A, k)); "
        "∂L/∂A routes each window's upstream gradient to its largest entry",
        extra={"what": "max", "numpy_helpers": {"pool_windows": POOL_WINDOWS_HELPER}},
    ),
    Op(
        "avg_pool2d",  # conv43: F.avg_pool2d(A[None, None], 2)[0, 0]
        POOL2D,
        nargs=(1, 3),
        keywords=POOL_KEYS,
        rule="pool-avg",
        tex="\\operatorname{avgpool}",
        text="avg_pool2d",
        numpy_helper=(
            "def avg_pool2d(a, k, stride=None, kw=None, sw=None, pad=0, padw=None, padb=None, padr=None, ceil=0, count_pad=1):\n"
            "    # the mean of each k x k window, windows stride apart (k when left out: side by side);\n"
            "    # kw, sw, pad, ceil: see pool_windows; padding is zeros, counted in the divisor when\n"
            "    # count_pad (PyTorch's count_include_pad), else only the window's entries in the map are\n"
            "    a = np.atleast_2d(a)\n"
            "    rows, cols = pool_windows(*a.shape, k, stride, kw, sw, pad, padw, padb, padr, ceil)\n"
            "    return np.array([[a[r0:r1, c0:c1].sum() / (nr * nc if count_pad else (r1 - r0) * (c1 - c0))\n"
            "                      for c0, c1, nc in cols] for r0, r1, nr in rows])\n"
        ),
        doc="the mean of each k × k window, windows side by side (F.avg_pool2d(A, k)); ∂L/∂A "
        "spreads each window's upstream gradient evenly, δ/(k·k), over the window",
        extra={"what": "avg", "numpy_helpers": {"pool_windows": POOL_WINDOWS_HELPER}},
    ),
    Op(
        "upsample",  # conv43: each entry copied into a k × k block (np.kron(d, np.ones((k, k))))
        POOL2D,
        nargs=(1, 3),
        keywords=("k", "stride"),
        rule="pool-up",
        tex="\\operatorname{upsample}",
        text="upsample",
        numpy_helper=(
            "def upsample(d, k, stride=None):\n"
            "    # each entry copied into a k x k block: the window it came from (windows stride\n"
            "    # apart; where windows overlap, an entry collects the sum of theirs)\n"
            "    d, s = np.atleast_2d(d), stride or k\n"
            "    out = np.zeros((s * (d.shape[0] - 1) + k, s * (d.shape[1] - 1) + k))\n"
            "    for i in range(d.shape[0]):\n"
            "        for j in range(d.shape[1]):\n"
            "            out[s * i : s * i + k, s * j : s * j + k] += d[i, j]\n"
            "    return out\n"
        ),
        doc="each entry copied into a k × k block (np.kron(d, np.ones((k, k))), "
        "d.repeat(k, 0).repeat(k, 1)): a pooling layer's upstream gradient sent back to its windows",
        extra={"unlisted": True, "what": "up"},
    ),
    Op(
        "pool_mask",  # conv43: 1 at the largest entry of each k × k window (the first on a tie)
        POOL2D,
        nargs=(1, 2),
        keywords=("k",),
        rule="pool-mask",
        tex="\\operatorname{maxmask}",
        text="pool_mask",
        numpy_helper=(
            "def pool_mask(a, k):\n"
            "    # 1 at the largest entry of each k x k window (the first in reading order), else 0\n"
            "    out = np.zeros_like(a, dtype=float)\n"
            "    for i in range(0, a.shape[0], k):\n"
            "        for j in range(0, a.shape[1], k):\n"
            "            u, v = np.unravel_index(np.argmax(a[i : i + k, j : j + k]), (k, k))\n"
            "            out[i + u, j + v] = 1\n"
            "    return out\n"
        ),
        doc="1 at the largest entry of each k × k window (the first in reading order on a tie, as "
        "PyTorch routes it), 0 elsewhere: where max pooling sends the gradient",
        extra={"unlisted": True, "what": "mask", "constant": True},
    ),
    Op(
        "pool_route",  # conv44: the pull of overlapping max pooling, pool_route(dP, A, k, stride)
        POOL2D,
        nargs=(2, 4),
        keywords=POOL_KEYS,
        rule="pool-route",
        tex="\\operatorname{unpool}",
        text="pool_route",
        numpy_helper=(
            "def pool_route(d, a, k, stride=None, kw=None, sw=None, pad=0, padw=None, padb=None, padr=None, ceil=0):\n"
            "    # each entry of d (a max pooling's upstream gradient) sent to the largest entry of\n"
            "    # its k x k window of a (the first in reading order on a tie), windows stride apart;\n"
            "    # an entry that is the largest of several overlapping windows collects all of theirs\n"
            "    # (kw, sw, pad, ceil: see pool_windows; the padding never takes any)\n"
            "    d, a = np.atleast_2d(d), np.atleast_2d(a)\n"
            "    rows, cols = pool_windows(*a.shape, k, stride, kw, sw, pad, padw, padb, padr, ceil)\n"
            "    out = np.zeros_like(a, dtype=float)\n"
            "    for i, (r0, r1, _) in enumerate(rows):\n"
            "        for j, (c0, c1, _) in enumerate(cols):\n"
            "            u, v = np.unravel_index(np.argmax(a[r0:r1, c0:c1]), (r1 - r0, c1 - c0))\n"
            "            out[r0 + u, c0 + v] += d[i, j]\n"
            "    return out\n"
        ),
        doc="each entry of a max pooling's upstream gradient sent to the largest entry of its window "
        "of the pooled map, summed where overlapping windows share it (PyTorch's max_pool2d backward)",
        extra={"unlisted": True, "what": "route", "numpy_helpers": {"pool_windows": POOL_WINDOWS_HELPER}},
    ),
    Op(
        "pool_spread",  # pool46: the pull of average pooling over padded, cut or rectangular windows
        POOL2D,
        nargs=(2, 4),
        keywords=POOL_KEYS,
        rule="pool-spread",
        tex="\\operatorname{unavgpool}",
        text="pool_spread",
        numpy_helper=(
            "def pool_spread(d, a, k, stride=None, kw=None, sw=None, pad=0, padw=None, padb=None, padr=None, ceil=0, count_pad=1):\n"
            "    # each entry of d (an average pooling's upstream gradient) divided by its window's\n"
            "    # divisor (as avg_pool2d divides) and added into the window's entries of a map shaped\n"
            "    # like a (kw, sw, pad, ceil: see pool_windows; the padding takes none)\n"
            "    d, a = np.atleast_2d(d), np.atleast_2d(a)\n"
            "    rows, cols = pool_windows(*a.shape, k, stride, kw, sw, pad, padw, padb, padr, ceil)\n"
            "    out = np.zeros_like(a, dtype=float)\n"
            "    for i, (r0, r1, nr) in enumerate(rows):\n"
            "        for j, (c0, c1, nc) in enumerate(cols):\n"
            "            out[r0:r1, c0:c1] += d[i, j] / (nr * nc if count_pad else (r1 - r0) * (c1 - c0))\n"
            "    return out\n"
        ),
        doc="each entry of an average pooling's upstream gradient divided by its window's divisor and "
        "added into the window's entries (PyTorch's avg_pool2d backward with padding, ceil_mode, "
        "rectangular windows)",
        extra={"unlisted": True, "what": "spread", "numpy_helpers": {"pool_windows": POOL_WINDOWS_HELPER}},
    ),
    Op(
        "flip_rows",  # conv43: np.flip(K, axis=0) / np.flipud(K): the rows in reverse order only
        ROT180,
        rule="rot180",
        tex="\\operatorname{flip}_{\\mathrm{rows}}",
        text="flip_rows",
        doc="a matrix with its rows in reverse order (np.flip(K, axis=0), np.flipud): a one-axis "
        "flip, not the 180° turn of a convolution's kernel",
        extra={"unlisted": True, "axes": (0,)},
    ),
    Op(
        "flip_cols",  # conv43: np.flip(K, axis=1) / np.fliplr(K): the columns in reverse order only
        ROT180,
        rule="rot180",
        tex="\\operatorname{flip}_{\\mathrm{cols}}",
        text="flip_cols",
        doc="a matrix with its columns in reverse order (np.flip(K, axis=1), np.fliplr): a "
        "one-axis flip, not the 180° turn of a convolution's kernel",
        extra={"unlisted": True, "axes": (1,)},
    ),
)

# the max of everything: max_share among the row maxima, where a tie across rows is refused at
# given values (each row's share would follow its own count of tied entries; see domains.ties)
_SHARE = next(op for op in _ROWS if op.name == "max_share")
_ROWS = (
    *_ROWS,
    replace(_SHARE, name="max_share_all", extra={"constant": True, "ties": True}),
)

# ---- spellings22: the inverse hyperbolic functions and the inverse error function ---------------
# (issue 9: torch.asinh/acosh/atanh/erfinv and their np./jnp./tf.math./scipy.special spellings;
# each domain as PyTorch's: acosh NaN below 1, atanh ±inf at ±1 and erfinv ±inf at ±1)

ERFINV_HELPER = (
    "def erfinv(x):\n"
    "    # the inverse error function, -1 < x < 1: Winitzki's approximation, then Newton's\n"
    "    # method on erf (on erfc near 1, where 1 - x is exact and erf has no digits left)\n"
    "    import math\n\n"
    "    def one(v):\n"
    "        w = math.log((1 - v) * (1 + v))\n"
    "        c = 2 / (math.pi * 0.147) + w / 2\n"
    "        y = math.copysign(math.sqrt(math.sqrt(c * c - w / 0.147) - c), v)\n"
    "        a, t = abs(v), abs(y)\n"
    "        for _ in range(60):\n"
    "            slope = 2 / math.sqrt(math.pi) * math.exp(-t * t)\n"
    "            gap = (math.erf(t) - a) if a < 0.5 else ((1 - a) - math.erfc(t))\n"
    "            step = gap / slope\n"
    "            t -= step\n"
    "            if abs(step) <= 1e-17 * t:\n"
    "                break\n"
    "        return math.copysign(t, v)\n\n"
    "    return np.vectorize(one, otypes=[float])(x)\n"
)
np_erfinv = _helper_function(ERFINV_HELPER, "erfinv")


def mp_erfinv(x: Any) -> Any:
    """erfinv in mpmath; outside (−1, 1) the complex marker the identity tests redraw at (mpmath
    raises ValueError there instead of returning a complex value, as for acosh and atanh)."""
    return mpmath.erfinv(x) if -1 < x < 1 else mpmath.mpc(mpmath.nan, 1)


def _erfinv_slope(x: Any) -> sp.Expr:
    """d/dx erfinv(x) = (√π/2)·exp(erfinv(x)²) (the inverse function's rule: 1/erf'(erfinv x))."""
    return sp.sqrt(sp.pi) / 2 * sp.exp(sp.erfinv(x) ** 2)


_INVERSE_ROWS: tuple[Op, ...] = (
    Op(
        "asinh",
        ELEMENTWISE,
        sympy=sp.asinh,
        sympy_class=sp.asinh,
        derivative=lambda x: 1 / sp.sqrt(x**2 + 1),
        pull=_local(
            lambda m, x, y: m.Pow(m.add(m.Pow(x, 2), _one(m)), sp.Rational(-1, 2))
        ),
        rule="asinh-derivative",
        numpy=np.arcsinh,
        mpmath=mpmath.asinh,
        torch=lambda x: _torch_mod(x).asinh(x),
        numpy_src="np.arcsinh({x})",
        torch_src="torch.asinh({x})",
        tex="\\operatorname{arsinh}",
        text="asinh",
        numpy_names=("asinh", "arcsinh"),
    ),
    Op(
        "acosh",
        ELEMENTWISE,
        sympy=sp.acosh,
        sympy_class=sp.acosh,
        derivative=lambda x: 1 / sp.sqrt(x**2 - 1),
        pull=_local(
            lambda m, x, y: m.Pow(m.sub(m.Pow(x, 2), _one(m)), sp.Rational(-1, 2))
        ),
        rule="acosh-derivative",
        numpy=np.arccosh,
        mpmath=mpmath.acosh,
        torch=lambda x: _torch_mod(x).acosh(x),
        numpy_src="np.arccosh({x})",
        torch_src="torch.acosh({x})",
        tex="\\operatorname{arcosh}",
        text="acosh",
        # x = 1 is in PyTorch's domain (acosh 1 = 0) but its derivative there is inf
        domain=("above_one",),
        numpy_names=("acosh", "arccosh"),
    ),
    Op(
        "atanh",
        ELEMENTWISE,
        sympy=sp.atanh,
        sympy_class=sp.atanh,
        derivative=lambda x: 1 / (1 - x**2),
        pull=_local(lambda m, x, y: m.Div(_one(m), m.sub(_one(m), m.Pow(x, 2)))),
        rule="atanh-derivative",
        numpy=np.arctanh,
        mpmath=mpmath.atanh,
        torch=lambda x: _torch_mod(x).atanh(x),
        numpy_src="np.arctanh({x})",
        torch_src="torch.atanh({x})",
        tex="\\operatorname{artanh}",
        text="atanh",
        domain=("open_unit",),
        numpy_names=("atanh", "arctanh"),
    ),
    Op(
        "erfinv",
        ELEMENTWISE,
        sympy=sp.erfinv,
        sympy_class=sp.erfinv,
        derivative=_erfinv_slope,
        pull=_local(
            lambda m, x, y: m.mul(
                m.Scalar(sp.sqrt(sp.pi) / 2), m.Func("exp", m.Pow(y, 2))
            )
        ),
        rule="erfinv-derivative",
        textbook=True,
        numpy=np_erfinv,
        mpmath=mp_erfinv,
        torch=lambda x: _torch_mod(x).erfinv(x),
        numpy_src="erfinv({x})",
        numpy_helper=ERFINV_HELPER,
        torch_src="torch.erfinv({x})",
        tex="\\operatorname{erf}^{-1}",
        text="erfinv",
        domain=("open_unit",),
        numpy_names=("erfinv",),
    ),
)
_ROWS = (*_ROWS, *_INVERSE_ROWS)

# ---- spellings24: the normalised sinc and the modified Bessel function I₀ ----------------------
# (issue 9: torch.sinc/np.sinc at exactly 0, torch.special.i0/np.i0; each row's value and
# derivative PyTorch's at every real point, 0 included, so the formula prints as sinc(x), I₀(x))


class _KnownAtZero(sp.Function):
    """A function of one real argument with its own value at 0 (:attr:`at_zero`, where its
    closed form :meth:`closed` may be 0/0) and that closed form everywhere else (numbers)."""

    nargs = 1
    is_extended_real = True
    at_zero = 0

    @classmethod
    def eval(cls, x: sp.Expr) -> sp.Expr | None:
        return sp.Integer(cls.at_zero) if x.is_zero else None

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        raise NotImplementedError

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        return self.closed(self.args[0])._eval_evalf(prec)


class sinc_pi(_KnownAtZero):  # noqa: N801
    """The normalised sinc sin(πx)/(πx) (``torch.sinc``, ``np.sinc``), 1 at x = 0 as both
    libraries define it: its own function, since the quotient is 0/0 there; its derivative is
    :class:`sinc_pi_slope` (0 at x = 0, PyTorch's autograd there)."""

    at_zero = 1

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        return sp.sin(sp.pi * x) / (sp.pi * x)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sinc_pi_slope(self.args[0])


class sinc_pi_slope(_KnownAtZero):  # noqa: N801
    """d/dx sinc(x) = (cos(πx) − sinc(x))/x, 0 at x = 0 (the limit, and PyTorch's value)."""

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        return (sp.cos(sp.pi * x) - sp.sin(sp.pi * x) / (sp.pi * x)) / x

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return (-sp.pi * sp.sin(sp.pi * x) - 2 * sinc_pi_slope(x)) / x


class bessel_i0(_KnownAtZero):  # noqa: N801
    """I₀(x), the modified Bessel function of the first kind of order 0 (``torch.special.i0``,
    ``np.i0``, ``scipy.special.i0``); its derivative is I₁(x) (:class:`bessel_i1`)."""

    at_zero = 1

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        return sp.besseli(0, x)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return bessel_i1(self.args[0])


class bessel_i1(_KnownAtZero):  # noqa: N801
    """I₁(x) = I₀′(x) (``torch.special.i1``): I₀'s derivative row; its own derivative is
    I₀(x) − I₁(x)/x (½ at x = 0, where only error bounds would ask for it)."""

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        return sp.besseli(1, x)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return bessel_i0(x) - bessel_i1(x) / x


class bessel_i0e(_KnownAtZero):  # noqa: N801
    """e^{−|x|}·I₀(x), the exponentially scaled I₀ (``torch.special.i0e``, ``scipy.special.i0e``):
    a function of its own, computed scaled (e^{−|x|} and I₀(x) apart are 0 · ∞ past |x| ≈ 713,
    where this is ≈ 1/√(2π|x|)); its derivative is i1e(x) − sign(x)·i0e(x), |x|'s kink at 0
    with PyTorch's sign(0) = 0 (:class:`bessel_i1e`)."""

    at_zero = 1

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        return sp.exp(-sp.Abs(x)) * sp.besseli(0, x)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return bessel_i1e(x) - sp.sign(x) * bessel_i0e(x)


class bessel_i1e(_KnownAtZero):  # noqa: N801
    """e^{−|x|}·I₁(x) (``torch.special.i1e``): i0e's derivative row; its own derivative is
    i0e(x) − i1e(x)/x − sign(x)·i1e(x) (½ at x = 0)."""

    @staticmethod
    def closed(x: sp.Expr) -> sp.Expr:
        return sp.exp(-sp.Abs(x)) * sp.besseli(1, x)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        x = self.args[0]
        return bessel_i0e(x) - bessel_i1e(x) / x - sp.sign(x) * bessel_i1e(x)


def mp_sinc_pi_slope(x: Any) -> Any:
    """(cos(πx) − sinc(x))/x in mpmath, 0 at x = 0."""
    return mpmath.mpf(0) if x == 0 else (mpmath.cospi(x) - mpmath.sincpi(x)) / x


# near 0 (|x| < 1/4) sinc and its slope by their Taylor series in u = (πx)², ten terms: the
# closed forms cancel there — (cos πx − sinc x)/x keeps ~1e-8 relative at x = 1e-4 in float64,
# and so does PyTorch's own backward of torch.sinc (fuzz seed 5 found it, against finite
# differences and the element-wise tape)
SINC_SLOPE_HELPER = (
    "def sinc_slope(x):\n"
    "    # d/dx sinc(x) = (cos(pi x) - sinc(x)) / x, 0 at x = 0; near 0 (|x| < 1/4) by its\n"
    "    # Taylor series in u = (pi x)^2, where the closed form cancels\n"
    "    import math\n\n"
    "    x = np.asarray(x, dtype=float)\n"
    "    u = (np.pi * x) ** 2\n"
    "    series = sum((-1) ** k * 2 * k * u ** (k - 1) / math.factorial(2 * k + 1) for k in range(1, 11))\n"
    "    small = np.abs(x) < 0.25\n"
    "    safe = np.where(small, 1.0, x)\n"
    "    return np.where(small, np.pi**2 * x * series, (np.cos(np.pi * x) - np.sinc(safe)) / safe)\n"
)
np_sinc_pi_slope = _helper_function(SINC_SLOPE_HELPER, "sinc_slope")


def _torch_sinc_series(x: Any, slope: bool) -> Any:
    """sinc (or its slope) by the Taylor series in u = (πx)² (|x| < 1/4: see SINC_SLOPE_HELPER)."""
    u = (math.pi * x) ** 2
    if slope:
        terms = [(-1) ** k * 2 * k / math.factorial(2 * k + 1) * u ** (k - 1) for k in range(1, 11)]
        return math.pi**2 * x * sum(terms)
    return sum((-1) ** k / math.factorial(2 * k + 1) * u**k for k in range(11))


def torch_sinc(x: Any) -> Any:
    """torch.sinc whose autograd is accurate near 0 (the series there; PyTorch's own backward
    cancels, ~1e-8 relative at x = 1e-4): 1 at 0, derivative 0 there."""
    t = _torch_mod(x)
    small = x.abs() < 0.25
    safe = t.where(small, t.ones_like(x), x)
    return t.where(small, _torch_sinc_series(x, False), t.sin(math.pi * safe) / (math.pi * safe))


def torch_sinc_pi_slope(x: Any) -> Any:
    """sinc's slope in PyTorch, the same two forms (0 at x = 0)."""
    t = _torch_mod(x)
    small = x.abs() < 0.25
    safe = t.where(small, t.ones_like(x), x)
    return t.where(small, _torch_sinc_series(x, True), (t.cos(math.pi * safe) - t.sinc(safe)) / safe)


BESSEL_I1_HELPER = (
    "def bessel_i1(x):\n"
    "    # I1(x) = sum_k (x/2)^(2k+1) / (k! (k+1)!): every term of one sign, no cancellation\n"
    "    # the terms grow while k < |x|/2: run past that (beyond |x| ~ 713, I1 is inf anyway)\n"
    "    x = np.asarray(x, dtype=float)\n"
    "    term = x / 2\n"
    "    total = term.copy()\n"
    "    top = np.abs(x[np.isfinite(x)]).max(initial=0.0)\n"
    "    for k in range(1, 100 + int(min(top, 1000.0))):\n"
    "        term = term * ((x / 2) ** 2 / (k * (k + 1)))\n"
    "        total = total + term\n"
    "        if np.all(np.abs(term) <= 1e-17 * np.abs(total)):\n"
    "            break\n"
    "    return total\n"
)

# e^{−|x|}·I_ν(x) scaled as PyTorch computes it: near 0 from the unscaled function (I₀ up to |x| =
# 700, finite there, I₀(700) ≈ 1e302; I₁ up to 50, where its series keeps full precision), beyond
# by the asymptotic series 1/√(2π|x|)·Σ_k t_k, t_k = t_{k−1}·(−(4ν² − (2k−1)²))/(8k|x|), 16 terms:
# the last below 1e-17 from |x| = 50 (fuzz seed 500018: e^{−782}·I₀(782) was 0 · ∞ = NaN, and
# a finite network was refused)
SCALED_BESSEL_FAR_HELPER = (
    "def scaled_bessel_far(x, nu):\n"
    "    # exp(-x) * I_nu(x) for large x (I_nu overflows past 713) by its asymptotic series\n"
    "    mu = 4.0 * nu * nu\n"
    "    term = np.ones_like(x)\n"
    "    total = np.ones_like(x)\n"
    "    for k in range(1, 17):\n"
    "        term = term * (-(mu - (2 * k - 1) ** 2)) / (8.0 * k * x)\n"
    "        total = total + term\n"
    "    return total / np.sqrt(2 * np.pi * x)\n"
)
I0E_HELPER = (
    "def i0e(x):\n"
    "    # exp(-|x|) * I0(x), the exponentially scaled I0 (scipy.special.i0e's values)\n"
    "    a = np.abs(np.asarray(x, dtype=float))\n"
    "    near = a <= 700\n"
    "    small = np.where(near, a, 0.0)\n"
    "    far = np.where(near, 701.0, a)\n"
    "    return np.where(near, np.exp(-small) * np.i0(small), scaled_bessel_far(far, 0))\n"
)
I1E_HELPER = (
    "def bessel_i1e(x):\n"
    "    # exp(-|x|) * I1(x), the exponentially scaled I1 (odd, as I1)\n"
    "    x = np.asarray(x, dtype=float)\n"
    "    a = np.abs(x)\n"
    "    near = a <= 50  # (I1's series keeps 1e-16 there; its 700 terms at 700 lose digits)\n"
    "    small = np.where(near, x, 0.0)\n"
    "    far = np.where(near, 51.0, a)\n"
    "    return np.where(near, np.exp(-np.abs(small)) * bessel_i1(small), np.sign(x) * scaled_bessel_far(far, 1))\n"
)


def _mp_scaled_bessel(nu: int) -> Callable[[Any], Any]:
    return lambda x: mpmath.exp(-abs(x)) * mpmath.besseli(nu, x)


_SINC_BESSEL_ROWS: tuple[Op, ...] = (
    Op(
        "sinc",
        ELEMENTWISE,
        sympy=sinc_pi,
        sympy_class=sinc_pi,
        derivative=lambda x: sinc_pi_slope(x),
        pull=_local(lambda m, x, y: m.Func("sinc_slope", x)),
        rule="sinc-derivative",
        numpy=np.sinc,
        mpmath=mpmath.sincpi,
        torch=torch_sinc,
        numpy_src="np.sinc({x})",
        torch_src="torch.sinc({x})",
        tex="\\operatorname{sinc}",
        text="sinc",
        numpy_names=("sinc",),
    ),
    Op(
        "sinc_slope",  # sinc's derivative row; produced by its pull, not written in specs
        ELEMENTWISE,
        sympy=sinc_pi_slope,
        sympy_class=sinc_pi_slope,
        derivative=lambda x: sinc_pi_slope(x).fdiff(),
        numpy=np_sinc_pi_slope,
        mpmath=mp_sinc_pi_slope,
        torch=torch_sinc_pi_slope,
        numpy_src="sinc_slope({x})",
        numpy_helper=SINC_SLOPE_HELPER,
        torch_src=(
            "torch.where({x} == 0, torch.zeros_like({x}), (torch.cos(torch.pi * {x}) - "
            "torch.sinc({x})) / torch.where({x} == 0, torch.ones_like({x}), {x}))"
        ),
        tex="\\operatorname{sinc}'",
        text="sinc'",
        extra={"internal": True},
    ),
    Op(
        "i0",
        ELEMENTWISE,
        sympy=bessel_i0,
        sympy_class=bessel_i0,
        derivative=lambda x: bessel_i1(x),
        pull=_local(lambda m, x, y: m.Func("bessel_i1", x)),
        rule="i0-derivative",
        numpy=np.i0,
        mpmath=lambda x: mpmath.besseli(0, x),
        torch=lambda x: _torch_mod(x).special.i0(x),
        numpy_src="np.i0({x})",
        torch_src="torch.special.i0({x})",
        tex="I_{0}",
        text="i0",
        numpy_names=("i0",),
    ),
    Op(
        "bessel_i1",  # I₀'s derivative row (torch.special.i1); produced by its pull
        ELEMENTWISE,
        sympy=bessel_i1,
        sympy_class=bessel_i1,
        derivative=lambda x: bessel_i1(x).fdiff(),
        numpy=_helper_function(BESSEL_I1_HELPER, "bessel_i1"),
        mpmath=lambda x: mpmath.besseli(1, x),
        torch=lambda x: _torch_mod(x).special.i1(x),
        numpy_src="bessel_i1({x})",
        numpy_helper=BESSEL_I1_HELPER,
        torch_src="torch.special.i1({x})",
        tex="I_{1}",
        text="i1",
        extra={"internal": True},
    ),
    Op(
        "i0e",
        ELEMENTWISE,
        sympy=bessel_i0e,
        sympy_class=bessel_i0e,
        derivative=lambda x: bessel_i1e(x) - sp.sign(x) * bessel_i0e(x),
        pull=_local(lambda m, x, y: m.sub(m.Func("bessel_i1e", x), m.mul(m.Func("sign", x), y))),
        rule="i0e-derivative",
        numpy=_helper_function(SCALED_BESSEL_FAR_HELPER + I0E_HELPER, "i0e"),
        mpmath=_mp_scaled_bessel(0),
        torch=lambda x: _torch_mod(x).special.i0e(x),
        numpy_src="i0e({x})",
        numpy_helper=I0E_HELPER,
        extra={"numpy_helpers": {"scaled_bessel_far": SCALED_BESSEL_FAR_HELPER}},
        torch_src="torch.special.i0e({x})",
        tex="\\operatorname{i0e}",
        text="i0e",
        tex_form="e^{{-\\left|{x}\\right|}} I_{{0}}\\left({x}\\right)",
        numpy_names=("i0e",),
        kinks=(Fraction(0),),
    ),
    Op(
        "bessel_i1e",  # i0e's derivative row (torch.special.i1e); produced by its pull
        ELEMENTWISE,
        sympy=bessel_i1e,
        sympy_class=bessel_i1e,
        derivative=lambda x: bessel_i1e(x).fdiff(),
        numpy=_helper_function(SCALED_BESSEL_FAR_HELPER + BESSEL_I1_HELPER + I1E_HELPER, "bessel_i1e"),
        mpmath=_mp_scaled_bessel(1),
        torch=lambda x: _torch_mod(x).special.i1e(x),
        numpy_src="bessel_i1e({x})",
        numpy_helper=I1E_HELPER,
        torch_src="torch.special.i1e({x})",
        tex="\\operatorname{i1e}",
        text="i1e",
        tex_form="e^{{-\\left|{x}\\right|}} I_{{1}}\\left({x}\\right)",
        extra={"internal": True},
    ),
)
_ROWS = (*_ROWS, *_SINC_BESSEL_ROWS)

# ---- heldnets25: the inverse sine and cosine (issue 9: ArcFace's torch.acos of a clamped cosine)
# Both are defined on [-1, 1] but their derivative ∓1/√(1 − x²) is infinite at ±1 (PyTorch: inf,
# then NaN), so the domain is the open interval, as atanh's: a value exactly ±1 is refused.


def _inverse_sine_slope_hn24(m: Any, x: Any) -> Any:
    """(1 − x²)^(−1/2), the inverse sine's derivative (the inverse cosine's with a minus)."""
    return m.Pow(m.sub(_one(m), m.Pow(x, 2)), sp.Rational(-1, 2))


_ARC_ROWS_HN24: tuple[Op, ...] = (
    Op(
        "asin",
        ELEMENTWISE,
        sympy=sp.asin,
        sympy_class=sp.asin,
        derivative=lambda x: 1 / sp.sqrt(1 - x**2),
        pull=_local(lambda m, x, y: _inverse_sine_slope_hn24(m, x)),
        rule="asin-derivative",
        numpy=np.arcsin,
        mpmath=mpmath.asin,
        torch=lambda x: _torch_mod(x).asin(x),
        numpy_src="np.arcsin({x})",
        torch_src="torch.asin({x})",
        tex="\\arcsin",
        text="asin",
        domain=("open_unit",),
        numpy_names=("asin", "arcsin"),
    ),
    Op(
        "acos",
        ELEMENTWISE,
        sympy=sp.acos,
        sympy_class=sp.acos,
        derivative=lambda x: -1 / sp.sqrt(1 - x**2),
        pull=_local(lambda m, x, y: m.neg(_inverse_sine_slope_hn24(m, x))),
        rule="acos-derivative",
        numpy=np.arccos,
        mpmath=mpmath.acos,
        torch=lambda x: _torch_mod(x).acos(x),
        numpy_src="np.arccos({x})",
        torch_src="torch.acos({x})",
        tex="\\arccos",
        text="acos",
        domain=("open_unit",),
        numpy_names=("acos", "arccos"),
    ),
)
_ROWS = (*_ROWS, *_ARC_ROWS_HN24)

# heldnets26: PyTorch's gaussian_nll_loss raises for a negative var ("var has negative
# entry/entries") and clamps var at eps for the value only (straight-through, a stop-gradient
# line: :func:`derive.lang.spelling.gaussian_floor_text`). The clamp reads var through this
# identity, whose domain (≥ 0) is checked entry by entry and draws an input var positive; it
# prints as its argument in every form.
_NONNEG_ROWS_HN26: tuple[Op, ...] = (
    Op(
        "assert_nonneg",
        ELEMENTWISE,
        sympy=lambda x: x,
        derivative=lambda x: sp.Integer(1),
        pull=lambda m, up, x, y: up,
        numpy=lambda x: np.asarray(x, dtype=np.float64),
        mpmath=lambda x: x,
        torch=lambda x: x,
        numpy_src="{x}",
        torch_src="{x}",
        tex="",
        text="",
        tex_form="{x}",
        text_form="{x}",
        formula_src="{x}",
        domain=("variance",),
        extra={"unlisted": True},  # written by the gaussian_nll_loss spelling, not offered
    ),
)
_ROWS = (*_ROWS, *_NONNEG_ROWS_HN26)

# round 46: a Poisson loss's target is a count (or a rate): ≥ 0. With a negative target
# exp(x) − y·x is unbounded below, so no minimum exists, yet every number stays finite and
# PyTorch's poisson_nll_loss (and TensorFlow's log_poisson_loss, Keras's poisson) accept it:
# nothing would warn. The spellings read the target through this identity, whose domain is
# checked entry by entry (a negative count in [values] is refused naming the entry) and draws
# the target positive; it prints as its argument in every form.
_COUNT_ROWS_R46: tuple[Op, ...] = (
    replace(_NONNEG_ROWS_HN26[0], name="assert_count", domain=("count",)),
)
_ROWS = (*_ROWS, *_COUNT_ROWS_R46)

def _atan2_pull_s26(m: Any, up: Any, y: Any, x: Any, me: Any) -> tuple[Any, Any]:
    """atan2(y, x)'s two partial derivatives times the upstream gradient:
    ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²)."""
    radius2 = m.add(m.power(x, 2), m.power(y, 2))
    return m.div(m.mul(up, x), radius2), m.neg(m.div(m.mul(up, y), radius2))


def _atan2_torch_s26(y: Any, x: Any) -> Any:
    torch = _torch_mod(y if hasattr(y, "dtype") else x)
    return torch.atan2(torch.as_tensor(y, dtype=torch.float64), torch.as_tensor(x, dtype=torch.float64))


# spellings26: atan2(y, x) as one row with its two partial derivatives (was a half-angle
# formula with indicators, spellings25); the origin, where it has no derivative, is refused
_BINARY_ROWS_S26: tuple[Op, ...] = (
    Op(
        "atan2",
        BINARY,
        nargs=(2, 2),
        sympy=sp.atan2,
        sympy_class=sp.atan2,
        pull=_atan2_pull_s26,
        rule="atan2-derivative",
        numpy=np.arctan2,
        mpmath=mpmath.atan2,
        torch=_atan2_torch_s26,
        numpy_src="np.arctan2({a}, {b})",
        torch_src="torch.atan2({a}, {b})",
        tex="atan2",
        text="atan2",
        domain=("real", "real"),
        numpy_names=("atan2", "arctan2"),
        # (y, x) = (0, 0): no derivative there (refused, domains.Evaluate); ``jump``: how far
        # (y, x) is from where the value jumps by 2π — the negative x axis, y = 0 with x < 0
        # (PyTorch: π above it and at y = +0, −π below) — and from the origin: finite
        # differences are not used where it is 0 (numeric.verify.kink_inputs)
        extra={
            "origin": "refuse",
            "jump": lambda y, x: np.minimum(np.where(x < 0, np.abs(y), np.inf), np.hypot(y, x)),
        },
    ),
)
_ROWS = (*_ROWS, *_BINARY_ROWS_S26)
BUILTIN: dict[str, Op] = {op.name: op for op in _ROWS}
OPS: dict[str, Op] = dict(BUILTIN)


def get(name: str) -> Op:
    return OPS[name]


def numpy_helpers() -> dict[str, str]:
    """Name → definition of every NumPy helper a generated script may call: an op's
    ``numpy_helper`` (under the name it defines) and the extra ones an op's source text calls
    (``extra["numpy_helpers"]``: the cross-entropy of a softmax), in table order."""
    out: dict[str, str] = {}
    for op in OPS.values():
        if op.numpy_helper:  # by the name it defines (max_share_all's is max_share's)
            out.setdefault(op.numpy_helper.split("(", 1)[0].removeprefix("def "), op.numpy_helper)
        out.update(op.extra.get("numpy_helpers", {}))
    return out


def table() -> dict[str, Op]:
    """The active table (name → :class:`Op`)."""
    return OPS


def of_kind(kind: str, *, internal: bool = False) -> tuple[str, ...]:
    """Names of the active ops of ``kind`` (language functions only unless ``internal``)."""
    return tuple(
        n for n, op in OPS.items() if op.kind == kind and (internal or not op.extra.get("internal"))
    )


def activations() -> tuple[str, ...]:
    """Element-wise language functions whose derivative is not identically 0 (so not the
    indicator ``relu_grad``): what a network applies as an activation, ``g`` in ``g'(Z)``."""
    hit = _CACHE.get("activations")
    if hit is None:
        t = sp.Symbol("t", real=True)
        hit = _CACHE["activations"] = tuple(
            n
            for n, op in OPS.items()
            if op.kind == ELEMENTWISE
            and not op.extra.get("internal")
            and op.pull is not None
            and op.derivative is not None
            and op.derivative(t, *(sp.Rational(v) for _, v in op.params)) != 0
        )
    return hit


def numpy_name(name: str) -> str | None:
    """The op a student means by ``np.<name>`` / ``torch.<name>`` / ``x.<name>()``, if any."""
    for op in OPS.values():
        if name in op.numpy_names:
            return op.name
    return None


def call_params(op: Op, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """The values of ``op``'s parameters in a call: positional after the first argument, else by
    keyword, else the table's default (``args``/``kwargs`` hold already-read values or ``None``)."""
    out = []
    for i, (key, default) in enumerate(op.params):
        v = args[i + 1] if len(args) > i + 1 else kwargs.get(key)
        out.append(default if v is None else v)
    return tuple(out)


def language() -> tuple[str, ...]:
    """Every function name a spec or formula may call."""
    return tuple(n for n, op in OPS.items() if not op.extra.get("internal"))


def signature(name: str) -> tuple[int, int, tuple[str, ...]] | None:
    op = OPS.get(name)
    if op is None or op.extra.get("internal"):
        return None
    return (op.nargs[0], op.nargs[1], op.keywords)


_CACHE: dict[str, Any] = {}


def sympy_mpmath() -> dict[Any, Callable[..., Any]]:
    """SymPy function class → mpmath callable, for the identity checker (cached per table)."""
    hit = _CACHE.get("mpmath")
    if hit is not None:
        return hit
    out: dict[Any, Callable[..., Any]] = {}
    for op in OPS.values():
        if op.sympy_class is not None and op.mpmath is not None:
            out[op.sympy_class] = op.mpmath
    # ψ₃ = ψ₂' (SymPy's polygamma(3, x)): only the error bound of a ψ₂ node (the backward of
    # a user's torch.polygamma(1, x)) evaluates it
    out[sp.polygamma] = lambda n, x: mpmath.psi(int(n), x)
    _CACHE["mpmath"] = out
    return out


def sympy_numpy() -> dict[str, Callable[..., Any]]:
    """Name → NumPy callable for ``sympy.lambdify`` (our own SymPy function classes)."""
    out: dict[str, Callable[..., Any]] = {}
    for op in OPS.values():
        cls = op.sympy_class
        if (
            cls is not None
            and op.numpy is not None
            and cls.__module__ != "sympy"
            and not (cls.__module__.startswith("sympy."))
        ):
            out[cls.__name__] = op.numpy
    return out


@contextlib.contextmanager
def using(ops: Mapping[str, Op]) -> Iterator[dict[str, Op]]:
    """Make ``ops`` the active table for the duration of a ``with`` block."""
    saved = dict(OPS)
    OPS.clear()
    OPS.update(ops)
    _CACHE.clear()
    try:
        yield OPS
    finally:
        OPS.clear()
        OPS.update(saved)
        _CACHE.clear()


def register(op: Op) -> None:
    """Add (or replace) ``op`` in the active table."""
    OPS[op.name] = op
    _CACHE.clear()
