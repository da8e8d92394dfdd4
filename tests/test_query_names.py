"""Name lookup through /who and autocomplete: spellings, typos, ties, misses, freshness."""

from __future__ import annotations

from pathlib import Path

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.query import autocomplete, run
from bot.query.names import NAME_SHARE, NameIndex, name_index
from bot.store import Store


@pytest.fixture
def store(new_base: NewBase) -> Store:
    return delta_base(new_base("delta"))


def who(store: Store, name: str) -> dict:
    return run(store, "who", name).to_json()


@pytest.mark.parametrize(
    "typed",
    ["Yildirimoglu", "YILDIRIMOGLU", "Yıldırımoğlu", "şükrü yıldırımoğlu", "Sukru Yildirimoglu"],
)
def test_accents_and_case_do_not_matter(store: Store, typed: str) -> None:
    assert who(store, typed)["entity"]["name"] == "Şükrü Yıldırımoğlu"


@pytest.mark.parametrize(
    "typed", ["Qudsi", "al-Qudsi", "al Qudsi", "AL-QUDSI", "Nabil Qudsi", "Qudsi Nabil", "alqudsi"]
)
def test_partial_names_particles_and_hyphens(store: Store, typed: str) -> None:
    assert who(store, typed)["entity"]["name"] == "Nabil al-Qudsi"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Lindquist", "Sara Lindqvist"),
        ("Lindqvst", "Sara Lindqvist"),
        ("Yildirmoglu", "Şükrü Yıldırımoğlu"),
        ("Nabil al-Qudzi", "Nabil al-Qudsi"),
    ],
)
def test_small_typos_find_the_name_and_say_it_was_a_guess(
    store: Store, typed: str, name: str
) -> None:
    answer = who(store, typed)
    assert answer["entity"]["name"] == name
    assert "Closest match" in answer["message"]


def test_exact_names_carry_no_closest_match_note(store: Store) -> None:
    assert who(store, "Sara Lindqvist")["message"] == ""


@pytest.mark.parametrize("typed", ["HRA", "hra", "Harbour Rescue", "harbour rescue alliance"])
def test_acronyms_and_partial_organisation_names(store: Store, typed: str) -> None:
    assert who(store, typed)["entity"]["name"] == "Harbour Rescue Alliance"


@pytest.mark.parametrize(
    "typed", ["Governor Yildirimoglu", "Ayatollah Yildirimoglu", "Grand Mufti Yildirimoglu"]
)
def test_a_title_before_a_persons_name_is_ignored(store: Store, typed: str) -> None:
    assert who(store, typed)["entity"]["name"] == "Şükrü Yıldırımoğlu"


@pytest.mark.parametrize("typed", ["Rescue Governor", "Chief Alliance Officer"])
def test_a_title_is_a_word_like_any_other_beside_a_body(store: Store, typed: str) -> None:
    assert who(store, typed)["entity"] is None


@pytest.mark.parametrize("typed", ["Okonkwo", "Pratt", "Putt", "Pit", "Ivanova", "Zed"])
def test_unrelated_names_find_nothing_rather_than_a_weak_match(store: Store, typed: str) -> None:
    answer = who(store, typed)
    assert answer["entity"] is None
    assert answer["results"] == []
    assert f"No entity in the base is called “{typed}”" in answer["message"]


def test_nothing_found_offers_near_names(store: Store) -> None:
    answer = who(store, "Lars Lindqvist")
    assert answer["entity"] is None
    assert answer["suggestions"] == ["Sara Lindqvist"]


def test_one_letter_names_are_never_suggested(new_base: NewBase) -> None:
    store = delta_base(new_base("d"))
    story = Story("g1", "Letters")
    story.say("G and N signed the deal.")
    story.entity("G", "OTHER").entity("N", "OTHER")
    story.save(store)
    assert not {"G", "N"} & set(who(store, "GNX")["suggestions"])


def test_nothing_close_offers_no_random_suggestions(store: Store) -> None:
    answer = who(store, "Okonkwo")
    assert answer["suggestions"] == []
    assert "/search Okonkwo" in answer["message"]


def test_equally_close_entities_are_listed_not_guessed(store: Store) -> None:
    answer = who(store, "Marten")
    assert answer["entity"] is None
    assert answer["results"] == []
    assert sorted(answer["suggestions"]) == ["Ilse Marten", "Ivo Marten"]
    assert "Ilse Marten (PERSON, 1 article)" in answer["message"]


def test_a_typo_equally_close_to_two_names_is_listed_too(store: Store) -> None:
    assert sorted(who(store, "Martin")["suggestions"]) == ["Ilse Marten", "Ivo Marten"]


def brandt_base(path: Path, tomas_articles: int, klara_articles: int) -> Store:
    store = Store(path)
    for number in range(max(tomas_articles, klara_articles)):
        story = Story(
            f"b{number}", f"Harbour report {number}", published=f"2023-05-{number + 1:02}"
        )
        if number < tomas_articles:
            story.say("Tomas Brandt inspected the harbour wall.")
            story.entity("Tomas Brandt")
        if number < klara_articles:
            story.say("Klara Brandt counted the boats.")
            story.entity("Klara Brandt")
        story.save(store)
    return store


