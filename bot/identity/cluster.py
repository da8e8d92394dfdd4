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

from bot.identity.profile import FULLEST, FormData, Profile, meeting
from bot.identity.rules import (
    MINOR,
    PARTIAL_RULES,
    RESPELLED_RULES,
    WEIGHED,
    Same,
    alike_in_sound_only,
    covers,
    different,
    same,
    short_form,
    weighed,
)
from bot.textnorm import KEY_STOPWORDS, fold, name_words

# How many times more articles the leading entity a short form fits must have than the next.
LEAD = 3
# A form in fewer than ``MINOR`` articles, and in fewer than one in ``STRAY`` of its
# entity's, vetoes no merge of it.
STRAY = 20
# The least share of the most used name's uses that a name needs to be an entity's name.
COMMON_NAME = 0.2
# A type's votes are the articles that give it (an article repeating a name, or a page of
# captions, outvotes no other), in the order ties are broken.
_TYPE_ORDER = ("PERSON", "GPE", "ORG", "NORP")
# How many times the articles that gave no type must outnumber the best specific type's
# before the entity stays untyped: a few headlines' "Pentagon says" make it no person.
UNTYPED_LEAD = 4


@dataclass(frozen=True, slots=True)
class Cluster:
    """One entity: its forms (by id), canonical name, type and how many articles name it.

    ``settled``: no decision that made it depended on the forms' counts (no short form
    chose between entities by weight, no merge was refused because a rival one came first),
    so while its forms' names stay the same, new counts change only its name, type and
    article count, never which forms it holds.
    """

    forms: tuple[int, ...]
    name: str
    type: str
    articles: int
    settled: bool = True


