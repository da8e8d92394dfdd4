"""Cross-article identity: which entities of different articles are the same one."""

from pathlib import Path

from bot.model import Article, Entity, Extraction, Sentence
from bot.store import Store


def put(store: Store, article_id: str, *entities: Entity) -> None:
    text = "A sentence."
    article = Article(article_id, article_id, text, [Sentence(0, 0, len(text), text)])
    store.put_article(article, Extraction(entities=list(entities)), article_id)


def groups(store: Store) -> dict[str, set[str]]:
    rows = store.conn.execute(
        "SELECT e.name, ae.article_id FROM entities e "
        "JOIN article_entities ae ON ae.entity_id = e.id"
    ).fetchall()
    found: dict[str, set[str]] = {}
    for name, article in rows:
        found.setdefault(name, set()).add(article)
    return found


def test_accents_particles_and_word_order_join(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("Tayfun Çelikoğlu", "PERSON", ["Çelikoğlu"]))
        put(store, "b", Entity("Tayfun Celikoglu", "PERSON", ["Celikoglu"]))
        put(store, "c", Entity("Observatory for Coastal Rights", "ORG"))
        put(store, "d", Entity("Coastal Rights Observatory", "ORG"))
        assert sorted(map(sorted, groups(store).values())) == [["a", "b"], ["c", "d"]]


def test_surname_joins_the_person_and_later_full_name_absorbs_it(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("Varga", "PERSON"))
        put(store, "b", Entity("Istvan al-Varga", "PERSON", ["Varga", "al-Varga"]))
        put(store, "c", Entity("Varga", "PERSON"))
        assert groups(store) == {"Istvan al-Varga": {"a", "b", "c"}}


def test_shared_surname_never_joins_two_full_names(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("Donna Reyes", "PERSON", ["Reyes"]))
        put(store, "b", Entity("Mark Reyes", "PERSON", ["Reyes"]))
        assert set(groups(store)) == {"Donna Reyes", "Mark Reyes"}


def test_acronym_joins_differently_worded_names(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("National Unity Government", "ORG", ["NUG"]))
        put(store, "b", Entity("Government of National Unity", "ORG", ["NUG"]))
        put(store, "c", Entity("NUG", "ORG"))
        assert len(groups(store)) == 1


def test_a_common_word_alias_does_not_capture_other_bodies(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("Coastal National Congress", "ORG", ["Congress"]))
        put(store, "b", Entity("Congress", "ORG"))
        put(store, "c", Entity("Congress", "ORG"))
        assert groups(store) == {"Coastal National Congress": {"a"}, "Congress": {"b", "c"}}


def test_canonical_name_is_the_most_used_full_name(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("United Federation", "GPE", ["UF"]))
        put(store, "b", Entity("United Federation", "GPE", ["UF"]))
        put(store, "c", Entity("Outer Isles Tuvalu Ukraine United Federation", "GPE", ["UF"]))
        assert set(groups(store)) == {"United Federation"}


def test_replacing_an_article_withdraws_its_aliases(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("Rosa Quintero", "PERSON", ["Quintero", "Rosita"]))
        put(store, "b", Entity("Rosa Quintero", "PERSON", ["Quintero"]))
        put(store, "a", Entity("Rosa Quintero", "PERSON", ["Quintero"]))
        aliases = {r[0] for r in store.conn.execute("SELECT alias FROM aliases")}
        assert aliases == {"Rosa Quintero", "Quintero"}
        store.delete_article("a")
        store.delete_article("b")
        assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


def test_among_equally_used_names_the_one_its_acronym_stands_for(tmp_path: Path) -> None:
    with Store(tmp_path / "f.sqlite3") as store:
        put(store, "a", Entity("National Concord Government", "ORG", ["GNU"]))
        put(store, "b", Entity("Government of National Unity", "ORG", ["GNU"]))
        assert set(groups(store)) == {"Government of National Unity"}
