"""The ways news writes a number, each on sentences written for the test."""

import pytest
from extraction import article, facts

from bot.extract import extract, extraction_json
from bot.model import Figure


def only(text: str) -> Figure:
    found = facts(text).figures
    assert len(found) == 1, [(f.value, f.text) for f in found]
    return found[0]


def values(text: str) -> list[tuple[float | None, float | None]]:
    return [(f.value, f.value_high) for f in facts(text).figures]


@pytest.mark.parametrize(
    ("text", "low", "high", "span", "unit"),
    [
        (
            "Between 3 and 5 million people left the valley.",
            3e6,
            5e6,
            "Between 3 and 5 million people",
            "",
        ),
        (
            "The bridge will cost $3 billion to $5 billion.",
            3e9,
            5e9,
            "$3 billion to $5 billion",
            "USD",
        ),
        ("The plan costs $2-4 million.", 2e6, 4e6, "$2-4 million", "USD"),
        ("Rents rose 10-12% over the winter.", 10, 12, "10-12%", "%"),
        ("Some 8 or 9 people were rescued.", 8, 9, "Some 8 or 9 people", ""),
        ("Two or three boats capsized.", 2, 3, "Two or three boats", ""),
        ("Five to 10 tents were lost.", 5, 10, "Five to 10 tents", ""),
        ("It lasts two to three weeks.", 2, 3, "two to three weeks", "week"),
        (
            "The boys were between 15 and 17 years old.",
            15,
            17,
            "between 15 and 17 years old",
            "year",
        ),
        ("They found 200-400 million tons of ice.", 2e8, 4e8, "200-400 million tons of ice", "ton"),
    ],
)
def test_ranges_keep_both_ends_and_the_scale(
    text: str, low: float, high: float, span: str, unit: str
) -> None:
    f = only(text)
    assert (f.value, f.value_high) == (pytest.approx(low), pytest.approx(high))
    assert (f.text, f.unit) == (span, unit)
    assert f.what != "to"


def test_to_is_never_the_counted_thing() -> None:
    f = only("Wages rose 5 to 10 percent this year.")
    assert (f.value, f.value_high, f.unit) == (5, 10, "%")
    assert "to" not in f.what.split()


@pytest.mark.parametrize(
    "text",
    [
        "The board voted 5-4 to close the pier.",
        "Harbor City won 3-1 on Sunday.",
        "The clerk counted votes 52 to 48 in the hall.",
    ],
)
def test_scores_and_votes_are_not_ranges(text: str) -> None:
    assert [f.value_high for f in facts(text).figures] == []


def test_from_to_is_a_change_not_a_range() -> None:
    assert values("The fare went from $2 to $3 in May.") == [(2, None), (3, None)]


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("The port earned USD10m last year.", 1e7, "USD", "USD10m"),
        ("A bus ticket costs RM2.70 in the city.", 2.7, "MYR", "RM2.70"),
        ("The bank lent EUR 5bn to the state.", 5e9, "EUR", "EUR 5bn"),
        ("A coffee there costs 5€ now.", 5, "EUR", "5€"),
        ("The fine was ¥300 per day.", 300, "JPY", "¥300 per day"),
        ("Tickets sold for C$40 each.", 40, "CAD", "C$40"),
        ("The deal is worth US$1.2 billion.", 1.2e9, "USD", "US$1.2 billion"),
        ("The mill sold for £1.5bn in March.", 1.5e9, "GBP", "£1.5bn"),
        ("They paid $2b for the mine.", 2e9, "USD", "$2b"),
        ("She raised $250k for the clinic.", 2.5e5, "USD", "$250k"),
        ("The debt reached $3tn by then.", 3e12, "USD", "$3tn"),
        ("Grants of 10 million dollars were cut.", 1e7, "USD", "10 million dollars"),
        ("The fare is 50 cents a person.", 0.5, "USD", "50 cents a person"),
        ("Each share closed at 164p on Friday.", 1.64, "GBP", "164p"),
        ("A loaf now costs 5,000 Syrian pounds there.", 5000, "SYP", "5,000 Syrian pounds"),
    ],
)
def test_currencies_before_after_and_attached(
    text: str, value: float, unit: str, span: str
) -> None:
    f = only(text)
    assert (f.value, f.unit, f.text) == (pytest.approx(value), unit, span)


