"""Writing and removing articles, and reading what the indexer needs to know of them.

An article's rows are replaced inside one transaction. Each of its entities is filed under
its form (the folded key of its fullest name, and its type), whose counts go up by what the
article adds; removing the article takes exactly that back, recomputed from its stored rows,
and marks the forms it touched for the identity step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.identity import ALIAS, DECLARED, FULLEST
from bot.model import Article, Extraction
from bot.store.dialect import Connection, Dialect, Row
from bot.store.names import add_name_words, drop_name_words
from bot.textnorm import fold, name_key


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An indexed article's metadata, as listings and citations need it."""

    id: str
    title: str
    source: str | None
    published: str | None
    url: str | None
    path: str | None
    content_hash: str
    ingested_at: str


def form_key(name: str) -> str:
    """The key an entity is filed under: its name's folded, sorted words."""
    return name_key(name) or fold(name)


# A form's dirty mark raised to at least "its counts changed" (see ``bot.store.schema``).
_COUNTS_CHANGED = "dirty = CASE WHEN forms.dirty > 1 THEN forms.dirty ELSE 1 END"


def put_article(
    conn: Connection,
    dialect: Dialect,
    article: Article,
    extraction: Extraction,
    content_hash: str,
) -> None:
    """Replace everything known about ``article.id``; the caller holds a transaction."""
    delete_article(conn, dialect, article.id)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO articles(id, path, content_hash, title, source, published, url,"
        " ingested_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.path,
            content_hash,
            article.title,
            article.source,
            article.published,
            article.url,
            now,
            article.text,
        ),
    )
    dialect.insert_rows(
        conn,
        "sentences",
        ("article_id", "idx", "start", "end", "text"),
        [(article.id, s.index, s.start, s.end, s.text) for s in article.sentences],
    )
    speakers = _put_entities(conn, dialect, article.id, extraction)
    dialect.insert_rows(
        conn,
        "figures",
        (
            "article_id",
            "sentence_idx",
            "value",
            "value_high",
            "text",
            "what",
            "predicate",
            "approx",
            "unit",
            "per",
            "scope",
            "how",
        ),
        [
            (
                article.id,
                f.sentence,
                f.value,
                f.value_high,
                f.text,
                f.what,
                f.predicate,
                f.approx,
                f.unit,
                f.per,
                f.scope,
                f.how,
            )
            for f in extraction.figures
        ],
    )
    dialect.insert_rows(
        conn,
        "quotes",
        (
            "article_id",
            "sentence_idx",
            "cite_idx",
            "speaker",
            "ae_id",
            "form_id",
            "quote",
            "fragment",
            "how",
        ),
        [
            (
                article.id,
                q.sentence,
                q.cite,
                q.speaker,
                *speakers.get(q.speaker or "", (None, None)),
                q.quote,
                int(q.fragment),
                q.how,
            )
            for q in extraction.quotes
        ],
    )
    dialect.index_text(conn, article.id)


