"""/search TEXT: the sentences that best match some words, ranked by FTS5's bm25.

Ranking is done among the ``RANKED`` most recently indexed matching sentences, which is
every match unless the words are common, so the answer stays fast on any base and leans to
recent reporting when a word is everywhere.

The words are passed to FTS5 as quoted terms (``inputs.fts_query``), so operators and
punctuation in the text are searched for as words, never run as query syntax. When no
sentence has every word, sentences with some of them are offered, and the answer says so.
The same sentence in several articles (an outlet's boilerplate, a syndicated story) is one
result, citing the others under "also in".
"""

from __future__ import annotations

from bot.query import catalog, inputs
from bot.query.answer import Answer, Item
from bot.query.replies import refusal
from bot.query.sources import Sources
from bot.store import Reads, Store
from bot.textnorm import fold

MAX_ITEMS = 10
# Matches ranked: bm25 is computed for every match FTS5 returns, so a common word would cost
# in proportion to the base; the most recently indexed matches are ranked instead.
RANKED = 500
# Sentences read for each one shown, since copies of one sentence are one result.
SAME_SPARE = 3


def search(store: Store, text: str) -> Answer:
    problem = inputs.problem(text, catalog.usage("search"))
    if problem:
        return refusal("search", text, problem)
    shown = " ".join(text.split())
    found = inputs.terms(text)
    rows = _matching(store.read, inputs.fts_query(found))
    message = ""
    if not rows and len(found) > 1:
        rows = _matching(store.read, inputs.fts_query(found, "OR"))
        message = "No sentence has all of these words; these have some of them." if rows else ""
    if not rows:
        message = f"No sentence contains “{shown}”."
    sources = Sources(store.read, rows)
    items: dict[str, Item] = {}
    for article_id, index in rows:
        sentence, citation = sources.sentence(article_id, index), sources.cite(article_id, index)
        same = items.get(fold(sentence))
        if same is not None:
            same.also.append(citation)  # an outlet's boilerplate, or one story syndicated
        elif len(items) < MAX_ITEMS:
            items[fold(sentence)] = Item("sentence", sentence, citation)
    return Answer(
        "search", text, None, list(items.values()), title=f"Search: “{shown}”", message=message
    )


def _matching(read: Reads, query: str) -> list[tuple[str, int]]:
    """The best sentences by bm25 among the ``RANKED`` most recently indexed matches, more
    than are shown, since identical sentences are one result."""
    return read.best_sentences(query, RANKED, SAME_SPARE * MAX_ITEMS)
