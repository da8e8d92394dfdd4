"""Posting the daily digest at the configured local time, exactly once a day.

The arithmetic (what is due when) is ``bot.digest.next_due``; this loop only waits for the
due time, posts, and records the time in the fact base, so a restarted bot knows whether
today's digest went out. Each page is recorded as it is posted: a digest interrupted half
way (a page refused, a restart) is finished at the next attempt, from the first page that
is missing (``bot.digest.pending_digest``). Bot processes sharing the base (shards) each
run this loop; each digest is claimed before it is posted (``bot.digest.claim_digest``),
and a process that loses the claim looks again a few minutes later, when the digest is
either done or given up by its claimant for another process to finish. Waiting is done in
short steps against an injectable clock rather than one long sleep: a suspended laptop or a
corrected system clock cannot make it miss a day, and tests can move the clock instead of
waiting for eight o'clock.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Callable
from datetime import datetime, timedelta

import discord

from bot.config import DiscordSettings
from bot.digest import (
    Pending,
    claim_digest,
    digest_since_last,
    last_digest,
    next_due,
    pending_digest,
    record_digest,
    record_progress,
    release_digest,
)
from bot.discord.replies import page_message
from bot.discord.workers import Workers
from bot.render.pages import render_pages

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

TICK_SECONDS = 30.0
RETRY_AFTER = timedelta(minutes=5)


class DigestScheduler:
    """Waits for each digest's due time and posts it to the digest channel."""

    def __init__(
        self,
        client: discord.Client,
        workers: Workers,
        settings: DiscordSettings,
        clock: Clock,
        tick: float = TICK_SECONDS,
    ) -> None:
        if settings.digest_channel_id is None:
            raise ValueError("no digest channel configured")
        self.client = client
        self.workers = workers
        self.settings = settings
        self.channel_id = settings.digest_channel_id
        self.clock = clock
        self.tick = tick
        self.next_due: datetime | None = None
        # Who claims digests, unique among the bot processes sharing the base.
        self.owner = f"{socket.gethostname()} pid {os.getpid()} {secrets.token_hex(4)}"

    async def run(self) -> None:
        """Post digests until cancelled; a failed one is retried a few minutes later."""
        while True:
            try:
                await self._post_when_due()
            except discord.HTTPException as exc:
                # Discord's refusal says all there is to say: one line, no traceback.
                log.warning(
                    "Discord refused the digest for channel %s (%s %s); retrying in %s",
                    self.channel_id,
                    exc.status,
                    exc.text or exc.response.reason,
                    RETRY_AFTER,
                )
                await self._wait_until(self.clock() + RETRY_AFTER)
            except Exception:
                log.exception(
                    "the digest for channel %s failed; retrying in %s", self.channel_id, RETRY_AFTER
                )
                await self._wait_until(self.clock() + RETRY_AFTER)

    async def _post_when_due(self) -> None:
        """Wait for the digest owed next (none when one is pending), claim it, and post it
        (or what is missing of the pending one); the claim is given up if that fails."""
        due = None
        if await self.workers.read(pending_digest) is None:
            last = await self.workers.read(last_digest)
            now = self.clock()
            due = next_due(last, now, self.settings.digest_time, self.settings.zone)
            self.next_due = due
            log.info("next digest due at %s", due.isoformat())
            await self._wait_until(due)
        if not await self.workers.write(claim_digest, due, self.owner, self.clock()):
            log.info("another bot process posts the digest; looking again in %s", RETRY_AFTER)
            await self._wait_until(self.clock() + RETRY_AFTER)
            return
        try:
            # Read after claiming: what another process posted before it gave the digest up.
            pending = await self.workers.read(pending_digest)
            if pending is not None:
                log.info(
                    "finishing the digest up to %s: page %d on", pending.until, pending.posted + 1
                )
            await self.post(pending)
        except BaseException:
            await self.workers.write(release_digest, self.owner)
            raise

    async def post(self, pending: Pending | None = None) -> None:
        """Post the digest owed now (or skip it when empty, if so configured) and record it;
        with ``pending``, the pages of that digest not posted yet."""
        until = pending.until if pending else self.clock().replace(microsecond=0)
        answer = await self.workers.read(digest_since_last, until, self.settings.zone)
        if answer.items or not self.settings.digest_skip_empty:
            pages = render_pages(answer)
            channel = self.client.get_partial_messageable(self.channel_id)
            if pending is None:
                await self.workers.write(record_progress, until, 0)
            for number in range(pending.posted if pending else 0, len(pages)):
                await channel.send(**page_message(pages[number]))
                await self.workers.write(record_progress, until, number + 1)
            log.info("posted the digest: %s", answer.title)
        else:
            log.info("skipped an empty digest: %s", answer.message)
        await self.workers.write(record_digest, until)

    async def _wait_until(self, moment: datetime) -> None:
        while (left := (moment - self.clock()).total_seconds()) > 0:
            await asyncio.sleep(min(left, self.tick))
