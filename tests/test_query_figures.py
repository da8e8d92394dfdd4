"""/figures: word forms, measures (counted thing, event, place), disagreement, repetition."""

from __future__ import annotations

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.model import Figure
from bot.query import ask, run
from bot.query.figures import ENOUGH_OWN, MAX_PER_MEASURE
from bot.store import Store


@pytest.fixture
def store(new_base: NewBase) -> Store:
    return delta_base(new_base("delta"))


def figures(store: Store, topic: str) -> dict:
    return run(store, "figures", topic).to_json()


def report(
    store: Store,
    article_id: str,
    sentence: str,
    figure: tuple,
    *,
    published: str = "2023-01-01",
    places: tuple[str, ...] = (),
    source: str = "Test Wire",
) -> None:
    """An article of one sentence and one figure (value, text, what, predicate, approx)."""
    story = Story(article_id, f"Report {article_id}", source=source, published=published)
    story.say(sentence)
    for place in places:
        story.entity(place, "GPE")
    story.figure(0, *figure).save(store)


@pytest.mark.parametrize("topic", ["displaced", "displacement", "displacing", "DISPLACED"])
def test_word_forms_of_the_topic_find_the_same_figures(store: Store, topic: str) -> None:
    values = {r["value"] for r in figures(store, topic)["results"]}
    assert {12_000, 15_000} <= values


def test_killed_and_killing_are_the_same_topic(new_base: NewBase) -> None:
    store = Store(new_base("k"))
    report(
        store,
        "k1",
        "Two workers were killed when the levee collapsed.",
        (2, "Two", "workers", "killed"),
    )
    for topic in ("killing", "killed", "kills"):
        assert [r["value"] for r in figures(store, topic)["results"]] == [2]


def test_one_measure_is_one_group_newest_first(store: Store) -> None:
    results = figures(store, "displaced")["results"]
    displaced = [r for r in results if r["value"] in (12_000, 15_000)]
    assert [r["value"] for r in displaced] == [15_000, 12_000]
    assert {r["group"] for r in displaced} == {"people displaced"}
    assert [r["source"] for r in displaced] == ["Coastal Times", "Delta Post"]


def test_sources_differ_only_in_one_place_within_a_week(new_base: NewBase) -> None:
    store = Store(new_base("d"))
    said = "{} people were displaced in Tarnwick by the floods."
    report(
        store,
        "d1",
        said.format("12,000"),
        (12_000, "12,000 people", "people", "displaced"),
        published="2023-04-02",
        places=("Tarnwick",),
    )
    report(
        store,
        "d2",
        said.format("15,000"),
        (15_000, "15,000 people", "people", "displaced"),
        published="2023-04-05",
        places=("Tarnwick",),
    )
    answer = figures(store, "displaced")
    assert [(r["value"], r["group"], r["conflict"]) for r in answer["results"]] == [
        (15_000, "people displaced (Tarnwick)", True),
        (12_000, "people displaced (Tarnwick)", True),
    ]
    assert "within 7 days of each other give different numbers for 1 measure" in answer["message"]


@pytest.mark.parametrize(
    ("second", "published", "place"),
    [
        ((15_000, "15,000 people", "people", "displaced"), "2023-05-20", "Tarnwick"),  # later
        ((15_000, "15,000 people", "people", "displaced"), "2023-04-05", "Oskaby"),  # elsewhere
        ((400_000, "400,000 people", "people", "displaced"), "2023-04-05", "Tarnwick"),  # scale
        (
            (13_000, "at least 13,000 people", "people", "displaced", "at least"),
            "2023-04-05",
            "Tarnwick",
        ),  # a floor below the other
    ],
    ids=["a month later", "another place", "another scale", "a floor that agrees"],
)
def test_figures_that_need_not_contradict_are_not_marked(
    new_base: NewBase, second: tuple, published: str, place: str
) -> None:
    store = Store(new_base("n"))
    report(
        store,
        "n1",
        "About 14,000 people were displaced in Tarnwick by the floods.",
        (14_000, "About 14,000 people", "people", "displaced", "about"),
        published="2023-04-02",
        places=("Tarnwick",),
    )
    report(
        store,
        "n2",
        f"{second[1]} were displaced in {place} by the floods.",
        second,
        published=published,
        places=(place,),
    )
    assert not any(r["conflict"] for r in figures(store, "displaced")["results"])


def test_people_and_civilians_count_the_same_thing(store: Store) -> None:
    results = figures(store, "live")["results"]
    assert [r["value"] for r in results] == [3_000_000, 4_000_000]
    assert {r["group"] for r in results} == {"people living"}
    assert results[0]["text"] == "some 3 million people live"
    assert results[0]["sentence"].startswith("Some three million people live")


def test_an_event_word_that_belongs_to_another_number_is_not_borrowed(new_base: NewBase) -> None:
    store = Store(new_base("b"))
    story = Story("b1", "War toll")
    story.say("The war has left some 9,000 dead and more than two million displaced.")
    story.figure(0, 9_000, "some 9,000 dead", "dead", "displaced", approx="some")
    story.figure(
        0, 2_000_000, "more than two million displaced", "displaced", "dead", approx="more than"
    )
    story.save(store)
    answer = figures(store, "displaced")
    assert [(r["text"], r["group"]) for r in answer["results"]] == [
        ("more than 2 million displaced", "displaced"),
        ("some 9,000 dead (same sentence as 1)", "dead"),
    ]


