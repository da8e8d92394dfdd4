"""Small tests on the shared tokens for reading numbers, and the one split numbers need.

Numbers are read from the sentence tokens the other extractors share: digits are tokens of
their own ("12", "3.2", "4,300"), and what is glued to them (a currency sign, a sign, a
scale letter, "-inch", "p") is a separate token whose adjacency still shows. The one
exception is a currency code run into its digits ("USD10m", "RM2.70"), which the shared
tokenizer keeps as one word; ``split_currency_codes`` splits it in the few sentences that
have one.
"""

from __future__ import annotations

import re
from itertools import accumulate

from bot.extract.tokens import Tokens

# A word run into digits: "USD10m", "RM2", "Rs500", "ZQ48".
_LETTERS_THEN_DIGITS = re.compile(r"[^\W\d_]\d")
_CODE_AND_DIGITS = re.compile(r"([^\W\d_]+)(\d+)([^\W\d_]*)")


def glued(tokens: Tokens, i: int) -> bool:
    """Token ``i`` follows token ``i - 1`` with no space between them."""
    return 0 < i < len(tokens.texts) and tokens.starts[i] == tokens.ends[i - 1]


def is_digits(word: str) -> bool:
    return word[:1].isdigit()


def split_currency_codes(text: str, tokens: Tokens, codes: frozenset[str]) -> Tokens:
    """``tokens`` with each word that is a currency code run into digits split in two or
    three: "USD10m" -> "USD", "10", "m". Other words with digits ("ZQ48", "X-29") are
    names and stay whole. ``text`` is the sentence's text."""
    if not _LETTERS_THEN_DIGITS.search(text):
        return tokens
    split = Tokens([], [], [], [])
    # The shared tokenizer's ``starts`` may hold one offset more than there are tokens.
    for word, start in zip(tokens.texts, tokens.starts, strict=False):
        match = _CODE_AND_DIGITS.fullmatch(word)
        code = match is not None and match.group(1).lower() in codes
        parts = [p for p in match.groups() if p] if match and code else [word]
        offsets = list(accumulate(map(len, parts), initial=start))
        split.texts.extend(parts)
        split.lowers.extend(p.lower() for p in parts)
        split.starts.extend(offsets[:-1])
        split.ends.extend(offsets[1:])
    return split
