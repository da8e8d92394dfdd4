"""Synthetic fact bases of any size, for measuring query speed by hand.

Articles are generated, not extracted: invented names built from syllables (some with
particles, accents or acronyms, as real news has), template sentences naming them, and
figures and quotes tied to those sentences. Entities are drawn with a Zipf-like skew, so a
few are named in a large share of the articles, as the main actors of a story are; that is
the hard case for /who and /quote. Everything is seeded, so a size always gives one base.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from bot.model import Article, Entity, Extraction, Figure, Mention, Quote, Sentence

# fmt: off
SYLLABLES = (
    "ka", "ren", "vo", "lis", "tam", "bor", "ne", "dru", "sel", "ith", "mar", "go", "pel", "ush",
    "ra", "ven", "to", "dak", "il", "fen", "ro", "sa", "mu", "ta", "zel", "ok", "bri", "an",
    "hol", "em", "ga", "sur", "ni", "del", "ov",
)
ACCENTED = {"o": "ö", "u": "ü", "a": "á", "e": "é", "g": "ğ", "s": "ş", "i": "ı"}
BODIES = (
    "Council", "Agency", "Front", "Union", "Observatory", "Commission", "Alliance", "Ministry",
    "Brigade", "Movement",
)
NOUNS = (
    "people", "civilians", "families", "soldiers", "fighters", "schools", "homes", "hospitals",
    "villages", "bridges", "trucks", "tonnes", "refugees", "children", "workers",
)
PREDICATES = (
    "killed", "displaced", "wounded", "destroyed", "delivered", "evacuated", "arrested",
    "returned", "injured", "built",
)
VOCABULARY = (
    "river", "convoy", "border", "ceasefire", "harbour", "talks", "offensive", "province",
    "capital", "aid", "shelter", "winter", "fuel", "prices", "market", "election", "court",
    "protest", "summit", "pipeline", "drought", "flood", "vaccine", "road", "airport", "port",
    "coast", "mountain", "valley", "crossing", "treaty", "envoy", "budget", "tariff", "strike",
)
# fmt: on
OUTLETS = ("Valley Ledger", "Coastal Times", "Delta Post", "Northern Wire", "Evening Chronicle")


@dataclass(frozen=True, slots=True)
class Cast:
    """The invented entities, (name, type, aliases), and their cumulative drawing weights."""

    people: list[tuple[str, str, list[str]]]
    cumulative: list[float]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def cast(entities: int, seed: int = 1) -> Cast:
    rng = random.Random(seed)
    chosen: list[tuple[str, str, list[str]]] = []
    seen: set[str] = set()
    while len(chosen) < entities:
        if rng.random() < 0.8:
            first, last = _word(rng, 2), _word(rng, rng.choice((2, 3)))
            if rng.random() < 0.15:
                last = "al-" + last
            if rng.random() < 0.15:
                last = "".join(ACCENTED.get(c, c) if rng.random() < 0.3 else c for c in last)
            name, kind = f"{first} {last}", "PERSON"
            aliases = [last]
        else:
            words = [_word(rng, 2), _word(rng, 3), rng.choice(BODIES)]
            name, kind = " ".join(words), "ORG"
            aliases = ["".join(w[0] for w in words).upper()]
        if name not in seen:
            seen.add(name)
            chosen.append((name, kind, aliases))
    return Cast(chosen, list(accumulate(1 / (rank + 1) ** 0.9 for rank in range(entities))))


def article(number: int, people: Cast, rng: random.Random) -> tuple[Article, Extraction]:
    """One article: a dozen sentences about 3-7 entities, with figures and quotes."""
    drawn = rng.choices(range(len(people.people)), cum_weights=people.cumulative, k=10)
    actors = [people.people[i] for i in dict.fromkeys(drawn)][: rng.randint(3, 7)]
    lines: list[str] = []
    mentions: dict[str, list[tuple[int, int, int]]] = {name: [] for name, _, _ in actors}
    figures: list[Figure] = []
    quotes: list[Quote] = []
    descriptions: dict[str, list[str]] = {name: [] for name, _, _ in actors}

    def add(text: str, named: list[tuple[str, str]]) -> int:
        index = len(lines)
        lines.append(text)
        for canonical, shown in named:
            at = text.index(shown)
            mentions[canonical].append((index, at, at + len(shown)))
        return index

    for name, _, _ in actors:
        role = rng.choice(("spokesman", "commander", "minister", "envoy", "director"))
        descriptions[name].append(role)
        add(f"{name}, the {role}, visited the {rng.choice(VOCABULARY)} on Monday.", [(name, name)])
    for _ in range(rng.randint(2, 5)):
        name, _, aliases = rng.choice(actors)
        value = rng.choice((12, 40, 150, 3000, 25_000, 1_200_000)) * rng.randint(1, 9)
        noun, predicate = rng.choice(NOUNS), rng.choice(PREDICATES)
        shown = rng.choice(aliases)
        index = add(
            f"{shown} said {value:,} {noun} were {predicate} near the"
            f" {rng.choice(VOCABULARY)} and the {rng.choice(VOCABULARY)}.",
            [(name, shown)],
        )
        figures.append(Figure(float(value), f"{value:,}", noun, index, predicate))
    for _ in range(rng.randint(1, 3)):
        name, _, aliases = rng.choice(actors)
        words = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(4, 9)))
        index = add(f"“The {words} must wait,” {name} told reporters.", [(name, name)])
        quotes.append(Quote(name, f"The {words} must wait", index))
    for _ in range(rng.randint(1, 3)):
        words = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(6, 12)))
        add(f"Residents described the {words} as the hardest in years.", [])

    sentences = []
    start = 0
    for index, text in enumerate(lines):
        sentences.append(Sentence(index, start, start + len(text), text))
        start += len(text) + 1
    day = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))
    article_id = f"syn-{number:06}"
    result = Article(
        id=article_id,
        title=f"{rng.choice(VOCABULARY).capitalize()} report {number}",
        text=" ".join(lines),
        sentences=sentences,
        source=rng.choice(OUTLETS),
        published=day.isoformat(),
        url=f"https://news.example/{article_id}",
    )
    entities = [
        Entity(
            name,
            kind,
            aliases,
            [
                Mention(i, sentences[i].start + a, sentences[i].start + b, lines[i][a:b])
                for i, a, b in mentions[name]
            ],
            descriptions[name],
        )
        for name, kind, aliases in actors
    ]
    return result, Extraction(entities, figures, quotes)
