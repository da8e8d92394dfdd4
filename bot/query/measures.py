"""What a figure measures, as far as its own sentence supports it.

A stored figure names its counted thing (``what``) and the nearest event word
(``predicate``), but "nearest" is not "its own": in "some 80,000 dead and more than five
million displaced" the word "displaced" belongs to the second number, not the first. Before
an answer says "80,000 displaced" it checks the sentence, with a few rules that each can be
listed and tested:

- ``predicate_side``: the event word belongs to the number when nothing but linking words
  ("were", "have been", "internally") stands between them, or an aside opened by "including"
  ("15 people, including three children, were killed"); before the number, only an article
  ("displaced a million"), and only when the word is not already the previous figure's
  ("20 killed 30 injured"). Any other word, number or dash between them breaks the link.
- ``counted_words``: the counted thing is shown only when it is part of the figure's own
  words or follows them directly ("12,000 people", "40% of voters"), so a noun from
  elsewhere in the sentence is never borrowed.
- ``WORDING_RULES``: the counted words are then read against the words around them: a
  word that only judges is dropped ("exhausted nurses" are nurses), a limit, a difference
  or a change in percentage points is headed as one ("limit of visas", "difference in
  ballots", "change in growth"), and a figure that is no level of what it counts (a span of
  time of it, the first of a list, a ratio to one, a fraction given exactly in brackets,
  money each member of a described group gets) heads no measure.
- ``vague_words``: a vague amount ("millions") takes no approximator: in "worry about
  millions of refugees", "about" is a preposition.
- ``place_of``: the place of a figure is the one named with a preposition in its own stretch
  of the sentence and close to it ("6 million displaced in Syria"), after it, else before
  it; not one of a list of places, nor the place the figure before it names right after
  itself, nor one across a sentence's end; with none, the figure has no place rather than
  a guessed one.

``measure_key`` then says which figures count the same thing: the stems of the counted words
and the event (the usual words for people dropped, as a count of "people displaced" and of
"displaced" count the same), the kind of unit and what it is per, and the place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from bot.extract import lexicon
from bot.extract.figures.vocabulary import NUMBERS, VAGUE
from bot.query import stance
from bot.query.amounts import PERCENT, TIME_UNITS, is_money
from bot.store import Row
from bot.textnorm import stems

# Words that may stand between a number and its event word after it ("were", "have been").
LINKING_WORDS = frozenset(
    (
        "all", "already", "also", "among", "are", "be", "been", "being", "believed", "currently",
        "had", "has", "have", "internally", "is", "left", "newly", "now", "recently", "reported",
        "reportedly", "since", "so", "still", "that", "the", "those", "to", "was", "were",
        "which", "who",
    )
)  # fmt: skip
# Words that may stand between an event word and the number after it ("displaced a million").
LEADING_WORDS = frozenset(("a", "an", "the"))
# A word opening an aside that may hold other numbers ("including three children").
ASIDE_OPENERS = frozenset(("including",))
# Prepositions that tie a place to a figure ("in Syria", "from Iraq", "across Europe").
PLACE_PREPOSITIONS = frozenset(
    ("in", "at", "inside", "into", "within", "from", "across", "throughout", "of")
)
# Words allowed between such a preposition and the place ("in northern Syria").
_PLACE_GAP_WORDS = 2
# At most this many words between a figure and its place, and no break (dash, bracket...).
PLACE_REACH = 8
_BREAKS = frozenset(("-", "–", "—", ";", ":", "(", ")", '"', "“", "”"))
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
# "District of Columbia", "Bank of England": "of" after a capitalised word joins a name.
_OF_IN_A_NAME = re.compile(r"\b[A-Z][\w'’.-]*\s+of\s+(?:the\s+)?$")
# A comma and a word opening another clause: ", after", ", and", ", while".
_NEW_CLAUSE = re.compile(
    r",\s+(?:after|before|while|since|although|though|whereas|when|but|and)\b", re.IGNORECASE
)
# Words comparing the figure with another place's: "than", "that of", "compared with".
_COMPARED = re.compile(r"\b(?:than|that of|those of|compared|versus|vs)\b", re.IGNORECASE)
# Words saying a figure is of the whole world, whatever place a clause after it names.
_NOT_THE_PLACES = frozenset(("worldwide", "globally", "internationally"))
# What stands between two places of a list: "Ohio, Michigan", "Iowa and Ohio".
_LIST_JOINT = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")
# The usual nouns for people: a count of them is a count of people, however it is worded.
PEOPLE = frozenset(stems("people persons civilians residents inhabitants individuals others"))
_TOKEN = re.compile(r"[\w'’.]+|[^\w\s,]")
_PERCENT_WORDS = re.compile(r"^(?:percent|per cent)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in a sentence: where (characters into the sentence) and its name."""

    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure measures as its sentence supports it; "" where it does not say."""

    counted: str
    predicate: str
    place: str
    predicate_first: bool = False
    named: bool = False  # the counted words name the measure itself ("unemployment rate")
    # The counted words as the figure's sentence gives them, where the measure words differ
    # ("fewer ballots" for the measure "difference in ballots").
    written: str = ""

    @property
    def shown(self) -> str:
        """The counted words to show beside the figure's number."""
        return self.written or self.counted


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def _word_at(sentence: str, word: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(sentence)]


