"""Reading a question as typed on the command line or in a direct message.

"/who Lindqvist" and "who is Lindqvist?" reach the same command. Text that is neither a command
nor a known phrasing is tried as a name, then as a search; only when both find nothing does
the user get the list of commands.
"""

from __future__ import annotations

import re

from bot.ingest.characters import EDGE_MARKS
from bot.query import inputs
from bot.query.answer import Answer
from bot.query.catalog import ANSWERED, help_answer, usage
from bot.query.commands import run
from bot.query.names import name_index
from bot.store import Store

_COMMAND = re.compile(r"^/?(?P<command>[^\W\d_]+)\b\s*(?P<arg>.*)$", re.DOTALL)
# Each command's phrases, the narrower readings first (``Phrase.first``).
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(phrase.pattern, re.IGNORECASE | re.DOTALL), command.name)
    for first in (True, False)
    for command in ANSWERED
    for phrase in command.phrases
    if phrase.first == first
]
_ANSWERED = {command.name for command in ANSWERED}


def ask(store: Store, text: str) -> Answer:
    """The answer to a question typed as a command or in plain words."""
    question = text.strip()
    if question.startswith("/"):
        command = _COMMAND.match(question)
        if command is None:
            return help_answer(text, "That is not a command. The commands are:")
        return run(store, command["command"], _trim(command["arg"]))
    problem = inputs.problem(question, "the commands are")
    if problem:
        return help_answer(text, problem)
    for pattern, name in _PHRASES:
        phrase = pattern.match(_trim(question))
        if phrase:
            found = phrase.groupdict()
            return run(store, name, _trim(found.get("arg") or ""), _trim(found.get("about") or ""))
    command = _COMMAND.match(question)
    if command and command["command"].casefold() in _ANSWERED:
        return run(store, command["command"], _trim(command["arg"]))
    return _guess(store, text, _trim(question))


def _guess(store: Store, text: str, question: str) -> Answer:
    """Plain words: a name if they name something, else the sentences that contain them."""
    is_name = not inputs.problem(question, usage("who"), inputs.MAX_NAME_CHARS)
    if is_name and name_index(store).resolve(question).found:
        return run(store, "who", question)
    found = run(store, "search", question)
    if found.items:
        return found
    shown = " ".join(question.split())[: inputs.MAX_NAME_CHARS]
    return help_answer(text, f"Nothing is known about “{shown}”. The commands are:")


def _trim(text: str) -> str:
    return text.strip(EDGE_MARKS)
