"""Incremental, idempotent indexing into a real SQLite file."""

import json
import threading
from pathlib import Path

from bases import NewBase

from bot.indexer import POOL_THRESHOLD, forget, index_paths
from bot.query import ask
from bot.store import Store


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(store: Store) -> list[tuple]:
    tables = ("articles", "sentences", "figures", "quotes", "article_entities", "aliases")
    rows = []
    for table in tables:
        columns = "*" if table != "articles" else "id, content_hash, title, text"
        rows.append(
            tuple(
                tuple(r) for r in store.conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2")
            )
        )
    return rows


def test_unchanged_files_are_skipped_and_changed_ones_replaced(
    tmp_path: Path, new_base: NewBase
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "a.txt", "Mayor Ana Ortiz said 1,200 people were displaced by the flood.")
    write(docs, "b.txt", "The Red River Authority closed two bridges on Monday.")
    with Store(new_base("facts")) as store:
        first = index_paths(store, [docs])
        assert sorted(first.added) == ["a", "b"] and not first.failed
        second = index_paths(store, [docs])
        assert sorted(second.unchanged) == ["a", "b"] and not second.changed
        write(docs, "a.txt", "Mayor Ana Ortiz said 3,400 people were displaced by the flood.")
        third = index_paths(store, [docs])
        assert third.updated == ["a"] and third.unchanged == ["b"]
        values = [r["value"] for r in store.read.figures_of_article("a")]
        assert values == [3400.0]
        assert store.read.best_sentences('"displaced"', 10, 10) == [("a", 0)]