def occurrence(sentence: str, text: str, nth: int = 0) -> tuple[int, int] | None:
    """Where the ``nth`` appearance of a figure's words is in its sentence (None if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = sentence.find(text, start + 1)
        if start < 0:
            return None
    return start, start + len(text)


def _links_after(gap: list[str]) -> bool:
    """Only linking words, or an aside opened by "including" and then linking words."""
    for opener in ASIDE_OPENERS & set(gap):
        at = gap.index(opener)
        tail = len(gap)
        while tail > at + 1 and gap[tail - 1] in LINKING_WORDS:
            tail -= 1
        if tail < len(gap):  # an aside must be followed by linking words
            gap = gap[:at] + gap[tail:]
    return all(word in LINKING_WORDS for word in gap)


BEFORE, WITHIN, AFTER = "before", "within", "after"

# Events the counted things carry out themselves: with them the sentence says what the
# figure did ("3 Republicans voted", "control 165 electoral votes"), not what it counts.
ACTS = frozenset(("vote", "protest", "move", "cross", "control"))
# Words of the state an event leaves, which follow what they describe ("12 people missing").
STATES = frozenset(("dead", "missing"))


@dataclass(frozen=True, slots=True)
class Event:
    """An event word near a figure: the word, the side of the figure it is on, and what
    the figure counts and in which unit."""

    word: str
    side: str
    counted: str
    unit: str


def an_act(event: Event) -> bool:
    """'3 Republicans voted', 'controlling 270 electoral votes': what the counted did, or
    what they control."""
    return (lexicon.verb_of(event.word) or event.word.lower()) in ACTS


# Verbs that say what a count is or holds, or what it is called, not what happened to it:
# "has 3 children", "reached 5 million", "include 20 towns", "4 were described as".
_NOT_EVENTS = frozenset(
    """be have do get make take include contain number total reach hit top exceed remain stay
    average amount represent involve see become combine need require describe identify
    consider call name believe think know expect say tell deem leave""".split()
)
# A noun of change and "of" before a count, with the verb whose participle names what the
# count counts: "a gain of 2.7 million jobs" counts jobs gained.
CHANGE_NOUNS = {"gain of": "gain", "gains of": "gain", "loss of": "lose", "losses of": "lose"}
_CHANGE_NOUN_OF = re.compile(
    rf"\b(?P<noun>{'|'.join(key.split()[0] for key in CHANGE_NOUNS)})\s+of\s+$", re.IGNORECASE
)
# Words that stand between a verb and its count with an article: "lost a record 20 million".
_RECORD = frozenset("record further net total".split())
# Words that may stand between an event word and the count after it: an article
# ("displaced a million"), "a record", "back" ("gained back 700 jobs").
_BETWEEN = LEADING_WORDS | _RECORD | {"back"}
# Words after which a bare verb form is a verb: "will cut 700 jobs", "to eliminate 900".
_VERB_AFTER = frozenset("to will would can could may might must shall should did does do".split())


# Words opening a verb of the counted right after them: "claiming 300 refugees were".
_OWN_VERB_AFTER = re.compile(
    r"^\s*(?:is|are|was|were|have|has|had|will|would|could|may|might|did|do|does)\b",
    re.IGNORECASE,
)


def verb_before(before: str, after: str) -> str:
    """The verb right before a count whose extractor found no event word ("cutting 900
    jobs", "will cut 700 jobs", "shed 22 million jobs"): an inflected verb, or a bare
    form that is also its past, that follows a modal or "to", or that English uses only
    as a verb; not one an article makes an adjective ("an estimated 5,000"), nor a verb
    that says what a count is ("has 3 children", "reached 5 million"), nor one whose
    count has a verb of its own ``after`` it ("claiming 300 refugees were ...")."""
    change = _CHANGE_NOUN_OF.search(before)
    if change:
        return f"{change['noun']} of"  # "a gain of 2.7 million jobs": jobs gained
    words = _tokens(before)
    if len(words) > 2 and words[-1] in _RECORD and words[-2] in LEADING_WORDS:
        words = words[:-2]  # "lost a record 20.5 million jobs"
    elif len(words) > 1 and words[-1] == "back":
        words = words[:-1]  # "gained back 740,000 jobs"
    if not words or not words[-1].isalpha() or not words[-1].islower():
        return ""
    if _OWN_VERB_AFTER.match(after):
        return ""
    word, previous = words[-1], words[-2].lower() if len(words) > 1 else ""
    if previous in LEADING_WORDS:
        return ""
    bare = lexicon.can_be_verb(word) and (
        lexicon.unchanged_past(word) or previous in _VERB_AFTER or lexicon.only_finite_verb(word)
    )
    lemma = lexicon.verb_of(word) or (word if bare else "")
    return word if lemma and lemma not in _NOT_EVENTS else ""


# Forms of "be" and "have" before a participle: "were cast", "have evaporated".
_AUXILIARIES = frozenset("is are was were be been being has have had".split())
# After a participle right after the count, what shows it has no object: "7.5 million jobs
# lost in April", "jobs lost - ", "jobs lost."
_NO_OBJECT = re.compile(
    r"^\s*(?:$|[,.;:!?)\-–—]|(?:in|on|at|by|during|since|from|to|into|under|over|for|across"
    r"|last|this|after|before|between|so|through)\b)",
    re.IGNORECASE,
)
_WORD_OR_MARK = re.compile(r"[\w'’]+|[^\w\s]")
# How many words after a count its verb may be: "have been", "were reportedly".
_AFTER_REACH = 4


def verb_after(after: str) -> str:
    """The verb after a count whose extractor found no event word: a past participle after
    a form of "be" or "have" ("2.3 million jobs have evaporated", "250,000 votes were
    cast"), or right after the count with a preposition, a stop or nothing after it ("7.5
    million jobs lost in April"); not a verb that says what a count is, nor one with an
    object ("2.5 million jobs pushed unemployment down": what the counted did)."""
    gap: list[str] = []
    for found in islice(_WORD_OR_MARK.finditer(after), _AFTER_REACH):
        word = found.group()
        if word.lower() not in LINKING_WORDS:
            break
        gap.append(word.lower())
    else:
        return ""
    rest = after[found.end() :]
    linked = bool(_AUXILIARIES & set(gap))
    if not (linked or (not gap and _NO_OBJECT.match(rest))):
        return ""
    if not word.islower() or not lexicon.is_past_participle(word):
        return ""
    return "" if lexicon.verb_of(word) in _NOT_EVENTS else word


# Another event joined to the event word: "killed or wounded 13 fighters", "13 were killed
# or wounded".
_JOINED_BEFORE = re.compile(r"(?P<other>[a-z]+)\s+(?P<joint>or|and)\s+$", re.IGNORECASE)
_JOINED_AFTER = re.compile(r"^\s+(?P<joint>or|and)\s+(?P<other>[a-z]+)\b", re.IGNORECASE)


def joined_events(sentence: str, span: tuple[int, int], predicate: str, side: str) -> str:
    """'killed or wounded 13 fighters': one count of two events is headed by both (as
    "fighters wounded" it would say more than the sentence does)."""
    places = _word_at(sentence, predicate)
    if side == BEFORE and (before := [s for s, e in places if e <= span[0]]):
        found = _JOINED_BEFORE.search(sentence[: before[-1]])
        if found and lexicon.past_tense(found["other"]):
            return f"{found['other']} {found['joint']} {predicate}"
    if side == AFTER and (after := [e for s, e in places if s >= span[1]]):
        found = _JOINED_AFTER.match(sentence[after[0] :])
        if found and lexicon.past_tense(found["other"]):
            return f"{predicate} {found['joint']} {found['other']}"
    return predicate


def another_noun(event: Event) -> bool:
    """'election 16,747 ballots', 'home to 3 million refugees', 'six countries, all
    refugees': beside a counted noun, a word before it that is no inflected verb, or one
    after it that is no verb at all, is a noun of its own, not what happened to the
    counted."""
    if not event.counted or event.word.lower() in STATES:
        return False
    if event.side == BEFORE:
        word = event.word
        if word.lower() in CHANGE_NOUNS:
            return False  # "a gain of 2.7 million jobs": the noun names their event
        return not (lexicon.verb_of(word) or lexicon.unchanged_past(word)) and (
            lexicon.can_be_noun(word) or not lexicon.can_be_verb(word)
        )
    return event.side == AFTER and not lexicon.can_be_verb(event.word)


# Verbs that say where the counted are ("living", "sheltering"): the place says that, and
# the heading names what the figure counts ("refugees (Lowland)", not "refugees living").
DWELLING = frozenset(("live", "reside", "dwell", "stay", "shelter"))


def where_they_are(event: Event) -> bool:
    """'40,000 herders living in the hills': where the counted are, which is no event of
    theirs (but "3 million people live there" counts the people living there: the usual
    words for people say no more)."""
    verb = lexicon.verb_of(event.word) or event.word.lower()
    return verb in DWELLING and bool(_stems(event.counted) - PEOPLE)


def a_deed_with_an_amount(event: Event) -> bool:
    """'delivering a $1.5 trillion tax cut': money with its noun is an amount of that
    noun; the verb before it says what someone did with it ("raised $5 million", with no
    noun, is the amount raised)."""
    return event.side == BEFORE and bool(event.counted) and is_money(event.unit)


# Why an event word near a figure is not the event of what the figure counts, in turn.
EVENT_RULES = (an_act, another_noun, where_they_are, a_deed_with_an_amount)


def event_rule(event: Event) -> str:
    """The name of the first of ``EVENT_RULES`` that keeps the event word out of the
    figure's measure, or ""."""
    return next((rule.__name__ for rule in EVENT_RULES if rule(event)), "")


# The extractor's rules that read a measure named before its figure
# (``bot.extract.figures.measured``).
NAMED_BEFORE = frozenset({"measure_of", "changed_subject", "put_at"})


def predicate_side(
    sentence: str, span: tuple[int, int], predicate: str, previous_end: int | None = None
) -> str:
    """Where the event word ``predicate`` stands if it belongs to the figure at ``span``
    (``BEFORE`` it, ``WITHIN`` its words, ``AFTER`` it), or "" if it does not.
    ``previous_end`` is where the figure before it in the sentence ends, if there is one."""
    start, end = span
    if not predicate:
        return ""
    for at, after in _word_at(sentence, predicate):
        if at >= start and after <= end:
            return WITHIN
        if at >= end and _links_after(_tokens(sentence[end:at])):
            return AFTER
        if (
            after <= start
            and "," not in sentence[after:start]
            and all(w in _BETWEEN for w in _tokens(sentence[after:start]))
            and not (
                previous_end is not None
                and previous_end <= at
                and _links_after(_tokens(sentence[previous_end:at]))
            )
        ):
            return BEFORE
    return ""


_FOLLOWING = re.compile(r"^\s*(?:of\s+(?:the\s+)?)?", re.IGNORECASE)


def counted_words(text: str, what: str, unit: str, following: str = "") -> str:
    """The counted thing when the figure's own words carry it or ``following`` (the rest of
    the sentence after the figure) opens with it; a percentage drops "percent"."""
    counted = _PERCENT_WORDS.sub("", what) if unit == PERCENT else what
    if not counted:
        return ""
    if counted.casefold() in text.casefold():
        return counted
    wanted = counted.casefold()
    for rest in (following.lstrip().casefold(), _FOLLOWING.sub("", following, count=1).casefold()):
        if rest.startswith(wanted) and not rest[len(wanted) : len(wanted) + 1].isalnum():
            return counted
    return ""


@dataclass(frozen=True, slots=True)
class Wording:
    """A figure's counted words as its text or sentence gives them, with what stands
    around them: the figure's own ``text``, the sentence ``before`` it and ``after`` the
    counted words."""

    counted: str
    text: str
    before: str
    after: str
    unit: str
    value: float | None
    named: bool = False  # the words name a measure read before the figure


def without_judgement(wording: Wording) -> str:
    """'5,000 exhausted nurses', 'a dreadful $2 billion loss': a word that judges what is
    counted says nothing of what it is; the measure is of nurses, of a loss (but a
    capital makes it part of a name: "Great Lakes ports")."""
    words = wording.counted.split()
    while len(words) > 1 and words[0].islower() and lexicon.evaluative(words[0]):
        words.pop(0)
    return " ".join(words)


# "a cap of 4,000 visas": the figure is a limit set on what it counts.
_LIMITS = r"(?P<limit>limit|cap|ceiling|quota)"  # nouns of a limit on what is counted
_LIMIT_BEFORE = re.compile(rf"\b{_LIMITS}\s+(?:of|at)\s+$", re.IGNORECASE)


# "set a cap for the region to admit just 4,000 visas": the limit's noun, then within its
# clause "to" and the verb the figure is the object of.
_LIMIT_TO_VERB = re.compile(
    rf"\b(?:a|an|the|its|their|new)\s+(?:\w+\s+)?{_LIMITS}\b"
    r"[^;:,]{0,40}?\bto\s+[a-z]+\s+$",
    re.IGNORECASE,
)


def a_limit(wording: Wording) -> str:
    """'a new cap of 4,000 visas a year', 'a cap for the region to admit 4,000 visas': how
    many there may be, not how many there are. (A measure named before its figure, "a
    ceiling of 4,000", is already the limit.)"""
    found = _LIMIT_BEFORE.search(wording.before) or _LIMIT_TO_VERB.search(wording.before)
    if not found or not wording.counted or wording.named:
        return wording.counted
    return f"{found['limit'].lower()} of {wording.counted}"


POINTS = "percentage point"
# Words of a difference: a figure in percentage points of one is no change of a change.
DIFFERENCES = frozenset(
    stems(
        "change difference gap margin lead edge advantage rise increase decrease decline drop"
        " fall gain loss cut jump swing boost hike reduction spread error"
    )
)


def a_change_in_points(wording: Wording) -> str:
    """'shaved 0.3 percentage points off output growth': percentage points are how far
    apart two percentages are, so the figure is a change in what it counts, not its level
    (unless its words already name a difference: "a 4-point lead")."""
    counted = wording.counted
    if wording.unit != POINTS or not counted or _stems(counted) & DIFFERENCES:
        return counted
    return f"change in {counted}"


def a_difference(wording: Wording) -> str:
    """'1,300 fewer ballots than in the last race': the figure is how far apart two counts
    are ("less" too, before a noun: not "less known towns")."""
    first, _, rest = wording.counted.partition(" ")
    first = first.lower()
    comparative = first == "fewer" or (
        first == "less" and bool(rest) and not lexicon.can_be_adjective(rest.split()[0])
    )
    return f"difference in {rest}" if comparative and rest else wording.counted


# A relative clause opening right after the counted words: "of children who ...".
_RELATIVE = re.compile(r"^\s*(?:who|whom|that|which)\b", re.IGNORECASE)


def a_share_of_those_who(wording: Wording) -> str:
    """'90% of pupils who sat the test passed': a share of those a relative clause
    describes, said of what the main clause says of them; the counted words alone ("share
    of pupils") would head it as a share of all of them."""
    share = unit_of(wording.unit, wording.value, None) in (PERCENT, FRACTION)
    if share and _RELATIVE.match(wording.after):
        return ""
    return wording.counted


# After a span of time, words that make it a distance in time from now or from another
# time: "the elections were two months away", "three years ago".
_FROM_NOW = re.compile(r"^\s*(?:away|ago|later|earlier|apart|before|after|from\s+now)\b")


def a_span_of_time(wording: Wording) -> str:
    """'about four months of output': a length of time of something says how long it lasts
    or how much of it a span holds, not how much of it there is; 'the elections were two
    months away': how far off something is says nothing of it."""
    counted = wording.counted
    if wording.unit in TIME_UNITS and f" of {counted}".casefold() in wording.text.casefold():
        return ""
    if wording.unit in TIME_UNITS and _FROM_NOW.match(wording.after):
        return ""
    return counted


# A verb opening the rest of the clause after a share's counted words: "44% of refugees
# were from", "two out of three jobs cut during the slump have not returned".
_SAID_OF_THE_SHARE = re.compile(
    r"^(?:\s+[\w'’.-]+){0,6}?\s+(?:is|are|was|were|have|has|had|will|would|could|can"
    r"|may|might|did|do|does|say|says|said|think|thinks|believe|believes|want|wants)\b",
    re.IGNORECASE,
)


def a_share_said_after(wording: Wording) -> str:
    """'44% of refugees were from seven countries', 'three in 10 jobs lost have been
    regained': a share of what the counted words name, with what the share is said by
    the rest of its clause; headed "share of refugees" it would read as a share of them
    all. (A measure named before it, "the share of jobs ... is 44%", is left as it is.)"""
    share = unit_of(wording.unit, wording.value, None) in (PERCENT, FRACTION)
    if share and not wording.named and _SAID_OF_THE_SHARE.match(wording.after):
        return ""
    return wording.counted


# "nurses, midwives and porters", "nurses and midwives": a list the figure counts whole.
_LISTED_AFTER = re.compile(
    r"^(?P<commas>(?:\s*,\s*[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})*)(?:\s*,)?\s+(?:and|or)"
    r"\s+(?P<next>[a-z][\w'’-]*)",
    re.IGNORECASE,
)


def one_of_a_list(wording: Wording) -> str:
    """'2,000 nurses, midwives and porters', '900 herders and traders': a count of them
    all, not only of the first. Words that may open a clause or an amount of their own
    make no list: a function word ("20 nurses, the union said, and"), a name ("20 nurses
    and Ms Lark"), a number word ("and hundreds"), or, without a list before it, a comma
    before "and" ("20 nurses, and officials said"), a word that is no noun ("and almost
    30", "or fewer") or may be a verb ("and injured 30")."""
    found = _LISTED_AFTER.match(wording.after)
    if not found or not wording.counted or wording.named or wording.unit:
        return wording.counted
    following = found["next"]
    listed = [*(found["commas"] or "").replace(",", " ").lower().split(), following.lower()]
    if lexicon.FUNCTION_WORDS & set(listed) or not following[0].islower():
        return wording.counted
    if following.lower() in NUMBERS.keys() | VAGUE:
        return wording.counted
    if not found["commas"] and (
        wording.after.lstrip().startswith(",")  # ", and officials said": a new clause
        or not lexicon.can_be_noun(following)
        or lexicon.can_be_verb(following)
    ):
        return wording.counted
    return ""


# "(31%)", "(about 0.4)": a number in brackets right after the words it restates.
_RESTATED = re.compile(r"^\s*\(\s*(?:about\s+|some\s+)?[\d.,]+\s*(?:%|percent|per cent)?\s*\)")


def restated_exactly(wording: Wording) -> str:
    """'under a third of the seats (31%)': a vague fraction given exactly in brackets
    right after it is that number's to show; the fraction reads as no measure."""
    value = wording.value
    fraction = value is not None and 0 < value < 1 and not wording.unit
    return "" if fraction and _RESTATED.match(wording.after) else wording.counted


# "for families earning", "for each worker with", "for an average household who".
_FOR_DESCRIBED = re.compile(
    r"^\s*for\s+(?:(?:an?|each|every|the)\s+)?(?:[a-z]+\s+){0,2}?[a-z]+\s+"
    r"(?:earning|making|with|who|whose)\b",
    re.IGNORECASE,
)


def for_each_of_a_group(wording: Wording) -> str:
    """'a $2,400 rebate for couples earning under $80,000': money for the members of a
    group the sentence describes is what each of them gets, not the measure's total."""
    if is_money(wording.unit) and _FOR_DESCRIBED.match(wording.after):
        return ""
    return wording.counted


# "For every one nurse hired, ...", "for the price of a single tank, ...": the clause before
# a figure that sets it against one of something, the figure a short way after its comma.
_AGAINST_ONE = re.compile(
    r"\bfor\s+(?:every|each|the\s+(?:cost|price)\s+of)\b[^;]*?\b(?:one|a|an|single)\s"
    r"[^;]*,[^;,]{0,30}(?:,[^;,]{0,30})?$",
    re.IGNORECASE,
)


def against_one(wording: Wording) -> str:
    """'for the price of one tank, 40 ambulances could be bought': a ratio to one of
    something, which counts nothing on its own, and the place of its other side is not
    its own."""
    return "" if _AGAINST_ONE.search(wording.before) else wording.counted


# "on day 17 of the shutdown", "in Round 3", "Section 232": a number naming one of a series.
_SERIES_NOUNS = (
    "day week month round stage phase game episode season chapter section article title part number"
).split()
_NUMBERED_BEFORE = re.compile(
    r"(?:(?:^|[,;:(]\s*|\b(?:on|of|in|by|since|until|at|to|from|the|its|their)\s+)"
    rf"(?:{'|'.join(_SERIES_NOUNS)})"
    rf"|\b(?:{'|'.join(n.capitalize() for n in _SERIES_NOUNS)}|No\.))\s+$"
)


def a_numbered_one(wording: Wording) -> str:
    """'on day 17 of the shutdown', 'Section 232 tariffs': the number names which one of a
    series it is, and counts nothing."""
    return "" if _NUMBERED_BEFORE.search(wording.before) else wording.counted


# "the last five elections", "their first two debates": some of a series, picked by place.
_PICKED_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her|our|these|those)\s+"
    r"(?:last|past|first|next|previous|final)\s+$",
    re.IGNORECASE,
)