def test_a_counted_noun_from_elsewhere_in_the_sentence_is_not_shown(new_base: NewBase) -> None:
    store = Store(new_base("c"))
    story = Story("c1", "Camps")
    story.say("The camps hold 40,000 refugees, and 7,000 more are internally displaced.")
    story.figure(0, 7_000, "7,000 more", "refugees", "displaced")
    story.save(store)
    [result] = figures(store, "displaced")["results"]
    assert result["text"] == "7,000 displaced"


def test_a_vague_amount_takes_no_approximator(new_base: NewBase) -> None:
    store = Store(new_base("v"))
    story = Story("v1", "Worries")
    story.say("Ministers worry about millions of refugees reaching the coast.")
    story.figure(0, None, "about millions of refugees", "refugees", approx="about")
    story.save(store)
    [result] = run(store, "article", "v1").to_json()["results"]
    assert result["text"] == "millions of refugees"
    assert result["value"] is None


def test_a_vague_amount_is_no_figure_of_a_topic(new_base: NewBase) -> None:
    store = Store(new_base("v"))
    story = Story("v1", "Worries")
    story.say("Millions of refugees reached the coast, and 4,000 more came by boat.")
    story.figure(0, None, "Millions of refugees", "refugees")
    story.figure(0, 4_000, "4,000 more", "refugees")
    story.save(store)
    assert [r["value"] for r in figures(store, "refugees")["results"]] == [4_000]


def test_a_place_is_taken_only_with_a_preposition_near_the_figure(new_base: NewBase) -> None:
    store = Store(new_base("p"))
    story = Story("p1", "Fires")
    story.say("Some 5,000 people fled Brackenford after 300 homes burned in Oskaby.")
    story.entity("Brackenford", "GPE").entity("Oskaby", "GPE")
    story.figure(0, 5_000, "Some 5,000 people", "people", "fled", approx="some")
    story.figure(0, 300, "300 homes", "homes", "burned")
    story.save(store)
    report(
        store,
        "p2",
        "In Oskaby, officials said 800 people fled overnight.",
        (800, "800 people", "people", "fled"),
        places=("Oskaby",),
    )
    groups = {r["value"]: r["group"] for r in figures(store, "fled")["results"]}
    assert groups == {
        5_000: "people fled",
        800: "people fled (Oskaby)",
        300: "homes burned (Oskaby)",
    }


def test_money_ranges_and_rates_read_as_written(new_base: NewBase) -> None:
    store = Store(new_base("m"))
    story = Story("m1", "Grants")
    story.say(
        "Each family gets $3,500 a month in rent aid.",
        "Donors pledged between 3 and 5 million euros in rent aid.",
        "The ministry set aside £2.5 billion in rent aid.",
    )
    story.figures.append(Figure(3500, "$3,500 a month", "", 0, unit="USD", per="month"))
    story.figures.append(
        Figure(3e6, "between 3 and 5 million euros", "", 1, unit="EUR", value_high=5e6)
    )
    story.figures.append(Figure(2.5e9, "£2.5 billion", "", 2, unit="GBP"))
    story.save(store)
    texts = [r["text"] for r in figures(store, "rent aid")["results"]]
    assert sorted(texts) == ["$3,500 a month", "£2.5 billion", "€3–5 million"]


def test_the_same_figure_in_several_outlets_is_one_line_citing_each(new_base: NewBase) -> None:
    store = Store(new_base("a"))
    for number, outlet in enumerate(["Delta Post", "Coastal Times"]):
        report(
            store,
            f"a{number}",
            "Engineers said 3 bridges were destroyed.",
            (3, "3 bridges", "bridges", "destroyed"),
            published=f"2023-01-0{number + 1}",
            source=outlet,
        )
    [result] = figures(store, "bridges")["results"]
    assert result["source"] == "Delta Post"  # the first to report it
    assert [(a["article"], a["source"]) for a in result["also"]] == [("a1", "Coastal Times")]
    assert not result["conflict"]


def test_a_sentence_with_two_figures_is_quoted_once(new_base: NewBase) -> None:
    store = Store(new_base("s"))
    story = Story("s1", "Storm")
    story.say("The storm destroyed 40 homes on Monday and 12 homes destroyed on Tuesday.")
    story.figure(0, 40, "40 homes", "homes", "destroyed")
    story.figure(0, 12, "12 homes", "homes", "destroyed")
    story.save(store)
    results = run(store, "figures", "destroyed").items
    assert [item.context for item in results] == [results[0].citation.sentence, ""]
    assert results[1].text.endswith("(same sentence as 1)")


def test_figures_that_only_share_a_sentence_with_the_topic_come_last(new_base: NewBase) -> None:
    store = Store(new_base("last"))
    story = Story("l1", "Floods")
    story.say("Some 4 bridges fell as the floods displaced 900 families in Lowater.")
    story.figure(0, 4, "4 bridges", "bridges", "fell")
    story.figure(0, 900, "900 families", "families", "displaced")
    story.save(store)
    groups = [r["group"] for r in figures(store, "displaced")["results"]]
    assert groups == ["families displaced", "bridges fell"]


def test_without_a_figure_of_the_topic_itself_the_sentences_figures_are_shown(
    new_base: NewBase,
) -> None:
    store = Store(new_base("t"))
    story = Story("t1", "Truce")
    story.say("The truce sets a 120-day withdrawal period for both armies.")
    story.figures.append(
        Figure(120, "120-day withdrawal period", "withdrawal period", 0, unit="day")
    )
    story.save(store)
    [result] = figures(store, "truce")["results"]
    assert result["text"] == "120-day withdrawal period"