def test_a_tie_is_settled_for_the_entity_cited_in_clearly_more_articles(new_base: NewBase) -> None:
    store = brandt_base(new_base("b"), tomas_articles=4, klara_articles=1)
    answer = who(store, "Brandt")
    assert answer["entity"]["name"] == "Tomas Brandt"
    assert "most often means Tomas Brandt" in answer["message"]
    assert "Klara Brandt (PERSON, 1 article)" in answer["message"]
    assert answer["suggestions"] == ["Klara Brandt"]


def test_an_exact_full_name_answers_even_beside_a_name_cited_more(new_base: NewBase) -> None:
    store = brandt_base(new_base("b"), tomas_articles=2, klara_articles=2)
    for number in range(3):
        story = Story(f"f{number}", f"Fund report {number}")
        story.say("The Klara Brandt Harbour Fund paid the repairs.")
        story.entity("Klara Brandt Harbour Fund", "ORG")
        story.save(store)
    answer = who(store, "Klara Brandt")
    assert answer["entity"]["name"] == "Klara Brandt" and answer["message"] == ""


def test_a_tie_between_similarly_cited_entities_stays_a_tie(new_base: NewBase) -> None:
    store = brandt_base(new_base("b"), tomas_articles=3, klara_articles=2)
    assert who(store, "Brandt")["entity"] is None


def test_an_exact_alias_beats_a_longer_name_cited_more(new_base: NewBase) -> None:
    store = delta_base(new_base("d"))
    for number in range(4):
        story = Story(f"p{number}", f"Ferry notice {number}")
        story.say("The Pitts Ferry Council closed the crossing.")
        story.entity("Pitts Ferry Council", "ORG")
        story.save(store)
    assert who(store, "Pitt")["entity"]["name"] == "Dana Pitt"


def test_the_index_follows_changes_made_through_the_same_store(store: Store) -> None:
    assert who(store, "Okonkwo")["entity"] is None
    story = Story("late-4", "Late report")
    story.say("Ada Okonkwo reopened the school.")
    story.entity("Ada Okonkwo").save(store)
    assert who(store, "Okonkwo")["entity"]["name"] == "Ada Okonkwo"


def test_the_index_follows_changes_made_by_another_connection(store: Store) -> None:
    assert who(store, "Okonkwo")["entity"] is None
    with Store(store.where) as indexer:
        story = Story("late-4", "Late report")
        story.say("Ada Okonkwo reopened the school.")
        story.entity("Ada Okonkwo").save(indexer)
    assert who(store, "Okonkwo")["entity"]["name"] == "Ada Okonkwo"


def test_the_index_forgets_deleted_articles(store: Store) -> None:
    assert who(store, "Pitt")["entity"]["name"] == "Dana Pitt"
    store.delete_article("levee-3")
    assert who(store, "Pitt")["entity"] is None


# -- autocomplete -------------------------------------------------------------------------


def test_autocomplete_without_text_lists_the_most_cited_first(store: Store) -> None:
    names = autocomplete(store, "")
    assert len(names) == 7
    assert set(names[:4]) == {
        "Şükrü Yıldırımoğlu",
        "Nabil al-Qudsi",
        "Harbour Rescue Alliance",
        "Sara Lindqvist",
    }


@pytest.mark.parametrize(
    ("partial", "expected"),
    [
        ("lind", ["Sara Lindqvist"]),
        ("sar", ["Sara Lindqvist"]),
        ("şük", ["Şükrü Yıldırımoğlu"]),
        ("yild", ["Şükrü Yıldırımoğlu"]),
        ("al q", ["Nabil al-Qudsi"]),
        ("nabil al-q", ["Nabil al-Qudsi"]),
        ("HR", ["Harbour Rescue Alliance"]),
    ],
)
def test_autocomplete_matches_word_beginnings(
    store: Store, partial: str, expected: list[str]
) -> None:
    assert autocomplete(store, partial) == expected


def test_autocomplete_puts_names_beginning_with_the_text_first(new_base: NewBase) -> None:
    store = Store(new_base("m"))
    story = Story("m1", "Market day")
    story.say("Mara Quist met Lena Mara at the market.", "Lena Mara sold fish.")
    story.entity("Mara Quist").entity("Lena Mara").save(store)
    assert autocomplete(store, "mar") == ["Mara Quist", "Lena Mara"]


def test_autocomplete_is_capped_and_names_are_short(new_base: NewBase) -> None:
    store = Store(new_base("many"))
    story = Story("many", "A long list")
    for number in range(40):
        name = f"Member {chr(65 + number % 26)}{number} " + "Longname" * (20 if number == 0 else 1)
        story.say(f"{name} voted.")
        story.entity(name)
    story.save(store)
    names = autocomplete(store, "member")
    assert len(names) == 25
    assert all(len(n) <= 100 for n in names)
    assert autocomplete(store, "member", limit=5) == names[:5]
    assert len(autocomplete(store, "", limit=100)) == 25


