"""The fact base: one SQLite file holding articles, sentences and the facts drawn from them.

Why SQLite through the standard library: one file to back up, transactions that make every
re-index all-or-nothing, FTS5 for sentence search, and WAL so the bot can answer while the
indexer writes. An article's rows are replaced inside one transaction, so a failure leaves
the base exactly as it was.

Entities live at two levels. Each article has its own entities (``article_entities``), and
those are linked to one base-wide entity (``entities``) by ``bot.linking``; aliases are kept
per article so that replacing an article withdraws exactly what it contributed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.linking import Linker
from bot.model import Article, Extraction

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    published TEXT,
    url TEXT,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_ingested ON articles(ingested_at);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published, id);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
-- Full-text index of sentences; its rowid is sentences.id.
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities(entity_id, name, type);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (entity_id, article_id, alias)
);
CREATE INDEX IF NOT EXISTS aliases_entity_key ON aliases(entity_id, key);
-- Which entities carry a name key, once per pair: what linking looks names up in.
CREATE TABLE IF NOT EXISTS alias_keys (
    key TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    sentence_idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS aliases_article ON aliases(article_id);
CREATE TABLE IF NOT EXISTS descriptions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS descriptions_entity ON descriptions(entity_id);
CREATE INDEX IF NOT EXISTS descriptions_article ON descriptions(article_id);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    value REAL,
    text TEXT NOT NULL,
    what TEXT NOT NULL,
    predicate TEXT NOT NULL,
    approx TEXT NOT NULL,
    unit TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS figures_article ON figures(article_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    cite_idx INTEGER,
    speaker TEXT,
    entity_id INTEGER REFERENCES entities(id),
    quote TEXT NOT NULL,
    fragment INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_entity ON quotes(entity_id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
"""


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


class SchemaError(Exception):
    """The file is not a factbot base of a version this program can read."""


class Store:
    """A connection to one fact base file, with the schema in place."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise SchemaError(f"{path} is not a factbot database ({exc})") from exc

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} was written by a newer factbot (schema {version}, "
                f"this one reads {SCHEMA_VERSION})"
            )
        if version < SCHEMA_VERSION:
            with self.transaction():
                self.conn.executescript(_SCHEMA)
                self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: commit on success, roll back on any exception.

        Nested inside another transaction it is a savepoint: its own work is undone on
        failure and the outer transaction goes on, so a batch of articles can share one
        commit while each article still stands or falls alone.
        """
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT nested")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO nested")
                self.conn.execute("RELEASE nested")
                raise
            else:
                self.conn.execute("RELEASE nested")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    # -- metadata -------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- articles -------------------------------------------------------------------------

    def content_hash(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def article_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self) -> list[StoredArticle]:
        rows = self.conn.execute(
            "SELECT id, title, source, published, url, path, content_hash, ingested_at "
            "FROM articles ORDER BY coalesce(published, '') DESC, id"
        ).fetchall()
        return [StoredArticle(*row) for row in rows]

    def put_article(self, article: Article, extraction: Extraction, content_hash: str) -> None:
        """Replace everything known about ``article.id`` in one transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as conn:
            self._delete_article(conn, article.id)
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
            conn.executemany(
                'INSERT INTO sentences(article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(article.id, s.index, s.start, s.end, s.text) for s in article.sentences],
            )
            conn.execute(
                "INSERT INTO sentences_fts(rowid, text) "
                "SELECT id, text FROM sentences WHERE article_id = ?",
                (article.id,),
            )
            entity_ids = Linker(conn).link_article(article.id, extraction.entities)
            conn.executemany(
                "INSERT INTO figures(article_id, sentence_idx, value, text, what, predicate,"
                " approx, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article.id,
                        f.sentence,
                        f.value,
                        f.text,
                        f.what,
                        f.predicate,
                        f.approx,
                        f.unit,
                    )
                    for f in extraction.figures
                ],
            )
            conn.executemany(
                "INSERT INTO quotes(article_id, sentence_idx, cite_idx, speaker, entity_id,"
                " quote, fragment) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article.id,
                        q.sentence,
                        q.cite,
                        q.speaker,
                        entity_ids.get(q.speaker) if q.speaker else None,
                        q.quote,
                        int(q.fragment),
                    )
                    for q in extraction.quotes
                ],
            )

    def delete_article(self, article_id: str) -> bool:
        with self.transaction() as conn:
            return self._delete_article(conn, article_id)

    @staticmethod
    def _delete_article(conn: sqlite3.Connection, article_id: str) -> bool:
        linker = Linker(conn)
        withdrawn = linker.withdraw(article_id)
        conn.execute(
            "DELETE FROM sentences_fts WHERE rowid IN "
            "(SELECT id FROM sentences WHERE article_id = ?)",
            (article_id,),
        )
        deleted = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        linker.settle(withdrawn)
        return bool(deleted)
