"""Indexing article files into the fact base: incremental, parallel, failure-contained.

The work is a pipeline. The calling process reads each file (cheap: bytes, JSON lines,
hashes) and skips articles whose bytes hash as stored; the costly part, cleaning and fact
extraction, runs in worker processes (``jobs``); the calling process stores the results in
the order they were read, a batch of articles to a transaction, each article its own
savepoint, so a failure undoes only itself. At most a bounded number of articles is in
flight, so memory stays flat on any corpus. The same files give the same base whatever the
number of workers.

The base follows its folders: an article whose file has gone from an indexed folder, or
whose line has gone from a file read in full, is removed. Two inputs that would give one
article id are never merged: the first one read keeps the id, the other is reported and
skipped.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from bot.extract import extract
from bot.ingest import Failure, Loaded, Raw, build, discover, read_file
from bot.model import Extraction
from bot.store import Store, StoreError

log = logging.getLogger(__name__)

# Articles stored in one transaction: a commit per article would cost more than storing it.
BATCH = 1000
# How often a long run settles identities (and once at its end): readers see a large import's
# new entities a minute late, and the run does not resolve the same neighbourhoods each batch.
SETTLE_SECONDS = 60.0
# Articles handed to each worker process at a time, and chunks kept in flight per worker:
# enough for the workers to go on extracting while the writer settles a batch's identities
# (seconds on a large base), few enough to keep memory small (a few hundred articles).
CHUNK = 8
IN_FLIGHT_PER_JOB = 32
# How much less eager the workers are than the writer for the CPU: on as many workers as
# cores, the one writer, whose work grows with the base, would otherwise get a share of a
# core, and the run would go at its pace.
WORKER_NICENESS = 5
# Fewer articles to extract than this are done in this process: starting workers costs more.
POOL_THRESHOLD = 40
# How often, in seconds, a worker looks whether the indexer that started it is still there.
PARENT_CHECK_SECONDS = 1.0


class WorkerLost(Exception):
    """An extraction worker process ended in the middle of a run (killed, out of memory):
    the run stops; what it stored before is kept."""


Progress = Callable[[int], None]


@dataclass(slots=True)
class IndexReport:
    """What one indexing run did, article by article."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # the files read
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        removed = f", {len(self.removed)} removed" if self.removed else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged{removed}, {len(self.failed)} failed"
        )


Done = tuple[Raw, Loaded | Failure, Extraction | None]


def extract_raw(raw: Raw) -> Done:
    """Clean, split and extract one article (the part that runs in a worker)."""
    loaded = build(raw)
    if isinstance(loaded, Failure):
        return raw, loaded, None
    try:
        return raw, loaded, extract(loaded.article)
    except Exception as exc:  # one bad article must not stop the run; it is logged in full
        log.exception("extracting %s failed", raw.id)
        return raw, Failure(raw.path, f"{raw.id}: not indexed: {exc}", raw.line), None


def _extract_chunk(raws: list[Raw]) -> list[Done]:
    return [extract_raw(raw) for raw in raws]


class _Run:
    """One indexing run: the ids it has seen, what it has read, and its report."""

    def __init__(self, store: Store, files: list[Path], progress: Progress | None) -> None:
        self.store = store
        self.progress = progress or (lambda done: None)
        self.report = IndexReport()
        self.stored = store.article_sources()
        self.seen: dict[str, str] = {}  # article id -> where this run read it
        self.read_whole: dict[str, set[str]] = {str(f): set() for f in files}

    def to_extract(self, files: list[Path]) -> Iterator[Raw]:
        """The articles of ``files`` that are new or changed; the rest go in the report."""
        for path in files:
            for item in read_file(path):
                if isinstance(item, Failure):
                    self.report.failed.append(item)
                    self.read_whole.pop(item.path, None)
                    self.progress(1)
                elif self._accept(item):
                    yield item
                else:
                    self.progress(1)

    def _accept(self, raw: Raw) -> bool:
        where = f"{raw.path}:{raw.line}" if raw.line else raw.path
        clash = self._clash(raw)
        if clash:
            self.report.failed.append(
                Failure(raw.path, f"article id {raw.id!r} is already {clash}; skipped", raw.line)
            )
            return False
        self.seen[raw.id] = where
        self.read_whole.get(raw.path, set()).add(raw.id)
        if self.store.content_hash(raw.id) == raw.content_hash:
            if self.stored.get(raw.id) not in (None, raw.path):
                self.store.move_article(raw.id, raw.path)  # the same file, moved here
            self.report.unchanged.append(raw.id)
            return False
        return True

    def _clash(self, raw: Raw) -> str:
        """Whose the id already is, when it belongs to another input."""
        if raw.id in self.seen:
            return f"the article at {self.seen[raw.id]}"
        owner = self.stored.get(raw.id)
        if owner and owner != raw.path and Path(owner).exists():
            return f"the article from {owner}"
        return ""

    def store_one(self, raw: Raw, loaded: Loaded | Failure, facts: Extraction | None) -> None:
        self.progress(1)
        if isinstance(loaded, Failure) or facts is None:
            self.report.failed.append(
                loaded if isinstance(loaded, Failure) else Failure(raw.path, raw.id)
            )
            self.read_whole.pop(raw.path, None)
            return
        article = loaded.article
        previous = raw.id in self.stored
        try:
            self.store.put_article(article, facts, loaded.content_hash, settle=False)
        except StoreError:
            raise  # a fault of the base itself (disk full, read-only, locked) ends the run
        except Exception as exc:  # contained: the report's one line says it
            log.debug("storing %s failed", article.id, exc_info=True)
            self.report.failed.append(Failure(raw.path, f"not indexed: {exc}", raw.line))
            self.read_whole.pop(raw.path, None)
            return
        (self.report.updated if previous else self.report.added).append(article.id)
        self.report.warnings.extend(f"{article.id}: {w}" for w in article.warnings)

    def prune(self, folders: list[Path]) -> None:
        """Remove articles whose file has left an indexed folder, or whose line has left a
        file read in full this run."""
        gone: list[str] = []
        for article_id, path in self.stored.items():
            if not path or article_id in self.seen:
                continue
            if path in self.read_whole or (_under(Path(path), folders) and _gone(Path(path))):
                gone.append(article_id)
        with self.store.transaction():
            for article_id in gone:
                if self.store.delete_article(article_id, settle=False):
                    self.report.removed.append(article_id)


