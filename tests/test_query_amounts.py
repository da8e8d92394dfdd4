"""Amounts in words, and what a figure measures, rule by rule."""

from __future__ import annotations

import pytest

from bot.query import agreement, amounts, measures
from bot.query.measures import Place


@pytest.mark.parametrize(
    ("value", "high", "unit", "per", "written"),
    [
        (3500, None, "USD", "month", "$3,500 a month"),
        (5e9, None, "EUR", "", "€5 billion"),
        (164, None, "GBP", "", "£164"),
        (2.7, None, "MYR", "", "MYR 2.7"),
        (-4e6, None, "USD", "", "−$4 million"),
        (3e6, 5e6, "", "", "3–5 million"),
        (900_000, 1_200_000, "", "", "900,000–1.2 million"),
        (3e9, 5e9, "USD", "", "$3–5 billion"),
        (10, 12, "%", "", "10–12%"),
        (-3.2, None, "%", "", "−3.2%"),
        (8, 9, "", "", "8–9"),
        (120, None, "day", "", "120 days"),
        (1, None, "day", "", "1 day"),
        (6, None, "foot", "", "6 feet"),
        (2, None, "century", "", "2 centuries"),
        (12, None, "square kilometer", "", "12 square kilometers"),
        (4, None, "", "hour", "4 an hour"),
        (60, None, "USD", "barrel", "$60 per barrel"),
        (6_360_000, None, "", "", "6.36 million"),
        (1_234_567, None, "", "", "1,234,567"),
        (0.5, None, "", "", "0.5"),
        (0.00004, 0.0009, "%", "", "0.00004–0.0009%"),
        (0.00012345, None, "%", "", "0.000123%"),
    ],
)
def test_amounts_read_as_written(
    value: float, high: float | None, unit: str, per: str, written: str
) -> None:
    assert amounts.amount(value, high, unit, per) == written


def test_a_unit_before_what_it_measures_is_an_adjective() -> None:
    assert amounts.unit_adjective(120, None, "day") == "120-day"


@pytest.mark.parametrize(
    ("approx", "written", "shown"),
    [("about", "4 million", "about 4 million"), ("or more", "20", "20 or more"), ("", "7", "7")],
)
def test_approximators_stand_on_their_side(approx: str, written: str, shown: str) -> None:
    assert amounts.with_approximation(approx, written) == shown


SENTENCE = "Some 9,000 were left dead and two million displaced, while 300 homes burned."


@pytest.mark.parametrize(
    ("figure", "predicate", "side"),
    [
        ("two million", "displaced", measures.AFTER),
        ("Some 9,000", "displaced", ""),  # another number stands between
        ("Some 9,000", "dead", measures.AFTER),  # linking words only
        ("300 homes", "burned", measures.AFTER),
        ("300 homes", "displaced", ""),  # a comma clause, "while", stands between
    ],
)
def test_an_event_word_belongs_to_a_number_only_across_linking_words(
    figure: str, predicate: str, side: str
) -> None:
    span = measures.occurrence(SENTENCE, figure)
    assert span is not None
    assert measures.predicate_side(SENTENCE, span, predicate) == side


def test_an_aside_opened_by_including_does_not_break_the_link() -> None:
    sentence = "Fifteen people, including three children, were killed in the raid."
    span = measures.occurrence(sentence, "Fifteen people")
    assert span is not None
    assert measures.predicate_side(sentence, span, "killed") == measures.AFTER


def test_an_event_word_before_a_number_is_the_previous_numbers_when_it_links_there() -> None:
    sentence = "20 people killed 30 others injured in the blast"
    first = measures.occurrence(sentence, "20 people")
    second = measures.occurrence(sentence, "30 others")
    assert first is not None and second is not None
    assert measures.predicate_side(sentence, first, "killed") == measures.AFTER
    assert measures.predicate_side(sentence, second, "killed", first[1]) == ""
    assert measures.predicate_side("Raids killed 30 people", (13, 22), "killed") == measures.BEFORE


@pytest.mark.parametrize(
    ("text", "what", "unit", "following", "counted"),
    [
        ("6 million refugees", "refugees", "", "", "refugees"),
        ("12,000", "people", "", " people were displaced", "people"),
        ("40%", "percent of voters", "%", " of voters said no", "of voters"),
        ("7,000", "refugees", "", " more are displaced", ""),
    ],
)
def test_the_counted_thing_comes_from_the_figures_own_words(
    text: str, what: str, unit: str, following: str, counted: str
) -> None:
    assert measures.counted_words(text, what, unit, following) == counted


