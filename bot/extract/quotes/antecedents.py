"""Whom a pronoun or a participle refers to: a person of the pronoun's gender, named as a
subject nearby, or no one when that is unsure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from bot.extract.lexicon import TITLE_HEADS, speech_verbs
from bot.extract.quotes.gender import FEMALE, MALE, Genders
from bot.extract.quotes.marks import Span
from bot.extract.quotes.names import SUBORDINATE_BEFORE, VERB_AFTER, WORD, ArticleNames, Named
from bot.extract.tokens import Tokens
from bot.model import Article, Entity

PRONOUNS = frozenset({"he", "she"})
# How many sentences back a pronoun's antecedent is looked for.
_PRONOUN_REACH = 4
# How many characters may stand between a speaker's name and their speech verb ("Ihrig, a
# historian, said").
_SPEAKER_GAP = 60
_WORDS = re.compile(r"[\w'’.-]+|[,;:(]")
_LOOK_BACK = 60
# Words after which a name opens a clause as its subject.
_SUBJECT_OPENERS = frozenset({",", ";", ":", "(", "and", "but", "while", "that", "as", "then"})
# A "who" clause after a name, perhaps past an appositive: ", a columnist, who said".
_RELATIVE_AFTER = re.compile(r"(?:,[^,.;]{1,80})?,\s+who\b")
# Words opening a clause whose subject the name after them is, when a verb follows it.
_SUBORDINATORS = frozenset(
    "before after when since until because if although though once while unless".split()
)
# Two capitalised words in a row (group 1: the second), after a space.
_CAPITALISED_PAIR = re.compile(r"(?<= )[A-Z][\w.'-]* +([A-Z])")
# The start of a coordinated clause just before a name: "..., and Mayor Ana Ortiz".
_CLAUSE_START = re.compile(r"(?:\b(?:and|but|while|whereas)|;)\s+(?:[A-Z][\w.'-]*\s+)*$")

# How many characters before a name its preposition is looked for.
_PREPOSITION_REACH = 80
# Words between a preposition and the name it governs: "to the late Sen. Quill", "with Reis
# and Quill".
_BEFORE_NAMES = frozenset("the a an late former then and or".split())
# Prepositions whose object a name may be: never the subject of the speech verb.
_PREPOSITIONS = frozenset(
    "to for of by with about against from at on behind alongside under like than".split()
)
# Words before a preposition that make its object the source: "according to Quill".
_ATTRIBUTING = frozenset({"according"})
# Prepositions inside a capitalised title: "Secretary of State", "Minister for Health".
_IN_TITLES = frozenset({"of", "for"})


def _inside_title(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is the preposition of a capitalised title ("Secretary of State
    Ada Quill"): it joins the title, it does not govern the name (as in "The People for Ada
    Quill", a body named for her, or "press secretary for Quill")."""
    return (
        words[k] in _IN_TITLES
        and k > 0
        and words[k - 1][:1].isupper()
        and words[k - 1].lower() in TITLE_HEADS
    )