def test_autocomplete_on_typos_and_nonsense(store: Store) -> None:
    assert autocomplete(store, "lindquist") == ["Sara Lindqvist"]
    assert autocomplete(store, "zzzz") == []
    assert autocomplete(store, "?!") == autocomplete(store, "")


def cited(store: Store, prefix: str, articles: int, sentence: str, name: str, **entity) -> None:
    """Store ``articles`` articles, each saying ``sentence`` of the entity ``name``."""
    for number in range(articles):
        story = Story(f"{prefix}{number}", f"Harbour notes {prefix} {number}")
        story.say(sentence)
        story.entity(name, **entity)
        story.save(store)


def test_a_lone_surname_kept_apart_answers_with_the_person_who_dominates(
    new_base: NewBase,
) -> None:
    store = Store(new_base("lone"))
    cited(store, "q", 3, "Quill waved from the pier.", "Quill", type="OTHER")
    cited(store, "a", 10, "Ada Quill opened the ferry office.", "Ada Quill")
    cited(store, "b", 4, "Bo Quill mended the nets.", "Bo Quill")
    cited(store, "v", 3, "Rain fell on Velmora.", "Velmora", type="GPE")
    cited(store, "i", 10, "Ida Velmora chaired the council.", "Ida Velmora")
    index = name_index(store)
    found = index.resolve("Quill").found
    assert found is not None and found.entity.name == "Ada Quill"
    assert [e.name for e in found.others] == ["Quill", "Bo Quill"]
    place = index.resolve("Velmora").found
    assert place is not None and place.entity.name == "Velmora"


def test_a_lone_acronym_kept_apart_answers_with_the_body_who_dominates(
    new_base: NewBase,
) -> None:
    store = Store(new_base("acronym"))
    cited(store, "h", 3, "The HNC met at noon.", "HNC", type="ORG")
    cited(
        store,
        "c",
        10,
        "The Harbour National Committee (HNC) met at dawn.",
        "Harbour National Committee",
        type="ORG",
        aliases=["HNC"],
    )
    cited(
        store,
        "v",
        4,
        "The Harbour National Convention (HNC) met at dusk.",
        "Harbour National Convention",
        type="ORG",
        aliases=["HNC"],
    )
    found = name_index(store).resolve("HNC").found
    assert found is not None and found.entity.name == "Harbour National Committee"
    assert [e.name for e in found.others] == ["HNC", "Harbour National Convention"]


def test_autocomplete_from_the_most_cited_gives_what_reading_every_name_gives(
    new_base: NewBase,
) -> None:
    store = Store(new_base("ranked"))
    people = [
        "Mara Quist",
        "Lena Mara",
        "Marek Olsen",
        "Tomas Marlow",
        "Mina Sorel",
        "Sara Lindqvist",
        "Sami Lind",
        "Olle Marsk",
        "Maja Berg",
        "Ilse Marten",
        "Marta Velde",
    ]
    for number, name in enumerate(people):
        cited(store, f"p{number}", 1 + number % 4, f"{name} spoke at the quay.", name)
    every_name = NameIndex(store.read)
    most_cited = NameIndex(store.read, many_words=0, rank_pages=(2, 3, 4, 50))
    for partial in ("m", "ma", "mar", "s", "l", "o", "x"):
        for limit in (1, 3, 5, 25):
            assert most_cited.complete(partial, limit) == every_name.complete(partial, limit)
    assert every_name.complete("ma", 3) == ["Marek Olsen", "Marta Velde", "Maja Berg"]


def test_a_name_one_article_in_many_runs_into_an_entity_does_not_find_it(
    new_base: NewBase,
) -> None:
    store = Store(new_base("share"))
    for n in range(int(1 / NAME_SHARE) + 10):
        story = Story(f"q{n}", "Harbour news")
        story.say("Ada Quill spoke in Lowater." + (" Ortiz agreed." if n == 0 else ""))
        story.entity("Ada Quill", aliases=["Ortiz"] if n == 0 else [])
        story.save(store)
    for n in range(3):
        story = Story(f"o{n}", "Dock news")
        story.say("Lena Ortiz spoke at the docks. Ortiz left early.")
        story.entity("Lena Ortiz", aliases=["Ortiz"])
        story.save(store)
    assert who(store, "Ortiz")["entity"]["name"] == "Lena Ortiz"


def test_a_typo_that_only_a_rare_name_holds_still_finds_the_name_meant(new_base: NewBase) -> None:
    store = Store(new_base("typo"))
    for n in range(5):
        story = Story(f"a{n}", "Harbour")
        story.say("Ada Quill spoke in Lowater.")
        story.entity("Ada Quill")
        story.save(store)
    story = Story("t0", "Docks")
    story.say("Tomas Quillo spoke. Quille left.")
    story.entity("Tomas Quillo", aliases=["Quille"])
    story.save(store)
    assert who(store, "Ada Quille")["entity"]["name"] == "Ada Quill"
