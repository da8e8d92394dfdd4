"""Figures: the numbers an article reports, what they count and the event they belong to.

A figure is a stated quantity: a count ("2,500 families"), an amount of money ("US$1.2
billion", "$3,500 a month"), a percentage ("−3.2%"), a measure ("a 12-mile stretch"), a
fraction ("two-thirds of voters"), a duration ("for 30 days", "a 120-day withdrawal period")
or an age ("a 40-year-old", "Ada Quill, 52,"); a range or alternative ("between 3 and 5
million", "8 or 9 people") keeps both ends. A bare number that counts nothing is not
reported, and neither are years, dates, times, ordinals or numbers that are part of a name
("G-20", "Resolution 2254", "737 Max"). The predicate is the nearest event word ("killed",
"displaced", "flight", "home to"), so a question about displacement finds "the flight of
9,000 people".

Reading is in three steps, each in its own module: ``amounts`` reads the number and what is
written around it (sign, scale, range, currency, unit, rate), ``rules`` rejects what is not
a figure, and ``counted`` finds what is counted. The words they use (number words, scales,
currencies, units) are data, in ``bot/extract/data/quantities.yaml``.
"""

from __future__ import annotations

import re

from bot.extract.figures.amounts import Amount, read_amount, read_rate, read_rate_before
from bot.extract.figures.counted import (
    apposition_age,
    counted_phrase,
    counts_event,
    predicate,
)
from bot.extract.figures.lexing import is_digits, split_currency_codes
from bot.extract.figures.measured import measured, moved_up_to
from bot.extract.figures.rules import not_a_figure
from bot.extract.figures.vocabulary import (
    APPROXIMATORS,
    CURRENCY_CODES,
    FRACTIONS,
    NUMBERS,
    SCALES,
    UNITS,
    VAGUE,
    VAGUE_BEFORE_SCALE,
    WORDS_AFTER,
)
from bot.extract.tokens import Tokens, tokenize_sentences
from bot.model import Article, Figure

# Words that can start a number; any other token is skipped cheaply.
_STARTS = frozenset(NUMBERS) | VAGUE | VAGUE_BEFORE_SCALE | {"half"}
# "a" and "an" start a number only before one of these: "a million", "a third of", "a few
# hundred".
_AFTER_ARTICLE = frozenset(SCALES) | frozenset(FRACTIONS) | {"few"}
# A sentence without a digit or one of these words holds no number, so most sentences are
# passed over without looking at their words one by one.
_HINTS = frozenset(NUMBERS) | VAGUE | frozenset(SCALES) | frozenset(FRACTIONS)
_DIGIT = re.compile(r"\d")
_DIGITS = frozenset("0123456789")
_THOUSANDS = 1000


def _hyphenated_number(lowers: list[str]) -> bool:
    """A word hyphenated to a number word: 'twenty-five', 'seven-year'."""
    return any(word.partition("-")[0] in _STARTS for word in lowers if "-" in word)


def _starts(lowers: list[str]) -> list[int]:
    """Tokens that may start a number: digits ('12', '.5'), number words, and words
    hyphenated to one ('twenty-five', 'seven-year')."""
    return [
        k
        for k, word in enumerate(lowers)
        if word in _STARTS
        or (word[0] in _DIGITS and is_digits(word))
        or ("-" in word and word.partition("-")[0] in _STARTS)
        or (word in ("a", "an") and k + 1 < len(lowers) and lowers[k + 1] in _AFTER_ARTICLE)
    ]


