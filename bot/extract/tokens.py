"""Word tokens with offsets, and the small tests on them the extractors share."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.extract.lexicon import PARTICLES

# Dotted abbreviations (U.S.), words with inner apostrophes or hyphens, numbers, punctuation.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Jr|Sr|Rev|Brig"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\."
    r"|[A-Z]\.(?=\s+[A-Z])"  # a middle initial: George W. Bush
    r"|\d+(?:[.,:]\d+)*|[^\W\d_](?:[\w]|['’](?=\w)|-(?=\w))*|[^\w\s]"
)
# "NATO-backed", "UN-recognized", "Iran-based": a name, then a modifier; "Jong-un" is a name.
_COMPOUND_TAILS = frozenset("based style born made led run held era type like wide linked".split())
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z]")
_CONTRACTION = re.compile(r"['’](?:ve|d|ll|re|m|t)$|n['’]t$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


class Token(NamedTuple):
    """One token of a sentence; offsets are into the article text."""

    text: str
    start: int
    end: int
    lower: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; a capitalised prefix of a hyphenated word ("NATO-backed",
    "UN-recognized") becomes a token of its own, followed by the rest."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        start = offset + match.start()
        if "-" in word:
            head, dash, tail = word.partition("-")
            if (
                head[:1].isupper()
                and tail[:1].islower()
                and head.lower() not in PARTICLES
                and (tail.endswith(("ed", "ing")) or tail in _COMPOUND_TAILS)
            ):
                append(Token(head, start, start + len(head), head.lower()))
                tail = dash + tail
                append(Token(tail, start + len(head), start + len(word), tail.lower()))
                continue
        append(Token(word, start, start + len(word), word.lower()))
    return tokens


@lru_cache(maxsize=65536)
def strip_possessive(word: str) -> str:
    """'Haftar's' -> 'Haftar'; "Syrians'" -> 'Syrians'."""
    if word.endswith(("'s", "’s", "'", "’")) and len(word) > 2:
        return _POSSESSIVE.sub("", word)
    return word


def is_possessive(word: str) -> bool:
    return word != strip_possessive(word)


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """GNA, SOHR, U.S., UN: two to seven capitals, perhaps dotted; not a shouted word."""
    letters = strip_possessive(word).replace(".", "")
    if not (2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()):
        return False
    return "." in word or letters.lower() not in _shouted_words()


@lru_cache(maxsize=1)
def _shouted_words() -> frozenset[str]:
    """Words printed in capitals for emphasis (WATCH, PHOTOS), and abbreviations of things
    that are not named bodies."""
    from bot.extract.lexicon import common_words

    short = {w for w in common_words() if len(w) >= 3}
    return frozenset(short | {"ok", "pm", "am", "et", "gdp", "ceo", "tv", "id", "fy", "usd"})


@lru_cache(maxsize=65536)
def is_capitalised(word: str) -> bool:
    """Starts with a capital, or is a particle joined to one ("al-Assad")."""
    if word[:1].isupper():
        # "Don't", "I've"; party labels "R-Texas"
        return not (_CONTRACTION.search(word) or _PARTY_LABEL.match(word))
    head, dash, tail = word.partition("-")
    return bool(dash) and head in PARTICLES and tail[:1].isupper()
