"""Splitting: a chunk of capitalised words into a description, peoples and names.

A capitalised run is often more than one name: a role before a person, nationalities
before a name, places whose commas were lost. Each way of splitting is a small named rule;
``split_chunk`` tries them in the order of ``SPLIT_RULES``. A rule either passes (None) or
returns a ``Split``: the mentions it made and what is left, if anything, for the rules after
it or to split afresh. A chunk no rule settles is one name. Any list of rules can be given
instead, so each can be tested, or switched off, on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from bot.extract.entities.chunks import OF_WORDS, unprefixed
from bot.extract.entities.context import ArticleContext
from bot.extract.entities.cues import org_name
from bot.extract.entities.mention import STRONG, NameMention
from bot.extract.entities.naming import name, peoples
from bot.extract.lexicon import (
    HONORIFICS,
    ORG_HEADS,
    PLACE_DIRECTIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    first_name,
)
from bot.extract.tokens import Token, Tokens, is_acronym, strip_possessive
from bot.textnorm import fold


class Chunk(NamedTuple):
    """Words ``start`` to ``end`` of a sentence's tokens, one name until a rule splits it.

    Its fields, in order, are what ``naming.name`` takes after the context.
    """

    tokens: Tokens
    sentence: int
    start: int
    end: int
    words: list[Token]
    lowers: list[str]  # the words in lower case, possessive dropped

    def part(self, first: int, last: int | None = None) -> Chunk:
        """The chunk's words ``first`` to ``last`` (to its end when ``last`` is None)."""
        if last is None:
            last = len(self.words)
        return Chunk(
            self.tokens,
            self.sentence,
            self.start + first,
            self.start + last,
            self.words[first:last],
            self.lowers[first:last],
        )


class Split(NamedTuple):
    """What a rule made of a chunk."""

    found: list[NameMention]  # the mentions the rule made
    rest: Chunk | None = None  # a part left for the rules after this one
    # A part to split afresh, by all the rules, before ``found``.
    again: Chunk | None = None


Rule = Callable[[ArticleContext, Chunk], Split | None]


