"""Figure patterns, each on short sentences written for the test."""

import pytest
from extraction import facts


def figures(text: str) -> list[tuple[float | None, str, str]]:
    return [(f.value, f.text, f.what) for f in facts(text).figures]


@pytest.mark.parametrize(
    ("text", "value", "span", "what"),
    [
        ("Some 2,500 families fled the town.", 2500, "Some 2,500 families", "families"),
        ("About 4 million voters took part.", 4e6, "About 4 million voters", "voters"),
        ("Nearly three million people live there.", 3e6, "Nearly three million people", "people"),
        ("At least 12 soldiers were wounded.", 12, "At least 12 soldiers", "soldiers"),
        (
            "More than 60 percent of homes lost power.",
            60,
            "More than 60 percent of homes",
            "percent of homes",
        ),
        ("Prices rose 7% in a month.", 7, "7%", "prices"),
        (
            "Rebels seized 45 square kilometers of land.",
            45,
            "45 square kilometers of land",
            "land",
        ),
        ("The fund raised $2.5 billion for schools.", 2.5e9, "$2.5 billion", "percent"),
        ("A dozen trucks arrived.", 12, "A dozen trucks", "trucks"),
        (
            "Six of the border crossings closed.",
            6,
            "Six of the border crossings",
            "border crossings",
        ),
        ("They counted twenty-five trucks.", 25, "twenty-five trucks", "trucks"),
        ("More than two dozen people died.", 24, "More than two dozen people", "people"),
        ("Five to 10 people were hurt.", 5, "Five to 10 people", "people"),
    ],
)
def test_numbers_and_what_they_count(text: str, value: float, span: str, what: str) -> None:
    found = figures(text)
    assert len(found) == 1, found
    assert found[0][0] == pytest.approx(value)
    assert found[0][1] == span
    if what != "percent" or "%" in text or "percent" in text:
        assert found[0][2] == what or span.startswith("$")


def test_vague_amounts_keep_text_without_value() -> None:
    found = facts("The war left hundreds of thousands displaced.").figures
    assert [(f.value, f.text, f.predicate) for f in found] == [
        (None, "hundreds of thousands displaced", "displaced")
    ]


def test_bare_numbers_count_casualties() -> None:
    found = [(f.value, f.predicate) for f in facts("The strike killed 13 and wounded 29.").figures]
    assert found == [(13, "killed"), (29, "wounded")]
    (f,) = facts("Some 6.5 million are internally displaced.").figures
    assert (f.value, f.predicate) == (6.5e6, "displaced")


def test_death_toll_and_weekday_before_a_count() -> None:
    (f,) = facts("Officials put the death toll at at least 70 on Monday.").figures
    assert (f.value, f.text) == (70, "at least 70")
    found = facts("The monitor said on Tuesday 25 people were killed.").figures
    assert [(f.value, f.what) for f in found] == [(25, "people")]


def test_predicate_is_the_nearby_event() -> None:
    (f,) = facts("The shelling killed more than 300 civilians last week.").figures
    assert f.predicate == "killed" and f.approx == "more than"
    (f,) = facts("The flight of 9,000 people began in May.").figures
    assert f.predicate == "flight"


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2011 and peaked in 2016.",
        "Since December 16, talks have stalled.",
        "The meeting is on 3 May at 10:30.",
        "Leaders met at the G-20 summit.",
        "The council passed Resolution 2254 unanimously.",
        "He was the first to arrive, one of many.",
        "The total was 45.",
        "He spoke at 4 p.m. on Aug. 21 in Rome.",
        "About 21 including children arrived.",
        "Those are the two highest fare rates since the war.",
        "The three biggest ferries sailed on time.",
        "The port counted " + "9" * 400 + " boats.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The fare rate unexpectedly fell to 3.5%.",
        "The fare rate never fell below 3.5%.",
        "The fare rate right now is 3.5%.",
    ],
)
def test_an_adverb_before_the_verb_is_no_part_of_the_measure(text: str) -> None:
    [(value, _, what)] = figures(text)
    assert (value, what) == (3.5, "fare rate")


def test_a_scale_word_with_plus_is_still_the_scale() -> None:
    assert figures("The port handled $16 trillion-plus in cargo.")[0][0] == 16e12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An aside that closes the counted phrase says something of it, not what it is.
        (
            "The bill sets a $14 minimum wage (tied to prices) for shop staff.",
            [(14, "$14 minimum wage", "minimum wage")],
        ),
        # A word English uses only as a finite verb ends the counted phrase.
        (
            "Road tolls at 40 percent of revenue require new bonds.",
            [(40, "40 percent of revenue", "percent of revenue")],
        ),
        # A number above one before a singular fraction word is a span, no fraction.
        ("Whenever two-quarter output growth stalls, prices drop.", []),
        # An -ing word that is no verb's is a noun of the phrase.
        (
            "The port's $9 million loan ceiling held.",
            [(9e6, "$9 million loan ceiling", "loan ceiling")],
        ),
        # A difference keeps the word that says so.
        ("About 300 fewer ferries sailed.", [(300, "About 300 fewer ferries", "fewer ferries")]),
        # Number words after a spelled scale are added to it.
        (
            "One hundred and fifty ferries sailed.",
            [(150, "One hundred and fifty ferries", "ferries")],
        ),
        (
            "Two thousand twenty-five ferries sailed.",
            [(2025, "Two thousand twenty-five ferries", "ferries")],
        ),
    ],
)
def test_the_counted_phrase_ends_where_the_noun_does(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert figures(text) == expected


def test_an_age_written_with_one_hyphen_is_an_age() -> None:
    [found] = facts("A 47-year old cyclist was hurt near Brindle Cross.").figures
    assert (found.value, found.what, found.unit) == (47, "age", "year")


@pytest.mark.parametrize(
    ("text", "what", "scope"),
    [
        # A possessive in lower case says whose the measure is: it is part of it.
        ("The union's vacancy rate for May is 6.2%.", "union's vacancy rate", ""),
        # A month after "for" says when, not where or whose.
        ("The vacancy rate for June is 6.2%.", "vacancy rate", ""),
        ("The vacancy rate for Corvale is 6.2%.", "vacancy rate", "Corvale"),
    ],
)
def test_a_measure_named_before_its_figure_keeps_whose_it_is(
    text: str, what: str, scope: str
) -> None:
    [found] = facts(text).figures
    assert (found.value, found.what, found.scope) == (6.2, what, scope)
