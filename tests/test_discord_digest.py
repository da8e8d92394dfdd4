"""The daily digest end to end: posted at its local time, once, across restarts and downtime.

The bot's clock is a plain function the test moves; the articles' arrival times are set by
building the base under ``time_machine``, so the digest windows line up with the clock.
"""

from __future__ import annotations

import logging
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from fake_discord import FakeDiscord
from fake_discord.harness import base_file, bot_running, fake_discord, make_settings, until
from fake_discord.newsroom import FLOOD_TITLE, MAYOR_QUOTE, build_newsroom, make_article

from bot.config import Settings
from bot.digest import record_digest
from bot.model import Extraction
from bot.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
DAY = datetime(2030, 3, 4, tzinfo=BERLIN)
EIGHT = time(8, 0)


class Clock:
    """The time the bot believes it is."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return DAY.replace(day=day, hour=hour, minute=minute, second=second)


def add_article(base: Path, arrived: datetime, article_id: str, title: str) -> None:
    article = make_article(article_id, title, [f"{title}, the harbour office said."])
    with time_machine.travel(arrived, tick=False), Store(base) as store:
        store.put_article(article, Extraction(), content_hash=article_id)


def settings_for(fake: FakeDiscord, tmp_path: Path, **discord: object) -> Settings:
    return make_settings(
        tmp_path,
        digest_channel_id=int(fake.digest_channel),
        digest_time=EIGHT,
        digest_timezone="Europe/Berlin",
        **discord,
    )


def posted(fake: FakeDiscord) -> list[str]:
    return [
        "\n".join(e.get("title", "") + "\n" + e.get("description", "") for e in m["embeds"])
        for m in fake.channel_messages(fake.digest_channel)
    ]


async def test_the_digest_is_posted_at_its_time_once_across_restarts(tmp_path: Path) -> None:
    base = base_file(tmp_path)
    with time_machine.travel(at(4, 6), tick=False):
        build_newsroom(base)
    clock = Clock(at(4, 7, 59, 30))
    async with fake_discord() as fake:
        settings = settings_for(fake, tmp_path)
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            assert await until(lambda: scheduler.next_due) == at(4, 8)
            assert posted(fake) == []
            clock.now = at(4, 8, 0, 5)
            digest = (await fake.wait_for(lambda: posted(fake)))[0]
            assert "Digest: 1 new article" in digest
            assert FLOOD_TITLE in digest and MAYOR_QUOTE in digest
            await until(lambda: scheduler.next_due == at(5, 8))

        clock.now = at(4, 8, 0, 10)  # a restart just after posting owes nothing
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            assert await until(lambda: scheduler.next_due) == at(5, 8)
        assert len(posted(fake)) == 1

        add_article(base, at(5, 12), "harbour", "Harbour office reopens in Lowater")
        clock.now = at(6, 9, 30)  # down through two digest times: one digest is owed
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            await until(lambda: scheduler.next_due == at(7, 8))
        digests = posted(fake)
        assert len(digests) == 2
        assert "Digest: 1 new article" in digests[1]
        assert "Lowater" in digests[1] and FLOOD_TITLE not in digests[1]


async def test_two_sharded_bot_processes_post_each_digest_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The two shards of one bot, each its own client with its own connections to the
    base, both reach the digest time: one of them posts it."""
    caplog.set_level(logging.INFO)
    base = base_file(tmp_path)
    with time_machine.travel(at(4, 6), tick=False):
        build_newsroom(base)
    clock = Clock(at(4, 7, 59, 30))
    async with fake_discord() as fake:
        shards = [settings_for(fake, tmp_path, shard_count=2, shard_ids=(n,)) for n in (0, 1)]
        async with (
            bot_running(fake, shards[0], clock=clock, digest_tick=0.01) as first,
            bot_running(fake, shards[1], clock=clock, digest_tick=0.01) as second,
        ):
            assert [p["shard"] for p in fake.identify_payloads] == [[0, 2], [1, 2]]
            schedulers = [first.bot.scheduler, second.bot.scheduler]
            assert None not in schedulers
            assert await until(lambda: {s.next_due for s in schedulers} == {at(4, 8)})
            clock.now = at(4, 8, 0, 5)
            await until(lambda: at(5, 8) in {s.next_due for s in schedulers})
            await until(lambda: "another bot process posts" in caplog.text)
            assert len(posted(fake)) == 1
            clock.now = at(4, 8, 10)  # the other one looks again: the digest is done
            await until(lambda: {s.next_due for s in schedulers} == {at(5, 8)})
        digests = posted(fake)
        assert len(digests) == 1
        assert "Digest: 1 new article" in digests[0] and FLOOD_TITLE in digests[0]