def test_a_failing_file_leaves_the_base_as_it_was(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    path = write(docs, "a.txt", "Mayor Ana Ortiz said 1,200 people were displaced.")
    with Store(new_base("facts")) as store:
        index_paths(store, [docs])
        before = snapshot(store)
        path.write_bytes(b"\x00\x01binary now\x00" * 100)
        report = index_paths(store, [docs])
        assert len(report.failed) == 1 and "binary" in report.failed[0].message
        assert snapshot(store) == before


def test_same_entity_in_two_articles_is_one_entity(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "a.txt", "Health Minister Rosa Quintero visited the clinic. Quintero stayed.")
    write(docs, "b.txt", "Quintero said the clinics would reopen.")
    with Store(new_base("facts")) as store:
        index_paths(store, [docs])
        named = {a: {r["name"] for r in store.read.entities_of_article(a)} for a in "ab"}
        assert "Rosa Quintero" in named["a"] & named["b"]


# -- a base that follows its folder ---------------------------------------------------------


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def story(article_id: str, text: str = "The Red River Authority closed two bridges.") -> dict:
    return {"id": article_id, "title": f"Story {article_id}", "text": text}


def ids(store: Store) -> list[str]:
    return sorted(a.id for a in store.articles())


def test_a_removed_file_or_line_leaves_the_base_at_the_next_index(
    tmp_path: Path, new_base: NewBase
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    gone = write(docs, "a.txt", "Mayor Ana Ortiz said 1,200 people were displaced.")
    feed = jsonl(docs / "feed.jsonl", story("f1"), story("f2"))
    with Store(new_base("facts")) as store:
        index_paths(store, [docs])
        assert ids(store) == ["a", "f1", "f2"]
        gone.unlink()
        jsonl(feed, story("f2"))
        report = index_paths(store, [docs])
        assert sorted(report.removed) == ["a", "f1"] and ids(store) == ["f2"]


def test_a_file_that_cannot_be_read_in_full_keeps_its_articles(
    tmp_path: Path, new_base: NewBase
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    feed = jsonl(docs / "feed.jsonl", story("f1"), story("f2"))
    with Store(new_base("facts")) as store:
        index_paths(store, [docs])
        feed.write_text(json.dumps(story("f1")) + "\n{broken\n", encoding="utf-8")
        report = index_paths(store, [docs])
        assert report.removed == [] and ids(store) == ["f1", "f2"]
        assert [f.line for f in report.failed] == [2]


def test_two_inputs_with_one_id_are_never_merged(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    (docs / "east").mkdir(parents=True)
    (docs / "west").mkdir()
    write(docs / "east", "report.txt", "The Red River Authority closed two bridges.")
    write(docs / "west", "report.txt", "The Blue Lake Council opened a ferry.")
    jsonl(docs / "feed.jsonl", story("report"), story("f1"), story("f1"))
    with Store(new_base("facts")) as store:
        first = index_paths(store, [docs])
        assert ids(store) == ["f1", "report"]
        messages = sorted(str(f) for f in first.failed)
        assert len(messages) == 3 and all("already" in m for m in messages)
        second = index_paths(store, [docs])
        assert second.unchanged == ["report", "f1"] and len(second.failed) == 3
        (row,) = [a for a in store.articles() if a.id == "report"]
        assert row.path == str((docs / "east" / "report.txt").resolve())


def test_forget_removes_articles_by_id(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    jsonl(docs / "feed.jsonl", story("f1"), story("f2"))
    with Store(new_base("facts")) as store:
        index_paths(store, [docs])
        assert forget(store, ["f1", "nope"]) == (["f1"], ["nope"])
        assert ids(store) == ["f2"]


# -- workers, writers and readers -------------------------------------------------------------


def corpus(folder: Path, count: int) -> Path:
    towns = ["Marrowick", "Lowater", "Ebbridge", "Calder Vale"]
    people = ["Ana Ortiz", "Tomas Vindr", "Ines Calloway", "Petra Lund"]
    records = []
    for n in range(count):
        who, town = people[n % 4], towns[n % 3]
        text = (
            f"Mayor {who} said {100 + n} people were displaced in {town} on Monday. "
            f'"We will rebuild {town}," {who.split()[-1]} told the {town} Courier.'
        )
        records.append(story(f"s{n:03d}", text))
    folder.mkdir(exist_ok=True)
    return jsonl(folder / "feed.jsonl", *records)


def dump(store: Store) -> list[tuple]:
    rows = []
    for article in store.articles():
        rows.append(
            (
                article.id,
                sorted(tuple(r) for r in store.read.entities_of_article(article.id)),
                [tuple(r)[2:] for r in store.read.figures_of_article(article.id)],
                [tuple(r)[2:] for r in store.read.quotes_of_article(article.id)],
            )
        )
    return rows


def test_two_workers_give_the_same_base_as_one(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    corpus(docs, POOL_THRESHOLD + 20)
    with Store(new_base("one")) as one, Store(new_base("two")) as two:
        done: list[int] = []
        index_paths(one, [docs], jobs=1)
        report = index_paths(two, [docs], jobs=2, progress=done.append)
        assert len(report.added) == POOL_THRESHOLD + 20 and sum(done) == len(report.added)
        assert dump(two) == dump(one)


def test_a_second_indexing_run_on_a_file_waits_for_the_first(tmp_path: Path) -> None:
    # PostgreSQL lets two runs write at once (test_postgres.py).
    docs = tmp_path / "docs"
    corpus(docs, 3)
    db = tmp_path / "facts.sqlite3"
    waiting = threading.Event()
    with Store(db) as first, Store(db) as second:
        with first.writing():
            worker = threading.Thread(
                target=index_paths, args=(second, [docs]), kwargs={"on_busy": waiting.set}
            )
            worker.start()
            assert waiting.wait(10)
            assert second.article_count() == 0  # still waiting for the lock
        worker.join(10)
        assert not worker.is_alive() and second.article_count() == 3


def test_readers_see_only_committed_articles(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    corpus(docs, 2)
    db = new_base("facts")
    with Store(db) as writer, Store(db) as reader:
        index_paths(writer, [docs])
        with writer.transaction():
            writer.delete_article("s000")
            assert reader.article_count() == 2
            assert ask(reader, "/who Ana Ortiz").entity is not None
        assert reader.article_count() == 1


def test_a_file_moved_to_another_folder_stays_indexed(tmp_path: Path, new_base: NewBase) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "ferry.txt").write_text("Ferry news\n\nThe ferry runs daily.\n", encoding="utf-8")
    with Store(new_base("moved")) as store:
        index_paths(store, [first])
        (first / "ferry.txt").rename(second / "ferry.txt")
        assert index_paths(store, [second]).unchanged == ["ferry"]
        assert index_paths(store, [first]).removed == []  # not taken for gone from first/
        assert [a.id for a in store.articles()] == ["ferry"]


def test_a_file_given_twice_is_read_once(tmp_path: Path, new_base: NewBase) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ferry.txt").write_text("Ferry news\n\nThe ferry runs daily.\n", encoding="utf-8")
    with Store(new_base("twice")) as store:
        report = index_paths(store, [docs / "ferry.txt", docs / "ferry.txt", docs])
        assert (report.added, report.failed) == (["ferry"], [])
