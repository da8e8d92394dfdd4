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
from bot.query.commands import help_answer, run
from bot.query.names import name_index
from bot.query.usage import USAGE
from bot.store import Store

_COMMAND = re.compile(r"^/?(?P<command>[^\W\d_]+)\b\s*(?P<arg>.*)$", re.DOTALL)
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE | re.DOTALL), command)
    for p, command in (
        # "what is the unemployment rate": a measure, not a name
        (
            r"^what\s+(?:is|are|was|were)\s+(?:the\s+)?(?P<arg>.+?\b(?:rate|rates|price|prices"
            r"|cost|costs|level|total|deficit|debt|toll|share|percentage|budget|wage|wages"
            r"|salary|population|turnout|inflation|unemployment|growth)\b.*)$",
            "figures",
        ),
        (r"^(?:who|what)\s+(?:is|are|was|were)\s+(?P<arg>.+)$", "who"),
        (r"^(?:who|what)['’]s\s+(?P<arg>.+)$", "who"),
        (r"^tell\s+me\s+about\s+(?P<arg>.+)$", "who"),
        (r"^what\s+(?:did|does|has)\s+(?P<arg>.+?)\s+say(?:\s+about\s+(?P<about>.+))?$", "quote"),
        (r"^(?:quotes?|statements?)\s+(?:by|from|of)\s+(?P<arg>.+)$", "quote"),
        (
            r"^(?:figures?|numbers?|stats|statistics)\s+(?:on|about|for|of)\s+(?P<arg>.+)$",
            "figures",
        ),
        (r"^how\s+(?:many|much)\s+(?P<arg>.+)$", "figures"),
        (r"^(?:search|find)\s+(?:for\s+)?(?P<arg>.+)$", "search"),
        (r"^(?:list\s+)?(?:the\s+|all\s+)?articles$", "articles"),
    )
]


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
    if command and command["command"].casefold() in USAGE:
        return run(store, command["command"], _trim(command["arg"]))
    return _guess(store, text, _trim(question))


def _guess(store: Store, text: str, question: str) -> Answer:
    """Plain words: a name if they name something, else the sentences that contain them."""
    is_name = not inputs.problem(question, USAGE["who"], inputs.MAX_NAME_CHARS)
    if is_name and name_index(store).resolve(question).found:
        return run(store, "who", question)
    found = run(store, "search", question)
    if found.items:
        return found
    shown = " ".join(question.split())[: inputs.MAX_NAME_CHARS]
    return help_answer(text, f"Nothing is known about “{shown}”. The commands are:")


def _trim(text: str) -> str:
    return text.strip(EDGE_MARKS)
