"""The training-loss curve as a small, byte-deterministic SVG (no plotting library).

Same history, same bytes: coordinates are printed with two decimals, no ids, dates, versions or
fonts are embedded (text uses the generic ``sans-serif`` family), and losses are rounded to 4
significant digits first so the last bits of a BLAS sum cannot move a point. The y axis is
logarithmic with ticks at powers of ten (plus 2× and 5× when the curve spans less than two
decades); the x axis is the step ``t`` with 1-2-5 ticks. The labels are the step ``t`` and the
loss's identifier, so one plot serves every language; the caption is in the walkthrough.
Non-finite or non-positive losses (a diverging run) are left out of the line, never an error.
"""

from __future__ import annotations

import math

WIDTH, HEIGHT = 600, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 18, 14, 46  # margins around the plot area
COLOR = "#1f5f99"


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (what ``xml.sax.saxutils.escape`` does, without
    its import of ``urllib.request``: 10 ms of a cold build)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _f(v: float) -> str:
    """A coordinate with two decimals, no ``-0.00``."""
    s = f"{v:.2f}"
    return "0.00" if s == "-0.00" else s


def _x_ticks(lo: int, hi: int) -> list[int]:
    """About five round steps (1, 2, 5 × 10^k) between ``lo`` and ``hi``."""
    span = max(hi - lo, 1)
    raw = span / 5
    mag = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    step = max(int(step), 1)
    first = -(-lo // step) * step
    return list(range(first, hi + 1, step))


def _y_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Ticks on a log axis from ``lo`` to ``hi`` (both > 0): ``(value, label)``."""
    k0, k1 = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    mults = (1, 2, 5) if k1 - k0 <= 2 else (1,)
    every = max(1, (k1 - k0 + 5) // 6)  # at most about six decade labels
    out = []
    for k in range(k0, k1 + 1):
        for m in mults:
            v = m * 10.0**k
            if lo * (1 - 1e-9) <= v <= hi * (1 + 1e-9) and (m > 1 or (k - k0) % every == 0):
                out.append((v, _label(m, k)))
    return out


def _label(m: int, k: int) -> str:
    if -2 <= k <= 3:
        v = m * 10**k if k >= 0 else m / 10**-k
        return f"{v:g}"
    head = "" if m == 1 else f"{m}×"
    return f"{head}10^{k}"


def _text(x: float, y: float, s: str, anchor: str, extra: str = "") -> str:
    if "^" in s:  # 10^k → 10 with a superscript exponent (U+2212 for the minus)
        base, exp = s.split("^")
        exp = exp.replace("-", "\u2212")
        body = f'{escape(base)}<tspan dy="-6" font-size="9">{escape(exp)}</tspan>'
    else:
        body = escape(s)
    return f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}"{extra}>{body}</text>'


def loss_svg(history: list[tuple[int, float]], loss: str = "L") -> bytes:
    """``history`` = ``[(step, loss), …]`` → an SVG of the loss (log scale) against the step.
    ``loss`` is the loss's identifier (validated: letters, digits, ``_``), the y label."""
    points = [
        (int(s), float(f"{v:.4g}"))
        for s, v in history
        if isinstance(v, int | float) and math.isfinite(v) and v > 0
    ]
    steps = [int(s) for s, _ in history] or [0, 1]
    x0, x1 = min(steps), max(steps)
    if x1 == x0:
        x1 = x0 + 1
    if points:
        lo, hi = min(v for _, v in points), max(v for _, v in points)
    else:
        lo, hi = 0.1, 1.0
    if hi / lo < 10:  # at least one decade visible, centred on the data
        mid = math.sqrt(lo * hi)
        lo, hi = mid / math.sqrt(10), mid * math.sqrt(10)
    ylo, yhi = math.log10(lo), math.log10(hi)
    pad = (yhi - ylo) * 0.05
    ylo, yhi = ylo - pad, yhi + pad
    pw, ph = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(s: float) -> float:
        return LEFT + (s - x0) / (x1 - x0) * pw

    def py(v: float) -> float:
        return TOP + (yhi - math.log10(v)) / (yhi - ylo) * ph

    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        '<g stroke="#b0b0b0" stroke-width="0.5">',
    ]
    yt = _y_ticks(10**ylo, 10**yhi)
    xt = _x_ticks(x0, x1)
    for v, _ in yt:
        out.append(f'<line x1="{LEFT}" y1="{_f(py(v))}" x2="{LEFT + pw}" y2="{_f(py(v))}"/>')
    for s in xt:
        out.append(f'<line x1="{_f(px(s))}" y1="{TOP}" x2="{_f(px(s))}" y2="{TOP + ph}"/>')
    out.append("</g>")
    out.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}" fill="none" stroke="#000000" '
        'stroke-width="0.8"/>'
    )
    out.append('<g fill="#000000">')
    for v, label in yt:
        out.append(_text(LEFT - 6, py(v) + 4, label, "end"))
    for s in xt:
        out.append(_text(px(s), TOP + ph + 16, str(s), "middle"))
    out.append(_text(LEFT + pw / 2, HEIGHT - 8, "t", "middle", ' font-style="italic"'))
    ly = TOP + ph / 2
    out.append(
        f'<text x="16" y="{_f(ly)}" text-anchor="middle" '
        f'transform="rotate(-90 16 {_f(ly)})">{escape(loss)}</text>'
    )
    out.append("</g>")
    if points:
        coords = " ".join(f"{_f(px(s))},{_f(py(v))}" for s, v in points)
        out.append(
            f'<polyline points="{coords}" fill="none" stroke="{COLOR}" stroke-width="1.6" '
            'stroke-linejoin="round"/>'
        )
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")
