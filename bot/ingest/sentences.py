"""Splitting cleaned text into sentences that keep their offsets.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by
space and something that can start a sentence. It does not end after an abbreviation (Mr.,
Gen., Jan., U.S.), an initial (Ada M. Ortiz), inside a number (3.5), or before a lower-case
word ("Stop!" he said). Paragraphs, separated by blank lines, always end a sentence, so a
headline or a subhead is a sentence of its own. Within a paragraph whose quotation marks
pair up, a quotation is never split ('"We tried. We failed." Then she left.').
"""

from __future__ import annotations

import re

from bot.model import Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov govs sen sens rep reps rev fr
    st jr sr pres supt insp det hon amb messrs mt ft no nos vs etc al inc corp co ltd bros dept
    est approx fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun e.g i.e u.s u.n u.k u.s.a e.u a.m p.m d.c ph.d""".split()
)
# Abbreviations that often do end a sentence when a capitalised word follows.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    ["etc", "inc", "corp", "co", "ltd", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c"]
)

# The longest a sentence may be (``_bounded``).
MAX_SENTENCE_CHARS = 2000
# A run of stops is matched from its start only, and never given back: "!!!" thousands
# long is read once.
_END = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s)")
_NEXT_START = re.compile(r"(\s+)[\"'(\[]?[A-Z0-9\u00c0-\u024f]")  # group 1: the spaces
_PRONOUN_START = re.compile(r"\s+(?:He|She|They|It|We|I|The|This|That|But|And|In|On)\b")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# Initials run together: "Tom H.W. Vindr", "J.R. Ortiz" (and "U.S.").
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, dot: int, stop: int, end: int) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation; text[stop:end] follows the dot."""
    match = _WORD_BEFORE.search(text, max(0, dot - 24), dot + 1)
    if not match:
        return False
    word = match.group(1).lower()
    if len(word) == 1 and word.isalpha():  # an initial: "Ada M. Ortiz"
        return True
    if word not in ABBREVIATIONS and not _INITIALS.fullmatch(word):
        return False
    # "...in the U.S. The next day" ends a sentence; "U.S. officials" does not.
    final = word in _SENTENCE_FINAL_ABBREVIATIONS or word not in ABBREVIATIONS
    return not (final and _PRONOUN_START.match(text, stop, end))


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    # Inside a quotation a sentence goes on; trusted only when the marks pair up.
    balanced = text.count('"', start, end) % 2 == 0
    marks, counted = 0, start  # quotation marks in text[start:counted]
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if balanced:
            marks += text.count('"', counted, stop)
            counted = stop
            if marks % 2:
                continue
        following = _NEXT_START.match(text, stop, end)
        if not following:
            continue
        punct = match.group(0)
        single_dot = punct.startswith(".") and len(punct.rstrip("\"')]")) == 1
        if single_dot and _is_abbreviation(text, match.start(), stop, end):
            continue
        spans.append((begin, stop))
        begin = following.end(1)  # past the spaces
    if begin < end:
        spans.append((begin, end))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its [start, end) offsets into ``text``."""
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        for begin, stop in _split_paragraph(text, paragraph.start(), paragraph.end()):
            for s, e in _bounded(text, begin, stop):
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    sentences.append(Sentence(len(sentences), s, e, text[s:e]))
    return sentences


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut into pieces of at most ``MAX_SENTENCE_CHARS``, each ending at a space
    where there is one. News sentences stay far below it (the longest of a 37,000-article
    corpus has 4,000 characters, and 45 of its 1.6 million pass 2,000); a "sentence" of tens
    of thousands is a list or a dump, and every step that reads a sentence whole (quotes,
    figures, names) would pay for it with its length squared."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
