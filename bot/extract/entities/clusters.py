"""An article's clusters of mentions, each one entity, indexed for the identity pass."""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from operator import attrgetter

from bot.extract.entities.chunks import OF_WORDS
from bot.extract.entities.mention import NameMention
from bot.extract.lexicon import PARTICLES
from bot.textnorm import PATRONYMICS

# Words that give no initial: "Organization of American States" is "OAS".
_NOT_INITIALS = PARTICLES | OF_WORDS
# A tie between types' votes goes to the one listed first.
_TYPE_RANK = {kind: rank for rank, kind in enumerate(("PERSON", "GPE", "ORG", "NORP", "OTHER"))}


@dataclass(eq=False, slots=True)
class Cluster:
    """Mentions of one entity, with what the identity pass asks of them for every new
    mention (type, initials, last words) kept current as mentions arrive."""

    order: int  # clusters are numbered as they are made
    mentions: list[NameMention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # of the mentions, in order
    acronyms: set[str] = field(default_factory=set)
    key_words: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)
    type: str | None = None  # the type with the most votes
    in_body: bool = False  # named outside a headline
    initials: set[str] = field(default_factory=set)  # "UN" for "United Nations"
    last_words: set[str] = field(default_factory=set)  # lower case, of mentions with a key
    declared: set[str] = field(default_factory=set)  # names the text says are this one
    fathers: set[str] = field(default_factory=set)  # lower case words after "bin", "ibn"

    def add(self, mention: NameMention, key_words: set[str], last_word: str) -> list[str]:
        """Add ``mention``, whose key splits into ``key_words`` and whose surname as a
        lone mention would spell it is ``last_word``; return the acronyms and initials the
        cluster gained by it."""
        self.mentions.append(mention)
        insort(self.starts, mention.start)
        self.key_words |= key_words
        gained: list[str] = []
        if mention.acronym:
            gained.append(mention.acronym.replace(".", ""))
            self.acronyms.add(gained[-1])
        kind = mention.type
        if kind:
            # Only ``kind`` gains votes, so it either overtakes the leader or not.
            votes = self.votes[kind] = self.votes.get(kind, 0) + mention.strength * (
                1 if mention.headline else 2
            )
            leader = self.type
            if leader is None or (
                kind != leader
                and (votes, -_TYPE_RANK[kind]) > (self.votes[leader], -_TYPE_RANK[leader])
            ):
                self.type = kind
        if not mention.headline:
            self.in_body = True
        if len(mention.words) >= 2:
            words = [t.text for t in mention.words if t.lower not in _NOT_INITIALS]
            if len(words) >= 2:
                gained.append("".join(w[0] for w in words).upper())
                self.initials.add(gained[-1])
            for earlier, later in zip(mention.words, mention.words[1:], strict=False):
                if earlier.lower in PATRONYMICS:
                    self.fathers.add(later.lower)
        if mention.key:
            self.last_words.add(last_word)
        return gained


def _last_word(mention: NameMention) -> str:
    """The surname as a lone mention would spell it: "al-Rashid" -> "rashid"."""
    last = mention.words[-1].lower
    head, dash, rest = last.partition("-")
    return rest if dash and head in PARTICLES else last


class Clusters:
    """An article's clusters, with the lookups the identity pass makes for every mention:
    by key, by key word and by last word (each answer oldest first, as a scan would find
    them)."""

    def __init__(self) -> None:
        self.all: list[Cluster] = []
        self.by_key: dict[str, Cluster] = {}
        self._by_word: dict[str, list[Cluster]] = {}
        self._by_last_word: dict[str, list[Cluster]] = {}
        self._by_letters: dict[str, list[Cluster]] = {}

    def new(self) -> Cluster:
        cluster = Cluster(len(self.all))
        self.all.append(cluster)
        return cluster

    def add(self, cluster: Cluster, mention: NameMention) -> None:
        key_words = set(mention.key.split())
        for word in key_words - cluster.key_words:
            self._by_word.setdefault(word, []).append(cluster)
        last = _last_word(mention)
        if mention.key and last not in cluster.last_words:
            self._by_last_word.setdefault(last, []).append(cluster)
        for letters in cluster.add(mention, key_words, last):
            holders = self._by_letters.setdefault(letters, [])
            if cluster not in holders:
                holders.append(cluster)

    def with_words(self, words: set[str]) -> list[Cluster]:
        """Clusters whose key words include all of ``words`` (at least one)."""
        some = self._by_word.get(next(iter(words)), [])
        return sorted((c for c in some if words <= c.key_words), key=attrgetter("order"))

    def with_letters(self, letters: str) -> list[Cluster]:
        """Clusters with ``letters`` among their acronyms or initials."""
        return sorted(self._by_letters.get(letters, []), key=attrgetter("order"))

    def with_last_word(self, lower: str) -> list[Cluster]:
        """Clusters with a mention whose last word is ``lower``."""
        return sorted(self._by_last_word.get(lower, []), key=attrgetter("order"))
