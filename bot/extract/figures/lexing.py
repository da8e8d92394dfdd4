"""Tokens for reading numbers: digits apart from the letters and signs around them.

The shared tokenizer keeps "USD10m" and "RM2" whole and reads "10:30" as one token, which
suits names; a number needs its digits on their own, with the decimal point and thousands
separators kept inside them (".5", "2.70", "4,300") and everything glued to them (currency
codes, signs, scale letters, "-inch", "p") as separate tokens whose adjacency still shows.
Only sentences that may hold a number are tokenized this way.
"""

from __future__ import annotations

import re
from itertools import accumulate

from bot.extract.tokens import Tokens

_FIGURE_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?"  # 4,300  6,100.5
    r"|\d+(?:\.\d+)?"  # 12  3.2
    r"|(?<![\w.])\.\d+"  # .5
    r"|[^\W\d_](?:\.[^\W\d_])+\.?"  # U.S., a.m.
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*"  # words, two-thirds
    r"|[^\w\s]"  # any other character: $ % - / :
)


# The pattern as one group: splitting on it yields gaps and tokens in turn, and every offset
# follows from the lengths alone, with no match object made per token.
_FIGURE_TOKEN_OR_GAP = re.compile(f"({_FIGURE_TOKEN.pattern})")


def tokenize_figures(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]`` for reading numbers, with offsets into ``text``."""
    parts = _FIGURE_TOKEN_OR_GAP.split(text[start:end])  # gap, token, gap, ..., gap
    offsets = list(accumulate(map(len, parts), initial=start))
    texts = parts[1::2]
    return Tokens(texts, list(map(str.lower, texts)), offsets[1::2], offsets[2::2])


def glued(tokens: Tokens, i: int) -> bool:
    """Token ``i`` follows token ``i - 1`` with no space between them."""
    return 0 < i < len(tokens.texts) and tokens.starts[i] == tokens.ends[i - 1]


def is_digits(word: str) -> bool:
    return word[:1].isdigit() or (word[:1] == "." and word[1:2].isdigit())
