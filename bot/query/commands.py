"""Answers addressed by command name, as slash commands and the command line call them."""

from __future__ import annotations

from collections.abc import Callable

from bot.query import inputs
from bot.query.answer import Answer
from bot.query.articles import article, articles
from bot.query.figures import figures
from bot.query.names import MAX_CHOICE_CHARS, name_index
from bot.query.quotes import quote
from bot.query.search import search
from bot.query.usage import help_text
from bot.query.who import who
from bot.store import Store

MAX_CHOICES = 25


def help_answer(query: str = "", problem: str = "") -> Answer:
    """The list of commands, after ``problem`` when there is one to explain."""
    message = f"{problem}\n{help_text()}" if problem else help_text()
    return Answer("help", query, None, [], title="factbot commands", message=message)


_COMMANDS: dict[str, Callable[[Store, str, str], Answer]] = {
    "who": lambda store, argument, _: who(store, argument),
    "figures": lambda store, argument, _: figures(store, argument),
    "quote": quote,
    "search": lambda store, argument, _: search(store, argument),
    "articles": lambda store, _argument, _about: articles(store),
    "article": lambda store, argument, _: article(store, argument),
    "help": lambda _store, argument, _: help_answer(argument),
}


def run(store: Store, command: str, argument: str = "", about: str = "") -> Answer:
    """The answer to ``command`` ("who", "/who", ...); the command list for unknown ones."""
    name = command.strip().lstrip("/").casefold()
    handler = _COMMANDS.get(name)
    if handler is None:
        shown = " ".join(command.split())[: inputs.MAX_NAME_CHARS]
        return help_answer(command, f"There is no command “{shown}”. The commands are:")
    return handler(store, argument, about)


def autocomplete(store: Store, partial: str, limit: int = MAX_CHOICES) -> list[str]:
    """Up to ``limit`` (at most 25) canonical names for a partly typed name, best first."""
    return name_index(store).complete(partial[:MAX_CHOICE_CHARS], min(limit, MAX_CHOICES))
