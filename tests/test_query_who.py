"""/who: the entity card and the cited sentences chosen about it."""

from __future__ import annotations

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.query import run
from bot.store import Store


@pytest.fixture
def store(new_base: NewBase) -> Store:
    return delta_base(new_base("delta"))


def test_the_card_names_type_aliases_articles_and_roles(store: Store) -> None:
    answer = run(store, "who", "Yildirimoglu").to_json()
    assert answer["command"] == "who"
    assert answer["query"] == "Yildirimoglu"
    assert answer["entity"] == {
        "name": "Şükrü Yıldırımoğlu",
        "type": "PERSON",
        "aliases": ["Yildirimoglu"],
        "articles": 2,
        "descriptions": ["Governor"],
    }


def test_roles_that_differ_only_by_an_article_word_are_shown_once(store: Store) -> None:
    entity = run(store, "who", "Sara Lindqvist").to_json()["entity"]
    assert len(entity["descriptions"]) == 1
    assert entity["descriptions"][0].casefold().endswith("hydrologist")


def test_a_body_is_not_described_by_the_roles_of_its_people(new_base: NewBase) -> None:
    store = Store(new_base("body"))
    story = Story("b1", "Harbour news")
    story.say("The Harbour Rescue Alliance sent boats to Lowater on Monday.")
    story.entity(
        "Harbour Rescue Alliance",
        "ORG",
        descriptions=[
            "rescue charity",
            "official",
            "chairman of the",
            "deputy director",
            "Video rescue charity",
        ],
    )
    story.save(store)
    card = run(store, "who", "Harbour Rescue Alliance").to_json()["entity"]
    assert card["descriptions"] == ["rescue charity"]


def test_every_article_naming_the_entity_is_cited(store: Store) -> None:
    results = run(store, "who", "Lindqvist").to_json()["results"]
    assert {r["article"] for r in results} == {"convoy-2", "levee-3"}


def test_items_are_whole_sentences_with_full_citations(store: Store) -> None:
    results = run(store, "who", "Dana Pitt").to_json()["results"]
    assert results
    for result in results:
        assert result["text"] == result["sentence"]
        assert "Pitt" in result["sentence"]
        assert result["title"] == "Inspectors blame neglect for the levee breach"
        assert result["source"] == "Valley Ledger"
        assert result["published"] == "2023-04-07"


def saga(store: Store, articles: int) -> None:
    """``articles`` stories, each naming Rhea Vance in four sentences of differing interest."""
    for number in range(articles):
        story = Story(
            f"s{number:02}", f"Canal works, day {number}", published=f"2023-06-{number + 1:02}"
        )
        story.say(
            "Workers drained the canal near the old mill before noon.",
            f"Residents said they had seen Rhea Vance near the mill on day {number}.",
            f"Rhea Vance, the canal engineer, inspected lock {number} on the same afternoon.",
            f"Later a spokesman said the town had thanked Vance and the crew for lock {number}.",
            f"“The lock will hold,” Vance said on day {number}.",
        )
        story.entity("Rhea Vance", aliases=["Vance"], descriptions=["the canal engineer"])
        story.quote("Rhea Vance", "The lock will hold")
        story.save(store)


def test_sentences_are_spread_across_articles_best_first(new_base: NewBase) -> None:
    store = Store(new_base("saga"))
    saga(store, articles=2)
    results = run(store, "who", "Vance").to_json()["results"]
    assert len(results) == 6  # at most three from each article
    assert {r["article"] for r in results[:2]} == {"s00", "s01"}
    # Where it is the described subject, then where it is quoted, then passing mentions.
    assert all(r["sentence"].startswith("Rhea Vance, the canal engineer") for r in results[:2])
    assert all("“The lock will hold,”" in r["sentence"] for r in results[2:4])
    assert all(r["sentence"].startswith("Residents said") for r in results[4:])


def test_many_articles_give_one_sentence_each_up_to_the_cap(new_base: NewBase) -> None:
    store = Store(new_base("saga"))
    saga(store, articles=14)
    answer = run(store, "who", "Rhea Vance").to_json()
    assert answer["entity"]["articles"] == 14
    results = answer["results"]
    assert len(results) == 10
    assert len({r["article"] for r in results}) == 10
    # Equally good sentences: the newest articles first.
    assert [r["article"] for r in results[:3]] == ["s13", "s12", "s11"]


