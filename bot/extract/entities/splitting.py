"""A chunk into description + name + cues."""

from __future__ import annotations

from bot.extract.entities.chunks import OF_WORDS, Chunk
from bot.extract.entities.context import ArticleContext
from bot.extract.entities.cues import org_name
from bot.extract.entities.mention import STRONG, NameMention
from bot.extract.entities.naming import name, peoples
from bot.extract.lexicon import ORG_HEADS, PLACE_DIRECTIONS, TITLE_HEADS, TITLE_MODIFIERS
from bot.extract.tokens import Tokens, is_acronym, strip_possessive
from bot.textnorm import fold


def split_chunk(
    ctx: ArticleContext, tokens: Tokens, start: int, end: int, sentence: int
) -> list[NameMention]:
    if end - start == 1:
        # Most chunks are one word, with no role, nationality or second name to split
        # off: a role word alone names no one ("the President"), but may be a people's.
        lower = strip_possessive(tokens.lowers[start])
        if lower in TITLE_HEADS:
            return peoples(ctx, [tokens.token(start)], sentence)
        return name(ctx, Chunk(tokens, sentence, start, end, [tokens.token(start)], [lower]))
    words = tokens.words(start, end)
    lowers = list(map(strip_possessive, tokens.lowers[start:end]))
    chunk = Chunk(tokens, sentence, start, end, words, lowers)
    found: list[NameMention] = []
    if not TITLE_HEADS.isdisjoint(lowers):
        split = role_end(ctx, lowers)
        if split:
            # A leading role: "Kenyan Foreign Minister | Adaeze Okafor".
            description = " ".join(t.text for t in words[:split])
            return peoples(ctx, words[:split], sentence) + name(
                ctx, chunk.part(split), "PERSON", STRONG, description
            )
        if all(w in TITLE_HEADS or w in TITLE_MODIFIERS or w in ctx.demonyms for w in lowers):
            return peoples(ctx, words, sentence)
        if "of" in lowers:
            # "Mayor of Paris", "Governor of New York": a role and a place, no person.
            k = len(lowers) - lowers[::-1].index("of")
            if " ".join(lowers[k:]) in ctx.places:
                return name(ctx, chunk.part(k))
    # Leading nationalities split off unless the whole is one name: an organisation
    # ("Kenyan Observatory for Human Rights"), a place ("Saudi Arabia"), or a nationality
    # with a common word ("Islamic State").
    lead = 0
    while lead < len(words) - 1 and lowers[lead] in ctx.demonyms:
        lead += 1
    rest = lowers[lead:]
    if lead and not (
        org_name(rest)
        or fold(" ".join(t.text for t in words)) in ctx.places
        or (len(rest) == 1 and rest[0] in ctx.common)
    ):
        found += peoples(ctx, words[:lead], sentence)
        chunk = chunk.part(lead)
        words, lowers, start = chunk.words, chunk.lowers, chunk.start
    # Direction words before a place: "northern Syria" (but "North Carolina" is one).
    if (
        len(words) > 1
        and lowers[0] in PLACE_DIRECTIONS
        and " ".join(lowers) not in ctx.places
        and " ".join(lowers[1:]) in ctx.places
    ):
        chunk = chunk.part(1)
        words, lowers, start = chunk.words, chunk.lowers, chunk.start
    # Places run together where commas were lost: "Aleppo Syria", "Turkey Russia".
    if (
        len(words) > 1
        and " ".join(lowers) not in ctx.places
        and all(w in ctx.places or (w.endswith("s") and w[:-1] in ctx.places) for w in lowers)
    ):
        for k in range(len(words)):
            found += name(ctx, chunk.part(k, k + 1))
        return found
    # A wire agency glued to a headline: "Syria Monitor AFP" -> "AFP".
    if (
        len(words) > 1
        and is_acronym(words[-1].text)
        and "." not in words[-1].text
        and not any(is_acronym(t.text) for t in words[:-1])
    ):
        found += split_chunk(ctx, tokens, start, end - 1, sentence)
        return found + name(ctx, chunk.part(len(words) - 1))
    # A body run into a person's name: "United Nations | Susan Rice".
    for k in range(len(words) - 2, 0, -1):
        if lowers[k - 1] in ORG_HEADS and all(
            w not in ctx.common and w not in ORG_HEADS for w in lowers[k:]
        ):
            return found + name(ctx, chunk.part(0, k)) + name(ctx, chunk.part(k))
    return found + name(ctx, chunk)


def role_end(ctx: ArticleContext, lowers: list[str]) -> int:
    """How many leading words are a role before a name, 0 if there is none.

    The role ends at its last role word ("Paris British Prime Minister | David
    Cameron") or after that word's "of" phrase ("Director of National Intelligence |
    James Clapper"); what follows must still read as a name.
    """
    heads = [k for k, w in enumerate(lowers[:-1]) if w in TITLE_HEADS]
    if not heads:
        return 0
    split = heads[-1] + 1
    if lowers[split] in OF_WORDS:
        j = split + 1 + (lowers[split + 1 : split + 2] == ["the"])
        # "Governor of New York", "Secretary of Homeland Security"; a place only right
        # after "of", so a first name that is also a town stays with its surname.
        for n in (3, 2, 1):
            if j + n < len(lowers) and " ".join(lowers[j : j + n]) in ctx.places:
                j += n
                break
        while j < len(lowers) - 1 and _role_word(ctx, lowers[j]):
            j += 1
        split = j
    rest = lowers[split:]
    if not rest or rest[0] in OF_WORDS or rest[0] == "the":
        return 0
    if " ".join(rest) in ctx.places:
        return 0  # "the Mayor of Paris" names no person
    if all(_role_word(ctx, w) or w in TITLE_HEADS for w in rest):
        return 0
    return split


def _role_word(ctx: ArticleContext, word: str) -> bool:
    return (
        word in ctx.common or word in TITLE_MODIFIERS or word in ORG_HEADS or word in ctx.demonyms
    )
