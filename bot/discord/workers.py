"""Fact-base work off the event loop: answers on reader threads, indexing on one writer.

The gateway connection must keep its heartbeat and every interaction must be acknowledged
within three seconds, so nothing that touches SQLite runs on the event loop. Each reader
thread has its own connection to the base (SQLite connections are not for sharing between
threads at once), and all writes (indexing, the digest bookkeeping) go through a single
writer thread, so a long re-index never blocks an answer: WAL lets readers see the last
committed state while the writer works.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.store import Location, Store

R = TypeVar("R")

READER_THREADS = 4
WRITER_PREFIX = "factbot-write"


class Workers:
    """Thread pools that hand each job a fact-base connection of its own thread."""

    def __init__(self, db_path: Location, readers: int = READER_THREADS) -> None:
        self._db_path = db_path
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._readers = ThreadPoolExecutor(readers, thread_name_prefix="factbot-read")
        self._writer = ThreadPoolExecutor(1, thread_name_prefix=WRITER_PREFIX)

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            # The writer brings a base of an older schema up to date (emptied; the folder
            # watch indexes the knowledge folder again); readers open it as it is.
            writer = threading.current_thread().name.startswith(WRITER_PREFIX)
            store = Store(self._db_path, upgrade=writer)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def _call(self, job: Callable[..., R], args: tuple[Any, ...]) -> R:
        return job(self._store(), *args)

    def read(self, job: Callable[..., R], *args: Any) -> asyncio.Future[R]:
        """Run ``job(store, *args)`` on a reader thread."""
        return asyncio.get_running_loop().run_in_executor(self._readers, self._call, job, args)

    def write(self, job: Callable[..., R], *args: Any) -> asyncio.Future[R]:
        """Run ``job(store, *args)`` on the writer thread, after any write queued before it."""
        return asyncio.get_running_loop().run_in_executor(self._writer, self._call, job, args)

    def _shutdown(self) -> None:
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores.clear()

    async def close(self) -> None:
        """Let running jobs finish, drop queued ones, and close every connection."""
        await asyncio.to_thread(self._shutdown)
