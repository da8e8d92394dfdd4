"""The slash commands as Discord shows them: names, descriptions, options, autocomplete.

Each command is one line of wiring into ``FactBot``; what it answers is decided by the query
layer. Descriptions are what users read in Discord's command picker, so they say what the
command gives back, within Discord's 100 characters.

The admin commands (``/ingest``, ``/reindex``) are registered only in the configured admin
servers (``DiscordSettings.admin_guilds``), never globally: a global command would reach
every server anyone adds the bot to, where anyone may hold Manage Server. They also carry
Manage Server as their default member permission, so other members do not even see them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot import query
from bot.ingest import SUFFIXES
from bot.query.answer import Answer
from bot.store import Store

if TYPE_CHECKING:
    from bot.discord.client import FactBot

Choices = list[app_commands.Choice[str]]

# Commands only the bot has (the query layer's HELP lists the ones the command line shares).
DISCORD_HELP: list[tuple[str, str]] = [
    ("/digest", "what arrived since the last daily digest, cited"),
    (
        "/ingest FILE [replace]",
        "admins: add an attached article file to the knowledge folder and index it",
    ),
    ("/reindex", "admins: index new and changed files of the knowledge folder now"),
]


def discord_help(store: Store) -> Answer:
    """The query layer's command list, with the commands only the bot has."""
    answer = query.run(store, "help")
    answer.message += "".join(f"\n{usage} — {what}" for usage, what in DISCORD_HELP)
    return answer


def add_commands(tree: app_commands.CommandTree, bot: FactBot) -> None:
    """Register every command on ``tree``: the questions everywhere, the admin commands in
    the admin servers only."""

    @tree.command(name="who", description="Who or what someone is, with cited sentences")
    @app_commands.describe(name="A person, group or place named in the articles")
    async def who(interaction: discord.Interaction, name: str) -> None:
        await bot.answer(interaction, "who", name)

    @tree.command(
        name="figures", description="Numbers reported about a topic by measure, newest first"
    )
    @app_commands.describe(topic="What was counted, e.g. displaced, killed, refugees")
    async def figures(interaction: discord.Interaction, topic: str) -> None:
        await bot.answer(interaction, "figures", topic)

    @tree.command(name="quote", description="What someone said in direct quotes, newest first")
    @app_commands.describe(
        name="Who said it", about="Only quotes containing these words (optional)"
    )
    async def quote(interaction: discord.Interaction, name: str, about: str = "") -> None:
        await bot.answer(interaction, "quote", name, about)

    @tree.command(name="search", description="Sentences containing your words, best first")
    @app_commands.describe(text="Words to look for in every article")
    async def search(interaction: discord.Interaction, text: str) -> None:
        await bot.answer(interaction, "search", text)

    @tree.command(name="articles", description="The indexed articles, with the facts each gave")
    async def articles(interaction: discord.Interaction) -> None:
        await bot.answer(interaction, "articles")

    @tree.command(name="article", description="Everything drawn from one article")
    @app_commands.describe(id="The article's id, as /articles lists it")
    async def article(interaction: discord.Interaction, id: str) -> None:
        await bot.answer(interaction, "article", id)

    @tree.command(name="digest", description="What arrived since the last daily digest")
    async def digest(interaction: discord.Interaction) -> None:
        await bot.respond_with(interaction, bot.current_digest)

    @tree.command(name="help", description="The commands and what they answer")
    async def help_(interaction: discord.Interaction) -> None:
        await bot.respond_with(interaction, discord_help)

    @who.autocomplete("name")
    @quote.autocomplete("name")
    async def entity_names(interaction: discord.Interaction, current: str) -> Choices:
        return await bot.names(current)

    admin_guilds = [discord.Object(g) for g in bot.settings.discord.admin_guilds]
    if admin_guilds:
        _add_admin_commands(tree, bot, admin_guilds)


def _add_admin_commands(
    tree: app_commands.CommandTree, bot: FactBot, guilds: list[discord.Object]
) -> None:
    @tree.command(
        name="ingest",
        description="Admins: add an article file to the knowledge base",
        guilds=guilds,
    )
    @app_commands.describe(
        file=f"An article file: {', '.join(SUFFIXES)}",
        replace="Replace the articles it would overwrite (same file name or article id)",
    )
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
    @app_commands.guild_only()
    @app_commands.allowed_installs(guilds=True, users=False)
    async def ingest(
        interaction: discord.Interaction, file: discord.Attachment, replace: bool = False
    ) -> None:
        await bot.ingest(interaction, file, replace)

    @tree.command(
        name="reindex", description="Admins: index new and changed article files now", guilds=guilds
    )
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
    @app_commands.guild_only()
    @app_commands.allowed_installs(guilds=True, users=False)
    async def reindex(interaction: discord.Interaction) -> None:
        await bot.reindex(interaction)
