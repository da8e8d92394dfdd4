"""A long name that its bracketed acronym spells across small words: "the Harbour Guard of
Velmora and the Coast (HGVC)".

The run of capitals stops at "and the" or "in the", so such a name comes out as several
names ("Harbour Guard", "Velmora", "Coast"). When the acronym in brackets right after them
is spelled by their words together, and by no shorter stretch, they are one name.
"""

from __future__ import annotations

from bisect import bisect_left

from bot.extract.entities.context import ArticleContext
from bot.extract.entities.mention import MEDIUM, NameMention
from bot.textnorm import KEY_STOPWORDS, NAME_PARTICLES, spell

# Words that may stand between the parts of one long name.
_JOINING = frozenset({"of", "and", "the", "in", "for", "on"})
# The most parts a long name is joined from.
_MAX_PARTS = 4


def join_spelled(ctx: ArticleContext, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` (in text order) with the parts of each name its bracketed acronym
    spells made one mention."""
    text = ctx.article.text
    result: list[NameMention] = []
    for mention in mentions:
        parts = _spelled_by(ctx, result, mention) if _bracketed(text, mention) else 0
        if parts:
            first = result[-parts]
            tokens = ctx.tokens[first.sentence]
            start = bisect_left(tokens.starts, first.start)
            end = bisect_left(tokens.starts, result[-1].end)
            whole = NameMention(
                tokens.words(start, end), first.sentence, "ORG", MEDIUM, acronym=mention.surface
            )
            del result[-parts:]
            result.append(whole)
        result.append(mention)
    return result


def _bracketed(text: str, mention: NameMention) -> bool:
    """An acronym alone in brackets: "(HGVC)"."""
    return (
        len(mention.words) == 1
        and mention.surface.isupper()
        and text[mention.start - 1 : mention.start] == "("
        and text[mention.end : mention.end + 1] == ")"
    )


def _spelled_by(ctx: ArticleContext, before: list[NameMention], acronym: NameMention) -> int:
    """How many of the last mentions ``before`` the acronym spells together (two or more),
    or 0: they must stand right before it, joined only by small words."""
    text = ctx.article.text
    letters = acronym.surface.casefold()
    end = acronym.start - 2  # before " ("
    words: list[str] = []
    for count in range(1, min(_MAX_PARTS, len(before)) + 1):
        part = before[-count]
        if part.sentence != acronym.sentence or part.headline:
            return 0
        gap = text[part.end : end].split()
        if any(w.casefold() not in _JOINING for w in gap) or (count == 1 and gap):
            return 0
        words = [t.lower for t in part.words] + gap + words
        end = part.start
        if letters in _initials(words):
            return count if count > 1 else 0  # one name that spells it needs no joining
    return 0


def _initials(words: list[str]) -> set[str]:
    """What the words spell, with their particles and without."""
    return {spell(words, KEY_STOPWORDS), spell(words, KEY_STOPWORDS - NAME_PARTICLES)}