class Antecedents(ArticleNames):
    """Resolves pronouns and clause subjects, remembering the speakers found so far."""

    def __init__(
        self, article: Article, entities: list[Entity], tokens: list[Tokens], spans: list[Span]
    ) -> None:
        super().__init__(article, entities, tokens, spans)
        self.last_speaker: tuple[int, str] | None = None
        self.said_in: dict[int, str] = {}  # sentence index -> the speaker attributed there
        self._unknown_names: dict[int, bool] = {}  # sentence index -> _find_unknown_name

    @cached_property
    def genders(self) -> Genders:
        """The people's genders, worked out on the first pronoun."""
        return Genders(self.article, self.entities, self._quoted)

    def _antecedent(self, offset: int, sentence: int, pronoun: str) -> str | None:
        """He or she: a body named before it in the sentence when no person is, else the
        first candidate (see ``_candidates``) whose gender agrees.

        A person of unknown gender fits either pronoun, but only when nobody from the same
        sentence, nor from the next candidates back, is known to agree; a person known to
        be of the other gender never fits.
        When only the first-name lists rule a candidate out, the pronoun may go to another
        person of the same sentence ("Reis met Ana Ortiz. She said"), but not further back.
        """
        first = self.article.sentences[sentence].start
        if not self._people(first, offset):
            # No one named earlier in the sentence but a body: its spokesperson ('The
            # observatory said on Sunday that he had counted ...').
            bodies = [
                n
                for n in self._named_between(first, offset)
                if n.type == "ORG" and not self._quoted(n.start)
            ]
            if bodies:
                return bodies[-1].name
        wanted = FEMALE if pronoun == "she" else MALE
        genders = self.genders
        seen: set[str] = set()
        skipped_on_names = False  # a likelier candidate was ruled out by the name lists only
        unknown: str | None = None  # a nearer candidate of unknown gender
        for group, (names, tied) in enumerate(self._candidates(offset, sentence, pronoun)):
            if sum(genders.of(n) in (wanted, None) for n in dict.fromkeys(tied)) > 1:
                return None  # two subjects of one sentence fit as well: unsure
            names = [n for n in names if n not in seen]
            seen.update(names)
            if unknown is not None:
                # One further back agrees for sure: the nearer one may not be meant.
                return None if any(genders.of(n) == wanted for n in names) else unknown
            if skipped_on_names and names:
                return None  # only the name lists ruled out the likelier one: unsure
            for name in names:
                gender = genders.of(name)
                if gender == wanted:
                    if group and name not in tied and self._speaker_fits_instead(name, wanted):
                        return None  # an object back there, or the one quoted last: unsure
                    return name
                if gender is None:
                    if any(genders.of(n) == wanted for n in names if n != name):
                        return None  # someone else from there agrees for sure: unsure
                    unknown = name
                    break
                skipped_on_names = skipped_on_names or not genders.shown(name)
        return unknown

    def _speaker_fits_instead(self, name: str, wanted: str) -> bool:
        """Whether the person quoted last, who is not ``name``, fits the pronoun too."""
        if self.last_speaker is None or self.last_speaker[1] == name:
            return False
        return self.genders.of(self.last_speaker[1]) in (wanted, None)

    def _candidates(
        self, offset: int, sentence: int, pronoun: str
    ) -> Iterator[tuple[list[str], list[str]]]:
        """The people a pronoun at ``offset`` may refer to, best first, a sentence at a time
        (worked out only as far as needed): people earlier in its sentence, nearest first;
        then, sentence by sentence back, the subjects of its main clauses, the speaker last
        quoted there or since, then the others named. Names in quotation marks or modifying
        another name ("Ortiz's aide Reis") never count; names modifying a noun ("Ortiz's
        plan") come last. A sentence opening with the same pronoun ('He says refugees at
        Zaatari ...') is about the same person, so its names are passed over. The search
        stops at a sentence naming someone we cannot type. Each sentence comes with its
        main clauses' subjects, equally near: when two of them fit, the pronoun is unsure."""
        yield self._before_in_sentence(sentence, offset), []
        for index in range(sentence - 1, max(-1, sentence - 1 - _PRONOUN_REACH), -1):
            before = self.article.sentences[index]
            opening = WORD.match(self.text, before.start)
            if opening and opening.group().lower() == pronoun:
                continue
            people = [
                n
                for n in self._people(before.start, before.end)
                if not (
                    self._modifies_name(n)
                    or self._in_a_things_name(n, before.end)
                    or (self._object_of_preposition(n, index) and not self._relative_after(n))
                )
            ]
            main = [n for n in people if self._is_main_subject(n, index)]
            names = [n.name for n in main]
            if self.last_speaker and before.start <= self.last_speaker[0] < offset:
                names.append(self.last_speaker[1])
            others = sorted((n for n in people if n not in main), key=self._possessive)
            yield names + [n.name for n in others], [n.name for n in main]
            if not people and self._unknown_name_in(index):
                return  # someone we cannot name may be meant: look no further back

    def _relative_after(self, named: Named) -> bool:
        """'criticism from Ada Quill, a columnist, who said': a "who" clause makes the
        name its subject, whatever governs it."""
        return _RELATIVE_AFTER.match(self.text, named.end) is not None

    def _before_in_sentence(self, sentence: int, offset: int) -> list[str]:
        """The people named earlier in the pronoun's sentence, nearest first; but the
        speaker of a speech verb there before the people named in what they said ('Ihrig
        said Trump is ..., but he added' is Ihrig's "he")."""
        first = self.article.sentences[sentence].start
        people = [
            n
            for n in reversed(self._people(first, offset))
            if not (self._an_object(n, first) or self._in_a_things_name(n, offset))
        ]
        tokens = self.tokens[sentence]
        for k, start in enumerate(tokens.starts):
            if start >= offset:
                break
            if tokens.lowers[k] in speech_verbs() and tokens.texts[k].islower():
                said = [n for n in people if n.end <= start and start - n.end <= _SPEAKER_GAP]
                if said:
                    inside = [n for n in people if n.start > start]
                    rest = [n for n in people if n not in said and n not in inside]
                    people = said + rest + inside
                break
        return [n.name for n in people]

    def _object_of_preposition(self, named: Named, sentence: int) -> bool:
        """'a former aide to Ada Quill', 'a senator close to the late Sen. Quill', 'a group
        founded by Quill', 'who worked with Reis and Quill': a name a preposition governs
        is no subject, so not the speaker."""
        start = max(self.article.sentences[sentence].start, named.start - _PREPOSITION_REACH)
        words = _WORDS.findall(self.text[start : named.start])
        k = len(words)
        while k and (
            words[k - 1][:1].isupper()
            or words[k - 1].lower() in _BEFORE_NAMES
            or _inside_title(words, k - 1)
        ):
            k -= 1  # titles and other names: "the late Sen.", "Reis and", "Minister of"
        if not k or words[k - 1].lower() not in _PREPOSITIONS:
            return False
        return not (k > 1 and words[k - 2].lower() in _ATTRIBUTING)  # "according to Quill"

    def _an_object(self, named: Named, first: int) -> bool:
        """A name after a verb or a preposition ('I mentioned Ada Quill, and she said',
        'asked about Quill, she said'): the pronoun after it is seldom that person. A name
        opening its sentence or clause is a subject."""
        words = _WORDS.findall(self.text[max(first, named.start - _LOOK_BACK) : named.start])
        k = len(words)
        while k and words[k - 1][:1].isupper():
            k -= 1  # titles: "Sen.", "President"
        if not k or not words[k - 1][:1].islower() or words[k - 1] in _SUBJECT_OPENERS:
            return False
        # "The week before Quill was elected, he said": the subject of a clause.
        return not (words[k - 1] in _SUBORDINATORS and VERB_AFTER.match(self.text, named.end))

    def _unknown_name_in(self, index: int) -> bool:
        """A name that may be a person we do not know as one: an untyped name as a subject,
        or two capitalised words in a row, after the sentence's first, that are no name we
        know ("H.R. Quill" missed by the entity extractor)."""
        if index not in self._unknown_names:
            self._unknown_names[index] = self._find_unknown_name(index)
        return self._unknown_names[index]

    def _find_unknown_name(self, index: int) -> bool:
        sentence = self.article.sentences[index]
        if any(
            n.type == "OTHER" and self._is_subject(n, index)
            for n in self._named_between(sentence.start, sentence.end)
        ):
            return True
        for pair in _CAPITALISED_PAIR.finditer(self.text, sentence.start + 1, sentence.end):
            if not (self._inside_name(pair.start()) or self._inside_name(pair.start(1))):
                return True
        return False

    def _body_antecedent(self, offset: int, sentence: int) -> str | None:
        """It: a body earlier in the sentence, else the first body named outside quotation
        marks (the likely subject), or the body quoted, in one of the two sentences before."""
        first = self.article.sentences[sentence].start
        here = [
            n
            for n in self._named_between(first, offset)
            if n.type == "ORG" and not self._quoted(n.start)
        ]
        if here:
            return here[-1].name
        for index in range(sentence - 1, max(-1, sentence - 3), -1):
            before = self.article.sentences[index]
            for named in self._named_between(before.start, before.end):
                if named.type == "ORG" and not (
                    self._quoted(named.start) or self._possessive(named)
                ):
                    return named.name
            said = self.said_in.get(index)
            if said and self.entity_types.get(said) == "ORG":
                return said
        return None

    def _clause_subject(self, offset: int, sentence: int) -> str | None:
        """The subject of the clause a participle or a second verb hangs on ('Ortiz rejected
        the plan, saying', 'Reis spoke and Ortiz answered, adding'): the person or body
        before a verb that opens the sentence or a clause joined by "and" or "but", or the
        pronoun the sentence opens with. Names modifying a noun ("Ortiz's plan") are not
        subjects; one in a subordinate clause ('Ortiz said that Reis agreed, adding') may be
        the participle's as well, so then the subject is unsure and left out."""
        first = self.article.sentences[sentence].start
        if any(
            self._just_before(SUBORDINATE_BEFORE, first, n.start) and self._is_subject(n, sentence)
            for n in self._named_between(first, offset)
        ):
            return None
        opening = WORD.match(self.text, first)
        if opening and opening.group().lower() in PRONOUNS:
            return self._antecedent(first, sentence, opening.group().lower())
        subject: str | None = None
        for kind in ("PERSON", "ORG"):
            for named in self._named_between(first, offset):
                if named.type != kind or not self._is_subject(named, sentence):
                    continue
                if subject is None or self._just_before(_CLAUSE_START, first, named.start):
                    subject = named.name
            if subject:
                return subject
        return None