def test_each_figure_cites_its_sentence(store: Store) -> None:
    for result in figures(store, "displaced")["results"]:
        assert result["article"] in {"delta-1", "convoy-2", "levee-3"}
        assert result["sentence"]
        assert result["title"]
        assert "value" in result


def test_a_topic_with_no_figures_says_so(store: Store) -> None:
    answer = figures(store, "earthquake")
    assert answer["results"] == []
    assert "No figures found about “earthquake”" in answer["message"]


@pytest.mark.parametrize("topic", ["", "   ", "???", "the of", "😀", "x" * 400])
def test_topics_that_cannot_be_looked_up_get_a_message(store: Store, topic: str) -> None:
    answer = figures(store, topic)
    assert answer["results"] == []
    assert answer["message"]


def test_a_long_measure_shows_its_newest_figures(new_base: NewBase) -> None:
    store = Store(new_base("many"))
    for number in range(45):
        report(
            store,
            f"n{number:02}",
            f"Officials said {number + 1} homes were flooded.",
            (number + 1, str(number + 1), "homes", "flooded"),
            published=f"2023-{number // 28 + 1:02}-{number % 28 + 1:02}",
        )
    answer = figures(store, "flooded")
    assert [r["value"] for r in answer["results"]] == list(range(45, 45 - MAX_PER_MEASURE, -1))
    assert f"Showing {MAX_PER_MEASURE} of 45 figures" in answer["message"]


def test_a_heading_says_what_a_measure_is_counted_in(new_base: NewBase) -> None:
    store = Store(new_base("h"))
    story = Story("h1", "Truce terms")
    story.say(
        "The truce sets a 120-day withdrawal period.",
        "Some 40% of voters backed the truce.",
        "The truce costs $2 million a month in patrols.",
    )
    story.figures += [
        Figure(120, "120-day withdrawal period", "withdrawal period", 0, unit="day"),
        Figure(40, "Some 40% of voters", "percent of voters", 1, "backed", "some", "%"),
        Figure(2e6, "$2 million a month in patrols", "patrols", 2, unit="USD", per="month"),
    ]
    story.save(store)
    groups = {r["text"]: r["group"] for r in figures(store, "truce")["results"]}
    assert groups == {
        "120-day withdrawal period": "withdrawal period (days)",
        "some 40% of voters backed": "share of voters backed",
        "$2 million a month patrols": "patrols (USD a month)",
    }


def test_a_chart_is_not_drawn_over_values_of_different_scopes(new_base: NewBase) -> None:
    """A town's count and a country's on one line would say nothing: the list stays."""
    store = Store(new_base("scopes"))
    for n, value in enumerate((800, 900, 2_000_000)):
        day = f"2023-05-0{n + 1}"
        story = Story(f"v{n}", f"Shelters, {day}", published=day)
        story.say(f"About {value:,} people were sheltering.")
        story.figures.append(Figure(value, f"{value:,} people", "people", 0, "sheltering"))
        story.save(store)
    answer = run(store, "figures", "sheltering")
    assert len(answer.items) == 3 and answer.chart is None


def test_a_measure_named_before_its_value_heads_its_figures(new_base: NewBase) -> None:
    store = Store(new_base("rate"))
    story = Story("r1", "Jobs in Lowater", published="2023-06-02")
    story.say("The jobless rate fell to 4.2% in May, the Lowater office said.")
    story.figures.append(Figure(4.2, "4.2%", "jobless rate", 0, unit="%", how="changed_subject"))
    story.save(store)
    (item,) = ask(store, "what is the jobless rate").items
    assert item.group == "jobless rate (%)"
    assert item.text == "4.2% jobless rate"


def test_a_plain_question_about_people_finds_counts_that_do_not_say_people(
    new_base: NewBase,
) -> None:
    store = Store(new_base("plain"))
    story = Story("k1", "Shelling in Marrowick", published="2023-06-02")
    story.say("Thirteen civilians were killed in Marrowick on Sunday.")
    story.entity("Marrowick", "GPE")
    story.figures.append(Figure(13, "Thirteen civilians", "civilians", 0, "killed"))
    story.save(store)
    answer = ask(store, "how many people were killed in Marrowick?")
    assert [item.value for item in answer.items] == [13]


def test_with_enough_figures_of_the_topic_those_sharing_its_sentences_are_left_out(
    new_base: NewBase,
) -> None:
    store = Store(new_base("own"))
    for n in range(ENOUGH_OWN):
        story = Story(f"o{n}", "Floods")
        story.say(f"The floods displaced {n + 100} families in Lowater as 4 bridges fell.")
        story.figure(0, n + 100, f"{n + 100} families", "families", "displaced")
        story.figure(0, 4, "4 bridges", "bridges", "fell")
        story.save(store)
    answer = figures(store, "displaced")
    assert {r["group"] for r in answer["results"]} == {"families displaced"}
    assert "Only measures of “displaced” itself are shown." in answer["message"]


def test_a_count_of_the_topics_head_word_alone_is_not_the_topics_own(new_base: NewBase) -> None:
    store = Store(new_base("head"))
    for n in range(ENOUGH_OWN):
        story = Story(f"h{n}", "Count")
        story.say(f"Velmora gives {n + 3} electoral votes, and Ortiz won it by 8,000 votes.")
        story.figure(0, n + 3, f"{n + 3} electoral votes", "electoral votes")
        story.figure(0, 8_000, "8,000 votes", "votes")
        story.save(store)
    values = {r["value"] for r in figures(store, "electoral votes")["results"]}
    assert 8_000 not in values and 3 in values


