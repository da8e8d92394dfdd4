"""What only a PostgreSQL base does: several processes writing at once, taking turns under
its advisory lock, and a server that cannot be reached or is given with a password."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bases import Server

import bot.store.base
from bot.cli import main
from bot.store import Store
from bot.store.base import BusyError, SchemaError

pytest.importorskip("psycopg")

TOWNS = ["Marrowick", "Lowater", "Ebbridge", "Calder Vale"]
PEOPLE = ["Ana Ortiz", "Tomas Vindr", "Ines Calloway", "Petra Lund"]


def feed(folder: Path, prefix: str, count: int) -> Path:
    """``count`` invented articles in one JSONL file, ids starting with ``prefix``."""
    folder.mkdir(parents=True)
    lines = []
    for n in range(count):
        who, town = PEOPLE[n % 4], TOWNS[n % 3]
        text = (
            f"Mayor {who} said {100 + n} people were displaced in {town} on Monday. "
            f'"We will rebuild {town}," {who.split()[-1]} told the {town} Courier.'
        )
        record = {"id": f"{prefix}{n:03d}", "title": f"Floods {n}", "text": text}
        lines.append(json.dumps(record))
    path = folder / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def content(store: Store) -> list[tuple]:
    """What a base says of each article, without the row ids the order of writes gives."""
    return [
        (
            article.id,
            sorted((r["name"], r["type"], r["local"]) for r in store.read.entities_of_article(a)),
            [(r["value"], r["text"]) for r in store.read.figures_of_article(a)],
            [(r["quote"], r["entity_name"]) for r in store.read.quotes_of_article(a)],
        )
        for article in store.articles()
        for a in [article.id]
    ]


def index(base: str, *folders: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bot", "index", "--db", base, "--jobs", "1"]
    return subprocess.Popen([*command, *map(str, folders)], stderr=subprocess.PIPE)


def test_two_index_processes_give_the_base_one_process_gives(
    tmp_path: Path, postgres: Server
) -> None:
    east, west = feed(tmp_path / "east", "e", 30).parent, feed(tmp_path / "west", "w", 30).parent
    together, apart = postgres.new_database(), postgres.new_database()
    one = index(postgres.address(together).url, east, west)
    assert one.wait(120) == 0, one.stderr.read() if one.stderr else ""
    runs = [index(postgres.address(apart).url, folder) for folder in (east, west)]
    for run in runs:
        assert run.wait(120) == 0, run.stderr.read() if run.stderr else ""
    with Store(postgres.address(together)) as first, Store(postgres.address(apart)) as second:
        assert first.article_count() == 60
        assert content(second) == content(first)


def test_identity_settling_waits_for_another_process_writing(
    postgres: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.store.base, "BUSY_TIMEOUT_MS", 300)
    address = postgres.address(postgres.new_database())
    with (
        Store(address) as writer,
        Store(address) as other,
        writer.transaction(),
        pytest.raises(BusyError, match="locked by another program"),
    ):
        other.settle()
    monkeypatch.setattr(bot.store.base, "BUSY_TIMEOUT_MS", 10_000)
    finished = threading.Event()
    with Store(address) as writer, Store(address) as other:
        with writer.transaction():
            waiting = threading.Thread(target=lambda: (other.settle(), finished.set()))
            waiting.start()
            assert not finished.wait(0.1)
        waiting.join(5)
        assert finished.is_set()


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    address = f"postgresql://reader:s3cret-word@/facts?host={tmp_path}"
    status = main(["ask", "--db", address, "/who Ortiz"])
    err = capsys.readouterr().err
    assert status == 10
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "s3cret-word" not in err and "reader:***@" in err


def test_a_database_of_another_program_is_refused(postgres: Server) -> None:
    database = postgres.new_database()
    postgres.sql("DROP TABLE meta CASCADE", "CREATE TABLE notes (line text)", database=database)
    with pytest.raises(SchemaError, match="another program"):
        Store(postgres.address(database))


def test_copy_moves_a_base_to_postgresql_and_back(
    tmp_path: Path, postgres: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = feed(tmp_path / "docs", "c", 6).parent
    first = tmp_path / "first.sqlite3"
    assert main(["index", "--db", str(first), "--jobs", "1", str(docs)]) == 0
    server = postgres.address(postgres.new_database()).url
    back = tmp_path / "back.sqlite3"
    assert main(["copy", "--from", str(first), "--to", server]) == 0
    assert main(["copy", "--from", server, "--to", str(back)]) == 0
    assert main(["copy", "--from", str(first), "--to", server]) == 1  # not into a full base
    capsys.readouterr()
    answers = []
    for base in (first, server, back):
        assert main(["ask", "--db", str(base), "--json", "/quote Ortiz rebuild"]) == 0
        answers.append(json.loads(capsys.readouterr().out))
    assert answers[0]["results"] and answers[1] == answers[0] == answers[2]
    with Store(first) as original, Store(back) as copied:
        assert content(copied) == content(original)