def some_of_a_series(wording: Wording) -> str:
    """'won four of the last five elections': how many of a series the sentence looks at,
    not how many there are."""
    return "" if _PICKED_BEFORE.search(wording.before) else wording.counted


# "the 270 electoral votes needed": how many are needed, said after them.
_REQUIRED_AFTER = re.compile(r"^\s*(?:needed|required|necessary)\b", re.IGNORECASE)
# "requires a two-thirds vote", "it only takes four votes": how many are needed.
_REQUIRED_BEFORE = re.compile(
    r"(?:\brequir(?:e|es|ed|ing)|\bneed(?:s|ed|ing)?|\bit\s+(?:only\s+)?takes?)\s+"
    r"(?:(?:a|an|the|only|just|at\s+least)\s+)*$",
    re.IGNORECASE,
)


def a_requirement(wording: Wording) -> str:
    """'the Senate required a two-thirds vote', 'it takes four votes to hear a case': a
    threshold, how many are needed, not how many there are."""
    needed = _REQUIRED_BEFORE.search(wording.before) or _REQUIRED_AFTER.match(wording.after)
    if wording.counted and needed:
        return f"{wording.counted} required"
    return wording.counted


def without_a_verb(wording: Wording) -> str:
    """'he will apply tariffs of 5%': a measure named before its figure begins with the
    verb of the clause when a modal or "to" stands before it; the measure is what follows
    ("tariffs")."""
    counted = wording.counted
    first, _, rest = counted.partition(" ")
    if not wording.named or not rest:
        return counted
    at = wording.before.rfind(counted)
    lead = _tokens(wording.before[:at]) if at >= 0 else []
    if not lead or lead[-1] not in _VERB_AFTER:
        return counted
    return rest if lexicon.can_be_verb(first) else counted


