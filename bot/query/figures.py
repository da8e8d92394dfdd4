"""/figures TOPIC: the numbers reported about a topic, one measure at a time, newest first.

A figure belongs to the topic when its sentence contains the topic's words in any form
(FTS5's porter stemming: displaced, displacement, displacing). The ``MAX_SCANNED`` most
recently indexed matching sentences are looked at, which is all of them unless the topic is
everywhere, so the cost does not grow with the base.

Each figure is read against its own sentence (``bot.query.measures``): what it counts, the
event it belongs to and the place the sentence gives it, so "80,000 dead and five million
displaced" is not reported as 80,000 displaced. Figures are then grouped by measure (counted
thing and event, unit, place). Measures of the topic itself come first, then those that only
share a sentence with it, each set largest first (most articles), each measure newest first
and at most ``MAX_PER_MEASURE`` of its figures. The same figure in the same sentence
carried by several outlets is one line citing each (``Item.also``), and a sentence holding
two figures of the answer is quoted once. A group is marked "sources differ" only when two
of its figures published within ``agreement.CLOSE_DAYS`` of each other cannot both be true.
The first measure reported on ``MIN_CHART_DAYS`` or more days comes with a timeline
(``Answer.chart``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from bot.extract import lexicon
from bot.query import agreement, amounts, catalog, inputs, measures
from bot.query.answer import Answer, Chart, ChartPoint, Citation, Item, plural
from bot.query.measures import Place, Reading
from bot.query.replies import refusal
from bot.query.sources import Sources
from bot.store import Reads, Row, Store
from bot.textnorm import fold

MAX_ITEMS = 40
MAX_PER_MEASURE = 8
# When the topic's own measures give this many figures (the topic is a measure, and
# this its page), figures that only share a sentence with the topic ("four times the
# rate of inflation", "12 states") are left out; a topic that is no measure (a place, a
# person, an event) has few or none of its own, and the figures of its sentences are
# what there is to show.
ENOUGH_OWN = 3
# Matching sentences looked at, most recently indexed first, before grouping.
MAX_SCANNED = 400
# A measure reported on at least this many days is drawn as a timeline, when its values
# are at most this many times apart (two orders of magnitude).
MIN_CHART_DAYS = 3
MAX_SPREAD = 100
OTHER = "Other figures"
PEOPLE_WORDS = frozenset(("people", "persons", "person"))
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Reported:
    """One figure as reported: its reading, and every article that gave it in the same
    sentence (the earliest first)."""

    rows: list[Row]
    reading: Reading
    key: str
    sentence: tuple[str, ...]

    @property
    def row(self) -> Row:
        return self.rows[0]

    @property
    def published(self) -> str:
        return self.row["published"] or ""


def figures(store: Store, topic: str) -> Answer:
    problem = inputs.problem(topic, catalog.usage("figures"))
    topic_terms = inputs.topic_terms(topic)
    if not problem and not topic_terms:
        problem = f"“{' '.join(topic.split())}” is too common to look up; name a topic."
    if problem:
        return refusal("figures", topic, problem)
    read = store.read
    # "people" is what a count is of, said or not ("13 were killed"): it is not looked for.
    searched = [t for t in topic_terms if t not in PEOPLE_WORDS] or topic_terms
    rows = read.figures_in_matching(inputs.fts_query(searched), MAX_SCANNED)
    typed = " ".join(topic.split())
    title = f"Figures on “{typed}”"
    if not rows:
        message = f"No figures found about “{typed}”. /search {typed} finds any sentence on it."
        return Answer("figures", topic, None, [], title=title, message=message)
    refs = [(r["article_id"], r["sentence_idx"]) for r in rows]
    sources = Sources(read, refs)
    reported = _merged(_read_all(rows, sources, _places(read, refs)))
    measure, scope = _scoped(topic)
    stems = [s for s in inputs.topic_stems(measure) if s not in measures.PEOPLE]
    wanted = (frozenset(stems), stems[-1] if stems else "", _an_event(measure))
    groups = _groups(reported)
    # The measures of the place asked about first: "killed in Aleppo", or "Aleppo" alone.
    where = fold(scope or topic)
    groups.sort(key=lambda g: fold(g[0].reading.place) != where)
    # Measures of the topic itself first, then those that only share a sentence with it:
    # those only while the topic's own measures are few.
    own = [g for g in groups if g[0].key and _about(g, wanted)]
    notes = []
    if sum(min(len(g), MAX_PER_MEASURE) for g in own) >= ENOUGH_OWN:
        reported = [f for g in own for f in g]
        notes.append(f"Only measures of “{typed}” itself are shown.")
        groups = own
    else:
        groups.sort(key=lambda g: not (g[0].key and _about(g, wanted)))
    items = _items(groups, sources)
    conflicts = sum(1 for g in groups if _disagree(g))
    if conflicts:
        notes.append(
            f"Sources published within {agreement.CLOSE_DAYS} days of each other give"
            f" different numbers for {plural(conflicts, 'measure')}."
        )
    if len(items) < len(reported):
        more = "+" if len(rows) == MAX_SCANNED else ""
        notes.append(
            f"Showing {len(items)} of {len(reported)}{more} figures, the newest"
            f" {MAX_PER_MEASURE} of each measure."
        )
    return Answer(
        "figures", topic, None, items, title=title, message=" ".join(notes), chart=_chart(groups)
    )


# "people killed in Aleppo": a measure, then where (every sentence looked at names it),
# after a preposition that ties a place to a figure ("of" joins the measure's own words:
# "share of votes").
_SCOPED = re.compile(
    rf"^(?P<measure>.+?)\s+(?:{'|'.join(sorted(measures.PLACE_PREPOSITIONS - {'of'}))})"
    r"\s+(?P<scope>.+)$"
)


def _scoped(topic: str) -> tuple[str, str]:
    """The measure a topic asks for and the place it asks it of ("" for none): "people
    were killed in Aleppo" is the measure "people were killed" in "Aleppo"."""
    found = _SCOPED.match(" ".join(topic.split()))
    if found is None or not inputs.topic_stems(found["measure"]):
        return topic, ""
    return found["measure"], found["scope"]


