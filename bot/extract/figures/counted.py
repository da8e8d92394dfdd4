"""What a figure counts, the event it belongs to, and the people whose age it gives.

The counted thing is the noun phrase right after the amount ("2,500 families", "six of the
border crossings", "3 more soldiers", "200 striking workers", "a 120-day withdrawal
period"); the predicate is the nearest event word ("killed", "displaced", "flight").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.extract.figures.amounts import MAX_AGE, Amount
from bot.extract.figures.lexing import glued, is_digits
from bot.extract.figures.vocabulary import (
    COUNTED_MODIFIERS,
    ING_PREPOSITIONS,
    OF_DETERMINERS,
    PLURAL_MODIFIERS,
)
from bot.extract.lexicon import (
    DAYS,
    FUNCTION_WORDS,
    MONTHS,
    PARTICLES,
    SPEECH_VERBS,
    only_finite_verb,
    past_tense,
    verb_of,
)
from bot.extract.tokens import Tokens, is_capitalised, is_possessive
from bot.textnorm import stem

# Nouns that count in the singular form: "12 police", "3 aircraft".
COUNT_NOUNS = frozenset(
    """people police personnel staff children women men military cattle sheep fish youth clergy
    aircraft equipment dead feet teeth mice geese deer crew media""".split()
)
EVENT_STEMS = frozenset(
    stem(w)
    for w in """killed kill killing dead death died wounded injured casualties displaced
    displacement fled flee fleeing flight refugees evacuated arrested detained captured
    seized surrounded control controls home live living protest protesters voted elected
    spent cost paid raised sent deployed delivered deliveries missing abducted executed
    starving besieged returned moved crossed""".split()
)
# Events a bare number can count without a noun: "killed 13 and wounded 29".
CASUALTY_STEMS = frozenset(
    stem(w) for w in "killed wounded injured displaced arrested detained dead died".split()
)
# Verbs and other words that end a noun phrase after a number ("59% say", "a 19-year-old
# student won"): common irregular past tenses, which no ending gives away.
_VERBS = frozenset(
    """say says near hit left remain remained are were versus vs won came went began fell
    rose met took gave made ran got saw became kept told thought brought bought""".split()
)
# Adverbs and particles that end a noun phrase: "three years ago", "30 days to decide",
# "5 euros now".
_ADVERBS = frozenset(
    """to ago later earlier away apart back now then here there today yesterday tomorrow
    again already also still each apiece instead too ever overall annually overseas""".split()
)
_SINGULAR_ENDINGS = ("ss", "us", "is")
# Verbs of speech end a noun phrase ("59% said"), but not their forms in -s, which after a
# number are plural nouns: "9 guard posts", "50 states", "three charges".
_SPEECH = frozenset(w for w in SPEECH_VERBS if not w.endswith("s")) | {"says"}
_NOT_NOUNS = FUNCTION_WORDS | frozenset(
    "has was is as us its this his thus yes pass across unless whereas".split()
)
# Verbs in -s that say how a measure stands, after its singular noun: "the $18 trillion
# debt remains", "a $2 billion deficit looms".
_STANDING_VERBS = frozenset(
    """remains stands tops exceeds totals represents looms means makes comes goes seems
    looks costs includes grows rises falls""".split()
)
# Verbs after which a bare number is the subject: "some 12 million are receiving aid".
_AUXILIARIES = frozenset("are were have had was remain remained will".split())
# "of" pronouns that are themselves what is counted: "nine of them".
_OF_PRONOUNS = frozenset(["them", "us", "whom", "those", "these"])
# Modifiers saying the figure is a difference: "14 million fewer votes" counts no votes,
# and keeps the word in what it counts.
_DIFFERENCES = frozenset(("fewer", "less"))
_MAX_WORDS = 5
# How many words after "and" the noun two modifiers share may come.
_SHARED_HEAD_REACH = 3
# A pronoun run into a verb: "you're", "he's", "they’ll".
_CONTRACTION = re.compile(r"(?:i|you|he|she|it|we|they|that|there|who|what)['’]")
# Words opening a verb's object: after "17 lawyers operates", "a firm".
_OBJECT_DETERMINERS = frozenset("a an the his her its their our my your this that".split())
_MAX_ASIDE = 7
_ASIDES = {"(": ")", "“": "”", '"': '"'}
_LARGE = 1000


def counted_phrase(tokens: Tokens, amount: Amount) -> tuple[int, int]:
    """Token range of what ``amount`` counts, or an empty range: from where the phrase
    starts (``_phrase_start``), word by word, each word read by the first of
    ``PHRASE_RULES`` that says what to do with it."""
    lowers = tokens.lowers
    k = _phrase_start(tokens, amount)
    if k is None:
        k = _after_aside(lowers, amount.end)
        return k, k  # "30 days to decide", "90 percent white": the unit is the noun
    phrase = _Phrase(tokens, amount, k, k)
    while phrase.k < len(lowers) and phrase.words < _MAX_WORDS and not phrase.done:
        phrase.words += 1
        for rule in PHRASE_RULES:
            if rule(phrase):
                break
    start, k = phrase.start, _before_closing_aside(lowers, phrase.start, phrase.k)
    while k > start and lowers[k - 1] in ("and", "or"):
        k -= 1  # "a $1.5 trillion tax cut and spending increases" counts the tax cut
    if k == start or not _agrees(tokens, amount, start, k - 1):
        return start, start
    if amount.value is None and k - start == 1 and not _vague_noun(lowers[start]):
        return start, start
    return start, k


def _phrase_start(tokens: Tokens, amount: Amount) -> int | None:
    """Where the counted phrase starts: past an aside, an "of" ("six of the crossings",
    "hundreds of people"), a fraction's determiner ("half the vote") and a modifier of
    the count ("3 more soldiers"); None when the amount's unit is itself the noun."""
    lowers = tokens.lowers
    k = _after_aside(lowers, amount.end)
    if k + 1 < len(lowers) and lowers[k] == "of" and _of_counts(lowers, amount, k + 1):
        k += 1
        if lowers[k] in OF_DETERMINERS and lowers[k] not in _OF_PRONOUNS:
            k += 1
    elif amount.noun_unit:
        return None
    elif amount.fraction and k < len(lowers) and lowers[k] in OF_DETERMINERS:
        k += 1  # "half the vote"
    elif k + 1 < len(lowers) and lowers[k] == "worth" and lowers[k + 1] == "of":
        k += 2  # "$5 million worth of arms": what the money bought
    modifier = k + 1 < len(lowers) and lowers[k] in COUNTED_MODIFIERS
    if modifier and lowers[k] not in _DIFFERENCES and _nounlike(tokens, k + 1):
        k += 1  # "3 more soldiers", "200 other families"
    return k