def test_a_place_needs_a_preposition_and_nearness() -> None:
    sentence = "About 800 families fled in northern Calder, officials in Brisk said."
    places = [
        Place(sentence.index("Calder"), sentence.index("Calder") + 6, "Calder"),
        Place(sentence.index("Brisk"), sentence.index("Brisk") + 5, "Brisk"),
    ]
    span = measures.occurrence(sentence, "About 800 families")
    assert span is not None
    assert measures.place_of(sentence, span, (0, len(sentence)), places) == "Calder"
    far = "About 800 families, who had waited for many long weeks at the border, came from Brisk."
    brisk = [Place(far.index("Brisk"), far.index("Brisk") + 5, "Brisk")]
    span = measures.occurrence(far, "About 800 families")
    assert span is not None
    assert measures.place_of(far, span, (0, len(far)), brisk) == ""


@pytest.mark.parametrize(
    ("a", "b", "contradict"),
    [
        ((12_000, None, ""), (15_000, None, ""), True),
        ((500, None, "at least"), (600, None, ""), False),
        ((4e6, None, "about"), (4.3e6, None, ""), False),
        ((1000, None, "nearly"), (1200, None, ""), True),
        ((3e6, 5e6, ""), (4e6, None, ""), False),
        ((19, None, ""), (400_000, None, ""), False),  # another event, not another count
    ],
)
def test_figures_contradict_when_their_stretches_do_not_meet(
    a: tuple, b: tuple, contradict: bool
) -> None:
    day = agreement.day("2023-04-02")
    first = (day, a[0], agreement.stretch(*a))
    second = (day, b[0], agreement.stretch(*b))
    assert agreement.contradict(first, second) is contradict


def test_figures_a_week_apart_or_undated_are_not_compared() -> None:
    stretch = agreement.stretch(12_000, None, "")
    other = agreement.stretch(15_000, None, "")
    assert not agreement.contradict(
        (agreement.day("2023-04-02"), 12_000, stretch),
        (agreement.day("2023-04-12"), 15_000, other),
    )
    assert not agreement.contradict((None, 12_000, stretch), (None, 15_000, other))


def _place(sentence: str, figure: str, names: list[str]) -> str:
    places = [Place(sentence.index(n), sentence.index(n) + len(n), n) for n in names]
    span = measures.occurrence(sentence, figure)
    assert span is not None
    before = [measures.occurrence(sentence, f) for f in ("eight", " 27") if f in sentence]
    low = max((s[1] for s in before if s and s[1] <= span[0]), default=0)
    return measures.place_of(sentence, span, (low, len(sentence)), places)


@pytest.mark.parametrize(
    ("sentence", "figure", "names"),
    [
        # The preposition belongs to the year, not to the place after the comma.
        ("In 2019, Brisk gave shelter to 9,000 displaced herders.", "9,000", ["Brisk"]),
        # A figure of a list of places is none of theirs alone.
        ("The towns of Calder, Brisk and Lowe cast 64 votes.", "64 votes", ["Calder", "Brisk"]),
        ("It won 46 votes in Calder, Brisk and Lowe.", "46 votes", ["Calder", "Brisk", "Lowe"]),
        # The place the figure before names right after itself is that figure's.
        ("Only eight fell in Calder and 27 in Brisk, after 800 losses.", "800 losses", ["Brisk"]),
        # A place across the end of a quoted sentence is no place of the figure.
        ('"We built a camp in Brisk in a week. We cannot house 200 herders."', "200", ["Brisk"]),
        # "of" after a capitalised word joins a name: the place is part of it.
        ("The Duchy of Brisk holds 40 seats.", "40 seats", ["Brisk"]),
        ("Calder and the Duchy of Brisk hold 40 seats.", "40 seats", ["Brisk"]),
        # A new clause after a comma: the place before it is that clause's.
        ("Nine fell in Brisk, after 800 losses in the spring.", "800 losses", ["Brisk"]),
        # A comparison names another place's figure.
        ("Its toll of 3,800 exceeds that of Brisk.", "3,800", ["Brisk"]),
        # The whole world's figure, whatever a clause after it names.
        ("Of 5 million herders worldwide, many live in Brisk.", "5 million herders", ["Brisk"]),
    ],
)
def test_a_place_the_sentence_gives_another_phrase_is_not_the_figures(
    sentence: str, figure: str, names: list[str]
) -> None:
    assert _place(sentence, figure, names) == ""


def test_a_place_after_a_preposition_is_still_the_figures() -> None:
    sentence = "In Brisk, 9,000 herders were displaced."
    assert _place(sentence, "9,000 herders", ["Brisk"]) == "Brisk"