def test_an_entity_named_only_in_passing_still_gets_its_sentence(store: Store) -> None:
    results = run(store, "who", "Ivo Marten").to_json()["results"]
    assert [r["sentence"] for r in results] == ["Engineer Ivo Marten inspected the broken levee."]


def _chamber_and_palace(store: Store) -> None:
    """Articles on the Grey Palace, some running "Chamber" into it, and more on the
    Chamber, a body of its own."""
    for n in range(4):
        story = Story(f"p{n}", "Palace news")
        story.say("The Grey Palace Chamber opened on Monday, and the Chamber met later.")
        story.entity("Grey Palace Chamber", "ORG", aliases=["Chamber"])
        story.save(store)
    for n in range(1):
        story = Story(f"c{n}", "Chamber news")
        story.say("The Chamber voted on Tuesday.")
        story.entity("Chamber", "ORG")
        story.save(store)


def test_a_name_another_entity_goes_by_is_not_shown_as_an_alias(new_base: NewBase) -> None:
    store = Store(new_base("alias"))
    _chamber_and_palace(store)
    card = run(store, "who", "Grey Palace Chamber").to_json()["entity"]
    assert card["aliases"] == []


def test_a_lone_word_is_not_taken_for_a_longer_body_ending_in_it(new_base: NewBase) -> None:
    store = Store(new_base("lone"))
    _chamber_and_palace(store)
    assert run(store, "who", "Chamber").to_json()["entity"]["name"] == "Chamber"


def test_a_body_is_described_only_as_a_kind_of_body(new_base: NewBase) -> None:
    store = Store(new_base("kind"))
    story = Story("k1", "Harbour news")
    story.say("The Harbour Rescue Alliance sent boats to Lowater on Monday.")
    story.entity("Harbour Rescue Alliance", "ORG", descriptions=["sprawling", "rescue charity"])
    story.save(store)
    card = run(store, "who", "Harbour Rescue Alliance").to_json()["entity"]
    assert card["descriptions"] == ["rescue charity"]


def test_a_role_only_a_stray_article_gives_is_not_shown(new_base: NewBase) -> None:
    store = Store(new_base("roles"))
    for n in range(60):
        story = Story(f"r{n}", "Harbour news")
        story.say("Ada Quill spoke in Lowater on Monday.")
        roles = ["harbour master"] + (["opposes harbour master"] if n == 0 else [])
        story.entity("Ada Quill", descriptions=roles)
        story.save(store)
    card = run(store, "who", "Ada Quill").to_json()["entity"]
    assert card["descriptions"] == ["harbour master"]


def test_roles_of_articles_naming_a_person_by_surname_only_are_not_shown(
    new_base: NewBase,
) -> None:
    store = Store(new_base("surname"))
    for n in range(4):
        story = Story(f"full{n}", "Harbour news")
        story.say("Ada Quill spoke in Lowater on Monday.")
        story.entity("Ada Quill", descriptions=["harbour master"])
        story.save(store)
    for n in range(3):
        story = Story(f"short{n}", "Harbour news")
        story.say("President Quill spoke in Lowater on Monday.")
        story.entity("Quill", descriptions=["President"])
        story.save(store)
    card = run(store, "who", "Ada Quill").to_json()["entity"]
    assert card["articles"] == 7  # the surname is hers...
    assert card["descriptions"] == ["harbour master"]  # ...but not the surname's roles


def test_a_bodys_description_that_is_another_bodys_name_is_not_shown(new_base: NewBase) -> None:
    store = Store(new_base("bodies"))
    for n in range(3):
        story = Story(f"s{n}", "Chamber news")
        story.say("The Harbour Senate met in Lowater on Monday.")
        story.entity("Harbour Senate", "ORG", descriptions=["state assembly", "tea party"])
        story.save(store)
    for n in range(2):
        story = Story(f"t{n}", "Movement news")
        story.say("The Tea Party rallied in Lowater.")
        story.entity("Tea Party", "ORG")
        story.save(store)
    card = run(store, "who", "Harbour Senate").to_json()["entity"]
    assert card["descriptions"] == ["state assembly"]