@dataclass
class _Phrase:
    """The counted phrase as it is read: from ``start`` to ``k`` so far, ``words`` read
    (asides not counted), ``done`` once a rule ended it."""

    tokens: Tokens
    amount: Amount
    start: int
    k: int
    words: int = 0
    done: bool = False

    @property
    def lower(self) -> str:
        return self.tokens.lowers[self.k]

    def take(self, count: int = 1, last: bool = False) -> bool:
        self.k += count
        self.done = last
        return True

    def stop(self) -> bool:
        self.done = True
        return True


def numbered_modifier(p: _Phrase) -> bool:
    """'three 12-hour shifts': a number joined to a word before the noun is part of it."""
    return _numbered_modifier(p.tokens, p.k) and p.take(3)


def of_pronoun(p: _Phrase) -> bool:
    """'nine of them': the pronoun is what is counted, and the phrase."""
    first = p.k == p.start and p.lower in _OF_PRONOUNS and p.tokens.lowers[p.k - 1] == "of"
    return first and p.take(last=True)


def casualty_participle(p: _Phrase) -> bool:
    """'23 injured', '6 Wounded in a Raid': the participle is the noun."""
    return p.k == p.start and stem(p.lower) in CASUALTY_STEMS and p.take(last=True)


def aside(p: _Phrase) -> bool:
    """'four IS (Daesh) members': a bracket inside the phrase is passed over."""
    lowers = p.tokens.lowers
    if p.k > p.start and p.lower == "(" and _after_aside(lowers, p.k) > p.k:
        p.k, p.words = _after_aside(lowers, p.k), p.words - 1
        return True
    return False