def _places(read: Reads, refs: list[tuple[str, int]]) -> dict:
    found: dict[tuple[str, int], list[Place]] = defaultdict(list)
    for row in read.places_in_sentences(refs):
        found[row["article_id"], row["sentence_idx"]].append(
            Place(row["start"], row["end"], row["name"])
        )
    return found


def _read_all(
    rows: list[Row], sources: Sources, places: dict[tuple[str, int], list[Place]]
) -> list[Reported]:
    """Every figure read against its sentence, knowing where its neighbours are."""
    by_sentence: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in rows:
        by_sentence[row["article_id"], row["sentence_idx"]].append(row)
    reported = []
    for ref, members in by_sentence.items():
        members.sort(key=lambda r: r["id"])
        sentence = sources.sentence(*ref)
        spans = _spans(sentence, [r["text"] for r in members])
        words = tuple(_WORD.findall(fold(sentence).replace("'", "")))
        for n, row in enumerate(members):
            span = spans[n]
            place = ""
            previous = None
            if span is not None:
                previous = max(
                    (s[1] for s in spans if s is not None and s[1] <= span[0]), default=None
                )
                after = [s[0] for s in spans if s is not None and s[0] >= span[1]]
                stretch = (previous or 0, min(after, default=len(sentence)))
                place = measures.place_of(sentence, span, stretch, places.get(ref, ()))
            reading = measures.read(row, sentence, span, place, previous)
            unit = measures.unit_of(row["unit"], row["value"], row["value_high"])
            key = measures.measure_key(reading, unit, row["per"])
            reported.append(Reported([row], reading, key, words))
    return reported


def _spans(sentence: str, texts: list[str]) -> list[tuple[int, int] | None]:
    """Where each figure is: the n-th figure with the same words is their n-th appearance."""
    seen: dict[str, int] = defaultdict(int)
    spans = []
    for text in texts:
        spans.append(measures.occurrence(sentence, text, seen[text]))
        seen[text] += 1
    return spans


def _merged(reported: list[Reported]) -> list[Reported]:
    """One entry for a figure that several articles give in the same sentence, and one for a
    figure an article gives twice (its headline and its text), from the longer sentence."""
    once: dict[tuple, Reported] = {}
    for figure in sorted(reported, key=lambda f: len(f.sentence), reverse=True):
        once.setdefault((figure.row["article_id"], fold(figure.row["text"]), figure.key), figure)
    same: dict[tuple, Reported] = {}
    for figure in once.values():
        key = (figure.sentence, fold(figure.row["text"]), figure.key)
        if key in same:
            same[key].rows.append(figure.row)
        else:
            same[key] = figure
    for figure in same.values():
        figure.rows.sort(key=lambda r: (r["published"] or "9999", r["article_id"]))
    return list(same.values())


def _groups(reported: list[Reported]) -> list[list[Reported]]:
    """Figures by measure, each newest first; the largest measures first, and figures that
    say too little to have a measure together at the end."""
    by_key: dict[str, list[Reported]] = defaultdict(list)
    for figure in reported:
        by_key[figure.key].append(figure)
    for members in by_key.values():
        members.sort(key=lambda f: (f.row["article_id"], f.row["sentence_idx"]))
        members.sort(key=lambda f: f.published, reverse=True)
    groups = [members for key, members in by_key.items() if key]
    groups.sort(key=lambda g: g[0].published, reverse=True)
    groups.sort(key=lambda g: len({r["article_id"] for f in g for r in f.rows}), reverse=True)
    return groups + ([by_key[""]] if by_key.get("") else [])


