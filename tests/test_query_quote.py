"""/quote: a speaker's own words, keyword filtering, fragments, and speakers never quoted."""

from __future__ import annotations

from pathlib import Path

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.indexer import index_paths
from bot.query import ask, run
from bot.query.quotes import MAX_READ
from bot.store import Store


@pytest.fixture
def store(new_base: NewBase) -> Store:
    return delta_base(new_base("delta"))


def test_quotes_carry_speaker_words_and_citation(store: Store) -> None:
    answer = run(store, "quote", "al-Qudsi").to_json()
    assert answer["entity"]["name"] == "Nabil al-Qudsi"
    [result] = answer["results"]
    assert result["quote"] == "The water is still rising in the east"
    assert result["speaker"] == "Nabil al-Qudsi"
    assert result["fragment"] is False
    assert result["text"] == "“The water is still rising in the east”"
    assert result["sentence"] == "“The water is still rising in the east,” al-Qudsi said."
    assert (result["article"], result["source"]) == ("convoy-2", "Coastal Times")


def test_a_quote_over_two_sentences_cites_both(new_base: NewBase) -> None:
    store = Store(new_base("q"))
    story = Story("q1", "Harbour reopens")
    story.say(
        "The harbour reopened on Monday.",
        "“We lost two weeks.",
        "We will not lose another,” said harbourmaster Ole Brekke.",
    )
    story.entity("Ole Brekke", descriptions=["harbourmaster"])
    story.quote("Ole Brekke", "We lost two weeks. We will not lose another", sentence=1, cite=2)
    story.save(store)
    [result] = run(store, "quote", "Brekke").to_json()["results"]
    assert result["sentence"] == (
        "“We lost two weeks. We will not lose another,” said harbourmaster Ole Brekke."
    )


def test_fragments_are_labelled_and_come_after_full_quotes(store: Store) -> None:
    answer = run(store, "quote", "Yildirimoglu")
    kinds = [(i.fragment, i.text) for i in answer.items]
    assert kinds == [
        (False, "“We will rebuild every bridge”"),
        (True, "Fragment: “unacceptable”"),
    ]
    # A fragment is shown with the sentence it was taken from.
    assert answer.items[1].context == (
        "Governor Yildirimoglu called the delays “unacceptable” in a statement."
    )


@pytest.mark.parametrize("about", ["rising", "rise", "RISES", "east"])
def test_the_keyword_filter_tolerates_word_forms(store: Store, about: str) -> None:
    results = run(store, "quote", "al-Qudsi", about).to_json()["results"]
    assert [r["quote"] for r in results] == ["The water is still rising in the east"]


def test_a_keyword_no_quote_matches_says_so(store: Store) -> None:
    answer = run(store, "quote", "al-Qudsi", "bridges").to_json()
    assert answer["results"] == []
    assert answer["entity"]["name"] == "Nabil al-Qudsi"
    assert answer["message"].startswith(
        "No quote from Nabil al-Qudsi mentions “bridges”; Nabil al-Qudsi has 1 quote in all."
    )


@pytest.mark.parametrize(
    "question",
    [
        "/quote Yildirimoglu bridge",
        "/quote Şükrü Yıldırımoğlu bridge",
        "/quote Yildirimoglu about bridge",
        "what did Yildirimoglu say about bridges?",
    ],
)
def test_name_and_keyword_are_told_apart(store: Store, question: str) -> None:
    answer = ask(store, question).to_json()
    assert answer["command"] == "quote"
    assert answer["entity"]["name"] == "Şükrü Yıldırımoğlu"
    assert [r["quote"] for r in answer["results"]] == ["We will rebuild every bridge"]


def test_a_known_entity_never_quoted_gets_no_results_and_its_mention_count(store: Store) -> None:
    answer = run(store, "quote", "Sara Lindqvist").to_json()
    assert answer["results"] == []
    assert answer["entity"]["name"] == "Sara Lindqvist"
    assert "No direct quotes from Sara Lindqvist" in answer["message"]
    assert "mentioned 2 times in 2 articles" in answer["message"]


def test_an_unknown_speaker_is_nothing_found(store: Store) -> None:
    answer = run(store, "quote", "Okonkwo").to_json()
    assert answer["entity"] is None
    assert answer["results"] == []
    assert "No entity in the base is called “Okonkwo”" in answer["message"]


def test_an_ambiguous_speaker_is_listed(store: Store) -> None:
    answer = run(store, "quote", "Marten").to_json()
    assert answer["entity"] is None
    assert sorted(answer["suggestions"]) == ["Ilse Marten", "Ivo Marten"]