def coordination(p: _Phrase) -> bool:
    """'two dozen local and county officials': "and" joins two modifiers of one noun."""
    joined = p.lower in ("and", "or") and p.k > p.start and _coordinated(p.tokens, p.k)
    return joined and p.take()


def not_a_noun(p: _Phrase) -> bool:
    """A function word, month, verb or adverb ends the phrase."""
    return not _nounlike(p.tokens, p.k) and p.stop()


def ing_word(p: _Phrase) -> bool:
    """'21 including', '59% saying' end it; '200 striking workers', 'a two-hour meeting'
    (after a unit written before it) go on; an -ing word that is no verb's is a noun."""
    if not p.lower.endswith("ing") or not verb_of(p.lower):
        return False  # "a $20 trillion debt ceiling": a noun, whatever its ending
    first = p.k == p.start
    return (
        not (first and (_participle(p.tokens, p.k) or _described(p.amount, p.lower))) and p.stop()
    )


def possessive(p: _Phrase) -> bool:
    """'half of the group's fighters': a possessive determines; the phrase starts after."""
    tokens, k = p.tokens, p.k
    if is_possessive(tokens.texts[k]) and k + 1 < len(tokens.lowers) and _nounlike(tokens, k + 1):
        p.start = p.k = k + 1
        p.words = 0
        return True
    return False


def verb_after_noun(p: _Phrase) -> bool:
    """'a 63-year-old neighbour called': a past form after the noun is its verb; so is a
    verb of standing after a singular noun ('an $18 trillion debt remains a worry')."""
    if p.k == p.start:
        return False
    if p.lower.endswith("ed") or (p.tokens.texts[p.k].islower() and past_tense(p.lower)):
        return p.stop()  # "held", "fell", "rose": no ending gives them away
    verb = p.lower in _STANDING_VERBS and not _plural(p.tokens.texts[p.k - 1])
    return verb and p.stop()


def noun(p: _Phrase) -> bool:
    """Any other word is taken; a plural ends the phrase ('2,500 families'), unless a
    count noun ('140 military personnel') or a plural noun of a compound ('41 jobs
    programs') follows it."""
    tokens, k = p.tokens, p.k
    p.take()
    if not _counts_as_plural(tokens, k):
        return True
    count_noun = tokens.lowers[k] in COUNT_NOUNS and k + 1 < len(tokens.lowers)
    p.done = not ((count_noun and _counts_as_plural(tokens, k + 1)) or _compound_plural(tokens, k))
    return True


def _compound_plural(tokens: Tokens, k: int) -> bool:
    """'41 jobs programs', '3 news outlets': a plural that English uses to modify another
    noun (``PLURAL_MODIFIERS``) before a plural noun no determiner follows. Another plural
    before a word in -s is its subject ("17 lawyers operates")."""
    texts, lowers = tokens.texts, tokens.lowers
    if k + 1 >= len(lowers) or not texts[k].islower() or lowers[k] not in PLURAL_MODIFIERS:
        return False
    after = lowers[k + 2] if k + 2 < len(lowers) else ""
    return (
        _plural(texts[k + 1])
        and texts[k + 1].islower()
        and _nounlike(tokens, k + 1)
        and after not in _OBJECT_DETERMINERS
    )


PhraseRule = Callable[[_Phrase], bool]
# What to do with each word of a counted phrase, asked in turn: the first that applies acts.
PHRASE_RULES: tuple[PhraseRule, ...] = (
    numbered_modifier,
    of_pronoun,
    casualty_participle,
    aside,
    coordination,
    not_a_noun,
    ing_word,
    possessive,
    verb_after_noun,
    noun,
)


