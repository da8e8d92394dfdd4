"""Amounts as a reader writes them: "$3,500 a month", "3–5 million", "120 days", "−3.2%".

A figure is stored as numbers and codes (``value``, ``value_high``, an ISO currency code or a
singular unit name in ``unit``, ``per``); this module turns them back into words. Each choice
is a small rule: money takes its sign where it has a familiar one and its code otherwise,
large round numbers take a scale word, a range shares its scale ("3–5 million"), units are
plural unless the amount is exactly one, and a rate says what it is counted per.
"""

from __future__ import annotations

PERCENT = "%"
# Currencies whose sign every reader knows; any other code is written before the number.
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
# Scale words, largest first, used only when the number is round at that scale.
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Units counted per a span of time read "a month", "an hour"; others "per barrel".
TIME_UNITS = frozenset(("second", "minute", "hour", "day", "week", "month", "year", "decade"))
_SAID_WITH_AN = frozenset(("hour",))
# Plural forms that adding "s" does not give.
IRREGULAR_PLURALS = {
    "foot": "feet",
    "inch": "inches",
    "century": "centuries",
    "person": "people",
    "series": "series",
    "capita": "capita",
}
# Approximators written after the number ("20 or more", "200 or so").
AFTER_NUMBER = frozenset(("or more", "or so", "plus"))
_DASH = "–"
_MINUS = "−"


def is_money(unit: str) -> bool:
    """ISO currency codes are three capital letters ("USD", "EUR")."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def plural(noun: str) -> str:
    """The plural of a unit name: "days", "square kilometers", "feet", "centuries"."""
    head, _, last = noun.rpartition(" ")
    if last in IRREGULAR_PLURALS:
        word = IRREGULAR_PLURALS[last]
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        word = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def number(value: float) -> str:
    """ "12,000", "2.5", "6.36 million": a scale word only where it loses nothing."""
    sign = _MINUS if value < 0 else ""
    size = abs(value)
    for scale, word in SCALES:
        if size >= scale and _round_at(size, scale):
            return f"{sign}{_plain(size / scale)} {word}"
    return sign + _plain(size)


def _round_at(size: float, scale: float) -> bool:
    """Whether ``size`` is written exactly with at most two decimals at ``scale``."""
    hundredths = size / scale * 100
    return abs(hundredths - round(hundredths)) < 1e-6


def _plain(value: float) -> str:
    """Two decimals, or as many as a small value needs to be written at all: "0.00004",
    never "0"."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    if abs(value) < 0.01:
        return f"{value:.10f}"[: _SMALL_DIGITS + 2 + _leading_zeros(value)].rstrip("0")
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_SMALL_DIGITS = 3


def _leading_zeros(value: float) -> int:
    """How many zeros follow the point before a small value's first digit."""
    decimals = f"{abs(value):.10f}".split(".")[1]
    return len(decimals) - len(decimals.lstrip("0"))


def _scale_word(value: float) -> str:
    written = number(value)
    return written.rpartition(" ")[2] if " " in written else ""


def span(value: float, high: float | None) -> str:
    """A number or a range; a range shares its scale word: "3–5 million", "8–9"."""
    if high is None or high == value:
        return number(value)
    low_text, high_text = number(value), number(high)
    scale = _scale_word(high)
    if scale and _scale_word(value) == scale:
        low_text = low_text.removesuffix(f" {scale}")
    return f"{low_text}{_DASH}{high_text}"


def rate(per: str) -> str:
    """What an amount is counted per: "a month", "an hour", "per barrel" ("" for none)."""
    if not per:
        return ""
    if per in TIME_UNITS:
        return f"{'an' if per in _SAID_WITH_AN else 'a'} {per}"
    return f"per {per}"


def amount(value: float, high: float | None, unit: str, per: str = "") -> str:
    """The amount with its unit: "$3,500 a month", "€5 billion", "10–12%", "120 days"."""
    written = span(value, high)
    if unit == PERCENT:
        text = f"{written}%"
    elif is_money(unit):
        negative = written.startswith(_MINUS)
        digits = written.removeprefix(_MINUS)
        sign = CURRENCY_SIGNS.get(unit)
        text = f"{sign}{digits}" if sign else f"{unit} {digits}"
        text = _MINUS + text if negative else text
    elif unit:
        single = high in (None, value) and abs(value) == 1
        text = f"{written} {unit if single else plural(unit)}"
    else:
        text = written
    return f"{text} {rate(per)}" if per else text


def unit_adjective(value: float, high: float | None, unit: str) -> str:
    """A unit before the thing it measures: "120-day" (withdrawal period), "6.1-inch"."""
    return f"{span(value, high)}-{unit}"


def with_approximation(approx: str, written: str) -> str:
    """ "about 4 million", "20 or more": the approximator on its side of the amount."""
    if not approx:
        return written
    return f"{written} {approx}" if approx in AFTER_NUMBER else f"{approx} {written}"
