"""A fact base in one SQLite file: opening it, its faults, the schema, the writer lock.

Why SQLite through the standard library: one file to back up, transactions that make every
re-index all-or-nothing, FTS5 for sentence search, and WAL so the bot can answer while the
indexer writes. It is the default; ``bot.store.postgres`` is the other backend.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

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
from bot.store.dialect import SQLITE
from bot.store.names import fill_name_words
from bot.store.schema import (
    FTS_TABLES,
    RETIRED,
    SCHEMA_VERSION,
    SQLITE_STATEMENTS,
    SQLITE_UPGRADE,
    TABLES,
    UPGRADABLE,
)

# The page cache of a connection, in KiB (a memory ceiling, not an allocation).
CACHE_KIB = 131_072


# SQLite's primary result codes that are faults of the base rather than of one write, and
# how each is told to the user. ``{path}`` is the base, ``{error}`` SQLite's own words.
_FAULTS: dict[int, tuple[type[StoreError], str]] = {
    sqlite3.SQLITE_BUSY: (
        BusyError,
        "{path} is locked by another program (waited {wait} s); try again when it is done",
    ),
    sqlite3.SQLITE_LOCKED: (
        BusyError,
        "{path} is locked by another program (waited {wait} s); try again when it is done",
    ),
    sqlite3.SQLITE_READONLY: (
        ReadOnlyError,
        "{path} is read-only: the file or its folder cannot be written",
    ),
    sqlite3.SQLITE_FULL: (
        FullError,
        "the disk holding {path} is full: free some space and run again "
        "(what was indexed before is kept)",
    ),
    sqlite3.SQLITE_CORRUPT: (
        DamagedError,
        "{path} is damaged ({error}): move it away and run 'factbot index' to rebuild it "
        "from the article files",
    ),
    sqlite3.SQLITE_NOTADB: (DamagedError, "{path} is not a factbot database ({error})"),
    sqlite3.SQLITE_CANTOPEN: (OpenError, "cannot open {path} ({error})"),
    sqlite3.SQLITE_IOERR: (OpenError, "cannot read or write {path} ({error})"),
    sqlite3.SQLITE_PERM: (OpenError, "cannot open {path} ({error})"),
    sqlite3.SQLITE_NOMEM: (OpenError, "out of memory while using {path}"),
}
_READ_ONLY = _FAULTS[sqlite3.SQLITE_READONLY]
_DAMAGED = _FAULTS[sqlite3.SQLITE_CORRUPT][1]
_NO_FILES: tuple[type[StoreError], str] = (
    FullError,
    "the disk holding {path} can hold no more files (no free inodes): free some and run "
    "again (what was indexed before is kept)",
)


def _primary(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if code is not None else None


def _is_fault(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) and _primary(exc) in _FAULTS


def fault(exc: sqlite3.Error, path: str | Path) -> StoreError:
    """The user's words for an SQLite error on the base at ``path``. An error that is no
    fault of the file (a missing table, say) means the base is not as this factbot wrote
    it: it is reported as damaged."""
    kind, template = _FAULTS.get(_primary(exc) or -1, (DamagedError, "{path} is damaged ({error})"))
    folder = Path(path).parent
    if kind in (OpenError, ReadOnlyError) and _out_of_files(folder):
        kind, template = _NO_FILES
    elif kind is OpenError and not Path(path).exists() and not os.access(folder, os.W_OK):
        kind, template = _READ_ONLY  # a base cannot be created in a read-only folder
    message = template.format(path=path, error=exc, wait=f"{base.BUSY_TIMEOUT_MS / 1000:g}")
    return kind(message)


def _out_of_files(folder: Path) -> bool:
    """Whether the file system holding ``folder`` can make no more files (no free inodes):
    then SQLite cannot create the files beside a base, and says "read-only" or "cannot
    open" of what is a full disk. (A file system with no such limit reports 0 in all.)"""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return found.f_files > 0 and found.f_favail == 0


