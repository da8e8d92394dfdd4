"""The answers a command gives when it cannot answer: bad input, no entity, several entities.

Commands that take a name share these, so "nothing found" reads the same everywhere and
always comes with ``entity`` null and no results, never with a guess.
"""

from __future__ import annotations

from bot.query import catalog, inputs
from bot.query.answer import Answer, plural
from bot.query.names import Match, Resolution, name_index
from bot.store import Store


def refusal(command: str, query: str, message: str) -> Answer:
    """An answer that only explains why there is no answer."""
    return Answer(command, query, None, [], title=f"/{command}: cannot answer", message=message)


def lookup(store: Store, command: str, name: str) -> Match | Answer:
    """The entity ``name`` stands for, or the answer explaining why there is none."""
    problem = inputs.problem(name, catalog.usage(command), inputs.MAX_NAME_CHARS)
    if problem:
        return refusal(command, name, problem)
    resolution = name_index(store).resolve(name)
    return resolution.found or unresolved(command, name, resolution)


def match_note(query: str, found: Match) -> str:
    """What to tell the user about how ``query`` was matched: a typo's closest match, or
    the entity chosen among several the name fits."""
    shown = " ".join(query.split())
    if found.others:
        also = "; ".join(
            f"{e.name} ({e.type}, {plural(e.articles, 'article')})" for e in found.others
        )
        return (
            f"“{shown}” most often means {found.entity.name} "
            f"({plural(found.entity.articles, 'article')}); it may also mean {also}."
        )
    return "" if found.exact else f"Closest match for “{shown}”."


def unresolved(command: str, query: str, resolution: Resolution) -> Answer:
    """Nothing close enough, or several entities about equally close: say so, don't guess."""
    shown = " ".join(query.split())
    if resolution.tied:
        listing = "; ".join(
            f"{m.entity.name} ({m.entity.type}, {plural(m.entity.articles, 'article')})"
            for m in resolution.tied
        )
        message = (
            f"“{shown}” fits several entities about equally well: {listing}. "
            "Please give the full name."
        )
        title = f"Which “{shown}”?"
    else:
        title = f"Nothing found for “{shown}”"
        message = f"No entity in the base is called “{shown}”."
        if not resolution.suggestions:
            message += f" No known name is close; /search {shown} looks in every sentence."
    return Answer(
        command,
        query,
        None,
        [],
        title=title,
        message=message,
        suggestions=list(resolution.suggestions),
    )
