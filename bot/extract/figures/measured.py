"""What a figure measures when no counted noun follows it, and whose or where it is.

``counted_phrase`` reads the noun after an amount ("2,500 families"). Money, percentages and
measures seldom have one: their measure is named before them, as the subject of a verb of
change or as the noun an "of" ties them to. Each way is a rule with its example:

- ``measure_of``: "a quarterly loss of $87 million", "download speeds of 900Mbps";
- ``changed_subject``: "the unemployment rate fell to 3.5%", "annual revenue rose to
  £2.3bn", "shares in Velmora Telecom fell 0.4 per cent to 213p";
- ``changed_by`` (of ``changed_subject``): "the deficit grew by $113 million" is a change
  in the deficit, not its level;
- ``put_at``: "put the death toll at 21", "estimated the cost at $4bn".

A rule reads a short noun phrase (``MAX_WORDS`` words at most) of lower-case words ending in
a noun; a name inside it ("shares in Velmora Telecom") or a possessive before it ("Greyfield
Retail's pre-tax profit") is the figure's scope, not its measure. Anything else before it (a
verb, a pronoun, a clause) leaves the figure without a measure rather than with a guessed one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from bot.extract.figures.amounts import Amount
from bot.extract.figures.vocabulary import APPROXIMATOR_WORDS, APPROXIMATORS, NUMBERS, UNITS
from bot.extract.lexicon import DAYS, FUNCTION_WORDS, MONTHS, only_adverb, speech_verbs
from bot.extract.tokens import Tokens, is_possessive

MAX_WORDS = 4
# Verbs saying how a measure changed or stood, before its new value.
CHANGE_VERBS = frozenset(
    """rose rise rises rising fell fall falls falling climbed climbs jumped jumps dropped
    drops slumped slipped increased increases decreased declined declines grew grows gained
    lost stood stands reached reaches hit hits totaled totalled topped remained stayed
    averaged edged surged soared plunged tumbled ticked hovered amounted was is were are
    sank sinks eased dipped doubled halved""".split()
)
# Of ``CHANGE_VERBS``, those that say where a measure stood, not that it moved: an amount
# right after them is its level ("the toll is 14", "the debt topped $22 trillion").
_LEVEL_VERBS = frozenset(
    """stood stands reached reaches hit hits totaled totalled topped remained stayed averaged
    hovered amounted was is were are""".split()
)
# Words after a verb of change that say which level the measure passed ("the toll climbed
# above 2,000"): the amount is then a level, not the change.
_CROSSINGS = frozenset("above over past beyond below under".split())
# Verbs of a measure drifting, after which "up to" is a direction: "ticked up to 49%".
_DRIFTS = frozenset(
    """ticked ticks rose rises risen climbed climbs jumped jumps edged edges crept creeps
    inched inches moved moves went goes fell falls dropped drops slipped slips sank sinks
    dipped dips declined declines""".split()
)
# Measures that are themselves rates: a percentage after a verb of change is their change.
RATE_WORDS = frozenset("rate rates rating ratings share percentage proportion ratio".split())
# Words between the verb and the value: "fell to", "rose by", "stood at", "up from".
_LINKS = frozenset("to by at from of around about up down".split())
# Words of a measure's noun phrase that end it without being a noun: "a 50-year low".
_NOT_MEASURES = frozenset("low high record peak best worst lows highs more less".split())
# Words between a measure's noun and its verb or "of" that are no part of the measure:
# adverbs ("the debt now stands at") and "north of" for "more than".
_TRAILING = frozenset(
    """now still currently already also again just alone once today so north south""".split()
)
# Prepositions before a phrase that make it no subject: "turnout for the election".
_PHRASE_PREPOSITIONS = frozenset(
    "for by in on at among from with to into over under about against".split()
)
# Prepositions inside a noun phrase before a name: "shares in Velmora Telecom".
_NAME_LINKS = frozenset({"in", "of", "at", "for"})
# Verbs that give a measure its value with "at": "put the toll at 21".
_PUTTING_VERBS = frozenset("put puts set sets placed places estimated estimates pegged".split())
# Verbs by which figures or forecasts report a measure, like verbs of speech: "projections
# show inflation rose to 2%", "the data indicate the deficit fell".
_EVIDENCE_VERBS = frozenset(
    """show shows showed shown indicate indicates indicated signal signals signaled
    signalled imply implies implied""".split()
)
# How many tokens back from a value its verb may stand ("fell 0.4 per cent to 213p").
_VERB_REACH = 6


class Measured(NamedTuple):
    """What a figure measures and whose or where it is, by the rule that read them."""

    what: str
    scope: str
    how: str


def _noun_phrase(tokens: Tokens, end: int, subject: bool = False) -> tuple[int, int, str] | None:
    """The noun phrase ending just before token ``end``: (first token, end, scope). Its
    words are lower case; a name inside it after a preposition, or a possessive name
    before it, is the scope; a possessive in lower case is part of it. A verb's
    ``subject`` opens no other phrase (``_inside_another_phrase``)."""
    texts, lowers = tokens.texts, tokens.lowers
    while end > 0 and _trailing(lowers, end - 1):
        end -= 1  # "the national debt now stands at", "the rate unexpectedly fell to"
    k = end
    scope = ""
    if k > 1 and texts[k - 1][:1].isupper():
        name_end = k
        while k > 1 and texts[k - 1][:1].isupper():
            k -= 1
        if k == 0 or lowers[k - 1] not in _NAME_LINKS:
            return None  # "Velmora Telecom fell": the subject is a name, not a measure
        if not all(w.rstrip(".") in MONTHS or w in DAYS for w in lowers[k:name_end]):
            scope = " ".join(texts[k:name_end])  # "for May" says when, not whose
        k -= 1
        end = k
    while (
        k > 0
        and end - k < MAX_WORDS
        and _lower_word(lowers[k - 1])
        and _written_lower(texts, k - 1)
    ):
        k -= 1
    # A plural before the phrase's last word is more often a verb ("the network promises
    # download speeds"): the phrase starts after it.
    cut = False
    for inner in range(end - 2, k - 1, -1):
        if lowers[inner].endswith("s") and not lowers[inner].endswith("ss"):
            k, cut = inner + 1, True
            break
    if k == end or lowers[end - 1] in _NOT_MEASURES:
        return None
    opening = k
    if k > 0 and is_possessive(texts[k - 1]) and texts[k - 1].islower():
        k -= 1  # "the women's jobless rate": whose it is is part of the measure
        opening = k
    elif k > 0 and is_possessive(texts[k - 1]):
        owner = k - 1
        while owner > 0 and texts[owner - 1][:1].isupper():
            owner -= 1
        opening = owner
        while owner < k - 1 and lowers[owner] in FUNCTION_WORDS:
            owner += 1  # "But Trump's rating": the sentence's first word is no part of whose
        scope = scope or " ".join(texts[owner:k]).removesuffix("'s").removesuffix("’s")
    elif (
        not cut
        and k > 0
        and texts[k - 1][:1].islower()
        and lowers[k - 1] not in FUNCTION_WORDS
        and not _reporting(lowers[k - 1])  # "said annual revenue rose", "data show"
    ):
        return None  # a verb or another word before it: not where the phrase starts
    if subject and _inside_another_phrase(tokens, opening):
        return None
    return k, end, scope


def _inside_another_phrase(tokens: Tokens, k: int) -> bool:
    """'turnout for the general election declined', 'sales of goods hit by Trump's China
    tariffs rise', 'the virus and shutdowns rose': a phrase opening (at token ``k``, names
    before it its own) after a preposition or "and" is no subject of the verb, and what the
    verb's subject is lies further back than a few words."""
    texts, lowers = tokens.texts, tokens.lowers
    while k > 0 and texts[k - 1][:1].isupper():
        k -= 1
    determined = k > 0 and lowers[k - 1] in ("the", "a", "an")
    k -= determined
    if k == 0:
        return False
    if lowers[k - 1] in _PHRASE_PREPOSITIONS:
        return True
    # "the virus and shutdowns rose": a subject of two nouns; but "..., and the index
    # dropped" and "rose 6 percent and spending fell" open another clause.
    return (
        lowers[k - 1] in ("and", "or")
        and not determined
        and k > 1
        and lowers[k - 2].isalpha()
        and lowers[k - 2] not in ("percent", "cent")
        and UNITS.word(lowers[k - 2]) is None
    )


