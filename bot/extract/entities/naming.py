"""A run of words taken as a name: the mention, typed, with its acronym and description."""

from __future__ import annotations

from bot.extract.entities.context import ArticleContext
from bot.extract.entities.cues import org_cue, type_of
from bot.extract.entities.descriptions import appositive, bracketed_acronym, role_before
from bot.extract.entities.mention import MEDIUM, STRONG, NameMention
from bot.extract.lexicon import NAME_PREFIXES, first_name
from bot.extract.tokens import Token, Tokens, strip_possessive
from bot.textnorm import fold


def name(
    ctx: ArticleContext,
    tokens: Tokens,
    sentence: int,
    start: int,
    end: int,
    words: list[Token],
    lowers: list[str],
    kind: str | None = None,
    strength: int = 0,
    description: str = "",
) -> list[NameMention]:
    """The mention a chunk names (none for a lone common word), given as its fields
    (``name(ctx, *chunk)``); ``kind`` and ``strength``, when given, are its type, and
    ``description`` who it is."""
    head, dash, rest = words[0].text.partition("-")
    if dash and head.lower() in NAME_PREFIXES and rest[:1].isupper():
        # "ex-FBI", "Anti-NATO": the prefix says something of the speaker, not the name.
        words = [
            words[0]._replace(text=rest, start=words[0].start + len(head) + 1, lower=rest.lower()),
            *words[1:],
        ]
        lowers = [strip_possessive(rest.lower()), *lowers[1:]]
    folded = fold(" ".join([strip_possessive(t.text) for t in words]))
    last = lowers[-1]
    if last.endswith("s") and last not in ctx.places and last[:-1] in ctx.places:
        # "Kenyas Nairobi": text that lost its apostrophes.
        words = [
            *words[:-1],
            words[-1]._replace(text=words[-1].text[:-1], end=words[-1].end - 1),
        ]
        lowers = [*lowers[:-1], last[:-1]]
        folded = fold(" ".join(t.text for t in words))
    if len(folded) < 2:
        return []  # "C-110", "DHKP-C": a lone letter is no name
    if _opening_adverb(ctx, tokens, start, end, folded):
        return []
    if kind is None:
        kind, strength = type_of(words, lowers, folded, tokens, start, end)
    if (
        len(words) == 1
        and lowers[0] in ctx.common
        and not ctx.acronym(words[0].text)
        and kind not in ("GPE", "NORP")
        and not org_cue(tokens, start, end)
    ):
        return []  # "the Army", "the West": a capitalised common word alone is no name
    acronym = bracketed_acronym(ctx, tokens, end, words)
    if kind is None and len(words) == 1 and ctx.acronym(words[0].text):
        kind, strength = "ORG", MEDIUM  # an acronym the article spells out: "(ICE)"
    if acronym and kind in (None, "OTHER", "PERSON") and strength < STRONG:
        kind, strength = "ORG", MEDIUM
    if not description and kind in (None, "PERSON", "ORG"):
        description = role_before(ctx, tokens, start) or appositive(
            ctx.article, sentence, words[0].start, words[-1].end
        )
    return [NameMention(words, sentence, kind, strength, description, acronym)]


def _opening_adverb(ctx: ArticleContext, tokens: Tokens, start: int, end: int, folded: str) -> bool:
    """ "Unfortunately, ...": a lone word in -ly that opens the sentence before a comma,
    and is no first name or place, is the sentence's adverb ("Kelly, ..." and "Italy, ..."
    stay names)."""
    return (
        start == 0
        and end == start + 1
        and end < len(tokens.texts)
        and tokens.texts[end] == ","
        and folded.endswith("ly")
        and folded not in ctx.places
        and not first_name(folded)
    )


def peoples(ctx: ArticleContext, words: list[Token], sentence: int) -> list[NameMention]:
    """The nationalities and groups among ``words``: "Kenyan", "Shiite"."""
    return [
        NameMention([token], sentence, "NORP", STRONG)
        for token in words
        if strip_possessive(token.lower) in ctx.demonyms
    ]
