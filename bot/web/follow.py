"""Links and feeds into article files: what ``factbot fetch``, ``/ingest url:`` and the
bot's feed polling share.

A fetched article is written as a one-line JSONL file into the knowledge folder's ``web/``
folder, named by its id; the indexer then reads it like any other file, so the base can be
rebuilt from the folder. The same address fetched twice has one id (one file); the same text
under another address (syndication) is recognised by its words' fingerprint and stored once.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import WebSettings
from bot.store import Store
from bot.textnorm import fold
from bot.web.client import Client, FetchError, Limits
from bot.web.feeds import FeedState, Item, poll
from bot.web.pages import page_record, summary_record
from bot.web.policy import hosts

WEB_FOLDER = "web"
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one link: the file written, or why none was."""

    link: str
    path: Path | None = None
    title: str | None = None
    problem: str | None = None

    def line(self) -> str:
        if self.path is not None:
            return f"added {self.path.stem}: {self.title or self.link}"
        return f"skipped {self.link[:200]}: {self.problem}"


def text_key(text: str, title: str | None) -> str:
    """A fingerprint of a text's words, without the headline it opens with: the same story
    with other markup, spacing or headline."""
    if title and text.startswith(title):
        text = text[len(title) :]
    words = " ".join(_WORDS.findall(fold(text)))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:20]


async def fetch_link(client: Client, link: str) -> dict[str, Any]:
    """The article record of the page at ``link``; ``FetchError`` if there is none."""
    fetched = await client.page(link)
    record = page_record(fetched.body, fetched.url)
    if record is None:
        raise FetchError("no article text found on the page")
    return record


async def fetch_item(client: Client, item: Item) -> dict[str, Any]:
    """A feed item's article: its page, else the feed's own summary of it."""
    try:
        return await fetch_link(client, item.link)
    except FetchError:
        record = summary_record(item.link, item.title, item.summary, item.published)
        if record is None:
            raise
        return record


def save(store: Store, folder: Path, record: dict[str, Any], link: str) -> Outcome:
    """Write ``record`` into ``folder``/web/ unless it is there already (same address) or
    its text was saved under another address."""
    target = folder / WEB_FOLDER / f"{record['id']}.jsonl"
    if target.exists():
        return Outcome(link, problem=f"already fetched as {record['id']}")
    key = text_key(record["text"], record.get("title"))
    earlier = store.fetched_text(key)
    if earlier is not None and (folder / WEB_FOLDER / f"{earlier}.jsonl").exists():
        return Outcome(link, problem=f"the same text as {earlier}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(target)  # whole or not at all: the folder watcher never reads half
    store.record_fetched_text(key, record["id"])
    return Outcome(link, target, record.get("title"))


# A link's fetch: (link, the article record or None, why there is none).
Fetch = tuple[str, dict[str, Any] | None, str | None]


def client(web: WebSettings) -> Client:
    """A client within the settings' limits."""
    return Client(
        Limits(
            web.timeout_seconds,
            web.max_bytes,
            web.max_redirects,
            web.host_interval_seconds,
            hosts(web.allow_hosts),
        )
    )


async def fetch_links(web: Client, links: list[str]) -> list[Fetch]:
    """Each link's article record, or why there is none."""
    fetched: list[Fetch] = []
    for link in links:
        try:
            fetched.append((link, await fetch_link(web, link), None))
        except FetchError as exc:
            fetched.append((link, None, str(exc)))
    return fetched


def save_all(store: Store, folder: Path, fetched: list[Fetch]) -> list[Outcome]:
    """The fetched records saved as files (``save``), each link's outcome."""
    return [
        save(store, folder, record, link) if record else Outcome(link, problem=problem)
        for link, record, problem in fetched
    ]


def followed(store: Store, settings: WebSettings) -> list[FeedState]:
    """The feeds followed: those the config lists and those admins added, with their state."""
    states = {data["url"]: FeedState.from_json(data) for data in store.feed_states()}
    for url in settings.feeds:
        states.setdefault(url, FeedState(url))
    return list(states.values())


def follow(store: Store, url: str, channel: int | None) -> FeedState:
    """Follow ``url`` (again: a stopped feed starts afresh), announcing in ``channel``."""
    known = {data["url"]: data for data in store.feed_states()}
    state = FeedState.from_json(known[url]) if url in known else FeedState(url)
    state.channel, state.stopped, state.failures, state.next_poll = channel, False, 0, 0.0
    store.put_feed_state(url, state.to_json())
    return state


async def poll_feeds(
    web: Client, states: list[FeedState], now: float, settings: WebSettings
) -> list[tuple[FeedState, list[Fetch]]]:
    """Poll the feeds that are due, and fetch their new items' articles."""
    rounds = []
    for state in states:
        if not state.due(now):
            continue
        items = await poll(web, state, now, settings.poll_minutes * 60, settings.max_failures)
        fetched: list[Fetch] = []
        for item in items:
            try:
                fetched.append((item.link, await fetch_item(web, item), None))
            except FetchError as exc:
                fetched.append((item.link, None, str(exc)))
        rounds.append((state, fetched))
    return rounds


def save_round(
    store: Store, folder: Path, rounds: list[tuple[FeedState, list[Fetch]]]
) -> list[tuple[FeedState, list[Outcome]]]:
    """Each polled feed's state kept, and its new articles saved."""
    saved = []
    for state, fetched in rounds:
        store.put_feed_state(state.url, state.to_json())
        saved.append((state, save_all(store, folder, fetched)))
    return saved