def test_an_article_before_a_dollar_sign_is_no_australian_dollar() -> None:
    assert only("Mayor Ada Quill signed a $40 million budget.").unit == "USD"


def test_pounds_alone_are_weight() -> None:
    f = only("The baker sold 40 pounds of flour.")
    assert (f.value, f.unit, f.what) == (40, "pound", "flour")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Output fell −3.2% in the spring.", -3.2, "%"),
        ("Exports fell -4% in May.", -4, "%"),
        ("The night reached minus 40 degrees.", -40, "degree"),
        ("Prices rose .5 percent in June.", 0.5, "%"),
        ("Rain fell on 1/2 of the farms.", 0.5, ""),
        ("Some two-thirds of voters backed the plan.", 2 / 3, ""),
        ("Nearly half of the residents left.", 0.5, ""),
        ("Half a million tourists came.", 5e5, ""),
        ("Only a third of the wells work.", 1 / 3, ""),
        ("Two thirds of the crops failed.", 2 / 3, ""),
        ("She took one-quarter of 1 percent of the vote.", 0.25, "%"),
        ("One in five families lacks water.", 0.2, ""),
        ("The ride takes two and a half hours.", 2.5, "hour"),
    ],
)
def test_signs_fractions_and_decimals(text: str, value: float, unit: str) -> None:
    f = only(text)
    assert (f.value, f.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "The first half of the season was wet.",
        "The other half stayed home.",
        "They cut the loaf in half.",
        "He won a third term in May.",
    ],
)
def test_a_fraction_word_naming_a_part_is_not_a_figure(text: str) -> None:
    assert facts(text).figures == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "what"),
    [
        ("The phone has a 6.1-inch screen.", 6.1, "inch", "screen"),
        ("It runs on a 185-hp engine.", 185, "horsepower", "engine"),
        ("Rangers closed a 12-mile stretch of road.", 12, "mile", "stretch"),
        ("Police found a 40-year-old in the barn.", 40, "year", "age"),
        ("His 63-year-old neighbour called.", 63, "year", "age"),
        ("They built a 20-mile-long wall.", 20, "mile", "wall"),
        ("The talks set a 120-day withdrawal period.", 120, "day", "withdrawal period"),
        ("A seven-year war ended there.", 7, "year", "war"),
        ("A half-hour delay followed.", 0.5, "hour", "delay"),
        ("They held a two-hour meeting in Lima.", 2, "hour", "meeting"),
        ("Engineers laid 40km of cable.", 40, "kilometer", "cable"),
    ],
)
def test_hyphenated_and_attached_units(text: str, value: float, unit: str, what: str) -> None:
    f = only(text)
    assert (f.value, f.unit, f.what) == (pytest.approx(value), unit, what)


@pytest.mark.parametrize(
    ("text", "value", "unit", "what"),
    [
        ("The council backed a 10-point plan.", 10, "point", "plan"),
        ("A five-member panel met.", 5, "member", "panel"),
        ("The 44-page report came out.", 44, "page", "report"),
    ],
)
def test_hyphenated_counts(text: str, value: float, unit: str, what: str) -> None:
    f = only(text)
    assert (f.value, f.unit, f.what) == (value, unit, what)


@pytest.mark.parametrize(
    "text",
    [
        "A four-star general spoke.",
        "They back a two-state solution.",
        "It was a one-page memo.",
        "They flew X-29s over the bay.",
        "Ana Ortiz gave a one-liner answer.",
    ],
)
def test_hyphenated_words_that_are_no_unit_are_not_figures(text: str) -> None:
    assert facts(text).figures == []


