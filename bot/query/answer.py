"""What every command returns: an answer made of cited items, independent of how it is shown.

The query layer decides *what* to say and the renderers decide *how*: the Discord pages and
the command-line text are both drawn from the same ``Answer``, and ``to_json`` is the
machine-readable form tests and scripts check. Each item carries the citation of the
sentence it comes from, so no renderer can show a fact without its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
UNDATED = "undated"


def plural(count: int, noun: str, nouns: str = "") -> str:
    """ "1 article", "3 articles"; ``nouns`` when the plural is not noun + "s"."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an item comes from: the article (by id, with its metadata) and the sentence."""

    article: str
    title: str
    source: str | None
    published: str | None
    url: str | None
    sentence: str

    @property
    def label(self) -> str:
        """Outlet and day, as shown in brackets after the title: "Outlet, 2020-02-17"."""
        return ", ".join(part for part in (self.source, self.day) if part)

    @property
    def day(self) -> str:
        """The publication day ("2020-02-17"), the date as given when it is not ISO, or
        "undated": a reader must see that an item has no date rather than guess one."""
        day = self.published or ""
        match = _ISO_DATE.match(day)
        return match.group(0) if match else day or UNDATED

    def to_json(self) -> dict[str, Any]:
        """The article of the citation, for an item reported in several articles."""
        return {
            "article": self.article,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "url": self.url,
        }


@dataclass(slots=True)
class Item:
    """One cited result.

    ``text`` is what is shown for the item. ``context`` is the sentence shown beneath it when
    the text alone would not be understood (a figure, a quoted fragment); it is empty when
    the text already is the sentence. Consecutive items with the same ``group`` are shown
    under one heading; ``conflict`` marks a group of figures whose sources disagree.
    ``also`` cites the other articles that report the same statement or figure in the same
    words, so it is shown once however many outlets carried it.
    """

    kind: str
    text: str
    citation: Citation
    value: float | None = None
    value_high: float | None = None
    quote: str | None = None
    speaker: str | None = None
    fragment: bool = False
    context: str = ""
    group: str = ""
    conflict: bool = False
    also: list[Citation] = field(default_factory=list)
    how: str = ""  # a quote's attribution rules (``bot.model.Quote.how``)

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "article": self.citation.article,
            "title": self.citation.title,
            "source": self.citation.source,
            "published": self.citation.published,
            "url": self.citation.url,
            "sentence": self.citation.sentence,
            "also": [citation.to_json() for citation in self.also],
        }
        if self.kind == "figure":
            result["value"] = self.value
            result["value_high"] = self.value_high
            result["group"] = self.group
            result["conflict"] = self.conflict
        if self.kind == "quote":
            result["quote"] = self.quote
            result["speaker"] = self.speaker
            result["fragment"] = self.fragment
            result["how"] = self.how
        return result


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One article's figure on a timeline: its day and the values it allows."""

    day: str
    low: float
    high: float
    article: str


@dataclass(frozen=True, slots=True)
class Chart:
    """A measure's figures over time, drawn as a timeline image by ``bot.render.chart``.

    ``measure`` names what is counted ("people displaced (Syria)"); ``unit`` and ``per``
    are the figures' unit as stored ("", "%", "USD", "day"); ``points`` are in date order.
    """

    measure: str
    unit: str
    per: str
    points: tuple[ChartPoint, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "unit": self.unit,
            "per": self.per,
            "points": [
                {"day": p.day, "low": p.low, "high": p.high, "article": p.article}
                for p in self.points
            ],
        }


@dataclass(slots=True)
class Answer:
    """A command's answer: a title, an optional message, the entity it is about, the items.

    ``entity`` is ``{"name", "type", "aliases", "articles", "descriptions"}`` when the
    question named an entity that was found, else None. ``message`` says what happened when
    there is something to say (nothing found, which name was taken for a typo, why no
    results); ``suggestions`` are names the user may have meant. ``chart`` is a timeline of
    one measure's figures when the answer has one worth drawing.
    """

    command: str
    query: str
    entity: dict[str, Any] | None
    items: list[Item]
    title: str
    message: str = ""
    suggestions: list[str] = field(default_factory=list)
    chart: Chart | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "command": self.command,
            "query": self.query,
            "entity": self.entity,
            "title": self.title,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "results": [item.to_json() for item in self.items],
            "chart": self.chart.to_json() if self.chart else None,
        }
