"""How two spellings of a person's name relate: the name's parts, nicknames, sound-alikes.

News writes one person many ways: "James Halvorsen" and "Jim Halvorsen", "Robert S. Vindr III"
and "Bob Vindr", "Sergei Orlov" and "Sergey Orlov", "Hassan Qasemi" and "Hasan
Rowhani". These helpers take a name apart (given name, middle names, surname, generation
suffix, patronymic) and say how two given names or two words relate: the same, an initial,
a nickname of the other (from the curated ``nicknames`` tables), or only alike in sound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

import jellyfish
from nicknames import NickNamer

from bot.extract.lexicon import TITLE_WORDS
from bot.textnorm import GIVEN_NAME_PARTICLES, NAME_PARTICLES, PATRONYMICS, fold

# Generation suffixes. "Jr." and "Sr." name another member of the family ("Walter Brannigan Jr."
# is not "Walter Brannigan"); a numeral is often dropped by the same person ("Robert Vindr").
GENERATIONS = frozenset({"jr", "sr"})
NUMERALS = frozenset({"ii", "iii", "iv"})

# Letter groups that transliterations of one sound spell differently, mapped to one spelling
# before the phonetic code: Qasem/Kasem, Hadhari/Haddari, Qasouri/Qasowri, Hizballah.
_TRANSLITERATIONS = (
    ("dh", "d"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ou", "u"),
    ("ow", "u"),
    ("oo", "u"),
    ("q", "k"),
    ("ee", "i"),
    ("ey", "i"),
    ("ei", "i"),
    ("y", "i"),
    ("isation", "ization"),
)
_DOUBLE = re.compile(r"(.)\1+")
_SILENT_H = re.compile(r"(?<=[aeiou])h")
_FIRST_VOWEL = re.compile(r"^[aeiou]")


class Fit(IntEnum):
    """How well one given name stands for another, best first."""

    SAME = 0
    INITIAL = 1
    NICKNAME = 2
    SOUND = 3


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name in parts, folded: "Robert S. Vindr III" is given ("robert",),
    middles ("s",), surname "vindr", suffix "iii"."""

    given: str  # "" for a lone surname
    middles: tuple[str, ...]
    surname: str
    suffix: str = ""
    patronymic: bool = False  # the surname follows "bin"/"ibn": "bin hamdan"

    @property
    def words(self) -> int:
        return bool(self.given) + len(self.middles) + 1


def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name as written, titles run into it left out; None when it
    has no word to go by."""
    words = fold(name).split()
    suffix = ""
    while len(words) > 1 and words[-1] in GENERATIONS | NUMERALS:
        suffix = words.pop()
    while len(words) > 2 and words[0] in TITLE_WORDS:
        words.pop(0)  # "Special Counsel Ada Quill" run together: the title is no given name
    if not words:
        return None
    surname = words[-1]
    patronymic = len(words) > 2 and words[-2] in PATRONYMICS
    given = [
        w
        for k, w in enumerate(words[:-1])
        if w not in NAME_PARTICLES or (k == 0 and w in GIVEN_NAME_PARTICLES)
    ]
    if not given:
        return PersonName("", (), surname, suffix, patronymic)
    if len(given) > 1 and len(given[0]) == 1 < len(given[1]):
        # "J. Ada Ortiz" goes by her middle name: she is "Ada Ortiz", her initial a middle.
        given[0], given[1] = given[1], given[0]
    return PersonName(given[0], tuple(given[1:]), surname, suffix, patronymic)


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=65536)
def _short_for(given: str) -> frozenset[str]:
    """Every formal name ``given`` may be short for: "jim" -> {james}."""
    return frozenset(_nicknamer().canonicals_of(given))


def _nicknamed(a: str, b: str) -> bool:
    """One given name is a nickname of the other ("jim", "james"; "bob", "rob"). Two
    nicknames of a third are not ("bob" and "bill" may both be short for robert, but a Bob
    is seldom a Bill)."""
    return a in _short_for(b) or b in _short_for(a)


def given_fit(a: str, b: str) -> Fit | None:
    """How the given names ``a`` and ``b`` can be one person's, or None if they cannot.

    "j" and "james" fit as an initial; "jim" and "james", "bob" and "rob" as nicknames;
    "sergei" and "sergey" only by sound.
    """
    if a == b:
        return Fit.SAME
    if not a or not b:
        return None
    if len(a) == 1 or len(b) == 1:
        return Fit.INITIAL if a[0] == b[0] else None
    if _nicknamed(a, b):
        return Fit.NICKNAME
    if sound(a) == sound(b):
        return Fit.SOUND
    return None


def given_keys(given: str) -> frozenset[str]:
    """Keys that every given name ``given_fit`` fits to ``given`` by more than an initial
    shares with it: the name, its sound ("~" and the code), the formal names it may be
    short for (so "jim" and "james" share "james"). Full names of one surname are compared
    only when their given names share one."""
    return frozenset({given, f"~{sound(given)}", *_short_for(given)})


def middles_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names of one person: either name may leave them out, but when both give them
    they must agree word for word, an initial standing for a name ("W." is not "H. W."), a
    transliteration for another ("Abdel Fattah", "Abdel Fatah")."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(_middle_fit(x, y) for x, y in zip(a, b, strict=True))


def _middle_fit(a: str, b: str) -> bool:
    fit = given_fit(a, b)
    if fit == Fit.SOUND:
        return min(len(a), len(b)) >= 3 and (a + b).isalpha()
    return fit in (Fit.SAME, Fit.INITIAL)


def suffixes_fit(a: str, b: str) -> bool:
    """ "Jr." or "Sr." on one name only means two people of one family; numerals may be
    dropped."""
    if a == b:
        return True
    return a not in GENERATIONS and b not in GENERATIONS


@lru_cache(maxsize=65536)
def sound(word: str) -> str:
    """A phonetic code of a folded word that transliterations of one name share:
    "qasem" and "qassem", "gadhafi" and "gaddafi", "rouhani" and "rowhani", "usama" and
    "osama" (an opening vowel is any vowel), "zabihullah" and "zabiullah" (an "h" after a
    vowel is often not written). A word with digits is its own code: digits have no
    sound to share ("unit7" and "unit9" are two names)."""
    if not word.isalpha():
        return word
    spelled = _DOUBLE.sub(r"\1", _SILENT_H.sub("", _transliterated(word)))
    spelled = _FIRST_VOWEL.sub("a", spelled)
    return jellyfish.metaphone(spelled) or spelled


_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A folded word's consonants in order, each run of vowels one mark, transliterations
    folded as for ``sound``: "velmora" and "velmura" are both "v*lm*r*"."""
    return _VOWELS.sub("*", _DOUBLE.sub(r"\1", _transliterated(word)))


def _transliterated(word: str) -> str:
    """The word with each of ``_TRANSLITERATIONS`` spelled one way."""
    for group, same in _TRANSLITERATIONS:
        word = word.replace(group, same)
    return word
