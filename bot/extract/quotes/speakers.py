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
from typing import NamedTuple

from bot.extract.lexicon import FUNCTION_WORDS, STATEMENT_NOUNS, speech_verbs
from bot.extract.quotes.antecedents import PRONOUNS, Antecedents
from bot.extract.quotes.marks import Span
from bot.extract.quotes.names import SPEAKER_NOUNS, WORD, Named
from bot.extract.tokens import Tokens, tokenize
from bot.model import Article, Entity

_ADVERBS = frozenset("also then later again once has had have was were would will is".split())
_SUBJECT_STOP = frozenset(',;:()"-')
# How many tokens into the next sentence the verb of a question's attribution may stand.
_NEXT_SENTENCE_REACH = 6
# How many tokens a speaker's name and title may run to, next to the verb ("Syrian
# Observatory for Human Rights director Rami Abdel Rahman").
_SUBJECT_REACH = 12
# Words that end an inverted subject: 'said Ortiz in Lisbon', 'said an officer who ...'.
_AFTER_SUBJECT = frozenset({"in", "on", "at", "after", "during", "who", "which", "that"})
# Words joining a role to what it is of: "spokesman for", "aide to", "head of".
_ROLE_LINKS = frozenset({"for", "of", "at", "from", "in", "to", "with"})
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
# What joins the names of people speaking together: "Quill and Ortiz", "Quill, Ortiz and
# Reis".
_JOINED = re.compile(r",? and |, ")
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
    "transcript": "QUILL: We will rebuild the port, and we will start on Monday.",
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


class _Window(NamedTuple):
    """A few words where a speaker may be named, with the names that start there."""

    start: int
    end: int
    inside: list[Named]
    words: list[str]


def _content_words(words: list[str]) -> list[str]:
    """The words without the function words they start with ("the", "a", "its")."""
    k = 0
    while k < len(words) and words[k].lower() in FUNCTION_WORDS:
        k += 1
    return words[k:]


def _from_last_article(words: list[str], role: int) -> list[str]:
    """'sentence the prosecutor' -> 'prosecutor': the role's noun phrase starts after the
    last article before the role."""
    for i in range(role - 1, -1, -1):
        if words[i].lower() in ("the", "a", "an"):
            return words[i + 1 :]
    return words


def _is_role(word: str) -> bool:
    return word.islower() and word in SPEAKER_NOUNS


def _head_role(words: list[str]) -> int | None:
    """Index of the role or body word heading the phrase: the first one that ends it or
    that what follows is of ('aide to a congressman', 'spokesman for the ministry')."""
    for i, word in enumerate(words):
        if _is_role(word) and (i == len(words) - 1 or words[i + 1].lower() in _ROLE_LINKS):
            return i
    return None


# A role several people of an article hold is the most named one's when they are named
# this many times as often as the next ("the president": the article's president, not a
# predecessor it mentions).
ROLE_LEAD = 2


class _Roles:
    """The roles the article gives its people ("Senator", "Harbour Party leader"), for
    "the senator said" and "the party leader said"."""

    def __init__(self, entities: list[Entity]) -> None:
        self._held = [
            (tuple(role.lower().split()), e.name, len(e.mentions))
            for e in entities
            if e.type == "PERSON"
            for role in e.descriptions
        ]

    def holder(self, phrase: str) -> str | None:
        """The person a role phrase names: the one holder of a role it is, or ends like
        with words of its own ("senator" of "Democratic Senator"), or the clearly most named
        of several holders; None when that is unsure."""
        words = tuple(phrase.lower().split())
        if not words:
            return None
        mentions: dict[str, int] = {}
        for role, name, named in self._held:
            if role == words or (role[-1] == words[-1] and set(words) <= set(role)):
                mentions[name] = named
        ranked = sorted(mentions.items(), key=lambda m: -m[1])
        if len(ranked) > 1 and ranked[0][1] < ROLE_LEAD * ranked[1][1]:
            return None
        return ranked[0][0] if ranked else None