PROPOSED = "proposed"


def _lead(wording: Wording) -> str:
    """The sentence before the figure, or, for a measure named before it, before the
    measure's words ("will not face | additional tariffs of 10%")."""
    at = wording.before.rfind(wording.counted) if wording.named and wording.counted else -1
    return wording.before[:at] if at >= 0 else wording.before


def _definite(wording: Wording) -> bool:
    """Whether the figure is a definite amount: "the $22 trillion debt", or a measure named
    definitely before it and given it with "of" ("the entire debt of $19 trillion")."""
    appositive = wording.named and wording.before.rstrip().lower().endswith(" of")
    return stance.definite(wording.before) or (appositive and stance.definite(_lead(wording)))


def a_proposal(wording: Wording) -> str:
    """'pushed for a $15 minimum wage': money or a rate someone wants is a measure of its
    own, the proposed one (``bot.query.stance``)."""
    if _definite(wording) or not wording.counted:
        return wording.counted
    if stance.proposed(_lead(wording), wording.unit, listed=not wording.named):
        return f"{PROPOSED} {wording.counted}"
    return wording.counted


def a_supposition(wording: Wording) -> str:
    """'if inflation jumps to 3%': an amount the sentence imagines is no fact (one read as
    a proposal keeps its heading: "would raise it to $15" is what someone wants)."""
    if wording.counted.startswith(f"{PROPOSED} "):
        return wording.counted
    if _definite(wording):
        return wording.counted
    return "" if stance.supposed(_lead(wording), wording.after) else wording.counted


