"""Running the real bot against the fake Discord, for one test at a time.

``discord_world`` starts a fake Discord, points discord.py at it, starts ``FactBot`` with the
given settings and waits until it has identified on the gateway; on leaving, it stops the
bot, fails the test on any request that broke Discord's rules, and restores discord.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import DiscordSettings, Settings, WebSettings
from bot.discord import FactBot, start_bot

from .server import WAIT, FakeDiscord


@dataclass
class World:
    fake: FakeDiscord
    bot: FactBot
    settings: Settings


def base_file(tmp_path: Path) -> Path:
    """Where the bot of a test finds its fact base."""
    return tmp_path / "base.sqlite3"


def make_settings(tmp_path: Path, web: WebSettings | None = None, **discord: Any) -> Settings:
    """Settings for the base (``base_file``) and a knowledge folder under ``tmp_path``."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir(exist_ok=True)
    return Settings(
        knowledge_dir=knowledge,
        db_path=base_file(tmp_path),
        discord=dataclasses.replace(DiscordSettings(), **discord),
        web=web or WebSettings(),
    )


async def first(task: asyncio.Task[Any], wait: Awaitable[None]) -> None:
    """Await ``wait`` unless ``task`` ends first (then re-raise what ended it)."""
    waiting = asyncio.ensure_future(wait)
    done, _ = await asyncio.wait({task, waiting}, timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        waiting.cancel()
        task.result()
        raise AssertionError("the bot stopped before it connected")
    if waiting not in done:
        waiting.cancel()
        raise TimeoutError("the bot did not connect to the fake Discord in time")
    waiting.result()


@asynccontextmanager
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    try:
        with fake.pointed_at():
            yield fake
    finally:
        await fake.close()


@asynccontextmanager
async def bot_running(
    fake: FakeDiscord, settings: Settings, token: str | None = None, **options: Any
) -> AsyncIterator[World]:
    """Run one ``FactBot`` against ``fake`` (which may outlive it, for restarts)."""
    bot = FactBot(settings, **options)
    task = asyncio.create_task(start_bot(bot, token or fake.token))
    identified = len(fake.identify_payloads)
    try:
        await first(task, fake.wait_connected(identifies=identified + 1))
        yield World(fake, bot, settings)
    finally:
        await asyncio.wait_for(bot.close(), WAIT)
        await asyncio.wait_for(task, WAIT)
    assert not fake.violations, "\n".join(fake.violations)


@asynccontextmanager
async def discord_world(
    tmp_path: Path,
    options: dict[str, Any] | None = None,
    *,
    admin_server: bool = False,
    web: WebSettings | None = None,
    **discord: Any,
) -> AsyncIterator[World]:
    """A fake Discord and the bot on it; ``discord`` are DiscordSettings fields. With
    ``admin_server`` the fake's newsroom guild is the bot's admin server (the commands
    stay global)."""
    async with fake_discord() as fake:
        if admin_server:
            discord["admin_guild_ids"] = (int(fake.guild_id),)
        settings = make_settings(tmp_path, web, **discord)
        async with bot_running(fake, settings, **(options or {})) as world:
            yield world


async def until(probe: Callable[[], Any], timeout: float = WAIT) -> Any:
    """Poll ``probe()`` (bot-side state the fake cannot see change) until it is truthy."""

    async def poll() -> Any:
        while not (result := probe()):
            await asyncio.sleep(0.01)
        return result

    return await asyncio.wait_for(poll(), timeout)
