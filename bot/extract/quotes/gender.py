"""The gender of an article's people, so that "she said" never goes to the nearest man.

The article's own word comes first: a title before the name (Mrs., Ms., Mr.), a gendered
role (spokeswoman, congressman, queen), or two or more subject pronouns of one gender right
after the name ("Ortiz said she ..."; a single one is weak evidence, as a pronoun near a name
is often someone else's). Then the first name's usual gender from the name lists of
``gender_guesser``, only when the lists are sure of it (not "mostly" one, nor
"androgynous"); the lists can still err, so the speaker finder trusts them less. Otherwise
the gender is unknown, and a pronoun goes to such a person only when no one else fits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from bot.extract.lexicon import given_name, speech_verbs
from bot.model import Article, Entity

FEMALE, MALE = "female", "male"
# Titles and role words that say a person's gender.
_GENDERED_WORDS = {
    **dict.fromkeys(
        """mrs mrs. ms ms. miss madam madame lady dame queen princess duchess countess empress
        spokeswoman congresswoman chairwoman businesswoman councilwoman assemblywoman
        stateswoman sportswoman actress wife mother daughter sister widow grandmother
        girlfriend""".split(),
        FEMALE,
    ),
    **dict.fromkeys(
        """mr mr. sir lord king prince duke emperor spokesman congressman chairman
        businessman councilman assemblyman statesman sportsman actor husband father son
        brother widower grandfather boyfriend""".split(),
        MALE,
    ),
}
_PRONOUN_GENDER = {"she": FEMALE, "he": MALE}
# Subject pronouns only: an object or possessive after a name is often someone else's
# ("Ortiz told her", "Ortiz read his letter").
_PRONOUN = re.compile(r"\b(?:she|he)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(?:also\s+|then\s+)?([a-z]+)")
# How many characters after a name a pronoun counts as near it.
_NEAR = 40
# Titles just before a name: "Ms. Ortiz", "Mr Reis".
_TITLES = frozenset("mrs ms miss mr madam sir lady lord queen king".split())


@lru_cache(maxsize=65536)
def first_name_gender(name: str) -> str | None:
    """'Ana Ortiz' -> female; None for a lone surname or a name the lists are unsure of."""
    words = name.split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
        return None
    found = given_name(words[0])
    return found if found in (FEMALE, MALE) else None


class Genders:
    """The gender of each person of one article, as far as it can be told (worked out for
    a person when first asked)."""

    def __init__(
        self, article: Article, entities: list[Entity], quoted: Callable[[int], bool]
    ) -> None:
        self.article = article
        self.quoted = quoted
        self._people = {e.name: e for e in entities if e.type == "PERSON"}
        # Where people are named outside quotation marks, for "no one named between".
        self._named_at = sorted(
            m.start for e in self._people.values() for m in e.mentions if not quoted(m.start)
        )
        self._known: dict[str, tuple[str | None, str | None]] = {}  # name -> (shown, gender)

    def of(self, name: str) -> str | None:
        """The person's gender: the article's word for it (a title or role, or two or more
        pronouns right after their name), else their first name's, else a lone pronoun's."""
        return self._know(name)[1]

    def shown(self, name: str) -> bool:
        """Whether the article itself tells the person's gender (the name lists can err:
        a first name can be a woman's in one country and a man's in another)."""
        return self._know(name)[0] is not None

    def _know(self, name: str) -> tuple[str | None, str | None]:
        if name not in self._known:
            entity = self._people.get(name)
            if entity is None:
                self._known[name] = (None, None)
            else:
                votes = self._pronoun_votes(entity)
                told = self._told(entity) or (_majority(votes) if sum(votes.values()) > 1 else None)
                self._known[name] = (told, told or first_name_gender(name) or _majority(votes))
        return self._known[name]

    def _told(self, entity: Entity) -> str | None:
        """A gendered title or role the article gives the person."""
        found: Counter = Counter()
        for role in entity.descriptions:
            for word in role.lower().split():
                if word in _GENDERED_WORDS:
                    found[_GENDERED_WORDS[word]] += 1
        text = self.article.text
        for mention in entity.mentions:
            before = text[max(0, mention.start - 8) : mention.start].split()[-1:]
            title = before[0].rstrip(".").lower() if before else ""
            if title in _TITLES:
                found[_GENDERED_WORDS[title]] += 1
        return _majority(found)

    def _pronoun_votes(self, entity: Entity) -> Counter:
        """Gendered pronouns outside quotation marks just after the person's name, in its
        sentence, with no other person named between ("Ortiz said she ...")."""
        votes: Counter = Counter()
        sentences = self.article.sentences
        for mention in entity.mentions:
            if self.quoted(mention.start):
                continue
            stop = min(sentences[mention.sentence].end, mention.end + _NEAR)
            k = bisect_right(self._named_at, mention.start)
            if k < len(self._named_at):
                stop = min(stop, self._named_at[k])  # another person is named before
            for match in _PRONOUN.finditer(self.article.text, mention.end, stop):
                if not self.quoted(match.start()) and not self._speaks(match.end()):
                    votes[_PRONOUN_GENDER[match.group().lower()]] += 1
        return votes

    def _speaks(self, end: int) -> bool:
        """The pronoun ending at ``end`` is a speech verb's subject ("she continued"): the
        pronoun a quote's speaker is sought for, which cannot vouch for its own answer."""
        following = _NEXT_WORD.match(self.article.text, end)
        return bool(following) and following.group(1).lower() in speech_verbs()


def _majority(votes: Counter) -> str | None:
    """The gender with at least twice the other's votes."""
    if votes[FEMALE] > 2 * votes[MALE]:
        return FEMALE
    if votes[MALE] > 2 * votes[FEMALE]:
        return MALE
    return None