def test_another_rate_in_the_sentence_is_not_a_rate_of_the_topic(new_base: NewBase) -> None:
    store = Store(new_base("rates"))
    for n in range(ENOUGH_OWN):
        story = Story(f"r{n}", "Jobs")
        story.say(f"The jobless rate rose to {n + 4}%, and the participation rate fell to 62%.")
        story.figures += [
            Figure(n + 4, f"{n + 4}% jobless rate", "jobless rate", 0, unit="%", how="put_at"),
            Figure(62, "62% participation rate", "participation rate", 0, unit="%", how="put_at"),
            Figure(2.5, "2.5% rate", "rate", 0, unit="%", how="put_at"),
        ]
        story.save(store)
    groups = {r["group"] for r in figures(store, "jobless rate")["results"]}
    assert groups == {"jobless rate (%)"}  # "a 2.5% rate" does not say of what


def test_a_fraction_of_something_is_a_share_of_it(new_base: NewBase) -> None:
    store = Store(new_base("share"))
    story = Story("s1", "Truce poll")
    story.say("About a third of voters backed the truce, and 40% of voters opposed it.")
    story.figures += [
        Figure(1 / 3, "About a third of voters", "voters", 0, "backed"),
        Figure(40, "40% of voters", "voters", 0, "opposed", unit="%"),
    ]
    story.save(store)
    groups = {r["text"]: r["group"] for r in figures(store, "truce")["results"]}
    assert groups["About a third of voters backed"] == "share of voters backed"


def test_a_share_of_them_says_too_little_to_head_a_measure(new_base: NewBase) -> None:
    store = Store(new_base("them"))
    story = Story("t1", "Floods")
    story.say("The floods displaced 900 families in Lowater, about a third of them twice.")
    story.figures += [
        Figure(900, "900 families", "families", 0, "displaced"),
        Figure(1 / 3, "about a third of them", "them", 0, "displaced"),
    ]
    story.save(store)
    groups = [r["group"] for r in figures(store, "displaced")["results"]]
    assert groups[0] == "families displaced" and "share of them" not in " ".join(groups)


def test_a_span_of_time_of_a_thing_the_topic_describes_is_not_the_topics(
    new_base: NewBase,
) -> None:
    store = Store(new_base("span"))
    for n in range(ENOUGH_OWN):
        story = Story(f"s{n}", "Ferries")
        story.say(f"A 90-day ferry ban stranded {n + 10} ferries, and a 12-day ferry strike began.")
        story.figures += [
            Figure(90, "90-day ferry ban", "ferry ban", 0, unit="day"),
            Figure(n + 10, f"{n + 10} ferries", "ferries", 0, "stranded"),
            Figure(12, "12-day ferry strike", "ferry strike", 0, unit="day"),
        ]
        story.save(store)
    groups = {r["group"] for r in figures(store, "ferries")["results"]}
    assert groups == {"ferries"}
    groups = {r["group"] for r in figures(store, "strike")["results"]}
    assert "ferry strike (days)" in groups


def _headings(new_base: NewBase, topic: str, reports: list[tuple[str, tuple]]) -> list[str]:
    store = Store(new_base("events"))
    for n, (sentence, figure) in enumerate(reports):
        story = Story(f"e{n}", "Events")
        story.say(sentence)
        story.figure(0, *figure)
        story.save(store)
    return [r["group"] for r in figures(store, topic)["results"]]


def test_a_verb_before_the_figure_is_named_after_what_it_counts(new_base: NewBase) -> None:
    reports = [
        ("The blast killed 20 pupils in Orvale.", (20, "20 pupils", "pupils", "killed")),
        ("A gas leak kills 12 pupils a year.", (12, "12 pupils", "pupils", "kills")),
    ]
    assert _headings(new_base, "pupils", reports) == ["pupils killed"] * 2


def test_a_present_verb_after_the_figure_is_what_the_counted_are_doing(new_base: NewBase) -> None:
    reports = [
        ("Up to 9,000 herders return each spring.", (9000, "9,000 herders", "herders", "return"))
    ]
    assert _headings(new_base, "herders", reports) == ["herders returning"]


def test_what_the_counted_did_is_not_what_they_count(new_base: NewBase) -> None:
    reports = [
        ("Only 3 aldermen voted for the levy.", (3, "3 aldermen", "aldermen", "voted")),
        ("The levy won 4,100 votes in Dunmere.", (4100, "4,100 votes", "votes")),
    ]
    assert _headings(new_base, "votes", reports) == ["votes won", "aldermen"]


def test_a_noun_before_the_figure_is_not_its_event(new_base: NewBase) -> None:
    reports = [
        (
            "In the spring election 1,200 postal ballots were lost.",
            (1200, "1,200 postal ballots", "postal ballots", "election"),
        )
    ]
    assert _headings(new_base, "ballots", reports) == ["postal ballots"]


def test_a_thing_the_topic_only_describes_is_not_a_figure_of_it(new_base: NewBase) -> None:
    fled = [
        (f"Some {n},000 herders fled the drought.", (n * 1000, f"Some {n},000 herders", "herders"))
        for n in range(1, ENOUGH_OWN + 1)
    ]
    others = [
        (
            "Two herder aid groups closed.",
            (2, "Two herder aid groups", "herder aid groups", "herder"),
        ),
    ]
    # With enough figures of herders, the aid groups (which only share a word with the
    # topic) are left out.
    assert set(_headings(new_base, "herders", fled + others)) == {"herders"}


