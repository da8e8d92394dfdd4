"""Answering questions from the fact base, knowing nothing of Discord or the terminal.

``ask`` reads a question as typed, ``run`` answers a command by name, ``autocomplete``
proposes names; all return plain data (``Answer``) that ``bot.render`` shows.
"""

from bot.query.answer import Answer, Citation, Item
from bot.query.catalog import ANSWERED, COMMANDS, Command
from bot.query.commands import autocomplete, run
from bot.query.parse import ask

__all__ = [
    "ANSWERED",
    "COMMANDS",
    "Answer",
    "Citation",
    "Command",
    "Item",
    "ask",
    "autocomplete",
    "run",
]
