"""What every fact base does whichever database holds it: transactions, settings, faults.

Every write goes through ``transaction``: all-or-nothing, with savepoints inside it so a
batch of articles can share one commit while each article stands or falls alone. The
database-specific parts (how a transaction begins, which errors are faults of the base, how
a whole run of writes is guarded) are left to ``bot.store.sqlite`` and
``bot.store.postgres``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, NoReturn

from bot.store.dialect import Connection, Dialect
from bot.store.location import Location
from bot.store.schema import UPGRADABLE

# How long a writer waits for another to finish a transaction before giving up.
BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """A problem with the fact base, worded for the user."""


class SchemaError(StoreError):
    """The base is not a factbot base of a version this program can read."""


def older_schema(name: str, version: int) -> SchemaError:
    """The refusal of a base of an older schema ``version``, saying what to run: a write
    command brings schema ``UPGRADABLE`` up to date keeping its rows; an older one is
    rebuilt from the article files."""
    if version == UPGRADABLE:
        return SchemaError(
            f"{name} was written by an older factbot (schema {version}); run 'factbot relink'"
            " or 'factbot index' to bring it up to date (its articles are kept)"
        )
    return SchemaError(
        f"{name} was written by an older factbot (schema {version}); "
        "run 'factbot index' to rebuild it from the article files"
    )


class BusyError(StoreError):
    """Another program held the base locked for longer than this one waits."""


class ReadOnlyError(StoreError):
    """The base, or the folder it is in, cannot be written."""


class FullError(StoreError):
    """The disk holding the base is full."""


class DamagedError(StoreError):
    """The base is damaged, or is not a database at all."""


class OpenError(StoreError):
    """The base cannot be opened: a folder, no permission, an input/output error, a server
    that cannot be reached."""


class Base:
    """A connection to one fact base, with the schema in place (set up by a subclass).

    ``where`` is the base, to open it again; ``name`` is how messages call it (a file's
    path; a server address with its password masked). ``read_only``: questions work, and
    any write raises ``ReadOnlyError``.
    """

    conn: Connection
    dialect: Dialect
    where: Location
    name: str
    read_only: bool = False
    _depth: int = 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what each database does its own way ------------------------------------------------

    def _refuse_writes(self) -> None:
        """Raise the ``StoreError`` that says why this base cannot be written, if it cannot."""

    def _is_fault(self, exc: BaseException) -> bool:
        """Whether ``exc`` is a fault of the base (full, locked, damaged) rather than of one
        write."""
        return False

    def _fault(self, exc: BaseException) -> StoreError:
        """The user's words for a fault of the base."""
        return StoreError(f"{self.name}: {exc}")

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    @contextmanager
    def writing(self, on_busy: Callable[[], None] | None = None) -> Iterator[None]:
        """Guard a whole run of writes (an indexing run); ``on_busy`` is called once if it
        has to wait for another run, to say so."""
        self._refuse_writes()
        yield

    # -- transactions ---------------------------------------------------------------------

    def _reraise(self, exc: BaseException) -> NoReturn:
        """Raise what a failed write raised: a fault of the base as a ``StoreError``,
        anything else as it is."""
        if self._is_fault(exc):
            raise self._fault(exc) from exc
        raise exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """All-or-nothing: commit on success, roll back on any exception.

        Nested inside another transaction it is a savepoint: its own work is undone on
        failure and the outer transaction goes on, so a batch of articles can share one
        commit while each article still stands or falls alone. A fault of the base (disk
        full, read-only, locked, damaged) is raised as a ``StoreError``.
        """
        self._refuse_writes()
        if self._depth:
            yield from self._savepoint()
            return
        try:
            self._begin()
        except Exception as exc:
            if self.conn.in_transaction:
                self._quietly("ROLLBACK")
            self._reraise(exc)
        self._depth = 1
        try:
            yield self.conn
            self.conn.commit()
        except BaseException as exc:
            self._depth = 0
            self._undone()
            if self.conn.in_transaction:
                self._quietly("ROLLBACK")
            self._reraise(exc)
        self._depth = 0

    def _savepoint(self) -> Iterator[Connection]:
        """A savepoint inside the open transaction. SQLite rolls back the whole transaction,
        savepoints included, on some faults (a full disk): then there is no savepoint to
        return to, and the outer transaction's work is gone too, so the error goes up as
        it is rather than as "no such savepoint", and nothing more is written into a
        transaction that no longer exists."""
        if not self.conn.in_transaction:
            raise StoreError(f"{self.name}: the transaction was undone by an earlier error")
        name = f"level{self._depth}"  # unique per depth: never shadows an outer savepoint
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth -= 1
            self._undone()
            if self.conn.in_transaction:
                self._quietly(f"ROLLBACK TO {name}")
                self._quietly(f"RELEASE {name}")
            elif not self._is_fault(exc):
                undone = f"{self.name}: the database undid the transaction ({exc})"
                raise StoreError(undone) from exc
            self._reraise(exc)
        self._depth -= 1
        self.conn.execute(f"RELEASE {name}")

    def _quietly(self, statement: str) -> None:
        """Undo after a failure; an undo that fails too changes nothing of what is raised."""
        with suppress(Exception):
            self.conn.execute(statement)

    def _undone(self) -> None:
        """Called when a transaction or savepoint is undone: what is kept in memory about
        the base's rows (by a subclass) may no longer be true."""

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

    def swap_meta(self, key: str, expected: str | None, value: str) -> bool:
        """Set ``key`` to ``value`` only if it still holds ``expected`` (None: no value yet),
        and say whether it did: a compare-and-set, for what only one of several processes
        sharing the base may do (post the digest). The condition is in the write itself,
        so of two processes swapping from the same value, the second finds it changed:
        SQLite runs one write transaction at a time, and PostgreSQL makes the second
        write wait for the first to commit, then tests the row it left."""
        with self.transaction() as conn:
            if expected is None:
                sql = "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING"
                return conn.execute(sql, (key, value)).rowcount == 1
            sql = "UPDATE meta SET value = ? WHERE key = ? AND value = ?"
            return conn.execute(sql, (value, key, expected)).rowcount == 1