class SpeakerFinder(Antecedents):
    """Finds the speakers of one article's quotes, given its entities."""

    def __init__(
        self, article: Article, entities: list[Entity], tokens: list[Tokens], spans: list[Span]
    ) -> None:
        super().__init__(article, entities, tokens, spans)
        self.roles = _Roles(entities)
        # The rule that last named each speaker found, for the quote's ``how``, and the
        # people who spoke with them.
        self.named_by: dict[str, str] = {}
        self.joint: dict[str, tuple[str, ...]] = {}
        self._rules = (
            self._person,
            self._pronoun,
            self._role,
            self._body,
            self._statement,
            self._other,
        )

    def record(self, attribution: Attribution, close: int, fragment: bool) -> None:
        """Remember a quote's speaker: for statements and pronouns further on."""
        if attribution.speaker is None:
            return
        self.said_in[attribution.sentence] = attribution.speaker
        if not fragment:
            self.last_speaker = (close, attribution.speaker)

    def _resolve(self, start: int, end: int, sentence: int) -> str | None:
        """The speaker named in text[start:end], a window just before or after a verb: the
        first of the rules in ``self._rules`` that finds one."""
        window = _Window(
            start,
            end,
            [n for n in self._named_between(start, end) if n.end <= end],
            WORD.findall(self.text[start:end]),
        )
        if not window.words:
            return None
        for rule in self._rules:
            found = rule(window, sentence)
            if found:
                self.named_by[found] = rule.__name__.lstrip("_")
                return found
        return None

    def _attribution(self, how: str, speaker: str | None, cue: int, sentence: int) -> Attribution:
        """An attribution found the ``how`` way (one of ``ATTRIBUTIONS``)."""
        named = self.named_by.get(speaker, "") if speaker else ""
        also = self.joint.get(speaker, ()) if named == "person" else ()
        return Attribution(speaker, cue, sentence, f"{how}/{named}" if named else how, also)

    def _person(self, window: _Window, sentence: int) -> str | None:
        """A person named there wins over the body or place beside them ("Nina Shea of the
        Hudson Institute"), unless the name only modifies a noun ("a Vindr critic"). People
        joined by "and" speak together ("Quill and Ortiz said"): the first is the speaker,
        the others ``joint`` with them."""
        people = [
            n
            for n in window.inside
            if n.type == "PERSON" and not self._modifies_noun(n, window.end)
        ]
        if not people:
            return None
        joined = [people[-1]]
        for before in reversed(people[:-1]):
            between = self.text[before.end : joined[0].start]
            if not _JOINED.fullmatch(between):
                break
            joined.insert(0, before)
        self.joint[joined[0].name] = tuple(n.name for n in joined[1:])
        return joined[0].name

    def _pronoun(self, window: _Window, sentence: int) -> str | None:
        """He or she: a person before; it: a body before."""
        if len(window.words) != 1:
            return None
        word = window.words[0].lower()
        if word in PRONOUNS:
            return self._antecedent(window.start, sentence, word)
        return self._body_antecedent(window.start, sentence) if word == "it" else None

    def _role(self, window: _Window, sentence: int) -> str | None:
        """A role or a body by a common noun: 'a senior State Department official', 'a
        spokesman for Rosoboronexport', 'the ministry'. A role one person of the article
        holds is that person ("the governor"); a body's head word that one body of the
        article has before is that body ("the ministry"); else the phrase is kept. A
        statement noun after it is dropped ("a ministry statement")."""
        words = _content_words(window.words)
        if len(words) > 1 and words[-1].lower() in STATEMENT_NOUNS:
            words = words[:-1]  # "a ministry statement" is the ministry's
        if not words or len(words) > 6:
            return None
        role = _head_role(words)
        if role is None:
            return None
        if role < len(words) - 1 and not (_is_role(words[-1]) or self._names_the_end(window)):
            return None
        words = _from_last_article(words, role)
        phrase = " ".join(words)
        holder = self.roles.holder(phrase)
        if holder:
            return holder
        if len(words) == 1:
            return self._body_by_head(words[0].lower(), window.start) or phrase
        return phrase

    def _names_the_end(self, window: _Window) -> bool:
        """'spokesman for the Harbour Authority': a body or place ends the window."""
        tail = self.text[window.start : window.end].rstrip(" ,")
        return any(
            n.type in ("ORG", "GPE") and window.start + len(tail) <= n.end for n in window.inside
        )

    def _body(self, window: _Window, sentence: int) -> str | None:
        """A body named there; a place speaks only as the subject itself ("Nairobi said"),
        not as a modifier ("a former U.S. official said")."""
        tail = self.text[window.start : window.end].rstrip(" ,")
        for named in reversed(window.inside):
            if named.type == "ORG" or (
                named.type == "GPE" and window.start + len(tail) <= named.end
            ):
                return named.name
        return None

    def _statement(self, window: _Window, sentence: int) -> str | None:
        """'The statement said': whoever made the statement the article spoke of before."""
        words = _content_words(window.words)
        if len(words) != 1 or words[0].lower() not in STATEMENT_NOUNS:
            return None
        return self._statement_author(words[0].lower(), sentence)

    def _other(self, window: _Window, sentence: int) -> str | None:
        """Any other name there (an untyped one)."""
        for named in reversed(window.inside):
            if named.type == "OTHER":
                return named.name
        return None

    def _body_by_head(self, head: str, offset: int) -> str | None:
        """'the ministry': the one body named before whose name holds that word."""
        bodies = {
            n.name
            for n in self._named_between(0, offset)
            if n.type == "ORG" and head in n.name.lower().split() and not self._quoted(n.start)
        }
        return bodies.pop() if len(bodies) == 1 else None

    def _statement_author(self, noun: str, sentence: int) -> str | None:
        """Who made the statement (letter, report...) the text mentioned in the last few
        sentences: the speaker quoted there, or the subject it opens with ('The ministry
        issued a statement'); without a mention, the speaker quoted in the sentence just
        before. When those two differ, the author is unsure and left out."""
        pattern = re.compile(rf"\b{re.escape(noun.rstrip('s'))}s?\b", re.IGNORECASE)
        for index in range(sentence - 1, max(-1, sentence - 5), -1):
            before = self.article.sentences[index]
            mention = next(
                (
                    m
                    for m in pattern.finditer(self.text, before.start, before.end)
                    if not self._quoted(m.start())
                ),
                None,
            )
            if mention:
                opening = self._opening_subject(index, mention.start())
                author = self.said_in.get(index) or (opening.name if opening else None)
                just_before = self.said_in.get(sentence - 1, author)
                return author if just_before == author else None  # two candidates: unsure
        return self.said_in.get(sentence - 1)

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
        if comma is None or not tokens.texts[0][:1].isupper():
            return None
        lead = self._resolve(tokens.starts[0], tokens.ends[comma - 1], sentence)
        return lead if lead and self.entity_types.get(lead) == "PERSON" else None

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
        for other in others:
            if span.close < other.open < stop:
                stop = other.open
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
        if not words:
            return None
        for i in words[-4:]:
            if is_cue(tokens, i):
                found = self._subject_before(tokens, i, index - 1)
                if not found:
                    return None
                return self._attribution("lead_in", found, tokens.starts[i], index - 1)
        return None
