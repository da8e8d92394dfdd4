"""An article's date when its record gives none: from its address or from its own top lines.

Only places that date the article itself are read, never a date the story mentions (a text's
"on Nov. 22, 1963" is history, not its date). Each place is a named rule with its example,
tried in order (``DATE_RULES``):

* a stamp in the first lines: "Updated at 9:30 p.m. ET on December 20, 2019", "UPDATE,
  April 21, 2020", "Published March 3, 2019", or a line that is a date and nothing more;
* a dateline opening the text: "OSLO, March 3, 2019 — ...";
* the address: ".../2019/03/14/story-name" or ".../2019-03-14-story-name"; or, as the month
  alone ("2019-03"), ".../2019/03/story-name".

A date that is no real calendar day, or later than tomorrow, is no date. A month alone sorts
among the dates of its month and is shown as it is; it is never taken for a day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

# How much of the text's start (``head``) a stamp or a dateline may be in.
HEAD_CHARS = 400

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY_YEAR = r"(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b"
_WRITTEN = rf"{_MONTH}\s+{_DAY_YEAR}"
_TIME = r"(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s+)?"

_STAMP = re.compile(
    rf"(?:^|\n)[ \t]*(?:updated|update|published|posted|first\s+published)[ \t]*[:,]?[ \t]*"
    rf"(?:{_TIME})?(?:on[ \t]+)?(?:[A-Za-z]+day,?[ \t]+)?{_WRITTEN}",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:[A-Za-z]+day,?[ \t]+)?{_WRITTEN}(?:,?[ \t]+{_TIME})?[ \t]*(?:\n|$)"
)
_DATELINE = re.compile(rf"(?:^|\n)[ \t]*[A-Z][A-Z .'-]{{1,40}},\s+{_WRITTEN}\s*[-—–(]")
_ADDRESS = re.compile(
    r"/(?P<year>(?:19|20)\d\d)(?P<sep>[/-])(?P<month>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?:[/-]|$)"
)
_MONTH_ADDRESS = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0[1-9]|1[0-2])/(?!\d)")


def _written(match: re.Match[str] | None) -> str | None:
    """The date a match of a written date spells ("Dec. 20, 2019"), if a real one."""
    if match is None:
        return None
    month = _MONTHS.get(match["month"].lower())
    return _real(int(match["year"]), month, int(match["day"])) if month else None


def _real(year: int, month: int, day: int) -> str | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    return found.isoformat() if found <= tomorrow else None


def stamp(head: str, url: str | None) -> str | None:
    """'Updated at 9:30 p.m. ET on December 20, 2019' in the text's first lines."""
    return _written(_STAMP.search(head))


def date_line(head: str, url: str | None) -> str | None:
    """A line of the first ones that is a date and nothing more: 'March 3, 2019'."""
    return _written(_DATE_LINE.search(head))


def dateline(head: str, url: str | None) -> str | None:
    """'OSLO, March 3, 2019 — ...' opening a paragraph of the first lines."""
    return _written(_DATELINE.search(head))


def address(head: str, url: str | None) -> str | None:
    """'.../2019/03/14/story-name' in the article's address."""
    match = _ADDRESS.search(url or "")
    if match is None:
        return None
    return _real(int(match["year"]), int(match["month"]), int(match["day"]))


def month_address(head: str, url: str | None) -> str | None:
    """'.../2019/03/story-name' in the article's address: the month, '2019-03'."""
    match = _MONTH_ADDRESS.search(url or "")
    if match is None or _real(int(match["year"]), int(match["month"]), 1) is None:
        return None
    return f"{match['year']}-{match['month']}"


DATE_RULES: tuple[Callable[[str, str | None], str | None], ...] = (
    stamp,
    date_line,
    dateline,
    address,
    month_address,
)


def found_date(raw_text: str, url: str | None) -> str | None:
    """The first date a rule finds (``DATE_RULES``), as YYYY-MM-DD (or YYYY-MM), or None.

    The rules read the text as it came, before cleaning drops stamps as page furniture.
    """
    head = raw_text.lstrip()[:HEAD_CHARS]
    return next((found for rule in DATE_RULES if (found := rule(head, url))), None)
