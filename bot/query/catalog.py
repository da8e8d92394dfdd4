"""Every command, declared once: what users type, read and pick, and what answers it.

A :class:`Command` holds all there is to know of a command: its name, how it is typed
(``usage``), its line in /help (``summary``), its description and options in Discord's
command picker, the plain-language phrases that reach it, whether only admins may use it,
and its handler. The help, the dispatch (``bot.query.commands``), the phrase parser
(``bot.query.parse``), the command line's list of questions and the Discord registration
(``bot.discord.commands``) are all built from ``COMMANDS``, so adding a command is one record
here and its handler.

Commands that only the bot can carry out (``handler`` None: the digest, the admin commands)
are answered by the Discord adapter, which looks them up by name; the command line neither
lists nor runs them. The handlers are reached through their modules at call time, since
those modules read their own usage from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.ingest import SUFFIXES
from bot.query import articles as _articles
from bot.query import figures as _figures
from bot.query import quotes as _quotes
from bot.query import search as _search
from bot.query import who as _who
from bot.query.answer import Answer
from bot.store import Store

Handler = Callable[[Store, str, str], Answer]


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a command in Discord's picker. ``kind``: free text, an attached file
    or a yes/no flag; ``names``: offered the base's entity names as the user types."""

    name: str
    description: str
    kind: Literal["text", "file", "flag"] = "text"
    required: bool = True
    names: bool = False
    default: str | bool | None = None  # when left out; None: the kind's own ("", no, none)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A plain-language way to ask for a command: a regular expression over the whole
    question, with the groups ``arg`` (and ``about``). ``first``: tried before the other
    commands' phrases, being a narrower reading of words one of them would take ("what is
    the unemployment rate" is a measure before it is a name)."""

    pattern: str
    first: bool = False


@dataclass(frozen=True, slots=True)
class Command:
    """A command and all that is built from it (see the module's docstring)."""

    name: str
    usage: str  # as typed: "/who NAME"
    summary: str  # its line in /help
    description: str  # in Discord's command picker, at most 100 characters
    options: tuple[Option, ...] = ()
    handler: Handler | None = None  # None: the bot alone carries it out
    phrases: tuple[Phrase, ...] = ()
    admin: bool = False  # only admins, only in the admin servers


