"""Reading article files: formats, encodings and every kind of bad input."""

import gzip
import json
from pathlib import Path

import pytest

from bot.ingest import Failure, Loaded, discover, load_file, read_file


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


# -- hostile input: every bad line or file costs only itself ---------------------------------


def test_lines_json_cannot_hold_cost_only_their_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a1", "text": "The dam opened on Tuesday."})
    lines = [
        good,
        "[" * 50_000 + "]" * 50_000,  # nested beyond the recursion limit
        '{"id": "n1", "text": "The dam opened.", "count": ' + "7" * 5_000 + "}",
        '{"id": "bad\\ud800id", "text": "The dam opened."}',
        json.dumps({"id": "a5", "text": "The dam closed on Friday."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = load(path)
    assert [i.article.id for i in items if isinstance(i, Loaded)] == ["a1", "a5"]
    failures = {f.line: f.message for f in items if isinstance(f, Failure)}
    assert list(failures) == [2, 3, 4]
    assert "nested too deeply" in failures[2]
    assert "number too long" in failures[3]
    assert "lone surrogate" in failures[4]


def test_a_lone_surrogate_in_text_or_title_is_replaced_and_noted(tmp_path: Path) -> None:
    line = '{"id": "s1", "title": "Dam \\udc00opens", "text": "The dam \\ud800opened on Tuesday."}'
    path = tmp_path / "feed.jsonl"
    path.write_text(line, encoding="utf-8")
    (item,) = load(path)
    assert isinstance(item, Loaded)
    article = item.article
    assert article.title == "Dam \ufffdopens" and "The dam \ufffdopened" in article.text
    article.text.encode("utf-8")  # writable: no surrogate is left
    assert any("lone surrogate" in w for w in article.warnings)


def test_text_with_a_byte_order_mark_is_read_in_its_encoding(tmp_path: Path) -> None:
    text = "Dam opens in Velmora\n\nThe dam at Velmora opened on Tuesday, the engineers said."
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-8"):
        path = tmp_path / f"{encoding}.txt"
        bom = "\ufeff".encode(encoding)
        path.write_bytes(bom + text.encode(encoding))
        (item,) = load(path)
        assert isinstance(item, Loaded), (encoding, item)
        assert item.article.title == "Dam opens in Velmora"
        assert item.article.text.endswith("the engineers said.")


def test_jsonl_with_a_byte_order_mark_is_read_line_by_line(tmp_path: Path) -> None:
    records = [{"id": "w1", "text": "The dam opened."}, {"id": "w2", "text": "The rain fell."}]
    body = "\n".join(json.dumps(r) for r in records) + "\n"
    for encoding in ("utf-16", "utf-8-sig"):
        path = tmp_path / f"{encoding}.jsonl"
        path.write_bytes(body.encode(encoding))
        assert [i.article.id for i in load(path) if isinstance(i, Loaded)] == ["w1", "w2"]


def test_a_nul_byte_far_into_a_file_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "padded.txt"
    path.write_bytes(b"The dam opened on Tuesday. " * 1_000 + b"\x00\x00\x00")
    (item,) = load(path)
    assert isinstance(item, Failure) and "binary" in item.message


def test_a_file_name_with_control_characters_is_refused_and_shown_escaped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dam\x1b[2J.txt"
    path.write_text("The dam opened on Tuesday.", encoding="utf-8")
    (item,) = load(path)
    assert isinstance(item, Failure) and "control characters" in item.message
    assert "\x1b" not in str(item) and "\\x1b[2J" in str(item)


def test_an_endless_line_is_refused_and_the_next_one_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("wb") as stream:
        stream.write(b'{"id": "big", "text": "' + b"a" * (6 * 1024 * 1024) + b'"}\n')
        stream.write(json.dumps({"id": "a2", "text": "The dam opened."}).encode() + b"\n")
    items = load(path)
    assert isinstance(items[0], Failure) and "5 MB" in items[0].message and items[0].line == 1
    assert isinstance(items[1], Loaded) and items[1].article.id == "a2"


def test_a_damaged_gzip_file_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    data = bytearray(gzip.compress(b'{"id": "g1", "text": "Rain fell."}\n' * 50))
    data[10] ^= 0xFF  # the first byte of the compressed data
    path.write_bytes(bytes(data))
    (item,) = load(path)
    assert isinstance(item, Failure) and "cannot read" in item.message


def test_bytes_after_the_gzip_data_cost_only_themselves(tmp_path: Path) -> None:
    """Two members then something else (an error page a download appended): both
    members' articles are read, and one line says what was left."""
    path = tmp_path / "feed.jsonl.gz"
    first = gzip.compress(b'{"id": "g1", "text": "Rain fell."}\n')
    second = gzip.compress(b'{"id": "g2", "text": "Snow fell."}\n')
    path.write_bytes(first + second + b"<html>gateway timeout</html>")
    *articles, failure = load(path)
    assert [a.article.id for a in articles if isinstance(a, Loaded)] == ["g1", "g2"]
    assert isinstance(failure, Failure) and "ends in 28 bytes that are not gzip" in failure.message


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"plain text, not packed", "not a gzipped file"), (b"", "holds no articles")],
)
def test_a_gzip_file_that_is_none_or_empty_says_so(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(content)
    (item,) = load(path)
    assert isinstance(item, Failure) and why in item.message


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ([1, 2], "must be text or a whole number"),
        (True, "must be text or a whole number"),
        (1.5, "must be text or a whole number"),
        ("left\u202eright", "invisible"),
        ("line\u2028break", "invisible"),
        ("notes/../etc", '".."'),
        ('"quoted"', "a mark a question drops"),
        ("x" * 201, "over 200 characters"),
    ],
)
def test_an_id_that_cannot_be_asked_for_is_refused(tmp_path: Path, given: object, why: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": given, "text": "Petra Lund spoke."}) + "\n", "utf-8")
    (failure,) = list(read_file(path))
    assert isinstance(failure, Failure) and why in failure.message


def test_ids_that_are_numbers_or_missing_are_named_plainly(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [{"id": 42, "text": "Petra Lund spoke."}, {"id": None, "text": "Ada Quill spoke."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", "utf-8")
    assert [raw.id for raw in read_file(path)] == ["42", "feed-2"]  # type: ignore[union-attr]


def test_jsonl_lines_ended_by_carriage_returns_alone_are_lines(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    lines = [json.dumps({"id": f"m{n}", "text": f"Petra Lund spoke {n} times."}) for n in range(3)]
    path.write_bytes("\r".join(lines).encode("utf-8") + b"\r")
    assert [raw.id for raw in read_file(path)] == ["m0", "m1", "m2"]  # type: ignore[union-attr]


def test_a_gzip_file_that_unpacks_to_far_more_than_news_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    article = json.dumps({"id": "b1", "text": "Rain fell on Lowater."}).encode()
    path.write_bytes(gzip.compress(article + b"\n" + b"\n" * (8 * 1024 * 1024), 9))
    items = load(path)
    assert isinstance(items[0], Loaded) and items[0].article.id == "b1"  # kept
    assert isinstance(items[-1], Failure) and "decompression bomb" in items[-1].message


def test_gzipped_news_text_is_far_within_the_unpacking_budget(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    lines = [json.dumps({"id": f"g{n}", "text": f"Rain fell for {n} hours."}) for n in range(9000)]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), 9))
    assert len(load(path)) == 9000


@pytest.mark.parametrize("markup", ["**a " * 30_000, "![" * 60_000, "[a](" * 30_000])
def test_markdown_openers_that_never_close_are_text(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "odd.md"
    path.write_text("Rain fell on Lowater.\n\n" + markup, encoding="utf-8")
    items = load(path)
    assert isinstance(items[0], Loaded) and "Rain fell" in items[0].article.text
