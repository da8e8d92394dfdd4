"""The Discord adapter: slash commands, DMs, page buttons, the digest and the folder watch.

``run_bot(settings)`` is what ``factbot run`` calls; ``start_bot(bot, token)`` is the same
start-up for code that already runs an event loop (the end-to-end tests). The package
imports discord.py as ``discord``; inside it, ``bot.discord`` is always spelled in full.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import discord

from bot.config import ConfigError, Settings
from bot.discord.client import FactBot

__all__ = ["FactBot", "run_bot", "start_bot"]


# The gateway's close code for a token it does not accept (at login, or mid-session after
# the token was reset in the Developer Portal).
AUTHENTICATION_FAILED = 4004


def _rejected_token(bot: FactBot) -> ConfigError:
    env = bot.settings.discord.token_env
    return ConfigError(
        f"{env}: Discord rejected the bot token in this environment variable; copy a "
        "fresh one from the Developer Portal (your application -> Bot -> Reset Token)"
    )


async def start_bot(bot: FactBot, token: str) -> None:
    """Log in, check settings, sync commands and serve until ``bot.close()``.

    A token Discord refuses, at login or later on the gateway, is a ``ConfigError`` naming
    the variable it came from.
    """
    try:
        await bot.start(token)
    except discord.LoginFailure as exc:
        raise _rejected_token(bot) from exc
    except discord.PrivilegedIntentsRequired as exc:
        raise ConfigError(
            "Discord refused the gateway intents this bot uses (guilds and direct "
            "messages; close code 4014). It asks for no privileged intent: check that the "
            "token belongs to this bot's application and that the application is not "
            "restricted (Developer Portal -> your application -> Bot)"
        ) from exc
    except discord.ConnectionClosed as exc:
        if exc.code != AUTHENTICATION_FAILED:
            raise
        raise _rejected_token(bot) from exc


async def _serve(settings: Settings, token: str) -> None:
    async with FactBot(settings) as bot:
        await start_bot(bot, token)


def run_bot(settings: Settings) -> None:
    """Run the bot until interrupted (blocking). Bad settings raise ``ConfigError``."""
    token = settings.discord.token()
    if not logging.getLogger().handlers:
        discord.utils.setup_logging()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(settings, token))