def leading_role(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Kenyan Foreign Minister | Adaeze Okafor": a role before a name is the person's
    description, and a nationality in it a people."""
    if TITLE_HEADS.isdisjoint(chunk.lowers):
        return None
    split = role_end(ctx, chunk.lowers)
    if not split:
        return None
    role = chunk.words[:split]
    # A form of address ("Mr.", "Sir") makes a person, but says nothing of who they are.
    description = " ".join(t.text for t in role if t.lower not in HONORIFICS)
    return Split(
        peoples(ctx, role, chunk.sentence)
        + name(ctx, *chunk.part(split), "PERSON", STRONG, description)
    )


def role_alone(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Kenyan Deputy Minister" with no name after it names no one, but its nationality
    is a people."""
    lowers = chunk.lowers
    if TITLE_HEADS.isdisjoint(lowers) or not all(
        w in TITLE_HEADS or w in TITLE_MODIFIERS or w in ctx.demonyms for w in lowers
    ):
        return None
    return Split(peoples(ctx, chunk.words, chunk.sentence))


def role_of_place(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Governor of | Nairobi": a role and a place name no person; the place is kept."""
    lowers = chunk.lowers
    if TITLE_HEADS.isdisjoint(lowers) or "of" not in lowers:
        return None
    k = len(lowers) - lowers[::-1].index("of")
    if " ".join(lowers[k:]) not in ctx.places:
        return None
    return Split(name(ctx, *chunk.part(k)))


def leading_nationality(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Kenyan | Adaeze Okafor": nationalities before a name are peoples of their own,
    unless the whole is one name: an organisation ("Kenyan Rowing Federation", "Kenyans
    for Clean Water"), a place ("French Guiana") or a nationality with a common word
    ("Kenyan Open")."""
    words, lowers = chunk.words, chunk.lowers
    lead = 0
    while lead < len(words) - 1 and lowers[lead] in ctx.demonyms:
        lead += 1
    if not lead:
        return None
    rest = lowers[lead:]
    if (
        org_name(rest)
        or rest[0] in OF_WORDS  # "Kenyans for Clean Water": one body
        or fold(" ".join(t.text for t in words)) in ctx.places
        or (len(rest) == 1 and rest[0] in ctx.common)
    ):
        return None
    return Split(peoples(ctx, words[:lead], chunk.sentence), chunk.part(lead))


def role_suffix_before_name(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "(Secretary of) State-designate | Ada Quill": a first word that ends in a role's
    suffix is the end of a role, not part of the name after it."""
    if len(chunk.words) > 1 and chunk.lowers[0].endswith(_ROLE_SUFFIXES):
        return Split([], chunk.part(1))
    return None


# What turns a word into a role someone is about to take: "President-elect".
_ROLE_SUFFIXES = ("-designate", "-elect", "-nominee")


def direction_before_place(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Northern | Somalia": a direction word before a place is no part of its name,
    unless the gazetteer has the whole ("North Carolina")."""
    lowers = chunk.lowers
    if (
        len(lowers) > 1
        and lowers[0] in PLACE_DIRECTIONS
        and " ".join(lowers) not in ctx.places
        and " ".join(lowers[1:]) in ctx.places
    ):
        return Split([], chunk.part(1))
    return None


def places_run_together(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Nairobi | Kampala", "Upper Volta | Chad": places whose separating commas were lost
    (a list of countries in a page's menu, too) are one name each, and what lies between
    them a name of its own: a run of places only, or of three places or more that make most
    of its words."""
    lowers = chunk.lowers
    if len(lowers) < 2 or " ".join(lowers) in ctx.places:
        return None
    spans = _place_spans(lowers, ctx.places)
    covered = sum(end - start for start, end in spans)
    if len(spans) < 2 or (covered < len(lowers) and (len(spans) < 3 or 2 * covered < len(lowers))):
        return None
    found: list[NameMention] = []
    done = 0
    for start, end in spans:
        if done < start:
            found += name(ctx, *chunk.part(done, start))
        found += name(ctx, *chunk.part(start, end))
        done = end
    if done < len(lowers):
        found += name(ctx, *chunk.part(done))
    return Split(found)


# The most words of a place name looked for in the gazetteer.
_PLACE_WORDS = 4


def _place_spans(lowers: list[str], gazetteer: frozenset[str]) -> list[tuple[int, int]]:
    """Where places stand in ``lowers``, longest first from the left; a lone word may have
    lost its possessive's apostrophe ("Kenyas")."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(lowers):
        for size in range(min(_PLACE_WORDS, len(lowers) - k), 0, -1):
            words = " ".join(lowers[k : k + size])
            lone = size == 1 and words.endswith("s") and words[:-1] in gazetteer
            if words in gazetteer or lone:
                spans.append((k, k + size))
                k += size
                break
        else:
            k += 1
    return spans


def place_before_person(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "United States | Ada Quill": a place run into a person's full name ("the president of
    the United States Ada Quill"). The words after the place must start with a first name
    the name lists know, and the place's own first word must not be one ("Jordan Ada
    Quill" may be a person)."""
    lowers, words = chunk.lowers, chunk.words
    if len(lowers) < 3 or first_name(words[0].text):
        return None
    for k in range(min(_PLACE_WORDS, len(lowers) - 2), 0, -1):
        if " ".join(lowers[:k]) not in ctx.places or k + 1 >= len(words):
            continue
        rest = lowers[k:]
        first = k + 1 if _INITIAL.fullmatch(words[k].text) else k  # "Kenya | J. Ada Quill"
        if not first_name(words[first].text) or any(
            w in ctx.common or w in ORG_HEADS for w in rest
        ):
            return None
        return Split(name(ctx, *chunk.part(0, k)) + name(ctx, *chunk.part(k)))
    return None


_ROMAN = re.compile(r"[IVX]+")
_INITIAL = re.compile(r"[A-Z]\.")


def wire_agency(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Lakeport Dam Bursts | AFP": an acronym glued to the end of a run with no other
    acronym is a name of its own (a wire agency after a headline); the rest is split
    afresh."""
    words = chunk.words
    if (
        len(words) > 1
        and is_acronym(words[-1].text)
        and "." not in words[-1].text
        and not _ROMAN.fullmatch(words[-1].text)  # "World War II", "Abdullah II"
        and not any(is_acronym(t.text) for t in words[:-1])
    ):
        last = len(words) - 1
        return Split(name(ctx, *chunk.part(last)), again=chunk.part(0, last))
    return None


def body_before_person(ctx: ArticleContext, chunk: Chunk) -> Split | None:
    """ "Water Authority | Adaeze Okafor": an organisation word, then two or more words
    that are neither common nor organisation words: a body run into a person's name."""
    lowers = chunk.lowers
    for k in range(len(lowers) - 2, 0, -1):
        if lowers[k - 1] in ORG_HEADS and all(
            w not in ctx.common and w not in ORG_HEADS for w in lowers[k:]
        ):
            return Split(name(ctx, *chunk.part(0, k)) + name(ctx, *chunk.part(k)))
    return None


SPLIT_RULES: tuple[Rule, ...] = (
    leading_role,
    role_alone,
    role_of_place,
    leading_nationality,
    role_suffix_before_name,
    direction_before_place,
    places_run_together,
    place_before_person,
    wire_agency,
    body_before_person,
)


def split_chunk(
    ctx: ArticleContext,
    tokens: Tokens,
    start: int,
    end: int,
    sentence: int,
    rules: Sequence[Rule] = SPLIT_RULES,
) -> list[NameMention]:
    """The mentions in the chunk ``start``-``end`` of a sentence's ``tokens``, split by
    ``rules`` in order."""
    if end - start == 1:
        # Most chunks are one word, which no rule splits: settled here, as the rules would
        # (a role word alone names no one, "the President", but may be a people's).
        lower = strip_possessive(tokens.lowers[start])
        word = [tokens.token(start)]
        if lower in TITLE_HEADS:
            return peoples(ctx, word, sentence)
        return name(ctx, tokens, sentence, start, end, word, [lower])
    lowers = list(map(strip_possessive, tokens.lowers[start:end]))
    lowers[0] = unprefixed(lowers[0])  # "then-Secretary of State | Ada Quill": still a role
    chunk = Chunk(tokens, sentence, start, end, tokens.words(start, end), lowers)
    found: list[NameMention] = []
    for rule in rules:
        split = rule(ctx, chunk)
        if split is None:
            continue
        if split.again is not None:
            again = split.again
            found += split_chunk(ctx, tokens, again.start, again.end, sentence, rules)
        found += split.found
        if split.rest is None:
            return found
        chunk = split.rest
    return found + name(ctx, *chunk)


def role_end(ctx: ArticleContext, lowers: list[str]) -> int:
    """How many leading words are a role before a name, 0 if there is none.

    The role ends at its last role word ("Lakeport Deputy Mayor | Ana Ortiz") or after
    that word's "of" phrase ("Director of Public Works | Ana Ortiz"); what follows must
    still read as a name.
    """
    heads = [k for k, w in enumerate(lowers[:-1]) if w in TITLE_HEADS]
    if not heads:
        return 0
    split = heads[-1] + 1
    if lowers[split] in OF_WORDS:
        j = split + 1 + (lowers[split + 1 : split + 2] == ["the"])
        # "Governor of New York", "Secretary of Homeland Security"; a place only right
        # after "of", so a first name that is also a town stays with its surname.
        for n in (3, 2, 1):
            if j + n < len(lowers) and " ".join(lowers[j : j + n]) in ctx.places:
                j += n
                break
        while j < len(lowers) - 1 and _role_word(ctx, lowers[j]):
            j += 1
        split = j
    rest = lowers[split:]
    if not rest or rest[0] in OF_WORDS or rest[0] == "the":
        return 0
    if " ".join(rest) in ctx.places:
        return 0  # "the Mayor of Paris" names no person
    if all(_role_word(ctx, w) or w in TITLE_HEADS for w in rest):
        return 0
    return split


def _role_word(ctx: ArticleContext, word: str) -> bool:
    """A word that can stand inside a role: "Deputy", "Kenyan", "Navy"."""
    return (
        word in ctx.common
        or word in TITLE_MODIFIERS
        or word in ORG_HEADS
        or word in ctx.demonyms
        or word.endswith(_ROLE_SUFFIXES)
    )
