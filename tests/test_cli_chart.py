"""`factbot ask --chart FILE` writes the timeline the bot would attach."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from worlds import delta_base, shelter_base

from bot.cli import main
from bot.query import run
from bot.render.chart import render_chart


def test_ask_writes_the_answers_chart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    chart = run(shelter_base(db), "figures", "sheltering").chart
    assert chart is not None
    target = tmp_path / "timeline.png"
    status = main(["ask", "--db", str(db), "--chart", str(target), "/figures sheltering"])
    out, err = capsys.readouterr()
    assert status == 0
    assert "people sheltering (Calderby)" in out
    assert target.read_bytes() == render_chart(chart).png
    assert f"chart written to {target}" in err and "from 300 to 1,900" in err


def test_an_answer_without_a_chart_writes_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "d.sqlite3"
    delta_base(db).close()
    target = tmp_path / "none.png"
    status = main(["ask", "--db", str(db), "--chart", str(target), "/figures displaced"])
    _, err = capsys.readouterr()
    assert status == 0
    assert not target.exists()
    assert "has no chart" in err


def test_a_chart_that_cannot_be_written_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "s.sqlite3"
    shelter_base(db).close()
    target = tmp_path / "missing-folder" / "timeline.png"
    status = main(["ask", "--db", str(db), "--chart", str(target), "/figures sheltering"])
    _, err = capsys.readouterr()
    assert status == 1
    assert err.startswith("factbot: cannot write the chart to") and err.count("\n") == 1


def test_a_chart_is_never_written_into_a_pipe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "s.sqlite3"
    shelter_base(db).close()
    target = tmp_path / "pipe"
    os.mkfifo(target)  # writing would wait for a reader that never comes
    status = main(["ask", "--db", str(db), "--chart", str(target), "/figures sheltering"])
    _, err = capsys.readouterr()
    assert status == 1 and "not a regular file" in err


def test_a_chart_replaces_an_earlier_chart_but_never_the_base_or_another_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "s.sqlite3"
    shelter_base(db).close()
    before = db.read_bytes()
    status = main(["ask", "--db", str(db), "--chart", str(db), "/figures sheltering"])
    _, err = capsys.readouterr()
    assert status == 1 and "will not write the chart over" in err
    assert db.read_bytes() == before
    chart = tmp_path / "timeline.png"
    for _ in range(2):  # written, then written again over the first
        assert main(["ask", "--db", str(db), "--chart", str(chart), "/figures sheltering"]) == 0


def test_a_chart_drawn_where_matplotlib_cannot_keep_its_cache_says_one_line(
    tmp_path: Path,
) -> None:
    """An unwritable MPLCONFIGDIR costs matplotlib its cache, not the reader two warnings."""
    db = tmp_path / "s.sqlite3"
    shelter_base(db).close()
    blocked = tmp_path / "not a folder"
    blocked.write_text("")
    target = tmp_path / "timeline.png"
    question = ["ask", "--db", str(db), "--chart", str(target), "/figures sheltering"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", *question],
        env={**os.environ, "MPLCONFIGDIR": str(blocked)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and target.stat().st_size > 0
    assert done.stderr.startswith("factbot: ")
    assert len(done.stderr.strip().splitlines()) == 1 and "chart written" in done.stderr
