"""One careful HTTP client for feeds and pages: the aiohttp that discord.py brings.

Every request is checked by ``bot.web.policy`` (redirects followed here, one at a time, each
re-checked), waits for the host's minimum interval, has a total timeout, and reads at most
``max_bytes`` of a body whose type it expects. Page fetches ask the host's robots.txt first
(read once per host and kept). Failures are ``FetchError`` with a one-line reason.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import aiohttp

from bot.web.policy import RefusedError, SafeResolver, check_url

# Content types a page may come as. A feed may come as any (sites serve feeds as text/plain
# or text/html too): what it is, the parser says.
PAGE_TYPES = ("html", "xhtml")
ANY_TYPE = ("",)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# robots.txt is small: a bigger one is read no further.
_ROBOTS_BYTES = 500_000


class FetchError(Exception):
    """A fetch that failed: refused, timed out, too big, of the wrong type, an HTTP error."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may cost, and who may be asked."""

    timeout_seconds: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_interval_seconds: float = 10.0
    allowed_hosts: frozenset[str] = frozenset()
    user_agent: str = "factbot (news fact base)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response read whole: ``status`` 304 means unchanged (no body)."""

    url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    modified: str | None = None


@dataclass(slots=True)
class Client:
    """Fetches within ``limits``; use as an async context manager."""

    limits: Limits = field(default_factory=Limits)
    _session: aiohttp.ClientSession | None = None
    _last: dict[str, float] = field(default_factory=dict)  # host -> when last asked
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)

    async def __aenter__(self) -> Client:
        connector = aiohttp.TCPConnector(resolver=SafeResolver(self.limits.allowed_hosts))
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self.limits.user_agent},
            timeout=aiohttp.ClientTimeout(total=self.limits.timeout_seconds),
        )
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._session is not None:
            await self._session.close()

    async def feed(self, url: str, etag: str | None, modified: str | None) -> Fetched:
        """A feed, asked only for what changed since ``etag`` / ``modified``."""
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return await self._get(url, headers, ANY_TYPE)

    async def page(self, url: str) -> Fetched:
        """An article's page, if the host's robots.txt lets factbot read it."""
        if not await self._robots_allow(url):
            raise FetchError("the site's robots.txt asks not to fetch this page")
        return await self._get(url, {"Accept": "text/html,application/xhtml+xml"}, PAGE_TYPES)

    async def _get(self, url: str, headers: dict[str, str], types: tuple[str, ...]) -> Fetched:
        assert self._session is not None, "use the client as an async context manager"
        allowed = self.limits.allowed_hosts
        try:
            for _ in range(self.limits.max_redirects + 1):
                await self._wait_turn(check_url(url, allowed))
                async with self._session.get(url, headers=headers, allow_redirects=False) as r:
                    if r.status in _REDIRECTS and "Location" in r.headers:
                        url = urljoin(url, r.headers["Location"])
                        continue
                    return await self._read(url, r, types)
            raise FetchError(f"more than {self.limits.max_redirects} redirects")
        except RefusedError as exc:
            raise FetchError(f"refused: {exc}") from exc
        except TimeoutError as exc:
            raise FetchError(f"no answer within {self.limits.timeout_seconds:g} seconds") from exc
        except aiohttp.ClientError as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise FetchError(reason[:300]) from exc

    async def _read(
        self, url: str, response: aiohttp.ClientResponse, types: tuple[str, ...]
    ) -> Fetched:
        if response.status == 304:
            return Fetched(url, 304)
        if response.status >= 400:
            raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind and not any(t in kind for t in types):
            raise FetchError(f"{kind} is not what was asked for")
        body = await _capped(response, self.limits.max_bytes)
        return Fetched(
            url,
            response.status,
            body,
            kind,
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
        )

    async def _wait_turn(self, url: str) -> None:
        """Wait until the host of ``url`` was last asked long enough ago."""
        host = (urlsplit(url).hostname or "").lower()
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            last = self._last.get(host)
            if last is not None:
                wait = last + self.limits.host_interval_seconds - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
            self._last[host] = time.monotonic()

    async def _robots_allow(self, url: str) -> bool:
        """What the host's robots.txt says of ``url`` for factbot (no robots.txt: yes)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            rules: RobotFileParser | None = None
            try:
                found = await self._get(f"{origin}/robots.txt", {}, ANY_TYPE)
                rules = RobotFileParser()
                rules.parse(found.body[:_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
            except FetchError:
                rules = None  # none to read (or unreadable): nothing forbids
            self._robots[origin] = rules
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.limits.user_agent, url)


async def _capped(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """The body, refused once it grows past ``limit`` bytes (whatever Content-Length says)."""
    declared = response.content_length
    if declared is not None and declared > limit:
        raise FetchError(f"{declared:,} bytes, over the {limit:,} bytes read at most")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(65_536):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"over the {limit:,} bytes read at most")
        chunks.append(chunk)
    return b"".join(chunks)
