"""A name as the passes find it in the text, before it joins an entity."""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.tokens import Token, strip_possessive
from bot.textnorm import name_key

# How sure a type is: clusters add up their mentions' strengths per type.
STRONG, MEDIUM, WEAK = 3, 2, 1


@dataclass(eq=False, slots=True)
class NameMention:
    """One naming of something: its words, where it stands and what the text says of it."""

    words: list[Token]
    sentence: int
    type: str | None = None
    strength: int = 0
    description: str = ""
    acronym: str = ""
    headline: bool = False
    surface: str = ""
    key: str = ""
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        self.surface = surface(self.words)
        self.key = name_key(self.surface)
        self.start, self.end = self.words[0].start, self.words[-1].end


def surface(words: list[Token]) -> str:
    """The name as written, spacing kept, possessive dropped."""
    if len(words) == 1:
        return strip_possessive(words[0].text)
    text = ""
    for i, token in enumerate(words):
        if i and token.start > words[i - 1].end:
            text += " "
        text += strip_possessive(token.text) if i == len(words) - 1 else token.text
    return text