# Nouns of a text that sets a price, after the price's noun: "a $15 minimum wage bill".
_SETTING_TEXTS = frozenset(
    """bill bills law laws legislation ordinance ordinances proposal proposals plan plans
    referendum initiative amendment measure""".split()
)
# Of those, the ones not (yet) in force: the price they set is a proposal.
_NOT_IN_FORCE = _SETTING_TEXTS - frozenset("law laws legislation ordinance ordinances".split())
# Nouns of a price or a rate that a text sets.
_PRICES = frozenset("wage wages tax taxes fee fees price prices tariff tariffs rate fine".split())


def a_price_a_text_sets(wording: Wording) -> str:
    """'a $15 minimum wage bill': the money is the wage the bill would set, not the bill's
    size (as in "a $1 trillion infrastructure bill"); a bill's or a plan's price is a
    proposal, a law's is in force."""
    *words, last = wording.counted.split() or [""]
    if not words or last.lower() not in _SETTING_TEXTS or words[-1].lower() not in _PRICES:
        return wording.counted
    price = " ".join(words)
    if last.lower() in _NOT_IN_FORCE and not price.startswith(f"{PROPOSED} "):
        return f"{PROPOSED} {price}"
    return price


def a_goal(wording: Wording) -> str:
    """'wants to settle 2 million refugees': a count someone means to reach is no fact
    (money or a rate so wanted is a proposal, ``a_proposal``)."""
    if _definite(wording) or wording.counted.startswith(f"{PROPOSED} "):
        return wording.counted
    return "" if stance.a_goal(_lead(wording)) else wording.counted


