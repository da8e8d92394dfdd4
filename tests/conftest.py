"""Fixtures several test modules share.

``new_base`` is how a store or query test names its bases: once with SQLite files and once
with databases on a PostgreSQL server the session starts (skipped where no server is
installed), so that each test runs on both backends unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bases import NewBase, Server, binaries
from websites import site

from bot.store import Location

__all__ = ["derived_tables", "new_base", "postgres", "site"]

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session", autouse=True)
def derived_tables(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One cache folder for the tables the session's processes derive (``bot.derived``),
    not the user's own."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """The session's PostgreSQL server."""
    pytest.importorskip("psycopg")
    found = binaries()
    if found is None:
        pytest.skip("PostgreSQL is not installed (no initdb)")
    server = Server(found)
    yield server
    server.stop()


def _bases(backend: str, folder: Path, request: pytest.FixtureRequest) -> Iterator[NewBase]:
    """Where the bases a test names are (the same name, the same base); the databases are
    emptied for other tests when the test is done."""
    if backend == "sqlite":
        yield lambda name: folder / f"{name}.sqlite3"
        return
    server: Server = request.getfixturevalue("postgres")
    made: dict[str, str] = {}

    def base(name: str) -> Location:
        if name not in made:
            made[name] = server.new_database()
        return server.address(made[name])

    yield base
    for database in made.values():
        server.done(database)


@pytest.fixture(params=BACKENDS)
def new_base(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewBase]:
    """``new_base(name)``: a base of the test's backend, holding no article yet."""
    yield from _bases(request.param, tmp_path, request)


@pytest.fixture(scope="module", params=BACKENDS)
def module_base(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NewBase]:
    """``new_base`` for a module's shared fixtures."""
    yield from _bases(request.param, tmp_path_factory.mktemp("bases"), request)
