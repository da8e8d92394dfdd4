"""Fact extraction: one article in, its entities, figures and quotes out.

``extract`` is the single entry point the indexer and the command line use; each kind of
fact has its own module. Quotes are found after entities so that a speaker is named by the
article's fullest name for them.
"""

from __future__ import annotations

from typing import Any

from bot.extract.entities import extract_entities
from bot.extract.figures import extract_figures
from bot.extract.quotes import extract_quotes
from bot.extract.tokens import tokenize_sentences
from bot.model import Article, Extraction


def extract(article: Article) -> Extraction:
    """Every fact of ``article``; fragments are included as quotes marked ``fragment``."""
    tokens = tokenize_sentences(article)
    entities = extract_entities(article, tokens)
    quotes, fragments = extract_quotes(article, entities, tokens)
    return Extraction(
        entities=entities, figures=extract_figures(article, tokens), quotes=quotes + fragments
    )


def extraction_json(article: Article, extraction: Extraction) -> dict[str, Any]:
    """The documented JSON record of one article's facts (``factbot extract --json``).

    Fragments are listed apart from quotes, so nothing reads a few quoted words as a
    statement. A quote whose speaker is named in another sentence than its first ('Ortiz
    tweeted. "..."') also gives that sentence as its ``attribution``.
    """
    sentences = article.sentences

    def cited(first: int, last: int | None = None) -> str:
        return " ".join(s.text for s in sentences[first : (last or first) + 1])

    def quote_json(q: Any) -> dict[str, Any]:
        found = {
            "speaker": q.speaker,
            "quote": q.quote,
            "sentence": cited(q.sentence),
            "how": q.how,
        }
        if q.cite is not None:
            found["attribution"] = cited(q.cite)  # the sentence naming the speaker
        return found

    return {
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "mentions": len(e.mentions),
                "descriptions": e.descriptions,
                "private": e.private,
            }
            for e in extraction.entities
        ],
        "figures": [
            {
                "value": f.value,
                "value_high": f.value_high,
                "text": f.text,
                "what": f.what,
                "predicate": f.predicate,
                "approx": f.approx,
                "unit": f.unit,
                "per": f.per,
                "scope": f.scope,
                "how": f.how,
                "sentence": sentences[f.sentence].text,
            }
            for f in extraction.figures
        ],
        "quotes": [quote_json(q) for q in extraction.quotes if not q.fragment],
        "fragments": [quote_json(q) for q in extraction.quotes if q.fragment],
        "warnings": article.warnings,
    }
