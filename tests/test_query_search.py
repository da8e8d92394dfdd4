"""/search: full-text search over sentences, immune to FTS5 syntax in what users type."""

from __future__ import annotations

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.model import Figure
from bot.query import run
from bot.store import Store


@pytest.fixture
def store(new_base: NewBase) -> Store:
    return delta_base(new_base("delta"))


def search(store: Store, text: str) -> dict:
    return run(store, "search", text).to_json()


def test_matching_sentences_are_cited(store: Store) -> None:
    answer = search(store, "levee")
    assert answer["entity"] is None
    sentences = [r["sentence"] for r in answer["results"]]
    assert len(sentences) == 2
    assert all("levee" in s for s in sentences)
    for result in answer["results"]:
        assert result["text"] == result["sentence"]
        assert result["title"] and result["published"]


def test_word_forms_and_accents_are_folded(store: Store) -> None:
    assert search(store, "Yildirimoglu")["results"]
    texts = [r["sentence"] for r in search(store, "yıldırımoğlu")["results"]]
    assert any("Yıldırımoğlu" in t for t in texts)
    assert any("Yildirimoglu" in t for t in texts)
    assert search(store, "displacing")["results"]


def test_the_best_match_comes_first(store: Store) -> None:
    results = search(store, "levee inspector")["results"]
    assert results[0]["sentence"].startswith("Dana Pitt, the chief levee inspector")


def test_without_a_sentence_holding_every_word_some_words_are_enough(store: Store) -> None:
    answer = search(store, "levee unicorn")
    assert answer["results"]
    assert "some of them" in answer["message"]


def test_no_match_says_so(store: Store) -> None:
    answer = search(store, "unicorn")
    assert answer["results"] == []
    assert "No sentence contains “unicorn”" in answer["message"]


@pytest.mark.parametrize(
    "text",
    [
        "NEAR(levee",
        '"levee',
        "levee*",
        "AND",
        "levee OR",
        "NOT levee",
        "(",
        "text:levee",
        "^levee",
        "levee -dam",
        "'",
        'a"b',
        "{levee}",
        "levee + dam",
    ],
)
def test_fts_syntax_in_the_text_is_searched_as_words(store: Store, text: str) -> None:
    answer = search(store, text)
    assert isinstance(answer["results"], list)
    assert answer["message"] or answer["results"]


@pytest.mark.parametrize("text", ["", "  ", "?!?...", "😀😀", "x" * 301, "\x00"])
def test_text_that_cannot_be_searched_gets_a_message(store: Store, text: str) -> None:
    answer = search(store, text)
    assert answer["results"] == []
    assert "/search TEXT" in answer["message"]


def test_the_same_sentence_in_several_articles_is_one_result(new_base: NewBase) -> None:
    store = Store(new_base("same"))
    for n in range(3):
        story = Story(f"b{n}", f"Harbour notes {n}", published=f"2023-05-0{n + 1}")
        story.say("Sign up for the Lowater harbour newsletter today.", f"Item {n} of the day.")
        story.save(store)
    answer = run(store, "search", "harbour newsletter")
    (item,) = answer.items
    assert len(item.also) == 2


def test_undated_figures_come_after_dated_ones_and_say_so(new_base: NewBase) -> None:
    store = Store(new_base("dates"))
    for n, published in enumerate(("2023-05-01", None, "2023-05-03")):
        story = Story(f"d{n}", f"Shelters {n}", published=published)
        story.say(f"About {100 * (n + 1)} people were sheltering in Lowater.")
        story.figures.append(
            Figure(100 * (n + 1), f"{100 * (n + 1)} people", "people", 0, "sheltering")
        )
        story.save(store)
    items = run(store, "figures", "sheltering").items
    assert [i.citation.day for i in items] == ["2023-05-03", "2023-05-01", "undated"]
