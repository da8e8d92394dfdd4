"""Noticing new, changed and removed article files in the knowledge folder.

Polling rather than file-system events: it works the same on every platform and on network
folders, and a poll every minute is plenty for news. A file counts as changed when its
modification time or size differ from the last time it was indexed; the indexer itself
compares content hashes, so a touched but unchanged file costs one read and nothing more.
The first poll, and any poll that finds a file gone, indexes the whole folder, which also
removes from the base the articles of files no longer there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.ingest import discover

log = logging.getLogger(__name__)

Stamp = tuple[int, int]  # (modification time in ns, size in bytes)
_UNSEEN: Stamp = (-1, -1)


class FolderWatch:
    """Remembers the state of each article file as last indexed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self._indexed: dict[Path, Stamp] = {}
        self._synced = False
        self._warned = False

    def scan(self) -> dict[Path, Stamp]:
        """Every article file in the folder now, with its stamp (blocking: call off-loop)."""
        files, failures = discover([self.folder])
        if failures and not self._warned:
            log.warning("knowledge folder %s does not exist yet; watching for it", self.folder)
        self._warned = bool(failures)
        stamps: dict[Path, Stamp] = {}
        for path in files:
            try:
                status = path.stat()
            except OSError:  # removed between listing and stat
                continue
            stamps[path] = (status.st_mtime_ns, status.st_size)
        return stamps

    def to_index(self, scan: dict[Path, Stamp]) -> list[Path]:
        """What to index for ``scan``: nothing when nothing changed; the whole folder on the
        first poll or when a file has gone; else the new and changed files."""
        if self._synced and self._indexed.keys() <= scan.keys():
            return [path for path, stamp in scan.items() if self._indexed.get(path) != stamp]
        return [self.folder]

    def mark_indexed(self, scan: dict[Path, Stamp], paths: list[Path], read: list[Path]) -> None:
        """Remember the state of ``paths`` (or of the whole scan, for the folder). A file
        the indexer ``read`` that the scan, taken before, did not list is remembered with no
        stamp: had it gone again by the next scan, the folder is indexed once more."""
        if paths == [self.folder]:
            self._indexed = dict(scan)
            self._synced = True
        else:
            self._indexed.update((path, scan[path]) for path in paths if path in scan)
        for path in read:
            self._indexed.setdefault(path, _UNSEEN)
