"""The connection to one fact base file: opening, the schema, transactions, settings.

Why SQLite through the standard library: one file to back up, transactions that make every
re-index all-or-nothing, FTS5 for sentence search, and WAL so the bot can answer while the
indexer writes. Every write goes through ``transaction``: the outermost one runs the
identity step over whatever its writes touched before it commits, so a reader never sees an
article whose entities are not yet resolved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from bot.store.identity import Profiles, settle
from bot.store.schema import RETIRED, SCHEMA_VERSION, STATEMENTS, TABLES

# How long a writer waits for another to finish a transaction before giving up.
BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """A problem with the fact base file, worded for the user."""


class SchemaError(StoreError):
    """The file is not a factbot base of a version this program can read."""


class Store:
    """A connection to one fact base file, with the schema in place.

    ``upgrade``: a base written by an older factbot is emptied and rebuilt with the current
    schema (its articles are indexed again from their files); without it, such a base is
    refused with a message saying how to rebuild it.
    """

    def __init__(self, path: str | Path, upgrade: bool = False) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            if self.path.is_dir():
                raise StoreError(f"{path} is a folder, not a fact base file")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self._depth = 0
        self._profiles = Profiles()
        try:
            self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate(upgrade)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise SchemaError(f"{path} is not a factbot database ({exc})") from exc
        except StoreError:
            self.conn.close()
            raise

    def _migrate(self, upgrade: bool) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} was written by a newer factbot (schema {version}, "
                f"this one reads {SCHEMA_VERSION})"
            )
        if version and not upgrade:
            raise SchemaError(
                f"{self.path} was written by an older factbot (schema {version}); "
                "run 'factbot index' to rebuild it from the article files"
            )
        with self.transaction():
            for table in (*RETIRED, *TABLES):
                self.conn.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in STATEMENTS:
                self.conn.execute(statement)
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
        if self._depth:
            name = f"level{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                self._profiles.clear()
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            self._depth -= 1
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
            settle(self.conn, self._profiles)
        except BaseException:
            self._depth = 0
            self._profiles.clear()
            if self.conn.in_transaction:
                self.conn.rollback()
            raise
        self._depth = 0
        self.conn.commit()

    @contextmanager
    def writing(self, on_busy: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the base's writer lock for a whole run of writes (an indexing run).

        Transactions alone would let two indexing runs interleave their batches; the lock
        (a file beside the base) makes a second run wait for the first. ``on_busy`` is
        called once if it has to wait, to say so.
        """
        if str(self.path) == ":memory:":
            yield
            return
        lock = FileLock(f"{self.path}.lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if on_busy:
                on_busy()
            lock.acquire()
        try:
            yield
        finally:
            lock.release()

    # -- settings -------------------------------------------------------------------------

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