# Words that qualify a measure without changing what it counts: "annual growth" is growth.
_QUALIFIERS = frozenset(
    inputs.stems(
        "annual annualized real overall national federal total current latest monthly"
        " quarterly yearly official average headline nominal seasonally adjusted"
    )
)


# Words beside a topic's head word that leave a measure the topic's own.
_KIND_OR_QUALIFIER = _QUALIFIERS | measures.GENERIC


def _an_event(topic: str) -> bool:
    """Whether the topic names an event by its participles alone ("displaced", "killed"):
    it asks who or what the event befell."""
    words = topic.split()
    return bool(words) and all(lexicon.is_past_participle(w) for w in words)


def _measured_in_units(group: list[Reported]) -> bool:
    """An amount in a unit of measure (tons, miles, litres), not a count, money, a share or
    a span of time: "a displacement of 9,000 tons" is another sense of "displaced", whose
    figures count who or what the event befell."""
    unit = group[0].row["unit"]
    return bool(unit) and not (
        amounts.is_money(unit)
        or unit in (amounts.PERCENT, measures.POINTS)
        or unit in amounts.TIME_UNITS
    )


def _about(group: list[Reported], wanted: tuple[frozenset[str], str, bool]) -> bool:
    """Whether the group's counted thing or event is the topic itself: all its words, or,
    for a rate or an amount, its head word as the measure, in a sentence that holds them
    all ("growth (%)" where "GDP growth" is reported; but a count of "votes" is no count
    of "electoral votes", nor an amount in tons one of "displaced")."""
    words, head, event = wanted
    if event and _measured_in_units(group):
        return False
    return any(
        (words <= measures.measure_stems(f.reading) and not _only_described(f, head))
        or (f.row["unit"] and _headed(f, words, head))
        for f in group
    )


def _only_described(figure: Reported, head: str) -> bool:
    """A count, share or span of a thing the topic only describes: "2 refugee aid groups"
    and "a 120-day refugee ban" count no refugees (but "a 35-day shutdown" is a span of
    shutdowns, and "killed 20 children" a count of killing); so is a rate of one ("a
    0.0009% voting fraud" is no share of votes). Amounts of money are read by what they
    are an amount of (``_headed``)."""
    counted = inputs.stems(figure.reading.counted)
    event = set(inputs.stems(figure.reading.predicate)) - set(counted)
    if amounts.is_money(figure.row["unit"]) or head in event:
        return False
    return bool(counted) and counted[-1] != head


def _headed(figure: Reported, words: frozenset[str], head: str) -> bool:
    """The topic's head word is what the figure measures, with no word of its own beyond
    those that qualify any measure or name its kind: "growth" and "annual growth" for
    "GDP growth", "the inflation rate" for "inflation", but not the "participation rate"
    beside an "unemployment rate"."""
    counted = set(inputs.stems(figure.reading.counted))
    return head in counted and counted - words <= _KIND_OR_QUALIFIER


def _heading(group: list[Reported]) -> str:
    """The measure's most usual wording (the newest on a tie), then what it is counted in
    and per, and its place: "people displaced (Syria)", "rent aid (USD a month)"."""
    first = group[0]
    if not first.key:
        return OTHER
    wordings = Counter(
        measures.label(
            f.reading, measures.unit_of(f.row["unit"], f.row["value"], f.row["value_high"])
        )
        for f in group
    )
    words = wordings.most_common(1)[0][0]
    counted_in = _counted_in(first.row)
    if first.reading.named and first.row["unit"] == amounts.PERCENT:
        counted_in = "%"  # "unemployment rate (%)"
    qualifiers = [q for q in (counted_in, first.reading.place) if q]
    return f"{words} ({', '.join(qualifiers)})" if qualifiers else words


def _counted_in(row: Row) -> str:
    """ "USD a month", "days", "a year"; "" for a plain count or a percentage."""
    unit, per = row["unit"], row["per"]
    if unit == amounts.PERCENT:
        unit = ""
    elif unit and not amounts.is_money(unit):
        unit = amounts.plural(unit)
    return " ".join(p for p in (unit, amounts.rate(per)) if p)