class _Groups:
    """Union-find over one component's profiles that refuses merges joining two forms
    called different, and notes whether any decision depended on counts."""

    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        self.parent = list(range(len(profiles)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(profiles))}
        self.articles = {i: p.form.articles for i, p in enumerate(profiles)}
        self.settled = True

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_merge(self, a: int, b: int) -> bool:
        """Whether no form of group ``a`` is called different from one of group ``b``,
        unless a fuller name in either covers both ("Ada Ortiz" and "Lena Ortiz" beside
        "Ada Lena Ortiz"), or one of the two is a stray in its group (``STRAY``)."""
        union = self.members[a] + self.members[b]
        return not any(
            self._differ(x, y) and not self._covered(x, y, union)
            for x in self._weighty(a)
            for y in self._weighty(b)
        )

    def _weighty(self, group: int) -> list[int]:
        """The forms of a group that may veto a merge: not the strays a big entity took in
        (a form in one article of a thousand, a share button's words run into a name)."""
        members, total = self.members[group], self.articles[group]
        heaviest = max(members, key=lambda m: self.profiles[m].form.articles)
        return [m for m in members if not self._stray(m, total) or m == heaviest]

    def _stray(self, member: int, total: int) -> bool:
        articles = self.profiles[member].form.articles
        return articles < MINOR and STRAY * articles <= total

    def _covered(self, x: int, y: int, union: list[int]) -> bool:
        def covering(z: int, part: int) -> bool:
            full, short = self.profiles[z], self.profiles[part]
            return full.remembered(short, "covers", lambda: covers(full, short))

        # A cover named far less often than either part ("A. B. C. Ortiz", once) proves
        # nothing of them.
        least = min(self.profiles[x].form.articles, self.profiles[y].form.articles)
        return any(
            covering(z, x) and covering(z, y)
            for z in union
            if z not in (x, y) and LEAD * self.profiles[z].form.articles >= least
        )

    def merge(self, a: int, b: int) -> bool:
        """Merge the groups of ``a`` and ``b`` unless a cannot-link forbids it."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return True
        if not self.can_merge(a, b):
            self.settled = False  # which of two rival merges wins went by weight
            return False
        keep, gone = sorted((a, b))
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.articles[keep] += self.articles.pop(gone)
        return True

    def weighs(self, rule: str, x: int, y: int) -> bool:
        """Whether the counts of the entities now holding ``x`` and ``y`` allow what
        ``rule`` said of the two."""
        na, nb = self.articles[self.find(x)], self.articles[self.find(y)]
        return weighed(rule, self.profiles[x], self.profiles[y], na, nb)

    def _differ(self, x: int, y: int) -> bool:
        a, b = _ordered(self.profiles[x], self.profiles[y])
        return a.remembered(b, "different", lambda: different(a, b)) or alike_in_sound_only(a, b)


def resolve(forms: Iterable[FormData | Profile]) -> list[Cluster]:
    """The entities that ``forms`` make up, each with its canonical name and type. (A
    caller that keeps forms' profiles between calls passes them, to reuse what they
    worked out.) Forms that share no blocking key, even through others, never meet, so
    each such component is resolved on its own."""
    profiles = _voted(
        sorted(
            (f if isinstance(f, Profile) else Profile(f) for f in forms),
            key=lambda p: (p.form.key, p.form.type),
        )
    )
    pairs = _candidates(profiles)
    components = _components(len(profiles), pairs)
    where = {
        index: (n, local) for n, part in enumerate(components) for local, index in enumerate(part)
    }
    inside: list[list[tuple[int, int]]] = [[] for _ in components]
    for i, j in pairs:
        part, a = where[i]
        inside[part].append((a, where[j][1]))
    clusters: list[Cluster] = []
    for n, part in enumerate(components):
        clusters += _resolve_component([profiles[i] for i in part], inside[n])
    return sorted(clusters, key=lambda c: c.forms)


def _voted(profiles: list[Profile]) -> list[Profile]:
    """``profiles`` with each place or body form of a name that articles mostly call a
    person marked ``outvoted`` (as a new profile): one article that took a surname for a
    town must not keep the name from its person. (A person's form is never outvoted: a
    surname that is also a country's name may still be a person's.)"""
    people: dict[str, int] = defaultdict(int)
    for profile in profiles:
        if profile.form.type == "PERSON":
            people[profile.form.key] += profile.form.articles
    return [
        Profile(p.form, p.context_source, outvoted=True)
        if p.form.type in ("GPE", "ORG", "NORP")
        and LEAD * p.form.articles <= people.get(p.form.key, 0)
        and not p.outvoted
        else p
        for p in profiles
    ]


def _resolve_component(profiles: list[Profile], pairs: list[tuple[int, int]]) -> list[Cluster]:
    groups = _Groups(profiles)
    merges: list[tuple[int, int, int, int, str]] = []
    shorts: dict[int, dict[int, str]] = defaultdict(dict)
    for i, j in pairs:
        a, b = profiles[i], profiles[j]
        verdict, a_of_b, b_of_a = _said(a, b)
        if not {verdict.rule if verdict else None, a_of_b, b_of_a}.isdisjoint(WEIGHED):
            groups.settled = False  # what joins the two may change with the counts
        if verdict is not None:
            merges.append((verdict.level, -(a.form.articles + b.form.articles), i, j, verdict.rule))
        # A short form is weighed as one even where a verdict would join the two: the
        # counts may not allow that verdict, and the short form fits others too.
        if a_of_b:
            shorts[i][j] = a_of_b
        if b_of_a:
            shorts[j][i] = b_of_a
    for _, _, i, j, rule in sorted(merges):
        if _doubtful(rule, shorts, i, j):
            continue
        if groups.weighs(rule, i, j):
            groups.merge(i, j)
    _attach_short_forms(groups, shorts)
    return [
        _cluster([profiles[i] for i in members], groups.settled)
        for members in groups.members.values()
    ]


def _doubtful(rule: str, shorts: dict[int, dict[int, str]], i: int, j: int) -> bool:
    """A name declared another's that is, as written, the surname of a third person is
    that person's: 'Ada "Quill" Ortiz' mocks Ortiz with Quill's name, it does not make
    Quill a name of hers. The short form then goes where the surname leads."""
    return rule == "declared_same" and any(
        how == "surname_of" and other not in (i, j)
        for side in (i, j)
        for other, how in shorts.get(side, {}).items()
    )


def _ordered(a: Profile, b: Profile) -> tuple[Profile, Profile]:
    return (a, b) if a.form.id <= b.form.id else (b, a)


def _said(a: Profile, b: Profile) -> tuple[Same | None, str | None, str | None]:
    """What the rules say of ``a`` and ``b`` (same; ``a`` short for ``b``; ``b`` for
    ``a``), remembered while neither form's names change."""
    first, second = _ordered(a, b)
    found = first.remembered(
        second,
        "relation",
        lambda: (same(first, second), short_form(first, second), short_form(second, first)),
    )
    return found if first is a else (found[0], found[2], found[1])


def related(a: Profile, b: Profile) -> bool:
    """Whether a rule calls ``a`` and ``b`` the same or one a short form of the other. A
    form related to none of the forms it shares a blocking key with is an entity of its
    own, whatever those forms make: it joins none of them and changes no choice of theirs."""
    verdict, a_of_b, b_of_a = _said(a, b)
    return verdict is not None or a_of_b is not None or b_of_a is not None