# Comparatives that only say how a figure stands to another: "a smaller deficit of $17m" is
# the deficit.
_COMPARATIVES = frozenset(
    "smaller larger bigger higher lower greater wider narrower deeper steeper".split()
)


def without_a_comparison(wording: Wording) -> str:
    """'showing a smaller deficit of $17.8 million': the figure is the deficit; "smaller"
    says how it compares with another, which the heading cannot show."""
    first, _, rest = wording.counted.partition(" ")
    return rest if first.lower() in _COMPARATIVES and rest else wording.counted


def a_denial(wording: Wording) -> str:
    """'has never had a $500 billion deficit': an amount the clause denies is no fact."""
    if _definite(wording):
        return wording.counted
    return "" if stance.denied(_lead(wording)) else wording.counted


# How the counted words are read, in turn; "" when the figure then says too little.
WORDING_RULES = (
    a_denial,
    a_numbered_one,
    some_of_a_series,
    a_proposal,
    a_supposition,
    a_goal,
    a_price_a_text_sets,
    without_a_comparison,
    a_requirement,
    without_a_verb,
    against_one,
    restated_exactly,
    a_share_of_those_who,
    a_share_said_after,
    a_span_of_time,
    one_of_a_list,
    for_each_of_a_group,
    without_judgement,
    a_difference,
    a_limit,
    a_change_in_points,
)


