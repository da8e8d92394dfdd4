"""/who NAME: what an entity is, and the best sentences about it, spread across articles.

A sentence where the entity is quoted, described by the role an article gives it, or is the
subject (it opens the sentence, after at most a title or its role) says more than a passing
mention, so those rank first. The answer is spread across sources: every article's best
sentence comes before any article's second, with at most ``PER_ARTICLE`` from one article,
so readers see what each source says. The articles drawn on are those naming the entity
most, the newest among equals.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from bot.extract.lexicon import (
    BODY_KINDS,
    PLACE_HEADS,
    TITLE_HEADS,
    TITLE_WORDS,
    common_words,
    demonyms,
)
from bot.query.answer import Answer, Item
from bot.query.names import Named
from bot.query.replies import lookup, match_note
from bot.query.sources import Sources
from bot.store import Reads, Store
from bot.textnorm import KEY_STOPWORDS, fold, name_key, spells_acronym

MAX_ITEMS = 10
PER_ARTICLE = 3
MAX_DESCRIPTIONS = 10
# Of a widely named entity, only this many of its rows (names, roles, articles: the most
# recently indexed where the schema allows) are weighed, so /who costs the same on any base.
SAMPLE = 500
# The least share of an entity's articles that must use a name for it to be shown as one of
# its names: a spelling one article in a thousand gives is a slip, not a name it goes by.
ALIAS_SHARE = 0.005
# The least share of the roles read that must give a role for it to be shown: a role one
# article in fifty gives ("opposes special prosecutor") is a misreading, not a role.
ROLE_SHARE = 0.02
_SHORT, _LONG = 40, 350
# Words a description cannot end in, and words that make it a person's role.
_DANGLING = frozenset({"of", "the", "for", "a", "an", "to", "and", "in"})
_PERSON_ROLES = frozenset(fold(w) for w in TITLE_HEADS) - {""}
# What a body's or a place's description must end in: a kind of body or place.
_KIND_HEADS = {"ORG": BODY_KINDS, "GPE": PLACE_HEADS}
# "a hydrologist" and "Hydrologist" say the same.
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the) ")


def who(store: Store, name: str) -> Answer:
    found = lookup(store, "who", name)
    if isinstance(found, Answer):
        return found
    entity = found.entity
    message = match_note(name, found)
    return Answer(
        "who",
        name,
        entity_card(store, entity),
        _best_sentences(store.read, entity),
        title=entity.name,
        message=message,
        suggestions=[other.name for other in found.others],
    )


def entity_card(store: Store, entity: Named) -> dict[str, Any]:
    """The JSON entity: name, type, other names, how many articles, roles from the text."""
    names = store.read.entity_names(entity.id)
    roles = [
        text
        for text, key in store.read.entity_roles(entity.id, SAMPLE)
        if not _surname_only(entity, key)
    ]
    least = max(1, math.ceil(ALIAS_SHARE * entity.articles))
    aliases = [
        a
        for a in _most_used(names, fold, least)
        if fold(a) != fold(entity.name) and not _a_bare_word_of(entity, a)
    ]
    descriptions = _most_used(
        ((role, 1) for role in roles if _says_what(entity.type, role)),
        lambda text: _LEADING_ARTICLE.sub("", fold(text)),
        max(1, math.ceil(ROLE_SHARE * len(roles))),
    )[:MAX_DESCRIPTIONS]
    # A name that is also another entity's, in enough articles of its own, is not shown as
    # this one's: "House" run into "White House" in some articles is the chamber elsewhere.
    # Nor is a body's "description" that is another body's name ("the Senate's tea party
    # wing" read as "tea party"): it says what the other is, not what this one is.
    named = descriptions if entity.type != "PERSON" else []
    taken = store.read.keys_of_others(entity.id, map(name_key, aliases + named), least)
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": [a for a in aliases if name_key(a) not in taken],
        "articles": entity.articles,
        "descriptions": [d for d in descriptions if d not in named or name_key(d) not in taken],
    }


def _a_bare_word_of(entity: Named, alias: str) -> bool:
    """Whether the alias of a body, place or thing is one plain word that says nothing
    of it: a word of its own name ("News" of "Fox News", "State" of "Islamic State") or
    an everyday word a sentence opened with ("New"). A person's surname and an acronym
    are names."""
    word = fold(alias)
    return (
        entity.type != "PERSON"
        and " " not in word
        and not spells_acronym(alias)
        and (word in fold(entity.name).split() or word in common_words())
    )


def _surname_only(entity: Named, key: str) -> bool:
    """Whether an article names the person by one word only, where the person has a full
    name: its roles may be another's of that surname ("President Quill" in an article on
    the president, linked to his wife who is better known), so they are not this one's."""
    return entity.type == "PERSON" and " " not in key and " " in fold(entity.name)


