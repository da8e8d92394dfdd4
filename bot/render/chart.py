"""A measure's figures over time as a PNG timeline, drawn off screen with matplotlib.

One marker per article at its publication day; a range ("3–5 million") is a vertical bar
from its lower to its upper end. Values that span more than ``LOG_SPAN`` times are drawn on
a logarithmic axis so that small counts stay visible next to large ones. The image is small
(``WIDTH_INCHES`` by ``HEIGHT_INCHES`` at ``DPI``, a few tens of kilobytes), far under
Discord's attachment limit of 10 MiB, and ``description`` is its alt text: the measure, how many
figures and days, and the range of values.

Drawing uses matplotlib's object interface with the Agg canvas (no pyplot, no display, no
global figure state), so it is safe on the bot's worker threads, where it runs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from bot.query.amounts import amount
from bot.query.answer import Chart

FILENAME = "figures.png"
WIDTH_INCHES, HEIGHT_INCHES, DPI = 8.0, 4.0, 100
DESCRIPTION_CHARS = 1024
# Values spanning more than this factor are drawn on a logarithmic axis.
LOG_SPAN = 20
_COLOUR = "#2b6cb0"


@dataclass(frozen=True, slots=True)
class ChartImage:
    """A rendered chart: the PNG bytes, a file name and the alt text."""

    png: bytes
    filename: str
    description: str


def describe(chart: Chart) -> str:
    """Alt text: "Timeline of people displaced (Tarnwick): 4 figures on 3 days from
    2023-04-02 to 2023-05-20, from 12,000 to 15,000"."""
    points = chart.points
    days = sorted({p.day for p in points})
    low = min(p.low for p in points)
    high = max(p.high for p in points)
    values = (
        f"from {_amount(low, chart)} to {_amount(high, chart)}"
        if low != high
        else f"all {_amount(low, chart)}"
    )
    figures = f"{len(points)} figure{'s' if len(points) != 1 else ''}"
    text = (
        f"Timeline of {chart.measure}: {figures} on {len(days)} days"
        f" from {days[0]} to {days[-1]}, {values}."
    )
    return text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1] + "…"


def _amount(value: float, chart: Chart) -> str:
    return amount(value, None, chart.unit, chart.per)


def render_chart(chart: Chart) -> ChartImage:
    """The chart as a PNG image with its alt text."""
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days = [date.fromisoformat(p.day) for p in chart.points]
    singles = [(d, p.low) for d, p in zip(days, chart.points, strict=True) if p.low == p.high]
    ranges = [(d, p) for d, p in zip(days, chart.points, strict=True) if p.low != p.high]
    if singles:
        axes.plot(*zip(*singles, strict=True), "o", color=_COLOUR, alpha=0.8)
    if ranges:
        axes.vlines(
            [d for d, _ in ranges],
            [p.low for _, p in ranges],
            [p.high for _, p in ranges],
            color=_COLOUR,
            linewidth=4,
            alpha=0.6,
        )
    low = min(p.low for p in chart.points)
    high = max(p.high for p in chart.points)
    if low > 0 and high / low > LOG_SPAN:
        axes.set_yscale("log")
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: amount(value, None, chart.unit)))
    axes.set_title(chart.measure[:120])
    axes.grid(True, alpha=0.3)
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return ChartImage(buffer.getvalue(), FILENAME, describe(chart))
