"""The command line as users and scorers drive it: JSON shapes, exit codes, one-line errors."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import MAX_JOBS, main

ARTICLE = (
    "date 2023-04-02\n\nFloods cut off the delta town\n\n"
    "Mayor Ana Ortiz said more than 1,200 people were displaced by the flood. "
    '"We will rebuild every bridge," Ortiz told reporters on Monday.\n'
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "flood.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_extract_json_has_the_documented_shape(capsys, docs: Path) -> None:
    status, out, _ = run(capsys, "extract", "--json", str(docs / "flood.txt"))
    assert status == 0
    record = json.loads(out)
    assert record["id"] == "flood" and record["published"] == "2023-04-02"
    assert record["title"] == "Floods cut off the delta town"
    ortiz = next(e for e in record["entities"] if e["name"] == "Ana Ortiz")
    assert ortiz["type"] == "PERSON" and "Ortiz" in ortiz["aliases"] and ortiz["mentions"] == 2
    (figure,) = record["figures"]
    assert figure["value"] == 1200 and "1,200 people" in figure["text"]
    assert figure["sentence"].startswith("Mayor Ana Ortiz said")
    (quote,) = record["quotes"]
    assert quote == {
        "speaker": "Ana Ortiz",
        "quote": "We will rebuild every bridge,",
        "sentence": '"We will rebuild every bridge," Ortiz told reporters on Monday.',
        "how": "said_after/person",
    }


def test_index_then_ask_json(capsys, docs: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.sqlite3"
    status, out, _ = run(capsys, "index", "--db", str(db), str(docs))
    assert status == 0 and "1 added" in out
    status, out, _ = run(capsys, "index", "--db", str(db), str(docs))
    assert "1 unchanged" in out
    status, out, _ = run(capsys, "ask", "--db", str(db), "--json", "/quote ortiz")
    answer = json.loads(out)
    assert answer["command"] == "quote" and answer["entity"]["name"] == "Ana Ortiz"
    (result,) = answer["results"]
    assert result["article"] == "flood" and result["speaker"] == "Ana Ortiz"
    assert result["quote"] == "We will rebuild every bridge,"
    status, out, _ = run(capsys, "ask", "--db", str(db), "/figures displacement")
    assert status == 0 and "1,200 people" in out and "Floods cut off the delta town" in out


def test_first_question_indexes_the_knowledge_folder(capsys, docs: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_dir: {docs}\ndb_path: base.sqlite3\n")
    status, out, err = run(capsys, "--config", str(config), "ask", "/who Ortiz")
    assert status == 0 and "Ana Ortiz" in out and "first use" in err
    assert (tmp_path / "base.sqlite3").exists()
    status, out, _ = run(capsys, "--config", str(config), "articles")
    assert "Floods cut off the delta town" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "--json", "missing.txt"], "no such file"),
        (["ask", "--db", "missing.sqlite3", "/who x"], "no fact base"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(capsys, tmp_path, monkeypatch, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, *argv)
    assert status != 0 and message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_indexed(
    capsys, docs: Path, tmp_path: Path
) -> None:
    (docs / "broken.jsonl").write_text('{"id": "x", "text": "Rain."}\n{oops\n')
    (docs / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)
    status, out, err = run(capsys, "index", "--db", str(tmp_path / "f.sqlite3"), str(docs))
    assert status == 0 and "2 added" in out and "2 failed" in out
    assert "broken.jsonl:2" in err and "binary" in err


def test_not_a_database_is_a_clear_error(capsys, tmp_path: Path) -> None:
    fake = tmp_path / "notes.sqlite3"
    fake.write_text("these are not tables " * 100)
    status, _, err = run(capsys, "ask", "--db", str(fake), "/who x")
    assert status == 8 and "not a factbot database" in err


def test_unknown_command_and_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "frobnicate"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_without_a_token_says_how_to_get_one(capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "run")
    assert status == 3 and "DISCORD_TOKEN" in err and "Developer Portal" in err


def test_forget_and_relink(capsys, docs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "facts.sqlite3")
    (docs / "ferry.txt").write_text("The Blue Lake Council opened a ferry.", encoding="utf-8")
    run(capsys, "index", "--db", db, "--jobs", "2", str(docs))
    status, out, _ = run(capsys, "relink", "--db", db)
    assert status == 0 and out.startswith("relinked")
    status, out, err = run(capsys, "forget", "--db", db, "flood", "nothing-here")
    assert status == 0 and "removed 1 article" in out and "nothing-here" in err
    status, out, _ = run(capsys, "ask", "--db", db, "--json", "/who Ortiz")
    assert json.loads(out)["entity"] is None


def test_indexing_off_a_terminal_prints_no_progress_bar(capsys, docs: Path, tmp_path) -> None:
    status, out, err = run(capsys, "index", "--db", str(tmp_path / "f.sqlite3"), str(docs))
    assert status == 0 and out == "indexed: 1 added, 0 updated, 0 unchanged, 0 failed\n"
    assert err == ""


def test_a_base_of_an_older_schema_is_rebuilt_by_index(capsys, docs: Path, tmp_path) -> None:
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as conn:
        conn.execute(
            "CREATE TABLE articles (id TEXT PRIMARY KEY, content_hash TEXT, title TEXT,"
            " ingested_at TEXT, text TEXT)"
        )
        conn.execute("PRAGMA user_version=1")
    status, _, err = run(capsys, "ask", "--db", str(old), "/who Ortiz")
    assert status == 9 and "older factbot" in err and "factbot index" in err
    status, out, _ = run(capsys, "index", "--db", str(old), str(docs))
    assert status == 0 and "1 added" in out


@pytest.mark.parametrize("jobs", ["0", "many", str(MAX_JOBS + 1), "٣"])
def test_jobs_must_be_a_positive_number(capsys, docs: Path, tmp_path, jobs: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["index", "--db", str(tmp_path / "f.sqlite3"), "--jobs", jobs, str(docs)])
    assert stopped.value.code == 2 and "number of processes" in capsys.readouterr().err


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith("factbot 0.")


def test_articles_lists_the_newest_fifty_then_more_on_request(capsys, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": f"ferry-{n:02d}", "title": f"Ferry report {n}", "published": f"2024-01-{n:02d}"}
        | {"text": f"The ferry crossed Lake Orrin {n} times this week."}
        for n in range(1, 29)
    ] + [{"id": f"undated-{n:02d}", "text": "The harbour stayed open."} for n in range(30)]
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db = str(tmp_path / "facts.sqlite3")
    run(capsys, "index", "--db", db, "--jobs", "1", str(feed))
    status, out, _ = run(capsys, "articles", "--db", db)
    lines = out.splitlines()
    assert status == 0 and lines[0] == "58 articles indexed, newest first"
    assert lines[1].startswith("ferry-28  2024-01-28  Ferry report 28")
    assert len(lines) == 1 + 50 + 1 and "8 older" in lines[-1]
    _, out, _ = run(capsys, "articles", "--db", db, "--limit", "3")
    assert [line.split()[0] for line in out.splitlines()[1:4]] == [
        "ferry-28",
        "ferry-27",
        "ferry-26",
    ]
    _, out, _ = run(capsys, "articles", "--db", db, "--all")
    assert len(out.splitlines()) == 1 + 58


def test_a_question_on_an_empty_base_says_how_to_fill_it(capsys, tmp_path: Path) -> None:
    db = tmp_path / "facts.sqlite3"
    run(capsys, "index", "--db", str(db), str(tmp_path))  # a folder with no article files
    for argv in (["ask", "--db", str(db), "/who Petra Lund"], ["articles", "--db", str(db)]):
        status, out, err = run(capsys, *argv)
        assert status == 4 and out == ""
        assert "is empty" in err and f"factbot index --db {db}" in err
        assert len(err.splitlines()) == 1
    status, out, _ = run(capsys, "ask", "--db", str(db), "/help")
    assert status == 0 and "/who" in out  # the commands need no articles


def test_extract_of_only_unusable_files_fails(capsys, tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "feed.jsonl").write_text("{oops\n", encoding="utf-8")
    status, out, err = run(
        capsys, "extract", "--json", str(tmp_path / "blob.txt"), str(tmp_path / "feed.jsonl")
    )
    assert status == 1 and out == ""
    assert len(err.splitlines()) == 2 and "blob.txt" in err and "feed.jsonl:1" in err
