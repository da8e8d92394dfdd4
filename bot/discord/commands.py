"""The slash commands as Discord shows them: names, descriptions, options, autocomplete.

Each command is registered from its record (``bot.query.catalog``): name, description,
options and which of them autocomplete names. What it answers is decided by the query layer,
or, for the commands only the bot has, by the ``FactBot`` method named in ``_carriers``.
Descriptions are what users read in Discord's command picker, so they say what the command
gives back, within Discord's 100 characters.

The admin commands (``/ingest``, ``/reindex``) are registered only in the configured admin
servers (``DiscordSettings.admin_guilds``), never globally: a global command would reach
every server anyone adds the bot to, where anyone may hold Manage Server. They also carry
Manage Server as their default member permission, so other members do not even see them.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.query import COMMANDS, Answer, Command
from bot.query.catalog import help_answer
from bot.store import Store

if TYPE_CHECKING:
    from bot.discord.client import FactBot

Choices = list[app_commands.Choice[str]]
# What a command's callback does with the interaction and the options' values, in order.
Carry = Callable[[discord.Interaction, list[Any]], Awaitable[None]]

# How each kind of option reaches the callback, and its value when left out.
_TYPES: dict[str, type] = {"text": str, "file": discord.Attachment, "flag": bool}
_LEFT_OUT: dict[str, Any] = {"text": "", "file": None, "flag": False}


def discord_help(store: Store) -> Answer:
    """The command list with the commands only the bot has."""
    return help_answer(commands=COMMANDS)


def _carriers(bot: FactBot) -> dict[str, Carry]:
    """The commands only the bot carries out, by name (``Command.handler`` None), and its
    own /help; every other command is answered by the query layer."""
    return {
        "digest": lambda interaction, _: bot.respond_with(interaction, bot.current_digest),
        "help": lambda interaction, _: bot.respond_with(interaction, discord_help),
        "ingest": lambda interaction, values: bot.ingest(interaction, *values),
        "reindex": lambda interaction, _: bot.reindex(interaction),
        "follow": lambda interaction, values: bot.feeds.follow(interaction, *values),
        "unfollow": lambda interaction, values: bot.feeds.unfollow(interaction, *values),
        "feeds": lambda interaction, _: bot.feeds.listing(interaction),
    }


def add_commands(tree: app_commands.CommandTree, bot: FactBot) -> None:
    """Register every command of ``COMMANDS`` on ``tree``: the questions everywhere, the
    admin commands in the admin servers only."""
    carriers = _carriers(bot)
    admin_guilds = [discord.Object(g) for g in bot.settings.discord.admin_guilds]
    for command in COMMANDS:
        if command.admin and not admin_guilds:
            continue
        carry = carriers.get(command.name) or _query(bot, command.name)
        registered = _registered(command, carry)
        if any(option.names for option in command.options):
            for option in command.options:
                if option.names:
                    registered.autocomplete(option.name)(_names(bot))
        if command.admin:
            tree.add_command(_admin_only(registered), guilds=admin_guilds)
        else:
            tree.add_command(registered)


def _query(bot: FactBot, name: str) -> Carry:
    async def carry(interaction: discord.Interaction, values: list[Any]) -> None:
        await bot.answer(interaction, name, *values)

    return carry


def _names(bot: FactBot) -> Callable[[discord.Interaction, str], Awaitable[Choices]]:
    async def entity_names(interaction: discord.Interaction, current: str) -> Choices:
        return await bot.names(current)

    return entity_names


def _registered(command: Command, carry: Carry) -> app_commands.Command[Any, ..., None]:
    """The slash command of a record: its options become the callback's parameters (what
    discord.py reads to declare them), each described as the record says."""

    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        await carry(interaction, [values[option.name] for option in command.options])

    parameters = [
        inspect.Parameter(
            "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
        )
    ]
    for option in command.options:
        default = (
            inspect.Parameter.empty
            if option.required
            else _LEFT_OUT[option.kind]
            if option.default is None
            else option.default
        )
        parameters.append(
            inspect.Parameter(
                option.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=_TYPES[option.kind],
                default=default,
            )
        )
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    callback.__discord_app_commands_param_description__ = {  # type: ignore[attr-defined]
        option.name: option.description for option in command.options
    }
    return app_commands.Command(
        name=command.name, description=command.description, callback=callback
    )


def _admin_only(
    command: app_commands.Command[Any, ..., None],
) -> app_commands.Command[Any, ..., None]:
    """Manage Server by default, in servers only, never installed for users."""
    command = app_commands.default_permissions(manage_guild=True)(command)
    command = app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)(command)
    command = app_commands.guild_only()(command)
    return app_commands.allowed_installs(guilds=True, users=False)(command)
