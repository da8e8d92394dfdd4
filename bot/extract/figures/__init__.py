"""Figures: the numbers an article reports, what they count and the event they belong to.

A figure is a number (in digits or words, with a scale such as "million"), a vague amount
("hundreds of thousands"), a percentage or an amount of money, that counts something named
right after it ("2,500 families", "six of the border crossings", "45 square kilometers").
A bare number that counts nothing is not reported, and neither are years, dates, times,
ordinals or numbers that are part of a name ("G-20", "Resolution 2254"). The predicate is
the nearest event word ("killed", "displaced", "flight", "home to"), so a question about
displacement finds "the flight of 9,000 people".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.extract.lexicon import DAYS, FUNCTION_WORDS, MONTHS, SPEECH_VERBS
from bot.extract.tokens import Tokens, tokenize_sentences
from bot.model import Article, Figure
from bot.textnorm import stem

UNITS = {
    "ones": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "k": 1e3, "dozen": 12,
}  # fmt: skip
VAGUE = frozenset(["hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens"])
APPROXIMATORS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as few as", "close to", "upwards of", "in excess of", "an estimated", "a total of",
    "nearly", "almost", "about", "around", "some", "roughly", "approximately", "over",
    "under", "only", "just", "estimated", "approx",
)  # fmt: skip


def _by_last_word(phrases: Iterable[str]) -> dict[str, list[tuple[str, list[str]]]]:
    """Phrases and their words, by last word, in order: a number's approximator can only be
    one of those ending in the word just before it."""
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for phrase in phrases:
        words = phrase.split()
        found.setdefault(words[-1], []).append((phrase, words))
    return found


_APPROXIMATORS_BY_LAST = _by_last_word(APPROXIMATORS)
CURRENCIES = {"$": "$", "€": "€", "£": "£", "¥": "¥"}
CURRENCY_WORDS = frozenset(
    ["dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles", "lira", "liras"]
)
MEASURES = frozenset(
    """square kilometers kilometres km miles mile meters metres feet acres hectares tons tonnes
    barrels kilograms kg pounds percent years months weeks days hours minutes""".split()
)
COUNT_NOUNS = frozenset(
    """people police personnel staff children women men military cattle sheep fish youth clergy
    aircraft equipment""".split()
)
EVENT_STEMS = frozenset(
    stem(w)
    for w in """killed kill killing dead death died wounded injured casualties displaced
    displacement fled flee fleeing flight refugees evacuated arrested detained captured
    seized surrounded control controls home live living protest protesters voted elected
    spent cost paid raised sent deployed delivered deliveries missing abducted executed
    starving besieged returned moved crossed""".split()
)
_VERBS = frozenset("say says near hit left remain remained are were".split())
_NOT_NOUNS = FUNCTION_WORDS | frozenset(
    "has was is as us its this his thus yes pass across unless whereas".split()
)
DURATIONS = frozenset(
    "year years month months week weeks day days hour hours minute minutes seconds".split()
)
# Events a bare number can count without a noun: "killed 13 and wounded 29".
CASUALTY_STEMS = frozenset(
    stem(w) for w in "killed wounded injured displaced arrested detained dead died".split()
)
_YEAR_LOW, _YEAR_HIGH = 1800, 2100
# Words that can start a figure; any other token is skipped cheaply.
_NUMBER_WORDS = frozenset(UNITS) | VAGUE | {"a", "an"}
# "a" and "an" start a number only before one of these: "a dozen", "a million".
_ARTICLE_SCALES = frozenset(["dozen", "hundred", "thousand", "million", "billion"])
# A sentence without a digit, a hyphen or one of these words holds no number, so most are
# passed over without looking at their words one by one.
_NUMBER_HINTS = frozenset(UNITS) | VAGUE | _ARTICLE_SCALES
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class _Number:
    start: int  # token index of the first number token
    end: int  # token index after the number (and its scale or percent sign)
    value: float | None
    unit: str = ""


def _digits(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _word_value(word: str) -> float | None:
    if word in UNITS:
        return float(UNITS[word])
    first, dash, second = word.partition("-")
    if dash and first in UNITS and second in UNITS and UNITS[second] < 10:
        return float(UNITS[first] + UNITS[second])
    return None


class FigureExtractor:
    """Finds the figures of one sentence at a time."""

    def __init__(self, article: Article, tokens: list[Tokens]) -> None:
        self.article = article
        self.tokens = tokens

    def extract(self) -> list[Figure]:
        figures: list[Figure] = []
        for sentence, tokens in zip(self.article.sentences, self.tokens, strict=True):
            if not (
                _DIGIT.search(sentence.text)
                or "-" in sentence.text
                or not _NUMBER_HINTS.isdisjoint(tokens.lowers)
            ):
                continue
            after = 0  # the end of the last number found: nothing before it starts another
            # Only a digit, a number word or one run into another ("nine-year") starts one.
            starts = [
                k
                for k, word in enumerate(tokens.lowers)
                if word[0].isdigit()
                or word in _NUMBER_WORDS
                or ("-" in word and word.partition("-")[0] in UNITS)
            ]
            for i in starts:
                if i < after:
                    continue
                number = self._number(tokens, i)
                if number is None:
                    continue
                figure = self._figure(tokens, number, sentence.index)
                if figure:
                    figures.append(figure)
                after = number.end
        return figures

    # -- the number -----------------------------------------------------------------------

    def _number(self, tokens: Tokens, i: int) -> _Number | None:
        lowers = tokens.lowers
        word = lowers[i]
        if word[:1].isdigit():
            if ":" in word or (i + 1 < len(lowers) and lowers[i + 1] in {"th", "st", "nd", "rd"}):
                return None
            value = _digits(word)
            if value is None:
                return None
            number = _Number(i, i + 1, value)
        elif word in VAGUE and self._vague_ok(tokens, i):
            end = i + 1
            # "hundreds of thousands", "tens of millions"
            if end + 1 < len(lowers) and lowers[end] == "of" and lowers[end + 1] in VAGUE:
                end += 2
            return _Number(i, end, None)
        elif word in ("a", "an") and i + 1 < len(lowers) and lowers[i + 1] in _ARTICLE_SCALES:
            scale = lowers[i + 1]
            value = 12.0 if scale == "dozen" else SCALES[scale]
            return self._scaled(tokens, _Number(i, i + 2, value))
        else:
            value = _word_value(word)
            if value is None:
                first, dash, rest = word.partition("-")
                if dash and first in UNITS and rest.isalpha():  # "nine-year"
                    return _Number(i, i + 1, float(UNITS[first]), rest)
                return None
            if word == "one" and not (i + 1 < len(lowers) and lowers[i + 1] in SCALES):
                return None
            number = _Number(i, i + 1, value)
        return self._scaled(tokens, number)

    @staticmethod
    def _vague_ok(tokens: Tokens, i: int) -> bool:
        """'thousands of civilians', 'hundreds of thousands displaced': not 'tens' alone."""
        lowers = tokens.lowers
        nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
        return lowers[i] != "tens" or nxt == "of"

    @staticmethod
    def _scaled(tokens: Tokens, number: _Number) -> _Number:
        lowers = tokens.lowers
        end = number.end
        while end < len(lowers) and lowers[end] in SCALES and number.value is not None:
            if (
                lowers[end] in ("m", "k", "bn", "mn", "mln")
                and tokens.starts[end] != tokens.ends[end - 1]
            ):
                break
            number.value *= SCALES[lowers[end]]
            end += 1
        number.end = end
        if (
            end + 1 < len(lowers)
            and lowers[end] in ("to", "-", "and")
            and lowers[end - 1] not in SCALES
            and (lowers[end + 1][:1].isdigit() or lowers[end + 1] in UNITS)
            and lowers[end] != "and"
        ):
            # "five to 10 people", "10-15 people": one figure, its lower bound.
            end += 2
            while end < len(lowers) and lowers[end] in SCALES:
                if number.value is not None:
                    number.value *= SCALES[lowers[end]]
                end += 1
            number.end = end
        if end < len(lowers):
            nxt = lowers[end]
            if nxt == "%" or nxt == "percent":
                number.unit, number.end = "%", end + 1
            elif nxt == "per" and end + 1 < len(lowers) and lowers[end + 1] == "cent":
                number.unit, number.end = "%", end + 2
        if number.start and tokens.texts[number.start - 1] in CURRENCIES:
            number.unit = CURRENCIES[tokens.texts[number.start - 1]]
            number.start -= 1
        return number

    # -- rejecting what is not a figure -----------------------------------------------------

    def _not_a_figure(self, tokens: Tokens, number: _Number) -> bool:
        token = tokens.token(number.start)
        before = tokens.token(number.start - 1) if number.start else None
        after = tokens.token(number.end) if number.end < len(tokens.texts) else None
        if before and before.lower.rstrip(".") in MONTHS:
            return True  # December 16
        if after and after.lower.rstrip(".") in MONTHS:
            return True  # 16 December
        if token.text.isdigit() and len(token.text) == 4 and not number.unit:
            value = int(token.text)
            if _YEAR_LOW <= value <= _YEAR_HIGH and number.end == number.start + 1:
                return True  # a year
        if before and before.end == token.start and before.text in "-/":
            return True  # G-20, 9/11
        if after and after.lower.rstrip(".") in {"a", "p", "am", "pm", "a.m", "p.m", "gmt"}:
            return True  # 4 p.m.
        if (
            before
            and before.text[:1].isupper()
            and before.lower not in FUNCTION_WORDS
            and before.lower not in DAYS  # "said on Tuesday 25 people were killed"
            and number.start > 1
            and not number.unit
            and token.text[:1].isdigit()
        ):
            return True  # Resolution 2254, Flight 17
        return bool(after and after.start == tokens.ends[number.end - 1] and after.text == "-")

    # -- what it counts and what happened -------------------------------------------------

    def _counted(self, tokens: Tokens, number: _Number) -> tuple[int, int]:
        """Token range of the counted noun phrase after the number, or an empty range."""
        lowers = tokens.lowers
        k = number.end
        if (
            k + 1 < len(lowers)
            and lowers[k] == "of"
            and (number.value is None or number.unit == "%" or lowers[k + 1] == "the")
        ):
            k += 1
            if k < len(lowers) and lowers[k] in ("the", "its", "their", "his", "her"):
                k += 1
        start = k
        while k < len(lowers) and k - start < 4:
            word = tokens.texts[k]
            lower = lowers[k]
            if not word[:1].isalpha() or lower in _NOT_NOUNS or lower in MONTHS:
                break
            if lower.endswith("ing") or lower in SPEECH_VERBS or lower in _VERBS:
                break  # "21 including", "59% say"
            k += 1
            if lower in COUNT_NOUNS or lower in MEASURES or lower in CURRENCY_WORDS:
                if lower == "square" or (
                    lower in MEASURES and k < len(lowers) and lowers[k] in MEASURES
                ):
                    continue
                break
            if lower.endswith("s") and len(lower) > 3 and not lower.endswith("ss"):
                break
        if k == start:
            return start, start
        if number.value is None and k - start == 1 and not lowers[start].endswith(("ed", "s")):
            return start, start
        return start, k

    @staticmethod
    def _predicate(tokens: Tokens, first: int, last: int) -> str:
        """The event word nearest to tokens[first:last], at most 8 words away; of two as
        near, the one before."""
        texts, lowers = tokens.texts, tokens.lowers
        for distance in range(1, 9):
            for k in (first - distance, last - 1 + distance):
                if (
                    0 <= k < len(texts)
                    and texts[k][:1].isalpha()
                    and stem(lowers[k]) in EVENT_STEMS
                ):
                    return lowers[k]
        return ""

    @staticmethod
    def _counts_event(tokens: Tokens, number: _Number) -> bool:
        """'killed 13', 'wounded more than 30', '6.5 million are displaced', 'toll at 50'."""
        lowers = tokens.lowers
        k = number.start
        while k > 0 and lowers[k - 1] in {"at", "least", "more", "than", "about", "some"}:
            k -= 1
        if k and stem(lowers[k - 1]) in CASUALTY_STEMS:
            return True
        if "toll" in lowers[max(0, k - 5) : k]:
            return True  # "put the death toll at 50", "the toll rose to 24"
        after = lowers[number.end : number.end + 4]
        return (
            bool(after)
            and after[0] in {"are", "were", "have", "had", "was"}
            and any(stem(w) in CASUALTY_STEMS for w in after[1:])
        )

    def _figure(self, tokens: Tokens, number: _Number, sentence: int) -> Figure | None:
        if self._not_a_figure(tokens, number):
            return None
        what_start, what_end = self._counted(tokens, number)
        what = " ".join(tokens.texts[what_start:what_end])
        unit = number.unit
        if what.lower() in CURRENCY_WORDS:
            unit = unit or what.lower()
        if what.lower() in DURATIONS or number.unit in DURATIONS:
            return None  # "18 months", "a nine-year war": a span of time, not a count
        counts = what or unit in ("%", *CURRENCIES.values())
        if not counts and not self._counts_event(tokens, number):
            return None
        if unit == "%":
            what = f"percent of {what}" if what else "percent"
        first = number.start
        approx = ""
        word_before = tokens.lowers[first - 1] if first else ""
        for phrase, words in _APPROXIMATORS_BY_LAST.get(word_before, []):
            if len(words) <= first and tokens.lowers[first - len(words) : first] == words:
                approx, first = phrase, first - len(words)
                break
        predicate = self._predicate(tokens, first, max(number.end, what_end))
        if number.value is None and what.endswith("ed") and " " not in what:
            predicate = what.lower()  # "hundreds of thousands displaced"
        last = max(number.end, what_end)
        text = self.article.text[tokens.starts[first] : tokens.ends[last - 1]]
        return Figure(
            value=number.value,
            text=text,
            what=what,
            sentence=sentence,
            predicate=predicate,
            approx=approx,
            unit=unit,
        )


def extract_figures(article: Article, tokens: list[Tokens] | None = None) -> list[Figure]:
    """All figures of ``article`` in reading order (``tokens``: its sentences' tokens)."""
    if tokens is None:
        tokens = tokenize_sentences(article)
    return FigureExtractor(article, tokens).extract()
