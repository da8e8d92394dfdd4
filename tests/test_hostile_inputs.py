"""Bad inputs and faults, fed to the command line as a hostile user (or a bad day) would.

Each case checks three things: the problem is reported on one line (no traceback), the exit
status says what kind of problem it was, and nothing indexed before is lost or changed.
Faults of the file system (a full disk, a read-only file or folder) are made for real in a
private mount namespace (``unshare``), so they hold even for a test run as root.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import bot.store.base
from bot.cli import main

ARTICLE = (
    "date 2024-05-06\n\nFerry returns to Lake Orrin\n\n"
    "Harbour master Petra Lund said 240 passengers crossed on the first day. "
    '"The lake is calm again," Lund told the Orrin Gazette.\n'
)
EXIT_NO_BASE, EXIT_BUSY, EXIT_READ_ONLY, EXIT_FULL, EXIT_DAMAGED, EXIT_OPEN = 4, 5, 6, 7, 8, 10
EXIT_SCHEMA = 9


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def one_line(err: str) -> str:
    """The single line a problem was reported on."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def story(article_id: str, n: int) -> str:
    text = f"Harbour master Petra Lund said {n + 10} boats left Orrin on day {n}."
    return json.dumps({"id": article_id, "title": f"Boats leave Orrin, day {n}", "text": text})