def worded(wording: Wording) -> str:
    """The counted words after each of ``WORDING_RULES``."""
    for rule in WORDING_RULES:
        wording = replace(wording, counted=rule(wording))
        if not wording.counted:
            return ""
    return wording.counted


def vague_words(text: str, approx: str) -> str:
    """A vague amount as written, without an approximator: "millions of refugees"."""
    if approx and text.casefold().startswith(approx.casefold() + " "):
        return text[len(approx) + 1 :]
    return text


def _tied(sentence: str, place: Place) -> bool:
    """Whether a preposition stands just before the place, with only words between ("in
    northern Syria"; not "In 2018, Qatar", where the preposition is the year's, nor "the
    District of Columbia", where "of" joins a name)."""
    before = sentence[: place.start]
    if before.rstrip().endswith(","):
        return False
    for word in reversed(_tokens(before)[-(_PLACE_GAP_WORDS + 1) :]):
        if word in PLACE_PREPOSITIONS:
            return not (word == "of" and _OF_IN_A_NAME.search(before))
        if not word.isalpha():
            return False
    return False


def _near(sentence: str, start: int, end: int) -> bool:
    """A few words and no break between two points of a sentence: no dash, bracket or
    quotation mark, no sentence ending inside a quotation ("a base in Iraq in a week.
    We can't process 200 refugees"), no new clause ("27 in Afghanistan, after 8,000
    casualties"), no comparison ("a toll of 3,800 exceeds that of China") and no word
    that says the figure is the whole world's ("5 million refugees worldwide live in
    Lebanon")."""
    gap = sentence[start:end]
    between = _tokens(gap)
    return (
        len(between) <= PLACE_REACH
        and not (_BREAKS | _NOT_THE_PLACES) & set(between)
        and not _SENTENCE_END.search(gap)
        and not _NEW_CLAUSE.search(gap)
        and not _COMPARED.search(gap)
    )


def _listed(sentence: str, place: Place, places: Sequence[Place]) -> bool:
    """Whether the place is one of a list of places ("Ohio, Michigan and Wisconsin"): a
    figure of them all is none of theirs alone."""
    return any(
        _LIST_JOINT.fullmatch(sentence[place.end : other.start])
        or _LIST_JOINT.fullmatch(sentence[other.end : place.start])
        for other in places
        if other is not place
    )


def _the_previous_figures(sentence: str, place: Place, low: int) -> bool:
    """Whether a place before the figure is the one the figure before it names right
    after itself ("eight in Iraq and 27 in Afghanistan, after 8,000 casualties")."""
    return low > 0 and len(_tokens(sentence[low : place.start])) <= _PLACE_GAP_WORDS + 1


def place_of(
    sentence: str, span: tuple[int, int], stretch: tuple[int, int], places: Sequence[Place]
) -> str:
    """The place of the figure at ``span``: named with a preposition within ``stretch`` (the
    figure's part of the sentence, between its neighbouring figures), after it first."""
    start, end = span
    low, high = stretch
    after = [p for p in places if end <= p.start < high and _tied(sentence, p)]
    if after:
        first = min(after, key=lambda p: p.start)
        near = _near(sentence, end, first.start)
        return first.name if near and not _listed(sentence, first, places) else ""
    before = [p for p in places if low <= p.start and p.end <= start and _tied(sentence, p)]
    if not before:
        return ""
    last = max(before, key=lambda p: p.start)
    if _listed(sentence, last, places) or _the_previous_figures(sentence, last, low):
        return ""
    return last.name if _near(sentence, last.end, start) else ""


