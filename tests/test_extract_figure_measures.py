"""What a figure measures and whose it is, and the amounts that are no figure of anything,
each on sentences written for the test."""

import pytest
from extraction import article, facts

from bot.model import Figure


def only(text: str) -> Figure:
    found = facts(text).figures
    assert len(found) == 1, [(f.value, f.text) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "what", "scope", "how"),
    [
        (
            "The jobless rate in Lowater fell to 4.2% in May.",
            "jobless rate",
            "Lowater",
            "changed_subject",
        ),
        ("Annual revenue rose to £2.3bn last year.", "annual revenue", "", "changed_subject"),
        (
            "Shares in Velmora Telecom fell 0.4 per cent on Tuesday.",
            "shares",
            "Velmora Telecom",
            "changed_subject",
        ),
        (
            "Harbour Retail's pre-tax profit slumped to €312m.",
            "pre-tax profit",
            "Harbour Retail",
            "changed_subject",
        ),
        (
            "Quill Logistics posted a quarterly loss of $87 million.",
            "quarterly loss",
            "",
            "measure_of",
        ),
        ("The network promises download speeds of 900Mbps.", "download speeds", "", "measure_of"),
        ("A spokesman put the death toll at 21 on Sunday.", "death toll", "", "put_at"),
        ("The harbour debt now stands at $20.4 million.", "harbour debt", "", "changed_subject"),
        (
            "The harbour deficit grew by $113 million last year.",
            "change in harbour deficit",
            "",
            "changed_by",
        ),
        (
            "The harbour deficit surged $9 million last year.",
            "change in harbour deficit",
            "",
            "changed_by",
        ),
        ("The harbour deficit was $74 million in May.", "harbour deficit", "", "changed_subject"),
        ("The ferry toll topped $9 this spring.", "ferry toll", "", "changed_subject"),
        ("The flood toll climbed above 2,000 on Monday.", "flood toll", "", "changed_subject"),
        (
            "The harbour deficit rose more than $9 million last year.",
            "change in harbour deficit",
            "",
            "changed_by",
        ),
        (
            "The flood toll rose from 2,104 on Monday.",
            "earlier flood toll",
            "",
            "changed_from",
        ),
        (
            "The risks include a harbour debt north of $23 million.",
            "harbour debt",
            "",
            "measure_of",
        ),
        ("The $18 million harbour debt remains a worry.", "harbour debt", "", "counted"),
        ("The mayor pushed a $1.5 million tax cut and spending rises.", "tax cut", "", "counted"),
        (
            "Quill's approval rating jumped 10 percent in May.",
            "change in approval rating",
            "Quill",
            "changed_by",
        ),
        ("Ferry fares rose 7% in May.", "ferry fares", "", "changed_subject"),
        (
            "But Quill's approval rating dipped below 40% in May.",
            "approval rating",
            "Quill",
            "changed_subject",
        ),
    ],
)
def test_a_measure_named_before_its_value(text: str, what: str, scope: str, how: str) -> None:
    figure = only(text)
    assert (figure.what, figure.scope, figure.how) == (what, scope, how)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("A 62-year-old man was killed in Lowater on Monday.", "man"),
        ("Ada Quill, 52, was injured in the blast.", "Ada Quill"),
    ],
)
def test_an_age_counts_no_event(text: str, scope: str) -> None:
    figure = only(text)
    assert (figure.what, figure.scope, figure.predicate, figure.unit) == ("age", scope, "", "year")


@pytest.mark.parametrize(
    "text",
    [
        "It is not a $700,000 debt, the mayor said.",
        "Section 232 tariffs on steel were not discussed.",
        "She swam the 200m butterfly in Lowater.",
        "Jobless claims in Lowater hit a 50-year low in May.",
        "It was the highest one-day death toll in Lowater.",
        "The plan is costed over the 10-year budget window.",
        "Lowater is one of the three most crowded harbours.",
        "The slump outdid the three previous worst years.",
    ],
)
def test_amounts_that_are_no_figure(text: str) -> None:
    assert facts(text).figures == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The 50GB plan streams at 30Mbps.", 50, "gigabyte"),
        ("The watch samples heart rate at 25Hz.", 25, "hertz"),
        ("Temperatures reached 38.4C in Lowater.", 38.4, "degree"),
        ("Patients took a 20mg dose.", 20, "milligram"),
        ("The manager was handed a six-match ban.", 6, "match"),
    ],
)
def test_units_glued_to_the_number(text: str, value: float, unit: str) -> None:
    figure = facts(text).figures[0]
    assert (figure.value, figure.unit) == (value, unit)


