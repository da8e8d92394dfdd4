"""Faults of the fact base file itself: each is one ``StoreError`` kind, and none of them
loses or changes what was indexed before."""

import sqlite3
from pathlib import Path

import pytest

import bot.store.base
from bot.indexer import index_paths
from bot.store import SchemaError, Store
from bot.store.base import BusyError, DamagedError, FullError, OpenError


def feed(folder: Path, name: str, count: int, start: int = 0) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    lines = [
        f'{{"id": "{name}-{n}", "text": "Harbour master Petra Lund said {n + 7} boats '
        f'sailed from Orrin on day {n}. The Orrin Gazette counted them again."}}'
        for n in range(start, start + count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def contents(store: Store) -> list[tuple]:
    tables = {
        "articles": "id, content_hash, title, text",
        "sentences": "article_id, idx, text",
        "figures": "article_id, sentence_idx, value, text",
        "article_entities": "article_id, name, type",
    }
    return [
        [tuple(r) for r in store.conn.execute(f"SELECT {cols} FROM {t} ORDER BY 1, 2, 3")]
        for t, cols in tables.items()
    ]


def test_a_full_disk_ends_indexing_with_one_error_and_keeps_the_base(tmp_path: Path) -> None:
    with Store(tmp_path / "facts.sqlite3") as store:
        index_paths(store, [feed(tmp_path / "old", "old.jsonl", 5)])
        before = contents(store)
        # The file may not grow by a single page: the next batch fills "the disk".
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages}")
        with pytest.raises(FullError, match="is full"):
            index_paths(store, [feed(tmp_path / "new", "new.jsonl", 60)])
        assert contents(store) == before
        assert not store.conn.in_transaction


def test_a_full_disk_inside_a_savepoint_is_a_full_error(tmp_path: Path) -> None:
    with Store(tmp_path / "facts.sqlite3") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages}")
        with pytest.raises(FullError), store.transaction():
            store.set_meta("note", "x" * 1_000_000)  # a savepoint inside the transaction
        store.conn.execute(f"PRAGMA max_page_count={pages * 100}")
        store.set_meta("note", "fits now")  # the store is usable again
        assert store.get_meta("note") == "fits now"


def test_a_base_locked_by_another_program_is_a_busy_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.store.base, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "facts.sqlite3"
    Store(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with Store(path) as store, pytest.raises(BusyError, match="locked by another program"):
        store.set_meta("note", "x")
    other.execute("ROLLBACK")
    other.close()


def test_a_file_that_is_no_database_is_a_damaged_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are notes, not tables " * 200)
    with pytest.raises(DamagedError, match="not a factbot database"):
        Store(path)


def test_a_folder_is_not_a_base(tmp_path: Path) -> None:
    with pytest.raises(OpenError, match="is a folder"):
        Store(tmp_path)


@pytest.mark.parametrize("version", [0, 1, 3])
def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path, version: int) -> None:
    """Whatever version number it carries, and not even switched to another journal mode."""
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE articles (title TEXT)")
        other.execute("INSERT INTO articles VALUES ('kept')")
        other.execute(f"PRAGMA user_version={version}")
    before = path.read_bytes()
    with pytest.raises(SchemaError, match="another program"):
        Store(path, upgrade=True)
    assert path.read_bytes() == before
    with sqlite3.connect(path) as other:
        assert other.execute("SELECT title FROM articles").fetchall() == [("kept",)]
