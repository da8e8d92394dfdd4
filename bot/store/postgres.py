"""A fact base in a PostgreSQL database: connecting through a pool, faults, the schema, locks.

Why PostgreSQL besides SQLite: a base that several machines or processes write and read at
once, on a server that is backed up and looked after on its own. The store's SQL is shared
with SQLite (``?`` marks turned into psycopg's here); what differs is in
``bot.store.dialect``. Several processes may index into one base at once: their write
transactions, identity settling among them, take turns under one advisory lock (as
SQLite's writers do under its file lock), while extraction, the bulk of the work, runs in
each process at the same time.
"""

from __future__ import annotations

import functools
import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from bot.store import base
from bot.store.base import (
    Base,
    BusyError,
    DamagedError,
    FullError,
    OpenError,
    ReadOnlyError,
    SchemaError,
    StoreError,
    older_schema,
)
from bot.store.dialect import POSTGRES
from bot.store.location import ServerAddress
from bot.store.names import fill_name_words
from bot.store.schema import (
    POSTGRES_OBJECTS,
    POSTGRES_STATEMENTS,
    POSTGRES_TABLES,
    POSTGRES_UPGRADE,
    RETIRED,
    SCHEMA_KEY,
    SCHEMA_VERSION,
    UPGRADABLE,
)

try:
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError:  # the optional "postgres" extra is not installed
    psycopg = None  # type: ignore[assignment]

# The advisory lock every write transaction holds ("fact" in ASCII): one writer at a time.
WRITER_LOCK = 0x66616374
CONNECT_TIMEOUT_S = 10
# Connections a process keeps to one base at most (the bot: its reader threads and writer).
MAX_CONNECTIONS = 8
# The "class" (first two characters) of PostgreSQL's error codes that are faults of the
# base, and how each is told. ``{name}`` is the masked address, ``{error}`` the server's words.
_FAULTS: dict[str, tuple[type[StoreError], str]] = {
    "08": (OpenError, "lost the connection to {name} ({error})"),
    "57": (OpenError, "the server of {name} stopped or refused the work ({error})"),
    "53": (FullError, "the server of {name} has no room left ({error}); what was stored is kept"),
    "25": (ReadOnlyError, "{name} cannot be written ({error})"),
    "42501": (ReadOnlyError, "{name}: permission denied ({error})"),
    "55P03": (
        BusyError,
        "{name} is locked by another program (waited {wait} s); try again when it is done",
    ),
    "XX": (DamagedError, "{name} is damaged ({error})"),
}


def _words(exc: BaseException) -> str:
    """The first line of the server's (or libpq's) message: one line for the user."""
    lines = str(exc).strip().splitlines()
    return " ".join(lines[0].split()) if lines else type(exc).__name__


def _fault_of(exc: Exception, name: str) -> StoreError | None:
    """The ``StoreError`` for a psycopg error that is a fault of the base, else None."""
    code = getattr(exc, "sqlstate", None) or ""
    if not code and isinstance(exc, psycopg.OperationalError):
        code = "08"  # no code: the connection itself failed
    kind_template = _FAULTS.get(code) or _FAULTS.get(code[:2])
    if kind_template is None:
        return None
    kind, template = kind_template
    wait = f"{base.BUSY_TIMEOUT_MS / 1000:g}"
    return kind(template.format(name=name, error=_words(exc), wait=wait))


@functools.lru_cache(maxsize=1024)
def _marks(sql: str) -> str:
    """The store's SQL (``?`` and ``:name`` marks) in psycopg's (``%s``, ``%(name)s``)."""
    sql = re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", r"%(\1)s", sql.replace("%", "%%"))
    return sql.replace("?", "%s")


class PgRow(tuple):  # type: ignore[type-arg]
    """A row read by position or by column name, as ``sqlite3.Row`` is."""

    _index: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@functools.lru_cache(maxsize=256)
def _row_class(names: tuple[str, ...]) -> type[PgRow]:
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        index.setdefault(name, position)  # the first of two columns of one name, as SQLite
    return type("Row", (PgRow,), {"_index": index})


def _row_factory(cursor: Any) -> Any:
    return _row_class(tuple(column.name for column in cursor.description or ()))


