"""Numbers that are not figures: dates, years, times of day, numbered names, parts.

Each rule is a small function of the sentence's tokens and the amount read; ``NOT_FIGURES``
lists them, and an amount any of them matches is not reported.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from bot.extract.figures.amounts import Amount
from bot.extract.figures.lexing import glued
from bot.extract.figures.vocabulary import (
    ADDRESS_WORDS,
    APPROXIMATOR_WORDS,
    CLOCK_WORDS,
    FRACTION_NOT_AFTER,
    FRACTIONS,
    MODEL_SUFFIXES,
    NUMBERING_NOUNS,
    TIME_RELATIONS,
)
from bot.extract.lexicon import DAYS, FUNCTION_WORDS, MONTHS, common_words
from bot.extract.tokens import Tokens

_YEAR_LOW, _YEAR_HIGH = 1800, 2100
_DATE_SEPARATORS = frozenset("-/.")
# Marks that make the number right after them a code: "G-20", "9/11", "#1", "%2C".
_CODE_MARKS = frozenset("-/#%@&=_")
_MAX_STREET_WORDS = 4
# Share of a sentence's longer words that are capitalised for it to be a headline in
# Title Case ("Army Kills 17 Fighters"), where a capital marks no name.
_TITLE_CASE_SHARE = 0.7
# Words before a span of time that make it a measured span: "for one day".
_TIME_PREPOSITIONS = frozenset(
    "for in within over after during than about under only just nearly almost least".split()
)


def _word_before(tokens: Tokens, i: int) -> str:
    """The word before token ``i``, through an abbreviation's dot ('Sept. 11' -> 'sept')."""
    k = i - 1
    if k > 0 and tokens.lowers[k] == "." and glued(tokens, k):
        k -= 1
    return tokens.lowers[k] if k >= 0 else ""


def next_to_a_month(tokens: Tokens, amount: Amount) -> bool:
    """'December 16', 'Sept. 11', '16 December', '12 to 14 March'."""
    after = tokens.lowers[amount.number_end] if amount.number_end < len(tokens.lowers) else ""
    return _word_before(tokens, amount.first).rstrip(".") in MONTHS or after in MONTHS


def a_date_in_digits(tokens: Tokens, amount: Amount) -> bool:
    """'14-05-2019', '3/4/2020', '2016.03.21': three numbers joined by separators."""
    lowers, k = tokens.lowers, amount.first
    run = 1
    while (
        k + 2 < len(lowers)
        and lowers[k + 1] in _DATE_SEPARATORS
        and glued(tokens, k + 1)
        and glued(tokens, k + 2)
        and lowers[k + 2][:1].isdigit()
    ):
        run, k = run + 1, k + 2
    return run >= 3


def a_year(tokens: Tokens, amount: Amount) -> bool:
    """'in 2011', 'the 2014-2015 season': four digits in the range of years, no unit."""
    word = tokens.texts[amount.first]
    return (
        amount.digits
        and not amount.unit
        and amount.factor == 1.0
        and len(word) == 4
        and word.isdigit()
        and _YEAR_LOW <= int(word) <= _YEAR_HIGH
    )


def a_time_of_day(tokens: Tokens, amount: Amount) -> bool:
    """'4 p.m.', '10 o'clock', '1400 GMT', '10:30'."""
    lowers, k = tokens.lowers, amount.number_end
    if CLOCK_WORDS.at(tokens, k):
        return True
    colon_after = k < len(lowers) and lowers[k] == ":" and glued(tokens, k)
    i = amount.first
    colon_before = i > 0 and lowers[i - 1] == ":" and glued(tokens, i)
    return colon_after or colon_before


def in_a_name(tokens: Tokens, amount: Amount) -> bool:
    """'Resolution 2254', 'Flight 17', 'iPhone 11', 'ZQ48', 'G-20', '9/11', 'No. 2', '#1',
    '737 Max': a number that names or ranks rather than counts."""
    i, texts, lowers = amount.first, tokens.texts, tokens.lowers
    if not amount.digits:
        return False
    before = texts[i - 1] if i else ""
    if amount.start == i and glued(tokens, i) and (before[:1].isalpha() or before in _CODE_MARKS):
        return True  # ZQ48, G-20, 9/11, #1, %2C (an encoded comma)
    if _word_before(tokens, i) == "no" and lowers[i - 1] == ".":
        return True  # No. 2
    after = lowers[amount.end] if amount.end < len(lowers) else ""
    if after in MODEL_SUFFIXES and texts[amount.end][:1].isupper():
        return True  # 737 Max
    after_word = texts[amount.end] if amount.end < len(texts) else ""
    return (
        amount.start == i
        and not amount.unit
        and any(c.isupper() for c in before)
        and not (_plural_word(after_word) and _title_case(tokens))  # "Plains 19 Fighters"
        and any(w[:1].isalnum() for w in texts[: i - 1])  # not the sentence's first word
        and lowers[i - 1] not in FUNCTION_WORDS
        and lowers[i - 1] not in APPROXIMATOR_WORDS
        and lowers[i - 1] not in DAYS  # "said on Tuesday 25 people were killed"
        and not (lowers[i - 1] in common_words() and _title_case(tokens))
    )


