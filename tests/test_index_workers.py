"""The indexer owns its worker processes' lives: a worker lost, Ctrl-C, SIGTERM or a killed
indexer end the run with one line (or silently, when killed) and leave no worker behind.

Real processes, real signals: the indexer runs as a subprocess on enough invented articles
to start its workers, and the test acts on it once they are there.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

WAIT_SECONDS = 60.0


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Enough articles for a run of several seconds on two workers."""
    docs = tmp_path / "docs"
    docs.mkdir()
    sentence = (
        "Harbour master Petra Lund of the Orrin Ferry Company said {n} boats left the quay "
        "on Monday, and 1,{n:03d} passengers crossed the lake. "
    )
    lines = (
        json.dumps(
            {"id": f"ferry-{n}", "title": f"Ferry day {n}", "text": sentence.format(n=n) * 30}
        )
        for n in range(3000)
    )
    (docs / "ferries.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docs


def hear_ctrl_c() -> None:
    """Let the child hear Ctrl-C as from a terminal, even when the tests run where it is
    ignored (a job started in the background of a shell ignores SIGINT, and so do its
    children)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(tmp_path: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "index", "--db", str(tmp_path / "base.sqlite3"), "--jobs",
         "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=hear_ctrl_c,
    )  # fmt: skip


def workers_of(pid: int) -> list[int]:
    """The extraction workers the process ``pid`` started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def catches(pid: int, signum: int) -> bool:
    """Whether the process ``pid`` has a handler of its own for ``signum`` (its SigCgt)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(
        (line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), "0"
    )
    return bool(int(mask, 16) >> (signum - 1) & 1)


def until(condition: Callable[[], bool], seconds: float = WAIT_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def indexer(tmp_path: Path, folder: Path) -> Iterator[tuple[subprocess.Popen[str], list[int]]]:
    """A running indexer and its two workers, once both are extracting."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("reads processes from /proc")
    process = start(tmp_path, folder)
    assert until(lambda: len(workers_of(process.pid)) == 2)
    yield process, workers_of(process.pid)
    if process.poll() is None:
        process.kill()
    process.wait()
    for pid in workers_of(process.pid):
        os.kill(pid, signal.SIGKILL)


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_a_lost_worker_ends_the_run_with_one_line_and_no_worker_left(
    indexer: tuple[subprocess.Popen[str], list[int]],
) -> None:
    process, workers = indexer
    os.kill(workers[0], signal.SIGKILL)
    _, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 1
    assert "worker process ended unexpectedly" in one_line(err)
    assert until(lambda: not any(alive(pid) for pid in workers))


@pytest.mark.parametrize(
    "stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "sigterm", "sighup"]
)
def test_a_stopped_run_says_so_keeps_its_base_and_ends_its_workers(
    tmp_path: Path, indexer: tuple[subprocess.Popen[str], list[int]], stop: signal.Signals
) -> None:
    process, workers = indexer
    for pid in (process.pid, *workers):  # Ctrl-C reaches the whole foreground group
        if stop == signal.SIGINT or pid == process.pid:
            with suppress(ProcessLookupError):  # a worker its indexer has just ended
                os.kill(pid, stop)
    _, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 130
    assert "stopped" in one_line(err)
    assert until(lambda: not any(alive(pid) for pid in workers))
    with sqlite3.connect(tmp_path / "base.sqlite3") as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_second_signal_while_stopping_ends_the_run_there_and_then(
    tmp_path: Path, indexer: tuple[subprocess.Popen[str], list[int]], stop: signal.Signals
) -> None:
    process, workers = indexer
    os.kill(process.pid, stop)
    time.sleep(0.2)
    if process.poll() is None:
        os.kill(process.pid, stop)
    _, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 130
    assert "Traceback" not in err and "stopped" in err
    assert until(lambda: not any(alive(pid) for pid in workers))
    with sqlite3.connect(tmp_path / "base.sqlite3") as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_before_the_command_has_started_is_one_line(
    tmp_path: Path, stop: signal.Signals
) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("reads processes' signal handlers from /proc")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "articles", "--db", str(tmp_path / "none.sqlite3")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=hear_ctrl_c,
    )
    # Once the entry point handles SIGTERM (its first statement), the command line is still
    # being imported for most of a second: the signal comes then, however busy the machine.
    assert until(lambda: catches(process.pid, signal.SIGTERM), seconds=WAIT_SECONDS)
    os.kill(process.pid, stop)
    _, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 130, err
    assert "stopped" in one_line(err)
    assert not (tmp_path / "none.sqlite3").exists()


def test_workers_end_with_a_killed_indexer(
    indexer: tuple[subprocess.Popen[str], list[int]],
) -> None:
    process, workers = indexer
    process.kill()
    process.wait()
    assert until(lambda: not any(alive(pid) for pid in workers), seconds=10)
