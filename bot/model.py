"""The data that flows through the core: articles, sentences and the facts drawn from them.

Every fact points back at a sentence of its article by index, and every sentence keeps its
character offsets into the cleaned text, so any answer can be cited down to the sentence.
These are plain dataclasses on purpose: ingest, extract, store and query all speak them, and
none of them knows anything about Discord or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's cleaned text, with its offsets into that text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """An article after cleaning: metadata plus the text every fact is cited against."""

    id: str
    title: str
    text: str
    sentences: list[Sentence]
    source: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """Where an entity is named: the sentence and the exact span of the text."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A named thing within one article, under the fullest name the article gives it."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    # Names the article declares to be this one ("also known as", a name in brackets).
    equivalents: list[str] = field(default_factory=list)
    # Someone the article knows by one name it introduces ("a man named Ryan"): no one the
    # base can tell apart from others of that name, so never filed under a base-wide name.
    private: bool = False


@dataclass(slots=True)
class Figure:
    """A number the article reports, what it counts and the event it belongs to.

    ``value`` is None for vague amounts ("hundreds of thousands"), which keep their text.
    A range or alternative ("between 3 and 5 million", "8 or 9 people") has its lower end in
    ``value`` and its upper end in ``value_high`` (None for a single value). ``unit`` is ""
    for a count, "%" for a percentage, an ISO currency code for money ("USD", "EUR") and
    the singular unit name otherwise ("year", "mile", "square kilometer"). ``per`` is what
    the amount is counted per: "month" in "$3,500 a month", "day" in "four per day".
    ``scope`` is whose or where the figure is, when the sentence ties one to it; ``how``
    names the rule that read what it measures (``bot.extract.figures.measured``).
    """

    value: float | None
    text: str
    what: str
    sentence: int
    predicate: str = ""
    approx: str = ""
    unit: str = ""
    value_high: float | None = None
    per: str = ""
    scope: str = ""  # whose or where: "Ada Quill" for her age, "Lowater" in "in Lowater"
    how: str = ""  # the rule that read what it measures: "counted", "age", "subject", ...


@dataclass(slots=True)
class Quote:
    """Words the article puts in quotation marks and attributes to a speaker.

    ``fragment`` marks a few quoted words embedded in reported speech (urged a
    "swift" response): they are kept, but never presented as a full statement.
    ``sentence`` is the index of the sentence the quote starts in; ``cite`` is the index
    of the sentence that carries the attribution, when it differs; ``how`` names the
    attribution rule and the rule that named the speaker (``bot.extract.quotes.speakers``),
    so that a wrong attribution can be traced.
    """

    speaker: str | None
    quote: str
    sentence: int
    fragment: bool = False
    cite: int | None = None
    how: str = ""  # the rules that attributed it: "said_after/person"


@dataclass(slots=True)
class Extraction:
    """All facts drawn from one article."""

    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
