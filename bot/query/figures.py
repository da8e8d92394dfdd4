"""/figures TOPIC: the numbers reported about a topic, newest first, disagreements side by side.

A figure belongs to the topic when its sentence contains the topic's words in any form
(FTS5's porter stemming: displaced, displacement, displacing); figures whose counted thing
or predicate itself carries the words come before those that merely share a sentence. The
``MAX_SCANNED`` most recently indexed matching sentences are looked at, which is all of them
unless the topic is everywhere, so the cost does not grow with the base.

Figures are grouped by what they measure (the stems of the counted thing and its predicate,
with the usual nouns for people taken as one, and the unit), so when one article reports
"some three million people" and another "about 4 million civilians" in the same role they
appear together, and the group is marked when their values differ: the reader sees that
sources disagree instead of being shown one number as the truth.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import lru_cache

from bot.query import inputs
from bot.query.answer import Answer, Citation, Item, plural
from bot.query.replies import refusal
from bot.query.sources import Sources
from bot.query.usage import USAGE
from bot.store import Store, reads
from bot.textnorm import fold, stems

MAX_ITEMS = 40
# Matching sentences looked at, most recently indexed first, before grouping.
MAX_SCANNED = 400

_PEOPLE = frozenset(stems("people persons civilians residents inhabitants individuals"))
_PEOPLE_STEM = stems("people")[0]
_PERCENT = {"%", "percent", "per cent"}
_CURRENCY_SIGNS = {"$", "€", "£"}


def figures(store: Store, topic: str) -> Answer:
    problem = inputs.problem(topic, USAGE["figures"])
    topic_terms = inputs.topic_terms(topic)
    if not problem and not topic_terms:
        problem = f"“{' '.join(topic.split())}” is too common to look up; name a topic."
    if problem:
        return refusal("figures", topic, problem)
    rows = reads.figures_in_matching(store.conn, inputs.fts_query(topic_terms), MAX_SCANNED)
    typed = " ".join(topic.split())
    title = f"Figures on “{typed}”"
    if not rows:
        message = f"No figures found about “{typed}”. /search {typed} finds any sentence on it."
        return Answer("figures", topic, None, [], title=title, message=message)
    wanted = set(inputs.topic_stems(topic))
    groups: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        groups[_measure(row)].append(row)
    ordered = []
    for members in groups.values():
        members.sort(key=lambda r: (r["article_id"], r["sentence_idx"]))
        members.sort(key=lambda r: r["published"] or "", reverse=True)
        direct = any(wanted <= _counted(r["what"], r["predicate"]) for r in members)
        ordered.append((not direct, members))
    ordered.sort(key=lambda g: g[1][0]["published"] or "", reverse=True)
    ordered.sort(key=lambda g: g[0])

    shown: list[tuple[sqlite3.Row, str, bool]] = []
    disagreements = 0
    for _, members in ordered:
        if len(shown) == MAX_ITEMS:
            break
        conflict = _disagree(members)
        disagreements += conflict
        label = _label(members[0])
        shown.extend((r, label, conflict) for r in members[: MAX_ITEMS - len(shown)])
    sources = Sources(store.conn, ((r["article_id"], r["sentence_idx"]) for r, _, _ in shown))
    items = [
        figure_item(r, sources.cite(r["article_id"], r["sentence_idx"]), label, conflict)
        for r, label, conflict in shown
    ]
    notes = []
    if disagreements:
        notes.append(
            f"Sources give different numbers for {plural(disagreements, 'measure')},"
            " shown side by side."
        )
    if len(items) < len(rows):
        more = "+" if len(rows) == MAX_SCANNED else ""
        notes.append(f"Showing {len(items)} of {len(rows)}{more} figures found.")
    return Answer("figures", topic, None, items, title=title, message=" ".join(notes))


def figure_item(
    row: sqlite3.Row, citation: Citation, group: str = "", conflict: bool = False
) -> Item:
    """A figure as an item: the amount and what it counts, with its sentence as context."""
    return Item(
        "figure",
        _figure_text(row),
        citation,
        value=row["value"],
        context=citation.sentence,
        group=group,
        conflict=conflict,
    )


def _figure_text(row: sqlite3.Row) -> str:
    counted = _counted_words(row)
    if row["value"] is None:
        said = row["text"]
        return said if _within(counted, said) else f"{said} — {counted}"
    amount = _amount(row["value"], row["unit"])
    return " ".join(p for p in (row["approx"], amount, counted) if p)


def _counted_words(row: sqlite3.Row) -> str:
    """What a figure counts and its predicate, "people displaced", each word said once."""
    what, predicate = row["what"], row["predicate"]
    return what if _within(predicate, what) else " ".join(p for p in (what, predicate) if p)


def _within(words: str, text: str) -> bool:
    return set(fold(words).split()) <= set(fold(text).split())


def _amount(value: float, unit: str) -> str:
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit in _PERCENT:
        return f"{number}%"
    if unit in _CURRENCY_SIGNS:
        return f"{unit}{number}"
    return f"{number} {unit}".strip()


def _measure(row: sqlite3.Row) -> str:
    """What a figure measures; a figure that says nothing of what it counts is its own."""
    key = _measure_key(row["what"], row["predicate"], row["unit"])
    return key or f"{row['article_id']}|{row['sentence_idx']}|{row['text']}"


def _measure_key(what: str, predicate: str, unit: str) -> str:
    counted = sorted({_PEOPLE_STEM if s in _PEOPLE else s for s in _counted(what, predicate)})
    if not counted:
        return ""
    return f"{' '.join(counted)}|{'%' if unit in _PERCENT else fold(unit)}"


@lru_cache(maxsize=8192)
def _counted(what: str, predicate: str) -> frozenset[str]:
    """The stems of what a figure counts and of its predicate, in any order."""
    return frozenset(stems(f"{what} {predicate}"))


def _label(row: sqlite3.Row) -> str:
    return _counted_words(row) or row["text"]


def _disagree(members: list[sqlite3.Row]) -> bool:
    """Several articles give different values for the same measure."""
    articles = {r["article_id"] for r in members}
    values = {r["value"] for r in members if r["value"] is not None}
    return len(articles) > 1 and len(values) > 1