class FigureExtractor:
    """Finds the figures of one article, a sentence at a time."""

    def __init__(self, article: Article, tokens: list[Tokens]) -> None:
        self.article = article
        self.tokens = tokens

    def extract(self) -> list[Figure]:
        figures: list[Figure] = []
        for sentence, words in zip(self.article.sentences, self.tokens, strict=True):
            text = sentence.text
            if not (
                _DIGIT.search(text)
                or not _HINTS.isdisjoint(words.lowers)
                or ("-" in text and _hyphenated_number(words.lowers))
            ):
                continue
            tokens = split_currency_codes(text, words, CURRENCY_CODES)
            after = 0  # the end of the last amount read: nothing before it starts another
            for i in _starts(tokens.lowers):
                if i < after:
                    continue
                amount = read_amount(tokens, i)
                if amount is None:
                    continue
                after = amount.end
                figure = self._figure(tokens, amount, sentence.index)
                if figure:
                    figures.append(figure)
        return figures

    def _figure(self, tokens: Tokens, amount: Amount, sentence: int) -> Figure | None:
        if not_a_figure(tokens, amount):
            return None
        what_start, what_end = counted_phrase(tokens, amount)
        what = self._what(tokens, amount, what_start, what_end)
        how, scope = "counted" if what else "", ""
        if not amount.per:
            read_rate(tokens, amount, what_end)  # "3 convoys per day"
        if not amount.per:
            read_rate_before(tokens, amount)  # "every year kills 40"
        if not (what or amount.unit or amount.per or _bare_quantity(tokens, amount)):
            return None
        if amount.value is None and what_end == what_start + 1:
            money = WORDS_AFTER.at(tokens, what_start)
            if money and money[1][0] == "money":
                amount.unit, what, how = (
                    money[1][1],
                    "",
                    "vague_money",
                )  # "tens of millions of dollars"
        if amount.age:
            # An age measures no event: "a 62-year-old man was killed" counts no killing.
            what, scope, how = "age", what, "age"
        elif not what:
            found = measured(tokens, amount, lambda a, b: self._text(tokens, a, b))
            if found:
                what, scope, how = found
        first, approx = amount.start, amount.approx_after
        found = APPROXIMATORS.before(tokens, first)
        if found and not moved_up_to(tokens, found[0]):
            first, approx = found
        last = max(amount.end, what_end) if how in ("counted", "vague_money") else amount.end
        event = "" if amount.age else predicate(tokens, first, last)
        if amount.value is None and what.endswith("ed") and " " not in what:
            event = what.lower()  # "hundreds of thousands displaced"
        if amount.unit == "%" and how in ("", "counted"):
            what = f"percent of {what}" if what else "percent"
        return Figure(
            value=amount.value,
            text=self._text(tokens, first, last),
            what=what,
            sentence=sentence,
            predicate=event,
            approx=approx,
            unit=amount.unit,
            value_high=amount.value_high,
            per=amount.per,
            scope=scope,
            how=how or "bare",
        )

    def _what(self, tokens: Tokens, amount: Amount, start: int, end: int) -> str:
        """What is counted: the counted phrase, less a unit at its end ('five long
        seconds'); for an age between commas, the name ('Ada Quill, 52,')."""
        if not amount.unit and end > start and _unit_at_end(tokens, amount, end):
            return ""
        if not amount.unit and start == end:
            name = apposition_age(tokens, amount)
            if name:
                amount.unit, amount.group, amount.age = "year", "duration", True
                return self._text(tokens, *name)
        return self._text(tokens, start, end)

    def _text(self, tokens: Tokens, start: int, end: int) -> str:
        """The article's text of tokens ``start`` to ``end`` (exclusive)."""
        return self.article.text[tokens.starts[start] : tokens.ends[end - 1]] if end > start else ""


def _bare_quantity(tokens: Tokens, amount: Amount) -> bool:
    """A number that counts nothing named after it is still a figure when it is large
    ("sales rose to 3.4 million", "crowds of 250,000": the noun was said before) or
    counts an event ("killed 13")."""
    large = amount.factor >= _THOUSANDS or (amount.digits and "," in tokens.texts[amount.first])
    return large or counts_event(tokens, amount)


def _unit_at_end(tokens: Tokens, amount: Amount, end: int) -> bool:
    """'five long seconds', 'four long years': a unit after words describing it becomes
    the amount's unit."""
    unit = UNITS.word(tokens.lowers[end - 1])
    if unit and unit.group in ("duration", "measure"):
        amount.unit, amount.group, amount.noun_unit = unit.name, unit.group, True
        amount.end = end
        return True
    return False


def extract_figures(article: Article, tokens: list[Tokens] | None = None) -> list[Figure]:
    """All figures of ``article`` in reading order (``tokens``: its sentences' tokens)."""
    if tokens is None:
        tokens = tokenize_sentences(article)
    return FigureExtractor(article, tokens).extract()
