"""Checking and taking apart what users type, before it reaches the base.

Users type anything: nothing, a paragraph, punctuation, emoji, or FTS5 syntax such as
``NEAR(`` or ``"``. Every command runs its input through here first, so an odd question gets
a clear message instead of an exception, and text given to FTS5 is always a list of quoted
terms that cannot be read as query syntax.
"""

from __future__ import annotations

import re

from bot.textnorm import fold, stems, words

MAX_NAME_CHARS = 100
MAX_TEXT_CHARS = 300
MAX_TERMS = 12

_TERM = re.compile(r"\w+")

# Words that carry no topic of their own in "how many people were killed in the attacks".
# fmt: off
STOPWORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "did", "do", "does", "for", "from",
    "had", "has", "have", "how", "in", "into", "is", "it", "its", "many", "much", "number",
    "numbers", "of", "on", "or", "said", "say", "says", "than", "that", "the", "their", "there",
    "this", "to", "was", "were", "what", "when", "where", "which", "who", "whom", "why", "with",
))
# fmt: on


def problem(text: str, usage: str, max_chars: int = MAX_TEXT_CHARS) -> str | None:
    """Why ``text`` cannot be looked up, or None if it can."""
    if not text.strip():
        return f"Please say what to look up: {usage}"
    if len(text) > max_chars:
        return f"That is {len(text)} characters long; please use at most {max_chars}: {usage}"
    if not _TERM.search(text.replace("_", " ")):
        return f"“{text.strip()}” has no letters or digits to look up: {usage}"
    return None


def terms(text: str) -> list[str]:
    """The words of ``text``, case-folded, in any script, at most ``MAX_TERMS`` of them."""
    return _TERM.findall(text.casefold().replace("_", " "))[:MAX_TERMS]


def fts_query(found: list[str], operator: str = "AND") -> str:
    """An FTS5 query matching the terms as plain words: each one quoted, never syntax.

    A term is also tried in its folded spelling, because FTS5 drops accents but keeps
    letters such as the dotless ı: "yıldırım" then also finds "Yildirim", and back.
    """
    return f" {operator} ".join(_either(term) for term in found)


def _either(term: str) -> str:
    spellings = dict.fromkeys([term, *([fold(term)] if " " not in fold(term) else [])])
    quoted = ['"' + s.replace('"', '""') + '"' for s in spellings if s]
    return quoted[0] if len(quoted) == 1 else f"({' OR '.join(quoted)})"


def topic_stems(text: str) -> list[str]:
    """Stems of the words that say what a topic is about, without function words."""
    return stems(" ".join(w for w in words(text) if w not in STOPWORDS))


def topic_terms(text: str) -> list[str]:
    """The words of a topic for FTS5, without function words."""
    return [t for t in terms(text) if t not in STOPWORDS]
