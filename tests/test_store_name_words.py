"""The words of names the base keeps for lookups: following the articles as they come, change
and go, and made for a base written before they were kept, its articles untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from bases import NewBase
from factories import Story
from worlds import delta_base

from bot.cli import main
from bot.query import autocomplete, run
from bot.query.names import NAME_SHARE
from bot.store import SchemaError, Store
from bot.store.location import ServerAddress
from bot.store.schema import SCHEMA_KEY

WORDS = ("oskar", "velander", "brunvik", "marit", "holm")


def save(store: Store, article_id: str, sentence: str, name: str, *aliases: str) -> None:
    story = Story(article_id, f"Ferry notes {article_id}")
    story.say(sentence)
    story.entity(name, aliases=list(aliases))
    story.save(store)


def known(store: Store) -> set[str]:
    """Which of ``WORDS`` the base keeps, checked to be in its vocabulary of each length
    too."""
    found = store.read.known_name_words(WORDS)
    by_length = {word for _, word in store.read.name_words_of_length(1, 20)}
    assert found == by_length & set(WORDS)
    return found


@pytest.fixture
def store(new_base: NewBase):
    with Store(new_base("words")) as opened:
        yield opened


def test_words_come_with_the_names_an_article_adds(store: Store) -> None:
    assert known(store) == set()
    save(store, "n1", "Oskar Velander rang the harbour bell.", "Oskar Velander", "Velander")
    assert known(store) == {"oskar", "velander"}
    (found,) = {(r["name"], r["folded"]) for r in store.read.names_with_words(["oskar"], 0)}
    assert found == ("Oskar Velander", "oskar velander")


def test_words_go_when_the_article_giving_them_is_replaced(store: Store) -> None:
    save(store, "n1", "Oskar Velander rang the harbour bell.", "Oskar Velander")
    save(store, "n1", "Oskar Brunvik rang the harbour bell.", "Oskar Brunvik")
    assert known(store) == {"oskar", "brunvik"}
    assert run(store, "who", "Velander").to_json()["entity"] is None
    assert run(store, "who", "Brunvik").to_json()["entity"]["name"] == "Oskar Brunvik"


def test_words_stay_while_another_article_gives_them(store: Store) -> None:
    save(store, "n1", "Oskar Velander rang the harbour bell.", "Oskar Velander")
    save(store, "n2", "Marit Holm met Oskar Velander.", "Marit Holm")
    save(store, "n3", "Oskar Velander sailed at dawn.", "Oskar Velander")
    store.delete_article("n1")
    assert known(store) == {"oskar", "velander", "marit", "holm"}
    store.delete_article("n3")
    assert known(store) == {"marit", "holm"}
    store.delete_article("n2")
    assert known(store) == set()


def test_words_of_an_alias_go_with_the_last_article_using_it(store: Store) -> None:
    save(store, "n1", "Marit Holm, known as Velander, spoke.", "Marit Holm", "Velander")
    save(store, "n2", "Marit Holm spoke again.", "Marit Holm")
    assert known(store) == {"marit", "holm", "velander"}
    store.delete_article("n1")
    assert known(store) == {"marit", "holm"}


def test_words_follow_a_bulk_run_settled_at_its_end(store: Store) -> None:
    for number in range(3):
        story = Story(f"b{number}", "Ferry notes")
        story.say("Oskar Velander rang the harbour bell.")
        story.entity("Oskar Velander")
        article, extraction = story.build()
        store.put_article(article, extraction, f"hash{number}", settle=False)
    store.settle()
    assert known(store) == {"oskar", "velander"}
    for number in range(3):
        store.delete_article(f"b{number}", settle=False)
    store.settle()
    assert known(store) == set()
    assert store.read.names_with_words(WORDS, NAME_SHARE) == []


# -- a base of schema 5 ------------------------------------------------------------------------

QUESTIONS = ("Qudsi", "Yildirmoglu", "HRA", "Marten", "Lars Lindqvist", "Okonkwo")


def answers(store: Store) -> list[object]:
    found: list[object] = [run(store, "who", name).to_json() for name in QUESTIONS]
    return [*found, *(autocomplete(store, partial) for partial in ("", "lind", "al q", "m"))]


def as_schema_5(store: Store) -> None:
    """Make ``store`` what factbot wrote before it kept the words of names."""
    for statement in (
        "DROP TABLE name_vocabulary",
        "DROP TABLE name_words",
        "DROP INDEX entities_ranked",
    ):
        store.conn.execute(statement)
    if isinstance(store.where, ServerAddress):
        store.conn.execute("UPDATE meta SET value = '5' WHERE key = ?", (SCHEMA_KEY,))
    else:
        store.conn.execute("PRAGMA user_version=5")


def test_a_base_of_schema_5_is_upgraded_keeping_its_articles(new_base: NewBase) -> None:
    where = new_base("old")
    with delta_base(where) as store:
        before = answers(store)
        articles = store.article_count()
        as_schema_5(store)
    with pytest.raises(SchemaError, match="factbot relink"):
        Store(where)
    with Store(where, upgrade=True) as upgraded:
        assert upgraded.article_count() == articles
        assert answers(upgraded) == before
    with Store(where) as reopened:
        assert answers(reopened) == before


def test_relink_upgrades_a_base_of_schema_5(capsys, tmp_path: Path) -> None:
    where = tmp_path / "old.sqlite3"
    with delta_base(where) as store:
        before = run(store, "who", "Qudsi").to_json()
        as_schema_5(store)
    assert main(["ask", "--db", str(where), "--json", "/who Qudsi"]) == 9
    assert "factbot relink" in capsys.readouterr().err
    assert main(["relink", "--db", str(where)]) == 0
    capsys.readouterr()
    assert main(["ask", "--db", str(where), "--json", "/who Qudsi"]) == 0
    after = capsys.readouterr().out
    with Store(where) as store:
        assert run(store, "who", "Qudsi").to_json() == before
    assert "Nabil al-Qudsi" in after
