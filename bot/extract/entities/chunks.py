"""Chunking: the runs of capitalised words that may be names.

In ordinary sentences a name is a run of capitalised words, with particles (al-, bin, de,
von), "of"/"for" after an organisation or role word and "and" inside an organisation's name
allowed inside. A sentence's first word is dropped when it is a common word that merely
carries the sentence's capital ("Backed by ...", "Government forces ..."). Headline lines in
Title Case, and runs too long to be one name, carry no capitalisation signal: they only add
mentions of names the body or the gazetteer already knows.
"""

from __future__ import annotations

from functools import lru_cache

from bot.extract.entities.context import ArticleContext
from bot.extract.entities.mention import WEAK, NameMention, surface
from bot.extract.lexicon import (
    DAYS,
    FUNCTION_WORDS,
    INTERJECTIONS,
    MONTHS,
    NAME_PREFIXES,
    ORG_HEADS,
    PARTICLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEAK_ORG_HEADS,
    common_words,
    demonyms,
    first_name,
    given_name,
    places,
)
from bot.extract.tokens import Tokens, is_capitalised, is_possessive, strip_possessive
from bot.textnorm import fold, name_key

OF_WORDS = frozenset({"of", "for"})
# Lower-case words that can join two capitalised parts of one name.
_CONNECTORS = PARTICLES | OF_WORDS | {"and"}
# Words before "of" that keep it inside a name: "United States of America".
_OF_AFTER = frozenset({"states", "republic", "kingdom", "emirates", "rights"})
_OF_HEADS = ORG_HEADS | WEAK_ORG_HEADS | TITLE_HEADS | _OF_AFTER
_OPENERS = frozenset({'"', "'", "(", "[", "-", ":"})
# The most words a name runs to ("Organization for the Prohibition of Chemical Weapons").
MAX_NAME_WORDS = 7
# The longest run of known words a headline line is searched for.
_MAX_HEADLINE_NAME_WORDS = 6


@lru_cache(maxsize=65536)
def name_word(word: str) -> bool:
    """Whether ``word`` can be part of a name: capitalised, and no month, day or function
    word."""
    lower = strip_possessive(word.lower()).rstrip(".")
    if "-" in word and unprefixed(lower) in TITLE_HEADS:
        return is_capitalised(word.partition("-")[2])  # "then-Secretary (of State Ada Quill)"
    return (
        is_capitalised(word)
        and lower not in FUNCTION_WORDS
        and lower not in INTERJECTIONS
        and lower not in MONTHS
        and lower not in DAYS
    )


def unprefixed(lower: str) -> str:
    """A lower-case word without a prefix such as "then-" or "ex-": "then-secretary" is
    "secretary"."""
    head, dash, rest = lower.partition("-")
    return rest if dash and head in NAME_PREFIXES and rest else lower


def chunks(tokens: Tokens, starts: list[int]) -> list[tuple[int, int]]:
    """[start, end) token ranges of capitalised runs, beginning at ``starts``."""
    texts = tokens.texts
    runs: list[tuple[int, int]] = []
    i = 0
    for i0 in starts:
        if i0 < i:
            continue
        i = i0
        if not name_word(texts[i]) and not _particle_start(tokens, i):
            continue
        j = i + 1
        while j < len(texts) and not is_possessive(texts[j - 1]):
            if name_word(texts[j]) or _month_surname(tokens, j):
                j += 1
            elif texts[j] in _CONNECTORS and _connector(tokens, i, j):
                j += 2 if tokens.lowers[j + 1] == "the" else 1
            else:
                break
        while j > i and not (name_word(texts[j - 1]) or _month_surname(tokens, j - 1)):
            j -= 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _month_surname(tokens: Tokens, j: int) -> bool:
    """A month's name after a first name, and no day after it, is a surname: "Ada May"."""
    texts = tokens.texts
    return (
        texts[j].istitle()
        and tokens.lowers[j] in MONTHS
        and first_name(texts[j - 1])
        and not (j + 1 < len(texts) and texts[j + 1][:1].isdigit())
    )


def _particle_start(tokens: Tokens, i: int) -> bool:
    """A particle written apart before a capitalised word: "al Rashid", "von Brandt"."""
    return (
        tokens.texts[i] in PARTICLES
        and i + 1 < len(tokens.texts)
        and name_word(tokens.texts[i + 1])
        and tokens.starts[i + 1] == tokens.ends[i] + 1
    )