def _coordinated(tokens: Tokens, k: int) -> bool:
    """'and' joins two modifiers of the counted noun, not two noun phrases: the word before
    is no plural and a word like it follows."""
    lowers = tokens.lowers
    return (
        not _counts_as_plural(tokens, k - 1)
        and k + 1 < len(lowers)
        and _nounlike(tokens, k + 1)
        # the noun they share comes soon: "local and county officials", not "share of GDP
        # and immense human cost"
        and any(
            _counts_as_plural(tokens, j) and _nounlike(tokens, j)
            for j in range(k + 1, min(len(lowers), k + _SHARED_HEAD_REACH + 1))
        )
    )


def _counts_as_plural(tokens: Tokens, k: int) -> bool:
    return tokens.lowers[k] in COUNT_NOUNS or _plural(tokens.texts[k])


def _vague_noun(word: str) -> bool:
    """'hundreds of people', 'thousands displaced': not 'dozens of' before a singular."""
    return word.endswith(("ed", "s")) or word in COUNT_NOUNS


def _agrees(tokens: Tokens, amount: Amount, start: int, last: int) -> bool:
    """More than one of something is a plural: '3 soldiers', '12 police', '4 wounded'. A
    singular after a count ('half a million came') is a verb or an adverb, not a noun.
    Fractions, units, vague amounts and parts of a group ('four of his squad') may
    count a singular."""
    value = amount.value
    if value is None or amount.unit or amount.fraction or abs(value) <= 1:
        return True
    lowers = tokens.lowers
    if "of" in lowers[max(0, start - 2) : start]:
        return True
    return _counts_as_plural(tokens, last) or lowers[last].endswith(("ed", "ing"))


def _after_aside(lowers: list[str], k: int) -> int:
    """Past a short parenthesis or quotation right after the number: '70 (mostly young)
    protesters', 'three "keep out" signs'."""
    close = _ASIDES.get(lowers[k]) if k < len(lowers) else None
    if close:
        for j in range(k + 1, min(len(lowers), k + _MAX_ASIDE)):
            if lowers[j] in close:
                return j + 1
    return k


def _before_closing_aside(lowers: list[str], start: int, k: int) -> int:
    """Where the phrase ends when an aside closes it: "a $12 minimum wage (tied to
    prices)" counts the minimum wage; the aside says something of it, not what it is."""
    if k - start < 2 or lowers[k - 1] not in _ASIDES.values():
        return k
    close = lowers[k - 1]
    for j in range(k - 2, start, -1):
        if _ASIDES.get(lowers[j]) == close:
            return j
    return k


def _of_counts(lowers: list[str], amount: Amount, k: int) -> bool:
    """'six of the crossings', 'nine of them', 'hundreds of people', '60 percent of
    homes', '45 square kilometers of land': an 'of' phrase says what is counted."""
    return (
        amount.value is None or amount.fraction or bool(amount.unit) or lowers[k] in OF_DETERMINERS
    )


def _nounlike(tokens: Tokens, k: int) -> bool:
    """A word that may be part of a noun phrase: not a function word, month or verb of
    speech; an acronym in capitals ('IS', 'US') is a name, whatever its lower case."""
    word, lower = tokens.texts[k], tokens.lowers[k]
    if not word[:1].isalpha():
        return False
    if len(word) > 1 and word.isupper():
        return True
    if _CONTRACTION.match(lower):
        return False  # "you're", "he's", "it'll": a pronoun and a verb
    return not (
        lower in _NOT_NOUNS
        or lower in MONTHS
        or lower in _SPEECH
        or lower in _VERBS
        or lower in _ADVERBS
        or only_finite_verb(lower)
    )


def _participle(tokens: Tokens, k: int) -> bool:
    """'200 striking workers', '12 remaining hostages': an -ing word before a noun."""
    return (
        tokens.lowers[k] not in ING_PREPOSITIONS
        and k + 1 < len(tokens.lowers)
        and _nounlike(tokens, k + 1)
        and not tokens.lowers[k + 1].endswith("ing")
    )


