"""Direct quotations and who said them.

Quotation marks are paired within a paragraph, so a stray mark costs at most that
paragraph's quote. A speaker is looked for where English news puts one:

- after the quote: '"...," Ortiz said.', '"...," said the minister.', '"..." in the
  north, Ortiz tweeted.', '"...", according to the observatory.';
- before it: 'Ortiz said the council, in a statement, "agreed ..."', 'X told reporters:
  "..."', and the reported-predicate form 'Ortiz also "promised that ..."';
- in the previous quote or sentence, for a quote that continues without an attribution
  ('Ortiz tweeted. "Stay away! ..."').

The speaker is the article's entity when one is named there (so "Ortiz" is "Ana Ortiz");
a pronoun goes to the nearest fitting antecedent; a role or body without a name ("the
Kenyan presidency said") is kept as that phrase. A quote with no speaker found is not
reported. A few quoted words inside a sentence ('urged a "swift" response') are marked
as a fragment, never presented as a statement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from bot.extract.lexicon import FUNCTION_WORDS, ORG_HEADS, SPEECH_VERBS, TITLE_HEADS
from bot.extract.tokens import Tokens, tokenize, tokenize_sentences
from bot.model import Article, Entity, Quote

FRAGMENT_MAX_WORDS = 5
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
_MARK = re.compile('"')
_LINE = re.compile(r"[^\n]+")


class _Named(NamedTuple):
    start: int
    end: int
    name: str
    type: str


@dataclass(slots=True)
class _Span:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (or the paragraph's end)

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([-—:") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)-—")


def _pair_marks(text: str, start: int, end: int) -> list[_Span]:
    spans: list[_Span] = []
    opened: int | None = None
    for match in _MARK.finditer(text, start, end):
        i = match.start()
        if opened is None:
            if _can_open(text, i):
                opened = i
        elif _can_close(text, i):
            spans.append(_Span(opened, i))
            opened = None
        elif _can_open(text, i):
            opened = i  # the earlier mark was stray
    if opened is not None and opened == start:
        spans.append(_Span(opened, end))  # a quote that runs on to the next paragraph
    return spans


class QuoteExtractor:
    """Finds one article's quotes, given its entities."""

    def __init__(self, article: Article, entities: list[Entity], tokens: list[Tokens]) -> None:
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
        self.spans = {
            p.start(): _pair_marks(self.text, p.start(), p.end()) for p in _LINE.finditer(self.text)
        }
        self.quoted = [(s.open, s.close) for spans in self.spans.values() for s in spans]
        self.quoted_starts = [start for start, _ in self.quoted]
        self.last_speaker: tuple[int, str] | None = None

    def _sentence_at(self, offset: int) -> int:
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

    # -- speakers -------------------------------------------------------------------------

    def _resolve(self, start: int, end: int, sentence: int) -> str | None:
        """The speaker named in text[start:end], a window just before or after a verb.

        A person named there wins over the body or place beside them ("Nina Shea of the
        Hudson Institute"); a place speaks only as the subject itself ("Nairobi said"), not
        as a modifier ("a former U.S. official said").
        """
        inside = [n for n in self._named_between(start, end) if n.end <= end]
        tail = self.text[start:end].rstrip(" ,")
        for named in reversed(inside):
            if named.type == "PERSON":
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

    def _subject_before(self, tokens: Tokens, verb: int, sentence: int) -> str | None:
        """The speaker in the words just before a speech verb; past an appositive if need be
        ('McCain, an Arizona Republican, said')."""
        k = verb
        while k > 0 and tokens.lowers[k - 1] in _ADVERBS:
            k -= 1
        if k > 1 and tokens.texts[k - 1] == ",":
            k -= 1  # the comma closing an appositive: "McCain, an Arizona Republican, said"
        for _ in range(2):
            first = k
            while first > 0 and tokens.texts[first - 1] not in _SUBJECT_STOP and k - first < 8:
                if tokens.lowers[first - 1] in {"that", "and", "but", "which", "who", "while"}:
                    break
                first -= 1
            if first == k:
                return None
            found = self._resolve(tokens.starts[first], tokens.ends[k - 1], sentence)
            if found or first == 0 or tokens.texts[first - 1] != "," or k - first > 6:
                return found
            k = first - 1
        return None

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

    def _after(self, span: _Span, quotes: list[_Span]) -> str | None:
        sentence = self.article.sentences[self._sentence_at(span.close)]
        stop = sentence.end
        for other in quotes:
            if span.close < other.open < stop:
                stop = other.open
        tokens = tokenize(self.text, span.close + 1, stop)
        if not any(t[:1].isalpha() for t in tokens.texts):
            return None
        for i, lower in enumerate(tokens.lowers):
            if lower == "according" and i + 1 < len(tokens.texts) and tokens.lowers[i + 1] == "to":
                return self._subject_after(tokens, i + 1, sentence.index)
            if lower in SPEECH_VERBS:
                return self._subject_before(tokens, i, sentence.index) or self._subject_after(
                    tokens, i, sentence.index
                )
        return None

    def _before(self, span: _Span, quotes: list[_Span]) -> str | None:
        sentence = self.article.sentences[self._sentence_at(span.open)]
        begin = sentence.start
        for other in quotes:
            if begin <= other.close < span.open:
                begin = other.close + 1
        tokens = tokenize(self.text, begin, span.open)
        if not tokens.texts:
            return None
        first_word = self.text[span.open + 1 : span.open + 2]
        if first_word.islower():
            # 'Ortiz also "promised that ..."': the quote is the subject's own predicate.
            k = len(tokens.texts)
            while k > 0 and tokens.lowers[k - 1] in _ADVERBS:
                k -= 1
            if k and tokens.texts[k - 1][:1].isupper():
                named = self._resolve(tokens.starts[k - 1], tokens.ends[k - 1], sentence.index)
                if named and SPEECH_VERBS.isdisjoint(tokens.lowers[k:]):
                    return named
        for i in range(len(tokens.texts) - 1, -1, -1):
            if tokens.lowers[i] in SPEECH_VERBS:
                return self._subject_before(tokens, i, sentence.index)
        return None

    def _lead_in(self, span: _Span) -> str | None:
        """'Ortiz tweeted.' or 'He said:' as the sentence before a bare quote."""
        index = self._sentence_at(span.open)
        if index == 0:
            return None
        previous = self.article.sentences[index - 1]
        tokens = self.tokens[index - 1]
        words = [i for i, t in enumerate(tokens.texts) if t[:1].isalpha()]
        if not words:
            return None
        for i in words[-4:]:
            if tokens.lowers[i] in SPEECH_VERBS:
                return self._subject_before(tokens, i, previous.index)
        return None

    # -- the quotes -----------------------------------------------------------------------

    def _is_fragment(self, span: _Span, words: int) -> bool:
        if words > FRAGMENT_MAX_WORDS:
            return False
        sentence = self.article.sentences[self._sentence_at(span.open)]
        starts_sentence = not self.text[sentence.start : span.open].strip("\"'( ")
        inner = self.text[span.open + 1 : span.close].rstrip()
        return not (starts_sentence and inner[-1:] in ".,!?")

    def extract(self) -> tuple[list[Quote], list[Quote]]:
        """(quotes, fragments)."""
        quotes: list[Quote] = []
        fragments: list[Quote] = []
        for spans in self.spans.values():
            previous: str | None = None
            for span in spans:
                start, end = span.inner
                words = len(_WORD.findall(self.text[start:end]))
                if not words:
                    continue
                fragment = self._is_fragment(span, words)
                ends_clause = self.text[start:end].rstrip()[-1:] in ",!?"
                order = (self._after, self._before) if ends_clause else (self._before, self._after)
                speaker = order[0](span, spans) or order[1](span, spans)
                if speaker is None and not fragment:
                    speaker = previous if previous and self._opens_sentence(span) else None
                    speaker = speaker or self._lead_in(span)
                quote = Quote(
                    speaker=speaker,
                    quote=self.text[start:end].strip(),
                    sentence=self._sentence_at(span.open),
                    fragment=fragment,
                )
                if fragment:
                    fragments.append(quote)
                elif speaker:
                    quotes.append(quote)
                    previous = speaker
                    self.last_speaker = (span.close, speaker)
        return quotes, fragments

    def _opens_sentence(self, span: _Span) -> bool:
        sentence = self.article.sentences[self._sentence_at(span.open)]
        return not self.text[sentence.start : span.open].strip()


def extract_quotes(
    article: Article, entities: list[Entity], tokens: list[Tokens] | None = None
) -> tuple[list[Quote], list[Quote]]:
    """(attributed quotes, fragments) of ``article`` (``tokens``: its sentences' tokens)."""
    if tokens is None:
        tokens = tokenize_sentences(article)
    return QuoteExtractor(article, entities, tokens).extract()
