"""Pairing quotation marks into quoted spans, paragraph by paragraph.

Marks are paired within a paragraph, so a stray mark costs at most that paragraph's quotes.
A mark opens after a space or an opening bracket and before a word; it closes after a word
and before a space or punctuation. A quotation that runs on over paragraphs follows the
newspaper convention: its paragraphs do not close the quote, and each next one reopens it.
Single quotation marks count only around a clause that opens a sentence (see
``_single_quoted``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile('"')
# A single quotation mark opening a statement (before a capital), and one closing it (after
# the clause's punctuation, before a space or the paragraph's end).
_SINGLE_OPEN = re.compile(r"(?<![\w'])'(?=[A-Z])")
_SINGLE_CLOSE = re.compile(r"[,.!?]'(?=\s|$)")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Span:
    """The words between one pair of quotation marks.

    ``close`` is the closing mark's offset, or the paragraph's end for a quote that runs on
    into the next paragraph (``runs_on``).
    """

    open: int
    close: int
    paragraph: int  # offset of the paragraph's first character
    runs_on: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([-—:") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)-—")


def _pair(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """The closed spans of text[start:end], and the offset of a mark left open at its end."""
    spans: list[Span] = []
    opened: int | None = None
    for match in _MARK.finditer(text, start, end):
        i = match.start()
        if opened is None:
            if _can_open(text, i):
                opened = i
        elif _can_close(text, i):
            spans.append(Span(opened, i, start))
            opened = None
        elif _can_open(text, i):
            opened = i  # the earlier mark was stray
    return spans, opened


def _starts_statement(text: str, paragraph: int, i: int) -> bool:
    """Whether the mark at ``i`` stands where a quoted statement begins: at the start of a
    sentence, after a colon, or after a comma before a capital ('she said, "We ...')."""
    before = text[paragraph:i].rstrip()
    if not before or before[-1] in '.!?:"':
        return True
    return before[-1] == "," and text[i + 1 : i + 2].isupper()


def quoted_spans(text: str) -> list[list[Span]]:
    """Each paragraph's quoted spans, in text order.

    A mark left open at a paragraph's end starts a quote that runs on when the next
    paragraph opens with a mark and the open mark stands where a statement begins, or when
    it opened the paragraph itself (a quote whose closing mark was lost); otherwise it was
    stray.
    """
    paragraphs = [(p.start(), p.end()) for p in _PARAGRAPH.finditer(text)]
    found: list[list[Span]] = []
    for k, (start, end) in enumerate(paragraphs):
        spans, opened = _pair(text, start, end)
        if opened is not None:
            next_opens = (
                k + 1 < len(paragraphs)
                and text[paragraphs[k + 1][0]] == '"'
                and _starts_statement(text, start, opened)
            )
            if opened == start or next_opens:
                spans.append(Span(opened, end, start, runs_on=next_opens))
        if _SINGLE_CLOSE.search(text, start, end):
            spans = sorted(spans + _single_quoted(text, start, end, spans), key=lambda s: s.open)
        found.append(spans)
    return found


def _single_quoted(text: str, start: int, end: int, double: list[Span]) -> list[Span]:
    """Statements in single quotation marks, as some outlets print speech: only a whole
    clause opening a sentence ("'We will rebuild,' Ortiz said."), since the same mark is
    also the apostrophe (don't, Ortiz's, the workers' union) and the mark of quotes within
    quotes. It opens where a sentence starts, before a capital, and closes after the clause's
    punctuation, before a space."""
    spans: list[Span] = []
    for opening in _SINGLE_OPEN.finditer(text, start, end):
        i = opening.start()
        if (spans and i < spans[-1].close) or any(d.open < i < d.close for d in double):
            continue
        if not _starts_statement(text, start, i) or text[start:i].rstrip()[-1:] == ",":
            continue
        closing = _SINGLE_CLOSE.search(text, i + 2, end)
        if closing and '"' not in text[i : closing.end()]:
            spans.append(Span(i, closing.end() - 1, start))
    return spans
