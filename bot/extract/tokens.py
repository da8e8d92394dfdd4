"""Word tokens with offsets, and the small tests on them the extractors share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

from bot.extract.lexicon import NAME_PREFIXES, PARTICLES
from bot.model import Article
from bot.textnorm import spells_acronym

# Dotted abbreviations (U.S.), words with inner apostrophes or hyphens, numbers, punctuation.
# The alternatives that start with a capital sit behind one look-ahead, so a lower-case word
# or a digit does not try each abbreviation in turn; a word's apostrophes and hyphens are
# matched a part at a time, not a character at a time. Both only make the scan cheaper.
_TOKEN = re.compile(
    r"(?=[A-Z])(?:"
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Jr|Sr|Rev|Brig"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\."
    r"|[A-Z]\.(?=\s+[A-Z])"  # a middle initial: Ada M. Ortiz
    r")"
    r"|\d+(?:[.,:]\d+)*|[^\W\d_]\w*(?:['’-]\w+)*|[^\w\s]"
)
# "NATO-backed", "UN-recognized", "Iran-based": a name, then a modifier; "Jong-un" is a name.
_COMPOUND_TAILS = frozenset("based style born made led run held era type like wide linked".split())
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z]")
_CONTRACTION = re.compile(r"['’](?:ve|d|ll|re|m|t)$|n['’]t$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


class Token(NamedTuple):
    """One token; offsets are into the article text."""

    text: str
    start: int
    end: int
    lower: str


# A NamedTuple's own constructor is Python code; tuple.__new__ makes one in C.
_new_token = partial(tuple.__new__, Token)


@dataclass(slots=True)
class Tokens:
    """The tokens of a stretch of an article (a sentence), as parallel lists.

    Token ``i`` is ``texts[i]`` (``lowers[i]`` in lower case) at ``starts[i]:ends[i]`` of
    the article text. Lists rather than an object per token: an article has over a thousand
    tokens, and making and garbage-collecting an object for each cost more than the
    extraction that reads them. ``token`` and ``words`` make objects for the few that a name
    or a number is made of.
    """

    texts: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]

    def token(self, i: int) -> Token:
        return _new_token((self.texts[i], self.starts[i], self.ends[i], self.lowers[i]))

    def words(self, start: int, end: int) -> list[Token]:
        """Tokens ``start`` to ``end`` (exclusive)."""
        fields = zip(
            self.texts[start:end],
            self.starts[start:end],
            self.ends[start:end],
            self.lowers[start:end],
            strict=True,
        )
        return list(map(_new_token, fields))


# The token pattern as one group, so that splitting a text on it yields the gaps and the
# tokens in turn: every offset then follows from the lengths alone, with no match object
# made per token.
_TOKEN_OR_GAP = re.compile(f"({_TOKEN.pattern})")


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]``, with offsets into ``text``.

    A capitalised prefix of a hyphenated word ("NATO-backed", "UN-recognized") becomes a
    token of its own, followed by the rest.
    """
    span = text[start:end]
    parts = _TOKEN_OR_GAP.split(span)  # gap, token, gap, token, ..., gap
    offsets = list(accumulate(map(len, parts), initial=start))
    texts = parts[1::2]
    tokens = Tokens(texts, list(map(str.lower, texts)), offsets[1::2], offsets[2::2])
    if "-" in span:
        for i in reversed([i for i, word in enumerate(texts) if "-" in word]):
            _split_compound(tokens, i)
    return tokens


def _split_compound(tokens: Tokens, i: int) -> None:
    """Token ``i`` in two if it is a name run into a modifier ("NATO-backed")."""
    head, dash, tail = tokens.texts[i].partition("-")
    if (
        head[:1].isupper()
        and tail[:1].islower()
        and head.lower() not in PARTICLES
        and (tail.endswith(("ed", "ing")) or tail in _COMPOUND_TAILS)
    ):
        tail = dash + tail
        middle = tokens.starts[i] + len(head)
        tokens.texts[i : i + 1] = [head, tail]
        tokens.lowers[i : i + 1] = [head.lower(), tail.lower()]
        tokens.starts[i : i + 1] = [tokens.starts[i], middle]
        tokens.ends[i : i + 1] = [middle, tokens.ends[i]]


def tokenize_sentences(article: Article) -> list[Tokens]:
    """The tokens of each of ``article``'s sentences."""
    text = article.text
    return [tokenize(text, s.start, s.end) for s in article.sentences]


_POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


@lru_cache(maxsize=65536)
def strip_possessive(word: str) -> str:
    """'Vrana's' -> 'Vrana'; "Kenyans'" -> 'Kenyans'."""
    return _POSSESSIVE.sub("", word) if is_possessive(word) else word


def is_possessive(word: str) -> bool:
    """Ends in 's or a bare apostrophe, as "Vrana's" and "Kenyans'" do."""
    return len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS)


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """CRA, NATO, U.S., UN: two to seven capitals, perhaps dotted; not a shouted word."""
    if not spells_acronym(word):
        return False
    return "." in word or strip_possessive(word).lower() not in _shouted_words()


@lru_cache(maxsize=1)
def _shouted_words() -> frozenset[str]:
    """Words printed in capitals for emphasis (WATCH, PHOTOS), and abbreviations of things
    that are not named bodies."""
    from bot.extract.lexicon import common_words

    short = {w for w in common_words() if len(w) >= 3}
    return frozenset(short | {"ok", "pm", "am", "et", "gdp", "ceo", "tv", "id", "fy", "usd"})


@lru_cache(maxsize=65536)
def is_capitalised(word: str) -> bool:
    """Starts with a capital, or is a particle or a prefix joined to one ("al-Rashid",
    "ex-Minister")."""
    if word[:1].isupper():
        # "Don't", "I've"; party labels "R-Texas"
        return not (_CONTRACTION.search(word) or _PARTY_LABEL.match(word))
    head, dash, tail = word.partition("-")
    return bool(dash) and (head in PARTICLES or head in NAME_PREFIXES) and tail[:1].isupper()
