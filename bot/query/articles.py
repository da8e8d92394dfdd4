"""/articles and /article ID: what the base holds, and everything drawn from one article."""

from __future__ import annotations

from bot.query import catalog, inputs
from bot.query.answer import Answer, Citation, Item, plural
from bot.query.figures import figure_item
from bot.query.quotes import quote_item, speaker_words
from bot.query.replies import refusal
from bot.query.sources import Sources
from bot.store import Row, Store

MAX_LISTED = 50
MAX_ID_SUGGESTIONS = 5
# At most this many entities, figures and quotes of one article are shown: an article of
# thousands of quotes would otherwise print each with its sentence (tens of megabytes).
MAX_PER_KIND = 100


def articles(store: Store) -> Answer:
    total = store.article_count()
    rows = store.read.article_listing(MAX_LISTED)
    sources = Sources(store.read, [(row["id"], None) for row in rows])
    items = [
        Item(
            "article",
            f"{row['id']} · {_counts(row['entities'], row['figures'], row['quotes'])}",
            sources.cite(row["id"]),
        )
        for row in rows
    ]
    if not total:
        message = "Nothing has been indexed yet."
    else:
        newest = f"; the {MAX_LISTED} newest are listed" if total > MAX_LISTED else ""
        message = (
            f"{plural(total, 'article')} indexed{newest}. {catalog.usage('article')} shows one."
        )
    return Answer("articles", "", None, items, title="Indexed articles", message=message)


def article(store: Store, article_id: str) -> Answer:
    problem = inputs.problem(article_id, catalog.usage("article"), inputs.MAX_NAME_CHARS)
    if problem:
        return refusal("article", article_id, problem)
    wanted = article_id.strip()
    starting = store.read.article_ids_from(wanted, MAX_ID_SUGGESTIONS + 1)
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
    read = store.read
    found = (
        read.entities_of_article(article_id),
        read.figures_of_article(article_id),
        read.quotes_of_article(article_id),
    )
    entities, figures, quotes = (rows[:MAX_PER_KIND] for rows in found)
    refs = [
        (article_id, None),  # the article itself, even when it gave no facts
        *((article_id, r["first"]) for r in entities),
        *((article_id, r["sentence_idx"]) for r in figures),
        *((article_id, i) for r in quotes for i in (r["sentence_idx"], r["cite_idx"])),
    ]
    sources = Sources(read, refs)
    items = [_entity_item(r, sources.cite(article_id, r["first"])) for r in entities]
    items += [
        figure_item(r, sources.cite(article_id, r["sentence_idx"]), group="Figures")
        for r in figures
    ]
    for row in quotes:
        citation = sources.cite(article_id, row["sentence_idx"], row["cite_idx"])
        speaker = speaker_words(row["entity_name"], row["speaker"], citation.sentence)
        items.append(quote_item(row, speaker, citation, named=True, group="Quotes"))
    about = sources.cite(article_id)
    counts = _counts(*(len(rows) for rows in found))
    if any(len(rows) > MAX_PER_KIND for rows in found):
        counts += f" (the first {MAX_PER_KIND} of each shown)"
    header = " · ".join(p for p in (about.label, about.url, counts) if p)
    return Answer("article", query, None, items, title=about.title, message=header)


def _entity_item(row: Row, citation: Citation) -> Item:
    written = f", written “{row['local']}”" if row["local"] != row["name"] else ""
    text = f"{row['name']} ({row['type']}) · {plural(row['mentions'], 'mention')}{written}"
    return Item("entity", text, citation, group="Named in this article")


def _counts(entities: int, figures: int, quotes: int) -> str:
    return ", ".join(
        (plural(entities, "entity", "entities"), plural(figures, "figure"), plural(quotes, "quote"))
    )
