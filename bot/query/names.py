"""Finding the entity a user means from whatever spelling they type.

Every name an entity goes by (its canonical name and each alias the articles use) is folded
the way ``bot.textnorm`` folds names at index time, so accents, case, hyphens and particles
("al-Qudsi", "al Qudsi", "Yıldırımoğlu", "YILDIRIMOGLU") never matter. A typed name is then
compared word by word with those names:

* a word equal to a word of the name counts fully ("qudsi" in "Nabil al-Qudsi"), a word
  that begins one counts a little less ("lindq"), a word a typo away less again
  ("Lindquist");
  typos are only allowed on words long enough to have a typo: a word of three letters
  must be exact, of four may only gain or lose a letter, so "Putt" never becomes "Pitt";
* the score of a name is the mean over the typed words, times a small bonus for covering
  more of the name, so an exact alias beats a name that merely contains the word;
* below ``ACCEPT`` nothing is found (and near misses are suggested); candidates within
  ``MARGIN`` of the best are a tie, settled for the one named in clearly more articles
  (``CLEAR_LEAD`` times as many), and otherwise listed for the user to choose;
* a lone name the base keeps as an entity of its own (a surname or an acronym no article
  joined to a full name) answers with the person or body it most likely means, when one
  clearly dominates.

The index is built once per base state and kept in memory (``name_index``), so lookups and
autocomplete cost a dictionary probe and a small fuzzy search over the distinct words.
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.extract.lexicon import TITLE_WORDS
from bot.store import Reads, Store
from bot.textnorm import KEY_STOPWORDS, fold

ACCEPT = 0.7
# The least share of an entity's articles that must use a name other than their fullest one
# (a surname, an acronym) for the name to find it: one article that runs "Clinton" into
# another person's entity does not make "Clinton" a name of that person.
NAME_SHARE = 0.005
MARGIN = 0.05
CLEAR_LEAD = 2
SHORT_LEAD = 3
# What a lone name kept as an entity of its own may stand for, by its type.
_MEANT = {"PERSON": ("PERSON",), "OTHER": ("PERSON", "ORG"), "ORG": ("ORG",)}
SUGGEST = 0.35
SUGGEST_RATIO = 75
MAX_SUGGESTIONS = 5
MIN_SUGGESTED = 2
MAX_CHOICE_CHARS = 100

_EXACT = 1.0
_GLUED = 0.95  # a particle written together with the name: "alqudsi"
_PREFIX = 0.9
_TYPO = {1: 0.88, 2: 0.8}
_GLUED_PARTICLES = ("al", "el")


@dataclass(frozen=True, slots=True)
class Named:
    """A base-wide entity as lookups see it: id, canonical name, type, articles naming it."""

    id: int
    name: str
    type: str
    articles: int


@dataclass(frozen=True, slots=True)
class Match:
    """An entity scored against a typed name; ``exact`` when no typo or prefix was needed;
    ``others``: entities the name fits about as well, which this one clearly outweighs."""

    entity: Named
    score: float
    exact: bool
    others: tuple[Named, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of a lookup: one entity found, several tied, or nothing.

    ``suggestions`` are names to offer when nothing was found or when several tied.
    """

    found: Match | None
    tied: list[Match]
    suggestions: list[str]

    @property
    def recognised(self) -> bool:
        """The text names a known entity, or several: it is a name, not other words."""
        return self.found is not None or bool(self.tied)


class _Form(NamedTuple):
    """One name of an entity, folded; ``content`` are the words that tell names apart.
    (A tuple: a big base has hundreds of thousands, made at every load.)"""

    entity: int
    folded: str
    content: frozenset[str]


