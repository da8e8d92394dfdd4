"""Identity within an article: which mentions name one entity, and the entities they make.

Full names head clusters; short forms join them (surname -> person, acronym or initials ->
organisation, a trailing part -> the longer name). A cluster named only in headlines is kept
only when it is a place or a people.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from bot.extract.entities.clusters import Cluster, Clusters
from bot.extract.entities.mention import STRONG, WEAK, NameMention
from bot.extract.lexicon import PARTICLES, common_words
from bot.extract.tokens import is_acronym
from bot.model import Article, Entity, Mention
from bot.textnorm import PATRONYMICS, name_key


def cluster(mentions: list[NameMention], bracketed: frozenset[str] = frozenset()) -> list[Cluster]:
    """The article's entities as clusters of ``mentions``, in the order they are made;
    ``bracketed``: words the article gives in brackets as acronyms ("(ICE)")."""
    clusters = Clusters()
    ordered = sorted(mentions, key=lambda m: (m.headline, m.start))
    full = [m for m in ordered if " " in m.key and not m.headline]  # two words or more
    for mention in full:
        home = clusters.by_key.get(mention.key) or _home_without_s(mention, clusters)
        if home is None:
            home = clusters.by_key[mention.key] = clusters.new()
        clusters.add(home, mention)
    placed = {id(m) for m in full}
    for mention in ordered:
        if id(mention) in placed:
            continue
        home = _home(mention, clusters, bracketed) or _home_without_s(mention, clusters)
        if home is None:
            home = clusters.new()
            clusters.by_key.setdefault(mention.key, home)
        clusters.add(home, mention)
    return [c for c in clusters.all if c.in_body or c.type in ("GPE", "NORP")]


def _home_without_s(mention: NameMention, clusters: Clusters) -> Cluster | None:
    """'Rashids', 'Omar al-Rashids': a possessive whose apostrophe the text lost."""
    surface, key = mention.surface, mention.key
    if not surface.endswith("s") or surface.endswith("ss") or mention.headline:
        return None
    mention.surface, mention.key = surface[:-1], name_key(surface[:-1])
    home = clusters.by_key.get(mention.key)
    if home is None and " " not in mention.key:
        home = _home(mention, clusters)
    if home is not None and home.type in ("PERSON", "ORG"):
        return home
    mention.surface, mention.key = surface, key
    return None


def _home(
    mention: NameMention, clusters: Clusters, bracketed: frozenset[str] = frozenset()
) -> Cluster | None:
    """The cluster a mention joins: the one with its key, the organisation its acronym or
    initials stand for, or the longer name it is a part of."""
    surface, key = mention.surface, mention.key
    if key in clusters.by_key:
        return clusters.by_key[key]
    letters = surface.replace(".", "")
    if is_acronym(surface) or surface in bracketed:
        for candidate in clusters.with_letters(letters):
            if letters in candidate.acronyms:
                return candidate
            if letters in candidate.initials and candidate.type != "PERSON":
                return candidate  # "D.C." is not David Cameron unless the article says so
        return None
    if mention.type in ("GPE", "NORP") and mention.strength >= STRONG:
        if mention.type == "GPE":
            # "Rogers" is a town, but not in an article about Mike Rogers.
            named = clusters.with_last_word(surface.lower())
            people = [c for c in named if c.type == "PERSON"]
            if people:
                mention.type, mention.strength = "PERSON", WEAK
                return people[-1]
        return None
    words = set(key.split())
    if not words:
        return None
    candidates = [
        c for c in clusters.with_words(words) if c.type in ("PERSON", "ORG", None) and c.in_body
    ]
    if len(words) == 1:
        # "Hamdan" is not "Faisal bin Hamdan", his son.
        candidates = [c for c in candidates if key not in c.fathers]
    if len(words) == 1 and words <= common_words():
        # A common word is a person's surname ("Rice"), never a body's short name: "State"
        # is not the "Islamic State", nor "Party" any party.
        candidates = [c for c in candidates if c.type == "PERSON"]
    if mention.type == "PERSON":
        candidates = [c for c in candidates if c.type == "PERSON"] or candidates
    if not candidates:
        return None

    # Several people share the word: the one the article names most (Juan Lopez, not
    # Maria, is "Lopez"), the most recently named among equals.
    def weight(candidate: Cluster) -> tuple[int, int]:
        before = bisect_left(candidate.starts, mention.start)
        return len(candidate.mentions), candidate.starts[before - 1] if before else -1

    return max(candidates, key=weight)


def _surname(name: str) -> str:
    """What a person is called by alone: "Rashid" for "Omar al-Rashid", but "bin Hamdan"
    for "Faisal bin Hamdan" (son of Hamdan, not Hamdan)."""
    words = name.split()
    surname = words[-1]
    if len(words) >= 3 and words[-2].lower() in PATRONYMICS:
        return f"{words[-2]} {surname}"
    head, dash, rest = surname.partition("-")
    return rest if dash and head.lower() in PARTICLES else surname


def _describes(kind: str, name: str, mention: NameMention) -> bool:
    """Whether the mention's description is the entity's. A person with a full name is
    described only where the full name stands: "President Quill" beside "Ada Quill" may
    be her husband, whom the article never names in full."""
    if not mention.description:
        return False
    full = kind == "PERSON" and len(name_key(name).split()) >= 2
    return not full or len(name_key(mention.surface).split()) >= 2


# How an article introduces someone it will know by one name only, just before the name:
# each a named rule with its example. Read over ``_INTRODUCTION_CHARS`` before the name.
PRIVATE_INTRODUCTIONS: dict[str, re.Pattern[str]] = {
    # "a man named Tobin", "a 40-year-old nurse called Odile"
    "someone named": re.compile(r"\b(?:an?|one)\s+(?:[\w'-]+\s+){0,3}(?:named|called)\s+$"),
    # "a driver, identified only as Tobin,", "known only by her first name, Odile"
    "identified only as": re.compile(
        r"\b(?:identified|known|referred\s+to)\s+only\s+(?:as|by)\s+"
        r"(?:(?:his|her|their)\s+first\s+name,?\s+)?$",
        re.IGNORECASE,
    ),
    # "who gave only his first name, Tobin"
    "gave only a first name": re.compile(
        r"\bgave\s+only\s+(?:his|her|their)\s+first\s+name,?\s+(?:as\s+)?$", re.IGNORECASE
    ),
}
_INTRODUCTION_CHARS = 60


def private_introduction(text: str, start: int) -> str | None:
    """The rule by which the name at ``start`` of ``text`` introduces a private person, if
    any: their one name says nothing of who they are beyond this article."""
    before = text[max(0, start - _INTRODUCTION_CHARS) : start]
    return next((rule for rule, cue in PRIVATE_INTRODUCTIONS.items() if cue.search(before)), None)


def _private(kind: str, name: str, article: Article, mentions: list[NameMention]) -> bool:
    """A person the article gives one name only, introduced as someone private
    (``PRIVATE_INTRODUCTIONS``)."""
    if kind != "PERSON" or len(name_key(name).split()) != 1:
        return False
    return any(private_introduction(article.text, m.start) for m in mentions)


def entity(article: Article, cluster: Cluster) -> Entity:
    """The entity a cluster makes: named by its fullest name in the body, with every other
    spelling (and a person's surname) as an alias."""
    kind = cluster.type or "OTHER"
    body = [m for m in cluster.mentions if not m.headline] or cluster.mentions
    uses: dict[str, int] = {}
    for m in body:
        uses[m.surface] = uses.get(m.surface, 0) + 1
    # The fullest name, written as a name rather than shouted ("Ada Quill", not the
    # "ADA QUILL" of a transcript's labels), then the most used.
    name = max(
        uses,
        key=lambda s: (len(name_key(s).split()), not is_acronym(s), not s.isupper(), uses[s]),
    )
    aliases = {m.surface for m in cluster.mentions} | cluster.acronyms
    if kind == "PERSON" and len(name_key(name).split()) >= 2:
        aliases.add(_surname(name))
    aliases.discard(name)
    descriptions = list(
        dict.fromkeys(m.description for m in cluster.mentions if _describes(kind, name, m))
    )
    mentions = [
        Mention(m.sentence, m.start, m.end, article.text[m.start : m.end])
        for m in sorted(cluster.mentions, key=attrgetter("start"))
    ]
    aliases_sorted = sorted(aliases, key=lambda a: (a.casefold(), a))
    # An acronym given in brackets right after a name is declared its: "(ICE)".
    defined = {m.acronym.replace(".", "") for m in cluster.mentions if m.acronym}
    declared = sorted((cluster.declared | defined) - {name}, key=lambda a: (a.casefold(), a))
    private = _private(kind, name, article, body)
    return Entity(name, kind, aliases_sorted, mentions, descriptions, declared, private)
