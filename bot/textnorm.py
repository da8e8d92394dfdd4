"""Folding of names and words, shared by extraction, linking and lookup.

One definition of "the same name" for the whole program: accents dropped (Çelikoğlu ->
celikoglu), case folded, hyphens and apostrophes treated as spaces, name particles (al, bin,
de, von) and function words left out of the comparison key, word order ignored. Whatever
joins two names at index time also finds them at question time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9a-z]+")
# An apostrophe inside a word, not a possessive's: "Velmor'a" and "Velmora" are one word.
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])['’‘ʼ`](?=[a-z])(?!s\b)")
_STEMMER = snowballstemmer.stemmer("english")

# Particles inside names: "Omar al-Rashid", "Ursula von Brandt".
NAME_PARTICLES = frozenset(
    "al al- el bin ibn bint ben abu de da di del der den van von la le du dos das".split()
)
# "son of" particles: "Faisal bin Hamdan" is not called "Hamdan".
PATRONYMICS = frozenset({"bin", "ibn", "bint", "ben"})
# What does not distinguish one name from another: particles and a few function words.
KEY_STOPWORDS = NAME_PARTICLES | {"of", "the", "for", "and", "on", "in"}
# Particles that are also first names when they open a name: "Ben White".
GIVEN_NAME_PARTICLES = frozenset({"ben"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent- and case-folded text with only letters, digits and single spaces; an
    apostrophe inside a word joins it ("Ka'arvi" is "kaarvi"), a possessive's does not."""
    stripped = text if text.isascii() else _strip_accents(text)
    return " ".join(_WORD.findall(_INNER_APOSTROPHE.sub("", stripped.casefold())))


def _strip_accents(text: str) -> str:
    """Letters without their accents, and the few letters NFKD does not take apart."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")


def spells_acronym(name: str) -> bool:
    """CRA, NATO, U.S.: two to seven capital letters, perhaps dotted, perhaps possessive.

    Only the shape: whether a capitalised word is an acronym or a shouted word (WATCH) is
    for the extractor to judge (``bot.extract.tokens.is_acronym``).
    """
    letters = _POSSESSIVE.sub("", name).replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return fold(text).split()


def spell(words: Iterable[str], dropped: frozenset[str] = frozenset()) -> str:
    """What folded words spell by their initials, the ``dropped`` words left out:
    "gnu" for "government national unity"."""
    return "".join(w[0] for w in words if w not in dropped)


_POSSESSIVE = re.compile(r"['’]s?$")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words that tell a name apart, in order: folded, dotted abbreviations joined
    (C.I.A. = CIA), particles and function words left out unless nothing else is left."""
    name = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)
    folded = words(name)
    kept = tuple(w for w in folded if w not in KEY_STOPWORDS) or tuple(folded)
    if len(folded) > 1 and folded[0] in GIVEN_NAME_PARTICLES and kept[0] != folded[0]:
        return (folded[0], *kept)  # "Ben White" is not "White"; "Omar ben Ali" is "Omar Ali"
    return kept


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key for a name: folded content words, sorted.

    "Omar al-Rashid", "Omar Al Rashid" and "Rashid, Omar" share one key; so do
    "Coastal Rights Observatory" and "Observatory for Coastal Rights".
    """
    return " ".join(sorted(name_words(name)))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one folded word: displaced, displacement, displacing -> displac."""
    return _STEMMER.stemWord(word)


def stems(text: str) -> list[str]:
    """Stems of every word of a text."""
    return [stem(w) for w in words(text)]