def _trailing(lowers: list[str], k: int) -> bool:
    """A word after a measure that is none of it: an adverb ("now", "unexpectedly"), or
    "right" in "right now"."""
    word = lowers[k]
    right_now = word == "right" and k + 1 < len(lowers) and lowers[k + 1] == "now"
    return word in _TRAILING or only_adverb(word) or right_now


def _written_lower(texts: list[str], k: int) -> bool:
    """In lower case, or capitalised only as the sentence's first word."""
    return texts[k].islower() or (k == 0 and texts[k][1:].islower())


def _reporting(lower: str) -> bool:
    """A verb that reports what is said or shown ("said", "show"): it opens a clause
    about the measure and is none of it."""
    return lower in speech_verbs() or lower in _EVIDENCE_VERBS


def _lower_word(lower: str) -> bool:
    """A word of a measure's noun phrase: not a function word, a verb of change, speech or
    evidence, a past form ("said", "posted"), a number word or an approximator."""
    return (
        lower[:1].isalpha()
        and not lower.endswith("ed")
        and not _reporting(lower)
        and lower not in FUNCTION_WORDS
        and lower not in CHANGE_VERBS
        and lower not in NUMBERS
        and lower not in APPROXIMATOR_WORDS
    )


def measure_of(tokens: Tokens, amount: Amount) -> tuple[int, int, str] | None:
    """'a quarterly loss of $87 million', 'speeds of 900Mbps', 'a fee of £18m'."""
    k = _skip_approximators(tokens, amount.start)
    if k < 2 or tokens.lowers[k - 1] != "of":
        return None
    return _noun_phrase(tokens, k - 1)


