"""Indexing article files into the fact base: incremental, idempotent, failure-contained.

An article whose bytes hash the same as what is stored is skipped; a changed one is
re-extracted and replaced in one transaction; one that cannot be read or extracted is
reported and leaves whatever was indexed before untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from bot.extract import extract
from bot.ingest import Failure, Loaded, discover, load_file
from bot.store import Store

log = logging.getLogger(__name__)
BATCH = 100


@dataclass(slots=True)
class IndexReport:
    """What one indexing run did, article by article."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
        )


def _index_one(store: Store, loaded: Loaded, report: IndexReport) -> None:
    article = loaded.article
    previous = store.content_hash(article.id)
    if previous == loaded.content_hash:
        report.unchanged.append(article.id)
        return
    try:
        facts = extract(article)
        store.put_article(article, facts, loaded.content_hash)
    except Exception as exc:  # one bad article must not stop the run; it is logged in full
        log.exception("indexing %s failed", article.id)
        report.failed.append(Failure(article.path or article.id, f"not indexed: {exc}"))
        return
    (report.updated if previous else report.added).append(article.id)
    report.warnings.extend(f"{article.id}: {w}" for w in article.warnings)


def index_paths(store: Store, paths: Iterable[Path]) -> IndexReport:
    """Index every article file under ``paths`` (files or folders).

    Articles are committed in batches of ``BATCH`` (one commit per article costs more than
    storing it); each article is still its own savepoint, so a failure undoes only itself.
    """
    report = IndexReport()
    files, missing = discover(paths)
    report.failed.extend(missing)
    items = (item for path in files for item in load_file(path))
    while True:
        batch = list(islice(items, BATCH))
        if not batch:
            return report
        with store.transaction():
            for item in batch:
                if isinstance(item, Failure):
                    report.failed.append(item)
                else:
                    _index_one(store, item, report)
