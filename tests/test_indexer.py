"""Incremental, idempotent indexing into a real SQLite file."""

from pathlib import Path

from bot.indexer import index_paths
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


def test_unchanged_files_are_skipped_and_changed_ones_replaced(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "a.txt", "Mayor Ana Ortiz said 1,200 people were displaced by the flood.")
    write(docs, "b.txt", "The Red River Authority closed two bridges on Monday.")
    with Store(tmp_path / "facts.sqlite3") as store:
        first = index_paths(store, [docs])
        assert sorted(first.added) == ["a", "b"] and not first.failed
        second = index_paths(store, [docs])
        assert sorted(second.unchanged) == ["a", "b"] and not second.changed
        write(docs, "a.txt", "Mayor Ana Ortiz said 3,400 people were displaced by the flood.")
        third = index_paths(store, [docs])
        assert third.updated == ["a"] and third.unchanged == ["b"]
        values = [
            r[0] for r in store.conn.execute("SELECT value FROM figures WHERE article_id='a'")
        ]
        assert values == [3400.0]
        fts = store.conn.execute(
            "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'displaced'"
        ).fetchone()[0]
        assert fts == 1


def test_a_failing_file_leaves_the_base_as_it_was(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    path = write(docs, "a.txt", "Mayor Ana Ortiz said 1,200 people were displaced.")
    with Store(tmp_path / "facts.sqlite3") as store:
        index_paths(store, [docs])
        before = snapshot(store)
        path.write_bytes(b"\x00\x01binary now\x00" * 100)
        report = index_paths(store, [docs])
        assert len(report.failed) == 1 and "binary" in report.failed[0].message
        assert snapshot(store) == before


def test_same_entity_in_two_articles_is_one_entity(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "a.txt", "Health Minister Rosa Quintero visited the clinic. Quintero stayed.")
    write(docs, "b.txt", "Quintero said the clinics would reopen.")
    with Store(tmp_path / "facts.sqlite3") as store:
        index_paths(store, [docs])
        rows = store.conn.execute(
            "SELECT e.name, count(DISTINCT ae.article_id) FROM entities e "
            "JOIN article_entities ae ON ae.entity_id = e.id GROUP BY e.id"
        ).fetchall()
        assert ("Rosa Quintero", 2) in [tuple(r) for r in rows]