def test_all_quotes_are_listed_newest_published_first_full_quotes_before_fragments(
    new_base: NewBase,
) -> None:
    store = Store(new_base("many"))
    days = [5, 17, 2, 28, 11, 23, 8, 14, 20, 1, 26, 19]  # indexed in this order
    for number, day in enumerate(days):
        story = Story(f"m{number:02}", f"Briefing {number}", published=f"2023-02-{day:02}")
        story.say(
            f"“Briefing number {number} is over,” said Ole Brekke.",
            f"Brekke called the talks “frank {number}” at the port.",
        )
        story.entity("Ole Brekke", aliases=["Brekke"])
        story.quote("Ole Brekke", f"Briefing number {number} is over")
        story.quote("Ole Brekke", f"frank {number}", fragment=True)
        story.save(store)
    answer = run(store, "quote", "Brekke").to_json()
    results = answer["results"]
    assert len(results) == 24
    assert [r["fragment"] for r in results] == [False] * 12 + [True] * 12
    newest_first = [f"2023-02-{day:02}" for day in sorted(days, reverse=True)]
    assert [r["published"] for r in results[:12]] == newest_first
    assert [r["published"] for r in results[12:]] == newest_first
    assert answer["message"] == "24 statements, newest first."
    about = run(store, "quote", "Brekke", "briefings").to_json()
    assert len(about["results"]) == 12
    assert not any(r["fragment"] for r in about["results"])


def test_a_speaker_with_more_quotes_than_are_read_is_told_so(new_base: NewBase) -> None:
    store = Store(new_base("lots"))
    for part in range(3):
        story = Story(f"p{part}", f"Transcript part {part}", published=f"2023-03-0{part + 1}")
        for line in range(MAX_READ // 3 + 1):
            story.say(f"“Point {part}-{line} stands,” said Ole Brekke.")
            story.quote("Ole Brekke", f"Point {part}-{line} stands")
        story.entity("Ole Brekke", aliases=["Brekke"])
        story.save(store)
    answer = run(store, "quote", "Ole Brekke").to_json()
    total = 3 * (MAX_READ // 3 + 1)
    assert len(answer["results"]) == MAX_READ
    assert {r["article"] for r in answer["results"][:10]} == {"p2"}
    assert f"Only the {MAX_READ:,} most recent of {total:,} quotes were read." in answer["message"]
    about = run(store, "quote", "Ole Brekke", "stands").to_json()
    assert len(about["results"]) == total  # every quote with the word, not the most recent


def test_the_same_statement_in_several_articles_is_one_item_citing_each(new_base: NewBase) -> None:
    store = Store(new_base("same"))
    gates = "The port’s gates will open at dawn, and not before"
    outlets = [
        ("w1", "Wire One", "2023-05-02", f"“{gates},” Brekke said."),
        (
            "w2",
            "Wire Two",
            "2023-05-03",
            "“The ports gates will open at dawn - and not before” Brekke said.",
        ),
        ("w3", "Wire Three", "2023-05-04", "“We will not hurry,” Brekke said."),
    ]
    for article_id, outlet, published, sentence in outlets:
        story = Story(article_id, f"{outlet} on the port", source=outlet, published=published)
        story.say(sentence)
        story.entity("Ole Brekke", aliases=["Brekke"])
        story.quote("Ole Brekke", sentence.split("”")[0].lstrip("“").rstrip(","), sentence=0)
        story.save(store)
    answer = run(store, "quote", "Brekke").to_json()
    results = answer["results"]
    assert [r["article"] for r in results] == ["w3", "w1"]
    gates = results[1]
    assert gates["quote"] == "The port’s gates will open at dawn, and not before"
    assert gates["sentence"].startswith("“The port’s gates")
    assert gates["also"] == [
        {
            "article": "w2",
            "title": "Wire Two on the port",
            "source": "Wire Two",
            "published": "2023-05-03",
            "url": None,
        }
    ]
    assert results[0]["also"] == []
    assert answer["message"] == (
        "2 statements, newest first; 1 other report of the same words shown under “also in”."
    )


def test_a_partial_quote_of_a_longer_statement_joins_it(new_base: NewBase) -> None:
    store = Store(new_base("part"))
    full = "We have rebuilt the harbour wall and we will rebuild the old bridge next spring"
    part = "we will rebuild the old bridge next spring"
    for article_id, words, day in (("f1", full, "01"), ("f2", part, "02"), ("f3", "we will", "03")):
        story = Story(article_id, f"Harbour {article_id}", published=f"2023-06-{day}")
        story.say(f"“{words},” said Ole Brekke.")
        story.entity("Ole Brekke", aliases=["Brekke"])
        story.quote("Ole Brekke", words)
        story.save(store)
    results = run(store, "quote", "Brekke").to_json()["results"]
    assert [(r["quote"], [a["article"] for a in r["also"]]) for r in results] == [
        ("we will", []),
        (full, ["f2"]),
    ]


def test_someone_known_by_one_name_is_not_quoted_under_a_namesake(
    tmp_path: Path, new_base: NewBase
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "senate.txt").write_text(
        'Senator Ada Tobin spoke on Monday. "The budget is late," Tobin said.', encoding="utf-8"
    )
    (docs / "hall.txt").write_text(
        'At the town hall a man named Tobin stood up. "I could not pay," Tobin said.',
        encoding="utf-8",
    )
    with Store(new_base("q")) as store:
        index_paths(store, [docs])
        quoted = [r["quote"] for r in run(store, "quote", "Ada Tobin").to_json()["results"]]
    assert quoted == ["The budget is late,"]