@pytest.mark.parametrize("skip_empty", [True, False])
async def test_an_empty_day_is_skipped_or_announced(tmp_path: Path, skip_empty: bool) -> None:
    base = base_file(tmp_path)
    with time_machine.travel(at(1, 6), tick=False):
        build_newsroom(base)  # arrived days before the window of the first digest
    clock = Clock(at(4, 8, 0, 1))
    async with fake_discord() as fake:
        settings = settings_for(fake, tmp_path, digest_skip_empty=skip_empty)
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            assert await until(lambda: scheduler.next_due) == at(5, 8)  # first run: wait
            clock.now = at(5, 8, 0, 1)
            await until(lambda: scheduler.next_due == at(6, 8))
        if skip_empty:
            assert posted(fake) == []
        else:
            assert len(posted(fake)) == 1
            assert "Nothing new since 2030-03-04 08:00" in posted(fake)[0]


async def test_digest_command_shows_what_arrived_since_the_last_digest(tmp_path: Path) -> None:
    base = base_file(tmp_path)
    with time_machine.travel(at(4, 6), tick=False):
        build_newsroom(base)
    clock = Clock(at(4, 7, 59, 59))
    async with fake_discord() as fake:
        settings = settings_for(fake, tmp_path)
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            await until(lambda: scheduler.next_due)
            clock.now = at(4, 8, 0, 1)
            await until(lambda: scheduler.next_due == at(5, 8))
            add_article(base, at(4, 9), "harbour", "Harbour office reopens in Lowater")
            clock.now = at(4, 10)
            await fake.wait_commands(None)
            reply = await fake.reply(await fake.slash("digest", fake.bob))
            embed = reply["embeds"][0]
            assert embed["title"].startswith("Digest: 1 new article since 2030-03-04 08:00")
            assert "Lowater" in embed["description"]
            assert FLOOD_TITLE not in embed["description"]
        assert len(posted(fake)) == 1  # /digest shows; it does not post or move the window


# -- a page that fails ------------------------------------------------------------------------


def long_digest_base(base: Path, arrived: datetime) -> None:
    """Twenty bulletins with long lead sentences: a digest of four pages or more."""
    for n in range(20):
        lead = (
            f"Harbour bulletin {n}: the harbour office of Lowater said that the north quay, "
            "the ferry ramp and the fish market would stay closed for repairs this week, "
            "while the pilots keep guiding the cargo boats through the outer channel at dawn, "
            "and the harbour master asked the skippers of the smaller fishing boats to moor "
            "at the south pier until the cranes on the old dock have been checked again."
        )
        add_article(base, arrived, f"bulletin-{n:02d}", lead)


def footers(fake: FakeDiscord) -> list[str]:
    return [
        e.get("footer", {}).get("text", "")
        for m in fake.channel_messages(fake.digest_channel)
        for e in m["embeds"]
    ]


def every_page_once(fake: FakeDiscord) -> bool:
    pages = [f.split("Page ")[1].split()[0] for f in footers(fake) if "Page " in f]
    total = int(pages[0].split("/")[1]) if pages else 0
    return pages == [f"{n}/{total}" for n in range(1, total + 1)]


@pytest.mark.parametrize("posted_before", [True, False], ids=["posted before", "new bot"])
async def test_a_refused_page_is_posted_once_when_retried(
    tmp_path: Path, posted_before: bool, caplog: pytest.LogCaptureFixture
) -> None:
    base = base_file(tmp_path)
    long_digest_base(base, at(4, 6))
    if posted_before:
        with Store(base) as store:
            record_digest(store, at(3, 8))
    clock = Clock(at(4, 8, 0, 5) if posted_before else at(4, 7, 59, 30))
    async with fake_discord() as fake:
        fake.refuse(fake.digest_channel, 3)  # the third page, once
        settings = settings_for(fake, tmp_path)
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            if not posted_before:
                assert await until(lambda: scheduler.next_due) == at(4, 8)
                clock.now = at(4, 8, 0, 5)
            # The bot has logged the refusal (and so set its retry time) before the clock moves.
            await until(lambda: any("retrying" in r.getMessage() for r in caplog.records))
            refusal = next(r for r in caplog.records if "retrying" in r.getMessage())
            assert refusal.exc_info is None  # one line, no traceback
            assert len(footers(fake)) == 2  # pages 1 and 2 are out, page 3 was refused
            clock.now = at(4, 8, 10)  # the retry, a few minutes later
            await until(lambda: scheduler.next_due == at(5, 8))
            assert len(footers(fake)) >= 4 and every_page_once(fake)
        posted = len(footers(fake))
        async with bot_running(fake, settings, clock=clock, digest_tick=0.01) as world:
            scheduler = world.bot.scheduler
            assert scheduler is not None
            assert await until(lambda: scheduler.next_due) == at(5, 8)
        assert len(footers(fake)) == posted  # a restart posts nothing more