class PgConnection:
    """A psycopg connection taking the store's shared SQL, and raising the faults of the
    base (a lost server, a full disk, a lock waited on too long) as ``StoreError``."""

    def __init__(self, raw: Any, name: str) -> None:
        self.raw = raw
        self.name = name
        self.own_commits = 0  # commits of this connection (``PostgresDialect.data_version``)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def _run(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except psycopg.Error as exc:
            fault = _fault_of(exc, self.name)
            if fault is None:
                raise
            raise fault from exc

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self._run(self.raw.execute, _marks(sql), parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        cursor = self.raw.cursor()
        self._run(cursor.executemany, _marks(sql), list(parameters))
        return cursor

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Add rows with ``COPY``, PostgreSQL's bulk load."""
        if not rows:
            return
        names = ", ".join(f'"{c}"' for c in columns)

        def copy() -> None:
            with (
                self.raw.cursor() as cursor,
                cursor.copy(f"COPY {table} ({names}) FROM STDIN") as loading,
            ):
                for row in rows:
                    loading.write_row(row)

        self._run(copy)

    def commit(self) -> None:
        self.execute("COMMIT")
        self.own_commits += 1
        self.execute("SELECT nextval('base_version')")

    def close(self) -> None:
        """Nothing: the connection goes back to its pool (``PostgresBase.close``)."""


class _Pools:
    """One connection pool per base a process uses, kept while a store of it is open."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pools: dict[str, tuple[Any, int]] = {}

    def borrow(self, address: ServerAddress) -> Any:
        with self._lock:
            pool, users = self._pools.get(address.url, (None, 0))
            if pool is None:
                _reach(address)  # a server that cannot be reached says why, at once
                pool = ConnectionPool(
                    address.url,
                    min_size=0,
                    max_size=MAX_CONNECTIONS,
                    kwargs={"autocommit": True, "row_factory": _row_factory},
                    configure=_configure,
                    open=True,
                )
            self._pools[address.url] = (pool, users + 1)
        try:
            return pool.getconn(timeout=base.BUSY_TIMEOUT_MS / 1000)
        except PoolTimeout as exc:
            self.give_back(address, None)
            raise BusyError(
                f"{address}: every connection of this process is in use; try again"
            ) from exc
        except psycopg.Error as exc:
            self.give_back(address, None)
            raise _fault_of(exc, str(address)) or OpenError(f"cannot open {address}") from exc

    def give_back(self, address: ServerAddress, raw: Any) -> None:
        with self._lock:
            pool, users = self._pools[address.url]
            if raw is not None:
                pool.putconn(raw)
            if users > 1:
                self._pools[address.url] = (pool, users - 1)
                return
            del self._pools[address.url]
        pool.close()


_POOLS = _Pools()


def _reach(address: ServerAddress) -> None:
    """Connect once, to say in one line why a base cannot be opened (the pool would only
    keep retrying in the background)."""
    try:
        psycopg.connect(address.url, connect_timeout=CONNECT_TIMEOUT_S).close()
    except psycopg.Error as exc:
        raise OpenError(f"cannot open {address} ({_words(exc)})") from exc


def _configure(raw: Any) -> None:
    raw.execute(f"SET lock_timeout = {int(base.BUSY_TIMEOUT_MS)}")


class PostgresBase(Base):
    """A connection (from the process's pool) to a fact base in a PostgreSQL database,
    with the schema in place; ``upgrade`` and ``upgrade_in_place`` as for
    ``bot.store.sqlite.SQLiteBase``."""

    def __init__(
        self, address: ServerAddress, upgrade: bool = False, upgrade_in_place: bool = False
    ) -> None:
        if psycopg is None:
            raise OpenError(
                f"cannot open {address}: PostgreSQL support is not installed "
                "(pip install 'factbot[postgres]')"
            )
        self.where = address
        self.name = str(address)
        self.dialect = POSTGRES
        raw = _POOLS.borrow(address)
        self.conn = PgConnection(raw, self.name)
        self._give_back = weakref.finalize(self, _POOLS.give_back, address, raw)
        try:
            self._migrate(upgrade, upgrade_in_place)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self._give_back()

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))

    def _schema(self) -> tuple[set[str], int]:
        """The tables of the database, and the schema version of the base they make (0 if
        none)."""
        tables = {
            row[0]
            for row in self.conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
        if "meta" not in tables:
            return tables, 0
        found = self.conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_KEY,)).fetchone()
        return tables, int(found[0]) if found and found[0].isdigit() else 0

    def _current(self, tables: set[str], version: int, upgrade: bool, in_place: bool) -> bool:
        """Whether the base is of this schema; else raise why it cannot be used, unless
        it is to be created (an empty database) or brought up to date (``upgrade``)."""
        if version == SCHEMA_VERSION:
            missing = [t for t in POSTGRES_TABLES if t not in tables]
            if missing:
                raise DamagedError(f"{self.name} is damaged (its table {missing[0]} is missing)")
            return True
        if tables and not version:
            raise SchemaError(f"{self.name} is the database of another program, not a fact base")
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.name} was written by a newer factbot (schema {version}, "
                f"this one reads {SCHEMA_VERSION})"
            )
        if version and not upgrade and not (in_place and version == UPGRADABLE):
            raise older_schema(self.name, version)
        return False

    def _upgrade(self) -> None:
        """Bring a base of schema ``UPGRADABLE`` up to date inside the open transaction,
        keeping its rows: the name words are made from the names its forms already have."""
        for statement in POSTGRES_UPGRADE:
            self.conn.execute(statement)
        fill_name_words(self.conn, self.dialect)
        self.conn.execute(
            "UPDATE meta SET value = ? WHERE key = ?", (str(SCHEMA_VERSION), SCHEMA_KEY)
        )

    def _migrate(self, upgrade: bool, in_place: bool) -> None:
        """Check the schema of a base; create it in an empty database, or bring an older one
        up to date with ``upgrade`` (in place from schema ``UPGRADABLE``, else rebuilt;
        ``in_place``: only the former),
        under the writer lock (two processes opening a new base at once create it once),
        checking again once the lock is held."""
        if self._current(*self._schema(), upgrade, in_place):
            return
        with self.transaction() as conn:
            tables, version = self._schema()
            if self._current(tables, version, upgrade, in_place):
                return
            if version == UPGRADABLE:
                self._upgrade()
                return
            for table in (*RETIRED, *POSTGRES_TABLES):
                conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
            for thing in POSTGRES_OBJECTS:
                conn.execute(f"DROP {thing}")
            for statement in POSTGRES_STATEMENTS:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?)", (SCHEMA_KEY, str(SCHEMA_VERSION))
            )
