"""Tables derived from data packages are kept between runs, and a bad cache costs only time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.derived import cache_folder, cached_table


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "factbot"


class Deriving:
    """A derivation that counts how often it ran."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table
        self.runs = 0

    def __call__(self) -> dict[str, int]:
        self.runs += 1
        return dict(self.table)


def test_a_table_is_derived_once_and_then_read(cache: Path) -> None:
    derive = Deriving({"north harbour": 7, "old mill": 12})
    assert cached_table("towns", ("v1",), derive) == derive.table
    assert cached_table("towns", ("v1",), derive) == derive.table
    assert derive.runs == 1
    assert cache_folder() == cache and len(list(cache.iterdir())) == 1


def test_a_table_derived_from_other_sources_is_not_read(cache: Path) -> None:
    cached_table("towns", ("v1",), Deriving({"north harbour": 7}))
    newer = Deriving({"north harbour": 8})
    assert cached_table("towns", ("v2",), newer) == {"north harbour": 8}
    assert newer.runs == 1


def test_a_cut_off_or_garbled_table_is_derived_again(cache: Path) -> None:
    derive = Deriving({"north harbour": 7, "old mill": 12})
    cached_table("towns", ("v1",), derive)
    [written] = cache.iterdir()
    written.write_text(written.read_text().splitlines(keepends=True)[0] + "north harbour\t7\n")
    assert cached_table("towns", ("v1",), derive) == derive.table
    written.write_bytes(b"\xff\xfe garbage")
    assert cached_table("towns", ("v1",), derive) == derive.table
    assert derive.runs == 3
    assert cached_table("towns", ("v1",), derive) == derive.table
    assert derive.runs == 3


def test_a_cache_folder_that_cannot_be_written_costs_only_the_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    derive = Deriving({"old mill": 12})
    assert cached_table("towns", ("v1",), derive) == {"old mill": 12}
    assert cached_table("towns", ("v1",), derive) == {"old mill": 12}
    assert derive.runs == 2
    assert blocked.read_text() == "not a folder"


def test_a_fresh_process_reads_the_gazetteer_table_the_first_one_derived(tmp_path: Path) -> None:
    """The first process derives the city table and writes it; the next reads it (here a
    table cut down by hand, to tell reading from deriving)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    probe = (
        "from bot.identity.places import place_of; print(place_of('Bombay'), place_of('Mumbai'))"
    )

    def ask() -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        return run.stdout.split()

    bombay, mumbai = ask()
    assert bombay == mumbai != ""
    [written] = (tmp_path / "factbot").glob("city-names-*")
    written.write_text("# rows: 2\nbombay\t1\nmumbai\t2\n")
    assert ask() == ["city:1", "city:2"]


@pytest.mark.parametrize(
    ("table", "probe", "derived", "cut_down", "read"),
    [
        (
            "places",
            "print('oslo' in places(), 'quorvath' in places())",
            "True False",
            "quorvath\t1\n",
            "False True",
        ),
        (
            "given-names",
            "print(given_name('Ahmed'), given_name('Quorvath'))",
            "male unknown",
            "quorvath\t4\n",
            "unknown andy",
        ),
    ],
)
def test_a_fresh_process_reads_the_word_lists_the_first_one_derived(
    tmp_path: Path, table: str, probe: str, derived: str, cut_down: str, read: str
) -> None:
    """The gazetteer's place names and the first-name lists are kept the same way."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = f"from bot.extract.lexicon import given_name, places; {probe}"

    def ask() -> str:
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return run.stdout.strip()

    assert ask() == derived
    [written] = (tmp_path / "factbot").glob(f"{table}-*")
    written.write_text(f"# rows: 1\n{cut_down}")
    assert ask() == read