def changed_subject(tokens: Tokens, amount: Amount) -> tuple[int, int, str] | None:
    """'the unemployment rate fell to 3.5%', 'revenue rose 6 per cent to £2.3bn'."""
    lowers = tokens.lowers
    k = _skip_approximators(tokens, amount.start)
    while k > 0 and lowers[k - 1] in _LINKS:
        k -= 1
    for verb in range(k - 1, max(-1, k - 1 - _VERB_REACH), -1):
        if lowers[verb] in CHANGE_VERBS:
            return _noun_phrase(tokens, verb, subject=True)
        if not _amount_word(tokens, verb):
            return None
    return None


def put_at(tokens: Tokens, amount: Amount) -> tuple[int, int, str] | None:
    """'put the death toll at 21', 'estimated the cost at $4bn', 'set the limit at 65W'."""
    lowers = tokens.lowers
    k = _skip_approximators(tokens, amount.start)
    if k < 3 or lowers[k - 1] != "at":
        return None
    found = _noun_phrase(tokens, k - 1)
    if found is None:
        return None
    start = found[0]
    before = start - 1 if start and lowers[start - 1] in ("the", "its", "their") else start
    return found if before and lowers[before - 1] in _PUTTING_VERBS else None


def _amount_word(tokens: Tokens, k: int) -> bool:
    """A word of another amount between a verb and this one: "0.4 per cent to"."""
    lower = tokens.lowers[k]
    return (
        lower[:1].isdigit()
        or lower in _LINKS
        or lower in ("per", "cent", "%", "$", "£", "€", ".", ",")
        or UNITS.word(lower) is not None
    )


def _skip_approximators(tokens: Tokens, k: int) -> int:
    """Before an approximator ending at token ``k`` ("about", "more than"), if any."""
    found = APPROXIMATORS.before(tokens, k)
    return found[0] if found else k


MeasureRule = Callable[[Tokens, Amount], "tuple[int, int, str] | None"]
# The rules for a figure with no counted noun, surest first.
MEASURE_RULES: tuple[MeasureRule, ...] = (measure_of, changed_subject, put_at)


def measured(tokens: Tokens, amount: Amount, text: Callable[[int, int], str]) -> Measured | None:
    """The measure the first rule reads before ``amount`` (``text`` gives the words of a
    token range), or None."""
    for rule in MEASURE_RULES:
        found = rule(tokens, amount)
        if found:
            start, end, scope = found
            words = text(start, end)
            if start == 0:
                words = words[:1].lower() + words[1:]  # "Shares in ..." opening the sentence
            if rule is changed_subject:
                return _of_a_change(tokens, amount, words, scope)
            return Measured(words, scope, rule.__name__)
    return None


def _of_a_change(tokens: Tokens, amount: Amount, words: str, scope: str) -> Measured:
    """A measure said to change: the amount is the change ("grew by $5 billion"), where it
    was ("rose from 2,100": the earlier level), or where it is ("rose to 2,600", "stood at
    14")."""
    k = _skip_approximators(tokens, amount.start)
    if moved_up_to(tokens, k):
        return Measured(words, scope, "changed_subject")  # "ticked up to 49%": the level
    if _by_how_much(tokens, amount, k, words):
        return Measured(f"change in {words}", scope, "changed_by")
    if k > 0 and tokens.lowers[k - 1] == "from":
        return Measured(f"earlier {words}", scope, "changed_from")
    return Measured(words, scope, "changed_subject")


def _by_how_much(tokens: Tokens, amount: Amount, k: int, words: str) -> bool:
    """'the deficit grew by $113 billion', 'the deficit surged $97 billion': the amount (its
    approximators begin at ``k``) is the change, not the new level ("the deficit was $74
    billion" is the level). (A percentage right after the verb, "prices rose 7%", is the
    rate of the change, which is what a percentage of a measure says anyway; but of a
    measure that is itself a rate, "his approval rating jumped 10 percent", it is the
    change.)"""
    if k == 0:
        return False
    before = tokens.lowers[k - 1]
    moved = before in CHANGE_VERBS and before not in _LEVEL_VERBS
    crossed = k < amount.start and tokens.lowers[k] in _CROSSINGS
    of_a_rate = words.split()[-1].lower() in RATE_WORDS if words else False
    return before == "by" or (moved and not crossed and (amount.unit != "%" or of_a_rate))


def moved_up_to(tokens: Tokens, start: int) -> bool:
    """'the rating ticked up to 49%', 'fell down to 3%': after a verb of drifting, the
    approximator "up to" at token ``start`` says which way the measure moved, not that the
    amount is a ceiling ("lost up to 30 percent", "there were up to 4,000" are ceilings)."""
    lowers = tokens.lowers
    return start > 0 and lowers[start] in ("up", "down") and lowers[start - 1] in _DRIFTS
