"""Transcript lines: a paragraph that opens with its speaker and a colon, without marks.

    SMITH: We will not vote for it.
    Ana Ortiz: Nor will we.
    Q: Will you run again?
    A: Not this time.

A label is a speaker when it is a person of the article (by full name, or by surname in
capitals), or when the article alternates between several such capitalised labels (a
broadcast transcript whose speakers are named only there). "A:" is the person the article
says it interviews ("an interview with Ana Ortiz"); "Q:" is the interviewer and is left out,
as is any label of common words ("Update:", "Photos:") or naming no person ("CNN:").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from bot.extract.lexicon import common_words
from bot.model import Article, Entity, Quote
from bot.textnorm import fold

# A label, a colon and what was said, ending as a sentence ends (a line without a final stop,
# "Ana Ortiz: The bridge we need", is a heading). Words in quotation marks are the turn's,
# marks aside.
_LINE = re.compile(
    r"(?P<label>[A-Z][A-Za-z.'\- ]{0,40}?):[ \t]+(?P<words>\S.*[.?!\"')\-\u2026\u201c\u201d])\s*"
)
# A label in capitals inside a line, after the end of the turn before it.
_INLINE_LABEL = re.compile(
    r"(?<=[.?!\-\u2026\"\u201c\u201d] )[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*:[ \t]"
)
# The quotation marks a turn's words may stand in ('SMITH: "We will not."').
_MARKS = '"\u201c\u201d '
# A transcript has turns: at least this many labelled lines.
MIN_TURNS = 2
# Labels of page furniture that the common words may miss.
_FURNITURE = frozenset("photo photos video videos watch related credit credits".split())
_LABEL = re.compile(r"\n[A-Z][A-Za-z.'\- ]{0,40}:[ \t]")
_CAPITALS = re.compile(r"[A-Z][A-Z.'\- ]*[A-Z]")
_INTERVIEW = re.compile(r"\binterviews? with ")
_INTERVIEW_REACH = 40  # characters of titles between "interview with" and the name


def transcript_quotes(
    article: Article, entities: list[Entity], sentence_at: Callable[[int], int]
) -> list[Quote]:
    """The attributed transcript lines of ``article`` (``sentence_at``: the index of the
    sentence holding an offset)."""
    text = article.text
    common = common_words()
    lines = [
        line
        for start, end in _labelled_lines(text)
        if (line := _LINE.fullmatch(text, start, end))
        and not all(w in common or w in _FURNITURE for w in fold(line.group("label")).split())
    ]
    if len(lines) < MIN_TURNS:
        return []  # one labelled line is a headline ("Ana Ortiz: Why the bridge matters.")
    people = [e for e in entities if e.type == "PERSON"]
    shouted = _shouted_labels([m.group("label") for m in lines], people)
    interviewee = _interviewee(article, people)
    quotes = []
    for line in lines:
        label = line.group("label")
        speaker = interviewee if label == "A" else _person(label, people) or shouted.get(label)
        if speaker:
            words = line.group("words").strip(_MARKS)
            quotes.append(Quote(speaker, words, sentence_at(line.start("words")), how="transcript"))
    return quotes


def _labelled_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the turns of the lines opening with a label and a colon, the few
    worth matching. A line may hold several turns, each opening with a label in capitals
    ("SMITH: Will you run? ORTIZ: Not this time.")."""
    lines = []
    for label in _LABEL.finditer("\n" + text):  # each label follows a line break
        start = label.start()  # in ``text``: the match's offset less the one added
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for turn in _INLINE_LABEL.finditer(text, start + 1, end):
            lines.append((start, turn.start() - 1))
            start = turn.start()
        lines.append((start, end))
    return lines


def _person(label: str, people: list[Entity]) -> str | None:
    """The one person the label names: by full name or alias, or a surname in capitals."""
    folded = fold(label)
    by_name = {e.name for e in people if folded in {fold(e.name), *map(fold, e.aliases)}}
    if not by_name and _CAPITALS.fullmatch(label):
        by_name = {e.name for e in people if fold(e.name).split()[-1:] == folded.split()[-1:]}
    return by_name.pop() if len(by_name) == 1 else None


def _shouted_labels(labels: list[str], people: list[Entity]) -> dict[str, str]:
    """Capitalised labels of a transcript whose speakers the article names only there: the
    words of two or more labels in capitals, none of them a common word or a known person."""
    common = common_words()
    unknown = {
        label
        for label in labels
        if _CAPITALS.fullmatch(label)
        and len(label) > 3
        and not _person(label, people)
        and not any(word in common for word in fold(label).split())
    }
    if len(unknown) < 2:
        return {}
    return {label: label.title() for label in unknown}


def _interviewee(article: Article, people: list[Entity]) -> str | None:
    """The person named just after "interview with" ("an interview with former Mayor Ana
    Ortiz"), when the article names one such person."""
    matches = [m.end() for m in _INTERVIEW.finditer(article.text)]
    if not matches:
        return None
    mentions = sorted((m.start, e.name) for e in people for m in e.mentions)
    named = set()
    for end in matches:
        k = bisect_left(mentions, (end, ""))
        if k < len(mentions) and mentions[k][0] < end + _INTERVIEW_REACH:
            named.add(mentions[k][1])
    return named.pop() if len(named) == 1 else None
