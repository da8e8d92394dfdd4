"""Who said a quote: the attribution next to it, and the speaker it names.

A speaker is looked for where English news puts one:

- after the quote: '"...," Ortiz said.', '"...," said the minister.', '"..." in the
  north, Ortiz tweeted.', '"...", according to the observatory.';
- before it: 'Ortiz said the council, in a statement, "agreed ..."', 'X told reporters:
  "..."', and the reported-predicate form 'Ortiz also "promised that ..."';
- in the sentence before a quote that stands alone ('Ortiz tweeted. "Stay away! ..."').

The speaker is the article's entity when one is named there (so "Ortiz" is "Ana Ortiz");
a pronoun goes to the nearest fitting antecedent; a role or body without a name ("the
Kenyan presidency said") is kept as that phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from bot.extract.lexicon import (
    FUNCTION_WORDS,
    ORG_HEADS,
    STATEMENT_NOUNS,
    TITLE_HEADS,
    speech_verbs,
)
from bot.extract.quotes.marks import Span
from bot.extract.tokens import Tokens, tokenize
from bot.model import Article, Entity

SPEAKER_NOUNS = (
    TITLE_HEADS
    | ORG_HEADS
    | frozenset(
        """presidency ministry government army military office officials statement police
    authorities spokesperson source sources report monitor group observatory embassy kremlin
    administration regime state media agency palace""".split()
    )
)
_ADVERBS = frozenset("also then later again once has had have was were would will is".split())
_PRONOUNS = frozenset({"he", "she"})
_WORD = re.compile(r"[A-Za-z']+")
_SUBJECT_STOP = frozenset(',;:()"')
# Words that end a subject looking back from its verb.
_CLAUSE_WORDS = frozenset({"that", "and", "but", "which", "who", "while"})
# How many tokens an appositive or a bracket between a name and its verb may hold.
_APPOSITIVE_REACH = 24
# How many tokens before a quote its introducing verb may stand.
_CUE_REACH = 16
# A verb (or an appositive's comma) right after a name: the name is a subject.
_VERB_AFTER = re.compile(
    r",|\s+(?:(?:also|then|later|again|has|had|have|was|were|would|will|is)\s+)*"
    r"(?!(?:a|an|the|and|or|of|in|on|at|to|for|from|with|by|who|which|that)\b)[a-z]"
)
# A lower-case word right after a name (not a reflexive "herself").
_NOUN_AFTER = re.compile(r" ([a-z]+)\b(?<!self)(?<!selves)")
# The start of a coordinated clause just before a name: "..., and Mayor Ana Ortiz".
_CLAUSE_START = re.compile(r"(?:\b(?:and|but|while|whereas)|;)\s+(?:[A-Z][\w.'-]*\s+)*$")
# Words before a noun: "a report", "his remarks", "at some point" (not the verbs).
_DETERMINERS = frozenset(
    "a an the this these those his her its their our my your one some any each every no".split()
)


class Attribution(NamedTuple):
    """A speaker and where the text says so: the cue word's offset and its sentence.

    ``speaker`` is None when the text attributes the quote to someone it does not let us
    name ('"...," the firm said'): the quote has its attribution, just not a usable one.
    """

    speaker: str | None
    cue: int
    sentence: int


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


def _prefer_named(front: str | None, inside: str | None, types: dict[str, str]) -> str | None:
    """Of the speakers found before an appositive and inside it, a person first, then any
    named entity, the one in front first."""
    for wanted in ("PERSON", None):
        for found in (front, inside):
            if found in types and (wanted is None or types[found] == wanted):
                return found
    return front or inside


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


class _Named(NamedTuple):
    start: int
    end: int
    name: str
    type: str


class SpeakerFinder:
    """Finds the speakers of one article's quotes, given its entities."""

    def __init__(
        self, article: Article, entities: list[Entity], tokens: list[Tokens], spans: list[Span]
    ) -> None:
        self.article = article
        self.tokens = tokens
        self.text = article.text
        self.sentence_starts = [s.start for s in article.sentences]
        self.named = sorted(
            (_Named(m.start, m.end, e.name, e.type) for e in entities for m in e.mentions),
            key=lambda n: n.start,
        )
        self.roles = {
            d.lower(): e.name for e in entities if e.type == "PERSON" for d in e.descriptions
        }
        self.named_starts = [n.start for n in self.named]
        self.entity_types = {e.name: e.type for e in entities}
        self.quoted = [(s.open, s.close) for s in spans]
        self.quoted_starts = [start for start, _ in self.quoted]
        self.last_speaker: tuple[int, str] | None = None

    def sentence_at(self, offset: int) -> int:
        """The sentence holding ``offset`` (or the space just after it), else the last one.

        Sentences are in order, a space apart at least, so only the last sentence starting
        at or before ``offset`` can hold it.
        """
        k = bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < self.article.sentences[k].end + 1:
            return k
        return len(self.article.sentences) - 1

    def _named_between(self, start: int, end: int) -> list[_Named]:
        """Names that start in text[start:end], in order."""
        return self.named[
            bisect_left(self.named_starts, start) : bisect_left(self.named_starts, end)
        ]

    def _resolve(self, start: int, end: int, sentence: int) -> str | None:
        """The speaker named in text[start:end], a window just before or after a verb.

        A person named there wins over the body or place beside them ("Nina Shea of the
        Hudson Institute"), unless the name only modifies a noun ("a Trump critic"); a place
        speaks only as the subject itself ("Nairobi said"), not as a modifier ("a former U.S.
        official said").
        """
        inside = [n for n in self._named_between(start, end) if n.end <= end]
        tail = self.text[start:end].rstrip(" ,")
        for named in reversed(inside):
            if named.type == "PERSON" and not self._modifies_noun(named, end):
                return named.name
        for named in reversed(inside):
            if named.type == "ORG" or (named.type == "GPE" and start + len(tail) <= named.end):
                return named.name
        words = _WORD.findall(self.text[start:end])
        if not words:
            return None
        last = words[-1].lower()
        if len(words) == 1 and last in _PRONOUNS:
            return self._antecedent(start, sentence)
        for named in reversed(inside):
            if named.type == "OTHER":
                return named.name
        while words and words[0].lower() in FUNCTION_WORDS:
            words = words[1:]
        phrase = " ".join(words)
        if phrase.lower() in self.roles:
            return self.roles[phrase.lower()]
        if words and last in SPEAKER_NOUNS and len(words) <= 5:
            return phrase
        return None

    def _quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks."""
        k = bisect_right(self.quoted_starts, offset) - 1
        return k >= 0 and offset < self.quoted[k][1]

    def _antecedent(self, offset: int, sentence: int) -> str | None:
        """He/she: a person earlier in the sentence, else a body there, else the subject of
        the last sentences naming a person, or the last speaker. Quoted names never count."""
        first = self.article.sentences[sentence].start
        here = [n for n in self._named_between(first, offset) if not self._quoted(n.start)]
        for kinds in (("PERSON",), ("ORG",)):
            fitting = [n for n in here if n.type in kinds]
            if fitting:
                return fitting[-1].name
        # The nearest earlier sentence naming a person: its first person, the likely subject
        # ("Ortiz met Reis. ... she said" is Ortiz), unless a quote was attributed since.
        for index in range(sentence - 1, max(-1, sentence - 4), -1):
            start = self.article.sentences[index].start
            people = [
                n
                for n in self._named_between(start, self.article.sentences[index].end)
                if n.type == "PERSON" and not self._quoted(n.start)
            ]
            if people:
                if self.last_speaker and start <= self.last_speaker[0] < offset:
                    return self.last_speaker[1]
                return people[0].name
        floor = self.article.sentences[max(0, sentence - 3)].start
        if self.last_speaker and floor <= self.last_speaker[0] < offset:
            return self.last_speaker[1]
        return None

    def _clause_subject(self, offset: int, sentence: int) -> str | None:
        """The subject of the clause a participle or a second verb hangs on ('Ortiz rejected
        the plan, saying', 'Reis spoke and Ortiz answered, adding'): the person or body
        before a verb that opens the sentence or a clause joined by "and" or "but", or the
        pronoun the sentence opens with. Names in a subordinate clause ('said that Reis
        agreed') or modifying a noun ("Ortiz's plan") are not subjects."""
        first = self.article.sentences[sentence].start
        opening = _WORD.match(self.text, first)
        if opening and opening.group().lower() in _PRONOUNS:
            return self._antecedent(first, sentence)
        subject: str | None = None
        for kind in ("PERSON", "ORG"):
            for named in self._named_between(first, offset):
                if named.type != kind or self._quoted(named.start) or self._possessive(named):
                    continue
                if not _VERB_AFTER.match(self.text, named.end):
                    continue
                if subject is None or _CLAUSE_START.search(self.text, first, named.start):
                    subject = named.name
            if subject:
                return subject
        return None

    def _modifies_noun(self, named: _Named, end: int) -> bool:
        """'a Trump critic', "Ortiz's aide": a common noun follows the name, other than the
        person's own words ("Ortiz's statement")."""
        following = _NOUN_AFTER.match(self.text, named.end, end)
        if not following or following.group(1) in FUNCTION_WORDS:
            return False
        return following.group(1) not in STATEMENT_NOUNS or not self._possessive(named)

    def _possessive(self, named: _Named) -> bool:
        """'Ortiz's plan': the name modifies a noun, it is not the subject."""
        return self.text[named.end : named.end + 2] == "'s" or self.text[
            named.end - 2 : named.end
        ] in ("'s", "s'")

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
        if k > 1 and tokens.texts[k - 1] == ",":
            opening = _appositive_start(tokens, k - 1)
            front = self._subject_window(tokens, opening, sentence) if opening else None
            inside = self._subject_window(tokens, k - 1, sentence)
            return _prefer_named(front, inside, self.entity_types)
        return self._subject_window(tokens, k, sentence)

    def _subject_window(self, tokens: Tokens, k: int, sentence: int) -> str | None:
        """The speaker named in the few words before token ``k``, back to a clause break."""
        first = k
        while first > 0 and tokens.texts[first - 1] not in _SUBJECT_STOP and k - first < 8:
            if tokens.lowers[first - 1] in _CLAUSE_WORDS:
                break
            first -= 1
        if first == k:
            return None
        return self._resolve(tokens.starts[first], tokens.ends[k - 1], sentence)

    def _subject_after(self, tokens: Tokens, verb: int, sentence: int) -> str | None:
        """Inverted order: 'said Ortiz', 'said the Kenyan presidency'."""
        last = verb + 1
        while last < len(tokens.texts) and tokens.texts[last] not in _SUBJECT_STOP | {"."}:
            if last - verb > 7 or tokens.lowers[last] in {"in", "on", "at", "after", "during"}:
                break
            last += 1
        if last == verb + 1:
            return None
        return self._resolve(tokens.starts[verb + 1], tokens.ends[last - 1], sentence)

    def after(self, span: Span, others: list[Span]) -> Attribution | None:
        """The attribution in the rest of the quote's sentence, up to the next quote."""
        sentence = self.article.sentences[self.sentence_at(span.close)]
        stop = sentence.end
        for other in others:
            if span.close < other.open < stop:
                stop = other.open
        tokens = tokenize(self.text, span.close + 1, stop)
        if not any(t[:1].isalpha() for t in tokens.texts):
            return None
        for i, lower in enumerate(tokens.lowers):
            if lower == "according" and i + 1 < len(tokens.texts) and tokens.lowers[i + 1] == "to":
                found = self._subject_after(tokens, i + 1, sentence.index)
                return Attribution(found, tokens.starts[i], sentence.index)
            if is_cue(tokens, i):
                found = self._subject_before(tokens, i, sentence.index) or self._subject_after(
                    tokens, i, sentence.index
                )
                return Attribution(found, tokens.starts[i], sentence.index)
        return None

    def before(self, span: Span, others: list[Span]) -> Attribution | None:
        """The attribution in the quote's sentence before it, from the last quote on."""
        sentence = self.article.sentences[self.sentence_at(span.open)]
        begin = sentence.start
        for other in others:
            if begin <= other.close < span.open:
                begin = other.close + 1
        tokens = tokenize(self.text, begin, span.open)
        if not tokens.texts:
            return None
        first_word = self.text[span.open + 1 : span.open + 2]
        verbs = speech_verbs()
        if first_word.islower() and not any(w in verbs for w in tokens.lowers):
            # 'Ortiz also "promised that ..."': the quote is the subject's own predicate.
            k = len(tokens.texts)
            while k > 0 and tokens.lowers[k - 1] in _ADVERBS:
                k -= 1
            if k and tokens.texts[k - 1][:1].isupper():
                named = self._resolve(tokens.starts[k - 1], tokens.ends[k - 1], sentence.index)
                if named:
                    return Attribution(named, tokens.starts[k - 1], sentence.index)
        # The verb introduces the quote from close by ('X said the council, in a statement,
        # "..."'), and not from a relative clause closed before it ('X, who was arguing for
        # it, cited a promise to "..."').
        for i in range(len(tokens.texts) - 1, max(-1, len(tokens.texts) - 1 - _CUE_REACH), -1):
            if is_cue(tokens, i) and not (
                _in_relative_clause(tokens, i) and "," in tokens.texts[i + 1 :]
            ):
                found = self._subject_before(tokens, i, sentence.index)
                return Attribution(found, tokens.starts[i], sentence.index)
        return None

    def lead_in(self, span: Span) -> Attribution | None:
        """'Ortiz tweeted.' or 'He said:' as the sentence before a bare quote."""
        index = self.sentence_at(span.open)
        if index == 0:
            return None
        tokens = self.tokens[index - 1]
        words = [i for i, t in enumerate(tokens.texts) if t[:1].isalpha()]
        if not words:
            return None
        for i in words[-4:]:
            if is_cue(tokens, i):
                found = self._subject_before(tokens, i, index - 1)
                return Attribution(found, tokens.starts[i], index - 1) if found else None
        return None