def _plural_word(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and word[:1].isalpha()


def _title_case(tokens: Tokens) -> bool:
    """A headline in Title Case ("Army Kills 17 Fighters"): capitals mark no name."""
    words = [w for w in tokens.texts if len(w) > 3 and w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 3 and capitalised >= _TITLE_CASE_SHARE * len(words)


def a_lone_one(tokens: Tokens, amount: Amount) -> bool:
    """'one of many', 'one man': 'one' is an article more often than a count; it is a
    figure with a scale, a unit, a fraction or as the low end of a range."""
    return (
        tokens.lowers[amount.first].partition("-")[0] == "one"
        and amount.value == 1
        and amount.value_high is None
        and amount.group in ("", "count")  # "a one-page memo"
    )


def a_part_not_an_amount(tokens: Tokens, amount: Amount) -> bool:
    """'the first half', 'the other half', 'cut in half': a fraction word after an
    ordinal or article names a part, not an amount."""
    lowers, i = tokens.lowers, amount.first
    bare_fraction = lowers[i] == "half" or (
        lowers[i] in ("a", "an") and i + 1 < len(lowers) and lowers[i + 1] in FRACTIONS
    )
    return bare_fraction and _word_before(tokens, amount.start) in FRACTION_NOT_AFTER


def a_number_word_in_a_name(tokens: Tokens, amount: Amount) -> bool:
    """'Air Force One', 'Formula One', 'the Big Three': a capitalised number word after
    a capitalised word and before no lower-case one, in a sentence not in Title Case."""
    i, texts = amount.first, tokens.texts
    after = texts[amount.end] if amount.end < len(texts) else ""
    return (
        not amount.digits
        and i > 1
        and texts[i][:1].isupper()
        and texts[i - 1][:1].isupper()
        and not after[:1].islower()
        and tokens.lowers[i - 1] not in FUNCTION_WORDS
        and not _title_case(tokens)
    )


def an_idiomatic_one(tokens: Tokens, amount: Amount) -> bool:
    """'one day he would', 'one week we win': 'one' and a unit of time is an idiom unless
    it measures ('for one day', 'within one year') or places an event ('one day after')."""
    lowers = tokens.lowers
    return (
        lowers[amount.first] == "one"
        and amount.group == "duration"
        and amount.value == 1
        and _word_before(tokens, amount.start) not in _TIME_PREPOSITIONS
        and not TIME_RELATIONS.at(tokens, amount.end)
    )


def an_address(tokens: Tokens, amount: Amount) -> bool:
    """'10 Downing Street', '2150 Marrow Hill Way': a number before a capitalised street name."""
    texts, k = tokens.texts, amount.end
    while k < len(texts) and k < amount.end + _MAX_STREET_WORDS and texts[k][:1].isupper():
        if tokens.lowers[k].rstrip(".") in ADDRESS_WORDS:
            return amount.digits and not amount.unit
        k += 1
    return False


def after_another_number(tokens: Tokens, amount: Amount) -> bool:
    """'rooms 12 14', 'shares 0 7': a number right after another (not a year) is a
    list, a code or page furniture."""
    i = amount.start
    if i == 0 or not tokens.lowers[i - 1].isdigit():
        return False
    before = tokens.lowers[i - 1]
    return not (len(before) == 4 and _YEAR_LOW <= int(before) <= _YEAR_HIGH)


def a_title_with_a_unit(tokens: Tokens, amount: Amount) -> bool:
    """'28 Days', 'Seven Long Years': a capitalised unit after a number, in a sentence not
    in Title Case, is the title of a film, a book or a slogan."""
    k = amount.number_end
    word = tokens.texts[k] if k < len(tokens.texts) else ""
    return (
        amount.noun_unit
        and (amount.group == "duration" or (amount.group == "measure" and len(word) >= 5))
        and word[:1].isupper()
        and word[1:].islower()  # "Days", "Miles"; not an abbreviation, "GB", "Mbps"
        and not _title_case(tokens)
    )


def after_a_numbering_noun(tokens: Tokens, amount: Amount) -> bool:
    """'Section 232 tariffs', 'Article 5', 'Proposition 8', 'Route 66': a number after a
    noun that numbers things names one, wherever in the sentence."""
    i = amount.first
    return (
        amount.digits
        and amount.start == i
        and i > 0
        and tokens.texts[i - 1][:1].isupper()
        and tokens.lowers[i - 1] in NUMBERING_NOUNS
    )


def a_negated_amount(tokens: Tokens, amount: Amount) -> bool:
    """'it is not a $700,000 debt', 'no 500 jobs were lost': an amount the sentence denies
    is no figure of anything (but "not more than 50" bounds one)."""
    k = amount.start
    if k > 0 and tokens.lowers[k - 1] in ("a", "an", "the"):
        k -= 1
    return k > 0 and tokens.lowers[k - 1] in ("not", "no", "never")


def a_glued_m_without_money(tokens: Tokens, amount: Amount) -> bool:
    """'the 200m butterfly', 'a 400m race': an "m" glued to a number with no currency is
    metres as often as millions; only a plural after it ("20m people") makes it a count."""
    k = amount.number_end
    if amount.unit or amount.factor != 1e6 or k == 0 or tokens.lowers[k - 1] != "m":
        return False
    after = tokens.lowers[amount.end] if amount.end < len(tokens.lowers) else ""
    return not _plural_word(after)


# Measures that a span of time written before them qualifies, not counts: "a 50-year low",
# "the 10-year budget deficit", "the highest one-day death toll".
PERIOD_QUALIFIED = frozenset(
    """low lows high highs record records peak toll deficit deficits budget window average
    total growth cost costs spending""".split()
)


def a_period_qualifying_a_measure(tokens: Tokens, amount: Amount) -> bool:
    """'a 50-year low', 'a 10-year budget window': a hyphenated span of time before a
    measure says over what time the measure is taken; it is no figure of that measure
    (nor a length of anything the sentence reports)."""
    if not _hyphenated_span(tokens, amount):
        return False
    following = tokens.lowers[amount.end : amount.end + 2]
    return any(word in PERIOD_QUALIFIED for word in following)


def _hyphenated_span(tokens: Tokens, amount: Amount) -> bool:
    return amount.group == "duration" and any(
        "-" in t for t in tokens.texts[amount.start : amount.end]
    )


# Superlatives a number of things ranked comes before: "the two highest rates".
SUPERLATIVES = frozenset(
    """highest lowest largest biggest smallest greatest best worst longest shortest fastest
    slowest deadliest richest poorest oldest youngest strongest weakest""".split()
)


# Words a ranking may put between the number and its superlative: "the three previous
# highest deficits".
_BEFORE_A_SUPERLATIVE = frozenset("previous next last other".split())


def a_count_of_ranked_things(tokens: Tokens, amount: Amount) -> bool:
    """'the two highest unemployment rates', 'the three biggest banks', 'the three most
    populous states', 'the three previous highest deficits': how many things a ranking
    picks, not a figure of them."""
    after = tokens.lowers[amount.end : amount.end + 2]
    if after and after[0] in _BEFORE_A_SUPERLATIVE:
        after = after[1:]
    ranked = bool(after) and (after[0] in SUPERLATIVES or after[0] == "most")
    return not amount.unit and amount.value_high is None and ranked


def beyond_any_measure(tokens: Tokens, amount: Amount) -> bool:
    """A number of hundreds of digits ("1" followed by 400 zeros) is past what a float
    holds: no measure of anything, and no value that can be compared or written."""
    return any(
        value is not None and not math.isfinite(value)
        for value in (amount.value, amount.value_high)
    )


NOT_FIGURES: tuple[Callable[[Tokens, Amount], bool], ...] = (
    beyond_any_measure,
    next_to_a_month,
    a_date_in_digits,
    a_year,
    a_time_of_day,
    in_a_name,
    a_lone_one,
    an_idiomatic_one,
    a_part_not_an_amount,
    a_number_word_in_a_name,
    after_another_number,
    a_title_with_a_unit,
    an_address,
    after_a_numbering_noun,
    a_negated_amount,
    a_glued_m_without_money,
    a_period_qualifying_a_measure,
    a_count_of_ranked_things,
)


def not_a_figure(tokens: Tokens, amount: Amount) -> bool:
    return any(rule(tokens, amount) for rule in NOT_FIGURES)
