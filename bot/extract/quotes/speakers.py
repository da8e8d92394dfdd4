"""Who said a quote: the attribution next to it, and the speaker it names.

A speaker is looked for where English news puts one:

- after the quote: '"...," Ortiz said.', '"...," said the minister.', '"..." in the
  north, Ortiz tweeted.', '"...", according to the observatory.';
- before it: 'Ortiz said the council, in a statement, "agreed ..."', 'X told reporters:
  "..."', and the reported-predicate form 'Ortiz also "promised that ..."';
- in the sentence before a quote that stands alone ('Ortiz tweeted. "Stay away! ..."').

Each place is a named way (``ATTRIBUTIONS``, with its example), and who the words there name
is worked out by the rules of ``bot.extract.quotes.naming``: the speaker is the article's
entity when one is named there (so "Ortiz" is "Ana Ortiz"); a pronoun goes to the nearest
fitting antecedent; a role or body without a name ("the Kenyan presidency said") is kept as
that phrase. Every quote records both (``how``: "said_after/person").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from bot.extract.lexicon import speech_verbs
from bot.extract.quotes.marks import Span
from bot.extract.quotes.names import SPEAKER_NOUNS, Named
from bot.extract.quotes.naming import SpeakerNaming
from bot.extract.tokens import Tokens, tokenize

_ADVERBS = frozenset("also then later again once has had have was were would will is".split())
_SUBJECT_STOP = frozenset(',;:()"-')
# How many tokens into the next sentence the verb of a question's attribution may stand.
_NEXT_SENTENCE_REACH = 6
# How many tokens a speaker's name and title may run to, next to the verb ("Syrian
# Observatory for Human Rights director Rami Abdel Rahman").
_SUBJECT_REACH = 12
# Words that end an inverted subject: 'said Ortiz in Lisbon', 'said an officer who ...'.
_AFTER_SUBJECT = frozenset({"in", "on", "at", "after", "during", "who", "which", "that"})
# Words that end a subject looking back from its verb.
_CLAUSE_WORDS = frozenset({"that", "and", "but", "which", "who", "while"})
# How many tokens an appositive or a bracket between a name and its verb may hold.
_APPOSITIVE_REACH = 24
# How many tokens before a quote its introducing verb may stand.
_CUE_REACH = 16
# The next two words after a name.
_FOLLOWING_WORDS = re.compile(r"(?: [a-z]+){1,2}")
# How many characters may stand between a subject and the colon introducing their words.
_COLON_REACH = 40
# Abbreviated titles before a name: "Sen.", "Reps.", "Gov.".
_SHORT_TITLE = 4


def _joins_names(tokens: Tokens, k: int) -> bool:
    """Token ``k`` is an "and" between two names ("Quill and Ortiz said")."""
    return (
        tokens.lowers[k] == "and"
        and 0 < k < len(tokens.texts) - 1
        and tokens.texts[k - 1][:1].isupper()
        and tokens.texts[k + 1][:1].isupper()
    )


def _subject_start(tokens: Tokens, last: int) -> int | None:
    """Where the name ending at token ``last`` begins with its titles and roles, when it
    is its clause's subject ('Sen. Ada Quill also "promised ..."'); None when a verb stands
    before it whose object it is ('he called Quill "one of the worst"')."""
    k = last
    while k > 0 and (
        tokens.texts[k - 1][:1].isupper()
        or tokens.texts[k - 1] in _NAME_JOINS
        or tokens.lowers[k - 1] in SPEAKER_NOUNS
        or tokens.lowers[k - 1] in _DETERMINERS
    ):
        k -= 1
    return k if k == 0 or tokens.lowers[k - 1] in _CLAUSE_OPENERS else None


def _as_reported(tokens: Tokens, verb: int) -> bool:
    """The verb is a source's, in an "as" clause: 'as the Velmora Herald reported'."""
    return "as" in tokens.lowers[max(0, verb - _SUBJECT_REACH) : verb]