def test_a_deed_with_an_amount_of_something_is_not_its_measure(new_base: NewBase) -> None:
    store = Store(new_base("deed"))
    story = Story("d1", "Budget")
    story.say("The council approved a $40 million road plan.")
    story.figures.append(
        Figure(40e6, "$40 million road plan", "road plan", 0, "approved", unit="USD")
    )
    story.save(store)
    [result] = figures(store, "road plan")["results"]
    assert result["group"] == "road plan (USD)"


def test_a_question_of_a_measure_in_a_place_puts_that_place_first(new_base: NewBase) -> None:
    store = Store(new_base("scoped"))
    reports = [
        ("At least 40 people were killed in Orvale on Monday.", 40),
        ("Some 12 people were killed in Brisk, near Orvale.", 12),
    ]
    for n, (sentence, value) in enumerate(reports):
        story = Story(f"k{n}", "Clashes", published=f"2023-05-0{n + 1}")
        story.say(sentence)
        story.entity("Orvale", "GPE").entity("Brisk", "GPE")
        text = sentence[: sentence.index(" were")]
        story.figure(0, value, text.removeprefix("At least ").removeprefix("Some "), "people")
        story.figures[-1].predicate = "killed"
        story.save(store)
    answer = ask(store, "how many people were killed in Orvale").to_json()
    assert [r["value"] for r in answer["results"]] == [40, 12]
    assert answer["results"][0]["group"] == "people killed (Orvale)"
    # A place alone as the topic: its own figures first too.
    assert [r["value"] for r in figures(store, "Orvale")["results"]] == [40, 12]


def test_how_many_times_counts_nothing(new_base: NewBase) -> None:
    killed = [
        (f"Floods killed {n} herders.", (n, f"{n} herders", "herders", "killed"))
        for n in range(2, ENOUGH_OWN + 2)
    ]
    times = [("Floods have killed 10 times more herders.", (10, "10 times", "times", "killed"))]
    assert set(_headings(new_base, "killed", killed + times)) == {"herders killed"}


def test_a_noun_after_the_figure_is_not_its_event(new_base: NewBase) -> None:
    reports = [
        ("Entry from six towns, all herders, is barred.", (6, "six towns", "towns", "herders"))
    ]
    assert _headings(new_base, "towns", reports) == ["towns"]


def test_a_rate_of_a_thing_the_topic_describes_is_not_a_figure_of_it(new_base: NewBase) -> None:
    own = [
        (f"The levy won {n},000 votes.", (n * 1000, f"{n},000 votes", "votes"))
        for n in range(1, ENOUGH_OWN + 1)
    ]
    rate = [
        ("The risk of vote fraud is 0.2%.", (0.2, "0.2% vote fraud", "vote fraud", "", "", "%"))
    ]
    assert set(_headings(new_base, "votes", own + rate)) == {"votes won"}


def test_a_count_per_period_reads_count_noun_period(new_base: NewBase) -> None:
    store = Store(new_base("per"))
    story = Story("p1", "Quota")
    story.say("The quota is 3,000 herders a year.")
    story.figures.append(Figure(3000, "3,000 herders a year", "herders", 0, per="year"))
    story.save(store)
    [result] = figures(store, "herders")["results"]
    assert result["text"] == "3,000 herders a year"


def _one_heading(new_base: NewBase, topic: str, sentence: str, figure: Figure) -> dict:
    store = Store(new_base("worded"))
    story = Story("w1", "Report")
    story.say(sentence)
    story.figures.append(figure)
    story.save(store)
    [result] = figures(store, topic)["results"]
    return result


def test_a_word_that_judges_what_is_counted_is_no_part_of_its_measure(
    new_base: NewBase,
) -> None:
    result = _one_heading(
        new_base,
        "nurses",
        "More than 800 exhausted nurses reached the depot.",
        Figure(800, "More than 800 exhausted nurses", "exhausted nurses", 0, approx="more than"),
    )
    assert result["group"] == "nurses"
    named = _one_heading(
        new_base,
        "levy",
        "They blamed this dreadful levy of $40 million for the slump.",
        Figure(40e6, "$40 million", "dreadful levy", 0, unit="USD", how="measure_of"),
    )
    assert named["group"] == "levy (USD)"
    name = _one_heading(
        new_base,
        "ports",
        "Some 30 Great Lakes ports lie idle.",
        Figure(30, "Some 30 Great Lakes ports", "Great Lakes ports", 0, approx="some"),
    )
    assert name["group"] == "Great Lakes ports"


def test_where_the_counted_live_is_their_place_not_their_event(new_base: NewBase) -> None:
    store = Store(new_base("dwelling"))
    report(
        store,
        "d1",
        "Some 40,000 Lowland herders living in Tarsk want to go back.",
        (40000, "Some 40,000 Lowland herders", "Lowland herders", "living", "some"),
        places=("Tarsk",),
    )
    [result] = figures(store, "herders")["results"]
    assert result["group"] == "Lowland herders (Tarsk)"


def test_a_limit_on_what_is_counted_is_headed_as_one(new_base: NewBase) -> None:
    result = _one_heading(
        new_base,
        "herders",
        "The council set a new limit of 900 herders a year on the common.",
        Figure(900, "900 herders a year", "herders", 0, per="year"),
    )
    assert (result["group"], result["text"]) == ("limit of herders (a year)", "900 herders a year")


