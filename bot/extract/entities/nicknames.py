"""A nickname in quotes inside a person's name: Ada "Adi" Quill.

The quotes cut the run of capitals in three (Ada | Adi | Quill), so the given name and the
surname are joined again into one mention ("Ada Quill"), and the nickname stays a mention of
its own that the article declares the same person (``equivalents.join_declared``), with the
nickname and surname ("Adi Quill") as a name it goes by too.
"""

from __future__ import annotations

import re

from bot.extract.entities.mention import NameMention
from bot.extract.lexicon import first_name

# What stands before and after a quoted nickname: one space and an opening or closing mark.
_OPEN = re.compile(r" [\"“‘']$")
_CLOSE = re.compile(r"^[\"”’'] $")


def join_nicknamed(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` (in text order) with each given name and surname around a quoted
    nickname made one mention; the nickname's mention is kept."""
    joined: list[NameMention] = []
    i = 0
    while i < len(mentions):
        trio = mentions[i : i + 3]
        if len(trio) == 3 and _nicknamed(text, *trio):
            given, nickname, surname = trio
            whole = NameMention(
                given.words + surname.words,
                given.sentence,
                "PERSON",
                max(given.strength, surname.strength),
                description=given.description,
            )
            joined += [whole, nickname]
            i += 3
        else:
            joined.append(mentions[i])
            i += 1
    return joined


def _nicknamed(text: str, given: NameMention, nickname: NameMention, surname: NameMention) -> bool:
    """Whether three mentions are a given name, a quoted nickname and a surname."""
    if not given.sentence == nickname.sentence == surname.sentence or given.headline:
        return False
    if len(given.words) != 1 or len(nickname.words) != 1 or len(surname.words) > 2:
        return False
    if not first_name(given.words[0].lower):
        return False
    return bool(
        _OPEN.search(text, given.end, nickname.start)
        and given.end + 2 == nickname.start
        and _CLOSE.match(text[nickname.end : surname.start])
    )


def is_nickname_of(text: str, whole: NameMention, inner: NameMention) -> bool:
    """Whether ``inner`` is a nickname quoted inside ``whole``'s span."""
    return (
        whole.start < inner.start
        and inner.end < whole.end
        and text[inner.start - 1] in "\"“‘'"
        and len(whole.words) >= 2
    )