def read(
    row: Row,
    sentence: str,
    span: tuple[int, int] | None = None,
    place: str = "",
    previous_end: int | None = None,
) -> Reading:
    """The reading of a figure; ``span`` is where it is in ``sentence`` (found if not given),
    ``previous_end`` where the figure before it ends."""
    span = span or occurrence(sentence, row["text"])
    before = sentence[: span[0]] if span else ""
    following = sentence[span[1] :] if span else ""
    if row["how"] in NAMED_BEFORE:
        # The extractor read the measure before the figure by a rule of its own ("the
        # unemployment rate fell to 3.5%"): it is the measure, with its scope as the place.
        wording = Wording(
            row["what"], row["text"], before, following, row["unit"], row["value"], named=True
        )
        measure = worded(wording)
        written = "" if measure == row["what"] else row["what"]
        return Reading(measure, "", place or row["scope"], named=True, written=written)
    counted = counted_words(row["text"], row["what"], row["unit"], following)
    after = following
    if span and counted:
        at = sentence.casefold().find(counted.casefold(), span[0])
        after = sentence[at + len(counted) :] if at >= 0 else ""
    if span and counted and counted.casefold() not in row["text"].casefold():
        # The counted words follow the figure's own: the event word comes after them.
        end = span[1] + following.casefold().index(counted.casefold()) + len(counted)
        span = (span[0], end)
    written = counted
    counted = worded(Wording(counted, row["text"], before, after, row["unit"], row["value"]))
    predicate = row["predicate"]
    side = predicate_side(sentence, span, predicate, previous_end) if span else ""
    if span and not side and counted and not row["unit"]:
        # The extractor's event word is not this count's: the verb right beside it may be.
        predicate = verb_before(before, after) or verb_after(after)
        side = predicate_side(sentence, span, predicate, previous_end)
    if side and event_rule(Event(predicate, side, counted, row["unit"])):
        side = ""
    if side:
        predicate = joined_events(sentence, span, predicate, side)
    return Reading(
        counted,
        predicate if side else "",
        place,
        predicate_first=side == BEFORE,
        written="" if counted == written else written,
    )


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stems(text))


def measure_stems(reading: Reading) -> frozenset[str]:
    """The stems of what a figure counts and of its event, in any order."""
    return _stems(f"{reading.counted} {reading.predicate}")


# What a fraction of something ("a third of voters", "half the deficit") is counted in: a
# share, like a percentage, though its value stays the fraction the text gives (0.33).
FRACTION = "fraction"


def unit_of(unit: str, value: float | None, value_high: float | None) -> str:
    """A figure's unit, or ``FRACTION`` for a plain number between 0 and 1."""
    if unit or value is None or not 0 < value < 1 or (value_high or 0) >= 1:
        return unit
    return FRACTION


_PRONOUNS = frozenset(_stems("them those these they it us we you one ones"))
# Words that say what kind of quantity a number is but not of what: "a 3.4% rate", "the
# total", "that level", "ten times".
GENERIC = frozenset(
    _stems("rate level number figure total amount percentage proportion sum time times")
)


def measure_key(reading: Reading, unit: str, per: str) -> str:
    """Figures with the same key count the same thing; "" when the figure says too little
    (no counted thing or event beyond the people counted)."""
    counted = measure_stems(reading) - PEOPLE
    said = _stems(reading.counted)
    if not counted or said <= _PRONOUNS or said <= GENERIC or counted <= GENERIC:
        return ""  # nothing counted, "a third of them", "a 3.4% rate", "killed ten times"
    kind = "%" if unit == PERCENT else unit
    return f"{' '.join(sorted(counted))}|{kind}|{per}|{reading.place}"


def label(reading: Reading, unit: str) -> str:
    """The measure in words, each word once: "people displaced", "soldiers killed" (for
    "killing 20 soldiers"); a count of the usual nouns for people (or of no noun) is a
    count of "people", a percentage a "share" ("share of voters")."""
    counted, predicate = reading.counted, reading.predicate
    if reading.named:
        return counted  # "unemployment rate", "quarterly loss"
    if not unit and _stems(counted) - _stems(predicate) <= PEOPLE:
        counted = "people"
    elif unit in (PERCENT, FRACTION):
        counted = f"share {counted}".strip()
        if not counted.startswith("share of "):
            counted = counted.replace("share ", "share of ", 1)
    if predicate and set(_tokens(predicate)) <= set(_tokens(counted)):
        predicate = ""
    predicate, first = _event_form(predicate, reading.predicate_first)
    parts = (predicate, counted) if first else (counted, predicate)
    return " ".join(p for p in parts if p)


def _event_form(word: str, before: bool) -> tuple[str, bool]:
    """The event word as a measure names it after what it counts, and whether it stays
    first: a verb before the figure as its past participle ("killed 20 children":
    children killed), a verb in the present tense after it as its -ing form ("2 million
    refugees return": refugees returning); a noun or a past tense as it is ("cost (USD)",
    "bridges fell"); two joined events each so ("fighters killed or wounded"); a noun of
    change before the figure as its verb's participle ("a gain of 2.7 million jobs": jobs
    gained)."""
    lower = word.lower()
    if not word or lower in STATES or (lower.endswith("ing") and not before):
        return word, False
    words = lower.split()
    if len(words) == 3 and words[1] in ("or", "and"):
        # "killed or wounded 13 fighters": fighters killed or wounded
        one, other = (_event_form(w, before)[0] for w in (words[0], words[2]))
        return f"{one} {words[1]} {other}", False
    if lower in CHANGE_NOUNS:
        return lexicon.past_participle(CHANGE_NOUNS[lower]), False
    verb = lexicon.verb_of(lower)
    if before:
        verb = verb or (lower if lexicon.can_be_verb(lower) else "")
        return (lexicon.past_participle(verb), False) if verb else (word, True)
    if not lexicon.can_be_verb(lower) or lexicon.past_tense(lower):
        return word, False
    return lexicon.ing_form(verb or lower), False
