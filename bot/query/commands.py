"""Answers addressed by command name, as slash commands and the command line call them."""

from __future__ import annotations

from bot.query import inputs
from bot.query.answer import Answer
from bot.query.catalog import BY_NAME, help_answer
from bot.query.names import MAX_CHOICE_CHARS, name_index
from bot.store import Store

MAX_CHOICES = 25


def run(store: Store, command: str, argument: str = "", about: str = "") -> Answer:
    """The answer to ``command`` ("who", "/who", ...); the command list for unknown ones
    and for those only the bot carries out."""
    found = BY_NAME.get(command.strip().lstrip("/").casefold())
    if found is None:
        shown = " ".join(command.split())[: inputs.MAX_NAME_CHARS]
        return help_answer(command, f"There is no command “{shown}”. The commands are:")
    if found.handler is None:
        return help_answer(
            command,
            f"{found.usage} is one of the bot's slash commands: pick it from Discord's command"
            " list. The commands answered here are:",
        )
    return found.handler(store, argument, about)


def autocomplete(store: Store, partial: str, limit: int = MAX_CHOICES) -> list[str]:
    """Up to ``limit`` (at most 25) canonical names for a partly typed name, best first."""
    return name_index(store).complete(partial[:MAX_CHOICE_CHARS], min(limit, MAX_CHOICES))
