"""Which addresses factbot may fetch: public http(s) hosts, and the hosts the config allows.

A link from a feed or a user could point at the machine itself, its private network or a
cloud's metadata service; fetching it would let anyone read what only the bot can reach.
So a URL must be http or https, and every address its host resolves to must be public
(``refused_address``), unless the host is one the config allows by name (a local mirror, the
tests' own server). The check runs on the URL of every request, redirects included, and on
every address the connection resolves (``SafeResolver``), so a name that resolves to a
private address is refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

SCHEMES = ("http", "https")


class RefusedError(Exception):
    """A URL factbot will not fetch; the message says why."""


def refused_address(address: str) -> str | None:
    """Why an IP address may not be fetched (loopback, private, ...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind, is_kind in (
        ("loopback", ip.is_loopback),
        ("link-local (cloud metadata)", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved or ip.is_unspecified),
    ):
        if is_kind:
            return f"{address} is a {kind} address"
    return None


def check_url(url: str, allowed: frozenset[str]) -> str:
    """``url`` if factbot may request it, else ``RefusedError``: http(s) only, with a host,
    and a literal address only if public (names are checked as they resolve)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError as exc:
        raise RefusedError(f"{url[:200]} is not a valid address") from exc
    if parts.scheme.lower() not in SCHEMES:
        raise RefusedError(f"{url[:200]}: only http and https addresses are fetched")
    if not host:
        raise RefusedError(f"{url[:200]} names no host")
    if host.lower() in allowed:
        return url
    try:
        problem = refused_address(host)
    except ValueError:
        return url  # a name: checked when it resolves
    if problem:
        raise RefusedError(f"{url[:200]}: {problem}")
    return url


class SafeResolver(AbstractResolver):
    """Name resolution that refuses names resolving to non-public addresses, unless the
    name is allowed."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self._allowed = allowed
        self._resolver = ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._resolver.resolve(host, port, family)
        if host.lower() not in self._allowed:
            for result in found:
                problem = refused_address(result["host"])
                if problem:
                    raise RefusedError(f"{host} resolves to {problem.split(' is ', 1)[1]}")
        return found

    async def close(self) -> None:
        await self._resolver.close()


def hosts(allowed: Any) -> frozenset[str]:
    """The allowed host names, lower-cased."""
    return frozenset(str(host).lower() for host in allowed)