def _put_entities(
    conn: Connection, dialect: Dialect, article_id: str, extraction: Extraction
) -> dict[str, tuple[int, int]]:
    """File the article's entities under their forms; return each of their names mapped to
    (article entity id, form id), for the quotes to name their speakers. A private person
    (``Entity.private``) is filed under no form: their quotes keep the name as written and
    go to no one.

    A few statements an article rather than a few an entity: the forms' counts are raised
    together, their ids read back in one query, and the article entities get consecutive
    ids after the largest (the writer lock makes this the only writer).
    """
    entities = [
        (e, form_key(e.name)) for e in extraction.entities if form_key(e.name) and not e.private
    ]
    if not entities:
        return {}
    conn.executemany(
        "INSERT INTO forms(key, type, articles, mentions) VALUES (?, ?, 1, ?) "
        "ON CONFLICT(key, type) DO UPDATE SET articles = forms.articles + 1, "
        f"mentions = forms.mentions + excluded.mentions, {_COUNTS_CHANGED}",
        [(key, e.type, len(e.mentions)) for e, key in entities],
    )
    keys = sorted({key for _, key in entities})
    form_ids: dict[tuple[str, str], int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        rows = conn.execute(
            f"SELECT key, type, id FROM forms WHERE key IN ({','.join('?' * len(chunk))})", chunk
        )
        form_ids.update(((key, kind), form_id) for key, kind, form_id in rows)
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM article_entities").fetchone()[0]
    names: dict[str, tuple[int, int]] = {}
    rows_ae: list[tuple[int, str, int, str, str, int]] = []
    form_names: list[tuple[int, str, int]] = []
    aliases: list[tuple[int, str, int]] = []
    mentions: list[tuple[int, int, int, int]] = []
    descriptions: list[tuple[int, str]] = []
    for ae_id, (entity, key) in enumerate(entities, first):
        form_id = form_ids[key, entity.type]
        rows_ae.append((ae_id, article_id, form_id, entity.name, entity.type, len(entity.mentions)))
        others = [(a, ALIAS) for a in dict.fromkeys(entity.aliases) if a != entity.name]
        others += [(a, DECLARED) for a in dict.fromkeys(entity.equivalents) if a != entity.name]
        form_names.append((form_id, entity.name, FULLEST))
        form_names.extend((form_id, alias, kind) for alias, kind in others)
        aliases.extend((ae_id, alias, kind) for alias, kind in others)
        mentions.extend((ae_id, m.sentence, m.start, m.end) for m in entity.mentions)
        descriptions.extend((ae_id, d) for d in dict.fromkeys(entity.descriptions))
        for name in (entity.name, *entity.aliases):
            names.setdefault(name, (ae_id, form_id))
    dialect.insert_rows(
        conn,
        "article_entities",
        ("id", "article_id", "form_id", "name", "type", "mentions"),
        rows_ae,
    )
    conn.executemany(
        "INSERT INTO form_names(form_id, name, kind, uses) VALUES (?, ?, ?, 1) "
        "ON CONFLICT(form_id, name, kind) DO UPDATE SET uses = form_names.uses + 1",
        form_names,
    )
    add_name_words(conn, [(form_id, name) for form_id, name, _ in form_names])
    dialect.insert_rows(conn, "aliases", ("ae_id", "alias", "kind"), aliases)
    dialect.insert_rows(conn, "mentions", ("ae_id", "sentence_idx", "start", "end"), mentions)
    dialect.insert_rows(conn, "descriptions", ("ae_id", "text"), descriptions)
    return names


def delete_article(conn: Connection, dialect: Dialect, article_id: str) -> bool:
    """Remove an article and take its share out of the forms' counts; the caller holds a
    transaction. Returns whether there was such an article."""
    rows = conn.execute(
        "SELECT ae.id, ae.form_id, ae.name, ae.type, ae.mentions, f.key FROM article_entities ae"
        " JOIN forms f ON f.id = ae.form_id WHERE ae.article_id = ? ORDER BY ae.id",
        (article_id,),
    ).fetchall()
    if rows:
        _withdraw(conn, rows)
    dialect.unindex_text(conn, article_id)
    return bool(conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount)


def _withdraw(conn: Connection, rows: list[Row]) -> None:
    aliases: dict[int, list[tuple[str, int]]] = {r["id"]: [] for r in rows}
    marks = ",".join("?" * len(rows))
    for ae_id, alias, kind in conn.execute(
        f"SELECT ae_id, alias, kind FROM aliases WHERE ae_id IN ({marks})",
        list(aliases),
    ):
        aliases[ae_id].append((alias, kind))
    conn.executemany(
        f"UPDATE forms SET articles = articles - 1, mentions = mentions - ?, {_COUNTS_CHANGED}"
        " WHERE id = ?",
        [(r["mentions"], r["form_id"]) for r in rows],
    )
    names = [(r["form_id"], r["name"], FULLEST) for r in rows]
    names += [(r["form_id"], a, kind) for r in rows for a, kind in aliases[r["id"]]]
    conn.executemany(
        "UPDATE form_names SET uses = uses - 1 WHERE form_id = ? AND name = ? AND kind = ?",
        names,
    )
    forms = sorted({(r["form_id"],) for r in rows})
    conn.executemany("DELETE FROM form_names WHERE form_id = ? AND uses <= 0", forms)
    drop_name_words(conn, [(form_id, name) for form_id, name, _ in names])


def content_hash(conn: Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def article_count(conn: Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def stored_articles(conn: Connection) -> list[StoredArticle]:
    rows = conn.execute(
        "SELECT id, title, source, published, url, path, content_hash, ingested_at "
        "FROM articles ORDER BY coalesce(published, '') DESC, id"
    ).fetchall()
    return [StoredArticle(*row) for row in rows]


def article_sources(conn: Connection) -> dict[str, str | None]:
    """Every indexed article id with the file it came from."""
    return {row[0]: row[1] for row in conn.execute("SELECT id, path FROM articles")}


def move_article(conn: Connection, article_id: str, path: str) -> None:
    """Record that an article's file (the same bytes) is now at ``path``."""
    conn.execute("UPDATE articles SET path = ? WHERE id = ?", (path, article_id))
