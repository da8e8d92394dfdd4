"""When two reported figures of one measure disagree.

A figure stands for a stretch of values, not a point: "at least 500" is 500 or more, "nearly
1,000" a little under 1,000, "about 4 million" within a tenth of it, "3–5 million" the range.
Two figures disagree when their stretches do not meet, so "at least 500" and "600" agree
while "12,000" and "15,000" do not. They are compared only when they were published within
``CLOSE_DAYS`` of each other (a count that grows from one month to the next is news, not a
disagreement), by different articles, and when they are within ``COMPARABLE`` times of each
other: "19 killed" and "400,000 killed" in one week are a strike and a war, not two sources
contradicting each other.
"""

from __future__ import annotations

import math
from datetime import date

# Figures published at most this many days apart are compared; a week keeps a toll that
# rises day by day over a month from being read as sources disagreeing.
CLOSE_DAYS = 7
# How far an approximate amount may be from its value, as a share of it.
ROUGHLY = 0.1
# Figures further apart than this factor are taken to count different events.
COMPARABLE = 1.5

# What an approximator says about the value: a floor, a ceiling, a value near it.
AT_LEAST = frozenset(
    (
        "at least", "more than", "over", "upwards of", "no fewer than", "no less than", "plus",
        "or more", "above", "well over", "just over", "in excess of",
    )
)  # fmt: skip
AT_MOST = frozenset(
    (
        "up to", "less than", "fewer than", "under", "below", "nearly", "almost", "just under",
        "no more than", "at most", "as many as", "as much as", "as high as", "barely",
        "as little as",
    )
)  # fmt: skip
NEAR = frozenset(
    (
        "about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
        "or so", "close to", "an average of",
    )
)  # fmt: skip


def stretch(value: float, high: float | None, approx: str) -> tuple[float, float]:
    """The values a figure allows, as (lowest, highest)."""
    low, top = value, high if high is not None else value
    if approx in AT_LEAST:
        return low, math.inf
    if approx in AT_MOST:
        return -math.inf if low < 0 else 0.0, top
    if approx in NEAR:
        return low * (1 - ROUGHLY), top * (1 + ROUGHLY)
    return low, top


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def comparable(a: float, b: float) -> bool:
    """Two values of the same sign within ``COMPARABLE`` times of each other."""
    if a == b:
        return True
    if a * b <= 0:
        return False
    low, high = sorted((abs(a), abs(b)))
    return high <= low * COMPARABLE


def contradict(
    a: tuple[date | None, float, tuple[float, float]],
    b: tuple[date | None, float, tuple[float, float]],
) -> bool:
    """Two (day, value, stretch) figures that cannot both be true."""
    return close(a[0], b[0]) and comparable(a[1], b[1]) and not meet(a[2], b[2])


def day(published: str | None) -> date | None:
    """The publication day of an ISO date or timestamp; None when unknown or unreadable."""
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def close(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= CLOSE_DAYS
