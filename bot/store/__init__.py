"""The fact base: articles, sentences and the facts drawn from them, in one SQLite file (the
default) or a PostgreSQL database (a ``postgresql://`` address).

SQL lives here and nowhere else: ``base`` runs transactions, ``sqlite`` and ``postgres``
open a base of each kind, ``dialect`` holds the statements the two say differently,
``articles`` writes and removes articles, ``names`` keeps the words of their names for
lookups, ``identity`` resolves who is who across the base, and ``reads`` answers the named
questions the query layer asks.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from bot.model import Article, Extraction
from bot.store import articles as _articles
from bot.store.articles import StoredArticle
from bot.store.base import Base, SchemaError, StoreError
from bot.store.dialect import Row
from bot.store.identity import Profiles, relink
from bot.store.identity import settle as settle_identities
from bot.store.location import Location, ServerAddress, location
from bot.store.reads import Reads
from bot.store.sqlite import SQLiteBase
from bot.store.sqlite import base_exists as _file_exists

__all__ = [
    "Location",
    "Reads",
    "Row",
    "SchemaError",
    "Store",
    "StoreError",
    "StoredArticle",
    "base_exists",
    "location",
]

# Keys of ``meta`` rows: a followed feed's state, a fetched text's article.
_FEED = "feed "
_TEXT = "fetched text "


def base_exists(where: Location) -> bool:
    """Whether there is a base to open at ``where``: a file or folder there (an
    ``OpenError`` if that cannot even be looked for), or any server address (whether it
    can be reached is found on opening)."""
    return isinstance(where, ServerAddress) or _file_exists(where)


class Store(Base):
    """A fact base: the connection, plus the article-level reads and writes.

    ``Store(where)`` opens a base in the database ``where`` names (``location``): an
    SQLite file or a PostgreSQL server's address; ``upgrade`` and ``upgrade_in_place`` as
    for ``SQLiteBase``.
    """

    def __new__(
        cls,
        where: str | Path | ServerAddress,
        upgrade: bool = False,
        upgrade_in_place: bool = False,
    ) -> Store:
        if cls is Store:
            cls = _postgres_store() if isinstance(location(where), ServerAddress) else _SQLiteStore
        return super().__new__(cls)

    def __init__(
        self,
        where: str | Path | ServerAddress,
        upgrade: bool = False,
        upgrade_in_place: bool = False,
    ) -> None:
        self._profiles = Profiles()  # before the base is set up: that may undo a transaction
        super().__init__(location(where), upgrade, upgrade_in_place)  # type: ignore[call-arg]
        self.read = Reads(self.conn, self.dialect)

    def put_article(
        self, article: Article, extraction: Extraction, content_hash: str, settle: bool = True
    ) -> None:
        """Replace everything known about ``article.id`` in one transaction; with
        ``settle``, who is who across the base is worked out again before it ends (a bulk
        run stores many articles and then calls ``settle`` once)."""
        with self.transaction() as conn:
            _articles.put_article(conn, self.dialect, article, extraction, content_hash)
            if settle:
                settle_identities(conn, self.dialect, self._profiles)

    def delete_article(self, article_id: str, settle: bool = True) -> bool:
        """Remove an article; ``settle`` as for ``put_article``."""
        with self.transaction() as conn:
            removed = _articles.delete_article(conn, self.dialect, article_id)
            if settle:
                settle_identities(conn, self.dialect, self._profiles)
            return removed

    def settle(self) -> int:
        """Work out who is who for the names that articles added or removed since the last
        time; return how many names were settled. Until then readers see the identities
        as they were (the names stay marked, so a run cut short loses nothing)."""
        with self.transaction() as conn:
            return settle_identities(conn, self.dialect, self._profiles)

    def _undone(self) -> None:
        self._profiles.clear()  # the profiles kept may describe rows that were undone

    def content_hash(self, article_id: str) -> str | None:
        return _articles.content_hash(self.conn, article_id)

    def article_count(self) -> int:
        return _articles.article_count(self.conn)

    def articles(self) -> list[StoredArticle]:
        return _articles.stored_articles(self.conn)

    def move_article(self, article_id: str, path: str) -> None:
        """The article's file, unchanged, was moved to ``path``: later runs over its old
        folder must not take it for gone."""
        with self.transaction() as conn:
            _articles.move_article(conn, article_id, path)

    def article_sources(self) -> dict[str, str | None]:
        """Every indexed article id with the file it came from."""
        return _articles.article_sources(self.conn)

    def relink(self) -> int:
        """Resolve every entity of the base afresh; return how many forms were resolved."""
        with self.transaction() as conn:
            return relink(conn, self.dialect)

    # -- followed feeds and fetched texts (kept in ``meta``) --------------------------------

    def feed_states(self) -> list[dict[str, Any]]:
        """Every followed feed's state, as ``bot.web.feeds.FeedState.to_json`` made it."""
        rows = self.conn.execute(
            "SELECT value FROM meta WHERE key >= ? AND key < ? ORDER BY key",
            (_FEED, _FEED[:-1] + chr(ord(_FEED[-1]) + 1)),
        )
        return [json.loads(row[0]) for row in rows]

    def put_feed_state(self, url: str, state: dict[str, Any]) -> None:
        self.set_meta(_FEED + url, json.dumps(state))

    def drop_feed_state(self, url: str) -> bool:
        """Stop following ``url``; False if it was not followed."""
        with self.transaction() as conn:
            return conn.execute("DELETE FROM meta WHERE key = ?", (_FEED + url,)).rowcount > 0

    def fetched_text(self, text_key: str) -> str | None:
        """The id of the fetched article whose text has this key, if one was saved."""
        return self.get_meta(_TEXT + text_key)

    def record_fetched_text(self, text_key: str, article_id: str) -> None:
        self.set_meta(_TEXT + text_key, article_id)


class _SQLiteStore(Store, SQLiteBase):
    """A fact base in an SQLite file."""


@cache
def _postgres_store() -> type[Store]:
    """The store of a PostgreSQL base, made on first use: psycopg and its pool take a fifth
    of a second to import, which no command on an SQLite file should pay."""
    from bot.store.postgres import PostgresBase

    class _PostgresStore(Store, PostgresBase):
        """A fact base in a PostgreSQL database."""

    return _PostgresStore
