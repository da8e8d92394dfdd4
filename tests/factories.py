"""Building fact bases for tests from short articles written in the test itself.

A test writes a story sentence by sentence and declares the facts in it; ``Story`` turns
that into the ``Article`` and ``Extraction`` the extractor would produce (offsets, mention
spans found in the sentences) and stores it through ``Store.put_article``, the public way
in. Tests then query a real SQLite base without depending on the extractor.

    story = Story("a1", "Floods reach the delta", source="Delta Post", published="2023-04-02")
    s = story.say("Mayor Ana Ortiz said 1,200 people were displaced.")
    story.entity("Ana Ortiz", aliases=["Ortiz"], descriptions=["Mayor"])
    story.figure(s, 1200, "1,200", "people", predicate="displaced")
    story.save(store)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from bot.model import Article, Entity, Extraction, Figure, Mention, Quote, Sentence
from bot.store import Store


@dataclass
class _Declared:
    name: str
    type: str
    aliases: list[str]
    descriptions: list[str]


@dataclass
class Story:
    """One article under construction: its sentences, then the facts cited against them."""

    id: str
    title: str
    source: str | None = "Test Wire"
    published: str | None = "2023-01-01"
    url: str | None = None
    sentences: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    _entities: list[_Declared] = field(default_factory=list)

    def say(self, *sentences: str) -> int:
        """Add sentences; return the index of the first one added."""
        first = len(self.sentences)
        self.sentences.extend(sentences)
        return first

    def entity(
        self,
        name: str,
        type: str = "PERSON",
        aliases: list[str] | tuple[str, ...] = (),
        descriptions: list[str] | tuple[str, ...] = (),
    ) -> Story:
        """Declare an entity; its mentions are wherever its names occur in the sentences."""
        self._entities.append(_Declared(name, type, list(aliases), list(descriptions)))
        return self

    def figure(
        self,
        sentence: int,
        value: float | None,
        text: str,
        what: str,
        predicate: str = "",
        approx: str = "",
        unit: str = "",
    ) -> Story:
        self.figures.append(Figure(value, text, what, sentence, predicate, approx, unit))
        return self

    def quote(
        self,
        speaker: str | None,
        words: str,
        sentence: int | None = None,
        fragment: bool = False,
        cite: int | None = None,
    ) -> Story:
        """Attribute quoted ``words``; by default to the first sentence containing them."""
        if sentence is None:
            sentence = next(i for i, s in enumerate(self.sentences) if words in s)
        self.quotes.append(Quote(speaker, words, sentence, fragment, cite))
        return self

    def build(self) -> tuple[Article, Extraction]:
        sentences = []
        start = 0
        for index, text in enumerate(self.sentences):
            sentences.append(Sentence(index, start, start + len(text), text))
            start += len(text) + 1
        article = Article(
            id=self.id,
            title=self.title,
            text=" ".join(self.sentences),
            sentences=sentences,
            source=self.source,
            published=self.published,
            url=self.url,
        )
        entities = [self._with_mentions(d, sentences) for d in self._entities]
        return article, Extraction(entities, list(self.figures), list(self.quotes))

    def save(self, store: Store) -> Article:
        article, extraction = self.build()
        digest = hashlib.sha256(article.text.encode()).hexdigest()
        store.put_article(article, extraction, digest)
        return article

    def _with_mentions(self, declared: _Declared, sentences: list[Sentence]) -> Entity:
        names = sorted({declared.name, *declared.aliases}, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
        mentions = [
            Mention(s.index, s.start + m.start(), s.start + m.end(), m.group(0))
            for s in sentences
            for m in pattern.finditer(s.text)
        ]
        return Entity(
            declared.name,
            declared.type,
            list(declared.aliases),
            mentions,
            list(declared.descriptions),
        )