def _says_what(kind: str, description: str) -> bool:
    """Whether a description says what the entity is: never one cut off mid-phrase
    ("chairman of the") or opening with a headline's word, and for a body or a place
    never a person's role ("official", "CEO of"): that is the role of someone named after
    it ("a Harbour League official")."""
    words = fold(description).split()
    if not words or words[-1] in _DANGLING or _headline_word(description):
        return False
    heads = _KIND_HEADS.get(kind)
    if heads is not None and words[-1] not in heads:
        return False  # "major" of a party, "group" of a country: no kind of body or place
    return kind == "PERSON" or not any(w in _PERSON_ROLES for w in words)


def _headline_word(description: str) -> bool:
    """Whether the description opens with an everyday word in capitals that is no part of
    a role: a headline's or a sentence's first word run into it ("Video President")."""
    first = description.split()[0]
    word = fold(first)
    return (
        first[:1].isupper()
        and word in common_words()
        and word not in TITLE_WORDS
        and word not in demonyms()
    )


def _most_used(
    texts: Iterable[tuple[str, int]], same: Callable[[str], str], least: int = 1
) -> list[str]:
    """Distinct texts used ``least`` times or more, the most used first, from (text, uses)
    pairs; texts with one ``same`` key count as one text, shown in its most used spelling."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text, uses in texts:
        spellings[same(text)][text] += uses
    ranked = sorted(spellings.values(), key=lambda c: c.total(), reverse=True)
    return [spelling.most_common(1)[0][0] for spelling in ranked if spelling.total() >= least]


def _articles_about(read: Reads, entity: Named) -> list[str]:
    """The articles to quote from: those naming the entity most, newest first among equals."""
    recent = [(r["article_id"], r["mentions"]) for r in read.entity_articles(entity.id, SAMPLE)]
    dates = Sources(read, [(article_id, None) for article_id, _ in recent])
    recent.sort(key=lambda r: r[0])
    recent.sort(key=lambda r: dates.published(r[0]), reverse=True)
    recent.sort(key=lambda r: r[1], reverse=True)
    return [article_id for article_id, _ in recent[:MAX_ITEMS]]


def _best_sentences(read: Reads, entity: Named) -> list[Item]:
    articles = _articles_about(read, entity)
    offsets: dict[tuple[str, int], list[int]] = defaultdict(list)
    for article_id, index, offset in read.entity_mentions(entity.id, articles):
        offsets[article_id, index].append(offset)
    quoted: set[tuple[str, int]] = set()
    for article_id, index, cite in read.entity_quoted_in(entity.id, articles):
        quoted.update((article_id, i) for i in (index, cite) if i is not None)
    roles: dict[str, list[str]] = defaultdict(list)
    for article_id, text in read.entity_roles_in(entity.id, articles):
        roles[article_id].append(fold(text))

    candidates = set(offsets) | quoted
    sources = Sources(read, candidates)
    ranked: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for key in candidates:
        article_id, index = key
        sentence = sources.sentence(article_id, index)
        folded = fold(sentence)
        score = (
            3.0 * (key in quoted)
            + 2.0 * any(role in folded for role in roles[article_id])
            + 2.0 * any(_leads(sentence[:at], roles[article_id]) for at in offsets[key])
            + 0.5 * min(len(offsets[key]), 2)
            - 0.02 * index
            - (1.5 if not _SHORT <= len(sentence) <= _LONG else 0.0)
        )
        ranked[article_id].append((score, index))

    for picks in ranked.values():
        picks.sort(key=lambda p: (-p[0], p[1]))
    chosen: list[tuple[float, str, int]] = []
    for turn in range(PER_ARTICLE):
        this_turn = [
            (picks[turn][0], article_id, picks[turn][1])
            for article_id, picks in ranked.items()
            if len(picks) > turn
        ]
        this_turn.sort(key=lambda c: sources.published(c[1]), reverse=True)
        this_turn.sort(key=lambda c: c[0], reverse=True)
        chosen.extend(this_turn)
    return [
        Item("sentence", sources.sentence(article_id, index), sources.cite(article_id, index))
        for _, article_id, index in chosen[:MAX_ITEMS]
    ]


def _leads(before: str, roles: list[str]) -> bool:
    """The entity opens its sentence: nothing but a title or its role comes before it."""
    folded = fold(before)
    return folded in roles or all(w in TITLE_WORDS or w in KEY_STOPWORDS for w in folded.split())
