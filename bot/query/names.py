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

Nothing is read whole: the base keeps the folded words of every name of every form
(``name_words``; an entity's own name is always the fullest name an article gives one of its
forms, so it is among them). A lookup reads only the names holding the words typed, or
words a prefix or a typo away, and searches for typos among the words of the lengths a
typo may have (read once per base state). What a question costs follows what its words
find, not the size of the base, in a fresh process as in the long-running bot.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.extract.lexicon import TITLE_WORDS
from bot.store import Reads, Row, Store
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
# Words as long as a typed word give or take this many letters, and this many of them at
# most, are where names alike in spelling are looked for (``NameIndex._suggest``).
SUGGEST_EDITS = 2
SUGGEST_WORDS = 50
MIN_SUGGEST_PREFIX = 3
# A text beginning words of this many names or more ("s", "jo") is completed from the most
# cited entities, read in pages of these sizes (the first usually holds enough), rather
# than from every name it begins.
MANY_WORDS = 1_000
RANK_PAGES = (100, 200, 400, 800, 1600, 3200)
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
    """One name of an entity, folded; ``content`` are the words that tell names apart;
    ``own``: the entity's own (canonical) name."""

    entity: Named
    folded: str
    content: frozenset[str]
    own: bool


class NameIndex:
    """Lookups and autocomplete over the names of the entities of one base state.

    The words of the lengths a typo may have are read once per base state and kept (a
    typed word of seven letters needs those of six to eight); everything else is read
    for the words typed.
    """

    def __init__(
        self,
        read: Reads,
        many_words: int = MANY_WORDS,
        rank_pages: Sequence[int] = RANK_PAGES,
    ) -> None:
        """``many_words`` and ``rank_pages``: when and how ``complete`` reads the most cited
        entities rather than every name a prefix begins (the answers are the same)."""
        self._read = read
        self._many_words = many_words
        self._rank_pages = rank_pages
        self._by_length: dict[int, list[str]] = {}
        self._lock = threading.Lock()

    # -- lookups ----------------------------------------------------------------------------

    def match(self, text: str) -> list[Match]:
        """Every entity with a name sharing a word with ``text``, best first."""
        return self._match(text)[0]

    def _match(self, text: str) -> tuple[list[Match], dict[int, str]]:
        """``match``, and the folded own name of the matched entities whose own name was
        among the names that matched."""
        typed = fold(text).split()
        query = [w for w in typed if w not in KEY_STOPWORDS] or typed
        levels = [self._word_levels(word) for word in query]
        best: dict[int, Match] = {}
        own: dict[int, str] = {}
        for form in self._forms_with({word for found in levels for word in found}):
            entity = form.entity
            if form.own:
                own[entity.id] = form.folded
            score, exact = _score(query, levels, form.content, entity.type == "PERSON")
            known = best.get(entity.id)
            if score > 0 and (known is None or (score, exact) > (known.score, known.exact)):
                best[entity.id] = Match(entity, score, exact)
        ranked = sorted(best.values(), key=lambda m: (-m.score, -m.entity.articles, m.entity.name))
        return ranked, own

    def resolve(self, text: str) -> Resolution:
        """The one entity ``text`` names, or the tied candidates, or suggestions.

        The full name of exactly one entity, of more than one word, is that entity
        whatever else the words fit (below), so it is answered without the fuzzy search.
        """
        typed = fold(text)
        if " " in typed and len(owners := self._read.entities_named(typed)) == 1:
            return Resolution(Match(Named(*owners[0]), _EXACT, True), [], [])
        matches, own = self._match(text)
        if not matches or matches[0].score < ACCEPT:
            return Resolution(None, [], self._suggest(text, matches))
        named = [m for m in matches if own.get(m.entity.id) == typed and m.exact]
        if len(named) == 1:
            meant = self._meant_by(named[0], typed, matches)
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

    def _meant_by(self, lone: Match, folded: str, matches: list[Match]) -> Match | None:
        """The entity a lone name (``folded``, the entity's own name) most likely means,
        when the base keeps that name as an entity of its own (a surname or an acronym no
        article joined to a full name): a person, or a body for an acronym, that the
        articles call by the name as written, named in ``SHORT_LEAD`` times as many
        articles as the lone name and ``CLEAR_LEAD`` times the next such entity. The
        answer names the others."""
        kinds = _MEANT.get(lone.entity.type, ())
        if not kinds or " " in folded:
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
            return self._most_cited(limit)
        *head, last = typed.split()
        head = sorted(set(head))
        many = self._many_words
        if not head and self._read.name_word_count(last, many) >= many:
            found = self._complete_most_cited(typed, limit)
            if found is not None:
                return found
        tiers: dict[int, int] = {}
        entities: dict[int, Named] = {}
        for form in self._forms(self._read.names_starting_with(last, head, NAME_SHARE)):
            tier = 0 if form.folded.startswith(typed) else 1
            tiers[form.entity.id] = min(tier, tiers.get(form.entity.id, tier))
            entities[form.entity.id] = form.entity
        if len(tiers) < limit:
            for found_entity in self.match(partial):
                if found_entity.score >= SUGGEST:
                    tiers.setdefault(found_entity.entity.id, 2)
                    entities.setdefault(found_entity.entity.id, found_entity.entity)
        ranked = sorted(tiers, key=lambda e: (tiers[e], -entities[e].articles, entities[e].name))
        return _unique((_choice(entities[e].name) for e in ranked), limit)

    def _complete_most_cited(self, typed: str, limit: int) -> list[str] | None:
        """``complete`` for one short word that begins words of many names ("s", "jo"): the
        most cited entities are read in turn, a page at a time, until ``limit`` of them
        have a name beginning with the text; those are the answer (they come first, the
        most cited first). None if the pages read hold too few."""
        first: list[str] = []
        offset = 0
        for size in self._rank_pages:
            page = self._read.ranked_entities(size, offset)
            rows = self._read.names_starting_with(
                typed, [], NAME_SHARE, [row["id"] for row in page]
            )
            beginning = {f.entity.id for f in self._forms(rows) if f.folded.startswith(typed)}
            names = (_choice(row["name"]) for row in page if row["id"] in beginning)
            first = _unique([*first, *names], limit)
            if len(first) == limit:
                return first
            if len(page) < size:
                break
            offset += size
        return None

    def _most_cited(self, limit: int) -> list[str]:
        """The names of the entities named in the most articles, ``limit`` of them once
        shortened for a list of choices (two long names may shorten alike)."""
        names: list[str] = []
        offset = 0
        while len(names) < limit:
            page = self._read.ranked_entities(limit, offset)
            names = _unique([*names, *(_choice(row["name"]) for row in page)], limit)
            if len(page) < limit:
                break
            offset += limit
        return names

    # -- parts ------------------------------------------------------------------------------

    def _forms_with(self, words: set[str]) -> list[_Form]:
        """The names of entities holding any of ``words``."""
        return self._forms(self._read.names_with_words(words, NAME_SHARE)) if words else []

    @staticmethod
    def _forms(rows: Iterable[Row]) -> list[_Form]:
        """The names read (``Reads.names_with_words``), once for each entity and folded
        spelling."""
        forms: dict[tuple[int, str], _Form] = {}
        for entity_id, name, entity_type, articles, folded, own in rows:
            known = forms.get((entity_id, folded))
            if known is None or (own and not known.own):
                typed = folded.split()
                content = frozenset(w for w in typed if w not in KEY_STOPWORDS) or frozenset(typed)
                entity = Named(entity_id, name, entity_type, articles)
                forms[entity_id, folded] = _Form(entity, folded, content, bool(own))
        return list(forms.values())

    def _word_levels(self, word: str) -> dict[str, float]:
        """Words of known names that ``word`` may stand for, each with how well it does."""
        found: dict[str, float] = {}
        rest = word[2:]
        glued = word.startswith(_GLUED_PARTICLES) and len(rest) >= 3
        known = self._read.known_name_words([word, rest] if glued else [word])
        if word in known:
            found[word] = _EXACT
        if len(word) >= 4:
            # Folded words hold only [0-9a-z], and "{" sorts after "z".
            for longer in self._read.name_words_between(word, word + "{"):
                found.setdefault(longer, _PREFIX)
        edits = _max_edits(word)
        if edits:
            near = self._words_of_length(len(word) - edits, len(word) + edits)
            for alike, distance, _ in process.extract(
                word, near, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                short_swap = len(word) == 4 and len(alike) == 4
                if distance and not short_swap:
                    found[alike] = max(found.get(alike, 0.0), _TYPO[distance])
        if glued and rest in known:
            found[rest] = max(found.get(rest, 0.0), _GLUED)
        return found

    def _words_of_length(self, shortest: int, longest: int) -> list[str]:
        """The words of names of ``shortest`` to ``longest`` letters, shortest first, read
        once per base state."""
        wanted = range(max(shortest, 1), longest + 1)
        with self._lock:
            missing = [length for length in wanted if length not in self._by_length]
            if missing:
                read: dict[int, list[str]] = {length: [] for length in missing}
                for length, word in self._read.name_words_of_length(min(missing), max(missing)):
                    if length in read:
                        read[length].append(word)
                self._by_length.update(read)
            return [word for length in wanted for word in self._by_length[length]]

    def _suggest(self, text: str, matches: list[Match]) -> list[str]:
        """Names close to ``text``: ones sharing a word with it, then ones alike in spelling;
        never a name of one character ("G" for "GNU" is no suggestion).

        Names alike in spelling are looked for among the entities with a name holding a
        word like a typed word (``_alike``), not among every name of the base."""
        near = [m.entity.name for m in matches if m.score >= SUGGEST]
        typed = fold(text)
        alike_words = {word for typed_word in typed.split() for word in self._alike(typed_word)}
        entities = {m.entity.id: m.entity for m in matches}
        entities.update((f.entity.id, f.entity) for f in self._forms_with(alike_words))
        own = self._read.own_names_folded(entities)
        alike = process.extract(
            typed,
            {entity_id: own[entity_id] for entity_id in sorted(own)},  # equals: the oldest first
            scorer=fuzz.WRatio,
            score_cutoff=SUGGEST_RATIO,
            limit=MAX_SUGGESTIONS,
        )
        near.extend(entities[key].name for _, _, key in alike)
        return _unique((n for n in near if len(fold(n)) >= MIN_SUGGESTED), MAX_SUGGESTIONS)

    def _alike(self, word: str) -> set[str]:
        """Words of names like ``word`` in spelling, for suggestions: as long give or take
        ``SUGGEST_EDITS`` letters and ``SUGGEST_RATIO`` alike, and (for a word of three
        letters or more) the shortest words it begins; ``SUGGEST_WORDS`` of each at most."""
        near = self._words_of_length(len(word) - SUGGEST_EDITS, len(word) + SUGGEST_EDITS)
        found = {
            alike
            for alike, _, _ in process.extract(
                word, near, scorer=fuzz.ratio, score_cutoff=SUGGEST_RATIO, limit=SUGGEST_WORDS
            )
        }
        if len(word) >= MIN_SUGGEST_PREFIX:
            longer = self._read.name_words_between(word, word + "{")
            found.update(sorted(longer, key=lambda w: (len(w), w))[:SUGGEST_WORDS])
        return found


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
    """The store's name index, made afresh when the base has changed since it was made
    (what it keeps, the words by length, may no longer be those of the base).

    ``PRAGMA data_version`` changes when another connection (the indexer) commits, and the
    connection's ``total_changes`` when this one writes; together they say when.
    """
    with _LOCK:
        version = store.read.base_version()
        cached = _CACHE.get(store)
        if cached is None or cached[0] != version:
            cached = (version, NameIndex(store.read))
            _CACHE[store] = cached
        return cached[1]