def test_a_and_p_are_not_clock_times() -> None:
    f = only("The flat rents for $3,500 a month.")
    assert (f.value, f.unit, f.per, f.text) == (3500, "USD", "month", "$3,500 a month")
    f = only("Nurses worked 60 hours a week.")
    assert (f.value, f.unit, f.per) == (60, "hour", "week")
    f = only("Trucks brought 4 loads per day.")
    assert (f.value, f.what, f.per) == (4, "loads", "day")
    assert facts("The ferry left at 4 p.m. and again at 9 a.m.").figures == []
    assert facts("The shop opens at 9am and closes at 5pm.").figures == []


def test_a_year_ago_is_a_time_not_a_rate() -> None:
    f = only("Prices were 5 percent higher a year ago.")
    assert f.per == ""


@pytest.mark.parametrize(
    "text",
    [
        "Pilots grounded the 737 Max jets.",
        "She bought an iPhone 11 in May.",
        "The jet was an Airbus A320 model.",
        "Flight ZQ48 was lost.",
        "The delegates met at the G-20 summit.",
        "The ferries docked at Pier 31.",
        "Air Force One landed at noon.",
        "The party moved to 10 Downing Street.",
        "The clinic is at 2150 Marrow Hill Way.",
        "He was ranked No. 2 in the poll.",
    ],
)
def test_numbers_inside_names_are_not_figures(text: str) -> None:
    assert facts(text).figures == []


@pytest.mark.parametrize(
    ("text", "value", "what"),
    [
        ("The blast hit the market, killing 12 civilians.", 12, "civilians"),
        ("The army sent 3 more soldiers north.", 3, "soldiers"),
        ("Some 200 other families stayed.", 200, "families"),
        ("The union called out 200 striking workers.", 200, "striking workers"),
        ("Rebels freed 12 remaining hostages.", 12, "remaining hostages"),
        ("Guards detained 70 (mostly young) protesters.", 70, "protesters"),
        ("Medics treated six others at the scene.", 6, "others"),
        ("Medics treated nine of them at the scene.", 9, "them"),
        ("The captain lost four of his squad.", 4, "squad"),
        ("The town sent 140 military personnel.", 140, "military personnel"),
        ("Officials said 25 U.S. soldiers were hurt.", 25, "U.S. soldiers"),
        ("Police arrested 14 IS fighters.", 14, "IS fighters"),
    ],
)
def test_the_counted_thing(text: str, value: float, what: str) -> None:
    f = only(text)
    assert (f.value, f.what) == (value, what)


@pytest.mark.parametrize(
    ("text", "value", "what"),
    [
        ("Police arrested 16 gunmen at dawn.", 16, "gunmen"),
        ("A half-dozen empty desks remain.", 6, "empty desks"),
        ("Two dozen local and county officials came.", 24, "local and county officials"),
        ("Sales hit a record of 3.4 million in June.", 3.4e6, ""),
        ("She expected crowds as large as 250,000.", 2.5e5, ""),
        ("The fines follow two such raids.", 2, "raids"),
        ("Almost half of all farmers sold up.", 0.5, "farmers"),
        ("After 3½ months of repairs, it opened.", 3.5, "repairs"),
        ("The blast left 23 injured Tuesday.", 23, "injured"),
        ("Of the 12,000+ letters sent, few arrived.", 12000, "letters"),
        ("Guards held four IS (Daesh) members.", 4, "IS (Daesh) members"),
    ],
)
def test_more_counts(text: str, value: float, what: str) -> None:
    f = only(text)
    assert (f.value, f.what) == (value, what)


def test_one_of_several_is_not_a_share() -> None:
    f = only("Ada Quill is one of five elected judges.")
    assert (f.value, f.what) == (5, "elected judges")


@pytest.mark.parametrize(
    "text",
    [
        "Rooms 12 14 were booked.",
        "They watched the film 28 Days on Friday.",
    ],
)
def test_page_furniture_and_titles_are_not_figures(text: str) -> None:
    assert facts(text).figures == []