class NameIndex:
    """All names of all entities of one base state, ready for lookups and autocomplete."""

    def __init__(self, entities: list[Named], names: list[tuple[int, str]]) -> None:
        """``names`` are (entity id, name) pairs: every name of every entity."""
        self._entities = {e.id: e for e in entities}
        self._forms: list[_Form] = []
        self._by_word: dict[str, list[int]] = defaultdict(list)
        seen: set[tuple[int, str]] = set()
        for entity_id, name in [(e.id, e.name) for e in entities] + names:
            folded = fold(name)
            if not folded or entity_id not in self._entities or (entity_id, folded) in seen:
                continue
            seen.add((entity_id, folded))
            typed = folded.split()
            content = frozenset(w for w in typed if w not in KEY_STOPWORDS) or frozenset(typed)
            for word in set(typed):
                self._by_word[word].append(len(self._forms))
            self._forms.append(_Form(entity_id, folded, content))
        self._vocab = sorted(self._by_word)
        # The words shortest first: a typo within ``e`` edits of a word is a word at most
        # ``e`` letters longer or shorter, one slice of this list.
        self._by_length = sorted(self._vocab, key=len)
        self._lengths = [len(known) for known in self._by_length]
        self._ranked = sorted(entities, key=lambda e: (-e.articles, e.name))
        self._folded_names = {e.id: fold(e.name) for e in entities}
        self._named: dict[str, list[int]] = defaultdict(list)
        for entity_id, folded in self._folded_names.items():
            self._named[folded].append(entity_id)

    @classmethod
    def load(cls, read: Reads) -> NameIndex:
        entities = [Named(*row) for row in read.all_entities()]
        return cls(entities, read.all_entity_names(NAME_SHARE))

    # -- lookups ----------------------------------------------------------------------------

    def match(self, text: str) -> list[Match]:
        """Every entity with a name sharing a word with ``text``, best first."""
        typed = fold(text).split()
        query = [w for w in typed if w not in KEY_STOPWORDS] or typed
        levels = [self._word_levels(word) for word in query]
        candidates = {i for found in levels for word in found for i in self._by_word[word]}
        best: dict[int, Match] = {}
        for index in candidates:
            form = self._forms[index]
            person = self._entities[form.entity].type == "PERSON"
            score, exact = _score(query, levels, form.content, person)
            known = best.get(form.entity)
            if score > 0 and (known is None or (score, exact) > (known.score, known.exact)):
                best[form.entity] = Match(self._entities[form.entity], score, exact)
        return sorted(best.values(), key=lambda m: (-m.score, -m.entity.articles, m.entity.name))

    def resolve(self, text: str) -> Resolution:
        """The one entity ``text`` names, or the tied candidates, or suggestions.

        The full name of exactly one entity, of more than one word, is that entity
        whatever else the words fit (below), so it is answered without the fuzzy search.
        """
        typed = fold(text)
        if " " in typed and len(owners := self._named.get(typed, [])) == 1:
            return Resolution(Match(self._entities[owners[0]], _EXACT, True), [], [])
        matches = self.match(text)
        if not matches or matches[0].score < ACCEPT:
            return Resolution(None, [], self._suggest(text, matches))
        named = [m for m in matches if self._folded_names[m.entity.id] == typed and m.exact]
        if len(named) == 1:
            meant = self._meant_by(named[0], matches)
            if meant is not None:
                return Resolution(meant, [], [])
            return Resolution(named[0], [], [])  # the full name of exactly one entity
        best = matches[0]
        tied = [m for m in matches if m.score >= best.score - MARGIN]
        if len(tied) > 1:
            leader = max(tied, key=lambda m: (m.entity.articles, m.score))
            runner_up = max(m.entity.articles for m in tied if m is not leader)
            if leader.entity.articles < CLEAR_LEAD * runner_up:
                shown = tied[:MAX_SUGGESTIONS]
                return Resolution(None, shown, _unique(m.entity.name for m in shown))
            others = tuple(m.entity for m in tied if m is not leader)[: MAX_SUGGESTIONS - 1]
            best = Match(leader.entity, leader.score, leader.exact, others)
        return Resolution(best, [], [])

    def _meant_by(self, lone: Match, matches: list[Match]) -> Match | None:
        """The entity a lone name most likely means, when the base keeps that name as an
        entity of its own (a surname or an acronym no article joined to a full name): a
        person, or a body for an acronym, that the articles call by the name as written,
        named in ``SHORT_LEAD`` times as many articles as the lone name and ``CLEAR_LEAD``
        times the next such entity. The answer names the others."""
        kinds = _MEANT.get(lone.entity.type, ())
        if not kinds or " " in self._folded_names[lone.entity.id]:
            return None
        # A lone word is a body's short name only as an acronym: "House" alone is not the
        # "White House" that some articles run it into.
        bodies = lone.entity.name.isupper()
        fits = sorted(
            (
                m
                for m in matches
                if m.exact
                and m.entity.type in kinds
                and m is not lone
                and (bodies or m.entity.type == "PERSON")
            ),
            key=lambda m: -m.entity.articles,
        )
        if not fits or fits[0].entity.articles < SHORT_LEAD * lone.entity.articles:
            return None
        if len(fits) > 1 and fits[0].entity.articles < CLEAR_LEAD * fits[1].entity.articles:
            return None
        others = (lone.entity, *(m.entity for m in fits[1:]))[: MAX_SUGGESTIONS - 1]
        return Match(fits[0].entity, fits[0].score, True, others)

    def complete(self, partial: str, limit: int = 25) -> list[str]:
        """Canonical names for a partly typed name, best first.

        Names beginning with what was typed come first, then names with words beginning
        with it, then names a typo away; among equals, the most cited first.
        """
        typed = fold(partial)
        if not typed:
            return _unique((_choice(e.name) for e in self._ranked), limit)
        *head, last = typed.split()
        tiers: dict[int, int] = {}
        for index in self._starting_with(last):
            form = self._forms[index]
            form_words = form.folded.split()
            if all(word in form_words for word in head):
                tier = 0 if form.folded.startswith(typed) else 1
                tiers[form.entity] = min(tier, tiers.get(form.entity, tier))
        if len(tiers) < limit:
            for found in self.match(partial):
                if found.score >= SUGGEST:
                    tiers.setdefault(found.entity.id, 2)
        ranked = sorted(
            tiers,
            key=lambda e: (tiers[e], -self._entities[e].articles, self._entities[e].name),
        )
        return _unique((_choice(self._entities[e].name) for e in ranked), limit)

    # -- parts ------------------------------------------------------------------------------

    def _word_levels(self, word: str) -> dict[str, float]:
        """Words of known names that ``word`` may stand for, each with how well it does."""
        found: dict[str, float] = {}
        if word in self._by_word:
            found[word] = _EXACT
        if len(word) >= 4:
            for known in self._prefixed(word):
                found.setdefault(known, _PREFIX)
        edits = _max_edits(word)
        if edits:
            low = bisect.bisect_left(self._lengths, len(word) - edits)
            high = bisect.bisect_right(self._lengths, len(word) + edits)
            near = self._by_length[low:high]
            for known, distance, _ in process.extract(
                word, near, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                short_swap = len(word) == 4 and len(known) == 4
                if distance and not short_swap:
                    found[known] = max(found.get(known, 0.0), _TYPO[distance])
        rest = word[2:]
        if word.startswith(_GLUED_PARTICLES) and len(rest) >= 3 and rest in self._by_word:
            found[rest] = max(found.get(rest, 0.0), _GLUED)
        return found

    def _prefixed(self, prefix: str) -> list[str]:
        # Folded words hold only [0-9a-z], and "{" sorts after "z".
        start = bisect.bisect_left(self._vocab, prefix)
        end = bisect.bisect_left(self._vocab, prefix + "{", lo=start)
        return self._vocab[start:end]

    def _starting_with(self, prefix: str) -> set[int]:
        return {i for word in self._prefixed(prefix) for i in self._by_word[word]}

    def _suggest(self, text: str, matches: list[Match]) -> list[str]:
        """Names close to ``text``: ones sharing a word with it, then ones alike in spelling;
        never a name of one character ("G" for "GNU" is no suggestion)."""
        near = [m.entity.name for m in matches if m.score >= SUGGEST]
        alike = process.extract(
            fold(text),
            self._folded_names,
            scorer=fuzz.WRatio,
            score_cutoff=SUGGEST_RATIO,
            limit=MAX_SUGGESTIONS,
        )
        near.extend(self._entities[key].name for _, _, key in alike)
        return _unique((n for n in near if len(fold(n)) >= MIN_SUGGESTED), MAX_SUGGESTIONS)


def _score(
    query: list[str], levels: list[dict[str, float]], content: frozenset[str], person: bool
) -> tuple[float, bool]:
    """How well typed words fit one name: mean word level, times a bonus for coverage.

    A title typed before a person's name ("Ayatollah", "Foreign Minister") that fits no
    word of the name is ignored rather than counted against it; after the name, or before
    a body's name ("Justice" in "Justice Department"), it is a word like any other.
    """
    total = 0.0
    counted = 0
    covered: set[str] = set()
    exact = True
    for word, found in zip(query, levels, strict=True):
        level, hit = max(((found[w], w) for w in content if w in found), default=(0.0, ""))
        if not hit and word in TITLE_WORDS and person and not counted:
            continue
        counted += 1
        total += level
        exact = exact and level == _EXACT
        if hit:
            covered.add(hit)
    if not counted or not covered:
        return 0.0, False
    return total / counted * (0.85 + 0.15 * len(covered) / len(content)), exact


def _max_edits(word: str) -> int:
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 7 else 2


def _choice(name: str) -> str:
    return name if len(name) <= MAX_CHOICE_CHARS else name[: MAX_CHOICE_CHARS - 1] + "…"


def _unique(names: Iterable[str], limit: int = MAX_SUGGESTIONS) -> list[str]:
    result: list[str] = []
    for name in names:
        if name not in result:
            result.append(name)
            if len(result) == limit:
                break
    return result


_CACHE: weakref.WeakKeyDictionary[Store, tuple[tuple[int, int], NameIndex]] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()


def name_index(store: Store) -> NameIndex:
    """The store's name index, rebuilt only when the base has changed since it was built.

    ``PRAGMA data_version`` changes when another connection (the indexer) commits, and the
    connection's ``total_changes`` when this one writes; together they say when to rebuild.
    """
    with _LOCK:
        version = store.read.base_version()
        cached = _CACHE.get(store)
        if cached is None or cached[0] != version:
            cached = (version, NameIndex.load(store.read))
            _CACHE[store] = cached
        return cached[1]
