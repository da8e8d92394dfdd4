"""A form of a name, and everything the comparison rules ask of it, worked out once.

A *form* is one name as the articles give it, with one type: every article entity whose
fullest name folds to the same key and whose article typed it the same way is the same
form ("Jim Halvorsen" as a PERSON). The resolver joins forms into entities; what it needs of a
form (the name taken apart, its acronyms, the country in a body's name, sound codes) is
computed here, once per form and run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from bot.extract.lexicon import first_name
from bot.identity.names import PersonName, given_keys, parse_person, skeleton, sound
from bot.identity.places import country_of, place_of
from bot.textnorm import (
    KEY_STOPWORDS,
    NAME_PARTICLES,
    fold,
    name_key,
    name_words,
    spell,
    spells_acronym,
)

T = TypeVar("T")
# What a spelling of a form is to the articles using it (``FormData.names``).
ALIAS, FULLEST, DECLARED = 0, 1, 2
# Type families: a body and a place are often confused by single articles ("the Harbour League",
# "the Kremlin"); a person and a place or people never are the same thing.
PERSON, PLACE, BODY, ANY = "person", "place", "body", "any"
FAMILIES = {"PERSON": PERSON, "GPE": PLACE, "NORP": PLACE, "ORG": BODY, "OTHER": ANY}
# How many co-mentioned names of each form are compared for evidence.
CONTEXT_WORDS = 40
# The names around a form: each name's key, with whether an article typed it a person.
Around = tuple[tuple[str, bool], ...]
# Shorter sound codes and initials than these are shared by too many unrelated names to
# block on ("L" for Lee, Lowe and Li).
MIN_SOUND = 3
# Last words of a body's name that some articles leave out: "X Agency" is "X".
GENERIC_HEADS = frozenset({"agency", "department", "office", "bureau", "service"})
MIN_INITIALS = 3
# A lone word with a sound code too short to block on ("KT") meets its respellings under
# its skeleton instead, from this many letters.
MIN_SKELETON = 4


@dataclass(frozen=True, slots=True)
class FormData:
    """One form as the store keeps it.

    ``names`` are the spellings the articles used for it, with how many articles used each
    and as what (``FULLEST``: their fullest name; ``ALIAS``: a short form or acronym they
    also used; ``DECLARED``: a name they said is the same one, "also known as");
    ``context`` the keys of the names most often mentioned alongside it, most first (each
    with whether it names a person), or
    None when the profile is to ask its ``context_source`` (the store reads it only for the
    few forms a rule asks about).
    """

    id: int
    key: str
    type: str
    articles: int
    mentions: int
    names: tuple[tuple[str, int, int], ...]
    context: Around | None = ()


_SERIALS = itertools.count()


@dataclass(eq=False)
class Profile:
    """A form with its derived traits (computed lazily, each once), and what the rules
    said of it and each form it met, kept while neither changes."""

    form: FormData
    context_source: Callable[[int], Around] | None = None
    serial: int = field(default_factory=lambda: next(_SERIALS))
    memo: dict[tuple[int, str], tuple[int, Any]] = field(default_factory=dict)
    outvoted: bool = False

    def remembered(self, other: Profile, kind: str, work: Callable[[], T]) -> T:
        """What ``work`` says of this form and ``other``: worked out once, and again only
        when ``other`` has a new profile (its form changed; a changed form of this one gets
        a new profile, with an empty memo)."""
        key = (other.form.id, kind)
        hit = self.memo.get(key)
        if hit is not None and hit[0] == other.serial:
            return hit[1]
        value = work()
        self.memo[key] = (other.serial, value)
        return value

    @cached_property
    def display(self) -> str:
        """The spelling most articles used as their fullest name for this form."""
        full = [(uses, name) for name, uses, kind in self.form.names if kind == FULLEST]
        pool = full or [(uses, name) for name, uses, _ in self.form.names] or [(0, self.form.key)]
        return max(pool, key=lambda p: (p[0], -len(p[1]), p[1]))[1]

    @cached_property
    def family(self) -> str:
        """What kind of thing the form's type says it is; none for a form whose type the
        other forms of its name outvote (``resolve`` marks it ``outvoted``)."""
        return ANY if self.outvoted else FAMILIES.get(self.form.type, ANY)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return name_words(self.display)

    @cached_property
    def single(self) -> bool:
        return len(self.form.key.split()) == 1

    @cached_property
    def person(self) -> PersonName | None:
        """The name taken apart, for a person or for a lone word that may be a surname."""
        if self.family in (PERSON, ANY) or (self.single and self.family == BODY):
            return parse_person(self.display)
        return None

    @cached_property
    def declared(self) -> dict[str, int]:
        """Keys of the names articles declared to be this form's ("also known as"), each
        with how many articles declared it."""
        found: dict[str, int] = {}
        for name, uses, kind in self.form.names:
            key = name_key(name)
            if kind == DECLARED and key:
                found[key] = found.get(key, 0) + uses
        return found

    @cached_property
    def acronyms(self) -> frozenset[str]:
        """Acronyms the articles used for this form ("gnu"), its own key if it is one."""
        found = {
            fold(name).replace(" ", "") for name, _, _ in self.form.names if spells_acronym(name)
        }
        return frozenset(found)

    @cached_property
    def person_initials(self) -> frozenset[str]:
        """What a person's name spells, particles with it or without ("abq" and "aq" for
        "Ahmed bin Qasri"): initials others may call the person by."""
        words = fold(self.display).split()
        return frozenset({spell(words), spell(words, NAME_PARTICLES)})

    @cached_property
    def initials(self) -> frozenset[str]:
        """What a body's names spell: "gnu" for "Government of National Unity", with and
        without its small words ("scus" and "scotus" for "Supreme Court of the United
        States") and with its particles alone ("aqh" for "al-Qarni in the Highlands"), for
        every spelling articles gave in full; none for a person or a lone word."""
        if self.single or self.family == PERSON:
            return frozenset()
        spelled: set[str] = set()
        for name, _, kind in self.form.names:
            if kind == FULLEST or name == self.display:
                words = fold(name).split()
                spelled.add(spell(words, KEY_STOPWORDS))
                spelled.add(spell(words, NAME_PARTICLES))
                spelled.add(spell(words, KEY_STOPWORDS - NAME_PARTICLES))
        return frozenset(s for s in spelled if len(s) >= 2)

    @cached_property
    def _core_and_places(self) -> tuple[str, frozenset[str], str]:
        words = list(self.words)
        countries: set[str] = set()
        rest: list[str] = []
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                country = country_of(" ".join(words[i : i + n]))
                if i + n <= len(words) and country:
                    countries.add(country)
                    i += n
                    break
            else:
                rest.append(words[i])
                i += 1
        loose = rest[:-1] if len(rest) > 3 and rest[-1] in GENERIC_HEADS else rest
        return " ".join(sorted(rest)), frozenset(countries), " ".join(sorted(loose))

    @property
    def core(self) -> str:
        """A body's key without the countries in its name: "U.S. Department of Justice" and
        "Justice Department" share "department justice"."""
        return self._core_and_places[0]

    @property
    def loose_core(self) -> str:
        """The core without a last generic word when three words remain: "Water and Customs
        Enforcement Agency" is "Water and Customs Enforcement"."""
        return self._core_and_places[2]

    @property
    def countries(self) -> frozenset[str]:
        """The countries a body's name places it in ("U.S." and "American" are one)."""
        return self._core_and_places[1]

    @cached_property
    def singular(self) -> str:
        """The name's words, each without a plural's "s": "harbour guard" for "Harbour
        Guards"."""
        return " ".join(sorted(_singular(w) for w in self.words))

    @cached_property
    def place(self) -> str:
        """The gazetteer's code for the place this form names ("Bombay" and "Mumbai" one
        city), for a form typed a place or left untyped; else ""."""
        return place_of(self.display) if self.form.type in ("GPE", "OTHER") else ""

    @cached_property
    def sounds(self) -> tuple[str, ...]:
        """Sound codes of the name's words of three letters or more, in order."""
        return tuple(sound(w) for w in self.words if len(w) >= 3)

    @cached_property
    def around(self) -> Around:
        found = self.form.context
        if found is None:
            found = self.context_source(self.form.id) if self.context_source else ()
        return found[:CONTEXT_WORDS]

    @cached_property
    def context(self) -> frozenset[str]:
        """Keys of the names most often mentioned alongside this form."""
        return frozenset(key for key, _ in self.around)

    @cached_property
    def people_around(self) -> frozenset[str]:
        """Keys of the people most often mentioned alongside this form: what tells two
        people of one name apart better than the places and peoples every story names."""
        return frozenset(key for key, person in self.around if person)

    @cached_property
    def blocking_keys(self) -> frozenset[str]:
        """Cheap keys under which forms that may be one entity meet: the rules compare
        only forms that share one. Each must be specific (a surname, a name's sound codes,
        a body's name without its country, an acronym of three letters or one the articles
        define): a key that many unrelated forms share would make every settlement resolve
        a large part of the base."""
        keys = {f"k:{self.form.key}"}
        if self.single:
            keys.add(f"w:{self.form.key}")
            code = sound(self.form.key)
            if len(code) >= MIN_SOUND:
                keys.add(f"s:{code}")
            elif len(self.form.key) >= MIN_SKELETON:
                keys.add(f"v:{skeleton(self.form.key)}")
        elif self.family == PERSON and self.person:
            keys.update(self._surname_keys)
            keys.update(f"a:{i}" for i in self.person_initials if len(i) >= MIN_INITIALS)
            if len("".join(self.sounds)) >= MIN_SOUND:
                keys.add(f"p:{' '.join(self.sounds)}")
        else:
            if self.family == ANY and self.person and first_name(self.person.given):
                keys.update(self._surname_keys)  # untyped, but a person's name
            if self.core:
                keys.add(f"c:{self.core}")
                keys.add(f"c:{self.loose_core}")
            if len("".join(self.sounds)) >= MIN_SOUND:
                keys.add(f"p:{' '.join(self.sounds)}")
            keys.update(f"a:{i}" for i in self.initials if len(i) >= MIN_INITIALS)
        if self.place:
            keys.add(f"g:{self.place}")
        if self.family in (BODY, PLACE):
            keys.add(f"n:{self.singular}")
        keys.update(f"a:{acronym}" for acronym in self.acronyms)
        keys.update(f"k:{declared}" for declared in self.declared)
        return frozenset(keys)

    @cached_property
    def _surname_keys(self) -> frozenset[str]:
        """Where a person's name of several words meets others of its surname. A name
        with an initial for its given name ("A. Quill") meets them all, as the lone
        surname does (``w:``); a full name meets those two (``m:``, see ``meeting``) and
        the full names whose given names may fit its own (``f:``: the same name, sound or
        formal name, or a middle name it may go by). A surname two thousand people bear
        would otherwise make two million pairs to compare."""
        person = self.person
        assert person is not None
        if len(person.given) <= 1:
            return frozenset({f"w:{person.surname}"})
        fitting = given_keys(person.given).union(m for m in person.middles if len(m) > 1)
        return frozenset({f"m:{person.surname}", *(f"f:{person.surname} {g}" for g in fitting)})


def is_hub(key: str) -> bool:
    """Whether holders of ``key`` (a lone surname, an initialled name) meet forms that do
    not meet each other (the full names of the surname): a hub chooses among all of them,
    so all are resolved with it."""
    return key.startswith("w:")


def meeting(key: str) -> tuple[str, ...]:
    """The keys whose holders a holder of ``key`` is compared with: its own, but a full
    name's surname key (``m:``) meets only the lone surname and initialled names (``w:``),
    which meet both."""
    kind, _, rest = key.partition(":")
    if is_hub(key):
        return (key, f"m:{rest}")
    if kind == "m":
        return (f"w:{rest}",)
    return (key,)


def met_by(keys: Iterable[str]) -> set[str]:
    """Every key whose holders the holders of ``keys`` meet (``meeting``)."""
    return {met for key in keys for met in meeting(key)}


# English nouns that end in "s" without being plurals: "News" is not many a "New".
_NOT_PLURALS = frozenset(
    """news series species means politics economics physics athletics mathematics ethics
    headquarters crossroads gallows diabetes measles mumps""".split()
)


def _singular(word: str) -> str:
    """A word without a plural's "s" ("guards", not "boss", "bus" or "news")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss") or word in _NOT_PLURALS:
        return word
    return word[:-1]
