"""Joining forms into entities: blocking, comparison, then a union-find with cannot-links.

Forms meet only when they share a blocking key (``Profile.blocking_keys``), so the work
grows with the size of the blocks, not of the base. Pairs the rules call the same are merged
surest first, then the better attested; a merge that would put two forms some rule calls
different into one entity is refused. Short forms come last: a lone surname or acronym
joins the one entity it fits, or the one that outweighs every other it fits ``LEAD`` times
over (by articles); otherwise it stays an entity of its own. Every order here is by the
forms' keys and counts, never by their ids, so the outcome does not depend on the order in
which articles arrived.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from bot.identity.profile import FormData, Profile
from bot.identity.rules import different, same, short_form
from bot.textnorm import KEY_STOPWORDS, fold, name_words

# How many times more articles the leading entity a short form fits must have than the next.
LEAD = 3
# A type's votes are its mentions; OTHER wins only when no article gave a specific type.
_TYPE_ORDER = ("PERSON", "GPE", "ORG", "NORP")


@dataclass(frozen=True, slots=True)
class Cluster:
    """One entity: its forms (by id), canonical name, type and how many articles name it."""

    forms: tuple[int, ...]
    name: str
    type: str
    articles: int


class _Groups:
    """Union-find over profiles that refuses merges joining two forms called different."""

    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        self.parent = list(range(len(profiles)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(profiles))}
        self.articles = {i: p.form.articles for i, p in enumerate(profiles)}
        self._different: dict[tuple[int, int], bool] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_merge(self, a: int, b: int) -> bool:
        return not any(self._differ(x, y) for x in self.members[a] for y in self.members[b])

    def merge(self, a: int, b: int) -> bool:
        """Merge the groups of ``a`` and ``b`` unless a cannot-link forbids it."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return True
        if not self.can_merge(a, b):
            return False
        keep, gone = sorted((a, b))
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.articles[keep] += self.articles.pop(gone)
        return True

    def _differ(self, x: int, y: int) -> bool:
        pair = (x, y) if x < y else (y, x)
        if pair not in self._different:
            self._different[pair] = different(self.profiles[x], self.profiles[y])
        return self._different[pair]


def resolve(forms: Iterable[FormData]) -> list[Cluster]:
    """The entities that ``forms`` make up, each with its canonical name and type."""
    profiles = sorted((Profile(f) for f in forms), key=lambda p: (p.form.key, p.form.type))
    groups = _Groups(profiles)
    merges: list[tuple[int, int, int, int]] = []
    shorts: dict[int, set[int]] = defaultdict(set)
    for i, j in _candidates(profiles):
        a, b = profiles[i], profiles[j]
        verdict = same(a, b)
        if verdict is not None:
            merges.append((verdict.level, -(a.form.articles + b.form.articles), i, j))
            continue
        if short_form(a, b):
            shorts[i].add(j)
        if short_form(b, a):
            shorts[j].add(i)
    for _, _, i, j in sorted(merges):
        groups.merge(i, j)
    _attach_short_forms(groups, shorts)
    return sorted(
        (_cluster([profiles[i] for i in members]) for members in groups.members.values()),
        key=lambda c: c.forms,
    )


def _candidates(profiles: list[Profile]) -> list[tuple[int, int]]:
    """Pairs of profiles that share a blocking key, each once, in a fixed order."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for key in profile.blocking_keys():
            blocks[key].append(index)
    pairs = {pair for members in blocks.values() for pair in combinations(members, 2)}
    return sorted(pairs)


def _attach_short_forms(groups: _Groups, shorts: dict[int, set[int]]) -> None:
    """Join each short form to the entity it names, when that is clear."""
    profiles = groups.profiles
    order = sorted(shorts, key=lambda i: (-profiles[i].form.articles, i))
    for i in order:
        own = groups.find(i)
        if any(not profiles[m].single and m not in shorts for m in groups.members[own]):
            continue  # its entity has a full name of its own
        fits = {groups.find(j) for j in shorts[i]} - {own}
        fits = {c for c in fits if groups.can_merge(own, c)}
        if not fits:
            continue
        ranked = sorted(fits, key=lambda c: (-groups.articles[c], c))
        lead = groups.articles[ranked[0]]
        if len(ranked) == 1 or lead >= LEAD * groups.articles[ranked[1]]:
            groups.merge(own, ranked[0])


def _cluster(members: list[Profile]) -> Cluster:
    return Cluster(
        forms=tuple(sorted(p.form.id for p in members)),
        name=canonical_name(members),
        type=_type(members),
        articles=sum(p.form.articles for p in members),
    )


def canonical_name(members: list[Profile]) -> str:
    """The full name (two words or more) most articles use as their fullest; among equals,
    the one the entity's acronym stands for ("Government of National Unity" for NUG), then
    the spelling that keeps its accents."""
    uses: dict[str, int] = defaultdict(int)
    for profile in members:
        for name, count, fullest in profile.form.names:
            if fullest:
                uses[name] += count
    if not uses:
        return members[0].display
    acronyms = {a for p in members for a in p.acronyms}
    return max(
        uses,
        key=lambda n: (
            len(name_words(n)) >= 2,
            uses[n],
            _initials(n) in acronyms,
            sum(ord(c) > 127 for c in n),
            n,
        ),
    )


def _initials(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in KEY_STOPWORDS)


def _type(members: list[Profile]) -> str:
    """The type most mentions carry; OTHER only when nothing specific was said."""
    votes: dict[str, int] = defaultdict(int)
    for profile in members:
        votes[profile.form.type] += max(profile.form.mentions, 1)
    specific = [t for t in _TYPE_ORDER if votes.get(t)]
    if not specific:
        return "OTHER"
    return max(specific, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))
