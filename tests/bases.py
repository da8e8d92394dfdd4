"""A throwaway PostgreSQL server for the tests: started once per session in a temporary
folder, listening only on a Unix socket there, with a fresh database for each base a test
asks for.

The server refuses to run as root, so when the tests run as root (as CI does) it is started
as the ``postgres`` user. A database a test is done with is emptied and handed to the next
test (emptying is quicker than making a database); a new one is a copy of a template that
already holds an empty fact base.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.store import Location, Store
from bot.store.location import ServerAddress
from bot.store.schema import POSTGRES_TABLES, SCHEMA_KEY

# Where Debian's packages put the server; PG_BIN names another folder.
_BIN_FOLDERS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin")
_TEMPLATE = "factbot_template"
_SERVER_SETTINGS = (
    "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    " -c max_connections=200 -c shared_buffers=32MB"
)


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``, if the server is installed."""
    for folder in (os.environ.get("PG_BIN"), *_BIN_FOLDERS):
        if folder and (Path(folder) / "initdb").is_file():
            return Path(folder)
    return None


class Server:
    """A PostgreSQL server of the test session."""

    def __init__(self, bin_folder: Path) -> None:
        self._bin = bin_folder
        self.folder = Path(tempfile.mkdtemp(prefix="factbot-pg-"))
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.folder, "postgres")
        self._names = itertools.count(1)
        self._emptied: list[str] = []
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        self._run("pg_ctl", "-D", str(data), "-w", "-l", str(self.folder / "log"),
                  "-o", f"{_SERVER_SETTINGS} -k {self.folder}", "start")  # fmt: skip
        self.sql(f"CREATE DATABASE {_TEMPLATE}")
        Store(self.address(_TEMPLATE)).close()  # the template holds an empty fact base

    def _run(self, program: str, *args: str) -> None:
        command = [str(self._bin / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def sql(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.address(database).url, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def address(self, database: str) -> ServerAddress:
        return ServerAddress(f"postgresql://postgres@/{database}?host={self.folder}")

    def new_database(self) -> str:
        """The name of a database holding an empty fact base."""
        if self._emptied:
            return self._emptied.pop()
        name = f"base{next(self._names)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE} STRATEGY FILE_COPY")
        return name

    def done(self, database: str) -> None:
        """Empty a database a test is done with, for the next; one a test changed beyond
        its rows (or left locked) is dropped instead."""
        tables = ", ".join(t for t in POSTGRES_TABLES if t != "meta")
        try:
            self.sql(
                "SET lock_timeout = '2s'",
                f"TRUNCATE {tables} RESTART IDENTITY",
                f"DELETE FROM meta WHERE key <> '{SCHEMA_KEY}'",
                database=database,
            )
        except Exception:
            self.sql(f"DROP DATABASE {database} WITH (FORCE)")
        else:
            self._emptied.append(database)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


# The ``new_base`` fixture: ``new_base(name)`` is a base of the test's backend.
NewBase = Callable[[str], Location]
