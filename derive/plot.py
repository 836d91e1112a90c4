"""The training-loss curve as a reproducible SVG (matplotlib, imported lazily).

Same history, same bytes: the SVG backend with a fixed ``svg.hashsalt``, no date or version in
the metadata, glyphs as paths (matplotlib's bundled DejaVu, so no system font is involved), and
losses rounded to 4 significant digits before plotting so the last bits of a BLAS sum cannot move
a coordinate. The axis labels are the step ``t`` and the loss's identifier, so one plot serves
every language; the caption is in the walkthrough.
"""

from __future__ import annotations

import io


class PlotMissing(RuntimeError):
    """matplotlib is not installed (``pip install 'derive-backprop[plot]'``)."""


def loss_svg(history: list[tuple[int, float]], loss: str = "L") -> bytes:
    """``history`` = ``[(step, loss), …]`` → an SVG of the loss (log scale) against the step.
    ``loss`` is the loss's identifier (validated: letters, digits, ``_``), the y label."""
    try:
        import matplotlib
    except ImportError:
        raise PlotMissing(
            "matplotlib is not installed: pip install 'derive-backprop[plot]'"
        ) from None
    from matplotlib.figure import Figure

    steps = [s for s, _ in history]
    losses = [float(f"{loss:.4g}") for _, loss in history]
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "derive",
            "svg.fonttype": "path",
            "font.family": "DejaVu Sans",
            "axes.unicode_minus": False,
        }
    ):
        fig = Figure(figsize=(6, 3.2), dpi=100)
        ax = fig.add_subplot()
        ax.plot(steps, losses, color="#1f5f99", linewidth=1.6)
        ax.set_yscale("log")
        ax.set_xlabel("$t$")
        ax.set_ylabel(loss)
        ax.grid(True, which="major", linewidth=0.5, alpha=0.5)
        ax.set_xlim(steps[0], steps[-1])
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
