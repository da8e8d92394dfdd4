"""/articles and /article: what is indexed, and everything drawn from one article."""

from __future__ import annotations

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.query import run
from bot.query.articles import MAX_PER_KIND
from bot.store import Store


@pytest.fixture
def store(new_base: NewBase) -> Store:
    return delta_base(new_base("delta"))


def test_articles_are_listed_newest_first_with_counts(store: Store) -> None:
    answer = run(store, "articles").to_json()
    assert [r["article"] for r in answer["results"]] == ["levee-3", "convoy-2", "delta-1"]
    assert answer["results"][1]["text"] == "convoy-2 · 5 entities, 2 figures, 2 quotes"
    assert answer["results"][1]["source"] == "Coastal Times"
    assert answer["message"].startswith("3 articles indexed")


def test_an_empty_base_says_nothing_is_indexed(new_base: NewBase) -> None:
    answer = run(Store(new_base("empty")), "articles").to_json()
    assert answer["results"] == []
    assert answer["message"] == "Nothing has been indexed yet."


def test_a_long_list_is_capped(new_base: NewBase) -> None:
    store = Store(new_base("long"))
    for number in range(55):
        Story(f"x{number:02}", f"Note {number}").save(store)
    answer = run(store, "articles").to_json()
    assert len(answer["results"]) == 50
    assert "55 articles indexed; the 50 newest are listed" in answer["message"]


def test_one_article_shows_its_entities_figures_and_quotes(store: Store) -> None:
    answer = run(store, "article", "delta-1").to_json()
    assert answer["title"] == "Floodwaters cut off the Varn delta"
    assert "Delta Post, 2023-04-02" in answer["message"]
    assert "https://delta.example/floods" in answer["message"]
    kinds = [r["kind"] for r in answer["results"]]
    assert kinds == ["entity"] * 4 + ["figure"] * 2 + ["quote"]
    assert answer["results"][0]["text"] == "Harbour Rescue Alliance (ORG) · 2 mentions"
    assert answer["results"][0]["sentence"].startswith("The Harbour Rescue Alliance (HRA)")
    assert answer["results"][4]["value"] == 4_000_000
    assert answer["results"][6]["text"] == "Şükrü Yıldırımoğlu: “We will rebuild every bridge”"
    assert all(r["article"] == "delta-1" for r in answer["results"])


def test_an_entity_under_another_name_shows_the_article_spelling(store: Store) -> None:
    texts = [r["text"] for r in run(store, "article", "convoy-2").to_json()["results"]]
    assert "Şükrü Yıldırımoğlu (PERSON) · 1 mention, written “Şükrü Yildirimoglu”" in texts
    assert "Şükrü Yıldırımoğlu: Fragment: “unacceptable”" in texts


def test_a_unique_id_prefix_is_enough(store: Store) -> None:
    assert run(store, "article", "lev").to_json()["title"].startswith("Inspectors blame")


def test_an_unknown_id_says_so(store: Store) -> None:
    answer = run(store, "article", "nope").to_json()
    assert answer["results"] == []
    assert "No article has the id “nope”" in answer["message"]


def test_an_ambiguous_prefix_lists_the_ids(new_base: NewBase) -> None:
    store = Store(new_base("p"))
    for article_id in ("report-1", "report-2"):
        Story(article_id, "Report").save(store)
    answer = run(store, "article", "report").to_json()
    assert answer["suggestions"] == ["report-1", "report-2"]
    assert answer["results"] == []


@pytest.mark.parametrize("typed", ["", "   ", "???", "a" * 200])
def test_odd_ids_get_a_message(store: Store, typed: str) -> None:
    answer = run(store, "article", typed).to_json()
    assert answer["results"] == []
    assert answer["message"]


def test_an_article_that_gave_no_facts_is_shown_with_none(new_base: NewBase) -> None:
    store = Store(new_base("bare"))
    story = Story("bare-1", "Quiet day on the lake")
    story.say("Nothing happened on the lake today.")
    story.save(store)
    answer = run(store, "article", "bare-1").to_json()
    assert answer["results"] == []
    assert "0 entities, 0 figures, 0 quotes" in answer["message"]


def test_an_article_of_very_many_facts_shows_the_first_of_each_kind(new_base: NewBase) -> None:
    store = Store(new_base("many"))
    story = Story("m1", "Tallies")
    count = MAX_PER_KIND + 20
    story.say(*(f"Some {n} boats docked." for n in range(1, count + 1)))
    for n in range(1, count + 1):
        story.figure(n - 1, n, f"{n} boats", "boats")
    story.save(store)
    answer = run(store, "article", "m1").to_json()
    assert len(answer["results"]) == MAX_PER_KIND
    shown = f"{count} figures, 0 quotes (the first {MAX_PER_KIND} of each shown)"
    assert shown in answer["message"]
