"""Named entities: people, organisations, places and peoples, each under its fullest name.

The passes, each in its own module, read one :class:`~.context.ArticleContext` (the
sentences' tokens, which lines are Title Case headlines, the words capitalised inside
sentences, the word lists) and hand on mentions:

1. *Chunks* (``chunks``): runs of capitalised words that may be names.
2. *Splitting* (``splitting``): named rules split a chunk into a description, peoples and
   names ("Kenyan Foreign Minister | Adaeze Okafor").
3. *Naming* (``naming``): a name's type from cues that hold in any news text (``cues``),
   and from its context an acronym and a description (``descriptions``).
4. *Headlines* (``chunks``): lines in Title Case carry no capitalisation signal, so they
   only add mentions of names the body or the gazetteer already knows.
5. *Identity* (``identity``): mentions of one entity cluster, and each cluster makes an
   :class:`~bot.model.Entity`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.extract.entities.chunks import (
    MAX_NAME_WORDS,
    chunks,
    drop_sentence_start,
    headline_mentions,
)
from bot.extract.entities.context import ArticleContext
from bot.extract.entities.equivalents import join_declared
from bot.extract.entities.identity import cluster, entity
from bot.extract.entities.mention import NameMention
from bot.extract.entities.nicknames import join_nicknamed
from bot.extract.entities.spelled import join_spelled
from bot.extract.entities.splitting import SPLIT_RULES, Rule, split_chunk
from bot.extract.tokens import Tokens, tokenize_sentences
from bot.model import Article, Entity
from bot.textnorm import fold

__all__ = ["SPLIT_RULES", "extract_entities"]

# A sentence, and the span of its tokens to read as a headline (None: all of them).
_Unsure = tuple[int, tuple[int, int] | None]


def extract_entities(
    article: Article, tokens: list[Tokens] | None = None, rules: Sequence[Rule] = SPLIT_RULES
) -> list[Entity]:
    """All entities of ``article``, each with its mentions, aliases and descriptions.

    ``tokens`` are the sentences' tokens when the caller has them already; ``rules`` split
    runs of capitals into names (``SPLIT_RULES``, or some of them to see what one does).
    """
    if tokens is None:
        tokens = tokenize_sentences(article)
    ctx = ArticleContext.of(article, tokens)
    mentions, unsure = _body_mentions(ctx, rules)
    mentions = join_spelled(ctx, join_nicknamed(article.text, mentions))
    known = {m.key for m in mentions}
    known |= {fold(m.acronym) for m in mentions if m.acronym}
    for sentence, span in unsure:
        mentions += headline_mentions(ctx, sentence, known, span)
    return [
        entity(article, c) for c in join_declared(article.text, cluster(mentions, ctx.bracketed))
    ]


def _body_mentions(
    ctx: ArticleContext, rules: Sequence[Rule]
) -> tuple[list[NameMention], list[_Unsure]]:
    """The mentions of the body's sentences, and the stretches where capitals say nothing:
    headline lines and runs of capitals too long to be one name."""
    mentions: list[NameMention] = []
    unsure: list[_Unsure] = []
    for index, tokens in enumerate(ctx.tokens):
        if ctx.headlines[index]:
            unsure.append((index, None))
            continue
        for start, end in chunks(tokens, ctx.name_starts[index]):
            start = drop_sentence_start(ctx, tokens, start, end)
            if end - start > MAX_NAME_WORDS:
                # A list of names with no commas ("Tuvalu Uganda Ukraine ..."), not a name.
                unsure.append((index, (start, end)))
            elif start < end:
                mentions += split_chunk(ctx, tokens, start, end, index, rules)
    return mentions, unsure
