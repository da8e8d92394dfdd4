"""The statements that SQLite and PostgreSQL say differently, one class per database.

Every other statement of the store is written once, in the SQL both accept, with ``?`` (or
``:name``) for parameters; the PostgreSQL connection turns those into its own marks. What
cannot be said the same way is here: full-text search (FTS5 against tsvector), keeping the
text index in step with the rows, how a connection learns that another one wrote, and bulk
loading (``executemany`` against ``COPY``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

# The tables with a full-text index, and the column each indexes.
TEXT_INDEXED = {"sentences": "text", "quotes": "quote"}
# The tables whose ids the database counts (``INTEGER PRIMARY KEY``).
COUNTED = ("sentences", "entities", "forms", "article_entities", "figures", "quotes")


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the store asks of a connection: ``sqlite3.Connection`` as it is, and
    ``bot.store.postgres.PgConnection`` for PostgreSQL."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def commit(self) -> None: ...

    def close(self) -> None: ...


class Row(Protocol):
    """A row of an answer: its columns by name (``row["title"]``) or position."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> list[str]: ...


class Dialect:
    """SQLite's way: FTS5 tables beside the rows, and ``executemany``."""

    # ``LIMIT`` for "no limit".
    no_limit: int | None = -1

    def match(self, table: str, query: str) -> tuple[str, list[Any]]:
        """A query of (id, score) for the rows of ``table`` whose text matches an FTS5 query
        (a lower score is a better match), and its parameters."""
        return (
            f"SELECT rowid AS id, bm25({table}_fts) AS score FROM {table}_fts"
            f" WHERE {table}_fts MATCH ?",
            [query],
        )

    def index_text(self, conn: Connection, article_id: str) -> None:
        """Add the text of an article's new rows to the full-text indexes."""
        for table, column in TEXT_INDEXED.items():
            conn.execute(
                f"INSERT INTO {table}_fts(rowid, {column})"
                f" SELECT id, {column} FROM {table} WHERE article_id = ?",
                (article_id,),
            )

    def unindex_text(self, conn: Connection, article_id: str) -> None:
        """Take the text of an article's rows out of the full-text indexes (before the rows
        go: an FTS5 index that keeps no text of its own is told what to take out)."""
        for table, column in TEXT_INDEXED.items():
            conn.execute(
                f"INSERT INTO {table}_fts({table}_fts, rowid, {column})"
                f" SELECT 'delete', id, {column} FROM {table} WHERE article_id = ?",
                (article_id,),
            )

    def after_copy(self, conn: Connection) -> None:
        """Bring what the database keeps beside the rows up to date after rows were copied
        in with their ids (``bot.store.copy``): the full-text indexes."""
        for table in TEXT_INDEXED:
            conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")

    def data_version(self, conn: Connection) -> int:
        """A number that changes when another connection commits a write."""
        return conn.execute("PRAGMA data_version").fetchone()[0]

    def base_version(self, conn: Connection) -> tuple[int, int]:
        """A value that changes whenever the base does, by this connection's writes too."""
        return self.data_version(conn), conn.total_changes  # type: ignore[attr-defined]

    def insert_rows(
        self, conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert many rows at once."""
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table}({names}) VALUES ({marks})", rows)


# An FTS5 query as ``bot.query.inputs.fts_query`` makes it: quoted terms, AND, OR, brackets.
_FTS_TOKEN = re.compile(r'\s*(?:"((?:[^"]|"")*)"|(AND|OR)\b|([()]))')
_TSQUERY_OPERATORS = {"AND": " && ", "OR": " || "}


class PostgresDialect(Dialect):
    """PostgreSQL's way: a generated tsvector column on each indexed table (so there is no
    index to keep in step), a shared counter of commits, and ``COPY`` for rows in bulk."""

    no_limit = None

    def match(self, table: str, query: str) -> tuple[str, list[Any]]:
        expression, terms = _tsquery(query)
        return (
            f"SELECT id, -ts_rank(tsv, q) AS score FROM {table}, ({expression}) AS m(q)"
            " WHERE tsv @@ q",
            terms,
        )

    def index_text(self, conn: Connection, article_id: str) -> None:
        """Nothing to do: the tsvector columns are computed from the rows."""

    def unindex_text(self, conn: Connection, article_id: str) -> None:
        """Nothing to do: the tsvector columns go with their rows."""

    def after_copy(self, conn: Connection) -> None:
        """The tables count on from the largest id copied in."""
        for table in COUNTED:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" coalesce(max(id), 0) + 1, false) FROM {table}"
            )

    def data_version(self, conn: Connection) -> int:
        """Every commit advances the base's version counter: the commits of others are its
        value less those of this connection."""
        return self.base_version(conn)[0] - conn.own_commits  # type: ignore[attr-defined]

    def base_version(self, conn: Connection) -> tuple[int, int]:
        return conn.execute("SELECT last_value FROM base_version").fetchone()[0], 0

    def insert_rows(
        self, conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        conn.copy_rows(table, columns, rows)  # type: ignore[attr-defined]


def _tsquery(query: str) -> tuple[str, list[str]]:
    """A PostgreSQL expression for an FTS5 query of quoted terms joined by AND and OR (with
    brackets), and its parameters: each term a phrase of the ``factbot`` text search
    configuration, which folds accents and stems as the FTS5 tokenizer does."""
    parts: list[str] = []
    terms: list[str] = []
    query = query.strip()
    position = 0
    while position < len(query):
        token = _FTS_TOKEN.match(query, position)
        if token is None:
            raise ValueError(f"not a query of quoted terms: {query!r}")
        quoted, operator, bracket = token.groups()
        if quoted is not None:
            terms.append(quoted.replace('""', '"'))
            parts.append("phraseto_tsquery('factbot', ?)")
        else:
            parts.append(_TSQUERY_OPERATORS[operator] if operator else bracket)
        position = token.end()
    return "SELECT " + "".join(parts), terms


SQLITE = Dialect()
POSTGRES = PostgresDialect()
