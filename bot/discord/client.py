"""The discord.py client: start-up checks, command sync, DMs and the background jobs.

Everything here is wiring. Answers come from ``bot.query`` and ``bot.digest`` and are laid out
by ``bot.render.pages``; the work runs on ``Workers`` threads; ``replies`` keeps the Discord
rules (deadline, paging, ephemeral errors, no pings).

Gateway intents: ``guilds`` (channels and roles, for the admin-role check) and
``dm_messages`` (plain questions in DMs). No privileged intent is needed: Discord delivers
the content of direct messages to a bot without the Message Content intent, and the bot
never reads messages in server channels (it is asked there through slash commands).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot import query
from bot.config import ConfigError, Settings
from bot.digest import digest_since_last
from bot.discord import admin
from bot.discord.commands import add_commands
from bot.discord.feeds import Feeds, ingest_url_text
from bot.discord.replies import (
    ANSWER_LIMIT_SECONDS,
    DEFER_AFTER_SECONDS,
    FAILED,
    NO_MENTIONS,
    is_miss,
    prepare,
    respond,
    send_pages,
)
from bot.discord.scheduler import TICK_SECONDS, Clock, DigestScheduler
from bot.discord.watch import FolderWatch
from bot.discord.workers import Workers
from bot.indexer import IndexReport, index_paths
from bot.ingest.characters import repair_surrogates
from bot.query.answer import Answer
from bot.query.names import MAX_CHOICE_CHARS
from bot.store import Store, StoreError

log = logging.getLogger(__name__)

AUTOCOMPLETE_BUDGET_SECONDS = 2.0
CHOICES = 25
EMPTY_BASE = (
    "The fact base is empty: no article has been indexed yet. Admins can add one with "
    "/ingest, or put article files in the bot's knowledge folder."
)
EXPIRED = "This answer has expired (the bot has restarted since); ask again for fresh pages."


def _unless_empty(store: Store, answer: Answer) -> Answer:
    """``answer``, or when it found nothing because the base holds no article, that fact
    and how to fill it ("nothing found" would be misleading)."""
    if answer.command == "help" or not is_miss(answer) or store.article_count():
        return answer
    return Answer(
        answer.command, answer.query, None, [], title="Nothing indexed yet", message=EMPTY_BASE
    )


def run_command(store: Store, command: str, argument: str = "", about: str = "") -> Answer:
    """A slash command's answer. What users type can hold lone surrogates (JSON lets them
    through), which SQLite refuses: they become U+FFFD first."""
    argument, about = repair_surrogates(argument), repair_surrogates(about)
    return _unless_empty(store, query.run(store, command, argument, about))


def ask_text(store: Store, text: str) -> Answer:
    """The answer to a question written in a DM."""
    return _unless_empty(store, query.ask(store, repair_surrogates(text)))


class LoggedProgress:
    """Indexing progress for the log: a line every ``EVERY`` articles of a long run."""

    EVERY = 2000

    def __init__(self) -> None:
        self.done = 0

    def __call__(self, count: int) -> None:
        self.done += count
        if self.done % self.EVERY < count:
            log.info("indexing: %d articles done", self.done)


def intents() -> discord.Intents:
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.dm_messages = True
    return chosen


def utc_now() -> datetime:
    return datetime.now(UTC)


class FactBot(discord.Client):
    """The bot: serves the fact base at ``settings.db_path`` over slash commands and DMs.

    ``FactBot(settings)`` is a plain discord.py ``Client`` (one gateway connection, no
    shards) unless ``discord.shard_count`` is set: then it is a ``ShardedFactBot``, running
    the shards of ``discord.shard_ids`` (or every shard) in this process, so that several
    processes can share the bot's servers.

    ``clock`` and ``digest_tick`` exist so the digest schedule can be driven without
    waiting for real time; ``defer_after`` is how long an answer may take before the
    interaction is deferred.
    """

    def __new__(cls, settings: Settings, **options: Any) -> FactBot:
        if cls is FactBot and settings.discord.shard_count is not None:
            cls = ShardedFactBot
        return super().__new__(cls)

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock = utc_now,
        defer_after: float = DEFER_AFTER_SECONDS,
        digest_tick: float = TICK_SECONDS,
    ) -> None:
        # The bot never joins voice: discord.py's warnings that voice libraries are missing
        # say nothing useful to whoever runs it.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            max_messages=None,
            **self._sharding(settings),
        )
        self.settings = settings
        self.clock = clock
        self.defer_after = defer_after
        self.workers = Workers(settings.db_path)
        self.watch = FolderWatch(settings.knowledge_dir)
        self.feeds = Feeds(self)
        self.tree = app_commands.CommandTree(
            self,
            allowed_contexts=app_commands.AppCommandContext(
                guild=True, dm_channel=True, private_channel=True
            ),
            allowed_installs=app_commands.AppInstallationType(guild=True, user=True),
        )
        add_commands(self.tree, self)
        self.scheduler: DigestScheduler | None = None
        if settings.discord.digest_channel_id is not None:
            self.scheduler = DigestScheduler(
                self, self.workers, settings.discord, clock, digest_tick
            )
        self._jobs: list[asyncio.Task[None]] = []

    @staticmethod
    def _sharding(settings: Settings) -> dict[str, Any]:
        """The shard options of discord.py's client: none, for one unsharded connection."""
        return {}

    @property
    def page_timeout(self) -> float:
        return float(self.settings.discord.page_timeout_seconds)

    # -- start and stop -------------------------------------------------------------------

    async def setup_hook(self) -> None:
        """After login, before the gateway: open the base, check settings, sync commands."""
        await self.workers.write(lambda store: None)  # a base we cannot open stops start-up
        await self._check_digest_channel()
        await self._sync_commands()
        self._jobs.append(asyncio.create_task(self._watch_knowledge(), name="knowledge"))
        await self.feeds.start()
        self._jobs.append(asyncio.create_task(self.feeds.run(), name="feeds"))
        if self.scheduler is not None:
            self._jobs.append(asyncio.create_task(self.scheduler.run(), name="digest"))

    async def _sync_commands(self) -> None:
        """Register the commands: globally, or in ``guild_id`` only; the admin commands in
        the admin servers only (see ``bot.discord.commands``)."""
        settings = self.settings.discord
        if settings.guild_id is None:
            synced = await self.tree.sync()
            log.info("registered %d slash commands globally", len(synced))
        else:
            self.tree.copy_global_to(guild=discord.Object(settings.guild_id))
            await self._sync_guild(settings.guild_id, "discord.guild_id")
        for guild_id in settings.admin_guilds:
            if guild_id != settings.guild_id:
                await self._sync_guild(guild_id, "discord.admin_guild_ids")
        if not settings.admin_guilds:
            log.info(
                "no admin server configured (discord.guild_id or discord.admin_guild_ids): "
                "/ingest and /reindex are not offered"
            )

    async def _sync_guild(self, guild_id: int, setting: str) -> None:
        try:
            synced = await self.tree.sync(guild=discord.Object(guild_id))
        except discord.HTTPException as exc:
            raise ConfigError(
                f"{setting}: cannot register commands in server {guild_id} "
                f"({exc.status} {exc.text}); is the bot invited there with the "
                "'applications.commands' scope?"
            ) from exc
        log.info("registered %d slash commands in server %s", len(synced), guild_id)

    async def _check_digest_channel(self) -> None:
        channel_id = self.settings.discord.digest_channel_id
        if channel_id is None:
            return
        try:
            channel = await self.fetch_channel(channel_id)
        except discord.HTTPException as exc:
            raise ConfigError(
                f"discord.digest_channel_id: cannot see channel {channel_id} "
                f"({exc.status} {exc.text}); is the id right and may the bot view it?"
            ) from exc
        if not isinstance(channel, discord.abc.Messageable):
            raise ConfigError(f"discord.digest_channel_id: channel {channel_id} takes no messages")

    async def close(self) -> None:
        for job in self._jobs:
            job.cancel()
        await asyncio.gather(*self._jobs, return_exceptions=True)
        self._jobs.clear()
        await self.feeds.close()
        await super().close()
        await self.workers.close()

    # -- answering ------------------------------------------------------------------------

    async def respond_with(
        self, interaction: discord.Interaction, job: Callable[..., Answer], *args: str
    ) -> None:
        """Answer an interaction with ``job(store, *args)``, run (and its pages and chart
        drawn) on a reader thread."""
        work = self.workers.read(prepare, job, *args)
        await respond(
            interaction, work, page_timeout=self.page_timeout, defer_after=self.defer_after
        )

    async def answer(
        self, interaction: discord.Interaction, command: str, argument: str = "", about: str = ""
    ) -> None:
        """Answer a slash command from the query layer."""
        await self.respond_with(interaction, run_command, command, argument, about)

    def current_digest(self, store: Store) -> Answer:
        """The digest as it would be posted now: everything since the last one."""
        until = self.clock().replace(microsecond=0)
        return digest_since_last(store, until, self.settings.discord.zone)

    async def names(self, partial: str) -> list[app_commands.Choice[str]]:
        """Autocomplete choices; an empty list rather than a late one."""
        try:
            found = await asyncio.wait_for(
                self.workers.read(query.autocomplete, repair_surrogates(partial), CHOICES),
                AUTOCOMPLETE_BUDGET_SECONDS,
            )
        except TimeoutError:
            log.warning("autocomplete took too long; offered nothing")
            return []
        except Exception:
            log.exception("autocomplete failed")
            return []
        return [
            app_commands.Choice(name=name, value=name)
            for name in found[:CHOICES]
            if 0 < len(name) <= MAX_CHOICE_CHARS
        ]

    async def on_message(self, message: discord.Message) -> None:
        """A plain question in a DM ("who is X?", "/quote X about Y") gets an answer."""
        if message.guild is not None or message.author.bot or not message.content.strip():
            return
        who = f"user {message.author.id}"
        try:
            reply = await asyncio.wait_for(
                self.workers.read(prepare, ask_text, message.content), ANSWER_LIMIT_SECONDS
            )
        except Exception:
            # What people write to the bot privately stays out of the log, errors included.
            log.exception("failed answering a DM from %s", who)
            log.debug("the DM was %r", message.content[:200])
            reply = None
        try:
            if reply is None:
                await message.channel.send(FAILED, allowed_mentions=NO_MENTIONS)
            else:
                await send_pages(
                    message.channel,
                    reply.pages,
                    message.author.id,
                    self.page_timeout,
                    reply.files(),
                )
        except discord.HTTPException:
            log.exception("could not reply to the DM from %s", who)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """A press on page buttons that no live pager serves (the answer was sent before a
        restart, so its pages are gone) is answered privately that the answer has expired,
        and the buttons are taken off; unanswered, Discord would say "This interaction
        failed"."""
        message = interaction.message
        if interaction.type is not discord.InteractionType.component or message is None:
            return
        if self._serves_press(interaction, message.id):
            return
        try:
            await interaction.response.edit_message(view=None, allowed_mentions=NO_MENTIONS)
            await interaction.followup.send(EXPIRED, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.info("could not answer a press on expired buttons: %s", exc)

    def _serves_press(self, interaction: discord.Interaction, message_id: int) -> bool:
        """Whether a live view (a pager) will answer this press: the same look-up discord.py
        makes to dispatch it, by message and button id. (Whether the message is "tracked"
        is not enough: a pager editing its page untracks it for a moment.) discord.py keeps
        its views in the connection's view store, which has no public way to ask this."""
        data = interaction.data or {}
        key = (data.get("component_type"), data.get("custom_id"))
        views = self._connection._view_store._views
        return key in views.get(message_id, {}) or key in views.get(None, {})

    # -- changing the base ----------------------------------------------------------------

    async def _index(self, paths: list[Path]) -> IndexReport:
        report = await self.workers.write(index_paths, paths, 1, LoggedProgress())
        if report.changed or report.failed:
            log.info("indexed %d files: %s", len(paths), report.summary())
        for failure in report.failed:
            log.warning("could not index %s", failure)
        return report

    async def index_changes(self) -> None:
        """Index the knowledge folder's new and changed files, and forget removed ones
        (one poll)."""
        scan = await asyncio.to_thread(self.watch.scan)
        paths = self.watch.to_index(scan)
        if paths and (scan or self.watch.folder.is_dir()):
            report = await self._index(paths)
            self.watch.mark_indexed(scan, paths, report.files)

    async def _watch_knowledge(self) -> None:
        reported = ""  # a fault of the base is logged once, not at every poll
        while True:
            try:
                await self.index_changes()
                reported = ""
            except StoreError as exc:
                if str(exc) != reported:
                    log.error("indexing %s stopped: %s", self.watch.folder, exc)
                reported = str(exc)
            except Exception:
                log.exception("indexing the knowledge folder %s failed", self.watch.folder)
            await asyncio.sleep(self.settings.discord.poll_seconds)

    async def _admin_only(self, interaction: discord.Interaction, command: str) -> bool:
        if admin.is_admin(interaction, self.settings.discord):
            return True
        log.info(
            "refused /%s to user %s in guild %s", command, interaction.user.id, interaction.guild_id
        )
        await interaction.response.send_message(
            admin.refusal(command, interaction, self.settings.discord),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def _admin_reply(
        self, interaction: discord.Interaction, command: str, work: Callable[[], Awaitable[str]]
    ) -> None:
        """Defer (indexing is slow), run the admin job, and report to the admin only."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            text = await work()
        except admin.UploadError as exc:
            text = str(exc)
        except StoreError as exc:
            log.error("/%s by user %s: %s", command, interaction.user.id, exc)
            text = f"Not done: {exc}"
        except Exception:
            log.exception("/%s by user %s failed", command, interaction.user.id)
            text = FAILED
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def ingest(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None,
        replace: bool = False,
        url: str = "",
    ) -> None:
        """Save an attached article file into the knowledge folder and index it (what it
        would replace is refused unless ``replace`` confirms it), or fetch the article at
        ``url`` and do the same."""
        if not await self._admin_only(interaction, "ingest"):
            return

        async def work() -> str:
            if (file is None) == (not url.strip()):
                return "Give either an article file or the url: of an article, not both."
            if file is None:
                return ingest_url_text(await self.feeds.fetch([url.strip()]))
            name = admin.upload_name(file.filename, file.size)
            data = await file.read()
            upload = await self.workers.write(
                admin.place_upload, self.watch.folder, name, data, replace
            )
            replacing = " replacing what it held before" if upload.replaced else ""
            log.info("user %s uploaded %s%s", interaction.user.id, upload.path, replacing)
            return upload.replaced + admin.report_text(await self._index([upload.path]))

        await self._admin_reply(interaction, "ingest", work)

    async def reindex(self, interaction: discord.Interaction) -> None:
        """Index every article file of the knowledge folder now."""
        if not await self._admin_only(interaction, "reindex"):
            return

        async def work() -> str:
            scan = await asyncio.to_thread(self.watch.scan)
            paths = list(scan)
            report = await self._index(paths)
            self.watch.mark_indexed(scan, paths, report.files)
            return admin.report_text(report)

        await self._admin_reply(interaction, "reindex", work)


class ShardedFactBot(FactBot, discord.AutoShardedClient):
    """The bot on the shards ``discord.shard_ids`` of ``discord.shard_count`` (all of them
    when no ids are given), one gateway connection each. discord.py's
    ``AutoShardedClient`` is told the count, so it never asks Discord for one."""

    @staticmethod
    def _sharding(settings: Settings) -> dict[str, Any]:
        ids = settings.discord.shard_ids
        return {"shard_count": settings.discord.shard_count, "shard_ids": list(ids) or None}
