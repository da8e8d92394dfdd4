"""Reading an amount: a number with its sign, scale, range, currency, unit and rate.

``read_amount`` starts at a token that may begin a number ("3.2", "twenty-five", "half",
"hundreds", "a million") and reads as far as the amount goes: "between 3 and 5 million",
"US$1.2 billion", "−3.2%", "a 40-year-old", "$3,500 a month". It returns None when the
number is run into something that makes it a code or a name ("4G", "21st", "X-29s",
"a 5-4 ruling"); whether an amount is a figure at all (a year, a date, a time, "Flight 17")
is for the rules of ``bot.extract.figures.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.extract.figures.lexing import glued, is_digits
from bot.extract.figures.vocabulary import (
    AGE_BEFORE,
    AGE_WORDS,
    APPROXIMATORS,
    APPROXIMATORS_AFTER,
    CURRENCY_BEFORE,
    FRACTIONS,
    GLUED_SCALES,
    GLUED_SUBUNITS,
    GLUED_SUFFIXES,
    HYPHENATED_COUNTS,
    NEGATIVE_WORDS,
    NUMBERS,
    RATE_ADVERBS,
    RATE_WORDS,
    RATES,
    RATES_BEFORE,
    SCALES,
    SPACED_SCALES,
    TIME_RELATIONS,
    UNIT_ADJECTIVES,
    UNITS,
    VAGUE,
    VAGUE_BEFORE_SCALE,
    VULGAR_FRACTIONS,
    WORDS_AFTER,
    Unit,
)
from bot.extract.lexicon import FUNCTION_WORDS, can_be_noun, verb_of
from bot.extract.tokens import Tokens, tokenize

# Joining two numbers into a range: "5 to 10", "8 or 9", "10-12", "between 3 and 5".
_RANGE_WORDS = frozenset(["to", "or"])
_RANGE_DASHES = frozenset(["-", "–"])
_SIGNS = frozenset(["-", "−", "–"])
MAX_AGE = 120  # years: a larger bare number after "aged" or between commas is no age


@dataclass(slots=True)
class Amount:
    """An amount read from tokens ``start`` to ``end`` (exclusive).

    ``first`` is the number's own first token (after any currency sign, sign or "between");
    ``group`` is the unit's group: "percent", "money", "duration", "measure", "count" (a
    counted noun as unit: "a 44-page report") or "" for a plain count; ``per`` is what the
    amount is counted per ("month" in "$3,500 a month").
    """

    start: int
    first: int
    end: int
    value: float | None
    value_high: float | None = None
    unit: str = ""
    group: str = ""
    per: str = ""
    approx_after: str = ""
    digits: bool = False  # written in digits, not words
    fraction: bool = False  # a fraction ("two-thirds", "half", "1/2")
    factor: float = 1.0  # what scale words or letters multiplied it by
    noun_unit: bool = False  # the unit is a word after the number ("30 days", "90 percent")
    age: bool = False  # an age: "a 40-year-old", "14 years old", "aged 34"
    number_end: int = 0  # the token after the number (and its range), before its unit
    tail: list[str] = field(default_factory=list)


def read_amount(tokens: Tokens, i: int) -> Amount | None:
    """The amount whose number starts at token ``i``, or None if none starts there."""
    amount = _read_number(tokens, i)
    if amount is None or amount.value is None:
        return amount
    _read_currency_before(tokens, amount)
    if amount.fraction:
        of_amount = _fraction_of_amount(tokens, amount)
        if of_amount:
            return of_amount
    if not _read_range(tokens, amount):
        return None
    amount.number_end = amount.end
    _read_approximator_after(tokens, amount)
    if not _read_unit(tokens, amount):
        return None
    _read_sign(tokens, amount)
    _read_age_before(tokens, amount)
    read_rate(tokens, amount, amount.end)
    return amount


# -- the number ---------------------------------------------------------------------------


def _read_number(tokens: Tokens, i: int) -> Amount | None:
    """The number at ``i`` with its fraction and scales, or a vague amount (value None)."""
    lowers = tokens.lowers
    word = lowers[i]
    nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
    if is_digits(word):
        amount = _digits(tokens, i)
    elif word in VAGUE:
        return _vague(lowers, i)
    elif word in VAGUE_BEFORE_SCALE or (word == "a" and nxt == "few"):
        k = i + 1 if word != "a" else i + 2
        return Amount(i, i, k + 1, None) if k < len(lowers) and lowers[k] in SCALES else None
    elif word in ("a", "an"):
        amount = _article_number(lowers, i)
    elif word == "half":
        amount = _half(tokens, i)
    else:
        amount = _number_word(lowers, i)
    if amount is None:
        return None
    _and_a_half(lowers, amount)
    _spelled_fraction(lowers, amount)
    _scale(tokens, amount)
    _spelled_rest(lowers, amount)
    _ratio(tokens, amount)
    return amount


def _digits(tokens: Tokens, i: int) -> Amount | None:
    """'12', '3.2', '4,300', '.5', '2.70' after a split currency code ('RM2.70'). A
    leading zero ('03', '0900') marks a date, a time or a code, and a colon a time or a
    ratio ('10:30')."""
    lowers = tokens.lowers
    word = lowers[i]
    if (word[0] == "0" and word[1:2].isdigit()) or ":" in word or word.count(".") > 1:
        return None
    start, end = i, i + 1
    if _decimal_point(tokens, i - 1):  # ".5"
        start, word = i - 1, "0." + word
    elif _decimal_point(tokens, i + 1):  # "2" "." "70"
        word, end = f"{word}.{lowers[i + 2]}", i + 3
    amount = Amount(start, start, end, float(word.replace(",", "")), digits=True)
    _fraction_after_digits(tokens, amount)
    return amount


def _decimal_point(tokens: Tokens, k: int) -> bool:
    """Token ``k`` is a decimal point: a '.' with digits glued after it, and before it
    digits or nothing glued ('.5', '2.70' split by a currency code, not 'end.5')."""
    lowers = tokens.lowers
    if not (0 <= k < len(lowers) - 1 and lowers[k] == "." and glued(tokens, k + 1)):
        return False
    return lowers[k + 1].isdigit() and (not glued(tokens, k) or lowers[k - 1].isdigit())


def _fraction_after_digits(tokens: Tokens, amount: Amount) -> None:
    """'2½'; '1/2' and '3/4' (not '9/11' or '3/4/2020', a date)."""
    lowers, k = tokens.lowers, amount.end
    value = amount.value or 0.0
    if glued(tokens, k) and lowers[k] in VULGAR_FRACTIONS:
        amount.value, amount.end = value + VULGAR_FRACTIONS[lowers[k]], k + 1
    elif (
        k + 1 < len(lowers)
        and lowers[k] == "/"
        and glued(tokens, k)
        and glued(tokens, k + 1)
        and lowers[k + 1].isdigit()
        and not (k + 2 < len(lowers) and lowers[k + 2] == "/")
    ):
        denominator = float(lowers[k + 1])
        if value.is_integer() and 0 < value < denominator <= max(FRACTIONS.values()):
            amount.value, amount.end, amount.fraction = value / denominator, k + 2, True


def _vague(lowers: list[str], i: int) -> Amount | None:
    """'hundreds', 'thousands of', 'hundreds of thousands'; 'tens' and 'scores' only
    before 'of' ("test scores" are not an amount)."""
    end = i + 1
    has_of = end < len(lowers) and lowers[end] == "of"
    if lowers[i] in ("tens", "scores") and not has_of:
        return None
    if has_of and end + 1 < len(lowers) and lowers[end + 1] in VAGUE:
        end += 2
    return Amount(i, i, end, None)


def _article_number(lowers: list[str], i: int) -> Amount | None:
    """'a million', 'a dozen', 'a hundred'; 'a third of', 'a quarter of'."""
    nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
    if nxt in SCALES:
        return Amount(i, i, i + 2, SCALES[nxt], factor=SCALES[nxt])
    if nxt in FRACTIONS and i + 2 < len(lowers) and lowers[i + 2] == "of":
        return Amount(i, i, i + 2, 1 / FRACTIONS[nxt], fraction=True)
    return None


def _half(tokens: Tokens, i: int) -> Amount | None:
    """'half a million', 'half an hour' (the unit is read after), 'half of the voters'."""
    after = tokens.lowers[i + 1 : i + 3]
    if after[:1] in (["a"], ["an"]) and len(after) == 2:
        if after[1] in SCALES:
            return Amount(i, i, i + 3, 0.5 * SCALES[after[1]], factor=SCALES[after[1]])
        if UNITS.at(tokens, i + 2):
            return Amount(i, i, i + 2, 0.5)
    return Amount(i, i, i + 1, 0.5, fraction=True)


def _number_word(lowers: list[str], i: int) -> Amount | None:
    """'three', 'twenty five', 'twenty-five', 'two-thirds', 'seven-year' (the hyphenated
    rest, "year", is left in ``tail`` for the unit)."""
    parts = lowers[i].split("-")
    value, used = _leading_number(parts)
    if value is None:
        if parts[0] != "half" or len(parts) == 1:
            return None
        value, used = 0.5, 1  # "half-hour"
    fraction = (
        used < len(parts)
        and parts[used] in FRACTIONS
        and value < FRACTIONS[parts[used]]
        and (value <= 1 or parts[used].endswith("s"))  # "a two-quarter slump" is a span
    )
    if fraction:
        value, used = value / FRACTIONS[parts[used]], used + 1
    amount = Amount(i, i, i + 1, value, fraction=fraction, tail=parts[used:])
    if amount.tail and amount.tail[0] in SCALES:  # "half-dozen", "two-million"
        amount.value *= SCALES[amount.tail[0]]
        amount.factor, amount.fraction, amount.tail = SCALES[amount.tail[0]], False, amount.tail[1:]
    if used == 1 and len(parts) == 1 and value >= 20 and value % 10 == 0:
        nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
        if NUMBERS.get(nxt, 10) < 10:  # "twenty five"
            amount.value, amount.end = value + NUMBERS[nxt], i + 2
    return amount


def _leading_number(parts: list[str]) -> tuple[float | None, int]:
    """The number the first hyphenated parts spell ('twenty', 'five') and how many."""
    if parts[0] not in NUMBERS:
        return None, 0
    value = NUMBERS[parts[0]]
    if len(parts) > 1 and value >= 20 and value % 10 == 0 and NUMBERS.get(parts[1], 10) < 10:
        return value + NUMBERS[parts[1]], 2
    return value, 1


def _and_a_half(lowers: list[str], amount: Amount) -> None:
    """'two and a half (million)'."""
    end = amount.end
    if lowers[end : end + 3] == ["and", "a", "half"] and amount.value is not None:
        amount.value += 0.5
        amount.end = end + 3


def _spelled_fraction(lowers: list[str], amount: Amount) -> None:
    """'two thirds of', 'one quarter of': a number word, a denominator and 'of'."""
    end = amount.end
    if amount.digits or amount.tail or end + 1 >= len(lowers) or lowers[end + 1] != "of":
        return
    denominator = FRACTIONS.get(lowers[end])
    if denominator and amount.value is not None and 0 < amount.value < denominator:
        amount.value /= denominator
        amount.end, amount.fraction = end + 1, True


def _scale(tokens: Tokens, amount: Amount) -> None:
    """Scale words and letters after the number: '3 million', '10m', '$2b', 'EUR 5 bn',
    'two hundred thousand'. Letters count only glued to the digits, or spaced if no unit
    is written that way."""
    lowers = tokens.lowers
    end = amount.end
    while end < len(lowers) and amount.value is not None and not amount.tail:
        word = lowers[end].removesuffix("-plus")  # "$16 trillion-plus": a scale, and more
        if word in SCALES and not (word == "dozen" and amount.digits):
            factor = SCALES[word]
        elif amount.digits and glued(tokens, end) and word in GLUED_SCALES:
            factor = GLUED_SCALES[word]
        elif amount.digits and word in SPACED_SCALES:
            factor = SPACED_SCALES[word]
        else:
            break
        amount.value *= factor
        amount.factor *= factor
        end += 1
    amount.end = end


def _spelled_rest(lowers: list[str], amount: Amount) -> None:
    """'one hundred and fifty', 'two thousand twenty-five': the smaller number words after
    a spelled scale are added to it."""
    end = amount.end
    if amount.digits or amount.value is None or amount.factor < 100 or end >= len(lowers):
        return
    start = end + 1 if lowers[end] == "and" else end
    rest = _number_word(lowers, start) if start < len(lowers) else None
    if rest and rest.value and not rest.tail and not rest.fraction and rest.value < amount.factor:
        amount.value += rest.value
        amount.end = rest.end


def _fraction_of_amount(tokens: Tokens, fraction: Amount) -> Amount | None:
    """'one-quarter of 1 percent', 'half of $10 million': the fraction of the amount after 'of'."""
    lowers, k = tokens.lowers, fraction.end
    if k + 1 >= len(lowers) or lowers[k] != "of" or not is_digits(lowers[k + 1]):
        return None
    amount = read_amount(tokens, k + 1)
    if amount is None or amount.value is None or fraction.value is None:
        return None
    amount.value *= fraction.value
    if amount.value_high is not None:
        amount.value_high *= fraction.value
    amount.start, amount.first, amount.digits = fraction.start, fraction.first, False
    return amount


def _ratio(tokens: Tokens, amount: Amount) -> None:
    """'3 out of 10', 'one in five': the share one number is of the other."""
    lowers, end = tokens.lowers, amount.end
    if amount.factor != 1.0 or amount.fraction or amount.tail or amount.value is None:
        return
    if lowers[end : end + 2] == ["out", "of"]:
        k = end + 2
    elif lowers[end : end + 1] == ["in"]:
        k = end + 1
    else:
        return  # "one of five judges" is one of them, not a share
    if k >= len(lowers):
        return
    whole = NUMBERS.get(lowers[k]) if lowers[k] in NUMBERS else _plain_digits(lowers[k])
    if whole and amount.value < whole and not (lowers[k][:1].isdigit() and len(lowers[k]) == 4):
        amount.value, amount.end, amount.fraction = amount.value / whole, k + 1, True


def _plain_digits(word: str) -> float | None:
    return float(word) if word.isdigit() and word[0] != "0" else None


# -- ranges and alternatives --------------------------------------------------------------


# Verbs before "from X to Y" that make it a span of values, not a change.
_SPAN_VERBS = frozenset("range ranges ranged ranging vary varies varied varying run runs".split())


def _word(tokens: Tokens, k: int) -> str:
    return tokens.lowers[k] if 0 <= k < len(tokens.lowers) else ""


def _read_range(tokens: Tokens, amount: Amount) -> bool:
    """'5 to 10', '8 or 9', '10-12', 'between 3 and 5 million', '$3 billion to $5 billion':
    the upper end goes to ``value_high`` and a scale written only after it applies to both.
    False for two numbers joined by a dash that do not rise ('5-4', '52-48'): a score or a
    vote, not an amount."""
    lowers = tokens.lowers
    k = amount.end
    if k + 1 >= len(lowers) or amount.tail:
        return True
    joint = lowers[k]
    before = lowers[amount.start - 1] if amount.start else ""
    dash = joint in _RANGE_DASHES and glued(tokens, k) and glued(tokens, k + 1)
    if not (dash or joint in _RANGE_WORDS or (joint == "and" and before == "between")):
        return True
    if amount.fraction:
        return True  # "by almost half to €312m": a fraction, then what it came to
    if before == "from" and _word(tokens, amount.start - 2) not in _SPAN_VERBS:
        return True  # "from 5 to 10": a change, two figures; "ranging from 5 to 10" spans
    j = k + 1
    currency = CURRENCY_BEFORE.at(tokens, j)
    if currency:
        j = currency[0]
    if j >= len(lowers):
        return True
    if not (is_digits(lowers[j]) or lowers[j] in NUMBERS or lowers[j].split("-")[0] in NUMBERS):
        return True
    high = _read_number(tokens, j)
    if high is None or high.value is None or amount.value is None:
        return True
    low = amount.value
    if amount.factor == 1.0 and high.factor != 1.0 and low * high.factor < high.value:
        low *= high.factor  # "between 3 and 5 million"
    if not low < high.value:
        return not (dash and amount.digits and high.digits)
    amount.value, amount.value_high, amount.end = low, high.value, high.end
    amount.tail = high.tail
    amount.factor = max(amount.factor, high.factor)
    if before in ("between", "from"):
        amount.start -= 1
    return True


# -- what comes after the number ------------------------------------------------------------


def _read_approximator_after(tokens: Tokens, amount: Amount) -> None:
    """'10 or more', 'a million or so', '40-odd', '200-plus', '12,000+'."""
    k = amount.end
    if k < len(tokens.lowers) and tokens.lowers[k] == "+" and glued(tokens, k):
        amount.approx_after, amount.end = "or more", k + 1
        return
    if k < len(tokens.lowers) and tokens.lowers[k] == "-" and glued(tokens, k):
        found = APPROXIMATORS_AFTER.at(tokens, k + 1)
        if found and glued(tokens, k + 1):
            amount.approx_after, amount.end = found[1], found[0]
        return
    found = APPROXIMATORS_AFTER.at(tokens, k)
    if found and found[1].startswith("or"):
        amount.approx_after, amount.end = found[1], found[0]


def _read_unit(tokens: Tokens, amount: Amount) -> bool:
    """The unit after the number: glued ('40km', '164p'), hyphenated ('6.1-inch', 'a
    40-year-old', 'seven-year'), or after a space ('12 miles', '5 euros', '50 cents', '3.2%',
    '14 years old'). False when letters glued to the digits are no unit ('21st', '4G',
    '1990s') or a hyphenated word is none ('a 10-point plan', 'X-29')."""
    lowers = tokens.lowers
    k = amount.end
    if amount.tail:
        return _hyphenated_unit(amount.tail, amount, k, _word(tokens, k))
    if k >= len(lowers):
        return True
    if glued(tokens, k) and amount.digits and lowers[k][:1].isalpha():
        if lowers[k] not in GLUED_SUFFIXES:
            return False
        subunit = GLUED_SUBUNITS.get(tokens.texts[k])  # "164p", "50c"; not "2C", "4p.m."
        if subunit and lowers[k + 1 : k + 3] != [".", "m"]:
            _set_money(amount, subunit, k + 1, 0.01)
            return True
    if lowers[k] in ("-", "–") and glued(tokens, k):
        if k + 1 < len(lowers) and glued(tokens, k + 1) and lowers[k + 1][:1].isalpha():
            return _hyphenated_unit(lowers[k + 1].split("-"), amount, k + 2, _word(tokens, k + 2))
        return False  # "24-7", "X-29-" : a code
    if lowers[k] == "/" and glued(tokens, k):
        return False  # "24/7", "20/20"
    _spaced_unit(tokens, amount, k)
    return True


def _hyphenated_unit(parts: list[str], amount: Amount, end: int, following: str) -> bool:
    """'inch', 'year-old', 'mile-long', 'day', 'page': a unit or a counted thing, then 'old'
    for an age or a word that says what was measured. Any other word makes the compound a
    name or a description ('a four-star general', 'one-liner'), not a figure. The word
    ``following`` may end an age written with one hyphen: 'a 47-year old man'."""
    two = UNITS.at(tokenize(" ".join(parts[:2])), 0) if len(parts) > 1 else None
    one = UNITS.word(parts[0]) or HYPHENATED_COUNTS.get(parts[0])
    size, unit = (2, two[1]) if two and two[0] == 2 else (1, one)
    rest = parts[size:]
    if unit is None or not all(p in UNIT_ADJECTIVES or p in AGE_WORDS for p in rest):
        return False
    _set_unit(amount, unit, end)
    amount.tail = []
    amount.age = unit.group == "duration" and any(p in AGE_WORDS for p in rest)
    if unit.group == "duration" and not rest and following in AGE_WORDS:
        amount.age, amount.end = True, end + 1
    return True


def _spaced_unit(tokens: Tokens, amount: Amount, k: int) -> None:
    """The longest unit, currency or currency subunit written after the number; after a
    currency sign, only the same currency again ("$5 dollars")."""
    found = WORDS_AFTER.at(tokens, k)
    if found is None:
        return
    end, (kind, value) = found
    if amount.group == "money":
        if kind == "money" and value == amount.unit:
            amount.end = end
        return
    amount.noun_unit = tokens.lowers[end - 1][:1].isalpha()
    if isinstance(value, Unit):
        _set_unit(amount, value, end)
        if (
            value.group == "duration"
            and end < len(tokens.lowers)
            and tokens.lowers[end] in AGE_WORDS
        ):
            amount.end = end + 1  # "14 years old"
            amount.age = True
    else:
        _set_money(amount, value, end, 0.01 if kind == "subunit" else 1.0)


def _set_money(amount: Amount, code: str, end: int, factor: float = 1.0) -> None:
    amount.unit, amount.group, amount.end = code, "money", end
    if factor != 1.0 and amount.value is not None:
        amount.value *= factor
        if amount.value_high is not None:
            amount.value_high *= factor


def _set_unit(amount: Amount, unit: Unit, end: int) -> None:
    amount.unit, amount.group, amount.end = unit.name, unit.group, end


# -- what comes before the number -------------------------------------------------------------


def _read_currency_before(tokens: Tokens, amount: Amount) -> None:
    """'$5', 'US$1.2 billion', 'USD10m', 'EUR 5bn', 'RM2.70', 'C$40'."""
    found = CURRENCY_BEFORE.before(tokens, amount.start)
    if found:
        amount.start = found[0]
        amount.unit, amount.group = found[1], "money"


def _read_sign(tokens: Tokens, amount: Amount) -> None:
    """'−3.2%' (a sign glued to the number, not to a word before it) and 'minus 40'."""
    k = amount.start - 1
    if k < 0 or amount.value is None:
        return
    word = tokens.lowers[k]
    sign = word in _SIGNS and glued(tokens, k + 1) and not glued(tokens, k)
    if sign or word in NEGATIVE_WORDS:
        amount.value = -amount.value
        if amount.value_high is not None:
            amount.value_high = -amount.value_high
        amount.start = k


def _read_age_before(tokens: Tokens, amount: Amount) -> None:
    """'aged 34', 'age 34'."""
    k = amount.start - 1
    value = amount.value
    if (
        k >= 0
        and tokens.lowers[k] in AGE_BEFORE
        and not amount.unit
        and value is not None
        and value.is_integer()
        and 0 < value <= MAX_AGE
    ):
        amount.unit, amount.group, amount.age = "year", "duration", True


def read_rate(tokens: Tokens, amount: Amount, k: int) -> None:
    """'$3,500 a month', 'four per day', '$15 an hour', '5 percent a year', 'per capita',
    '40 migrants annually', read at token ``k``; not 'a year ago', which places a time."""
    lowers = tokens.lowers
    if k < len(lowers) and lowers[k] in RATE_ADVERBS and not _before_a_noun(lowers, k):
        amount.per = RATE_ADVERBS[lowers[k]]
        amount.end = max(amount.end, k + 1)
        return
    if k + 1 >= len(lowers) or lowers[k] not in RATE_WORDS or lowers[k + 1] not in RATES:
        return
    if TIME_RELATIONS.at(tokens, k + 2):
        return
    amount.per = lowers[k + 1]
    amount.end = max(amount.end, k + 2)


def _before_a_noun(lowers: list[str], k: int) -> bool:
    """'1,200 hourly workers', '$500 monthly payments': the word at ``k`` is an adjective of
    the noun after it, not how often."""
    return k + 1 < len(lowers) and lowers[k + 1].isalpha() and can_be_noun(lowers[k + 1])


def read_rate_before(tokens: Tokens, amount: Amount) -> None:
    """'every year kills 40 hikers', 'in most years the fever kills 40', 'each week, 300
    arrive': a period opened by ``RATES_BEFORE`` right before the amount, or before the
    verb there and at most ``_SUBJECT_WORDS`` words of its subject, makes the count a
    rate."""
    lowers = tokens.lowers
    approximator = APPROXIMATORS.before(tokens, amount.start)  # "every year, more than 40"
    end = approximator[0] if approximator else amount.start
    ends = [end]
    if end and _a_verb(lowers[end - 1]):
        ends.append(end - 1)
        while ends[-1] > 0 and len(ends) <= _SUBJECT_WORDS + 1 and lowers[ends[-1] - 1].isalpha():
            ends.append(ends[-1] - 1)
    for stop in ends:
        at = stop - 1 if stop and lowers[stop - 1] == "," else stop
        period = lowers[at - 1].removesuffix("s") if at else ""
        if period in RATES and any(
            tuple(lowers[max(0, at - 1 - len(opener)) : at - 1]) == opener
            for opener in RATES_BEFORE
        ):
            amount.per = period
            return


# Words of a subject between a period and its verb: "in most years the fever kills 40".
_SUBJECT_WORDS = 3


def _a_verb(word: str) -> bool:
    """An inflected verb between a period and a count: "every year kills 40"."""
    return word not in FUNCTION_WORDS and bool(verb_of(word))