def contents(db: Path) -> list[list[tuple]]:
    """Every article of the base with its sentences and facts, read without factbot."""
    tables = {
        "articles": "id, content_hash, title, source, published, url, text",
        "sentences": "article_id, idx, start, text",
        "figures": "article_id, sentence_idx, value, text, what",
        "quotes": "article_id, sentence_idx, speaker, quote",
        "article_entities": "article_id, name, type, mentions",
    }
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
        return [
            [tuple(r) for r in conn.execute(f"SELECT {cols} FROM {t} ORDER BY 1, 2, 3, 4")]
            for t, cols in tables.items()
        ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A fact base holding one article, indexed from its own folder."""
    docs = tmp_path / "before"
    docs.mkdir()
    (docs / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "base.sqlite3"
    status, out, _ = run(capsys, "index", "--db", str(db), str(docs))
    assert status == 0 and "1 added" in out
    return db


@pytest.fixture
def before(base: Path) -> list[list[tuple]]:
    return contents(base)


def kept(base: Path, before: list[list[tuple]]) -> bool:
    """Whether the articles indexed before are all there, unchanged."""
    now = contents(base)
    return all(set(rows) <= set(rows_now) for rows, rows_now in zip(before, now, strict=True))


# -- one JSONL line ---------------------------------------------------------------------------

BAD_LINES = {
    "nested": "[" * 100_000 + "]" * 100_000,
    "huge number": '{"id": "big", "text": "Boats left.", "count": ' + "9" * 5_000 + "}",
    "lone surrogate id": '{"id": "day\\ud800", "text": "Boats left Orrin."}',
}


def hostile_feed(folder: Path, bad: str) -> Path:
    """Five good lines, the bad line, three good lines, in a folder with another file."""
    folder.mkdir()
    lines = [story(f"day-{n}", n) for n in range(5)]
    lines += [bad, *(story(f"day-{n}", n) for n in range(5, 8))]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "zz-other.txt").write_text("The Orrin ferry sold 90 tickets.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("kind", BAD_LINES)
def test_a_bad_jsonl_line_costs_only_itself_in_index(
    capsys, tmp_path: Path, base: Path, before: list, kind: str
) -> None:
    folder = hostile_feed(tmp_path / "feeds", BAD_LINES[kind])
    status, out, err = run(capsys, "index", "--db", str(base), str(folder))
    assert status == 0 and "9 added" in out and "1 failed" in out
    assert "feed.jsonl:6: " in one_line(err)
    assert kept(base, before)


@pytest.mark.parametrize("kind", BAD_LINES)
def test_a_bad_jsonl_line_costs_only_itself_in_extract(capsys, tmp_path: Path, kind: str) -> None:
    folder = hostile_feed(tmp_path / "feeds", BAD_LINES[kind])
    status, out, err = run(
        capsys, "extract", "--json", str(folder / "feed.jsonl"), str(folder / "zz-other.txt")
    )
    assert status == 0 and "feed.jsonl:6: " in one_line(err)
    assert len([json.loads(line) for line in out.splitlines()]) == 9


def test_a_lone_surrogate_reaches_neither_the_base_nor_the_terminal(
    capsys, tmp_path: Path, base: Path, before: list
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "odd", "title": "Boats \\udc00leave", "text": "The ferry \\ud800left Orrin."}\n',
        encoding="utf-8",
    )
    status, out, err = run(capsys, "index", "--db", str(base), str(feed))
    assert status == 0 and "1 added" in out and "lone surrogate" in one_line(err)
    status, out, _ = run(capsys, "ask", "--db", str(base), "/article odd")
    assert status == 0 and "Boats \ufffdleave" in out
    # An argument that is not UTF-8 arrives as lone surrogates too.
    status, out, err = run(capsys, "ask", "--db", str(base), "/who Zebulon \udcff\udcfe")
    assert status == 0 and "Zebulon \ufffd\ufffd" in out and err == ""
    assert kept(base, before)


# -- files --------------------------------------------------------------------------------------


def test_a_utf16_file_is_read_and_a_file_with_nul_bytes_refused(
    capsys, tmp_path: Path, base: Path, before: list
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "wide.txt").write_bytes(ARTICLE.replace("Lake Orrin", "Lake Vell").encode("utf-16"))
    (docs / "padded.txt").write_bytes(b"The ferry sailed. " * 500 + b"\x00" * 64)
    status, out, err = run(capsys, "index", "--db", str(base), str(docs))
    assert status == 0 and "1 added" in out and "1 failed" in out
    assert "padded.txt" in one_line(err) and "binary" in err
    status, out, _ = run(capsys, "ask", "--db", str(base), "/article wide")
    assert "Ferry returns to Lake Vell" in out
    assert kept(base, before)


def test_extract_of_only_unusable_files_exits_non_zero(capsys, tmp_path: Path) -> None:
    (tmp_path / "padded.txt").write_bytes(b"The ferry sailed. " * 500 + b"\x00" * 64)
    status, out, err = run(capsys, "extract", "--json", str(tmp_path / "padded.txt"))
    assert status == 1 and out == "" and "binary" in one_line(err)


@pytest.mark.parametrize("command", ["extract", "index"])
@pytest.mark.parametrize(
    ("name", "content"),
    [("blank.jsonl", b""), ("blank.jsonl", b"\n  \n\t\n"), ("blank.jsonl.gz", gzip.compress(b""))],
)
def test_a_file_with_no_articles_is_said_to_hold_none(
    capsys, tmp_path: Path, command: str, name: str, content: bytes
) -> None:
    (tmp_path / name).write_bytes(content)
    where = ["--json"] if command == "extract" else ["--db", str(tmp_path / "base.sqlite3")]
    status, out, err = run(capsys, command, *where, str(tmp_path / name))
    assert status == 1 and f"{name}: holds no articles" in one_line(err)
    assert out == "" if command == "extract" else "0 added" in out


def test_escape_sequences_never_reach_the_terminal(
    capsys, tmp_path: Path, base: Path, before: list
) -> None:
    path = tmp_path / "noisy.txt"
    path.write_text(
        "Ferry \x1b]0;owned\x07returns\n\nThe ferry\x1b[2J\x1b[H returned to Orrin\x07 today. "
        + "Harbour master Petra Lund counted the passengers on the quay. " * 5,
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "extract", "--json", str(path))
    assert status == 0 and "\x1b" not in out and "\\u001b" not in out and "\x07" not in out
    run(capsys, "index", "--db", str(base), str(path))
    status, out, _ = run(capsys, "ask", "--db", str(base), "/article noisy")
    assert status == 0 and "Ferry returns" in out and "\x1b" not in out
    named = tmp_path / "evil\x1b[2J.txt"
    named.write_text("The ferry sailed.", encoding="utf-8")
    status, out, err = run(capsys, "index", "--db", str(base), str(named))
    assert "\x1b" not in err and "\\x1b[2J" in one_line(err)
    assert kept(base, before)


# -- faults of the base -------------------------------------------------------------------------


@pytest.fixture
def more(tmp_path: Path) -> Path:
    """New articles to index into the base."""
    folder = tmp_path / "more"
    folder.mkdir()
    lines = [story(f"more-{n}", n) for n in range(60)]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_a_base_locked_by_another_program(
    capsys, monkeypatch: pytest.MonkeyPatch, base: Path, before: list, more: Path
) -> None:
    monkeypatch.setattr(bot.store.base, "BUSY_TIMEOUT_MS", 100)  # rather than 30 s
    other = sqlite3.connect(base, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a writer that never finishes
    status, _, err = run(capsys, "index", "--db", str(base), "--jobs", "1", str(more))
    assert status == EXIT_BUSY and "locked by another program" in one_line(err)
    other.execute("ROLLBACK")
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # holds readers off too
    status, _, err = run(capsys, "ask", "--db", str(base), "/who Petra Lund")
    assert status == EXIT_BUSY and "locked by another program" in one_line(err)
    other.close()
    assert contents(base) == before


def test_a_damaged_base(capsys, base: Path, more: Path) -> None:
    data = bytearray(base.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page after the first, overwritten
    base.write_bytes(bytes(data))
    damaged = digest(base)
    for argv in (["ask", "--db", str(base), "/figures boats"], ["index", "--db", str(base)]):
        status, _, err = run(capsys, *argv, *([str(more)] if argv[0] == "index" else []))
        assert status == EXIT_DAMAGED and "damaged" in one_line(err)
        assert "factbot index" in err  # how to rebuild it
    assert digest(base) == damaged


@pytest.mark.parametrize(
    "argv",
    [["index", "{new}"], ["forget", "more-3"], ["relink"]],
    ids=["index", "forget", "relink"],
)
def test_a_base_with_one_damaged_page_is_never_written(
    capsys, tmp_path: Path, base: Path, more: Path, argv: list[str]
) -> None:
    run(capsys, "index", "--db", str(base), str(more))
    assert not Path(f"{base}-wal").exists()  # all in the file, nothing left in a journal
    with sqlite3.connect(base) as conn:
        leaves = [
            row[0]
            for row in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf'"
                " ORDER BY pageno"
            )
        ]
    # A page of texts in the middle, that none of the writes below needs to read.
    start = (leaves[len(leaves) // 2] - 1) * 4096
    data = bytearray(base.read_bytes())
    data[start : start + 4096] = random.Random(7).randbytes(4096)
    base.write_bytes(bytes(data))
    damaged = digest(base)
    new = tmp_path / "new.txt"
    new.write_text(ARTICLE.replace("Orrin", "Vesk"), encoding="utf-8")
    command, *rest = (a.format(new=new) for a in argv)
    status, _, err = run(capsys, command, "--db", str(base), *rest)
    assert status == EXIT_DAMAGED and "damaged" in one_line(err)
    assert digest(base) == damaged


@pytest.mark.parametrize("table", ["sentences_fts", "quotes_fts"])
def test_a_base_whose_full_text_index_is_damaged_is_never_written(
    capsys, tmp_path: Path, base: Path, more: Path, table: str
) -> None:
    """The pages are whole (the quick check passes) but the index's own blocks are not."""
    with sqlite3.connect(base) as conn:
        conn.execute(f"UPDATE {table}_data SET block = zeroblob(length(block)) WHERE id > 10")
    damaged = digest(base)
    new = tmp_path / "new.txt"
    new.write_text(ARTICLE.replace("Orrin", "Vesk"), encoding="utf-8")
    for argv in (["index", "--db", str(base), str(new)], ["relink", "--db", str(base)]):
        status, _, err = run(capsys, *argv)
        assert status == EXIT_DAMAGED and "damaged" in one_line(err)
    assert digest(base) == damaged


def test_a_folder_given_as_the_base(capsys, tmp_path: Path, more: Path) -> None:
    for argv in (
        ["ask", "--db", str(tmp_path), "/who Petra Lund"],
        ["index", "--db", str(tmp_path)],
    ):
        status, _, err = run(capsys, *argv, *([str(more)] if argv[0] == "index" else []))
        assert status == EXIT_OPEN and "is a folder" in one_line(err)


def test_a_dangling_link_in_place_of_the_wal_is_in_the_way(capsys, base: Path, more: Path) -> None:
    Path(f"{base}-wal").symlink_to(base.parent / "nowhere" / "wal")
    status, _, err = run(capsys, "index", "--db", str(base), str(more))
    assert status == EXIT_OPEN and "-wal is in the way" in one_line(err)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", ".lock"])
def test_a_folder_named_like_a_file_the_base_keeps_beside_it(
    capsys, base: Path, before: list, more: Path, suffix: str
) -> None:
    Path(f"{base}{suffix}").unlink(missing_ok=True)  # the lock an indexing run leaves
    Path(f"{base}{suffix}").mkdir()
    for argv in (["ask", "--db", str(base), "/who Petra Lund"], ["index", "--db", str(base)]):
        status, _, err = run(capsys, *argv, *([str(more)] if argv[0] == "index" else []))
        assert status == EXIT_OPEN and f"{suffix} is in the way" in one_line(err)
    Path(f"{base}{suffix}").rmdir()
    assert contents(base) == before


def test_a_base_with_a_negative_schema_version_is_refused_and_left_alone(
    capsys, base: Path, more: Path
) -> None:
    with sqlite3.connect(base) as conn:
        conn.execute("PRAGMA user_version = -3")
    before = digest(base)
    status, _, err = run(capsys, "index", "--db", str(base), str(more))
    assert status == EXIT_SCHEMA and "not a fact base" in one_line(err)
    assert digest(base) == before


@pytest.mark.parametrize("table", ["quotes", "sentences_fts", "meta"])
def test_a_base_missing_one_of_its_tables_is_damaged(
    capsys, base: Path, more: Path, table: str
) -> None:
    with sqlite3.connect(base) as conn:
        conn.execute(f"DROP TABLE {table}")
    before = digest(base)
    for argv in (["index", "--db", str(base), str(more)], ["relink", "--db", str(base)]):
        status, _, err = run(capsys, *argv)
        assert status == EXIT_DAMAGED and f"table {table} is missing" in one_line(err)
    assert digest(base) == before


def test_an_article_the_base_refuses_costs_one_line(base: Path, more: Path) -> None:
    with sqlite3.connect(base) as conn:  # another program's trigger, refusing one article
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id = 'more-7'"
            " BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END"
        )
    result = subprocess.run(  # its own process: what the log prints is seen too
        [sys.executable, "-m", "bot", "index", "--db", str(base), "--jobs", "1", str(more)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "59 added" in result.stdout
    assert "more.jsonl:8: not indexed: refused by a trigger" in one_line(result.stderr)


def test_a_device_given_as_the_base(capsys, tmp_path: Path) -> None:
    (tmp_path / "base.sqlite3").symlink_to("/dev/null")
    status, _, err = run(capsys, "ask", "--db", str(tmp_path / "base.sqlite3"), "/who Lund")
    assert status == EXIT_OPEN and "cannot" in one_line(err)


def test_a_file_that_is_no_database(capsys, tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("notes, not tables " * 300, encoding="utf-8")
    status, _, err = run(capsys, "ask", "--db", str(notes), "/who Petra Lund")
    assert status == EXIT_DAMAGED and "not a factbot database" in one_line(err)
    assert notes.read_text(encoding="utf-8") == "notes, not tables " * 300


@pytest.mark.parametrize("command", ["index", "ask", "forget", "relink"])
def test_another_programs_database_is_never_modified(capsys, tmp_path: Path, command: str) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER, title TEXT)")
        conn.execute("CREATE TABLE users (name TEXT)")
        conn.execute("PRAGMA user_version=1")
    before = other.read_bytes()
    (tmp_path / "a.txt").write_text("A short note about Petra Lund in Lowater.", encoding="utf-8")
    extra = {"index": [str(tmp_path / "a.txt")], "ask": ["/who Petra Lund"], "forget": ["a"]}
    status, _, err = run(capsys, command, "--db", str(other), *extra.get(command, []))
    assert status == EXIT_SCHEMA and "another program" in one_line(err)
    assert other.read_bytes() == before and not Path(f"{other}-wal").exists()


# -- faults of the file system, in a private mount namespace ----------------------------------


def in_namespace(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell script as root of a new user and mount namespace: mounts it makes (a
    small tmpfs, a read-only bind mount) are seen by it alone and vanish with it."""
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def namespaces(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Skip unless this machine lets a process make its own mount namespace."""
    folder = tmp_path_factory.mktemp("probe")
    try:
        probe = in_namespace("mount -t tmpfs -o size=64k tmpfs .", folder)
    except FileNotFoundError:
        pytest.skip("needs the unshare command (util-linux) to make a full or read-only disk")
    if probe.returncode != 0:
        pytest.skip(f"user and mount namespaces are not allowed here: {probe.stderr.strip()}")


def factbot(*argv: str | Path) -> str:
    return shlex.join([sys.executable, "-m", "bot", *map(str, argv)])


def index_on_a_small_disk(
    tmp_path: Path, options: str, more: Path
) -> subprocess.CompletedProcess[str]:
    """Index ``more`` into a copy of the base on a tmpfs mounted with ``options``; the base
    as the run left it is copied to ``after/``."""
    (tmp_path / "disk").mkdir()
    script = (
        f"mount -t tmpfs -o {options} tmpfs disk && cp base.sqlite3 disk/ && "
        f"{factbot('index', '--db', 'disk/base.sqlite3', '--jobs', '1', more)}; "
        "status=$?; mkdir after && cp disk/base.sqlite3* after/; exit $status"
    )
    return in_namespace(script, tmp_path)


def test_a_full_disk(
    namespaces: None, tmp_path: Path, base: Path, before: list, more: Path
) -> None:
    size = base.stat().st_size + 48 * 1024  # room for the base and a little more
    result = index_on_a_small_disk(tmp_path, f"size={size}", more)
    assert result.returncode == EXIT_FULL, result.stderr
    assert "is full" in one_line(result.stderr)
    assert kept(tmp_path / "after" / "base.sqlite3", before)


def test_a_disk_with_no_free_inodes_is_full_not_read_only(
    namespaces: None, tmp_path: Path, base: Path, before: list, more: Path
) -> None:
    # Room for its own folder, the base and the writer's lock: none for the base's journal.
    result = index_on_a_small_disk(tmp_path, "size=4m,nr_inodes=3", more)
    assert result.returncode == EXIT_FULL, result.stderr
    assert "no free inodes" in one_line(result.stderr)
    assert kept(tmp_path / "after" / "base.sqlite3", before)


def test_a_base_on_a_disk_with_no_space_left_answers_but_is_not_indexed_into(
    namespaces: None, tmp_path: Path, base: Path, before: list, more: Path
) -> None:
    size = base.stat().st_size + 64 * 1024
    fill = (
        f"mkdir disk && mount -t tmpfs -o size={size} tmpfs disk && cp {base} disk/ && "
        "(dd if=/dev/zero of=disk/fill bs=4k 2>/dev/null; true)"
    )
    copy = "disk/base.sqlite3"
    script = (
        f"{fill} && {factbot('ask', '--db', copy, '/who Petra Lund')} > asked; echo $? > a; "
        f"{factbot('index', '--db', copy, '--jobs', '1', more)} 2> indexed; echo $? > i; "
        "mkdir after && cp disk/base.sqlite3 after/"
    )
    result = in_namespace(script, tmp_path)
    assert (tmp_path / "a").read_text().strip() == "0", result.stderr
    assert "Harbour master" in (tmp_path / "asked").read_text()
    assert int((tmp_path / "i").read_text()) == EXIT_FULL
    assert "is full" in one_line((tmp_path / "indexed").read_text())
    assert kept(tmp_path / "after" / "base.sqlite3", before)


@pytest.mark.parametrize("read_only", ["base.sqlite3", "."], ids=["file", "folder"])
def test_a_read_only_base_answers_but_is_not_indexed_into(
    namespaces: None, tmp_path: Path, base: Path, before: list, more: Path, read_only: str
) -> None:
    protect = f"mount --bind {read_only} {read_only} && mount -o remount,bind,ro {read_only}"
    ask = in_namespace(
        f"{protect} && exec {factbot('ask', '--db', base, '/who Petra Lund')}", tmp_path
    )
    assert ask.returncode == 0, ask.stderr
    assert "Petra Lund" in ask.stdout and "Harbour master" in ask.stdout
    index = in_namespace(
        f"{protect} && exec {factbot('index', '--db', base, '--jobs', '1', more)}", tmp_path
    )
    assert index.returncode == EXIT_READ_ONLY
    assert "read-only" in one_line(index.stderr)
    assert contents(base) == before


def test_a_base_whose_last_writes_are_in_its_wal_in_a_read_only_folder_says_so(
    namespaces: None, tmp_path: Path, base: Path
) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    writer = sqlite3.connect(base)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    with writer:
        writer.execute("UPDATE articles SET title = 'Ferry returns to Lake Vesk'")
    for name in ("base.sqlite3", "base.sqlite3-wal"):  # as a writer that stopped left them
        (copy / name).write_bytes((tmp_path / name).read_bytes())
    writer.close()
    protect = "mount --bind copy copy && mount -o remount,bind,ro copy"
    ask = in_namespace(
        f"{protect} && exec {factbot('ask', '--db', 'copy/base.sqlite3', '/article ferry')}",
        tmp_path,
    )
    assert ask.returncode == EXIT_READ_ONLY and "-wal holds writes" in one_line(ask.stderr)


def test_a_base_in_a_folder_closed_to_the_user(tmp_path: Path, base: Path, more: Path) -> None:
    closed = tmp_path / "closed"
    closed.mkdir()
    base.rename(closed / "base.sqlite3")
    closed.chmod(0)
    try:
        # As a user with no rights over the folder (root has them all): an unmapped user of
        # a new user namespace is such a user.
        as_nobody = ["unshare", "--user", sys.executable, "-m", "bot"]
        probe = subprocess.run([*as_nobody, "--version"], capture_output=True, timeout=60)
        if probe.returncode != 0:
            pytest.skip("needs user namespaces, and the project readable by any user")
        for argv in (["ask", "/who Petra Lund"], ["index", str(more)]):
            command, *rest = argv
            result = subprocess.run(
                [*as_nobody, command, "--db", str(closed / "base.sqlite3"), *rest],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == EXIT_OPEN
            assert "cannot open" in one_line(result.stderr)
    finally:
        closed.chmod(0o755)


# -- the settings file --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ("discord:\n  digest_timezone: 5\n", "discord.digest_timezone"),
        ("discord:\n  token_env: 5\n", "discord.token_env"),
        ("discord:\n  admin_role: 123\n", "discord.admin_role"),
        ("discord:\n  guild_id: 1.9\n", "discord.guild_id"),
        ("discord:\n  poll_seconds: true\n", "discord.poll_seconds"),
        ("knowledge_dir: null\n", "knowledge_dir"),
        ("discord:\n  token: abc.def\n", "discord.token"),
        ("discord:\n  digest_timezone: Europe\n", "discord.digest_timezone"),
        ("discord:\n  digest_timezone: " + "A" * 5000 + "\n", "discord.digest_timezone"),
        ('knowledge_dir: "a\\0b"\n', "knowledge_dir"),
        ("web:\n  poll_minutes: 0\n", "web.poll_minutes"),
        ("web:\n  feeds: https://one.example/feed\n", "web.feeds"),
    ],
)
def test_a_bad_setting(
    capsys, tmp_path: Path, base: Path, before: list, setting: str, named: str
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"db_path: {base.name}\n{setting}", encoding="utf-8")
    status, _, err = run(capsys, "--config", str(config), "ask", "/who Petra Lund")
    assert status == 3 and one_line(err).startswith(f"factbot: {named}:")
    assert contents(base) == before


@pytest.mark.parametrize("yaml_text", ["a: &a [*a]\n", "discord: &d {x: *d}\n"])
def test_a_settings_file_that_refers_to_itself(capsys, tmp_path: Path, yaml_text: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(yaml_text, encoding="utf-8")
    status, _, err = run(capsys, "--config", str(config), "ask", "/who Petra Lund")
    assert status == 3 and "refers to itself" in one_line(err)


def test_a_settings_file_that_is_not_utf8(capsys, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_bytes(b"discord:\n  admin_role: Caf\xe9\n")
    status, _, err = run(capsys, "--config", str(config), "ask", "/who Petra Lund")
    assert status == 3 and "not UTF-8" in one_line(err)


def test_no_answer_is_not_an_error(capsys, base: Path) -> None:
    status, out, err = run(capsys, "ask", "--db", str(base), "/who Zebulon Marsh")
    assert status == 0 and "Nothing found" in out and err == ""


def test_a_missing_base(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "ask", "--db", str(tmp_path / "none.sqlite3"), "/who X")
    assert status == EXIT_NO_BASE and "no fact base" in one_line(err)


def test_links_out_of_the_folder_pipes_and_broken_links_are_skipped_with_a_line(
    capsys, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private words about Petra Lund.", encoding="utf-8")
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "a.txt").write_text("Petra Lund opened the Lowater port.", encoding="utf-8")
    (folder / "in.txt").symlink_to(folder / "a.txt")
    (folder / "out.txt").symlink_to(outside / "secret.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    (folder / "loop").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    db = tmp_path / "f.sqlite3"
    status, out, err = run(capsys, "index", "--db", str(db), str(folder))
    assert status == 0
    assert "outside the folder" in err and "leads nowhere" in err and "not a regular file" in err
    status, out, _ = run(capsys, "articles", "--db", str(db))
    assert "secret" not in out and "a" in out


def _small_base(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Petra Lund opened the Lowater port.", encoding="utf-8")
    db = tmp_path / "f.sqlite3"
    assert main(["index", "--db", str(db), str(tmp_path / "a.txt")]) == 0
    return db


def test_a_limit_of_forty_digits_is_a_usage_error(capsys, tmp_path: Path) -> None:
    db = _small_base(tmp_path)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["articles", "--db", str(db), "--limit", "1" * 40])
    assert stopped.value.code == 2 and "is not a number of articles" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["fifo", "zero", "bomb"])
def test_a_config_that_is_no_settings_file_is_one_line(capsys, tmp_path: Path, kind: str) -> None:
    config = tmp_path / "config.yaml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "bomb":
        lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
        for name, before in zip("bcdef", "abcde", strict=True):
            lines.append(f"{name}: &{name} [{', '.join([f'*{before}'] * 10)}]")
        config.write_text("\n".join(lines) + "\nknowledge_dir: *f\n", encoding="utf-8")
    target = "/dev/zero" if kind == "zero" else str(config)
    status, _, err = run(capsys, "--config", target, "articles")
    assert status == 3 and "config file" in one_line(err)


@pytest.mark.parametrize("help", [False, True], ids=["answer", "help"])
def test_output_that_cannot_be_written_is_one_line(tmp_path: Path, help: bool) -> None:
    db = _small_base(tmp_path)
    argv = ["--help"] if help else ["ask", "--db", str(db), "/who Petra Lund"]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert one_line(result.stderr).startswith("factbot: cannot write the output")


def test_a_path_too_long_for_the_file_system_is_skipped_with_a_line(capsys, tmp_path: Path) -> None:
    status, out, _ = run(
        capsys, "index", "--db", str(tmp_path / "f.sqlite3"), str(tmp_path / ("x" * 300))
    )
    assert status == 1 and "1 failed" in out  # nothing was indexed


def test_a_link_that_loops_given_to_index_is_one_line(capsys, tmp_path: Path) -> None:
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    status, _, err = run(
        capsys, "index", "--db", str(tmp_path / "b.sqlite3"), str(tmp_path / "one.txt")
    )
    assert status == 1 and "a link that leads nowhere (or in a loop)" in one_line(err)


def test_a_closed_stdout_is_one_line_and_a_full_stderr_keeps_the_status(tmp_path: Path) -> None:
    db = _small_base(tmp_path)
    closed = subprocess.run(
        ["sh", "-c", f"{factbot('ask', '--db', db, '/who Petra Lund')} >&-"],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert closed.returncode == 1
    assert one_line(closed.stderr) == "factbot: cannot write the output (stdout is closed)"
    nowhere = subprocess.run(  # the command's own problem comes first
        ["sh", "-c", f"{factbot('ask', '--db', tmp_path / 'none.db', '/who x')} >&-"],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert nowhere.returncode == 4 and "no fact base" in one_line(nowhere.stderr)
    with open("/dev/full", "w") as full:
        missing = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--db", str(tmp_path / "none.db"), "/who x"],
            stdout=full,
            stderr=full,
            check=False,
        )
    assert missing.returncode == 4  # no base yet, though the line saying so was lost


def test_too_few_file_handles_is_one_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = (json.dumps({"id": f"a{n}", "text": f"Harbour story {n}. " * 40}) for n in range(40))
    (docs / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = factbot("index", "--db", tmp_path / "b.db", "--jobs", "2", docs)
    result = subprocess.run(
        ["sh", "-c", f"ulimit -n 14 && exec {command}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Too many open files" in one_line(result.stderr)


@pytest.mark.parametrize("where", ["loop", "through a file"])
def test_a_base_path_no_base_can_ever_be_at_says_why_not_how_to_index(
    capsys, tmp_path: Path, more: Path, where: str
) -> None:
    """A looping link or a path through a file: indexing could not make a base there, so
    asking is not told to index first."""
    if where == "loop":
        path = tmp_path / "base.sqlite3"
        path.symlink_to(path)
        why = "a link that leads nowhere"
    else:
        (tmp_path / "notes.txt").write_text("a file")
        path = tmp_path / "notes.txt" / "base.sqlite3"
        why = "notes.txt is a file, not a folder"
    for argv in (["ask", "--db", str(path), "/who Petra Lund"], ["index", "--db", str(path)]):
        status, _, err = run(capsys, *argv, *([str(more)] if argv[0] == "index" else []))
        assert status == EXIT_OPEN and why in one_line(err)
