"""The names of one article as a speaker finder reads them: where each is, whether it stands
inside quotation marks, and whether it stands as a subject or only modifies another word
('Ortiz said' against "Ortiz's plan", 'a Vindr critic', 'Ortiz speechwriter Tomas Reis')."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from bot.extract.lexicon import FUNCTION_WORDS, ORG_HEADS, STATEMENT_NOUNS, TITLE_HEADS
from bot.extract.quotes.marks import Span
from bot.extract.tokens import Tokens
from bot.model import Article, Entity

# A word of letters and apostrophes.
WORD = re.compile(r"[A-Za-z']+")
# Common nouns that name a speaker: roles ("the minister"), bodies ("the ministry"), and
# the people and outlets news quotes without a name ("sources", "the daily").
SPEAKER_NOUNS = (
    (
        TITLE_HEADS
        | ORG_HEADS
        | frozenset(
            """presidency ministry government army military office officials police authorities
    spokesperson source sources monitor group observatory embassy kremlin administration
    regime state media agency palace firm company daily newspaper paper broadcaster outlet
    website station campaign aides aide officers experts analysts residents witnesses
    activists lawmakers diplomats speechwriter ally critic supporter donor strategist
    pollster confidant rival challenger opponent""".split()
        )
    )
    - STATEMENT_NOUNS
    - {"press", "news", "times", "post", "journal", "herald", "tribune", "guardian"}
)
# A verb right after a name, perhaps past an auxiliary: the name is a subject.
VERB_AFTER = re.compile(
    r"\s+(?:(?:also|then|later|again|has|had|have|was|were|would|will|is)\s+)*"
    r"(?!(?:a|an|the|and|or|of|in|on|at|to|for|from|with|by|who|which|that)\b)[a-z]"
)
# Lower-case words between a name and a capitalised one: "Ortiz speechwriter Tomas Reis",
# "Vindr's national security adviser H.R. Quill".
_WORDS_BEFORE_NAME = re.compile(r"(?:'s?)?((?: [a-z-]+){1,4}) [A-Z]")
# What may stand before a sentence's subject: an opening phrase and a comma ("On Monday,"),
# titles and articles ("The Foreign Minister").
OPENING_SUBJECT = re.compile(r"(?:[^,\n]{0,40},\s+)?(?:(?:[A-Z][\w.'-]*|the|a|an)\s+)*")
# A lower-case word right after a name, past a possessive and a year ("Quill's 2016
# campaign"), not a reflexive "herself".
_NOUN_AFTER = re.compile(r"(?:['’]s?)? (?:\d+ )?([a-z]+)\b(?<!self)(?<!selves)")
# What follows a title standing after a name: "director of", "spokesman for".
_ROLE_OF = re.compile(r" (?:of|for|at|with)\b")
# How many characters before a name the words that open its clause are looked for.
_LOOK_BACK = 60
# An article right before a name: "the Quill administration".
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an) $", re.IGNORECASE)
# The start of a subordinate clause just before a name: "... that Mayor Ana Ortiz".
SUBORDINATE_BEFORE = re.compile(
    r"\b(?:that|who|which|whom|if|because|when|while|after|although|though|since|whether)"
    r"\s+(?:[\w.'-]+\s+){0,3}$"
)


class Named(NamedTuple):
    start: int
    end: int
    name: str
    type: str


class ArticleNames:
    """One article's sentences, quoted spans and named entities, for finding speakers."""

    def __init__(
        self, article: Article, entities: list[Entity], tokens: list[Tokens], spans: list[Span]
    ) -> None:
        self.article = article
        self.entities = entities
        self.tokens = tokens
        self.text = article.text
        self.sentence_starts = [s.start for s in article.sentences]
        self.named = sorted(
            (Named(m.start, m.end, e.name, e.type) for e in entities for m in e.mentions),
            key=lambda n: n.start,
        )
        self.named_starts = [n.start for n in self.named]
        self.entity_types = {e.name: e.type for e in entities}
        self.quoted = [(s.open, s.close) for s in spans]
        self.quoted_starts = [start for start, _ in self.quoted]

    def sentence_at(self, offset: int) -> int:
        """The sentence holding ``offset`` (or the space just after it), else the last one.

        Sentences are in order, a space apart at least, so only the last sentence starting
        at or before ``offset`` can hold it.
        """
        k = bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < self.article.sentences[k].end + 1:
            return k
        return len(self.article.sentences) - 1

    def _named_between(self, start: int, end: int) -> list[Named]:
        """Names that start in text[start:end], in order."""
        return self.named[
            bisect_left(self.named_starts, start) : bisect_left(self.named_starts, end)
        ]

    def _quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks."""
        k = bisect_right(self.quoted_starts, offset) - 1
        return k >= 0 and offset < self.quoted[k][1]

    def _inside_name(self, offset: int) -> bool:
        k = bisect_right(self.named_starts, offset) - 1
        return k >= 0 and offset < self.named[k].end

    def _people(self, start: int, end: int) -> list[Named]:
        """People named in text[start:end] outside quotation marks."""
        return [
            n
            for n in self._named_between(start, end)
            if n.type == "PERSON" and not self._quoted(n.start)
        ]

    def _is_subject(self, named: Named, sentence: int) -> bool:
        """A name standing as a subject: before a verb ('Ortiz said'), or before the comma
        of an appositive when it opens the sentence ('Ortiz, a civil engineer, ...'). Not a
        name in quotation marks, nor one modifying a noun or another name ("Ortiz's plan",
        "Ortiz speechwriter Tomas Reis")."""
        end = self.article.sentences[sentence].end
        if (
            self._quoted(named.start)
            or self._possessive(named)
            or self._modifies_name(named)
            or self._in_a_things_name(named, end)
        ):
            return False
        if VERB_AFTER.match(self.text, named.end):
            return True
        first = self.article.sentences[sentence].start
        return self.text[named.end : named.end + 1] == "," and bool(
            OPENING_SUBJECT.fullmatch(self.text, first, named.start)
        )

    def _just_before(self, pattern: re.Pattern[str], first: int, offset: int) -> bool:
        """Whether ``pattern`` (anchored at its end) matches the text just before ``offset``,
        within its sentence (from ``first``): a few words back, not the whole sentence."""
        return bool(pattern.search(self.text, max(first, offset - _LOOK_BACK), offset))

    def _is_main_subject(self, named: Named, sentence: int) -> bool:
        """A subject outside a subordinate clause: 'Ortiz said that Reis left' -> Ortiz."""
        first = self.article.sentences[sentence].start
        return self._is_subject(named, sentence) and not self._just_before(
            SUBORDINATE_BEFORE, first, named.start
        )

    def _modifies_name(self, named: Named) -> bool:
        """'Ortiz speechwriter Tomas Reis': a relation word and another name follow."""
        following = _WORDS_BEFORE_NAME.match(self.text, named.end)
        if not following:
            return False
        words = following.group(1).split()
        return self._possessive(named) or (len(words) == 1 and words[0] in SPEAKER_NOUNS)

    def _modifies_noun(self, named: Named, end: int) -> bool:
        """'a Vindr critic', "Ortiz's aide": a common noun follows the name, other than the
        person's own words ("Ortiz's statement")."""
        following = _NOUN_AFTER.match(self.text, named.end, end)
        if not following or following.group(1) in FUNCTION_WORDS:
            return False
        if following.group(1) in TITLE_HEADS and _ROLE_OF.match(self.text, following.end(1), end):
            return False  # 'Reis director of the observatory': a title after the name
        return following.group(1) not in STATEMENT_NOUNS or not self._possessive(named)

    def _in_a_things_name(self, named: Named, end: int) -> bool:
        """'the Quill administration', 'a Vindr critic': a name between an article and a
        noun only modifies the noun; it names no one a pronoun can mean. ("Quill's tweets"
        still do.)"""
        return (
            _ARTICLE_BEFORE.search(self.text, max(0, named.start - 5), named.start) is not None
            and self._modifies_noun(named, end)
            and not self._possessive(named)
        )

    def _possessive(self, named: Named) -> bool:
        """'Ortiz's plan': the name modifies a noun, it is not the subject."""
        return self.text[named.end : named.end + 2] == "'s" or self.text[
            named.end - 2 : named.end
        ] in ("'s", "s'")

    def _opening_subject(self, sentence: int, end: int) -> Named | None:
        """The person or body a sentence opens with as its subject, named before ``end``:
        'Mayor Ana Ortiz was ...', 'On Monday, the Harbour Authority issued ...'."""
        first = self.article.sentences[sentence].start
        subject = next(
            (n for n in self._named_between(first, end) if n.type in ("PERSON", "ORG")), None
        )
        if (
            subject is None
            or not OPENING_SUBJECT.fullmatch(self.text, first, subject.start)
            or not VERB_AFTER.match(self.text, subject.end)
        ):
            return None
        return subject
