"""What every pass reads of an article: worked out once, before the passes, and not changed."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from operator import itemgetter

from bot.extract.lexicon import FUNCTION_WORDS, PARTICLES, common_words, demonyms, places
from bot.extract.tokens import Tokens, is_acronym, is_capitalised, strip_possessive
from bot.model import Article

_ASCII_LOWER = frozenset(string.ascii_lowercase)
_BRACKETED = re.compile(r"\(([A-Z]{2,7})\)")


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """An article's sentences with what the capitals in them can say, and the word lists."""

    article: Article
    tokens: list[Tokens]  # of each sentence
    headlines: list[bool]  # of each sentence: a Title Case line, whose capitals say nothing
    name_starts: list[list[int]]  # of each sentence: where a name can begin (none in headlines)
    # Words (lower case) the article capitalises somewhere other than a sentence's start.
    capitalised_inside: frozenset[str]
    # Words the article writes in lower case somewhere ("new" in "a new law").
    written_lower: frozenset[str]
    common: frozenset[str]
    places: frozenset[str]
    demonyms: dict[str, str]
    # Words in capitals the article gives in brackets, "(ICE)": acronyms there, even when
    # they also spell a word.
    bracketed: frozenset[str]

    def acronym(self, word: str) -> bool:
        """Whether ``word`` is an acronym in this article."""
        return is_acronym(word) or strip_possessive(word) in self.bracketed

    @classmethod
    def of(cls, article: Article, tokens: list[Tokens]) -> ArticleContext:
        headlines = [is_title_case(t) for t in tokens]
        starts_of: list[list[int]] = []
        inside: set[str] = set()
        lower: set[str] = set()
        for sentence, headline in zip(tokens, headlines, strict=True):
            lower.update(w for w in sentence.texts if w[:1].islower())
            if headline:
                starts_of.append([])
                continue
            starts = name_starts(sentence)
            starts_of.append(starts)
            capitals = [sentence.lowers[k] for k in starts if k and sentence.texts[k][0].isupper()]
            inside.update(map(strip_possessive, capitals))
        return cls(
            article,
            tokens,
            headlines,
            starts_of,
            frozenset(inside),
            frozenset(lower),
            common_words(),
            places(),
            demonyms(),
            frozenset(_BRACKETED.findall(article.text)) if "(" in article.text else frozenset(),
        )


def is_title_case(tokens: Tokens) -> bool:
    """A headline whose every word is capitalised: capitals say nothing there."""
    texts = tokens.texts
    if len(texts) > 40:
        return False
    # A word starting a-z is neither capitalised nor shouted, so when such words are over
    # 30% of the tokens both tests below fail: this count, done in C, settles most prose.
    lower_starts = sum(map(_ASCII_LOWER.__contains__, map(itemgetter(0), texts)))
    if 10 * lower_starts > 3 * len(texts):
        return False
    words = capitalised = shouting = 0
    small_capitalised = False  # "Of", "The": only a headline capitalises those
    for text, lower in zip(texts, tokens.lowers, strict=True):
        if not text[:1].isalpha():
            continue
        words += 1
        if text[:1].isupper():
            capitalised += 1
            small_capitalised = small_capitalised or lower in FUNCTION_WORDS
        if len(text) > 1 and text.isupper():
            shouting += 1
    return words >= 5 and (
        shouting >= 0.7 * words or (capitalised >= 0.85 * words and small_capitalised)
    )


def name_starts(tokens: Tokens) -> list[int]:
    """Where a name can begin: a capitalised word, a particle ("al", "von"), or a particle
    or prefix joined to a capitalised word ("al-Rashid", "ex-Minister")."""
    return [
        k
        for k, text in enumerate(tokens.texts)
        if text[0].isupper() or text in PARTICLES or ("-" in text and is_capitalised(text))
    ]
