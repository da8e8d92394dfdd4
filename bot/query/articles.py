"""/articles and /article ID: what the base holds, and everything drawn from one article."""

from __future__ import annotations

import sqlite3

from bot.query import inputs
from bot.query.answer import Answer, Citation, Item, plural
from bot.query.figures import figure_item
from bot.query.quotes import quote_item
from bot.query.replies import refusal
from bot.query.sources import Sources
from bot.query.usage import USAGE
from bot.store import Store

MAX_LISTED = 50
MAX_ID_SUGGESTIONS = 5


def articles(store: Store) -> Answer:
    total = store.article_count()
    rows = store.conn.execute(
        "SELECT a.id,"
        " (SELECT count(*) FROM article_entities e WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM figures f WHERE f.article_id = a.id),"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"
        " FROM articles a ORDER BY a.published DESC, a.id LIMIT ?",
        (MAX_LISTED,),
    ).fetchall()
    sources = Sources(store.conn, [(row[0], None) for row in rows])
    items = [
        Item("article", f"{article_id} · {_counts(*counts)}", sources.cite(article_id))
        for article_id, *counts in rows
    ]
    if not total:
        message = "Nothing has been indexed yet."
    else:
        newest = f"; the {MAX_LISTED} newest are listed" if total > MAX_LISTED else ""
        message = f"{plural(total, 'article')} indexed{newest}. {USAGE['article']} shows one."
    return Answer("articles", "", None, items, title="Indexed articles", message=message)


def article(store: Store, article_id: str) -> Answer:
    problem = inputs.problem(article_id, USAGE["article"], inputs.MAX_NAME_CHARS)
    if problem:
        return refusal("article", article_id, problem)
    wanted = article_id.strip()
    starting = [
        row[0]
        for row in store.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (wanted, wanted + "\U0010ffff", MAX_ID_SUGGESTIONS + 1),
        )
    ]
    if wanted not in starting and len(starting) != 1:
        title = f"No article “{wanted}”"
        message = f"No article has the id “{wanted}”; /articles lists them."
        if starting:
            title = f"Which article “{wanted}”?"
            message = f"Several article ids begin with “{wanted}”."
        return Answer(
            "article",
            article_id,
            None,
            [],
            title=title,
            message=message,
            suggestions=starting[:MAX_ID_SUGGESTIONS],
        )
    return _facts(store, wanted if wanted in starting else starting[0], article_id)


def _facts(store: Store, article_id: str, query: str) -> Answer:
    conn = store.conn
    entities = conn.execute(
        "SELECT e.name, e.type, ae.name AS local, ae.mentions,"
        " (SELECT min(m.sentence_idx) FROM mentions m"
        "  WHERE m.article_id = ae.article_id AND m.entity_id = ae.entity_id) AS first"
        " FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        " WHERE ae.article_id = ? ORDER BY ae.mentions DESC, e.name",
        (article_id,),
    ).fetchall()
    figures = conn.execute(
        "SELECT * FROM figures WHERE article_id = ? ORDER BY sentence_idx, id", (article_id,)
    ).fetchall()
    quotes = conn.execute(
        "SELECT q.*, e.name AS entity_name FROM quotes q LEFT JOIN entities e"
        " ON e.id = q.entity_id WHERE q.article_id = ? ORDER BY q.sentence_idx, q.id",
        (article_id,),
    ).fetchall()
    refs = [
        *((article_id, r["first"]) for r in entities),
        *((article_id, r["sentence_idx"]) for r in figures),
        *((article_id, i) for r in quotes for i in (r["sentence_idx"], r["cite_idx"])),
    ]
    sources = Sources(conn, refs)
    items = [_entity_item(r, sources.cite(article_id, r["first"])) for r in entities]
    items += [
        figure_item(r, sources.cite(article_id, r["sentence_idx"]), group="Figures")
        for r in figures
    ]
    items += [
        quote_item(
            r,
            r["entity_name"] or r["speaker"] or "unattributed",
            sources.cite(article_id, r["sentence_idx"], r["cite_idx"]),
            named=True,
            group="Quotes",
        )
        for r in quotes
    ]
    about = sources.cite(article_id)
    header = " · ".join(
        p for p in (about.label, about.url, _counts(len(entities), len(figures), len(quotes))) if p
    )
    return Answer("article", query, None, items, title=about.title, message=header)


def _entity_item(row: sqlite3.Row, citation: Citation) -> Item:
    written = f", written “{row['local']}”" if row["local"] != row["name"] else ""
    text = f"{row['name']} ({row['type']}) · {plural(row['mentions'], 'mention')}{written}"
    return Item("entity", text, citation, group="Named in this article")


def _counts(entities: int, figures: int, quotes: int) -> str:
    return ", ".join(
        (plural(entities, "entity", "entities"), plural(figures, "figure"), plural(quotes, "quote"))
    )
