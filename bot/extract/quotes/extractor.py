"""Quoted spans grouped into statements, each with its speaker.

A statement is what a reader counts as one quote: a quote interrupted by its attribution
('"We will rebuild," the mayor said, "and start tomorrow."'), one that goes on right after
its attribution sentence ('"...," Ortiz said. "We open on Friday."'), and one that runs over
paragraphs are one statement of several spans. Transcript lines ('SMITH: ...') are
statements without marks. A quote with no speaker found is not reported. A few quoted words
inside a sentence ('urged a "swift" response') are marked as a fragment, never presented as
a statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from bot.extract.lexicon import speech_verbs
from bot.extract.quotes.marks import Span, quoted_spans
from bot.extract.quotes.speakers import Attribution, SpeakerFinder
from bot.extract.quotes.transcript import transcript_quotes
from bot.extract.tokens import Tokens
from bot.model import Article, Entity, Quote

FRAGMENT_MAX_WORDS = 5
_WORD = re.compile(r"[A-Za-z']+")
_VERB_COMMA = re.compile(r"\b([a-z]+),$")  # 'she said,' before a quote
# How many characters before a quote are read for what introduces it.
_BEFORE_REACH = 60
# Words a title in quotation marks follows ('on "Morning Desk"', 'the film "Harbour"').
_BEFORE_TITLES = frozenset(
    "on in at of from titled entitled called named film movie show book song novel".split()
)
_TITLE_SMALL_WORDS = frozenset("a an the of and in on at to for with".split())


@dataclass(slots=True)
class _Statement:
    spans: list[Span]
    attribution: Attribution | None
    fragment: bool = False
    texts: list[str] = field(default_factory=list)


class QuoteExtractor:
    """Finds one article's quotes, given its entities."""

    def __init__(self, article: Article, entities: list[Entity], tokens: list[Tokens]) -> None:
        self.article = article
        self.entities = entities
        self.text = article.text
        self.paragraphs = quoted_spans(self.text)
        every = [s for spans in self.paragraphs for s in spans]
        self.speakers = SpeakerFinder(article, entities, tokens, every)

    def _is_fragment(self, span: Span, words: int) -> bool:
        """A few quoted words inside a sentence ('urged a "swift" response'), unless they
        stand as a sentence of their own: opening the sentence and ending a clause
        ('"Absolutely not," she said.', '"Never", she said.'), or a whole sentence after a
        colon or a speech verb ('She said: "Absolutely not."')."""
        if words > FRAGMENT_MAX_WORDS:
            return False
        sentence = self.article.sentences[self.speakers.sentence_at(span.open)]
        # The few words before the quote are enough (and reading no more keeps a sentence of
        # thousands of quotes linear).
        start = max(sentence.start, span.open - _BEFORE_REACH)
        before = self.text[start : span.open].rstrip()
        inner = self.text[span.open + 1 : span.close].strip()
        if start == sentence.start and not before.strip("\"'("):
            return not self._ends_clause(span)
        introduced = before.endswith(":") or bool(
            (verb := _VERB_COMMA.search(before)) and verb.group(1).lower() in speech_verbs()
        )
        return not (introduced and inner[:1].isupper() and inner[-1:] in ".!?")

    def _is_title(self, span: Span, words: int) -> bool:
        """A show's, book's or film's title in quotation marks, not anyone's words: a few
        words in Title Case after a preposition ('told the Herald on "Morning Desk"',
        'the film "Harbour Lights"')."""
        if words > FRAGMENT_MAX_WORDS:
            return False
        start, end = span.inner
        inner = self.text[start:end].strip()
        if not inner or inner[-1] in ".,!?":
            return False
        before = self.text[max(0, span.open - 20) : span.open].split()
        if not before or before[-1].lower() not in _BEFORE_TITLES:
            return False
        return all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in inner.split())

    def _opens_sentence(self, span: Span) -> bool:
        sentence = self.article.sentences[self.speakers.sentence_at(span.open)]
        return not self.text[sentence.start : span.open].strip()

    def _ends_clause(self, span: Span) -> bool:
        """The quote ends with its clause's punctuation, inside or just after the mark."""
        start, end = span.inner
        return self.text[start:end].rstrip()[-1:] in ",.!?" or self.text[end + 1 : end + 2] == ","

    def _own_attribution(self, span: Span, spans: list[Span]) -> Attribution | None:
        """The attribution in the span's own sentence: after it first when the quote ends a
        clause ('"...," she said'), else before it. One that names its speaker wins over
        one that does not ('"...," the firm said')."""
        start, end = span.inner
        ends_clause = self.text[start:end].rstrip()[-1:] in ",!?"
        first, second = (
            (self.speakers.after, self.speakers.before)
            if ends_clause
            else (self.speakers.before, self.speakers.after)
        )
        found = first(span, spans)
        if found and found.speaker:
            return found
        return second(span, spans) or found

    def _continues(self, statement: _Statement, span: Span, own: Attribution | None) -> bool:
        """Whether ``span`` goes on with ``statement`` rather than starting a new one.

        It does when the statement ran on from the paragraph before, when nothing but space
        separates the two, or when only the statement's attribution does and the span has no
        other attribution of its own: '"...," Ortiz said, "and ..."' and '"...," Ortiz said.
        "..."' (a quote opening the next sentence). A quote that does not end its clause
        ('"..." in the north, Ortiz said') is part of the sentence around it, and what follows
        is a statement of its own.
        """
        last = statement.spans[-1]
        if last.runs_on:
            return span.paragraph != last.paragraph and span.open == span.paragraph
        if statement.fragment or span.paragraph != last.paragraph or not self._ends_clause(last):
            return False
        if not self.text[last.close + 1 : span.open].strip():
            return True
        said = statement.attribution
        if said is None or not last.close < said.cue < span.open:
            return False
        if self.text[last.close + 1 : span.open].rstrip()[-1:] not in ",:.!?" and (
            len(_WORD.findall(self.text[span.open : span.close])) <= FRAGMENT_MAX_WORDS
        ):
            return False  # a title or a word quoted inside the attribution ('on "Today"')
        if own is not None and own.cue != said.cue:
            return False
        later = self.speakers.sentence_at(span.open) - self.speakers.sentence_at(said.cue)
        # In the next sentence the quote must open it: in 'Vale thanked Ortiz for "..."' the
        # words are quoted by someone else.
        return later == 0 or (later == 1 and self._opens_sentence(span))

    def _statements(self) -> Iterator[_Statement]:
        """The statements in text order, each given once complete.

        A speaker is remembered as soon as it is found, so that a pronoun or "the
        statement" in the next quotes can refer back to it.
        """
        current: _Statement | None = None
        for spans in self.paragraphs:
            for span in spans:
                start, end = span.inner
                words = len(_WORD.findall(self.text[start:end]))
                if not words or self._is_title(span, words):
                    continue
                own = self._own_attribution(span, spans)
                if current and self._continues(current, span, own):
                    current.spans.append(span)
                    if current.attribution is None or current.attribution.speaker is None:
                        current.attribution = own or current.attribution
                    self._remember(current)
                    continue
                if current:
                    yield current
                fragment = not span.runs_on and self._is_fragment(span, words)
                current = _Statement([span], own, fragment)
                self._remember(current)
        if current:
            yield current

    def _remember(self, statement: _Statement) -> None:
        if statement.attribution:
            close = statement.spans[-1].close
            self.speakers.record(statement.attribution, close, statement.fragment)

    def extract(self) -> tuple[list[Quote], list[Quote]]:
        """(quotes, fragments)."""
        quotes: list[Quote] = []
        fragments: list[Quote] = []
        previous: tuple[int, Attribution] | None = None  # (paragraph, last attribution)
        for statement in self._statements():
            first = statement.spans[0]
            if statement.attribution is None and not statement.fragment:
                statement.attribution = self._borrowed(first, previous)
                self._remember(statement)
            said = statement.attribution
            if said and said.speaker is None:
                said = None  # an attribution naming no one usable: the quote stays unattributed
            sentence = self.speakers.sentence_at(first.open)
            quote = Quote(
                speaker=said.speaker if said else None,
                quote=" ".join(self.text[s.open + 1 : s.close].strip() for s in statement.spans),
                sentence=sentence,
                fragment=statement.fragment,
                cite=said.sentence if said and said.sentence != sentence else None,
                how=said.how if said else "",
            )
            joint = [replace(quote, speaker=name) for name in (said.also if said else ())]
            if statement.fragment:
                fragments += [quote, *joint]
            elif said:
                quotes += [quote, *joint]
                previous = (statement.spans[-1].paragraph, said)
        # A turn in quotation marks that the marks already gave is given once.
        given = {(q.sentence, q.quote.strip()) for q in quotes + fragments}
        quotes += [
            q
            for q in transcript_quotes(self.article, self.entities, self.speakers.sentence_at)
            if (q.sentence, q.quote) not in given
        ]
        quotes.sort(key=lambda q: q.sentence)
        return quotes, fragments

    def _borrowed(
        self, first: Span, previous: tuple[int, Attribution] | None
    ) -> Attribution | None:
        """For a quote standing alone as a sentence: the attribution of the quote before it
        in the paragraph, or the sentence before it ('Ortiz tweeted. "..."')."""
        if not self._opens_sentence(first):
            return None
        if previous and previous[0] == first.paragraph:
            if self.speakers.sentence_at(first.open) - previous[1].sentence <= 1:
                return previous[1]._replace(how=f"previous_quote/{previous[1].how}")
            return None  # narrative since: the quote may be anyone's
        return self.speakers.lead_in(first)


def extract_quotes(
    article: Article, entities: list[Entity], tokens: list[Tokens]
) -> tuple[list[Quote], list[Quote]]:
    """(attributed quotes, fragments) of ``article`` (``tokens``: its sentences' tokens)."""
    return QuoteExtractor(article, entities, tokens).extract()
