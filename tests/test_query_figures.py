"""/figures: word-form tolerance, grouping of the same measure, disagreement, vague amounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import Story
from worlds import delta_base

from bot.query import run
from bot.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return delta_base(tmp_path / "delta.sqlite3")


def figures(store: Store, topic: str) -> dict:
    return run(store, "figures", topic).to_json()


@pytest.mark.parametrize("topic", ["displaced", "displacement", "displacing", "DISPLACED"])
def test_word_forms_of_the_topic_find_the_same_figures(store: Store, topic: str) -> None:
    values = {r["value"] for r in figures(store, topic)["results"]}
    assert {12_000, 15_000} <= values


def test_killed_and_killing_are_the_same_topic(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.sqlite3")
    story = Story("k1", "Levee collapse")
    story.say("Two workers were killed when the levee collapsed.")
    story.figure(0, 2, "Two", "workers", "killed").save(store)
    for topic in ("killing", "killed", "kills"):
        assert [r["value"] for r in figures(store, topic)["results"]] == [2]


def test_sources_that_disagree_are_side_by_side_and_marked(store: Store) -> None:
    answer = figures(store, "displaced")
    displaced = [r for r in answer["results"] if r["value"] in (12_000, 15_000)]
    assert [r["value"] for r in displaced] == [15_000, 12_000]  # newest first
    assert {r["group"] for r in displaced} == {"people displaced"}
    assert all(r["conflict"] for r in displaced)
    assert [r["source"] for r in displaced] == ["Coastal Times", "Delta Post"]
    positions = [answer["results"].index(r) for r in displaced]
    assert positions[1] == positions[0] + 1
    assert "different numbers for 1 measure" in answer["message"]


def test_people_and_civilians_count_the_same_thing(store: Store) -> None:
    results = figures(store, "live")["results"]
    assert [(r["value"], r["conflict"]) for r in results] == [
        (3_000_000, True),
        (4_000_000, True),
    ]
    assert len({r["group"] for r in results}) == 1
    assert results[0]["text"] == "some 3,000,000 people live"
    assert results[0]["sentence"].startswith("Some three million people live")


def test_agreeing_sources_are_not_marked(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.sqlite3")
    for number in range(2):
        story = Story(f"a{number}", f"Bridge report {number}", published=f"2023-01-0{number + 1}")
        story.say("Engineers said 3 bridges were destroyed.")
        story.figure(0, 3, "3", "bridges", "destroyed").save(store)
    results = figures(store, "bridges")["results"]
    assert len(results) == 2
    assert not any(r["conflict"] for r in results)


def test_different_measures_are_not_compared(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.sqlite3")
    for number, (count, what) in enumerate([(20, "soldiers"), (300, "civilians")]):
        story = Story(f"m{number}", f"Clashes {number}")
        story.say(f"At least {count} {what} were killed in the clashes.")
        story.figure(0, count, str(count), what, "killed", approx="at least").save(store)
    results = figures(store, "killed")["results"]
    assert len({r["group"] for r in results}) == 2
    assert not any(r["conflict"] for r in results)


def test_vague_amounts_are_shown_with_their_words(store: Store) -> None:
    vague = [r for r in figures(store, "displacement")["results"] if r["value"] is None]
    assert len(vague) == 1
    assert vague[0]["text"].startswith("hundreds of thousands")
    assert vague[0]["sentence"] == "Displacement camps now hold hundreds of thousands of residents."


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


def test_many_figures_are_capped_newest_first(tmp_path: Path) -> None:
    store = Store(tmp_path / "many.sqlite3")
    for number in range(45):
        story = Story(
            f"n{number:02}",
            f"Daily count {number}",
            published=f"2023-{number // 28 + 1:02}-{number % 28 + 1:02}",
        )
        story.say(f"Officials said {number + 1} homes were flooded.")
        story.figure(0, number + 1, str(number + 1), "homes", "flooded").save(store)
    answer = figures(store, "flooded")
    assert len(answer["results"]) == 40
    assert answer["results"][0]["value"] == 45
    assert "Showing 40 of 45" in answer["message"]
