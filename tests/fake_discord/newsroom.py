"""A small invented news story, stored as a real fact base for the Discord tests.

A river flood in a made-up town: a mayor, a relief council and its spokesman, a few figures
and quotes, written as ``Article``/``Extraction`` objects and stored with
``Store.put_article`` exactly as the indexer would store them. ``filler`` adds routine
bulletins so that listings run to several pages.
"""

from __future__ import annotations

from pathlib import Path

from bot.model import Article, Entity, Extraction, Figure, Mention, Quote, Sentence
from bot.store import Store

MAYOR = "Ada Quill"
COUNCIL = "Northern Relief Council"
SPOKESMAN = "Tomas Brenner"
TOWN = "Marrowick"
MAYOR_QUOTE = "We will rebuild every bridge that the river took from us this spring"
SPOKESMAN_QUOTE = "Our teams reached the eastern villages before nightfall on Tuesday"
FLOOD_TITLE = f"River floods {TOWN} after three days of rain"


def make_article(
    article_id: str,
    title: str,
    lines: list[str],
    *,
    source: str = "Valley Courier",
    published: str = "2024-04-02",
) -> Article:
    """An article whose sentences are the title and ``lines``, with their offsets."""
    sentences: list[Sentence] = []
    parts: list[str] = []
    offset = 0
    for index, text in enumerate([title, *lines]):
        sentences.append(Sentence(index, offset, offset + len(text), text))
        parts.append(text)
        offset += len(text) + 1
    return Article(
        id=article_id,
        title=title,
        text=" ".join(parts),
        sentences=sentences,
        source=source,
        published=published,
        url=f"https://news.example/{article_id}",
    )


def entity(article: Article, name: str, kind: str, *aliases: str) -> Entity:
    """An entity with a mention wherever the article names it (or one of its aliases)."""
    mentions = []
    for sentence in article.sentences:
        for alias in (name, *aliases):
            at = sentence.text.find(alias)
            if at >= 0:
                start = sentence.start + at
                mentions.append(Mention(sentence.index, start, start + len(alias), alias))
                break
    return Entity(name=name, type=kind, aliases=list(aliases), mentions=mentions)


def flood_article() -> tuple[Article, Extraction]:
    article = make_article(
        "flood-marrowick",
        FLOOD_TITLE,
        [
            f"The river burst its banks in {TOWN} on Monday night.",
            f"Mayor {MAYOR} said about 1,200 people had been displaced by the water.",
            f'"{MAYOR_QUOTE}," Quill told reporters outside the town hall.',
            f"The {COUNCIL} said 40 homes were destroyed along the eastern road.",
            f'"{SPOKESMAN_QUOTE}," said {SPOKESMAN}, a spokesman for the council.',
            f"{SPOKESMAN} said the council would open two more shelters.",
        ],
    )
    extraction = Extraction(
        entities=[
            entity(article, MAYOR, "PERSON", "Quill"),
            entity(article, COUNCIL, "ORG"),
            entity(article, SPOKESMAN, "PERSON", "Brenner"),
            entity(article, TOWN, "GPE"),
        ],
        figures=[
            Figure(
                1200, "about 1,200", "people displaced", 2, predicate="displaced", unit="people"
            ),
            Figure(40, "40", "homes destroyed", 4, predicate="destroyed", unit="homes"),
        ],
        quotes=[
            Quote(MAYOR, MAYOR_QUOTE, 3),
            Quote(SPOKESMAN, SPOKESMAN_QUOTE, 5),
            Quote(MAYOR, "immediate", 2, fragment=True),
        ],
    )
    extraction.entities[0].descriptions.append("mayor of Marrowick")
    return article, extraction


def filler_article(n: int) -> tuple[Article, Extraction]:
    """A routine bulletin about the river level, numbered ``n``."""
    article = make_article(
        f"bulletin-{n:03d}",
        f"River level bulletin number {n} for the {TOWN} district",
        [
            f"The river level at the old mill gauge was reported in bulletin {n}.",
            "Residents were asked to keep away from the flooded footpaths along the bank.",
        ],
        source="District Notices",
        published=f"2024-03-{1 + n % 28:02d}",
    )
    return article, Extraction(entities=[entity(article, TOWN, "GPE")])


def build_newsroom(path: Path, filler: int = 0) -> Path:
    """Store the flood story (and ``filler`` bulletins) in a fact base at ``path``."""
    with Store(path) as store:
        for article, extraction in [
            flood_article(),
            *(filler_article(n) for n in range(1, filler + 1)),
        ]:
            store.put_article(article, extraction, content_hash=f"hash-{article.id}")
    return path