def test_a_span_of_prices_is_a_range_and_a_change_is_two_figures() -> None:
    (spanned,) = facts("Ticket prices range from £45 to £160 this year.").figures
    assert (spanned.value, spanned.value_high) == (45, 160)
    assert len(facts("Ticket prices rose from £45 to £60 this year.").figures) == 2


def test_a_fraction_and_what_it_came_to_are_no_range() -> None:
    found = facts("Quill Retail's profit slumped by almost half to €312m.").figures
    assert 312e6 in [f.value for f in found]
    assert not any(f.value_high for f in found)


def test_a_page_notice_of_the_articles_age_is_not_text() -> None:
    text = "Harbour news\n\nThis article is more than 11 months old\n\nThe port opened."
    assert "months old" not in article(text).text


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The council cut 41 jobs programs last year.", "jobs programs"),
        ("Three news outlets ran the story.", "news outlets"),
        ("Two police officers were hurt.", "police officers"),
        ("Only 17 lawyers operates the office.", "lawyers"),
    ],
)
def test_a_plural_that_modifies_the_noun_after_it(text: str, what: str) -> None:
    assert only(text).what == what


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The bill would set a $15 minimum wage or you're out, he said.", "minimum wage"),
        ("They hired two dozen local and county officials.", "local and county officials"),
        ("Rebels bought $5 million worth of arms.", "arms"),
    ],
)
def test_the_counted_phrase_stops_where_the_noun_does(text: str, what: str) -> None:
    assert only(text).what == what


def test_modifiers_joined_by_and_need_a_noun_they_share() -> None:
    assert facts("It cost a share of GDP and immense human suffering.").figures == []


def test_a_vague_amount_of_a_currency_is_money() -> None:
    figure = only("The dispute cost tens of millions of dollars.")
    assert (figure.value, figure.unit, figure.text) == (None, "USD", "tens of millions of dollars")


def test_a_verb_by_which_figures_report_a_measure_is_none_of_it() -> None:
    figure = only("Surveys by local lenders show joblessness is up about 3% in Tarsk.")
    assert (figure.what, figure.how) == ("joblessness", "changed_subject")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The ferry line expects no more than 40 lorries annually.", "year"),
        ("Harbour Wire counts 300 gulls daily on the pier.", "day"),
        ("In most years the frost kills 60 or more lambs on the moor.", "year"),
        ("Every week, about 200 hikers reach the summit hut.", "week"),
        ("A year later, 300 families returned to the valley.", ""),
        ("Each of the 12 towns lost power.", ""),
        ("The quarry laid off 800 hourly workers in March.", ""),
        ("Tenants owe $600 monthly rents to the council.", ""),
    ],
)
def test_a_period_said_by_an_adverb_or_before_the_count_makes_a_rate(text: str, per: str) -> None:
    assert only(text).per == per


def test_up_to_after_a_verb_of_change_is_where_the_measure_went() -> None:
    moved = only("Quill's approval rating ticked up to 49% in May.")
    assert (moved.text, moved.approx, moved.what) == ("49%", "", "approval rating")
    ceiling = only("The ferry can carry up to 400 passengers.")
    assert (ceiling.text, ceiling.approx) == ("up to 400 passengers", "up to")
    there = only("Officials said there were up to 400 drovers in Tarsk.")
    assert (there.text, there.approx) == ("up to 400 drovers", "up to")


@pytest.mark.parametrize(
    "text",
    [
        "Turnout for the harbour vote declined to 36 percent in May.",
        "Sales of goods hit by Quill's Velmoran tariffs rose 30% in May.",
        "The flood and strikes rose to 40% of the cost.",
    ],
)
def test_a_phrase_after_a_preposition_or_and_is_no_subject_of_the_change(text: str) -> None:
    figure = only(text)
    assert figure.how != "changed_subject" and "percent" in figure.what


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Fares rose 2% and the harbour levy climbed to 9% in May.", "harbour levy"),
        ("Revenue rose 6 percent and spending fell by 1 percent.", "change in spending"),
        ("And the harbour levy is 9%, the council said.", "harbour levy"),
    ],
)
def test_a_subject_after_and_that_opens_a_clause_is_still_one(text: str, what: str) -> None:
    assert what in [f.what for f in facts(text).figures]