@pytest.mark.parametrize(
    "text",
    [
        "Half a million came.",
        "Nine go in, but few leave.",
        "About 21 including children arrived.",
    ],
)
def test_a_verb_after_a_count_is_not_what_it_counts(text: str) -> None:
    assert [f.what for f in facts(text).figures] in ([], [""])


def test_a_count_of_things_measured_by_a_hyphenated_unit() -> None:
    shifts, hours = facts("Crews worked three 12-hour shifts.").figures
    assert (shifts.value, shifts.what) == (3, "12-hour shifts")
    assert (hours.value, hours.unit, hours.what) == (12, "hour", "shifts")


def test_a_large_bare_subject_counts_people() -> None:
    f = only("Some 12 million are receiving aid.")
    assert (f.value, f.what) == (1.2e7, "")
    assert facts("The two were talking about the budget.").figures == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("The ceasefire held for 45 days.", 45, "day", "45 days"),
        ("They signed a 120-day withdrawal period.", 120, "day", "120-day withdrawal period"),
        ("Rescuers searched for more than 27 hours.", 27, "hour", "more than 27 hours"),
        ("The mill closed six years ago.", 6, "year", "six years"),
        ("Talks resumed eleven years later.", 11, "year", "eleven years"),
        ("She served 21 years on the council.", 21, "year", "21 years"),
        ("One day after the storm, the roads reopened.", 1, "day", "One day"),
        ("The truce lasted nearly three decades.", 3, "decade", "nearly three decades"),
        ("The hall fell silent for five long seconds.", 5, "second", "five long seconds"),
    ],
)
def test_durations_are_figures(text: str, value: float, unit: str, span: str) -> None:
    f = only(text)
    assert (f.value, f.unit, f.text) == (value, unit, span)


@pytest.mark.parametrize(
    ("text", "value", "whose"),
    [
        ("Ada Quill, 52, was elected mayor.", 52, "Ada Quill"),
        ("The court heard from Omar bin Khalid, 61, on Monday.", 61, "Omar bin Khalid"),
        ("Tomas Vrana, aged 58, left the club.", 58, ""),
        ("The boy was 11 years old.", 11, ""),
        ("A 19-year-old student won.", 19, "student"),
    ],
)
def test_ages_are_figures_in_years(text: str, value: float, whose: str) -> None:
    f = only(text)
    assert (f.value, f.unit, f.what, f.scope) == (value, "year", "age", whose)


@pytest.mark.parametrize(
    "text",
    [
        "One day she will come back.",
        "Ana Ortiz, the mayor, spoke first.",
        "He left Lima in 2015, 2016 and 2017.",
    ],
)
def test_idioms_and_lists_are_not_durations_or_ages(text: str) -> None:
    assert facts(text).figures == []


@pytest.mark.parametrize(
    "text",
    [
        "The floods of 2011 and 1998 were worse.",
        "The fair opened on 14-05-2019 and closed on 3/4/2017.",
        "Updated 10:30 GMT.",
        "Trains leave at 1400 GMT.",
        "She finished 21st in the race.",
        "Prices peaked in the 1990s.",
        "The 4G network failed.",
        "It runs 24/7 in the port.",
        "The clerk filed form 03 today.",
    ],
)
def test_dates_years_times_ordinals_and_codes_are_not_figures(text: str) -> None:
    assert facts(text).figures == []


def test_headline_in_title_case_still_counts() -> None:
    found = facts("Army Kills 17 Fighters Near Border Town").figures
    assert [(f.value, f.what) for f in found] == [(17, "Fighters")]
    found = facts("Clashes on Marrow Plains 19 Fighters Killed in Raid").figures
    assert [(f.value, f.what) for f in found] == [(19, "Fighters")]


def test_extract_json_gives_the_upper_end_and_rate() -> None:
    art = article("Between 3 and 5 million people fled. Rent is $900 a month.")
    figures = extraction_json(art, extract(art))["figures"]
    assert [(f["value"], f["value_high"], f["unit"], f["per"]) for f in figures] == [
        (3e6, 5e6, "", ""),
        (900, None, "USD", "month"),
    ]
