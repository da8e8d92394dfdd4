"""Reading article files: formats, encodings and every kind of bad input."""

import gzip
import json
from pathlib import Path

from bot.ingest import Failure, Loaded, discover, load_file


def load(path: Path) -> list[Loaded | Failure]:
    return list(load_file(path))


def test_txt_article_id_is_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "quake-report.txt"
    path.write_text("Quake shakes the coast\n\nThe quake struck at dawn.", encoding="utf-8")
    (item,) = load(path)
    assert isinstance(item, Loaded)
    assert item.article.id == "quake-report"
    assert item.article.title == "Quake shakes the coast"


def test_markdown_syntax_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Port reopens\n\nThe **port** reopened, [says](http://x.test) the mayor.")
    (item,) = load(path)
    assert isinstance(item, Loaded)
    assert item.article.title == "Port reopens"
    assert "The port reopened, says the mayor." in item.article.text


def test_jsonl_keeps_metadata_and_reports_bad_lines_by_number(tmp_path: Path) -> None:
    good = {
        "id": "a1",
        "title": "Dam opens",
        "source": "River News",
        "published": "2022-05-01",
        "url": "https://example.test/a1",
        "text": "The dam opened on Tuesday.",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "a3", "text": ""}),
        json.dumps({"id": "a4", "text": 5}),
        json.dumps(good | {"id": "a5"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = load(path)
    loaded = [i for i in items if isinstance(i, Loaded)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [i.article.id for i in loaded] == ["a1", "a5"]
    assert loaded[0].article.source == "River News"
    assert loaded[0].article.published == "2022-05-01"
    assert [f.line for f in failures] == [2, 3, 4]
    assert "empty article" in failures[1].message


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "g1", "text": "Rain fell all day."}) + "\n")
    (item,) = load(path)
    assert isinstance(item, Loaded) and item.article.id == "g1"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (item,) = load(path)
    assert isinstance(item, Failure) and "binary" in item.message


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Words go on. " * 500_000)
    (item,) = load(path)
    assert isinstance(item, Failure) and "5 MB" in item.message


def test_undecodable_bytes_fall_back_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The caf\u00e9 reopened \u2013 finally.".encode("cp1252"))
    (item,) = load(path)
    assert isinstance(item, Loaded)
    assert "café" in item.article.text
    assert any("Windows-1252" in w for w in item.article.warnings)


def test_empty_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\nContact Us\n\n53 + = 54\n")
    (item,) = load(path)
    assert isinstance(item, Failure) and "empty article" in item.message


def test_unsupported_type_and_missing_path_are_reported(tmp_path: Path) -> None:
    (item,) = load(tmp_path / "data.csv")
    assert isinstance(item, Failure) and "unsupported" in item.message
    files, failures = discover([tmp_path / "nowhere"])
    assert files == [] and "no such file" in failures[0].message


def test_impossible_dates_and_non_text_fields_are_dropped(tmp_path: Path) -> None:
    record = {
        "id": "d1",
        "title": ["not", "text"],
        "published": "2020-13-45",
        "text": "The dam opened on Tuesday.",
    }
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    (item,) = load(path)
    assert isinstance(item, Loaded)
    assert item.article.published is None
    assert item.article.title == "The dam opened on Tuesday."
