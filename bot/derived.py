"""Tables derived from installed data packages, kept between runs in the user's cache folder.

Some lookups are built from a large general resource (the gazetteer's 34,000 cities and
their 390,000 other names) at a cost of one or two seconds: too slow for every command
that indexes one small article. The table is derived once and written to
``$XDG_CACHE_HOME/factbot`` (``~/.cache/factbot``) under a name that says what it was
derived from (the packages' versions and the rule's own version), so a new package or a
changed rule derives it afresh and a stale table is never read. A cache that cannot be
read or written costs only the time: the table is derived in memory as before.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from importlib.resources.abc import Traversable
from pathlib import Path

# The first line of a table file: the number of rows that follow, so a cut-off file is
# told from a whole one.
_HEADER = "# rows: "


def cache_folder() -> Path:
    """Where derived tables are kept: the XDG cache folder's ``factbot``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factbot"


def sources_of(packages: tuple[str, ...], rules: tuple[Path | Traversable, ...]) -> tuple[str, ...]:
    """What a table is derived from: the installed versions of ``packages`` and a digest of
    the ``rules`` files (the modules and word lists that say how it is derived)."""
    digest = hashlib.sha256(b"".join(rule.read_bytes() for rule in rules)).hexdigest()
    return (*(metadata.version(package) for package in packages), digest)


def cached_table(
    name: str, sources: tuple[str, ...], derive: Callable[[], dict[str, int]]
) -> dict[str, int]:
    """The table ``derive`` makes, read from the cache when one was derived from the same
    ``sources`` (versions and rule versions, any strings), else derived and written there."""
    digest = hashlib.sha256("\n".join(sources).encode()).hexdigest()[:16]
    path = cache_folder() / f"{name}-{digest}.tsv"
    table = _read(path)
    if table is None:
        table = derive()
        _write(path, table)
    return table


def _read(path: Path) -> dict[str, int] | None:
    try:
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        if header != f"{_HEADER}{len(rows)}":
            return None
        return {key: int(value) for key, value in (row.split("\t") for row in rows)}
    except (OSError, UnicodeError, ValueError):
        return None


def _write(path: Path, table: dict[str, int]) -> None:
    """Written whole or not at all: to a temporary file beside it, then renamed."""
    written: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=path.name, delete=False
        ) as out:
            written = Path(out.name)
            out.write(f"{_HEADER}{len(table)}\n")
            out.writelines(f"{key}\t{value}\n" for key, value in table.items())
        os.replace(written, path)
    except OSError:
        if written is not None:
            written.unlink(missing_ok=True)