def test_a_limit_set_for_someone_to_admit_a_count_is_headed_as_one(new_base: NewBase) -> None:
    result = _one_heading(
        new_base,
        "herders",
        "The council set a cap for the valley to admit just 900 herders this year.",
        Figure(900, "just 900 herders", "herders", 0, approx="just"),
    )
    assert result["group"] == "cap of herders admitted"
    plain = _one_heading(
        new_base,
        "herders",
        "The council voted to cap rents and to house 900 herders this year.",
        Figure(900, "900 herders", "herders", 0),
    )
    assert plain["group"] == "herders"


def test_percentage_points_of_a_measure_are_a_change_in_it(new_base: NewBase) -> None:
    result = _one_heading(
        new_base,
        "output growth",
        "The strike shaved 0.3 percentage points off output growth this year.",
        Figure(
            0.3,
            "0.3 percentage points of output growth",
            "output growth",
            0,
            unit="percentage point",
        ),
    )
    assert result["group"] == "change in output growth (percentage points)"
    lead = _one_heading(
        new_base,
        "lead",
        "The mayor holds a 4 percentage point lead.",
        Figure(4, "4 percentage point lead", "lead", 0, unit="percentage point"),
    )
    assert lead["group"] == "lead (percentage points)"


def test_fewer_of_something_is_a_difference_in_it(new_base: NewBase) -> None:
    result = _one_heading(
        new_base,
        "ballots",
        "The levy drew 1,300 fewer ballots than the last one.",
        Figure(1300, "1,300 fewer ballots", "fewer ballots", 0),
    )
    assert (result["group"], result["text"]) == (
        "difference in ballots drawn",
        "drew 1,300 fewer ballots",
    )


@pytest.mark.parametrize(
    ("topic", "sentence", "figure"),
    [
        (
            "output",
            "The strike cost about five months of output at the mill.",
            Figure(5, "about five months of output", "output", 0, approx="about", unit="month"),
        ),
        (
            "herders",
            "Some 9,000 herders, traders and drovers fled Tarsk.",
            Figure(9000, "Some 9,000 herders", "herders", 0, approx="some"),
        ),
        (
            "ballots",
            "The mayor won just over a third of the ballots (34%) in Tarsk.",
            Figure(1 / 3, "just over a third of the ballots", "ballots", 0, approx="just over"),
        ),
        (
            "rebate",
            "The plan gives a $2,400 rebate for couples earning under $80,000.",
            Figure(2400, "$2,400 rebate", "rebate", 0, unit="USD"),
        ),
        (
            "nurses",
            "For the price of housing one nurse in the capital, eight nurses could be housed.",
            Figure(8, "eight nurses", "nurses", 0),
        ),
        (
            "pupils",
            "About 70 percent of pupils who sat the test in Tarsk passed it.",
            Figure(70, "About 70 percent of pupils", "pupils", 0, approx="about", unit="%"),
        ),
        (
            "pupils",
            "Half of all pupils who sat the test in Tarsk passed it.",
            Figure(0.5, "Half of all pupils", "pupils", 0),
        ),
    ],
)
def test_figures_whose_words_say_they_are_not_a_plain_level_head_no_measure(
    new_base: NewBase, topic: str, sentence: str, figure: Figure
) -> None:
    """A span of time of something, the first of a list, a fraction the sentence gives
    exactly in brackets, money each member of a described group gets, a ratio to one, a
    share of those a relative clause describes."""
    assert _one_heading(new_base, topic, sentence, figure)["group"] == "Other figures"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Some 9,000 herders, the agency said, and their dogs fled.", (9000, "9,000 herders")),
        ("Some 9,000 herders and injured 30 drovers.", (9000, "9,000 herders")),
        ("Some 9,000 herders, and officials said more would come.", (9000, "9,000 herders")),
    ],
)
def test_a_clause_after_and_is_no_list(new_base: NewBase, sentence: str, figure: tuple) -> None:
    value, text = figure
    result = _one_heading(new_base, "herders", sentence, Figure(value, text, "herders", 0))
    assert result["group"] == "herders"


def test_an_event_asked_by_its_participle_counts_no_amount_in_tons(new_base: NewBase) -> None:
    store = Store(new_base("sense"))
    story = Story("f1", "Floods")
    for n in range(ENOUGH_OWN):
        story.say(f"The floods displaced {n + 300} families in Tarsk.")
        story.figures.append(Figure(n + 300, f"{n + 300} families", "families", n, "displaced"))
    story.say("The new ferry has a loaded displacement of 4,200 tons.")
    story.figures.append(
        Figure(4200, "4,200 tons", "loaded displacement", ENOUGH_OWN, unit="ton", how="measure_of")
    )
    story.save(store)
    displaced = {r["group"] for r in figures(store, "displaced")["results"]}
    assert displaced == {"families displaced"}
    displacement = {r["group"] for r in figures(store, "displacement")["results"]}
    assert "loaded displacement (tons)" in displacement


def _group_of(new_base: NewBase, topic: str, sentence: str, figure: Figure) -> str | None:
    """The heading the figure is shown under on the topic's page ("Other figures" for
    none), or None when the page leaves it out."""
    store = Store(new_base("stance"))
    story = Story("s1", "Report")
    story.say(sentence)
    story.figures.append(figure)
    story.save(store)
    results = figures(store, topic)["results"]
    return results[0]["group"] if results else None


