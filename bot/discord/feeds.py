"""The bot's side of feeds and links: polling on a schedule, announcing, and the admin
commands /follow, /unfollow, /feeds and /ingest url:.

The fetching, saving and feed state are ``bot.web``'s; here they are run on the bot's loop
(the network) and its writer thread (the base), and told to Discord. An announcement is one
compact message per polling round that brought a feed new articles: their titles, linked,
with the names and figures each adds; no message can ping anyone, and none is longer than
Discord allows.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

import discord

from bot.discord.replies import NO_MENTIONS
from bot.render.markdown import escape
from bot.store import Store
from bot.web import follow
from bot.web.client import Client
from bot.web.feeds import FeedState
from bot.web.follow import Outcome
from bot.web.policy import RefusedError, check_url

if TYPE_CHECKING:
    from bot.discord.client import FactBot

log = logging.getLogger(__name__)

# How often the loop looks for feeds that are due (each feed keeps its own interval).
TICK_SECONDS = 60.0
MESSAGE_CHARS = 2000
ARTICLE_LINE_CHARS = 300
NAMES_SHOWN = 4
FIGURES_SHOWN = 2


class Feeds:
    """Feeds and links for one bot: its HTTP client, its polling loop, its commands."""

    def __init__(self, bot: FactBot, tick: float = TICK_SECONDS) -> None:
        self.bot = bot
        self.settings = bot.settings.web
        self.folder = bot.settings.knowledge_dir
        self.tick = tick
        self.client: Client | None = None
        self._round = asyncio.Lock()  # one polling round at a time

    async def start(self) -> None:
        self.client = await follow.client(self.settings).__aenter__()

    async def close(self) -> None:
        if self.client is not None:
            await self.client.__aexit__(None, None, None)

    # -- polling ------------------------------------------------------------------------

    async def run(self) -> None:
        """Poll the feeds that are due, every ``tick``, for ever; a round's failure is
        logged, not fatal."""
        while True:
            await asyncio.sleep(self.tick)
            try:
                await self.poll_round()
            except Exception:
                log.exception("polling the feeds failed")

    async def poll_round(self) -> None:
        """Poll the feeds that are due, save and index what they bring, announce it."""
        async with self._round:
            await self._poll_round()

    async def _poll_round(self) -> None:
        assert self.client is not None
        now = time.time()
        states = await self.bot.workers.read(follow.followed, self.settings)
        due = [state for state in states if state.due(now)]
        if not due:
            return
        rounds = await follow.poll_feeds(self.client, due, now, self.settings)
        saved = await self.bot.workers.write(follow.save_round, self.folder, rounds)
        paths = [o.path for _, outcomes in saved for o in outcomes if o.path is not None]
        if paths:
            await self.bot._index(paths)
        for state, outcomes in saved:
            if state.last_error:
                log.warning("feed %s: %s", state.url, state.last_error)
            added = [o for o in outcomes if o.path is not None]
            if state.channel is not None and added:
                await self._announce(state, added)

    async def _announce(self, state: FeedState, added: list[Outcome]) -> None:
        text = await self.bot.workers.read(announcement, state.url, added)
        channel = self.bot.get_channel(state.channel) or await self.bot.fetch_channel(state.channel)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("feed %s: channel %s cannot be posted to", state.url, state.channel)
            return
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS, suppress_embeds=True)
        except discord.HTTPException as exc:
            log.warning("feed %s: announcement refused: %s", state.url, exc)

    # -- admin commands -------------------------------------------------------------------

    async def follow(self, interaction: discord.Interaction, url: str, announce: bool) -> None:
        if not await self.bot._admin_only(interaction, "follow"):
            return

        async def work() -> str:
            try:
                check_url(url, self.client.limits.allowed_hosts if self.client else frozenset())
            except RefusedError as exc:
                return f"Not followed: {exc}"
            channel = interaction.channel_id if announce else None
            await self.bot.workers.write(follow.follow, url, channel)
            where = " Its new articles will be announced here." if announce else ""
            return f"Following {url}: polled within a minute.{where}"

        await self.bot._admin_reply(interaction, "follow", work)

    async def unfollow(self, interaction: discord.Interaction, url: str) -> None:
        if not await self.bot._admin_only(interaction, "unfollow"):
            return

        async def work() -> str:
            if url in self.settings.feeds:
                return f"{url} is listed in the config file (web.feeds): remove it there."
            dropped = await self.bot.workers.write(Store.drop_feed_state, url)
            return f"No longer following {url}." if dropped else f"{url} is not followed."

        await self.bot._admin_reply(interaction, "unfollow", work)

    async def listing(self, interaction: discord.Interaction) -> None:
        if not await self.bot._admin_only(interaction, "feeds"):
            return

        async def work() -> str:
            states = await self.bot.workers.read(follow.followed, self.settings)
            if not states:
                return "No feeds are followed. /follow URL adds one."
            return _capped([f"- {escape(state.line())}" for state in states])

        await self.bot._admin_reply(interaction, "feeds", work)

    async def fetch(self, links: list[str]) -> list[Outcome]:
        """Fetch, save and index the articles of ``links`` (``/ingest url:``)."""
        assert self.client is not None
        fetched = await follow.fetch_links(self.client, links)
        outcomes = await self.bot.workers.write(follow.save_all, self.folder, fetched)
        paths = [o.path for o in outcomes if o.path is not None]
        if paths:
            await self.bot._index(paths)
        return outcomes


def announcement(store: Store, feed: str, added: list[Outcome]) -> str:
    """The post for a round's new articles of ``feed``: each title linked, with the names
    and figures it adds, within one message."""
    lines = [f"New from {escape(feed)}:"]
    for outcome in added:
        assert outcome.path is not None
        article_id = outcome.path.stem
        meta = store.read.article_meta([article_id]).get(article_id)
        title = escape((meta["title"] if meta else None) or outcome.title or article_id)
        url = meta["url"] if meta and meta["url"] else outcome.link
        names = [
            row["name"]
            for row in store.read.entities_of_article(article_id)
            if row["type"] in ("PERSON", "ORG")
        ][:NAMES_SHOWN]
        figures = [row["text"] for row in store.read.figures_of_article(article_id)][:FIGURES_SHOWN]
        facts = "; ".join(
            part
            for part in (
                f"names: {escape(', '.join(names))}" if names else "",
                f"figures: {escape(', '.join(figures))}" if figures else "",
            )
            if part
        )
        lines.append(f"- [{title}](<{url}>)" + (f" — {facts}" if facts else ""))
    return _capped([line[:ARTICLE_LINE_CHARS] for line in lines])


def _capped(lines: list[str]) -> str:
    """The lines that fit one message, saying how many did not."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        more = f"\n… and {len(lines) - index} more"
        if len("\n".join([*kept, line])) + len(more) > MESSAGE_CHARS:
            kept.append(more.strip())
            break
        kept.append(line)
    return "\n".join(kept)


def ingest_url_text(outcomes: list[Outcome]) -> str:
    """What /ingest url: did, for the admin."""
    return _capped([escape(outcome.line()) for outcome in outcomes])
