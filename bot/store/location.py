"""Where a fact base is: a file (SQLite) or a PostgreSQL server's ``postgresql://`` address.

An address may carry a password. It is kept whole for connecting (``ServerAddress.url``)
and masked wherever it is shown (``str``), so no message or log line ever holds it.
"""

from __future__ import annotations

import re
from pathlib import Path

SCHEMES = ("postgresql://", "postgres://")
# The password of "user:password@" and of a "password=" parameter.
_PASSWORDS = re.compile(r"(?<=://)([^/@:]*):[^/@]*@|(?<=[?&])(password=)[^&]*")


class ServerAddress:
    """A ``postgresql://`` address; shown with its password masked."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __str__(self) -> str:
        return masked(self.url)

    def __repr__(self) -> str:
        return f"ServerAddress({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ServerAddress) and other.url == self.url

    def __hash__(self) -> int:
        return hash(self.url)


Location = Path | ServerAddress


def masked(url: str) -> str:
    """``url`` with any password in it replaced by ``***``."""
    return _PASSWORDS.sub(
        lambda m: f"{m.group(1)}:***@" if m.group(1) is not None else f"{m.group(2)}***", url
    )


def location(given: str | Path | ServerAddress) -> Location:
    """The base ``given`` names: a server address if it starts with ``postgresql://`` (or
    ``postgres://``), else a file."""
    if isinstance(given, ServerAddress):
        return given
    text = str(given)
    return ServerAddress(text) if text.startswith(SCHEMES) else Path(given)