@pytest.mark.parametrize(
    ("sentence", "figure", "group"),
    [
        (
            "The union pushed for a $19 hourly wage for porters.",
            Figure(19, "$19 hourly wage", "hourly wage", 0, unit="USD"),
            "proposed hourly wage (USD)",
        ),
        (
            "The mayor would raise the porters' hourly wage to $19.",
            Figure(19, "$19", "hourly wage", 0, unit="USD", how="changed_subject"),
            "proposed hourly wage (USD)",
        ),
        (
            "The union's demands include shorter shifts and a $19 hourly wage.",
            Figure(19, "$19 hourly wage", "hourly wage", 0, unit="USD"),
            "proposed hourly wage (USD)",
        ),
        (
            "The mayor gave a thumbs-down to a $19 hourly wage.",
            Figure(19, "$19 hourly wage", "hourly wage", 0, unit="USD"),
            "proposed hourly wage (USD)",
        ),
        (
            "The mayor said she would back a bill for a $19 hourly wage.",
            Figure(19, "$19 hourly wage", "hourly wage", 0, unit="USD"),
            "proposed hourly wage (USD)",
        ),
        (
            "Most porters support a $19 hourly wage.",
            Figure(19, "$19 hourly wage", "hourly wage", 0, unit="USD"),
            "proposed hourly wage (USD)",
        ),
        (
            "Under the union's plan, porters earn a flat $12 hourly wage.",
            Figure(12, "$12 hourly wage", "hourly wage", 0, unit="USD"),
            "hourly wage (USD)",
        ),
        (
            "Porters who want better hours earn a $12 hourly wage.",
            Figure(12, "$12 hourly wage", "hourly wage", 0, unit="USD"),
            "hourly wage (USD)",
        ),
        (
            "The union fought for years against the $12 hourly wage.",
            Figure(12, "$12 hourly wage", "hourly wage", 0, unit="USD"),
            "hourly wage (USD)",
        ),
    ],
)
def test_an_amount_someone_wants_is_headed_as_proposed(
    new_base: NewBase, sentence: str, figure: Figure, group: str
) -> None:
    assert _group_of(new_base, "hourly wage", sentence, figure) == group


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        (
            "If 900 herders cross the pass, the toll will double.",
            Figure(900, "900 herders", "herders", 0),
        ),
        (
            "A thaw would put the valley at 900 herders by May.",
            Figure(900, "900 herders", "herders", 0),
        ),
        ("A herd of 900 herders could cross before May.", Figure(900, "900 herders", "herders", 0)),
        ("The valley has never had 900 herders.", Figure(900, "900 herders", "herders", 0)),
        ("On day 17 of the drive, herders rested.", Figure(17, "17", "herders", 0)),
        ("On Monday, day 17 of the drive, herders rested.", Figure(17, "17", "herders", 0)),
        ("Herders won four of the last five drives.", Figure(5, "five drives", "herders", 0)),
        (
            "The valley wants to settle 900 herders by May.",
            Figure(900, "900 herders", "herders", 0),
        ),
        (
            "A thaw could have brought the valley 900 herders.",
            Figure(900, "900 herders", "herders", 0),
        ),
        (
            "Imagine that, in a dry May, the valley took in 900 herders.",
            Figure(900, "900 herders", "herders", 0),
        ),
    ],
)
def test_an_amount_supposed_denied_or_picked_from_a_series_is_no_figure(
    new_base: NewBase, sentence: str, figure: Figure
) -> None:
    assert _group_of(new_base, "herders", sentence, figure) in ("Other figures", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the co-op would hire 900 herders.",
        "Nobody knows how the mayor would house the 900 herders.",
        "The mayor did not say why 900 herders left.",
        "The levy will not add to the 900 herders' costs.",
        "Little if any grain reached 900 herders.",
        "The drive went on as if 900 herders were one.",
    ],
)
def test_a_fact_beside_a_modal_or_a_denial_is_still_a_figure(
    new_base: NewBase, sentence: str
) -> None:
    figure = Figure(900, "900 herders", "herders", 0)
    assert _group_of(new_base, "herders", sentence, figure) == "herders"


def test_how_many_are_needed_is_headed_as_required(new_base: NewBase) -> None:
    takes = Figure(4, "four votes", "votes", 0)
    assert _group_of(new_base, "votes", "It only takes four votes to pass it.", takes) == (
        "votes required"
    )
    needed = Figure(12, "12 votes", "votes", 0)
    sentence = "The mayor lacks the 12 votes needed to pass the levy."
    assert _group_of(new_base, "votes", sentence, needed) == "votes required"


def test_the_verb_before_a_measure_named_before_its_figure_is_left_out(new_base: NewBase) -> None:
    sentence = "The council says it will impose new levies of 5% on ferries."
    figure = Figure(5, "5%", "impose new levies", 0, unit="%", how="measure_of")
    assert _group_of(new_base, "levies", sentence, figure) == "new levies (%)"


def test_an_event_word_across_a_comma_is_another_figures(new_base: NewBase) -> None:
    sentence = "Police: 2 dead, 7 wounded in the mill fire"
    figure = Figure(7, "7 wounded", "wounded", 0, predicate="dead")
    assert _group_of(new_base, "wounded", sentence, figure) == "wounded"