def _disagree(group: list[Reported]) -> bool:
    """Two figures of the measure in one place, from different articles published close
    together, that cannot both be true (``agreement.contradict``)."""
    if not group[0].key or not group[0].reading.place:
        return False
    dated = [
        (
            {r["article_id"] for r in f.rows},
            (
                agreement.day(f.published),
                v,
                agreement.stretch(v, f.row["value_high"], f.row["approx"]),
            ),
        )
        for f in group
        if (v := f.row["value"]) is not None
    ]
    return any(
        not a_articles & b_articles and agreement.contradict(a, b)
        for (a_articles, a), (b_articles, b) in combinations(dated, 2)
    )


def _items(groups: list[list[Reported]], sources: Sources) -> list[Item]:
    items: list[Item] = []
    quoted: dict[tuple[str, ...], int] = {}
    for group in groups:
        heading, conflict = _heading(group), _disagree(group)
        for figure in group[:MAX_PER_MEASURE]:
            if len(items) == MAX_ITEMS:
                return items
            row = figure.row
            citations = [sources.cite(r["article_id"], r["sentence_idx"]) for r in figure.rows]
            item = figure_item(row, citations[0], heading, conflict, figure.reading)
            item.also = citations[1:]
            if figure.sentence in quoted:
                item.context = ""
                item.text += f" (same sentence as {quoted[figure.sentence]})"
            else:
                quoted[figure.sentence] = len(items) + 1
            items.append(item)
    return items


def _chart(groups: list[list[Reported]]) -> Chart | None:
    """A timeline of the first measure reported on enough days, one point per article, when
    its values can share a line: values more than ``MAX_SPREAD`` times apart are of
    different scopes ("a state's $6 billion deficit", "the federal $1 trillion"), and are
    shown as the list alone."""
    for group in groups:
        if not group[0].key:
            continue
        points = sorted(_points(group), key=lambda p: (p.day, p.low))
        if len({p.day for p in points}) >= MIN_CHART_DAYS and _comparable(points):
            row = group[0].row
            return Chart(_heading(group), row["unit"], row["per"], tuple(points))
    return None


def _comparable(points: list[ChartPoint]) -> bool:
    """Whether the values lie within ``MAX_SPREAD`` times of each other, all on one side
    of zero."""
    values = [v for p in points for v in (p.low, p.high)]
    if min(values) <= 0 < max(values):
        return False
    sizes = [abs(v) for v in values if v]
    return not sizes or max(sizes) <= MAX_SPREAD * min(sizes)


def _points(group: list[Reported]) -> Iterable[ChartPoint]:
    for figure in group:
        value, high = figure.row["value"], figure.row["value_high"]
        if value is None:
            continue
        for row in figure.rows:
            day = agreement.day(row["published"])
            if day is not None:
                top = high if high is not None else value
                yield ChartPoint(day.isoformat(), value, top, row["article_id"])


def figure_item(
    row: Row,
    citation: Citation,
    group: str = "",
    conflict: bool = False,
    reading: Reading | None = None,
) -> Item:
    """A figure as an item: the amount and what it counts, with its sentence as context.

    Without a ``reading`` the figure is read against the cited sentence alone.
    """
    reading = reading or measures.read(row, citation.sentence)
    return Item(
        "figure",
        figure_text(row, reading),
        citation,
        value=row["value"],
        value_high=row["value_high"],
        context=citation.sentence,
        group=group,
        conflict=conflict,
    )


def figure_text(row: Row, reading: Reading) -> str:
    """ "about 6.5 million people displaced", "$3,500 a month", "30,000 refugees a year",
    "a 120-day withdrawal period"."""
    value, high, unit = row["value"], row["value_high"], row["unit"]
    if value is None or (not unit and high is None and 0 < abs(value) < 1):
        # Vague amounts and proportions ("nearly 1 in 3") are shown as written.
        written = measures.vague_words(row["text"], row["approx"]) if value is None else row["text"]
        return _with_predicate(written, reading)
    counted, per = reading.shown, row["per"]
    # "30,000 refugees a year": what is counted comes before what it is counted per;
    # money keeps it ("$15 an hour minimum wage").
    after = bool(counted) and not unit
    if counted and unit and unit != amounts.PERCENT and not amounts.is_money(unit):
        written = amounts.with_approximation(
            row["approx"], amounts.unit_adjective(value, high, unit)
        )
    else:
        written = amounts.with_approximation(
            row["approx"], amounts.amount(value, high, unit, "" if after else per)
        )
    rate = amounts.rate(per) if after else ""
    return _with_predicate(" ".join(p for p in (written, counted, rate) if p), reading)


def _with_predicate(text: str, reading: Reading) -> str:
    """The figure's words with its event word, on the side the sentence puts it."""
    predicate = reading.predicate
    if not predicate or set(fold(predicate).split()) <= set(fold(text).split()):
        return text
    return f"{predicate} {text}" if reading.predicate_first else f"{text} {predicate}"