def _after_title(tokens: Tokens, k: int) -> bool:
    """Token ``k`` is the stop of an abbreviated title ("Sens. Quill"), not a sentence's."""
    previous = tokens.texts[k - 1] if k else ""
    return tokens.texts[k] == "." and previous[:1].isupper() and len(previous) <= _SHORT_TITLE


# What may stand inside a name and its titles ("Sen. Ada Quill-Ortiz", "Quill's").
_NAME_JOINS = frozenset({".", "-", "'", "'s"})
# What a clause opens after: its subject comes next.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "and", "but", "that", "while", "as", "--"})
# Words before a noun: "a report", "his remarks", "at some point" (not the verbs).
_DETERMINERS = frozenset(
    "a an the this these those his her its their our my your one some any each every no".split()
)


# Where a quote's attribution stands, each way with its example: the first part of every
# quote's ``how`` (the second is the rule that named the speaker there, ``SpeakerFinder``).
ATTRIBUTIONS: dict[str, str] = {
    "said_after": '"We will rebuild," Ada Quill said.',
    "said_after_inverted": '"We will rebuild," said Ada Quill.',
    "according_to": '"We will rebuild", according to Ada Quill.',
    "asked_next_sentence": '"Why now?" Ada Quill asked.',
    "said_before": 'Ada Quill told reporters: "We will rebuild."',
    "own_predicate": 'Ada Quill also "promised that the port would reopen soon."',
    "colon": 'Ada Quill was blunt: "We will rebuild the port."',
    "lead_in": 'Ada Quill tweeted on Monday. "We will rebuild the port."',
    "previous_quote": (
        '"We will rebuild the port before the winter comes" is what Ada Quill said on '
        'Monday. "It will take years to finish."'
    ),
    "transcript": "QUILL: We will rebuild the port.\n\nORTIZ: When will you start?",
}


class Attribution(NamedTuple):
    """A speaker and where the text says so: the cue word's offset and its sentence, and
    how (``ATTRIBUTIONS``, then the rule that named the speaker).

    ``speaker`` is None when the text attributes the quote to someone it does not let us
    name ('"...," the firm said'): the quote has its attribution, just not a usable one.
    """

    speaker: str | None
    cue: int
    sentence: int
    how: str = ""
    also: tuple[str, ...] = ()  # who spoke with the speaker: "Quill and Ortiz said"


def is_cue(tokens: Tokens, i: int) -> bool:
    """Whether token ``i`` is a speech verb attributing a quote: in lower case (not part of a
    name), not a noun after a determiner ("a report", "his remarks") and not a noun before
    the verb ("the report said"), nor a verb taking an infinitive ("continued to rise")."""
    verbs = speech_verbs()
    lower = tokens.lowers[i]
    if lower not in verbs or not tokens.texts[i].islower():
        return False
    if i and tokens.lowers[i - 1] in _DETERMINERS:
        return False
    following = tokens.lowers[i + 1] if i + 1 < len(tokens.lowers) else ""
    return following not in verbs and not (verbs[lower] and following == "to")


