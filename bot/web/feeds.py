"""Followed feeds: reading RSS 0.9x/1.0/2.0 and Atom, and each feed's state between polls.

A feed is asked only for what changed (ETag, Last-Modified). Its items are known by their
id (or link): those seen before are not fetched again. A feed that fails waits longer each
time (doubling, from the polling interval up to a day); after ``max_failures`` failures in a
row it is stopped and reported, not retried forever, until an admin follows it again.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

import feedparser

from bot.web.client import Client, FetchError

# Item keys kept per feed, to know what was seen: more than a feed lists at once.
SEEN_KEPT = 1000
MAX_BACKOFF_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed."""

    key: str  # its id, else its link
    link: str
    title: str | None
    summary: str
    published: str | None


@dataclass(slots=True)
class FeedState:
    """What factbot knows of one followed feed."""

    url: str
    channel: int | None = None  # where its new articles are announced
    etag: str | None = None
    modified: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    failures: int = 0
    stopped: bool = False
    next_poll: float = 0.0
    seen: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeedState:
        known = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in data.items() if key in known})

    def due(self, now: float) -> bool:
        return not self.stopped and now >= self.next_poll

    def line(self) -> str:
        """The feed's state in a line, as /feeds lists it."""
        if self.stopped:
            state = (
                f"stopped after {self.failures} failures ({self.last_error}); "
                "follow it again to retry"
            )
        elif self.last_error:
            state = f"failing ({self.failures}): {self.last_error}"
        else:
            state = "ok"
        success = f"last success {self.last_success}" if self.last_success else "never fetched yet"
        where = f", announced in channel {self.channel}" if self.channel else ""
        return f"{self.url} — {state}; {success}{where}"


def parse_items(body: bytes) -> list[Item]:
    """The items of a feed document; ``FetchError`` if it is no RSS or Atom feed (a site
    that now answers with an HTML page, say)."""
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        key = entry.get("id") or link
        if not key or not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", stamp) if stamp else None
        items.append(Item(key, link, entry.get("title"), entry.get("summary") or "", published))
    return items


async def poll(
    client: Client, state: FeedState, now: float, interval: float, max_failures: int
) -> list[Item]:
    """The feed's new items since the last poll; ``state`` is updated either way (its
    next poll, validators, last success or error)."""
    try:
        fetched = await client.feed(state.url, state.etag, state.modified)
        items = [] if fetched.status == 304 else parse_items(fetched.body)
    except FetchError as exc:
        state.failures += 1
        state.last_error = str(exc)
        state.stopped = state.failures >= max_failures
        state.next_poll = now + min(interval * 2**state.failures, MAX_BACKOFF_SECONDS)
        return []
    if fetched.status != 304:
        state.etag, state.modified = fetched.etag, fetched.modified
    state.failures, state.last_error = 0, None
    state.last_success = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(now))
    state.next_poll = now + interval
    seen = set(state.seen)
    new: list[Item] = []
    for item in items:  # an item listed twice in one feed is one item
        if item.key not in seen:
            seen.add(item.key)
            new.append(item)
    state.seen = (state.seen + [item.key for item in new])[-SEEN_KEPT:]
    return new
