"""Citations for a batch of facts, loaded in a few queries rather than one per fact.

Commands first decide which sentences they will show, then ask here for the article
metadata and sentence texts of exactly those, so the cost of an answer follows the size of
the answer, not the size of the base.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bot.query.answer import Citation
from bot.store import Reads


class Sources:
    """Metadata and sentences of the articles a set of (article id, sentence index) refer to."""

    def __init__(self, read: Reads, refs: Iterable[tuple[str, int | None]]) -> None:
        wanted: dict[str, set[int]] = defaultdict(set)
        for article_id, index in refs:
            indexes = wanted[article_id]
            if index is not None:
                indexes.add(index)
        self._articles = read.article_meta(wanted)
        self._sentences = read.sentence_texts(wanted)

    def sentence(self, article_id: str, index: int) -> str:
        return self._sentences.get((article_id, index), "")

    def published(self, article_id: str) -> str:
        """The article's date for sorting newest first ("" when unknown, sorting last)."""
        row = self._articles.get(article_id)
        return (row["published"] or "") if row else ""

    def cite(self, article_id: str, *indexes: int | None) -> Citation:
        """The citation of the article and of the given sentences, in text order."""
        row = self._articles[article_id]
        shown = sorted({i for i in indexes if i is not None})
        sentence = " ".join(s for s in (self.sentence(article_id, i) for i in shown) if s)
        return Citation(
            article=article_id,
            title=row["title"],
            source=row["source"],
            published=row["published"],
            url=row["url"],
            sentence=sentence,
        )
