"""Indexing throughput: articles per second for each block of articles, on 1 and 2 workers.

Run by hand (not part of the test suite):

    python benchmarks/bench_index.py [CORPUS.jsonl[.gz]] [--jobs 1 2] [--block 1000]
                                     [--limit N] [--db postgresql://...]

Each run indexes the corpus into a fresh base in a temporary folder (or, with ``--db``,
into that base, which must hold no article: give one ``--jobs`` value), the whole pipeline as
``factbot index`` runs it (reading, cleaning, extraction in worker processes, storing and
the identity step), and prints the rate of each successive block of ``--block`` articles,
then the run's wall time. Cost per article that does not grow with the base shows as a last
block about as fast as the first. By default the allsides corpus next to this checkout
(``../shared/corpora/allsides/articles.jsonl.gz``, 37,554 articles).
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from bot.indexer import index_paths
from bot.store import Store

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/allsides/articles.jsonl.gz"


class Blocks:
    """Progress callback that times each block of ``size`` finished articles."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.done = 0
        self.start = self.last = time.perf_counter()
        self.rates: list[float] = []

    def __call__(self, count: int) -> None:
        self.done += count
        if self.done % self.size < count:
            now = time.perf_counter()
            self.rates.append(self.size / (now - self.last))
            self.last = now
            print(
                f"  block {len(self.rates):3d}: {self.rates[-1]:6.0f} articles/s,"
                f" writer's memory {_resident_mib():,.0f} MiB",
                flush=True,
            )


def _resident_mib() -> float:
    """The memory this process (the writer) holds now, where the system tells it."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def sliced(corpus: Path, limit: int | None, folder: Path) -> Path:
    """The corpus, or its first ``limit`` articles, as a file in ``folder``."""
    if limit is None:
        return corpus
    opener = gzip.open if corpus.suffix == ".gz" else open
    target = folder / "slice.jsonl"
    with opener(corpus, "rb") as source, target.open("wb") as out:
        out.writelines(islice(source, limit))
    return target


def run(corpus: Path, jobs: int, block: int, db: str | None) -> tuple[float, list[float], int]:
    """(wall seconds, block rates, articles indexed) of indexing ``corpus`` afresh, into
    ``db`` or a base file in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder, Store(db or Path(folder) / "b.sqlite3") as store:
        if store.article_count():
            raise SystemExit(f"{store.name} holds articles: give an empty base")
        blocks = Blocks(block)
        start = time.perf_counter()
        report = index_paths(store, [corpus], jobs=jobs, progress=blocks)
        return time.perf_counter() - start, blocks.rates, len(report.added)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--block", type=int, default=1000)
    parser.add_argument("--limit", type=int, help="index only the first N articles")
    parser.add_argument("--db", help="an empty base to index into (e.g. postgresql://...)")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        corpus = sliced(args.corpus, args.limit, Path(folder))
        for jobs in args.jobs:
            print(f"{jobs} worker(s):", flush=True)
            wall, rates, added = run(corpus, jobs, args.block, args.db)
            rows.append((jobs, added, wall, rates))
    print("\n| workers | articles | wall time | overall articles/s | first block | last block |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for jobs, added, wall, rates in rows:
        first, last = (f"{rates[0]:,.0f}", f"{rates[-1]:,.0f}") if rates else ("-", "-")
        print(f"| {jobs} | {added:,} | {wall:,.0f} s | {added / wall:,.0f} | {first} | {last} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
