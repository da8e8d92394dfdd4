"""Who the few words next to a speech verb name: a person, a pronoun's antecedent, a role
("the governor", "a spokesman for the ministry"), a body, a statement's author.

Each way is a rule (``SpeakerNaming._rules``), tried in turn on the window of words; the one
that named the speaker is kept (``named_by``) so that every quote can say how it was
attributed. A role one person of the article holds is that person; people named together
("Quill and Ortiz") speak together (``joint``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.extract.lexicon import FUNCTION_WORDS, STATEMENT_NOUNS
from bot.extract.quotes.antecedents import PRONOUNS, Antecedents
from bot.extract.quotes.marks import Span
from bot.extract.quotes.names import SPEAKER_NOUNS, WORD, Named
from bot.extract.tokens import Tokens
from bot.model import Article, Entity

# Words joining a role to what it is of: "spokesman for", "aide to", "head of".
_ROLE_LINKS = frozenset({"for", "of", "at", "from", "in", "to", "with"})
# What joins the names of people speaking together: "Quill and Ortiz", "Quill, Ortiz and
# Reis".
_JOINED = re.compile(r",? and |, ")


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


class SpeakerNaming(Antecedents):
    """Names the speaker in a window of one article's words, given its entities."""

    def __init__(
        self, article: Article, entities: list[Entity], tokens: list[Tokens], spans: list[Span]
    ) -> None:
        super().__init__(article, entities, tokens, spans)
        self.roles = _Roles(entities)
        # The rule that last named each speaker found, for the quote's ``how``, and the
        # people who spoke with them.
        self.named_by: dict[str, str] = {}
        self.joint: dict[str, tuple[str, ...]] = {}
        self._bounds_of: tuple[int, tuple[list[int], list[int]]] = (0, ([], []))
        self._rules = (
            self._person,
            self._pronoun,
            self._role,
            self._body,
            self._statement,
            self._other,
        )

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

    def _person(self, window: _Window, sentence: int) -> str | None:
        """A person named there wins over the body or place beside them ("Nina Shea of the
        Hudson Institute"), unless the name only modifies a noun ("a Vindr critic"). People
        joined by "and" speak together ("Quill and Ortiz said"): the first is the speaker,
        the others ``joint`` with them."""
        people = [
            n
            for n in window.inside
            if n.type == "PERSON"
            and not self._modifies_noun(n, window.end)
            and not self._object_of_preposition(n, sentence)
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
