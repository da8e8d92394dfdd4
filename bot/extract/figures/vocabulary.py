"""The quantity words of ``data/quantities.yaml`` as lookup tables for the figure reader.

Forms of more than one token ("per cent", "US$", "square miles") are matched token by token,
so each form is cut into tokens by the same tokenizer as the sentences it is looked for in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.extract.figures.lexing import glued
from bot.extract.lexicon import quantity_words
from bot.extract.tokens import Tokens, tokenize

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class _Form(Generic[V]):
    words: tuple[str, ...]
    glued: tuple[int, ...]  # offsets of the words written without a space before them
    value: V


class Forms(Generic[V]):
    """Forms of one or more tokens, each with a value; looked up at a position, longest first.

    Words a form writes together ("A$", "km/h") must be together in the text too, so "a $5
    bill" is no Australian money.
    """

    def __init__(self, forms: Iterable[tuple[str, V]]) -> None:
        self._by_first: dict[str, list[_Form[V]]] = {}
        self._by_last: dict[str, list[_Form[V]]] = {}
        for text, value in forms:
            tokens = tokenize(text)
            together = tuple(j for j in range(1, len(tokens.texts)) if glued(tokens, j))
            form = _Form(tuple(tokens.lowers), together, value)
            self._by_first.setdefault(form.words[0], []).append(form)
            self._by_last.setdefault(form.words[-1], []).append(form)
        for table in (self._by_first, self._by_last):
            for entries in table.values():
                entries.sort(key=lambda form: -len(form.words))

    def at(self, tokens: Tokens, i: int) -> tuple[int, V] | None:
        """The longest form starting at token ``i``: (the token after it, its value)."""
        lowers = tokens.lowers
        for form in self._by_first.get(lowers[i], ()) if i < len(lowers) else ():
            if self._written(tokens, i, form):
                return i + len(form.words), form.value
        return None

    def before(self, tokens: Tokens, end: int) -> tuple[int, V] | None:
        """The longest form ending just before token ``end``: (its first token, its value)."""
        lowers = tokens.lowers
        for form in self._by_last.get(lowers[end - 1], ()) if end > 0 else ():
            start = end - len(form.words)
            if start >= 0 and self._written(tokens, start, form):
                return start, form.value
        return None

    def word(self, word: str) -> V | None:
        """The value of a one-word form: 'inch' in 'a 6.1-inch screen'."""
        for form in self._by_first.get(word, ()):
            if len(form.words) == 1:
                return form.value
        return None

    @staticmethod
    def _written(tokens: Tokens, i: int, form: _Form[V]) -> bool:
        end = i + len(form.words)
        return tuple(tokens.lowers[i:end]) == form.words and all(
            glued(tokens, i + j) for j in form.glued
        )


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure: its canonical name and its group (percent, duration, measure)."""

    name: str
    group: str


def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _DATA[key])


_DATA = quantity_words()

NUMBERS: dict[str, float] = {w: float(v) for w, v in _DATA["numbers"].items()}
SCALES: dict[str, float] = {w: float(v) for w, v in _DATA["scales"].items()}
GLUED_SCALES: dict[str, float] = {
    w.lower(): float(v) for w, v in _DATA["scale_abbreviations"]["glued"].items()
}
SPACED_SCALES: dict[str, float] = {
    w.lower(): float(v) for w, v in _DATA["scale_abbreviations"]["spaced"].items()
}
VAGUE = _words("vague")
VAGUE_BEFORE_SCALE = _words("vague_before_scale")
FRACTIONS: dict[str, int] = {w: int(v) for w, v in _DATA["fractions"].items()}
VULGAR_FRACTIONS: dict[str, float] = {c: float(v) for c, v in _DATA["vulgar_fractions"].items()}
NEGATIVE_WORDS = _words("negative_words")
APPROXIMATORS: Forms[str] = Forms((p, p) for p in _DATA["approximators"])
APPROXIMATOR_WORDS = frozenset(w for phrase in _DATA["approximators"] for w in phrase.split())
APPROXIMATORS_AFTER: Forms[str] = Forms((p, p) for p in _DATA["approximators_after"])
CURRENCY_BEFORE: Forms[str] = Forms(
    (str(form), code) for code, forms in _DATA["currencies"].items() for form in forms["before"]
)
# Currency codes that may be run into their digits: "USD10m", "RM2.70".
CURRENCY_CODES = frozenset(
    str(form).lower()
    for forms in _DATA["currencies"].values()
    for form in forms["before"]
    if str(form).isalpha()
)
GLUED_SUBUNITS: dict[str, str] = {w.lower(): c for w, c in _DATA["subunits"]["glued"].items()}
# The units a span of time is counted in ("day", "year").
DURATION_UNITS = frozenset(str(name) for name in _DATA["units"]["duration"])
UNITS: Forms[Unit] = Forms(
    (str(form), Unit(str(name), group))
    for group, units in _DATA["units"].items()
    for name, forms in units.items()
    for form in forms
)
# What a number may be followed by, in one table so that the longest form wins: a currency
# ("5 euros", "5,000 Syrian pounds"), a hundredth of one ("50 cents") or a unit ("40 pounds").
WORDS_AFTER: Forms[tuple[str, str | Unit]] = Forms(
    [
        (str(form), ("money", code))
        for code, forms in _DATA["currencies"].items()
        for form in forms["after"]
    ]
    + [(form, ("subunit", code)) for form, code in _DATA["subunits"]["spaced"].items()]
    + [
        (str(form), ("unit", Unit(str(name), group)))
        for group, units in _DATA["units"].items()
        for name, forms in units.items()
        for form in forms
    ]
)
GLUED_UNITS = _words("glued_units")
HYPHENATED_COUNTS: dict[str, Unit] = {w: Unit(w, "count") for w in _words("hyphenated_counts")}
AGE_WORDS = _words("age_words")
AGE_BEFORE = _words("age_before")
RATE_WORDS = _words("rate_words")
RATES = _words("rates")
RATE_ADVERBS: dict[str, str] = {w.lower(): str(p) for w, p in _DATA["rate_adverbs"].items()}
RATES_BEFORE = frozenset(tuple(str(p).lower().split()) for p in _DATA["rates_before"])
TIME_RELATIONS: Forms[str] = Forms((p, p) for p in _DATA["time_relations"])
CLOCK_WORDS: Forms[str] = Forms((p, p) for p in _DATA["clock_words"])
MODEL_SUFFIXES = _words("model_suffixes")
ADDRESS_WORDS = _words("address_words")
COUNTED_MODIFIERS = _words("counted_modifiers")
OF_DETERMINERS = _words("of_determiners")
ING_PREPOSITIONS = _words("ing_prepositions")
FRACTION_NOT_AFTER = _words("fraction_not_after")
UNIT_ADJECTIVES = _words("unit_adjectives")
# Letters that may follow the digits without a space: "10m", "164p", "40km", "5bn".
GLUED_SUFFIXES = frozenset(GLUED_SCALES) | frozenset(GLUED_SUBUNITS) | GLUED_UNITS
NUMBERING_NOUNS = _words("numbering_nouns")
PLURAL_MODIFIERS = _words("plural_modifiers")