def _gone(path: Path) -> bool:
    """Whether an indexed file is no longer there; one that cannot be looked at (its
    folder became unreadable) is not known to be gone, and its articles are kept."""
    try:
        return not path.exists()
    except OSError:
        return False


def _under(path: Path, folders: list[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def index_paths(
    store: Store,
    paths: Iterable[Path],
    jobs: int = 1,
    progress: Progress | None = None,
    on_busy: Callable[[], None] | None = None,
) -> IndexReport:
    """Index every article file under ``paths`` (files or folders), with ``jobs`` worker
    processes for extraction; ``progress`` is told of each article finished, ``on_busy``
    if another indexing run holds the base (this one then waits for it)."""
    with store.writing(on_busy):
        # realpath, unlike Path.resolve, leaves a looping link as it is for discover to report
        return _index(store, [Path(os.path.realpath(p)) for p in paths], jobs, progress)


def _index(store: Store, paths: list[Path], jobs: int, progress: Progress | None) -> IndexReport:
    found, missing = discover(paths)
    files = list(dict.fromkeys(found))  # a file given twice (or in a folder given) is read once
    run = _Run(store, files, progress)
    run.report.failed.extend(missing)
    run.report.files.extend(files)
    results = _extracted(run.to_extract(files), jobs)
    settled = time.monotonic()
    while batch := list(islice(results, BATCH)):
        with store.transaction():
            for done in batch:
                run.store_one(*done)
        if time.monotonic() - settled >= SETTLE_SECONDS:
            store.settle()
            settled = time.monotonic()
    run.prune([p for p in paths if _is_folder(p)])
    store.settle()
    return run.report


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder: False for a name the file system cannot even look up
    (one too long), which ``discover`` has reported."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _extracted(raws: Iterator[Raw], jobs: int) -> Iterator[Done]:
    """The extraction of each article, in the order read: here for a small run or one job,
    else in ``jobs`` worker processes."""
    first = list(islice(raws, POOL_THRESHOLD))
    if jobs <= 1 or len(first) < POOL_THRESHOLD:
        yield from map(extract_raw, first)
        yield from map(extract_raw, raws)
        return
    rest = _chunks(iter([*first, *raws]), CHUNK)
    pending: deque[Future[list[Done]]] = deque()
    pool: ProcessPoolExecutor | None = None
    try:
        with _ctrl_c_held():
            # "spawn": workers start clean, whatever threads or connections this process
            # holds. Submitting one chunk per job starts every worker.
            pool = ProcessPoolExecutor(
                jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
            pending.extend(pool.submit(_extract_chunk, chunk) for chunk in islice(rest, jobs))
        for chunk in rest:
            pending.append(pool.submit(_extract_chunk, chunk))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise WorkerLost("an extraction worker process ended unexpectedly") from exc
    except KeyboardInterrupt:
        _end_workers(pool)
        raise
    finally:
        # Stopped early (an error, Ctrl-C, a closed generator): nothing more is started,
        # and the workers end with the chunk in hand rather than the whole queue.
        if pool is not None:
            pool.shutdown(wait=not pending, cancel_futures=True)


def _end_workers(pool: ProcessPoolExecutor | None) -> None:
    """End the workers now, in the middle of their chunks: a stopped run wants nothing more
    of them, and waiting for them (or for the pool's own thread, which a second Ctrl-C can
    leave waiting forever) is what kept a stopped run from ending. (The pool keeps its
    processes in ``_processes``; Python 3.14 names this ``terminate_workers``.)"""
    if pool is None:
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        with suppress(OSError):
            process.terminate()
    # The pool's thread is joined while the ended workers are: left for the interpreter's
    # exit, that join races the thread closing its pipe ("Exception ignored" printed) and
    # meets a second signal after the handlers are gone.
    pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ignore Ctrl-C while worker processes start: they are born ignoring it, and so never
    see the one the terminal sends them with the indexer, which alone stops the run. (One
    pressed in those few milliseconds is lost.)"""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals go to the main thread only: nothing to hold back here
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def _start_worker(indexer: int) -> None:
    """Make a worker the indexer's own: at a lower priority than the writer (where the
    system has priorities), and ending as soon as the indexer is gone (killed, it cannot
    tell its workers)."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    threading.Thread(target=_end_with, args=(indexer,), daemon=True).start()


def _end_with(indexer: int) -> None:
    while os.getppid() == indexer:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _chunks(items: Iterator[Raw], size: int) -> Iterator[list[Raw]]:
    while chunk := list(islice(items, size)):
        yield chunk


def forget(store: Store, article_ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Remove articles by id; return (removed, unknown)."""
    removed: list[str] = []
    unknown: list[str] = []
    with store.writing():
        with store.transaction():
            for article_id in article_ids:
                found = store.delete_article(article_id, settle=False)
                (removed if found else unknown).append(article_id)
        store.settle()
    return removed, unknown
