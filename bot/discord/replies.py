"""Getting answers to the user: on time, paged, ephemeral when they are errors, never pinging.

Discord drops an interaction that is not acknowledged within three seconds. ``respond``
starts the work on a worker thread and waits a short budget for it: a fast answer is sent
directly, a slow one is deferred first ("factbot is thinking…") and sent as a follow-up.
An answer with nothing in it (no match, a typo, an empty base) is shown only to the asker;
an answer longer than one page gets Previous/Next buttons that only the asker can press and
that go away after ``page_timeout_seconds`` without use. An answer with a chart carries it as
a PNG attachment with alt text; ``prepare`` draws it (and lays out the pages) on the worker
thread that made the answer, never on the event loop, and turning pages keeps it.

``NO_MENTIONS`` goes on the client and on every send, so no text can ping anyone.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.query.answer import Answer
from bot.render.chart import ChartImage, render_chart
from bot.render.pages import Page, render_pages
from bot.store import Store

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
DEFER_AFTER_SECONDS = 1.5
ANSWER_LIMIT_SECONDS = 60.0
NOT_YOURS = "Only the person who asked can turn these pages."
FAILED = "Sorry, that failed on our side; it has been logged. Please try again later."
TOO_SLOW = "Sorry, that took too long to answer; please try a narrower question."


@dataclass(frozen=True, slots=True)
class Reply:
    """An answer ready to send: its pages and its chart image (None without a chart)."""

    answer: Answer
    pages: list[Page]
    chart: ChartImage | None = None

    def files(self) -> dict[str, Any]:
        """The keyword arguments that attach the chart to a message (none without one)."""
        if self.chart is None:
            return {}
        data = io.BytesIO(self.chart.png)
        return {"file": discord.File(data, self.chart.filename, description=self.chart.description)}


def prepare(store: Store, job: Callable[..., Answer], *args: str) -> Reply:
    """``job(store, *args)`` laid out for Discord, its chart drawn: run on a worker thread."""
    answer = job(store, *args)
    chart = render_chart(answer.chart) if answer.chart is not None else None
    return Reply(answer, render_pages(answer), chart)


def is_miss(answer: Answer) -> bool:
    """An answer with nothing found: shown to the asker only, like an error."""
    return not answer.items and answer.entity is None


def page_message(page: Page) -> dict[str, Any]:
    """The keyword arguments that show ``page`` in a message (send or edit)."""
    return {
        "content": page.content or None,
        "embed": discord.Embed.from_dict(page.embed),
        "allowed_mentions": NO_MENTIONS,
    }


class Pager(discord.ui.View):
    """Previous/Next buttons over an answer's pages, for the asker only, until they expire."""

    def __init__(self, pages: list[Page], owner_id: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.Message | None = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            NOT_YOURS, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self._turn(interaction, 1)

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._update_buttons()
        await interaction.response.edit_message(**page_message(self.pages[self.index]), view=self)

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        try:
            await self.message.edit(view=None, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.info(
                "could not remove expired page buttons from message %s: %s", self.message.id, exc
            )


def pager_for(pages: list[Page], owner_id: int, timeout: float) -> Pager | None:
    return Pager(pages, owner_id, timeout) if len(pages) > 1 else None


def describe(interaction: discord.Interaction) -> str:
    """Who asked what where, for log lines (never the token)."""
    command = interaction.command.qualified_name if interaction.command else "?"
    options = dict(iter(interaction.namespace)) if interaction.command else {}
    where = f"guild {interaction.guild_id}" if interaction.guild_id else "a DM"
    return (
        f"/{command} {options!r} from user {interaction.user.id} in {where} "
        f"(channel {interaction.channel_id}, interaction {interaction.id})"
    )


async def respond(
    interaction: discord.Interaction,
    work: Awaitable[Reply],
    *,
    page_timeout: float,
    defer_after: float = DEFER_AFTER_SECONDS,
) -> None:
    """Answer ``interaction`` with the ``Reply`` that ``work`` produces, within the deadline."""
    job = asyncio.ensure_future(work)
    deferred = False
    try:
        try:
            reply = await asyncio.wait_for(asyncio.shield(job), defer_after)
        except TimeoutError:
            await interaction.response.defer(thinking=True)
            deferred = True
            reply = await asyncio.wait_for(job, ANSWER_LIMIT_SECONDS)
    except TimeoutError:
        log.warning("timed out answering %s", describe(interaction))
        await send_error(interaction, TOO_SLOW)
        return
    except Exception:
        log.exception("failed answering %s", describe(interaction))
        await send_error(interaction, FAILED)
        return
    try:
        await send_answer(interaction, reply, page_timeout=page_timeout)
    except discord.HTTPException:
        log.exception("could not send the answer to %s", describe(interaction))
        return
    if deferred:
        log.info("answered after deferring: %s", describe(interaction))


async def _send(
    interaction: discord.Interaction, *, ephemeral: bool, **message: Any
) -> discord.Message | None:
    """The reply, or the follow-up of a deferral; shown to the asker only when ``ephemeral``."""
    if not interaction.response.is_done():
        sent = await interaction.response.send_message(ephemeral=ephemeral, **message)
        resource = sent.resource if sent is not None else None
        return resource if isinstance(resource, discord.Message) else None
    if ephemeral:
        # A deferral is public; a private follow-up needs the public "thinking" message gone.
        await interaction.delete_original_response()
    return await interaction.followup.send(ephemeral=ephemeral, wait=True, **message)


async def send_answer(
    interaction: discord.Interaction, reply: Reply, *, page_timeout: float
) -> None:
    """Show the reply: its first page and its chart, with page buttons when it has more."""
    pages = reply.pages
    pager = pager_for(pages, interaction.user.id, page_timeout)
    extra: dict[str, Any] = {"view": pager} if pager else {}
    message = await _send(
        interaction,
        ephemeral=is_miss(reply.answer),
        **page_message(pages[0]),
        **reply.files(),
        **extra,
    )
    if pager is not None:
        pager.message = message


async def send_error(interaction: discord.Interaction, text: str) -> None:
    """A short error only the asker sees, whether or not the interaction was deferred."""
    try:
        await _send(interaction, ephemeral=True, content=text, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not tell %s about an error: %s", describe(interaction), exc)


async def send_pages(
    channel: discord.abc.Messageable,
    pages: list[Page],
    owner_id: int,
    page_timeout: float,
    files: dict[str, Any] | None = None,
) -> discord.Message:
    """Send an answer's first page to a channel (a DM), with page buttons when needed and
    ``files`` (``Reply.files``) attached."""
    pager = pager_for(pages, owner_id, page_timeout)
    extra: dict[str, Any] = {"view": pager} if pager else {}
    message = await channel.send(**page_message(pages[0]), **(files or {}), **extra)
    if pager is not None:
        pager.message = message
    return message
