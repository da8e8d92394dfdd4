"""When two quotes of one speaker are the same statement, reported by several articles.

Outlets carry the same words with different punctuation, accents and apostrophes, and often
quote only part of what was said. Two quotes are one statement when their words are the same
once folded (case, accents, apostrophes and punctuation dropped), or when the words of the
shorter run unbroken inside the longer and are either most of it (``MOST``) or a long run in
their own right (``LONG_RUN`` words or more): a partial quote of a longer statement; or when
they are as long and differ in a few words at most (``RESPELT``: a word one outlet dropped
or spelled otherwise), never in a negation. Short common phrases ("we will see") never join
a statement on their own.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz.distance import Levenshtein

from bot.textnorm import fold

# The shorter quote must hold this share of the longer one's words...
MOST = 0.8
# ...or be a run of at least this many words.
LONG_RUN = 8
# ...or differ from it in one word in this many at most.
RESPELT = 0.15
_NEGATIONS = frozenset({"not", "no", "never", "nor", "cannot", "dont", "wont", "cant", "isnt"})
# Quotes are compared through runs of this many words they share.
_GRAM = 4
_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"['’`´]")

T = TypeVar("T")


def words(quote: str) -> tuple[str, ...]:
    """The folded words of a quote: "Syria's" and "Syrias" are one word."""
    return tuple(_WORD.findall(fold(_APOSTROPHES.sub("", quote))))


def _runs_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    size = len(short)
    return any(long[i : i + size] == short for i in range(len(long) - size + 1))


def same_statement(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two quotes' folded words are one statement (see the module's rule)."""
    if a == b:
        return bool(a)
    short, long = sorted((a, b), key=len)
    if not short or not (len(short) >= MOST * len(long) or len(short) >= LONG_RUN):
        return False
    return _runs_inside(short, long) or _nearly_same(short, long)


def _nearly_same(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The same words but for a few, a share ``RESPELT`` of them at most (a word an outlet
    dropped or spelled otherwise), in quotes of ``LONG_RUN`` words or more."""
    if len(short) < LONG_RUN or len(short) < MOST * len(long):
        return False
    if _NEGATIONS & set(short).symmetric_difference(long):
        return False  # "we will not open" is the opposite of "we will open"
    allowed = math.ceil(len(long) * RESPELT)
    return Levenshtein.distance(short, long, score_cutoff=allowed) <= allowed


def group(quotes: Sequence[T], text: Callable[[T], str]) -> list[list[T]]:
    """The quotes as statements, each a list with its fullest quote first (the earliest given
    among equally full ones) and the others in the order given; statements come in the
    order of their fullest quotes."""
    folded = [words(text(q)) for q in quotes]
    order = sorted(range(len(quotes)), key=lambda i: (-len(folded[i]), i))
    heads: list[int] = []
    members: dict[int, list[int]] = {}
    exact: dict[tuple[str, ...], int] = {}
    by_gram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in order:
        found = exact.get(folded[i]) if folded[i] else None
        if found is None and len(folded[i]) >= _GRAM:
            # Its first, middle and last runs: a quote that differs from a longer one in a
            # word still shares one of them with it.
            size = len(folded[i])
            grams = {folded[i][k : k + _GRAM] for k in (0, (size - _GRAM) // 2, size - _GRAM)}
            near = dict.fromkeys(h for gram in grams for h in by_gram[gram])
            found = next((h for h in near if same_statement(folded[i], folded[h])), None)
        if found is None:
            heads.append(i)
            members[i] = [i]
            exact[folded[i]] = i
            for start in range(len(folded[i]) - _GRAM + 1):
                by_gram[folded[i][start : start + _GRAM]].append(i)
        else:
            members[found].append(i)
    return [
        [quotes[head], *(quotes[i] for i in sorted(members[head][1:]))] for head in sorted(heads)
    ]
