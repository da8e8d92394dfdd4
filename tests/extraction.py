"""Running the real extractor on text written in a test."""

from bot.extract import extract
from bot.ingest import build_article
from bot.model import Article, Entity, Extraction


def article(text: str, title: str | None = None) -> Article:
    built = build_article("t", text, title=title)
    assert not isinstance(built, str), built
    return built


def facts(text: str, title: str | None = None) -> Extraction:
    return extract(article(text, title))


def entity(extraction: Extraction, name: str) -> Entity:
    for e in extraction.entities:
        if e.name == name:
            return e
    raise AssertionError(f"{name!r} not in {[e.name for e in extraction.entities]}")


def names(extraction: Extraction, *types: str) -> set[str]:
    return {e.name for e in extraction.entities if not types or e.type in types}
