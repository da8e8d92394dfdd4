"""/quote NAME [ABOUT]: what someone said, in their own quoted words, with citations.

Only words the articles put in quotation marks and attribute to the entity are shown, never
reported speech passed off as a quote; ABOUT keeps the quotes whose own words contain it in
some form (stems: "rising" finds "rises"). Fragments (a few quoted words inside a reported
sentence) are labelled as such, shown with their sentence, and listed after full quotes.
A known entity with no quotes gets that said plainly, with how often it is mentioned.
"""

from __future__ import annotations

import re
import sqlite3

from bot.query import inputs
from bot.query.answer import Answer, Citation, Item, plural
from bot.query.names import name_index
from bot.query.replies import lookup, match_note
from bot.query.sources import Sources
from bot.query.who import entity_card
from bot.store import Store, reads
from bot.textnorm import stems

MAX_ITEMS = 15
# Quotes searched for a keyword: a widely quoted entity's most recently indexed ones, so the
# cost of /quote does not grow with the base.
RECENT = 1000
# "NAME about WORDS": the longest name tried when the keyword is not marked.
_MAX_NAME_WORDS = 6
_ABOUT = re.compile(r"\s+about\s+", re.IGNORECASE)


def quote(store: Store, name: str, about: str = "") -> Answer:
    name, about = _split(store, name, about)
    query = f"{name} about {about}" if about else name
    if not inputs.topic_stems(about):
        about = ""
    found = lookup(store, "quote", name)
    if isinstance(found, Answer):
        return found
    entity = found.entity
    card = entity_card(store, entity)
    conn = store.conn
    about_shown = " ".join(about.split())
    title = f"Quotes from {entity.name}" + (f" about “{about_shown}”" if about else "")
    total = reads.quote_count(conn, entity.id)
    if not total:
        mentions = reads.mention_count(conn, entity.id)
        message = (
            f"No direct quotes from {entity.name}. {entity.name} is mentioned "
            f"{plural(mentions, 'time')} in {plural(entity.articles, 'article')}; "
            f"/who {entity.name} shows what the articles say."
        )
        return Answer("quote", query, card, [], title=title, message=message)
    if about:
        chosen, available = _about(conn, entity.id, set(inputs.topic_stems(about)))
        if not available:
            searched = f" among the {RECENT:,} most recent" if total > RECENT else ""
            message = (
                f"No quote from {entity.name} mentions “{about_shown}”{searched}; "
                f"{entity.name} has {plural(total, 'quote')} in all. /quote {entity.name} lists"
                " them."
            )
            return Answer("quote", query, card, [], title=title, message=message)
    else:
        chosen, available = _newest(conn, entity.id), total
    rows = reads.quotes_by_id(conn, chosen)
    sources = Sources(
        conn, [(r["article_id"], i) for r in rows for i in (r["sentence_idx"], r["cite_idx"])]
    )
    rows.sort(key=lambda r: (r["article_id"], r["sentence_idx"]))
    rows.sort(key=lambda r: sources.published(r["article_id"]), reverse=True)
    rows.sort(key=lambda r: r["fragment"])
    items = [
        quote_item(r, entity.name, sources.cite(r["article_id"], r["sentence_idx"], r["cite_idx"]))
        for r in rows
    ]
    notes = [note] if (note := match_note(name, found)) else []
    if len(items) < available:
        notes.append(f"Showing {len(items)} of {available} quotes, the most recently indexed.")
    return Answer("quote", query, card, items, title=title, message=" ".join(notes))


def _newest(conn: sqlite3.Connection, entity_id: int) -> list[int]:
    """Ids of the most recently indexed full quotes, then fragments if there is room."""
    chosen: list[int] = []
    for fragment in (False, True):
        chosen += reads.newest_quote_ids(conn, entity_id, fragment, MAX_ITEMS - len(chosen))
    return chosen


def _about(conn: sqlite3.Connection, entity_id: int, wanted: set[str]) -> tuple[list[int], int]:
    """Ids of the recent quotes whose words carry every wanted stem, full quotes first; and
    how many there are."""
    recent = reads.recent_quotes(conn, entity_id, RECENT)
    matching = [r for r in recent if wanted <= set(stems(r["quote"]))]
    matching.sort(key=lambda r: r["fragment"])
    return [r["id"] for r in matching[:MAX_ITEMS]], len(matching)


def quote_item(
    row: sqlite3.Row, speaker: str, citation: Citation, named: bool = False, group: str = ""
) -> Item:
    """A quote as an item; a fragment is labelled and shown with the sentence around it.

    ``named`` puts the speaker before the words, for lists mixing several speakers.
    """
    fragment = bool(row["fragment"])
    words = f"Fragment: “{row['quote']}”" if fragment else f"“{row['quote']}”"
    return Item(
        "quote",
        f"{speaker}: {words}" if named else words,
        citation,
        quote=row["quote"],
        speaker=speaker,
        fragment=fragment,
        context=citation.sentence if fragment else "",
        group=group,
    )


def _split(store: Store, name: str, about: str) -> tuple[str, str]:
    """Separate the speaker from the keyword in "NAME about WORDS" or "NAME WORDS".

    Without "about", the longest run of leading words that names a known entity is the
    name, but only when the whole text does not itself name one.
    """
    if about.strip() or len(name) > inputs.MAX_NAME_CHARS:
        return name, about
    parts = _ABOUT.split(name.strip(), maxsplit=1)
    if len(parts) == 2 and all(p.strip() for p in parts):
        return parts[0], parts[1]
    index = name_index(store)
    words = name.split()
    if len(words) < 2 or index.resolve(name).recognised:
        return name, about
    for cut in range(min(len(words) - 1, _MAX_NAME_WORDS), 0, -1):
        head = " ".join(words[:cut])
        if index.resolve(head).recognised:
            return head, " ".join(words[cut:])
    return name, about