def _candidates(profiles: list[Profile]) -> list[tuple[int, int]]:
    """Pairs of profiles that meet under a blocking key (``meeting``), each once, in a
    fixed order."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for key in profile.blocking_keys:
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        for other in meeting(key):
            if other == key:
                pairs.update(combinations(members, 2))
            else:
                pairs.update(
                    (min(i, j), max(i, j)) for i in members for j in blocks.get(other, ()) if i != j
                )
    return sorted(pairs)


def _components(count: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The connected parts of the candidate graph, each as sorted indexes."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        parts[find(i)].append(i)
    return list(parts.values())


def _attach_short_forms(groups: _Groups, shorts: dict[int, dict[int, str]]) -> None:
    """Join each short form to the entity it names, when that is clear: the only entity it
    fits, or one that outweighs the others ``LEAD`` times. A partial name that fits one
    fuller name only, or whose own entity outweighs the fuller ones it fits, takes them in
    instead ("Ada Ortiz", named in a hundred articles, and "Ada M. Ortiz", in two)."""
    profiles = groups.profiles
    short_keys = {profiles[i].form.key for i in shorts}
    order = sorted(shorts, key=lambda i: (-profiles[i].form.articles, i))
    for i in order:
        own = groups.find(i)
        # A name that is someone's surname as written is never a respelling of another's.
        fits_as_written = [j for j in shorts[i] if shorts[i][j] not in RESPELLED_RULES]
        chosen = fits_as_written or list(shorts[i])
        candidates = {groups.find(j) for j in chosen if groups.weighs(shorts[i][j], i, j)}
        candidates -= {own}
        fits = {c for c in candidates if groups.can_merge(own, c)}
        if len(fits) != 1 or fits != candidates:
            groups.settled = False  # the choice, or the refusal, went by weight or order
        if not fits:
            continue
        ranked = sorted(fits, key=lambda c: (-groups.articles[c], c))
        heaviest = groups.articles[ranked[0]]
        partial = all(shorts[i][j] in PARTIAL_RULES for j in shorts[i])
        if partial and (len(ranked) == 1 or groups.articles[own] >= LEAD * heaviest):
            for fit in ranked:
                groups.merge(own, fit)
            continue
        full_names = [
            m
            for m in groups.members[own]
            if not profiles[m].single and profiles[m].form.key not in short_keys
        ]
        if any(_said(profiles[i], profiles[m])[1] for m in full_names):
            continue  # it is already the short form of a full name of its own
        if LEAD * sum(profiles[m].form.articles for m in full_names) >= profiles[i].form.articles:
            continue  # its entity is mostly a full name of its own
        if len(ranked) == 1 or heaviest >= LEAD * groups.articles[ranked[1]]:
            groups.merge(own, ranked[0])


def _cluster(members: list[Profile], settled: bool = True) -> Cluster:
    kind = _type(members)
    return Cluster(
        forms=tuple(sorted(p.form.id for p in members)),
        name=canonical_name(members, kind),
        type=kind,
        articles=sum(p.form.articles for p in members),
        settled=settled,
    )


def describe(members: Iterable[FormData | Profile]) -> Cluster:
    """A cluster of forms already known to be one entity, named and typed from their
    current counts."""
    return _cluster([m if isinstance(m, Profile) else Profile(m) for m in members])


def canonical_name(members: list[Profile], kind: str = "OTHER") -> str:
    """The name most articles use as their fullest, among those used at least a
    ``COMMON_NAME`` share as often as the most used (a rare spelling, "Velmoras Harbour League", is
    never the name); for a person, a full name (two words or more) first. Among equals,
    the one the entity's acronym stands for ("Government of National Unity" for NUG), then
    the spelling that keeps its accents."""
    uses: dict[str, int] = defaultdict(int)
    for profile in members:
        for name, count, kind_of_name in profile.form.names:
            if kind_of_name == FULLEST:
                uses[name] += count
    if not uses:
        return members[0].display
    top = max(uses.values())
    common = [name for name in uses if uses[name] >= COMMON_NAME * top]
    acronyms = {a for p in members for a in p.acronyms}
    return max(
        common,
        key=lambda n: (
            kind == "PERSON" and len(name_words(n)) >= 2,
            uses[n],
            _initials(n) in acronyms,
            sum(ord(c) > 127 for c in n),
            n,
        ),
    )


def _initials(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in KEY_STOPWORDS)


def _type(members: list[Profile]) -> str:
    """The specific type most articles give, unless articles that gave no type outnumber
    it by far: a weak cue in a few articles must not type what the rest leave untyped."""
    votes: dict[str, int] = defaultdict(int)
    for profile in members:
        votes[profile.form.type] += max(profile.form.articles, 1)
    specific = [t for t in _TYPE_ORDER if votes.get(t)]
    if not specific:
        return "OTHER"
    best = max(specific, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))
    return "OTHER" if votes["OTHER"] > UNTYPED_LEAD * votes[best] else best
