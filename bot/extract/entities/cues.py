"""Typing: what a name's own words and the words around it say of its type.

The cues hold in any news text: an organisation word at the end of a name or just after it
("Nightfall movement"), the GeoNames gazetteer, nationality words, a role before the name,
"the town of X", "X province", "X regime", "X's forces", a speech verb after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.extract.entities.chunks import OF_WORDS
from bot.extract.entities.mention import MEDIUM, STRONG, WEAK
from bot.extract.lexicon import (
    GEO_HEADS,
    ORG_CUES_AFTER,
    ORG_CUES_BEFORE,
    ORG_HEADS,
    ORG_PREFIXES,
    PARTICLES,
    PLACE_CUES_AFTER,
    PLACE_CUES_BEFORE,
    PLACE_DIRECTIONS,
    PLACE_PREFIXES,
    SPEECH_VERBS,
    TITLE_HEADS,
    WEAK_ORG_HEADS,
    common_words,
    demonyms,
    given_name,
    places,
)
from bot.extract.tokens import Token, Tokens, is_acronym, is_possessive
from bot.textnorm import name_key

# Words after a single unknown name that mark a leader: "Varga regime", "Vrana's forces".
PERSON_CUES_AFTER = frozenset(
    ["regime", "administration", "government", "forces", "loyalists", "camp"]
)
# Words before a lone name that say it is no person: "the Pentagon said".
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its"})
# What a nationality and a common word name when they are no body: "Libyan War".
EVENT_WORDS = frozenset(
    "war wars conflict revolution crisis uprising spring offensive election elections".split()
)

Verdict = tuple[str | None, int]


def type_of(
    words: list[Token], lowers: list[str], folded: str, tokens: Tokens, start: int, end: int
) -> Verdict:
    """The type of the name ``words`` (tokens ``start`` to ``end``) and how sure it is: what
    the name itself says, weighed in turn against the words around it ("the town of X",
    "Minister X", "X movement")."""
    first, second, third = name_cues(tuple(lowers), folded, words[0].text)
    if first:
        return first
    texts, around = tokens.texts, tokens.lowers
    before = around[start - 1] if start else ""
    if before == "of" and start > 1:
        before = around[start - 2]  # "the town of X"
    after = around[end] if end < len(texts) else ""
    if after == "(" and end + 2 < len(texts) and texts[end + 2] == ")":
        after = around[end + 3] if end + 3 < len(texts) else ""
    if before in PLACE_CUES_BEFORE or after in PLACE_CUES_AFTER:
        return "GPE", MEDIUM  # "the town of X", "X province"
    if second:
        return second
    if before in TITLE_HEADS and before.isalpha():
        return "PERSON", STRONG
    if org_cue(tokens, start, end):
        return "ORG", MEDIUM
    if third and not (third[0] == "PERSON" and before in DETERMINERS):
        return third  # a person's name follows no article: "the Marrowick Pentagonal"
    # A lone word the name alone does not type.
    if after in PERSON_CUES_AFTER and (after != "forces" or is_possessive(words[0].text)):
        return "PERSON", MEDIUM
    if after in SPEECH_VERBS and before not in DETERMINERS:
        return "PERSON", WEAK  # "Vrana said", but not "the Ministry said"
    return None, 0


@lru_cache(maxsize=65536)
def name_cues(
    lowers: tuple[str, ...], folded: str, first_word: str
) -> tuple[Verdict | None, Verdict | None, Verdict | None]:
    """What a name says of its type by itself, as three verdicts ``type_of`` weighs against
    the context in turn: one that outranks every context cue, one that outranks all but a
    place cue, and a last one (None for a lone word it cannot type). Names recur, within an
    article and across articles, so this is worked out once per name."""
    gazetteer, peoples = places(), demonyms()
    several = len(lowers) > 1
    first: Verdict | None = None
    if folded in gazetteer:
        first = "GPE", STRONG
    elif org_name(lowers):
        first = "ORG", STRONG
    elif lowers[-1] in peoples:
        first = "NORP", STRONG  # "Ohio Republican", "Middle Eastern"
    elif several and lowers[-1] in GEO_HEADS:
        first = "OTHER", STRONG  # "Mediterranean Sea", "Capitol Hill"
    elif several and lowers[0] in ORG_PREFIXES:
        first = "ORG", MEDIUM  # "Jaish al-Velmora"
    second: Verdict | None = None
    if several and lowers[0] in PLACE_PREFIXES:
        second = "GPE", WEAK  # "Khan Velmora", "Deir Ostrava"
    elif not several and is_acronym(first_word):
        second = "ORG", MEDIUM
    elif folded in peoples:
        second = "NORP", STRONG
    third: Verdict | None = None
    if lowers[0] in PARTICLES or lowers[0].split("-")[0] in PARTICLES:
        third = ("ORG", WEAK) if len(name_key(folded).split()) == 1 else ("PERSON", WEAK)
    elif several:
        if any(w in common_words() for w in lowers if w not in PARTICLES):
            if lowers[0] in peoples and lowers[-1] not in EVENT_WORDS:
                third = "ORG", WEAK  # "Islamic State", but not "Libyan War"
            elif _first_name_and_word(lowers, first_word):
                third = "PERSON", WEAK  # "Ada Power", "Tomas Rice"
            else:
                third = "OTHER", WEAK
        elif lowers[0] in PLACE_DIRECTIONS:
            third = "GPE", WEAK  # "Eastern Velmora", but not "Central Command"
        else:
            third = "PERSON", WEAK
    return first, second, third


def _first_name_and_word(lowers: tuple[str, ...], first_word: str) -> bool:
    """A first name the name lists are sure of and one more word, only one of the two a
    common word: a person whose surname is a common word ("Ada Power") or whose first
    name is ("Bill Ortiz"), not "Grace Period"."""
    return (
        len(lowers) == 2
        and (lowers[0] in common_words()) != (lowers[1] in common_words())
        and given_name(first_word) in ("male", "female")
    )


def org_name(lowers: Sequence[str]) -> bool:
    """Whether the words name a body: "Red Crescent Society", "Ministry of Health"."""
    if not lowers:
        return False
    if lowers[-1] in ORG_HEADS:
        return True
    for k, word in enumerate(lowers):
        heads = word in ORG_HEADS or (word in WEAK_ORG_HEADS and (k >= 1 or len(lowers) > 2))
        if heads and (k == len(lowers) - 1 or lowers[k + 1] in OF_WORDS):
            return True
    return False


def org_cue(tokens: Tokens, start: int, end: int) -> bool:
    """'the Nightfall movement', 'the group Ceasefire Watch', 'the (DSB) group'."""
    texts, lowers = tokens.texts, tokens.lowers
    before = lowers[start - 1] if start else ""
    after = lowers[end] if end < len(texts) else ""
    if after == "(" and end + 3 < len(texts) and texts[end + 2] == ")":
        after = lowers[end + 3]
    return after in ORG_CUES_AFTER or before in ORG_CUES_BEFORE