def _described(amount: Amount, lower: str) -> bool:
    """'a two-hour meeting', '$5 million funding': after a unit written before it, an -ing
    word is the noun the amount describes."""
    return bool(amount.unit) and not amount.noun_unit and lower not in ING_PREPOSITIONS


def _numbered_modifier(tokens: Tokens, k: int) -> bool:
    """'12-hour' in 'three 12-hour shifts': a number joined to a word, before the noun."""
    lowers = tokens.lowers
    return (
        k + 3 < len(lowers)
        and is_digits(lowers[k])
        and lowers[k + 1] == "-"
        and glued(tokens, k + 1)
        and glued(tokens, k + 2)
        and lowers[k + 2][:1].isalpha()
        and _nounlike(tokens, k + 3)
    )


def _plural(word: str) -> bool:
    """'soldiers', 'Syrians', 'gunmen'; not 'status', 'crisis', 'religious', 'press'."""
    lower = word.lower()
    if lower.endswith("men"):
        return True  # "gunmen", "policemen"
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(_SINGULAR_ENDINGS)


def predicate(tokens: Tokens, first: int, last: int) -> str:
    """The event word nearest to tokens[first:last], at most 8 words away; of two as near,
    the one before."""
    texts, lowers = tokens.texts, tokens.lowers
    for distance in range(1, 9):
        for k in (first - distance, last - 1 + distance):
            if 0 <= k < len(texts) and texts[k][:1].isalpha() and stem(lowers[k]) in EVENT_STEMS:
                return lowers[k]
    return ""


def counts_event(tokens: Tokens, amount: Amount) -> bool:
    """A bare number that counts an event: 'killed 13', 'wounded more than 30', 'the toll
    rose to 24', '6.5 million are displaced', 'some 12 million are receiving aid'."""
    lowers = tokens.lowers
    k = amount.start
    while k > 0 and lowers[k - 1] in {"at", "least", "more", "than", "about", "some"}:
        k -= 1
    if k and stem(lowers[k - 1]) in CASUALTY_STEMS:
        return True
    if "toll" in lowers[max(0, k - 5) : k]:
        return True  # "put the death toll at 50", "the toll rose to 24"
    after = lowers[amount.end : amount.end + 3]
    if not after or after[0] not in _AUXILIARIES:
        return False
    if any(stem(w) in CASUALTY_STEMS for w in after[1:]):
        return True  # "13 were killed"
    # "12 million are receiving": a large bare number as the subject counts people; a
    # small one ("the two were talking") refers back to something named before.
    large = amount.factor > 1 or (amount.value or 0) >= _LARGE
    return large and any(w.endswith("ing") for w in after[1:])


def apposition_age(tokens: Tokens, amount: Amount) -> tuple[int, int] | None:
    """Token range of the name whose age a bare number gives between commas ('Ada Quill,
    34, said'), or None."""
    i, texts, lowers = amount.first, tokens.texts, tokens.lowers
    value = amount.value
    if not (
        amount.digits
        and amount.start == i
        and amount.end == i + 1
        and not amount.unit
        and value is not None
        and value.is_integer()
        and 0 < value <= MAX_AGE
        and i >= 2
        and texts[i - 1] == ","
        and i + 1 < len(texts)
        and texts[i + 1] in {",", ";", ")"}
    ):
        return None
    k = i - 1
    while (
        k > 0
        and k > i - 1 - _MAX_WORDS
        and (
            _name_word(texts[k - 1], lowers[k - 1])
            or (lowers[k - 1] in PARTICLES and k > 1 and _name_word(texts[k - 2], lowers[k - 2]))
        )
    ):
        k -= 1
    return (k, i - 1) if k < i - 1 else None


def _name_word(word: str, lower: str) -> bool:
    return (
        is_capitalised(word)
        and lower not in FUNCTION_WORDS
        and lower not in MONTHS
        and lower not in DAYS
        and lower.rstrip(".") not in MONTHS
    )