COMMANDS: tuple[Command, ...] = (
    Command(
        "who",
        "/who NAME",
        "who or what NAME is: type, other names, roles, and cited sentences",
        "Who or what someone is, with cited sentences",
        (Option("name", "A person, group or place named in the articles", names=True),),
        lambda store, argument, _about: _who.who(store, argument),
        (
            Phrase(r"^(?:who|what)\s+(?:is|are|was|were)\s+(?P<arg>.+)$"),
            Phrase(r"^(?:who|what)['’]s\s+(?P<arg>.+)$"),
            Phrase(r"^tell\s+me\s+about\s+(?P<arg>.+)$"),
        ),
    ),
    Command(
        "figures",
        "/figures TOPIC",
        "numbers reported about TOPIC by measure, newest first, with a timeline",
        "Numbers reported about a topic by measure, newest first",
        (Option("topic", "What was counted, e.g. displaced, killed, refugees"),),
        lambda store, argument, _about: _figures.figures(store, argument),
        (
            Phrase(
                r"^what\s+(?:is|are|was|were)\s+(?:the\s+)?(?P<arg>.+?\b(?:rate|rates|price"
                r"|prices|cost|costs|level|total|deficit|debt|toll|share|percentage|budget|wage"
                r"|wages|salary|population|turnout|inflation|unemployment|growth)\b.*)$",
                first=True,
            ),
            Phrase(r"^(?:figures?|numbers?|stats|statistics)\s+(?:on|about|for|of)\s+(?P<arg>.+)$"),
            Phrase(r"^how\s+(?:many|much)\s+(?P<arg>.+)$"),
        ),
    ),
    Command(
        "quote",
        "/quote NAME [ABOUT]",
        "all NAME said in direct quotes, newest first, optionally about ABOUT",
        "What someone said in direct quotes, newest first",
        (
            Option("name", "Who said it", names=True),
            Option("about", "Only quotes containing these words (optional)", required=False),
        ),
        lambda store, argument, about: _quotes.quote(store, argument, about),
        (
            Phrase(r"^what\s+(?:did|does|has)\s+(?P<arg>.+?)\s+say(?:\s+about\s+(?P<about>.+))?$"),
            Phrase(r"^(?:quotes?|statements?)\s+(?:by|from|of)\s+(?P<arg>.+)$"),
        ),
    ),
    Command(
        "search",
        "/search TEXT",
        "sentences containing the words of TEXT, best matches first",
        "Sentences containing your words, best first",
        (Option("text", "Words to look for in every article"),),
        lambda store, argument, _about: _search.search(store, argument),
        (Phrase(r"^(?:search|find)\s+(?:for\s+)?(?P<arg>.+)$"),),
    ),
    Command(
        "articles",
        "/articles",
        "the indexed articles with how many facts each gave",
        "The indexed articles, with the facts each gave",
        handler=lambda store, _argument, _about: _articles.articles(store),
        phrases=(Phrase(r"^(?:list\s+)?(?:the\s+|all\s+)?articles$"),),
    ),
    Command(
        "article",
        "/article ID",
        "everything drawn from one article",
        "Everything drawn from one article",
        (Option("id", "The article's id, as /articles lists it"),),
        lambda store, argument, _about: _articles.article(store, argument),
    ),
    Command(
        "help",
        "/help",
        "this list",
        "The commands and what they answer",
        handler=lambda _store, argument, _about: help_answer(argument),
    ),
    Command(
        "digest",
        "/digest",
        "what arrived since the last daily digest, cited",
        "What arrived since the last daily digest",
    ),
    Command(
        "ingest",
        "/ingest FILE [replace] | /ingest url: URL",
        "admins: add an attached article file, or the article at a web address, to the"
        " knowledge folder and index it",
        "Admins: add an article file, or a web page's article, to the knowledge base",
        (
            Option("file", f"An article file: {', '.join(SUFFIXES)}", kind="file", required=False),
            Option(
                "replace",
                "Replace the articles it would overwrite (same file name or article id)",
                kind="flag",
                required=False,
            ),
            Option("url", "Or the web address of an article to fetch", required=False),
        ),
        admin=True,
    ),
    Command(
        "follow",
        "/follow URL [announce]",
        "admins: follow an RSS or Atom feed, its new articles indexed (and announced here)",
        "Admins: follow a news feed; its new articles are fetched and indexed",
        (
            Option("url", "The feed's web address (RSS or Atom)"),
            Option(
                "announce",
                "Post its new articles in this channel (default: yes)",
                kind="flag",
                required=False,
                default=True,
            ),
        ),
        admin=True,
    ),
    Command(
        "unfollow",
        "/unfollow URL",
        "admins: stop following a feed",
        "Admins: stop following a news feed",
        (Option("url", "The feed's web address, as /feeds lists it"),),
        admin=True,
    ),
    Command(
        "feeds",
        "/feeds",
        "admins: the followed feeds, each with its state, last success and last error",
        "Admins: the followed feeds and how each is doing",
        admin=True,
    ),
    Command(
        "reindex",
        "/reindex",
        "admins: index new and changed files of the knowledge folder now",
        "Admins: index new and changed article files now",
        admin=True,
    ),
)

BY_NAME = {command.name: command for command in COMMANDS}
# What the query layer answers by itself (the command line's commands).
ANSWERED = tuple(command for command in COMMANDS if command.handler is not None)


def usage(name: str) -> str:
    """How a command is typed: "who" -> "/who NAME"."""
    return BY_NAME[name].usage


def help_text(commands: tuple[Command, ...] = ANSWERED) -> str:
    """The command list, one command a line."""
    return "\n".join(f"{command.usage} — {command.summary}" for command in commands)


def help_answer(
    query: str = "", problem: str = "", commands: tuple[Command, ...] = ANSWERED
) -> Answer:
    """The list of commands, after ``problem`` when there is one to explain."""
    listed = help_text(commands)
    message = f"{problem}\n{listed}" if problem else listed
    return Answer("help", query, None, [], title="factbot commands", message=message)
