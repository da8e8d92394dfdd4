"""Feeds and links from Discord, end to end: /follow, /feeds, /unfollow and /ingest url: by
an admin in the admin server, and the announcement a polling round posts, all against the
fake Discord (which checks every request against Discord's API description) and a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fake_discord.harness import discord_world
from websites import PARAGRAPHS, Site, page, rss

from bot.config import WebSettings

EPHEMERAL = 1 << 6
WEB = WebSettings(allow_hosts=("127.0.0.1",), host_interval_seconds=0, timeout_seconds=2)


async def admin_says(fake: Any, command: str, **options: Any) -> str:
    reply = await fake.reply(await fake.slash(command, fake.carol, **options))
    assert reply["flags"] & EPHEMERAL
    return reply["content"]


async def test_a_followed_feed_is_polled_indexed_and_announced(tmp_path: Path, site: Site) -> None:
    first = site.serve("/one", page("Ferry returns to Lake Orrin"))
    second = site.serve(
        "/two", page("Two boats join", [p.replace("240", "310") for p in PARAGRAPHS])
    )
    feed = site.serve("/feed.xml", rss(("Ferry returns", first), ("Two boats", second)),
                      kind="application/rss+xml")  # fmt: skip
    async with discord_world(tmp_path, admin_server=True, web=WEB) as world:
        fake, bot = world.fake, world.bot
        await fake.wait_commands(fake.guild_id)
        said = await admin_says(fake, "follow", url=feed)
        assert said.startswith(f"Following {feed}") and "announced here" in said
        await bot.feeds.poll_round()
        [post] = [
            m
            for m in fake.channel_messages(fake.general_channel)
            if "New from" in (m.get("content") or "")
        ]
        assert "Ferry returns to Lake Orrin" in post["content"]
        assert "Petra Lund" in post["content"]
        assert post["content"].count("\n- [") == 2 and first in post["content"]
        # (The fake checks every message against Discord's rules, no-ping included.)
        listing = await admin_says(fake, "feeds")
        assert feed in listing and "ok; last success" in listing
        who = await fake.reply(await fake.slash("who", fake.bob, name="Petra Lund"))
        assert "Petra Lund" in str(who)
        await bot.feeds.poll_round()  # not due again yet: nothing more is posted
        assert (
            sum(
                "New from" in (m.get("content") or "")
                for m in fake.channel_messages(fake.general_channel)
            )
            == 1
        )
        said = await admin_says(fake, "unfollow", url=feed)
        assert said == f"No longer following {feed}."
        assert "No feeds are followed" in await admin_says(fake, "feeds")


async def test_ingest_url_fetches_one_article_and_refuses_private_addresses(
    tmp_path: Path, site: Site
) -> None:
    url = site.serve("/ferry", page("Ferry returns to Lake Orrin"))
    site.serve("/inside", "", status=302, Location="http://192.168.0.10/admin")
    async with discord_world(tmp_path, admin_server=True, web=WEB) as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        said = await admin_says(fake, "ingest", url=url)
        assert said.startswith("added web-")
        said = await admin_says(fake, "ingest", url=url)
        assert "already fetched" in said
        said = await admin_says(fake, "ingest", url=site.base + "/inside")
        assert "refused" in said and "private address" in said
        said = await admin_says(fake, "ingest")
        assert said.startswith("Give either an article file or the url:")


async def test_feed_commands_are_for_admins_only(tmp_path: Path, site: Site) -> None:
    feed = site.serve("/feed.xml", rss(), kind="application/rss+xml")
    async with discord_world(tmp_path, admin_server=True, web=WEB) as world:
        fake = world.fake
        await fake.wait_commands(fake.guild_id)
        reply = await fake.reply(await fake.slash("follow", fake.bob, url=feed))
        assert reply["flags"] & EPHEMERAL and "Following" not in reply["content"]
        assert not site.requests