def _connector(tokens: Tokens, i: int, j: int) -> bool:
    """Whether ``texts[j]``, one of ``_CONNECTORS``, joins two capitalised parts of one name
    (the run began at ``i``)."""
    texts, lowers = tokens.texts, tokens.lowers
    word = texts[j]
    nxt = j + 1
    if nxt < len(texts) and lowers[nxt] == "the" and word in OF_WORDS:
        nxt += 1
    if nxt >= len(texts) or not name_word(texts[nxt]):
        return False
    if word in PARTICLES:
        return True
    if word == "and":
        # "House Oversight and Government Reform Committee": one body, not two.
        if any(strip_possessive(w) in ORG_HEADS for w in lowers[i:j]):
            return False
        k = nxt
        while k < len(texts) and k - nxt < 5 and name_word(texts[k]):
            k += 1
        if strip_possessive(lowers[k - 1]) in ORG_HEADS:
            return True
        # "Immigration and Customs Enforcement", "Food and Drug Administration": words
        # news writes in lower case (all but one of them), capitalised together, name one
        # body; never places or peoples ("Texas and Florida").
        words = [strip_possessive(w) for w in (*lowers[i:j], *lowers[nxt:k])]
        if j - i > 3 or k - nxt > 3 or any(w in places() or w in demonyms() for w in words):
            return False
        plain = sum(w in common_words() for w in words)
        return plain >= 2 and plain >= len(words) - 1
    if word in OF_WORDS:
        before = unprefixed(strip_possessive(lowers[j - 1]))
        if word == "for" and j - 1 == i and _a_people(before):
            return True  # "Kenyans for Clean Water": a body named for whom it speaks
        return before in _OF_HEADS and j - 1 >= i
    return False


def _a_people(word: str) -> bool:
    """A plural word for a people: "kenyans"."""
    return word.endswith("s") and word[:-1] in demonyms()


def drop_sentence_start(ctx: ArticleContext, tokens: Tokens, start: int, end: int) -> int:
    """Where the run ``start``-``end`` begins once a first word that is capitalised only
    because it opens the sentence is skipped."""
    if start and tokens.texts[0] not in _OPENERS:
        return start  # most chunks: a word has come before
    lower = strip_possessive(tokens.lowers[start])
    if not all(t in _OPENERS for t in tokens.texts[:start]):
        return start
    if end - start == 1 and lower in ctx.written_lower and lower not in ctx.capitalised_inside:
        return end  # "New rules are due": a word the article writes in lower case elsewhere
    if lower not in ctx.common:
        return start
    if lower in ctx.places or lower in ctx.demonyms:
        return start
    if end - start > 1 and (
        lower in ctx.capitalised_inside or lower in TITLE_HEADS or lower in TITLE_MODIFIERS
    ):
        return start
    if end - start > 2 and tokens.lowers[start + 1] in _CONNECTORS:
        return start  # "Harbour and Customs Office said": a name the connector holds together
    if (
        end - start == 2
        and given_name(tokens.texts[start]) in ("male", "female")
        and strip_possessive(tokens.lowers[start + 1]) not in ctx.common
    ):
        return start  # "Bill Ortiz spoke": a first name that is also a word
    return start + 1


def headline_mentions(
    ctx: ArticleContext, sentence: int, known: set[str], span: tuple[int, int] | None = None
) -> list[NameMention]:
    """In a Title Case line (or an over-long run of capitals, ``span``), the longest runs
    that name something already ``known`` (keys and acronyms), a place or a people."""
    tokens = ctx.tokens[sentence]
    found: list[NameMention] = []
    i, stop = span or (0, len(tokens.texts))
    # How many words that can be part of a name run from each position on.
    runs = [0] * (stop + 1)
    for k in range(stop - 1, i - 1, -1):
        if name_word(tokens.texts[k]) or tokens.lowers[k] in PARTICLES:
            runs[k] = runs[k + 1] + 1
    while i < stop:
        size = 0
        for n in range(min(_MAX_HEADLINE_NAME_WORDS, runs[i]), 0, -1):
            words = tokens.words(i, i + n)
            text = surface(words)
            folded, key = fold(text), name_key(text)
            if key in known or folded in ctx.places or folded in ctx.demonyms:
                kind = "GPE" if folded in ctx.places else None
                kind = "NORP" if folded in ctx.demonyms else kind
                found.append(NameMention(words, sentence, kind, WEAK, headline=True))
                size = n
                break
        i += size or 1
    return found