@pytest.mark.parametrize(
    ("sentence", "figure", "group"),
    [
        ("The mill will cut 700 jobs.", Figure(700, "700 jobs", "jobs", 0), "jobs cut"),
        ("The mill is cutting 90 jobs.", Figure(90, "90 jobs", "jobs", 0), "jobs cut"),
        ("The port shed 2,000 jobs in May.", Figure(2000, "2,000 jobs", "jobs", 0), "jobs shed"),
        (
            "The plan, they say, will eliminate 80 jobs.",
            Figure(80, "80 jobs", "jobs", 0),
            "jobs eliminated",
        ),
        ("The port has 300 jobs.", Figure(300, "300 jobs", "jobs", 0), "jobs"),
        ("The port lost a record 300 jobs.", Figure(300, "300 jobs", "jobs", 0), "jobs lost"),
        ("The port gained back 300 jobs.", Figure(300, "300 jobs", "jobs", 0), "jobs gained"),
        ("An estimated 300 jobs went.", Figure(300, "300 jobs", "jobs", 0), "jobs"),
        (
            "He erred in claiming 300 jobs were lost.",
            Figure(300, "300 jobs", "jobs", 0),
            "jobs lost",
        ),
    ],
)
def test_a_verb_right_before_a_count_with_no_event_word_names_its_event(
    new_base: NewBase, sentence: str, figure: Figure, group: str
) -> None:
    assert _group_of(new_base, "jobs", sentence, figure) == group


def test_how_far_off_something_is_is_no_figure_of_it(new_base: NewBase) -> None:
    sentence = "The herders' vote was less than two months away."
    away = Figure(2, "less than two months", "herders' vote", 0, approx="less than", unit="month")
    assert _group_of(new_base, "vote", sentence, away) in ("Other figures", None)


def test_a_share_whose_clause_says_what_it_is_heads_no_share_of_them_all(
    new_base: NewBase,
) -> None:
    said = Figure(44, "44% of herders", "percent of herders", 0, unit="%")
    sentence = "About 44% of herders were from the hills."
    assert _group_of(new_base, "herders", sentence, said) in ("Other figures", None)
    sentence = "About 44% of herders under Mayor Quill have come from the hills."
    assert _group_of(new_base, "herders", sentence, said) in ("Other figures", None)
    plain = "About 44% of herders live in Tarsk."
    assert _group_of(new_base, "herders", plain, said) == "share of herders"


@pytest.mark.parametrize(
    ("sentence", "figure", "group"),
    [
        (
            "Some 2,300 mill jobs have evaporated.",
            Figure(2300, "2,300 mill jobs", "mill jobs", 0),
            "mill jobs evaporated",
        ),
        (
            "The port saw 900 jobs lost in May.",
            Figure(900, "900 jobs", "jobs", 0),
            "jobs lost",
        ),
        (
            "The 900 jobs added pushed pay up.",
            Figure(900, "900 jobs", "jobs", 0),
            "jobs",
        ),
        (
            "Last May 900 jobs were.",
            Figure(900, "900 jobs", "jobs", 0),
            "jobs",
        ),
    ],
)
def test_a_participle_after_a_count_with_no_event_word_names_its_event(
    new_base: NewBase, sentence: str, figure: Figure, group: str
) -> None:
    assert _group_of(new_base, "jobs", sentence, figure) == group


def test_one_count_of_two_events_is_headed_by_both(new_base: NewBase) -> None:
    before = Figure(13, "13 drovers", "drovers", 0, predicate="wounded")
    sentence = "The raid killed or wounded 13 drovers."
    assert _group_of(new_base, "wounded", sentence, before) == "drovers killed or wounded"
    after = Figure(700, "700 drovers", "drovers", 0, predicate="wounded")
    sentence = "About 700 drovers were wounded or injured in the rush."
    assert _group_of(new_base, "wounded", sentence, after) == "drovers wounded or injured"


def test_a_comparative_before_a_measure_is_no_part_of_it(new_base: NewBase) -> None:
    sentence = "The co-op reported a smaller deficit of $17 million."
    figure = Figure(17e6, "$17 million", "smaller deficit", 0, unit="USD", how="measure_of")
    assert _group_of(new_base, "deficit", sentence, figure) == "deficit (USD)"


@pytest.mark.parametrize(
    ("sentence", "what", "group"),
    [
        (
            "The council shelved a $19 hourly wage bill.",
            "hourly wage bill",
            "proposed hourly wage (USD)",
        ),
        ("The council passed a $19 hourly wage law.", "hourly wage law", "hourly wage (USD)"),
        ("The council passed a $9 million harbour bill.", "harbour bill", "harbour bill (USD)"),
    ],
)
def test_the_price_a_bill_or_a_law_sets_is_the_measure(
    new_base: NewBase, sentence: str, what: str, group: str
) -> None:
    amount = 9e6 if "million" in sentence else 19
    figure = Figure(amount, sentence.split(" a ", 1)[1].rstrip("."), what, 0, unit="USD")
    topic = "harbour" if "harbour" in what else "hourly wage"
    assert _group_of(new_base, topic, sentence, figure) == group


def test_a_verb_beside_a_count_names_it_when_the_extractors_event_word_is_another(
    new_base: NewBase,
) -> None:
    sentence = "Some 80 mills reported saving at least 400 jobs with small loans."
    figure = Figure(400, "at least 400 jobs", "jobs", 0, predicate="reported", approx="at least")
    assert _group_of(new_base, "jobs", sentence, figure) == "jobs saved"


def test_a_noun_of_change_before_a_count_names_its_event(new_base: NewBase) -> None:
    store = Store(new_base("gain"))
    story = Story("g1", "Jobs")
    story.say("May's gain of 2,700 mill jobs was unexpected.")
    story.figures.append(Figure(2700, "2,700 mill jobs", "mill jobs", 0))
    story.save(store)
    [result] = figures(store, "mill jobs")["results"]
    assert (result["group"], result["text"]) == ("mill jobs gained", "gain of 2,700 mill jobs")