def _in_relative_clause(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is the verb of a relative clause: 'who (also) said', 'which has warned'."""
    k = i
    while k > 0 and tokens.lowers[k - 1] in _ADVERBS:
        k -= 1
    return k > 0 and tokens.lowers[k - 1] in ("who", "which")


def _prefer_named(found: list[str | None], types: dict[str, str]) -> str | None:
    """Of the speakers found in a name and its appositives (front first): a person, then
    any named entity, then the front one found."""
    for wanted in ("PERSON", None):
        for name in found:
            if name in types and (wanted is None or types[name] == wanted):
                return name
    return next((name for name in found if name), None)


def _before_bracket(tokens: Tokens, k: int) -> int:
    """The token index before a bracket that ends just before token ``k``, else ``k``."""
    if k == 0 or tokens.texts[k - 1] != ")":
        return k
    for i in range(k - 2, max(-1, k - 2 - _APPOSITIVE_REACH), -1):
        if tokens.texts[i] == "(":
            return i
    return k


def _appositive_start(tokens: Tokens, comma: int) -> int | None:
    """The comma opening the appositive that the comma at ``comma`` closes, if near."""
    for i in range(comma - 1, max(-1, comma - 1 - _APPOSITIVE_REACH), -1):
        if tokens.texts[i] == ",":
            return i
        if tokens.texts[i] in ('"', ";", ":") or tokens.lowers[i] in _CLAUSE_WORDS:
            return None
    return None


class SpeakerFinder(SpeakerNaming):
    """Finds the speakers of one article's quotes, given its entities."""

    def record(self, attribution: Attribution, close: int, fragment: bool) -> None:
        """Remember a quote's speaker: for statements and pronouns further on."""
        if attribution.speaker is None:
            return
        self.said_in[attribution.sentence] = attribution.speaker
        if not fragment:
            self.last_speaker = (close, attribution.speaker)

    def _attribution(self, how: str, speaker: str | None, cue: int, sentence: int) -> Attribution:
        """An attribution found the ``how`` way (one of ``ATTRIBUTIONS``)."""
        named = self.named_by.get(speaker, "") if speaker else ""
        also = self.joint.get(speaker, ()) if named == "person" else ()
        return Attribution(speaker, cue, sentence, f"{how}/{named}" if named else how, also)

    def _subject_before(self, tokens: Tokens, verb: int, sentence: int) -> str | None:
        """The speaker in the words just before a speech verb. A participle ('..., adding')
        or a verb after "and" takes the subject of its clause; a bracket ('Ortiz (D-Texas)
        said') is passed over; before an appositive ('McCain, an Arizona Republican, said')
        a person's name wins, in front of it or inside it ('the council's head, Ana Ortiz,
        said'), then the name in front."""
        k = verb
        while k > 0 and tokens.lowers[k - 1] in _ADVERBS:
            k -= 1
        if tokens.lowers[verb].endswith("ing") or (k > 0 and tokens.lowers[k - 1] == "and"):
            return self._clause_subject(tokens.starts[verb], sentence)
        k = _before_bracket(tokens, k)
        if k < 2 or tokens.texts[k - 1] != ",":
            found = self._subject_window(tokens, k, sentence)
            if found and self.entity_types.get(found) == "PERSON":
                return found
            return self._person_before_appositive(tokens, k, sentence) or found

        # Appositives, innermost first: 'Issa, R-Calif., chairman of the committee, said'.
        found = [self._subject_window(tokens, k - 1, sentence)]
        comma: int | None = k - 1
        while (comma := _appositive_start(tokens, comma)) is not None and len(found) < 3:
            if k - comma > _APPOSITIVE_REACH:
                break
            found.append(self._subject_window(tokens, comma, sentence))
        return _prefer_named(found[::-1], self.entity_types)

    def _person_before_appositive(self, tokens: Tokens, k: int, sentence: int) -> str | None:
        """'Ada Quill, lawyer with the Harbour Rights Project said': the person the words
        open with, before an appositive whose closing comma was left out, rather than the
        body at its end; only when those words open with a person and a comma."""
        comma = next((i for i in range(1, k - 1) if tokens.texts[i] == ","), None)
        if comma is None:
            return None
        lead = self._resolve(tokens.starts[0], tokens.ends[comma - 1], sentence)
        if not lead or self.entity_types.get(lead) != "PERSON":
            return None
        window = self._named_between(tokens.starts[0], tokens.ends[comma - 1])
        named = next((n for n in window if n.name == lead), None)
        if named is None:
            return lead  # not named there but meant ("He, a former envoy said")
        before = [text for i, text in enumerate(tokens.texts) if tokens.starts[i] < named.start]
        # Only titles may stand before the name: "Then I met Quill, and she" does not open
        # with Quill.
        return lead if all(t[:1].isupper() for t in before) else None

    def _subject_window(self, tokens: Tokens, k: int, sentence: int) -> str | None:
        """The speaker named in the few words before token ``k``, back to a clause break."""
        first = k
        while (
            first > 0
            and tokens.texts[first - 1] not in _SUBJECT_STOP
            and k - first < _SUBJECT_REACH
        ):
            if tokens.lowers[first - 1] in _CLAUSE_WORDS and not _joins_names(tokens, first - 1):
                break
            first -= 1
        if first == k:
            return None
        return self._resolve(tokens.starts[first], tokens.ends[k - 1], sentence)

    def _subject_after(self, tokens: Tokens, verb: int, sentence: int) -> str | None:
        """Inverted order: 'said Ortiz', 'said the Kenyan presidency'."""
        last = verb + 1
        while last < len(tokens.texts) and (
            tokens.texts[last] not in _SUBJECT_STOP | {"."} or _after_title(tokens, last)
        ):
            if last - verb > _SUBJECT_REACH or tokens.lowers[last] in _AFTER_SUBJECT:
                break
            last += 1
        if last == verb + 1:
            return None
        return self._resolve(tokens.starts[verb + 1], tokens.ends[last - 1], sentence)

    def _bounds(self, spans: list[Span]) -> tuple[list[int], list[int]]:
        """The sorted opening and closing offsets of a paragraph's quotes, worked out once
        a paragraph, so that finding a quote's neighbours does not cost a pass over them
        all (a paragraph of thousands of short quotes stays linear)."""
        key = id(spans)
        if self._bounds_of[0] != key:
            self._bounds_of = (key, (sorted(s.open for s in spans), sorted(s.close for s in spans)))
        return self._bounds_of[1]

    def after(self, span: Span, others: list[Span]) -> Attribution | None:
        """The attribution in the rest of the quote's sentence, up to the next quote. A
        question or exclamation may end its sentence before the attribution ('"Why?" Ortiz
        asked.'): then it is the next sentence of the paragraph."""
        sentence = self.article.sentences[self.sentence_at(span.close)]
        reach = None
        if (
            sentence.end <= span.close + 2
            and self.text[span.close - 1] in "?!"
            and sentence.index + 1 < len(self.article.sentences)
            and "\n" not in self.text[sentence.end : sentence.end + 3]
        ):
            sentence = self.article.sentences[sentence.index + 1]
            reach = _NEXT_SENTENCE_REACH  # its verb comes first thing ('Ortiz asked')
        stop = sentence.end
        following = self._bounds(others)[0]
        k = bisect_right(following, span.close)
        if k < len(following):
            stop = min(stop, max(following[k], span.close + 1))
        tokens = tokenize(self.text, span.close + 1, stop)
        if not any(t[:1].isalpha() for t in tokens.texts):
            return None
        for i, lower in enumerate(tokens.lowers[:reach]):
            if lower == "according" and i + 1 < len(tokens.texts) and tokens.lowers[i + 1] == "to":
                found = self._subject_after(tokens, i + 1, sentence.index)
                return self._attribution("according_to", found, tokens.starts[i], sentence.index)
            if is_cue(tokens, i) and _as_reported(tokens, i):
                return None  # '"...," as the Herald reported': a source, not the speaker
            if is_cue(tokens, i):
                # 'said Ortiz' only when nothing stands before the verb: in '..., he told
                # Fox News' the words after it are whom he told. A participle ('...,"
                # adding') takes the subject of its clause.
                if tokens.lowers[i].endswith("ing") or any(
                    t[:1].isalpha() for t in tokens.texts[:i]
                ):
                    how = "said_after"
                    found = self._subject_before(tokens, i, sentence.index)
                else:
                    how = "said_after_inverted"
                    found = self._subject_after(tokens, i, sentence.index)
                how = "asked_next_sentence" if reach else how
                return self._attribution(how, found, tokens.starts[i], sentence.index)
        return None

    def _speech_in(self, sentence: int, start: int, end: int) -> bool:
        """Whether a speech verb stands in text[start:end] of the sentence."""
        tokens, verbs = self.tokens[sentence], speech_verbs()
        return any(
            lower in verbs and start <= at < end
            for lower, at in zip(tokens.lowers, tokens.starts, strict=False)
        )

    def before(self, span: Span, others: list[Span]) -> Attribution | None:
        """The attribution in the quote's sentence before it, from the last quote on."""
        sentence = self.article.sentences[self.sentence_at(span.open)]
        begin = sentence.start
        closes = self._bounds(others)[1]
        k = bisect_left(closes, span.open) - 1
        if k >= 0 and closes[k] >= begin:
            begin = closes[k] + 1
        tokens = tokenize(self.text, begin, span.open)
        if not tokens.texts:
            return None
        first_word = self.text[span.open + 1 : span.open + 2]
        if first_word.islower() and not (
            self._speech_in(sentence.index, sentence.start, span.open)
            or self._speech_in(sentence.index, span.close, sentence.end)
        ):
            # 'Ortiz also "promised that ..."': the quote is the subject's own predicate
            # (unless someone says so: 'Reis wrote "..." since Ortiz "once called ..."',
            # 'Ortiz "was a great man," she said').
            k = len(tokens.texts)
            while k > 0 and tokens.lowers[k - 1] in _ADVERBS:
                k -= 1
            first = (
                _subject_start(tokens, k - 1) if k and tokens.texts[k - 1][:1].isupper() else None
            )
            if first is not None:
                start = tokens.starts[first]
                named = self._resolve(start, tokens.ends[k - 1], sentence.index)
                if named:
                    return self._attribution("own_predicate", named, start, sentence.index)
        # The verb introduces the quote from close by ('X said the council, in a statement,
        # "..."'), and not from a relative clause closed before it ('X, who was arguing for
        # it, cited a promise to "..."').
        for i in range(len(tokens.texts) - 1, max(-1, len(tokens.texts) - 1 - _CUE_REACH), -1):
            if is_cue(tokens, i) and not (
                _in_relative_clause(tokens, i) and "," in tokens.texts[i + 1 :]
            ):
                found = self._subject_before(tokens, i, sentence.index)
                return self._attribution("said_before", found, tokens.starts[i], sentence.index)
        if tokens.texts[-1] == ":":
            return self._colon_introduction(sentence.index, tokens.starts[-1])
        return None

    def _colon_introduction(self, sentence: int, colon: int) -> Attribution | None:
        """'Mayor Ana Ortiz was blunt: "..."': a colon close after the person or body the
        sentence opens with introduces their words, or, after a subject that speaks ('Ortiz
        says that ...: "..."'), a colon anywhere in the sentence; not the words of one named
        further in ('The plan of Ortiz had one aim: "..."'), nor a headline at the end of a
        long sentence."""
        subject = self._opening_subject(sentence, colon)
        if subject is None or (colon - subject.end > _COLON_REACH and not self._speaks(subject)):
            return None
        return Attribution(subject.name, colon, sentence, "colon/opening_subject")

    def _speaks(self, subject: Named) -> bool:
        """The name is followed by a speech verb: 'Ortiz says', 'Ortiz also told'."""
        following = _FOLLOWING_WORDS.match(self.text, subject.end)
        verbs = speech_verbs()
        return bool(following) and any(w in verbs for w in following.group().split())

    def lead_in(self, span: Span) -> Attribution | None:
        """'Ortiz tweeted.' or 'He said:' as the sentence before a bare quote."""
        index = self.sentence_at(span.open)
        if index == 0:
            return None
        tokens = self.tokens[index - 1]
        words = [i for i, t in enumerate(tokens.texts) if t[:1].isalpha()]
        if not words or any(self._quoted(tokens.starts[i]) for i in words):
            # A sentence with a quote of its own ('Reis "was kind," she said.') attributes
            # that quote, not the next one.
            return None
        for i in words[-4:]:
            if is_cue(tokens, i):
                found = self._subject_before(tokens, i, index - 1)
                if not found:
                    return None
                return self._attribution("lead_in", found, tokens.starts[i], index - 1)
        return None