def _no_space(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has no free block left: SQLite then
    cannot size the "-shm" file even a reader needs, and says "disk I/O error"."""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return found.f_blocks > 0 and found.f_bavail == 0


def _lock_fault(exc: OSError, path: Path) -> StoreError:
    """The user's words for failing to create the writer lock beside the base."""
    if exc.errno == errno.ENOSPC:
        return _NO_FILES[0](_NO_FILES[1].format(path=path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyError(_READ_ONLY[1].format(path=path))
    return OpenError(f"cannot create the lock file beside {path} ({exc.strerror or exc})")


# Columns of the articles table that every factbot schema has had, and other programs'
# tables of that name are unlikely to: what tells a fact base from another database.
FINGERPRINT = frozenset({"id", "content_hash", "ingested_at", "text"})
# Ways to open a base that cannot be written, tried in turn: read-only, which needs to
# create the "-shm" file of a WAL base beside it; then immutable, for a base in a folder that
# cannot be written either (no other program can be writing to it then).
_READ_ONLY_MODES = ("mode=ro", "mode=ro&immutable=1")
_WAL_HEADER_BYTES = 32


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, check_same_thread=False, uri=uri)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout={base.BUSY_TIMEOUT_MS}")
    return conn


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    """A connection that only reads ``path``, or None if the file cannot be read so.

    Opened immutable, a base ignores its "-wal" file: writes still there (a writer that
    stopped before moving them into the base) would silently be missing from the answers,
    so such a base is refused rather than read as it was before them."""
    for mode in _READ_ONLY_MODES:
        if "immutable" in mode and _pending_writes(path):
            raise ReadOnlyError(
                f"{path}-wal holds writes not yet moved into {path}, and its folder is "
                "read-only so they cannot be read: open the base once where its folder can "
                "be written (any factbot command will move them), then ask again"
            )
        conn = _connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            conn.close()
            continue
        return conn
    return None


def base_exists(path: Path) -> bool:
    """Whether there is a file or folder at ``path``. One that cannot even be looked for
    (its folder is not open to this user), a link that leads nowhere and a path through a
    file are an ``OpenError``, not a missing base: indexing could not make one there."""
    try:
        if path.exists():
            return True
        if path.is_symlink():
            raise OpenError(f"cannot open {path}: it is a link that leads nowhere (or in a loop)")
        above = next((p for p in path.parents if p.exists()), None)
    except OSError as exc:
        raise OpenError(f"cannot open {path} ({exc.strerror or exc})") from exc
    if above is not None and not above.is_dir():
        raise OpenError(f"cannot open {path}: {above} is a file, not a folder")
    return False


def _companions(path: Path) -> list[Path]:
    """The files SQLite and the writer lock keep beside a base."""
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", ".lock")]


def _pending_writes(path: Path) -> bool:
    """Whether the base's write-ahead log holds writes (a "-wal" file with more than its
    header)."""
    wal = Path(f"{path}-wal")
    try:
        return wal.is_file() and wal.stat().st_size > _WAL_HEADER_BYTES
    except OSError:
        return False


class SQLiteBase(Base):
    """A connection to one fact base file, with the schema in place.

    ``upgrade``: a base written by an older factbot is brought up to date: in place, keeping
    its rows, from schema ``UPGRADABLE``; from an older one, emptied and rebuilt with the
    current schema (its articles are indexed again from their files). Without it, such a
    base is refused with a message saying what to run. ``upgrade_in_place``: only the
    upgrade that keeps the rows (for a command that changes a base without indexing it).

    A base that cannot be written (a read-only file, or a file in a read-only folder) is
    opened for reading only (``read_only``): questions work, and any write raises
    ``ReadOnlyError``. Every fault of the file is raised as a ``StoreError`` subclass.
    """

    def __init__(
        self, path: str | Path, upgrade: bool = False, upgrade_in_place: bool = False
    ) -> None:
        self.path = self.where = Path(path)
        self.name = str(path)
        self.dialect = SQLITE
        if str(path) != ":memory:":
            if base_exists(self.path) and self.path.is_dir():
                raise OpenError(f"{path} is a folder, not a fact base file")
            for beside in _companions(self.path):
                if beside.is_symlink() or (base_exists(beside) and not beside.is_file()):
                    raise OpenError(
                        f"{beside} is in the way: the base needs that name for a file of its "
                        "own; move it away"
                    )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OpenError(f"cannot create the folder of {path} ({exc.strerror})") from exc
        self._checked = False  # the base was found whole (``_check_whole``)
        # Its full-text indexes too (``_check_full_text``): none to check until a base of
        # this schema is found (``_migrate``); a base made now is whole.
        self._indexes_checked = True
        try:
            self.conn = _connect(str(path))
        except sqlite3.Error as exc:
            raise fault(exc, path) from exc
        try:
            self._set_up(upgrade, upgrade_in_place)
        except sqlite3.Error as exc:
            self.conn.close()
            raise fault(exc, path) from exc
        except StoreError:
            self.conn.close()
            raise

    def _set_up(self, upgrade: bool, in_place: bool) -> None:
        try:
            self._refuse_foreign()
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            # A base that cannot be written, or not even read the usual way (its "-wal"
            # cannot be shared from a read-only folder or a full disk): read it as it can.
            full = _primary(exc) == sqlite3.SQLITE_IOERR and _no_space(self.path.parent)
            if _primary(exc) not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) and not full:
                raise
            reader = _open_read_only(self.path) if self.path.is_file() else None
            if reader is None:
                raise
            self.conn.close()
            self.conn, self.read_only = reader, True
            self._refuse_foreign()
        self.conn.execute("PRAGMA foreign_keys=ON")
        # SQLite's default page cache (2 MB) holds little of a large base's indexes, so each
        # write would read its index pages back from the file; a bigger one keeps the cost
        # of storing an article from growing with the base.
        self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        if not self.read_only:
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self._migrate(upgrade, in_place)

    def _refuse_foreign(self) -> None:
        """Refuse, before anything is written (not even the journal mode), a database that
        holds tables but is no fact base: another program's, whatever its version number.
        A fact base of any schema has an ``articles`` table with factbot's columns."""
        tables = {
            row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return
        columns = (
            {row[1] for row in self.conn.execute("PRAGMA table_info(articles)")}
            if "articles" in tables
            else set()
        )
        if not columns >= FINGERPRINT:
            raise SchemaError(f"{self.path} is the database of another program, not a fact base")

    def _migrate(self, upgrade: bool, in_place: bool) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            self._refuse_incomplete()
            self._indexes_checked = False
            return
        if version < 0:
            raise SchemaError(f"{self.path} is not a fact base (schema version {version})")
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} was written by a newer factbot (schema {version}, "
                f"this one reads {SCHEMA_VERSION})"
            )
        if version == UPGRADABLE and (upgrade or in_place):
            self._indexes_checked = False  # an existing base: its full-text index is checked
            self._upgrade()
            return
        if version and not upgrade:
            raise older_schema(self.name, version)
        if not version and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # Tables but no factbot version: another program's database, never overwritten.
            raise SchemaError(f"{self.path} is the database of another program, not a fact base")
        with self.transaction():
            for table in (*RETIRED, *TABLES):
                self.conn.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in SQLITE_STATEMENTS:
                self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _upgrade(self) -> None:
        """Bring a base of schema ``UPGRADABLE`` up to date, keeping its rows: the name
        words are made from the names its forms already have."""
        with self.transaction() as conn:
            for statement in SQLITE_UPGRADE:
                conn.execute(statement)
            fill_name_words(conn, self.dialect)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _refuse_incomplete(self) -> None:
        """A base of this schema that lacks one of its tables was damaged by hand or by
        another program: refused before anything is read or written (a write would fail
        article after article)."""
        present = {
            row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        missing = [table for table in TABLES if table not in present]
        if missing:
            raise DamagedError(
                _DAMAGED.format(path=self.path, error=f"its table {missing[0]} is missing")
            )

    def _refuse_writes(self) -> None:
        if self.read_only:
            folder = self.path.parent
            kind, template = (
                _NO_FILES
                if _out_of_files(folder)
                else _FAULTS[sqlite3.SQLITE_FULL]
                if _no_space(folder)
                else _READ_ONLY
            )
            raise kind(template.format(path=self.path))

    def _is_fault(self, exc: BaseException) -> bool:
        return _is_fault(exc)

    def _fault(self, exc: BaseException) -> StoreError:
        return fault(exc, self.path)  # type: ignore[arg-type]

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        if not self._indexes_checked:
            self._check_full_text()
            self._indexes_checked = True

    def _check_full_text(self) -> None:
        """Refuse to write into a base whose full-text index is damaged, which the quick
        check (``_check_whole``) does not read: FTS5's check of its own structure, with
        rank 0 so that it does not compare every row with the text. It is an INSERT that
        changes nothing, so it runs once the first write transaction holds the base."""
        for table in FTS_TABLES:
            self.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")

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
        self._refuse_writes()
        lock = FileLock(f"{self.path}.lock")
        try:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if on_busy:
                    on_busy()
                lock.acquire()
        except OSError as exc:
            raise _lock_fault(exc, self.path) from exc
        try:
            self._check_whole()
            yield
        finally:
            lock.release()

    def _check_whole(self) -> None:
        """Refuse to write into a base with damaged pages (SQLite's quick check, seconds on a
        base of a gigabyte): writes could spread the damage, while reads of the pages still
        whole may go on. Once in the life of this connection: a long-running bot checks when
        it first writes, not at every article it adds."""
        if self._checked:
            return
        try:
            found = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.Error as exc:
            raise fault(exc, self.path) from exc
        if found != "ok":
            where = " ".join(found.replace("*** in database main ***", "").split())
            raise DamagedError(_DAMAGED.format(path=self.path, error=where))
        self._checked = True
